"""The embedded PostgreSQL: start on demand, reuse, status, stop — a real server in a temp dir."""

from __future__ import annotations

from pathlib import Path

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


def test_resolve_target_prefers_the_given_uri(tmp_path: Path) -> None:
    assert resolve_target("postgresql://u@h/db", tmp_path / "never-created") == "postgresql://u@h/db"
    assert not (tmp_path / "never-created").exists()


def test_bundled_client_tools_match_the_server() -> None:
    for tool in ("pg_dump", "pg_restore", "psql", "pg_ctl"):
        assert (pg_bin_dir() / tool).is_file(), tool
