"""source/ against real SQLite files and real DuckDB: read-only access, catalogue, errors."""

from __future__ import annotations

import math
import os
import random
import shutil
import sqlite3
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa
import pytest

from columnar_etl.errors import SourceError
from columnar_etl.pg.identifiers import quote_literal
from columnar_etl.source import duckdb_reader
from columnar_etl.source import export as source_module
from columnar_etl.source.catalogue import _rowid_range
from columnar_etl.source.cells import ColumnRead
from columnar_etl.source.collations import collation_names, missing_collations, stand_in_collations
from columnar_etl.source.duckdb_reader import connect_duckdb, query_errors, sqlite_extension_path
from columnar_etl.source.export import open_source
from columnar_etl.source.identity import file_checksum
from columnar_etl.source.sqlite_file import QUERY_FAILED_HINT, read_error
from columnar_etl.source.tables import SourceColumn
from columnar_etl.source.virtual_tables import internal_tables

from .conftest import SqliteFactory

TICKETS_DDL = 'CREATE TABLE tickets ("TKT-Ticket ID" INTEGER PRIMARY KEY, "TKT-Created Time" TIMESTAMP, "TKT-SLA Breached?" BOOLEAN DEFAULT \'null\', "TS-Hours" REAL)'  # noqa: E501
TICKET_ROWS = [
    (1, "2025-05-20 08:42:00", "Yes", 1.5),
    (2, "20/05/2025 8:42", "N", "1,5"),
    (3, "", None, "2h"),
    (4, "31/02/2025 9:15", "TRUE", None),
]


@pytest.fixture
def export(make_sqlite: SqliteFactory) -> Path:
    return make_sqlite(
        {
            "tickets": (TICKETS_DDL, TICKET_ROWS),
            "comments": (
                'CREATE TABLE comments ("CMT-Ticket ID" int(5), "CMT-Body" varchar(20))',
                [(1, "hi")],
            ),
        }
    )


def test_extension_is_loaded_from_the_installed_file() -> None:
    path = sqlite_extension_path()
    assert path.is_file()
    assert path.name == "sqlite_scanner.duckdb_extension"
    assert "site-packages" in str(path) or "dist-packages" in str(path)


def _unsigned_allowed(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT current_setting('allow_unsigned_extensions')").fetchone()
    assert row is not None
    return bool(row[0])


def test_extension_signature_is_verified_once_per_process(
    export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(duckdb_reader, "_VERIFIED_EXTENSIONS", set())
    first = connect_duckdb()
    second = connect_duckdb()
    try:
        # The first LOAD checks the signature; the next connection reuses that verdict.
        assert not _unsigned_allowed(first)
        assert _unsigned_allowed(second)
        for con in (first, second):
            con.execute(f"ATTACH '{export}' AS s (TYPE sqlite, READ_ONLY)")
            assert con.execute("SELECT count(*) FROM s.tickets").fetchone() == (4,)
    finally:
        first.close()
        second.close()


def test_an_extension_failing_its_signature_is_never_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tampered = tmp_path / "sqlite_scanner.duckdb_extension"
    data = bytearray(sqlite_extension_path().read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    monkeypatch.setattr(duckdb_reader, "_VERIFIED_EXTENSIONS", set())
    monkeypatch.setattr(duckdb_reader, "sqlite_extension_path", lambda: tampered)
    for _ in range(2):  # refused, and not remembered as verified either
        with pytest.raises(duckdb.Error, match=r"(?i)signature"):
            connect_duckdb()
    assert not duckdb_reader._VERIFIED_EXTENSIONS


def test_catalogue_has_declared_types_and_row_counts(export: Path) -> None:
    with open_source(export) as src:
        assert list(src.tables) == ["tickets", "comments"]
        tickets = src.table("tickets")
        assert tickets.row_count == 4
        assert [(c.name, c.declared_type) for c in tickets.columns] == [
            ("TKT-Ticket ID", "INTEGER"),
            ("TKT-Created Time", "TIMESTAMP"),
            ("TKT-SLA Breached?", "BOOLEAN"),
            ("TS-Hours", "REAL"),
        ]
        assert tickets.columns[0].primary_key
        assert tickets.columns[2].default == "'null'"
        assert [c.declared_type for c in src.table("comments").columns] == ["int(5)", "varchar(20)"]


def test_tables_are_counted_over_one_connection(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from columnar_etl.source import catalogue

    tables = {
        f"t{n}": (
            f"CREATE TABLE t{n} (code TEXT PRIMARY KEY, n INTEGER)",
            [(f"c{i}", i) for i in range(n * 3)],
        )
        for n in range(6)
    }
    path = make_sqlite(tables)
    con = sqlite3.connect(path)
    expected = {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in tables}
    con.close()
    opened: list[Path] = []
    real = catalogue.connect_read_only

    def counted(path: Path, **options: Any) -> sqlite3.Connection:
        opened.append(path)
        return real(path, **options)

    with open_source(path) as src:
        monkeypatch.setattr(catalogue, "connect_read_only", counted)
        assert catalogue.count_tables(src.path, list(src.tables.values())) == expected
        assert len(opened) == 1
        # Counted once: asking again (or a table's row_count) opens nothing.
        assert catalogue.count_tables(src.path, list(src.tables.values())) == expected
        assert {name: table.row_count for name, table in src.tables.items()} == expected
        assert len(opened) == 1


def test_rows_are_estimated_by_the_rowid_span_unless_it_cannot_be_the_count(tmp_path: Path) -> None:
    # Dense rowids (a few deleted): the span, no count. Rowids chosen by the exporting system (64-bit
    # ids): a span longer than the file has bytes is no row count, so the rows are counted.
    path = tmp_path / "ids.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE dense (id INTEGER PRIMARY KEY, v TEXT)")
        con.executemany("INSERT INTO dense VALUES (?, ?)", ((i, "x") for i in range(1, 1001)))
        con.execute("DELETE FROM dense WHERE id % 100 = 0")
        con.execute("CREATE TABLE sparse (id INTEGER PRIMARY KEY, v TEXT)")
        con.executemany("INSERT INTO sparse VALUES (?, ?)", ((2**62 + i * 10**12, "x") for i in range(500)))
    with open_source(path) as src:
        dense, sparse = src.table("dense"), src.table("sparse")
        assert dense.rowid == ("rowid", 1, 999)  # 990 rows: the span overstates a little, uncounted
        assert dense.estimated_rows == 999 and "row_count" not in dense.__dict__
        assert sparse.rowid is not None and sparse.rowid[2] - sparse.rowid[1] + 1 > path.stat().st_size
        assert (
            sparse.estimated_rows
            == 500
            == sqlite3.connect(path).execute("SELECT count(*) FROM sparse").fetchone()[0]
        )


def test_catalogue_reads_rowid_ranges_by_seeking_not_scanning(tmp_path: Path) -> None:
    # The rowid range is two B-tree seeks: SQLite's virtual machine runs a handful of steps whatever
    # the table's size (a scan runs several per row). Counted with SQLite's own progress handler.
    path = tmp_path / "big.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE t (a TEXT)")
        con.executemany("INSERT INTO t VALUES (?)", ((str(i),) for i in range(50_000)))
        con.execute("DELETE FROM t WHERE rowid IN (1, 50000)")
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    con = sqlite3.connect(path)
    try:
        con.execute("SELECT 1").fetchone()  # the schema is read before counting starts
        con.set_progress_handler(count, 100)
        column = SourceColumn("a", "TEXT", not_null=False, default=None, primary_key=False)
        assert _rowid_range(con, "t", (column,)) == ("rowid", 2, 49_999)
    finally:
        con.close()
    assert steps < 10, f"{steps * 100} SQLite steps for a rowid range: a table scan"
    with open_source(path) as src:
        assert src.table("t").rowid == ("rowid", 2, 49_999)


def test_every_value_arrives_as_text_even_where_the_declared_type_lies(export: Path) -> None:
    with open_source(export) as src:
        table = src.read_batches("tickets").read_all()
    assert all(pa.types.is_string(f.type) for f in table.schema)
    assert table.column("TKT-Created Time").to_pylist() == [
        "2025-05-20 08:42:00",
        "20/05/2025 8:42",
        "",
        "31/02/2025 9:15",
    ]
    assert table.column("TS-Hours").to_pylist() == ["1.5", "1,5", "2h", None]


def test_batches_respect_batch_size_and_keep_every_row(make_sqlite: SqliteFactory) -> None:
    rows = [(i, f"v{i}") for i in range(2_500)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER, v TEXT)", rows)})
    with open_source(path) as src:
        batches = list(src.iter_batches("t", batch_size=1_000))
    assert sum(b.num_rows for b in batches) == 2_500
    assert max(b.num_rows for b in batches) <= 1_000
    assert pa.Table.from_batches(batches).column("id").to_pylist() == [str(i) for i in range(2_500)]


def test_two_tables_can_stream_at_once(export: Path) -> None:
    with open_source(export) as src:
        first, second = src.read_batches("tickets"), src.read_batches("comments")
        assert second.read_all().num_rows == 1
        assert first.read_all().num_rows == 4


def test_source_bytes_and_mtime_never_change(export: Path) -> None:
    before = (file_checksum(export), os.stat(export).st_mtime_ns, sorted(os.listdir(export.parent)))
    with open_source(export) as src:
        for name in src.tables:
            src.read_batches(name).read_all()
    after = (file_checksum(export), os.stat(export).st_mtime_ns, sorted(os.listdir(export.parent)))
    assert after == before


def test_hostile_table_and_column_names(make_sqlite: SqliteFactory) -> None:
    name = 'x"; DROP TABLE y; --'
    path = make_sqlite(
        {name: ('CREATE TABLE "x""; DROP TABLE y; --" ("a""b; c" TEXT, "d\'e" TEXT)', [("1", "2")])}
    )
    with open_source(path) as src:
        assert list(src.tables) == [name]
        table = src.read_batches(name).read_all()
    assert table.column_names == ['a"b; c', "d'e"]
    assert table.to_pylist() == [{'a"b; c': "1", "d'e": "2"}]


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.db"
    with pytest.raises(SourceError) as info:
        open_source(missing)
    assert str(info.value) == f"file {missing}: source file not found (hint: check the path)"


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(SourceError, match=r"source file is empty \(0 bytes\)") as info:
        open_source(empty)
    assert info.value.path == str(empty)


def test_sqlite_file_without_tables(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    sqlite3.connect(path).execute("PRAGMA user_version = 1").connection.close()
    with pytest.raises(SourceError, match="the source has no tables"):
        open_source(path)


def test_a_column_with_an_empty_name_is_read_as_column_position(make_sqlite: SqliteFactory) -> None:
    # Refused until 2026-12-03 (edit the export); now read, and loaded, as column_<position>.
    path = make_sqlite(
        {
            "fine": ("CREATE TABLE fine (id INTEGER PRIMARY KEY)", []),
            "sheet 1": ('CREATE TABLE "sheet 1" (id INTEGER PRIMARY KEY, "" TEXT)', [(1, "x"), (2, None)]),
        }
    )
    with open_source(path) as src:
        assert src.table("sheet 1").column_names == ["id", "column_2"]
        assert [b.to_pylist() for b in src.iter_batches("sheet 1")] == [
            [{"id": "1", "column_2": "x"}, {"id": "2", "column_2": None}]
        ]
        assert src.renamed.records()[0]["export_name"] == ""


@pytest.mark.parametrize("name", ["__clean_classes", "__CLEAN_Classes"])  # DuckDB ignores the case
def test_a_column_named_like_the_readers_helpers_is_read_without_its_underscores(
    name: str, make_sqlite: SqliteFactory
) -> None:
    path = make_sqlite({"t": (f'CREATE TABLE t (id INTEGER PRIMARY KEY, "{name}" TEXT)', [(1, "x")])})
    with open_source(path) as src:
        assert src.table("t").column_names == ["id", name[2:]]
        assert [b.to_pylist() for b in src.iter_batches("t")] == [[{"id": "1", name[2:]: "x"}]]


def test_not_a_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("id,created\n1,2025-01-01\n")
    with pytest.raises(SourceError) as info:
        open_source(path)
    assert str(info.value) == (
        f"file {path}: not a SQLite database (bad file header: a text file) (hint: this is text (a CSV or "
        "SQL dump?): import it into SQLite first (sqlite3 x.db '.import ...'))"
    )


def test_directory_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as info:
        open_source(tmp_path)
    assert str(info.value) == (
        f"file {tmp_path}: source is a directory, not a SQLite file (hint: give the path of the export file)"
    )


def test_a_header_cut_short_is_truncated_with_a_hint(export: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.db"
    cut.write_bytes(export.read_bytes()[:50])  # the magic string, then half of the 100-byte header
    with pytest.raises(SourceError) as info:
        open_source(cut)
    assert str(info.value) == (
        f"file {cut}: SQLite file is truncated (incomplete header) (hint: copy the export again)"
    )


def test_truncated_file(export: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.db"
    data = export.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(SourceError, match="SQLite file is truncated"):
        open_source(truncated)


def test_corrupt_catalogue(export: Path, tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.db"
    data = bytearray(export.read_bytes())
    # Keep the 100-byte header, scramble the rest of page 1 (sqlite_master lives there).
    data[100:4096] = bytes((i * 7 + 13) % 256 for i in range(100, 4096))
    corrupt.write_bytes(bytes(data))
    with pytest.raises(SourceError, match="SQLite file is corrupt") as info:
        open_source(corrupt)
    assert info.value.path == str(corrupt)


def test_missing_table_names_the_table_and_the_known_ones(export: Path) -> None:
    with open_source(export) as src, pytest.raises(SourceError) as info:
        src.read_batches("tikets")
    assert str(info.value) == (
        f"file {export}, table 'tikets': no such table in the source (hint: did you mean 'tickets'? "
        "(SQLite ignores the case of A-Z only); tables are: comments, tickets)"
    )


def test_missing_column(export: Path) -> None:
    with open_source(export) as src, pytest.raises(SourceError, match="no such column") as info:
        src.read_batches("tickets", columns=["nope"])
    assert info.value.column == "nope"


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_unreadable_file(export: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked.db"
    shutil.copy(export, locked)
    locked.chmod(0)
    code = (
        "from columnar_etl.source.export import open_source\n"
        "from columnar_etl.errors import SourceError\n"
        f"try:\n    open_source({str(locked)!r})\n"
        "except SourceError as e:\n    print(e)\n"
    )
    command = [sys.executable, "-c", code]
    if os.geteuid() == 0:
        # Root ignores permission bits; drop the capabilities that let it, for this one process.
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a file unreadable")
        caps = "-dac_override,-dac_read_search"
        command = [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}", *command]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    assert result.stdout.strip() == (
        f"file {locked}: permission denied reading the source file (hint: make it readable by this user)"
    ), result.stderr


def test_strip_nul_removes_nul_bytes_in_the_scan(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite({"t": ("CREATE TABLE t (body TEXT)", [("Printer\x00 jam",), (None,), ("ok",)])})
    with open_source(path) as src:
        assert src.read_batches("t").read_all().column("body").to_pylist() == ["Printer\x00 jam", None, "ok"]
        stripped = src.read_batches("t", strip_nul=True).read_all()
    assert stripped.column("body").to_pylist() == ["Printer jam", None, "ok"]
    assert stripped.column_names == ["body"]


def _hostile_rows(path: Path) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute('CREATE TABLE "we""ird; t" ("a""b" TEXT, at TIMESTAMP, n REAL)')
        rows = [(f" v{i} ", f"2025-01-{i % 28 + 1:02d} 08:00:00", i / 4) for i in range(1, 200)]
        con.executemany('INSERT INTO "we""ird; t" VALUES (?, ?, ?)', rows)
        con.execute('INSERT INTO "we""ird; t" VALUES (CAST(x\'436166e9\' AS TEXT), NULL, NULL)')  # not UTF-8
        con.execute("INSERT INTO \"we\"\"ird; t\" VALUES ('nul' || char(0) || 'byte', '', 'N/A')")
        con.execute('DELETE FROM "we""ird; t" WHERE rowid % 7 = 0')  # gaps in the rowids
        con.execute('INSERT INTO "we""ird; t" (rowid, "a""b") VALUES (-5, \'negative rowid\')')
        con.execute("CREATE TABLE shadow (rowid TEXT, _rowid_ TEXT, oid TEXT)")
        con.executemany("INSERT INTO shadow VALUES (?, ?, ?)", [(str(i), "x", "y") for i in range(50)])
        con.execute("CREATE TABLE keyed (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
        con.executemany("INSERT INTO keyed VALUES (?, ?)", [(f"k{i}", str(i)) for i in range(50)])
        con.execute("CREATE TABLE renamed (rowid TEXT, v TEXT)")  # 'rowid' shadowed: _rowid_ is used
        con.executemany("INSERT INTO renamed VALUES (?, ?)", [(str(-i), str(i)) for i in range(60)])
        # Rowids at int64's bounds: one below the lowest is no int64 (SQLite reads it as a REAL).
        con.execute("CREATE TABLE edges (id INTEGER PRIMARY KEY, v TEXT)")
        con.executemany(
            "INSERT INTO edges VALUES (?, ?)", [(-(2**63), "min"), (0, "zero"), (2**63 - 1, "max")]
        )
    con.close()


@pytest.mark.parametrize("parts", [2, 3, 7])
def test_split_reads_return_every_row_once(tmp_path: Path, parts: int) -> None:
    path = tmp_path / "split.db"
    _hostile_rows(path)
    before = (file_checksum(path), os.stat(path).st_mtime_ns)
    with open_source(path) as src:
        assert src.table("keyed").rowid is None
        assert src.table("shadow").rowid is None
        assert src.table("renamed").rowid == ("_rowid_", 1, 60)
        assert src.table('we"ird; t').rowid is not None and src.table('we"ird; t').rowid[1] == -5
        assert src.table("edges").rowid == ("rowid", -(2**63), 2**63 - 1)
        for table in src.tables:

            def rows(relation: str) -> list[tuple[object, ...]]:
                return sorted(src.connection.execute(f"SELECT * FROM {relation}").fetchall(), key=repr)

            whole = rows(src.relation_sql(table))
            assert rows(src.relation_sql(table, parts=parts)) == whole, table
            assert len(whole) == src.table(table).row_count
        edges = sqlite3.connect(path).execute("SELECT id, v FROM edges ORDER BY id").fetchall()
        split = src.relation_sql(
            "edges", parts=parts, reads=[ColumnRead("id"), ColumnRead("v", with_class=True)]
        )
        found = src.connection.execute(f"SELECT CAST(id AS BIGINT), v FROM {split} ORDER BY 1").fetchall()
        assert found == edges
    assert (file_checksum(path), os.stat(path).st_mtime_ns) == before


# Numbers at the edges of what SQLite stores: int64's bounds, doubles whose 17th digit matters, the
# smallest subnormal, the largest double, a negative zero; NULLs; text and a class-tagged REAL beside.
NATIVE_ROWS: list[tuple[object, ...]] = [
    (1, 9223372036854775807, 0.1 + 0.2, "a", 1.5),
    (2, -9223372036854775808, 5e-324, "b", None),
    (3, None, 1.7976931348623157e308, None, 2.25),
    (4, 0, -0.0, "d", 7.0),
    (5, 42, None, "e", 0.1),
    (6, -7, 1 / 3, "f", 1e-300),
    (7, 1, 2.0, "g", 3.0),
]


@pytest.mark.parametrize("batch_size", [1, 3, 65_536])
def test_native_columns_are_sqlites_own_numbers(make_sqlite: SqliteFactory, batch_size: int) -> None:
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, x REAL, s TEXT, y REAL)"
    path = make_sqlite({"t": (ddl, NATIVE_ROWS)})
    con = sqlite3.connect(path)
    expected = con.execute("SELECT id, n, x, s, y FROM t ORDER BY rowid").fetchall()
    con.close()
    with open_source(path) as src:
        assert src.native_types("t", ["id", "n", "x", "s"]) == {
            "id": "BIGINT",
            "n": "BIGINT",
            "x": "DOUBLE",
            "s": "VARCHAR",
        }
        reads = [
            ColumnRead("id"),
            ColumnRead("n"),
            ColumnRead("x"),
            ColumnRead("s"),
            ColumnRead("y", real_digits=True),
        ]
        reader = src.read_batches("t", batch_size=batch_size, reads=reads, native=["n", "x", "id"])
        got = pa.Table.from_batches(list(reader), schema=reader.schema)
    assert got.schema.field("n").type == pa.int64() and got.schema.field("x").type == pa.float64()
    assert got.schema.field("s").type == pa.string()
    assert max(b.num_rows for b in got.to_batches()) <= batch_size
    rows = list(zip(*(got.column(c).to_pylist() for c in ("id", "n", "x", "s", "y")), strict=True))
    # Bit for bit: the doubles compared by their bytes (-0.0 is not 0.0 here), the REAL read as text
    # with all its digits reads back as the same double.
    assert [(i, n, struct.pack("<d", x) if x is not None else None, s) for i, n, x, s, _ in rows] == [
        (i, n, struct.pack("<d", x) if x is not None else None, s) for i, n, x, s, _ in expected
    ]
    assert [float(y) if y is not None else None for *_, y in rows] == [y for *_, y in expected]


def test_a_native_read_beside_a_column_an_index_covers_keeps_the_rows_together(
    make_sqlite: SqliteFactory,
) -> None:
    """Read with its storage classes (it holds INTEGER and TEXT cells), a UNIQUE column is all SQLite
    must compute, and its index covers it: SQLite scanned the index, in its order, and the native scan
    (rowid order) beside it failed the run ("the native and the text read of the table differ")."""
    rows = [(i, f"name {i * 7919 % 1000:04d}" if i % 2 else i * 7 % 1000, i * 10) for i in range(1, 301)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, name UNIQUE, n INTEGER)", rows)})
    con = sqlite3.connect(path)
    assert "COVERING INDEX" in con.execute("EXPLAIN QUERY PLAN SELECT rowid, name FROM t").fetchone()[3]
    con.close()
    with open_source(path) as src:
        reads = [ColumnRead("name", with_class=True), ColumnRead("n")]
        reader = src.read_batches("t", batch_size=64, reads=reads, native=["n"])
        got = pa.Table.from_batches(list(reader), schema=reader.schema)
    # Each name beside its own row's number, in rowid order.
    assert list(zip(got.column("name").to_pylist(), got.column("n").to_pylist(), strict=True)) == [
        (str(name), n) for _, name, n in rows
    ]


def test_a_native_read_of_a_cell_of_another_class_fails_naming_the_table(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite({"t": ("CREATE TABLE t (n INTEGER, s TEXT)", [(1, "a"), ("N/A", "b")])})
    with open_source(path) as src, pytest.raises((SourceError, duckdb.Error, pa.ArrowException)):
        list(src.read_batches("t", reads=[ColumnRead("n"), ColumnRead("s")], native=["n"]))


class _WithoutTableList:
    """A connection as a SQLite before 3.37 answers: no ``PRAGMA table_list``."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if "table_list" in sql:
            raise sqlite3.OperationalError("no such pragma")
        return self.con.execute(sql, *args)


def test_a_virtual_tables_storage_is_told_from_data_with_and_without_table_list(tmp_path: Path) -> None:
    path = tmp_path / "search.db"
    con = sqlite3.connect(path)
    con.executescript(
        # notes_content is named as FTS5 names a shadow table, but it is the index's external content.
        "CREATE TABLE notes_content (id INTEGER PRIMARY KEY, body TEXT);"
        "CREATE VIRTUAL TABLE notes USING fts5(body, content='notes_content', content_rowid='id');"
        "CREATE VIRTUAL TABLE docs USING fts4(title);"
        "CREATE VIRTUAL TABLE sites USING rtree(id, x0, x1);"
        "CREATE TABLE sites_history (id INTEGER PRIMARY KEY, moved TEXT);"
        # A column named like the index's storage: no content= table, pages_data is still storage.
        "CREATE VIRTUAL TABLE pages USING fts5(body, pages_data_note);"
    )
    storage = {
        *(f"notes_{s}" for s in ("data", "idx", "docsize", "config")),
        *(f"docs_{s}" for s in ("content", "segments", "segdir", "docsize", "stat")),
        *(f"sites_{s}" for s in ("node", "parent", "rowid")),
        *(f"pages_{s}" for s in ("data", "idx", "content", "docsize", "config")),
    }
    # SQLite goes by the names: it calls the external content a shadow table too.
    shadows = {r[1] for r in con.execute("PRAGMA table_list") if r[2] == "shadow"}
    assert shadows == storage | {"notes_content"}
    assert set(internal_tables(con)) == storage
    assert set(internal_tables(_WithoutTableList(con))) == storage  # type: ignore[arg-type]
    con.close()
    with open_source(path) as src:
        assert set(src.tables) == {"notes_content", "notes", "docs", "sites", "sites_history", "pages"}
        assert src.internal["sites_node"] == "storage of the rtree virtual table 'sites'"


def test_a_name_in_another_encoding_is_refused_as_such_not_as_damage(make_sqlite: SqliteFactory) -> None:
    # An old Windows tool wrote the name 'Priorité' in cp1252: SQLite stores the bytes as given. The
    # file is intact (integrity_check ok), but SQL, being UTF-8 text, cannot name the table.
    path = make_sqlite({"t": ('CREATE TABLE t (id INTEGER PRIMARY KEY, "Priorit~" TEXT)', [(1, "x")])})
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"Priorit~", b"Priorit\xe9"))
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    with pytest.raises(SourceError, match="name is not valid UTF-8") as info:
        open_source(path)
    assert "corrupt" not in str(info.value) and "RENAME" in (info.value.hint or "")


def test_a_view_naming_its_file_by_an_attached_name_is_refused_as_such_not_as_damage(tmp_path: Path) -> None:
    # An application that keeps its data in several files attached to one connection (a desktop
    # indexer, one file per graph) creates a view in a file naming that file by its attached name. Opened
    # alone, SQLite refuses the whole schema ("view v cannot reference objects in database d"): the
    # file is intact, its view unparsable here. The error says so and how to load it, not "corrupt".
    path = tmp_path / "graph.db"
    con = sqlite3.connect(":memory:")
    con.execute(f'ATTACH {quote_literal(str(path))} AS "app#graph"')
    con.execute('CREATE TABLE "app#graph".items (id INTEGER PRIMARY KEY, name TEXT)')
    con.execute("INSERT INTO \"app#graph\".items VALUES (1, 'a')")
    con.execute('CREATE VIEW "app#graph".item_names AS SELECT name FROM "app#graph".items')
    con.commit()
    con.close()
    with pytest.raises(SourceError) as info:
        open_source(path)
    said = str(info.value)
    assert "corrupt" not in said and "not damaged" in said, said
    assert "view 'item_names'" in said and "cannot reference objects in database app#graph" in said
    hint = info.value.hint or ""
    assert "DELETE FROM sqlite_master WHERE name = 'item_names'" in hint, hint
    # The way out the hint gives loads: a copy without the view reads its table.
    copy = tmp_path / "copy.db"
    source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    source.execute("PRAGMA writable_schema = ON")
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.execute("PRAGMA writable_schema = ON")
    target.execute("DELETE FROM sqlite_master WHERE name = 'item_names'")
    target.commit()
    target.close()
    with open_source(copy) as src:
        assert set(src.tables) == {"items"}


def test_a_table_wider_than_a_sqlite_function_takes_arguments_is_read_with_its_classes(
    make_sqlite: SqliteFactory,
) -> None:
    # The storage classes come as one string from printf(), and a SQLite function takes at most 127
    # arguments: a 300-column table (a CRM export) failed to be read at all.
    width = 300
    ddl = f"CREATE TABLE wide (id INTEGER PRIMARY KEY, {', '.join(f'c{i}' for i in range(width))})"
    cells: list[Any] = ["a", 7, 2.5, None, b"\x00"]
    rows = [(k, *(cells[(i + k) % len(cells)] for i in range(width))) for k in range(4)]
    path = make_sqlite({"wide": (ddl, rows)})
    names = [f"c{i}" for i in range(width)]
    with open_source(path) as src:
        reads = [ColumnRead(name, with_class=True, as_bytes=True) for name in names]
        relation = src.relation_sql("wide", reads=reads, class_string=True)
        got = src.connection.execute(f"SELECT {source_module.CLASSES_COLUMN} FROM {relation}").fetchall()
    con = sqlite3.connect(path)
    typeofs = ", ".join(f"typeof({name})" for name in names)
    expected = ["".join(kind[0] for kind in row) for row in con.execute(f"SELECT {typeofs} FROM wide")]
    con.close()
    assert [text for (text,) in got] == expected
    assert {letter for text in expected for letter in text} == set("tirnb")


def test_a_read_sqlite_cannot_prepare_fails_on_one_line_without_its_sql(export: Path) -> None:
    # DuckDB quotes the whole SQL SQLite could not prepare (unescaped, hundreds of kilobytes for a wide
    # table) and points at it on further lines: the error names the reason only.
    with open_source(export) as src:
        alias = src.attachments(1)[0]
        sql = 'SELECT nosuchfunc(1), "x" FROM tickets'
        with pytest.raises(duckdb.Error) as caught:
            src.connection.execute(f"SELECT * FROM sqlite_query('{alias}', '{sql}')").fetchall()
    assert sql in str(caught.value) and "\n" in str(caught.value)
    error = read_error(caught.value, export, table="tickets")
    assert "\n" not in str(error)
    assert "SQLite could not prepare the read: no such function: nosuchfunc" in str(error)
    assert sql not in str(error)


def test_collations_the_schema_names_and_sqlite_lacks_get_a_stand_in(tmp_path: Path) -> None:
    # Anki's `collate unicase`, Android's `COLLATE LOCALIZED`, in each quoting SQLite accepts; BINARY,
    # NOCASE and RTRIM are SQLite's own and are never replaced.
    assert collation_names('a TEXT COLLATE unicase, b TEXT collate "Odd ""name"""') == {
        "unicase",
        'Odd "name"',
    }
    assert collation_names("a COLLATE [LOCALIZED], b COLLATE `x`, c COLLATE 'y''z', d COLLATE NOCASE") == {
        "LOCALIZED",
        "x",
        "y'z",
        "NOCASE",
    }
    path = tmp_path / "contacts.db"
    con = sqlite3.connect(path)
    con.create_collation("LOCALIZED", lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))
    with con:
        con.execute(
            "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT COLLATE LOCALIZED, c TEXT COLLATE nocase)"
        )
        con.execute("CREATE INDEX people_name ON people (name COLLATE LOCALIZED, c)")
    con.close()
    plain = sqlite3.connect(path)
    try:
        assert missing_collations(plain) == ["LOCALIZED"]
        with pytest.raises(sqlite3.OperationalError, match="no such collation sequence: LOCALIZED"):
            plain.execute("PRAGMA quick_check").fetchall()
        assert stand_in_collations(plain) == ["LOCALIZED"]
        assert plain.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        plain.close()


def _casefolded(left: str, right: str) -> int:
    # Anki's unicase: 'alpha' < 'Beta' here, 'Beta' < 'alpha' byte for byte.
    a, b = left.casefold(), right.casefold()
    return (a > b) - (a < b)


def test_a_without_rowid_table_kept_in_an_applications_order_is_read_under_its_reader_name(
    tmp_path: Path,
) -> None:
    # Renamed for the reader (a table named "", a column named like its helpers) and rebuilt without
    # the application's collation, in the one private copy; the export is untouched.
    path = tmp_path / "collection.anki2"
    con = sqlite3.connect(path)
    con.create_collation("unicase", _casefolded)
    with con:
        con.execute('CREATE TABLE "" (k TEXT PRIMARY KEY COLLATE unicase, "__clean_n" INTEGER) WITHOUT ROWID')
        con.executemany('INSERT INTO "" VALUES (?, ?)', [("beta", 1), ("Alpha", 2), ("Ölfarbe", None)])
    con.close()
    before = (file_checksum(path), os.stat(path).st_mtime_ns, sorted(os.listdir(tmp_path)))
    with open_source(path) as src:
        assert list(src.tables) == ["table_1"] and src.unreadable == {}
        assert src.table("table_1").column_names == ["k", "clean_n"]
        assert list(src.rebuilt_for_reader) == ["table_1"]
        rows = [row for batch in src.iter_batches("table_1") for row in batch.to_pylist()]
        copy = src.read_path
        assert copy != path and copy.exists()
    assert not copy.exists()
    assert sorted(rows, key=lambda row: row["k"]) == [
        {"k": "Alpha", "clean_n": "2"},
        {"k": "beta", "clean_n": "1"},
        {"k": "Ölfarbe", "clean_n": None},
    ]
    assert (file_checksum(path), os.stat(path).st_mtime_ns, sorted(os.listdir(tmp_path))) == before


def test_a_key_an_applications_collation_keeps_twice_leaves_its_table_out_saying_why(tmp_path: Path) -> None:
    # A collation under which a string differs from itself cannot be a real one: its "unique" key can
    # hold one string twice, which no byte order takes. Rebuilding the table without it then fails on
    # its key, and the table is left out as before (with SQLite's reason) rather than loaded changed.
    path = tmp_path / "odd.db"
    con = sqlite3.connect(path)
    con.create_collation("never_equal", lambda left, right: -1)
    with con:
        con.execute("CREATE TABLE kept (k TEXT PRIMARY KEY COLLATE never_equal, n INTEGER) WITHOUT ROWID")
        con.executemany("INSERT INTO kept VALUES (?, ?)", [("a", 1), ("a", 2)])
        con.execute("CREATE TABLE other (id INTEGER PRIMARY KEY, v TEXT)")
        con.execute("INSERT INTO other VALUES (1, 'x')")
    con.close()
    before = (file_checksum(path), os.stat(path).st_mtime_ns)
    with open_source(path) as src:
        assert list(src.tables) == ["other"]
        assert list(src.unreadable) == ["kept"] and src.rebuilt_for_reader == {}
        why = src.unreadable["kept"]
        assert "never_equal" in why and "UNIQUE constraint failed: kept.k" in why, why
        assert [b.to_pylist() for b in src.iter_batches("other")] == [[{"id": "1", "v": "x"}]]
    assert (file_checksum(path), os.stat(path).st_mtime_ns) == before


def test_a_full_text_index_over_a_table_left_out_stays_a_warning(tmp_path: Path) -> None:
    # A full-text index SQLite here cannot read whose documents are a table of the file is named as not
    # loaded without a warning (it is derived data); when that table is itself left out (an
    # application's collation under which its rebuild fails), its documents do not arrive either: the
    # index is unreadable again, saying so.
    path = tmp_path / "odd.db"
    con = sqlite3.connect(path)
    con.create_collation("never_equal", lambda left, right: -1)
    with con:
        con.execute("CREATE TABLE kept (k TEXT PRIMARY KEY COLLATE never_equal, n INTEGER) WITHOUT ROWID")
        con.executemany("INSERT INTO kept VALUES (?, ?)", [("a", 1), ("a", 2)])
        con.execute("CREATE VIRTUAL TABLE kept_idx USING fts5(k, content='kept', tokenize='unicode61')")
        con.execute("CREATE TABLE other (id INTEGER PRIMARY KEY, v TEXT)")
        con.execute("CREATE VIRTUAL TABLE other_idx USING fts5(v, content='other', content_rowid='id')")
        con.execute("INSERT INTO other VALUES (1, 'x')")
        con.execute("INSERT INTO other_idx (rowid, v) VALUES (1, 'x')")
        con.execute("PRAGMA writable_schema = ON")  # the statements as the application wrote them
        con.execute(
            "UPDATE sqlite_master SET sql = replace(sql, 'unicode61', 'oddapp') WHERE name = 'kept_idx'"
        )
        con.execute(
            "UPDATE sqlite_master SET sql = replace(sql, 'fts5(v,', 'fts5(v, tag,') WHERE name = 'other_idx'"
        )
    con.close()
    with open_source(path) as src:
        assert list(src.tables) == ["other"]
        assert list(src.full_text) == ["other_idx"]
        assert src.full_text["other_idx"].endswith(
            "its documents are the rows of table 'other' (its content=), which loads"
        )
        assert list(src.unreadable) == ["kept", "kept_idx"]
        assert src.unreadable["kept_idx"] == (
            "a fts5 virtual table, whose tokenizer SQLite here lacks (no such tokenizer: oddapp); its "
            "documents are the rows of table 'kept', which is not loaded either"
        )


def test_query_errors_are_one_line_naming_what_failed(make_sqlite: SqliteFactory) -> None:
    # A failed query of the export (here: SQLite refuses it) is one line saying what was being done and
    # SQLite's reason, never DuckDB's multi-line message with the query; out of memory gets its hint.
    path = make_sqlite({"t": ("CREATE TABLE t (a TEXT)", [("x",)])})
    with open_source(path) as src:
        sql = "SELECT * FROM sqlite_query('src', 'SELECT no_such_column FROM t')"
        with (
            pytest.raises(SourceError) as caught,
            query_errors(src.path, "t", "outlier quartiles", memory_hint="h"),
        ):
            src.connection.execute(sql).fetchall()
    text = str(caught.value)
    assert "\n" not in text and "outlier quartiles failed" in text and "no_such_column" in text
    assert "table 't'" in text and "SELECT" not in text  # SQLite's reason, not the query
    hint = "raise profile_memory_limit"
    with (
        pytest.raises(SourceError, match="outlier quartiles ran out of memory") as memory,
        query_errors(path, "t", "outlier quartiles", memory_hint=hint),
    ):
        raise duckdb.OutOfMemoryException("could not allocate")
    assert memory.value.hint == "raise profile_memory_limit"


def test_a_failed_query_of_a_sound_file_does_not_call_the_file_corrupt(make_sqlite: SqliteFactory) -> None:
    # Was: every failed query of ours said "hint: the file may be corrupt", of a file that reads fine.
    path = make_sqlite({"t": ("CREATE TABLE t (a TEXT)", [("x",)])})
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA quick_check").fetchall() == [("ok",)]  # sound, by SQLite's own check
    con.close()
    with open_source(path) as src:
        relation = src.relation_sql("t")
        failing = [
            f"SELECT no_such_column FROM {relation}",  # DuckDB's binder: our SQL
            f"SELECT CAST(a AS INTEGER) FROM {relation}",  # DuckDB's conversion: our SQL again
            "SELECT * FROM sqlite_query('src', 'SELECT no_such_column FROM t')",  # SQLite refuses our SQL
        ]
        for sql in failing:
            with pytest.raises(SourceError) as caught, query_errors(path, "t", "profiling", memory_hint="h"):
                src.connection.execute(sql).fetchall()
            assert caught.value.hint == QUERY_FAILED_HINT, sql
            assert "corrupt" not in str(caught.value) and "damaged" not in str(caught.value)


def test_a_read_of_a_damaged_file_says_it_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)")
        con.executemany("INSERT INTO t VALUES (?, ?)", [(i, "x" * 60) for i in range(5_000)])
    page_size, pages = (
        con.execute("PRAGMA page_size").fetchone()[0],
        con.execute("PRAGMA page_count").fetchone()[0],
    )
    con.close()
    with open_source(path) as src:  # opened sound; then a page in the middle of the table is overwritten
        with open(path, "r+b") as handle:
            handle.seek(page_size * (pages // 2))
            handle.write(b"\xff" * page_size)
        with pytest.raises(SourceError) as caught:
            for _ in src.iter_batches("t"):
                pass
    damaged = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="malformed"):  # SQLite's own verdict
        damaged.execute("PRAGMA quick_check").fetchall()
    damaged.close()
    assert "malformed" in caught.value.message
    assert caught.value.hint is not None and caught.value.hint.startswith("the file is damaged")
    assert "PRAGMA quick_check" in caught.value.hint


def test_a_file_truncated_after_it_was_opened_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "cut.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE t (a TEXT)")
    con.close()
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.truncate(size - 1)
    error = read_error(duckdb.ConversionException("whatever our query did"), path, table="t")
    assert error.hint is not None
    assert error.hint.startswith("the file is no longer what was opened: SQLite file is truncated")


@pytest.mark.parametrize("count", [0, 1, 6, 7, 20])
def test_long_rows_are_read_as_runs_of_rowids_every_row_once_in_rowid_order(
    make_sqlite: SqliteFactory, count: int
) -> None:
    """A batch of fewer rows than DuckDB's vector is read as runs of that many rowids, a query each
    (long rows: a vector of them held the whole table): rowids with gaps, the lowest int64, a count
    that is and one that is not a multiple of the batch; the typed scan zipped beside it."""
    rowids = [-(2**63), -5, 0, 3, 4, 1000, 2**40, *range(2**41, 2**41 + count)][:count]
    rows = [(rowid, f"body {rowid} " + "x" * (3000 + number), number) for number, rowid in enumerate(rowids)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT, n INTEGER)", rows)})
    con = sqlite3.connect(path)
    expected = con.execute("SELECT id, body, n FROM t ORDER BY rowid").fetchall()
    con.close()
    assert source_module.VECTOR_ROWS > 3
    with open_source(path) as src:
        reader = src.read_batches("t", batch_size=3)
        batches = list(reader)
        # (An empty table has no rowid range: no native read of it.)
        native = (
            src.read_batches(
                "t", batch_size=3, reads=[ColumnRead(c) for c in ("id", "body", "n")], native=["n", "id"]
            )
            if count
            else None
        )
        zipped = pa.Table.from_batches(list(native), schema=native.schema) if native else None
    assert all(batch.num_rows <= 3 for batch in batches)
    got = [tuple(row.values()) for batch in batches for row in batch.to_pylist()]
    assert got == [(str(i), body, str(n)) for i, body, n in expected]
    if zipped is not None:
        assert (
            list(zip(*(zipped.column(c).to_pylist() for c in ("id", "body", "n")), strict=True)) == expected
        )


def test_a_real_negative_zero_is_read_with_its_sign_only_when_asked(make_sqlite: SqliteFactory) -> None:
    """SQLite's text of a REAL -0.0 is 0.0 (printf, quote, CAST all drop the sign; DuckDB's SQLite has
    no math functions), so a read asking for ``signed_zeros`` gets it from the rows the table's one
    scan by Python's sqlite3 named: by rowid, split in parts too, or by the primary key of a WITHOUT
    ROWID table. Expected values from Python's sqlite3 and math.copysign."""
    zeros = [-0.0, 0.0, 1.5, None, -0.0, "text", 0, -2.5e-300, 0.0, -0.0]
    t_rows = [(i, z, z, z) for i, z in enumerate(zeros)]
    w_rows = [(f"it's {i}", float(i % 2), z) for i, z in enumerate(zeros)]
    path = make_sqlite(
        {
            "t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, a, b BLOB, r REAL)", t_rows),
            "w": ("CREATE TABLE w (k TEXT, j, a, PRIMARY KEY (k, j)) WITHOUT ROWID", w_rows),
            "plain": ("CREATE TABLE plain (id INTEGER PRIMARY KEY, n NUMERIC, r REAL)", [(1, -0.0, -0.0)]),
        }
    )
    con = sqlite3.connect(path)
    source = {
        "t": {str(k): (a, b) for k, a, b in con.execute("SELECT id, a, b FROM t")},
        "w": {k: (a, a) for k, a in con.execute("SELECT k, a FROM w")},
    }
    con.close()

    def text(value: object) -> str | None:
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, int):
            return str(value)
        assert isinstance(value, float)
        return "-0.0" if value == 0 and math.copysign(1.0, value) < 0 else repr(value)

    def read(table: str, key: str, columns: list[str], parts: int, signed: bool) -> dict[str, Any]:
        reads = [ColumnRead(key)] + [ColumnRead(c, real_digits=True, signed_zeros=signed) for c in columns]
        relation = src.relation_sql(table, parts=parts, reads=reads)
        return {row[0]: row[1:] for row in src.connection.execute(f"SELECT * FROM {relation}").fetchall()}

    with open_source(path) as src:
        assert src.scans.negative_zeros("plain") == {}  # NUMERIC and REAL affinity store 0: nothing to scan
        assert set(src.scans.negative_zeros("t")) == {"a", "b"} and set(src.scans.negative_zeros("w")) == {
            "a"
        }
        for table, key, columns in (("t", "id", ["a", "b"]), ("w", "k", ["a"])):
            want = {k: tuple(text(v) for v in values[: len(columns)]) for k, values in source[table].items()}
            assert sum(v == ("-0.0",) * len(columns) for v in want.values()) == 3
            for parts in (1, 3):
                assert read(table, key, columns, parts, signed=True) == want, (table, parts)
            unsigned = read(table, key, columns, 1, signed=False)
            assert unsigned == {k: tuple(v and v.replace("-0.0", "0.0") for v in w) for k, w in want.items()}


def test_release_memory_keeps_the_cap_and_the_source_usable(tmp_path: Path) -> None:
    path = tmp_path / "distinct.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE t (v TEXT)")
        con.execute(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 50000) "
            "INSERT INTO t SELECT 'value ' || (x % 30000) FROM n"
        )
        expected = con.execute(
            "SELECT count(*) FROM (SELECT v FROM t GROUP BY v HAVING count(*) > 1)"
        ).fetchone()
    con.close()
    assert expected == (20000,)
    setting = "SELECT current_setting('memory_limit')"
    with open_source(path) as src:
        uncapped = src.connection.execute(setting).fetchone()
        src.release_memory()  # an uncapped source is left as it is
        assert src.connection.execute(setting).fetchone() == uncapped
        src.limit_memory("64MB")
        capped = src.connection.execute(setting).fetchone()
        sql = f"SELECT count(*) FROM (SELECT v FROM {src.relation_sql('t')} GROUP BY v HAVING count(*) > 1)"
        assert src.cursor().execute(sql).fetchone() == expected
        src.release_memory()
        assert src.connection.execute(setting).fetchone() == capped != uncapped
        assert src.cursor().execute(sql).fetchone() == expected


def _open_files(path: Path) -> int:
    """File descriptors of this process open on ``path`` (each SQLite connection holds one)."""
    fds = Path("/proc/self/fd")
    return sum(1 for fd in fds.iterdir() if os.path.realpath(fd) == str(path.resolve()))


def _many_tables(make_sqlite: SqliteFactory, count: int) -> Path:
    return make_sqlite(
        {
            f"t{n}": (
                f"CREATE TABLE t{n} (id INTEGER PRIMARY KEY, code TEXT, amount REAL)",
                [(i, f"c{i % 4}", i / 8) for i in range(1, 6 + n)],
            )
            for n in range(count)
        }
    )


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc")
def test_small_reads_share_one_sqlite_connection_until_renewed(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # DuckDB's sqlite_scanner opens a SQLite connection per transaction, and SQLite parses the file's
    # whole schema on its first query: ~2.6 ms at 1,000 tables, paid ~4 times a table by an export of
    # many small tables when every query had a cursor (a transaction) of its own.
    path = _many_tables(make_sqlite, 12)
    monkeypatch.setattr(source_module, "SHARED_READS", 8)
    with open_source(path) as src:
        before = _open_files(path)
        for n in range(5):
            with src.small_reads() as cursor:
                query = quote_literal(f"SELECT count(*) FROM t{n}")
                assert cursor.execute(f"SELECT * FROM sqlite_query('src', {query})").fetchone() == (
                    str(5 + n),
                )
        assert _open_files(path) == before + 1  # one connection for the five, still open
        for _ in range(3):
            with src.small_reads() as cursor:
                cursor.execute("SELECT * FROM sqlite_query('src', 'SELECT 1 FROM t1')").fetchall()
        assert all(shared.cursor is None for shared in src._shared)  # the eighth use ended it
        assert _open_files(path) == before
        with src.small_reads() as cursor:  # and the next use begins another
            assert cursor.execute(
                "SELECT * FROM sqlite_query('src', 'SELECT count(*) FROM t2')"
            ).fetchone() == ("7",)
        assert _open_files(path) == before + 1
    assert _open_files(path) == 0


def test_a_failed_small_read_ends_its_transaction_and_the_next_one_works(make_sqlite: SqliteFactory) -> None:
    path = _many_tables(make_sqlite, 2)
    with open_source(path) as src:
        with pytest.raises(duckdb.Error, match="no such table"), src.small_reads() as cursor:
            cursor.execute("SELECT * FROM sqlite_query('src', 'SELECT * FROM missing')").fetchall()
        with src.small_reads() as cursor:
            assert cursor.execute(
                "SELECT * FROM sqlite_query('src', 'SELECT count(*) FROM t1')"
            ).fetchone() == ("6",)


def test_a_small_table_is_read_whole_as_one_batch_with_the_streamed_values(
    make_sqlite: SqliteFactory,
) -> None:
    rows = [
        (i, f" v{i % 7} " if i % 3 else None, i * 1.5, b"\x00\x01" if i % 4 == 0 else "x")
        for i in range(1, 3001)
    ]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, r REAL, b)", rows)})
    with open_source(path) as src:
        reads = [ColumnRead(name, with_class=True) for name in ("id", "v", "r", "b")]
        whole = list(src.read_batches("t", batch_size=5_000, reads=reads, strip_nul=True))
        opened = any(shared.cursor is not None for shared in src._shared)
        streamed = list(src.read_batches("t", batch_size=1_000, reads=reads, strip_nul=True))
    assert opened  # read through the shared transaction
    assert [batch.num_rows for batch in whole] == [3_000] and len(streamed) == 3
    assert pa.Table.from_batches(whole).equals(pa.Table.from_batches(streamed))


def test_two_threads_read_small_tables_at_once_each_in_a_transaction_of_its_own(
    make_sqlite: SqliteFactory,
) -> None:
    # The profile counts small tables on two threads: one shared transaction would make them take turns.
    path = _many_tables(make_sqlite, 2)
    with open_source(path) as src, src.small_reads() as first:
        inside = threading.Event()
        seen: list[Any] = []

        def other() -> None:
            with src.small_reads() as second:
                seen.append(second)
                second.execute("SELECT * FROM sqlite_query('src', 'SELECT 1 FROM t1')").fetchall()
            inside.set()

        thread = threading.Thread(target=other)
        thread.start()
        assert inside.wait(5), "the second reader waited for the first"
        thread.join()
        assert seen and seen[0] is not first


def test_a_table_without_rowid_is_not_counted_to_be_read(make_sqlite: SqliteFactory) -> None:
    # Its rows are known only by a count(*), which a big one would pay for nothing: it is streamed.
    rows = [(f"k{i}", i) for i in range(50)]
    path = make_sqlite({"t": ("CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID", rows)})
    with open_source(path) as src:
        table = pa.Table.from_batches(list(src.read_batches("t", batch_size=1_000)))
        assert "row_count" not in src.table("t").__dict__
        assert all(shared.cursor is None for shared in src._shared)
    assert table.column("k").to_pylist() == [k for k, _ in sorted(rows)]


def test_a_real_read_as_the_target_writes_it_is_the_cleaners_text_of_it(tmp_path: Path) -> None:
    # The cleaner writes a REAL cell of a text column as Polars' text of its double; a read asking for
    # that text (ColumnRead.reals_as_target: the key count) gets the same, cell for cell, small numbers
    # (0.00001, 1.5e-7), infinities and the negative zero among them; TEXT cells stay as they are.
    rng = random.Random(5)
    doubles = [0.1, 1e-05, -1.5e-05, 1e-06, 2.5e-07, 1e-4, 1e15, 1e16, 1e22, 5e-324, 1.7976931348623157e308]
    doubles += [math.inf, -math.inf, -0.0, 0.0, 100.0, 3.14159265358979, 1796433509.6090071]
    doubles += [rng.random() * 10 ** rng.randint(-30, 30) * rng.choice((1, -1)) for _ in range(500)]
    doubles += [struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0] for _ in range(500)]
    doubles = [value for value in doubles if not math.isnan(value)]
    path = tmp_path / "reals.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, k)")
        con.executemany("INSERT INTO t (k) VALUES (?)", [(value,) for value in doubles])
        con.execute("INSERT INTO t (k) VALUES ('1e-05'), ('Inf')")
    con.close()
    expected = [*pl.Series(doubles, dtype=pl.Float64).cast(pl.String).to_list(), "1e-05", "Inf"]
    with open_source(path) as src:
        read = ColumnRead("k", real_digits=True, signed_zeros=True, reals_as_target=True)
        relation = src.relation_sql("t", reads=[ColumnRead("id"), read])
        rows = src.connection.execute(f"SELECT k FROM {relation} ORDER BY CAST(id AS BIGINT)").fetchall()
    assert [text for (text,) in rows] == expected


def test_a_column_declared_a_reference_to_another_table_is_not_read_as_its_own_tables_rowid(
    tmp_path: Path,
) -> None:
    # A keyless log whose column names the log itself (``reading`` in ``readings``) but declares a
    # foreign key to another table: its values are that table's ids, which fall among the log's own
    # rowids by chance. The schema says where it refers; the log's rowid is not carried as a key.
    # The same column without the declaration, and one declared to the keyless table itself, still
    # hold its rowid.
    path = tmp_path / "declared.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE sensors (id INTEGER PRIMARY KEY, name TEXT)")
        con.executemany("INSERT INTO sensors VALUES (?, ?)", [(i, f"s{i}") for i in (1, 2, 4)])
        for table, declared in (
            ("readings", "REFERENCES sensors(id)"),
            ("samples", ""),
            ("notes", "REFERENCES notes"),
        ):
            singular = table[:-1]
            con.execute(f"CREATE TABLE {table} ({singular} INTEGER {declared}, at TEXT, v REAL)")
            con.executemany(
                f"INSERT INTO {table} VALUES (?, ?, ?)",
                [([1, 2, 4][k % 3], f"2026-04-10 22:{k:02d}:00", k / 8) for k in range(40)],
            )
    con.close()
    with open_source(path) as src:
        assert src.table("readings").rowid_referrers == ()
        assert [c.name for c in src.table("readings").columns] == ["reading", "at", "v"]
        assert src.table("samples").rowid_referrers == (("samples", "sample"),)
        assert src.table("notes").rowid_referrers == (("notes", "note"),)


class _BeginRunsOutOfMemory:
    """A cursor whose first ``BEGIN TRANSACTION`` opens the transaction and then runs out of memory, as
    DuckDB's own BEGIN did (a 2 KiB allocation with other threads' queries at the limit): the
    transaction stays open, aborted by a real out-of-memory failure inside it, and that error is raised."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection, database: duckdb.DuckDBPyConnection) -> None:
        self._cursor = cursor
        self._database = database  # sets the limit (a global setting) outside the aborted transaction

    def execute(self, sql: str) -> duckdb.DuckDBPyConnection:
        if sql != "BEGIN TRANSACTION":
            return self._cursor.execute(sql)
        self._cursor.execute(sql)
        self._database.execute("SET memory_limit = '1MB'")
        try:
            self._cursor.execute("SELECT list(range) FROM range(10000000)").fetchall()
        finally:
            self._database.execute("SET memory_limit = '1GB'")
        raise AssertionError("the query inside the transaction did not run out of memory")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


def test_a_shared_read_whose_begin_runs_out_of_memory_leaves_no_aborted_transaction_behind(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two profiles at once of an export of 200 small tables at 6-8 MB: now and then the shared read
    # transaction's BEGIN itself ran out of memory after opening the transaction. The failure was the
    # memory error (the table profiled again alone), but the aborted transaction stayed with the
    # shared cursor, and the next table's read on it failed as "profiling failed: TransactionContext
    # Error: Current transaction is aborted (please ROLLBACK)", a line that hides that memory was the cause.
    path = _many_tables(make_sqlite, 2)
    with open_source(path) as src:
        cursor = src.cursor
        monkeypatch.setattr(src, "cursor", lambda: _BeginRunsOutOfMemory(cursor(), src.connection))
        with pytest.raises(duckdb.OutOfMemoryException), src.small_reads():
            pass
        monkeypatch.setattr(src, "cursor", cursor)
        for _ in range(3):  # whichever of the shared transactions the next reads take
            with src.small_reads() as shared:
                assert shared.execute(
                    "SELECT * FROM sqlite_query('src', 'SELECT count(*) FROM t1')"
                ).fetchone() == ("6",)


def test_a_commit_that_runs_out_of_memory_is_the_one_line_memory_error(make_sqlite: SqliteFactory) -> None:
    # DuckDB raises a commit short of memory (a table written where nothing can spill) as
    # "TransactionContext Error: Failed to commit: could not allocate block ...", no
    # OutOfMemoryException: the line said "counting failed: TransactionContext Error: ...", hiding
    # that memory was the cause and which setting to raise.
    path = _many_tables(make_sqlite, 1)
    with open_source(path) as src:
        src.connection.execute("SET temp_directory = ''")  # nothing spills
        src.connection.execute("SET memory_limit = '4MB'")
        src.connection.execute("CREATE TABLE filler (s VARCHAR)")
        with (
            pytest.raises(SourceError) as caught,
            query_errors(path, "t0", "counting", memory_hint="raise profile_memory_limit"),
        ):
            for _ in range(1000):
                src.connection.execute(
                    "INSERT INTO filler SELECT range::VARCHAR || 'xxxxxxxxxxxxxxxxxxxx' FROM range(2000)"
                )
        assert isinstance(
            caught.value.__cause__, duckdb.TransactionException
        )  # the commit's, as DuckDB raises it
        line = caught.value.one_line()
        assert "'t0': counting ran out of memory (hint: raise profile_memory_limit)" in line, line
