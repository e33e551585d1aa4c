"""Gate 0 commands: preflight and backups."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

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
    sub_app,
    with_outcome,
)
from columnar_etl.errors import ExitCode
from columnar_etl.pipeline.command_record import recorded_call

# --- Gate 0: preflight and backups ---------------------------------------------------------------------

backup_app = sub_app(
    "Backups of the source file (SQLite) and of target schemas (pg_dump): make, verify, list, restore, prune."
)
app.add_typer(backup_app, name="backup")

_STATUS_STYLE = {"pass": "green", "warn": "yellow", "fail": "red", "skip": "dim"}
_BackupDirOption = Annotated[
    Path | None, typer.Option("--dir", help="Backup directory (default: the backup_dir setting).")
]
_JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@app.command("preflight")
def preflight_command(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="SQLite export file.")],
    as_json: _JsonOption = False,
) -> None:
    """Gate 0: disk, memory, source, target, pg_dump/pg_restore, dependencies. Exit 0 pass, 2 warn, 3 fail."""
    from columnar_etl.gates.preflight import preflight  # deliberate: stage loaded when the command runs

    result = preflight(source, settings=cli_state(ctx).settings)
    if as_json:
        echo_json(with_outcome(result.to_dict(), result.exit_code))
        raise typer.Exit(result.exit_code)
    view = Table(title=escape(f"preflight {source}"))
    view.add_column("check", no_wrap=True)
    view.add_column("status")
    view.add_column("value", justify="right")
    view.add_column("threshold", justify="right")
    view.add_column("details")
    for check in result.checks:
        hint = f"\n[dim]hint: {escape(check.hint)}[/]" if check.hint else ""
        text = escape(check.located_message()) + hint
        view.add_row(
            check.name,
            f"[{_STATUS_STYLE[check.status]}]{check.status}[/]",
            check.display_value(),
            check.display_threshold(),
            text,
        )
    out.print(view)
    out.print(f"preflight: [{_STATUS_STYLE[result.status]}]{result.status}[/] in {result.seconds:.2f} s")
    raise typer.Exit(result.exit_code)


@backup_app.command("create")
def backup_create(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="SQLite export file.")],
    directory: _BackupDirOption = None,
    as_json: _JsonOption = False,
) -> None:
    """Copy the source with SQLite's online backup API to SOURCE.YYYYMMDD_HHMMSS, with sha256 and manifest."""
    from columnar_etl.backups import create_backup  # deliberate: stage loaded when the command runs

    result = create_backup(source, backup_dir=directory, settings=cli_state(ctx).settings)
    if as_json:
        echo_json(result.to_dict())
        return
    _print_backup(result, "")


@backup_app.command("verify")
def backup_verify(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Backup file (its .json manifest must sit next to it).")],
    as_json: _JsonOption = False,
) -> None:
    """Check a backup: size and sha256, then PRAGMA integrity_check and row counts (or pg_restore --list)."""
    from columnar_etl.backups import verify_backup  # deliberate: stage loaded when the command runs

    result = verify_backup(file, settings=cli_state(ctx).settings)
    if as_json:
        # A backup that fails verification exits 1 as without --json: its one line on stderr, and the
        # object carries the outcome as every non-zero --json object does.
        echo_json(with_outcome(result.to_dict(), ExitCode.DONE if result.ok else ExitCode.ERROR))
        result.raise_for_problems()
        return
    view = Table(title=escape(f"verify {file}"))
    view.add_column("step")
    view.add_column("", justify="center")
    view.add_column("found")
    for step in result.steps:
        view.add_row(escape(step.name), "[green]✓[/]" if step.ok else "[red]✗[/]", escape(step.detail))
    out.print(view)
    result.raise_for_problems()


@backup_app.command("list")
def backup_list(
    ctx: typer.Context,
    directory: _BackupDirOption = None,
    verify: Annotated[
        bool, typer.Option("--verify", help="Also verify every backup (reads them all).")
    ] = False,
    as_json: _JsonOption = False,
) -> None:
    """List the backups in the backup directory, oldest first."""
    from columnar_etl.backups import list_backups  # deliberate: stage loaded when the command runs

    listing = list_backups(directory, verify=verify, settings=cli_state(ctx).settings)
    if as_json:
        echo_json(listing.to_dict())
        return
    view = Table(title=escape(f"backups in {listing.directory}"))
    for column in ("backup", "kind", "created (UTC)", "size", "rows", "of", "ok"):
        view.add_column(column, justify="right" if column in ("size", "rows") else "left")
    for entry in listing.backups:
        manifest = entry.manifest
        ok = "-" if entry.verification is None else ("[green]✓[/]" if entry.verification.ok else "[red]✗[/]")
        view.add_row(
            escape(manifest.path.name),
            manifest.kind,
            f"{manifest.created_utc:%Y-%m-%d %H:%M:%S}",
            f"{manifest.size:,}",
            f"{manifest.total_rows:,}",
            escape(str(manifest.origin)),
            ok,
        )
    out.print(view)
    for path in listing.incomplete:
        out.print(f"[yellow]incomplete (no manifest):[/] {escape(str(path))}", soft_wrap=True)


@backup_app.command("restore")
def backup_restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="SQLite backup file.")],
    to: Annotated[Path, typer.Option("--to", help="Where to write the restored SQLite file.")],
    force: Annotated[bool, typer.Option("--force", help="Replace the file at --to if it exists.")] = False,
    as_json: _JsonOption = False,
) -> None:
    """Verify a source backup, then copy it to --to (never over an existing file without --force)."""
    from columnar_etl.backups import restore_backup  # deliberate: stage loaded when the command runs

    result = restore_backup(file, to, force=force, settings=cli_state(ctx).settings)
    if as_json:
        echo_json(result.to_dict())
        return
    out.print(
        f"restored {result.backup} → {result.destination} (sha256 {result.sha256}, "
        f"{sum(result.tables.values()):,} rows{', replaced the old file' if result.replaced else ''})",
        soft_wrap=True,
    )


@backup_app.command("prune")
def backup_prune(
    ctx: typer.Context,
    older_than: Annotated[
        str | None,
        typer.Option(
            "--older-than", help="Age like 30d, 12h, 2w (default: retention_days).", show_default=False
        ),
    ] = None,
    directory: _BackupDirOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be removed.")] = False,
    as_json: _JsonOption = False,
) -> None:
    """Remove expired backups; the newest backup that verifies is always kept."""
    from columnar_etl.backups import prune_backups  # deliberate: stage loaded when the command runs

    settings = cli_state(ctx).settings
    result = prune_backups(directory, older_than=older_than, dry_run=dry_run, settings=settings)
    if as_json:
        echo_json(result.to_dict())
        return
    verb = "would remove" if dry_run else "removed"
    for path in result.removed:
        out.print(f"{verb} {escape(str(path))}", soft_wrap=True)
    out.print(
        f"{verb} {len(result.removed)} backup(s), {result.freed_bytes:,} bytes; kept {len(result.kept)} "
        f"(cutoff {result.cutoff:%Y-%m-%d %H:%M:%S} UTC)"
    )


@backup_app.command("target")
def backup_target_command(
    ctx: typer.Context,
    schema: Annotated[str, typer.Option("--schema", help="Target schema to dump.")],
    directory: _BackupDirOption = None,
    as_json: _JsonOption = False,
) -> None:
    """Dump one target schema with pg_dump -n SCHEMA -F c, with sha256 and manifest."""
    from columnar_etl.backups import backup_target  # deliberate: stage loaded when the command runs

    result = backup_target(schema, backup_dir=directory, settings=cli_state(ctx).settings)
    if as_json:
        echo_json(result.to_dict())
        return
    _print_backup(result, f"schema {schema}: ")


@backup_app.command("target-restore")
def backup_target_restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="pg_dump backup file (.dump).")],
    database: Annotated[
        str | None,
        typer.Option("--database", help="Create this database and restore into it.", show_default=False),
    ] = None,
    as_json: _JsonOption = False,
) -> None:
    """Verify a pg_dump backup and pg_restore it (one transaction) into a fresh schema or database;
    rows or columns that differ from the manifest drop what was restored again (exit 1). A pruned
    version restored into the target's own database is a version again (schemas list, cutover).

    Leaves runs/<run_id>/run.json (command "backup target-restore"), however it ends.
    """
    mode = "database" if database else "schema"  # into a new database, or a new schema of the target's
    settings = recorded_settings(ctx, "backup target-restore", mode=mode, source=file, as_json=as_json)
    with stage_imported("backup target-restore", settings, mode=mode, source=file) as record:
        from columnar_etl.loading.versions import restore_version  # deliberate: loaded when the command runs
    recorded = recorded_call(
        "backup target-restore",
        settings,
        lambda _recorded: restore_version(file, database=database, settings=settings),
        mode=mode,
        source=file,
        record=record,
    )
    end_recorded(recorded, as_json, _print_target_restore)


def _print_target_restore(result: Any) -> None:
    rows = sum(int(info["rows"]) for info in result.tables.values())
    out.print(
        f"restored schema {result.schema} into database {result.database}: {len(result.tables)} tables, "
        f"{rows:,} rows, counts and types as recorded",
        soft_wrap=True,
    )
    if result.version_of is not None:
        out.print(
            f"{result.schema} is a version of {result.version_of!r} again: `columnar-etl cutover "
            f"{result.schema}` makes it live (nothing live changed)",
            soft_wrap=True,
            markup=False,
        )


def _print_backup(result: Any, prefix: str) -> None:
    """The two lines shown for a new backup (SQLite copy or pg_dump): where, and what it holds."""
    manifest = result.manifest
    out.print(f"backup {escape(str(manifest.path))}", soft_wrap=True)
    out.print(
        f"{prefix}{len(manifest.tables)} tables, {manifest.total_rows:,} rows, {manifest.size:,} bytes, "
        f"sha256 {manifest.sha256}, {result.seconds:.2f} s",
        soft_wrap=True,
    )
