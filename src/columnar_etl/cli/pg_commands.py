"""``columnar-etl pg``: the embedded PostgreSQL server."""

from __future__ import annotations

from typing import Annotated

import typer

from columnar_etl.cli.app import app, cli_state, echo_json, out, sub_app
from columnar_etl.errors import EtlError
from columnar_etl.pg.embedded import EmbeddedPostgres

pg_app = sub_app("Manage the embedded PostgreSQL server (the default target).")
app.add_typer(pg_app, name="pg")


# --- embedded PostgreSQL ------------------------------------------------------------------------------


@pg_app.command("start")
def pg_start(ctx: typer.Context) -> None:
    """Start the embedded server (or reuse the running one) and print its URI."""
    out.print(EmbeddedPostgres(cli_state(ctx).settings.pg_dir).start(), soft_wrap=True)


@pg_app.command("stop")
def pg_stop(ctx: typer.Context) -> None:
    """Stop the embedded server."""
    stopped = EmbeddedPostgres(cli_state(ctx).settings.pg_dir).stop()
    out.print("stopped" if stopped else "not running")


@pg_app.command("status")
def pg_status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show whether the embedded server runs, its data directory and URI."""
    status = EmbeddedPostgres(cli_state(ctx).settings.pg_dir).status()
    if as_json:
        echo_json(status.to_dict())
        return
    state = "running" if status.running else ("stopped" if status.initialized else "not initialised")
    out.print(f"{state}  data_dir={status.data_dir}  pid={status.pid}  uri={status.uri}", soft_wrap=True)


@pg_app.command("uri")
def pg_uri(ctx: typer.Context) -> None:
    """Print the URI of the running embedded server (exit 1 when it is not running)."""
    pg = EmbeddedPostgres(cli_state(ctx).settings.pg_dir)
    uri = pg.uri()
    if uri is None:
        raise EtlError(
            "the embedded PostgreSQL is not running", path=pg.data_dir, hint="columnar-etl pg start"
        )
    out.print(uri, soft_wrap=True)
