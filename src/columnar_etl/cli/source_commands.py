"""Commands on the export itself: tables, copy-raw, demo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from columnar_etl.cli.app import (
    app,
    cli_state,
    echo_json,
    end_recorded,
    out,
    recorded_settings,
    stage_imported,
)
from columnar_etl.config import mask_uri
from columnar_etl.errors import EtlError
from columnar_etl.pg.embedded import resolve_target
from columnar_etl.pipeline.command_record import Recorded, recorded_call
from columnar_etl.report.display import run_quality

if TYPE_CHECKING:
    from columnar_etl.pipeline.raw import RawCopyResult

DEFAULT_FIXTURE = Path("data/fixtures/export_small.db")


# --- source -----------------------------------------------------------------------------------------


@app.command()
def tables(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="SQLite export file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the export's tables with declared column types and row counts (read-only)."""
    from columnar_etl.source.export import open_source  # deliberate: stage loaded when the command runs

    # The listing needs no setting, but the global options given are checked as every command checks
    # them: a bad value (``--log-level loud``, a --config naming no file) is a usage error, exit 64.
    _ = cli_state(ctx).settings
    with open_source(source) as src:
        if as_json:
            echo_json(src.to_dict())
            return
        view = Table(title=escape(str(source)))
        view.add_column("table")
        view.add_column("rows", justify="right")
        view.add_column("columns (declared type)")
        for info in src.tables.values():
            cols = ", ".join(f"{c.name} ({c.declared_type or '-'})" for c in info.columns)
            view.add_row(escape(info.name), f"{info.row_count:,}", escape(cols))
        out.print(view)
        for record in src.renamed.records():
            where = record["table"] if record["column"] is None else f"{record['table']}.{record['column']}"
            out.print(escape(f"{where}: named {record['export_name']!r} in the export; {record['why']}"))


@app.command("copy-raw")
def copy_raw_command(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="SQLite export file.")],
    schema: Annotated[
        str,
        typer.Option(
            "--schema",
            help="Target schema (replaced); never one columnar_etl manages (a base, version or canary "
            "schema, the ledger).",
        ),
    ] = "demo_raw",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Copy every table as text into one schema, in one transaction (no profiling or cleaning); a row
    count that differs from the source's rolls it back (exit 1, the schema as it was).

    Nothing is cleaned, so nothing can be masked: with a `mask` in [columns] it copies nothing (exit 1).
    A cell over max_cell_size is refused before any is read (exit 3), as by every command.
    Leaves runs/<run_id>/run.json (command "copy-raw"), however it ends.
    """
    settings = recorded_settings(ctx, "copy-raw", mode="copy-raw", source=source, as_json=as_json)
    with stage_imported("copy-raw", settings, mode="copy-raw", source=source) as record:
        from columnar_etl.pipeline.raw import copy_raw  # deliberate: stage loaded when the command runs
    uris: list[str] = []

    def copy(recorded: Recorded[RawCopyResult]) -> RawCopyResult:
        uris.append(resolve_target(settings.target, settings.pg_dir))

        def before_commit(result: RawCopyResult) -> None:
            # From the commit on, an interrupt or a failure finds the schema replaced (exit 2, warning).
            recorded.pending = result
            recorded.record.result = result.to_dict()

        return copy_raw(
            source,
            uris[0],
            schema=schema,
            batch_size=settings.batch_size,
            settings=settings,
            before_commit=before_commit,
        )

    recorded = recorded_call("copy-raw", settings, copy, mode="copy-raw", source=source, record=record)
    end_recorded(recorded, as_json, lambda result: _print_copy(result, uris[0]))


def _print_copy(result: RawCopyResult, uri: str) -> None:
    out.print(f"target: {mask_uri(uri)}", soft_wrap=True)
    view = Table(title=escape(f"{result.source.name} → schema {result.schema}"))
    view.add_column("table")
    view.add_column("source rows", justify="right")
    view.add_column("target rows", justify="right")
    view.add_column("", justify="center")
    for name in result.tables:
        src_n, dst_n = result.source_rows[name], result.target_rows.get(name, 0)
        view.add_row(
            escape(name), f"{src_n:,}", f"{dst_n:,}", "[green]✓[/]" if src_n == dst_n else "[red]✗[/]"
        )
    out.print(view)
    out.print(f"{result.copy.total_rows:,} rows in {result.seconds:.2f} s, one transaction")


@app.command()
def demo(
    ctx: typer.Context,
    source: Annotated[Path, typer.Option("--source", help="Export to use.")] = DEFAULT_FIXTURE,
) -> None:
    """The whole pipeline on the bundled fixture: run --mode blue-green, cut over, summarise."""
    from columnar_etl.pipeline.record import record_settings_failure  # deliberate: as below
    from columnar_etl.pipeline.recorded import recorded_switch  # deliberate: loaded when the command runs
    from columnar_etl.pipeline.runner import run  # deliberate: stage loaded when the command runs

    # The demo is a run: settings that do not load leave its failed run.json, as `run`'s do; a bad
    # global flag is refused (64) before the fixture is looked for.
    settings = recorded_settings(ctx, "run", mode="blue-green", source=source)
    if not source.exists():
        missing = EtlError(
            "demo fixture not found", path=source, hint="run from the project root or pass --source"
        )
        record_settings_failure(
            "run", missing, cli_state(ctx).runs_dir(), mode="blue-green", source=source, stage="preflight"
        )
        raise missing
    uri = resolve_target(settings.target, settings.pg_dir)
    out.print(
        f"[bold]columnar-etl demo[/]: {escape(f'{source} → {mask_uri(uri)} (schema {settings.base_schema})')}"
    )
    result = run(source, mode="blue-green", settings=settings.model_copy(update={"target": uri}))
    record = result.record
    if record.outcome == "already_loaded":
        # The run's warning says which version came from this file, and the cutover when it is not live.
        out.print(f"[green]already loaded[/]: {escape(record.warnings[-1])}", soft_wrap=True)
        out.print(f"run record {record.run_dir}", soft_wrap=True)
        raise typer.Exit(0)
    if record.exit_code not in (0, 2):
        message = record.error["message"] if record.error else record.outcome
        error = EtlError(f"demo run {record.outcome}: {message}", hint=f"see {record.run_dir}")
        error.exit_code = record.exit_code  # the run's own code: 3 for a gate's refusal, 1 for an error
        raise error
    # Recorded as the cutover command is (runs/<run_id>/run.json), beside the run's own record.
    on_target = settings.model_copy(update={"target": uri})
    switched = recorded_switch(record.version_schema, settings=on_target).unwrap()
    view = Table(title=f"{settings.base_schema}.* now reads {switched.to_version}")
    for name in ("table", "rows in", "rows loaded", "quarantined"):
        view.add_column(name, justify="left" if name == "table" else "right")
    for table, rows in record.rows.items():
        view.add_row(escape(table), f"{rows['in']:,}", f"{rows['out']:,}", f"{rows['quarantined']:,}")
    out.print(view)
    seconds = sum(stage.seconds for stage in record.stages)
    out.print(
        f"quality {run_quality(record.quality_before)} → {run_quality(record.quality_after)}, "
        f"{len(record.stages)} stages "
        f"in {seconds:.2f} s; run {record.run_id}"
    )
    if "report.html" in result.artefacts:
        out.print(f"report: {escape(str(result.artefacts['report.html'].resolve()))}", soft_wrap=True)
    for warning in record.warnings:
        out.print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True)
    out.print("roll back with: columnar-etl rollback")
    raise typer.Exit(record.exit_code)
