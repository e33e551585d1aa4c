"""The rules' dates and times: UTC offsets and zone names, Go's and .NET's time texts, month names, the
canonical texts a target type prints, compact YYYYMMDD integers, the instants' range, the Gregorian
calendar's first day, leap seconds and hour 24, times of day. :mod:`.date_shapes` lists the formats."""

from __future__ import annotations

import re
from dataclasses import dataclass

from columnar_etl.rules import Shape


@dataclass(frozen=True)
class DateShape:
    """A date/time shape: its regex, its strptime format(s) and whether it carries a time of day."""

    shape: Shape
    regex: str
    day_first: str
    month_first: str | None  # None: the format has no day/month ambiguity
    has_time: bool
    lengths: tuple[int, int]  # shortest and longest match in bytes: values of other lengths skip the regex
    #: The separator of its date: ``-`` (ISO, year first, read by DuckDB's ISO cast; or, with a
    #: ``month_first`` reading, day or month first and the year last, read by strptime), ``/`` or ``.``
    #: (read by strptime), ``mon`` for the forms with a month's name (strptime's %b or %B), or
    #: ``basic`` for ISO's basic format (20250520T084200; read by strptime).
    separator: str = "-"

    @property
    def iso(self) -> bool:
        """Year first with dashes: read by DuckDB's ISO cast."""
        return self.separator == "-" and self.month_first is None

    @property
    def zoned(self) -> bool:
        """The shape carries a UTC offset: its values are instants (``timestamptz``), not wall-clock times."""
        return self.shape in ZONED_SHAPES


#: A UTC offset as ISO 8601 / RFC 3339 write it: ``Z``, or a sign and hours (real offsets run from
#: -12 to +14) with optional minutes, with or without a colon. ``%z`` reads them all (the cleaner's
#: chrono as ``%#z``, which also takes the hours alone, as PostgreSQL writes ``+02``).
OFFSET_HOURS = r"[+-](?:0\d|1[0-4])"


#: A fraction of a second PostgreSQL keeps whole: one to six digits, or six then zeros up to the
#: nanosecond (.NET's seven digits, Go's and Java's nine: 08:42:00.1234560 is 08:42:00.123456).
FRACTION_REGEX = r"\.(?:\d{1,6}|\d{6}0{1,3})"


#: A UTC offset in hours, with minutes or not, a colon or not (``+02``, ``+0200``, ``+02:00``).
OFFSET_REGEX = rf"{OFFSET_HOURS}(?::?[0-5]\d)?"


ZONE_REGEX = rf"(?:Z|{OFFSET_REGEX})"


#: What follows the offset in Go's ``time.Time.String()`` (``2024-05-20 16:00:06 +0200 CEST``): the
#: zone's abbreviation as Go's time zone database prints it (``UTC``, ``CEST``, ``ChST``; a zone with
#: no abbreviation prints its offset, ``+03``, ``-0330``), redundant beside the offset before it and
#: never read; then, for a ``time.Now()`` not rounded or stripped, the monotonic clock's reading
#: (`` m=+0.012345678``: seconds since the process started, no part of the instant), dropped.
GO_TIME_TAIL_REGEX = r" (?:[A-Za-z]{2,6}|[+-]\d{2}(?:\d{2})?)(?: m=[+-]\d{1,12}\.\d{9})?"


#: Go's ``±hhmm`` offset and the tail after it (:data:`GO_TIME_TAIL_REGEX`), as its date shape and the
#: finer-than-microseconds text (:data:`FINER_THAN_MICROSECONDS_REGEX`) both end.
GO_OFFSET_AND_TAIL = OFFSET_HOURS + r"[0-5]\d" + GO_TIME_TAIL_REGEX


#: Where Go's text is cut, what is read kept (group 1: the offset, put after the time with no space,
#: as DuckDB's cast reads it; the cleaner puts the space back): the first `` ±hhmm `` and all after it.
GO_TIME_CUT_REGEX = r" ([+-][0-9]{4}) .*$"


#: The format the cleaner reads such text by (the tail cut first, ``go_time_read``) and the audit
#: names (``date_format:…``): Python's directives for what is read, then what is dropped.
GO_TIME_FORMAT = "%Y-%m-%d %H:%M:%S[.%f] %z <zone> [m=<monotonic>]"


#: Shortest (no fraction, a zone of two letters) and longest (a fraction of nine digits, a zone of six
#: letters, the monotonic reading's twelve digits of seconds) in bytes.
GO_TIME_LENGTHS = (27, 68)


#: Zone names with a fixed offset: RFC 2822's (section 4.3, its obsolete ``obs-zone``: UT, GMT and the
#: North American zones, standard and daylight) and ``UTC``. A format's ``%Z`` reads exactly these, as
#: their offset (each engine puts the offset in the name's place, then reads ``%z``). No other name is
#: read: ``CET``, ``IST`` or ``CST`` elsewhere than RFC 2822 are ambiguous, and RFC 2822's military
#: letters were defined with the wrong sign; a value with one is of no date shape (text).
ZONE_NAME_OFFSETS = {
    "UT": "+0000",
    "UTC": "+0000",
    "GMT": "+0000",
    "EST": "-0500",
    "EDT": "-0400",
    "CST": "-0600",
    "CDT": "-0500",
    "MST": "-0700",
    "MDT": "-0600",
    "PST": "-0800",
    "PDT": "-0700",
}


ZONE_NAME_REGEX = "(?:" + "|".join(sorted(ZONE_NAME_OFFSETS, key=lambda name: -len(name))) + ")"


#: Where a zone's name stands in a value of a ``%Z`` format: last (RFC 2822), or before the year (ctime's).
ZONE_NAME_AT_REGEX = r" ([A-Z]{2,3})(?: \d{4})?$"


ZONED_SHAPES = (
    Shape.TS_ISO_UTC,
    Shape.TS_ISO_ZONE,
    Shape.TS_ISO_FRACTION_ZONE,
    Shape.TS_ISO_T_ZONE,
    Shape.TS_ISO_T_FRACTION_ZONE,
    Shape.TS_ISO_SPACED_ZONE,
    Shape.TS_ISO_UTC_WORD,
    Shape.TS_ISO_FRACTION_SPACED_ZONE,
    Shape.TS_ISO_HM_ZONE,
    Shape.TS_ISO_T_HM_ZONE,
    Shape.TS_RFC2822,
    Shape.TS_RFC2822_GMT,
    Shape.TS_ISO_BASIC_ZONE,
    Shape.TS_RFC2822_ZONE_NAME,
    Shape.TS_RFC2822_BARE,
    Shape.TS_RFC2822_BARE_ZONE_NAME,
    Shape.TS_ISO_BASIC_FRACTION_ZONE,
    Shape.TS_CTIME_ZONE,
    Shape.TS_CTIME_OFFSET,
    Shape.TS_IMAP,
    Shape.TS_GO,
)


#: An instant's canonical text ends in this offset (the cleaned value is in UTC).
UTC_OFFSET_TEXT = "+00:00"


#: The canonical forms (what a cleaned timestamp, date, instant is written as, see the ``*_TEXT``
#: formats below) as patterns: the canonical shapes' own.
TIMESTAMP_CANONICAL_REGEX = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"


TIMESTAMP_FRACTION_CANONICAL_REGEX = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}"


DATE_CANONICAL_REGEX = r"\d{4}-\d{2}-\d{2}"


INSTANT_CANONICAL_REGEX = TIMESTAMP_CANONICAL_REGEX + re.escape(UTC_OFFSET_TEXT)


INSTANT_FRACTION_CANONICAL_REGEX = TIMESTAMP_FRACTION_CANONICAL_REGEX + re.escape(UTC_OFFSET_TEXT)


#: An English month's name in full, any case (``%B``; ``May`` is also its three letters).
MONTH_NAME_REGEX = (
    "(?i:January|February|March|April|May|June|July|August|September|October|November|December)"
)


#: The dates with a month's name (regex, format, shortest and longest in bytes), by their shape's name.
_MONTH_DATES = {
    "DAY_MON": (r"\d{1,2} [A-Za-z]{3} \d{4}", "%d %b %Y", (10, 11)),
    "DAY_MON_DASH": (r"\d{1,2}-[A-Za-z]{3}-\d{4}", "%d-%b-%Y", (10, 11)),
    "MON_DAY": (r"[A-Za-z]{3} \d{1,2}, \d{4}", "%b %d, %Y", (11, 12)),
    "DAY_MONTH": (rf"\d{{1,2}} {MONTH_NAME_REGEX} \d{{4}}", "%d %B %Y", (10, 17)),
    "MONTH_DAY": (rf"{MONTH_NAME_REGEX} \d{{1,2}}, \d{{4}}", "%B %d, %Y", (11, 18)),
    "MON_DAY_BARE": (r"[A-Za-z]{3} \d{1,2} \d{4}", "%b %d %Y", (10, 11)),
    "MONTH_DAY_BARE": (rf"{MONTH_NAME_REGEX} \d{{1,2}} \d{{4}}", "%B %d %Y", (10, 17)),
}


#: The times of day that may follow them (an hour of one digit too; AM/PM any case).
_MONTH_TIMES = {
    "HM": (r" \d{1,2}:\d{2}", " %H:%M", (5, 6)),
    "HMS": (r" \d{1,2}:\d{2}:\d{2}", " %H:%M:%S", (8, 9)),
    "HM_AMPM": (r" \d{1,2}:\d{2} [AaPp][Mm]", " %I:%M %p", (8, 9)),
    "HMS_AMPM": (r" \d{1,2}:\d{2}:\d{2} [AaPp][Mm]", " %I:%M:%S %p", (11, 12)),
}


def timed_month_shapes() -> list[DateShape]:
    """The dates with a month's name followed by each time of day (``TS_<date>_<time>`` shapes)."""
    return [
        DateShape(
            Shape[f"TS_{date}_{time}"],
            date_regex + time_regex,
            date_format + time_format,
            None,
            True,
            (low + time_low, high + time_high),
            "mon",
        )
        for date, (date_regex, date_format, (low, high)) in _MONTH_DATES.items()
        for time, (time_regex, time_format, (time_low, time_high)) in _MONTH_TIMES.items()
    ]


#: Any of :data:`_MONTH_TIMES` or none: what the profiler matches after a date with a month's name,
#: one regular expression for five shapes (each costs DuckDB ~0.5 ms to compile, per query), the
#: time's shape then told by its colons and AM/PM.
MONTH_TIME_REGEX = r"(?: \d{1,2}:\d{2}(?::\d{2})?(?: [AaPp][Mm])?)?"


#: Per date with a month's name: its shape, its regex, its length, and the shape with each time.
NAMED_DATE_FAMILIES: tuple[tuple[Shape, str, tuple[int, int], dict[str, Shape]], ...] = tuple(
    (Shape[f"DATE_{date}"], regex, lengths, {time: Shape[f"TS_{date}_{time}"] for time in _MONTH_TIMES})
    for date, (regex, _, lengths) in _MONTH_DATES.items()
)


#: A timestamp with a fraction of more than six digits that are not all zeros beyond the sixth: no
#: date shape (see :attr:`Shape.TS_FINER_THAN_MICROSECONDS`); searched only among values of no other.
#: Its offset may follow a space (not a Z): Sequelize's and SQL Server's text of a ``datetimeoffset(7)``
#: (``2024-05-20 08:42:00.1234567 +02:00``; until 2026-12-02 of no shape at all, so its column was read
#: as instants and the value quarantined, or, declared ``datetimeoffset``, "text where the declared
#: type says otherwise", which could halt the run).
FINER_THAN_MICROSECONDS_REGEX = (
    r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}\.\d{7,9}(?:"
    + ZONE_REGEX
    + "| "
    + OFFSET_REGEX
    + "| "
    + GO_OFFSET_AND_TAIL
    + ")?"
)


#: (Go's time.Time.String() of such a time, ``… .123456789 +0000 UTC m=+0.01``, is one since
#: 2026-12-05: until then of no shape, so a column of them declared TIMESTAMP was "text where the
#: declared type says otherwise" on every value.)
FINER_THAN_MICROSECONDS_LENGTHS = (27, GO_TIME_LENGTHS[1])


#: A date whose year has two digits (see :attr:`Shape.TWO_DIGIT_YEAR`), searched only among values of
#: no other shape: Oracle's default NLS text of a ``DATE`` (``DD-MON-RR``) and of a ``TIMESTAMP``
#: (``DD-MON-RR HH.MI.SSXFF AM``), and a slashed short date with an optional time. Until 2026-12-02
#: they were of no shape, so a column of them declared ``DATE`` was "text where the declared type says
#: otherwise" (two such columns of eleven halted the run), and a few beside 4-digit years were
#: quarantined as unparseable dates: such a column keeps its text now, every cell as written.
TWO_DIGIT_YEAR_NAMED_REGEX = (
    r"\d{1,2}-[A-Za-z]{3}-\d{2}(?: \d{1,2}[.:]\d{2}[.:]\d{2}(?:\.\d{1,9})?(?: [AaPp][Mm])?)?"
)


TWO_DIGIT_YEAR_SLASH_REGEX = r"\d{1,2}/\d{1,2}/\d{2}(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)?"


#: How every shape with a month's name starts: a month's or a weekday's three letters (lower case),
#: or a day's number and a space or dash before letters (searched). Other text meets none of their
#: regular expressions.
NAME_STARTS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
)  # fmt: skip


NAMED_DAY_START_REGEX = r"^\d{1,2}[ -][A-Za-z]"


#: How a value of a date shape starts (searched): with no letter, or as :data:`NAME_STARTS` do (any
#: case). The profiler tests a value's first three letters against the words; the cleaner tests this
#: before it calls a value of a date shape an impossible date, so ``ene 20, 2025`` (another language's
#: month first) is unparseable to both, as ``Sept 20, 2025`` is.
DATE_START_REGEX = "^(?:[^A-Za-z]|(?i:" + "|".join(NAME_STARTS) + "))"


#: A compact date (``20250520``, ``YYYYMMDD``) is an integer by shape. It is read as a date only in a
#: column whose declared type is a date or timestamp and whose every integer is a valid compact date
#: (the profile decides; see docs/profiling.md): an integer column's 20250520 stays an integer.
COMPACT_DATE_REGEX = r"\d{8}"


COMPACT_DATE_FORMAT = "%Y%m%d"


#: ... and so is a compact timestamp (``20250520084207``, ``YYYYMMDDHHMMSS``: HL7, EDI, SAP, log files),
#: by the same proof.
COMPACT_TIMESTAMP_REGEX = r"\d{14}"


COMPACT_TIMESTAMP_FORMAT = "%Y%m%d%H%M%S"


#: The compact forms by their number of digits.
COMPACT_FORMATS = {8: COMPACT_DATE_FORMAT, 14: COMPACT_TIMESTAMP_FORMAT}


#: A column not declared a date reads compact timestamps too, where its name says it holds a time
#: and every value is one of these years, 1970 to 2099 (bounds as its 14 digits are written): a wiki's
#: ``rev_timestamp`` / ``page_touched`` text (MediaWiki writes every time so, in BLOB or TEXT columns).
#: Eight digits never are (``YYYYMMDD`` is also a code, a count, an amount in cents).
NAMED_COMPACT_TIMESTAMP_RANGE = ("19700101000000", "20991231235959")


#: The shapes already in canonical form (a cleaned timestamp / date / instant is written this way),
#: and a timestamp's fraction after its seconds (``2025-05-20 08:42:00.123456``): PostgreSQL's own
#: text of a timestamp, and what Python's ``str()`` / ``isoformat(" ")`` (pandas, Django, SQLAlchemy)
#: writes of one whose microseconds are not 0, beside the plain form of one whose are. Until
#: 2026-12-02 it was a ``non_iso_date``, and each such value cost the quality score.
CANONICAL_DATE_SHAPES = (Shape.TS_ISO, Shape.DATE_ISO, Shape.TS_ISO_UTC, Shape.TS_ISO_FRACTION)


#: Canonical text of a cleaned timestamp, of one with a fraction, of a date (strptime formats): SQLite
#: has no timestamp type and the profiler knows fractions only in the `T` form, so a timestamp with a
#: fraction is written `2025-05-20T08:42:00.123000`: re-profiling and re-cleaning read it back.
TIMESTAMP_TEXT = "%Y-%m-%d %H:%M:%S"


TIMESTAMP_FRACTION_TEXT = "%Y-%m-%dT%H:%M:%S.%f"


DATE_TEXT = "%Y-%m-%d"


#: An instant must lie in years 1-9999 once in UTC (Python's range, and the profile's bounds reach
#: Python): ``0001-01-01T00:30:00+02:00`` is 1 BC in UTC and impossible.
INSTANT_YEARS = (1, 9999)


INSTANT_RANGE = (f"{INSTANT_YEARS[0]:04d}-01-01 00:00:00", f"{INSTANT_YEARS[1]:04d}-12-31 23:59:59.999999")


#: The Gregorian calendar's first day. A date column whose every date lies before it holds another
#: calendar's dates in the Gregorian shapes (Iran's Solar Hijri ``1405/09/11``, the Islamic
#: ``1448-06-12``, both of 2026): read as Gregorian days they would be centuries off, so it keeps its
#: text (the profile's type reason says why). One date on or after it (a modern column's ``0001-01-01``
#: placeholder beside real days) proves nothing of the kind, nor a column whose latest date lies before
#: :data:`OTHER_CALENDARS_FROM_YEAR` (only ``0001-01-01`` placeholders: a date column, empty of days).
GREGORIAN_FIRST_DAY = (1582, 10, 15)


#: The years of the other calendars' dates an export holds (Solar Hijri 1300s-1400s, Islamic 1400s) lie
#: past this one; a column's latest date before it is no such calendar's.
OTHER_CALENDARS_FROM_YEAR = 1000


#: Second 60 is no valid time (chrono would read it as a leap second); searched, not full match. A
#: compact timestamp's seconds are its last two digits, a basic ISO one's the two before its offset;
#: ctime's year follows them (after a zone's name or an offset, or alone); Go's zone name and monotonic
#: reading follow its offset.
LEAP_SECOND_REGEX = (
    r":60(?:\.[0-9]*)?(?: [AaPp][Mm]| ?Z| ?[+-][0-9:]+| [A-Z]{2,3}| [0-9]{4}| [A-Z]{2,3} [0-9]{4}"
    r"| [+-][0-9]{4} [0-9]{4}| [+-][0-9]{4} [^ ]+(?: m=[+-][0-9.]+)?)?$"
    r"|^[0-9]{12}60$|^[0-9]{8}T[0-9]{4}60(?:\.[0-9]*)?(?:Z|[+-][0-9:]+)?$"
)


#: Hour 24 is no valid time (DuckDB's ISO cast would read it as the next midnight).
HOUR_24_MARKS = (" 24:", "T24:")


#: A number's text reads back the same from its value: no sign but '-', and not before zero (``-0``,
#: ``-0.00``: a number has no negative zero), no leading zero before a digit, digits on both sides of a
#: point. Anything else of a number shape is a code that looks numeric.
#: A time of day as a column declared ``TIME`` holds one (Django's and SQLAlchemy's ``TimeField`` /
#: ``Time``, DICOM's ``study_time``, a shop's opening hours): 24-hour ``H:MM`` or ``HH:MM``, seconds
#: optional, a fraction of 1 to 6 digits after them; hours 0-23. Not ``24:00:00`` (PostgreSQL's end of
#: day: no Arrow or Polars time holds it, and midnight would sort it first), a leap second ``:60``, 7+
#: fraction digits (PostgreSQL keeps microseconds: reading them would round), an offset or AM/PM.
TIME_OF_DAY_REGEX = r"([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?"


#: Its shortest and longest text in bytes (``8:30``, ``08:30:00.123456``).
TIME_OF_DAY_LENGTHS = (4, 15)


#: PostgreSQL's own text of a ``time``: ``HH:MM:SS``, a fraction without trailing zeros. Any other
#: spelling read is audited ``time_format:<format>``.
TIME_OF_DAY_CANONICAL_REGEX = r"([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{0,5}[1-9])?"


#: The formats a time of day is written in, named as strptime names them (the audit's
#: ``time_format:<format>``; ``%-H`` an hour of one digit).
TIME_OF_DAY_FORMATS = ("%H:%M", "%H:%M:%S", "%H:%M:%S.%f", "%-H:%M", "%-H:%M:%S", "%-H:%M:%S.%f")
