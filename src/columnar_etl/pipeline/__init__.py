"""Stages chained into runs: ``run()`` (the whole quarter in one command) and ``copy_raw()`` (the floor)."""

from __future__ import annotations

from columnar_etl.pipeline.raw import RawCopyResult, copy_raw, count_rows
from columnar_etl.pipeline.runner import RunResult, run

__all__ = ["RawCopyResult", "RunResult", "copy_raw", "count_rows", "run"]
