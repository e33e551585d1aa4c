"""Connections to the target share one ADBC database per URI; closing one leaves the others working."""

from __future__ import annotations

import datetime
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from columnar_etl.errors import LoadError, TargetError
from columnar_etl.loading.statements import execute
from columnar_etl.pg import connect as connect_module
from columnar_etl.pg.connect import connect, query_rows, reading
from columnar_etl.pg.server_errors import CONNECTION_LOST_HINT
from tests.conftest import pg_query, run_python, uri_as


def test_the_database_is_created_once_per_uri_and_outlives_each_connection(
    pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import adbc_driver_postgresql

    created: list[str] = []
    real = adbc_driver_postgresql.connect

    def counted(uri: str, *args: Any, **kwargs: Any) -> Any:
        created.append(uri)
        return real(uri, *args, **kwargs)

    monkeypatch.setattr(adbc_driver_postgresql, "connect", counted)
    monkeypatch.setattr(connect_module, "_databases", {})
    monkeypatch.setattr(connect_module, "_shared", {})
    first = connect(pg_uri, autocommit=True)
    cursor = first.cursor()
    cursor.execute("SELECT 1")
    assert cursor.fetchall() == [(1,)]
    cursor.close()
    first.close()  # the database stays open for the next connection
    with reading(pg_uri) as rows:
        assert rows("SELECT current_setting('client_encoding')") == [("UTF8",)]
    second = connect(pg_uri)
    cursor = second.cursor()
    cursor.execute("SELECT 2")
    assert cursor.fetchall() == [(2,)]
    second.rollback()
    second.close()
    assert query_rows(pg_uri, "SELECT 3") == [(3,)]
    assert len(created) == 1
    assert "connect_timeout=10" in created[0] and "client_encoding=UTF8" in created[0]


def test_a_refused_connection_is_a_target_error_and_is_not_kept(
    pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connect_module, "_databases", {})
    with pytest.raises(TargetError, match="cannot connect"):
        query_rows(uri_as(pg_uri, "nobody_here", "x"), "SELECT 1")
    assert connect_module._databases == {}


def test_reading_imports_neither_pyarrow_nor_polars(pg_uri: str) -> None:
    code = (
        "import sys; from columnar_etl.pg.connect import query_rows; "
        "print(query_rows(sys.argv[1], 'SELECT 1 AS a, true AS b, NULL::text AS c')); "
        "print(sorted(m for m in ('pyarrow', 'polars', 'adbc_driver_manager.dbapi') if m in sys.modules))"
    )
    done = run_python(code, pg_uri)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[(1, True, None)]", "[]"]


def test_the_database_maps_types_from_the_drivers_own_table(pg_uri: str) -> None:
    """No catalogue read when a database is created (``builtin``): every type a load writes still
    reads back as itself, through both the DB-API and the low-level reads; a type the driver's table
    lacks (a row value) arrives as its binary form instead of failing the query."""
    _, database = connect_module._database(pg_uri)
    assert database.get_option("adbc.postgresql.type_resolver_mode") == "builtin"
    values = (
        "SELECT 9223372036854775807::int8 AS i, 0.1::float8 AS f, 12.50::numeric(5, 2) AS n, 'é'::text AS t, "
        "'\\x00ff'::bytea AS b, true AS o, DATE '2025-02-28' AS d, "
        "TIMESTAMP '2025-05-20 08:42:07.123456' AS ts, "
        "TIMESTAMPTZ '2025-05-20 08:42:07+00' AS tz, 'x'::name AS nm"
    )
    expected_date = datetime.date(2025, 2, 28)
    expected_timestamp = datetime.datetime(2025, 5, 20, 8, 42, 7, 123456)
    expected_zoned = datetime.datetime(2025, 5, 20, 8, 42, 7, tzinfo=datetime.UTC)
    conn = connect(pg_uri, autocommit=True)
    try:
        cursor = conn.cursor()
        cursor.execute(values)
        (row,) = cursor.fetchall()
        assert row[:8] == (2**63 - 1, 0.1, "12.50", "é", b"\x00\xff", True, expected_date, expected_timestamp)
        assert row[8] == expected_zoned and row[9] == "x"
        cursor.execute("SELECT ROW(1, 'a') AS r")
        (opaque,) = cursor.fetchone()
        assert isinstance(opaque, bytes) and opaque.endswith(b"a")
        cursor.close()
    finally:
        conn.close()
    ((low, low_date),) = query_rows(pg_uri, "SELECT 12.50::numeric(5, 2)::text, DATE '2025-02-28'")
    assert (low, low_date) == ("12.50", expected_date)


def test_a_reading_connection_opens_and_closes_under_the_lock_the_db_api_ones_hold(pg_uri: str) -> None:
    # The driver counts a database's open connections in a plain integer: a connection opened or closed
    # while another thread does the same may lose a count, and every later close of that database then
    # fails ("Open connection count underflowed"). The DB-API connections opened and closed under one
    # lock; the preflight's threaded checks read through ``reading`` without it (a quarter sequence's
    # canary run halted so, 2026-12-06). Held here, the lock keeps a reading thread from connecting.
    import threading

    query_rows(pg_uri, "SELECT 1")  # the database is created before the lock is taken
    done = threading.Event()
    found: list[Any] = []

    def read() -> None:
        found.extend(query_rows(pg_uri, "SELECT 2"))
        done.set()

    with connect_module._connections_lock:
        thread = threading.Thread(target=read)
        thread.start()
        assert not done.wait(0.5), "a connection opened while another thread held the lock"
    thread.join(30)
    assert done.is_set() and found == [(2,)]


def test_a_statement_quoting_a_lost_connection_is_not_taken_for_one(pg_uri: str) -> None:
    # A ledger row holds the error text of the run it records, a lost connection's among them: a trigger
    # refusing that row is the server's answer, hinted as the statement's own failure.
    conn = connect(pg_uri, autocommit=True)
    try:
        cursor = conn.cursor()
        cursor.execute("CREATE TABLE said (error text)")
        cursor.execute(
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN "
            "RAISE EXCEPTION 'refused by a trigger'; END$$"
        )
        cursor.execute("CREATE TRIGGER refuse BEFORE INSERT ON said FOR EACH ROW EXECUTE FUNCTION refuse()")
        with pytest.raises(LoadError) as raised:
            execute(
                cursor, "INSERT INTO said VALUES ('COPY failed: server closed the connection unexpectedly')"
            )
        assert raised.value.message.startswith("refused by a trigger (while running: INSERT INTO said")
        assert raised.value.hint == "nothing was committed; the live version is unchanged"
        cursor.close()
    finally:
        conn.close()


def test_a_reading_query_that_fails_is_one_line_with_the_servers_message(pg_uri: str) -> None:
    # The reading connection of the preflight, the "already loaded?" look and the live version's types.
    # Was the driver's whole text, "IO: Failed to prepare query: FATAL:  terminating connection due to
    # administrator command\nserver closed the connection unexpectedly ...", and for a right refused
    # "UNAUTHORIZED: [libpq] Failed to execute query: could not begin COPY: ERROR:  permission denied ...",
    # each an unforeseen error in a run (hint "run again with --debug for the traceback").
    with reading(pg_uri) as rows:
        ((pid,),) = rows("SELECT pg_backend_pid()")
        assert query_rows(pg_uri, f"SELECT pg_terminate_backend({pid})") == [(True,)]
        with pytest.raises(TargetError) as lost:
            rows("SELECT 1")
    assert (
        lost.value.message == "terminating connection due to administrator command (while running: SELECT 1)"
    )
    assert lost.value.hint == CONNECTION_LOST_HINT
    with pytest.raises(TargetError) as streamed:  # failing as its rows are read, not as it starts
        query_rows(pg_uri, "SELECT 1 / (n - 50000) FROM generate_series(1, 100000) n")
    assert streamed.value.message.startswith("division by zero (while running: SELECT 1 / (n - 50000)")
    role = f"reader_{uuid.uuid4().hex[:8]}"
    query_rows(pg_uri, f"CREATE ROLE {role} LOGIN")
    try:
        query_rows(pg_uri, "CREATE TABLE kept (n int)")
        with pytest.raises(TargetError) as refused:
            query_rows(uri_as(pg_uri, role), "SELECT n FROM kept")
    finally:
        query_rows(pg_uri, "DROP TABLE kept")
        query_rows(pg_uri, f"DROP ROLE {role}")
    assert (refused.value.message, refused.value.hint) == (
        "permission denied for table kept (while running: SELECT n FROM kept)",
        "nothing was changed; check the role's rights on what it reads",
    )


@pytest.fixture
def one_connection_uri(pg_uri: str, pg_server_uri: str) -> Iterator[str]:
    """The test database's URI as a role the server lets open one connection at a time."""
    name = f"one_{uuid.uuid4().hex[:10]}"
    pg_query(pg_server_uri, f"CREATE ROLE {name} LOGIN CONNECTION LIMIT 1")
    try:
        yield uri_as(pg_uri, name)
    finally:
        pg_query(pg_server_uri, f"DROP ROLE IF EXISTS {name}")


def _closed_later(conn: Any, seconds: float) -> threading.Thread:
    thread = threading.Thread(target=lambda: (time.sleep(seconds), conn.close()))
    thread.start()
    return thread


def test_a_connection_over_the_roles_limit_waits_for_the_slot_to_free(one_connection_uri: str) -> None:
    # A role with CONNECTION LIMIT 1 (a service account): a session of ours just closed counts until
    # its backend exits, and the preflight's checks connect on threads at once, so a run failed now
    # and then ("too many connections for role"). Both ways of connecting now wait for the slot.
    for opened in (
        lambda: connect(one_connection_uri, autocommit=True),
        lambda: query_rows(one_connection_uri, "SELECT current_user"),
    ):
        held = connect(one_connection_uri, autocommit=True)
        closing = _closed_later(held, 0.5)
        started = time.monotonic()
        got = opened()
        waited = time.monotonic() - started
        closing.join()
        if isinstance(got, list):
            assert got == [(one_connection_uri.split("//", 1)[1].split("@", 1)[0],)]
        else:
            got.close()
        assert 0.4 <= waited < connect_module.SLOT_WAIT_SECONDS, waited


def test_a_connection_over_a_limit_that_stays_reached_is_refused_after_the_wait(
    one_connection_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connect_module, "SLOT_WAIT_SECONDS", 0.6)
    held = connect(one_connection_uri, autocommit=True)
    try:
        started = time.monotonic()
        with pytest.raises(TargetError, match="too many connections for role") as refused:
            query_rows(one_connection_uri, "SELECT 1")
        waited = time.monotonic() - started
    finally:
        held.close()
    assert 0.3 <= waited < 3, waited
    assert "CONNECTION LIMIT" in str(refused.value.hint)


def test_a_lift_of_the_timeouts_that_fails_after_a_commit_leaves_no_aborted_transaction(
    pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # After each commit the next transaction lifts the role's timeouts again, quietly. When the server
    # refused that (a statement_timeout below what the lift takes cancelled it), the transaction stayed
    # aborted, and the next statement failed "the connection is in an error state; first rollback",
    # not for its cause. A refusal the server raises, in the lift's place:
    conn = connect(pg_uri)
    try:
        monkeypatch.setattr(connect_module, "_LIFT_IN_TRANSACTION", "SELECT 1 / 0")
        conn.commit()
        cursor = conn.cursor()
        cursor.execute("SELECT 42")
        assert cursor.fetchall() == [(42,)]
        cursor.close()
    finally:
        conn.close()
