"""The run record of the other commands that change what is live: ``load``, ``cutover``, ``rollback``.

Each leaves ``runs/<run_id>/run.json`` as ``run`` does (the same schema, ``command`` says which), under
the run id of its ledger row: written ``running`` before anything is done (a command that cannot leave
its record does not start), then with its outcome, however it ends: ``done``, ``warn``, ``halted`` (a
gate refused; exit 3), ``failed`` (exit 1) or ``interrupted``. A command whose settings do not even
load (a malformed TOML file, a bad environment value) leaves a ``failed`` record too, in the
``runs_dir`` the environment or the TOML file names if that much reads, else the default
(:func:`~columnar_etl.pipeline.record.record_settings_failure`). A usage error (exit 64) is refused
before any command starts, and leaves no record.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from columnar_etl.config import Settings, check_min_quality
from columnar_etl.errors import INTERRUPTED, EtlError, ExitCode
from columnar_etl.loading.result import CutoverResult, LoadRefused, LoadResult
from columnar_etl.loading.versions import cutover, rollback
from columnar_etl.observability.logs import new_run_id
from columnar_etl.pg.embedded import resolve_target
from columnar_etl.pipeline.load_step import load_export
from columnar_etl.pipeline.record import (
    RUN_FILE,
    RunRecord,
    StageRecord,
    cancelled,
    error_line,
    error_of,
    mark_interrupted_runs,
    record_not_written,
)

T = TypeVar("T")


@dataclass
class Recorded(Generic[T]):
    """A command with its run record: what it returned, or the exception that ended it (recorded)."""

    record: RunRecord
    result: T | None = None
    exception: Exception | None = None
    #: False when the record's last write did not reach the disk (a warning in the record says why).
    written: bool = True

    @property
    def path(self) -> Path:
        """``runs/<run_id>/run.json``."""
        return self.record.run_dir / RUN_FILE

    def unwrap(self) -> T:
        """The command's result; raises the exception that ended it instead."""
        if self.exception is not None:
            raise self.exception
        assert self.result is not None
        return self.result


@contextmanager
def command_record(
    command: str, settings: Settings, *, mode: str, source: str | Path | None = None
) -> Iterator[Recorded[Any]]:
    """The run record of ``command`` for the block: ``running`` first, its outcome at the end.

    The block fills in what it learns and sets ``result``; it ends ``warn`` if it added warnings, else
    ``done``. An exception of the block ends it ``halted`` (a gate's, exit 3) or ``failed``, with the
    one-line error, and is kept in ``exception`` (not raised: the caller decides); Ctrl-C (or SIGTERM)
    ends it ``interrupted``, its ``exception`` an :class:`EtlError` saying so.
    :class:`~columnar_etl.pipeline.record.RunRecordError` when the first run.json cannot be written:
    nothing is done then.
    """
    mark_interrupted_runs(settings.runs_dir)
    run_id = new_run_id()
    record = RunRecord(
        run_id=run_id,
        run_dir=Path(settings.runs_dir) / run_id,
        source=None if source is None else str(source),
        mode=mode,
        settings=settings.masked(),
        command=command,
    )
    try:
        record.write()
    except OSError as exc:
        raise record_not_written(exc, record.run_dir) from None
    recorded: Recorded[Any] = Recorded(record)
    stage = StageRecord(command)
    record.stages.append(stage)
    started = time.perf_counter()
    try:
        yield recorded
    except Exception as exc:
        record.version_schema = None  # a refused or failed load or cutover committed nothing
        if INTERRUPTED.is_set() or cancelled(exc):  # an interrupt a library's call made its own error
            recorded.exception = _interrupted(record, exc)
        else:
            gate = isinstance(exc, EtlError) and exc.exit_code == ExitCode.GATE
            stage.status = record.outcome = "halted" if gate else "failed"
            record.error = error_of(exc, command)
            recorded.exception = exc
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (see __main__): rolled back, and recorded
        record.version_schema = None
        recorded.exception = _interrupted(record, exc)
    except BaseException as exc:  # SystemExit and the like: record how the command ended, then go on
        record.version_schema = None
        _interrupted(record, exc)
        raise
    else:
        stage.status = record.outcome = "warn" if record.warnings else "done"
    finally:
        stage.seconds = time.perf_counter() - started
        record.finished = time.time()
        _write_last(recorded)


def _interrupted(record: RunRecord, exc: BaseException) -> EtlError:
    """Record an interrupted command; the error it ends with (exit 1, the interrupt as its cause)."""
    ended = EtlError("interrupted: nothing live changed", hint="run again")
    ended.__cause__ = exc
    record.stages[-1].status, record.outcome = "failed", "interrupted"
    record.error = {**error_of(ended, record.command), "error": type(exc).__name__}
    return ended


def _write_last(recorded: Recorded[Any]) -> None:
    """The record's last write. A command that did its work is not turned into a failure by a record
    that cannot be written: it is done with a warning (exit 2)."""
    record = recorded.record
    try:
        record.write()
    except OSError as exc:
        recorded.written = False
        record.warnings.append(f"run.json not written: {error_line(exc)}")
        if record.outcome == "done":
            record.outcome = "warn"


def recorded_load(
    source: Path, *, settings: Settings, mode: str = "simple", **options: Any
) -> Recorded[LoadResult]:
    """:func:`~columnar_etl.pipeline.load_step.load_export` (``options`` are its own) with its run record,
    under the run id of its ledger row. A failure or refusal is in the record and in ``exception``; a
    refused load's report is in the record's ``load``. A usage error is raised before anything starts."""
    check_min_quality(options.get("min_quality"))
    with command_record("load", settings, mode=mode, source=source) as recorded:
        record = recorded.record
        try:
            result = load_export(
                source,
                mode=mode,  # type: ignore[arg-type]  # checked by load_tables
                settings=settings,
                run_id=record.run_id,
                **options,
            )
        except LoadRefused as refused:
            _note_load(record, refused.result)
            raise
        _note_load(record, result)
        record.warnings += result.warnings
        recorded.result = result
    return recorded


def _note_load(record: RunRecord, result: LoadResult) -> None:
    record.load = result.to_dict()
    record.quality_before, record.quality_after = result.quality_before, result.quality_after
    record.version_schema = result.version_schema
    record.stages[-1].rows = result.total_rows


def recorded_switch(
    version: str | None = None, *, settings: Settings, base: str | None = None, rollback_to: bool = False
) -> Recorded[CutoverResult]:
    """A cutover to ``version`` (or, ``rollback_to``, a rollback) with its run record, under the run id
    of its ledger row. A failure or refusal is in the record and in ``exception``."""
    command = "rollback" if rollback_to else "cutover"
    with command_record(command, settings, mode=command) as recorded:
        record = recorded.record
        uri = resolve_target(settings.target, settings.pg_dir)
        base = base or settings.base_schema
        if rollback_to:
            result = rollback(uri, base=base, settings=settings, run_id=record.run_id)
        else:
            result = cutover(uri, version, base=base, settings=settings, run_id=record.run_id)
        record.cutover = result.to_dict()
        record.version_schema = result.to_version
        record.warnings += result.warnings
        recorded.result = result
    return recorded
