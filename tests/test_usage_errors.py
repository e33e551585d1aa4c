"""Bad arguments are refused up front with one line naming what is wrong (issue 16, item 9)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest
from typer.testing import CliRunner, Result

import columnar_etl
from columnar_etl.cli import app
from columnar_etl.cli.app import GLOBAL_OPTION_NAMES
from columnar_etl.cli.reference import leaf_commands, root_command
from columnar_etl.config import load_settings
from columnar_etl.errors import UsageError
from columnar_etl.pg.embedded import EmbeddedPostgres
from columnar_etl.pipeline.runner import run

from .conftest import pg_query

runner = CliRunner()


@pytest.mark.parametrize("value", ["150", "-1", "100.5"])
@pytest.mark.parametrize("command", ["run", "load"])
def test_min_quality_outside_0_to_100_is_a_usage_error_before_anything_runs(
    command: str,
    value: str,
    small_fixture: Path,
    tmp_path: Path,
    pg_uri: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        app, ["--target", pg_uri, command, str(small_fixture), "--min-quality", value, "--mode", "simple"]
    )
    assert result.exit_code == 64, result.output
    assert result.output.strip().splitlines() == [
        f"error: --min-quality must be between 0 and 100, got {float(value):g} "
        "(hint: it is a quality score in percent, e.g. 80)"
    ]
    assert not (tmp_path / "runs").exists()
    assert pg_query(pg_uri, "SELECT count(*) FROM pg_namespace WHERE nspname = 'columnar_etl'") == [(0,)]


def test_run_api_refuses_min_quality_outside_0_to_100(small_fixture: Path, tmp_path: Path) -> None:
    settings = load_settings(runs_dir=tmp_path / "runs", backup_dir=tmp_path / "b")
    with pytest.raises(UsageError, match=r"--min-quality must be between 0 and 100, got 101"):
        run(small_fixture, min_quality=101, settings=settings)
    assert not (tmp_path / "runs").exists()


def test_an_override_of_a_missing_column_names_table_and_column(
    small_fixture: Path, tmp_path: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "columnar_etl.toml"
    config.write_text('[columns.tickets."No Such Column"]\ntype = "text"\n')
    monkeypatch.setenv("COLUMNAR_ETL_MIN_MEMORY_GB", "0.5")
    monkeypatch.setenv("COLUMNAR_ETL_FAIL_MEMORY_GB", "0.1")
    result = runner.invoke(app, ["--target", pg_uri, "run", str(small_fixture), "--mode", "simple", "--yes"])
    assert result.exit_code == 1, result.output
    message = (
        "table 'tickets', column 'No Such Column': override names a column the table does not have "
        "(hint: name a column as the export wrote it or as the target shows it)"
    )
    assert message in result.stdout.splitlines()


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["run", "{export}", "--log-level", "loud"], "invalid value for log_level: 'loud'"),
        (["run", "{export}", "--target", "mysql://x@y/z"], "unknown scheme 'mysql' in the target"),
        (["backup", "prune", "--older-than", "5x"], "cannot read the age '5x'"),
        (["run", "{export}", "--replay", "{missing}", "--yes"], "no run record here"),
    ],
)
def test_a_bad_flag_value_is_a_usage_error_before_anything_runs(
    arguments: list[str], said: str, small_fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # helper 22: these exited 1, as a failure of the work would.
    monkeypatch.chdir(tmp_path)
    words = [a.format(export=small_fixture, missing=tmp_path / "none.json") for a in arguments]
    result = runner.invoke(app, words)
    assert result.exit_code == 64, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and said in line
    assert not (tmp_path / "runs").exists()


def test_replay_of_a_json_that_is_no_run_record_is_a_usage_error(
    small_fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A saved plan (`clean --save-plan`) is JSON of version 1 too: `run --replay plan.json` read it as a
    # record and ended "error: KeyError: 'settings' (hint: run again with --debug ...)", exit 1.
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"version": 1, "source": "x.db", "tables": []}), encoding="utf-8")
    result = runner.invoke(app, ["run", str(small_fixture), "--replay", str(plan), "--yes"])
    assert (result.exit_code, result.stdout) == (64, "")
    assert result.stderr == (
        f"error: file {plan}: not a run record (it has no run_id or settings) "
        "(hint: give a runs/<run_id>/run.json (columnar-etl runs list))\n"
    )
    assert not (tmp_path / "runs").exists()


@pytest.mark.parametrize("value", ["1000000001", "4294967296", "99999999999999999999"])
def test_a_sample_larger_than_a_reservoir_holds_is_a_usage_error(
    value: str, small_fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # DuckDB samples at most 10^9 rows: a larger --sample failed the profile (exit 1, "profiling failed:
    # Parser Error: Sample rows ... out of range", "report the error"; past int64 an INT128 cast) (h90).
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["profile", str(small_fixture), "--sample", value])
    assert result.exit_code == 64, result.output
    assert result.output.strip().splitlines() == [
        f"error: --sample must be between 1 and 1,000,000,000 rows, got {int(value):,} "
        "(hint: a reservoir sample holds at most 10^9 rows; leave --sample out to profile every row)"
    ]


@pytest.mark.parametrize("value", [0, -1, 1_000_000_001])
def test_the_profile_api_refuses_a_sample_outside_1_to_a_billion(value: int, small_fixture: Path) -> None:
    # sample=0 profiled every row; -1 failed the profile with DuckDB's syntax error (exit 1) (h90).
    with pytest.raises(UsageError, match=f"--sample must be between 1 and 1,000,000,000 rows, got {value:,}"):
        columnar_etl.profile(small_fixture, sample=value)


def _path_parameters() -> list[tuple[tuple[str, ...], str]]:
    """Every command's path arguments and options, as (command words, parameter name), read from the
    command tree (the global ones once, for ``run``)."""
    found = []
    for words, command in leaf_commands(root_command()):
        for param in command.params:
            if Path not in (param.type_descriptor.annotation, *get_args(param.type_descriptor.annotation)):
                continue
            if param.name in GLOBAL_OPTION_NAMES and words != ("run",):
                continue
            found.append((words, param.name))
    return found


def _param_id(value: tuple[str, ...] | str) -> str:
    return "-".join(value) if isinstance(value, tuple) else value


#: A value for each required parameter that is no path, so that only the empty path is wrong.
_REQUIRED = {"schema": "s", "keep": "1", "run_id": "r"}


def _invoke_with_path(words: tuple[str, ...], name: str, value: str) -> tuple[Result, str, str]:
    """``words`` given ``value`` for its path parameter ``name`` (and what else it requires): the result,
    how its error names the parameter, and its usage hint."""
    (command,) = [c for w, c in leaf_commands(root_command()) if w == words]
    arguments: list[str] = []
    options: list[str] = []
    for param in command.params:
        path = Path in (param.type_descriptor.annotation, *get_args(param.type_descriptor.annotation))
        given = value if param.name == name else ("x.db" if path else _REQUIRED.get(param.name or ""))
        if given is None or not (param.required or param.name == name):
            continue
        if param.param_type_name == "argument":
            arguments.append(given)
        else:
            options += [param.opts[0], given]
    result = runner.invoke(app, [*words, *arguments, *options])
    (param,) = [p for p in command.params if p.name == name]
    shown = [name] if param.param_type_name == "argument" else param.opts
    return result, " / ".join(f"'{word}'" for word in shown), " ".join(["columnar-etl", *words, "--help"])


@pytest.mark.parametrize(("words", "name"), _path_parameters(), ids=_param_id)
def test_an_empty_path_is_a_usage_error_naming_the_parameter(
    words: tuple[str, ...], name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # helper 315: `run "$EXPORT"` with the variable unset ran on Path('') == Path('.'), the current
    # directory, and was refused as a directory (exit 3; exit 1 for `backup target-restore`).
    monkeypatch.chdir(tmp_path)
    result, said, hint = _invoke_with_path(words, name, "")
    assert result.exit_code == 64, result.output
    assert result.stderr == (
        f"error: invalid value for {said}: an empty path names no file or directory (hint: {hint})\n"
    )
    assert not (tmp_path / "runs").exists()


@pytest.mark.parametrize(("words", "name"), _path_parameters(), ids=_param_id)
def test_a_path_that_is_not_utf8_is_a_usage_error_naming_the_parameter(
    words: tuple[str, ...], name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file named in Latin-1 (`Export\xe9.db`, as the shell hands its bytes over): a `run` made its run
    # directory, then failed writing run.json, "UnicodeEncodeError: 'utf-8' codec can't encode character
    # '\udce9' ...: surrogates not allowed", exit 1 and no record; `tables` failed printing it.
    monkeypatch.chdir(tmp_path)
    named = os.fsdecode(b"Export\xe9.db")
    result, said, hint = _invoke_with_path(words, name, named)
    assert result.exit_code == 64, result.output
    assert result.stderr == (
        f"error: invalid value for {said}: the path 'Export\\xe9.db' is not UTF-8, which the output and the "
        "run records write a path in: rename the file, or give a link to it under a UTF-8 name "
        f"(hint: {hint})\n"
    )
    assert not (tmp_path / "runs").exists()


def test_a_run_of_an_export_named_in_latin_1_prints_its_one_json_object_and_runs_nothing(
    tmp_path: Path, small_fixture: Path
) -> None:
    # The real process, the file's name its bytes: stdout holds the one JSON object, exit 64, no run.
    export = Path(os.fsdecode(bytes(tmp_path) + b"/Export\xe9.db"))
    shutil.copyfile(small_fixture, export)
    done = subprocess.run(
        [sys.executable, "-m", "columnar_etl", "run", os.fsencode(export), "--mode", "simple", "--json"],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "COLUMNAR_ETL_RUNS_DIR": str(tmp_path / "runs")},
        timeout=120,
        check=False,
    )
    assert done.returncode == 64, done.stderr
    shown = json.loads(done.stdout)
    assert (shown["outcome"], shown["exit_code"], shown["command"]) == ("usage", 64, "run")
    assert "is not UTF-8" in shown["error"]["message"] and not (tmp_path / "runs").exists()


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_an_empty_target_is_a_usage_error_not_the_embedded_server(
    before: bool, tmp_path: Path, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `--target "$DB_URI"` with the variable unset: the empty target meant none, and `run` loaded into an
    # embedded server it started in the working directory, exit 0; the database meant got nothing.
    monkeypatch.chdir(tmp_path)
    command = ["run", str(small_fixture), "--mode", "simple", "--yes", "--json"]
    given = ["--target", ""]
    try:
        result = runner.invoke(app, [*given, *command] if before else [*command, *given])
    finally:  # the server the old code started there is stopped, whatever the test finds
        if (tmp_path / ".columnar_etl" / "pg" / "PG_VERSION").exists():
            EmbeddedPostgres(tmp_path / ".columnar_etl" / "pg").stop()
    assert result.exit_code == 64, result.output
    assert json.loads(result.stdout)["outcome"] == "usage"
    hint = "columnar-etl --help" if before else "columnar-etl run --help"
    assert result.stderr == (
        "error: invalid value for '--target': an empty target names no server (leave --target out for the "
        f"embedded one) (hint: {hint})\n"
    )
    assert sorted(tmp_path.iterdir()) == []  # no run record, no server's data directory
