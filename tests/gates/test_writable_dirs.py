"""Gate 0's ``writable_dirs``: a backup_dir or runs_dir this user cannot write halts a run before it reads
anything. Real directories: a file where the directory should be, and a directory of mode 0555 tried by
an unprivileged user (root ignores modes: as root, the preflight runs as the ``pgserver`` user)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app

from ..conftest import REPO_ROOT, SMALL_FIXTURE, pg_query

runner = CliRunner()


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory of its own, with no columnar_etl setting in the environment."""
    monkeypatch.chdir(tmp_path)
    for name in ("RUNS_DIR", "TARGET", "BACKUP_DIR", "DASHBOARD_TEMPLATES", "BASE_SCHEMA"):
        monkeypatch.delenv(f"COLUMNAR_ETL_{name}", raising=False)
    return tmp_path


@pytest.mark.parametrize("under", [False, True])
def test_a_backup_dir_that_is_a_file_halts_the_run_in_its_preflight_naming_it(
    under: bool, work: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: the preflight passed, the profile read the whole export, and the run failed at its backup
    # ("cannot write the backup in this directory: File exists"), exit 1.
    (work / "backups").write_text("not a directory\n", encoding="utf-8")
    backup_dir = work / "backups" / "quarterly" if under else work / "backups"
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_DIR", str(backup_dir))
    result = runner.invoke(app, ["--target", pg_uri, "run", str(SMALL_FIXTURE), "--json"])
    assert result.exit_code == 3, result.output
    why = f"{work / 'backups'} is a file, not a directory" if under else "a file, not a directory"
    assert result.stderr == (
        f"error: preflight check writable_dirs failed: backup_dir {backup_dir}: {why} (hint: set backup_dir "
        "(the TOML file or COLUMNAR_ETL_BACKUP_DIR) to a directory this user can write, with room)\n"
    )
    (record_file,) = (work / "runs").glob("*/run.json")
    record = json.loads(record_file.read_text())
    printed = json.loads(result.stdout)
    assert (printed["outcome"], printed["exit_code"], printed["run_id"]) == ("halted", 3, record["run_id"])
    assert (record["outcome"], record["exit_code"]) == ("halted", 3)
    assert [stage["name"] for stage in record["stages"]] == ["preflight"]  # no backup, no profile
    assert not (record_file.parent / "profile.json").exists()
    assert (work / "backups").read_text(encoding="utf-8") == "not a directory\n"
    assert pg_query(pg_uri, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'servicedesk%'") == [(0,)]


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A directory every user may enter (pytest's own are 0700), removed after the test."""
    here = Path(tempfile.mkdtemp(prefix="columnar_etl_modes_"))
    here.chmod(0o755)
    try:
        yield here
    finally:
        for path in here.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(here)


def test_a_backup_dir_this_user_may_not_write_fails_the_preflight_naming_it(shared_dir: Path) -> None:
    # Mode 0555: the preflight passed and the run failed at its backup, after reading the export.
    if os.geteuid() == 0:
        if (
            shutil.which("runuser") is None
            or subprocess.run(["id", "pgserver"], capture_output=True).returncode
        ):
            pytest.skip("root ignores modes, and there is no unprivileged pgserver user to run as")
        as_user = ["runuser", "-u", "pgserver", "--"]
    else:
        as_user = []
    export = shared_dir / "export.db"
    shutil.copyfile(SMALL_FIXTURE, export)
    export.chmod(0o644)
    read_only = shared_dir / "read_only"
    read_only.mkdir(mode=0o555)
    read_only.chmod(0o555)
    runs = shared_dir / "runs"
    runs.mkdir()
    runs.chmod(0o777)
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("COLUMNAR_ETL_")},
        "PYTHONPATH": os.pathsep.join([str(REPO_ROOT / "src"), str(REPO_ROOT)]),
        "COLUMNAR_ETL_BACKUP_DIR": str(read_only),
        "COLUMNAR_ETL_RUNS_DIR": str(runs),
        "HOME": str(shared_dir),
    }
    nowhere = "postgresql://nobody@127.0.0.1:9/nowhere"  # the check under test needs no target
    done = subprocess.run(
        [
            *as_user,
            sys.executable,
            "-m",
            "columnar_etl",
            "preflight",
            str(export),
            "--json",
            "--target",
            nowhere,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=shared_dir,
        timeout=120,
    )
    assert done.returncode == 3, done.stderr
    (check,) = [check for check in json.loads(done.stdout)["checks"] if check["name"] == "writable_dirs"]
    assert (check["status"], check["value"], check["threshold"]) == ("fail", 1, 2)
    assert check["message"] == f"backup_dir {read_only}: cannot write there: Permission denied"
    assert check["hint"] == (
        "set backup_dir (the TOML file or COLUMNAR_ETL_BACKUP_DIR) to a directory this user can write, "
        "with room"
    )
    assert list(read_only.iterdir()) == []
