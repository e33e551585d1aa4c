"""What a scan of a table in SQLite itself finds, where DuckDB's SQLite reader cannot tell it.

Python's ``sqlite3`` reads the file DuckDB reads (the export, or its private copy): a REAL ``-0.0``
(:meth:`SqliteScans.negative_zeros`), BLOB cells spelling numerals (:meth:`SqliteScans.numeral_blobs`),
a column's NULLs all older than its values (:meth:`SqliteScans.nulls_before_values`) and columns of
JSON text (:meth:`SqliteScans.json_documents`). Each is one aggregate scan in SQLite; a table Python's
SQLite cannot read (a virtual table of a module it lacks) has none of them.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.cells import NUMERAL_AFFINITIES, holds_negative_zero, numeral_sql, sqlite_affinity
from columnar_etl.source.sqlite_file import connect_read_only

if TYPE_CHECKING:
    from columnar_etl.source.export import Source


@dataclass
class SqliteScans:
    """The scans of one open export (:attr:`.Source.scans`). What one found is kept, once per table
    (:meth:`negative_zeros`) or column (:meth:`numeral_blobs`), under a lock: the profile's threads
    ask alike."""

    source: Source = field(repr=False, compare=False)
    _negative_zeros: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    _numeral_blobs: dict[str, dict[str, int]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def negative_zeros(self, table: str) -> dict[str, str]:
        """Per column of ``table`` holding a REAL ``-0.0``, SQLite SQL true for the rows holding one (its
        rowid, else its primary key, in a list), for :func:`~.cells.real_text_sql`.

        SQLite's own text of a ``-0.0`` is ``0.0``, and SQLite (the one DuckDB reads through: no math
        functions) has no test telling it from ``0.0``; Python's ``sqlite3`` hands the double itself
        over. So the first call per table scans it once with that, in SQLite, looking only at the
        columns that can hold one (:func:`~.cells.holds_negative_zero`), and only the REAL cells equal
        to zero reach Python; a table without such a column is not read. A table with neither a rowid
        nor a primary key cannot name its rows, nor can a table Python's SQLite cannot read (a virtual
        table of a module it lacks): their ``-0.0`` stay ``0.0``."""
        with self._lock:
            if table not in self._negative_zeros:
                self._negative_zeros[table] = self._find_negative_zeros(table)
            return self._negative_zeros[table]

    def _find_negative_zeros(self, table: str) -> dict[str, str]:
        info = self.source.table(table)
        columns = [c.name for c in info.columns if holds_negative_zero(c.declared_type)]
        if info.rowid is not None:
            keys = [info.rowid[0]]
        else:
            keys = [quote_ident(c.name) for c in info.columns if c.primary_key]
        if not columns or not keys:
            return {}
        zero = [f"typeof({quote_ident(c)}) = 'real' AND {quote_ident(c)} = 0" for c in columns]
        # Each key as a SQL literal (a rowid is an integer); the sign tested only on REAL zeros.
        literals = [keys[0]] if info.rowid is not None else [f"quote({k})" for k in keys]
        signs = [
            f"CASE WHEN {test} THEN negative({quote_ident(c)}) END"
            for test, c in zip(zero, columns, strict=True)
        ]
        query = (
            f"SELECT {', '.join([*literals, *signs])} FROM {quote_ident(table)} "
            f"WHERE {' OR '.join(f'({test})' for test in zero)}"
        )
        con = connect_read_only(self.source.read_path)
        try:
            con.create_function("negative", 1, lambda x: math.copysign(1.0, x) < 0, deterministic=True)
            found: dict[str, list[str]] = {c: [] for c in columns}
            for row in con.execute(query):
                key = str(row[0]) if len(keys) == 1 else f"({', '.join(row[: len(keys)])})"
                for column, sign in zip(columns, row[len(keys) :], strict=True):
                    if sign:
                        found[column].append(key)
        except sqlite3.Error:
            # This SQLite cannot read the table (a virtual table whose module only DuckDB's has): its
            # -0.0 stay 0.0, as before; the read itself goes on through DuckDB's SQLite.
            return {}
        finally:
            con.close()
        target = keys[0] if len(keys) == 1 else f"({', '.join(keys)})"
        listed = "VALUES " if len(keys) > 1 else ""
        return {c: f"{target} IN ({listed}{', '.join(rows)})" for c, rows in found.items() if rows}

    def numeral_blobs(self, table: str, columns: Sequence[str] | None = None) -> dict[str, int]:
        """Among ``columns`` of ``table`` (default: all), those declared a number type (INTEGER, REAL or
        NUMERIC affinity) that hold BLOB cells, each a plain ASCII decimal numeral
        (:func:`~.cells.numeral_sql`), and whose TEXT cells are such numerals too: how many BLOB
        cells each holds.

        An application may bind a decimal as the bytes of its text (trytond's ``str(d).encode()``):
        no affinity converts a BLOB, so a ``NUMERIC`` column holds ``b'434041.0852'``. A read asking
        for it (:attr:`ColumnRead.blob_numerals`: the profile's text query, the cleaner of such a
        column) has such cells handed over as the text they spell (:meth:`.Source.relation_sql`), so they are
        read as number text (the cleaner audits each: ``blob_numeral``). One BLOB that is no numeral
        (other bytes, an empty BLOB, ``1E-7``) leaves the column's BLOBs bytes. Each column is looked
        at once, by a scan of the table in SQLite of the columns not yet looked at (a column the
        profile reads from DuckDB's typed scan, which fails on a BLOB, never is); a UTF-16 database,
        or a table Python's SQLite cannot read, has none."""
        info = self.source.table(table)
        wanted = [
            c.name
            for c in info.columns
            if (columns is None or c.name in columns)
            and c.declared_type
            and sqlite_affinity(c.declared_type) in NUMERAL_AFFINITIES
        ]
        with self._lock:
            seen = self._numeral_blobs.setdefault(table, {})
            unseen = [name for name in wanted if name not in seen]
            if unseen:
                seen.update(self._find_numeral_blobs(table, unseen))
            return {name: seen[name] for name in wanted if seen[name]}

    def known_numeral_blobs(self, table: str) -> dict[str, int]:
        """:meth:`numeral_blobs` of the columns of ``table`` already looked at (no scan)."""
        with self._lock:
            return {name: n for name, n in self._numeral_blobs.get(table, {}).items() if n}

    def _find_numeral_blobs(self, table: str, columns: list[str]) -> dict[str, int]:
        """Per column of ``columns``, its BLOB cells when they and its TEXT cells are all numerals, else 0."""
        if self.source.text_encoding.upper() != "UTF-8":
            return dict.fromkeys(columns, 0)
        found = dict.fromkeys(columns, 0)
        con = connect_read_only(self.source.read_path)
        try:
            # First which columns hold a BLOB at all (typeof costs little), then, in those alone, whether
            # every BLOB and TEXT cell is a numeral: testing every cell of the wide export's date text
            # cost 0.27 s of its 0.93 s profile, the typeof scan 0.07 s.
            blobs = ", ".join(f"sum(typeof({quote_ident(name)}) = 'blob')" for name in columns)
            holding = {
                name: int(n)
                for name, n in zip(
                    columns, con.execute(f"SELECT {blobs} FROM {quote_ident(table)}").fetchone(), strict=True
                )
                if n
            }
            if holding:
                others = ", ".join(
                    f"sum(CASE WHEN typeof({quote_ident(name)}) IN ('text', 'blob') "
                    f"THEN NOT {numeral_sql(quote_ident(name))} END)"
                    for name in holding
                )
                row = con.execute(f"SELECT {others} FROM {quote_ident(table)}").fetchone()
                found |= {
                    name: n for (name, n), misfits in zip(holding.items(), row, strict=True) if not misfits
                }
        except sqlite3.Error:
            return dict.fromkeys(columns, 0)
        finally:
            con.close()
        return found

    def nulls_before_values(self, table: str, columns: Sequence[str]) -> set[str]:
        """Those of ``columns`` of ``table`` whose NULL cells are all in rows older than every one of
        their values: each NULL's rowid lower than the lowest rowid of a value, and a value after them.
        That is a column added to a table already holding rows (SQLite's ``ALTER TABLE ... ADD
        COLUMN`` without a default gives every row then present NULL there): its NULLs are the rows
        written before it existed, not a value its application wrote. One aggregate scan of the table
        in SQLite by its rowid; none for a WITHOUT ROWID table or one SQLite here cannot read."""
        rowid = self.source.table(table).rowid
        if not columns or rowid is None:
            return set()
        order = quote_ident(rowid[0])
        bounds = ", ".join(
            f"max(CASE WHEN {quote_ident(name)} IS NULL THEN {order} END), "
            f"min(CASE WHEN {quote_ident(name)} IS NOT NULL THEN {order} END)"
            for name in columns
        )
        con = connect_read_only(self.source.read_path)
        try:
            row = con.execute(f"SELECT {bounds} FROM {quote_ident(table)}").fetchone()
        except sqlite3.Error:
            return set()
        finally:
            con.close()
        return {
            name
            for i, name in enumerate(columns)
            if row[2 * i] is not None and row[2 * i + 1] is not None and row[2 * i] < row[2 * i + 1]
        }

    def json_documents(self, table: str, columns: Sequence[str]) -> set[str]:
        """Those of ``columns`` of ``table`` whose every cell is NULL or JSON text (SQLite's
        ``json_valid``: a document, a string in JSON's quotes, a number, ``true``, ``false``, ``null``),
        all TEXT, one document (an object or an array) or one string in JSON's quotes at least
        (``json_type``): a serializer's column of JSON whatever its declared type (serde's
        ``to_string`` of an ``Option`` writes ``None`` so, Django's ``json.dumps`` in a ``TextField``, a
        settings table's ``JSON.stringify`` of every value, Uptime Kuma's ``setting.value``). Numbers
        and booleans alone say nothing of JSON. One scan of the table in SQLite for the columns asked;
        none where SQLite here has no JSON functions or cannot read the table."""
        if not columns:
            return set()
        con = connect_read_only(self.source.read_path)
        try:
            tests = ", ".join(
                # json_type() fails on malformed JSON: asked only of the valid (AND need not spare it).
                f"sum({name} IS NOT NULL AND NOT (typeof({name}) = 'text' AND json_valid({name}))), "
                f"sum(typeof({name}) = 'text' AND CASE WHEN json_valid({name}) "
                f"THEN json_type({name}) IN ('object', 'array', 'text') ELSE 0 END)"
                for name in (quote_ident(column) for column in columns)
            )
            row = con.execute(f"SELECT {tests} FROM {quote_ident(table)}").fetchone()
        except sqlite3.Error:
            return set()
        finally:
            con.close()
        return {column for at, column in enumerate(columns) if not row[2 * at] and row[2 * at + 1]}
