"""Logging for every stage of a run, and the run's id.

structlog events go through the stdlib logger ``columnar_etl`` to two sinks at once: JSON lines in
``runs/<run_id>/log.jsonl`` and a human-readable console on stderr; every line carries ``run_id`` and
every string is passed through :func:`columnar_etl.config.mask_secrets` first.
"""

from __future__ import annotations

import logging
import re
import secrets
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import structlog
from structlog.typing import EventDict, Processor, WrappedLogger

from columnar_etl.config import mask_uri
from columnar_etl.errors import ConfigError

LOGGER_NAME = "columnar_etl"
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
    """What configure_logging set up, so a second call can replace it without leaking file handles,
    and what it replaced, so that :func:`close_logging` gives the process back as it was."""

    run_id: str | None = None
    handlers: list[logging.Handler] = field(default_factory=list)
    #: The process's structlog configuration before ours (None: structlog's defaults, never configured).
    structlog_before: dict[str, Any] | None = None
    #: The package logger's level and ``propagate`` before ours; None while nothing is replaced.
    logger_before: tuple[int, bool] | None = None
    #: The package logger's level and ``propagate`` as ours set them (to tell them from the program's).
    logger_set: tuple[int, bool] | None = None


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


def stderr_is_tty() -> bool:
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
    stdlib_logger = logging.getLogger(LOGGER_NAME)
    _detach_sinks(stdlib_logger)
    handlers: list[logging.Handler] = []
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        json_lines = structlog.processors.JSONRenderer()
        file_sink = _sink(logging.FileHandler(log_file, encoding="utf-8"), _json_key_order, json_lines)
        file_sink.setLevel(file_level)
        handlers.append(file_sink)
    if console:
        readable = structlog.dev.ConsoleRenderer(
            colors=stderr_is_tty(), exception_formatter=structlog.dev.plain_traceback
        )
        screen_sink = _sink(_CurrentStderrHandler(), readable)
        screen_sink.setLevel(screen_level)
        handlers.append(screen_sink)

    # A notebook kernel or a benchmark calls the API many times in one process, which may have a
    # logging or structlog set-up of its own: close_logging puts back what is replaced here. A set-up
    # of ours still open (configured again without a close) keeps what it replaced, unless the program
    # set its own since: that is what the process has now, and what it gets back.
    still_ours = _state.logger_before is not None
    if not still_ours or (stdlib_logger.level, stdlib_logger.propagate) != _state.logger_set:
        _state.logger_before = (stdlib_logger.level, stdlib_logger.propagate)
    if not still_ours or not _structlog_is_ours():
        _state.structlog_before = structlog.get_config() if structlog.is_configured() else None
    stdlib_logger.setLevel(numeric_level)
    # Our two sinks are the whole story; the root logger of an embedding app must not print it twice.
    stdlib_logger.propagate = False
    _state.logger_set = (numeric_level, False)
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
    """Detach and close the sinks of :func:`configure_logging` (flushes and closes the log file), and
    put back the structlog configuration and the package logger's level and ``propagate`` it replaced:
    a program calling the API (a notebook) logs as it did before the call."""
    stdlib_logger = logging.getLogger(LOGGER_NAME)
    _detach_sinks(stdlib_logger)
    if _state.logger_before is None:
        return  # nothing configured since the last close
    level, stdlib_logger.propagate = _state.logger_before
    stdlib_logger.setLevel(level)
    if _state.structlog_before is None:
        structlog.reset_defaults()
    else:
        structlog.configure(**_state.structlog_before)
    _state.logger_before = _state.structlog_before = _state.logger_set = None


def _detach_sinks(stdlib_logger: logging.Logger) -> None:
    """Remove and close the handlers :func:`configure_logging` attached (the log file flushed)."""
    for handler in _state.handlers:
        stdlib_logger.removeHandler(handler)
        handler.close()
    _state.handlers = []
    _state.run_id = None


def _structlog_is_ours() -> bool:
    """Whether structlog is configured as :func:`configure_logging` configures it."""
    return structlog.is_configured() and structlog.get_config().get("logger_factory") is _package_logger


def get_logger(**bind: Any) -> structlog.stdlib.BoundLogger:
    """A logger of the current run with ``bind`` as context, e.g. ``get_logger(stage="clean")``."""
    # wrap_logger with our own chain: independent of whatever else configured structlog globally.
    logger: structlog.stdlib.BoundLogger = structlog.wrap_logger(
        logging.getLogger(LOGGER_NAME),
        processors=_STRUCTLOG_CHAIN,
        wrapper_class=structlog.stdlib.BoundLogger,
    ).bind(**bind)
    return logger
