"""The embedded PostgreSQL: start on demand, reuse, status, stop — a real server in a temp dir."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from columnar_etl.errors import TargetError
from columnar_etl.pg.embedded import EmbeddedPostgres, pg_bin_dir, resolve_target

from .conftest import pg_query


def test_start_reuse_status_stop(tmp_path: Path) -> None:
    server = EmbeddedPostgres(tmp_path / "pg")
    assert server.status().initialized is False
    uri = server.start()
    try:
        assert uri.startswith("postgresql://postgres:@/postgres?host=")
        status = server.status()
        assert (status.initialized, status.running, status.version) == (True, True, 18)
        assert status.uri == uri and status.pid
        # A second start (another command later) reuses the running server.
        assert EmbeddedPostgres(tmp_path / "pg").start() == uri
        assert pg_query(uri, "SELECT current_setting('server_version_num')::int / 10000") == [(18,)]
    finally:
        assert server.stop() is True
    assert server.status().running is False
    assert server.stop() is False


def test_a_server_stopped_starts_again_in_the_same_process(tmp_path: Path) -> None:
    # pgserver's handle of the first start was handed back as it was: the second start gave the URI of
    # a server that was not running (a notebook's `pg stop`, then a run in the same kernel).
    server = EmbeddedPostgres(tmp_path / "pg")
    server.start()
    assert server.stop() is True
    uri = server.start()
    try:
        assert server.status().running is True
        assert pg_query(uri, "SELECT 1") == [(1,)]
    finally:
        assert server.stop() is True


def test_resolve_target_prefers_the_given_uri(tmp_path: Path) -> None:
    assert resolve_target("postgresql://u@h/db", tmp_path / "never-created") == "postgresql://u@h/db"
    assert not (tmp_path / "never-created").exists()


def test_bundled_client_tools_match_the_server() -> None:
    for tool in ("pg_dump", "pg_restore", "psql", "pg_ctl"):
        assert (pg_bin_dir() / tool).is_file(), tool


def test_a_postmaster_pid_left_by_a_server_gone_whose_pid_another_process_has_is_no_server(
    tmp_path: Path,
) -> None:
    # A server killed (or a container restarted) leaves postmaster.pid, and its pid is soon another
    # process's. That process was taken for the server: `pg start` printed a URI where nothing answered,
    # `pg status` said running, and every command failed "no server answers there".
    server = EmbeddedPostgres(tmp_path / "pg")
    server.start()
    left = (tmp_path / "pg" / "postmaster.pid").read_text()  # as the server wrote it
    assert server.stop() is True
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"], cwd=tmp_path)
    try:
        lines = left.splitlines()
        (tmp_path / "pg" / "postmaster.pid").write_text("\n".join([str(other.pid), *lines[1:]]) + "\n")
        status = server.status()
        assert (status.running, status.pid) == (False, None)
        uri = EmbeddedPostgres(tmp_path / "pg").start()
        try:
            assert pg_query(uri, "SELECT 1") == [(1,)]
            status = server.status()
            assert status.running and status.pid not in (None, other.pid)
        finally:
            assert server.stop() is True
        assert other.poll() is None  # the other process is left alone
    finally:
        other.kill()
        other.wait()


def test_a_data_directory_of_another_major_version_is_refused_saying_what_to_do(tmp_path: Path) -> None:
    # A data directory made before the bundled server was upgraded (its PG_VERSION another major): was
    # pgserver's "Version mismatch", then the last line of an old server log ("database system is shut
    # down"), hinted to read that log. Nothing is started, nothing in the directory changed.
    server = EmbeddedPostgres(tmp_path / "pg")
    server.start()
    assert server.stop() is True
    (tmp_path / "pg" / "PG_VERSION").write_text("15\n")
    before = sorted(path.name for path in (tmp_path / "pg").iterdir())
    with pytest.raises(TargetError) as info:
        EmbeddedPostgres(tmp_path / "pg").start()
    assert info.value.message == (
        f"the data directory {tmp_path / 'pg'} holds PostgreSQL 15's data, and the embedded server is "
        "PostgreSQL 18"
    )
    assert info.value.hint == (
        "upgrade it with pg_upgrade (or dump it with PostgreSQL 15 and restore), or give another --pg-dir "
        "(pg_dir), or point --target at a server of that version"
    )
    assert sorted(path.name for path in (tmp_path / "pg").iterdir()) == before
    assert server.status().running is False
