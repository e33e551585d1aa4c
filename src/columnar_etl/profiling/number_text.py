"""Number text in DuckDB SQL: its digit-group separator and the text a cast reads
(:func:`ungrouped_sql`), the fraction digits and whole digits of an exponent
(:func:`exponent_scale_sql`, :func:`exponent_whole_digits`), a REAL cell's significant digits
(:func:`real_digits_sql`), and the count of numbers of a thousand or more written without grouping
(:data:`UNGROUPED`)."""

from __future__ import annotations

from columnar_etl.pg.identifiers import quote_literal
from columnar_etl.profiling.profile_codes import codes
from columnar_etl.rules import Shape
from columnar_etl.rules.numbers import DECIMAL_COMMA, GROUP_DIGITS, GROUP_SEPARATORS, THOUSANDS_SEPARATOR

COMMA = quote_literal(DECIMAL_COMMA)
THOUSANDS = quote_literal(THOUSANDS_SEPARATOR)


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
    return f"replace(replace({t}, {separator}, ''), {COMMA}, '.')"


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


#: The significant digits that tell every single-precision float from the others (FLT_DECIMAL_DIG).
FLOAT_DIGITS = 9
#: The significant digits that tell every double from the others (DBL_DECIMAL_DIG): a binary number's.
DOUBLE_DIGITS = 17


def real_digits_sql(t: str) -> str:
    """SQL: the significant digits of ``t``, a REAL cell's shortest text
    (:func:`.distinct_values.shortest_text_sql`: ``150000000.5`` 10, ``1.23e-06`` 3, ``1e+20`` 1, ``0.0``
    none): its mantissa's digits, leading and trailing zeros aside. A double's shortest text of at most
    15 (DBL_DIG) is the decimal an application wrote as it stands; a computed double's runs to 16 or 17
    (``0.30000000000000004``, ``0.3333333333333333``): ``max_real_digits``, lossless._written_decimals.

    A single-precision float widened to a double (a C ``float`` bound with ``sqlite3_bind_double``) is
    a binary number too, though its shortest text may be short: ``8380.7001953125``, ``315.625``. One
    that is exactly a float's value and has more digits than a float needs (:data:`FLOAT_DIGITS`) counts
    :data:`DOUBLE_DIGITS`, so a declared NUMERIC column of such floats is a double like a computed one's,
    not a numeric of decimals nobody wrote (until 2026-12-06 a game's coordinates beside each other
    were numeric or double precision as their digits fell). A decimal that is exactly a float with
    more than nine digits (``1234567.125``) is rare, and a double holds it exactly all the same.
    String functions and casts only (the text is lower-case, ``e`` its only letter): no regular
    expression per value."""
    digits = f"strlen(trim(replace(ltrim(split_part({t}, 'e', 1), '-'), '.', ''), '0'))"
    widened = f"try_cast(try_cast({t} AS FLOAT) AS DOUBLE) = try_cast({t} AS DOUBLE)"
    return f"CASE WHEN {digits} > {FLOAT_DIGITS} AND {widened} THEN {DOUBLE_DIGITS} ELSE {digits} END"


def exponent_whole_digits(t: str) -> str:
    """SQL: the whole digits of exponent text ``t`` once expanded (``0.00015e5`` has 2: the mantissa's
    digits before its point, less its leading zeros, plus the exponent; none below 1). The exponent
    is read as a double and the result capped, as :func:`.sql.table_profile_sql`'s exponent scale is: a
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


#: The profile query's count, per code, of the numbers of a thousand or more written without grouping
#: (:func:`ungrouped_thousands_sql`); folded by storage class (``folded_figures.fold_groups``), not a bound.
UNGROUPED = "ungrouped_thousands"


def ungrouped_thousands_sql(t: str, k: str, n: str) -> str:
    """SQL aggregate: the cells of numbers of more whole digits than a thousands group holds
    (:data:`GROUP_DIGITS`: ``1234``, ``-1234.50``, ``0001234``, ``1.5e3``, whatever their storage class)
    written without a separator, as :data:`UNGROUPED`. Where a column's commas group thousands they are
    written otherwise than its ``1,234.50`` (the quality score's ``format_misfits``). A plain number's
    digits are counted on its text (exact: a double rounds ``999.99999999999999999`` to 1000), an
    exponent's by its value; the length test first, as most values are short."""
    digits = f"strlen(split_part(ltrim({t}, '+-0'), '.', 1)) > {GROUP_DIGITS}"
    return (
        f"sum(CASE WHEN {k} IN ({codes([Shape.INTEGER, Shape.DECIMAL])}) "
        f"AND strlen({t}) > {GROUP_DIGITS} AND {digits} THEN weight "
        f"WHEN {k} IN ({codes([Shape.EXPONENT, Shape.EXPONENT_BARE])}) "
        f"AND abs({n}) >= {10**GROUP_DIGITS} THEN weight END) AS {UNGROUPED}"
    )
