"""The export *file* as operators receive it, end to end: WAL rows not yet checkpointed, hot and
persisted rollback journals, UTF-16 databases, odd page sizes, auto_vacuum, a big freelist, an old
SQLite's schema format 1, paths with spaces, non-ASCII and symbolic links, read-only directories,
archives, text, encrypted, truncated and damaged files.

Each file is built by ``tests/export_files.py`` in a state SQLite documents, and run through the CLI as
an operator would (``run --mode simple --yes --json``, ``profile``, ``backup``) into the session's real
PostgreSQL. Every cell of the target is checked against the builder's rows (an independent
computation) and with the project's lossless checker, the exit code against run.json's outcome, the
backup against the rows it must hold, and the export's files (main file, ``-wal``, ``-journal``: bytes
and modification time) against what they were before the command.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.pg.identifiers import quote_ident

from . import export_files as files
from .conftest import pg_query
from .lossless_check import check_run, summarize

runner = CliRunner()
EXIT = {"done": 0, "already_loaded": 0, "warn": 2, "halted": 3, "failed": 1}
WAL_WARNING = "preflight source_lock: WAL mode with"


def file_state(db: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and modification time of the export and of the side files SQLite reads (``-wal``,
    ``-journal``, beside the file a link points to). Not the ``-shm``: SQLite's readers write their read
    marks into it, and create it when it is missing (docs/runbook.md, "The export file itself")."""
    real = Path(os.path.realpath(db))
    found = {}
    for suffix in ("", "-wal", "-journal"):
        part = Path(f"{real}{suffix}")
        if part.exists():
            found[suffix] = (part.read_bytes(), part.stat().st_mtime_ns)
    return found


def snapshot(db: Path, directory: Path) -> Path:
    """A private copy of what SQLite reads (the file and its ``-wal``), for the lossless checker."""
    directory.mkdir()
    real = Path(os.path.realpath(db))
    for suffix in ("", "-wal"):
        if Path(f"{real}{suffix}").exists():
            shutil.copyfile(f"{real}{suffix}", directory / f"export.db{suffix}")
    return directory / "export.db"


def sqlite_rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the two tables, as SQLite reads them (read-only), in key order."""
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("tickets", "comments")}
    finally:
        con.close()


class Operator:
    """Runs commands of the CLI on one export, with the test's own runs, backups and base schema."""

    def __init__(self, pg_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.uri, self.tmp = pg_uri, tmp_path
        self.base = f"files_{uuid.uuid4().hex[:8]}"
        templates = tmp_path / "dashboards.sql"
        templates.write_text("", encoding="utf-8")
        for name, value in {
            "COLUMNAR_ETL_RUNS_DIR": str(tmp_path / "runs"),
            "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "backups"),
            "COLUMNAR_ETL_MIN_MEMORY_GB": "0.5",
            "COLUMNAR_ETL_FAIL_MEMORY_GB": "0.1",
            "COLUMNAR_ETL_BASE_SCHEMA": self.base,
            "COLUMNAR_ETL_DASHBOARD_TEMPLATES": str(templates),
        }.items():
            monkeypatch.setenv(name, value)

    def run(self, db: Path) -> tuple[int, dict[str, Any], Path, str]:
        """``run`` of ``db``: exit code, run.json (the one printed, the same on disk), its directory, and
        stderr's last line. The export's files must be as they were."""
        before = file_state(db)
        result = runner.invoke(
            app, ["--target", self.uri, "run", str(db), "--mode", "simple", "--yes", "--json"]
        )
        assert file_state(db) == before, "the export's files changed"
        record = json.loads(result.stdout)
        run_dir = self.tmp / "runs" / record["run_id"]
        on_disk = json.loads((run_dir / "run.json").read_text())
        assert (on_disk["outcome"], on_disk["exit_code"]) == (record["outcome"], record["exit_code"])
        assert result.exit_code == record["exit_code"] == EXIT[record["outcome"]], result.output
        lines = result.stderr.strip().splitlines()
        assert "Traceback" not in result.stderr
        return result.exit_code, record, run_dir, lines[-1] if lines else ""

    def command(self, *args: str) -> tuple[int, str]:
        """Any other command: exit code and its one-line error (stderr), never a traceback."""
        result = runner.invoke(app, ["--target", self.uri, *args])
        assert "Traceback" not in result.stderr, result.stderr
        return result.exit_code, result.stderr.strip()

    def target_rows(self, table: str) -> list[tuple[Any, ...]]:
        relation = f"{quote_ident(self.base)}.{quote_ident(table)}"
        return pg_query(self.uri, f"SELECT * FROM {relation} ORDER BY id")


@pytest.fixture
def operator(pg_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Operator:
    return Operator(pg_uri, tmp_path, monkeypatch)


def as_read(value: Any) -> Any:
    """A target cell as Python compares it with the builder's: ``numeric`` as the float it spells (the
    builder's REALs have two decimals: exact either way), ``bytea`` as bytes."""
    if isinstance(value, Decimal):
        return float(value)
    return bytes(value) if isinstance(value, memoryview) else value


def loaded_exactly(operator: Operator, run_dir: Path, truth: Path, rows: dict[str, list[tuple]]) -> None:
    """Every cell as the builder wrote it, and the lossless checker (against a copy of what SQLite
    read) finds no violation."""
    for table, expected in rows.items():
        assert [tuple(as_read(v) for v in row) for row in operator.target_rows(table)] == expected, table
    violations = check_run(type("R", (), {"run_dir": run_dir})(), truth, operator.uri, operator.base)
    assert violations == [], summarize(violations)


def backup_holds(record: dict[str, Any], rows: dict[str, list[tuple]], operator: Operator, tmp: Path) -> Path:
    """The run's backup verifies, restores byte for byte, and the restored file holds ``rows``."""
    backup = Path(record["backup"]["path"])
    code, said = operator.command("backup", "verify", str(backup))
    assert code == 0, said
    restored = tmp / "restored" / "export.db"
    code, said = operator.command("backup", "restore", str(backup), "--to", str(restored))
    assert code == 0, said
    assert restored.read_bytes() == backup.read_bytes()
    assert sqlite_rows(restored) == rows
    return restored


# --- WAL: committed rows only in the -wal file -------------------------------------------------------------


@pytest.mark.parametrize("shm", [True, False], ids=["with_shm", "without_shm"])
def test_rows_committed_only_to_the_wal_arrive_cell_for_cell(
    operator: Operator, tmp_path: Path, shm: bool
) -> None:
    db = files.wal_uncommitted_to_main(tmp_path / "export.db", shm=shm)
    truth = snapshot(db, tmp_path / "truth")
    rows = files.wal_expected()
    assert sqlite_rows(truth) == rows  # the builder's claim, as SQLite reads the files
    code, record, run_dir, _ = operator.run(db)
    # Nothing written but the -shm, which SQLite's readers write (and create): docs/runbook.md.
    beside = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("export.db"))
    assert beside == ["export.db", "export.db-shm", "export.db-wal"]
    # Loaded, every WAL row and ticket 1's change with it; the WAL left unmerged is the run's one warning.
    assert (code, record["outcome"]) == (2, "warn")
    assert [w for w in record["warnings"] if not w.startswith(WAL_WARNING)] == []
    assert {t: (r["in"], r["out"]) for t, r in record["rows"].items()} == {
        "tickets": (60, 60),
        "comments": (100, 100),
    }
    loaded_exactly(operator, run_dir, truth, rows)
    backup_holds(record, rows, operator, tmp_path)


def test_an_export_reached_through_a_link_has_its_wal_where_sqlite_keeps_it(
    operator: Operator, tmp_path: Path
) -> None:
    """``current.db -> real/app.db`` of an application still writing in WAL mode: its WAL is
    ``real/app.db-wal``. Rows committed to it after a run are loaded by the next (they were "already
    loaded" when only ``current.db-wal`` was looked for: exit 0, the rows never in the target)."""
    link, writer = files.linked_wal_writer(tmp_path)  # the application, its connection kept open
    try:
        writer.executemany("INSERT INTO comments VALUES (?, ?, ?)", [files.comment(i) for i in range(1, 81)])
        code, record, _, _ = operator.run(link)
        assert (code, record["outcome"]) == (2, "warn")
        assert [w[: len(WAL_WARNING)] for w in record["warnings"]] == [WAL_WARNING]  # the WAL is seen
        writer.executemany(
            "INSERT INTO tickets VALUES (?, ?, ?, ?, ?)", [files.ticket(i) for i in files.SECOND]
        )
        code, record, run_dir, _ = operator.run(link)
        assert (code, record["outcome"]) == (2, "warn"), record["warnings"]
        truth = snapshot(link, tmp_path / "truth")
    finally:
        writer.close()
    rows = files.expected(tuple(files.FIRST) + tuple(files.SECOND))
    assert record["rows"]["tickets"] == {**record["rows"]["tickets"], "in": 60, "out": 60}
    loaded_exactly(operator, run_dir, truth, rows)


def test_a_linked_wal_export_written_during_the_run_is_not_committed(
    operator: Operator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The application commits to its WAL while the run is between its profile and its load: the run
    must not commit rows profiled as one export and read as another (through a link, the write went
    unseen: the WAL was looked for beside the link)."""
    import columnar_etl.pipeline.runner as runner_module

    link, writer = files.linked_wal_writer(tmp_path)
    profile_step = runner_module.profile_step

    def profile_then_write(source: Path, settings: Any) -> Any:
        profiled = profile_step(source, settings)
        writer.executemany(
            "INSERT INTO tickets VALUES (?, ?, ?, ?, ?)", [files.ticket(i) for i in files.SECOND]
        )
        return profiled

    try:
        monkeypatch.setattr(runner_module, "profile_step", profile_then_write)
        result = runner.invoke(
            app, ["--target", operator.uri, "run", str(link), "--mode", "simple", "--yes", "--json"]
        )
    finally:
        writer.close()
    record = json.loads(result.stdout)
    assert (result.exit_code, record["outcome"]) == (1, "failed"), record.get("error")
    assert "the export changed during the run" in record["error"]["message"]
    schemas = pg_query(
        operator.uri, f"SELECT count(*) FROM pg_namespace WHERE nspname LIKE '{operator.base}%'"
    )
    assert schemas == [(0,)]


# --- rollback journals ----------------------------------------------------------------------------------


def test_a_journal_persist_mode_keeps_is_no_writer(operator: Operator, tmp_path: Path) -> None:
    """``journal_mode=PERSIST`` leaves ``-journal`` after each commit, its header zeroed (not hot):
    the file is the last commit, loaded as any other (it was refused as "a write transaction is open",
    exit 3, a hint to wait for a writer that does not exist)."""
    db = files.persisted_journal(tmp_path / "export.db")
    journal = Path(f"{db}-journal")
    assert journal.stat().st_size > 0 and journal.read_bytes()[:1] == b"\x00"
    truth = snapshot(db, tmp_path / "truth")
    code, record, run_dir, _ = operator.run(db)
    assert (code, record["outcome"], record["warnings"]) == (0, "done", [])
    loaded_exactly(operator, run_dir, truth, files.expected())
    backup_holds(record, files.expected(), operator, tmp_path)


def test_a_hot_journal_is_named_and_nothing_rolls_it_back(operator: Operator, tmp_path: Path) -> None:
    """A writer crashed mid-transaction: its pages are in the file, the hot journal beside it. No
    command rolls it back (that writes the export) and none calls the file corrupt (it said "SQLite file
    is corrupt: attempt to write a readonly database (hint: copy the export again)")."""
    db = files.hot_journal(tmp_path / "export.db")
    assert Path(f"{db}-journal").read_bytes()[:8] == bytes.fromhex("d9d505f920a163d7")
    code, record, _, line = operator.run(db)
    assert (code, record["outcome"], record["error"]["stage"]) == (3, "halted", "preflight")
    assert line.startswith(
        f"error: file {db}: preflight check source_lock failed: a hot rollback journal export.db-journal is "
        "beside the file"
    )
    assert "corrupt" not in line and "copy the file and its -journal together" in line
    before = file_state(db)
    for command in (["profile", str(db)], ["backup", "create", str(db)]):
        code, said = operator.command(*command)
        assert code == 1 and "hot rollback journal export.db-journal" in said, said
    assert file_state(db) == before  # the journal neither rolled back nor removed
    # What the hint says restores the last commit: the copy of both files rolled back on its first open.
    copy = tmp_path / "copy"
    copy.mkdir()
    for suffix in ("", "-journal"):
        shutil.copyfile(f"{db}{suffix}", copy / f"export.db{suffix}")
    rolled_back = sqlite3.connect(copy / "export.db")
    assert rolled_back.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    rolled_back.close()
    assert not Path(f"{copy / 'export.db'}-journal").exists()
    assert sqlite_rows(copy / "export.db") == files.expected()
    code, record, run_dir, _ = operator.run(copy / "export.db")
    assert (code, record["outcome"]) == (0, "done")
    loaded_exactly(operator, run_dir, copy / "export.db", files.expected())


# --- what SQLite's header says: encodings, page sizes, vacuum, freelist, ids, old formats ---------------


FORMATS: dict[str, Callable[[Path], Path]] = {
    "utf16le": lambda p: files.with_pragmas(p, "encoding='UTF-16le'"),
    "utf16be": lambda p: files.with_pragmas(p, "encoding='UTF-16be'"),
    "page_512": lambda p: files.with_pragmas(p, "page_size=512"),
    "page_65536": lambda p: files.with_pragmas(p, "page_size=65536"),
    "auto_vacuum_full": lambda p: files.with_pragmas(p, "auto_vacuum=FULL"),
    "auto_vacuum_incremental": lambda p: files.with_pragmas(p, "auto_vacuum=INCREMENTAL"),
    "big_freelist": files.big_freelist,
    "user_version_application_id": lambda p: files.with_pragmas(
        p, "user_version=42", "application_id=1095909956"
    ),
    "schema_format_1": files.schema_format_1,
    "reserved_bytes": files.reserved_bytes,
}
#: Formats of the slow set (CI time): a freelist of many pages is size, not a header field.
SLOW_FORMATS = frozenset({"big_freelist"})
#: The header fields a faithful copy keeps (https://sqlite.org/fileformat2.html#the_database_header).
HEADER_PRAGMAS = ("encoding", "page_size", "auto_vacuum", "user_version", "application_id", "schema_version")


def header_pragmas(db: Path) -> dict[str, Any]:
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {name: con.execute(f"PRAGMA {name}").fetchone()[0] for name in HEADER_PRAGMAS}
    finally:
        con.close()


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(build, id=name, marks=[pytest.mark.slow] if name in SLOW_FORMATS else [])
        for name, build in FORMATS.items()
    ],
)
def test_every_file_format_sqlite_writes_arrives_cell_for_cell(
    operator: Operator, tmp_path: Path, build: Callable[[Path], Path]
) -> None:
    if build is files.reserved_bytes and shutil.which("sqlite3") is None:
        pytest.skip("no sqlite3 shell to write reserved bytes")
    db = build(tmp_path / "export.db")
    assert sqlite_rows(db) == files.expected()
    code, record, run_dir, _ = operator.run(db)
    assert (code, record["outcome"], record["warnings"]) == (0, "done", [])
    loaded_exactly(operator, run_dir, db, files.expected())
    restored = backup_holds(record, files.expected(), operator, tmp_path)
    assert header_pragmas(restored) == header_pragmas(db)
    if build is files.schema_format_1:
        assert restored.read_bytes()[44:48] == (1).to_bytes(4, "big")
    if build is files.reserved_bytes:
        assert db.read_bytes()[20] == restored.read_bytes()[20] == 8


# --- where the file lies: names, links, permissions -----------------------------------------------------


def spaced_path(tmp: Path) -> Path:
    folder = tmp / "Exporte Q2 (final)" / "Übersicht – 客户 #1"
    folder.mkdir(parents=True)
    return files.with_pragmas(folder / "helpdesk export 2025 ü %20.db")


def linked_path(tmp: Path) -> Path:
    files.with_pragmas(tmp / "real.db")
    (tmp / "links").mkdir()
    (tmp / "links" / "export.db").symlink_to(tmp / "real.db")
    return tmp / "links" / "export.db"


@pytest.mark.parametrize("place", [spaced_path, linked_path], ids=["spaces_and_non_ascii", "symlink"])
def test_an_export_anywhere_arrives_and_is_backed_up(
    operator: Operator, tmp_path: Path, place: Callable[[Path], Path]
) -> None:
    db = place(tmp_path)
    code, record, run_dir, _ = operator.run(db)
    assert (code, record["outcome"], record["warnings"]) == (0, "done", [])
    loaded_exactly(operator, run_dir, snapshot(db, tmp_path / "truth"), files.expected())
    backup = Path(record["backup"]["path"])
    assert backup.parent == tmp_path / "backups" and backup.name.startswith(db.name + ".")
    backup_holds(record, files.expected(), operator, tmp_path)


def without_root_powers(*command: str) -> list[str]:
    """``command`` without the capabilities that let root write where permissions say no (as
    tests/test_source.py does); as is for anyone else."""
    if os.geteuid() != 0:
        return list(command)
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}", *command]


def wal_closed(path: Path) -> Path:
    """A WAL-mode export its application closed cleanly: no ``-wal``, no ``-shm`` (checkpointed)."""
    return files.with_pragmas(path, "journal_mode=WAL")


READ_ONLY = {
    "rollback_journal": (files.with_pragmas, 0, ""),
    "wal_with_its_shm": (files.wal_uncommitted_to_main, 0, ""),
    "wal_closed": (wal_closed, 1, "a WAL-mode export SQLite cannot open where it lies"),
    "wal_without_shm": (
        lambda p: files.wal_uncommitted_to_main(p, shm=False),
        1,
        "a WAL-mode export SQLite cannot open where it lies",
    ),
}


@pytest.mark.parametrize("build, code, said", READ_ONLY.values(), ids=READ_ONLY.keys())
def test_an_export_in_a_read_only_directory(
    tmp_path: Path, build: Callable[[Path], Path], code: int, said: str
) -> None:
    """A read-only file in a directory this user cannot write: read where SQLite can (a rollback-journal
    file; a WAL file whose ``-shm`` is there), said why where it cannot (a WAL file needs its ``-shm``:
    it was "SQLite file is corrupt ... copy the export again"). Nothing is created beside it."""
    folder = tmp_path / "received"
    folder.mkdir()
    db = build(folder / "export.db")
    for part in folder.iterdir():
        part.chmod(0o444)
    folder.chmod(0o555)
    listed = sorted(p.name for p in folder.iterdir())
    before = file_state(db)
    try:
        env = {
            **os.environ,
            "COLUMNAR_ETL_RUNS_DIR": str(tmp_path / "runs"),
            "PYTHONPATH": os.pathsep.join(sys.path),
        }
        result = subprocess.run(
            without_root_powers(sys.executable, "-m", "columnar_etl", "profile", str(db), "--json"),
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
            check=False,
        )
    finally:
        folder.chmod(0o755)
    assert (result.returncode, sorted(p.name for p in folder.iterdir())) == (code, listed), result.stderr
    assert file_state(db) == before
    if code:
        assert result.stderr.strip() == (
            f"error: file {db}: {said}: even a reader needs its export.db-shm (and -wal) beside it, and this "
            "user cannot create or write them in that directory (hint: copy the file with its -wal (and "
            "-shm) together to a directory this user can write and run on the copy, or let this user write "
            "to the export's directory)"
        )
    else:
        rows = (
            len(files.wal_expected()["tickets"])
            if "wal" in build.__name__
            else len(files.expected()["tickets"])
        )
        tables = json.loads(result.stdout)["tables"]
        listed_tables = tables.values() if isinstance(tables, dict) else tables
        assert {t["name"]: t["row_count"] for t in listed_tables}["tickets"] == rows


# --- files that are no SQLite database, or a damaged one --------------------------------------------------


def sqlite_bytes(tmp: Path) -> bytes:
    return files.with_pragmas(tmp / "inner.db").read_bytes()


def gzipped(path: Path) -> Path:
    path.write_bytes(gzip.compress(sqlite_bytes(path.parent)))
    return path


def zipped(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("export.db", sqlite_bytes(path.parent))
    return path


NOT_SQLITE = {
    "gzip": (gzipped, "not a SQLite database (bad file header: a gzip archive)", "unpack it first"),
    "zip": (zipped, "not a SQLite database (bad file header: a zip archive)", "unpack it first"),
    "zero_bytes": (lambda p: (p.write_bytes(b""), p)[1], "source file is empty (0 bytes)", "did not finish"),
    "csv_text": (
        lambda p: (
            p.write_text("id;Betreff;Erstellt\n1;Drucker läuft nicht;02.12.2026\n", encoding="utf-8"),
            p,
        )[1],
        "not a SQLite database (bad file header: a text file)",
        "import it into SQLite first",
    ),
    "sqlite2": (files.sqlite2, "not a SQLite database (bad file header: an SQLite 2 database)", "SQLite 2"),
    "a_wal_file": (
        files.wal_file_alone,
        "not a SQLite database (bad file header: a SQLite -wal file, not the database)",
        "give the database file",
    ),
    "sqlcipher_like": (files.encrypted_like, "not a SQLite database (bad file header)", "SQLCipher"),
    "truncated": (
        files.truncated,
        "SQLite file is truncated: 2048 bytes, header says",
        "copy the export again",
    ),
    "corrupt_schema": (
        files.corrupt_schema,
        "SQLite file is corrupt: database disk image is malformed",
        "copy",
    ),
}


@pytest.mark.parametrize("build, message, hint", NOT_SQLITE.values(), ids=NOT_SQLITE.keys())
def test_a_file_that_is_no_sound_sqlite_database_halts_in_one_line(
    operator: Operator, tmp_path: Path, build: Callable[[Path], Path], message: str, hint: str
) -> None:
    db = build(tmp_path / "export.db")
    code, record, _, line = operator.run(db)
    assert (code, record["outcome"], record["error"]["stage"]) == (3, "halted", "preflight")
    assert line.startswith(f"error: file {db}: preflight check source_readable failed: {message}"), line
    assert hint in record["error"]["hint"] and len(line.splitlines()) == 1
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())
    code, said = operator.command("backup", "create", str(db))
    assert code == 1 and message.split(": ")[-1] in said, said  # the backup says it in its words


def test_a_backup_dir_that_cannot_be_written_is_said_so(operator: Operator, tmp_path: Path) -> None:
    """Not a bare ``PermissionError: [Errno 13] ...`` (hint: --debug): what and which setting."""
    db = files.with_pragmas(tmp_path / "export.db")
    (tmp_path / "a file").write_text("")
    target = tmp_path / "a file" / "backups"
    code, said = operator.command("backup", "create", str(db), "--dir", str(target))
    assert (code, said) == (
        1,
        f"error: file {target}: cannot write the backup in this directory: Not a directory (hint: set "
        "backup_dir to a directory this user can write (setting backup_dir))",
    )


def test_a_wal_exports_size_counts_its_wal(operator: Operator, tmp_path: Path) -> None:
    """Nearly all of a WAL export can be in its ``-wal``; the preflight's disk check (2× the source
    for the backup) and the backup's own check count it (they counted the main file alone)."""
    db = files.wal_uncommitted_to_main(tmp_path / "export.db")
    main, wal = db.stat().st_size, Path(f"{db}-wal").stat().st_size
    assert wal > main / 2
    result = runner.invoke(app, ["--target", operator.uri, "preflight", str(db), "--json"])
    assert result.exit_code == 2, result.output  # the WAL's warning
    checks = {check["name"]: check for check in json.loads(result.stdout)["checks"]}
    assert checks["disk"]["details"]["source_bytes"] == main + wal
