"""Dirt: which cells of a column get which kind, what the dirty text looks like, and the column truth.

Dirt counts are exact, not sampled: a kind with rate ``r`` hits ``round(r * eligible)`` cells, where
eligible cells are the non-NULL ones, so the truth is bookkeeping rather than estimation. The cells of
all kinds are drawn together without replacement, which is what makes every dirty cell carry exactly
one kind. In prod/heavy/corrupt, a column with at least :data:`MIN_ELIGIBLE_FOR_EVERY_KIND` values
gets every kind it can have at least once, so even a small fixture exercises every path.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from typing import Final

from . import dates
from .schema import (
    BOOLEAN_PAIRS,
    BOOLEAN_SPELLINGS,
    DATE_CANONICAL,
    DATE_DAY_FIRST,
    DIRT_KINDS,
    INVALID_NUMBERS,
    NULL_TOKENS,
    TS_CANONICAL,
    TS_DAY_FIRST,
    TS_ISO_T_MILLIS,
    UNPARSEABLE_DATES,
    ColumnSpec,
)
from .truth import ColumnTruth, Scalar

Cell = int | float | str | None
TrueValue = int | bool | str | None

_PROD: Final = {
    "empty_string": 0.01, "null_like": 0.005, "whitespace": 0.005, "non_iso_date": 0.01,
    "impossible_date": 0.002, "unparseable_date": 0.002, "comma_decimal": 0.005, "invalid_number": 0.002,
    "nul_byte": 0.003, "orphan_reference": 0.005,
}  # fmt: skip
_HEAVY: Final = {
    "empty_string": 0.04, "null_like": 0.02, "whitespace": 0.03, "non_iso_date": 0.06,
    "impossible_date": 0.015, "unparseable_date": 0.015, "comma_decimal": 0.03, "invalid_number": 0.015,
    "nul_byte": 0.02, "orphan_reference": 0.03,
}  # fmt: skip
#: Share of a column's non-NULL cells per dirt kind, per level. Heavy keeps every date column under
#: 20 % dirty in total (3 % unfixable); corrupt makes 37 % of every date column unfixable.
LEVEL_RATES: Final[dict[str, dict[str, float]]] = {
    "clean": {},
    "prod": _PROD,
    "heavy": _HEAVY,
    "corrupt": {**_HEAVY, "non_iso_date": 0.04, "impossible_date": 0.15, "unparseable_date": 0.22},
}
MIN_ELIGIBLE_FOR_EVERY_KIND: Final = 20
#: Boolean spelling mix outside the clean level, weights for BOOLEAN_PAIRS (data variety, not dirt).
_PAIR_WEIGHTS: Final = (30, 15, 25, 10, 20)
_PADS: Final = ((" ", ""), ("", " "), ("  ", " "), (" ", "  "), ("   ", ""))

# A variant is a kind plus how it is written; non_iso_date has one variant per non-ISO format.
_TS_VARIANTS: Final = {"non_iso_date": ("ts_day_first", "ts_iso_t")}
_DATE_VARIANTS: Final = {"non_iso_date": ("date_d_m", "date_dd_mm")}
_SLASH_VARIANTS: Final = ("ts_day_first", "date_d_m", "date_dd_mm")
_VARIANT_KIND: Final = {"ts_day_first": "non_iso_date", "ts_iso_t": "non_iso_date"} | {
    v: "non_iso_date" for v in _DATE_VARIANTS["non_iso_date"]
}


@dataclass(frozen=True)
class DirtyColumn:
    """A column as written to SQLite (``stored``) and its truth."""

    stored: list[Cell]
    truth: ColumnTruth


def dirty_column(
    spec: ColumnSpec,
    values: list[TrueValue],
    *,
    level: str,
    rng: random.Random,
    n_tickets: int,
    ambiguous: bool = False,
) -> DirtyColumn:
    """Apply ``level``'s dirt to one column of true values and compute its truth.

    ``ambiguous`` keeps every slash date of the column at day <= 12 (and writes impossible dates in ISO
    form only), so nothing in the column proves its date order.
    """
    kind = spec.intended_type
    is_date = kind in ("date", "timestamp")
    eligible = [i for i, v in enumerate(values) if v is not None]
    cells = _assign(spec, eligible, LEVEL_RATES[level], rng)
    if is_date and cells:
        _enforce_date_order(
            cells, eligible, values, rng, is_timestamp=kind == "timestamp", ambiguous=ambiguous
        )

    stored = _canonical(spec, values, rng, spelled=level != "clean")
    cleaned: list[TrueValue] = list(values)
    for variant, indices in cells.items():
        for i in indices:
            stored[i], cleaned[i] = _render(spec, variant, values[i], stored[i], rng, n_tickets, ambiguous)

    counts = dict.fromkeys(DIRT_KINDS, 0)
    for variant, indices in cells.items():
        counts[_VARIANT_KIND.get(variant, variant)] += len(indices)
    canonical_valid = len(eligible) - sum(counts.values()) + counts["whitespace"]
    formats: dict[str, int] | None = None
    date_order: str | None = None
    if is_date:
        slash = [i for v in _SLASH_VARIANTS for i in cells.get(v, [])]
        if kind == "timestamp":
            formats = {
                TS_CANONICAL: canonical_valid,
                TS_ISO_T_MILLIS: len(cells.get("ts_iso_t", [])),
                TS_DAY_FIRST: len(cells.get("ts_day_first", [])),
            }
        else:
            formats = {DATE_CANONICAL: canonical_valid, DATE_DAY_FIRST: len(slash)}
        if slash:
            proven = any(_day_of_month(values[i], kind == "timestamp") > 12 for i in slash)
            date_order = "day_first" if proven else "ambiguous"
    spellings: dict[str, int] | None = None
    if kind == "boolean":
        invalid = {i for k in ("empty_string", "null_like") for i in cells.get(k, [])}
        seen = Counter(str(stored[i]).strip() for i in eligible if i not in invalid)
        spellings = {s: seen.get(s, 0) for s in BOOLEAN_SPELLINGS}

    truth = ColumnTruth(
        declared_type=spec.declared_type,
        intended_type=kind,
        null=len(values) - len(eligible),
        dirt=counts,
        expected=_expected(spec, cleaned),
        formats=formats,
        date_order=date_order,
        boolean_spellings=spellings,
        foreign_key=spec.foreign_key,
    )
    return DirtyColumn(stored, truth)


def _variants(spec: ColumnSpec, kind: str) -> tuple[str, ...]:
    table = _TS_VARIANTS if spec.intended_type == "timestamp" else _DATE_VARIANTS
    return table.get(kind, (kind,))


def _assign(
    spec: ColumnSpec, eligible: list[int], rates: dict[str, float], rng: random.Random
) -> dict[str, list[int]]:
    """Disjoint cell indices per dirt variant, with exact counts."""
    n = len(eligible)
    counts: dict[str, int] = {}
    remaining = n
    for kind in spec.dirt:
        variants = _variants(spec, kind)
        rate = rates.get(kind, 0.0) / len(variants)
        for variant in variants:
            k = round(rate * n)
            if k == 0 and rate > 0 and n >= MIN_ELIGIBLE_FOR_EVERY_KIND:
                k = 1
            counts[variant] = min(k, remaining)
            remaining -= counts[variant]
    chosen = rng.sample(eligible, n - remaining)
    cells: dict[str, list[int]] = {}
    start = 0
    for variant, k in counts.items():
        if k:
            cells[variant] = sorted(chosen[start : start + k])
            start += k
    return cells


def _day_of_month(value: TrueValue, is_timestamp: bool) -> int:
    assert isinstance(value, int)
    return dates.day_of_month(value // dates.DAY_MS if is_timestamp else value)


def _enforce_date_order(
    cells: dict[str, list[int]],
    eligible: list[int],
    values: list[TrueValue],
    rng: random.Random,
    *,
    is_timestamp: bool,
    ambiguous: bool,
) -> None:
    """Swap slash-date cells with clean ones so the column proves day-first, or proves nothing.

    Day-first columns need one slash value with day > 12; an ambiguous column must have none.
    Swapping keeps every count unchanged. A tiny column without a suitable clean cell is left as is
    (the truth's ``date_order`` is computed from the cells, so it stays exact either way).
    """
    slash = [(v, pos) for v in _SLASH_VARIANTS for pos in range(len(cells.get(v, [])))]
    if not slash:
        return
    dirty = {i for indices in cells.values() for i in indices}

    def day(i: int) -> int:
        return _day_of_month(values[i], is_timestamp)

    if ambiguous:
        wrong = [(v, pos) for v, pos in slash if day(cells[v][pos]) > 12]
        pool = [i for i in eligible if i not in dirty and day(i) <= 12]
    else:
        if any(day(cells[v][pos]) > 12 for v, pos in slash):
            return
        wrong = slash[:1]
        pool = [i for i in eligible if i not in dirty and day(i) > 12]
    for (variant, pos), replacement in zip(wrong, rng.sample(pool, min(len(wrong), len(pool))), strict=False):
        cells[variant][pos] = replacement


def _canonical(spec: ColumnSpec, values: list[TrueValue], rng: random.Random, *, spelled: bool) -> list[Cell]:
    """Every value in its clean stored form (booleans in mixed spellings when ``spelled``)."""
    kind = spec.intended_type
    if kind == "timestamp":
        return list(dates.timestamps_canonical(values))
    if kind == "date":
        return list(dates.dates_canonical(values))
    if kind == "boolean":
        if not spelled:
            return [None if v is None else ("true" if v else "false") for v in values]
        pairs = rng.choices(BOOLEAN_PAIRS, weights=_PAIR_WEIGHTS, k=len(values))
        return [None if v is None else p[0] if v else p[1] for v, p in zip(values, pairs, strict=True)]
    if kind in ("double", "numeric"):
        unit = 10**spec.decimals
        return [None if v is None else int(v) / unit for v in values]
    return list(values)


def _render(
    spec: ColumnSpec,
    variant: str,
    value: TrueValue,
    canonical: Cell,
    rng: random.Random,
    n_tickets: int,
    ambiguous: bool,
) -> tuple[Cell, TrueValue]:
    """One dirty cell: (what is stored, what the cleaned value is; None when cleaning loses it)."""
    if variant == "empty_string":
        return "", None
    if variant == "null_like":
        return rng.choice(NULL_TOKENS), None
    if variant == "unparseable_date":
        return rng.choice(UNPARSEABLE_DATES), None
    if variant == "invalid_number":
        return rng.choice(INVALID_NUMBERS), None
    if variant == "whitespace":
        text = str(canonical)
        if text in ("1", "0"):  # SQLite's NUMERIC affinity would turn ' 1' back into the integer 1
            text = "Yes" if text == "1" else "No"
        left, right = rng.choice(_PADS)
        return f"{left}{text}{right}", value
    if variant == "nul_byte":
        assert isinstance(value, str) and len(value) >= 2
        pos = 1 + rng.randrange(len(value) - 1)  # inside, so trimming cannot remove it
        return f"{value[:pos]}\x00{value[pos:]}", value
    if variant == "orphan_reference":
        orphan = n_tickets + 1 + rng.randrange(max(10, n_tickets // 10))
        return orphan, orphan
    assert isinstance(value, int)
    if variant == "comma_decimal":
        unit = 10**spec.decimals
        return f"{value // unit},{value % unit:0{spec.decimals}d}", value
    if variant == "ts_day_first":
        return dates.timestamp_day_first(value), value - value % 60_000
    if variant == "ts_iso_t":
        with_millis = value + rng.randrange(1000)
        return dates.timestamp_iso_t_millis(with_millis), with_millis
    if variant in ("date_d_m", "date_dd_mm"):
        return dates.date_day_first(value, padded=variant == "date_dd_mm"), value
    if variant == "impossible_date":
        return _impossible(spec, value, rng, iso_only=ambiguous), None
    raise AssertionError(f"unknown dirt variant {variant!r}")


def _impossible(spec: ColumnSpec, value: int, rng: random.Random, *, iso_only: bool) -> str:
    """A date of the right shape that does not exist (31/02, 29/02/2025, ...), keeping the time."""
    day, month = rng.choice(dates.IMPOSSIBLE_DAY_MONTHS)
    slash = not iso_only and rng.random() < 0.5
    if spec.intended_type == "date":
        return f"{day}/{month}/2025" if slash else f"2025-{month:02d}-{day:02d}"
    clock = dates.clock_iso()[value // 1000 % 86_400]
    if slash:
        return f"{day:02d}/{month:02d}/2025 {int(clock[:2])}:{clock[3:5]}"
    return f"2025-{month:02d}-{day:02d} {clock}"


def _expected(spec: ColumnSpec, cleaned: list[TrueValue]) -> dict[str, Scalar]:
    """Statistics of the cleaned column (see :mod:`.truth` for what each field means)."""
    kind = spec.intended_type
    survivors = [v for v in cleaned if v is not None]
    out: dict[str, Scalar] = {"non_null": len(survivors), "min": None, "max": None}
    if kind == "text":
        out["sum"] = None
        return out
    if kind == "boolean":
        out["true_count"] = sum(1 for v in survivors if v is True)
        return out
    numbers = [int(v) for v in survivors]
    if not numbers:
        out["sum"] = None
        return out
    low, high = min(numbers), max(numbers)
    if kind in ("date", "timestamp"):
        out.update(
            min=dates.iso_text(low, is_timestamp=kind == "timestamp"),
            max=dates.iso_text(high, is_timestamp=kind == "timestamp"),
            sum=None,
        )
    elif kind == "integer":
        out.update(min=low, max=high, sum=sum(numbers))
    else:
        unit = 10**spec.decimals
        out.update(min=low / unit, max=high / unit, sum=round(sum(numbers) / unit, 6))
    return out
