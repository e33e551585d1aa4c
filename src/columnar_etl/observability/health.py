"""Health: :class:`HealthSampler`, free disk / RSS / available memory at most every N rows."""

from __future__ import annotations

import shutil
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psutil  # type: ignore[import-untyped]

if TYPE_CHECKING:
    from columnar_etl.observability.metrics import RunMetrics


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
