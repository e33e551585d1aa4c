"""One column's profile from its counted shapes: its type, confidence and dirt (:func:`infer_column`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timedelta
from functools import partial
from typing import Any, cast

from columnar_etl.config import ColumnOverride
from columnar_etl.models import (
    DATE_TYPES,
    ColumnProfile,
    DateOrder,
    EpochUnit,
    InferredType,
    Issue,
)
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.affinity import (
    READ_AS_TIME,
    declared_binary,
    declared_bit,
    declared_family,
    declared_scale,
    declared_wall_clock_time,
    declared_zoned,
    time_of_day_or_interval,
)
from columnar_etl.profiling.blanks import (
    NO_VALUES_REASON,
    bare_default,
    declared_default_value,
    lists_no_boolean,
    literal_default,
)
from columnar_etl.profiling.epochs import (
    EPOCH_UNITS,
    MomentUnit,
    before_the_gregorian_calendar,
    date_bounds,
    durations_since_epoch,
    epoch_beside_zeros,
    epoch_days,
    epoch_for_no_date,
    epoch_nanoseconds,
    epoch_open_ends,
    epoch_reading,
    moment_expression,
    moment_numbers,
    numbers_two_ways,
    some_time_of_day,
    whole_days,
    windows_filetime,
)
from columnar_etl.profiling.layout import (
    break_padded,
    break_padded_detail,
    documents_kept_note,
    documents_trimmed_detail,
    indented,
    indented_detail,
    layout_kept_note,
    line_terminated,
    line_terminated_detail,
    own_format_detail,
    padded_width,
    padded_width_detail,
)
from columnar_etl.profiling.lossless import (
    cleanly_read_count,
    compact_dates,
    dates_beside_default_zeros,
    declared_misfits,
    exact_integer_bounds,
    fixed_scale_exponents,
    kept_whole_note,
    lossless,
    text_of_the_type,
    values_with_time,
    widest_whole_digits,
)
from columnar_etl.profiling.merged_numbers import KEPT_AS_NUMBERS
from columnar_etl.profiling.number_reading import (
    COMMA_SHAPES,
    COMMAS_PROVEN,
    CONFLICTING_ORDER,
    MAJORITY,
    POINTS_PROVEN,
    TEXT_NARROWING_SHARE,
    Counts,
    date_convention,
    decimal_mark_of,
    no_integer_but_zero,
    points_unread,
    separator_name,
    stored_from_text,
    unproven_commas,
    unread_reason,
)
from columnar_etl.profiling.number_text import UNGROUPED
from columnar_etl.profiling.overrides import (
    FORMAT_READS,
    OverrideReading,
    order_flag,
    override_reading,
)
from columnar_etl.profiling.profile_codes import (
    DATE_SHAPE_BY_CODE,
    EXAMPLES,
    NUMBER_SHAPES,
    SLASH_SHAPES,
    STORAGE_CLASS_NAMES,
    WALL_CLOCK_SHAPES,
    Flag,
    StorageClass,
    make_code,
    split_code,
)
from columnar_etl.profiling.reference_names import VERSION_WORDS
from columnar_etl.profiling.tokens import clipped
from columnar_etl.rules import (
    CANONICAL_DATE_SHAPES,
    COMPACT_TIMESTAMP_FORMAT,
    DATE_SHAPES,
    DIGIT_GROUPED_SHAPES,
    EPOCH_PER_SECOND,
    GREGORIAN_FIRST_DAY,
    GROUPED_SHAPES,
    WHITESPACE,
    ZONED_SHAPES,
    DateShape,
    Shape,
)
from columnar_etl.source.catalogue import SourceColumn
from columnar_etl.source.naming import camel_words
from columnar_etl.wording import agree, counted

#: The families a declared number type claims (SQLite's INTEGER, REAL and NUMERIC affinities).
NUMBER_FAMILIES = ("integer", "numeric", "double")


def _compatible(declared: InferredType | None, inferred: InferredType) -> bool:
    if declared is None or declared == inferred:
        return True
    if declared == "timestamp" and inferred == "timestamptz":  # TIMESTAMP WITH TIME ZONE, TIMESTAMPTZ
        return True
    numbers = {"integer", "double", "numeric"}
    # REAL holding 1.25 is numeric, INTEGER-affinity NUMERIC holding 2.5 is numeric: same family.
    return (
        declared in numbers and inferred in numbers and not (declared == "integer" and inferred != "integer")
    )


#: The own format (``ColumnProfile.own_format``) of a column whose numbers are written with a decimal comma.
DECIMAL_COMMA_FORMAT = "decimal comma"
#: ... and of one whose numbers of a thousand or more are written with commas grouping thousands.
THOUSANDS_COMMA_FORMAT = "thousands comma"


def _own_format(
    written: Mapping[str, int], total: int, canonical: Mapping[str, int] | None = None
) -> tuple[str | None, int]:
    """The column's own format and the values written otherwise: of ``total`` converted values, the
    non-canonical way most of them are written (``written``: values by format; the rest are written
    canonically), when it holds more than the canonical way does. (None, 0) when the canonical way
    holds most, or as many (the non-canonical values then are the ones written otherwise).
    Canonical values written the own format's way (``canonical``: by way; ``+00:00`` beside
    ``+02:00``, as one writer's offsets are; ``…:00+00:00`` beside ``…:00.000077+00:00``, a fraction
    written only where it is not 0) count as the own format's, never as written otherwise.

    A column written one regional way (``20.05.2025 08:42``, ``3,5``) is written in its format, not
    dirty; mixing ways is what the quality score charges (:mod:`columnar_etl.profiling.quality`).
    """
    if not written:
        return None, 0
    same_way = canonical or {}
    form, count = max(written.items(), key=lambda item: (item[1] + same_way.get(item[0], 0), item[0]))
    # Canonical values written the form's way are of it, not of the canonical way it competes with: a
    # writer that drops a zero fraction (Go's, Python's str) writes most moments canonically and the odd
    # one with its fraction, one way (until 2026-12-06 such a minority cost as a second way).
    same = same_way.get(form, 0)
    if count + same <= total - sum(written.values()) - same:
        return None, 0
    return form, total - count - same


def _dates_read(
    counts: Counts, reading: DateOrder, by_override: OverrideReading | None
) -> Iterator[tuple[str, DateShape, int]]:
    """(format, shape, values) of each way the column's dates are read: every shape in ``reading``, or
    each of an override's formats, a value of a shape both of whose formats it lists read by the first
    (the cleaner's ``first_formats``)."""
    if by_override is None or not by_override.formats:
        for spec in DATE_SHAPES:
            fmt = spec.month_first if reading == "month_first" and spec.month_first else spec.day_first
            yield fmt, spec, counts.valid(spec.shape, reading)
        return
    taken: dict[Shape, int] = {}
    for fmt in by_override.formats:
        shape, flag = FORMAT_READS[fmt]
        yield fmt, DATE_SHAPE_BY_CODE[shape], counts.read(shape, flag, excluding=taken.get(shape, 0))
        taken[shape] = taken.get(shape, 0) | int(flag)


def _date_order(counts: Counts, default: DateOrder) -> tuple[DateOrder | None, str | None]:
    """Day-first if a first field > 12 proves it, month-first if a second field does; else ambiguous."""
    if counts.shape(*SLASH_SHAPES) == 0:
        return None, None
    day, month = counts.flag(Flag.FIRST_GT12), counts.flag(Flag.SECOND_GT12)
    if day and not month:
        return "day_first", None
    if month and not day:
        return "month_first", None
    if day and month:
        order: DateOrder = "day_first" if day >= month else "month_first"
        return order, f"{CONFLICTING_ORDER} ({day} day-first, {month} month-first); chose {order}"
    return "ambiguous", None


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


def infer_column(
    table: str,
    column: SourceColumn,
    row_count: int,
    agg: dict[str, Any],
    *,
    date_order_default: DateOrder = "day_first",
    override: ColumnOverride | None = None,
    blob_numerals: int = 0,
    points_proven: bool = False,
    commas_proven: bool = False,
    never_set: tuple[str, int, bool] | None = None,
    trimmed: bool = False,
) -> ColumnProfile:
    """Decide a column's type and issues from its aggregate row (no data is read here); a date column
    whose reading ``override`` names (``formats``, ``date_order``) is read as it says (.overrides).
    ``blob_numerals``: BLOB cells the source read as the numerals they spell (``Source.numeral_blobs``),
    among the TEXT cells of ``agg``.

    A column declared a date or timestamp that reads as one holds its ``0`` cells as MySQL's zero date
    (:func:`_zero_dates_as_null_like`): they are null-like, as the text ``0000-00-00 00:00:00`` is, and
    its plan reads :data:`ZERO_DATE_TOKEN` as NULL (``ColumnProfile.zero_dates``). ``never_set``: its
    declared DEFAULT that is no date (one no calendar has, or text that writes none) and how many cells
    hold it, counted null-like in ``agg`` already (:func:`never_set_default`): the plan reads it as
    NULL too.

    ``points_proven``: the export's other columns prove a point the decimal mark, so numbers such as
    ``1.200`` are decimals (:func:`.number_reading.points_as_the_export_proves`); ``commas_proven``: they
    prove a decimal comma, so comma-joined integers such as ``1,3`` are decimals
    (:func:`.number_reading.commas_as_the_export_proves`). ``trimmed``: the operator's ``trim = true`` for the
    column: documents (:func:`.layout.line_terminated`, :func:`.layout.indented`,
    :func:`.layout.break_padded`) are trimmed as it asks, not loaded byte for byte
    (``ColumnProfile.layout_kept``)."""
    if points_proven:
        agg = {**agg, POINTS_PROVEN: True}
    if commas_proven:
        agg = {**agg, COMMAS_PROVEN: True}
    infer = partial(
        _infer_column,
        table,
        column,
        row_count,
        date_order_default=date_order_default,
        override=override,
        blob_numerals=blob_numerals,
        trimmed=trimmed,
    )
    profiled = _zero_dates_read(column, infer, agg)
    if never_set is not None:
        token, cells, dated = never_set
        profiled.zero_dates.append(token)
        what = (
            'a date no calendar has: the schema\'s "not set"'
            if dated
            else "text that writes no date (SQL's current time quoted is stored as its text: no time "
            "was recorded)"
        )
        profiled.notes.append(
            f"{cells:,} {'cell holds' if cells == 1 else 'cells hold'} {token}, the DEFAULT the column "
            f"declares ({column.declared_type}), {what}, no date: NULL (rule null_like_to_null, as "
            "0000-00-00 00:00:00)"
        )
    return profiled


def _zero_dates_read(
    column: SourceColumn, infer: Callable[[dict[str, Any]], ColumnProfile], agg: dict[str, Any]
) -> ColumnProfile:
    """The column's profile (``infer`` of ``agg``: :func:`_infer_column`), its MySQL zero dates read
    as such (:func:`_zero_dates_as_null_like`)."""
    inferred = infer(agg)
    zeros = _zero_dates_as_null_like(column, inferred, agg)
    if zeros is None:
        return inferred
    reread = infer(zeros[0])
    if reread.inferred_type != inferred.inferred_type:
        return inferred
    reread.zero_dates = [ZERO_DATE_TOKEN]
    reread.notes.append(
        f"{zeros[1]:,} {'cell holds' if zeros[1] == 1 else 'cells hold'} {ZERO_DATE_TOKEN} in a column "
        f"declared {column.declared_type} whose other values are dates: MySQL's zero date as SQLite "
        "stores a DEFAULT 0, no date: NULL (rule null_like_to_null, as 0000-00-00 00:00:00)"
    )
    return reread


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
    :func:`~columnar_etl.source.catalogue.setting_values`) written as TEXT alone: each row's value is
    of the kind its row's name says (vnStat's ``info``: its version ``2.10``, a schema number ``1``, a
    creation time), and the next setting may be a word. A value column the application wrote as
    INTEGER or REAL cells is typed by its writer, as any column."""
    return (
        column.setting_value
        and not counts.classes[StorageClass.INTEGER]
        and not counts.classes[StorageClass.REAL]
    )


def _version_text(column: SourceColumn, counts: Counts) -> bool:
    """Whether a column of numbers with a point is of versions or dotted ids: its name's last word
    says so (:data:`LABEL_WORDS`: ``version``, ``scenario_version``, ``appVersion``, ``revision``,
    ``fact_view_id``) and they are TEXT, no REAL among them (a version stored as a REAL is a number
    already: the writer chose it). Read as decimals, ``0.1`` would arrive as ``0.10`` beside ``0.2``,
    and ``1.10`` would equal ``1.1``. Whole numbers (schema versions 1..12, ids) stay integers."""
    words = camel_words(column.name)
    return bool(words) and words[-1] in LABEL_WORDS and not counts.classes[StorageClass.REAL]


def never_set_default(
    column: SourceColumn, groups: list[dict[str, Any]], override: ColumnOverride | None
) -> tuple[list[dict[str, Any]], tuple[str, int, bool] | None]:
    """``groups`` (a column's rows of the profile query) with the cells holding the column's declared
    DEFAULT counted null-like where that DEFAULT is no date: the column is declared a date or
    timestamp, its DEFAULT is a text literal written as a date that no calendar has
    (``'0000-01-01T00:00:00.000Z'``, year 0: SpatiaLite's ``geometry_columns_time`` rows are created
    holding it in each of their times, and only the ones that happened are ever set) or as no date at
    all (``'now()'``, ``'CURRENT_TIMESTAMP'``: an ORM given SQL's current time as a string quotes it, and
    SQLite stores the text in each row inserted without the column: no time was recorded), and the cells
    of that text's code are that text alone. Such a DEFAULT is what ``0000-00-00 00:00:00`` is to
    MySQL: no date, NULL by the null-token rule (audited), not an impossible or unparseable date
    quarantined (a table's column of them halted the run). The rows unchanged and None otherwise: a
    column no DEFAULT or a valid one declares keeps such text an impossible or unparseable date, and so
    does one whose operator sets its reading (``override``). The third item: the DEFAULT is written as
    a date (of no calendar)."""
    token, _ = literal_default(column.default)
    if (
        override is not None
        or not token
        or declared_family(column.declared_type) not in ("date", "timestamp")
    ):
        return groups, None
    both = Flag.VALID_DAY_FIRST | Flag.VALID_MONTH_FIRST
    rows: list[dict[str, Any]] = []
    cells = 0
    dated = False
    for row in groups:
        if row["code"] is not None:
            storage, shape, bits = split_code(int(row["code"]))
            if (
                storage == StorageClass.TEXT
                and (shape in DATE_SHAPE_BY_CODE or shape == Shape.OTHER)
                and not bits & both
                and int(row["distinct_values"]) == 1
                and [str(value) for value in row["examples"] or []] == [token]
            ):
                cells += int(row["cells"])
                dated = shape in DATE_SHAPE_BY_CODE
                row = {**row, "code": make_code(storage, Shape.NULL_LIKE, bits)}
        rows.append(row)
    return (rows, (token, cells, dated)) if cells else (groups, None)


#: The value a column declared a date or timestamp holds for MySQL's zero date where its schema says
#: ``DEFAULT 0`` (SQLite stores the INTEGER 0, not the text ``0000-00-00 00:00:00``).
ZERO_DATE_TOKEN = "0"


def _zero_dates_as_null_like(
    column: SourceColumn, inferred: ColumnProfile, agg: dict[str, Any]
) -> tuple[dict[str, Any], int] | None:
    """``agg`` with the column's ``0`` cells counted null-like, and how many they are, where they are
    MySQL's zero date: the column is declared a date or timestamp (``DATETIME DEFAULT 0``, Bacula's
    ``EndTime`` of a job still running), reads as one (its other values are dates: ``inferred``), and
    holds no other number. None otherwise: epoch integers beside 0 (a column of numbers, whose note
    says "0 for no date"), integers counting days, an undeclared column (nothing says its 0 is a date;
    beside date text it stays text, every value as written), or 0s that are most of the column (it
    does not read as dates)."""
    if declared_family(column.declared_type) not in ("date", "timestamp") or column.counts_from is not None:
        return None
    if inferred.inferred_type not in DATE_TYPES or inferred.as_written is not None:
        return None
    codes: dict[int, int] = {}
    zeros = numbers = 0
    for code, count in (agg["codes"] or {}).items():
        storage, shape, bits = split_code(int(code))
        if shape in NUMBER_SHAPES:
            numbers += count
        if shape == Shape.INTEGER and bits & Flag.ZERO_ONE and not bits & Flag.TRUE_WORD:
            zeros += count
            code = make_code(storage, Shape.NULL_LIKE, bits & ~int(Flag.ZERO_ONE))
        codes[int(code)] = codes.get(int(code), 0) + count
    if not zeros or numbers != zeros:
        return None
    examples = sorted({*(agg.get("ex_null_like") or []), ZERO_DATE_TOKEN})[:EXAMPLES]
    return {**agg, "codes": codes, "ex_null_like": examples}, zeros


def _infer_column(
    table: str,
    column: SourceColumn,
    row_count: int,
    agg: dict[str, Any],
    *,
    date_order_default: DateOrder = "day_first",
    override: ColumnOverride | None = None,
    blob_numerals: int = 0,
    trimmed: bool = False,
) -> ColumnProfile:
    """:func:`infer_column`, the column's 0s read as its values say."""
    counts = Counts(agg)
    nulls, empty, null_like = (
        counts.shape(Shape.NULL),
        counts.shape(Shape.EMPTY),
        counts.shape(Shape.NULL_LIKE),
    )
    present = row_count - nulls - empty - null_like
    family = declared_family(column.declared_type)
    # Seconds since another epoch (a Core Data date, see catalogue.core_data_dates) are no YYYYMMDD.
    counts.compact = compact_dates(counts, column, family, present) if column.counts_from is None else {}
    compact = sum(counts.compact.values())
    # A timestamp finer than PostgreSQL keeps is a date by its look: it counts towards a date column,
    # which lossless then keeps text rather than round it.
    n_dates = counts.shape(*DATE_SHAPE_BY_CODE, Shape.TS_FINER_THAN_MICROSECONDS) + compact
    n_numbers = counts.numbers() - compact
    n_bool_words = counts.shape(Shape.BOOLEAN_WORD)
    n_bool = n_bool_words + counts.flag(Flag.ZERO_ONE)
    if family == "integer" and n_bool_words and declared_bit(column.declared_type):
        # SQL Server's and MySQL's BIT is a flag: its 0s and 1s stay the integers they are (a column of
        # them alone is bigint), but an application that binds its flags as words (a Kobo eReader's
        # 'true'/'false' under `IsDownloaded BIT NOT NULL DEFAULT 1`) writes a boolean, as under BOOL.
        family = "boolean"
    fractional = counts.numbers() - counts.integers()
    # PostgreSQL's infinity and NaN beside a column's dates or numbers are values of its type: they
    # count towards its majority (a temporal table's valid_to is 'infinity' for every current row),
    # and lossless then keeps the column text.
    non_finite = counts.shape(Shape.NON_FINITE)
    # Dates of two-digit years count towards a column declared a date (never read: lossless keeps it
    # text); undeclared, they are text like any other.
    two_digit = counts.shape(Shape.TWO_DIGIT_YEAR) if family in ("date", "timestamp") else 0
    notes: list[str] = []
    # The unit of the column's epoch integers, where they are read as instants (ColumnProfile.epoch_unit),
    # and the stand-ins for no end beside them its note quotes.
    epoch_unit: str | None = None
    open_ends_quoted: list[str] = []
    #: Values that are the column's DEFAULT CURRENT_TIMESTAMP beside instants with their offset.
    defaulted = 0

    classes = counts.classes
    inferred: InferredType
    reason: str
    # Moments written two ways in a column declared a date or timestamp (see below): text, but every
    # value one of the declared type's: no misfit.
    two_ways = False
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
    elif (n_dates or two_digit) and (n_dates + two_digit + non_finite) / present >= MAJORITY:
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
        elif zoned and (
            defaulted := _current_timestamps_beside_instants(column, counts, zoned, n_dates - finer)
        ):
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
    elif (unread := counts.unread()) and (n_numbers + unread) / present >= MAJORITY:
        # Numbers, but some that nothing tells how to read: reading them either way would guess
        # (1,234 is 1.234 in Berlin and 1234 in Boston; 1E5 is a code beside integers).
        inferred, reason = "text", unread_reason(counts, unread)
    elif n_numbers and (n_numbers + non_finite) / present >= MAJORITY:
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
    elif present and counts.shape(Shape.TIME_OF_DAY) == present:
        # Declared a time of day without zone (only such a column's text is shaped so: see _clocked),
        # and every present value is one: PostgreSQL's time, each value read as its time. One value
        # of another shape (a date with it, 24:00, an offset, 7 fraction digits, a word, a number)
        # and the values decide as before: text, every value as written.
        inferred, reason = "time", "times of day (24-hour, no UTC offset) in a column declared a time of day"
    else:
        inferred, reason = "text", "text"
    shaped = inferred
    inferred, reason, whole = lossless(
        inferred, reason, counts, column.declared_type, present, key=column.primary_key
    )
    dates_beside_default = (
        dates_beside_default_zeros(column, counts, present)
        if inferred == "text" and shaped != "text"
        else None
    )
    if inferred == "date" and (
        midnights := sum(counts.valid(s, None, Flag.MIDNIGHT) for s in WALL_CLOCK_SHAPES)
    ):
        notes.append(
            f"{counted(midnights, 'value')} written as a timestamp at midnight in a column declared "
            f"{column.declared_type}: read as {'its' if midnights == 1 else 'their'} day, the time of zeros "
            "dropped (audited date_format)"
        )
    # Numbers alone of one of SQLite's ways of storing a moment with a fraction (julianday() REALs,
    # time.time() seconds) where a date is declared: kept as numbers (a double holds each exactly; a
    # timestamp would round them), every value a moment as declared: no misfit (until 2026-12-03 each
    # was a type_mismatch, "declared DATETIME but the values are double", and such a column halted a
    # small export's run). The note says how a reader gets the instant.
    # Where only the name says moment (Dagster's `start_time FLOAT`, beets' `mtime`), the same note,
    # nothing else (a misfit of a declared type is one still: read_as_moment is a declared date's).
    # The same numbers written as decimal text (str(time.time()) in a VARCHAR, as a web archiver keys
    # its snapshots) are numeric, every value as written: the same note since 2026-12-05.
    # Days since 1970 in a column declared DATE (R's Date with extended_types): integers as written,
    # no misfit (until 2026-12-04 each was a type_mismatch, "declared DATE but the values are
    # integer", and nothing said what they count); the note gives the day.
    one_way = (
        moment_numbers(column, family, counts, fractional)
        if inferred in ("double", "numeric") and fractional and not n_dates
        else epoch_days(column, family, counts)
        or windows_filetime(column, family, counts)
        or epoch_nanoseconds(column, family, counts)
        if inferred == "integer" and not n_dates
        else None
    )
    read_as_moment = moment_expression(column, one_way) if family in DATE_TYPES else None
    beside_no_dates: tuple[EpochUnit, tuple[int, ...]] | None = None
    if one_way is None and inferred == "integer" and not n_dates:
        # Epoch integers beside 0 for "no date" (Trac's version time) stay integers, as written (no
        # read_as_moment: a declared date's misfits are as before); since 2026-12-04 the note says
        # what the others are, nothing else.
        one_way = epoch_beside_zeros(column, family, counts)
        if one_way is not None and one_way.unit in EPOCH_UNITS.values():  # nanoseconds: never read
            beside_no_dates = (cast(EpochUnit, one_way.unit.value), one_way.no_dates)
    instant = moment_expression(column, one_way)
    if one_way is not None and instant is not None:
        declared = f" in a column declared {column.declared_type}" if family in DATE_TYPES else ""
        kept = {"integer": "bigint", "numeric": "numeric"}.get(inferred, "double precision")
        moment = "day" if one_way.unit == MomentUnit.EPOCH_DAYS else "instant"
        notes.append(
            f"{one_way.phrase}{declared}: {KEPT_AS_NUMBERS}{kept}), every value as written; "
            f"the {moment} is {instant}"
        )
    order: DateOrder | None = None
    issues: list[Issue] = []
    minimum: Any = None
    maximum: Any = None
    date_formats: dict[str, int] = {}
    own_format: str | None = None
    format_misfits = 0
    reading_override: dict[str, Any] | None = None

    def add(kind: str, count: int, examples: tuple[str, ...] = (), detail: str | None = None) -> None:
        if count > 0:
            issues.append(Issue(kind, int(count), examples[:5], detail))

    if inferred in DATE_TYPES:
        order, conflict = _date_order(counts, date_order_default)
        if conflict:
            notes.append(conflict)
        # The operator's override of the column's reading, where the profile can count it (.overrides).
        by_override, unscored = override_reading(
            override,
            inferred,
            order,
            "month_first" if date_order_default == "month_first" else "day_first",
            compact=bool(counts.compact),
        )
        if unscored:
            notes.append(unscored)
        reading: DateOrder = date_order_default if order in (None, "ambiguous") else order
        reads: dict[Shape, int] | None = None
        if by_override is not None:
            reading, reads = by_override.order, by_override.reads()
            reading_override = by_override.to_dict()
            notes.append(by_override.note())
        valid = 0
        non_iso = 0
        #: Valid dates by non-canonical format (the others are written as the load writes them).
        written: dict[str, int] = {}
        #: Valid canonical dates by their way of writing (one with an offset is a zoned way's too).
        canonical: dict[str, int] = {}
        for fmt, spec, ok in _dates_read(counts, reading, by_override):
            valid += ok
            if ok:
                date_formats[fmt] = date_formats.get(fmt, 0) + ok
                convention = date_convention(fmt)
                if spec.shape in CANONICAL_DATE_SHAPES:
                    canonical[convention] = canonical.get(convention, 0) + ok
                else:
                    non_iso += ok
                    written[convention] = written.get(convention, 0) + ok
        non_iso_examples = counts.examples("non_iso")
        if reads is not None:
            read_flags = reads

            def read_by(shape: int) -> int:
                return read_flags.get(cast(Shape, shape), 0)

            non_iso_examples = counts.date_examples(
                lambda shape, bits: shape not in CANONICAL_DATE_SHAPES and bool(bits & read_by(shape))
            )
        if counts.compact:
            valid += compact
            non_iso += compact
            date_formats.update(counts.compact)
            for fmt, ok in counts.compact.items():
                convention = date_convention(fmt)
                written[convention] = written.get(convention, 0) + ok
            non_iso_examples = tuple(sorted(non_iso_examples + counts.examples("compact")))
        # A slash date that is one only in the other order (5/20/2025 read day-first) is no impossible
        # day: it says the order is mixed, and is quarantined under its own kind, never swapped.
        swapped = counts.other_order[reading]
        other_examples = counts.examples(f"other_order_{reading}")
        if reads is not None:
            # Values the override's formats do not read that are dates in the other order: the
            # cleaner's other_date_order (the rest of the date-shaped ones are impossible to it).
            other = order_flag("day_first" if reading == "month_first" else "month_first")
            swapped = sum(counts.read(s, other, excluding=read_by(s)) for s in SLASH_SHAPES)
            other_examples = counts.date_examples(
                lambda shape, bits: shape in SLASH_SHAPES and bool(bits & other) and not bits & read_by(shape)
            )
        if by_override is not None or (order != "ambiguous" and not conflict and not swapped):
            # The order proven (or no order to prove; or the operator's override says it): the way most
            # dates are written is the column's format. Unproven, its non-ISO dates are read by a
            # default: dirt, all of them.
            own_format, format_misfits = _own_format(written, valid, canonical)
            if own_format is not None:
                # The DEFAULT's UTC text beside instants written with their offset is the database's
                # own way (_current_timestamps_beside_instants), not the writer's written otherwise.
                format_misfits -= min(format_misfits, defaulted)
        add("non_iso_date", non_iso, non_iso_examples, own_format_detail(own_format, format_misfits))
        if order == "ambiguous" and by_override is None:
            slash_valid = sum(counts.valid(s, reading) for s in SLASH_SHAPES)
            add(
                "ambiguous_date_order",
                slash_valid,
                detail=f"no value proves day or month first; read as {reading.replace('_', '-')}",
            )
        # Where the column reads compact dates, an integer of their digits that is no such day is an
        # impossible date (20251301, as 2025-13-01 is), the cleaner's word too; other integers are none.
        no_day = counts.flag(Flag.COMPACT_NO_DAY) if counts.compact else 0
        impossible_examples = counts.examples("impossible")
        if reads is not None:
            impossible_examples = counts.date_examples(
                lambda shape, bits: not bits & read_by(shape) and not (shape in SLASH_SHAPES and bits & other)
            )
        if no_day:
            impossible_examples = tuple(sorted(impossible_examples + counts.examples("compact_no_day")))
        add("impossible_date", n_dates - valid - swapped + no_day, impossible_examples)
        add(
            "other_date_order",
            swapped,
            other_examples,
            detail=f"dates only when read {'day-first' if reading == 'month_first' else 'month-first'}, "
            f"in a column read {reading.replace('_', '-')}: quarantined, never swapped",
        )
        add("unparseable_date", present - n_dates - no_day, counts.examples("other"))
        minimum, maximum = date_bounds(counts, reading, inferred)
        if epoch := epoch_for_no_date(column.name, inferred, minimum, maximum):
            notes.append(epoch)
        elif (
            inferred == "timestamp"
            and not time_of_day_or_interval(column.declared_type)
            and some_time_of_day(counts)
            and (spans := durations_since_epoch(column.name, minimum, maximum))
        ):
            notes.append(spans)
    elif inferred == "boolean":
        valid = n_bool
        minimum, maximum = (None, None)
        # Not a known spelling: cleaning quarantines it, so it costs what any unfixable value costs.
        add("invalid_boolean", present - valid, counts.examples("other"), "not a known boolean spelling")
    elif inferred in ("integer", "numeric", "double"):
        valid = n_numbers if inferred != "integer" else counts.integers()
        if counts.comma == "decimal":
            commas = counts.shape(*COMMA_SHAPES, Shape.COMMA_GROUP3, Shape.DIGIT_GROUPED_COMMA)
            # Written with a point instead: TEXT decimals (3.5), and REAL cells where SQLite made them
            # of such text (see stored_from_text). Integers have no decimal mark: written either way.
            points = counts.text_points + stored_from_text(counts, column.declared_type, StorageClass.REAL)
            own_format, format_misfits = _own_format({DECIMAL_COMMA_FORMAT: commas}, commas + points)
            add(
                "comma_decimal",
                commas,
                tuple(sorted(counts.examples("comma") + counts.examples("grouped"))),
                own_format_detail(own_format, format_misfits),
            )
        elif counts.comma == "thousands":
            grouped = counts.shape(*GROUPED_SHAPES)
            # Written without grouping instead: numbers of a thousand or more (1234.50 beside 1,234.50),
            # TEXT, and INTEGER and REAL cells where SQLite made them of such text. Numbers under a
            # thousand have no group: written either way.
            ungrouped = counts.agg[UNGROUPED]
            plain = ungrouped[StorageClass.TEXT] + stored_from_text(
                counts, column.declared_type, StorageClass.INTEGER, StorageClass.REAL, among=ungrouped
            )
            own_format, format_misfits = _own_format({THOUSANDS_COMMA_FORMAT: grouped}, grouped + plain)
            add(
                "thousands_separator",
                grouped,
                counts.examples("grouped"),
                own_format_detail(own_format, format_misfits),
            )
        if counts.groups is not None:
            # Grouped by spaces or apostrophes: the separator is removed (a decimal comma after them,
            # 39 924,83, is also counted above: the cleaner makes it a point, as it does 3,5's).
            add(
                "thousands_separator",
                counts.shape(*DIGIT_GROUPED_SHAPES),
                counts.examples("digit_grouped"),
                detail=f"digits grouped by {separator_name(counts.groups)}",
            )
        # Written with U+2212 before the digits (−1 234,50): read with '-' (a decimal comma or digit
        # groups in the same value are counted above too: the audit names each rule).
        add(
            "minus_sign",
            counts.minus_signs(inferred == "integer"),
            counts.examples("minus_sign"),
            detail="written with U+2212 MINUS SIGN, read with '-': the locale's sign, costs nothing",
        )
        add("invalid_number", present - valid, counts.examples("other"))
        minimum, maximum = counts["min_number"], counts["max_number"]
        if inferred == "integer" and minimum is not None:
            minimum, maximum = exact_integer_bounds(counts)
            epoch_unit = epoch_reading(column, family, counts)
            if (epoch := epoch_unit) and whole_days(family, epoch, counts):
                # A DATE column's epoch integers, each at midnight UTC (Directus' date fields in
                # milliseconds), are days: as instants a reader west of UTC saw each the day before.
                inferred = "date"
                notes.append(
                    f"integers are epoch {epoch}, each at midnight UTC, in a column declared "
                    f"{column.declared_type}: inferred date (the day each names)"
                )
            elif epoch:
                # An epoch counts from 1970-01-01 UTC: it names an instant, as a UTC offset does, and a
                # timestamp without time zone would leave readers to guess its zone (now() compared
                # with it shifts by the session's offset).
                inferred = "timestamptz"
                notes.append(
                    f"integers are epoch {epoch} in a date-like or date-declared column: inferred "
                    "timestamptz (instants)"
                )
            elif (declared_scale(column.declared_type) or 0) > 0:
                # DECIMAL(10,2) of whole amounts only (NUMERIC affinity stores '12.00' as the INTEGER
                # 12): a decimal column, whose first fraction would make next quarter's type another.
                # Not a bare DECIMAL: csvkit declares every number column so (ids, counts, seconds).
                inferred, reason = (
                    "numeric",
                    f"declared {column.declared_type}: whole amounts of a decimal column",
                )
        if epoch_unit and (ended := epoch_open_ends(column, family, counts)):
            # Far-future stand-ins for no end beside the instants (.NET's DateTime.MaxValue as
            # Unix seconds, 9999-12-31, 2038-01-19), each read as its instant: until 2026-12-06
            # the column was bigint with no note, or, declared a date, its seconds were read as
            # milliseconds of 1970 (their bounds, the stand-in's 1978 too, fit that unit alone).
            notes.append(_open_ends_said(*ended, days=inferred == "date"))
            open_ends_quoted = [str(value) for value in ended[1]]
        if column.counts_from is not None:
            notes.append(
                f"seconds since {column.counts_from} UTC (a Core Data date): kept as numbers; the instant "
                f"is timestamptz '{column.counts_from} 00:00:00+00' + {quote_ident(column.name)} * "
                "interval '1 second'"
            )
    elif inferred == "bytea":
        valid = present
        if classes[StorageClass.BLOB]:
            mixed = row_count - nulls - classes[StorageClass.BLOB]
            add(
                "mixed_storage_classes",
                mixed,
                detail="BLOB cells among INTEGER/REAL/TEXT cells: the column is bytea and those cells are "
                "loaded as the UTF-8 bytes of their text",
            )
    else:
        valid = present
        minimum, maximum = counts["min_text"], counts["max_text"]

    # Documents keep their layout: loaded byte for byte, so no value of them is padded (none is
    # trimmed); a note says so. The operator's trim = true trims them (audited, at no cost).
    layout = not trimmed and (
        line_terminated(inferred, counts, present)
        or indented(inferred, counts, present)
        or break_padded(inferred, counts, present)
    )
    # A value of several lines (a line break in its trimmed text) is a document, loaded byte for byte
    # whatever pads it: trimming is for values of one line (a name, a code, an e-mail), where padding
    # is a typing accident. Its padding is reported in a note, at no cost; trim = true trims it too
    # (counted padded, audited, at no cost). Until 2026-12-06 a document was trimmed unless every value
    # of its column had one of the layouts above (a HedgeDoc patch ending in 'x \n' no longer applied).
    documents = counts.padded_documents() if inferred == "text" else 0
    padded = 0 if layout else counts.flag(Flag.PADDED) - (0 if trimmed else documents)
    padded_examples, document_examples = _padding_examples(counts.examples("whitespace"))
    if layout:
        notes.append(layout_kept_note(inferred, counts, present))
    elif documents and not trimmed:
        notes.append(documents_kept_note(documents, document_examples))
    if inferred != "bytea":
        # A bytea column's TEXT cells are loaded as their bytes (mixed_storage_classes above): nothing
        # made NULL, trimmed, stripped or decoded, so no such dirt to report or to score (until
        # 2026-12-05 a wiki's one deflated revision bound as TEXT scored its column 57).
        add("empty_string", empty)
        add("null_like", null_like, counts.examples("null_like"))
        add(
            "whitespace",
            padded,
            counts.examples("whitespace") if trimmed else padded_examples,
            detail=line_terminated_detail(inferred, counts, present)
            or padded_width_detail(inferred, counts)
            or indented_detail(inferred, counts, present)
            or break_padded_detail(inferred, counts, present)
            or documents_trimmed_detail(documents if trimmed else 0),
        )
        add("nul_byte", counts.flag(Flag.NUL), counts.examples("nul"))
        add(
            "invalid_encoding",
            counts.flag(Flag.INVALID_ENCODING),
            counts.examples("encoding"),
            detail="TEXT that is not valid UTF-8, decoded by source_encoding_fallback",
        )
    if whole and family is not None and _compatible(family, shaped) and present:
        # Values of the declared type, kept text only because one is wider than the load's type holds:
        # no dirt and no mismatch (it halted a small table's run as "15 of 15 values are not a
        # number"). Values of no such shape still misfit the declared type.
        notes.append(kept_whole_note(column.declared_type, shaped, reason, counts))
        # A timestamp finer than microseconds is one, of its own shape (no date shape's valid count).
        finer = counts.shape(Shape.TS_FINER_THAN_MICROSECONDS) if shaped in DATE_TYPES else 0
        misfits = present - cleanly_read_count(shaped, counts) - finer
        misfits -= counts.shape(Shape.NON_FINITE, Shape.TWO_DIGIT_YEAR)
        add(
            "type_mismatch",
            misfits,
            detail=f"declared {column.declared_type}; {misfits:,} of {counted(present, 'value')} "
            f"{'is' if misfits == 1 else 'are'} not {_a(shaped)}: inferred {inferred}",
        )
    elif dates_beside_default:
        # Dates, as declared, beside the schema's DEFAULT 0 of the rows never set (more of them than
        # dates: no zero date, see _zero_dates_as_null_like): text so that no date is lost, and no value
        # misfits (its note says so; the 0s arrive as '0').
        notes.append(dates_beside_default)
    elif two_ways or read_as_moment or written_binary:
        # Nothing but moments, as declared: text only so that neither way is lost, no value misfits
        # (until 2026-12-03 each was a type_mismatch, and one such column in a table of ten halted the
        # run as "text where the declared type says otherwise"). Binary data written as TEXT is bytes
        # whatever the column was declared: kept byte for byte, no value misfits (its reason says why).
        pass
    elif not _compatible(family, inferred) and present:
        misfits, detail = declared_misfits(counts, family, present)
        if misfits:
            detail = f"declared {column.declared_type}; {detail}: inferred {inferred}"
        else:  # every cell is stored as the declared type says, but reads as another (epoch integers)
            misfits, detail = present, f"declared {column.declared_type} but the values are {inferred}"
        add("type_mismatch", misfits, detail=detail)
    elif family not in (None, "text") and (
        # A BLOB read as the numeral it spells is no TEXT cell (its note below says so).
        stored_as_text := max(
            0, text_of_the_type(counts, inferred, valid, compact, n_bool_words) - blob_numerals
        )
    ):
        # The declared type is right but SQLite stores these values as TEXT: a tool trusting storage
        # classes would create a TEXT column. Fixable: they parse as the inferred type (a TEXT cell
        # that does not is counted as invalid, under its own kind).
        add(
            "type_mismatch",
            stored_as_text,
            detail=f"declared {column.declared_type}; {stored_as_text:,} of {present:,} "
            f"{agree(present, 'value', 'values')} {agree(stored_as_text, 'is', 'are')} stored as TEXT and "
            f"{'reads' if stored_as_text == 1 else 'read'} as {inferred}",
        )
    # BLOB is SQLite's word for bytes (bytea's), as BINARY(16), VARBINARY and BYTEA are other databases':
    # they claim no other type, and need no note (bytea is their PostgreSQL equivalent).
    if family is None and time_of_day_or_interval(column.declared_type):
        # An ORM may store a duration as a number (Pony ORM: REAL days): its unit is the writer's; or a
        # time with a date (sqlite-jdbc's date_class=TEXT: `1970-01-01 01:01:01.000`), read as such.
        if inferred == "time":
            respelled = counts.valid(Shape.TIME_OF_DAY, None, Flag.NOT_CANONICAL)
            them = "it" if respelled == 1 else "them"
            respelt = (
                f"; {respelled:,} written otherwise than PostgreSQL's text of {them} "
                "(08:30 for 08:30:00: audited time_format)"
                if respelled
                else ""
            )
            notes.append(f"declared {column.declared_type}: {READ_AS_TIME}{respelt}")
        else:
            if inferred in ("integer", "double", "numeric"):
                kept = "numbers stay numbers: no unit is assumed"
            elif inferred in DATE_TYPES:
                kept = f"values written with a date read as {inferred}"
            elif declared_wall_clock_time(column.declared_type):
                kept = "a value of another shape beside times of day keeps them all text, as written"
            else:
                kept = "times with a zone and durations stay text, as written"
            notes.append(
                f"declared {column.declared_type}: a time of day or a duration, no date; only a time "
                f"of day without zone is read (as time) where every value is one, so the values "
                f"decide the type ({kept})"
            )
    elif family is None and column.declared_type and not declared_binary(column.declared_type):
        notes.append(
            f"declared type {column.declared_type!r} has no PostgreSQL equivalent; mapped by the data"
        )
    elif re.search(r"\(\s*\d+", column.declared_type) and inferred != "text":
        # Not that PostgreSQL would refuse it (it takes varchar(40) and numeric(10,2), not int(10)):
        # the size is not what sizes the target column, the values are.
        notes.append(
            f"declared type {column.declared_type!r}: its size is not kept; the values decide the type"
        )
    tokens = list(agg.get("tokens_as_values") or ())
    quoted: list[str] = []
    default_text = declared_default_value(column)
    # The tokens kept because the column's values show it (the declared default's has its own note).
    shown = [token for token in tokens if token != default_text]
    if len(shown) < len(tokens):
        notes.append(
            f"null token {default_text!r} kept as a value: the column is declared NOT NULL with DEFAULT "
            f"{default_text!r}, the value each row holds unless its writer gives another, never a missing "
            "one (set the column's null_tokens to read it as NULL)"
        )
    if shown:
        quoted = [repr(clipped(counts["min_text"])), repr(clipped(counts["max_text"]))]
        notes.append(
            f"null token{'s' if len(shown) > 1 else ''} {', '.join(map(repr, shown))} kept as "
            f"value{'s' if len(shown) > 1 else ''}: the other values are words of that form, a "
            "vocabulary of words as rare, or free text whose texts stand about as often "
            f"({quoted[0]} to {quoted[1]}; set the "
            f"column's null_tokens to read "
            f"{'them' if len(shown) > 1 else 'it'} as NULL)"
        )
    quoted += open_ends_quoted
    if blob_numerals:
        notes.append(
            f"{blob_numerals:,} BLOB {'cell is' if blob_numerals == 1 else 'cells are'} the ASCII text of a "
            f"number (declared {column.declared_type}): read as that text, as number text is "
            "(rule blob_numeral, each cell audited)"
        )
    # The string 'null' and current_timestamp are not copied literally; SQL's NULL (unquoted) is every
    # column's default, in PostgreSQL too: nothing is lost, nothing to say.
    default = bare_default(column.default).lower()
    if default.strip("'\"") == "current_timestamp" or default in ("'null'", '"null"'):
        notes.append(f"SQLite default {column.default} is not copied literally")

    return ColumnProfile(
        table=table,
        name=column.name,
        declared_type=column.declared_type,
        blob_numerals=blob_numerals,
        inferred_type=inferred,
        confidence=(valid / present) if present else 1.0,
        row_count=row_count,
        null_count=nulls,
        empty_string_count=empty,
        null_like_count=null_like,
        whitespace_padded_count=padded,
        padded_documents=0 if layout else documents,
        documents_trimmed=trimmed and documents > 0,
        line_terminated=line_terminated(inferred, counts, present),
        padded_width=padded_width(inferred, counts),
        indented=indented(inferred, counts, present),
        break_padded=break_padded(inferred, counts, present),
        layout_kept=layout,
        nul_byte_count=counts.flag(Flag.NUL),
        distinct_count=int(counts["distinct"] or 0),
        valid_count=int(valid),
        invalid_count=int(present - valid),
        min=minimum,
        max=maximum,
        date_formats=date_formats,
        date_order=order,
        issues=issues,
        notes=notes,
        default=column.default,
        # Whatever the type: a text column an override makes numeric keeps these digits.
        min_scale=counts["min_scale"],
        max_scale=counts["max_scale"],
        max_whole_digits=widest_whole_digits(counts) if counts.measured_whole() else None,
        # As the values prove it whatever the type: a text column overridden to a number reads it so.
        comma=counts.comma,
        own_format=own_format,
        format_misfits=format_misfits,
        reading_override=reading_override,
        digit_groups=counts.groups,
        storage_classes={
            STORAGE_CLASS_NAMES[storage]: n
            for storage, n in classes.items()
            if n and storage != StorageClass.NULL
        },
        type_reason=reason,
        decimal_mark=decimal_mark_of(counts),
        points_unproven=points_unread(counts) if inferred == "text" and no_integer_but_zero(counts) else 0,
        commas_unproven=unproven_commas(counts) if inferred == "text" else 0,
        bytes=int(counts["bytes"] or 0),
        tokens_as_values=tokens,
        epoch_unit=cast(EpochUnit, epoch_unit) if inferred in DATE_TYPES else None,
        epoch_beside_no_dates=beside_no_dates if inferred == "integer" else None,
        quoted=quoted,
        shown=sorted(counts.shown),
        personal_data={
            kind: n
            for kind, flag in (
                ("email", Flag.EMAIL),
                ("phone", Flag.PHONE),
                ("person_name", Flag.PERSON_NAME),
            )
            if (n := counts.flag(flag))
        },
    )


def _padding_examples(examples: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The padded examples of one line (padding, trimmed) and those of several lines (documents, a
    line break in their trimmed text: loaded byte for byte), apart."""
    lines = tuple(value for value in examples if "\n" in value.strip(WHITESPACE))
    return tuple(value for value in examples if value not in lines), lines


def _a(inferred: InferredType) -> str:
    """``an integer``, ``a number``, ``a date``: what a value of the type is called."""
    if inferred == "integer":
        return "an integer"
    return "a number" if inferred in ("numeric", "double") else f"a {inferred}"


#: The type reason of a date column of another calendar (see :data:`GREGORIAN_FIRST_DAY`).
BEFORE_GREGORIAN = (
    "every date lies before {:04d}-{:02d}-{:02d}, the Gregorian calendar's first day: another calendar's "
    "(Solar Hijri 1405/09/11, Islamic 1448-06-12), which read as Gregorian days would be centuries off: "
    "kept as text (set the column's type to read them as dates)"
).format(*GREGORIAN_FIRST_DAY)


def _open_ends_said(unit: str, ends: dict[int, int], *, days: bool = False) -> str:
    """A note of the stand-ins for no end an epoch column holds, each with its cells and its instant:
    ``3 values are 253402300799, 9999-12-31 23:59:59 UTC, which applications write for no end ...``
    (``days``: a DATE column's, each at midnight, read as the day it names)."""
    per_second = EPOCH_PER_SECOND[unit]
    said: list[str] = []
    for value, cells in sorted(ends.items(), key=lambda end: (-end[1], end[0])):
        instant = datetime(1970, 1, 1) + timedelta(microseconds=value * 1_000_000 // per_second)
        spec = (
            "seconds"
            if not instant.microsecond
            else "milliseconds"
            if per_second == 1_000
            else "microseconds"
        )
        verb = "are" if cells > 1 else "is"
        counted = (
            f"{cells:,} {'values' if cells > 1 else 'value'} {verb}" if not said else f"{cells:,} {verb}"
        )
        said.append(f"{counted} {value}, {instant.isoformat(sep=' ', timespec=spec)} UTC")
    read = "the day it names" if days else "the instant it counts"
    return f"{', and '.join(said)}, which applications write for no end: each read as {read} in epoch {unit}"
