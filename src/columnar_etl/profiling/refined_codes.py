"""Null tokens that other values of their column refine: codes, not NULL.

A hierarchy of codes writes a part after its whole: ISO 3166-2 names a country's subdivisions by the
country's code, a hyphen and the subdivision's own (``NA-KH``, Namibia's Khomas region; ``US-CA``),
and a column of locations holds the country's code alone where no region is known (``NA``, ``US``).
Where a column holds a null token of capitals and that very token followed by a hyphen and a code of
capitals or digits, the token is the code those values refine, not a way of writing none: a value,
as the country code ``NA`` among ``DE`` and ``FR`` is (:func:`.tokens.tokens_kept_as_values`), unless
it stands far more often than any other value (a placeholder's repeats). ``N/A`` beside
``N/A-pending`` is no such code (a mark, not capitals), nor ``NA`` beside ``NA - see notes`` (no code
after the hyphen). Before 2026-12-07 ``NA`` beside ``NA-KH`` and ``US-CA`` was read as NULL.

The tokens are found among a table's counted cells (its distinct values: ``distinct_cells_sql``'s
table) before the profile query shapes them, as the columns of marks are (:mod:`.marks`); only the
columns holding such a token are decoded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from columnar_etl.pg.identifiers import quote_literal
from columnar_etl.source.export import Source

#: A null token a code may be: ASCII capitals (its word form, :data:`.text_patterns.WORD_FORMS`).
CAPITALS = re.compile(r"[A-Z]+")
#: A code that refines another: capitals, a hyphen, a code of capitals or digits (``NA-KH``, ``JP-13``).
REFINING_REGEX = "[A-Z]+-[A-Z0-9]+"
#: A refining code is short: longer text is no code and skips the comparison.
REFINING_BYTES = 32


def refined_tokens_sql(cells: str, null_tokens: Sequence[str]) -> str | None:
    """``(idx, tokens)``: per column among the counted cells ``cells`` (``idx, cls, v, weight``:
    :func:`.distinct_values.distinct_cells_sql`), its null tokens of capitals that another of its values
    refines (see the module); None when no null token is of capitals."""
    capitals = sorted({token for token in null_tokens if CAPITALS.fullmatch(token)})
    if not capitals:
        return None
    listed = f"[{', '.join(quote_literal(token) for token in capitals)}]"
    as_bytes = ", ".join(f"{quote_literal(token)}::BLOB" for token in capitals)
    # Only the columns holding a token as written are decoded (a table's others cost one filter).
    holding = f"SELECT DISTINCT idx FROM {cells} WHERE cls = 't' AND v IN ({as_bytes})"
    # Only the cells that may trim to a token and a hyphen are decoded and trimmed (a column holding a
    # token may hold many short values: the wide bench export's, ~0.15 G instructions of Unicode
    # trimming): those whose bytes open on one (a range of BLOBs, no decoding) or on what a trim may
    # remove, an ASCII control or space or the first byte of a character past ASCII (U+00A0, U+3000).
    opening = " OR ".join(
        f"(v >= {quote_literal(token + '-')}::BLOB AND v < {quote_literal(token + '.')}::BLOB)"
        for token in capitals
    )
    decoded = (
        f"SELECT idx, trim(try(decode(v))) AS u FROM {cells} "
        f"WHERE cls = 't' AND octet_length(v) <= {REFINING_BYTES} AND idx IN ({holding}) "
        f"AND ({opening} OR v < '!'::BLOB OR v >= '\\x80'::BLOB)"
    )
    return (
        f"SELECT idx, list(DISTINCT split_part(u, '-', 1) ORDER BY split_part(u, '-', 1)) AS tokens "
        f"FROM ({decoded}) AS cells WHERE list_contains({listed}, split_part(u, '-', 1)) "
        f"AND regexp_full_match(u, {quote_literal(REFINING_REGEX)}) GROUP BY idx ORDER BY idx"
    )


def refined_token_places(src: Source, null_tokens: Sequence[str], cells: str) -> dict[int, frozenset[str]]:
    """The places of a table's columns (among the counted cells in the DuckDB table ``cells``) holding
    null tokens of capitals that other values of theirs refine, with those tokens (see the module)."""
    sql = refined_tokens_sql(cells, null_tokens)
    if sql is None:
        return {}
    cursor = src.connection.cursor()
    try:
        return {int(idx): frozenset(tokens) for idx, tokens in cursor.execute(sql).fetchall()}
    finally:
        cursor.close()
