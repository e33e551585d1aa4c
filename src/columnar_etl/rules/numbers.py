"""The rules' numbers: integers, decimals, exponents, decimal commas, digit groups (commas, points, spaces,
apostrophes), the minus sign U+2212, and the digits PostgreSQL's numeric holds."""

from __future__ import annotations

import math

from columnar_etl.rules import Shape

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


CANONICAL_NUMBER_REGEX = r"(0|[1-9]\d*)(\.\d+)?|-(0\.\d*[1-9]\d*|[1-9]\d*(\.\d+)?)"


#: The fraction digits of a number (searched): more than the column's scale means rounding.
FRACTION_DIGITS_REGEX = r"[.,]([0-9]+)"


def whole_digits(low: float | None, high: float | None) -> int:
    """Digits before the point of the wider of two bounds: what a numeric column must hold. A bound
    beyond any double (a 140,000-digit decimal) is wider than any precision. The profile, which decides
    whether a column can be numeric, and the plan, which sizes it, both count so."""
    bound = max(abs(float(low or 0)), abs(float(high or 0)))
    return len(str(int(bound))) if math.isfinite(bound) else NUMERIC_DIGITS + 1
