"""The export file through SQLite itself, read-only: checks, catalogue, row counts, lock errors.

A file that is missing, empty, not SQLite or truncated is refused before anything opens it; tables and
declared columns come from ``sqlite_master`` and ``PRAGMA table_info`` (evidence only); a writer's lock
is told apart from damage (:func:`read_error`).
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from columnar_etl.errors import EtlError, SourceError
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.collations import missing_collations, stand_in_collations
from columnar_etl.source.naming import (
    camel_words,
    entity_of,
    names_by_id_word,
    names_own_identifier,
    table_singulars,
)
from columnar_etl.source.side_files import JOURNAL_MAGIC, file_state_error

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


@dataclass(frozen=True)
class SourceColumn:
    """A column as SQLite's schema declares it (declared type and default are evidence, not truth)."""

    name: str
    declared_type: str
    not_null: bool
    default: str | None
    primary_key: bool
    #: A column of a primary key of several columns (``PRIMARY KEY (name, at, step)``): alone it names no
    #: row, so its values are read as any column's (a key of one column is an identifier, whatever its
    #: name: its integers are never epoch moments).
    composite_key: bool = False
    #: A generated column (``GENERATED ALWAYS AS (...)``, stored or virtual): SQLite computes its values,
    #: which a SELECT reads like any other column's and which are loaded as such. DuckDB's own scan of
    #: the attached table does not know it: it is read through SQLite (``sqlite_query``) only.
    generated: bool = False
    #: The instant its numbers count seconds from when the file's format says so (``"2001-01-01"``: an
    #: Apple Core Data store's date attribute, see :func:`core_data_dates`); its numbers are then never
    #: read as Unix epochs or compact dates: they are kept as the numbers they are.
    counts_from: str | None = None
    #: The values a ``CHECK (column IN ('N', 'P', 'Y'))`` of its table allows it (:func:`declared_choices`),
    #: or None: the application's own list of its values, which no type inference may contradict (a
    #: listed ``P`` beside ``N`` and ``Y`` is no boolean).
    choices: tuple[str, ...] | None = None
    #: The value column of a name/value table (:func:`setting_values`: ``value`` beside a declared
    #: unique ``name``, ``key`` or ``option_name``): each row's value is another setting's, of a kind
    #: its name says, so numbers written as TEXT there are the text they are.
    setting_value: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "declared_type": self.declared_type,
            "not_null": self.not_null,
            "default": self.default,
            "primary_key": self.primary_key,
            "generated": self.generated,
        }


@dataclass(frozen=True)
class SourceTable:
    """A table of the export: its columns as declared and its row count (counted when first asked)."""

    name: str
    columns: tuple[SourceColumn, ...]
    path: Path
    #: A name reaching SQLite's rowid (``rowid``, ``_rowid_`` or ``oid``, whichever no column shadows) and
    #: the lowest and highest rowid; None for a WITHOUT ROWID table or when every alias is shadowed.
    rowid: tuple[str, int, int] | None = None
    #: The columns (table, column) holding this table's rowids, its rows' only identity
    #: (:func:`rowid_references`); when any, the table is read with its rowid as a column of its own,
    #: :data:`ROWID_KEY` (first), its key.
    rowid_referrers: tuple[tuple[str, str], ...] = ()

    @property
    def generated(self) -> set[str]:
        """The generated columns (:attr:`SourceColumn.generated`), which DuckDB's own scan cannot read."""
        return {column.name for column in self.columns if column.generated}

    @property
    def scannable(self) -> bool:
        """Whether DuckDB's own scan of the table reads its rows as they are: not when a column is named
        ``rowid`` (in any case), which the scan takes for SQLite's rowid (one holding text read no row
        at all, or failed on its first). Such a table is read through SQLite's own queries only."""
        return all(column.name.lower() != "rowid" for column in self.columns)

    @property
    def scan_rowid(self) -> bool:
        """Whether DuckDB's own scan of the table gives SQLite's rowid as ``rowid``: a table with a rowid
        and no column of that name (in any case; an export from Oracle has its ``ROWID``), which the
        scan would give instead. Otherwise the rowid is read by SQLite, under :attr:`rowid`'s alias."""
        return self.rowid is not None and self.rowid[0] == "rowid"

    @cached_property
    def row_count(self) -> int:
        """Rows in the table: ``count(*)`` by SQLite, once, on first use.

        Not at open: SQLite walks the whole table for it (1-2 s for a 5M-row table), and most
        callers (the profile, the streams) count the rows they read anyway.
        """
        return count_rows(self.path, self.name)

    @property
    def estimated_rows(self) -> int:
        """The row count if already known, else the rowid span (exact unless rows were deleted).

        A span longer than the file has bytes cannot be the count (every row takes bytes): rowids
        chosen by the exporting system (64-bit ids, timestamps) are spread thin. The rows are then
        counted: planned by the span, a table of 100K rows with such ids was profiled alone, all as
        text (0.25-0.30 s; counted, beside the others and typed: 0.14-0.16 s)."""
        if "row_count" in self.__dict__ or self.rowid is None:
            return self.row_count
        span = self.rowid[2] - self.rowid[1] + 1
        try:
            size = self.path.stat().st_size
        except OSError:
            return span
        return self.row_count if span > size else span

    @property
    def column_names(self) -> list[str]:
        """Column names in declaration order."""
        return [column.name for column in self.columns]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "row_count": self.row_count,
            "columns": [column.to_dict() for column in self.columns],
        }


#: The first bytes of what an export is sent as, when it is not the SQLite file itself.
_ARCHIVE_MAGICS = {
    b"\x1f\x8b": "gzip",
    b"PK\x03\x04": "zip",
    b"BZh": "bzip2",
    b"\xfd7zXZ\x00": "xz",
    b"\x28\xb5\x2f\xfd": "zstd",
    b"7z\xbc\xaf\x27\x1c": "7-Zip",
}
#: SQLite's own files that are not a SQLite 3 database: their first bytes (fileformat2.html; SQLite 2's
#: btree.c ``zMagicHeader``), what they are, and what to do.
_SQLITE_KIN = {
    b"** This file contains an SQLite 2.1 database **": (
        ": an SQLite 2 database",
        "convert it first with SQLite 2's shell: sqlite OLD.db .dump | sqlite3 NEW.db",
    ),
    bytes.fromhex("377f0682"): (
        ": a SQLite -wal file, not the database",
        "give the database file; its -wal belongs beside it (the same name plus -wal)",
    ),
    bytes.fromhex("377f0683"): (
        ": a SQLite -wal file, not the database",
        "give the database file; its -wal belongs beside it (the same name plus -wal)",
    ),
    JOURNAL_MAGIC: (
        ": a SQLite rollback journal, not the database",
        "give the database file; its -journal belongs beside it (the same name plus -journal)",
    ),
}
_NOT_SQLITE_HINTS = {
    **dict(_SQLITE_KIN.values()),
    **{
        f": a {kind} archive": f"unpack it first (the {kind} archive holds the export) and run on the .db"
        for kind in _ARCHIVE_MAGICS.values()
    },
    ": a text file": "this is text (a CSV or SQL dump?): import it into SQLite first "
    "(sqlite3 x.db '.import ...')",
    "": "expected a SQLite export (.db); an encrypted one (SQLCipher) must be decrypted first "
    "(sqlcipher's sqlcipher_export into a plain database)",
}


def _what_it_is(header: bytes) -> str:
    """``: a gzip archive``, ``: an SQLite 2 database``, ``: a text file``, or ``""`` (unknown:
    encrypted, damaged, anything)."""
    for magic, (kind, _) in _SQLITE_KIN.items():
        if header.startswith(magic):
            return kind
    for magic, kind in _ARCHIVE_MAGICS.items():
        if header.startswith(magic):
            return f": a {kind} archive"
    for cut in range(4):  # the 100 bytes read may end inside a character of a text file
        try:
            text = header[: len(header) - cut].decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            continue
        if text and all(char.isprintable() or char in "\t\r\n" for char in text):
            return ": a text file"
        break
    return ""


def check_file(path: Path) -> None:
    if not path.exists():
        raise SourceError("source file not found", path=path, hint="check the path")
    if path.is_dir():
        raise SourceError(
            "source is a directory, not a SQLite file", path=path, hint="give the path of the export file"
        )
    try:
        with open(path, "rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except PermissionError as exc:
        raise SourceError(
            "permission denied reading the source file", path=path, hint="make it readable by this user"
        ) from exc
    except OSError as exc:
        raise SourceError(
            f"cannot read the source file: {exc.strerror}", path=path, hint="check the file and its disk"
        ) from exc
    if not header:
        raise SourceError("source file is empty (0 bytes)", path=path, hint="the export did not finish?")
    if not header.startswith(SQLITE_MAGIC):
        raise SourceError(
            f"not a SQLite database (bad file header{_what_it_is(header)})",
            path=path,
            hint=_NOT_SQLITE_HINTS.get(_what_it_is(header), "expected a SQLite export (.db)"),
        )
    if len(header) < _HEADER_SIZE:
        raise SourceError(
            "SQLite file is truncated (incomplete header)", path=path, hint="copy the export again"
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65_536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    # The in-header page count is valid when the change counters agree (SQLite >= 3.7.0 writes both).
    if header[24:28] == header[92:96] and page_count and os.path.getsize(path) < page_size * page_count:
        raise SourceError(
            f"SQLite file is truncated: {os.path.getsize(path)} bytes, header says "
            f"{page_count} pages of {page_size}",
            path=path,
            hint="copy the export again",
        )


#: Seconds a read of the export's catalogue waits for a writer's lock (SQLite's busy timeout).
READ_BUSY_TIMEOUT = 5.0


def locked_error(
    path: str | Path,
    *,
    waited: float,
    table: str | None = None,
    setting: str | None = None,
    error: type[EtlError] = SourceError,
) -> EtlError:
    """The one error for an export that a writer keeps locked for more than ``waited`` seconds.

    ``setting`` names the setting that sets the wait, when one does (the hint then mentions it).
    """
    hint = "retry when the program writing the export has finished"
    return error(
        f"the SQLite file is locked by another process: a writer held it for more than {waited:g} s",
        path=path,
        table=table,
        hint=f"{hint}, or raise {setting}" if setting else hint,
    )


def is_lock_error(exc: BaseException) -> bool:
    """True when ``exc`` (from SQLite or DuckDB's sqlite_scanner) means "locked", not "damaged"."""
    code = getattr(exc, "sqlite_errorcode", None) if isinstance(exc, sqlite3.Error) else None
    if code is not None:
        return (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    # DuckDB's, or an error raised without SQLite's code: SQLite's messages for both.
    return "database is locked" in str(exc) or "database table is locked" in str(exc)


def read_error(
    exc: BaseException,
    path: str | Path,
    *,
    table: str | None = None,
    message: str = "cannot read table",
    hint: str | None = None,
) -> EtlError:
    """:class:`SourceError` for a failed read of the export: :func:`locked_error` when it was a lock;
    without a ``hint``, the one that fits the cause (:func:`read_hint`)."""
    if is_lock_error(exc):
        return locked_error(path, waited=READ_BUSY_TIMEOUT, table=table)
    state = file_state_error(exc, Path(path), table=table)
    if state is not None:
        return state
    return SourceError(
        f"{message}: {short_reason(exc)}", path=path, table=table, hint=hint or read_hint(exc, Path(path))
    )


#: SQLite's own words (``sqlite3_errstr``, and its corruption reports) for a file it cannot read as a
#: database: damage, whatever query asked.
_DAMAGE_WORDS = (
    "database disk image is malformed",
    "file is not a database",
    "malformed database schema",
    "database corruption",
)
#: SQLite's and the system's words for a read the disk or the file system refused.
_IO_WORDS = ("disk I/O error", "unable to open database file", "No space left on device")

#: The hint of a failed query of a file that shows no sign of damage.
QUERY_FAILED_HINT = (
    "the file shows no damage (SQLite did not call it malformed; its header and size agree): it is "
    "columnar-etl's query of it that failed; run again with --debug and report the error"
)


def read_hint(exc: BaseException, path: Path) -> str:
    """What to do about a failed read of the export, from cheap evidence of its cause, most certain
    first: SQLite calling the file malformed (damage), an I/O error (the disk), the file's header and
    size (:func:`check_file`: a file truncated or replaced since it was opened), else the query itself
    failed (a DuckDB error of binding, converting or planning our SQL, an Arrow error of our batches),
    not the file: before, every one of these said "the file may be corrupt". A full ``PRAGMA
    quick_check`` reads the whole file, so it is named for the damaged case, not run."""
    text = str(exc)
    if any(word in text for word in _DAMAGE_WORDS):
        return (
            "the file is damaged (SQLite says so): copy the export again; "
            "sqlite3 <file> 'PRAGMA quick_check' lists the damage"
        )
    # DuckDB's error classes, without importing DuckDB here (the catalogue serves --help's preflight):
    # an error of DuckDB's is only raised once DuckDB is imported.
    duckdb = sys.modules.get("duckdb")
    duckdb_io = duckdb is not None and isinstance(exc, duckdb.IOException)
    if any(word in text for word in _IO_WORDS) or isinstance(exc, OSError) or duckdb_io:
        return "check the file, its disk and the free space of the temporary directory"
    try:
        check_file(path)
    except SourceError as changed:
        return f"the file is no longer what was opened: {changed.message}; copy the export again"
    return QUERY_FAILED_HINT


#: Longest reason an error line keeps of an engine's message.
REASON_CHARS = 300


def short_reason(exc: BaseException) -> str:
    """The engine's reason for ``exc`` on one line: without the SQL DuckDB quotes when SQLite could not
    prepare a read (``Failed to prepare query "<SQL>": <reason>``, the SQL unescaped; a wide table's
    read is hundreds of kilobytes of it) or its ``LINE n:`` pointer, at most :data:`REASON_CHARS` long."""
    text = re.split(r"\s*LINE \d+:", str(exc), maxsplit=1)[0]
    prefix = 'Failed to prepare query "'
    if text.startswith(prefix) and '": ' in text:
        text = "SQLite could not prepare the read: " + text.rsplit('": ', 1)[1]
    text = " ".join(text.split())
    return text if len(text) <= REASON_CHARS else text[: REASON_CHARS - 1] + "…"


def declared_columns(con: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    """``PRAGMA table_info``'s rows of ``table`` (cid, name, type, notnull, dflt_value, pk) with its
    generated columns, which ``table_info`` does not list: ``table_xinfo``'s rows but a virtual table's
    hidden ones (hidden 1). Every column a UNIQUE constraint, an index or a foreign key may name."""
    rows = con.execute(f"PRAGMA table_xinfo({quote_ident(table)})").fetchall()
    return [tuple(row[:6]) for row in rows if row[6] != 1]


def connect_read_only(path: Path, *, stand_ins: bool = True) -> sqlite3.Connection:
    """A SQLite connection that cannot write (``mode=ro``): the export is never modified.

    ``stand_ins``: with a byte-order stand-in of each collating sequence the schema names and SQLite
    lacks (:func:`~columnar_etl.source.collations.stand_in_collations`), so that a ``count(*)`` choosing
    an index on a ``COLLATE unicase`` column is not refused."""
    try:
        con = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=READ_BUSY_TIMEOUT
        )
    except sqlite3.Error as exc:
        raise read_error(exc, path, message="cannot open the SQLite file", hint="check the file") from exc
    if stand_ins:
        # A file that cannot be read (not a database, say) fails where it is read, with its own error;
        # a locked one fails here, once it has waited READ_BUSY_TIMEOUT: the read would wait again.
        try:
            stand_in_collations(con)
        except sqlite3.DatabaseError as exc:
            if is_lock_error(exc):
                con.close()
                raise read_error(exc, path) from exc
    return con


#: The tables each virtual-table module of SQLite keeps its data in (its *shadow tables*, named
#: ``<virtual table>_<suffix>``; SQLite's documentation of FTS3/4, FTS5 and R*Tree), for a SQLite older
#: than 3.37, whose ``PRAGMA table_list`` does not mark them.
SHADOW_SUFFIXES: dict[str, tuple[str, ...]] = {
    "fts3": ("content", "segments", "segdir", "docsize", "stat"),
    "fts4": ("content", "segments", "segdir", "docsize", "stat"),
    "fts5": ("data", "idx", "content", "docsize", "config"),
    "rtree": ("node", "parent", "rowid"),
    "rtree_i32": ("node", "parent", "rowid"),
    "geopoly": ("node", "parent", "rowid"),
}
#: The full-text modules, whose virtual table's rowid (FTS3/4's ``docid``) names each indexed document.
FULL_TEXT_MODULES = frozenset({"fts3", "fts4", "fts5"})
#: The column a full-text index's rowid arrives as (:func:`takes_document_id`).
DOCUMENT_ID = "rowid"
_VIRTUAL = re.compile(r"\s*CREATE\s+VIRTUAL\s+TABLE\b.*?\bUSING\s+[\"'`\[]?(\w+)", re.IGNORECASE | re.DOTALL)


def virtual_tables(con: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """The export's virtual tables: name → (module, its ``CREATE VIRTUAL TABLE`` statement)."""
    return {
        str(name): (found.group(1).lower(), str(sql))
        for name, sql in con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        if sql and (found := _VIRTUAL.match(str(sql)))
    }


#: The tables every Apple Core Data SQLite store has beside its entities' (the entities' primary keys'
#: high-water marks, the store's metadata plist), and the columns each entity's table has.
CORE_DATA_TABLES = frozenset({"z_primarykey", "z_metadata"})
CORE_DATA_ENTITY_COLUMNS = frozenset({"z_pk", "z_ent", "z_opt"})
#: Core Data's date attributes: seconds (REAL; INTEGER when whole, under the declaration's NUMERIC
#: affinity) since NSDate's reference date, 2001-01-01 00:00:00 UTC.
CORE_DATA_EPOCH = "2001-01-01"


#: The words of a name/value table's name column (``name``, ``key``, ``option_name``, ``meta_key``,
#: ``setting``, ``configKey``): what names the setting each row holds (:func:`setting_values`).
SETTING_NAME_WORDS = frozenset(
    {
        "name",
        "key",
        "setting",
        "option",
        "property",
        "param",
        "parameter",
        "variable",
        "var",
        "attribute",
        "attr",
        "pref",
        "preference",
        "config",
        "meta",
    }
)
#: The last words of its value column's name (``value``, ``option_value``, ``val``), its other words
#: of :data:`SETTING_NAME_WORDS`.
SETTING_VALUE_WORDS = frozenset({"value", "val"})
#: Words naming the kind of value a value column holds when a name/value table keeps one column per
#: kind (``str_value`` beside a boolean ``value``, as peewee models write settings; ``string_value``,
#: ``int_value``, ``bool_value`` of a metadata store): a value column's other words may be these.
SETTING_KIND_WORDS = frozenset(
    {
        "str",
        "string",
        "text",
        "char",
        "int",
        "integer",
        "bool",
        "boolean",
        "float",
        "double",
        "real",
        "num",
        "number",
        "numeric",
        "decimal",
        "json",
        "date",
        "datetime",
        "time",
        "blob",
        "bytes",
    }
)


def setting_values(tables: dict[str, SourceTable], declared: Sequence[SourceIndex]) -> dict[str, SourceTable]:
    """``tables`` with the value column of each name/value table marked (:attr:`SourceColumn.setting_value`).

    A name/value table holds an application's settings, one per row: a column named as a setting's name
    (:data:`SETTING_NAME_WORDS`: ``name``, ``key``, ``option_name``) that the schema makes unique, alone
    or with one or two other columns (a user's settings: ``PRIMARY KEY (user_id, key)``; a user's settings
    per application, Nextcloud's ``PRIMARY KEY (userid, appid, configkey)``, since 2026-12-06), and a
    column named as its value (:data:`SETTING_VALUE_WORDS`: ``value``, ``option_value``; or for the kind
    of value it holds, :data:`SETTING_KIND_WORDS`: ``str_value``, ``int_value``, since 2026-12-06).
    vnStat's ``info`` (``name TEXT UNIQUE``, ``value TEXT``) holds its version ``2.10``, a schema number
    ``1`` and a creation time; WordPress's ``wp_options``, Joplin's ``settings`` are alike. The value is
    of the kind its row's name says, not the column's: numbers written there as TEXT are kept as that text
    (``profile``), and a next quarter's first word of text is no drift. Names alone decide nothing: the
    schema's uniqueness says each name is one setting (a metrics table's repeated names beside their
    readings are no settings)."""
    unique_sets: dict[str, list[tuple[str, ...]]] = {}
    for index in declared:
        if index.unique and not index.partial and None not in index.columns:
            unique_sets.setdefault(index.table, []).append(tuple(str(name) for name in index.columns))
    marked = dict(tables)
    for name, table in tables.items():
        sets = list(unique_sets.get(name, []))
        key = tuple(column.name for column in table.columns if column.primary_key)
        if key:
            sets.append(key)
        named = {
            column
            for columns in sets
            if 1 <= len(columns) <= 3
            for column in columns
            if _setting_words(column, SETTING_NAME_WORDS)
        }
        if not named:
            continue
        values = [
            column.name
            for column in table.columns
            if column.name not in named
            and _setting_words(column.name, SETTING_VALUE_WORDS, SETTING_NAME_WORDS | SETTING_KIND_WORDS)
        ]
        if values:
            marked[name] = replace(
                table,
                columns=tuple(
                    replace(column, setting_value=True) if column.name in values else column
                    for column in table.columns
                ),
            )
    return marked


def _setting_words(name: str, last: frozenset[str], others: frozenset[str] = SETTING_NAME_WORDS) -> bool:
    """Is ``name`` a setting table's column: its last word of ``last``, its others of ``others``
    (:data:`SETTING_NAME_WORDS`: ``option_name``, ``meta_value``; not ``display_name``; a value
    column's may also name its kind, :data:`SETTING_KIND_WORDS`: ``str_value``, ``int_value``, since
    2026-12-06)? A last word that is such words glued in lower case (``configkey``, ``configvalue``,
    ``propertyname``, as many PHP schemas name them: Nextcloud's ``oc_preferences``) is read as those
    words (since 2026-12-06); ``username`` and ``filename`` are no such words."""
    words = camel_words(name)
    if not words:
        return False
    *before, final = words
    glued = re.fullmatch(f"(?:{'|'.join(sorted(SETTING_NAME_WORDS))})+(?:{'|'.join(sorted(last))})", final)
    return (final in last or glued is not None) and all(word in others for word in before)


def core_data_dates(tables: dict[str, SourceTable]) -> dict[str, SourceTable]:
    """``tables`` with each Core Data date attribute's column marked as counting from 2001-01-01.

    In a Core Data store (its ``Z_PRIMARYKEY`` and ``Z_METADATA`` tables; an entity's table has
    ``Z_PK``, ``Z_ENT`` and ``Z_OPT``) a column declared ``TIMESTAMP`` holds seconds since 2001-01-01
    UTC, not since 1970: whole seconds of 10^9 and up (from 2032-09-09) are in the range the profile
    reads as Unix seconds, and 8-digit ones as ``YYYYMMDD`` dates, in another file. Here they are
    numbers (``double precision``, ``bigint``): the instant is one SQL expression away
    (docs/runbook.md), and a number is what the file holds."""
    if not CORE_DATA_TABLES.issubset(name.lower() for name in tables):
        return tables
    marked = {}
    for name, table in tables.items():
        if CORE_DATA_ENTITY_COLUMNS.issubset(column.name.lower() for column in table.columns):
            columns = tuple(
                replace(column, counts_from=CORE_DATA_EPOCH)
                if column.declared_type.strip().upper() == "TIMESTAMP"
                else column
                for column in table.columns
            )
            table = replace(table, columns=columns)
        marked[name] = table
    return marked


def takes_document_id(module: str, columns: Iterable[str]) -> bool:
    """Whether a virtual table of ``module`` with ``columns`` is read with its rowid as a column of its own
    (:data:`DOCUMENT_ID`, first), which is its key: a full-text index none of whose columns is so named.

    The rowid is what ties each row of a full-text index to its document (an application indexes its
    entry ``42`` as the index's row ``42``; an external-content index reads its ``content_rowid``), and
    it alone tells apart two documents of the same text (a page and its translation): without it the
    rows are only their words, unjoinable, and equal ones would be removed as copies. SQLite reads it
    under that name (FTS5 reserves it; an FTS3/4 column so named shadows it, and is read as it is)."""
    return module in FULL_TEXT_MODULES and all(column.lower() != DOCUMENT_ID for column in columns)


def is_language_id(module: str, table: str, column: str) -> bool:
    """Whether ``column``, a hidden column of ``table`` (a virtual table of ``module``), is the language
    id an FTS3/4 index declares (``languageid="lang"``): written with each document, as its rowid is,
    though ``SELECT *`` leaves it out; read as a column of the table. The index's other hidden
    columns (one named as the table, ``docid``: the rowid, and ``__langid``: the language id an index
    without one declared keeps, always 0) are not data."""
    hidden = {table.lower(), "docid", "__langid"}
    return module in {"fts3", "fts4"} and column.lower() not in hidden


#: A full-text index's rowid, as a column (:func:`takes_document_id`).
_DOCUMENT_ID_COLUMN = SourceColumn(
    name=DOCUMENT_ID, declared_type="INTEGER", not_null=True, default=None, primary_key=True
)


#: The column a rowid table's rowid arrives as when other rows refer to it by its rowid alone
#: (:func:`rowid_references`): the name SQLite itself reads it by.
ROWID_KEY = "rowid"
#: SQLite's names of a rowid table's rowid: a table with a column of one of them is read as it is.
ROWID_NAMES = ("rowid", "_rowid_", "oid")


def rowid_references(
    con: sqlite3.Connection, tables: dict[str, SourceTable], skipped: AbstractSet[str] = frozenset()
) -> dict[str, tuple[tuple[str, str], ...]]:
    """The tables whose rows others refer to by their rowid alone, each with the referring columns
    ((table, column), in the catalogue's order).

    A rowid table with no declared primary key (so no rowid alias), no column named as its rowid
    (:data:`ROWID_NAMES`) and none named as its own identifier (``id``, ``customer_id`` in
    ``customers``: :func:`~columnar_etl.source.naming.names_own_identifier`) still has an identity:
    its rowid, which an application reads (``SELECT ROWID, ...``) and writes into other rows
    (``lastInsertId()``): Clementine's ``songs.directory`` holds a ``directories`` rowid. A column
    refers so when its name names the table as its entity (:func:`~columnar_etl.source.naming.names_entity`:
    ``directory`` → ``directories``,
    ``playlist_id`` → ``playlists``; a column of small integers that names nothing is no reference,
    whatever values it holds), and every non-NULL value of it is an INTEGER that is one of the
    table's rowids, at least one of them; ``0`` and negative integers are "no reference" where every
    rowid is above 0 (as for any reference, ``NO_REFERENCES`` of the profile). A column of the table
    itself (a tree) may refer to it when it names the table by its whole name (``parent_folder`` in
    ``folders``; not a link table's ``artist_id`` in ``album_artists``), but not one holding only each
    row's own rowid (a copy of it). A column naming two tables of the export (``movieId``: ``movies``
    and ``persons_movies``) names the one it names by its whole name, else neither. One SQLite query
    per table holding a candidate column (each value found by the parent's rowid B-tree), none when
    no name fits.
    ``skipped``: tables not to read here (virtual tables, those SQLite here cannot scan)."""
    parents = {
        name: table
        for name, table in tables.items()
        if name not in skipped
        and table.rowid is not None
        and not any(column.primary_key for column in table.columns)
        and not any(column.name.lower() in ROWID_NAMES for column in table.columns)
        # A column named as the table's own identifier (``customer_id`` in ``customers``) is what its
        # rows are named by, even undeclared: its numbers may run as the rowids do, by chance.
        and not any(names_own_identifier(column.name, name) for column in table.columns)
    }
    if not parents:
        return {}
    # The tables each entity names (names_entity, inverted: a wide export's columns by its tables).
    naming: dict[bool, dict[str, list[str]]] = {False: {}, True: {}}
    for camel, index in naming.items():
        for other in tables:
            for entity in entity_of(other, table=True, camel=camel):
                index.setdefault(entity, []).append(other)
    referred: dict[str, tuple[tuple[str, str], ...]] = {}
    for name, table in tables.items():
        if name in skipped:
            continue
        candidates: list[tuple[str, str]] = []
        for declared in table.columns:
            index = naming[names_by_id_word(declared.name)]
            entities = entity_of(declared.name, glued_id=True)
            named = list(dict.fromkeys(other for entity in entities for other in index.get(entity, ())))
            if len(named) > 1:
                # ``movieId`` names ``movies`` and the link table ``persons_movies`` alike: the one it
                # names by its whole name, if one; else it tells none.
                named = [other for other in named if table_singulars(other) & entities]
            # A table's own column must name it by its whole name (a link table's ``artist_id``
            # names the artists it links, not ``album_artists``).
            if (
                len(named) == 1
                and named[0] in parents
                and (named[0] != name or entity_of(declared.name, glued_id=True) & table_singulars(name))
            ):
                candidates.append((declared.name, named[0]))
        if not candidates:
            continue
        cases = []
        for at, (column, parent) in enumerate(candidates):
            cell = f"c.{quote_ident(column)}"
            rowids = parents[parent].rowid
            assert rowids is not None
            # A tree's column holding each row's own rowid is a copy of it, no reference (2).
            held = f"CASE WHEN {cell} = c.rowid THEN 2 ELSE 1 END" if parent == name else "1"
            none = f"WHEN {cell} <= 0 THEN 0 " if rowids[1] > 0 else ""
            cases.append(
                f"CASE WHEN {cell} IS NULL THEN NULL WHEN typeof({cell}) <> 'integer' THEN -1 "
                f"WHEN EXISTS (SELECT 1 FROM {quote_ident(parent)} AS p WHERE p.rowid = {cell}) "
                f"THEN {held} {none}ELSE -1 END AS x{at}"
            )
            # The rows naming a rowid other than 1, and those holding 0: a column of 0s and 1s alone is
            # a flag (CherryTree's ``node.has_codebox`` beside its keyless ``codebox``), whose 1 fits
            # any table's first row, as the pair 0, 1 is no reference found in the data (MIN_DISTINCT).
            cases.append(f"{cell} AS v{at}")
        counts = ", ".join(
            f"sum(x{at} = 1), sum(x{at} = -1), sum(x{at} = 1 AND v{at} <> 1), sum(x{at} = 0 AND v{at} = 0)"
            for at in range(len(candidates))
        )
        row = con.execute(
            f"SELECT {counts} FROM (SELECT {', '.join(cases)} FROM {quote_ident(name)} AS c)"
        ).fetchone()
        for at, (column, parent) in enumerate(candidates):
            held, misfits, beyond, zeros = row[4 * at : 4 * at + 4]
            flag = not beyond and bool(zeros)
            if (held or 0) > 0 and not misfits and not flag:
                referred[parent] = (*referred.get(parent, ()), (name, column))
    return referred


#: :func:`rowid_references` of the files read in this process, by their state (:func:`_file_state`):
#: a run opens the export many times (gates, profile, cleaner, loader checks), and the answer needs
#: a scan of each table holding a candidate column.
_ROWID_REFERENCES: dict[tuple[Any, ...], dict[str, tuple[tuple[str, str], ...]]] = {}


def _file_state(path: Path) -> tuple[Any, ...] | None:
    """The file and its ``-wal`` as the system sees them (device, inode, size, modification time), or
    None when either cannot be read: what a change of the export changes."""
    state: list[Any] = [str(path.resolve())]
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            found = file.stat()
        except FileNotFoundError:
            state.append(None)
            continue
        except OSError:
            return None
        state.append((found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns))
    return tuple(state)


def _rowid_references_once(
    con: sqlite3.Connection, path: Path, tables: dict[str, SourceTable], skipped: AbstractSet[str]
) -> dict[str, tuple[tuple[str, str], ...]]:
    """:func:`rowid_references`, asked of SQLite once per state of the file in a process."""
    state = _file_state(path)
    if state is not None and state in _ROWID_REFERENCES:
        return _ROWID_REFERENCES[state]
    found = rowid_references(con, tables, skipped)
    if state is not None:
        if len(_ROWID_REFERENCES) >= 64:
            _ROWID_REFERENCES.clear()
        _ROWID_REFERENCES[state] = found
    return found


#: A rowid others refer to, as a column (:func:`rowid_references`): SQLite keeps it unique and non-null.
_ROWID_KEY_COLUMN = replace(_DOCUMENT_ID_COLUMN, name=ROWID_KEY)


def internal_tables(
    con: sqlite3.Connection, virtual: dict[str, tuple[str, str]] | None = None
) -> dict[str, str]:
    """The export's tables that are the storage of one of its virtual tables (a full-text index's
    segments and settings, an R*Tree's nodes), each with what it belongs to.

    They are SQLite's own bookkeeping, written and read only through their virtual table (whose rows
    are the data, and are loaded): loaded as tables they would carry binary index pages into the
    target and weigh on its quality score. SQLite names them (``PRAGMA table_list``, type ``shadow``,
    for the modules it has); before 3.37, a table named as its module names its shadow tables
    (:data:`SHADOW_SUFFIXES`) after a virtual table of that module is one. Either way, not a table the
    virtual table's own statement names: SQLite goes by the name alone, and an index's external
    ``content=`` table may be named like its storage (``notes_content`` for ``notes``).
    ``virtual``: :func:`virtual_tables`, when the caller has read them already.
    """
    virtual = virtual_tables(con) if virtual is None else virtual
    if not virtual:
        return {}
    tables = [str(row[0]) for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    try:
        shadows: set[str] | None = {
            str(row[1]) for row in con.execute("PRAGMA table_list") if row[2] == "shadow"
        }
    except sqlite3.DatabaseError:  # SQLite before 3.37
        shadows = None
    internal: dict[str, str] = {}
    for owner, (module, sql) in virtual.items():
        content = {name.lower() for name in _content_tables(sql)}
        prefix = f"{owner}_"
        for name in tables:
            if name in virtual or not name.startswith(prefix):
                continue
            if shadows is not None:
                shadow = name in shadows
            else:
                shadow = name[len(prefix) :] in SHADOW_SUFFIXES.get(module, ())
            # SQLite goes by the name alone: the table an index reads its rows from (``content=``)
            # may be named like its storage, and holds data.
            if shadow and name.lower() not in content:
                internal[name] = f"storage of the {module} virtual table {owner!r}"
    return internal


#: A ``content=`` option of an FTS4/FTS5 statement and the table it names (quoted or bare).
_CONTENT_OPTION = re.compile(
    r"""\bcontent\s*=\s*(?:'((?:[^']|'')*)'|"((?:[^"]|"")*)"|\[([^\]]*)\]|`([^`]*)`|([^\s,)]+))""",
    re.IGNORECASE,
)


def _content_tables(sql: str) -> list[str]:
    """The tables a virtual table's statement names as its rows' ``content=`` (external content): not
    its storage, though SQLite may call them so (not a column named like one: ``docs_data_note``)."""
    found = []
    for match in _CONTENT_OPTION.finditer(sql):
        single, double, bracket, backtick, bare = match.groups()
        name = next(part for part in (single, double, bracket, backtick, bare) if part is not None)
        found.append(name.replace("''", "'") if single is not None else name.replace('""', '"'))
    return found


def documents_table(module: str, sql: str, tables: Sequence[str], own_copy: str | None = None) -> str | None:
    """The table holding the documents of a full-text index SQLite here cannot read, when it loads:
    the index's own copy of them, ``own_copy`` (:func:`own_copies`), for one that keeps its documents
    itself; its ``content=`` table when that is one of the export's plain ``tables`` (calibre's
    ``books_fts`` over ``books_text``, with a tokenizer only calibre registers; Readeck's
    ``bookmark_idx`` over ``bookmark``, whose columns a trigger fills); else None: its documents are
    elsewhere (a view, a table the export lacks), or in the index alone (contentless), or it is no
    full-text index (``vec0``, an R*Tree of an unknown module).

    A ``content=`` name qualified by the schema the application attached the file as, which SQLite
    takes whole (calibre's ``content = 'fts_db.books_text'``: its index is created in the attached
    ``fts_db``, and its triggers fill it from ``books_text``), names the file's table of the name
    after the dot, when the file has no table of the whole name."""
    if module not in FULL_TEXT_MODULES:
        return None
    if own_copy is not None:
        return own_copy
    lowered = {table.lower(): table for table in tables}
    for name in _content_tables(sql):
        if not name:
            continue
        found = lowered.get(name.lower())
        if found is None and "." in name:
            found = lowered.get(name.split(".", 1)[1].lower())
        if found is not None:
            return found
    return None


#: How a full-text index's reason names the table holding its documents (:func:`documents_said`).
DOCUMENTS_ARE = "; its documents are the rows of table"


def documents_said(table: str, own_copy: str | None) -> str:
    """What a full-text index SQLite here cannot read leaves loaded, its documents' ``table``
    (:func:`documents_table`): ``; its documents are the rows of table 'docs' (its content=), which
    loads`` for an external-content index; ``; its documents are the rows of table 'notes_content'
    (its own copy of them), which loads`` for one that keeps its documents itself (``own_copy``)."""
    how = "its own copy of them" if own_copy is not None else "its content="
    return f"{DOCUMENTS_ARE} {table!r} ({how}), which loads"


def own_copies(
    con: sqlite3.Connection, virtual: dict[str, tuple[str, str]], internal: dict[str, str]
) -> dict[str, str]:
    """Per full-text index SQLite here cannot read for want of its tokenizer (one only the writing
    application registers: Thunderbird's ``mozporter``, Geary's ``geary_tokeniser``) that keeps its
    documents itself (no ``content=``: neither external content nor contentless), the storage table
    holding its copy of them, ``<index>_content`` (FTS3/4: ``docid`` then ``c0<column>``…; FTS5: ``id``
    then ``c0``…, SQLite's documentation), among ``internal`` (:func:`internal_tables`).

    That copy is a plain table SQLite reads without the tokenizer, and may hold the only copy of the
    documents in the file (gloda's message bodies): it loads as it is, as a missing module's storage
    does, where the index itself cannot."""
    copies: dict[str, str] = {}
    lowered = {name.lower(): name for name in internal}
    for owner, (module, sql) in virtual.items():
        content = lowered.get(f"{owner}_content".lower())
        if module not in FULL_TEXT_MODULES or _content_tables(sql) or content is None:
            continue
        try:
            con.execute(f"PRAGMA table_xinfo({quote_ident(owner)})").fetchall()
        except sqlite3.OperationalError as exc:
            if "tokenizer" in str(exc):
                copies[owner] = content
    return copies


def contentless(sql: str) -> bool:
    """Whether a full-text index's statement makes it *contentless* (``content=''`` or ``content=""``:
    SQLite's documentation of FTS4 and FTS5): it keeps its documents' tokens, no copy of the documents,
    so it has no values to read (FTS4 refuses a scan, FTS5 returns NULL for every column)."""
    return "" in _content_tables(sql)


def _unscannable(con: sqlite3.Connection, name: str, module: str, sql: str) -> str | None:
    """Why SQLite here cannot read the rows of the virtual table ``name`` although it knows its columns,
    or None when it can: a contentless full-text index (:func:`contentless`); an external-content index
    whose ``content=`` table the export lacks ("no such table") or whose columns that table lacks ("no
    such column": the application's triggers fill them from others); any other refusal of a scan, in
    SQLite's words. Such a table is left out, as one whose module is missing (with a warning, unless
    it is a full-text index whose documents load: :func:`documents_table`): before, its row count
    failed and the preflight called the sound file corrupt (exit 3)."""
    if module in ("fts3", "fts4", "fts5") and contentless(sql):
        return (
            f"a contentless {module} index: it keeps its documents' tokens, no copy of the documents, "
            "so there are no values to load"
        )
    try:
        con.execute(f"SELECT * FROM {quote_ident(name)} LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        if is_lock_error(exc):
            raise
        return f"a {module} virtual table whose rows SQLite cannot read ({exc})"
    return None


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


@dataclass(frozen=True)
class Catalogue:
    """What SQLite's own catalogue says of the export (:func:`read_catalogue`)."""

    tables: dict[str, SourceTable]
    #: Tables left out as a virtual table's storage (:func:`internal_tables`), each with its owner.
    internal: dict[str, str]
    #: Virtual tables that cannot be read here and whose data does not arrive otherwise, each with why.
    unreadable: dict[str, str]
    #: The database's text encoding (``PRAGMA encoding``): ``UTF-8``, ``UTF-16le`` or ``UTF-16be``.
    encoding: str = "UTF-8"
    #: The export's views (:func:`views`), each with why it is not loaded.
    views: dict[str, str] = field(default_factory=dict)
    #: The indexes of the tables read here (:func:`indexes`).
    indexes: tuple[SourceIndex, ...] = ()
    #: The export's triggers (:func:`triggers`), each with the table it acts on.
    triggers: dict[str, str] = field(default_factory=dict)
    #: Tables (among :attr:`tables`) that DuckDB's SQLite cannot read as the export stores them:
    #: WITHOUT ROWID tables kept in the order of a collating sequence only the writing application
    #: has, each with why (:func:`refused_without_collations`); read through the reader's private
    #: copy, rebuilt there without it (:mod:`.collations`).
    collation_keyed: dict[str, str] = field(default_factory=dict)
    #: Full-text indexes (FTS3/4/5) SQLite here cannot read whose documents load all the same (their
    #: ``content=`` table, or their own copy of them: :func:`documents_table`), each with why: not
    #: loaded, as the export's own indexes are not copied, and no warning (none of the data is missing).
    full_text: dict[str, str] = field(default_factory=dict)
    #: Per index of :attr:`full_text`, the table (among :attr:`tables`) holding its documents.
    documents: dict[str, str] = field(default_factory=dict)


_CHECK_IN = re.compile(
    r"""\bCHECK\s*\(\s*(?:"((?:[^"]|"")+)"|`([^`]+)`|\[([^\]]+)\]|([A-Za-z_][A-Za-z0-9_$]*))\s+IN\s*\("""
    r"""\s*((?:'(?:[^']|'')*'\s*,\s*)*'(?:[^']|'')*')\s*\)\s*\)""",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"'((?:[^']|'')*)'")


def declared_choices(sql: str | None) -> dict[str, tuple[str, ...]]:
    """The values each column's ``CHECK (column IN ('a', 'b', ...))`` in a ``CREATE TABLE`` statement
    allows, by the column's name lower-cased (a column constraint or a table constraint, the name bare
    or quoted; string literals only, ``''`` read as one quote). A CHECK of any other form says nothing
    here. Two such CHECKs on one column: the values of both (each value is evidence of the column's
    domain, and a reading of the statement's text may take a CHECK inside a string for one: it can
    only make a type wider, text rather than boolean)."""
    found: dict[str, tuple[str, ...]] = {}
    for match in _CHECK_IN.finditer(sql or ""):
        quoted, ticked, bracketed, bare, values = match.groups()
        name = (quoted.replace('""', '"') if quoted else ticked or bracketed or bare).lower()
        listed = tuple(v.replace("''", "'") for v in _QUOTED.findall(values))
        found[name] = (*found.get(name, ()), *listed)
    return found


#: A ``CREATE TABLE`` statement's tokens: comments, string literals, quoted names, words, one character.
_SQL_TOKEN = re.compile(
    r"""--[^\n]*|/\*.*?(?:\*/|$)|'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]"""
    r"""|[A-Za-z_][A-Za-z0-9_$]*|\S""",
    re.DOTALL,
)
#: The first word of a table constraint in a ``CREATE TABLE``'s list, which names no column.
_TABLE_CONSTRAINTS = frozenset({"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"})


def _unquoted(name: str) -> str:
    if name[:1] in ('"', "`") and len(name) > 1:
        return name[1:-1].replace(name[0] * 2, name[0])
    if name[:1] == "[":
        return name[1:-1]
    return name


def declared_nullable(sql: str | None) -> frozenset[str]:
    """The columns a ``CREATE TABLE`` statement declares ``NULL`` (the column constraint, as in
    ``size int8 NULL``), by name lower-cased: the application says NULL is one of the column's values.
    ``NOT NULL``, ``DEFAULT NULL`` (a default, no constraint), a ``NULL`` in parentheses (a CHECK, a
    default expression), in a string or a comment, or a column named ``"NULL"`` declare nothing."""
    tokens = [t for t in _SQL_TOKEN.findall(sql or "") if not t.startswith(("--", "/*"))]
    if "(" not in tokens:
        return frozenset()
    found: set[str] = set()
    definition: list[str] = []  # the definition's words outside parentheses
    depth = 0
    for token in [*tokens[tokens.index("(") + 1 :], ","]:
        if token == "(":
            depth += 1
        elif token == ")" and depth:
            depth -= 1
        elif token in (",", ")") and not depth:
            if definition and definition[0].upper() not in _TABLE_CONSTRAINTS:
                words = [word.upper() for word in definition]
                if any(
                    word == "NULL" and words[at - 1] not in ("NOT", "DEFAULT")
                    for at, word in enumerate(words[1:], start=1)
                ):
                    found.add(_unquoted(definition[0]).lower())
            definition = []
            if token == ")":
                break
        elif not depth:
            definition.append(token)
    return frozenset(found)


def read_catalogue(path: Path) -> Catalogue:
    """Tables, declared column types and row counts from SQLite itself, opened read-only; the tables
    left out as a virtual table's storage (:func:`internal_tables`), each with its owner; the virtual
    tables that cannot be read here, each with why; the database's text encoding; its views, which are
    not loaded (:func:`views`); its indexes (:func:`indexes`) and triggers (:func:`triggers`).

    A virtual table's rows are computed by its module (an application's own, or an extension such as
    sqlite-vec's ``vec0``): a SQLite without that module cannot read them, nor list the table's
    columns ("no such module"). Such a table is left out (the run warns), not taken for damage: the
    file is sound, and its other tables load. Its storage tables, plain tables, load as they are.
    A full-text index SQLite here cannot read whose documents load all the same (its ``content=``
    table, or its own copy of them: :func:`documents_table`) is listed apart
    (:attr:`Catalogue.full_text`): it is derived from them, as the export's own indexes are, and its
    leaving out is no warning.
    A WITHOUT ROWID table kept in the order of a collating sequence only the writing application
    defines is listed (:attr:`Catalogue.collation_keyed`) and read: the reader's SQLite needs it rebuilt.
    """
    con = connect_read_only(path)
    try:
        virtual = virtual_tables(con)
        internal = internal_tables(con, virtual)
        # An index read without its tokenizer leaves its own copy of its documents to load.
        copies = own_copies(con, virtual, internal)
        for copy in copies.values():
            del internal[copy]
        # Virtual tables SQLite here cannot read, each with why and its own copy of its documents.
        left_out: dict[str, tuple[str, str | None]] = {}
        # Each table's CREATE statement too: its CHECK lists (declared_choices).
        statements = {
            row[0]: row[1]
            for row in con.execute(
                "SELECT name, sql FROM sqlite_master "
                "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"
            )
            if row[0] not in internal
        }
        names = list(statements)
        tables: dict[str, SourceTable] = {}
        collation_keyed: dict[str, str] = {}
        missing = missing_collations(con)
        for name in names:
            try:
                info = con.execute(f"PRAGMA table_xinfo({quote_ident(name)})").fetchall()
            except sqlite3.OperationalError as exc:
                if name not in virtual:
                    raise
                module = virtual[name][0]
                # FTS5 is here, but not the tokenizer an application registers (calibre's): say which.
                part = "tokenizer" if "tokenizer" in str(exc) else "module"
                left_out[name] = (
                    f"a {module} virtual table, whose {part} SQLite here lacks ({exc})",
                    copies.get(name),
                )
                continue
            if name in virtual and (why := _unscannable(con, name, *virtual[name])):
                # An external-content index whose columns its content table lacks (a trigger fills
                # them from others: Readeck's bookmark_idx) indexes rows that load all the same.
                left_out[name] = (why, None)
                continue
            if missing and name not in virtual and (lacking := refused_without_collations(path, name)):
                # Read all the same: through the reader's private copy, rebuilt there without it.
                collation_keyed[name] = (
                    f"a WITHOUT ROWID table kept in the order of a collating sequence SQLite here lacks "
                    f"({', '.join(missing)}: the application that wrote the export defines it; {lacking})"
                )
            # table_xinfo: table_info's columns and the generated ones (hidden 2: virtual, 3: stored);
            # hidden 1 is a virtual table's hidden column (an FTS5 index's rank), not data, but for
            # the language id an FTS4 index declares.
            module = virtual[name][0] if name in virtual else ""
            info = [row for row in info if row[6] != 1 or is_language_id(module, name, row[1])]
            key_size = sum(1 for row in info if row[5])
            choices = declared_choices(statements[name])
            columns = tuple(
                SourceColumn(
                    name=row[1],
                    declared_type=row[2] or "",
                    not_null=bool(row[3]),
                    default=row[4],
                    primary_key=bool(row[5]),
                    composite_key=bool(row[5]) and key_size > 1,
                    generated=row[6] in (2, 3),
                    choices=choices.get(str(row[1]).lower()),
                )
                for row in info
            )
            if takes_document_id(module, [c.name for c in columns]):
                columns = (_DOCUMENT_ID_COLUMN, *columns)
            tables[name] = SourceTable(
                name=name, columns=columns, path=path, rowid=_rowid_range(con, name, columns)
            )
        for name, referrers in _rowid_references_once(
            con, path, tables, {*virtual, *collation_keyed}
        ).items():
            columns = (_ROWID_KEY_COLUMN, *tables[name].columns)
            tables[name] = replace(
                tables[name],
                columns=columns,
                rowid=_rowid_range(con, name, columns),
                rowid_referrers=referrers,
            )
        # A full-text index whose documents load (its content= table, its own copy of them) is derived
        # data, as the export's own indexes are: named, no warning. Any other is data that does not
        # arrive (vec0's vectors, a contentless index's only trace of its documents): a warning.
        unreadable: dict[str, str] = {}
        full_text: dict[str, str] = {}
        documents: dict[str, str] = {}
        plain = [name for name in tables if name not in virtual]
        for name, (why, own_copy) in left_out.items():
            found = documents_table(*virtual[name], plain, own_copy)
            if found is None:
                unreadable[name] = why
            else:
                full_text[name] = why + documents_said(found, own_copy)
                documents[name] = found
        tables = core_data_dates(tables)
        declared_indexes = indexes(con, list(tables))
        tables = setting_values(tables, declared_indexes)
        (encoding,) = con.execute("PRAGMA encoding").fetchone() or ("UTF-8",)
        return Catalogue(
            tables,
            internal,
            unreadable,
            str(encoding),
            views(con),
            declared_indexes,
            triggers(con),
            collation_keyed,
            full_text,
            documents,
        )
    except sqlite3.DatabaseError as exc:
        if _UNDECODABLE_NAME in str(exc):
            # A name written in another encoding (cp1252 'Priorité'): SQL, which must name the table
            # to read it, is UTF-8 text and cannot spell it. Not damage: the file is intact.
            raise SourceError(
                f"a table or column name is not valid UTF-8 ({exc})",
                path=path,
                hint="rename it in the export with a tool that writes UTF-8 (ALTER TABLE ... RENAME ...); "
                "source_encoding_fallback decodes values, not names",
            ) from exc
        raise unparsable_here(path, exc) or read_error(
            exc, path, message="SQLite file is corrupt", hint="copy the export again"
        ) from exc
    finally:
        con.close()


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


#: What Python's sqlite3 says of a catalogue text (a name, a statement) that is not UTF-8.
_UNDECODABLE_NAME = "Could not decode to UTF-8"


def count_rows(path: Path, table: str) -> int:
    con = connect_read_only(path)
    try:
        return _count(con, path, table)
    finally:
        con.close()


def count_tables(path: Path, tables: Sequence[SourceTable]) -> dict[str, int]:
    """Each table's :attr:`SourceTable.row_count`, those not counted yet counted over one connection
    (a connection each read the schema each time, for its collations: an export of 200 small tables
    took its preflight 0.4 s)."""
    wanted = [table for table in tables if "row_count" not in table.__dict__]
    if wanted:
        con = connect_read_only(path)
        try:
            for table in wanted:
                # The cached_property's own slot (a frozen dataclass: as cached_property itself writes it).
                table.__dict__["row_count"] = _count(con, path, table.name)
        finally:
            con.close()
    return {table.name: table.row_count for table in tables}


def largest_records(path: Path) -> dict[str, int] | None:
    """Each b-tree's largest record (a row's header and values, bytes) as SQLite's ``dbstat`` reads it
    from the pages' cell headers, by the name of its table or index; None when the SQLite of Python
    was built without ``dbstat`` (or cannot read the schema). It reads every page once (overflow
    chains too) and decodes no value: the wide export of 91 MB in 0.03-0.04 s warm (2026-12-04; 0.25 s
    once on a more loaded machine), where a scan of every cell's length took 4.4 s. A writer's lock
    is raised, not taken for a missing ``dbstat`` (which would have every table's cells measured)."""
    con = connect_read_only(path, stand_ins=False)
    try:
        rows = con.execute("SELECT name, mx_payload FROM dbstat WHERE aggregate = TRUE").fetchall()
    except sqlite3.OperationalError as exc:
        if is_lock_error(exc):
            raise read_error(exc, path) from exc
        return None
    finally:
        con.close()
    return {str(name): int(most or 0) for name, most in rows}


def _count(con: sqlite3.Connection, path: Path, table: str) -> int:
    try:
        (count,) = con.execute(f"SELECT count(*) FROM {quote_ident(table)}").fetchone() or (0,)
        return int(count)
    except sqlite3.DatabaseError as exc:
        raise read_error(
            exc, path, table=table, message="SQLite file is corrupt", hint="copy the export again"
        ) from exc


def _rowid_range(
    con: sqlite3.Connection, table: str, columns: tuple[SourceColumn, ...]
) -> tuple[str, int, int] | None:
    """The unshadowed rowid alias of ``table`` and its lowest/highest value (two B-tree seeks)."""
    names = {column.name.lower() for column in columns}
    alias = next((a for a in ("rowid", "_rowid_", "oid") if a not in names), None)
    if alias is None:
        return None
    try:
        # Two scalar subqueries: SQLite seeks the B-tree's ends only for a lone min() or max(); both in
        # one SELECT scan the whole table.
        quoted = quote_ident(table)
        low, high = con.execute(
            f"SELECT (SELECT min({alias}) FROM {quoted}), (SELECT max({alias}) FROM {quoted})"
        ).fetchone()
    except sqlite3.OperationalError:  # WITHOUT ROWID
        return None
    if not isinstance(low, int) or not isinstance(high, int):
        return None  # empty table
    return alias, low, high
