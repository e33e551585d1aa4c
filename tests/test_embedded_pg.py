"""The embedded PostgreSQL: start on demand, reuse, status, stop — a real server in a temp dir."""

from __future__ import annotations

import os
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


def test_a_start_that_fails_is_one_line_saying_why_not_the_command_and_an_old_log_line(
    tmp_path: Path,
) -> None:
    # A data directory the server's user cannot read (chmod, or files another user's after a copy as
    # root): pgserver's log record of the failed pg_ctl (its command line, stdout, stderr and the whole
    # server log, some twenty lines) reached stderr through Python's last-resort handler, and the error
    # named the command and the last line of an old log ("database system is shut down").
    data = tmp_path / "pg"
    server = EmbeddedPostgres(data)
    server.start()
    assert server.stop() is True
    data.chmod(0o000)
    try:
        done = _pg_start(data)
    finally:
        data.chmod(0o700)
    owner = " (pgserver, when run as root)" if os.geteuid() == 0 else ""
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f'error: file {data}: cannot start the embedded PostgreSQL: pg_ctl: could not open PID file "{data}'
        f"/postmaster.pid\": Permission denied (hint: the data directory and its files must be the server's "
        f"user's{owner}, mode 0700: chown -R and chmod 700 it, or give another --pg-dir (pg_dir), or point "
        "--target at a server)\n"
    )
    # A failure the server itself reports (in its log, not on pg_ctl's stderr): its FATAL line.
    config = data / "postgresql.conf"
    kept = config.read_text()
    config.write_text(kept + "shared_buffers = lots\n")
    with pytest.raises(TargetError) as info:
        EmbeddedPostgres(data).start()
    assert info.value.message == (
        f'cannot start the embedded PostgreSQL: FATAL: configuration file "{config}" contains errors'
    )
    config.write_text(kept)
    assert server.start().startswith("postgresql://")
    assert server.stop() is True


def test_a_pg_dir_that_is_a_file_is_one_line_saying_so_not_file_exists(tmp_path: Path) -> None:
    # `--pg-dir` (pg_dir) naming a file (a typo for its parent, a file left where the directory was):
    # was "cannot start the embedded PostgreSQL: [Errno 17] File exists: '…'", hinted to read the server
    # log in a data directory there is none of (h341). The file is left as it was.
    data = tmp_path / "pg"
    data.write_text("not a data directory\n")
    done = _pg_start(data)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"error: file {data}: the embedded server's data directory is a file, not a directory (hint: give "
        "another --pg-dir (pg_dir), or point --target at a server)\n"
    )
    assert data.read_text() == "not a data directory\n"


def _pg_start(data: Path) -> subprocess.CompletedProcess[str]:
    """``columnar-etl --pg-dir data pg start`` in a process of its own, from this checkout."""
    return subprocess.run(
        [sys.executable, "-m", "columnar_etl", "--pg-dir", str(data), "pg", "start"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},  # this checkout
    )
