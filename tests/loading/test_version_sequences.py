"""Sequences of the operator's commands on versions: cutover, rollback, prune, a restored version.

Each step is checked against what the dashboards read (the views of the base schema), the ledger and
the version schemas present, never against the result object alone.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.config import Settings, load_settings
from columnar_etl.errors import LoadError
from columnar_etl.loading import cutover, list_versions, load_tables, prune_versions, rollback

from ..conftest import REPO_ROOT, pg_query, uri_as
from .conftest import live_target

runner = CliRunner()


def _quarter(label: str) -> dict[str, pa.Table]:
    """One small table whose text says which quarter it came from."""
    return {"t": pa.table({"id": pa.array([1, 2, 3], pa.int64()), "q": pa.array([label] * 3)})}


def _reads(uri: str) -> str:
    """The quarter the dashboards read through ``servicedesk.t``."""
    ((label,),) = pg_query(uri, "SELECT DISTINCT q FROM servicedesk.t")
    return str(label)


def _ledger(uri: str) -> list[tuple[str, bool, str | None]]:
    return [
        (str(name), bool(live), previous)
        for name, live, previous in pg_query(
            uri, "SELECT schema_name, live, previous FROM columnar_etl.versions ORDER BY created, schema_name"
        )
    ]


def test_cutover_without_a_version_never_goes_back_to_one_loaded_before_the_live_one(
    pg_uri: str, settings: Settings
) -> None:
    # Was: with Q1 live, Q2 loaded and cut over, `cutover` (no VERSION, "the newest that is not live")
    # made Q1 live again, exit 0, and the next `cutover` Q2 again: a cron job's cutover after a
    # refused blue-green load took the dashboards back a quarter.
    q1 = load_tables(_quarter("Q1"), pg_uri, mode="simple", settings=settings).schema
    q2 = load_tables(_quarter("Q2"), pg_uri, mode="simple", settings=settings).schema
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q2", {q2})
    before = _ledger(pg_uri)
    with pytest.raises(
        LoadError,
        match=f"no version of 'servicedesk' to cut over to: none was loaded after the live one, {q2}",
    ) as raised:
        cutover(pg_uri, settings=settings)
    assert "columnar-etl cutover VERSION" in (raised.value.hint or "")
    assert (_reads(pg_uri), live_target(pg_uri), _ledger(pg_uri)) == ("Q2", {q2}, before)
    # Named, an older version is made live as asked; after a rollback the newer one is the default.
    assert cutover(pg_uri, q1, settings=settings).to_version == q1
    assert _reads(pg_uri) == "Q1"
    assert rollback(pg_uri, settings=settings).to_version == q2
    assert rollback(pg_uri, settings=settings).to_version == q1
    assert cutover(pg_uri, settings=settings).to_version == q2
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q2", {q2})


def test_cutover_without_a_version_takes_the_newest_loaded_since_the_live_one(
    pg_uri: str, settings: Settings
) -> None:
    q1 = load_tables(_quarter("Q1"), pg_uri, mode="simple", settings=settings).schema
    ready = [
        load_tables(_quarter(label), pg_uri, mode="blue-green", settings=settings).schema
        for label in ("Q2a", "Q2b")
    ]
    switched = cutover(pg_uri, settings=settings)
    assert (switched.from_version, switched.to_version) == (q1, ready[1])
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q2b", {ready[1]})
    assert [v.schema for v in list_versions(pg_uri) if v.live] == [ready[1]]


def test_cutover_without_a_version_whose_newest_was_dropped_by_hand_says_so(
    pg_uri: str, settings: Settings
) -> None:
    # Was: "version schema '…' has no tables", the same refusal as a version loaded empty.
    q1 = load_tables(_quarter("Q1"), pg_uri, mode="simple", settings=settings).schema
    q2 = load_tables(_quarter("Q2"), pg_uri, mode="blue-green", settings=settings).schema
    pg_query(pg_uri, f"DROP SCHEMA {q2} CASCADE")
    with pytest.raises(LoadError, match=f"version '{q2}' was dropped"):
        cutover(pg_uri, settings=settings)
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q1", {q1})
    # `schemas list` says so too (it listed it as any other, ready to cut over to).
    assert [(v.schema, v.live, v.missing) for v in list_versions(pg_uri)] == [
        (q1, True, False),
        (q2, False, True),
    ]
    listed = runner.invoke(app, ["--target", pg_uri, "schemas", "list"])
    assert listed.exit_code == 0, listed.output
    assert re.search(rf"│ gone │ {q2} ", listed.stdout) and re.search(rf"│ live │ {q1} ", listed.stdout)
    shown = json.loads(runner.invoke(app, ["--target", pg_uri, "schemas", "list", "--json"]).stdout)
    assert [v["missing"] for v in shown] == [False, True]


def test_a_pruned_version_restored_from_its_backup_can_be_cut_over_to_and_pruned_again(
    pg_uri: str, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: the runbook's "a version schema must be restored: backup target, backup target-restore"
    # brought the schema back, but the ledger still said it was dropped: `cutover` refused it
    # ("version … was dropped"), `schemas list` left it out and `schemas prune` never dropped it again.
    monkeypatch.chdir(tmp_path)
    q1, q2, q3 = (
        load_tables(_quarter(label), pg_uri, mode="simple", settings=settings).schema
        for label in ("Q1", "Q2", "Q3")
    )
    backups = tmp_path / "bk"
    made = runner.invoke(
        app, ["--target", pg_uri, "backup", "target", "--schema", q1, "--dir", str(backups), "--json"]
    )
    assert made.exit_code == 0, made.output
    assert prune_versions(pg_uri, keep=0, settings=settings).dropped == [q1]
    assert q1 not in [v.schema for v in list_versions(pg_uri)]

    restored = runner.invoke(
        app, ["--target", pg_uri, "backup", "target-restore", json.loads(made.stdout)["path"]]
    )
    assert restored.exit_code == 0, restored.output
    assert f"{q1} is a version of 'servicedesk' again" in restored.stdout
    record = json.loads(next((tmp_path / "runs").glob("*/run.json")).read_text())
    assert record["outcome"] == "done" and record["result"]["version_of"] == "servicedesk"
    assert [v.schema for v in list_versions(pg_uri)] == [q1, q2, q3]
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q3", {q3})  # restoring changes nothing live

    assert cutover(pg_uri, q1, settings=settings).to_version == q1
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q1", {q1})
    assert rollback(pg_uri, settings=settings).to_version == q3
    # q3 is live again, q2 its predecessor: the restored q1 is an old version like any other.
    assert prune_versions(pg_uri, keep=0, settings=settings).dropped == [q1]
    assert pg_query(pg_uri, f"SELECT count(*) FROM pg_namespace WHERE nspname = '{q1}'") == [(0,)]


def test_a_restore_into_another_database_leaves_the_ledger_as_it_was(
    pg_uri: str, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    q1 = load_tables(_quarter("Q1"), pg_uri, mode="simple", settings=settings).schema
    made = runner.invoke(
        app, ["--target", pg_uri, "backup", "target", "--schema", q1, "--dir", str(tmp_path), "--json"]
    )
    assert made.exit_code == 0, made.output
    database = f"restored_{uuid.uuid4().hex[:8]}"
    try:
        restored = runner.invoke(
            app,
            [
                "--target",
                pg_uri,
                "backup",
                "target-restore",
                json.loads(made.stdout)["path"],
                "--database",
                database,
            ],
        )
        assert restored.exit_code == 0, restored.output
        assert "again" not in restored.stdout
    finally:
        pg_query(pg_uri, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
    assert _ledger(pg_uri) == [(q1, True, None)]


def test_a_prune_keeps_a_version_another_schema_s_view_reads_and_says_so(
    pg_uri: str, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: DROP SCHEMA … CASCADE dropped the operator's own view in another schema that read an old
    # version directly (a "Q1 against Q2" dashboard), exit 0, not a word.
    monkeypatch.chdir(tmp_path)
    q1, q2, q3, q4 = (
        load_tables(_quarter(label), pg_uri, mode="simple", settings=settings).schema
        for label in ("Q1", "Q2", "Q3", "Q4")
    )
    pg_query(pg_uri, "CREATE SCHEMA dash")
    pg_query(pg_uri, f"CREATE VIEW dash.first_quarter AS SELECT q FROM {q1}.t")
    dry = prune_versions(pg_uri, keep=0, dry_run=True, settings=settings)
    assert (dry.dropped, dry.kept) == ([q2], [q1, q3, q4])
    assert dry.warnings == [
        f"kept {q1}: view dash.first_quarter depends on table {q1}.t (columnar_etl drops only what it "
        "made: drop or rewrite that, then prune again)"
    ]
    pruned = runner.invoke(app, ["--target", pg_uri, "schemas", "prune", "--keep", "0"])
    assert pruned.exit_code == 2, pruned.output
    assert (
        f"dropped {q2}\n" in pruned.stdout and f"warning: kept {q1}: view dash.first_quarter" in pruned.stdout
    )
    record = json.loads(next((tmp_path / "runs").glob("*/run.json")).read_text())
    assert (record["outcome"], record["result"]["dropped"]) == ("warn", [q2])
    assert pg_query(pg_uri, "SELECT DISTINCT q FROM dash.first_quarter") == [("Q1",)]
    assert [v.schema for v in list_versions(pg_uri)] == [q1, q3, q4]
    assert pg_query(pg_uri, f"SELECT count(*) FROM pg_namespace WHERE nspname = '{q2}'") == [(0,)]
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q4", {q4})

    pg_query(pg_uri, "DROP VIEW dash.first_quarter")
    again = prune_versions(pg_uri, keep=0, settings=settings)
    assert (again.dropped, again.warnings) == ([q1], [])
    assert pg_query(pg_uri, f"SELECT count(*) FROM pg_namespace WHERE nspname = '{q1}'") == [(0,)]


def test_a_table_the_next_version_lacks_goes_from_the_views_and_comes_back_with_a_rollback(
    pg_uri: str, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: the rollback made servicedesk.u again and said nothing of it (only views whose columns
    # changed, or went away, were printed).
    monkeypatch.chdir(tmp_path)
    (tmp_path / "none.sql").write_text("")
    monkeypatch.setenv("COLUMNAR_ETL_DASHBOARD_TEMPLATES", str(tmp_path / "none.sql"))
    two = {**_quarter("Q1"), "u": pa.table({"k": pa.array(["a", "b"])})}
    q1 = load_tables(two, pg_uri, mode="simple", settings=settings).schema
    q2 = load_tables(_quarter("Q2"), pg_uri, mode="blue-green", settings=settings).schema
    views = "SELECT table_name FROM information_schema.views WHERE table_schema = 'servicedesk' ORDER BY 1"
    switched = runner.invoke(app, ["--target", pg_uri, "cutover"])
    assert switched.exit_code == 0, switched.output
    assert switched.stdout == f"cut over: servicedesk.* now reads {q2} (was {q1})\n  u: view dropped -k\n"
    assert (pg_query(pg_uri, views), live_target(pg_uri), _reads(pg_uri)) == ([("t",)], {q2}, "Q2")
    back = runner.invoke(app, ["--target", pg_uri, "rollback"])
    assert back.exit_code == 0, back.output
    assert back.stdout == f"rolled back: servicedesk.* now reads {q1} (was {q2})\n  u: view created\n"
    assert (pg_query(pg_uri, views), live_target(pg_uri), _reads(pg_uri)) == ([("t",), ("u",)], {q1}, "Q1")
    assert pg_query(pg_uri, "SELECT k FROM servicedesk.u ORDER BY k") == [("a",), ("b",)]


def test_a_cutover_away_from_a_live_version_dropped_by_hand_is_not_refused_for_its_backup(
    pg_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: with backup_before_cutover, the cutover that repairs the dashboards (their views went with
    # the live schema) failed, exit 1, "schema '…' does not exist (hint: columnar-etl schemas list shows
    # the version schemas)": a dump of nothing stood in its way.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "none.sql").write_text("")
    monkeypatch.setenv("COLUMNAR_ETL_DASHBOARD_TEMPLATES", str(tmp_path / "none.sql"))
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_BEFORE_CUTOVER", "true")
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_DIR", str(tmp_path / "bk"))
    settings = load_settings(target_lock_wait=10)
    q1 = load_tables(_quarter("Q1"), pg_uri, mode="simple", settings=settings).schema
    q2 = load_tables(_quarter("Q2"), pg_uri, mode="blue-green", settings=settings).schema
    pg_query(pg_uri, f"DROP SCHEMA {q1} CASCADE")  # the views of servicedesk go with it
    switched = runner.invoke(app, ["--target", pg_uri, "cutover"])
    assert switched.exit_code == 2, switched.output
    warning = f"the live version {q1} was dropped outside columnar_etl: nothing to back up before the cutover"
    assert f"warning: {warning}" in switched.stdout
    record = json.loads(next((tmp_path / "runs").glob("*/run.json")).read_text())
    assert (record["outcome"], record["cutover"]["backup"], record["warnings"]) == ("warn", None, [warning])
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q2", {q2})
    assert not (tmp_path / "bk").exists() or not list((tmp_path / "bk").iterdir())


def test_a_restore_interrupted_before_the_ledger_lists_the_version_again_leaves_nothing(
    pg_uri: str, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Fuzz (SIGTERM 0.7 s into `backup target-restore`): the schema was restored and checked, the
    # ledger not yet told: exit 1 "interrupted: nothing live changed", the version neither listed nor
    # restorable again ("exists already").
    from columnar_etl.backups import backup_target
    from columnar_etl.loading import ledger
    from columnar_etl.loading.versions import restore_version

    q1, _, _ = (
        load_tables(_quarter(label), pg_uri, mode="simple", settings=settings).schema
        for label in ("Q1", "Q2", "Q3")
    )
    dump = backup_target(q1, uri=pg_uri, settings=settings).manifest.path
    assert prune_versions(pg_uri, keep=0, settings=settings).dropped == [q1]
    real = ledger.relist_version

    def interrupted(uri: str, schema: str) -> str | None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ledger, "relist_version", interrupted)
    with pytest.raises(KeyboardInterrupt):
        restore_version(dump, uri=pg_uri, settings=settings)
    assert pg_query(pg_uri, f"SELECT count(*) FROM pg_namespace WHERE nspname = '{q1}'") == [(0,)]
    assert q1 not in [v.schema for v in list_versions(pg_uri)]
    monkeypatch.setattr(ledger, "relist_version", real)
    assert restore_version(dump, uri=pg_uri, settings=settings).version_of == "servicedesk"
    assert cutover(pg_uri, q1, settings=settings).to_version == q1 and _reads(pg_uri) == "Q1"


def test_a_role_that_may_only_read_the_ledger_lists_the_versions_and_creates_nothing(
    pg_uri: str, settings: Settings
) -> None:
    # Was: `schemas list` ensured the ledger first, which asks for CREATE on its schema: a monitoring
    # role granted only USAGE and SELECT was refused ("the ledger schema columnar_etl belongs to role
    # ..., and ... may not use it"), and on a database never loaded into it created the ledger.
    reader = f"ro_{uuid.uuid4().hex[:8]}"
    pg_query(pg_uri, f"CREATE ROLE {reader} LOGIN")
    try:
        as_reader = uri_as(pg_uri, reader)
        # Nothing loaded yet: no version, and no ledger made by a listing (as the loader role either).
        assert list_versions(pg_uri) == []
        assert pg_query(pg_uri, "SELECT to_regnamespace('columnar_etl') IS NULL") == [(True,)]
        q1 = load_tables(_quarter("Q1"), pg_uri, mode="simple", settings=settings).schema
        q2 = load_tables(_quarter("Q2"), pg_uri, mode="blue-green", settings=settings).schema
        pg_query(pg_uri, f"GRANT USAGE ON SCHEMA columnar_etl TO {reader}")
        pg_query(pg_uri, f"GRANT SELECT ON ALL TABLES IN SCHEMA columnar_etl TO {reader}")
        listed = runner.invoke(app, ["--target", as_reader, "schemas", "list", "--json"])
        assert listed.exit_code == 0, listed.output
        rows = json.loads(listed.stdout)
        assert [(v["schema"], v["live"]) for v in rows] == [(q1, True), (q2, False)]
        # Without the grants it says which rights are missing, in one line.
        pg_query(pg_uri, f"REVOKE SELECT ON ALL TABLES IN SCHEMA columnar_etl FROM {reader}")
        refused = runner.invoke(app, ["--target", as_reader, "schemas", "list"])
        assert refused.exit_code == 1
        assert "GRANT USAGE ON SCHEMA columnar_etl" in refused.stderr, refused.stderr
    finally:
        pg_query(pg_uri, f"DROP OWNED BY {reader}")
        pg_query(pg_uri, f"DROP ROLE {reader}")


def test_a_load_skips_a_version_not_live_loaded_from_the_same_source(pg_uri: str, settings: Settings) -> None:
    # Was: under the lock, only the live version or one created since the run started counted: an
    # earlier blue-green version of the same export, never cut over, was loaded again.
    same = {"source_checksum": "f" * 64, "skip_if_loaded": True, "settings": settings}
    live = load_tables(_quarter("Q1"), pg_uri, mode="simple", source_checksum="e" * 64, settings=settings)
    ready = load_tables(_quarter("Q2"), pg_uri, mode="blue-green", **same).schema
    again = load_tables(_quarter("Q2"), pg_uri, mode="blue-green", **same)
    assert (again.status, again.already_loaded, again.schema) == ("already_loaded", ready, "")
    assert [name for name, _, _ in _ledger(pg_uri)] == [live.schema, ready]
    # A version whose schema was dropped by hand is no longer "loaded": the file is loaded again.
    pg_query(pg_uri, f"DROP SCHEMA {ready} CASCADE")
    third = load_tables(_quarter("Q2"), pg_uri, mode="blue-green", **same)
    assert third.status == "ready" and third.schema not in (ready, live.schema)


@pytest.mark.parametrize("command", ["cutover", "rollback"])
def test_a_switch_killed_just_after_its_commit_says_where_to_look_not_that_it_ended_without_finishing(
    command: str, pg_uri: str, settings: Settings, tmp_path: Path
) -> None:
    # Was: SIGKILL the moment a cutover's (or rollback's) transaction committed left run.json "running",
    # with nothing of the switch in it; the next command marked it "interrupted ... ended without
    # finishing the run" while the ledger recorded the switch as succeeded and the views read it.
    q1 = load_tables(_quarter("Q1"), pg_uri, mode="simple", settings=settings).schema
    q2 = load_tables(_quarter("Q2"), pg_uri, mode="blue-green", settings=settings).schema
    if command == "rollback":
        cutover(pg_uri, q2, settings=settings)
    frm, to, label = (q1, q2, "Q2") if command == "cutover" else (q2, q1, "Q1")
    runs_dir = tmp_path / "runs"
    env = _killed_at_commit(pg_uri, runs_dir, [command, *([to] if command == "cutover" else [])], tmp_path)
    # Committed: the views read it, the ledger has it live and the switch's run as succeeded.
    assert (_reads(pg_uri), live_target(pg_uri)) == (label, {to})
    (run_dir,) = runs_dir.iterdir()
    ((mode, status, version),) = pg_query(
        pg_uri, f"SELECT mode, status, version_schema FROM columnar_etl.runs WHERE run_id = '{run_dir.name}'"
    )
    assert (mode, status, version) == (command, "succeeded", to)
    # The next command marks the record: it says which switch it was committing, and where to look.
    pruned = runner.invoke(app, ["--target", pg_uri, "schemas", "prune", "--keep", "5", "--dry-run"], env=env)
    assert pruned.exit_code == 0, pruned.output
    record = json.loads((run_dir / "run.json").read_text())
    assert (record["command"], record["outcome"], record["exit_code"]) == (command, "interrupted", 1)
    assert record["cutover"]["from_version"] == frm and record["cutover"]["to_version"] == to
    assert record["error"]["message"] == (
        f"process {record['pid']} on {record['host']} ended at the commit of its {command} from {frm} "
        f"to {to} or just after it: whether {to} is live, `columnar-etl schemas list` says"
    )


def _three_quarters_backed_up_before_cutover(
    pg_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, str, str]:
    """Q1 live, Q2 and Q3 loaded blue-green after it, with ``backup_before_cutover`` on and the dumps
    going to ``tmp_path / "bk"``; the three versions."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_BEFORE_CUTOVER", "true")
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_DIR", str(tmp_path / "bk"))
    settings = load_settings(target_lock_wait=10)
    q1 = load_tables(_quarter("Q1"), pg_uri, mode="simple", settings=settings).schema
    q2 = load_tables(_quarter("Q2"), pg_uri, mode="blue-green", settings=settings).schema
    q3 = load_tables(_quarter("Q3"), pg_uri, mode="blue-green", settings=settings).schema
    return q1, q2, q3


def test_a_cutover_that_will_be_refused_spends_no_backup_of_the_live_version(
    pg_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: with backup_before_cutover, the live version was dumped first, and only then was the target
    # found unknown, live already or dropped: each refused cutover (exit 1) left a dump of it.
    q1, q2, q3 = _three_quarters_backed_up_before_cutover(pg_uri, tmp_path, monkeypatch)
    pg_query(pg_uri, f"DROP SCHEMA {q3} CASCADE")
    before = _ledger(pg_uri)
    refusals = {
        "servicedesk_v20000101_000000": "'servicedesk_v20000101_000000' is not a version of 'servicedesk'",
        q1: f"{q1} is live already",
        q3: f"version '{q3}' was dropped",
        "": f"version '{q3}' was dropped",  # the default: the newest loaded after the live one
    }
    for version, said in refusals.items():
        refused = runner.invoke(app, ["--target", pg_uri, "cutover", *([version] if version else [])])
        assert refused.exit_code == 1, refused.output
        assert said in " ".join(refused.stderr.split()), refused.stderr
        dumps = list((tmp_path / "bk").rglob("*")) if (tmp_path / "bk").exists() else []
        assert dumps == [], (version, dumps)
        assert (_reads(pg_uri), live_target(pg_uri), _ledger(pg_uri)) == ("Q1", {q1}, before)
    # A cutover that goes ahead still dumps the live version first.
    switched = runner.invoke(app, ["--target", pg_uri, "cutover", q2, "--json"])
    assert switched.exit_code in (0, 2), switched.output
    backup = json.loads(switched.stdout)["backup"]
    assert backup is not None and f".{q1}." in Path(backup).name and Path(backup).is_file()
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q2", {q2})


def test_a_cutover_a_template_refuses_spends_no_backup_and_one_that_goes_ahead_runs_them_once(
    pg_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: with backup_before_cutover the live version was dumped, and only then did a dashboard
    # template refuse the cutover (exit 3): each refusal left a dump. The templates now run before the
    # dump, and not again under the lock when neither the target nor the live version changed.
    folder = tmp_path / "templates"
    folder.mkdir()
    # Fails on a version whose rows do not say Q1 or Q2 (division by zero), works on Q1 and Q2; each
    # run on a version draws one number from a sequence: the count of runs.
    (folder / "quarters.sql").write_text(
        "-- name: known_quarter\n"
        "SELECT nextval('public.template_runs') AS n, "
        "1 / count(*) FILTER (WHERE q IN ('Q1', 'Q2')) AS ok FROM {schema}.t\n"
    )
    pg_query(pg_uri, "CREATE SEQUENCE public.template_runs")
    q1, q2, q3 = _three_quarters_backed_up_before_cutover(pg_uri, tmp_path, monkeypatch)
    monkeypatch.setenv("COLUMNAR_ETL_DASHBOARD_TEMPLATES", str(folder))  # the cutovers' templates
    runs = pg_query(pg_uri, "SELECT last_value, is_called FROM public.template_runs")
    before = _ledger(pg_uri)
    refused = runner.invoke(app, ["--target", pg_uri, "cutover", q3])
    assert refused.exit_code == 3, refused.output
    assert "dashboard template 'known_quarter' failed" in " ".join(refused.stderr.split()), refused.stderr
    assert not (tmp_path / "bk").exists() or list((tmp_path / "bk").rglob("*")) == []
    assert (_reads(pg_uri), live_target(pg_uri), _ledger(pg_uri)) == ("Q1", {q1}, before)
    ((drawn, _),) = pg_query(pg_uri, "SELECT last_value, is_called FROM public.template_runs")
    first = runs[0][0] if runs[0][1] else 0
    switched = runner.invoke(app, ["--target", pg_uri, "cutover", q2, "--json"])
    assert switched.exit_code == 0, switched.output
    assert Path(json.loads(switched.stdout)["backup"]).is_file()
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q2", {q2})
    # The refused cutover ran the template on Q3, then on the live Q1 to judge it (2); the cutover to
    # Q2 ran it once, on Q2, and nowhere else (it worked).
    ((after, _),) = pg_query(pg_uri, "SELECT last_value, is_called FROM public.template_runs")
    assert (drawn - first, after - drawn) == (2, 1)


def test_rollbacks_after_a_cutover_to_an_older_version_walk_back_and_stop_never_bounce(
    pg_uri: str, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: Q1 then Q2 loaded live, `cutover Q1`, then rollback, rollback, rollback ... went Q2, Q1, Q2,
    # Q1 ... for ever: the cutover set Q1's `previous` to Q2, and Q2's was Q1. A rollback undoes the
    # last change of what is live not undone yet (docs/runbook.md §5): Q2 (undoes the cutover), then
    # Q1 (undoes Q2's load), then nothing is left to undo.
    monkeypatch.chdir(tmp_path)
    q1, q2 = _loaded_in_turn(pg_uri, settings, "Q1", "Q2")
    switched = runner.invoke(app, ["--target", pg_uri, "cutover", q1])
    assert switched.exit_code == 0, switched.output
    assert (_reads(pg_uri), _ledger(pg_uri)) == ("Q1", [(q1, True, q2), (q2, False, q1)])
    walked = []
    for _ in range(2):
        back = runner.invoke(app, ["--target", pg_uri, "rollback", "--json"])
        assert back.exit_code == 0, back.output
        walked.append((json.loads(back.stdout)["to_version"], _reads(pg_uri)))
    assert walked == [(q2, "Q2"), (q1, "Q1")]
    # Q1's `previous` says where a rollback would go: nowhere (so a prune may drop Q2).
    assert _ledger(pg_uri) == [(q1, True, None), (q2, False, q1)]
    refused = runner.invoke(app, ["--target", pg_uri, "rollback"])
    assert refused.exit_code == 1, refused.output
    assert f"{q1} has no previous version to roll back to" in refused.stderr
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q1", {q1})
    # The ledger's runs say the same, in order.
    ledger_runs = pg_query(
        pg_uri, "SELECT mode, version_schema FROM columnar_etl.runs ORDER BY finished, run_id"
    )
    assert ledger_runs == [
        *(("simple", q1), ("simple", q2), ("cutover", q1)),
        *(("rollback", q2), ("rollback", q1), ("rollback", None)),
    ]


def test_rollbacks_undo_the_changes_of_what_is_live_one_at_a_time(pg_uri: str, settings: Settings) -> None:
    # Loads, cutovers and rollbacks mixed: each rollback returns to what was live before the last change
    # not undone yet, checked against a stack of the changes kept here.
    loaded = {
        q: load_tables(_quarter(q), pg_uri, mode="blue-green", settings=settings).schema for q in "ABCD"
    }
    label = {schema: q for q, schema in loaded.items()}
    stack: list[str] = []

    def cut(q: str) -> None:
        cutover(pg_uri, loaded[q], settings=settings)
        stack.append(loaded[q])

    def back() -> None:
        if len(stack) < 2:
            with pytest.raises(LoadError, match="no previous version to roll back to"):
                rollback(pg_uri, settings=settings)
            return
        stack.pop()
        assert rollback(pg_uri, settings=settings).to_version == stack[-1]

    for step in ["A", "B", "C", "<", "D", "A", "<", "<", "<", "<", "B", "<", "<", "<"]:
        cut(step) if step != "<" else back()
        assert (_reads(pg_uri), live_target(pg_uri)) == (label[stack[-1]], {stack[-1]}), step
        ((previous,),) = pg_query(pg_uri, "SELECT previous FROM columnar_etl.versions WHERE live")
        assert previous == (stack[-2] if len(stack) > 1 else None), step


class _Ahead(datetime):
    """A client whose clock is a day and a half ahead of the server's."""

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _Ahead:  # type: ignore[override]
        return cls.fromtimestamp((datetime.now(UTC) + timedelta(days=1.5)).timestamp(), tz)


def test_a_versions_created_and_name_come_from_the_servers_clock_not_the_clients(
    pg_uri: str, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: `created` (which orders the versions: the cutover's default, what a prune keeps) and the
    # schema's name came from the loading machine's clock; a client a day ahead made its version
    # "newer" than the next one loaded from a machine whose clock is right.
    import columnar_etl.loading.schemas as schemas
    import columnar_etl.loading.strategies as strategies

    monkeypatch.setattr(strategies, "datetime", _Ahead)
    monkeypatch.setattr(schemas, "datetime", _Ahead)
    ((before,),) = pg_query(pg_uri, "SELECT clock_timestamp()")
    ahead = load_tables(_quarter("Q1"), pg_uri, mode="blue-green", settings=settings).schema
    ((after,),) = pg_query(pg_uri, "SELECT clock_timestamp()")
    monkeypatch.undo()
    right = load_tables(_quarter("Q2"), pg_uri, mode="blue-green", settings=settings).schema
    ((created,),) = pg_query(
        pg_uri, f"SELECT created FROM columnar_etl.versions WHERE schema_name = '{ahead}'"
    )
    assert before <= created <= after
    named = datetime.strptime(ahead.removeprefix("servicedesk_v")[:15], "%Y%m%d_%H%M%S").replace(tzinfo=UTC)
    assert before.replace(microsecond=0) <= named <= after
    # In the order they were loaded: the cutover's default is the one loaded last.
    assert [name for name, _, _ in _ledger(pg_uri)] == [ahead, right]
    assert cutover(pg_uri, settings=settings).to_version == right


def test_a_cutover_from_a_client_whose_clock_is_ahead_keeps_its_place_in_the_rollbacks_history(
    pg_uri: str, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rollbacks' history is the order of the ledger's runs: with the client's clock as `finished`,
    # a cutover from a machine a day ahead sorted after every later rollback, and the rollbacks bounced.
    import columnar_etl.loading.versions as versions

    q1, q2 = _loaded_in_turn(pg_uri, settings, "Q1", "Q2")
    monkeypatch.setattr(versions, "datetime", _Ahead)
    cutover(pg_uri, q1, settings=settings)
    monkeypatch.undo()
    assert [rollback(pg_uri, settings=settings).to_version for _ in range(2)] == [q2, q1]
    with pytest.raises(LoadError, match="no previous version to roll back to"):
        rollback(pg_uri, settings=settings)


def test_a_runs_started_comes_from_the_servers_clock_with_the_runs_true_duration(
    pg_uri: str, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: `runs.started` was the client's clock while `finished` was the server's: a load or cutover
    # from a machine a day and a half ahead started "after" it finished, and sorted among the others by
    # a moment that never happened on the server.
    import columnar_etl.loading.ledger as ledger
    import columnar_etl.loading.schemas as schemas
    import columnar_etl.loading.strategies as strategies
    import columnar_etl.loading.versions as versions

    for module in (ledger, schemas, strategies, versions):
        monkeypatch.setattr(module, "datetime", _Ahead)
    ((before,),) = pg_query(pg_uri, "SELECT clock_timestamp()")
    q1 = load_tables(_quarter("Q1"), pg_uri, mode="blue-green", settings=settings).schema
    cutover(pg_uri, q1, settings=settings)
    ((after,),) = pg_query(pg_uri, "SELECT clock_timestamp()")
    rows = pg_query(
        pg_uri,
        f"SELECT mode, started, finished FROM columnar_etl.runs WHERE finished >= '{before.isoformat()}' "
        "ORDER BY finished",
    )
    assert [mode for mode, _, _ in rows] == ["blue-green", "cutover"]
    for mode, started, finished in rows:
        assert before <= started <= finished <= after, (mode, started, finished)
    (_, _, load_finished), (_, cut_started, _) = rows
    assert load_finished <= cut_started  # the cutover began after the load ended, as it did


def test_a_prune_is_a_run_in_the_ledger_under_its_records_run_id(
    pg_uri: str, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: `schemas prune` dropped versions (and marked them dropped) but left no row in
    # columnar_etl.runs, where every load, canary, cutover and rollback is: the ledger could not say
    # who dropped a version, or when.
    monkeypatch.chdir(tmp_path)
    q1, q2, q3 = _loaded_in_turn(pg_uri, settings, "Q1", "Q2", "Q3")
    rows_before = pg_query(pg_uri, "SELECT count(*) FROM columnar_etl.runs")
    dry = runner.invoke(app, ["--target", pg_uri, "schemas", "prune", "--keep", "0", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert pg_query(pg_uri, "SELECT count(*) FROM columnar_etl.runs") == rows_before  # nothing changed
    pruned = runner.invoke(app, ["--target", pg_uri, "schemas", "prune", "--keep", "0", "--json"])
    assert pruned.exit_code == 0, pruned.output
    shown = json.loads(pruned.stdout)
    ((run_id, mode, status, report, dropped_at, finished),) = pg_query(
        pg_uri,
        "SELECT r.run_id, r.mode, r.status, r.report::text, v.dropped, r.finished FROM columnar_etl.runs r "
        f"JOIN columnar_etl.versions v ON v.schema_name = '{q1}' WHERE r.mode = 'prune'",
    )
    assert (run_id, mode, status) == (shown["run_id"], "prune", "succeeded")
    assert json.loads(report)["dropped"] == [q1] and json.loads(report)["kept"] == [q2, q3]
    assert dropped_at is not None and finished >= dropped_at  # in the transaction of the drops
    assert [name for name, _, _ in _ledger(pg_uri)] == [q1, q2, q3]
    assert pg_query(pg_uri, f"SELECT count(*) FROM pg_namespace WHERE nspname = '{q1}'") == [(0,)]


def test_a_prune_interrupted_just_after_its_commit_says_what_it_dropped(
    pg_uri: str, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hunt: Ctrl-C (or SIGTERM) the moment a prune's drops committed ended it exit 1 "interrupted:
    # nothing live changed", its run.json without what it dropped, while the versions were gone and
    # the ledger had the prune succeeded. As a load's, cutover's or rollback's: done with a warning.
    import columnar_etl.loading.versions as versions
    from columnar_etl.pg.connect import transaction

    monkeypatch.chdir(tmp_path)
    q1, q2, q3 = _loaded_in_turn(pg_uri, settings, "Q1", "Q2", "Q3")

    @contextmanager
    def interrupted_after_commit(uri: str, *, committed: Callable[[], None] | None = None) -> Iterator[Any]:
        with transaction(uri, committed=committed) as conn:
            yield conn
        raise KeyboardInterrupt

    monkeypatch.setattr(versions, "transaction", interrupted_after_commit)
    pruned = runner.invoke(app, ["--target", pg_uri, "schemas", "prune", "--keep", "0", "--json"])
    assert pg_query(pg_uri, f"SELECT count(*) FROM pg_namespace WHERE nspname = '{q1}'") == [(0,)]
    assert pruned.exit_code == 2, pruned.output
    shown = json.loads(pruned.stdout)
    assert (shown["outcome"], shown["dropped"], shown["kept"]) == ("warn", [q1], [q2, q3])
    record = json.loads(Path(shown["run_record"]).read_text())
    assert (record["outcome"], record["result"]["dropped"]) == ("warn", [q1])
    said = "schemas prune interrupted (KeyboardInterrupt) after its commit"
    assert any(w.startswith(said) for w in record["warnings"]), record["warnings"]


def test_a_prune_killed_just_after_its_commit_says_where_to_look(
    pg_uri: str, settings: Settings, tmp_path: Path
) -> None:
    q1, _, _ = _loaded_in_turn(pg_uri, settings, "Q1", "Q2", "Q3")
    runs_dir = tmp_path / "runs"
    env = _killed_at_commit(pg_uri, runs_dir, ["schemas", "prune", "--keep", "0"], tmp_path)
    assert pg_query(pg_uri, f"SELECT count(*) FROM pg_namespace WHERE nspname = '{q1}'") == [(0,)]
    (run_dir,) = runs_dir.iterdir()
    assert pg_query(pg_uri, f"SELECT status FROM columnar_etl.runs WHERE run_id = '{run_dir.name}'") == [
        ("succeeded",)
    ]
    listed = runner.invoke(app, ["--target", pg_uri, "schemas", "prune", "--keep", "5", "--dry-run"], env=env)
    assert listed.exit_code == 0, listed.output
    record = json.loads((run_dir / "run.json").read_text())
    assert (record["outcome"], record["result"]["dropped"]) == ("interrupted", [q1])
    assert record["error"]["message"] == (
        f"process {record['pid']} on {record['host']} ended at the commit of its prune (dropping {q1}) or "
        "just after it: whether they were dropped, `columnar-etl schemas list` says"
    )


def test_a_simple_loads_version_is_live_since_it_was_made_not_since_its_load_began(
    pg_uri: str, settings: Settings
) -> None:
    # Hunt: `live_since` was now(), the start of the load's transaction: a version loaded and made
    # live in one transaction was "live" before it was created (minutes before, for a big load), and
    # before the previous version stopped being live.
    load_tables(_quarter("Q1"), pg_uri, mode="simple", settings=settings)
    load_tables(_quarter("Q2"), pg_uri, mode="simple", settings=settings)
    rows = pg_query(pg_uri, "SELECT created, live_since FROM columnar_etl.versions ORDER BY created")
    assert all(live_since >= created for created, live_since in rows), rows
    assert rows[1][1] > rows[0][1]


def _killed_at_commit(pg_uri: str, runs_dir: Path, args: list[str], tmp_path: Path) -> dict[str, str]:
    """The command ``args`` in a process SIGKILLed the moment its transaction commits
    (tests/loading/killed_at_commit.py), its run records in ``runs_dir``; the environment it ran in."""
    env = {
        **os.environ,
        "PYTHONPATH": f"{REPO_ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
        "COLUMNAR_ETL_RUNS_DIR": str(runs_dir),
        "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "backups"),
    }
    killed = subprocess.run(
        [sys.executable, "-m", "tests.loading.killed_at_commit", "--target", pg_uri, *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    return env


def _loaded_in_turn(pg_uri: str, settings: Settings, *quarters: str) -> list[str]:
    """Each quarter loaded ``simple`` (made live) in turn: their version schemas."""
    return [load_tables(_quarter(q), pg_uri, mode="simple", settings=settings).schema for q in quarters]


def _command(pg_uri: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``columnar-etl --target pg_uri ARGS`` in a process of its own, its records under ``tmp_path``."""
    env = {
        **os.environ,
        "PYTHONPATH": f"{REPO_ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
        "COLUMNAR_ETL_RUNS_DIR": str(tmp_path / "runs"),
        "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "backups"),
        "COLUMNS": "200",
    }
    return subprocess.run(
        [sys.executable, "-m", "columnar_etl", "--target", pg_uri, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_live_versions_ledger_row_deleted_by_hand_is_listed_and_no_switch_hides_it(
    pg_uri: str, settings: Settings, tmp_path: Path
) -> None:
    # Hunt (round 8): with the live version's ledger row deleted by hand, `schemas list` left the version
    # the dashboards read out (exit 0), `rollback` said "nothing of 'servicedesk' is live", and
    # `cutover` re-pointed the views away from it saying "(was nothing)", exit 0.
    q1, q2, q3 = _loaded_in_turn(pg_uri, settings, "Q1", "Q2", "Q3")
    pg_query(pg_uri, f"DELETE FROM columnar_etl.versions WHERE schema_name = '{q3}'")
    said = f"the views of 'servicedesk' read {q3}, but the ledger says nothing is live and lists no {q3}"

    listed = _command(pg_uri, tmp_path, "schemas", "list")
    assert listed.returncode == 2, listed.stderr
    assert re.search(rf"│ views, unlisted +│ {q3} ", listed.stdout), listed.stdout
    assert listed.stderr.startswith(f"warning: {said}") and listed.stderr.count("\n") == 1
    shown = json.loads(_command(pg_uri, tmp_path, "schemas", "list", "--json").stdout)
    assert [(v["schema"], v["live"], v["read_by_views"], v["unlisted"]) for v in shown] == [
        (q1, False, False, False),
        (q2, False, False, False),
        (q3, False, True, True),
    ]

    back = _command(pg_uri, tmp_path, "rollback")
    assert back.returncode == 1, back.stderr
    assert back.stderr.startswith(f"error: {said}") and "nothing live changed" in back.stderr
    assert back.stderr.count("\n") == 1 and "Traceback" not in back.stderr
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q3", {q3})

    moved = _command(pg_uri, tmp_path, "cutover", q2)
    assert moved.returncode == 2, moved.stderr
    assert (
        f"warning: {said}" in moved.stdout.replace("\n", " ") and f"re-pointed them to {q2}" in moved.stdout
    )
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q2", {q2})
    records = [json.loads(p.read_text()) for p in (tmp_path / "runs").glob("*/run.json")]
    outcomes = sorted((r["command"], r["outcome"]) for r in records)
    assert outcomes == [("cutover", "warn"), ("rollback", "failed")]


def test_a_live_flag_moved_by_hand_is_said_and_a_rollback_does_not_follow_it(
    pg_uri: str, settings: Settings, tmp_path: Path
) -> None:
    # Hunt (round 8): the ledger's `live` moved to Q1 by hand while the views read Q2: `rollback` went
    # "back" from Q1 by the ledger and `schemas list` marked Q1 live, both without a word.
    q1, q2 = _loaded_in_turn(pg_uri, settings, "Q1", "Q2")
    pg_query(pg_uri, "UPDATE columnar_etl.versions SET live = false WHERE live")
    pg_query(pg_uri, f"UPDATE columnar_etl.versions SET live = true WHERE schema_name = '{q1}'")
    said = f"the views of 'servicedesk' read {q2}, but the ledger says {q1} is live"
    listed = _command(pg_uri, tmp_path, "schemas", "list")
    assert (listed.returncode, listed.stderr) == (2, f"warning: {said}\n")
    assert re.search(rf"│ views +│ {q2} ", listed.stdout) and re.search(
        rf"│ ledger live +│ {q1} ", listed.stdout
    )
    with pytest.raises(LoadError, match=re.escape(said) + ": a rollback follows the ledger's history"):
        rollback(pg_uri, settings=settings)
    assert live_target(pg_uri) == {q2}
    # A cutover to the ledger's live version is what the operator asks: done, saying what it replaced.
    switched = cutover(pg_uri, q1, settings=settings)
    assert switched.warnings == [f"{said}: the cutover re-pointed them to {q1}"]
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q1", {q1})
    assert _command(pg_uri, tmp_path, "schemas", "list").returncode == 0
