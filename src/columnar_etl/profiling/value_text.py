"""A value's text as the profile's DuckDB SQL reads it: trimmed of Unicode whitespace
(:func:`trimmed_sql`), as the cleaner trims, and a U+2212 MINUS SIGN before its digits read as '-'
(:func:`minus_read_sql`), as the cleaner reads it. Keys, references, merged numbers and the cleaner's
outlier test read values so too."""

from __future__ import annotations

from columnar_etl.pg.identifiers import quote_literal
from columnar_etl.rules import NUL, WHITESPACE
from columnar_etl.rules.numbers import MINUS_SIGN, MINUS_SIGN_START_REGEX

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


#: The NUL byte in DuckDB SQL.
NUL_SQL = f"chr({ord(NUL)})"
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
