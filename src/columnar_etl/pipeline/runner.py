"""``run()``: the whole quarter in one call — preflight → backup → profile → gate → clean → load.

Every stage is timed and recorded in ``runs/<run_id>/run.json`` as it ends (a crash leaves a record
of how far it got). The cleaned Arrow batches stream straight into COPY: no intermediate file. Exit
codes: 0 done, 2 finished with warnings, 3 halted by a gate (nothing loaded), 1 error (nothing
changed live).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa

from columnar_etl.config import (
    Settings,
    apply_password_command,
    check_min_quality,
    checked_target,
    load_settings,
    mask_secrets,
)
from columnar_etl.errors import EtlError, ProfileHalt
from columnar_etl.models import Profile
from columnar_etl.observability import (
    HealthSampler,
    RunMetrics,
    close_logging,
    configure_logging,
    get_logger,
    new_run_id,
    progress,
)
from columnar_etl.pipeline.record import RunRecord, StageRecord, read_record, write_json
from columnar_etl.source import export_identity

Mode = Literal["simple", "canary", "blue-green"]


@dataclass
class RunResult:
    """What one run did; ``record`` is its run.json, the other fields the live objects of each stage."""

    record: RunRecord
    profile: Profile | None = None
    clean: Any = None
    load: Any = None
    preflight: Any = None
    artefacts: dict[str, Path] = field(default_factory=dict)
    target_uri: str | None = field(default=None, repr=False)

    @property
    def outcome(self) -> str:
        """done, warn, halted, failed or already_loaded."""
        return self.record.outcome

    @property
    def exit_code(self) -> int:
        """The CLI's exit code for this outcome."""
        return self.record.exit_code

    @property
    def run_dir(self) -> Path:
        """``runs/<run_id>/``."""
        return self.record.run_dir

    def to_dict(self) -> dict[str, Any]:
        """The run record as JSON-ready data."""
        return self.record.to_dict()

    def _repr_html_(self) -> str:
        from columnar_etl.report import run_html_fragment

        return run_html_fragment(self)

    def __repr__(self) -> str:
        return (
            f"<RunResult {self.record.run_id}: {self.outcome} (exit {self.exit_code}), "
            f"version {self.record.version_schema}, {self.run_dir}>"
        )


def run(
    source: str | Path,
    *,
    target: str | None = None,
    mode: Mode = "blue-green",
    min_quality: float | None = None,
    settings: Settings | None = None,
    force: bool = False,
    replay: str | Path | None = None,
    show_progress: bool | None = None,
) -> RunResult:
    """Move the export at ``source`` into the target in one go; see the module docstring for the stages.

    ``replay`` names a previous run.json: its plan is reused (its settings are the caller's job, see the
    CLI). ``force`` loads even when the live version already came from this very file. Never raises
    for a gate or a load failure: the outcome and exit code say what happened, the record says why.
    """
    check_min_quality(min_quality)
    checked_target(target)
    settings = settings or load_settings()
    if target is not None or min_quality is not None:
        updates = {k: v for k, v in {"target": target, "min_quality": min_quality}.items() if v is not None}
        settings = settings.model_copy(update=updates)
    apply_password_command(settings)
    run_id = new_run_id()
    run_dir = Path(settings.runs_dir) / run_id
    run_dir.mkdir(parents=True, exist_ok=True)
    record = RunRecord(
        run_id=run_id,
        run_dir=run_dir,
        source=str(source),
        mode=mode,
        settings=settings.masked(),
        replay_of=str(replay) if replay else None,
    )
    configure_logging(
        run_id=run_id,
        log_file=run_dir / "log.jsonl",
        level=settings.log_file_level,
        console_level=settings.log_level,
    )
    log = get_logger(stage="run")
    metrics = RunMetrics()
    result = RunResult(record=record)
    log.info("run started", source=str(source), mode=mode, target=settings.target or "embedded")
    try:
        _stages(result, Path(source), settings, mode, metrics, force=force, replay=replay, show=show_progress)
    except EtlError as exc:
        from columnar_etl.load.result import LoadRefused

        if isinstance(exc, LoadRefused):  # keep the refused load's checks for the record and the report
            result.load = exc.result
            record.load = exc.result.to_dict()
        record.outcome = "halted" if isinstance(exc, ProfileHalt) else "failed"
        record.error = {**exc.to_dict(), "message": mask_secrets(exc.message)}
        failed_stage = record.stages[-1].name if record.stages else "run"
        metrics.count_error(failed_stage, type(exc).__name__)
        log.error("run ended", outcome=record.outcome, error=exc.one_line())
        # The loader records its own failures; a halt or an earlier failure is recorded here.
        if result.target_uri is not None and failed_stage != "clean+load":
            _record_in_ledger(result, settings, exc)
    finally:
        record.finished = time.time()
        _write_artefacts(result, metrics)
        log.info("run finished", outcome=record.outcome, exit_code=record.exit_code)
        close_logging()
    return result


@contextmanager
def _stage(record: RunRecord, metrics: RunMetrics, name: str) -> Iterator[StageRecord]:
    stage = StageRecord(name)
    record.stages.append(stage)
    started = time.perf_counter()
    try:
        with metrics.time_stage(name):
            yield stage
    except ProfileHalt:
        stage.status = "halted"
        raise
    except BaseException:
        stage.status = "failed"
        raise
    finally:
        stage.seconds = time.perf_counter() - started
        record.write()


def _stages(
    result: RunResult,
    source: Path,
    settings: Settings,
    mode: Mode,
    metrics: RunMetrics,
    *,
    force: bool,
    replay: str | Path | None,
    show: bool | None,
) -> None:
    from columnar_etl.backup import create_backup
    from columnar_etl.embedded_pg import resolve_target
    from columnar_etl.gates.preflight import preflight
    from columnar_etl.profile import profile
    from columnar_etl.typemap import Plan, build_plan

    record = result.record
    with _stage(record, metrics, "preflight") as stage:
        checked = preflight(source, settings=settings)
        result.preflight = checked
        write_json(record.run_dir / "preflight.json", checked.to_dict())
        checked.raise_for_failures()
        if checked.status == "warn":
            stage.status = "warn"
            record.warnings += [
                f"preflight {c.name}: {c.message}" for c in checked.checks if c.status == "warn"
            ]
    uri = result.target_uri = resolve_target(settings.target, settings.pg_dir)
    record.source_checksum = export_identity(source)

    from columnar_etl.load.ledger import live_source_checksum

    if not force and live_source_checksum(uri, settings.base_schema) == record.source_checksum:
        record.outcome = "already_loaded"
        record.warnings.append("the live version was loaded from this very file; nothing to do (--force)")
        return

    with _stage(record, metrics, "backup") as stage:
        backup = create_backup(source, settings=settings)
        record.backup = backup.to_dict()
    with _stage(record, metrics, "profile") as stage:
        result.profile = profiled = profile(source, settings=settings)
        stage.rows = sum(t.row_count for t in profiled.tables.values())
        record.quality_before = profiled.quality
        _hide_masked_values(profiled, settings)
        write_json(record.run_dir / "profile.json", profiled.to_dict())
    with _stage(record, metrics, "gate") as stage:
        gate = profiled.gate
        stage.detail = "; ".join(r.message for r in gate.reasons) or "pass"
        if gate.status == "halt":
            raise ProfileHalt(
                f"circuit breaker: {gate.reasons[0].message}",
                table=gate.reasons[0].table,
                column=gate.reasons[0].column,
                hint="see profile.json / report.html; fix the export or adjust the halt_* settings",
            )
        if gate.status == "warn":
            stage.status = "warn"
            record.warnings += [r.message for r in gate.reasons]
    plan = Plan.from_dict(read_record(replay)["plan"]) if replay else build_plan(profiled, settings=settings)
    record.plan = plan.to_dict()
    _clean_and_load(result, source, plan, uri, settings, mode, metrics, show=show)
    record.outcome = "warn" if record.warnings else "done"


def _clean_and_load(
    result: RunResult,
    source: Path,
    plan: Any,
    uri: str,
    settings: Settings,
    mode: Mode,
    metrics: RunMetrics,
    *,
    show: bool | None,
) -> None:
    from columnar_etl.clean import clean_stream
    from columnar_etl.clean.quality import score_cleaned
    from columnar_etl.load import load_tables

    record = result.record
    profiled = result.profile.tables if result.profile is not None else None
    health = HealthSampler(record.run_dir, interval_rows=settings.health_interval_rows, metrics=metrics)
    total = sum(t.row_count for t in result.profile.tables.values()) if result.profile else None
    with (
        _stage(record, metrics, "clean+load") as stage,
        clean_stream(
            source,
            plan,
            settings=settings,
            audit=record.run_dir / "audit.parquet",
            quarantine=record.run_dir / "quarantine.parquet",
        ) as stream,
        progress(total, "clean + load", enabled=show) as bar,
    ):

        def metered(table: str) -> Iterator[pa.RecordBatch]:
            # Counts rows, ticks the health sampler and the progress bar as batches flow into COPY.
            for batch in stream.batches(table):
                metrics.observe_rows("clean+load", table, batch.num_rows)
                health.tick(batch.num_rows)
                bar.advance(batch.num_rows)
                yield batch

        def measure_after() -> float:
            # Called by the load once every batch was cleaned and copied, before its quality checks.
            record.quality_after = score_cleaned(stream.stats(), profiled)
            return record.quality_after

        tables = {
            table: pa.RecordBatchReader.from_batches(stream.schema(table), metered(table))
            for table in stream.tables
        }
        loaded = load_tables(
            tables,
            uri,
            mode=mode,
            base=settings.base_schema,
            keys={table: stream.key_columns(table) for table in stream.tables},
            quality_before=record.quality_before,
            quality_after=measure_after,
            min_quality=settings.min_quality,
            run_id=record.run_id,
            source_path=str(source),
            source_checksum=record.source_checksum,
            settings=settings,
        )
        cleaned = stream.result()
        cleaned.quality_after = record.quality_after = score_cleaned(cleaned.tables, profiled)
        result.clean, result.load = cleaned, loaded
        stage.rows = cleaned.rows_in
        record.version_schema = loaded.version_schema
        record.load = loaded.to_dict()
        record.rows = {
            name: {"in": t.rows_in, "out": t.rows_out, "quarantined": t.total("quarantined")}
            for name, t in cleaned.tables.items()
        }
        record.warnings += loaded.warnings
        health.sample()  # at least one sample, however small the export
        stage.detail = f"peak RSS {health.peak_rss / 2**20:.0f} MiB"


def _hide_masked_values(profiled: Profile, settings: Settings) -> None:
    """Blank the raw examples and min/max of masked columns: the run's artefacts must not hold them."""
    from columnar_etl.models import Issue

    for table, overrides in settings.columns.items():
        for name, override in overrides.items():
            column = profiled.tables[table].columns.get(name) if table in profiled.tables else None
            if column is None or override.mask is None:
                continue
            column.issues = [Issue(i.kind, i.count, (), i.detail) for i in column.issues]
            column.min = column.max = None


def _record_in_ledger(result: RunResult, settings: Settings, exc: EtlError) -> None:
    from datetime import UTC, datetime

    from columnar_etl.load import ledger

    record = result.record
    assert result.target_uri is not None
    ledger.record_run(
        result.target_uri,
        ledger.RunRecord(
            run_id=record.run_id,
            base=settings.base_schema,
            mode=record.mode,
            status=record.outcome,
            started=datetime.fromtimestamp(record.started, UTC),
            finished=datetime.now(UTC),
            source_path=record.source,
            source_checksum=record.source_checksum,
            quality_before=record.quality_before,
            quality_after=record.quality_after,
            config_hash=ledger.config_hash(settings),
            tool_version=ledger.tool_version(),
            error=mask_secrets(exc.one_line()),
        ),
    )


def _write_artefacts(result: RunResult, metrics: RunMetrics) -> None:
    record = result.record
    run_dir = record.run_dir
    metrics.record_run(
        outcome=record.outcome,
        seconds=(record.finished or time.time()) - record.started,
        finished=record.finished or time.time(),
        quality_before=record.quality_before,
        quality_after=record.quality_after,
        rows_loaded={table: rows["out"] for table, rows in record.rows.items()},
    )
    metrics.write_textfile(run_dir / "metrics.prom")
    metrics.write_json(run_dir / "metrics.json")
    result.artefacts = {
        name: run_dir / name for name in ("run.json", "metrics.prom", "metrics.json", "log.jsonl")
    }
    try:
        from columnar_etl.report import write_run_html

        result.artefacts["report.html"] = write_run_html(result, run_dir / "report.html")
    except Exception as exc:  # the report must never turn a finished run into a failed one
        result.record.warnings.append(f"report.html not written: {exc}")
    for name in ("profile.json", "preflight.json", "audit.parquet", "quarantine.parquet"):
        if (run_dir / name).exists():
            result.artefacts[name] = run_dir / name
    result.record.write()
