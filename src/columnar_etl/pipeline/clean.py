"""``columnar_etl.clean()``: the pipeline's steps (profile unless given a plan → plan → clean), written
to files.

Every path is checked before any work (output not the source, not existing without ``overwrite``,
room on disk), the output and the audit files are written under temporary names and renamed at the
end, and the source is only ever opened read-only.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from columnar_etl.atomic import same_file
from columnar_etl.cleaning.quality import score_cleaned
from columnar_etl.cleaning.result import CleanResult
from columnar_etl.config import ColumnNames, Settings, load_settings
from columnar_etl.errors import CleanError, SourceError
from columnar_etl.pipeline.record import cancelled
from columnar_etl.pipeline.steps import clean_step, gate_step, plan_step, profile_step
from columnar_etl.planning.plan import Plan
from columnar_etl.profiling.cell_sizes import refuse_large_cells_in
from columnar_etl.profiling.profile import profile
from columnar_etl.source.export import open_source
from columnar_etl.source.private_copy import shared_copy
from columnar_etl.source.sqlite_names import resolve_tables

if TYPE_CHECKING:
    import pyarrow as pa


def clean(
    source: str | Path,
    plan: Plan | None = None,
    *,
    output: str | Path | None = None,
    audit: str | Path | None = None,
    quarantine: str | Path | None = None,
    overwrite: bool = False,
    tables: list[str] | None = None,
    column_names: ColumnNames | None = None,
    settings: Settings | None = None,
    batch_size: int | None = None,
    reprofile: bool = False,
) -> CleanResult:
    """Clean the SQLite export at ``source`` by ``plan`` (default: a plan from a fresh profile).

    ``output`` names a NEW file: ``x.db``/``x.sqlite`` (SQLite with declared types, ISO text for
    timestamps) or ``x.parquet`` (a directory with one Parquet file per table); without it the
    cleaned tables are returned in ``result.data`` (in memory). ``audit`` / ``quarantine`` name Parquet
    files for the changed cells / unfixable values (both are also on the result unless the audit was
    only streamed). ``result.quality_after`` is measured on what cleaning did (docs/profiling.md
    "Quality after cleaning"); ``reprofile`` also profiles a SQLite output afresh
    (``result.quality_reprofiled``: what a new export of that shape would score, not what cleaning lost).
    Settings used: ``quarantine_policy``, ``duplicates``, ``outlier_iqr_factor``, ``column_names``,
    ``columns`` (overrides), ``batch_size``, and the circuit breaker's ``halt_*``: without a ``plan``,
    raises :class:`~columnar_etl.errors.ProfileHalt` (exit 3) when it halts on the fresh profile, as
    ``run`` and ``load`` do, before any file is written. A cell over ``max_cell_size`` is refused
    (:class:`~columnar_etl.errors.CellTooLarge`, exit 3) before any is read, with a plan or without.
    """
    from columnar_etl.cleaning import writers  # deliberate: Polars on first use

    started = time.perf_counter()
    settings = settings or load_settings()
    source = Path(source)
    if not source.is_file():
        open_source(source).close()  # raises the SourceError that says what is wrong with the path
    out = Path(output) if output is not None else None
    logs = {"audit": Path(audit) if audit else None, "quarantine": Path(quarantine) if quarantine else None}
    _check_paths(source, out, logs, overwrite=overwrite)
    # One private copy for the profile and the cleaner, when the export must be read through one
    # (DuckDB's SQLite cannot parse a view, trigger or index of it); removed when cleaning ends.
    with shared_copy(source):
        found = profile_step(source, settings, tables=tables) if plan is None else None
        if found is not None:
            # The circuit breaker, as `run` and `load` apply it: an export too damaged to load is too
            # damaged to clean (exit 3, the same one line; the halt_* settings are the override). A given
            # plan was made from an earlier profile: the operator's decision, not gated again.
            gate_step(found)
        planned = plan_step(found, settings, plan=plan)
        plan = planned.plan.with_column_names(column_names or planned.plan.column_names)
        if tables is not None:
            # As SQLite names them (`tick` is `Tick`); one the plan lacks is refused, not skipped.
            where = "the source" if found is not None else "the cleaning plan"
            named = resolve_tables(tables, plan.tables, path=source, where=where)
            plan = replace(plan, tables={name: plan.tables[name] for name in named})
        planned = replace(planned, plan=plan)
        if found is None:
            # No profile refused a cell too large to move (see profiling.cell_sizes): refused here,
            # before the cleaner reads one (it read and cleaned them, 10-30 times their size in memory).
            refuse_large_cells_in(
                source, settings.max_cell_size, plan.tables, settings.source_encoding_fallback
            )
        writer = writers.open_writer(out, overwrite=overwrite) if out is not None else None
        data: dict[str, pa.Table] | None = None if out is not None else {}
        try:
            with clean_step(
                source,
                planned,
                settings,
                batch_size=batch_size,
                audit=logs["audit"],
                quarantine=logs["quarantine"],
            ) as stream:
                if writer is not None:
                    # Only SQLite's rowid alias is kept as one: any other declared key (INT PRIMARY KEY)
                    # may hold NULLs, which an INTEGER PRIMARY KEY column would replace by new rowids.
                    writer.create(
                        [plan.tables[t] for t in stream.tables],
                        {t: stream.key_columns(t) if stream.rowid_alias(t) else [] for t in stream.tables},
                    )
                for table in stream.tables:
                    if writer is not None:
                        writer.write_table(plan.tables[table], stream.schema(table), stream.batches(table))
                    else:
                        import pyarrow as pa

                        batches = list(stream.batches(table))
                        assert data is not None
                        data[table] = pa.Table.from_batches(batches, schema=stream.schema(table))
                if writer is not None:
                    writer.finish()
                result = stream.result()
                if found is None and tables is None:
                    # A given plan (clean --plan) cleans only its tables: one it does not name is said, not
                    # dropped in silence (the plan may be of an earlier export, or of some tables only).
                    result.unplanned = stream.unplanned()
                if writer is not None:
                    writer.commit()
        except BaseException as exc:
            written = writer is not None and writer.in_place
            if not (written and cancelled(exc)):
                if writer is not None:
                    writer.abort()
                raise
            result.interrupted_after_output = True
    result.output = out
    result.output_format = writers.output_format(out) if out is not None else None
    result.data = data
    try:
        # Measured on the counts of the stream; the profile (when made here) adds orphan references.
        result.quality_after = score_cleaned(result.tables, found.tables if found is not None else None)
        if (
            reprofile
            and out is not None
            and result.output_format == "sqlite"
            and not result.interrupted_after_output
        ):
            result.quality_reprofiled = profile(out, settings=settings).quality
    except SourceError as exc:
        if out is None or not isinstance(exc.__cause__, duckdb.OutOfMemoryException):
            raise
        # The output is in place, complete: its re-profile (a score only) short of memory is a warning,
        # not an exit 1 that leaves it there for a run with the limit raised to refuse.
        result.reprofile_short_of_memory = exc.one_line()
    except BaseException as exc:
        if out is None or not cancelled(exc):
            raise
        result.interrupted_after_output = True
    result.seconds = time.perf_counter() - started
    return result


def _check_paths(source: Path, output: Path | None, logs: dict[str, Path | None], *, overwrite: bool) -> None:
    """Every refusal before any work: the source is never a target, targets never collide."""
    from columnar_etl.cleaning import writers  # deliberate: Polars on first use

    size = source.stat().st_size
    targets = {name: path for name, path in logs.items() if path is not None}
    if output is not None:
        writers.output_format(output)
        writers.check_output(source, output, overwrite=overwrite, needed=size)
    for name, path in targets.items():
        writers.check_output(source, path, overwrite=overwrite, needed=0, what=f"{name} file")
        if path.suffix.lower() != ".parquet":
            raise CleanError(f"the {name} file must end in .parquet", path=path)
        if output is not None and same_file(path, output):
            raise CleanError(f"the {name} file is the output", path=path, hint="give each file its own path")
    if len(targets) == 2 and same_file(*targets.values()):
        raise CleanError("the audit and quarantine files are the same", path=targets["audit"])
