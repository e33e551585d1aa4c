"""A load, cutover or rollback that waits too long for another says whom it waits for (issue 16, item 6)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from columnar_etl.config import load_settings
from columnar_etl.errors import BackupError, LoadError
from columnar_etl.loading.strategies import load_tables
from columnar_etl.loading.versions import cutover, rollback
from columnar_etl.pg.connect import connect, rollback_quietly
from columnar_etl.pipeline.raw import copy_raw

from ..conftest import SMALL_FIXTURE, pg_query
from .conftest import held_table_lock


@contextmanager
def held_lock(uri: str, lock_class: int, base: str = "servicedesk") -> Iterator[str]:
    """Hold ``base``'s advisory lock of ``lock_class`` in an open transaction; yields its start (UTC)."""
    holder = connect(uri)
    cursor = holder.cursor()
    try:
        # now() is the start of this transaction: what "running since" must show.
        cursor.execute("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')")
        (since,) = cursor.fetchone()
        cursor.execute(f"SELECT pg_advisory_xact_lock({lock_class}, hashtext('{base}'))")
        cursor.fetchall()
        yield f"{since} UTC"
    finally:
        cursor.close()
        holder.rollback()
        holder.close()


@contextmanager
def session_ended_after(uri: str, statement: str, seconds: float = 20) -> Iterator[tuple[int, list[Any]]]:
    """An open transaction of another session that ran ``statement`` (a lock taken, a table read):
    yields its backend pid and the statement's rows. The session is ended after ``seconds``, so that code
    that would wait for it without end (the old code) ends too, and rolled back when the block ends."""
    holder = connect(uri)
    cursor = holder.cursor()
    cursor.execute("SELECT pg_backend_pid()")
    (pid,) = cursor.fetchone()
    cursor.execute(statement)
    rows = cursor.fetchall() if cursor.description else []
    ending = threading.Timer(seconds, pg_query, (uri, f"SELECT pg_terminate_backend({pid})"))
    ending.start()
    try:
        yield pid, rows
    finally:
        ending.cancel()
        cursor.close()
        rollback_quietly(holder)  # ended by the timer on the old code
        holder.close()


def test_a_load_waiting_for_another_load_names_it(pg_uri: str, tmp_path: Path) -> None:
    settings = load_settings(target_lock_wait=0.5, pg_dir=tmp_path / "pg", backup_dir=tmp_path / "b")
    with held_lock(pg_uri, 7301) as since, pytest.raises(LoadError) as info:
        load_tables({"t": pa.table({"a": [1]})}, pg_uri, settings=settings)
    assert str(info.value) == (
        f"another load of 'servicedesk' is running since {since} (waited 0.5 s) "
        "(hint: wait for it to finish (or raise target_lock_wait) and run again)"
    )
    assert pg_query(pg_uri, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'servicedesk%'") == [(0,)]
    # Once the other load is gone the same call goes through.
    assert load_tables({"t": pa.table({"a": [1]})}, pg_uri, settings=settings).status == "live"


def test_a_rollback_or_cutover_waiting_for_another_names_it(pg_uri: str, tmp_path: Path) -> None:
    settings = load_settings(target_lock_wait=0.5, pg_dir=tmp_path / "pg", backup_dir=tmp_path / "b")
    load_tables({"t": pa.table({"a": [1]})}, pg_uri, settings=settings)
    second = load_tables({"t": pa.table({"a": [2]})}, pg_uri, settings=settings)
    expected = (
        "another cutover, rollback or prune of 'servicedesk' is running since {since} (waited 0.5 s) "
        "(hint: wait for it to finish (or raise target_lock_wait) and run again)"
    )
    with held_lock(pg_uri, 7302) as since:
        with pytest.raises(LoadError) as info:
            rollback(pg_uri, base="servicedesk", settings=settings)
        assert str(info.value) == expected.format(since=since)
        with pytest.raises(LoadError) as info:
            cutover(pg_uri, second.schema, settings=settings)
        assert str(info.value) == expected.format(since=since)
    assert pg_query(pg_uri, "SELECT a FROM servicedesk.t") == [(2,)]


@pytest.mark.parametrize("mode", ["simple", "cutover"])
def test_a_cutover_does_not_wait_for_a_vacuum_of_the_live_tables(
    pg_uri: str, tmp_path: Path, mode: str
) -> None:
    # VACUUM and ANALYZE (autovacuum's too) hold SHARE UPDATE EXCLUSIVE on the table they work on. Locking
    # the views with LOCK TABLE also locked the live tables behind them, in ACCESS EXCLUSIVE: the cutover
    # waited for the autovacuum of the 40x export's live tables, past its 30 s, and failed.
    settings = load_settings(target_lock_wait=0.5, pg_dir=tmp_path / "pg", backup_dir=tmp_path / "b")
    live = load_tables({"t": pa.table({"a": [1]})}, pg_uri, settings=settings)
    ready = load_tables({"t": pa.table({"a": [2]})}, pg_uri, settings=settings, mode="blue-green")
    with held_table_lock(pg_uri, f'"{live.schema}"."t"', "SHARE UPDATE EXCLUSIVE"):
        if mode == "simple":
            load_tables({"t": pa.table({"a": [3]})}, pg_uri, settings=settings)
        else:
            cutover(pg_uri, ready.schema, settings=settings)
    assert pg_query(pg_uri, "SELECT a FROM servicedesk.t") == [(3 if mode == "simple" else 2,)]


def test_a_cutover_still_waits_for_readers_of_the_views(pg_uri: str, tmp_path: Path) -> None:
    # What the lock is for: a reader of a view (its transaction still open) sees one whole version; the
    # cutover waits for it, and past target_lock_wait gives up with nothing changed.
    settings = load_settings(target_lock_wait=0.5, pg_dir=tmp_path / "pg", backup_dir=tmp_path / "b")
    load_tables({"t": pa.table({"a": [1]})}, pg_uri, settings=settings)
    ready = load_tables({"t": pa.table({"a": [2]})}, pg_uri, settings=settings, mode="blue-green")
    with held_table_lock(pg_uri, "servicedesk.t", "ACCESS SHARE"), pytest.raises(LoadError) as info:
        cutover(pg_uri, ready.schema, settings=settings)
    assert "readers held the views of servicedesk for more than 0.5 s" in str(info.value)
    assert pg_query(pg_uri, "SELECT a FROM servicedesk.t") == [(1,)]


def test_a_cutover_s_dump_waits_for_a_lock_on_the_live_tables_no_longer_than_target_lock_wait(
    pg_uri: str, tmp_path: Path
) -> None:
    # backup_before_cutover dumps the live version first; a session holding a lock on one of its tables
    # (a DBA's VACUUM FULL, LOCK TABLE). Was: the dump's row counts waited for it forever, and so did the
    # cutover, whatever its target_lock_wait (here the holder is ended after 20 s, so that the old code
    # ends too: with the dump made, the cutover done).
    settings = load_settings(
        target_lock_wait=0.5,
        backup_before_cutover=True,
        pg_dir=tmp_path / "pg",
        backup_dir=tmp_path / "b",
    )
    live = load_tables({"t": pa.table({"a": [1]})}, pg_uri, settings=settings).schema
    second = load_tables({"t": pa.table({"a": [2]})}, pg_uri, mode="blue-green", settings=settings).schema
    with session_ended_after(pg_uri, f"LOCK TABLE {live}.t IN ACCESS EXCLUSIVE MODE"):
        started = time.monotonic()
        with pytest.raises(BackupError) as info:
            cutover(pg_uri, second, settings=settings)
        waited = time.monotonic() - started
    assert str(info.value) == (
        f"a session held a lock on a table of {live} for more than 0.5 s: nothing dumped "
        "(hint: let it finish (pg_locks shows it) or raise target_lock_wait, and run again)"
    )
    assert waited < 10
    assert pg_query(pg_uri, "SELECT schema_name FROM columnar_etl.versions WHERE live") == [(live,)]
    assert not list((tmp_path / "b").glob("*.dump"))


def test_a_raw_copy_waits_for_a_reader_of_its_schema_no_longer_than_target_lock_wait(
    pg_uri: str, tmp_path: Path
) -> None:
    # copy-raw replaces its schema (DROP ... CASCADE): a reader of the schema's tables in an open
    # transaction (a dashboard). Was: the copy waited for it without end (the holder is ended after
    # 20 s here, so that the old code ends too, the copy made).
    settings = load_settings(target_lock_wait=0.5, pg_dir=tmp_path / "pg", backup_dir=tmp_path / "b")
    first = copy_raw(SMALL_FIXTURE, pg_uri, schema="raw", settings=settings)
    with session_ended_after(pg_uri, "SELECT count(*) FROM raw.tickets") as (pid, counted):
        assert counted == [(first.target_rows["tickets"],)]
        started = time.monotonic()
        with pytest.raises(LoadError) as info:
            copy_raw(SMALL_FIXTURE, pg_uri, schema="raw", settings=settings)
        waited = time.monotonic() - started
    assert str(info.value) == (
        f"readers held schema raw for more than 0.5 s (pid {pid}): nothing changed "
        "(hint: let them finish (a dashboard's open transaction) or raise target_lock_wait, and run again)"
    )
    assert waited < 10
    assert pg_query(pg_uri, "SELECT count(*) FROM raw.tickets") == [(first.target_rows["tickets"],)]
