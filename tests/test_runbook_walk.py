"""The runbook's path walked with an export the project never saw, through the CLI (typer's runner)
into the session's real PostgreSQL: what an operator reads is what the docs quote.

The export is another product's quarter (keys not named ``*ID``, ``''`` for missing values), then its
next quarter with one column dropped, one added and one retyped, and a table gone and one new.
"""

from __future__ import annotations

import json
import random
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

import columnar_etl
from columnar_etl.cli import app

from .conftest import SqliteFactory, run_env, run_settings

runner = CliRunner()


def _base_schema() -> str:
    """A base schema of the test's own (``acme_…``): one test's live version is no other's."""
    return f"acme_{uuid.uuid4().hex[:8]}"


def _quarter(make_sqlite: SqliteFactory, name: str, *, second: bool) -> Path:
    """A help-desk quarter of a product not ours; the second drops ``region``, adds ``channel``,
    widens ``hours_spent`` to decimals, loses ``tags`` and gains ``agents``."""
    cases = [
        (f"C-{i:04d}", f"Printer issue {i}", ["low", "high", ""][i % 3], i % 7 + (0.5 if second else 0))
        for i in range(1, 41)
    ]
    extra = "channel TEXT" if second else "region TEXT"
    rows = [
        (*row, ["email", "phone"][i % 2] if second else ["north", ""][i % 2]) for i, row in enumerate(cases)
    ]
    tables = {
        "cases": (
            f"CREATE TABLE cases (case_no TEXT PRIMARY KEY, subject TEXT, priority TEXT, hours_spent "
            f"{'REAL' if second else 'INTEGER'}, {extra})",
            rows,
        )
    }
    if second:
        tables["agents"] = ("CREATE TABLE agents (handle TEXT PRIMARY KEY)", [("ana",), ("bo",)])
    else:
        tables["tags"] = ("CREATE TABLE tags (label TEXT PRIMARY KEY)", [("urgent",), ("vip",)])
    return make_sqlite(tables, name=name)


def test_drift_between_quarters_says_what_came_and_went_in_words(
    tmp_path: Path, pg_uri: str, make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    monkeypatch.setenv("COLUMNAR_ETL_BASE_SCHEMA", _base_schema())
    first = _quarter(make_sqlite, "acme_2025Q1.db", second=False)
    second = _quarter(make_sqlite, "acme_2025Q2.db", second=True)
    loaded = runner.invoke(app, ["--target", pg_uri, "run", str(first), "--mode", "simple", "--yes"])
    assert loaded.exit_code == 0, loaded.output
    drifted = runner.invoke(app, ["--target", pg_uri, "run", str(second), "--mode", "blue-green", "--json"])
    assert drifted.exit_code == 2, drifted.output
    record = json.loads(drifted.stdout)
    messages = sorted(item["message"] for item in record["load"]["drift"]["items"])
    assert messages == [
        "agents: new table (2 rows)",
        'cases."channel": new column (text)',
        'cases."hours_spent": type change bigint → double precision',
        'cases."region": removed column (was text)',
        "tags: removed table (was 2 rows)",
    ]
    assert {f"drift: {message}" for message in messages} <= set(record["warnings"])


def test_an_unreachable_target_is_named_as_the_operator_wrote_it(
    tmp_path: Path, pg_uri: str, make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The runbook's line: `preflight check target_reachable failed: cannot connect to
    # postgresql://loader:***@db:5432/helpdesk: …`, the URI as given, its password masked, no
    # parameter of the tool's own (the preflight's connect_timeout) added to it.
    run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    export = _quarter(make_sqlite, "acme_2025Q1.db", second=False)
    target = "postgresql://loader:secret@127.0.0.1:1/helpdesk"
    shown = "cannot connect to postgresql://loader:***@127.0.0.1:1/helpdesk: "
    ran = runner.invoke(app, ["--target", target, "run", str(export), "--json"])
    assert ran.exit_code == 3, ran.output
    record = json.loads(ran.stdout)
    assert record["outcome"] == "halted" and shown in record["error"]["message"]
    assert ran.stderr.startswith(f"error: preflight check target_reachable failed: {shown}"), ran.stderr
    checked = runner.invoke(app, ["--target", target, "preflight", str(export), "--json"])
    assert checked.exit_code == 3, checked.output
    reachable = {check["name"]: check for check in json.loads(checked.stdout)["checks"]}["target_reachable"]
    assert reachable["status"] == "fail" and reachable["message"].startswith(shown), reachable
    for result in (ran, checked):
        assert "connect_timeout=" not in result.output and "secret" not in result.output


def test_the_console_says_what_a_canary_and_a_simple_load_did_to_what_is_live(
    tmp_path: Path, pg_uri: str, make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The runbook: a canary "loads a 10 % sample ..., validates it ... and drops it: nothing live
    # changes"; a simple load goes live. Its table shows the rows cleaned (40), so the console says
    # which it was, as it does for blue-green ("Nothing live changed: ... waits beside ...").
    run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    base = _base_schema()
    monkeypatch.setenv("COLUMNAR_ETL_BASE_SCHEMA", base)
    export = _quarter(make_sqlite, "acme_2025Q1.db", second=False)
    canary = runner.invoke(app, ["--target", pg_uri, "run", str(export), "--mode", "canary"])
    assert canary.exit_code == 0, canary.output
    assert "Nothing live changed: the canary's sample was validated and dropped." in canary.stdout
    simple = runner.invoke(app, ["--target", pg_uri, "run", str(export), "--mode", "simple", "--yes"])
    assert simple.exit_code == 0, simple.output
    record = json.loads((Path(simple.stdout.split("run directory ")[1].split()[0]) / "run.json").read_text())
    version = record["version_schema"]
    assert f"This run changed what {base}.* reads: it now reads {version}. To undo it:" in simple.stdout
    assert f"  columnar-etl rollback --base {base}  # nothing was live before this run" in simple.stdout


@pytest.mark.parametrize("fraction", [0.05, 0.5])
def test_a_canary_sample_of_the_same_export_reports_no_null_rate_drift(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path, fraction: float
) -> None:
    # The same 200 rows, a quarter of each column's notes NULL (at seeded places), live and then as the
    # canary's sample: the sample's share of NULLs differs from the whole table's only by chance, which
    # is no drift (a 10-row sample of one such column holds 5 NULLs or more with chance ~8 %).
    rng = random.Random(7)
    columns = [f"note{c}" for c in range(12)]
    rows = [(i, *(None if rng.random() < 0.25 else f"n{i}" for _ in columns)) for i in range(1, 201)]
    ddl = f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(f'{c} TEXT' for c in columns)})"
    export = make_sqlite({"t": (ddl, rows)})
    settings = run_settings(tmp_path, pg_uri, canary_fraction=fraction, base_schema=_base_schema())
    live = columnar_etl.run(export, mode="simple", settings=settings, show_progress=False)
    assert live.outcome == "done", live.record.error
    canary = columnar_etl.run(export, mode="canary", settings=settings, show_progress=False, force=True)
    sampled = canary.record.load["rows"] if canary.record.load else None
    assert canary.outcome == "done", (canary.record.error, canary.record.warnings, sampled)
    assert [i for i in canary.load.drift.items if i.kind == "null_rate"] == []


def test_a_canary_sample_still_reports_a_null_rate_that_moved_beyond_chance(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # Live: a quarter of the notes NULL; the next export's canary sample (half of 200 rows): 9 in 10.
    def export(name: str, nulls: int) -> Path:
        rows = [(i, None if i % 10 < nulls else f"note {i}") for i in range(1, 201)]
        return make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT)", rows)}, name=name)

    settings = run_settings(tmp_path, pg_uri, canary_fraction=0.5, base_schema=_base_schema())
    live = columnar_etl.run(export("q1.db", 3), mode="simple", settings=settings, show_progress=False)
    assert live.outcome == "done", live.record.error
    canary = columnar_etl.run(export("q2.db", 9), mode="canary", settings=settings, show_progress=False)
    assert canary.outcome == "warn"
    ((old, new),) = [(i.old, i.new) for i in canary.load.drift.items if i.kind == "null_rate"]
    assert old == 0.3 and new > 0.8
