"""The run record of every command other than ``run`` that changes the target: :func:`command_record`.

``load``, ``cutover``, ``rollback``, ``copy-raw``, ``schemas prune`` and ``backup target-restore`` (and
``run`` refused at its confirmation prompt) each leave ``runs/<run_id>/run.json`` as ``run`` does (the
same schema, ``command`` says which): written ``running`` before anything is done (a command that cannot
leave its record does not start), then with its outcome, however it ends: ``done``, ``warn``,
``halted`` (a gate, or the operator, refused; exit 3), ``failed`` (exit 1) or ``interrupted``. A
command whose work was committed before an interrupt or a failure reached it ends ``warn`` (exit 2),
never "nothing live changed". Nothing is imported here that the command line has not imported
already: a light command (``schemas prune``) does not pay for the loader's imports to leave its record.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from columnar_etl.config import Settings
from columnar_etl.errors import (
    INTERRUPTED,
    OUTCOME_DECIDED,
    EtlError,
    failure_outcome,
    interrupted_error,
)
from columnar_etl.observability.logs import new_run_id
from columnar_etl.pipeline.record import (
    RUN_FILE,
    RunRecord,
    StageRecord,
    cancelled,
    error_line,
    error_of,
    mark_interrupted_runs,
    write_first,
)

T = TypeVar("T")


class Commits(Protocol):
    """Work whose ``committed`` turns true the moment its transaction commits (a load's result)."""

    committed: bool


@dataclass
class Recorded(Generic[T]):
    """A command with its run record: what it returned, or the exception that ended it (recorded)."""

    record: RunRecord
    result: T | None = None
    exception: Exception | None = None
    #: False when the record's last write did not reach the disk (a warning in the record says why).
    written: bool = True
    #: The command's work before its commit (a load's result, handed over just before it commits):
    #: once its ``committed`` is true, an interrupt or a failure finds the target changed.
    pending: Commits | None = None

    @property
    def path(self) -> Path:
        """``runs/<run_id>/run.json``."""
        return self.record.run_dir / RUN_FILE

    @property
    def committed(self) -> bool:
        """Whether the command's work is committed in the target (known the moment the commit returned)."""
        return bool(self.pending is not None and self.pending.committed)

    def unwrap(self) -> T:
        """The command's result; raises the exception that ended it instead."""
        if self.exception is not None:
            raise self.exception
        assert self.result is not None
        return self.result


@contextmanager
def command_record(
    command: str,
    settings: Settings,
    *,
    mode: str,
    source: str | Path | None = None,
    stage: str | None = None,
    record: RunRecord | None = None,
) -> Iterator[Recorded[Any]]:
    """The run record of ``command`` for the block: ``running`` first, its outcome at the end.

    The block fills in what it learns and sets ``result``; it ends ``warn`` if it added warnings, else
    ``done``. An exception of the block ends it ``halted`` (a gate's, exit 3) or ``failed``, with the
    one-line error, and is kept in ``exception`` (not raised: the caller decides); Ctrl-C (or SIGTERM)
    ends it ``interrupted``, its ``exception`` an :class:`EtlError` saying so. Once the block's
    ``pending`` work is committed, either ends it ``warn`` instead, its ``result`` that work: what is
    committed is in the target, and exit 1 would say nothing changed. ``stage`` names the record's one
    stage (default: the command). :class:`~columnar_etl.pipeline.record.RunRecordError` when the first
    run.json cannot be written: nothing is done then. ``record``: the command's record, begun by the
    caller (:func:`begin_command_record`) before it imported the command's stage.
    """
    OUTCOME_DECIDED.clear()  # a command before this one in the process (the demo's run) may have set it
    begun = record is not None
    if record is None:
        record = begin_command_record(command, settings, mode=mode, source=source)
    recorded: Recorded[Any] = Recorded(record)
    step = StageRecord(stage or command)
    record.stages.append(step)
    if begun:  # begun before its stage imported: the record says when the work itself began
        try:
            record.write()
        except OSError:  # the record's next write says it, if the disk still refuses then
            pass
        except KeyboardInterrupt as exc:
            _interrupted(record, exc)
            record.finished = time.time()
            with suppress(OSError):
                record.write()
            raise
    started = time.perf_counter()
    try:
        yield recorded
    except Exception as exc:
        if recorded.committed:
            _after_commit(recorded, exc)
        elif INTERRUPTED.is_set() or cancelled(exc):  # an interrupt a library's call made its own error
            recorded.exception = _interrupted(record, exc)
        else:
            record.version_schema = None  # a refused or failed load or cutover committed nothing
            step.status = record.outcome = failure_outcome(exc)
            record.error = error_of(exc, record.stages[-1].name)
            recorded.exception = exc
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (see __main__): rolled back, and recorded
        if recorded.committed:
            _after_commit(recorded, exc)
        else:
            recorded.exception = _interrupted(record, exc)
    except BaseException as exc:  # SystemExit and the like: record how the command ended, then go on
        if recorded.committed:
            _after_commit(recorded, exc)
        else:
            _interrupted(record, exc)
        raise
    else:
        step.status = record.outcome = "warn" if record.warnings else "done"
    finally:
        OUTCOME_DECIDED.set()  # an interrupt from here on lets the record be written and printed
        step.seconds = time.perf_counter() - started
        record.finished = time.time()
        _write_last_through_an_interrupt(recorded)


def _write_last_through_an_interrupt(recorded: Recorded[Any]) -> None:
    """:func:`_write_last`, also when an interrupt cuts in. Only a command called from Python (a notebook,
    a benchmark) meets one here: the command line's handler holds it back once the outcome is decided.
    Until h95 such an interrupt left the first run.json, ``running`` with the caller's pid, after the
    command's commit. The record is written whole, then the interrupt goes on to the caller."""
    record = recorded.record
    try:
        if record.outcome == "running":  # the interrupt came after the block, before its outcome was set
            if recorded.committed:
                _after_commit(recorded, KeyboardInterrupt())
            else:
                recorded.exception = _interrupted(record, KeyboardInterrupt())
        _write_last(recorded)
    except KeyboardInterrupt:
        with suppress(OSError):
            record.write()
        raise


def begin_command_record(
    command: str, settings: Settings, *, mode: str, source: str | Path | None = None
) -> RunRecord:
    """The record of ``command``, written ``running`` in a directory of its own: the first thing the
    command does (the command line: before it imports the command's stage, a few tenths of a second,
    so a command killed meanwhile leaves a record ``runs list`` shows ``interrupted``). Runs killed
    before it are marked first. :class:`~columnar_etl.pipeline.record.RunRecordError` when it cannot
    be written: the command does not start."""
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
    return write_first(record)


def record_interrupted(
    command: str,
    settings: Settings,
    *,
    mode: str,
    source: str | Path | None = None,
    record: RunRecord | None = None,
) -> None:
    """Leave the record of ``command`` (``record``, when begun), stopped by an interrupt before its work
    began (while its stage imported): ``interrupted``, exit 1, as one stopped during its work. The
    interrupt is the caller's to raise again."""
    with command_record(command, settings, mode=mode, source=source, record=record):
        raise KeyboardInterrupt


def recorded_call(
    command: str,
    settings: Settings,
    work: Callable[[Recorded[T]], T],
    *,
    mode: str,
    source: str | Path | None = None,
    record: RunRecord | None = None,
) -> Recorded[T]:
    """``work(recorded)`` with the run record of ``command`` (:func:`command_record`, ``record`` when
    begun; the record's run id for a ledger row of the same run, its ``pending`` for work about to
    commit): its result's ``to_dict()`` and ``warnings`` (when it has them) in the record's ``result``
    and ``warnings``. A failure or refusal is in the record and in ``exception``."""
    with command_record(command, settings, mode=mode, source=source, record=record) as recorded:
        result = work(recorded)
        to_dict = getattr(result, "to_dict", None)
        recorded.record.result = to_dict() if callable(to_dict) else None
        recorded.record.warnings += list(getattr(result, "warnings", None) or [])
        recorded.result = result
    return recorded


def _interrupted(record: RunRecord, exc: BaseException) -> EtlError:
    """Record an interrupted command; the error it ends with (exit 1, the interrupt as its cause)."""
    ended = interrupted_error()
    ended.__cause__ = exc
    record.version_schema = None  # rolled back with the transaction, if it was ever made
    record.stages[-1].status, record.outcome = "failed", "interrupted"
    record.error = {**error_of(ended, record.stages[-1].name), "error": type(exc).__name__}
    return ended


def _after_commit(recorded: Recorded[Any], exc: BaseException) -> None:
    """Record a command whose work was committed before ``exc`` reached it: done with a warning (exit 2),
    its result the committed work, however little of the rest was done."""
    record = recorded.record
    what = record.version_schema or "its work"
    if isinstance(exc, KeyboardInterrupt) or INTERRUPTED.is_set() or cancelled(exc):
        happened = f"interrupted ({type(exc).__name__})"
    else:
        happened = f"failed ({error_line(exc)})"
    record.warnings.append(
        f"{record.command} {happened} after its commit: {what} is committed in the target; "
        "this record may miss what came after"
    )
    record.stages[-1].status = record.outcome = "warn"
    recorded.result = recorded.pending


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
