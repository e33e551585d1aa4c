"""References between the export's tables — from the schema first, then from the data — and orphans.

1. **Declared.** When a table declares foreign keys (``PRAGMA foreign_key_list``), those are its
   references, exactly, and its other columns are searched (by the rules below) only for a parent
   their name names as its entity (``user_id`` → ``user``, :func:`names_entity`): an enum of 1s and
   2s fits a small table's keys, and an ORM may leave a relation to the code (Open WebUI's
   ``chat_message`` declares ``chat_id``, not ``user_id``). Until 2026-12-04 its other columns were
   searched as well; from then until 2026-12-05 none was.
2. **Inferred by inclusion** in a table that declares none (the export may declare some tables' references and
   not others'): a column is a reference to another table's key when at least :data:`MIN_INCLUSION` of its
   distinct non-null values are values of that key. Names play no part. The parent key must be a single
   column, unique and non-null (:mod:`.keys`), or a text column the schema declares unique by itself beside it
   (:func:`_parent_keys`: MiniDLNA's ``OBJECTS.OBJECT_ID``, since 2026-12-05); the child column must have the
   same type (integer with integer, text with text, bytea with bytea where both are short, at most
   :data:`KEPT_VALUE_BYTES` a value on average, :func:`short_bytes`: a key of bytes, a UUID bound as 16 bytes,
   a hash, since 2026-12-05, each cell compared by the bytes the target holds: Netdata's ``chart.host_id``,
   Syncthing's ``blocks.blocklist_hash``) and not be its own table's key when that is one column, unless its
   name names another table as its entity (``jid_id`` → ``jids``: a one-to-one table keyed by its parent's
   key, Gajim's ``last_archive_message``; that table alone, since 2026-12-05), the schema declares it the key
   (or the data alone makes it unique and its name ends in an id word: a link table whose every album has
   one artist, Lollypop's ``album_artists.album_id``, since 2026-12-06) and it names not its own table's
   entity, or it is a declared key of text or short bytes whose name names no table (``id``: Focalboard's
   ``sharing.id``, a shared board's key; such values meet only by a link, since 2026-12-06), or a key of
   text or short bytes only the data makes unique, whatever its name (Things 3's ``TMAreaTag.areas``, one
   tag per tagged area; a child as any other column, since 2026-12-06): a column of a
   key of several (a link table's ``(post_id, tag_id)``, an order's ``(order_id, line_no)``) may refer, as
   any other (until 2026-12-05 no part of a key did, and a link table related nothing). A column may refer
   to its own table's key (a ticket's parent
   ticket, an employee's manager) if it is not a copy or a reordering of the key (its distinct values are
   fewer than :data:`MIN_INCLUSION` of the keys: an order, a rank or a legacy number numbers every row once;
   parents are shared); nor, such a column, to another table whose keys it fits, unless its name names that
   table (:func:`_numbers_own_rows`: Grist's ``manualSort``, since 2026-12-05). A column whose values fit
   several parents' keys equally well is no reference (the data cannot tell which one it is), unless exactly
   one parent's table (or key) name appears in the column's name, or exactly one parent's table name ends in
   the column's name (tables named ``<module>_<entity>``: ``sale`` → ``sale_sale``, ``partner_id`` →
   ``res_partner``), or one parent holds strictly more of its values (its own table's key, say, over another
   table's whose keys merely overlap), or, among those holding as many, the one a link table is named for (a
   table whose name holds two or more other tables' names links those: calibre's
   ``books_custom_column_5_link.value`` → ``custom_column_5``, :func:`linked_tables`, since 2026-12-05): that
   breaks the tie; a name never makes a reference on its own. A table's last word that versions it
   (``PAYEE_V1``) is no part of its name here, and a column named exactly as the parent's key ``<thing>id``
   (``CATEGID`` beside ``CATEGORY_V1.CATEGID``: :func:`key_named_for`) names the parent as its entity does
   (since 2026-12-05). References found so run in no circle (:func:`_without_circles`): two key columns
   holding each other's values (WriteFreely's ``collections.alias`` and ``users.username``) are a
   one-to-one pairing, whose parent a declared reference, the names, the firmer key or a superset of
   values tells; where nothing does, neither refers (since 2026-12-06; before, each was the other's parent).
3. **Integers must beat chance.** Text keys (guids, codes, names) and keys of bytes (UUIDs, hashes) are drawn
   from a space so large that values shared by two columns are a link. Integer keys are mostly 1..N, so any
   column of small numbers (a 0/1/2 flag, a type code, a denominator of 100, a year) is made of "key values"
   of some table: inclusion alone is no evidence (GnuCash's ``tax_included`` in ``slots.id``, GeoPackage's
   ``z``/``m`` flags in ``srs_id``, EPSG's ``sort_order`` in its version history). An integer column is a
   reference only when the keys it holds show one, measured exactly by the same query:

   - at least :data:`MIN_DISTINCT` distinct values, and not the pair 0, 1: a constant or a flag fits
     any key holding it and says nothing;
   - the highest key it holds ranks in the upper half of the parent's keys (by rank, not by value: an
     outlying key such as EPSG's 69,036,405 does not stretch the range). A reference's values are a
     sample of the keys, k of them all in the lower half with chance 2^-k; codes sit at the bottom. A
     parent the values do not reach so is ruled out before the tie-break; the others all compete,
     convincing or not (three small numbers fitting an 8-row and a 5-row table alike stay a tie).
     Keys whose lowest is above their number (epoch milliseconds, codes from 1024:
     :func:`keys_above_their_count`) hold no code counting from 0 or 1, and need not be reached so:
     the chance measure below tells a sample of their oldest (an Anki collection's reviews of the
     cards studied so far) from chance (since 2026-12-05; before, no reference);
   - and either the k keys it holds are at least half of the parent's keys (a lookup table in use:
     tickets of 4 priorities; but not every key from the lowest up, consecutive, stopping
     :data:`COUNTER_SHORT_BY` keys or more short of the last: any counter from 1 fits those, a ticket's
     priorities 0..99 a links table keyed 1..132, since 2026-12-04), or, fewer,
     they are no run (they fill less than half of the integers from the lowest to the highest: a
     sample of under half the keys leaves gaps; years, counters and codes run on) and unlikely keys
     by chance: were k integers as likely any from 0 (or the lowest, if negative) to the highest, the
     chance that all are keys, (keys in that span / span)^k, is at
     most :data:`MAX_CHANCE`: a reference predicts the inclusion, chance does 5 times less well (a
     Bayes factor of 5). Keys 1..N fill their span: small numbers within them never count this way,
     only through use of half the keys;
   - and its values are no window of consecutive numbers starting above the parent's lowest key and
     running on past its highest (ISO weeks 9..22 beside keys 1..21: 13 of 14 are keys, over half of
     them used, but numbers above the highest key are no rows yet; :func:`runs_past_keys`). Until
     2026-12-04 such a counter was a reference, its numbers past the keys counted as orphans.

   Both counter rules read numbers alone, and yield to a name: a column whose name names the parent
   (``ticket_id`` → ``tickets``: :func:`names_parent`) using half its keys is a reference even as a
   run (a one-row-per-ticket table covering tickets 1..200 of 300; merged tickets 5..330, the last
   30 purged: orphans).

   A column whose name is the parent's entity (its last word, less ``id``, the table's singular:
   ``book`` → ``books``; :func:`_same_entity`) whose values reach the upper half of the keys is a
   reference however few of them it uses: calibre rates 149 of 300 books in ``books_ratings_link``,
   spread over all of them, and keys 1..N fill their span, so no chance measure could tell (since
   2026-12-05; before, no reference). ``slot_type`` merely contains ``slots``: a type, not this.

   In an export that declares foreign keys (in any table: an ORM's database; a clause naming a table
   the export lacks counts, since 2026-12-05: :func:`dangling_declarations`), a column whose values
   are the first keys of the parent, every one from the lowest up, consecutive (:func:`first_keys`),
   is no reference unless its name names the parent: an enum or a counter numbered from 1 holds
   those, and the schema declares its relations (Mailman's ``bounceevent.context`` 1/2 beside two
   domains, since 2026-12-05). A sample with gaps still is one. So is a run of consecutive keys from
   anywhere in them (:func:`consecutive_keys`): an Objection.js app's ``persons.age`` 20..79 beside
   the persons' keys 1..120, half of them in their upper half, referred to ``persons.id`` until
   2026-12-05.

   A column referring to its own table's integer key as a tree or a chain does (a season's show, an
   episode's season, a reply's comment, a revision's predecessor) is told by the rows' order, which
   codes do not keep (:func:`older_rows`, since 2026-12-06): parents are made before their children,
   so every row holding a key of the table names an older row, none its own. Were the values dealt
   to those rows at random, the row keyed ``k`` would hold one below ``k`` with probability ``F(k)``,
   the share of the values below ``k``; that all do has chance ``prod F(k)``, at most
   :data:`MAX_CHANCE` (rows keyed above every value count 1: the evidence is in the first rows
   holding one, where a status 3 in row 1 points at a newer row and a level 1 in row 1 at its own).
   With at least :data:`MIN_DISTINCT` keys among its values, such a column need not reach the upper
   half of the keys (a library's shows, made before their seasons and episodes, are ids 9 to 11 of
   23: until 2026-12-06 no reference), the counter and first-keys rules do not apply, and a name
   ending in a version word no longer turns it away (a version of its own row names no older row;
   kine's ``prev_revision`` does); the other names still do. It is preferred to other tables whose
   keys hold its values unless the name names one of them (:func:`_choose`): a tree's parent is its
   own kind. Pruning measures it against its own keys however low its values, where it has a root
   (a NULL, or 0 or below: :func:`_may_root_a_tree`).

   A tree kept beside its entity's table (:func:`_tree_beside`, since 2026-12-06): CMSs keep a tree's
   parent in a table whose row names the entity (Drupal's ``taxonomy_term__parent``: ``entity_id`` a
   term, ``parent_target_id`` its parent term; WordPress's ``wp_term_taxonomy``: ``term_id`` and
   ``parent``), 0 for a root. A column whose name says parent (:func:`names_own_parent`, an entity
   reference field's ``parent_target_id`` too) in a table another integer column of which names the
   row (a column of its key, or one value a row: :func:`_names_the_row`) and refers to a table T
   (declared, or found by these rules) refers to T where, the root's values (0, negatives) left out of
   the share as for a name naming the parent, 90 % of its values are T's keys, at least
   :data:`MIN_DISTINCT` of them, no row names its own entity, and chance is beaten: each row holding a
   value names an older entity (:func:`older_rows`, the entity in place of the row's key), or the
   values use half of T's keys, or they could be keys by chance at most :data:`MAX_CHANCE` (rule 3,
   without its upper half: parents are few and low). T is chosen before any other table whose keys
   hold the values (users keyed from 0, whose anonymous 0 a root's 0 is; the table's own key): the
   name says parent, the row's entity is T's. Its 0 is counted as "no reference, no parent" (the
   roots), not orphans. Pruning measures such a column against every table's keys however low its
   values, where it has a root. The column naming the row's entity is itself found by the rules
   above; where its values fit several tables alike, the one its table is named as a part of breaks
   the tie (:func:`owning_tables`: ``taxonomy_term__parent`` of ``taxonomy_term_data``). What this
   loses: a tree beside an entity whose column is not found (several tables alike, none named), one
   of a single parent (WordPress's categories under one), and one whose parents are keys of T by
   no more than chance (codes named parent).

   What this loses: a true integer reference with a single value, or using few keys all in the lower
   half of keys numbered from near 1, or, under a name that is not the parent's entity, a sample of
   under half the keys or a short run of them (orders of the latest customers only), or, under a name
   not naming its table, a run of the first keys of a growing table (orders of its first customers
   only), or in an export declaring other references, of any table, or there any run of consecutive
   keys (the references of a batch of parents, 20..79), or a tree whose rows were re-parented to a
   newer row, or whose roots hold 0 under a name naming no table beside few parents (kine's
   ``create_revision``: its 0 one value of seven). The data cannot tell those from
   codes; declare the foreign key and it is taken as declared.

Cost stays bounded: candidates are pruned with the profile's figures alone (type, distinct counts,
min/max, and whether integer values could reach the upper half of keys numbered from near 1)
before any query, and each remaining child column is checked against all its candidate parents in
one DuckDB query over its distinct values, which also counts the orphans (child rows whose value
has no parent row) exactly. The profile keeps the distinct values of short-valued columns (keys,
codes) with their counts, so those are not read from the export again. Orphans are
an issue of the child column (``orphan_reference``). A declared reference is compared as SQLite's own
foreign key check compares it, by its parent key's collating sequence: ``Billing`` refers to the key
``billing`` of a ``COLLATE NOCASE`` column (ASCII letters folded), and is no orphan; and by its
affinity, applied to the child's value first: ``'2.50'`` is the REAL key 2.5, ``'007'`` the INTEGER
key 7; a key of none (untyped, ``BLOB``, a STRICT table's ``ANY``) converts nothing (``'1'`` is no key
1); no affinity converts a BLOB (``x'31'`` is no key 1), which equals only a BLOB of its bytes.

**"No reference" is no orphan.** MySQL applications (osTicket, WordPress, Drupal, Moodle, OTRS...) declare
reference columns ``NOT NULL DEFAULT '0'`` and write ``0`` where a row refers to nothing (a thread entry's
``pid``, a ticket's ``staff_id``): AUTO_INCREMENT keys, like SQLite's rowids, start at 1, so ``0`` is never
a generated key; nor is ``-1``, which other applications write so (a time tracker's activity of no category:
Hamster's ``category_id = -1``). A child value ``0`` or ``-1`` that no parent key matches, where every key
of the parent is above 0 (or none is a number), is counted as the column's "no reference" value
(:data:`NO_REFERENCES`; ``ColumnProfile.no_reference_count``), not as an orphan: it costs nothing and the
cell is loaded as it is. So is any other negative integer beside keys that are numbers, all above 0: a code
an application keeps for a row it has none of (a music player's ``album_artists.artist_id = -10``,
Lollypop's ``Type.COMPILATIONS``, the "Various Artists" of a compilation; since 2026-12-06: before, among
its 16 artists the ``-10`` was a 17th value and no reference was found). Where the parent has keys at or
below 0, such a value without a parent is an orphan like any other. ``''`` is already NULL (blank, its own
rule), and any positive number is a legal key. Where the column's name names the parent, they are left out
of the inclusion share (:func:`_share_of_references`; since 2026-12-05, for ``-1`` too); elsewhere they
count among the values. So does the nil UUID (:data:`NIL_UUIDS`, .NET's ``Guid.Empty``) beside the keys of a
text parent that does not hold it: no UUID generator draws it (Jellyfin's activity log names it as the user
of an event no user caused; since 2026-12-05), and, no enum counting from it, it is left out of the share
whatever the column's name (FileFlows' ``LibraryFile.FlowUid`` beside ``DbObject.Uid``; since 2026-12-06).
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from string import ascii_lowercase, ascii_uppercase
from typing import Any, TypeVar

import duckdb

from columnar_etl.models import ColumnProfile, Issue, TableProfile
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.keys import (
    changes_values,
    cleaned_sql,
    keep_as_written,
    key_like,
    unique_and_present,
)
from columnar_etl.profiling.sql import EXAMPLES, trimmed_sql
from columnar_etl.source.catalogue import (
    CORE_DATA_ENTITY_COLUMNS,
    CORE_DATA_TABLES,
    connect_read_only,
    declared_columns,
)
from columnar_etl.source.cells import HELPER_PREFIX, ColumnRead, class_column, hex_column, sqlite_affinity
from columnar_etl.source.export import Source
from columnar_etl.source.naming import (
    camel_words,
    column_tag,
    entity_of,
    key_named_for,
    name_words,
    names_by_id_word,
    names_entity,
    names_own_parent,
    normalised_name,
    singulars,
    table_singulars,
)
from columnar_etl.source.sqlite_names import matching_name, sqlite_key
from columnar_etl.wording import agree, such_as

#: A column is a reference when at least this share of its distinct non-null values are parent keys.
MIN_INCLUSION = 0.9
#: An integer column is a reference inferred from the data only with at least this many distinct values.
MIN_DISTINCT = 2
#: ... and, unless they are half the parent's keys, when its values that are keys would all be keys by
#: chance with at most this probability: a Bayes factor of 5 for the reference (the module's rule 3).
MAX_CHANCE = 0.2
#: Keys left above a run of consecutive keys from the lowest (:func:`_counter_from_the_lowest_key`)
#: that make it a counter's range rather than a lookup used but for its last codes.
COUNTER_SHORT_BY = 10
#: Types a reference inferred from the data may have (a key found in the data has one of them too):
#: ``bytea`` since 2026-12-05, where short (:func:`short_bytes`: a UUID bound as 16 bytes, a hash).
REFERENCE_TYPES = ("integer", "text", "bytea")
#: The kind of an inferred reference between bytea columns: each cell compared by its bytes (a BLOB's,
#: a TEXT cell's UTF-8), as the target holds them, whatever its storage class (:func:`_bytes_value`).
BYTES = "bytea"
#: The profile keeps a column's distinct values for the search when none is longer than this (bytes):
#: keys and codes are short, free text is not (a column with a longer value is read again). A BLOB
#: column is searched when its values are this short on average (:func:`short_bytes`).
KEPT_VALUE_BYTES = 64
#: Names of the DuckDB tables holding the kept values (no export table lives in DuckDB's own database).
KEPT_PREFIX = "__columnar_etl_kept_"
#: The values an application writes in a reference column for "no reference" (MySQL's ``0``, and
#: ``-1``; the module's last paragraph): counted apart from the orphans when no parent key matches
#: them and all keys lie above 0. So is any other negative integer, where those keys are numbers
#: (Lollypop's ``-10`` for a compilation's artists; since 2026-12-06).
NO_REFERENCES = ("0", "-1")
#: The nil UUID, .NET's ``Guid.Empty`` (with and without its hyphens): the "no reference" of a column
#: of GUIDs, which no generator draws (the module's last paragraph).
NIL_UUIDS = ("00000000-0000-0000-0000-000000000000", "0" * 32)

_Entry = TypeVar("_Entry")
_Found = TypeVar("_Found")

#: The column of a child's distinct rows (:func:`_distinct_rows`) holding how many rows each stands for.
_ROWS = '"__columnar_etl_rows"'


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


def _in_set(number: int) -> str:
    """The column of :func:`_distinct_rows` telling whether a row is one of set ``number``'s."""
    return quote_ident(f"__columnar_etl_in{number}")


def _every_row(relation: str, sets: list[list[str]]) -> str:
    """SQL: ``relation``'s rows as :func:`_distinct_rows` gives its distinct values: each its own
    (:data:`_ROWS` 1), in every set."""
    flags = "".join(f", true AS {_in_set(n)}" for n in range(len(sets)))
    return f"(SELECT *, 1 AS {_ROWS}{flags} FROM {relation})"


def _distinct_rows(relation: str, reads: list[ColumnRead], sets: list[list[str]]) -> str:
    """SQL: ``relation`` (read by ``reads``) as, for each of ``sets`` (columns of it a check compares),
    the distinct values of those columns, each with the number of rows holding them (:data:`_ROWS`) and
    true in the column :func:`_in_set` of its set: a check computes each value once (a million rows of
    a reference hold a few thousand keys), then counts rows by it (``sum(rows)``, not ``count(*)``),
    several checks in one read (``GROUPING SETS``), each over its own columns' distinct values (the
    values of all together are near every row). Each column with the storage class and hex read
    with it (``ColumnRead.with_class``, ``with_hex``)."""
    read_as: dict[str, list[str]] = {}
    for index, read in enumerate(reads):
        read_as[read.name] = [quote_ident(read.name)]
        if read.with_class:
            read_as[read.name].append(quote_ident(class_column(index)))
        if read.with_hex:
            read_as[read.name].append(quote_ident(hex_column(index)))
    everything = [name for read in reads for name in read_as[read.name]]
    # Each set's columns in the read's order: two checks of the same columns are one set (a set listed
    # twice would count its rows twice).
    grouped = [
        [name for name in everything if name in {n for column in chosen for n in read_as[column]}]
        for chosen in sets
    ]
    unique = list(dict.fromkeys(tuple(names) for names in grouped))
    # GROUPING(...) has a bit per column, the first the highest, set where the row's set leaves it out.
    masks = [
        sum(1 << (len(everything) - 1 - i) for i, name in enumerate(everything) if name not in names)
        for names in grouped
    ]
    listed = ", ".join(everything)
    if len(unique) == 1:  # one set (a composite reference's columns may be more than grouping() has bits)
        flags = ", ".join(f"true AS {_in_set(n)}" for n in range(len(sets)))
        return (
            f"(SELECT *, {flags} FROM (SELECT {', '.join(unique[0])}, count(*) AS {_ROWS} "
            f"FROM {relation} GROUP BY ALL))"
        )
    flags = ", ".join(f"__set = {mask} AS {_in_set(n)}" for n, mask in enumerate(masks))
    by = ", ".join(f"({', '.join(names)})" for names in unique)
    return (
        f"(SELECT *, {flags} FROM (SELECT {listed}, count(*) AS {_ROWS}, grouping({listed}) AS __set "
        f"FROM {relation} GROUP BY GROUPING SETS ({by})))"
    )


def _smallest(counted: list[Any] | None) -> tuple[str, ...]:
    """The :data:`EXAMPLES` smallest values of rows, sorted, as ``min(text, EXAMPLES)`` gives them over
    rows, from ``min({'v': text, 'n': rows}, EXAMPLES)`` over distinct rows (:func:`_distinct_rows`):
    the smallest values by text come first, each as often as its rows (up to :data:`EXAMPLES`)."""
    values = [item["v"] for item in counted or () for _ in range(min(int(item["n"]), EXAMPLES))]
    return tuple(sorted(values))[:EXAMPLES]


@dataclass(frozen=True)
class KeptValues:
    """A table's values kept by the profile (:func:`kept_values_sql`): DuckDB table ``name`` of
    ``(idx, val, weight)``; ``columns``, the kept columns' indexes by name."""

    name: str
    columns: Mapping[str, int]


def kept_values_sql(name: str, counted: str, *, only: list[int] | None = None) -> str:
    """DuckDB: create table ``name`` from ``counted`` (the profile's counted cells, see
    :func:`.sql.distinct_cells_sql`): ``(idx, val, weight)``, the distinct values of each column all of
    whose non-NULL cells are INTEGER, REAL or valid UTF-8 TEXT of at most :data:`KEPT_VALUE_BYTES`
    bytes, as text (what a read of the column gives), with their cell counts. ``only``: of those
    columns, the ones at these indexes."""
    # CASE, not AND: only a short value is checked for UTF-8 (a long one would be scanned whole).
    short = (
        "CASE WHEN cls = 'n' THEN true "
        f"WHEN cls IN ('i', 'r', 't') AND octet_length(v) <= {KEPT_VALUE_BYTES} "
        "THEN try(decode(v)) IS NOT NULL ELSE false END"
    )
    chosen = f" AND list_contains([{', '.join(map(str, only))}], idx)" if only is not None else ""
    select = (
        f"SELECT idx, decode(v) AS val, weight "
        f"FROM {counted} WHERE cls <> 'n'{chosen} AND idx IN "
        f"(SELECT idx FROM {counted} WHERE true{chosen} GROUP BY idx HAVING bool_and({short}))"
    )
    return f"CREATE OR REPLACE TABLE {quote_ident(name)} AS {select}"


def kept_native_sql(native: str) -> str:
    """DuckDB: the kept values (``(idx, val, weight)``, as :func:`kept_values_sql` keeps them) of
    ``native``, the counted values of INTEGER columns (:func:`.native.native_distinct_sql`), each
    number as its digits (what a text read gives)."""
    return f"SELECT idx, CAST(v AS VARCHAR) AS val, weight FROM {native} WHERE v IS NOT NULL"


def kept_values(src: Source, name: str, columns: list[str]) -> KeptValues:
    """What table or view ``name`` (:func:`kept_values_sql`, over a table of ``columns``) holds."""
    rows = src.connection.cursor().execute(f"SELECT DISTINCT idx FROM {quote_ident(name)}").fetchall()
    return KeptValues(name, {columns[int(idx)]: int(idx) for (idx,) in rows})


@dataclass(frozen=True)
class Reference:
    """``child.columns`` refer to ``parent.parent_columns``; ``declared`` in the schema or found."""

    child: str
    columns: tuple[str, ...]
    parent: str
    parent_columns: tuple[str, ...]
    declared: bool
    #: The collating sequence SQLite compares each parent key column with (its unique index's:
    #: ``BINARY``, ``NOCASE``, ``RTRIM``), as SQLite's own foreign key check does; BINARY when unknown.
    collations: tuple[str, ...] = ()
    #: The affinity SQLite applies to a child's value before looking it up among each parent key
    #: column's (:func:`key_affinity`: ``INTEGER``, ``REAL``, ``NUMERIC``, ``TEXT``, or ``BLOB`` for
    #: none); () when unknown (the parent key's declared type then says it).
    affinities: tuple[str, ...] = ()
    #: The parent key is its table's rowid, which the child holds as its rows' only identity
    #: (:func:`~columnar_etl.source.catalogue.rowid_references`): found by the names and every value,
    #: taken as a declared reference is, and carried as a column of the parent.
    by_rowid: bool = False


def _foreign_keys(con: Any, child: str) -> list[list[tuple[Any, ...]]]:
    """The foreign keys ``child`` declares: for each, its ``PRAGMA foreign_key_list`` rows in the
    key's column order. SQLite lists them last declared first (id 0 is the CREATE TABLE's last clause)."""
    by_id: dict[int, list[tuple[Any, ...]]] = {}
    for row in con.execute(f"PRAGMA foreign_key_list({quote_ident(child)})"):
        by_id.setdefault(int(row[0]), []).append(row)
    return [sorted(rows, key=lambda row: row[1]) for rows in by_id.values()]


def declared_references(path: str | Path, tables: list[str]) -> list[Reference]:
    """The foreign keys the export declares between ``tables`` (SQLite's catalogue, read-only)."""
    con = connect_read_only(Path(path))
    try:
        found: list[Reference] = []
        for child in tables:
            # In the order the CREATE TABLE writes them, so that "the first declared" (a column declared
            # to reference two tables, on a tie: see _record_declared) is the first.
            for rows in reversed(_foreign_keys(con, child)):
                # SQLite compares table names without regard to the case of A-Z only: "ä" names no
                # table "Ä" (a dangling declaration, see dangling_declarations).
                parent = matching_name(str(rows[0][2]), tables)
                if parent is None:
                    continue  # a dangling declaration: the parent is not in the export
                info = declared_columns(con, parent)
                targets = [row[4] for row in rows]
                if any(target is None for target in targets):  # REFERENCES parent: its primary key
                    targets = [row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5])]
                # The clause spells its columns as it likes (SQLite matches them without regard to
                # case): the tables' own spellings, or none when a column does not exist (a dangling
                # declaration, which SQLite accepts and never checks unless foreign keys are enforced).
                columns = _named(con, child, [row[3] for row in rows])
                parent_columns = _named(con, parent, targets, info)
                if columns and parent_columns and len(parent_columns) == len(columns):
                    collations = _key_collations(con, parent, parent_columns)
                    declared = {str(row[1]): str(row[2] or "") for row in info}
                    strict = _strict(con, parent)
                    affinities = tuple(key_affinity(declared[c], strict=strict) for c in parent_columns)
                    reference = Reference(
                        child, columns, parent, parent_columns, True, collations, affinities
                    )
                    # A clause written twice (Strapi's knex repeats each CONSTRAINT ... FOREIGN KEY)
                    # is listed twice by SQLite: one reference, its orphans counted once.
                    if reference not in found:
                        found.append(reference)
        return found
    finally:
        con.close()


def dangling_declarations(path: str | Path, tables: list[str]) -> dict[tuple[str, str], str]:
    """The foreign keys of ``tables`` that name a parent table or column the export does not have, or
    does not have among ``tables``: (child table, its first column) → why, for a note. SQLite accepts
    such a declaration, but its ``PRAGMA foreign_key_check`` reports every row with a value of a
    reference to a missing table, and refuses to check one naming a missing column ("foreign key
    mismatch"). They are no reference (the column's may then be found in the data).

    Also those SQLite refuses to check for want of a key ("foreign key mismatch" too): a parent table
    without a PRIMARY KEY named by a clause without columns (no reference either), or parent columns
    that no PRIMARY KEY or UNIQUE index (not partial, with the columns' own collating sequences)
    covers. The latter stay references, their orphans counted as if those columns were the key."""
    con = connect_read_only(Path(path))
    try:
        present = {
            sqlite_key(str(name))
            for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        }
        known = {sqlite_key(t): t for t in tables}
        found: dict[tuple[str, str], str] = {}
        for child in tables:
            unkeyed: dict[tuple[str, str], str] = {}
            failed: set[str] = set()  # parents some foreign key of child's names without a key
            for rows in _foreign_keys(con, child):
                columns = _named(con, child, [row[3] for row in rows])
                if columns is None:
                    continue  # SQLite itself refuses a clause naming no column of its table
                parent = str(rows[0][2])
                targets = [str(row[4]) for row in rows if row[4] is not None]
                named = f"{parent}({', '.join(targets)})" if targets else parent
                if sqlite_key(parent) not in known:
                    where = "not read" if sqlite_key(parent) in present else "missing from the export"
                    found[(child, columns[0])] = (
                        f"declared to reference {named}, a table {where}: no reference (SQLite's "
                        "foreign_key_check reports each row with a value as a violation)"
                    )
                    continue
                table = known[sqlite_key(parent)]
                keys = _named(con, table, targets) if targets else _primary_key(con, table)
                covered = keys is not None and _unique_index_covers(con, table, keys)
                if not covered:
                    failed.add(sqlite_key(parent))
                if targets and keys is None:
                    found[(child, columns[0])] = (
                        f"declared to reference {named}, a column {parent} does not have: no reference "
                        f"({_MISMATCH})"
                    )
                elif keys is None:
                    found[(child, columns[0])] = (
                        f"declared to reference {named}, a table with no PRIMARY KEY and no column named: "
                        f"no reference ({_MISMATCH})"
                    )
                elif not covered:
                    found[(child, columns[0])] = (
                        f"declared to reference {parent}({', '.join(keys)}), which no PRIMARY KEY or "
                        f"UNIQUE index of {parent} covers: {_MISMATCH}; its orphans are counted as "
                        f"if {', '.join(keys)} were the key"
                    )
                else:
                    unkeyed[(child, columns[0])] = sqlite_key(parent)
            # SQLite's own verdict, without reading a row (EXPLAIN compiles the check): a unique index
            # whose collating sequence is not its column's is no key to it either.
            refused = _refused_parent(con, child)
            if refused is not None and refused not in failed:
                for place, parent in unkeyed.items():
                    if parent == refused and place not in found:
                        found[place] = (
                            f"declared to reference {known[parent]}, whose unique index does not compare "
                            f"as the key's columns do (another collating sequence): {_MISMATCH}; its "
                            "orphans are counted as the index compares them"
                        )
        return found
    finally:
        con.close()


_MISMATCH = "SQLite's foreign_key_check refuses it: foreign key mismatch"


def _primary_key(con: Any, table: str) -> tuple[str, ...] | None:
    """``table``'s PRIMARY KEY columns in key order, None when it has none."""
    info = declared_columns(con, table)
    key = tuple(str(row[1]) for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))
    return key or None


def _unique_index_covers(con: Any, table: str, columns: tuple[str, ...]) -> bool:
    """Whether ``columns`` of ``table`` are a key SQLite's foreign key check accepts (as its
    ``sqlite3FkLocateIndex`` finds one): the rowid alias, or a unique index that is not partial of as
    many columns, each one of them (in any order; collating sequences are not compared here)."""
    wanted = {sqlite_key(c) for c in columns}
    listed = con.execute(f"PRAGMA index_list({quote_ident(table)})").fetchall()
    primary = _primary_key(con, table) or ()
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


def _refused_parent(con: Any, child: str) -> str | None:
    """The parent table (ASCII-folded) SQLite's foreign key check of ``child`` refuses for want of a
    key ("foreign key mismatch - "child" referencing "parent""), compiled but not run; None if none."""
    try:
        con.execute(f"EXPLAIN PRAGMA foreign_key_check({quote_ident(child)})").fetchall()
    except sqlite3.Error as exc:
        found = re.search(r'foreign key mismatch - ".*" referencing "(.*)"', str(exc))
        return sqlite_key(found.group(1)) if found else None
    return None


def key_affinity(declared: str, *, strict: bool = False) -> str:
    """The affinity SQLite's foreign key check applies to a child's value before looking it up among a
    parent key column's (its index's affinity): the column's, by SQLite's rules (``INTEGER``, ``REAL``,
    ``NUMERIC``, ``TEXT``, ``BLOB`` for none). A STRICT table's ``ANY`` column has none: it keeps its
    values as written (the text ``'1'`` is no integer 1), where elsewhere ``ANY`` is NUMERIC."""
    if strict and declared.strip().upper() == "ANY":
        return "BLOB"
    return sqlite_affinity(declared)


def _strict(con: Any, table: str) -> bool:
    """Whether ``table`` is a STRICT table (``PRAGMA table_list``, SQLite 3.37+; False before)."""
    try:
        rows = con.execute("SELECT strict FROM pragma_table_list WHERE name = ?", (table,)).fetchall()
    except sqlite3.OperationalError:  # an SQLite older than 3.37: no table_list, no STRICT table
        return False
    return any(bool(row[0]) for row in rows)


def _key_collations(con: Any, table: str, key: tuple[str, ...]) -> tuple[str, ...]:
    """The collating sequence of each column of ``key``, as its unique index compares them
    (``PRAGMA index_xinfo``): SQLite's foreign key check compares a child's value with the parent key
    by it, so ``Billing`` refers to the key ``billing`` of a ``COLLATE NOCASE`` column. BINARY for a
    rowid alias (no index) or a key no unique index covers in that order."""
    wanted = [sqlite_key(name) for name in key]
    for index in con.execute(f"PRAGMA index_list({quote_ident(table)})").fetchall():
        if not index[2] or index[4]:  # not unique, or partial
            continue
        rows = [r for r in con.execute(f"PRAGMA index_xinfo({quote_ident(str(index[1]))})") if r[5]]
        if [sqlite_key(str(r[2])) for r in rows] == wanted:
            return tuple(str(r[4]).upper() for r in rows)
    return tuple("BINARY" for _ in key)


def _named(
    con: Any, table: str, names: list[Any], info: list[tuple[Any, ...]] | None = None
) -> tuple[str, ...] | None:
    """``names`` as ``table`` spells its columns (SQLite folds ASCII letters only), or None when one
    of them is no column of ``table`` (a generated column is one). ``info``: its
    :func:`~columnar_etl.source.catalogue.declared_columns`, when already read."""
    if info is None:
        info = declared_columns(con, table)
    spelled = {sqlite_key(str(row[1])): str(row[1]) for row in info}
    # Not "" for a missing one: SQLite allows a column named "" (read under another name).
    found = [spelled.get(sqlite_key(str(name))) for name in names]
    named = tuple(name for name in found if name is not None)
    return named if named and len(named) == len(found) else None


def _parent_keys(tables: Mapping[str, TableProfile]) -> dict[tuple[str, str], ColumnProfile]:
    """(table, key column) → the key: what a reference may point to. Each table's key where it is one
    column, unique and non-null in the data, not a key the schema makes unique only with other columns
    (``TableProfile.key_part_of``); and, since 2026-12-05, each text column the schema declares unique by
    itself beside it (``TableProfile.unique_alone``: a one-column UNIQUE constraint or unique index) whose
    every row holds a value, distinct as written (:func:`.keys.unique_and_present`), as a foreign key may
    name it: a media server's ``OBJECTS.OBJECT_ID`` (``'64$2$1D'``) beside its rowid ``ID``, which its
    ``PARENT_ID`` and ``REF_ID`` name (MiniDLNA's; before, no reference). Text or bytes (short ones:
    :func:`short_bytes`), whose keys are drawn from a space too large for chance; an integer column only
    where its values are spread over their range (:func:`spread_keys`): numbers from another system, a
    media server monitor's Plex account numbers (0 for the server's owner, 1234567...) under
    ``users.user_id INTEGER UNIQUE`` beside its rowid, which its play history's ``user_id`` holds
    (Tautulli's; since 2026-12-05, before no reference). One numbered 1..N as the key is (a position, a
    rank) is no parent: any small numbers fit it.

    A table keyed by several columns has no one-column key to be named by: there, since 2026-12-06,
    each text column of short values (:func:`.keys.key_like`) filled and distinct in every row is a
    parent too, its identifier as a declared one is: a wireless survey's ``devices`` keyed by
    ``UNIQUE(phyname, devmac)`` beside its ``devkey``, which every packet holds (Kismet's log;
    before, no reference). Beside a one-column key, a text column unique in the data alone is none."""
    parents = {}
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
        for other in table.unique_alone:
            column = table[other]
            drawn = column.inferred_type in _DRAWN_TYPES or (
                column.inferred_type == "integer" and spread_keys(column)
            )
            if drawn and unique_and_present(column, table.row_count):
                parents[(name, column.name)] = column
    return parents


#: Types whose keys are drawn from a space too large for chance (guids, codes, names; bytes): values
#: two columns share are a link, unlike small integers.
_DRAWN_TYPES = ("text", "bytea")


def short_bytes(column: ColumnProfile) -> bool:
    """Is ``column`` of BLOBs a key's or a reference's bytes: at most :data:`KEPT_VALUE_BYTES` a value
    on average (a UUID's 16, a SHA-256's 32, a SHA-512's 64)? Bytes drawn so are as unlikely to meet
    by chance as text keys; pictures and documents are no keys, and the measure would hold them whole
    (a column's ``bytes`` counts every value's, NULLs none)."""
    present = column.row_count - column.null_count
    return column.inferred_type == "bytea" and present > 0 and column.bytes <= KEPT_VALUE_BYTES * present


def _fits(child: ColumnProfile, parent: ColumnProfile, *, lower_half: bool = False) -> bool:
    """Could ``child``'s values be ``parent``'s keys? Decided from the profiles alone (no query).
    ``lower_half``: values that could rank only in the lower half of the keys fit too (a tree's
    parents, older than their children: :func:`_fits_own_key`)."""
    if child.inferred_type != parent.inferred_type or child.distinct_count == 0:
        return False
    if child.inferred_type == "bytea" and not (short_bytes(child) and short_bytes(parent)):
        return False
    flag = child.distinct_count == 2 and (child.min, child.max) == (0, 1)
    if child.inferred_type == "integer" and (child.distinct_count < MIN_DISTINCT or flag):
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
    """Could ``child`` refer to its own table's ``key``? :func:`_fits`, and not a copy or reordering of
    the key (small codes are turned away after the measure, by :func:`beyond_chance`, as for any key).
    Values only in the lower half of the keys fit where the column may hold a tree's roots
    (:func:`_may_root_a_tree`): parents older than their children (:func:`older_rows`)."""
    return (_fits(child, key) or _fits_as_tree(child, key)) and (
        child.distinct_count < MIN_INCLUSION * key.distinct_count
    )


def _fits_another(child: ColumnProfile, key: ColumnProfile) -> bool:
    """Could ``child`` refer to another table's ``key``? :func:`_fits`; values only in the lower half of
    the keys fit too where the column's name says a tree's parent and it may hold a root
    (:func:`names_own_parent`, :func:`_may_root_a_tree`): the parents of a tree kept beside its entity's
    table (:func:`_tree_beside`) are few and low among its keys, as a tree's in its own table are."""
    return _fits(child, key) or (names_own_parent(child.name) and _fits_as_tree(child, key))


def _fits_as_tree(child: ColumnProfile, key: ColumnProfile) -> bool:
    """Could ``child`` be a tree's parents among ``key``'s values: it may hold a root
    (:func:`_may_root_a_tree`) and its values fit, however low in the keys (parents made first)?"""
    return _may_root_a_tree(child) and _fits(child, key, lower_half=True)


def _may_root_a_tree(column: ColumnProfile) -> bool:
    """Has ``column`` a row that may be a root of a tree of its own table's rows: a NULL, or an integer
    at or below 0 (the "no reference" of :data:`NO_REFERENCES`)? A tree's oldest row points at no older
    one (:func:`older_rows`), so a column without such a row is none (read from the profile's counts)."""
    return column.null_count > 0 or (isinstance(column.min, int) and column.min <= 0)


def candidates(tables: Mapping[str, TableProfile]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(child table, column) → the (table, key column) pairs it may refer to, pruned with the profiles
    alone (:func:`_parent_keys`: a table's key, or a text column it declares unique beside it)."""
    parents = _parent_keys(tables)
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for name, table in tables.items():
        for column in table:
            # A key only the data makes unique, of text or short bytes, is this export's accident (a
            # link table with one row per area this time: Things 3's ``TMAreaTag.areas``), and its
            # values do not meet another table's keys by chance: a child as any other column (since
            # 2026-12-06). Integer keys the data finds stay under the rules of names below.
            accidental = table.key_found == "data_unique" and _drawn_apart(column)
            if table.key == [column.name] and not accidental:
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
                by_id = table.key_found == "data_unique" and names_by_id_word(column.name)
                one_to_one = (declared or by_id) and not names_entity(column.name, name)
                fitting = [
                    (p, k)
                    for (p, k), key in parents.items()
                    if one_to_one and p != name and names_entity(column.name, p) and _fits(column, key)
                ]
                if declared and not fitting and _drawn_apart(column) and not _names_a_table(column, tables):
                    # A declared key of text or bytes named for no table (``id``): its values are
                    # drawn from a space too large for chance, so another table's keys it holds make
                    # it a one-to-one extension of that table (Focalboard's ``sharing.id``, each a
                    # shared board's id; since 2026-12-06). Integer keys 1..N still never refer so.
                    fitting = [(p, k) for (p, k), key in parents.items() if p != name and _fits(column, key)]
            else:
                fitting = [
                    (p, k)
                    for (p, k), key in parents.items()
                    if (p, k) != (name, column.name)
                    and (_fits_own_key(column, key) if p == name else _fits_another(column, key))
                ]
            if fitting:
                found[(name, column.name)] = fitting
    return found


#: The kind of a declared reference's text compared as its parent key's ``COLLATE NOCASE`` compares it.
NOCASE_TEXT = "text, ASCII case folded"
#: The kind of a declared reference compared as SQLite compares it with a key of INTEGER, REAL or
#: NUMERIC affinity: the key's affinity is applied to the child's value first, so text that reads as
#: a number (``007``, ``+7``, ``7.0``, `` 7``, ``7e0``, ``2.50``) is that number; other text stays text.
NUMBER_TEXT = "text, numbers by number"
#: :data:`NUMBER_TEXT` for a key of numeric affinity declared ``COLLATE NOCASE``: its text that is no
#: number compared ASCII case folded (``'abc'`` is the key ``'ABC'``), as SQLite's check compares it.
NUMBER_NOCASE = "text, numbers by number, ASCII case folded"
#: The kinds reading a child's text as a key of numeric affinity does.
_NUMBER_KINDS = frozenset({NUMBER_TEXT, NUMBER_NOCASE})
#: The kind of a declared reference to a key of no affinity (an untyped column, ``BLOB``, a STRICT
#: table's ``ANY``): SQLite converts nothing, so a value matches only one of its own storage class
#: (numbers by number, text as text: the text ``'1'`` is no integer 1).
AS_STORED = "as stored"
#: :data:`AS_STORED`, its text compared as a ``COLLATE NOCASE`` key compares it.
AS_STORED_NOCASE = "as stored, ASCII case folded"
#: The kinds of text compared as written (untrimmed, ``''`` a value), where the parent key is loaded
#: as written (``ColumnProfile.as_written``), and so the referencing column: ``'abc  '`` names no key
#: ``'abc '`` there, as in SQLite. Each value is compared after a ``=``, which sets it apart from a
#: BLOB's (:func:`_blob_value`).
WRITTEN_TEXT = "text as written"
#: :data:`WRITTEN_TEXT`, compared as its key's ``COLLATE NOCASE`` compares it.
WRITTEN_NOCASE = "text as written, ASCII case folded"
_WRITTEN = {"text": WRITTEN_TEXT, NOCASE_TEXT: WRITTEN_NOCASE}
#: The kinds of a declared reference's text compared as SQLite's foreign key check compares it, where
#: the key is not loaded as written: untrimmed (``'x'`` names no key ``'x '``), by the key's collating
#: sequence (``BINARY``; ``NOCASE``, ASCII case folded; ``RTRIM``, trailing spaces ignored). A blank
#: value (``''``, spaces) alone is no value, as cleaning makes it NULL (its own issue). Each value is
#: compared after a ``=``, as :data:`WRITTEN_TEXT`'s.
SQLITE_TEXT = "text as SQLite compares it"
SQLITE_NOCASE = "text as SQLite compares it, ASCII case folded"
SQLITE_RTRIM = "text as SQLite compares it, trailing spaces ignored"
#: The kinds whose values carry the ``=`` of :data:`WRITTEN_TEXT`.
_EQUALS_KINDS = frozenset(
    {
        WRITTEN_TEXT,
        WRITTEN_NOCASE,
        SQLITE_TEXT,
        SQLITE_NOCASE,
        SQLITE_RTRIM,
        NUMBER_TEXT,  # its text that is no number
        NUMBER_NOCASE,
        AS_STORED,  # its TEXT cells
        AS_STORED_NOCASE,
    }
)
#: SQLite's affinities that read a child's text as a number before comparing it with the parent key.
NUMBER_AFFINITIES = frozenset({"INTEGER", "REAL", "NUMERIC"})
#: A double of an integer's value strictly within this bound (in magnitude) is that integer, as SQLite's
#: numeric affinity makes it (``sqlite3VdbeIntegerAffinity``): ``'1e16'`` is the INTEGER 10^16, and
#: ``'9007199254740993.0'`` the double 2^53, so the integer 9007199254740992; 2^63 itself stays a REAL.
_INTEGER_BOUND = 2**63
#: A text SQLite's numeric affinity reads as a number (a decimal, an exponent; no hexadecimal).
_NUMBER_SHAPE = "[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?"
#: The blanks SQLite reads past at either end of a number (``sqlite3Isspace``: space, tab, newline,
#: vertical tab, form feed, carriage return; no other Unicode space), as an RE2 class.
_SQLITE_BLANK = "[ \\t\\n\\v\\f\\r]"


def _number_or_written(text: str, written: str) -> str:
    """SQL: a TEXT cell (``text``) as a key's numeric affinity makes it: a number (:func:`_as_number`)
    when it reads as one past SQLite's blanks (:data:`_SQLITE_BLANK`: ``' 7 '`` is 7, ``'7'`` + NBSP is
    text), else ``written``, the text as written (untrimmed: ``'abc '`` names no key ``'abc'``); a blank
    value (``''``, Unicode spaces) is no value, as cleaning makes it NULL."""
    bare = f"regexp_replace({text}, '^{_SQLITE_BLANK}+|{_SQLITE_BLANK}+$', '', 'g')"
    return f"CASE WHEN nullif({trimmed_sql(text)}, '') IS NOT NULL THEN {_as_number(bare, written)} END"


def _as_number(text: str, otherwise: str | None = None) -> str:
    """SQL: ``text`` (trimmed, not blank) as a numeric affinity reads it, when that is a number: an
    integer as its canonical digits (``007`` → ``7``, ``+7.00`` → ``7``, ``7e1`` → ``70``, ``-0`` →
    ``0``), another number as its double's shortest text (``2.50`` → ``2.5``, ``.5`` → ``0.5``), as a
    REAL key's own value reads; other text as it is (``0x1``, ``1_0``, words: SQLite reads no
    hexadecimal or underscore). DuckDB's own cast is looser (it rounds ``1.5`` to a BIGINT, reads
    ``0x1`` and ``1_0``): shapes are checked first. A fraction or an exponent is read as the double
    SQLite reads, an integer when that double is one (:data:`_INTEGER_BOUND`), past 2^53 too:
    ``'9007199254740995.0'`` is 9007199254740996, as in SQLite; only the digits of an integer written
    as one are exact (``'9007199254740993'``). ``otherwise``: SQL for text that is no number (``text``
    itself by default)."""
    real = f"try_cast({text} AS DOUBLE)"
    return (
        f"CASE WHEN regexp_full_match({text}, '[+-]?[0-9]+') AND try_cast({text} AS BIGINT) IS NOT NULL "
        f"THEN CAST(try_cast({text} AS BIGINT) AS VARCHAR) "
        f"WHEN regexp_full_match({text}, '{_NUMBER_SHAPE}') AND isfinite({real}) THEN "
        f"CASE WHEN abs({real}) < {_INTEGER_BOUND}::DOUBLE AND {real} = trunc({real}) "
        f"THEN CAST(CAST({real} AS BIGINT) AS VARCHAR) ELSE CAST({real} AS VARCHAR) END "
        f"ELSE {otherwise or text} END"
    )


def _blob_value(hex_text: str) -> str:
    """SQL: a BLOB cell's compared value (its bytes' ``hex_text``): ``x'31'`` after a space, which no
    other compared value has (they are trimmed, or follow a ``=``): a BLOB equals only a BLOB of the
    same bytes, as in SQLite, whose affinities convert no BLOB (``x'31'`` is no key 1, nor ``'1'``)."""
    return "' x''' || " + hex_text + " || ''''"


def _bytes_value(text: str, hex_text: str) -> str:
    """SQL: a bytea column's cell (``text``, its text; ``hex_text``, its bytes in hex where a BLOB or
    a TEXT cell not valid UTF-8, else NULL) as the bytes the target holds: a BLOB's, another cell's
    UTF-8 (a bytea column loads its TEXT cells as their bytes), as :func:`_blob_value` writes them.
    No bytes at all (an empty BLOB, ``x''``) are none, as a blank is no text compared: NULL. A null
    hash written so names no row (monotone's root revision, whose ``revision_ancestry.parent`` is
    ``x''``: its 7 parents beside it were 7 of 8 values, and no reference was found until 2026-12-06);
    the target keeps it as written."""
    return _blob_value(f"nullif(coalesce({hex_text}, hex(encode({text}))), '')")


def _value(text: str, kind: str, stored: str | None = None) -> str:
    """A cell (``text``, its text) as the text compared: trimmed, blank as NULL; integers in canonical
    form (``01`` → 1; the cast itself ignores surrounding blanks). ``stored``: under :data:`AS_STORED`,
    SQL giving the cell's storage class letter (``'i'``, ``'r'``, ``'t'``...), else the column holds
    text alone."""
    if kind == "integer":
        return f"CAST(try_cast({text} AS BIGINT) AS VARCHAR)"
    if kind == NUMBER_TEXT:  # text that is no number after a '=', as written (no number starts so)
        return _number_or_written(text, f"'=' || {text}")
    if kind == NUMBER_NOCASE:
        return _number_or_written(text, _value(text, WRITTEN_NOCASE))
    if kind in (AS_STORED, AS_STORED_NOCASE):
        number = _as_number(f"nullif({trimmed_sql(text)}, '')")
        # TEXT cells as written after a '=': the text '1' is no integer 1, nor ' 1' the text '1'.
        written = _value(text, WRITTEN_NOCASE if kind == AS_STORED_NOCASE else WRITTEN_TEXT)
        plain = f"CASE WHEN nullif({trimmed_sql(text)}, '') IS NOT NULL THEN {written} END"
        return f"CASE WHEN {stored or repr('t')} IN ('i', 'r') THEN {number} ELSE {plain} END"
    if kind == NOCASE_TEXT:  # SQLite's NOCASE folds the 26 ASCII letters only
        return f"translate(nullif({trimmed_sql(text)}, ''), '{ascii_uppercase}', '{ascii_lowercase}')"
    if kind == WRITTEN_TEXT:
        return f"'=' || {text}"
    if kind == WRITTEN_NOCASE:
        return f"'=' || translate({text}, '{ascii_uppercase}', '{ascii_lowercase}')"
    if kind in (SQLITE_TEXT, SQLITE_NOCASE, SQLITE_RTRIM):
        written = {
            SQLITE_TEXT: text,
            SQLITE_NOCASE: f"translate({text}, '{ascii_uppercase}', '{ascii_lowercase}')",
            SQLITE_RTRIM: f"rtrim({text}, ' ')",  # RTRIM ignores trailing spaces (U+0020) only
        }[kind]
        return f"CASE WHEN nullif({trimmed_sql(text)}, '') IS NOT NULL THEN '=' || {written} END"
    return f"nullif({trimmed_sql(text)}, '')"


def as_written_kind(kind: str, key: ColumnProfile) -> str:
    """``kind``, or its as-written form (:data:`WRITTEN_TEXT`) where ``key`` is loaded as written."""
    return _WRITTEN.get(kind, kind) if key.as_written is not None else kind


def as_sqlite_kind(kind: str, key: ColumnProfile, collation: str | None) -> str:
    """How a declared reference's values of ``kind`` (:func:`_declared_kind`) are counted: as written
    where ``key`` is loaded as written (:func:`as_written_kind`), else text as SQLite compares it
    (:data:`SQLITE_TEXT`: untrimmed, by the key's ``collation``)."""
    if key.as_written is not None:
        return as_written_kind(kind, key)
    if kind == "text":
        return SQLITE_RTRIM if collation == "RTRIM" else SQLITE_TEXT
    return SQLITE_NOCASE if kind == NOCASE_TEXT else kind


def _shown(value: str, kind: str) -> str:
    """A compared value as an example shows it: without the ``=`` of :data:`WRITTEN_TEXT` (and of the
    text of :data:`NUMBER_TEXT`, :data:`AS_STORED`), or the space setting a BLOB's value apart."""
    if kind in _EQUALS_KINDS and value.startswith("="):
        return value[1:]
    return value.lstrip(" ")


def _shown_sql(value: str, kind: str) -> str:
    """:func:`_shown` in SQL."""
    if kind in _EQUALS_KINDS:
        return f"CASE WHEN starts_with({value}, '=') THEN {value}[2:] ELSE ltrim({value}, ' ') END"
    return f"ltrim({value}, ' ')"


#: One pair to measure: (child table, child column, parent table, parent key column, kind compared).
Pair = tuple[str, str, str, str, str]


@dataclass(frozen=True)
class Inclusion:
    """How a child column's values fit one parent key. ``found``: its distinct values that are keys;
    ``keys``: the parent's distinct key values (0 when none is found); ``reach``: the rank (1 = lowest,
    ``keys`` = highest, by number) of the highest key found, 0 when none; ``low``, ``high``: the lowest
    and highest key found as integers (``None`` when none, or not compared as integers);
    ``no_reference``: the child rows holding one of :data:`NO_REFERENCES` where it stands for no
    reference (not among ``orphans``), ``no_reference_values`` those values, highest first;
    ``elsewhere``: the ``orphans`` whose value is a key of another parent measured for the same child
    column (measured so only on request: :func:`measure`)."""

    parent: str
    key: str
    share: float
    orphans: int
    examples: tuple[str, ...]
    found: int
    keys: int
    reach: int
    low: int | None
    high: int | None
    no_reference: int = 0
    no_reference_values: tuple[str, ...] = ()
    elsewhere: int = 0


#: Non-NULL cells per storage class (``ColumnProfile.storage_classes``) of (table, column).
Classes = Mapping[tuple[str, str], Mapping[str, int]]


def _needs_classes(kind: str, classes: Mapping[str, int]) -> bool:
    """Whether a column's values are compared by their storage classes, each cell's read with it: it
    holds a BLOB (no text equals it), or, compared :data:`AS_STORED`, text beside numbers, or it is
    compared by its bytes (:data:`BYTES`)."""
    if classes.get("blob") or kind == BYTES:
        return True
    numbers = classes.get("integer", 0) + classes.get("real", 0)
    return kind in (AS_STORED, AS_STORED_NOCASE) and bool(numbers and classes.get("text"))


def _numbers_alone(classes: Mapping[str, int]) -> bool:
    return not classes.get("text") and not classes.get("blob")


def inclusion_sql(
    src: Source,
    pairs: list[Pair],
    kept: Mapping[str, KeptValues] | None = None,
    classes: Classes | None = None,
    elsewhere: bool = False,
) -> tuple[str, list[tuple[str, str, str]]]:
    """One query measuring every pair: each table involved is read once (its needed columns
    unpivoted to (column, value) rows), the joins run on DuckDB's copy of those values. Columns the
    profile kept (``kept``, by table) are not read: their kept values are counted. ``classes``: the
    columns' storage classes, by (table, column): a column holding BLOBs (or, compared
    :data:`AS_STORED`, text beside numbers) is read with each cell's class, as SQLite compares them.
    ``elsewhere``: also count each pair's orphans that are keys of another parent of its child column.

    Returns the SQL and the (table, column, kind) each unpivoted column number stands for.
    """
    held_classes = classes or {}
    # Each column's number, by a dict: with hundreds of tables the pairs number in the 100,000s (every
    # small-integer column may fit every integer key), and a list's index() made this quadratic.
    numbers: dict[tuple[str, str, str], int] = {}
    for child, column, parent, key, kind in pairs:
        for needed in ((child, column, kind), (parent, key, kind)):
            numbers.setdefault(needed, len(numbers))
    columns = list(numbers)
    scans = []
    # Kept values, by the expression that reads them as compared: each expression is written once,
    # over the union of the kept columns it reads. Written once per column, the query of 200 small
    # tables (395 columns) took 1.0 s to bind, most of what measuring their references cost.
    kept_reads: dict[str, list[str]] = {}
    for table in dict.fromkeys(t for t, _, _ in columns):
        values = (kept or {}).get(table)
        # A column compared by its cells' storage classes is read again (the kept values have none).
        classed = {
            c for t, c, kind in columns if t == table and _needs_classes(kind, held_classes.get((t, c), {}))
        }
        held = {c: i for c, i in values.columns.items() if c not in classed} if values is not None else {}
        mine = [(n, c, kind) for n, (t, c, kind) in enumerate(columns) if t == table and c not in held]
        if values is not None:
            for n, (t, c, kind) in enumerate(columns):
                if t == table and c in held:
                    read = f"SELECT 'c{n}' AS col, val, weight FROM {quote_ident(values.name)}"
                    value = _unclassed_value(held_classes, t, c, kind)
                    kept_reads.setdefault(value, []).append(f"{read} WHERE idx = {held[c]}")
        if not mine:
            continue
        # Only the columns compared; integers need no decoding (they are cast to a number).
        kinds = {c: kind for _, c, kind in mine}
        # Numbers compared by number read a REAL with all its digits (SQLite's text keeps 15: 0.3 and
        # 0.30000000000000004 would be one); text compared as text reads it as SQLite's TEXT affinity
        # writes it.
        reads = _compared_reads(table, [(c, kind) for _, c, kind in mine], classed, held_classes)
        place = {c: index for index, c in enumerate(kinds)}
        selected = ", ".join(
            f"{_read_value(table, c, kind, place[c], held_classes, c in classed)} AS c{n}"
            for n, c, kind in mine
        )
        listed = ", ".join(f"c{n}" for n, _, _ in mine)
        scans.append(
            f"SELECT col, val, 1 AS n FROM (UNPIVOT (SELECT {selected} FROM "
            f"{src.relation_sql(table, reads=reads)}) ON {listed} INTO NAME col VALUE val)"
        )
    scans += [
        f"SELECT col, val, n FROM (SELECT col, {value} AS val, weight AS n FROM "
        f"({' UNION ALL '.join(reads)})) WHERE val IS NOT NULL"
        for value, reads in kept_reads.items()
    ]
    wanted = ", ".join(
        f"('c{numbers[(c, col, kind)]}', 'c{numbers[(p, key, kind)]}', {index}, {elsewhere})"
        for index, (c, col, p, key, kind) in enumerate(pairs)
    )
    # A child value standing for "no reference" (the module's last paragraph), where it matches no key.
    spelled = ", ".join(f"'{mark}{value}'" for value in NO_REFERENCES for mark in ("", "="))
    nil = ", ".join(f"'{value}'" for value in NIL_UUIDS)
    # Any other negative integer (Lollypop's -10 for a compilation's artists) beside keys that are
    # numbers, all above 0: an application's code for a row it has none of, as -1 is.
    negative = "regexp_full_match(v.val, '=?-[1-9][0-9]{0,18}')"
    none = (
        f"((v.val IN ({spelled}) AND coalesce(lowest.low > 0, true)) OR ({negative} AND lowest.low > 0) "
        f"OR v.val IN ({nil}))"
    )
    sql = (
        f"WITH cells AS MATERIALIZED ({' UNION ALL '.join(scans)}), "
        "counted AS MATERIALIZED (SELECT col, val, sum(n) AS n FROM cells GROUP BY col, val), "
        f"pairs(child, parent, pair, asked) AS (VALUES {wanted}), "
        # Each parent's values ranked by number (text values, not numbers, rank last): how far into
        # the keys a child's values reach, whatever outlying keys stretch the range.
        "keys AS MATERIALIZED (SELECT col, val, row_number() OVER (PARTITION BY col "
        "ORDER BY try_cast(val AS BIGINT) NULLS LAST, val) AS r, count(*) OVER (PARTITION BY col) AS keys "
        "FROM counted WHERE col IN (SELECT parent FROM pairs)), "
        # Each parent's lowest key as a number (NULL: none is one): a "no reference" 0 lies below it.
        "lowest AS (SELECT col, min(try_cast(CASE WHEN starts_with(val, '=') THEN val[2:] ELSE val END "
        "AS BIGINT)) AS low FROM keys GROUP BY col), "
        # Each child's values that are a key of any parent measured with it (when asked): an orphan of
        # one parent that is another's key names a row of another table (a column of several tables').
        "keyed AS MATERIALIZED (SELECT DISTINCT p.child, v.val FROM pairs p "
        "JOIN counted v ON v.col = p.child JOIN keys k ON k.col = p.parent AND k.val = v.val WHERE p.asked) "
        "SELECT pairs.pair, count(*) AS distinct_values, count(k.val) AS found, "
        f"coalesce(sum(v.n) FILTER (WHERE k.val IS NULL AND NOT {none}), 0) AS orphans, "
        f"min(v.val, {EXAMPLES}) FILTER (WHERE k.val IS NULL AND NOT {none}) AS examples, "
        "coalesce(max(k.r), 0) AS reach, coalesce(max(k.keys), 0) AS keys, "
        "min(try_cast(k.val AS BIGINT)) AS low, max(try_cast(k.val AS BIGINT)) AS high, "
        f"coalesce(sum(v.n) FILTER (WHERE k.val IS NULL AND {none}), 0) AS no_reference, "
        # Which of them, as numbers (a '=' marks a value read with its storage class), highest first; a
        # nil UUID as it is.
        "list(DISTINCT coalesce(CAST(try_cast(CASE WHEN starts_with(v.val, '=') THEN v.val[2:] ELSE v.val "
        "END AS BIGINT) AS VARCHAR), v.val)) "
        f"FILTER (WHERE k.val IS NULL AND {none}) AS no_reference_values, "
        f"coalesce(sum(v.n) FILTER (WHERE k.val IS NULL AND NOT {none} AND e.val IS NOT NULL), 0) "
        "AS elsewhere "
        "FROM pairs JOIN counted v ON v.col = pairs.child "
        "LEFT JOIN keys k ON k.col = pairs.parent AND k.val = v.val "
        "LEFT JOIN keyed e ON e.child = pairs.child AND e.val = v.val "
        "LEFT JOIN lowest ON lowest.col = pairs.parent "
        "GROUP BY pairs.pair"
    )
    return sql, columns


def _unclassed_value(classes: Classes, table: str, column: str, kind: str, text: str = "val") -> str:
    """A cell's compared value, read without its storage class: a column of one kind of cells."""
    stored = "'i'" if _numbers_alone(classes.get((table, column), {})) else None
    return _value(text, kind, stored)


def _read_value(table: str, column: str, kind: str, place: int, classes: Classes, classed: bool) -> str:
    """A cell's compared value as read (``place``: its column's among the reads)."""
    text = f"CAST({quote_ident(column)} AS VARCHAR)"
    if not classed:
        return _unclassed_value(classes, table, column, kind, text)
    stored = quote_ident(class_column(place))
    if kind == BYTES:
        return _bytes_value(text, quote_ident(hex_column(place)))
    value = _value(text, kind, stored)
    if classes.get((table, column), {}).get("blob"):
        value = (
            f"CASE WHEN {stored} = 'b' THEN {_blob_value(quote_ident(hex_column(place)))} ELSE {value} END"
        )
    return value


def storage_classes(
    tables: Mapping[str, TableProfile], *, as_stored: bool = False
) -> dict[tuple[str, str], Mapping[str, int]]:
    """Each profiled column's storage classes (``ColumnProfile.storage_classes``) by (table, column).

    ``as_stored``: as SQLite stores the cells, its foreign key check compares them: a BLOB the profile
    read as the numeral it spells (``ColumnProfile.blob_numerals``, counted under ``text``) is a BLOB,
    read with its class and bytes and equal to no number (``x'31'`` names no key 1). Without it, as
    the profile reads them, and so the target holds them (the number 1)."""
    return {
        (name, column.name): _as_stored(column) if as_stored else column.storage_classes
        for name, table in tables.items()
        for column in table
    }


def _as_stored(column: ColumnProfile) -> Mapping[str, int]:
    """``column``'s storage classes, its BLOBs read as numerals (:func:`storage_classes`) BLOBs again."""
    if not column.blob_numerals:
        return column.storage_classes
    classes = dict(column.storage_classes)
    classes["text"] = classes.get("text", 0) - column.blob_numerals
    classes["blob"] = classes.get("blob", 0) + column.blob_numerals
    return {kind: n for kind, n in classes.items() if n}


def measure(
    src: Source,
    pairs: list[Pair],
    kept: Mapping[str, KeptValues] | None = None,
    classes: Classes | None = None,
    elsewhere: bool = False,
) -> dict[int, Inclusion]:
    """The fit of each pair's child column to its parent key (by pair number), by one query
    (``classes``, ``elsewhere``: see :func:`inclusion_sql`)."""
    if not pairs:
        return {}
    sql, _ = inclusion_sql(src, pairs, kept, classes, elsewhere)
    found = {}
    rows = src.connection.cursor().execute(sql).fetchall()
    for pair, distinct, hits, orphans, examples, reach, keys, low, high, none, nones, elsewhere in rows:
        _, column, parent, key, kind = pairs[int(pair)]
        nones = tuple(sorted(set(nones or ()), key=_no_reference_order, reverse=True))
        share = _share_of_references(
            column, parent, int(distinct), int(hits), len(nones), key, nil=bool(set(nones) & set(NIL_UUIDS))
        )
        ends = (int(low), int(high)) if kind == "integer" and None not in (low, high) else (None, None)
        found[int(pair)] = Inclusion(
            parent,
            key,
            share,
            int(orphans),
            tuple(_shown(example, kind) for example in examples or ()),
            int(hits),
            int(keys),
            int(reach),
            ends[0],
            ends[1],
            no_reference=int(none),
            no_reference_values=nones,
            elsewhere=int(elsewhere),
        )
    return found


def _no_reference_order(value: str) -> tuple[int, int]:
    """``0`` before ``-1`` (highest first, reversed), a nil UUID after both."""
    return (0, 0) if value in NIL_UUIDS else (1, int(value))


def _share_of_references(
    column: str, parent: str, distinct: int, hits: int, none: int, key: str = "", *, nil: bool = False
) -> float:
    """The share of a child column's distinct values that are keys of ``parent``. The ``none`` values
    standing for no reference (0, -1) are left out of them where the column's name names the parent
    (Skrooge's ``r_payee_id`` beside ``payee``, osTicket's ``staff_id``, Hamster's ``category_id``
    beside ``categories``): otherwise, among the 8 payees of a small book, the 0 alone was a ninth
    value, 89 %, and no reference was found (since 2026-12-05, for -1 too). So are they where the name
    says a tree's parent (:func:`names_own_parent`): 0 is a root's "no parent", whichever table the
    tree is of (a term's ``parent_target_id`` 0..3 beside terms keyed 1..6: since 2026-12-06, before 3
    of 4 values). A name naming no table keeps them among its values (an enum 0..8 beside 8 rows).

    The nil UUID (``nil``: one of the ``none`` values is one of :data:`NIL_UUIDS`) is left out
    whatever the name: no generator draws it and no enum counts from it, so beside GUID keys it is
    "none" and nothing else (FileFlows' ``LibraryFile.FlowUid``, ``Guid.Empty`` for a file no flow
    took yet, beside its flows' keys in ``DbObject.Uid``: until 2026-12-06 a third value, 67 %, and
    no reference was found)."""
    named = _names(column, parent) or key_named_for(column, key) or names_own_parent(column)
    if none and distinct > none and (named or nil):
        return hits / (distinct - none)
    return hits / distinct if distinct else 0.0


def reaches(fit: Inclusion, *, far: bool = False) -> bool:
    """Do integer values that are keys (``fit``) reach the upper half of the keys (by rank)? If not,
    they sit at the bottom like codes: that parent is ruled out, not even a rival of another. Unless
    the parent's keys are ``far`` above their count (:func:`keys_above_their_count`): no code sits
    among those, and the chance measure alone tells a sample of the oldest keys from chance."""
    return far or 2 * fit.reach >= fit.keys + 1


def keys_above_their_count(key: ColumnProfile) -> bool:
    """Is every integer key above the number of keys (the lowest key greater than their count)? Such
    keys are not numbered from 1 (epoch milliseconds, as Anki keys its cards; codes from 1024): no
    code counting from 0 or 1 runs up to them, so the rank rule, which turns codes away, does not
    apply, and a reference to the oldest rows alone (the cards reviewed so far) is found when its
    values could not be keys by chance (since 2026-12-05)."""
    return isinstance(key.min, int) and key.min > key.distinct_count


def spread_keys(key: ColumnProfile) -> bool:
    """Do integer values fill under half of the integers from their lowest to their highest? Then they
    are no run numbered as rows are (a position, a rank, a counter, which any small numbers fit), but
    numbers drawn from a range larger than their count: an integer column so, declared unique beside
    the table's key, may be referred to (:func:`_parent_keys`; since 2026-12-05)."""
    if not (isinstance(key.min, int) and isinstance(key.max, int)):
        return False
    return 2 * key.distinct_count < key.max - key.min + 1


def beyond_chance(fit: Inclusion, *, named: bool = False, far: bool = False, entity: bool = False) -> bool:
    """Do integer values that are keys (``fit``) show a reference rather than small numbers that are
    keys by chance? Two or more keys found, reaching the upper half of the keys (or keys ``far`` above
    their count), and either half the keys used or a chance of at most :data:`MAX_CHANCE` (the
    module's rule 3). A column ``named`` for the parent (:func:`names_parent`) using half its keys is
    one even as a run from the lowest. A column whose name is the parent's ``entity`` (its last word,
    less ``id``, the table's singular: ``book`` → ``books``, ``ticket_id`` → ``tickets``;
    :func:`_same_entity`) is one however few of the keys it uses: the name says which table, reaching
    the upper half that they are no codes at the bottom (a library's ratings of 40 % of its books,
    spread over all of them; since 2026-12-05: before, half the keys were needed, and keys 1..N fill
    their span, so no chance could ever tell). ``slot_type`` names ``slots`` but is a type."""
    if fit.found < MIN_DISTINCT or not reaches(fit, far=far):
        return False
    if entity:
        return True  # the name says which table; reaching the upper half, that they are no codes
    if 2 * fit.found >= fit.keys and (named or not _counter_from_the_lowest_key(fit)):
        return True  # a lookup table, used: tickets of 4 priorities
    if fit.low is None or fit.high is None or 2 * fit.found >= fit.high - fit.low + 1:
        return False  # a run of numbers (years, counters, codes), not a sample of a few keys
    # The share of the integers from 0 (or the lowest key found, if negative) to the highest key found
    # that are keys: `reach` of them at most. Evidence is how unlikely it is that `found` values as
    # likely anywhere in that span all land on keys.
    density = min(1.0, fit.reach / (fit.high - min(0, fit.low) + 1))
    return fit.found * math.log(density) <= math.log(MAX_CHANCE)


def runs_past_keys(child: ColumnProfile, key: ColumnProfile) -> bool:
    """Do a child column's integers run on, every number from its lowest to its highest, from above
    the parent's lowest key to past its highest (ISO weeks 9..22 beside keys 1..21)? Keys are numbered
    upwards: numbers above the highest are no rows yet, and a window of consecutive numbers sliding
    over the keys is a counter that overlaps them, not a sample of them (the module's rule 3). A run
    from the lowest key on (comments of tickets 1..360, tickets 1..340 kept) is a reference with
    orphans."""
    low, high, first, top = child.min, child.max, key.min, key.max
    if not (
        isinstance(low, int) and isinstance(high, int) and isinstance(first, int) and isinstance(top, int)
    ):
        return False
    return low > first and high > top and child.distinct_count == high - low + 1


def _counter_from_the_lowest_key(fit: Inclusion) -> bool:
    """Are the keys found every key from the lowest up (``reach`` of them), consecutive integers,
    :data:`COUNTER_SHORT_BY` keys or more short of the last? Any counter from 1 (a ticket's priority
    0..99 beside a table of links keyed 1..132) lands on such keys: that many keys used is no evidence
    of a reference, where the same run up to the last key (every priority used) is, or a lookup's codes
    but its last few (3 statuses of 5)."""
    return first_keys(fit) and fit.reach <= fit.keys - COUNTER_SHORT_BY


def first_keys(fit: Inclusion) -> bool:
    """Are the keys found the first keys of the parent, every one from the lowest up (``reach`` of
    them), and consecutive integers (1, 2 of keys 1..3)? What any enum or counter numbered from 1
    holds: in an export that declares its references, no evidence of one it left undeclared."""
    return fit.found == fit.reach and consecutive_keys(fit)


def consecutive_keys(fit: Inclusion) -> bool:
    """Are the keys found consecutive integers, every one from the lowest found to the highest (ages
    20..79 of persons keyed 1..120)? :func:`first_keys` from anywhere in the keys: what an age, a year
    or a counter holds, and, in an export that declares its references, no evidence of one it left
    undeclared (a sample of a parent's keys leaves gaps)."""
    if fit.low is None or fit.high is None:
        return False
    return fit.high - fit.low + 1 == fit.found


def names_parent(column: str, fit: Inclusion) -> bool:
    """Does the column's name name the parent table (``ticket_id``, ``ticketId`` → ``tickets``;
    ``partner_id`` → ``res_partner``), as :func:`_choose` breaks a tie? The counter rules
    (:func:`runs_past_keys`, :func:`_counter_from_the_lowest_key`) read numbers alone: a run of
    tickets 1..200 of 300 under ``ticket_id`` (a one-row-per-ticket table, the newest without a row
    yet) is a reference, where a priority or a week running over a table's keys is none. A column named
    exactly as the parent's key of the form ``<thing>id`` (:func:`key_named_for`: ``CATEGID`` beside
    ``CATEGORY_V1.CATEGID``) names it too (since 2026-12-05)."""
    return _names(column, fit.parent) or key_named_for(column, fit.key)


#: The last words of a column's name that say it holds a code of its own row (an enumeration: a
#: bookmark's type 1..3, a ticket's priority), not another row's key: integers of few values fit a
#: small table's keys 1..N by chance (Firefox's ``moz_bookmarks.type`` "referred to" the three rows of
#: ``moz_anno_attributes``). A name ending in ``id`` (``priority_id``, Redmine's enumerations) is a key.
#: ``depth``, a row's depth in its tree as ``level`` is (0 at a root), since 2026-12-06: 0..3 beside
#: users keyed from 0 (an anonymous 0) referred to them.
CODE_WORDS = frozenset(
    {"type", "kind", "status", "state", "mode", "level", "depth", "priority", "severity", "flags"}
    | {"rank", "sort"}
)


#: The last words of a column's name that say it holds a part of the row's own date or time (a
#: release's ``day`` 1..31, a ``month``, an ``hour``), not another row's key: such numbers run over
#: the first keys of any table of a few dozen rows (beets' ``items.day`` "referred to" the albums of a
#: library of 40). Since 2026-12-05.
DATE_PART_WORDS = frozenset(
    {"year", "quarter", "month", "week", "weekday", "day", "hour", "minute", "second", "millisecond"}
)
#: A :data:`DATE_PART_WORDS` word after ``of`` at the end of a name's last word, something before it
#: (``dayofweek`` → ``week``, ``ZSTARTSECONDOFDAY`` → ``day``): since 2026-12-06.
_GLUED_DATE_PART = re.compile(
    r"[a-z0-9]of(" + "|".join(sorted(DATE_PART_WORDS, key=len, reverse=True)) + r")$"
)


#: The last words of a column's name that say it holds a version of its own row (a schema's
#: ``table_version``, an optimistic lock's ``lock_version``, a ``revision``), not another row's key:
#: versions 1 to a dozen fit the keys 1..N of any small table (a SIP server's ``version.table_version``,
#: Kamailio's, "referred to" the 12 rows of its ``dialog``). Since 2026-12-05.
VERSION_WORDS = frozenset({"version", "revision"})


#: The last words of a column's name that say it holds the row's bound in a nested-set tree (Celko's
#: ``lft`` and ``rgt``, django-mptt's ``rght``: django-treebeard's ``NS_Node``, awesome_nested_set,
#: Doctrine's tree, Redmine's issues), the numbers 1..2N of its own tree's depth-first walk, not another
#: row's key: each column holds half of them, spread over all, so it fits any table of 2N rows keyed
#: 1..2N (a treebeard site's 151 folders "referred to" its 300 categories). Since 2026-12-05.
NESTED_SET_WORDS = frozenset({"lft", "rgt", "rght"})


#: The last words of a column's name that say it holds the row's place among its siblings (a forge's
#: issue number within its repository, Gitea's ``issue.index`` and ``pull_request.index``; a list's
#: ``position``, a rule's ``rule_group_idx``, an ``ordinal``), not another row's key: numbers from 1 of
#: each parent fit the keys 1..N of any table of a few dozen rows, their own among them (a Gitea
#: database's ``issue.index`` "referred to" its own issues, its pull requests' to a time log). Since
#: 2026-12-05. So does ``order`` (a list's ``sort_order``, ``display_order``; sabre/dav's
#: ``calendarorder``, a calendar's place in the client's list, 0 to a few), also where the name holds a
#: table's singular before it (:func:`_code_of_the_parents_kind`): a place of a row of that kind, not
#: a row of that table. Since 2026-12-06. A last word ``number`` or ``num`` says the same (an episode's
#: number within its season, Sonarr's ``Episodes.EpisodeNumber`` "referred to" the settings of its
#: ``Config``; a ``line_number``): since 2026-12-06.
POSITION_WORDS = frozenset({"index", "idx", "position", "ordinal", "order", "number", "num"})
#: Of those, the words only a place is: after the parent table's singular (``calendarorder``) a place of
#: a row of that kind (:func:`_code_of_the_parents_kind`). A number after it is that row's number, its
#: key as often as not (``ConfigNumber`` beside ``Config``, ``invoice_number`` beside ``invoices``).
PLACE_WORDS = POSITION_WORDS - {"number", "num"}


#: The words that say a column's name holds a count of things (how many, not which row): the last
#: word (``visit_count``, ``retry_cnt``) or the first of several (``num_cmds``, ``nb_visits``,
#: ``number_of_items``, ``count_rows``). Counts of a few to a few dozen fit the keys 1..N of any small
#: table, its own among them (IPython's ``sessions.num_cmds`` "referred to" its own sessions, and a
#: session of more commands than sessions was an orphan). Since 2026-12-05. A first word ``num`` or
#: ``nb`` also says "number of one" (``num_client``, a customer's number, names ``clients``): such a
#: name that names the parent is a reference as before; a last word ``count`` never is one.
COUNT_LAST_WORDS = frozenset({"count", "counts", "cnt"})
COUNT_FIRST_WORDS = frozenset({"num", "nb", "number", "count", "cnt"})

#: The last words of a column's name that say it holds a tally of people's reactions to its row (a
#: comment's ``like``, a post's ``upvotes``, a page's ``views``): a count too, how many, not which row.
#: Likes of 1 to 3 fit the keys of any table of a few rows (Waline's ``wl_Comment.like`` "referred to"
#: the five pages of a blog's ``wl_Counter``). A name naming the parent (``vote`` beside a ``votes``
#: table) refers as before. Since 2026-12-05.
TALLY_LAST_WORDS = frozenset(
    {
        "like",
        "likes",
        "dislikes",
        "votes",
        "upvotes",
        "downvotes",
        "views",
        "pageviews",
        "hits",
        "clicks",
        "stars",
        "downloads",
    }
)

#: The last words of a column's name that say it holds a span of time (a chore's ``period_interval``,
#: a battery's ``charge_interval_days``, a ``retry_delay``, a cache's ``ttl``): how long, a count of
#: units, not which row. Intervals of 1 or 2 fit the keys of any table of a few rows (Grocy's
#: ``chores.period_interval`` "referred to" the three rows of its ``users``). A name naming the parent
#: (``duration`` beside a ``durations`` table) refers as before. Since 2026-12-05. So does ``time``, a
#: moment or a span counted in units (a download manager's ``postproc_time``, the seconds a job's
#: post-processing took, 0 for none: SABnzbd's ``history.postproc_time`` "referred to" the 40 entries of
#: its ``rss``); a ``time`` beside a ``times`` table names it. Since 2026-12-06.
SPAN_LAST_WORDS = frozenset(
    {
        "time",
        "interval",
        "duration",
        "days",
        "hours",
        "minutes",
        "seconds",
        "weeks",
        "months",
        "years",
        "ttl",
        "timeout",
        "delay",
        "lifetime",
    }
)


def _count_word(column: str, *, named: bool) -> str | None:
    """The word that says the column's name is a count (``count`` of ``visit_count``, ``visitCount``;
    ``num`` of ``num_cmds``, a tally, ``like``, ``upvotes`` of :data:`TALLY_LAST_WORDS`, and a span of
    time, ``interval``, ``days`` of :data:`SPAN_LAST_WORDS`, unless the name names the parent,
    ``named``), else None; never for a name ending in ``id`` (``count_id``: a key)."""
    words = camel_words(column)
    if not words or words[-1] == "id":
        return None
    if words[-1] in COUNT_LAST_WORDS or (words[-1] in TALLY_LAST_WORDS | SPAN_LAST_WORDS and not named):
        return words[-1]
    first = len(words) > 1 and words[0] in COUNT_FIRST_WORDS and not named
    return words[0] if first else None


def _code_word(column: str) -> str | None:
    """The :data:`CODE_WORDS`, :data:`DATE_PART_WORDS`, :data:`VERSION_WORDS`,
    :data:`NESTED_SET_WORDS` or :data:`POSITION_WORDS` word a column's name ends in (``type``,
    ``visit_type``, ``original_day``, ``table_version``, ``lft``, ``index``), else None. A capital
    starts a word too (``EpisodeNumber``, ``QueuePosition``, ``EventType``, ``SyncLevel``,
    ``RowVersion``, ``StartHour``: .NET's and Java's names; for the position words since 2026-12-06,
    for the others since 2026-12-06 too, before only ``_`` and the like parted them: a .NET app's
    ``UpdateHistory.EventType`` 1, 2 referred to its own keys)."""
    words = name_words(column)
    own = CODE_WORDS | DATE_PART_WORDS | VERSION_WORDS | NESTED_SET_WORDS | POSITION_WORDS
    if words and words[-1] in own:
        return words[-1]
    camel = camel_words(column)
    if camel and camel[-1] in own:
        return camel[-1]
    # A part of a date glued after `of` in a name of one word, as SQL's DAYOFWEEK names it and Core
    # Data's upper-case names write it (``ZSTARTDAYOFWEEK``, ``secondofday``, ``weekofyear``).
    glued = _GLUED_DATE_PART.search(words[-1]) if words else None
    return glued[1] if glued else None


def core_data_row_version(tables: Mapping[str, TableProfile], table: str, column: str) -> bool:
    """Is ``table.column`` the ``Z_OPT`` of an entity's table in an Apple Core Data store (its
    ``Z_PRIMARYKEY`` and ``Z_METADATA``; the table has ``Z_PK``, ``Z_ENT`` and ``Z_OPT``, as
    :func:`.catalogue.core_data_dates` reads the store's dates)? It holds the version of its row that
    Core Data's optimistic locking counts up at each save, 1 to a few: the keys 1..N of any small
    entity's table, its own among them, by chance (macOS knowledgeC.db's ``Z_OPT`` "referred to" its 3
    sources). Since 2026-12-06."""
    if column.lower() != "z_opt" or not CORE_DATA_TABLES.issubset(name.lower() for name in tables):
        return False
    return CORE_DATA_ENTITY_COLUMNS.issubset(name.lower() for name in tables[table].columns)


def _code_of_the_parents_kind(column: str, fit: Inclusion) -> str | None:
    """The :data:`CODE_WORDS`, :data:`DATE_PART_WORDS` or :data:`POSITION_WORDS` word that follows the
    parent table's singular at the end of a column's name (``type`` of ``buffertype`` beside a table
    ``buffer``, ``status`` of ``ticket_status`` beside ``tickets``, ``order`` of ``calendarorder``
    beside ``calendars``), else None: such a name says a code or a place of the row of that kind (a
    buffer's type, a calendar's place in a list), not a row of that table. The code's own table
    (``ticket_statuses``) is no such parent: its singular ends the name. Since 2026-12-05; a place
    word since 2026-12-06."""
    name = normalised_name(column)
    for stem in table_singulars(fit.parent):
        at = name.rfind(stem)
        if at >= 0 and (rest := name[at + len(stem) :]) in CODE_WORDS | DATE_PART_WORDS | PLACE_WORDS:
            return rest
    return None


def _names_table(column: str, fit: Inclusion) -> bool:
    """Does the column's name hold the parent table's singular (``ticket_id`` → ``tickets``)?"""
    return _holds_singular(column, fit.parent)


def _holds_singular(column: str, parent: str) -> bool:
    """:func:`_names_table` of a parent table's name."""
    name = normalised_name(column)
    return any(stem in name for stem in table_singulars(parent))


def _names(column: str, parent: str) -> bool:
    """:func:`names_parent` of a parent table's name."""
    return _holds_singular(column, parent) or names_entity(column, parent)


def _same_entity(column: str, fit: Inclusion) -> bool:
    """Do the column and the parent table name the same thing (``partner_id`` → ``res_partner``;
    ``senderid``, its ``id`` glued on, → ``sender``; ``PAYEEID`` → ``PAYEE_V1``), or is the column named
    exactly as the parent's key ``<thing>id`` (:func:`key_named_for`: ``ACCOUNTID`` →
    ``ACCOUNTLIST_V1.ACCOUNTID``; since 2026-12-05)?"""
    return names_entity(column, fit.parent) or key_named_for(column, fit.key)


def _choose(
    column: str,
    fits: list[Inclusion],
    linked: AbstractSet[str] = frozenset(),
    named_so: AbstractSet[tuple[str, str]] = frozenset(),
    bare: str = "",
    tree: Inclusion | None = None,
    owners: AbstractSet[str] = frozenset(),
) -> Inclusion | None:
    """The one parent the data points to: the only fit; among several, the one whose table (or key) the
    column's name names (of two it names, the one it names the most of: :func:`_most_named`; of two keys
    it holds, the longer holding the other: :func:`_most_keyed`), else the one whose table's name ends in
    the column's (``sale`` → ``sale_sale``, ``partner_id`` → ``res_partner``); else the one with the best
    share; else, among those of the best share, the one of the tables a link table is named for
    (``linked``: :func:`linked_tables`; ``books_custom_column_5_link.value`` → ``custom_column_5``), else
    the one key the export's declared references of the column's name name (``named_so``:
    :func:`declared_by_name`; Zim's ``tasklist.source`` → ``pages.id``, as its ``links.source`` declares),
    else the one whose table's name the column's abbreviates (:func:`_abbreviates`: ``repo_id`` →
    ``repository``), else the table of people a person's role names (:func:`_person_among_people`:
    ``created_by_id`` → ``users``), and last, among those of the best share, the one whose table's name, a
    compound written as one word, the column's ends (:func:`_ends_compound`: ``field_id`` →
    ``userfields``). None when still a tie. ``tree``: the column's fit to its own table's key where
    each row names an older row (:func:`older_rows`), chosen after the names and before the shares:
    other tables' keys hold a tree's values by chance (since 2026-12-06). ``owners``: the tables the
    column's own table is named as a part of (:func:`owning_tables`: ``taxonomy_term__parent`` of
    ``taxonomy_term_data``), the last tie-break, for a column naming its row's entity (in the table's
    key, or one value a row: :func:`_names_the_row`) alone (since 2026-12-06).

    ``bare``: the column's name less its table's tag (:func:`column_tag`: ``rev`` of
    ``revcomment_rev`` in ``revision_comment_temp``), whose names are read first: the tag names the
    column's own table, not a parent. MediaWiki's ``revcomment_rev`` names ``comment`` by its tag alone
    and ``revision`` by what follows (``rev``, :func:`_abbreviates`); until 2026-12-06 it was taken for a
    reference to ``comment.comment_id``, whose keys 1..25 its revisions' numbers fit as well. Where the
    bare name names none alone, the whole name's are read as before (``order_id`` of a table whose
    every column begins ``order_``)."""
    if len(fits) <= 1:
        return fits[0] if fits else None
    for said in (bare, column) if bare else (column,):
        name = normalised_name(said)
        for named in (
            _most_named([fit for fit in fits if _names_table(said, fit)], name),
            _most_keyed(
                [
                    fit
                    for fit in fits
                    if normalised_name(fit.key) in name
                    and (normalised_name(fit.key) != name or key_named_for(said, fit.key))
                ]
            ),
            [fit for fit in fits if _same_entity(said, fit)],
            [fit for fit in fits if _abbreviates(said, fit.parent)],
            [fit for fit in fits if _person_among_people(said, fit.parent)],
        ):
            if len(named) == 1:
                return named[0]
    if tree is not None and tree in fits:
        return tree  # a tree's parent is its own kind: other tables' keys fit by chance rules alone
    best = max(fit.share for fit in fits)
    top = [fit for fit in fits if fit.share == best]
    if len(top) == 1:
        return top[0]
    named = [fit for fit in top if fit.parent in linked]
    if len(named) == 1:
        return named[0]
    named = [fit for fit in top if (fit.parent, fit.key) in named_so]
    if len(named) == 1:
        return named[0]
    named = [fit for fit in top if _ends_compound(column, fit.parent)]
    if len(named) == 1:
        return named[0]
    named = [fit for fit in top if fit.parent in owners]
    return named[0] if len(named) == 1 else None


def _most_keyed(fits: list[Inclusion]) -> list[Inclusion]:
    """Of the parents whose key's name a column's holds (:func:`_choose`), the one whose key's is the
    longest and holds every other's alone (``SmartPlaylistID`` holds ``SmartPlaylistID`` more than
    ``PlaylistID``), else all of them. A name holding a longer key whole says that key, the shorter
    one only as a part of it: Banshee's ``CoreSmartPlaylistEntries.SmartPlaylistID``, whose smart
    playlists 1..3 fit ``CorePlaylists.PlaylistID`` as well, referred to neither until 2026-12-06."""
    if len(fits) <= 1:
        return fits
    keys = {id(fit): normalised_name(fit.key) for fit in fits}
    longest = max(fits, key=lambda fit: len(keys[id(fit)]))
    top = keys[id(longest)]
    if all(fit is longest or (keys[id(fit)] in top and keys[id(fit)] != top) for fit in fits):
        return [longest]
    return fits


def _most_named(fits: list[Inclusion], name: str) -> list[Inclusion]:
    """Of the parents a column's normalised ``name`` names (:func:`_names_table`), the one whose
    singular found in it is the longest and holds every other's (``shopping_location_id`` names
    ``shopping_locations`` more than ``locations``; ``ticket_status_id`` ``ticket_statuses`` more than
    ``tickets``) alone, else all of them. Since 2026-12-05: until then such a tie stayed unbroken."""
    if len(fits) <= 1:
        return fits
    stems = {
        id(fit): max((stem for stem in table_singulars(fit.parent) if stem in name), key=len, default="")
        for fit in fits
    }
    longest = max(fits, key=lambda fit: len(stems[id(fit)]))
    top = stems[id(longest)]
    if all(fit is longest or (stems[id(fit)] in top and stems[id(fit)] != top) for fit in fits):
        return [longest]
    return fits


#: The fewest letters of a column's entity that may abbreviate a table's (``repo``, not ``re``).
MIN_ABBREVIATION = 3


def _abbreviates(column: str, parent: str) -> bool:
    """Does the column's entity (:func:`entity_of`: ``repo`` of ``repo_id``) begin the parent table's,
    shorter than it, of :data:`MIN_ABBREVIATION` letters or more (``repository``: a forge's, Gitea's,
    ``issue.repo_id``; ``org`` of ``organization``)? Or clip it (:func:`_clips`): begin with that many
    of its letters or more, the rest of its letters following in order (``convo`` of
    ``conversation``: Skype's ``Messages.convo_id``; ``acct`` of ``account``; since 2026-12-06). Only a
    tie between tables the values fit is broken so (:func:`_choose`): such a name says which table no
    more than its numbers do. Since 2026-12-05."""
    return _entity_part_of(column, parent, str.startswith) or _entity_part_of(column, parent, _clips)


def _clips(long: str, short: str) -> bool:
    """Is ``short`` ``long`` clipped with later letters kept: its first :data:`MIN_ABBREVIATION`
    letters or more are ``long``'s, and its other letters follow in ``long``'s rest, in order
    (``convo``: ``conv`` then ``o`` of ``ersation``)?"""
    start = 0
    while start < min(len(long), len(short)) and long[start] == short[start]:
        start += 1
    if start < MIN_ABBREVIATION:
        return False
    rest = iter(long[start:])
    return all(letter in rest for letter in short[start:])


def _entity_part_of(column: str, parent: str, part: Callable[[str, str], bool]) -> bool:
    """Is the column's entity (:func:`entity_of`), of :data:`MIN_ABBREVIATION` letters or more, a
    ``part`` (``str.startswith``, ``str.endswith``) of the parent table's, shorter than it?"""
    return any(
        len(short) >= MIN_ABBREVIATION and long != short and part(long, short)
        for short in entity_of(column)
        for long in entity_of(parent, table=True)
    )


#: The last word of a column naming the person who did or holds a row (``created_by_id``,
#: ``updated_by``, ``owner_id``, ``author``, ``assignee``), and the entities of a table of people.
PERSON_ROLES = frozenset({"by", "owner", "author", "creator", "assignee", "reporter", "requester", "editor"})
PEOPLE = frozenset({"user", "person", "people", "member"})


#: Past participles not ending in ``ed`` that name a deed before ``by`` (``paid_by``, ``sent_by``).
IRREGULAR_DEEDS = frozenset(
    {"done", "made", "paid", "sent", "written", "held", "run", "kept", "taken", "given", "seen", "chosen"}
)


def _person_among_people(column: str, parent: str) -> bool:
    """Does the column name a person's role (:data:`PERSON_ROLES`: ``created_by_id``, ``owner_id``) and
    the parent table hold people (:data:`PEOPLE`: ``users``, ``auth_user``, ``persons``)? Only a tie
    between tables the values fit is broken so (:func:`_choose`): Vikunja's ``created_by_id`` and
    ``owner_id`` of users 1..5, which projects 1..8 hold too, had no reference chosen until 2026-12-05.
    ``by`` names a person only after a deed (``created``, ``approved``, ``paid``:
    :data:`IRREGULAR_DEEDS`): ``sort_by``, ``group_by``, ``order_by`` name a field or a code."""
    roles = entity_of(column, glued_id=True) & PERSON_ROLES
    if roles == {"by"}:
        words = name_words(column)
        if words and words[-1] == "id":
            words = words[:-1]
        deed = words[-2] if len(words) >= 2 else ""
        if not (deed.endswith("ed") or deed in IRREGULAR_DEEDS):
            return False
    return bool(roles) and bool(entity_of(parent, table=True) & PEOPLE)


def _ends_compound(column: str, parent: str) -> bool:
    """Does the column's entity (:func:`entity_of`: ``field`` of ``field_id``) end the parent table's,
    longer than it, a compound written as one word, the column's of :data:`MIN_ABBREVIATION` letters
    or more (``userfields``: Grocy's ``userfield_values.field_id``)? Only a tie between tables the
    values fit is broken so (:func:`_choose`), the last of its tie-breaks (after the export's declared
    references of the name: Zim's ``tasklist.source`` names ``pages``, not its ``tagsources``).
    Since 2026-12-05."""
    return _entity_part_of(column, parent, str.endswith)


def declared_by_name(declared: Iterable[Reference]) -> dict[str, frozenset[tuple[str, str]]]:
    """The key each column name's declared references name, by the name (case folded), for the names
    whose every declared one-column reference names the same key: what the export's own schema says
    such a column holds (a desktop wiki's ``links.source`` and ``tagsources.source`` both ``REFERENCES
    pages(id)``). A name declared to refer to two keys (``parent`` of ``files`` and of ``pages``) says
    nothing. Among parents a column's values fit alike, the one so named is chosen (since 2026-12-05)."""
    keys: dict[str, set[tuple[str, str]]] = {}
    for reference in declared:
        if len(reference.columns) == 1 and len(reference.parent_columns) == 1:
            keys.setdefault(reference.columns[0].casefold(), set()).add(
                (reference.parent, reference.parent_columns[0])
            )
    return {name: frozenset(named) for name, named in keys.items() if len(named) == 1}


def linked_tables(child: str, tables: AbstractSet[str]) -> frozenset[str]:
    """The tables a link table is named for: the other tables whose names the child's name holds,
    their words in a row (``books_custom_column_5_link`` holds ``books`` and ``custom_column_5``, not
    ``custom_column_55``), when it holds two or more (a table named for one, ``shop_order_line``, is
    that table's part, not a link between tables). Among parents a column's values fit alike, the one
    of these is the one the table links (calibre's custom columns and languages; since 2026-12-05)."""
    words = name_words(child)

    def holds(parent: str) -> bool:
        named = name_words(parent)
        return bool(named) and any(
            words[i : i + len(named)] == named for i in range(len(words) - len(named) + 1)
        )

    found = frozenset(parent for parent in tables if parent != child and holds(parent))
    return found if len(found) >= 2 else frozenset()


def owning_tables(child: str, tables: AbstractSet[str]) -> frozenset[str]:
    """The table ``child`` is named as a part or an extension of, as a schema names a table holding
    more of another's rows (``node__body`` of ``node``; Drupal's ``taxonomy_term__parent`` of
    ``taxonomy_term_data``, both named for the entity ``taxonomy_term``; ``wp_term_taxonomy`` of
    ``wp_terms``), else none: the other table whose name's words the child's begins with, all of them
    (the last compared by its singular), or all but the last where the words left are two or more (a
    table's name for its entity and a word for its storage: ``_data``), more words than every table of
    the export begins with (a prefix such as ``wp_`` names no table), the child's name longer; the one
    table sharing the most such words. Among parents a column's values fit alike, the one so named is
    chosen for the column naming the row's entity, last of the tie-breaks (:func:`_choose`; a
    ``holder`` or a ``field_id`` of a part's rows names what it likes; since 2026-12-06: before, a
    Drupal term's ``entity_id`` fit its 6 terms', 10 nodes' and 6 log entries' keys alike, and
    referred to none)."""
    words = name_words(child)
    everyone = [name_words(name) for name in tables]
    tag = min((_shared_words(words, other) for other in everyone), default=0)

    def shared(parent: str) -> int:
        named = name_words(parent)
        same = _shared_words(words, named)
        whole = same == len(named)
        stem = same == len(named) - 1 and same - tag >= 2
        return same if (whole or stem) and same > tag and same < len(words) else 0

    counts = {parent: shared(parent) for parent in tables if parent != child}
    best = max(counts.values(), default=0)
    top = [parent for parent, count in counts.items() if count == best]
    return frozenset(top) if best and len(top) == 1 else frozenset()


def _shared_words(words: list[str], other: list[str]) -> int:
    """How many leading words two names share, the last compared by its singular (``term`` of
    ``wp_term_taxonomy``, ``terms`` of ``wp_terms``)."""
    same = 0
    for mine, theirs in zip(words, other, strict=False):
        if mine != theirs and not (singulars(mine) & singulars(theirs)):
            break
        same += 1
    return same


def find_references(
    src: Source,
    tables: Mapping[str, TableProfile],
    declared: list[Reference] | None = None,
    kept: Mapping[str, KeptValues] | None = None,
    *,
    declares: bool | None = None,
    by_rowid: Sequence[Reference] = (),
) -> list[Reference]:
    """Set ``foreign_key`` and ``orphan_reference`` on the child columns; return the references.

    ``declared``: the export's foreign keys (:func:`declared_references`) are references; the
    references of tables that declare none are inferred from the data (the module's rules: an export
    may declare some tables' references and not others'). Nothing is inferred from a sampled profile (its
    distinct counts are the sample's). ``kept``: the values the profile kept, by table (tables or
    columns without them are read). ``declares``: whether the export declares foreign keys at all,
    those naming a table or column it lacks (:func:`dangling_declarations`) too, which are no
    references; by default, whether ``declared`` holds any. ``by_rowid``: references to a table's
    rowid (:attr:`Reference.by_rowid`), taken as declared ones are, though the export declares none
    by them (its other columns are searched as before).
    """
    if declares is None:
        declares = bool(declared)
    found: list[Reference] = []
    if declared:
        declared = _without_false_declarations(src, tables, declared)
    declared = [*(declared or []), *by_rowid]
    if declared:
        by_number = _joined_by_number(src, tables, declared)
        _one_type_per_declared_reference(tables, declared, by_number)
        _mark_declared(tables, declared)
        references_as_written(tables)
        _record_declared(src, tables, declared, kept)
        _say_joined_by_number(tables, by_number)
        found = list(declared)
    if any(table.sampled_rows is not None for table in tables.values()):
        return found
    # A table whose schema declares foreign keys declared its references: its other columns are
    # searched only for a parent their name names as its entity (an enum of 1s and 2s fits a small
    # table's keys; an ORM may leave one relation to the code: Open WebUI's ``chat_message.user_id``
    # beside its declared ``chat_id``), or a table of people a column naming a person's role
    # (``created_by``: GORM declares a token's owner ``user_id``, not its maker; since 2026-12-06).
    declaring = {reference.child for reference in found if not reference.by_rowid}
    carried = {(reference.parent, reference.parent_columns[0]) for reference in by_rowid}
    declared_columns = {(reference.child, column) for reference in found for column in reference.columns}
    # The parents a table's declared references name: a tree's parent beside its entity's declared one
    # (_tree_beside) is measured against that entity's table, in a declaring table too.
    declared_parents = {
        (reference.child, reference.parent, reference.parent_columns[0])
        for reference in found
        if len(reference.columns) == 1 and not reference.by_rowid
    }
    pairs: list[Pair] = [
        (
            child,
            column,
            parent,
            key,
            as_written_kind(tables[child][column].inferred_type, tables[parent][key]),
        )
        for (child, column), parents in candidates(tables).items()
        if (child, column) not in declared_columns
        for parent, key in parents
        # A rowid carried for the columns naming its table is a parent only to such columns: small
        # numbers within its 1..N (a position, a rank) say nothing of it.
        if (parent, key) not in carried or names_entity(column, parent)
        if child not in declaring
        or names_entity(column, parent)
        or key_named_for(column, key)
        or _person_among_people(column, parent)
        or (names_own_parent(column) and (child, parent, key) in declared_parents)
    ]
    # A column beside its own table's key that may be a tree's only (its values below the upper half of
    # the keys: _fits_own_key) is measured only where the rows' order shows one (older_rows), asked first:
    # the measure reads every row, and a million-row table's counts 0..9999 beside its keys 1..1M cost
    # 0.8 s of the profile for a pair the rank rule then turned away (since 2026-12-06).
    ordered: dict[Pair, bool] = {
        (child, column, parent, key, kind): older_rows(
            src, child, column, key, read_once=wide_rows(tables[child])
        )
        for child, column, parent, key, kind in pairs
        if kind == "integer" and parent == child and not _fits(tables[child][column], tables[parent][key])
    }
    pairs = [pair for pair in pairs if ordered.get(pair, True)]
    # As the profile reads the cells, and so the target holds them (no SQLite check to agree with): a
    # BLOB numeral (rule blob_numeral) is the number it spells.
    measured = measure(src, pairs, kept, storage_classes(tables))
    named_so = declared_by_name(found)
    fits: dict[tuple[str, str], list[Inclusion]] = {}
    chosen_fits: dict[tuple[str, str], Inclusion] = {}
    # Columns referring to their own table's key as a tree does, each row to an older one (older_rows).
    trees: dict[tuple[str, str], Inclusion] = {}
    # Each column's fits to other tables' keys, those its values do not reach too: a tree's parents
    # beside its entity's table are low among its keys (_tree_beside).
    every_fit: dict[tuple[str, str], list[Inclusion]] = {}
    for index, (child, column, parent, key, kind) in enumerate(pairs):
        fit = measured.get(index)
        far = keys_above_their_count(tables[parent][key])
        if fit is None or fit.share < MIN_INCLUSION:
            continue
        pair = (child, column, parent, key, kind)
        own = kind == "integer" and parent == child
        if kind == "integer" and not own:
            every_fit.setdefault((child, column), []).append(fit)
        if own and (
            ordered[pair]
            if pair in ordered
            else older_rows(src, child, column, key, read_once=wide_rows(tables[child]))
        ):
            trees[(child, column)] = fit
        elif kind == "integer" and not reaches(fit, far=far):
            continue
        fits.setdefault((child, column), []).append(fit)
    # A tree's parent beside its entity (_tree_beside) is decided after the table's other columns, whose
    # references say which table the rows' entity is of.
    tree_named = [node for node in every_fit if names_own_parent(node[1]) and node not in fits]
    deciding = sorted([*fits, *tree_named], key=lambda node: names_own_parent(node[1]))
    for child, column in deciding:
        fitting = fits.get((child, column), [])
        profile = tables[child][column]
        beside = (
            _tree_beside(src, tables, child, column, every_fit[(child, column)], found, chosen_fits)
            if names_own_parent(column) and (child, column) in every_fit
            else None
        )
        if beside is not None:
            fit, entity = beside
            if (why := _turned_away(src, tables, child, column, fit, declares, tree=True)) is not None:
                profile.notes.append(why)
                continue
            profile.notes.append(
                f"a tree's parent beside {child}.{entity}, the row's entity, a reference to "
                f"{fit.parent}.{fit.key}: its values other than a root's are keys of {fit.parent}.{fit.key}, "
                "so it refers there (before any other table whose keys hold them)"
            )
            chosen_fits[(child, column)] = fit
            continue
        if not fitting:
            continue
        # Every parent whose keys the values reach competes, convincing or not: small numbers fitting
        # two tables' keys are ambiguous, even if only one of those tables is small enough to be half used.
        declared_keys = named_so.get(column.casefold(), frozenset())
        tag = column_tag(list(tables[child].columns))
        bare = column[len(tag) :] if tag else ""
        tree = trees.get((child, column))
        # The table a table is named as a part of breaks a tie for the column naming its row's entity
        # (in its key, or one value a row) alone: another column of a part names what it likes.
        owners = owning_tables(child, set(tables)) if _names_the_row(tables[child], column) else frozenset()
        chosen = _choose(
            column, fitting, linked_tables(child, set(tables)), declared_keys, bare, tree, owners
        )
        if chosen is None:
            what = ", ".join(f"{fit.parent}.{fit.key}" for fit in fitting)
            profile.notes.append(f"values fit the keys of {what} alike: no reference chosen")
            continue
        said = (chosen.parent, chosen.key) in declared_keys
        grown = chosen is tree
        if (
            why := _turned_away(src, tables, child, column, chosen, declares, said=said, tree=grown)
        ) is not None:
            profile.notes.append(why)
            continue
        chosen_fits[(child, column)] = chosen
    several = _of_several_tables(src, tables, chosen_fits, kept)
    single: dict[tuple[str, str], Inclusion] = {}
    for (child, column), chosen in chosen_fits.items():
        profile = tables[child][column]
        if (child, column) in several:
            elsewhere = several[(child, column)]
            profile.notes.append(
                f"{chosen.share:.1%} of its values are keys of {chosen.parent}.{chosen.key}; of its other "
                f"rows, {elsewhere} hold keys of other tables and {chosen.orphans - elsewhere} no table's: "
                "a column naming rows of several tables, no single reference (and no orphans counted)"
            )
            continue
        single[(child, column)] = chosen
    for (child, column), chosen in _without_circles(tables, found, single).items():
        profile = tables[child][column]
        _record(profile, chosen, declared=False, root=names_own_parent(column))
        if chosen is trees.get((child, column)):
            profile.notes.append(
                f"each row holding a key of {chosen.parent}.{chosen.key} names an older row, none its own: "
                "a tree or a chain of its own rows (parents made first), beyond chance however low "
                "among the keys"
            )
        found.append(Reference(child, (column,), chosen.parent, (chosen.key,), declared=False))
    references_as_written(tables)
    return found


def _tree_beside(
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
    table that names its row (:func:`_names_the_row`: in its key, or unique in every row) and refers to
    a table (declared, or ``chosen`` in the data); the column is that table's tree when its values other
    than a root's (0, a negative, NULL: left out of the share, :func:`_share_of_references`) are keys of
    it, at least :data:`MIN_DISTINCT` of them, in ``fitting`` (each fit to another table's keys that 90 %
    of its values are), for exactly one such table; no row naming its own entity (a self-loop is no
    tree); and chance beaten as rule 3 beats it, without the rank (parents are made first, few and low
    among the keys): each row holding a value names an older entity (:func:`older_rows`, the entity in
    place of the row's key), or the values use half the keys, or could be keys by chance at most
    :data:`MAX_CHANCE` (:func:`beyond_chance`). Other tables whose keys hold the values (users keyed from
    0, whose anonymous 0 a root's 0 is) are passed over: the name says parent, and the row's entity is of
    that table. Since 2026-12-06; before, Drupal's term tree referred to its users."""
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
        parent: [name for name in names if name != column and _names_the_row(table, name)]
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


def _names_the_row(table: TableProfile, column: str) -> bool:
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


#: A column of a table: a node of the references' graph (:func:`_without_circles`).
_Node = tuple[str, str]


def _without_circles(
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
    not in the other counted as its orphans."""
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
    return kept


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
    a column of the circle names (:func:`_names`: ``username`` names ``users``, the entity its own table
    holds; ``alias`` names no table); the firmest key (a PRIMARY KEY over a UNIQUE one over one unique in
    the data alone); the one holding every value of the column referring to it where that column holds
    not every one of its (``share``: a superset is the parent). (None, "") when none tells."""
    candidates = [node for node in circle if node in kept and (kept[node].parent, kept[node].key) in circle]
    before = {circle[(i + 1) % len(circle)]: circle[i] for i in range(len(circle))}

    def one(chosen: list[_Node]) -> _Node | None:
        return chosen[0] if len(chosen) == 1 else None

    if (found := one([node for node in candidates if node in declared_parents])) is not None:
        return found, f"the export's declared references tell ({found[0]}.{found[1]} is the parent of one)"
    naming = {node: [f"{t}.{c}" for t, c in circle if _names(c, node[0])] for node in candidates}
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


def _without_false_declarations(
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


def _turned_away(
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
    column's note), or None: integers named as a count or as a code, a counter
    running past the keys, keys that may be so by chance, the first keys of the parent in an export
    that ``declares`` its references (each unless its name names the parent), or a copy of its own
    row's key (the one rule reading the data again, last). ``said``: the export's declared references
    of the column's name all name ``chosen`` (:func:`declared_by_name`): the name names the parent by
    the export's own schema, as a name that is the parent's entity does, so however few of its keys
    the values use, or however first, they are no chance (reaching the upper half still needed).
    ``tree``: ``chosen`` is the column's own table, each row naming an older row (:func:`older_rows`):
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
    integer = profile.inferred_type == "integer"
    # A tree's `parent` names its own table as `ticket_id` names tickets (since 2026-12-06).
    own_parent = chosen.parent == child and names_own_parent(column)
    named = names_parent(column, chosen) or said or own_parent
    if integer and (count := _count_word(column, named=named)):
        return (
            f"values are keys of {where}, but its name says a count ({count}), how many, not which row: "
            "no reference inferred"
        )
    code = _code_word(column) if integer and not named else None
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
    if integer and (code := _code_of_the_parents_kind(column, chosen)):
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
    entity = _same_entity(column, chosen) or said or own_parent
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
    role = _person_among_people(column, chosen.parent)
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
    keys = tables[chosen.parent][chosen.key]
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
    if chosen.parent == child and _copies_own_key(src, child, column, chosen.key):
        return (
            f"each of its values is the own row's {chosen.key}: a copy of the key (a login copied to a "
            "display name), no reference inferred"
        )
    return None


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
    reference to either (:func:`_fits_own_key` turns away its own), unless its name names the other
    (a one-to-one table's ``project_id``). Since 2026-12-05; before, a table with more keys than it
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


def _copies_own_key(src: Source, table: str, column: str, key: str) -> bool:
    """Does ``column`` hold, in every row with a value, the row's own ``key``? Then it copies the key
    (a directory's display name left as the login, Request Tracker's ``Gecos``), however few of its
    values there are (:func:`_fits_own_key` turns away a copy of every key only): it relates no row
    to another. A parent ticket or a manager is another row's key; a tree's root is the own row's in
    the roots alone (Redmine's ``root_id``), a reference. Read as text, as written (one scan of the
    table, for a reference to its own key only)."""
    relation = src.relation_sql(table, reads=[ColumnRead(column), ColumnRead(key)])
    value, own = quote_ident(column), quote_ident(key)
    sql = f"SELECT count({value}), count(*) FILTER (WHERE {value} = {own}) FROM {relation}"
    filled, copied = src.connection.cursor().execute(sql).fetchone() or (0, 0)
    return int(filled) > 0 and int(copied) == int(filled)


def older_rows(src: Source, table: str, column: str, key: str, *, read_once: bool = False) -> bool:
    """Does ``column`` refer to its own table's integer ``key`` as a tree or a chain does, each row to an
    older one (a season to its show, an episode to its season, a reply to the comment it answers, a
    revision to the one it replaced)? Parents are made before their children and keys grow with time,
    so in the rows whose value is a key of the table (``held``): none names its own row (a self-loop,
    no tree), every one names a row of a lower key, and the values are at least :data:`MIN_DISTINCT`
    keys. The oldest row can name no older one: it is a root (NULL, 0 or below; the pruning asked for
    such a row, :func:`_may_root_a_tree`).

    Chance: a code, a level or a count is no pointer at rows, and nothing ties its value to the row's
    key. Were the ``held`` values dealt to those rows at random (the same values, the rows keeping their
    keys), the row keyed ``k`` would hold a value below ``k`` with probability ``F(k)``, the share of
    the values below ``k``, and all would with probability ``prod F(k)`` over the rows. That is at most
    :data:`MAX_CHANCE` for a reference (a Bayes factor of 5, rule 3's): a tree predicts the order
    always. Rows keyed above every value add nothing (``F = 1``): the evidence is in the first rows
    holding a value, where a code's (a status 3 in the row keyed 1 or 2) would point at a newer row or
    its own. A tree's parents sit low among the keys (a library's three shows before their seasons and
    episodes: rule 3's "upper half" turns them away), and where this holds they need not reach it.

    The first keys one after another, each held by one row (1..10 in every third row), are what a
    counter numbering some of the rows holds (a tree's parents are shared, a chain's keys have gaps):
    no tree, as the data cannot tell them apart.

    Two queries over the table's two columns, the second (the chance, one sort of the values) only
    where the first (self-loops, newer rows named) leaves it possible; only for an integer column that
    fits its own key (:func:`_fits_own_key`), 90 % of its values keys (the measure). Each query reads
    the export's table several times; ``read_once`` (a table of wide rows, :func:`wide_rows`) reads the
    two columns from it once into a table of the cursor's own instead: on the wide bench export's
    36-column tickets the check took 0.54-0.78 s, 0.29-0.39 s so, on a busy machine. On a table of
    narrow rows the reads cost less than keeping them (a million rows: +0.08 s), so it is not done."""
    relation = src.relation_sql(table, reads=[ColumnRead(column), ColumnRead(key)])
    value, own = quote_ident(column), quote_ident(key)
    pairs = (
        f"SELECT v, k FROM (SELECT try_cast({value} AS BIGINT) AS v, try_cast({own} AS BIGINT) AS k "
        f"FROM {relation}) WHERE k IS NOT NULL"
    )
    cursor = src.connection.cursor()
    if read_once:
        cells = quote_ident(f"{HELPER_PREFIX}older_rows")
        rows = f"WITH held AS (SELECT v, k FROM {cells} WHERE v IN (SELECT k FROM {cells}))"
    else:
        cells = "cells"
        rows = f"WITH cells AS ({pairs}), held AS (SELECT v, k FROM cells WHERE v IN (SELECT k FROM cells))"
    try:
        if read_once:
            cursor.execute(f"CREATE OR REPLACE TEMP TABLE {cells} AS {pairs}")
        counts = (
            f"{rows} SELECT count(*), count(*) FILTER (WHERE v >= k), count(DISTINCT v), min(v), max(v), "
            f"(SELECT min(k) FROM {cells}) FROM held"
        )
        held, newer, distinct, low, high, lowest = cursor.execute(counts).fetchone() or (0, 0, 0, 0, 0, 0)
        if not held or newer or int(distinct) < MIN_DISTINCT:
            return False
        if held == distinct and low == lowest and high - low + 1 == distinct:
            # The first keys, one row each, in order: a counter numbering some rows (alert 1..10).
            return False
        # Each row's key and each value as marks in one order, a key before the values equal to it: the
        # values counted up to a row's key mark are those below its key.
        chance = (
            f"{rows}, marks AS (SELECT v AS x, 1 AS is_value FROM held UNION ALL "
            "SELECT k AS x, 0 AS is_value FROM held WHERE k <= (SELECT max(v) FROM held)), "
            "ranked AS (SELECT is_value, sum(is_value) "
            "OVER (ORDER BY x, is_value ROWS UNBOUNDED PRECEDING) AS below FROM marks) "
            f"SELECT coalesce(sum(ln(below / {int(held)})), 0) FROM ranked WHERE is_value = 0"
        )
        (logged,) = cursor.execute(chance).fetchone() or (0.0,)
        return float(logged) <= math.log(MAX_CHANCE)
    finally:
        if read_once:
            cursor.execute(f"DROP TABLE IF EXISTS {cells}")
        cursor.close()


#: Bytes a table's row holds on average (``ColumnProfile.bytes``, every column) above which
#: :func:`older_rows` reads its two columns once rather than the table again per use.
WIDE_ROW_BYTES = 256


def wide_rows(table: TableProfile) -> bool:
    """Whether ``table``'s rows average more than :data:`WIDE_ROW_BYTES` (long text, many columns)."""
    rows = table.sampled_rows or table.row_count
    return rows > 0 and sum(column.bytes for column in table) > WIDE_ROW_BYTES * rows


def _of_several_tables(
    src: Source,
    tables: Mapping[str, TableProfile],
    chosen: Mapping[tuple[str, str], Inclusion],
    kept: Mapping[str, KeptValues] | None,
) -> dict[tuple[str, str], int]:
    """The text (or bytea) columns among ``chosen``'s some of whose orphans are keys of another table
    of their type, with the rows holding those: guids (or other keys drawn from a space too large for
    chance) of rows of several tables, GnuCash's ``slots.obj_guid`` naming a transaction, an account, a
    lot or the book (and a slot frame, a guid of no table). Measured again, against every key of its
    type in the export, only for a column whose chosen parent left orphans (the first measure pruned
    the tables too small to hold 90 % of its values). Integers are never so: keys 1..N of every table
    overlap."""
    parents = _parent_keys(tables)
    pairs: list[Pair] = []
    asked: dict[tuple[str, str], int] = {}
    for (child, column), fit in chosen.items():
        profile = tables[child][column]
        if not fit.orphans or profile.inferred_type not in _DRAWN_TYPES:
            continue
        kind = as_written_kind(profile.inferred_type, tables[fit.parent][fit.key])
        asked[(child, column)] = len(pairs)
        pairs.append((child, column, fit.parent, fit.key, kind))
        pairs += [
            (child, column, parent, name, kind)
            for (parent, name), key in parents.items()
            if parent not in (child, fit.parent) and key.inferred_type == profile.inferred_type
        ]
    if not asked:
        return {}
    measured = measure(src, pairs, kept, storage_classes(tables), elsewhere=True)
    again = {column: measured.get(index) for column, index in asked.items()}
    return {column: fit.elsewhere for column, fit in again.items() if fit is not None and fit.elsewhere}


def references_as_written(tables: Mapping[str, TableProfile]) -> None:
    """A column referencing (declared or inferred) a key column loaded as written is loaded as written
    too: its values then still name their row (``'k0 '`` the key ``'k0 '``, not ``'k0'``), and both ends
    are text. Until nothing changes: a referencing column may be a key referenced in turn. Before the
    orphans of declared references are counted (:func:`find_references`): a key loaded as written only
    because it references such a key (``b.k`` referencing ``d.m``) has its own references compared as
    written too, as SQLite and the target compare them."""
    written = {
        f"{table.name}.{column.name}": column
        for table in tables.values()
        for column in table
        if column.as_written is not None
    }
    changed = bool(written)
    while changed:
        changed = False
        for table in tables.values():
            for column in table:
                key = written.get(column.foreign_key or "")
                # A bytea column is loaded as its bytes, as written already (see keep_as_written).
                if key is None or column.as_written is not None or column.inferred_type == "bytea":
                    continue
                # The key's reason quotes its values: this column's texts quote them now too.
                column.quoted += key.quoted
                why = key.as_written
                keep_as_written(
                    column,
                    f"it references {column.foreign_key}, loaded as written ({why})",
                    values_kept=key.key_values_kept,
                )
                written[f"{table.name}.{column.name}"] = column
                changed = True


def _declared_kind(
    child: ColumnProfile, parent: ColumnProfile, collation: str | None, affinity: str | None = None
) -> str:
    """How a declared reference's values are compared: as SQLite's foreign key check compares them,
    the parent key's ``affinity`` (:func:`key_affinity`; None: its declared type's) applied to the
    child's value first. Integers with integers; a key of numeric affinity reads the child's text as
    a number (:data:`NUMBER_TEXT`: ``'007'`` is the key 7, ``'2.50'`` the key 2.5); a key of none
    converts nothing (:data:`AS_STORED`: ``'1'`` is no key 1); a ``COLLATE NOCASE`` key folds ASCII case."""
    affinity = affinity or sqlite_affinity(parent.declared_type)
    nocase = collation == "NOCASE"
    if affinity == "BLOB":
        if _integers_alone(child) and _integers_alone(parent):
            return "integer"
        return AS_STORED_NOCASE if nocase else AS_STORED
    # Integers with integers, unless a value of either is none (a word, quarantined by cleaning): SQLite
    # still compares it, by the key's affinity, and finds no key.
    integers = not child.invalid_count and not parent.invalid_count
    if (child.inferred_type, parent.inferred_type) == ("integer", "integer") and integers:
        return "integer"
    if affinity in NUMBER_AFFINITIES:
        return NUMBER_NOCASE if nocase else NUMBER_TEXT
    return NOCASE_TEXT if nocase else "text"


def _affinity(reference: Reference, key: str) -> str | None:
    """The affinity SQLite applies to a child's value compared with ``key``, one of the reference's
    parent columns (None: unknown)."""
    if not reference.affinities:
        return None
    return reference.affinities[reference.parent_columns.index(key)]


def _integers_alone(column: ColumnProfile) -> bool:
    """Whether ``column`` holds INTEGER cells alone (none of another storage class)."""
    return not any(n for kind, n in column.storage_classes.items() if kind not in ("integer", "null"))


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


def _joined_by_number(
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
        affinity = _affinity(reference, key)
        if _declared_kind(child[column], parent[key], None, affinity) not in _NUMBER_KINDS:
            continue
        # A sampled profile's storage classes are the sample's: they rule nothing out.
        sampled = child.sampled_rows is not None or parent.sampled_rows is not None
        if sampled or _may_join_by_number(child[column], parent[key]):
            wanted.setdefault(reference.child, []).append((reference, column, key))
    found: dict[tuple[str, str, str, str], ByNumber] = {}
    batches = [
        (child_table, batch)
        for child_table, all_ends in wanted.items()
        for batch in _read_batches(
            all_ends,
            lambda end: [ColumnRead(end[1])],
            lambda end: tables[end[0].parent].row_count,
            lambda end: _few_values(tables[end[0].child], [end[1]]),
        )
    ]
    keys = [(reference.parent, key) for _, (_, ends) in batches for reference, _, key in ends]
    with _held_parents(src, keys, lambda parent: _number_keys_sql(src, *parent)) as held:
        for each in _side_by_side(
            batches,
            lambda batch: tables[batch[0]].row_count,
            lambda batch: _by_number(src, batch[0], batch[1][0], batch[1][1], held),
        ):
            found.update(each)
    return found


def _number_keys_sql(src: Source, parent: str, key: str) -> str:
    """DuckDB: the values of ``parent``'s ``key`` as a key of numbers compares them
    (:data:`NUMBER_TEXT`), what :func:`_by_number` looks a child's values up in."""
    keys = _value(f"CAST({quote_ident(key)} AS VARCHAR)", NUMBER_TEXT)
    return f"(SELECT {keys} FROM {src.relation_sql(parent, reads=[ColumnRead(key)])})"


def _by_number(
    src: Source,
    child_table: str,
    by_values: bool,
    ends: list[tuple[Reference, str, str]],
    held: Mapping[tuple[str, str], str],
) -> dict[tuple[str, str, str, str], ByNumber]:
    """:func:`_joined_by_number` of one read of ``child_table`` (a batch of its ``ends``: reference,
    column, key; ``by_values``: over distinct values), the parents' keys (:func:`_number_keys_sql`)
    ``held`` by (parent, key)."""
    found: dict[tuple[str, str, str, str], ByNumber] = {}
    columns = list(dict.fromkeys(column for _, column, _ in ends))
    place = {column: index for index, column in enumerate(columns)}
    read = ", ".join(
        f"{_value(text, 'text')} AS t{i}, {_value(text, NUMBER_TEXT)} AS v{i}"
        for i, text in ((place[c], f"CAST({quote_ident(c)} AS VARCHAR)") for c in columns)
    )
    shapes = ", ".join(
        f"t{i}, regexp_full_match(t{i}, '[+-]?[0-9]+') AS whole{i}, "
        f"regexp_full_match(t{i}, '{_NUMBER_SHAPE}') AS number{i}"
        for i in range(len(columns))
    )
    hits, counted = [], []
    for n, (reference, column, key) in enumerate(ends):
        i = place[column]
        hits.append(
            f"{_in_set(n)} AND v{i} <> t{i} AND NOT starts_with(v{i}, '=') "
            f"AND v{i} IN (SELECT * FROM {held[(reference.parent, key)]}) AS hit{n}"
        )
        # Significant digits of a number's text: its mantissa's digits, leading and trailing zeros
        # aside.
        digits = f"length(trim(regexp_replace(regexp_replace(t{i}, '[eE].*$', ''), '[^0-9]', '', 'g'), '0'))"
        past = f"abs(try_cast(t{i} AS DOUBLE)) >= {2**53}"
        counted.append(
            f"coalesce(sum({_ROWS}) FILTER (WHERE hit{n}), 0), "
            f"min({{'v': t{i}, 'n': {_ROWS}}}, {EXAMPLES}) FILTER (WHERE hit{n}), "
            f"bool_or(hit{n} AND NOT whole{i}), "
            f"bool_or({_in_set(n)} AND number{i} AND NOT whole{i} AND ({digits} > 15 OR {past})), "
            f"bool_or({_in_set(n)} AND whole{i} AND {past})"
        )
    reads = [ColumnRead(c) for c in columns]
    child_rows, sets = src.relation_sql(child_table, reads=reads), [[column] for _, column, _ in ends]
    relation = _distinct_rows(child_rows, reads, sets) if by_values else _every_row(child_rows, sets)
    flags = ", ".join(_in_set(n) for n in range(len(ends)))
    sql = (
        f"SELECT {', '.join(counted)} FROM (SELECT {shapes}, {_ROWS}, {flags}, {', '.join(hits)} "
        f"FROM (SELECT {read}, {_ROWS}, {flags} FROM {relation}))"
    )
    row = src.connection.cursor().execute(sql).fetchone()
    for n, (reference, column, key) in enumerate(ends):
        counts: tuple[Any, ...] = row[5 * n : 5 * n + 5] if row is not None else (0, None, 0, 0, 0)
        hits_n, examples, fractions, long_fractions, long_integers = counts
        if hits_n:
            found[(reference.child, column, reference.parent, key)] = ByNumber(
                int(hits_n),
                _smallest(examples),
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
    return bool(numbers) and not _integers_alone(child)


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


def _say_joined_by_number(
    tables: Mapping[str, TableProfile], found: Mapping[tuple[str, str, str, str], ByNumber]
) -> None:
    """Tell the operator, on each column of :func:`_joined_by_number`, what a join along it needs."""
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


def _one_type_per_declared_reference(
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
    :func:`_joined_by_number`): as text the key would equal none of them either, and every other
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
#: trimmed, stripped or decoded (inference.infer_column adds none of them to a bytea column).
_TEXT_ONLY_ISSUES = frozenset({"empty_string", "null_like", "whitespace", "nul_byte", "invalid_encoding"})


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
    not (:data:`_FAMILIES`: a ``date`` and a ``bigint``, a ``boolean`` and a ``bigint``); text aside."""
    families = {_FAMILIES.get(kind) for kind in types}
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
    if _FAMILIES.get(end.inferred_type) == "number" or end.invalid_count or not _holds_numbers_alone(end):
        return False
    if _FAMILIES.get(beside.inferred_type) != "number" and not _holds_numbers_alone(beside):
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
    :func:`.keys.keep_as_written`): a ``date`` key beside a ``text`` child
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


def _mark_declared(tables: Mapping[str, TableProfile], declared: list[Reference]) -> None:
    """Set ``foreign_key`` on the declared references' child columns that were profiled."""
    for reference in declared:
        child = tables.get(reference.child)
        if child is None or reference.parent not in tables:
            continue
        for column, key in zip(reference.columns, reference.parent_columns, strict=True):
            if column in child.columns:
                child[column].foreign_key = f"{reference.parent}.{key}"


def _record_declared(
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
                _declared_kind(child[column], parent[key], collation, _affinity(reference, key)),
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
    held = [_parent_of(*entry) for entries in composites.values() for entry in entries]
    with _held_parents(src, held, lambda key: _parent_rows_sql(src, *key, classes)) as parents:
        children = list(composites.items())
        each = _side_by_side(
            children,
            lambda child: tables[child[0]].row_count,
            lambda child: _composite_orphans(src, tables, child[0], child[1], classes, parents),
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
        _record(profile, fits[chosen], declared=True, compared=pairs[chosen][4], by_rowid=by_rowid[chosen])
        for index in indexes:
            if index != chosen:
                other = fits[index]
                profile.notes.append(
                    f"also declared to reference {other.parent}.{other.key}: {other.orphans:,} rows name no "
                    f"row there, not counted as orphans (the reference taken is {profile.foreign_key}, the "
                    "declared parent holding the most of its values, the first declared on a tie)"
                )


#: Type families PostgreSQL compares across (a join along a reference of two of one family works), by
#: the profile's inferred type: what :func:`say_joined_by_cleaning` compares once cleaned.
_FAMILIES = {
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
    (:func:`_read_batches`: unless two read a column otherwise), each parent's values once per reference."""

    def columns(entry: tuple[int, Reference, list[_CleaningPart]]) -> list[_Cleaned]:
        return [(part.column, tables[child][part.column], part.kind, part.folded) for part in entry[2]]

    found: dict[int, tuple[int, int]] = {}
    for by_values, batch in _read_batches(
        ends,
        lambda entry: _cleaned_reads(child, columns(entry), classes)[0],
        lambda entry: tables[entry[1].parent].row_count,
        lambda entry: _few_values(tables[child], [part.column for part in entry[2]]),
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
            present = " AND ".join([f"c.{_in_set(n)}", *(f"c.s{j} IS NOT NULL" for j in at)])
            counted.append(
                f"coalesce(sum(c.{_ROWS}) FILTER (WHERE {present} AND ps{n}.found IS NULL "
                f"AND pd{n}.found), 0), coalesce(sum(c.{_ROWS}) FILTER (WHERE {present} "
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
        family = _FAMILIES.get(end.inferred_type)
        if family is None or family != _FAMILIES.get(target.inferred_type):
            return None
        if any(
            classes.get(place, {}).get("blob", 0) > profile.blob_numerals
            for place, profile in (((reference.child, column), end), ((reference.parent, key), target))
        ):
            return None  # bytes: a BLOB that is no numeral is loaded as bytes, equal to no number
        if family == "moment" and (isinstance(end.min, int) or isinstance(target.min, int)):
            return None  # epoch numbers: their units are each column's
        kind = as_sqlite_kind(
            _declared_kind(end, target, collation, _affinity(reference, key)), target, collation
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
        if exact_reals or _needs_classes(kind, classes.get((table, column), {})):
            classed.add(column)
        texts.append(exact_reals)
    reads = _compared_reads(table, [(column, kind) for column, _, kind, _ in columns], classed, classes)
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
    (the kind), ``d{i}``, as cleaning makes it (:func:`.keys.cleaned_sql`; folded), or as written where
    the column is loaded as written; a number in a column loaded as text is its text. ``sets``: of the
    distinct values of each set of columns, with their counts (:func:`_distinct_rows`; ``by_values``
    false: every row, :func:`_every_row`)."""
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
        compared = _read_value(table, column, kind, place[column], classes, column in classed)
        selected.append(f"{compared} AS s{i}, {cleaned} AS d{i}")
    relation = src.relation_sql(table, reads=reads)
    if sets is not None:
        selected += [_ROWS, *(_in_set(n) for n in range(len(sets)))]
        relation = _distinct_rows(relation, reads, sets) if by_values else _every_row(relation, sets)
    return f"(SELECT {', '.join(selected)} FROM {relation})"


def _compared_reads(
    table: str, compared: list[tuple[str, str]], classed: set[str], classes: Classes
) -> list[ColumnRead]:
    """How each column of ``table`` compared (``(column, kind)`` pairs, a column perhaps in several) is
    read: integers need no decoding (they are cast to a number) unless their storage classes are read;
    numbers compared by number read a REAL with all its digits (SQLite's text keeps 15: 0.3 and
    0.30000000000000004 would be one); BLOB cells as hex."""
    kinds = dict(compared)
    exact = {c for c, kind in compared if kind in (NUMBER_TEXT, NUMBER_NOCASE, AS_STORED, AS_STORED_NOCASE)}
    return [
        ColumnRead(
            c,
            decode=kind != "integer" or c in classed,
            real_digits=c in exact,
            with_class=c in classed,
            with_hex=bool(classes.get((table, c), {}).get("blob")) or kind == BYTES,
        )
        for c, kind in kinds.items()
    ]


def _relation_reads(table: str, wanted: list[tuple[str, str]], classes: Classes) -> list[ColumnRead]:
    """How :func:`_compared_relation` reads ``table``'s columns for ``wanted`` ((column, kind) pairs)."""
    classed = {c for c, kind in wanted if _needs_classes(kind, classes.get((table, c), {}))}
    return _compared_reads(table, wanted, classed, classes)


#: Checks of child tables of at most this many rows run side by side (:func:`_side_by_side`).
SIDE_BY_SIDE_ROWS = 100_000


def _side_by_side(
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


def _read_batches(
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
    (:func:`_distinct_rows`), as ``distinct`` says of each of its entries."""
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


def _few_values(table: TableProfile, columns: list[str]) -> bool:
    """Whether ``columns`` of ``table`` hold few distinct values together (:data:`_DISTINCT_SHARE` of
    its rows at most, bounded by the product of each one's distinct count): worth a check's grouping."""
    bound = 1
    for column in columns:
        bound *= max(1, table[column].distinct_count if column in table.columns else table.row_count)
        if bound > table.row_count:
            return False
    return bound <= _DISTINCT_SHARE * table.row_count


def _compared_relation(
    src: Source,
    table: str,
    wanted: list[tuple[str, str]],
    classes: Classes,
    *,
    sets: list[list[str]] | None = None,
    by_values: bool = True,
) -> str:
    """A DuckDB relation of ``table``'s rows, column ``c{i}`` the compared value (:func:`_value`) of
    ``wanted[i]`` (column, kind), each column read as :func:`inclusion_sql` reads it. ``sets``: of the
    distinct values of each set of columns, with their counts (:func:`_distinct_rows`; ``by_values``
    false: every row, :func:`_every_row`)."""
    kinds = dict(wanted)
    classed = {c for c, kind in wanted if _needs_classes(kind, classes.get((table, c), {}))}
    reads = _relation_reads(table, wanted, classes)
    place = {c: index for index, c in enumerate(kinds)}
    selected = ", ".join(
        f"{_read_value(table, c, kind, place[c], classes, c in classed)} AS c{i}"
        for i, (c, kind) in enumerate(wanted)
    )
    relation = src.relation_sql(table, reads=reads)
    if sets is not None:
        flags = "".join(f", {_in_set(n)}" for n in range(len(sets)))
        rows = _distinct_rows(relation, reads, sets) if by_values else _every_row(relation, sets)
        return f"(SELECT {selected}, {_ROWS}{flags} FROM {rows})"
    return f"(SELECT {selected} FROM {relation})"


#: Names of the DuckDB tables holding a parent's distinct compared keys (:func:`_held_parents`).
_HELD_PREFIX = "__columnar_etl_parent_keys_"


def _parent_rows_sql(
    src: Source, parent: str, columns: tuple[str, ...], kinds: tuple[str, ...], classes: Classes
) -> str:
    """DuckDB: the distinct compared values (``c{i}``, :func:`_compared_relation`) of ``parent``'s key
    ``columns`` (each of ``kinds``), with ``found`` true: what :func:`_composite_orphans` joins."""
    relation = _compared_relation(src, parent, list(zip(columns, kinds, strict=True)), classes)
    listed = ", ".join(f"c{i}" for i in range(len(kinds)))
    return f"(SELECT DISTINCT {listed}, true AS found FROM {relation})"


#: What identifies a relation :func:`_held_parents` holds (a parent table, its key columns, their kinds).
_ParentKey = TypeVar("_ParentKey", bound=Hashable)
#: A composite reference's parent as :func:`_composite_orphans` joins it: table, key columns, kinds.
_Parent = tuple[str, tuple[str, ...], tuple[str, ...]]


def _parent_of(reference: Reference, kinds: list[str]) -> _Parent:
    """What :func:`_composite_orphans` joins for ``reference`` compared as ``kinds``."""
    return (reference.parent, reference.parent_columns, tuple(kinds))


@contextmanager
def _held_parents(
    src: Source, wanted: list[_ParentKey], relation: Callable[[_ParentKey], str]
) -> Iterator[dict[_ParentKey, str]]:
    """The relation (``relation``, a parenthesised query) of each of ``wanted``, by it: those wanted
    more than once computed once, into a DuckDB table dropped after, the others as their query. A
    parent of many references (PROJ's ``unit_of_measure``, ``extent``) is read and its compared values
    computed once a profile, not once a reference: the same query, the same rows."""
    counts = Counter(wanted)
    relations = {key: relation(key) for key in counts}
    held = {
        key: quote_ident(f"{_HELD_PREFIX}{n}") for n, key in enumerate(k for k, m in counts.items() if m > 1)
    }
    cursor = src.connection.cursor()
    try:
        for key, name in held.items():
            cursor.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM {relations[key]}")
        yield relations | held
    finally:
        for name in held.values():
            cursor.execute(f"DROP TABLE IF EXISTS {name}")


def _composite_orphans(
    src: Source,
    tables: Mapping[str, TableProfile],
    child: str,
    compared: list[tuple[Reference, list[str]]],
    classes: Classes,
    parents: Mapping[_Parent, str],
) -> list[tuple[int, tuple[str, ...]]]:
    """For each of ``child``'s composite references (with the kinds its parts are compared as), the
    rows with no parent row, as SQLite's foreign key check counts them (a row with a NULL in any of
    the columns refers to nothing), and a few of them (their compared values joined by ``|``). One
    read of ``child`` for all of them (:func:`_read_batches`: unless two read a column otherwise).
    ``parents``: each parent's relation (:func:`_parent_rows_sql`, held by :func:`_held_parents`), by
    :func:`_parent_of`."""

    def wanted(entry: tuple[Reference, list[str]]) -> list[tuple[str, str]]:
        return list(zip(entry[0].columns, entry[1], strict=True))

    found: dict[int, tuple[int, tuple[str, ...]]] = {}
    numbered = list(enumerate(compared))
    for by_values, batch in _read_batches(
        numbered,
        lambda item: _relation_reads(child, wanted(item[1]), classes),
        lambda item: tables[item[1][0].parent].row_count,
        lambda item: _few_values(tables[child], list(item[1][0].columns)),
    ):
        columns: list[tuple[str, str]] = []
        joins, counted = [], []
        for n, (_, (reference, kinds)) in enumerate(batch):
            at = range(len(columns), len(columns) + len(kinds))
            columns += wanted((reference, kinds))
            present = " AND ".join(f"c.c{i} IS NOT NULL" for i in at)
            equal = " AND ".join(f"p{n}.c{i} = c.c{j}" for i, j in enumerate(at))
            label = " || '|' || ".join(_shown_sql(f"c.c{j}", kinds[i]) for i, j in enumerate(at))
            joins.append(f"LEFT JOIN {parents[_parent_of(reference, kinds)]} AS p{n} ON {equal}")
            orphan = f"c.{_in_set(n)} AND {present} AND p{n}.found IS NULL"
            counted.append(
                f"coalesce(sum(c.{_ROWS}) FILTER (WHERE {orphan}), 0), "
                f"min({{'v': {label}, 'n': c.{_ROWS}}}, {EXAMPLES}) FILTER (WHERE {orphan})"
            )
        sets = [list(reference.columns) for _, (reference, _) in batch]
        relation = _compared_relation(src, child, columns, classes, sets=sets, by_values=by_values)
        sql = f"SELECT {', '.join(counted)} FROM {relation} AS c {' '.join(joins)}"
        row = src.connection.cursor().execute(sql).fetchone()
        for n, (number, _) in enumerate(batch):
            orphans, examples = (row[2 * n], row[2 * n + 1]) if row is not None else (0, None)
            found[number] = (int(orphans), _smallest(examples)) if orphans else (0, ())
    return [found[number] for number in range(len(compared))]


#: What an orphan's detail adds, by the kind compared (its examples are as compared).
_COMPARED = {
    NOCASE_TEXT: " (compared as its COLLATE NOCASE compares: ASCII letters in lower case)",
    NUMBER_TEXT: " (compared as SQLite compares with a key of numbers: text reading as a number is it)",
    NUMBER_NOCASE: " (compared as SQLite compares with a key of numbers, COLLATE NOCASE: text reading as a "
    "number is it, other text in lower case for ASCII letters)",
    AS_STORED: " (compared as SQLite compares with a key of no affinity: text is no number, a BLOB no text)",
    AS_STORED_NOCASE: " (compared as SQLite compares with a key of no affinity, COLLATE NOCASE: text is "
    "no number, a BLOB no text, ASCII letters in lower case)",
    SQLITE_NOCASE: " (compared as its COLLATE NOCASE compares: ASCII letters in lower case)",
    SQLITE_RTRIM: " (compared as SQLite compares it with its COLLATE RTRIM key: trailing spaces ignored)",
    WRITTEN_TEXT: " (compared as written, untrimmed: the key is loaded as written, and so this column)",
    WRITTEN_NOCASE: " (compared as written, untrimmed, ASCII letters in lower case: the key is loaded as "
    "written, and so this column)",
}


def _record(
    column: ColumnProfile,
    fit: Inclusion,
    *,
    declared: bool,
    compared: str = "",
    by_rowid: bool = False,
    root: bool = False,
) -> None:
    """``compared``: the kind the values were compared as (:data:`NOCASE_TEXT` folds the examples).
    ``by_rowid``: the parent's rowid, which the column's name names and its values hold
    (:attr:`Reference.by_rowid`). ``root``: the column's name says a tree's parent
    (:func:`names_own_parent`): its "no reference" is a root's "no parent", and its note says so."""
    column.foreign_key = f"{fit.parent}.{fit.key}"
    if by_rowid:
        how = "held by its rows' rowid (the column names the table, every value is one of its rowids)"
    elif declared:
        how = "declared in the schema"
    else:
        how = f"found in the data ({fit.share:.1%} of its values)"
    column.notes.append(f"reference to {fit.parent}.{fit.key} {how}")
    if fit.no_reference:
        column.no_reference_count = fit.no_reference
        column.no_reference_values = list(fit.no_reference_values)
        why = (
            f"the nil UUID, which no generator draws, is no key of {fit.parent}.{fit.key}"
            if set(fit.no_reference_values) <= set(NIL_UUIDS)
            else f"no key of {fit.parent}.{fit.key} is 0 or lower"
        )
        parent = ", no parent: the roots of its tree" if root else ""
        column.notes.append(
            f"{column.no_reference_said} for no reference{parent} ({fit.no_reference:,} rows; {why}): not "
            "counted as orphans, loaded as it is"
        )
    if fit.orphans:
        column.issues.append(
            Issue(
                "orphan_reference",
                fit.orphans,
                tuple(sorted(fit.examples))[:EXAMPLES],
                detail=f"no row in {fit.parent} with this {fit.key}" + _COMPARED.get(compared, ""),
            )
        )


def load_references(
    tables: Mapping[str, TableProfile], names: Mapping[str, Mapping[str, str]]
) -> dict[str, list[str]]:
    """Per table, its reference columns as loaded (``names`` maps export → output names): the loader
    indexes them. Columns not loaded (masked with ``drop``) are left out."""
    found: dict[str, list[str]] = {}
    for name, table in tables.items():
        mapping = names.get(name, {})
        found[name] = [mapping[c.name] for c in table if c.foreign_key and c.name in mapping]
    return found
