"""What cleaning did: per table and column counts, the quarantine, the audit, before/after quality.

Kept free of Polars so that ``import columnar_etl`` stays light; the tables it holds are Arrow.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

    from columnar_etl.planning.plan import Plan

CLEAN_VERSION = 1
#: The per-column change counters, in the order reports show them.
COUNTERS = (
    "whitespace_trimmed",
    "empty_strings_converted",
    "null_likes_converted",
    "nul_removed",
    "dates_standardized",
    "comma_decimals_fixed",
    "booleans_normalized",
    "rounded",
    "encodings_repaired",
    "windows_1252_repaired",
    "stored_as_bytes",
    "exponents_expanded",
    "thousands_separators_removed",
    "numbers_reformatted",
    "nearest_doubles",
    "minus_signs_read",
    "blob_numerals_read",
    "quarantined",
)


@dataclass
class ColumnCleanStats:
    """What cleaning did to one column. ``changed`` counts cells (a cell may count under two rules)."""

    name: str
    output_name: str
    type: str
    pg_type: str
    rows: int = 0
    non_null: int = 0
    changed: int = 0
    whitespace_trimmed: int = 0
    empty_strings_converted: int = 0
    null_likes_converted: int = 0
    nul_removed: int = 0
    dates_standardized: int = 0
    comma_decimals_fixed: int = 0
    booleans_normalized: int = 0
    rounded: int = 0
    encodings_repaired: int = 0
    #: Cells of Windows-1252 text read as Latin-1 whose C1 controls became its characters (rule
    #: ``windows_1252``).
    windows_1252_repaired: int = 0
    stored_as_bytes: int = 0
    exponents_expanded: int = 0
    thousands_separators_removed: int = 0
    numbers_reformatted: int = 0
    nearest_doubles: int = 0
    #: Numbers written with U+2212 MINUS SIGN (``−12``), read with '-' (rule ``minus_sign``).
    minus_signs_read: int = 0
    #: BLOB cells read as the number text their ASCII bytes spell (rule ``blob_numeral``).
    blob_numerals_read: int = 0
    quarantined: int = 0
    outliers: int = 0
    outlier_fence: tuple[float, float] | None = None
    outlier_examples: list[str] = field(default_factory=list)
    #: The column's quality after cleaning (:func:`columnar_etl.cleaning.quality.score_cleaned`).
    quality: float | None = None
    #: The operator's override planned this column (``[columns]``): what it quarantines is the
    #: operator's decision, which the load's ``quality_not_worse`` check does not hold against the
    #: profile (:func:`columnar_etl.cleaning.quality.score_judged`).
    overridden: bool = False

    @property
    def counts(self) -> dict[str, int]:
        """The change counters by name (see :data:`COUNTERS`)."""
        return {counter: int(getattr(self, counter)) for counter in COUNTERS}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "output_name": self.output_name,
            "type": self.type,
            "pg_type": self.pg_type,
            "rows": self.rows,
            "non_null": self.non_null,
            "changed": self.changed,
            **self.counts,
            "outliers": self.outliers,
            "outlier_fence": list(self.outlier_fence) if self.outlier_fence else None,
            "outlier_examples": list(self.outlier_examples),
            "quality": None if self.quality is None else round(self.quality, 2),
        }


@dataclass
class TableCleanStats:
    """What cleaning did to one table: rows in and out and every column's counts."""

    name: str
    key_columns: list[str]
    columns: dict[str, ColumnCleanStats]
    rows_in: int = 0
    rows_out: int = 0
    rows_rejected: int = 0
    duplicates_removed: int = 0
    seconds: float = 0.0
    #: False when the table's batches were not consumed to the end (the counts cover what was read).
    complete: bool = False
    #: The table's quality after cleaning: the mean of its columns'
    #: (see :mod:`columnar_etl.cleaning.quality`).
    quality: float | None = None

    def __getitem__(self, column: str) -> ColumnCleanStats:
        return self.columns[column]

    @property
    def changed(self) -> int:
        """Changed cells over all columns."""
        return sum(column.changed for column in self.columns.values())

    def total(self, counter: str) -> int:
        """One counter summed over the columns."""
        return sum(column.counts[counter] for column in self.columns.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "key_columns": list(self.key_columns),
            "rows_in": self.rows_in,
            "rows_out": self.rows_out,
            "rows_rejected": self.rows_rejected,
            "duplicates_removed": self.duplicates_removed,
            "changed": self.changed,
            "complete": self.complete,
            "seconds": round(self.seconds, 4),
            "quality": None if self.quality is None else round(self.quality, 2),
            **{counter: self.total(counter) for counter in COUNTERS},
            "columns": [column.to_dict() for column in self.columns.values()],
        }


@dataclass
class CleanResult:
    """The outcome of cleaning an export: ``result["tickets"]["TKT-Created Time"].dates_standardized``.

    ``quarantine`` holds every unfixable value; ``audit`` every changed cell unless it was streamed to
    ``audit_path`` only; ``data`` the cleaned tables when no output file was asked for. ``audit`` and
    ``quarantine`` are Arrow tables mapped from temporary files without a name (one chunk per batch
    written): read like any table, in memory only as far as they are read, the files gone with them.
    """

    source: Path
    plan: Plan
    tables: dict[str, TableCleanStats]
    quarantine: pa.Table
    audit: pa.Table | None = None
    audit_rows: int = 0
    audit_path: Path | None = None
    quarantine_path: Path | None = None
    output: Path | None = None
    output_format: str | None = None
    data: dict[str, pa.Table] | None = None
    policy: str = "null"
    seconds: float = 0.0
    quality_before: float | None = None
    quality_after: float | None = None
    #: The profile score of the cleaned SQLite output (``reprofile``); values lost to quarantine are
    #: simply NULL there, so it is not the after-score (:attr:`quality_after`).
    quality_reprofiled: float | None = None
    #: Tables of the export a given plan (``clean --plan``) does not name: not cleaned, not in the output.
    unplanned: list[str] = field(default_factory=list)
    #: Interrupted (Ctrl-C, SIGTERM) once the output was in place, complete: the clean is done with a
    #: warning (exit 2), what it had left to measure unmeasured (the output's re-profile). Was exit 1,
    #: "interrupted: nothing live changed (hint: run again)", and running again refused the output there.
    interrupted_after_output: bool = False
    #: The output's re-profile (``reprofile``) ran out of ``profile_memory_limit`` once the output was
    #: in place, complete: its one-line error, a warning (exit 2), the re-profiled score unmeasured. Was
    #: exit 1 with the output left there, and running again with the limit raised refused the output.
    reprofile_short_of_memory: str | None = None

    def __getitem__(self, table: str) -> TableCleanStats:
        return self.tables[table]

    @property
    def changed(self) -> int:
        """Changed cells over the export."""
        return sum(table.changed for table in self.tables.values())

    @property
    def quarantined(self) -> int:
        """Unfixable values over the export."""
        return sum(table.total("quarantined") for table in self.tables.values())

    @property
    def warnings(self) -> list[str]:
        """What cleaning lost, one line per table: quarantined values, rejected and duplicate rows, tables
        the plan does not name."""
        found: list[str] = [
            f"table {name!r} of the export is not in the plan: not cleaned, not in the output"
            for name in self.unplanned
        ]
        if self.interrupted_after_output:
            found.append(
                f"interrupted after the output was written: {self.output} is complete; what was left to "
                "measure (the output's re-profile) was not"
            )
        if self.reprofile_short_of_memory is not None:
            found.append(
                f"{self.output} is complete, but its re-profile was not: {self.reprofile_short_of_memory} "
                "(or --no-reprofile)"
            )
        for name, table in self.tables.items():
            quarantined = table.total("quarantined")
            if quarantined:
                found.append(f"table {name!r}: {quarantined:,} unfixable value(s) quarantined")
            if table.rows_rejected:
                found.append(f"table {name!r}: {table.rows_rejected:,} row(s) rejected (quarantine_policy)")
            if table.duplicates_removed:
                # The share: a quarter of a table's rows removed says more than a count (a table of
                # repeated observations, real rows, loses most of them: duplicates = keep).
                share = 100 * table.duplicates_removed / max(table.rows_in, 1)
                found.append(
                    f"table {name!r}: {table.duplicates_removed:,} of {table.rows_in:,} rows ({share:.3g} %) "
                    "removed as exact copies of other rows (audited, rule duplicate_row; if they are real "
                    "repeated rows, duplicates = keep loads them)"
                )
        return found

    @property
    def rows_in(self) -> int:
        """Rows read."""
        return sum(table.rows_in for table in self.tables.values())

    @property
    def rows_out(self) -> int:
        """Rows written (rows read minus rejected and duplicate rows)."""
        return sum(table.rows_out for table in self.tables.values())

    @property
    def column_names(self) -> dict[str, dict[str, str]]:
        """Per table, export column name → output column name (the ``snake`` mapping, or identity)."""
        return self.plan.output_names()

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (``version`` says which shape)."""
        return {
            "version": CLEAN_VERSION,
            "source": str(self.source),
            "output": None if self.output is None else str(self.output),
            "output_format": self.output_format,
            "audit_path": None if self.audit_path is None else str(self.audit_path),
            "quarantine_path": None if self.quarantine_path is None else str(self.quarantine_path),
            "policy": self.policy,
            "seconds": round(self.seconds, 4),
            "quality_before": None if self.quality_before is None else round(self.quality_before, 2),
            "quality_after": None if self.quality_after is None else round(self.quality_after, 2),
            "quality_reprofiled": None
            if self.quality_reprofiled is None
            else round(self.quality_reprofiled, 2),
            "rows_in": self.rows_in,
            "rows_out": self.rows_out,
            "changed": self.changed,
            "quarantined": self.quarantined,
            "warnings": self.warnings,
            "audit_rows": self.audit_rows,
            "column_names": self.plan.column_names,
            "column_mapping": self.column_names if self.plan.column_names != "export" else None,
            "tables": [table.to_dict() for table in self.tables.values()],
            "plan": self.plan.to_dict(),
        }

    def to_json(self, indent: int | None = 2) -> str:
        """``to_dict()`` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def __repr__(self) -> str:
        quality = ""
        if self.quality_before is not None:
            after = "?" if self.quality_after is None else f"{self.quality_after:.2f}"
            quality = f"; quality {self.quality_before:.2f} → {after}"
        return (
            f"<CleanResult {self.source.name}: {self.rows_in:,} rows in, {self.rows_out:,} out, "
            f"{self.changed:,} cells changed, {self.quarantined:,} quarantined{quality}>"
        )

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(c.replace('_', ' '))}</th>" for c in ("table", "column", *COUNTERS))
        rows = []
        for table in self.tables.values():
            for column in table.columns.values():
                cells = [table.name, column.name, *(str(column.counts[c]) for c in COUNTERS)]
                rows.append("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells) + "</tr>")
        caption = html.escape(repr(self))
        return f"<table><caption>{caption}</caption><tr>{head}</tr>{''.join(rows)}</table>"
