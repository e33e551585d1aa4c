"""A table that fails while the next one is already being read ahead: the run reports THAT failure.

The load reads each table ahead in a thread of its own (``Prefetcher``); when a table fails, the
next one's cleaning may be in the middle of a batch, or waiting for a DuckDB query of the cleaner's
pool, longer than the load waits for it. Closing the clean stream then must neither close a
generator that thread is executing (``ValueError: generator already executing``, which replaced the
real error) nor close DuckDB under a running query (the process aborted). Each case runs the CLI in
a process of its own, so an abort or a hang is seen as such; the failure is injected where it
would happen (a cleaned batch of ``tickets``), the slowness where it did (a batch being cleaned, a
query in the pool).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from columnar_etl.cleaning.stream import clean_stream
from columnar_etl.config import Settings
from columnar_etl.planning.build import build_plan
from columnar_etl.profiling.profile import profile
from columnar_etl.source.export import Source

from .conftest import pg_query, run_settings

INJECTED = "injected failure while cleaning tickets"

# Fails the first cleaned batch of `tickets`; slows `comments`, the table read ahead after it, by
# SLOW (batch: its first batch takes seconds to clean; query: its outlier quartiles are preceded
# by a DuckDB query that would run for minutes); the load waits only 0.2 s for a producer.
CHILD = textwrap.dedent(
    f"""
    import sys, time
    from columnar_etl.cleaning import stream, table
    from columnar_etl.cli import app
    from columnar_etl.errors import CleanError
    from columnar_etl.loading.streams import Prefetcher

    slow = sys.argv.pop(1)
    Prefetcher.CLOSE_WAIT_SECONDS = 0.2
    clean, fences = table.TableCleaner.clean, stream.outlier_fences

    def failing_clean(self, batch):
        if self.plan.name == "tickets":
            raise CleanError({INJECTED!r}, table="tickets", hint="none")
        if self.plan.name == "comments" and slow == "batch":
            time.sleep(3)
        return clean(self, batch)

    def slow_fences(src, plan, *args, **kwargs):
        if plan.name == "comments" and slow == "query":
            src.cursor().execute("SELECT sum(hash(i)) FROM range(10000000000000) t(i)").fetchone()
        return fences(src, plan, *args, **kwargs)

    table.TableCleaner.clean = failing_clean
    stream.outlier_fences = slow_fences
    sys.argv[0] = "columnar-etl"
    app()
    """
)


def version_schemas(uri: str) -> list[str]:
    rows = pg_query(uri, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'servicedesk\\_v%'")
    return [row[0] for row in rows]


@pytest.mark.parametrize("slow", ["batch", "query"])
def test_a_table_failing_while_the_next_is_read_ahead_reports_its_own_error(
    tmp_path: Path, pg_uri: str, small_fixture: Path, slow: str
) -> None:
    settings: Settings = run_settings(tmp_path, pg_uri)
    env = {
        **os.environ,
        "COLUMNAR_ETL_RUNS_DIR": str(settings.runs_dir),
        "COLUMNAR_ETL_BACKUP_DIR": str(settings.backup_dir),
        "COLUMNAR_ETL_MIN_MEMORY_GB": "0.5",
        "COLUMNAR_ETL_FAIL_MEMORY_GB": "0.1",
    }
    command = [sys.executable, "-c", CHILD, slow, "run", str(small_fixture), "--mode", "simple", "--yes"]
    process = subprocess.Popen(
        [*command, "--target", pg_uri],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _, stderr = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail("the run did not end (a thread left in a DuckDB query)")
    # Exit 1, not an abort (-6) or a crash; the one line is the injected error itself (not masked
    # by the cleanup, nor wrapped in the COPY's driver error).
    assert process.returncode == 1, stderr
    assert stderr.splitlines()[-1] == f"error: table 'tickets': {INJECTED} (hint: none)", stderr
    (run_json,) = Path(settings.runs_dir).glob("*/run.json")
    record = json.loads(run_json.read_text())
    assert record["outcome"] == "failed" and record["stages"][-1]["status"] == "failed"
    error = record["error"]
    assert (error["error"], error["message"], error["table"]) == ("CleanError", INJECTED, "tickets")
    # Nothing left behind, nothing live changed.
    assert version_schemas(pg_uri) == []
    assert pg_query(pg_uri, "SELECT to_regclass('servicedesk.tickets')") == [(None,)]


def test_a_failure_while_closing_never_replaces_the_error_that_ended_the_block(
    small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_close(self: Source) -> None:
        raise OSError("closing failed")

    plan = build_plan(profile(small_fixture))
    monkeypatch.setattr(Source, "close", broken_close)
    with pytest.raises(RuntimeError, match="the block's own error"), clean_stream(small_fixture, plan):
        raise RuntimeError("the block's own error")
    # Without an error in the block, the failure to close is the error.
    with pytest.raises(OSError, match="closing failed"), clean_stream(small_fixture, plan):
        pass
