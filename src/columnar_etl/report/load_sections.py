"""What the run page shows of the load: validation, dashboard templates, drift, renamed names, undo.

Each function turns the load's JSON (``LoadResult.to_dict()``, as run.json keeps it) into what one
section of ``run.html.j2`` shows; values that came from the export or the target are masked.
"""

from __future__ import annotations

import shlex
from collections import Counter
from pathlib import PurePath
from typing import Any

from columnar_etl.config import Settings, mask_uri
from columnar_etl.pg.identifiers import MAX_IDENTIFIER_BYTES
from columnar_etl.pipeline.record import ALREADY_LOADED_LIVE
from columnar_etl.report import display

#: Rows of each dashboard template's result shown on the page.
DASHBOARD_ROWS = 3


def validation(live: Any, load: dict[str, Any] | None) -> dict[str, Any] | None:
    """The validation checks: the summary, per kind how many passed, the quality checks."""
    if not load or "validation" not in load:
        return None
    summary = load["validation"]
    checks = getattr(getattr(live, "validation", None), "checks", None) or []
    per_table = [c for c in checks if c.table is not None]
    passed: Counter[str] = Counter(c.check for c in per_table if c.ok)
    total: Counter[str] = Counter(c.check for c in per_table)
    quality = [c.to_dict() for c in checks if c.table is None]
    return {
        "ok": summary["ok"],
        "checks": summary["checks"],
        "failed": summary["failed"],
        "kinds": [(kind, passed[kind], count) for kind, count in total.items()],
        "failures": summary["failures"],
        "quality": quality,
    }


def dashboard(load: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Each dashboard template's result with the head of its rows, failures first."""
    metrics = []
    for metric in (load or {}).get("dashboard", []):
        rows = metric.get("rows") or []
        columns = list(rows[0])[:6] if rows else []
        metrics.append(
            metric
            | {
                "error": display.masked(metric.get("error")),
                "reason": display.masked(metric.get("reason")),
                "status": metric.get("status", "ok" if metric.get("ok", True) else "failing"),
                "columns": columns,
                "numeric": [all(isinstance(row.get(c), int | float) for row in rows[:3]) for c in columns],
                "head": [[row.get(c) for c in columns] for row in rows[:DASHBOARD_ROWS]],
                "more": max(len(rows) - DASHBOARD_ROWS, 0),
            }
        )
    return sorted(metrics, key=lambda metric: bool(metric.get("ok", True)))  # failures first, else as run


def shortened(load: dict[str, Any] | None) -> list[tuple[str, str, str]]:
    """``(table, export name, PostgreSQL name)`` of every table and column renamed for being over 63 bytes."""
    if not load:
        return []
    tables = load.get("table_names") or {}
    found = [(export, "", short) for export, short in tables.items()]
    for table, columns in (load.get("column_names") or {}).items():
        found += [
            (table, export, short)
            for export, short in columns.items()
            if len(export.encode()) > MAX_IDENTIFIER_BYTES and export != short
        ]
    return found


def drift(load: dict[str, Any] | None) -> dict[str, Any] | None:
    """What changed against the live version: drift items and the views whose columns changed."""
    if not load:
        return None
    drift = load.get("drift") or {}
    views = load.get("view_changes", [])
    return {
        "live": drift.get("live"),
        "strict": drift.get("strict", False),
        "blocks": drift.get("blocks_cutover", False),
        "found": [item | {"message": display.masked(item.get("message"))} for item in drift.get("items", [])],
        "views": views,
        # Only views whose columns changed (or went away) deserve a row; the others are listed by name.
        "reshaped": [
            v for v in views if v["action"] == "dropped" or v["added"] or v["removed"] or v["retyped"]
        ],
    }


def rollback(rec: dict[str, Any], load: dict[str, Any] | None) -> dict[str, Any]:
    """The exact commands that undo (or finish) this run, each with what it does."""
    load = load or {}
    default_base = Settings.model_fields["base_schema"].default
    base = load.get("base") or rec["settings"].get("base_schema") or default_base
    opt = "" if base == default_base else f" --base {shlex.quote(base)}"
    status, version = load.get("status"), load.get("version_schema") or rec["version_schema"]
    commands: list[tuple[str, str]] = []
    if status == "live":
        lead = f"This run changed what {base}.* reads: it now reads {version}. To undo it:"
        before = load.get("live_before")
        undo = (
            f"re-points {base}.* to {before}, the version live before this run"
            if before
            else ("nothing was live before this run: rollback has no earlier version to return to")
        )
        commands.append((f"columnar-etl rollback{opt}", undo))
    elif status == "ready" and version:
        lead = f"Nothing live changed: {version} waits beside the live version until a cutover."
        commands.append((f"columnar-etl cutover {shlex.quote(version)}{opt}", f"makes {version} live"))
        commands.append(
            (f"columnar-etl rollback{opt}", "after that cutover, returns to the version live before it")
        )
    elif status == "canary":
        lead = "Nothing live changed: the canary's sample was validated and dropped. Nothing to undo."
    elif rec["outcome"] == "already_loaded":
        lead = (
            f"Nothing changed: {base}.* already reads a version loaded from this very file."
            if any(w.startswith(ALREADY_LOADED_LIVE) for w in rec["warnings"])
            else f"Nothing changed: a version of {base} not live was loaded from this very file; "
            "the warning names it and the cutover that makes it live."
        )
        again = f"columnar-etl run {shlex.quote(rec['source'])} --mode {shlex.quote(rec['mode'])} --force"
        commands.append((again, "loads the file again anyway, as a new version"))
    else:
        lead = "Nothing live changed: this run stopped before the load. Nothing to undo."
    commands.append((f"columnar-etl schemas list{opt}", "every version schema, the live one marked"))
    backup = rec.get("backup") or {}
    if backup.get("path"):
        source = PurePath(rec["source"])
        restored = shlex.quote(str(source.with_name(f"{source.stem}.restored.db")))
        what = "verifies the source backup this run took and copies it back (never over an existing file)"
        commands.append((f"columnar-etl backup restore {shlex.quote(backup['path'])} --to {restored}", what))
    if load.get("backup"):
        what = "restores the dump of the version live before this load, into a fresh schema"
        commands.append((f"columnar-etl backup target-restore {shlex.quote(load['backup'])}", what))
    target = rec["settings"].get("target")
    return {
        "lead": lead,
        "commands": commands,
        "changed_live": status == "live",
        "target": mask_uri(target) if target else None,
        "backup": backup,
    }
