"""A profile code: a distinct value's storage class, shape and flags folded into one integer.

The profile query (:mod:`.sql`) groups a column's distinct values by their code, so one ``GROUP BY``
counts every fact about them; Python reads the codes back here (:func:`split_code`) and tells the
shapes apart by the sets below (the dates, the slash dates, the numbers). Also the SQL tests of a
shape code (:func:`shape_in`) and the examples each problem is shown by (:data:`EXAMPLE_KINDS`)."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum, unique

from columnar_etl.rules import Shape
from columnar_etl.rules.date_shapes import DATE_SHAPES
from columnar_etl.rules.dates import CANONICAL_DATE_SHAPES
from columnar_etl.rules.numbers import DIGIT_GROUPED_SHAPES, GROUPED_SHAPES


@unique
class StorageClass(IntEnum):
    """SQLite's storage class of a cell (``typeof``), as folded into a profile code."""

    NULL = 0
    INTEGER = 1
    REAL = 2
    TEXT = 3
    BLOB = 4


#: ``typeof()`` names by storage class, as the profile JSON shows them.
STORAGE_CLASS_NAMES = {c: c.name.lower() for c in StorageClass}


DATE_SHAPE_BY_CODE = {shape.shape: shape for shape in DATE_SHAPES}
SLASH_SHAPES = tuple(s.shape for s in DATE_SHAPES if s.month_first is not None)
#: The day-or-month-first shapes written with dashes (20-05-2025).
DASHED_SHAPES = tuple(s.shape for s in DATE_SHAPES if s.separator == "-" and not s.iso)
#: The shapes that write a time of day without a UTC offset: a wall-clock time, which may be midnight.
WALL_CLOCK_SHAPES = tuple(s.shape for s in DATE_SHAPES if s.has_time and not s.zoned)
#: The number shapes whose value does not depend on how the column reads its commas ...
PLAIN_NUMBER_SHAPES = (
    Shape.INTEGER,
    Shape.DECIMAL,
    Shape.DOT_GROUP3,
    Shape.EXPONENT,
    Shape.EXPONENT_BARE,
    Shape.COMMA_DECIMAL,
    Shape.COMMA_JOINED,
)
#: The numbers with one comma that groups no thousands: read as decimal commas where the column (or
#: for comma-joined integers, ``1,3``, the export) proves them so.
COMMA_SHAPES = (Shape.COMMA_DECIMAL, Shape.COMMA_JOINED)
#: ... and all of them (a comma group's value is the column's reading's: min/max_grouped; a number
#: grouped by spaces or apostrophes has one value, read only where the column proves its convention).
NUMBER_SHAPES = (*PLAIN_NUMBER_SHAPES, *GROUPED_SHAPES, *DIGIT_GROUPED_SHAPES)
#: The integers among the numbers grouped by spaces or apostrophes.
GROUPED_INTEGERS = (Shape.SPACE_GROUP3, Shape.DIGIT_GROUPED_INTEGER)
EXAMPLES = 5


def codes(shapes: tuple[Shape, ...] | list[Shape]) -> str:
    return ", ".join(str(int(shape)) for shape in shapes)


def shape_in(k: str, shapes: tuple[Shape, ...] | list[Shape]) -> str:
    """SQL: shape code ``k`` is one of ``shapes``. list_contains, not IN (...): DuckDB plans an IN list
    of six constants or more as a join of every value with the list (the wide export's text queries
    held six, each a hash join over every distinct value: 0.02-0.03 s of CPU a table with them)."""
    return f"list_contains([{codes(shapes)}], {k})"


@unique
class Flag(IntEnum):
    """Per-value facts folded with the shape into one integer, so one ``histogram`` counts them all."""

    TRUE_WORD = 1  # true / yes / y / t / 1
    SECOND_GT12 = 2  # a/b/yyyy with b > 12: proves month-first
    FIRST_GT12 = 4  # a/b/yyyy with a > 12: proves day-first
    NUL = 8  # contains a NUL byte
    PADDED = 16  # leading/trailing whitespace around a non-empty value
    VALID_MONTH_FIRST = 32  # parses as a date reading slashes month-first
    VALID_DAY_FIRST = 64  # parses as a date reading slashes day-first (or is ISO and valid)
    ZERO_ONE = 128  # exactly '0' or '1'
    EMAIL = 256  # looks like an e-mail address (personal data)
    PHONE = 512  # looks like a phone number (personal data)
    PERSON_NAME = 1024  # looks like "Firstname Lastname" (personal data)
    NOT_CANONICAL = 2048  # TEXT of a number shape that does not read back the same: 0171, +5, 007.50
    INVALID_ENCODING = 4096  # TEXT that is not valid UTF-8 (decoded by the encoding fallback)
    OUT_OF_BIGINT = 8192  # an integer PostgreSQL's bigint cannot hold
    NOT_A_DOUBLE = 16384  # a number no double holds exactly: > 15 significant digits, or subnormal TEXT
    # A word's form (text and null tokens only; see text_patterns.WORD_FORMS): what tells a null token
    # that is one of a column's values (the country code NA among DE and FR) from one that stands for NULL.
    WORD_UPPER = 32768  # NA, DE: ASCII capitals only (a code; its length is the row's value_bytes)
    WORD_CAPITAL = 65536  # None, Low, Müller: a capital, then lower-case letters
    WORD_LOWER = 131072  # none, low: lower-case letters only; or a lower-case code (text_patterns.LOWER_CODE)
    # Short text of no other shape with a digit in it (107A, 12-3, 3.5kg): among numbers, a code or a
    # value in a form no rule reads, not a placeholder such as n/a or ? (see lossless.lossless).
    DIGITS = 262144
    # An integer of a declared date column that is a valid compact timestamp (20250520084207; its
    # VALID_* flags say it is a date or timestamp at all, this one which: see shaping.column_projections).
    COMPACT_TIME = 524288
    # An integer of a declared date column with a compact form's digits (8 or 14) that is no valid
    # date or timestamp (20251301): where the column reads compact dates, an impossible date, as the
    # cleaner calls it (see inference.infer_column).
    COMPACT_NO_DAY = 1048576
    # TEXT written with U+2212 MINUS SIGN before its digits (rules.numbers.MINUS_SIGN_START_REGEX): shaped,
    # parsed and counted with '-' in its place; a number of the column's is audited ``minus_sign``.
    MINUS_SIGN = 2097152
    # A date shape with a time of day and no UTC offset whose time is exactly midnight (00:00:00, any
    # fraction all zeros: sqlite-jdbc's ``2024-05-27 00:00:00.000``): a whole day written as a
    # timestamp. A column declared DATE of such values (and dates) alone is of dates (inference.infer_column).
    MIDNIGHT = 4194304
    # A NUL byte no text's terminator explains: one with another byte after it (not only NULs at the end, as a
    # C string's), or one after control bytes (text_patterns.BINARY_CONTROL_REGEX: no text is written of
    # them). Binary data written as TEXT (Chromium's protobuf blobs) holds them; set with NUL. Set alone (no
    # NUL) on TEXT that is no UTF-8 and holds such control bytes (bytes PHP's PDO bound as a string,
    # random_bytes() in an Eloquent binary() column). A column most of whose values hold one is bytea
    # (shaped_type.binary_text).
    BINARY_NUL = 8388608


#: code = (storage class * CLASS_FACTOR + shape) * SHAPE_FACTOR + sum of flags (DuckDB computes it in
#: BIGINT: (4 * 128 + 127) * 2^24 + flags is past 2^31).
SHAPE_FACTOR = 16777216
CLASS_FACTOR = 128


def split_code(code: int) -> tuple[StorageClass, Shape, int]:
    """A profile code as (storage class, shape, flag bits)."""
    shaped, flags = divmod(int(code), SHAPE_FACTOR)
    storage, shape = divmod(shaped, CLASS_FACTOR)
    return StorageClass(storage), Shape(shape), flags


def make_code(storage: StorageClass, shape: Shape, flags: int) -> int:
    """The profile code of (storage class, shape, flag bits): :func:`split_code`'s inverse."""
    return (int(storage) * CLASS_FACTOR + int(shape)) * SHAPE_FACTOR + int(flags)


#: Examples of each problem are the smallest raw values showing it; each row of the profile query
#: carries the smallest EXAMPLES values of its (column, code) group, and a problem is a set of codes.
EXAMPLE_KINDS: dict[str, Callable[[int, int], bool]] = {
    "null_like": lambda shape, flags: shape == Shape.NULL_LIKE,
    "whitespace": lambda shape, flags: bool(flags & Flag.PADDED),
    "other": lambda shape, flags: shape == Shape.OTHER,
    "finer": lambda shape, flags: shape == Shape.TS_FINER_THAN_MICROSECONDS,
    "non_finite": lambda shape, flags: shape == Shape.NON_FINITE,
    "two_digit_year": lambda shape, flags: shape == Shape.TWO_DIGIT_YEAR,
    # No date in either order (a slash date in the other order only: "other_order_<reading>").
    "impossible": lambda shape, flags: (
        shape in DATE_SHAPE_BY_CODE and not flags & (Flag.VALID_DAY_FIRST | Flag.VALID_MONTH_FIRST)
    ),
    "other_order_day_first": lambda shape, flags: (
        shape in SLASH_SHAPES and bool(flags & Flag.VALID_MONTH_FIRST) and not flags & Flag.VALID_DAY_FIRST
    ),
    "other_order_month_first": lambda shape, flags: (
        shape in SLASH_SHAPES and bool(flags & Flag.VALID_DAY_FIRST) and not flags & Flag.VALID_MONTH_FIRST
    ),
    "compact": lambda shape, flags: shape == Shape.INTEGER and bool(flags & Flag.VALID_DAY_FIRST),
    "compact_no_day": lambda shape, flags: shape == Shape.INTEGER and bool(flags & Flag.COMPACT_NO_DAY),
    "non_iso": lambda shape, flags: shape in DATE_SHAPE_BY_CODE and shape not in CANONICAL_DATE_SHAPES,
    "comma": lambda shape, flags: shape in COMMA_SHAPES,
    "grouped": lambda shape, flags: shape in GROUPED_SHAPES,
    "digit_grouped": lambda shape, flags: shape in DIGIT_GROUPED_SHAPES,
    "exponent": lambda shape, flags: shape in (Shape.EXPONENT, Shape.EXPONENT_BARE),
    "minus_sign": lambda shape, flags: shape in NUMBER_SHAPES and bool(flags & Flag.MINUS_SIGN),
    "nul": lambda shape, flags: bool(flags & Flag.NUL),
    "encoding": lambda shape, flags: bool(flags & Flag.INVALID_ENCODING),
}
