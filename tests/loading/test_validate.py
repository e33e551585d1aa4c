"""Validation figures in flight and in PostgreSQL, the dashboard template file, target column names."""

from __future__ import annotations

import uuid

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from columnar_etl.errors import ConfigError, LoadError
from columnar_etl.loading.adbc import copy_tables_atomically
from columnar_etl.loading.dashboard import load_templates, parse_templates
from columnar_etl.loading.schemas import fetch_all
from columnar_etl.loading.validate import (
    TARGET_LIST_LIMIT,
    TableStats,
    check_types,
    compare,
    observe_stream,
    quality_checks,
    target_queries,
)
from columnar_etl.pg.column_names import column_mapping, snake_case
from columnar_etl.pg.connect import connect
from columnar_etl.pg.identifiers import qualified

from ..conftest import pg_query, uri_with_database


def observed(table: pa.Table, name: str = "t") -> tuple[list[pa.RecordBatch], TableStats]:
    reader, stats = observe_stream(
        name, pa.RecordBatchReader.from_batches(table.schema, table.to_batches(500))
    )
    return list(reader), stats


def _one_query(schema: str, table: str, queries: list[str]) -> str:
    """The figures of ``queries`` (over ``schema.table``) asked by one query, as the validation once did."""
    suffix = f" FROM {qualified(schema, table)}"
    assert all(q.startswith("SELECT ") and q.endswith(suffix) for q in queries)
    return f"SELECT {', '.join(q.removeprefix('SELECT ').removesuffix(suffix) for q in queries)}{suffix}"


def test_figures_gathered_in_flight_equal_pyarrow_over_the_whole_table(
    v2_tables: dict[str, pa.Table],
) -> None:
    sheets = v2_tables["timesheets"]
    batches, stats = observed(sheets, "timesheets")
    assert pa.Table.from_batches(batches).equals(sheets)  # passed through unchanged
    assert (stats.rows, stats.batches) == (sheets.num_rows, -(-sheets.num_rows // 500))
    hours, start, billable, agent = (
        stats.columns[c] for c in ("TS-Hours", "TS-Start Time", "TS-Billable?", "TS-Agent")
    )
    assert hours.kind == "float" and hours.sum == pytest.approx(pc.sum(sheets["TS-Hours"]).as_py(), rel=1e-12)
    assert hours.non_null == sheets.num_rows - sheets["TS-Hours"].null_count
    bounds = pc.min_max(sheets["TS-Start Time"])
    assert start.to_dict()["min"] == bounds["min"].as_py().isoformat()
    assert billable.sum == pc.sum(sheets["TS-Billable?"]).as_py()
    assert agent.sum == sum(len(v.encode()) for v in sheets["TS-Agent"].to_pylist() if v is not None)


def test_postgres_figures_match_and_a_changed_value_is_caught(
    pg_uri: str, v2_tables: dict[str, pa.Table]
) -> None:
    tickets = v2_tables["tickets"]
    batches, stats = observed(tickets, "tickets")
    copy_tables_atomically(pg_uri, "v", {"tickets": pa.Table.from_batches(batches)})
    (query,) = target_queries("v", stats)  # one query for the table
    (row,) = pg_query(pg_uri, query)
    checks = compare(stats, row)
    assert all(check.ok for check in checks)
    assert {c.check for c in checks} == {"rows", "non_null", "min", "max", "sum", "true_count", "bytes"}

    pg_query(
        pg_uri,
        'UPDATE v.tickets SET "TKT-Satisfaction" = "TKT-Satisfaction" + 1, "TKT-Subject" = NULL, '
        '"TKT-Created Time" = "TKT-Created Time" + interval \'1 year\' '
        'WHERE "TKT-Ticket ID" = '
        '(SELECT max("TKT-Ticket ID") FROM v.tickets WHERE "TKT-Satisfaction" IS NOT NULL)',
    )
    (row,) = pg_query(pg_uri, query)
    failed = {(c.check, c.column) for c in compare(stats, row) if not c.ok}
    assert ("sum", "TKT-Satisfaction") in failed
    assert ("non_null", "TKT-Subject") in failed and ("bytes", "TKT-Subject") in failed
    assert ("max", "TKT-Created Time") in failed
    message = next(c for c in compare(stats, row) if c.check == "non_null" and not c.ok).message()
    assert message == (
        f'tickets."TKT-Subject" non_null: expected {stats.columns["TKT-Subject"].non_null}, '
        f"found {stats.columns['TKT-Subject'].non_null - 1}"
    )


def test_a_table_of_more_figures_than_a_target_list_holds_is_measured_in_several_queries(pg_uri: str) -> None:
    # 450 double columns ask for 1 + 450 * 4 figures: one query of them is refused by PostgreSQL
    # ("target lists can have at most 1664 entries"; a table of 991 columns failed its validation).
    width = 450
    table = pa.table({f"c{i}": pa.array([float(i), i + 0.5, None], pa.float64()) for i in range(width)})
    batches, stats = observed(table, "wide")
    copy_tables_atomically(pg_uri, "vw", {"wide": pa.Table.from_batches(batches)})
    with pytest.raises(Exception, match="target lists can have at most 1664 entries"):
        pg_query(pg_uri, _one_query("vw", "wide", target_queries("vw", stats)))  # the one query of before
    queries = target_queries("vw", stats)
    assert len(queries) == -(-(1 + 4 * width) // TARGET_LIST_LIMIT) == 2
    row = [value for query in queries for value in pg_query(pg_uri, query)[0]]
    checks = compare(stats, tuple(row))
    assert len(checks) == 1 + 4 * width and all(check.ok for check in checks)
    # A value changed in the last column (figures of the second query) is caught there.
    pg_query(pg_uri, f'UPDATE vw.wide SET "c{width - 1}" = 0 WHERE "c{width - 1}" = {width - 1}')
    row = [value for query in queries for value in pg_query(pg_uri, query)[0]]
    failed = {(c.check, c.column) for c in compare(stats, tuple(row)) if not c.ok}
    assert failed == {("min", f"c{width - 1}"), ("sum", f"c{width - 1}")}


@pytest.mark.parametrize("encoding", ["UTF8", "LATIN1"])
def test_text_is_measured_in_utf8_bytes_in_any_database_encoding(pg_server_uri: str, encoding: str) -> None:
    # Characters of one, two and three UTF-8 bytes (LATIN1 stores é in one byte, and has no €).
    values = ["plain", "café", None, "ÿé" if encoding == "LATIN1" else "€ – ü", ""]
    table = pa.table({"id": pa.array(range(len(values)), pa.int64()), "note": pa.array(values, pa.string())})
    batches, stats = observed(table, "notes")
    assert stats.columns["note"].sum == sum(len(v.encode()) for v in values if v is not None)
    name = f"test_{encoding.lower()}_{uuid.uuid4().hex[:8]}"
    pg_query(
        pg_server_uri,
        f"CREATE DATABASE {name} ENCODING '{encoding}' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0",
    )
    uri = uri_with_database(pg_server_uri, name)
    try:
        copy_tables_atomically(uri, "v", {"notes": pa.Table.from_batches(batches)})
        # Stored as the same characters (the connection's client encoding is UTF-8, whatever the
        # database's), and so measured alike.
        assert [row[0] for row in pg_query(uri, "SELECT note FROM v.notes ORDER BY id")] == values
        assert pg_query(uri, "SELECT length(note) FROM v.notes WHERE id = 1") == [(4,)]
        (query,) = target_queries("v", stats, utf8=encoding == "UTF8")
        assert all(check.ok for check in compare(stats, pg_query(uri, query)[0]))
        # The same number of characters, fewer bytes: caught.
        pg_query(uri, "UPDATE v.notes SET note = 'cafe' WHERE note = 'café'")
        failed = [c for c in compare(stats, pg_query(uri, query)[0]) if not c.ok]
        assert [(c.check, c.column) for c in failed] == [("bytes", "note")]
    finally:
        pg_query(pg_server_uri, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_a_timestamp_that_landed_as_text_fails_the_type_check() -> None:
    stats = {"t": TableStats.for_schema("t", pa.schema([("at", pa.timestamp("us")), ("on", pa.date32())]))}
    checks = check_types(stats, {"t": [("at", "text"), ("on", "date")]})
    assert [(c.column, c.expected, c.found, c.ok) for c in checks] == [
        ("at", "timestamp without time zone", "text", False),
        ("on", "date", "date", True),
    ]


def test_quality_checks() -> None:
    assert [(c.check, c.ok) for c in quality_checks(90.0, 95.0, 80.0)] == [
        ("quality_not_worse", True),
        ("min_quality", True),
    ]
    assert [(c.check, c.ok) for c in quality_checks(90.0, 85.0, 88.0)] == [
        ("quality_not_worse", False),
        ("min_quality", False),
    ]
    assert [(c.check, c.found) for c in quality_checks(70.0, None, 80.0)] == [("min_quality", 70.0)]
    assert quality_checks(None, None, 80.0) == []
    # Equal figures, one of them rounded to two decimals as recorded: not worse.
    not_worse, _ = quality_checks(92.3644, 92.36, 80.0)
    assert (not_worse.check, not_worse.ok) == ("quality_not_worse", True)


def test_the_packaged_templates_are_real_metrics_against_the_export_names() -> None:
    templates = load_templates()
    assert 20 <= len(templates) <= 30
    names = {t.name for t in templates}
    assert {"ticket_volume_per_week", "open_backlog", "sla_breach_rate", "hours_per_agent"} <= names
    text = "\n".join(t.sql for t in templates)
    for needle in ("EXTRACT(EPOCH FROM", "percentile_cont(0.5)", "ROUND(SUM(", '"TKT-Created Time"'):
        assert needle in text
    assert all("{schema}." in t.sql and not t.sql.endswith(";") for t in templates)
    assert next(t for t in templates if t.name == "ticket_volume_per_week").description == (
        "Tickets created per ISO week."
    )


def test_templates_render_with_a_quoted_schema_and_renamed_columns() -> None:
    (template,) = parse_templates(
        '-- name: m\n-- A metric.\nSELECT "TKT-Created Time" FROM {schema}.tickets;\n'
    )
    assert template.tables == frozenset({"tickets"})
    assert template.render('odd"name') == 'SELECT "TKT-Created Time" FROM "odd""name".tickets'
    renamed = template.render("s", {"TKT-Created Time": "tkt_created_time"})
    assert renamed == 'SELECT "tkt_created_time" FROM "s".tickets'
    with pytest.raises(ConfigError, match="named twice: m"):
        parse_templates("-- name: m\nSELECT 1\n-- name: m\nSELECT 2\n")
    with pytest.raises(ConfigError, match="'empty' has no SQL"):
        parse_templates("-- name: empty\n-- nothing\n")


def test_snake_case_names() -> None:
    assert snake_case("TKT-Created Time") == "tkt_created_time"
    assert snake_case("TKT-SLA Breached?") == "tkt_sla_breached"
    assert snake_case("Chloé's #") == "chloe_s"
    assert snake_case("ticketId") == "ticket_id"
    assert snake_case("2nd") == "c_2nd"
    assert snake_case("ticketID") == "ticket_id"
    assert snake_case("Inès Moreau") == "ines_moreau"
    assert snake_case("?!") == "column"
    assert column_mapping(["A b", "a-b", "a_b"], "snake") == {"A b": "a_b", "a-b": "a_b_2", "a_b": "a_b_3"}
    assert column_mapping(["A b"], "export") == {"A b": "A b"}


def test_a_failed_query_about_a_table_names_it_in_its_error(pg_uri: str) -> None:
    # The validation's query of a table PostgreSQL refused failed with "table: None" (h42's fuzz).
    conn = connect(pg_uri, autocommit=True)
    try:
        cursor = conn.cursor()
        with pytest.raises(LoadError) as info:
            fetch_all(
                cursor, 'SELECT count(*) FROM (SELECT 1 AS "x") AS t WHERE 1 / 0 = 1', table="Tickets 2"
            )
        cursor.close()
    finally:
        conn.close()
    assert (info.value.table, info.value.hint) == (
        "Tickets 2",
        "nothing was committed; the live version is unchanged",
    )
    assert info.value.one_line().startswith(
        "table 'Tickets 2': division by zero (while running: SELECT count(*)"
    )


@pytest.mark.parametrize(
    "values",
    [
        [3, -7, None, 11],  # small: summed as int64
        [2**62, 2**62, -1],  # two values' sum leaves int64: summed as decimals
        [-(2**63), -1],  # the smallest int64 once more
        [2**61, 2**61, 2**61 - 1],  # the bound times the count just below 2^63: int64 holds every sum
        [None, None],
        [],
    ],
)
def test_an_integer_column_s_sum_in_flight_is_exact(values: list[int | None]) -> None:
    # Python's own sum of the values is the exact figure PostgreSQL's sum(bigint) gives.
    table = pa.table({"n": pa.array(values, pa.int64())})
    _, stats = observed(table)
    present = [v for v in values if v is not None]
    assert stats.columns["n"].sum == (sum(present) if present else None)
    assert stats.columns["n"].non_null == len(present)
