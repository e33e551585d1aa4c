"""Several large cells in one table, each under ``max_cell_size``, profiled and loaded within
``profile_memory_limit``.

Five rows each holding a 15 MB TEXT and a 15 MB BLOB (a ~150 MB export, every cell under the default
16 MiB ``max_cell_size``): ``profile`` ran out of memory three times, then a fourth with its long cells
apart, and exited 1 at 1.67 GB of RSS; five rows of 8 MB + 8 MB passed at 999 MB. The whole process
is measured here in a fresh interpreter (its children's peak RSS, ``RUSAGE_CHILDREN``), against a
bound made of the setting and of what the same command costs on an export of one short row.
"""

from __future__ import annotations

import base64
import json
import random
import sqlite3
import sys
from pathlib import Path

import pytest

from columnar_etl.profiling.profile import memory_bytes

from .conftest import run_python

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


def _bound(tmp_path: Path, command: list[str], env: dict[str, str]) -> int:
    """Peak RSS the command may reach: what it takes on an export of one short row (the interpreter,
    its imports, DuckDB, PostgreSQL's client), plus ``profile_memory_limit`` for DuckDB and as much
    again for what DuckDB's limit does not count (its vectors' strings, Python's copies)."""
    small = _export(tmp_path / "small.db", 1, 16)
    fixed = _measured(*command, str(small), env=env, cwd=tmp_path)
    assert fixed["code"] in (0, 2), fixed["stderr"]
    return int(fixed["peak"]) + 2 * memory_bytes(LIMIT)  # type: ignore[call-overload]


@pytest.mark.parametrize("megabytes", [8, 15])
def test_a_table_of_several_large_cells_is_profiled_within_the_limit(tmp_path: Path, megabytes: int) -> None:
    export = _export(tmp_path / "big.db", ROWS, megabytes * 1_000_000)
    bound = _bound(tmp_path, ["profile"], {})
    found = _measured("profile", "--json", str(export), env={}, cwd=tmp_path)
    assert found["code"] == 0, found["stderr"]
    assert int(found["peak"]) < bound, (found["peak"], bound)  # type: ignore[call-overload]
