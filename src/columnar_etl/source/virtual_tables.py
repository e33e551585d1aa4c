"""Virtual tables of the export: full-text indexes (FTS3/4/5) and their shadow tables, R*Trees and the
like. Which tables are a module's internals (never loaded), whose rows are another table's documents,
and which keep their own copy of the text."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence

from columnar_etl.pg.identifiers import quote_ident

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
