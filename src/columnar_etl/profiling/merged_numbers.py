"""Decimal columns whose distinct texts a number would make one: ``1.1`` and ``1.10``, ``2`` and ``2.0``.

A version column (``1.9``, ``1.10``, ``1.1``), a spreadsheet's mixed ``5`` and ``5.0``: every value is
a decimal, so the shapes make the column ``numeric``, and a number does not keep how many zeros end
its fraction (the target's ``numeric(p, s)`` writes every value with ``s`` of them). Two texts the
source kept apart would arrive as one value, which no cleaning rule says: such a column keeps its
text, every value as written, with the reason in its profile (an operator who knows them to be
amounts sets the column's ``type = "numeric"``). Only texts a number reads back the same but for those
zeros are compared (:data:`~columnar_etl.rules.numbers.CANONICAL_NUMBER_REGEX`; ``007`` or ``+5`` keep a
column text already); texts that meet by a documented rule (trimmed padding, an exponent expanded, a
comma or digit group read) are that rule's business; a leading U+2212 is read as ``-`` first, as
cleaning reads it.

One aggregate per table, over its candidate columns only: ``numeric`` by the profile (or ``double``
by its exponent text, with no REAL cell), whose plain numbers have fewer fraction digits in some values
than in others (``min_scale`` below ``max_scale``; a column of amounts written with two decimals each,
the usual case, cannot hold two texts of one number); no query when it has none.

Unix seconds with a counter after the point (a PBX's call ids, ``1717402500.1`` beside
``1717403294.10``) are kept apart too, though no two meet yet: a fraction ending in a zero beside
fewer fraction digits is written as no seconds' fraction is (:func:`number_texts_sql`, the same scan).
"""

from __future__ import annotations

from columnar_etl.models import ColumnProfile, TableProfile
from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.profiling.affinity import declared_family
from columnar_etl.profiling.value_text import minus_read_sql, trimmed_sql
from columnar_etl.rules.numbers import CANONICAL_NUMBER_REGEX
from columnar_etl.source.cells import ColumnRead
from columnar_etl.source.duckdb_reader import query_errors
from columnar_etl.source.export import Source

#: What a note reading a column's numbers says (``numbers are epoch seconds: kept as numbers (numeric),
#: ...; the instant is to_timestamp("col")``): of a column made text afterwards, it is no longer true.
KEPT_AS_NUMBERS = "kept as numbers ("


def drop_number_notes(column: ColumnProfile) -> None:
    """Drop ``column``'s notes reading its numbers (:data:`KEPT_AS_NUMBERS`), once it is text: its
    values are no numbers in the target, and the note's expression would fail on its text."""
    column.notes = [note for note in column.notes if KEPT_AS_NUMBERS not in note]


def real_cells(column: ColumnProfile) -> int:
    return column.storage_classes.get("real", 0)


def _candidates(table: TableProfile) -> list[ColumnProfile]:
    return [
        column
        for column in table.columns.values()
        # A double of REAL cells compares no text: its cells are binary numbers (5 and 5.0 are one).
        if (
            column.inferred_type == "numeric" or (column.inferred_type == "double" and not real_cells(column))
        )
        and column.min_scale is not None
        and column.min_scale < (column.max_scale or 0)
        and column.as_written is None
    ]


def number_texts_sql(relation: str, names: list[str]) -> str:
    """DuckDB SQL over ``relation``, one scan of it: a row per column of ``names`` (by its index in it)
    that holds two distinct trimmed texts of one number (how many numbers are so written and the pair
    first in text order; else NULLs), or whose plain decimals are all Unix seconds with a point and
    include one ending its fraction in a zero (``.10``) with more fraction digits than another value
    has (``.1``: that text and the shortest-fraction one; else NULLs); no row for the others."""
    # Trimmed, and a leading U+2212 read as '-' (−1.5 and -1.50 are one number written two ways).
    trimmed = ", ".join(
        minus_read_sql(trimmed_sql(f"CAST({quote_ident(name)} AS VARCHAR)")) for name in names
    )
    indexes = ", ".join(str(index) for index in range(len(names)))
    # A fraction's trailing zeros (and then its point) dropped: 1.10 -> 1.1, 2.0 -> 2, 10 stays 10.
    stripped = "CASE WHEN contains(t, '.') THEN rtrim(rtrim(t, '0'), '.') ELSE t END"
    scale = "CASE WHEN contains(t, '.') THEN length(t) - strpos(t, '.') ELSE 0 END"
    zero = "contains(t, '.') AND suffix(t, '0')"
    # Every value's whole part Unix seconds (2001-09-09 to 2033-05-18, as an epoch column's are):
    # fractions of a second are written at one scale or shortest, never so; a counter is.
    seconds = "TRY_CAST(split_part(t, '.', 1) AS BIGINT) BETWEEN 1000000000 AND 1999999999"
    return (
        # The distinct number texts of each column, read once for both questions.
        f"WITH texts AS MATERIALIZED (SELECT DISTINCT idx, t FROM ("
        f"SELECT unnest([{indexes}]) AS idx, unnest([{trimmed}]) AS t FROM {relation}) AS cells "
        f"WHERE regexp_full_match(t, {quote_literal(CANONICAL_NUMBER_REGEX)})), "
        "merged AS (SELECT idx, count(*) AS merges, min([a, b]) AS pair FROM ("
        "SELECT idx, count(*) AS n, min(t) AS a, max(t) AS b FROM ("
        f"SELECT idx, t, {stripped} AS s FROM texts) AS stripped "
        "GROUP BY idx, s HAVING count(*) > 1) AS numbers GROUP BY idx), "
        # Ties of scale broken by the text, so the pair named is the same in every run.
        "unpadded AS (SELECT idx, arg_max(t, [lpad(sc::VARCHAR, 4, '0'), t]) FILTER (WHERE z) AS padded, "
        "arg_min(t, [lpad(sc::VARCHAR, 4, '0'), t]) AS shortest FROM ("
        f"SELECT idx, t, {scale} AS sc, {zero} AS z FROM texts) AS scaled "
        f"GROUP BY idx HAVING max(sc) FILTER (WHERE z) > min(sc) AND bool_and({seconds})) "
        "SELECT idx, merged.merges, merged.pair, unpadded.padded, unpadded.shortest "
        "FROM merged FULL OUTER JOIN unpadded USING (idx)"
    )


def merged_number_columns(src: Source, table: TableProfile) -> dict[str, str]:
    """``{column: why}`` of ``table``'s numeric columns holding two distinct texts of one number (the
    usual case: empty, and no query when no column has fraction digits)."""
    candidates = _candidates(table)
    if not candidates:
        return {}
    names = [column.name for column in candidates]
    # Number text as the profile read it: a BLOB of a number's text as that text.
    relation = src.relation_sql(table.name, reads=[ColumnRead(name, blob_numerals=True) for name in names])
    doing = "comparing the numbers' texts"
    with query_errors(src.path, table.name, doing, memory_hint="raise profile_memory_limit"):
        rows = src.connection.cursor().execute(number_texts_sql(relation, names)).fetchall()
    found: dict[str, str] = {}
    for index, merges, pair, padded, shortest in rows:
        name = names[int(index)]
        if merges is not None:
            found[name] = (
                f"{merges} {'number is' if merges == 1 else 'numbers are'} written two ways, such as "
                f"'{pair[0]}' and '{pair[1]}' (a version's 1.1 and 1.10): a number would make them one, "
                "so the column is kept as text, every value as written (set the column's type to "
                "numeric if they are amounts)"
            )
            continue
        # Seconds with a fraction are written at one scale (%.6f) or each shortest (a float's repr):
        # a fraction ending in a zero beside fewer fraction digits elsewhere is neither, but a counter
        # after the seconds (a PBX's call id 1717402500.10, the 10th channel of that second, beside
        # 1717402500.1), which a number's scale would make the same value.
        found[name] = (
            f"Unix seconds and a counter after the point, no fraction of a second: '{padded}' ends in a "
            f"zero where '{shortest}' has fewer digits (seconds' fractions are written at one scale or "
            "each shortest); a number would pad '.1' to '.10', another value, so the column is kept as "
            "text, every value as written"
        )
    return found


def keep_numbers_apart(column: ColumnProfile, why: str) -> None:
    """Make ``column`` text: cleaned as text is (trimmed, blanks and null tokens NULL), no number read.

    A column declared TEXT (a CSV import's) or with no type then holds what it claims: the profile's
    ``type_mismatch`` (numbers in a TEXT column) no longer applies, and left there it would count as
    "text where the declared type says otherwise" and could halt the run (``halt_type_mismatch_share``).
    The plain decimals compared here reach no other declared type as TEXT (SQLite's affinity stores
    them as numbers)."""
    column.inferred_type = "text"
    column.min = column.max = None  # its bounds were of its numbers; as text they are unknown
    column.type_reason = why
    drop_number_notes(column)
    if declared_family(column.declared_type) in ("text", None):
        column.issues = [issue for issue in column.issues if issue.kind != "type_mismatch"]
