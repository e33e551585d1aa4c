"""Failure injection against a real PostgreSQL: whatever breaks, no partial version, live views unchanged.

Each case starts from a live version, breaks a load (a value PostgreSQL rejects in the last table, the
loading backend terminated mid-COPY, the loading process SIGKILLed half-way, a wrong password or an
unreachable host), then checks the target: no new version schema, the views still on the old version,
the ledger with the run failed (or nothing) — and that a re-run succeeds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.config import Settings
from columnar_etl.errors import LoadError, TargetError
from columnar_etl.loading import load_tables

from ..conftest import REPO_ROOT, SMALL_FIXTURE, backend_ended, pg_query, uri_as
from .conftest import KEYS, counts, live_target, runs, version_schemas

runner = CliRunner()


def assert_untouched(uri: str, live: str, expected_counts: dict[str, int]) -> None:
    """The target is as the live version left it: no other version schema, views and rows unchanged."""
    assert version_schemas(uri) == [live]
    assert live_target(uri) == {live}
    assert counts(uri) == expected_counts


# 4714 BC: within Arrow's range, before PostgreSQL's first timestamp.
_BEFORE_POSTGRES_TIME = pa.array([-210_900_000_000_000_000], pa.int64()).cast(pa.timestamp("us"))


@pytest.mark.parametrize(
    ("column", "bad", "refusal"),
    [
        (
            "TS-Agent",
            pa.array(["nul\x00byte"], pa.string()),
            'invalid byte sequence for encoding "UTF8": 0x00',
        ),
        ("TS-Start Time", _BEFORE_POSTGRES_TIME, "failed: timestamp out of range"),
    ],
    ids=["nul-byte-in-text", "timestamp-out-of-range"],
)
def test_a_value_postgres_rejects_in_the_last_table_leaves_no_version(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table], column: str, bad: pa.Array, refusal: str
) -> None:
    live = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings).schema
    before = counts(pg_uri)
    sheets = v1_tables["timesheets"]
    row = sheets.slice(0, 1).set_column(sheets.schema.get_field_index(column), column, bad)
    broken = {**v1_tables, "timesheets": pa.concat_tables([sheets, row])}
    assert list(broken)[-1] == "timesheets"

    with pytest.raises(LoadError) as info:
        load_tables(broken, pg_uri, keys=KEYS, settings=settings)
    assert info.value.table == "timesheets"
    assert "COPY into servicedesk_v" in str(info.value) and ".timesheets failed" in str(info.value)
    assert refusal in str(info.value)  # PostgreSQL's own words
    assert_untouched(pg_uri, live, before)
    mode, status, version, error = runs(pg_uri)[-1]
    assert (mode, status) == ("simple", "failed")
    assert version is not None and version.startswith("servicedesk_v") and "timesheets" in str(error)

    again = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    assert again.status == "live" and live_target(pg_uri) == {again.schema}


def slow_batches(count: int, delay: float) -> pa.RecordBatchReader:
    """``count`` batches of a tickets-like table, ``delay`` seconds apart."""
    schema = pa.schema([("TKT-Ticket ID", pa.int64()), ("TKT-Subject", pa.string())])

    def batches() -> Iterator[pa.RecordBatch]:
        for i in range(count):
            ids = pa.array(range(i * 500, (i + 1) * 500), pa.int64())
            yield pa.record_batch([ids, pa.array(["subject"] * 500)], schema=schema)
            time.sleep(delay)

    return pa.RecordBatchReader.from_batches(schema, batches())


def database_of(uri: str) -> str:
    return urlsplit(uri).path.lstrip("/")


def test_terminating_the_loading_backend_mid_copy_leaves_no_version(
    pg_uri: str, pg_server_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    live = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings).schema
    before = counts(pg_uri)
    # The COPY into the table, not one of the driver's reads (``COPY (SELECT ...) TO STDOUT``).
    copy = f"query ILIKE 'COPY %FROM STDIN%' AND state = 'active' AND datname = '{database_of(pg_uri)}'"
    with (
        backend_ended(pg_server_uri, copy, within=15, every=0.05) as killed,
        pytest.raises(LoadError) as info,
    ):
        load_tables({"tickets": slow_batches(40, 0.1)}, pg_uri, keys=KEYS, settings=settings)
    assert killed
    assert info.value.table == "tickets" and "COPY into servicedesk_v" in str(info.value)
    # The server went away, not the data: was "nothing was committed; fix the data or the target and run
    # again" (as after a `pg_ctl restart -m fast` mid-COPY).
    assert info.value.hint == (
        "the server closed the connection (a restart, a failover, its backend terminated), and rolled back "
        "what it had not committed: run again once the server takes connections"
    )
    assert_untouched(pg_uri, live, before)
    assert runs(pg_uri)[-1][:2] == ("simple", "failed")
    assert load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings).status == "live"


def test_sigkill_of_the_loading_process_half_way_leaves_no_version(
    pg_uri: str, pg_server_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    live = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings).schema
    before, ledger_before = counts(pg_uri), runs(pg_uri)
    env = {**os.environ, "PYTHONPATH": f"{REPO_ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.loading.slow_load", pg_uri, "10"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == "batch 5/10":
                break
        else:
            pytest.fail("the loading process ended before half-way")
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    # The server notices the dead client and rolls its transaction back; wait for that backend to go.
    deadline = time.monotonic() + 15
    while pg_query(
        pg_server_uri,
        f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database_of(pg_uri)}' AND state <> 'idle' "
        "AND pid <> pg_backend_pid()",
    ) != [(0,)]:
        assert time.monotonic() < deadline, "the killed load's backend never went away"
        time.sleep(0.05)
    assert_untouched(pg_uri, live, before)
    assert runs(pg_uri) == ledger_before  # nothing recorded: the process had no chance to
    again = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    assert again.status == "live" and live_target(pg_uri) == {again.schema}


def test_a_wrong_password_is_one_masked_line_and_exit_1(
    tmp_path: Path, pg_server_uri: str, password_role: tuple[str, str]
) -> None:
    role, _ = password_role
    target = uri_as(pg_server_uri, role, "wrong-secret")
    result = runner.invoke(
        app, ["load", str(SMALL_FIXTURE), "--target", target], env={"COLUMNAR_ETL_PG_DIR": str(tmp_path)}
    )
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: cannot connect to postgresql://{role}:***@")
    assert f'password authentication failed for user "{role}"' in lines[0]
    assert "wrong-secret" not in result.output
    assert result.stdout == ""


def test_an_unreachable_host_is_one_masked_line_and_exit_1() -> None:
    result = runner.invoke(
        app, ["load", str(SMALL_FIXTURE), "--target", "postgresql://loader:hunter2@127.0.0.1:1/db"]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot connect to postgresql://loader:***@127.0.0.1:1/db: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "hunter2" not in result.output


def test_the_library_raises_target_error_with_the_uri_masked(settings: Settings) -> None:
    with pytest.raises(TargetError) as info:
        load_tables(
            {"t": pa.table({"x": [1]})}, "postgresql://loader:hunter2@127.0.0.1:1/db", settings=settings
        )
    assert "hunter2" not in str(info.value) and "loader:***@127.0.0.1:1" in str(info.value)
