"""Gate 3 commands: ``load``, ``cutover``, ``rollback``, ``schemas list|prune``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from columnar_etl.cli.app import (
    ColumnNamesOption,
    app,
    cli_state,
    echo_json,
    end_recorded,
    err,
    out,
    recorded_settings,
    stage_imported,
    sub_app,
)
from columnar_etl.config import Settings, check_min_quality, mask_uri
from columnar_etl.errors import ConfigError, UsageError
from columnar_etl.pipeline.command_record import Recorded, recorded_call
from columnar_etl.report.display import run_quality

if TYPE_CHECKING:
    from columnar_etl.loading.dashboard import MetricResult
    from columnar_etl.loading.result import CutoverResult, LoadResult, PruneResult, VersionInfo

schemas_app = sub_app("The version schemas of a base schema: list them, prune old ones.")
app.add_typer(schemas_app, name="schemas")

_JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")]


def checked_base(value: str | None) -> str | None:
    """``--base``: a name that can be the stable schema; one that cannot is a bad value (exit 64),
    refused before anything starts."""
    if value is None:
        return None
    from columnar_etl.loading.schemas import check_base  # deliberate: loaded when the option is given

    try:
        return check_base(value)
    except ConfigError as exc:
        raise UsageError(exc.message, hint=exc.hint) from None


_BaseOption = Annotated[
    str | None,
    typer.Option(
        "--base",
        help="Stable schema the dashboards query (default: base_schema setting).",
        callback=checked_base,
    ),
]


class LoadMode(StrEnum):
    """``--mode`` values."""

    simple = "simple"
    canary = "canary"
    blue_green = "blue-green"


@app.command("load")
def load_command(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="SQLite export file (opened read-only).")],
    mode: Annotated[
        LoadMode,
        typer.Option(
            "--mode",
            help="simple: load and cut over; canary: a sample, then dropped; blue-green: load beside "
            "the live version, cut over later.",
        ),
    ] = LoadMode.simple,
    min_quality: Annotated[
        float | None,
        typer.Option("--min-quality", help="Refuse the cutover below this quality (default: min_quality)."),
    ] = None,
    base: _BaseOption = None,
    column_names: Annotated[
        ColumnNamesOption | None,
        typer.Option(
            "--column-names",
            help='export ("TKT-Created Time") or snake (tkt_created_time); default: the column_names '
            "setting (export).",
            show_default=False,
        ),
    ] = None,
    strict_drift: Annotated[
        bool, typer.Option("--strict-drift", help="Refuse the cutover when the export drifted.")
    ] = False,
    as_json: _JsonOption = False,
) -> None:
    """Gate 3: load the export into a new version schema (simple, canary or blue-green).

    Leaves runs/<run_id>/run.json (command "load"), however it ends.
    """
    if column_names is not None:  # a flag: over the environment and the TOML file, as every flag is
        cli_state(ctx).overrides["column_names"] = column_names.value
    check_min_quality(min_quality)  # a usage error leaves no record: checked before the record begins
    settings = recorded_settings(ctx, "load", mode=mode.value, source=source, as_json=as_json)
    with stage_imported("load", settings, mode=mode.value, source=source) as record:
        from columnar_etl.loading.result import LoadRefused  # deliberate: stage loaded when the command runs
        from columnar_etl.pipeline.recorded import recorded_load  # deliberate: loaded when the command runs
    recorded = recorded_load(
        source,
        mode=mode.value,
        min_quality=min_quality,
        base=base,
        column_names=settings.column_names,
        strict_drift=strict_drift,
        settings=settings,
        record=record,
    )
    end_recorded(
        recorded,
        as_json,
        _print_load,
        lambda failure: failure.result if isinstance(failure, LoadRefused) else None,
    )


def _print_load(result: LoadResult) -> None:
    _render_load(result)
    for warning in result.clean_warnings:
        out.print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True)
    for note in result.notes:
        out.print(f"note: {escape(note)}", soft_wrap=True)


def _render_load(result: LoadResult) -> None:
    out.print(f"target: {result.target}", soft_wrap=True)
    view = Table(title=f"{result.mode} load → {result.schema}")
    for column in ("table", "rows", "checks"):
        view.add_column(column, justify="left" if column == "table" else "right")
    for table, rows in result.rows.items():
        checks = [c for c in result.validation.checks if c.table == table]
        failed = sum(not c.ok for c in checks)
        view.add_row(
            escape(table), f"{rows:,}", f"[red]{failed} failed[/]" if failed else f"{len(checks)} ok"
        )
    out.print(view)
    if result.quality_before is not None and result.quality_after is not None:
        out.print(f"quality {run_quality(result.quality_before)} → {run_quality(result.quality_after)}")
    render_templates(result.dashboard)
    for item in result.drift.items:
        out.print(f"[yellow]drift[/] {escape(item.message())}", soft_wrap=True)
    for table, why in result.key_indexes.items():
        out.print(f"[yellow]warning[/] {escape(table)}: plain index instead of a primary key: {escape(why)}")
    for problem in result.problems:
        out.print(f"[red]refused[/] {escape(problem)}", soft_wrap=True)
    if result.status == "live":
        out.print(
            f"{result.base}.* now reads {result.schema} (was {result.live_before or 'nothing'})",
            soft_wrap=True,
        )
    elif result.status == "ready":
        out.print(
            f"{result.schema} is ready; `columnar-etl cutover {result.schema}` makes it live", soft_wrap=True
        )
    elif result.status == "canary":
        out.print(f"canary passed on {result.total_rows:,} rows; dropped, nothing live changed")


def render_templates(results: list[MetricResult], *, every: bool = False) -> None:
    """The templates' verdicts: a count per status, then a line per template (``every``) or per warning
    and failure; the bundled templates an export has no table for, as one note."""
    from columnar_etl.loading.dashboard import unused_bundled_note  # deliberate: loaded with the results

    counts = {s: sum(m.status == s for m in results) for s in ("ok", "not_applicable", "failing")}
    out.print(
        f"dashboard templates: {counts['ok']} ok, {counts['not_applicable']} not applicable, "
        f"{counts['failing']} failing"
    )
    style = {"ok": "green", "not_applicable": "yellow", "failing": "red"}
    note = None if every else unused_bundled_note(results)
    if note is not None:
        out.print(f"note: {escape(note)}", soft_wrap=True)
    for metric in results:
        if every or (metric.status != "ok" and not (note and metric.unused_bundled)):
            reason = f": {escape(metric.reason)}" if metric.reason else ""
            label = metric.status.replace("_", " ")
            out.print(f"  [{style[metric.status]}]{label}[/] {escape(metric.name)}{reason}", soft_wrap=True)


@app.command("cutover")
def cutover_command(
    ctx: typer.Context,
    version: Annotated[
        str | None,
        typer.Argument(
            help="Version schema (default: the newest one loaded after the live one; never an older one).",
        ),
    ] = None,
    base: _BaseOption = None,
    as_json: _JsonOption = False,
) -> None:
    """Re-point the views of the base schema to VERSION, in one transaction.

    Leaves runs/<run_id>/run.json (command "cutover"), however it ends.
    """
    settings = recorded_settings(ctx, "cutover", mode="cutover", as_json=as_json)
    with stage_imported("cutover", settings, mode="cutover") as record:
        from columnar_etl.pipeline.recorded import recorded_switch  # deliberate: loaded when the command runs
    switched = recorded_switch(version, base=base, settings=settings, record=record)
    end_recorded(switched, as_json, _print_switch)


@app.command("rollback")
def rollback_command(ctx: typer.Context, base: _BaseOption = None, as_json: _JsonOption = False) -> None:
    """Re-point the views of the base schema to the version live before this one, in one transaction.

    Leaves runs/<run_id>/run.json (command "rollback"), however it ends.
    """
    settings = recorded_settings(ctx, "rollback", mode="rollback", as_json=as_json)
    with stage_imported("rollback", settings, mode="rollback") as record:
        from columnar_etl.pipeline.recorded import recorded_switch  # deliberate: loaded when the command runs
    switched = recorded_switch(base=base, settings=settings, rollback_to=True, record=record)
    end_recorded(switched, as_json, _print_switch)


def _print_switch(result: CutoverResult) -> None:
    action = "rolled back" if result.rollback else "cut over"
    out.print(
        f"{action}: {result.base}.* now reads {result.to_version} (was {result.from_version or 'nothing'})",
        soft_wrap=True,
    )
    for change in result.column_changes:
        parts = [f"+{', +'.join(change.added)}" if change.added else ""]
        parts.append(f"-{', -'.join(change.removed)}" if change.removed else "")
        parts += [f"{name}: {old} → {new}" for name, (old, new) in change.retyped.items()]
        parts.append(f"kept {', '.join(change.kept)}" if change.kept else "")
        details = "; ".join(part for part in parts if part)
        out.print(escape(f"  {change.table}: view {change.action} {details}".rstrip()), soft_wrap=True)
    if result.backup:
        out.print(f"backup of the previous version: {escape(str(result.backup))}", soft_wrap=True)
    for notice in result.notices:
        out.print(f"[yellow]warning:[/] {escape(notice)}", soft_wrap=True)
    if result.dashboard:
        render_templates(result.dashboard)


@schemas_app.command("list")
def schemas_list(ctx: typer.Context, base: _BaseOption = None, as_json: _JsonOption = False) -> None:
    """The version schemas (live one marked) with their rows, creation time and quality (--json: more).

    Version schemas the ledger has no row of are listed too; when the base's views read another
    version than the ledger says is live, a warning names both (exit 2).
    """
    from columnar_etl.loading.versions import (  # deliberate: stage loaded when the command runs
        disagreement_said,
        list_versions,
    )

    settings = cli_state(ctx).settings
    base = base or settings.base_schema
    found = list_versions(_uri(settings), base=base)
    # The ledger against what the views read (a ledger row deleted or edited by hand): said, exit 2.
    disagreement = disagreement_said(
        base,
        [info.schema for info in found if info.read_by_views],
        next((info.schema for info in found if info.live), None),
        [info.schema for info in found if info.read_by_views and info.unlisted],
    )
    if as_json:
        echo_json([info.to_dict() for info in found])
    else:
        _print_versions(base, found, disagreement is not None)
    if disagreement is not None:
        err.print(f"warning: {disagreement}", markup=False, soft_wrap=True)
        raise typer.Exit(2)


def _print_versions(base: str, found: list[VersionInfo], disagree: bool) -> None:
    view = Table(title=escape(f"versions of {base}"))
    for column in ("", "version", "created (UTC)", "rows", "quality"):
        view.add_column(column, justify="right" if column in ("rows", "quality") else "left", no_wrap=True)
    for info in found:
        if info.missing:  # its schema dropped outside columnar_etl: listed, but no cutover can use it
            mark = "[red]live, gone[/]" if info.live else "[red]gone[/]"
        elif info.unlisted:  # no ledger row: no cutover or rollback knows it
            mark = "[yellow]views, unlisted[/]" if info.read_by_views else "[yellow]unlisted[/]"
        elif disagree and info.read_by_views:  # the views read another than the ledger's live one
            mark = "[yellow]live, views[/]" if info.live else "[yellow]views[/]"
        elif disagree and info.live:
            mark = "[yellow]ledger live[/]"
        else:
            mark = "[green]live[/]" if info.live else ""
        view.add_row(
            mark,
            info.schema,
            f"{info.created:%Y-%m-%d %H:%M}",
            f"{sum(info.rows.values()):,}" if not info.unlisted else "-",
            "-" if info.quality is None else run_quality(info.quality),
        )
    out.print(view)


@schemas_app.command("prune")
def schemas_prune(
    ctx: typer.Context,
    keep: Annotated[int, typer.Option("--keep", min=0, help="How many of the newest versions to keep.")],
    base: _BaseOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be dropped.")] = False,
    as_json: _JsonOption = False,
) -> None:
    """Drop old version schemas; the live one and its predecessor are always kept (with nothing live,
    the newest), and so is one a view of yours reads (a warning naming it, exit 2).

    Leaves runs/<run_id>/run.json (command "schemas prune"), however it ends (also a --dry-run).
    """
    mode = "dry-run" if dry_run else "prune"
    settings = recorded_settings(ctx, "schemas prune", mode=mode, as_json=as_json)
    with stage_imported("schemas prune", settings, mode=mode) as record:
        from columnar_etl.loading.versions import prune_versions  # deliberate: loaded when the command runs

    uris: list[str] = []

    def prune(recorded: Recorded[PruneResult]) -> PruneResult:
        uris.append(_uri(settings))

        def before_commit(result: PruneResult) -> None:
            # As a cutover's: run.json says what is dropped before the commit; from the commit on, an
            # interrupt or a failure finds it done (exit 2 with a warning, not "nothing changed").
            recorded.pending = result
            recorded.record.result = result.to_dict()
            recorded.record.write()

        return prune_versions(
            uris[0],
            keep=keep,
            base=base or settings.base_schema,
            dry_run=dry_run,
            settings=settings,
            run_id=recorded.record.run_id,
            before_commit=before_commit,
        )

    recorded = recorded_call("schemas prune", settings, prune, mode=mode, record=record)
    end_recorded(recorded, as_json, lambda result: _print_prune(result, uris[0]))


def _print_prune(result: PruneResult, uri: str) -> None:
    verb = "would drop" if result.dry_run else "dropped"
    for schema in result.dropped:
        out.print(f"{verb} {schema}", soft_wrap=True)
    out.print(
        f"{verb} {len(result.dropped)} version(s), kept {len(result.kept)} in {mask_uri(uri)}", soft_wrap=True
    )
    for warning in result.warnings:
        out.print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True)


def _uri(settings: Settings) -> str:
    from columnar_etl.pg.embedded import resolve_target  # deliberate: stage loaded when the command runs

    return resolve_target(settings.target, settings.pg_dir)
