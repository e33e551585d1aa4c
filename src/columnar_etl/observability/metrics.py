"""Metrics: :class:`RunMetrics`, one Prometheus registry per run, written in the node-exporter textfile
format (``metrics.prom``) and as JSON."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from columnar_etl.atomic import write_text_atomically

if TYPE_CHECKING:
    from prometheus_client import CollectorRegistry

    from columnar_etl.observability.health import HealthSample

METRIC_PREFIX = "columnar_etl_"

#: Every metric of a run: (name without prefix, kind, help, label names).
METRICS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("rows_processed", "counter", "Rows passed on.", ("stage", "table")),
    ("stage_seconds", "gauge", "Wall-clock seconds in stage.", ("stage",)),
    ("rows_per_second", "gauge", "Stage rows / stage seconds.", ("stage",)),
    ("errors", "counter", "Errors by stage and kind.", ("stage", "kind")),
    ("health_free_disk_bytes", "gauge", "Free disk in work dir.", ()),
    ("health_rss_bytes", "gauge", "Resident memory, last sample.", ()),
    ("health_peak_rss_bytes", "gauge", "Highest RSS sampled.", ()),
    ("health_available_memory_bytes", "gauge", "Memory available to new processes.", ()),
    ("run_seconds", "gauge", "Wall-clock seconds of the whole run.", ()),
    (
        "run_outcome",
        "gauge",
        "1 for the outcome of this run (done, warn, halted, failed, ...).",
        ("outcome",),
    ),
    ("quality_score", "gauge", "Quality score 0-100 of the export, before and after cleaning.", ("phase",)),
    ("rows_loaded", "gauge", "Rows loaded into the version schema.", ("table",)),
    ("last_success_timestamp_seconds", "gauge", "Unix time this run finished, when it succeeded.", ()),
)


def _json_number(value: float) -> int | float:
    return int(value) if value.is_integer() else value


class RunMetrics:
    """The Prometheus metrics of one run, in a registry of its own (never the process-global one).

    The figures are kept as plain numbers while the run goes on; :attr:`registry` puts them into a
    ``prometheus_client`` registry when they are written. ``prometheus_client`` (which imports
    ``http.server`` and ``urllib.request``: 50-90 ms holding the GIL) is thus not imported before a
    run's first read of the export; ``run()`` imports it beside the profile (see LATER_MODULES).
    """

    def __init__(self) -> None:
        # metric name -> label values -> value; a metric without labels has the one key ().
        self._values: dict[str, dict[tuple[str, ...], float]] = {name: {} for name, *_ in METRICS}

    def _set(self, name: str, value: float, *labels: str) -> None:
        self._values[name][labels] = float(value)

    def _add(self, name: str, value: float, *labels: str) -> None:
        if value < 0:
            raise ValueError(f"a counter only goes up: {name} by {value}")
        values = self._values[name]
        values[labels] = values.get(labels, 0.0) + float(value)

    @property
    def registry(self) -> CollectorRegistry:
        """A new Prometheus registry holding this run's figures (every metric, with its samples)."""
        # deliberate: prometheus_client imports http.server; not before the run's first read (see class)
        from prometheus_client import CollectorRegistry, Counter, Gauge

        registry = CollectorRegistry()
        for name, kind, help_text, labels in METRICS:
            metric: Counter | Gauge = (Counter if kind == "counter" else Gauge)(
                f"{METRIC_PREFIX}{name}", help_text, list(labels), registry=registry
            )
            for values, value in self._values[name].items():
                child = metric.labels(*values) if labels else metric
                if isinstance(child, Counter):
                    child.inc(value)
                else:
                    child.set(value)
        return registry

    def observe_rows(self, stage: str, table: str, n: int) -> None:
        """Count ``n`` rows that ``stage`` passed on for ``table``."""
        self._add("rows_processed", n, stage, table)

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
            total = self._values["stage_seconds"].get((stage,), 0.0) + time.perf_counter() - start
            self._set("stage_seconds", total, stage)
            if total > 0:
                rows = sum(n for (of, _), n in self._values["rows_processed"].items() if of == stage)
                self._set("rows_per_second", rows / total, stage)

    def count_error(self, stage: str, kind: str) -> None:
        """Count one error of ``kind`` (e.g. the exception class name) in ``stage``."""
        self._add("errors", 1, stage, kind)

    def record_health(self, sample: HealthSample, peak_rss: int) -> None:
        """Set the ``health_*`` gauges from a health sample."""
        self._set("health_free_disk_bytes", sample.free_disk_bytes)
        self._set("health_rss_bytes", sample.rss_bytes)
        self._set("health_peak_rss_bytes", peak_rss)
        self._set("health_available_memory_bytes", sample.available_memory_bytes)

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
        self._set("run_seconds", seconds)
        self._set("run_outcome", 1, outcome)
        for phase, score in (("before", quality_before), ("after", quality_after)):
            if score is not None:
                self._set("quality_score", score, phase)
        for table, rows in rows_loaded.items():
            self._set("rows_loaded", rows, table)
        if outcome in ("done", "warn"):
            self._set("last_success_timestamp_seconds", finished)

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
        from prometheus_client import write_to_textfile  # deliberate: see the class

        write_to_textfile(str(path), self.registry)

    def write_json(self, path: Path) -> None:
        """Write :meth:`to_dict` atomically as JSON."""
        write_text_atomically(path, json.dumps(self.to_dict(), indent=2, sort_keys=True) + "\n")
