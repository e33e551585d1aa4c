"""The ``columnar-etl`` command line: argument parsing and rendering only; the work is in the library.

Every :class:`~columnar_etl.errors.EtlError` is caught once, in :class:`EtlGroup`, and printed as one
line ``error: <where>: <what> (hint: <what to do>)`` on stderr with the error's exit code (1 unless the
error says otherwise); ``--debug`` lets the traceback through instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from typer.core import TyperGroup

from columnar_etl import __version__
from columnar_etl.config import Settings, load_settings, mask_uri
from columnar_etl.embedded_pg import EmbeddedPostgres, resolve_target
from columnar_etl.errors import EtlError
from columnar_etl.observability import configure_logging, new_run_id

DEFAULT_FIXTURE = Path("data/fixtures/export_small.db")

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class EtlGroup(TyperGroup):
    """The root command group: turns an :class:`EtlError` into one line on stderr and an exit code."""

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click.Context
        """Run the command; on :class:`EtlError` print ``error: ...`` and exit with its code."""
        try:
            return super().invoke(ctx)
        except EtlError as exc:
            if ctx.params.get("debug"):
                raise
            err.print(f"error: {exc.one_line()}", markup=False, soft_wrap=True)
            ctx.exit(exc.exit_code)


@dataclass
class CliState:
    """Global options, and the settings built from them on first use."""

    config: Path | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    _settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        """Settings with the CLI flags on top (built lazily, so ``--help`` never reads config)."""
        if self._settings is None:
            self._settings = load_settings(self.config, **self.overrides)
            # Console logs on stderr; stdout stays clean for results and --json.
            configure_logging(run_id=new_run_id(), level=self._settings.console_log_level, console=True)
        return self._settings


app = typer.Typer(
    cls=EtlGroup,
    help="Move a help-desk's SQLite export into PostgreSQL: profiled, cleaned, typed, versioned.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
pg_app = typer.Typer(help="Manage the embedded PostgreSQL server (the default target).", no_args_is_help=True)
app.add_typer(pg_app, name="pg")


def _version(value: bool) -> None:
    if value:
        out.print(f"columnar-etl {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    config: Annotated[
        Path | None, typer.Option("--config", help="TOML settings file (default: ./columnar_etl.toml).")
    ] = None,
    target: Annotated[
        str | None,
        typer.Option("--target", help="PostgreSQL URI; default: the embedded server.", show_default=False),
    ] = None,
    pg_dir: Annotated[
        Path | None, typer.Option("--pg-dir", help="Data directory of the embedded PostgreSQL server.")
    ] = None,
    log_level: Annotated[
        str | None,
        typer.Option(
            "--log-level", help="Console log level: debug, info, warning, error (default: warning)."
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks instead of one-line errors.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Global options shared by every command."""
    ctx.obj = CliState(
        config=config, overrides={"target": target, "pg_dir": pg_dir, "console_log_level": log_level}
    )


def _state(ctx: typer.Context) -> CliState:
    state = ctx.find_root().obj
    assert isinstance(state, CliState)
    return state


def _echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, default=str))


# --- source -----------------------------------------------------------------------------------------


@app.command()
def tables(
    source: Annotated[Path, typer.Argument(help="SQLite export file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the export's tables with declared column types and row counts (read-only)."""
    from columnar_etl.source import open_source

    with open_source(source) as src:
        if as_json:
            _echo_json(src.to_dict())
            return
        view = Table(title=str(source))
        view.add_column("table")
        view.add_column("rows", justify="right")
        view.add_column("columns (declared type)")
        for info in src.tables.values():
            cols = ", ".join(f"{c.name} ({c.declared_type or '-'})" for c in info.columns)
            view.add_row(info.name, f"{info.row_count:,}", cols)
        out.print(view)


@app.command("copy-raw")
def copy_raw_command(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="SQLite export file.")],
    schema: Annotated[str, typer.Option("--schema", help="Target schema (replaced).")] = "demo_raw",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Copy every table as text into one schema, in one transaction (no profiling or cleaning)."""
    from columnar_etl.pipeline import copy_raw

    settings = _state(ctx).settings
    uri = resolve_target(settings.target, settings.pg_dir)
    result = copy_raw(source, uri, schema=schema, batch_size=settings.batch_size)
    if as_json:
        _echo_json(result.to_dict())
        return
    out.print(f"target: {mask_uri(uri)}", soft_wrap=True)
    view = Table(title=f"{source.name} → schema {schema}")
    view.add_column("table")
    view.add_column("source rows", justify="right")
    view.add_column("target rows", justify="right")
    view.add_column("", justify="center")
    for name in result.tables:
        src_n, dst_n = result.source_rows[name], result.target_rows.get(name, 0)
        view.add_row(name, f"{src_n:,}", f"{dst_n:,}", "[green]✓[/]" if src_n == dst_n else "[red]✗[/]")
    out.print(view)
    out.print(f"{result.copy.total_rows:,} rows in {result.seconds:.2f} s, one transaction")


@app.command()
def demo(
    ctx: typer.Context,
    source: Annotated[Path, typer.Option("--source", help="Export to use.")] = DEFAULT_FIXTURE,
) -> None:
    """Copy the bundled fixture into the embedded PostgreSQL (schema demo_raw) and compare row counts."""
    if not source.exists():
        raise EtlError(
            "demo fixture not found", path=source, hint="run from the project root or pass --source"
        )
    out.print(f"[bold]columnar-etl demo[/]: {source} → embedded PostgreSQL")
    copy_raw_command(ctx, source, schema="demo_raw", as_json=False)


# --- embedded PostgreSQL ------------------------------------------------------------------------------


@pg_app.command("start")
def pg_start(ctx: typer.Context) -> None:
    """Start the embedded server (or reuse the running one) and print its URI."""
    out.print(EmbeddedPostgres(_state(ctx).settings.pg_dir).start(), soft_wrap=True)


@pg_app.command("stop")
def pg_stop(ctx: typer.Context) -> None:
    """Stop the embedded server."""
    stopped = EmbeddedPostgres(_state(ctx).settings.pg_dir).stop()
    out.print("stopped" if stopped else "not running")


@pg_app.command("status")
def pg_status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show whether the embedded server runs, its data directory and URI."""
    status = EmbeddedPostgres(_state(ctx).settings.pg_dir).status()
    if as_json:
        _echo_json(status.to_dict())
        return
    state = "running" if status.running else ("stopped" if status.initialized else "not initialised")
    out.print(f"{state}  data_dir={status.data_dir}  pid={status.pid}  uri={status.uri}", soft_wrap=True)


@pg_app.command("uri")
def pg_uri(ctx: typer.Context) -> None:
    """Print the URI of the running embedded server (exit 1 when it is not running)."""
    pg = EmbeddedPostgres(_state(ctx).settings.pg_dir)
    uri = pg.uri()
    if uri is None:
        raise EtlError(
            "the embedded PostgreSQL is not running", path=pg.data_dir, hint="columnar-etl pg start"
        )
    out.print(uri, soft_wrap=True)


# --- Gate 0: preflight and backups ---------------------------------------------------------------------

backup_app = typer.Typer(
    help="Backups of the source file (SQLite) and of target schemas (pg_dump): make, verify, list, "
    "restore, prune.",
    no_args_is_help=True,
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
    target: Annotated[
        str | None,
        typer.Option("--target", help="PostgreSQL URI (overrides the global --target).", show_default=False),
    ] = None,
    as_json: _JsonOption = False,
) -> None:
    """Gate 0: disk, memory, source, target, pg_dump/pg_restore, dependencies. Exit 0 pass, 2 warn, 1 fail."""
    from columnar_etl.gates.preflight import preflight

    result = preflight(source, settings=_state(ctx).settings, target=target)
    if as_json:
        _echo_json(result.to_dict())
        raise typer.Exit(result.exit_code)
    view = Table(title=f"preflight {source}")
    view.add_column("check", no_wrap=True)
    view.add_column("status")
    view.add_column("value", justify="right")
    view.add_column("threshold", justify="right")
    view.add_column("details")
    for check in result.checks:
        text = check.message + (f"\n[dim]hint: {check.hint}[/]" if check.hint else "")
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
    from columnar_etl.backup import create_backup

    result = create_backup(source, backup_dir=directory, settings=_state(ctx).settings)
    if as_json:
        _echo_json(result.to_dict())
        return
    manifest = result.manifest
    out.print(f"backup {manifest.path}", soft_wrap=True)
    out.print(
        f"{manifest.size:,} bytes, sha256 {manifest.sha256}, {len(manifest.tables)} tables, "
        f"{manifest.total_rows:,} rows, {result.seconds:.2f} s",
        soft_wrap=True,
    )


@backup_app.command("verify")
def backup_verify(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Backup file (its .json manifest must sit next to it).")],
    as_json: _JsonOption = False,
) -> None:
    """Check a backup: size and sha256, then PRAGMA integrity_check and row counts (or pg_restore --list)."""
    from columnar_etl.backup import verify_backup

    result = verify_backup(file, settings=_state(ctx).settings)
    if as_json:
        _echo_json(result.to_dict())
        raise typer.Exit(0 if result.ok else 1)
    view = Table(title=f"verify {file}")
    view.add_column("step")
    view.add_column("", justify="center")
    view.add_column("found")
    for step in result.steps:
        view.add_row(step.name, "[green]✓[/]" if step.ok else "[red]✗[/]", step.detail)
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
    from columnar_etl.backup import list_backups

    listing = list_backups(directory, verify=verify, settings=_state(ctx).settings)
    if as_json:
        _echo_json(listing.to_dict())
        return
    view = Table(title=f"backups in {listing.directory}")
    for column in ("backup", "kind", "created (UTC)", "size", "rows", "of", "ok"):
        view.add_column(column, justify="right" if column in ("size", "rows") else "left")
    for entry in listing.backups:
        manifest = entry.manifest
        ok = "-" if entry.verification is None else ("[green]✓[/]" if entry.verification.ok else "[red]✗[/]")
        view.add_row(
            manifest.path.name,
            manifest.kind,
            f"{manifest.created_utc:%Y-%m-%d %H:%M:%S}",
            f"{manifest.size:,}",
            f"{manifest.total_rows:,}",
            manifest.origin,
            ok,
        )
    out.print(view)
    for path in listing.incomplete:
        out.print(f"[yellow]incomplete (no manifest):[/] {path}", soft_wrap=True)


@backup_app.command("restore")
def backup_restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="SQLite backup file.")],
    to: Annotated[Path, typer.Option("--to", help="Where to write the restored SQLite file.")],
    force: Annotated[bool, typer.Option("--force", help="Replace the file at --to if it exists.")] = False,
    as_json: _JsonOption = False,
) -> None:
    """Verify a source backup, then copy it to --to (never over an existing file without --force)."""
    from columnar_etl.backup import restore_backup

    result = restore_backup(file, to, force=force, settings=_state(ctx).settings)
    if as_json:
        _echo_json(result.to_dict())
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
    from columnar_etl.backup import prune_backups

    result = prune_backups(directory, older_than=older_than, dry_run=dry_run, settings=_state(ctx).settings)
    if as_json:
        _echo_json(result.to_dict())
        return
    verb = "would remove" if dry_run else "removed"
    for path in result.removed:
        out.print(f"{verb} {path}", soft_wrap=True)
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
    from columnar_etl.backup import backup_target

    result = backup_target(schema, backup_dir=directory, settings=_state(ctx).settings)
    if as_json:
        _echo_json(result.to_dict())
        return
    manifest = result.manifest
    out.print(f"backup {manifest.path}", soft_wrap=True)
    out.print(
        f"schema {schema}: {len(manifest.tables)} tables, {manifest.total_rows:,} rows, "
        f"{manifest.size:,} bytes, sha256 {manifest.sha256}, {result.seconds:.2f} s",
        soft_wrap=True,
    )


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
    """Verify a pg_dump backup and pg_restore it (one transaction) into a fresh schema or database."""
    from columnar_etl.backup import restore_target

    result = restore_target(file, database=database, settings=_state(ctx).settings)
    if as_json:
        _echo_json(result.to_dict())
        return
    rows = sum(int(info["rows"]) for info in result.tables.values())
    out.print(
        f"restored schema {result.schema} into database {result.database}: {len(result.tables)} tables, "
        f"{rows:,} rows, counts and types as recorded",
        soft_wrap=True,
    )


def main() -> None:
    """Console-script entry point."""
    app()
