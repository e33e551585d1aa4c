"""Quality after cleaning is measured on what the cleaner did, and it is one figure everywhere.

The expected figure is computed here from the run's own files — the profile's row counts and orphan
references (profile.json), the quarantine and the audit (Parquet) — with the formula of
docs/profiling.md "Quality after cleaning", never by calling the package's scoring code.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from columnar_etl import clean
from columnar_etl.cli import app
from columnar_etl.config import Settings, load_settings

from .conftest import pg_query

runner = CliRunner()

#: docs/profiling.md: points per 1 % of the rows for an unfixable value (a lost one costs the same).
UNFIXABLE = 10.0


@pytest.fixture
def settings(tmp_path: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("COLUMNAR_ETL_RUNS_DIR", str(tmp_path / "runs"))
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.setenv("COLUMNAR_ETL_MIN_MEMORY_GB", "0.5")
    monkeypatch.setenv("COLUMNAR_ETL_FAIL_MEMORY_GB", "0.1")
    return load_settings(
        target=pg_uri,
        runs_dir=tmp_path / "runs",
        backup_dir=tmp_path / "backups",
        min_memory_gb=0.5,
        fail_memory_gb=0.1,
    )


def expected_after(profile: dict[str, Any], quarantine: Path, audit: Path, *, reject_row: bool) -> float:
    """The after-score from the files: per column 100 minus 10 points per 1 % of the table's rows for
    each value lost (quarantined to NULL, or every cell of a rejected row) and each orphan reference;
    a table is the mean of its columns, the export the mean of its tables weighted by rows × columns."""
    quarantined = pq.read_table(quarantine).to_pylist()
    audited = {
        (row["table"], row["row_key"], row["column"]): row["new_value"]
        for row in pq.read_table(audit).to_pylist()
    }
    # Every quarantined value is in the audit as a cell made NULL: the two files agree.
    for row in quarantined:
        assert audited[(row["table"], row["row_key"], row["column"])] is None, row
    per_column = Counter((row["table"], row["column"]) for row in quarantined)
    rejected = Counter(table for table, _ in {(row["table"], row["row_key"]) for row in quarantined})
    weighted = cells = 0.0
    for table in profile["tables"]:
        rows, name = table["row_count"], table["name"]
        scores = []
        for column in table["columns"]:
            # This fixture has no declared type lost to text (that would also cost 0.2 per 1 %).
            kinds = {issue["kind"] for issue in column["issues"]}
            assert not (column["inferred_type"] == "text" and "type_mismatch" in kinds), column["name"]
            lost = rejected[name] if reject_row else per_column[(name, column["name"])]
            orphans = sum(i["count"] for i in column["issues"] if i["kind"] == "orphan_reference")
            scores.append(max(0.0, 100.0 - UNFIXABLE * 100.0 * (lost + orphans) / rows))
        weighted += sum(scores) / len(scores) * rows * len(scores)
        cells += rows * len(scores)
    return round(weighted / cells, 2)


def test_a_run_that_quarantines_shows_one_measured_figure_everywhere(
    settings: Settings, small_fixture: Path
) -> None:
    uri = settings.target
    assert uri is not None
    done = runner.invoke(app, ["--target", uri, "run", str(small_fixture), "--mode", "blue-green"])
    assert done.exit_code in (0, 2), done.output
    (run_dir,) = Path(settings.runs_dir).iterdir()
    record = json.loads((run_dir / "run.json").read_text())
    profile = json.loads((run_dir / "profile.json").read_text())
    quarantine, audit = run_dir / "quarantine.parquet", run_dir / "audit.parquet"
    assert pq.read_table(quarantine).num_rows > 0  # the premise: cleaning quarantined values

    expected = expected_after(profile, quarantine, audit, reject_row=False)
    assert expected < 100.0
    assert record["quality_after"] == expected
    shown = re.search(r"quality (\d+\.\d+) → (\d+\.\d+)", done.stdout)
    assert shown is not None, done.stdout
    assert float(shown.group(2)) == expected and shown.group(2) == f"{expected:.2f}"
    assert float(shown.group(1)) == record["quality_before"]
    report = (run_dir / "report.html").read_text()
    assert f"{record['quality_before']:.2f} → {expected:.2f}" in report

    ((ledger_after,),) = pg_query(
        uri, f"SELECT quality_after FROM columnar_etl.runs WHERE run_id = '{record['run_id']}'"
    )
    ((version_quality,),) = pg_query(
        uri, f"SELECT quality FROM columnar_etl.versions WHERE schema_name = '{record['version_schema']}'"
    )
    assert ledger_after == version_quality == expected
    # `load` (a canary: a sample is loaded, every row is cleaned) measures the same figure.
    canary = runner.invoke(app, ["--target", uri, "load", str(small_fixture), "--mode", "canary"])
    assert canary.exit_code in (0, 2), canary.output
    assert f"quality {record['quality_before']:.2f} → {expected:.2f}" in canary.stdout
    listed = runner.invoke(app, ["--target", uri, "schemas", "list"])
    assert listed.exit_code == 0, listed.output
    assert re.search(rf"{record['version_schema']}.*\s{re.escape(f'{expected:.2f}')}\s", listed.stdout)


def test_min_quality_judges_the_measured_figure(settings: Settings, small_fixture: Path) -> None:
    # Orphans alone (the old projection) score the fixture 99.37; what it loses to quarantine does not
    # reach 98, so the gate refuses the version it would have let through.
    uri = settings.target
    assert uri is not None
    refused = runner.invoke(
        app,
        ["--target", uri, "run", str(small_fixture), "--mode", "blue-green", "--min-quality", "98", "--json"],
    )
    record = json.loads(refused.stdout)
    assert (record["outcome"], refused.exit_code) == ("halted", 3), refused.output  # refused by a gate
    checks = {c["check"]: c for c in record["load"]["validation"]["failures"]}
    assert checks["min_quality"]["ok"] is False
    assert checks["min_quality"]["found"] == record["quality_after"] < 98.0
    ((ledger_after, status),) = pg_query(
        uri, f"SELECT quality_after, status FROM columnar_etl.runs WHERE run_id = '{record['run_id']}'"
    )
    assert (ledger_after, status) == (record["quality_after"], "halted")  # as run.json: refused


def test_rejected_rows_cost_every_cell_and_fail_quality_not_worse(
    settings: Settings, small_fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rejecting = settings.model_copy(update={"quarantine_policy": "reject_row"})
    quarantine, audit = tmp_path / "q.parquet", tmp_path / "a.parquet"
    cleaned = clean(small_fixture, quarantine=quarantine, audit=audit, settings=rejecting)
    assert cleaned.rows_out < cleaned.rows_in
    profile = json.loads(
        runner.invoke(app, ["profile", str(small_fixture), "--json"], catch_exceptions=False).stdout
    )
    expected = expected_after(profile, quarantine, audit, reject_row=True)
    assert cleaned.quality_after == expected
    assert cleaned.quality_before is not None and expected < cleaned.quality_before

    # The same export through `run`: a cleaning that loses whole rows scores below the profile, and
    # the load refuses it on quality_not_worse with that figure.
    monkeypatch.setenv("COLUMNAR_ETL_QUARANTINE_POLICY", "reject_row")
    uri = settings.target
    assert uri is not None
    refused = runner.invoke(app, ["--target", uri, "run", str(small_fixture), "--json"])
    record = json.loads(refused.stdout)
    checks = {c["check"]: c for c in record["load"]["validation"]["failures"]}
    assert record["outcome"] == "halted" and checks["quality_not_worse"]["ok"] is False
    assert checks["quality_not_worse"]["found"] == record["quality_after"] == expected


def test_a_declared_type_lost_to_text_still_costs_after_cleaning(
    make_sqlite: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `code` is declared INTEGER but holds words: it lands as text, and its 8 non-NULL values of 10 rows
    # still fail the declared type: 0.2 points per 1 % → 100 - 0.2 × 80 = 84; `id` is clean (100); the
    # table (and export) is their mean, 92. Nothing was quarantined: before and after agree.
    words = ["abc", "def", "ghi", "jkl", "mno", "pqr", "stu", "vwx", None, None]
    path = make_sqlite(
        {"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, code INTEGER)", list(enumerate(words, 1)))}
    )
    # 1 of its 2 columns mismatched: the circuit breaker's share (10 %) would halt it; opened here.
    monkeypatch.setenv("COLUMNAR_ETL_HALT_TYPE_MISMATCH_SHARE", "1")
    cleaned = clean(path)
    assert cleaned["t"]["code"].type == "text" and cleaned["t"]["code"].quality == pytest.approx(84.0)
    assert cleaned["t"]["id"].quality == 100.0 and cleaned.quality_after == 92.0
    shown = runner.invoke(app, ["clean", str(path), "--output", str(tmp_path / "clean.db")])
    assert shown.exit_code == 0, shown.output
    assert "quality 92.00 → 92.00 (output re-profiled: 100.00)" in shown.stdout
