"""References between the export's tables — from the schema first, then from the data — and orphans.

1. **Declared.** When a table declares foreign keys (``PRAGMA foreign_key_list``), those are its
   references, exactly, and its other columns are searched (by the rules below) only for a parent
   their name names as its entity (``user_id`` → ``user``, :func:`names_entity`) or its identifier
   (``sensor_uuid`` → ``Sensors``' generated ``uuid``, :func:`.parent_keys.names_table`; since
   2026-12-07, xDrip+'s): an enum of 1s and 2s fits a small table's keys, and an ORM may leave a
   relation to the code (Open WebUI's ``chat_message`` declares ``chat_id``, not ``user_id``). Until
   2026-12-04 its other columns were searched as well; from then until 2026-12-05 none was. A column
   whose name says a tree's parent (:func:`names_own_parent`) is searched against its own table too: a
   root's 0 fits no foreign key, so an ORM leaves that one undeclared (Orgzly's ``notes.parent_id``;
   since 2026-12-07).
2. **Inferred by inclusion** in a table that declares none (the export may declare some tables' references and
   not others'): a column is a reference to another table's key when at least
   :data:`.reference_rows.MIN_INCLUSION` of its distinct non-null values are values of that key. Names play no
   part. The parent key must be a single column, unique and non-null (:mod:`.keys`), or a text column the
   schema declares unique by itself beside it (:func:`.parent_keys.keys_referable`: MiniDLNA's
   ``OBJECTS.OBJECT_ID``, since 2026-12-05); the child column must have the same type (integer with integer,
   a double column of whole numbers with integer too, compared as numbers under the rules of integers,
   :func:`.key_chance.whole_numbers`: pandas' float64 for a blank, since 2026-12-07; text with text,
   bytea with bytea where both are short, at most :data:`.reference_rows.KEPT_VALUE_BYTES` a value on average,
   :func:`.parent_keys.short_bytes`: a key of bytes, a UUID bound as 16 bytes, a hash, since
   2026-12-05, each cell compared by the bytes the target holds: Netdata's ``chart.host_id``, Syncthing's
   ``blocks.blocklist_hash``) and not be its own table's key when that is one column, unless its name names
   another table as its entity (``jid_id`` → ``jids``: a one-to-one table keyed by its parent's key, Gajim's
   ``last_archive_message``; that table alone, since 2026-12-05), the schema declares it the key (or the data
   alone makes it unique and its name ends in an id word: a link table whose every album has one artist,
   Lollypop's ``album_artists.album_id``, since 2026-12-06) and it names not its own table's entity, or it is
   a declared key of text or short bytes whose name names no table (``id``: Focalboard's ``sharing.id``, a
   shared board's key; such values meet only by a link, since 2026-12-06), or a key of text or short bytes
   only the data makes unique, whatever its name (Things 3's ``TMAreaTag.areas``, one tag per tagged area; a
   child as any other column, since 2026-12-06): a column of a key of several (a link table's ``(post_id,
   tag_id)``, an order's ``(order_id, line_no)``) may refer, as any other (until 2026-12-05 no part of a key
   did, and a link table related nothing). A column may refer to its own table's key (a ticket's parent
   ticket, an employee's manager) if it is not a copy or a reordering of the key (its distinct values are
   fewer than :data:`.reference_rows.MIN_INCLUSION` of the keys: an order, a rank or a legacy number numbers
   every row once; parents are shared); nor, such a column, to another table whose keys it fits, unless its
   name names that table (:func:`.reference_circles._numbers_own_rows`: Grist's ``manualSort``, since
   2026-12-05). A column whose values fit several parents' keys equally well is no reference (the data cannot
   tell which one it is), unless exactly one parent's table (or key) name appears in the column's name, or
   exactly one parent's table name ends in the column's name (tables named ``<module>_<entity>``: ``sale`` →
   ``sale_sale``, ``partner_id`` → ``res_partner``), or one parent holds strictly more of its values (its own
   table's key, say, over another table's whose keys merely overlap), or, among those holding as many, the one
   a link table is named for (a table whose name holds two or more other tables' names links those: calibre's
   ``books_custom_column_5_link.value`` → ``custom_column_5``, :func:`linked_tables`, since 2026-12-05): that
   breaks the tie; a name never makes a reference on its own. A table's last word that versions it
   (``PAYEE_V1``) is no part of its name here, and a column named exactly as the parent's key ``<thing>id``
   (``CATEGID`` beside ``CATEGORY_V1.CATEGID``: :func:`key_named_for`) names the parent as its entity does
   (since 2026-12-05). References found so run in no circle (:func:`.reference_circles.without_circles`): two
   key columns holding each other's values (WriteFreely's ``collections.alias`` and ``users.username``) are a
   one-to-one pairing, whose parent a declared reference, the names, the firmer key or a superset of
   values tells; where nothing does, neither refers (since 2026-12-06; before, each was the other's parent).
   A column of TEXT digits (read as integers) whose values are a text key's is that key's text: it is loaded
   as text before this search (:mod:`.digit_references`, since 2026-12-07).
3. **Integers must beat chance.** Text keys (guids, codes, names) and keys of bytes (UUIDs, hashes) are drawn
   from a space so large that values shared by two columns are a link, but one value is one coincidence (a
   default name, a version, a code): a text or bytes column holding a single key is a reference only where its
   name names the parent (its table or entity, an abbreviation of it, a person's role over people, the key's
   own name unless it says a name, the export's declared references of that name; never a name ending in a
   code word: ``client_version`` beside ``alembic_version``), or where that value is a generated identifier
   (a GUID, a hash: :func:`.key_chance.drawn_identifier`), since 2026-12-06 (ZenML's projects, all named
   ``default`` as its one stack is, referred to it). Integer keys are mostly 1..N, so any
   column of small numbers (a 0/1/2 flag, a type code, a denominator of 100, a year) is made of "key values"
   of some table: inclusion alone is no evidence (GnuCash's ``tax_included`` in ``slots.id``, GeoPackage's
   ``z``/``m`` flags in ``srs_id``, EPSG's ``sort_order`` in its version history). An integer column is a
   reference only when the keys it holds show one, measured exactly by the same query:

   - at least :data:`.reference_rows.MIN_DISTINCT` distinct values, and not the pair 0, 1: a constant or a
   flag fits
     any key holding it and says nothing; nor, unless the name names the parent, two values that are the
     parent's two lowest keys one after the other (1 and 2 beside a table of two or three rows: a
     two-valued code, Android's call ``presentation`` beside two voicemail sources;
     :func:`.key_chance.pair_of_first_keys`, since 2026-12-07);
   - the highest key it holds ranks in the upper half of the parent's keys (by rank, not by value: an
     outlying key such as EPSG's 69,036,405 does not stretch the range). A reference's values are a
     sample of the keys, k of them all in the lower half with chance 2^-k; codes sit at the bottom. A
     parent the values do not reach so is ruled out before the tie-break; the others all compete,
     convincing or not (three small numbers fitting an 8-row and a 5-row table alike stay a tie).
     Keys whose lowest is above their number (epoch milliseconds, codes from 1024:
     :func:`.key_chance.keys_above_their_count`) hold no code counting from 0 or 1, and need not be reached
     so: the chance measure below tells a sample of their oldest (an Anki collection's reviews of the
     cards studied so far) from chance (since 2026-12-05; before, no reference);
   - and either the k keys it holds are at least half of the parent's keys (a lookup table in use:
     tickets of 4 priorities; but not every key from the lowest up, consecutive, stopping
     :data:`.key_chance.COUNTER_SHORT_BY` keys or more short of the last: any counter from 1 fits those, a
     ticket's priorities 0..99 a links table keyed 1..132, since 2026-12-04), or, fewer,
     they are no run (they fill less than half of the integers from the lowest to the highest: a
     sample of under half the keys leaves gaps; years, counters and codes run on) and unlikely keys
     by chance: were k integers as likely any from 0 (or the lowest, if negative) to the highest, the
     chance that all are keys, (keys in that span / span)^k, is at
     most :data:`.reference_rows.MAX_CHANCE`: a reference predicts the inclusion, chance does 5 times less
     well (a Bayes factor of 5). Keys 1..N fill their span: small numbers within them never count this way,
     only through use of half the keys;
   - and its values are no window of consecutive numbers starting above the parent's lowest key and
     running on past its highest (ISO weeks 9..22 beside keys 1..21: 13 of 14 are keys, over half of
     them used, but numbers above the highest key are no rows yet; :func:`.key_chance.runs_past_keys`).
     Until 2026-12-04 such a counter was a reference, its numbers past the keys counted as orphans.

   Both counter rules read numbers alone, and yield to a name: a column whose name names the parent
   (``ticket_id`` → ``tickets``: :func:`.reference_names.names_parent`) using half its keys is a reference
   even as a run (a one-row-per-ticket table covering tickets 1..200 of 300; merged tickets 5..330, the last
   30 purged: orphans).

   A column whose name is the parent's entity (its last word, less ``id``, the table's singular:
   ``book`` → ``books``; :func:`.reference_names.same_entity`) whose values reach the upper half of the keys
   is a reference however few of them it uses: calibre rates 149 of 300 books in ``books_ratings_link``,
   spread over all of them, and keys 1..N fill their span, so no chance measure could tell (since
   2026-12-05; before, no reference). ``slot_type`` merely contains ``slots``: a type, not this.

   In an export that declares foreign keys (in any table: an ORM's database; a clause naming a table
   the export lacks counts, since 2026-12-05: :func:`dangling_declarations`), a column whose values
   are the first keys of the parent, every one from the lowest up, consecutive
   (:func:`.key_chance.first_keys`), is no reference unless its name names the parent: an enum or a counter
   numbered from 1 holds those, and the schema declares its relations (Mailman's ``bounceevent.context`` 1/2
   beside two domains, since 2026-12-05). A sample with gaps still is one. So is a run of consecutive keys
   from anywhere in them (:func:`.key_chance.consecutive_keys`): an Objection.js app's ``persons.age`` 20..79
   beside the persons' keys 1..120, half of them in their upper half, referred to ``persons.id`` until
   2026-12-05. So are values within the parent's first :data:`.key_chance.ENUM_SPAN` keys, which are every
   integer up to the highest found, gaps and all (:func:`.key_chance.codes_among_first_keys`), unless the
   name relates the column to that table (names it, abbreviates it, ends its compound name: Pi-hole's
   ``additional_info`` and ``addinfo_by_id``; a person's role over people): an enum's codes (Lychee's
   settings' ``confidentiality`` 0, 2, 3 beside users 0..3) referred to that table until 2026-12-07.

   A column referring to its own table's integer key as a tree or a chain does (a season's show, an
   episode's season, a reply's comment, a revision's predecessor) is told by the rows' order, which
   codes do not keep (:func:`.trees.older_rows`, since 2026-12-06): parents are made before their children,
   so every row holding a key of the table names an older row, none its own. Were the values dealt
   to those rows at random, the row keyed ``k`` would hold one below ``k`` with probability ``F(k)``,
   the share of the values below ``k``; that all do has chance ``prod F(k)``, at most
   :data:`.reference_rows.MAX_CHANCE` (rows keyed above every value count 1: the evidence is in the first rows
   holding one, where a status 3 in row 1 points at a newer row and a level 1 in row 1 at its own).
   With at least :data:`.reference_rows.MIN_DISTINCT` keys among its values, such a column need not reach the
   upper half of the keys (a library's shows, made before their seasons and episodes, are ids 9 to 11 of
   23: until 2026-12-06 no reference), the counter and first-keys rules do not apply, and a name
   ending in a version word no longer turns it away (a version of its own row names no older row;
   kine's ``prev_revision`` does); the other names still do. It is preferred to other tables whose
   keys hold its values unless the name names one of them (:func:`.reference_names.choose`): a tree's parent
   is its own kind. Not where each of its values is held by one row only (:func:`.trees.paired_once`, since
   2026-12-07): the rows of a table written alongside are numbered below its own as parents are (iOS
   Calendar's organizer among the participants made with the event), and it then competes by shares.
   Pruning measures it against its own keys however low its values, where it has a root
   (a NULL, or 0 or below: :func:`.parent_keys._may_root_a_tree`). Its roots' 0 (or negatives), no key of
   the table, are left out of the share where the rows set them apart from a code's lowest value
   (:func:`.trees.roots_apart`, since 2026-12-06): its other values fill under half of the keys up to
   the highest (kine's ``create_revision``, each update's create row, 0 in every create row: keys 7,
   16..19 and 28), or every row holding 0 is older than every row naming a row (the roots made first: a
   CherryTree document's ``children.father_id``, 0 at its 3 top nodes). A code counting from 0 dealt over
   the rows in turn (ratings 0..5: row 2 holds 1, row 3 holds 2...) names older rows too, but its values
   above 0 are the first keys one after another and its 0 comes back after them: none. Where each row of
   the table is one entity of another (its key is one column referring there without orphans: CherryTree's
   ``children`` keyed by ``node_id`` → ``node``), the tree is of those entities and refers to that table
   (:func:`.trees.entity_of_rows`, since 2026-12-06).

   A tree kept beside its entity's table (:func:`.reference_circles.tree_beside`, since 2026-12-06): CMSs keep
   a tree's parent in a table whose row names the entity (Drupal's ``taxonomy_term__parent``: ``entity_id`` a
   term, ``parent_target_id`` its parent term; WordPress's ``wp_term_taxonomy``: ``term_id`` and
   ``parent``), 0 for a root. A column whose name says parent (:func:`names_own_parent`, an entity
   reference field's ``parent_target_id`` too) in a table another integer column of which names the
   row (a column of its key, or one value a row: :func:`.reference_circles.names_the_row`) and refers to a
   table T (declared, or found by these rules) refers to T where, the root's values (0, negatives) left out of
   the share as for a name naming the parent, 90 % of its values are T's keys, at least
   :data:`.reference_rows.MIN_DISTINCT` of them, no row names its own entity, and chance is beaten: each row
   holding a value names an older entity (:func:`.trees.older_rows`, the entity in place of the row's key), or
   the values use half of T's keys, or they could be keys by chance at most :data:`.reference_rows.MAX_CHANCE`
   (rule 3, without its upper half: parents are few and low). T is chosen before any other table whose keys
   hold the values (users keyed from 0, whose anonymous 0 a root's 0 is; the table's own key): the
   name says parent, the row's entity is T's. Its 0 is counted as "no reference, no parent" (the
   roots), not orphans. Pruning measures such a column against every table's keys however low its
   values, where it has a root. The column naming the row's entity is itself found by the rules
   above; where its values fit several tables alike, the one its table is named as a part of breaks
   the tie (:func:`.reference_names.owning_tables`: ``taxonomy_term__parent`` of ``taxonomy_term_data``). What
   this loses: a tree beside an entity whose column is not found (several tables alike, none named), one
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
(:data:`.inclusion.NO_REFERENCES`; ``ColumnProfile.no_reference_count``), not as an orphan: it costs nothing
and the cell is loaded as it is. So is any other negative integer beside keys that are numbers, all above 0: a
code an application keeps for a row it has none of (a music player's ``album_artists.artist_id = -10``,
Lollypop's ``Type.COMPILATIONS``, the "Various Artists" of a compilation; since 2026-12-06: before, among
its 16 artists the ``-10`` was a 17th value and no reference was found). Where the parent has keys at or
below 0, such a value without a parent is an orphan like any other. ``''`` is already NULL (blank, its own
rule), and any positive number is a legal key. Where the column's name names the parent, they are left out
of the inclusion share (:func:`.inclusion._share_of_references`; since 2026-12-05, for ``-1`` too); elsewhere
they count among the values. So does the nil UUID (:data:`.reference_rows.NIL_UUIDS`, .NET's ``Guid.Empty``)
beside the keys of a text parent that does not hold it: no UUID generator draws it (Jellyfin's activity log
names it as the user of an event no user caused; since 2026-12-05), and, no enum counting from it, it is left
out of the share whatever the column's name (FileFlows' ``LibraryFile.FlowUid`` beside ``DbObject.Uid``; since
2026-12-06). A null token cleaning reads as NULL (``'null'``, rule ``null_like``) names no row, as a blank
names none: in a reference found in the data it is neither an orphan nor one of the values (Heimdall's
``appid`` of ``'null'`` beside its app ids; since 2026-12-06).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from columnar_etl.models import ColumnProfile, TableProfile
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.digit_references import digits_as_text_keys
from columnar_etl.profiling.inclusion import (
    INTEGER_KINDS,
    WHOLE_NUMBERS,
    Inclusion,
    Pair,
    as_written_kind,
    measure,
    record_inclusion,
    roots_aside,
    storage_classes,
)
from columnar_etl.profiling.key_chance import keys_above_their_count, reaches, whole_numbers
from columnar_etl.profiling.merged_keys import (
    keep_as_written,
)
from columnar_etl.profiling.parent_keys import (
    candidates,
    fits_keys,
    names_table,
    primary_key_columns,
    unique_index_covers,
)
from columnar_etl.profiling.reference_circles import (
    names_the_row,
    tree_beside,
    turned_away,
    without_circles,
    without_false_declarations,
)
from columnar_etl.profiling.reference_names import (
    choose,
    declared_by_name,
    named_more_elsewhere,
    owning_tables,
    people_linked_to_other_rows,
    person_among_people,
)
from columnar_etl.profiling.reference_rows import MIN_INCLUSION, KeptValues, Reference
from columnar_etl.profiling.trees import (
    entity_of_rows,
    key_range,
    of_several_tables,
    older_rows,
    paired_once,
    roots_apart,
    wide_rows,
)
from columnar_etl.profiling.written_references import (
    mark_declared,
    one_type_per_declared_reference,
    record_declared,
    references_joined_by_number,
    say_joined_by_number,
)
from columnar_etl.source.cells import sqlite_affinity
from columnar_etl.source.export import Source
from columnar_etl.source.naming import (
    column_tag,
    key_named_for,
    linked_tables,
    names_entity,
    names_own_parent,
)
from columnar_etl.source.sqlite_file import connect_read_only, declared_columns
from columnar_etl.source.sqlite_names import matching_name, sqlite_key


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
            # to reference two tables, on a tie: see record_declared) is the first.
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
                keys = _named(con, table, targets) if targets else primary_key_columns(con, table)
                covered = keys is not None and unique_index_covers(con, table, keys)
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
    :func:`~columnar_etl.source.sqlite_file.declared_columns`, when already read."""
    if info is None:
        info = declared_columns(con, table)
    spelled = {sqlite_key(str(row[1])): str(row[1]) for row in info}
    # Not "" for a missing one: SQLite allows a column named "" (read under another name).
    found = [spelled.get(sqlite_key(str(name))) for name in names]
    named = tuple(name for name in found if name is not None)
    return named if named and len(named) == len(found) else None


def _pair_kind(child: ColumnProfile, key: ColumnProfile) -> str:
    """How a child column's values are compared with ``key``'s: by the child's type (as written where the
    key is loaded so: :func:`as_written_kind`), a double column of whole numbers with an integer key as
    numbers (:data:`.inclusion.WHOLE_NUMBERS`, :func:`.key_chance.whole_numbers`)."""
    if child.inferred_type == "double" and key.inferred_type == "integer" and whole_numbers(child):
        return WHOLE_NUMBERS
    return as_written_kind(child.inferred_type, key)


def find_references(
    src: Source,
    tables: Mapping[str, TableProfile],
    declared: list[Reference] | None = None,
    kept: Mapping[str, KeptValues] | None = None,
    *,
    declares: bool | None = None,
    by_rowid: Sequence[Reference] = (),
    null_tokens: Sequence[str] = (),
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
    by them (its other columns are searched as before). ``null_tokens``: the settings' null tokens; a
    child's cell cleaning reads as NULL by them names no row in the target and is no value of a
    reference found in the data (no orphan: Heimdall's ``appid`` of ``'null'`` for a link of no app was
    charged as an orphan beside its ``null_like`` issue until 2026-12-06), where neither end is loaded
    as written.
    """
    if declares is None:
        declares = bool(declared)
    found: list[Reference] = []
    if declared:
        declared = without_false_declarations(src, tables, declared)
    declared = [*(declared or []), *by_rowid]
    if declared:
        by_number = references_joined_by_number(src, tables, declared)
        one_type_per_declared_reference(tables, declared, by_number)
        mark_declared(tables, declared)
        references_as_written(tables)
        record_declared(src, tables, declared, kept)
        say_joined_by_number(tables, by_number)
        found = list(declared)
    if any(table.sampled_rows is not None for table in tables.values()):
        return found
    # A table whose schema declares foreign keys declared its references: its other columns are
    # searched only for a parent their name names as its entity (an enum of 1s and 2s fits a small
    # table's keys; an ORM may leave one relation to the code: Open WebUI's ``chat_message.user_id``
    # beside its declared ``chat_id``), or a table of people a column naming a person's role
    # (``created_by``: GORM declares a token's owner ``user_id``, not its maker; since 2026-12-06), or
    # its own table a column whose name says a tree's parent: a foreign key admits no root's 0, so an
    # ORM declaring the others leaves that one to the code (Room's Orgzly ``notes.parent_id``; since
    # 2026-12-07).
    declaring = {reference.child for reference in found if not reference.by_rowid}
    carried = {(reference.parent, reference.parent_columns[0]) for reference in by_rowid}
    declared_columns = {(reference.child, column) for reference in found for column in reference.columns}
    # Digits naming a text key (a stop id 1001 beside stations' S1) are its text: loaded as text first,
    # then searched as any text column (since 2026-12-07).
    digits_as_text_keys(src, tables, kept, skipped=frozenset(declaring))
    # The parents a table's declared references name: a tree's parent beside its entity's declared one
    # (tree_beside) is measured against that entity's table, in a declaring table too.
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
            _pair_kind(tables[child][column], tables[parent][key]),
        )
        for (child, column), parents in candidates(tables).items()
        if (child, column) not in declared_columns
        for parent, key in parents
        # A rowid carried for the columns naming its table is a parent only to such columns: small
        # numbers within its 1..N (a position, a rank) say nothing of it.
        if (parent, key) not in carried or names_entity(column, parent)
        # People a link table links to another table's rows (a user's dashboards) are no rows of it.
        if not people_linked_to_other_rows(tables[child], column, parent, tables)
        if child not in declaring
        or names_entity(column, parent)
        or names_table(column, parent)
        or key_named_for(column, key)
        or person_among_people(column, parent)
        or (names_own_parent(column) and (parent == child or (child, parent, key) in declared_parents))
    ]
    # A column beside its own table's key that may be a tree's only (its values below the upper half of
    # the keys: _fits_own_key) is measured only where the rows' order shows one (older_rows), asked first:
    # the measure reads every row, and a million-row table's counts 0..9999 beside its keys 1..1M cost
    # 0.8 s of the profile for a pair the rank rule then turned away (since 2026-12-06).
    ordered: dict[Pair, bool] = {
        (child, column, parent, key, kind): older_rows(
            src,
            child,
            column,
            key,
            read_once=wide_rows(tables[child]),
            keys=key_range(tables[child][key], tables[child]),
        )
        for child, column, parent, key, kind in pairs
        if kind in INTEGER_KINDS
        and parent == child
        and not fits_keys(tables[child][column], tables[parent][key])
    }
    pairs = [pair for pair in pairs if ordered.get(pair, True)]
    # As the profile reads the cells, and so the target holds them (no SQLite check to agree with): a
    # BLOB numeral (rule blob_numeral) is the number it spells.
    cleared = {
        index: tokens
        for index, (child, column, parent, key, _) in enumerate(pairs)
        if tables[child][column].null_like_count
        and tables[child][column].as_written is None
        and tables[parent][key].as_written is None
        and (tokens := tables[child][column].read_as_null(null_tokens))
    }
    measured = measure(src, pairs, kept, storage_classes(tables), cleared=cleared)
    named_so = declared_by_name(found)
    fits: dict[tuple[str, str], list[Inclusion]] = {}
    chosen_fits: dict[tuple[str, str], Inclusion] = {}
    # Columns referring to their own table's key as a tree does, each row to an older one (older_rows).
    trees: dict[tuple[str, str], Inclusion] = {}
    # Such columns whose 0 (or -1) the rows show a tree's roots (roots_apart), left out of their share.
    rooted: set[tuple[str, str]] = set()
    # Each column's fits to other tables' keys, those its values do not reach too: a tree's parents
    # beside its entity's table are low among its keys (tree_beside).
    every_fit: dict[tuple[str, str], list[Inclusion]] = {}
    for index, (child, column, parent, key, kind) in enumerate(pairs):
        fit = measured.get(index)
        far = keys_above_their_count(tables[parent][key])
        if fit is None:
            continue
        pair = (child, column, parent, key, kind)
        own = kind in INTEGER_KINDS and parent == child
        if own and fit.share < MIN_INCLUSION and fit.no_reference_values:
            # A tree's roots may hold 0 (or -1) for no parent, no key of the table: where its other values
            # name older rows (older_rows) and the rows holding 0 stand apart from them (roots_apart), the
            # share is of those others (CherryTree's children.father_id, kine's create_revision: until
            # 2026-12-06 its 0 was one value among its 8 and 7, and no reference was found).
            if pair not in ordered:
                ordered[pair] = older_rows(src, child, column, key, read_once=wide_rows(tables[child]))
            if ordered[pair] and roots_apart(src, child, column, key):
                fit = roots_aside(fit)
                rooted.add((child, column))
        if fit.share < MIN_INCLUSION:
            continue
        if kind in INTEGER_KINDS and not own:
            every_fit.setdefault((child, column), []).append(fit)
        if own and (
            ordered[pair]
            if pair in ordered
            else older_rows(src, child, column, key, read_once=wide_rows(tables[child]))
        ):
            trees[(child, column)] = fit
        elif kind in INTEGER_KINDS and not reaches(fit, far=far):
            continue
        fits.setdefault((child, column), []).append(fit)
    # A tree's parent beside its entity (tree_beside) is decided after the table's other columns, whose
    # references say which table the rows' entity is of.
    tree_named = [node for node in every_fit if names_own_parent(node[1]) and node not in fits]
    deciding = sorted([*fits, *tree_named], key=lambda node: names_own_parent(node[1]))
    for child, column in deciding:
        fitting = fits.get((child, column), [])
        profile = tables[child][column]
        beside = (
            tree_beside(src, tables, child, column, every_fit[(child, column)], found, chosen_fits)
            if names_own_parent(column) and (child, column) in every_fit
            else None
        )
        if beside is not None:
            fit, entity = beside
            if (why := turned_away(src, tables, child, column, fit, declares, tree=True)) is not None:
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
        if tree is not None and len(fitting) > 1 and paired_once(profile):
            # Each value in one row only: the rows' order (older_rows) tells a tree from codes, not
            # from a pairing with the rows of another table filled alongside, numbered below its
            # own (an event's organizer among the participants made with it): no tree to prefer.
            tree = None
        # The table a table is named as a part of breaks a tie for the column naming its row's entity
        # (in its key, or one value a row) alone: another column of a part names what it likes.
        owners = owning_tables(child, set(tables)) if names_the_row(tables[child], column) else frozenset()
        chosen = choose(column, fitting, linked_tables(child, set(tables)), declared_keys, bare, tree, owners)
        if chosen is None:
            what = ", ".join(f"{fit.parent}.{fit.key}" for fit in fitting)
            profile.notes.append(f"values fit the keys of {what} alike: no reference chosen")
            continue
        unreached = [fit for fit in every_fit.get((child, column), []) if fit not in fitting]
        if (named_there := named_more_elsewhere(column, chosen, unreached)) is not None:
            there = f"{named_there.parent}.{named_there.key}"
            profile.notes.append(
                f"values are keys of {chosen.parent}.{chosen.key} and of {there}, which its name names "
                "more of but whose upper half they do not reach: no reference chosen"
            )
            continue
        said = (chosen.parent, chosen.key) in declared_keys
        grown = chosen is tree
        if (
            why := turned_away(src, tables, child, column, chosen, declares, said=said, tree=grown)
        ) is not None:
            profile.notes.append(why)
            continue
        chosen_fits[(child, column)] = chosen
    several = of_several_tables(src, tables, chosen_fits, kept)
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
    settled = without_circles(tables, found, single)
    for (child, column), chosen in settled.items():
        profile = tables[child][column]
        grown = chosen is trees.get((child, column))
        rows_fit = chosen
        # A tree of rows each of which is one entity of another table is a tree of those entities.
        of_entity = entity_of_rows(tables, child, settled, found) if grown and not chosen.orphans else None
        if of_entity is not None:
            chosen = replace(chosen, parent=of_entity[1], key=of_entity[2])
        root = names_own_parent(column) or (grown and (child, column) in rooted)
        record_inclusion(profile, chosen, declared=False, root=root)
        if grown:
            profile.notes.append(
                f"each row holding a key of {rows_fit.parent}.{rows_fit.key} names an older row, none its "
                "own: a tree or a chain of its own rows (parents made first), beyond chance however low "
                "among the keys"
            )
        if of_entity is not None:
            profile.notes.append(
                f"each row of {child} is one of {of_entity[1]} ({child}.{of_entity[0]}, its key, refers to "
                f"{of_entity[1]}.{of_entity[2]} without orphans): a tree of those, so it refers to "
                f"{of_entity[1]}.{of_entity[2]}"
            )
        found.append(Reference(child, (column,), chosen.parent, (chosen.key,), declared=False))
    references_as_written(tables)
    return found


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
