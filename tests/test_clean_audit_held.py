"""An audit held for the result (no audit file asked for) and the quarantine are kept in temporary
files without a name, memory-mapped for ``CleanResult``: the same rows as the audit held in memory,
none of them in the process's Arrow memory, no file left however the clean ends."""

from __future__ import annotations

import gc
import os
import resource
import signal
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from columnar_etl import clean
from columnar_etl.cleaning import audit, clean_stream
from columnar_etl.cleaning.audit import AUDIT_SCHEMA
from columnar_etl.config import Settings
from columnar_etl.errors import CleanError
from columnar_etl.pipeline.steps import plan_step, profile_step
from tests.conftest import SqliteFactory

ROWS = 6_000
HITS = 1_000


def _rows() -> list[tuple[Any, ...]]:
    rows = []
    for i in range(1, ROWS + 1):
        day = f"{1 + i % 28:02d}/{1 + i % 12:02d}/{2000 + i % 25}"
        if i % 97 == 0:
            day = "n/a"
        elif i % 101 == 0:
            day = "31/02/2024"  # no such day: quarantined
        amount = "" if i % 7 == 0 else f"{i},{i % 100:02d}"
        note = f"  note {i} " if i % 3 == 0 else f"note {i}"
        flag = "Yes" if i % 2 else "No"
        rows.append((i, day, amount, note, flag))
    return rows


def _export(make_sqlite: SqliteFactory) -> Path:
    """Thousands of changed cells of several rules in ``t``, and exact copies in ``hits`` (no key)."""
    # Every tenth row a copy of the row before it.
    hits = [(a, f"v{a}") for a in (i - 1 if i % 10 == 0 else i for i in range(1, HITS + 1))]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, day DATE, amount TEXT, note TEXT, flag TEXT)"
    return make_sqlite({"t": (ddl, _rows()), "hits": ("CREATE TABLE hits (a INTEGER, b TEXT)", hits)})


def _expected_rules() -> Counter[str]:
    """The audit's rows per rule, counted from the rows written (the documented rules)."""
    rows = _rows()
    return Counter(
        {
            "date_format:%d/%m/%Y": sum(r[1] not in ("n/a", "31/02/2024") for r in rows),
            "null_like_to_null": sum(r[1] == "n/a" for r in rows),
            "impossible_date": sum(r[1] == "31/02/2024" for r in rows),
            "comma_decimal": sum(r[2] != "" for r in rows),
            "empty_to_null": sum(r[2] == "" for r in rows),
            "trim": sum(r[3] != r[3].strip() for r in rows),
            "boolean:Yes": sum(r[4] == "Yes" for r in rows),
            "boolean:No": sum(r[4] == "No" for r in rows),
            "duplicate_row": HITS // 10,
        }
    )


def test_the_held_audit_equals_the_audit_held_in_memory_and_the_one_streamed_to_a_file(
    make_sqlite: SqliteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = _export(make_sqlite)
    sinks: list[audit.LogSink] = []
    written: list[tuple[audit.LogSink, pl.DataFrame]] = []
    made, real = audit.LogSink.__init__, audit.LogSink.write

    def init(self: audit.LogSink, *args: Any, **kwargs: Any) -> None:
        made(self, *args, **kwargs)
        sinks.append(self)  # the stream's audit first, then its quarantine

    def spy(self: audit.LogSink, rows: pl.DataFrame) -> None:
        written.append((self, rows))
        real(self, rows)

    monkeypatch.setattr(audit.LogSink, "__init__", init)
    monkeypatch.setattr(audit.LogSink, "write", spy)
    held = clean(export, output=tmp_path / "held.parquet")
    monkeypatch.undo()
    assert len(sinks) == 2
    streamed = clean(export, output=tmp_path / "streamed.parquet", audit=tmp_path / "audit.parquet")
    assert held.audit is not None and streamed.audit is None
    # What the audit held in memory was: every row written, in order, as one table.
    frames = [frame.to_arrow().cast(AUDIT_SCHEMA) for sink, frame in written if sink is sinks[0]]
    in_memory = pa.concat_tables([AUDIT_SCHEMA.empty_table(), *frames]).combine_chunks()
    assert in_memory.num_rows == held.audit_rows == held.audit.num_rows == streamed.audit_rows
    assert held.audit.num_rows > 15_000
    assert held.audit.equals(in_memory)
    assert held.audit.equals(pq.read_table(tmp_path / "audit.parquet"))
    assert held.quarantine.num_rows == ROWS // 101 - ROWS // (97 * 101)
    assert held.quarantine.equals(streamed.quarantine)
    quarantined = [frame.to_arrow().cast(AUDIT_SCHEMA) for sink, frame in written if sink is sinks[1]]
    assert held.quarantine.equals(pa.concat_tables(quarantined).combine_chunks())
    rules = Counter(held.audit.column("rule").to_pylist())
    assert rules == _expected_rules()
    assert held.audit.schema == AUDIT_SCHEMA


def test_a_held_audit_takes_none_of_arrows_memory(make_sqlite: SqliteFactory, tmp_path: Path) -> None:
    """Held in memory, the audit's rows were in Arrow's pool for as long as the result lived (at 10x
    the wide export, 1.5M rows: 623-631 MB peak); mapped from a file, they are the file's pages."""
    export = _export(make_sqlite)
    gc.collect()
    before = pa.total_allocated_bytes()
    result = clean(export, output=tmp_path / "out.parquet")
    gc.collect()
    assert result.audit is not None and result.audit.nbytes > 500_000
    assert pa.total_allocated_bytes() - before < result.audit.nbytes // 10
    assert Counter(result.audit.column("rule").to_pylist()) == _expected_rules()


def _open_in(directory: Path) -> tuple[list[str], list[str]]:
    """The process's descriptors and memory maps of files in ``directory`` (Linux's /proc)."""
    fds = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = str(fd.readlink())
        except OSError:  # the descriptor of the listing itself, closed since
            continue
        if target.startswith(f"{directory}/"):
            fds.append(target)
    maps = [line for line in Path("/proc/self/maps").read_text().splitlines() if f" {directory}/" in line]
    return fds, maps


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self")


def _settings() -> Settings:
    # No copies listed, no quartiles: nothing else of the clean writes to the temporary directory.
    return Settings(duplicates="keep", outlier_iqr_factor=0)


def _planned_with_tmpdir(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch, tmpdir: Path, *, make: bool = True
) -> tuple[Path, Any, Settings]:
    """The export, its plan and settings, with ``tmpdir`` as the temporary directory (what TMPDIR sets;
    made unless ``make`` is false)."""
    export = _export(make_sqlite)
    settings = _settings()
    planned = plan_step(profile_step(export, settings), settings)
    if make:
        tmpdir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmpdir))
    return export, planned.plan, settings


@linux_only
def test_held_rows_live_in_a_nameless_file_in_tmpdir_gone_with_the_result(
    make_sqlite: SqliteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spill = tmp_path / "tmpdir"
    export, plan, settings = _planned_with_tmpdir(make_sqlite, monkeypatch, spill)
    with clean_stream(export, plan, settings=settings) as stream:
        for _ in stream.batches("t"):
            pass
        fds, _ = _open_in(spill)
        assert len(fds) == 2  # the audit's and the quarantine's
        assert list(spill.iterdir()) == []  # no name: nothing to remove, however the process ends
        result = stream.result()
    fds, maps = _open_in(spill)
    assert len(fds) == len(maps) == 2  # the result's tables are the maps of the files (each its own)
    assert result.audit is not None and result.audit.num_rows == sum(_expected_rules().values()) - HITS // 10
    del result
    gc.collect()
    assert _open_in(spill) == ([], [])
    assert list(spill.iterdir()) == []


@linux_only
def test_an_interrupted_clean_leaves_no_held_file_open(
    make_sqlite: SqliteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spill = tmp_path / "tmpdir"
    export, plan, settings = _planned_with_tmpdir(make_sqlite, monkeypatch, spill)
    with pytest.raises(KeyboardInterrupt), clean_stream(export, plan, settings=settings) as stream:
        for _ in stream.batches("t"):
            assert len(_open_in(spill)[0]) == 2
            raise KeyboardInterrupt
    assert _open_in(spill) == ([], [])
    assert list(spill.iterdir()) == []


def test_a_temporary_directory_that_cannot_hold_the_rows_is_one_error_naming_it(
    make_sqlite: SqliteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "no such directory"
    export, plan, settings = _planned_with_tmpdir(make_sqlite, monkeypatch, missing, make=False)
    with pytest.raises(CleanError) as raised, clean_stream(export, plan, settings=settings) as stream:
        for _ in stream.batches("t"):
            pass
    error = raised.value
    assert error.path == str(missing)
    assert error.message.startswith("cannot keep the audit or quarantine rows in a temporary file: ")
    assert error.hint is not None and "TMPDIR" in error.hint and "--audit" in error.hint


def _rows_frame(n: int) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "table": ["t"] * n,
            "row_key": [str(i) for i in range(n)],
            "column": ["c"] * n,
            "raw_value": [f" {i} " for i in range(n)],
            "new_value": [str(i) for i in range(n)],
            "rule": ["trim"] * n,
        }
    )


@linux_only
def test_rows_held_beside_a_file_are_held_in_its_directory(tmp_path: Path) -> None:
    """The quarantine of a run (streamed to its file and held for the report): held in the run's
    directory, without a name there either."""
    sink = audit.LogSink(tmp_path / "quarantine.parquet", hold=True)
    sink.write(_rows_frame(3))
    sink.write(_rows_frame(2))
    assert len(_open_in(tmp_path)[0]) == 2  # the Parquet file's temporary name, and the held rows
    sink.commit()
    held = sink.table()
    sink.abort()  # as the stream closes
    assert held is not None
    assert held.equals(pq.read_table(tmp_path / "quarantine.parquet"))
    assert held.column("row_key").to_pylist() == ["0", "1", "2", "0", "1"]
    assert [p.name for p in tmp_path.iterdir()] == ["quarantine.parquet"]
    del held
    gc.collect()
    assert _open_in(tmp_path) == ([], [])


def test_every_write_after_the_temporary_file_failed_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "gone"))
    sink = audit.LogSink(None)
    for _ in range(2):  # a table cleaned beside the one that failed: the same error, not another
        with pytest.raises(CleanError, match="cannot keep the audit or quarantine rows in a temporary file"):
            sink.write(_rows_frame(1))
    sink.abort()
    assert not (tmp_path / "gone").exists()


@linux_only
def test_held_rows_whose_last_bytes_the_file_system_refuses_are_one_error_naming_the_directory(
    tmp_path: Path,
) -> None:
    # The held file's last bytes (the IPC footer, Python's buffer) are written as the rows are read back,
    # not by a write: at a file size limit (real: RLIMIT_FSIZE, SIGXFSZ ignored) set at the bytes written
    # so far, as on a disk that filled meanwhile. Was "OSError: [Errno 27] File too large", hint "run
    # again with --debug".
    sink = audit.LogSink(tmp_path / "quarantine.parquet", hold=True)
    sink.write(_rows_frame(50))
    sink.commit()
    file = sink._held._file if sink._held is not None else None  # the held rows' file (no name)
    assert file is not None
    limit = os.fstat(file.fileno()).st_size
    before_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    before_signal = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, before_limit[1]))
    try:
        with pytest.raises(CleanError) as raised:
            sink.table()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, before_limit)
        signal.signal(signal.SIGXFSZ, before_signal)
    sink.abort()
    assert (raised.value.message, raised.value.path) == (
        "cannot keep the audit or quarantine rows in a temporary file: File too large",
        str(tmp_path),
    )
    assert [p.name for p in tmp_path.iterdir()] == ["quarantine.parquet"]
