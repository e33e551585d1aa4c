"""Cleaned files (SQLite, Parquet), idempotence, the refusals and failures around them, and the CLI."""

from __future__ import annotations

import json
import math
import os
import random
import signal
import sqlite3
import struct
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import columnar_etl
from columnar_etl import clean
from columnar_etl.cleaning import writers
from columnar_etl.cli import app
from columnar_etl.config import load_settings
from columnar_etl.errors import CleanError
from columnar_etl.planning.build import build_plan
from columnar_etl.profiling.profile import profile
from columnar_etl.source.identity import file_checksum
from export_generator import generate_export
from tests.conftest import SqliteFactory, run_with_file_size_limit

runner = CliRunner()


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("export") / "export.db"
    generate_export(path, scale=0.02, seed=4, dirt="heavy")
    checksum = file_checksum(path)
    yield path
    assert file_checksum(path) == checksum, "the source changed"


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_sqlite_output_is_typed_and_a_second_clean_changes_nothing(export: Path, tmp_path: Path) -> None:
    first = tmp_path / "clean.db"
    result = clean(export, output=first, audit=tmp_path / "audit.parquet", reprofile=True)
    assert result.output == first and result.output_format == "sqlite"
    assert result.audit is None and result.audit_rows == result.changed > 0  # streamed, not held
    assert pq.read_table(tmp_path / "audit.parquet").num_rows == result.changed
    assert result.quality_before is not None and result.quality_after is not None
    assert result.quality_reprofiled is not None and result.quality_reprofiled >= result.quality_before + 20
    assert result.quality_before <= result.quality_after < 100.0  # measured: quarantined values cost

    con = sqlite3.connect(first)
    declared = {row[1]: row[2] for row in con.execute('PRAGMA table_info("timesheets")')}
    stored = con.execute(
        'SELECT typeof("TS-Entry ID"), typeof("TS-Date"), "TS-Start Time", typeof("TS-Hours"), '
        '"TS-Billable?" FROM timesheets WHERE "TS-Start Time" IS NOT NULL AND "TS-Hours" IS NOT NULL LIMIT 1'
    ).fetchone()
    con.close()
    assert declared == {
        "TS-Entry ID": "INTEGER",
        "TS-Ticket ID": "INTEGER",
        "TS-Agent": "TEXT",
        "TS-Date": "DATE",
        "TS-Start Time": "TIMESTAMP",
        "TS-Hours": "REAL",
        "TS-Billable?": "BOOLEAN",
        "TS-Rate": "NUMERIC_TEXT",  # numeric: its decimal text at the column's scale
    }
    assert stored[0] == "integer" and stored[1] == "text" and stored[3] in ("integer", "real")
    assert len(stored[2]) in (19, 26) and stored[4] in ("true", "false")

    second = clean(first, output=tmp_path / "again.db")
    assert (second.changed, second.quarantined, second.rows_out) == (0, 0, result.rows_out)
    assert second.audit is not None and second.audit.num_rows == 0


def test_instants_are_written_in_utc_and_a_second_clean_changes_nothing(
    make_sqlite: SqliteFactory, tmp_path: Path
) -> None:
    # Text with a UTC offset is an instant: written back as UTC text ending in +00:00 (SQLite has no
    # such type), which the next profile reads as the same instants and the next clean leaves alone.
    offsets = ["Z", "+02", "-0530", "+05:45", "+00:00"]
    rows = [
        (i, f"2025-03-{i:02d}T{i % 24:02d}:{i:02d}:07{'.25' if i % 3 else ''}{offsets[i % 5]}")
        for i in range(1, 21)
    ] + [(21, "2025-03-21 10:05:00+00:00"), (22, "2025-03-22T10:05:00.250000+00:00")]

    def utc_text(text: str) -> str:  # Python's own reading and writing of the instant, independent
        instant = datetime.fromisoformat(text).astimezone(UTC)
        return instant.isoformat(sep=" " if not instant.microsecond else "T")

    source = make_sqlite({"events": ("CREATE TABLE events (id INTEGER PRIMARY KEY, at TEXT)", rows)})
    first = tmp_path / "clean.db"
    result = clean(source, output=first)
    assert result.changed == sum(text != utc_text(text) for _, text in rows) == 20
    con = sqlite3.connect(first)
    declared = {row[1]: row[2] for row in con.execute('PRAGMA table_info("events")')}
    written = dict(con.execute("SELECT id, at FROM events"))
    con.close()
    assert declared["at"] == "TIMESTAMPTZ"
    assert written == {key: utc_text(text) for key, text in rows}

    second = clean(first, output=tmp_path / "again.db")
    assert (second.changed, second.quarantined, second.rows_out) == (0, 0, 22)
    parquet = tmp_path / "clean.parquet"
    clean(first, output=parquet)
    assert pq.read_table(parquet / "events.parquet").schema.field("at").type == pa.timestamp("us", tz="UTC")


def test_sqlite_output_keeps_a_real_infinity_a_real(make_sqlite: SqliteFactory, tmp_path: Path) -> None:
    # A REAL cell's infinity is a double; written as the text 'inf' SQLite would keep it TEXT.
    rows = [(i, f"g{i}", [1e400, -1e400, 0.5][i % 3]) for i in range(12)]
    source = make_sqlite({"g": ("CREATE TABLE g (id INTEGER PRIMARY KEY, label TEXT, r REAL)", rows)})
    out = tmp_path / "clean.db"
    result = clean(source, output=out)
    assert (result.changed, result.quarantined) == (0, 0)
    con = sqlite3.connect(out)
    written = con.execute("SELECT id, typeof(r), r FROM g").fetchall()
    con.close()
    assert written == [(i, "real", value) for i, _, value in rows]


def test_sqlite_output_keeps_every_double_exact(make_sqlite: SqliteFactory, tmp_path: Path) -> None:
    # Handed to SQLite as their shortest text, about 1 in 200 arbitrary doubles came back a unit off
    # (SQLite's text-to-double reading is not exact for 17 digits): -8.607962596817982e-298 as ...983.
    rng = random.Random(7)
    doubles = [-8.607962596817982e-298, 5.931778976089384e-304, -342906.637831, 5e-324, 1.797e308]
    while len(doubles) < 3000:
        value = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if math.isfinite(value):
            doubles.append(value)
    rows = [(i, value) for i, value in enumerate(doubles)]
    source = make_sqlite({"r": ("CREATE TABLE r (id INTEGER PRIMARY KEY, x REAL)", rows)})
    out = tmp_path / "clean.db"
    clean(source, output=out)
    con = sqlite3.connect(out)
    written = con.execute("SELECT id, typeof(x), x FROM r ORDER BY id").fetchall()
    con.close()
    off = [(value, got) for (i, value), (_, _, got) in zip(rows, written, strict=True) if got != value]
    assert not off, f"{len(off)} doubles changed, e.g. {off[:3]}"
    assert {kind for _, kind, _ in written} == {"real"}


@pytest.mark.parametrize("with_blob", [False, True])
def test_sqlite_output_keeps_every_type_exact_beside_a_blob_or_not(
    make_sqlite: SqliteFactory, tmp_path: Path, with_blob: bool
) -> None:
    # A table with a BLOB column was written by DuckDB typing every column: 'true' failed the write
    # (BOOLEAN as an integer), a numeric became a double, an instant lost its offset. And SQLite's
    # NUMERIC affinity itself stores decimal text of more digits than a double holds as a double.
    big, tiny = "12345678901234567890.25", "1.00000000000000001"
    rows = [
        (1, b"\x00\x01", "yes", big, tiny, "2025-03-01T10:05:00+02:00", 0.1, 2**63 - 1),
        (2, b"", "no", "0.10", "2.5", "2025-03-02T10:05:00Z", float("inf"), -(2**63)),
        (3, None, "yes", "-7.00", "0.00000000000000001", "2025-03-03T23:59:59-05:00", 1 / 3, 0),
    ]
    columns = "id INTEGER PRIMARY KEY, b BLOB, f TEXT, n TEXT, m TEXT, at TEXT, r REAL, i INTEGER"
    if not with_blob:
        columns = columns.replace("b BLOB, ", "")
        rows = [row[:1] + row[2:] for row in rows]
    source = make_sqlite({"t": (f"CREATE TABLE t ({columns})", rows)})
    out = tmp_path / "clean.db"
    clean(source, output=out)
    con = sqlite3.connect(out)
    declared = {row[1]: row[2] for row in con.execute('PRAGMA table_info("t")')}
    written = con.execute(
        "SELECT typeof(f), f, typeof(n), n, typeof(m), m, at, typeof(r), r, typeof(i), i"
        + (", typeof(b), b" if with_blob else "")
        + " FROM t ORDER BY id"
    ).fetchall()
    con.close()
    assert declared["n"] == declared["m"] == "NUMERIC_TEXT"
    names = [c.split()[0] for c in columns.split(", ")]
    source_rows = [dict(zip(names, r, strict=True)) for r in rows]
    for got, row in zip(written, source_rows, strict=True):
        assert got[:2] == ("text", "true" if row["f"] == "yes" else "false")
        assert got[2] == got[4] == "text"
        assert Decimal(got[3]) == Decimal(row["n"]) and Decimal(got[5]) == Decimal(row["m"])
        assert got[6] == datetime.fromisoformat(row["at"]).astimezone(UTC).isoformat(sep=" ")
        assert got[7:11] == ("real", row["r"], "integer", row["i"])
        if with_blob:
            assert got[11:] == (("blob", row["b"]) if row["b"] is not None else ("null", None))

    second = clean(out, output=tmp_path / "again.db")
    assert (second.changed, second.quarantined, second.rows_out) == (0, 0, 3)


def test_parquet_output_is_one_typed_file_per_table(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "clean.parquet"
    result = clean(export, output=out, quarantine=tmp_path / "q.parquet")
    assert sorted(p.name for p in out.iterdir()) == [
        "comments.parquet",
        "tickets.parquet",
        "timesheets.parquet",
    ]
    tickets = pq.read_table(out / "tickets.parquet")
    assert tickets.num_rows == result["tickets"].rows_out
    assert tickets.schema.field("TKT-Created Time").type == pa.timestamp("us")
    assert tickets.schema.field("TKT-Satisfaction").type == pa.float64()
    assert pq.read_table(out / "timesheets.parquet").schema.field("TS-Rate").type == pa.decimal128(18, 2)
    assert pq.read_table(tmp_path / "q.parquet").num_rows == result.quarantined > 0
    assert _leftovers(tmp_path) == []


def test_overwrite_replaces_an_existing_output(export: Path, tmp_path: Path) -> None:
    for out in (tmp_path / "x.db", tmp_path / "x.parquet"):
        if out.suffix == ".db":
            out.write_text("old")
        else:
            out.mkdir()
            (out / "stale.parquet").write_text("old")
        with pytest.raises(CleanError, match="the output already exists"):
            clean(export, output=out)
        clean(export, output=out, overwrite=True)
        if out.suffix == ".db":
            assert out.read_bytes().startswith(b"SQLite format 3")
        else:
            assert sorted(p.name for p in out.iterdir()) == [
                "comments.parquet",
                "tickets.parquet",
                "timesheets.parquet",
            ]
    assert _leftovers(tmp_path) == []


def test_the_source_is_never_the_output(export: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.db"
    link.symlink_to(export)
    hard = tmp_path / "hard.db"
    os.link(export, hard)
    relative = Path(os.path.relpath(export, Path.cwd()))
    for target in (export, relative, link, hard, export.parent / "." / export.name):
        with pytest.raises(CleanError, match="the output is the source file"):
            clean(export, output=target, overwrite=True)
    with pytest.raises(CleanError, match="the output is the source file"):
        clean(link, output=export, overwrite=True)
    with pytest.raises(CleanError, match="the audit file is the source file"):
        clean(export, output=tmp_path / "o.db", audit=export)
    with pytest.raises(CleanError, match="the audit file is the output"):
        clean(export, output=tmp_path / "o.parquet", audit=tmp_path / "o.parquet")
    assert not (tmp_path / "o.db").exists()


def test_unwritable_or_missing_output_directory(export: Path, tmp_path: Path) -> None:
    with pytest.raises(CleanError, match="the output directory does not exist"):
        clean(export, output=tmp_path / "nope" / "x.db")
    if os.geteuid() == 0:
        locked = Path("/sys")  # root writes through chmod; sysfs refuses new files even to root
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
    with pytest.raises(CleanError, match="cannot write in the directory: Permission denied"):
        clean(export, output=locked / "x.db")
    assert not (locked / "x.db").exists()


def test_disk_full_before_and_during_the_write(
    export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writers, "free_bytes", lambda directory: 1 << 20)
    with pytest.raises(CleanError, match="not enough free disk space"):
        clean(export, output=tmp_path / "x.db")
    # Room at the start, none after the first batch: the write stops and nothing is left behind.
    calls = iter([1 << 40, 1 << 40])
    monkeypatch.setattr(writers, "free_bytes", lambda directory: next(calls, 0))
    settings = load_settings()
    plan = build_plan(profile(export, settings=settings), settings=settings)
    for name in ("x.db", "x.parquet"):
        calls = iter([1 << 40, 1 << 40])
        with pytest.raises(CleanError, match="not enough free disk space"):
            clean(export, plan, output=tmp_path / name, audit=tmp_path / f"{name}.audit.parquet")
        assert not (tmp_path / name).exists() and not (tmp_path / f"{name}.audit.parquet").exists()
    assert _leftovers(tmp_path) == []


def test_an_output_past_the_file_size_limit_says_no_room_and_leaves_no_file_nor_journal(
    make_sqlite: SqliteFactory, tmp_path: Path
) -> None:
    # A file size limit (real: RLIMIT_FSIZE of the clean's process, SIGXFSZ ignored) that the cleaned
    # SQLite file passes: SQLite says only "disk I/O error" (SQLITE_IOERR_WRITE; the errno, EFBIG, is
    # its own). Was "file out.db: cannot write the output: disk I/O error", no hint, and the temporary
    # file's rollback journal left behind in the output's directory.
    rows = [(n, f"subject number {n} " * 5 + "end", n * 7) for n in range(1, 20_001)]
    source = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, n INTEGER)", rows)})
    checksum = file_checksum(source)
    out = tmp_path / "out" / "x.db"
    out.parent.mkdir()
    limit = 400 << 10
    assert source.stat().st_size > limit  # so is the output: the same rows
    command = [sys.executable, "-m", "columnar_etl", "clean", str(source), "-o", str(out), "--no-reprofile"]
    done = run_with_file_size_limit(command, limit)
    assert done.returncode == 1, done.stderr
    hint = (
        "the file system has no room for it (full, a quota, or a file size limit: ulimit -f): free some "
        "space or raise the limit, or write the output to another directory"
    )
    assert done.stderr == f"error: file {out}: cannot write the output: File too large (hint: {hint})\n"
    assert sorted(p.name for p in out.parent.iterdir()) == []  # no output, no temporary, no journal
    assert file_checksum(source) == checksum


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:  # the writability probe: created and removed at once
        return 0


def test_a_killed_clean_leaves_no_output(tmp_path: Path) -> None:
    source = tmp_path / "big.db"
    generate_export(source, scale=0.1, seed=3, dirt="prod")
    checksum = file_checksum(source)
    out = tmp_path / "out.db"
    env = {**os.environ, "COLUMNAR_ETL_BATCH_SIZE": "100"}
    command = [
        sys.executable,
        "-m",
        "columnar_etl",
        "clean",
        str(source),
        "--output",
        str(out),
        "--no-reprofile",
    ]
    process = subprocess.Popen(
        command, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    try:
        # Killed once the temporary file holds rows: mid-write.
        while time.monotonic() < deadline and process.poll() is None:
            if any(_size(p) > 64 << 10 for p in tmp_path.glob(".out.db.*.tmp")):
                break
            time.sleep(0.005)
        assert process.poll() is None, f"clean finished before it was killed: {process.stderr}"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(30)
    assert process.returncode == -signal.SIGKILL
    assert not out.exists()
    assert file_checksum(source) == checksum
    # The next run is not disturbed by the leftover temporary file.
    assert clean(source, output=out).rows_out == 26_013
    assert out.exists()


def test_a_clean_interrupted_once_its_output_is_in_place_is_done_with_a_warning(
    make_sqlite: SqliteFactory, tmp_path: Path
) -> None:
    # SIGTERM once the output was renamed into place, while the output is re-profiled (~0.15 s here). Was
    # exit 1, "interrupted: nothing live changed (hint: run again)", the output there and complete, and
    # running again refused: "the output already exists". As `run` and `load` stopped after their commit:
    # done with a warning, exit 2.
    rows = [(n, f"subject number {n}", n * 7) for n in range(1, 20_001)]
    source = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, n INTEGER)", rows)})
    out = tmp_path / "out.db"
    command = [sys.executable, "-m", "columnar_etl", "clean", str(source), "-o", str(out), "--json"]
    process = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while not out.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        assert process.poll() is None, f"clean finished before its signal: {process.stderr}"
        process.send_signal(signal.SIGTERM)
    finally:
        stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 2, stderr
    printed = json.loads(stdout)
    assert (printed["outcome"], printed["exit_code"]) == ("warn", 2)
    assert printed["warnings"] == [
        f"interrupted after the output was written: {out} is complete; what was left to measure (the "
        "output's re-profile) was not"
    ]
    written = sqlite3.connect(out)
    try:
        counted = written.execute("SELECT count(*), sum(n) FROM t").fetchone()
    finally:
        written.close()
    assert counted == (20_000, 7 * 20_000 * 20_001 // 2)
    assert _leftovers(tmp_path) == []


def test_cli_clean_writes_the_files_and_reports(export: Path, tmp_path: Path) -> None:
    out, audit, quarantine = tmp_path / "c.db", tmp_path / "a.parquet", tmp_path / "q.parquet"
    plan = tmp_path / "plan.json"
    args = ["clean", str(export), "-o", str(out), "--audit", str(audit), "--quarantine", str(quarantine)]
    result = runner.invoke(app, [*args, "--save-plan", str(plan), "--no-reprofile"])
    assert result.exit_code == 2, result.output  # values were quarantined: done with warnings
    per_table = Counter(row["table"] for row in pq.read_table(quarantine).to_pylist())
    for table, count in per_table.items():
        assert f"warning: table {table!r}: {count:,} unfixable value(s) quarantined" in result.stdout
    assert f"wrote {out} in" in result.stdout
    assert "audit: " in result.stdout and "quarantine: " in result.stdout
    assert out.exists() and audit.exists() and quarantine.exists()
    assert json.loads(plan.read_text())["version"] == 1

    again = runner.invoke(app, args)
    assert again.exit_code == 1
    assert (
        again.stderr
        == f"error: file {out}: the output already exists (hint: pass --overwrite to replace it)\n"
    )

    as_json = runner.invoke(
        app,
        [
            "clean",
            str(export),
            "-o",
            str(tmp_path / "j.parquet"),
            "--plan",
            str(plan),
            "--column-names",
            "snake",
            "--json",
        ],
    )
    assert as_json.exit_code == 2, as_json.output
    data = json.loads(as_json.stdout)
    assert (data["outcome"], data["exit_code"], data["quarantined"]) == ("warn", 2, per_table.total())
    assert data["column_names"] == "snake" and data["output_format"] == "parquet"
    assert data["column_mapping"]["tickets"]["TKT-Created Time"] == "tkt_created_time"


def test_cli_clean_refuses_the_source_as_output(export: Path) -> None:
    result = runner.invoke(app, ["clean", str(export), "--output", str(export), "--overwrite"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: file {export}: the output is the source file "
        "(hint: choose another path: the source is never written)\n"
    )


def test_cli_clean_policy_fail_exits_1(export: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["clean", str(export), "-o", str(tmp_path / "f.db"), "--quarantine-policy", "fail"]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("error: table 'tickets', column ")
    assert "quarantine_policy is `fail`" in result.stderr
    assert not (tmp_path / "f.db").exists() and _leftovers(tmp_path) == []


def test_cli_clean_help() -> None:
    result = runner.invoke(app, ["clean", "--help"])
    assert result.exit_code == 0 and "--output" in result.stdout and "--overwrite" in result.stdout


def test_parquet_output_of_tables_with_long_names(make_sqlite: SqliteFactory, tmp_path: Path) -> None:
    # One file per table, named by the table: 250 characters (or 40 emoji, 480 once percent-encoded)
    # failed the clean (file name too long, exit 1).
    long, emoji = "t" * 250, "🎫" * 40
    path = make_sqlite(
        {
            long: (f'CREATE TABLE "{long}" (id INTEGER PRIMARY KEY, a TEXT)', [(1, "x")]),
            emoji: (f'CREATE TABLE "{emoji}" (id INTEGER PRIMARY KEY, a TEXT)', [(1, "y"), (2, "z")]),
        }
    )
    out = tmp_path / "clean.parquet"
    clean(path, output=out)
    tables = {pq.read_schema(f).metadata[b"table"].decode(): pq.read_table(f).num_rows for f in out.iterdir()}
    assert tables == {long: 1, emoji: 2}
    assert all(len(f.name.encode()) <= 255 for f in out.iterdir())


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (None, "no such plan file"),
        (b"\xff\xfe not text", "cannot read the plan file: not UTF-8 text"),
        (b"{not json", "the plan file is not JSON: "),
        (b"[1, 2]", "not a cleaning plan (no list of tables)"),
        (b'{"version": 1, "tables": [{"name": "t"}]}', "not a cleaning plan (KeyError: 'columns')"),
    ],
)
def test_cli_clean_a_bad_plan_file_is_a_usage_error_naming_it(
    content: bytes | None, said: str, export: Path, tmp_path: Path
) -> None:
    # Each was "error: FileNotFoundError: ..." / "UnicodeDecodeError: ..." (exit 1) without the file's name.
    plan = tmp_path / "plan.json"
    if content is not None:
        plan.write_bytes(content)
    output = tmp_path / "out.db"
    result = runner.invoke(app, ["clean", str(export), "-o", str(output), "--plan", str(plan)])
    assert (result.exit_code, result.stdout) == (64, ""), result.output
    line = result.stderr.splitlines()
    assert len(line) == 1 and line[0].startswith(f"error: file {plan}: {said}")
    assert line[0].endswith("(hint: give a plan written by clean --save-plan)")
    assert not output.exists()


#: Hand edits of a saved plan that no plan means, and what the refusal says (h90): a second column
#: named "a" failed the clean with Polars' DuplicateError (exit 1, no file, table or column named); a
#: text of null tokens was read as one token per character ("NULL": N, U, L), an unknown epoch unit as
#: milliseconds, a negative scale failed the write (exit 1), an empty output name was written.
BAD_EDITS = {
    "output_name_twice": (
        "b",
        {"output_name": "a"},
        "table 't', column 'b': two columns of the table are named 'a' in the plan",
    ),
    "output_name_empty": (
        "b",
        {"output_name": ""},
        "table 't', column 'b': an empty output_name in the plan",
    ),
    "null_tokens_text": ("a", {"null_tokens": "NULL"}, "column 'a': null_tokens must be a list of texts"),
    "formats_text": ("a", {"formats": "%Y-%m-%d"}, "column 'a': formats must be a list of texts"),
    "epoch_unit_unknown": (
        "b",
        {"type": "timestamp", "epoch_unit": "fortnights"},
        "column 'b': unknown epoch_unit 'fortnights' in the plan",
    ),
    "scale_negative": ("b", {"type": "numeric", "scale": -1}, "column 'b': scale must be a whole number"),
}


@pytest.mark.parametrize(("column", "edit", "said"), BAD_EDITS.values(), ids=BAD_EDITS.keys())
def test_cli_clean_a_plan_edited_into_nonsense_is_a_usage_error_naming_the_column(
    column: str, edit: dict[str, object], said: str, make_sqlite: SqliteFactory, tmp_path: Path
) -> None:
    export = make_sqlite(
        {"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER)", [(1, "x", 1), (2, "NULL", 2)])}
    )
    saved = columnar_etl.plan(export).to_dict()
    [table] = saved["tables"]
    next(c for c in table["columns"] if c["name"] == column).update(edit)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(saved))
    output = tmp_path / "out.parquet"
    result = runner.invoke(app, ["clean", str(export), "-o", str(output), "--plan", str(plan)])
    assert (result.exit_code, result.stdout) == (64, ""), result.output
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: file {plan}, {said}"), line
    assert not output.exists()


def test_cli_clean_a_save_plan_in_a_missing_directory_is_refused_before_the_output(
    export: Path, tmp_path: Path
) -> None:
    # The output was written, then the plan's write failed (exit 1, the output left behind).
    output = tmp_path / "out.db"
    result = runner.invoke(
        app, ["clean", str(export), "-o", str(output), "--save-plan", str(tmp_path / "nope" / "plan.json")]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: file {tmp_path / 'nope'}: the directory of --save-plan does not exist "
        "(hint: create it first)\n"
    )
    assert not output.exists()


def test_cli_clean_a_save_plan_naming_the_source_is_refused(
    make_sqlite: SqliteFactory, tmp_path: Path
) -> None:
    # `clean x.db -o out.db --save-plan x.db` replaced the export with the plan's JSON (exit 2).
    export = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", [(1, " a"), (2, "b")])})
    checksum = file_checksum(export)
    output = tmp_path / "out.db"
    result = runner.invoke(app, ["clean", str(export), "-o", str(output), "--save-plan", str(export)])
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"error: file {export}: --save-plan names the source file "
        "(hint: choose another path: the source is never written)\n"
    )
    assert file_checksum(export) == checksum and not output.exists()


def test_clean_alone_honours_the_circuit_breaker_as_run_and_load_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export the profile halts on is not cleaned either: exit 3, the circuit breaker's one line
    (its first reason, as `run` and `load` say it), no file written. The halt_* settings let it pass."""
    corrupt = tmp_path / "corrupt.db"
    generate_export(corrupt, scale=0.02, seed=3, dirt="corrupt")
    gate = json.loads(runner.invoke(app, ["profile", str(corrupt), "--json"]).stdout)["gate"]
    assert gate["status"] == "halt"
    reason = f"circuit breaker: {gate['reasons'][0]['message']}"
    output, audit = tmp_path / "clean.db", tmp_path / "audit.parquet"
    halted = runner.invoke(app, ["clean", str(corrupt), "-o", str(output), "--audit", str(audit)])
    assert halted.exit_code == 3, halted.output
    (line,) = halted.stderr.splitlines()
    assert line.startswith(f"error: file {corrupt}") and f": {reason} (hint: " in line
    assert not output.exists() and not audit.exists() and _leftovers(tmp_path) == []
    printed = json.loads(runner.invoke(app, ["clean", str(corrupt), "-o", str(output), "--json"]).stdout)
    error = printed["error"]
    assert (printed["outcome"], printed["exit_code"], error["error"], error["message"]) == (
        "halted",
        3,
        "ProfileHalt",
        reason,
    )
    # The override every command has: the breaker's thresholds.
    monkeypatch.setenv("COLUMNAR_ETL_HALT_QUALITY", "0")
    monkeypatch.setenv("COLUMNAR_ETL_HALT_TYPE_MISMATCH_SHARE", "1")
    monkeypatch.setenv("COLUMNAR_ETL_HALT_CORRUPT_DATE_SHARE", "1")
    passed = runner.invoke(app, ["clean", str(corrupt), "-o", str(output)])
    assert passed.exit_code in (0, 2), passed.output
    assert output.exists()


def test_clean_one_table_keeps_the_settings_of_the_others(make_sqlite: SqliteFactory, tmp_path: Path) -> None:
    # A mask (or any override) on a table not asked for was checked against a profile of the asked
    # table alone: "override names a table the export does not have", nothing cleaned.
    path = make_sqlite(
        {
            "people": (
                "CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT, city TEXT)",
                [(1, "a@x.org", "Oslo")],
            ),
            "visits": ("CREATE TABLE visits (id INTEGER PRIMARY KEY, day TEXT)", [(1, "2026-01-02")]),
        }
    )
    config = tmp_path / "settings.toml"
    config.write_text('[columns."people"."email"]\nmask = "drop"\n')
    for table, expected in (("visits", ["id", "day"]), ("people", ["id", "city"])):
        out = tmp_path / f"{table}_out.parquet"
        result = runner.invoke(
            app, ["--config", str(config), "clean", str(path), "--table", table, "-o", str(out)]
        )
        assert result.exit_code == 0, result.output
        assert pq.read_schema(out / f"{table}.parquet").names == expected  # the mask applies where it is
    # A table the export lacks is still named, whichever table is cleaned.
    config.write_text('[columns."peeple"."email"]\nmask = "drop"\n')
    out = tmp_path / "typo.parquet"
    result = runner.invoke(
        app, ["--config", str(config), "clean", str(path), "--table", "visits", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert "peeple" in result.output and "does not have" in result.output
    assert not out.exists()
