"""The profiling SQL: one query per table, built here and nowhere else.

Every value arrives as text. The query counts each column's distinct values first (every cell
becomes a ``(column index, value)`` pair), so the expensive part runs once per distinct value: per
value, a *shape code* (one ``CASE`` over anchored regular expressions behind cheap tests: the first
matching shape wins, so each non-empty value has exactly one), the candidate parses a type decision
needs (the timestamp under day-first and month-first reading, the number) and a few flags, folded
into one integer *code*. The outer aggregate groups by column and code: cells, distinct values,
examples, and per column the bounds of each parse. Python then decides the type from these numbers
(:mod:`.profile`); no value is ever looked at in Python."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from enum import IntEnum, unique
from typing import Any

from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.rules import (
    BOOLEAN_FALSE_DIGIT,
    BOOLEAN_FALSE_WORDS,
    BOOLEAN_TRUE_DIGIT,
    BOOLEAN_TRUE_WORDS,
    NON_FINITE_WORDS,
    NUL,
    WHITESPACE,
    Shape,
)
from columnar_etl.rules.date_shapes import DATE_SHAPES
from columnar_etl.rules.dates import (
    CANONICAL_DATE_SHAPES,
    COMPACT_FORMATS,
    COMPACT_TIMESTAMP_FORMAT,
    FINER_THAN_MICROSECONDS_LENGTHS,
    FINER_THAN_MICROSECONDS_REGEX,
    GO_TIME_CUT_REGEX,
    HOUR_24_MARKS,
    INSTANT_RANGE,
    MONTH_TIME_REGEX,
    NAME_STARTS,
    NAMED_COMPACT_TIMESTAMP_RANGE,
    NAMED_DATE_FAMILIES,
    NAMED_DAY_START_REGEX,
    TIME_OF_DAY_CANONICAL_REGEX,
    TIME_OF_DAY_LENGTHS,
    TIME_OF_DAY_REGEX,
    TWO_DIGIT_YEAR_NAMED_REGEX,
    TWO_DIGIT_YEAR_SLASH_REGEX,
    ZONE_NAME_AT_REGEX,
    ZONE_NAME_OFFSETS,
    DateShape,
)
from columnar_etl.rules.epochs import EPOCH_OPEN_ENDS
from columnar_etl.rules.numbers import (
    CANONICAL_NUMBER_REGEX,
    DECIMAL_COMMA,
    DIGIT_GROUPED_REGEX,
    DIGIT_GROUPED_SHAPES,
    EXPONENT_MARK_REGEX,
    GROUP_DIGITS,
    GROUP_SEPARATORS,
    GROUPED_NUMBER_BYTES,
    GROUPED_SHAPES,
    MINUS_SIGN,
    MINUS_SIGN_START_REGEX,
    NUMBER_REGEXES,
    PROFILE_INTEGER_REGEX,
    SPACE_GROUP3_BYTES,
    THOUSANDS_SEPARATOR,
)
from columnar_etl.source.cells import CLASSES_COLUMN, EncodingFallback, fallback_decoded_sql


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
_PLAIN_NUMBER_SHAPES = (
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
_COMMA_SHAPES = (Shape.COMMA_DECIMAL, Shape.COMMA_JOINED)
#: ... and all of them (a comma group's value is the column's reading's: min/max_grouped; a number
#: grouped by spaces or apostrophes has one value, read only where the column proves its convention).
NUMBER_SHAPES = (*_PLAIN_NUMBER_SHAPES, *GROUPED_SHAPES, *DIGIT_GROUPED_SHAPES)
#: The integers among the numbers grouped by spaces or apostrophes.
_GROUPED_INTEGERS = (Shape.SPACE_GROUP3, Shape.DIGIT_GROUPED_INTEGER)
_COMMA = quote_literal(DECIMAL_COMMA)
_THOUSANDS = quote_literal(THOUSANDS_SEPARATOR)
# Their UTF-8 bytes as one BLOB literal, decoded: a chain of chr(9) || chr(10) ... was 49 functions
# DuckDB bound and folded to one constant wherever a value is trimmed (~10 ms of planning the
# profile's text query, see docs/scaling.md), and the SQL text stays ASCII (no raw tab or U+3000).
WHITESPACE_CHARS = "decode(CAST('" + "".join(f"\\x{byte:02X}" for byte in WHITESPACE.encode()) + "' AS BLOB))"
# Their code points as one cast of a literal (a list of 25 constants is 25 values to fold, each time).
_WHITESPACE_CODES = f"CAST('[{', '.join(str(ord(char)) for char in WHITESPACE)}]' AS INTEGER[])"
# The last byte of each whitespace character in UTF-8, as one list of BLOBs ('\xA0' read as a BLOB):
# one cast to fold, not one per byte.
_WHITESPACE_LAST_BYTES = (
    "CAST(["
    + ", ".join(f"'\\x{byte:02X}'" for byte in sorted({char.encode()[-1] for char in WHITESPACE}))
    + "] AS BLOB[])"
)
EXAMPLES = 5

EMAIL_REGEX = r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
PHONE_REGEX = r"\+?\(?\d[\d ().-]{5,18}\d"
# Two or three capitalised words ("Grace Chen", "Inès Moreau", "Mary-Ann O'Neil"); a heuristic.
# Latin letters spelt out as ranges (ASCII, Latin-1, Latin Extended-A, whose cases alternate): RE2
# compiles \p{Lu}/\p{Ll} in ~5 ms each time, and the pattern is compiled once per column per query.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_LOWER = "a-zß-öø-ÿĀ-ſ"
_NAME_WORD = f"[{_UPPER}][{_LOWER}'’-]+([{_UPPER}][{_LOWER}]+)?"
PERSON_NAME_REGEX = f"{_NAME_WORD}( {_NAME_WORD}){{1,2}}"


def shortest_text_sql(double: str) -> str:
    """DuckDB: the DOUBLE ``double`` as the profile shows a REAL cell: the shortest text that reads back
    as the same double (Python's ``repr`` too), ``-0.0`` as ``0.0`` (equal numbers)."""
    return f"CAST({double} + 0.0 AS VARCHAR)"


#: The NUL byte in DuckDB SQL.
_NUL_SQL = f"chr({ord(NUL)})"
#: A control byte no text is written with (C0 but NUL, tab, line feed, vertical tab, form feed and
#: carriage return): beside a NUL byte, a sign of binary data written as TEXT (:attr:`Flag.BINARY_NUL`).
BINARY_CONTROL_REGEX = r"[\x01-\x08\x0e-\x1f]"


def _one_of(expr: str, values: tuple[str, ...] | list[str]) -> str:
    # list_contains, not IN (...): DuckDB plans a long IN list of strings as a join, and two dozen of
    # those in one query cost seconds of planning.
    return f"list_contains([{', '.join(quote_literal(value) for value in values)}], {expr})"


def _codes(shapes: tuple[Shape, ...] | list[Shape]) -> str:
    return ", ".join(str(int(shape)) for shape in shapes)


def _shape_in(k: str, shapes: tuple[Shape, ...] | list[Shape]) -> str:
    """SQL: shape code ``k`` is one of ``shapes``. list_contains, not IN (...): DuckDB plans an IN list
    of six constants or more as a join of every value with the list (the wide export's text queries
    held six, each a hash join over every distinct value: 0.02-0.03 s of CPU a table with them)."""
    return f"list_contains([{_codes(shapes)}], {k})"


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
    # A word's form (text and null tokens only; see WORD_FORMS): what tells a null token that is one of
    # a column's values (the country code NA among DE and FR) from one that stands for NULL.
    WORD_UPPER = 32768  # NA, DE: ASCII capitals only (a code; its length is the row's value_bytes)
    WORD_CAPITAL = 65536  # None, Low, Müller: a capital, then lower-case letters
    WORD_LOWER = 131072  # none, low: lower-case letters only; or a lower-case code (LOWER_CODE)
    # Short text of no other shape with a digit in it (107A, 12-3, 3.5kg): among numbers, a code or a
    # value in a form no rule reads, not a placeholder such as n/a or ? (see lossless.lossless).
    DIGITS = 262144
    # An integer of a declared date column that is a valid compact timestamp (20250520084207; its
    # VALID_* flags say it is a date or timestamp at all, this one which: see column_projections).
    COMPACT_TIME = 524288
    # An integer of a declared date column with a compact form's digits (8 or 14) that is no valid
    # date or timestamp (20251301): where the column reads compact dates, an impossible date, as the
    # cleaner calls it (see inference.infer_column).
    COMPACT_NO_DAY = 1048576
    # TEXT written with U+2212 MINUS SIGN before its digits (rules.MINUS_SIGN_START_REGEX): shaped,
    # parsed and counted with '-' in its place; a number of the column's is audited ``minus_sign``.
    MINUS_SIGN = 2097152
    # A date shape with a time of day and no UTC offset whose time is exactly midnight (00:00:00, any
    # fraction all zeros: sqlite-jdbc's ``2024-05-27 00:00:00.000``): a whole day written as a
    # timestamp. A column declared DATE of such values (and dates) alone is of dates (inference.infer_column).
    MIDNIGHT = 4194304
    # A NUL byte no text's terminator explains: one with another byte after it (not only NULs at the
    # end, as a C string's), or one after control bytes (BINARY_CONTROL_REGEX: no text is written of
    # them). Binary data written as TEXT (Chromium's protobuf blobs) holds them; set with NUL. Set alone
    # (no NUL) on TEXT that is no UTF-8 and holds such control bytes (bytes PHP's PDO bound as a
    # string, random_bytes() in an Eloquent binary() column). A column most of whose values hold one
    # is bytea (shaped_type.binary_text).
    BINARY_NUL = 8388608


#: code = (storage class * CLASS_FACTOR + shape) * SHAPE_FACTOR + sum of flags (DuckDB computes it in
#: BIGINT: (4 * 128 + 127) * 2^24 + flags is past 2^31).
SHAPE_FACTOR = 16777216
#: The bytes a value loses when its :data:`MINUS_SIGN` (3 in UTF-8) is read as '-' (1).
MINUS_SIGN_EXTRA_BYTES = len(MINUS_SIGN.encode()) - 1


def signed_sql(t: str) -> str:
    """SQL: whether text ``t`` (trimmed) starts with :data:`MINUS_SIGN` before a digit or a point
    (:data:`MINUS_SIGN_START_REGEX`): a byte test first, so a value without the sign meets no regex."""
    start = quote_literal(MINUS_SIGN_START_REGEX)
    return f"(starts_with({t}, {quote_literal(MINUS_SIGN)}) AND regexp_matches({t}, {start}))"


def minus_read_sql(t: str) -> str:
    """SQL: text ``t`` (trimmed) with a leading :data:`MINUS_SIGN` before its digits read as '-' (the
    rest as it is): what the number casts read, as the cleaner does (``minus_sign``)."""
    return f"CASE WHEN {signed_sql(t)} THEN '-' || substr({t}, 2) ELSE {t} END"


#: The word forms (:class:`Flag`), as the regular expressions that define them. A word is at most
#: :data:`WORD_BYTES` long: longer text skips the expressions.
WORD_FORMS = {
    Flag.WORD_UPPER: "[A-Z]+",
    Flag.WORD_CAPITAL: f"[{_UPPER}][{_LOWER}]+",
    Flag.WORD_LOWER: f"[{_LOWER}]+",
}
WORD_BYTES = 32
#: A lower-case code, of :attr:`Flag.WORD_LOWER`'s form too: lower-case words joined by hyphens or
#: underscores, ASCII digits at the end only (``quoted-printable``, ``base64``, ``in_progress``,
#: ``x-gzip``): a MIME transfer encoding, a workflow state. Not digits inside (``a41b07``, a digest;
#: ``x9y8``), nor a leading or doubled joiner. (Until 2026-12-05 a word form was letters alone, so
#: ``none`` beside ``base64`` and ``quoted-printable``, Request Tracker's attachments' "no transfer
#: encoding", was read as NULL.) Nor digits inside, but in a code joined of several parts one of which
#: is letters alone, where a part may hold one run of digits between letters (``fido-u2f``, a WebAuthn
#: attestation type beside ``packed`` and ``none``; since 2026-12-06, before which Authelia's ``none``
#: was read as NULL): a serial of one part (``ab12cd``, ``k8s``) or of digits in every part
#: (``ab12-cd34``) is still none.
_CODE_PART = f"[{_LOWER}]+(?:[0-9]+[{_LOWER}]*)?"
LOWER_CODE = (
    f"(?:[{_LOWER}]+(?:[-_][{_LOWER}]+)*[0-9]*|(?:{_CODE_PART}[-_])*[{_LOWER}]+(?:[-_]{_CODE_PART})*)"
)
#: A digit, in the scripts an export may write numbers in: ASCII, full-width (１２), Arabic-Indic (٣),
#: Persian, Devanagari, and the superscripts and fractions of Latin-1 (², ½): spelt out, as RE2
#: compiles \p{Nd} slowly (helper 23: １２ among numbers was quarantined where 107A kept the column text).
DIGIT_CLASS = "[0-9０-９٠-٩۰-۹०-९¹²³¼-¾]"
CLASS_FACTOR = 128


def split_code(code: int) -> tuple[StorageClass, Shape, int]:
    """A profile code as (storage class, shape, flag bits)."""
    shaped, flags = divmod(int(code), SHAPE_FACTOR)
    storage, shape = divmod(shaped, CLASS_FACTOR)
    return StorageClass(storage), Shape(shape), flags


def make_code(storage: StorageClass, shape: Shape, flags: int) -> int:
    """The profile code of (storage class, shape, flag bits): :func:`split_code`'s inverse."""
    return (int(storage) * CLASS_FACTOR + int(shape)) * SHAPE_FACTOR + int(flags)


def group_separator_sql(t: str) -> str:
    """SQL: the digit-group separator (:data:`GROUP_SEPARATORS`) in number text ``t`` of a grouped
    shape, which holds one kind (byte searches: cheaper than trimming the digits off, or a regex)."""
    whens = " ".join(
        f"WHEN contains({t}, {quote_literal(separator)}) THEN {quote_literal(separator)}"
        for separator in GROUP_SEPARATORS
    )
    return f"CASE {whens} END"


def ungrouped_sql(t: str, separator: str) -> str:
    """SQL: number text ``t`` without its digit-group ``separator`` (an SQL expression), its decimal
    comma made a point: what DuckDB casts (a grouped number's shape allows no other characters)."""
    return f"replace(replace({t}, {separator}, ''), {_COMMA}, '.')"


def _word_form(t: str, *, digits: bool = False) -> str:
    """SQL: the :class:`Flag` of ``t``'s word form (:data:`WORD_FORMS`; a lower-case code,
    :data:`LOWER_CODE`, is :attr:`Flag.WORD_LOWER`), or (with ``digits``) :attr:`Flag.DIGITS` for
    short text with a digit (a lower-case code with digits, ``base64``, has both), else 0. One pattern
    of all letters first: most text meets few more."""
    letters = f"[{_UPPER}{_LOWER}]+"
    forms = " ".join(
        f"WHEN regexp_full_match({t}, {quote_literal(regex)}) THEN {flag:d}"
        for flag, regex in WORD_FORMS.items()
    )
    coded = (
        f"CASE WHEN regexp_matches({t}, '[0-9]') THEN {Flag.WORD_LOWER | Flag.DIGITS:d} "
        f"ELSE {Flag.WORD_LOWER:d} END"
        if digits
        else f"{Flag.WORD_LOWER:d}"
    )
    return (
        f"CASE WHEN strlen({t}) > {WORD_BYTES} THEN 0 "
        f"WHEN regexp_full_match({t}, {quote_literal(letters)}) THEN CASE {forms} ELSE 0 END "
        f"WHEN regexp_full_match({t}, {quote_literal(LOWER_CODE)}) THEN {coded} "
        + (f"WHEN regexp_matches({t}, {quote_literal(DIGIT_CLASS)}) THEN {Flag.DIGITS:d} " if digits else "")
        + "ELSE 0 END"
    )


def column_projections(
    index: int,
    column: str,
    null_tokens: list[str],
    classes: bool = False,
    dated: Collection[int] = (),
    untrimmed: Collection[int] = (),
    timed: Collection[int] = (),
    clocked: Collection[int] = (),
    kept_empty: Collection[int] = (),
) -> tuple[list[str], ...]:
    """One column's expressions for the seven nested SELECTs: trimmed, signed, shaped, zoned, parsed,
    ranged, coded.

    Nested, because an expression referring to an alias of its own SELECT list gets the aliased
    expression inlined: the shape CASE would then run once per reference instead of once per value.
    With ``classes`` the level below also has ``sc<index>`` (the cell's :class:`StorageClass`) and
    ``e<index>`` (TEXT that was not valid UTF-8): a BLOB is never shaped, and both go into the code.
    ``dated``: the ``idx`` of the columns declared a date or timestamp, whose integers of eight digits
    are also read as compact dates (``20250520``): the parse, and so :attr:`Flag.VALID_DAY_FIRST`, of
    such an INTEGER-shaped value is its date (the profile decides whether the column reads them).
    ``timed``: the ``idx`` of the columns not declared so whose name says they hold a time
    (:func:`.profile.named_compact_places`): only their integers of fourteen digits within
    :data:`~columnar_etl.rules.NAMED_COMPACT_TIMESTAMP_RANGE` are parsed, as compact timestamps.
    ``clocked``: the ``idx`` of the columns declared a time of day without zone (``TIME``,
    ``TIME(6)``): only their text of a time of day is shaped :attr:`Shape.TIME_OF_DAY` (flagged
    :attr:`Flag.NOT_CANONICAL` where it is not PostgreSQL's own text of that time); elsewhere ``12:30``
    is text of no shape (a score, a ratio).
    ``untrimmed``: the ``idx`` of the columns whose text keeps its padding (``trim = false``): their
    values are shaped, counted and measured as written, as the cleaner keeps them (a value of blanks
    alone is text, no value is padded; NUL bytes aside, only ``''`` is empty and a null token is one
    written exactly so).
    ``kept_empty``: the ``idx`` of the columns whose ``''`` is a value (``empty_is_null = false``):
    there ``''`` (a value of blanks alone once trimmed, or NUL bytes alone once removed) is shaped
    :attr:`Shape.OTHER`, text, and a value of blanks alone that the trim makes ``''`` is padded, as
    the cleaner keeps and trims them.
    """
    raw = quote_ident(column)
    r, t, k, d, mf, n, g, code = (f"{x}{index}" for x in ("r", "t", "k", "d", "mf", "n", "g", "code"))
    # m: the trimmed value started with U+2212 before its digits, which ``t`` has as '-' from the
    # signed level on (shapes, parses, flags read it so; text bounds and byte counts restore it).
    m = f"m{index}"
    sp = f"sp{index}"
    sc, e = f"sc{index}", f"e{index}"
    carried = [sc, e, f"nb{index}"] if classes else []
    whens = [
        f"WHEN {r} IS NULL THEN {Shape.NULL:d}",
        *([f"WHEN {sc} = {StorageClass.BLOB:d} THEN {Shape.BLOB:d}"] if classes else []),
        f"WHEN {t} = '' THEN "
        + (
            f"CASE WHEN {in_places(kept_empty)} THEN {Shape.OTHER:d} ELSE {Shape.EMPTY:d} END"
            if kept_empty
            else f"{Shape.EMPTY:d}"
        ),
    ]
    if null_tokens:
        # strlen is O(1) on DuckDB strings: most values are longer than any token and skip the list.
        longest = max(len(token.encode()) for token in null_tokens)
        whens.append(f"WHEN strlen({t}) <= {longest} AND {_one_of(t, null_tokens)} THEN {Shape.NULL_LIKE:d}")
    if classes:
        # An INTEGER cell's text is SQLite's own rendering of an int64: an integer, no regex needed.
        whens.append(f"WHEN {sc} = {StorageClass.INTEGER:d} THEN {Shape.INTEGER:d}")
        # A REAL cell's is the shortest text that reads back as its double (distinct_cells_sql):
        # [-]digits.digits, or [-]d[.digits]e[+-]digits when an exponent is needed, or inf / -inf.
        # With an 'e' it is an exponent, other digits a decimal, inf an infinity.
        whens.append(
            f"WHEN {sc} = {StorageClass.REAL:d} THEN CASE WHEN contains({t}, 'e') THEN {Shape.EXPONENT:d} "
            f"WHEN contains({t}, '.') THEN {Shape.DECIMAL:d} "
            f"WHEN lower({t}) IN ('inf', '-inf') THEN {Shape.REAL_INFINITY:d} ELSE {Shape.OTHER:d} END"
        )
    # TEXT's infinity and NaN (a REAL cell's inf is shaped above): no number's or date's shape.
    longest_word = max(len(word) for word in NON_FINITE_WORDS)
    whens.append(
        f"WHEN strlen({t}) <= {longest_word} AND {_one_of(f'lower({t})', NON_FINITE_WORDS)} "
        f"THEN {Shape.NON_FINITE:d}"
    )
    sign_bytes = f"CASE WHEN {m} THEN {MINUS_SIGN_EXTRA_BYTES} ELSE 0 END"
    words = (*BOOLEAN_TRUE_WORDS, *BOOLEAN_FALSE_WORDS)
    is_word = f"strlen({t}) <= {max(map(len, words))} AND {_one_of(f'lower({t})', words)}"
    digit_start = f"(unicode({t}) BETWEEN 48 AND 57 OR unicode({t}) IN (43, 45, 46))"
    other = f"ELSE {Shape.OTHER:d} END"

    def dates(separator: str, *, dashed: bool = False, digit: bool | None = None) -> str:
        # The length in bytes (O(1)) picks the one or two regular expressions a value can match.
        # ``digit``: only the shapes starting with a digit (True) or with a letter (False).
        return " ".join(
            f"WHEN strlen({t}) BETWEEN {s.lengths[0]} AND {s.lengths[1]} "
            f"AND regexp_full_match({t}, {quote_literal(s.regex)}) THEN {s.shape:d}"
            for s in DATE_SHAPES
            if (s.shape in DASHED_SHAPES if dashed else s.separator == separator)
            and (digit is None or s.regex.startswith(r"\d") == digit)
        )

    def named_dates(digit: bool) -> str:
        # Each date with a month's name and any time after it in one regex (see MONTH_TIME_REGEX),
        # the time's shape by its colons and AM/PM; then the other forms with a month's name.
        families = []
        for date, regex, (low, high), times in NAMED_DATE_FAMILIES:
            if regex.startswith(r"\d") != digit:
                continue
            colons = f"(strlen({t}) - strlen(replace({t}, ':', '')))"
            am_pm = f"{t}[-1:] IN ('M', 'm')"
            time = (
                f"CASE WHEN NOT contains({t}, ':') THEN {date:d} "
                f"WHEN {am_pm} THEN CASE WHEN {colons} = 2 "
                f"THEN {times['HMS_AMPM']:d} ELSE {times['HM_AMPM']:d} END "
                f"WHEN {colons} = 2 THEN {times['HMS']:d} ELSE {times['HM']:d} END"
            )
            families.append(
                f"WHEN strlen({t}) BETWEEN {low} AND {high + 12} "
                f"AND regexp_full_match({t}, {quote_literal(regex + MONTH_TIME_REGEX)}) THEN {time}"
            )
        in_families = {
            shape for date, _, _, times in NAMED_DATE_FAMILIES for shape in (date, *times.values())
        }
        others = " ".join(
            f"WHEN strlen({t}) BETWEEN {s.lengths[0]} AND {s.lengths[1]} "
            f"AND regexp_full_match({t}, {quote_literal(s.regex)}) THEN {s.shape:d}"
            for s in DATE_SHAPES
            if s.separator == "mon" and s.shape not in in_families and s.regex.startswith(r"\d") == digit
        )
        return " ".join([*families, others])

    def named(digit: bool) -> str:
        # A month's name (or a weekday's) where it must be, else no regex at all: most text starting
        # with a letter or with a number and a space is no date (the first three letters, lower-cased,
        # among 19 words; after a number, one short regex behind a test of the second or third byte).
        shapes = [s for s in DATE_SHAPES if s.separator == "mon" and s.regex.startswith(r"\d") == digit]
        low, high = min(s.lengths[0] for s in shapes), max(s.lengths[1] for s in shapes)
        if digit:
            marks = f"({t}[2] IN (' ', '-') OR {t}[3] IN (' ', '-'))"
            start = f"{marks} AND regexp_matches({t}, {quote_literal(NAMED_DAY_START_REGEX)})"
        else:
            start = _one_of(f"lower({t}[1:3])", NAME_STARTS)
        two_digit = named_two_digit if digit else ""
        return (
            f"WHEN strlen({t}) BETWEEN {low} AND {high} AND {start} THEN CASE {named_dates(digit)} "
            f"{two_digit} {other}"
        )

    # Dates of two-digit years, searched where a date of their look is and none matched.
    two_digit_year = f"THEN {Shape.TWO_DIGIT_YEAR:d}"
    named_two_digit = (
        f"WHEN regexp_full_match({t}, {quote_literal(TWO_DIGIT_YEAR_NAMED_REGEX)}) {two_digit_year}"
    )
    slash_two_digit = (
        f"WHEN regexp_full_match({t}, {quote_literal(TWO_DIGIT_YEAR_SLASH_REGEX)}) {two_digit_year}"
    )

    numbers = " ".join(
        f"WHEN regexp_full_match({t}, {quote_literal(regex)}) THEN {shape:d}"
        for shape, regex in NUMBER_REGEXES
    )
    # Numbers grouped by spaces or apostrophes: only a short value with a separator in it (strlen is
    # O(1), contains a byte search) meets their one pattern; other text, long or without one, none.
    # Its shape is then its decimal mark's, or for integers grouped by U+0020 the number of groups.
    # (Never in the branch of a '-' fifth: a grouped number has a '-' first or none.)
    separated = " OR ".join(f"contains({t}, {quote_literal(separator)})" for separator in GROUP_SEPARATORS)
    grouped = (
        f"WHEN strlen({t}) <= {GROUPED_NUMBER_BYTES} AND ({separated}) "
        f"AND regexp_full_match({t}, {quote_literal(DIGIT_GROUPED_REGEX)}) THEN CASE "
        f"WHEN contains({t}, {_COMMA}) THEN {Shape.DIGIT_GROUPED_COMMA:d} "
        f"WHEN contains({t}, '.') THEN {Shape.DIGIT_GROUPED_POINT:d} "
        f"WHEN contains({t}, ' ') AND strlen(ltrim({t}, '-')) <= {SPACE_GROUP3_BYTES} "
        f"THEN {Shape.SPACE_GROUP3:d} ELSE {Shape.DIGIT_GROUPED_INTEGER:d} END"
    )
    finer_low, finer_high = FINER_THAN_MICROSECONDS_LENGTHS
    if clocked:
        # strlen is O(1) and the place a list lookup: only short text of a declared TIME column meets
        # the regex (a time of day starts with a digit: the branches below never see it).
        shortest, longest = TIME_OF_DAY_LENGTHS
        whens.append(
            f"WHEN strlen({t}) BETWEEN {shortest} AND {longest} AND {in_places(clocked)} "
            f"AND regexp_full_match({t}, {quote_literal(TIME_OF_DAY_REGEX)}) THEN {Shape.TIME_OF_DAY:d}"
        )
    # Cheap tests pick the branch (first character, a '-' at position 5, a '/', the length), so a
    # value meets at most a few regular expressions: text skips them all, integers and dates meet one.
    # The branches cannot overlap (an integer has no '-' after its sign and no '/'), so the order
    # only decides cost: dates, then integers, then other numbers.
    whens += [
        f"WHEN NOT {digit_start} THEN CASE WHEN {is_word} THEN {Shape.BOOLEAN_WORD:d} {named(False)} {other}",
        # A '-' fifth is an ISO date, or an exponent ('2.5e-3'): the numbers when no date matches. A
        # timestamp of a finer fraction than PostgreSQL keeps is none (but no number either).
        f"WHEN {t}[5] = '-' THEN CASE {dates('-')} "
        f"WHEN strlen({t}) BETWEEN {finer_low} AND {finer_high} "
        f"AND regexp_full_match({t}, {quote_literal(FINER_THAN_MICROSECONDS_REGEX)}) "
        f"THEN {Shape.TS_FINER_THAN_MICROSECONDS:d} ELSE CASE {numbers} {other} END",
        f"WHEN contains({t}, '/') THEN CASE {dates('/')} {slash_two_digit} {other}",
        f"WHEN regexp_full_match({t}, {quote_literal(PROFILE_INTEGER_REGEX)}) THEN {Shape.INTEGER:d}",
        # A dotted date (20.05.2025) has two dots: no number has; the lengths keep '1.5' off its regexes.
        # A dashed day-first date has its '-' third or second (20-05-2025, 2-5-2025), or fifth (2-05-2025:
        # the branch above, where dates('-') holds it).
        # A T ninth is ISO's basic format (20250520T084200), no number.
        f"ELSE CASE {named(True)} WHEN {t}[9] = 'T' THEN CASE {dates('basic')} {other} "
        f"{dates('.')} {dates('-', dashed=True)} {numbers} {grouped} {named_two_digit} {other}",
    ]
    shape_case = "CASE " + " ".join(whens) + " END"
    zone, offset = f"zn{index}", f"zo{index}"
    parses = {s.shape: _parse(t, s, zone, offset) for s in DATE_SHAPES}
    day_first = " ".join(f"WHEN {shape:d} THEN {parse}" for shape, (parse, _) in parses.items())
    instants = [shape for shape, (_, instant) in parses.items() if instant]
    compact_parses = []
    if dated:
        # strlen is O(1): only integers of 8 or 14 characters in a declared date column meet strptime.
        compact = " ".join(
            f"WHEN strlen({t}) = {digits} THEN try_strptime({t}, {quote_literal(fmt)})"
            for digits, fmt in COMPACT_FORMATS.items()
        )
        lengths = ", ".join(str(digits) for digits in COMPACT_FORMATS)
        compact_parses.append(
            f"WHEN strlen({t}) IN ({lengths}) AND {in_places(dated)} "
            f"AND NOT starts_with({t}, '0000') THEN CASE {compact} END"
        )
    if timed:
        # Fourteen digits compare as their number does: a sign sorts before every digit.
        low, high = (quote_literal(bound) for bound in NAMED_COMPACT_TIMESTAMP_RANGE)
        compact_parses.append(
            f"WHEN strlen({t}) = 14 AND {in_places(timed)} AND {t} BETWEEN {low} AND {high} "
            f"THEN try_strptime({t}, {quote_literal(COMPACT_TIMESTAMP_FORMAT)})"
        )
    if compact_parses:
        day_first += f" WHEN {Shape.INTEGER:d} THEN CASE {' '.join(compact_parses)} END"
    month_first = " ".join(
        f"WHEN {s.shape:d} THEN CASE WHEN NOT {_year_zero(t, s)} "
        f"THEN try_strptime({t}, {quote_literal(s.month_first)}) END"
        for s in DATE_SHAPES
        if s.month_first is not None
    )
    slash = _shape_in(k, SLASH_SHAPES)
    # Their first two fields, dashed (20-05-2025) or slashed.
    fields = f"replace({t}, '-', '/')"
    trues = _one_of(f"lower({t})", BOOLEAN_TRUE_WORDS)
    one, zero = quote_literal(BOOLEAN_TRUE_DIGIT), quote_literal(BOOLEAN_FALSE_DIGIT)
    # A value without its NUL bytes, trimmed as the cleaner trims a text column's (see Flag.PADDED
    # below); a column keeping its padding (trim = false) is not trimmed, so none of its values is padded.
    without_nul = f"replace({t}, {_NUL_SQL}, '')"
    nul_trimmed = trimmed_sql(without_nul)
    # A value trimmed to '' is no padded value but a blank one, unless '' is a value (kept_empty).
    nonempty = f"({t} <> '' OR {in_places(kept_empty)})" if kept_empty else f"{t} <> ''"
    if untrimmed:
        nul_trimmed = f"CASE WHEN {in_places(untrimmed)} THEN {without_nul} ELSE {nul_trimmed} END"
    parts = dict(
        zip(
            [
                Flag.TRUE_WORD,
                Flag.SECOND_GT12,
                Flag.FIRST_GT12,
                Flag.NUL,
                Flag.PADDED,
                Flag.VALID_MONTH_FIRST,
                Flag.VALID_DAY_FIRST,
                Flag.ZERO_ONE,
                Flag.EMAIL,
                Flag.PHONE,
                Flag.PERSON_NAME,
                Flag.NOT_CANONICAL,
                Flag.OUT_OF_BIGINT,
                Flag.INVALID_ENCODING,
                Flag.NOT_A_DOUBLE,
                Flag.WORD_UPPER,
                Flag.MINUS_SIGN,
                Flag.MIDNIGHT,
            ],
            [
                f"CASE WHEN {t} = {one} OR ({k} = {Shape.BOOLEAN_WORD:d} AND {trues}) "
                f"THEN {Flag.TRUE_WORD:d} ELSE 0 END",
                f"CASE WHEN {slash} AND try_cast(split_part({fields}, '/', 2) AS INTEGER) > 12 "
                f"THEN {Flag.SECOND_GT12:d} ELSE 0 END",
                f"CASE WHEN {slash} AND try_cast(split_part({fields}, '/', 1) AS INTEGER) > 12 "
                f"THEN {Flag.FIRST_GT12:d} ELSE 0 END",
                # A NUL byte in what the value is (not one the cleaner removes from an absent value);
                # BINARY_NUL too when no terminator's (a CASE: its tests run on the values holding a
                # NUL only).
                # Without a NUL, BINARY_NUL alone for a value that is no UTF-8 and holds control
                # bytes (bytes PHP's PDO bound as a string: no text is written of either).
                f"CASE WHEN contains({t}, {_NUL_SQL}) THEN CASE WHEN contains(rtrim({t}, {_NUL_SQL}), "
                f"{_NUL_SQL}) OR regexp_matches({t}, {quote_literal(BINARY_CONTROL_REGEX)}) "
                f"THEN {Flag.NUL + Flag.BINARY_NUL:d} ELSE {Flag.NUL:d} END "
                + (
                    # A CASE, not AND: the expression then runs on the values that are no UTF-8 only.
                    f"WHEN {e} THEN CASE WHEN regexp_matches({t}, {quote_literal(BINARY_CONTROL_REGEX)}) "
                    f"THEN {Flag.BINARY_NUL:d} ELSE 0 END "
                    if classes
                    else ""
                )
                + "ELSE 0 END",
                # Padded: whitespace trimmed (NUL bytes removed are no padding: 'NULL\0' is not padded).
                # The cleaner removes a text column's NULs before it trims, so the blanks a NUL hid
                # from the trim of the value as written count too ('abc\n\0', '\0 x').
                f"CASE WHEN {nonempty} AND CASE WHEN contains({r}, {_NUL_SQL}) "
                f"THEN strlen(replace({r}, {_NUL_SQL}, '')) "
                f"<> strlen({nul_trimmed}) + {sign_bytes} "
                f"ELSE strlen({r}) <> strlen({t}) + {sign_bytes} END THEN {Flag.PADDED:d} ELSE 0 END",
                f"CASE WHEN {month_first_sql(index)} IS NOT NULL THEN {Flag.VALID_MONTH_FIRST:d} ELSE 0 END",
                f"CASE WHEN {d} IS NOT NULL THEN {Flag.VALID_DAY_FIRST:d} ELSE 0 END",
                f"CASE WHEN {t} = {zero} OR {t} = {one} THEN {Flag.ZERO_ONE:d} ELSE 0 END",
                # Personal data, only on text (shape OTHER), each behind a cheap guard so long text skips it.
                f"CASE WHEN {k} = {Shape.OTHER:d} AND contains({t}, '@') "
                f"AND regexp_full_match({t}, {quote_literal(EMAIL_REGEX)}) THEN {Flag.EMAIL:d} ELSE 0 END",
                f"CASE WHEN {k} = {Shape.OTHER:d} AND strlen({t}) <= 24 "
                f"AND (unicode({t}) BETWEEN 48 AND 57 OR unicode({t}) IN (40, 43)) "
                f"AND regexp_full_match({t}, {quote_literal(PHONE_REGEX)}) THEN {Flag.PHONE:d} ELSE 0 END",
                f"CASE WHEN {k} = {Shape.OTHER:d} AND strlen({t}) <= 40 AND contains({t}, ' ') "
                f"AND regexp_full_match({t}, {quote_literal(PERSON_NAME_REGEX)}) "
                f"THEN {Flag.PERSON_NAME:d} ELSE 0 END",
                f"CASE WHEN {k} IN ({_codes([Shape.INTEGER, Shape.DECIMAL, Shape.DOT_GROUP3])}) "
                f"AND NOT regexp_full_match({t}, {quote_literal(CANONICAL_NUMBER_REGEX)}) "
                f"THEN {Flag.NOT_CANONICAL:d} "
                + (
                    # A time of day that is not PostgreSQL's text of it (08:30, 8:30:00, …:00.500000).
                    f"WHEN {k} = {Shape.TIME_OF_DAY:d} "
                    f"AND NOT regexp_full_match({t}, {quote_literal(TIME_OF_DAY_CANONICAL_REGEX)}) "
                    f"THEN {Flag.NOT_CANONICAL:d} "
                    if clocked
                    else ""
                )
                + "ELSE 0 END",
                # A grouped integer's digits too (-100,000,000,000,000,000,000): the cleaner's bigint
                # would quarantine it where the profile counted it valid.
                # A CASE on the shape: each cast then runs on its shape's values only (the operands
                # of AND and OR in a projection run on every value).
                f"CASE WHEN {k} = {Shape.INTEGER:d} AND try_cast({t} AS BIGINT) IS NULL "
                f"OR {k} = {Shape.GROUPED_INTEGER:d} AND try_cast(replace({t}, {_THOUSANDS}, '') AS BIGINT) "
                f"IS NULL THEN {Flag.OUT_OF_BIGINT:d} "
                f"WHEN {k} NOT IN ({_codes(_GROUPED_INTEGERS)}) THEN 0 "
                f"WHEN try_cast({ungrouped_sql(t, sp)} AS BIGINT) IS NULL "
                f"THEN {Flag.OUT_OF_BIGINT:d} ELSE 0 END",
                f"CASE WHEN {e} THEN {Flag.INVALID_ENCODING:d} ELSE 0 END" if classes else "",
                _not_a_double(t, k, sc, f"coalesce({n}, {g})") if classes else "",
                # All three forms and DIGITS (they exclude each other) under the first's key; on text,
                # null tokens and boolean words only (a number's digits are no code).
                f"CASE WHEN {k} = {Shape.OTHER:d} THEN {_word_form(t, digits=True)} "
                f"WHEN {k} IN ({_codes([Shape.NULL_LIKE, Shape.BOOLEAN_WORD])}) THEN {_word_form(t)} "
                "ELSE 0 END",
                f"CASE WHEN {m} THEN {Flag.MINUS_SIGN:d} ELSE 0 END",
                # A wall-clock time at midnight, in either reading (the time of day is the same in both).
                f"CASE WHEN {_shape_in(k, WALL_CLOCK_SHAPES)} THEN CASE WHEN "
                f"CAST(coalesce({d}, {mf}) AS TIME) = TIME '00:00:00' THEN {Flag.MIDNIGHT:d} ELSE 0 END "
                "ELSE 0 END",
            ],
            strict=True,
        )
    )
    # Every flag's test on every value: each is 0 by construction where it does not apply (a '0'/'1',
    # a boolean word, a number shape are no text or date; personal data and word forms test the shape
    # first). A CASE on the shape that tested each shape's few flags only (text, dates) cost more than
    # it saved: DuckDB plans every branch, and planning is most of a small table's profile (19 small
    # tables, medians of 8 interleaved fresh processes: 0.875 -> 0.728 s of wall, 1.58 -> 1.30 s of
    # CPU; the wide export 1.011 -> 0.992 s).
    flags = " + ".join(part for part in parts.values() if part)
    compact_time = (
        f"CASE WHEN {k} = {Shape.INTEGER:d} AND strlen({t}) = 14 AND {d} IS NOT NULL "
        f"THEN {Flag.COMPACT_TIME:d} ELSE 0 END"
    )
    if dated:
        compact_time += (
            f" + CASE WHEN {k} = {Shape.INTEGER:d} AND strlen({t}) IN "
            f"({', '.join(str(digits) for digits in COMPACT_FORMATS)}) AND {d} IS NULL "
            f"AND {in_places(dated)} "
            f"THEN {Flag.COMPACT_NO_DAY:d} ELSE 0 END"
        )
    if compact_parses:
        flags += f" + {compact_time}"
    if classes:
        # An INTEGER cell shaped INTEGER is canonical, within bigint, unpadded, valid UTF-8 and no
        # date, number text or personal data: of all the flags, only '0' and '1' can carry any... The
        # full flag expression then runs on the other values only (most distinct values of a table
        # are often its integer keys).
        # ...and one of more than 15 significant digits is, as the same digits as TEXT are, a number
        # no double holds exactly (found by the lossless test).
        integer_flags = (
            f"CASE WHEN {t} = '1' THEN {Flag.TRUE_WORD + Flag.ZERO_ONE:d} WHEN {t} = '0' THEN "
            f"{Flag.ZERO_ONE:d} WHEN strlen({t}) > 15 AND length(rtrim(ltrim({t}, '-'), '0')) > 15 "
            f"THEN {Flag.NOT_A_DOUBLE:d} ELSE 0 END"
        )
        # A REAL cell shaped DECIMAL or EXPONENT is untrimmed text with a point or an exponent: it
        # carries no flag. The shortest text of a double has no NUL, no date, no 0/1 (1.0, 0.0), and a
        # decimal one is canonical: a '-' only, then '0' or digits from a leading 1-9, then a point
        # and at least one digit (tests/test_profile_sql.py compares the same texts stored as TEXT,
        # whose test runs).
        if compact_parses:
            # An integer of a declared date column may be a compact date (see the day-first parse).
            integer_flags = (
                f"{integer_flags} + CASE WHEN {d} IS NOT NULL "
                f"THEN {Flag.VALID_DAY_FIRST + Flag.VALID_MONTH_FIRST:d} ELSE 0 END + {compact_time}"
            )
        real_flags = "0"
        real_shapes = _codes([Shape.DECIMAL, Shape.EXPONENT])
        flags = (
            f"CASE WHEN {sc} = {StorageClass.INTEGER:d} AND {k} = {Shape.INTEGER:d} THEN {integer_flags} "
            f"WHEN {sc} = {StorageClass.REAL:d} AND {k} IN ({real_shapes}) THEN {real_flags} "
            f"ELSE {flags} END"
        )
    shape_code = f"{sc} * {CLASS_FACTOR} + {k}" if classes else k
    # An INTEGER or REAL cell has no whitespace to trim. Text holding NUL bytes that is empty or a null
    # token once they are removed is that (the cleaner removes a text column's NULs before it trims,
    # and a typed column's absent value is judged so too): '  \0', a field of NULs, 'NULL\0'.
    bare = trimmed_sql(f"replace({raw}, {_NUL_SQL}, '')")
    absent = _one_of(bare, ["", *null_tokens])
    if kept_empty:
        # '' is a value there: a NUL byte in it is no absent value's (the cleaner removes and audits it).
        tokens_only = _one_of(bare, null_tokens) if null_tokens else "false"
        absent = f"CASE WHEN {in_places(kept_empty)} THEN {tokens_only} ELSE {absent} END"
    text = f"CASE WHEN contains({raw}, {_NUL_SQL}) AND {absent} THEN {bare} ELSE {trimmed_sql(raw)} END"
    if untrimmed:
        plain = f"replace({raw}, {_NUL_SQL}, '')"
        gone = _one_of(plain, ["", *null_tokens])
        if kept_empty:
            kept_gone = _one_of(plain, null_tokens) if null_tokens else "false"
            gone = f"CASE WHEN {in_places(kept_empty)} THEN {kept_gone} ELSE {gone} END"
        written = f"CASE WHEN contains({raw}, {_NUL_SQL}) AND {gone} "
        written += f"THEN {plain} ELSE {raw} END"
        text = f"CASE WHEN {in_places(untrimmed)} THEN {written} ELSE {text} END"
    trim = (
        f"CASE WHEN {sc} IN ({StorageClass.INTEGER:d}, {StorageClass.REAL:d}) THEN {raw} ELSE {text} END"
        if classes
        else text
    )
    trimmed = [f"{raw} AS {r}", f"{trim} AS {t}", *carried]
    # A U+2212 before the digits read as '-' (rules.MINUS_SIGN_START_REGEX), the fact kept in m.
    signed = [r, f"{minus_read_sql(t)} AS {t}", f"{signed_sql(t)} AS {m}", *carried]
    shaped = [r, t, m, f"{shape_case} AS {k}", *carried]
    # A zone's name (and its offset) in the values of the shapes that end with one (a level of its
    # own: written in each such shape's parse, its regex was bound five times a shape).
    named_zones = _shape_in(k, [s.shape for s in DATE_SHAPES if "%Z" in s.day_first])
    zone_name = f"regexp_extract({t}, {quote_literal(ZONE_NAME_AT_REGEX)}, 1)"
    offsets = " ".join(
        f"WHEN {quote_literal(name)} THEN {quote_literal(offset)}"
        for name, offset in ZONE_NAME_OFFSETS.items()
    )
    zoned = [
        *carried,
        r,
        t,
        m,
        k,
        f"CASE WHEN {named_zones} THEN {zone_name} END AS {zone}",
        f"CASE WHEN {named_zones} THEN CASE {zone_name} {offsets} END END AS {offset}",
    ]
    parsed = [
        *carried,
        r,
        t,
        m,
        k,
        f"CASE {k} {day_first} END AS {d}",
        # Slash dates read month-first too (NULL for every other shape): each value is parsed once
        # per reading it can have, never twice the same way.
        f"CASE {k} {month_first} END AS {mf}",
        f"CASE WHEN {_shape_in(k, _PLAIN_NUMBER_SHAPES)} "
        f"THEN try_cast(replace({t}, {_COMMA}, '.') AS DOUBLE) "
        f"WHEN {k} IN ({_codes(DIGIT_GROUPED_SHAPES)}) "
        f"THEN try_cast({ungrouped_sql(t, group_separator_sql(t))} AS DOUBLE) END AS {n}",
        # Numbers with thousands separators, read that way (a comma group read as a decimal comma is
        # this value / 1000: both are correctly rounded doubles of the same decimal).
        f"CASE WHEN {k} IN ({_codes(GROUPED_SHAPES)}) "
        f"THEN try_cast(replace({t}, {_THOUSANDS}, '') AS DOUBLE) END AS {g}",
        # The separator of a number grouped by spaces or apostrophes (one per value).
        f"CASE WHEN {k} IN ({_codes(DIGIT_GROUPED_SHAPES)}) THEN {group_separator_sql(t)} END AS {sp}",
    ]
    # The instants' range, tested once per value (see _parse).
    ranged = [*carried, r, t, m, k, f"{ranged_sql(d, k, instants)} AS {d}", mf, n, g, sp]
    # dm: the value read month-first where that differs (slash dates), else as read day-first.
    # i: an INTEGER-shaped value as an exact integer (HUGEINT: no double rounds it), once per value
    # for the aggregates that read it (table_profile_sql).
    coded = [
        *carried,
        r,
        t,
        m,
        k,
        d,
        f"{month_first_sql(index)} AS dm{index}",
        n,
        g,
        sp,
        f"({shape_code})::BIGINT * {SHAPE_FACTOR} + {flags} AS {code}",
        f"CASE WHEN {k} = {Shape.INTEGER:d} THEN try_cast({t} AS HUGEINT) END AS i{index}",
    ]
    return trimmed, signed, shaped, zoned, parsed, ranged, coded


def in_places(places: Collection[int]) -> str:
    """SQL: the row's column (``idx``) is one of ``places``."""
    return f"list_contains([{', '.join(str(int(i)) for i in sorted(places))}], idx)"


def _not_a_double(t: str, k: str, sc: str, number: str) -> str:
    """Flag TEXT of a number shape that no double holds exactly: more than 15 significant digits
    (DBL_DIG), a magnitude below the normal range (subnormal doubles have fewer digits), or none a
    double has at all: beyond the largest (``1e400``, which DuckDB reads as infinity) or a number that
    is not zero read as zero (``1e-400``). Those two the cleaner's double quarantined where the profile
    counted them valid; flagged, they keep their column numeric or text, as 17 digits do. (INTEGER
    cells: see ``integer_flags`` in :func:`column_projections`; REAL cells are doubles already.)
    ``number``: the value as the query parsed it (a grouped number's too: NULL, it made the test of
    its digits run twice, two regular expressions per value)."""
    exponent = quote_literal(EXPONENT_MARK_REGEX + ".*$")
    mantissa = f"regexp_replace(regexp_replace({t}, {exponent}, ''), '[^0-9]', '', 'g')"
    digits = f"length(rtrim(ltrim({mantissa}, '0'), '0'))"
    tiny = f"(abs({number}) < 2.2250738585072014e-308 AND ({number} <> 0 OR {digits} > 0) OR isinf({number}))"
    shapes = _shape_in(k, NUMBER_SHAPES)
    return (
        f"CASE WHEN {sc} = {StorageClass.TEXT:d} AND {shapes} AND ({digits} > 15 OR {tiny}) "
        f"THEN {Flag.NOT_A_DOUBLE:d} ELSE 0 END"
    )


def _exponent(t: str) -> str:
    """SQL: the exponent of exponent text ``t`` (``1.5e-5``: -5), as a double (NULL beyond one)."""
    return f"try_cast(regexp_extract({t}, '[eE]([+-]?[0-9]+)$', 1) AS DOUBLE)"


def exponent_scale_sql(t: str) -> str:
    """SQL: the fraction digits of exponent text ``t`` once expanded: its mantissa's less its exponent
    (``1.234567e2`` has 4, ``1.5e-5`` has 6, ``1.5e3`` none), capped at 1000 (a column of more than 38
    digits is as wide as one of a thousand).

    A numeric column sized without them rounded those values (1.5e-5 to 0.000 at scale 3), audited as
    a mere expansion. A REAL cell's shortest text is an exponent below 10^-4 (``5e-05``, ``5.46e-06``)
    and counts so too: a wallet's ``DECIMAL(18,8)`` fee of ``'0.00005'`` is a decimal of five fraction
    digits, not a reason to keep the column a double (until 2026-12-05 its exponents had no scale, and
    such a column was double precision: lossless._written_decimals)."""
    fraction = f"length(regexp_extract({t}, '\\.([0-9]*)[eE]', 1))"
    return f"least(greatest({fraction} - {_exponent(t)}, 0), 1000)::INTEGER"


def real_digits_sql(t: str) -> str:
    """SQL: the significant digits of ``t``, a REAL cell's shortest text (:func:`shortest_text_sql`:
    ``150000000.5`` 10, ``1.23e-06`` 3, ``1e+20`` 1, ``0.0`` none): its mantissa's digits, leading and
    trailing zeros aside. A double's shortest text of at most 15 (DBL_DIG) is the decimal an
    application wrote as it stands; a computed double's runs to 16 or 17 (``0.30000000000000004``,
    ``0.3333333333333333``): ``max_real_digits``, lossless._written_decimals. String functions only
    (the text is lower-case, ``e`` its only letter): no regular expression per value."""
    digits = f"replace(ltrim(split_part({t}, 'e', 1), '-'), '.', '')"
    return f"strlen(trim({digits}, '0'))"


def _exponent_whole_digits(t: str) -> str:
    """SQL: the whole digits of exponent text ``t`` once expanded (``0.00015e5`` has 2: the mantissa's
    digits before its point, less its leading zeros, plus the exponent; none below 1). The exponent
    is read as a double and the result capped, as :func:`table_profile_sql`'s exponent scale is: a
    number of more than 38 digits is as wide as one of a thousand."""
    mantissa = f"regexp_extract({t}, '^[+-]?([0-9]*[.]?[0-9]*)', 1)"
    digits = f"replace({mantissa}, '.', '')"
    exponent = _exponent(t)
    before_point = f"strlen(split_part({mantissa}, '.', 1))"
    leading_zeros = f"(strlen({digits}) - strlen(ltrim({digits}, '0')))"
    return (
        f"CASE WHEN ltrim({digits}, '0') = '' THEN 0 "
        f"ELSE least(greatest({before_point} - {leading_zeros} + {exponent}, 0), 1000)::INTEGER END"
    )


def _year_zero(t: str, shape: DateShape) -> str:
    """Whether ``t`` (of ``shape``) names year 0: its four year digits, first in an ISO or other
    year-first shape, after the second ``/`` or ``.`` in the others, after a month's name, a comma or
    a space where the month is named (not an offset's ``-0000``)."""
    if shape.regex.startswith(r"\d{4}") or shape.separator == "basic":
        return f"starts_with({t}, '0000')"
    if shape.separator == "mon":  # string tests: a regex costs DuckDB ~0.2 ms per query to compile
        if "-[A-Za-z]" in shape.regex:  # 20-MAY-0000
            return f"contains({t}, '-0000')"
        return f"(contains({t}, ' 0000 ') OR ends_with({t}, ' 0000'))"  # not RFC 2822's offset -0000
    return f"contains({t}, {quote_literal(shape.separator + '0000')})"


def _weekday_agrees(t: str, local: str) -> str:
    """The weekday ``t`` starts with (three letters, any case) is that of ``local`` (a TIMESTAMP, the
    wall-clock time the text writes): chrono, which cleans, refuses ``Mon, 20 May 2025``; DuckDB's
    strptime reads ``%a`` without checking it."""
    return f"lower(strftime({local}, '%a')) = lower({t}[1:3])"


def _named_time(t: str, shape: DateShape, zone: str, offset: str) -> tuple[str, bool]:
    """A shape with a month's name (and a weekday's): read by strptime; year 0 is none, a weekday
    must be the day's, and an offset (RFC 2822's) gives the instant in UTC (unranged: see
    :func:`_parse`). A zone's name (``%Z``; ``zone``, the name, and ``offset``, its offset of
    :data:`ZONE_NAME_OFFSETS`: columns of the level below, see :func:`column_projections`) is first
    put as its offset in its place."""
    checks = [f"NOT {_year_zero(t, shape)}"]
    fmt = shape.day_first
    if "%z" in fmt or "%Z" in fmt:  # (HTTP's GMT is a word of the format: read as it stands, UTC)
        if "%Z" in fmt:
            # No month's or weekday's name is a zone's: the name stands once, where the shape put it.
            text = f"replace({t}, ' ' || {zone}, ' ' || {offset})"
            wall = f"replace({t}, ' ' || {zone}, '')"
            fmt = fmt.replace("%Z", "%z")
        elif fmt.endswith("%z"):  # the offset last (' +0200': six ASCII bytes)
            text, wall = t, f"left({t}, strlen({t}) - 6)"
        else:  # the offset before ctime's year (' +0000 2019'): no other word has a sign
            text, wall = t, f"regexp_replace({t}, ' [+-][0-9]{{4}}', '')"
        if fmt.startswith("%a"):
            # The wall-clock time is the text without its offset or zone.
            local = f"try_strptime({wall}, {quote_literal(fmt.replace(' %z', ''))})"
            checks.append(_weekday_agrees(t, local))
        utc = f"make_timestamp(epoch_us(try_strptime({text}, {quote_literal(fmt)})))"
        return f"CASE WHEN {' AND '.join(checks)} THEN {utc} END", True
    parsed = f"try_strptime({t}, {quote_literal(fmt)})"
    if fmt.startswith("%a"):
        checks.append(_weekday_agrees(t, parsed))
    return f"CASE WHEN {' AND '.join(checks)} THEN {parsed} END", False


def _offset_strptime(t: str, fmt: str) -> str:
    """``t`` read by ``fmt`` (with ``%z``; ``Z`` read as ``+00:00``, which DuckDB's ``%z`` lacks) as
    the TIMESTAMP of its instant in UTC, unranged (see :func:`_parse`: year 0 is outside the range).
    strptime, not the ISO cast on rebuilt text: each copy of such text cost DuckDB ~1 ms to plan."""
    return f"make_timestamp(epoch_us(try_strptime(replace({t}, 'Z', '+00:00'), {quote_literal(fmt)})))"


def _parse(t: str, shape: DateShape, zone: str, offset: str) -> tuple[str, bool]:
    """``t`` (of ``shape``) as a TIMESTAMP read day-first; NULL when no such day or time exists. And
    whether it is an instant in UTC (a shape with an offset or a zone's name) that is not yet known
    to lie within :data:`INSTANT_RANGE`: that test is the next level's (:func:`ranged_sql`), once per
    value, not twice per shape in the parse (the instant written out again to test it made DuckDB
    bind it twice). ``zone``, ``offset``: see :func:`_named_time`.

    ISO shapes use DuckDB's own ISO parser (a cast, ~6x cheaper than ``strptime``), which agrees with
    ``strptime`` on every value of these shapes except hour 24 (it reads ``24:00:00`` as the next
    midnight): that hour stays invalid here, as it is for ``strptime`` and the cleaner. Year 0 is no
    date either: DuckDB reads it as 1 BC, Python, PostgreSQL and the cleaner call it invalid.
    """
    if shape.shape == Shape.TS_ISO_SPACED_ZONE:  # DuckDB's cast wants no space before the offset
        return _instant(f"({t}[1:19] || {t}[21:])"), True
    if shape.shape == Shape.TS_ISO_FRACTION_SPACED_ZONE:  # nor after a fraction, of any length
        return _instant(f"regexp_replace({t}, ' ([+-])', '\\1')"), True
    if shape.shape == Shape.TS_GO:  # nor a zone's name or a monotonic reading: cut at the offset's end
        return _instant(f"regexp_replace({t}, {quote_literal(GO_TIME_CUT_REGEX)}, '\\1')"), True
    if shape.separator == "mon":
        return _named_time(t, shape, zone, offset)
    # Nor does it read an offset after minutes (2025-05-20 08:42+02:00) or ISO's basic format:
    # strptime does (no hour 24 there; no second 60 either).
    if shape.shape in (
        Shape.TS_ISO_HM_ZONE,
        Shape.TS_ISO_T_HM_ZONE,
        Shape.TS_ISO_BASIC_ZONE,
        Shape.TS_ISO_BASIC_FRACTION_ZONE,
    ):
        return _offset_strptime(t, shape.day_first), True
    year_zero = _year_zero(t, shape)
    if shape.zoned:
        return _instant(t), True
    if not shape.iso:
        return (
            f"CASE WHEN NOT {year_zero} THEN try_strptime({t}, {quote_literal(shape.day_first)}) END",
            False,
        )
    if not shape.has_time:
        return f"CASE WHEN NOT {year_zero} THEN try_cast({t} AS TIMESTAMP) END", False
    hour_24 = " OR ".join(f"contains({t}, {quote_literal(mark)})" for mark in HOUR_24_MARKS)
    return f"CASE WHEN NOT ({hour_24} OR {year_zero}) THEN try_cast({t} AS TIMESTAMP) END", False


def _instant(t: str) -> str:
    """``t`` (text with a UTC offset) as the TIMESTAMP of its instant in UTC; NULL when no such day or
    time exists or at hour 24; unranged (see :func:`_parse`).

    The offset is applied by DuckDB's TIMESTAMPTZ cast, and the instant taken back as microseconds
    since the epoch: a cast to TIMESTAMP would convert to the session's time zone instead.
    """
    hour_24 = " OR ".join(f"contains({t}, {quote_literal(mark)})" for mark in HOUR_24_MARKS)
    return f"CASE WHEN NOT ({hour_24}) THEN make_timestamp(epoch_us(try_cast({t} AS TIMESTAMPTZ))) END"


def ranged_sql(d: str, k: str, instants: Collection[int]) -> str:
    """``d``, the day-first parse of a value of shape ``k``, NULL where ``k`` is one of ``instants``
    (:func:`_parse`'s shapes of unranged instants) and the instant lies outside
    :data:`INSTANT_RANGE` in UTC (PostgreSQL's timestamptz and the cleaner have no such moment)."""
    low, high = (f"TIMESTAMP {quote_literal(bound)}" for bound in INSTANT_RANGE)
    return (
        f"CASE WHEN list_contains([{', '.join(str(int(s)) for s in sorted(instants))}], {k}) "
        f"AND NOT ({d} BETWEEN {low} AND {high}) THEN NULL ELSE {d} END"
    )


def month_first_sql(index: int) -> str:
    """Column ``index``'s value read month-first, over the ``parsed`` level's aliases: the slash dates'
    month-first parse, every other shape's one parse (NULL when not a date)."""
    k, d, mf = (f"{x}{index}" for x in ("k", "d", "mf"))
    return f"CASE WHEN {_shape_in(k, SLASH_SHAPES)} THEN {mf} ELSE {d} END"


def trimmed_sql(expr: str) -> str:
    """``expr`` without leading/trailing whitespace (:data:`WHITESPACE`: Unicode's White_Space).

    ``trim`` with a character set costs more than the scan that feeds it, and almost no value is
    padded: only a value whose first or last character is whitespace is trimmed (``unicode`` gives the
    first code point of the value and of its last character; ``ascii`` would first scan the whole
    value for non-ASCII bytes). The last character is cut out (a scan of the value: its positions
    count characters) only when the value's last byte is the last byte of a whitespace character.
    """
    # list_contains, not IN (...): DuckDB plans a long IN list as a join, which costs time and memory.
    codes = _WHITESPACE_CODES
    last = f"list_contains({_WHITESPACE_LAST_BYTES}, encode({expr})[-1:])"
    padded = (
        f"list_contains({codes}, unicode({expr})) "
        f"OR ({last} AND list_contains({codes}, unicode({expr}[-1:])))"
    )
    return f"CASE WHEN {padded} THEN trim({expr}, {WHITESPACE_CHARS}) ELSE {expr} END"


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
    "comma": lambda shape, flags: shape in _COMMA_SHAPES,
    "grouped": lambda shape, flags: shape in GROUPED_SHAPES,
    "digit_grouped": lambda shape, flags: shape in DIGIT_GROUPED_SHAPES,
    "exponent": lambda shape, flags: shape in (Shape.EXPONENT, Shape.EXPONENT_BARE),
    "minus_sign": lambda shape, flags: shape in NUMBER_SHAPES and bool(flags & Flag.MINUS_SIGN),
    "nul": lambda shape, flags: bool(flags & Flag.NUL),
    "encoding": lambda shape, flags: bool(flags & Flag.INVALID_ENCODING),
}


def blob_label_sql(raw: str) -> str:
    """DuckDB: the label a BLOB ``raw`` is counted and shown by: its size and MD5 (as bytes)."""
    return f"encode('<blob ' || octet_length({raw}) || ' bytes ' || md5({raw}) || '>')"


def distinct_cells_sql(
    relation: str,
    columns: list[str],
    sample_rows: int | None,
    positions: list[int] | None = None,
    *,
    rowid: str | None = None,
) -> str:
    """``relation``'s distinct cells, counted: ``(idx, cls, v, weight)``, one row per column index,
    storage class letter and value (bytes; a BLOB as its label), ``weight`` cells of it. ``idx`` is a
    column's place in ``columns``, or its number in ``positions`` (its place in its table, when
    ``relation`` reads only some columns).

    ``rowid``: the relation's rowid column, whose values a long cell (:attr:`ColumnRead.long_bytes`,
    hidden: its class letter a capital, its value its size) keeps as a fifth column, ``r``: each long
    cell is then a row of its own (NULL for the others).

    Without ``columns``: the row count (``row_count``)."""
    # REPEATABLE: the same sample on every run; a reservoir of N rows never returns 0 rows on small tables.
    sample = f" USING SAMPLE reservoir({int(sample_rows)} ROWS) REPEATABLE (42)" if sample_rows else ""
    source = f"(SELECT * FROM {relation}{sample})" if sample else relation
    if not columns:
        return f"SELECT count(*) AS row_count FROM {source} AS src_rows"
    indexes = ", ".join(str(index) for index in (positions or range(len(columns))))
    values = ", ".join(quote_ident(name) for name in columns)
    # Unnests in one SELECT walk their lists side by side: (0, first column's class letter, its
    # value), (1, ...). The row's class letters split into a list (one letter per column) cost less
    # than cutting each cell's letter out of them.
    kept = f", {quote_ident(rowid)} AS r" if rowid else ""
    cells = (
        f"SELECT unnest([{indexes}]) AS idx, unnest(str_split({quote_ident(CLASSES_COLUMN)}, '')) AS cls, "
        f"unnest([{values}]) AS raw{kept}\nFROM {source} AS src_rows"
    )
    # A BLOB is counted by its size and digest, not its bytes: the counting then holds a few dozen
    # bytes per distinct BLOB, however large the images or files are. A REAL cell (read with all its
    # digits, ColumnRead.real_digits) is counted as its shortest_text_sql, as a column of REAL cells
    # only is (.native): one text per double, -0.0 as 0.0 (DuckDB's typed scan groups them as one).
    label = blob_label_sql("raw")
    real = f"encode({shortest_text_sql('CAST(decode(raw) AS DOUBLE)')})"
    long = ", CASE WHEN cls IN ('T', 'B') THEN r END AS r" if rowid else ""
    value = f"CASE WHEN cls = 'b' THEN {label} WHEN cls = 'r' THEN {real} ELSE raw END AS v"
    cells = f"SELECT idx, cls, {value}{long}\nFROM (\n{cells}\n) AS row_cells"
    grouped = "idx, cls, v" + (", r" if rowid else "")
    return (
        f"SELECT idx, cls, v, count(*) AS weight{', r' if rowid else ''}\nFROM (\n{cells}\n) AS cells\n"
        f"GROUP BY {grouped}"
    )


def table_profile_sql(
    relation: str,
    columns: list[str],
    null_tokens: list[str],
    sample_rows: int | None,
    fallback: EncodingFallback = "cp1252",
    *,
    distinct: str | None = None,
    positions: list[int] | None = None,
    dated: Collection[int] = (),
    untrimmed: Collection[int] = (),
    column_rows: bool = True,
    timed: Collection[int] = (),
    clocked: Collection[int] = (),
    open_ended: Collection[int] = (),
    kept_empty: Collection[int] = (),
) -> str:
    """The one query profiling every column of ``relation``.

    ``relation`` reads each column as bytes, with the storage classes as one string beside them
    (:meth:`Source.relation_sql` with ``ColumnRead(name, with_class=True, as_bytes=True)`` and
    ``class_string``). Every cell
    becomes a ``(column index, storage class, value)`` triple (``unnest``), and the triples are counted
    (``weight``): the expensive part, decoding, shaping and parsing, then runs once per *distinct*
    value of a column, not once per cell (260K cells of the scale-1 export are ~90K distinct values, a
    status column has a handful). A BLOB is never shaped (it is counted, measured and shown as
    ``<blob N bytes>``); TEXT that is not valid UTF-8 is flagged and decoded by ``fallback``.
    The result has one row per column and *code* (storage class, shape and flags, see
    :func:`column_projections`): how many cells (``cells``) and distinct values have it, their bytes,
    the bounds of their parses, and the smallest few values as examples. Every figure of a column is a
    sum, min or max over its rows (:mod:`.profile` folds them), so the whole table is profiled in one pass.
    ``distinct``: a query giving :func:`distinct_cells_sql`'s rows, already counted (then ``relation``
    is not read). ``positions``: see :func:`distinct_cells_sql`. ``dated``: the ``idx`` of the columns
    declared a date or timestamp, ``untrimmed`` of those whose text keeps its padding, ``kept_empty``
    of those whose ``''`` is a value, ``timed`` of
    those whose name reads compact timestamps, ``clocked`` of those declared a time of day (see
    :func:`column_projections`), ``open_ended`` of those whose integers may be epoch instants
    (:func:`open_end_sql`). Without
    ``column_rows``, only the rows of the codes (:func:`with_column_rows`; :func:`merged_codes_sql`
    merges such rows of disjoint sets of distinct values).
    """
    if not columns:
        return distinct_cells_sql(relation, columns, sample_rows)
    sql = distinct or distinct_cells_sql(relation, columns, sample_rows, positions)
    # Cells arrive as bytes (a list of VARCHAR cannot hold TEXT that is not UTF-8); once distinct,
    # each is decoded: UTF-8 if it is, else by the encoding fallback (flagged); a BLOB is only labelled.
    utf8 = [
        "idx",
        "weight",
        "cls",
        "v",
        "try(decode(v)) AS u",
    ]
    sql = f"SELECT\n  {_lines(utf8)}\nFROM (\n{sql}\n) AS distinct_values"
    invalid = "cls = 't' AND u IS NULL"
    decoded = [
        "idx",
        "weight",
        "strpos('nirtb', cls) - 1 AS sc0",
        f"{invalid} AS e0",
        r"CASE WHEN cls = 'b' THEN regexp_extract(u, '^<blob (\d+)', 1)::BIGINT "
        "ELSE octet_length(v) END AS nb0",
        f"CASE WHEN {invalid} THEN {fallback_decoded_sql('v', fallback)} ELSE u END AS v",
    ]
    sql = f"SELECT\n  {_lines(decoded)}\nFROM (\n{sql}\n) AS utf8"
    levels = column_projections(
        0,
        "v",
        null_tokens,
        classes=True,
        dated=dated,
        untrimmed=untrimmed,
        timed=timed,
        clocked=clocked,
        kept_empty=kept_empty,
    )
    aliases = ("decoded", "trimmed", "signed", "shaped", "zoned", "parsed", "ranged")
    for alias, level in zip(aliases, levels, strict=True):
        sql = f"SELECT\n  {_lines(['idx', 'weight', *level])}\nFROM (\n{sql}\n) AS {alias}"
    # A grouped decimal's point is its last separator (1,234.50); a comma group's scale (3 read as a
    # decimal comma, 0 as a thousands separator) is the reading's, decided in Python.
    # The number shapes are ASCII (their patterns' \d is [0-9]): strlen, not length (which counts
    # characters, and costs).
    scale = (
        f"strlen(t0) - CASE WHEN k0 = {Shape.GROUPED_DECIMAL:d} THEN strpos(t0, '.') "
        f"ELSE strpos(replace(t0, {_COMMA}, '.'), '.') END"
    )
    fixed = _codes(
        [Shape.DECIMAL, Shape.DOT_GROUP3, Shape.COMMA_DECIMAL, Shape.COMMA_JOINED, Shape.GROUPED_DECIMAL]
    )
    # A number grouped by spaces or apostrophes has one decimal mark, its only ',' or '.' (its
    # separators may be several bytes each: the fraction is counted on its own).
    digit_fractions = _codes([Shape.DIGIT_GROUPED_COMMA, Shape.DIGIT_GROUPED_POINT])
    digit_fraction = f"strlen(split_part(replace(t0, {_COMMA}, '.'), '.', 2))"
    whole_text = f"split_part({ungrouped_sql('t0', 'sp0')}, '.', 1)"
    digits_before_mark = f"strlen({whole_text}) - CASE WHEN starts_with(t0, '-') THEN 1 ELSE 0 END"
    exponent_scale = exponent_scale_sql("t0")
    # A number's whole digits (before the point, leading zeros aside), once expanded: 1.5e3 has 4,
    # 0.00015e5 has 2, 1e400 has 401. In a numeric column they and the scale must fit numeric(38) or
    # cleaning's decimal128 quarantines the value (numeric_overflow) where the profile counted it
    # valid: the column is then text (every cell kept). Bounds, as doubles, cannot tell 38 nines from
    # 10^38. TEXT of number shapes only (NULL otherwise: no cost on text or dates): a REAL cell's
    # column is a double, and the typed scan of one (native.py) counts none either.
    whole = (
        f"max(CASE WHEN sc0 <> {StorageClass.TEXT:d} THEN NULL "
        f"WHEN k0 IN ({_codes([Shape.DECIMAL, Shape.DOT_GROUP3])}) "
        "THEN strlen(ltrim(split_part(t0, '.', 1), '+-0')) "
        f"WHEN k0 IN ({_codes(_COMMA_SHAPES)}) THEN strlen(ltrim(split_part(t0, ',', 1), '+-0')) "
        f"WHEN k0 = {Shape.GROUPED_DECIMAL:d} "
        f"THEN strlen(replace(ltrim(split_part(t0, '.', 1), '+-0'), {_THOUSANDS}, '')) "
        f"WHEN k0 IN ({digit_fractions}) THEN {digits_before_mark} "
        f"WHEN k0 IN ({_codes([Shape.EXPONENT, Shape.EXPONENT_BARE])}) "
        f"THEN {_exponent_whole_digits('t0')} END) AS max_whole"
    )
    text = f"k0 > {Shape.NULL_LIKE:d} AND k0 <> {Shape.BLOB:d}"
    written = f"CASE WHEN m0 THEN {quote_literal(MINUS_SIGN)} || substr(t0, 2) ELSE t0 END"
    sign_bytes = f"CASE WHEN m0 THEN {MINUS_SIGN_EXTRA_BYTES} ELSE 0 END"
    worded = f"k0 >= {Shape.NULL_LIKE:d} AND k0 <> {Shape.BLOB:d}"
    aggregates = [
        "idx",
        "code0 AS code",
        "sum(weight) AS cells",
        "count(r0) AS distinct_values",
        "sum(weight * nb0) AS bytes",
        # The values are already distinct: the smallest five, deterministic, in bounded memory.
        f"min(r0, {EXAMPLES}) AS examples",
        # The most cells one value of the code has, and each null token's cells (trimmed: tokens are
        # compared so): a token is judged by its own count, and against the column's values'.
        "max(weight) AS max_value_cells",
        "list_sort(list({'token': t0, 'cells': CAST(weight AS BIGINT), "
        f"'bytes': CAST(weight * nb0 AS BIGINT)}}) FILTER (WHERE k0 = {Shape.NULL_LIKE:d})) AS token_cells",
        "min(d0) AS min_day_first",
        "max(d0) AS max_day_first",
        "min(dm0) AS min_month_first",
        "max(dm0) AS max_month_first",
        "min(n0) AS min_number",
        "max(n0) AS max_number",
        # The integers' own bounds, exact: n0 is a double, which rounds an integer beyond 2^53
        # (a CRM's 17-digit record ids: 12345678901234567 and ...568 are one double).
        "min(i0) AS min_integer",
        "max(i0) AS max_integer",
        day_part_sql("i0"),
        duration_part_sql("i0"),
        "min(g0) AS min_grouped",
        "max(g0) AS max_grouped",
        # The fewest fraction digits of a plain number (an integer's none): where they and max_scale
        # differ, two texts may be one number (1.1 and 1.10: merged_numbers compares them).
        f"min(CASE WHEN k0 = {Shape.INTEGER:d} THEN 0 WHEN k0 = {Shape.DECIMAL:d} THEN {scale} END) "
        "AS min_scale",
        f"max(CASE WHEN k0 IN ({fixed}) THEN {scale} WHEN k0 IN ({digit_fractions}) THEN {digit_fraction} "
        f"WHEN k0 = {Shape.EXPONENT:d} THEN {exponent_scale} END) "
        "AS max_scale",
        f"max(CASE WHEN k0 = {Shape.INTEGER:d} THEN strlen(ltrim(t0, '+-')) "
        f"WHEN k0 = {Shape.GROUPED_INTEGER:d} THEN strlen(replace(ltrim(t0, '+-'), {_THOUSANDS}, '')) "
        f"WHEN k0 IN ({_codes(_GROUPED_INTEGERS)}) THEN {digits_before_mark} "
        "END) AS max_digits",
        whole,
        # The most significant digits of a REAL cell's shortest text (lossless._written_decimals).
        f"max(CASE WHEN sc0 = {StorageClass.REAL:d} AND k0 IN ({_codes([Shape.DECIMAL, Shape.EXPONENT])}) "
        f"THEN {real_digits_sql('t0')} END) AS max_real_digits",
        # The text as written (a U+2212 that t0 reads as '-' restored).
        f"min(CASE WHEN {text} THEN {written} END) AS min_text",
        f"max(CASE WHEN {text} THEN {written} END) AS max_text",
        # The lengths of the values and of the null tokens (strlen: O(1)), for a code's word form.
        f"min(CASE WHEN {worded} THEN strlen(t0) + {sign_bytes} END) AS min_value_bytes",
        f"max(CASE WHEN {worded} THEN strlen(t0) + {sign_bytes} END) AS max_value_bytes",
        # The separators of the numbers grouped by spaces or apostrophes, as code points: one column
        # reads one (number_reading._group_reading).
        "min(unicode(sp0)) AS min_separator",
        "max(unicode(sp0)) AS max_separator",
        _ungrouped_sql("t0", "k0", "n0"),
        _line_ended_sql("r0", "t0", "k0", "code0", sign_bytes),
        _lines_sql("t0", "k0", "code0"),
        _padded_width_sql("r0", "t0", "k0", "code0", sign_bytes),
        # The least integer above 0: epoch integers beside -1 (and 0) for "no date" are judged on it
        # (epochs.epoch_beside_zeros).
        # (The double n0: exact enough to judge a unit by, and no second cast of the text.)
        f"min(CASE WHEN k0 = {Shape.INTEGER:d} AND n0 > 0 THEN n0 END) AS {MIN_POSITIVE_INTEGER}",
        _indented_sql("r0", "t0", "k0", "code0", sign_bytes),
        _break_padded_sql("r0", "t0", "k0", "code0", sign_bytes),
        open_end_sql("i0", open_ended),
    ]
    # Per (column, code): cells, distinct values, examples; per column, its bounds (code NULL).
    coded = f"SELECT\n  {_lines(aggregates)}\nFROM (\n{sql}\n) AS coded\nGROUP BY idx, code0"
    return with_column_rows(coded) if column_rows else coded


#: The epoch units of :func:`day_part_sql`, finest first: an integer that is a whole number of days in
#: one of them is one in each after it.
DAY_PART_UNITS = ("microseconds", "milliseconds", "seconds")
#: One day in each of :data:`DAY_PART_UNITS`.
_DAY_IN_UNIT = (86_400_000_000, 86_400_000, 86_400)


def day_part_sql(integer: str) -> str:
    """SQL aggregate ``max_day_part`` over the integers ``integer`` gives (NULL for other cells): 0
    when each is a whole number of days in microseconds, 1 in milliseconds, 2 in seconds, 3 when one is
    none of them. Epoch integers of a DATE column each at midnight UTC (Directus' date fields in
    milliseconds) name days, not instants (:data:`DAY_PART_UNITS`)."""
    return _finest_multiple_sql(integer, _DAY_IN_UNIT, "max_day_part")


def _finest_multiple_sql(integer: str, spans: tuple[int, ...], name: str) -> str:
    """SQL aggregate ``name`` over the integers ``integer`` gives (NULL for other cells): for each, the
    index of the first of ``spans`` (coarsest first) it is a multiple of, ``len(spans)`` for none; the
    largest of those (0: every integer a multiple of ``spans[0]``)."""
    whens = " ".join(f"WHEN {integer} % {span} = 0 THEN {index}" for index, span in enumerate(spans))
    return f"max(CASE WHEN {integer} IS NULL THEN NULL {whens} ELSE {len(spans)} END) AS {name}"


#: The spans a duration of whole ones counted in microseconds (Django's ``DurationField``) is a
#: multiple of, coarsest first: ``max_duration_part`` is the index of the finest its integers need.
DURATION_PART_UNITS = ("minutes", "seconds")
#: One of each of :data:`DURATION_PART_UNITS` in microseconds.
_DURATION_IN_MICROSECONDS = (60_000_000, 1_000_000)


def duration_part_sql(integer: str) -> str:
    """SQL aggregate ``max_duration_part`` over the integers ``integer`` gives (NULL for other cells):
    0 when each is a whole number of minutes in microseconds (a multiple of 60,000,000), 1 of seconds
    (of 1,000,000), 2 when one is neither. Integers in epoch seconds' range that all are whole seconds
    so, or in epoch milliseconds' range that all are whole minutes so, name no instants (each would
    fall on a grid of 11.6 days, or of 16.7 hours): they are durations in microseconds (a help desk's
    20 to 30 minutes, 1,200,000,000 to 1,800,000,000; 300 to 450 hours, 1.08e12 to 1.62e12)."""
    return _finest_multiple_sql(integer, _DURATION_IN_MICROSECONDS, "max_duration_part")


#: The profile query's bounds of a column's values, in the query's order: each named for the aggregate
#: (``min`` / ``max``) that takes it, and that also folds it over the column's codes.
BOUNDS = (
    "min_day_first",
    "max_day_first",
    "min_month_first",
    "max_month_first",
    "min_number",
    "max_number",
    "min_integer",
    "max_integer",
    "max_day_part",
    "max_duration_part",
    "min_grouped",
    "max_grouped",
    "min_scale",
    "max_scale",
    "max_digits",
    "max_whole",
    "max_real_digits",
    "min_text",
    "max_text",
    "min_value_bytes",
    "max_value_bytes",
    "min_separator",
    "max_separator",
)

#: The profile query's count, per code, of the numbers of a thousand or more written without grouping
#: (:func:`_ungrouped_sql`); folded by storage class (``profile.fold_groups``), not a bound.
UNGROUPED = "ungrouped_thousands"


def _ungrouped_sql(t: str, k: str, n: str) -> str:
    """SQL aggregate: the cells of numbers of more whole digits than a thousands group holds
    (:data:`GROUP_DIGITS`: ``1234``, ``-1234.50``, ``0001234``, ``1.5e3``, whatever their storage class)
    written without a separator, as :data:`UNGROUPED`. Where a column's commas group thousands they are
    written otherwise than its ``1,234.50`` (the quality score's ``format_misfits``). A plain number's
    digits are counted on its text (exact: a double rounds ``999.99999999999999999`` to 1000), an
    exponent's by its value; the length test first, as most values are short."""
    digits = f"strlen(split_part(ltrim({t}, '+-0'), '.', 1)) > {GROUP_DIGITS}"
    return (
        f"sum(CASE WHEN {k} IN ({_codes([Shape.INTEGER, Shape.DECIMAL])}) "
        f"AND strlen({t}) > {GROUP_DIGITS} AND {digits} THEN weight "
        f"WHEN {k} IN ({_codes([Shape.EXPONENT, Shape.EXPONENT_BARE])}) "
        f"AND abs({n}) >= {10**GROUP_DIGITS} THEN weight END) AS {UNGROUPED}"
    )


#: The profile query's count, per code, of the padded cells whose padding is one line break at their
#: end (:func:`_line_ended_sql`); a count, not a bound.
LINE_ENDED = "line_ended"
#: The profile query's count, per code, of the values (null tokens aside) whose text, trimmed, holds a
#: line break: values of several lines (:func:`_lines_sql`).
LINES = "lines"
#: The profile query's count, per code, of the :data:`LINE_ENDED` values of several lines: documents
#: each ending in its last line's break (:func:`_line_ended_sql`).
LINE_ENDED_LINES = "line_ended_lines"
#: The line breaks a value may end in, as a line of text does (``\n``, ``\r\n``).
_LINE_FEED, _CARRIAGE_RETURN = "chr(10)", "chr(13)"


def _padded_value_sql(code: str, k: str) -> str:
    """SQL condition: the row's code marks padded values (:attr:`Flag.PADDED`) and its shape is no null
    token's: the values whose padding the layouts below read (line terminators, fixed widths,
    indentation), as ``number_reading.Counts.padded_values`` counts them."""
    return f"(({code} & {Flag.PADDED:d}) <> 0 AND {k} <> {Shape.NULL_LIKE:d})"


def _line_ended_sql(r: str, t: str, k: str, code: str, sign_bytes: str) -> str:
    """SQL aggregate: the cells of padded values (:attr:`Flag.PADDED`; null tokens aside) whose padding is
    one line break at their end, ``\\n`` or ``\\r\\n``, and nothing else (``'---\\nn: 1\\n'``; not
    ``' x\\n'``, ``'x \\n'``, ``'x\\n\\n'``), as :data:`LINE_ENDED`. Raw text ``r`` ends in the break and is
    longer than its trimmed ``t`` by the break's bytes alone: the trim took it (whitespace, at the end)
    and nothing more (``sign_bytes``: a U+2212 that ``t`` reads as '-'). A text column every value of
    which ends so writes a line terminator, not padding (``layout.line_terminated``). A CASE: the
    tests run on padded values only, which few are."""
    ends = f"ends_with({r}, {_LINE_FEED})"
    crlf = f"ends_with({r}, {_CARRIAGE_RETURN} || {_LINE_FEED})"
    bytes_ = f"strlen({t}) + {sign_bytes} + CASE WHEN {crlf} THEN 2 ELSE 1 END"
    ended = f"CASE WHEN {_padded_value_sql(code, k)} AND {ends} AND strlen({r}) = {bytes_} THEN weight END"
    # Of those, the documents of several lines (LINE_ENDED_LINES): a line break before the last.
    return (
        f"sum({ended}) AS {LINE_ENDED}, "
        f"sum(CASE WHEN contains({t}, {_LINE_FEED}) THEN {ended} END) AS {LINE_ENDED_LINES}"
    )


def _lines_sql(t: str, k: str, code: str) -> str:
    """SQL aggregate: the cells of values (null tokens aside) whose trimmed text ``t`` holds a line
    break, values of several lines, as :data:`LINES`: documents, which cleaning keeps byte for byte
    (``number_reading.PADDED_LINES``: those of padded codes). A value holding a NUL byte is judged as the
    cleaner judges it, its NULs removed before the trim (``'abc\\n\\0'`` is one line: ``abc``), on
    such values alone (:attr:`Flag.NUL`, O(1)). A column whose every such value is a
    :data:`LINE_ENDED_LINES` one, and whose other values are not padded, writes documents that end in
    their last line's break beside values of one line (``layout.line_terminated``)."""
    bare = trimmed_sql(f"replace({t}, {_NUL_SQL}, '')")
    return (
        f"sum(CASE WHEN {k} = {Shape.NULL_LIKE:d} THEN NULL "
        f"WHEN NOT contains({t}, {_LINE_FEED}) THEN NULL "
        f"WHEN ({code} & {Flag.NUL:d}) = 0 OR contains({bare}, {_LINE_FEED}) THEN weight END) AS {LINES}"
    )


#: The profile query's count, per code, of the padded values (null tokens aside) padded by spaces at
#: their end alone (:func:`_padded_width_sql`); a count, not a bound.
SPACE_PADDED = "space_padded"
#: The same count of the values padded by spaces at their start alone (``'   42'``, ``' 5- 3-1990'``:
#: printf's ``%5d``, right-aligned fields), whose widths the same bounds take (a column's padded
#: values are all one or all the other where it is laid out in fixed-width fields).
START_PADDED = "start_padded"
#: Its bounds: the width in characters of those values as written (:func:`_padded_width_sql`). The
#: bytes of the values no whitespace pads are their codes' ``min_value_bytes`` / ``max_value_bytes``
#: (a code holds padded values or none: ``profile.fold_groups``).
PADDED_WIDTH_BOUNDS = ("min_padded_width", "max_padded_width")
#: The longest value, in bytes, a fixed-width field is measured in (a dBase field holds 254 bytes, a
#: ``CHAR(n)`` of a few hundred at most in practice): a longer padded value is free text.
FIXED_WIDTH_BYTES = 1024


def _padded_width_sql(r: str, t: str, k: str, code: str, sign_bytes: str) -> str:
    """SQL aggregates: the cells of padded values (:attr:`Flag.PADDED`; null tokens aside) padded by
    spaces at their end and nothing else (``'Smith    '``; not ``' Smith'``, a tab after it), as
    :data:`SPACE_PADDED`, and those padded by spaces at their start alone (``'   42'``), as
    :data:`START_PADDED`; and the least and greatest width of either as written, in characters (-1 for
    one longer than :data:`FIXED_WIDTH_BYTES`: no field is). A text column whose padded values are all
    so, to one width, beside unpadded values that fill it (their codes' bytes), is laid out in
    fixed-width fields (a dBase ``C(30)``, a ``CHAR(10)``): ``layout.padded_width``. Each test is
    O(1) or O(padding) but the character count, on short padded values alone (a CASE): a long free
    text padded by a blank costs no pass over it."""
    padding = f"(strlen({r}) - strlen({t}) - {sign_bytes})::INTEGER"
    spaced = (
        f"{_padded_value_sql(code, k)} "
        f"AND left({r}, 1) = left({t}, 1) AND ends_with({r}, repeat(' ', {padding}))"
    )
    # Right-aligned (since 2026-12-06): spaces at the start alone, the value's last character its own.
    started = (
        f"{_padded_value_sql(code, k)} "
        f"AND right({r}, 1) = right({t}, 1) AND starts_with({r}, repeat(' ', {padding}))"
    )
    width = f"CASE WHEN strlen({r}) <= {FIXED_WIDTH_BYTES} THEN length({r}) ELSE -1 END"
    either = f"(({spaced}) OR ({started}))"
    return (
        f"sum(CASE WHEN {spaced} THEN weight END) AS {SPACE_PADDED}, "
        f"sum(CASE WHEN {started} THEN weight END) AS {START_PADDED}, "
        f"min(CASE WHEN {either} THEN {width} END) AS min_padded_width, "
        f"max(CASE WHEN {either} THEN {width} END) AS max_padded_width"
    )


#: The profile query's bound of a column's least integer above 0 (a bound, folded as ``min``).
MIN_POSITIVE_INTEGER = "min_positive_integer"


#: The profile query's bounds of a column's integers other than the far-future stand-ins for no end
#: (:data:`~columnar_etl.rules.EPOCH_OPEN_ENDS`; :func:`open_end_sql`), folded as their names say.
OPEN_END_BOUNDS = ("max_beside_open_ends", "max_duration_part_beside_open_ends")
#: The profile query's cells of each such stand-in a column holds: a list of (value, cells).
OPEN_END_CELLS = "open_end_cells"
#: The type of :data:`OPEN_END_CELLS`.
OPEN_END_CELLS_TYPE = "STRUCT(value HUGEINT, cells BIGINT)[]"


def open_end_sql(integer: str, places: Collection[int]) -> str:
    """SQL aggregates over the integers ``integer`` gives (NULL for other cells) of the columns at
    ``places`` alone (those whose integers may be epoch instants: a date-like name or a declared date
    or timestamp, :func:`.profile.open_ended_places`): ``max_beside_open_ends``, the largest that is
    none of :data:`~columnar_etl.rules.EPOCH_OPEN_ENDS` (9999-12-31, 2038-01-19 in each epoch unit),
    ``max_duration_part_beside_open_ends``, their :func:`duration_part_sql`, and
    :data:`OPEN_END_CELLS`, the cells of each stand-in (``epochs.epoch_open_ends`` judges the unit
    on the others). NULL constants where no column is at ``places``: the typed scan of a table of no
    date column counts nothing more (an aggregate counted where it was never needed cost the 1M-row
    narrow bench 0.3 s once)."""
    if not places:
        return (
            "CAST(NULL AS HUGEINT) AS max_beside_open_ends, "
            "CAST(NULL AS INTEGER) AS max_duration_part_beside_open_ends, "
            f"CAST(NULL AS {OPEN_END_CELLS_TYPE}) AS {OPEN_END_CELLS}"
        )
    ends = ", ".join(str(value) for value in sorted(EPOCH_OPEN_ENDS))
    own = f"CASE WHEN {in_places(places)} THEN {integer} END"
    open_end = f"({own}) IN ({ends})"
    beside = f"CASE WHEN NOT {open_end} THEN {own} END"
    return (
        f"max({beside}) AS max_beside_open_ends, "
        f"{_finest_multiple_sql(beside, _DURATION_IN_MICROSECONDS, 'max_duration_part_beside_open_ends')}, "
        f"list({{'value': {own}, 'cells': CAST(weight AS BIGINT)}}) FILTER (WHERE {open_end}) "
        f"AS {OPEN_END_CELLS}"
    )


#: The profile query's count, per code, of the padded values of several lines (null tokens aside) whose
#: padding is their first line's indentation and at most one final line break (:func:`_indented_sql`).
INDENTED = "indented"


def _indented_sql(r: str, t: str, k: str, code: str, sign_bytes: str) -> str:
    """SQL aggregate: the cells of padded values (:attr:`Flag.PADDED`; null tokens aside) of several
    lines (a line break in the trimmed ``t``) whose padding is spaces at their start, the first line's
    indentation, and at most one line break at their end, ``\\n`` or ``\\r\\n``, nothing else
    (``'  File "a.py", line 8\\n    f()\\n'``; not ``'\\tx\\ny'``, ``'  x\\ny '``, ``'  x\\ny\\n\\n'``,
    ``'  x'``), as :data:`INDENTED`. Raw ``r`` starts with a space, and without its leading spaces is
    longer than ``t`` by its final break's bytes alone (``sign_bytes``: a U+2212 that ``t`` reads as
    '-'). A text column every value of which is so is laid out in indented lines, a Python stack or a
    profiler's report (``layout.indented``). A CASE: the tests run on padded values only."""
    body = f"ltrim({r}, ' ')"
    ending = (
        f"CASE WHEN ends_with({body}, {_CARRIAGE_RETURN} || {_LINE_FEED}) THEN 2 "
        f"WHEN ends_with({body}, {_LINE_FEED}) THEN 1 ELSE 0 END"
    )
    indented = (
        f"{_padded_value_sql(code, k)} AND starts_with({r}, ' ') "
        f"AND contains({t}, {_LINE_FEED}) AND strlen({body}) = strlen({t}) + {sign_bytes} + {ending}"
    )
    return f"sum(CASE WHEN {indented} THEN weight END) AS {INDENTED}"


#: The profile query's count, per code, of the padded values of several lines (null tokens aside) whose
#: padding is line breaks alone, at their start, their end or both (:func:`_break_padded_sql`).
BREAK_PADDED = "break_padded"


def _break_padded_sql(r: str, t: str, k: str, code: str, sign_bytes: str) -> str:
    """SQL aggregate: the cells of padded values (:attr:`Flag.PADDED`; null tokens aside) of several
    lines (a line break in the trimmed ``t``) whose padding is line breaks alone, ``\\n`` or
    ``\\r\\n``, at their start, their end or both (``'\\n\\nRUNNER: x\\nok'``, ``'# T\\n\\nx\\n\\n'``;
    not ``' \\nx\\ny'``, ``'x\\ny\\t\\n'``, ``'x\\ny\\r'``, ``'\\nx'``), as :data:`BREAK_PADDED`. Raw ``r``
    with its CR and LF characters trimmed at both ends is ``t`` (``sign_bytes``: a U+2212 that ``t``
    reads as '-'), and neither end's padding holds a CR but before an LF. A text column every value of
    which is so is documents laid out with blank lines around them, a worker's log, a mail body or a
    Markdown file (``layout.break_padded``). A CASE: the tests run on padded values only, the CR
    tests on their padding alone."""
    breaks = f"{_CARRIAGE_RETURN} || {_LINE_FEED}"

    def lone_return(end: str, trimmed: str) -> str:
        padding = f"{end}({r}, (strlen({r}) - strlen({trimmed}({r}, {breaks})))::BIGINT)"
        return f"contains(replace({padding}, {breaks}, ''), {_CARRIAGE_RETURN})"

    padded = (
        f"{_padded_value_sql(code, k)} AND contains({t}, {_LINE_FEED}) "
        f"AND strlen(trim({r}, {breaks})) = strlen({t}) + {sign_bytes} "
        f"AND NOT {lone_return('left', 'ltrim')} AND NOT {lone_return('right', 'rtrim')}"
    )
    return f"sum(CASE WHEN {padded} THEN weight END) AS {BREAK_PADDED}"


#: The type of the profile query's ``token_cells``: each null token of a code, trimmed, its cells and
#: their bytes as read.
TOKEN_CELLS_TYPE = "STRUCT(token VARCHAR, cells BIGINT, bytes BIGINT)[]"

#: The profile query's columns after ``idx`` and ``code``, each with how a column's row (code NULL)
#: folds it from the column's coded rows (see :func:`with_column_rows`).
_COLUMN_ROW = {
    "cells": "sum(cells)",
    "distinct_values": "sum(distinct_values)",
    "bytes": "sum(bytes)",
    # The smallest of the smallest: the same list min(value, 5) gives over all the column's values
    # (no NULL in it; NULL when the column has no value).
    "examples": "CASE WHEN count(examples) > 0 "
    f"THEN list_slice(list_sort(flatten(list(examples))), 1, {EXAMPLES}) END",
    "max_value_cells": "max(max_value_cells)",
    "token_cells": "CASE WHEN count(token_cells) > 0 "
    "THEN list_sort(flatten(list(token_cells) FILTER (WHERE token_cells IS NOT NULL))) END",
    **{bound: f"{bound[:3]}({bound})" for bound in BOUNDS},
    UNGROUPED: f"sum({UNGROUPED})",
    LINE_ENDED: f"sum({LINE_ENDED})",
    LINE_ENDED_LINES: f"sum({LINE_ENDED_LINES})",
    LINES: f"sum({LINES})",
    SPACE_PADDED: f"sum({SPACE_PADDED})",
    START_PADDED: f"sum({START_PADDED})",
    **{bound: f"{bound[:3]}({bound})" for bound in PADDED_WIDTH_BOUNDS},
    MIN_POSITIVE_INTEGER: f"min({MIN_POSITIVE_INTEGER})",
    INDENTED: f"sum({INDENTED})",
    BREAK_PADDED: f"sum({BREAK_PADDED})",
    **{bound: f"{bound[:3]}({bound})" for bound in OPEN_END_BOUNDS},
    OPEN_END_CELLS: f"CASE WHEN count({OPEN_END_CELLS}) > 0 "
    f"THEN flatten(list({OPEN_END_CELLS}) FILTER (WHERE {OPEN_END_CELLS} IS NOT NULL)) END",
}


#: The text of a column's values that its row (code NULL) leaves NULL: its examples (nothing reads
#: them: each code's are shown) and its text bounds (:func:`column_text_bounds`, folded in Python from
#: the codes' own). Folding them in DuckDB copied every long value held in them several times over
#: (the aggregates' states, the lists flattened and sorted) in memory its limit does not count: four
#: TEXT cells of 6-9 MB among 10,000 short rows, `profile` 754-779 MB of RSS.
UNFOLDED = ("examples", "min_text", "max_text")


def column_text_bounds(groups: Collection[Mapping[str, Any]]) -> dict[str, Any]:
    """A column's ``min_text`` and ``max_text`` from its rows of the profile query (:func:`with_column_rows`
    leaves them NULL in the column's row): the least and greatest of its codes' own. The same values
    DuckDB's ``min`` and ``max`` give: a VARCHAR compares by its UTF-8 bytes, a Python ``str`` by its
    code points, the same order."""
    bounds: dict[str, Any] = {}
    for key, pick in (("min_text", min), ("max_text", max)):
        values = [g[key] for g in groups if g["code"] is not None and g[key] is not None]
        bounds[key] = pick(values) if values else None
    return bounds


def with_column_rows(coded: str) -> str:
    """``coded`` (the profile query's aggregates grouped by ``idx`` and code: ``idx``, ``code``, then
    the columns of :data:`_COLUMN_ROW`, matched by name: a query may list them in any order) and one
    more row per column, code NULL: the same
    figures over all its codes, folded from its coded rows by DuckDB (the bounds of some values, such
    as a year-0 date, have no Python equivalent to compare in Python), but for those of
    :data:`UNFOLDED`: NULL (see there).

    These were ``GROUPING SETS ((idx, code), (idx))``, which aggregates every value twice; folding the
    few coded rows instead gives the same rows (``test_column_rows_fold_as_grouping_sets_count``) and
    took 0.38 s where the grouping sets took 0.44 s, on the 1M-row narrow table's 3.2M distinct
    values (two threads). Unordered (see :func:`profile_row_order`): over a table of counted cells, an
    ORDER BY of these few rows made DuckDB run the whole aggregate on one thread (1M-row narrow export:
    1.0 s -> 0.3 s).
    """
    folded = ", ".join(
        f"{'NULL' if name in UNFOLDED else expr} AS {name}" for name, expr in _COLUMN_ROW.items()
    )
    return (
        f"SELECT * FROM (WITH coded_groups AS MATERIALIZED (\n{coded}\n) SELECT * FROM coded_groups "
        f"UNION ALL BY NAME SELECT idx, NULL AS code, {folded} FROM coded_groups GROUP BY idx) AS column_rows"
    )


def folded_codes_sql(coded: str) -> str:
    """``coded``, a relation of the profile query's rows of codes (:func:`table_profile_sql` without
    column rows) over disjoint sets of a table's distinct values (each value in one), as one row per
    (column, code): its rows folded as :func:`with_column_rows` folds a column's. The same rows as
    one query over all the values gives; :func:`with_column_rows` of them gives the profile query's."""
    folded = ", ".join(f"{expr} AS {name}" for name, expr in _COLUMN_ROW.items())
    return f"SELECT idx, code, {folded} FROM {coded} GROUP BY idx, code"


def profile_row_order(row: Mapping[str, Any]) -> tuple[int, int]:
    """Sort key of the profile query's rows: by column index, a column's bounds (code NULL) first,
    then its codes; the queries leave the order to Python (see :func:`table_profile_sql`)."""
    return int(row["idx"]), -1 if row["code"] is None else int(row["code"])


def _lines(exprs: list[str]) -> str:
    return ",\n  ".join(exprs)
