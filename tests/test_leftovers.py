"""What a process killed with SIGKILL leaves (a DuckDB spill directory, a half-written backup, a private copy
of the export, a duplicate listing) is removed by the next process that would make one; what a live
process holds, or anything not named as ours, is not.

Real subprocesses of the CLI, killed (SIGKILL) or paused (SIGSTOP: alive, a second run working at once)
once their temporary exists; then the next command runs and the directory is looked at.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from columnar_etl.backups import backup_target, create_backup
from columnar_etl.backups.manifest import PARTIAL_NAMES, partial_path
from columnar_etl.cleaning import duplicates
from columnar_etl.cli import app
from columnar_etl.config import load_settings
from columnar_etl.leftovers import owner_tag, sweep_leftovers, temporary_names
from columnar_etl.source.export import open_source
from columnar_etl.source.private_copy import make_private_copy
from export_generator import generate_export

from .conftest import pg_query, run_env, run_python, run_settings

SPILLS = "columnar_etl-duckdb-*"


def _command(*args: str, env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "columnar_etl", *args],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **env},
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "columnar_etl", "--log-level", "info", *args],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _wait_for(process: subprocess.Popen[str], found: Callable[[], Path | None]) -> Path:
    """Poll until ``found`` names the temporary; the process must still be running then."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        path = found()
        if path is not None:
            return path
        time.sleep(0.002)
    process.kill()
    _, stderr = process.communicate(timeout=30)
    raise AssertionError(f"no temporary seen before the command ended ({process.returncode}): {stderr}")


def _pause(process: subprocess.Popen[str]) -> None:
    """SIGSTOP ``process`` and wait until each of its threads has stopped (alive, nothing moves)."""
    process.send_signal(signal.SIGSTOP)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        states = []
        for task in Path(f"/proc/{process.pid}/task").iterdir():
            with contextlib.suppress(FileNotFoundError):
                states.append((task / "stat").read_bytes().rsplit(b")", 1)[1].split()[0])
        if states and all(state in (b"T", b"t") for state in states):
            return
        time.sleep(0.002)
    raise AssertionError(f"process {process.pid} did not stop")


@contextmanager
def _ended(process: subprocess.Popen[str]) -> Iterator[subprocess.Popen[str]]:
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGCONT)
            process.kill()
        process.communicate(timeout=30)


def _spilled(temp: Path, but: Path | None = None) -> Path | None:
    """A spill directory in ``temp`` (not ``but``) into which DuckDB has written (spilled) already."""
    for directory in temp.glob(SPILLS):
        if directory == but:
            continue
        try:
            if any(part.stat().st_size > 0 for part in directory.iterdir()):
                return directory
        except FileNotFoundError:
            continue
    return None


def _bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(part.stat().st_size for part in path.rglob("*") if part.is_file())


def _swept_line(stderr: str, path: Path) -> str:
    lines = [line for line in stderr.splitlines() if str(path) in line]
    assert len(lines) == 1, stderr
    return lines[0]


def test_a_killed_profile_s_spill_directory_is_swept_by_the_next_and_a_live_one_s_kept(
    tmp_path: Path, small_fixture: Path
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    export = tmp_path / "big.db"
    generate_export(export, scale=0.3, seed=3, dirt="prod")
    small = tmp_path / "small.db"
    small.write_bytes(small_fixture.read_bytes())
    env = {"TMPDIR": str(temp), "COLUMNAR_ETL_PROFILE_MEMORY_LIMIT": "32MB"}

    # A profile working at the same time (paused: alive, its spill directory in use).
    live = _command("profile", str(export), env=env, cwd=tmp_path)
    with _ended(live):
        held = _wait_for(live, lambda: _spilled(temp))
        _pause(live)
        held_before = sorted(p.name for p in held.iterdir())

        killed = _command("profile", str(export), env=env, cwd=tmp_path)
        with _ended(killed):
            left = _wait_for(killed, lambda: _spilled(temp, but=held))
            killed.send_signal(signal.SIGKILL)
            assert killed.wait(30) == -signal.SIGKILL
        assert left.is_dir()  # no finally ran: until 2026-12-04 nothing ever removed it
        size = _bytes(left)
        assert size > 0

        after = _run("profile", str(small), env=env, cwd=tmp_path)
        assert after.returncode in (0, 2), after.stderr
        assert not left.exists()
        assert f"bytes={size}" in _swept_line(after.stderr, left)
        assert held.is_dir() and sorted(p.name for p in held.iterdir()) == held_before

        live.send_signal(signal.SIGCONT)
        _, stderr = live.communicate(timeout=120)
        assert live.returncode in (0, 2), stderr
    # Each ended normally: its own directory removed by itself; nothing else was ever there.
    assert list(temp.iterdir()) == []


def _big_sqlite(path: Path, megabytes: int) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE files (id INTEGER PRIMARY KEY, body BLOB)")
    con.executemany("INSERT INTO files (body) VALUES (zeroblob(1048576))", [()] * megabytes)
    con.commit()
    con.close()


def _partial(directory: Path, name: str, but: Path | None = None) -> Path | None:
    return next((p for p in directory.glob(f".{name}.*.partial") if p != but), None)


@pytest.mark.slow
def test_a_killed_backup_s_partial_file_is_swept_by_the_next_and_a_live_one_s_kept(
    tmp_path: Path, small_fixture: Path
) -> None:
    backups = tmp_path / "backups"
    export = tmp_path / "big.db"
    _big_sqlite(export, 200)
    small = tmp_path / "small.db"
    small.write_bytes(small_fixture.read_bytes())

    # A backup being made at the same time (paused: alive, its partial file in use).
    live = _command("backup", "create", str(export), "--dir", str(backups), env={}, cwd=tmp_path)
    with _ended(live):
        held = _wait_for(live, lambda: _partial(backups, export.name))
        _pause(live)

        killed = _command("backup", "create", str(export), "--dir", str(backups), env={}, cwd=tmp_path)
        with _ended(killed):
            left = _wait_for(killed, lambda: _partial(backups, export.name, but=held))
            killed.send_signal(signal.SIGKILL)
            assert killed.wait(30) == -signal.SIGKILL
        assert left.is_file()
        size = left.stat().st_size

        # The next backup, of another export: every killed process's partial file in the directory goes.
        after = _run("backup", "create", str(small), "--dir", str(backups), env={}, cwd=tmp_path)
        assert after.returncode == 0, after.stderr
        assert not left.exists()
        assert f"bytes={size}" in _swept_line(after.stderr, left)
        assert held.is_file()

        live.send_signal(signal.SIGCONT)
        _, stderr = live.communicate(timeout=120)
        assert live.returncode == 0, stderr
    names = sorted(p.name for p in backups.iterdir())
    assert not [name for name in names if name.endswith(".partial")], names
    # The paused backup finished and is whole: its checksum verifies.
    made = [name for name in names if name.startswith("big.db.") and "." not in name[len("big.db.") :]]
    assert len(made) == 1, names
    assert _run("backup", "verify", str(backups / made[0]), env={}, cwd=tmp_path).returncode == 0


@pytest.mark.slow
def test_a_killed_restore_s_partial_file_is_swept_by_the_next_restore(
    tmp_path: Path, small_fixture: Path
) -> None:
    backups, restored = tmp_path / "backups", tmp_path / "restored"
    export = tmp_path / "big.db"
    _big_sqlite(export, 200)
    made = _run("backup", "create", str(export), "--dir", str(backups), env={}, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    (backup,) = [
        p for p in backups.iterdir() if p.name.startswith("big.db.") and p.suffix not in (".json", ".sha256")
    ]

    killed = _command(
        "backup", "restore", str(backup), "--to", str(restored / "big.db"), env={}, cwd=tmp_path
    )
    with _ended(killed):
        left = _wait_for(killed, lambda: _partial(restored, "big.db"))
        killed.send_signal(signal.SIGKILL)
        assert killed.wait(30) == -signal.SIGKILL
    assert left.is_file()
    size = left.stat().st_size

    small = backups / "small.db"
    small.write_bytes(small_fixture.read_bytes())
    again = _run("backup", "create", str(small), "--dir", str(backups), env={}, cwd=tmp_path)
    (small_backup,) = [p for p in backups.glob("small.db.*") if p.suffix not in (".json", ".sha256")]
    assert again.returncode == 0, again.stderr
    after = _run(
        "backup", "restore", str(small_backup), "--to", str(restored / "small.db"), env={}, cwd=tmp_path
    )
    assert after.returncode == 0, after.stderr
    assert not left.exists()
    assert f"bytes={size}" in _swept_line(after.stderr, left)
    assert sorted(p.name for p in restored.iterdir()) == ["small.db"]


# --- what is ours, and whose -------------------------------------------------------------------------

#: A process that names its temporary, makes it, and is killed (SIGKILL: no finally runs).
KILLED_MAKER = """
import os, signal, sys
from pathlib import Path
from columnar_etl.backups.manifest import partial_path
from columnar_etl.leftovers import owner_tag
directory, name = Path(sys.argv[1]), sys.argv[2]
partial_path(directory, name).write_bytes(b"x" * 1000)
(directory / f"columnar_etl-duckdb-{owner_tag()}-abcd_123").mkdir()
print(owner_tag(), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@contextmanager
def _live_owner() -> Iterator[tuple[subprocess.Popen[str], str]]:
    """A sleeping process and its owner tag: alive until the block ends."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from columnar_etl.leftovers import owner_tag; print(owner_tag(), flush=True); "
            "import time; time.sleep(600)",
        ],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        yield holder, holder.stdout.readline().strip()
    finally:
        holder.kill()
        holder.communicate(timeout=30)


def test_only_our_names_whose_owner_is_gone_are_swept(
    tmp_path: Path, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    killed = run_python(KILLED_MAKER, str(backups), "x.db")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    dead = killed.stdout.strip()
    host, dead_pid, dead_started = dead.split("-", 2)
    other_host = "0" * 8 if host != "0" * 8 else "1" * 8
    with _live_owner() as (holder, live):
        _, live_pid, live_started = live.split("-", 2)
        assert int(live_pid) == holder.pid
        boot, ticks = live_started.split("-")
        # The live process's pid with another start time: a killed owner whose pid was reused (a
        # clock tick apart is another process: the start since boot is compared exactly).
        reused = f"{host}-{live_pid}-{boot}-{int(ticks) - 1}"
        # Names of the form made before 2026-12-04 (start in epoch ms; still so where there is no
        # /proc), as read here: judged as then, to a second.
        live_ms = round(
            (time.time() - time.clock_gettime(time.CLOCK_BOOTTIME) + int(ticks) / os.sysconf("SC_CLK_TCK"))
            * 1000
        )
        old_live = f"{host}-{live_pid}-{live_ms}"
        old_reused = f"{host}-{live_pid}-{live_ms - 3_600_000}"
        old_dead = f"{host}-{dead_pid}-{live_ms}"
        swept = {
            *[p.name for p in backups.glob(f".x.db.{dead}.*.partial")],
            f"columnar_etl-duckdb-{dead}-abcd_123",
            f".x.db.{reused}.0123abcd.partial",
            f"columnar_etl-duckdb-{reused}-zz9_abcd",
            f".x.db.{old_reused}.0123abcd.partial",
            f"columnar_etl-duckdb-{old_dead}-zz9_abcd",
        }
        kept = {
            f".x.db.{live}.0123abcd.partial",
            f"columnar_etl-duckdb-{live}-abcd1234",
            f".x.db.{old_live}.0123abcd.partial",
            f"columnar_etl-duckdb-{old_live}-abcd1234",
            f".x.db.{other_host}-{dead_pid}-{dead_started}.0123abcd.partial",  # another host's
            f"columnar_etl-duckdb-{other_host}-{dead_pid}-{dead_started}-abcd1234",
            ".x.db.0123abcd.partial",  # named before owners were: whose, nobody can tell
            "columnar_etl-duckdb-abcd1234",
            f"x.db.{dead}.0123abcd.partial",  # not hidden
            f".x.db.{dead}.0123abcd.partial.bak",
            f".x.db.{dead}.0123ABCD.partial",
            f"columnar_etl-duckdb-{dead}",
            f"columnar_etl-duckdb-{dead}-abcd1234.tar",
            f"columnar_etl-duckdbx{dead}-abcd1234",
        }
        for name in (swept | kept) - {p.name for p in backups.iterdir()}:
            if name.startswith("columnar_etl-duckdb-") and "." not in name:
                (backups / name).mkdir()
                (backups / name / "duckdb_temp_storage_DEFAULT-0.tmp").write_bytes(b"y" * 10)
            else:
                (backups / name).write_bytes(b"z")
        outside = tmp_path / "not ours"
        outside.mkdir()
        (outside / "keep").write_text("keep")
        (backups / f"columnar_etl-duckdb-{dead}-link1234").symlink_to(outside)
        kept.add(f"columnar_etl-duckdb-{dead}-link1234")
        assert len(swept) == 6

        # The spill directories' sweep: the temporary directory, when a source makes its spill directory.
        monkeypatch.setattr(tempfile, "tempdir", str(backups))
        with open_source(small_fixture) as source:
            source.limit_memory("64MB")
            (own,) = [p for p in backups.glob(f"columnar_etl-duckdb-{owner_tag()}-*")]
            assert own.is_dir()
        assert not own.exists()
        partials = {name for name in swept if name.endswith(".partial")}
        assert {p.name for p in backups.iterdir()} == kept | partials
        # The partial files' sweep: the backup directory, when a backup is made there.
        made = create_backup(small_fixture, backup_dir=backups)
        assert {p.name for p in backups.iterdir()} == kept | {
            made.path.name,
            f"{made.path.name}.json",
            f"{made.path.name}.sha256",
        }
        assert (outside / "keep").read_text() == "keep"
        # The live owner's partial name is its own, never handed out again (a new random part).
        assert partial_path(backups, "x.db").name != f".x.db.{live}.0123abcd.partial"


def test_a_target_backup_sweeps_a_killed_one_s_partial_file(tmp_path: Path, pg_uri: str) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    database = pg_uri.split("?")[0].rsplit("/", 1)[1]
    killed = run_python(KILLED_MAKER, str(backups), f"{database}.dumped")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    (left,) = backups.glob(f".{database}.dumped.*.partial")
    pg_query(pg_uri, "CREATE SCHEMA dumped")
    pg_query(pg_uri, "CREATE TABLE dumped.t AS SELECT 1 AS a")
    made = backup_target("dumped", uri=pg_uri, settings=load_settings(backup_dir=backups))
    assert not left.exists()
    assert made.manifest.tables == {"t": {"rows": 1, "columns": [["a", "integer"]]}}
    assert not list(backups.glob(".*.partial"))


#: A process that makes the reader's private copy of an export and the cleaner's stored listing of
#: duplicate rows in its temporary directory, and is killed.
KILLED_READER_AND_CLEANER = """
import os, signal, sys
import pyarrow as pa
from pathlib import Path
from columnar_etl.cleaning import duplicates
from columnar_etl.source.private_copy import make_private_copy
copy = make_private_copy(Path(sys.argv[1]))
duplicates.HELD_BYTES = 0  # stored in a DuckDB file of its own, as past 48 MB
listing = duplicates.CopyFilter(pa.table({"a": [1, 2, 3]}))
print(copy.path.parent, listing._directory.name, sep="\\n", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_reader_copy_and_duplicates_listing_are_swept_by_the_next(
    tmp_path: Path, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    killed = run_python(KILLED_READER_AND_CLEANER, str(small_fixture), env={"TMPDIR": str(temp)})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    reader, listing = (Path(line) for line in killed.stdout.split())
    assert reader.parent == temp and listing.parent == temp
    assert any(reader.iterdir()) and any(listing.iterdir())  # the export's copy, the DuckDB file

    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setattr(duplicates, "HELD_BYTES", 0)
    copy = make_private_copy(small_fixture)
    assert not reader.exists() and listing.exists()
    copies = duplicates.CopyFilter(pa.table({"a": [1, 2, 3]}))
    assert not listing.exists()
    copies.close()
    copy.remove()
    assert list(temp.iterdir()) == []


def test_a_run_sweeps_what_killed_processes_left_and_logs_it_in_its_log(
    tmp_path: Path, pg_uri: str, small_fixture: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    temp, backups = tmp_path / "tmp", Path(settings.backup_dir)
    for directory in (temp, backups):
        directory.mkdir()
        killed = run_python(KILLED_MAKER, str(directory), "x.db")
        assert killed.returncode == -signal.SIGKILL, killed.stderr
    (spill,) = temp.glob("columnar_etl-duckdb-*")
    (partial,) = backups.glob(".x.db.*.partial")
    # Each sweep takes its own kind only: a partial file in TMPDIR, a spill directory in backup_dir stay.
    (kept_partial,) = temp.glob(".x.db.*.partial")
    (kept_spill,) = backups.glob("columnar_etl-duckdb-*")
    monkeypatch.setattr(tempfile, "tempdir", str(temp))

    result = CliRunner().invoke(
        app, ["--target", pg_uri, "run", str(small_fixture), "--mode", "blue-green", "--json"]
    )
    assert result.exit_code == 2, result.output  # quarantined values: done with warnings
    assert not spill.exists() and not partial.exists()
    assert kept_partial.exists() and kept_spill.exists()
    run_id = json.loads(result.stdout)["run_id"]
    lines = [
        json.loads(line) for line in (Path(settings.runs_dir) / run_id / "log.jsonl").read_text().splitlines()
    ]
    swept = {
        line["path"]: line["bytes"]
        for line in lines
        if line["event"] == "removed a temporary left by a killed process"
    }
    assert swept == {str(spill): 0, str(partial): 1000}


# --- a step of the wall clock ------------------------------------------------------------------------

#: A process that makes a spill directory (in ``TMPDIR``) and a partial file (in ``argv[1]``) as the
#: commands do, prints their names and sleeps: a live owner, a command still working.
LIVE_MAKER = """
import sys, tempfile, time
from pathlib import Path
from columnar_etl.backups.manifest import partial_path
from columnar_etl.leftovers import owner_tag, temporary_prefix
spill = Path(tempfile.mkdtemp(prefix=temporary_prefix("duckdb")))
partial = partial_path(Path(sys.argv[1]), "x.db")
partial.write_bytes(b"x" * 10)
print(owner_tag(), spill.name, partial.name, sep="\\n", flush=True)
time.sleep(600)
"""


def _boot() -> str:
    """This boot, read here: the first 8 hex digits of the kernel's boot id."""
    return Path("/proc/sys/kernel/random/boot_id").read_text()[:8]


def _start_ticks(pid: int) -> int:
    """Process ``pid``'s start in clock ticks since boot, read here (field 22 of /proc/<pid>/stat)."""
    return int(Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[19])


@pytest.mark.skipif(not Path("/proc/sys/kernel/random/boot_id").is_file(), reason="Linux: /proc")
@pytest.mark.parametrize("step", [5.0, -5.0])
def test_a_step_of_the_wall_clock_leaves_a_live_owner_s_temporaries_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: float
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", LIVE_MAKER, str(temp)],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "TMPDIR": str(temp)},
        stdout=subprocess.PIPE,
        text=True,
    )
    with _ended(holder):
        assert holder.stdout is not None
        live, live_spill, live_partial = (holder.stdout.readline().strip() for _ in range(3))
        killed = run_python(KILLED_MAKER, str(temp), "x.db")  # after: the live one swept at its start
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        dead = killed.stdout.strip()
        host = dead.split("-")[0]
        other_host = "0" * 8 if host != "0" * 8 else "1" * 8
        other_boot = "0" * 8 if _boot() != "0" * 8 else "1" * 8
        # The owner is this boot and the process's start since boot: what no clock step moves.
        ticks = _start_ticks(holder.pid)
        assert live == f"{host}-{holder.pid}-{_boot()}-{ticks}"
        # The live process's pid and start, of another boot: a temporary left before a reboot.
        rebooted = f"{host}-{holder.pid}-{other_boot}-{ticks}"
        swept = {
            f"columnar_etl-duckdb-{dead}-abcd_123",
            *[p.name for p in temp.glob(f".x.db.{dead}.*.partial")],
            f"columnar_etl-duckdb-{rebooted}-abcd1234",
            f".x.db.{rebooted}.0123abcd.partial",
        }
        kept = {
            live_spill,
            live_partial,
            f"columnar_etl-duckdb-{other_host}-{dead.split('-', 1)[1]}-abcd1234",  # another host's
            f".x.db.{other_host}-{holder.pid}-{other_boot}-{ticks}.0123abcd.partial",
        }
        for name in (swept | kept) - {p.name for p in temp.iterdir()}:
            if name.startswith("columnar_etl-duckdb-"):
                (temp / name).mkdir()
            else:
                (temp / name).write_bytes(b"z")
        assert {p.name for p in temp.iterdir()} == swept | kept and len(swept) == 4

        # The sweeping command runs while the wall clock has stepped (NTP's first sync, a resumed VM).
        wall = time.time
        monkeypatch.setattr(time, "time", lambda: wall() + step)
        removed = sweep_leftovers(temp, temporary_names("duckdb")) + sweep_leftovers(temp, PARTIAL_NAMES)
        monkeypatch.undo()
        assert sorted(p.name for p in removed) == sorted(swept)
        assert {p.name for p in temp.iterdir()} == kept
        assert holder.poll() is None
