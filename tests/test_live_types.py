"""A column keeps the live version's type where the new export's values fit it (quarterly loads).

Each test loads two exports of one table into one base schema with two real ``run``s (blue-green) and a
cutover after each, then reads what the dashboards read (the base schema's view), the second run's
drift and plan, and checks every cell of the second load with the independent lossless checker.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import columnar_etl
from columnar_etl.config import Settings, load_settings
from columnar_etl.errors import LoadError

from .conftest import SqliteFactory, pg_query, run_settings
from .lossless_check import check_run, summarize
from .test_lossless import GATES_OPEN


def _settings(tmp_path: Path, uri: str, **overrides: Any) -> Settings:
    """A run's test settings (conftest's), the gates open, into a base schema of the test's own."""
    return run_settings(
        tmp_path, uri, base_schema=f"quarters_{uuid.uuid4().hex[:8]}", **GATES_OPEN, **overrides
    )


def _run_and_cut_over(path: Path, settings: Settings) -> Any:
    """``run`` (blue-green) of ``path``, then its cutover: the dashboards read it."""
    result = columnar_etl.run(path, mode="blue-green", settings=settings, show_progress=False)
    assert result.outcome in ("done", "warn"), f"{result.outcome}: {result.record.error}"
    columnar_etl.cutover(result.record.version_schema, settings=settings)
    return result


def _column(uri: str, base: str, column: str) -> tuple[str, list[Any]]:
    """The data type of ``base.t.column`` (the view the dashboards read) and its values by id."""
    ((kind,),) = pg_query(
        uri,
        "SELECT data_type FROM information_schema.columns "
        f"WHERE table_schema = '{base}' AND table_name = 't' AND column_name = '{column}'",
    )
    values = [row[0] for row in pg_query(uri, f'SELECT "{column}" FROM "{base}".t ORDER BY id')]
    return str(kind), values


def _type_changes(result: Any) -> list[tuple[str | None, Any, Any]]:
    drift = (result.load if hasattr(result, "record") else result).drift  # a run's, or a load's
    return [(i.column, i.old, i.new) for i in drift.items if i.kind == "type_change"]


def _assert_every_cell(result: Any, path: Path, uri: str, base: str) -> None:
    """The second load, cell by cell (tests/lossless_check.py): each cell its source's or audited."""
    violations = check_run(result, path, uri, base)
    assert violations == [], summarize(violations)


def _quarters(
    make_sqlite: SqliteFactory,
    first: tuple[str, list[tuple[Any, ...]]],
    second: tuple[str, list[tuple[Any, ...]]],
) -> tuple[Path, Path]:
    return (
        make_sqlite({"t": (first[0], first[1])}, name="q1.db"),
        make_sqlite({"t": (second[0], second[1])}, name="q2.db"),
    )


def test_a_text_column_of_numbers_only_this_quarter_stays_text(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A postcode: `0171` makes it text in Q1; Q2 has no leading zero (an INTEGER cell and a TEXT one),
    # which alone reads as bigint. Was: bigint, a type_change drift, `WHERE code = '0171'` broken.
    q1, q2 = _quarters(
        make_sqlite,
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT)", [(1, "0171"), (2, "42")]),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, code)", [(1, 42), (2, "77")]),
    )
    settings = _settings(tmp_path, pg_uri)
    _run_and_cut_over(q1, settings)
    assert _column(pg_uri, settings.base_schema, "code") == ("text", ["0171", "42"])
    second = _run_and_cut_over(q2, settings)
    assert _column(pg_uri, settings.base_schema, "code") == ("text", ["42", "77"])
    assert _type_changes(second) == []
    note = "t.code: kept the live version's type text; its values alone would read as bigint"
    assert note in second.record.plan["notes"]
    assert note in second.record.notes  # the run's `note:` lines
    assert [c["origin"] for c in second.record.plan["tables"][0]["columns"]] == ["profile", "live"]
    _assert_every_cell(second, q2, pg_uri, settings.base_schema)


def test_a_column_empty_this_quarter_keeps_the_live_timestamp_type(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # Declared TEXT: timestamps in Q1, empty in Q2 (which alone takes the declared type, text).
    q1, q2 = _quarters(
        make_sqlite,
        (
            "CREATE TABLE t (id INTEGER PRIMARY KEY, closed TEXT)",
            [(1, "2024-01-05 10:00:00"), (2, "2024-02-06 11:30:00")],
        ),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, closed TEXT)", [(1, None), (2, "")]),
    )
    settings = _settings(tmp_path, pg_uri)
    _run_and_cut_over(q1, settings)
    assert _column(pg_uri, settings.base_schema, "closed")[0] == "timestamp without time zone"
    second = _run_and_cut_over(q2, settings)
    assert _column(pg_uri, settings.base_schema, "closed") == ("timestamp without time zone", [None, None])
    assert _type_changes(second) == []
    _assert_every_cell(second, q2, pg_uri, settings.base_schema)


def test_values_that_do_not_fit_the_live_type_take_their_own_and_drift_warns(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # bigint live; `4.5` is no integer: numeric, and the type change is reported as before.
    q1, q2 = _quarters(
        make_sqlite,
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, amount TEXT)", [(1, "3"), (2, "12")]),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, amount TEXT)", [(1, "4.5"), (2, "7")]),
    )
    settings = _settings(tmp_path, pg_uri)
    _run_and_cut_over(q1, settings)
    assert _column(pg_uri, settings.base_schema, "amount") == ("bigint", [3, 12])
    second = _run_and_cut_over(q2, settings)
    kind, values = _column(pg_uri, settings.base_schema, "amount")
    assert (kind, [float(v) for v in values]) == ("numeric", [4.5, 7.0])
    assert _type_changes(second) == [("amount", "bigint", "numeric")]
    assert not any("kept the live version's type" in note for note in second.record.plan["notes"])
    _assert_every_cell(second, q2, pg_uri, settings.base_schema)


def test_a_type_override_wins_over_the_live_type(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    q1, q2 = _quarters(
        make_sqlite,
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT)", [(1, "0171"), (2, "42")]),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT)", [(1, "42"), (2, "77")]),
    )
    settings = _settings(tmp_path, pg_uri)
    _run_and_cut_over(q1, settings)
    columns = load_settings(columns={"t": {"code": {"type": "bigint"}}}).columns
    overridden = settings.model_copy(update={"columns": columns})
    second = _run_and_cut_over(q2, overridden)
    assert _column(pg_uri, settings.base_schema, "code") == ("bigint", [42, 77])
    assert _type_changes(second) == [("code", "text", "bigint")]
    _assert_every_cell(second, q2, pg_uri, settings.base_schema)


@pytest.mark.parametrize(
    ("second", "kept"),
    [
        ([(1, 3), (2, -(2**53))], ("double precision", [3.0, -(2.0**53)])),
        # 2^53 + 1 is no double: the integers take their own type, and the drift says so.
        ([(1, 3), (2, 2**53 + 1)], ("bigint", [3, 2**53 + 1])),
    ],
)
def test_integers_keep_a_live_double_only_within_2_to_the_53(
    make_sqlite: SqliteFactory,
    pg_uri: str,
    tmp_path: Path,
    second: list[tuple[Any, ...]],
    kept: tuple[str, list[Any]],
) -> None:
    q1, q2 = _quarters(
        make_sqlite,
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, reading REAL)", [(1, 1.5), (2, 2.25)]),
        # No declared type: INTEGER cells (REAL affinity would store them as REAL).
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, reading)", second),
    )
    settings = _settings(tmp_path, pg_uri)
    _run_and_cut_over(q1, settings)
    assert _column(pg_uri, settings.base_schema, "reading") == ("double precision", [1.5, 2.25])
    loaded = _run_and_cut_over(q2, settings)
    assert _column(pg_uri, settings.base_schema, "reading") == kept
    changed = [] if kept[0] == "double precision" else [("reading", "double precision", "bigint")]
    assert _type_changes(loaded) == changed
    _assert_every_cell(loaded, q2, pg_uri, settings.base_schema)


def test_declared_decimals_of_reals_keep_a_live_double(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A DECIMAL(10,2) column of REAL cells loads as numeric (its REALs are the decimals an application
    # wrote); a version loaded as double precision before that rule keeps its type, every REAL the
    # double it is: no flip under the dashboards. With no live version it is numeric.
    first = [(1, 1.5), (2, 2.25)]
    second = [(1, 12.34), (2, 7), (3, 0.1)]
    q1, q2 = _quarters(
        make_sqlite,
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, amount REAL)", first),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, amount DECIMAL(10,2))", second),
    )
    settings = _settings(tmp_path, pg_uri)
    _run_and_cut_over(q1, settings)
    loaded = _run_and_cut_over(q2, settings)
    assert _column(pg_uri, settings.base_schema, "amount") == ("double precision", [12.34, 7.0, 0.1])
    assert _type_changes(loaded) == []
    _assert_every_cell(loaded, q2, pg_uri, settings.base_schema)
    fresh = _settings(tmp_path / "fresh", pg_uri)
    _run_and_cut_over(q2, fresh)
    assert _column(pg_uri, fresh.base_schema, "amount") == ("numeric", ["12.34", "7.00", "0.10"])


def test_the_load_command_keeps_the_live_type_too(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # `load` (Gate 3) plans as `run` does: the postcode stays text, its note among the load's notes.
    q1, q2 = _quarters(
        make_sqlite,
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT)", [(1, "0171"), (2, "42")]),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT)", [(1, "42"), (2, "77")]),
    )
    settings = _settings(tmp_path, pg_uri)
    columnar_etl.load(q1, mode="simple", settings=settings)
    second = columnar_etl.load(q2, mode="simple", settings=settings)
    assert _column(pg_uri, settings.base_schema, "code") == ("text", ["42", "77"])
    assert _type_changes(second) == []
    assert "t.code: kept the live version's type text; its values alone would read as bigint" in (
        second.notes
    )


def _view_type(uri: str, base: str, column: str) -> str:
    """``format_type`` with its modifiers (``numeric(18,2)``) of ``base.t.column`` (the view the
    dashboards read, or a version's table)."""
    ((kind,),) = pg_query(
        uri,
        "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
        f"WHERE a.attrelid = '\"{base}\".t'::regclass AND a.attname = '{column}'",
    )
    return str(kind)


def test_a_cutover_and_a_rollback_between_numerics_of_other_sizes_repoint_the_view(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # numeric(18,2) live; an amount of 20 whole digits this quarter makes the column numeric(38,2):
    # PostgreSQL's CREATE OR REPLACE VIEW refuses to change a column's numeric size ("cannot change
    # data type of view column"), so the cutover (and the rollback after it) failed with exit 1.
    wide = "12345678901234567890.25"
    q1, q2 = _quarters(
        make_sqlite,
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, amount TEXT)", [(1, "12.50"), (2, "3.25")]),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, amount TEXT)", [(1, wide), (2, "7.75")]),
    )
    settings = _settings(tmp_path, pg_uri)
    _run_and_cut_over(q1, settings)
    assert _view_type(pg_uri, settings.base_schema, "amount") == "numeric(18,2)"
    second = _run_and_cut_over(q2, settings)
    assert _view_type(pg_uri, settings.base_schema, "amount") == "numeric(38,2)"
    texts = [
        r[0] for r in pg_query(pg_uri, f'SELECT amount::text FROM "{settings.base_schema}".t ORDER BY id')
    ]
    assert texts == [wide, "7.75"]
    _assert_every_cell(second, q2, pg_uri, settings.base_schema)
    columnar_etl.rollback(settings=settings)
    assert _view_type(pg_uri, settings.base_schema, "amount") == "numeric(18,2)"
    texts = [
        r[0] for r in pg_query(pg_uri, f'SELECT amount::text FROM "{settings.base_schema}".t ORDER BY id')
    ]
    assert texts == ["12.50", "3.25"]


def test_a_cutover_that_must_recreate_a_view_a_users_view_reads_names_it_and_changes_nothing(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # bigint live, numeric this quarter: the view is recreated, and a view of the users' own on it with
    # it (tests/loading/test_dependents.py); one that does not compile on the numeric (`&` is bigint's
    # alone) stops the cutover, named with the change; the live version stays.
    q1, q2 = _quarters(
        make_sqlite,
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, amount TEXT)", [(1, "3"), (2, "12")]),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, amount TEXT)", [(1, "4.5"), (2, "7")]),
    )
    settings = _settings(tmp_path, pg_uri)
    _run_and_cut_over(q1, settings)
    mine = f"mine_{uuid.uuid4().hex[:8]}"
    pg_query(
        pg_uri, f'CREATE VIEW public.{mine} AS SELECT sum(amount & 1) AS odd FROM "{settings.base_schema}".t'
    )
    second = columnar_etl.run(q2, mode="blue-green", settings=settings, show_progress=False)
    with pytest.raises(LoadError) as refused:
        columnar_etl.cutover(second.record.version_schema, settings=settings)
    message = str(refused.value)
    assert f"your view public.{mine} cannot be recreated on {second.record.version_schema}" in message
    assert "amount bigint → numeric" in message and "operator does not exist: numeric & bigint" in message
    assert f"drop public.{mine}, cut over again" in (refused.value.hint or "")
    assert _column(pg_uri, settings.base_schema, "amount") == ("bigint", [3, 12])
    assert pg_query(pg_uri, f"SELECT odd::bigint FROM public.{mine}") == [(1,)]


def test_a_live_amount_column_kept_for_whole_amounts_keeps_its_fraction_digits(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # Amounts with cents live (numeric(18,2)); this quarter's amounts are all whole: kept numeric with
    # the live column's two fraction digits (`12.00`), as the dashboards print them, not numeric(18,0).
    q1, q2 = _quarters(
        make_sqlite,
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, amount TEXT)", [(1, "12.50"), (2, "3.25")]),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, amount TEXT)", [(1, "12"), (2, "7")]),
    )
    settings = _settings(tmp_path, pg_uri)
    first = _run_and_cut_over(q1, settings)
    second = _run_and_cut_over(q2, settings)
    for result, texts in ((first, ["12.50", "3.25"]), (second, ["12.00", "7.00"])):
        schema = result.record.version_schema
        assert _view_type(pg_uri, schema, "amount") == "numeric(18,2)"
        assert [r[0] for r in pg_query(pg_uri, f'SELECT amount::text FROM "{schema}".t ORDER BY id')] == texts
    assert any("kept the live version's type numeric(18,2)" in n for n in second.record.plan["notes"])
    _assert_every_cell(second, q2, pg_uri, settings.base_schema)


def test_a_live_numeric_kept_for_integers_has_scale_0(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # uint64 ids beyond bigint make the column numeric(38,0) in Q1; Q2's ids all fit bigint (INTEGER
    # cells): the live numeric is kept, with no fraction digits (was numeric(18,2): `7.00`).
    q1, q2 = _quarters(
        make_sqlite,
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, ext TEXT)", [(1, str(2**63)), (2, str(2**64 - 1))]),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, ext INTEGER)", [(1, 7), (2, 2**63 - 1)]),
    )
    settings = _settings(tmp_path, pg_uri)
    first = _run_and_cut_over(q1, settings)
    second = _run_and_cut_over(q2, settings)
    for result, texts in ((first, [str(2**63), str(2**64 - 1)]), (second, ["7", str(2**63 - 1)])):
        schema = result.record.version_schema
        assert _view_type(pg_uri, schema, "ext") == "numeric(38,0)"
        assert [r[0] for r in pg_query(pg_uri, f'SELECT ext::text FROM "{schema}".t ORDER BY id')] == texts
    assert any("kept the live version's type numeric(38,0)" in n for n in second.record.plan["notes"])
    violations = check_run(second, q2, pg_uri, settings.base_schema)
    assert violations == [], summarize(violations)


@pytest.mark.parametrize(
    ("days", "midnights"),
    [
        (["2024-04-01", None, "2024-04-30"], [datetime(2024, 4, 1), None, datetime(2024, 4, 30)]),
        # Day first, as 13/04 proves: each day read in the date column's own order.
        (["13/04/2024", "01/04/2024", ""], [datetime(2024, 4, 13), datetime(2024, 4, 1), None]),
    ],
)
def test_dates_alone_this_quarter_keep_the_live_timestamp_type(
    make_sqlite: SqliteFactory,
    pg_uri: str,
    tmp_path: Path,
    days: list[str | None],
    midnights: list[datetime | None],
) -> None:
    # Q1 has times of day (timestamp); Q2's values are whole days only, which alone read as dates.
    q1, q2 = _quarters(
        make_sqlite,
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, due TEXT)", [(1, "2024-01-05 10:00"), (2, "2024-02-06")]),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, due TEXT)", list(enumerate(days, 1))),
    )
    settings = _settings(tmp_path, pg_uri)
    _run_and_cut_over(q1, settings)
    assert _column(pg_uri, settings.base_schema, "due")[0] == "timestamp without time zone"
    second = _run_and_cut_over(q2, settings)
    assert _column(pg_uri, settings.base_schema, "due") == ("timestamp without time zone", midnights)
    assert (
        "t.due: kept the live version's type timestamp; its values alone would read as date"
        in (second.record.plan["notes"])
    )
    assert _type_changes(second) == []
    _assert_every_cell(second, q2, pg_uri, settings.base_schema)


def test_epoch_seconds_this_quarter_keep_the_live_bigint_type(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # Q1's counts are too small to be instants (bigint); Q2's alone would read as epoch seconds.
    seconds = [1_700_000_000 + 3_600 * d for d in range(1, 29)]
    q1, q2 = _quarters(
        make_sqlite,
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, closed_at INTEGER)", [(i, i * 7) for i in range(1, 29)]),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, closed_at INTEGER)", list(enumerate(seconds, 1))),
    )
    settings = _settings(tmp_path, pg_uri)
    _run_and_cut_over(q1, settings)
    assert _column(pg_uri, settings.base_schema, "closed_at")[0] == "bigint"
    second = _run_and_cut_over(q2, settings)
    assert _column(pg_uri, settings.base_schema, "closed_at") == ("bigint", seconds)
    assert _type_changes(second) == []
    _assert_every_cell(second, q2, pg_uri, settings.base_schema)


def test_a_declared_date_of_midnights_this_quarter_keeps_the_live_timestamp_type(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # Q1's DATE column has a time of day (timestamp); Q2's values are all written at midnight
    # (sqlite-jdbc's `2024-05-27 00:00:00.000`), which alone read as dates since 2026-12-04: the live
    # timestamp wins, each value its midnight.
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, due DATE)"
    second_days = [datetime(2024, 5, 27 + i) for i in range(3)]
    q1, q2 = _quarters(
        make_sqlite,
        (ddl, [(1, "2024-01-05 10:00:00.000"), (2, "2024-02-06 00:00:00.000")]),
        (ddl, [(i + 1, f"{d:%Y-%m-%d} 00:00:00.000") for i, d in enumerate(second_days)]),
    )
    settings = _settings(tmp_path, pg_uri)
    _run_and_cut_over(q1, settings)
    assert _column(pg_uri, settings.base_schema, "due")[0] == "timestamp without time zone"
    second = _run_and_cut_over(q2, settings)
    assert _column(pg_uri, settings.base_schema, "due") == ("timestamp without time zone", second_days)
    assert (
        "t.due: kept the live version's type timestamp; its values alone would read as date"
        in (second.record.plan["notes"])
    )
    assert _type_changes(second) == []
    _assert_every_cell(second, q2, pg_uri, settings.base_schema)


@pytest.mark.parametrize(
    ("per_second", "no_date", "instant"),
    [
        (1, 0, "1970-01-01 00:00:00"),
        (1_000, -1, "1969-12-31 23:59:59.999"),
        (1_000_000, 0, "1970-01-01 00:00:00"),
        (1, 1, "1970-01-01 00:00:01"),
        (1, 315_529_200, "1979-12-31 23:00:00"),
        (1_000, 1, "1970-01-01 00:00:00.001"),
    ],
    ids=[
        "seconds-0",
        "milliseconds-minus-1",
        "microseconds-0",
        "seconds-1",
        "seconds-dos-epoch-utc+1",
        "milliseconds-1",
    ],
)
def test_epoch_instants_beside_a_no_date_this_quarter_keep_the_live_timestamptz_type(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path, per_second: int, no_date: int, instant: str
) -> None:
    # Q1's epoch integers are all instants (timestamptz); Q2 has one job killed before it ended, whose
    # 0 (or -1) for "no date" alone would keep the column's integers (bigint, noted). A package
    # manager's history (dnf's trans.dt_end) did: until 2026-12-06 a type change timestamptz → bigint,
    # a drift warning, and every dashboard's `finished_at - started_at` broken. The live type wins,
    # the no-date value read as the instant it counts, audited as every other. Since 2026-12-07 the
    # same for the other stand-ins: MantisBT's 1 for no due date, the DOS epoch as a local clock
    # converted (a sync engine's "no date").
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    ends = [(1_704_448_800 + 86_400 * d + d * 7) * per_second + d for d in range(1, 29)]
    q1, q2 = _quarters(
        make_sqlite,
        ("CREATE TABLE t (id INTEGER PRIMARY KEY, finished_at INTEGER)", list(enumerate(ends, 1))),
        (
            "CREATE TABLE t (id INTEGER PRIMARY KEY, finished_at INTEGER)",
            list(enumerate([*ends, no_date], 1)),
        ),
    )
    settings = _settings(tmp_path, pg_uri)
    _run_and_cut_over(q1, settings)
    instants = [epoch + timedelta(microseconds=v * 1_000_000 // per_second) for v in ends]
    assert _column(pg_uri, settings.base_schema, "finished_at") == ("timestamp with time zone", instants)
    second = _run_and_cut_over(q2, settings)
    assert _column(pg_uri, settings.base_schema, "finished_at") == (
        "timestamp with time zone",
        [*instants, epoch + timedelta(microseconds=no_date * 1_000_000 // per_second)],
    )
    assert _type_changes(second) == []
    notes = [n for n in second.record.plan["notes"] if n.startswith("t.finished_at: kept the live")]
    assert notes == [
        "t.finished_at: kept the live version's type timestamptz; its values alone would "
        f"read as bigint ({no_date} for no date: read as the instant it counts, {instant} UTC; the value "
        f"or NULL is NULLIF(\"finished_at\", TIMESTAMPTZ '{instant}+00'))"
    ]
    _assert_every_cell(second, q2, pg_uri, settings.base_schema)
