"""The public API: one typed function per CLI command, none named like a package, `import` stays light."""

from __future__ import annotations

import importlib
import inspect
import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import columnar_etl
from columnar_etl.cli import app
from columnar_etl.config import load_settings
from columnar_etl.errors import ConfigError, LoadError, UsageError
from columnar_etl.models import Profile
from columnar_etl.source.identity import file_checksum

from .conftest import pg_query

API = ("profile", "plan", "clean", "load", "run", "cutover", "rollback", "preflight", "backup")
STAGE_PACKAGES = ("source", "profiling", "planning", "cleaning", "loading", "backups", "pipeline", "gates")


def test_every_api_function_is_exported_and_no_package_shares_its_name() -> None:
    assert set(API) <= set(columnar_etl.__all__)
    for package in STAGE_PACKAGES:
        module = importlib.import_module(f"columnar_etl.{package}")
        assert inspect.ismodule(module) and package not in API
    # Importing every stage package did not replace a function by a module of the same name.
    for name in API:
        assert inspect.isfunction(getattr(columnar_etl, name)), name


def test_import_columnar_etl_loading_is_the_package_and_columnar_etl_load_the_function() -> None:
    code = (
        "import inspect, columnar_etl.loading, columnar_etl;"
        "print(inspect.ismodule(columnar_etl.loading), inspect.isfunction(columnar_etl.load),"
        " hasattr(columnar_etl.loading, 'load_tables'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", "True"]


@pytest.mark.parametrize("name", API)
def test_api_signatures_are_typed_without_catch_alls(name: str) -> None:
    signature = inspect.signature(getattr(columnar_etl, name))
    for parameter in signature.parameters.values():
        assert parameter.kind not in (parameter.VAR_KEYWORD, parameter.VAR_POSITIONAL), parameter
        assert parameter.annotation is not parameter.empty, parameter
        assert "Any" not in str(parameter.annotation), parameter
    assert signature.return_annotation not in (signature.empty, "Any", "None")
    assert (getattr(columnar_etl, name).__doc__ or "").startswith(("``columnar-etl", "The cleaning plan"))


def test_import_columnar_etl_loads_no_engine() -> None:
    heavy = ("polars", "duckdb", "pyarrow", "adbc_driver_postgresql", "jinja2")
    code = f"import sys, columnar_etl; print([m for m in {heavy!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_profile_returns_what_the_cli_prints(small_fixture: Path) -> None:
    result = columnar_etl.profile(small_fixture, tables=["tickets"], sample=50)
    printed = CliRunner().invoke(
        app, ["profile", str(small_fixture), "--table", "tickets", "--sample", "50", "--json"]
    )
    assert printed.exit_code == result.gate.exit_code, printed.output
    shown = json.loads(printed.stdout)
    mine = result.to_dict()
    for data in (shown, mine):
        data.pop("seconds", None)
        data.pop("outcome", None)
        data.pop("exit_code", None)
    assert shown == mine


def test_plan_from_a_path_or_a_profile_is_the_same_plan(small_fixture: Path) -> None:
    found = columnar_etl.profile(small_fixture)
    assert isinstance(found, Profile)
    from_profile = columnar_etl.plan(found, column_names="snake")
    assert from_profile.to_dict() == columnar_etl.plan(small_fixture, column_names="snake").to_dict()
    names = from_profile.output_names()["tickets"]
    assert names["TKT-Created Time"] == "tkt_created_time"


def test_backup_copies_every_row_and_records_its_checksum(small_fixture: Path, tmp_path: Path) -> None:
    truth: dict[str, Any] = json.loads(small_fixture.with_suffix(".truth.json").read_text())
    result = columnar_etl.backup(small_fixture, backup_dir=tmp_path / "b")
    assert result.path.parent == tmp_path / "b"
    assert file_checksum(result.path) == result.manifest.sha256
    with sqlite3.connect(result.path) as copy:
        for table, facts in truth["tables"].items():
            assert copy.execute(f'SELECT count(*) FROM "{table}"').fetchone() == (facts["row_count"],)


def test_load_cutover_rollback_with_the_cli_arguments(
    small_fixture: Path, pg_uri: str, tmp_path: Path
) -> None:
    settings = load_settings(backup_dir=tmp_path / "backups", pg_dir=tmp_path / "pg", target_lock_wait=10)
    truth: dict[str, Any] = json.loads(small_fixture.with_suffix(".truth.json").read_text())
    loaded = columnar_etl.load(
        small_fixture, mode="blue-green", base="helpdesk", target=pg_uri, settings=settings
    )
    assert loaded.base == "helpdesk" and loaded.schema.startswith("helpdesk_v")
    assert loaded.live_after is None  # blue-green waits for the cutover
    switched = columnar_etl.cutover(base="helpdesk", target=pg_uri, settings=settings)
    assert (switched.from_version, switched.to_version) == (None, loaded.schema)
    rows = pg_query(pg_uri, "SELECT count(*) FROM helpdesk.tickets")[0][0]
    assert rows == truth["tables"]["tickets"]["row_count"]
    with pytest.raises(LoadError):
        columnar_etl.rollback(base="helpdesk", target=pg_uri, settings=settings)


@pytest.mark.parametrize("function", ["run", "load"])
def test_an_unknown_mode_is_a_usage_error_before_anything_runs(
    function: str, small_fixture: Path, tmp_path: Path
) -> None:
    # Until 2026-12-03 run(mode="fast") ran the preflight, started the embedded server, backed the export
    # up, profiled and cleaned it, then failed (exit 1) at the load; the CLI refuses it at once (64).
    settings = load_settings(
        runs_dir=tmp_path / "runs", backup_dir=tmp_path / "backups", pg_dir=tmp_path / "pg"
    )
    with pytest.raises(UsageError, match="unknown load mode 'fast'") as raised:
        getattr(columnar_etl, function)(small_fixture, mode="fast", settings=settings)
    assert raised.value.exit_code == 64
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no run record, backup or server


def test_preflight_with_the_cli_arguments(small_fixture: Path, pg_uri: str, tmp_path: Path) -> None:
    settings = load_settings(backup_dir=tmp_path, min_memory_gb=0.5, fail_memory_gb=0.1)
    result = columnar_etl.preflight(small_fixture, target=pg_uri, settings=settings)
    assert result.target == pg_uri
    assert result.check("source_readable").status == "pass"


def test_every_api_result_prints_well_in_a_notebook(small_fixture: Path, pg_uri: str, tmp_path: Path) -> None:
    # README: "every result prints well in a notebook (`_repr_html_`) and has `to_dict()`". The plan
    # and the backup had no _repr_html_ (Jupyter showed their repr), and the backup's and the
    # preflight's repr was the dataclass's: every field, the manifest's dozen, on one line.
    settings = load_settings(backup_dir=tmp_path, min_memory_gb=0.5, fail_memory_gb=0.1)
    found = columnar_etl.plan(small_fixture, settings=settings)
    page = found._repr_html_()
    assert "<table" in page and "TKT-Created Time" in page and "timestamp" in page
    assert page.count("<tr>") == 1 + sum(len(t.columns) for t in found.tables.values())
    made = columnar_etl.backup(small_fixture, settings=settings)
    assert repr(made) == f"<BackupResult sqlite {made.path}: 2,601 rows, sha256 {made.manifest.sha256[:16]}…>"
    assert str(made.path) in made._repr_html_() and made.manifest.sha256 in made._repr_html_()
    checked = columnar_etl.preflight(small_fixture, target=pg_uri, settings=settings)
    assert repr(checked) == (
        f"<PreflightResult {checked.status} for {small_fixture}: {len(checked.checks)} checks, "
        f"{len(checked.warned)} warn, {len(checked.failed)} fail>"
    )
    for result in (found, made, checked):
        assert json.dumps(result.to_dict(), default=str)


def test_a_plan_in_a_notebook_escapes_the_export_names(tmp_path: Path) -> None:
    export = tmp_path / "x.db"
    with sqlite3.connect(export) as db:
        db.execute('CREATE TABLE "<b>t" ("<script>c" TEXT)')
        db.execute("INSERT INTO \"<b>t\" VALUES ('v')")
    page = columnar_etl.plan(export)._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;c" in page and "&lt;b&gt;t" in page


def test_the_readme_python_example_runs_as_written(
    small_fixture: Path, pg_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The README's notebook example, run as a newcomer would from the project root (the fixture at
    # its relative path), against the test's database as the configured target.
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    (tmp_path / "data" / "fixtures").mkdir(parents=True)
    shutil.copy(small_fixture, tmp_path / "data" / "fixtures" / small_fixture.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNAR_ETL_TARGET", pg_uri)
    monkeypatch.setenv("COLUMNAR_ETL_MIN_MEMORY_GB", "0.5")
    namespace: dict[str, Any] = {}
    exec(compile(example, "README.md", "exec"), namespace)
    assert namespace["p"]["tickets"]["TKT-Created Time"].inferred_type == "timestamp"
    truth: dict[str, Any] = json.loads(small_fixture.with_suffix(".truth.json").read_text())
    rows = sum(facts["row_count"] for facts in truth["tables"].values())
    assert (tmp_path / "clean.db").is_file() and namespace["cleaned"].rows_in == rows
    record = namespace["result"].record
    assert record.outcome == "warn" and record.version_schema.startswith("servicedesk_v")
    live = pg_query(pg_uri, "SELECT schema_name FROM columnar_etl.versions WHERE live")
    assert live == [(record.version_schema,)]


@pytest.mark.parametrize(
    ("function", "keywords", "said"),
    [
        ("clean", {"quarantine_policy": "drop"}, "invalid value for quarantine_policy: 'drop'"),
        ("clean", {"duplicates": "nope"}, "invalid value for duplicates: 'nope'"),
        ("clean", {"outlier_iqr_factor": -3.0}, "invalid value for outlier_iqr_factor: -3"),
        ("load", {"target": "helpdesk-db"}, "invalid setting target"),
        ("profile", {"target": "helpdesk-db", "dry_run_target": True}, "invalid setting target"),
    ],
)
def test_a_keyword_that_overrides_given_settings_is_checked_as_without_them(
    function: str, keywords: dict[str, Any], said: str, small_fixture: Path, tmp_path: Path
) -> None:
    # Until h95 `settings=` given, the keyword went into a copy of them unchecked (pydantic's
    # model_copy does not validate): clean(quarantine_policy="drop", settings=s) ran to the end as if
    # the policy were "null"; without `settings=` the same keyword was refused.
    for settings in (None, load_settings(runs_dir=tmp_path / "runs", pg_dir=tmp_path / "pg")):
        with pytest.raises(ConfigError, match=re.escape(said)):
            getattr(columnar_etl, function)(small_fixture, settings=settings, **keywords)
    assert not (tmp_path / "runs").exists() and not (tmp_path / "pg").exists()


@pytest.mark.parametrize("function", ["plan", "clean", "load"])
def test_unknown_column_names_are_a_usage_error_before_anything_runs(
    function: str, small_fixture: Path, tmp_path: Path
) -> None:
    # Until h95 plan(column_names="camel") returned a plan "names camel" (the export's names), and
    # clean ran with it: the CLI refuses the value at once (64).
    settings = load_settings(runs_dir=tmp_path / "runs", pg_dir=tmp_path / "pg")
    with pytest.raises(UsageError, match="unknown column names 'camel'") as raised:
        getattr(columnar_etl, function)(small_fixture, column_names="camel", settings=settings)
    assert raised.value.exit_code == 64
    assert sorted(p.name for p in tmp_path.iterdir()) == []


LATIN_1_NAME = b"Export\xe9.db"  # a file named on a Latin-1 system: its bytes are no UTF-8


@pytest.mark.parametrize("given", ["bytes", "surrogates", "empty"])
@pytest.mark.parametrize(
    ("function", "keyword"),
    [
        ("preflight", "source"),
        ("backup", "source"),
        ("backup", "backup_dir"),
        ("profile", "source"),
        ("plan", "source"),
        ("clean", "source"),
        ("clean", "output"),
        ("clean", "audit"),
        ("load", "source"),
        ("run", "source"),
        ("run", "replay"),
    ],
)
def test_a_path_that_is_not_utf8_or_empty_is_a_usage_error_before_anything_runs(
    function: str,
    keyword: str,
    given: str,
    small_fixture: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The CLI refuses such a path (exit 64, nothing ran); the library ran with it: run() left a run
    # directory without run.json and load() a record stuck "running", backup() a backup under that name.
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    named = work / LATIN_1_NAME.decode("utf-8", "surrogateescape")
    shutil.copyfile(small_fixture, named)
    value: Any = {"bytes": LATIN_1_NAME, "surrogates": named.name, "empty": ""}[given]
    settings = load_settings(  # a target where nothing answers: what ran on the old code started no server
        runs_dir=tmp_path / "runs",
        backup_dir=tmp_path / "backups",
        pg_dir=tmp_path / "pg",
        target="postgresql://nobody@127.0.0.1:9/nowhere",
    )
    arguments: dict[str, Any] = {"settings": settings}
    if keyword == "source":
        arguments["source"] = value
    else:
        arguments.update(source=small_fixture, **{keyword: value})
    with pytest.raises(UsageError) as raised:
        getattr(columnar_etl, function)(**arguments)
    why = (
        "an empty path names no file or directory"
        if given == "empty"
        else "the path 'Export\\xe9.db' is not UTF-8, which the output and the run records write a path in"
    )
    assert raised.value.message == f"invalid value for {keyword!r}: {why}"
    assert raised.value.exit_code == 64
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work"]  # no run record, backup or server
    assert sorted(p.name for p in work.iterdir()) == [named.name]
