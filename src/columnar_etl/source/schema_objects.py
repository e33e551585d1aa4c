"""The export's schema objects that hold no rows of their own: views, indexes and triggers (recorded,
not loaded), and schema SQL this SQLite cannot parse (a newer SQLite's, a missing collation's)."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from columnar_etl.errors import EtlError, SourceError
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.sqlite_file import connect_read_only

_SCHEMA_ERROR = re.compile(r"malformed database schema \((.+?)\) - (.+?)(?:\s*LINE \d+:.*)?$", re.DOTALL)


#: The kinds of schema object that hold no data of their own: one the reader's SQLite cannot parse is
#: dropped from the private copy the export is then read through (:mod:`.private_copy`).
DATALESS_KINDS = ("view", "trigger", "index")


@dataclass(frozen=True)
class UnparsedObject:
    """An object of the export's schema that the reader's SQLite cannot parse (:func:`unparsed_object`)."""

    name: str
    #: ``table``, ``view``, ``trigger`` or ``index`` (its ``sqlite_master.type``).
    kind: str
    #: The reader's words (``RIGHT and FULL OUTER JOINs are not currently supported``).
    reason: str

    @property
    def dataless(self) -> bool:
        """Whether it holds no data of its own (:data:`DATALESS_KINDS`)."""
        return self.kind in DATALESS_KINDS


def _named_in_schema_error(exc: BaseException) -> tuple[str, str] | None:
    """The object a SQLite schema error names and why (``malformed database schema (v) - ...``), the
    reason's whitespace folded; None for any other error."""
    found = _SCHEMA_ERROR.search(str(exc))
    if found is None:
        return None
    return found.group(1), " ".join(found.group(2).split())


def unparsed_object(path: Path, exc: BaseException) -> UnparsedObject | None:
    """The object of ``path``'s schema that the reader's SQLite (DuckDB's sqlite_scanner) names in
    ``exc`` as one it cannot parse although SQLite here reads it (its kind is read here from
    ``sqlite_master``). None for any other error, or when SQLite here cannot read the schema either."""
    named = _named_in_schema_error(exc)
    if named is None:
        return None
    name, reason = named
    con = connect_read_only(path)
    try:
        row = con.execute("SELECT type FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    except sqlite3.DatabaseError:
        return None  # SQLite here cannot read it either: what the reader said stands
    finally:
        con.close()
    return None if row is None else UnparsedObject(name, str(row[0]), reason)


def unparsable_here(path: Path, exc: BaseException) -> SourceError | None:
    """The error of an export whose view, trigger or index SQLite here cannot parse, named in ``exc``
    (``malformed database schema (v) - view v cannot reference objects in database d``: a view an
    application wrote in one of several files it attaches together, naming that file by its attached
    name). SQLite parses a file's whole schema before any read, so no table can be read; yet the file is
    not damaged: ``sqlite_master`` read with ``writable_schema`` (which leaves schema errors aside) holds
    the object, and a copy without it loads. None for any other error."""
    named = _named_in_schema_error(exc)
    if named is None:
        return None
    name, reason = named
    try:
        con = connect_read_only(path, stand_ins=False)
    except EtlError:
        return None
    try:
        con.execute("PRAGMA writable_schema = ON")
        row = con.execute("SELECT type FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    except sqlite3.Error:
        return None  # damage after all
    finally:
        con.close()
    if row is None or row[0] not in DATALESS_KINDS:
        return None
    literal = name.replace("'", "''")
    return SourceError(
        f"the export's {row[0]} {name!r} cannot be parsed by SQLite {sqlite3.sqlite_version} here "
        f"({reason}), and SQLite parses a file's whole schema before any read; the file is not damaged",
        path=path,
        hint=f"a {row[0]} holds no data and is not copied to the target: load a copy without it "
        f'(sqlite3 <file> ".backup copy.db" && sqlite3 copy.db "PRAGMA writable_schema = ON; '
        f"DELETE FROM sqlite_master WHERE name = '{literal}'\"), then run copy.db",
    )


def schema_too_new(path: Path, unparsed: UnparsedObject, reader_version: str) -> SourceError:
    """The error of an export whose schema the reader's SQLite (DuckDB's sqlite_scanner, ``reader_version``)
    cannot parse although SQLite here read it (:func:`read_catalogue` did): SQL newer than the reader's
    (``FULL OUTER JOIN`` or ``IS DISTINCT FROM``, SQLite 3.39), not damage. SQLite parses the whole
    schema before any read, so not even the other tables can be read; before, the run failed in the
    profile with "the file is damaged: copy the export again". Raised for a table's own CREATE TABLE
    (a CHECK, a DEFAULT, a generated column: its data definition); a view, trigger or index is dropped
    from a private copy instead (:mod:`.private_copy`), and this is raised only when that copy cannot
    be made."""
    kind, name = unparsed.kind, unparsed.name
    if unparsed.dataless:
        not_loaded = {"view": "views are", "trigger": "triggers are", "index": "its indexes are"}[kind]
        hint = (
            f"{not_loaded} not copied to the target: load a copy without it (sqlite3 <file> "
            f"\".backup copy.db\" && sqlite3 copy.db 'DROP {kind.upper()} {quote_ident(name)}'), "
            "then run copy.db"
        )
    else:
        hint = (
            "the table's CREATE TABLE uses it (a CHECK, a DEFAULT, a generated column): load a copy "
            "whose table is created without that clause"
        )
    return SourceError(
        f"the export's {kind} {name!r} is written in SQL that the reader's SQLite {reader_version} "
        f"(DuckDB's sqlite_scanner) cannot parse ({unparsed.reason}), and SQLite parses a file's whole "
        f"schema before any read; the file is not damaged (SQLite {sqlite3.sqlite_version} here reads it)",
        path=path,
        hint=hint,
    )


#: Why a view of the export is not loaded (:func:`views`): said once per view in the profile.
VIEW_NOT_LOADED = (
    "a view: views are not copied (a view holds no data of its own, only a query over the export's "
    "tables); recreate it on the target from its CREATE VIEW in the export's sqlite_master if readers need it"
)


def views(con: sqlite3.Connection) -> dict[str, str]:
    """The export's views, in the file's order, each with why it is not loaded (:data:`VIEW_NOT_LOADED`).

    A view holds no data of its own: its statement reads the export's tables, which are loaded. Its SQL
    is SQLite's dialect (SpatiaLite's functions, ``||`` on numbers, ``GROUP BY`` without aggregates),
    which PostgreSQL may read otherwise or not at all, so it is named, not translated."""
    return {
        str(name): VIEW_NOT_LOADED
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY rowid")
    }


@dataclass(frozen=True)
class SourceIndex:
    """An index of the export's own (``CREATE INDEX``, or a ``UNIQUE`` constraint's): evidence of a key
    when unique (:mod:`columnar_etl.profiling.declared_keys` reads it so), and named in the profile when
    the target does not get it (:attr:`~columnar_etl.models.Profile.indexes_not_copied`)."""

    name: str
    table: str
    #: Its columns in index order; None for an expression (``CREATE INDEX i ON t (lower(a))``).
    columns: tuple[str | None, ...]
    unique: bool
    #: A partial index (``... WHERE``): unique among some rows only.
    partial: bool
    #: ``c``: a CREATE INDEX; ``u``: a UNIQUE constraint of CREATE TABLE (``sqlite_autoindex_...``).
    origin: str

    def describe(self) -> str:
        """``unique index 'i' on 'tickets' (a, b)``, or ``UNIQUE (a) of 'tickets'`` for a constraint's."""
        columns = ", ".join("<expression>" if c is None else c for c in self.columns)
        if self.origin == "u":
            return f"UNIQUE ({columns}) of {self.table!r}"
        kind = "unique index" if self.unique else "index"
        return f"{kind} {self.name!r} on {self.table!r} ({columns}){' WHERE ...' if self.partial else ''}"


def indexes(con: sqlite3.Connection, tables: list[str]) -> tuple[SourceIndex, ...]:
    """The indexes of ``tables`` the export declares (``PRAGMA index_list``), in table order: its
    ``CREATE INDEX`` statements and its UNIQUE constraints, not a PRIMARY KEY's own index (origin
    ``pk``: the key, which the profile finds as such); a table's in the file's order."""
    order = {
        str(name): rowid
        for rowid, name in con.execute("SELECT rowid, name FROM sqlite_master WHERE type = 'index'")
    }
    found = []
    for table in tables:
        listed = con.execute(f"PRAGMA index_list({quote_ident(table)})").fetchall()
        for _seq, name, unique, origin, partial in sorted(listed, key=lambda row: order.get(row[1], 0)):
            if origin == "pk":
                continue
            columns = tuple(row[2] for row in con.execute(f"PRAGMA index_info({quote_ident(name)})"))
            found.append(SourceIndex(str(name), table, columns, bool(unique), bool(partial), str(origin)))
    return tuple(found)


def triggers(con: sqlite3.Connection) -> dict[str, str]:
    """The export's triggers, in the file's order, each with the table (or view) it acts on."""
    return {
        str(name): str(table)
        for name, table in con.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid"
        )
    }


def refused_without_collations(path: Path, table: str) -> str | None:
    """SQLite's refusal to read ``table`` without the collations its schema names, or None when it can.

    Asked of SQLite without stand-ins, as DuckDB's SQLite (which reads the data) would answer: a
    ``WITHOUT ROWID`` table whose primary key uses such a collation cannot even be scanned ("no query
    solution"), a rowid table can (its rows are stored in rowid order)."""
    con = connect_read_only(path, stand_ins=False)
    try:
        con.execute(f"SELECT * FROM {quote_ident(table)} LIMIT 0")
    except sqlite3.OperationalError as exc:
        return str(exc)
    finally:
        con.close()
    return None
