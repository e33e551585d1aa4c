"""The truth about a generated export: exact dirt counts and the expected statistics after cleaning.

Later stages are tested against this, so it is written as stable JSON (sorted keys, ``"version": 1``)
next to the SQLite file, and read back with :meth:`Truth.load`.

Conventions the numbers follow:

* ``null`` counts SQL NULLs as generated (not dirt); dirt is only ever put on non-NULL cells.
* ``dirt`` lists every kind (0 when absent); each dirty cell has exactly one kind.
* ``formats`` (date/timestamp columns) counts *valid* values per strftime format after trimming;
  ``date_order`` is ``day_first`` when some valid ``a/b/yyyy`` value has ``a > 12``, ``ambiguous`` when
  slash values exist but none proves the order, else null.
* ``boolean_spellings`` (boolean columns) counts valid values per spelling after trimming.
* ``expected`` describes the *cleaned* column: ``non_null`` values survive (valid, or fixable by
  trimming / reformatting / comma fix / NUL removal; ``''`` in text columns becomes NULL); orphan
  references are flagged but keep their value. ``min``/``max`` are numbers, or ISO text for dates
  (``date.isoformat()``) and timestamps (``datetime.isoformat(" ")``), null for text and booleans;
  ``sum`` (rounded to 6 decimals) for number columns, ``true_count`` instead for booleans.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TRUTH_VERSION = 1
Scalar = int | float | str | None


def truth_path_for(db_path: str | Path) -> Path:
    """``x.db`` -> ``x.truth.json`` (the suffix is replaced, the directory kept)."""
    path = Path(db_path)
    return path.with_name(f"{path.stem}.truth.json")


@dataclass(frozen=True)
class ColumnTruth:
    """What is known about one generated column (see the module docstring for the conventions)."""

    declared_type: str
    intended_type: str
    null: int
    dirt: dict[str, int]
    expected: dict[str, Scalar]
    formats: dict[str, int] | None = None
    date_order: str | None = None
    boolean_spellings: dict[str, int] | None = None
    foreign_key: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict; ``foreign_key`` appears only on reference columns."""
        out: dict[str, Any] = {
            "declared_type": self.declared_type,
            "intended_type": self.intended_type,
            "null": self.null,
            "dirt": dict(self.dirt),
            "expected": dict(self.expected),
            "formats": None if self.formats is None else dict(self.formats),
            "date_order": self.date_order,
            "boolean_spellings": None if self.boolean_spellings is None else dict(self.boolean_spellings),
        }
        if self.foreign_key is not None:
            out["foreign_key"] = self.foreign_key
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ColumnTruth:
        """Inverse of :meth:`to_dict`."""
        return cls(
            declared_type=data["declared_type"],
            intended_type=data["intended_type"],
            null=data["null"],
            dirt=dict(data["dirt"]),
            expected=dict(data["expected"]),
            formats=data.get("formats"),
            date_order=data.get("date_order"),
            boolean_spellings=data.get("boolean_spellings"),
            foreign_key=data.get("foreign_key"),
        )


@dataclass(frozen=True)
class TableTruth:
    """Row count, key and per-column truth of one table; ``column_order`` is the export's order."""

    row_count: int
    primary_key: str
    column_order: list[str]
    columns: dict[str, ColumnTruth]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {
            "row_count": self.row_count,
            "primary_key": self.primary_key,
            "column_order": list(self.column_order),
            "columns": {name: col.to_dict() for name, col in self.columns.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TableTruth:
        """Inverse of :meth:`to_dict`."""
        columns = {name: ColumnTruth.from_dict(col) for name, col in data["columns"].items()}
        return cls(data["row_count"], data["primary_key"], list(data["column_order"]), columns)


@dataclass(frozen=True)
class Truth:
    """The truth file of one generated export: the arguments that made it and every table's truth."""

    seed: int
    scale: float
    dirt: str
    tables: dict[str, TableTruth] = field(default_factory=dict)
    version: int = TRUTH_VERSION

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (the exact content of the truth file)."""
        return {
            "version": self.version,
            "seed": self.seed,
            "scale": self.scale,
            "dirt": self.dirt,
            "tables": {name: table.to_dict() for name, table in self.tables.items()},
        }

    def to_json(self) -> str:
        """Stable JSON text: sorted keys, two-space indent, trailing newline."""
        return json.dumps(self.to_dict(), sort_keys=True, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Truth:
        """Inverse of :meth:`to_dict`; refuses a truth file of another version."""
        if data.get("version") != TRUTH_VERSION:
            raise ValueError(f"unsupported truth version {data.get('version')!r} (expected {TRUTH_VERSION})")
        tables = {name: TableTruth.from_dict(t) for name, t in data["tables"].items()}
        return cls(seed=data["seed"], scale=data["scale"], dirt=data["dirt"], tables=tables)

    @classmethod
    def load(cls, path: str | Path) -> Truth:
        """Read a truth JSON file (``x.truth.json``, or pass the ``x.db`` it belongs to)."""
        path = Path(path)
        if path.suffix != ".json":
            path = truth_path_for(path)
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
