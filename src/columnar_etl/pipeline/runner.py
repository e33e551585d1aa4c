"""``run()``: the whole quarter in one call — preflight → backup → profile → gate → clean → load.

Every stage is timed and recorded in ``runs/<run_id>/run.json`` as it ends (a crash leaves a record
of how far it got, with the pid and host that can tell a killed run from a running one). The cleaned
Arrow batches stream straight into COPY: no intermediate file. Any exception inside a stage ends the run
``failed`` with its one-line error in run.json and a ledger row; everything that can fail is written
before the commit, and what fails after it is a warning. Exit codes: 0 done, 2 done with warnings, 3
halted or refused by a gate (nothing live changed), 1 error (nothing live changed).
"""

from __future__ import annotations

import contextlib
import importlib
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from columnar_etl.backups import create_backup
from columnar_etl.cleaning.quality import score_cleaned, score_judged
from columnar_etl.config import (
    Mode,
    Settings,
    check_min_quality,
    check_mode,
    checked_target,
    defer_password_command,
    load_settings,
    memory_bytes,
)
from columnar_etl.errors import (
    INTERRUPTED,
    OUTCOME_DECIDED,
    EtlError,
    ExitCode,
    SourceError,
    UsageError,
    failure_outcome,
    file_not_written,
    interrupted_error,
)
from columnar_etl.gates.preflight import preflight
from columnar_etl.models import Profile
from columnar_etl.observability.health import HealthSampler
from columnar_etl.observability.logs import close_logging, configure_logging, get_logger
from columnar_etl.observability.metrics import RunMetrics
from columnar_etl.observability.progress import progress
from columnar_etl.pg.embedded import resolve_target
from columnar_etl.pipeline.record import (
    ALREADY_LOADED_LIVE,
    RunRecord,
    RunRecordError,
    StageRecord,
    begin_run_record,
    cancelled,
    error_line,
    error_of,
    mark_interrupted_runs,
    read_record,
    record_interrupted_start,
    record_not_written,
    write_json,
)
from columnar_etl.pipeline.steps import (
    LoadPlan,
    clean_step,
    fits_target_step,
    gate_step,
    plan_step,
    profile_step,
)
from columnar_etl.planning.build import build_plan
from columnar_etl.planning.fitting import plan_differences
from columnar_etl.planning.plan import Plan
from columnar_etl.source.early import IDENTITY, taken
from columnar_etl.source.identity import SourceState, check_unchanged, export_identity, source_state
from columnar_etl.source.private_copy import shared_copy
from columnar_etl.source.sqlite_file import is_lock_error

if TYPE_CHECKING:
    import pyarrow as pa

#: What the stages after the profile import: the loader, the cleaner, the report (Jinja) and the metrics'
#: writer (prometheus_client). :func:`run` imports them (and compiles the report's templates) in a
#: thread while the preflight and the profile read the export (work mostly outside the GIL), not before
#: its first read; the functions that use them import them again where they are used (instantly, once
#: loaded). (pyarrow, polars and ADBC come earlier, in the preflight's thread that connects to the
#: target: ADBC's DB-API imports both.)
LATER_MODULES = (
    # The module itself: the package imports its modules on first use (see loading/__init__.py).
    "columnar_etl.loading.strategies",
    "columnar_etl.cleaning.stream",
    "columnar_etl.report",
    # The metrics are written at the end; RunMetrics only puts them in a registry then.
    "prometheus_client",
)

#: An export of more bytes than this many times ``profile_memory_limit`` has the later stages' imports
#: wait for the end of its profile (see :func:`_imports_beside_profile`): what they hold (the cleaner's
#: and loader's modules, Jinja, the compiled templates) then does not add to the profile's peak RSS,
#: which decides the run's peak at 40x the wide export (3.7 GB).
BIG_EXPORT_FACTOR = 4
T = TypeVar("T")


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
    #: The exception that ended the run (for ``--debug``); None when it ended without one.
    exception: BaseException | None = field(default=None, repr=False)
    #: True once the version (and in simple mode the cutover) is committed in the target.
    committed: bool = False
    #: True when the loader wrote the run's ledger row itself (its failure or refusal).
    load_recorded: bool = False
    #: False when even run.json could not be written (the CLI then says so on stderr).
    record_written: bool = True
    #: The export's state when the run started (:func:`~columnar_etl.source.identity.source_state`).
    source_state: SourceState | None = field(default=None, repr=False)
    #: The step running between two stages (:func:`_step`): what a failure there is recorded in.
    step: str | None = field(default=None, repr=False)

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

        from columnar_etl.report import run_html_fragment  # deliberate: see LATER_MODULES

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
    replayed_record: dict[str, Any] | None = None,
    record: RunRecord | None = None,
) -> RunResult:
    """Move the export at ``source`` into the target in one go; see the module docstring for the stages.

    ``replay`` names a previous run.json: its plan is reused (its settings are the caller's job, see the
    CLI); ``replayed_record`` is that record when the caller has read it already (the command line
    does, for its settings: a pipe, ``--replay <(...)``, can be read only once). ``force`` loads even
    when the live version already came from this very file. ``record`` is the run's record when the
    caller began it (:func:`~columnar_etl.pipeline.record.begin_run_record`: the command line does,
    before it imports this module). Never raises
    for a gate, a load or any other failure inside a stage: the outcome and exit code say what happened,
    the record says why (``result.exception`` keeps the exception for ``--debug``). Raises
    :class:`RunRecordError` only when the run's directory or first run.json cannot be written.
    """
    check_mode(mode)
    check_min_quality(min_quality)
    checked_target(target)
    replayed = _replayed_plan(replay, replayed_record)  # none readable there: a usage error, nothing ran
    settings = settings or load_settings()
    if target is not None or min_quality is not None:
        updates = {k: v for k, v in {"target": target, "min_quality": min_quality}.items() if v is not None}
        settings = settings.model_copy(update=updates)
    defer_password_command(settings)  # run when the run first connects to the target
    OUTCOME_DECIDED.clear()  # a command before this one in the process (the demo's) may have set it
    if record is None:  # first of all: a run that cannot leave its record does not start
        record = begin_run_record(
            source, mode=mode, runs_dir=settings.runs_dir, settings=settings.masked(), replay=replay
        )
    else:  # begun by the caller: with the settings as this run reads them (its target, its gate)
        record.settings = settings.masked()
    run_id, run_dir = record.run_id, record.run_dir
    mark_interrupted_runs(settings.runs_dir)
    try:
        record.write()
        configure_logging(
            run_id=run_id,
            log_file=run_dir / "log.jsonl",
            level=settings.log_file_level,
            console_level=settings.log_level,
        )
    except OSError as exc:
        raise record_not_written(exc, run_dir) from None
    except KeyboardInterrupt:
        record_interrupted_start(record)
        raise
    log = get_logger(stage="run")
    metrics = RunMetrics()
    result = RunResult(record=record)
    profile_ended = threading.Event()  # set when the profile has ended (or the run, if first)
    later = _import_later(None if _imports_beside_profile(Path(source), settings) else profile_ended)
    log.info("run started", source=str(source), mode=mode, target=settings.target or "embedded")
    try:
        # A private copy the export is read through (only when DuckDB's SQLite cannot parse a view,
        # trigger or index of it) is made once, in the run's directory, and removed when the run ends.
        with shared_copy(source, run_dir):
            _stages(
                result,
                Path(source),
                settings,
                mode,
                metrics,
                force=force,
                replay=replayed,
                show=show_progress,
                profile_ended=profile_ended,
            )
    except Exception as exc:
        if INTERRUPTED.is_set() or cancelled(exc):  # an interrupt a library's call made its own error
            _record_interrupt(result, exc)
        else:
            _record_failure(result, settings, metrics, exc)
        log.info("run ended", outcome=record.outcome, error=error_line(exc))
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (see __main__): the run ends, recorded
        _record_interrupt(result, exc)
        log.info("run ended", outcome=record.outcome, error="interrupted")
    except BaseException as exc:  # SystemExit and the like: record how the run ended, then let it go on
        _record_interrupt(result, exc)
        raise
    finally:
        # The outcome is decided: an interrupt from here on (the CLI's, see __main__) lets the record
        # be written and printed, and the process ends with its exit code.
        OUTCOME_DECIDED.set()
        record.finished = time.time()
        profile_ended.set()
        try:
            later.join()  # never leaves an import running behind the caller's back
            _write_artefacts(result, metrics)
            log.info("run finished", outcome=record.outcome, exit_code=record.exit_code)
        except KeyboardInterrupt:
            # Only called from Python (a notebook, a benchmark): the command line's handler holds an
            # interrupt back from here on. The record still says how the run ended, then it goes on.
            _record_late_interrupt(result)
            raise
        finally:
            close_logging()  # the run's log file closed, the caller's logging set-up back
    return result


def _record_late_interrupt(result: RunResult) -> None:
    """Record a run interrupted after its outcome was decided, while it wrote its artefacts: the outcome
    stands (``done`` becomes ``warn``: some artefacts may be missing), run.json written as well as it can."""
    record = result.record
    record.warnings.append(
        "interrupted while writing the run's artefacts (metrics, report.html): "
        "they may be missing or incomplete"
    )
    if record.outcome == "done":
        record.outcome = "warn"
    with contextlib.suppress(OSError):
        result.artefacts["run.json"] = record.write()


def _replayed_plan(
    replay: str | Path | None, recorded: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """The plan of the run record ``replay`` names (None without one), read there unless ``recorded``
    is that record already; :class:`UsageError` when there is no readable run record there."""
    if replay is None:
        return None
    try:
        plan = (recorded if recorded is not None else read_record(replay)).get("plan")
    except EtlError as exc:
        raise UsageError(exc.message, path=exc.path, hint=exc.hint or "columnar-etl runs list") from None
    if not isinstance(plan, dict):
        raise UsageError(
            "the run record has no plan", path=Path(replay), hint="replay a run that got to plan"
        )
    return plan


def _imports_beside_profile(source: Path, settings: Settings) -> bool:
    """Whether the later stages' libraries may import beside the profile: not when the export is so
    big (more than :data:`BIG_EXPORT_FACTOR` times ``profile_memory_limit``) that the profile may use
    all of its limit; they then wait for it to end, so the two do not add up to the run's peak RSS."""
    try:
        size = source.stat().st_size
    except OSError:
        return True
    return size <= BIG_EXPORT_FACTOR * memory_bytes(settings.profile_memory_limit)


def _import_later(wait: threading.Event | None = None) -> threading.Thread:
    """Import :data:`LATER_MODULES` in a thread of their own, started now (after ``wait`` is set).

    The main thread never waits for it: a function that needs one of the modules imports it where it is
    used, and Python's per-module import locks make that wait for the thread's import, if still
    running, instead of running it twice. An import that fails here is left to fail there, in the
    stage that needs it, with its own error.
    """

    def work() -> None:
        if wait is not None:
            wait.wait()
        for name in LATER_MODULES:
            with contextlib.suppress(Exception):
                importlib.import_module(name)
        # Then the report's templates (from Jinja's bytecode cache, ~0.05 s; compiled when not cached:
        # 0.15-0.5 s, holding the GIL), also beside the profile rather than beside the cleaner: the
        # report written after the commit only renders.
        _compile_report()

    thread = threading.Thread(target=work, name="columnar_etl-imports", daemon=True)
    thread.start()
    return thread


def _last_stage(result: RunResult) -> str:
    """The stage a failure is recorded in: the one that failed or halted, else the step running between
    two stages (:func:`_step`), else the last stage."""
    record = result.record
    failed = [s.name for s in record.stages if s.status in ("failed", "halted")]
    if failed:
        return failed[-1]
    if result.step is not None:
        return result.step
    return record.stages[-1].name if record.stages else "run"


@contextmanager
def _step(result: RunResult, name: str) -> Iterator[None]:
    """Work between two stages, named ``name`` for a failure in it (the plan, after the gate: was
    recorded as the gate's, which had passed). Not a stage of the record: it takes no measurable time."""
    result.step = name
    yield
    result.step = None  # not on a failure: the failure is recorded with it


def _record_failure(result: RunResult, settings: Settings, metrics: RunMetrics, exc: Exception) -> None:
    """Record any exception raised inside a stage: the stage failed, the run's outcome and one-line
    error, and the ledger row when the target is reachable; after the commit, "done with warnings"."""

    record = result.record
    stage = _last_stage(result)
    metrics.count_error(stage, type(exc).__name__)
    if _committed(result):
        # The version (and, in simple mode, the cutover) is committed: exit 1 would claim nothing live
        # changed. The run is done; what failed after the commit is its warning.
        record.outcome = "warn"
        record.warnings.append(f"{stage} failed after the version was committed: {error_line(exc)}")
        return
    record.version_schema = None  # rolled back with the load's transaction, if it was ever made
    from columnar_etl.loading.result import LoadRefused  # deliberate: see LATER_MODULES

    if isinstance(exc, LoadRefused):  # keep the refused load's checks for the record and the report
        result.load = exc.result
        record.load = exc.result.to_dict()
    exc = file_not_written(exc) or exc  # a write refused for room names its file, as an EtlError
    changed = _export_changed(result)
    if changed is not None:
        exc = changed
        for ended in record.stages:  # the stage that refused another file's rows failed with this
            if ended.name == stage:
                ended.status = failure_outcome(changed)
    result.exception = exc
    record.error = error_of(exc, stage)
    if isinstance(exc, EtlError):
        record.outcome = failure_outcome(exc)
    else:  # what run.json says of any command's, with the file and the hint a run's stage explains
        record.outcome = "failed"
        record.error["path"], record.error["hint"] = _explained(exc, stage, record.source or "", settings)
    if result.target_uri is None and _preflight_reached_target(result):
        # Preflight connected to it: the failure (a later check, say) can still be recorded there.
        with contextlib.suppress(EtlError):
            result.target_uri = resolve_target(settings.target, settings.pg_dir)
    # The loader records its own failures and refusals; anything else is recorded here.
    reachable = result.target_uri is not None
    if reachable and not result.load_recorded and not _record_in_ledger(result, settings, error_line(exc)):
        record.warnings.append("the target could not take the run's ledger row")


def _export_changed(result: RunResult) -> SourceError | None:
    """The export's change since the run began (:func:`~columnar_etl.source.identity.check_unchanged`),
    when it changed: the cause of whatever then failed or refused before the commit. An export replaced
    after its profile was cleaned by another file's plan, and the load's quality check refused it
    ("quality_not_worse: expected 92.96, found 90.51", exit 3), or a file written over as it was read
    was "truncated" (hinted "copy the export again"); the commit's own check came too late to say so."""
    if result.source_state is None or result.record.source is None:
        return None
    try:
        check_unchanged(result.record.source, result.source_state)
    except SourceError as changed:
        return changed
    return None


def _committed(result: RunResult) -> bool:
    """Whether the version is committed: known from the load itself from the moment its commit returned
    (before ``load_tables`` returns to the run)."""
    if not result.committed and result.load is not None and getattr(result.load, "committed", False):
        result.committed = True
    return result.committed


def _record_interrupt(result: RunResult, exc: BaseException) -> None:
    """Record a run that was interrupted: before the commit nothing live changed (exit 1, and no version
    exists); after it the version is in the target (exit 2; live in simple mode, ready for a cutover in
    blue-green), however little of the rest was written."""
    record = result.record
    if _committed(result):
        record.outcome = "warn"
        where = (
            "it is live" if record.mode == "simple" else "it is ready; `columnar-etl cutover` makes it live"
        )
        record.warnings.append(
            f"interrupted ({type(exc).__name__}) after the version was committed: {where}; "
            "the run's report may be incomplete"
        )
        return
    record.outcome = "interrupted"
    record.version_schema = None  # rolled back with the transaction, if it was ever made
    ended = interrupted_error()
    record.error = {
        "error": type(exc).__name__,
        "message": ended.message,
        "stage": _last_stage(result),
        "hint": ended.hint,
        "exit_code": int(ExitCode.ERROR),
    }


def _explained(exc: BaseException, stage: str, source: str, settings: Settings) -> tuple[str | None, str]:
    """The file an unexpected error is about and what to do, for the errors an operator meets: the
    export locked, moved or removed after the preflight; a backup directory that cannot be written
    (helper 22: each said only "run again with --debug")."""
    text = str(exc).lower()
    if is_lock_error(exc):
        return (
            source,
            "another program took a write lock on the export after the preflight: run again when it is done",
        )
    if "unable to open database" in text or (isinstance(exc, FileNotFoundError) and stage != "backup"):
        return source, "the export was moved or removed during the run: run again on a copy"
    if stage == "backup" and isinstance(exc, OSError):
        return str(
            settings.backup_dir
        ), "the backup directory (setting backup_dir) must be writable, with room"
    return None, "run again with --debug for the traceback"


def _preflight_reached_target(result: RunResult) -> bool:
    checks = result.preflight.checks if result.preflight is not None else []
    return any(check.name == "target_reachable" and check.status == "pass" for check in checks)


@contextmanager
def _stage(record: RunRecord, metrics: RunMetrics, name: str) -> Iterator[StageRecord]:
    stage = StageRecord(name)
    record.stages.append(stage)
    started = time.perf_counter()
    try:
        with metrics.time_stage(name):
            yield stage
    except BaseException as exc:
        stage.status = failure_outcome(exc)
        stage.seconds = time.perf_counter() - started
        raise
    stage.seconds = time.perf_counter() - started
    record.write()  # a crash leaves a record of how far the run got


@contextmanager
def _overlapped(
    record: RunRecord, metrics: RunMetrics, name: str, work: Callable[[], T]
) -> Iterator[Callable[[], T]]:
    """Stage ``name`` run in a thread while the block runs; recorded in its place in the stage order.

    Yields a function returning the stage's result, valid once the block ended: the thread is always
    waited for (also when the block raises). A failure of the stage is raised after the block (the
    block's own exception wins), with the stage marked failed, as :func:`_stage` would.
    """
    stage = StageRecord(name)
    record.stages.append(stage)
    outcome: dict[str, Any] = {}

    def timed_work() -> None:
        started = time.perf_counter()
        try:
            with metrics.time_stage(name):
                outcome["value"] = work()
        except BaseException as exc:  # handed to the main thread
            outcome["error"] = exc
        outcome["seconds"] = time.perf_counter() - started

    thread = threading.Thread(target=timed_work, name=f"columnar_etl-{name}", daemon=True)
    thread.start()
    try:
        yield lambda: outcome["value"]
    finally:
        thread.join()
        stage.seconds = outcome["seconds"]
        error = outcome.get("error")
        if error is not None:
            stage.status = failure_outcome(error)
    if error is not None:
        raise error
    record.write()


def _stages(
    result: RunResult,
    source: Path,
    settings: Settings,
    mode: Mode,
    metrics: RunMetrics,
    *,
    force: bool,
    replay: dict[str, Any] | None,
    show: bool | None,
    profile_ended: threading.Event,
) -> None:

    record = result.record
    # The export's checksum (a read of the whole file, sha256 outside the GIL) is taken while the
    # preflight runs; it is used only once the preflight passed (a missing file fails there first).
    with (
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-identity") as pool,
        _stage(record, metrics, "preflight") as stage,
    ):
        # The export's state before its identity is read: the load commits only if it is the same then.
        result.source_state = source_state(source)
        identity = pool.submit(taken, IDENTITY, Path(source), partial(export_identity, source))
        checked = preflight(source, settings=settings, import_dependencies=False)
        result.preflight = checked
        write_json(record.run_dir / "preflight.json", checked.to_dict())
        checked.raise_for_failures()
        if checked.status == "warn":
            stage.status = "warn"
            record.warnings += [
                f"preflight {c.name}: {c.message}" for c in checked.checks if c.status == "warn"
            ]
    uri = result.target_uri = resolve_target(settings.target, settings.pg_dir)
    record.source_checksum = identity.result()

    # A quick look first, to skip the backup and the profile; decided again under the target's lock.
    from columnar_etl.loading.ledger import loaded_source_version  # deliberate: see LATER_MODULES

    # A canary is a trial of the file, never skipped: under the lock neither (until 2026-12-03 this
    # quick look skipped a canary of a file a version came from as "already loaded").
    skip = not force and mode != "canary"
    loaded = loaded_source_version(uri, settings.base_schema, record.source_checksum) if skip else None
    if loaded is not None:
        _already_loaded(record, *loaded)
        return

    # The backup runs beside the profile: both only read the export, and both work mostly outside the
    # GIL (SQLite's backup API and sha256; DuckDB). Its stage is decided before the gate: nothing is
    # planned, cleaned or loaded without a backup. A byte copy of the export in the state its identity
    # was taken in is not hashed again (the identity is then the copy's sha256).
    known = None if result.source_state is None else (result.source_state, record.source_checksum)
    with (
        _overlapped(
            record, metrics, "backup", lambda: create_backup(source, settings=settings, known=known)
        ) as backup,
        _stage(record, metrics, "profile") as stage,
    ):
        # The preflight found no cell too large to move (source_cells): the profile does not measure
        # the same file again (see profiling.cell_sizes).
        result.profile = profiled = profile_step(source, settings)
        stage.rows = sum(t.row_count for t in profiled.tables.values())
        record.quality_before = profiled.quality
        record.warnings += profiled.left_out
        # A declared key whose values cleaning would merge is loaded as written: the operator is told.
        record.warnings += profiled.written_as_is
        # Text naming a key of numbers by number only ('007' for 7): a join along it needs a cast.
        record.warnings += profiled.joins_by_number
        # Cleaning makes the target's join differ from SQLite's check ('x' names the key 'x ' once trimmed).
        record.warnings += profiled.joins_by_cleaning
        # Views, indexes and triggers hold no data (the tables are loaded): the operator is told, the
        # outcome is no warning.
        record.notes += profiled.notes
        write_json(record.run_dir / "profile.json", profiled.to_dict())
    profile_ended.set()
    record.backup = backup().to_dict()
    with _stage(record, metrics, "gate") as stage:
        stage.detail = "; ".join(r.message for r in profiled.gate.reasons) or "pass"
        gate = gate_step(profiled)
        if gate.status == "warn":
            stage.status = "warn"
            record.warnings += [r.message for r in gate.reasons]
    with _step(result, "plan"):
        replayed = Plan.from_dict(replay) if replay is not None else None
        if replayed is not None:
            record.warnings += plan_differences(replayed, build_plan(profiled, settings=settings), profiled)
        # The live version's types are kept where this export's values fit them (a replayed plan is used
        # as it is): a column's type does not flip between quarters with what its values alone say.
        from columnar_etl.loading.ledger import live_column_types  # deliberate: see LATER_MODULES

        live = live_column_types(uri, settings.base_schema) if replayed is None else None
        planned = plan_step(profiled, settings, plan=replayed, live_types=live)
        record.notes += planned.live_notes
        record.plan = planned.plan.to_dict()
        fits_target_step(planned.plan, profiled)  # a table PostgreSQL cannot hold: refused before the clean
    _clean_and_load(result, source, planned, uri, settings, mode, metrics, force=force, show=show)
    if record.outcome == "running":
        record.outcome = "warn" if record.warnings else "done"


def _already_loaded(record: RunRecord, version: str, live: bool) -> None:
    """The run's outcome when ``version`` (``live`` or not) was loaded from this very file."""
    record.outcome = "already_loaded"
    if live:
        said = f"{ALREADY_LOADED_LIVE}{version} was loaded from this very file"
    else:
        # A blue-green load of it, never cut over (or rolled back from): loading it again would only
        # make a second copy; the cutover is what the operator is after.
        said = (
            f"version {version} was loaded from this very file and is not live: "
            f"columnar-etl cutover {version} makes it live"
        )
    record.warnings.append(f"{said}; nothing to do (--force loads it again)")


def _clean_and_load(
    result: RunResult,
    source: Path,
    planned: LoadPlan,
    uri: str,
    settings: Settings,
    mode: Mode,
    metrics: RunMetrics,
    *,
    force: bool,
    show: bool | None,
) -> None:

    import pyarrow as pa  # see LATER_MODULES

    from columnar_etl.loading import load_tables  # deliberate: see LATER_MODULES
    from columnar_etl.loading.dashboard import unused_bundled_note  # deliberate: see LATER_MODULES

    record = result.record
    profiled = result.profile.tables if result.profile is not None else None
    health = HealthSampler(record.run_dir, interval_rows=settings.health_interval_rows, metrics=metrics)
    total = sum(t.row_count for t in result.profile.tables.values()) if result.profile else None
    with (
        _stage(record, metrics, "clean+load") as stage,
        clean_step(
            source,
            planned,
            settings,
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

        def before_commit(loaded: Any) -> None:
            # Everything that can still fail is written before the commit makes the version (and in
            # simple mode the cutover) real: the audit and quarantine files, then run.json. A failure
            # here rolls the load back, so exit 1 still means "nothing live changed". First of all:
            # the export is still the one checksummed, backed up and profiled.
            if result.source_state is not None:
                check_unchanged(source, result.source_state)
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
            record.warnings += cleaned.warnings + loaded.warnings
            if (note := unused_bundled_note(loaded.dashboard)) is not None:
                record.notes.append(note)
            record.write()

        tables = {
            table: pa.RecordBatchReader.from_batches(stream.schema(table), metered(table))
            for table in stream.tables
        }
        try:
            loaded = load_tables(
                tables,
                uri,
                mode=mode,
                base=settings.base_schema,
                keys=planned.keys,
                key_blockers=planned.key_blockers,
                references=planned.references,
                named=planned.plan.output_names(),
                quality_before=record.quality_before,
                quality_after=measure_after,
                quality_judged=lambda: score_judged(stream.stats(), profiled),
                min_quality=settings.min_quality,
                run_id=record.run_id,
                started=datetime.fromtimestamp(record.started, UTC),
                source_path=str(source),
                source_checksum=record.source_checksum,
                skip_if_loaded=not force,
                before_commit=before_commit,
                settings=settings,
            )
        except BaseException:
            result.load_recorded = True  # load_tables writes its failure's ledger row itself
            raise
        if loaded.status == "already_loaded":
            assert loaded.already_loaded is not None
            _already_loaded(record, loaded.already_loaded, loaded.already_loaded == loaded.live_before)
            return
        result.committed = loaded.status in ("live", "ready")
        result.load = loaded
        record.load = loaded.to_dict()  # as before the commit, and now with the commit's instant
        if loaded.ledger_row_lost:  # a canary's row, written after its rollback (and before_commit)
            record.warnings.append(loaded.ledger_row_lost_warning)
        health.sample()  # at least one sample, however small the export
        stage.detail = f"peak RSS {health.peak_rss / 2**20:.0f} MiB"


def _compile_report() -> None:
    # A template that does not compile fails again, and is reported, when the report is written.
    with contextlib.suppress(Exception):
        from columnar_etl.report.html import compile_templates  # deliberate: see LATER_MODULES

        compile_templates()


def _record_in_ledger(result: RunResult, settings: Settings, error: str) -> bool:

    from columnar_etl.loading import ledger  # deliberate: see LATER_MODULES

    record = result.record
    assert result.target_uri is not None
    return ledger.record_run(
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
            error=error,
        ),
    )


def _write_report(result: RunResult, path: Path) -> None:
    from columnar_etl.report import write_run_html  # deliberate: see LATER_MODULES

    write_run_html(result, path)


def _write_artefacts(result: RunResult, metrics: RunMetrics) -> None:
    """Metrics, report and finally run.json. None of them may turn the run's outcome into a failure
    after the commit: a file that cannot be written is a warning (exit 2), and only a run that changed
    nothing ends "failed" when even its run.json cannot be written."""

    record = result.record
    run_dir = record.run_dir
    problems: list[str] = []

    def attempt(name: str, write: Callable[[Path], object]) -> None:
        try:
            write(run_dir / name)
            result.artefacts[name] = run_dir / name
        except Exception as exc:
            problems.append(f"{name} not written: {error_line(exc)}")

    metrics.record_run(
        outcome=record.outcome,
        seconds=(record.finished or time.time()) - record.started,
        finished=record.finished or time.time(),
        quality_before=record.quality_before,
        quality_after=record.quality_after,
        rows_loaded={table: rows["out"] for table, rows in record.rows.items()},
    )
    attempt("metrics.prom", metrics.write_textfile)
    attempt("metrics.json", metrics.write_json)
    attempt("report.html", lambda path: _write_report(result, path))
    for name in ("log.jsonl", "profile.json", "preflight.json", "audit.parquet", "quarantine.parquet"):
        if (run_dir / name).exists():
            result.artefacts[name] = run_dir / name
    record.warnings += problems
    if problems and record.outcome == "done":
        record.outcome = "warn"
    try:
        result.artefacts["run.json"] = record.write()
    except OSError as exc:
        line = f"run.json not written: {error_line(exc)}"
        if result.committed:
            record.outcome = "warn"
            record.warnings.append(line)
        elif record.outcome in ("done", "warn", "already_loaded"):
            record.outcome = "failed"
            record.error = RunRecordError(line, path=run_dir).to_dict()
        else:
            record.warnings.append(line)
        result.record_written = False
