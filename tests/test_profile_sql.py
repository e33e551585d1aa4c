"""Snapshot of the profiling SQL: a change to the query is a visible, reviewed diff.

Regenerate after an intended change with ``UPDATE_SNAPSHOTS=1 just test -k profile_sql``.
"""

from __future__ import annotations

import math
import os
import random
import struct
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import duckdb
import pytest

from columnar_etl.pg.identifiers import quote_literal
from columnar_etl.profiling import native as native_module
from columnar_etl.profiling import sql as sql_module
from columnar_etl.profiling.column_rows import column_text_bounds, profile_row_order
from columnar_etl.profiling.native import native_distinct_sql, native_profile_sql
from columnar_etl.profiling.profile_codes import Flag, StorageClass, split_code
from columnar_etl.profiling.sql import Shape, table_profile_sql
from columnar_etl.profiling.value_text import trimmed_sql
from columnar_etl.rules import DEFAULT_NULL_TOKENS, WHITESPACE
from columnar_etl.rules.dates import INSTANT_RANGE, ZONE_NAME_AT_REGEX
from columnar_etl.source.cells import ColumnRead
from columnar_etl.source.duckdb_reader import SOURCE_ALIAS
from columnar_etl.source.export import open_source
from tests.conftest import SqliteFactory

SNAPSHOTS = Path(__file__).parent / "snapshots"
TICKET_COLUMNS = ["TKT-Ticket ID", "TKT-Created Time", 'we"ird; --']


def check_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.write_text(text)
    assert path.read_text() == text, f"{name} changed; if intended, regenerate with UPDATE_SNAPSHOTS=1"


def test_table_profile_sql_snapshot() -> None:
    # TKT-Created Time (index 1) is declared TIMESTAMP: its integers are also parsed as compact dates.
    sql = table_profile_sql('src."tickets"', TICKET_COLUMNS, list(DEFAULT_NULL_TOKENS), None, dated=[1])
    check_snapshot("profile_tickets.sql", sql + "\n")


def test_sampled_profile_sql_snapshot() -> None:
    sql = table_profile_sql('src."tickets"', TICKET_COLUMNS[:1], [], 500)
    check_snapshot("profile_tickets_sample.sql", sql + "\n")


def test_the_profile_query_plans_no_join() -> None:
    # A shape's membership in a list of six codes or more is list_contains: DuckDB plans such an IN
    # list as a join of every distinct value with the list (a hash join each, six in the query).
    con = duckdb.connect()
    con.execute("CREATE TABLE cells (idx INTEGER, cls VARCHAR, v BLOB, weight BIGINT)")
    sql = table_profile_sql(
        'src."tickets"',
        TICKET_COLUMNS,
        list(DEFAULT_NULL_TOKENS),
        None,
        dated=[1],
        distinct="SELECT * FROM cells",
    )
    plan = "\n".join(str(row[-1]) for row in con.execute(f"EXPLAIN {sql}").fetchall())
    assert "HASH_GROUP_BY" in plan and "JOIN" not in plan
    con.close()


def test_identifiers_are_quoted_everywhere() -> None:
    sql = table_profile_sql('src."t"', ['x"; DROP TABLE y; --'], [], None)
    assert '"x""; DROP TABLE y; --"' in sql
    assert 'x"; DROP' not in sql.replace('"x""; DROP', "")


def test_integer_cells_shape_and_flag_as_the_same_text_does(make_sqlite: SqliteFactory) -> None:
    # INTEGER cells take a short cut (no regex, no trim): their shapes and flags must be those the
    # general path gives the same digits stored as TEXT, null tokens included ('0' is one here).
    values = [0, 1, 1, -5, 42, 9223372036854775807, -9223372036854775808, 1000000, 10**18, 1234567890123456]
    values.append(None)
    rows = [(v, None if v is None else str(v)) for v in values]
    path = make_sqlite({"t": ("CREATE TABLE t (i, s)", rows)})
    with open_source(path) as src:
        reads = [ColumnRead(name, with_class=True, as_bytes=True) for name in ("i", "s")]
        relation = src.relation_sql("t", reads=reads, class_string=True)
        result = src.connection.execute(table_profile_sql(relation, ["i", "s"], ["0"], None)).fetchall()
    histograms: dict[int, dict[tuple[int, int], int]] = {0: {}, 1: {}}
    classes: dict[int, set[StorageClass]] = {0: set(), 1: set()}
    for idx, code, cells, *_ in result:
        if code is None:
            continue
        storage, shape, flags = split_code(code)
        classes[idx].add(storage)
        histograms[idx][(shape, flags)] = histograms[idx].get((shape, flags), 0) + cells
    assert classes == {
        0: {StorageClass.INTEGER, StorageClass.NULL},
        1: {StorageClass.TEXT, StorageClass.NULL},
    }
    assert histograms[0] == histograms[1]
    assert histograms[0][(Shape.NULL_LIKE, Flag.ZERO_ONE)] == 1
    assert histograms[0][(Shape.INTEGER, Flag.ZERO_ONE | Flag.TRUE_WORD)] == 2
    assert histograms[0][(Shape.INTEGER, 0)] == 4  # -5, 42, 1000000 and 10**18 (one significant digit)
    # The int64 bounds and a 16-digit integer have more significant digits than a double holds.
    assert histograms[0][(Shape.INTEGER, Flag.NOT_A_DOUBLE)] == 3


def test_trimmed_sql_trims_as_python_strip_does() -> None:
    # The last character is tested only behind a test of the value's last byte: every whitespace
    # character must still be seen at either end, and a non-space character sharing a whitespace
    # character's last byte (À is C3 80 like U+2000's E2 80 80; ā is C4 81) must not be trimmed.
    bodies = ["x", "À", "ā", "naïve", "x y", "日本", ""]
    values = list(bodies)
    for char in WHITESPACE:
        values += [char + "x", "x" + char, "À" + char, char + "ā" + char, "a" + char + "b", char]
    values += [body + "À" for body in bodies] + ["\u2000À", "À\u3000"]
    # Around the cheap test's bounds: DEL and C1 controls are not whitespace, NEL (0x85) is.
    values += ["\x7fx\x7f", "!x!", "\x84x\x84", "\x85x\x85", "\x80x\x80", " x\x7f", "\x7fx "]
    con = duckdb.connect()
    listed = ", ".join(quote_literal(value) for value in values)
    got = con.execute(f"SELECT list_transform([{listed}], v -> {trimmed_sql('v')})").fetchone()
    assert got is not None
    assert got[0] == [value.strip(WHITESPACE) for value in values]


def test_real_cells_shape_and_flag_as_the_same_text_does(make_sqlite: SqliteFactory) -> None:
    # REAL cells take a short cut too (no trim, a shape from 'e' and '.', one flag test): their shapes
    # and flags must be those the general path gives the same text stored as TEXT (the shortest text
    # of each double, Python's repr), null tokens included.
    rng = random.Random(19)
    doubles = [0.0, 1.0, -1.0, 0.5, 1e-05, -1e-05, 2.5e-07, 1e20, -1e20, 1e15, 1e16, 1.5e-10, 100.0]
    doubles += [1e308, -1e308, 5e-324, 2.2250738585072014e-308, math.inf, -math.inf, 0.1, 12345.678]
    doubles += [struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0] for _ in range(300)]
    doubles += [round(rng.uniform(-1e4, 1e4), rng.randint(0, 6)) for _ in range(300)]
    doubles = [value for value in doubles if not math.isnan(value)]
    texts = [repr(value + 0.0) for value in doubles]
    tokens = ["1.0", "inf", "0.0"]
    both = make_sqlite(
        {"t": ("CREATE TABLE t (x REAL, s TEXT)", list(zip(doubles, texts, strict=True)))}, name="both.db"
    )
    with open_source(both) as src:
        reads = [ColumnRead(name, with_class=True, as_bytes=True, real_digits=True) for name in ("x", "s")]
        relation = src.relation_sql("t", reads=reads, class_string=True)
        result = src.connection.execute(table_profile_sql(relation, ["x", "s"], tokens, None)).fetchall()
    histograms: dict[int, dict[tuple[int, int], int]] = {0: {}, 1: {}}
    shapes: set[int] = set()
    for idx, code, cells, *_ in result:
        if code is None:
            continue
        storage, shape, flags = split_code(code)
        assert storage == (StorageClass.REAL, StorageClass.TEXT)[idx]
        shapes |= {shape} if idx == 0 else set()
        # TEXT decimals of a subnormal are not exact as a double: a flag no REAL cell carries. And
        # TEXT 123.456 may be a German 123456 (a dot group, read so where commas are decimal), while
        # a REAL cell's point is the profile's own writing of a binary number: always a decimal.
        if shape == Shape.DOT_GROUP3:
            shape = Shape.DECIMAL
        key = (shape, flags & ~Flag.NOT_A_DOUBLE)
        # A REAL cell's infinity is a double (its own shape); TEXT 'inf' / '-inf' is an infinity written
        # as text (rules.NON_FINITE_WORDS: no rule reads it, its column keeps its text).
        if (idx, shape) in ((0, Shape.REAL_INFINITY), (1, Shape.NON_FINITE)):
            key = (Shape.REAL_INFINITY, 0)
        histograms[idx][key] = histograms[idx].get(key, 0) + cells
    assert histograms[0] == histograms[1]
    assert shapes >= {Shape.DECIMAL, Shape.EXPONENT, Shape.REAL_INFINITY, Shape.NULL_LIKE}
    assert Shape.OTHER not in shapes


def test_profile_rows_are_ordered_in_python_as_sql_would(make_sqlite: SqliteFactory) -> None:
    # The query leaves its rows unordered (an ORDER BY made DuckDB aggregate on one thread): Python
    # orders them by column, bounds (code NULL) first, then codes, as ORDER BY idx, code NULLS FIRST.
    rows = [(i, i % 7 or None, f" v{i % 3}", 2.5 * i, b"\x00" if i == 4 else "x") for i in range(40)]
    path = make_sqlite({"t": ("CREATE TABLE t (a INTEGER, b INT, c TEXT, d REAL, e)", rows)})
    columns = ["a", "b", "c", "d", "e"]
    with open_source(path) as src:
        reads = [ColumnRead(name, with_class=True, as_bytes=True) for name in columns]
        relation = src.relation_sql("t", reads=reads, class_string=True)
        sql = table_profile_sql(relation, columns, ["x"], None)
        assert "ORDER BY" not in sql
        cursor = src.connection.execute(f"SELECT idx, code FROM ({sql}) ORDER BY idx, code NULLS FIRST")
        ordered = cursor.fetchall()
    shuffled = [{"idx": idx, "code": code} for idx, code in ordered]
    random.Random(3).shuffle(shuffled)
    assert len({(row["idx"], row["code"]) for row in shuffled}) > 10
    assert [(row["idx"], row["code"]) for row in sorted(shuffled, key=profile_row_order)] == ordered


def _grouping_sets(coded: str) -> str:
    """The reference for :func:`with_column_rows`: ``coded`` with its column rows counted by DuckDB's
    grouping sets, every value aggregated a second time per column, as the profile query once did."""
    head, _, group = coded.rpartition("GROUP BY ")
    idx, code = group.split(", ")
    return f"{head}GROUP BY GROUPING SETS (({idx}, {code}), ({idx}))"


def _folded_text(cursor: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    """The profile query's rows, the column rows' text bounds folded in Python as the profile does
    (:func:`column_text_bounds`: the query leaves them NULL)."""
    header = [d[0] for d in cursor.description or []]
    rows = [dict(zip(header, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        if row["code"] is None:
            row.update(column_text_bounds([other for other in rows if other["idx"] == row["idx"]]))
    return [tuple(row.values()) for row in rows]


def _ordered(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    return sorted(rows, key=lambda row: profile_row_order({"idx": row[0], "code": row[1]}))


def test_column_rows_fold_as_grouping_sets_count(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each column's row (code NULL) is folded from its coded rows: the very rows grouping sets give,
    # on year-0 and year-10000 dates (no dates: DuckDB would read year 0 as 1 BC, a bound Python cannot
    # hold, but it is no date for the profile, nor for the cleaner), mixed storage classes, BLOBs, bytes
    # that are not UTF-8, null tokens, NULL-only columns, more than five examples per code, and, from
    # the typed scan, int64 bounds, infinities and -0.0.
    texts = ["0000-03-01 00:00", "01/03/0000", "10000-01-01", "2024-02-30", "2024-01-31 10:00", "31/01/2024"]
    texts += ["1,5", "3.125", "1e999", "-1e999", " 7 ", "", "NULL", "-", "007", "x", "y", "z", "w", "v", "u"]
    cells: list[object] = [*texts, 3, -2, 2.5, 1e300, b"\x00\x01", "caf\xe9".encode("latin-1"), None]
    rows = [(cell, None, cell if isinstance(cell, int) else None, "n/a") for cell in cells]
    path = make_sqlite({"t": ("CREATE TABLE t (a, b TEXT, c INTEGER, d TEXT)", rows)})
    numbers = [(1, 2.5), (2, -0.0), (2**63 - 1, math.inf), (-(2**63), -math.inf), (0, None), (1, 0.0)]
    numbers += [(None, 1e-300), (7, 2.5)] + [(n, n / 8) for n in range(10, 30)]
    typed = make_sqlite({"n": ("CREATE TABLE n (i INTEGER, r REAL)", numbers)}, name="typed.db")
    columns = ["a", "b", "c", "d"]
    tokens = ["NULL", "-", "n/a", "0"]

    def profile_rows() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        with open_source(path) as src:
            reads = [ColumnRead(name, with_class=True, as_bytes=True, real_digits=True) for name in columns]
            relation = src.relation_sql("t", reads=reads, class_string=True)
            text = _folded_text(src.connection.execute(table_profile_sql(relation, columns, tokens, None)))
        with open_source(typed) as src:
            scan = f"SELECT i, r FROM {SOURCE_ALIAS}.n"
            distinct = native_distinct_sql(scan, [0, 1], ["i", "r"], {"r"})
            cursor = src.typed_cursor()
            native = _folded_text(cursor.execute(native_profile_sql(distinct, tokens, [1])))
            cursor.close()
        return _ordered(text), _ordered(native)

    folded = profile_rows()
    monkeypatch.setattr(sql_module, "with_column_rows", _grouping_sets)
    monkeypatch.setattr(native_module, "with_column_rows", _grouping_sets)
    grouped = profile_rows()
    # The column rows' examples are not folded (nothing reads them), their text bounds are folded in
    # Python (column_text_bounds): the same as the grouping sets' own.
    examples = 5
    assert [row[examples] for row in folded[0] + folded[1] if row[1] is None] == [None] * 6
    assert folded == tuple(
        [(*row[:examples], None, *row[examples + 1 :]) if row[1] is None else row for row in rows]
        for rows in grouped
    )
    assert any(len(row[examples] or []) == 5 and row[1] is None for row in grouped[0])
    text, native = folded
    # What the comparison covers: a column row per column, year 0 read as no date, a NULL-only column.
    assert [row[0] for row in text if row[1] is None] == [0, 1, 2, 3]
    assert [row[0] for row in native if row[1] is None] == [0, 1]
    assert not any(isinstance(value, str) and "(BC)" in value for row in text for value in row[6:8])
    assert any(row[0] == 1 and row[1] is not None and row[5] is None for row in text)


def test_the_profile_query_writes_its_repeated_parts_once() -> None:
    # Planning the query is most of a small table's profile (docs/scaling.md): DuckDB binds, and
    # folds where constant, every copy of an expression anew. The whitespace set is one literal (not
    # a chain of chr() joined by ||), a zone's name is read once per value (not five times in each
    # shape ending with one), the instants' range is tested and an integer cast to HUGEINT once.
    sql = table_profile_sql('src."t"', ["a", "b"], list(DEFAULT_NULL_TOKENS), None, dated=[1], open_ended=[0])
    assert "chr(9)" not in sql and "::BLOB" not in sql
    assert sql.count(quote_literal(ZONE_NAME_AT_REGEX)) == 2  # the name, and its offset
    assert sql.count(f"TIMESTAMP {quote_literal(INSTANT_RANGE[0])}") == 1
    assert sql.count("try_cast(t0 AS HUGEINT)") == 1


def test_zone_names_and_the_instant_range_read_as_python_reads_them() -> None:
    # The zone's name, its offset and the range test of instants are levels of their own: each
    # value's day-first parse must still be its instant in UTC, or none outside INSTANT_RANGE.
    rfc = [
        "Tue, 20 May 2025 08:42:07 EST",
        "Tue, 20 May 2025 08:42:07 PDT",
        "Fri, 31 Dec 9999 23:59:59 PST",  # past 9999 in UTC: no such instant
        "Fri, 31 Dec 9999 22:59:59 -0100",
        "20 May 2025 08:42:07 GMT",
        "20 May 2025 08:42:07 CST",
    ]
    expected: dict[str, datetime | None] = {}
    for value in rfc:
        written = parsedate_to_datetime(value)
        offset = written.utcoffset()
        assert offset is not None
        try:
            expected[value] = written.replace(tzinfo=None) - offset
        except OverflowError:  # datetime's years are INSTANT_RANGE's: outside it, no instant
            expected[value] = None
    # (email.utils reads year 0001 as 2001: these are written out.)
    expected["Mon, 01 Jan 0001 00:30:00 +0100"] = None  # 0000-12-31 23:30 in UTC
    expected["Mon, 01 Jan 0001 00:30:00 -0100"] = datetime(1, 1, 1, 1, 30)
    # ctime with a zone's name, and ISO text with an offset at the range's ends.
    expected["Tue May 20 08:42:07 EDT 2025"] = datetime(2025, 5, 20, 12, 42, 7)
    expected["Tue May 20 08:42:07 CEST 2025"] = None  # a name of no known offset
    expected["9999-12-31 23:30:00-01:00"] = None
    expected["0001-01-01 00:30:00+00:00"] = datetime(1, 1, 1, 0, 30)
    values = list(expected)
    rows = ", ".join(f"({i}, {quote_literal(value)})" for i, value in enumerate(values))
    distinct = f"SELECT idx, 't' AS cls, encode(v) AS v, 1 AS weight FROM (VALUES {rows}) AS cells(idx, v)"
    sql = table_profile_sql("", ["cells"], [], None, distinct=distinct)
    got = {
        values[idx]: day
        for idx, code, day in duckdb.connect()
        .execute(f"SELECT idx, code, min_day_first FROM ({sql}) AS profiled WHERE code IS NULL")
        .fetchall()
    }
    assert got == expected
