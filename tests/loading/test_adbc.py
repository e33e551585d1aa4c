"""The COPY path against a real PostgreSQL: all-or-nothing, hostile names, connection errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from columnar_etl.errors import LoadError, TargetError
from columnar_etl.loading.adbc import COPY_SLICE_BYTES, copy_slices, copy_tables_atomically
from columnar_etl.pg.connect import connect, transaction
from columnar_etl.pipeline.raw import copy_raw
from columnar_etl.source.export import open_source

from ..conftest import SqliteFactory, pg_query


def schemas(uri: str) -> set[str]:
    rows = pg_query(uri, "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'")
    return {row[0] for row in rows} - {"information_schema", "public"}


def test_copy_of_the_fixture_has_equal_row_counts(pg_uri: str, small_fixture: Path) -> None:
    result = copy_raw(small_fixture, pg_uri, schema="raw")
    with open_source(small_fixture) as src:
        expected = {name: info.row_count for name, info in src.tables.items()}
    assert result.source_rows == expected
    assert result.target_rows == expected
    assert result.copy.rows == expected
    assert sum(expected.values()) > 1_000
    for table, count in expected.items():
        assert pg_query(pg_uri, f'SELECT count(*) FROM raw."{table}"') == [(count,)]


def test_copy_keeps_values_and_nulls(pg_uri: str) -> None:
    table = pa.table({"id": pa.array([1, 2, 3], pa.int64()), "txt": ["a", None, "it's"]})
    copy_tables_atomically(pg_uri, "s", {"t": table})
    assert pg_query(pg_uri, "SELECT id, txt FROM s.t ORDER BY id") == [(1, "a"), (2, None), (3, "it's")]


@pytest.mark.parametrize("slice_bytes", [64, 1_000, 10**9])
def test_copy_slices_keep_every_row_in_order_in_batches_of_about_the_size(slice_bytes: int) -> None:
    # Two batches of unequal width (long text in the second), an empty one between them.
    schema = pa.schema([("id", pa.int64()), ("txt", pa.string())])
    batches = [
        pa.record_batch([pa.array(range(100)), pa.array([f"v{i}" for i in range(100)])], schema=schema),
        pa.record_batch([pa.array([], pa.int64()), pa.array([], pa.string())], schema=schema),
        pa.record_batch([pa.array(range(100, 130)), pa.array(["x" * 500] * 30)], schema=schema),
    ]
    sliced = list(copy_slices(pa.RecordBatchReader.from_batches(schema, batches), slice_bytes, 0))
    assert pa.Table.from_batches(sliced, schema=schema).equals(pa.Table.from_batches(batches, schema=schema))
    for batch in sliced:
        # At most one row beyond the size (a row wider than a slice is a slice of its own).
        row = max(1, batch.nbytes // max(1, batch.num_rows))
        assert batch.num_rows <= 1 or batch.nbytes <= slice_bytes + row
    if slice_bytes == 10**9:
        assert [b.num_rows for b in sliced] == [100, 0, 30]
    # A table or a single batch is sliced the same way; an empty table keeps its schema.
    table = pa.Table.from_batches(batches, schema=schema)
    assert pa.Table.from_batches(list(copy_slices(table, slice_bytes, 0)), schema=schema).equals(table)
    assert copy_slices(table.slice(0, 0), slice_bytes, 0).read_all().schema == schema


def test_copy_slices_hold_at_least_their_bytes_per_column() -> None:
    # 300 columns of one-byte text: 64 KiB would be ~40 rows a slice; at least 2 KiB a column, ~600.
    columns = 300
    table = pa.table({f"c{i}": pa.array(["x"] * 5_000) for i in range(columns)})
    row = table.nbytes / table.num_rows
    sliced = list(copy_slices(table, 64 * 1024, 2 * 1024))
    assert pa.Table.from_batches(sliced, schema=table.schema).equals(table)
    assert all(b.num_rows >= int(2 * 1024 * columns / row) for b in sliced[:-1])
    assert all(b.num_rows <= 64 * 1024 / row for b in copy_slices(table, 64 * 1024, 0))


def test_a_table_copied_in_slices_lands_whole(pg_uri: str) -> None:
    # Wider than many slices: every row lands once, in its values.
    count = 50_000
    table = pa.table({"id": pa.array(range(count), pa.int64()), "txt": [f"row {i}" for i in range(count)]})
    assert table.nbytes > 10 * COPY_SLICE_BYTES
    copy_tables_atomically(pg_uri, "sliced", {"t": table})
    found = pg_query(
        pg_uri, "SELECT count(*), count(DISTINCT id), min(id), max(id), sum(length(txt)) FROM sliced.t"
    )
    assert found == [(count, count, 0, count - 1, sum(len(f"row {i}") for i in range(count)))]


def test_failure_in_second_table_rolls_back_the_first(pg_uri: str) -> None:
    good = pa.table({"a": [1, 2, 3]})
    schema = pa.schema([("b", pa.int64())])

    def failing_batches() -> Iterator[pa.RecordBatch]:
        yield pa.record_batch([pa.array([1, 2])], schema=schema)
        raise RuntimeError("source read failed half-way")

    reader = pa.RecordBatchReader.from_batches(schema, failing_batches())
    with pytest.raises(LoadError) as info:
        copy_tables_atomically(pg_uri, "version_1", {"first": good, "second": reader})
    assert info.value.table == "second"
    assert "COPY into version_1.second failed" in str(info.value)
    assert "version_1" not in schemas(pg_uri)


def test_a_value_postgres_rejects_rolls_back_everything(pg_uri: str) -> None:
    # PostgreSQL text cannot hold NUL bytes: COPY fails on the last table.
    bad = pa.table({"body": ["fine", "nul\x00byte"]})
    with pytest.raises(LoadError, match=r"COPY into v\.bad failed"):
        copy_tables_atomically(pg_uri, "v", {"ok": pa.table({"x": [1]}), "bad": bad})
    assert "v" not in schemas(pg_uri)


def test_a_row_too_big_for_postgresql_says_how_to_load_the_table(pg_uri: str) -> None:
    # 1,100 doubles: 8,800 bytes in every row, past PostgreSQL's ~8 kB (h42's fuzz: the hint said
    # "fix the data or the target", which no data fix can).
    wide = pa.table({f"c{i}": pa.array([i + 0.5, i / 7], pa.float64()) for i in range(1100)})
    with pytest.raises(LoadError) as info:
        copy_tables_atomically(pg_uri, "v", {"wide": wide})
    assert info.value.table == "wide" and "row is too big" in info.value.message
    assert info.value.hint == (
        'nothing was committed; a PostgreSQL row holds ~8 kB of them: leave columns out (`mask = "drop"` in '
        "[columns]) or split the table in the export"
    )
    assert "v" not in schemas(pg_uri)


def test_replacing_a_schema_keeps_the_old_one_when_the_copy_fails(pg_uri: str) -> None:
    copy_tables_atomically(pg_uri, "demo", {"t": pa.table({"x": [1, 2]})})
    with pytest.raises(LoadError):
        copy_tables_atomically(pg_uri, "demo", {"t": pa.table({"y": ["\x00"]})}, replace_schema=True)
    assert pg_query(pg_uri, "SELECT x FROM demo.t ORDER BY x") == [(1,), (2,)]


def test_existing_schema_is_refused_without_replace(pg_uri: str) -> None:
    copy_tables_atomically(pg_uri, "taken", {"t": pa.table({"x": [1]})})
    with pytest.raises(LoadError, match="cannot create schema 'taken'"):
        copy_tables_atomically(pg_uri, "taken", {"t": pa.table({"x": [1]})})


HOSTILE = [
    'x"; DROP TABLE y; --',
    "semi;colon",
    "$$dollar$$",
    "back\\slash",
    "O'Brien",
    "spaces and-hyphens?#",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_identifiers_round_trip(pg_uri: str, name: str) -> None:
    table = pa.table({name: [name], "plain": ["v"]})
    copy_tables_atomically(pg_uri, name, {name: table})
    escaped = name.replace('"', '""')
    assert pg_query(pg_uri, f'SELECT "{escaped}", plain FROM "{escaped}"."{escaped}"') == [(name, "v")]


def test_hostile_table_from_sqlite_through_the_whole_path(pg_uri: str, make_sqlite: SqliteFactory) -> None:
    path = make_sqlite(
        {'x"; DROP TABLE y; --': ('CREATE TABLE "x""; DROP TABLE y; --" ("a""b" TEXT)', [("v",)])}
    )
    result = copy_raw(path, pg_uri, schema="raw")
    assert result.target_rows == {'x"; DROP TABLE y; --': 1}


def test_copy_raw_lands_blob_columns_byte_for_byte(pg_uri: str, make_sqlite: SqliteFactory) -> None:
    # Bytes no text decoding survives (NUL, invalid UTF-8, a lone continuation byte), beside text.
    blobs = [bytes(range(256)), b"\x00\xff\xfe", b"\x80", b""]
    path = make_sqlite(
        {
            "photos": (
                "CREATE TABLE photos (id INTEGER, name TEXT, data BLOB)",
                [(i, f"p{i}", blob) for i, blob in enumerate(blobs)] + [(9, "none", None)],
            )
        }
    )
    copy_raw(path, pg_uri, schema="raw")
    rows = pg_query(pg_uri, "SELECT id, name, data FROM raw.photos ORDER BY id::int")
    assert [(r[0], r[1], None if r[2] is None else bytes(r[2])) for r in rows] == [
        (str(i), f"p{i}", blob) for i, blob in enumerate(blobs)
    ] + [("9", "none", None)]
    assert pg_query(pg_uri, "SELECT pg_typeof(data)::text FROM raw.photos LIMIT 1") == [("bytea",)]


def test_transaction_commits_on_success_and_rolls_back_on_error(pg_uri: str) -> None:
    with transaction(pg_uri) as conn:
        conn.cursor().execute("CREATE SCHEMA kept")
    with pytest.raises(ZeroDivisionError), transaction(pg_uri) as conn:
        conn.cursor().execute("CREATE SCHEMA dropped")
        _ = 1 / 0
    assert {"kept"} <= schemas(pg_uri)
    assert "dropped" not in schemas(pg_uri)


def test_unreachable_target_is_one_masked_line() -> None:
    uri = "postgresql://loader:s3cret-pw@127.0.0.1:1/quarterly"
    with pytest.raises(TargetError) as info:
        connect(uri)
    message = str(info.value)
    assert "s3cret-pw" not in message
    assert message.startswith("cannot connect to postgresql://loader:***@127.0.0.1:1/quarterly: ")
    assert "\n" not in message


def test_missing_database_is_a_target_error(pg_server_uri: str) -> None:
    from ..conftest import uri_with_database

    with pytest.raises(TargetError, match='database "no_such_db" does not exist'):
        connect(uri_with_database(pg_server_uri, "no_such_db"))


def test_a_table_wider_than_postgresql_allows_fails_in_one_line_and_leaves_nothing(pg_uri: str) -> None:
    wide = pa.table({f"c{i}": pa.array([i], pa.int64()) for i in range(1601)})
    with pytest.raises(LoadError) as info:
        copy_tables_atomically(pg_uri, "too_wide", {"fine": pa.table({"a": [1]}), "pivot": wide})
    assert str(info.value.message) == "pivot has 1,601 columns: a PostgreSQL table holds at most 1,600"
    assert info.value.table == "pivot"
    assert "too_wide" not in schemas(pg_uri)
