"""The run report: ``runs/<run_id>/report.html``, one self-contained page saying what one run did.

Top to bottom: the outcome, key figures, stage timings, rows per table, what cleaning changed, every
column before and after, validation and dashboard template results, drift, how to roll back, and the
run's provenance. It renders whatever the run got to: a failed preflight has neither profile nor clean,
a halted run a profile only, an already-loaded one almost nothing.

The figures come from the run record (``record.to_dict()``, i.e. run.json) and from the live objects of
each stage when present (the profile's issues, the cleaner's counters, the loader's checks). Free text
(error messages, warnings, check messages) goes through :func:`~columnar_etl.config.mask_secrets`, and
``RunResult.target_uri`` is never read: the page may be mailed around.
"""

from __future__ import annotations

import json
import shlex
from collections import defaultdict
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Protocol

from columnar_etl.config import Settings, mask_secrets
from columnar_etl.pipeline.record import ALREADY_LOADED_LIVE, RunRecord
from columnar_etl.profiling.quality import REMAIN_AFTER_CLEANING
from columnar_etl.report import display, load_sections
from columnar_etl.report.html import render_body, render_document, render_fragment, write_html

if TYPE_CHECKING:
    from markupsafe import Markup

    from columnar_etl.cleaning.result import CleanResult
    from columnar_etl.models import Profile


class RunParts(Protocol):
    """What the page reads of a run (a :class:`~columnar_etl.pipeline.runner.RunResult`)."""

    @property
    def record(self) -> RunRecord:
        """The run record (run.json)."""

    @property
    def profile(self) -> Profile | None:
        """The profile, when the run got that far."""

    @property
    def clean(self) -> Any:
        """The cleaner's result, when the run got that far."""

    @property
    def load(self) -> Any:
        """The load's result, when the run got that far."""

    @property
    def preflight(self) -> Any:
        """The preflight's result, when the run got that far."""


#: The stages of a full run, in order: the ones a run never reached are listed as such.
STAGES = ("preflight", "backup", "profile", "gate", "clean+load")
#: How the report names the cleaner's counters (``quarantined`` is shown by reason instead).
CHANGE_LABELS = {
    "dates_standardized": "dates standardized to ISO",
    "empty_strings_converted": "empty strings → NULL",
    "null_likes_converted": "null-like tokens → NULL",
    "whitespace_trimmed": "whitespace trimmed",
    "comma_decimals_fixed": "comma decimals → point",
    "thousands_separators_removed": "thousands separators removed",
    "minus_signs_read": "minus signs (U+2212) read as -",
    "blob_numerals_read": "BLOBs read as the numbers they spell",
    "booleans_normalized": "booleans normalized",
    "nul_removed": "NUL bytes removed",
    "rounded": "rounded to the column's scale",
}
#: Outcome → (banner colour, headline).
OUTCOMES: dict[str, tuple[str, str]] = {
    "done": ("pass", "the run finished: every stage passed"),
    "warn": ("warn", "the run finished with warnings"),
    "halted": ("halt", "the circuit breaker stopped the run: nothing was loaded"),
    "failed": ("halt", "the run failed: nothing live changed"),
    "already_loaded": ("info", "nothing to do: a version was loaded from this very file"),
    "running": ("info", "the run has not finished"),
}
#: The files a run leaves beside report.html, listed in the footer when they exist.
ARTEFACTS = (
    "run.json", "log.jsonl", "metrics.json", "metrics.prom", "preflight.json", "profile.json",
    "audit.parquet", "quarantine.parquet",
)  # fmt: skip
TOP_COLUMNS = 3


def run_html_document(result: RunParts) -> str:
    """The run's report as one self-contained HTML page (inline CSS, no script, no network)."""
    record = result.record
    name = PurePath(record.source or "").name
    title = f"Run {record.run_id}: {record.outcome} — {display.visible(name, 80)}"
    return render_document(title, _run_body(result))


def run_html_fragment(result: RunParts) -> str:
    """The run's report for a notebook (``RunResult._repr_html_``): the page's content without ``<html>``."""
    return render_fragment(_run_body(result))


def write_run_html(result: RunParts, path: str | Path) -> Path:
    """Write :func:`run_html_document` to ``path`` atomically (replacing any old report); return it."""
    return write_html(run_html_document(result), path)


def _run_body(result: RunParts) -> Markup:
    rec = result.record.to_dict()
    load = result.load.to_dict() if result.load is not None else rec.get("load")
    profile, clean = result.profile, result.clean
    bands = display.QualityBands.of(profile) if profile is not None else _bands(rec["settings"])
    return render_body(
        "run.html.j2",
        rec=rec,
        run_dir=str(result.record.run_dir),
        profile=profile,
        clean=clean,
        source_name=PurePath(rec["source"]).name,
        banner=_banner(rec, load),
        bands=bands,
        cards=_cards(rec, load, profile, clean, bands),
        stages=_stages(rec),
        load_stages=_load_stages(load),
        tables=_tables(rec, load, profile, clean),
        changes=_changes(clean) if clean is not None else None,
        quarantine=_quarantine(clean) if clean is not None else [],
        outliers=_outliers(clean) if clean is not None else [],
        columns=_columns(profile, clean) if profile is not None else [],
        preflight=_preflight(result.preflight),
        validation=load_sections.validation(result.load, load),
        dashboard=load_sections.dashboard(load),
        drift=load_sections.drift(load),
        shortened=load_sections.shortened(load),
        rollback=load_sections.rollback(rec, load),
        settings=[(key, _setting(value)) for key, value in sorted(rec["settings"].items())],
        artefacts=_artefacts(result.record.run_dir),
    )


def _bands(settings: dict[str, Any]) -> display.QualityBands:
    fields = Settings.model_fields
    gate = settings.get("min_quality", fields["min_quality"].default)
    floor = settings.get("halt_quality", fields["halt_quality"].default)
    return display.QualityBands(gate=float(gate), floor=float(floor))


def _banner(rec: dict[str, Any], load: dict[str, Any] | None) -> dict[str, Any]:
    status, headline = OUTCOMES.get(rec["outcome"], ("info", str(rec["outcome"])))
    finished = rec["outcome"] in ("done", "warn") and load is not None
    version = str((load or {}).get("version_schema") or (load or {}).get("schema"))
    if finished and load is not None:
        loaded = {
            "live": f"loaded {version}: it is live now ({load['base']}.* reads it)",
            "ready": f"loaded {version} beside the live version: ready for the cutover",
            "canary": "the canary load passed every check; it was dropped and nothing live changed",
        }
        headline = loaded.get(str(load.get("status"))) or headline
        headline += ", with warnings" if rec["outcome"] == "warn" else ""
    error = rec.get("error") or {}
    where = ", ".join(
        f"{name} {error[name]!r}" if name != "path" else f"file {error[name]}"
        for name in ("path", "table", "column")
        if error.get(name)
    )
    failed = next((s["name"] for s in rec["stages"] if s["status"] in ("failed", "halted")), None)
    # The runner's warning that the live version came from this file: the headline says it already.
    live_already = rec["outcome"] == "already_loaded" and any(
        w.startswith(ALREADY_LOADED_LIVE) for w in rec["warnings"]
    )
    if live_already:
        headline = "nothing to do: the live version was loaded from this very file"
    warnings = [w for w in rec["warnings"] if not (live_already and w.startswith(ALREADY_LOADED_LIVE))]
    following = None
    if finished and load is not None and load.get("status") == "ready":
        following = (f"columnar-etl cutover {shlex.quote(version)}", "makes it live, in one transaction")
    elif finished and load is not None and load.get("status") == "live" and load.get("live_before"):
        following = ("columnar-etl rollback", f"would return to {load['live_before']}")
    return {
        "status": status,
        "label": rec["outcome"].replace("_", " "),
        "headline": headline,
        "stage": failed,
        "error": display.masked(error.get("message")),
        "error_type": error.get("error"),
        "where": display.masked(where),
        "hint": display.masked(error.get("hint")),
        "warnings": [display.masked(w) for w in warnings],
        "notes": [display.masked(n) for n in rec.get("notes") or []],
        "problems": [display.masked(p) for p in (load or {}).get("problems", [])],
        "next": following,
    }


def _cards(
    rec: dict[str, Any],
    load: dict[str, Any] | None,
    profile: Profile | None,
    clean: CleanResult | None,
    bands: display.QualityBands,
) -> list[tuple[str, str | None, str]]:
    rows = rec["rows"]
    if clean is not None:
        flow = f"{clean.rows_in:,} → {clean.rows_out:,}"
    elif rows:
        flow = f"{sum(t['in'] for t in rows.values()):,} → {sum(t['out'] for t in rows.values()):,}"
    elif profile is not None:
        flow = f"{sum(t.row_count for t in profile.tables.values()):,} → —"
    else:
        flow = "—"
    quarantined = clean.quarantined if clean is not None else sum(t["quarantined"] for t in rows.values())
    before, after = rec["quality_before"], rec["quality_after"]
    quality = " → ".join(display.run_quality(q) for q in (before, after))
    shown = after if after is not None else before
    version = rec["version_schema"] or (load or {}).get("schema") or None
    cards = [
        ("Rows in → out", flow if flow != "—" else None, ""),
        ("Quarantined values", f"{quarantined:,}" if rows or clean is not None else None, ""),
        ("Quality before → after", quality if shown is not None else None, f"cetl-{bands.band(shown or 0)}"),
        ("Version schema", version, "cetl-mono cetl-card-long"),
        ("Mode", rec["mode"], ""),
        ("Total time", f"{rec['seconds']:.2f} s", ""),
    ]
    # A run that stopped early has no figures for the later stages: no card beats a card saying "—".
    return [(label, value, cls) for label, value, cls in cards if value is not None]


def _stages(rec: dict[str, Any]) -> list[dict[str, Any]]:
    done = {stage["name"] for stage in rec["stages"]}
    total = sum(stage["seconds"] for stage in rec["stages"]) or 1.0
    shown = [
        {**stage, "share": stage["seconds"] / total, "slot": i, "detail": display.masked(stage["detail"])}
        for i, stage in enumerate(rec["stages"])
    ]
    # A halted or failed run stops early: the stages it never reached say so instead of vanishing.
    shown += [
        {"name": name, "seconds": None, "rows": None, "rows_per_second": None, "status": "not reached"}
        | {"detail": None, "share": 0.0, "slot": None}
        for name in STAGES
        if name not in done and rec["outcome"] != "already_loaded"
    ]
    return shown


def _load_stages(load: dict[str, Any] | None) -> list[dict[str, Any]]:
    seconds = {k: v for k, v in (load or {}).get("seconds", {}).items() if k != "total"}
    total = sum(seconds.values()) or 1.0
    return [
        {"name": name, "seconds": value, "share": value / total, "slot": i, "status": "done"}
        for i, (name, value) in enumerate(seconds.items())
    ]


def _tables(
    rec: dict[str, Any], load: dict[str, Any] | None, profile: Profile | None, clean: CleanResult | None
) -> list[dict[str, Any]]:
    names = list(profile.tables) if profile is not None else list(rec["rows"])
    loaded = (load or {}).get("rows", {})
    target_name = (load or {}).get("table_names") or {}
    rows = []
    for name in names:
        table = profile.tables[name] if profile is not None else None
        stats = clean.tables.get(name) if clean is not None else None
        counts = rec["rows"].get(name, {})
        rows.append(
            {
                "name": name,
                "rows_in": stats.rows_in if stats else counts.get("in", table.row_count if table else None),
                "rows_out": stats.rows_out if stats else counts.get("out"),
                "rejected": stats.rows_rejected if stats else None,
                "duplicates": stats.duplicates_removed if stats else None,
                "quarantined": stats.total("quarantined") if stats else counts.get("quarantined"),
                "changed": stats.changed if stats else None,
                "loaded": loaded.get(target_name.get(name, name)),
                "before": table.quality if table is not None else None,
                "after": stats.quality if stats is not None else None,
            }
        )
    return rows


def _changes(clean: CleanResult) -> list[dict[str, Any]]:
    found: list[tuple[int, str, list[tuple[str, int]]]] = []
    # Each column's counters once: built per counter and column, they were most of this report's
    # writing for an export of 1,000 tables (8,000 columns x 12 counters, each building all 12).
    counted = [
        (f"{table.name}.{column.name}", column.counts)
        for table in clean.tables.values()
        for column in table.columns.values()
    ]
    for counter, label in CHANGE_LABELS.items():
        per_column = [(name, counts[counter]) for name, counts in counted if counts[counter]]
        if per_column:
            found.append(
                (sum(n for _, n in per_column), label, sorted(per_column, key=lambda item: -item[1]))
            )
    found.sort(key=lambda row: -row[0])
    most = max((cells for cells, _, _ in found), default=1)
    return [
        {"label": label, "cells": cells, "share": cells / most, "columns": len(per_column)}
        | {"top": per_column[:TOP_COLUMNS]}
        for cells, label, per_column in found
    ]


def _quarantine(clean: CleanResult) -> list[dict[str, Any]]:
    table = clean.quarantine
    if table is None or table.num_rows == 0 or "rule" not in table.column_names:
        return []
    # One aggregate in Arrow: a run may quarantine many thousands of values.
    grouped = table.group_by(["rule", "table", "column"]).aggregate([([], "count_all")])
    reasons: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for row in grouped.to_pylist():
        reasons[str(row["rule"])].append((f"{row['table']}.{row['column']}", int(row["count_all"])))
    examples: dict[str, list[Any]] = defaultdict(list)
    for row in table.slice(0, 2000).select(["rule", "raw_value"]).to_pylist():
        shown = examples[str(row["rule"])]
        if len(shown) < TOP_COLUMNS and row["raw_value"] not in shown:
            shown.append(row["raw_value"])
    found = []
    for rule, columns in reasons.items():
        columns.sort(key=lambda item: -item[1])
        found.append(
            {
                "rule": rule,
                "count": sum(count for _, count in columns),
                "columns": len(columns),
                "top": columns[:TOP_COLUMNS],
                "examples": examples[rule],
            }
        )
    return sorted(found, key=lambda row: -row["count"])


def _outliers(clean: CleanResult) -> list[dict[str, Any]]:
    return [
        {"where": f"{table.name}.{column.name}", "count": column.outliers}
        | {"fence": column.outlier_fence, "examples": column.outlier_examples[:TOP_COLUMNS]}
        for table in clean.tables.values()
        for column in table.columns.values()
        if column.outliers
    ]


def _columns(profile: Profile, clean: CleanResult | None) -> list[dict[str, Any]]:
    sections = []
    for name, table in profile.tables.items():
        stats = clean.tables.get(name) if clean is not None else None
        rows, untouched = [], []
        for column in table:
            cleaned = stats.columns.get(column.name) if stats is not None else None
            if not column.issues and not (cleaned and cleaned.changed) and not (cleaned and cleaned.outliers):
                untouched.append(column.name)
                continue
            remaining = [i for i in column.issues if i.kind in REMAIN_AFTER_CLEANING]
            rows.append(
                {
                    "column": column,
                    "issues": display.ranked_issues(column.issues),
                    "clean": cleaned,
                    "changes": [
                        (CHANGE_LABELS[c], n)
                        for c, n in (cleaned.counts.items() if cleaned else ())
                        if n and c in CHANGE_LABELS
                    ],
                    "remaining": remaining,
                    "after": cleaned.quality if cleaned is not None else None,
                }
            )
        rows.sort(key=lambda row: row["column"].quality)
        sections.append({"name": name, "table": table, "rows": rows, "untouched": untouched})
    return sections


def _preflight(checked: Any) -> dict[str, Any] | None:
    if checked is None:
        return None
    checks = [
        {
            "name": c.name,
            "status": c.status,
            "message": display.masked(c.message),
            "hint": display.masked(c.hint),
        }
        | {"value": c.display_value(), "threshold": c.display_threshold()}
        for c in checked.checks
    ]
    return {
        "status": checked.status,
        "checks": checks,
        "passed": sum(1 for c in checks if c["status"] == "pass"),
        "problems": [c for c in checks if c["status"] in ("fail", "warn")],
    }


def _setting(value: Any) -> str:
    if value is None:
        return "unset"
    if isinstance(value, str):
        return mask_secrets(value)
    if isinstance(value, list):
        return ", ".join(json.dumps(item, ensure_ascii=False) for item in value) or "[]"
    return mask_secrets(json.dumps(value, ensure_ascii=False, sort_keys=True))


def _artefacts(run_dir: Path) -> list[str]:
    return [name for name in ARTEFACTS if (run_dir / name).exists()]
