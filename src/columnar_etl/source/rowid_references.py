"""Columns naming another table's rows by their rowid, which no declared key shows (SQLite's implicit
``rowid``): found from the columns' names and the tables' rowids, once per file state."""

from __future__ import annotations

import sqlite3
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.naming import (
    entity_of,
    names_by_id_word,
    names_in_plural,
    names_own_identifier,
    table_singulars,
)
from columnar_etl.source.schema_objects import indexes
from columnar_etl.source.tables import SourceTable

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
    rowid is above 0 (as for any reference, ``NO_REFERENCES`` of the profile). A table a declared
    UNIQUE index identifies (:func:`identified_by_unique_index`) is named by that key, not by its
    rowid. A column of the table itself (a tree) may refer to it when it names the table by its whole
    name (``parent_folder`` in ``folders``; not a link table's ``artist_id`` in ``album_artists``), but
    not one holding only each row's own rowid (a copy of it). A column naming two tables of the export
    (``movieId``: ``movies`` and ``persons_movies``) names the one it names by its whole name, else
    neither. A column whose schema declares it a foreign key of another table refers to that table, not
    by rowid here, whatever its name says (the schema first: keys and references are read from it
    before the data). One SQLite query
    per table holding a candidate column (each value found by the parent's rowid B-tree), none when
    no name fits.
    A column named in the plural counts or lists such rows and holds none's rowid
    (:func:`~columnar_etl.source.naming.names_in_plural`; since 2026-12-07). A column every value of
    which the parent's own column of the same name holds too (dlt's ``_dlt_pipeline_state.version``
    beside ``_dlt_version.version``) holds that column's kind of value, which the rowids match by
    chance: no reference by rowid (since 2026-12-07).
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
    identified: dict[str, bool] = {}

    def named_by_unique_index(table: str) -> bool:
        if table not in identified:
            identified[table] = identified_by_unique_index(con, table)
        return identified[table]

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
            if names_in_plural(declared.name):
                # A name in the plural counts or lists the rows it names, holds no one row's rowid:
                # deCONZ's ``source_routes.hops``, each route's number of ``source_route_hops`` (2, 3),
                # was a reference to that keyless table's rowids until 2026-12-07.
                continue
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
                and not named_by_unique_index(named[0])
            ):
                candidates.append((declared.name, named[0]))
        if candidates:
            # A column the schema declares a reference to another table refers there (evcc's
            # ``meters.meter`` to ``entities``), whatever its name says of its own table.
            declared_parents = _declared_parents(con, name)
            candidates = [
                (column, parent)
                for column, parent in candidates
                if declared_parents.get(column.lower(), parent.lower()) == parent.lower()
            ]
        if not candidates:
            continue
        cases = []
        # Per candidate: its parent has a column of its name (the kind of value it may hold instead).
        namesakes: list[bool] = []
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
            # The rows whose value the parent's own column of the same name does not hold (none: the
            # column holds that column's values, and its rowids match them by chance).
            namesake = _namesake(parents[parent], column) if parent != name else None
            namesakes.append(namesake is not None)
            apart = "0"
            if namesake is not None:
                there = f"p.{quote_ident(namesake)}"
                held_there = f"SELECT {there} FROM {quote_ident(parent)} AS p WHERE {there} IS NOT NULL"
                apart = f"{cell} IS NOT NULL AND {cell} NOT IN ({held_there})"
            cases.append(f"{apart} AS n{at}")
        counts = ", ".join(
            f"sum(x{at} = 1), sum(x{at} = -1), sum(x{at} = 1 AND v{at} <> 1), sum(x{at} = 0 AND v{at} = 0), "
            f"sum(n{at})"
            for at in range(len(candidates))
        )
        row = con.execute(
            f"SELECT {counts} FROM (SELECT {', '.join(cases)} FROM {quote_ident(name)} AS c)"
        ).fetchone()
        for at, (column, parent) in enumerate(candidates):
            held, misfits, beyond, zeros, apart = row[5 * at : 5 * at + 5]
            flag = not beyond and bool(zeros)
            # Every value one of the parent's namesake column's: that column's kind (dlt's
            # ``_dlt_pipeline_state.version`` beside ``_dlt_version.version``), no rowid shown.
            its_namesakes = namesakes[at] and not apart
            if (held or 0) > 0 and not misfits and not flag and not its_namesakes:
                referred[parent] = (*referred.get(parent, ()), (name, column))
    return referred


def _namesake(parent: SourceTable, column: str) -> str | None:
    """The parent's own column of ``column``'s name (SQLite compares names without case), if any."""
    return next((c.name for c in parent.columns if c.name.lower() == column.lower()), None)


def _declared_parents(con: sqlite3.Connection, table: str) -> dict[str, str]:
    """The columns of ``table`` its schema declares foreign keys of, each with the table it names
    (both lower case; SQLite compares names so)."""
    try:
        declared = con.execute(f"PRAGMA foreign_key_list({quote_ident(table)})").fetchall()
    except sqlite3.OperationalError:
        return {}
    return {str(row[3]).lower(): str(row[2]).lower() for row in declared}


def identified_by_unique_index(con: sqlite3.Connection, table: str) -> bool:
    """Whether a declared UNIQUE index or constraint of ``table`` (not partial, over its columns, no
    expression) holds a value in each of its columns in every row: then that key names the table's
    rows (MyBible's ``verses`` by book, chapter and verse), as other rows name them too, and its rowid
    is no identity they use. A number column named for the table (``stories.verse``: a verse number)
    then merely fits its rowids. One query per such index, only for a table a column names."""
    for index in indexes(con, [table]):  # a keyless table's: none is a primary key's own
        columns = [column for column in index.columns if column is not None]  # None: an expression
        if not index.unique or index.partial or not columns or len(columns) < len(index.columns):
            continue
        nulls = " OR ".join(f"{quote_ident(column)} IS NULL" for column in columns)
        if con.execute(f"SELECT NOT EXISTS (SELECT 1 FROM {quote_ident(table)} WHERE {nulls})").fetchone()[0]:
            return True
    return False


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


def rowid_references_once(
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
