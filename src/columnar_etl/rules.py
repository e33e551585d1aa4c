"""The cleaning rules, engine-neutral: the one home of every pattern, word and threshold they use.

In: nothing but the standard library. Out: plain constants (regular expressions in RE2 syntax, full
match; words; strptime formats; numeric thresholds) that both engines are generated from: the
profiler's DuckDB SQL (``profile_sql``), which counts how many values each rule accepts, and the
cleaner's Polars expressions (``clean/expressions``), which apply them. Changing a rule here changes
what is profiled valid and what is cleaned, together; no other module spells a rule out.

The documented rules (docs/profiling.md, ARCHITECTURE.md "The rule every stage keeps"):

- trim :data:`WHITESPACE` at both ends of text of one line (not of a value of several lines, a line
  break in its trimmed text: a document, loaded byte for byte whatever pads it,
  ``ColumnProfile.padded_documents``; nor of a column of documents the profile finds, loaded byte for
  byte: ``ColumnProfile.layout_kept``); remove :data:`NUL` bytes from text (a text column's
  first; a typed column's value holding one is no number or date, unless it is empty or a null token
  without them: a field of NULs, as C programs pad fixed-width fields, is empty);
- ``''``, whitespace-only and :data:`DEFAULT_NULL_TOKENS` (configurable) → NULL;
- a value of a :data:`DATE_SHAPES` shape → timestamp/date by that shape's format (day or month first
  decided by evidence for day-or-month-first slash shapes; dotted ones are day first, year-first
  ones year/month/day, named months unambiguous, English only; a column whose every date lies before
  :data:`GREGORIAN_FIRST_DAY` is another calendar's and keeps its text); second 60
  (:data:`LEAP_SECOND_REGEX`), hour 24, year 0 and a weekday that is not the date's are invalid; a
  fraction is read only when PostgreSQL's microseconds hold it whole (:data:`FRACTION_REGEX`: a
  finer one keeps its column text); two-digit years are never read (a column's own formats may);
- a value of a shape with a UTC offset (:data:`ZONE_REGEX`, :data:`ZONED_SHAPES`; RFC 2822's zone
  names, :data:`ZONE_NAME_OFFSETS`, as their fixed offsets) → the instant
  (``timestamptz``), written in UTC as :data:`UTC_OFFSET_TEXT`; outside :data:`INSTANT_YEARS` in UTC it
  is invalid;
- :data:`INTEGER_REGEX` → integer; :data:`DECIMAL_REGEX`, :data:`EXPONENT_REGEX` (exponent text
  expanded) and :data:`COMMA_DECIMAL_REGEX` (:data:`DECIMAL_COMMA` made a point) → number; in a
  column whose values prove commas group thousands (:data:`GROUPED_INTEGER_REGEX`,
  :data:`GROUPED_DECIMAL_REGEX`, or point decimals beside :data:`COMMA_GROUP3_REGEX`), the
  :data:`THOUSANDS_SEPARATOR` is removed instead; with no such proof and no comma decimal, ``1,234``
  keeps its column text; numbers grouped by spaces or apostrophes (:data:`DIGIT_GROUP_REGEXES`:
  ``39 924,83`` with U+0020, U+00A0, U+202F or U+2009, ``39 924.83``, ``1'234.50``) → number with the
  separator removed (and a decimal comma made a point), only in a column that proves the convention:
  every value a number in it, one separator, one decimal mark, and a value only grouping explains
  (``profiling.number_reading._group_reading``); else the column keeps its text;
- a number of any of those shapes written with :data:`MINUS_SIGN` (U+2212, what ICU/CLDR write for
  Swedish, Norwegian, Finnish, Lithuanian, Slovenian ... negatives: ``−1 234,50``, ``−3,5``, ``−12``) in
  place of its leading ``-`` (:data:`MINUS_SIGN_START_REGEX`: the whole trimmed value, the sign first,
  then a digit or a point) → that number, read with ``-`` (audited ``minus_sign``); no proof is
  needed, a lone sign before digits has one reading. A minus sign inside text (``5 − 3``, ``10−12``)
  makes no number: the shapes match whole values only. :data:`NOT_MINUS_SIGNS` are not read so;
- :data:`BOOLEAN_TRUE_WORDS` / :data:`BOOLEAN_FALSE_WORDS` (any case) and the digits
  :data:`BOOLEAN_TRUE_DIGIT` / :data:`BOOLEAN_FALSE_DIGIT` → boolean;
- integers between :data:`EPOCH_SECONDS`, :data:`EPOCH_MILLIS` or :data:`EPOCH_MICROS` in a date column
  (a date-like name, or declared a date or timestamp) → the instants they count (``timestamptz``),
  beside the far-future stand-ins for no end of their unit (:data:`EPOCH_OPEN_ENDS`: 9999-12-31,
  2038-01-19), each read as its exact instant;
- eight- and fourteen-digit integers (:data:`COMPACT_DATE_REGEX`, :data:`COMPACT_TIMESTAMP_REGEX`) in a
  column declared a date or timestamp whose every integer is a valid one → dates and timestamps by
  :data:`COMPACT_DATE_FORMAT` and :data:`COMPACT_TIMESTAMP_FORMAT`.

None of them applies to a declared key whose distinct values they would make equal or NULL, nor to
the columns referencing it: those are loaded as written (``profiling.merged_keys.merged_key_columns``).

Rounding is no rule here: it loses digits. Only an operator's ``scale`` override rounds (audited).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum, unique
from typing import Literal

#: The NUL byte: PostgreSQL text cannot hold it, so cleaning removes it from text.
NUL = "\x00"
#: The ASCII information separators U+001C-U+001F: Python's ``str.isspace`` calls them whitespace,
#: Unicode does not (White_Space). They are delimiters: applications join a record's fields with the
#: unit separator, so a cell whose last field is empty ends with one, and trimmed it lost that field.
INFORMATION_SEPARATORS = "\x1c\x1d\x1e\x1f"
#: What "whitespace" means at the ends of a value: Unicode's White_Space (tabs, CR/LF, NEL, no-break
#: space U+00A0, U+2007, U+202F, the ideographic space U+3000...): ``str.isspace`` but the
#: :data:`INFORMATION_SEPARATORS`.
WHITESPACE = "".join(
    chr(code) for code in range(0x3001) if chr(code).isspace() and chr(code) not in INFORMATION_SEPARATORS
)
#: Values that mean "no value" (the ``null_tokens`` setting's default), compared after trimming.
#: The zero dates are MySQL's "no date" (what its exports write for a date never set) and day 0 of a
#: spreadsheet's or an Access database's serial dates as Excel shows it and MDB Tools exports it
#: (``1900-01-00``, an Access date never set): no calendar has them, and read as dates they were
#: quarantined as impossible, a row's whole column of them.
DEFAULT_NULL_TOKENS = [
    "NULL",
    "null",
    "Null",
    "N/A",
    "n/a",
    "NA",
    "#N/A",
    "-",
    "--",
    "None",
    "none",
    "nil",
    "0000-00-00",
    "0000-00-00 00:00:00",
    "1900-01-00",
    "1900-01-00 00:00:00",
]

#: The error values a spreadsheet writes in a cell whose formula failed (Excel, LibreOffice Calc and
#: Google Sheets alike), as a CSV saved from it holds them. ``#N/A`` is also a null token (above).
SPREADSHEET_ERRORS = (
    "#N/A",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    "Err:502",
    "Err:504",
    "Err:508",
    "Err:511",
    "Err:522",
)

#: Boolean spellings, compared lower-cased after trimming.
BOOLEAN_TRUE_WORDS = ("true", "yes", "y", "t")
BOOLEAN_FALSE_WORDS = ("false", "no", "n", "f")
#: '1' / '0' are integers by shape, and booleans in a boolean column.
BOOLEAN_TRUE_DIGIT = "1"
BOOLEAN_FALSE_DIGIT = "0"
#: The words of the values no finite number or date is, compared lower-cased after trimming: what
#: PostgreSQL writes of an ``infinity`` / ``-infinity`` timestamp or date and of a ``NaN`` or
#: ``Infinity`` numeric or double, and how programs write IEEE 754's (Python's ``nan``, ``inf``; Java's
#: and JavaScript's ``NaN``, ``Infinity``; R's ``Inf``; signed). A converter or a telemetry CSV leaves
#: them as TEXT (SQLite keeps them so even in a REAL column). No rule reads them (an Arrow timestamp
#: holds no infinity, and NULL would say "no value" where the source said "never ends" or "not a
#: number"), so a number or date column holding one keeps its text, every cell as written
#: (``Shape.NON_FINITE``). Until 2026-12-02 they were quarantined (NULL) as unparseable dates or
#: invalid numbers, and ``inf`` was dirt even beside a REAL cell's infinity.
NON_FINITE_WORDS = ("infinity", "-infinity", "+infinity", "inf", "-inf", "+inf", "nan", "-nan", "+nan")
#: The canonical text of a boolean (what a cleaned boolean reads as; anything else was normalised).
BOOLEAN_TEXT = ("true", "false")


@unique
class Shape(IntEnum):
    """What a trimmed value looks like. The order is the profiler's CASE order: first match wins."""

    NULL = 0
    EMPTY = 1
    NULL_LIKE = 2
    TS_ISO = 10  # 2025-05-20 08:42:00
    TS_ISO_T_FRACTION = 11  # 2025-05-20T08:42:00.123
    TS_SLASH_HM = 12  # 20/05/2025 8:42
    DATE_ISO = 13  # 2025-05-20
    DATE_SLASH = 14  # 20/05/2025, 5/6/2025
    TS_SLASH_HMS = 15  # 20/05/2025 8:42:07
    TS_ISO_T = 16  # 2025-05-20T08:42:00
    TS_ISO_HM = 17  # 2025-05-20 08:42 (no seconds: spreadsheets, CSV tools)
    TS_ISO_T_HM = 18  # 2025-05-20T08:42 (an HTML datetime-local field)
    TS_ISO_FRACTION = 19  # 2025-05-20 08:42:00.123 (SQL dumps: MySQL DATETIME(3), PostgreSQL text)
    DATE_DOT = 24  # 20.05.2025 (day first: German, Swiss, Nordic, Slavic, Turkish exports)
    TS_DOT_HM = 25  # 20.05.2025 08:42
    TS_DOT_HMS = 26  # 20.05.2025 08:42:07
    TS_SLASH_HM_AMPM = 27  # 5/20/2025 8:42 PM (a US spreadsheet's default)
    TS_SLASH_HMS_AMPM = 28  # 5/20/2025 8:42:07 PM
    DATE_YMD_SLASH = 29  # 2025/05/20 (year first: Japanese, Chinese, Korean, Hungarian exports)
    TS_YMD_SLASH_HM = 31  # 2025/05/20 08:42
    TS_YMD_SLASH_HMS = 32  # 2025/05/20 08:42:07
    DATE_DAY_MON = 33  # 20 May 2025 (an English month's three letters, any case)
    DATE_DAY_MON_DASH = 34  # 20-May-2025, 20-MAY-2025 (Oracle's DD-MON-YYYY)
    DATE_MON_DAY = 35  # May 20, 2025
    # With a UTC offset (API exports: Zendesk, Jira, Freshdesk; PostgreSQL's timestamptz text): an instant.
    TS_ISO_UTC = 36  # 2025-05-20 08:42:00+00:00 (the canonical form of a cleaned instant)
    TS_ISO_ZONE = 37  # 2025-05-20 08:42:00+02, …+0200, …+02:00, …Z
    TS_ISO_FRACTION_ZONE = 38  # 2025-05-20 08:42:00.123+02:00
    TS_ISO_T_ZONE = 39  # 2025-05-20T08:42:00Z, 2025-05-20T08:42:00-05:30
    TS_ISO_T_FRACTION_ZONE = 40  # 2025-05-20T08:42:00.123Z
    TS_ISO_SPACED_ZONE = 44  # 2025-05-20 08:42:00 +0200 (Ruby's Time#to_s, so Rails apps' exports)
    TS_ISO_UTC_WORD = 45  # 2025-05-20 08:42:00 UTC (Ruby's, for a time in UTC)
    TS_ISO_FRACTION_SPACED_ZONE = 95  # 2025-05-20 08:42:00.123 +00:00 (Sequelize's, moment's ... Z)
    INTEGER = 20  # -12
    DECIMAL = 21  # 3.50
    EXPONENT = 22  # 1.5e3
    COMMA_DECIMAL = 23  # 1,05, 0,05, -3,5 (a comma only a decimal can hold: proves a decimal comma)
    # 1,3, 16,10751, 1,0: a decimal comma, or integers joined by a comma (ids, zero-based positions):
    # the column's other values, or the export's other columns, decide (number_reading._comma_reading).
    COMMA_JOINED = 96
    COMMA_GROUP3 = 41  # 1,234: a decimal comma (1.234) or a thousands separator (1234): the column decides
    GROUPED_INTEGER = 42  # 3,000,000 (proves commas group thousands)
    GROUPED_DECIMAL = 43  # 1,234.50 (proves commas group thousands)
    DOT_GROUP3 = 46  # 1.234: a decimal (1.234), or where commas are decimal a thousands separator (1234)
    EXPONENT_BARE = 47  # 1E5, 12e3: an exponent, or (beside integers only) a code such as a product's
    # Grouped by spaces or apostrophes (French, Nordic, Slavic, Swiss exports): read only where the
    # column proves the convention (number_reading._group_reading).
    SPACE_GROUP3 = 91  # 123 456: one number, or two beside each other: the column decides
    DIGIT_GROUPED_INTEGER = 92  # 1 234 567, 12\u202f345, 1'234 (no second reading)
    DIGIT_GROUPED_COMMA = 93  # 39 924,83 (and with U+00A0, U+202F, U+2009)
    DIGIT_GROUPED_POINT = 94  # 39 924.83 (SI), 1'234.50 (Swiss)
    # Day or month first with dashes (Indian, Dutch, Danish exports; US ones month first): read as slash
    # dates are, by the column's evidence.
    DATE_DASH = 48  # 20-05-2025, 5-20-2025
    TS_DASH_HM = 49  # 20-05-2025 08:42
    TS_DASH_HMS = 50  # 20-05-2025 08:42:07
    # A REAL cell holding ±infinity (SQLite's Inf, for 1e400 written to a REAL column): a double
    # precision value as any other REAL cell is (PostgreSQL's Infinity); never read from TEXT.
    REAL_INFINITY = 59
    TS_DASH_HM_AMPM = 51  # 5-20-2025 8:42 PM
    TS_DASH_HMS_AMPM = 52  # 5-20-2025 8:42:07 PM
    # Year first with dashes, month or day of one digit (2025-5-3: what code that formats a date's
    # numbers itself, a JavaScript or PHP date without padding, writes).
    DATE_ISO_UNPADDED = 53  # 2025-5-3
    TS_ISO_UNPADDED_HM = 54  # 2025-5-3 8:42
    TS_ISO_UNPADDED_HMS = 55  # 2025-5-3 8:42:07
    # Year first with dots (Korean, Hungarian, Chinese exports; CalVer's dates), month and day of two digits.
    DATE_YMD_DOT = 56  # 2025.05.20
    TS_YMD_DOT_HM = 57  # 2025.05.20 08:42
    TS_YMD_DOT_HMS = 58  # 2025.05.20 08:42:07
    # A month's English name in full (any case): day first or month first, as the three letters are.
    DATE_DAY_MONTH = 60  # 1 January 2026
    DATE_MONTH_DAY = 61  # January 1, 2026
    # The forms with a month's name, with a time of day: H:MM, H:MM:SS, and both with AM/PM.
    TS_DAY_MON_HM = 62  # 20 May 2025 08:42
    TS_DAY_MON_HMS = 63  # 20 May 2025 08:42:07
    TS_DAY_MON_HM_AMPM = 64  # 20 May 2025 8:42 PM
    TS_DAY_MON_HMS_AMPM = 65  # 20 May 2025 8:42:07 PM
    TS_DAY_MON_DASH_HM = 66  # 20-MAY-2025 08:42 (Oracle's DD-MON-YYYY HH24:MI)
    TS_DAY_MON_DASH_HMS = 67  # 20-MAY-2025 08:42:07
    TS_DAY_MON_DASH_HM_AMPM = 68  # 20-MAY-2025 08:42 PM
    TS_DAY_MON_DASH_HMS_AMPM = 69  # 20-MAY-2025 08:42:07 PM
    TS_MON_DAY_HM = 70  # May 20, 2025 08:42
    TS_MON_DAY_HMS = 71  # May 20, 2025 08:42:07
    TS_MON_DAY_HM_AMPM = 72  # May 20, 2025 8:42 PM
    TS_MON_DAY_HMS_AMPM = 73  # May 20, 2025 8:42:07 PM
    TS_DAY_MONTH_HM = 74  # 1 January 2026 08:42
    TS_DAY_MONTH_HMS = 75  # 1 January 2026 08:42:07
    TS_DAY_MONTH_HM_AMPM = 76  # 1 January 2026 8:42 PM
    TS_DAY_MONTH_HMS_AMPM = 77  # 1 January 2026 8:42:07 PM
    TS_MONTH_DAY_HM = 78  # January 1, 2026 08:42
    TS_MONTH_DAY_HMS = 79  # January 1, 2026 08:42:07
    TS_MONTH_DAY_HM_AMPM = 80  # January 1, 2026 8:42 PM
    TS_MONTH_DAY_HMS_AMPM = 81  # January 1, 2026 8:42:07 PM
    # E-mail and HTTP dates (RFC 2822 / 5322, RFC 7231): an instant.
    TS_RFC2822 = 82  # Tue, 20 May 2025 08:42:00 +0200
    TS_RFC2822_GMT = 83  # Tue, 20 May 2025 08:42:00 GMT
    TS_CTIME = 84  # Tue May 20 08:42:00 2025 (C's ctime/asctime, Unix date, logs), day space-padded
    TS_SQLSERVER = 85  # May 20 2025  8:42AM (SQL Server's default text of a datetime), space-padded
    TS_ISO_HM_ZONE = 86  # 2025-05-20 08:42+02:00 (no seconds, with a UTC offset)
    TS_ISO_T_HM_ZONE = 87  # 2025-05-20T08:42Z
    TS_ISO_BASIC = 88  # 20250520T084200 (ISO 8601's basic format: iCalendar, file names)
    TS_ISO_BASIC_ZONE = 89  # 20250520T084200Z, 20250520T084200+0200
    # A month's name before the day with no comma (three letters or in full), and with each time.
    DATE_MON_DAY_BARE = 100  # May 20 2025
    DATE_MONTH_DAY_BARE = 101  # January 1 2026
    TS_MON_DAY_BARE_HM = 102  # May 20 2025 08:42
    TS_MON_DAY_BARE_HMS = 103  # May 20 2025 08:42:07
    TS_MON_DAY_BARE_HM_AMPM = 104  # May 20 2025 8:42 PM
    TS_MON_DAY_BARE_HMS_AMPM = 105  # May 20 2025 8:42:07 PM
    TS_MONTH_DAY_BARE_HM = 106  # January 1 2026 08:42
    TS_MONTH_DAY_BARE_HMS = 107  # January 1 2026 08:42:07
    TS_MONTH_DAY_BARE_HM_AMPM = 108  # January 1 2026 8:42 PM
    TS_MONTH_DAY_BARE_HMS_AMPM = 109  # January 1 2026 8:42:07 PM
    # RFC 2822 with a zone's name (its section 4.3: UT, GMT, EST ... PDT, fixed offsets), and without
    # the weekday (optional in RFC 2822), with an offset or a zone's name.
    TS_RFC2822_ZONE_NAME = 110  # Tue, 20 May 2025 08:42:00 EST
    TS_RFC2822_BARE = 111  # 20 May 2025 08:42:00 +0200
    TS_RFC2822_BARE_ZONE_NAME = 112  # 20 May 2025 08:42:00 PDT
    TS_ISO_BASIC_FRACTION = 113  # 20250520T084200.123456
    TS_ISO_BASIC_FRACTION_ZONE = 114  # 20250520T084200.123456Z
    TS_CTIME_ZONE = 115  # Tue May 20 08:42:00 UTC 2025 (Unix date), a zone's name as RFC 2822's
    TS_CTIME_OFFSET = 119  # Wed Jul 31 14:03:28 +0000 2019 (Twitter's created_at, Ruby 1.8's Time#to_s)
    TS_IMAP = 120  # 02-Jan-2024 03:04:05 +0100 (IMAP's date-time: every message's INTERNALDATE)
    # Go's time.Time.String(): 2024-05-20 16:00:06.123456 +0200 CEST, the zone's name after the offset
    # and, for a time.Now() never rounded, the monotonic clock's reading (m=+0.012345678) after it.
    TS_GO = 121
    # A time of day alone, 24-hour, without a UTC offset (08:30, 8:30:00, 14:22:05.123000): shaped so
    # only in a column declared a time of day without zone (TIME, TIME(6)), which then reads them as
    # PostgreSQL's ``time`` (:data:`TIME_OF_DAY_REGEX`); anywhere else such text is OTHER ('12:30' may
    # be a score or a ratio).
    TIME_OF_DAY = 122
    # A timestamp whose fraction has digits beyond the microsecond that are not zero (.NET's seven
    # digits: 2025-05-20T08:42:00.1234567): no date shape, since PostgreSQL keeps microseconds and
    # reading it would round; a date column holding one stays text (lossless.lossless).
    TS_FINER_THAN_MICROSECONDS = 90
    BOOLEAN_WORD = 30  # yes / No / TRUE / f
    # A BLOB cell: bytes, never shaped as text. (It was 40 until 2026-12-02, TS_ISO_T_FRACTION_ZONE's
    # code too, so an alias of it: such timestamps were left out of a text column's bounds.)
    BLOB = 116
    # TEXT naming a value no finite number or date is (:data:`NON_FINITE_WORDS`: PostgreSQL's
    # ``infinity`` / ``-infinity`` timestamps and ``NaN`` / ``Infinity`` numerics): no
    # number's or date's shape, and no dirt either (lossless.lossless keeps its column text).
    NON_FINITE = 117
    # A date whose year has two digits (:data:`TWO_DIGIT_YEAR_REGEX`: Oracle's ``DD-MON-RR``,
    # ``20-MAY-24`` and ``20-MAY-24 08.42.00.123000 AM``; a US short date ``5/20/24 8:42 AM``): never read
    # (the century is the writing session's rule), and in a column declared a date no dirt either.
    TWO_DIGIT_YEAR = 118
    OTHER = 99  # anything else


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
_OFFSET_HOURS = r"[+-](?:0\d|1[0-4])"
#: A fraction of a second PostgreSQL keeps whole: one to six digits, or six then zeros up to the
#: nanosecond (.NET's seven digits, Go's and Java's nine: 08:42:00.1234560 is 08:42:00.123456).
FRACTION_REGEX = r"\.(?:\d{1,6}|\d{6}0{1,3})"
#: A UTC offset in hours, with minutes or not, a colon or not (``+02``, ``+0200``, ``+02:00``).
OFFSET_REGEX = rf"{_OFFSET_HOURS}(?::?[0-5]\d)?"
ZONE_REGEX = rf"(?:Z|{OFFSET_REGEX})"
#: What follows the offset in Go's ``time.Time.String()`` (``2024-05-20 16:00:06 +0200 CEST``): the
#: zone's abbreviation as Go's time zone database prints it (``UTC``, ``CEST``, ``ChST``; a zone with
#: no abbreviation prints its offset, ``+03``, ``-0330``), redundant beside the offset before it and
#: never read; then, for a ``time.Now()`` not rounded or stripped, the monotonic clock's reading
#: (`` m=+0.012345678``: seconds since the process started, no part of the instant), dropped.
GO_TIME_TAIL_REGEX = r" (?:[A-Za-z]{2,6}|[+-]\d{2}(?:\d{2})?)(?: m=[+-]\d{1,12}\.\d{9})?"
#: Go's ``±hhmm`` offset and the tail after it (:data:`GO_TIME_TAIL_REGEX`), as its date shape and the
#: finer-than-microseconds text (:data:`FINER_THAN_MICROSECONDS_REGEX`) both end.
_GO_OFFSET_AND_TAIL = _OFFSET_HOURS + r"[0-5]\d" + GO_TIME_TAIL_REGEX
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


def _timed_month_shapes() -> list[DateShape]:
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


DATE_SHAPES: tuple[DateShape, ...] = (
    DateShape(Shape.TS_ISO, TIMESTAMP_CANONICAL_REGEX, "%Y-%m-%d %H:%M:%S", None, True, (19, 19)),
    DateShape(
        Shape.TS_ISO_T_FRACTION,
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}" + FRACTION_REGEX,
        "%Y-%m-%dT%H:%M:%S.%f",
        None,
        True,
        (21, 29),
    ),
    DateShape(
        Shape.TS_ISO_T, r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", "%Y-%m-%dT%H:%M:%S", None, True, (19, 19)
    ),
    DateShape(
        Shape.TS_ISO_FRACTION,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}" + FRACTION_REGEX,
        "%Y-%m-%d %H:%M:%S.%f",
        None,
        True,
        (21, 29),
    ),
    DateShape(Shape.TS_ISO_HM, r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "%Y-%m-%d %H:%M", None, True, (16, 16)),
    # Instants (a UTC offset): the canonical UTC form first, since the first matching shape wins.
    DateShape(
        Shape.TS_ISO_UTC,
        INSTANT_CANONICAL_REGEX,
        "%Y-%m-%d %H:%M:%S" + UTC_OFFSET_TEXT,
        None,
        True,
        (25, 25),
    ),
    DateShape(
        Shape.TS_ISO_ZONE,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}" + ZONE_REGEX,
        "%Y-%m-%d %H:%M:%S%z",
        None,
        True,
        (20, 25),
    ),
    DateShape(
        Shape.TS_ISO_FRACTION_ZONE,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}" + FRACTION_REGEX + ZONE_REGEX,
        "%Y-%m-%d %H:%M:%S.%f%z",
        None,
        True,
        (22, 35),
    ),
    DateShape(
        Shape.TS_ISO_T_ZONE,
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}" + ZONE_REGEX,
        "%Y-%m-%dT%H:%M:%S%z",
        None,
        True,
        (20, 25),
    ),
    DateShape(
        Shape.TS_ISO_T_FRACTION_ZONE,
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}" + FRACTION_REGEX + ZONE_REGEX,
        "%Y-%m-%dT%H:%M:%S.%f%z",
        None,
        True,
        (22, 35),
    ),
    DateShape(
        Shape.TS_ISO_SPACED_ZONE,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} " + _OFFSET_HOURS + r"[0-5]\d",
        "%Y-%m-%d %H:%M:%S %z",
        None,
        True,
        (25, 25),
    ),
    # Node's Sequelize writes its DATE so on SQLite (moment's 'YYYY-MM-DD HH:mm:ss.SSS Z': a space, then
    # the offset with a colon): every DATETIME column of such an app.
    DateShape(
        Shape.TS_ISO_FRACTION_SPACED_ZONE,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}" + FRACTION_REGEX + " " + OFFSET_REGEX,
        "%Y-%m-%d %H:%M:%S.%f %z",
        None,
        True,
        (25, 36),
    ),
    # Go's time.Time.String() (what a Go program's fmt, logs and drivers that stringify a time.Time
    # write): the fraction's trailing zeros trimmed (none: no point), the offset, then the zone's name,
    # which the offset makes redundant and is never read (GO_TIME_TAIL_REGEX), then maybe ' m=±…'.
    DateShape(
        Shape.TS_GO,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:" + FRACTION_REGEX + ")? " + _GO_OFFSET_AND_TAIL,
        GO_TIME_FORMAT,
        None,
        True,
        GO_TIME_LENGTHS,
    ),
    DateShape(
        Shape.TS_ISO_UTC_WORD,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC",
        "%Y-%m-%d %H:%M:%S UTC",
        None,
        True,
        (23, 23),
    ),
    # Without seconds (Python's isoformat(timespec="minutes"), JavaScript and HTML forms): the same
    # instants; the cast reads them once ':00' is put in.
    DateShape(
        Shape.TS_ISO_HM_ZONE,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}" + ZONE_REGEX,
        "%Y-%m-%d %H:%M%z",
        None,
        True,
        (17, 22),
    ),
    DateShape(
        Shape.TS_ISO_T_HM_ZONE,
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}" + ZONE_REGEX,
        "%Y-%m-%dT%H:%M%z",
        None,
        True,
        (17, 22),
    ),
    DateShape(Shape.TS_ISO_T_HM, r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", "%Y-%m-%dT%H:%M", None, True, (16, 16)),
    DateShape(
        Shape.TS_SLASH_HM,
        r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}",
        "%d/%m/%Y %H:%M",
        "%m/%d/%Y %H:%M",
        True,
        (13, 16),
        "/",
    ),
    DateShape(
        Shape.TS_SLASH_HMS,
        r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2}",
        "%d/%m/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M:%S",
        True,
        (16, 19),
        "/",
    ),
    DateShape(
        Shape.TS_SLASH_HM_AMPM,
        r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2} [AaPp][Mm]",
        "%d/%m/%Y %I:%M %p",
        "%m/%d/%Y %I:%M %p",
        True,
        (16, 19),
        "/",
    ),
    DateShape(
        Shape.TS_SLASH_HMS_AMPM,
        r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2} [AaPp][Mm]",
        "%d/%m/%Y %I:%M:%S %p",
        "%m/%d/%Y %I:%M:%S %p",
        True,
        (19, 22),
        "/",
    ),
    DateShape(Shape.DATE_ISO, DATE_CANONICAL_REGEX, "%Y-%m-%d", None, False, (10, 10)),
    # Dashes with the year last: the order of day and month as with slashes (the column's evidence).
    DateShape(Shape.DATE_DASH, r"\d{1,2}-\d{1,2}-\d{4}", "%d-%m-%Y", "%m-%d-%Y", False, (8, 10)),
    DateShape(
        Shape.TS_DASH_HM,
        r"\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}",
        "%d-%m-%Y %H:%M",
        "%m-%d-%Y %H:%M",
        True,
        (13, 16),
    ),
    DateShape(
        Shape.TS_DASH_HMS,
        r"\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}:\d{2}",
        "%d-%m-%Y %H:%M:%S",
        "%m-%d-%Y %H:%M:%S",
        True,
        (16, 19),
    ),
    DateShape(
        Shape.TS_DASH_HM_AMPM,
        r"\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2} [AaPp][Mm]",
        "%d-%m-%Y %I:%M %p",
        "%m-%d-%Y %I:%M %p",
        True,
        (16, 19),
    ),
    DateShape(
        Shape.TS_DASH_HMS_AMPM,
        r"\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}:\d{2} [AaPp][Mm]",
        "%d-%m-%Y %I:%M:%S %p",
        "%m-%d-%Y %I:%M:%S %p",
        True,
        (19, 22),
    ),
    # ISO's order without its padding, after the padded shapes (the first matching shape wins): read by
    # DuckDB's ISO cast, which takes one-digit fields. Its formats are chrono's unpadded ones (%-m), so
    # the profile and the audit tell them from ISO's own.
    DateShape(Shape.DATE_ISO_UNPADDED, r"\d{4}-\d{1,2}-\d{1,2}", "%Y-%-m-%-d", None, False, (8, 10)),
    DateShape(
        Shape.TS_ISO_UNPADDED_HM,
        r"\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}",
        "%Y-%-m-%-d %-H:%M",
        None,
        True,
        (13, 16),
    ),
    DateShape(
        Shape.TS_ISO_UNPADDED_HMS,
        r"\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}",
        "%Y-%-m-%-d %-H:%M:%S",
        None,
        True,
        (16, 19),
    ),
    DateShape(Shape.DATE_SLASH, r"\d{1,2}/\d{1,2}/\d{4}", "%d/%m/%Y", "%m/%d/%Y", False, (8, 10), "/"),
    # Year first with slashes: always year, month, day (no reading puts the day second).
    DateShape(Shape.DATE_YMD_SLASH, r"\d{4}/\d{1,2}/\d{1,2}", "%Y/%m/%d", None, False, (8, 10), "/"),
    DateShape(
        Shape.TS_YMD_SLASH_HM,
        r"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}",
        "%Y/%m/%d %H:%M",
        None,
        True,
        (13, 16),
        "/",
    ),
    DateShape(
        Shape.TS_YMD_SLASH_HMS,
        r"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}:\d{2}",
        "%Y/%m/%d %H:%M:%S",
        None,
        True,
        (16, 19),
        "/",
    ),
    # A month's English three-letter name (strptime's %b, any case; 'Sept' or 'June' are no match).
    DateShape(Shape.DATE_DAY_MON, r"\d{1,2} [A-Za-z]{3} \d{4}", "%d %b %Y", None, False, (10, 11), "mon"),
    DateShape(
        Shape.DATE_DAY_MON_DASH, r"\d{1,2}-[A-Za-z]{3}-\d{4}", "%d-%b-%Y", None, False, (10, 11), "mon"
    ),
    DateShape(Shape.DATE_MON_DAY, r"[A-Za-z]{3} \d{1,2}, \d{4}", "%b %d, %Y", None, False, (11, 12), "mon"),
    # A month's English name in full (strptime's %B, any case; chrono reads it as %b does).
    DateShape(
        Shape.DATE_DAY_MONTH,
        rf"\d{{1,2}} {MONTH_NAME_REGEX} \d{{4}}",
        "%d %B %Y",
        None,
        False,
        (10, 17),
        "mon",
    ),
    DateShape(
        Shape.DATE_MONTH_DAY,
        rf"{MONTH_NAME_REGEX} \d{{1,2}}, \d{{4}}",
        "%B %d, %Y",
        None,
        False,
        (11, 18),
        "mon",
    ),
    DateShape(
        Shape.DATE_MON_DAY_BARE, r"[A-Za-z]{3} \d{1,2} \d{4}", "%b %d %Y", None, False, (10, 11), "mon"
    ),
    DateShape(
        Shape.DATE_MONTH_DAY_BARE,
        rf"{MONTH_NAME_REGEX} \d{{1,2}} \d{{4}}",
        "%B %d %Y",
        None,
        False,
        (10, 17),
        "mon",
    ),
    *_timed_month_shapes(),
    # E-mail and HTTP dates: a weekday (checked against the day), the day, the month's three letters,
    # the year, the time and an offset (+hhmm; GMT in HTTP's).
    DateShape(
        Shape.TS_RFC2822,
        r"[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} " + _OFFSET_HOURS + r"[0-5]\d",
        "%a, %d %b %Y %H:%M:%S %z",
        None,
        True,
        (30, 31),
        "mon",
    ),
    DateShape(
        Shape.TS_RFC2822_GMT,
        r"[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT",
        "%a, %d %b %Y %H:%M:%S GMT",
        None,
        True,
        (28, 29),
        "mon",
    ),
    # A zone's name (RFC 2822's, fixed offsets: ZONE_NAME_OFFSETS) in place of the offset, with the
    # weekday or without; and the offset without the weekday (RFC 2822 makes the weekday optional).
    DateShape(
        Shape.TS_RFC2822_ZONE_NAME,
        r"[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} " + ZONE_NAME_REGEX,
        "%a, %d %b %Y %H:%M:%S %Z",
        None,
        True,
        (27, 29),
        "mon",
    ),
    DateShape(
        Shape.TS_RFC2822_BARE,
        r"\d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} " + _OFFSET_HOURS + r"[0-5]\d",
        "%d %b %Y %H:%M:%S %z",
        None,
        True,
        (25, 26),
        "mon",
    ),
    DateShape(
        Shape.TS_RFC2822_BARE_ZONE_NAME,
        r"\d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} " + ZONE_NAME_REGEX,
        "%d %b %Y %H:%M:%S %Z",
        None,
        True,
        (22, 24),
        "mon",
    ),
    # IMAP's date-time (RFC 3501): the day, the month's three letters and the year joined by dashes,
    # the time and an offset; the INTERNALDATE a server gives every message, which mail clients keep.
    DateShape(
        Shape.TS_IMAP,
        r"\d{1,2}-[A-Za-z]{3}-\d{4} \d{2}:\d{2}:\d{2} " + _OFFSET_HOURS + r"[0-5]\d",
        "%d-%b-%Y %H:%M:%S %z",
        None,
        True,
        (25, 26),
        "mon",
    ),
    # C's ctime (asctime, Unix date without a zone, many logs): the day padded with a space.
    DateShape(
        Shape.TS_CTIME,
        r"[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}",
        "%a %b %d %H:%M:%S %Y",
        None,
        True,
        (24, 24),
        "mon",
    ),
    # Unix date's: a zone's name before the year (RFC 2822's names only, see ZONE_NAME_OFFSETS).
    DateShape(
        Shape.TS_CTIME_ZONE,
        r"[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} " + ZONE_NAME_REGEX + r" \d{4}",
        "%a %b %d %H:%M:%S %Z %Y",
        None,
        True,
        (27, 28),
        "mon",
    ),
    # A numeric offset before the year: every tweet's created_at (Twitter's API and archives), Ruby
    # 1.8's Time#to_s.
    DateShape(
        Shape.TS_CTIME_OFFSET,
        r"[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} " + _OFFSET_HOURS + r"[0-5]\d \d{4}",
        "%a %b %d %H:%M:%S %z %Y",
        None,
        True,
        (30, 30),
        "mon",
    ),
    # SQL Server's default (CONVERT style 100): day and hour padded with a space, AM/PM unspaced.
    DateShape(
        Shape.TS_SQLSERVER,
        r"[A-Za-z]{3} [ \d]\d \d{4} [ \d]\d:\d{2}[AaPp][Mm]",
        "%b %d %Y %I:%M%p",
        None,
        True,
        (19, 19),
        "mon",
    ),
    # Dotted dates are day first wherever they are written: no month-first reading.
    DateShape(Shape.DATE_DOT, r"\d{1,2}\.\d{1,2}\.\d{4}", "%d.%m.%Y", None, False, (8, 10), "."),
    DateShape(
        Shape.TS_DOT_HM, r"\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}:\d{2}", "%d.%m.%Y %H:%M", None, True, (13, 16), "."
    ),
    DateShape(
        Shape.TS_DOT_HMS,
        r"\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}:\d{2}:\d{2}",
        "%d.%m.%Y %H:%M:%S",
        None,
        True,
        (16, 19),
        ".",
    ),
    # Year first with dots, padded: 2025.5.3 is as often a version (CalVer, an IDE's 2023.3.2).
    DateShape(Shape.DATE_YMD_DOT, r"\d{4}\.\d{2}\.\d{2}", "%Y.%m.%d", None, False, (10, 10), "."),
    DateShape(
        Shape.TS_YMD_DOT_HM, r"\d{4}\.\d{2}\.\d{2} \d{1,2}:\d{2}", "%Y.%m.%d %H:%M", None, True, (15, 16), "."
    ),
    DateShape(
        Shape.TS_YMD_DOT_HMS,
        r"\d{4}\.\d{2}\.\d{2} \d{1,2}:\d{2}:\d{2}",
        "%Y.%m.%d %H:%M:%S",
        None,
        True,
        (18, 19),
        ".",
    ),
    # ISO 8601's basic format (iCalendar, file names, some APIs): no separators, a T before the time.
    DateShape(Shape.TS_ISO_BASIC, r"\d{8}T\d{6}", "%Y%m%dT%H%M%S", None, True, (15, 15), "basic"),
    DateShape(
        Shape.TS_ISO_BASIC_ZONE,
        r"\d{8}T\d{6}" + ZONE_REGEX,
        "%Y%m%dT%H%M%S%z",
        None,
        True,
        (16, 21),
        "basic",
    ),
    # With a fraction of one to six digits (no more: DuckDB's %f reads six).
    DateShape(
        Shape.TS_ISO_BASIC_FRACTION,
        r"\d{8}T\d{6}\.\d{1,6}",
        "%Y%m%dT%H%M%S.%f",
        None,
        True,
        (17, 22),
        "basic",
    ),
    DateShape(
        Shape.TS_ISO_BASIC_FRACTION_ZONE,
        r"\d{8}T\d{6}\.\d{1,6}" + ZONE_REGEX,
        "%Y%m%dT%H%M%S.%f%z",
        None,
        True,
        (18, 28),
        "basic",
    ),
)


def format_order(formats: Sequence[str]) -> Literal["day_first", "month_first"] | None:
    """The order the day-or-month-first formats among ``formats`` read (``%m/%d/%Y``, ``%m-%d-%Y %H:%M``:
    month first), when they all read one; None when none of them is such a format, or they read both.
    An override's ``formats`` of one order say the column's order (``columns.<t>.<c>.formats``)."""
    orders: set[Literal["day_first", "month_first"]] = set()
    for shape in DATE_SHAPES:
        if shape.month_first is not None:
            if shape.day_first in formats:
                orders.add("day_first")
            if shape.month_first in formats:
                orders.add("month_first")
    return orders.pop() if len(orders) == 1 else None


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
    + _GO_OFFSET_AND_TAIL
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

#: The most digits a PostgreSQL numeric column holds here (precision 38, a decimal128).
NUMERIC_DIGITS = 38

#: U+2212 MINUS SIGN: the sign ICU/CLDR number formatting writes for negatives in Swedish, Norwegian,
#: Finnish, Lithuanian, Slovenian, Croatian, Estonian ... locales (``−1 234,50``), and so spreadsheets
#: exported from them. Before a value's digits (:data:`MINUS_SIGN_START_REGEX`) it is read as ``-``: a
#: number's every shape below then applies to the value with ``-`` in its place (``minus_sign``).
MINUS_SIGN = "\u2212"
#: The ASCII sign that stands for it (:data:`MINUS_SIGN` is 3 bytes in UTF-8, this one 1).
ASCII_MINUS = "-"
#: A trimmed value starting so is read with :data:`ASCII_MINUS` in place of its first character
#: (searched, anchored): the sign, then a digit or a point (``−.5``). A sign before anything else
#: (``−``, ``−−5``, ``− 5``, ``−x``) is no number's, and stays as written.
MINUS_SIGN_START_REGEX = "^" + MINUS_SIGN + r"[0-9.]"
#: Dashes not read as a minus sign, with the reason (docs/profiling.md "The minus sign"): U+2013 EN DASH
#: is a minus in some typeset reports but a range's separator as often (``10–12``, ``–5`` as "up to 5"),
#: so a column of them proves nothing; U+FE63 SMALL HYPHEN-MINUS and U+FF0D FULLWIDTH HYPHEN-MINUS come
#: with full-width or small digits (``－１２``), which no number shape reads either: such values keep
#: their column text, every cell as written.
NOT_MINUS_SIGNS = ("\u2013", "\ufe63", "\uff0d")

#: An integer: at most 38 digits (the widest decimal), a sign allowed.
INTEGER_REGEX = r"[+-]?\d{1,38}"
#: An integer as the profile shapes it: any number of digits. One of more than 38 is a number too, no
#: code: its column is kept text, every cell kept (lossless.lossless), as a decimal that wide keeps
#: it; shaped as no number it was counted ``invalid_number`` and quarantined (until 2026-12-02). The
#: cleaner reads integers of :data:`INTEGER_REGEX` only: a wider one never reaches it as a number.
PROFILE_INTEGER_REGEX = r"[+-]?\d+"
DECIMAL_REGEX = r"[+-]?(\d+\.\d*|\.\d+)"
#: Exponent text (``1.5e3``) is a number, expanded by cleaning (audited as ``exponent``).
EXPONENT_REGEX = r"[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+"
#: Digits, an E and digits, nothing else (``1E5``, ``12e3``): in a column of integers otherwise, a code.
EXPONENT_BARE_REGEX = r"[+-]?\d+[eE]\d+"
#: A value holding an exponent marker (searched, not full match).
EXPONENT_MARK_REGEX = "[eE]"
#: A comma decimal (``3,5``) is a number once :data:`DECIMAL_COMMA` is made a point.
COMMA_DECIMAL_REGEX = r"[+-]?\d+,\d+"
#: Two integers joined by a comma, neither signed nor starting with 0 unless it is 0 itself (``1,3``,
#: ``16,10751``, ``0,1``, ``1,0``): a decimal comma, or a list of two ids or zero-based positions (tags
#: ``'1,3'``, an order ``'1,0'``). Only a decimal is written ``1,05``, ``149,00``, ``0,05`` or ``-1,5``
#: (no id is written ``05``): those of :data:`COMMA_DECIMAL_REGEX` prove decimal commas, these need the
#: column's or the export's proof (docs/profiling.md "Commas in numbers").
COMMA_JOINED_REGEX = r"(?:0|[1-9]\d*),(?:0|[1-9]\d*)"
DECIMAL_COMMA = ","
#: One comma before exactly three digits, after one to three that do not start with 0 (``1,234``,
#: ``-12,500``): a decimal comma or a thousands separator. Which one, the column's other values tell
#: (:data:`GROUPED_REGEXES` prove grouping, any other comma decimal proves a decimal comma).
COMMA_GROUP3_REGEX = r"-?[1-9]\d{0,2},\d{3}"
#: Numbers whose commas can only group thousands: two groups or more, or a group and a point.
GROUPED_INTEGER_REGEX = r"-?[1-9]\d{0,2}(,\d{3}){2,}"
GROUPED_DECIMAL_REGEX = r"-?[1-9]\d{0,2}(,\d{3})+\.\d+"
THOUSANDS_SEPARATOR = ","
#: The digits of a thousands group: a number of more whole digits than this (``1234``, ``1234.50``,
#: 1000 or more) is written with a separator where its column's convention groups thousands. Counted
#: by the profile for the quality score only (``ColumnProfile.format_misfits``): no rule reads it.
GROUP_DIGITS = 3
#: One point before exactly three digits, after one to three that do not start with 0 (``1.234``,
#: ``12.500``): a decimal everywhere but in a column whose commas are decimal (a German ``1.234`` is
#: 1234): there it is read neither way.
DOT_GROUP3_REGEX = r"-?[1-9]\d{0,2}\.\d{3}"
#: Digit-group separators other than the comma (docs/profiling.md "Numbers grouped by spaces or
#: apostrophes"): the spaces number formatting writes (French, Nordic, Polish, Czech, Russian exports:
#: U+0020; the no-break space U+00A0 and the narrow no-break space U+202F that Excel, ICU and
#: ``locale`` write; the thin space U+2009) and the apostrophes of Swiss ones (U+0027, U+2019).
SPACE_GROUP_SEPARATORS = (" ", "\u00a0", "\u202f", "\u2009")
APOSTROPHE_GROUP_SEPARATORS = ("'", "\u2019")
GROUP_SEPARATORS = (*SPACE_GROUP_SEPARATORS, *APOSTROPHE_GROUP_SEPARATORS)


def _groups(separators: tuple[str, ...], *, spaced_at_least: int = 1) -> str:
    """One to three digits (not starting with 0, a '-' allowed), then groups of exactly three digits,
    each after the same separator (one of ``separators``: a value mixing two is none); with U+0020,
    at least ``spaced_at_least`` groups."""
    runs = [rf"(?:{sep}\d{{3}}){{{spaced_at_least if sep == ' ' else 1},}}" for sep in separators]
    return r"-?[1-9]\d{0,2}(?:" + "|".join(runs) + ")"


#: ``123 456``: one group after a plain space, nothing else. One number or two (a count and another
#: beside it): only the column's other values tell (see :data:`DIGIT_GROUPED_INTEGER_REGEX`).
SPACE_GROUP3_REGEX = r"-?[1-9]\d{0,2} \d{3}"
#: Grouped integers no second reading explains: two groups or more, or a separator nobody types
#: between two numbers (a no-break or thin space, an apostrophe): ``1 234 567``, ``12\u202f345``, ``1'234``.
DIGIT_GROUPED_INTEGER_REGEX = _groups(GROUP_SEPARATORS, spaced_at_least=2)
#: Grouped by spaces with a decimal comma (``39 924,83``: French, Nordic, Slavic) ...
DIGIT_GROUPED_COMMA_REGEX = _groups(SPACE_GROUP_SEPARATORS) + r",\d+"
#: ... and by spaces or apostrophes with a decimal point (``39 924.83``, SI's; ``1'234.50``, Swiss).
DIGIT_GROUPED_POINT_REGEX = _groups(GROUP_SEPARATORS) + r"\.\d+"


def grouped_number_regexes(separator: str) -> tuple[str, ...]:
    """The patterns of the numbers grouped by ``separator`` alone (one of :data:`GROUP_SEPARATORS`),
    integers first: what a column reading that separator (``digit_groups``) reads. Together they are
    the values of :data:`DIGIT_GROUP_REGEXES` whose separator it is."""
    integer = _groups((separator,))
    decimals = [integer + r"\.\d+"]
    if separator in SPACE_GROUP_SEPARATORS:
        decimals.insert(0, integer + r",\d+")
    return (integer, *decimals)


#: A grouped number is at most this long in bytes (a sign, 38 digits, 12 separators of 3 bytes, a
#: decimal mark): longer text never meets the patterns above (it is no number the cleaner could hold).
GROUPED_NUMBER_BYTES = 1 + NUMERIC_DIGITS + 12 * 3 + 1
#: The number shapes other than integers, in the profiler's CASE order (the groups before the
#: decimals: the first matching shape wins).
NUMBER_REGEXES: tuple[tuple[Shape, str], ...] = (
    (Shape.DOT_GROUP3, DOT_GROUP3_REGEX),
    (Shape.DECIMAL, DECIMAL_REGEX),
    (Shape.EXPONENT_BARE, EXPONENT_BARE_REGEX),
    (Shape.EXPONENT, EXPONENT_REGEX),
    (Shape.COMMA_GROUP3, COMMA_GROUP3_REGEX),
    (Shape.GROUPED_INTEGER, GROUPED_INTEGER_REGEX),
    (Shape.GROUPED_DECIMAL, GROUPED_DECIMAL_REGEX),
    (Shape.COMMA_JOINED, COMMA_JOINED_REGEX),
    (Shape.COMMA_DECIMAL, COMMA_DECIMAL_REGEX),
)
#: The shapes whose commas group thousands in a column read that way (the comma group is either).
GROUPED_SHAPES = (Shape.COMMA_GROUP3, Shape.GROUPED_INTEGER, Shape.GROUPED_DECIMAL)
#: The shapes grouped by spaces or apostrophes, in the profiler's CASE order (behind a cheap test: a
#: short value with a separator in it), read in a column whose every value proves the convention
#: (docs/profiling.md).
DIGIT_GROUP_REGEXES: tuple[tuple[Shape, str], ...] = (
    (Shape.SPACE_GROUP3, SPACE_GROUP3_REGEX),
    (Shape.DIGIT_GROUPED_INTEGER, DIGIT_GROUPED_INTEGER_REGEX),
    (Shape.DIGIT_GROUPED_COMMA, DIGIT_GROUPED_COMMA_REGEX),
    (Shape.DIGIT_GROUPED_POINT, DIGIT_GROUPED_POINT_REGEX),
)
DIGIT_GROUPED_SHAPES = tuple(shape for shape, _ in DIGIT_GROUP_REGEXES)
#: All of them in one pattern, as the profiler matches them (one regex, then the shape by cheap tests:
#: its decimal mark, and for U+0020 the number of groups; tests/test_rules.py checks it against
#: :data:`DIGIT_GROUP_REGEXES`).
DIGIT_GROUPED_REGEX = (
    _groups(SPACE_GROUP_SEPARATORS) + r"(?:[,.]\d+)?|" + _groups(APOSTROPHE_GROUP_SEPARATORS) + r"(?:\.\d+)?"
)
#: The longest U+0020-grouped integer of one group (``-123 456`` less its sign): :attr:`Shape.SPACE_GROUP3`.
SPACE_GROUP3_BYTES = 7
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
CANONICAL_NUMBER_REGEX = r"(0|[1-9]\d*)(\.\d+)?|-(0\.\d*[1-9]\d*|[1-9]\d*(\.\d+)?)"
#: The fraction digits of a number (searched): more than the column's scale means rounding.
FRACTION_DIGITS_REGEX = r"[.,]([0-9]+)"


def whole_digits(low: float | None, high: float | None) -> int:
    """Digits before the point of the wider of two bounds: what a numeric column must hold. A bound
    beyond any double (a 140,000-digit decimal) is wider than any precision. The profile, which decides
    whether a column can be numeric, and the plan, which sizes it, both count so."""
    bound = max(abs(float(low or 0)), abs(float(high or 0)))
    return len(str(int(bound))) if math.isfinite(bound) else NUMERIC_DIGITS + 1


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
