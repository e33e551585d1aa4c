"""Exports of other shapes than the help-desk one, and the structural truth about them.

``servicedesk`` is the original shape (:func:`~.writer.generate_export`, with its dirt truth). The
other shapes (:mod:`.wide`, :mod:`.random_shape`) test what must not depend on one export's names:
keys, exact duplicate rows and references. Each writes a :class:`ShapeTruth` next to the SQLite file
(``<stem>.truth.json``): per table the row count, the declared key and the key the data has, the
number of exact duplicate rows (rows equal in every column to an earlier row), and per column its
declared type, the kind of values written, their SQLite storage classes and NULL count; and every
reference child → parent with whether the schema declares it and how many child rows are orphans.

Every figure is known by construction and checked in the tests against an independent count over the
written file (``sqlite3``, ``GROUP BY`` over every column).
"""

from __future__ import annotations

import json
import os
import random
import re
import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .truth import truth_path_for

SHAPES = ("servicedesk", "wide", "random")
SHAPE_TRUTH_VERSION = 1

Cell = int | float | str | bytes | None
Columns = dict[str, Sequence[Cell]]


@dataclass
class ColumnPlan:
    """One column as written: its name, declared type and the kind of values in it."""

    name: str
    declared_type: str
    kind: str  # integer, real, text, long_text, timestamp, date, boolean, blob, mixed
    references: tuple[str, str] | None = None  # (parent table, parent column)
    declared_reference: bool = False


@dataclass
class TablePlan:
    """One table as written, with its values column by column (duplicates already in)."""

    name: str
    columns: list[ColumnPlan]
    values: Columns
    key: list[str]
    declared_key: bool
    duplicate_rows: int = 0

    def create_sql(self) -> str:
        """``CREATE TABLE`` with the declared types, the declared key and declared references."""
        parts = []
        for column in self.columns:
            line = f"{_q(column.name)} {column.declared_type}".rstrip()
            if column.references is not None and column.declared_reference:
                parent, parent_column = column.references
                line += f" REFERENCES {_q(parent)}({_q(parent_column)})"
            parts.append(line)
        if self.declared_key:
            parts.append(f"PRIMARY KEY ({', '.join(map(_q, self.key))})")
        return f"CREATE TABLE {_q(self.name)} ({', '.join(parts)})"


@dataclass(frozen=True)
class ShapeColumnTruth:
    """What was written in one column."""

    declared_type: str
    kind: str
    storage: list[str]
    nulls: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "declared_type": self.declared_type,
            "kind": self.kind,
            "storage": self.storage,
            "nulls": self.nulls,
        }


@dataclass(frozen=True)
class ShapeTableTruth:
    """What was written in one table."""

    row_count: int
    key: list[str]
    declared_key: list[str] | None
    duplicate_rows: int
    columns: dict[str, ShapeColumnTruth]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "row_count": self.row_count,
            "key": self.key,
            "declared_key": self.declared_key,
            "duplicate_rows": self.duplicate_rows,
            "column_order": list(self.columns),
            "columns": {name: column.to_dict() for name, column in self.columns.items()},
        }


@dataclass(frozen=True)
class ReferenceTruth:
    """``child_table.child_column`` holds values of ``parent_table.parent_column`` (the parent's key)."""

    child_table: str
    child_column: str
    parent_table: str
    parent_column: str
    declared: bool
    orphans: int  # child rows whose non-NULL value is not in the parent

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return dict(self.__dict__)


@dataclass
class ShapeTruth:
    """The structural truth of a generated export of any shape (see the module docstring)."""

    shape: str
    seed: int
    scale: float
    tables: dict[str, ShapeTableTruth] = field(default_factory=dict)
    references: list[ReferenceTruth] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "version": SHAPE_TRUTH_VERSION,
            "shape": self.shape,
            "seed": self.seed,
            "scale": self.scale,
            "tables": {name: table.to_dict() for name, table in self.tables.items()},
            "references": [reference.to_dict() for reference in self.references],
        }

    def to_json(self) -> str:
        """Stable JSON (sorted keys, non-ASCII kept)."""
        return json.dumps(self.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def with_duplicates(values: Columns, copies: int, rng: random.Random) -> Columns:
    """``values`` with ``copies`` exact copies of distinct random rows, each at a random later position."""
    n = len(next(iter(values.values())))
    if n == 0 or copies <= 0:
        return values
    order = list(range(n))
    for source in rng.sample(range(n), min(copies, n)):
        order.insert(rng.randint(order.index(source) + 1, len(order)), source)
    copied: Columns = {name: [column[i] for i in order] for name, column in values.items()}
    return copied


def affinity(declared_type: str) -> str:
    """SQLite's column affinity of a declared type (the five rules of "Datatypes In SQLite", 3.1)."""
    upper = declared_type.upper()
    if "INT" in upper:
        return "integer"
    if any(word in upper for word in ("CHAR", "CLOB", "TEXT")):
        return "text"
    if "BLOB" in upper or not upper.strip():
        return "blob"
    if any(word in upper for word in ("REAL", "FLOA", "DOUB")):
        return "real"
    return "numeric"


_NUMBER = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$")
_INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")


def storage_class(value: Cell, declared_type: str = "") -> str:
    """The SQLite storage class ``value`` ends up with in a column of ``declared_type`` (its affinity).

    Covers what the shapes write: numbers in a TEXT column become text; number-looking text in a
    NUMERIC / INTEGER / REAL column becomes a number; a REAL without fraction in a NUMERIC or INTEGER
    column becomes an integer, an integer in a REAL column a real.
    """
    kind = affinity(declared_type)
    if value is None:
        return "null"
    if isinstance(value, bytes):
        return "blob"
    if isinstance(value, str):
        if kind in ("numeric", "integer", "real") and _NUMBER.match(value):
            if kind == "real":
                return "real"
            number = float(value)
            whole = _INTEGER.match(value) or (number.is_integer() and abs(number) < 2**63)
            return "integer" if whole and abs(number) < 2**63 else "real"
        return "text"
    if kind == "text":
        return "text"
    if isinstance(value, float):
        return (
            "integer"
            if kind in ("numeric", "integer") and value.is_integer() and abs(value) < 2**63
            else "real"
        )
    return "real" if kind == "real" else "integer"


def write_shape(path: str | Path, truth: ShapeTruth, tables: Sequence[TablePlan]) -> ShapeTruth:
    """Write ``tables`` to a new SQLite file at ``path`` and the truth beside it, atomically.

    ``truth`` comes with shape, seed and scale; its tables and references are filled in here from the
    plans (orphans counted over the values written).
    """
    db_path = Path(path)
    truth_path = truth_path_for(db_path)
    for target in (db_path, truth_path):
        if target.exists():
            raise FileExistsError(f"{target} already exists; remove it or choose another path")
    by_name = {table.name: table for table in tables}
    for table in tables:
        truth.tables[table.name] = _table_truth(table)
        for column in table.columns:
            if column.references is None:
                continue
            parent, parent_column = column.references
            keys = set(by_name[parent].values[parent_column])
            orphans = sum(v is not None and v not in keys for v in table.values[column.name])
            truth.references.append(
                ReferenceTruth(
                    table.name, column.name, parent, parent_column, column.declared_reference, orphans
                )
            )
    tmp_db = temp_path(db_path.parent, db_path.name)
    tmp_truth = temp_path(db_path.parent, truth_path.name)
    try:
        _write_sqlite(tmp_db, tables)
        tmp_truth.write_text(truth.to_json(), encoding="utf-8")
        os.replace(tmp_truth, truth_path)
        os.replace(tmp_db, db_path)
    except BaseException:
        for leftover in (tmp_db, tmp_truth):
            leftover.unlink(missing_ok=True)
        if not db_path.exists():
            truth_path.unlink(missing_ok=True)
        raise
    return truth


def _table_truth(table: TablePlan) -> ShapeTableTruth:
    columns = {}
    for column in table.columns:
        values = table.values[column.name]
        columns[column.name] = ShapeColumnTruth(
            declared_type=column.declared_type,
            kind=column.kind,
            storage=sorted({storage_class(v, column.declared_type) for v in values}),
            nulls=sum(v is None for v in values),
        )
    rows = len(table.values[table.columns[0].name])
    return ShapeTableTruth(
        row_count=rows,
        key=list(table.key),
        declared_key=list(table.key) if table.declared_key else None,
        duplicate_rows=table.duplicate_rows,
        columns=columns,
    )


def _write_sqlite(path: Path, tables: Sequence[TablePlan]) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("BEGIN")
        for table in tables:
            con.execute(table.create_sql())
            names = [c.name for c in table.columns]
            marks = ", ".join("?" for _ in names)
            sql = f"INSERT INTO {_q(table.name)} ({', '.join(map(_q, names))}) VALUES ({marks})"
            con.executemany(sql, zip(*(table.values[name] for name in names), strict=True))
        con.execute("COMMIT")
    finally:
        con.close()
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def temp_path(directory: Path, name: str) -> Path:
    """A new empty hidden file beside the target (created, not just named, so no one else takes it).

    Created with mode 0o666 minus the umask, like any file the user writes (``mkstemp`` would give 0o600).
    """
    while True:
        tmp = directory / f".{name}.{secrets.token_hex(6)}.tmp"
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        return tmp
