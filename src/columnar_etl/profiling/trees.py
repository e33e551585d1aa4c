"""A column referring to its own table's key: parents older than their rows, read once when wide."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from columnar_etl.models import ColumnProfile, TableProfile
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.data_keys import stored_classes
from columnar_etl.profiling.inclusion import Inclusion, Pair, as_written_kind, measure, storage_classes
from columnar_etl.profiling.parent_keys import DRAWN_TYPES, keys_referable
from columnar_etl.profiling.reference_rows import MAX_CHANCE, MIN_DISTINCT, KeptValues, Reference
from columnar_etl.source.cells import HELPER_PREFIX, ColumnRead
from columnar_etl.source.export import Source

#: Rows of the table :func:`older_rows` reads first where the table's keys are the integers of one
#: range: one of them naming a row no older than its own answers it without the whole table.
FIRST_ROWS = 8_192


def older_rows(
    src: Source,
    table: str,
    column: str,
    key: str,
    *,
    read_once: bool = False,
    keys: tuple[int, int] | None = None,
) -> bool:
    """Does ``column`` refer to its own table's integer ``key`` as a tree or a chain does, each row to an
    older one (a season to its show, an episode to its season, a reply to the comment it answers, a
    revision to the one it replaced)? Parents are made before their children and keys grow with time,
    so in the rows whose value is a key of the table (``held``): none names its own row (a self-loop,
    no tree), every one names a row of a lower key, and the values are at least
    :data:`.reference_rows.MIN_DISTINCT` keys. The oldest row can name no older one: it is a root (NULL, 0 or
    below; the pruning asked for such a row, :func:`.parent_keys._may_root_a_tree`).

    Chance: a code, a level or a count is no pointer at rows, and nothing ties its value to the row's
    key. Were the ``held`` values dealt to those rows at random (the same values, the rows keeping their
    keys), the row keyed ``k`` would hold a value below ``k`` with probability ``F(k)``, the share of
    the values below ``k``, and all would with probability ``prod F(k)`` over the rows. That is at most
    :data:`.reference_rows.MAX_CHANCE` for a reference (a Bayes factor of 5, rule 3's): a tree predicts the
    order always. Rows keyed above every value add nothing (``F = 1``): the evidence is in the first rows
    holding a value, where a code's (a status 3 in the row keyed 1 or 2) would point at a newer row or
    its own. A tree's parents sit low among the keys (a library's three shows before their seasons and
    episodes: rule 3's "upper half" turns them away), and where this holds they need not reach it.

    The first keys one after another, each held by one row (1..10 in every third row), are what a
    counter numbering some of the rows holds (a tree's parents are shared, a chain's keys have gaps):
    no tree, as the data cannot tell them apart.

    Two queries over the table's two columns, the second (the chance, one sort of the values) only
    where the first (self-loops, newer rows named) leaves it possible; only for an integer column that
    fits its own key (:func:`.parent_keys._fits_own_key`), 90 % of its values keys (the measure). Each query
    reads the export's table several times; ``read_once`` (a table of wide rows, :func:`wide_rows`) reads the
    two columns from it once into a table of the cursor's own instead: on the wide bench export's
    36-column tickets the check took 0.54-0.78 s, 0.29-0.39 s so, on a busy machine. On a table of
    narrow rows the reads cost less than keeping them (a million rows: +0.08 s), so it is not done.

    ``keys``: the table's keys are every integer from the first to the second, each once
    (:func:`key_range`), so a value is a key when it lies between them. The first :data:`FIRST_ROWS`
    rows read are asked first: one naming a row no older than its own is a newer row named, the first
    query's no, told without reading the table's other rows (a million rows' counts 0..9999 beside
    keys 1..1M took 0.15-0.3 s a column before; since 2026-12-07)."""
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
        if keys is not None:
            first = (
                f"SELECT 1 FROM (SELECT v, k FROM ({pairs}) LIMIT {FIRST_ROWS}) "
                f"WHERE v >= k AND v BETWEEN {int(keys[0])} AND {int(keys[1])} LIMIT 1"
            )
            if cursor.execute(first).fetchone() is not None:
                return False
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


def paired_once(column: ColumnProfile) -> bool:
    """Is each of ``column``'s values held by one row only (every non-NULL cell distinct)? Its rows
    naming older rows of their own table (:func:`older_rows`) then show no tree over another table whose
    keys fit as well: the rows of a table filled alongside this one are numbered below its own as
    parents are (an event's organizer among the participants made with it, each once), while a
    tree's parents are shared by their children. Read from the profile's counts."""
    return column.distinct_count >= 2 and column.distinct_count == column.row_count - column.null_count


def key_range(key: ColumnProfile, table: TableProfile) -> tuple[int, int] | None:
    """The lowest and highest of ``table``'s integer ``key`` where its values are every integer between
    them, each an INTEGER cell and none NULL (a rowid from 1 with no row deleted): a value is then one
    of its keys when it lies between the two (:func:`older_rows`). None where the profile does not show
    so (a sampled table, gaps, another storage class)."""
    low, high = key.min, key.max
    if table.sampled_rows is not None or key.inferred_type != "integer" or key.null_count:
        return None
    if (
        not isinstance(low, int)
        or not isinstance(high, int)
        or isinstance(low, bool)
        or isinstance(high, bool)
    ):
        return None
    if stored_classes(key) != ["integer"]:
        return None
    return (low, high) if key.distinct_count == high - low + 1 else None


def roots_apart(src: Source, table: str, column: str, key: str) -> bool:
    """Do the rows of ``table`` holding 0 (or a negative number: no key of the table, all above 0) in
    ``column`` stand apart from its values naming rows, as a tree's roots do, and not as the lowest
    value of a code or a counter counting from 0? Asked where the other values name older rows as a
    tree's do (:func:`older_rows`), which a code counting from 0 dealt over the rows in turn passes as
    well (row 2 holding 1, row 3 holding 2...: a music library's ratings 0..5, a DNS log's DNSSEC
    states 0..5, a flashcard's repetitions 0..3). A 0 is no key at all, so it stands for no parent
    (a root) where one of two holds:

    - the values naming rows fill under half of the table's keys up to the highest of them: they are
      no run from the lowest key, which the 0 would continue downwards (0..5), but the keys of some
      rows (kine's ``create_revision``: each update names the row that created its key, 0 in every
      create row; its 6 creates updated later are keys 7, 16..19 and 28 of 28);
    - or every row holding 0 is older than every row naming a row: the roots were made first, before
      any row below them (a CherryTree document's three top nodes 1..3, 0 in ``children.father_id``,
      each node after them under an older one), where a code comes back to 0 after its other values.

    What the data cannot tell stays no reference: a run of the first keys from the lowest (1..7) under
    roots that come back after the first rows naming them. What this takes for a tree: a counter from 0
    numbering rows in groups of a few (0, 0, 0, 1, 1, 1, 1, 2...), older rows beyond chance as its
    groups are short. One query over the table's two columns."""
    relation = src.relation_sql(table, reads=[ColumnRead(column), ColumnRead(key)])
    value, own = quote_ident(column), quote_ident(key)
    sql = (
        f"WITH cells AS (SELECT v, k FROM (SELECT try_cast({value} AS BIGINT) AS v, "
        f"try_cast({own} AS BIGINT) AS k FROM {relation}) WHERE k IS NOT NULL), "
        "held AS (SELECT v, k FROM cells WHERE v IN (SELECT k FROM cells)), "
        "roots AS (SELECT k FROM cells WHERE v <= 0 AND v NOT IN (SELECT k FROM cells)) "
        "SELECT (SELECT count(DISTINCT v) FROM held), "
        "(SELECT count(*) FROM cells WHERE k <= (SELECT max(v) FROM held)), "
        "(SELECT max(k) FROM roots), (SELECT min(k) FROM held)"
    )
    cursor = src.connection.cursor()
    try:
        parents, keys, last_root, first_child = cursor.execute(sql).fetchone() or (0, 0, None, None)
    finally:
        cursor.close()
    if not parents or last_root is None:
        return False
    return 2 * int(parents) < int(keys) or int(last_root) < int(first_child)


def entity_of_rows(
    tables: Mapping[str, TableProfile],
    table: str,
    inferred: Mapping[tuple[str, str], Inclusion],
    found: Sequence[Reference],
) -> tuple[str, str, str] | None:
    """The entity each row of ``table`` is one of, where its key is one column that refers to another
    table's key without orphans (``inferred`` in the data, or ``found``: declared): (that column, the
    table, its key); None otherwise. A table so keyed holds one row per entity beside the entity's
    own table (a CherryTree document's ``children``, keyed by ``node_id`` → ``node``: each node's place
    in the tree), so a tree of its rows (:func:`older_rows`) is a tree of those entities, and its
    values, keys of the table, are keys of the entity's table too: its parent is an entity, as a tree
    kept beside its entity's table refers to that table (:func:`.reference_circles.tree_beside`)."""
    if len(tables[table].key) != 1:
        return None
    (own,) = tables[table].key
    fit = inferred.get((table, own))
    if fit is not None:
        return (own, fit.parent, fit.key) if fit.parent != table and not fit.orphans else None
    for reference in found:
        if (
            reference.child == table
            and reference.columns == (own,)
            and reference.parent != table
            and tables[table][own].issue("orphan_reference") is None
        ):
            return own, reference.parent, reference.parent_columns[0]
    return None


#: Bytes a table's row holds on average (``ColumnProfile.bytes``, every column) above which
#: :func:`older_rows` reads its two columns once rather than the table again per use.
WIDE_ROW_BYTES = 256


def wide_rows(table: TableProfile) -> bool:
    """Whether ``table``'s rows average more than :data:`WIDE_ROW_BYTES` (long text, many columns)."""
    rows = table.sampled_rows or table.row_count
    return rows > 0 and sum(column.bytes for column in table) > WIDE_ROW_BYTES * rows


def of_several_tables(
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
    parents = keys_referable(tables)
    pairs: list[Pair] = []
    asked: dict[tuple[str, str], int] = {}
    for (child, column), fit in chosen.items():
        profile = tables[child][column]
        if not fit.orphans or profile.inferred_type not in DRAWN_TYPES:
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
