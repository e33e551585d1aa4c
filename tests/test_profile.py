"""Gate 1 profiler against generated exports whose truth is known exactly, and against hostile input."""

from __future__ import annotations

import datetime as dt
import decimal as dec
import math
import os
import random
import re
import sqlite3
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from columnar_etl import clean, profile
from columnar_etl.config import load_settings
from columnar_etl.errors import SourceError
from columnar_etl.models import ISSUE_KINDS, Profile
from columnar_etl.profiling import profile as profile_module
from columnar_etl.profiling.reference_rows import KEPT_PREFIX
from columnar_etl.report.html import profile_html_document
from columnar_etl.source.identity import file_checksum
from export_generator import Truth, generate_export

from .conftest import SqliteFactory, examples
from .value_oracle import WHITE_SPACE

TRUTH_CASES = [(11, "prod"), (12, "prod"), (13, "heavy"), (14, "heavy"), (15, "clean"), (16, "corrupt")]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, str], tuple[Path, Truth]]:
    root = tmp_path_factory.mktemp("exports")
    made = {}
    for seed, dirt in TRUTH_CASES:
        path = root / f"export_{seed}_{dirt}.db"
        made[(seed, dirt)] = (path, generate_export(path, scale=0.03, seed=seed, dirt=dirt))
    return made


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value)


def assert_matches_truth(result: Profile, truth: dict[str, Any]) -> None:
    for table_name, table in truth["tables"].items():
        assert result[table_name].row_count == table["row_count"]
        for name, column in table["columns"].items():
            got = result[table_name][name]
            where = f"{table_name}.{name}"
            assert got.inferred_type == column["intended_type"], where
            assert got.null_count == column["null"], where
            for kind, count in column["dirt"].items():
                assert got.issue_count(kind) == count, f"{where} {kind}"
            formats = {fmt: n for fmt, n in (column["formats"] or {}).items() if n}
            assert got.date_formats == formats, where
            assert got.date_order == column["date_order"], where
            expected = column["expected"]
            assert got.valid_count == expected["non_null"], where
            if column["intended_type"] in ("date", "timestamp", "integer"):
                assert _as_text(got.min) == _as_text(expected["min"]), where
                assert _as_text(got.max) == _as_text(expected["max"]), where
            elif column["intended_type"] in ("double", "numeric") and expected["min"] is not None:
                assert math.isclose(got.min, expected["min"]) and math.isclose(got.max, expected["max"]), (
                    where
                )
            assert (
                got.null_count
                + got.empty_string_count
                + got.null_like_count
                + got.valid_count
                + (got.invalid_count)
                == got.row_count
            ), where


@pytest.mark.parametrize(("seed", "dirt"), TRUTH_CASES, ids=[f"{d}-{s}" for s, d in TRUTH_CASES])
def test_every_column_matches_the_truth(
    generated: dict[tuple[int, str], tuple[Path, Truth]], seed: int, dirt: str
) -> None:
    path, truth = generated[(seed, dirt)]
    before = file_checksum(path)
    result = profile(path)
    assert_matches_truth(result, truth.to_dict())
    assert file_checksum(path) == before


def test_the_committed_fixture_matches_its_truth(small_fixture: Path) -> None:
    truth = Truth.load(small_fixture.with_suffix(".truth.json"))
    assert_matches_truth(profile(small_fixture), truth.to_dict())


@pytest.mark.parametrize(
    ("dirt", "status", "exit_code"), [("clean", "pass", 0), ("prod", "pass", 0), ("corrupt", "halt", 3)]
)
def test_gate_by_dirt_level(
    generated: dict[tuple[int, str], tuple[Path, Truth]], dirt: str, status: str, exit_code: int
) -> None:
    path = next(p for (_, d), (p, _) in generated.items() if d == dirt)
    result = profile(path)
    assert (result.gate.status, result.gate.exit_code) == (status, exit_code)
    if dirt == "clean":
        assert result.quality == 100.0
    if dirt == "corrupt":
        rules = {reason.rule for reason in result.gate.reasons}
        assert "corrupt_dates" in rules
        corrupt = [r for r in result.gate.reasons if r.rule == "corrupt_dates"]
        assert all(r.value > 0.20 and r.column for r in corrupt)


def test_heavy_dirt_scores_below_prod(generated: dict[tuple[int, str], tuple[Path, Truth]]) -> None:
    prod = profile(generated[(11, "prod")][0])
    heavy = profile(generated[(13, "heavy")][0])
    assert prod.quality >= 80 > heavy.quality
    assert heavy.gate.status in ("warn", "halt")


def test_declared_timestamp_of_iso_text_with_empties_and_day_first(make_sqlite: SqliteFactory) -> None:
    rng = random.Random(5)
    rows: list[tuple[str]] = []
    for i in range(2_000):
        day = dt.datetime(2025, 4, 1) + dt.timedelta(minutes=rng.randrange(120_000))
        if i % 100 == 0:
            rows.append(("",))  # 1 %
        elif i % 200 == 1:
            rows.append((f"{day.day}/{day.month:02d}/{day.year} {day.hour}:{day.minute:02d}",))  # 0.5 %
        else:
            rows.append((day.strftime("%Y-%m-%d %H:%M:%S"),))
    rows.append(("20/05/2025 8:42",))  # day-first evidence
    path = make_sqlite({"tickets": ('CREATE TABLE tickets ("TKT-Created Time" TIMESTAMP)', rows)})
    column = profile(path)["tickets"]["TKT-Created Time"]
    assert column.inferred_type == "timestamp"
    assert column.confidence >= 0.95
    assert column.issue_count("empty_string") == 20
    assert column.issue_count("non_iso_date") == 11
    assert column.issue_count("type_mismatch") == 2_001 - 20
    assert column.date_order == "day_first"
    assert column.max is not None and column.min is not None


def test_type_mismatch_counts_only_the_cells_that_misfit_the_declared_type(
    make_sqlite: SqliteFactory,
) -> None:
    # Two shapes of real exports: a BOOLEAN column of 0/1 with a few junk TEXT cells and a few TEXT
    # spellings (quran.db's sajda), an INTEGER column of integers with one REAL (ongc.db's radvel), and
    # a REAL column of mostly words (unfixable: the column is text).
    rows: list[tuple[Any, ...]] = []
    for i in range(1_000):
        flag: Any = "[object Object]" if i % 97 == 0 else "yes" if i % 89 == 0 else i % 2
        speed: Any = -135.7 if i in (10, 500) else i * 3
        amount: Any = i / 4 if i % 10 == 0 else f"code {i}"
        rows.append((flag, speed, amount))
    path = make_sqlite({"t": ("CREATE TABLE t (flag BOOLEAN, speed INTEGER, amount REAL)", rows)})
    con = sqlite3.connect(path)
    (junk, words) = con.execute(
        "SELECT sum(typeof(flag) = 'text' AND flag <> 'yes'), sum(typeof(flag) = 'text' AND flag = 'yes') "
        "FROM t"
    ).fetchone()
    (reals, integers) = con.execute(
        "SELECT sum(typeof(speed) = 'real'), sum(typeof(speed) = 'integer') FROM t"
    ).fetchone()
    (texts,) = con.execute("SELECT sum(typeof(amount) = 'text') FROM t").fetchone()
    con.close()
    assert (junk, words, reals, texts) == (11, 11, 2, 900)  # the shapes the test means to build

    table = profile(path)["t"]
    flag = table["flag"]
    assert flag.inferred_type == "boolean"
    assert flag.issue_count("invalid_boolean") == junk
    mismatch = flag.issue("type_mismatch")
    assert mismatch is not None and mismatch.count == words
    assert (
        mismatch.detail == f"declared BOOLEAN; {words} of 1,000 values are stored as TEXT and read as boolean"
    )

    speed = table["speed"]
    assert speed.inferred_type in ("double", "numeric")
    mismatch = speed.issue("type_mismatch")
    assert mismatch is not None and mismatch.count == reals
    assert mismatch.detail == (
        f"declared INTEGER; {reals} of {reals + integers:,} values are not an integer ({reals} REAL): "
        f"inferred {speed.inferred_type}"
    )

    amount = table["amount"]
    assert amount.inferred_type == "text"
    mismatch = amount.issue("type_mismatch")
    assert mismatch is not None and mismatch.count == texts
    assert (
        mismatch.detail
        == f"declared REAL; {texts} of 1,000 values are not a number ({texts} TEXT): inferred text"
    )


def test_views_are_listed_as_not_loaded_and_cost_nothing(make_sqlite: SqliteFactory, tmp_path: Path) -> None:
    rows = [(i, "" if i % 7 == 0 else f"pipe {i}") for i in range(100)]
    ddl = "CREATE TABLE pipes (id INTEGER PRIMARY KEY, label TEXT)"
    plain = make_sqlite({"pipes": (ddl, rows)}, name="plain.db")
    viewed = make_sqlite({"pipes": (ddl, rows)}, name="viewed.db")
    con = sqlite3.connect(viewed)
    with con:
        con.execute("CREATE VIEW labelled AS SELECT * FROM pipes WHERE label <> ''")
        con.execute("CREATE VIEW [by id] AS SELECT id FROM pipes ORDER BY id")
    con.close()
    without, with_views = profile(plain), profile(viewed)
    assert (without.views_not_loaded, without.views_note) == ({}, None)
    assert list(with_views.views_not_loaded) == ["labelled", "by id"]
    assert list(with_views.to_dict()["views_not_loaded"]) == ["labelled", "by id"]
    assert (with_views.quality, with_views.gate) == (without.quality, without.gate)
    assert list(with_views.tables) == ["pipes"]
    assert with_views.views_note is not None
    assert with_views.views_note.startswith("2 views not loaded ('labelled', 'by id'): views are not copied")
    page = profile_html_document(with_views)
    assert "<h3>Not loaded</h3>" in page and "Not loaded" not in profile_html_document(without)
    assert 'view <span class="cetl-mono">by id</span>: a view: views are not copied' in page


def test_indexes_and_triggers_not_copied_are_named_and_cost_nothing(make_sqlite: SqliteFactory) -> None:
    rows = [(i, f"pipe {i}", i % 4) for i in range(100)]
    ddl = "CREATE TABLE pipes (id INTEGER PRIMARY KEY, label TEXT, kind INTEGER)"
    plain = make_sqlite({"pipes": (ddl, rows)}, name="plain.db")
    indexed = make_sqlite({"pipes": (ddl, rows)}, name="indexed.db")
    con = sqlite3.connect(indexed)
    with con:
        con.execute("CREATE INDEX pipes_kind ON pipes (kind, label)")
        con.execute("CREATE UNIQUE INDEX [pipes by id] ON pipes (id)")  # the key's columns: carried
        con.execute("CREATE TRIGGER pipes_guard BEFORE DELETE ON pipes BEGIN SELECT raise(ABORT, 'no'); END")
    con.close()
    without, with_them = profile(plain), profile(indexed)
    assert (without.indexes_not_copied, without.triggers_not_copied, without.notes) == ({}, {}, [])
    assert with_them.indexes_not_copied == {
        "pipes_kind": "index 'pipes_kind' on 'pipes' (kind, label): not copied"
    }
    assert list(with_them.triggers_not_copied) == ["pipes_guard"]
    assert (with_them.quality, with_them.gate) == (without.quality, without.gate)
    assert [note[:40] for note in with_them.notes] == [
        "1 index of the export not copied ('pipes",
        "1 trigger not copied ('pipes_guard'): a ",
    ]
    page = profile_html_document(with_them)
    assert "<h3>Not loaded</h3>" in page
    assert 'index <span class="cetl-mono">pipes_kind</span>: index &#39;pipes_kind&#39;' in page
    assert 'trigger <span class="cetl-mono">pipes_guard</span>: trigger on &#39;pipes&#39;' in page


def test_a_unique_constraint_not_copied_is_told_by_its_create_table_not_a_create_index(
    make_sqlite: SqliteFactory,
) -> None:
    # A UNIQUE column beside the primary key (a TxDb's chrominfo.chrom) is SQLite's autoindex: its
    # sqlite_master row holds no SQL, so the note must send the operator to the table's CREATE TABLE.
    rows = [(i, f"chr{i}", 1000 + i) for i in range(1, 30)]
    ddl = "CREATE TABLE chroms (id INTEGER PRIMARY KEY, chrom TEXT UNIQUE NOT NULL, length INTEGER)"
    indexed = make_sqlite({"chroms": (ddl, rows)}, name="unique.db")
    con = sqlite3.connect(indexed)
    with con:
        con.execute("CREATE INDEX chroms_length ON chroms (length)")
    con.close()
    found = profile(indexed)
    assert list(found.indexes_not_copied) == ["sqlite_autoindex_chroms_1", "chroms_length"]
    (sql,) = (
        sqlite3.connect(indexed)
        .execute("SELECT sql FROM sqlite_master WHERE name = 'sqlite_autoindex_chroms_1'")
        .fetchone()
    )
    assert sql is None  # no CREATE INDEX to copy
    assert found.indexes_note is not None
    assert found.indexes_note.endswith(
        "create one on the target from its CREATE INDEX in the export's sqlite_master (a "
        "sqlite_autoindex_*: the UNIQUE constraint in its table's CREATE TABLE there) if readers need it"
    )
    plain = make_sqlite({"chroms": (ddl.replace(" UNIQUE", ""), rows)}, name="plain.db")
    con = sqlite3.connect(plain)
    with con:
        con.execute("CREATE INDEX chroms_length ON chroms (length)")
    con.close()
    assert profile(plain).indexes_note.endswith(  # type: ignore[union-attr]
        "create one on the target from its CREATE INDEX in the export's sqlite_master if readers need it"
    )


def test_ambiguous_date_order_uses_the_default_and_says_so(make_sqlite: SqliteFactory) -> None:
    rows = [("2025-05-01",), ("03/04/2025",), ("05/06/2025",), ("2025-05-02",)]
    path = make_sqlite({"t": ('CREATE TABLE t ("Due" DATE)', rows)})
    column = profile(path)["t"]["Due"]
    assert column.inferred_type == "date"
    assert column.date_order == "ambiguous"
    issue = column.issue("ambiguous_date_order")
    assert issue is not None and issue.count == 2
    assert column.min == dt.date(2025, 4, 3)  # 03/04 read day-first (the default)
    month_first = profile(path, settings=load_settings(date_order_default="month_first"))["t"]["Due"]
    assert month_first.min == dt.date(2025, 3, 4)


def test_month_first_evidence(make_sqlite: SqliteFactory) -> None:
    rows = [("05/31/2025 10:00",), ("06/01/2025 11:30",), ("2025-06-02 09:00:00",)]
    path = make_sqlite({"t": ('CREATE TABLE t ("At" TEXT)', rows)})
    column = profile(path)["t"]["At"]
    assert (column.inferred_type, column.date_order) == ("timestamp", "month_first")
    assert column.date_formats == {"%m/%d/%Y %H:%M": 2, "%Y-%m-%d %H:%M:%S": 1}
    assert column.max == dt.datetime(2025, 6, 2, 9, 0)


def test_leap_days_and_impossible_dates(make_sqlite: SqliteFactory) -> None:
    rows = [("29/02/2024",), ("29/02/2025",), ("31/04/2025",), ("31/12/2025",), ("2025-02-30",)]
    path = make_sqlite({"t": ('CREATE TABLE t ("D" DATE)', rows)})
    column = profile(path)["t"]["D"]
    assert column.issue_count("impossible_date") == 3
    assert set(column.issue("impossible_date").examples) == {"29/02/2025", "31/04/2025", "2025-02-30"}  # type: ignore[union-attr]
    assert column.valid_count == 2


def test_a_date_only_in_the_other_order_is_not_called_impossible(make_sqlite: SqliteFactory) -> None:
    # Day-first proven (20/05); 5/23/2025 is a date only month-first; 31/02 and 2025-02-30 in no order.
    day = ["20/05/2025", "21/05/2025", "22/05/2025", "5/23/2025", "31/02/2025", "2025-02-30"]
    month = ["5/20/2025", "5/21/2025", "5/22/2025", "23-5-2025", "2/30/2025", "2025-02-30"]
    path = make_sqlite({"t": ('CREATE TABLE t ("D" DATE, "M" DATE)', list(zip(day, month, strict=True)))})
    for name, order, swapped in (("D", "day_first", "5/23/2025"), ("M", "month_first", "23-5-2025")):
        column = profile(path)["t"][name]
        assert (column.date_order, column.valid_count) == (order, 3), name
        assert column.issue_count("impossible_date") == 2, name
        impossible = set(column.issue("impossible_date").examples)  # type: ignore[union-attr]
        assert impossible == {day[4] if name == "D" else month[4], "2025-02-30"}, name
        other = column.issue("other_date_order")
        assert other is not None and (other.count, other.examples) == (1, (swapped,)), name
        assert column.invalid_count == 3, name


def test_year_first_dates_without_padding_or_with_dots_and_dashed_am_pm(make_sqlite: SqliteFactory) -> None:
    columns = {
        "unpadded": ["2025-5-3", "2025-12-1", "2025-1-31"],
        "dotted": ["2025.05.03", "2025.12.01", "2025.01.31"],
        "unpadded_at": ["2025-5-3 8:42", "2025-12-1 18:42:07", "2025-1-31 0:00"],
        "dotted_at": ["2025.05.03 8:42", "2025.12.01 18:42:07", "2025.01.31 00:00"],
        # 5-20-2025 8:42 PM: a US spreadsheet's default with dashes; the 20 proves month first.
        "dashed_am_pm": ["5-3-2025 8:42 AM", "12-1-2025 6:42:07 pm", "1-31-2025 12:00 AM"],
        # Versions (CalVer, an IDE's 2023.3.2) written without padding are no dates.
        "version": ["2023.3.2", "2024.1.1", "2024.12.5"],
    }
    ddl = "CREATE TABLE t (" + ", ".join(f"{name} TEXT" for name in columns) + ")"
    path = make_sqlite({"t": (ddl, list(zip(*columns.values(), strict=True)))})
    profiled = profile(path)["t"]
    day = (dt.date(2025, 1, 31), dt.date(2025, 12, 1))
    stamp = (dt.datetime(2025, 1, 31, 0, 0), dt.datetime(2025, 12, 1, 18, 42, 7))
    formats = {
        "unpadded": {"%Y-%-m-%-d": 3},
        "dotted": {"%Y.%m.%d": 3},
        "unpadded_at": {"%Y-%-m-%-d %-H:%M": 2, "%Y-%-m-%-d %-H:%M:%S": 1},
        "dotted_at": {"%Y.%m.%d %H:%M": 2, "%Y.%m.%d %H:%M:%S": 1},
        "dashed_am_pm": {"%m-%d-%Y %I:%M %p": 2, "%m-%d-%Y %I:%M:%S %p": 1},
    }
    for name, seen in formats.items():
        column = profiled[name]
        kind = "date" if name in ("unpadded", "dotted") else "timestamp"
        assert (column.inferred_type, column.date_formats, column.valid_count) == (kind, seen, 3), name
        assert (column.min, column.max) == (day if kind == "date" else stamp), name
        assert column.issue_count("non_iso_date") == 3, name
    assert profiled["dashed_am_pm"].date_order == "month_first"
    assert profiled["version"].inferred_type == "text"


def test_month_names_email_ctime_sql_server_and_basic_iso_dates(make_sqlite: SqliteFactory) -> None:
    # Three valid values each (their bounds the first and second), then one that is no date: no 31
    # February, a weekday that is not the date's (20 May 2025 was a Tuesday), hour 13 PM.
    columns = {
        "full": ["1 January 2026", "31 december 2025", "January 5, 2026", "31 February 2026"],
        "named_at": ["20-MAY-2025 08:42:07", "May 20, 2025 8:42 PM", "1 January 2026 08:42",
                     "Feb 30, 2025 1:00 PM"],
        "ctime": ["Tue May 20 08:42:00 2025", "Mon May  5 08:42:00 2025", "Thu Jan  1 00:00:00 2026",
                  "Mon May 20 08:42:00 2025"],
        "sqlserver": ["May 20 2025  8:42AM", "May  5 2025 12:00PM", "Jan  1 2026 11:59PM",
                      "May 20 2025 13:00PM"],
        "rfc": ["Tue, 20 May 2025 08:42:00 +0200", "Mon, 5 May 2025 23:00:00 -0500",
                "Thu, 01 Jan 2026 00:00:00 GMT", "Mon, 20 May 2025 08:42:00 +0000"],
        "minutes": ["2025-05-20 08:42+02:00", "2025-05-05T08:42Z", "2026-01-01 00:00-05:30",
                    "2025-02-30 08:42Z"],
        "basic": ["20250520T084200Z", "20250505T084200+0200", "20260101T000000Z", "20250230T000000Z"],
        "wall": ["20250520T084200", "20250505T084200", "20260101T000000", "20250520T240000"],
        "nanos": ["2025-05-20T08:42:00.1234560", "2025-05-05 08:42:00.100000000",
                  "2026-01-01T00:00:00.0000000", "2025-02-30T00:00:00.0000000"],
        "finer": ["2025-05-20T08:42:00.1234567", "2025-05-05T08:42:00", "2026-01-01T00:00:00", "2025-05-06"],
        "two_digit": ["20/05/25", "05/05/25", "01/01/26", "31/02/25"],
    }  # fmt: skip
    ddl = "CREATE TABLE t (" + ", ".join(f"{name} DATETIME" for name in columns) + ")"
    profiled = profile(make_sqlite({"t": (ddl, list(zip(*columns.values(), strict=True)))}))["t"]
    expected = {
        "full": ("date", {"%d %B %Y": 2, "%B %d, %Y": 1}),
        "named_at": ("timestamp", {"%d-%b-%Y %H:%M:%S": 1, "%b %d, %Y %I:%M %p": 1, "%d %B %Y %H:%M": 1}),
        "ctime": ("timestamp", {"%a %b %d %H:%M:%S %Y": 3}),
        "sqlserver": ("timestamp", {"%b %d %Y %I:%M%p": 3}),
        "rfc": ("timestamptz", {"%a, %d %b %Y %H:%M:%S %z": 2, "%a, %d %b %Y %H:%M:%S GMT": 1}),
        "minutes": ("timestamptz", {"%Y-%m-%d %H:%M%z": 2, "%Y-%m-%dT%H:%M%z": 1}),
        "basic": ("timestamptz", {"%Y%m%dT%H%M%S%z": 3}),
        "wall": ("timestamp", {"%Y%m%dT%H%M%S": 3}),
        "nanos": ("timestamp", {"%Y-%m-%dT%H:%M:%S.%f": 2, "%Y-%m-%d %H:%M:%S.%f": 1}),
    }
    for name, (kind, formats) in expected.items():
        column = profiled[name]
        assert (column.inferred_type, column.date_formats, column.valid_count) == (kind, formats, 3), name
        assert column.issue_count("impossible_date") == 1, name
        # A fraction after a space (2025-05-05 08:42:00.100000000) is PostgreSQL's way and Python's
        # str() of a timestamp: canonical since 2026-12-02 (test_data_tools.py), not a non-ISO date.
        assert column.issue_count("non_iso_date") == (2 if name == "nanos" else 3), name
    assert (profiled["ctime"].min, profiled["ctime"].max) == (
        dt.datetime(2025, 5, 5, 8, 42),
        dt.datetime(2026, 1, 1),
    )
    # Instants: their bounds in UTC, naive (23:00-05:00 is the next day's 04:00 UTC).
    assert (profiled["rfc"].min, profiled["rfc"].max) == (
        dt.datetime(2025, 5, 6, 4, 0),
        dt.datetime(2026, 1, 1),
    )
    assert profiled["nanos"].max == dt.datetime(2026, 1, 1)
    finer = profiled["finer"]
    assert finer.inferred_type == "text" and "finer than the microseconds" in (finer.type_reason or "")
    assert profiled["two_digit"].inferred_type == "text"


def test_compact_dates_need_a_declared_date_type_and_every_integer_a_date(make_sqlite: SqliteFactory) -> None:
    # 20250520 is a date where the column is declared one and every integer in it is a valid date;
    # anywhere else an integer (an id, a count, cents). SQLite stores '20250503' in a DATE column (NUMERIC
    # affinity) as the INTEGER 20250503, as it does 20250520.
    columns = {
        "d": ("DATE", [20250520, "20250503", "2025-06-01", None]),
        "at": ("DATETIME", [20250520, 20251231, 20240229, "2025-06-01 08:00:00"]),
        "bad": ("DATE", [20250520, 20250503, 20251301, 20250229]),
        "n": ("INTEGER", [20250520, 20250503, 20251201, 20250101]),
        "u": ("", ["20250520", "20250503", "20251201", "20250101"]),
        "one": ("DATE", [20250520, 20250503, 1, "2025-06-01"]),
        "clock": ("TIME", [20250520, 20250503, 20251201, 20250101]),  # a time of day: no date
        # YYYYMMDDHHMMSS (HL7, EDI, SAP): by the same proof; second 60 and hour 24 are none.
        "stamp": ("TIMESTAMP", [20250520084207, 20250520, 20241231235959, "2025-06-01 08:00:00"]),
        "leap": ("TIMESTAMP", [20250520084207, 20250520084260, 20241231235959, 20250101000000]),
        "hour24": ("DATETIME", [20250520084207, 20250520240000, 20241231235959, 20250101000000]),
    }
    ddl = "CREATE TABLE t (" + ", ".join(f"{name} {kind}" for name, (kind, _) in columns.items()) + ")"
    rows = list(zip(*(values for _, values in columns.values()), strict=True))
    profiled = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    d = profiled["d"]
    assert (d.inferred_type, d.date_formats, d.valid_count) == ("date", {"%Y-%m-%d": 1, "%Y%m%d": 2}, 3)
    assert (d.min, d.max, d.issue_count("non_iso_date")) == (dt.date(2025, 5, 3), dt.date(2025, 6, 1), 2)
    at = profiled["at"]
    assert (at.inferred_type, at.date_formats["%Y%m%d"], at.invalid_count) == ("timestamp", 3, 0)
    assert at.min == dt.datetime(2024, 2, 29)
    stamp = profiled["stamp"]
    assert (stamp.inferred_type, stamp.valid_count) == ("timestamp", 4)
    assert stamp.date_formats == {"%Y-%m-%d %H:%M:%S": 1, "%Y%m%d": 1, "%Y%m%d%H%M%S": 2}
    assert (stamp.min, stamp.max) == (dt.datetime(2024, 12, 31, 23, 59, 59), dt.datetime(2025, 6, 1, 8, 0))
    for name in ("bad", "n", "u", "one", "clock", "leap", "hour24"):
        # "one" holds the date 2025-06-01 beside its integers: text, so that no date of the type it
        # declares is quarantined (an integer column until 2026-12-06, that date lost as an invalid number).
        assert profiled[name].inferred_type == ("text" if name == "one" else "integer"), name
        assert "%Y%m%d" not in profiled[name].date_formats, name


def test_numbers_booleans_and_text(make_sqlite: SqliteFactory) -> None:
    rows = [
        (1, "1.25", "Yes", "10", "hello"),
        (2, "3,5", "N", "20", "N/A"),
        (3, "2h", "TRUE", "x", " padded "),
        (4, "", "0", "30", None),
    ]
    ddl = 'CREATE TABLE t (id INTEGER PRIMARY KEY, "Hours" REAL, "Ok?" BOOLEAN, "Qty" INTEGER, "Note" TEXT)'
    result = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    hours, ok, qty, note = result["Hours"], result["Ok?"], result["Qty"], result["Note"]
    # REAL affinity stores "1.25" and "3,5"-less numbers as REAL cells: double precision keeps them exactly.
    assert (hours.inferred_type, hours.valid_count, hours.min, hours.max) == ("double", 2, 1.25, 3.5)
    assert hours.issue_count("comma_decimal") == 1 and hours.issue_count("invalid_number") == 1
    assert hours.issue("invalid_number").examples == ("2h",)  # type: ignore[union-attr]
    assert (ok.inferred_type, ok.valid_count, ok.invalid_count) == ("boolean", 4, 0)
    assert (qty.inferred_type, qty.min, qty.max, qty.issue_count("invalid_number")) == ("integer", 10, 30, 1)
    assert note.inferred_type == "text"
    assert note.issue_count("null_like") == 1 and note.issue_count("whitespace") == 1


def test_exponent_numbers_with_a_minus_fifth_are_numbers(make_sqlite: SqliteFactory) -> None:
    # '2.5e-3' has a '-' fifth, as an ISO date has: a number all the same, as cleaning reads it. SQLite
    # prints a REAL 0.00001 as '1.0e-05': a REAL column of small numbers is no text column.
    rows = [(1e-05, "2.5e-3"), (2.5e-07, "1.5e-10"), (0.5, "0.5"), (1.0e-300, "7.0e-05"), (3.0, "-1.5e-3")]
    result = profile(make_sqlite({"t": ("CREATE TABLE t (r REAL, s TEXT)", rows)}))["t"]
    real, text = result["r"], result["s"]
    assert (real.inferred_type, real.valid_count, real.invalid_count) == ("double", 5, 0)
    assert (real.min, real.max) == (1.0e-300, 3.0)
    assert (text.inferred_type, text.valid_count, text.invalid_count) == ("double", 5, 0)
    assert (text.min, text.max) == (-1.5e-3, 0.5)
    assert not real.issue_count("invalid_number") and not text.issue_count("invalid_number")


def test_decimals_of_one_scale_written_with_exponents_are_numeric_and_float_text_stays_double(
    make_sqlite: SqliteFactory,
) -> None:
    # Python's str of a Decimal quantized to 8 places (Tortoise ORM's DecimalField in VARCHAR(40)):
    # '0E-8' for zero and '5.0E-7' beside '1.50000000'. Every plain value writes 8 fraction digits and
    # no exponent stands for more: decimals, numeric at that scale (until 2026-12-05 double precision).
    # A float's shortest text varies its digits ('0.5' beside '1e-05'): a double as before.
    places = dec.Decimal("1e-8")
    amounts = ["0", "0.00000001", "0.0000005", "1.5", "-0.00000002", "123.45678901", "-42"]
    written = [str(dec.Decimal(a).quantize(places)) for a in amounts]
    assert {"0E-8", "1E-8", "5.0E-7", "-2E-8"} <= set(written)  # as Python writes them
    floats = [repr(x) for x in (0.5, 1e-05, 2.25, 3.0e-07, 12.125, 0.1, 7.5)]
    rows = list(zip(written, floats, [f"{i}.5" if i % 2 else f"{i}E-1" for i in range(7)], strict=True))
    ddl = 'CREATE TABLE t ("balance" VARCHAR(40), "reading" VARCHAR(40), "mixed" TEXT)'
    result = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    balance, reading, mixed = result["balance"], result["reading"], result["mixed"]
    assert (balance.inferred_type, balance.max_scale, balance.valid_count) == ("numeric", 8, len(amounts))
    assert (reading.inferred_type, reading.valid_count) == ("double", len(floats))
    # '0E-1' stands for one fraction digit beside '1.5': one scale too, and each exponent's value exact.
    assert (mixed.inferred_type, mixed.max_scale) == ("numeric", 1)


def test_epoch_integers_in_a_date_like_column(make_sqlite: SqliteFactory) -> None:
    rows = [(1, 1_746_000_000), (2, 1_746_086_400), (3, 1_746_172_800)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, closed_at INTEGER)", rows)})
    column = profile(path)["t"]["closed_at"]
    # An epoch counts seconds since 1970-01-01 UTC: an instant, as a UTC offset names one.
    assert column.inferred_type == "timestamptz"
    assert any("epoch seconds" in note for note in column.notes)


def test_ids_and_people_named_after_a_time_are_not_epoch_timestamps(make_sqlite: SqliteFactory) -> None:
    # The name was matched anywhere ("up*date*_id", "*created*_by"): 10-digit ids and user ids in the
    # epoch's range were loaded as timestamps, the primary key too (every cell audited, all wrong).
    ids = [1_500_000_000 + 86_400 * i for i in range(5)]
    rows = [(i, i, i, i * 1000, i, i) for i in ids]
    ddl = (
        "CREATE TABLE updates (update_id INTEGER PRIMARY KEY, created_by INTEGER, candidate INTEGER, "
        "updated_by_id INTEGER, created_at INTEGER, LastUpdate INTEGER)"
    )
    profiled = profile(make_sqlite({"updates": (ddl, rows)}))["updates"]
    types = {
        name: profiled[name].inferred_type
        for name in ("update_id", "created_by", "candidate", "updated_by_id")
    }
    assert types == dict.fromkeys(types, "integer")
    assert (profiled["created_at"].inferred_type, profiled["LastUpdate"].inferred_type) == (
        "timestamptz",
        "timestamptz",
    )


def test_a_name_ending_in_its_date_word_is_a_time_whatever_qualifies_it_before(
    make_sqlite: SqliteFactory,
) -> None:
    # Google Drive for desktop's ``viewed_by_me_date`` and ``modifiedByMeDate`` are when the user viewed
    # or changed the file: a person's ``by`` before the date word that ends the name names no person.
    # Until 2026-12-07 the ``by`` alone made them no time: epoch milliseconds kept with no note, beside
    # ``created_by`` (a person, ending in ``by``) which stays an integer.
    moments = [1_514_764_800_999 + 86_400_123 * i for i in range(6)]
    rows = [(i, m, m + 1_000, 1_514_764_800 + i) for i, m in enumerate(moments)]
    ddl = (
        "CREATE TABLE items (id INTEGER PRIMARY KEY, viewed_by_me_date INTEGER, modifiedByMeDate INTEGER, "
        "created_by INTEGER)"
    )
    profiled = profile(make_sqlite({"items": (ddl, rows)}))["items"]
    assert profiled["viewed_by_me_date"].inferred_type == "timestamptz"
    assert profiled["modifiedByMeDate"].inferred_type == "timestamptz"
    assert profiled["created_by"].inferred_type == "integer"


def _types_beside_key(
    make_sqlite: SqliteFactory, table: str, ddl: str, rows: list[Any], *, key: str
) -> dict[str, str]:
    """The inferred type of each column of a one-table export but its ``key``."""
    profiled = profile(make_sqlite({table: (ddl, rows)}))[table]
    return {name: str(profiled[name].inferred_type) for name in profiled.columns if name != key}


def test_lowercase_compound_names_of_a_time_are_epoch_timestamps(make_sqlite: SqliteFactory) -> None:
    # A name written as one lowercase word (``lastmodified``, ``datecreated``, Moodle's
    # ``timecreated``) has no word break to find ``modified``/``created``/``updated`` by: a feed
    # reader's cache kept its ``lastmodified`` epoch seconds as bigint beside ``pubDate``'s instants in
    # the same file. Only the name's ending counts (``modifiedby``, ``createdcount`` are no times).
    rows = [(i, *(1_704_164_645 + 3600 * i,) * 6) for i in range(5)]
    ddl = (
        "CREATE TABLE feed (id INTEGER PRIMARY KEY, lastmodified INTEGER, datecreated INTEGER, "
        "lastupdated INTEGER, timecreated BIGINT, modifiedby INTEGER, createdcount INTEGER)"
    )
    types = _types_beside_key(make_sqlite, "feed", ddl, rows, key="id")
    assert types == {
        "lastmodified": "timestamptz",
        "datecreated": "timestamptz",
        "lastupdated": "timestamptz",
        "timecreated": "timestamptz",
        "modifiedby": "integer",
        "createdcount": "integer",
    }


def test_the_time_a_file_was_last_accessed_is_an_epoch_timestamp_as_its_modified_time(
    make_sqlite: SqliteFactory,
) -> None:
    # A desktop indexer keeps a file's POSIX times as epoch seconds: `fileLastModified` loaded as
    # instants and `fileLastAccessed`, beside it in the same table, as bigint. Accessed is the third of
    # a file's times (modified, created, accessed); an id, a count or a person about it is still none.
    rows = [(i, *(1_796_416_366 + 3600 * i,) * 7) for i in range(5)]
    ddl = (
        "CREATE TABLE files (id INTEGER PRIMARY KEY, fileLastModified INTEGER, fileLastAccessed INTEGER, "
        "last_accessed INTEGER, lastaccessed INTEGER, accessed_count INTEGER, accessed_by INTEGER, "
        "accessedid INTEGER)"
    )
    types = _types_beside_key(make_sqlite, "files", ddl, rows, key="id")
    assert types == {
        "fileLastModified": "timestamptz",
        "fileLastAccessed": "timestamptz",
        "last_accessed": "timestamptz",
        "lastaccessed": "timestamptz",
        "accessed_count": "integer",
        "accessed_by": "integer",
        "accessedid": "integer",
    }


def test_a_time_last_touched_is_an_epoch_timestamp_and_a_registration_only_a_compact_one(
    make_sqlite: SqliteFactory,
) -> None:
    # `touched` names when a row was last changed (MediaWiki's page_touched, a cache's last_touched):
    # its epoch seconds are instants. `registration` names a moment only where 14 valid digits prove
    # it: its 10-digit numbers (a company's registration number) stay integers.
    rows = [(i, 1_796_416_366 + 3600 * i, 1_796_416_366 + 3600 * i, 1_796_416_366 + i) for i in range(5)]
    ddl = (
        "CREATE TABLE t (id INTEGER PRIMARY KEY, last_touched INTEGER, touched_count INTEGER, "
        "registration INTEGER)"
    )
    types = _types_beside_key(make_sqlite, "t", ddl, rows, key="id")
    assert types == {"last_touched": "timestamptz", "touched_count": "integer", "registration": "integer"}


def test_a_column_named_when_holding_epoch_seconds_is_an_instant(make_sqlite: SqliteFactory) -> None:
    # An XMPP server's message archive keeps each stanza's time as `"when" INTEGER` (Unix seconds):
    # it loaded as bigint, beside nothing to say so. `when` names a moment as `at` does; an id, a count
    # of it, or a word that only begins so (`whence`) is none.
    rows = [(i, *(1_796_416_366 + 3600 * i,) * 5) for i in range(5)]
    ddl = (
        'CREATE TABLE archive (sort_id INTEGER PRIMARY KEY, "when" INTEGER NOT NULL, sent_when INTEGER, '
        "whenId INTEGER, when_count INTEGER, whence INTEGER)"
    )
    types = _types_beside_key(make_sqlite, "archive", ddl, rows, key="sort_id")
    assert types == {
        "when": "timestamptz",
        "sent_when": "timestamptz",
        "whenId": "integer",
        "when_count": "integer",
        "whence": "integer",
    }


def test_the_time_of_the_last_change_is_an_epoch_timestamp_as_the_last_update_is(
    make_sqlite: SqliteFactory,
) -> None:
    # A CMS keeps a node's `created` and `changed` as Unix seconds side by side (Drupal's node_field_data),
    # a genealogy program each object's `change` (Gramps): `created` loaded as instants, `changed` and
    # `change` beside it as bigint, though `last_update` and `updated` already named a moment. A change
    # names one as an update does; an id, a person or a count about it is still none.
    rows = [(i, *(1_796_416_366 + 3600 * i,) * 9) for i in range(5)]
    ddl = (
        "CREATE TABLE node (nid INTEGER PRIMARY KEY, created INTEGER, changed INTEGER, change INTEGER, "
        "last_change INTEGER, lastchanged INTEGER, changed_by INTEGER, change_count INTEGER, changeid "
        "INTEGER, unchanged INTEGER)"
    )
    types = _types_beside_key(make_sqlite, "node", ddl, rows, key="nid")
    assert types == {
        "created": "timestamptz",
        "changed": "timestamptz",
        "change": "timestamptz",
        "last_change": "timestamptz",
        "lastchanged": "timestamptz",
        "changed_by": "integer",
        "change_count": "integer",
        "changeid": "integer",
        "unchanged": "integer",
    }


def test_a_clock_of_epoch_seconds_is_an_instant_and_a_clock_rate_is_none(make_sqlite: SqliteFactory) -> None:
    # A monitoring proxy keeps every collected value's time as `clock INTEGER` (Unix seconds), beside
    # `write_clock`, when it was written, and a recovery's `r_clock` (Zabbix's whole schema does; an
    # older one `lastclock`, one lowercase word): they loaded as bigint, with nothing to say so. A
    # clock names a moment as `when` does; an id or a count of it is none, and neither is a clock's
    # speed, rate or ticks (a CPU's, in Hz: amounts, whatever their digits) nor a monotonic clock's
    # reading (counted from boot).
    rows = [(i, *(1_796_416_366 + 3601 * i,) * 14) for i in range(5)]
    ddl = (
        "CREATE TABLE proxy_history (id INTEGER PRIMARY KEY, clock INTEGER NOT NULL, write_clock INTEGER, "
        "r_clock INTEGER, lastclock INTEGER, clockid INTEGER, clock_count INTEGER, clock_speed INTEGER, "
        "clockRate INTEGER, cpu_clock_hz INTEGER, clock_ticks INTEGER, clock_mhz INTEGER, cpu_clock INTEGER, "
        "monotonic_clock INTEGER, rate_date INTEGER)"
    )
    types = _types_beside_key(make_sqlite, "proxy_history", ddl, rows, key="id")
    assert types == {
        "clock": "timestamptz",
        "write_clock": "timestamptz",
        "r_clock": "timestamptz",
        "lastclock": "timestamptz",
        "clockid": "integer",
        "clock_count": "integer",
        "clock_speed": "integer",
        "clockRate": "integer",
        "cpu_clock_hz": "integer",
        "clock_ticks": "integer",
        "clock_mhz": "integer",
        "cpu_clock": "integer",
        "monotonic_clock": "integer",
        # ... while a rate's date is one, as before
        "rate_date": "timestamptz",
    }


def test_an_icalendar_start_and_end_and_a_dt_are_epoch_timestamps(make_sqlite: SqliteFactory) -> None:
    # A calendar's cache keeps each event's iCalendar DTSTART and DTEND as Unix seconds in `dtstart
    # INT` and `dtend INT` (khal's), beside `dtstamp`, read as instants by its ending: they stayed
    # bigint with nothing to say so. `dt` abbreviates a date-time as a word too (`start_dt`,
    # `dt_created`, `EndDt`); 0/1 under it (a to-do cache's `due_dt`, whether the due is a day) are no
    # epoch integers, and a word only beginning so (`dtype`, `dtmf`) is none.
    rows = [(i, *(1_796_416_366 + 3601 * i,) * 10, i % 2) for i in range(5)]
    ddl = (
        "CREATE TABLE recs_loc (id INTEGER PRIMARY KEY, dtstart INT NOT NULL, dtend INT NOT NULL, "
        "DTSTART_2 INT, dtstamp INT, start_dt INTEGER, dt_created INTEGER, EndDt INTEGER, dt INTEGER, "
        "dtype INTEGER, dtmf INTEGER, due_dt INTEGER)"
    )
    types = _types_beside_key(make_sqlite, "recs_loc", ddl, rows, key="id")
    assert types == {
        "dtstart": "timestamptz",
        "dtend": "timestamptz",
        "DTSTART_2": "timestamptz",
        "dtstamp": "timestamptz",
        "start_dt": "timestamptz",
        "dt_created": "timestamptz",
        "EndDt": "timestamptz",
        "dt": "timestamptz",
        "dtype": "integer",
        "dtmf": "integer",
        "due_dt": "integer",
    }


def test_a_stream_started_and_stopped_in_epoch_seconds_are_instants(make_sqlite: SqliteFactory) -> None:
    # A media server monitor keeps each stream's `started` and `stopped` as Unix seconds (Tautulli's
    # `session_history`), beside its `added_at`, read as an instant by its word `at`: they stayed
    # bigint with nothing to say so. A start and a stop name a moment as `completed` and `deleted` do;
    # a person, an id or a count about them is none.
    rows = [(i, *(1_796_416_366 + 3601 * i,) * 6) for i in range(5)]
    ddl = (
        "CREATE TABLE session_history (id INTEGER PRIMARY KEY, started INTEGER, stopped INTEGER, "
        "added_at INTEGER, started_by INTEGER, started_count INTEGER, stopped_id INTEGER)"
    )
    types = _types_beside_key(make_sqlite, "session_history", ddl, rows, key="id")
    assert types == {
        "started": "timestamptz",
        "stopped": "timestamptz",
        "added_at": "timestamptz",
        "started_by": "integer",
        "started_count": "integer",
        "stopped_id": "integer",
    }


def test_a_run_finished_or_ended_in_epoch_seconds_is_an_instant_as_one_started(
    make_sqlite: SqliteFactory,
) -> None:
    # A CI server keeps each pipeline's, workflow's and step's `started` and `finished` as Unix seconds
    # (Woodpecker's xorm tables): `started` was read as an instant by its word, `finished` stayed
    # bigint with nothing to say so. A finish and an end name a moment as a stop does; a person, an id
    # or a count about them is none.
    rows = [(i, *(1_796_416_366 + 3601 * i,) * 6) for i in range(5)]
    ddl = (
        "CREATE TABLE runs (id INTEGER PRIMARY KEY, started INTEGER, finished INTEGER, ended INTEGER, "
        "finished_by INTEGER, finished_count INTEGER, ended_id INTEGER)"
    )
    types = _types_beside_key(make_sqlite, "runs", ddl, rows, key="id")
    assert types == {
        "started": "timestamptz",
        "finished": "timestamptz",
        "ended": "timestamptz",
        "finished_by": "integer",
        "finished_count": "integer",
        "ended_id": "integer",
    }


def test_the_time_of_an_event_glued_in_one_word_is_an_epoch_timestamp_as_its_words_apart_are(
    make_sqlite: SqliteFactory,
) -> None:
    # An intrusion blocker keeps each ban's moment as `timeofban INTEGER` of Unix seconds (fail2ban's
    # `bans` and `bips`): `time_of_ban` and `TimeOfEntry` named a moment by their word `time`, while the
    # one lowercase word, a time of an event glued together, stayed bigint. `dateofbirth` names its
    # date likewise, and `dateoffounding` (a date of, not a date off); a time off (`timeoffset`,
    # `timeoff`: spans) and an id or a count of it are none.
    rows = [(i, *(1_796_480_779 + 3601 * i,) * 10) for i in range(5)]
    ddl = (
        "CREATE TABLE bans (id INTEGER PRIMARY KEY, timeofban INTEGER NOT NULL, time_of_ban INTEGER, "
        "TimeOfEntry INTEGER, dateofbirth INTEGER, timeofbanid INTEGER, timeofban_count INTEGER, "
        "timeoffset INTEGER, timeoff INTEGER, timeof INTEGER, dateoffounding INTEGER)"
    )
    types = _types_beside_key(make_sqlite, "bans", ddl, rows, key="id")
    assert types == {
        "timeofban": "timestamptz",
        "time_of_ban": "timestamptz",
        "TimeOfEntry": "timestamptz",
        "dateofbirth": "timestamptz",
        "timeofbanid": "integer",
        "timeofban_count": "integer",
        "timeoffset": "integer",
        "timeoff": "integer",
        "timeof": "integer",
        "dateoffounding": "timestamptz",
    }


def test_a_creation_of_epoch_milliseconds_is_an_instant_as_created_is(make_sqlite: SqliteFactory) -> None:
    # A messenger keeps a group chat's `creation` as epoch milliseconds (WhatsApp's chat_list), a
    # window its `creation` in seconds: they stayed bigint, though `created` and `creationTime` (its
    # word `time`) name the same moment. A creation names one as `created` does; an id, a person or a
    # count of it is none, and `recreation` is another word.
    rows = [
        (i, *(1_796_416_366_000 + 3_600_007 * i,) * 3, *(1_796_416_366 + 3601 * i,) * 5) for i in range(5)
    ]
    ddl = (
        "CREATE TABLE chat_list (id INTEGER PRIMARY KEY, creation INTEGER, creation_ts INTEGER, "
        "creationTime INTEGER, GroupCreation INTEGER, creation_id INTEGER, creation_by INTEGER, "
        "creation_count INTEGER, recreation INTEGER)"
    )
    types = _types_beside_key(make_sqlite, "chat_list", ddl, rows, key="id")
    assert types == {
        "creation": "timestamptz",
        "creation_ts": "timestamptz",
        "creationTime": "timestamptz",
        "GroupCreation": "timestamptz",
        "creation_id": "integer",
        "creation_by": "integer",
        "creation_count": "integer",
        "recreation": "integer",
    }


def test_the_last_login_is_an_epoch_timestamp_as_the_last_visit_is(make_sqlite: SqliteFactory) -> None:
    # A Node.js app on Kysely keeps a user's `last_login` as `Date.now()` (epoch milliseconds) in an
    # `integer` column, Django-style names as Unix seconds: they stayed bigint though `last_seen` beside
    # them was read as instants. A login is a moment only as the last one: a `login` alone may be an
    # account number of ten digits (a trading platform's), and the last login's address, count or id
    # is none.
    rows = [
        (i, *(1_796_416_366_000 + 3_600_007 * i,) * 3, *(1_796_416_366 + 3601 * i,) * 7) for i in range(5)
    ]
    ddl = (
        "CREATE TABLE account (id INTEGER PRIMARY KEY, last_login INTEGER, lastLogin INTEGER, LastLogon "
        "INTEGER, last_login_at INTEGER, login INTEGER, last_login_ip INTEGER, last_login_count INTEGER, "
        "last_login_id INTEGER, user_login INTEGER, last INTEGER)"
    )
    profiled = profile(make_sqlite({"account": (ddl, rows)}))["account"]
    rows_of_two = [(i, 1_796_416_366 + 3601 * i) for i in range(5)]
    types = {name: profiled[name].inferred_type for name in profiled.columns if name != "id"}
    assert types == {
        "last_login": "timestamptz",
        "lastLogin": "timestamptz",
        "LastLogon": "timestamptz",
        "last_login_at": "timestamptz",
        "login": "integer",
        "last_login_ip": "integer",
        "last_login_count": "integer",
        "last_login_id": "integer",
        "user_login": "integer",
        "last": "integer",
    }
    # ... and written as one lowercase word (an old PHP schema's), as `lastmodified` is.
    legacy = profile(
        make_sqlite(
            {"member": ("CREATE TABLE member (id INTEGER PRIMARY KEY, lastlogin INTEGER)", rows_of_two)}
        )
    )
    assert legacy["member"]["lastlogin"].inferred_type == "timestamptz"


def test_a_last_login_named_after_its_entity_is_an_epoch_timestamp(make_sqlite: SqliteFactory) -> None:
    # A schema prefixing every column with its entity (Drone CI's `users`: `user_created`,
    # `user_last_login`, Unix seconds) names the last login after the entity's words: it stayed bigint
    # with no note beside `user_created` read as instants. The name ends in the last event; a word
    # after it is an address, a count or an id of it, and an entity's login without an ordinal is none.
    rows = [(i, *(1_796_416_366 + 3601 * i,) * 7) for i in range(5)]
    ddl = (
        "CREATE TABLE users (user_id INTEGER PRIMARY KEY, user_last_login INTEGER, userLastLogin INTEGER, "
        "account_first_used INTEGER, user_login INTEGER, user_last_login_ip INTEGER, "
        "user_last_login_count INTEGER, user_id_last_login INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "users", ddl, rows, key="user_id") == {
        "user_last_login": "timestamptz",
        "userLastLogin": "timestamptz",
        "account_first_used": "timestamptz",
        "user_login": "integer",
        "user_last_login_ip": "integer",
        "user_last_login_count": "integer",
        "user_id_last_login": "integer",
    }
    # ... and beside a 0 for a user who never logged in, the integers are kept with the instant's note.
    zeros = [(i, 0 if i == 2 else 1_796_416_366 + 3601 * i) for i in range(5)]
    profiled = profile(
        make_sqlite(
            {
                "members": (
                    "CREATE TABLE members (user_id INTEGER PRIMARY KEY, user_last_login INTEGER)",
                    zeros,
                )
            }
        )
    )["members"]["user_last_login"]
    assert profiled.inferred_type == "integer"
    assert any('to_timestamp(NULLIF("user_last_login", 0))' in note for note in profiled.notes)


def test_the_last_contact_is_an_epoch_timestamp_as_the_last_login_is(make_sqlite: SqliteFactory) -> None:
    # A CI server's agents (Woodpecker's `agents.last_contact`, Unix seconds beside `created` and
    # `updated`) and a CRM's people keep the last contact as epoch integers: it stayed bigint beside
    # instants. A contact is a moment only as the last or first one: `contact` alone is a person or
    # an id, and the last contact's name, count or id is none.
    rows = [(i, *(1_796_416_366 + 3601 * i,) * 6) for i in range(5)]
    ddl = (
        "CREATE TABLE agents (id INTEGER PRIMARY KEY, last_contact INTEGER, lastContact INTEGER, "
        "first_contact INTEGER, contact INTEGER, last_contact_id INTEGER, last_contact_count INTEGER)"
    )
    profiled = profile(make_sqlite({"agents": (ddl, rows)}))["agents"]
    types = {name: profiled[name].inferred_type for name in profiled.columns if name != "id"}
    assert types == {
        "last_contact": "timestamptz",
        "lastContact": "timestamptz",
        "first_contact": "timestamptz",
        "contact": "integer",
        "last_contact_id": "integer",
        "last_contact_count": "integer",
    }


def test_the_last_keepalive_or_heartbeat_is_an_epoch_timestamp_as_the_last_contact_is(
    make_sqlite: SqliteFactory,
) -> None:
    # A security manager's agents (Wazuh's `agent.last_keepalive`, Unix seconds beside `date_add`, the
    # manager's own 9999-12-31 23:59:59 for "never disconnects") keep the last keepalive as epoch
    # integers: it stayed bigint beside `date_add` read as instants. A keepalive or heartbeat is a moment
    # only as the last or first one: alone it is a setting (an interval in seconds), and the last one's
    # id or count is none.
    rows = [(i, *(1_706_000_000 + 3_607 * i,) * 8) for i in range(5)]
    rows.append((5, 253_402_300_799, 253_402_300_799, 1_706_100_000, 1_706_100_000, 30, 60, 7, 3))
    ddl = (
        "CREATE TABLE agent (id INTEGER PRIMARY KEY, last_keepalive INTEGER, lastHeartbeat INTEGER, "
        "first_heartbeat INTEGER, lastkeepalive INTEGER, keepalive INTEGER, heartbeat INTEGER, "
        "last_keepalive_id INTEGER, last_heartbeat_count INTEGER)"
    )
    profiled = profile(make_sqlite({"agent": (ddl, rows)}))["agent"]
    types = {name: profiled[name].inferred_type for name in profiled.columns if name != "id"}
    assert types == {
        "last_keepalive": "timestamptz",
        "lastHeartbeat": "timestamptz",
        "first_heartbeat": "timestamptz",
        "lastkeepalive": "timestamptz",
        "keepalive": "integer",
        "heartbeat": "integer",
        "last_keepalive_id": "integer",
        "last_heartbeat_count": "integer",
    }


def test_a_dateline_in_epoch_seconds_is_an_instant_as_a_date_is(make_sqlite: SqliteFactory) -> None:
    # PHP forums keep the moment each post, thread and log entry was written as `dateline` of Unix
    # seconds (MyBB's and vBulletin's `TIME_NOW`): it stayed bigint with no note, beside the same
    # schema's `regdate` read as an instant (and `postDateline`, the word among others). `date_line`
    # was an instant already by its word `date`; a dateline's id or count is none.
    rows = [(i, *(1_700_012_345 + 3_607 * i,) * 7) for i in range(5)]
    ddl = (
        "CREATE TABLE posts (pid INTEGER PRIMARY KEY, dateline INTEGER, date_line INTEGER, "
        "postDateline INTEGER, regdate INTEGER, dateline_id INTEGER, dateline_count INTEGER, line INTEGER)"
    )
    profiled = profile(make_sqlite({"posts": (ddl, rows)}))["posts"]
    types = {name: profiled[name].inferred_type for name in profiled.columns if name != "pid"}
    assert types == {
        "dateline": "timestamptz",
        "date_line": "timestamptz",
        "postDateline": "timestamptz",
        "regdate": "timestamptz",
        "dateline_id": "integer",
        "dateline_count": "integer",
        "line": "integer",
    }


def test_the_last_scan_is_an_epoch_timestamp_as_the_last_visit_is(make_sqlite: SqliteFactory) -> None:
    # A media library's folders (PiGallery2's TypeORM `directory_entity.lastScanned`, epoch
    # milliseconds beside `lastModified`) keep the last scan as epoch integers: it stayed bigint beside
    # instants. A scan is a moment only as the last or first one: `scanned` alone is a flag or a count
    # of pages, `scan` an id, and the last scan's count or id is none.
    rows = [(i, *(1_796_416_366_123 + 3_600_007 * i,) * 8) for i in range(5)]
    ddl = (
        "CREATE TABLE folders (id INTEGER PRIMARY KEY, lastScanned INTEGER, last_scanned INTEGER, "
        "last_scan INTEGER, first_scanned INTEGER, scanned INTEGER, scan INTEGER, last_scan_id INTEGER, "
        "last_scanned_count INTEGER)"
    )
    profiled = profile(make_sqlite({"folders": (ddl, rows)}))["folders"]
    types = {name: profiled[name].inferred_type for name in profiled.columns if name != "id"}
    assert types == {
        "lastScanned": "timestamptz",
        "last_scanned": "timestamptz",
        "last_scan": "timestamptz",
        "first_scanned": "timestamptz",
        "scanned": "integer",
        "scan": "integer",
        "last_scan_id": "integer",
        "last_scanned_count": "integer",
    }


def test_the_last_use_is_an_epoch_timestamp_as_the_last_login_is(make_sqlite: SqliteFactory) -> None:
    # A download manager's API keys (pyLoad-ng's `apikeys`) keep `last_used` as epoch milliseconds
    # beside `created_at`, which was read as instants while `last_used` stayed bigint; a form history
    # keeps `lastUsed`. A use is a moment only as the last one: `used` alone is an amount (bytes used),
    # and the last use's count or id is none.
    rows = [(i, *(1_796_416_366_000 + 3_600_007 * i,) * 5) for i in range(5)]
    ddl = (
        "CREATE TABLE apikeys (id INTEGER PRIMARY KEY, last_used INTEGER, lastUsed INTEGER, used INTEGER, "
        "last_used_count INTEGER, last_used_id INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "apikeys", ddl, rows, key="id") == {
        "last_used": "timestamptz",
        "lastUsed": "timestamptz",
        "used": "integer",
        "last_used_count": "integer",
        "last_used_id": "integer",
    }
    # 0 for "never used" beside them (pyLoad's): integers as written, the note gives the instant; and
    # written as one lowercase word, as `lastlogin` is.
    keys = [*((i, ms, ms) for i, ms, *_ in rows), (9, 0, 0)]
    ddl = "CREATE TABLE tokens (id INTEGER PRIMARY KEY, last_used INTEGER, lastused INTEGER)"
    beside_zero = profile(make_sqlite({"tokens": (ddl, keys)}))["tokens"]
    for name in ("last_used", "lastused"):
        assert beside_zero[name].inferred_type == "integer"
        assert any(f'to_timestamp(NULLIF("{name}", 0) / 1000.0)' in n for n in beside_zero[name].notes), name


def test_the_last_activity_is_an_epoch_timestamp_as_the_last_use_is(make_sqlite: SqliteFactory) -> None:
    # An XMPP client (Dino) keeps each conversation's `last_active` as Unix seconds beside `active`, a
    # 0/1 flag: the last activity stayed bigint while the messages' `time` beside it were instants. An
    # activity is a moment only as the last (or first) one: `active` alone is a flag or a count of
    # seconds, and the last activity's count or id is none.
    seconds = [1_733_389_200 + 86_407 * i for i in range(5)]
    rows = [(i, s, s, s, s, i % 2, s, s) for i, s in enumerate(seconds)]
    ddl = (
        "CREATE TABLE conversation (id INTEGER PRIMARY KEY, last_active INTEGER, lastActive INTEGER, "
        "last_activity INTEGER, first_active INTEGER, active INTEGER, "
        "last_active_count INTEGER, last_activity_id INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "conversation", ddl, rows, key="id") == {
        "last_active": "timestamptz",
        "lastActive": "timestamptz",
        "last_activity": "timestamptz",
        "first_active": "timestamptz",
        "active": "integer",
        "last_active_count": "integer",
        "last_activity_id": "integer",
    }


def test_the_last_sighting_and_play_in_one_word_are_epoch_timestamps(make_sqlite: SqliteFactory) -> None:
    # A music player's collection (Strawberry's `songs`) keeps `lastseen` and `lastplayed` as Unix
    # seconds beside `mtime` and `ctime` read as instants: `last_seen` was one by its word `seen`, but
    # written as one word it stayed bigint, and a play is a moment only as the last (or first) one:
    # `played` alone is a count or a flag, `last_played_count` none.
    seconds = [1_796_400_000 + 3_607 * i for i in range(5)]
    rows = [(i, s, s, s, s, i % 2, s) for i, s in enumerate(seconds)]
    ddl = (
        "CREATE TABLE songs (id INTEGER PRIMARY KEY, lastseen INTEGER, lastplayed INTEGER, last_played "
        "INTEGER, firstseen INTEGER, played INTEGER, last_played_count INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "songs", ddl, rows, key="id") == {
        "lastseen": "timestamptz",
        "lastplayed": "timestamptz",
        "last_played": "timestamptz",
        "firstseen": "timestamptz",
        "played": "integer",
        "last_played_count": "integer",
    }


def test_the_first_use_and_login_are_epoch_timestamps_as_the_last_are(make_sqlite: SqliteFactory) -> None:
    # A browser's form history (Firefox's moz_formhistory) keeps `firstUsed` beside `lastUsed`, both
    # microseconds since 1970: the last use read as instants beside the first as bigint split one
    # table's pair of moments. The first of an event is a moment as the last is; how many times is none.
    micros = [1_796_416_366_000_000 + 3_600_007_000 * i for i in range(5)]
    rows = [(i, m, m + 60_000_000, m, i + 2, i + 3) for i, m in enumerate(micros)]
    ddl = (
        "CREATE TABLE moz_formhistory (id INTEGER PRIMARY KEY, firstUsed INTEGER, lastUsed INTEGER, "
        "first_login INTEGER, timesUsed INTEGER, first_used_count INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "moz_formhistory", ddl, rows, key="id") == {
        "firstUsed": "timestamptz",
        "lastUsed": "timestamptz",
        "first_login": "timestamptz",
        "timesUsed": "integer",
        "first_used_count": "integer",
    }


def test_the_last_visit_is_an_epoch_timestamp_as_the_last_login_is(make_sqlite: SqliteFactory) -> None:
    # A browser's history (luakit's history.db: `last_visit INTEGER` written with Lua's `os.time()`,
    # Unix seconds, beside `visits`, how many) stayed bigint while the bookmarks' `created` and
    # `modified` beside it were read as instants. A visit is a moment only as the last or the first one:
    # `visit` alone, `from_visit` (the visit it came from), `visits` and the last visit's count or id
    # are none.
    seconds = [1_796_491_564 + 3601 * i for i in range(5)]
    rows = [(i, s, s, s, i + 1, i + 2, i + 3, i + 4, i + 5) for i, s in enumerate(seconds)]
    ddl = (
        "CREATE TABLE history (id INTEGER PRIMARY KEY, last_visit INTEGER, lastVisit INTEGER, "
        "first_visit INTEGER, visits INTEGER, visit INTEGER, from_visit INTEGER, "
        "last_visit_count INTEGER, last_visit_id INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "history", ddl, rows, key="id") == {
        "last_visit": "timestamptz",
        "lastVisit": "timestamptz",
        "first_visit": "timestamptz",
        "visits": "integer",
        "visit": "integer",
        "from_visit": "integer",
        "last_visit_count": "integer",
        "last_visit_id": "integer",
    }
    # ... and written as one lowercase word, as `lastlogin` is.
    ddl = "CREATE TABLE visited_pages (id INTEGER PRIMARY KEY, lastvisit INTEGER)"
    legacy = profile(make_sqlite({"visited_pages": (ddl, [(i, s) for i, s in enumerate(seconds)])}))
    assert legacy["visited_pages"]["lastvisit"].inferred_type == "timestamptz"


def test_the_last_query_is_an_epoch_timestamp_as_the_last_visit_is(make_sqlite: SqliteFactory) -> None:
    # A DNS filter's network table (Pi-hole FTL's `network`: `lastQuery INTEGER` of Unix seconds, when
    # the device last asked, beside `firstSeen` and `numQueries`) stayed bigint while `firstSeen` beside
    # it was read as instants. A query is a moment only as the last or the first one: `query` alone,
    # `queries`, `numQueries` and the last query's count or id are none.
    seconds = [1_796_495_000 + 3601 * i for i in range(5)]
    rows = [(i, s, s, s, i + 1, i + 2, i + 3, i + 4, i + 5) for i, s in enumerate(seconds)]
    ddl = (
        "CREATE TABLE network (id INTEGER PRIMARY KEY, lastQuery INTEGER, last_query INTEGER, "
        "first_query INTEGER, queries INTEGER, query INTEGER, numQueries INTEGER, "
        "last_query_count INTEGER, last_query_id INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "network", ddl, rows, key="id") == {
        "lastQuery": "timestamptz",
        "last_query": "timestamptz",
        "first_query": "timestamptz",
        "queries": "integer",
        "query": "integer",
        "numQueries": "integer",
        "last_query_count": "integer",
        "last_query_id": "integer",
    }


def test_the_last_opening_is_an_epoch_timestamp_as_the_last_read_is(make_sqlite: SqliteFactory) -> None:
    # An e-reader's reading statistics (KOReader's `statistics.sqlite3`: `book.last_open integer`
    # written with Lua's `os.time()`, Unix seconds, when the book was last opened) stayed bigint while
    # its pages' `start_time` beside it were read as instants. An opening is a moment only as the last or
    # the first one: `open` and `opened` alone are flags (a ticket's, a file's), `opens` a count, and
    # the last opening's count or id are none.
    seconds = [1_796_495_000 + 3601 * i for i in range(5)]
    rows = [(i, s, s, s, s, i % 2, i % 2, i + 3, i + 4, i + 5) for i, s in enumerate(seconds)]
    ddl = (
        "CREATE TABLE book (id INTEGER PRIMARY KEY, last_open INTEGER, lastOpened INTEGER, "
        "first_opened INTEGER, lastopen INTEGER, open INTEGER, opened INTEGER, opens INTEGER, "
        "last_open_count INTEGER, last_opened_id INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "book", ddl, rows, key="id") == {
        "last_open": "timestamptz",
        "lastOpened": "timestamptz",
        "first_opened": "timestamptz",
        "lastopen": "timestamptz",
        "open": "integer",
        "opened": "integer",
        "opens": "integer",
        "last_open_count": "integer",
        "last_opened_id": "integer",
    }


def test_the_last_read_and_last_sync_are_epoch_timestamps_as_the_last_visit_is(
    make_sqlite: SqliteFactory,
) -> None:
    # A reference manager's attachments and libraries (Zotero's `itemAttachments.lastRead` and
    # `libraries.lastSync`, Unix seconds) stayed bigint beside its `lastProcessedModificationTime` read
    # as instants. A read and a sync are moments only as the last or the first one: `read` alone (a
    # flag), `reads` (a count), `sync` and `synced` alone (flags), their count or id are none.
    seconds = [1_796_495_000 + 3601 * i for i in range(5)]
    rows = [(i, s, s, s, s, s, i % 2, i + 3, i % 2, i % 2, i + 4, i + 5) for i, s in enumerate(seconds)]
    ddl = (
        "CREATE TABLE attachment (id INTEGER PRIMARY KEY, lastRead INT, last_read INTEGER, "
        "first_read INTEGER, lastSync INT, last_synced INTEGER, read INTEGER, reads INTEGER, "
        "sync INTEGER, synced INTEGER, last_read_count INTEGER, last_sync_id INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "attachment", ddl, rows, key="id") == {
        "lastRead": "timestamptz",
        "last_read": "timestamptz",
        "first_read": "timestamptz",
        "lastSync": "timestamptz",
        "last_synced": "timestamptz",
        "read": "integer",
        "reads": "integer",
        "sync": "integer",
        "synced": "integer",
        "last_read_count": "integer",
        "last_sync_id": "integer",
    }


def test_the_moments_a_state_holds_since_and_until_are_epoch_timestamps(make_sqlite: SqliteFactory) -> None:
    # A monitoring server's alert instances (Grafana's `alert_instance`: `current_state_since INTEGER`,
    # Unix seconds, when the state began, beside `last_eval_time`) stayed bigint while the
    # `last_eval_time` beside it was read as instants. `since` names the moment a state began
    # (`member_since`, `activeSince`), `until` and `till` the one it ends (a monitoring proxy's
    # maintenance `active_since` and `active_till`, Zabbix's, Unix seconds both); an id named so
    # (`since_id`: the newest item already fetched) or a count of days since one
    # (`days_since_signup`, no epoch's digits) is none.
    seconds = [1_796_491_564 + 3601 * i for i in range(5)]
    rows = [(i, s, s, s, s, s + 60, s + 60, s, i + 30) for i, s in enumerate(seconds)]
    ddl = (
        "CREATE TABLE alert_instance (id INTEGER PRIMARY KEY, current_state_since INTEGER, "
        "member_since INTEGER, activeSince INTEGER, since INTEGER, active_till INTEGER, "
        "valid_until INTEGER, since_id INTEGER, days_since_signup INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "alert_instance", ddl, rows, key="id") == {
        "current_state_since": "timestamptz",
        "member_since": "timestamptz",
        "activeSince": "timestamptz",
        "since": "timestamptz",
        "active_till": "timestamptz",
        "valid_until": "timestamptz",
        "since_id": "integer",
        "days_since_signup": "integer",
    }


def test_a_start_an_end_or_a_due_of_epoch_microseconds_is_an_instant(make_sqlite: SqliteFactory) -> None:
    # A mail client's calendar (Thunderbird's `local.sqlite`: `cal_events.event_start`, `event_end`
    # and `cal_todos.todo_due`, PRTime microseconds) stayed bigint beside its `event_stamp` read as
    # instants: `start`, `end` and `due` also name offsets and amounts. Of such digits in microseconds
    # (2001 to 2033: 1e15 to 2e15) no offset in bytes (a petabyte) or amount in cents is: instants.
    # In seconds or milliseconds they stay numbers (a block's start at 1.5 GB, an amount due in cents);
    # an id of one (`start_id`) is none.
    micros = [1_796_491_564_000_000 + 3_600_000_000 * i for i in range(5)]
    rows = [
        (i, m, m + 1_800_000_000, m + 86_400_000_000, m, m // 1_000_000, m // 1000, 1_500_000_000 + i)
        for i, m in enumerate(micros)
    ]
    ddl = (
        "CREATE TABLE cal_events (id INTEGER PRIMARY KEY, event_start INTEGER, event_end INTEGER, "
        "todo_due INTEGER, start_id INTEGER, block_start INTEGER, amount_due INTEGER, chunk_end INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "cal_events", ddl, rows, key="id") == {
        "event_start": "timestamptz",
        "event_end": "timestamptz",
        "todo_due": "timestamptz",
        "start_id": "integer",
        "block_start": "integer",
        "amount_due": "integer",
        "chunk_end": "integer",
    }


def test_a_name_saying_unix_time_reads_epoch_integers_as_instants(make_sqlite: SqliteFactory) -> None:
    # A forge's own database (Gitea's: every moment a Go `timeutil.TimeStamp`, Unix seconds, in a
    # column named `<event>_unix`) had its `created_unix` and `updated_unix` read as instants by their
    # words, but an issue's `closed_unix`, a pull request's `merged_unix`, a user's `last_login_unix`
    # and a repository's `archived_unix` beside them stayed bigint. `unix` names Unix time as `epoch`
    # does; an id or a group (`unix_uid`, `unix_gid`: an account's numbers) is none.
    seconds = [1_796_491_564 + 3601 * i for i in range(5)]
    rows = [
        (i, s, s + 60, s + 120, s, s, 1_200_000_000 + i, 1_300_000_000 + i) for i, s in enumerate(seconds)
    ]
    ddl = (
        "CREATE TABLE issue (id INTEGER PRIMARY KEY, closed_unix INTEGER, merged_unix INTEGER, "
        "last_login_unix INTEGER, archived_unix INTEGER, unix INTEGER, unix_uid INTEGER, unix_gid INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "issue", ddl, rows, key="id") == {
        "closed_unix": "timestamptz",
        "merged_unix": "timestamptz",
        "last_login_unix": "timestamptz",
        "archived_unix": "timestamptz",
        "unix": "timestamptz",
        "unix_uid": "integer",
        "unix_gid": "integer",
    }


def test_names_of_a_moments_zone_and_of_a_validity_ranges_bounds_read_epoch_integers_as_instants(
    make_sqlite: SqliteFactory,
) -> None:
    # An Android fitness companion's greenDAO tables (Gadgetbridge's `USER_ATTRIBUTES` and
    # `DEVICE_ATTRIBUTES`: `java.util.Date` properties `validFromUTC` and `validToUTC`, epoch
    # milliseconds) stayed bigint beside its activity summaries' `START_TIME` read as instants. A name
    # saying the zone its moment is written in (`_utc`, `_gmt`) names a moment, as do the bounds of a
    # validity range (`valid_from`, `validTo`, `effective_from`, `active_to`), as `valid_until` does by
    # its word `until`; `from` and `to` alone, an id of one, and an offset from UTC are none. So are a
    # flag or an offset about the zone (`is_utc`, `gmt_offset`, here holding epoch seconds' digits all
    # the same), and the words of a range apart or reversed (`to_active`).
    millis = [1_796_491_564_123 + 3_601_000 * i for i in range(5)]
    seconds = [m // 1000 for m in millis]
    rows = [
        (
            *(i, m, m + 60_000, m // 1000, m, m, m, m, m, 1_796_491_564 + i, 1_796_491_564 + i, m),
            *(3600 * (i - 2), seconds[i], seconds[i], seconds[i]),
        )
        for i, m in enumerate(millis)
    ]
    ddl = (
        'CREATE TABLE "USER_ATTRIBUTES" ("_id" INTEGER PRIMARY KEY, "VALID_FROM_UTC" INTEGER, '
        '"VALID_TO_UTC" INTEGER, StartUtc INTEGER, end_gmt INTEGER, valid_from INTEGER, validTo INTEGER, '
        'effective_from INTEGER, active_to INTEGER, "from" INTEGER, "to" INTEGER, valid_from_id INTEGER, '
        "utc_offset INTEGER, is_utc INTEGER, gmt_offset INTEGER, to_active INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "USER_ATTRIBUTES", ddl, rows, key="_id") == {
        "VALID_FROM_UTC": "timestamptz",
        "VALID_TO_UTC": "timestamptz",
        "StartUtc": "timestamptz",
        "end_gmt": "timestamptz",
        "valid_from": "timestamptz",
        "validTo": "timestamptz",
        "effective_from": "timestamptz",
        "active_to": "timestamptz",
        "from": "integer",
        "to": "integer",
        "valid_from_id": "integer",
        "utc_offset": "integer",
        "is_utc": "integer",
        "gmt_offset": "integer",
        "to_active": "integer",
    }


def test_the_moment_of_a_verification_reads_epoch_integers_as_instants(make_sqlite: SqliteFactory) -> None:
    # Auth.js's Drizzle schema on SQLite (a bookmark manager's, Karakeep's `user.emailVerified`,
    # `integer({mode: "timestamp_ms"})`: epoch milliseconds, NULL until verified) stayed bigint beside
    # its `createdAt` read as instants. `verified` names the moment of a verification, as `published`
    # and `completed` name theirs; a flag of 0/1, a count or the id of the one who verified are none.
    millis = [1_796_491_564_123 + 3_601_000 * i for i in range(5)]
    rows = [(i, m if i % 2 else None, m // 1000, i % 2, 3 + i, 40 + i, i % 2) for i, m in enumerate(millis)]
    ddl = (
        'CREATE TABLE "user" (id INTEGER PRIMARY KEY, "emailVerified" integer, phone_verified INTEGER, '
        "verified INTEGER, verified_count INTEGER, verified_by INTEGER, email_verified INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "user", ddl, rows, key="id") == {
        "emailVerified": "timestamptz",
        "phone_verified": "timestamptz",
        "verified": "integer",
        "verified_count": "integer",
        "verified_by": "integer",
        "email_verified": "integer",
    }


def test_the_moment_a_migration_was_applied_reads_epoch_integers_as_instants(
    make_sqlite: SqliteFactory,
) -> None:
    # A backend's migration log (PocketBase's `_migrations (file VARCHAR(255) PRIMARY KEY, applied
    # INTEGER)`, `time.Now().UnixMicro()` when each ran) stayed bigint with no word of what it held.
    # `applied` names the moment of an application, as `published` and `completed` name theirs; a flag
    # of 0/1, the count of steps applied (Prisma's `applied_steps_count`) or the one who applied are none.
    micros = [1_796_538_919_363_535 + 19_099 * i for i in range(5)]
    rows = [(f"17172335{i}_migrate.go", m, m // 1000, i % 2, 1 + i % 3, 40 + i) for i, m in enumerate(micros)]
    ddl = (
        "CREATE TABLE _migrations (file VARCHAR(255) PRIMARY KEY NOT NULL, applied INTEGER NOT NULL, "
        "appliedAt INTEGER, is_applied INTEGER, applied_steps_count INTEGER, applied_by INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "_migrations", ddl, rows, key="file") == {
        "applied": "timestamptz",
        "appliedAt": "timestamptz",
        "is_applied": "integer",
        "applied_steps_count": "integer",
        "applied_by": "integer",
    }


def test_spans_of_time_are_not_epoch_timestamps(make_sqlite: SqliteFactory) -> None:
    # A help desk's time logged on a follow-up (Django's DurationField: BIGINT microseconds) of 20 to
    # 30 minutes is 1,200,000,000 to 1,800,000,000: epoch seconds' range. `time_spent` was loaded as
    # instants of 2008 to 2027, every cell audited epoch:seconds. A time word beside one of a span
    # (spent, elapsed, taken, worked, idle, cpu, duration) names a duration; `spent_at` and
    # `updated_time` still name instants.
    minutes = [20, 25, 30, 20, 30]
    rows = [
        (i, m * 60_000_000, m * 60_000_000, m * 60_000_000, 1_704_164_645 + i, 1_704_164_645 + i)
        for i, m in enumerate(minutes)
    ]
    ddl = (
        "CREATE TABLE followup (id INTEGER PRIMARY KEY, time_spent bigint, elapsedTime INTEGER, "
        "cpu_time INTEGER, spent_at INTEGER, updated_time INTEGER)"
    )
    profiled = profile(make_sqlite({"followup": (ddl, rows)}))["followup"]
    types = {name: profiled[name].inferred_type for name in ("time_spent", "elapsedTime", "cpu_time")}
    assert types == dict.fromkeys(types, "integer")
    assert (profiled["spent_at"].inferred_type, profiled["updated_time"].inferred_type) == (
        "timestamptz",
        "timestamptz",
    )


def test_whole_seconds_counted_in_microseconds_are_no_epoch_seconds(make_sqlite: SqliteFactory) -> None:
    # A help desk queue's dedicated time (django-helpdesk's `dedicated_time`, a DurationField: BIGINT
    # microseconds) of 20, 25 and 30 minutes is 1,200,000,000 to 1,800,000,000, under a name with a
    # time word and no span word: it was read as instants of 2008 to 2027, each audited epoch:seconds.
    # Each is a whole number of millions, as every duration of whole seconds counted in microseconds is;
    # instants read so would each fall on a grid of 1,000,000 seconds (11.6 days), which recorded
    # moments do not: integers, every value as written. 0 beside them (no time given) is none either.
    # Epoch seconds of the same range that are not all on that grid are instants as before.
    # So are 300 to 450 hours (1.08e12 to 1.62e12: epoch milliseconds' range), each a whole number of
    # minutes in microseconds; as epoch milliseconds, instants on a grid of 16.7 hours. Milliseconds on
    # the grid of whole seconds in microseconds (1,000 seconds) are instants still: midnights fall on it.
    minutes = [20, 25, 30, 20, 30]
    midnight = 1_704_067_200_000  # 2024-01-01 in epoch milliseconds, a multiple of 1,000,000
    rows = [
        (
            i,
            m * 60_000_000,
            m * 60_000_000 if i % 2 else 0,
            1_704_164_645 + i,
            1_200_000_000 + 60 * i,
            m * 15 * 3_600_000_000,
            midnight + 5 * 86_400_000 * i,
        )
        for i, m in enumerate(minutes)
    ]
    ddl = (
        "CREATE TABLE queue (id INTEGER PRIMARY KEY, dedicated_time bigint, response_time INTEGER, "
        "updated_time INTEGER, checked_time INTEGER, budget_time bigint, closed_time INTEGER)"
    )
    profiled = profile(make_sqlite({"queue": (ddl, rows)}))["queue"]
    types = {name: profiled[name].inferred_type for name in profiled.columns if name != "id"}
    assert types == {
        "dedicated_time": "integer",
        "response_time": "integer",
        "updated_time": "timestamptz",
        "checked_time": "timestamptz",
        "budget_time": "integer",
        "closed_time": "timestamptz",
    }
    for name in ("dedicated_time", "response_time", "budget_time"):
        assert not any("epoch" in note or "to_timestamp" in note for note in profiled[name].notes), name


def test_pgloader_pitfalls_are_reported(make_sqlite: SqliteFactory) -> None:
    ddl = (
        "CREATE TABLE t (a int(5), b number, c datetime DEFAULT current_timestamp, d varchar(10), "
        "e TEXT DEFAULT 'null', f TEXT DEFAULT NULL, g TEXT DEFAULT (null))"
    )
    rows = [(1, "1.5", "2025-01-01 10:00:00", "x", "y", "z", "w")]
    result = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    assert result["a"].inferred_type == "integer"
    assert any("int(5)" in note for note in result["a"].notes)
    assert (
        result["b"].inferred_type == "numeric"
    )  # NUMERIC affinity stored '1.5' as a REAL: read as that decimal
    assert result["c"].inferred_type == "timestamp"
    assert any("current_timestamp" in note for note in result["c"].notes)
    assert any("'null'" in note for note in result["e"].notes)
    # SQL's NULL (no string) is every column's default, PostgreSQL's too: nothing to say (kstars,
    # arramooz and GeoPackage files declare `DEFAULT NULL` on most columns).
    assert not any("default" in note.lower() for note in result["f"].notes + result["g"].notes)


def test_orphan_references(make_sqlite: SqliteFactory) -> None:
    tickets = (
        'CREATE TABLE tickets ("TKT-Ticket ID" INTEGER PRIMARY KEY, s TEXT)',
        [(i, "x") for i in range(1, 31)],
    )
    # 28 of the 30 values are tickets: above reference_rows.MIN_INCLUSION (90 %).
    comments = (
        'CREATE TABLE comments ("CMT-Comment ID" INTEGER PRIMARY KEY, "CMT-Ticket ID" INTEGER)',
        [(i, i if i <= 28 else 100 + i) for i in range(1, 31)],
    )
    column = profile(make_sqlite({"tickets": tickets, "comments": comments}))["comments"]["CMT-Ticket ID"]
    assert column.foreign_key == "tickets.TKT-Ticket ID"
    issue = column.issue("orphan_reference")
    assert issue is not None and issue.count == 2
    assert set(issue.examples) == {"129", "130"}


def test_bad_input_is_profiled_without_crashing(make_sqlite: SqliteFactory) -> None:
    hostile = 'we"ird; DROP TABLE x; --'
    path = make_sqlite(
        {
            "empty": ('CREATE TABLE empty (id INTEGER, at TIMESTAMP, "note" TEXT)', []),
            "all_null": ('CREATE TABLE all_null (id INTEGER, "nothing" DATE)', [(1, None), (2, None)]),
            "wide": (
                "CREATE TABLE wide (body TEXT, at TIMESTAMP)",
                [("x" * 10_000, "9" * 10_000), ("ok", None)],
            ),
            hostile: (
                f'CREATE TABLE "{hostile.replace(chr(34), chr(34) * 2)}" ("a""b; c" TEXT)',
                [("1",), ("2",)],
            ),
        }
    )
    result = profile(path)
    empty = result["empty"]
    assert empty.row_count == 0
    assert empty["at"].inferred_type == "timestamp" and empty["at"].confidence == 1.0
    nothing = result["all_null"]["nothing"]
    assert (nothing.null_count, nothing.inferred_type, nothing.issues) == (2, "date", [])
    wide = result["wide"]
    assert wide["body"].inferred_type == "text"
    # SQLite's NUMERIC affinity stores ten thousand 9s as the REAL Inf: a double (PostgreSQL's
    # Infinity), not a timestamp, and said so.
    assert wide["at"].inferred_type == "double"
    assert wide["at"].issue_count("type_mismatch") == 1
    assert result[hostile]['a"b; c'].inferred_type == "integer"


def test_non_utf8_bytes_are_read_as_latin1(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "latin1.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (name TEXT, at TIMESTAMP)")
    # 'Café' written by a Windows-1252 tool into a UTF-8 export: the byte 0xE9 alone is not UTF-8.
    con.execute("INSERT INTO t VALUES (CAST(x'436166e9' AS TEXT), '2025-01-01 10:00:00')")
    con.commit()
    con.close()
    result = profile(path)["t"]
    assert result["name"].min == "Café"
    assert result["at"].inferred_type == "timestamp"


def test_sample_is_a_repeatable_reservoir(small_fixture: Path) -> None:
    first = profile(small_fixture, sample=100)
    again = profile(small_fixture, sample=100)
    assert [t.sampled_rows for t in first.tables.values()] == [100, 100, 100]
    assert first.to_dict()["tables"] == again.to_dict()["tables"]
    tiny = profile(small_fixture, sample=5)
    assert all(t.sampled_rows == 5 for t in tiny.tables.values())


def test_profile_api_for_notebooks(small_fixture: Path) -> None:
    result = profile(small_fixture, tables=["tickets"])
    frame = result.to_polars()
    assert frame.height == len(result["tickets"].columns) == 12
    assert set(ISSUE_KINDS) <= set(frame.columns)
    created = result["tickets"]["TKT-Created Time"]
    assert frame.filter(frame["column"] == "TKT-Created Time")["non_iso_date"][0] == created.issue_count(
        "non_iso_date"
    )
    data = result.to_dict()
    assert data["version"] == 1
    assert data["tables"][0]["columns"][0]["name"] == "TKT-Ticket ID"
    assert "<table" in result._repr_html_()


def test_unknown_table_is_a_one_line_error(small_fixture: Path) -> None:
    from columnar_etl.errors import UsageError  # the operator's name: a usage error (exit 64), h92

    with pytest.raises(UsageError, match="no such table in the source") as info:
        profile(small_fixture, tables=["tikets"])
    assert "did you mean 'tickets'" in str(info.value)


VALUES = st.one_of(
    st.none(),
    st.sampled_from(["", "  ", "N/A", "NULL", "-", "TBD", "Yes", "no", "3,5", "2h", "1e3", "31/02/2025"]),
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2040, 1, 1)).map(
        lambda d: d.strftime("%Y-%m-%d %H:%M:%S")
    ),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 1, 1)).map(
        lambda d: d.strftime("%d/%m/%Y")
    ),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False).map(str),
    st.text(max_size=12),
    st.text(max_size=6).map(lambda s: f" {s} "),
)


@settings(
    max_examples=examples(15, 120), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(VALUES, min_size=1, max_size=40))
def test_counts_partition_the_rows(tmp_path: Path, values: list[str | None]) -> None:
    import sqlite3

    path = tmp_path / f"h{abs(hash(tuple(values)))}.db"
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.execute('CREATE TABLE t ("mixed" TEXT, "declared" TIMESTAMP)')
    con.executemany("INSERT INTO t VALUES (?, ?)", [(v, v) for v in values])
    con.commit()
    con.close()
    result = profile(path)["t"]
    for column in result:
        parts = (
            column.null_count
            + column.empty_string_count
            + column.null_like_count
            + column.valid_count
            + column.invalid_count
        )
        assert parts == column.row_count == len(values)
        assert column.null_count == sum(v is None for v in values)
        # Whitespace is Unicode's (White_Space: str.isspace but the information separators); NUL
        # bytes are removed before (docs/profiling.md: text empty once they are is empty, as the
        # cleaner reads it).
        assert column.empty_string_count == sum(
            v is not None and v.replace("\0", "").strip(WHITE_SPACE) == "" for v in values
        )
        assert 0.0 <= column.confidence <= 1.0
        assert 0.0 <= column.quality <= 100.0


def test_personal_data_is_flagged(make_sqlite: SqliteFactory) -> None:
    rows = [
        ("ana.lopez@example.com", "+44 20 7946 0958", "Grace Chen", "Printer jam"),
        ("j.smith@corp.co.uk", "(555) 123-4567", "Inès Moreau", "VPN drops"),
        ("not an email", "12 abc", "Mary-Ann O'Neil", "Escalated to level two"),
    ]
    ddl = 'CREATE TABLE t ("Email" TEXT, "Phone" TEXT, "Agent" TEXT, "Subject" TEXT)'
    result = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    assert result["Email"].personal_data == {"email": 2}
    assert result["Email"].personal_data_kind == "email"
    assert result["Phone"].personal_data == {"phone": 2}
    assert result["Agent"].personal_data == {"person_name": 3}
    assert result["Subject"].personal_data == {} and result["Subject"].personal_data_kind is None
    assert result.to_dict()["columns"][0]["personal_data_kind"] == "email"


def _without_timings(result: Profile) -> dict[str, Any]:
    data = result.to_dict()
    data.pop("seconds", None)
    return data


@pytest.mark.parametrize("case", [(11, "prod"), (13, "heavy"), (16, "corrupt")], ids=str)
def test_split_scans_give_the_same_profile(
    generated: dict[tuple[int, str], tuple[Path, Truth]],
    case: tuple[int, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Big tables are read as rowid ranges on several threads: every figure stays exactly the same."""
    path, _ = generated[case]
    whole = profile(path)
    monkeypatch.setattr(profile_module, "_parts", lambda table, cores: 3)
    split = profile(path)
    assert _without_timings(split) == _without_timings(whole)


def test_memory_limit_spills_without_changing_a_figure(
    generated: dict[tuple[int, str], tuple[Path, Truth]],
) -> None:
    path, _ = generated[(13, "heavy")]
    tight = profile(path, settings=load_settings(profile_memory_limit="32MB"))
    assert _without_timings(tight) == _without_timings(profile(path))


def test_too_little_memory_is_a_one_line_error(small_fixture: Path) -> None:
    with pytest.raises(SourceError) as caught:
        profile(small_fixture, settings=load_settings(profile_memory_limit="1MB"))
    message = caught.value.one_line()
    assert "out of memory" in message and "profile_memory_limit" in message and "\n" not in message


def test_a_value_no_boolean_spelling_reads_costs_quality_as_cleaning_quarantines_it(
    make_sqlite: SqliteFactory,
) -> None:
    # Found by the lossless property test: one REAL and one "Yes" made a boolean column whose 415.0 the
    # cleaner quarantines, while the profile scored it 100 (a note only), so the load was refused for
    # getting worse. Before and after must agree: the profile counts what cleaning will quarantine.
    # (Declared BOOLEAN: undeclared, a column with a value no spelling reads is no longer boolean.)
    path = make_sqlite(
        {"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, c BOOLEAN)", [(1, 415.5), (2, "Yes")])}
    )
    column = profile(path).tables["t"].columns["c"]
    assert column.inferred_type == "boolean"
    assert column.issue_count("invalid_boolean") == 1
    result = clean(path)
    assert result["t"].columns["c"].quarantined == 1
    assert result.quality_after == round(profile(path).quality, 2)


def _run_out_of_memory(path: Path, table: str) -> None:
    """Raise what profiling raises when DuckDB runs out of its memory limit (the cause included)."""
    try:
        raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block")
    except duckdb.OutOfMemoryException as exc:
        raise SourceError("profiling ran out of memory", path=path, table=table) from exc


def _without_seconds(profiled: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in profiled.items() if k != "seconds"}


def test_running_out_of_memory_while_typing_the_columns_is_a_source_error(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under a tight limit even the typed cursor's setting (native_candidates) can be the allocation that
    # fails, raised as DuckDB raises it: the profile then retries the table alone, as for any query
    # (typed again: its columns are all INTEGER, see profile_table's ``whole``).
    path = make_sqlite(
        {
            "big": ("CREATE TABLE big (id INTEGER PRIMARY KEY, n INTEGER)", [(i, i % 7) for i in range(50)]),
            "small": ("CREATE TABLE small (id INTEGER PRIMARY KEY, v TEXT)", [(1, "x"), (2, "y")]),
        }
    )
    # Tables this small are counted in one batched text query, without a typed scan: not here.
    monkeypatch.setattr(profile_module, "BATCH_WORK", 0)
    expected = _without_seconds(profile(path).to_dict())
    real, calls = profile_module.native_candidates, []

    def short_of_memory(src: Any, table: str) -> Any:
        calls.append(table)
        if calls == ["big"] or calls == ["small", "big"]:  # big's first typing, whichever runs first
            raise duckdb.OutOfMemoryException("Out of Memory Error: failed to allocate data of size 2.0 KiB")
        return real(src, table)

    monkeypatch.setattr(profile_module, "native_candidates", short_of_memory)
    assert _without_seconds(profile(path).to_dict()) == expected
    assert calls.count("big") == 2


def test_a_table_short_of_memory_beside_others_is_profiled_again_alone(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Side by side the tables share profile_memory_limit; at 40x the wide export's comments ran out of
    # it while timesheets was profiled. The failure is DuckDB's own, raised as it raises it.
    path = make_sqlite(
        {
            "big": (
                "CREATE TABLE big (id INTEGER PRIMARY KEY, body TEXT)",
                [(i, f"b{i}") for i in range(50)],
            ),
            "small": ("CREATE TABLE small (id INTEGER PRIMARY KEY, v TEXT)", [(1, "x"), (2, "y")]),
        }
    )
    monkeypatch.setattr(profile_module, "BATCH_WORK", 0)  # side by side, each on its own (see below)
    expected = profile(path).to_dict()
    real, calls = profile_module.profile_table, []

    def short_of_memory_once(src: Any, table: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(table)
        if table == "big" and calls.count("big") == 1:
            src.connection.cursor().execute("SELECT 1").fetchone()
            _run_out_of_memory(path, table)
        return real(src, table, *args, **kwargs)

    monkeypatch.setattr(profile_module, "profile_table", short_of_memory_once)
    again = profile(path).to_dict()
    assert calls.count("big") == 2 and calls.count("small") == 1
    assert _without_seconds(again) == _without_seconds(expected)
    # Any other failure is not retried.
    monkeypatch.setattr(
        profile_module,
        "profile_table",
        lambda src, table, *a, **k: (_ for _ in ()).throw(SourceError("broken", path=path, table=table)),
    )
    with pytest.raises(SourceError, match="broken"):
        profile(path)


def test_a_table_alone_short_of_memory_is_profiled_again_with_one_thread(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Alone, with every core, a table can still run out of profile_memory_limit (at 40x the wide
    # export's timesheets did, now and then): it is profiled once more with one thread, whose
    # aggregates hold one hash table instead of one per thread; the profile is the same.
    cores = os.cpu_count() or 1
    if cores == 1:
        pytest.skip("one core: the first attempt already had one thread")
    limit = profile_module.memory_bytes(load_settings().profile_memory_limit)
    monkeypatch.setattr(profile_module, "ALONE_BYTES_PER_CELL", limit // 100)
    monkeypatch.setattr(profile_module, "BATCH_WORK", 0)  # a and b each on its own, to be watched
    path = make_sqlite(
        {
            "big": (
                "CREATE TABLE big (id INTEGER PRIMARY KEY, v TEXT)",
                [(i, f"v{i % 97}") for i in range(60)],
            ),
            "a": ("CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT)", [(1, "x"), (2, "y")]),
        }
    )
    expected = profile(path).to_dict()
    real, attempts = profile_module.profile_table, []

    def short_of_memory_once(src: Any, table: str, *args: Any, **kwargs: Any) -> Any:
        if table == "big":
            threads = src.connection.cursor().execute("SELECT current_setting('threads')").fetchone()[0]
            attempts.append(int(threads))
            if len(attempts) == 1:
                # What the failed attempt leaves: a table of counted cells, dropped before the retry.
                src.connection.execute(f"CREATE TABLE {KEPT_PREFIX}0_cells0 AS SELECT 1 AS x")
                _run_out_of_memory(path, table)
        return real(src, table, *args, **kwargs)

    monkeypatch.setattr(profile_module, "profile_table", short_of_memory_once)
    again = profile(path).to_dict()
    assert attempts == [cores, 1]
    assert _without_seconds(again) == _without_seconds(expected)


def test_a_table_too_big_to_share_the_memory_limit_is_profiled_alone_first(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The default limit allows memory_bytes(limit) / ALONE_BYTES_PER_CELL cells beside others: made
    # 100 here, so a table of 60 rows x 2 columns is too big to share it.
    limit = profile_module.memory_bytes(load_settings().profile_memory_limit)
    monkeypatch.setattr(profile_module, "ALONE_BYTES_PER_CELL", limit // 100)
    monkeypatch.setattr(profile_module, "BATCH_WORK", 0)  # a and b each on its own, to be watched
    rows = 60
    path = make_sqlite(
        {
            "big": (
                "CREATE TABLE big (id INTEGER PRIMARY KEY, v TEXT)",
                [(i, f"v{i % 97}") for i in range(rows)],
            ),
            "a": ("CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT)", [(1, "x"), (2, "y")]),
            "b": ("CREATE TABLE b (id INTEGER PRIMARY KEY, v TEXT)", [(1, "x")]),
        }
    )
    real, events = profile_module.profile_table, []
    typed: dict[str, tuple[bool, bool]] = {}

    def watched(src: Any, table: str, *args: Any, **kwargs: Any) -> Any:
        threads = int(src.connection.cursor().execute("SELECT current_setting('threads')").fetchone()[0])
        events.append(("start", table, threads))
        typed[table] = kwargs.get("typed", False), kwargs.get("whole", False)
        try:
            return real(src, table, *args, **kwargs)
        finally:
            events.append(("end", table, threads))

    monkeypatch.setattr(profile_module, "profile_table", watched)
    alone = profile(path).to_dict()
    cores = os.cpu_count() or 1
    assert events[:2] == [("start", "big", cores), ("end", "big", cores)]
    # Alone, typed only if the typed scan reads the whole table (big's TEXT column: all text, its memory
    # use is the known one; see test_profile_native); side by side, INTEGER columns typed.
    assert typed == {"big": (True, True), "a": (True, False), "b": (True, False)}
    assert {(table, threads) for kind, table, threads in events[2:]} == {
        ("a", max(1, cores // 2)),
        ("b", max(1, cores // 2)),
    }
    events.clear()
    monkeypatch.setattr(profile_module, "ALONE_BYTES_PER_CELL", 16)
    together = profile(path).to_dict()
    # Side by side: each of the three tables gets its share of the cores, big included.
    assert {(table, threads) for _, table, threads in events} == {
        (name, max(1, cores // 3)) for name in ("big", "a", "b")
    }
    assert {k: v for k, v in alone.items() if k != "seconds"} == {
        k: v for k, v in together.items() if k != "seconds"
    }


def test_memory_sizes_read_as_duckdb_reads_them() -> None:
    assert profile_module.memory_bytes("256MB") == 256_000_000
    assert profile_module.memory_bytes("1.5 GiB") == 1_610_612_736
    assert profile_module.memory_bytes("512KiB") == 524_288


def test_letters_that_spell_booleans_among_other_codes_stay_text(make_sqlite: SqliteFactory) -> None:
    # Undeclared columns went boolean on a majority of Y/N/T/F: F and N (genders) became false and
    # M was quarantined; NO (Norway) false and the other countries NULL. Only a column of nothing
    # but spellings is boolean unless declared so; a JSON or STRING column is text like a TEXT one.
    n = 24
    columns = {
        "gender": ["M", "F", "N", "F", "F", "N"] * 4,
        "country": ["NO", "SE", "NO", "DK", "NO", "FI"] * 4,
        "size": ["S", "M", "L", "XL", "Y", "N", "T", "F"] * 3,
        "answered": ["Y", "N", "y", "n", "Y", "Y"] * 4,
        "payload": [str(i) if i % 2 else f'{{"id": {i}}}' for i in range(n)],
    }
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, gender, country, size STRING, answered, payload JSON)"
    rows = [(i, *(values[i] for values in columns.values())) for i in range(n)]
    profiled = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    assert {name: profiled[name].inferred_type for name in columns} == {
        "gender": "text",
        "country": "text",
        "size": "text",
        "answered": "boolean",
        "payload": "text",
    }


def test_a_column_of_one_boolean_spelling_is_text_unless_declared_boolean(make_sqlite: SqliteFactory) -> None:
    # Every value spelt false (or nearly: one in a thousand is no spelling) is no evidence of a
    # boolean: a Norwegian shop's customers (NO, one SE), a language (no), a maternity ward (F).
    n = 1001
    columns = {
        "country": ["NO"] * (n - 1) + ["SE"],
        "lang": ["no"] * (n - 1) + ["nb"],
        "sex": ["F"] * n,
        "active": ["yes"] * n,
        "flag": ["Y", "N"] * (n // 2) + ["Y"],
    }
    ddl = f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(columns)}, done BOOLEAN)"
    rows = [(i, *(values[i] for values in columns.values()), "yes") for i in range(n)]
    profiled = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    assert {name: profiled[name].inferred_type for name in [*columns, "done"]} == {
        "country": "text",
        "lang": "text",
        "sex": "text",
        "active": "text",
        "flag": "boolean",
        "done": "boolean",
    }


def test_a_column_whose_check_lists_a_value_no_boolean_spells_is_text(make_sqlite: SqliteFactory) -> None:
    # A personal-finance app's operation status (Skrooge: `t_status VARCHAR(1) CHECK (t_status IN
    # ('N', 'P', 'Y'))`, none, pointed, reconciled): N and Y spell booleans, so a book with no pointed
    # operation was boolean, and the first `P` (one in 1,500) was quarantined, a value the app's own
    # schema allows. The values a CHECK lists are the column's values: one that is no spelling (`P`)
    # makes it text, whatever the cells hold; a CHECK listing spellings alone changes nothing.
    n = 1500
    ddl = (
        "CREATE TABLE operation (id INTEGER PRIMARY KEY, "
        "t_status VARCHAR(1) NOT NULL DEFAULT 'N' CHECK (t_status IN ('N', 'P', 'Y')), "
        "t_template VARCHAR(1) NOT NULL DEFAULT 'N' CHECK (t_template IN ('Y', 'N')), "
        "pointed TEXT, \"state\" TEXT CHECK (\"state\" in ('y','n','it''s')), flag TEXT, "
        "CHECK (pointed IN ('N', 'P', 'Y')))"
    )
    rows = [
        (
            i,
            "Y" if i % 5 else "N",
            "N" if i % 3 else "Y",
            "P" if i == 700 else "YN"[i % 2],
            "yn"[i % 2],
            "YN"[i % 2],
        )
        for i in range(n)
    ]
    profiled = profile(make_sqlite({"operation": (ddl, rows)}))["operation"]
    assert {
        name: profiled[name].inferred_type for name in ("t_status", "t_template", "pointed", "state", "flag")
    } == {
        "t_status": "text",
        "t_template": "boolean",
        "pointed": "text",
        "state": "text",
        "flag": "boolean",
    }


def test_a_column_whose_declared_default_is_a_value_no_boolean_spells_is_text(
    make_sqlite: SqliteFactory,
) -> None:
    # An e-commerce server's three-state flag (Vendure's product variant `trackInventory varchar NOT
    # NULL DEFAULT ('INHERIT')`, TRUE, FALSE or INHERIT the channel's setting, as TypeORM writes a
    # simple-enum on SQLite): variants imported with an explicit TRUE/FALSE were booleans, each cell
    # audited, and the next variant created with the column's own default was quarantined. A literal
    # default is a value the application writes: one no boolean spells makes the column text, as a
    # CHECK list's does; a default that spells one (N, FALSE, 0, 1), none, an expression, a blank or a
    # null token changes nothing.
    n = 200
    ddl = (
        "CREATE TABLE variant (id INTEGER PRIMARY KEY, "
        "\"trackInventory\" varchar NOT NULL DEFAULT ('INHERIT'), "
        "shared TEXT DEFAULT 'it''s', "
        "tri boolean NOT NULL DEFAULT (2), "
        "enabled boolean NOT NULL DEFAULT (1), "
        "visible TEXT NOT NULL DEFAULT 'FALSE', "
        "dirty boolean DEFAULT (0.0), "
        "locked TEXT DEFAULT '', "
        "hidden TEXT DEFAULT 'N/A', "
        "at TEXT DEFAULT (datetime('now')), "
        "plain TEXT)"
    )
    rows = [
        (
            i,
            "TF"[i % 2] + ("RUE" if i % 2 == 0 else "ALSE"),
            "yn"[i % 2],
            i % 2,
            i % 3 % 2,
            "YN"[i % 2],
            i % 2,
        )
        + ("yn"[i % 2],) * 4
        for i in range(n)
    ]
    profiled = profile(make_sqlite({"variant": (ddl, rows)}))["variant"]
    names = (
        "trackInventory",
        "shared",
        "tri",
        "enabled",
        "visible",
        "dirty",
        "locked",
        "hidden",
        "at",
        "plain",
    )
    assert {name: profiled[name].inferred_type for name in names} == {
        "trackInventory": "text",
        "shared": "text",
        "tri": "integer",
        "enabled": "boolean",
        "visible": "boolean",
        "dirty": "boolean",
        "locked": "boolean",
        "hidden": "boolean",
        "at": "boolean",
        "plain": "boolean",
    }


def test_a_point_before_three_digits_is_read_only_where_a_value_proves_it_a_decimal_mark(
    make_sqlite: SqliteFactory,
) -> None:
    # German stock quantities: 1.200 is 1200 there; it was loaded as 1.2 with nothing audited (its
    # text reads as that number). Only a value no thousands group can be proves the point decimal, or,
    # in a column of such numbers alone (fuel prices), a column of the export (weight, price) that
    # writes a point decimal as TEXT (test_export_decimal_points.py; until 2026-12-05 fuel was text).
    columns: dict[str, tuple[list[str], str]] = {
        "menge": (["1.200", "850", "15.000", "999"], "text"),  # 850 and 999 ungrouped: nothing proven
        "fuel": (["1.799", "1.859", "2.049", "1.899"], "numeric"),
        "weight": (["12.500", "0.750", "3.250", "1.000"], "numeric"),  # 0.750: a leading zero
        "price": (["1.200", "2.5", "7", "12"], "numeric"),  # 2.5: one fraction digit
        "stock": (["1.200", "1500", "7", "12"], "numeric"),  # 1500 ungrouped: no point groups here
        "exp": (["1.200", "1.5e3", "7", "12"], "double"),
    }
    ddl = f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(f'{name} TEXT' for name in columns)})"
    rows = [(i, *(values[i] for values, _ in columns.values())) for i in range(4)]
    profiled = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    assert {name: profiled[name].inferred_type for name in columns} == {
        name: expected for name, (_, expected) in columns.items()
    }
    assert "1.200 may be 1.2 or (a point grouping thousands) 1200" in profiled["menge"].type_reason


def test_slash_dates_that_prove_no_order_are_read_as_the_exports_other_columns_prove(
    make_sqlite: SqliteFactory,
) -> None:
    # A US billing export: order dates prove month-first (5/20); period starts are always the 1st and
    # were read day-first by default, every month swapped.
    orders = [(1, "5/20/2025", "5/1/2025"), (2, "6/13/2025", "6/1/2025"), (3, "12/25/2025", "12/1/2025")]
    shipments = [(1, "06/03/2025"), (2, "01/05/2026")]
    path = make_sqlite(
        {
            "orders": (
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, order_date TEXT, period_start TEXT)",
                orders,
            ),
            "shipments": ("CREATE TABLE shipments (id INTEGER PRIMARY KEY, ship_date DATE)", shipments),
        }
    )
    profiled = profile(path)
    start, ship = profiled["orders"]["period_start"], profiled["shipments"]["ship_date"]
    assert profiled["orders"]["order_date"].date_order == "month_first"
    assert (start.date_order, ship.date_order) == ("ambiguous", "ambiguous")
    assert (start.export_date_order, ship.export_date_order) == ("month_first", "month_first")
    assert (start.min, start.max) == (dt.date(2025, 5, 1), dt.date(2025, 12, 1))
    assert (ship.min, ship.max) == (dt.date(2025, 6, 3), dt.date(2026, 1, 5))
    assert "orders.order_date" in (start.issue("ambiguous_date_order").detail or "")  # type: ignore[union-attr]
    cleaned = clean(path)
    assert cleaned.data is not None
    assert cleaned.data["orders"].column("period_start").to_pylist() == [
        dt.date(2025, 5, 1),
        dt.date(2025, 6, 1),
        dt.date(2025, 12, 1),
    ]
    # Proof both ways in the export decides nothing: the default (day-first) reads the others.
    both = make_sqlite(
        {
            "t": (
                "CREATE TABLE t (id INTEGER PRIMARY KEY, us TEXT, eu TEXT, open TEXT)",
                [(1, "5/20/2025", "20/5/2025", "6/3/2025"), (2, "1/2/2025", "1/2/2025", "7/4/2025")],
            )
        },
        name="both.db",
    )
    column = profile(both)["t"]["open"]
    assert (column.date_order, column.export_date_order, column.min) == (
        "ambiguous",
        None,
        dt.date(2025, 3, 6),
    )


def test_a_column_with_no_declared_type_is_narrowed_only_as_a_text_column_is(
    make_sqlite: SqliteFactory,
) -> None:
    # No declared type claims nothing, as TEXT does not: three words among seven integers were
    # quarantined as invalid numbers. Declared INTEGER, the words are the dirt the gate judges.
    values = ["1", "2", "3", "abc", "4", "5", "def", "6", "7", "ghi"]
    rows = [(i, v, v, str(i)) for i, v in enumerate(values)]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, loose, typed INTEGER, clean)"
    profiled = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    loose, typed, clean_ = profiled["loose"], profiled["typed"], profiled["clean"]
    assert (loose.inferred_type, loose.invalid_count) == ("text", 0)
    assert "3 of 10 values are not integer and the column is declared with no type" in loose.type_reason
    assert (typed.inferred_type, typed.invalid_count) == ("integer", 3)
    assert (clean_.inferred_type, clean_.invalid_count) == ("integer", 0)


def test_codes_with_digits_among_numbers_keep_a_text_column_text(make_sqlite: SqliteFactory) -> None:
    # One 107A among 999 numbers is under the 0.1 % a TEXT column may lose, but it is a SKU, not dirt:
    # it was quarantined. A placeholder with no digit (?) is still the dirt the allowance is for.
    n = 1000
    columns = {
        "sku": ([str(100 + i) for i in range(n - 1)] + ["107A"], "TEXT", "text"),
        "house": ([str(1 + i % 50) for i in range(n - 1)] + ["12-3"], "VARCHAR(10)", "text"),
        "qty": ([str(100 + i) for i in range(n - 1)] + ["?"], "TEXT", "integer"),
        "wide": ([str(100 + i) for i in range(n - 1)] + ["１２"], "TEXT", "text"),  # full-width digits
        "declared": ([str(100 + i) for i in range(n - 1)] + ["107A"], "INTEGER", "integer"),
    }
    declared = ", ".join(f"{name} {kind}" for name, (_, kind, _) in columns.items())
    ddl = f"CREATE TABLE t (id INTEGER PRIMARY KEY, {declared})"
    rows = [(i, *(values[i] for values, _, _ in columns.values())) for i in range(n)]
    profiled = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    assert {name: profiled[name].inferred_type for name in columns} == {
        name: expected for name, (_, _, expected) in columns.items()
    }
    assert profiled["house"].type_reason == "1 value (12-3) mixes digits with other characters: codes"


def test_small_tables_are_profiled_in_one_query_with_the_same_figures(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Planning the profile query is most of a small table's profile (~30 ms of its ~40): small tables'
    # text queries run as one. Their figures are those each gets on its own.
    tables = {
        f"t{n}": (
            f"CREATE TABLE t{n} (id INTEGER PRIMARY KEY, code TEXT, day TEXT, amount TEXT, n INTEGER, r INT)",
            [
                (i, ["DE", "NA", "FR"][i % 3], f"{1 + i % 28}/0{1 + n % 9}/2025", f"{i}.{n}5", i * n, i % 5)
                for i in range(3 + 7 * n)
            ],
        )
        for n in range(6)
    }
    tables["t9"] = ("CREATE TABLE t9 (id INTEGER PRIMARY KEY, note TEXT)", [(1, " padded "), (2, "N/A")])
    path = make_sqlite(tables)
    real, batches = profile_module._profile_batch, []

    def counted(src: Any, settings: Any, asked: dict[str, Any]) -> Any:
        batches.append(sorted(asked))
        return real(src, settings, asked)

    monkeypatch.setattr(profile_module, "_profile_batch", counted)
    batched = _without_seconds(profile(path).to_dict())
    assert batches == [sorted(tables)]
    monkeypatch.setattr(profile_module, "BATCH_WORK", 0)
    assert _without_seconds(profile(path).to_dict()) == batched
    assert len(batches) == 1


def test_the_batched_query_reads_the_tables_cells_copied_into_one_table(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Over the union of the tables' cells, each table's branch set up the query's expressions anew
    # (200 small tables: 1.8 s of 2.1); the batched query reads them copied into one table, dropped
    # after. Its figures are each table's own query's, on cells of every shape it tells apart.
    shapes = [" padded ", "a\x00b", "\u22125", "-5", "+5", "1,5", "12/05/2025", "2025-05-12", "N/A", "", "7"]
    tables = {
        f"t{n}": (
            f"CREATE TABLE t{n} (id INTEGER PRIMARY KEY, v TEXT, w)",
            [(i, shapes[(i + n) % len(shapes)], shapes[(i * n) % len(shapes)]) for i in range(5 + 3 * n)],
        )
        for n in range(8)
    }
    path = make_sqlite(tables)
    queries: list[str] = []
    real_batch, real_fetch = profile_module._profile_batch, profile_module._fetch_rows

    def held(src: Any) -> int:
        name = f"{KEPT_PREFIX}batch_cells"
        sql = "SELECT count(*) FROM duckdb_tables() WHERE table_name = $1"
        return int(src.connection.execute(sql, [name]).fetchone()[0])

    def fetched(src: Any, sql: str) -> Any:
        queries.append(sql)
        assert held(src) == 1
        return real_fetch(src, sql)

    def batch(src: Any, settings: Any, asked: dict[str, Any]) -> Any:
        found = real_batch(src, settings, asked)
        assert held(src) == 0
        return found

    monkeypatch.setattr(profile_module, "_fetch_rows", fetched)
    monkeypatch.setattr(profile_module, "_profile_batch", batch)
    batched = _without_seconds(profile(path).to_dict())
    assert len(queries) == 1
    assert profile_module.BATCH_CELLS in queries[0] and "UNION ALL SELECT idx +" not in queries[0]
    monkeypatch.setattr(profile_module, "BATCH_WORK", 0)
    monkeypatch.setattr(profile_module, "_fetch_rows", real_fetch)
    assert _without_seconds(profile(path).to_dict()) == batched
    # The shapes are there: SQLite's own count of the NUL bytes and of the blanks and tokens.
    nuls = 0
    for table in batched["tables"]:
        (nul,) = _sqlite_row(path, f"SELECT count(*) FROM {table['name']} WHERE instr(v, char(0)) > 0")
        (missing,) = _sqlite_row(path, f"SELECT count(*) FROM {table['name']} WHERE v IN ('', 'N/A')")
        (column,) = [column for column in table["columns"] if column["name"] == "v"]
        assert column["nul_byte_count"] == nul
        assert column["empty_string_count"] + column["null_like_count"] == missing
        nuls += nul
    assert nuls > 0


def _sqlite_row(path: Path, sql: str) -> tuple[Any, ...]:
    con = sqlite3.connect(path)
    try:
        return tuple(con.execute(sql).fetchone())
    finally:
        con.close()


def test_a_batch_short_of_memory_is_profiled_again_table_by_table(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [(i, f"v{i % 7}") for i in range(20)]
    path = make_sqlite(
        {name: (f"CREATE TABLE {name} (id INTEGER PRIMARY KEY, v TEXT)", rows) for name in "abc"}
    )
    expected = _without_seconds(profile(path).to_dict())

    def short_of_memory(*args: Any) -> Any:
        raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block")

    monkeypatch.setattr(profile_module, "_profile_batch", short_of_memory)
    assert _without_seconds(profile(path).to_dict()) == expected


def _grouped_export(make_sqlite: SqliteFactory) -> Path:
    """Two tables of several TEXT columns each (codes, dates, decimals with commas, null tokens, free
    text) and a text reference between them: what the column groups of :func:`_text_groups` split."""
    customers = [
        (f"C{i:05d}", f"name {i}", ["DE", "FR", "NA"][i % 3], f"{1 + i % 28}/05/2025") for i in range(300)
    ]
    orders = [
        (
            i,
            f"{i % 1000},{i % 100:02d}",
            f"C{(i * 7) % 300:05d}" if i % 50 else "C99999",  # one orphan in fifty
            ["", "N/A", f"note {i}", " padded "][i % 4],
            f"2025-0{1 + i % 9}-1{i % 10} 08:{i % 60:02d}",
            str(i % 13),
        )
        for i in range(900)
    ]
    return make_sqlite(
        {
            "customers": (
                "CREATE TABLE customers (code TEXT PRIMARY KEY, name TEXT, country TEXT, since TEXT)",
                customers,
            ),
            "orders": (
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, amount TEXT, customer TEXT, note TEXT, "
                "placed TEXT, qty TEXT)",
                orders,
            ),
            "regions": (
                "CREATE TABLE regions (id INTEGER PRIMARY KEY, name TEXT)",
                [(i, f"region {i}") for i in range(5)],
            ),
        }
    )


def test_text_columns_read_as_groups_have_the_figures_of_one_query(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One big table beside small ones (batched), each query on one thread: a core would idle while
    # the big one is read, so its text columns are read as groups on threads of their own. Every
    # figure, the references found through the kept values too, is the one a single query gives.
    path = _grouped_export(make_sqlite)
    monkeypatch.setattr(profile_module, "BATCH_WORK", 2000)  # customers and regions batched, orders not
    monkeypatch.setattr(profile_module.os, "cpu_count", lambda: 2)
    real, grouped = profile_module._text_groups, []

    def counted(src: Any, table: str, groups: list[list[str]], *args: Any, **kwargs: Any) -> Any:
        assert len(groups) == profile_module.TEXT_GROUPS and kwargs.get("side_by_side", True)
        grouped.append((table, sorted(name for group in groups for name in group)))
        return real(src, table, groups, *args, **kwargs)

    monkeypatch.setattr(profile_module, "_text_groups", counted)
    in_groups = _without_seconds(profile(path).to_dict())
    assert grouped == [("orders", ["amount", "customer", "note", "placed", "qty"])]
    monkeypatch.setattr(profile_module, "TEXT_GROUPS", 1)
    assert _without_seconds(profile(path).to_dict()) == in_groups
    assert len(grouped) == 1
    # As many big tables as cores keep both busy: no groups (their extra reads would cost CPU).
    monkeypatch.setattr(profile_module, "TEXT_GROUPS", 2)
    monkeypatch.setattr(profile_module, "BATCH_WORK", 1000)
    assert _without_seconds(profile(path).to_dict()) == in_groups
    assert len(grouped) == 1
    found = profile(path)
    assert found["orders"]["customer"].foreign_key == "customers.code"


def test_a_text_group_short_of_memory_profiles_its_table_again_alone(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _grouped_export(make_sqlite)
    monkeypatch.setattr(profile_module, "BATCH_WORK", 2000)
    monkeypatch.setattr(profile_module.os, "cpu_count", lambda: 2)
    expected = _without_seconds(profile(path).to_dict())
    real, failed = profile_module._text_rows, []

    def short_of_memory(src: Any, table: str, columns: list[str], *args: Any) -> Any:
        # One group of the orders' text columns, once: the table is then profiled again alone.
        if table == "orders" and "amount" not in columns and not failed:
            failed.append(columns)
            raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block")
        return real(src, table, columns, *args)

    monkeypatch.setattr(profile_module, "_text_rows", short_of_memory)
    assert _without_seconds(profile(path).to_dict()) == expected
    assert failed == [["customer", "placed"]]


def test_geometry_columns_are_bytes_not_integers_that_mismatch(make_sqlite: SqliteFactory) -> None:
    # GeoPackage declares its geometry columns POINT, POLYGON...: POINT holds SQLite's INT, which claimed
    # integers, and every geometry column was reported as a type mismatch (its cells are BLOBs).
    blobs = [bytes([0x47, 0x50, 0, 1, i]) for i in range(6)]
    ddl = "CREATE TABLE places (fid INTEGER PRIMARY KEY, geom POINT, area MULTIPOLYGON, n INT)"
    rows = [(i, blob, blob + b"\x02", i) for i, blob in enumerate(blobs)]
    profiled = profile(make_sqlite({"places": (ddl, rows)}))["places"]
    for name in ("geom", "area"):
        column = profiled[name]
        assert (column.inferred_type, column.issue("type_mismatch")) == ("bytea", None), name
    assert profiled["n"].inferred_type == "integer"


def test_notes_on_declared_types_say_what_is_true(make_sqlite: SqliteFactory) -> None:
    # BioSQL (biopython's cor6_6.db) declares `identifier VARCHAR(40)` and holds GI numbers: the note said
    # PostgreSQL "would not accept" the size, which it does (varchar(40), numeric(10,2)); Anki's
    # `config BLOB` was said to have "no PostgreSQL equivalent" (bytea is).
    rows = [(1, "3176602", b"\x08\x01", "1.50", 7), (2, "2104768", b"\x00", "2.25", 8)]
    ddl = (
        "CREATE TABLE bioentry (id INTEGER PRIMARY KEY, identifier VARCHAR(40), config BLOB, "
        "price NUMERIC(10,2), taxon_id INT(10))"
    )
    profiled = profile(make_sqlite({"bioentry": (ddl, rows)}))["bioentry"]
    assert profiled["identifier"].inferred_type == "integer"
    assert profiled["config"].inferred_type == "bytea"
    notes = {name: [n for n in profiled[name].notes if "declared type" in n] for name in profiled.columns}
    assert notes["config"] == []
    assert notes["identifier"] == [
        "declared type 'VARCHAR(40)': its size is not kept; the values decide the type"
    ]
    assert notes["price"] == [
        "declared type 'NUMERIC(10,2)': its size is not kept; the values decide the type"
    ]
    assert notes["taxon_id"] == ["declared type 'INT(10)': its size is not kept; the values decide the type"]
    assert not any(
        "would not accept" in n or "no PostgreSQL equivalent" in n for ns in notes.values() for n in ns
    )


def test_bare_month_names_email_zone_names_basic_fractions_and_zoned_ctime(
    make_sqlite: SqliteFactory,
) -> None:
    # Three valid values each, then one that is none (no 30 February; a weekday that is not the date's;
    # a zone name RFC 2822 does not give an offset: CET is ambiguous, read by nothing).
    columns = {
        "bare": ["January 1 2026", "december 31 2025", "March 5 2026", "February 30 2026"],
        "bare_at": ["January 1 2026 08:42", "Dec 31 2025 23:59:59", "May 5 2026 8:42 PM",
                    "Feb 30 2026 08:42"],
        "rfc_bare": ["20 May 2025 08:42:07 +0000", "5 May 2025 23:00:00 -0500", "01 Jan 2026 00:00:00 +0100",
                     "30 Feb 2025 08:42:07 +0000"],
        "rfc_named": ["Tue, 20 May 2025 08:42:07 EST", "20 May 2025 08:42:07 PDT", "1 Jan 2026 00:00:00 UT",
                      "Mon, 20 May 2025 08:42:07 UTC"],
        "basic": ["20250520T084200.123456Z", "20250505T084200.5+0200", "20260101T000000.000001Z",
                  "20250230T000000.1Z"],
        "basic_wall": ["20250520T084200.123", "20250505T084200.5", "20260101T000000.000001",
                       "20250520T240000.1"],
        "ctime_zone": ["Tue May 20 08:42:00 UTC 2025", "Mon May  5 08:42:00 EDT 2025",
                       "Thu Jan  1 00:00:00 GMT 2026", "Mon May 20 08:42:00 UTC 2025"],
        "cet": ["Tue, 20 May 2025 08:42:07 CET", "20 May 2025 08:42:07 CEST", "Tue May 20 08:42:00 CET 2025",
                "Tue May 20 08:42:00 MEZ 2025"],
    }  # fmt: skip
    ddl = "CREATE TABLE t (" + ", ".join(f"{name} DATETIME" for name in columns) + ")"
    profiled = profile(make_sqlite({"t": (ddl, list(zip(*columns.values(), strict=True)))}))["t"]
    expected = {
        "bare": ("date", {"%B %d %Y": 3}),
        "bare_at": ("timestamp", {"%B %d %Y %H:%M": 1, "%b %d %Y %H:%M:%S": 1, "%b %d %Y %I:%M %p": 1}),
        "rfc_bare": ("timestamptz", {"%d %b %Y %H:%M:%S %z": 3}),
        "rfc_named": ("timestamptz", {"%a, %d %b %Y %H:%M:%S %Z": 1, "%d %b %Y %H:%M:%S %Z": 2}),
        "basic": ("timestamptz", {"%Y%m%dT%H%M%S.%f%z": 3}),
        "basic_wall": ("timestamp", {"%Y%m%dT%H%M%S.%f": 3}),
        "ctime_zone": ("timestamptz", {"%a %b %d %H:%M:%S %Z %Y": 3}),
    }
    for name, (kind, formats) in expected.items():
        column = profiled[name]
        assert (column.inferred_type, column.date_formats, column.valid_count) == (kind, formats, 3), name
        assert column.issue_count("impossible_date") == 1, name
    # Instants: their bounds in UTC (EDT is -04:00, PDT -07:00, UT is UTC).
    assert (profiled["rfc_named"].min, profiled["rfc_named"].max) == (
        dt.datetime(2025, 5, 20, 13, 42, 7),
        dt.datetime(2026, 1, 1),
    )
    assert (profiled["ctime_zone"].min, profiled["ctime_zone"].max) == (
        dt.datetime(2025, 5, 5, 12, 42),
        dt.datetime(2026, 1, 1),
    )
    assert (profiled["basic"].min, profiled["basic"].max) == (
        dt.datetime(2025, 5, 5, 6, 42, 0, 500000),
        dt.datetime(2026, 1, 1, 0, 0, 0, 1),
    )
    assert profiled["rfc_bare"].min == dt.datetime(2025, 5, 6, 4, 0)
    assert profiled["cet"].inferred_type == "text"


def test_max_whole_digits_counts_each_spelling_of_a_number_as_python_s_decimal_does(
    make_sqlite: SqliteFactory,
) -> None:
    # The digits before the point of a column's widest number decide whether numeric(38) holds it;
    # the column's bounds are doubles (10^37 reads as 37 digits), so they are counted on the text.
    spellings = {
        "1.5e3": "1.5e3",
        "0.00015e5": "0.00015e5",
        ".5e3": ".5e3",
        "1e400": "1e400",
        "-1.5E-3": "-1.5E-3",
        "123456e-3": "123456e-3",
        "12E3": "12E3",
        "0001.5e34": "0001.5e34",
        "-0.0": "-0.0",
        "0.000": "0.000",
        "0e5": "0e5",
        "007.5": "007.5",
        "-" + "9" * 37 + ".25": "-" + "9" * 37 + ".25",
        "1,234,567.5": "1234567.5",
        "12,5": "12.5",
        "1" + "0" * 37: "1" + "0" * 37,
    }
    columns = {f"c{i}": text for i, text in enumerate(spellings)}
    ddl = f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(f'{c} TEXT' for c in columns)})"
    path = make_sqlite({"t": (ddl, [(1, *columns.values())])})
    found = profile(path)["t"]
    for name, text in columns.items():
        number = dec.Decimal(spellings[text])
        want = 0 if number == 0 else max(0, number.adjusted() + 1)
        assert found[name].max_whole_digits == want, text


def test_a_declared_number_column_kept_text_to_keep_every_cell_is_no_type_mismatch(tmp_path: Path) -> None:
    # Each column's values all read as its declared type, and each is text only so that every cell
    # arrives as written: it was a type_mismatch ("declared NUMERIC but the values are text"), and
    # four such columns of eight halted the profile (halt_type_mismatch_share). An "abc" beside them is
    # still one. Expected from sqlite3's own view: which cells are no number (typeof, a regex).
    path = tmp_path / "kept.db"
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, real_big NUMERIC, expo DOUBLE_BLOB, wide NUMERIC_BLOB, "
            "dirty NUMERIC_BLOB, ts TIMESTAMP, i INTEGER, x TEXT)"
        )
        rows = [
            (
                i,
                # A computed REAL cell beside integers beyond 2^53 (a written decimal, 1.5, makes
                # the column numeric, each cell exact: test_lossless's wide-range decimals).
                1 / 3 if i == 1 else 2**60 + i,
                "1e400" if i == 1 else f"{i}.5e3",  # no double holds it, among exponents
                "1" + "0" * 40 if i == 1 else str(i),
                "abc" if i == 2 else "1" + "0" * 40 if i == 1 else str(i),
                f"2025-05-20 08:42:00.{i:07d}",
                i,
                f"x{i}",
            )
            for i in range(1, 16)
        ]
        con.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    numbers = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
    not_numbers = {
        name: sum(
            1
            for kind, text in con.execute(f"SELECT typeof({name}), CAST({name} AS TEXT) FROM t")
            if kind == "text" and not numbers.fullmatch(text)
        )
        for name in ("real_big", "expo", "wide", "dirty")
    }
    con.close()
    assert not_numbers == {"real_big": 0, "expo": 0, "wide": 0, "dirty": 1}
    found = profile(path)
    for name in ("real_big", "expo", "wide", "dirty", "ts"):
        column = found["t"][name]
        assert column.inferred_type == "text", name
        mismatch = column.issue("type_mismatch")
        assert (mismatch.count if mismatch else 0) == not_numbers.get(name, 0), (name, mismatch)
        assert any("kept as text so that every cell arrives as written" in n for n in column.notes), name
    assert "1 of 15 values is not an integer" in (found["t"]["dirty"].issue("type_mismatch").detail or "")
    assert "widest integer has 41 digits" in " ".join(found["t"]["wide"].notes)
    # One column of eight (the dirty one) holds text its declared type does not: 12.5 % > 10 %.
    assert [r.rule for r in found.gate.reasons] == ["type_mismatch_share"]
    assert "1 of 8 columns" in found.gate.reasons[0].message


def test_a_text_columns_bounds_count_every_value_zoned_timestamps_with_fractions_too(
    make_sqlite: SqliteFactory,
) -> None:
    # A text column (words and one zoned timestamp with a fraction): its bounds are its least and
    # greatest text, as Python orders them. (Shape.BLOB shared that timestamp shape's code until
    # 2026-12-02, and the text bounds leave BLOB cells out: the timestamp was left out with them.)
    values = ["zebra", "apple", "mango", "kiwi", "2025-05-20T08:42:00.123Z", "pear"]
    path = make_sqlite({"t": ("CREATE TABLE t (v TEXT)", [(v,) for v in values])})
    column = profile(path).tables["t"]["v"]
    assert column.inferred_type == "text"
    assert (column.min, column.max) == (min(values), max(values))


def test_moments_with_and_without_an_offset_in_a_date_column_misfit_nothing(
    make_sqlite: SqliteFactory,
) -> None:
    """GDAL writes a GeoPackage ``DATETIME`` field's value with its offset when the feature had one
    (``2024-03-31T02:36:59.123+02:00``) and none when its zone was unknown (``2024-03-31T03:13:59.123``):
    every value a date/time, as declared, written two ways. The column is text (guessing the others'
    zone would change them), as documented, but no value misfits the declared type: until 2026-12-05
    each was a type_mismatch, "declared DATETIME but the values are text", and the column scored 80.
    A value of no date shape beside them leaves the column charged as before."""
    stamps = [
        f"2024-03-{1 + i % 28:02d}T{i % 24:02d}:36:59.123" + ("+02:00" if i % 4 == 1 else "")
        for i in range(40)
    ]
    path = make_sqlite(
        {
            "t": (
                "CREATE TABLE t (id INTEGER PRIMARY KEY, stamp DATETIME, junk DATETIME, plain TEXT)",
                [(i, s, "not a date" if i == 7 else s, s) for i, s in enumerate(stamps)],
            )
        }
    )
    table = profile(path)["t"]
    for name, dates in (("stamp", 40), ("junk", 39), ("plain", 40)):
        assert table[name].inferred_type == "text", name
        reason = f"10 of {dates} date/time values carry a UTC offset and the others do not"
        assert reason in table[name].type_reason, name
    assert table["stamp"].issue("type_mismatch") is None
    assert table["stamp"].quality == table["plain"].quality == 100.0
    # Not every value a moment: charged as before.
    assert table["junk"].issue("type_mismatch") is not None, table["junk"].issues


def test_padding_beside_a_nul_byte_is_counted_as_the_cleaner_trims_it(make_sqlite: SqliteFactory) -> None:
    # The cleaner removes a text column's NUL bytes, then trims: 'abc\n\0' loses its newline too, and
    # '\0 x' its blank. The profile counted padding beside the NULs only where a trim of the value as
    # written reached it ('gh\0 '), so a column of such values had no whitespace issue while every
    # one of them was trimmed and audited.
    values = [
        "abc\n\x00",
        "\x00 x",
        "gh\x00 ",
        "a\x00b",
        "plain",
        " lead\x00",
        "\x00\x00",
        "x\x00\x00\n",
        "ok",
    ]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", list(enumerate(values)))})
    bare = [value.replace("\x00", "") for value in values]
    padded = sum(1 for text in bare if text.strip(WHITE_SPACE) and text != text.strip(WHITE_SPACE))
    column = profile(path)["t"]["v"]
    assert column.inferred_type == "text"
    assert column.whitespace_padded_count == padded == 5
    cleaned = clean(path)
    assert cleaned.audit is not None
    trimmed = [row for row in cleaned.audit.to_pylist() if "trim" in row["rule"].split(",")]
    assert len(trimmed) == padded


def test_versions_written_with_a_point_stay_text_and_other_numbers_do_not(make_sqlite: SqliteFactory) -> None:
    """A CrowdSec agent's ``alerts.scenario_version`` (TEXT ``'0.1'``, ``'0.2'``) was numeric(18,2): each
    arrived as ``0.10``, and ``1.10`` would equal ``1.1``; so was Mnemosyne's ``fact_view_id`` ``'2.1'``.
    A column whose name ends in ``version``, ``revision`` or ``id``, of numbers with a point stored as
    TEXT, is text since 2026-12-05; whole versions are integers, a REAL version is the writer's number,
    and a price named otherwise is numeric."""
    rows = [
        (
            i,
            ("0.1", "0.2", "1.10", "1.9")[i % 4],
            ("2.5", "2.10")[i % 2],
            1 + i % 5,
            1.5 + i,
            ("0.1", "0.25")[i % 2],
            ("1.1", "2.1", "2.2")[i % 3],
        )
        for i in range(8)
    ]
    path = make_sqlite(
        {
            "alerts": (
                "CREATE TABLE alerts (id INTEGER PRIMARY KEY, scenario_version TEXT, appVersion TEXT, "
                "schema_version TEXT, revision REAL, price TEXT, fact_view_id TEXT)",
                rows,
            )
        }
    )
    table = profile(path)["alerts"]
    named = ("scenario_version", "appVersion", "schema_version", "fact_view_id")
    types = {name: table[name].inferred_type for name in named}
    assert types == {
        "scenario_version": "text",
        "appVersion": "text",
        "schema_version": "integer",
        "fact_view_id": "text",
    }
    assert table["revision"].inferred_type == "double"
    assert table["price"].inferred_type == "numeric"
    assert "1.10 follows 1.9" in table["scenario_version"].type_reason
    assert table["scenario_version"].quality == 100.0


def test_unix_seconds_with_a_counter_after_the_point_stay_text_and_fractions_of_seconds_do_not(
    make_sqlite: SqliteFactory,
) -> None:
    """A PBX's call ids (Asterisk's `uniqueid`, `linkedid`: Unix seconds, a point, a counter of the
    channels made, all TEXT in untyped columns) were numeric(18,2): `1717402500.1` arrived as
    `1717402500.10`, the id of that second's tenth channel. Seconds with a fraction are written at one
    scale or each in its shortest form; a fraction ending in a zero beside fewer fraction digits is a
    counter: text since 2026-12-06. Fractions of seconds (one scale, or shortest) and a decimal that is
    no Unix seconds (`0.9` beside `0.10`) are numbers as before."""
    start = 1717402500
    refs = [f"{start + 7 * i}.{(1, 4, 10, 13, 7, 20)[i % 6]}" for i in range(12)]
    rows = [
        (i, refs[i], f"{start + i}.{(i * 12_345) % 1_000_000:06d}", f"{start + i}.{(5, 25, 125)[i % 3]}",
         ("0.9", "0.10")[i % 2])
        for i in range(12)
    ]  # fmt: skip
    path = make_sqlite(
        {"calls": ("CREATE TABLE calls (AcctId INTEGER PRIMARY KEY, call_ref, stamp, seen, hotfix)", rows)}
    )
    table = profile(path)["calls"]
    assert table["call_ref"].inferred_type == "text"
    # The pair named: the longest fraction ending in a zero, the shortest fraction (ties: by text).
    padded = max((len(r.split(".")[1]), r) for r in refs if r.endswith("0"))[1]
    shortest = min((len(r.split(".")[1]), r) for r in refs)[1]
    assert (padded, shortest) == ("1717402577.20", "1717402500.1")
    assert f"'{padded}' ends in a zero where '{shortest}' has fewer digits" in table["call_ref"].type_reason
    assert not any("kept as numbers (" in note for note in table["call_ref"].notes)
    assert {name: table[name].inferred_type for name in ("stamp", "seen", "hotfix")} == {
        "stamp": "numeric",
        "seen": "numeric",
        "hotfix": "numeric",
    }


def test_an_empty_integer_named_as_a_moment_is_an_instant_where_its_tables_moments_all_are(
    make_sqlite: SqliteFactory,
) -> None:
    """A download manager's RSS table (SABnzbd's ``rss``) keeps each entry's ``created_at`` and
    ``downloaded_at`` as INTEGER Unix seconds, and ``archived_at`` NULL until the feed's downloaded
    entries are cleared: typed bigint by its declaration alone beside the table's instants, the next
    export's first archived entry changed its type (a drift warning). An integer column with no value
    yet, named as a moment, where every other column of its table so named holding integers reads them
    as epoch instants of one unit, is typed as they are; beside a column so named of other integers (a
    duration) nothing changes, nor does a column named as no moment."""
    start = 1716194520
    path = make_sqlite(
        {
            "rss": (
                "CREATE TABLE rss (id INTEGER PRIMARY KEY, title TEXT, created_at INTEGER NOT NULL, "
                "downloaded_at INTEGER, archived_at INTEGER, retries INTEGER)",
                [
                    (
                        n,
                        f"entry {n}",
                        start + n * 3613,
                        start + n * 3613 + 600 if n % 3 == 0 else None,
                        None,
                        None,
                    )
                    for n in range(1, 31)
                ],
            ),
            "history": (
                "CREATE TABLE history (id INTEGER PRIMARY KEY, completed INTEGER NOT NULL, "
                "download_time INTEGER, finished_at INTEGER)",
                [(n, start + n * 5400, 30 + n * 7, None) for n in range(1, 31)],
            ),
        }
    )
    result = profile(path)
    rss, history = result["rss"], result["history"]
    assert rss["created_at"].inferred_type == rss["downloaded_at"].inferred_type == "timestamptz"
    assert rss["archived_at"].inferred_type == "timestamptz"
    assert "every other column of its table named as a moment" in " ".join(rss["archived_at"].notes)
    assert rss["retries"].inferred_type == "integer"
    # Durations under a moment's name beside the completion's instants: the empty one keeps its type.
    assert history["completed"].inferred_type == "timestamptz"
    assert history["download_time"].inferred_type == "integer"
    assert history["finished_at"].inferred_type == "integer"


def test_an_empty_core_data_date_is_seconds_as_its_siblings_are_not_a_timestamp(
    make_sqlite: SqliteFactory,
) -> None:
    """A Core Data store's dates are REAL seconds since 2001-01-01 under ``TIMESTAMP`` (iOS's Notes:
    a note's ``ZCREATIONDATE1`` beside ``ZLASTNOTIFIEDDATE``, NULL until a shared note notifies): the
    dates with values load as doubles, the empty one was typed by its declaration alone, a timestamp,
    which the next export's first value (a double) would change. Typed as its siblings are, with the
    same note; outside a Core Data store an empty TIMESTAMP stays a timestamp."""
    notes = (
        "CREATE TABLE ZNOTE ( Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZCREATIONDATE1 "
        "TIMESTAMP, ZLASTNOTIFIEDDATE TIMESTAMP, ZTITLE1 VARCHAR )",
        [(n, 1, 1, 535_000_000.25 + n * 86_411.5, None, f"note {n}") for n in range(1, 21)],
    )
    store = {
        "Z_PRIMARYKEY": (
            "CREATE TABLE Z_PRIMARYKEY (Z_ENT INTEGER PRIMARY KEY, Z_NAME VARCHAR, Z_SUPER INTEGER, "
            "Z_MAX INTEGER)",
            [(1, "Note", 0, 20)],
        ),
        "Z_METADATA": (
            "CREATE TABLE Z_METADATA (Z_VERSION INTEGER PRIMARY KEY, Z_UUID VARCHAR(255), Z_PLIST BLOB)",
            [(1, "6C2C4F8E-2B9A-4B1F-8E33-7A0E1C2D3F45", b"bplist00")],
        ),
    }
    found = profile(make_sqlite({"ZNOTE": notes, **store}, name="store.db"))["ZNOTE"]
    assert found["ZCREATIONDATE1"].inferred_type == found["ZLASTNOTIFIEDDATE"].inferred_type == "double"
    assert "seconds since 2001-01-01 UTC (a Core Data date)" in " ".join(found["ZLASTNOTIFIEDDATE"].notes)
    plain = profile(make_sqlite({"ZNOTE": notes}, name="plain.db"))["ZNOTE"]
    assert plain["ZLASTNOTIFIEDDATE"].inferred_type == "timestamp"


def test_the_last_modification_abbreviated_is_an_epoch_timestamp_as_last_modified_is(
    make_sqlite: SqliteFactory,
) -> None:
    # Android's downloads.db (DownloadProvider) keeps each download's `lastmod` as Java milliseconds, as
    # a sitemap's `<lastmod>` names a page's last modification: it stayed bigint with no note, where
    # `last_modified` is read as instants. A mod is a moment only as the last or first one: `mod` alone
    # is a modulus, a module or a moderator, and the last mod's id or count is none (an entity's words
    # before it, `pageLastMod`, as before `last_login`).
    rows = [(i, *(1_716_277_333_521 + 9_876_543 * i,) * 3, 7 + i, 3, 2) for i in range(5)]
    ddl = (
        "CREATE TABLE downloads (_id INTEGER PRIMARY KEY, lastmod INTEGER, last_mod BIGINT, "
        "pageLastMod INTEGER, mod INTEGER, last_mod_id INTEGER, last_mod_count INTEGER)"
    )
    assert _types_beside_key(make_sqlite, "downloads", ddl, rows, key="_id") == {
        "lastmod": "timestamptz",
        "last_mod": "timestamptz",
        "pageLastMod": "timestamptz",
        "mod": "integer",
        "last_mod_id": "integer",
        "last_mod_count": "integer",
    }


def test_days_written_as_a_paths_directories_under_a_path_name_stay_text(make_sqlite: SqliteFactory) -> None:
    """OTRS keeps each article's attachments on disk under the day its mail came in
    (``ArticleStorageFS``: ``article.content_path`` ``2024/02/05``, ``varchar(250)`` through
    mysql2sqlite); every value is a date's shape, so the column was a date, each value audited
    ``date_format:%Y/%m/%d`` and loaded ``2024-02-05``, a folder no longer named (until 2026-12-07).
    Under a name whose last word says a path (``path``, ``dir``, ``directory``, ``folder``), days
    written so are text; the same values under another name, or in a column declared a date, are
    dates as before, and so are days written with dashes under a path's name."""
    days = [f"2024/{1 + i % 12:02d}/{1 + i * 3 % 28:02d}" for i in range(30)]
    path = make_sqlite(
        {
            "article": (
                "CREATE TABLE article (id INTEGER PRIMARY KEY, content_path varchar(250), archiveDir TEXT, "
                "received varchar(250), stored_path DATE, backup_folder TEXT)",
                [(i, d, d, d, d, d.replace("/", "-")) for i, d in enumerate(days)],
            )
        }
    )
    table = profile(path)["article"]
    types = {c: table[c].inferred_type for c in ("content_path", "archiveDir", "received", "stored_path")}
    assert types == {"content_path": "text", "archiveDir": "text", "received": "date", "stored_path": "date"}
    assert table["backup_folder"].inferred_type == "date"
    assert "a day written as a path's directories" in table["content_path"].type_reason
    assert table["content_path"].quality == table["archiveDir"].quality == 100.0


def test_every_memory_limit_too_small_is_the_one_line_memory_error_wherever_the_profile_runs_out(
    small_fixture: Path,
) -> None:
    # The limit decides which query runs out first: a table's, or the references' query across tables
    # (at ~9-10 MB here), which escaped as DuckDB's own OutOfMemoryException (a traceback from the API,
    # a line naming no file and no setting from the command line). Whatever the limit, the profile
    # succeeds or fails with the one line naming the file and profile_memory_limit.
    outcomes = set()
    for megabytes in range(1, 17):
        limit = f"{megabytes}MB"
        try:
            profile(small_fixture, settings=load_settings(profile_memory_limit=limit))
        except SourceError as exc:
            message = exc.one_line()
            assert "out of memory" in message, message
            assert f"profile_memory_limit (now {limit})" in message and str(small_fixture) in message
            assert "\n" not in message
            outcomes.add("references" if "references between tables" in message else "table")
        else:
            outcomes.add("done")
    assert "done" in outcomes and "table" in outcomes, outcomes
