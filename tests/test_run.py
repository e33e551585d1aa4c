"""``columnar-etl run``: the whole pipeline against a real PostgreSQL, its run record, failures and replay."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from prometheus_client.parser import text_string_to_metric_families
from typer.testing import CliRunner

from columnar_etl import clean as columnar_clean
from columnar_etl.cli import app
from columnar_etl.config import Settings
from columnar_etl.pg.connect import connect
from columnar_etl.pipeline.runner import Mode, run
from columnar_etl.source.identity import file_checksum
from export_generator import generate_export

from .conftest import pg_query, run_env, run_settings

runner = CliRunner()


@pytest.fixture
def settings(tmp_path: Path, pg_uri: str) -> Settings:
    return run_settings(tmp_path, pg_uri)


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    return run_env(settings, monkeypatch)


def version_schemas(uri: str) -> list[str]:
    rows = pg_query(uri, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'servicedesk\\_v%' ORDER BY 1")
    return [row[0] for row in rows]


def ledger_runs(uri: str) -> list[tuple[str, str]]:
    rows = pg_query(uri, "SELECT run_id, status FROM columnar_etl.runs ORDER BY started")
    return [(r[0], r[1]) for r in rows]


def test_blue_green_run_then_cutover_then_already_loaded(env: Settings, small_fixture: Path) -> None:
    uri = env.target
    assert uri is not None
    before = file_checksum(small_fixture)
    first = runner.invoke(app, ["--target", uri, "run", str(small_fixture), "--mode", "blue-green", "--json"])
    # The fixture has unfixable values: quarantined, so the run is "done with warnings" (exit 2).
    assert first.exit_code == 2, first.output
    record = json.loads(first.stdout)
    assert record["outcome"] == "warn" and record["exit_code"] == 2
    quarantine = pq.read_table(Path(env.runs_dir) / record["run_id"] / "quarantine.parquet").to_pylist()
    per_table = Counter(row["table"] for row in quarantine)
    assert per_table and sorted(record["warnings"]) == sorted(
        f"table {table!r}: {n:,} unfixable value(s) quarantined" for table, n in per_table.items()
    )
    assert record["source_checksum"] == before == file_checksum(small_fixture)
    schema = record["version_schema"]
    assert schema in version_schemas(uri)
    assert [s["name"] for s in record["stages"]] == ["preflight", "backup", "profile", "gate", "clean+load"]
    # The load's commit instant (the benchmark's "commit → exit" starts there) lies within the run.
    committed = datetime.fromisoformat(record["load"]["committed_at"])
    assert committed.tzinfo is not None
    started, finished = (datetime.fromisoformat(record[key]) for key in ("started", "finished"))
    assert started < committed <= finished + timedelta(milliseconds=1)
    assert record["rows"]["tickets"]["in"] == record["rows"]["tickets"]["out"] == 109
    assert record["quality_after"] >= record["quality_before"]
    assert record["plan"]["tables"] and record["versions"]["columnar_etl"]
    run_dir = Path(env.runs_dir) / record["run_id"]
    artefacts = ("run.json", "profile.json", "audit.parquet", "quarantine.parquet", "log.jsonl")
    for name in (*artefacts, "report.html", "metrics.prom", "metrics.json"):
        assert (run_dir / name).is_file(), name
    families = {f.name for f in text_string_to_metric_families((run_dir / "metrics.prom").read_text())}
    assert "columnar_etl_rows_processed" in families
    lines = [json.loads(line) for line in (run_dir / "log.jsonl").read_text().splitlines()]
    assert lines and all(line["run_id"] == record["run_id"] for line in lines)

    # Blue-green stops before going live; cutover re-points the views.
    assert pg_query(uri, "SELECT to_regclass('servicedesk.tickets')") == [(None,)]
    cut = runner.invoke(app, ["--target", uri, "cutover"])
    assert cut.exit_code == 0, cut.output
    assert pg_query(uri, "SELECT count(*) FROM servicedesk.tickets") == [(109,)]
    types = dict(
        pg_query(
            uri,
            "SELECT column_name, data_type FROM information_schema.columns "
            f"WHERE table_schema = '{schema}' AND table_name = 'tickets'",
        )
    )
    assert types["TKT-Created Time"] == "timestamp without time zone"
    assert types["TKT-Due Date"] == "date"
    assert types["TKT-SLA Breached?"] == "boolean"

    again = runner.invoke(app, ["--target", uri, "run", str(small_fixture), "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["outcome"] == "already_loaded"
    assert version_schemas(uri) == [schema]

    listed = runner.invoke(app, ["runs", "list", "--json"])
    # Newest first: the second run, the cutover (a command that changes what is live: its record too).
    assert [(r["command"], r["outcome"]) for r in json.loads(listed.stdout)] == [
        ("run", "already_loaded"),
        ("cutover", "done"),
        ("run", "warn"),
    ]


def test_circuit_breaker_halts_with_exit_3_and_writes_only_the_ledger_row(
    env: Settings, tmp_path: Path
) -> None:
    corrupt = tmp_path / "corrupt.db"
    generate_export(corrupt, scale=0.02, seed=4, dirt="corrupt")
    result = run(corrupt, settings=env)
    assert (result.outcome, result.exit_code) == ("halted", 3)
    assert result.record.error is not None and "circuit breaker" in result.record.error["message"]
    assert env.target is not None
    assert version_schemas(env.target) == []
    assert ledger_runs(env.target) == [(result.record.run_id, "halted")]
    assert json.loads((result.run_dir / "run.json").read_text())["outcome"] == "halted"


def test_failing_free_space_check_stops_before_any_work(settings: Settings, small_fixture: Path) -> None:
    starved = settings.model_copy(update={"disk_factor": 1e9})
    result = run(small_fixture, settings=starved)
    assert (result.outcome, result.exit_code) == ("halted", 3)  # Gate 0 refused
    assert [stage.name for stage in result.record.stages] == ["preflight"]
    assert result.record.error is not None and "disk" in result.record.error["message"]
    assert not Path(settings.backup_dir).exists() or not any(Path(settings.backup_dir).iterdir())
    assert settings.target is not None
    assert version_schemas(settings.target) == []


def test_replay_gives_the_same_version_contents(settings: Settings, small_fixture: Path) -> None:
    first = run(small_fixture, settings=settings, mode="simple")
    assert first.exit_code == 2, first.record.error
    replayed = run(
        small_fixture, settings=settings, mode="simple", replay=first.run_dir / "run.json", force=True
    )
    assert replayed.exit_code == 2, replayed.record.error
    # The same plan, except that a replayed numeric column (TS-Rate) checks each value against the
    # scale measured on the export it was made from (a value with more digits is quarantined, never
    # rounded): this export is that one, so nothing differs in what lands.
    replayed_plan = replayed.record.plan
    for table in replayed_plan["tables"]:
        for column in table["columns"]:
            if column["type"] == "numeric":
                assert column["checks_scale"], column["name"]
                column["checks_scale"] = False
    assert replayed_plan == first.record.plan
    a, b = first.record.version_schema, replayed.record.version_schema
    assert a and b and a != b
    assert settings.target is not None
    aggregate = (
        'SELECT count(*), sum("TS-Hours"), sum("TS-Rate"), min("TS-Start Time"), max("TS-Date"), '
        'count("TS-Billable?") FILTER (WHERE "TS-Billable?") FROM "{}".timesheets'
    )
    assert pg_query(settings.target, aggregate.format(a)) == pg_query(settings.target, aggregate.format(b))


def test_a_replayed_plan_that_reads_codes_as_numbers_audits_every_change_and_says_so(
    settings: Settings, tmp_path: Path
) -> None:
    # Last quarter's ZIP codes were all five digits (integers); this quarter's have leading zeros and a
    # '+': the replayed plan still reads them as numbers, but no value may change silently.
    import sqlite3

    def export(name: str, rows: list[tuple[int, str, str]]) -> Path:
        path = tmp_path / name
        with sqlite3.connect(path) as con:
            con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, zip TEXT, credit TEXT)")
            con.executemany("INSERT INTO customers VALUES (?, ?, ?)", rows)
        return path

    first = run(
        export("q1.db", [(i, str(10000 + 37 * i), f"{i}.25") for i in range(1, 50)]), settings=settings
    )
    assert first.exit_code in (0, 2), first.record.error
    odd = [(1, "02134", "007.50"), (2, "+4917612345", "1.5"), (3, "10001", "-0.00")]
    second = run(export("q2.db", odd), settings=settings, replay=first.run_dir / "run.json")
    assert second.exit_code == 2, second.record.error
    said = " ".join(second.record.warnings)
    assert "customers.zip: the plan reads it as bigint, this export's profile as text" in said
    assert "customers.credit: the plan reads it as numeric(18,2)" in said
    audit = pq.read_table(second.run_dir / "audit.parquet").to_pylist()
    changed = {(row["column"], row["raw_value"], row["new_value"], row["rule"]) for row in audit}
    assert changed == {
        ("zip", "02134", "2134", "number_format"),
        ("zip", "+4917612345", "4917612345", "number_format"),
        ("credit", "007.50", "7.50", "number_format"),
        ("credit", "-0.00", "0.00", "number_format"),
    }


def test_a_replayed_plan_reads_reals_and_scales_as_this_export_holds_them(
    settings: Settings, tmp_path: Path
) -> None:
    # Last quarter's codes were all TEXT and its amounts had two decimals; this quarter's codes hold
    # REALs and one amount has more decimals. The replayed plan said "no REAL cells here", so they were
    # read as SQLite's 15-digit text (304258.574601868), and its scale was the old export's, so the
    # amount was rounded (2441447.92): both unaudited (h46's fuzz). Now read as this export holds them.
    # Its notes were all TEXT, this quarter's hold BLOBs: read as text they were decoded (b'blobby' was
    # loaded as 'blobby', unaudited); now bytea, as a fresh profile types them, and the run says so.
    import sqlite3

    from columnar_etl.planning.plan import Plan

    from .lossless_check import check_run, summarize

    def export(name: str, rows: list[tuple[int, Any, str, Any]]) -> Path:
        path = tmp_path / name
        with sqlite3.connect(path) as con:
            con.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, code, amount TEXT, note TEXT)")
            con.executemany("INSERT INTO items VALUES (?, ?, ?, ?)", rows)
        return path

    first = run(
        export("q1.db", [(i, f"c{i}", f"{i}.25", f"note {i}") for i in range(1, 50)]),
        settings=settings,
        mode="simple",
    )
    assert first.exit_code in (0, 2), first.record.error
    reals = [
        (1, 304258.5746018684, "2.50", b"blobby"),
        (2, "c2", "3.75", b"caf\xe9 \xff\x00"),
        (3, 0.1 + 0.2, "1.00", "plain"),
        (4, "c4", "4.00", None),
    ]
    second = run(export("q2.db", reals), settings=settings, replay=first.run_dir / "run.json", mode="simple")
    assert second.exit_code in (0, 2), second.record.error
    violations = check_run(second, tmp_path / "q2.db", settings.target, settings.base_schema)
    assert violations == [], summarize(violations)
    loaded = pg_query(settings.target, f'SELECT id, code FROM "{settings.base_schema}".items ORDER BY id')
    assert loaded == [(1, repr(304258.5746018684)), (2, "c2"), (3, repr(0.1 + 0.2)), (4, "c4")]
    with sqlite3.connect(tmp_path / "q2.db") as con:  # every cell's own bytes (a TEXT's in UTF-8)
        source_bytes = con.execute("SELECT id, CAST(note AS BLOB) FROM items ORDER BY id").fetchall()
    notes = pg_query(settings.target, f'SELECT id, note FROM "{settings.base_schema}".items ORDER BY id')
    assert [(i, None if v is None else bytes(v)) for i, v in notes] == source_bytes
    typed = (
        "SELECT data_type FROM information_schema.columns "
        f"WHERE table_schema = '{settings.base_schema}' AND table_name = 'items' AND column_name = 'note'"
    )
    assert pg_query(settings.target, typed) == [("bytea",)]
    said = [w for w in second.record.warnings if w.startswith("items.note:")]
    assert said == [
        "items.note: the plan reads it as text, but this export holds BLOB cells there: loaded as bytea "
        "(as its profile types it), every cell byte for byte"
    ]

    # The same plan applied by `clean --plan`, which profiles nothing: a value with more fraction
    # digits than the plan's scale is quarantined (numeric_scale), never rounded.
    plan = Plan.from_dict(json.loads((first.run_dir / "run.json").read_text())["plan"])
    longer = export("q3.db", [(1, 304258.5746018684, "2441447.91617884", "a"), (2, "c2", "3.75", "b")])
    cleaned = tmp_path / "q3_clean.db"
    columnar_clean(longer, plan, output=cleaned, quarantine=tmp_path / "q3_quarantine.parquet")
    with sqlite3.connect(cleaned) as con:
        rows = con.execute("SELECT id, code, amount FROM items ORDER BY id").fetchall()
    assert rows == [(1, repr(304258.5746018684), None), (2, "c2", "3.75")]
    quarantined = pq.read_table(tmp_path / "q3_quarantine.parquet").to_pylist()
    assert [(q["column"], q["raw_value"], q["rule"]) for q in quarantined] == [
        ("amount", "2441447.91617884", "numeric_scale")
    ]


@pytest.mark.parametrize("change", ["written", "replaced"])
def test_an_export_that_changes_during_the_run_is_not_committed(
    change: str, settings: Settings, small_fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The checksum, the backup and the profile are of the export as the run found it; the rows read
    # later were of whatever the path held by then (helper 22: a replaced file went live, mixed).
    import shutil
    import sqlite3

    import columnar_etl.pipeline.runner as runner_module

    export = tmp_path / "export.db"
    shutil.copy(small_fixture, export)
    other = tmp_path / "other.db"
    shutil.copy(small_fixture, other)
    profile_step = runner_module.profile_step

    def profile_then_change(source: Path, settings: Settings) -> Any:
        profiled = profile_step(source, settings)
        if change == "written":
            with sqlite3.connect(export) as con:
                con.execute("DELETE FROM comments WHERE rowid % 10 = 0")
        else:
            os.replace(other, export)
        return profiled

    monkeypatch.setattr(runner_module, "profile_step", profile_then_change)
    result = run(export, settings=settings, mode="simple")
    assert (result.outcome, result.exit_code) == ("failed", 1)
    assert (
        result.record.error is not None
        and "the export changed during the run" in result.record.error["message"]
    )
    assert json.loads((result.run_dir / "run.json").read_text())["outcome"] == "failed"
    assert settings.target is not None
    assert version_schemas(settings.target) == []


def _wait_for_copy(uri: str, timeout: float = 30.0) -> int | None:
    """The pid of a backend running COPY on ``uri``'s database, waiting up to ``timeout`` seconds."""
    conn = connect(uri, autocommit=True)
    try:
        cursor = conn.cursor()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            cursor.execute(
                # ADBC runs SELECTs as COPY ... TO STDOUT too: the load is an active COPY ... FROM STDIN.
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' "
                "AND query ILIKE 'COPY %FROM STDIN%' AND pid <> pg_backend_pid()"
            )
            row = cursor.fetchone()
            if row:
                return int(row[0])
            time.sleep(0.005)
        return None
    finally:
        conn.close()


@pytest.fixture(scope="module")
def bigger_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "export.db"
    generate_export(path, scale=0.6, seed=8, dirt="prod")
    return path


def test_terminated_connection_mid_load_exits_1_and_leaves_live_unchanged(
    settings: Settings, small_fixture: Path, bigger_export: Path
) -> None:
    assert settings.target is not None
    live = run(small_fixture, settings=settings, mode="simple")
    assert live.exit_code == 2
    killer: list[bool] = []

    def terminate() -> None:
        assert settings.target is not None
        pid = _wait_for_copy(settings.target)
        if pid is not None:
            pg_query(settings.target, f"SELECT pg_terminate_backend({pid})")
            killer.append(True)

    thread = threading.Thread(target=terminate)
    thread.start()
    result = run(bigger_export, settings=settings, mode="simple")
    thread.join()
    assert killer, "the load finished before it could be interrupted"
    assert (result.outcome, result.exit_code) == ("failed", 1)
    assert version_schemas(settings.target) == [live.record.version_schema]
    assert pg_query(settings.target, "SELECT count(*) FROM servicedesk.tickets") == [(109,)]


def _start_run(settings: Settings, export: Path) -> subprocess.Popen[bytes]:
    """``columnar-etl run EXPORT --mode simple`` in a process of its own, into ``settings``' target."""
    assert settings.target is not None
    env = {
        **os.environ,
        "COLUMNAR_ETL_RUNS_DIR": str(settings.runs_dir),
        "COLUMNAR_ETL_BACKUP_DIR": str(settings.backup_dir),
        "COLUMNAR_ETL_MIN_MEMORY_GB": "0.5",
        "COLUMNAR_ETL_FAIL_MEMORY_GB": "0.1",
    }
    command = [sys.executable, "-m", "columnar_etl", "--target", settings.target, "run", str(export)]
    return subprocess.Popen(
        [*command, "--mode", "simple", "--yes"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_or_ctrl_c_mid_load_exits_1_and_run_json_says_interrupted(
    how: signal.Signals, settings: Settings, bigger_export: Path
) -> None:
    # helper 22: SIGTERM left run.json "running" and .tmp files behind (exit 143); Ctrl-C exited 130,
    # which is not one of the documented codes.
    assert settings.target is not None
    process = _start_run(settings, bigger_export)
    try:
        assert _wait_for_copy(settings.target, timeout=60) is not None, "no COPY seen"
        process.send_signal(how)
    finally:
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1
    # The one line every error prints (it printed nothing on stderr).
    assert stderr.decode().splitlines()[-1] == "error: interrupted: nothing live changed (hint: run again)"
    (ended,) = Path(settings.runs_dir).iterdir()
    record = json.loads((ended / "run.json").read_text())
    assert (record["outcome"], record["exit_code"], record["version_schema"]) == ("interrupted", 1, None)
    assert list(ended.glob(".*.tmp")) == []
    deadline = time.monotonic() + 30
    while version_schemas(settings.target) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert version_schemas(settings.target) == []


@pytest.mark.parametrize("mode", ["simple", "blue-green"])
def test_an_interrupt_just_after_the_commit_is_recorded_as_done_with_the_version_committed(
    mode: Mode, settings: Settings, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # helper 22: Ctrl-C 15 ms after the commit left run.json "interrupted" (exit 1: "nothing live
    # changed") while the version was live. Here it lands in the loader, after its commit returned.
    import columnar_etl.loading.strategies as strategies

    real = strategies.get_logger

    class Interrupting:
        def __init__(self, log: Any) -> None:
            self.log = log

        def info(self, event: str, **fields: Any) -> None:
            if event == "load finished":
                raise KeyboardInterrupt
            self.log.info(event, **fields)

    monkeypatch.setattr(strategies, "get_logger", lambda **bound: Interrupting(real(**bound)))
    result = run(small_fixture, settings=settings, mode=mode)
    assert (result.outcome, result.exit_code) == ("warn", 2)
    # Was "it is live" in blue-green mode too, where the version waits for its cutover.
    where = "it is live" if mode == "simple" else "it is ready; `columnar-etl cutover` makes it live"
    said = f"interrupted (KeyboardInterrupt) after the version was committed: {where}; "
    assert any(w.startswith(said) for w in result.record.warnings), result.record.warnings
    record = json.loads((result.run_dir / "run.json").read_text())
    assert record["outcome"] == "warn" and record["version_schema"] is not None
    assert settings.target is not None
    assert version_schemas(settings.target) == [record["version_schema"]]


def test_sigkill_mid_load_then_rerun_gives_one_complete_version(
    settings: Settings, bigger_export: Path, tmp_path: Path
) -> None:
    assert settings.target is not None
    process = _start_run(settings, bigger_export)
    try:
        pid = _wait_for_copy(settings.target, timeout=60)
        assert pid is not None, "no COPY seen"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    # The killed transaction is rolled back by the server once it notices the client is gone.
    deadline = time.monotonic() + 30
    while version_schemas(settings.target) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert version_schemas(settings.target) == []
    # The killed run's record still says "running"; its process is gone, so it is shown interrupted.
    (killed,) = Path(settings.runs_dir).iterdir()
    assert json.loads((killed / "run.json").read_text())["outcome"] == "running"
    leftovers = list(killed.glob(".*.tmp"))
    assert leftovers, "no half-written file left by the killed run"
    listed = runner.invoke(
        app, ["runs", "list", "--json"], env={"COLUMNAR_ETL_RUNS_DIR": str(settings.runs_dir)}
    )
    assert [(r["run_id"], r["outcome"]) for r in json.loads(listed.stdout)] == [(killed.name, "interrupted")]
    rerun = run(bigger_export, settings=settings, mode="simple")
    assert rerun.exit_code == 2, rerun.record.error
    # The next run marked it in its run.json and removed what it left half-written.
    assert [path for path in leftovers if path.exists()] == []
    assert json.loads((killed / "run.json").read_text())["outcome"] == "interrupted"
    assert version_schemas(settings.target) == [rerun.record.version_schema]
    rows = sum(r["out"] for r in rerun.record.rows.values())
    tables = ("tickets", "comments", "timesheets")
    counted = sum(pg_query(settings.target, f"SELECT count(*) FROM servicedesk.{t}")[0][0] for t in tables)
    assert counted == rows == 156_077  # round(n * 0.6) per table


def test_a_blue_green_load_of_the_same_file_twice_never_cut_over_is_already_loaded(
    env: Settings, small_fixture: Path
) -> None:
    # Was: "already loaded" looked at the live version only, so a second blue-green run of the same
    # export, before any cutover, loaded it again as a second version (and a third, ...).
    uri = env.target
    assert uri is not None
    first = runner.invoke(app, ["--target", uri, "run", str(small_fixture), "--mode", "blue-green", "--json"])
    assert first.exit_code == 2, first.output
    ready = json.loads(first.stdout)["version_schema"]
    for mode in ("blue-green", "simple"):
        again = runner.invoke(app, ["--target", uri, "run", str(small_fixture), "--mode", mode, "--yes"])
        assert again.exit_code == 0, again.output
        assert again.stdout.startswith("ALREADY_LOADED"), again.stdout
        said = " ".join(again.stdout.split())
        assert f"version {ready} was loaded from this very file and is not live" in said, said
        assert f"columnar-etl cutover {ready} makes it live" in said, said
        # Nothing was loaded, nothing live changed: one version, still not live, no views.
        assert version_schemas(uri) == [ready]
        assert pg_query(uri, "SELECT schema_name, live FROM columnar_etl.versions") == [(ready, False)]
        assert pg_query(uri, "SELECT to_regclass('servicedesk.tickets')") == [(None,)]
    records = json.loads(runner.invoke(app, ["runs", "list", "--json"]).stdout)
    assert [(r["command"], r["outcome"]) for r in records] == [
        ("run", "already_loaded"),
        ("run", "already_loaded"),
        ("run", "warn"),
    ]
    # The hint works: the cutover makes it live, and the next run says the live version came from it.
    cut = runner.invoke(app, ["--target", uri, "cutover", ready])
    assert cut.exit_code == 0, cut.output
    last = runner.invoke(app, ["--target", uri, "run", str(small_fixture), "--mode", "blue-green"])
    assert last.exit_code == 0, last.output
    assert f"the live version {ready} was loaded from this very file" in " ".join(last.stdout.split())
    # --force still loads it again.
    forced = runner.invoke(app, ["--target", uri, "run", str(small_fixture), "--force", "--json"])
    assert forced.exit_code == 2, forced.output
    assert len(version_schemas(uri)) == 2


def test_a_canary_of_a_file_already_loaded_runs(env: Settings, small_fixture: Path) -> None:
    # Was: the run's quick "already loaded?" look ignored the mode, so a canary of a file a version came
    # from was skipped (exit 0, nothing tried), though under the load's lock a canary never is.
    uri = env.target
    assert uri is not None
    first = runner.invoke(app, ["--target", uri, "run", str(small_fixture), "--mode", "simple", "--json"])
    assert first.exit_code == 2, first.output
    live = json.loads(first.stdout)["version_schema"]
    canary = runner.invoke(app, ["--target", uri, "run", str(small_fixture), "--mode", "canary", "--json"])
    assert canary.exit_code in (0, 2), canary.output
    assert json.loads(canary.stdout)["outcome"] != "already_loaded", canary.stdout
    modes = pg_query(uri, "SELECT mode, status FROM columnar_etl.runs ORDER BY started")
    assert [mode for mode, _ in modes] == ["simple", "canary"], modes
    # The canary changed nothing: the same one version, live.
    assert version_schemas(uri) == [live]
    assert pg_query(uri, "SELECT schema_name, live FROM columnar_etl.versions") == [(live, True)]
