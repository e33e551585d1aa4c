"""Choosing among found references: circles, trees, false declarations and polymorphic pairs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path

from columnar_etl.models import ColumnProfile, TableProfile
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.inclusion import Inclusion
from columnar_etl.profiling.key_chance import (
    OWN_NAME_WORDS,
    beyond_chance,
    codes_among_first_keys,
    consecutive_keys,
    drawn_identifier,
    first_keys,
    integers_compared,
    keys_above_their_count,
    pair_of_first_keys,
    runs_past_keys,
)
from columnar_etl.profiling.reference_names import (
    DATE_PART_WORDS,
    NESTED_SET_WORDS,
    POSITION_WORDS,
    VERSION_WORDS,
    abbreviates,
    code_of_the_parents_kind,
    code_word,
    core_data_row_version,
    core_data_store,
    count_word,
    ends_compound,
    names_parent,
    person_among_people,
    same_entity,
)
from columnar_etl.profiling.reference_rows import MIN_DISTINCT, Reference, names_parent_table
from columnar_etl.profiling.trees import older_rows, wide_rows
from columnar_etl.profiling.value_text import trimmed_sql
from columnar_etl.source.cells import ColumnRead
from columnar_etl.source.export import Source
from columnar_etl.source.naming import (
    camel_words,
    counts_the_table,
    entity_of,
    name_words,
    names_by_id_word,
    names_entity,
    names_own_parent,
    normalised_name,
    singulars,
    table_singulars,
)
from columnar_etl.source.sqlite_file import connect_read_only


def tree_beside(
    src: Source,
    tables: Mapping[str, TableProfile],
    child: str,
    column: str,
    fitting: list[Inclusion],
    found: Sequence[Reference],
    chosen: Mapping[tuple[str, str], Inclusion],
) -> tuple[Inclusion, str] | None:
    """The fit of ``child.column``, a tree's parent by its name (:func:`names_own_parent`), to the table
    its row's entity is of, and that entity's column; None where it is no such tree. A CMS keeps a
    tree's parent beside the entity's table, in a table whose row names the entity (Drupal's
    ``taxonomy_term__parent``: ``entity_id`` a term, ``parent_target_id`` its parent term, 0 for a root;
    WordPress's ``wp_term_taxonomy``: ``term_id`` and ``parent``): the parent is a row of the entity's
    table, not of the table itself. The entity's column (``entity``) is another integer column of the
    table that names its row (:func:`names_the_row`: in its key, or unique in every row) and refers to
    a table (declared, or ``chosen`` in the data); the column is that table's tree when its values other
    than a root's (0, a negative, NULL: left out of the share, :func:`.inclusion._share_of_references`) are
    keys of it, at least :data:`.reference_rows.MIN_DISTINCT` of them, in ``fitting`` (each fit to another
    table's keys that 90 % of its values are), for exactly one such table; no row naming its own entity (a
    self-loop is no tree); and chance beaten as rule 3 beats it, without the rank (parents are made first, few
    and low among the keys): each row holding a value names an older entity (:func:`.trees.older_rows`, the
    entity in place of the row's key), or the values use half the keys, or could be keys by chance at most
    :data:`.reference_rows.MAX_CHANCE` (:func:`.key_chance.beyond_chance`). Other tables whose keys hold the
    values (users keyed from 0, whose anonymous 0 a root's 0 is) are passed over: the name says parent, and
    the row's entity is of that table. Since 2026-12-06; before, Drupal's term tree referred to its users."""
    table = tables[child]
    targets: dict[tuple[str, str], list[str]] = {}
    for reference in found:
        if reference.child == child and len(reference.columns) == 1 and not reference.by_rowid:
            targets.setdefault((reference.parent, reference.parent_columns[0]), []).append(
                reference.columns[0]
            )
    for (table_name, other), fit in chosen.items():
        if table_name == child:
            targets.setdefault((fit.parent, fit.key), []).append(other)
    entities = {
        parent: [name for name in names if name != column and names_the_row(table, name)]
        for parent, names in targets.items()
        if parent[0] != child
    }
    matches = [
        fit
        for fit in fitting
        if entities.get((fit.parent, fit.key)) and fit.found >= MIN_DISTINCT and fit.parent != child
    ]
    if len(matches) != 1:
        return None
    fit = matches[0]
    entity = entities[(fit.parent, fit.key)][0]
    if _names_own_entity(src, child, column, entity):
        return None
    read_once = wide_rows(tables[child])
    if older_rows(src, child, column, entity, read_once=read_once) or beyond_chance(
        fit, named=True, far=True
    ):
        return fit, entity
    return None


def names_the_row(table: TableProfile, column: str) -> bool:
    """Does integer ``column`` name its row's entity: a column of the table's key (Drupal's field
    tables, keyed by ``(entity_id, deleted, delta, langcode)``), or one value in every row, each in
    one row (WordPress's ``wp_term_taxonomy.term_id``)?"""
    profile = table[column]
    if profile.inferred_type != "integer":
        return False
    if column in table.key:
        return True
    return profile.null_count == 0 and profile.distinct_count == table.row_count > 0


def _names_own_entity(src: Source, table: str, column: str, entity: str) -> bool:
    """Does a row of ``table`` hold in ``column`` its own ``entity`` (a self-loop: no tree)? One scan."""
    relation = src.relation_sql(table, reads=[ColumnRead(column), ColumnRead(entity)])
    value, own = quote_ident(column), quote_ident(entity)
    sql = f"SELECT count(*) FROM {relation} WHERE try_cast({value} AS BIGINT) = try_cast({own} AS BIGINT)"
    (same,) = src.connection.cursor().execute(sql).fetchone() or (0,)
    return int(same) > 0


#: A column of a table: a node of the references' graph (:func:`without_circles`).
_Node = tuple[str, str]


def without_circles(
    tables: Mapping[str, TableProfile],
    declared: Sequence[Reference],
    inferred: Mapping[_Node, Inclusion],
) -> dict[_Node, Inclusion]:
    """``inferred`` (child column → its chosen parent key) without the references that run in a circle:
    a reference is a child → parent direction, and two key columns holding each other's values (each
    user's blog named by the username, WriteFreely's ``collections.alias`` and ``users.username``; two
    UNIQUE ``username`` columns of the same users) are a one-to-one pairing each found as the other's
    parent. In each circle (two columns, or more: a → b → c → a, through declared references too) one
    column is the parent (:func:`_parent_of_circle`) and its own reference in the circle is dropped,
    the rest kept as a chain to it; where nothing tells which, every reference of the circle found in
    the data is dropped. A declared reference is never dropped (the schema says it), nor a chain
    (a → b → c, a column that refers and is referred to). A note on each column whose reference is
    dropped says why. Since 2026-12-06: before, both directions were references, each column's values
    not in the other counted as its orphans. Since 2026-12-07 two tables referring to each other, one of
    them through a column distinct in the data beside its table's key, keep only the reference to the
    declared key (:func:`_without_pairings_back`)."""
    kept = dict(inferred)
    following: dict[_Node, list[_Node]] = {}
    parents: set[_Node] = set()
    for reference in declared:
        if len(reference.columns) == 1 and len(reference.parent_columns) == 1:
            node, key = (
                (reference.child, reference.columns[0]),
                (reference.parent, reference.parent_columns[0]),
            )
            following.setdefault(node, []).append(key)
            parents.add(key)
    while (circle := _first_circle(following, kept)) is not None:
        top, why = _parent_of_circle(tables, circle, kept, parents)
        named = _circle_named(circle, kept)
        if top is not None:
            fit = kept.pop(top)
            tables[top[0]][top[1]].notes.append(
                f"values are keys of {fit.parent}.{fit.key}, but {named}: a one-to-one pairing whose "
                f"direction {why}, so {top[0]}.{top[1]} is the parent: no reference to "
                f"{fit.parent}.{fit.key} inferred"
            )
            continue
        for node in circle:
            if node in kept:
                kept.pop(node)
                tables[node[0]][node[1]].notes.append(
                    f"{named}: a one-to-one pairing whose direction the data does not tell; no reference "
                    "inferred"
                )
    _without_pairings_back(tables, declared, kept)
    return kept


def _without_pairings_back(
    tables: Mapping[str, TableProfile], declared: Sequence[Reference], kept: dict[_Node, Inclusion]
) -> None:
    """Drop from ``kept`` each reference found to a column that is not its table's key, only distinct in
    the data beside it (beside a key of several columns: :func:`.parent_keys.keys_referable`), whose
    table refers back to the child's table through a key the child's schema declares (a PRIMARY KEY or a
    UNIQUE one; the reference back declared or found): the two tables pair their rows one to one by
    that reference, and the other is an attribute both copy (a name beside the id), distinct only while
    each row has one partner. A planetarium's comet elements (keyed by id and epoch, one file loaded)
    name ``cdc_com_name``'s key by their id, and the names that table copies from them were a reference
    back to the elements' ``name`` until 2026-12-07. A table's own key stays a parent (a comic's latest
    issue names the issues' key found in the data, while each issue names its comic's declared one),
    and so do two declared keys (employees' department, a department's manager); a column circle is
    :func:`without_circles`' own."""
    back: dict[tuple[str, str], list[tuple[_Node, _Node]]] = {}
    for reference in declared:
        if len(reference.columns) == 1 and len(reference.parent_columns) == 1:
            key = (reference.parent, reference.parent_columns[0])
            back.setdefault((reference.child, reference.parent), []).append(
                ((reference.child, reference.columns[0]), key)
            )
    for node, fit in kept.items():
        back.setdefault((node[0], fit.parent), []).append((node, (fit.parent, fit.key)))
    dropped: dict[_Node, tuple[_Node, _Node, int]] = {}
    for node, fit in kept.items():
        parent = tables[fit.parent]
        if node[0] == fit.parent or parent.key == [fit.key] or _key_rank(parent, fit.key) > 1:
            continue  # its own table's key (declared, or found in the data) stays a parent
        for other, key in back.get((fit.parent, node[0]), []):
            if (other, key) == ((fit.parent, fit.key), node):
                continue  # the same two columns: a circle, settled above
            firm = _key_rank(tables[key[0]], key[1])
            if firm > 1:
                dropped[node] = (other, key, firm)
                break
    for node, (other, key, firm) in dropped.items():
        fit = kept.pop(node)
        tables[node[0]][node[1]].notes.append(
            f"values are keys of {fit.parent}.{fit.key}, unique in the data alone, but {other[0]}.{other[1]} "
            f"refers to {key[0]}.{key[1]}, {_KEY_KINDS[firm]}: two tables referring to each other pair their "
            f"rows one to one, the reference to the declared key is that pairing; no reference to "
            f"{fit.parent}.{fit.key} inferred"
        )


def _first_circle(
    following: Mapping[_Node, list[_Node]], kept: Mapping[_Node, Inclusion]
) -> list[_Node] | None:
    """The first circle (its columns, each referring to the next, the last to the first) through a
    reference of ``kept``, else None: the shortest path back from each one's parent, in order."""

    def after(node: _Node) -> list[_Node]:
        found = list(following.get(node, ()))
        if node in kept:
            found.append((kept[node].parent, kept[node].key))
        return found

    for start in sorted(kept):
        fit = kept[start]
        first = (fit.parent, fit.key)
        came: dict[_Node, _Node | None] = {first: None}
        queue = [first]
        while queue:
            node = queue.pop(0)
            if node == start:
                path = [node]
                while (back := came[path[-1]]) is not None:
                    path.append(back)
                return [start, *reversed(path[1:])]
            for nxt in after(node):
                if nxt not in came:
                    came[nxt] = node
                    queue.append(nxt)
    return None


def _circle_named(circle: list[_Node], kept: Mapping[_Node, Inclusion]) -> str:
    """The note's words for a circle's columns: ``a.x and b.y hold the same values`` (or each other's,
    where some of one's are not the next one's), a longer circle's in its order."""
    names = [f"{table}.{column}" for table, column in circle]
    listed = f"{names[0]} and {names[1]}" if len(names) == 2 else ", ".join(names[:-1]) + f" and {names[-1]}"
    same = all(kept[node].share == 1.0 for node in circle if node in kept)
    held = "hold the same values" if same else "hold each other's values"
    if len(names) == 2:
        return f"{listed} {held}"
    return f"{listed} {held} in a circle ({' → '.join([*names, names[0]])})"


def _key_rank(table: TableProfile, column: str) -> int:
    """How firmly the schema makes ``column`` a key: 3 its declared PRIMARY KEY, 2 a declared UNIQUE
    one, 1 unique in the data alone."""
    if table.key == [column] and table.key_found == "declared_primary_key":
        return 3
    if (table.key == [column] and table.key_found == "declared_unique") or column in table.unique_alone:
        return 2
    return 1


_KEY_KINDS = {3: "the table's declared PRIMARY KEY", 2: "declared UNIQUE", 1: "unique in the data alone"}


def _parent_of_circle(
    tables: Mapping[str, TableProfile],
    circle: list[_Node],
    kept: Mapping[_Node, Inclusion],
    declared_parents: AbstractSet[_Node],
) -> tuple[_Node | None, str]:
    """The column of a circle that is the parent, whose own reference in the circle (one found in the
    data) is dropped, and the words saying what tells: the first of these that points to exactly one
    such column — the parent of a declared reference (the schema says it is one); the one whose table
    a column of the circle names (:func:`.reference_rows.names_parent_table`: ``username`` names ``users``,
    the entity its own table holds; ``alias`` names no table); the firmest key (a PRIMARY KEY over a UNIQUE
    one over one unique in the data alone); the one holding every value of the column referring to it where
    that column holds not every one of its (``share``: a superset is the parent). (None, "") when none
    tells."""
    candidates = [node for node in circle if node in kept and (kept[node].parent, kept[node].key) in circle]
    before = {circle[(i + 1) % len(circle)]: circle[i] for i in range(len(circle))}

    def one(chosen: list[_Node]) -> _Node | None:
        return chosen[0] if len(chosen) == 1 else None

    if (found := one([node for node in candidates if node in declared_parents])) is not None:
        return found, f"the export's declared references tell ({found[0]}.{found[1]} is the parent of one)"
    naming = {node: [f"{t}.{c}" for t, c in circle if names_parent_table(c, node[0])] for node in candidates}
    if (found := one([node for node in candidates if naming[node]])) is not None:
        return found, f"the names tell ({naming[found][0]} names {found[0]})"
    ranks = {node: _key_rank(tables[node[0]], node[1]) for node in candidates}
    if (found := one([node for node in candidates if ranks[node] == max(ranks.values())])) is not None:
        return found, f"the keys tell ({found[0]}.{found[1]} is {_KEY_KINDS[ranks[found]]})"
    held = {node: kept[before[node]].share if before[node] in kept else -1.0 for node in candidates}
    if (found := one([node for node in candidates if held[node] == max(held.values())])) is not None:
        child = before[found]
        return found, (
            f"the values tell ({kept[child].share:.1%} of {child[0]}.{child[1]}'s values are keys of "
            f"{found[0]}.{found[1]}, a smaller share of the other column's theirs)"
        )
    return None, ""


def without_false_declarations(
    src: Source, tables: Mapping[str, TableProfile], declared: list[Reference]
) -> list[Reference]:
    """``declared`` without the references no value of which is a key of the column they name: a child
    column of integers only, declared to reference a column of text only, none of whose values is the
    text of any of the integers. SQLite's own foreign key check reports each row with a value as a
    violation; the schema named the wrong column (Mixxx's ``library.location INTEGER REFERENCES
    track_locations(location)`` holds ``track_locations.id``). Such a declaration is no reference,
    as one naming a table the export lacks is not: the column keeps its integers (not widened to
    text for a join nothing satisfies), counts no orphans, and may be found to reference another
    key in the data. A declared reference with a single value found in the parent stays one."""
    kept: list[Reference] = []
    false: list[tuple[Reference, int]] = []
    for reference in declared:
        child, parent = tables.get(reference.child), tables.get(reference.parent)
        if (
            child is None
            or parent is None
            or len(reference.columns) != 1
            or reference.columns[0] not in child.columns
            or reference.parent_columns[0] not in parent.columns
        ):
            kept.append(reference)
            continue
        values, keys = child[reference.columns[0]], parent[reference.parent_columns[0]]
        integers = {k for k, n in values.storage_classes.items() if n and k != "null"} == {"integer"}
        texts = {k for k, n in keys.storage_classes.items() if n and k != "null"} <= {"text"}
        if not (integers and texts and values.inferred_type == "integer" and keys.inferred_type == "text"):
            kept.append(reference)
            continue
        false.append((reference, values.row_count - values.null_count))
    if not false:
        return declared
    renamed = src.renamed
    con = connect_read_only(Path(src.path))
    try:
        for reference, count in false:
            child_table = renamed.export_table(reference.child)
            parent_table = renamed.export_table(reference.parent)
            column = renamed.export_column(child_table, reference.columns[0])
            key = renamed.export_column(parent_table, reference.parent_columns[0])
            met = con.execute(
                f"SELECT 1 FROM {quote_ident(child_table)} WHERE CAST({quote_ident(column)} AS TEXT) IN "
                f"(SELECT {quote_ident(key)} FROM {quote_ident(parent_table)}) LIMIT 1"
            ).fetchone()
            if met is not None:
                kept.append(reference)
                continue
            tables[reference.child][reference.columns[0]].notes.append(
                f"declared to reference {reference.parent}({reference.parent_columns[0]}), a column of "
                f"text none of its {count} integers is: no reference (SQLite's foreign_key_check "
                "reports each row with a value as a violation); kept as integers"
            )
    finally:
        con.close()
    return [reference for reference in declared if reference in kept]


def turned_away(
    src: Source,
    tables: Mapping[str, TableProfile],
    child: str,
    column: str,
    chosen: Inclusion,
    declares: bool = False,
    *,
    said: bool = False,
    tree: bool = False,
) -> str | None:
    """Why ``child.column``, whose values are keys of ``chosen``, is no reference to it after all (the
    column's note), or None: text or bytes of one value (not a generated identifier: :func:`drawn_identifier`)
    unless its name names the parent by no code word, integers named as a count or as a code, a counter
    running past the keys, keys that may be so by chance, the first keys of the parent in an export
    that ``declares`` its references (each unless its name names the parent), or a copy of its own
    row's key (the one rule reading the data again, last). ``said``: the export's declared references
    of the column's name all name ``chosen`` (:func:`.reference_names.declared_by_name`): the name names the
    parent by the export's own schema, as a name that is the parent's entity does, so however few of its keys
    the values use, or however first, they are no chance (reaching the upper half still needed).
    ``tree``: ``chosen`` is the column's own table, each row naming an older row (:func:`.trees.older_rows`):
    the rows' order beats chance, so the rules reading the values alone (a counter, too few or too low
    keys, the first keys) do not apply, nor a name ending in a version word (a version of its own row
    names no older row: ``prev_revision``, each row's previous revision, does); the other names do."""
    profile = tables[child][column]
    where = f"{chosen.parent}.{chosen.key}"
    if (polymorphic := _polymorphic_pair(src, tables, child, column, chosen.parent)) is not None:
        kind, named_tables = polymorphic
        return (
            f"values are keys of {where}, but {kind} beside it names the table of each row's key "
            f"({', '.join(named_tables)}): a polymorphic reference, no single reference inferred"
        )
    integer = integers_compared(profile)
    # A tree's `parent` names its own table as `ticket_id` names tickets (since 2026-12-06).
    own_parent = chosen.parent == child and names_own_parent(column)
    named = names_parent(column, chosen) or said or own_parent
    # Text keys are drawn from a large space, but one value two columns share is one coincidence (a
    # default name, a version, a locale), as integers need MIN_DISTINCT values (since 2026-12-06); a
    # generated identifier (a GUID, a hash) is a link, and so is one value under a name naming the
    # parent: its table, an abbreviation of it (``schedId``), a person's role over people, or the
    # parent key's own name (``mail_host``, ``camera``) unless that says a name (``name``,
    # ``queue_name``: what rows are called, default words alike by chance). A name ending in a code
    # word (``client_version``) names a value, not the row.
    natural = normalised_name(column) == normalised_name(chosen.key) and not _a_name(column)
    camel = entity_of(chosen.parent, table=True, camel=True)  # ``tradingCurrency`` → ``kmmCurrencies``
    by_name = named or natural or bool(camel & entity_of(column, glued_id=True))
    by_name = by_name or abbreviates(column, chosen.parent, camel=True)
    vouched = said or person_among_people(column, chosen.parent) or (by_name and not code_word(column))
    if not integer and chosen.found < MIN_DISTINCT and not vouched and not drawn_identifier(profile):
        return (
            f"its one value is a key of {where}, but one value shared is a coincidence (a default name, "
            "a version, a locale), not a link: no reference inferred"
        )
    if integer and (count := count_word(column, named=named)):
        return (
            f"values are keys of {where}, but its name says a count ({count}), how many, not which row: "
            "no reference inferred"
        )
    if integer and counts_the_table(column, chosen.parent):
        return (
            f"values are keys of {where}, but its name is the plural of what {chosen.parent} holds, a "
            "count of its rows (how many), not which row: no reference inferred"
        )
    code = code_word(column) if integer and not named else None
    if code and not (tree and code in VERSION_WORDS):
        what = (
            "a part of the row's date"
            if code in DATE_PART_WORDS
            else "a version of the row"
            if code in VERSION_WORDS
            else "the row's bound in its tree's walk"
            if code in NESTED_SET_WORDS
            else "the row's place among its siblings"
            if code in POSITION_WORDS
            else "a code of the row"
        )
        return (
            f"values are keys of {where}, but its name says {what} ({code}), not that table: "
            "no reference inferred"
        )
    if integer and core_data_row_version(tables, child, column):
        return (
            f"values are keys of {where}, but it is Core Data's {column}, a version of its own row "
            "(optimistic locking counts each save), not that table: no reference inferred"
        )
    if integer and (code := code_of_the_parents_kind(column, chosen)):
        what = "the place among its siblings" if code in POSITION_WORDS else "a code"
        return (
            f"values are keys of {where}, but its name says {what} of the row ({code}) of the kind "
            f"{chosen.parent} names, not a row of that table: no reference inferred"
        )
    if integer and not named and (other := _other_table_named(column, chosen.parent, tables)) is not None:
        which = "its own table" if other == child else "another table of the export"
        return (
            f"values are keys of {where}, but its name names {other}, {which}, as its entity, not that "
            "one: no reference inferred"
        )
    if tree:
        return None  # each row names an older one: no counter, no code, no copy of its key
    if integer and not named and runs_past_keys(profile, tables[chosen.parent][chosen.key]):
        return (
            f"values run on, one after another, past the highest key of {where}: a counter overlapping "
            "its keys, no reference inferred"
        )
    far = keys_above_their_count(tables[chosen.parent][chosen.key])
    entity = same_entity(column, chosen) or said or own_parent
    if integer and not beyond_chance(chosen, named=named, far=far, entity=entity):
        return (
            f"values are keys of {where}, but too few, too low among its keys or too close together to "
            "tell from numbers that are keys by chance: no reference inferred"
        )
    if integer and not named and declares and first_keys(chosen):
        return (
            f"values are the first keys of {where}, one after another, as an enum or a counter from 1 "
            "holds them, and the export declares its references (not this one): no reference inferred"
        )
    if integer and not named and declares and consecutive_keys(chosen):
        return (
            f"values are keys of {where} one after another, {chosen.low} to {chosen.high} every one, as "
            "an age, a year or a counter holds them, and the export declares its references (not this "
            "one): no reference inferred"
        )
    # A person's role over a table of people (a blog's ``owner_id``, made with its user at sign-up and
    # so numbered alike) names that table for the own-rows rules below, as ``user_id`` would.
    role = person_among_people(column, chosen.parent)
    keys = tables[chosen.parent][chosen.key]
    # Codes land on a small table's first keys, gaps and all; a name relating the column to that table
    # in any way the choice reads (``additional_info`` → Pi-hole's ``addinfo_by_id``) vouches for it.
    related = by_name or role or ends_compound(column, chosen.parent)
    if integer and not related and declares and codes_among_first_keys(chosen, keys):
        return (
            f"values are among the first {chosen.reach} keys of {where}, every integer from its lowest "
            "key up, as an enum's codes are, gaps and all, and the export declares its references (not "
            "this one): no reference inferred"
        )
    # A Core Data store declares no reference, but numbers every entity's rows and its entities from 1:
    # a call's category 1/2 lands on Z_PRIMARYKEY's entities 1, 2, an account type on the first keys of
    # a table of 4 locations (since 2026-12-07).
    if integer and not related and core_data_store(tables) and codes_among_first_keys(chosen, keys):
        return (
            f"values are among the first {chosen.reach} keys of {where}, every integer from its lowest "
            "key up, as an enum's codes are, and Core Data numbers every entity's rows (and its entities) "
            "from 1: no reference inferred unless the column's name names that table"
        )
    # Two values, the parent's two lowest keys, fit it as 0/1 fits any key holding both (parent_keys'
    # flag): a two-valued code's 1 and 2 beside a table of two or three rows (since 2026-12-07).
    if integer and not related and pair_of_first_keys(chosen, keys):
        return (
            f"values are two, the two lowest keys of {where}, one after the other, as a two-valued "
            "code's are (1 and 2, as a flag's 0 and 1): no reference inferred unless the column's name "
            "names that table"
        )
    if (
        integer
        and not (named or role)
        and chosen.parent != child
        and _numbers_own_rows(src, tables[child], column)
    ):
        return (
            f"values are keys of {where}, but they are its own table's keys, each once, as an order or a "
            "rank numbering its rows holds them: no reference inferred"
        )
    if (
        integer
        and not (named or role)
        and chosen.parent != child
        and _counts_own_rows(tables[child], column, keys)
    ):
        rows = tables[child].row_count
        return (
            f"values are keys of {where}, but they number its own rows, 1 to {rows} each once, as a "
            "sequence or a counter of its rows holds them: no reference inferred"
        )
    if (
        integer
        and not (named or role)
        and chosen.parent != child
        and (scope := _counts_rows_of_each(src, tables[child], column)) is not None
    ):
        return (
            f"values are keys of {where}, but they number its own rows within each {scope}, 1 to that "
            f"{scope}'s count each once, as a sequence kept per {scope} holds them: no reference inferred"
        )
    # A name of an ``id`` word after a thing (``status_id``) names that thing's table; where the export
    # holds none (a copy that left the statuses out) and the parent keeps that thing as a column of its
    # own (``users.status``: its rows carry their own status), values among the parent's first keys are
    # codes of that thing, not the parent's rows (since 2026-12-07: OpenProject's
    # ``work_packages.status_id`` 1..7 referred to its users 1..8).
    if (
        integer
        and not related
        and codes_among_first_keys(chosen, keys)
        and (absent := _names_absent_table(column, tables)) is not None
        and any(
            absent in {normalised_name(other), *singulars(other)} for other in tables[chosen.parent].columns
        )
    ):
        return (
            f"values are among the first {chosen.reach} keys of {where}, every integer from its lowest "
            f"key up, as an enum's codes are; its name names a {absent} by its id, of which the export "
            f"holds no table, and {chosen.parent} keeps a {absent} of its own: codes of that, no reference "
            "inferred"
        )
    if chosen.parent == child and _copies_own_key(src, child, column, chosen.key):
        return (
            f"each of its values is the own row's {chosen.key}: a copy of the key (a login copied to a "
            "display name), no reference inferred"
        )
    return None


def _names_absent_table(column: str, tables: Iterable[str]) -> str | None:
    """The thing a column's name names by an ``id`` word (``status_id``, ``statusId`` → ``status``:
    :func:`.naming.names_by_id_word`) where no table of the export is of that thing
    (:func:`.naming.names_entity`), else None."""
    if not names_by_id_word(column) or any(names_entity(column, table) for table in tables):
        return None
    words = [word for word in camel_words(column) if word not in ("id", "ids")]
    return words[-1] if words else None


def _a_name(column: str) -> bool:
    """Does ``column``'s name end in a word saying a name (:data:`.key_chance.OWN_NAME_WORDS`:
    ``name``, ``queue_name``, ``displayName``)? Names are words from a small vocabulary of defaults
    (``default``, ``main``, ``low``): one such value two tables' columns share is one coincidence."""
    words = [*name_words(column)[-1:], *camel_words(column)[-1:]]
    return any(word in OWN_NAME_WORDS for word in words)


#: What a polymorphic pair's type column holds, read for the tables it names: at most this many of
#: its distinct values.
_POLYMORPHIC_TYPES = 100


def _polymorphic_pair(
    src: Source, tables: Mapping[str, TableProfile], child: str, column: str, parent: str
) -> tuple[str, list[str]] | None:
    """The type column of the polymorphic pair ``column`` is the id of, and the tables its values name,
    where they name another than ``parent`` (else None). Rails' ``belongs_to …, polymorphic: true``,
    Laravel's ``morphs('auditable')``, and every schema keeping a row of one of several tables as
    ``<name>_type`` beside ``<name>_id``: each row's type (a class, ``App\\Models\\Link``, or a table's
    name) says which table its id is a key of. Ids of several tables overlap any one's keys 1..N, and
    a name holding a table's singular (``auditable`` holds ``audit``) is no evidence: a LinkAce
    database's ``audits.auditable_id`` (keys of its links and tags) was a reference of audits to
    themselves until 2026-12-06. A type column none of whose values names a table of the export (a
    ``link_type`` of ``internal``/``external`` beside a ``link_id``) makes no pair; one naming only
    ``parent`` confirms it. Read only for a column with such a sibling (one query of its types)."""
    normal = normalised_name(column)
    if not normal.endswith("id") or len(normal) < 4:
        return None
    wanted = normal[:-2] + "type"
    kind = next((name for name in tables[child].columns if normalised_name(name) == wanted), None)
    if kind is None or tables[child][kind].inferred_type != "text":
        return None
    relation = src.relation_sql(child, reads=[ColumnRead(kind)])
    value = quote_ident(kind)
    sql = f"SELECT DISTINCT {value} FROM {relation} WHERE {value} IS NOT NULL LIMIT {_POLYMORPHIC_TYPES}"
    named: set[str] = set()
    unnamed = False
    for (text,) in src.connection.cursor().execute(sql).fetchall():
        last = re.split(r"[\\/.:]+", str(text).strip())[-1]
        # The table of that very name (``Tag`` → ``tags``), else those naming it (``link_tags``).
        these = {table for table in tables if normalised_name(last) in table_singulars(table)} or {
            table for table in tables if last and names_entity(last, table)
        }
        named |= these
        unnamed = unnamed or not these
    if not named or (named == {parent} and not unnamed):
        return None
    return kind, sorted(named)


def _other_table_named(column: str, parent: str, tables: Iterable[str]) -> str | None:
    """The first table of the export, other than ``parent``, that a column's name names as its entity
    (:func:`names_entity`: ``card_type_id`` → ``card_types``), else None. Integers fitting the keys of
    a table the name does not name, where it names another, are keys by chance: a flashcard app's
    built-in card kinds 1, 2, 3, 5 (Mnemosyne's ``cards.card_type_id``, beside a ``card_types`` table
    of the kinds a user made, empty) over the keys 1..7 of its tags (since 2026-12-05)."""
    named = sorted(table for table in tables if table != parent and names_entity(column, table))
    return named[0] if named else None


def _numbers_own_rows(src: Source, table: TableProfile, column: str) -> bool:
    """Does ``column`` hold its own table's keys, each once, in every row (an order or a rank numbering
    the rows: a spreadsheet's manual sort position, the row's key until rows are moved; Grist's
    ``manualSort``)? Then its own keys fit it as well as another table's it also fits, and it is no
    reference to either (:func:`.parent_keys._fits_own_key` turns away its own), unless its name names the
    other (a one-to-one table's ``project_id``). Since 2026-12-05; before, a table with more keys than it
    has rows, over half of them so numbered, was its parent. Pruned with the profile's counts, then
    one scan of the table for the columns that pass (integer keys of one column only)."""
    if len(table.key) != 1 or table.key[0] == column:
        return False
    key, profile = table[table.key[0]], table[column]
    rows = table.row_count
    if key.inferred_type != "integer" or profile.null_count or not rows:
        return False
    if not profile.distinct_count == key.distinct_count == rows:
        return False
    relation = src.relation_sql(table.name, reads=[ColumnRead(column), ColumnRead(key.name)])
    value, own = quote_ident(column), quote_ident(key.name)
    sql = f"SELECT count(*) FROM {relation} WHERE {value} IN (SELECT {own} FROM {relation})"
    held = src.connection.cursor().execute(sql).fetchone() or (0,)
    return int(held[0]) == rows


def _counts_own_rows(table: TableProfile, column: str, keys: ColumnProfile) -> bool:
    """Does ``column`` hold the integers 1 to its table's row count, each once, in every row (a sequence
    or a counter of the rows: a session number taken as the row count plus one at each insert,
    Dendrite's ``userapi_devices.session_id``, in a table keyed by its access tokens), over a parent
    of more ``keys`` than that? Such numbers fit the first keys of any table of more rows, one row
    each, however the own table is keyed: no evidence of a reference, unless its name names the
    parent. Every key of the parent once (a thumbnail's path naming each thumbnail, digiKam's
    ``FilePaths.thumbId``) is a one-to-one mapping, and refers. Read from the profile's counts, no
    scan. Since 2026-12-06; before, a table keyed by text numbering its 6 rows so referred to the first
    6 keys of a 9-row table of event types (:func:`_numbers_own_rows` reads an integer key's own)."""
    profile, rows = table[column], table.row_count
    if column in table.key or not rows or profile.null_count or profile.distinct_count != rows:
        return False
    if keys.distinct_count <= rows:
        return False
    try:
        return int(profile.min) == 1 and int(profile.max) == rows
    except (TypeError, ValueError):
        return False


def _counts_rows_of_each(src: Source, table: TableProfile, column: str) -> str | None:
    """The column of ``table`` within each value of which ``column`` holds the integers 1 to that
    value's count of rows, each once, in every row (a sequence kept per scope: a help desk numbering
    each account's conversations from 1 by a trigger's sequence, Chatwoot's ``display_id`` beside
    ``account_id``; a line's number within its order), else None. :func:`_counts_own_rows` over
    groups: such numbers fit the first keys of any table of more rows than the largest group, and
    refer to none unless the column's name names it. Scopes tried: the table's other columns that are
    no key and hold no NULL and two values or more, in two rows each on average. Not where the scope's
    groups are all of one size: each value then stands beside each scope (every album holding each
    attribute key of an entity-attribute-value table, beets' ``album_attributes``): the entities' ids.
    Pruned with the profile's counts (no NULL, from 1, repeated), then one query of the table for all
    its scopes."""
    profile, rows = table[column], table.row_count
    if column in table.key or not rows or profile.null_count or profile.distinct_count >= rows:
        return None
    try:
        if int(profile.min) != 1 or int(profile.max) <= MIN_DISTINCT:
            return None
    except (TypeError, ValueError):
        return None
    scopes = [
        other.name
        for other in table
        if other.name != column
        and other.name not in table.key
        and not other.null_count
        and other.distinct_count >= 2
        and 2 * other.distinct_count <= rows
    ]
    if not scopes:
        return None
    relation = src.relation_sql(table.name, reads=[ColumnRead(column), *(ColumnRead(s) for s in scopes)])
    # The relation reads cells as text: the numbers compared as integers (one that is none, NULL, fits
    # no count).
    value = f"TRY_CAST({quote_ident(column)} AS BIGINT)"
    # Per scope: its groups that misfit, and how many sizes its groups have. Groups all of one size are
    # a cross product, each value beside each scope's (an entity's attributes, every album holding each
    # key of beets' ``album_attributes``): the entities' ids, a reference, never a count.
    misfits = ", ".join(
        f"(SELECT [count(*) FILTER (WHERE NOT (n = d AND lo = 1 AND hi = n)), count(DISTINCT n)] FROM "
        f"(SELECT count(*) AS n, count(DISTINCT {value}) AS d, min({value}) AS lo, "
        f"max({value}) AS hi FROM {relation} GROUP BY {quote_ident(scope)}))"
        for scope in scopes
    )
    counted = src.connection.cursor().execute(f"SELECT {misfits}").fetchone() or ()
    return next(
        (scope for scope, (wrong, sizes) in zip(scopes, counted, strict=False) if wrong == 0 and sizes > 1),
        None,
    )


def _copies_own_key(src: Source, table: str, column: str, key: str) -> bool:
    """Does ``column`` hold, in every row with a value, the row's own ``key``? Then it copies the key
    (a directory's display name left as the login, Request Tracker's ``Gecos``), however few of its
    values there are (:func:`.parent_keys._fits_own_key` turns away a copy of every key only): it relates no
    row to another. A parent ticket or a manager is another row's key; a tree's root is the own row's in
    the roots alone (Redmine's ``root_id``), a reference. A blank (``''``, Unicode spaces) is no value,
    as cleaning makes it NULL and inclusion reads past it (Legado's ``tocUrl``: the book's own URL, or
    ``''``). Read as text, as written (one scan of the table, for a reference to its own key only)."""
    relation = src.relation_sql(table, reads=[ColumnRead(column), ColumnRead(key)])
    value, own = quote_ident(column), quote_ident(key)
    filled = f"nullif({trimmed_sql(value)}, '') IS NOT NULL"
    sql = (
        f"SELECT count(*) FILTER (WHERE {filled}), count(*) FILTER (WHERE {filled} AND {value} = {own}) "
        f"FROM {relation}"
    )
    filled, copied = src.connection.cursor().execute(sql).fetchone() or (0, 0)
    return int(filled) > 0 and int(copied) == int(filled)
