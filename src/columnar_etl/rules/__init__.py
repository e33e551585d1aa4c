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

The package holds them by kind: this module the text's (whitespace, NUL, null tokens, booleans) and the
shapes a value may have (:class:`Shape`); :mod:`.dates` and :mod:`.date_shapes` the dates', :mod:`.numbers`
the numbers', :mod:`.epochs` the counts of time since an epoch.
"""

from __future__ import annotations

from enum import IntEnum, unique

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
