"""Logging, metrics, progress and health sampling for every stage of a run.

- Logging: structlog events through the stdlib logger ``columnar_etl`` to two sinks at once, JSON lines
  in ``runs/<run_id>/log.jsonl`` and a human-readable console on stderr; every line carries ``run_id``
  and every string is passed through :func:`columnar_etl.config.mask_secrets` first.
- Metrics: :class:`RunMetrics`, one Prometheus registry per run, written in the node-exporter textfile
  format (``metrics.prom``) and as JSON.
- Progress: :func:`progress`, a rich bar on stderr (rows, rows/s, ETA), silent when stderr is no TTY.
- Health: :class:`HealthSampler`, free disk / RSS / available memory at most every N rows.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import psutil  # type: ignore[import-untyped]
import structlog
from prometheus_client import CollectorRegistry, Counter, Gauge, write_to_textfile
from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TaskID, TextColumn, TimeRemainingColumn
from rich.text import Text
from structlog.typing import EventDict, Processor, WrappedLogger

from columnar_etl.config import mask_uri
from columnar_etl.errors import ConfigError

LOGGER_NAME = "columnar_etl"
METRIC_PREFIX = "columnar_etl_"
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}
# A value under a key like this is a secret whatever it looks like (``password="hunter2"`` as a kwarg).
_SECRET_KEY = re.compile(r"passw(?:or)?d|secret", re.IGNORECASE)
# Keys ProcessorFormatter puts into foreign records for its own use; they must reach it untouched.
_FORMATTER_META = frozenset({"_record", "_from_structlog"})
_JSON_FIRST_KEYS = ("timestamp", "level", "event", "run_id")


def new_run_id() -> str:
    """A fresh run id, ``YYYYMMDDTHHMMSSZ-<6 hex>`` in UTC: sortable by start time, unique per second."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


# --- logging ---------------------------------------------------------------------------------------


@dataclass
class _LoggingState:
    """What configure_logging set up, so a second call can replace it without leaking file handles."""

    run_id: str | None = None
    handlers: list[logging.Handler] = field(default_factory=list)


_state = _LoggingState()


def _add_run_id(logger: WrappedLogger, method_name: str, event_dict: EventDict) -> EventDict:
    # Read at log time, not bind time: loggers created before configure_logging still get the run id.
    if _state.run_id is not None:
        event_dict.setdefault("run_id", _state.run_id)
    return event_dict


def _mask_value(value: Any) -> Any:
    if isinstance(value, str):
        return mask_uri(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, dict):
        return {key: "***" if _SECRET_KEY.search(str(key)) else _mask_value(v) for key, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_mask_value(v) for v in value]
    # Anything else would be rendered through str()/repr() later, which could reveal a secret it holds.
    return mask_uri(str(value))


def _mask_secrets(logger: WrappedLogger, method_name: str, event_dict: EventDict) -> EventDict:
    """Mask passwords in the event text and every value, before any sink sees the event."""
    return {
        key: value if key in _FORMATTER_META else "***" if _SECRET_KEY.search(key) else _mask_value(value)
        for key, value in event_dict.items()
    }


def _json_key_order(logger: WrappedLogger, method_name: str, event_dict: EventDict) -> EventDict:
    # Readers of log.jsonl scan these first; the renderer keeps insertion order.
    first = {key: event_dict[key] for key in _JSON_FIRST_KEYS if key in event_dict}
    return first | {key: value for key, value in event_dict.items() if key not in first}


# Run for structlog events and for plain stdlib records from ``columnar_etl.*`` loggers alike. The
# exception is formatted to text *before* masking so a password in an error message is masked too.
_PRE_CHAIN: list[Processor] = [
    structlog.stdlib.add_log_level,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
    _add_run_id,
    structlog.processors.format_exc_info,
    _mask_secrets,
]
_STRUCTLOG_CHAIN: list[Processor] = [
    structlog.stdlib.filter_by_level,  # drop filtered events before paying for the other processors
    *_PRE_CHAIN,
    structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
]


class _CurrentStderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever ``sys.stderr`` is at emit time.

    rich's live progress display swaps stderr for a proxy that prints above the bar, and pytest swaps
    it per test; a stream captured at configure time would bypass the one and outlive the other.
    """

    def emit(self, record: logging.LogRecord) -> None:
        """Point at the current stderr, then write the record as StreamHandler does."""
        self.stream = sys.stderr
        super().emit(record)


def _stderr_is_tty() -> bool:
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def _package_logger(*args: Any) -> logging.Logger:
    return logging.getLogger(LOGGER_NAME)


def _sink(handler: logging.Handler, *renderers: Processor) -> logging.Handler:
    processors = [structlog.stdlib.ProcessorFormatter.remove_processors_meta, *renderers]
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(processors=processors, foreign_pre_chain=_PRE_CHAIN)
    )
    return handler


def configure_logging(
    *,
    run_id: str,
    log_file: Path | None = None,
    level: str = "info",
    console: bool = True,
    console_level: str | None = None,
) -> structlog.stdlib.BoundLogger:
    """Send log events of this run to JSON lines in ``log_file`` and to a readable console on stderr.

    The file honours ``level`` (debug, info, warning, error), the console ``console_level`` (default:
    the same); every line carries ``run_id``. Calling it again replaces the previous set-up and
    closes its log file. Returns a logger bound to the run; :func:`get_logger` returns more.
    """
    file_level = _numeric_level(level)
    screen_level = _numeric_level(console_level or level)
    numeric_level = (
        min(file_level, screen_level)
        if log_file is not None and console
        else (file_level if log_file is not None else screen_level)
    )
    close_logging()
    handlers: list[logging.Handler] = []
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        json_lines = structlog.processors.JSONRenderer()
        file_sink = _sink(logging.FileHandler(log_file, encoding="utf-8"), _json_key_order, json_lines)
        file_sink.setLevel(file_level)
        handlers.append(file_sink)
    if console:
        readable = structlog.dev.ConsoleRenderer(
            colors=_stderr_is_tty(), exception_formatter=structlog.dev.plain_traceback
        )
        screen_sink = _sink(_CurrentStderrHandler(), readable)
        screen_sink.setLevel(screen_level)
        handlers.append(screen_sink)

    stdlib_logger = logging.getLogger(LOGGER_NAME)
    stdlib_logger.setLevel(numeric_level)
    # Our two sinks are the whole story; the root logger of an embedding app must not print it twice.
    stdlib_logger.propagate = False
    for handler in handlers:
        stdlib_logger.addHandler(handler)
    _state.run_id = run_id
    _state.handlers = handlers
    # So that code calling structlog.get_logger() directly lands in the same sinks, masked, instead of
    # structlog's default print logger on stdout (which `--json` output owns).
    structlog.configure(
        processors=_STRUCTLOG_CHAIN,
        logger_factory=_package_logger,
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    return get_logger()


def _numeric_level(level: str) -> int:
    numeric = _LEVELS.get(level.lower())
    if numeric is None:
        raise ConfigError(f"unknown log level {level!r}", hint=f"use one of {', '.join(_LEVELS)}")
    return numeric


def close_logging() -> None:
    """Detach and close the sinks of :func:`configure_logging` (flushes and closes the log file)."""
    stdlib_logger = logging.getLogger(LOGGER_NAME)
    for handler in _state.handlers:
        stdlib_logger.removeHandler(handler)
        handler.close()
    _state.handlers = []
    _state.run_id = None
    stdlib_logger.propagate = True


def get_logger(**bind: Any) -> structlog.stdlib.BoundLogger:
    """A logger of the current run with ``bind`` as context, e.g. ``get_logger(stage="clean")``."""
    # wrap_logger with our own chain: independent of whatever else configured structlog globally.
    logger: structlog.stdlib.BoundLogger = structlog.wrap_logger(
        logging.getLogger(LOGGER_NAME),
        processors=_STRUCTLOG_CHAIN,
        wrapper_class=structlog.stdlib.BoundLogger,
    ).bind(**bind)
    return logger


# --- metrics ---------------------------------------------------------------------------------------


def _json_number(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def _write_atomically(path: Path, text: str) -> None:
    # Same directory, then rename: a reader (or the textfile collector) never sees half a file.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class RunMetrics:
    """The Prometheus metrics of one run, in a registry of its own (never the process-global one)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        p, r = METRIC_PREFIX, self.registry
        self.rows_processed = Counter(f"{p}rows_processed", "Rows passed on.", ["stage", "table"], registry=r)
        self.stage_seconds = Gauge(f"{p}stage_seconds", "Wall-clock seconds in stage.", ["stage"], registry=r)
        self.rows_per_second = Gauge(
            f"{p}rows_per_second", "Stage rows / stage seconds.", ["stage"], registry=r
        )
        self.errors = Counter(f"{p}errors", "Errors by stage and kind.", ["stage", "kind"], registry=r)
        self.health_free_disk_bytes = Gauge(
            f"{p}health_free_disk_bytes", "Free disk in work dir.", registry=r
        )
        self.health_rss_bytes = Gauge(f"{p}health_rss_bytes", "Resident memory, last sample.", registry=r)
        self.health_peak_rss_bytes = Gauge(f"{p}health_peak_rss_bytes", "Highest RSS sampled.", registry=r)
        self.health_available_memory_bytes = Gauge(
            f"{p}health_available_memory_bytes", "Memory available to new processes.", registry=r
        )
        self.run_seconds = Gauge(f"{p}run_seconds", "Wall-clock seconds of the whole run.", registry=r)
        self.run_outcome = Gauge(
            f"{p}run_outcome",
            "1 for the outcome of this run (done, warn, halted, failed, ...).",
            ["outcome"],
            registry=r,
        )
        self.quality_score = Gauge(
            f"{p}quality_score",
            "Quality score 0-100 of the export, before and after cleaning.",
            ["phase"],
            registry=r,
        )
        self.rows_loaded = Gauge(
            f"{p}rows_loaded", "Rows loaded into the version schema.", ["table"], registry=r
        )
        self.last_success = Gauge(
            f"{p}last_success_timestamp_seconds",
            "Unix time this run finished, when it succeeded.",
            registry=r,
        )
        # Kept beside the metrics because rows/s needs both figures and reading them back out of the
        # registry would mean a full collect() per stage.
        self._stage_rows: dict[str, int] = {}
        self._stage_time: dict[str, float] = {}

    def observe_rows(self, stage: str, table: str, n: int) -> None:
        """Count ``n`` rows that ``stage`` passed on for ``table``."""
        self.rows_processed.labels(stage, table).inc(n)
        self._stage_rows[stage] = self._stage_rows.get(stage, 0) + n

    @contextmanager
    def time_stage(self, stage: str) -> Iterator[None]:
        """Add the wall-clock time of the block to ``stage`` (also when it raises) and update rows/s.

        rows/s is all rows observed for the stage over all time timed for it, so a stage timed once per
        table adds up. Do not nest two timers of the same stage: the time would be counted twice.
        """
        start = time.perf_counter()
        try:
            yield
        finally:
            total = self._stage_time.get(stage, 0.0) + time.perf_counter() - start
            self._stage_time[stage] = total
            self.stage_seconds.labels(stage).set(total)
            if total > 0:
                self.rows_per_second.labels(stage).set(self._stage_rows.get(stage, 0) / total)

    def count_error(self, stage: str, kind: str) -> None:
        """Count one error of ``kind`` (e.g. the exception class name) in ``stage``."""
        self.errors.labels(stage, kind).inc()

    def record_health(self, sample: HealthSample, peak_rss: int) -> None:
        """Set the ``health_*`` gauges from a health sample."""
        self.health_free_disk_bytes.set(sample.free_disk_bytes)
        self.health_rss_bytes.set(sample.rss_bytes)
        self.health_peak_rss_bytes.set(peak_rss)
        self.health_available_memory_bytes.set(sample.available_memory_bytes)

    def record_run(
        self,
        *,
        outcome: str,
        seconds: float,
        finished: float,
        quality_before: float | None,
        quality_after: float | None,
        rows_loaded: dict[str, int],
    ) -> None:
        """Set the run-level gauges the alerts use (duration, outcome, quality, freshness)."""
        self.run_seconds.set(seconds)
        self.run_outcome.labels(outcome).set(1)
        for phase, score in (("before", quality_before), ("after", quality_after)):
            if score is not None:
                self.quality_score.labels(phase).set(score)
        for table, rows in rows_loaded.items():
            self.rows_loaded.labels(table).set(rows)
        if outcome in ("done", "warn"):
            self.last_success.set(finished)

    def to_dict(self) -> dict[str, Any]:
        """The same figures as the textfile, JSON-ready: names without prefix, nested by label value.

        ``{"rows_processed": {"clean": {"tickets": 10}}, "stage_seconds": {"clean": 0.5}, ...,
        "health_rss_bytes": 123}``; a labelled metric without samples is ``{}``.
        """
        out: dict[str, Any] = {}
        # Read back from the registry, not from our own bookkeeping, so JSON and textfile cannot differ.
        for family in self.registry.collect():
            key = family.name.removeprefix(METRIC_PREFIX)
            for sample in family.samples:
                if sample.name.endswith("_created"):
                    continue
                if not sample.labels:
                    out[key] = _json_number(sample.value)
                    continue
                node: dict[str, Any] = out.setdefault(key, {})
                *path, last = sample.labels.values()
                for part in path:
                    node = node.setdefault(part, {})
                node[last] = _json_number(sample.value)
            out.setdefault(key, {})
        return out

    def write_textfile(self, path: Path) -> None:
        """Write the metrics atomically in the Prometheus text format (node-exporter textfile collector)."""
        write_to_textfile(str(path), self.registry)

    def write_json(self, path: Path) -> None:
        """Write :meth:`to_dict` atomically as JSON."""
        _write_atomically(path, json.dumps(self.to_dict(), indent=2, sort_keys=True) + "\n")


# --- progress --------------------------------------------------------------------------------------


class _RowsDoneColumn(ProgressColumn):
    """``12,345/50,000 rows`` (rich's MofN column has no thousands separator and no unit)."""

    def render(self, task: Task) -> Text:
        """Rows done, out of the total when it is known."""
        total = "?" if task.total is None else f"{task.total:,.0f}"
        return Text(f"{task.completed:,.0f}/{total} rows", style="progress.download")


class _RowsPerSecondColumn(ProgressColumn):
    """``5,000 rows/s`` (rich's TransferSpeedColumn formats bytes)."""

    def render(self, task: Task) -> Text:
        """The measured speed, or a dash before there is one."""
        speed = task.finished_speed or task.speed
        return Text("- rows/s" if speed is None else f"{speed:,.0f} rows/s", style="progress.data.speed")


class RowProgress:
    """Handle yielded by :func:`progress`: advance it by the rows of each batch."""

    def __init__(self, bar: Progress | None, task_id: TaskID, description: str) -> None:
        self._bar = bar
        self._task_id = task_id
        self.description = description
        #: Rows advanced so far (also counted when the display is off).
        self.completed = 0

    @property
    def task(self) -> Task | None:
        """The rich task behind the bar, or None when the display is off."""
        if self._bar is None:
            return None
        return next(task for task in self._bar.tasks if task.id == self._task_id)

    def advance(self, n_rows: int) -> None:
        """Add ``n_rows`` rows done."""
        self.completed += n_rows
        if self._bar is not None:
            self._bar.advance(self._task_id, n_rows)

    def set_description(self, text: str) -> None:
        """Change the text left of the bar (e.g. the table being worked on)."""
        self.description = text
        if self._bar is not None:
            self._bar.update(self._task_id, description=text)


@contextmanager
def progress(
    total_rows: int | None, description: str, *, enabled: bool | None = None
) -> Iterator[RowProgress]:
    """A progress bar on stderr: rows done, rows/s, ETA. ``total_rows=None`` when unknown.

    ``enabled=None`` shows it only when stderr is a TTY; otherwise nothing is written at all and
    ``advance`` is an addition. Log lines written meanwhile appear above the bar.
    """
    if enabled is None:
        enabled = _stderr_is_tty()
    if not enabled:
        yield RowProgress(None, TaskID(0), description)
        return
    bar = Progress(
        # markup=False: a table name like "[old] tickets" is text, not a rich style tag.
        TextColumn("{task.description}", markup=False, style="progress.description"),
        BarColumn(),
        _RowsDoneColumn(),
        _RowsPerSecondColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    )
    with bar:
        task_id = bar.add_task(description, total=total_rows)
        yield RowProgress(bar, task_id, description)


# --- health ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HealthSample:
    """One health reading: free disk in the work dir, process RSS and available memory, in bytes."""

    taken_at: float  # Unix seconds; turned into ISO text only in to_dict, off the hot path
    rows_seen: int
    free_disk_bytes: int
    rss_bytes: int
    available_memory_bytes: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data, ``taken_at`` as ISO 8601 UTC."""
        data = asdict(self)
        data["taken_at"] = datetime.fromtimestamp(self.taken_at, UTC).isoformat()
        return data


class HealthSampler:
    """Samples disk and memory at most once per ``interval_rows`` rows; stages call :meth:`tick`."""

    def __init__(
        self, work_dir: Path, *, interval_rows: int = 50_000, metrics: RunMetrics | None = None
    ) -> None:
        if interval_rows <= 0:
            raise ValueError(f"interval_rows must be positive, got {interval_rows}")
        self.work_dir = work_dir
        self.interval_rows = interval_rows
        self.metrics = metrics
        self.last: HealthSample | None = None
        #: Highest RSS among the samples taken (a peak between two samples is not seen).
        self.peak_rss = 0
        # One Process object: creating one re-reads /proc for the start time, costing more than the RSS read.
        self._process = psutil.Process()
        self._rows = 0
        self._next_sample_at = interval_rows

    def tick(self, rows: int) -> HealthSample | None:
        """Count ``rows`` more rows; sample when ``interval_rows`` passed since the last sample."""
        # The hot path is one addition and one comparison: this runs once per batch of every stage.
        self._rows += rows
        if self._rows < self._next_sample_at:
            return None
        return self.sample()

    def sample(self) -> HealthSample:
        """Take a sample now, update the metrics' health gauges, and restart the row interval."""
        try:
            free = shutil.disk_usage(self.work_dir).free
        except FileNotFoundError:
            # The run directory may not exist yet; its nearest existing parent is on the same disk.
            free = shutil.disk_usage(_existing_ancestor(self.work_dir)).free
        rss = int(self._process.memory_info().rss)
        sample = HealthSample(
            taken_at=time.time(),
            rows_seen=self._rows,
            free_disk_bytes=free,
            rss_bytes=rss,
            available_memory_bytes=int(psutil.virtual_memory().available),
        )
        self.peak_rss = max(self.peak_rss, rss)
        self.last = sample
        self._next_sample_at = self._rows + self.interval_rows
        if self.metrics is not None:
            self.metrics.record_health(sample, self.peak_rss)
        return sample

    def low_disk(self, threshold_bytes: int) -> bool:
        """Whether the last sample (taken now if there is none) saw less free disk than the threshold."""
        last = self.last if self.last is not None else self.sample()
        return last.free_disk_bytes < threshold_bytes


def _existing_ancestor(path: Path) -> Path:
    for candidate in (path, *path.absolute().parents):
        if candidate.exists():
            return candidate
    return Path.cwd()
