"""The keys a table's schema declares — its PRIMARY KEY, else its UNIQUE constraints and unique
indexes, read from SQLite's catalogue (:func:`declared_keys`) — and which of them names its rows
(:func:`naming_key`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from columnar_etl.models import KeyFound, TableProfile
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.declarations import declared_nullable
from columnar_etl.source.rowid_references import ROWID_KEY
from columnar_etl.source.sqlite_file import connect_read_only, declared_columns
from columnar_etl.source.virtual_tables import DOCUMENT_ID, takes_document_id, virtual_tables


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
