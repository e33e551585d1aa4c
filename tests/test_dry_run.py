"""profiling/dry_run.py against real SQLite files, real DuckDB and the real (embedded) PostgreSQL: what
the target rejects that DuckDB accepted, reported with PostgreSQL's own words, and nothing left behind."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from columnar_etl.cleaning.expressions import ColumnExprs
from columnar_etl.config import load_settings, mask_uri
from columnar_etl.errors import TargetError
from columnar_etl.gates.dry_run import (
    DryRunResult,
    Rejection,
    apply_dry_run,
    cleaned_sample,
    dry_run,
    quarantined,
    sent_values,
)
from columnar_etl.models import ColumnProfile, GateReason, GateResult, Profile
from columnar_etl.planning.build import build_plan
from columnar_etl.profiling.profile import profile
from columnar_etl.source.export import open_source
from columnar_etl.source.identity import file_checksum
from export_generator import generate_export

from .conftest import SqliteFactory, pg_query

#: Values checked per column of the committed fixture (all 109 tickets, 1000-row samples of the rest).
FIXTURE_CHECKED = {
    "tickets": {
        "TKT-Ticket ID": 109,
        "TKT-Subject": 108,
        "TKT-Status": 109,
        "TKT-Priority": 109,
        "TKT-Agent": 108,
        "TKT-Created Time": 105,
        "TKT-First Response Time": 101,
        "TKT-Resolved Time": 81,
        "TKT-Due Date": 105,
        "TKT-SLA Breached?": 107,
        "TKT-Customer #": 106,
        "TKT-Satisfaction": 45,
    },
    "comments": {
        "CMT-Comment ID": 1000,
        "CMT-Ticket ID": 1000,
        "CMT-Created Time": 983,
        "CMT-Author": 991,
        "CMT-Body": 990,
        "CMT-Is Public?": 986,
    },
    "timesheets": {
        "TS-Entry ID": 1000,
        "TS-Ticket ID": 1000,
        "TS-Agent": 1000,
        "TS-Date": 983,
        "TS-Start Time": 984,
        "TS-Hours": 982,
        "TS-Billable?": 988,
        "TS-Rate": 750,
    },
}
NUL_MESSAGE = 'invalid byte sequence for encoding "UTF8": 0x00'
HUGE_DECIMAL = "1" + "0" * 140_000 + ".5"  # PostgreSQL's numeric holds 131072 digits before the point

# "Score" and "Count" have no declared type: SQLite keeps the text as written. A declared REAL would
# turn '1e400' into Inf (a double: PostgreSQL's Infinity; see "Paid").
# "Score" and "Amount" claim a number type (their dirt is then quarantined, up to the majority rule)
# but have SQLite's BLOB affinity ("BLOB" in the name comes first), so their text is stored as written.
# Both are text all the same (lossless): no double holds Score's 1e400 and 1e-400 (and its exponents
# need a double), no numeric(38) Amount's widest (since 2026-12-02: before, the profile counted it a
# valid numeric and cleaning quarantined it). Typed by an override, their cleaning quarantines them.
EVENTS_DDL = (
    'CREATE TABLE "my ""events""" ("Created Time" TIMESTAMP, "Due Date" DATE, "Score" DOUBLE_BLOB, '
    '"Amount" NUMERIC_BLOB, "Count", "Note" TEXT, "Flag" BOOLEAN, "updated_at" INTEGER, "Paid" REAL)'
)


def _events_rows() -> list[list[str]]:
    rows = [
        [
            f"2024-01-{i:02d} 10:00:00",
            f"{i:02d}/01/2024",
            f"{i}.5e3",
            f"{i}.50",
            str(i),
            "ok",
            "yes" if i % 2 else "no",
            str(1_700_000_000 + i),
            f"{i}.25",
        ]
        for i in range(1, 31)
    ]
    bad = [
        (0, "0000-01-01 10:00:00"),  # DuckDB: 1 BC; PostgreSQL has no year 0, nor has the cleaner
        (1, "01/01/0000"),
        (2, "1e400"),  # DuckDB: inf
        (2, "1e-400"),  # DuckDB: 0.0
        (3, HUGE_DECIMAL),
        (4, "9223372036854775808"),  # bigint max + 1: the column becomes numeric
        (4, "999999999999999999"),
        (2, "nan"),
        (2, "inf"),
        (2, "-Infinity"),
        (5, "a\x00b"),
        (8, "1e400"),  # REAL affinity: SQLite stores Inf
    ]
    for column, value in bad:
        row = list(rows[0])
        row[column] = value
        rows.append(row)
    return rows


@pytest.fixture
def events(make_sqlite: SqliteFactory) -> Path:
    """An export whose dirt DuckDB accepts but PostgreSQL does not (and some that never gets there)."""
    return make_sqlite({'my "events"': (EVENTS_DDL, _events_rows())})


@pytest.fixture
def events_profile(events: Path) -> Profile:
    return profile(events)


def _checked(result: DryRunResult) -> dict[str, dict[str, int]]:
    return {t.name: {c.name: c.checked for c in t.columns.values()} for t in result.tables.values()}


def _invalid_examples(column: ColumnProfile) -> set[str]:
    issue = column.issue("invalid_number")
    return set(issue.examples) if issue else set()


def _catalog(uri: str) -> dict[str, list[tuple[object, ...]]]:
    return {
        "namespaces": pg_query(uri, "SELECT oid, nspname FROM pg_namespace ORDER BY oid"),
        "relations": pg_query(uri, "SELECT oid, relname, relnamespace FROM pg_class ORDER BY oid"),
        "functions": pg_query(uri, "SELECT oid, proname FROM pg_proc ORDER BY oid"),
    }


def test_fixture_has_no_rejections_and_exact_counts(small_fixture: Path, pg_uri: str) -> None:
    result = dry_run(small_fixture, profile(small_fixture), pg_uri)
    assert result.ok and result.rejected == 0
    # PostgreSQL 16's input functions where the server has them, else the row-wise exception blocks.
    major = pg_query(pg_uri, "SELECT current_setting('server_version_num')::int / 10000")[0][0]
    assert int(result.server_version.split(".")[0]) == major
    assert result.method == ("input_functions" if major >= 16 else "exception_blocks")
    assert _checked(result) == FIXTURE_CHECKED
    assert result.checked == sum(sum(t.values()) for t in FIXTURE_CHECKED.values()) == 14_830
    assert {t.name: t.sampled_rows for t in result.tables.values()} == {
        "tickets": 109,
        "comments": 1000,
        "timesheets": 1000,
    }
    # The sample is the profiler's: every column's checked count is what a 1000-row profile calls valid,
    # and the cleaner quarantines exactly what that profile calls invalid.
    sampled = profile(small_fixture, sample=1000)
    assert {c.name: c.checked for c in result.columns} == {c.name: c.valid_count for c in sampled.columns}
    assert {c.name: c.quarantined for c in result.columns} == {
        c.name: c.invalid_count for c in sampled.columns
    }
    # NUL bytes in text: PostgreSQL rejects the raw value, cleaning strips the byte.
    assert {(c.table, c.name): c.repaired for c in result.columns if c.repaired} == {
        ("tickets", "TKT-Subject"): 1,
        ("comments", "CMT-Body"): 3,
    }
    repair = result["tickets"]["TKT-Subject"].repairs[0]
    assert repair.value == "Printer jam for finance tea\\0m"
    assert (repair.message, repair.sqlstate) == (NUL_MESSAGE, "22021")


def test_generated_prod_export_has_no_rejections(tmp_path: Path, pg_uri: str) -> None:
    path = tmp_path / "export.db"
    generate_export(path, scale=0.01, seed=5, dirt="prod")
    sampled = profile(path, sample=200)
    result = dry_run(path, sampled, pg_uri, sample_rows=200)
    assert result.ok, result
    assert result.checked > 0
    assert {(c.table, c.name): c.checked for c in result.columns} == {
        (c.table, c.name): c.valid_count for c in sampled.columns
    }
    assert {(c.table, c.name): c.quarantined for c in result.columns} == {
        (c.table, c.name): c.invalid_count for c in sampled.columns
    }
    assert all(t.sampled_rows == min(200, sampled[t.name].row_count) for t in result.tables.values())


def test_year_zero_is_quarantined_before_postgresql_sees_it(
    events: Path, events_profile: Profile, pg_uri: str
) -> None:
    # PostgreSQL has no year 0 ('date/time field value out of range'); DuckDB reads it as 1 BC. The
    # profile and the cleaner call it an impossible date, so it never reaches the target.
    result = dry_run(events, events_profile, pg_uri)
    table = result['my "events"']
    created, due = table["Created Time"], table["Due Date"]
    assert (created.pg_type, created.checked, created.rejected) == ("timestamp", 41, 0)
    assert _quarantines(result, "Created Time") == {("0000-01-01 10:00:00", "impossible_date")}
    assert (due.pg_type, due.checked, due.rejected) == ("date", 41, 0)
    assert _quarantines(result, "Due Date") == {("01/01/0000", "impossible_date")}
    with pytest.raises(Exception, match="out of range"):
        pg_query(pg_uri, "SELECT '0000-01-01'::date")


def _quarantines(result: DryRunResult, column: str) -> set[tuple[str, str]]:
    return {(r.value, r.message) for r in result['my "events"'][column].quarantines}


def test_doubles_beyond_float8_are_quarantined(events: Path, events_profile: Profile, pg_uri: str) -> None:
    """1e400 / 1e-400 have a number's shape but no double holds them (DuckDB reads inf / 0): the
    profile keeps their column text; typed double by the operator, cleaning quarantines them (it
    would load neither infinity nor 0), so PostgreSQL never sees them."""
    profiled = events_profile['my "events"']["Score"]
    assert profiled.inferred_type == "text" and "none holds them" in profiled.type_reason
    double = load_settings(columns={'my "events"': {"Score": {"type": "double"}}})
    result = dry_run(events, events_profile, pg_uri, settings=double)
    score = result['my "events"']["Score"]
    # inferred_type is the profile's; the plan (the override's) made it a double.
    assert score.inferred_type == "text" and score.pg_type == "double precision"
    assert score.rejected == 0
    assert _quarantines(result, "Score") == {
        ("1e400", "numeric_overflow"),
        ("1e-400", "numeric_overflow"),
        ("nan", "invalid_number"),
        ("inf", "invalid_number"),
        ("-Infinity", "invalid_number"),
    }
    assert all(r.check == "cleaning" and r.sqlstate is None for r in score.quarantines)
    assert score.checked == len(_events_rows()) - 5


def test_numeric_overflow_is_quarantined(events: Path, events_profile: Profile, pg_uri: str) -> None:
    # The profile keeps Amount text (no numeric(38) holds its widest); the operator's numeric does not.
    assert events_profile['my "events"']["Amount"].inferred_type == "text"
    numeric = load_settings(columns={'my "events"': {"Amount": {"type": "numeric"}}})
    result = dry_run(events, events_profile, pg_uri, settings=numeric)
    amount = result['my "events"']["Amount"]
    assert (amount.checked, amount.rejected, amount.quarantined) == (len(_events_rows()) - 1, 0, 1)
    (value,) = amount.quarantines
    assert value.message == "numeric_overflow"
    # A 140,001-digit value is shown clipped.
    assert value.value.startswith("1000") and value.value.endswith("…") and len(value.value) == 200


def test_values_cleaning_nulls_never_reach_postgres(
    events: Path, events_profile: Profile, pg_uri: str
) -> None:
    result = dry_run(events, events_profile, pg_uri)
    table = result['my "events"']
    # Beyond bigint: the column is numeric (lossless), so every value goes through and PostgreSQL
    # takes them all, bigint max + 1 included.
    count = events_profile['my "events"']["Count"]
    assert count.inferred_type == "numeric" and count.invalid_count == 0
    assert count.type_reason == "integers beyond bigint"
    assert (table["Count"].checked, table["Count"].rejected, table["Count"].quarantined) == (42, 0, 0)
    # nan / inf / -Infinity parse as DOUBLE in DuckDB but are no number shape: in a column no double
    # holds (1e400, 1e-400), text as written; as a double, NULL after cleaning.
    score = events_profile['my "events"']["Score"]
    assert score.inferred_type == "text" and table["Score"].rejections == []
    double = load_settings(columns={'my "events"': {"Score": {"type": "double"}}})
    as_double = dry_run(events, events_profile, pg_uri, settings=double)['my "events"']["Score"]
    assert {"nan", "inf", "-Infinity"} <= {r.value for r in as_double.quarantines}
    assert not {"nan", "inf", "-Infinity"} & {r.value for r in as_double.rejections}
    # '1e400' in a REAL column: SQLite stores Inf, a double like any REAL cell: it is sent as one, and
    # PostgreSQL's double precision takes it (Infinity).
    paid = table["Paid"]
    assert (paid.checked, paid.rejected) == (42, 0)
    assert _invalid_examples(events_profile['my "events"']["Paid"]) == set()
    assert _quarantines(result, "Paid") == set()


def test_nul_bytes_are_repaired_unless_kept(events: Path, events_profile: Profile, pg_uri: str) -> None:
    stripped = dry_run(events, events_profile, pg_uri)['my "events"']["Note"]
    assert (stripped.checked, stripped.rejected, stripped.repaired) == (42, 0, 1)
    assert [(r.value, r.message) for r in stripped.repairs] == [("a\\0b", NUL_MESSAGE)]
    kept = dry_run(events, events_profile, pg_uri, strip_nul=False)
    note = kept['my "events"']["Note"]
    assert (note.rejected, note.repaired) == (1, 0)
    assert [(r.value, r.message, r.sqlstate) for r in note.rejections] == [("a\\0b", NUL_MESSAGE, "22021")]
    # The NUL byte: everything else (year 0 too) cleaning quarantines before the COPY.
    assert not kept.ok and kept.rejected == 1


def test_exception_blocks_find_the_same(events: Path, events_profile: Profile, pg_uri: str) -> None:
    """The pre-16 method (row-wise PL/pgSQL exception blocks), forced on the new server."""
    if pg_query(pg_uri, "SELECT current_setting('server_version_num')::int")[0][0] < 160000:
        pytest.skip("the input functions need PostgreSQL 16 or later: nothing to compare with")
    new = dry_run(events, events_profile, pg_uri, strip_nul=False)
    old = dry_run(events, events_profile, pg_uri, strip_nul=False, _input_functions=False)
    assert old.method == "exception_blocks" and new.method == "input_functions"

    def found(result: DryRunResult) -> dict[tuple[str, str], set[tuple[str, str, str | None]]]:
        return {
            (c.table, c.name): {(r.value, r.message, r.sqlstate) for r in c.rejections}
            for c in result.columns
        }

    assert found(old) == found(new)
    assert _checked(old) == _checked(new)
    checks = {c.name: {r.check for r in c.rejections} for c in old.columns if c.rejections}
    assert checks == {"Note": {"raw text input (NUL byte kept)"}}


def test_nothing_persists_on_the_target(events: Path, events_profile: Profile, pg_uri: str) -> None:
    before = _catalog(pg_uri)
    assert not dry_run(events, events_profile, pg_uri, strip_nul=False).ok
    dry_run(events, events_profile, pg_uri, strip_nul=False, _input_functions=False)
    assert _catalog(pg_uri) == before
    assert pg_query(pg_uri, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'pg_temp%'") == [(0,)]
    assert pg_query(pg_uri, "SELECT count(*) FROM pg_class WHERE relname LIKE 'columnar_etl%'") == [(0,)]


def test_unreachable_target_is_a_target_error_with_the_password_masked(
    small_fixture: Path, events_profile: Profile
) -> None:
    with pytest.raises(TargetError) as caught:
        dry_run(small_fixture, events_profile, "postgresql://etl:s3cr3t-pw@127.0.0.1:1/nowhere")
    text = str(caught.value) + json.dumps(caught.value.to_dict())
    assert "s3cr3t-pw" not in text
    assert "postgresql://etl:***@127.0.0.1:1/nowhere" in str(caught.value)


def test_source_file_is_unchanged(events: Path, events_profile: Profile, pg_uri: str) -> None:
    checksum, mtime = file_checksum(events), os.stat(events).st_mtime_ns
    dry_run(events, events_profile, pg_uri)
    assert (file_checksum(events), os.stat(events).st_mtime_ns) == (checksum, mtime)


def test_result_json_repr_profile_and_gate(events: Path, events_profile: Profile, pg_uri: str) -> None:
    result = dry_run(events, events_profile, pg_uri, sample_rows=500, strip_nul=False)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["version"] == 2 and data["ok"] is False
    # Rejected: the NUL byte kept. Quarantined: year 0 twice (Score and Amount are text).
    assert (data["rejected"], data["repaired"], data["quarantined"], data["sample_rows"]) == (1, 0, 2, 500)
    assert data["target"] == mask_uri(pg_uri)
    (table,) = data["tables"]
    assert (table["name"], table["sampled_rows"], table["rejected"]) == (
        'my "events"',
        len(_events_rows()),
        1,
    )
    assert [c["name"] for c in table["columns"]] == list(events_profile['my "events"'].columns)
    assert "1 rejected" in repr(result) and "Note (1)" in repr(result)
    assert "2 quarantined" in repr(result)

    assert events_profile.to_dict()["dry_run"] is None
    events_profile.dry_run = result
    assert json.loads(events_profile.to_json())["dry_run"] == data

    passed = GateResult("pass", 95.0)
    gate = apply_dry_run(passed, result)
    assert gate.status == "warn" and gate.quality == 95.0
    assert [(r.rule, r.table, r.column, r.value) for r in gate.reasons] == [
        ("dry_run_rejects", 'my "events"', "Note", 1.0),
    ]
    assert "PostgreSQL rejects 1 of 42 sampled values" in gate.reasons[0].message
    halted = GateResult("halt", 40.0, (GateReason("quality_floor", "low", 40.0, 50.0),))
    assert apply_dry_run(halted, result).status == "halt"
    assert len(apply_dry_run(halted, result).reasons) == 2
    clean = replace(result, tables={})
    assert clean.ok and apply_dry_run(passed, clean) is passed


def test_values_are_the_real_cleaners(make_sqlite: SqliteFactory) -> None:
    """The sample goes through the real cleaner: values as its SQLite output would hold them."""
    path = make_sqlite(
        {
            "t": (
                'CREATE TABLE t ("Opened" TIMESTAMP, "Due" DATE, "Cost", "Done" BOOLEAN, '
                '"created_at" INTEGER, "Body" TEXT)',
                [
                    ("05/06/2024 8:42", "12/31/2024", "3,5", "Yes", 1_700_000_000, "a\x00b"),
                    ("13/06/2024 9:00", "05/06/2024", "1.25", "0", 1_700_000_060, "N/A"),
                    ("N/A", "02/30/2024", "", "maybe", 1_700_000_120, ""),
                    ("2024-06-05T10:11:12.5", "2024-01-02", "2", "f", 1_700_000_180, "plain"),
                ],
            )
        }
    )
    plan = build_plan(profile(path)).tables["t"]
    assert [(c.type, c.date_order, c.epoch_unit, c.scale) for c in plan.columns] == [
        ("timestamp", "day_first", None, None),
        ("date", "month_first", None, None),
        ("numeric", None, None, 2),
        ("boolean", None, None, None),
        ("timestamptz", None, "seconds", None),
        ("text", None, None, None),
    ]
    columns = [ColumnExprs(c, i) for i, c in enumerate(plan.columns)]
    with open_source(path) as src:
        frame = cleaned_sample(src, plan, columns, None)
    rows = [tuple(row.values()) for row in sent_values(frame, columns).to_pylist()]
    assert rows == [
        (1, "2024-06-05 08:42:00", "05/06/2024 8:42", "2024-12-31", "12/31/2024", "3.50", "3,5",
         "true", "Yes", "2023-11-14 22:13:20+00:00", "1700000000", "ab", b"a\x00b"),
        (2, "2024-06-13 09:00:00", "13/06/2024 9:00", "2024-05-06", "05/06/2024", "1.25", "1.25",
         "false", "0", "2023-11-14 22:14:20+00:00", "1700000060", None, None),
        (3, None, None, None, None, None, None,
         None, None, "2023-11-14 22:15:20+00:00", "1700000120", None, None),
        (4, "2024-06-05T10:11:12.500000", "2024-06-05T10:11:12.5", "2024-01-02", "2024-01-02", "2.00", "2",
         "false", "f", "2023-11-14 22:16:20+00:00", "1700000180", "plain", None),
    ]  # fmt: skip
    assert {c.plan.name: quarantined(frame, c) for c in columns if quarantined(frame, c)[0]} == {
        "Due": (1, [Rejection("02/30/2024", "impossible_date", None, "cleaning", 1)]),
        "Done": (1, [Rejection("maybe", "invalid_boolean", None, "cleaning", 1)]),
    }


def test_every_row_with_sample_none_and_odd_tables(make_sqlite: SqliteFactory, pg_uri: str) -> None:
    path = make_sqlite(
        {
            'x"; DROP TABLE y; --': (
                'CREATE TABLE "x""; DROP TABLE y; --" ("a b" INTEGER)',
                [(i,) for i in range(1500)],
            ),
            "empty": ('CREATE TABLE "empty" ("when" TIMESTAMP)', []),
        }
    )
    prof = profile(path)
    result = dry_run(path, prof, pg_uri, sample_rows=None)
    assert result.ok
    assert {
        t.name: (t.sampled_rows, result.columns[i].checked) for i, t in enumerate(result.tables.values())
    } == {
        'x"; DROP TABLE y; --': (1500, 1500),
        "empty": (0, 0),
    }
    with pytest.raises(ValueError, match="sample_rows"):
        dry_run(path, prof, pg_uri, sample_rows=0)


def test_a_column_named_like_the_dry_runs_own_helper_is_checked(
    make_sqlite: SqliteFactory, pg_uri: str
) -> None:
    # `at` was also the dry run's row-position column: polars refused the duplicate name as soon as
    # the column had a quarantined value (the whole profile command failed, exit 1).
    rows = [(i, f"2025-03-{i:02d} 10:05:00") for i in range(1, 21)] + [(21, "soon")]
    path = make_sqlite({"ev": ("CREATE TABLE ev (id INTEGER PRIMARY KEY, at TIMESTAMP)", rows)})
    at = dry_run(path, profile(path), pg_uri)["ev"]["at"]
    assert (at.checked, at.rejected) == (20, 0)
    assert {(r.value, r.message) for r in at.quarantines} == {("soon", "unparseable_date")}


def test_instants_pass_and_impossible_ones_are_quarantined(make_sqlite: SqliteFactory, pg_uri: str) -> None:
    rows = [(i, f"2025-03-{i:02d}T10:05:00{['Z', '+02', '-05:30'][i % 3]}") for i in range(1, 21)]
    rows += [(21, "2025-02-30T10:00:00Z"), (22, "0001-01-01T00:30:00+02:00"), (23, "soon")]
    path = make_sqlite({"ev": ("CREATE TABLE ev (id INTEGER PRIMARY KEY, opened TIMESTAMP)", rows)})
    opened = dry_run(path, profile(path), pg_uri)["ev"]["opened"]
    assert (opened.inferred_type, opened.pg_type, opened.checked, opened.rejected) == (
        "timestamptz",
        "timestamptz",
        20,
        0,
    )
    assert {(r.value, r.message) for r in opened.quarantines} == {
        ("2025-02-30T10:00:00Z", "impossible_date"),
        ("0001-01-01T00:30:00+02:00", "impossible_date"),  # 1 BC in UTC
        ("soon", "unparseable_date"),
    }
