"""REAL columns of tricky values: the profile's figures are those of each double's shortest text.

The profile reads a REAL cell as the shortest text that reads back as the same double (Python's
``repr``; ``-0.0`` as ``0.0``), whether a column of REAL cells only is read as doubles by DuckDB's
typed scan or a column of mixed classes as text (SQLite's digits, all of them), and gives it no flag
(that text is always canonical: see ``real_flags`` in :mod:`columnar_etl.profiling.shaping`).
Independent checks: Python's sqlite3 over the same cells (``typeof``, the doubles, Python's texts of
them, their lengths and distinct count), and a regular expression in Python over every text.
"""

from __future__ import annotations

import math
import re
import sqlite3
import struct
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from columnar_etl import profile
from columnar_etl.config import load_settings
from columnar_etl.models import ColumnProfile
from columnar_etl.profiling import profile as profile_module
from columnar_etl.profiling.affinity import declared_family
from columnar_etl.profiling.native import native_candidates, native_rows
from columnar_etl.rules.numbers import CANONICAL_NUMBER_REGEX
from columnar_etl.source.export import open_source

from .conftest import SqliteFactory, examples

#: Doubles whose 15-digit text (SQLite's ``%!.15g``) is hard to get right: ties at the 16th digit
#: (SQLite rounds them up, C's printf to even), 17-digit values, the ends of the range, subnormals,
#: powers of ten, the points where the text switches between a point and an exponent, infinities.
TRICKY = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.1 + 0.2,
    1 / 3,
    2 / 3,
    123456789012344.5,
    123456789012345.5,
    1000000000000005.0,
    float(2**53 + 2),
    9.999999999999995,
    9.9999999999999995,
    99999.99999999999,
    999999999999999.5,
    999999999999999.4,
    1e14,
    1e15,
    1e16,
    1e22,
    1e23,
    1e-4,
    1e-5,
    0.00012345678901234567,
    1e300,
    -1e300,
    1.7976931348623157e308,
    -1.7976931348623157e308,
    2.2250738585072014e-308,
    5e-324,
    -5e-324,
    1.5e-310,
    0.1,
    123.456,
    -41.349,
    math.inf,
    -math.inf,
]


def _tricky_export(make_sqlite: SqliteFactory) -> Path:
    reals: list[Any] = [*TRICKY, None, 1.0, 1e300, None, -0.0, 0.5, 2, 10**15 + 5]
    rows = []
    for i, value in enumerate(reals):
        # mixed: a TEXT and a BLOB cell among REAL ones; number: NUMERIC affinity (INTEGER cells too).
        mixed = "12.5x" if i == 3 else b"\x01" if i == 5 else value
        rows.append((i + 1, value, mixed, value, value, value if value is None else round(float(value), 3)))
    ddl = (
        "CREATE TABLE t (id INTEGER PRIMARY KEY, r REAL, mixed REAL, number NUMERIC, "
        "d DOUBLE PRECISION, short FLOAT)"
    )
    return make_sqlite({"t": (ddl, rows)})


def _text(kind: str, value: Any, text: str) -> str:
    """A cell's text as the profile reads it: a REAL cell's shortest text (``repr``), -0.0 as 0.0."""
    return repr(float(value) + 0.0) if kind == "real" else text


def _sqlite_figures(path: Path, column: str, tokens: list[str]) -> dict[str, Any]:
    """The column's figures computed from Python's sqlite3: its cells' classes, doubles and texts."""
    con = sqlite3.connect(path)
    cells = con.execute(f"SELECT typeof({column}), {column}, CAST({column} AS TEXT) FROM t").fetchall()
    con.close()
    texts = [_text(kind, value, text) for kind, value, text in cells if kind != "null"]
    present = [text for text in texts if text not in tokens]
    # A REAL cell's inf and -inf: a double, so valid, but no bound (as PostgreSQL's Infinity is not
    # what a column's range means).
    numbers = [text for text in present if math.isfinite(float(text))]
    infinities = len(present) - len(numbers)
    decimals = [text for text in numbers if "e" not in text]
    exponents = [text for text in numbers if "e" in text]
    classes: dict[str, int] = {}
    for kind, *_ in cells:
        if kind != "null":
            classes[kind] = classes.get(kind, 0) + 1
    return {
        "storage_classes": classes,
        "null_count": len(cells) - len(texts),
        "null_like_count": len(texts) - len(present),
        "distinct_count": len(set(texts)),
        "bytes": sum(len(text) for text in texts),
        "invalid_count": len(present) - len(numbers) - infinities,
        "min": min((float(text) for text in numbers), default=None),
        "max": max((float(text) for text in numbers), default=None),
        # An exponent's fraction digits once expanded (5.46e-06: 8), capped at 1000.
        "max_scale": max(
            [len(text.split(".")[1]) for text in decimals] + [_exponent_scale(text) for text in exponents],
            default=None,
        ),
        "canonical": all(re.fullmatch(CANONICAL_NUMBER_REGEX, text) for text in decimals),
    }


def _exponent_scale(text: str) -> int:
    """The fraction digits exponent text stands for: its mantissa's less its exponent, none below 0."""
    mantissa, exponent = text.split("e")
    fraction = len(mantissa.partition(".")[2])
    return min(max(fraction - int(exponent), 0), 1000)


def _figures(column: ColumnProfile) -> dict[str, Any]:
    return {
        "storage_classes": column.storage_classes,
        "null_count": column.null_count,
        "null_like_count": column.null_like_count,
        "distinct_count": column.distinct_count,
        "bytes": column.bytes,
        "invalid_count": column.invalid_count,
        "min": column.min,
        "max": column.max,
        "max_scale": column.max_scale,
        "canonical": True,
    }


@pytest.mark.parametrize("tokens", [None, ["0.0", "Inf", "NULL"]], ids=["default", "real-tokens"])
def test_tricky_real_columns_have_the_figures_of_their_shortest_texts(
    make_sqlite: SqliteFactory, tokens: list[str] | None
) -> None:
    path = _tricky_export(make_sqlite)
    chosen = load_settings(**({"null_tokens": tokens} if tokens is not None else {}))
    profiled = profile(path, settings=chosen).tables["t"].columns
    for name in ("r", "d", "short"):
        expected = _sqlite_figures(path, name, chosen.null_tokens)
        assert _figures(profiled[name]) == expected, name
        # REAL cells are doubles, whatever their digits (17-digit values, 1e300, subnormals): never
        # "would not read back the same", never text.
        assert (profiled[name].inferred_type, profiled[name].type_reason) == (
            "double",
            "REAL cells (double precision keeps all 17 digits)",
        ), name
    assert profiled["r"].storage_classes == {"real": len(TRICKY) + 6}
    # TEXT and BLOB among REAL cells: their classes counted as SQLite gives them.
    con = sqlite3.connect(path)
    classes = dict(con.execute("SELECT typeof(mixed), count(*) FROM t WHERE mixed IS NOT NULL GROUP BY 1"))
    con.close()
    assert profiled["mixed"].storage_classes == classes == {"real": len(TRICKY) + 4, "text": 1, "blob": 1}


def _text_reads(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The columns of each text query the profile runs from now on (its ``_text_rows``, still run)."""
    read_as_text: list[list[str]] = []
    text_rows = profile_module._text_rows

    def spy(src: Any, table: str, columns: list[str], *args: Any) -> Any:
        read_as_text.append(list(columns))
        return text_rows(src, table, columns, *args)

    monkeypatch.setattr(profile_module, "_text_rows", spy)
    return read_as_text


@pytest.mark.parametrize("tokens", [None, ["0.0", "inf", "NULL"]], ids=["default", "real-tokens"])
def test_the_typed_scan_and_the_text_query_give_a_real_column_the_same_figures(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch, tokens: list[str] | None
) -> None:
    # Two readings of the same REAL cells: DuckDB's doubles (the typed scan, which takes REAL columns
    # when it can read the whole table: INTEGER and REAL columns only) and SQLite's digits (text query).
    reals: list[Any] = [*TRICKY, None, 1.0, 1e300, None, -0.0, 0.5, 2, 10**15 + 5]
    rows = [(i + 1, value, value, value) for i, value in enumerate(reals)]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, r REAL, d DOUBLE PRECISION, short FLOAT)"
    path = make_sqlite({"t": (ddl, rows)})
    chosen = load_settings(**({"null_tokens": tokens} if tokens is not None else {}))
    read_as_text = _text_reads(monkeypatch)
    with open_source(path) as src:
        typed = profile_module.profile_table(src, "t", chosen, typed=True).columns
        assert read_as_text == []  # the typed scan read every column: no text query at all
        texts = profile_module.profile_table(src, "t", chosen, typed=False).columns
        assert read_as_text[-1] == ["id", "r", "d", "short"]
    for name in ("r", "d", "short"):
        assert typed[name].to_dict() == texts[name].to_dict(), name
        assert _figures(texts[name]) == _sqlite_figures(path, name, chosen.null_tokens), name


def test_real_columns_beside_text_columns_are_read_by_the_typed_scan_with_the_same_figures(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Side by side (not alone), the typed scan reads a table's INTEGER columns: its REAL columns join
    # it, sparing SQLite the 17 digits of every REAL cell in the text query. A REAL column holding a
    # TEXT or a BLOB cell (mixed), and one of NUMERIC affinity (number), are still read as text. The
    # figures are those of the cells' shortest texts, as Python's sqlite3 reads them.
    path = _tricky_export(make_sqlite)
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE t ADD COLUMN label TEXT")
    con.execute("UPDATE t SET label = 'row ' || id")
    con.commit()
    con.close()
    chosen = load_settings()
    read_as_text = _text_reads(monkeypatch)
    with open_source(path) as src:
        typed = profile_module.profile_table(src, "t", chosen, typed=True).columns
        assert read_as_text == [["mixed", "number", "label"]]
        texts = profile_module.profile_table(src, "t", chosen, typed=False).columns
        assert read_as_text[-1] == ["id", "r", "mixed", "number", "d", "short", "label"]
    for name in ("r", "mixed", "number", "d", "short"):
        assert typed[name].to_dict() == texts[name].to_dict(), name
    for name in ("r", "d", "short"):
        assert _figures(typed[name]) == _sqlite_figures(path, name, chosen.null_tokens), name


def test_real_cells_beside_other_classes_have_their_shortest_texts(make_sqlite: SqliteFactory) -> None:
    # A REAL column with a TEXT and a BLOB cell is read by the text query: its REAL cells' examples
    # and distinct values are those of their shortest texts too.
    path = _tricky_export(make_sqlite)
    mixed = profile(path).tables["t"].columns["mixed"]
    con = sqlite3.connect(path)
    reals = {repr(v + 0.0) for (v,) in con.execute("SELECT mixed FROM t WHERE typeof(mixed) = 'real'")}
    con.close()
    assert mixed.distinct_count == len(reals) + 2  # the TEXT and the BLOB cell
    shown = {text for issue in mixed.issues for text in issue.examples}
    assert shown - {"12.5x", "<blob 1 bytes>"} <= reals


@settings(
    max_examples=examples(15, 120), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.lists(
        st.one_of(
            st.none(),
            st.floats(allow_nan=False),
            st.sampled_from(TRICKY),
            st.integers(min_value=-(2**62), max_value=2**62).map(float),
            st.builds(
                lambda bits: struct.unpack("<d", struct.pack("<Q", bits))[0], st.integers(0, 2**63 - 1)
            ),
        ),
        max_size=40,
    ),
    declared=st.sampled_from(["REAL", "DOUBLE", "FLOAT"]),
    beside=st.sampled_from(["TEXT", "INTEGER"]),
)
@example(values=[math.inf], declared="REAL", beside="TEXT")
@example(values=[-math.inf, math.inf, 1.5, None], declared="DOUBLE", beside="INTEGER")
def test_real_columns_have_the_figures_of_their_shortest_texts(
    tmp_path_factory: pytest.TempPathFactory, values: list[float | None], declared: str, beside: str
) -> None:
    """A property over generated REAL columns: every figure is that of the cells' shortest texts,
    read by the text query (beside a TEXT column) or by the typed scan (beside INTEGER ones)."""
    values = [v for v in values if v is None or not math.isnan(v)]
    path = tmp_path_factory.mktemp("real") / "export.db"
    con = sqlite3.connect(path)
    con.execute(f"CREATE TABLE t (id INTEGER PRIMARY KEY, v {declared}, note {beside})")
    con.executemany("INSERT INTO t VALUES (?, ?, ?)", [(i + 1, v, i % 3) for i, v in enumerate(values)])
    con.commit()
    con.close()
    column = profile(path).tables["t"].columns["v"]
    expected = _sqlite_figures(path, "v", load_settings().null_tokens)
    # Every REAL cell is a double, an infinity too (PostgreSQL's double precision holds it).
    assert column.inferred_type == "double"
    assert _figures(column) == expected


def test_values_kept_for_references_are_of_integer_and_text_columns(make_sqlite: SqliteFactory) -> None:
    """The reference search keeps values of the columns a reference found in the data can have
    (integer, text); a declared reference on REAL columns is measured from the export itself."""
    parents = [(1.5,), (2.5,), (3.25,)]
    children = [(i, code, (1.5, 2.5, 9.75, None)[i % 4], f"c{i % 3}") for i, code in enumerate([7, 8, 9] * 4)]
    path = make_sqlite(
        {
            "parent": ("CREATE TABLE parent (p REAL PRIMARY KEY)", parents),
            "child": (
                "CREATE TABLE child (id INTEGER PRIMARY KEY, code INTEGER, "
                "p REAL REFERENCES parent(p), note TEXT)",
                children,
            ),
        }
    )
    with open_source(path) as src:
        profiled = profile_module.profile_table(src, "child", load_settings(), keep="kept_child", typed=True)
        kept = src.connection.execute("SELECT DISTINCT idx FROM kept_child ORDER BY idx").fetchall()
    assert [profiled.columns[name].inferred_type for name in ("id", "code", "p", "note")] == [
        "integer",
        "integer",
        "double",
        "text",
    ]
    assert kept == [(0,), (1,), (3,)]
    # The declared reference's orphans: child rows whose p is in no parent row (9.75, three times).
    orphans = sum(1 for _, _, p, _ in children if p is not None and (p,) not in parents)
    child = profile(path).tables["child"].columns["p"]
    assert orphans == 3
    assert [(issue.kind, issue.count) for issue in child.issues if issue.kind == "orphan_reference"] == [
        ("orphan_reference", orphans)
    ]


def _significant_digits(value: float) -> int:
    """The significant digits of ``value``'s shortest text (Python's ``repr``), by ``Decimal``: none
    for zero."""
    exact = Decimal(repr(value + 0.0)).normalize()
    return 0 if exact.is_zero() else len(exact.as_tuple().digits)


def test_the_most_significant_digits_of_real_cells_as_python_counts_them(make_sqlite: SqliteFactory) -> None:
    # lossless._written_decimals judges a declared decimal column by its REAL cells' shortest texts, each
    # of at most 15 significant digits: the text query (SQLite's digits) counts them as Decimal counts
    # Python's repr (0.1 + 0.2: 17, 1/3: 16, 5e-324: 1). The typed scan reads only columns of REAL
    # affinity, whose declared type claims a double (never asked): it counts none.
    path = _tricky_export(make_sqlite)
    chosen = load_settings()
    con = sqlite3.connect(path)
    names = [row[1] for row in con.execute("PRAGMA table_info(t)")]
    want = {}
    for name in ("r", "mixed", "number", "d", "short"):
        reals = [v for (v,) in con.execute(f"SELECT {name} FROM t WHERE typeof({name}) = 'real'")]
        want[name] = max(_significant_digits(v) for v in reals if math.isfinite(v))
    con.close()
    assert want["r"] == 17  # the tricky values include computed doubles
    with open_source(path) as src:
        integers, reals = native_candidates(src, "t")
        typed, read = native_rows(src, "t", [], [*integers, *reals], "", reals=reals)
        text = profile_module._text_rows(src, "t", names, chosen, None, 1, None)
    assert sorted(read) == sorted(["id", "r", "d", "short"])
    found = {names[int(row["idx"])]: row["max_real_digits"] for row in text if row["code"] is None}
    assert {name: found[name] for name in want} == want
    assert found["id"] is None  # INTEGER cells: no REAL digits
    typed_found = {names[int(row["idx"])]: row["max_real_digits"] for row in typed if row["code"] is None}
    assert {name: typed_found[name] for name in ("r", "d", "short")} == dict.fromkeys(("r", "d", "short"))
    with open_source(path) as src:
        declared = {column.name: column.declared_type for column in src.table("t").columns}
    assert {declared_family(declared[name]) for name in ("r", "d", "short")} == {"double"}
