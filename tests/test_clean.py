"""Gate 2: cleaned values against the generator's truth, parse rules, policies, the stream, the audit."""

from __future__ import annotations

import json
import math
import random
import re
import sqlite3
import statistics
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from columnar_etl import clean
from columnar_etl.cleaning import CleanResult, clean_stream
from columnar_etl.cleaning.date_formats import first_formats, format_candidate
from columnar_etl.config import load_settings
from columnar_etl.errors import CleanError
from columnar_etl.models import Profile
from columnar_etl.planning.build import build_plan
from columnar_etl.planning.overrides import known_formats
from columnar_etl.planning.plan import Plan
from columnar_etl.profiling.profile import profile
from columnar_etl.rules.date_shapes import DATE_SHAPES
from columnar_etl.source.identity import file_checksum
from export_generator import NULL_TOKENS, TABLES, Truth, generate_export
from export_generator.values import comment_values, ticket_values, timesheet_values
from tests.conftest import GATES_OPEN, SqliteFactory

EXPORTS = [(1, "prod"), (2, "heavy"), (6, "heavy"), (9, "prod")]
UNFIXABLE = ("impossible_date", "unparseable_date", "invalid_number")
EPOCH = datetime(2025, 1, 1)


@dataclass
class Cleaned:
    path: Path
    truth: Truth
    profile: Profile
    plan: Plan
    result: CleanResult
    checksum: str


@pytest.fixture(scope="module", params=EXPORTS, ids=lambda p: f"seed{p[0]}-{p[1]}")
def cleaned(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cleaned]:
    seed, dirt = request.param
    path = tmp_path_factory.mktemp("clean") / f"export_{seed}_{dirt}.db"
    truth = generate_export(path, scale=0.02, seed=seed, dirt=dirt)
    checksum = file_checksum(path)
    settings = load_settings()
    profiled = profile(path, settings=settings)
    plan = build_plan(profiled, settings=settings)
    result = clean(path, plan, settings=settings)
    yield Cleaned(path, truth, profiled, plan, result, checksum)
    assert file_checksum(path) == checksum, "the source changed"


def _text(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def test_cleaned_columns_equal_the_truth(cleaned: Cleaned) -> None:
    assert cleaned.result.data is not None
    for name, table_truth in cleaned.truth.tables.items():
        data = cleaned.result.data[name]
        stats = cleaned.result[name]
        assert data.num_rows == stats.rows_in == stats.rows_out == table_truth.row_count  # none lost or added
        for column, truth in table_truth.columns.items():
            values = data.column(column)
            expected = truth.expected
            got: dict[str, Any] = {"non_null": len(values) - values.null_count}
            if truth.intended_type == "boolean":
                got["true_count"] = pc.sum(values).as_py() or 0
            elif truth.intended_type != "text":
                bounds = pc.min_max(values).as_py()
                got["min"], got["max"] = _text(bounds["min"]), _text(bounds["max"])
                if truth.intended_type not in ("date", "timestamp"):
                    total = pc.sum(values).as_py()
                    got["sum"] = None if total is None else round(float(total), 6)
            assert got == {key: expected[key] for key in got}, f"{name}.{column}"


def test_counts_equal_the_dirt_and_quarantine_equals_the_unfixable(cleaned: Cleaned) -> None:
    quarantine = cleaned.result.quarantine
    for name, table_truth in cleaned.truth.tables.items():
        for column, truth in table_truth.columns.items():
            stats = cleaned.result[name][column]
            dirt = truth.dirt
            assert (
                stats.quarantined,
                stats.empty_strings_converted,
                stats.null_likes_converted,
                stats.whitespace_trimmed,
                stats.dates_standardized,
                stats.nul_removed,
                stats.comma_decimals_fixed,
            ) == (
                sum(dirt[kind] for kind in UNFIXABLE),
                dirt["empty_string"],
                dirt["null_like"],
                dirt["whitespace"],
                dirt["non_iso_date"],
                dirt["nul_byte"],
                dirt["comma_decimal"],
            ), f"{name}.{column}"
            mine = pc.and_(pc.equal(quarantine["table"], name), pc.equal(quarantine["column"], column))
            rules = quarantine.filter(mine).column("rule").to_pylist()
            for kind in UNFIXABLE:
                assert rules.count(kind) == dirt[kind], f"{name}.{column} {kind}"
    assert cleaned.result.quarantined == quarantine.num_rows


def test_cleaning_agrees_with_the_profile_on_validity(cleaned: Cleaned) -> None:
    """A value the profile counts valid parses; one it counts invalid is NULL and quarantined."""
    for column in cleaned.profile.columns:
        stats = cleaned.result[column.table][column.name]
        if column.inferred_type == "text":
            assert stats.quarantined == 0
            continue
        assert (stats.non_null, stats.quarantined) == (column.valid_count, column.invalid_count), column.name


def _true_values(truth: Truth) -> dict[str, dict[str, list[Any]]]:
    tickets = ticket_values(truth.tables["tickets"].row_count, truth.seed)
    created = [int(v) for v in tickets["TKT-Created Time"] if v is not None]
    return {
        "tickets": tickets,
        "comments": comment_values(truth.tables["comments"].row_count, truth.seed, created),
        "timesheets": timesheet_values(truth.tables["timesheets"].row_count, truth.seed, created),
    }


def _raw_rows(path: Path, table: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
    finally:
        con.close()


def test_cell_sample_equals_the_true_values(cleaned: Cleaned) -> None:
    """Every 3rd row, every column: the cleaned cell is the generator's true value, or NULL with a reason."""
    true = _true_values(cleaned.truth)
    assert cleaned.result.data is not None and cleaned.result.audit is not None
    audit = cleaned.result.audit.to_pylist()
    why = {(a["table"], a["row_key"], a["column"]): a["rule"] for a in audit}
    checked = 0
    for spec in TABLES:
        data = cleaned.result.data[spec.name].to_pylist()
        raw_rows = _raw_rows(cleaned.path, spec.name)
        for row_index in range(0, len(data), 3):
            key = str(raw_rows[row_index][0])
            for position, column in enumerate(spec.columns):
                value, raw = data[row_index][column.name], raw_rows[row_index][position]
                original = true[spec.name][column.name][row_index]
                checked += 1
                if value is None:
                    if original is not None:
                        rule = why[(spec.name, key, column.name)]
                        assert rule in ("empty_to_null", "null_like_to_null", *UNFIXABLE), (column.name, raw)
                    continue
                assert _matches(column.intended_type, column.decimals, value, original, raw, column.role), (
                    spec.name,
                    key,
                    column.name,
                    raw,
                    value,
                    original,
                )
    assert checked > 5000


def _matches(kind: str, decimals: int, value: Any, original: Any, raw: Any, role: str) -> bool:
    if role == "reference":  # orphans keep the value the export holds
        return bool(value == int(raw))
    if kind == "timestamp":
        exact = EPOCH + timedelta(milliseconds=original)
        text = str(raw).strip()
        if "/" in text:  # day-first form has minutes only
            return bool(value == exact.replace(second=0, microsecond=0))
        if "T" in text:  # ISO-T form carries milliseconds the true value does not
            return bool(timedelta(0) <= value - exact < timedelta(seconds=1))
        return bool(value == exact)
    if kind == "date":
        return bool(value == date(2025, 1, 1) + timedelta(days=original))
    if kind in ("numeric", "double"):
        return bool(abs(float(value) - original / 10**decimals) < 1e-9)
    return bool(value == original)


def test_stream_batches_carry_the_exact_schema(cleaned: Cleaned) -> None:
    with clean_stream(cleaned.path, cleaned.plan, batch_size=700) as stream:
        assert stream.tables == ["tickets", "comments", "timesheets"]
        assert stream.key_columns("tickets") == ["TKT-Ticket ID"]
        rows = {}
        for table in stream.tables:
            schema = stream.schema(table)
            batches = list(stream.batches(table))
            assert len(batches) > 1 or table == "tickets"
            assert all(batch.schema == schema for batch in batches)
            rows[table] = sum(batch.num_rows for batch in batches)
        with pytest.raises(CleanError, match="table already streamed"):
            stream.batches("tickets")
        result = stream.result()
    assert rows == {name: t.row_count for name, t in cleaned.truth.tables.items()}
    assert all(stats.complete for stats in result.tables.values())
    assert result.changed == cleaned.result.changed
    assert result.quarantine.num_rows == cleaned.result.quarantine.num_rows
    schema = stream.schema("timesheets")
    assert schema.field("TS-Rate").type == pa.decimal128(18, 2)  # declared NUMERIC, REALs of cents
    assert schema.field("TS-Start Time").type == pa.timestamp("us")
    assert schema.field("TS-Date").type == pa.date32()


def test_audit_lists_every_changed_cell(cleaned: Cleaned) -> None:
    audit = cleaned.result.audit
    assert audit is not None
    assert audit.schema.names == ["table", "row_key", "column", "raw_value", "new_value", "rule"]
    assert audit.num_rows == cleaned.result.changed == cleaned.result.audit_rows
    rows = audit.to_pylist()
    rules = {row["rule"] for row in rows}
    assert {"empty_to_null", "null_like_to_null", "trim", "comma_decimal", "nul_removed"} <= rules
    assert "date_format:%d/%m/%Y %H:%M" in rules and "boolean:Yes" in rules
    nul = next(row for row in rows if row["rule"] == "nul_removed")
    assert "\\0" in nul["raw_value"] and nul["new_value"] == nul["raw_value"].replace("\\0", "")
    slash = next(row for row in rows if row["rule"] == "date_format:%d/%m/%Y %H:%M")
    day, month, rest = slash["raw_value"].split("/")
    year, clock = rest.split(" ")
    hour, minute = clock.split(":")
    assert slash["new_value"] == f"{year}-{month}-{day} {int(hour):02d}:{minute}:00"
    quarantined = [row for row in rows if row["rule"] in UNFIXABLE]
    assert len(quarantined) == cleaned.result.quarantined
    assert all(row["new_value"] is None for row in quarantined)


# --- parse rules on hand-written exports --------------------------------------------------------------

RULES_DDL = (
    "CREATE TABLE t (id INTEGER PRIMARY KEY, ts TIMESTAMP, d DATE, amount NUMERIC, flag BOOLEAN, note TEXT)"
)
RULES_ROWS = [
    (1, "20/05/2025 8:42", "5/6/2025", "3,5", "Yes", "a\x00b"),
    (2, "2025-05-20 08:42:00", "29/02/2024", "2.25", "No", "  pad  "),
    (3, " 2025-05-21 09:00:00 ", "29/02/2025", "2h", "Y", ""),
    (4, "2025-05-20T08:42:00.123", "13/05/2025", "10", "N", "NULL"),
    (5, "31/02/2025 8:00", "2025-05-20", "", "TRUE", "kept"),
    (6, "TBD", "N/A", "-", "false", "kept"),
    (7, "", None, "1.5", "1", "kept"),
    (8, "13/05/2025 0:00", "1/1/2025", "0,25", "0", "kept"),
]


def _clean_rows(path: Path, **settings: Any) -> CleanResult:
    # Small exports made of the dirt under test: the circuit breaker would halt them (as `clean` does).
    return clean(path, settings=load_settings(**{**GATES_OPEN, **settings}))


def test_parse_rules(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite({"t": (RULES_DDL, RULES_ROWS)})
    result = _clean_rows(path)
    assert result.data is not None
    rows = result.data["t"].to_pylist()
    assert [r["ts"] for r in rows] == [
        datetime(2025, 5, 20, 8, 42),
        datetime(2025, 5, 20, 8, 42),
        datetime(2025, 5, 21, 9, 0),
        datetime(2025, 5, 20, 8, 42, 0, 123000),
        None,  # 31/02: impossible, never shifted
        None,
        None,
        datetime(2025, 5, 13, 0, 0),
    ]
    # Day-first (13/05 proves it): 5/6 is 5 June; 29/02 exists in 2024 only.
    assert [r["d"] for r in rows] == [
        date(2025, 6, 5),
        date(2024, 2, 29),
        None,
        date(2025, 5, 13),
        date(2025, 5, 20),
        None,
        None,
        date(2025, 1, 1),
    ]
    assert [r["amount"] for r in rows] == [
        Decimal("3.50"),
        Decimal("2.25"),
        None,
        Decimal("10.00"),
        None,
        None,
        Decimal("1.50"),
        Decimal("0.25"),
    ]
    assert [r["flag"] for r in rows] == [True, False, True, False, True, False, True, False]
    assert [r["note"] for r in rows] == ["ab", "pad", None, None, "kept", "kept", "kept", "kept"]
    reasons = {(q["row_key"], q["column"]): q["rule"] for q in result.quarantine.to_pylist()}
    assert reasons == {
        ("5", "ts"): "impossible_date",
        ("6", "ts"): "unparseable_date",
        ("3", "d"): "impossible_date",
        ("3", "amount"): "invalid_number",
    }
    stats = result["t"]
    assert (stats["ts"].dates_standardized, stats["ts"].whitespace_trimmed) == (3, 1)
    assert (stats["amount"].comma_decimals_fixed, stats["amount"].empty_strings_converted) == (2, 1)
    assert stats["amount"].null_likes_converted == 1
    assert (stats["note"].nul_removed, stats["note"].null_likes_converted) == (1, 1)
    assert stats["flag"].booleans_normalized == 7


def test_new_date_spellings_are_read_and_each_is_audited_with_its_format(make_sqlite: SqliteFactory) -> None:
    rows = [
        (1, 20250520, "5-20-2025 8:42 PM"),
        (2, "2025-5-3", "5-21-2025 9:42:07 am"),
        (3, "2025.05.20", "2025-5-3 8:42"),
        (4, "2025-05-21", "2025.05.20 20:42:07"),
        (5, "20250230", "2025-05-20 08:42:00"),
    ]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, d DATE, at TIMESTAMP)", rows)})
    result = _clean_rows(path)
    assert result.data is not None and result.audit is not None
    cleaned = result.data["t"].to_pylist()
    # 20250230 is an INTEGER cell that is no date: the column's integers are not all compact dates, but
    # its other dates are most of its values, so the valid one (20250520) is read all the same, and
    # 20250230 alone is quarantined (until 2026-12-01 both were).
    assert [r["d"] for r in cleaned] == [
        date(2025, 5, 20),
        date(2025, 5, 3),
        date(2025, 5, 20),
        date(2025, 5, 21),
        None,
    ]
    assert [r["at"] for r in cleaned] == [
        datetime(2025, 5, 20, 20, 42),
        datetime(2025, 5, 21, 9, 42, 7),
        datetime(2025, 5, 3, 8, 42),
        datetime(2025, 5, 20, 20, 42, 7),
        datetime(2025, 5, 20, 8, 42),
    ]
    rules = {(a["row_key"], a["column"]): a["rule"] for a in result.audit.to_pylist()}
    assert rules == {
        ("1", "d"): "date_format:%Y%m%d",
        ("2", "d"): "date_format:%Y-%-m-%-d",
        ("3", "d"): "date_format:%Y.%m.%d",
        ("5", "d"): "impossible_date",
        ("1", "at"): "date_format:%m-%d-%Y %I:%M %p",
        ("2", "at"): "date_format:%m-%d-%Y %I:%M:%S %p",
        ("3", "at"): "date_format:%Y-%-m-%-d %-H:%M",
        ("4", "at"): "date_format:%Y.%m.%d %H:%M:%S",
    }
    # With every integer a valid date, the declared DATE column reads them as compact dates.
    compact = make_sqlite(
        {"c": ("CREATE TABLE c (id INTEGER PRIMARY KEY, d DATE)", [(1, 20250520), (2, "2025-05-21")])},
        name="compact.db",
    )
    result = _clean_rows(compact)
    assert result.data is not None and result.audit is not None
    assert result.data["c"].column("d").to_pylist() == [date(2025, 5, 20), date(2025, 5, 21)]
    assert [(a["row_key"], a["rule"]) for a in result.audit.to_pylist()] == [("1", "date_format:%Y%m%d")]


def test_named_months_weekdays_and_finer_fractions_are_cleaned_without_a_guess(
    make_sqlite: SqliteFactory,
) -> None:
    # A weekday that is not the date's, second 60 and a fraction PostgreSQL would round are quarantined
    # (never corrected, never rounded), each under its reason; the others are read, audited by format.
    rows = [
        (1, "Tue May 20 08:42:00 2025", "2025-05-20T08:42:00.1234560"),
        (2, "Mon May  5 08:42:07 2025", "2025-05-20T08:42:00.12"),
        (3, "Mon May 20 08:42:00 2025", "2025-05-20T08:42:00.1234567"),
        (4, "Tue May 20 08:42:60 2025", "2025-05-20T08:42:00"),
    ]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, at DATETIME, fine TEXT)", rows)})
    # The profile keeps "fine" text (one value is finer than microseconds); an override reads it.
    result = _clean_rows(path, columns={"t": {"fine": {"type": "timestamp"}}})
    assert result.data is not None and result.audit is not None
    cleaned = result.data["t"].to_pylist()
    assert [r["at"] for r in cleaned] == [
        datetime(2025, 5, 20, 8, 42),
        datetime(2025, 5, 5, 8, 42, 7),
        None,
        None,
    ]
    assert [r["fine"] for r in cleaned] == [
        datetime(2025, 5, 20, 8, 42, 0, 123456),
        datetime(2025, 5, 20, 8, 42, 0, 120000),
        None,
        datetime(2025, 5, 20, 8, 42),
    ]
    rules = {(a["row_key"], a["column"]): a["rule"] for a in result.audit.to_pylist()}
    assert rules == {
        ("1", "at"): "date_format:%a %b %d %H:%M:%S %Y",
        ("2", "at"): "date_format:%a %b %d %H:%M:%S %Y",
        ("3", "at"): "impossible_date",
        ("4", "at"): "impossible_date",
        ("1", "fine"): "date_format:%Y-%m-%dT%H:%M:%S.%f",
        ("2", "fine"): "date_format:%Y-%m-%dT%H:%M:%S.%f",
        ("3", "fine"): "unparseable_date",
        ("4", "fine"): "date_format:%Y-%m-%dT%H:%M:%S",
    }


def test_a_date_only_in_the_other_order_is_quarantined_as_such(make_sqlite: SqliteFactory) -> None:
    rows = [(1, "20/05/2025"), (2, "21/05/2025"), (3, "22/05/2025"), (4, "5/23/2025"), (5, "31/02/2025")]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, d DATE)", rows)})
    result = _clean_rows(path)
    reasons = {q["row_key"]: q["rule"] for q in result.quarantine.to_pylist()}
    assert reasons == {"4": "other_date_order", "5": "impossible_date"}


def test_real_cells_of_a_text_column_are_written_as_themselves_without_an_audit_row(
    make_sqlite: SqliteFactory,
) -> None:
    # No declared type: REAL cells stay REAL beside the text. Each is read with 17 digits and written
    # as its shortest text (the same double): no whitespace was trimmed, nothing changed.
    reals = [0.1, 1 / 3, 1e20, 2.5]
    rows = [(1, " abc"), *((i, value) for i, value in enumerate(reals, start=2)), (6, "x")]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, x)", rows)})
    result = _clean_rows(path)
    assert result.data is not None and result.audit is not None
    arrived = result.data["t"].column("x").to_pylist()
    assert arrived[0] == "abc" and arrived[5] == "x"
    assert [float(v) for v in arrived[1:5]] == reals
    assert [(a["row_key"], a["rule"]) for a in result.audit.to_pylist()] == [("1", "trim")]
    assert result["t"]["x"].whitespace_trimmed == 1


def test_a_real_infinity_is_a_double_and_overflows_any_other_number(make_sqlite: SqliteFactory) -> None:
    # A REAL cell of infinity is a double (PostgreSQL's Infinity): a double column keeps it. A type no
    # finite value of which holds it (numeric, by an override) quarantines it as overflowing, as the
    # text 1e400 is; the text 'inf' is no number by any documented rule: its column keeps its text
    # (until 2026-12-02 it was quarantined as dirt, an infinity made NULL). ('1e400' in a NUMERIC
    # column is stored by SQLite as the REAL Inf.)
    inf = float("inf")
    rows = [(1, inf, inf), (2, -inf, "inf"), (3, 1.5, "1e400"), *((i, 2.5, 7) for i in range(4, 40))]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, r REAL, mixed NUMERIC)", rows)})
    result = _clean_rows(path)
    assert result.data is not None
    assert result.quarantine is None or result.quarantine.num_rows == 0
    assert result.data["t"].column("r").to_pylist()[:3] == [inf, -inf, 1.5]
    # The TEXT as written; the REAL Inf and the INTEGER 7 as texts that read back as them.
    mixed = result.data["t"].column("mixed").to_pylist()
    assert mixed[1] == "inf" and float(mixed[0]) == float(mixed[2]) == inf and mixed[3] == "7"
    numeric = _clean_rows(path, columns={"t": {"r": {"type": "numeric"}, "mixed": {"type": "numeric"}}})
    assert numeric.quarantine is not None
    reasons = {(q["row_key"], q["column"]): q["rule"] for q in numeric.quarantine.to_pylist()}
    assert reasons == {
        ("1", "r"): "numeric_overflow",
        ("2", "r"): "numeric_overflow",
        ("1", "mixed"): "numeric_overflow",
        ("2", "mixed"): "invalid_number",
        ("3", "mixed"): "numeric_overflow",
    }


def test_month_first_columns_read_month_first(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite(
        {"m": ("CREATE TABLE m (id INTEGER PRIMARY KEY, d DATE)", [(1, "5/13/2025"), (2, "5/6/2025")])}
    )
    result = _clean_rows(path)
    assert result.data is not None
    assert result.data["m"].column("d").to_pylist() == [date(2025, 5, 13), date(2025, 5, 6)]


def test_an_all_null_batch_keeps_the_planned_types(make_sqlite: SqliteFactory) -> None:
    rows = [(i, "", "N/A", "") for i in range(1, 4)] + [
        (i, "2025-05-20 08:00:00", "2.5", "yes" if i % 2 else "no") for i in range(4, 10)
    ]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, ts TEXT, n REAL, b TEXT)", rows)})
    plan = build_plan(profile(path), settings=load_settings())
    with clean_stream(path, plan, batch_size=3) as stream:
        batches = list(stream.batches("t"))
    assert len(batches) == 3
    assert batches[0].column(1).null_count == 3
    # REAL affinity stores "2.5" as a REAL cell: double precision holds it exactly.
    expected = pa.schema(
        [("id", pa.int64()), ("ts", pa.timestamp("us")), ("n", pa.float64()), ("b", pa.bool_())]
    )
    for batch in batches:
        assert batch.schema.remove_metadata() == expected
        assert [f.type for f in batch.schema] == list(expected.types)


def test_a_tables_cleaning_expressions_are_built_once_for_all_its_batches(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from columnar_etl.cleaning.expressions import ColumnExprs

    built: list[str] = []
    real = ColumnExprs.value

    def counted(self: ColumnExprs) -> Any:
        built.append(self.plan.name)
        return real(self)

    monkeypatch.setattr(ColumnExprs, "value", counted)
    rows = [(i, f" text {i}", f"{i}.5", "yes" if i % 2 else "no") for i in range(1, 10)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, n TEXT, b TEXT)", rows)})
    plan = build_plan(profile(path), settings=load_settings())
    with clean_stream(path, plan, batch_size=2) as stream:
        batches = list(stream.batches("t"))
    assert len(batches) == 5
    assert sorted(built) == ["b", "id", "n", "s"]  # once per column, not once per batch
    values = pa.Table.from_batches(batches)
    assert values.column("s").to_pylist() == [f"text {i}" for i in range(1, 10)]
    assert values.column("n").to_pylist() == [i + 0.5 for i in range(1, 10)]
    assert values.column("b").to_pylist() == [bool(i % 2) for i in range(1, 10)]


def test_reject_row_drops_rows_with_unfixable_values(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite({"t": (RULES_DDL, RULES_ROWS)})
    result = _clean_rows(path, quarantine_policy="reject_row")
    assert result.data is not None
    assert result.data["t"].column("id").to_pylist() == [1, 2, 4, 7, 8]
    assert (result["t"].rows_in, result["t"].rows_out, result["t"].rows_rejected) == (8, 5, 3)
    assert result.quarantined == 4


def test_fail_policy_stops_at_the_first_unfixable_value(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite({"t": (RULES_DDL, RULES_ROWS)})
    with pytest.raises(CleanError) as caught:
        _clean_rows(path, quarantine_policy="fail")
    assert (caught.value.table, caught.value.column) == ("t", "ts")
    assert "'31/02/2025 8:00' (impossible_date) in the row with key 5" in str(caught.value)


def test_numeric_outliers_are_flagged_not_changed(make_sqlite: SqliteFactory) -> None:
    rows = [(i, f"{10 + i % 7}.5") for i in range(1, 41)] + [(41, "9999.5")]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, hours REAL)", rows)})
    result = _clean_rows(path)
    stats = result["t"]["hours"]
    assert stats.outliers == 1 and stats.outlier_examples == ["41: 9999.5"]  # REAL cells: a double
    assert stats.outlier_fence is not None and stats.outlier_fence[1] < 9999.5
    assert result.data is not None and result.data["t"].column("hours")[-1].as_py() == Decimal("9999.50")
    assert _clean_rows(path, outlier_iqr_factor=0)["t"]["hours"].outliers == 0


@pytest.mark.parametrize("pending_bytes", [None, 1])
def test_outliers_are_judged_the_same_when_the_fences_arrive_after_the_batches(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch, pending_bytes: int | None
) -> None:
    # The first batch does not wait for the fences' scan: batches cleaned before them keep their keys
    # and numbers aside and are judged once they come. Here they come only after the last batch (or,
    # with a 1-byte allowance, the cleaner waits for them at its first batch): same counts, same
    # examples in source order, same fences as when they are there from the start.
    from columnar_etl.cleaning import stream as stream_module
    from columnar_etl.cleaning import table as table_module

    rows = [(i, f"{10 + i % 7}.5", f"{i % 5}.25") for i in range(1, 301)]
    for i in (3, 50, 120, 121, 200, 250, 299):
        rows[i - 1] = (i, f"{5000 + i}.5", f"-{900 + i}.25")
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, hours REAL, rate TEXT)"
    path = make_sqlite({"t": (ddl, rows)})
    plan = build_plan(profile(path), settings=load_settings())

    def cleaned() -> dict[str, tuple[int, list[str], tuple[float, float] | None]]:
        with clean_stream(path, plan, batch_size=16) as stream:
            list(stream.batches("t"))
            stats = stream.stats()["t"]
        return {
            name: (
                stats.columns[name].outliers,
                stats.columns[name].outlier_examples,
                stats.columns[name].outlier_fence,
            )
            for name in ("hours", "rate")
        }

    at_once = cleaned()
    assert at_once["hours"][0] == 7 and at_once["rate"][0] == 7
    assert at_once["hours"][1] == ["3: 5003.5", "50: 5050.5", "120: 5120.5", "121: 5121.5", "200: 5200.5"]

    released = threading.Event()
    real_fences, real_finish = stream_module.outlier_fences, table_module.TableCleaner.finish

    def late_fences(*args: Any, **kwargs: Any) -> Any:
        assert released.wait(30), "the fences were waited for before the last batch"
        return real_fences(*args, **kwargs)

    def finish(self: Any) -> None:
        released.set()  # every batch is cleaned: only now may the fences arrive
        real_finish(self)

    monkeypatch.setattr(stream_module, "outlier_fences", late_fences)
    monkeypatch.setattr(table_module.TableCleaner, "finish", finish)
    if pending_bytes is not None:
        monkeypatch.setattr(table_module, "PENDING_OUTLIER_BYTES", pending_bytes)
        released.set()  # the cleaner waits for them at its first batch, past its allowance
    assert cleaned() == at_once


def test_fences_that_fail_fail_the_table_even_when_its_batches_did_not_wait_for_them(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from columnar_etl.cleaning import stream as stream_module
    from columnar_etl.errors import SourceError

    def failing(src: Any, plan: Any, *args: Any, **kwargs: Any) -> Any:
        raise SourceError("outlier quartiles failed: injected", path=src.path, table=plan.name)

    monkeypatch.setattr(stream_module, "outlier_fences", failing)
    rows = [(i, f"{i}.5") for i in range(1, 50)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, hours REAL)", rows)})
    plan = build_plan(profile(path), settings=load_settings())
    with (
        clean_stream(path, plan, batch_size=10) as stream,
        pytest.raises(SourceError, match="injected") as caught,
    ):
        list(stream.batches("t"))
    assert caught.value.table == "t"
    assert not stream.stats()["t"].complete


def test_snake_case_names_and_nul_free_text(make_sqlite: SqliteFactory) -> None:
    ddl = 'CREATE TABLE t ("TKT-Ticket ID" INTEGER PRIMARY KEY, "TKT-Created Time" TIMESTAMP, "Body" TEXT)'
    # A stray NUL in one text of two: text, the NUL removed (in most of a column's values, such NULs
    # are binary data written as TEXT: bytea, see tests/test_binary_text.py).
    rows = [(1, "2025-05-20 08:00:00", "x\x00y"), (2, "2025-05-21 08:00:00", "plain")]
    path = make_sqlite({"t": (ddl, rows)})
    result = clean(path, column_names="snake")
    assert result.data is not None
    assert result.data["t"].schema.names == ["tkt_ticket_id", "tkt_created_time", "body"]
    assert result.column_names["t"]["TKT-Created Time"] == "tkt_created_time"
    assert result.to_dict()["column_mapping"] == result.column_names
    assert result.data["t"].column("body").to_pylist() == ["xy", "plain"]
    with clean_stream(path, result.plan) as stream:
        assert stream.key_columns("t") == ["tkt_ticket_id"]


def test_null_tokens_come_from_the_settings(make_sqlite: SqliteFactory) -> None:
    rows = [(1, "unknown"), (2, "N/A"), (3, "fine")]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", rows)})
    result = clean(path, settings=load_settings(null_tokens=["unknown"]))
    assert result.data is not None
    assert result.data["t"].column("v").to_pylist() == [None, "N/A", "fine"]
    assert set(NULL_TOKENS) <= set(load_settings().null_tokens)


def test_mysql_zero_dates_are_null_not_impossible_dates(make_sqlite: SqliteFactory) -> None:
    # MySQL writes 0000-00-00 for a date never set. Read as dates they were quarantined as impossible
    # (most of a closed_at column of open tickets); they are NULL, audited as null tokens.
    closed = ["0000-00-00 00:00:00", "2025-05-21 09:00:00", "0000-00-00 00:00:00", "0000-00-00 00:00:00"]
    due = ["2025-05-20", "0000-00-00", "2025-06-01", "2025-06-02"]
    rows = [(i, closed[i], due[i]) for i in range(4)]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, closed_at DATETIME, due DATE)"
    path = make_sqlite({"t": (ddl, rows)})
    profiled = profile(path)["t"]
    result = clean(path, settings=load_settings(**GATES_OPEN))
    assert result.data is not None and result.audit is not None
    audit = result.audit.to_pylist()
    for name, values, kind in (("closed_at", closed, "timestamp"), ("due", due, "date")):
        zeros = [i for i, value in enumerate(values) if value.startswith("0000-00-00")]
        column = profiled[name]
        assert (column.inferred_type, column.null_like_count) == (kind, len(zeros))
        assert column.issue("impossible_date") is None
        got = result.data["t"].column(name).to_pylist()
        assert [i for i, value in enumerate(got) if value is None] == zeros
        nulled = [row for row in audit if row["column"] == name and row["rule"] == "null_like_to_null"]
        assert len(nulled) == len(zeros)
    assert result.quarantine is None or result.quarantine.num_rows == 0


# Each column: its values, then the null tokens it keeps as values and what cleaning makes of them
# (by hand: a token is a value when every other value is a word of its form, at least two distinct).
TOKEN_COLUMNS: dict[str, tuple[list[str], list[str], list[str | None]]] = {
    # Country codes: NA is Namibia, of the codes' form (two capitals).
    "country": (["DE", "NA", "FR", "NA"], ["NA"], ["DE", "NA", "FR", "NA"]),
    # Norway's NO is a boolean spelling, and a code of the same form: Namibia stays (pyowm's city list
    # lost the country of its 66 Namibian cities).
    "nordic": (["NO", "NA", "SE", "NO"], ["NA"], ["NO", "NA", "SE", "NO"]),
    # A severity scale whose lowest level is called None.
    "severity": (["Low", "None", "High", "Medium"], ["None"], ["Low", "None", "High", "Medium"]),
    "method": (["cash", "none", "card", "cash"], ["none"], ["cash", "none", "card", "cash"]),
    # Lower-case codes: words joined by hyphens or underscores, digits at the end. A help desk's
    # attachments' transfer encoding (Request Tracker's ContentEncoding): `none` is stored without one
    # (NULL is a part with no content of its own).
    "encoding": (
        ["base64", "none", "quoted-printable", "none"],
        ["none"],
        ["base64", "none", "quoted-printable", "none"],
    ),
    "state": (
        ["in_progress", "none", "done", "on_hold"],
        ["none"],
        ["in_progress", "none", "done", "on_hold"],
    ),
    # A code of words joined by a hyphen one of which holds digits inside (a WebAuthn credential's
    # attestation type: `none`, `packed`, `fido-u2f`; Authelia's `webauthn_credentials`).
    "attestation": (["packed", "none", "fido-u2f", "none"], ["none"], ["packed", "none", "fido-u2f", "none"]),
    # Not codes of that form: digits inside (hexadecimal digests), or words and digits interleaved.
    "digest": (["3f2a9c", "null", "a41b07", "c0ffee"], [], ["3f2a9c", None, "a41b07", "c0ffee"]),
    "serial": (["ab12cd", "none", "x9y8", "ab12cd"], [], ["ab12cd", None, "x9y8", "ab12cd"]),
    # Digits inside a value of one part, or in every part of a joined one, are a serial's too.
    "keyed": (["ab12cd", "none", "k8s", "ab12cd"], [], ["ab12cd", None, "k8s", "ab12cd"]),
    "licence": (
        ["ab12-cd34", "none", "ef56-gh78", "ab12-cd34"],
        [],
        ["ab12-cd34", None, "ef56-gh78", "ab12-cd34"],
    ),
    # Padded, the token is still the code it trims to (the padding is removed and audited).
    "padded": (["DE", " NA", "FR", "US"], ["NA"], ["DE", "NA", "FR", "US"]),
    # A mark among marks: the minus strand beside the plus strand (one other value is enough).
    "strand": (["+", "-", "+", "-"], ["-"], ["+", "-", "+", "-"]),
    # Three-letter codes: NA is not one of them; nor is NULL one of words of other lengths.
    "alpha3": (["USA", "NA", "DEU", "FRA"], [], ["USA", None, "DEU", "FRA"]),
    "status": (["OPEN", "NULL", "CLOSED", "DONE"], [], ["OPEN", None, "CLOSED", "DONE"]),
    # A token of no word form, a token beside numbers or beside boolean spellings, a token beside
    # one other value only: NULL, as configured.
    "grade": (["A", "-", "B", "C"], [], ["A", None, "B", "C"]),
    "amount": (["1", "NA", "2", "3"], [], [1, None, 2, 3]),
    "answer": (["Yes", "None", "No", "Yes"], [], [True, None, False, True]),
    "flag": (["YES", "NA", "NO", "YES"], [], [True, None, False, True]),
    "pair": (["DE", "NA", "DE", "NA"], [], ["DE", None, "DE", None]),
    # ISO 3166-2 locations: the country where no region is known, a subdivision after a hyphen. NA is
    # the code NA-KH refines (Namibia's Khomas region; GoatCounter's hits.location): a value (until
    # 2026-12-07 NULL, as the others are not all codes of its length). Beside subdivisions of other
    # countries only, nothing refines it: NULL, as configured.
    "location": (["US-CA", "NA", "NA-KH", "DE"], ["NA"], ["US-CA", "NA", "NA-KH", "DE"]),
    "unrefined": (["US-CA", "NA", "GB-ENG", "DE"], [], ["US-CA", None, "GB-ENG", "DE"]),
    # A refining code padded (a space, a no-break space, an ideographic space) still refines the token
    # once trimmed (its padding removed and audited); one of lower case does not.
    "refined_padded": (["US-CA", "NA", " NA-KH", "DE"], ["NA"], ["US-CA", "NA", "NA-KH", "DE"]),
    "refined_nbsp": (["US-CA", "NA", "\u00a0NA-KH", "DE"], ["NA"], ["US-CA", "NA", "NA-KH", "DE"]),
    "refined_wide": (["US-CA", "NA", "\u3000NA-13", "DE"], ["NA"], ["US-CA", "NA", "NA-13", "DE"]),
    "refined_lower": (["US-CA", "NA", "na-kh", "DE"], [], ["US-CA", None, "na-kh", "DE"]),
}


def test_null_tokens_that_are_a_columns_values_are_kept(make_sqlite: SqliteFactory) -> None:
    names = list(TOKEN_COLUMNS)
    rows = [(i, *(TOKEN_COLUMNS[name][0][i] for name in names)) for i in range(4)]
    ddl = f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(f'{name} TEXT' for name in names)})"
    path = make_sqlite({"t": (ddl, rows)})
    settings = load_settings(**GATES_OPEN)
    profiled = profile(path, settings=settings)["t"]
    result = clean(path, settings=settings)
    assert result.data is not None and result.audit is not None
    audit = result.audit.to_pylist()
    for name, (_, kept, cleaned) in TOKEN_COLUMNS.items():
        column = profiled[name]
        assert column.tokens_as_values == kept, name
        assert column.null_like_count == 4 - sum(value is not None for value in cleaned), name
        assert result.plan.tables["t"][name].null_tokens == tuple(
            token for token in settings.null_tokens if token not in kept
        )
        assert result.data["t"].column(name).to_pylist() == cleaned, name
        nulled = [row for row in audit if row["column"] == name and row["rule"] == "null_like_to_null"]
        assert len(nulled) == cleaned.count(None), name
    assert any("'NA' kept as value" in note for note in profiled["country"].notes)
    # The column's own null_tokens decide: NA is NULL again.
    overridden = load_settings(**GATES_OPEN, columns={"t": {"country": {"null_tokens": ["NA"]}}})
    again = clean(path, settings=overridden)
    assert again.data is not None
    assert again.data["t"].column("country").to_pylist() == ["DE", None, "FR", None]


def _vocabulary(count: int, seed: int, *, capital: bool) -> list[str]:
    """``count`` distinct made-up words of two to four syllables (none of them a null token)."""
    rng = random.Random(seed)
    syllables = ["ba", "lo", "ri", "ven", "tu", "mar", "sel", "do", "ka", "fi", "pe", "gar", "lis", "ter"]
    words: list[str] = []
    while len(words) < count:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        word = word.capitalize() if capital else word
        if word not in words:
            words.append(word)
    return words


def test_a_null_token_that_is_a_rare_word_of_a_vocabulary_is_kept(make_sqlite: SqliteFactory) -> None:
    # Real words that are null tokens: the Italian town None among a world city list (geopointdb's
    # 224K cities), the headwords none, nil and null of the CMU pronouncing dictionary. Their columns
    # hold words of many forms (San Donà di Piave, a cappella), so "every other value of the token's
    # form" never held, and they were loaded as NULL. A placeholder is still NULL: frequent among
    # words (it stands wherever a value is missing), not a word like the others (N/A; NULL among
    # full names), or beside numbers and dates.
    rows = 300
    towns = _vocabulary(rows, 1, capital=True)
    towns[5::7] = [f"San {town}" for town in towns[5::7]]  # towns of two words, of no word form
    towns[17] = "None"
    heads = _vocabulary(rows, 2, capital=False)
    heads[10], heads[20], heads[30] = "none", "nil", "null"
    # Remarks of every form (lower case, capitalised, two words), null in 43 rows: a placeholder.
    common = _vocabulary(20, 3, capital=False) + _vocabulary(20, 5, capital=True)
    common += [f"{a} {b}" for a, b in zip(common[:20], common[20:], strict=True)]
    remarks = [common[i % 60] if i % 7 else "null" for i in range(rows)]
    people = [f"{a} {b}" for a, b in zip(_vocabulary(rows, 4, capital=True), towns, strict=True)]
    people[40] = "NULL"
    town_na = list(towns)
    town_na[17] = "N/A"
    amounts = [str(i * 3) for i in range(rows)]
    amounts[50] = "None"
    days = [(date(2020, 1, 1) + timedelta(days=i)).isoformat() for i in range(rows)]
    days[60] = "None"
    columns = {
        "town": towns,
        "headword": heads,
        "remark": remarks,
        "person": people,
        "town_na": town_na,
        "amount": amounts,
        "day": days,
    }
    names = list(columns)
    ddl = f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(f'{name} TEXT' for name in names)})"
    path = make_sqlite({"t": (ddl, [(i, *(columns[n][i] for n in names)) for i in range(rows)])})
    profiled = profile(path)["t"]
    result = clean(path)
    assert result.data is not None and result.audit is not None
    audit = result.audit.to_pylist()
    kept = {"town": ["None"], "headword": ["nil", "none", "null"]}
    nulled = {"remark": 43, "person": 1, "town_na": 1, "amount": 1, "day": 1}
    for name in names:
        column = profiled[name]
        assert column.tokens_as_values == kept.get(name, []), name
        assert column.null_like_count == nulled.get(name, 0), name
        got = result.data["t"].column(name).to_pylist()
        assert got.count(None) == nulled.get(name, 0), name
        audited = [row for row in audit if row["column"] == name and row["rule"] == "null_like_to_null"]
        assert len(audited) == nulled.get(name, 0), name
    town = result.data["t"].column("town").to_pylist()
    assert town[17] == "None" and town == towns
    assert result.data["t"].column("headword").to_pylist() == heads
    assert result.data["t"].column("amount").to_pylist()[49:52] == [147, None, 153]
    assert any("'None' kept as value" in note for note in profiled["town"].notes)


def test_a_null_token_once_among_names_that_hardly_repeat_is_one_of_them(make_sqlite: SqliteFactory) -> None:
    # A docset's index (doc2dash's docSet.dsidx of Python's docs) names the constant None beside True,
    # Ellipsis and str.join: 119 entries, one title twice. Its words' forms are many (Ellipsis is one of
    # a few capitalised ones), so the vocabulary rule did not hold, and the entry's name was loaded as
    # NULL. A column whose values hardly repeat names one thing a row: a word token once, beside other
    # values of its form, is one of them. Beside a NULL (missing written otherwise), beside no value of
    # its form (NULL among full names), or in a column whose values repeat, it stays NULL.
    rows = 80
    identifiers = [f"mod{i // 8}.{word}" for i, word in enumerate(_vocabulary(rows, 6, capital=False))]
    identifiers[3], identifiers[9], identifiers[27] = "Ellipsis", "True", "Glossary"
    identifiers[12] = identifiers[13]  # one title twice
    identifiers[40] = "None"
    beside_null = [None if i == 41 else value for i, value in enumerate(identifiers)]
    no_form = [value.lower() if i != 40 else value for i, value in enumerate(identifiers)]
    repeated = [identifiers[i % 20] if i != 40 else "None" for i in range(rows)]
    repeated[19] = "Ellipsis"
    columns = {"entry": identifiers, "beside_null": beside_null, "no_form": no_form, "repeated": repeated}
    names = list(columns)
    ddl = f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(f'{name} TEXT' for name in names)})"
    path = make_sqlite({"t": (ddl, [(i, *(columns[n][i] for n in names)) for i in range(rows)])})
    profiled = profile(path)["t"]
    result = clean(path)
    assert result.data is not None and result.audit is not None
    audit = result.audit.to_pylist()
    for name in names:
        column = profiled[name]
        kept = name == "entry"
        assert column.tokens_as_values == (["None"] if kept else []), name
        got = result.data["t"].column(name).to_pylist()
        expected = [None if (i == 40 and not kept) else value for i, value in enumerate(columns[name])]
        assert got == expected, name
        audited = [row for row in audit if row["column"] == name and row["rule"] == "null_like_to_null"]
        assert len(audited) == (0 if kept else 1), name
    # The note gives the reason among the others.
    assert any(
        "'None' kept as value" in note and "names that hardly repeat" in note
        for note in profiled["entry"].notes
    )


def test_integers_of_37_and_38_digits_fit_numeric(make_sqlite: SqliteFactory) -> None:
    # Beyond bigint, a column of integers is numeric(38,0): the two fraction digits a numeric then got
    # left no room for 37 and 38 digits, which were quarantined as overflowing (until 2026-12-04 the
    # narrower column was numeric(38,1)).
    wide = ["1234567890123456789012345678901234567", "-12345678901234567890123456789012345678", "5"]
    narrower = ["1234567890123456789012345678901234567", "7", "-8"]
    rows = [(i, wide[i], narrower[i]) for i in range(3)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, w TEXT, n TEXT)", rows)})
    result = clean(path)
    assert result.data is not None and result.plan is not None
    assert [result.plan.tables["t"][c].pg_type for c in ("w", "n")] == ["numeric(38,0)", "numeric(38,0)"]
    assert result.data["t"].column("w").to_pylist() == [Decimal(v) for v in wide]
    assert result.data["t"].column("n").to_pylist() == [Decimal(v) for v in narrower]
    assert result.quarantine.num_rows == 0


def test_numbers_a_plans_type_cannot_hold_exactly_are_audited_or_sized_for(
    make_sqlite: SqliteFactory,
) -> None:
    # helper 23: type = "double" rounded 12345678901234567 (and an INTEGER cell of 2^62 + 1) with no
    # audit row; type = "numeric" on integers up to 2^63 - 1 gave numeric(18,2), quarantining the widest.
    rows = [
        (1, "12345678901234567", 2**62 + 1, 2**63 - 1),
        (2, "0.1234567890123456789", 7, 5),
        (3, "2.5", 8, -(2**63)),
    ]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, d TEXT, i INTEGER, n INTEGER)"
    path = make_sqlite({"t": (ddl, rows)})
    columns = {"d": {"type": "double"}, "i": {"type": "double"}, "n": {"type": "numeric"}}
    result = clean(path, settings=load_settings(columns={"t": columns}))
    assert result.data is not None and result.audit is not None
    # The operator's own type = "numeric" on integers names amounts: the money scale (scale = 0 asks
    # for integers), unlike integers the profile makes numeric (numeric(38,0)).
    assert result.plan.tables["t"]["n"].pg_type == "numeric(38,2)"
    assert result.data["t"].column("n").to_pylist() == [Decimal(2**63 - 1), Decimal(5), Decimal(-(2**63))]
    assert result.quarantine.num_rows == 0
    nearest = {
        (r["column"], r["raw_value"]) for r in result.audit.to_pylist() if r["rule"] == "nearest_double"
    }
    assert nearest == {("d", "12345678901234567"), ("d", "0.1234567890123456789"), ("i", str(2**62 + 1))}
    # Fifteen significant digits or fewer are the same number as a double: nothing to audit.
    assert result.data["t"].column("d").to_pylist()[2] == 2.5


def test_result_renders(cleaned: Cleaned) -> None:
    result = cleaned.result
    data = result.to_dict()
    assert data["rows_in"] == data["rows_out"] == sum(t.row_count for t in cleaned.truth.tables.values())
    assert data["tables"][0]["columns"][0]["name"] == "TKT-Ticket ID"
    assert data["plan"]["version"] == 1 and data["quality_before"] == round(cleaned.plan.quality or 0, 2)
    assert "cells changed" in repr(result) and "<table>" in result._repr_html_()


def test_cleaned_batches_land_in_postgresql_with_the_planned_types(tmp_path: Path, pg_uri: str) -> None:
    from columnar_etl.loading.adbc import copy_tables_atomically
    from tests.conftest import pg_query

    path = tmp_path / "x.db"
    truth = generate_export(path, scale=0.02, seed=12, dirt="heavy")
    plan = build_plan(profile(path), settings=load_settings())
    with clean_stream(path, plan, batch_size=1000) as stream:
        readers = {
            table: pa.RecordBatchReader.from_batches(stream.schema(table), stream.batches(table))
            for table in stream.tables
        }
        copied = copy_tables_atomically(pg_uri, "cleaned", readers)
        stream.result()
    assert copied.rows == {name: t.row_count for name, t in truth.tables.items()}
    types = dict(
        ((table, column), (kind, precision, scale))
        for table, column, kind, precision, scale in pg_query(
            pg_uri,
            "SELECT table_name, column_name, data_type, numeric_precision, numeric_scale "
            "FROM information_schema.columns WHERE table_schema = 'cleaned'",
        )
    )
    assert types["timesheets", "TS-Rate"] == ("numeric", 18, 2)
    assert types["timesheets", "TS-Start Time"][0] == "timestamp without time zone"
    assert types["timesheets", "TS-Date"][0] == "date"
    assert types["timesheets", "TS-Billable?"][0] == "boolean"
    assert types["timesheets", "TS-Entry ID"][0] == "bigint"
    assert types["tickets", "TKT-Satisfaction"][0] == "double precision"
    assert types["tickets", "TKT-Subject"][0] == "text"
    ((rate_sum, first_start),) = pg_query(
        pg_uri, 'SELECT sum("TS-Rate")::float8, min("TS-Start Time")::text FROM cleaned.timesheets'
    )
    expected = truth.tables["timesheets"].columns
    assert round(rate_sum, 6) == expected["TS-Rate"].expected["sum"]
    assert first_start == expected["TS-Start Time"].expected["min"]


def test_an_empty_table_still_hands_over_its_schema(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite(
        {
            "empty": ("CREATE TABLE empty (id INTEGER PRIMARY KEY, at TIMESTAMP)", []),
            "other": ("CREATE TABLE other (id INTEGER PRIMARY KEY)", [(1,)]),
        }
    )
    plan = build_plan(profile(path), settings=load_settings())
    with clean_stream(path, plan) as stream:
        batches = list(stream.batches("empty"))
        reader = stream.batches("other")
        next(reader)  # left half-read: closing the stream stops it
    assert [b.num_rows for b in batches] == [0]
    assert batches[0].schema.field("at").type == pa.timestamp("us")


def test_a_plan_that_does_not_fit_the_source_is_refused(make_sqlite: SqliteFactory, tmp_path: Path) -> None:
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)", [(1, "x")])})
    other = make_sqlite(
        {"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, b TEXT)", [(1, "x")])}, name="other.db"
    )
    plan = build_plan(profile(path), settings=load_settings())
    with pytest.raises(CleanError, match="the cleaning plan does not fit the source: no column 'a'"):
        clean(other, plan)


ADVERSARIAL = {
    "ts": ["2025-05-20 08:42:00"] * 8
    + [
        "2025-5-20 08:42:00",
        "+2025-05-20 08:42:00",
        "2025-05-20T08:42:00.1234567",
        "2025-05-20T08:42:00.000000",
    ]
    + ["20/05/2025 8:42:07", "13/5/2025", "2025-05-20 24:00:00", "2025-05-20 23:59:60", "20/05/2025 8:42:60"]
    + ["0000-01-01 00:00:00", "20/05/2025 08:42:00 PM", "2025-02-29", "2025-05-20T08:42:00", "31/4/2025"]
    + ["2025-05-20 08:42", "20/05/2025"],
    "num": ["1.5"] * 8
    + ["٣", "+5", "007", "1_000", "nan", "inf", ".5", "5.", "1,5", "1e3", "-0", "12345678901234567890"]
    + ["1,5,0", "0x10", "-.5", "1."],
    "i": ["1"] * 8
    + ["+5", "007", "-0", "123456789012345678", "1234567890123456789", "٣", "1.0", "1e3", "0x1", "1_0"]
    + ["", "N/A", " 4", "٠", "-5", "00"],
    "b": ["yes"] * 8
    + ["YES", "Yes", "y", "T", "f", "01", "1", "0", "on", "off", "ja", " TRUE ", "Nein", "N", "yes!", "10"],
}


def test_validity_agrees_with_the_profile_on_hostile_values(make_sqlite: SqliteFactory) -> None:
    """Chrono, Rust regex and Polars casts are laxer than DuckDB in places; the cleaner must not be."""
    rows = list(zip(range(24), *ADVERSARIAL.values(), strict=True))
    path = make_sqlite(
        {"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, ts TEXT, num TEXT, i TEXT, b TEXT)", rows)}
    )
    profiled = profile(path)
    # '007', '+5' would not read back the same: the profile keeps those columns as text (lossless).
    assert (profiled["t"]["num"].inferred_type, profiled["t"]["i"].inferred_type) == ("text", "text")
    assert "leading zeros" in profiled["t"]["i"].type_reason
    # Typed by hand, they must be validated exactly as the profiler's shapes say.
    settings = load_settings(columns={"t": {"num": {"type": "double"}, "i": {"type": "integer"}}})
    result = clean(path, build_plan(profiled, settings=settings), settings=settings)
    for column in profiled["t"]:
        if column.name in ("num", "i"):
            continue
        stats = result["t"][column.name]
        assert (stats.non_null, stats.quarantined) == (column.valid_count, column.invalid_count), column.name
    # The hand-typed columns, computed independently: ASCII shapes as documented, within the type's range.
    absent = {"", *load_settings().null_tokens}
    values = {
        name: [v.strip() for v in ADVERSARIAL[name] if v.strip() not in absent] for name in ("i", "num")
    }
    integers = [v for v in values["i"] if re.fullmatch(r"[+-]?[0-9]{1,38}", v) and -(2**63) <= int(v) < 2**63]
    number = r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?[0-9]+,[0-9]+"
    doubles = [
        v for v in values["num"] if re.fullmatch(number, v) and math.isfinite(float(v.replace(",", ".")))
    ]
    for name, valid in (("i", integers), ("num", doubles)):
        stats = result["t"][name]
        assert (stats.non_null, stats.quarantined) == (len(valid), len(values[name]) - len(valid)), name


def test_the_outlier_fence_of_a_native_double_column_is_of_its_exact_values(
    make_sqlite: SqliteFactory,
) -> None:
    # Doubles whose 16th-17th digits matter (SQLite's own 15-digit text would round them).
    values = [i / 7 + 1e-13 * (i % 3) for i in range(1, 60)] + [1e6 / 3]
    rows = [(i + 1, v) for i, v in enumerate(values)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, x REAL)", rows)})
    con = sqlite3.connect(path)
    exact = [x for (x,) in con.execute("SELECT x FROM t")]
    con.close()
    # quantile_cont is linear interpolation between order statistics: Python's "inclusive" method.
    q1, _, q3 = statistics.quantiles(exact, n=4, method="inclusive")
    stats = _clean_rows(path)["t"]["x"]
    assert stats.type == "double"
    assert stats.outlier_fence == (q1 - 3 * (q3 - q1), q3 + 3 * (q3 - q1))
    assert stats.outliers == 1 and stats.outlier_examples == [f"60: {1e6 / 3}"]


def test_may_hold_nul_is_true_exactly_when_the_value_bytes_hold_one() -> None:
    from columnar_etl.cleaning.table import may_hold_nul

    cases = [["a", "b\x00c"], ["ab", None, ""], [], [None], ["\x00"], ["x  ", " y"]]
    for values in cases:
        expected = any(v is not None and "\x00" in v for v in values)
        assert may_hold_nul(pa.array(values, pa.string())) is expected, values
        assert may_hold_nul(pa.array(values, pa.large_string())) is expected, values
    # A slice is judged by its whole data buffer: a NUL outside the slice answers "maybe" (never "no"
    # for a value that has one).
    assert may_hold_nul(pa.array(["a\x00", "b"]).slice(1)) is True
    assert may_hold_nul(pa.array(["a", "b\x00"]).slice(1)) is True
    # Layouts it does not read are always "maybe".
    assert may_hold_nul(pa.array(["a"], pa.string_view())) is True


def test_may_be_padded_is_true_when_a_value_starts_or_ends_with_whitespace() -> None:
    from columnar_etl.cleaning.table import may_be_padded
    from columnar_etl.rules import WHITESPACE

    cases = [["a", "b c"], ["", None, "x"], [], [None], ["ab", "ok."]]
    cases += [[f"{w}a"] for w in WHITESPACE] + [[f"a{w}"] for w in WHITESPACE] + [[w] for w in WHITESPACE]
    for values in cases:
        padded = any(v is not None and v != v.strip(WHITESPACE) for v in values)
        for kind in (pa.string(), pa.large_string()):
            answer = may_be_padded(pa.array(values, kind))
            assert answer or not padded, values  # never "no" when a value is padded
            if all(v is None or v.isascii() for v in values) and not any(
                v and (ord(v[0]) <= 32 or ord(v[-1]) <= 32) for v in values
            ):
                assert answer is padded, values
    # A non-ASCII first or last character, or a control byte, is "maybe" (only bytes are looked at).
    assert may_be_padded(pa.array(["café"])) is True
    assert may_be_padded(pa.array(["\x01a"])) is True
    # A slice is judged by its own values.
    assert may_be_padded(pa.array([" a", "b"]).slice(1)) is False
    assert may_be_padded(pa.array(["a", "b "]).slice(1)) is True
    assert may_be_padded(pa.array(["a"], pa.string_view())) is True


def test_batches_without_nul_or_padding_skip_that_work_and_clean_the_same(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from columnar_etl.cleaning import table as table_module
    from columnar_etl.cleaning.expressions import ColumnExprs

    values = [" \x00 a ", "b\x00", "  c ", "d", "", "NULL", "e\t", None]
    rows = [(i + 1, v, v) for i, v in enumerate(values)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, u TEXT)", rows)})
    plan = build_plan(profile(path), settings=load_settings())
    assert [plan.tables["t"][name].type for name in ("s", "u")] == ["text", "text"]
    used: list[dict[str, tuple[str, str]]] = []
    real = table_module.TableCleaner.stages

    def spied(self: table_module.TableCleaner, batch: pa.RecordBatch) -> table_module.Stages:
        stages = real(self, batch)
        used.append(
            {c.plan.name: (str(stages.trimmed[c.index]), str(stages.code[c.index])) for c in self.columns}
        )
        return stages

    monkeypatch.setattr(table_module.TableCleaner, "stages", spied)
    # Batches of two rows: checked only with the threshold lowered (by default they are too short).
    monkeypatch.setattr(table_module, "CHECKED_BATCH_ROWS", 2)
    with clean_stream(path, plan, batch_size=2) as stream:
        table = pa.Table.from_batches(list(stream.batches("t")))
        result = stream.result()
    # Per batch of two values, whether they hold a NUL byte or start or end with whitespace, computed
    # here: the stages used are the ones for exactly that.
    whitespace = "".join(chr(c) for c in (9, 10, 11, 12, 13, 32))
    columns = {c.name: ColumnExprs(c, i) for i, c in enumerate(plan.tables["t"].columns)}
    for number, stages in enumerate(used):
        pair = [v for v in values[2 * number : 2 * number + 2] if v is not None]
        nul_free = not any("\x00" in v for v in pair)
        unpadded = all(v == v.strip(whitespace) for v in pair)
        for name in ("s", "u"):
            variant = replace(columns[name], nul_free=nul_free, unpadded=unpadded)
            assert stages[name] == (str(variant.trimmed()), str(variant.code())), (number, name)
        keys = replace(columns["id"], unpadded=True, nul_free=True)  # its digits: never padded, no NUL
        assert stages["id"] == (str(keys.trimmed()), str(keys.code()))
    assert [stages["s"] != (str(columns["s"].trimmed()), str(columns["s"].code())) for stages in used] == [
        False,
        True,
        True,
        True,
    ]
    expected: list[str | None] = []
    for v in values:
        text = None if v is None else v.replace("\x00", "").strip(whitespace)
        expected.append(None if text in ("", "NULL") else text)
    assert table.column("s").to_pylist() == expected == table.column("u").to_pylist()
    stats = result["t"]
    for name in ("s", "u"):
        assert stats[name].nul_removed == sum(1 for v in values if v and "\x00" in v)
        trimmed = [v for v in values if v and v.replace("\x00", "").strip(whitespace) not in ("", "NULL")]
        assert stats[name].whitespace_trimmed == sum(
            1 for v in trimmed if v.replace("\x00", "") != v.replace("\x00", "").strip(whitespace)
        )
    assert result.audit is not None
    rules = {(r["row_key"], r["column"]): r["rule"] for r in result.audit.to_pylist()}
    assert rules[("1", "s")] == rules[("1", "u")]
    assert "nul" in rules[("1", "s")] and "trim" in rules[("1", "s")]
    assert rules[("3", "s")] == "trim" and rules[("7", "u")] == "trim"
    assert ("4", "s") not in rules


def test_batches_shorter_than_the_threshold_are_cleaned_by_the_full_stages_unchecked(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from columnar_etl.cleaning import table as table_module

    rows = [(i + 1, "a", " b ") for i in range(6)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, u TEXT)", rows)})
    plan = build_plan(profile(path), settings=load_settings())
    checked: list[int] = []
    real = table_module.may_be_padded

    def counted(array: pa.Array) -> bool:
        checked.append(len(array))
        return real(array)

    monkeypatch.setattr(table_module, "may_be_padded", counted)
    full = _spy_full_stages(monkeypatch)
    with clean_stream(path, plan, batch_size=3) as stream:
        table = pa.Table.from_batches(list(stream.batches("t")))
    assert table_module.CHECKED_BATCH_ROWS > 3
    assert checked == [] and full == [True, True]
    assert table.column("s").to_pylist() == ["a"] * 6 and table.column("u").to_pylist() == ["b"] * 6


def _spy_full_stages(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each batch cleaned from now on, whether it took the cleaner's full stages (not the lighter)."""
    from columnar_etl.cleaning import table as table_module

    full: list[bool] = []
    real_stages = table_module.TableCleaner.stages

    def spied(self: table_module.TableCleaner, batch: pa.RecordBatch) -> table_module.Stages:
        stages = real_stages(self, batch)
        full.append(stages is self._stages)
        return stages

    monkeypatch.setattr(table_module.TableCleaner, "stages", spied)
    return full


def test_short_batches_of_long_values_are_checked_and_cleaned_by_the_lighter_stages(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two rows of 1 MB values (a batch of fewer rows than CHECKED_BATCH_ROWS, of more bytes than
    CHECKED_BATCH_BYTES): checked, so neither the NUL removal nor the trim copies them; the same cells."""
    from columnar_etl.cleaning import table as table_module

    long = "x" * table_module.CHECKED_BATCH_BYTES
    rows = [(1, long, " b "), (2, long + "y", "c")]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, u TEXT)", rows)})
    plan = build_plan(profile(path), settings=load_settings())
    full = _spy_full_stages(monkeypatch)
    with clean_stream(path, plan, batch_size=2) as stream:
        table = pa.Table.from_batches(list(stream.batches("t")))
    assert full == [False]
    assert table.column("s").to_pylist() == [long, long + "y"] and table.column("u").to_pylist() == ["b", "c"]


def test_iso_only_date_columns_skip_the_canonical_shape_check_and_count_the_same(
    make_sqlite: SqliteFactory,
) -> None:
    from columnar_etl.cleaning.expressions import _CANONICAL, ColumnExprs

    (_TIMESTAMP_CANONICAL, _), (_DATE_CANONICAL, _) = _CANONICAL["timestamp"], _CANONICAL["date"]

    rows = [
        (1, "2025-05-20 08:42:00", "2025-05-20", "20/05/2025 08:42:00"),
        (2, " 2025-05-21 09:00:00", "2025-05-21 ", "2025-05-21 09:00:00"),
        (3, "2025-05-22 10:00:60", "2025-02-30", "21/05/2025 09:00:00"),
        (4, None, "", "2025-05-22 10:00:00"),
    ]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, ts TIMESTAMP, d DATE, mixed TIMESTAMP)"
    path = make_sqlite({"t": (ddl, rows)})
    plan = build_plan(profile(path), settings=load_settings())
    columns = {c.name: ColumnExprs(c, i) for i, c in enumerate(plan.tables["t"].columns)}
    assert plan.tables["t"]["ts"].formats == ("%Y-%m-%d %H:%M:%S",)
    assert plan.tables["t"]["d"].formats == ("%Y-%m-%d",)
    assert len(plan.tables["t"]["mixed"].formats) == 2
    # The ISO-only columns never look at the canonical shape a second time; a column with another
    # format still does (its day-first values are standardized).
    assert _TIMESTAMP_CANONICAL not in str(columns["ts"].code())
    assert _DATE_CANONICAL not in str(columns["d"].code())
    assert _TIMESTAMP_CANONICAL in str(columns["mixed"].code())
    result = clean(path, settings=load_settings(**GATES_OPEN))
    assert result.data is not None
    data = result.data["t"]
    assert data.column("ts").to_pylist() == [
        datetime(2025, 5, 20, 8, 42),
        datetime(2025, 5, 21, 9, 0),
        None,
        None,
    ]
    assert data.column("d").to_pylist() == [date(2025, 5, 20), date(2025, 5, 21), None, None]
    stats = result["t"]
    assert (stats["ts"].dates_standardized, stats["ts"].whitespace_trimmed) == (0, 1)
    assert (stats["d"].dates_standardized, stats["d"].whitespace_trimmed) == (0, 1)
    assert stats["mixed"].dates_standardized == 2


def test_profile_and_cleaner_give_a_compact_integer_of_no_day_the_same_reason(
    make_sqlite: SqliteFactory,
) -> None:
    # A declared date column of ISO dates read with its compact ones (20250520): 20251301 and
    # 20250230084200 have a compact form's digits and no such day (impossible_date, as 2025-02-30 is);
    # 1234 and 7 are no date at all (unparseable_date). Profile and cleaner say the same, value by value.
    iso = [f"2025-05-{d:02d}" for d in range(1, 21)]
    values = [*iso, 20250520, 20251301, 20250230084200, 1234, "2025-02-30", "soon"]
    path = make_sqlite(
        {"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, d DATE)", list(enumerate(values, start=1)))}
    )
    column = profile(path)["t"]["d"]
    assert column.inferred_type == "date" and column.date_formats["%Y%m%d"] == 1
    assert (column.issue_count("impossible_date"), column.issue_count("unparseable_date")) == (3, 2)
    assert set(column.issue("impossible_date").examples) == {"20251301", "20250230084200", "2025-02-30"}
    quarantine = _clean_rows(path).quarantine.to_pylist()
    reasons = {row["raw_value"]: row["rule"] for row in quarantine}
    assert reasons == {
        "20251301": "impossible_date",
        "20250230084200": "impossible_date",
        "2025-02-30": "impossible_date",
        "1234": "unparseable_date",
        "soon": "unparseable_date",
    }


def test_formats_tried_on_the_values_left_read_what_one_expression_per_format_reads() -> None:
    # first_formats tries each format only on the values no earlier one read; the result must be
    # pl.coalesce of every format over every value (the first format that reads a value wins), and
    # its positions the format each value was read by. Values of every recognised shape, each also
    # broken (no such day), plus text, blanks and NULLs.
    samples = {
        shape.day_first: datetime(2025, 5, 20, 8, 42, 7).strftime(shape.day_first.replace("%-", "%"))
        for shape in DATE_SHAPES
        if "%z" not in shape.day_first and "%Z" not in shape.day_first
    }
    values = [*samples.values(), *(v.replace("20", "31", 1).replace("05", "02", 1) for v in samples.values())]
    values += ["20 May 2025 08:42:07 EST", "Tue May 20 08:42:07 PDT 2025", "soon", "", None, "20/05/2025"]
    text = pl.Series("t", values * 3)
    for zoned, stamp_type in ((False, pl.Datetime("us")), (True, pl.Datetime("us", "UTC"))):
        formats = tuple(known_formats("day_first", zoned=zoned))
        got = first_formats(text, formats, stamp_type)
        frame = pl.DataFrame({"t": text})
        expected = frame.select(pl.coalesce([format_candidate(pl.col("t"), f, stamp_type) for f in formats]))
        assert got["value"].to_list() == expected.to_series().to_list()
        assert got["value"].null_count() < len(text) - 20
        for value, position, raw in zip(got["value"], got["format"], text, strict=True):
            if value is None:
                assert position is None
                continue
            one = pl.DataFrame({"t": [raw]}).select(
                format_candidate(pl.col("t"), formats[position], stamp_type)
            )
            assert one.item() == value
            earlier = [format_candidate(pl.col("t"), f, stamp_type) for f in formats[:position]]
            if earlier:
                assert pl.DataFrame({"t": [raw]}).select(pl.coalesce(earlier)).item() is None


def test_each_null_token_is_judged_by_its_own_count(make_sqlite: SqliteFactory) -> None:
    # Tokens of one word form share a row of the profile query; they were judged by their mean count,
    # so a placeholder's 300 cells made a vocabulary's one headword `none` NULL beside it. And among
    # lower-case words only, a token was kept however often it stood: `null` in half a column of
    # payment methods is the export's placeholder (it stands wherever a value is missing: far more
    # often than any value), while `none` as often as `cash` or `card` is one of the methods.
    rows = 600
    heads = _vocabulary(rows, 2, capital=False)
    heads[0:300] = ["null"] * 300  # a placeholder, 300 times
    heads[310] = "none"  # a headword, once
    methods = ["cash", "card", "cheque", "voucher"]
    placeholder = [methods[i // 2 % 4] if i % 2 else "null" for i in range(rows)]
    category = [["none", *methods][i % 5] for i in range(rows)]
    countries = [["DE", "FR", "NA", "US"][i % 4] for i in range(rows)]
    columns = {"headword": heads, "method": placeholder, "discount": category, "country": countries}
    names = list(columns)
    ddl = f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(f'{name} TEXT' for name in names)})"
    path = make_sqlite({"t": (ddl, [(i, *(columns[n][i] for n in names)) for i in range(rows)])})
    profiled = profile(path)["t"]
    result = clean(path)
    assert result.data is not None
    kept = {"headword": ["none"], "method": [], "discount": ["none"], "country": ["NA"]}
    nulled = {"headword": 300, "method": 300, "discount": 0, "country": 0}
    for name in names:
        column = profiled[name]
        assert (column.tokens_as_values, column.null_like_count) == (kept[name], nulled[name]), name
        got = result.data["t"].column(name).to_pylist()
        assert got == [None if nulled[name] and value == "null" else value for value in columns[name]], name


def test_a_native_read_sqlite_would_take_from_an_index_is_read_as_text_in_rowid_order(
    make_sqlite: SqliteFactory,
) -> None:
    # h42's fuzz: with ANALYZE's statistics, SQLite scanned an index of two other columns for DuckDB's
    # native read of the INTEGER PRIMARY KEY alone (every index entry holds the rowid): in the index's
    # order, beside the text read in rowid order, and the run failed ("the native and the text read of
    # the table differ in rows").
    ddl = (
        "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, subject TEXT, body TEXT, "
        "status TEXT COLLATE NOCASE, created DATETIME, closed DATETIME)"
    )
    body = "printer vpn ok été ticket urgent " * 5
    rows = [
        (1, "a" * 300, body, "CLOSED", "2025-01-01 10:00", 1700000000.5),
        (2, "b", body, "CLOSED", "2025-01-02 10:00", 1700000001.5),
        (4, "c" * 300, body, "CLOSED", "2025-01-04 10:00", None),
        (5, "d", body, "CLOSED", None, 1700000004.5),
    ]
    path = make_sqlite({"t": (ddl, rows)})
    con = sqlite3.connect(path)
    con.execute("CREATE INDEX t_open ON t(created) WHERE status = 'open'")
    con.execute("CREATE INDEX t_desc ON t(created DESC, status COLLATE NOCASE)")
    con.execute("ANALYZE")
    con.commit()
    plan = con.execute('EXPLAIN QUERY PLAN SELECT rowid, "id" FROM "t"').fetchone()[3]
    in_rowid_order = [r for (r,) in con.execute("SELECT id FROM t ORDER BY rowid")]
    con.close()
    assert plan == "SCAN t USING COVERING INDEX t_desc"
    result = clean(path)
    assert result.data is not None
    assert result.data["t"].column("id").to_pylist() == in_rowid_order == [1, 2, 4, 5]
    assert result.data["t"].column("subject").to_pylist() == [row[1] for row in rows]


def _blob_expectation(path: Path, table: str, columns: list[str]) -> tuple[list[tuple[Any, ...]], set[Any]]:
    """Independently of the cleaner (sqlite3): each row as it should come out when a BLOB cell of a
    column not planned bytea is quarantined (NULL there, the rest as the source holds it), and the
    quarantine rows (row key, column, ``hex:`` and the BLOB's bytes, ``blob_in_<type>_column``)."""
    with sqlite3.connect(path) as con:
        cells = con.execute(f"SELECT id, {', '.join(columns)} FROM {table} ORDER BY id").fetchall()
        blobs = {
            (str(key), column, f"hex:{hexed}")
            for column in columns
            for key, hexed in con.execute(
                f"SELECT id, hex({column}) FROM {table} WHERE typeof({column}) = 'blob'"
            ).fetchall()
        }
    rows = [(row[0], *(None if isinstance(cell, bytes) else cell for cell in row[1:])) for row in cells]
    return rows, blobs


def test_a_blob_cell_in_a_column_a_saved_plan_reads_as_text_or_number_is_quarantined(
    make_sqlite: SqliteFactory, tmp_path: Path
) -> None:
    # clean --plan profiles nothing: a plan made where `note` held text and `n` integers, applied to an
    # export holding BLOBs there, decoded them (b'blobby' came out as 'blobby', b'caf\xe9 \xff\x00' as
    # 'café ÿ', b'7' as 7), unaudited (h49). Now each is quarantined with its bytes, the column's type kept.
    ddl = "CREATE TABLE items (id INTEGER PRIMARY KEY, note TEXT, n)"
    first = make_sqlite({"items": (ddl, [(i, f"note {i}", i) for i in range(1, 30)])}, name="q1.db")
    plan = build_plan(profile(first), settings=load_settings())
    assert [(c.name, c.type) for c in plan.tables["items"].columns] == [
        ("id", "integer"),
        ("note", "text"),
        ("n", "integer"),
    ]
    rows = [
        (1, b"blobby", 1),
        (2, b"caf\xe9 \xff\x00", 2),
        (3, b"", 3),
        (4, "plain", b"7"),
        (5, None, 5),
        (6, "caf\u00e9", b""),
        (7, "last", 7),
    ]
    second = make_sqlite({"items": (ddl, rows)}, name="q2.db")
    out, audit, quarantine = tmp_path / "out.db", tmp_path / "a.parquet", tmp_path / "q.parquet"
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan.to_dict()))
    clean(second, plan_file, output=out, audit=audit, quarantine=quarantine)
    expected_rows, blobs = _blob_expectation(second, "items", ["note", "n"])
    with sqlite3.connect(out) as con:
        assert con.execute("SELECT id, note, n FROM items ORDER BY id").fetchall() == expected_rows
        declared = [(r[1], r[2]) for r in con.execute("PRAGMA table_info(items)")]
    assert declared == [("id", "INTEGER"), ("note", "TEXT"), ("n", "INTEGER")]  # the planned types
    kinds = {"note": "blob_in_text_column", "n": "blob_in_integer_column"}
    wanted = {(key, column, raw, kinds[column]) for key, column, raw in blobs}
    assert len(wanted) == 5
    shown = {
        (q["row_key"], q["column"], q["raw_value"], q["rule"]) for q in pq.read_table(quarantine).to_pylist()
    }
    assert shown == wanted
    # Nothing else changed: the audit holds exactly the quarantined cells.
    audited = {
        (a["row_key"], a["column"], a["raw_value"], a["rule"]) for a in pq.read_table(audit).to_pylist()
    }
    assert audited == wanted


def test_a_blob_cell_a_sampled_profile_did_not_see_is_quarantined(
    make_sqlite: SqliteFactory, tmp_path: Path
) -> None:
    # A sample may miss the few BLOB cells of a text column: its plan reads every cell's storage class,
    # and such a cell is quarantined as under a saved plan, not decoded into text.
    rows: list[tuple[Any, ...]] = [(i, f"note {i}") for i in range(1, 2000)]
    rows += [(2000, b"blobby"), (2001, b"caf\xe9 \xff\x00"), (2002, "after")]
    path = make_sqlite({"items": ("CREATE TABLE items (id INTEGER PRIMARY KEY, note TEXT)", rows)})
    sampled = profile(path, sample=20)
    assert (
        sampled.tables["items"].columns["note"].storage_classes.get("blob", 0) == 0
    )  # the sample missed them
    plan = build_plan(sampled, settings=load_settings())
    assert plan.tables["items"]["note"].type == "text"
    quarantine = tmp_path / "q.parquet"
    with clean_stream(path, plan, quarantine=quarantine) as stream:
        table = pa.Table.from_batches(list(stream.batches("items")), stream.schema("items"))
        stream.result()  # commits the quarantine file
    expected_rows, blobs = _blob_expectation(path, "items", ["note"])
    assert (
        list(zip(table.column("id").to_pylist(), table.column("note").to_pylist(), strict=True))
        == expected_rows
    )
    shown = {
        (q["row_key"], q["column"], q["raw_value"], q["rule"]) for q in pq.read_table(quarantine).to_pylist()
    }
    assert shown == {(key, column, raw, "blob_in_text_column") for key, column, raw in blobs}
    assert len(shown) == 2


def test_a_given_plan_that_lacks_a_table_of_the_export_says_so(make_sqlite: SqliteFactory) -> None:
    # h51: `clean --plan` of a plan made for some tables only (or an earlier export) cleaned those and
    # left the others out in silence (exit 0). They are named now, a warning (exit 2).
    path = make_sqlite(
        {
            "a": ("CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT)", [(1, "x"), (2, "y")]),
            "b": ("CREATE TABLE b (id INTEGER PRIMARY KEY, w TEXT)", [(1, "z")]),
        }
    )
    plan = build_plan(profile(path, ["a"]), settings=load_settings())
    result = clean(path, plan)
    assert result.data is not None and list(result.data) == ["a"]
    assert result.unplanned == ["b"]
    assert result.warnings == ["table 'b' of the export is not in the plan: not cleaned, not in the output"]
    # Asked for one table, or planned from the whole export: nothing to say.
    assert clean(path, plan, tables=["a"]).warnings == []
    assert clean(path, build_plan(profile(path), settings=load_settings())).warnings == []


def test_a_value_that_is_nul_bytes_and_whitespace_is_empty_in_the_profile_and_the_cleaner(
    make_sqlite: SqliteFactory,
) -> None:
    # C programs pad fixed-width fields with NUL bytes: a field of NULs is an empty field. The profile
    # counts what the cleaner does, in a text column (NULs removed, then trimmed) and a typed one (a
    # value holding a NUL is no date; one that is empty or a null token without them is absent).
    text = ["  \x00", "\x00" * 8, " a\x00 ", "NULL\x00", "ok", None, "fine", "x", "y", "z"]
    stamps = ["\x00" * 19, " \x00 ", "NULL\x00", "2025-05-21 08:00:00\x00"]
    stamps += [f"2025-05-{day:02d} 08:00:00" for day in range(10, 16)]
    rows = [(i + 1, t, s) for i, (t, s) in enumerate(zip(text, stamps, strict=True))]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT, seen TIMESTAMP)", rows)})
    found = profile(path)
    result = clean(path, build_plan(found, settings=load_settings()), settings=load_settings())
    note, seen = found.tables["t"]["note"], found.tables["t"]["seen"]
    assert (note.inferred_type, seen.inferred_type) == ("text", "timestamp")
    # Expected from the rule, value by value: the text column's cells NUL-free, trimmed, '' and
    # tokens NULL; the typed column's absent ones NULL, its date with a NUL quarantined.
    assert result.data["t"].column("note").to_pylist() == [
        None,
        None,
        "a",
        None,
        "ok",
        None,
        "fine",
        "x",
        "y",
        "z",
    ]
    assert result.data["t"].column("seen").to_pylist() == [None] * 4 + [
        datetime(2025, 5, day, 8) for day in range(10, 16)
    ]
    stats = result["t"]
    assert (note.issue_count("empty_string"), stats["note"].empty_strings_converted) == (2, 2)
    assert (note.issue_count("null_like"), stats["note"].null_likes_converted) == (1, 1)
    assert (note.issue_count("nul_byte"), stats["note"].nul_removed) == (1, 1)
    assert (note.issue_count("whitespace"), stats["note"].whitespace_trimmed) == (1, 1)
    assert (seen.issue_count("empty_string"), stats["seen"].empty_strings_converted) == (2, 2)
    assert (seen.issue_count("null_like"), stats["seen"].null_likes_converted) == (1, 1)
    assert (seen.issue_count("unparseable_date"), stats["seen"].quarantined) == (1, 1)


def test_columns_no_rule_changes_pass_through_and_keep_the_rows_kept(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A BLOB column and long text needing no rule pass through the cleaning as read (not through
    Polars), and still hold, row for row, the cells of the rows the cleaning keeps (``reject_row``
    drops the rows of an unfixable number)."""
    from columnar_etl.cleaning import table as table_module

    rng = random.Random(7)
    rows = [
        (
            i + 1,
            "x" if i == 4 else str(i),
            "".join(rng.choices("abcdef", k=200_000)),
            rng.randbytes(50_000),
        )
        for i in range(12)
    ]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, n TEXT, note TEXT, data BLOB)", rows)})
    settings = load_settings(quarantine_policy="reject_row", columns={"t": {"n": {"type": "integer"}}})
    plan = build_plan(profile(path), settings=settings)
    assert [plan.tables["t"][c].type for c in ("n", "note", "data")] == ["integer", "text", "bytea"]
    seen: list[set[str]] = []
    real = table_module.TableCleaner.passed

    def spied(self: table_module.TableCleaner, batch: pa.RecordBatch) -> set[int]:
        passed = real(self, batch)
        seen.append({self.columns[i].plan.name for i in passed})
        return passed

    monkeypatch.setattr(table_module.TableCleaner, "passed", spied)
    with clean_stream(path, plan, settings=settings, batch_size=6) as stream:
        table = pa.Table.from_batches(list(stream.batches("t")))
        result = stream.result()
    assert seen and all(names == {"note", "data"} for names in seen)
    con = sqlite3.connect(path)
    expected = con.execute(
        "SELECT id, CAST(n AS INTEGER), note, data FROM t WHERE n <> 'x' ORDER BY id"
    ).fetchall()
    con.close()
    assert [tuple(r.values()) for r in table.to_pylist()] == expected
    assert result.tables["t"].rows_rejected == 1


@pytest.mark.parametrize(
    ("ddl", "row"),
    [
        ("CREATE TABLE t (data BLOB)", lambda i, rng: (rng.randbytes(300_000),)),
        ("CREATE TABLE t (note TEXT, data BLOB)", lambda i, rng: (f"note {i}", rng.randbytes(300_000))),
    ],
    ids=["one-blob", "text-and-blob"],
)
def test_a_table_every_column_of_which_passes_through_keeps_its_rows(
    ddl: str, row: Callable[[int, random.Random], tuple[Any, ...]], make_sqlite: SqliteFactory
) -> None:
    """A table none of whose columns any rule changes (no key: a Core Data store's Z_MODELCACHE, one BLOB)
    passes every column through: its batches still hold their rows (a frame of no columns had none, and
    a run loaded 0 of 1 rows), exact copies removed as ever."""
    rng = random.Random(11)
    rows = [row(i, rng) for i in range(8)]
    rows.append(rows[2])  # an exact copy: removed, audited (duplicates = remove)
    path = make_sqlite({"t": (ddl, rows)})
    plan = build_plan(profile(path), settings=load_settings())
    with clean_stream(path, plan, batch_size=4) as stream:
        table = pa.Table.from_batches(list(stream.batches("t")))
    con = sqlite3.connect(path)
    try:
        expected = sorted(set(con.execute("SELECT * FROM t").fetchall()))
    finally:
        con.close()
    assert sorted(tuple(r.values()) for r in table.to_pylist()) == expected


def test_documents_in_checked_batches_keep_their_layout_and_their_blanks_are_null(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column of documents (PEMs beside one-line settings: ``line_terminated``) cleaned in batches
    checked for padding: each value is kept byte for byte, a batch of one-line values passed through,
    and a blank of whitespace alone or a padded null token (``'\\n'``, ``'N/A\\n'``) is NULL in every
    batch, audited as in any column; nothing is trimmed."""
    from columnar_etl.cleaning import table as table_module

    values = ["-----BEGIN K-----\nQUJD\n-----END K-----\n", "64738", "Köln", "x", "\n", "y", "N/A\n", "z"]
    values += ["", "a\r\nb\r\n"]
    rows = [(i + 1, v) for i, v in enumerate(values)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", rows)})
    found = profile(path)
    assert found.tables["t"].columns["v"].layout_kept
    plan = build_plan(found, settings=load_settings())
    monkeypatch.setattr(table_module, "CHECKED_BATCH_ROWS", 2)
    with clean_stream(path, plan, batch_size=2) as stream:
        table = pa.Table.from_batches(list(stream.batches("t")))
        result = stream.result()
    absent = {v: v.strip() in ("", "N/A") for v in values}
    assert table.column("v").to_pylist() == [None if absent[v] else v for v in values]
    stats = result["t"]["v"]
    blanks, tokens = sum(v.strip() == "" for v in values), sum(v.strip() == "N/A" for v in values)
    assert (stats.whitespace_trimmed, stats.empty_strings_converted, stats.null_likes_converted) == (
        0,
        blanks,
        tokens,
    )
    assert result.audit is not None
    assert {r["row_key"]: r["rule"] for r in result.audit.to_pylist()} == {
        str(i): "empty_to_null" if v.strip() == "" else "null_like_to_null" for i, v in rows if absent[v]
    }


def test_an_output_whose_re_profile_runs_out_of_memory_is_complete_and_a_warning(
    small_fixture: Path, tmp_path: Path
) -> None:
    # A plan made at the default limit, cleaned at 1 MB: the cleaning fits (duplicates kept, nothing
    # listed), the output's re-profile does not. It failed the clean (exit 1, "file out.db ... profiling
    # ran out of memory") with the complete output left in place, so running again with the limit raised
    # was refused: "the output already exists". The output stays, the re-profile is a warning (exit 2).
    plan = build_plan(profile(small_fixture), settings=load_settings())
    out = tmp_path / "out.db"
    settings = load_settings(profile_memory_limit="1MB", duplicates="keep")
    result = clean(small_fixture, plan, output=out, reprofile=True, settings=settings)
    assert result.quality_reprofiled is None
    [warning] = [line for line in result.warnings if "re-profile" in line]
    assert "ran out of memory" in warning and "profile_memory_limit (now 1MB)" in warning
    assert f"{out} is complete" in warning and "\n" not in warning
    with sqlite3.connect(small_fixture) as source, sqlite3.connect(out) as written:
        for table in plan.tables:
            (rows,) = source.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            assert written.execute(f'SELECT count(*) FROM "{table}"').fetchone() == (rows,)
