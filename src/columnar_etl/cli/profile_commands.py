"""Gate 1 command: ``columnar-etl profile``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from columnar_etl.atomic import write_text_atomically
from columnar_etl.cli.app import app, check_output_directory, cli_state, echo_json, out, with_outcome


@app.command("profile")
def profile_command(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="SQLite export file (opened read-only).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the profile as JSON on stdout.")] = False,
    json_file: Annotated[
        Path | None, typer.Option("--json-file", help="Also write the JSON profile to this file.")
    ] = None,
    html: Annotated[
        Path | None, typer.Option("--html", help="Write a self-contained HTML report to this file.")
    ] = None,
    tables: Annotated[
        list[str] | None,
        typer.Option(
            "--table",
            help="Profile only this table (repeatable), named as SQLite names it (`tick` is `Tick`); "
            "one the export lacks: exit 64.",
        ),
    ] = None,
    sample: Annotated[
        int | None,
        typer.Option(
            "--sample", min=1, help="Profile a repeatable reservoir sample of N rows per table (1 to 10^9)."
        ),
    ] = None,
    dry_run_target: Annotated[
        bool,
        typer.Option(
            "--dry-run-target",
            help="Also load a sample into TEMP tables on the target and run the casts the load will do.",
        ),
    ] = False,
) -> None:
    """Gate 1: every column's real type, dirt and quality. Exit 0 pass, 2 warn, 3 halt, 1 error."""
    from columnar_etl.pipeline.profile_step import profile_export  # deliberate: loaded on use
    from columnar_etl.report import (  # deliberate: stage loaded when the command runs
        render_profile_console,
        write_profile_html,
    )

    settings = cli_state(ctx).settings
    check_output_directory(json_file, "--json-file", source=source)
    check_output_directory(html, "--html", source=source)
    result = profile_export(
        source, tables=tables, sample=sample, dry_run_target=dry_run_target, settings=settings
    )
    if json_file is not None:
        write_text_atomically(json_file, result.to_json())
    if html is not None:
        write_profile_html(result, html)
    if as_json:
        echo_json(with_outcome(result.to_dict(), result.gate.exit_code))
    else:
        render_profile_console(result, out)
        for path in (json_file, html):
            if path is not None:
                out.print(f"wrote {path}", soft_wrap=True)
    raise typer.Exit(result.gate.exit_code)
