"""Whether a chosen type holds every value as written: integer bounds, decimal digits, compact dates."""

from __future__ import annotations

from columnar_etl.models import (
    DATE_TYPES,
    InferredType,
)
from columnar_etl.profiling.affinity import (
    declared_family,
)
from columnar_etl.profiling.date_names import named_compact
from columnar_etl.profiling.number_reading import MAJORITY, TEXT_NARROWING_SHARE, Counts
from columnar_etl.profiling.profile_codes import (
    DATE_SHAPE_BY_CODE,
    NUMBER_SHAPES,
    Flag,
    StorageClass,
    split_code,
)
from columnar_etl.rules import SPREADSHEET_ERRORS, Shape
from columnar_etl.rules.date_shapes import DATE_SHAPES
from columnar_etl.rules.dates import COMPACT_DATE_FORMAT, COMPACT_TIMESTAMP_FORMAT, ZONED_SHAPES
from columnar_etl.rules.numbers import NUMERIC_DIGITS, whole_digits
from columnar_etl.source.tables import SourceColumn
from columnar_etl.wording import agree, counted, such_as

#: Integers a double holds exactly (REAL and INTEGER cells in one column become double precision).
EXACT_DOUBLE_INTEGERS = 2**53
#: The widest numeric Arrow carries (decimal128); more digits stay text.
MAX_NUMERIC_DIGITS = NUMERIC_DIGITS


def lossless(
    inferred: InferredType,
    reason: str,
    counts: Counts,
    column_type: str,
    present: int,
    *,
    key: bool = False,
) -> tuple[InferredType, str, bool]:
    """The type the shapes suggest, widened where loading it would change a value no rule covers,
    the reason, and whether it was widened to text only because a value of that type is wider than
    the load's type holds (every cell kept: no dirt, see :func:`kept_whole_note`).

    - number-shaped TEXT that would not read back the same (``0171``, ``+5``): codes, kept as text;
    - NaN or an infinity written as text among numbers or dates (``NaN``, ``Infinity``, ``inf``,
      ``-infinity``: :data:`~columnar_etl.rules.NON_FINITE_WORDS`): kept as text, every value;
    - in a column declared TEXT or with no type, text with a digit among numbers (``107A``): codes too;
    - REAL cells are binary doubles: with them a number column is double precision, never a rounded
      numeric (and text, if its integers are beyond what a double holds exactly), unless it is
      declared a decimal and each REAL is a decimal as written (:func:`_written_decimals`): numeric;
    - a number with more digits than a double holds (decimal or integer TEXT, an INTEGER cell), or
      that no double holds at all (``1e400``, ``1e-400``: the cleaner's double quarantined them), keeps
      a double column numeric (text when exponents or REAL cells need the double);
    - integers beyond bigint are numeric (up to 38 digits); a column holding one of more than 38 is
      text, whatever its other numbers (the cleaner reads no integer that wide);
    - a numeric column whose widest number's whole digits and its scale exceed 38 (what cleaning's
      decimal128 holds: ``1e400``, 39 whole digits and ``.5``) is text, declared a number type or not;
    - a column declared with TEXT affinity (``CHAR``, ``CLOB``, ``TEXT``), or with no type (or one that
      claims none), is narrowed only when at most :data:`.number_reading.TEXT_NARROWING_SHARE` of its values
      would be quarantined; one declared a type up to the majority rule (the circuit breaker judges how much
      dirt there is);
    - a column of the declared primary key (``key``) is never narrowed so that a value would be
      quarantined: a key value is the row's identity, and one NULL in it costs the table its key.
    """
    family = declared_family(column_type)
    numbers = ("integer", "numeric", "double")
    if inferred in DATE_TYPES and (finer := counts.shape(Shape.TS_FINER_THAN_MICROSECONDS)):
        # .NET writes seven fraction digits, Go and Java nine: PostgreSQL keeps six, and reading the
        # others would round them (a zero beyond the sixth loses nothing: those are read).
        shown = ", ".join(counts.examples("finer")[:2])
        why = (
            f"{such_as(finer, 'timestamp', shown)} {agree(finer, 'is', 'are')} finer than the microseconds "
            "PostgreSQL keeps"
        )
        return "text", why, True
    if inferred in numbers and (wrong := counts.flag(Flag.NOT_CANONICAL)):
        why = f"{wrong} number-shaped values would not read back the same (leading zeros, '+')"
        return "text", why, False
    if inferred in numbers and family in ("text", None) and (codes := _coded(counts)):
        # A SKU column's 107A, a house number's 12A: values in a form no rule reads, not placeholders.
        examples = counts.examples("other")
        shown = ", ".join(examples[:2])
        if examples and all(value.strip() in SPREADSHEET_ERRORS for value in examples):
            # #DIV/0! among a sheet's numbers: a formula's error where it had no number, not a code.
            errors = counts.shape(Shape.OTHER)
            why = (
                f"{such_as(errors, 'value', shown)} {agree(errors, 'is', 'are')} a spreadsheet's error "
                f"{agree(errors, 'value, no number', 'values, no numbers')}: kept as text (set the column's "
                "type and list them in its null_tokens to load its numbers, each error NULL)"
            )
            return "text", why, False
        why = f"{such_as(codes, 'value', shown)} {agree(codes, 'mixes', 'mix')} digits with other characters"
        return "text", f"{why}: codes", False
    if (
        inferred in numbers
        and counts.classes[StorageClass.REAL]
        and family == "numeric"
        and _written_decimals(counts)
    ):
        # SQLite's NUMERIC affinity stores the decimal an application wrote ('12.34') as a REAL cell: the
        # declared type and the values say decimal, and each loads as the decimal it reads as, which
        # reads back as the same double (until 2026-12-05 double precision, where ROUND(x, 2) fails).
        inferred, reason = "numeric", f"declared {column_type}: its REAL cells are decimals as written"
    elif inferred in numbers and counts.classes[StorageClass.REAL]:
        # The integers' own bounds: a REAL cell beyond 2^53 is a double already, and beside it a
        # small INTEGER cell (NUMERIC affinity's 10.0) is one exactly (until 2026-12-04 the REAL's
        # magnitude made the column text).
        low, high = counts.agg.get("min_integer"), counts.agg.get("max_integer")
        if low is None or high is None:  # no plain integer measured: the numbers' double bounds
            low, high = counts["min_number"] or 0, counts["max_number"] or 0
        bound = max(abs(low), abs(high))
        if counts.classes[StorageClass.INTEGER] and bound > EXACT_DOUBLE_INTEGERS:
            # numeric could hold both (a double's exact decimal expansion runs to hundreds of digits),
            # but not the numeric(38) of Arrow's decimal128 the load writes, and a double rounds them.
            why = (
                "REAL cells beside integers beyond 2^53: a double would round those integers, and the "
                "load's numeric (38 digits) cannot hold every REAL's exact value"
            )
            return "text", why, True
        inferred, reason = "double", "REAL cells (double precision keeps all 17 digits)"
    if inferred == "double" and (inexact := counts.flag(Flag.NOT_A_DOUBLE)):
        if counts.classes[StorageClass.REAL] or counts.shape(Shape.EXPONENT, Shape.EXPONENT_BARE):
            why = (
                f"{counted(inexact, 'value')} {agree(inexact, 'has', 'have')} more digits than a double holds"
            )
            return "text", f"{why}, or none holds {agree(inexact, 'it', 'them')}", True
        why = f"{counted(inexact, 'number')} {agree(inexact, 'has', 'have')} more digits than a double holds"
        inferred, reason = "numeric", f"{why}, or none does"
    # An integer of more than 38 digits (text: an INTEGER cell has at most 19): no numeric(38) holds
    # it, and the cleaner reads none as a number, a double's column included (a decimal that wide is
    # one there): the column is text, every cell kept.
    if inferred in numbers and (counts["max_digits"] or 0) > MAX_NUMERIC_DIGITS:
        return "text", f"integers of more than {MAX_NUMERIC_DIGITS} digits", True
    if inferred == "integer" and counts.flag(Flag.OUT_OF_BIGINT):
        inferred, reason = "numeric", "integers beyond bigint"
    # A value no numeric(38) holds keeps the column text, declared a number type or not: PostgreSQL's
    # numeric would hold it, cleaning's decimal128 cannot, and quarantining a number is no cleaning
    # rule (until 2026-12-02 a declared column counted it valid and cleaning quarantined it).
    if (
        inferred == "numeric"
        and widest_whole_digits(counts) + (counts["max_scale"] or 0) > MAX_NUMERIC_DIGITS
    ):
        return "text", f"numbers of more than {MAX_NUMERIC_DIGITS} digits (whole and fraction)", True
    if inferred in (*DATE_TYPES, *numbers) and (non_finite := counts.shape(Shape.NON_FINITE)):
        # An Arrow timestamp holds no infinity, and NULL would say "no value" where the source said
        # "never ends" (or "not a number"): no rule reads them, and none may lose them (until
        # 2026-12-02 they were quarantined as unparseable dates or invalid numbers, NULL, and a
        # quarter of a column's rows halted the run).
        shown = ", ".join(counts.examples("non_finite")[:2])
        why = (
            f"{such_as(non_finite, 'value', shown)} {agree(non_finite, 'is', 'are')} an infinity or NaN "
            "written as text (another "
            f"database's, or IEEE 754's as a program prints them), which no "
            f"{'date' if inferred in DATE_TYPES else 'number'} rule reads: kept as text, every value "
            "as written"
        )
        return "text", why, True
    if inferred in DATE_TYPES and (two_digit := counts.shape(Shape.TWO_DIGIT_YEAR)):
        shown = ", ".join(counts.examples("two_digit_year")[:2])
        why = (
            f"{such_as(two_digit, 'date', shown)} "
            f"{agree(two_digit, 'has a two-digit year', 'have two-digit years')}, which no rule reads "
            "(the century is the writing session's rule; a column's own date_formats may read them)"
        )
        return "text", why, True
    if inferred not in ("text", "bytea") and present:
        invalid = present - cleanly_read_count(inferred, counts)
        if key and invalid:
            why = f"{invalid} of {present} values are not {inferred} and the column is in the declared key"
            return "text", f"{why}: kept as text (a key value is never quarantined)", False
        # A column declared a date or timestamp that reads as numbers (a DATETIME DEFAULT 0 of rows
        # mostly never set: a notification never sent): its dates are values of the declared type, no
        # dirt to quarantine (until 2026-12-06 each was an invalid number, NULL in the target).
        if inferred in numbers and family in ("date", "timestamp") and invalid:
            dated = counts.text_shape(*DATE_SHAPE_BY_CODE)
            if dated:
                why = (
                    f"{counted(dated, 'value')} {agree(dated, 'is a date', 'are dates')}, as the column "
                    f"is declared ({column_type}), beside {present - dated:,} numbers"
                )
                return "text", f"{why}: kept as text, every value as written", False
        # Neither TEXT nor no declared type (SQLite's "any": what CSV imports create) claims a type:
        # only the values can, and a value cleaning would lose is then no dirt but a sign the column
        # is text (30 % of words in an undeclared column were quarantined as invalid numbers).
        if family in ("text", None) and invalid > TEXT_NARROWING_SHARE * present:
            declared = f"declared {column_type}" if column_type else "declared with no type"
            why = f"{invalid} of {present} values are not {inferred} and the column is {declared}"
            return "text", f"{why}: kept as text", False
    return inferred, reason, False


def kept_whole_note(declared: str, shaped: InferredType, reason: str, counts: Counts) -> str:
    """Why a column declared a type whose values all read as one (``shaped``) is text: the widest
    number's digits where a number's width decided it (``reason`` otherwise)."""
    why = reason
    if shaped in ("integer", "numeric") and reason.startswith(("integers of", "numbers of")):
        whole, scale = widest_whole_digits(counts), counts["max_scale"] or 0
        parts = f" ({whole} whole, {scale} fraction)" if shaped == "numeric" and scale else ""
        why = (
            f"its widest {'integer' if shaped == 'integer' else 'number'} has {whole + scale} digits{parts}, "
            f"more than the {MAX_NUMERIC_DIGITS} a numeric column holds here"
        )
    return f"declared {declared}, kept as text so that every cell arrives as written: {why}"


def compact_dates(
    counts: Counts, column: SourceColumn, family: InferredType | None, present: int
) -> dict[str, int]:
    """The integers read as compact dates (``20250520``) and timestamps (``20250520084207``), by
    format: in a column declared a date or timestamp whose every integer is a valid one (the profile
    query parses the integers of such columns only, see :func:`.shaping.column_projections`), or whose
    other date shapes already make the majority of its ``present`` values (the column is a date
    column whatever its integers are: an integer that is no date is its dirt, and a valid compact date
    beside it was quarantined as unparseable until 2026-12-01); else none. Without the declared type,
    or beside one integer that is none in a column of numbers, ``20250520`` is a number (a count, an
    id, an amount in cents). Not declared so, a column whose name says it holds a time
    (:func:`.marked_places.named_compact_places`) reads fourteen digits only, and only when every
    value is one of 1970 to 2099 (infinities aside: beside them the column keeps its text, see
    :func:`lossless`): MediaWiki's ``rev_timestamp`` text ``20261204153012``."""
    compact = counts.valid(Shape.INTEGER, "day_first")
    if compact == 0:
        return {}
    if family not in ("date", "timestamp"):
        times = counts.valid(Shape.INTEGER, None, Flag.COMPACT_TIME)
        whole = times == compact == present - counts.shape(Shape.NON_FINITE)
        return {COMPACT_TIMESTAMP_FORMAT: times} if whole and named_compact(column) else {}
    if compact != counts.shape(Shape.INTEGER) and counts.shape(*DATE_SHAPE_BY_CODE) < MAJORITY * present:
        return {}
    times = counts.valid(Shape.INTEGER, None, Flag.COMPACT_TIME)
    found = {COMPACT_DATE_FORMAT: compact - times, COMPACT_TIMESTAMP_FORMAT: times}
    return {fmt: n for fmt, n in found.items() if n}


def exact_integer_bounds(counts: Counts) -> tuple[int, int]:
    """An integer column's bounds, exact. ``min_number`` / ``max_number`` are doubles (every number
    shape's value), which round an integer beyond 2^53: 17-digit record ids ``12345678901234567`` and
    ``...568`` are one double. The plain integers' own bounds (``min_integer`` / ``max_integer``,
    read as HUGEINT) are the column's wherever the double bound is theirs: a bound of another
    shape (``1,234``) the plain integers do not reach keeps its double's value."""
    bounds = []
    for double, exact in (("min_number", "min_integer"), ("max_number", "max_integer")):
        value, plain = counts[double], counts.agg.get(exact)
        bounds.append(int(plain) if plain is not None and float(plain) == value else int(value))
    return bounds[0], bounds[1]


#: Significant digits of which every decimal reads back from a double as written (C's DBL_DIG).
DECIMAL_DIGITS_IN_A_DOUBLE = 15


def fixed_scale_exponents(counts: Counts) -> bool:
    """Whether a column's number text is decimals of one fixed scale, some written with an exponent:
    every plain number has the same number of fraction digits (at least one, so no integer among
    them), no exponent stands for more (its fraction digits once expanded: ``0E-8`` 8, ``5.0E-7`` 8),
    and none is bare (``1E5``, a code beside integers) or a REAL cell. That is how Python's ``str``
    writes a ``Decimal`` quantized to its places (``'1.50000000'``, and below 10^-6 ``'0E-8'``,
    ``'5.0E-7'``), never how a float's shortest text varies (``0.5`` beside ``1e-05``)."""
    scale, least = counts["max_scale"], counts["min_scale"]
    return (
        bool(scale)
        and least == scale
        and counts.shape(Shape.EXPONENT_BARE) == 0
        and not counts.classes[StorageClass.REAL]
        and counts.shape(Shape.DECIMAL) > 0
    )


def _written_decimals(counts: Counts) -> bool:
    """Every REAL cell of the column is the double of a decimal of at most
    :data:`DECIMAL_DIGITS_IN_A_DOUBLE` significant digits: its shortest text (what the cleaner reads
    it as) is that decimal, and a numeric of it reads back as the same double. Measured per value
    (``max_real_digits``: the most significant digits of any REAL cell's shortest text, an exponent's
    mantissa's), so a computed double (``0.30000000000000004``, ``0.3333333333333333``,
    ``3.0000000000000004e-05``) or an infinity keeps the column a double, and so does a range no
    numeric(38) holds whole (``1e+20`` beside ``1e-20``: a double holds both, every bit).

    Until 2026-12-05 it was measured on the column's bounds, the widest whole part's digits plus the
    widest fraction: ``150000000.5`` beside ``0.00000123`` (10 and 3 significant digits; 9 whole and
    8 fraction, 17) loaded as double precision; before that (the same day) any REAL below 10^-4 did,
    its exponent unmeasured: a wallet's ``DECIMAL(18,8)`` fees of ``0.00005``."""
    if counts.shape(Shape.REAL_INFINITY):
        return False
    whole = max(whole_digits(counts["min_number"], counts["max_number"]), widest_whole_digits(counts))
    return (counts["max_real_digits"] or 0) <= DECIMAL_DIGITS_IN_A_DOUBLE and whole + (
        counts["max_scale"] or 0
    ) <= MAX_NUMERIC_DIGITS


def widest_whole_digits(counts: Counts) -> int:
    """Digits before the point of the column's widest number: of its integers' text and of its
    decimals' and exponents' (``max_whole``, exact: the point's position and the exponent, leading
    zeros aside; helper 23: 38 twos and .5 passed as numeric(38,1)). A profile without either count
    (REAL cells only) falls back on its bounds, as the plan sizes a column."""
    if not counts.measured_whole():
        return whole_digits(counts["min_number"], counts["max_number"])
    return max(counts["max_whole"] or 0, counts["max_digits"] or 0)


def _coded(counts: Counts) -> int:
    """Text values of no number's shape with a digit in them (:attr:`Flag.DIGITS`)."""
    return sum(
        cells
        for code, cells in (counts.agg["codes"] or {}).items()
        if (parts := split_code(code))[1] == Shape.OTHER and parts[2] & Flag.DIGITS
    )


def values_with_time(counts: Counts, shape: Shape, *, declared_date: bool) -> int:
    """Values of date ``shape`` (one with a time) whose time of day makes their column a timestamp:
    all of them, except in a column declared DATE, where a wall-clock time at exactly midnight
    (:attr:`Flag.MIDNIGHT`, in a reading of either order) is a whole day and one that is no date in
    any reading is quarantined whatever the column's type. A time with a UTC offset always counts: its
    midnight is the offset's, no whole day in UTC, so the column keeps its instants."""
    written = counts.shape(shape)
    if not declared_date or shape in ZONED_SHAPES:
        return written
    valid = counts.read(shape, Flag.VALID_DAY_FIRST | Flag.VALID_MONTH_FIRST)
    return valid - counts.valid(shape, None, Flag.MIDNIGHT)


def cleanly_read_count(inferred: InferredType, counts: Counts) -> int:
    """Present values cleaning turns into ``inferred`` without quarantine (dates: in either order)."""
    if inferred in DATE_TYPES:
        return sum(counts.compact.values()) + sum(
            max(counts.valid(s.shape, "day_first"), counts.valid(s.shape, "month_first")) for s in DATE_SHAPES
        )
    if inferred == "boolean":
        return counts.shape(Shape.BOOLEAN_WORD) + counts.flag(Flag.ZERO_ONE)
    if inferred == "integer":
        return counts.integers()
    if inferred in ("numeric", "double"):
        return counts.numbers()
    if inferred == "time":
        return counts.shape(Shape.TIME_OF_DAY)
    return counts.shape(*NUMBER_SHAPES) + counts.shape(
        Shape.OTHER, Shape.NON_FINITE, Shape.TWO_DIGIT_YEAR, Shape.TIME_OF_DAY
    )


#: The shapes of text SQLite converts to INTEGER or REAL storage in a column of numeric affinity.
_STORED_AS_NUMBERS = (Shape.INTEGER, Shape.DECIMAL, Shape.DOT_GROUP3, Shape.EXPONENT, Shape.EXPONENT_BARE)


def text_of_the_type(
    counts: Counts, inferred: InferredType, valid: int, compact: int, bool_words: int
) -> int:
    """Values of the inferred type that SQLite stores as TEXT in a column whose declared type names it
    (and has numeric affinity): ``2025-05-20 08:42`` in a TIMESTAMP column, ``yes`` in a BOOLEAN one.

    SQLite converts a well-formed integer or real literal to INTEGER/REAL storage in such a column
    and keeps everything else as TEXT, so the shapes already say what ``typeof()`` would (no extra
    scan). Only valid values count: a TEXT cell that is not one (``[object Object]`` in a BOOLEAN
    column) is no value of the type stored as text, and is counted as invalid.
    """
    if inferred in DATE_TYPES:
        # 20250520 and epoch milliseconds are INTEGER cells: only TEXT cells are stored as text (until
        # 2026-12-02 a column of epochs was said to be "stored as TEXT").
        return max(0, min(valid - compact, counts.classes[StorageClass.TEXT]))
    elif inferred == "boolean":
        return bool_words  # 0 and 1 are INTEGER cells; true, yes, N are TEXT
    else:
        stored_as_numbers = counts.shape(*_STORED_AS_NUMBERS)
    # Only TEXT cells are stored as text: a REAL infinity (1e999) is a number of no such shape (until
    # 2026-12-04 every one was said to be "stored as TEXT").
    return max(0, min(valid - stored_as_numbers, counts.classes[StorageClass.TEXT]))


def dates_beside_default_zeros(column: SourceColumn, counts: Counts, present: int) -> str | None:
    """The note of a column declared a date or timestamp with ``DEFAULT 0`` whose every value is a
    date as written or that 0 (the rows never set), kept as text (:func:`lossless`: more 0s than
    dates); None otherwise."""
    if declared_family(column.declared_type) not in DATE_TYPES or (column.default or "").strip() != "0":
        return None
    zeros = 0
    for code, count in (counts.agg["codes"] or {}).items():
        _, shape, bits = split_code(int(code))
        if shape == Shape.INTEGER and bits & Flag.ZERO_ONE and not bits & Flag.TRUE_WORD:
            zeros += count
    dated = counts.text_shape(*DATE_SHAPE_BY_CODE)
    if not zeros or not dated or zeros + dated != present:
        return None
    return (
        f"{counted(dated, 'date')} beside {counted(zeros, 'cell')} holding the DEFAULT 0 the column "
        f"declares ({column.declared_type}) for a row never set: kept as text, every value as written "
        "(the 0s outnumber the dates, so they are not read as zero dates)"
    )


def declared_misfits(counts: Counts, family: InferredType | None, present: int) -> tuple[int, str]:
    """The values whose storage class the declared numeric type does not hold, and a phrase saying
    so (``1 of 10,639 values is not an integer (1 REAL)``); 0 for another declared type.

    In a column of INTEGER affinity SQLite stores every integer as an INTEGER cell (``5.0`` too), so a
    REAL, TEXT or BLOB cell is a value that is not an integer; in one of REAL or NUMERIC affinity, a
    TEXT or BLOB cell is no number. Blank and null-like cells are not values and are counted apart.
    """
    classes = counts.classes
    if family == "integer":
        held, what = classes[StorageClass.INTEGER], "an integer"
    elif family in ("double", "numeric"):
        held, what = classes[StorageClass.INTEGER] + classes[StorageClass.REAL], "a number"
    else:
        return 0, ""
    misfits = present - held
    if misfits <= 0:
        return 0, ""
    real = classes[StorageClass.REAL] if family == "integer" else 0
    blob = classes[StorageClass.BLOB]
    parts = [
        f"{n:,} {name}"
        for n, name in ((real, "REAL"), (max(0, misfits - real - blob), "TEXT"), (blob, "BLOB"))
        if n
    ]
    verb = "is" if misfits == 1 else "are"
    return (
        misfits,
        f"{misfits:,} of {counted(present, 'value')} {verb} not {what} ({', '.join(parts)})",
    )
