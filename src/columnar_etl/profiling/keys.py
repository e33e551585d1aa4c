"""Each table's key — from the schema first, then from the data — and its duplicate rows.

The key, in order of preference:

1. the declared PRIMARY KEY (``PRAGMA table_xinfo``: its ``pk`` positions; an ``INTEGER PRIMARY KEY``
   is SQLite's rowid alias, unique and non-null by construction) — ``declared_primary_key``;
2. a declared UNIQUE constraint or unique index (``PRAGMA index_list`` / ``index_info``; not partial,
   no expression; a generated column's too), fewest columns first, then leftmost — ``declared_unique``;
3. a column unique and non-null in the data, whatever its name: every row present, no blank, null
   token, padding or unparseable value, as many distinct values as rows; integer columns first, then
   text, leftmost first — ``data_unique`` (from the profile's exact counts; nothing is rescanned).

A declared key is what the schema says, not a promise: SQLite lets a non-rowid PRIMARY KEY hold NULLs
(and an old or damaged file, duplicates). So, unless SQLite enforces the key (rowid alias, WITHOUT
ROWID, NOT NULL columns) or the profile proved it, one aggregate per table (DuckDB, over the same relation the
profiler reads) counts what would clash: exact duplicate rows (every column equal), rows sharing a key
with a *different* row, and rows with a NULL key — see :func:`duplicate_sql`. Only the rows that can
be either are read whole: those whose value in one column (:func:`narrowing_column`) repeats, found
from the profile's counts of its values (else by a scan of that column alone), and those with a NULL key.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import duckdb

from columnar_etl.models import ColumnProfile, DuplicatePolicy, Issue, KeyFound, TableProfile
from columnar_etl.pg.float8 import float8_out
from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.profiling.affinity import READ_AS_TIME, declared_family
from columnar_etl.profiling.merged_numbers import drop_number_notes
from columnar_etl.profiling.value_text import minus_read_sql, trimmed_sql
from columnar_etl.rules import (
    BOOLEAN_FALSE_DIGIT,
    BOOLEAN_FALSE_WORDS,
    BOOLEAN_TRUE_DIGIT,
    BOOLEAN_TRUE_WORDS,
    DECIMAL_COMMA,
    THOUSANDS_SEPARATOR,
)
from columnar_etl.source.catalogue import (
    DOCUMENT_ID,
    ROWID_KEY,
    connect_read_only,
    declared_columns,
    declared_nullable,
    takes_document_id,
    virtual_tables,
)
from columnar_etl.source.cells import (
    HELPER_PREFIX,
    ROW_DIGEST_BYTES,
    ROWID_COLUMN,
    ColumnRead,
    row_digest_sql,
)
from columnar_etl.source.export import Source, query_errors
from columnar_etl.source.naming import (
    IDENTIFIER_WORDS,
    camel_words,
    names_own_identifier,
)

#: Example keys shown per table issue.
EXAMPLES = 5
#: At most this many rowids of rows with copies are handed to the cleaner (``TableProfile.copy_rows``);
#: a table with more has its copies listed by the cleaner's own scan.
COPY_ROWS_LIMIT = 100_000
#: Column types a key found in the data may have, in order of preference (dates, numbers and booleans
#: are never keys; a ``bytea`` column only of BLOB cells; each only of short values, :func:`key_like`).
DATA_KEY_TYPES = ("integer", "text", "bytea")
#: A bytea column is a key found in the data (:func:`data_key`) or a key merged by cleaning
#: (:func:`key_merged_by_cleaning`) only when its values average at most this many bytes
#: (:func:`key_like`): keys and hashes are short; contents (an image, a pickle) distinct on every row
#: are no key to look for.
KEY_LIKE_BYTES = 64
#: ... and a text column only when its values average at most this many bytes (a ``VARCHAR(255)``'s
#: identifiers: URLs, e-mail addresses, paths, slugs), or its name says it is the table's identifier.
TEXT_KEY_BYTES = 255
#: Rows the duplicate count reads by rowid at most (:func:`narrowing_column`); beyond, it reads all.
MAX_LISTED_ROWS = 20_000


@dataclass(frozen=True)
class DeclaredKey:
    """A key the schema declares: its columns in key order, and which declaration it is."""

    columns: tuple[str, ...]
    found: KeyFound
    #: An ``INTEGER PRIMARY KEY`` of a rowid table: SQLite itself keeps it unique and non-null.
    rowid_alias: bool = False
    #: SQLite keeps this key unique and non-null (rowid alias, WITHOUT ROWID primary key, or every
    #: column NOT NULL under its unique index): no row can clash, so nothing needs counting.
    enforced: bool = False
    #: The table's other declared keys: the columns of each UNIQUE constraint or unique index (not
    #: partial, no expression) that is not this key. Their values are distinct as the export wrote
    #: them, and a foreign key may name them, as it names this one.
    others: tuple[tuple[str, ...], ...] = ()
    #: The columns of this key its table's statement declares ``NULL`` (``size int8 NULL`` in
    #: ``PRIMARY KEY (hash, media_type, size)``): the application writes NULL there on purpose.
    nullable: tuple[str, ...] = ()


def naming_key(declared: DeclaredKey, table: TableProfile) -> DeclaredKey | None:
    """The declared key that names ``table``'s rows: ``declared``, unless it is a UNIQUE constraint (or
    unique index) a column of which holds NULL in the profile. SQL's UNIQUE, SQLite's and PostgreSQL's
    alike, keeps a row with a NULL in one of its columns apart from every other (``(r1, m1, NULL)`` may
    be written twice): such a constraint names no row by its NULLs, and its NULLs are no clash. The
    table's next declared UNIQUE whose columns hold none then names its rows, the other constraints
    (that one among them) still its ``others``; None when every one holds a NULL (a key found in the
    data, if any, names them). A primary key is the key, NULLs in it SQLite's quirk, counted
    (``null_key``), unless a column of it is NULL in every row (:func:`never_filled`): PostgreSQL's
    ``id SERIAL PRIMARY KEY`` run on SQLite, which never fills it, names no row either; or unless a
    column of it that the schema declares ``NULL`` holds one (:func:`declared_null_held`): SQLite keeps
    such a key as it keeps a UNIQUE constraint, and the application writes its NULLs on purpose."""
    if declared.enforced:
        return declared
    if (
        declared.found == "declared_primary_key"
        and not never_filled(declared, table)
        and not declared_null_held(declared, table)
    ):
        return declared
    every = (declared.columns, *declared.others)
    free = [
        columns
        for columns in every
        if not any(table.columns[name].null_count for name in columns if name in table.columns)
    ]
    if free and free[0] == declared.columns:
        return declared
    if not free:
        return None
    return DeclaredKey(free[0], "declared_unique", others=tuple(c for c in every if c != free[0]))


def never_filled(declared: DeclaredKey, table: TableProfile) -> str | None:
    """The first column of ``declared`` (a key SQLite does not enforce) that is NULL in every row of
    ``table``, which holds some: a primary key that is no rowid alias keeps the NULL of every insert
    that leaves it out (SQLite's documented quirk), and an application that never writes it (Drizzle's
    migration journal, ``id SERIAL PRIMARY KEY``) leaves it so. None when every column holds a value."""
    if declared.enforced:
        return None
    for name in declared.columns:
        column = table.columns.get(name)
        if column is not None and column.row_count and column.null_count == column.row_count:
            return name
    return None


def declared_null_held(declared: DeclaredKey, table: TableProfile) -> str | None:
    """The first column of ``declared`` that its table's statement declares ``NULL`` and that holds
    NULL in ``table`` (a comics server's page hashes, ``PRIMARY KEY (hash, media_type, size)`` with
    ``size int8 NULL``, NULL for a page whose size was never read), else None."""
    for name in declared.nullable:
        column = table.columns.get(name)
        if column is not None and column.null_count:
            return name
    return None


def declared_with_others(declared: DeclaredKey, key: Sequence[str]) -> tuple[str, ...] | None:
    """The first of ``declared``'s column sets (its key, then its ``others``) of which ``key`` is a
    strict part, else None. A webmail's word lists, UNIQUE (user_id, language) with a global list's
    user_id NULL, have their key found in the data: language, unique in a few rows by chance, while
    the schema says a language repeats, once per user."""
    for columns in (declared.columns, *declared.others):
        if set(key) < set(columns):
            return columns
    return None


def declared_keys(
    path: str | Path, tables: list[str], rowid_keyed: AbstractSet[str] = frozenset()
) -> dict[str, DeclaredKey]:
    """The declared key of each of ``tables`` that has one (read from SQLite's catalogue, read-only).
    ``rowid_keyed``: tables read with their rowid as a column (:attr:`SourceTable.rowid_referrers`),
    which is their key."""
    con = connect_read_only(Path(path))
    try:
        found = {}
        virtual = virtual_tables(con)
        for table in tables:
            key = _declared_key(con, table, virtual, table in rowid_keyed)
            if key is not None:
                found[table] = key
        return found
    finally:
        con.close()


def _declared_key(
    con: sqlite3.Connection, table: str, virtual: Mapping[str, tuple[str, str]], rowid_keyed: bool = False
) -> DeclaredKey | None:
    info = declared_columns(con, table)  # with the generated ones, which a UNIQUE may name
    module = virtual.get(table, ("", ""))[0]
    if takes_document_id(module, [str(row[1]) for row in info]):
        # A full-text index's rowid, read as a column of its own: SQLite keeps it unique and non-null.
        return DeclaredKey((DOCUMENT_ID,), "declared_primary_key", rowid_alias=True, enforced=True)
    primary = [row for row in info if row[5]]
    unique: list[tuple[int, int, tuple[str, ...]]] = []
    for _seq, name, is_unique, origin, partial in con.execute(
        f"PRAGMA index_list({quote_ident(table)})"
    ).fetchall():
        if not is_unique or partial or origin == "pk":
            continue
        columns = tuple(row[2] for row in con.execute(f"PRAGMA index_info({quote_ident(name)})"))
        if not columns or any(column is None for column in columns):
            continue  # an index on an expression
        # UNIQUE (b, a, B): SQLite keeps b twice in the index; a key of (b, a) all the same, and
        # PostgreSQL refuses a primary key naming a column twice.
        columns = tuple(dict.fromkeys(columns))
        positions = [next(row[0] for row in info if row[1] == column) for column in columns]
        unique.append((len(columns), min(positions), columns))
    if rowid_keyed:
        # The rowid others refer to, read as a column of its own (a table with no declared primary key).
        return DeclaredKey(
            (ROWID_KEY,),
            "declared_primary_key",
            rowid_alias=True,
            enforced=True,
            others=_other_keys(unique, ()),
        )
    if primary:
        columns = tuple(row[1] for row in sorted(primary, key=lambda row: row[5]))
        rowid = _has_rowid(con, table)
        # A rowid alias has no index of its own: SQLite indexes a primary key that is not one (origin
        # 'pk'), such as ``id INTEGER PRIMARY KEY DESC``, which by a documented quirk is no alias and
        # keeps NULLs (and text) as they are.
        indexed = any(row[3] == "pk" for row in con.execute(f"PRAGMA index_list({quote_ident(table)})"))
        alias = len(primary) == 1 and str(primary[0][2]).upper() == "INTEGER" and rowid and not indexed
        enforced = alias or not rowid or all(row[3] for row in primary)
        others = _other_keys(unique, columns)
        nullable: tuple[str, ...] = ()
        if not enforced:  # an enforced key is the key whatever it holds (naming_key): no NULL to read
            statement = con.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()
            null = declared_nullable(statement[0] if statement else None)
            nullable = tuple(column for column in columns if column.lower() in null)
        return DeclaredKey(columns, "declared_primary_key", alias, enforced, others, nullable)
    if unique:
        columns = min(unique)[2]
        enforced = all(row[3] for row in info if row[1] in columns)
        return DeclaredKey(columns, "declared_unique", enforced=enforced, others=_other_keys(unique, columns))
    return None


def _other_keys(
    unique: list[tuple[int, int, tuple[str, ...]]], key: tuple[str, ...]
) -> tuple[tuple[str, ...], ...]:
    """The column sets of ``unique`` (declared UNIQUE constraints and indexes) other than ``key``'s,
    each once, in their order of preference (fewest columns, then leftmost)."""
    return tuple(dict.fromkeys(columns for _, _, columns in sorted(unique) if set(columns) != set(key)))


def _has_rowid(con: sqlite3.Connection, table: str) -> bool:
    try:
        con.execute(f"SELECT rowid FROM {quote_ident(table)} LIMIT 0")
    except sqlite3.OperationalError:  # WITHOUT ROWID
        return False
    return True


def data_key(table: TableProfile, copies: int = 0, exclude: tuple[str, ...] = ()) -> str | None:
    """A column unique and non-null in the data, or None: the first of :func:`key_candidates` (a
    name saying the table's own identifier, then another's, then any; within each, integer first,
    then text, then short bytes; leftmost).

    ``copies``: exact duplicate rows, which cleaning removes; a column unique among the other rows is
    unique once they are gone (an export with a few repeated rows still has its key)."""
    if table.row_count == 0 or table.sampled_rows is not None:
        return None
    for column in key_candidates(table):
        if column.name in exclude or (exclude and len(stored_classes(column)) > 1):
            continue  # a next choice is taken without a count: of one storage class only
        if column.inferred_type == "bytea" and stored_classes(column) != ["blob"]:
            # BLOB cells alone: the TEXT 'abc' beside the BLOB x'616263', two keys to SQLite, are one
            # in the target.
            continue
        if not key_like(column, table):
            continue
        if unique_and_present(column, table.row_count - copies):
            return str(column.name)
    return None


def key_name_rank(column: str, table: str) -> int:
    """How a column's name ranks it as the key of ``table`` found in the data: 0 when it names the
    table's own identifier (``id``, ``uuid``, ``key``; ``Ticket ID``, ``ticketid`` or ``ticket_uuid``
    in ``tickets``; ``comment_id`` in ``ticket_comments``), 1 when it names another row's
    (``customer_id``, ``userId``), else 2. Keys are not always named so: the rank only orders the
    columns unique in the data (a pandas export's ``tickets`` was keyed on its unique integer
    ``Postcode`` beside its ``Ticket ID`` of text until 2026-12-05)."""
    if names_own_identifier(column, table):
        return 0
    words = camel_words(column)
    return 1 if len(words) > 1 and words[-1] in IDENTIFIER_WORDS else 2


def key_like(column: ColumnProfile, table: TableProfile) -> bool:
    """Could ``column``'s values be keys, by their length? A bytea column's average at most
    :data:`KEY_LIKE_BYTES` (binary uuids, hashes; never contents such as an image or a pickle, whatever
    the name); a text column's at most :data:`TEXT_KEY_BYTES` (ids, codes, URLs, e-mail addresses), or
    its name says it is the table's own identifier (:func:`key_name_rank` 0: a feed's item ``id``);
    an integer's always. Free text distinct on every row by chance is no key: a name/value table's
    notes were its PRIMARY KEY until 2026-12-05, which PostgreSQL refused for a note too long for a
    B-tree."""
    if column.inferred_type == "bytea":
        return column.bytes <= KEY_LIKE_BYTES * table.row_count
    if column.inferred_type != "text" or column.bytes <= TEXT_KEY_BYTES * table.row_count:
        return True
    return key_name_rank(column.name, table.name) == 0


def key_candidates(table: TableProfile) -> list[ColumnProfile]:
    """``table``'s columns of a type a key found in the data may have (:data:`DATA_KEY_TYPES`), in the
    order one is chosen: by :func:`key_name_rank`, then by type, then leftmost."""
    columns = [column for column in table if column.inferred_type in DATA_KEY_TYPES]
    return sorted(
        columns,
        key=lambda column: (
            key_name_rank(column.name, table.name),
            DATA_KEY_TYPES.index(str(column.inferred_type)),
        ),
    )


def unique_and_present(column: ColumnProfile, rows: int) -> bool:
    """Does ``column`` hold a value in each of ``rows`` rows, every one distinct, and nothing cleaning
    could merge or make NULL? What names every row: a key found in the data, or another key a
    reference may name (parent_keys.keys_referable)."""
    # Cleaning trims, nulls blanks and quarantines unparseable values: any of those could make two
    # distinct raw values equal, or a value NULL, in the target. So can typing: the INTEGER 5 and the
    # TEXT '5' are two distinct values to SQLite (and the profile), one in a typed column; a column of
    # several storage classes is therefore counted as the target reads it (find_key).
    blemishes = (
        column.null_count
        + column.empty_string_count
        + column.null_like_count
        + column.whitespace_padded_count
        + column.invalid_count
    )
    return blemishes == 0 and column.distinct_count == rows


def stored_classes(column: ColumnProfile) -> list[str]:
    """The storage classes other than NULL that ``column`` holds (``["integer", "text"]``)."""
    return [kind for kind, count in column.storage_classes.items() if count and kind != "null"]


def narrowing_column(
    table: TableProfile, key: list[str], without: Sequence[str] = ()
) -> ColumnProfile | None:
    """The column whose repeated values narrow the duplicate count to the rows that matter, or None.

    Exact copies share every column's value, and rows sharing a key share each key column's value:
    a row whose value in such a column is unique in the table is neither a copy nor a key clash. The
    column (a key column when there is a key, else any column) is the one with the most distinct
    values, among those SQLite's ``CAST(column AS TEXT)`` renders as DuckDB reads them (INTEGER and
    TEXT cells, valid UTF-8), when its repeated values can hold at most half the rows.
    """
    pool = [table[name] for name in key] if key else list(table)
    eligible = [
        column
        for column in pool
        if set(column.storage_classes) <= {"integer", "text"}
        and not column.issue_count("invalid_encoding")
        and column.name not in without
    ]
    if not eligible:
        return None
    best = max(eligible, key=lambda column: column.distinct_count)
    # n values of which d are distinct: at most 2 (n - d) rows hold a value that repeats.
    surplus = table.row_count - best.null_count - best.distinct_count
    return best if 4 * surplus <= table.row_count else None


def _indexed_without_nulls(declared: DeclaredKey | None, table: TableProfile, column: ColumnProfile) -> bool:
    """The key is ``declared``'s one column, ``column`` (:func:`narrowing_column`'s pick: INTEGER or
    TEXT cells, valid UTF-8), of one storage class and no NULL: SQLite's unique index (every declared
    key that is no rowid alias has one) keeps its values distinct, so :func:`narrowing_filter` would
    find no row (``"0"``), having grouped every value to see so (a 1M-row key of 130-byte paths:
    ~200 MB of RSS past the rest of the profile's peak). A NULL, which the index lets repeat, or two
    storage classes (5 and '5', one text) go through the filter."""
    return (
        declared is not None
        and table.key == list(declared.columns) == [column.name]
        and len(stored_classes(column)) == 1
        and not column.null_count
    )


def narrowing_filter(
    src: Source, table: TableProfile, column: ColumnProfile, counted: tuple[str, int] | None = None
) -> str | None:
    """SQLite condition keeping the rows whose ``column`` value repeats and the rows with a NULL in
    the key, by rowid; ``"0"`` when there are none (no row can be a copy or clash on the key); None
    when the table has no rowid to name them by or they are more than :data:`MAX_LISTED_ROWS`.

    ``counted``: a DuckDB relation of the table's values already counted, ``(idx, val, weight)`` (the
    profile's kept values, :func:`.reference_rows.kept_values_sql`), that holds ``column``'s, and its
    ``idx`` there: the repeated values are then read from their counts (:func:`_repeated_rows`), not
    found by reading the column again and grouping its every value.
    """
    rowid = src.table(table.name).rowid
    if rowid is None:
        return None
    alias = quote_ident(rowid[0])
    if counted is not None and (found := _repeated_values(src, *counted)) is not None:
        return _repeated_rows(src, table, column, alias, *found)
    # The values as SQLite renders them: equal cells give equal text (an INTEGER 5 and a TEXT '5'
    # too, as DuckDB reads both), so every group of copies or of one key falls in one partition.
    nulls = " OR ".join(f"{quote_ident(name)} IS NULL" for name in table.key)
    query = quote_literal(
        f"SELECT {alias} AS r, CAST({quote_ident(column.name)} AS TEXT) AS v"
        + (f", {nulls} AS n" if nulls else "")
        + f" FROM {quote_ident(table.name)}"
    )
    # Every cell arrives as text ('1' for a true n). A NULL value is its own group ('N', apart from
    # every 'V'-prefixed text) so that IN finds it. The repeated values are found by a GROUP BY that
    # holds one count per value (it spills past profile_memory_limit), then their rows by a second
    # read of the one column: a list of rowids per value would be held for every value, and at 40x
    # (5.6M timesheet lines) that ran out of memory.
    having = "count(*) > 1" + (" OR max(n) <> '0'" if nulls else "")
    keyed = (
        f"SELECT r, CASE WHEN v IS NULL THEN 'N' ELSE 'V' || v END AS g{', n' if nulls else ''} "
        f"FROM sqlite_query({quote_literal(src.attachments(1)[0])}, {query})"
    )
    repeated = f"SELECT g FROM ({keyed}) GROUP BY g HAVING {having}"
    sql = f"SELECT r FROM ({keyed}) WHERE g IN ({repeated}) LIMIT {MAX_LISTED_ROWS + 1}"
    return _listed_rows(alias, [int(r) for (r,) in src.connection.cursor().execute(sql).fetchall()])


def _listed_rows(alias: str, rows: list[int]) -> str | None:
    """:func:`narrowing_filter`'s condition naming ``rows`` (at most one past the limit) by ``alias``."""
    if len(rows) > MAX_LISTED_ROWS:
        return None
    return f"{alias} IN ({', '.join(map(str, sorted(rows)))})" if rows else "0"


def _repeated_values(src: Source, counted: str, idx: int) -> tuple[list[str], int] | None:
    """The values of the column at ``idx`` in the relation ``counted`` (``(idx, val, weight)``) that
    have more than one cell, of any storage class (the INTEGER 5 and the TEXT '5' are one text, as
    SQLite's ``CAST(... AS TEXT)`` renders both), and their cells; None when one holds a NUL byte (no
    SQL literal can write it: ``'\\0'`` alone, or ``'NULL\\0'``, which the profile counts as empty or a
    null token)."""
    found = (
        src.connection.cursor()
        .execute(
            f"SELECT val, sum(weight) FROM {quote_ident(counted)} WHERE idx = {int(idx)} "
            "GROUP BY val HAVING sum(weight) > 1"
        )
        .fetchall()
    )
    values = [str(value) for value, _ in found]
    if any("\x00" in value for value in values):
        return None
    return values, sum(int(cells) for _, cells in found)


def _repeated_rows(
    src: Source, table: TableProfile, column: ColumnProfile, alias: str, repeated: list[str], cells: int
) -> str | None:
    """:func:`narrowing_filter` from ``column``'s ``repeated`` values of ``cells`` cells in all
    (:func:`_repeated_values`).

    NULLs repeat too, when two or more. Only then is the table read: SQLite tests each row's value
    against the repeated ones (compared byte for byte, whatever the column's collation) and hands over
    the rowids of those rows and of the rows with a NULL in the key. No repeated value and no NULL in
    the key: ``"0"``, nothing read; more rows than a list holds by the counts alone: None, nothing
    read either. (The wide export's timesheets: the filter's CPU 0.10 -> 0.04 s.)
    """
    if cells + (column.null_count if column.null_count > 1 else 0) > MAX_LISTED_ROWS:
        return None
    name = quote_ident(column.name)
    conditions = []
    if repeated:
        values = ", ".join("'" + value.replace("'", "''") + "'" for value in repeated)
        conditions.append(f"CAST({name} AS TEXT) COLLATE BINARY IN ({values})")
    if column.null_count > 1:
        conditions.append(f"{name} IS NULL")
    conditions += [f"{quote_ident(key)} IS NULL" for key in table.key if table[key].null_count]
    if not conditions:
        return "0"
    query = f"SELECT {alias} FROM {quote_ident(table.name)} WHERE {' OR '.join(conditions)}"
    sql = (
        f"SELECT * FROM sqlite_query({quote_literal(src.attachments(1)[0])}, "
        f"{quote_literal(f'{query} LIMIT {MAX_LISTED_ROWS + 1}')})"
    )
    return _listed_rows(alias, [int(r) for (r,) in src.connection.cursor().execute(sql).fetchall()])


def duplicate_sql(
    relation: str, columns: list[str], key: list[str], *, digest: bool = True, rowid: str | None = None
) -> str:
    """One aggregate: exact duplicate rows, rows sharing a key with a different row, NULL-key rows.

    The rows are grouped by every column (exact copies fall in one group), those groups by the key:
    a key value with n rows in g distinct groups has n - g exact copies and g - 1 rows that differ
    from its first distinct row. Examples are keys (or, without a key, the first column's value), each
    a list of its columns' texts as read (:func:`example_labels` shows them).

    With ``digest`` a row is grouped by the MD5 of its values (each one length-prefixed, NULL marked
    apart, so the encoding is one-to-one), not by the values themselves: the grouping then holds 16
    bytes per distinct row instead of the whole row, which for wide tables of long text is what keeps
    it within ``profile_memory_limit``. Two different rows count as copies only if their 128-bit
    digests collide (for 10^7 rows, a chance of about 10^-25); the cleaner removes copies by comparing
    the values. Without it (narrow rows: hashing costs more than it saves) the values are grouped.

    With ``rowid`` (the relation's rowid column) the result also names the rows that have copies, for
    the cleaner (see :data:`COPY_ROWS_LIMIT`): ``pairs_low``/``pairs_high``, the two rowids of each
    set of exactly two equal rows (the usual duplicate), ``triples_mid``, the middle rowid of each set
    of exactly three (its rowids' sum less the lowest and the highest; their lowest and highest are in
    the pairs' lists), and ``odd_copies``, the sets these do not describe (four or more copies, or
    copies among rows that share a key with a different row).
    """
    row_digest = row_digest_sql(columns)
    shown = key or columns[:1]
    # Each shown column's text apart (a list): the profile writes a double's as the target will.
    texts = (f"coalesce(CAST({quote_ident(c)} AS VARCHAR), {quote_literal(NULL_SHOWN)})" for c in shown)
    label = f"list_value({', '.join(texts)})"
    keyed = ", ".join(quote_ident(c) for c in key)
    is_null = " OR ".join(f"{quote_ident(c)} IS NULL" for c in key) or "false"
    # Helper names cannot clash with the export's: they carry a prefix no export column may have.
    n, variants, shows, null, low, high, total = (
        f"{HELPER_PREFIX}{name}" for name in ("n", "variants", "label", "null", "low", "high", "total")
    )
    # The rowids' sum as HUGEINT: three rowids near 2^63 do not overflow it.
    span = (
        f", min({quote_ident(rowid)}) AS {low}, max({quote_ident(rowid)}) AS {high}, "
        f"sum(CAST({quote_ident(rowid)} AS HUGEINT)) AS {total}"
        if rowid
        else ""
    )
    by_key = (
        f"SELECT any_value({shows}) AS {shows}, sum({n}) AS {n}, count(*) AS {variants}, "
        f"bool_or({is_null}) AS {null}"
        f"{f', min({low}) AS {low}, max({high}) AS {high}, sum({total}) AS {total}' if rowid else ''} "
        f"FROM rows_ GROUP BY {keyed}"
        if key
        else f"SELECT {shows}, {n}, 1 AS {variants}, false AS {null}"
        f"{f', {low}, {high}, {total}' if rowid else ''} FROM rows_"
    )
    pair = f"{variants} = 1 AND {n} IN (2, 3)"
    triple = f"{variants} = 1 AND {n} = 3"
    # The lists only when the cleaner may be handed them (at most COPY_ROWS_LIMIT rowids): a million
    # pairs fetched as Python ints held ~100 MB beside DuckDB's cap, to be dropped.
    named = f"count(*) FILTER (WHERE {pair}) * 2 + count(*) FILTER (WHERE {triple}) <= {COPY_ROWS_LIMIT}"
    pairs = (
        f", CASE WHEN {named} THEN list({low}) FILTER (WHERE {pair}) END AS pairs_low, "
        f"CASE WHEN {named} THEN list({high}) FILTER (WHERE {pair}) END AS pairs_high, "
        f"count(*) FILTER (WHERE {n} > {variants} AND NOT ({pair})) AS odd_copies, "
        f"CASE WHEN {named} THEN list(CAST({total} - {low} - {high} AS BIGINT)) FILTER (WHERE {triple}) "
        f"END AS triples_mid, {named} AS named"
        if rowid
        else ""
    )
    # With a digest, the key's columns are in the grouping too (the digest decides them) for keys_.
    grouped = ", ".join([row_digest, *map(quote_ident, key)] if digest else map(quote_ident, columns))
    kept = "".join(f"{quote_ident(c)}, " for c in key)
    return (
        f"WITH rows_ AS (SELECT {kept}any_value({label}) AS {shows}, count(*) AS {n}{span} "
        f"FROM {relation} GROUP BY {grouped}), keys_ AS ({by_key}) "
        f"SELECT coalesce(sum({n} - {variants}), 0) AS duplicate_rows, "
        f"coalesce(sum({variants} - 1) FILTER (WHERE NOT {null}), 0) AS duplicate_keys, "
        f"coalesce(sum({n}) FILTER (WHERE {null}), 0) AS null_keys, "
        f"min({shows}, {EXAMPLES}) FILTER (WHERE {n} > {variants}) AS ex_rows, "
        f"min({shows}, {EXAMPLES}) FILTER (WHERE {variants} > 1 AND NOT {null}) AS ex_keys{pairs} "
        "FROM keys_"
    )


def find_key(
    src: Source,
    table: TableProfile,
    declared: DeclaredKey | None,
    *,
    count: bool = True,
    kept: tuple[str, Mapping[str, int]] | None = None,
) -> None:
    """Set ``table``'s key and, with ``count``, its duplicate figures and table issues (one query).
    ``kept``: a DuckDB relation of values the profile counted (``(idx, val, weight)``) and the
    ``idx`` there of the columns it holds, by name (see :func:`narrowing_filter`)."""
    if declared is not None:
        table.key, table.key_found = list(declared.columns), declared.found
    elif (column := data_key(table)) is not None:
        table.key, table.key_found = [column], "data_unique"
    columns = list(table.columns)
    if not count or not columns:
        return
    # SQLite keeps a key unique in its own terms: the INTEGER 5, the TEXT '5' and the BLOB x'35' are
    # three keys to it, one value in a typed (or text) target column. A key with a column of more than
    # one storage class is counted as the target will read it, whatever SQLite enforces.
    mixed = [name for name in table.key if len(stored_classes(table[name])) > 1]
    # Cleaning removes NUL bytes from text (PostgreSQL's text holds none, a key loaded as written too):
    # 'A\x00' and 'A', two keys to SQLite, are one in the target. Such a key is counted with its text
    # as cleaning leaves it. Not a bytea column: its cells keep every byte.
    nul = [name for name in table.key if table[name].nul_byte_count and table[name].inferred_type != "bytea"]
    unchanged = not mixed and not nul
    if ((declared is not None and declared.enforced) or table.key_found == "data_unique") and unchanged:
        # SQLite enforces the key, or the profile found it unique and non-null: a key that differs on
        # every row allows no exact copy either. Nothing to count, no query.
        table.duplicate_rows = table.duplicate_keys = table.null_keys = 0
        return
    # A key column of text holding REAL cells is counted with their text as the target holds it
    # (``0.1``, ``inf``, ``-0.0``): the REAL 0.1 and the TEXT '0.1' are one key there.
    as_target = {
        name
        for name in mixed
        if table[name].inferred_type == "text" and table[name].storage_classes.get("real")
    }
    # REALs with all 17 digits: rows differing past SQLite's 15 are not copies. Only a column with
    # TEXT that is not UTF-8 or with BLOBs needs decoding (decoding leaves valid UTF-8 as it is, and
    # costs a check of every cell).
    reads = [
        ColumnRead(
            c.name,
            real_digits=bool(c.storage_classes.get("real")),
            decode=bool(c.issue_count("invalid_encoding") or c.storage_classes.get("blob")),
            signed_zeros=c.name in as_target,
            reals_as_target=c.name in as_target,
        )
        for c in table
    ]
    # Rows wider than a digest are grouped by their digest (memory), narrower ones by their values (CPU).
    row_bytes = sum(c.bytes for c in table) / max(1, table.row_count)
    digest = row_bytes > ROW_DIGEST_BYTES
    # The rowid comes along (a table without one gets no list of copies: the cleaner then lists them).
    rowid = src.table(table.name).rowid is not None
    with query_errors(
        src.path, table.name, "counting duplicate rows", memory_hint="raise profile_memory_limit"
    ):
        # Only the rows that may be copies or clash on the key are read whole (SQLite renders every
        # REAL of a row read with 17 digits: most of the count's cost).
        # Not by a column holding NUL bytes: the filter compares its values as SQLite holds them.
        narrowing = narrowing_column(table, table.key, without=nul)
        where: str | None
        try:
            if narrowing is not None and _indexed_without_nulls(declared, table, narrowing):
                where = "0"  # what the filter would find, without its GROUP BY of every key
            else:
                where = (
                    narrowing_filter(src, table, narrowing, _counted_column(kept, narrowing.name))
                    if narrowing is not None
                    else None
                )
        except duckdb.OutOfMemoryException:
            # A column of long values, 2,048 to DuckDB's vector: every row is counted instead (below).
            where = None
        if where == "0":
            row: Any = (0, 0, 0, None, None)
        else:
            relation = src.relation_sql(table.name, reads=reads, where=where, with_rowid=rowid)
            relation, counted, key = _without_nul(relation, columns, table.key, nul)
            sql = duplicate_sql(relation, counted, key, digest=digest, rowid=ROWID_COLUMN if rowid else None)
            try:
                row = src.connection.cursor().execute(sql).fetchone()
            except duckdb.OutOfMemoryException:
                # Long rows, 2,048 to DuckDB's vector: their digests are taken a run of rows at a time.
                if not (digest and rowid):
                    raise
                row = _digested_in_runs(src, table, reads, where, columns, row_bytes, nul)
    # The examples are of the key the count grouped by (or the first column): the key found below, once
    # the copies are known, is not what they show.
    shown = table.examples_of = table.key or columns[:1]
    rows, keys, nulls, ex_rows, ex_keys = row[:5]
    table.duplicate_rows, table.duplicate_keys, table.null_keys = int(rows), int(keys), int(nulls)
    if declared is not None and mixed and table.duplicate_rows and not table.null_keys:
        # SQLite's index of a declared key allows no two rows of one key, so no exact copy: rows equal
        # as the target reads them differ in a storage class ((5, 'w') and ('5', 'w')), the cleaner
        # keeps both, and they share the key there.
        table.duplicate_keys += table.duplicate_rows
        table.duplicate_rows = 0
        ex_keys = ex_keys or ex_rows
    if table.key_found == "data_unique" and (
        table.duplicate_keys or table.null_keys or (mixed and table.duplicate_rows)
    ):
        # Distinct to SQLite and the profile (5 and '5'), not as the target reads it: not the key. The
        # next column unique in the data, of one storage class, is (nothing to count: see above). Rows
        # equal as the target reads them are no copies the cleaner removes when a key column holds two
        # storage classes ((5, 'w') and ('5', 'w') are both kept): they share the key too.
        column = data_key(table, exclude=tuple(table.key))
        table.key, table.key_found = ([column], "data_unique") if column is not None else ([], None)
        table.duplicate_keys = table.null_keys = 0
        ex_keys = None
    if rowid and len(row) > 5:
        low, high, odd, mid, named = row[5:]
        listed = [*(low or ()), *(high or ()), *(mid or ())]
        if not odd and named:
            table.copy_rows = sorted(int(rowid) for rowid in listed)
    # The count reads every cell as text (invalid text decoded): its copies are the cleaner's only when
    # no column holds two storage classes (5 and '5') or text that is not UTF-8 (b'caf\xe9' and 'café'),
    # which the cleaner tells apart (c_3143: 'n' was taken for the key of rows the cleaner all kept).
    exact = all(
        len(set(stored_classes(c)) & {"integer", "text", "blob"}) <= 1
        and not c.issue_count("invalid_encoding")
        for c in table
    )
    if not table.key and table.duplicate_rows and exact and (column := data_key(table, table.duplicate_rows)):
        # Unique in every row but the exact copies: the key, once they are removed (no row without it,
        # and no two different rows share it).
        table.key, table.key_found = [column], "data_unique"
        table.duplicate_keys = table.null_keys = 0
    what = ", ".join(shown)
    shared = f"rows whose key ({what}) is also another, different row's"
    reasons = []
    if mixed:
        classes = ", ".join(stored_classes(table[mixed[0]]))
        reasons.append(
            f"{', '.join(mixed)} holds {classes} cells: SQLite keeps the "
            "INTEGER 5 and the TEXT '5' apart, one target column cannot"
        )
    if nul:
        reasons.append(f"{', '.join(nul)} {NUL_KEY_REASON}")
    if reasons:
        shared += f" as the target reads it ({'; '.join(reasons)})"
    issues = [
        Issue(
            "duplicate_row",
            table.duplicate_rows,
            example_labels(table, shown, ex_rows),
            detail=f"rows equal to another row in every column (examples: {what})",
        ),
        Issue(
            "duplicate_key",
            table.duplicate_keys,
            example_labels(table, shown, ex_keys),
            detail=shared,
        ),
        Issue("null_key", table.null_keys, detail=f"rows with NULL in the key ({what})"),
    ]
    table.issues = [issue for issue in issues if issue.count]


def _counted_column(kept: tuple[str, Mapping[str, int]] | None, name: str) -> tuple[str, int] | None:
    """``kept``'s relation and column ``name``'s ``idx`` in it (None: it does not hold the column)."""
    if kept is None or name not in kept[1]:
        return None
    return kept[0], kept[1][name]


#: Why keys holding NUL bytes are counted without them (a duplicate key's detail, the key's blocker).
NUL_KEY_REASON = (
    "holds NUL bytes, which cleaning removes (PostgreSQL's text holds none): 'A' and 'A' with a NUL "
    "are one key there"
)


def _without_nul(
    relation: str, columns: list[str], key: list[str], nul: list[str]
) -> tuple[str, list[str], list[str]]:
    """``relation`` with each key column of ``nul`` also without its NUL bytes, as cleaning leaves it
    (a helper column), and the columns and key :func:`duplicate_sql` then counts: rows stay the rows
    they are (every column as read, the helpers too), keys are grouped as the target holds them."""
    if not nul:
        return relation, columns, key
    helpers = {name: f"{HELPER_PREFIX}nul_free_{index}" for index, name in enumerate(nul)}
    added = ", ".join(
        f"replace({quote_ident(name)}, chr(0), '') AS {quote_ident(helper)}"
        for name, helper in helpers.items()
    )
    wrapped = f"(SELECT *, {added} FROM {relation})"
    return wrapped, [*columns, *helpers.values()], [helpers.get(name, name) for name in key]


#: Bytes of rows one run reads when the duplicate count digests a table of long rows a run at a time.
RUN_BYTES = 8 << 20


def _digested_in_runs(
    src: Source,
    table: TableProfile,
    reads: list[ColumnRead],
    where: str | None,
    columns: list[str],
    row_bytes: float,
    nul: list[str],
) -> Any:
    """:func:`duplicate_sql`'s row for ``table`` (read by ``reads``, only the rows meeting ``where``),
    its rows' digests taken a run of about :data:`RUN_BYTES` of rows at a time into a DuckDB table, with
    the columns the count shows and groups by: DuckDB hands SQLite's rows over 2,048 at a time, and a
    vector of long rows (and the text its digest concatenates) can outgrow the memory limit alone.
    ``nul``: key columns grouped without their NUL bytes (:func:`_without_nul`)."""
    info = src.table(table.name)
    if info.rowid is None:
        raise ValueError(f"table {table.name!r} has no rowid")
    kept = list(dict.fromkeys([*(table.key or columns[:1]), *table.key]))
    digest = f"{HELPER_PREFIX}digest"
    staged = quote_ident(f"__columnar_etl_rows_{uuid.uuid4().hex}")
    per_run = max(1, int(RUN_BYTES // max(1.0, row_bytes)))
    chosen = f"({where})" if where is not None else "1"

    def digests(condition: str) -> str:
        relation = src.relation_sql(table.name, reads=reads, where=condition, with_rowid=True)
        selected = ", ".join(quote_ident(c) for c in kept)
        return f"SELECT {selected}, {row_digest_sql(columns)} AS {digest}, {ROWID_COLUMN} FROM {relation}"

    cursor = src.connection.cursor()
    try:
        cursor.execute(f"CREATE TABLE {staged} AS {digests('0')}")
        attachment = src.attachments(1)[0]
        for run in src.rowid_runs(table.name, per_run, where=chosen, cursor=cursor, attachment=attachment):
            cursor.execute(f"INSERT INTO {staged} {digests(run)}")
        relation, counted, key = _without_nul(staged, [*kept, digest], table.key, nul)
        sql = duplicate_sql(relation, counted, key, digest=False, rowid=ROWID_COLUMN)
        return cursor.execute(sql).fetchone()
    finally:
        cursor.execute(f"DROP TABLE IF EXISTS {staged}")


#: How an example shows a NULL key cell.
NULL_SHOWN = "NULL"


def example_labels(
    table: TableProfile, shown: list[str], examples: Sequence[Sequence[str]] | None
) -> tuple[str, ...]:
    """Each example (the texts of ``shown``'s cells, as the count read them) as the target will show
    it, its columns joined by ``|``: a double column's value as PostgreSQL writes a ``float8``
    (:func:`~columnar_etl.pg.float8.float8_out`: ``0.1``, not the read's 17 digits
    ``0.10000000000000001``; ``1e+20``, not ``1.0e+20``), as the audit's row key shows it too; the
    others as read. At most :data:`EXAMPLES` values: formatted one by one, no data path."""
    doubles = {i for i, name in enumerate(shown) if table[name].inferred_type == "double"}
    return tuple(
        "|".join(_as_double(text) if i in doubles else text for i, text in enumerate(example))
        for example in examples or ()
    )


def _as_double(text: str) -> str:
    """A double column's cell text as the target shows it; a text no number (NULL, ``2,5``) as it is."""
    try:
        return float8_out(float(text))
    except ValueError:
        return text


def load_keys(
    tables: Mapping[str, TableProfile],
    names: Mapping[str, Mapping[str, str]],
    duplicates: DuplicatePolicy,
) -> tuple[dict[str, list[str]], dict[str, str]]:
    """What the loader needs: each table's key (as loaded: ``names`` maps export → output names),
    and, for the keys that cannot be a primary key once ``duplicates`` is applied, why not.

    A key with a column that is not loaded (masked with ``drop``) is no key. The loader builds a plain
    index on a key with a reason, a primary key on the others.
    """
    keys: dict[str, list[str]] = {}
    blockers: dict[str, str] = {}
    for name, table in tables.items():
        mapping = names.get(name, {})
        if not table.key or any(column not in mapping for column in table.key):
            keys[name] = []
            continue
        keys[name] = [mapping[column] for column in table.key]
        blocker = table.primary_key_blocker(duplicates)
        if blocker is not None:
            blockers[name] = blocker
    return keys, blockers


def changes_values(column: ColumnProfile) -> bool:
    """Cleaning may change (or null) some of ``column``'s TEXT values: padded, blank, null tokens,
    unparseable ones, or text converted to a date, number or boolean. Never in a bytea column: its
    TEXT cells arrive as the bytes of their text, untrimmed, none made NULL (the TEXT ``'a'`` and the
    BLOB ``x'61'`` meet by their storage class, as :func:`find_key` counts)."""
    if not column.storage_classes.get("text") or column.inferred_type == "bytea":
        return False  # INTEGER and REAL cells are read as the numbers they are; BLOBs as their bytes
    return bool(
        column.whitespace_padded_count
        or column.empty_string_count
        or column.null_like_count
        or column.invalid_count
        or column.inferred_type not in ("text", "bytea")
    )


def cleaned_sql(column: ColumnProfile, value: str, null_tokens: list[str]) -> str:
    """DuckDB's reading of ``value`` (a cell of ``column`` as text) as cleaning makes it: trimmed,
    NULL when blank or a null token, then of the column's type (dates as microseconds since the
    epoch). It is what decides whether two values would become one: DuckDB's parse, not the
    cleaner's own (Polars), so a value the two read differently may be missed (never one they agree
    on). A column whose padding is kept (:attr:`ColumnProfile.padding_kept`) is not trimmed; nor are
    documents (:attr:`ColumnProfile.layout_kept`), whose blanks and null tokens are still judged on
    their trimmed text, as the cleaner judges them. A column whose ``''`` is a value
    (:attr:`ColumnProfile.empty_kept`) keeps it: only its null tokens are NULL."""
    t = value if column.padding_kept or column.layout_kept else trimmed_sql(value)
    if column.inferred_type == "text" and not (
        column.padding_kept or column.layout_kept or column.documents_trimmed
    ):  # a value of several lines is a document, kept as written
        t = f"(CASE WHEN contains({t}, chr(10)) THEN {value} ELSE {t} END)"
    bare = trimmed_sql(value) if column.layout_kept else t
    tokens = column.read_as_null(null_tokens)
    listed = f"{bare} IN ({', '.join(map(quote_literal, tokens))})" if tokens else ""
    # A column whose '' is a value (empty_is_null = false) makes only its null tokens NULL.
    blank = "" if column.empty_kept else f"{bare} = ''"
    absent = " OR ".join(part for part in (blank, listed) if part) or "false"
    kind = column.inferred_type
    if kind in ("date", "timestamp", "timestamptz") and isinstance(column.min, int):
        typed = f"try_cast({t} AS HUGEINT)"  # epoch numbers: one per instant
    elif kind in ("date", "timestamp", "timestamptz"):
        reads = []
        for fmt in column.date_formats:
            text = f"replace({t}, 'Z', '+00:00')" if "%z" in fmt else t
            stamp = f"try_strptime({text}, {quote_literal(fmt)})"
            if "%z" in fmt:
                stamp = f"make_timestamp(epoch_us({stamp}))"
            reads.append(f"date_trunc('day', {stamp})" if kind == "date" else stamp)
        typed = f"epoch_us(coalesce({', '.join(reads)}))" if reads else "NULL"
    elif kind in ("integer", "numeric", "double"):
        text = minus_read_sql(t)  # −12 is -12 (minus_sign)
        if column.digit_groups is not None:  # 1 234,50 and 1234,50 are one number
            text = f"replace({text}, {quote_literal(column.digit_groups)}, '')"
        if column.comma == "thousands":
            text = f"replace({text}, {quote_literal(THOUSANDS_SEPARATOR)}, '')"
        elif column.comma == "decimal":
            text = f"replace({text}, {quote_literal(DECIMAL_COMMA)}, '.')"
        target = {"integer": "HUGEINT", "double": "DOUBLE"}.get(kind, f"DECIMAL(38, {column.max_scale or 0})")
        typed = f"try_cast({text} AS {target})"
    elif kind == "time":
        # 08:30 and 08:30:00 are one time (DuckDB reads every shape the cleaner reads so).
        typed = f"try_cast({t} AS TIME)"
    elif kind == "boolean":
        true = ", ".join(map(quote_literal, BOOLEAN_TRUE_WORDS))
        false = ", ".join(map(quote_literal, BOOLEAN_FALSE_WORDS))
        typed = (
            f"CASE WHEN lower({t}) IN ({true}) OR {t} = {quote_literal(BOOLEAN_TRUE_DIGIT)} THEN true "
            f"WHEN lower({t}) IN ({false}) OR {t} = {quote_literal(BOOLEAN_FALSE_DIGIT)} THEN false END"
        )
    else:
        typed = t
    return f"CASE WHEN {absent} THEN NULL ELSE {typed} END"


def _cleaned_text_sql(column: ColumnProfile, cleaned: str) -> str:
    """The text of ``cleaned`` (a value of :func:`cleaned_sql` for ``column``, not a double), one text
    for each cleaned value: the value itself for text, ISO for a date or timestamp read from text
    (its microseconds), the digits for numbers and epoch numbers, ``true``/``false``, a time as
    PostgreSQL writes it."""
    kind = column.inferred_type
    if kind in ("date", "timestamp", "timestamptz") and not isinstance(column.min, int):
        stamp = f"make_timestamp({cleaned})"
        return f"CAST({f'CAST({stamp} AS DATE)' if kind == 'date' else stamp} AS VARCHAR)"
    return cleaned if kind == "text" else f"CAST({cleaned} AS VARCHAR)"


@dataclass(frozen=True, slots=True)
class KeptAsWritten:
    """Why a key's column is loaded as written (:func:`merged_key_columns`), and whether only to keep
    values of one spelling cleaning would make NULL (``values_kept``: ``''`` alone, or one null token,
    in a NOT NULL key, no two values meeting), which the operator is told in a note, not a warning
    (``ColumnProfile.key_values_kept``)."""

    why: str
    values_kept: bool = False


def merged_key_columns(
    src: Source,
    table: TableProfile,
    null_tokens: list[str],
    *,
    nulls: bool = True,
    written: tuple[str, ...] = (),
) -> dict[str, KeptAsWritten]:
    """The columns of ``table``'s key that cleaning would make two distinct keys equal by, or a key
    NULL by (padding trimmed, ``'N/A'`` read as NULL, ``2000-1-5`` and ``2000-01-05`` one date), with
    why and an example: only the columns holding two values as written within a merged group, or
    made NULL in a key lost (a key's ISO dates beside a blank made NULL are no such column; those
    alone keep values, :attr:`KeptAsWritten.values_kept`), until
    the key compared with those columns as written (``written``) has none; empty when it would make
    none (the usual case: no query at all when no key column has a value cleaning changes). Without
    ``nulls``, a key made NULL does not count (a UNIQUE key beside the primary key whose columns may
    be NULL: a NULL there is no clash).

    One aggregate (DuckDB, over the key's columns as the source's text): the rows grouped by their
    cleaned key (:func:`cleaned_sql`), a group of two distinct source keys is a merge; a row whose
    source key has no NULL but whose cleaned key has one is a key lost. Rows whose source key is
    NULL (or shared) are the duplicate count's business (:func:`find_key`), not this one's.

    Not found here, because loading as written would not keep them apart: keys that meet by their
    storage class (the INTEGER 5 and the TEXT '5', counted by :func:`find_key` as the target reads
    them) or by NUL removal (PostgreSQL's text holds no NUL); both leave a plain index. A key found in
    the data needs no comparison: it is of one storage class with no value cleaning changes
    (:func:`data_key`; an integer column only when every value reads back the same).
    """
    if not table.key or any(name not in table.columns for name in table.key):
        return {}
    changing = [name for name in table.key if name not in written and changes_values(table[name])]
    if not changing:
        return {}
    reads = [ColumnRead(name) for name in table.key]
    relation = src.relation_sql(table.name, reads=reads)
    raw = [quote_ident(name) for name in table.key]
    cleaned = [
        cleaned_sql(table[name], quote_ident(name), null_tokens) if name in changing else quote_ident(name)
        for name in table.key
    ]
    label = " || ' | ' || ".join(f"chr(39) || {value} || chr(39)" for value in raw)
    present = " AND ".join(f"{value} IS NOT NULL" for value in raw)
    # The cleaned values under helper names (no export column has one: a key column may be "c0").
    names = [quote_ident(f"{HELPER_PREFIX}c{index}") for index in range(len(cleaned))]
    lost = " OR ".join(f"{name} IS NULL" for name in names)
    columns = ", ".join(f"{value} AS {name}" for value, name in zip(cleaned, names, strict=True))
    grouped = ", ".join(names)
    # Per changing column: whether a merged group holds two of its values as written (it is what
    # tells the group's keys apart), whether it is the one made NULL. A column whose cleaning neither
    # merges nor nulls (the ISO dates of a key whose blank user is made NULL) is typed as ever.
    at = [table.key.index(column) for column in changing]
    spread = "".join(f", count(DISTINCT {raw[i]}) > 1 AS {_flag('d', i)}" for i in at)
    nulled_by = "".join(f", bool_or({names[i]} IS NULL) AS {_flag('l', i)}" for i in at)
    if all(table[name].inferred_type != "double" for name in changing):
        # Two keys meet only where one of them changed: a value is unchanged when the text of its
        # cleaned value (:func:`_cleaned_text_sql`) is the value itself, so two unchanged values of
        # one cleaned value are one value. Only the rows meeting a changed key's cleaned value are
        # grouped (a 1M-row text key with 2% padded: 0.5 CPU seconds instead of 1.6, most of them the
        # one scan; a 1M-row key of five columns, one an ISO date: the profile 607 -> 411 MB of RSS). Not a
        # double: -0.0 and 0.0 are one value of two texts.
        moved = " OR ".join(
            f"{_cleaned_text_sql(table[column], name)} IS DISTINCT FROM {value}"
            for name, value, column in zip(names, raw, table.key, strict=True)
            if column in changing
        )
        meeting = (
            f"(SELECT * FROM cleaned SEMI JOIN (SELECT DISTINCT {grouped} FROM cleaned "
            f"WHERE ({moved}) AND NOT ({lost})) USING ({grouped}))"
        )
        merging = "".join(f", bool_or({_flag('d', i)}) FILTER (WHERE n > 1)" for i in at)
        nulling = "".join(f", bool_or({names[i]} IS NULL)" for i in at)
        # Per changing column: whether the values it makes NULL are one spelling ('' alone, or 'N/A').
        spelt = "".join(
            f", min({raw[i]}) FILTER (WHERE {names[i]} IS NULL) IS NOT DISTINCT FROM "
            f"max({raw[i]}) FILTER (WHERE {names[i]} IS NULL)"
            for i in at
        )
        sql = (
            f"WITH cleaned AS (SELECT {', '.join(raw)}, {columns} FROM {relation} WHERE {present}), "
            f"groups AS (SELECT count(DISTINCT row({', '.join(raw)})) AS n, min({label}) AS a, "
            f"max({label}) AS b{spread} FROM {meeting} GROUP BY {grouped}) "
            "SELECT m.*, l.* FROM "
            "(SELECT count(*) FILTER (WHERE n > 1) AS merges, any_value([a, b]) FILTER (WHERE n > 1) AS pair"
            f"{merging} FROM groups) AS m, (SELECT count(*) AS lost, any_value({label}) AS example"
            f"{nulling}{spelt} FROM cleaned WHERE {lost}) AS l"
        )
    else:
        merging = "".join(f", bool_or({_flag('d', i)}) FILTER (WHERE n > 1 AND NOT lost)" for i in at)
        nulling = "".join(f", bool_or({_flag('l', i)}) FILTER (WHERE lost)" for i in at)
        bounds = "".join(
            f", min({raw[i]}) FILTER (WHERE {names[i]} IS NULL) AS {_flag('lo', i)}"
            f", max({raw[i]}) FILTER (WHERE {names[i]} IS NULL) AS {_flag('hi', i)}"
            for i in at
        )
        spelt = "".join(
            f", min({_flag('lo', i)}) FILTER (WHERE lost) IS NOT DISTINCT FROM "
            f"max({_flag('hi', i)}) FILTER (WHERE lost)"
            for i in at
        )
        sql = (
            f"WITH cleaned AS (SELECT row({', '.join(raw)}) AS raw, {', '.join(raw)}, {label} AS label, "
            f"{columns} FROM {relation} WHERE {present}), "
            f"groups AS (SELECT count(DISTINCT raw) AS n, min(label) AS a, max(label) AS b, "
            f"bool_or({lost}) AS lost{spread}{nulled_by}{bounds} FROM cleaned GROUP BY {grouped}) "
            "SELECT count(*) FILTER (WHERE n > 1 AND NOT lost), "
            f"any_value([a, b]) FILTER (WHERE n > 1 AND NOT lost){merging}, "
            f"count(*) FILTER (WHERE lost), any_value(a) FILTER (WHERE lost){nulling}{spelt} FROM groups"
        )
    doing = "comparing the key's values with their cleaned ones"
    with query_errors(src.path, table.name, doing, memory_hint="raise profile_memory_limit"):
        found = src.connection.cursor().execute(sql).fetchone()
    width = len(changing)
    found = found or (0, None, *[None] * width, 0, None, *[None] * (2 * width))
    merges, pair, lost_keys, nulled = found[0], found[1], found[2 + width], found[3 + width]
    merging_columns = [name for name, flag in zip(changing, found[2 : 2 + width], strict=True) if flag]
    made_null = zip(changing, found[4 + width : 4 + 2 * width], found[4 + 2 * width :], strict=True)
    # A column making values of one spelling NULL ('' alone: Drupal's default config collection, the
    # anonymous user's name) keeps the key's own way of writing none, or a value: a note. Two spellings
    # ('' beside 'N/A') are dirt in a key, worth a look: a warning, as a merge is.
    nulling_columns = {name: bool(one) for name, flag, one in made_null if flag}
    key = ", ".join(table.key)
    # Only the columns that make the keys meet (two values as written in one merged group) or a key
    # NULL (its value made NULL) are loaded as written; the key's other columns are cleaned as ever.
    kept: dict[str, KeptAsWritten] = {}
    examples: list[object] = []
    if merges:
        why = f"cleaning would make distinct keys ({key}) equal, e.g. {pair[0]} and {pair[1]}"
        kept |= dict.fromkeys(merging_columns, KeptAsWritten(why))
        examples += [pair[0], pair[1]]
    if lost_keys and nulls:
        why = f"cleaning would make a key ({key}) NULL, e.g. {nulled}"
        kept |= {name: KeptAsWritten(why, one) for name, one in nulling_columns.items() if name not in kept}
        examples.append(nulled)
    # The examples are of every key column (joined by ` | `): each column's profile remembers them, so
    # a masked one's hide them wherever the reason is quoted.
    for name in table.key:
        for example in examples:
            table[name].quote(str(example))
    if not kept:
        return {}
    # Compared again with those columns as written: a key whose blank made it NULL was in no merged
    # group, and as written it may meet another (``''`` beside ``''``, their days one once trimmed).
    kept |= merged_key_columns(src, table, null_tokens, nulls=nulls, written=(*written, *kept))
    return {name: kept[name] for name in table.key if name in kept}


def _flag(kind: str, index: int) -> str:
    """The name of a per-column flag of :func:`merged_key_columns`'s query (no export column's)."""
    return quote_ident(f"{HELPER_PREFIX}{kind}{index}")


def key_merged_by_cleaning(
    src: Source, table: TableProfile, null_tokens: list[str]
) -> tuple[str, str] | None:
    """The column of a table with no key that would be its key found in the data (:func:`data_key`:
    distinct and present on every row, of one storage class, first of :func:`key_candidates`) but for
    cleaning, which would make two of its distinct values equal or one NULL (``A1`` and ``A1<NBSP>``);
    with why, as :func:`merged_key_columns` says it. None when there is none (one query at most, and
    none when no such column has a value cleaning changes).

    Such a column is cleaned as any other (each change audited) and is no key: the profile notes it,
    as two rows' values became one. Declared as the key in the export, it is loaded as written."""
    if table.key or table.sampled_rows is not None or table.row_count < 2:
        return None
    for column in key_candidates(table):
        if (
            len(stored_classes(column)) != 1
            or column.null_count
            or column.distinct_count != table.row_count
            or not key_like(column, table)
        ):
            continue
        if not changes_values(column):
            return None  # data_key would have taken it: a key, not merged
        kept = merged_key_columns(src, replace(table, key=[column.name]), null_tokens).get(column.name)
        return (column.name, kept.why) if kept else None
    return None


def keep_as_written(column: ColumnProfile, why: str, *, values_kept: bool = False) -> None:
    """Make ``column`` loaded as the text it holds, untouched (:attr:`ColumnProfile.as_written`);
    ``values_kept``: only so that a key keeps values cleaning would make NULL
    (:attr:`ColumnProfile.key_values_kept`: a note, not a warning).

    A column declared TEXT or with no type then holds what it claims: the ``type_mismatch`` of the
    type its values read as (``declared TEXT but the values are boolean``) no longer applies, and left
    there it would count as "text where the declared type says otherwise" and could halt the run
    (``halt_type_mismatch_share``), as :func:`.merged_numbers.keep_numbers_apart` says too."""
    if column.as_written is not None or column.inferred_type == "bytea":
        # A bytea column is loaded as written already: every cell as its bytes (a TEXT cell as the
        # bytes of its text), none trimmed or made NULL; as text its BLOB cells would be lost.
        return
    column.as_written = why
    column.key_values_kept = values_kept
    if declared_family(column.declared_type) in ("text", None):
        column.issues = [issue for issue in column.issues if issue.kind != "type_mismatch"]
    if column.inferred_type != "text":
        column.min = column.max = None  # its bounds were of its type; as text they are unknown
        drop_number_notes(column)  # a note reading its numbers (as instants) no longer holds
        column.notes = [note for note in column.notes if READ_AS_TIME not in note]  # nor one of times
    column.inferred_type = "text"
    column.type_reason = f"loaded as written: {why}"
    column.notes.append(f"loaded as written (not trimmed, no value read as NULL, text): {why}")
