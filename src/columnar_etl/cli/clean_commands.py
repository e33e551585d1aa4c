"""Gate 2 command: ``columnar-etl clean``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from columnar_etl.atomic import write_text_atomically
from columnar_etl.cli.app import (
    ColumnNamesOption,
    app,
    check_output_directory,
    cli_state,
    echo_json,
    out,
    with_outcome,
)
from columnar_etl.errors import ExitCode
from columnar_etl.report.display import run_quality

if TYPE_CHECKING:
    from columnar_etl.cleaning import CleanResult


@app.command("clean")
def clean_command(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="SQLite export file (opened read-only).")],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="NEW file x.db / x.sqlite (SQLite), or NEW directory x.parquet holding one "
            "TABLE.parquet per table (the name percent-encoded: 'My Table' → My%20Table.parquet).",
        ),
    ],
    audit: Annotated[
        Path | None, typer.Option("--audit", help="Write every changed cell to this Parquet file.")
    ] = None,
    quarantine: Annotated[
        Path | None, typer.Option("--quarantine", help="Write every unfixable value to this Parquet file.")
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace OUTPUT (and the audit files) if they exist.")
    ] = False,
    plan_file: Annotated[
        Path | None,
        typer.Option("--plan", help="Cleaning plan JSON (see --save-plan); default: profile SOURCE."),
    ] = None,
    save_plan: Annotated[
        Path | None, typer.Option("--save-plan", help="Also write the cleaning plan used as JSON.")
    ] = None,
    tables: Annotated[
        list[str] | None,
        typer.Option(
            "--table",
            help="Clean only this table (repeatable), named as SQLite names it (`tick` is `Tick`); "
            "one the export lacks: exit 64.",
        ),
    ] = None,
    column_names: Annotated[
        ColumnNamesOption | None,
        typer.Option(
            "--column-names",
            help='export ("TKT-Created Time") or snake (tkt_created_time); default: the names of a '
            "--plan, else the column_names setting (export).",
            show_default=False,
        ),
    ] = None,
    quarantine_policy: Annotated[
        str | None,
        typer.Option("--quarantine-policy", help="Unfixable values: null (default), reject_row or fail."),
    ] = None,
    duplicates: Annotated[
        str | None,
        typer.Option("--duplicates", help="Exact duplicate rows: remove (default, audited), keep or fail."),
    ] = None,
    outlier_iqr_factor: Annotated[
        float | None,
        typer.Option("--outlier-iqr-factor", help="Flag numbers outside the quartiles ± k × IQR (0: off)."),
    ] = None,
    reprofile: Annotated[
        bool,
        typer.Option(
            "--reprofile/--no-reprofile",
            help="Also profile a SQLite output afresh (shown beside the measured after-quality).",
        ),
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")] = False,
) -> None:
    """Gate 2: write a cleaned, typed copy of the export, with an audit of every changed cell.

    Exit 0 nothing lost, 2 values quarantined or rows removed (see the warnings), 3 halted by the
    circuit breaker (the fresh profile's, as `run` applies it; not with --plan) or a cell over
    max_cell_size (with --plan too), 1 error.
    """
    from columnar_etl.pipeline.clean import clean  # deliberate: stage loaded when the command runs
    from columnar_etl.planning.plan import Plan  # deliberate: stage loaded when the command runs

    state = cli_state(ctx)
    state.overrides.update(
        quarantine_policy=quarantine_policy,
        duplicates=duplicates,
        outlier_iqr_factor=outlier_iqr_factor,
        column_names=column_names.value if column_names is not None else None,
    )
    settings = state.settings
    plan = Plan.from_file(plan_file) if plan_file is not None else None
    check_output_directory(save_plan, "--save-plan", source=source)
    result = clean(
        source,
        plan,
        output=output,
        audit=audit,
        quarantine=quarantine,
        overwrite=overwrite,
        tables=tables,
        # A --plan keeps its own names unless the flag says otherwise.
        column_names=settings.column_names if column_names is not None else None,
        settings=settings,
        reprofile=reprofile,
    )
    if save_plan is not None:
        write_text_atomically(save_plan, result.plan.to_json())
    code = ExitCode.WARN if result.warnings else ExitCode.DONE
    if as_json:
        echo_json(with_outcome(result.to_dict(), code))
    else:
        _render(result)
    raise typer.Exit(code)


def _render(result: CleanResult) -> None:
    table = Table(title=f"clean {result.source.name} → {result.output}", title_justify="left")
    for header in ("table", "rows", "changed", "trimmed", "to NULL", "dates", "quarantined"):
        table.add_column(header, justify="left" if header == "table" else "right", no_wrap=True)
    for stats in result.tables.values():
        rows = f"{stats.rows_in:,}"
        if stats.rows_out != stats.rows_in:
            rows = f"{rows} → {stats.rows_out:,}"
        to_null = stats.total("empty_strings_converted") + stats.total("null_likes_converted")
        counts = (
            stats.changed,
            stats.total("whitespace_trimmed"),
            to_null,
            stats.total("dates_standardized"),
        )
        table.add_row(
            escape(stats.name), rows, *(f"{n:,}" for n in counts), f"{stats.total('quarantined'):,}"
        )
    out.print(table)
    if result.quality_before is not None:
        after = "not measured" if result.quality_after is None else run_quality(result.quality_after)
        again = result.quality_reprofiled
        reprofiled = f" (output re-profiled: {run_quality(again)})" if again is not None else ""
        out.print(f"quality {run_quality(result.quality_before)} → {after}{reprofiled}")
    out.print(f"wrote {escape(str(result.output))} in {result.seconds:.2f} s", soft_wrap=True)
    if result.audit_path is not None:
        out.print(
            f"audit: {result.audit_rows:,} changed cells in {escape(str(result.audit_path))}", soft_wrap=True
        )
    if result.quarantine_path is not None:
        out.print(
            f"quarantine: {result.quarantined:,} values in {escape(str(result.quarantine_path))}",
            soft_wrap=True,
        )
    elif result.quarantined:
        out.print(f"quarantine: {result.quarantined:,} unfixable values (list them with --quarantine FILE)")
    rejected = sum(stats.rows_rejected for stats in result.tables.values())
    duplicates = sum(stats.duplicates_removed for stats in result.tables.values())
    if rejected:
        out.print(f"rejected {rejected:,} rows holding an unfixable value (policy reject_row)")
    if duplicates:
        out.print(f"removed {duplicates:,} duplicate rows")
    for warning in result.warnings:
        out.print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True)
