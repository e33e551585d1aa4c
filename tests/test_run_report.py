"""The run report (``report.html``): every section of a full run, partial runs, escaping and masking.

The profile and the clean result are real (the committed fixture, and a hand-made export with hostile
names); the run record and the load result are filled by hand the way ``run()`` fills them, so each
outcome (done, warn, halted, failed, already_loaded) renders without a database. One last test renders
the report of a real run against PostgreSQL.
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path
from typing import Any

import pytest

from columnar_etl.cleaning import CleanResult
from columnar_etl.config import Settings, load_settings
from columnar_etl.gates.check import Check as PreflightCheck
from columnar_etl.gates.preflight import PreflightResult
from columnar_etl.loading.base_views import ViewChange
from columnar_etl.loading.dashboard import MetricResult
from columnar_etl.loading.drift import DriftItem, DriftReport
from columnar_etl.loading.result import LoadResult
from columnar_etl.loading.validate import Check, ValidationReport
from columnar_etl.models import Profile
from columnar_etl.pipeline.clean import clean
from columnar_etl.pipeline.record import RunRecord, StageRecord
from columnar_etl.pipeline.runner import RunResult, run
from columnar_etl.profiling.profile import profile
from columnar_etl.report import run_html_document, run_html_fragment, write_run_html
from tests.conftest import (
    GATES_OPEN,
    SMALL_FIXTURE,
    UNFIXABLE_KINDS,
    SqliteFactory,
    truth_quality,
    truth_rows,
)

SECRET = "s3cret-pw"
SECRET_URI = f"postgresql://etl:{SECRET}@db.internal:5432/helpdesk"
VERSION = "servicedesk_v20250701_120000"
LIVE_BEFORE = "servicedesk_v20250601_090000"
HOSTILE_TABLE = "t<i>"
HOSTILE_COLUMN = "<script>alert(1)</script>"


def page_text(markup: str) -> str:
    """What a reader sees: tags dropped, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


@pytest.fixture(scope="module")
def fixture_profile() -> Profile:
    return profile(SMALL_FIXTURE)


@pytest.fixture(scope="module")
def fixture_clean() -> CleanResult:
    return clean(SMALL_FIXTURE)


def make_record(
    run_dir: Path, outcome: str, stages: list[tuple[str, float, str]], **fields: Any
) -> RunRecord:
    """A run record as ``run()`` leaves it, with ``stages`` as (name, seconds, status)."""
    settings = Settings(target=SECRET_URI, runs_dir=run_dir.parent, backup_dir=run_dir / "backups")
    record = RunRecord(
        run_id="20250701T120000Z-abc123",
        run_dir=run_dir,
        source=str(SMALL_FIXTURE),
        mode=fields.pop("mode", "blue-green"),
        settings=settings.masked(),
        source_checksum="ab" * 32,
        started=1751371200.0,
        finished=1751371203.5,
        outcome=outcome,  # type: ignore[arg-type]
        **fields,
    )
    record.stages = [StageRecord(name, seconds, status=status) for name, seconds, status in stages]  # type: ignore[arg-type]
    return record


#: The fixture's quality before and after cleaning, from its truth file (docs/profiling.md's formula).
BEFORE, AFTER = truth_quality(), truth_quality(kinds=UNFIXABLE_KINDS)
FULL_STAGES = [("preflight", 0.3, "done"), ("backup", 0.01, "done"), ("profile", 0.9, "done")]
FULL_STAGES += [("gate", 0.001, "done"), ("clean+load", 1.6, "done")]


def make_load(clean_result: CleanResult, status: str = "ready", **fields: Any) -> LoadResult:
    """A load result with real-looking checks, template results and timings."""
    checks = [Check("rows", t.rows_out, t.rows_out, True, name) for name, t in clean_result.tables.items()]
    checks += [Check("non_null", 105, 105, True, "tickets", "TKT-Created Time")]
    checks += [Check("quality_not_worse", BEFORE, AFTER, True), Check("min_quality", 80.0, AFTER, True)]
    checks += fields.pop("extra_checks", [])
    dashboard = [
        MetricResult(
            "tickets_by_status", rows=[{"status": "Closed", "tickets": 43}, {"status": "Open", "tickets": 15}]
        ),
        MetricResult("open_backlog", rows=[{"open_tickets": 28, "mean_age_days": 49.0}], seconds=0.002),
    ]
    dashboard += fields.pop("extra_metrics", [])
    fields.setdefault("drift", DriftReport(live=fields.get("live_before")))
    return LoadResult(
        run_id="20250701T120000Z-abc123",
        mode="blue-green" if status == "ready" else "simple",
        base="servicedesk",
        schema=VERSION,
        status=status,
        target="postgresql://etl:***@db.internal:5432/helpdesk",
        rows={name: t.rows_out for name, t in clean_result.tables.items()},
        validation=ValidationReport(checks),
        dashboard=dashboard,
        seconds={
            "copy": 0.9,
            "indexes": 0.05,
            "validate": 0.1,
            "dashboard": 0.2,
            "commit": 0.01,
            "total": 1.3,
        },
        **fields,
    )


@pytest.fixture
def full_run(tmp_path: Path, fixture_profile: Profile, fixture_clean: CleanResult) -> RunResult:
    """A blue-green run that loaded a version beside the live one."""
    load = make_load(fixture_clean, live_before=LIVE_BEFORE)
    backup = {"path": str(tmp_path / "backups" / "export_small.db.20250701_120000"), "sha256": "cd" * 32}
    record = make_record(
        tmp_path / "run",
        "done",
        FULL_STAGES,
        rows={
            n: {"in": t.rows_in, "out": t.rows_out, "quarantined": t.total("quarantined")}
            for n, t in fixture_clean.tables.items()
        },
        quality_before=fixture_profile.quality,
        quality_after=AFTER,
        version_schema=VERSION,
        backup=backup,
        load=load.to_dict(),
    )
    record.stages[-1].rows = fixture_clean.rows_in
    return RunResult(
        record=record, profile=fixture_profile, clean=fixture_clean, load=load, target_uri=SECRET_URI
    )


def test_full_run_shows_every_section_with_its_figures(
    full_run: RunResult, fixture_clean: CleanResult
) -> None:
    page = run_html_document(full_run)
    text = page_text(page)
    assert page.startswith("<!DOCTYPE html>")
    for anchor in ("stages", "tables", "changes", "columns", "checks", "drift", "rollback", "provenance"):
        assert f'id="cetl-{anchor}"' in page, anchor
    # outcome banner and cards
    assert "DONE" in text and f"loaded {VERSION} beside the live version: ready for the cutover" in text
    assert f"Next: columnar-etl cutover {VERSION}" in text
    assert f"{fixture_clean.rows_in:,} → {fixture_clean.rows_out:,}" in text
    assert f"Quarantined values {fixture_clean.quarantined:,}" in text
    # the run's figures, as run.json has them (the profile's own figure is the truth's)
    assert f"{BEFORE:.2f} → {AFTER:.2f}" in text and "Mode blue-green" in text
    # stage timings: a stacked bar (CSS widths) plus a table, and the loader's steps
    rows = sum(truth_rows().values())  # every row of the fixture went through clean+load in 1.6 s
    assert "Stages" in text and "clean+load 1.600" in text and f"{rows:,} {round(rows / 1.6):,}" in text
    assert re.search(r'class="cetl-slot-4" style="width: 5\d\.\d\d%"', page)
    assert "Inside clean+load" in text and "copy 0.900" in text
    # per table rows in / out / quarantined / loaded
    t = fixture_clean.tables["tickets"]
    assert (
        f"tickets {t.rows_in:,} {t.rows_out:,} 0 0 {t.rows_out:,} {t.total('quarantined')} {t.changed}"
        in text
    )
    # what changed: counters across tables with their top columns, quarantine by reason
    booleans = sum(t.total("booleans_normalized") for t in fixture_clean.tables.values())
    assert f"booleans normalized {booleans:,}" in text
    assert "timesheets.TS-Billable? 972" in text
    for label in (
        "dates standardized to ISO",
        "empty strings → NULL",
        "null-like tokens → NULL",
        "whitespace trimmed",
    ):
        assert label in text
    assert "unparseable_date 12" in text and "next week" in text
    # columns before → after
    assert "TKT-Created Time TIMESTAMP → timestamp 65.1" in text
    assert "2 NULL, raw value quarantined" in text
    assert "Clean and unchanged: TKT-Ticket ID" in text
    # validation and dashboard templates
    assert "6 checks, 0 failed" in text and "rows 3/3" in text
    assert f"quality_not_worse expected {BEFORE:.2f}, found {AFTER:.2f}" in text
    assert "tickets_by_status ok 2 rows" in text and "Closed 43" in text
    # drift and roll back
    assert f"against the live version {LIVE_BEFORE}" in text and "No drift" in text
    assert f"$ columnar-etl cutover {VERSION}" not in text  # the prompt is CSS, not text a copy picks up
    for command in (f"columnar-etl cutover {VERSION}", "columnar-etl rollback", "columnar-etl schemas list"):
        assert f'<code class="cetl-cmd cetl-mono">{command}</code>' in page
    backup = full_run.record.backup
    assert backup is not None
    restored = SMALL_FIXTURE.with_name("export_small.restored.db")
    assert f"columnar-etl backup restore {backup['path']} --to {restored}" in text
    # footer: provenance, versions, settings
    assert "20250701T120000Z-abc123" in text and "ab" * 32 in text and "cd" * 32 in text
    assert re.search(r"polars \d+\.\d+", text) and "min_quality 80.0" in text


def test_failures_drift_and_warnings_are_spelled_out(
    tmp_path: Path, fixture_profile: Profile, fixture_clean: CleanResult
) -> None:
    drift = DriftReport(live=LIVE_BEFORE, items=[DriftItem("row_count", "comments", None, 1081, 2163)])
    load = make_load(
        fixture_clean,
        status="live",
        live_before=LIVE_BEFORE,
        live_after=VERSION,
        drift=drift,
        view_changes=[
            ViewChange(
                "tickets",
                "recreated",
                added=["TKT-New"],
                retyped={"TKT-Hours": ("text", "numeric")},
                kept=["public.dash"],
            )
        ],
        extra_checks=[Check("sum", 1250, 1225, False, "timesheets", "TS-Hours")],
        extra_metrics=[
            MetricResult(
                "broken_template",
                error='column "x" does not exist',
                sqlstate="42703",
                status="failing",
                reason=f'column "x" does not exist (it works on the live version {LIVE_BEFORE})',
            ),
            MetricResult(
                "agent_hours",
                error='relation "timesheets" does not exist',
                sqlstate="42P01",
                status="not_applicable",
                reason=f'fails on the live version {LIVE_BEFORE} too: relation "timesheets" does not exist',
            ),
        ],
        backup="/backups/servicedesk_v20250601_090000.dump",
    )
    warnings = [*load.warnings, "quality 62.8 is below the gate"]
    record = make_record(
        tmp_path / "run", "warn", FULL_STAGES, mode="simple", warnings=warnings, load=load.to_dict()
    )
    text = page_text(run_html_document(RunResult(record, fixture_profile, fixture_clean, load)))
    assert "WARN" in text and "with warnings" in text and "drift: comments: row count 1081 → 2163" in text
    assert 'blocks the cutover: timesheets."TS-Hours" sum: expected 1250, found 1225' in text
    assert "Failed check Where Expected Found sum timesheets.TS-Hours 1250 1225" in text
    assert "sum 0/1" in text
    assert "broken_template error 0 rows" in text and "(SQLSTATE 42703)" in text
    assert text.index("broken_template") < text.index("tickets_by_status")  # failures first
    assert f"works on the live version {LIVE_BEFORE}" in text
    assert "1 failed, 1 not applicable" in text
    assert (
        f"agent_hours not applicable 0 rows · 0.0 ms not applicable: fails on the live version {LIVE_BEFORE} "
        'too: relation "timesheets" does not exist'
    ) in text
    assert "dashboard template 'agent_hours' not applicable: fails on the live version" in text  # a warning
    assert "row count comments 1081 2163" in text and "strict_drift is off" in text
    assert "tickets recreated TKT-New TKT-Hours text → numeric public.dash" in text
    assert f"This run changed what servicedesk.* reads: it now reads {VERSION}" in text
    assert f"re-points servicedesk.* to {LIVE_BEFORE}" in text
    assert "columnar-etl backup target-restore /backups/servicedesk_v20250601_090000.dump" in text
    assert "Next: columnar-etl rollback would return to" in text


def test_halted_run_has_the_profile_but_no_clean_or_load(tmp_path: Path, fixture_profile: Profile) -> None:
    stages = [
        ("preflight", 0.3, "done"),
        ("backup", 0.01, "done"),
        ("profile", 0.9, "done"),
        ("gate", 0.0, "halted"),
    ]
    error = {
        "error": "ProfileHalt",
        "message": "circuit breaker: 37.0% of the rows are impossible or unparseable dates",
        "table": "tickets",
        "column": "TKT-Created Time",
        "hint": "fix the export or adjust the halt_* settings",
    }
    record = make_record(
        tmp_path / "run", "halted", stages, error=error, quality_before=fixture_profile.quality
    )
    page = run_html_document(RunResult(record=record, profile=fixture_profile))
    text = page_text(page)
    assert "HALTED the circuit breaker stopped the run: nothing was loaded (stage gate)" in text
    assert "ProfileHalt : table 'tickets', column 'TKT-Created Time': circuit breaker: 37.0%" in text
    assert "What to do: fix the export or adjust the halt_* settings" in text
    assert "clean+load — — — — not reached" in text
    assert "the run stopped before cleaning" in text and "What cleaning did" not in text
    assert "TKT-Created Time TIMESTAMP → timestamp 65.1" in text  # the profile's findings, still shown
    assert 'id="cetl-checks"' not in page and 'id="cetl-changes"' not in page
    assert "Nothing live changed: this run stopped before the load" in text
    assert "Quarantined values" not in text  # no card without a figure


def test_failed_preflight_has_neither_profile_nor_clean(tmp_path: Path) -> None:
    checked = PreflightResult(
        source=tmp_path / "missing.db",
        target=None,
        checks=[
            PreflightCheck("disk", "pass", message="12 GiB free"),
            PreflightCheck("source_readable", "fail", message="source file not found", hint="check the path"),
            PreflightCheck("memory", "warn", message="only 3.1 GiB available"),
        ],
    )
    error = {
        "error": "PreflightFailed",
        "message": "preflight check source_readable failed: source file not found",
    }
    error["hint"] = "check the path"
    record = make_record(tmp_path / "run", "failed", [("preflight", 0.08, "failed")], error=error)
    page = run_html_document(RunResult(record=record, preflight=checked))
    text = page_text(page)
    assert "FAILED the run failed: nothing live changed (stage preflight)" in text
    assert "PreflightFailed : preflight check source_readable failed: source file not found" in text
    assert "1 of 3 checks passed" in text and "source_readable fail" in text and "only 3.1 GiB" in text
    assert "backup — — — — not reached" in text
    assert 'id="cetl-tables"' not in page and 'id="cetl-columns"' not in page
    assert "columnar-etl schemas list" in text and "backup restore" not in text


def test_already_loaded_run_says_how_to_force(tmp_path: Path) -> None:
    warnings = ["the live version was loaded from this very file; nothing to do (--force)"]
    record = make_record(tmp_path / "run", "already_loaded", [("preflight", 0.2, "done")], warnings=warnings)
    text = page_text(run_html_document(RunResult(record=record)))
    assert "ALREADY LOADED nothing to do: the live version was loaded from this very file" in text
    assert "nothing to do (--force)" not in text  # the headline says it once
    assert f"columnar-etl run {SMALL_FIXTURE} --mode blue-green --force" in text
    assert "not reached" not in text


def test_hostile_names_and_messages_are_escaped(tmp_path: Path, make_sqlite: SqliteFactory) -> None:
    source = make_sqlite(
        {
            HOSTILE_TABLE: (
                f'CREATE TABLE "{HOSTILE_TABLE}" ("{HOSTILE_COLUMN}" TEXT, "d" TIMESTAMP)',
                [(" <b>x</b> ", "2025-02-30 10:00:00"), ("", "2025-01-01 10:00:00"), ("ok", "someday")],
            )
        }
    )
    # Its dates are hostile text the circuit breaker would halt on: opened, to render the report.
    found, cleaned = profile(source), clean(source, settings=load_settings(**GATES_OPEN))
    stages = [*FULL_STAGES[:-1], ("clean+load", 0.1, "done")]
    record = make_record(tmp_path / "run", "warn", stages, warnings=["<img src=x onerror=alert(1)>"])
    record.source = str(source)
    page = run_html_document(RunResult(record=record, profile=found, clean=cleaned))
    assert "<script>" not in page and "<img" not in page and "<b>x</b>" not in page
    assert html.escape(HOSTILE_COLUMN, quote=False) in page and "t&lt;i&gt;" in page
    text = page_text(page)
    assert f"{HOSTILE_TABLE}.{HOSTILE_COLUMN}" in text  # the top columns of "whitespace trimmed"
    assert "impossible_date" in text and "someday" in text  # quarantined, with the raw value


def test_no_password_and_no_external_reference(full_run: RunResult) -> None:
    full_run.record.error = {
        "error": "TargetError",
        "message": f"cannot reach {SECRET_URI}",
        "hint": SECRET_URI,
    }
    full_run.record.warnings.append(f"retried {SECRET_URI}")
    full_run.record.stages[0].detail = f"password={SECRET}"
    for page in (run_html_document(full_run), run_html_fragment(full_run)):
        assert SECRET not in page
        assert "postgresql://etl:***@db.internal:5432/helpdesk" in page
        # Offline: no script, no fetched resource, links only to anchors in the page itself.
        assert not re.search(r"https?:|<script|<link|<img|<iframe|\bsrc=|@import|url\(", page, re.IGNORECASE)
        assert set(re.findall(r'href="(.)', page)) == {"#"}


def test_fragment_and_atomic_file(full_run: RunResult, tmp_path: Path) -> None:
    fragment = full_run._repr_html_()
    assert fragment.startswith('<div class="cetl"><style>') and "<html" not in fragment
    assert "How to roll back" in fragment
    path = write_run_html(full_run, tmp_path / "report.html")
    assert path == tmp_path / "report.html"
    assert path.read_text(encoding="utf-8") == run_html_document(full_run)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_report_of_a_real_run(tmp_path: Path, pg_uri: str, small_fixture: Path) -> None:
    settings = load_settings(
        target=pg_uri, runs_dir=tmp_path / "runs", backup_dir=tmp_path / "backups", min_memory_gb=0.5,
        fail_memory_gb=0.1,
    )  # fmt: skip
    started = time.perf_counter()
    result = run(small_fixture, mode="blue-green", settings=settings, show_progress=False)
    assert result.outcome == "warn", result.record.error  # the fixture has quarantined values
    report = result.artefacts["report.html"]
    assert report == result.run_dir / "report.html"
    text = page_text(report.read_text(encoding="utf-8"))
    version = result.record.version_schema
    assert version is not None and f"loaded {version} beside the live version" in text
    assert (
        f"columnar-etl cutover {version}" in text
        and "Validation" in text
        and "ticket_volume_per_week ok" in text
    )
    assert "Inside clean+load" in text and "What cleaning changed" in text
    assert "run.json" in text and "quarantine.parquet" in text
    assert time.perf_counter() - started < 15


def test_the_run_report_templates_compile_ahead_of_rendering() -> None:
    from importlib.resources import files

    from columnar_etl.report import html as html_module

    # Every template the run's page reaches, found by reading the templates themselves.
    folder = files("columnar_etl") / "templates"
    reached, todo = set(), ["run.html.j2", "document.html.j2"]
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            text = (folder / name).read_text()
            todo += re.findall(r'{%-?\s*(?:from|import|include|extends)\s+"([^"]+)"', text)
    assert reached == set(html_module.RUN_TEMPLATES)
    html_module._environment.cache_clear()
    try:
        html_module.compile_templates()
        cache = html_module._environment().cache
        assert cache is not None
        assert {key[1] for key, _ in cache.items()} == reached  # compiled, so rendering only renders
    finally:
        html_module._environment.cache_clear()


def test_compiled_templates_are_kept_on_disk_for_the_next_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full_run: RunResult
) -> None:
    """A fresh environment (as in the next process) loads every run template from Jinja's bytecode
    cache without compiling one, and renders the same page; no safe cache directory: compiled each time."""
    import jinja2

    from columnar_etl.report import html as html_module

    first = tmp_path / "cache"
    first.mkdir()
    monkeypatch.setattr(html_module, "_bytecode_cache", lambda: jinja2.FileSystemBytecodeCache(str(first)))
    html_module._environment.cache_clear()
    try:
        compiled = run_html_document(full_run)
        assert len(list(first.iterdir())) >= len(html_module.RUN_TEMPLATES)
        html_module._environment.cache_clear()

        def no_compiling(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError("a template was compiled again")

        with monkeypatch.context() as patch:
            patch.setattr(jinja2.Environment, "compile", no_compiling)
            assert run_html_document(full_run) == compiled

        def unsafe() -> jinja2.FileSystemBytecodeCache:
            raise RuntimeError("Cannot determine safe temp directory.")

        monkeypatch.undo()
        monkeypatch.setattr(jinja2, "FileSystemBytecodeCache", unsafe)
        assert html_module._bytecode_cache() is None
        html_module._environment.cache_clear()
        assert run_html_document(full_run) == compiled
    finally:
        html_module._environment.cache_clear()
