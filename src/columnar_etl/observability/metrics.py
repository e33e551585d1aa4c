"""Metrics: :class:`RunMetrics`, one Prometheus registry per run, written in the node-exporter textfile
format (``metrics.prom``) and as JSON."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prometheus_client import CollectorRegistry, Counter, Gauge, write_to_textfile

from columnar_etl.atomic import write_text_atomically

if TYPE_CHECKING:
    from columnar_etl.observability.health import HealthSample

METRIC_PREFIX = "columnar_etl_"


def _json_number(value: float) -> int | float:
    return int(value) if value.is_integer() else value


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
        write_text_atomically(path, json.dumps(self.to_dict(), indent=2, sort_keys=True) + "\n")
