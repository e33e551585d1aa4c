"""The public API called again and again in one long-lived process (a notebook kernel, a benchmark):
what a call leaves behind in the process, and an interrupt (the kernel's "interrupt", Ctrl-C) raised
inside a call. Found by helper h95's hunt; the real export and the session's embedded server."""

from __future__ import annotations

import _thread
import io
import json
import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import structlog

import columnar_etl
from columnar_etl.config import Settings
from columnar_etl.observability.logs import LOGGER_NAME, close_logging, configure_logging
from columnar_etl.pipeline.record import RunRecord

from .conftest import GATES_OPEN, pg_query, run_settings


@pytest.fixture
def settings(tmp_path: Path, pg_uri: str) -> Settings:
    return run_settings(tmp_path, pg_uri, pg_dir=tmp_path / "pg", **GATES_OPEN)


@pytest.fixture
def own_structlog() -> Any:
    """The embedding program's own structlog set-up (a notebook's, a service's): JSON to its own stream."""
    stream = io.StringIO()
    structlog.configure(
        processors=[structlog.processors.JSONRenderer()],
        logger_factory=structlog.PrintLoggerFactory(file=stream),
        cache_logger_on_first_use=False,
    )
    try:
        yield stream
    finally:
        structlog.reset_defaults()


def test_a_run_leaves_the_callers_structlog_and_the_package_logger_as_they_were(
    settings: Settings, small_fixture: Path, own_structlog: io.StringIO
) -> None:
    # Until h95 a run replaced the process's structlog configuration for good: after
    # `columnar_etl.run(...)` a notebook's own `structlog.get_logger().info(...)` went to the package's
    # stdlib logger, which has no handler once the run ends, and was lost without a word. The package
    # logger's level stayed the run's (INFO) and its `propagate` was forced on.
    package = logging.getLogger(LOGGER_NAME)
    package.setLevel(logging.DEBUG)
    package.propagate = False
    before = structlog.get_config()
    try:
        result = columnar_etl.run(small_fixture, mode="simple", settings=settings)
        assert result.outcome in ("done", "warn"), result.record.error
        assert structlog.get_config() == before
        structlog.get_logger().info("mine after the run")
        assert '"event": "mine after the run"' in own_structlog.getvalue()
        assert (package.level, package.propagate, package.handlers) == (logging.DEBUG, False, [])
        run_log = (result.run_dir / "log.jsonl").read_text(encoding="utf-8")
        assert "mine after the run" not in run_log and '"event": "run finished"' in run_log
    finally:
        package.setLevel(logging.NOTSET)
        package.propagate = True


def _process_state() -> dict[str, Any]:
    return {
        "fds": len(os.listdir("/proc/self/fd")),
        "threads": sorted(thread.name for thread in threading.enumerate()),
        "signals": [signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)],
        "environ": dict(os.environ),
        "cwd": os.getcwd(),
        "umask": os.umask(os.umask(0o022)),
        "root_handlers": list(logging.getLogger().handlers),
        "package_handlers": list(logging.getLogger(LOGGER_NAME).handlers),
        "structlog": structlog.get_config(),
    }


def test_calls_repeated_in_one_process_leave_it_as_they_found_it(
    settings: Settings, small_fixture: Path, tmp_path: Path
) -> None:
    # A guard (nothing found here by h95): each call once to warm the process (imports, DuckDB's and
    # ADBC's own threads and descriptors), then three more of each: no descriptor, thread, signal
    # handler, environment variable, working directory, umask or logging set-up more than before.
    calls = [
        lambda: columnar_etl.profile(small_fixture, settings=settings),
        lambda: columnar_etl.clean(
            small_fixture, output=tmp_path / "c.db", overwrite=True, settings=settings
        ),
        lambda: columnar_etl.run(small_fixture, mode="simple", force=True, settings=settings),
    ]
    for call in calls:
        call()
    before = _process_state()
    for _ in range(3):
        for call in calls:
            call()
    after = _process_state()
    # A result held by the caller may keep one mapped temporary file (the audit) open: one per result.
    assert after.pop("fds") <= before.pop("fds") + 1
    assert after == before


def _interrupted_at(delay: float, call: Callable[[], object]) -> BaseException | None:
    """``call()`` with the main thread interrupted after ``delay`` seconds, as a notebook kernel's
    "interrupt" (or Ctrl-C) does; what it raised, None when it returned first."""
    returned = threading.Event()

    def interrupt() -> None:
        if not returned.wait(delay):
            _thread.interrupt_main()

    interrupter = threading.Thread(target=interrupt)
    try:
        try:
            interrupter.start()
            call()
        finally:
            returned.set()
            if interrupter.ident is not None:
                interrupter.join()
    except BaseException as exc:
        return exc
    return None


def _seconds(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def _versions(uri: str) -> list[tuple[Any, ...]]:
    return pg_query(uri, "SELECT schema_name, live FROM columnar_etl.versions ORDER BY 1")


def _schemas(uri: str) -> list[tuple[Any, ...]]:
    return pg_query(uri, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'servicedesk\\_v%' ORDER BY 1")


def _newest_record(settings: Settings) -> dict[str, Any]:
    # By the time it was written: run directories started in the same second sort by their random
    # suffix, not by their order.
    newest = max(Path(settings.runs_dir).glob("*/run.json"), key=lambda path: path.stat().st_mtime_ns)
    record: dict[str, Any] = json.loads(newest.read_text(encoding="utf-8"))
    return record


def test_a_program_set_up_after_a_logging_left_open_is_what_a_run_gives_back(
    tmp_path: Path, settings: Settings, small_fixture: Path
) -> None:
    # A set-up of ours left open (configure_logging without close_logging: a test, a program calling
    # the module itself), then the program's own structlog and package-logger set-up: the next run's
    # set-up put back what the open one had replaced (structlog's defaults), not what the program had
    # just set: the program's JSON logger was gone after the run (seen with xdist, tests in one worker).
    configure_logging(run_id="left-open", log_file=tmp_path / "open.jsonl", console=False)
    stream = io.StringIO()
    package = logging.getLogger(LOGGER_NAME)
    try:
        structlog.configure(
            processors=[structlog.processors.JSONRenderer()],
            logger_factory=structlog.PrintLoggerFactory(file=stream),
            cache_logger_on_first_use=False,
        )
        package.setLevel(logging.WARNING)
        package.propagate = True
        before = structlog.get_config()
        result = columnar_etl.run(small_fixture, mode="simple", settings=settings)
        assert result.outcome in ("done", "warn"), result.record.error
        assert structlog.get_config() == before
        assert (package.level, package.propagate) == (logging.WARNING, True)
        structlog.get_logger().info("mine after the run")
        assert '"event": "mine after the run"' in stream.getvalue()
    finally:
        close_logging()
        structlog.reset_defaults()
        package.setLevel(logging.NOTSET)
        package.propagate = True


#: Moments of the call's own (uninterrupted) duration at which the interrupt comes.
MOMENTS = (0.15, 0.3, 0.45, 0.6, 0.75, 0.9)


@pytest.mark.parametrize(
    "function", ["profile", *(pytest.param(name, marks=pytest.mark.slow) for name in ("load", "run"))]
)
def test_an_interrupt_at_any_moment_of_a_call_reaches_the_caller_as_keyboard_interrupt(
    function: str, settings: Settings, small_fixture: Path, pg_uri: str
) -> None:
    # Until h95 an interrupt that landed in DuckDB's query came back as `RuntimeError: Query
    # interrupted`, one in ADBC's COPY as `LoadError: ... nanoarrow call failed ... Python exception:
    # Traceback ... KeyboardInterrupt` (its run.json `failed`), a load's as `EtlError: interrupted`, and
    # `run` returned its result: a caller's `except KeyboardInterrupt` (a notebook loop over exports, a
    # benchmark's round) never saw it, and `except EtlError` swallowed it.
    calls: dict[str, Callable[[], object]] = {
        "profile": lambda: columnar_etl.profile(small_fixture, settings=settings),
        "load": lambda: columnar_etl.load(small_fixture, mode="blue-green", settings=settings),
        "run": lambda: columnar_etl.run(small_fixture, mode="blue-green", force=True, settings=settings),
    }
    call = calls[function]
    took = _seconds(call)
    for moment in MOMENTS:
        versions, schemas = (_versions(pg_uri), _schemas(pg_uri)) if function != "profile" else ([], [])
        raised = _interrupted_at(moment * took, call)
        assert raised is None or isinstance(raised, KeyboardInterrupt), f"{moment}: {raised!r}"
        if function != "profile":
            record = _newest_record(settings)
            said = (record["command"], record["outcome"], record["exit_code"])
            if said == (function, "interrupted", 1):
                assert raised is not None, f"{moment}: interrupted, and the caller was not told"
                assert (_versions(pg_uri), _schemas(pg_uri)) == (versions, schemas), moment
            else:  # it ended before the interrupt came, or the interrupt came after its commit
                assert said in ((function, "done", 0), (function, "warn", 2)), f"{moment}: {record['error']}"
                assert len(_schemas(pg_uri)) == len(schemas) + 1, moment
        # The next call in the same process works.
        assert columnar_etl.profile(small_fixture, tables=["tickets"], settings=settings).gate.status


def test_the_repr_of_a_profile_and_a_load_of_many_tables_stays_one_short_line(
    settings: Settings, make_sqlite: Callable[..., Path]
) -> None:
    # Until h95 both listed every table: 200 tables made a Profile's repr 2,939 characters and a
    # LoadResult's 1,557 (what a notebook prints for `p`, a benchmark's log for each round).
    export = make_sqlite(
        {f"table_{i:02d}": (f"CREATE TABLE table_{i:02d} (v TEXT)", [("x",)]) for i in range(40)}
    )
    found = columnar_etl.profile(export, settings=settings)
    shown = repr(found)
    assert len(shown) <= 200 and "\n" not in shown, shown
    assert (
        shown.startswith("<Profile export.db: table_00 (1 rows), table_01 (1 rows),") and "… 35 more" in shown
    )
    loaded = columnar_etl.load(export, mode="blue-green", settings=settings)
    shown = repr(loaded)
    assert len(shown) <= 200 and "\n" not in shown, shown
    assert "table_00 1, table_01 1," in shown and "… 35 more" in shown


def test_an_interrupt_while_a_run_writes_its_report_leaves_its_record_and_the_logging_closed(
    settings: Settings, small_fixture: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Until h95, in a notebook (no command-line handler to hold the interrupt back once the outcome is
    # decided), an interrupt while a committed run wrote its report left run.json "running" with the
    # kernel's pid (`runs list`: running for as long as the kernel lives), the run's log file open and
    # still written by whatever logged next, and the caller's structlog configuration replaced.
    import columnar_etl.pipeline.runner as runner_module

    def interrupted(result: object, path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(runner_module, "_write_report", interrupted)
    before = structlog.get_config()
    with pytest.raises(KeyboardInterrupt):
        columnar_etl.run(small_fixture, mode="simple", settings=settings)
    record = _newest_record(settings)
    assert (record["outcome"], record["exit_code"]) == ("warn", 2)  # the version is live
    assert any(w.startswith("interrupted while writing the run's artefacts") for w in record["warnings"])
    assert pg_query(pg_uri, "SELECT schema_name FROM columnar_etl.versions WHERE live") == [
        (record["version_schema"],)
    ]
    assert logging.getLogger(LOGGER_NAME).handlers == [] and structlog.get_config() == before


def test_an_interrupt_while_a_cutover_writes_its_last_record_leaves_it_done(
    settings: Settings, small_fixture: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Until h95, from Python, an interrupt while a committed cutover (or load, rollback) wrote its
    # last run.json left the first one, "running" with the kernel's pid, the views switched.
    loaded = columnar_etl.load(small_fixture, mode="blue-green", settings=settings)
    real_write = RunRecord.write

    def write(record: RunRecord) -> Path:
        if record.command == "cutover" and record.outcome != "running" and not interrupted:
            interrupted.append(record.outcome)
            raise KeyboardInterrupt  # as the write began: nothing of it on disk
        return real_write(record)

    interrupted: list[str] = []
    monkeypatch.setattr(RunRecord, "write", write)
    with pytest.raises(KeyboardInterrupt):
        columnar_etl.cutover(settings=settings)
    assert interrupted == ["done"]
    record = _newest_record(settings)
    assert (record["command"], record["outcome"], record["exit_code"]) == ("cutover", "done", 0)
    assert record["version_schema"] == loaded.schema
    assert pg_query(pg_uri, "SELECT schema_name FROM columnar_etl.versions WHERE live") == [(loaded.schema,)]
