"""Logging sinks and masking, per-run metrics, progress display and health sampling."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import shutil
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import structlog
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from columnar_etl.errors import ConfigError, LoadError
from columnar_etl.observability.health import HealthSampler
from columnar_etl.observability.logs import (
    LOGGER_NAME,
    close_logging,
    configure_logging,
    get_logger,
    new_run_id,
)
from columnar_etl.observability.metrics import RunMetrics
from columnar_etl.observability.progress import progress

SECRET = "s3cr3t-Pw"
URI = f"postgresql://etl:{SECRET}@db.internal:5432/helpdesk"
MASKED_URI = "postgresql://etl:***@db.internal:5432/helpdesk"


@pytest.fixture(autouse=True)
def _reset_logging() -> Iterator[None]:
    yield
    close_logging()
    structlog.reset_defaults()


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- logging ---------------------------------------------------------------------------------------


def test_json_lines_carry_run_id_level_event_timestamp(tmp_path: Path) -> None:
    log_file = tmp_path / "run" / "log.jsonl"
    configure_logging(run_id="20240101T000000Z-abc123", log_file=log_file, console=False)
    get_logger(stage="clean").info("batch written", table="tickets", rows=10)
    get_logger().warning("slow batch", seconds=1.5)
    close_logging()

    first, second = read_lines(log_file)
    assert list(first)[:4] == ["timestamp", "level", "event", "run_id"]
    assert first["event"] == "batch written"
    assert first["level"] == "info"
    assert first["run_id"] == "20240101T000000Z-abc123"
    assert (first["stage"], first["table"], first["rows"]) == ("clean", "tickets", 10)
    stamp = datetime.fromisoformat(first["timestamp"])
    assert stamp.utcoffset() == timedelta(0)
    assert abs((datetime.now(UTC) - stamp).total_seconds()) < 60
    assert (second["level"], second["event"], second["seconds"]) == ("warning", "slow batch", 1.5)
    assert "stage" not in second


def test_console_goes_to_stderr_without_colours_off_a_tty(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(run_id="run-1")
    get_logger(stage="profile").info("profiled", table="tickets")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "profiled" in captured.err
    assert "run_id=run-1" in captured.err
    assert "stage=profile" in captured.err
    assert "\x1b[" not in captured.err
    assert len(captured.err.strip().splitlines()) == 1


def test_level_filters_both_sinks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log_file = tmp_path / "log.jsonl"
    configure_logging(run_id="r", log_file=log_file, level="warning")
    log = get_logger()
    log.debug("debug-line")
    log.info("info-line")
    log.warning("warning-line")
    log.error("error-line")
    close_logging()
    assert [line["event"] for line in read_lines(log_file)] == ["warning-line", "error-line"]
    err = capsys.readouterr().err
    assert "info-line" not in err and "debug-line" not in err
    assert "warning-line" in err and "error-line" in err


def test_debug_level_lets_debug_through(tmp_path: Path) -> None:
    log_file = tmp_path / "log.jsonl"
    configure_logging(run_id="r", log_file=log_file, level="DEBUG", console=False)
    get_logger().debug("details")
    close_logging()
    assert [(line["level"], line["event"]) for line in read_lines(log_file)] == [("debug", "details")]


def test_unknown_level_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown log level 'loud'"):
        configure_logging(run_id="r", level="loud")


def test_secrets_are_masked_in_both_sinks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log_file = tmp_path / "log.jsonl"
    configure_logging(run_id="r", log_file=log_file)
    log = get_logger(target=URI)
    log.info(f"connecting to {URI}", dsn=f"host=db password={SECRET} dbname=x", nested={"uris": [URI]})
    log.info("login", password=SECRET)
    try:
        raise LoadError(f"COPY failed on {URI}")
    except LoadError:
        log.exception("load failed")
    # Plain stdlib records of the package's loggers go through the same masking.
    logging.getLogger(f"{LOGGER_NAME}.load").warning("retrying with password=%s", SECRET)
    close_logging()

    text = log_file.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    for sink in (text, err):
        assert SECRET not in sink
        assert MASKED_URI in sink
        assert "password=***" in sink
    connect, login, failure, retry = read_lines(log_file)
    assert connect["event"] == f"connecting to {MASKED_URI}"
    assert connect["target"] == MASKED_URI
    assert connect["dsn"] == "host=db password=*** dbname=x"
    assert connect["nested"] == {"uris": [MASKED_URI]}
    assert login["password"] == "***"
    assert failure["level"] == "error"
    assert "LoadError: COPY failed on " + MASKED_URI in failure["exception"]
    assert (retry["event"], retry["level"], retry["run_id"]) == ("retrying with password=***", "warning", "r")


def test_reconfigure_closes_first_file_and_does_not_duplicate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first_file, second_file = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    configure_logging(run_id="one", log_file=first_file)
    first_handlers = list(logging.getLogger(LOGGER_NAME).handlers)
    get_logger().info("first-event")
    configure_logging(run_id="two", log_file=second_file)
    get_logger().info("second-event")
    close_logging()

    file_handlers = [h for h in first_handlers if isinstance(h, logging.FileHandler)]
    assert len(file_handlers) == 1 and file_handlers[0].stream is None  # closed
    assert [(r["run_id"], r["event"]) for r in read_lines(first_file)] == [("one", "first-event")]
    assert [(r["run_id"], r["event"]) for r in read_lines(second_file)] == [("two", "second-event")]
    assert capsys.readouterr().err.count("second-event") == 1
    assert logging.getLogger(LOGGER_NAME).handlers == []


def test_logger_taken_before_configure_gets_the_run_id(tmp_path: Path) -> None:
    early = get_logger(stage="source")
    log_file = tmp_path / "log.jsonl"
    configure_logging(run_id="late", log_file=log_file, console=False)
    early.info("opened")
    structlog.get_logger().info("via structlog")  # modules using structlog directly land here too
    close_logging()
    rows = read_lines(log_file)
    assert [(r["event"], r["run_id"]) for r in rows] == [("opened", "late"), ("via structlog", "late")]
    assert rows[0]["stage"] == "source"


def test_new_run_id_format() -> None:
    run_id = new_run_id()
    assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{6}", run_id)
    started = datetime.strptime(run_id[:16], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert abs((datetime.now(UTC) - started).total_seconds()) < 60
    assert len({new_run_id() for _ in range(50)}) == 50


# --- metrics ---------------------------------------------------------------------------------------


def parse_textfile(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if not sample.name.endswith("_created")
    }


def test_metrics_textfile_and_json_hold_the_same_figures(tmp_path: Path) -> None:
    metrics = RunMetrics()
    with metrics.time_stage("clean"):
        metrics.observe_rows("clean", "tickets", 10)
        metrics.observe_rows("clean", "users", 5)
        time.sleep(0.01)
    metrics.count_error("load", "LoadError")
    metrics.count_error("load", "LoadError")

    prom = tmp_path / "metrics.prom"
    metrics.write_textfile(prom)
    text = prom.read_text(encoding="utf-8")
    assert 'columnar_etl_rows_processed_total{stage="clean",table="tickets"} 10.0' in text.splitlines()
    assert 'columnar_etl_errors_total{kind="LoadError",stage="load"} 2.0' in text.splitlines()
    values = parse_textfile(text)
    seconds = values[("columnar_etl_stage_seconds", (("stage", "clean"),))]
    assert 0.01 <= seconds < 5
    rate = values[("columnar_etl_rows_per_second", (("stage", "clean"),))]
    assert rate == pytest.approx(15 / seconds)
    assert values[("columnar_etl_health_rss_bytes", ())] == 0.0  # no health sample yet

    data = metrics.to_dict()
    assert data["rows_processed"] == {"clean": {"tickets": 10, "users": 5}}
    assert data["errors"] == {"load": {"LoadError": 2}}
    assert data["stage_seconds"] == {"clean": seconds}
    assert data["rows_per_second"] == {"clean": rate}
    assert data["health_free_disk_bytes"] == 0
    metrics.write_json(tmp_path / "metrics.json")
    assert json.loads((tmp_path / "metrics.json").read_text(encoding="utf-8")) == data
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp files left


def test_time_stage_records_time_when_the_stage_fails() -> None:
    metrics = RunMetrics()
    with pytest.raises(LoadError), metrics.time_stage("load"):
        time.sleep(0.005)
        raise LoadError("boom")
    with metrics.time_stage("load"):
        time.sleep(0.005)
    assert metrics.to_dict()["stage_seconds"]["load"] >= 0.01
    assert metrics.to_dict()["errors"] == {}  # counting errors is the caller's decision (kind)


def test_run_metrics_are_independent_and_not_global() -> None:
    first, second = RunMetrics(), RunMetrics()
    first.observe_rows("clean", "tickets", 7)
    assert first.to_dict()["rows_processed"] == {"clean": {"tickets": 7}}
    assert second.to_dict()["rows_processed"] == {}
    labels = {"stage": "clean", "table": "tickets"}
    assert REGISTRY.get_sample_value("columnar_etl_rows_processed_total", labels) is None


# --- progress --------------------------------------------------------------------------------------


def test_progress_is_silent_off_a_tty(capsys: pytest.CaptureFixture[str]) -> None:
    with progress(100, "tickets") as bar:
        bar.advance(40)
        bar.set_description("tickets (2/2)")
        bar.advance(60)
    assert bar.completed == 100
    assert bar.task is None
    assert bar.description == "tickets (2/2)"
    assert capsys.readouterr() == ("", "")


def test_progress_counts_rows_when_enabled(capsys: pytest.CaptureFixture[str]) -> None:
    with progress(1000, "cleaning [tickets]", enabled=True) as bar:
        for _ in range(4):
            bar.advance(250)
        bar.set_description("cleaned [tickets]")
        assert bar.task is not None
        assert bar.task.completed == 1000
        assert bar.task.total == 1000
    assert bar.completed == 1000
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "cleaned [tickets]" in captured.err  # markup off: brackets are text
    assert "1,000/1,000 rows" in captured.err
    assert "rows/s" in captured.err


def test_progress_without_total(capsys: pytest.CaptureFixture[str]) -> None:
    with progress(None, "streaming", enabled=True) as bar:
        bar.advance(12_345)
    assert "12,345/? rows" in capsys.readouterr().err


# --- health ----------------------------------------------------------------------------------------


def test_health_samples_only_every_interval_rows(tmp_path: Path) -> None:
    metrics = RunMetrics()
    sampler = HealthSampler(tmp_path, interval_rows=100, metrics=metrics)
    assert sampler.tick(60) is None
    assert sampler.tick(39) is None
    first = sampler.tick(1)
    assert first is not None and first.rows_seen == 100
    assert sampler.tick(99) is None
    second = sampler.tick(1)
    assert second is not None and second.rows_seen == 200
    third = sampler.tick(1000)  # one big batch: one sample, and the next interval starts from here
    assert third is not None and third.rows_seen == 1200
    assert sampler.tick(99) is None
    assert sampler.last is third

    assert third.free_disk_bytes > 0
    assert third.rss_bytes > 1_000_000
    assert third.available_memory_bytes > 0
    assert abs(third.free_disk_bytes - shutil.disk_usage(tmp_path).free) < 1_000_000_000
    assert sampler.peak_rss == max(s.rss_bytes for s in (first, second, third))
    health = metrics.to_dict()
    assert health["health_rss_bytes"] == third.rss_bytes
    assert health["health_peak_rss_bytes"] == sampler.peak_rss
    assert health["health_free_disk_bytes"] == third.free_disk_bytes
    assert health["health_available_memory_bytes"] == third.available_memory_bytes


def test_peak_rss_never_decreases(tmp_path: Path) -> None:
    sampler = HealthSampler(tmp_path)
    peaks: list[int] = []
    ballast: list[bytearray] = []
    for _ in range(5):
        ballast.append(bytearray(8_000_000))
        sampler.sample()
        peaks.append(sampler.peak_rss)
    ballast.clear()
    sampler.sample()
    peaks.append(sampler.peak_rss)
    assert peaks == sorted(peaks)
    assert sampler.last is not None and peaks[-1] >= sampler.last.rss_bytes


def test_sample_forces_one_and_restarts_the_interval(tmp_path: Path) -> None:
    sampler = HealthSampler(tmp_path, interval_rows=100)
    assert sampler.tick(50) is None
    forced = sampler.sample()
    assert forced.rows_seen == 50
    assert sampler.tick(99) is None
    assert sampler.tick(1) is not None

    data = forced.to_dict()
    assert set(data) == {"taken_at", "rows_seen", "free_disk_bytes", "rss_bytes", "available_memory_bytes"}
    assert datetime.fromisoformat(data["taken_at"]).tzinfo is not None
    json.dumps(data)
    with pytest.raises(dataclasses.FrozenInstanceError):
        forced.rss_bytes = 0  # type: ignore[misc]


def test_low_disk_and_missing_work_dir(tmp_path: Path) -> None:
    sampler = HealthSampler(tmp_path / "runs" / "not-yet-created")
    assert sampler.low_disk(10**18) is True  # takes a sample when there is none
    assert sampler.last is not None and sampler.last.free_disk_bytes > 0
    assert sampler.low_disk(0) is False


def test_interval_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="interval_rows must be positive"):
        HealthSampler(tmp_path, interval_rows=0)
