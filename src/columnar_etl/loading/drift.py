"""Drift between the live version and a new one: the export's shape or content changed in a quarter.

A version's *snapshot* is per table its row count and per column its PostgreSQL type and null count;
it is computed from the figures gathered during the COPY (no extra query) and kept in the ledger
(``versions.stats``), so the next load compares against the live version without scanning it. New or
removed tables and columns, type changes, a row count that moved by more than ``drift_row_change``
and a null rate that moved by more than ``drift_null_rate_jump`` are reported; with ``strict_drift``
any of them blocks the cutover.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from columnar_etl.config import Settings
from columnar_etl.loading.schemas import fetch_all, table_columns
from columnar_etl.loading.validate import TableStats
from columnar_etl.pg.identifiers import qualified, quote_ident

Snapshot = dict[str, dict[str, Any]]


def snapshot(stats: Mapping[str, TableStats], landed: Mapping[str, list[tuple[str, str]]]) -> Snapshot:
    """``{table: {"rows": n, "columns": {name: {"type": pg type, "nulls": n}}}}`` of a loaded version."""
    result: Snapshot = {}
    for table, table_stats in stats.items():
        types = dict(landed.get(table, []))
        result[table] = {
            "rows": table_stats.rows,
            "columns": {
                name: {"type": types.get(name), "nulls": table_stats.rows - column.non_null}
                for name, column in table_stats.columns.items()
            },
        }
    return result


def snapshot_of_schema(cursor: Any, schema: str) -> Snapshot:
    """The snapshot of a schema read from PostgreSQL (for a live version the ledger has none of)."""
    result: Snapshot = {}
    for table, columns in table_columns(cursor, schema).items():
        counts = ", ".join(["count(*)", *(f"count({quote_ident(name)})" for name, _ in columns)])
        ((rows, *non_null),) = fetch_all(cursor, f"SELECT {counts} FROM {qualified(schema, table)}")
        result[table] = {
            "rows": int(rows),
            "columns": {
                name: {"type": kind, "nulls": int(rows) - int(count)}
                for (name, kind), count in zip(columns, non_null, strict=True)
            },
        }
    return result


@dataclass(frozen=True)
class DriftItem:
    """One difference between the live version and the new one."""

    kind: str  # new_table, removed_table, new_column, removed_column, type_change, row_count, null_rate
    table: str
    column: str | None
    old: Any
    new: Any

    def message(self) -> str:
        """One readable line."""
        where = f'{self.table}."{self.column}"' if self.column else self.table
        what = self.kind.replace("_", " ")
        # One side of a table or column that came or went is absent: say the other in words, never
        # "None" (a removed column read "text → None").
        unit = " rows" if self.column is None else ""
        if self.old is None:
            return f"{where}: {what} ({self.new}{unit})"
        if self.new is None:
            return f"{where}: {what} (was {self.old}{unit})"
        return f"{where}: {what} {self.old} → {self.new}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "kind": self.kind,
            "table": self.table,
            "column": self.column,
            "old": self.old,
            "new": self.new,
            "message": self.message(),
        }


@dataclass
class DriftReport:
    """Drift of a new version against ``live`` (None: nothing live yet, nothing to compare)."""

    live: str | None
    items: list[DriftItem] = field(default_factory=list)
    strict: bool = False

    @property
    def drifted(self) -> bool:
        """True when anything differs."""
        return bool(self.items)

    @property
    def blocks_cutover(self) -> bool:
        """True when drift was found and ``strict_drift`` asked for it to block the cutover."""
        return self.strict and self.drifted

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "live": self.live,
            "drifted": self.drifted,
            "strict": self.strict,
            "blocks_cutover": self.blocks_cutover,
            "items": [item.to_dict() for item in self.items],
        }


def check_drift(
    live: str | None,
    old: Snapshot | None,
    new: Snapshot,
    settings: Settings,
    *,
    strict: bool = False,
    sample: bool = False,
) -> DriftReport:
    """Compare the live version's snapshot ``old`` with the new version's ``new``.

    ``sample``: ``new`` is a sample of the export (a canary's): row counts are left out (smaller by
    design), and a null rate is reported only when it moved by more than ``drift_null_rate_jump`` plus
    what chance moves a sample's share by (:func:`sampling_allowance`).
    """
    report = DriftReport(live=live, strict=strict)
    if live is None or old is None:
        return report
    items = report.items
    for table in sorted(set(old) | set(new)):
        if table not in old:
            items.append(DriftItem("new_table", table, None, None, new[table]["rows"]))
            continue
        if table not in new:
            items.append(DriftItem("removed_table", table, None, old[table]["rows"], None))
            continue
        before, after = old[table], new[table]
        old_rows, new_rows = int(before["rows"]), int(after["rows"])
        if not sample and _moved(old_rows, new_rows, settings.drift_row_change):
            items.append(DriftItem("row_count", table, None, old_rows, new_rows))
        old_columns, new_columns = before["columns"], after["columns"]
        for column in new_columns:
            if column not in old_columns:
                items.append(DriftItem("new_column", table, column, None, new_columns[column]["type"]))
        for column, was in old_columns.items():
            now = new_columns.get(column)
            if now is None:
                items.append(DriftItem("removed_column", table, column, was["type"], None))
                continue
            if was["type"] != now["type"]:
                items.append(DriftItem("type_change", table, column, was["type"], now["type"]))
            old_rate = int(was["nulls"]) / old_rows if old_rows else 0.0
            new_rate = int(now["nulls"]) / new_rows if new_rows else 0.0
            allowance = sampling_allowance(old_rate, new_rows) if sample else 0.0
            if abs(new_rate - old_rate) > settings.drift_null_rate_jump + allowance:
                items.append(DriftItem("null_rate", table, column, round(old_rate, 4), round(new_rate, 4)))
    return report


#: Standard errors of a sample's share allowed to chance (3: a column of the same export is reported
#: with chance ~0.3 %, where a 10-row sample of a column a quarter NULL reached a move of 0.2 with ~8 %).
SAMPLE_STANDARD_ERRORS = 3.0


def sampling_allowance(rate: float, rows: int) -> float:
    """How far a share of NULLs measured on a random sample of ``rows`` rows may stray by chance from
    the table's ``rate``: :data:`SAMPLE_STANDARD_ERRORS` standard errors of a binomial share,
    ``sqrt(rate (1 - rate) / rows)`` (0 for no rows, or a rate of 0 or 1: every row the same)."""
    if rows <= 0:
        return 0.0
    return SAMPLE_STANDARD_ERRORS * math.sqrt(rate * (1.0 - rate) / rows)


def _moved(old: int, new: int, share: float) -> bool:
    if old == 0:
        return new != 0
    return abs(new - old) / old > share
