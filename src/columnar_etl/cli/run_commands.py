"""``columnar-etl run`` (the whole quarter in one command) and ``columnar-etl runs list|show``."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.markup import escape
from rich.table import Table

from columnar_etl.cli.app import (
    app,
    cli_state,
    echo_json,
    err,
    out,
    record_failed_settings,
    recorded_settings,
    sub_app,
)
from columnar_etl.config import SECRET_SETTINGS, check_min_quality, load_settings
from columnar_etl.errors import INTERRUPTED, ConfigError, Declined, EtlError, UsageError
from columnar_etl.pipeline.command_record import command_record
from columnar_etl.report.display import run_quality
from columnar_etl.report.load_sections import rollback

runs_app = sub_app("Run records under runs/ (of every command that changes the target): list them, show one.")
app.add_typer(runs_app, name="runs")

_OUTCOME_STYLE = {
    "done": "green",
    "already_loaded": "green",
    "warn": "yellow",
    "halted": "red",
    "failed": "red",
    "interrupted": "red",
    "running": "blue",
}


@app.command("run")
def run_command(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="SQLite export file (opened read-only).")],
    mode: Annotated[
        Literal["simple", "canary", "blue-green"],
        typer.Option(
            "--mode",
            help="simple: load and go live; canary: try 10% and drop it; blue-green: "
            "load beside the live version, then `columnar-etl cutover`.",
        ),
    ] = "blue-green",
    min_quality: Annotated[
        float | None, typer.Option("--min-quality", help="Quality gate, 0 to 100 (default 80).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Load even if the live version came from this very file.")
    ] = False,
    replay: Annotated[
        Path | None,
        typer.Option("--replay", help="A previous runs/<id>/run.json: reuse its settings and plan."),
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Do not ask before changing the live version.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run record as JSON.")] = False,
) -> None:
    """Preflight → backup → profile → gate → clean → load → validate → cutover.

    Exit 0 done (or already loaded), 2 done with warnings, 3 halted or refused by a gate, 1 failed.
    Every run leaves runs/<run_id>/run.json, also one whose settings do not load (in the runs_dir the
    environment or TOML file names, else ./runs); a usage error (exit 64) is no run and leaves none.
    """
    from columnar_etl.pipeline.record import (  # deliberate: stage loaded when the command runs
        begin_run_record,
        read_record,
    )

    state = cli_state(ctx)
    settings = recorded_settings(ctx, "run", mode=mode, source=source, as_json=as_json)
    recorded: dict[str, Any] | None = None
    if replay is not None:
        try:
            recorded = read_record(replay)  # once: a pipe (`--replay <(ssh host cat run.json)`) reads once
        except EtlError as exc:  # a --replay that names no run record: a bad value (exit 64)
            raise UsageError(exc.message, path=exc.path, hint=exc.hint) from None
        if not isinstance(recorded.get("settings"), dict) or not recorded.get("run_id"):
            # Another JSON of version 1 (a saved plan, a profile) read as a record: KeyError 'settings'.
            raise UsageError(
                "not a run record (it has no run_id or settings)",
                path=replay,
                hint="give a runs/<run_id>/run.json (columnar-etl runs list)",
            )
        try:
            settings = _replayed_settings(recorded["settings"], state.overrides, state.config)
        except ConfigError as exc:  # the recorded settings do not load (here, now): a failed run
            error = ConfigError(
                f"the recorded settings do not load: {exc.message}",
                path=replay,
                hint="this version refuses them: run without --replay, or replay a newer run",
            )
            record_failed_settings(ctx, error, "run", mode=mode, source=source, as_json=as_json)
            raise error from exc
    # No standard input at all (`<&-`, a daemon's closed descriptor: sys.stdin is None) is no one to ask,
    # as /dev/null is: was "AttributeError: 'NoneType' object has no attribute 'isatty'", and no run.json.
    if mode == "simple" and not yes and sys.stdin is not None and sys.stdin.isatty():
        _confirm(source, settings, as_json)
    check_min_quality(min_quality)  # a usage error leaves no record: checked before the run begins
    # The run exists from here: its record is written `running` before its stages are imported (the
    # second or two of it on a busy machine left a run killed then with no run.json at all).
    record = begin_run_record(
        source, mode=mode, runs_dir=settings.runs_dir, settings=settings.masked(), replay=replay
    )
    run = _stage(record)
    result = run(
        source,
        mode=mode,
        min_quality=min_quality,
        settings=settings,
        force=force,
        replay=replay,
        replayed_record=recorded,
        record=record,
    )
    if state.debug and result.exception is not None:
        raise result.exception
    if as_json:
        echo_json(result.to_dict())
    else:
        _render(result)
    _report_end(result)
    raise typer.Exit(result.exit_code)


def _stage(record: Any) -> Any:
    """:func:`~columnar_etl.pipeline.runner.run`, imported once the run's record is written: an interrupt
    meanwhile leaves it ``interrupted``. The imports allocate a few hundred thousand objects and no
    garbage: the cyclic collector waits, then leaves them alone (as ``__main__`` does for the command
    line's own)."""
    from columnar_etl.pipeline.record import record_interrupted_start  # deliberate: loaded with the command

    gc.disable()
    try:
        from columnar_etl.pipeline.runner import run  # deliberate: stage loaded when the command runs
    except KeyboardInterrupt:
        record_interrupted_start(record)
        raise
    except ImportError:
        if not INTERRUPTED.is_set():
            raise
        # An interrupt raised in an extension module's initialisation comes as ImportError (DuckDB's).
        record_interrupted_start(record)
        raise KeyboardInterrupt from None
    finally:
        gc.freeze()
        gc.enable()
    return run


def _confirm(source: Path, settings: Any, as_json: bool) -> None:
    """Ask before a simple run makes the export live. Declined (or no answer: end of input), the run is
    refused by the operator, as by a gate: exit 3, and its run.json says so (stage ``confirm``); Ctrl-C
    at the prompt is an interrupt (exit 1). Nothing ran either way."""
    try:
        if typer.confirm(f"Load {source} and make it live in schema {settings.base_schema!r} right away?"):
            return
        answer: BaseException = Declined(
            "declined at the prompt: nothing ran, nothing live changed",
            path=source,
            hint="answer y, or pass --yes; --mode blue-green loads without making it live",
        )
    except typer.Abort as abort:  # click's word for Ctrl-C (and end of input) at a prompt
        answer = (
            KeyboardInterrupt()
            if INTERRUPTED.is_set() or _ctrl_c(abort)
            else Declined(
                "no answer at the prompt: nothing ran, nothing live changed",
                path=source,
                hint="answer y, or pass --yes when no one is there to answer",
            )
        )
    with command_record("run", settings, mode="simple", source=source, stage="confirm") as recorded:
        raise answer
    if as_json:
        echo_json(recorded.record.to_dict())
    assert recorded.exception is not None
    raise recorded.exception  # its one line on stderr and its exit code (EtlGroup)


def _ctrl_c(abort: BaseException) -> bool:
    """Whether click's :class:`typer.Abort` at a prompt came from Ctrl-C (not from the end of input)."""
    return isinstance(abort.__context__, KeyboardInterrupt)


def _report_end(result: Any) -> None:
    """The one line on stderr of a run that failed, was halted or interrupted, or whose record could not
    be written."""
    record = result.record
    if record.error and record.outcome in ("failed", "halted", "interrupted"):
        err.print(f"error: {_error_text(record.error)}", markup=False, soft_wrap=True)
    if not result.record_written:
        warning = next((w for w in record.warnings if w.startswith("run.json not written")), None)
        err.print(f"warning: {warning or 'run.json not written'}", markup=False, soft_wrap=True)


def _error_text(error: dict[str, Any]) -> str:
    """A recorded error as the one line any error prints: file, table, column, message, hint."""
    context = {key: error.get(key) for key in ("path", "table", "column", "hint")}
    return " ".join(EtlError(error["message"], **context).one_line().split())


def _replayed_settings(recorded: dict[str, Any], overrides: dict[str, Any], config: Path | None) -> Any:
    # The recorded settings, minus the secrets (masked in the record: the target's password, the
    # password command, the salt): those come from this invocation's flag, env or TOML, like any other
    # run's. (A replay once hashed personal data with the salt "***".)
    given = {k: v for k, v in recorded.items() if k not in SECRET_SETTINGS}
    given.update({k: v for k, v in overrides.items() if v is not None})
    return load_settings(config, **given)


def _render(result: Any) -> None:
    record = result.record
    style = _OUTCOME_STYLE.get(record.outcome, "white")
    out.print(f"[bold {style}]{record.outcome.upper()}[/]  run {record.run_id}  (exit {record.exit_code})")
    if record.error:
        out.print(f"[red]{escape(_error_text(record.error))}[/]", soft_wrap=True)
    view = Table(title="stages")
    for name in ("stage", "seconds", "rows", "rows/s", "status"):
        view.add_column(name, justify="right" if name not in ("stage", "status") else "left")
    for stage in record.stages:
        data = stage.to_dict()
        view.add_row(
            stage.name,
            f"{stage.seconds:.2f}",
            f"{stage.rows:,}" if stage.rows is not None else "",
            f"{data['rows_per_second']:,}" if data["rows_per_second"] else "",
            stage.status,
        )
    out.print(view)
    if record.rows:
        tables = Table(title="tables")
        for name in ("table", "rows in", "rows out", "quarantined"):
            tables.add_column(name, justify="left" if name == "table" else "right")
        for name, rows in record.rows.items():
            tables.add_row(escape(name), f"{rows['in']:,}", f"{rows['out']:,}", f"{rows['quarantined']:,}")
        out.print(tables)
    if record.quality_before is not None:
        after = f" → {run_quality(record.quality_after)}" if record.quality_after is not None else ""
        out.print(f"quality {run_quality(record.quality_before)}{after}")
    if record.version_schema:
        out.print(f"version schema {record.version_schema}")
    status = (record.load or {}).get("status")
    if status in ("ready", "live", "canary"):
        # What the load did to what is live, as the run's report says it: loaded beside the live
        # version (blue-green: "DONE" alone read as live) and the cutover; live now (simple) and the
        # rollback; a canary's sample dropped (its table shows the rows cleaned, not the sample's).
        undo = rollback(record.to_dict(), record.load)
        out.print(escape(undo["lead"]), soft_wrap=True)
        if status != "canary":
            command, what = undo["commands"][0]
            out.print(f"  {escape(command)}  # {escape(what)}", soft_wrap=True)  # pasted whole, a comment
    for warning in record.warnings:
        out.print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True)
    for note in record.notes:
        out.print(f"note: {escape(note)}", soft_wrap=True)
    out.print(f"run directory {escape(str(record.run_dir))}", soft_wrap=True)
    if "report.html" in result.artefacts:
        out.print(f"report {escape(str(result.artefacts['report.html']))}", soft_wrap=True)


@runs_app.command("list")
def runs_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Runs recorded under the runs directory, newest first."""
    from columnar_etl.pipeline.record import list_runs  # deliberate: stage loaded when the command runs

    records = list_runs(cli_state(ctx).settings.runs_dir)
    if as_json:
        echo_json(
            [
                {
                    k: r.get(k, "run" if k == "command" else None)
                    for k in ("run_id", "command", "outcome", "started", "source", "version_schema")
                }
                for r in records
            ]
        )
        return
    view = Table(title=escape(f"runs in {cli_state(ctx).settings.runs_dir}"))
    for name in ("run id", "started", "command", "outcome", "mode", "source", "version", "seconds"):
        view.add_column(name)
    for r in records:
        command = r.get("command", "run")  # records written before load, cutover and rollback left theirs
        # Every key read with .get: a record cut or written by hand without one (`{"version": 1}`)
        # failed the whole listing, "error: KeyError: 'run_id'", for every run there (h341).
        seconds = r.get("seconds")
        view.add_row(
            *(
                escape(str(value)) if value is not None else ""
                for value in (
                    r.get("run_id"),
                    r.get("started"),
                    command,
                    r.get("outcome"),
                    None if r.get("mode") == command else r.get("mode"),  # a cutover's mode is "cutover"
                    r.get("source"),
                    r.get("version_schema"),
                )
            ),
            f"{seconds:.1f}" if isinstance(seconds, int | float) else escape(str(seconds or "")),
        )
    out.print(view)


@runs_app.command("show")
def runs_show(
    ctx: typer.Context,
    run_id: Annotated[str, typer.Argument(help="A run id (or a path to its directory / run.json).")],
) -> None:
    """Print one run record (run.json)."""
    from columnar_etl.pipeline.record import read_record  # deliberate: stage loaded when the command runs

    path = Path(run_id)
    if not path.exists():
        path = Path(cli_state(ctx).settings.runs_dir) / run_id
    echo_json(read_record(path))
