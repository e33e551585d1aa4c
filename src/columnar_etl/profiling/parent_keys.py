"""Keys a reference may point to, and the candidate pairs a child column's profile allows."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from columnar_etl.models import ColumnProfile, TableProfile
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.data_keys import (
    chance_key,
    key_like,
    unique_and_present,
)
from columnar_etl.profiling.key_chance import (
    drawn_text,
    integers_compared,
    keys_above_their_count,
    spread_keys,
)
from columnar_etl.profiling.reference_rows import KEPT_VALUE_BYTES, MIN_DISTINCT, MIN_INCLUSION, NIL_UUIDS
from columnar_etl.source.naming import (
    IDENTIFIER_WORDS,
    linked_tables,
    named_words,
    names_by_id_word,
    names_entity,
    names_own_identifier,
    names_own_parent,
    normalised_name,
)
from columnar_etl.source.sqlite_file import declared_columns
from columnar_etl.source.sqlite_names import sqlite_key

#: Types a reference inferred from the data may have (a key found in the data has one of them too):
#: ``bytea`` since 2026-12-05, where short (:func:`short_bytes`: a UUID bound as 16 bytes, a hash).
REFERENCE_TYPES = ("integer", "text", "bytea")


def primary_key_columns(con: Any, table: str) -> tuple[str, ...] | None:
    """``table``'s PRIMARY KEY columns in key order, None when it has none."""
    info = declared_columns(con, table)
    key = tuple(str(row[1]) for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))
    return key or None


def unique_index_covers(con: Any, table: str, columns: tuple[str, ...]) -> bool:
    """Whether ``columns`` of ``table`` are a key SQLite's foreign key check accepts (as its
    ``sqlite3FkLocateIndex`` finds one): the rowid alias, or a unique index that is not partial of as
    many columns, each one of them (in any order; collating sequences are not compared here)."""
    wanted = {sqlite_key(c) for c in columns}
    listed = con.execute(f"PRAGMA index_list({quote_ident(table)})").fetchall()
    primary = primary_key_columns(con, table) or ()
    # A one-column INTEGER PRIMARY KEY with no index of its own is the rowid.
    rowid = len(primary) == 1 and not any(r[3] == "pk" for r in listed)
    if rowid and len(columns) == 1 and sqlite_key(primary[0]) in wanted:
        return True
    for index in listed:
        if not index[2] or index[4]:  # not unique, or partial
            continue
        names = [r[2] for r in con.execute(f"PRAGMA index_info({quote_ident(str(index[1]))})")]
        if len(names) == len(columns) and all(n is not None and sqlite_key(str(n)) in wanted for n in names):
            return True
    return False


def keys_referable(tables: Mapping[str, TableProfile]) -> dict[tuple[str, str], ColumnProfile]:
    """(table, key column) → the key: what a reference may point to. Each table's key where it is one
    column, unique and non-null in the data, not a key the schema makes unique only with other columns
    (``TableProfile.key_part_of``); and, since 2026-12-05, each text column the schema declares unique by
    itself beside it (``TableProfile.unique_alone``: a one-column UNIQUE constraint or unique index) whose
    every row holds a value, distinct as written (:func:`.data_keys.unique_and_present`), as a foreign key may
    name it: a media server's ``OBJECTS.OBJECT_ID`` (``'64$2$1D'``) beside its rowid ``ID``, which its
    ``PARENT_ID`` and ``REF_ID`` name (MiniDLNA's; before, no reference). Text or bytes (short ones:
    :func:`short_bytes`), whose keys are drawn from a space too large for chance; an integer column only
    where its values are spread over their range (:func:`spread_keys`): numbers from another system, a
    media server monitor's Plex account numbers (0 for the server's owner, 1234567...) under
    ``users.user_id INTEGER UNIQUE`` beside its rowid, which its play history's ``user_id`` holds
    (Tautulli's; since 2026-12-05, before no reference). One numbered 1..N as the key is (a position, a
    rank) is no parent: any small numbers fit it.

    A table keyed by several columns has no one-column key to be named by: there, since 2026-12-06,
    each text column of short values (:func:`.data_keys.key_like`) filled and distinct in every row is a
    parent too, its identifier as a declared one is: a wireless survey's ``devices`` keyed by
    ``UNIQUE(phyname, devmac)`` beside its ``devkey``, which every packet holds (Kismet's log;
    before, no reference). Beside a one-column key, a text column unique in the data alone is none,
    unless its values are generated identifiers (:func:`identifiers_beside_key`; since 2026-12-07), and
    then only for a column whose name names its table."""
    return _referable(tables).parents


@dataclass(frozen=True)
class _Referable:
    """What :func:`keys_referable` finds, with how: :func:`candidates` judges its children by it."""

    #: (table, key column) → the key.
    parents: dict[tuple[str, str], ColumnProfile]
    #: The parents that are generated identifiers beside a key (:func:`identifiers_beside_key`).
    beside: frozenset[tuple[str, str]]
    #: Each table's column distinct on a few rows by chance (:func:`.data_keys.chance_key`), or None.
    chance: dict[str, str | None]


def _referable(tables: Mapping[str, TableProfile]) -> _Referable:
    parents = {}
    beside = set()
    chances: dict[str, str | None] = {}
    for name, table in tables.items():
        if len(table.key) > 1:
            for column in table:
                if (
                    column.inferred_type == "text"
                    and column.name not in table.key
                    and key_like(column, table)
                    and unique_and_present(column, table.row_count)
                ):
                    parents[(name, column.name)] = column
        if (
            len(table.key) == 1
            and table.null_keys == 0
            and table.duplicate_keys == 0
            and table.key_part_of is None
        ):
            column = table[table.key[0]]
            if column.inferred_type in REFERENCE_TYPES:
                parents[(name, column.name)] = column
        for other in identifiers_beside_key(table):
            parents[(name, other)] = table[other]
            beside.add((name, other))
        chances[name] = chance = chance_key(table)
        if chance is not None and table[chance].inferred_type in REFERENCE_TYPES:
            # Distinct on a few rows, maybe by chance: no key, but a parent if another table's values
            # all fall among its own (the reference search's rules judge that; since 2026-12-06).
            parents[(name, chance)] = table[chance]
        for other in table.unique_alone:
            column = table[other]
            drawn = column.inferred_type in DRAWN_TYPES or (
                column.inferred_type == "integer" and spread_keys(column)
            )
            if drawn and unique_and_present(column, table.row_count):
                parents[(name, column.name)] = column
    return _Referable(parents, frozenset(beside), chances)


#: Types whose keys are drawn from a space too large for chance (guids, codes, names; bytes): values
#: two columns share are a link, unlike small integers.
DRAWN_TYPES = ("text", "bytea")


def short_bytes(column: ColumnProfile) -> bool:
    """Is ``column`` of BLOBs a key's or a reference's bytes: at most :data:`.reference_rows.KEPT_VALUE_BYTES`
    a value on average (a UUID's 16, a SHA-256's 32, a SHA-512's 64)? Bytes drawn so are as unlikely to meet
    by chance as text keys; pictures and documents are no keys, and the measure would hold them whole
    (a column's ``bytes`` counts every value's, NULLs none)."""
    present = column.row_count - column.null_count
    return column.inferred_type == "bytea" and present > 0 and column.bytes <= KEPT_VALUE_BYTES * present


def fits_keys(child: ColumnProfile, parent: ColumnProfile, *, lower_half: bool = False) -> bool:
    """Could ``child``'s values be ``parent``'s keys? Decided from the profiles alone (no query).
    ``lower_half``: values that could rank only in the lower half of the keys fit too (a tree's
    parents, older than their children: :func:`_fits_own_key`)."""
    # A double column of whole numbers (pandas' float64 for a blank) is compared with integer keys as
    # integers are (key_chance.whole_numbers, since 2026-12-07).
    integers = parent.inferred_type == "integer" and integers_compared(child)
    if (child.inferred_type != parent.inferred_type and not integers) or child.distinct_count == 0:
        return False
    if child.inferred_type == "bytea" and not (short_bytes(child) and short_bytes(parent)):
        return False
    flag = child.distinct_count == 2 and (child.min, child.max) == (0, 1)
    if integers and (child.distinct_count < MIN_DISTINCT or flag):
        return False  # a constant or a 0/1 flag: its values fit any key holding them, and say nothing
    # The values the measure compares: '' is none of them (a blank is NULL there, as cleaning makes
    # it), so a CSV column using every one of a small table's keys, blank where it has none, fits.
    compared = child.distinct_count - (1 if child.empty_string_count else 0)
    if compared <= 0:
        # Blanks alone name no row, even beside a key loaded as written whose one '' is a value (a
        # sync journal's root folder): a column never filled would refer to it by its blank.
        return False
    # A 0 or a negative number beside keys all above 0 may stand for no reference (NO_REFERENCES):
    # the measure then leaves them out of the share where the column's name names the parent
    # (_share_of_references). At most the integers from the lowest value to 0 are such values.
    none = 0
    if isinstance(parent.min, int) and parent.min > 0 and isinstance(child.min, int) and child.min <= 0:
        none = min(compared, 1 - child.min)
    if isinstance(parent.min, str) and child.min in NIL_UUIDS and parent.min not in NIL_UUIDS:
        none = 1  # the nil UUID, the lowest of GUIDs' text, beside GUID keys
    if math.ceil((compared - none) * MIN_INCLUSION) > parent.distinct_count:
        return False
    if None in (child.min, child.max, parent.min, parent.max):
        return True
    if child.inferred_type == "integer" and isinstance(child.max, int) and isinstance(parent.min, int):
        # The keys are distinct integers from parent.min: at most child.max - parent.min + 1 of them
        # are up to child.max, the highest rank a key among the values can have. Below the upper half
        # of the keys the measure counts (at least the distinct values less those it may not read as
        # integers or may merge), the values cannot reach it (see reaches): ruled out without reading
        # them (a million-row table's small counts and codes against its own key: ~1 s of the profile).
        keys = parent.distinct_count - parent.invalid_count - parent.empty_string_count
        keys -= parent.null_like_count + parent.whitespace_padded_count
        low = 2 * (child.max - parent.min + 1) < keys + 1
        if low and not lower_half and not keys_above_their_count(parent):
            return False
    # The ranges must overlap (a stricter bound would need the data: a tenth may lie outside).
    return bool(child.max >= parent.min and child.min <= parent.max)


def _drawn_apart(column: ColumnProfile) -> bool:
    """Are ``column``'s values text or short bytes, keys that two tables share only by a link (not
    integers, which count 1..N in every table)?"""
    return column.inferred_type == "text" or short_bytes(column)


def _names_a_table(column: ColumnProfile, tables: Mapping[str, TableProfile]) -> bool:
    """Does ``column``'s name name one of ``tables`` as its entity (:func:`names_entity`)?"""
    return any(names_entity(column.name, table) for table in tables)


def _fits_own_key(child: ColumnProfile, key: ColumnProfile) -> bool:
    """Could ``child`` refer to its own table's ``key``? :func:`fits_keys`, and not a copy or reordering of
    the key (small codes are turned away after the measure, by :func:`.key_chance.beyond_chance`, as for any
    key). Values only in the lower half of the keys fit where the column may hold a tree's roots
    (:func:`_may_root_a_tree`): parents older than their children (:func:`.trees.older_rows`)."""
    return (fits_keys(child, key) or _fits_as_tree(child, key)) and (
        child.distinct_count < MIN_INCLUSION * key.distinct_count
    )


def _fits_another(child: ColumnProfile, key: ColumnProfile, parent: str) -> bool:
    """Could ``child`` refer to another table's ``key``? :func:`fits_keys`; values only in the lower half of
    the keys fit too where the column's name says a tree's parent and it may hold a root
    (:func:`names_own_parent`, :func:`_may_root_a_tree`): the parents of a tree kept beside its entity's
    table (:func:`.reference_circles.tree_beside`) are few and low among its keys, as a tree's in its own
    table are; and where the name names ``parent`` by two words or more (:func:`named_words`:
    ``create_article_type_id``, ``ticket_article_types``), measured so that this table, which the values
    do not reach, may veto another the values fit by chance
    (:func:`.reference_names.named_more_elsewhere`, since 2026-12-07)."""
    if fits_keys(child, key):
        return True
    if names_own_parent(child.name):
        return _fits_as_tree(child, key)
    return named_words(child.name, parent) > 1 and fits_keys(child, key, lower_half=True)


def _fits_as_tree(child: ColumnProfile, key: ColumnProfile) -> bool:
    """Could ``child`` be a tree's parents among ``key``'s values: it may hold a root
    (:func:`_may_root_a_tree`) and its values fit, however low in the keys (parents made first)?"""
    return _may_root_a_tree(child) and fits_keys(child, key, lower_half=True)


def _may_root_a_tree(column: ColumnProfile) -> bool:
    """Has ``column`` a row that may be a root of a tree of its own table's rows: a NULL, or an integer
    at or below 0 (the "no reference" of :data:`.inclusion.NO_REFERENCES`)? A tree's oldest row points at no
    older one (:func:`.trees.older_rows`), so a column without such a row is none (read from the profile's
    counts)."""
    return column.null_count > 0 or (isinstance(column.min, int) and column.min <= 0)


def names_table(column: str, table: str) -> bool:
    """Does ``column``'s name name ``table``'s rows: its entity (``album_id``), or an identifier of the
    table's (``sensor_uuid`` in ``Sensors``, as :func:`.naming.names_own_identifier` reads it there), not
    a bare identifier word (``uuid``), which every table's own would be?"""
    if normalised_name(column) in (*IDENTIFIER_WORDS, "key"):
        return False
    return names_entity(column, table) or names_own_identifier(column, table)


def identifiers_beside_key(table: TableProfile) -> list[str]:
    """The text columns of ``table``, keyed by one other column, whose values are generated identifiers
    (a UUID per row: :func:`.key_chance.drawn_text`, the lowest and the highest), filled and distinct in
    every row though not declared unique: other rows may name a row by it as by its key (xDrip+'s readings
    name their sensor by ``sensor_uuid`` beside the sensors' integer ``_id``; since 2026-12-07). Only a
    column whose name names the table's entity refers to one (:func:`candidates`): beside a key, such
    values shared by two tables are as often a pairing of equals (a refresh token's and an access token's
    ``request_id``) or a copy of a third table's (a document's ``root_id``) as a reference to this one."""
    if len(table.key) != 1:
        return []
    return [
        column.name
        for column in table
        if column.inferred_type == "text"
        and column.name not in table.key
        and column.name not in table.unique_alone  # declared unique: a parent as such (above)
        and drawn_text(column.min)
        and drawn_text(column.max)
        and unique_and_present(column, table.row_count)
    ]


def candidates(tables: Mapping[str, TableProfile]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(child table, column) → the (table, key column) pairs it may refer to, pruned with the profiles
    alone (:func:`keys_referable`: a table's key, or a text column it declares unique beside it)."""
    referable = _referable(tables)
    parents, beside = referable.parents, referable.beside
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for name, table in tables.items():
        # A column distinct on a few rows by chance (keys.chance_key) is searched as a child as the key
        # found in the data it was until 2026-12-06: it is no key, but its values are as few.
        chance = referable.chance[name]
        own_key = table.key or ([chance] if chance is not None else [])
        found_in_data = table.key_found == "data_unique" or chance is not None
        for column in table:
            # A key only the data makes unique, of text or short bytes, is this export's accident (a
            # link table with one row per area this time: Things 3's ``TMAreaTag.areas``), and its
            # values do not meet another table's keys by chance: a child as any other column (since
            # 2026-12-06). Integer keys the data finds stay under the rules of names below.
            accidental = found_in_data and _drawn_apart(column)
            if own_key == [column.name] and not accidental:
                # A table's own single-column key is a child only where its name names another table
                # as its entity, not its own (one-to-one: Gajim's ``last_archive_message.jid_id`` →
                # ``jids``): keys 1..N fit any other table's keys 1..N, so a name naming no table
                # (``id``) or its own table's entity (``orders.order_id``, whatever other table shares
                # it: ``incr_orders``) never makes one. The schema declares it the key, or the data
                # alone makes it unique and its name ends in an id word: a link table whose every
                # album has one artist (Lollypop's ``album_artists.album_id``), each user invited once
                # (WriteFreely's ``usersinvited.user_id``; both since 2026-12-06) is keyed by this
                # export's accident; a history's ``episode`` numbers name no id.
                declared = table.key_found in ("declared_primary_key", "declared_unique")
                by_id = found_in_data and names_by_id_word(column.name)
                # A link table named for the tables it links (YesSql's ``UserByRoleNameIndex_Document``)
                # holds its own name's last part: a key naming one of those tables names that table,
                # not its own (``DocumentId`` → ``Document``; since 2026-12-06).
                links = linked_tables(name, set(tables))
                own_entity = names_entity(column.name, name) and not any(
                    names_entity(column.name, linked) for linked in links
                )
                one_to_one = (declared or by_id) and not own_entity
                fitting = [
                    (p, k)
                    for (p, k), key in parents.items()
                    if one_to_one and p != name and names_entity(column.name, p) and fits_keys(column, key)
                ]
                if declared and not fitting and _drawn_apart(column) and not _names_a_table(column, tables):
                    # A declared key of text or bytes named for no table (``id``): its values are
                    # drawn from a space too large for chance, so another table's keys it holds make
                    # it a one-to-one extension of that table (Focalboard's ``sharing.id``, each a
                    # shared board's id; since 2026-12-06). Integer keys 1..N still never refer so.
                    fitting = [
                        (p, k) for (p, k), key in parents.items() if p != name and fits_keys(column, key)
                    ]
            else:
                fitting = [
                    (p, k)
                    for (p, k), key in parents.items()
                    if (p, k) != (name, column.name)
                    and ((p, k) not in beside or (p != name and names_table(column.name, p)))
                    and (_fits_own_key(column, key) if p == name else _fits_another(column, key, p))
                ]
            if fitting:
                found[(name, column.name)] = fitting
    return found
