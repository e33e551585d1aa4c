"""The preflight's client-tool checks (``pg_dump``, ``pg_restore``): each found and at least the server's
major version. Their ``--version`` subprocesses start before the server's version is known (h120); the
verdicts must still be the server's."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from columnar_etl.config import Settings
from columnar_etl.gates.preflight import preflight
from tests.conftest import pg_query


def _tool(directory: Path, name: str, version: str) -> None:
    script = directory / name
    script.write_text(f"#!/bin/sh\necho '{name} (PostgreSQL) {version}'\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


def test_client_tools_older_than_the_server_or_missing_fail_the_preflight(
    pg_uri: str, make_sqlite: Any, tmp_path: Path
) -> None:
    source = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY)", [(1,)])})
    ((server_num,),) = pg_query(pg_uri, "SELECT current_setting('server_version_num')::int")
    server_major = server_num // 10_000  # independent of the preflight's own reading
    tools = tmp_path / "bin"
    tools.mkdir()
    _tool(tools, "pg_dump", f"{server_major - 1}.3")  # one major behind the server; no pg_restore
    settings = Settings(target=pg_uri, pg_bin_dir=tools, min_memory_gb=0.01)

    result = preflight(source, settings=settings)

    dump, restore = result.check("pg_dump"), result.check("pg_restore")
    assert (dump.status, dump.value, dump.threshold) == ("fail", server_major - 1, server_major)
    assert f"is older than the PostgreSQL {server_major} server" in dump.message
    assert restore.status == "fail"
    assert restore.message == f"pg_restore not found in {tools} (pg_bin_dir)"
    assert result.exit_code == 3

    _tool(tools, "pg_restore", f"{server_major}.0")
    _tool(tools, "pg_dump", f"{server_major + 1}.1")
    again = preflight(source, settings=settings)
    assert [(again.check(n).status, again.check(n).value) for n in ("pg_dump", "pg_restore")] == [
        ("pass", server_major + 1),
        ("pass", server_major),
    ]
