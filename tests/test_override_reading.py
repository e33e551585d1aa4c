"""An operator's ``formats`` / ``date_order`` override is the proof of a date column's reading: the
profile (``profile``, ``run``, the API) scores the column as the cleaner will read it.

Until 2026-12-03 a US export whose every day is 12 or less halted at 33.3 even with the override the
runbook told the operator to write: the profile scored the column before, and without, the override
(its ``ambiguous_date_order``, and every ``MM/DD/YYYY`` value as a ``non_iso_date``). Expected values
come from the builder's own days (``tests/locale_exports.py``: ``small_day``) and the quality formula
as docs/profiling.md states it (``tests/quality_formula.py``), never from a run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from typer.testing import CliRunner

import columnar_etl
from columnar_etl.cli.app import app
from columnar_etl.config import load_settings
from columnar_etl.pipeline.clean import clean
from columnar_etl.planning.build import build_plan
from columnar_etl.profiling.profile import profile
from columnar_etl.report import column_html_fragment

from . import locale_exports as loc
from .other_products import write_export
from .quality_formula import column_score, export_score
from .test_other_products import Ran, audit_rules, loaded_cleanly, run_export
from .test_report import page_text
from .value_oracle import QUARANTINE_KINDS

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]
ROWS = range(loc.ROWS)
#: docs/profiling.md: points per 1 % of rows of an unfixable value (quarantined).
UNFIXABLE = 10.0


def profiled(run_dir: Path) -> dict[str, dict[str, Any]]:
    """``{column: column's JSON}`` of the run's table ``tickets``, and the export's quality."""
    data = json.loads((run_dir / "profile.json").read_text())
    columns = {c["name"]: c for t in data["tables"] for c in t["columns"]}
    columns[""] = {"quality": data["quality"]}
    return columns


def month_first(i: int) -> date:
    """What ``small_day(i)``'s text ``MM/DD/YYYY`` means: that very day."""
    return loc.small_day(i)


def day_first(i: int) -> date:
    """What the same text means read day first (``03/04/2024``: 3 April)."""
    day = loc.small_day(i)
    return date(day.year, day.day, day.month)


def override(column: str, setting: str) -> str:
    return f"[columns.tickets.{column}]\n{setting}\n"


def test_us_days_of_twelve_or_less_halt_without_an_override(run_export: Runner) -> None:
    ran, run_dir = run_export(loc.us_small_days_csv)
    # ticket 100; each date column charged twice per row (non_iso_date, ambiguous_date_order): 0.
    dates = column_score(loc.ROWS, 2 * loc.ROWS)
    expected = export_score({"tickets": (loc.ROWS, [100.0, dates, dates])})
    assert (ran.code, ran.record["outcome"]) == (3, "halted")
    assert ran.record["error"]["message"] == f"circuit breaker: quality {expected:.1f} is below the floor"
    assert round(expected, 1) == 33.3
    columns = profiled(run_dir)
    for name in ("opened", "due"):
        assert columns[name]["reading_override"] is None, name
        assert {i["kind"] for i in columns[name]["issues"]} >= {"non_iso_date", "ambiguous_date_order"}


def check_loaded(ran: Ran, run_dir: Path, read: Callable[[int], date], fmt: str) -> None:
    """Done, no warning, every cell of both date columns the day ``read`` says, each audited ``fmt``."""
    loaded_cleanly(ran, run_dir, {"tickets": loc.ROWS})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("tickets") == {"ticket": "bigint", "opened": "date", "due": "date"}
    assert ran.values("tickets", "opened", "ticket") == {1000 + i: read(i) for i in ROWS}
    assert ran.values("tickets", "due", "ticket") == {1000 + i: read(i + 5) for i in ROWS}
    for name in ("opened", "due"):
        assert audit_rules(run_dir, "tickets", name) == {str(1000 + i): {f"date_format:{fmt}"} for i in ROWS}
    assert (
        not (run_dir / "quarantine.parquet").exists()
        or pq.read_table(run_dir / "quarantine.parquet").num_rows == 0
    )


def test_a_date_order_override_is_the_proof_and_the_run_loads_month_first(run_export: Runner) -> None:
    config = override("opened", 'date_order = "month_first"') + override("due", 'date_order = "month_first"')
    ran, run_dir = run_export(loc.us_small_days_csv, config=config)
    check_loaded(ran, run_dir, month_first, "%m/%d/%Y")
    assert ran.values("tickets", "opened", "ticket")[1000] == date(2024, 3, 4)  # 03/04/2024
    columns = profiled(run_dir)
    assert columns[""]["quality"] == 100.0
    for name in ("opened", "due"):
        column = columns[name]
        # What the values prove is still said (nothing); the reading is the operator's, and says so.
        assert column["date_order"] == "ambiguous", name
        assert column["reading_override"] == {
            "date_order": "month_first",
            "formats": [],
            "order": "month_first",
        }, name
        assert column["notes"] == [
            'dates read as the column\'s override says (date_order = "month_first"; month-first): the '
            "operator's reading is the proof, and values it does not read are quarantined"
        ], name
        assert (column["own_format"], column["format_misfits"], column["quality"]) == ("%m/%d/%Y", 0, 100.0)
        assert column["date_formats"] == {"%m/%d/%Y": loc.ROWS}, name
        assert "ambiguous_date_order" not in {i["kind"] for i in column["issues"]}, name


def test_a_formats_override_is_the_proof_and_the_run_loads_month_first(run_export: Runner) -> None:
    config = override("opened", 'formats = ["%m/%d/%Y"]') + override("due", 'formats = ["%m/%d/%Y"]')
    ran, run_dir = run_export(loc.us_small_days_csv, config=config)
    check_loaded(ran, run_dir, month_first, "%m/%d/%Y")
    columns = profiled(run_dir)
    assert columns[""]["quality"] == 100.0
    for name in ("opened", "due"):
        assert columns[name]["reading_override"] == {
            "date_order": None,
            "formats": ["%m/%d/%Y"],
            "order": "month_first",  # the order its format reads
        }, name


def test_a_day_first_override_reads_the_same_text_as_the_other_day(run_export: Runner) -> None:
    # The operator says the export is day first (as date_order_default would have read it, unproven):
    # 03/04/2024 is 3 April, and the override is the proof the breaker lacked.
    config = override("opened", 'date_order = "day_first"') + override("due", 'formats = ["%d/%m/%Y"]')
    ran, run_dir = run_export(loc.us_small_days_csv, config=config)
    check_loaded(ran, run_dir, day_first, "%d/%m/%Y")
    assert ran.values("tickets", "opened", "ticket")[1000] == date(2024, 4, 3)
    assert profiled(run_dir)[""]["quality"] == 100.0


def test_an_override_fitting_half_the_values_charges_the_rest_and_halts(run_export: Runner) -> None:
    # Half of opened is ISO (2024-03-04): the operator's %m/%d/%Y reads none of them, and the cleaner
    # quarantines each, so the profile charges each as unfixable, and the breaker halts on them.
    config = override("opened", 'formats = ["%m/%d/%Y"]') + override("due", 'date_order = "month_first"')
    iso = {1000 + i for i in ROWS if i % 2}
    ran, run_dir = run_export(loc.us_half_iso_csv, config=config)
    assert (ran.code, ran.record["outcome"]) == (3, "halted")
    share = len(iso) / loc.ROWS
    assert ran.record["error"]["message"] == (
        f"circuit breaker: {share:.1%} of the rows are impossible or unparseable dates"
    )
    opened = profiled(run_dir)["opened"]
    issues = {i["kind"]: i["count"] for i in opened["issues"]}
    assert issues["impossible_date"] == len(iso)
    assert issues["non_iso_date"] == loc.ROWS - len(iso)
    assert (opened["valid_count"], opened["invalid_count"]) == (loc.ROWS - len(iso), len(iso))
    assert opened["quality"] == max(0.0, 100.0 - UNFIXABLE * 100.0 * share)
    # The operator who accepts losing them (the breaker, and min_quality, which judges the quality
    # after: 66.7) gets each ISO value quarantined, NULL, the others read month first.
    gates = {"COLUMNAR_ETL_HALT_CORRUPT_DATE_SHARE": "1", "COLUMNAR_ETL_MIN_QUALITY": "0"}
    ran, run_dir = run_export(loc.us_half_iso_csv, config=config, **gates)
    loaded_cleanly(ran, run_dir, {"tickets": loc.ROWS})
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    assert ran.values("tickets", "opened", "ticket") == {
        1000 + i: None if 1000 + i in iso else month_first(i) for i in ROWS
    }
    quarantined = {
        row["row_key"]: (row["raw_value"], row["rule"])
        for row in pq.read_table(run_dir / "quarantine.parquet").to_pylist()
        if row["column"] == "opened"
    }
    texts = {1000 + i: loc.US_HALF_ISO["opened"](i) for i in ROWS}
    assert quarantined == {str(key): (texts[key], "impossible_date") for key in iso}
    rules = audit_rules(run_dir, "tickets", "opened")
    assert {key: found for key, found in rules.items() if int(key) not in iso} == {
        str(1000 + i): {"date_format:%m/%d/%Y"} for i in ROWS if 1000 + i not in iso
    }


def test_the_cli_profile_and_the_api_score_under_the_override(tmp_path: Path) -> None:
    db = loc.us_small_days_csv(tmp_path / "us.db")
    config = tmp_path / "columnar_etl.toml"
    overrides = override("opened", 'date_order = "month_first"') + override("due", 'formats = ["%m/%d/%Y"]')
    config.write_text(overrides)
    result = CliRunner().invoke(app, ["--config", str(config), "profile", str(db), "--json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert (shown["quality"], shown["gate"]["status"]) == (100.0, "pass")
    halted = CliRunner().invoke(app, ["profile", str(db), "--json"])
    assert halted.exit_code == 3
    settings = load_settings(
        columns={"tickets": {"opened": {"date_order": "month_first"}, "due": {"formats": ["%m/%d/%Y"]}}}
    )
    found = columnar_etl.profile(db, settings=settings)
    assert (round(found.quality, 2), found.gate.status) == (100.0, "pass")
    assert found["tickets"]["due"].reading_override == {
        "date_order": None,
        "formats": ["%m/%d/%Y"],
        "order": "month_first",
    }
    # The report says where the reading came from (not "order: ambiguous", flagged).
    text = page_text(column_html_fragment(found["tickets"]["due"]))
    assert "order: month-first (the column's override)" in text
    assert "order: ambiguous" not in text
    assert "dates read as the column's override says (formats = ['%m/%d/%Y']; month-first)" in text


# --- the profile and the cleaner agree under overrides ------------------------------------------------

#: Columns of one table: their values (12 rows each) and the override each is read by. Every value of
#: a column is date-shaped but for a word, so the profile reads each as dates.
AGREE: dict[str, tuple[list[str], dict[str, Any]]] = {
    # Unproven slash dates, read month first by the operator.
    "unproven": (["03/04/2024", "11/12/2024", "01/02/2024"] * 4, {"date_order": "month_first"}),
    # Proven day first by 25/03/2024, read month first all the same: 25/03 is a date only the other way.
    "against_proof": (
        ["25/03/2024", "03/04/2024", "02/30/2024", "12/11/2024"] * 3,
        {"date_order": "month_first"},
    ),
    # A format reading half: ISO dates, a day-first-only date, an impossible day.
    "half": (
        ["03/04/2024", "2024-03-04", "13/04/2024", "02/30/2024", "03/05/2024", "03/06/2024"] * 2,
        {"formats": ["%m/%d/%Y"]},
    ),
    # Both orders listed: the first reads what it can, the second the rest.
    "both_orders": (
        ["25/03/2024", "03/25/2024", "03/04/2024", "2024-03-04"] * 3,
        {"formats": ["%d/%m/%Y", "%m/%d/%Y"]},
    ),
    # An ISO format on slash dates: each a date in some order is in "the other", the rest impossible.
    "iso_only": (
        ["03/04/2024", "03/25/2024", "25/03/2024", "2024-03-04", "2024-02-30", "never"] * 2,
        {"formats": ["%Y-%m-%d"]},
    ),
    # Timestamps of a 12-hour clock beside a 24-hour one.
    "clock": (
        ["03/04/2024 10:15 PM", "03/04/2024 22:15", "11/12/2024 12:05 AM"] * 4,
        {"formats": ["%m/%d/%Y %I:%M %p"], "date_order": "month_first"},
    ),
}


def test_profile_and_cleaner_agree_under_every_override(tmp_path: Path) -> None:
    names = list(AGREE)
    rows = [[AGREE[name][0][i] for name in names] for i in range(12)]
    # Declared date types: a TEXT column keeps its text where more than a few values would be
    # quarantined (profiling.lossless.lossless); declared, the majority of dates decides.
    declared = ", ".join(f"{name} {'TIMESTAMP' if name == 'clock' else 'DATE'}" for name in names)
    db = write_export(tmp_path / "agree.db", [f"CREATE TABLE t ({declared})"], {"t": rows})
    gates = {"halt_quality": 0.0, "halt_corrupt_date_share": 1.0, "min_quality": 0.0}
    settings = load_settings(columns={"t": {name: AGREE[name][1] for name in names}}, **gates)
    found = profile(db, settings=settings)
    result = clean(db, build_plan(found, settings=settings), settings=settings)
    reasons: dict[str, dict[str, int]] = {name: {} for name in names}
    for row in result.quarantine.to_pylist():
        reasons[row["column"]][row["rule"]] = reasons[row["column"]].get(row["rule"], 0) + 1
    for name in names:
        column, stats = found["t"][name], result["t"][name]
        assert column.reading_override is not None, name
        assert column.inferred_type == stats.type, name
        assert (column.valid_count, column.invalid_count) == (stats.non_null, stats.quarantined), name
        kinds = {i.kind: i.count for i in column.issues if i.kind in QUARANTINE_KINDS}
        assert kinds == reasons[name], name
        assert "ambiguous_date_order" not in {i.kind for i in column.issues}, name
    # What each override leaves unread, counted from the values as written (docs: an override's
    # formats read only their own shapes; a date in the other order only is other_date_order).
    assert reasons["against_proof"] == {"other_date_order": 3, "impossible_date": 3}
    assert reasons["half"] == {"impossible_date": 4, "other_date_order": 2}
    assert reasons["both_orders"] == {"impossible_date": 3}
    # Read in neither listed order's format, 03/04/2024 22:15 is a date read day first: the cleaner's
    # other_date_order looks at the other order of every slash shape, listed or not.
    assert reasons["clock"] == {"other_date_order": 4}
    assert reasons["iso_only"] == {"other_date_order": 4, "impossible_date": 4, "unparseable_date": 2}


def test_an_override_format_of_no_known_shape_leaves_the_profiles_reading_and_says_so(tmp_path: Path) -> None:
    db = loc.us_small_days_csv(tmp_path / "us.db")
    settings = load_settings(columns={"tickets": {"due": {"formats": ["%m/%d/%Y", "%d %b %y"]}}})
    due = profile(db, settings=settings)["tickets"]["due"]
    assert due.reading_override is None
    assert any("%d %b %y is of no shape the profile reads" in note for note in due.notes), due.notes
    assert due.issue("ambiguous_date_order") is not None
