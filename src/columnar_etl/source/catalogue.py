"""The export's catalogue, read through SQLite itself, read-only: its tables and their declared columns
(from ``sqlite_master`` and ``PRAGMA table_info``: evidence only), with what else the schema holds
(views, indexes, triggers, virtual tables' internals, rowid references) and the tables' row counts.

The file's own checks and read errors are :mod:`.sqlite_file`'s; a table and its columns are
:mod:`.tables`'.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from columnar_etl.errors import SourceError
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.collations import missing_collations
from columnar_etl.source.conventions import core_data_dates, setting_values
from columnar_etl.source.declarations import declared_choices
from columnar_etl.source.rowid_references import ROWID_KEY, rowid_references_once
from columnar_etl.source.schema_objects import (
    SourceIndex,
    indexes,
    refused_without_collations,
    triggers,
    unparsable_here,
    views,
)
from columnar_etl.source.sqlite_file import (
    connect_read_only,
    is_lock_error,
    read_error,
    table_rows,
)
from columnar_etl.source.tables import SourceColumn, SourceTable
from columnar_etl.source.virtual_tables import (
    DOCUMENT_ID,
    contentless,
    documents_said,
    documents_table,
    internal_tables,
    is_language_id,
    own_copies,
    takes_document_id,
    virtual_tables,
)

#: A full-text index's rowid, as a column (:func:`takes_document_id`).
_DOCUMENT_ID_COLUMN = SourceColumn(
    name=DOCUMENT_ID, declared_type="INTEGER", not_null=True, default=None, primary_key=True
)


#: A rowid others refer to, as a column (:func:`rowid_references`): SQLite keeps it unique and non-null.
_ROWID_KEY_COLUMN = replace(_DOCUMENT_ID_COLUMN, name=ROWID_KEY)


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
        for name, referrers in rowid_references_once(con, path, tables, {*virtual, *collation_keyed}).items():
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


#: What Python's sqlite3 says of a catalogue text (a name, a statement) that is not UTF-8.
_UNDECODABLE_NAME = "Could not decode to UTF-8"


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
                table.__dict__["row_count"] = table_rows(con, path, table.name)
        finally:
            con.close()
    return {table.name: table.row_count for table in tables}


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
