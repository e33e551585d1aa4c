"""``columnar-etl load | cutover | rollback | schemas`` through typer's runner, on the committed fixture."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.source.identity import file_checksum

from ..conftest import (
    SMALL_FIXTURE,
    UNFIXABLE_KINDS,
    dashboard_template_count,
    pg_query,
    truth_quality,
    truth_rows,
)
from .conftest import live_target, version_schemas

runner = CliRunner()
FIXTURE = str(SMALL_FIXTURE)
#: The fixture's quality before and after cleaning, from its truth file (docs/profiling.md's formula).
BEFORE, AFTER = truth_quality(), truth_quality(kinds=UNFIXABLE_KINDS)
ROWS = truth_rows()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_load_blue_green_cutover_list_rollback_and_prune(pg_uri: str) -> None:
    code, out, err = invoke("load", FIXTURE, "--target", pg_uri)
    # The fixture holds unfixable values: quarantined, so "done with warnings" (exit 2).
    assert (code, err) == (2, ""), out
    assert "warning: table 'tickets': " in out and " unfixable value(s) quarantined" in out
    (first,) = version_schemas(pg_uri)
    assert f"servicedesk.* now reads {first} (was nothing)" in out
    assert re.search(r"│ tickets +│ +109 │ +47 ok │", out)
    templates = dashboard_template_count()
    assert f"dashboard templates: {templates} ok, 0 not applicable, 0 failing" in out

    code, out, _ = invoke("load", FIXTURE, "--target", pg_uri, "--mode", "blue-green", "--json")
    assert code == 2, out
    data = json.loads(out)
    assert (data["outcome"], data["exit_code"]) == ("warn", 2) and data["warnings"]
    second = data["schema"]
    assert (data["status"], data["live_before"], data["rows"]) == ("ready", first, ROWS)
    assert data["target"] == pg_uri  # no password in this URI; masking is asserted in test_failures
    assert data["validation"]["ok"]
    # The profile's figure is carried unrounded here; the truth's is rounded to two decimals.
    assert data["quality"]["before"] == pytest.approx(BEFORE, abs=0.005)
    assert data["quality"]["after"] == AFTER
    assert live_target(pg_uri) == {first}

    code, out, _ = invoke("--target", pg_uri, "cutover")
    assert code == 0 and f"cut over: servicedesk.* now reads {second} (was {first})" in out
    code, out, _ = invoke("--target", pg_uri, "schemas", "list", "--json")
    listed = json.loads(out)
    assert [(v["schema"], v["live"], v["previous"]) for v in listed] == [
        (first, False, None),
        (second, True, first),
    ]
    assert listed[1]["total_rows"] == sum(ROWS.values())
    code, out, _ = invoke("--target", pg_uri, "schemas", "list")
    assert code == 0 and re.search(rf"│ live │ {second} ", out)
    code, out, _ = invoke("--target", pg_uri, "rollback")
    assert code == 0 and f"rolled back: servicedesk.* now reads {first} (was {second})" in out
    assert live_target(pg_uri) == {first}
    code, out, _ = invoke("--target", pg_uri, "schemas", "prune", "--keep", "0")
    assert code == 0 and "dropped 0 version(s), kept 2" in out  # live, and the one loaded after it

    ((path, checksum, quality),) = pg_query(
        pg_uri,
        "SELECT source_path, source_checksum, quality_before FROM columnar_etl.runs WHERE mode = 'simple'",
    )
    assert (path, checksum) == (FIXTURE, file_checksum(SMALL_FIXTURE))
    assert quality == pytest.approx(BEFORE, abs=0.005)


def test_canary_from_the_command_line_leaves_nothing_live(pg_uri: str) -> None:
    code, out, err = invoke("load", FIXTURE, "--target", pg_uri, "--mode", "canary")
    assert (code, err) == (2, ""), out
    assert "canary passed on 260 rows; dropped, nothing live changed" in out
    assert version_schemas(pg_uri) == [] and live_target(pg_uri) == set()


def test_the_quality_gate_refuses_with_one_line_and_exit_3(pg_uri: str) -> None:
    code, out, err = invoke("load", FIXTURE, "--target", pg_uri, "--min-quality", "99.9")
    assert code == 3
    assert err.splitlines() == [
        f"error: simple load refused, nothing live changed: min_quality: expected 99.9, found {AFTER:.2f} "
        "(hint: see the run's report (--json, or columnar_etl.runs in the target))"
    ]
    # The gate judges what is loaded: the cleaned data as measured (what the truth's unfixable values
    # leave, not the profile's figure before cleaning).
    assert AFTER < 99.9 and BEFORE < AFTER
    assert f"refused min_quality: expected 99.9, found {AFTER:.2f}" in out  # the report is still shown
    assert version_schemas(pg_uri) == []
    assert pg_query(pg_uri, "SELECT mode, status FROM columnar_etl.runs") == [
        ("simple", "halted")
    ]  # refused: exit 3


def test_a_refused_load_prints_one_json_object_with_its_checks(pg_uri: str) -> None:
    code, out, _ = invoke("load", FIXTURE, "--target", pg_uri, "--min-quality", "99.9", "--json")
    data = json.loads(out)
    assert code == 3 and (data["outcome"], data["exit_code"]) == ("halted", 3)
    assert any(problem.startswith("min_quality: expected 99.9") for problem in data["problems"])
    record = json.loads(Path(data["run_record"]).read_text())
    assert data["run_record"].endswith("run.json") and record["outcome"] == "halted"
    # The load's report said "running" (here and in run.json's `load`) for a load that had ended refused.
    assert data["status"] == record["load"]["status"] == "refused"
    assert version_schemas(pg_uri) == []


def test_snake_case_names_from_the_command_line(pg_uri: str) -> None:
    code, out, _ = invoke("load", FIXTURE, "--target", pg_uri, "--column-names", "snake", "--json")
    assert code == 2, out
    data = json.loads(out)
    assert data["column_names"]["timesheets"]["TS-Billable?"] == "ts_billable"
    columns = pg_query(
        pg_uri,
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'servicedesk' "
        "AND table_name = 'timesheets' ORDER BY ordinal_position",
    )
    assert [c[0] for c in columns] == [
        "ts_entry_id",
        "ts_ticket_id",
        "ts_agent",
        "ts_date",
        "ts_start_time",
        "ts_hours",
        "ts_billable",
        "ts_rate",
    ]


def test_cutover_to_an_unknown_version_is_one_line_and_exit_1(pg_uri: str) -> None:
    code, out, err = invoke("--target", pg_uri, "cutover", "servicedesk_v20990101_000000")
    assert code == 1 and out == ""
    assert err == (
        "error: 'servicedesk_v20990101_000000' is not a version of 'servicedesk' "
        "(hint: columnar-etl schemas list)\n"
    )


@pytest.mark.parametrize(
    "command", [["load"], ["cutover"], ["rollback"], ["schemas", "list"], ["schemas", "prune"]]
)
def test_help_of_each_command(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.stdout


def test_load_records_the_views_and_triggers_it_does_not_copy_as_notes(pg_uri: str, tmp_path: Path) -> None:
    # As `run` does: a view or a trigger holds no data of the tables loaded; the operator is told, in
    # run.json's notes and on the console, and no warning is added for them.
    export = tmp_path / "with_view.db"
    export.write_bytes(Path(FIXTURE).read_bytes())
    con = sqlite3.connect(export)
    with con:
        (table,) = con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 1"
        ).fetchone()
        con.execute(f'CREATE VIEW every_row AS SELECT * FROM "{table}"')
        con.execute(f'CREATE TRIGGER stamp AFTER DELETE ON "{table}" BEGIN SELECT 1; END')
    con.close()
    code, out, _ = invoke("load", str(export), "--target", pg_uri, "--json")
    data = json.loads(out)
    record = json.loads(Path(data["run_record"]).read_text())
    assert (code, data["exit_code"], record["outcome"]) == (2, 2, "warn")  # the fixture's quarantine only
    assert record["notes"] == data["notes"]
    assert [note.split(" ")[:2] for note in record["notes"]] == [["1", "view"], ["1", "trigger"]]
    assert not any("every_row" in warning or "stamp" in warning for warning in record["warnings"])
    code, out, _ = invoke("load", str(export), "--target", pg_uri)
    assert code == 2 and "note: 1 view not loaded ('every_row')" in out
