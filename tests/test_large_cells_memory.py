"""Several large cells in one table, each under ``max_cell_size``, profiled and loaded within
``profile_memory_limit``.

Five rows each holding a 15 MB TEXT and a 15 MB BLOB (a ~150 MB export, every cell under the default
16 MiB ``max_cell_size``): ``profile`` ran out of memory three times, then a fourth with its long cells
apart, and exited 1 at 1.67 GB of RSS; five rows of 8 MB + 8 MB passed at 999 MB. The whole process
is measured here in a fresh interpreter (its children's peak RSS, ``RUSAGE_CHILDREN``), against a
bound made of the setting and of what the same command costs on an export of one short row.

Marked ``slow`` (each test writes and reads ~80–150 MB in fresh processes, 8–14 s): it runs in
``just test-all`` and ``-m slow``, not in CI's fast suite.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import sqlite3
import sys
from pathlib import Path

import pytest

from columnar_etl.profiling.profile import memory_bytes

from .conftest import pg_query, run_python

pytestmark = pytest.mark.slow

#: The default ``profile_memory_limit``, set explicitly: the bound below is made of it.
LIMIT = "256MB"
ROWS = 5

#: Runs the command in argv in a child and prints its exit code, stderr's end and the child's peak
#: RSS in bytes (Linux: ``ru_maxrss`` in KiB), as JSON.
MEASURE = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"code": done.returncode, "stderr": done.stderr[-2000:], "peak": peak}))
"""


def _export(path: Path, rows: int, cell_bytes: int) -> Path:
    """Table ``big`` of ``rows`` rows: an id, ``cell_bytes`` of random text, ``cell_bytes`` of random
    bytes (nothing in them compresses)."""
    rng = random.Random(cell_bytes)
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE big (id INTEGER PRIMARY KEY, note TEXT, data BLOB)")
        for number in range(1, rows + 1):
            text = base64.b64encode(rng.randbytes(cell_bytes * 3 // 4)).decode()[:cell_bytes]
            con.execute("INSERT INTO big VALUES (?, ?, ?)", (number, text, rng.randbytes(cell_bytes)))
    con.close()
    return path


def _measured(*command: str, env: dict[str, str], cwd: Path) -> dict[str, object]:
    """``python -m columnar_etl <command>`` in a fresh process: exit code, stderr, peak RSS (bytes)."""
    done = run_python(
        f"import os; os.chdir({str(cwd)!r})\n{MEASURE}",
        sys.executable,
        "-m",
        "columnar_etl",
        *command,
        timeout=600,
        env={"COLUMNAR_ETL_PROFILE_MEMORY_LIMIT": LIMIT, **env},
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, object] = json.loads(done.stdout)
    return found


def _bound(tmp_path: Path, command: list[str], env: dict[str, str], limits: int = 2) -> int:
    """Peak RSS the command may reach: what it takes on an export of one short row (the interpreter,
    its imports, DuckDB, PostgreSQL's client), plus ``limits`` times ``profile_memory_limit``: one for
    DuckDB and one for what DuckDB's limit does not count (its vectors' strings, Python's copies)."""
    small = _export(tmp_path / "small.db", 1, 16)
    fixed = _measured(*command, str(small), env=env, cwd=tmp_path)
    assert fixed["code"] in (0, 2), fixed["stderr"]
    return int(fixed["peak"]) + limits * memory_bytes(LIMIT)  # type: ignore[call-overload]


@pytest.mark.parametrize("megabytes", [8, 15])
def test_a_table_of_several_large_cells_is_profiled_within_the_limit(tmp_path: Path, megabytes: int) -> None:
    export = _export(tmp_path / "big.db", ROWS, megabytes * 1_000_000)
    bound = _bound(tmp_path, ["profile"], {})
    found = _measured("profile", "--json", str(export), env={}, cwd=tmp_path)
    assert found["code"] == 0, found["stderr"]
    assert int(found["peak"]) < bound, (found["peak"], bound)  # type: ignore[call-overload]


def test_a_run_of_several_large_cells_loads_each_cell_equal_within_the_limit(
    tmp_path: Path, pg_uri: str
) -> None:
    """The profile's bound: the cleaning and the load hold a few rows in flight (a row of large cells
    is a batch by itself), and a column no rule can change (the BLOBs, text whose batch needs no rule)
    passes through the cleaning as the Arrow array it was read as, without Polars' copies of it.
    Before: exit 1 in the profile at 1.76 GB; then within the profile's bound and one more limit
    (864 MB, the cleaning's copies of each row ~19 times its size)."""
    export = _export(tmp_path / "big.db", ROWS, 15_000_000)
    env = {
        "COLUMNAR_ETL_TARGET": pg_uri,
        "COLUMNAR_ETL_RUNS_DIR": str(tmp_path / "runs"),
        "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "backups"),
        "COLUMNAR_ETL_MIN_MEMORY_GB": "0.5",
        "COLUMNAR_ETL_FAIL_MEMORY_GB": "0.1",
        "COLUMNAR_ETL_BASE_SCHEMA": "small",
    }
    bound = _bound(tmp_path, ["run", "--mode", "simple"], env)
    env["COLUMNAR_ETL_BASE_SCHEMA"] = "large"
    found = _measured("run", "--mode", "simple", str(export), env=env, cwd=tmp_path)
    assert found["code"] == 0, found["stderr"]
    assert int(found["peak"]) < bound, (found["peak"], bound)  # type: ignore[call-overload]
    con = sqlite3.connect(export)
    con.text_factory = bytes
    expected = [
        (number, hashlib.md5(note).hexdigest(), hashlib.md5(data).hexdigest())
        for number, note, data in con.execute("SELECT id, note, data FROM big ORDER BY id")
    ]
    con.close()
    loaded = pg_query(
        pg_uri, "SELECT id, md5(convert_to(note, 'UTF8')), md5(data) FROM large.big ORDER BY id"
    )
    assert loaded == expected
