"""The type a column's values make by their shapes: bytes, booleans, moments, dates, numbers or text."""

from __future__ import annotations

import re

from columnar_etl.models import DATE_TYPES, InferredType
from columnar_etl.profiling.affinity import declared_binary, declared_zoned
from columnar_etl.profiling.blanks import NO_VALUES_REASON, bare_default, lists_no_boolean
from columnar_etl.profiling.epochs import before_the_gregorian_calendar, moment_numbers, numbers_two_ways
from columnar_etl.profiling.lossless import fixed_scale_exponents, values_with_time
from columnar_etl.profiling.number_reading import MAJORITY, TEXT_NARROWING_SHARE, Counts, unread_reason
from columnar_etl.profiling.profile_codes import Flag, StorageClass
from columnar_etl.profiling.reference_names import VERSION_WORDS
from columnar_etl.rules import Shape
from columnar_etl.rules.date_shapes import DATE_SHAPES
from columnar_etl.rules.dates import COMPACT_TIMESTAMP_FORMAT, GREGORIAN_FIRST_DAY, ZONED_SHAPES
from columnar_etl.source.naming import camel_words
from columnar_etl.source.tables import SourceColumn

#: The families a declared number type claims (SQLite's INTEGER, REAL and NUMERIC affinities).
NUMBER_FAMILIES = ("integer", "numeric", "double")


def shaped_type(
    column: SourceColumn,
    counts: Counts,
    family: InferredType | None,
    present: int,
    *,
    n_dates: int,
    n_numbers: int,
    n_bool: int,
    n_bool_words: int,
    fractional: int,
    non_finite: int,
    two_digit: int,
) -> tuple[InferredType, str, bool, int, str | None]:
    """The type a column's values make by their shapes (before :func:`.lossless.lossless` keeps it text
    where it would not hold every value as written) and its reason, decided in this order: bytes,
    no value, booleans, infinities, moments written two ways, dates, numbers nothing tells how to
    read, numbers, times of day, text. Also whether its values are moments written two ways (text,
    none a misfit), how many are its DEFAULT's current time beside instants
    (:func:`_current_timestamps_beside_instants`), and why it is binary data written as TEXT
    (:func:`binary_text`), or None."""
    classes = counts.classes
    inferred: InferredType
    reason: str
    # Moments written two ways in a column declared a date or timestamp (see below): text, but every
    # value one of the declared type's: no misfit.
    two_ways = False
    #: Values that are the column's DEFAULT CURRENT_TIMESTAMP beside instants with their offset.
    defaulted = 0
    # Binary data written as TEXT (NUL bytes inside most values): bytea, as BLOB cells make it.
    written_binary = None if classes[StorageClass.BLOB] else binary_text(counts)
    if classes[StorageClass.BLOB]:
        inferred, reason = "bytea", "BLOB cells: bytes, kept byte for byte"
    elif written_binary:
        inferred, reason = "bytea", written_binary
    elif present == 0:
        # No value to go by: the declared type (a BLOB column with no attachment yet is bytea, so that
        # a later export's first attachment changes no type). Blank TEXT cells are no attachment: a
        # binary-declared column of '' alone (a wiki's NOT NULL DEFAULT '' name, every string declared
        # BLOB) is text, its blanks NULL by the rule, as in any text column.
        binary = family is None and declared_binary(column.declared_type) and not classes[StorageClass.TEXT]
        inferred, reason = "bytea" if binary else family or "text", NO_VALUES_REASON
        if column.counts_from is not None:
            # A Core Data date holds seconds since its epoch (conventions.core_data_dates), doubles, as
            # its columns with values load: no timestamp that the next export's first value changes
            # (until 2026-12-07 an empty one was a timestamp beside its siblings' doubles).
            inferred = "double"
        if declared_zoned(column.declared_type):
            # TIMESTAMPTZ, WITH TIME ZONE: instants, as the next export's first value with its offset
            # will be (until 2026-12-05 a timestamp without time zone, whose type that value changed).
            inferred = "timestamptz"
    elif (
        family == "boolean"
        and n_bool / present >= MAJORITY
        and not _other_numbers(counts, present)
        and not lists_no_boolean(column)
    ):
        inferred, reason = "boolean", "boolean spellings"
    elif (
        n_bool_words
        and family not in NUMBER_FAMILIES
        and present - n_bool <= TEXT_NARROWING_SHARE * present
        and 0 < counts.flag(Flag.TRUE_WORD) < n_bool
        and not lists_no_boolean(column)
    ):
        # Undeclared, every value must be a spelling: Y/N/T/F are also sizes, genders, directions
        # and country codes (M/F/N, S/M/L/XL, NO/SE/DK), whose other values are no boolean at all.
        # And both truths must be there: a column of NO alone is a Norwegian customer list, of F
        # alone a maternity ward's patients, of no alone a language (helper 21: all were false).
        # Declared a number type (INTEGER, REAL, NUMERIC), the 0s and 1s are numbers, as in a column
        # of them alone: a word among them does not make them booleans (until 2026-12-03 one ``yes``
        # in an INTEGER column of 0/1 loaded the column as booleans).
        inferred, reason = "boolean", "boolean spellings"
    elif non_finite == present and family in (*NUMBER_FAMILIES, *DATE_TYPES):
        # Nothing but infinities or NaN written as text where the declared type is a number or a date
        # (a temporal table whose every row is current: valid_to 'infinity' in each): values of that
        # type, as beside its other values; lossless keeps them text, every value as written, and
        # they misfit nothing (until 2026-12-03 "text where the declared type says otherwise", every
        # value a type_mismatch: two such columns in a table of six halted the run).
        inferred, reason = family, "infinities or NaN written as text"
    elif n_dates and n_numbers and (numbers := moment_numbers(column, family, counts, fractional)):
        # Instants written two ways (an ORM's epoch milliseconds beside the text a raw SQL insert's
        # DEFAULT CURRENT_TIMESTAMP wrote; SQLite's REAL julianday() or Python's REAL time.time() beside
        # it): neither are invalid numbers nor unparseable dates, whichever are more; none to quarantine.
        inferred, reason = (
            "text",
            f"{n_numbers} {numbers.phrase} and {n_dates} values are date/time text: "
            "instants written two ways, kept as text (every value as written)",
        )
        two_ways = family in DATE_TYPES
    elif not n_dates and n_numbers == present and (moments := numbers_two_ways(column, family, counts)):
        # Nothing but numbers, of two of SQLite's ways (strftime('%s') integers beside julianday()
        # REALs): a double would hold them, but as two units no reader could tell apart; text, as
        # moments written two ways beside date text are.
        inferred, reason = (
            "text",
            f"{n_numbers} {moments}: instants written two ways, kept as text (every value as written)",
        )
        two_ways = True
    elif n_dates == present and family not in DATE_TYPES and _day_directories(column, counts, present):
        inferred, reason = "text", DAY_DIRECTORIES
    elif (n_dates or two_digit) and (n_dates + two_digit + non_finite) / present >= MAJORITY:
        inferred, reason, two_ways, defaulted = _date_type(
            column, counts, family, present, n_dates=n_dates, two_digit=two_digit, non_finite=non_finite
        )
    elif (unread := counts.unread()) and (n_numbers + unread) / present >= MAJORITY:
        # Numbers, but some that nothing tells how to read: reading them either way would guess
        # (1,234 is 1.234 in Berlin and 1234 in Boston; 1E5 is a code beside integers).
        inferred, reason = "text", unread_reason(counts, unread)
    elif n_numbers and (n_numbers + non_finite) / present >= MAJORITY:
        inferred, reason = _number_type(column, counts, family, fractional)
    elif present and counts.shape(Shape.TIME_OF_DAY) == present:
        # Declared a time of day without zone (only such a column's text is shaped so: see _clocked),
        # and every present value is one: PostgreSQL's time, each value read as its time. One value
        # of another shape (a date with it, 24:00, an offset, 7 fraction digits, a word, a number)
        # and the values decide as before: text, every value as written.
        inferred, reason = "time", "times of day (24-hour, no UTC offset) in a column declared a time of day"
    else:
        inferred, reason = "text", "text"
    return inferred, reason, two_ways, defaulted, written_binary


def _date_type(
    column: SourceColumn,
    counts: Counts,
    family: InferredType | None,
    present: int,
    *,
    n_dates: int,
    two_digit: int,
    non_finite: int,
) -> tuple[InferredType, str, bool, int]:
    """The type of a column most of whose values are dates (:func:`shaped_type`): date, timestamp or
    timestamptz by what they hold (a time of day, an offset), or text where they are of another
    calendar or mix instants with wall-clock times; whether its values are then moments written two
    ways, and how many are its DEFAULT's current time beside instants."""
    inferred: InferredType
    two_ways = False
    defaulted = 0
    # A timestamp finer than microseconds has a time of day, offset or not; whether it has an
    # offset its shape does not say, so the offsets are compared among the others (lossless keeps
    # such a column text: Go's nanoseconds beside its zero time 0001-01-01 00:00:00+00:00 mix
    # nothing, and a column of them alone is of timestamps, as declared: no type mismatch).
    finer = counts.shape(Shape.TS_FINER_THAN_MICROSECONDS)
    # Declared DATE, a valid wall-clock time at exactly midnight is a whole day written as a
    # timestamp (sqlite-jdbc's date_class=TEXT writes a java.sql.Date `2024-05-27 00:00:00.000`):
    # it makes no timestamp of the column (until 2026-12-04 it did).
    dated = family == "date"
    timed = (
        any(values_with_time(counts, s.shape, declared_date=dated) for s in DATE_SHAPES if s.has_time)
        or bool(counts.compact.get(COMPACT_TIMESTAMP_FORMAT))
        or bool(finer)
    )
    zoned = counts.shape(*ZONED_SHAPES)
    inferred = "timestamptz" if zoned else "timestamp" if timed else "date"
    if two_digit and not timed and family == "timestamp":
        inferred = "timestamp"  # Oracle's 20-MAY-24 08.42.00.000000 AM: no shape says its time
    reason = "date/time text in recognised formats" + (", with a UTC offset: instants" if zoned else "")
    if before_the_gregorian_calendar(counts):
        inferred, reason = "text", BEFORE_GREGORIAN
    elif zoned and (defaulted := _current_timestamps_beside_instants(column, counts, zoned, n_dates - finer)):
        # SQLite writes its CURRENT_TIMESTAMP in UTC: the DEFAULT's text in rows a raw INSERT left
        # it to fill, beside the instants an ORM wrote with their offset, is an instant too.
        reason += (
            f"; {defaulted} without one {'is' if defaulted == 1 else 'are'} the column's DEFAULT "
            f"{column.default}, which SQLite writes in UTC: read as UTC"
        )
    elif zoned and zoned < n_dates - finer:
        # An instant and a wall-clock time (whose zone nobody wrote down) cannot share a column
        # without guessing that zone.
        inferred, reason = (
            "text",
            (
                f"{zoned} of {n_dates} date/time values carry a UTC offset and the others do not: "
                "kept as text (set the column's type to read them)"
            ),
        )
        # Every value a moment, as a date column declares: written two ways, none misfits (GDAL
        # writes a GeoPackage DATETIME with its offset where known; until 2026-12-05 each value
        # was a type_mismatch). A value of no date shape beside them: charged as before.
        two_ways = family in DATE_TYPES and n_dates + non_finite == present
    return inferred, reason, two_ways, defaulted


def _number_type(
    column: SourceColumn, counts: Counts, family: InferredType | None, fractional: int
) -> tuple[InferredType, str]:
    """The type of a column most of whose values are numbers (:func:`shaped_type`): integer, numeric or
    double, or text where they are a name/value table's values or versions."""
    inferred: InferredType
    reason: str
    scale = counts["max_scale"] or 0
    if _setting_text(column, counts):
        # A name/value table's values: each row's is of the kind its name says (a version 2.10, a
        # count, a path), numbers among them by chance.
        inferred, reason = "text", SETTING_TEXT
    elif fractional == 0:
        inferred, reason = "integer", "integers"
    elif _version_text(column, counts):
        # 1.10 follows 1.9 and is not 1.1: a version written with a point is a label, and as a
        # decimal it would read 0.10 for the 0.1 written (a CrowdSec agent's scenario_version).
        inferred, reason = "text", VERSION_TEXT
    elif family == "numeric" or counts.shape(Shape.EXPONENT, Shape.EXPONENT_BARE) == 0:
        # Decimal text is exact as numeric at any scale; a double would round past 15-17 digits.
        inferred, reason = "numeric", f"decimals with at most {scale} fraction digits"
    elif fixed_scale_exponents(counts):
        # Python's str of a Decimal quantized to 8 places: '1.50000000' beside '0E-8' and '5.0E-7'
        # (Tortoise ORM's DecimalField, VARCHAR(40)): decimals of one scale, not floats.
        inferred, reason = (
            "numeric",
            f"decimals written with {scale} fraction digits each (exponents too)",
        )
    else:
        inferred, reason = "double", "floating-point numbers"
    return inferred, reason


def binary_text(counts: Counts) -> str | None:
    """Why a column of TEXT cells holds binary data written as TEXT (Chromium's protobuf blobs bound
    as strings), or None: more than half of its non-empty TEXT values hold a NUL byte no text's
    terminator explains (:attr:`Flag.BINARY_NUL`: another byte after it, or control bytes before it),
    or are no UTF-8 and hold control bytes (bytes PHP's PDO bound as strings: an Eloquent ``binary()``
    column of ``random_bytes()``, most values without a NUL).
    PostgreSQL's text holds no NUL: as text, each value lost its NULs, its ends as whitespace and its
    other bytes to the encoding fallback; as bytea each arrives byte for byte (audited ``as_bytes``).
    NULs ending text (a C string's terminator), or in a minority of the values, are text's: the NULs
    are removed (``nul_removed``), the value kept text."""
    binary = counts.flag(Flag.BINARY_NUL)
    written = counts.classes[StorageClass.TEXT] - counts.text_shape(Shape.EMPTY)
    if not binary or binary / written <= MAJORITY:
        return None
    return (
        f"{binary:,} of {written:,} TEXT values hold a NUL byte that ends no text (bytes after it, or "
        "control bytes before it), or control bytes in what is no UTF-8: binary data written as TEXT, "
        "kept byte for byte"
    )


def _other_numbers(counts: Counts, present: int) -> bool:
    """Every value a number, and some not 0 or 1: a declared BOOLEAN column of Access's Yes/No copied
    as ``CInt`` (-1 for true), of a tri-state flag (0/1/2), or of scores or shares (``0.5``, ``1.5``:
    REAL cells). Those numbers are what the column means (no rule reads -1 or 0.5 as true): it is a
    number column, not a boolean one with them quarantined (until 2026-12-03 a REAL cell's fraction
    made the column boolean, each such cell quarantined, NULL: half a column of them)."""
    return counts.numbers() == present and counts.flag(Flag.ZERO_ONE) < present


#: The DEFAULTs SQLite fills with the current time in UTC as ``YYYY-MM-DD HH:MM:SS`` (Shape.TS_ISO),
#: as written in a schema (lower case, parentheses and spaces aside).
UTC_NOW_DEFAULTS = frozenset({"current_timestamp", "datetime('now')", 'datetime("now")'})


def _current_timestamps_beside_instants(column: SourceColumn, counts: Counts, zoned: int, dates: int) -> int:
    """How many of a column's date/time values are its DEFAULT's current time in UTC beside instants
    written with an offset (``zoned`` of its ``dates``), else 0: the column declares ``DEFAULT
    CURRENT_TIMESTAMP`` (or ``datetime('now')``), which SQLite writes as ``2025-05-20 08:42:00`` in UTC,
    and every value without an offset is of that shape (Shape.TS_ISO). An ORM writing its instants with
    their offset (Sequelize's ``… +00:00``, Prisma's, Go's) beside a raw INSERT's rows (a seed, a
    migration's backfill) writes both: one column of instants, not wall-clock times beside them (until
    2026-12-05 text). Values of another shape without an offset (a fraction, a ``T``) are no DEFAULT's:
    their zone is unknown, and the column stays text."""
    if re.sub(r"\s+", "", bare_default(column.default).lower()) not in UTC_NOW_DEFAULTS:
        return 0
    naive = dates - zoned
    return naive if naive > 0 and counts.shape(Shape.TS_ISO) == naive else 0


#: The reason a column named as a version, of numbers with a point written as TEXT, stays text.
VERSION_TEXT = "versions or ids written with a point (1.10 follows 1.9, not 1.1): labels, kept as text"


#: The last words of a column's name that say its numbers with a point are labels: versions
#: (:data:`.reference_names.VERSION_WORDS`) and dotted identifiers (``id``: Mnemosyne's ``fact_view_id``
#: ``'2.1'``, a card kind's second view).
LABEL_WORDS = VERSION_WORDS | {"id"}


#: The reason a name/value table's value column of numbers written as TEXT stays text.
SETTING_TEXT = (
    "the values of a name/value table (a declared unique name beside them): each of the kind its "
    "setting says, kept as text"
)


def _setting_text(column: SourceColumn, counts: Counts) -> bool:
    """Whether a column of numbers is a name/value table's values (:attr:`SourceColumn.setting_value`,
    :func:`~columnar_etl.source.conventions.setting_values`) written as TEXT alone: each row's value is
    of the kind its row's name says (vnStat's ``info``: its version ``2.10``, a schema number ``1``, a
    creation time), and the next setting may be a word. A value column the application wrote as
    INTEGER or REAL cells is typed by its writer, as any column."""
    return (
        column.setting_value
        and not counts.classes[StorageClass.INTEGER]
        and not counts.classes[StorageClass.REAL]
    )


#: The last words of a column's name that say it holds a place on disk (a ``content_path``, an
#: ``archive_dir``, a ``folder``): :func:`_day_directories`.
PATH_WORDS = frozenset({"path", "dir", "directory", "folder"})

#: The type reason of a column of days written as a path's directories (:func:`_day_directories`).
DAY_DIRECTORIES = (
    "every value is a day written as a path's directories (2024/05/20) under a name saying a path: "
    "where files are kept, not a date: kept as text (set the column's type to read them as dates)"
)


def _day_directories(column: SourceColumn, counts: Counts, present: int) -> bool:
    """Whether a column not declared a date holds days written as directories, ``YYYY/MM/DD``, under a
    name whose last word says a path (:data:`PATH_WORDS`): a help desk's article storage on disk
    (OTRS's ``article.content_path``, ``2024/05/20``, the folder of the day its mail came in under
    ``var/article``) names a folder, and read as dates (``date_format:%Y/%m/%d``) its values would no
    longer name it (``2024-05-20``). Every present value must be of that shape (since 2026-12-07)."""
    words = camel_words(column.name)
    return bool(words) and words[-1] in PATH_WORDS and counts.shape(Shape.DATE_YMD_SLASH) == present


def _version_text(column: SourceColumn, counts: Counts) -> bool:
    """Whether a column of numbers with a point is of versions or dotted ids: its name's last word
    says so (:data:`LABEL_WORDS`: ``version``, ``scenario_version``, ``appVersion``, ``revision``,
    ``fact_view_id``) and they are TEXT, no REAL among them (a version stored as a REAL is a number
    already: the writer chose it). Read as decimals, ``0.1`` would arrive as ``0.10`` beside ``0.2``,
    and ``1.10`` would equal ``1.1``. Whole numbers (schema versions 1..12, ids) stay integers."""
    words = camel_words(column.name)
    return bool(words) and words[-1] in LABEL_WORDS and not counts.classes[StorageClass.REAL]


#: The type reason of a date column of another calendar (see :data:`GREGORIAN_FIRST_DAY`).
BEFORE_GREGORIAN = (
    "every date lies before {:04d}-{:02d}-{:02d}, the Gregorian calendar's first day: another calendar's "
    "(Solar Hijri 1405/09/11, Islamic 1448-06-12), which read as Gregorian days would be centuries off: "
    "kept as text (set the column's type to read them as dates)"
).format(*GREGORIAN_FIRST_DAY)
