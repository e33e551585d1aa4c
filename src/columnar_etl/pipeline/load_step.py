"""``columnar-etl load`` as a library function: the CLI's ``load`` and ``columnar_etl.load`` call it.

- :func:`typed_export`: the pipeline's steps (:mod:`.steps`: profile → circuit breaker → plan →
  clean), as typed Arrow streams.
- :func:`load_export`: :func:`typed_export` into :func:`~columnar_etl.loading.strategies.load_tables`
  (``columnar-etl load``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from columnar_etl.cleaning.quality import score_cleaned, score_judged
from columnar_etl.config import ColumnNames, Settings, check_min_quality, check_mode
from columnar_etl.loading.dashboard import load_templates
from columnar_etl.loading.ledger import ensure_ledger, live_column_types
from columnar_etl.loading.result import LoadResult
from columnar_etl.loading.strategies import Mode, load_tables
from columnar_etl.pg.embedded import resolve_target
from columnar_etl.pipeline.record import write_json
from columnar_etl.pipeline.steps import clean_step, fits_target_step, gate_step, plan_step, profile_step
from columnar_etl.source.identity import check_unchanged, export_identity, source_state
from columnar_etl.source.private_copy import shared_copy


@dataclass
class TypedExport:
    """What the load needs from the stages before it: typed tables, their references, quality figures."""

    tables: dict[str, pa.RecordBatchReader]
    references: dict[str, list[str]] = field(default_factory=dict)
    keys: dict[str, list[str]] = field(default_factory=dict)
    key_blockers: dict[str, str] = field(default_factory=dict)
    quality_before: float | None = None
    #: Measures the quality after cleaning once the load has read every batch (see cleaning/quality.py).
    quality_after: Callable[[], float] | None = None
    #: The after-score ``quality_not_worse`` judges (overrides' quarantines not held against cleaning).
    quality_judged: Callable[[], float] | None = None
    #: What cleaning lost (quarantined values, removed rows); known once the tables were read.
    clean_warnings: list[str] = field(default_factory=list)
    #: Columns the plan loads as written rather than cleaned (a declared key cleaning would merge), and
    #: text referring to a key of numbers by number only (a join along it needs a cast).
    written_as_is: list[str] = field(default_factory=list)
    #: The export's views, indexes and triggers the target does not get (no warning: no data is missing).
    notes: list[str] = field(default_factory=list)
    #: Per table, each export column's name in ``tables`` (the plan's ``output_name``).
    names: dict[str, dict[str, str]] = field(default_factory=dict)


@contextmanager
def typed_export(
    source: Path,
    settings: Settings,
    *,
    logs: Path | None = None,
    live_types: Mapping[str, Mapping[str, str]] | None = None,
) -> Iterator[TypedExport]:
    """The export profiled, gated and cleaned, as typed Arrow streams (the cleaner's batches, no file).

    ``live_types`` (the live version's, :func:`~columnar_etl.loading.ledger.live_column_types`) are
    kept where the export's values fit them (:func:`plan_step`), each so kept said in ``notes``.

    ``logs`` (a run directory) receives ``profile.json`` (masked columns' values hidden), then
    ``audit.parquet`` and ``quarantine.parquet``, as a run's does: every cell the cleaning changed,
    every value it could not keep, named by the profile's row keys. Raises :class:`ProfileHalt` when
    the circuit breaker stops it.
    """
    # One private copy for the profile and the cleaner, when the export must be read through one
    # (DuckDB's SQLite cannot parse a view, trigger or index of it), in the command's directory.
    with shared_copy(source, logs):
        found = profile_step(source, settings)
        if logs is not None:
            write_json(logs / "profile.json", found.to_dict())  # masked columns' values hidden already
        gate_step(found)
        planned = plan_step(found, settings, live_types=live_types)
        fits_target_step(planned.plan, found)  # a table PostgreSQL cannot hold: refused before the clean
        audit = logs / "audit.parquet" if logs is not None else None
        quarantine = logs / "quarantine.parquet" if logs is not None else None
        with clean_step(source, planned, settings, audit=audit, quarantine=quarantine) as stream:
            tables = {
                name: pa.RecordBatchReader.from_batches(stream.schema(name), stream.batches(name))
                for name in stream.tables
            }
            typed = TypedExport(
                tables=tables,
                references=planned.references or {},
                keys=planned.keys or {},
                key_blockers=planned.key_blockers,
                quality_before=found.quality,
                written_as_is=found.written_as_is + found.joins_by_number + found.joins_by_cleaning,
                notes=found.notes + list(planned.live_notes),
                quality_after=lambda: score_cleaned(stream.stats(), found.tables),
                quality_judged=lambda: score_judged(stream.stats(), found.tables),
                names=planned.plan.output_names(),
            )
            yield typed
            typed.clean_warnings = stream.result().warnings


def load_export(
    source: Path,
    *,
    mode: Mode = "simple",
    min_quality: float | None = None,
    base: str | None = None,
    column_names: ColumnNames = "export",
    strict_drift: bool = False,
    settings: Settings,
    run_id: str | None = None,
    identified: Callable[[str], None] | None = None,
    before_commit: Callable[[LoadResult], None] | None = None,
    logs: Path | None = None,
) -> LoadResult:
    """Profile, gate, plan and clean the export, and load it into a new version schema of ``base``.

    Raises :class:`ProfileHalt` when the circuit breaker stops it and
    :class:`~columnar_etl.loading.result.LoadRefused` when a check refuses the cutover. What cleaning
    lost is in the result's ``clean_warnings`` (and so in its ``warnings``). ``run_id`` names the
    load's ledger row (default: a new id). ``identified`` is called with the export's identity (its
    sha256, :func:`~columnar_etl.source.identity.export_identity`, read once: the ledger's too) as soon
    as it is read, before the profile; ``before_commit`` with the load's result once the export was
    found unchanged, just before the commit (what it raises rolls the load back). ``logs`` (the
    command's run directory) receives the audit and the quarantine (:func:`typed_export`).
    """
    check_mode(mode)
    check_min_quality(min_quality)  # now, not after profiling, cleaning and loading the export
    uri = resolve_target(settings.target, settings.pg_dir)
    ensure_ledger(uri)  # an unreachable target fails now, not after profiling the export
    load_templates(settings.dashboard_templates)  # a misspelt path too, not after loading every table
    before = source_state(source)  # the load commits only if the export is still in this state
    # Read after its state (a change between the two is caught before the commit); before the profile,
    # so that the record of a load the circuit breaker halts names the file too, as a run's does. A
    # file that cannot be read is the profile's to report, in its own words.
    checksum: str | None = None
    with contextlib.suppress(OSError):
        checksum = export_identity(source)
    if identified is not None and checksum is not None:
        identified(checksum)

    def unchanged(loaded: LoadResult) -> None:
        check_unchanged(source, before)
        if before_commit is not None:
            before_commit(loaded)

    try:
        live = live_column_types(uri, base or settings.base_schema)
        with typed_export(source, settings, logs=logs, live_types=live) as typed:
            result = load_tables(
                typed.tables,
                uri,
                mode=mode,
                base=base or settings.base_schema,
                references=typed.references,
                keys=typed.keys,
                key_blockers=typed.key_blockers,
                quality_before=typed.quality_before,
                quality_after=typed.quality_after,
                quality_judged=typed.quality_judged,
                min_quality=min_quality,
                column_names=column_names,
                named=typed.names,
                strict_drift=strict_drift,
                source_path=str(source),
                source_checksum=checksum,
                before_commit=unchanged,
                settings=settings,
                run_id=run_id,
            )
    except Exception:
        # An export replaced after its profile had its rows cleaned by another file's plan: what then
        # failed or refused (a table the new file lacks, the quality check) is not the cause; the
        # change is, said as the commit's own check says it.
        check_unchanged(source, before)
        raise
    # A key loaded as written is what cleaning did not do, said first (as `run` says it).
    result.clean_warnings = typed.written_as_is + typed.clean_warnings
    result.notes = typed.notes
    return result
