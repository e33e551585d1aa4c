"""Connection strings in both of libpq's forms: a default parameter is added once, in the same form."""

from __future__ import annotations

from columnar_etl.pg.conninfo import parse_keywords, with_default


def test_a_default_is_added_to_a_uri_unless_it_sets_the_parameter() -> None:
    uri = "postgresql://loader@db:5432/sd?sslmode=require"
    assert with_default(uri, "client_encoding", "UTF8") == f"{uri}&client_encoding=UTF8"
    assert with_default("postgresql:///sd", "connect_timeout", "5") == "postgresql:///sd?connect_timeout=5"
    given = "postgresql://db/sd?client_encoding=LATIN1"
    assert with_default(given, "client_encoding", "UTF8") == given
    # A unix-socket directory in host= keeps its slashes.
    socket = "postgresql://postgres:@/postgres?host=/tmp/pg"
    assert with_default(socket, "client_encoding", "UTF8") == f"{socket}&client_encoding=UTF8"


def test_a_default_is_added_to_keyword_pairs_unless_they_set_it() -> None:
    pairs = "host=db user=loader dbname='help desk'"
    added = with_default(pairs, "client_encoding", "UTF8")
    assert parse_keywords(added) == [*parse_keywords(pairs), ("client_encoding", "UTF8")]
    assert with_default(f"{pairs} client_encoding=SQL_ASCII", "client_encoding", "UTF8").endswith("SQL_ASCII")
