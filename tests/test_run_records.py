"""Killed runs are marked interrupted at the next start, reading only the records that may need it."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.errors import EtlError
from columnar_etl.pipeline import record as record_module
from columnar_etl.pipeline.record import (
    ADDED_KEYS,
    RUN_FILE,
    RUN_RECORD_VERSION,
    RunRecord,
    list_runs,
    mark_interrupted_runs,
    read_record,
)

from .conftest import run_python


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _write(root: Path, name: str, data: dict[str, Any]) -> Path:
    run_dir = root / name
    run_dir.mkdir(parents=True)
    (run_dir / RUN_FILE).write_text(json.dumps(data, indent=2), encoding="utf-8")
    return run_dir


def test_only_records_that_may_say_running_are_read_and_killed_ones_are_marked(
    tmp_path: Path, monkeypatch: Any
) -> None:
    host, dead = socket.gethostname(), _dead_pid()
    base = {"version": RUN_RECORD_VERSION, "pid": dead, "host": host, "error": None}
    padding = {"plan": {"notes": ["x" * 2000]}}  # the outcome is not always in the first KiB
    killed = _write(tmp_path, "killed", {"run_id": "killed", "outcome": "running", **base})
    finished = _write(tmp_path, "finished", {"run_id": "finished", "outcome": "done", **base, **padding})
    late = _write(tmp_path, "late", {"run_id": "late", **base, **padding, "outcome": "running"})
    (tmp_path / "not-a-run").mkdir()
    read: list[str] = []
    real = record_module.read_record

    def spy(path: Any) -> dict[str, Any]:
        read.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(record_module, "read_record", spy)
    assert sorted(mark_interrupted_runs(tmp_path)) == sorted([killed, late])
    assert sorted(read) == ["killed", "late"]  # the finished run's record was not parsed
    for run_dir, outcome in ((killed, "interrupted"), (late, "interrupted"), (finished, "done")):
        assert json.loads((run_dir / RUN_FILE).read_text())["outcome"] == outcome


def test_a_run_json_that_is_json_but_no_object_is_skipped_and_fails_no_later_run(
    tmp_path: Path, pg_uri: str, small_fixture: Path, monkeypatch: Any
) -> None:
    # `null` or a list in a run directory's run.json (a tool's stray file, a record overwritten by
    # hand): read_record failed "AttributeError: 'list' object has no attribute 'get'", and so did
    # `runs list`, and every `run`, `load` or `cutover` after it as it looked for runs killed before.
    runs = tmp_path / "runs"
    for name, text in (("null", "null"), ("list", "[1, 2]"), ("text", '"running"')):
        (runs / name).mkdir(parents=True)
        (runs / name / RUN_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(EtlError, match="cannot read the run record: JSON list, not an object"):
        read_record(runs / "list")
    assert list_runs(runs) == [] and mark_interrupted_runs(runs) == []
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNAR_ETL_RUNS_DIR", str(runs))
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.setenv("COLUMNAR_ETL_MIN_MEMORY_GB", "0")
    monkeypatch.setenv("COLUMNAR_ETL_FAIL_MEMORY_GB", "0")
    ran = CliRunner().invoke(
        app, ["run", str(small_fixture), "--mode", "simple", "--target", pg_uri, "--json"]
    )
    printed = json.loads(ran.stdout)
    assert (printed["outcome"], ran.exit_code) == ("warn", 2), ran.output
    listed = CliRunner().invoke(app, ["runs", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    assert [r["run_id"] for r in json.loads(listed.stdout)] == [printed["run_id"]]


def test_runs_started_within_one_second_list_newest_first(tmp_path: Path) -> None:
    # Two runs of a fast export (a run, then the same file again: already loaded) start within one
    # second; their records keep the milliseconds, so the list shows them in the order they started.
    base = 1_751_371_200.25
    for number, offset in enumerate((0.0, 0.5)):
        run_id = f"20250701T120000Z-{'b' if number == 0 else 'a'}{number}"  # ids sorting against time
        record = RunRecord(
            run_id=run_id,
            run_dir=tmp_path / run_id,
            source="export.db",
            mode="simple",
            settings={},
            started=base + offset,
            finished=base + offset + 0.4,
            outcome="done",
        )
        (tmp_path / run_id).mkdir()
        record.write()
    listed = list_runs(tmp_path)
    assert [r["started"] for r in listed] == ["2025-07-01T12:00:00.750Z", "2025-07-01T12:00:00.250Z"]
    assert [r["run_id"] for r in listed] == ["20250701T120000Z-a1", "20250701T120000Z-b0"]


ROOT = Path(__file__).resolve().parents[1]


def _documented_keys() -> dict[str, str]:
    """The keys of docs/monitoring.md's table of run.json's keys, with what their absence means."""
    text = (ROOT / "docs" / "monitoring.md").read_text(encoding="utf-8")
    table = text.split("### run.json's version", 1)[1].split("| key | since | absent means |", 1)[1]
    keys: dict[str, str] = {}
    for line in table.strip().splitlines()[1:]:
        if not line.startswith("|"):
            break
        names, _, absent = (cell.strip() for cell in line.strip("|").split("|"))
        keys.update({name: absent for name in re.findall(r"`([a-z_]+)`", names)})
    return keys


def test_the_documented_keys_of_run_json_are_the_keys_it_has() -> None:
    # Was: `notes` was added to run.json and to no document of its shape; the version says nothing of it.
    record = RunRecord(run_id="r", run_dir=Path("r"), source=None, mode="simple", settings={})
    documented = _documented_keys()
    assert set(documented) == set(record.to_dict())
    added = {key for key, absent in documented.items() if absent != "(always written)"}
    assert added == set(ADDED_KEYS)


def test_a_record_written_before_a_key_was_added_reads_with_what_its_absence_means(tmp_path: Path) -> None:
    record = RunRecord(run_id="old", run_dir=tmp_path / "old", source="x.db", mode="simple", settings={})
    old = {k: v for k, v in record.to_dict().items() if k not in ("notes", "command")}
    _write(tmp_path, "old", {**old, "outcome": "done"})
    read = read_record(tmp_path / "old")
    assert (read["notes"], read["command"], read["version"]) == ([], "run", RUN_RECORD_VERSION)
    shown = CliRunner().invoke(app, ["runs", "show", str(tmp_path / "old")])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["notes"] == []


def test_a_record_of_an_unknown_version_is_refused_with_a_hint(tmp_path: Path) -> None:
    _write(tmp_path, "future", {"version": RUN_RECORD_VERSION + 1, "run_id": "future", "outcome": "done"})
    with pytest.raises(
        EtlError, match=r"unknown run record version 2 \(hint: this columnar-etl reads version 1"
    ):
        read_record(tmp_path / "future")


def test_a_run_killed_at_its_commit_is_not_said_to_have_changed_nothing(tmp_path: Path) -> None:
    # helper h81: a SIGKILL just after a run's commit left run.json "running"; the next start marked it
    # "interrupted ... ended without finishing the run" while its version was live. run.json is written
    # last before the commit, with the load it is about to commit (see the runner's before_commit): a
    # record ending there says which version may have been committed, and where to look.
    host, dead = socket.gethostname(), _dead_pid()
    base = {"version": RUN_RECORD_VERSION, "pid": dead, "host": host, "error": None, "outcome": "running"}
    load = {"status": "live", "version_schema": "servicedesk_v20261203_091500", "committed_at": None}
    at_commit = _write(tmp_path, "at_commit", {"run_id": "a", **base, "load": load})
    ready = _write(tmp_path, "ready", {"run_id": "r", **base, "load": {**load, "status": "ready"}})
    early = _write(tmp_path, "early", {"run_id": "e", **base, "load": None})
    mark_interrupted_runs(tmp_path)
    said = {
        d.name: json.loads((d / RUN_FILE).read_text())["error"]["message"] for d in (at_commit, ready, early)
    }
    assert said == {
        "at_commit": f"process {dead} on {host} ended at the commit of version servicedesk_v20261203_091500 "
        "or just after it: whether it is live, `columnar-etl schemas list` says",
        "ready": f"process {dead} on {host} ended at the commit of version servicedesk_v20261203_091500 "
        "or just after it: whether it was loaded, `columnar-etl schemas list` says",
        "early": f"process {dead} on {host} ended without finishing the run",
    }


def test_a_killed_run_whose_pid_another_process_has_now_is_marked_interrupted(
    tmp_path: Path, pg_uri: str, small_fixture: Path
) -> None:
    # After a reboot, or in a container where every command is the same pid (1, or 7 under a shell),
    # the killed run's pid belongs to another process: the record said "running" for ever (and `runs
    # list` with it), since only the pid's existence was asked. Its start time tells them apart.
    runs = tmp_path / "runs"
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "columnar_etl",
            "--target",
            pg_uri,
            "run",
            str(small_fixture),
            "--mode",
            "blue-green",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(runs.glob("*/run.json")):
            assert time.monotonic() < deadline and run.poll() is None
            time.sleep(0.01)
    finally:
        run.kill()
        run.wait()
    (record_file,) = runs.glob("*/run.json")
    data = json.loads(record_file.read_text())
    assert (data["outcome"], data["pid"]) == ("running", run.pid)
    # The kernel cannot be made to hand that pid out again: the record is given a living process's pid,
    # one started well over a second after the run (closer, the two start times read as one process's:
    # the run writes its record within a second of its start on a quiet machine).
    started = datetime.fromisoformat(data["process_started"].replace("Z", "+00:00")).timestamp()
    time.sleep(max(0.0, started + 2.5 - time.time()))
    other = subprocess.Popen(["sleep", "60"])
    try:
        record_file.write_text(json.dumps({**data, "pid": other.pid}))
        assert [r["outcome"] for r in list_runs(runs)] == ["interrupted"]
        assert mark_interrupted_runs(runs) == [record_file.parent]
        marked = json.loads(record_file.read_text())
        assert (marked["outcome"], marked["exit_code"]) == ("interrupted", 1)
        # The same record naming this very process, which reads it (a container's next command).
        record_file.write_text(json.dumps({**data, "pid": os.getpid()}))
        assert mark_interrupted_runs(runs) == [record_file.parent]
    finally:
        other.kill()
        other.wait()


#: A command's record, written as a command writes it (``running``), by a process that then sleeps
#: (``argv[2]`` "live") or is killed with SIGKILL ("killed").
RECORD_WRITER = """
import os, signal, sys, time
from pathlib import Path
from columnar_etl.pipeline.record import RunRecord
run_dir = Path(sys.argv[1])
RunRecord(run_id=run_dir.name, run_dir=run_dir, source="x.db", mode="simple", settings={}).write()
(run_dir / ".audit.abcd1234.tmp").write_bytes(b"half-written")
print(os.getpid(), flush=True)
if sys.argv[2] == "killed":
    os.kill(os.getpid(), signal.SIGKILL)
time.sleep(600)
"""


@pytest.mark.skipif(not Path("/proc/sys/kernel/random/boot_id").is_file(), reason="Linux: /proc")
@pytest.mark.parametrize("step", [5.0, -5.0])
def test_a_step_of_the_wall_clock_does_not_make_a_running_command_look_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: float
) -> None:
    # Was: whether the record's process still runs was told by its start time in epoch seconds, which
    # is computed from the wall clock: after a step of more than a second (NTP's first sync, a resumed
    # VM, `date -s`) the next command marked a live run `interrupted` and removed its half-written files.
    runs = tmp_path / "runs"
    killed = run_python(RECORD_WRITER, str(runs / "killed"), "killed")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    live = subprocess.Popen(
        [sys.executable, "-c", RECORD_WRITER, str(runs / "live"), "live"],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert live.stdout is not None and int(live.stdout.readline()) == live.pid
        data = json.loads((runs / "live" / RUN_FILE).read_text())
        boot = Path("/proc/sys/kernel/random/boot_id").read_text()[:8]
        ticks = int(Path(f"/proc/{live.pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[19])
        assert data["process_boot_start"] == f"{boot}-{ticks}"
        # The live process's record as of another boot: its pid and start, before a reboot.
        other_boot = "0" * 8 if boot != "0" * 8 else "1" * 8
        rebooted = _write(
            runs, "rebooted", {**data, "run_id": "rebooted", "process_boot_start": f"{other_boot}-{ticks}"}
        )
        (rebooted / ".audit.abcd1234.tmp").write_bytes(b"half-written")

        wall = time.time
        monkeypatch.setattr(time, "time", lambda: wall() + step)
        listed = {r["run_id"]: r["outcome"] for r in list_runs(runs)}
        marked = mark_interrupted_runs(runs)
        monkeypatch.undo()
        assert listed == {"live": "running", "killed": "interrupted", "rebooted": "interrupted"}
        assert sorted(marked) == [runs / "killed", rebooted]
        assert [p.name for p in (runs / "live").iterdir() if p.name.endswith(".tmp")] == [
            ".audit.abcd1234.tmp"
        ]
        assert json.loads((runs / "live" / RUN_FILE).read_text())["outcome"] == "running"
        assert not list((runs / "killed").glob(".*.tmp")) and not list(rebooted.glob(".*.tmp"))
        assert live.poll() is None
    finally:
        live.kill()
        live.communicate(timeout=30)


def test_a_record_without_a_boot_start_is_judged_by_its_start_time(tmp_path: Path) -> None:
    # Records written before 2026-12-04 have no `process_boot_start`: the epoch start time, to a
    # second, still tells a live process from a killed one and from a reused pid.
    record = RunRecord(run_id="r", run_dir=tmp_path / "r", source="x.db", mode="simple", settings={})
    old = {k: v for k, v in record.to_dict().items() if k != "process_boot_start"}
    _write(tmp_path, "mine", {**old, "run_id": "mine"})  # this very process: alive
    _write(tmp_path, "dead", {**old, "run_id": "dead", "pid": _dead_pid()})
    earlier = datetime.fromtimestamp(record.process_started - 3600, UTC).isoformat().replace("+00:00", "Z")
    _write(tmp_path, "reused", {**old, "run_id": "reused", "process_started": earlier})
    assert {r["run_id"]: r["outcome"] for r in list_runs(tmp_path)} == {
        "mine": "running",
        "dead": "interrupted",
        "reused": "interrupted",
    }


def test_a_run_json_without_a_records_keys_is_listed_with_what_it_holds_and_fails_no_listing(
    tmp_path: Path, monkeypatch: Any
) -> None:
    # An object of version 1 without the keys every record has (cut or overwritten by hand; one still
    # `running` whose process is gone is marked `interrupted` by the next start, keeping what it holds):
    # `runs list` failed whole, "error: KeyError: 'run_id'" (and 'mode'), for every run there (h341).
    good = RunRecord(
        run_id="good", run_dir=tmp_path / "good", source="x.db", mode="simple", settings={}, outcome="done"
    )
    (tmp_path / "good").mkdir()
    good.write()
    _write(tmp_path, "bare", {"version": RUN_RECORD_VERSION})
    killed = {"version": RUN_RECORD_VERSION, "run_id": "killed", "started": "2026-12-07T00:00:00.000Z"}
    _write(
        tmp_path, "killed", {**killed, "outcome": "running", "pid": 2**22 + 1, "host": socket.gethostname()}
    )
    monkeypatch.setenv("COLUMNAR_ETL_RUNS_DIR", str(tmp_path))
    for flags in ([], ["--json"]):
        listed = CliRunner().invoke(app, ["runs", "list", *flags])
        assert (listed.exit_code, listed.stderr) == (0, ""), listed.output
    # Listed with what they hold: a run's directory is named by its id.
    shown = {r["run_id"]: r["outcome"] for r in json.loads(listed.stdout)}
    assert shown == {"good": "done", "bare": None, "killed": "interrupted"}
