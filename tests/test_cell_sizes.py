"""Cells too large to move, refused before the profile reads them (profiling/cell_sizes.py).

A cell of 50 MB of text ran the profile out of its memory (exit 1 after ~20 s, 1.8 GB of RSS), one of
200 MB as well (715 MB, hint: raise profile_memory_limit; raised to 4 GB, the run peaked at 10 GB),
and a row PostgreSQL cannot build (over 1 GB) would fail at its COPY after the profile and the cleaning.
Now each is refused first (exit 3), naming table, column, rowid and size; the sizes expected are
those Python finds in the values it wrote.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from columnar_etl import profile
from columnar_etl.cli import app
from columnar_etl.cli.app import out
from columnar_etl.config import load_settings
from columnar_etl.errors import CellTooLarge, SourceError
from columnar_etl.profiling import cell_sizes
from columnar_etl.source import sqlite_file

from .conftest import pg_query, run_env, run_settings


def _attachments(path: Path, cells: dict[int, tuple[str | None, bytes | None]]) -> None:
    """Table ``files`` of rows (id, name, body TEXT, data BLOB): ``cells`` by id, short rows around."""
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE files (id INTEGER PRIMARY KEY, name TEXT, body TEXT, data BLOB)")
        for number in range(1, 21):
            body, data = cells.get(number, (f"note {number}", bytes([number]) * 10))
            con.execute("INSERT INTO files VALUES (?, ?, ?, ?)", (number, f"file{number}.txt", body, data))
    con.close()


def _log(size: int) -> str:
    """``size`` characters of a pasted log, with the dirt cleaning touches (CRLF, NBSP, padding)."""
    line = "2026-12-03 10:00:00 GET /tickets?id=42 200\u00a0 \r\n"
    return ("  " + line * (size // len(line) + 1))[:size]


def _run(
    export: Path, pg_uri: str, base: str, monkeypatch: pytest.MonkeyPatch, **env: str
) -> tuple[int, str]:
    monkeypatch.setenv("COLUMNAR_ETL_BASE_SCHEMA", base)
    for name, value in env.items():
        monkeypatch.setenv(f"COLUMNAR_ETL_{name.upper()}", value)
    ran = CliRunner().invoke(app, ["--target", pg_uri, "run", str(export), "--mode", "simple"])
    return ran.exit_code, ran.output


#: The refusal of the cell ``_attachments`` gets with ``OVER`` at row 7, under a limit of 1 MiB: the same
#: words whichever command reads it (the preflight says which of its checks refused).
OVER = bytes(range(256)) * 12_000  # 3,072,000 bytes
REFUSED = f"a cell of {len(OVER):,} bytes, rowid 7, over max_cell_size (1MiB)"
HINT = "raise max_cell_size and profile_memory_limit"


def _over(path: Path) -> Path:
    """An export of 20 rows whose row 7 holds a BLOB of ``OVER`` and a 900 kB log (under the limit)."""
    _attachments(path, {7: (_log(900_000), OVER)})
    return path


def _files(directory: Path) -> list[Path]:
    return sorted(path for path in directory.rglob("*") if path.is_file()) if directory.exists() else []


def test_a_run_is_refused_by_its_preflight_before_the_backup(
    tmp_path: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cell was refused by the profile, after the backup (taken beside it) had copied the whole
    export: now the preflight refuses it (exit 3) and no backup is made, no profile run."""
    export = _over(tmp_path / "files.db")
    settings = run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    base = f"cells_{uuid.uuid4().hex[:8]}"
    code, output = _run(export, pg_uri, base, monkeypatch, max_cell_size="1MiB")
    assert code == 3, output
    line = " ".join(output.split())
    assert f"table 'files', column 'data': preflight check source_cells failed: {REFUSED}" in line
    assert HINT in line
    record = json.loads(next(Path(settings.runs_dir).glob("*/run.json")).read_text())
    assert record["outcome"] == "halted"
    assert (record["error"]["stage"], record["error"]["table"], record["error"]["column"]) == (
        "preflight",
        "files",
        "data",
    )
    assert [stage["name"] for stage in record["stages"]] == ["preflight"]
    assert _files(Path(settings.backup_dir)) == []
    # Nothing written to the target: no version schema, no view.
    schemas = f"SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE '{base}%'"
    assert pg_query(pg_uri, schemas) == [(0,)]


def test_preflight_alone_refuses_the_cell_naming_table_column_and_rowid(
    tmp_path: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = _over(tmp_path / "files.db")
    run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    monkeypatch.setenv("COLUMNAR_ETL_MAX_CELL_SIZE", "1MiB")
    ran = CliRunner().invoke(app, ["--target", pg_uri, "preflight", str(export), "--json"])
    assert ran.exit_code == 3, ran.output
    checks = {check["name"]: check for check in json.loads(ran.stdout)["checks"]}
    cells = checks["source_cells"]
    assert (cells["status"], cells["message"]) == ("fail", REFUSED)
    assert (cells["details"]["table"], cells["details"]["column"]) == ("files", "data")
    assert HINT in cells["hint"]
    assert [name for name, check in checks.items() if check["status"] == "fail"] == ["source_cells"]
    # The table a person reads names the table and the column too (printed wide enough for one line).
    monkeypatch.setattr(out, "width", 400)
    shown = CliRunner().invoke(app, ["--target", pg_uri, "preflight", str(export)])
    assert shown.exit_code == 3, shown.output
    assert f"table 'files', column 'data': {REFUSED}" in " ".join(shown.output.split())


def test_preflight_passes_an_export_larger_than_the_limit_whose_cells_are_under_it(
    tmp_path: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Larger than max_cell_size, so read (its largest record, by SQLite's dbstat); no cell over it."""
    export = tmp_path / "files.db"
    _attachments(export, {n: (_log(500_000), None) for n in range(1, 6)})
    assert export.stat().st_size > 2**21
    run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    monkeypatch.setenv("COLUMNAR_ETL_MAX_CELL_SIZE", "1MiB")
    ran = CliRunner().invoke(app, ["--target", pg_uri, "preflight", str(export), "--json"])
    cells = {check["name"]: check for check in json.loads(ran.stdout)["checks"]}["source_cells"]
    assert (cells["status"], cells["threshold"]) == ("pass", 2**20), cells
    # The largest record: a row of a 500,000-byte log and its short cells, as SQLite stores it.
    con = sqlite3.connect(export)
    row = "length(CAST(body AS BLOB)) + length(name) + coalesce(length(data), 0)"
    most = con.execute(f"SELECT max({row}) FROM files").fetchone()[0]
    con.close()
    assert most < cells["value"] < most + 40


def _count_record_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The exports whose largest records (SQLite's dbstat) are read from now on, one entry a read."""
    read: list[Path] = []
    measure = cell_sizes.largest_records

    def counted(path: Path) -> dict[str, int] | None:
        read.append(path)
        return measure(path)

    monkeypatch.setattr(cell_sizes, "largest_records", counted)
    return read


def test_a_run_reads_the_largest_records_once(
    tmp_path: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's dbstat is read by the preflight; the profile of the same run does not read it again."""
    export = tmp_path / "files.db"
    _attachments(export, {n: (_log(500_000), None) for n in range(1, 6)})
    read = _count_record_reads(monkeypatch)
    run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    code, output = _run(export, pg_uri, f"cells_{uuid.uuid4().hex[:8]}", monkeypatch, max_cell_size="1MiB")
    assert code in (0, 2), output
    assert read == [export]


def test_a_file_found_free_of_large_cells_is_not_read_again_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the preflight found is handed to the profile of the same file (one dbstat read); under a
    smaller limit the check is made again from the same records; a file written to since is read again."""
    export = tmp_path / "files.db"
    _attachments(export, {n: (_log(500_000), None) for n in range(1, 6)})
    read = _count_record_reads(monkeypatch)
    largest = cell_sizes.refuse_large_cells_in(export, "1MiB")
    assert largest is not None and largest > 500_000
    profile(export, settings=load_settings(max_cell_size="2MiB"))
    assert len(read) == 1
    stored = len(_log(500_000).encode())  # its NBSPs two bytes each
    with pytest.raises(CellTooLarge, match=f"a cell of {stored:,} bytes, rowid 1, over max_cell_size"):
        profile(export, settings=load_settings(max_cell_size="100KB"))
    assert len(read) == 1  # the records of the file as it is: a limit does not change them
    con = sqlite3.connect(export)
    with con:
        con.execute("UPDATE files SET data = ? WHERE id = 7", (OVER,))
    con.close()
    with pytest.raises(CellTooLarge) as refused:
        profile(export, settings=load_settings(max_cell_size="1MiB"))
    assert REFUSED in str(refused.value) and len(read) == 2


def test_run_replay_is_refused_by_its_preflight(
    tmp_path: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run replaying the plan of a run of an earlier export (its cells short) on one with a cell
    over the limit: refused before its backup, as any run."""
    settings = run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    base = f"cells_{uuid.uuid4().hex[:8]}"
    earlier = tmp_path / "earlier.db"
    _attachments(earlier, {})
    code, output = _run(earlier, pg_uri, base, monkeypatch, max_cell_size="1MiB")
    assert code in (0, 2), output
    first = next(Path(settings.runs_dir).glob("*/run.json"))
    backups = _files(Path(settings.backup_dir))
    export = _over(tmp_path / "files.db")
    ran = CliRunner().invoke(
        app, ["--target", pg_uri, "run", str(export), "--mode", "simple", "--replay", str(first)]
    )
    assert ran.exit_code == 3, ran.output
    assert f"table 'files', column 'data': preflight check source_cells failed: {REFUSED}" in " ".join(
        ran.output.split()
    )
    assert _files(Path(settings.backup_dir)) == backups


@pytest.mark.parametrize("with_plan", [True, False], ids=["clean --plan", "clean"])
def test_clean_refuses_the_cell_before_writing_anything(
    with_plan: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``clean --plan`` profiles nothing, so nothing measured its cells: it read and cleaned them."""
    monkeypatch.setenv("COLUMNAR_ETL_MAX_CELL_SIZE", "1MiB")
    runner = CliRunner()
    args: list[str] = []
    if with_plan:
        earlier = tmp_path / "earlier.db"
        _attachments(earlier, {})
        plan = tmp_path / "plan.json"
        made = runner.invoke(
            app, ["clean", str(earlier), "-o", str(tmp_path / "e.db"), "--save-plan", str(plan)]
        )
        assert made.exit_code in (0, 2), made.output
        args = ["--plan", str(plan)]
    export, output = _over(tmp_path / "files.db"), tmp_path / "out.db"
    ran = runner.invoke(app, ["clean", str(export), "-o", str(output), *args])
    assert ran.exit_code == 3, ran.output
    assert f"table 'files', column 'data': {REFUSED}" in " ".join(ran.stderr.split())
    assert not output.exists()


def test_copy_raw_refuses_the_cell_before_copying(
    tmp_path: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = _over(tmp_path / "files.db")
    run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    monkeypatch.setenv("COLUMNAR_ETL_MAX_CELL_SIZE", "1MiB")
    ran = CliRunner().invoke(app, ["--target", pg_uri, "copy-raw", str(export), "--schema", "raw"])
    assert ran.exit_code == 3, ran.output
    assert f"table 'files', column 'data': {REFUSED}" in " ".join(ran.stderr.split())
    assert pg_query(pg_uri, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'raw'") == [
        (0,)
    ]


def test_the_profile_refuses_a_text_cell_over_the_limit_by_its_stored_bytes(tmp_path: Path) -> None:
    export = tmp_path / "files.db"
    body = "é" * 600_000  # 600,000 characters, 1,200,000 bytes of UTF-8
    _attachments(export, {12: (body, None)})
    with pytest.raises(CellTooLarge) as refused:
        profile(export, settings=load_settings(max_cell_size="1MB"))
    error = refused.value
    assert (error.table, error.column, error.exit_code) == ("files", "body", 3)
    assert f"a cell of {len(body.encode()):,} bytes, rowid 12" in str(error)
    # At the limit exactly, the same export is profiled.
    at_limit = profile(export, settings=load_settings(max_cell_size=f"{len(body.encode()) / 1000}KB"))
    assert at_limit["files"]["body"].row_count == 20


def test_cells_under_max_cell_size_load_equal_as_their_digests_show(
    tmp_path: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 6 MB log (several lines: a document, loaded byte for byte whatever pads it, its leading blanks,
    CRLFs and NBSPs kept) and a 7 MB BLOB: MD5 of each loaded value against Python's of the source's."""
    export = tmp_path / "files.db"
    body, blob = _log(6_000_000), bytes(range(256)) * 27_500
    _attachments(export, {3: (body, blob)})
    run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    base = f"cells_{uuid.uuid4().hex[:8]}"
    code, output = _run(export, pg_uri, base, monkeypatch)
    assert code in (0, 2), output
    found = pg_query(
        pg_uri, f"SELECT md5(body), octet_length(body), md5(data) FROM {base}.files WHERE id = 3"
    )
    # The documented rule: a value whose trimmed text holds a line break keeps its padding.
    assert "\n" in body.strip(" \u00a0\r\n") and body != body.strip(" \u00a0\r\n")
    cleaned = body.encode()
    assert found == [(hashlib.md5(cleaned).hexdigest(), len(cleaned), hashlib.md5(blob).hexdigest())]


def test_a_row_postgresql_cannot_build_is_refused_naming_its_rowid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL builds a row in one allocation of at most 1 GB (an INSERT of two 600 MB texts:
    "invalid memory alloc request size 1200000056"); SQLite's default build holds no row over 1e9
    bytes either, so the check is shown with PostgreSQL's limit scaled down to 3 MB: two cells of
    1.6 MB, each under max_cell_size, in one row."""
    monkeypatch.setattr(cell_sizes, "PG_MAX_ALLOC", 3_000_000)
    export = tmp_path / "files.db"
    half = "x" * 1_600_000
    _attachments(export, {9: (half, half.encode())})
    with pytest.raises(CellTooLarge) as refused:
        profile(export, settings=load_settings(max_cell_size="2MB"))
    error = refused.value
    assert (error.table, error.column, error.exit_code) == ("files", None, 3)
    assert f"a row (rowid 9) of {2 * len(half) + len('file9.txt') + 1:,} bytes of values" in str(error)


def test_without_dbstat_every_table_is_measured_by_its_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Python whose SQLite lacks ``dbstat`` (which spares the tables of short rows their scan)
    measures every table's cells: the same refusal."""
    monkeypatch.setattr(cell_sizes, "largest_records", lambda _: None)
    export = tmp_path / "files.db"
    _attachments(export, {4: (None, b"\x00" * 1_500_000)})
    with pytest.raises(CellTooLarge, match="column 'data': a cell of 1,500,000 bytes, rowid 4"):
        profile(export, settings=load_settings(max_cell_size="1MB"))


def test_a_writers_lock_is_said_not_taken_for_a_sqlite_without_dbstat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lock met by the dbstat read (which ``run`` starts early, before its lock check) was taken for
    a SQLite without ``dbstat``: every table's cells would then be measured, one scan each."""
    export = tmp_path / "files.db"
    _attachments(export, {})
    monkeypatch.setattr(sqlite_file, "READ_BUSY_TIMEOUT", 0.05)
    writer = sqlite3.connect(export, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(SourceError, match="locked"):
            sqlite_file.largest_records(export)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert sqlite_file.largest_records(export) is not None
