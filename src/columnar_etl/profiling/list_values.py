"""Columns of lists: text whose values are items joined by one separator, in a varying number
(``GSM1,GSM2,GSM7``), which names no row (:func:`mark_list_columns`; since 2026-12-07).

A list of other rows' identifiers is no row's identity: two rows may list the same members (two
subsets of a data set of two kinds), and distinct on every row today it is no key the next export
keeps. Such a column is no key found in the data (:func:`.data_keys.key_candidates`); another unique
column, or none, is the table's key. Only the columns that could be that key are read, each once,
with one query per table (:func:`list_shapes_sql`): text of one storage class, present, unpadded and
distinct on every row, of a key's length, not named as the table's own identifier.

A value is a list when it is two or more *items* joined by one separator: a comma, a semicolon or a
pipe (spaces around it allowed: ``a, b``, ``a;\\tb``), each item a run of letters, digits and
``_ . : + # @ -`` (no space, no slash, no quote: no prose ``Hello, world and you``, no path or URL);
or spaces, each item an identifier of letters then digits (``GSM1 GSM2``; not words, ``Big Data``,
versions, ``v1.0 beta2``, nor numbers or dates, ``2025-05-20 08:42``). A column holds lists when
every value is one of its items alone (a list of one: ``GSM1`` beside ``GSM1,GSM2``) or a list of one
separator, at least half of them lists, and their numbers of items vary: a pair in every row (``Doe, John``,
``3,14``, ``12,5``, ``Plate1 A01``) is one value of two parts, a composite code a key may be, not a
list."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from columnar_etl.models import ColumnProfile, TableProfile
from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.profiling.data_keys import key_like, key_name_rank, stored_classes
from columnar_etl.source.cells import ColumnRead
from columnar_etl.source.duckdb_reader import query_errors
from columnar_etl.source.export import Source

#: One item of a list joined by a comma, a semicolon or a pipe (RE2): letters, digits, ``_ . : + # @ -``.
ITEM_REGEX = r"[\pL\pN_.:+#@-]+"
#: One item of a list joined by spaces (RE2): an accession-like identifier, letters then digits
#: (``GSM1``, ``SRR12``, ``rs_7``): of one shape, as words and versions (``v1.0 beta2``) are not.
SPACED_ITEM_REGEX = r"\pL+[_-]?\pN+"
#: The separators a list is joined by, in the order a value is tried (first match wins), by the name a
#: note says: each with its RE2 pattern between two items.
SEPARATORS: tuple[tuple[str, str], ...] = (
    ("comma", r"\s*,\s*"),
    ("semicolon", r"\s*;\s*"),
    ("pipe", r"\s*\|\s*"),
    ("space", r"\s+"),
)


#: What an item, or a list, may look like in Python's ``re``: wider than :data:`ITEM_REGEX` and
#: :data:`SPACED_ITEM_REGEX` (``\w`` holds every letter and digit), to rule a column out by its bounds
#: alone (:func:`could_be_lists`), never one the query would find.
_MAYBE_ITEM = r"[\w.:+#@-]+"
_MAYBE_SPACED_ITEM = r"[^\W\d_][\w.:-]*"  # a letter first
_MAYBE_LIST = re.compile(
    rf"{_MAYBE_ITEM}(?:\s*[,;|]\s*{_MAYBE_ITEM})*|{_MAYBE_SPACED_ITEM}(?:\s+{_MAYBE_SPACED_ITEM})+"
)


def could_be_lists(column: ColumnProfile) -> bool:
    """May ``column``'s values be lists, by its lowest and highest value (the profile's bounds)? Each
    must be an item or a list (:data:`_MAYBE_LIST`, wider than the query's shapes): a column of text
    ruled out so (a label ``subset 12``) is not read (the bounds unknown, it is)."""
    bounds = [bound for bound in (column.min, column.max) if bound is not None]
    return all(isinstance(bound, str) and could_be_list(bound) for bound in bounds)


def could_be_list(value: str) -> bool:
    """May ``value`` be an item alone or a list (:data:`_MAYBE_LIST`: every value the query shapes
    as one is, and a few more)?"""
    return _MAYBE_LIST.fullmatch(value) is not None


#: The one character each separator but spaces is (what its items are counted by).
SEPARATOR_CHARACTERS = {"comma": ",", "semicolon": ";", "pipe": "|"}


def list_regex(separator: str) -> str:
    """The RE2 pattern of a whole value that is a list of two or more items joined by ``separator``
    (one of :data:`SEPARATORS`' names)."""
    between = dict(SEPARATORS)[separator]
    item = SPACED_ITEM_REGEX if separator == "space" else ITEM_REGEX
    return f"{item}(?:{between}{item})+"


def list_shapes_sql(relation: str, columns: Sequence[str]) -> str:
    """DuckDB: per column of ``relation`` (its index in ``columns``) and shape — ``0`` one item alone,
    ``k`` a list joined by the k-th of :data:`SEPARATORS`, NULL anything else — the values so shaped and
    their fewest and most items: rows ``(idx, shape, cells, low, high)``. Its NULLs are not counted."""
    shape = " ".join(
        f"WHEN regexp_full_match(v, {quote_literal(list_regex(name))}) THEN {k}"
        for k, (name, _) in enumerate(SEPARATORS, start=1)
    )
    shape = f"CASE WHEN regexp_full_match(v, {quote_literal(ITEM_REGEX)}) THEN 0 {shape} END"
    # Items: one more than the separators (their spaces are part of a separator, never an item's); a
    # one-character separator's are counted, not split on (a split is most of the query's cost).
    items = " ".join(
        f"WHEN {k} THEN strlen(v) - strlen(replace(v, {quote_literal(character)}, '')) + 1"
        if (character := SEPARATOR_CHARACTERS.get(name))
        else f"WHEN {k} THEN len(regexp_split_to_array(v, {quote_literal(between)}))"
        for k, (name, between) in enumerate(SEPARATORS, start=1)
    )
    if len(columns) == 1:
        cells = f"SELECT 0 AS idx, {quote_ident(columns[0])} AS v FROM ({relation}) AS cells"
    else:
        indexes = ", ".join(str(i) for i in range(len(columns)))
        values = ", ".join(quote_ident(name) for name in columns)
        cells = f"SELECT unnest([{indexes}]) AS idx, unnest([{values}]) AS v FROM ({relation}) AS cells"
    shaped = f"SELECT idx, v, {shape} AS shape FROM ({cells}) AS unnested WHERE v IS NOT NULL"
    counted = f"SELECT idx, shape, CASE shape WHEN 0 THEN 1 {items} END AS items FROM ({shaped}) AS shaped"
    return (
        "SELECT idx, shape, count(*) AS cells, min(items) AS low, max(items) AS high "
        f"FROM ({counted}) AS counted GROUP BY idx, shape"
    )


@dataclass(frozen=True)
class ListShape:
    """How one column's values are shaped (:func:`list_shapes_sql`): per shape (``0`` one item,
    ``k`` the k-th separator, None anything else) its values and their fewest and most items."""

    shapes: dict[int | None, tuple[int, int, int]]

    def separator(self) -> str | None:
        """The name of the separator the column's values are lists of (:data:`SEPARATORS`), or None:
        every value an item alone or a list of that one separator, at least half of them lists, their
        numbers of items varying (the module's rule)."""
        joined = {shape: figures for shape, figures in self.shapes.items() if shape}
        if None in self.shapes or not joined:
            return None
        if len(joined) > 1:
            return None  # commas in some values, semicolons in others: no one separator
        ((shape, (lists, low, high)),) = joined.items()
        alone = self.shapes.get(0, (0, 1, 1))[0]
        if 2 * lists < lists + alone:
            return None  # a value or two of two parts among single ones: a stray, not a list column
        if not alone and low == high:
            return None  # as many parts in every value: one value of parts (a pair), no list
        return SEPARATORS[shape - 1][0]


def list_candidates(table: TableProfile, copies: int = 0) -> list[str]:
    """The columns of ``table`` whose values may make it a key found in the data were they no lists
    (:func:`.data_keys.data_key`): text cells alone, none NULL, blank, a null token, padded or
    invalid, distinct on each of the rows but ``copies``, of a key's length (:func:`.data_keys.key_like`),
    not named as the table's own identifier (:func:`.data_keys.key_name_rank` 0: its name says it
    names the row, lists or not: a materialized path ``1,4,9``, a composite code), not yet read."""
    rows = table.row_count - copies
    if table.sampled_rows is not None or rows < 2:
        return []
    return [
        column.name
        for column in table
        if column.inferred_type == "text"
        and column.list_separator is None
        and stored_classes(column) == ["text"]
        and not (
            column.null_count
            + column.empty_string_count
            + column.null_like_count
            + column.whitespace_padded_count
            + column.invalid_count
        )
        and column.distinct_count == rows
        and key_like(column, table)
        and key_name_rank(column.name, table.name) != 0
    ]


def mark_list_columns(src: Source, table: TableProfile, copies: int = 0) -> list[str]:
    """Set :attr:`.ColumnProfile.list_separator` of each of ``table``'s :func:`list_candidates` whose
    values are lists (the module's rule), with a note saying why it is no key; the columns so marked.
    One query of the candidates alone (none when there is none)."""
    names = [name for name in list_candidates(table, copies) if could_be_lists(table[name])]
    if not names:
        return []
    relation = src.relation_sql(table.name, reads=[ColumnRead(name) for name in names])
    with query_errors(src.path, table.name, "reading lists", memory_hint="raise profile_memory_limit"):
        rows = src.connection.cursor().execute(list_shapes_sql(relation, names)).fetchall()
    shapes: dict[int, dict[int | None, tuple[int, int, int]]] = {}
    for idx, shape, cells, low, high in rows:
        shapes.setdefault(int(idx), {})[shape] = (int(cells), int(low or 1), int(high or 1))
    marked = []
    for idx, name in enumerate(names):
        separator = ListShape(shapes.get(idx, {})).separator()
        if separator is None:
            continue
        column = table[name]
        column.list_separator = separator
        lists = shapes[idx]
        low = min(figures[1] for figures in lists.values())
        high = max(figures[2] for figures in lists.values())
        column.notes.append(
            f"distinct on every row, but its values are {separator}-joined lists ({low} to {high} "
            "items): a list of other rows' identifiers names no row, so it is no key found in the data"
        )
        marked.append(name)
    return marked
