"""Whole-process peer benchmark: ``columnar-etl run`` against the raw floor, DuckDB, pgloader and executemany.

Each peer runs as a fresh process, interleaved (A B C … A B C …), ``--rounds`` times per dataset, into a
fresh database on an embedded PostgreSQL started for this benchmark (dropped after each run). Wall clock
is ``perf_counter`` around the child; CPU (user + system) and peak RSS come from ``os.wait4``'s rusage
for that child (its waited-for descendants included; the PostgreSQL server's own work is not), forked
by a small launcher so its peak RSS is its own (see :data:`LAUNCHER`). After
every run the rows in the target are counted per table and compared with the source (minus the exact
duplicate rows for the peers that remove them, computed with sqlite3).

Datasets: ``wide`` (the generator's wide shape, scale ``--scale``), ``narrow`` (``--narrow-rows`` rows of
an integer key and five INTEGER/REAL columns) and ``blob`` (the BLOB-heavy export of
``test_bench_blob.py``). Results go to ``.benchmarks/peers.json``; ``benchmarks/report.py`` renders the
README table and the SVG plot from it.

    python benchmarks/peers.py                       # every dataset, 3 rounds
    python benchmarks/peers.py --datasets narrow --rounds 1 --narrow-rows 10000
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # run as a script: `benchmarks` and `tests` importable
    sys.path.insert(0, str(REPO_ROOT))
if str(REPO_ROOT / "data" / "fixtures") not in sys.path:  # and the export generator (not installed)
    sys.path.insert(0, str(REPO_ROOT / "data" / "fixtures"))

CACHE = REPO_ROOT / ".benchmarks" / "data"
DEFAULT_OUT = REPO_ROOT / ".benchmarks" / "peers.json"

#: Peers in the order they run within a round; the first is the one the ratios are about.
PEERS = ("run", "floor", "duckdb_varchar", "duckdb_typed", "pgloader", "executemany")
LABELS = {
    "run": "columnar-etl run --mode simple",
    "floor": "raw floor: columnar-etl copy-raw",
    "duckdb_varchar": "DuckDB one-liner, all VARCHAR",
    "duckdb_typed": "DuckDB one-liner, declared types",
    "pgloader": "pgloader on a clean twin",
    "executemany": "naive executemany (ADBC)",
}
#: Peers that may remove exact duplicate rows (the others load every row of their input).
DEDUPLICATING = {"run"}
#: Target schema each peer writes to (``run``: the stable schema's views).
SCHEMAS = {
    "run": "servicedesk",
    "floor": "raw",
    "duckdb_varchar": "duck",
    "duckdb_typed": "duck",
    "pgloader": "public",
    "executemany": "naive",
}

DUCKDB = """
import sys, duckdb
import duckdb_extension_sqlite_scanner as sq, duckdb_extension_postgres_scanner as pgs
from pathlib import Path
export, uri, mode = sys.argv[1:4]
def ext(package, name):
    folder = Path(package.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    return str(folder / f"{name}.duckdb_extension")
con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
con.execute(f"LOAD '{ext(sq, 'sqlite_scanner')}'")
con.execute(f"LOAD '{ext(pgs, 'postgres_scanner')}'")
if mode == "varchar":
    con.execute("SET sqlite_all_varchar = true")
con.execute(f"ATTACH '{export}' AS src (TYPE sqlite, READ_ONLY)")
con.execute(f"ATTACH '{uri}' AS pg (TYPE postgres)")
con.execute("CREATE SCHEMA pg.duck")
listing = "SELECT table_name FROM duckdb_tables() WHERE database_name = 'src'"
tables = [r[0] for r in con.execute(listing).fetchall()]
for t in tables:
    q = '"' + t.replace('"', '""') + '"'
    con.execute(f"CREATE TABLE pg.duck.{q} AS SELECT * FROM src.{q}")
"""

EXECUTEMANY = """
import sys, sqlite3
import adbc_driver_postgresql.dbapi as pg
export, uri = sys.argv[1:3]
src = sqlite3.connect(f"file:{export}?mode=ro", uri=True)
def q(name):
    return '"' + name.replace('"', '""') + '"'
listing = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
names = [r[0] for r in src.execute(listing)]
with pg.connect(uri) as conn:
    cur = conn.cursor()
    cur.execute("CREATE SCHEMA naive")
    for name in names:
        cols = src.execute(f"PRAGMA table_info({q(name)})").fetchall()
        blob = [(c[2] or "").upper() == "BLOB" for c in cols]
        ddl = ", ".join(f"{q(c[1])} {'bytea' if b else 'text'}" for c, b in zip(cols, blob))
        cur.execute(f"CREATE TABLE naive.{q(name)} ({ddl})")
        marks = ", ".join(f"${i + 1}" for i in range(len(cols)))
        rows = [
            tuple(v if v is None or b else str(v).replace(chr(0), "") for v, b in zip(row, blob))
            for row in src.execute(f"SELECT * FROM {q(name)}")
        ]
        cur.executemany(f"INSERT INTO naive.{q(name)} VALUES ({marks})", rows)
    conn.commit()
"""


# --------------------------------------------------------------------------------------------- datasets


def wide_export(scale: float = 1.0, seed: int = 1) -> Path:
    """The wide shape at ``scale`` (36 ticket columns, long text; ~92 MB at 1.0), cached."""
    from export_generator import generate_wide_export

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"wide_s{scale:g}_seed{seed}.db"
    if not path.exists():
        tmp = path.with_name(f"tmp_{path.name}")
        tmp.unlink(missing_ok=True)
        generate_wide_export(tmp, scale=scale, seed=seed)
        tmp.rename(path)
        tmp.with_suffix(".truth.json").rename(path.with_suffix(".truth.json"))
    return path


def narrow_export(rows: int = 1_000_000, seed: int = 19) -> Path:
    """``measurements``: ``rows`` rows of an integer key and five INTEGER/REAL columns (deterministic)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"narrow_{rows}_seed{seed}.db"
    if path.exists():
        return path
    rng = random.Random(seed)
    tmp = path.with_name(f"tmp_{path.name}")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    with con:
        con.execute(
            "CREATE TABLE measurements (id INTEGER PRIMARY KEY, sensor INTEGER, reading REAL, "
            "count INTEGER, ratio REAL, total INTEGER)"
        )
        con.executemany(
            "INSERT INTO measurements VALUES (?, ?, ?, ?, ?, ?)",
            (
                (
                    i,
                    rng.randrange(1, 500),
                    round(rng.uniform(-50.0, 150.0), 3),
                    rng.randrange(0, 10_000),
                    rng.random(),
                    rng.randrange(0, 10**12),
                )
                for i in range(1, rows + 1)
            ),
        )
    con.close()
    tmp.rename(path)
    return path


def blob_export() -> Path:
    """The BLOB-heavy export of ``test_bench_blob.py`` (600 rows, ~56 MB of random bytes)."""
    from benchmarks.test_bench_blob import blob_export as make

    return make()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def source_counts(path: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Rows per table, and exact duplicate rows per table (rows beyond the first of each distinct row)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master "
                "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        rows, duplicates = {}, {}
        for name in names:
            (n,) = con.execute(f"SELECT count(*) FROM {_quote(name)}").fetchone()
            (distinct,) = con.execute(
                f"SELECT count(*) FROM (SELECT DISTINCT * FROM {_quote(name)})"
            ).fetchone()
            rows[name], duplicates[name] = n, n - distinct
        return rows, duplicates
    finally:
        con.close()


def clean_twin(path: Path, directory: Path) -> Path:
    """A copy of the export without its exact duplicate rows (what pgloader gets: already-clean input)."""
    twin = directory / f"clean_{path.name}"
    if twin.exists():
        return twin
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    con.execute(f"VACUUM INTO '{twin}'")
    con.close()
    con = sqlite3.connect(twin)
    with con:
        for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall():
            cols = ", ".join(_quote(c[1]) for c in con.execute(f"PRAGMA table_info({_quote(name)})"))
            con.execute(
                f"DELETE FROM {_quote(name)} WHERE rowid NOT IN "
                f"(SELECT min(rowid) FROM {_quote(name)} GROUP BY {cols})"
            )
    con.execute("VACUUM")
    con.close()
    return twin


# ---------------------------------------------------------------------------------------- measurement


@dataclass
class Outcome:
    """One child process: wall and CPU seconds, peak RSS (MiB), exit code, whether it timed out."""

    wall: float
    cpu: float
    rss_mb: float
    returncode: int
    timed_out: bool
    stderr: str
    #: When the command's process had exited (epoch seconds), as its launcher saw it.
    exited: float | None = None


#: The measured command's launcher: a small interpreter (no site) that forks and execs the command, waits
#: for it and prints its wall seconds and rusage as JSON. On Linux a process's peak RSS
#: (``ru_maxrss``) starts at its parent's RSS when it was forked: a command started straight from this
#: benchmark (hundreds of MB after generating and checking exports) would report at least that much
#: (a child of a process holding 600 MB reported 613 MB for ``/bin/true``). Forked from the launcher, it
#: reports its own peak (above the launcher's ~10 MB).
LAUNCHER = r"""
import json, os, sys, time
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
print(json.dumps({"wall": time.perf_counter() - started, "cpu": usage.ru_utime + usage.ru_stime,
                  "rss_kb": usage.ru_maxrss, "returncode": os.waitstatus_to_exitcode(status),
                  "exited": time.time()}))
"""


def timed(argv: list[str], env: dict[str, str], timeout: float) -> Outcome:
    """Run ``argv`` as a fresh process (through :data:`LAUNCHER`); killed (whole process group) after
    ``timeout`` seconds."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-S", "-c", LAUNCHER, *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    fired = threading.Event()

    def kill() -> None:
        fired.set()
        os.killpg(child.pid, signal.SIGKILL)

    timer = threading.Timer(timeout, kill)
    timer.start()
    # stderr is drained in a thread so a chatty child never blocks on a full pipe.
    chunks: list[bytes] = []
    assert child.stderr is not None and child.stdout is not None
    reader = threading.Thread(target=lambda: chunks.append(child.stderr.read()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    printed = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    timer.cancel()
    reader.join(timeout=5)
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = b"".join(chunks).decode(errors="replace")[-1500:]
    try:
        measured = json.loads(printed.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):  # the launcher was killed (timeout) or failed
        return Outcome(
            wall,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,
            child.returncode or 1,
            fired.is_set(),
            stderr,
        )
    return Outcome(
        wall=float(measured["wall"]),
        cpu=float(measured["cpu"]),
        rss_mb=int(measured["rss_kb"]) / 1024,
        returncode=int(measured["returncode"]),
        timed_out=fired.is_set(),
        stderr=stderr,
        exited=float(measured["exited"]),
    )


#: Work of the machine-speed probe (:func:`machine_probe`): SHA-256 over this many bytes, ~20 ms.
PROBE_BYTES = 32 * 2**20
_PROBE_DATA = bytes(range(256)) * (2**20 // 256)


def machine_probe() -> float:
    """Seconds this process takes for a fixed piece of single-threaded CPU work (SHA-256 of
    :data:`PROBE_BYTES`). Taken right before and after every measured command: a shared machine slows
    down now and then (another tenant, a throttled core), and every process measured meanwhile, the
    server's share included, takes longer and uses more CPU for the same work; the probe shows such a
    round (:func:`benchmarks.report.disturbed_lines`), where the command's own stage times cannot."""
    import hashlib

    digest = hashlib.sha256()
    started = time.perf_counter()
    for _ in range(PROBE_BYTES // len(_PROBE_DATA)):
        digest.update(_PROBE_DATA)
    return time.perf_counter() - started


def pgloader_uri(uri: str) -> str:
    """The embedded server's URI (``postgresql://user:@/db?host=/socket/dir``) in pgloader's unix form."""
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(uri)
    host = parse_qs(parts.query).get("host", [""])[0]
    user = parts.username or "postgres"
    if host.startswith("/"):
        return f"postgresql://{user}@unix:{host}:{parts.port or 5432}{parts.path}"
    return uri


def count_target(uri: str, schema: str, tables: list[str]) -> dict[str, int | None]:
    """Rows per table in ``schema`` of the target (None: the table is missing)."""
    from columnar_etl.pg.connect import connect

    conn = connect(uri, autocommit=True)
    counts: dict[str, int | None] = {}
    try:
        cursor = conn.cursor()
        for table in tables:
            try:
                cursor.execute(f"SELECT count(*) FROM {_quote(schema)}.{_quote(table)}")
                counts[table] = int(cursor.fetchone()[0])
            except Exception:
                counts[table] = None
        cursor.close()
    finally:
        conn.close()
    return counts


class Server:
    """An embedded PostgreSQL in a temporary directory; a fresh database per peer run."""

    def __init__(self, directory: Path, uri: str | None = None) -> None:
        from columnar_etl.pg.embedded import EmbeddedPostgres

        self.server = None if uri else EmbeddedPostgres(directory / "pg" / "data")
        self.uri = uri or self.server.start()  # type: ignore[union-attr]

    def database(self) -> tuple[str, str]:
        from urllib.parse import urlsplit, urlunsplit

        from columnar_etl.pg.connect import connect

        name = f"peer_{uuid.uuid4().hex[:12]}"
        admin = connect(self.uri, autocommit=True)
        admin.cursor().execute(f"CREATE DATABASE {_quote(name)}")
        admin.close()
        return name, urlunsplit(urlsplit(self.uri)._replace(path=f"/{name}"))

    def drop(self, name: str) -> None:
        from columnar_etl.pg.connect import connect

        admin = connect(self.uri, autocommit=True)
        admin.cursor().execute(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)")
        admin.close()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()

    def cpu_seconds(self) -> float | None:
        """CPU seconds the embedded server has used so far (None for a server elsewhere)."""
        return None if self.server is None else server_cpu_seconds(self.server.data_dir)


def server_cpu_seconds(data_dir: Path) -> float | None:
    """CPU seconds the PostgreSQL server of ``data_dir`` (on this machine) has used so far; None without
    its postmaster.pid or /proc.

    The postmaster's own and its reaped children's (a backend's CPU joins the postmaster's
    ``cutime``/``cstime`` when it exits), plus its children still running (the checkpointer, the WAL
    writer, a backend not yet gone): the difference around a peer run is the server's side of it (its
    COPY, index builds, queries), which the peer's own CPU does not include.
    """
    try:
        postmaster = int((data_dir / "postmaster.pid").read_text().split()[0])
        tick = os.sysconf("SC_CLK_TCK")
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                # The fields after the command's closing parenthesis, from the state (field 3 of
                # proc(5)): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # the process ended meanwhile
            pid, ppid = int(entry.name), int(fields[1])
            if pid == postmaster:
                total += sum(int(f) for f in fields[11:15])
            elif ppid == postmaster:
                total += int(fields[11]) + int(fields[12])
        return total / tick
    except (OSError, ValueError, IndexError):
        return None


def peer_argv(peer: str, export: Path, twin: Path, uri: str) -> list[str] | None:
    """The command line of one peer run (None: the peer is not available here)."""
    py = sys.executable
    if peer == "run":
        return [py, "-m", "columnar_etl", "run", str(export), "--mode", "simple", "--yes", "--force"]
    if peer == "floor":
        return [py, "-m", "columnar_etl", "copy-raw", str(export), "--schema", "raw"]
    if peer == "duckdb_varchar":
        return [py, "-c", DUCKDB, str(export), uri, "varchar"]
    if peer == "duckdb_typed":
        return [py, "-c", DUCKDB, str(export), uri, "typed"]
    if peer == "pgloader":
        pgloader = shutil.which("pgloader")
        if pgloader is None:
            return None
        return [pgloader, "--on-error-stop", str(twin), pgloader_uri(uri)]
    if peer == "executemany":
        return [py, "-c", EXECUTEMANY, str(export), uri]
    raise ValueError(peer)


def run_stages(runs_dir: Path, since: float, exited: float | None = None) -> dict[str, float] | None:
    """Seconds per stage from the run.json the last ``run`` wrote (None when there is none); with
    ``exited`` (when its process had exited, epoch seconds), also ``after_commit``: from the commit of
    the load to then."""
    records = [p for p in runs_dir.glob("*/run.json") if p.stat().st_mtime >= since]
    if not records:
        return None
    record = json.loads(max(records, key=lambda p: p.stat().st_mtime).read_text())
    stages = {stage["name"]: round(float(stage["seconds"]), 3) for stage in record.get("stages", [])}
    stages["total_in_process"] = round(float(record.get("seconds", 0.0)), 3)
    if record.get("startup_seconds") is not None:  # process start → run start (interpreter, imports)
        stages["startup"] = round(float(record["startup_seconds"]), 3)
    committed = (record.get("load") or {}).get("committed_at")
    if committed and exited is not None:
        stages["after_commit"] = round(exited - datetime.fromisoformat(committed).timestamp(), 3)
    return stages


def tool_versions() -> dict[str, str]:
    """Versions of the peers, for the record."""
    import duckdb

    versions = {"python": platform.python_version(), "duckdb": duckdb.__version__}
    pgloader = shutil.which("pgloader")
    if pgloader:
        out = subprocess.run([pgloader, "--version"], capture_output=True, text=True).stdout
        versions["pgloader"] = out.splitlines()[0] if out else "?"
    return versions


def compile_package() -> bool:
    """Compile the package's modules to bytecode once, before anything is timed, as ``pip install`` does.

    The peers import it from ``src/``: where PYTHONDONTWRITEBYTECODE is set (CI, sandboxes), no run
    would ever leave its bytecode, and every timed ``run`` would compile ~90 modules again (~0.3 s of
    CPU a user's installed package never spends). True when every module compiled.
    """
    return bool(compileall.compile_dir(REPO_ROOT / "src" / "columnar_etl", quiet=1))


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def bench_dataset(
    name: str,
    export: Path,
    server: Server,
    work: Path,
    peers: list[str],
    rounds: int,
    timeout: float,
    log: Callable[[str], None],
) -> dict[str, Any]:
    """Every peer on one export, interleaved, ``rounds`` times; rounds, medians and row checks."""
    rows, duplicates = source_counts(export)
    twin = clean_twin(export, work) if "pgloader" in peers and shutil.which("pgloader") else export
    tables = sorted(rows)
    whole = {t: rows[t] for t in tables}
    deduplicated = {t: rows[t] - duplicates[t] for t in tables}
    # What each peer may load: the run keeps or removes exact duplicates (its `dedupe` setting);
    # pgloader reads the clean twin, which has none; the others copy every row of the export.
    expected = {
        peer: [whole, deduplicated]
        if peer in DEDUPLICATING
        else [deduplicated if peer == "pgloader" else whole]
        for peer in peers
    }
    results: dict[str, dict[str, Any]] = {peer: {"label": LABELS[peer], "rounds": []} for peer in peers}
    for peer in peers:
        if peer_argv(peer, export, twin, "postgresql:///x") is None:
            results[peer].update(status="skipped", message=f"{peer} is not on PATH: not measured")
            log(f"  {peer}: skipped ({peer} is not on PATH)")
    load_before = load_average()
    for round_ in range(rounds):
        for peer in peers:
            if results[peer].get("status") == "skipped":
                continue
            db, uri = server.database()
            env = {
                **os.environ,
                "COLUMNAR_ETL_TARGET": uri,
                "COLUMNAR_ETL_RUNS_DIR": str(work / "runs"),
                "COLUMNAR_ETL_BACKUP_DIR": str(work / "backups"),
                "COLUMNAR_ETL_MIN_MEMORY_GB": "0.5",
                "PYTHONPATH": os.pathsep.join(
                    [str(REPO_ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
                ),
            }
            argv = peer_argv(peer, export, twin, uri)
            assert argv is not None
            since = time.time() - 1
            server_before = server.cpu_seconds()
            probe_before = machine_probe()
            try:
                out = timed(argv, env, timeout)
                probe_after = machine_probe()
                server_after = server.cpu_seconds()
                counts = count_target(uri, SCHEMAS[peer], tables)
            finally:
                server.drop(db)
            verified = counts in expected[peer]
            # Exit 2 of columnar-etl: done, with warnings (documented in the runbook).
            success = (0, 2) if peer in ("run", "floor") else (0,)
            ok = out.returncode in success and not out.timed_out and verified
            record: dict[str, Any] = {
                "round": round_,
                "wall_s": round(out.wall, 3),
                "cpu_s": round(out.cpu, 3),
                # The server's CPU for this run (its COPY, indexes, queries): in no peer's own CPU.
                "server_cpu_s": None
                if server_before is None or server_after is None
                else round(server_after - server_before, 3),
                "rss_mb": round(out.rss_mb, 1),
                "rows": sum(c or 0 for c in counts.values()),
                "rows_per_table": counts,
                "rows_verified": verified,
                "exit_code": out.returncode,
                "timed_out": out.timed_out,
                "ok": ok,
                # The machine's speed just before and after (:func:`machine_probe`), in seconds.
                "probe_s": [round(probe_before, 4), round(probe_after, 4)],
            }
            if peer == "run":
                # Where the time went inside the run (its own record); the rest is process overhead.
                record["stages_s"] = run_stages(work / "runs", since, out.exited)
            if not ok:
                record["stderr_tail"] = out.stderr[-600:]
            results[peer]["rounds"].append(record)
            state = "TIMEOUT" if out.timed_out else ("ok" if ok else f"FAILED (exit {out.returncode})")
            log(
                f"  round {round_ + 1}/{rounds} {peer:15s} {out.wall:8.2f} s wall {out.cpu:8.2f} s cpu "
                f"{out.rss_mb:6.0f} MiB  rows {record['rows']:,} {'✓' if verified else '✗'}  {state}"
            )
    for peer in peers:
        entry = results[peer]
        if entry.get("status") == "skipped":
            continue
        done = entry["rounds"]
        if any(r["timed_out"] for r in done):
            entry.update(status="timeout", message=f"> {timeout:g} s (killed)")
        elif not all(r["ok"] for r in done):
            bad = next(r for r in done if not r["ok"])
            why = "rows differ from the source" if bad["exit_code"] in (0, 2) else f"exit {bad['exit_code']}"
            tail = (bad.get("stderr_tail") or "").strip().splitlines()
            errors = [line for line in tail if "Error" in line or "ERROR" in line]
            detail = (errors or tail or [""])[-1].strip()[:200]
            entry.update(status="failed", message=f"{why}: {detail}" if detail else why)
        else:
            entry["status"] = "ok"
        entry["median"] = {
            key: round(statistics.median(r[key] for r in done), 3) for key in ("wall_s", "cpu_s", "rss_mb")
        }
        entry["median"]["rows"] = int(statistics.median(r["rows"] for r in done))
        servers = [r.get("server_cpu_s") for r in done]
        if servers and all(value is not None for value in servers):
            entry["median"]["server_cpu_s"] = round(statistics.median(servers), 3)
    return {
        "path": str(export.relative_to(REPO_ROOT) if export.is_relative_to(REPO_ROOT) else export),
        "file_mb": round(export.stat().st_size / 2**20, 1),
        "source_rows": rows,
        "exact_duplicate_rows": duplicates,
        "expected_rows": {peer: [sum(v.values()) for v in options] for peer, options in expected.items()},
        "load_average_before": load_before,
        "load_average_after": load_average(),
        "peers": results,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--datasets", default="wide,narrow,blob", help="comma-separated: wide,narrow,blob")
    parser.add_argument("--export", type=Path, action="append", default=[], help="an extra export to measure")
    parser.add_argument("--peers", default=",".join(PEERS), help=f"comma-separated subset of {PEERS}")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="scale of the wide export")
    parser.add_argument("--narrow-rows", type=int, default=1_000_000)
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds before a peer run is killed")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--server-uri", help="an existing PostgreSQL server (a database per run; default: embedded)"
    )
    args = parser.parse_args(argv)
    peers = [p for p in args.peers.split(",") if p]
    unknown = sorted(set(peers) - set(PEERS))
    if unknown:
        parser.error(f"unknown peers {unknown}; choose from {PEERS}")

    def log(line: str) -> None:
        print(line, flush=True)

    makers: dict[str, Callable[[], Path]] = {
        "wide": lambda: wide_export(args.scale),
        "narrow": lambda: narrow_export(args.narrow_rows),
        "blob": blob_export,
    }
    exports = {name: makers[name]() for name in args.datasets.split(",") if name}
    exports.update({path.stem: path.resolve() for path in args.export})
    compiled = compile_package()
    started = time.time()
    report: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "load_average": load_average()},
        "versions": tool_versions(),
        "rounds": args.rounds,
        "timeout_s": args.timeout,
        "bytecode_compiled": compiled,
        "datasets": {},
    }
    with tempfile.TemporaryDirectory(prefix="peers_") as tmp:
        work = Path(tmp)
        server = Server(work, args.server_uri)
        try:
            for name, export in exports.items():
                log(f"{name}: {export}")
                report["datasets"][name] = bench_dataset(
                    name, export, server, work, peers, args.rounds, args.timeout, log
                )
                # Written after every dataset, so an interrupted benchmark keeps what it measured.
                report["seconds"] = round(time.time() - started, 1)
                report["machine"]["load_average_end"] = load_average()
                report["complete"] = name == list(exports)[-1]
                args.out.parent.mkdir(parents=True, exist_ok=True)
                args.out.write_text(json.dumps(report, indent=2) + "\n")
        finally:
            server.stop()
    log(f"results: {args.out}")
    from benchmarks.report import markdown_table

    log(markdown_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
