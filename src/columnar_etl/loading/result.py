"""What a load, a cutover or a rollback did: result objects that print well and turn into JSON."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from columnar_etl.errors import ExitCode, LoadError
from columnar_etl.loading.base_views import ViewChange
from columnar_etl.loading.dashboard import MetricResult, unused_bundled_note
from columnar_etl.loading.drift import DriftReport
from columnar_etl.loading.ledger import jsonable
from columnar_etl.loading.validate import TableStats, ValidationReport
from columnar_etl.models import repr_tables

RESULT_VERSION = 1


@dataclass
class LoadResult:
    """The outcome of :func:`~columnar_etl.loading.strategies.load_tables`.

    ``status`` is ``live`` (simple: the version is what ``<base>.*`` reads now), ``ready`` (blue-green:
    loaded and validated beside the live one, waiting for ``cutover``) or ``canary`` (the sample was
    validated and dropped). A refused or failed load raises instead; :class:`LoadRefused` carries the
    result (status ``refused``) so the report is not lost. ``already_loaded`` (status
    ``already_loaded``) names the version that was loaded from the same source, found under the
    target's lock (live when it is ``live_before``): nothing was loaded.
    """

    run_id: str
    mode: str
    base: str
    schema: str
    status: str
    target: str
    live_before: str | None = None
    live_after: str | None = None
    rows: dict[str, int] = field(default_factory=dict)
    stats: dict[str, TableStats] = field(default_factory=dict)
    validation: ValidationReport = field(default_factory=ValidationReport)
    drift: DriftReport = field(default_factory=lambda: DriftReport(live=None))
    dashboard: list[MetricResult] = field(default_factory=list)
    view_changes: list[ViewChange] = field(default_factory=list)
    column_names: dict[str, dict[str, str]] | None = None
    #: Export table name → the (shorter) name it has in PostgreSQL, for names over 63 bytes only.
    table_names: dict[str, str] = field(default_factory=dict)
    quality_before: float | None = None
    quality_after: float | None = None
    min_quality: float | None = None
    backup: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    #: Per table whose key got a plain index instead of a primary key: why (NULLs or duplicates).
    key_indexes: dict[str, str] = field(default_factory=dict)
    already_loaded: str | None = None
    #: What cleaning lost on the way in (quarantined values, removed rows), when the load cleaned it.
    clean_warnings: list[str] = field(default_factory=list)
    #: What the operator should know and is no warning (the export's views, indexes and triggers, which
    #: the target does not get), when the load profiled the export.
    notes: list[str] = field(default_factory=list)
    #: True from the moment the version's transaction committed (a canary's never does).
    committed: bool = False
    #: True when the target could not take a canary's ledger row, all a canary leaves there.
    ledger_row_lost: bool = False
    #: When it committed (epoch seconds): the benchmark's "commit → exit" starts here.
    committed_at: float | None = None

    @property
    def total_rows(self) -> int:
        """Rows loaded over all tables."""
        return sum(self.rows.values())

    @property
    def version_schema(self) -> str | None:
        """The version schema this load created (None for a canary, whose schema was dropped)."""
        return None if self.mode == "canary" else self.schema or None

    @property
    def warnings(self) -> list[str]:
        """What deserves a look without blocking anything: drift that strict_drift did not make fatal,
        dashboard templates that do not apply to this export, keys indexed without a primary key; and
        first what cleaning lost on the way in."""
        found = list(self.clean_warnings)
        found += [
            f"{table}: plain index instead of a primary key: {why}" for table, why in self.key_indexes.items()
        ]
        if not self.drift.blocks_cutover:
            found += [f"drift: {item.message()}" for item in self.drift.items]
        found += [
            f"dashboard template {m.name!r} not applicable: {m.reason}" for m in self.dashboard if m.warns
        ]
        if self.ledger_row_lost:
            found.append(self.ledger_row_lost_warning)
        return found

    @property
    def ledger_row_lost_warning(self) -> str:
        """The warning of a canary whose ledger row the target could not take (see ``ledger_row_lost``)."""
        return f"the target could not take the {self.mode} load's ledger row (the log says why)"

    @property
    def problems(self) -> list[str]:
        """Why a cutover must not happen: failed checks, failed templates, blocking drift (empty: none)."""
        found = [check.message() for check in self.validation.failures]
        found += [f"dashboard template {m.name!r} failed: {m.reason}" for m in self.dashboard if not m.ok]
        if self.drift.blocks_cutover:
            found += [f"drift (strict): {item.message()}" for item in self.drift.items]
        return found

    @property
    def ok(self) -> bool:
        """True when nothing stands in the way of a cutover."""
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (``version`` says which shape)."""
        return {
            "version": RESULT_VERSION,
            "run_id": self.run_id,
            "mode": self.mode,
            "base": self.base,
            "schema": self.schema,
            "version_schema": self.version_schema,
            "status": self.status,
            "target": self.target,
            "live_before": self.live_before,
            "live_after": self.live_after,
            "rows": dict(self.rows),
            "total_rows": self.total_rows,
            "ok": self.ok,
            "problems": self.problems,
            "warnings": self.warnings,
            "notes": [*self.notes, *filter(None, [unused_bundled_note(self.dashboard)])],
            "quality": {"before": self.quality_before, "after": self.quality_after, "min": self.min_quality},
            "validation": self.validation.to_dict(),
            "drift": self.drift.to_dict(),
            "dashboard": [metric.to_dict() for metric in self.dashboard],
            "view_changes": [change.to_dict() for change in self.view_changes],
            "column_names": self.column_names,
            "table_names": dict(self.table_names),
            "backup": self.backup,
            "key_indexes": dict(self.key_indexes),
            "seconds": {name: round(value, 4) for name, value in self.seconds.items()},
            "committed_at": None
            if self.committed_at is None
            else datetime.fromtimestamp(self.committed_at, UTC).isoformat(timespec="microseconds"),
            "stats": {name: table.to_dict() for name, table in self.stats.items()},
        }

    def __repr__(self) -> str:
        tables = repr_tables([(name, f"{rows:,}") for name, rows in self.rows.items()])
        verdict = "ok" if self.ok else f"{len(self.problems)} problem(s)"
        total = self.seconds.get("total", 0.0)
        return f"<LoadResult {self.mode} {self.schema} [{self.status}]: {tables}; {verdict}; {total:.2f} s>"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td style='text-align:right'>{count:,}</td></tr>"
            for name, count in self.rows.items()
        )
        metrics = "".join(
            f"<li>{html.escape(m.name)}: {html.escape(m.status.replace('_', ' '))}"
            f"{': ' + html.escape(m.reason) if m.reason else ''}</li>"
            for m in self.dashboard
        )
        problems = "".join(f"<li>{html.escape(p)}</li>" for p in self.problems) or "<li>none</li>"
        drift = "".join(f"<li>{html.escape(i.message())}</li>" for i in self.drift.items) or "<li>none</li>"
        return (
            f"<div><b>{html.escape(self.mode)}</b> load into <code>{html.escape(self.schema)}</code> "
            f"[{html.escape(self.status)}], run {html.escape(self.run_id)}"
            f"<table><tr><th>table</th><th>rows</th></tr>{rows}</table>"
            f"<p>problems</p><ul>{problems}</ul><p>drift vs {html.escape(str(self.drift.live))}</p>"
            f"<ul>{drift}</ul><p>dashboard templates</p><ul>{metrics}</ul></div>"
        )


class LoadRefused(LoadError):
    """Validation, a dashboard template, the quality gate or strict drift refused the load's cutover.

    Nothing live changed and the version was rolled back; ``result`` holds the full report.
    """

    def __init__(self, result: LoadResult) -> None:
        problems = result.problems
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(
            f"{result.mode} load refused, nothing live changed: {problems[0]}{more}",
            hint="see the run's report (--json, or columnar_etl.runs in the target)",
        )
        self.result = result

    exit_code = ExitCode.GATE


@dataclass
class CutoverResult:
    """What a cutover or rollback did: which version ``<base>.*`` read before and reads now."""

    run_id: str
    base: str
    from_version: str | None
    to_version: str
    rollback: bool
    target: str
    changes: list[ViewChange] = field(default_factory=list)
    backup: str | None = None
    seconds: float = 0.0
    dashboard: list[MetricResult] = field(default_factory=list)
    #: True from the moment the switch's transaction committed.
    committed: bool = False
    #: What the operator should know of the switch (the live version's backup skipped: it was gone).
    notices: list[str] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        """The notices, and dashboard templates that do not apply to the version cut over to (a
        cutover's exit 2)."""
        return [
            *self.notices,
            *(f"dashboard template {m.name!r} not applicable: {m.reason}" for m in self.dashboard if m.warns),
        ]

    @property
    def column_changes(self) -> list[ViewChange]:
        """Views whose columns differ between the two versions, and those that came or went: a table
        one of them lacks (every view is new when nothing was live: none of them is listed then)."""
        return [
            c
            for c in self.changes
            if c.added
            or c.removed
            or c.retyped
            or c.action == "dropped"
            or (c.action == "created" and self.from_version is not None)
        ]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "run_id": self.run_id,
            "base": self.base,
            "action": "rollback" if self.rollback else "cutover",
            "from_version": self.from_version,
            "to_version": self.to_version,
            "target": self.target,
            "changes": [change.to_dict() for change in self.changes],
            "backup": self.backup,
            "seconds": round(self.seconds, 4),
            "dashboard": [metric.to_dict() for metric in self.dashboard],
            "warnings": self.warnings,
        }

    def __repr__(self) -> str:
        action = "rollback" if self.rollback else "cutover"
        return f"<CutoverResult {action} {self.base}: {self.from_version} → {self.to_version}>"


@dataclass
class VersionInfo:
    """One version schema as the ledger knows it."""

    schema: str
    created: datetime
    live: bool
    previous: str | None
    rows: dict[str, int]
    quality: float | None
    run_id: str | None
    live_since: datetime | None = None
    #: Its schema is gone (dropped outside columnar_etl): no cutover can make it live.
    missing: bool = False
    #: The base's views read it: what the dashboards see, whatever ``live`` (the ledger) says.
    read_by_views: bool = False
    #: A version schema in the database the ledger lists no row of (deleted by hand): no cutover or
    #: rollback can make it live; ``created`` is read from its name.
    unlisted: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return dict(
            jsonable(
                {
                    "schema": self.schema,
                    "created": self.created,
                    "live": self.live,
                    "previous": self.previous,
                    "rows": self.rows,
                    "total_rows": sum(self.rows.values()),
                    "quality": self.quality,
                    "run_id": self.run_id,
                    "live_since": self.live_since,
                    "missing": self.missing,
                    "read_by_views": self.read_by_views,
                    "unlisted": self.unlisted,
                }
            )
        )


@dataclass
class PruneResult:
    """Versions dropped by a prune and those kept (the live one and its predecessor always)."""

    base: str
    dropped: list[str]
    kept: list[str]
    dry_run: bool = False
    #: A version kept because something columnar_etl did not make depends on it, one line each.
    warnings: list[str] = field(default_factory=list)
    #: True from the moment the prune's transaction committed (never for a dry run).
    committed: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "base": self.base,
            "dropped": self.dropped,
            "kept": self.kept,
            "dry_run": self.dry_run,
            "warnings": list(self.warnings),
        }
