"""``columnar-etl templates check``: each dashboard template as ok / not applicable / failing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from columnar_etl.cli.app import app, cli_state, echo_json, out, sub_app, with_outcome
from columnar_etl.cli.load_commands import _uri, checked_base, render_templates
from columnar_etl.errors import UsageError

templates_app = sub_app("The dashboard templates (dashboard_templates setting) checked before every cutover.")
app.add_typer(templates_app, name="templates")


@templates_app.command("check")
def templates_check(
    ctx: typer.Context,
    source: Annotated[
        Path | None,
        typer.Argument(help="SQLite export to check (profiled, cleaned, COPYed and rolled back)."),
    ] = None,
    version: Annotated[
        str | None, typer.Option("--version", help="Version schema to check (default: the live one).")
    ] = None,
    base: Annotated[
        str | None,
        typer.Option(
            "--base", help="Stable schema the dashboards query (default: base_schema).", callback=checked_base
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")] = False,
) -> None:
    """Run each template on an export or a version, against the live version. Exit 0 / 2 / 3."""
    from columnar_etl.loading.template_checks import (  # deliberate: stage loaded when the command runs
        check_export_templates,
        check_version_templates,
    )
    from columnar_etl.pipeline.load_step import typed_export  # deliberate: stage loaded when the command runs

    if source is not None and version is not None:
        raise UsageError(
            "templates check takes SOURCE or --version, not both", hint="columnar-etl templates check --help"
        )
    settings = cli_state(ctx).settings
    uri, base = _uri(settings), base or settings.base_schema
    if source is not None:
        with typed_export(source, settings) as typed:
            result = check_export_templates(
                typed.tables, uri, base=base, source=str(source), settings=settings
            )
    else:
        result = check_version_templates(uri, version, base=base, settings=settings)
    if as_json:
        echo_json(with_outcome(result.to_dict(), result.exit_code))
    else:
        if result.live:
            live = f" against the live version {result.live}"
        elif result.checked_is_live:
            live = " (the live version itself: no other version to compare with)"
        else:
            live = " (nothing live to compare with)"
        out.print(f"{result.source or result.checked}{live}; templates {result.templates}", soft_wrap=True)
        render_templates(result.results, every=True)
    raise typer.Exit(result.exit_code)
