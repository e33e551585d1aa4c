"""Gate 2, cleaning: the export by its plan into typed Arrow batches, audited and quarantined.

In: the SQLite export and a :class:`~columnar_etl.planning.plan.Plan`. Out: typed Arrow record
batches per table, the audit of every changed cell, the quarantined values, a :class:`CleanResult`.

``clean_stream()`` is the streaming cleaner, which the loader consumes directly and
:func:`columnar_etl.pipeline.clean.clean` writes to files (SQLite or Parquet) as a
:class:`CleanResult`. Polars is imported when a stream
opens, not with ``columnar_etl``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from columnar_etl.cleaning.result import CleanResult, ColumnCleanStats, TableCleanStats

if TYPE_CHECKING:
    from columnar_etl.cleaning.stream import CleanStream, clean_stream

__all__ = ["CleanResult", "CleanStream", "ColumnCleanStats", "TableCleanStats", "clean_stream"]


def __getattr__(name: str) -> Any:
    if name in ("CleanStream", "clean_stream"):
        from columnar_etl.cleaning import stream  # deliberate: Polars on first use

        return getattr(stream, name)
    raise AttributeError(f"module 'columnar_etl.cleaning' has no attribute {name!r}")
