"""Quality after cleaning, measured on the counts the cleaner kept while it streamed the batches.

The same shape as the profile's score (:mod:`columnar_etl.profiling.quality`, docs/profiling.md "Quality
score"), so "before" and "after" compare: a column starts at 100 and loses points per 1 % of the table's
rows read; a table scores the mean of its columns; the export the mean of its tables weighted by cells
(rows read × columns). What still costs points once cleaned:

- a value made NULL by quarantine, or lost with its row (``quarantine_policy = "reject_row"``): the
  information is gone, so it costs what the invalid value cost before (the unfixable rate, 10);
- an orphan reference (the profile's count: cleaning keeps the value);
- a column whose declared type the data does not fulfil and which therefore lands as text (the
  profile's unfixable ``type_mismatch``): its non-NULL values still fail the declared type (0.2).

Fixed cells (trimmed, emptied, dates standardised, …) and exact duplicate rows removed cost nothing:
no information is lost. No second pass over the source: everything comes from
:class:`~columnar_etl.cleaning.result.TableCleanStats` (and the profile's issues, when given).
"""

from __future__ import annotations

from collections.abc import Mapping

from columnar_etl.cleaning.result import ColumnCleanStats, TableCleanStats
from columnar_etl.models import ColumnProfile, TableProfile
from columnar_etl.profiling.quality import PENALTY_PER_PERCENT, unfixable_mismatch

#: Points per 1 % of rows for a value cleaning had to drop: what an unfixable value costs before.
LOST_VALUE_PENALTY = PENALTY_PER_PERCENT["invalid_number"]


def score_cleaned(
    tables: Mapping[str, TableCleanStats], profile: Mapping[str, TableProfile] | None = None
) -> float:
    """Score every cleaned column and table in place (``.quality``); return the export's score.

    The export's score is rounded to two decimals: it is *the* quality-after figure, shown and stored
    as is (CLI, run.json, report, ledger). ``profile`` (the profile's tables) adds the orphan
    references and declared types lost; without it only what cleaning dropped costs points.
    """
    return _score(tables, profile, judged=False)


def score_judged(
    tables: Mapping[str, TableCleanStats], profile: Mapping[str, TableProfile] | None = None
) -> float:
    """The export's score as the load's ``quality_not_worse`` check judges it against the profile's:
    :func:`score_cleaned`'s, but a value quarantined in a column the operator's override planned
    (``[columns]``: a type, formats, null tokens the profile did not choose) costs nothing there. The
    profile could not foresee it and the operator asked for it: it is reported (the quarantine file,
    the column's counts, the quality-after figure itself, which :func:`score_cleaned` gives and the
    ``min_quality`` check judges), not held against cleaning. Rows rejected (``reject_row``) still
    cost every column: those are rows lost. Nothing is stored on the columns."""
    return _score(tables, profile, judged=True)


def _score(
    tables: Mapping[str, TableCleanStats], profile: Mapping[str, TableProfile] | None, *, judged: bool
) -> float:
    weighted = 0.0
    cells = 0
    for name, table in tables.items():
        profiled = profile.get(name) if profile is not None else None
        scores = []
        for column in table.columns.values():
            source = profiled.columns.get(column.name) if profiled is not None else None
            score = score_cleaned_column(column, table, source, judged=judged)
            if not judged:
                column.quality = score
            scores.append(score)
        table_score = sum(scores) / len(scores) if scores else 100.0
        if not judged:
            table.quality = table_score
        table_cells = max(table.rows_in, 1) * max(len(scores), 1)
        weighted += table_score * table_cells
        cells += table_cells
    return round(weighted / cells, 2) if cells else 100.0


def score_cleaned_column(
    column: ColumnCleanStats,
    table: TableCleanStats,
    source: ColumnProfile | None = None,
    *,
    judged: bool = False,
) -> float:
    """One cleaned column's score, 0-100 (100 for an empty table); see the module docstring. ``judged``:
    as :func:`score_judged` counts it (an overridden column's own quarantined values cost nothing)."""
    rows = table.rows_in
    if rows == 0:
        return 100.0
    # Under reject_row every quarantined cell's row is rejected, so the rows rejected are the values
    # this column lost; under null no row is rejected and the quarantined cells are what it lost.
    quarantined = 0 if judged and column.overridden else column.quarantined
    lost = max(quarantined, table.rows_rejected)
    penalty = LOST_VALUE_PENALTY * 100.0 * lost / rows
    if source is not None:
        orphans = source.issue_count("orphan_reference")
        penalty += PENALTY_PER_PERCENT["orphan_reference"] * 100.0 * orphans / rows
        if unfixable_mismatch(source) and column.type == "text":
            penalty += PENALTY_PER_PERCENT["type_mismatch"] * 100.0 * column.non_null / rows
    return max(0.0, 100.0 - penalty)
