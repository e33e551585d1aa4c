"""The fixture generator: determinism, row counts, atomic writes, and a truth that is exactly right.

The truth is checked against an independent recount: the SQLite file is read back with ``sqlite3``
and every cell classified by the small, deliberately naive rules below (regexes + ``strptime``), which
share no code with the generator.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections import Counter
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from export_generator import Truth, generate_export, truth_path_for
from export_generator import writer as writer_module
from export_generator.schema import insert_sql

REPO_ROOT = Path(__file__).resolve().parents[1]
SMALL_FIXTURE = REPO_ROOT / "data" / "fixtures" / "export_small.db"
ROWS_AT_SCALE_1 = {"tickets": 10_939, "comments": 108_129, "timesheets": 141_062}

NULL_TOKENS = {"NULL", "N/A", "n/a", "-", "None", "null", "#N/A", "NA", "nil"}
SPELLINGS = {"Yes": True, "No": False, "Y": True, "N": False, "TRUE": True, "FALSE": False}
SPELLINGS |= {"true": True, "false": False, "1": True, "0": False}
TIMESTAMP_SHAPES = {
    "%Y-%m-%d %H:%M:%S": r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d",
    "%Y-%m-%dT%H:%M:%S.%f": r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}",
    "%d/%m/%Y %H:%M": r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d",
}
DATE_SHAPES = {"%Y-%m-%d": r"\d{4}-\d\d-\d\d", "%d/%m/%Y": r"\d{1,2}/\d{1,2}/\d{4}"}
CANONICAL_FORMAT = {"timestamp": "%Y-%m-%d %H:%M:%S", "date": "%Y-%m-%d"}
DIRT_KINDS = (
    "empty_string", "null_like", "whitespace", "non_iso_date", "impossible_date", "unparseable_date",
    "comma_decimal", "invalid_number", "nul_byte", "orphan_reference",
)  # fmt: skip


def read_table(path: Path, table: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cursor = con.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
        names = [d[0] for d in cursor.description]
        return names, cursor.fetchall()
    finally:
        con.close()


def read_all(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    return {table: read_table(path, table)[1] for table in ROWS_AT_SCALE_1}


def parse_date(text: str, intended: str) -> tuple[str, datetime | None] | None:
    """(format, parsed or None if impossible) for a value of a known shape, None for no known shape."""
    shapes = TIMESTAMP_SHAPES if intended == "timestamp" else DATE_SHAPES
    for fmt, shape in shapes.items():
        if re.fullmatch(shape, text):
            try:
                return fmt, datetime.strptime(text, fmt)
            except ValueError:
                return fmt, None
    return None


def recount_column(
    values: list[Any], intended: str, ticket_ids: set[int], is_reference: bool
) -> dict[str, Any]:
    """What the truth should say about one column, recomputed from the stored values alone."""
    dirt: Counter[str] = Counter()
    formats: Counter[str] = Counter()
    spellings: Counter[str] = Counter()
    survivors: list[Any] = []
    first_fields: list[int] = []
    nulls = 0
    for value in values:
        if value is None:
            nulls += 1
            continue
        if is_reference:
            assert isinstance(value, int)
            dirt["orphan_reference"] += value not in ticket_ids
            survivors.append(value)
            continue
        if intended == "text":
            assert isinstance(value, str)
            if value == "":
                dirt["empty_string"] += 1
                continue
            if "\x00" in value:
                dirt["nul_byte"] += 1
            elif value != value.strip():
                dirt["whitespace"] += 1
            survivors.append(value.replace("\x00", "").strip())
            continue
        if isinstance(value, str) and value == "":
            dirt["empty_string"] += 1
            continue
        if isinstance(value, str) and value in NULL_TOKENS:
            dirt["null_like"] += 1
            continue
        text = str(value)
        stripped = text.strip()
        if intended == "boolean":
            assert stripped in SPELLINGS, text
            dirt["whitespace"] += stripped != text
            spellings[stripped] += 1
            survivors.append(SPELLINGS[stripped])
        elif intended in ("timestamp", "date"):
            assert isinstance(value, str)
            parsed = parse_date(stripped, intended)
            if parsed is None:
                dirt["unparseable_date"] += 1
            elif parsed[1] is None:
                dirt["impossible_date"] += 1
            else:
                fmt, when = parsed
                if stripped != text:
                    assert fmt == CANONICAL_FORMAT[intended], text
                    dirt["whitespace"] += 1
                elif fmt != CANONICAL_FORMAT[intended]:
                    dirt["non_iso_date"] += 1
                formats[fmt] += 1
                if "/" in fmt:
                    first_fields.append(int(stripped.split("/")[0]))
                survivors.append(when)
        else:  # integer / double / numeric
            if isinstance(value, int | float):
                survivors.append(Decimal(str(value)))
            elif re.fullmatch(r"\d+,\d+", value):
                assert intended != "integer"
                dirt["comma_decimal"] += 1
                survivors.append(Decimal(value.replace(",", ".")))
            else:
                with pytest.raises(ValueError):
                    float(value)
                dirt["invalid_number"] += 1

    expected: dict[str, Any] = {"non_null": len(survivors), "min": None, "max": None}
    if intended == "boolean":
        expected["true_count"] = sum(survivors)
    elif intended == "text" or not survivors:
        expected["sum"] = None
    elif intended == "timestamp":
        expected |= {"min": min(survivors).isoformat(sep=" "), "max": max(survivors).isoformat(sep=" ")}
        expected["sum"] = None
    elif intended == "date":
        expected |= {"min": min(survivors).date().isoformat(), "max": max(survivors).date().isoformat()}
        expected["sum"] = None
    elif intended == "integer":
        expected |= {"min": int(min(survivors)), "max": int(max(survivors)), "sum": int(sum(survivors))}
    else:
        expected |= {"min": float(min(survivors)), "max": float(max(survivors))}
        expected["sum"] = round(float(sum(survivors)), 6)

    column: dict[str, Any] = {
        "null": nulls,
        "dirt": {kind: dirt[kind] for kind in DIRT_KINDS},
        "expected": expected,
        "date_order": None,
        "formats": None,
        "boolean_spellings": None,
    }
    if intended in ("timestamp", "date"):
        shapes = TIMESTAMP_SHAPES if intended == "timestamp" else DATE_SHAPES
        column["formats"] = {fmt: formats[fmt] for fmt in shapes}
        if first_fields:
            column["date_order"] = "day_first" if max(first_fields) > 12 else "ambiguous"
    if intended == "boolean":
        column["boolean_spellings"] = {s: spellings[s] for s in SPELLINGS}
    return column


def assert_truth_matches_file(db: Path, truth: Truth) -> None:
    ticket_ids = {row[0] for row in read_table(db, "tickets")[1]}
    for table_name, table in truth.tables.items():
        names, rows = read_table(db, table_name)
        assert names == table.column_order
        assert table.row_count == len(rows)
        assert set(table.columns) == set(names)
        for position, name in enumerate(names):
            column = table.columns[name]
            values = [row[position] for row in rows]
            recount = recount_column(
                values, column.intended_type, ticket_ids, is_reference=column.foreign_key is not None
            )
            stated = column.to_dict()
            for key, value in recount.items():
                assert stated[key] == value, (
                    f"{table_name}.{name} {key}: truth {stated[key]} != recount {value}"
                )


@pytest.mark.parametrize("seed", [42, 7])
@pytest.mark.parametrize("dirt", ["clean", "prod", "heavy"])
def test_truth_equals_an_independent_recount(tmp_path: Path, seed: int, dirt: str) -> None:
    db = tmp_path / "export.db"
    truth = generate_export(db, scale=0.02, seed=seed, dirt=dirt)
    assert_truth_matches_file(db, truth)
    assert Truth.load(truth_path_for(db)).to_dict() == truth.to_dict()


def test_dirt_levels_have_the_promised_shape(tmp_path: Path) -> None:
    truths = {
        dirt: generate_export(tmp_path / f"{dirt}.db", scale=0.02, seed=3, dirt=dirt)
        for dirt in ("clean", "prod", "heavy")
    }
    for dirt, truth in truths.items():
        for table in truth.tables.values():
            for name, column in table.columns.items():
                total = sum(column.dirt.values())
                non_null = table.row_count - column.null
                if dirt == "clean":
                    assert total == 0, name
                    if column.boolean_spellings is not None:
                        assert set(k for k, v in column.boolean_spellings.items() if v) == {"true", "false"}
                    assert column.date_order is None
                    continue
                if column.intended_type not in ("date", "timestamp"):
                    continue
                # Every date column carries every date dirt kind, but stays under 20 % dirty.
                kinds = (
                    "empty_string",
                    "null_like",
                    "whitespace",
                    "non_iso_date",
                    "impossible_date",
                    "unparseable_date",
                )
                assert all(column.dirt[k] > 0 for k in kinds), (dirt, name, column.dirt)
                assert total / non_null < 0.20, (dirt, name)
                assert column.formats is not None and all(column.formats.values()), (dirt, name)
                ambiguous = dirt == "heavy" and name == "TKT-Due Date"
                assert column.date_order == ("ambiguous" if ambiguous else "day_first"), (dirt, name)
        spellings = truth.tables["comments"].columns["CMT-Is Public?"].boolean_spellings
        if dirt != "clean":
            assert spellings is not None and all(spellings.values()), spellings


def test_corrupt_level_makes_every_date_column_mostly_unusable(tmp_path: Path) -> None:
    db = tmp_path / "corrupt.db"
    truth = generate_export(db, scale=0.01, seed=11, dirt="corrupt")
    ticket_ids = {row[0] for row in read_table(db, "tickets")[1]}
    date_columns = 0
    for table_name, table in truth.tables.items():
        names, rows = read_table(db, table_name)
        for position, name in enumerate(names):
            column = table.columns[name]
            if column.intended_type not in ("date", "timestamp"):
                continue
            date_columns += 1
            recount = recount_column([r[position] for r in rows], column.intended_type, ticket_ids, False)
            unusable = recount["dirt"]["impossible_date"] + recount["dirt"]["unparseable_date"]
            assert unusable / (len(rows) - recount["null"]) > 0.30, (table_name, name)
            assert recount["dirt"] == column.dirt
    assert date_columns == 7


def test_same_seed_same_export_other_seed_other_data(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    a = generate_export(tmp_path / "a" / "x.db", scale=0.01, seed=5)
    b = generate_export(tmp_path / "b.db", scale=0.01, seed=5)
    c = generate_export(tmp_path / "c.db", scale=0.01, seed=6)
    assert a.to_dict() == b.to_dict()
    assert (tmp_path / "a" / "x.truth.json").read_bytes() == (tmp_path / "b.truth.json").read_bytes()
    assert read_all(tmp_path / "a" / "x.db") == read_all(tmp_path / "b.db")
    assert (tmp_path / "a" / "x.db").read_bytes() == (tmp_path / "b.db").read_bytes()
    assert c.to_dict() != a.to_dict()
    other = read_all(tmp_path / "c.db")
    same = read_all(tmp_path / "b.db")
    for table in ROWS_AT_SCALE_1:
        assert other[table] != same[table]
        assert len(other[table]) == len(same[table])


@pytest.mark.parametrize("scale", [0.0001, 0.01, 1.0])
def test_row_counts_follow_the_scale(tmp_path: Path, scale: float) -> None:
    db = tmp_path / "x.db"
    truth = generate_export(db, scale=scale, seed=1, dirt="prod")
    con = sqlite3.connect(db)
    try:
        for table, base in ROWS_AT_SCALE_1.items():
            expected = max(1, round(base * scale))
            (count,) = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            assert count == expected == truth.tables[table].row_count
    finally:
        con.close()
    if scale == 0.01:
        assert [truth.tables[t].row_count for t in ROWS_AT_SCALE_1] == [109, 1081, 1411]


def test_declared_types_lie_and_ids_are_keys(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    generate_export(db, scale=0.01, seed=2, dirt="clean")
    con = sqlite3.connect(db)
    try:
        declared = {row[1]: row[2] for row in con.execute("PRAGMA table_info(tickets)")}
        assert declared["TKT-Created Time"] == "TIMESTAMP"
        kinds = dict(con.execute('SELECT typeof("TKT-Created Time"), count(*) FROM tickets GROUP BY 1'))
        assert kinds == {"text": 109}
        ids = [r[0] for r in con.execute('SELECT "TKT-Ticket ID" FROM tickets ORDER BY 1')]
        assert ids == list(range(1, 110))
        booleans = {r[0] for r in con.execute('SELECT DISTINCT "TKT-SLA Breached?" FROM tickets')}
        assert booleans == {"true", "false"}
        # Resolution never precedes creation; open and pending tickets have none.
        bad = con.execute(
            'SELECT count(*) FROM tickets WHERE "TKT-Resolved Time" < "TKT-Created Time" '
            "OR (\"TKT-Status\" IN ('Open', 'Pending')) <> (\"TKT-Resolved Time\" IS NULL)"
        ).fetchone()
        assert bad == (0,)
    finally:
        con.close()


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    db.write_bytes(b"keep me")
    with pytest.raises(
        FileExistsError, match=re.escape(f"{db} already exists; remove it or choose another path")
    ):
        generate_export(db, scale=0.01)
    assert db.read_bytes() == b"keep me"
    assert not truth_path_for(db).exists()

    other = tmp_path / "y.db"
    truth_path_for(other).write_text("{}")
    with pytest.raises(FileExistsError, match=re.escape(f"{truth_path_for(other)} already exists")):
        generate_export(other, scale=0.01)
    assert not other.exists()


def test_rejects_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown dirt level 'filthy'"):
        generate_export(tmp_path / "x.db", dirt="filthy")
    with pytest.raises(ValueError, match="scale must be > 0"):
        generate_export(tmp_path / "x.db", scale=0)
    assert list(tmp_path.iterdir()) == []


def test_failure_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}

    def failing_insert_sql(table: Any) -> str:
        calls["n"] += 1
        if calls["n"] == 2:  # the first table is already written when the second fails
            return 'INSERT INTO "no such table" VALUES (1)'
        return insert_sql(table)

    monkeypatch.setattr(writer_module, "insert_sql", failing_insert_sql)
    with pytest.raises(sqlite3.OperationalError):
        generate_export(tmp_path / "x.db", scale=0.01)
    assert calls["n"] == 2
    assert list(tmp_path.iterdir()) == []


def test_files_get_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    db = tmp_path / "x.db"
    generate_export(db, scale=0.001)
    for path in (db, truth_path_for(db)):
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_committed_fixture_is_what_the_generator_makes(tmp_path: Path) -> None:
    assert SMALL_FIXTURE.stat().st_size < 1_000_000
    fresh_db = tmp_path / "export_small.db"
    fresh = generate_export(fresh_db, scale=0.01, seed=42, dirt="prod")
    committed = Truth.load(truth_path_for(SMALL_FIXTURE))
    assert committed.to_dict() == fresh.to_dict()
    assert truth_path_for(SMALL_FIXTURE).read_bytes() == truth_path_for(fresh_db).read_bytes()
    assert read_all(SMALL_FIXTURE) == read_all(fresh_db)


def test_nul_bytes_survive_sqlite_and_duckdb(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    scanner = pytest.importorskip("duckdb_extension_sqlite_scanner")
    db = tmp_path / "x.db"
    truth = generate_export(db, scale=0.02, seed=4, dirt="heavy")
    expected = truth.tables["comments"].columns["CMT-Body"].dirt["nul_byte"]
    assert expected > 0
    bodies = [row[4] for row in read_table(db, "comments")[1]]
    assert sum(1 for b in bodies if b and "\x00" in b) == expected

    extension = os.path.join(
        os.path.dirname(scanner.__file__),
        "extensions",
        f"v{duckdb.__version__}",
        "sqlite_scanner.duckdb_extension",
    )
    con = duckdb.connect()
    try:
        con.execute(f"LOAD '{extension}'")
        con.execute("SET sqlite_all_varchar=true")
        con.execute(f"ATTACH '{db}' AS src (TYPE sqlite, READ_ONLY)")
        seen = con.execute(
            """SELECT "CMT-Body" FROM src.comments WHERE contains("CMT-Body", chr(0))
               ORDER BY CAST("CMT-Comment ID" AS INTEGER)"""
        ).fetchall()
    finally:
        con.close()
    in_sqlite = [b for b in bodies if b and "\x00" in b]
    assert [row[0] for row in seen] == in_sqlite  # whole values, nothing cut at the NUL
