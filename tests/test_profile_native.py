"""INTEGER columns profiled from DuckDB's typed scan give the very profile the text query gives.

Independent checks: the profile read all as text (the typed scan switched off), and SQLite's own
``typeof``/``count``/``min``/``max`` over the same cells.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from columnar_etl import clean, profile
from columnar_etl.config import load_settings
from columnar_etl.models import Profile
from columnar_etl.profiling import native as native_module
from columnar_etl.profiling import profile as profile_module
from columnar_etl.profiling.column_rows import column_text_bounds
from columnar_etl.profiling.native import (
    integer_tokens,
    native_candidates,
    native_distinct_sql,
    native_rows,
)
from columnar_etl.source.duckdb_reader import SOURCE_ALIAS
from columnar_etl.source.export import open_source
from export_generator import generate_export, generate_random_export, generate_wide_export

from .conftest import SqliteFactory, examples

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def _as_dict(result: Profile) -> dict[str, Any]:
    data = result.to_dict()
    data.pop("seconds", None)
    return data


def _text_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every column read as text, as before the typed scan."""
    monkeypatch.setattr(profile_module, "native_candidates", lambda *args, **kwargs: ([], []))


def _native_columns(path: Path, table: str) -> list[str]:
    with open_source(path) as src:
        return native_rows(src, table, [], native_candidates(src, table)[0], "")[1]


def test_columns_of_integer_cells_only_are_read_natively(make_sqlite: SqliteFactory) -> None:
    # Each column declared so DuckDB types it BIGINT (INTEGER, INT, BOOLEAN) holds INTEGER cells, or
    # INTEGER cells and one of another class; the others are never typed BIGINT.
    rows = [
        (1, 10, 0, 5, 7, 3, 8, 1.5, "1", 4),
        (2, None, 1, "x", 2.5, b"\x00", 9, 2.5, "2", 5),
        (3, 30, 1, 6, 8, 4, "yes", 3.5, "3", 6),
    ]
    ddl = (
        "CREATE TABLE t (id INTEGER PRIMARY KEY, n INT, flag BOOLEAN, text_cell INTEGER, "
        "real_cell INTEGER, blob_cell BIGINT, text_in_boolean BOOLEAN, r REAL, s TEXT, untyped)"
    )
    path = make_sqlite({"t": (ddl, rows)})
    con = sqlite3.connect(path)
    # SQLite's own verdict: a column is all INTEGER (or NULL) cells.
    pure = {
        name
        for (name,) in con.execute("SELECT name FROM pragma_table_info('t')")
        if not con.execute(
            f"SELECT count(*) FROM t WHERE typeof({name}) NOT IN ('integer', 'null')"
        ).fetchone()[0]
    }
    con.close()
    assert pure == {"id", "n", "flag", "untyped"}
    # The untyped column is all INTEGER too, but DuckDB reads it as BLOB: it stays with the text query.
    assert _native_columns(path, "t") == ["id", "n", "flag"]


@pytest.mark.parametrize("name", ["rowid", "RowID"])
def test_a_column_named_rowid_keeps_every_table_read_by_sqlite(make_sqlite: SqliteFactory, name: str) -> None:
    # DuckDB's own scan takes a column named rowid for SQLite's rowid: one holding text read no row at
    # all, and the profile failed ("the reads of the table differ in rows") on an unchanged file.
    rows = [
        (None, "1999-05-20 23:37:31", 7, 1.5),
        (None, "2026-03-17 15:33:43", 8, None),
        (None, None, 9, 2.5),
    ]
    ddl = f'CREATE TABLE t ("group" INTEGER, "{name}" TIMESTAMP, n INTEGER, r REAL)'
    path = make_sqlite({"t": (ddl, rows)})
    result = profile(path, settings=load_settings())
    assert _native_columns(path, "t") == []  # read by SQLite's queries only
    columns = result["t"].columns
    assert result["t"].row_count == 3
    # SQLite's own counts of the same cells.
    con = sqlite3.connect(path)
    counts = con.execute(f'SELECT count("group"), count("{name}"), count(n), count(r) FROM t').fetchone()
    con.close()
    assert [columns[c].null_count for c in ("group", name, "n", "r")] == [3 - k for k in counts]
    cleaned = clean(path)
    assert cleaned.data is not None
    assert [tuple(row.values()) for row in cleaned.data["t"].to_pylist()] == [
        (None, datetime.fromisoformat(text) if text else None, n, r) for _, text, n, r in rows
    ]


def test_text_that_is_not_utf8_in_an_integer_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The typed scan's error quotes the bad cell, and cannot be a message: every column is text then.
    path = tmp_path / "latin.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (a INTEGER, b INTEGER)")
    con.execute("INSERT INTO t VALUES (1, 2), (CAST(X'E9' AS TEXT), 3)")
    con.commit()
    con.close()
    assert _native_columns(path, "t") == []
    found = profile(path)
    assert found.tables["t"].columns["a"].storage_classes == {"integer": 1, "text": 1}
    assert found.tables["t"].columns["b"].storage_classes == {"integer": 2}
    _text_only(monkeypatch)
    assert _as_dict(found) == _as_dict(profile(path))


def test_integer_null_tokens() -> None:
    assert integer_tokens(["NULL", "0", "-1", "007", "+5", "-0", str(INT64_MAX), str(INT64_MAX + 1)]) == [
        0,
        -1,
        INT64_MAX,
    ]


@pytest.mark.parametrize(
    "make",
    [
        lambda path: generate_export(path, scale=0.02, seed=5, dirt="heavy"),
        lambda path: generate_export(path, scale=0.02, seed=6, dirt="corrupt"),
        lambda path: generate_wide_export(path, scale=0.01, seed=3),
        lambda path: generate_random_export(path, scale=0.03, seed=9),
    ],
    ids=["servicedesk-heavy", "servicedesk-corrupt", "wide", "random"],
)
def test_generated_exports_profile_the_same_as_all_text(
    tmp_path: Path, make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Types, counts, keys, duplicates and references (the kept values) of every shape: unchanged."""
    path = tmp_path / "export.db"
    make(path)
    with open_source(path) as src:
        assert any(native_rows(src, t, [], native_candidates(src, t)[0], "")[1] for t in src.tables)
    native = profile(path)
    _text_only(monkeypatch)
    assert _as_dict(native) == _as_dict(profile(path))


INTEGERS = st.one_of(
    st.sampled_from(
        [
            *(0, 1, -1, 2, 10, 100, INT64_MIN, INT64_MAX, 2**53, 2**53 + 1, 1_700_000_000),
            # Compact timestamps (the column is named like a time): valid, month 13, before 1970.
            *(20250520084207, 20991231235959, 20251301084207, 19691231235959),
        ]
    ),
    st.integers(min_value=INT64_MIN, max_value=INT64_MAX),
)
OTHERS = st.one_of(st.just("x"), st.just(" 7"), st.just(2.5), st.just(b"\x01"), st.just("TBD"))


@settings(
    max_examples=examples(15, 120), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.lists(st.one_of(st.none(), INTEGERS), min_size=0, max_size=40),
    other=st.one_of(st.none(), OTHERS),
    declared=st.sampled_from(["INTEGER", "BIGINT", "BOOLEAN"]),
    tokens=st.sampled_from([None, ["0"], ["-1", "NULL"], ["1", str(INT64_MAX)]]),
    ids=st.lists(INTEGERS, min_size=40, max_size=40, unique=True),
)
def test_integer_columns_profile_as_their_text_does(
    tmp_path_factory: pytest.TempPathFactory,
    values: list[int | None],
    other: Any,
    declared: str,
    tokens: list[str] | None,
    ids: list[int],
) -> None:
    """A property over generated columns: native or text, the same profile; and SQLite agrees. The
    rowid alias ``id`` (any int64, a null token too), which the typed scan counts without grouping."""
    path = tmp_path_factory.mktemp("native") / "export.db"
    con = sqlite3.connect(path)
    con.execute(f"CREATE TABLE t (id INTEGER PRIMARY KEY, created_at {declared}, note TEXT, other INTEGER)")
    cells = [(ids[i], v, f"n{i % 3}", other if i == len(values) // 2 else i) for i, v in enumerate(values)]
    con.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", cells)
    con.commit()
    chosen = load_settings(**({"null_tokens": tokens} if tokens is not None else {}))
    native = profile(path, settings=chosen)
    with pytest.MonkeyPatch.context() as patch:
        _text_only(patch)
        text = profile(path, settings=chosen)
    assert _as_dict(native) == _as_dict(text)
    column = native.tables["t"].columns["created_at"]
    count, distinct, low, high, digits = con.execute(
        "SELECT count(created_at), count(DISTINCT created_at), min(created_at), max(created_at), "
        "sum(length(CAST(created_at AS TEXT))) FROM t"
    ).fetchone()
    classes = dict(con.execute("SELECT typeof(created_at), count(*) FROM t GROUP BY 1").fetchall())
    con.close()
    classes.pop("null", None)
    assert column.storage_classes == classes
    assert column.null_count == len(values) - count
    assert column.distinct_count == distinct
    assert column.bytes == (digits or 0)
    if column.inferred_type == "integer" and count and not column.null_like_count:
        # Exact (SQLite's own bounds): until 2026-12-02 they were the doubles' (2^63 - 1 as 2^63).
        assert (column.min, column.max) == (low, high)


def test_compact_timestamps_of_integer_cells_profile_as_their_text_does(make_sqlite: SqliteFactory) -> None:
    """INTEGER cells of 14 digits under a name of a time: the typed scan reads them as the text query
    does (a timestamp where every one is a valid date-time of 1970-2099), and the name is what decides."""
    first, last = datetime(1970, 1, 1), datetime(2099, 12, 31, 23, 59, 59)
    stamps = [(first + (last - first) * i / 9).replace(microsecond=0) for i in range(10)]
    digits = [int(f"{stamp:%Y%m%d%H%M%S}") for stamp in stamps]
    rows = [
        (i, v, v if i > 1 else 20251301000000, v if i > 1 else 19691231235959, v)
        for i, v in enumerate(digits, start=1)
    ]
    ddl = (
        "CREATE TABLE t (id INTEGER PRIMARY KEY, created INTEGER, updated_at INTEGER, touched INTEGER, "
        "ean INTEGER)"
    )
    path = make_sqlite({"t": (ddl, rows)})
    assert set(_native_columns(path, "t")) >= {"created", "updated_at", "touched", "ean"}
    native = profile(path)
    with pytest.MonkeyPatch.context() as patch:
        _text_only(patch)
        text = profile(path)
    assert _as_dict(native) == _as_dict(text)
    columns = native.tables["t"].columns
    types = {name: columns[name].inferred_type for name in ("created", "updated_at", "touched", "ean")}
    assert types == {"created": "timestamp", "updated_at": "integer", "touched": "integer", "ean": "integer"}
    created = columns["created"]
    assert created.date_formats == {"%Y%m%d%H%M%S": 10}
    assert (created.min, created.max) == (first, last)


@pytest.mark.parametrize("unique", [(), ("id",)], ids=["grouped", "rowid-alias-ungrouped"])
@pytest.mark.parametrize("grouping_sets", [True, False])
def test_distinct_values_counted_per_column(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch, grouping_sets: bool, unique: tuple[str, ...]
) -> None:
    """Each column's distinct values and their counts, NULL too, as Python counts them; the same
    values in two columns stay apart, integers in ``v``, a REAL column's doubles in ``w``. Grouping
    sets, or (past their column limit) unnested pairs; the rowid alias grouped or, as ``unique``, not."""
    if not grouping_sets:
        monkeypatch.setattr(native_module, "MAX_GROUPING_COLUMNS", 1)
    rows = [
        (1, 5, None, 7, 1.5),
        (2, 5, 5, 7, None),
        (3, None, 5, 7, 1.5),
        (4, None, None, -(2**63), 5.0),
        (5, 2**63 - 1, 1, 7, -0.0),
    ]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, a INT, b BIGINT, c INTEGER, r REAL)"
    path = make_sqlite({"t": (ddl, rows)})
    columns = ["a", "r", "b", "c", "id"]  # not in table order: idx is each column's place in the table
    positions = [1, 4, 2, 3, 0]
    expected = Counter((positions[i], row[positions[i]]) for row in rows for i in range(len(columns)))
    with open_source(path) as src:
        scan = f"SELECT {', '.join(columns)} FROM {SOURCE_ALIAS}.t"
        cursor = src.typed_cursor()
        found = cursor.execute(native_distinct_sql(scan, positions, columns, {"r"}, unique)).fetchall()
        cursor.close()
    # A REAL column's values are doubles in w (v NULL), an integer column's in v (w NULL).
    assert all(v is None for idx, v, w, _ in found if idx == 4)
    assert all(w is None for idx, v, w, _ in found if idx != 4)
    assert {(idx, w if idx == 4 else v): weight for idx, v, w, weight in found} == expected
    assert len(found) == len(expected)


def test_bounds_of_integer_columns_as_python_computes_them(make_sqlite: SqliteFactory) -> None:
    """Each native column's bounds row (code NULL), folded over its codes (1 is a code of its own):
    numbers as doubles, digits, text order of the values that are neither NULL nor a null token,
    computed here from the rows themselves."""
    # a's widest value is its smallest (-12345), c's its bounds both: the digits are either bound's.
    rows = [
        (1, 5, None, -7),
        (2, 40, 0, -(2**63)),
        (3, None, 0, 2**63 - 1),
        (4, 900, 12, 0),
        (5, -12345, 3, 10),
    ]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, a INT, b INTEGER, c BIGINT)", rows)})
    tokens = ["0"]
    with open_source(path) as src:
        found, native = native_rows(src, "t", tokens, native_candidates(src, "t")[0], "")
    assert native == ["id", "a", "b", "c"]
    # The text bounds are folded in Python from the codes' own, as the profile does (column_text_bounds).
    bounds = {
        row["idx"]: {**row, **column_text_bounds([other for other in found if other["idx"] == row["idx"]])}
        for row in found
        if row["code"] is None
    }
    assert sorted(bounds) == [0, 1, 2, 3]
    for index in range(4):
        values = [row[index] for row in rows if row[index] is not None and str(row[index]) not in tokens]
        texts = [str(value) for value in values]
        row = bounds[index]
        assert (row["min_number"], row["max_number"]) == (float(min(values)), float(max(values)))
        assert row["max_digits"] == max(len(text.lstrip("+-")) for text in texts)
        assert (row["min_text"], row["max_text"]) == (min(texts), max(texts))


@pytest.mark.parametrize("dirt", ["heavy", "corrupt"])
def test_a_table_read_typed_or_all_as_text(tmp_path: Path, dirt: str) -> None:
    """A table profiled beside others (typed scan beside the text query) or alone (all text): same
    table profile, same values kept for the reference search, no table of counted cells left."""
    path = tmp_path / "export.db"
    generate_export(path, scale=0.02, seed=8, dirt=dirt)
    with open_source(path) as src:
        for table in src.tables:
            found = []
            for typed in (False, True):
                keep = f"kept_{table}_{typed}"
                profiled = profile_module.profile_table(src, table, load_settings(), keep=keep, typed=typed)
                kept = src.connection.execute(f'SELECT * FROM "{keep}" ORDER BY ALL').fetchall()
                leftover = src.connection.execute(
                    "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%cells%' "
                    "OR table_name LIKE '%native%'"
                ).fetchone()
                found.append((profiled.to_dict(), kept, leftover))
            assert found[0] == found[1]
            assert found[0][2] == (0,)


@pytest.mark.parametrize("mixed", [False, True], ids=["numbers-only", "with-text"])
def test_a_table_profiled_alone_is_typed_only_where_the_typed_scan_reads_all_of_it(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch, mixed: bool
) -> None:
    """A table too big to share the memory limit is profiled alone: by the typed scan when it reads
    every column (INTEGER and REAL columns only: at 10M rows all as text ran out of 256 MB), else all
    as text, as before. Either way the profile is the one read all as text gives."""
    rows = [(i, (i * 7919) % 100_003, i / 7, "x" if i % 3 else None) for i in range(1, 25_001)]
    text = ", t TEXT" if mixed else ""
    ddl = f"CREATE TABLE m (id INTEGER PRIMARY KEY, a INTEGER, r REAL{text})"
    path = make_sqlite({"m": (ddl, [row if mixed else row[:3] for row in rows])})
    # 256 MB / 10,000 bytes = 25,600 cells: the table's 75,000 (or 100,000) do not fit.
    chosen = load_settings().model_copy(update={"profile_memory_limit": "256MB"})
    monkeypatch.setattr(profile_module, "ALONE_BYTES_PER_CELL", 10_000)
    scanned: list[list[str]] = []
    typed_rows = profile_module.native_rows

    def spy(src: Any, table: str, tokens: list[str], candidates: list[str], *args: Any) -> Any:
        scanned.append(list(candidates))
        return typed_rows(src, table, tokens, candidates, *args)

    monkeypatch.setattr(profile_module, "native_rows", spy)
    alone = _as_dict(profile(path, settings=chosen))
    assert scanned == [[] if mixed else ["id", "a", "r"]]
    _text_only(monkeypatch)
    assert alone == _as_dict(profile(path, settings=chosen))
