"""The root of the ``columnar-etl`` command line: the app, its global options and error handling.

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
from typer.core import TyperGroup

from columnar_etl import __version__
from columnar_etl.config import Settings, apply_password_command, load_settings
from columnar_etl.errors import EtlError
from columnar_etl.observability import configure_logging, new_run_id

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
            apply_password_command(self._settings)
            # Console logs on stderr; stdout stays clean for results and --json.
            configure_logging(run_id=new_run_id(), level=self._settings.log_level, console=True)
        return self._settings


app = typer.Typer(
    cls=EtlGroup,
    help="Move a help-desk's SQLite export into PostgreSQL: profiled, cleaned, typed, versioned.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


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
    ctx.obj = CliState(config=config, overrides={"target": target, "pg_dir": pg_dir, "log_level": log_level})


def cli_state(ctx: typer.Context) -> CliState:
    state = ctx.find_root().obj
    assert isinstance(state, CliState)
    return state


def echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, default=str))
