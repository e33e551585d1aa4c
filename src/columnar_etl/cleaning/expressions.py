"""One Polars expression per column, built from its :class:`~columnar_etl.planning.plan.ColumnPlan`.

Every value arrives as text. Per column ``i`` three helper columns are computed over a whole batch:
``t`` the trimmed text (for text columns NUL bytes removed first), ``v`` the cleaned value in the
plan's type, and ``k`` a code whose bits say what cleaning did to the cell (trimmed, emptied, parsed
from a non-ISO format, quarantined...). Statistics are histograms of ``k``; the audit and the
quarantine are the rows where ``k`` is non-zero, with the rule text built on those few rows only.

Validity agrees with the profiler (profiling/shaping.py): both are generated from the one definition of
each rule (rules.py), so a value is trimmed of the same characters, is null-like by the same tokens,
and must have one of the same shapes (same regular expressions) before it is parsed: a value the
profile counts valid parses here and one it counts invalid becomes NULL and is quarantined. Where
chrono or Polars is laxer than DuckDB (one-digit months, a leading ``+``, second 60, Unicode digits)
the shape check or an explicit guard says no. A number of the right shape that the column's type
cannot hold is quarantined as ``numeric_overflow``: the profile types no column so that it happens
(``1e400`` and ``1e-400`` keep theirs text or numeric, as 17 digits do; a number wider than
numeric(38), declared a number type or not, keeps its column text), but an operator's type does
(``1e400`` in a column typed double or numeric).

Personal data (``mask = "hash"``, always a text column): once ``k`` is known, a fourth stage replaces
the source text, ``t`` and ``v`` by their salted SHA-256, so the output, the audit, the quarantine and
the target all see only hashes (:meth:`ColumnExprs.masked`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntFlag
from typing import Literal

import polars as pl

from columnar_etl.cleaning.date_formats import (
    FEW_FORMATS,
    FORMAT_REGEX,
    chrono_format,
    first_formats,
    format_candidate,
    format_shape,
    rust_regex,
    zone_named,
)
from columnar_etl.cleaning.masking import sha256_expr
from columnar_etl.cleaning.windows_1252 import holds_controls, repaired_text
from columnar_etl.models import DATE_TYPES, EpochUnit
from columnar_etl.planning.plan import ColumnPlan
from columnar_etl.rules import (
    BOOLEAN_FALSE_DIGIT,
    BOOLEAN_FALSE_WORDS,
    BOOLEAN_TEXT,
    BOOLEAN_TRUE_DIGIT,
    BOOLEAN_TRUE_WORDS,
    NUL,
    WHITESPACE,
)
from columnar_etl.rules.date_shapes import DATE_SHAPES
from columnar_etl.rules.dates import (
    COMPACT_DATE_FORMAT,
    COMPACT_TIMESTAMP_FORMAT,
    DATE_CANONICAL_REGEX,
    DATE_START_REGEX,
    DATE_TEXT,
    INSTANT_CANONICAL_REGEX,
    INSTANT_FRACTION_CANONICAL_REGEX,
    INSTANT_YEARS,
    LEAP_SECOND_REGEX,
    TIME_OF_DAY_CANONICAL_REGEX,
    TIME_OF_DAY_REGEX,
    TIMESTAMP_CANONICAL_REGEX,
    TIMESTAMP_FRACTION_CANONICAL_REGEX,
    TIMESTAMP_FRACTION_TEXT,
    TIMESTAMP_TEXT,
    UTC_OFFSET_TEXT,
)
from columnar_etl.rules.numbers import (
    CANONICAL_NUMBER_REGEX,
    COMMA_DECIMAL_REGEX,
    COMMA_GROUP3_REGEX,
    DECIMAL_COMMA,
    DECIMAL_REGEX,
    EXPONENT_MARK_REGEX,
    EXPONENT_REGEX,
    FRACTION_DIGITS_REGEX,
    GROUPED_DECIMAL_REGEX,
    GROUPED_INTEGER_REGEX,
    INTEGER_REGEX,
    MINUS_SIGN,
    MINUS_SIGN_START_REGEX,
    THOUSANDS_SEPARATOR,
    grouped_number_regexes,
)
from columnar_etl.rules.windows_1252 import RULE as WINDOWS_1252_RULE
from columnar_etl.source.cells import (
    CUT_CHARACTER,
    HELPER_PREFIX,
    ColumnRead,
    class_column,
    frame_name,
    hex_column,
)

_HELPER = HELPER_PREFIX + "{}{}"


class Change(IntFlag):
    """What cleaning did to a cell; a cell may carry several (a padded ``Yes``: TRIM | BOOLEAN)."""

    TRIM = 1
    EMPTY = 2
    NULL_LIKE = 4
    NUL = 8
    FORMAT = 16
    COMMA = 32
    BOOLEAN = 64
    ROUNDED = 128
    QUARANTINE = 256
    ENCODING = 512
    AS_BYTES = 1024
    EXPONENT = 2048
    THOUSANDS = 4096
    NUMBER_FORMAT = 8192
    NEAREST_DOUBLE = 16384
    MINUS_SIGN = 32768
    BLOB_NUMERAL = 65536
    WINDOWS_1252 = 131072


#: The statistic each change is counted under.
CHANGE_STATS: dict[Change, str] = {
    Change.TRIM: "whitespace_trimmed",
    Change.EMPTY: "empty_strings_converted",
    Change.NULL_LIKE: "null_likes_converted",
    Change.NUL: "nul_removed",
    Change.FORMAT: "dates_standardized",
    Change.COMMA: "comma_decimals_fixed",
    Change.BOOLEAN: "booleans_normalized",
    Change.ROUNDED: "rounded",
    Change.QUARANTINE: "quarantined",
    Change.ENCODING: "encodings_repaired",
    Change.AS_BYTES: "stored_as_bytes",
    Change.EXPONENT: "exponents_expanded",
    Change.THOUSANDS: "thousands_separators_removed",
    Change.NUMBER_FORMAT: "numbers_reformatted",
    Change.NEAREST_DOUBLE: "nearest_doubles",
    Change.MINUS_SIGN: "minus_signs_read",
    Change.BLOB_NUMERAL: "blob_numerals_read",
    Change.WINDOWS_1252: "windows_1252_repaired",
}
_SIMPLE_RULES: dict[Change, str] = {
    Change.TRIM: "trim",
    Change.EMPTY: "empty_to_null",
    Change.NULL_LIKE: "null_like_to_null",
    Change.NUL: "nul_removed",
    Change.COMMA: "comma_decimal",
    Change.AS_BYTES: "as_bytes",
    Change.EXPONENT: "exponent",
    Change.THOUSANDS: "thousands_separator",
    Change.NUMBER_FORMAT: "number_format",
    Change.NEAREST_DOUBLE: "nearest_double",
    Change.MINUS_SIGN: "minus_sign",
    Change.BLOB_NUMERAL: "blob_numeral",
}
#: The bits of a cell's :class:`Change` (a Polars column of this type).
CHANGE_DTYPE = pl.UInt32


#: Any date/time text without a UTC offset, and any with one.
ANY_DATE_REGEX = "|".join(rust_regex(shape.regex) for shape in DATE_SHAPES if not shape.zoned)
ANY_INSTANT_REGEX = "|".join(rust_regex(shape.regex) for shape in DATE_SHAPES if shape.zoned)
INTEGER_PATTERN = rust_regex(INTEGER_REGEX)
#: A value starting with U+2212 before its digits (Rust regex), and the sign alone, replaced by '-'.
_MINUS_SIGN_START = MINUS_SIGN_START_REGEX
_MINUS_SIGN_LEADING = "^" + MINUS_SIGN
CANONICAL_NUMBER_PATTERN = rust_regex(CANONICAL_NUMBER_REGEX)
#: The text of a REAL cell of infinity: SQLite's (``printf('%!.17g')``: ``Inf``, ``-Inf``), or its
#: shortest digits' (``inf``, ``-inf``, a numeric column's read).
REAL_INFINITY_REGEX = "^-?(?i:inf)$"
#: Significant digits every double holds exactly (DBL_DIG): a number with more may become another.
DOUBLE_DIGITS = 15
_DOT_NUMBERS = [INTEGER_PATTERN, rust_regex(DECIMAL_REGEX), rust_regex(EXPONENT_REGEX)]
NUMBER_PATTERN = "|".join(_DOT_NUMBERS)
NUMBER_OR_COMMA_PATTERN = "|".join([*_DOT_NUMBERS, rust_regex(COMMA_DECIMAL_REGEX)])
#: Numbers whose commas group thousands (read with the commas removed), and the integers among them.
_GROUPED_INTEGERS = [rust_regex(COMMA_GROUP3_REGEX), rust_regex(GROUPED_INTEGER_REGEX)]
NUMBER_OR_GROUPED_PATTERN = "|".join([*_DOT_NUMBERS, *_GROUPED_INTEGERS, rust_regex(GROUPED_DECIMAL_REGEX)])
INTEGER_OR_GROUPED_PATTERN = "|".join([INTEGER_PATTERN, *_GROUPED_INTEGERS])
#: Polars' time unit of each epoch unit a plan reads integers in (``pl.from_epoch``).
POLARS_EPOCH_UNITS: dict[EpochUnit, Literal["s", "ms", "us"]] = {
    "seconds": "s",
    "milliseconds": "ms",
    "microseconds": "us",
}
#: Per date type, the canonical text of a value (see :func:`canonical_text`) and of one with a
#: fraction (a date has none).
_CANONICAL: dict[str, tuple[str, str | None]] = {
    "date": (rust_regex(DATE_CANONICAL_REGEX), None),
    "timestamp": (rust_regex(TIMESTAMP_CANONICAL_REGEX), rust_regex(TIMESTAMP_FRACTION_CANONICAL_REGEX)),
    "timestamptz": (rust_regex(INSTANT_CANONICAL_REGEX), rust_regex(INSTANT_FRACTION_CANONICAL_REGEX)),
}
# chrono writes a fraction of exactly six digits as `%.6f` (Python's `.%f`).
_TIMESTAMP_FRACTION_OUT = TIMESTAMP_FRACTION_TEXT.replace(".%f", "%.6f")


def trimmed_text(text: pl.Expr, *, documents: bool) -> pl.Expr:
    """``text`` trimmed of :data:`WHITESPACE` at its ends (rule ``trim``); with ``documents``, a value
    of several lines (a line break in its trimmed text) is a document and keeps its padding: the
    layout of a patch, a mail body, a stack, a Markdown page (``ColumnPlan.keeps_documents``, as the
    profile counts them). One test of the trimmed text per value, no second trim."""
    trimmed = text.str.strip_chars(WHITESPACE)
    if not documents:
        return trimmed
    return pl.when(trimmed.str.contains("\n", literal=True)).then(text).otherwise(trimmed)


def polars_type(plan: ColumnPlan) -> pl.DataType:
    """The Polars type of the cleaned column (its Arrow form is ``plan.arrow_type()``)."""
    types: dict[str, pl.DataType] = {
        "timestamp": pl.Datetime("us"),
        "timestamptz": pl.Datetime("us", "UTC"),
        "date": pl.Date(),
        "time": pl.Time(),
        "integer": pl.Int64(),
        "double": pl.Float64(),
        "boolean": pl.Boolean(),
        "text": pl.String(),
        "bytea": pl.Binary(),
    }
    if plan.type == "numeric":
        return pl.Decimal(plan.precision, plan.scale or 0)
    return types[plan.type]


def column_read(plan: ColumnPlan) -> ColumnRead:
    """How the source delivers ``plan``'s column to cleaning (see :class:`ColumnRead`): a bytea column
    as bytes, REALs with all 17 digits, storage classes where they decide a cell's rule, the raw hex of
    TEXT that was not valid UTF-8 where the profile saw some, and of a BLOB cell where one may be
    unseen (:func:`may_hold_blobs`). A BLOB cell read as the numeral it spells is told apart (class
    ``d``): it is audited ``blob_numeral``."""
    blobs = may_hold_blobs(plan)
    return ColumnRead(
        plan.name,
        as_bytes=plan.type == "bytea",
        real_digits=plan.reals,
        signed_zeros=plan.reals,
        # A numeric column (an override's) reads its REAL cells as their shortest text: by their class.
        with_class=(plan.mixed_classes and plan.type in ("bytea", "text", "numeric", "double"))
        or (plan.reals and plan.type == "numeric")
        or blobs
        or plan.blob_numerals,
        with_hex=plan.invalid_encoding or blobs,
        blob_numerals=plan.blob_numerals,
        numerals_apart=plan.blob_numerals,
    )


def may_hold_blobs(plan: ColumnPlan) -> bool:
    """``plan``'s column is not read as bytea, yet may hold BLOB cells its plan did not see: it holds
    several storage classes, or may (a sampled profile's plan; a plan without this export's profile,
    ``clean --plan``: see :func:`~columnar_etl.planning.fitting.fitted_to_export`). Such a cell is
    quarantined (``blob_in_<type>_column``, its bytes in hex), never decoded into the column's type. A
    hashed column is the operator's: it stays as it is (its hash is of the cleaned text)."""
    return plan.mixed_classes and plan.type != "bytea" and plan.mask is None


def canonical_text(value: pl.Expr, plan: ColumnPlan) -> pl.Expr:
    """The cleaned value as text: what the SQLite output stores and the audit shows as ``new_value``.

    Timestamps ``2025-05-20 08:42:00`` (``…T08:42:00.123000`` with a fraction), instants the same in
    UTC followed by ``+00:00``, dates ``2025-05-20``,
    booleans ``true``/``false``, numbers as Polars prints them (``2.50`` at scale 2, ``4.333333``),
    bytes as ``\\x`` and their hex (PostgreSQL's bytea text).
    """
    if plan.type == "bytea":
        return pl.concat_str([pl.lit("\\x"), value.bin.encode("hex")])
    if plan.type in ("timestamp", "timestamptz"):
        offset = UTC_OFFSET_TEXT if plan.type == "timestamptz" else ""
        return (
            pl.when(value.dt.microsecond() == 0)
            .then(value.dt.to_string(TIMESTAMP_TEXT + offset))
            .otherwise(value.dt.to_string(_TIMESTAMP_FRACTION_OUT + offset))
        )
    if plan.type == "date":
        return value.dt.to_string(DATE_TEXT)
    if plan.type == "time":
        # PostgreSQL's text of a time: HH:MM:SS, a fraction without its trailing zeros.
        micros = value.dt.microsecond()
        fraction = micros.cast(pl.String).str.pad_start(6, "0").str.strip_chars_end("0")
        whole = value.dt.to_string("%H:%M:%S")
        return pl.when(micros == 0).then(whole).otherwise(pl.concat_str([whole, pl.lit("."), fraction]))
    if plan.type == "boolean":
        true, false = BOOLEAN_TEXT
        return pl.when(value).then(pl.lit(true)).when(~value).then(pl.lit(false))
    return value.cast(pl.String)


def _stamp_type(plan: ColumnPlan) -> pl.Datetime:
    """What a date/time format is parsed to: an instant in UTC for ``timestamptz`` (chrono applies a
    ``%z`` offset; a format without one reads the text as UTC), else a wall-clock timestamp."""
    return pl.Datetime("us", "UTC") if plan.type == "timestamptz" else pl.Datetime("us")


@dataclass(frozen=True)
class ColumnExprs:
    """The expressions cleaning one column; ``index`` names its helper columns uniquely."""

    plan: ColumnPlan
    index: int
    #: How TEXT that was not valid UTF-8 was decoded (``source_encoding_fallback``), for the audit rule.
    fallback: str = "cp1252"
    #: The source delivers the column natively, as the number it holds (an ``integer`` column of
    #: INTEGER cells as Int64, a ``double`` one of REAL cells as Float64), not as text: such a cell is
    #: its value, unchanged (a non-finite REAL is quarantined, as its text would be).
    native: bool = False
    #: No cell of the batch holds a NUL byte (a text column checked batch by batch, see
    #: ``TableCleaner``): stages 1 and 3 neither remove NUL bytes nor look for them, the costliest
    #: work on long text; the cells are cleaned the same.
    nul_free: bool = False
    #: No cell of the batch starts or ends with a character of :data:`WHITESPACE` (checked batch by
    #: batch, see ``TableCleaner``): stage 1 does not trim, which copies every value; the cells are
    #: cleaned the same.
    unpadded: bool = False

    @property
    def raw(self) -> str:
        """The source column (text; bytes for bytea) in the frame: its :func:`frame_name`."""
        return frame_name(self.plan.name)

    @property
    def storage_class(self) -> str:
        """Read column: each cell's storage class (``i``/``r``/``t``/``b``/``n``), when the read has it."""
        return class_column(self.index)

    @property
    def raw_hex(self) -> str:
        """Read column: the raw bytes in hex of a TEXT cell that was not valid UTF-8, when the read has it."""
        return hex_column(self.index)

    @property
    def read(self) -> ColumnRead:
        """How the source delivers this column."""
        return column_read(self.plan)

    @property
    def t(self) -> str:
        """Helper column: the trimmed text."""
        return _HELPER.format("t", self.index)

    @property
    def v(self) -> str:
        """Helper column: the cleaned, typed value."""
        return _HELPER.format("v", self.index)

    @property
    def k(self) -> str:
        """Helper column: the change code (:class:`Change` bits)."""
        return _HELPER.format("k", self.index)

    @property
    def f(self) -> str:
        """Helper column of a date column of more than :data:`FEW_FORMATS` formats: each value read by
        the first format that reads it, and that format's position (:func:`first_formats`, a struct)."""
        return _HELPER.format("f", self.index)

    @property
    def read_by_formats(self) -> bool:
        """The column's dates are read format by format (:func:`first_formats`), in helper column ``f``."""
        return (
            not self.native
            and self.plan.type in DATE_TYPES
            and self.plan.epoch_unit is None
            and len(self.plan.formats) > FEW_FORMATS
        )

    def formats_read(self) -> list[pl.Expr]:
        """Stage 1b (between the trimmed text and the value), of a column :attr:`read_by_formats`: the
        values and the position of the format that read each, in helper column ``f``. Both the value
        (stage 2) and the audit's ``date_format:`` rule read it: one parse of the text, not two."""
        if not self.read_by_formats:
            return []
        formats, stamp_type = self.plan.formats, _stamp_type(self.plan)
        read = pl.Struct({"value": stamp_type, "format": pl.UInt16})
        return [
            pl.col(self.t)
            .map_batches(lambda text: first_formats(text, formats, stamp_type).to_struct(), return_dtype=read)
            .alias(self.f)
        ]

    def trimmed(self) -> pl.Expr:
        """Stage 1: the trimmed text (text columns: NUL bytes removed, then trimmed; bytes as they are).

        A REAL cell of a text or numeric column arrives with 17 digits (exact); it is read the shortest
        way that reads back as the same double (``0.1``, not ``0.10000000000000001``): as text that is
        what is written, as a numeric the decimal of the double's own digits (a numeric column's scale
        was measured on those).
        """
        raw = pl.col(self.raw)
        if self.plan.type == "bytea" or self.native:
            return raw.alias(self.t)
        raw = self.source_text()
        if self.plan.type == "text" and not self.nul_free:
            raw = raw.str.replace_all(NUL, "", literal=True)
        raw = self.reals_shortest(raw)
        kept = self.unpadded or self.plan.keeps_padding  # a key as written, trim = false, documents
        return (raw if kept else trimmed_text(raw, documents=self.plan.keeps_documents)).alias(self.t)

    def source_text(self) -> pl.Expr:
        """The source column's text as cleaning starts from it: Windows-1252 text read as Latin-1
        repaired first (:attr:`ColumnPlan.windows_1252`), before NUL bytes and trimming; a cell that
        was not valid UTF-8 is the encoding fallback's, left as decoded (as the profile leaves it)."""
        raw = pl.col(self.raw)
        if not self._repairs_windows_1252():
            return raw
        if self.read.with_hex:
            return pl.when(pl.col(self.raw_hex).is_null()).then(repaired_text(raw)).otherwise(raw)
        return repaired_text(raw)

    def _repairs_windows_1252(self) -> bool:
        """The column's C1 controls are read as Windows-1252's characters (rule ``windows_1252``)."""
        return self.plan.windows_1252 and self.plan.type != "bytea" and not self.native

    def reals_shortest(self, text: pl.Expr) -> pl.Expr:
        """``text`` (this column's cells as read) with its REAL cells as their shortest text (``0.1``,
        not the read's ``0.10000000000000001``) where the column reads them so (:meth:`trimmed`):
        what a text column writes, and what the audit's row key shows of such a key cell."""
        if not self._reals_as_text():
            return text
        real = pl.col(self.storage_class) == "r"
        return pl.when(real).then(text.cast(pl.Float64, strict=False).cast(pl.String)).otherwise(text)

    def _reals_as_text(self) -> bool:
        """REAL cells of a text or numeric column are read as their shortest text (:meth:`trimmed`)."""
        return (
            self.plan.type in ("text", "numeric")
            and self.plan.reals
            and self.read.with_class
            and not self.native
        )

    def _absent(self) -> tuple[pl.Expr, pl.Expr]:
        t = pl.col(self.t)
        if self.plan.type not in ("text", "bytea") and not self.native and not self.nul_free:
            # A typed column keeps its NUL bytes (42\0 is no number: quarantined), but a value that is
            # empty or a null token once they are gone is absent, as in a text column (whose NULs are
            # removed before it is trimmed) and as the profile counts it: a field of NULs is empty.
            t = t.str.replace_all(NUL, "", literal=True).str.strip_chars(WHITESPACE)
        elif self.plan.keeps_layout and not self.unpadded:
            # Documents keep their layout, not their blanks: a value is blank or a null token by its
            # trimmed text ('\n', 'N/A\n'), as in any column and as the profile counts it.
            t = t.str.strip_chars(WHITESPACE)
        # A key as written keeps '' too: it is one of its values; so does a column the operator says
        # holds '' as a value (empty_is_null = false), its blanks alone trimmed to '' as trim says.
        empty = pl.lit(False) if self.plan.as_written or not self.plan.empty_is_null else t == ""
        null_like = t.is_in(list(self.plan.null_tokens)) if self.plan.null_tokens else pl.lit(False)
        return empty, null_like

    def _present(self) -> pl.Expr:
        if self.plan.type == "bytea":
            return pl.col(self.t).is_not_null()
        empty, null_like = self._absent()
        return pl.col(self.t).is_not_null() & ~empty & ~null_like

    def _blob(self) -> pl.Expr:
        """The cell is a BLOB one this column does not read as bytes (:func:`may_hold_blobs`)."""
        if self.native or not may_hold_blobs(self.plan):
            return pl.lit(False)
        return pl.col(self.storage_class).is_in(["b", "B"])

    def value(self) -> pl.Expr:
        """Stage 2: the cleaned value, NULL when absent (empty, null-like) or unfixable."""
        t = pl.col(self.t)
        kind = self.plan.type
        parsed: pl.Expr
        if self.native:
            # Read as the number it is: INTEGER cells of an integer column, REAL cells of a double one
            # (an infinity too: PostgreSQL's Infinity).
            return t.cast(polars_type(self.plan)).alias(self.v)
        if kind in ("text", "bytea"):
            parsed = t
        elif kind in DATE_TYPES and self.plan.epoch_unit is not None:
            # The integers the profile counted are the epoch's: written grouped or with U+2212 too.
            unit = POLARS_EPOCH_UNITS[self.plan.epoch_unit]
            stamp = pl.from_epoch(self._integer(), time_unit=unit)
            if kind == "timestamptz":  # the instant, in UTC (an epoch counts from 1970-01-01 UTC)
                stamp = stamp.dt.replace_time_zone("UTC")
            elif kind == "date":  # the day of a midnight UTC; any other instant is no day (invalid)
                stamp = pl.when(stamp.dt.truncate("1d") == stamp).then(stamp.dt.date())
            parsed = stamp
        elif kind in DATE_TYPES:
            parsed = self._parse_dates()
        elif kind == "time":
            parsed = self._parse_time()
        elif kind == "integer":
            parsed = self._integer()
        elif kind in ("numeric", "double"):
            regex, text = self._number_text()
            if kind == "numeric":
                number = text.cast(polars_type(self.plan), strict=False)
                if self.plan.checks_scale and not self.plan.rounds:
                    # More fraction digits than the scale holds: quarantined, not rounded (numeric_scale).
                    number = pl.when(~self._beyond_scale()).then(number)
            else:
                as_float = text.cast(pl.Float64, strict=False)
                # 1e400 has a number's shape but no finite double: unfixable, not infinity; nor has
                # 1e-400 a non-zero one: unfixable, not 0.
                significant = text.str.replace(EXPONENT_MARK_REGEX + ".*$", "").str.contains("[1-9]")
                number = pl.when(as_float.is_finite() & ((as_float != 0) | ~significant)).then(as_float)
                # A REAL cell's ±infinity (SQLite writes Inf): the double it is. TEXT saying so is text.
                infinite = self._real_cell() & t.str.contains(REAL_INFINITY_REGEX)
                sign = pl.when(t.str.starts_with("-")).then(pl.lit(-math.inf)).otherwise(pl.lit(math.inf))
                number = pl.when(infinite).then(sign).otherwise(number)
                regex = f"{regex}|{REAL_INFINITY_REGEX}"
            parsed = pl.when(self._signed().str.contains(regex)).then(number)
        else:  # boolean
            low = t.str.to_lowercase()
            parsed = (
                pl.when(low.is_in(list(BOOLEAN_TRUE_WORDS)) | (t == BOOLEAN_TRUE_DIGIT))
                .then(pl.lit(True))
                .when(low.is_in(list(BOOLEAN_FALSE_WORDS)) | (t == BOOLEAN_FALSE_DIGIT))
                .then(pl.lit(False))
            )
        # A BLOB cell is no text of the column's type (not even an empty one): quarantined.
        return (
            pl.when(self._present() & ~self._blob()).then(parsed).cast(polars_type(self.plan)).alias(self.v)
        )

    def _real_cell(self) -> pl.Expr:
        """True where the cell is a REAL one: by its storage class where the read carries it, else all
        of them in a column of REAL cells only (the profile saw no other class)."""
        if self.read.with_class:
            return pl.col(self.storage_class) == "r"
        return pl.lit(self.plan.reals and not self.plan.mixed_classes)

    def _signed(self) -> pl.Expr:
        """The trimmed text with a leading U+2212 MINUS SIGN before its digits read as '-'
        (``minus_sign``): what a number column's shapes are matched on and its numbers cast from. A
        sign before no digit (``−``, ``−x``) becomes a '-' before none, which no number shape matches
        either; a sign inside the text (``5 − 3``) is left where it is."""
        t = pl.col(self.t)
        return t.str.replace(_MINUS_SIGN_LEADING, "-")

    def _integer(self) -> pl.Expr:
        """The integer the text writes (as an integer column reads it, an epoch column's count too),
        NULL where it writes none."""
        regex, text = self._number_text()
        return pl.when(self._signed().str.contains(regex)).then(text.cast(pl.Int64, strict=False))

    def _number_text(self) -> tuple[str, pl.Expr]:
        """The pattern of the numbers this column reads (matched on :meth:`_signed`), and their text as
        Polars casts it: a leading U+2212 read as '-', thousands separators removed (``1,234.50``), or a
        decimal comma made a point (``3,5``). An epoch column reads integers."""
        t = self._signed()
        integer = self.plan.type == "integer" or self.plan.epoch_unit is not None
        if self.plan.thousands_separator:
            text = t.str.replace_all(THOUSANDS_SEPARATOR, "", literal=True)
            return (INTEGER_OR_GROUPED_PATTERN if integer else NUMBER_OR_GROUPED_PATTERN), text
        if self.plan.digit_groups is not None:
            # Grouped by a space or an apostrophe (39 924,83, 1'234.50): that separator removed, and a
            # decimal comma made a point where the column reads one.
            separator = self.plan.digit_groups
            grouped = [rust_regex(regex) for regex in grouped_number_regexes(separator)]
            text = t.str.replace_all(separator, "", literal=True)
            if integer:
                return "|".join([INTEGER_PATTERN, grouped[0]]), text
            if self.plan.decimal_comma:
                text = text.str.replace(DECIMAL_COMMA, ".", literal=True)
                return "|".join([NUMBER_OR_COMMA_PATTERN, *grouped]), text
            return "|".join([NUMBER_PATTERN, *grouped]), text
        if integer:
            return INTEGER_PATTERN, t
        if self.plan.decimal_comma:
            return NUMBER_OR_COMMA_PATTERN, t.str.replace(DECIMAL_COMMA, ".", literal=True)
        return NUMBER_PATTERN, t

    def _parse_dates(self) -> pl.Expr:
        t = pl.col(self.t)
        stamp_type = _stamp_type(self.plan)
        formats = self.plan.formats
        if not formats:
            return pl.lit(None, dtype=stamp_type)
        parsed: pl.Expr
        if len(formats) <= FEW_FORMATS:
            parsed = pl.coalesce([format_candidate(t, fmt, stamp_type) for fmt in formats])
        else:
            parsed = pl.col(self.f).struct.field("value")  # read by formats_read
        if any("%S" in fmt for fmt in self.plan.formats):
            # chrono reads second 60 as a leap second (08:42:60 → 08:43:00); DuckDB, the profiler and
            # PostgreSQL call it invalid.
            parsed = pl.when(~t.str.contains(LEAP_SECOND_REGEX)).then(parsed)
        # Nor is year 0 a year: chrono and DuckDB read it as 1 BC, Python, PostgreSQL and the profiler
        # call it invalid (a placeholder such as 0000-01-01 is quarantined, not loaded as 1 BC).
        parsed = pl.when(parsed.dt.year() >= 1).then(parsed)
        if self.plan.type == "timestamptz":
            # An instant's years are counted in UTC: 9999-12-31T23:30:00-02:00 is in year 10000.
            parsed = pl.when(parsed.dt.year() <= INSTANT_YEARS[1]).then(parsed)
        return parsed.dt.date() if self.plan.type == "date" else parsed

    def _parse_time(self) -> pl.Expr:
        """The time of day the text writes (:data:`~columnar_etl.rules.dates.TIME_OF_DAY_REGEX`: 24-hour,
        hours 0-23, seconds and a fraction of up to 6 digits optional), NULL where it writes none. Read from
        its fields, not by chrono's strptime, which reads second 60 as a leap second."""
        t = pl.col(self.t)
        hours = t.str.extract(r"^([0-9]{1,2}):", 1).cast(pl.Int64, strict=False)
        minutes = t.str.extract(r"^[0-9]{1,2}:([0-9]{2})", 1).cast(pl.Int64, strict=False)
        seconds = t.str.extract(r"^[0-9]{1,2}:[0-9]{2}:([0-9]{2})", 1).cast(pl.Int64, strict=False)
        fraction = t.str.extract(r"\.([0-9]{1,6})$", 1).str.pad_end(6, "0").cast(pl.Int64, strict=False)
        micros = ((hours * 60 + minutes) * 60 + seconds.fill_null(0)) * 1_000_000 + fraction.fill_null(0)
        return pl.when(t.str.contains(rust_regex(TIME_OF_DAY_REGEX))).then((micros * 1_000).cast(pl.Time))

    def _time_format_rule(self) -> pl.Expr:
        """``time_format:<format>`` of a time of day not written as PostgreSQL writes it (``%H:%M`` for
        ``08:30``, ``%-H:%M:%S`` for ``8:30:00``, ``%H:%M:%S.%f`` for ``08:30:00.500000``)."""
        t = pl.col(self.t)
        return pl.concat_str(
            [
                pl.lit("time_format:%"),
                pl.when(t.str.contains(r"^[0-9]:")).then(pl.lit("-")).otherwise(pl.lit("")),
                pl.lit("H:%M"),
                pl.when(t.str.count_matches(":") == 2).then(pl.lit(":%S")).otherwise(pl.lit("")),
                pl.when(t.str.contains(".", literal=True)).then(pl.lit(".%f")).otherwise(pl.lit("")),
            ]
        )

    def code(self) -> pl.Expr:
        """Stage 3: the :class:`Change` bits of each cell (0: the cell is unchanged)."""
        t, v = pl.col(self.t), pl.col(self.v)
        kept = v.is_not_null()
        if self.native:
            lost = t.is_not_null() & ~kept
            quarantine = pl.lit(int(Change.QUARANTINE), CHANGE_DTYPE)
            return pl.when(lost).then(quarantine).otherwise(pl.lit(0, CHANGE_DTYPE)).alias(self.k)
        if self.plan.type == "bytea":
            # Bytes are never changed; in a mixed column a number or text becomes the bytes of its text.
            as_bytes = pl.lit(False)
            if self.read.with_class:
                # A BLOB read as the numeral it spells (ColumnRead.numerals_apart) is those very bytes.
                as_bytes = kept & ~pl.col(self.storage_class).is_in(["b", "d"])
            return (
                pl.when(as_bytes)
                .then(pl.lit(int(Change.AS_BYTES), CHANGE_DTYPE))
                .otherwise(pl.lit(0, CHANGE_DTYPE))
                .alias(self.k)
            )
        empty, null_like = self._absent()
        source = self.source_text()  # repaired Windows-1252 punctuation is no padding
        padded = source.str.len_bytes() != t.str.len_bytes()
        blob = self._blob()
        bits: list[tuple[pl.Expr, Change]] = [
            (empty & ~blob, Change.EMPTY),
            (null_like & ~empty & ~blob, Change.NULL_LIKE),
            ((self._present() | blob) & ~kept, Change.QUARANTINE),
        ]
        kind = self.plan.type
        if kind == "text" and not self.nul_free:
            has_nul = pl.col(self.raw).str.contains(NUL, literal=True)
            without_nul = source.str.len_bytes() - pl.col(self.raw).str.count_matches(NUL, literal=True)
            bits += [(kept & has_nul, Change.NUL), (kept & (without_nul != t.str.len_bytes()), Change.TRIM)]
        else:
            bits.append((kept & padded, Change.TRIM))
        if self._reals_as_text():
            # A REAL cell arrives with 17 digits and is written as its shortest text (see trimmed): the
            # same double, no whitespace was cut, nothing changed (its text reads back as the cell).
            real = pl.col(self.storage_class) == "r"
            bits = [(cond & ~real, bit) if bit == Change.TRIM else (cond, bit) for cond, bit in bits]
        if kind == "time":
            # Not PostgreSQL's own text of that time (08:30, 8:30:00, 08:30:00.500000): audited.
            bits.append((kept & ~t.str.contains(rust_regex(TIME_OF_DAY_CANONICAL_REGEX)), Change.FORMAT))
        if kind in DATE_TYPES and not self._parses_canonical_only():
            bits.append((kept & ~self._canonical_date(), Change.FORMAT))
            if self.plan.epoch_unit is not None:
                bits += self._number_spelling(kept)  # the epoch's integer, read as written
        elif kind in ("numeric", "double", "integer"):
            bits += self._number_spelling(kept)
            # A REAL cell's own digits are no text that changes.
            text_cell: pl.Expr | None = pl.lit(True)
            if self.read.with_class:
                text_cell = pl.col(self.storage_class) != "r"
            elif self.plan.reals:
                text_cell = None
            has_exponent = t.str.contains(EXPONENT_MARK_REGEX)
            if kind != "integer" and text_cell is not None:
                # TEXT in exponent form (1.5e3) becomes the number.
                bits.append((kept & has_exponent & text_cell, Change.EXPONENT))
            if text_cell is not None:
                # Number text that its value does not write back (02134, +5, 007.50, -0): a full profile
                # keeps such a column text (codes), but a plan made otherwise (an override, a sample, a
                # plan of another export) reads them as numbers, and that is a change like any other.
                _, text = self._number_text()
                odd = ~text.str.contains(CANONICAL_NUMBER_PATTERN) & ~has_exponent
                bits.append((kept & text_cell & odd, Change.NUMBER_FORMAT))
                if kind == "double":
                    # More significant digits than a double holds (12345678901234567, an INTEGER cell
                    # of 2^62 + 1): a full profile keeps such a column numeric or text, but a plan made
                    # otherwise reads it as the nearest double, and that is a change too (helper 23).
                    mantissa = text.str.replace(EXPONENT_MARK_REGEX + ".*$", "").str.replace_all("[^0-9]", "")
                    digits = mantissa.str.strip_chars("0").str.len_bytes()
                    bits.append((kept & text_cell & (digits > DOUBLE_DIGITS), Change.NEAREST_DOUBLE))
            if kind == "numeric" and self._reals_as_text():
                # A REAL -0.0 (read as such, ColumnRead.signed_zeros): numeric has no negative zero.
                real_zero = (pl.col(self.storage_class) == "r") & (t == "-0.0")
                bits.append((kept & real_zero, Change.NUMBER_FORMAT))
        elif kind == "boolean":
            bits.append((kept & ~t.is_in(list(BOOLEAN_TEXT)), Change.BOOLEAN))
        if kind == "numeric" and self.plan.rounds:
            bits.append((kept & self._beyond_scale(), Change.ROUNDED))
        if self.read.with_class and self.plan.blob_numerals:
            # A BLOB cell read as the number text its ASCII bytes spell (SqliteScans.numeral_blobs).
            bits.append((kept & pl.col(self.storage_class).is_in(["d", "D"]), Change.BLOB_NUMERAL))
        if self._repairs_windows_1252():
            repaired = holds_controls(pl.col(self.raw))
            if self.read.with_hex:
                repaired = repaired & pl.col(self.raw_hex).is_null()
            bits.append((repaired, Change.WINDOWS_1252))
        if self.read.with_hex:
            # The hex of a BLOB cell (read so for the quarantine) is no text that was decoded.
            encoded = pl.col(self.raw_hex).is_not_null()
            if self.read.with_class:
                encoded = encoded & ~pl.col(self.storage_class).is_in(["b", "B"])
            bits.append((encoded, Change.ENCODING))
        code = pl.sum_horizontal(
            [
                pl.when(cond).then(pl.lit(int(bit), CHANGE_DTYPE)).otherwise(pl.lit(0, CHANGE_DTYPE))
                for cond, bit in bits
            ]
        )
        return code.cast(CHANGE_DTYPE).alias(self.k)

    def _number_spelling(self, kept: pl.Expr) -> list[tuple[pl.Expr, Change]]:
        """The changes of a kept number's spelling that :meth:`_number_text` reads: thousands separators
        or digit groups removed, a decimal comma made a point, a leading U+2212 read as '-'."""
        t = pl.col(self.t)
        bits: list[tuple[pl.Expr, Change]] = []
        if self.plan.thousands_separator:
            bits.append((kept & t.str.contains(THOUSANDS_SEPARATOR, literal=True), Change.THOUSANDS))
        elif self.plan.decimal_comma and self.plan.type in ("numeric", "double"):
            bits.append((kept & t.str.contains(DECIMAL_COMMA, literal=True), Change.COMMA))
        if self.plan.digit_groups is not None and not self.plan.thousands_separator:
            grouped = t.str.contains(self.plan.digit_groups, literal=True)
            bits.append((kept & grouped, Change.THOUSANDS))
        # A number written with U+2212 (−12, −1 234,50), read with '-'.
        bits.append((kept & t.str.contains(_MINUS_SIGN_START), Change.MINUS_SIGN))
        return bits

    def _beyond_scale(self) -> pl.Expr:
        """The number has more fraction digits than the column's scale (False without a fraction).

        Counted on its text; with an exponent (``1e-7``, ``1.5E-3``) the text's digits say nothing, and
        the value at the scale is compared with the number itself (a double: exponent text is one).
        """
        _, text = self._number_text()  # without thousands separators: the fraction is after the point
        digits = text.str.extract(FRACTION_DIGITS_REGEX, 1).str.len_bytes()
        beyond = digits > (self.plan.scale or 0)
        if self.plan.type == "numeric":
            exact = text.cast(pl.Float64, strict=False)
            scaled = text.cast(polars_type(self.plan), strict=False).cast(pl.Float64)
            beyond = pl.when(text.str.contains(EXPONENT_MARK_REGEX)).then(scaled != exact).otherwise(beyond)
        return beyond.fill_null(False)

    def _parses_canonical_only(self) -> bool:
        """Every format parses only text of the canonical shape (the ISO format alone): a kept value
        was then canonical text, and no cell can carry :attr:`Change.FORMAT` (the check of every
        cell's shape against the canonical one, a second regex pass, is skipped)."""
        canonical, _ = _CANONICAL[self.plan.type]
        return (
            self.plan.epoch_unit is None
            and bool(self.plan.formats)
            and all(FORMAT_REGEX.get(fmt) == canonical for fmt in self.plan.formats)
        )

    def _canonical_date(self) -> pl.Expr:
        """The text is already the canonical form of its value (see :func:`canonical_text`)."""
        t = pl.col(self.t)
        if self.plan.epoch_unit is not None:
            return pl.lit(False)
        whole, with_fraction = _CANONICAL[self.plan.type]
        if with_fraction is None:
            return t.str.contains(whole)
        fraction = t.str.contains(with_fraction) & (pl.col(self.v).dt.microsecond() != 0)
        return t.str.contains(whole) | fraction

    def masked(self, salt: str) -> list[pl.Expr]:
        """Stage 4 of a ``hash`` column: source text, ``t`` and ``v`` replaced by their salted hashes.

        Runs after :meth:`code`, which needs the real text; everything later (output, audit, quarantine,
        duplicates) reads these columns, so none of them can reach the raw value. The audit's
        ``raw_value`` is the hash of the text as exported (padding included), ``new_value`` the hash
        that is loaded.
        """
        if self.plan.mask != "hash":
            return []
        return [sha256_expr(name, salt).alias(name) for name in (self.raw, self.t, self.v)]

    def has(self, change: Change) -> pl.Expr:
        """The cell carries ``change``."""
        return (pl.col(self.k) & pl.lit(int(change), CHANGE_DTYPE)) != 0

    def rule(self) -> pl.Expr:
        """The audit rule of a changed cell, e.g. ``trim,boolean:Yes``; meant for the changed rows only."""
        parts = [pl.when(self.has(bit)).then(pl.lit(text)) for bit, text in _SIMPLE_RULES.items()]
        if self._repairs_windows_1252():  # the first rule applied
            parts.insert(0, pl.when(self.has(Change.WINDOWS_1252)).then(pl.lit(WINDOWS_1252_RULE)))
        if self.read.with_hex:
            # UTF-8 cut inside its last character reads as UTF-8, that character U+FFFD
            # (source.cells.fallback_decoded_sql); no byte-by-byte decoding yields U+FFFD.
            encoding = pl.lit(f"encoding:{self.fallback}")
            if self.plan.type != "bytea":  # there the source column is bytes
                cut = pl.col(self.raw).str.ends_with(CUT_CHARACTER)
                encoding = pl.when(cut).then(pl.lit("encoding:utf-8-cut")).otherwise(encoding)
            parts.insert(0, pl.when(self.has(Change.ENCODING)).then(encoding))
        if self.plan.type in DATE_TYPES:
            parts.append(pl.when(self.has(Change.FORMAT)).then(self._format_rule()))
        if self.plan.type == "time":
            parts.append(pl.when(self.has(Change.FORMAT)).then(self._time_format_rule()))
        if self.plan.type == "boolean":
            parts.append(
                pl.when(self.has(Change.BOOLEAN)).then(pl.concat_str([pl.lit("boolean:"), pl.col(self.t)]))
            )
        if self.plan.type == "numeric":
            parts.append(pl.when(self.has(Change.ROUNDED)).then(pl.lit(f"rounded:{self.plan.scale}")))
        parts.append(pl.when(self.has(Change.QUARANTINE)).then(self.reason()))
        return pl.concat_str(parts, separator=",", ignore_nulls=True)

    def _format_rule(self) -> pl.Expr:
        if self.plan.epoch_unit is not None:
            return pl.lit(f"epoch:{self.plan.epoch_unit}")
        t = pl.col(self.t)
        formats = self.plan.formats
        if len(formats) > FEW_FORMATS:
            # The first format that parses, as _parse_dates chose it (formats_read found both).
            rules = [f"date_format:{fmt}" for fmt in formats]
            return (
                pl.col(self.f)
                .struct.field("format")
                .replace_strict(list(range(len(rules))), rules, default=None, return_dtype=pl.String)
            )
        rule: pl.Expr = pl.lit(None, dtype=pl.String)
        # The first format that parses, as the coalesce in _parse_dates chose it (built back to front).
        for fmt in reversed(formats):
            text = zone_named(t, fmt)
            hit = text.str.strptime(_stamp_type(self.plan), chrono_format(fmt), strict=False).is_not_null()
            regex = FORMAT_REGEX.get(fmt)
            if regex:
                hit = hit & t.str.contains(regex)
            rule = pl.when(hit).then(pl.lit(f"date_format:{fmt}")).otherwise(rule)
        return rule

    def _other_order(self) -> pl.Expr:
        """The text is of a day-or-month-first shape, and a date only in the order the column does not
        read (the profile's ``other_date_order``). Whether the column holds a valid value of that very
        shape does not matter: ``5/20/2025 8:42`` among ``25/12/2024 10:00:00`` is in the other order
        as the profile counts it (``number_reading.Counts.other_order``), not an impossible date."""
        t = pl.col(self.t)
        found: pl.Expr = pl.lit(False)
        for shape in DATE_SHAPES:
            if shape.month_first is None:
                continue
            other = shape.day_first if self.plan.date_order == "month_first" else shape.month_first
            parsed = t.str.strptime(pl.Datetime("us"), chrono_format(other), strict=False)
            valid = parsed.is_not_null() & (parsed.dt.year() >= 1) & ~t.str.contains(LEAP_SECOND_REGEX)
            found = found | (t.str.contains(FORMAT_REGEX[other]) & valid)
        return found

    def reason(self) -> pl.Expr:
        """Why a value could not be fixed, in the profiler's issue words where it has them."""
        reason = self._reason()
        if may_hold_blobs(self.plan) and not self.native:
            return pl.when(self._blob()).then(pl.lit(f"blob_in_{self.plan.type}_column")).otherwise(reason)
        return reason

    def _reason(self) -> pl.Expr:
        t = pl.col(self.t)
        kind = self.plan.type
        if self.native:
            return pl.lit("numeric_overflow")  # a REAL that is no finite double: its only way to fail
        if kind in DATE_TYPES and self.plan.epoch_unit is None:
            # Text of no shape of the column's kind (with a UTC offset or without) cannot be read.
            shapes = ANY_INSTANT_REGEX if kind == "timestamptz" else ANY_DATE_REGEX
            # A column reading compact dates: an integer of either compact form's digits that is no
            # such day is impossible (20251301), as the profile counts it (Flag.COMPACT_NO_DAY).
            compacts = (COMPACT_DATE_FORMAT, COMPACT_TIMESTAMP_FORMAT)
            if any(compact in self.plan.formats for compact in compacts):
                shapes += "".join("|" + FORMAT_REGEX[compact] for compact in compacts)
            # A format of the column's own (an override's, a two-digit year's): text it writes is a
            # date shape too, so 30-FEB-25 read by %d-%b-%y is impossible, not unparseable.
            own = [format_shape(fmt) for fmt in self.plan.formats if fmt not in FORMAT_REGEX]
            shapes += "".join("|" + pattern for pattern in own if pattern is not None)
            # A value starting with letters is of a named shape only after an English month's or
            # weekday's (the profiler's gate, rules.NAME_STARTS): ``ene 20, 2025`` is unparseable.
            reason = (
                pl.when(t.str.contains(shapes) & t.str.contains(DATE_START_REGEX))
                .then(pl.lit("impossible_date"))
                .otherwise(pl.lit("unparseable_date"))
            )
            # A date in the other day/month order only (5/20/2025 read day-first): not swapped, and
            # not called impossible either.
            return pl.when(self._other_order()).then(pl.lit("other_date_order")).otherwise(reason)
        if kind in ("numeric", "double"):
            # The shape of a number, but no value of the column's type holds it (1e400, 10^17 at scale 2).
            shaped, _ = self._number_text()
            signed = self._signed()
            reason = (
                pl.when(signed.str.contains(shaped))
                .then(pl.lit("numeric_overflow"))
                .otherwise(pl.lit("invalid_number"))
            )
            if kind == "numeric" and self.plan.checks_scale and not self.plan.rounds:
                # More fraction digits than a scale measured on some values only: not rounded.
                scaled = signed.str.contains(shaped) & self._beyond_scale()
                reason = pl.when(scaled).then(pl.lit("numeric_scale")).otherwise(reason)
            if self.plan.reals:
                # A REAL cell of infinity (SQLite writes it Inf, -Inf) is a number no finite value of the
                # type holds, as 1e400 is (and as the native read says): not an invalid number.
                infinite = self._real_cell() & t.str.contains(REAL_INFINITY_REGEX)
                reason = pl.when(infinite).then(pl.lit("numeric_overflow")).otherwise(reason)
            return reason
        if kind == "boolean":
            return pl.lit("invalid_boolean")
        if kind == "time":
            return pl.lit("invalid_time")
        return pl.lit("invalid_number")
