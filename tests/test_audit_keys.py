"""The audit's ``row_key`` names a row as the target shows its key, so a reader joins an audit row to its
target row on it; a REAL key cell included (it was named by its 17 digits, ``0.10000000000000001``,
where the target shows ``0.1``). Expected texts come from PostgreSQL itself (``float8::text``) and from
the target's own rows, never from the package.
"""

from __future__ import annotations

import json
import math
import random
import sqlite3
import struct
from decimal import Decimal
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from columnar_etl.cleaning.audit import float8_text
from columnar_etl.pg.float8 import float8_out
from columnar_etl.pg.identifiers import quote_ident

from .conftest import pg_query
from .lossless_check import check_run, summarize, written_text
from .lossless_check import float8_text as checker_float8_text
from .test_lossless import GATES_OPEN, load_and_check

EDGE_DOUBLES = [
    0.1, 3.0, -3.0, 0.0, -0.0, 1e14, 1e15, 1e16, 123456789012345.0, 1234567890123456.0, 1e-4, 1e-5,
    1.5e-5, 1.5e-7, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1e22, 100.0, 120.5,
    0.00012345678901234567, 1 / 3, float("inf"), float("-inf"),
]  # fmt: skip


def _doubles(count: int, seed: int = 7) -> list[float]:
    """The edge cases and ``count`` doubles of random bits (finite), and one per decimal exponent."""
    rng = random.Random(seed)
    values = list(EDGE_DOUBLES)
    values += [float(f"1.25e{e}") for e in range(-320, 309)]
    while len(values) < len(EDGE_DOUBLES) + 629 + count:
        value = struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0]
        if math.isfinite(value):
            values.append(value)
    return values


def _halfway(text: str, value: float) -> bool:
    """Whether the decimal ``text`` lies exactly halfway between ``value`` and a neighbouring double."""
    exact = Decimal(text)
    return any(
        exact * 2 == Decimal(value) + Decimal(math.nextafter(value, toward))
        for toward in (math.inf, -math.inf)
    )


def test_float8_text_is_what_postgresql_writes(pg_uri: str) -> None:
    values = _doubles(3000)
    literals = ", ".join(f"({i}, '{v!r}'::float8)" for i, v in enumerate(values))
    rows = pg_query(pg_uri, f"SELECT i, v::text FROM (VALUES {literals}) AS t(i, v) ORDER BY i")
    postgres = [text for _, text in rows]
    ours = pl.DataFrame({"v": values}).select(float8_text(pl.col("v"))).to_series().to_list()
    # The checker's own spelling (tests/lossless_check.py, plain Python) is the same text, and so is
    # the profile's (columnar_etl.pg.float8, for the few examples it shows).
    assert [checker_float8_text(v) for v in values] == ours
    assert [float8_out(v) for v in values] == ours
    differ = [
        (v, mine, theirs) for v, mine, theirs in zip(values, ours, postgres, strict=True) if mine != theirs
    ]
    # One known difference: PostgreSQL's shortest-digits search does not accept a candidate lying
    # exactly halfway to the next double (its Ryu runs with acceptBounds off), so for such a double it
    # writes more digits than the shortest (1.25e22 as 1.2499999999999999e+22). A short decimal can be
    # halfway only at 2^53 and beyond (where doubles are integers): a handful in thousands of random
    # doubles. Both texts read back as the same double.
    for value, mine, theirs in differ:
        assert abs(value) >= 2**53 and _halfway(mine, value), (value, mine, theirs)
        assert float(mine) == float(theirs) == value
        assert len(theirs) > len(mine)
    assert len(differ) < len(values) / 500
    assert pl.DataFrame({"v": [None, float("nan")]}).select(
        float8_text(pl.col("v"))
    ).to_series().to_list() == [None, "NaN"]
    assert float8_out(float("nan")) == "NaN"


def test_the_checkers_written_text_is_what_a_text_column_holds() -> None:
    """The cleaner writes a REAL cell of a text column as Polars' shortest text; the checker spells it
    itself (``written_text``): the two agree, digit for digit, on every kind of double."""
    values = _doubles(3000, seed=11)
    assert pl.Series(values).cast(pl.String).to_list() == [written_text(v) for v in values]


def _keyed_export(path: Path) -> Path:
    con = sqlite3.connect(path)
    with con:
        # A declared REAL key: read natively, a double precision column in the target.
        con.execute("CREATE TABLE reading (at REAL PRIMARY KEY, note TEXT, level INTEGER)")
        ats = [0.1, 3.0, 1e-5, 1.5e-7, 1e15, 123456.789, -2.5, 1 / 3]
        rows = [(at, f" note {i} ", i) for i, at in enumerate(ats)]
        con.executemany("INSERT INTO reading VALUES (?, ?, ?)", rows)
        # No declared key, REAL and TEXT cells in the column unique in the data (its key, once the exact
        # copy is removed): a text column in the target, rand_695's t_1.
        con.execute("CREATE TABLE item (code, note TEXT, day TEXT)")
        items = [(0.1, "x", "2001.02.03"), ("A7", "x", "2001.02.04"), (1.5e-7, "y", "2001.02.05")]
        items += [(2.0, "y", "2001.02.04"), (0.1, "x", "2001.02.03"), (1e-5, "x", "2001.02.05")]
        con.executemany("INSERT INTO item VALUES (?, ?, ?)", items)
    con.close()
    return path


def test_a_real_key_names_its_audit_rows_as_the_target_shows_it(pg_uri: str, tmp_path: Path) -> None:
    path = _keyed_export(tmp_path / "keys.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.data_type("reading", "at") == "double precision"
    assert loaded.data_type("item", "code") == "text"
    profile = json.loads((Path(loaded.result.run_dir) / "profile.json").read_text())
    assert next(t["key"] for t in profile["tables"] if t["name"] == "item") == ["code"]
    audit = pq.read_table(Path(loaded.result.run_dir) / "audit.parquet").to_pylist()
    base = quote_ident(loaded.base)
    for table, key, column in (("reading", "at", "note"), ("item", "code", "day")):
        # What a reader of the target joins on: the key as PostgreSQL shows it, and the audited cell.
        target = dict(pg_query(pg_uri, f"SELECT {key}::text, {column}::text FROM {base}.{table}"))
        audited = {
            r["row_key"]: r["new_value"] for r in audit if r["table"] == table and r["column"] == column
        }
        assert audited == target, table
    shown = sorted(r["row_key"] for r in audit if r["table"] == "reading")
    assert shown == sorted(
        ["0.1", "3", "1e-05", "1.5e-07", "1e+15", "123456.789", "-2.5", "0.3333333333333333"]
    )
    copies = [r["row_key"] for r in audit if r["table"] == "item" and r["rule"] == "duplicate_row"]
    assert copies == ["0.1"]
    # The checker names rows by the same texts: a cell changed behind the audit's back is reported
    # under its key as the target shows it.
    version = quote_ident(loaded.result.record.version_schema)
    pg_query(pg_uri, f"UPDATE {version}.reading SET level = 99 WHERE at = '1.5e-07'::float8")
    again = check_run(loaded.result, path, pg_uri, loaded.base)
    assert [(v.table, v.key, v.column) for v in again] == [("reading", "1.5e-07", "level")], summarize(again)


def test_a_key_of_cut_utf8_names_its_audit_rows_as_the_cleaner_reads_it(pg_uri: str, tmp_path: Path) -> None:
    # A text key found in the data whose cells are not valid UTF-8: cp1252 text (``caf\xe9``) and UTF-8
    # cut inside its last character (``\xf1\x97``: a 4-byte character's first two bytes), which the
    # cleaner reads as U+FFFD (encoding:utf-8-cut) and names its audit rows by. The checker named such
    # a row by the cp1252 reading (``ñ—``), found no audit and reported the row missing and its target
    # row "not in the source" (a property round's falsifying example, 2026-12-06).
    path = tmp_path / "cut.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE item (code TEXT, note TEXT)")
    codes = [b"\xf1\x97", b"caf\xe9", b"ab\xe2\x82", b"plain", b"\xe2\x82\xac5"]
    con.executemany(
        "INSERT INTO item VALUES (CAST(? AS TEXT), ?)", [(code, f"n{n}") for n, code in enumerate(codes)]
    )
    con.commit()
    con.close()
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    profile = json.loads((Path(loaded.result.run_dir) / "profile.json").read_text())
    assert next(t["key"] for t in profile["tables"] if t["name"] == "item") == ["code"]
    assert loaded.violations == [], summarize(loaded.violations)
    audit = pq.read_table(Path(loaded.result.run_dir) / "audit.parquet").to_pylist()
    named = {r["row_key"]: r["rule"] for r in audit if r["table"] == "item" and r["column"] == "code"}
    # Computed here: UTF-8 cut after its first bytes is its characters and U+FFFD; cp1252 byte by byte.
    assert named == {
        "\ufffd": "encoding:utf-8-cut",
        "ab\ufffd": "encoding:utf-8-cut",
        b"caf\xe9".decode("cp1252"): "encoding:cp1252",
    }
