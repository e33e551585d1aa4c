"""References that cleaning would join or part: both ends read as the cleaner reads them."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from string import ascii_lowercase, ascii_uppercase
from typing import TypeVar

import duckdb

from columnar_etl.models import ColumnProfile, TableProfile
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.inclusion import (
    AS_STORED,
    AS_STORED_NOCASE,
    NUMBER_NOCASE,
    NUMBER_TEXT,
    SQLITE_NOCASE,
    Classes,
    as_sqlite_kind,
    compared_reads,
    comparison_affinity,
    declared_kind,
    needs_classes,
    read_value,
    storage_classes,
)
from columnar_etl.profiling.merged_keys import (
    changes_values,
    cleaned_sql,
)
from columnar_etl.profiling.reference_rows import (
    ROWS_RELATION,
    Reference,
    distinct_rows_sql,
    every_row,
    in_set,
)
from columnar_etl.source.cells import ColumnRead, class_column, hex_column
from columnar_etl.source.export import Source

_Entry = TypeVar("_Entry")
_Found = TypeVar("_Found")


#: The most columns one read serves several checks with: each column is up to three of the read's
#: (its value, storage class, hex), ``grouping()`` has a bit for each in a BIGINT, and each check joins
#: its parent's keys (DuckDB reserves memory for each join: 20 references of a 60-row table in one
#: query ran out of the profile's 256 MB).
_BATCH_COLUMNS = 8
#: The most parent rows one read's checks join (each check holds its parent's keys while the child is
#: read: 8 references to 500,000 keys at once spilled to disk, twice the CPU of one at a time).
_BATCH_KEYS = 1_000_000
#: A check computes over the distinct values of its columns when they are at most this share of the
#: child's rows (by the profile's distinct counts): else grouping them costs more than it saves.
_DISTINCT_SHARE = 0.25


#: Type families PostgreSQL compares across (a join along a reference of two of one family works), by
#: the profile's inferred type: what :func:`say_joined_by_cleaning` compares once cleaned.
FAMILIES = {
    "text": "text",
    "date": "moment",
    "timestamp": "moment",
    "integer": "number",
    "numeric": "number",
    "double": "number",
    "boolean": "boolean",
}


def say_joined_by_cleaning(
    src: Source, tables: Mapping[str, TableProfile], declared: list[Reference], null_tokens: list[str]
) -> None:
    """Tell the operator where the target's join along a declared reference differs from SQLite's check
    because cleaning changed values of either end (:attr:`ColumnProfile.joined_by_cleaning`): rows
    SQLite reports as naming no row (orphans, as counted) that name one once cleaned (``'x'`` beside the
    key ``'x '``, both trimmed; the timestamp ``'2024-01-05 00:00:00'`` beside the date key
    ``'2024-01-05'``, equal in PostgreSQL), and rows naming a row in SQLite that no longer do (a
    value read as NULL, or as another date). Run after the columns loaded as written are known (they
    change nothing). Each reference (a composite one's rows whole, said on its first column, where its
    orphans are) each part of whose ends are of one family of types (text, moments, numbers, booleans:
    PostgreSQL compares them) and one of which cleaning changes is counted, all of a child table's in
    one query (:func:`_joined_by_cleaning`); a ``COLLATE NOCASE`` key's values compared folded (case is
    SQLite's collation, not cleaning)."""
    classes = storage_classes(tables, as_stored=True)
    compared: dict[str, list[tuple[int, Reference, list[_CleaningPart]]]] = {}
    for number, reference in enumerate(declared):
        parts = _cleaning_parts(tables, reference, classes)
        if parts is not None and any(part.changed for part in parts):
            compared.setdefault(reference.child, []).append((number, reference, parts))
    counts: dict[int, tuple[int, int]] = {}
    for child_table, ends in compared.items():
        counts.update(_joined_by_cleaning(src, tables, child_table, ends, null_tokens, classes))
    # Said in the references' order, as each was counted before (a later one on a column wins).
    for number, reference, parts in sorted(
        (end for ends in compared.values() for end in ends), key=lambda end: end[0]
    ):
        joined, lost = counts[number]
        if not joined and not lost:
            continue
        if len(parts) == 1:
            named = f"{reference.parent}.{parts[0].key}"
        else:
            named = f"{reference.parent}({', '.join(reference.parent_columns)})"
        merged = any(part.merged for part in parts)
        said = []
        if joined:
            how = (
                "loaded as text (a number there is its text, which SQLite's key of no affinity keeps apart "
                "from the text: REAL 1.5 and '1.5')"
                if merged
                else "cleaned (trimmed, read as a date or number)"
            )
            said.append(
                f"{joined:,} row{'s' if joined > 1 else ''} SQLite's foreign_key_check reports as naming no "
                f"row of {named} (counted as orphans) name{'s' if joined == 1 else ''} one once {how}: "
                "the target joins them"
            )
        if lost:
            said.append(
                f"{lost:,} row{'s' if lost > 1 else ''} naming a row of {named} in SQLite name"
                f"{'s' if lost == 1 else ''} none once cleaned (a value read as NULL, or read otherwise "
                "than its key): the target's join loses them"
            )
        end = tables[reference.child][reference.columns[0]]
        end.joined_by_cleaning = "; ".join(said)
        end.notes.append(
            f"cleaning changes the join along the reference to {named}: {end.joined_by_cleaning}"
        )


def _joined_by_cleaning(
    src: Source,
    tables: Mapping[str, TableProfile],
    child: str,
    ends: list[tuple[int, Reference, list[_CleaningPart]]],
    null_tokens: list[str],
    classes: Classes,
) -> dict[int, tuple[int, int]]:
    """For the declared references of ``child`` (numbered, with their parts), the rows SQLite reports as
    orphans that the target joins once cleaned, and those SQLite joins that it loses (see
    :func:`say_joined_by_cleaning`), by number. One read of ``child`` for all of them
    (:func:`read_in_batches`: unless two read a column otherwise), each parent's values once per reference."""

    def columns(entry: tuple[int, Reference, list[_CleaningPart]]) -> list[_Cleaned]:
        return [(part.column, tables[child][part.column], part.kind, part.folded) for part in entry[2]]

    found: dict[int, tuple[int, int]] = {}
    for by_values, batch in read_in_batches(
        ends,
        lambda entry: _cleaned_reads(child, columns(entry), classes)[0],
        lambda entry: tables[entry[1].parent].row_count,
        lambda entry: few_values(tables[child], [part.column for part in entry[2]]),
    ):
        read: list[_Cleaned] = []
        parents, joins, counted = [], [], []
        for n, (number, reference, parts) in enumerate(batch):
            at = range(len(read), len(read) + len(parts))
            read += columns((number, reference, parts))
            keys = [(part.key, tables[reference.parent][part.key], part.kind, part.folded) for part in parts]
            mine = range(len(parts))

            def every(column: str, indexes: range = mine) -> str:
                return " AND ".join(f"{column}{i} IS NOT NULL" for i in indexes)

            def equal(right: str, column: str, n: int = n, at: range = at) -> str:
                return " AND ".join(f"{right}{n}.{column}{i} = c.{column}{j}" for i, j in enumerate(at))

            parents += [
                f"p{n} AS MATERIALIZED (SELECT * FROM "
                f"{_cleaned_relation(src, reference.parent, keys, null_tokens, classes)})",
                f"ps{n} AS (SELECT DISTINCT {', '.join(f's{i}' for i in mine)}, true AS found FROM p{n} "
                f"WHERE {every('s')})",
                f"pd{n} AS (SELECT DISTINCT {', '.join(f'd{i}' for i in mine)}, true AS found FROM p{n} "
                f"WHERE {every('d')})",
            ]
            joins.append(f"LEFT JOIN ps{n} ON {equal('ps', 's')} LEFT JOIN pd{n} ON {equal('pd', 'd')}")
            present = " AND ".join([f"c.{in_set(n)}", *(f"c.s{j} IS NOT NULL" for j in at)])
            counted.append(
                f"coalesce(sum(c.{ROWS_RELATION}) FILTER (WHERE {present} AND ps{n}.found IS NULL "
                f"AND pd{n}.found), 0), coalesce(sum(c.{ROWS_RELATION}) FILTER (WHERE {present} "
                f"AND ps{n}.found AND pd{n}.found IS NULL), 0)"
            )
        sets = [[part.column for part in parts] for _, _, parts in batch]
        relation = _cleaned_relation(src, child, read, null_tokens, classes, sets=sets, by_values=by_values)
        sql = (
            f"WITH c AS (SELECT * FROM {relation}), {', '.join(parents)} "
            f"SELECT {', '.join(counted)} FROM c {' '.join(joins)}"
        )
        row = src.connection.cursor().execute(sql).fetchone()
        for n, (number, _, _) in enumerate(batch):
            found[number] = (int(row[2 * n]), int(row[2 * n + 1])) if row is not None else (0, 0)
    return found


@dataclass(frozen=True)
class _CleaningPart:
    """One column pair of a declared reference as :func:`say_joined_by_cleaning` compares it: the kind
    SQLite's check compares it as, whether ASCII case is ``folded``, whether one end's numbers meet the
    other's text once both are loaded as text (``merged``), and whether the target may join it
    otherwise than SQLite (``changed``: that, or cleaning changes values of an end)."""

    column: str
    key: str
    kind: str
    folded: bool
    merged: bool
    changed: bool


def _cleaning_parts(
    tables: Mapping[str, TableProfile], reference: Reference, classes: Classes
) -> list[_CleaningPart] | None:
    """The parts of ``reference`` (:class:`_CleaningPart`), None when a part cannot be compared so: a
    table or column not profiled, ends of two families of types, a BLOB (but for one read as the
    numeral it spells, ``ColumnProfile.blob_numerals``: ``classes`` count it as the BLOB SQLite
    compares, the cleaned value is its text read as a number), epoch numbers."""
    child, parent = tables.get(reference.child), tables.get(reference.parent)
    if child is None or parent is None:
        return None
    parts = []
    collations: tuple[str | None, ...] = reference.collations or tuple(None for _ in reference.columns)
    for column, key, collation in zip(reference.columns, reference.parent_columns, collations, strict=True):
        if column not in child.columns or key not in parent.columns:
            return None
        end, target = child[column], parent[key]
        family = FAMILIES.get(end.inferred_type)
        if family is None or family != FAMILIES.get(target.inferred_type):
            return None
        if any(
            classes.get(place, {}).get("blob", 0) > profile.blob_numerals
            for place, profile in (((reference.child, column), end), ((reference.parent, key), target))
        ):
            return None  # bytes: a BLOB that is no numeral is loaded as bytes, equal to no number
        if family == "moment" and (isinstance(end.min, int) or isinstance(target.min, int)):
            return None  # epoch numbers: their units are each column's
        kind = as_sqlite_kind(
            declared_kind(end, target, collation, comparison_affinity(reference, key)), target, collation
        )
        # A key of no affinity keeps a number and a text apart (the REAL 1.5 and '1.5'); loaded as text,
        # both ends' numbers are their text, and the target joins them: cleaning or not, as written too.
        merged = kind in (AS_STORED, AS_STORED_NOCASE) and family == "text" and _meet_as_text(end, target)
        cleaned = end.as_written is None and target.as_written is None
        # A BLOB numeral (rule blob_numeral) is a BLOB to SQLite's check, the number it spells once cleaned.
        numerals = bool(end.blob_numerals or target.blob_numerals)
        changed = merged or (cleaned and (numerals or changes_values(end) or changes_values(target)))
        folded = kind in (SQLITE_NOCASE, AS_STORED_NOCASE, NUMBER_NOCASE)
        parts.append(_CleaningPart(column, key, kind, folded, merged, changed))
    return parts


def _meet_as_text(end: ColumnProfile, target: ColumnProfile) -> bool:
    """Whether one of two ends holds numbers (INTEGER or REAL cells) and the other TEXT cells: loaded
    as text, a number and its text are one value there, where a key of no affinity keeps them apart."""

    def numbers(column: ColumnProfile) -> int:
        return column.storage_classes.get("integer", 0) + column.storage_classes.get("real", 0)

    texts = (end.storage_classes.get("text", 0), target.storage_classes.get("text", 0))
    return bool((numbers(end) and texts[1]) or (texts[0] and numbers(target)))


def _sqlite_real_text(value: str) -> str:
    """SQL: a double (``value``, text reading back as it) as SQLite writes a REAL as text
    (``%!.15g``: 15 significant digits, a decimal point always: ``1.0``, ``1.0e+20``, ``0.3``), what
    a REAL cell is in a column loaded as text."""
    text = f"printf('%.15g', CAST({value} AS DOUBLE))"
    return (
        f"CASE WHEN NOT isfinite(CAST({value} AS DOUBLE)) THEN {value} "
        f"WHEN contains({text}, '.') THEN {text} "
        f"WHEN contains({text}, 'e') THEN replace({text}, 'e', '.0e') ELSE {text} || '.0' END"
    )


#: One column of a relation :func:`_cleaned_relation` reads: (column, its profile, the kind compared,
#: whether ASCII case is folded).
_Cleaned = tuple[str, ColumnProfile, str, bool]


def _cleaned_reads(
    table: str, columns: list[_Cleaned], classes: Classes
) -> tuple[list[ColumnRead], set[str], list[bool]]:
    """How :func:`_cleaned_relation` reads ``table`` for ``columns``: the reads, the columns read with
    their cells' storage classes, and for each of ``columns`` whether its REAL cells are loaded as
    SQLite's text of them (a REAL compared by number is read with all its digits)."""
    classed = set()
    texts = []
    for column, profile, kind, _ in columns:
        exact = kind in (NUMBER_TEXT, NUMBER_NOCASE, AS_STORED, AS_STORED_NOCASE)
        exact_reals = exact and profile.inferred_type == "text" and bool(profile.storage_classes.get("real"))
        if exact_reals or needs_classes(kind, classes.get((table, column), {})):
            classed.add(column)
        texts.append(exact_reals)
    reads = compared_reads(table, [(column, kind) for column, _, kind, _ in columns], classed, classes)
    return reads, classed, texts


def _cleaned_relation(
    src: Source,
    table: str,
    columns: list[_Cleaned],
    null_tokens: list[str],
    classes: Classes,
    *,
    sets: list[list[str]] | None = None,
    by_values: bool = True,
) -> str:
    """A DuckDB relation of ``table``'s rows, for each of ``columns`` (column, its profile, the kind
    compared, whether ASCII case is folded) at ``i``: ``s{i}``, its value as SQLite's check compares it
    (the kind), ``d{i}``, as cleaning makes it (:func:`.merged_keys.cleaned_sql`; folded), or as written where
    the column is loaded as written; a number in a column loaded as text is its text. ``sets``: of the
    distinct values of each set of columns, with their counts (:func:`.reference_rows.distinct_rows_sql`;
    ``by_values`` false: every row, :func:`.reference_rows.every_row`)."""
    reads, classed, texts = _cleaned_reads(table, columns, classes)
    place = {read.name: index for index, read in enumerate(reads)}
    selected = []
    for i, (column, profile, kind, folded) in enumerate(columns):
        text = f"CAST({quote_ident(column)} AS VARCHAR)"
        if texts[i]:
            real = _sqlite_real_text(text)
            text = f"CASE WHEN {quote_ident(class_column(place[column]))} = 'r' THEN {real} ELSE {text} END"
        if profile.blob_numerals and column in classed:
            # Cleaned, a BLOB numeral is the text its ASCII bytes spell (rule blob_numeral), read so.
            spelled = f"decode(unhex({quote_ident(hex_column(place[column]))}))"
            stored = quote_ident(class_column(place[column]))
            text = f"CASE WHEN {stored} = 'b' THEN {spelled} ELSE {text} END"
        cleaned = text if profile.as_written is not None else cleaned_sql(profile, text, null_tokens)
        if folded:
            cleaned = f"translate({cleaned}, '{ascii_uppercase}', '{ascii_lowercase}')"
        compared = read_value(table, column, kind, place[column], classes, column in classed)
        selected.append(f"{compared} AS s{i}, {cleaned} AS d{i}")
    relation = src.relation_sql(table, reads=reads)
    if sets is not None:
        selected += [ROWS_RELATION, *(in_set(n) for n in range(len(sets)))]
        relation = distinct_rows_sql(relation, reads, sets) if by_values else every_row(relation, sets)
    return f"(SELECT {', '.join(selected)} FROM {relation})"


def relation_reads(table: str, wanted: list[tuple[str, str]], classes: Classes) -> list[ColumnRead]:
    """How :func:`compared_relation` reads ``table``'s columns for ``wanted`` ((column, kind) pairs)."""
    classed = {c for c, kind in wanted if needs_classes(kind, classes.get((table, c), {}))}
    return compared_reads(table, wanted, classed, classes)


#: Checks of child tables of at most this many rows run side by side (:func:`run_side_by_side`).
SIDE_BY_SIDE_ROWS = 100_000


def run_side_by_side(
    items: Sequence[_Entry], rows: Callable[[_Entry], int], work: Callable[[_Entry], _Found]
) -> list[_Found]:
    """``work`` of each of ``items`` (each a query of its own on a child table of ``rows``), in order.

    Those of small tables (at most :data:`SIDE_BY_SIDE_ROWS` rows) run side by side, one thread per
    core: such a query's cost is mostly planning it, on one core (PROJ's proj.db: 28 tables' composite
    orphans, 1.2 s one after another). Each join of a query reserves memory: one that runs out of it
    beside the others runs again once they are done, alone, as the others than small ones do."""
    cores = os.cpu_count() or 1
    small = [index for index, item in enumerate(items) if rows(item) <= SIDE_BY_SIDE_ROWS]
    found: dict[int, _Found] = {}
    if cores > 1 and len(small) > 1:

        def attempt(index: int) -> tuple[int, _Found] | None:
            try:
                return index, work(items[index])
            except duckdb.OutOfMemoryException:
                return None

        with ThreadPoolExecutor(max_workers=cores, thread_name_prefix="references") as pool:
            found.update(done for done in pool.map(attempt, small) if done is not None)
    return [found[index] if index in found else work(item) for index, item in enumerate(items)]


def read_in_batches(
    entries: list[_Entry],
    reads: Callable[[_Entry], list[ColumnRead]],
    keys: Callable[[_Entry], int],
    distinct: Callable[[_Entry], bool],
) -> list[tuple[bool, list[_Entry]]]:
    """``entries`` of one table (each needing its ``reads`` of it, joining ``keys`` parent rows) in
    batches one read of the table serves, in their order: each column read alike by all of a batch's
    entries (one compares it as text, another casts it to a number: each in its own batch, read as it
    would be alone), at most :data:`_BATCH_COLUMNS` columns and :data:`_BATCH_KEYS` parent rows to a
    batch of several entries; and whether the batch's checks compute over distinct values
    (:func:`.reference_rows.distinct_rows_sql`), as ``distinct`` says of each of its entries."""
    batches: list[tuple[bool, dict[str, ColumnRead], list[int], list[_Entry]]] = []
    for entry in entries:
        needed = {read.name: read for read in reads(entry)}
        grouped, joined = distinct(entry), keys(entry)
        for by_values, held, weight, members in batches:
            if by_values != grouped or len(held.keys() | needed.keys()) > _BATCH_COLUMNS:
                continue
            if weight[0] + joined > _BATCH_KEYS:
                continue
            if all(held.get(name, read) == read for name, read in needed.items()):
                held.update(needed)
                weight[0] += joined
                members.append(entry)
                break
        else:
            batches.append((grouped, needed, [joined], [entry]))
    return [(by_values, members) for by_values, _, _, members in batches]


def few_values(table: TableProfile, columns: list[str]) -> bool:
    """Whether ``columns`` of ``table`` hold few distinct values together (:data:`_DISTINCT_SHARE` of
    its rows at most, bounded by the product of each one's distinct count): worth a check's grouping."""
    bound = 1
    for column in columns:
        bound *= max(1, table[column].distinct_count if column in table.columns else table.row_count)
        if bound > table.row_count:
            return False
    return bound <= _DISTINCT_SHARE * table.row_count


def compared_relation(
    src: Source,
    table: str,
    wanted: list[tuple[str, str]],
    classes: Classes,
    *,
    sets: list[list[str]] | None = None,
    by_values: bool = True,
) -> str:
    """A DuckDB relation of ``table``'s rows, column ``c{i}`` the compared value
    (:func:`.inclusion.compared_value`) of ``wanted[i]`` (column, kind), each column read as
    :func:`.inclusion.inclusion_sql` reads it. ``sets``: of the distinct values of each set of columns, with
    their counts (:func:`.reference_rows.distinct_rows_sql`; ``by_values`` false: every row,
    :func:`.reference_rows.every_row`)."""
    kinds = dict(wanted)
    classed = {c for c, kind in wanted if needs_classes(kind, classes.get((table, c), {}))}
    reads = relation_reads(table, wanted, classes)
    place = {c: index for index, c in enumerate(kinds)}
    selected = ", ".join(
        f"{read_value(table, c, kind, place[c], classes, c in classed)} AS c{i}"
        for i, (c, kind) in enumerate(wanted)
    )
    relation = src.relation_sql(table, reads=reads)
    if sets is not None:
        flags = "".join(f", {in_set(n)}" for n in range(len(sets)))
        rows = distinct_rows_sql(relation, reads, sets) if by_values else every_row(relation, sets)
        return f"(SELECT {selected}, {ROWS_RELATION}{flags} FROM {rows})"
    return f"(SELECT {selected} FROM {relation})"
