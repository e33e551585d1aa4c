"""Dates and timestamps as plain integers, and their text forms.

The generator keeps a date as days since 2025-01-01 and a timestamp as milliseconds since
2025-01-01 00:00:00, so whole columns are generated and compared as ints; text is only made when a
value is written. Lookup tables of day and clock strings make formatting a list cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import cache
from typing import Final

EPOCH: Final = date(2025, 1, 1)
DAY_MS: Final = 86_400_000
#: The export covers Q2 2025; follow-up activity may spill a few days into July.
QUARTER_FIRST_DAY: Final = (date(2025, 4, 1) - EPOCH).days
QUARTER_DAYS: Final = (date(2025, 7, 1) - date(2025, 4, 1)).days
_TABLE_DAYS: Final = 420  # covers the quarter plus every offset the generator adds

#: Right shape, no such day (2025 is not a leap year): (day, month).
IMPOSSIBLE_DAY_MONTHS: Final = ((31, 2), (30, 2), (29, 2), (31, 4), (31, 6), (31, 9), (31, 11))


@cache
def day_iso() -> tuple[str, ...]:
    """``YYYY-MM-DD`` for each day number."""
    return tuple((EPOCH + timedelta(days=d)).isoformat() for d in range(_TABLE_DAYS))


@cache
def day_parts() -> tuple[tuple[int, int, int], ...]:
    """``(day, month, year)`` for each day number."""
    days = (EPOCH + timedelta(days=d) for d in range(_TABLE_DAYS))
    return tuple((x.day, x.month, x.year) for x in days)


@cache
def clock_iso() -> tuple[str, ...]:
    """``HH:MM:SS`` for each second of the day."""
    return tuple(f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60))


def timestamps_canonical(values: Sequence[int | bool | str | None]) -> list[str | None]:
    """``YYYY-MM-DD HH:MM:SS`` for each whole-second timestamp (None stays None)."""
    days, clock = day_iso(), clock_iso()
    return [
        None if v is None else f"{days[int(v) // DAY_MS]} {clock[int(v) // 1000 % 86_400]}" for v in values
    ]


def dates_canonical(values: Sequence[int | bool | str | None]) -> list[str | None]:
    """``YYYY-MM-DD`` for each day number (None stays None)."""
    days = day_iso()
    return [None if v is None else days[int(v)] for v in values]


def timestamp_day_first(ms: int) -> str:
    """``DD/MM/YYYY H:MM`` (hour unpadded, seconds dropped), as spreadsheets write it."""
    d, m, y = day_parts()[ms // DAY_MS]
    minute_of_day = ms // 60_000 % 1440
    return f"{d:02d}/{m:02d}/{y} {minute_of_day // 60}:{minute_of_day % 60:02d}"


def timestamp_iso_t_millis(ms: int) -> str:
    """``YYYY-MM-DDTHH:MM:SS.fff``."""
    return f"{day_iso()[ms // DAY_MS]}T{clock_iso()[ms // 1000 % 86_400]}.{ms % 1000:03d}"


def date_day_first(day: int, *, padded: bool) -> str:
    """``DD/MM/YYYY`` when padded, else ``D/M/YYYY``."""
    d, m, y = day_parts()[day]
    return f"{d:02d}/{m:02d}/{y}" if padded else f"{d}/{m}/{y}"


def day_of_month(day: int) -> int:
    """The day-of-month of a day number (the first field of a day-first slash date)."""
    return day_parts()[day][0]


def iso_text(value: int, *, is_timestamp: bool) -> str:
    """The ISO text the truth uses for min/max: ``date.isoformat()`` / ``datetime.isoformat(" ")``.

    A timestamp with milliseconds shows microseconds (``2025-05-20 08:42:00.123000``), as Python does.
    """
    if is_timestamp:
        return (datetime(EPOCH.year, 1, 1) + timedelta(milliseconds=value)).isoformat(sep=" ")
    return (EPOCH + timedelta(days=value)).isoformat()
