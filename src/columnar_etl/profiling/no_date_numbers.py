"""Epoch integers beside numbers that stand for no date or never: ``0`` and ``-1``
(:func:`epoch_beside_zeros`), MantisBT's ``1``, the DOS epoch and the largest 32- and 64-bit integers
(:func:`epoch_beside_stand_ins`, :func:`only_stand_ins`). The unit is judged on the other integers, by
the rules of :mod:`.epochs`: a stand-in never decides it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from columnar_etl.models import InferredType
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.epoch_aggregates import MIN_POSITIVE_INTEGER, STAND_IN_CELLS
from columnar_etl.profiling.epochs import (
    EPOCH_UNITS,
    FINER_PHRASE,
    TICK_COUNTS,
    MomentNumbers,
    MomentUnit,
    epoch_nanoseconds,
    epoch_reading,
    windows_filetime,
)
from columnar_etl.profiling.number_reading import Counts
from columnar_etl.profiling.profile_codes import Flag
from columnar_etl.rules import Shape
from columnar_etl.rules.epochs import (
    DOTNET_UNIX_EPOCH,
    FILETIME_PER_SECOND,
    FILETIME_UNIX_EPOCH,
    INT32_MAX,
    no_date_stand_in,
)
from columnar_etl.source.tables import SourceColumn


def epoch_beside_zeros(
    column: SourceColumn, family: InferredType | None, counts: Counts
) -> MomentNumbers | None:
    """Integers that are epoch instants of one unit by :func:`epoch_reading`'s rules save ``0`` for
    "no date" (Trac's version ``time``: microseconds, 0 for a version never released), judged on
    the bounds of the integers other than 0 (:func:`.folded_figures._bounds_beside_zeros`), or None
    (a ``1`` among them, or none but 0). Since 2026-12-05 ``-1`` too, alone or beside 0 (a messenger's,
    a music player's ``lastplayed`` never made), judged on the integers above 0
    (:data:`.epoch_aggregates.MIN_POSITIVE_INTEGER`); another negative beside them is none. Nanoseconds too,
    by :func:`epoch_nanoseconds`' rules (a to-do cache's list
    ``mtime``, its colour file's ``st_mtime_ns`` or 0 for none: until 2026-12-05 no note at all)."""
    low, high = counts.agg.get("min_beside_zeros"), counts.agg.get("max_beside_zeros")
    no_dates: tuple[int, ...] = (0,)
    positive = counts.agg.get(MIN_POSITIVE_INTEGER)
    if (
        low is None
        and counts["min_integer"] == -1
        and positive is not None
        and not counts.flag(Flag.ZERO_ONE)
    ):
        # -1 for "no date" beside the moments, and no 0 or 1 (a WhatsApp message's, a player's last
        # play never made): judged on the integers above 0, as beside 0.
        low, high, no_dates = positive, counts["max_integer"], (-1,)
    elif low is not None and int(low) == -1 and positive is not None:
        low, no_dates = positive, (0, -1)  # both, 0 and -1
    if low is None or high is None:
        return None
    said = " and ".join(str(value) for value in no_dates)
    unit = epoch_reading(column, family, counts, bounds=(int(low), int(high)))
    if unit is None and (ticks := windows_filetime(column, family, counts, bounds=(int(low), int(high)))):
        phrase = next(words for _, words, unit in TICK_COUNTS if unit == ticks.unit)
        return MomentNumbers(f"{phrase}, {said} for no date, {FINER_PHRASE}", ticks.unit, no_dates)
    if unit is None:
        # A 1 beside the 0s is no nanosecond of 1970 (a flag's): the coarser units' window has no room
        # for it, a declared type's years from 1900 have.
        if int(low) <= 1 or epoch_nanoseconds(column, family, counts, bounds=(int(low), int(high))) is None:
            return None
        return MomentNumbers(
            f"integers are nanoseconds since 1970-01-01 UTC, {said} for no date, finer than a "
            "timestamptz's microseconds",
            MomentUnit.EPOCH_NANOSECONDS,
            no_dates=no_dates,
        )
    return MomentNumbers(
        f"integers are {unit} since 1970-01-01 UTC, {said} for no date", EPOCH_UNITS[unit], no_dates=no_dates
    )


#: How far, in seconds, a stand-in for no date or never lies from the column's other moments at the
#: least (:func:`epoch_beside_stand_ins`): a year, so a birth date's 1980-01-01 among days of 1979 is one
#: of them.
STAND_IN_GAP_SECONDS = 365 * 86_400
#: How many of each unit :func:`epoch_beside_stand_ins` reads make a second.
_PER_SECOND = {
    MomentUnit.EPOCH_SECONDS: 1,
    MomentUnit.EPOCH_MILLISECONDS: 1_000,
    MomentUnit.EPOCH_MICROSECONDS: 1_000_000,
    MomentUnit.EPOCH_NANOSECONDS: 1_000_000_000,
    MomentUnit.FILETIME: FILETIME_PER_SECOND,
    MomentUnit.DOTNET_TICKS: FILETIME_PER_SECOND,
}
#: The instant each of :data:`_PER_SECOND`'s units counts from, in that unit (0: the Unix epoch).
_UNIX_EPOCH_AT = {MomentUnit.FILETIME: FILETIME_UNIX_EPOCH, MomentUnit.DOTNET_TICKS: DOTNET_UNIX_EPOCH}


@dataclass(frozen=True)
class StandIns:
    """The stand-ins for no date or never beside a column's moments (:func:`epoch_beside_stand_ins`):
    what the others are (``moments``, the stand-ins its ``no_dates``) and each stand-in's cells."""

    moments: MomentNumbers
    cells: dict[int, int]
    #: The others are finer than a timestamptz holds (nanoseconds, ticks): the phrase says so.
    finer: bool = False

    @property
    def phrase(self) -> str:
        """What the integers are, the stand-ins said: ``integers are seconds since 1970-01-01 UTC, 1 for
        no date (4 values, 1970-01-01 00:00:01 UTC)``."""
        return f"{self.moments.phrase}, {self.said()}" + (f", {FINER_PHRASE}" if self.finer else "")

    def said(self) -> str:
        """Each stand-in with its cells and what it is, the most first: ``1 for no date (4 values,
        1970-01-01 00:00:01 UTC)``; ``9223372036854775807 for never (2 values, the largest 64-bit
        integer)``."""
        per_second, since = _PER_SECOND[self.moments.unit], _UNIX_EPOCH_AT.get(self.moments.unit, 0)
        said = []
        for value, cells in sorted(self.cells.items(), key=lambda cell: (-cell[1], cell[0])):
            what, _ = no_date_stand_in(value) or ("", None)
            instant = moment_text(value - since, per_second)
            words = [f"{cells:,} {'values' if cells > 1 else 'value'}"]
            words += [f"{instant} UTC"] if instant else []
            words += [what] if what else []
            never = value >= INT32_MAX
            said.append(f"{value} for {'never' if never else 'no date'} ({', '.join(words)})")
        return " and ".join(said)


def moment_text(ticks: int, per_second: int) -> str | None:
    """The instant ``ticks`` after 1970-01-01 UTC, of which ``per_second`` make a second, as text
    (``1970-01-01 00:00:01``, a fraction only where it has one), or None past 9999-12-31."""
    whole, fraction = divmod(ticks, per_second)
    if not -62_135_596_800 <= whole < 253_402_300_800:
        return None
    moment = datetime(1970, 1, 1) + timedelta(seconds=whole)
    text = f"{moment:%Y-%m-%d %H:%M:%S}"
    if fraction:
        digits = len(str(per_second)) - 1
        text += f".{fraction:0{digits}d}".rstrip("0")
    return text


def epoch_beside_stand_ins(
    column: SourceColumn, family: InferredType | None, counts: Counts, *, keyed: bool = False
) -> StandIns | None:
    """The stand-ins for no date or never (:func:`~columnar_etl.rules.epochs.no_date_stand_in`: MantisBT's
    ``1`` for no due date, the DOS epoch, the largest 32- and 64-bit integers) beside a column's moments,
    or None. The unit is judged on the integers other than the stand-ins (the profile query's
    ``min_beside_stand_ins``, ``max_beside_stand_ins`` and their duration grid), by
    :func:`epoch_reading`'s rules, else as Windows FILETIME or .NET ticks, else as nanoseconds: a
    stand-in never decides it. Each stand-in must be one of that unit (a DOS epoch in seconds among
    milliseconds is none) and stand out from the others, :data:`STAND_IN_GAP_SECONDS` before the
    earliest or after the latest (never a value inside their spread: 1980-01-01 among birth dates of
    1950 to 1990 is one of them). Plain integers alone, not a key of one column."""
    cells: dict[int, int] = counts.agg.get(STAND_IN_CELLS) or {}
    low, high = counts.agg.get("min_beside_stand_ins"), counts.agg.get("max_beside_stand_ins")
    if not cells or low is None or high is None or counts.numbers() != counts.shape(Shape.INTEGER):
        return None
    if column.primary_key and not column.composite_key and not keyed:
        return None
    bounds = (int(low), int(high))
    moments: MomentNumbers | None = None
    if unit := epoch_reading(column, family, counts, keyed=keyed, bounds=bounds, stand_ins=True):
        moments = MomentNumbers(f"integers are {unit} since 1970-01-01 UTC", EPOCH_UNITS[unit])
    elif ticks := windows_filetime(column, family, counts, bounds=bounds):
        phrase = next(words for _, words, unit in TICK_COUNTS if unit == ticks.unit)
        moments = MomentNumbers(phrase, ticks.unit)
    elif epoch_nanoseconds(column, family, counts, bounds=bounds):
        moments = MomentNumbers("integers are nanoseconds since 1970-01-01 UTC", MomentUnit.EPOCH_NANOSECONDS)
    if moments is None:
        return None
    finer = moments.unit not in EPOCH_UNITS.values()
    gap = STAND_IN_GAP_SECONDS * _PER_SECOND[moments.unit]
    for value in cells:
        _, own_unit = no_date_stand_in(value) or ("", None)
        if own_unit is not None and EPOCH_UNITS.get(own_unit) != moments.unit:
            return None
        if bounds[0] - gap < value < bounds[1] + gap:
            return None
    return StandIns(replace(moments, no_dates=tuple(sorted(cells))), dict(cells), finer)


def only_stand_ins(column: SourceColumn, counts: Counts) -> str | None:
    """The note of a column whose integers, under a name saying they hold a time or a declared date
    or timestamp, are stand-ins for no date or never alone (MantisBT's ``due_date`` of 1s where no bug
    has a due date yet): no unit to read them in, so kept as written, the note saying what they are and
    the ``NULLIF`` a reader writes; or None."""
    cells: dict[int, int] = counts.agg.get(STAND_IN_CELLS) or {}
    if not cells or counts.agg.get("min_beside_stand_ins") is not None:
        return None
    if counts.numbers() != counts.shape(Shape.INTEGER) or sum(cells.values()) != counts.integers():
        return None
    said, expression = [], quote_ident(column.name)
    for value, found in sorted(cells.items(), key=lambda cell: (-cell[1], cell[0])):
        what, _ = no_date_stand_in(value) or ("", None)
        said.append(f"{value} ({found:,} {'values' if found > 1 else 'value'}{f', {what}' if what else ''})")
    for value in sorted(cells):
        expression = f"NULLIF({expression}, {value})"
    return (
        f"every value is one applications write for no date or never, {' and '.join(said)}: kept as "
        f"written; the value or NULL is {expression}"
    )
