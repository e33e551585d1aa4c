"""References whose two ends are typed or written differently: joined by number or as text."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from columnar_etl.models import ColumnProfile, Issue, TableProfile
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.cleaning_joins import FAMILIES, few_values, read_in_batches, run_side_by_side
from columnar_etl.profiling.inclusion import (
    NUMBER_KINDS,
    NUMBER_SHAPE,
    NUMBER_TEXT,
    Pair,
    as_sqlite_kind,
    compared_value,
    comparison_affinity,
    declared_kind,
    integers_alone,
    measure,
    record_inclusion,
    storage_classes,
)
from columnar_etl.profiling.merged_keys import (
    keep_as_written,
)
from columnar_etl.profiling.orphans import composite_orphans, held_parents, parent_of, parent_rows_sql
from columnar_etl.profiling.profile_codes import EXAMPLES
from columnar_etl.profiling.reference_rows import (
    ROWS_RELATION,
    KeptValues,
    Reference,
    distinct_rows_sql,
    every_row,
    in_set,
    smallest_rows,
)
from columnar_etl.source.cells import ColumnRead
from columnar_etl.source.export import Source
from columnar_etl.wording import agree, such_as


@dataclass(frozen=True)
class ByNumber:
    """Text of a declared reference's column that names its key only by number (``'007'`` for 7):
    ``rows`` of it, a few ``examples`` as written (trimmed)."""

    rows: int
    examples: tuple[str, ...]
    #: Whether some of them are written with a fraction or an exponent (``7.0``, ``7e0``): a bigint
    #: would not read those, a numeric does.
    fractions: bool = False
    #: Whether a value of the column written with a fraction or an exponent has more than 15
    #: significant digits or lies past 2^53 (``'9007199254740993.0'``): SQLite reads it as a double
    #: (9007199254740992), a numeric exactly; only a cast through a double joins it as SQLite does.
    long_fractions: bool = False
    #: Whether a value of the column written as an integer lies past 2^53 (``'9007199254740995'``):
    #: SQLite keeps it exact beside a REAL key, a double would round it.
    long_integers: bool = False


def references_joined_by_number(
    src: Source, tables: Mapping[str, TableProfile], declared: list[Reference]
) -> dict[tuple[str, str, str, str], ByNumber]:
    """(child, column, parent, key) → its text values that match a key of numeric affinity only as
    numbers, as SQLite matches them (``'007'``, ``'+7'``, ``'7.0'`` the key 7). Loaded as written (the
    leading zeros are the rule's to keep), no text equals the key's: a join needs a cast. One query
    per child table, for all its such columns (a text column declared to reference a key of numbers:
    rare), none where the storage classes show nothing can be found (:func:`_may_join_by_number`)."""
    wanted: dict[str, list[tuple[Reference, str, str]]] = {}
    for reference, child, parent, column, key in _column_pairs(tables, declared):
        if child[column].inferred_type != "text":
            continue  # a number of the same value compares equal in PostgreSQL too
        affinity = comparison_affinity(reference, key)
        if declared_kind(child[column], parent[key], None, affinity) not in NUMBER_KINDS:
            continue
        # A sampled profile's storage classes are the sample's: they rule nothing out.
        sampled = child.sampled_rows is not None or parent.sampled_rows is not None
        if sampled or _may_join_by_number(child[column], parent[key]):
            wanted.setdefault(reference.child, []).append((reference, column, key))
    found: dict[tuple[str, str, str, str], ByNumber] = {}
    batches = [
        (child_table, batch)
        for child_table, all_ends in wanted.items()
        for batch in read_in_batches(
            all_ends,
            lambda end: [ColumnRead(end[1])],
            lambda end: tables[end[0].parent].row_count,
            lambda end: few_values(tables[end[0].child], [end[1]]),
        )
    ]
    keys = [(reference.parent, key) for _, (_, ends) in batches for reference, _, key in ends]
    with held_parents(src, keys, lambda parent: _number_keys_sql(src, *parent)) as held:
        for each in run_side_by_side(
            batches,
            lambda batch: tables[batch[0]].row_count,
            lambda batch: _by_number(src, batch[0], batch[1][0], batch[1][1], held),
        ):
            found.update(each)
    return found


def _number_keys_sql(src: Source, parent: str, key: str) -> str:
    """DuckDB: the values of ``parent``'s ``key`` as a key of numbers compares them
    (:data:`.inclusion.NUMBER_TEXT`), what :func:`_by_number` looks a child's values up in."""
    keys = compared_value(f"CAST({quote_ident(key)} AS VARCHAR)", NUMBER_TEXT)
    return f"(SELECT {keys} FROM {src.relation_sql(parent, reads=[ColumnRead(key)])})"


def _by_number(
    src: Source,
    child_table: str,
    by_values: bool,
    ends: list[tuple[Reference, str, str]],
    held: Mapping[tuple[str, str], str],
) -> dict[tuple[str, str, str, str], ByNumber]:
    """:func:`references_joined_by_number` of one read of ``child_table`` (a batch of its ``ends``: reference,
    column, key; ``by_values``: over distinct values), the parents' keys (:func:`_number_keys_sql`)
    ``held`` by (parent, key)."""
    found: dict[tuple[str, str, str, str], ByNumber] = {}
    columns = list(dict.fromkeys(column for _, column, _ in ends))
    place = {column: index for index, column in enumerate(columns)}
    read = ", ".join(
        f"{compared_value(text, 'text')} AS t{i}, {compared_value(text, NUMBER_TEXT)} AS v{i}"
        for i, text in ((place[c], f"CAST({quote_ident(c)} AS VARCHAR)") for c in columns)
    )
    shapes = ", ".join(
        f"t{i}, regexp_full_match(t{i}, '[+-]?[0-9]+') AS whole{i}, "
        f"regexp_full_match(t{i}, '{NUMBER_SHAPE}') AS number{i}"
        for i in range(len(columns))
    )
    hits, counted = [], []
    for n, (reference, column, key) in enumerate(ends):
        i = place[column]
        hits.append(
            f"{in_set(n)} AND v{i} <> t{i} AND NOT starts_with(v{i}, '=') "
            f"AND v{i} IN (SELECT * FROM {held[(reference.parent, key)]}) AS hit{n}"
        )
        # Significant digits of a number's text: its mantissa's digits, leading and trailing zeros
        # aside.
        digits = f"length(trim(regexp_replace(regexp_replace(t{i}, '[eE].*$', ''), '[^0-9]', '', 'g'), '0'))"
        past = f"abs(try_cast(t{i} AS DOUBLE)) >= {2**53}"
        counted.append(
            f"coalesce(sum({ROWS_RELATION}) FILTER (WHERE hit{n}), 0), "
            f"min({{'v': t{i}, 'n': {ROWS_RELATION}}}, {EXAMPLES}) FILTER (WHERE hit{n}), "
            f"bool_or(hit{n} AND NOT whole{i}), "
            f"bool_or({in_set(n)} AND number{i} AND NOT whole{i} AND ({digits} > 15 OR {past})), "
            f"bool_or({in_set(n)} AND whole{i} AND {past})"
        )
    reads = [ColumnRead(c) for c in columns]
    child_rows, sets = src.relation_sql(child_table, reads=reads), [[column] for _, column, _ in ends]
    relation = distinct_rows_sql(child_rows, reads, sets) if by_values else every_row(child_rows, sets)
    flags = ", ".join(in_set(n) for n in range(len(ends)))
    sql = (
        f"SELECT {', '.join(counted)} FROM (SELECT {shapes}, {ROWS_RELATION}, {flags}, {', '.join(hits)} "
        f"FROM (SELECT {read}, {ROWS_RELATION}, {flags} FROM {relation}))"
    )
    row = src.connection.cursor().execute(sql).fetchone()
    for n, (reference, column, key) in enumerate(ends):
        counts: tuple[Any, ...] = row[5 * n : 5 * n + 5] if row is not None else (0, None, 0, 0, 0)
        hits_n, examples, fractions, long_fractions, long_integers = counts
        if hits_n:
            found[(reference.child, column, reference.parent, key)] = ByNumber(
                int(hits_n),
                smallest_rows(examples),
                bool(fractions),
                bool(long_fractions),
                bool(long_integers),
            )
    return found


def _may_join_by_number(child: ColumnProfile, key: ColumnProfile) -> bool:
    """Whether text of ``child`` may name a key of numeric affinity (``key``) only as a number, by the
    storage classes alone: the key must hold a number (SQLite's numeric affinity stores no TEXT that
    reads as one: ``' 7'`` and ``'7.0'`` are stored as the INTEGER 7, so a key of TEXT cells alone has
    none), and the child a cell whose text may not be the number's own (not INTEGER cells alone).
    Counted in the whole table (not a sample)."""
    numbers = key.storage_classes.get("integer", 0) + key.storage_classes.get("real", 0)
    return bool(numbers) and not integers_alone(child)


def _column_pairs(
    tables: Mapping[str, TableProfile], declared: list[Reference]
) -> Iterator[tuple[Reference, TableProfile, TableProfile, str, str]]:
    """Each declared reference's (child column, key) pairs whose two tables and columns were profiled:
    (reference, child table, parent table, column, key)."""
    for reference in declared:
        child, parent = tables.get(reference.child), tables.get(reference.parent)
        if child is None or parent is None:
            continue
        for column, key in zip(reference.columns, reference.parent_columns, strict=True):
            if column in child.columns and key in parent.columns:
                yield reference, child, parent, column, key


def say_joined_by_number(
    tables: Mapping[str, TableProfile], found: Mapping[tuple[str, str, str, str], ByNumber]
) -> None:
    """Tell the operator, on each column of :func:`references_joined_by_number`, what a join along it
    needs."""
    for (child, column, parent, key), values in found.items():
        profile, target = tables[child][column], tables[parent][key]
        shown = ", ".join(repr(profile.quote(value)) for value in values.examples[:3])
        key_type = {"integer": "bigint", "text": "text"}.get(target.inferred_type, target.inferred_type)
        cast, typed = _number_join(
            f"{quote_ident(child)}.{quote_ident(column)}",
            f"{quote_ident(parent)}.{quote_ident(key)}",
            target.inferred_type,
            values,
        )
        number = "numeric" if values.fractions else "bigint"
        load = (
            f'or set [columns."{child}"."{column}"] type = "{number}" to load them as numbers (each change '
            "audited)"
            if typed
            else "no type of the column joins them as SQLite does (some have more than 15 significant "
            "digits or lie past 2^53, which SQLite reads through a double, or keeps exact beside a double)"
        )
        why = (
            f"{such_as(values.rows, 'value', shown)} {agree(values.rows, 'refers', 'refer')} to "
            f"{parent}.{key} by number, as SQLite matches {agree(values.rows, 'it', 'them')}, but "
            f"{agree(values.rows, 'is', 'are')} written otherwise (leading zeros, '+', a fraction of "
            f"zeros) and loaded as written, as text: no text equals a key of {parent}.{key} ({key_type}). "
            f"A join needs a cast ({cast}, where every value is a number); {load}"
        )
        profile.joined_by_number = why
        profile.notes.append(f"references {parent}.{key} by number: a join needs a cast")


#: PostgreSQL: a text of an integer (trimmed, as cleaning makes it), and within a bigint's range.
_PG_WHOLE = "~ '^[+-]?[0-9]+$'"
_PG_BIGINT_RANGE = f"BETWEEN {-(2**63)} AND {2**63 - 1}"


def _number_join(child: str, key: str, key_type: str, values: ByNumber) -> tuple[str, bool]:
    """PostgreSQL's join condition of a text ``child`` naming ``key`` (of the profile's ``key_type``) by
    number as SQLite's affinity reads it, and whether the column loaded as a number joins so too.

    SQLite keeps the text of an integer exact and reads any other number as a double, then compares
    an integer with a double exactly. A ``numeric`` cast agrees while fractions are short (at most 15
    significant digits, below 2^53); past that, a double's reading is taken for them (PostgreSQL's
    ``float8::bigint`` is exact; ``float8::numeric`` keeps 15 digits, ``bigint = float8`` rounds the
    bigint). Beside a double key, integers below 2^53 compare as doubles; past it, exactly."""
    whole = f"{child} {_PG_WHOLE} AND {child}::numeric {_PG_BIGINT_RANGE}"
    if key_type == "integer":
        if not values.long_fractions:
            return f"{child}::numeric = {key}", True
        real = f"{child}::float8"
        return (
            f"{key} = CASE WHEN {child} {_PG_WHOLE} THEN {child}::numeric WHEN {real} = trunc({real}) "
            f"AND abs({real}) < 2::float8 ^ 63 THEN {real}::bigint END",
            False,
        )
    if key_type == "double":
        if not values.long_integers:
            return f"{child}::float8 = {key}", True
        return (
            f"CASE WHEN {whole} THEN CASE WHEN {key} = trunc({key}) AND abs({key}) < 2::float8 ^ 63 "
            f"THEN {key}::bigint = {child}::numeric ELSE false END ELSE {child}::float8 = {key} END",
            False,
        )
    exact = key if key_type == "numeric" else f"{key}::numeric"
    if not values.long_fractions:
        return f"{child}::numeric = {exact}", True
    return (
        f"CASE WHEN {whole} THEN {child}::numeric = {exact} ELSE {child}::float8 = {exact}::float8 END",
        False,
    )


def one_type_per_declared_reference(
    tables: Mapping[str, TableProfile],
    declared: list[Reference],
    by_number: Mapping[tuple[str, str, str, str], ByNumber] | None = None,
) -> None:
    """Make both ends of a declared reference text where one is text and the other clean integers.

    Loaded as ``bigint`` and ``text``, PostgreSQL cannot compare the two ends: every join along the
    reference fails (PROJ's proj.db: ``uom_code`` integers only, the unit codes it references also
    words). Text holds both ends' values unchanged. Only a column whose every value is an integer is
    widened (the profile's figures then hold as they are); until nothing changes, as a key may be
    referenced by several columns, and reference another key itself.

    Not where the text end names keys by number only (``by_number``: ``'007'`` for the key 7, see
    :func:`references_joined_by_number`): as text the key would equal none of them either, and every other
    reference to it would lose its type for nothing. The key keeps its type; the operator is told.
    """
    changed = True
    followed: set[int] = set()
    while changed:
        changed = False
        for reference, child, parent, column, key in _column_pairs(tables, declared):
            ends = (
                (child[column], f"{reference.parent}.{key}"),
                (parent[key], f"{reference.child}.{column}"),
            )
            if _follows_the_other_end(ends, followed):
                changed = True
                continue
            types = {end.inferred_type for end, _ in ends}
            if (reference.child, column, reference.parent, key) in (by_number or {}):
                continue
            if "text" in types and types & _WRITTEN_TYPES and _written_as_text(ends):
                changed = True
                continue
            if _unjoinable(types):
                # Two types PostgreSQL compares not (a date key, a bigint child): each end of TEXT cells
                # read as a type is loaded as the text SQLite compared; the other end follows as text.
                for (end, other), (beside, _) in zip(ends, reversed(ends), strict=True):
                    texts = end.storage_classes.get("text")
                    # An end of numbers alone (a boolean of 0/1 cells) is loaded as its numbers instead.
                    if (
                        texts and _written_as_text(((end, other),), beside=beside.inferred_type)
                    ) or _loaded_as_numbers(end, other, beside):
                        changed = True
                continue
            if types == {"bytea", "text"}:
                changed = _as_bytes_beside_bytes(ends) or changed
                continue
            if types != {"integer", "text"}:
                continue
            widened, other = next((end, name) for end, name in ends if end.inferred_type == "integer")
            if widened.invalid_count:
                # Its quarantined values are counted as integers' (the profile would not hold as text):
                # loaded as written instead, each cell its text (no value quarantined).
                changed = _written_as_text(ends, integers=True) or changed
                continue
            widened.inferred_type = "text"
            # Its bounds were numbers; as text they are unknown (no order of the digits' text).
            widened.min = widened.max = None
            widened.type_reason = f"integers, as text like {other} (a declared reference's other end)"
            widened.notes.append(
                f"integers loaded as text: {other}, the other end of a declared reference, is text "
                "(PostgreSQL compares no bigint with text)"
            )
            changed = True


#: Issues of text no bytea column has: its TEXT cells are loaded as their bytes, nothing made NULL,
#: trimmed, stripped or decoded (dirt.cell_dirt adds none of them to a bytea column).
_TEXT_ONLY_ISSUES = frozenset(
    {"empty_string", "null_like", "whitespace", "nul_byte", "invalid_encoding", "windows_1252"}
)


def _as_bytes_beside_bytes(ends: tuple[tuple[ColumnProfile, str], ...]) -> bool:
    """Load the text end of a declared reference whose other end is ``bytea`` as its bytes too: binary
    keys bound as strings (PHP's PDO), most holding control bytes, are bytes, while a child column
    naming only a few of them, none with such a byte, reads as text decoded by the fallback; PostgreSQL
    joins no ``text`` with ``bytea``, where SQLite compares the bytes. Only an end of TEXT cells (and
    NULLs): each arrives as its bytes (audited ``as_bytes``), as in any bytea column. Whether it
    changed anything."""
    widened, other = next((end, name) for end, name in ends if end.inferred_type == "text")
    classes = {kind for kind, n in widened.storage_classes.items() if n and kind != "null"}
    if classes != {"text"} or widened.as_written is not None:
        return False
    widened.inferred_type = "bytea"
    widened.min = widened.max = None
    widened.line_terminated = False
    widened.indented = False
    widened.break_padded = False
    widened.paragraph_indented = False
    widened.layout_kept = False
    widened.padded_documents = 0
    widened.documents_trimmed = False
    widened.issues = [issue for issue in widened.issues if issue.kind not in _TEXT_ONLY_ISSUES]
    widened.type_reason = f"TEXT cells, as bytes like {other} (a declared reference's other end)"
    widened.notes.append(
        f"text loaded as its bytes: {other}, the other end of a declared reference, is bytea "
        "(PostgreSQL compares no text with bytea; SQLite compares the bytes)"
    )
    return True


#: Types an end of a declared reference holding no value takes from its other end (see
#: :func:`_follows_the_other_end`): types no figure of the values parametrises.
_FOLLOWED_TYPES = frozenset({"integer", "double", "text"})


def _follows_the_other_end(ends: tuple[tuple[ColumnProfile, str], ...], followed: set[int]) -> bool:
    """Give an end of a declared reference that holds no value (every cell NULL, or no row) the type of
    its other end, which holds values: its own type came from its declaration alone, and made the other
    end follow it (a link column declared TEXT that no row has filled yet turned the integer key it
    references, an INTEGER PRIMARY KEY, into text). Each end follows once (``followed``: ids), so a
    column between two ends of different types ends as the rules for ends with values make it.
    Whether it changed anything."""
    for (end, other), (beside, _) in zip(ends, reversed(ends), strict=True):
        if (
            id(end) not in followed
            and end.null_count == end.row_count
            and beside.null_count < beside.row_count
            and beside.inferred_type in _FOLLOWED_TYPES
            and end.inferred_type != beside.inferred_type
        ):
            followed.add(id(end))
            was, end.inferred_type = end.inferred_type, beside.inferred_type
            end.min = end.max = None
            end.type_reason = f"no values: the type of {other} (a declared reference's other end), not {was}"
            end.notes.append(
                f"no values: loaded as {end.inferred_type}, the type of {other}, the other end of a declared "
                f"reference, not as its declared {end.declared_type or 'type'} ({was})"
            )
            return True
    return False


#: Types whose end of a declared reference is loaded as written beside a text end (see
#: :func:`_written_as_text`): PostgreSQL compares none of them with text.
_WRITTEN_TYPES = frozenset({"date", "timestamp", "boolean", "numeric", "double"})


def _unjoinable(types: AbstractSet[str]) -> bool:
    """Whether the two ``types`` of a declared reference's ends are of two families PostgreSQL compares
    not (:data:`.cleaning_joins.FAMILIES`: a ``date`` and a ``bigint``, a ``boolean`` and a ``bigint``); text
    aside."""
    families = {FAMILIES.get(kind) for kind in types}
    return len(types) == 2 and "text" not in types and None not in families and len(families) == 2


def _holds_numbers_alone(column: ColumnProfile) -> bool:
    """Whether ``column`` holds INTEGER or REAL cells and no cell of another class (but NULL)."""
    classes = column.storage_classes
    numbers = classes.get("integer", 0) + classes.get("real", 0)
    return bool(numbers) and not any(
        n for kind, n in classes.items() if kind not in ("integer", "real", "null")
    )


def _loaded_as_numbers(end: ColumnProfile, other: str, beside: ColumnProfile) -> bool:
    """Load ``end``, a typed end of a declared reference holding numbers alone but read as another type
    (a BOOLEAN column of INTEGER 0/1 cells, a date of epoch numbers), as its numbers (``integer`` for
    INTEGER cells alone, else ``double``), beside an end of numbers (``beside``, named ``other``): SQLite
    compares the numbers, and PostgreSQL compares no boolean (nor date) with a bigint, so every join
    along the reference failed. Each cell is its number: nothing quarantined, nothing read otherwise.
    Not where a value would be quarantined (its counts are the type's). Whether it changed anything."""
    if FAMILIES.get(end.inferred_type) == "number" or end.invalid_count or not _holds_numbers_alone(end):
        return False
    if FAMILIES.get(beside.inferred_type) != "number" and not _holds_numbers_alone(beside):
        return False
    was = end.inferred_type
    end.inferred_type = "integer" if not end.storage_classes.get("real") else "double"
    if not isinstance(end.min, int | float) or not isinstance(end.max, int | float):
        end.min = end.max = None  # bounds of another type (a boolean's none)
    end.type_reason = f"numbers, as numbers like {other} (a declared reference's other end), not {was}"
    end.notes.append(
        f"its numbers loaded as {end.inferred_type}, not {was}: {other}, the other end of a declared "
        f"reference, is {beside.inferred_type} (PostgreSQL compares no {was} with it; SQLite compares "
        "the numbers)"
    )
    return True


def _written_as_text(
    ends: tuple[tuple[ColumnProfile, str], ...], *, integers: bool = False, beside: str = "text"
) -> bool:
    """Load the typed end of a declared reference whose other end is text as written (text, untouched,
    :func:`.merged_keys.keep_as_written`): a ``date`` key beside a ``text`` child
    left every join along the reference failing in PostgreSQL ("operator does not exist: text =
    date"), where SQLite compares the two texts. As written, each value is the text SQLite compared.
    Its INTEGER and REAL cells too (a ``double`` of REAL and TEXT cells beside text was refused as
    ``text = double precision``): as text, each is its number's text, what SQLite's TEXT affinity
    compares (a key of no affinity keeps ``1.5`` and ``'1.5'`` apart, the target no longer does).
    Whether it changed anything (a column of BLOB cells, or one loaded as written already, is left).
    ``integers``: an integer end too (one with values quarantined, which cannot be widened to text);
    ``beside``: the other end's type, where it is not text (:func:`_unjoinable`)."""
    typed, other = next((end, name) for end, name in ends if end.inferred_type != "text")
    others = bool(typed.storage_classes.get("blob"))
    allowed = _WRITTEN_TYPES | {"integer"} if integers else _WRITTEN_TYPES
    if typed.inferred_type not in allowed or others or typed.as_written is not None:
        return False
    keep_as_written(
        typed,
        f"{other}, the other end of a declared reference, is {beside} "
        f"(PostgreSQL compares no {typed.inferred_type} with {beside})",
    )
    return True


def mark_declared(tables: Mapping[str, TableProfile], declared: list[Reference]) -> None:
    """Set ``foreign_key`` on the declared references' child columns that were profiled."""
    for reference in declared:
        child = tables.get(reference.child)
        if child is None or reference.parent not in tables:
            continue
        for column, key in zip(reference.columns, reference.parent_columns, strict=True):
            if column in child.columns:
                child[column].foreign_key = f"{reference.parent}.{key}"


def record_declared(
    src: Source,
    tables: Mapping[str, TableProfile],
    declared: list[Reference],
    kept: Mapping[str, KeptValues] | None,
) -> None:
    """Mark the declared references' columns; count their orphans (a composite one's on its first
    column: rows whose values together name no parent row)."""
    pairs: list[Pair] = []
    by_rowid: list[bool] = []
    classes = storage_classes(tables, as_stored=True)
    composites: dict[str, list[tuple[Reference, list[str]]]] = {}
    for reference in declared:
        child, parent = tables.get(reference.child), tables.get(reference.parent)
        if child is None or parent is None:
            continue
        for column, key in zip(reference.columns, reference.parent_columns, strict=True):
            if column in child.columns:
                child[column].foreign_key = f"{reference.parent}.{key}"
        ends = list(zip(reference.columns, reference.parent_columns, strict=True))
        if any(column not in child.columns or key not in parent.columns for column, key in ends):
            continue
        # As SQLite's foreign key check compares them: not an orphan by case, nor by '007' for 7.
        collations: tuple[str | None, ...] = reference.collations or tuple(None for _ in ends)
        kinds = [
            as_sqlite_kind(
                declared_kind(child[column], parent[key], collation, comparison_affinity(reference, key)),
                parent[key],
                collation,
            )
            for (column, key), collation in zip(ends, collations, strict=True)
        ]
        if len(ends) == 1:
            pairs.append((reference.child, ends[0][0], reference.parent, ends[0][1], kinds[0]))
            by_rowid.append(reference.by_rowid)
            continue
        # A composite reference: its orphans are rows, counted on its first column (below, each child
        # table's composite references in one read of it).
        composites.setdefault(reference.child, []).append((reference, kinds))
    held = [parent_of(*entry) for entries in composites.values() for entry in entries]
    with held_parents(src, held, lambda key: parent_rows_sql(src, *key, classes)) as parents:
        children = list(composites.items())
        each = run_side_by_side(
            children,
            lambda child: tables[child[0]].row_count,
            lambda child: composite_orphans(src, tables, child[0], child[1], classes, parents),
        )
        counted_by_child = {child: found for (child, _), found in zip(children, each, strict=True)}
    for child_table, compared in composites.items():
        counted = counted_by_child[child_table]
        for (reference, _), (orphans, examples) in zip(compared, counted, strict=True):
            if not orphans:
                continue
            names = ", ".join(reference.columns)
            keys = ", ".join(reference.parent_columns)
            tables[child_table][reference.columns[0]].issues.append(
                Issue(
                    "orphan_reference",
                    orphans,
                    examples,
                    detail=f"no row in {reference.parent} with this ({keys}) for ({names})",
                )
            )
    fits = measure(src, pairs, kept, classes)
    # A column declared to reference several tables (EF Core's one shadow key for two navigations)
    # is one reference: to the declared parent its values are in most (fewest orphans, the first
    # declared on a tie), whose orphans alone are counted; each other parent is a note.
    by_column: dict[tuple[str, str], list[int]] = {}
    for index in sorted(fits):
        by_column.setdefault((pairs[index][0], pairs[index][1]), []).append(index)
    for (child_table, column), indexes in by_column.items():
        chosen = min(indexes, key=lambda index: fits[index].orphans)
        profile = tables[child_table][column]
        record_inclusion(
            profile, fits[chosen], declared=True, compared=pairs[chosen][4], by_rowid=by_rowid[chosen]
        )
        for index in indexes:
            if index != chosen:
                other = fits[index]
                profile.notes.append(
                    f"also declared to reference {other.parent}.{other.key}: {other.orphans:,} rows name no "
                    f"row there, not counted as orphans (the reference taken is {profile.foreign_key}, the "
                    "declared parent holding the most of its values, the first declared on a tie)"
                )
