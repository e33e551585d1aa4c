"""Operator-owned dashboard templates: a file or a folder, judged ok / not applicable / failing against
the live version before every cutover, and ``columnar-etl templates check``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.config import Settings, load_settings
from columnar_etl.errors import ConfigError, LoadError
from columnar_etl.loading import LoadRefused, cutover, load_tables
from columnar_etl.loading.dashboard import default_templates_path, load_templates
from columnar_etl.loading.template_checks import check_export_templates, check_version_templates

from ..conftest import pg_query
from .conftest import KEYS, live_target, version_schemas

runner = CliRunner()

STATUS_SQL = """-- name: tickets_by_status
-- Tickets per status.
SELECT "TKT-Status" AS status, count(*) AS tickets FROM {schema}.tickets GROUP BY 1 ORDER BY 1;
"""
HOURS_SQL = """-- name: hours_total
SELECT sum("TS-Hours") AS hours FROM {schema}.timesheets;

-- name: comment_count
SELECT count(*) AS comments FROM {schema}.comments
"""


def templates_dir(tmp_path: Path, files: dict[str, str], name: str = "templates") -> Path:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def with_templates(settings: Settings, path: Path) -> Settings:
    return settings.model_copy(update={"dashboard_templates": path})


def renamed(table: pa.Table, old: str, new: str) -> pa.Table:
    return table.rename_columns([new if name == old else name for name in table.column_names])


def test_a_folder_of_sql_files_is_read_in_name_order(tmp_path: Path) -> None:
    folder = templates_dir(
        tmp_path, {"b.sql": STATUS_SQL, "a.sql": HOURS_SQL, "notes.txt": "-- name: x\nSELECT 1"}
    )
    templates = load_templates(folder)
    assert [t.name for t in templates] == ["hours_total", "comment_count", "tickets_by_status"]
    assert templates[2].description == "Tickets per status."
    assert templates[0].tables == frozenset({"timesheets"})
    assert [t.name for t in load_templates(folder / "b.sql")] == ["tickets_by_status"]
    # The setting names it, in TOML or env like any other.
    assert load_settings(dashboard_templates=folder).dashboard_templates == folder


def test_bad_template_folders_are_one_line_errors_naming_the_file(tmp_path: Path) -> None:
    folder = templates_dir(tmp_path, {"a.sql": STATUS_SQL, "b.sql": STATUS_SQL})
    with pytest.raises(ConfigError, match="dashboard templates named twice: tickets_by_status") as twice:
        load_templates(folder)
    assert twice.value.path == str(folder)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ConfigError, match=r"no \.sql file in the dashboard templates folder"):
        load_templates(empty)
    (folder / "b.sql").write_text("-- name: nothing\n-- just a comment\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="dashboard template 'nothing' has no SQL") as no_sql:
        load_templates(folder)
    assert no_sql.value.path == str(folder / "b.sql")
    with pytest.raises(ConfigError, match="cannot read dashboard templates"):
        load_templates(tmp_path / "missing.sql")


def test_templates_saved_in_windows_1252_are_one_line_naming_the_file_and_the_line(
    tmp_path: Path, small_fixture: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A DBA's file saved in Windows-1252 (`café` as an alias): `templates check` failed "UnicodeDecodeError:
    # 'utf-8' codec can't decode byte 0xe9 ... (hint: run again with --debug for the traceback)", and a
    # run's preflight refused it with "an unexpected error: please report it", neither naming the file.
    sql = "-- name: open_tickets\nSELECT 1;\n-- name: per_caf\u00e9\nSELECT 1 AS caf\u00e9;\n"
    file = tmp_path / "dashboards.sql"
    file.write_bytes(sql.encode("cp1252"))
    with pytest.raises(ConfigError) as info:
        load_templates(file)
    assert (info.value.message, info.value.path) == (
        "dashboard templates are not UTF-8: byte 0xe9 on line 3",
        str(file),
    )
    hint = "save the file as UTF-8 (iconv -f WINDOWS-1252 -t UTF-8, or your editor's encoding)"
    assert info.value.hint == hint
    monkeypatch.chdir(tmp_path)
    for name, value in {
        "DASHBOARD_TEMPLATES": str(file),
        "RUNS_DIR": str(tmp_path / "runs"),
        "BACKUP_DIR": str(tmp_path / "backups"),
        "MIN_MEMORY_GB": "0",
        "FAIL_MEMORY_GB": "0",
    }.items():
        monkeypatch.setenv(f"COLUMNAR_ETL_{name}", value)
    checked = CliRunner().invoke(app, ["--target", pg_uri, "templates", "check"])
    assert checked.exit_code == 1
    assert (
        checked.stderr
        == f"error: file {file}: dashboard templates are not UTF-8: byte 0xe9 on line 3 (hint: {hint})\n"
    )
    ran = CliRunner().invoke(
        app, ["--target", pg_uri, "run", str(small_fixture), "--mode", "simple", "--json"]
    )
    assert ran.exit_code == 3, ran.output
    error = json.loads(ran.stdout)["error"]
    assert "dashboard templates are not UTF-8: byte 0xe9 on line 3" in error["message"]
    assert error["hint"].startswith(hint)
    assert pg_query(pg_uri, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'servicedesk%'") == [(0,)]


def test_a_candidate_breaking_a_template_that_works_on_live_is_refused(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table], tmp_path: Path
) -> None:
    settings = with_templates(settings, templates_dir(tmp_path, {"a.sql": HOURS_SQL, "b.sql": STATUS_SQL}))
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    assert [(m.name, m.status) for m in first.dashboard] == [
        ("hours_total", "ok"),
        ("comment_count", "ok"),
        ("tickets_by_status", "ok"),
    ]
    broken = dict(v1_tables, tickets=renamed(v1_tables["tickets"], "TKT-Status", "TKT-State"))
    for mode in ("simple", "blue-green"):
        with pytest.raises(LoadRefused) as refused:
            load_tables(broken, pg_uri, mode=mode, keys=KEYS, settings=settings)  # type: ignore[arg-type]
        assert str(refused.value).startswith(
            f"{mode} load refused, nothing live changed: dashboard template 'tickets_by_status' failed: "
            'column "TKT-Status" does not exist'
        )
        assert f"(it works on the live version {first.schema})" in str(refused.value)
        statuses = {m.name: m.status for m in refused.value.result.dashboard}
        assert statuses == {"hours_total": "ok", "comment_count": "ok", "tickets_by_status": "failing"}
    assert live_target(pg_uri) == {first.schema} and version_schemas(pg_uri) == [first.schema]


def test_a_template_failing_on_live_too_is_not_applicable_and_never_refuses(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table], tmp_path: Path
) -> None:
    without_hours = dict(v1_tables, timesheets=v1_tables["timesheets"].drop_columns(["TS-Hours"]))
    first = load_tables(without_hours, pg_uri, keys=KEYS, settings=settings)
    settings = with_templates(settings, templates_dir(tmp_path, {"a.sql": HOURS_SQL, "b.sql": STATUS_SQL}))
    second = load_tables(without_hours, pg_uri, keys=KEYS, settings=settings)
    assert second.status == "live" and live_target(pg_uri) == {second.schema}
    (hours,) = [m for m in second.dashboard if m.name == "hours_total"]
    assert hours.status == "not_applicable" and hours.ok and not hours.applicable
    assert hours.reason == f'fails on the live version {first.schema} too: column "TS-Hours" does not exist'
    assert second.warnings == [f"dashboard template 'hours_total' not applicable: {hours.reason}"]
    assert second.problems == []
    recorded = pg_query(
        pg_uri, f"SELECT report->'dashboard' FROM columnar_etl.runs WHERE version_schema = '{second.schema}'"
    )
    by_name = {m["name"]: m for m in json.loads(recorded[0][0])}
    assert by_name["hours_total"]["status"] == "not_applicable"
    assert by_name["hours_total"]["live_error"] == 'column "TS-Hours" does not exist'


def test_with_nothing_live_only_a_missing_name_is_not_applicable(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table], tmp_path: Path
) -> None:
    crash = "-- name: divide_by_zero\nSELECT count(*) / 0 AS n FROM {schema}.tickets\n"
    settings = with_templates(settings, templates_dir(tmp_path, {"a.sql": HOURS_SQL, "c.sql": crash}))
    tables = {name: v1_tables[name] for name in ("tickets", "comments")}
    with pytest.raises(LoadRefused, match="dashboard template 'divide_by_zero' failed: division by zero"):
        load_tables(tables, pg_uri, keys=KEYS, settings=settings)
    assert version_schemas(pg_uri) == []
    (tmp_path / "templates" / "c.sql").unlink()
    loaded = load_tables(tables, pg_uri, keys=KEYS, settings=settings)
    statuses = {m.name: (m.status, m.sqlstate) for m in loaded.dashboard}
    assert statuses == {"hours_total": ("not_applicable", "42P01"), "comment_count": ("ok", None)}


def test_cutover_of_a_blue_green_version_checks_the_templates_of_the_day(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table], tmp_path: Path
) -> None:
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    broken = dict(v1_tables, tickets=renamed(v1_tables["tickets"], "TKT-Status", "TKT-State"))
    # Loaded while the operator's templates did not read TKT-Status...
    hours_only = with_templates(settings, templates_dir(tmp_path, {"a.sql": HOURS_SQL}, "hours"))
    second = load_tables(broken, pg_uri, mode="blue-green", keys=KEYS, settings=hours_only)
    # ...and cut over after a dashboard started to: refused, nothing changes, the run is recorded.
    status = with_templates(settings, templates_dir(tmp_path, {"b.sql": STATUS_SQL}, "status"))
    with pytest.raises(LoadError) as refused:
        cutover(pg_uri, second.schema, settings=status)
    assert refused.value.exit_code == 3  # a gate's refusal, as `templates check` says (helper 22: was 1)
    assert refused.value.one_line() == (
        f"cutover to {second.schema} refused, nothing live changed: dashboard template 'tickets_by_status' "
        f'failed: column "TKT-Status" does not exist (it works on the live version {first.schema}) '
        f"(hint: columnar-etl templates check --version {second.schema} lists every template)"
    )
    assert live_target(pg_uri) == {first.schema}
    assert pg_query(pg_uri, "SELECT status FROM columnar_etl.runs WHERE mode = 'cutover'") == [
        ("halted",)
    ]  # exit 3, as its run.json
    done = cutover(pg_uri, second.schema, settings=hours_only)
    assert [(m.name, m.status) for m in done.dashboard] == [("hours_total", "ok"), ("comment_count", "ok")]
    assert done.warnings == [] and live_target(pg_uri) == {second.schema}


def make_other_export(make_sqlite: Any) -> Path:
    """An export whose tables and columns are not the help-desk ones the bundled templates read."""
    return Path(
        make_sqlite(
            {
                "requests": (
                    'CREATE TABLE requests ("REQ No" INTEGER PRIMARY KEY, "REQ Title" TEXT, '
                    '"REQ Opened" TEXT)',
                    [(i, f"request {i}", f"2025-01-{1 + i % 28:02d} 10:00:00") for i in range(1, 41)],
                ),
                "tickets": (
                    'CREATE TABLE tickets ("Ticket No" INTEGER PRIMARY KEY, "Summary" TEXT)',
                    [(i, f"summary {i}") for i in range(1, 31)],
                ),
            },
            name="other_shape.db",
        )
    )


def run_export(
    pg_uri: str, export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *extra: str
) -> Any:
    """``columnar-etl run EXPORT --mode simple --yes --json`` with runs and backups under ``tmp_path``."""
    for name, value in {
        "RUNS_DIR": tmp_path / "runs",
        "BACKUP_DIR": tmp_path / "backups",
        "MIN_MEMORY_GB": 0.5,
        "FAIL_MEMORY_GB": 0.1,
    }.items():
        monkeypatch.setenv(f"COLUMNAR_ETL_{name}", str(value))
    args = ["--target", pg_uri, "run", str(export), "--mode", "simple", "--yes", "--json", *extra]
    return runner.invoke(app, args)


def test_an_export_the_bundled_templates_do_not_fit_at_all_gets_one_note_not_a_warning_each(
    pg_uri: str, tmp_path: Path, make_sqlite: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = make_other_export(make_sqlite)
    bundled = [t.name for t in load_templates()]
    for attempt in ("first", "again, beside its own live version"):
        done = run_export(pg_uri, export, tmp_path, monkeypatch, *(["--force"] if attempt != "first" else []))
        assert done.exit_code == 0, (attempt, done.output)
        record = json.loads(done.stdout)
        assert record["outcome"] == "done" and record["version_schema"] in version_schemas(pg_uri)
        dashboard = record["load"]["dashboard"]
        assert [m["name"] for m in dashboard] == bundled
        # Each is still judged and listed: not applicable, for a name the export lacks.
        assert {
            (m["status"], m["sqlstate"] in ("42P01", "42703"), m["unused_bundled"]) for m in dashboard
        } == {("not_applicable", True, True)}
        assert not [w for w in record["warnings"] if "dashboard template" in w], attempt
        (note,) = [n for n in record["notes"] if "bundled help-desk dashboard templates" in n]
        assert f"({len(bundled)})" in note and "`dashboard_templates`" in note
        report = (tmp_path / "runs" / record["run_id"] / "report.html").read_text(encoding="utf-8")
        assert f"{len(bundled)} not applicable" in report
    assert pg_query(pg_uri, 'SELECT count(*) FROM servicedesk."requests"') == [(40,)]


def test_the_same_queries_named_by_the_operator_warn_for_each_template(
    pg_uri: str, tmp_path: Path, make_sqlite: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The bundled file itself, given in the setting: the operator's own templates, each a warning.
    export = make_other_export(make_sqlite)
    bundled = [t.name for t in load_templates()]
    monkeypatch.setenv("COLUMNAR_ETL_DASHBOARD_TEMPLATES", str(default_templates_path()))
    done = run_export(pg_uri, export, tmp_path, monkeypatch)
    assert done.exit_code == 2, done.output
    record = json.loads(done.stdout)
    warned = [w for w in record["warnings"] if w.startswith("dashboard template ")]
    assert len(warned) == len(bundled)
    assert any('column "TKT-Status" does not exist' in w for w in warned)
    assert any('relation "' in w and 'timesheets" does not exist' in w for w in warned)
    assert not any(m["unused_bundled"] for m in record["load"]["dashboard"])
    assert not [n for n in record["notes"] if "bundled help-desk dashboard templates" in n]


def test_where_one_bundled_template_fits_the_others_still_warn(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    # Our own comments alone: the templates on comments work, every other one names a missing table.
    assert settings.dashboard_templates is None
    loaded = load_tables({"comments": v1_tables["comments"]}, pg_uri, keys=KEYS, settings=settings)
    fitting = {m.name for m in loaded.dashboard if m.status == "ok"}
    missing = [m for m in loaded.dashboard if m.status == "not_applicable"]
    assert fitting and missing and len(fitting) + len(missing) == len(load_templates())
    assert not any(m.unused_bundled for m in loaded.dashboard)
    assert loaded.warnings == [f"dashboard template {m.name!r} not applicable: {m.reason}" for m in missing]


def test_templates_check_lists_each_template_for_a_version_and_an_export(
    pg_uri: str, v1_tables: dict[str, pa.Table], tmp_path: Path, make_sqlite: Any, small_fixture: Path
) -> None:
    folder = templates_dir(tmp_path, {"a.sql": HOURS_SQL, "b.sql": STATUS_SQL})
    settings = load_settings(backup_dir=tmp_path / "backups", dashboard_templates=folder)
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    # The live version: everything applies.
    on_live = check_version_templates(pg_uri, settings=settings)
    assert (on_live.checked, on_live.live, on_live.exit_code) == (first.schema, None, 0)
    assert [r.status for r in on_live.results] == ["ok", "ok", "ok"]
    assert on_live.results[1].rows == [{"comments": v1_tables["comments"].num_rows}]
    # Another export, checked against the live version: nothing of it is kept in the target.
    export = make_other_export(make_sqlite)
    cli = ["--target", pg_uri, "templates", "check"]
    env = {"COLUMNAR_ETL_DASHBOARD_TEMPLATES": str(folder), "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "b")}
    result = runner.invoke(app, [*cli, str(export)], env=env)
    assert result.exit_code == 3, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{export} against the live version {first.schema}; templates {folder}"
    assert lines[1] == "dashboard templates: 0 ok, 0 not applicable, 3 failing"
    assert lines[2].startswith('  failing hours_total: relation "servicedesk_templates_check.timesheets"')
    assert lines[4].startswith('  failing tickets_by_status: column "TKT-Status" does not exist (it works')
    assert version_schemas(pg_uri) == [first.schema]
    # The same export with nothing live: only names it lacks, so all not applicable (exit 2), as JSON.
    result = runner.invoke(app, [*cli, str(export), "--base", "fresh", "--json"], env=env)
    assert result.exit_code == 2, result.output
    data = json.loads(result.stdout)
    assert (data["outcome"], data["exit_code"]) == ("warn", 2)  # the exit-code table's word, as elsewhere
    assert data["counts"] == {"ok": 0, "not_applicable": 3, "failing": 0}
    assert [r["sqlstate"] for r in data["results"]] == ["42P01", "42P01", "42703"]
    # The bundled set (the setting unset) on it: none fits, so no warning (exit 0).
    bundled = load_templates()
    unset = {"COLUMNAR_ETL_BACKUP_DIR": env["COLUMNAR_ETL_BACKUP_DIR"]}
    result = runner.invoke(app, [*cli, str(export), "--base", "fresh"], env=unset)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == f"dashboard templates: 0 ok, {len(bundled)} not applicable, 0 failing"
    assert len(lines) == 2 + len(bundled)  # each listed, as `templates check` always does
    assert all(" none of the bundled templates fits this export: " in line for line in lines[2:])
    # The committed fixture as an export: all ok against live.
    result = runner.invoke(app, [*cli, str(small_fixture)], env=env)
    assert result.exit_code == 0, result.output
    assert "dashboard templates: 3 ok, 0 not applicable, 0 failing" in result.stdout
    assert "  ok comment_count" in result.stdout
    # --version of an unknown schema is one line, exit 1; SOURCE and --version together: exit 64.
    result = runner.invoke(app, [*cli, "--version", "servicedesk_v20990101_000000"], env=env)
    assert result.exit_code == 1 and result.stderr == (
        "error: 'servicedesk_v20990101_000000' is not a version of 'servicedesk' "
        "(hint: columnar-etl schemas list shows the versions)\n"
    )
    result = runner.invoke(app, [*cli, str(export), "--version", first.schema], env=env)
    assert result.exit_code == 64 and result.stderr == (  # a usage error: nothing ran
        "error: templates check takes SOURCE or --version, not both "
        "(hint: columnar-etl templates check --help)\n"
    )


def test_check_export_templates_leaves_the_target_as_it_was(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    checked = check_export_templates(v1_tables, pg_uri, settings=settings)
    assert checked.live is None and checked.exit_code == 0
    assert len(checked.results) == len(load_templates()) and all(r.status == "ok" for r in checked.results)
    assert version_schemas(pg_uri) == [] and pg_query(pg_uri, "SELECT count(*) FROM columnar_etl.runs") == [
        (0,)
    ]


def test_templates_check_help() -> None:
    result = runner.invoke(app, ["templates", "check", "--help"])
    assert result.exit_code == 0 and "Usage:" in result.stdout


def test_templates_check_of_the_live_version_says_it_is_the_live_one(
    pg_uri: str, v1_tables: dict[str, pa.Table], tmp_path: Path
) -> None:
    # Checking the live version (no SOURCE, no --version) printed "(nothing live to compare with)" and
    # "the export has no such table and nothing is live" while that very version was live.
    folder = templates_dir(
        tmp_path, {"a.sql": HOURS_SQL, "z.sql": "-- name: gone\nSELECT 1 FROM {schema}.nope;\n"}
    )
    settings = load_settings(backup_dir=tmp_path / "backups", dashboard_templates=folder)
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    result = check_version_templates(pg_uri, settings=settings)
    assert (result.checked, result.live, result.checked_is_live) == (first.schema, None, True)
    (gone,) = [r for r in result.results if r.name == "gone"]
    assert gone.status == "not_applicable"
    assert gone.reason == (
        f'the live version has no such table (it is the one checked): relation "{first.schema}.nope" '
        "does not exist"
    )
    env = {"COLUMNAR_ETL_DASHBOARD_TEMPLATES": str(folder), "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "b")}
    cli = runner.invoke(app, ["--target", pg_uri, "templates", "check"], env=env)
    assert cli.exit_code == 2, cli.output
    assert cli.stdout.splitlines()[0] == (
        f"{first.schema} (the live version itself: no other version to compare with); templates {folder}"
    )
