"""The profiling SQL: one query per table (:func:`table_profile_sql`), put together here and nowhere else.

Every value arrives as text. The query counts each column's distinct values first (every cell
becomes a ``(column index, value)`` pair), so the expensive part runs once per distinct value: per
value, a *shape code* (one ``CASE`` over anchored regular expressions behind cheap tests: the first
matching shape wins, so each non-empty value has exactly one), the candidate parses a type decision
needs (the timestamp under day-first and month-first reading, the number) and a few flags, folded
into one integer *code*. The outer aggregate groups by column and code: cells, distinct values,
examples, and per column the bounds of each parse. Python then decides the type from these numbers
(:mod:`.profile`); no value is ever looked at in Python.

Its parts: the distinct cells (:mod:`.distinct_values`); each value's levels (:mod:`.shaping`, with
:mod:`.value_text`, :mod:`.text_patterns`, :mod:`.number_text` and :mod:`.date_parses`) and its code
(:mod:`.profile_codes`); the aggregates of :mod:`.number_text`, :mod:`.layout_aggregates` and
:mod:`.epoch_aggregates`; a row per column folded from the codes' (:mod:`.column_rows`)."""

from __future__ import annotations

from collections.abc import Collection

from columnar_etl.pg.identifiers import quote_literal
from columnar_etl.profiling.column_rows import with_column_rows
from columnar_etl.profiling.distinct_values import distinct_cells_sql
from columnar_etl.profiling.epoch_aggregates import (
    MIN_POSITIVE_INTEGER,
    day_part_sql,
    duration_part_sql,
    open_end_sql,
)
from columnar_etl.profiling.layout_aggregates import (
    break_padded_sql,
    indented_sql,
    line_ended_sql,
    lines_sql,
    padded_width_sql,
    paragraph_indented_sql,
)
from columnar_etl.profiling.number_text import (
    COMMA,
    THOUSANDS,
    exponent_scale_sql,
    exponent_whole_digits,
    real_digits_sql,
    ungrouped_sql,
    ungrouped_thousands_sql,
)
from columnar_etl.profiling.profile_codes import COMMA_SHAPES, EXAMPLES, GROUPED_INTEGERS, StorageClass, codes
from columnar_etl.profiling.shaping import column_projections
from columnar_etl.profiling.value_text import MINUS_SIGN_EXTRA_BYTES
from columnar_etl.rules import Shape
from columnar_etl.rules.numbers import MINUS_SIGN
from columnar_etl.source.cells import EncodingFallback, fallback_decoded_sql


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
    (:func:`open_end_sql`). Without ``column_rows``, only the rows of the codes (:func:`with_column_rows`;
    :func:`.column_rows.folded_codes_sql` folds such rows of disjoint sets of distinct values).
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
        f"ELSE strpos(replace(t0, {COMMA}, '.'), '.') END"
    )
    fixed = codes(
        [Shape.DECIMAL, Shape.DOT_GROUP3, Shape.COMMA_DECIMAL, Shape.COMMA_JOINED, Shape.GROUPED_DECIMAL]
    )
    # A number grouped by spaces or apostrophes has one decimal mark, its only ',' or '.' (its
    # separators may be several bytes each: the fraction is counted on its own).
    digit_fractions = codes([Shape.DIGIT_GROUPED_COMMA, Shape.DIGIT_GROUPED_POINT])
    digit_fraction = f"strlen(split_part(replace(t0, {COMMA}, '.'), '.', 2))"
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
        f"WHEN k0 IN ({codes([Shape.DECIMAL, Shape.DOT_GROUP3])}) "
        "THEN strlen(ltrim(split_part(t0, '.', 1), '+-0')) "
        f"WHEN k0 IN ({codes(COMMA_SHAPES)}) THEN strlen(ltrim(split_part(t0, ',', 1), '+-0')) "
        f"WHEN k0 = {Shape.GROUPED_DECIMAL:d} "
        f"THEN strlen(replace(ltrim(split_part(t0, '.', 1), '+-0'), {THOUSANDS}, '')) "
        f"WHEN k0 IN ({digit_fractions}) THEN {digits_before_mark} "
        f"WHEN k0 IN ({codes([Shape.EXPONENT, Shape.EXPONENT_BARE])}) "
        f"THEN {exponent_whole_digits('t0')} END) AS max_whole"
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
        f"WHEN k0 = {Shape.GROUPED_INTEGER:d} THEN strlen(replace(ltrim(t0, '+-'), {THOUSANDS}, '')) "
        f"WHEN k0 IN ({codes(GROUPED_INTEGERS)}) THEN {digits_before_mark} "
        "END) AS max_digits",
        whole,
        # The most significant digits of a REAL cell's shortest text (lossless._written_decimals).
        f"max(CASE WHEN sc0 = {StorageClass.REAL:d} AND k0 IN ({codes([Shape.DECIMAL, Shape.EXPONENT])}) "
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
        ungrouped_thousands_sql("t0", "k0", "n0"),
        line_ended_sql("r0", "t0", "k0", "code0", sign_bytes),
        lines_sql("t0", "k0", "code0"),
        padded_width_sql("r0", "t0", "k0", "code0", sign_bytes),
        # The least integer above 0: epoch integers beside -1 (and 0) for "no date" are judged on it
        # (no_date_numbers.epoch_beside_zeros).
        # (The double n0: exact enough to judge a unit by, and no second cast of the text.)
        f"min(CASE WHEN k0 = {Shape.INTEGER:d} AND n0 > 0 THEN n0 END) AS {MIN_POSITIVE_INTEGER}",
        indented_sql("r0", "t0", "k0", "code0", sign_bytes),
        break_padded_sql("r0", "t0", "k0", "code0", sign_bytes),
        paragraph_indented_sql("r0", "t0", "k0", "code0", sign_bytes),
        open_end_sql("i0", open_ended),
    ]
    # Per (column, code): cells, distinct values, examples; per column, its bounds (code NULL).
    coded = f"SELECT\n  {_lines(aggregates)}\nFROM (\n{sql}\n) AS coded\nGROUP BY idx, code0"
    return with_column_rows(coded) if column_rows else coded


def _lines(exprs: list[str]) -> str:
    return ",\n  ".join(exprs)
