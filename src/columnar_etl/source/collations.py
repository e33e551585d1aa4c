"""Collating sequences the export's schema names and SQLite here lacks: stand-ins for reading.

An application may define its own collating sequence and declare columns with it: Anki's collections
(``name text not null collate unicase``, since Anki 2.1.28), Android's databases (``COLLATE LOCALIZED``,
``COLLATE UNICODE``). Only that application's SQLite knows it. Any other SQLite can still read the rows of
a table in the order they are stored, but refuses every statement that needs the collation to plan
("no such collation sequence: unicase"): a ``count(*)`` that picks an index on such a column, an
integrity check of such an index. The file is not damaged.

Reading never depends on how such a collation orders text: the rows are read whole, in storage order,
and loaded as bytes. So a connection that reads the export gets a stand-in of each missing name
(:func:`stand_in_collations`) that compares bytes, as ``BINARY`` does. Only what checks an index's order
against its collation (``PRAGMA integrity_check``, not ``quick_check``) would find fault with the
stand-in: it is not run with one (:func:`missing_collations` tells when).

A ``WITHOUT ROWID`` table whose primary key uses such a collation is stored *in* that order, and SQLite
cannot open it at all without the collation ("no query solution"); DuckDB's SQLite, which reads the
data, cannot be given a stand-in. Such a table is read through the reader's private copy
(:mod:`~columnar_etl.source.private_copy`), in which it is rebuilt with ``BINARY`` in place of the
missing names (:func:`binary_in_place_of`): the same columns, declared types, constraints and rows,
stored in byte order, which any SQLite reads. The export keeps its table, and the target never gets
the collation (its keys compare as bytes, as the other columns declared with it do). Only if that
rebuild fails is the table left out with a warning, as a virtual table whose module is missing.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

#: The collating sequences every SQLite has (case-insensitive names).
BUILTIN_COLLATIONS = frozenset({"binary", "nocase", "rtrim"})

# COLLATE and a name, as SQLite's parser takes one: bare, or quoted with "", '', `` or [].
_COLLATE = re.compile(
    r"""\bCOLLATE\s+(?:"((?:[^"]|"")+)"|'((?:[^']|'')+)'|`((?:[^`]|``)+)`|\[([^\]]+)\]|(\w+))""",
    re.IGNORECASE,
)


def _name(found: re.Match[str]) -> str:
    """The collation ``_COLLATE`` found, unquoted."""
    double, single, back, bracket, bare = found.groups()
    return (
        double.replace('""', '"')
        if double
        else single.replace("''", "'")
        if single
        else back.replace("``", "`")
        if back
        else bracket or bare
    )


def collation_names(sql: str) -> set[str]:
    """The names after each ``COLLATE`` in a statement (a table's, an index's), unquoted."""
    return {_name(found) for found in _COLLATE.finditer(sql)}


def binary_in_place_of(sql: str, names: Iterable[str]) -> str:
    """``sql`` with each ``COLLATE`` naming one of ``names`` (in any case, as SQLite matches them)
    written ``COLLATE BINARY``; every other character as it was."""
    replaced = {name.lower() for name in names}
    return _COLLATE.sub(
        lambda found: "COLLATE BINARY" if _name(found).lower() in replaced else found.group(0), sql
    )


def missing_collations(con: sqlite3.Connection) -> list[str]:
    """The collating sequences the schema of ``con``'s database names that no SQLite has built in."""
    names: set[str] = set()
    for (sql,) in con.execute("SELECT sql FROM sqlite_master WHERE sql LIKE '%collate%'"):
        names |= collation_names(str(sql))
    return sorted(name for name in names if name.lower() not in BUILTIN_COLLATIONS)


def _bytewise(left: str, right: str) -> int:
    # Python compares str by code point, which orders UTF-8 text as its bytes (BINARY's order).
    return (left > right) - (left < right)


def stand_in_collations(con: sqlite3.Connection) -> list[str]:
    """Give ``con`` a byte-order stand-in of each collation its schema names and SQLite lacks; returns
    their names (empty for almost every export, and then nothing is registered)."""
    missing = missing_collations(con)
    for name in missing:
        con.create_collation(name, _bytewise)
    return missing
