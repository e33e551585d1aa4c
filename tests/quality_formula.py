"""The quality score's formula as docs/profiling.md states it, computed here independently of the
package (tests compare the package's scores with it, from the values they wrote)."""

from __future__ import annotations

#: docs/profiling.md: points per 1 % of a column's rows charged a fixable issue.
FIXABLE = 4.0
#: docs/profiling.md: points per 1 % of a column's rows charged a cosmetic issue (``whitespace``).
COSMETIC = 2.0
#: The circuit breaker's floor: below it a run halts.
HALT_QUALITY = 50.0


def column_score(rows: int, charged: int, points: float = FIXABLE) -> float:
    """A column's score: 100 less ``points`` (4: fixable) per 1 % of its rows charged, floored at 0."""
    return max(0.0, 100.0 - points * 100.0 * charged / rows)


def export_score(tables: dict[str, tuple[int, list[float]]]) -> float:
    """The mean of the tables' column means, weighted by rows × columns."""
    weighted = sum(rows * len(scores) * (sum(scores) / len(scores)) for rows, scores in tables.values())
    cells = sum(rows * len(scores) for rows, scores in tables.values())
    return weighted / cells
