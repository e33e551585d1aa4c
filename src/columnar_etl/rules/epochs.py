"""The rules' counts of time since an epoch: Unix seconds, milliseconds, microseconds and nanoseconds,
Windows FILETIME and .NET ticks, Julian and epoch days, and the far-future stand-ins for no end."""

from __future__ import annotations

#: Integer columns whose every value lies in one of these ranges are epoch timestamps (2001-09-09 to
#: 2033-05-18), in seconds, milliseconds or microseconds (Trac's times, Firefox's PRTime; a timestamptz
#: holds every microsecond). WebKit's microseconds since 1601 (13360000000000000) lie above them.
EPOCH_SECONDS = (1_000_000_000, 2_000_000_000)


EPOCH_MILLIS = (1_000_000_000_000, 2_000_000_000_000)


EPOCH_MICROS = (1_000_000_000_000_000, 2_000_000_000_000_000)


#: The same window in nanoseconds (a shell history's ``timestamp``, Go's ``UnixNano``): moments a
#: timestamptz would round to the microsecond, so never read as instants; a note gives the expression.
EPOCH_NANOS = (1_000_000_000_000_000_000, 2_000_000_000_000_000_000)


#: Windows' FILETIME (``ArrivalTime`` of its notification database, Active Directory's ``lastLogon``, .NET's
#: ``ToFileTimeUtc()``): 100-nanosecond ticks since 1601-01-01 UTC, the same window (2001-09-09 to
#: 2033-05-18) in those ticks. Finer than a timestamptz holds, so never read: a note gives the instant.
#: As Unix nanoseconds they would be instants of 1974-1975, which the declared types' rule would claim.
FILETIME_TICKS = (126_444_736_000_000_000, 136_444_736_000_000_000)


#: FILETIME's ticks at the Unix epoch (1970-01-01 00:00:00 UTC), and how many make a second.
FILETIME_UNIX_EPOCH = 116_444_736_000_000_000


FILETIME_PER_SECOND = 10_000_000


#: .NET's ``DateTime.Ticks`` (a backup tool's file times, Duplicati's ``FilesetEntry.Lastmodified`` of
#: ``ToUniversalTime().Ticks``): 100-nanosecond ticks since 0001-01-01, the same window (2001-09-09 to
#: 2033-05-18) in those ticks, far from FILETIME's and from Unix nanoseconds'. Finer than a timestamptz
#: holds, so never read: a note gives the instant. As Unix nanoseconds they would be instants of 1990.
DOTNET_TICKS = (631_355_968_000_000_000, 641_355_968_000_000_000)


#: ``DateTime.Ticks`` at the Unix epoch (1970-01-01 00:00:00 UTC); a second is FILETIME's ten million.
DOTNET_UNIX_EPOCH = 621_355_968_000_000_000


#: The scale of each epoch unit: how many of it make a second.
EPOCH_PER_SECOND = {"seconds": 1, "milliseconds": 1_000, "microseconds": 1_000_000}


#: Far-future instants applications write in an epoch integer column for "never" / "no end", by the
#: unit they are written in: .NET's ``DateTime.MaxValue`` (9999-12-31 23:59:59.9999999 UTC) as Unix
#: seconds, milliseconds and microseconds, truncated or at its whole second; the day 9999-12-31 at
#: midnight, the warehouse's open end; and the largest 32-bit ``time_t`` (2038-01-19 03:14:07 UTC), a
#: C or PHP program's "never expires". Beside at least two other integers that are epoch instants of
#: the same unit, they are that unit's instants too, read exactly (a timestamptz holds 9999-12-31);
#: one of another unit is an ordinary value (a seconds stand-in among milliseconds is 1978).
EPOCH_OPEN_ENDS: dict[int, str] = {
    253_402_300_799: "seconds",
    253_402_214_400: "seconds",
    2_147_483_647: "seconds",
    253_402_300_799_999: "milliseconds",
    253_402_300_799_000: "milliseconds",
    253_402_214_400_000: "milliseconds",
    253_402_300_799_999_999: "microseconds",
    253_402_300_799_000_000: "microseconds",
    253_402_214_400_000_000: "microseconds",
}


#: A column declared a date or timestamp says its integers are moments: the unit is the one in which every
#: value lies from 1900-01-01 to 2100-01-01 (exclusive; epoch seconds, negative before 1970: a JDBC
#: driver's milliseconds of birth dates of 1950) and not every value within 1969-1970
#: (:data:`NEAR_EPOCH_SECONDS`), whatever its digits.
DECLARED_EPOCH_SECONDS = (-2_208_988_800, 4_102_444_800)


#: 1969-01-01 to 1971-01-01 (exclusive) in epoch seconds: where a coarser unit's values land when read in
#: a finer one (1.2e12 milliseconds read as microseconds are 14 days after 1970), and where days since 1970
#: land in every unit.
NEAR_EPOCH_SECONDS = (-31_536_000, 31_536_000)


#: Numbers SQLite's ``julianday()`` returns for the years 1000 to 9999 (days since noon, 24 November 4714
#: BC): a date/time column's numbers in this range, beside its date text, are moments written two ways.
JULIAN_DAYS = (2_086_307.5, 5_373_484.5)


#: Integers of a column declared DATE in this range count days since 1970-01-01 (1900-01-01 to
#: 2069-12-31), as R's RSQLite writes a Date with ``extended_types = TRUE``; unless every one also lies
#: in :data:`YEARS`: a year written into a DATE column (1990) is no day of 1975. It stops short of a
#: spreadsheet's serial days (since 1899-12-30: 36,526 is 2000-01-01), which would read as 2070 on.
EPOCH_DAYS = (-25_567, 36_524)


YEARS = (1_800, 2_200)


def epoch_units(low: int, high: int) -> list[str]:
    """The units (``seconds``, ``milliseconds``, ``microseconds``) in which integers from ``low`` to
    ``high`` (the profile's bounds: no scan of their own) are moments of a column declared a date or
    timestamp (:data:`DECLARED_EPOCH_SECONDS`, :data:`NEAR_EPOCH_SECONDS`): one names the unit, none or
    several name none."""
    return [unit for unit, scale in EPOCH_PER_SECOND.items() if declared_epoch_fits(low, high, scale)]


def declared_epoch_fits(low: int, high: int, per_second: int) -> bool:
    """Are integers from ``low`` to ``high`` moments of a column declared a date or timestamp when
    counted in a unit of which ``per_second`` make a second: every one within
    :data:`DECLARED_EPOCH_SECONDS`, not every one within :data:`NEAR_EPOCH_SECONDS`, and the largest
    not near the epoch where the next coarser unit (a thousand times fewer a second) reads it as a
    moment away from it? Those are a coarser unit's values read in this one, beside a value far before
    them (Go's and .NET's zero time, 0001-01-01, as Unix seconds: -62135596800, 1968 as milliseconds):
    until 2026-12-06 a feed reader's publication dates of 2024 in Unix seconds beside one such value
    were read as milliseconds, every one an instant of January 1970."""
    first, end = DECLARED_EPOCH_SECONDS
    near_first, near_end = NEAR_EPOCH_SECONDS
    if not (first * per_second <= low and high < end * per_second):
        return False
    if near_first * per_second <= low and high < near_end * per_second:
        return False
    coarser = per_second // 1_000
    return not (
        coarser
        and near_first * per_second <= high < near_end * per_second
        and first * coarser <= high < end * coarser
        and not near_first * coarser <= high < near_end * coarser
    )


#: Integers applications write in a moment column for "no date" or "never", besides ``0`` and ``-1``
#: (their own rule) and the far-future ends of :data:`EPOCH_OPEN_ENDS` read as instants: ``1``, what
#: MantisBT's ``date_get_null()`` writes in its Unix-seconds columns for no due date; the DOS (FAT)
#: epoch 1980-01-01 00:00, in Unix seconds or milliseconds, at UTC or as a local clock of UTC-12:00 to
#: UTC+14:00 converted (:data:`DOS_EPOCH_SECONDS` less the zone's offset, on a quarter hour: 315529200 at
#: UTC+01:00, a sync engine's "no date"); the largest 32-bit integer (``2147483647``; in seconds an open
#: end, read as 2038-01-19); and every integer whose high 32 bits are ``0x7FFFFFFF``, the largest 64-bit
#: one (``9223372036854775807``) among them, Windows' "never" (Active Directory's ``accountExpires``,
#: FILETIME's largest). Only a value that stands out from the column's other integers is one
#: (:func:`~columnar_etl.profiling.no_date_numbers.epoch_beside_stand_ins`): kept as written, a note
#: counting it.
NO_DATE_ONE = 1
DOS_EPOCH_SECONDS = 315_532_800
#: The offsets from UTC, in seconds, of the local clocks whose 1980-01-01 00:00 is a DOS epoch.
DOS_EPOCH_OFFSETS = (-12 * 3_600, 14 * 3_600)
#: The grid of those offsets, in seconds (a quarter hour: UTC+05:45, UTC+08:45).
DOS_EPOCH_OFFSET_GRID = 900
INT32_MAX = 2_147_483_647
#: The least integer whose high 32 bits are 0x7FFFFFFF (FILETIME's ``dwHighDateTime`` of "never").
NEVER_HIGH_PART = 0x7FFF_FFFF_0000_0000
INT64_MAX = 0x7FFF_FFFF_FFFF_FFFF
#: The epoch units a DOS epoch is written in (how many of it make a second).
DOS_EPOCH_UNITS = {"seconds": 1, "milliseconds": 1_000}


def dos_epoch_offset(value: int, per_second: int) -> int | None:
    """The UTC offset, in seconds, of the local clock whose 1980-01-01 00:00 ``value`` is in a unit
    of which ``per_second`` make a second (0: the DOS epoch at UTC), or None."""
    if value % per_second:
        return None
    offset = DOS_EPOCH_SECONDS - value // per_second
    first, last = DOS_EPOCH_OFFSETS
    return offset if first <= offset <= last and offset % DOS_EPOCH_OFFSET_GRID == 0 else None


def no_date_stand_in(value: int) -> tuple[str, str | None] | None:
    """What ``value`` is as a stand-in for no date or never (``the DOS epoch``, ``the largest 64-bit
    integer``) and the epoch unit it is one in (None: any), or None: :data:`NO_DATE_ONE` and the values
    :data:`DOS_EPOCH_SECONDS`, :data:`INT32_MAX` and :data:`NEVER_HIGH_PART` name."""
    if value == NO_DATE_ONE:
        return "", None
    if value == INT32_MAX:
        return "the largest 32-bit integer", None
    if NEVER_HIGH_PART <= value <= INT64_MAX:
        what = "the largest 64-bit integer" if value == INT64_MAX else "a high part of 0x7FFFFFFF"
        return what, None
    for unit, per_second in DOS_EPOCH_UNITS.items():
        offset = dos_epoch_offset(value, per_second)
        if offset is not None:
            hours, minutes = divmod(abs(offset) // 60, 60)
            zone = f", 1980-01-01 00:00 at UTC{'+' if offset >= 0 else '-'}{hours:02d}:{minutes:02d}"
            return f"the DOS epoch{zone if offset else ''}", unit
    return None
