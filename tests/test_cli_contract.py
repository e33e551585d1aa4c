"""The operator contract of every command: global options anywhere, one exit-code table, docs that parse.

Each command is run through typer's runner with real files; the expected exit codes come from the table
in ``columnar_etl.errors`` (shown by ``--help``, README.md and docs/cli.md).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.cli.reference import (
    CommandLineError,
    cli_markdown,
    exit_code_markdown,
    leaf_commands,
    parse_command_line,
)
from columnar_etl.errors import OUTCOMES, exit_code_lines
from export_generator import generate_export

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
BAD_TARGET = "postgresql://nobody@127.0.0.1:9/nowhere"  # nothing listens on port 9: refused at once
LEAVES = [path for path, _ in leaf_commands()]


def _arguments(path: tuple[str, ...], tmp: Path, source: Path) -> list[str]:
    """A minimal invocation of each command: real files, nothing that needs more than the target."""
    src, missing = str(source), str(tmp / "missing.db")
    return {
        ("clean",): ["-o", str(tmp / "out.parquet"), src, "--overwrite"],
        ("preflight",): [src],
        ("load",): [src],
        ("cutover",): [],
        ("rollback",): [],
        ("profile",): [src, "--dry-run-target"],
        ("run",): [src],
        ("tables",): [src],
        ("copy-raw",): [src],
        ("demo",): ["--source", src],
        ("backup", "create"): [src, "--dir", str(tmp / "backups")],
        ("backup", "verify"): [missing],
        ("backup", "list"): ["--dir", str(tmp / "no_backups")],
        ("backup", "restore"): [missing, "--to", str(tmp / "restored.db")],
        ("backup", "prune"): ["--dir", str(tmp / "no_backups"), "--dry-run"],
        ("backup", "target"): ["--schema", "servicedesk", "--dir", str(tmp / "dumps")],
        ("backup", "target-restore"): [str(tmp / "missing.dump")],
        ("schemas", "list"): [],
        ("schemas", "prune"): ["--keep", "1", "--dry-run"],
        ("pg", "start"): [],
        ("pg", "stop"): [],
        ("pg", "status"): [],
        ("pg", "uri"): [],
        ("runs", "list"): [],
        ("runs", "show"): ["no-such-run"],
        ("templates", "check"): [src],
    }[path]


# Commands whose result depends on the target: their output must show the (unreachable) one given.
USES_TARGET = {
    ("preflight",),
    ("load",),
    ("cutover",),
    ("rollback",),
    ("profile",),
    ("run",),
    ("copy-raw",),
    ("demo",),
    ("backup", "target"),
    ("schemas", "list"),
    ("schemas", "prune"),
}
# The embedded server is not the target here; pg start would start one (covered in test_embedded_pg).
SKIP_POSITION = {("pg", "start")}


def _normalised(text: str, tmp: Path) -> str:
    text = text.replace(str(tmp), "TMP")
    text = re.sub(r"\d{8}T\d{6}Z-[0-9a-f]+", "RUN_ID", text)
    text = re.sub(r"\d{8}_\d{6}(_\d+)?", "STAMP", text)  # a backup made in the same second gets _1
    text = re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", "TIME", text)  # backup prune's cutoff
    return re.sub(r"\d+\.\d+", "N", text)


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNAR_ETL_RUNS_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_DIR", str(tmp_path / "backup_dir"))
    monkeypatch.setenv("COLUMNAR_ETL_PG_DIR", str(tmp_path / "pg"))
    monkeypatch.setenv("COLUMNAR_ETL_MIN_MEMORY_GB", "0.5")
    monkeypatch.setenv("COLUMNAR_ETL_FAIL_MEMORY_GB", "0.1")
    monkeypatch.setenv("COLUMNAR_ETL_PREFLIGHT_CONNECT_TIMEOUT", "2")
    return tmp_path


def test_every_command_has_an_invocation_here() -> None:
    assert {("pg", "start"), ("run",), ("schemas", "prune")} <= set(LEAVES)
    for path in LEAVES:
        _arguments(path, Path("/x"), Path("/y"))  # KeyError: a new command needs a line above


@pytest.mark.parametrize("path", [p for p in LEAVES if p not in SKIP_POSITION], ids=" ".join)
def test_target_before_and_after_the_command_give_the_same_result(
    path: tuple[str, ...], isolated: Path, small_fixture: Path
) -> None:
    args = _arguments(path, isolated, small_fixture)
    before = runner.invoke(app, ["--target", BAD_TARGET, *path, *args])
    after = runner.invoke(app, [*path, *args, "--target", BAD_TARGET])
    assert before.exit_code == after.exit_code, (before.output, after.output)
    assert before.exit_code != 64, before.output
    assert _normalised(before.stdout, isolated) == _normalised(after.stdout, isolated)
    assert _normalised(before.stderr, isolated) == _normalised(after.stderr, isolated)
    if path in USES_TARGET:
        assert "127.0.0.1" in before.output, before.output
        assert before.exit_code in (1, 3), before.output


def test_global_options_given_after_the_command_win(isolated: Path, small_fixture: Path) -> None:
    result = runner.invoke(
        app,
        [
            "--target",
            "postgresql://nobody@127.0.0.1:1/first",
            "copy-raw",
            str(small_fixture),
            "--target",
            BAD_TARGET,
        ],
    )
    assert result.exit_code == 1
    assert "127.0.0.1:9/nowhere" in result.stderr and "/first" not in result.stderr


def test_a_flag_after_the_command_wins_over_the_environment(
    isolated: Path, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNAR_ETL_TARGET", "postgresql://nobody@127.0.0.1:1/from_env")
    result = runner.invoke(app, ["copy-raw", str(small_fixture), "--target", BAD_TARGET])
    assert result.exit_code == 1
    assert "127.0.0.1:9/nowhere" in result.stderr and "from_env" not in result.stderr


def test_debug_after_the_command_lets_the_traceback_through(tmp_path: Path) -> None:
    from columnar_etl.errors import SourceError

    result = runner.invoke(app, ["tables", str(tmp_path / "missing.db"), "--debug"])
    assert isinstance(result.exception, SourceError)


@pytest.mark.parametrize(
    ("arguments", "code", "error"),
    [
        (["run", "x.db", "--min-quality", "150"], 64, "UsageError"),
        (["run", "missing.db", "--target", BAD_TARGET], 3, "PreflightFailed"),
    ],
)
def test_debug_shows_the_traceback_and_keeps_the_exit_code(
    arguments: list[str], code: int, error: str, isolated: Path
) -> None:
    # The console script exited 1 (Python's code for an uncaught exception) whatever the error's code:
    # a gate's refusal (3) or a usage error (64) under --debug looked like a plain failure to cron.
    done = subprocess.run(
        [sys.executable, "-m", "columnar_etl", "--debug", *arguments],
        capture_output=True,
        text=True,
        cwd=isolated,
        check=False,
    )
    assert done.returncode == code, done.stderr
    assert done.stderr.startswith("Traceback (most recent call last):")
    assert f"columnar_etl.errors.{error}: " in done.stderr


def test_pg_dir_and_config_after_the_command(isolated: Path) -> None:
    config = isolated / "c.toml"
    config.write_text("log_level = 'error'\n")
    result = runner.invoke(
        app, ["pg", "status", "--json", "--pg-dir", str(isolated / "elsewhere"), "--config", str(config)]
    )
    assert result.exit_code == 0, result.output
    assert f'"data_dir": "{isolated / "elsewhere"}"' in result.stdout


@pytest.mark.parametrize("path", LEAVES, ids=" ".join)
def test_a_misspelled_option_exits_64_for_every_command(path: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*path, "--no-such-option"])
    assert result.exit_code == 64, result.output
    assert result.stderr == (
        f"error: no such option: --no-such-option (hint: columnar-etl {' '.join(path)} --help)\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["run", "x.db", "--tagret", "u"],
            "no such option: --tagret (Possible options: --target) (hint: columnar-etl run --help)",
        ),
        (
            ["run", "x.db", "--mode", "fast"],
            "invalid value for '--mode': 'fast' is not one of 'simple', 'canary', 'blue-green' "
            "(hint: columnar-etl run --help)",
        ),
        (
            ["schemas", "prune", "--keep", "-1"],
            "invalid value for '--keep': Input should be greater than or equal to 0 "
            "(hint: columnar-etl schemas prune --help)",
        ),
        (
            ["schemas", "prune", "--keep", "two"],
            "invalid value for '--keep': Input should be a valid integer, unable to parse string as an "
            "integer (hint: columnar-etl schemas prune --help)",
        ),
        (["run", "x.db", "--mode"], "option '--mode' requires an argument (hint: columnar-etl run --help)"),
        (
            ["schemas", "prune", "--keep"],
            "option '--keep' requires an argument (hint: columnar-etl schemas prune --help)",
        ),
        (["run"], "missing argument 'source' (hint: columnar-etl run --help)"),
        (["no-such-command"], "no such command 'no-such-command' (hint: columnar-etl --help)"),
        (["runs", "no-such-command"], "no such command 'no-such-command' (hint: columnar-etl runs --help)"),
        (
            ["--tagret", "u", "runs", "list"],
            "no such option: --tagret (Possible options: --target) (hint: columnar-etl --help)",
        ),
    ],
)
def test_usage_errors_are_one_line_and_exit_64_never_2(args: list[str], line: str) -> None:
    # Was: click's usage line, a "Try ... --help" line and the message in a box, 5 lines and more.
    result = runner.invoke(app, args)
    assert result.exit_code == 64, result.output
    assert result.stderr == f"error: {line}\n"
    assert result.stdout == ""


def test_a_usage_error_is_one_line_from_the_console_script_too(tmp_path: Path) -> None:
    # The real process (typer's own main, not the test runner): one line on stderr, exit 64, and a
    # group given no command still prints its help, exit 64 (what it did before).
    done = subprocess.run(
        [sys.executable, "-m", "columnar_etl", "backup", "prune", "--older-than"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert (done.returncode, done.stdout) == (64, "")
    assert done.stderr == (
        "error: option '--older-than' requires an argument (hint: columnar-etl backup prune --help)\n"
    )
    group = subprocess.run(
        [sys.executable, "-m", "columnar_etl", "runs"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert group.returncode == 64 and "Usage:" in group.stdout and group.stderr == ""


def _with_output_closed(arguments: list[str], cwd: Path, *, stderr_too: bool = False) -> tuple[int, str]:
    """Run the real process with its reader gone before it writes (``| head -0``): (exit code, stderr)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "columnar_etl", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    if stderr_too:
        process.stderr.close()
        return process.wait(timeout=60), ""
    said = process.stderr.read().decode()
    return process.wait(timeout=60), said


@pytest.mark.parametrize("path", [(), *LEAVES], ids=lambda path: " ".join(path) or "root")
def test_help_into_a_closed_pipe_ends_quietly(path: tuple[str, ...], tmp_path: Path) -> None:
    # `columnar-etl --help | head -3` printed nothing on stderr but exited 1 (click's answer to EPIPE);
    # an unforeseen BrokenPipeError inside a command was "error: BrokenPipeError ...". As git and ls:
    # quiet, and the help was given, so 0.
    assert _with_output_closed([*path, "--help"], tmp_path) == (0, "")


def test_a_command_into_a_closed_pipe_does_its_work_and_exits_with_its_own_code(tmp_path: Path) -> None:
    export = tmp_path / "wide.db"
    with sqlite3.connect(export) as db:
        columns = ", ".join(f'"c {i} é"' for i in range(60))
        db.execute(f"CREATE TABLE many ({columns})")
        db.executemany(f"INSERT INTO many VALUES ({', '.join('?' * 60)})", [[f"v{i}"] * 60 for i in range(5)])
    read = subprocess.run(
        [sys.executable, "-m", "columnar_etl", "tables", "--json", str(export)],
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert read.returncode == 0 and len(read.stdout) > 4096  # more than one write of the stream's buffer
    assert _with_output_closed(["tables", "--json", str(export)], tmp_path) == (0, "")
    # An error with stdout and stderr both gone (`2>&1 | head -1`): still its own code, no crash.
    assert _with_output_closed(["runs", "show", "no-such-run"], tmp_path, stderr_too=True)[0] == 1
    assert _with_output_closed(["tables", str(tmp_path / "missing.db")], tmp_path, stderr_too=True)[0] == 1


def _process(arguments: list[str], cwd: Path, stdout: Any, **env: str) -> subprocess.CompletedProcess[bytes]:
    """The real process, its stdout given, its settings under ``cwd`` (memory checks low, as ``isolated``)."""
    environment = {
        **os.environ,
        "COLUMNAR_ETL_RUNS_DIR": str(cwd / "runs"),
        "COLUMNAR_ETL_BACKUP_DIR": str(cwd / "backups"),
        "COLUMNAR_ETL_MIN_MEMORY_GB": "0.5",
        "COLUMNAR_ETL_FAIL_MEMORY_GB": "0.1",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "columnar_etl", *arguments],
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=environment,
        timeout=300,
        check=False,
    )


def _only_record(runs: Path) -> dict[str, Any]:
    (record,) = [json.loads(path.read_text(encoding="utf-8")) for path in runs.glob("*/run.json")]
    return record


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_command_whose_output_the_file_system_refuses_says_so_and_a_recorded_one_keeps_its_code(
    tmp_path: Path, pg_uri: str, small_fixture: Path
) -> None:
    # `run ... --json > /dev/full` (a full disk under the redirect): the run loaded and recorded its
    # outcome, then its last print raised ENOSPC and the process exited 1, "OSError: [Errno 28] No space
    # left on device (hint: run again with --debug ...)", while run.json said warn, exit 2.
    with open("/dev/full", "w") as full:
        ran = _process(
            ["run", str(small_fixture), "--mode", "simple", "--yes", "--json", "--target", pg_uri],
            tmp_path,
            full,
        )
        read = _process(["tables", "--json", str(small_fixture)], tmp_path, full)
    record = _only_record(tmp_path / "runs")
    assert record["outcome"] == "warn" and ran.returncode == record["exit_code"] == 2
    assert ran.stderr.decode() == (
        "warning: stdout: cannot write the output: No space left on device (hint: the outcome is the exit "
        "code, and the run record (runs/<run_id>/run.json) holds it whole)\n"
    )
    # A command whose output is its result lost it: exit 1, one line saying why.
    assert read.returncode == 1
    assert read.stderr.decode() == (
        "error: stdout: cannot write the output: No space left on device "
        "(hint: write it where there is room)\n"
    )


def test_names_an_ascii_console_cannot_show_are_escaped_and_the_run_exits_as_recorded(
    tmp_path: Path, pg_uri: str
) -> None:
    # LC_ALL=C without Python's UTF-8 mode: stdout is ASCII. `tables` of an export whose table is named
    # in Chinese exited 1, "UnicodeEncodeError: 'ascii' codec can't encode ...", and a `run` that loaded it
    # and recorded done (exit 0) printed half its summary and exited 1 the same way.
    export = tmp_path / "tickets.db"
    with sqlite3.connect(export) as db:
        db.execute('CREATE TABLE "票据" ("编号" INTEGER PRIMARY KEY, "名" TEXT)')
        db.executemany('INSERT INTO "票据" VALUES (?, ?)', [(i, f"n{i}") for i in range(1, 30)])
    db.close()
    ascii_console = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""}
    listed = _process(["tables", str(export)], tmp_path, subprocess.PIPE, **ascii_console)
    assert listed.returncode == 0 and listed.stderr == b""
    assert "\\u7968\\u636e" in listed.stdout.decode("ascii")  # 票据, as Python escapes it on stderr
    ran = _process(
        ["run", str(export), "--mode", "simple", "--yes", "--target", pg_uri],
        tmp_path,
        subprocess.PIPE,
        **ascii_console,
    )
    record = _only_record(tmp_path / "runs")
    assert record["outcome"] == "done" and ran.returncode == record["exit_code"] == 0, ran.stderr
    assert "\\u7968\\u636e" in ran.stdout.decode("ascii")


def test_help_shows_the_exit_code_table() -> None:
    result = runner.invoke(app, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    shown = " ".join(result.stdout.replace("│", " ").split())
    for line in exit_code_lines():
        assert " ".join(line.split()) in shown, line


def test_the_readme_shows_the_exit_code_table() -> None:
    assert exit_code_markdown() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_docs_cli_md_is_current() -> None:
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == cli_markdown(), "docs/cli.md is stale: run `just docs`"


def test_every_argument_and_option_of_every_command_is_in_docs_cli_md() -> None:
    # cutover's VERSION argument and `templates check --version V` were left out of docs/cli.md: the
    # generator skipped every parameter named "version" to leave out the root's --version flag.
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### `([^`]+)`\n(.*?)(?=^### |\Z)", text, flags=re.M | re.S))
    missing = []
    for path, command in leaf_commands():
        section = sections[" ".join(path)]
        for param in command.params:
            if param.name in {
                "help",
                "global_options_context",
                "config",
                "target",
                "pg_dir",
                "log_level",
                "debug",
            }:
                continue
            shown = f"`{param.name.upper()}`" if param.param_type_name == "argument" else f"`{param.opts[0]}`"
            if f"| {shown}" not in section:
                missing.append(f"{' '.join(path)} {shown}")
    assert missing == []


def _documented_command_lines() -> list[tuple[str, str]]:
    """Every ``columnar-etl ...`` command line of README.md and docs/*.md: in code blocks and in
    inline code, without the shell's comments, redirections and continuation dots."""
    found = []
    # docs/cli.md is generated from the commands (its usage lines are synopses, not command lines).
    docs = [doc for doc in sorted((ROOT / "docs").glob("*.md")) if doc.name != "cli.md"]
    for doc in [ROOT / "README.md", *docs]:
        in_block = False
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("```"):
                in_block = not in_block
                continue
            candidates = [line.strip().removeprefix("$ ")] if in_block else []
            candidates += re.findall(r"`(columnar-etl [^`]*)`", line)
            for text in candidates:
                if not text.startswith("columnar-etl"):
                    continue
                text = re.split(r"\s+#|\s*[|>]\s", text)[0].replace("…", "x").strip()
                found.append((f"{doc.name}:{number}", text))
    return found


DOCUMENTED = _documented_command_lines()


def test_the_docs_show_command_lines() -> None:
    assert len(DOCUMENTED) > 30


@pytest.mark.parametrize(("where", "line"), DOCUMENTED, ids=[w for w, _ in DOCUMENTED])
def test_every_documented_command_line_parses(where: str, line: str) -> None:
    try:
        parse_command_line(line)
    except CommandLineError as exc:
        # `columnar-etl run` named in prose is a command, not a command line: it must exist.
        if "Missing argument" not in str(exc) or "-" in line.removeprefix("columnar-etl"):
            raise
        parse_command_line(f"{line} --help")


def test_a_command_line_that_does_not_parse_is_reported() -> None:
    with pytest.raises(CommandLineError, match="No such option: --min-qualty"):
        parse_command_line("columnar-etl run x.db --min-qualty 3")


def test_clean_exit_0_when_nothing_was_lost_2_when_values_were_quarantined(tmp_path: Path) -> None:
    tidy, dirty = tmp_path / "tidy.db", tmp_path / "dirty.db"
    generate_export(tidy, scale=0.005, seed=3, dirt="clean")
    generate_export(dirty, scale=0.005, seed=3, dirt="prod")
    done = runner.invoke(app, ["clean", str(tidy), "-o", str(tmp_path / "t.db"), "--json"])
    warned = runner.invoke(app, ["clean", str(dirty), "-o", str(tmp_path / "d.db"), "--json"])
    assert (done.exit_code, warned.exit_code) == (0, 2), (done.output, warned.output)
    assert '"outcome": "done"' in done.stdout and '"outcome": "warn"' in warned.stdout


JSON_LEAVES = [path for path, command in leaf_commands() if any("--json" in p.opts for p in command.params)]


@pytest.mark.parametrize("path", JSON_LEAVES, ids=" ".join)
def test_json_prints_one_json_value_on_every_outcome(
    path: tuple[str, ...], isolated: Path, small_fixture: Path
) -> None:
    # Was: an error (an unreachable target, a missing file) printed nothing on stdout for most commands.
    args = _arguments(path, isolated, small_fixture)
    result = runner.invoke(app, ["--target", BAD_TARGET, *path, *args, "--json"])
    printed = json.loads(result.stdout)  # exactly one JSON value, nothing else
    if result.exit_code:
        assert isinstance(printed, dict), result.stdout
        assert (printed["outcome"], printed["exit_code"]) == (OUTCOMES[result.exit_code], result.exit_code)
    failed = isinstance(printed, dict) and bool(printed.get("error"))  # a gate's verdict may be a table
    if result.exit_code == 1 or failed:
        assert printed["error"]["message"] and printed["error"]["message"] in result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr
    assert set(JSON_LEAVES) >= {("tables",), ("backup", "verify"), ("schemas", "list"), ("load",)}


def test_a_usage_error_with_json_prints_its_object_too(isolated: Path) -> None:
    result = runner.invoke(app, ["run", "x.db", "--mode", "fast", "--json"])
    assert result.exit_code == 64
    printed = json.loads(result.stdout)
    assert (printed["outcome"], printed["exit_code"], printed["command"]) == ("usage", 64, "run")
    assert printed["error"]["message"] + f" (hint: {printed['error']['hint']})" in result.stderr
    assert printed["error"]["message"].startswith("invalid value for '--mode'")
    assert runner.invoke(app, ["run", "x.db", "--mode", "fast"]).stdout == ""  # without --json: nothing


@pytest.mark.parametrize("words", [["schemas", "prune"], ["backup", "target-restore", "x.dump"]])
def test_a_usage_error_of_a_nested_command_names_it_as_its_record_does(
    isolated: Path, words: list[str]
) -> None:
    # A nested command's JSON named its last word alone ("prune"), where its run.json names the command
    # "schemas prune" (and "backup target-restore").
    result = runner.invoke(app, [*words, "--bogus", "--json"])
    assert result.exit_code == 64, result.output
    command = " ".join(word for word in words if not word.endswith(".dump"))
    assert json.loads(result.stdout)["command"] == command
    assert f"(hint: columnar-etl {command} --help)" in result.stderr


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_an_interrupted_command_that_records_nothing_prints_one_line_exit_1(
    as_json: bool, isolated: Path, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: typer's exit 130 (made 1) and nothing at all on stderr.
    from columnar_etl.source import export

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(export, "open_source", interrupted)
    result = runner.invoke(app, ["tables", str(small_fixture), *(["--json"] if as_json else [])])
    assert result.exit_code == 1, result.output
    assert result.stderr == "error: interrupted: nothing live changed (hint: run again)\n"
    if as_json:
        printed = json.loads(result.stdout)
        assert (printed["outcome"], printed["error"]["error"]) == ("failed", "KeyboardInterrupt")
    else:
        assert result.stdout == ""
