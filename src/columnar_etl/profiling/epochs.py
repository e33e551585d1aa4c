"""Integers that count time: epoch units, open ends, Julian days, Windows FILETIME and .NET ticks."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from columnar_etl.models import (
    DATE_TYPES,
    DateOrder,
    InferredType,
)
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.date_names import DATE_WORDS, date_like_name
from columnar_etl.profiling.epoch_aggregates import (
    DAY_PART_UNITS,
    DURATION_PART_UNITS,
    OPEN_END_CELLS,
)
from columnar_etl.profiling.lossless import exact_integer_bounds
from columnar_etl.profiling.number_reading import Counts
from columnar_etl.profiling.profile_codes import WALL_CLOCK_SHAPES, Flag
from columnar_etl.rules import Shape
from columnar_etl.rules.dates import GREGORIAN_FIRST_DAY, OTHER_CALENDARS_FROM_YEAR
from columnar_etl.rules.epochs import (
    DOTNET_TICKS,
    DOTNET_UNIX_EPOCH,
    EPOCH_DAYS,
    EPOCH_MICROS,
    EPOCH_MILLIS,
    EPOCH_NANOS,
    EPOCH_OPEN_ENDS,
    EPOCH_SECONDS,
    FILETIME_PER_SECOND,
    FILETIME_TICKS,
    FILETIME_UNIX_EPOCH,
    JULIAN_DAYS,
    NEAR_EPOCH_SECONDS,
    YEARS,
    declared_epoch_fits,
    epoch_units,
)
from columnar_etl.source.tables import SourceColumn

#: Words of a span's bound or a deadline (``event_start``, ``event_end``, ``todo_due``): an offset or an
#: amount as often as a moment (a block's ``start`` at 1.5 GB, ``amount_due`` in cents), so a moment only
#: where the integers are epoch microseconds of 2001 to 2033 (:func:`epoch_reading`), as no offset in
#: bytes (a petabyte) or amount in cents (ten trillion) is: Thunderbird's calendar keeps each event's
#: ``event_start`` and ``event_end`` as PRTime microseconds, which stayed bigint beside its
#: ``event_stamp`` read as instants until 2026-12-06.
_SPAN_BOUND_WORDS = frozenset({"start", "end", "due"})


def before_the_gregorian_calendar(counts: Counts) -> bool:
    """Every date the column holds, in either day/month order, lies before the Gregorian calendar, the
    latest in a year of another calendar's dates (:data:`OTHER_CALENDARS_FROM_YEAR` on)."""
    highs = [counts[f"max_{order}"] for order in ("day_first", "month_first")]
    found = [(high.year, high.month, high.day) for high in highs if isinstance(high, date)]
    # Only 0001-01-01 placeholders (a DATE column nobody filled) are no other calendar's: a date column.
    return bool(found) and all(
        (OTHER_CALENDARS_FROM_YEAR, 1, 1) <= high < GREGORIAN_FIRST_DAY for high in found
    )


def date_bounds(counts: Counts, reading: DateOrder, inferred: InferredType) -> tuple[Any, Any]:
    suffix = "month_first" if reading == "month_first" else "day_first"
    low, high = counts[f"min_{suffix}"], counts[f"max_{suffix}"]
    if inferred == "date":
        return _as_date(low), _as_date(high)
    return low, high


#: The Unix epoch as date text writes it (0 as a moment): Request Tracker's Told / Due / Resolved "not
#: set", a MySQL dump's DATETIME of 0. The earliest of a column whose values reach
#: :data:`EPOCH_STAND_IN_SPAN` years beyond it is a stand-in for "no date" more likely than a moment.
_EPOCH = datetime(1970, 1, 1)
EPOCH_STAND_IN_SPAN = 10


def epoch_for_no_date(name: str, inferred: InferredType, minimum: Any, maximum: Any) -> str | None:
    """The note of a date or timestamp column whose earliest value is the Unix epoch, at midnight, and
    whose latest is :data:`EPOCH_STAND_IN_SPAN` years or more later (or the epoch too: never set):
    kept as written (no rule makes a value NULL for what it may stand for), with the ``NULLIF`` a
    reader writes for "no date"; or None."""
    if not isinstance(minimum, date) or not isinstance(maximum, date):
        return None
    low = minimum
    if isinstance(low, datetime) and low.tzinfo is not None:
        low = low.astimezone(UTC).replace(tzinfo=None)
    epoch: date = _EPOCH if isinstance(low, datetime) else _EPOCH.date()
    if low != epoch or (maximum != minimum and maximum.year < epoch.year + EPOCH_STAND_IN_SPAN):
        return None
    written = {"date": "1970-01-01", "timestamp": "1970-01-01 00:00:00"}.get(
        inferred, "1970-01-01 00:00:00+00"
    )
    literal = {"date": "DATE", "timestamp": "TIMESTAMP"}.get(inferred, "TIMESTAMPTZ")
    return (
        f"the earliest value is {written}, the Unix epoch, which applications write for 0 (no date): "
        f"kept as written; the value or NULL is NULLIF({quote_ident(name)}, {literal} '{written}')"
    )


def some_time_of_day(counts: Counts) -> bool:
    """Some valid wall-clock value of the column is at a time other than midnight (the profile query's
    :attr:`Flag.MIDNIGHT`, no scan of its own)."""
    return any(counts.valid(s, None) > counts.valid(s, None, Flag.MIDNIGHT) for s in WALL_CLOCK_SHAPES)


def durations_since_epoch(name: str, minimum: Any, maximum: Any) -> str | None:
    """The note of a timestamp column (of wall-clock text, some value at a time of day) whose every
    value lies within a year of the Unix epoch (:data:`~columnar_etl.rules.epochs.NEAR_EPOCH_SECONDS`), not
    all one moment: durations written as moments since it, as SQLAlchemy's ``Interval`` writes a
    ``timedelta`` on SQLite (15 minutes as ``1970-01-01 00:15:00.000000``, a day and an hour back as
    ``1969-12-30 23:00:00.000000``), more likely than moments of 1969-1970 (days of those years, at
    midnight, are days: birth dates). Kept as written, with the reader's expression of the duration;
    or None."""
    if not isinstance(minimum, datetime) or not isinstance(maximum, datetime) or maximum == minimum:
        return None
    first, end = NEAR_EPOCH_SECONDS
    if not first <= (minimum - _EPOCH).total_seconds() <= (maximum - _EPOCH).total_seconds() < end:
        return None
    return (
        f"every value lies within a year of the Unix epoch ({minimum:%Y-%m-%d %H:%M:%S} to "
        f"{maximum:%Y-%m-%d %H:%M:%S}): durations written as moments since it (as SQLAlchemy's Interval "
        f"writes one on SQLite) more likely than moments of 1969-1970: kept as written; the duration is "
        f"{quote_ident(name)} - TIMESTAMP '1970-01-01 00:00:00'"
    )


def _as_date(value: Any) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def epoch_reading(
    column: SourceColumn,
    family: InferredType | None,
    counts: Counts,
    *,
    keyed: bool = False,
    bounds: tuple[int, int] | None = None,
    open_ends: bool = False,
    stand_ins: bool = False,
) -> str | None:
    """The unit (``seconds``, ``milliseconds``) in which a column's integers count from the Unix epoch,
    or None (``family``: what its declared type claims). A key of one column is an identifier whatever
    its name and range (``keyed``: not beside date text, see :func:`moment_numbers`); a column of a key
    of several names no row alone (a history keyed by every column: its moments are moments, as the
    same column's beside it). Seconds the file's format says count from another epoch (Core Data's
    2001-01-01) are no Unix seconds. A name alone says so of integers from 2001-09-09 to 2033-05-18
    (:func:`_epoch_unit`: their digits name the unit), unless they are seconds each a whole number of
    millions, or milliseconds each a whole number of 60 millions (``max_duration_part``: microseconds of
    whole seconds or minutes, a duration); a declared date or
    timestamp type of integers of any year from 1900 to 2099 in the one unit their bounds allow
    (:func:`~columnar_etl.rules.epochs.epoch_units`: a JDBC driver's milliseconds of birth dates of 1950,
    negative), none of them 0 or 1 ("no date").
    ``bounds``: the integers' other than 0 (:func:`.no_date_numbers.epoch_beside_zeros`), in place of the
    column's. Beside far-future stand-ins for no end (:func:`epoch_open_ends`), judged on the other integers
    first (``open_ends``: those bounds are theirs, and so is the duration grid); beside stand-ins for no
    date or never likewise (``stand_ins``, :func:`.no_date_numbers.epoch_beside_stand_ins`)."""
    if column.primary_key and not column.composite_key and not keyed:
        return None
    if column.counts_from is not None or counts["min_number"] is None:
        return None
    if bounds is None and (ended := epoch_open_ends(column, family, counts, keyed=keyed)):
        return ended[0]
    if family in DATE_TYPES:
        # The schema says so as well as a name does: Prisma's DateTime is a DATETIME column of epoch
        # milliseconds whatever the field is called (NextAuth's Session.expires, User.emailVerified).
        # Its values, not their digits, name the unit (until 2026-12-04 only 2001 to 2033 were read).
        units = (
            []
            if bounds is None and counts.flag(Flag.ZERO_ONE)
            else epoch_units(*(bounds or exact_integer_bounds(counts)))
        )
        return units[0] if len(units) == 1 else None
    named = date_like_name(column.name)
    if not named and not date_like_name(column.name, DATE_WORDS | _SPAN_BOUND_WORDS):
        return None
    unit = _epoch_unit(*(bounds or exact_integer_bounds(counts)))
    if not named and unit != "microseconds":
        # A start, an end or a due in seconds or milliseconds may be an offset or an amount of such
        # digits (a block's start at 1.5 GB, an amount due in cents): only microseconds say a moment.
        return None
    grid = "_beside_open_ends" if open_ends else "_beside_stand_ins" if stand_ins else ""
    part = counts.agg.get(f"max_duration_part{grid}")
    if part is not None and part <= _DURATION_PART.get(unit or "", -1):
        # Microseconds of whole seconds read as epoch seconds, or of whole minutes read as epoch
        # milliseconds, would be instants on a grid of 11.6 days or 16.7 hours, which no clock records:
        # a duration (django-helpdesk's dedicated_time, a DurationField of 20 to 30 minutes or of 300
        # to 450 hours: until 2026-12-05 instants of 2008 to 2027, or of 2004 to 2021).
        return None
    return unit


def epoch_open_ends(
    column: SourceColumn, family: InferredType | None, counts: Counts, *, keyed: bool = False
) -> tuple[str, dict[int, int]] | None:
    """The unit of a column's epoch integers beside far-future stand-ins for no end, and the cells of
    each stand-in (:data:`~columnar_etl.rules.epochs.EPOCH_OPEN_ENDS`: .NET's ``DateTime.MaxValue``,
    9999-12-31, the 32-bit ``time_t``'s 2038-01-19), or None. The unit is judged by
    :func:`epoch_reading`'s rules on the integers other than the stand-ins (at least two distinct ones:
    the column's least, ``max_beside_open_ends``, and their duration grid), and every stand-in the
    column holds must be one of that unit (a seconds one among milliseconds is an ordinary value of
    1978: the column is judged as before). Plain integers alone (a grouped number's bound is no
    integer's), none of them 0 or 1 ("no date", :func:`.no_date_numbers.epoch_beside_zeros`)."""
    ends: dict[int, int] = counts.agg.get(OPEN_END_CELLS) or {}
    high, low = counts.agg.get("max_beside_open_ends"), counts.agg.get("min_integer")
    if not ends or high is None or low is None or int(low) >= int(high):
        return None
    if counts.flag(Flag.ZERO_ONE) or counts.numbers() != counts.shape(Shape.INTEGER):
        return None
    unit = epoch_reading(column, family, counts, keyed=keyed, bounds=(int(low), int(high)), open_ends=True)
    if unit is None or any(EPOCH_OPEN_ENDS[value] != unit for value in ends):
        return None
    return unit, ends


#: The coarsest span (``max_duration_part``,
#: :data:`~columnar_etl.profiling.epoch_aggregates.DURATION_PART_UNITS`) whose microseconds read in an epoch
#: unit name no instants: whole seconds read as epoch seconds, whole minutes read as epoch milliseconds (the
#: finer grid of 1,000 seconds holds midnights and hours too).
_DURATION_PART = {
    "seconds": DURATION_PART_UNITS.index("seconds"),
    "milliseconds": DURATION_PART_UNITS.index("minutes"),
}


def whole_days(family: InferredType | None, epoch: str, counts: Counts) -> bool:
    """A column declared a date (no time of day) whose integers, epoch ``epoch``, are each a whole
    number of days (``max_day_part``, :func:`~columnar_etl.profiling.epoch_aggregates.day_part_sql`): midnight
    UTC."""
    part = counts.agg.get("max_day_part")
    return family == "date" and part is not None and part <= DAY_PART_UNITS.index(epoch)


class MomentUnit(Enum):
    """What a column's numbers count as moments (:func:`moment_numbers`): the key of the PostgreSQL
    expression giving the instant (:func:`moment_expression`), never the phrase saying so."""

    EPOCH_SECONDS = "seconds"
    EPOCH_MILLISECONDS = "milliseconds"
    EPOCH_MICROSECONDS = "microseconds"
    #: Finer than a timestamptz holds (:func:`epoch_nanoseconds`): kept as integers, never read.
    EPOCH_NANOSECONDS = "nanoseconds"
    #: Windows' 100-nanosecond ticks since 1601 (:func:`windows_filetime`): integers, never read.
    FILETIME = "FILETIME ticks"
    #: .NET's 100-nanosecond ticks since 0001-01-01 (:func:`windows_filetime`): integers, never read.
    DOTNET_TICKS = ".NET ticks"
    JULIAN_DAYS = "Julian days"
    #: Whole days since 1970-01-01 (:func:`epoch_days`): a date, not an instant.
    EPOCH_DAYS = "days"
    #: Two of SQLite's ways at once (:func:`_epoch_and_julian`): no one expression.
    TWO_WAYS = "two ways"


@dataclass(frozen=True)
class MomentNumbers:
    """What :func:`moment_numbers` says of a column's numbers: ``phrase`` for notes and reasons
    (``numbers are Julian day numbers``), ``unit`` what they count."""

    phrase: str
    unit: MomentUnit
    #: The integers are moments save these, "no date" (``0``, ``-1``;
    #: :func:`.no_date_numbers.epoch_beside_zeros`): NULLIF each in the expression.
    no_dates: tuple[int, ...] = ()

    def __str__(self) -> str:
        return self.phrase


#: The unit each :func:`_epoch_unit` answer names.
EPOCH_UNITS = {
    "seconds": MomentUnit.EPOCH_SECONDS,
    "milliseconds": MomentUnit.EPOCH_MILLISECONDS,
    "microseconds": MomentUnit.EPOCH_MICROSECONDS,
}


def moment_numbers(
    column: SourceColumn, family: InferredType | None, counts: Counts, fractional: int
) -> MomentNumbers | None:
    """What a date/time column's numbers are as moments, as SQLite's documentation lists its ways of
    storing one ("Date And Time Datatype": INTEGER or REAL Unix time, a REAL Julian day number), or
    None: ``integers are epoch seconds``, ``numbers are Julian day numbers`` ... with its unit
    (``fractional``: how many have a fraction). Only a date-like name or a declared date type says the
    numbers are moments at all, as for :func:`epoch_reading`. Beside date text, a declared primary
    key's numbers are moments too (a key of moments written two ways: until 2026-12-03 each value a
    type_mismatch, "not double", which halted a small export's run)."""
    if not fractional:
        unit = epoch_reading(column, family, counts, keyed=True)
        return MomentNumbers(f"integers are epoch {unit}", EPOCH_UNITS[unit]) if unit else None
    if column.counts_from is not None or counts["min_number"] is None:
        return None
    if not (date_like_name(column.name) or family in DATE_TYPES):
        return None
    low, high = float(counts["min_number"]), float(counts["max_number"])
    compact = sum(counts.compact.values())
    if compact and compact == counts.integers() and counts["min_fraction"] is not None:
        # The integers are dates (20240102): the numbers are the fractions (Julian days beside them).
        low, high = float(counts["min_fraction"]), float(counts["max_fraction"])
    if unit := _epoch_unit(math.floor(low), math.ceil(high)):
        return MomentNumbers(f"numbers are epoch {unit}", EPOCH_UNITS[unit])
    if JULIAN_DAYS[0] <= low and high <= JULIAN_DAYS[1]:
        return MomentNumbers("numbers are Julian day numbers", MomentUnit.JULIAN_DAYS)
    two_ways = _epoch_and_julian(counts)
    return MomentNumbers(two_ways, MomentUnit.TWO_WAYS) if two_ways else None


def moment_expression(column: SourceColumn, moments: MomentNumbers | None) -> str | None:
    """The PostgreSQL expression of the instant a column's numbers of one way name (``moments``: what
    :func:`moment_numbers` says of them, keyed on its unit), or None for two ways or none. Julian day
    2440587.5 is the Unix epoch (1970-01-01 00:00 UTC)."""
    name = quote_ident(column.name)
    for no_date in moments.no_dates if moments is not None else ():
        name = f"NULLIF({name}, {no_date})"
    expressions = {
        MomentUnit.EPOCH_SECONDS: f"to_timestamp({name})",
        MomentUnit.EPOCH_MILLISECONDS: f"to_timestamp({name} / 1000.0)",
        MomentUnit.EPOCH_MICROSECONDS: f"to_timestamp({name} / 1000000.0)",
        MomentUnit.EPOCH_NANOSECONDS: f"to_timestamp({name} / 1000000000.0)",
        MomentUnit.FILETIME: f"to_timestamp(({name} - {FILETIME_UNIX_EPOCH}) / {FILETIME_PER_SECOND}.0)",
        MomentUnit.DOTNET_TICKS: f"to_timestamp(({name} - {DOTNET_UNIX_EPOCH}) / {FILETIME_PER_SECOND}.0)",
        MomentUnit.JULIAN_DAYS: f"to_timestamp(({name} - 2440587.5) * 86400)",
        MomentUnit.EPOCH_DAYS: f"DATE '1970-01-01' + {name}::integer",
    }
    return expressions.get(moments.unit) if moments is not None else None


def numbers_two_ways(column: SourceColumn, family: InferredType | None, counts: Counts) -> str | None:
    """A column declared a date or timestamp holding numbers only, of two of SQLite's ways
    (:func:`_epoch_and_julian`), not all of one (Unix seconds with and without a fraction are one
    way: a double, as before)."""
    if family not in DATE_TYPES or column.primary_key or column.counts_from is not None:
        return None
    if counts["min_number"] is None or counts.numbers() == counts.integers():
        return None
    low, high = float(counts["min_number"]), float(counts["max_number"])
    if _epoch_unit(math.floor(low), math.ceil(high)) or (JULIAN_DAYS[0] <= low and high <= JULIAN_DAYS[1]):
        return None
    return _epoch_and_julian(counts)


def _epoch_and_julian(counts: Counts) -> str | None:
    """Numbers of two of SQLite's ways at once: integers of Unix time (``strftime('%s')``, an ORM's
    milliseconds) beside fractions of another way, Julian days (``julianday()``) or Unix seconds
    (``time.time()`` beside milliseconds): ``numbers are epoch seconds (the integers) and Julian days
    (the fractions)``, or None. The integers' and the fractions' bounds are each the profile's."""
    bounds: list[Any] = [
        counts.agg.get(key) for key in ("min_integer", "max_integer", "min_fraction", "max_fraction")
    ]
    if not counts.integers() or any(bound is None for bound in bounds):
        return None
    lowest, highest, low, high = int(bounds[0]), int(bounds[1]), float(bounds[2]), float(bounds[3])
    if (unit := _epoch_unit(lowest, highest)) is None:
        return None
    if JULIAN_DAYS[0] <= low and high <= JULIAN_DAYS[1]:
        fractions = "Julian days"
    elif _epoch_unit(math.floor(low), math.ceil(high)) == "seconds" != unit:
        fractions = "epoch seconds"
    else:
        return None
    return f"numbers are epoch {unit} (the integers) and {fractions} (the fractions)"


def epoch_days(column: SourceColumn, family: InferredType | None, counts: Counts) -> MomentNumbers | None:
    """Integers of a column declared DATE that count days since 1970-01-01 (:data:`EPOCH_DAYS`, as R's
    RSQLite binds a Date with ``extended_types = TRUE``), or None: not in a key of one column (an
    identifier), nor when every one could be a year (:data:`YEARS`)."""
    if family != "date" or (column.primary_key and not column.composite_key):
        return None
    if column.counts_from is not None or counts["min_number"] is None:
        return None
    low, high = exact_integer_bounds(counts)
    if not (EPOCH_DAYS[0] <= low and high <= EPOCH_DAYS[1]) or YEARS[0] <= low <= high <= YEARS[1]:
        return None
    return MomentNumbers("integers are days since 1970-01-01", MomentUnit.EPOCH_DAYS)


#: Why integers of a unit finer than a microsecond stay integers (nanoseconds, FILETIME ticks).
FINER_PHRASE = "finer than a timestamptz's microseconds"


def epoch_nanoseconds(
    column: SourceColumn,
    family: InferredType | None,
    counts: Counts,
    bounds: tuple[int, int] | None = None,
) -> MomentNumbers | None:
    """Integers that count nanoseconds since 1970-01-01 UTC (a shell history's ``timestamp`` as atuin
    writes it, Go's ``time.UnixNano()``), or None: in a column whose name says it holds a time, every
    one from 2001-09-09 to 2033-05-18 (:data:`~columnar_etl.rules.epochs.EPOCH_NANOS`, as the coarser units'
    window); in one declared a date or timestamp, every one from 1900 to 2099 and not all within
    1969-1970, none of them 0 or 1 (as :func:`~columnar_etl.rules.epochs.epoch_units` reads the coarser units,
    which are tried first). Not a key of one column (an identifier). A timestamptz holds microseconds:
    reading them would round, so they stay integers and only the note says what they are.
    ``bounds``: the integers' other than 0 (:func:`.no_date_numbers.epoch_beside_zeros`), in place of the
    column's."""
    if column.primary_key and not column.composite_key:
        return None
    if column.counts_from is not None or counts["min_number"] is None:
        return None
    low, high = bounds or exact_integer_bounds(counts)
    per_second = 1_000_000_000
    if family in DATE_TYPES:
        zero_one = bounds is None and counts.flag(Flag.ZERO_ONE)
        moments = not zero_one and declared_epoch_fits(low, high, per_second)
    else:
        moments = date_like_name(column.name) and EPOCH_NANOS[0] <= low and high <= EPOCH_NANOS[1]
    if not moments:
        return None
    return MomentNumbers(
        f"integers are epoch nanoseconds, {FINER_PHRASE}",
        MomentUnit.EPOCH_NANOSECONDS,
    )


#: What a FILETIME note says the integers are.
_FILETIME_PHRASE = "integers are Windows FILETIME, 100-nanosecond ticks since 1601-01-01 UTC"
#: What a .NET ticks note says the integers are.
_DOTNET_PHRASE = "integers are .NET DateTime ticks, 100-nanosecond ticks since 0001-01-01 UTC"
#: Each count of 100-nanosecond ticks: its window, its phrase and its unit.
TICK_COUNTS = (
    (FILETIME_TICKS, _FILETIME_PHRASE, MomentUnit.FILETIME),
    (DOTNET_TICKS, _DOTNET_PHRASE, MomentUnit.DOTNET_TICKS),
)


def windows_filetime(
    column: SourceColumn,
    family: InferredType | None,
    counts: Counts,
    bounds: tuple[int, int] | None = None,
) -> MomentNumbers | None:
    """Integers that count Windows FILETIME ticks, 100 nanoseconds since 1601-01-01 UTC (Windows'
    notification database's ``ArrivalTime`` and ``ExpiryTime``, Active Directory's ``lastLogon``,
    .NET's ``DateTime.ToFileTimeUtc()``), or None: in a column whose name says it holds a time or
    declared a date or timestamp, every one from 2001-09-09 to 2033-05-18 in those ticks
    (:data:`~columnar_etl.rules.epochs.FILETIME_TICKS`, the coarser units' window). Not a key of one column
    (an identifier). Tried before nanoseconds: a declared type's nanoseconds from 1900 would read them
    as instants of 1974. A timestamptz holds microseconds: reading them would round, so they stay
    integers and only the note says what they are (until 2026-12-06 nothing did, and where a date was
    declared the note read them as epoch nanoseconds). ``bounds``: the integers' other than 0
    (:func:`.no_date_numbers.epoch_beside_zeros`), in place of the column's.

    So, since 2026-12-06, are .NET's ``DateTime.Ticks``, 100 nanoseconds since 0001-01-01
    (:data:`~columnar_etl.rules.epochs.DOTNET_TICKS`, the same window): a backup tool's file times,
    Duplicati's ``FilesetEntry.Lastmodified``, had no note, and where a date was declared one reading them as
    nanoseconds since 1970 (instants of 1990)."""
    if column.primary_key and not column.composite_key:
        return None
    if column.counts_from is not None or counts["min_number"] is None:
        return None
    if not (date_like_name(column.name) or family in DATE_TYPES):
        return None
    low, high = bounds or exact_integer_bounds(counts)
    for (first, last), phrase, unit in TICK_COUNTS:
        if first <= low and high <= last:
            return MomentNumbers(f"{phrase}, {FINER_PHRASE}", unit)
    return None


def _epoch_unit(low: int, high: int) -> str | None:
    if EPOCH_SECONDS[0] <= low and high <= EPOCH_SECONDS[1]:
        return "seconds"
    if EPOCH_MILLIS[0] <= low and high <= EPOCH_MILLIS[1]:
        return "milliseconds"
    if EPOCH_MICROS[0] <= low and high <= EPOCH_MICROS[1]:
        return "microseconds"
    return None
