"""Gate 0 checks of the SQLite source: readable, not locked by a writer, structurally sound. Read-only."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

from columnar_etl.config import ColumnNames, Settings, memory_bytes
from columnar_etl.gates.check import Check, skipped, timed
from columnar_etl.pg.column_names import override_names
from columnar_etl.pg.identifiers import MAX_TABLE_COLUMNS, WIDE_TABLE_HINT
from columnar_etl.profiling.cell_sizes import refuse_large_cells_in
from columnar_etl.source.catalogue import count_tables
from columnar_etl.source.early import INTEGRITY, quick_check, taken
from columnar_etl.source.export import open_source
from columnar_etl.source.side_files import HOT_JOURNAL_HINT, export_bytes, journal_is_hot, side_file
from columnar_etl.source.sqlite_file import SQLITE_MAGIC

_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6

#: Seconds the write-lock probe waits for a lock held by someone else before calling the source locked.
#: Another probe (a second run of the same export started at the same moment) holds the lock for
#: microseconds; a writer's transaction that keeps it longer than this is reported.
LOCK_PROBE_WAIT = 0.5
#: ``max_cell_size`` when no settings say otherwise.
DEFAULT_MAX_CELL_SIZE: str = Settings.model_fields["max_cell_size"].default


def source_checks(
    source: Path,
    dropped: Mapping[str, Collection[str]] | None = None,
    column_names: ColumnNames = "export",
    max_cell_size: str = DEFAULT_MAX_CELL_SIZE,
) -> list[Check]:
    """``source_readable``, ``source_lock``, ``source_integrity``, ``source_cells`` (skipped when a
    precondition fails).

    ``dropped``: per table, the columns the settings leave out (``mask = "drop"``), which do not count
    against PostgreSQL's limit of columns per table; each named as the export wrote it or as the target
    shows it (``column_names``: a CSV import's ``\ufeffid`` is ``id``), as an override may name it.
    ``max_cell_size``: the setting :func:`check_cells` holds each cell against."""
    if not source.is_file():
        readable = timed("source_readable", lambda: _check_readable(source))
        return [readable, *(skipped(name, "no source file") for name in _AFTER_READABLE)]
    try:
        with open(source, "rb") as handle:
            header = handle.read(100)
    except OSError:
        header = b""
    if not header.startswith(SQLITE_MAGIC):
        readable = timed("source_readable", lambda: _check_readable(source))
        return [readable, *(skipped(name, "not a SQLite file") for name in _AFTER_READABLE)]
    lock = timed("source_lock", lambda: _check_lock(source, header))
    if lock.details.get("exclusive") or lock.value == "journal":
        # Even readers are blocked: reading now would wait for the writer (or time out) and prove nothing.
        # A hot journal: SQLite refuses a read-only reader the file until it is rolled back ("attempt to
        # write a readonly database"), which is no damage: the lock check alone says what it is.
        why = (
            "the source is locked exclusively by a writer"
            if lock.details.get("exclusive")
            else "a hot rollback journal is beside the source"
        )
        return [
            skipped("source_readable", why),
            lock,
            skipped("source_integrity", why),
            skipped("source_cells", why),
        ]
    # All only read; SQLite's quick_check and dbstat run beside DuckDB's attach and row counts (outside
    # the GIL). The cells' check opens the export with DuckDB only when a record of it may hold a cell
    # over the limit (a run's refusal, nearly always).
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="preflight-integrity") as pool:
        integrity = pool.submit(timed, "source_integrity", lambda: integrity_check(source))
        cells = pool.submit(timed, "source_cells", lambda: check_cells(source, max_cell_size))
        readable = timed("source_readable", lambda: _check_readable(source, dropped, column_names))
        if readable.status == "fail":
            integrity.cancel()
            cells.cancel()
            why = "the source is not readable"
            return [readable, lock, skipped("source_integrity", why), skipped("source_cells", why)]
        return [readable, lock, integrity.result(), cells.result()]


#: The source's checks after ``source_readable``, in report order.
_AFTER_READABLE = ("source_lock", "source_integrity", "source_cells")


def check_cells(source: Path, max_cell_size: str) -> Check:
    """``source_cells``: no cell of the export over ``max_cell_size`` (the setting), nor a cell or row
    over PostgreSQL's limits (:func:`~columnar_etl.profiling.cell_sizes.refuse_large_cells_in`), so
    that ``run`` refuses one before its backup, and its profile does not measure the same file again.
    An export no larger than ``max_cell_size`` is not read; else SQLite's ``dbstat`` reads each table's
    largest record from the pages' headers (0.03-0.04 s for the wide export of 91 MB, warm; started
    while the command line imports), and only a table holding one over the limit has its cells
    measured. The value is that largest record (bytes). A cell refused
    (:class:`~columnar_etl.errors.CellTooLarge`) is the check's failure, naming its table and column
    (:func:`~.check.timed`)."""
    most = memory_bytes(max_cell_size)
    largest = refuse_large_cells_in(source, max_cell_size)  # CellTooLarge: the failure (see timed)
    if largest is None:
        return Check(
            "source_cells",
            "pass",
            None,
            most,
            f"not read: the export ({export_bytes(source):,} bytes) is no larger than max_cell_size "
            f"({max_cell_size})",
            unit="bytes",
        )
    return Check(
        "source_cells",
        "pass",
        largest,
        most,
        f"no cell over max_cell_size ({max_cell_size}): the largest record is {largest:,} bytes",
        unit="bytes",
    )


def _check_readable(
    source: Path, dropped: Mapping[str, Collection[str]] | None = None, column_names: ColumnNames = "export"
) -> Check:
    dropped = dropped or {}

    with open_source(source) as src:

        def kept(table: str, names: list[str]) -> int:
            # As the plan resolves an override's names: a table or column read under another name
            # (`""`, `__clean_…`) is named by either.
            export = src.renamed.export_table(table)
            named = override_names(names, column_names, src.renamed.columns.get(export))
            masked = {*dropped.get(table, ()), *(dropped.get(export, ()) if export != table else ())}
            return len(set(names) - {named[name] for name in masked if name in named})

        widths = {name: kept(name, table.column_names) for name, table in src.tables.items()}
        too_wide = {name: width for name, width in widths.items() if width > MAX_TABLE_COLUMNS}
        if too_wide:
            name, width = max(too_wide.items(), key=lambda item: item[1])
            return Check(
                "source_readable",
                "fail",
                width,
                MAX_TABLE_COLUMNS,
                f"table {name!r} has {width:,} columns: a PostgreSQL table holds at most "
                f"{MAX_TABLE_COLUMNS:,}"
                + (f" ({len(too_wide)} tables have too many)" if len(too_wide) > 1 else ""),
                hint=WIDE_TABLE_HINT,
                unit="columns",
                details={"too_wide": too_wide},
            )
        rows = count_tables(src.read_path, list(src.tables.values()))
        read_without, read_as = src.dropped_for_reader, src.renamed.records()
        rebuilt = src.rebuilt_for_reader
        snapshot = src.read_as_snapshot
    size = source.stat().st_size
    how = "DuckDB attaches it read-only"
    # No warning for objects dropped from the copy: nothing of the data is left out (the profile's
    # notes say it again).
    without = f" without {', '.join(map(repr, read_without))}, in SQL its SQLite cannot parse"
    if snapshot:
        # DuckDB's SQLite never opens a WAL-mode export (see source.private_copy).
        how = (
            "in WAL mode: DuckDB reads a private snapshot copy of its file and -wal"
            f"{without if read_without else ''} (the export itself is unchanged)"
        )
    elif read_without:
        how = f"DuckDB reads a private copy{without} (the export itself is unchanged)"
    if rebuilt:
        one = len(rebuilt) == 1
        without = (
            f"{', '.join(map(repr, rebuilt))} {'is' if one else 'are'} rebuilt in byte order, without the "
            f"collating sequence of {'its' if one else 'their'} key that only the writing application has"
        )
        how = (
            f"{how}; there {without}"
            if read_without or snapshot
            else f"DuckDB reads a private copy in which {without} (the export itself is unchanged)"
        )
    if read_as:
        renames = ", ".join(
            f"{r['export_name']!r} as {r['table'] if r['column'] is None else r['column']!r}" for r in read_as
        )
        how += (
            f"; {len(read_as)} name{'s' if len(read_as) > 1 else ''} the readers cannot take read and loaded "
            f"under another, renamed in a private copy ({renames}; the export itself is unchanged)"
        )
    return Check(
        "source_readable",
        "pass",
        sum(rows.values()),
        None,
        f"{len(rows)} tables, {sum(rows.values()):,} rows, {size / 1e6:,.1f} MB; {how}",
        unit="rows",
        details={
            "tables": rows,
            "bytes": size,
            **({"dropped_for_reader": read_without} if read_without else {}),
            **({"renamed_for_reader": read_as} if read_as else {}),
            **({"rebuilt_for_reader": rebuilt} if rebuilt else {}),
        },
    )


def _check_lock(source: Path, header: bytes) -> Check:
    """Is a writer busy with the source? Decided without ever modifying it.

    - A hot ``-journal`` (not empty, its header not zeroed: :func:`~.side_files.journal_is_hot`) means a
      write transaction is open or was interrupted. We must not open the file read-write then: SQLite
      would roll the hot journal back into the source. A journal ``journal_mode=PERSIST`` leaves after
      its commits (header zeroed) is no writer (until 2026-12-03 every non-empty one refused the run).
      The side files are where SQLite keeps them: beside the file a symbolic link points to.
    - WAL mode (header byte 18 = 2): a read-write connection could checkpoint the WAL into the source on
      close, so we only look: a non-empty ``-wal`` file means a writer is active or left work unmerged.
    - Otherwise (rollback journal mode, no journal): ``BEGIN IMMEDIATE`` + ``ROLLBACK`` on a read-write
      connection. It takes and releases the RESERVED lock a writer would need and writes nothing (no page
      is changed, so no journal is even created); ``SQLITE_BUSY`` after ``LOCK_PROBE_WAIT`` seconds means
      another connection holds a write lock. The short wait lets two runs probe the same file at once:
      without it, one probe's lock made the other report a writer. A second, read-only probe tells an
      exclusive lock (readers blocked too) from a reserved one. When the file cannot be opened
      read-write (permissions), only the read-only probe runs, which sees exclusive locks only.
    """
    journal = side_file(source, "-journal")
    if journal_is_hot(source):
        return Check(
            "source_lock",
            "fail",
            "journal",
            "no writer",
            f"a hot rollback journal {journal.name} is beside the file: a write transaction is open, or "
            "its writer crashed (SQLite must roll it back before the file can be read)",
            hint=HOT_JOURNAL_HINT,
        )
    if header[18:19] == b"\x02":
        wal = side_file(source, "-wal")
        if wal.is_file() and wal.stat().st_size > 0:
            return Check(
                "source_lock",
                "warn",
                "wal",
                "no writer",
                f"WAL mode with {wal.stat().st_size:,} bytes in {wal.name}: a writer may be active, or its "
                "last changes are not merged into the file",
                hint="close the application writing the export (it merges the WAL), or take a backup first: "
                "the backup includes the WAL's committed changes",
            )
        return Check("source_lock", "pass", "free", "no writer", "WAL mode, no pending WAL content")
    uri = source.resolve().as_uri()
    writable, write_error = True, ""
    try:
        con = sqlite3.connect(f"{uri}?mode=rw", uri=True, timeout=LOCK_PROBE_WAIT, isolation_level=None)
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute("ROLLBACK")
        finally:
            con.close()
        return Check("source_lock", "pass", "free", "no writer", "no other connection holds a write lock")
    except sqlite3.OperationalError as exc:
        if (exc.sqlite_errorcode & 0xFF) not in (_SQLITE_BUSY, _SQLITE_LOCKED):
            writable = False  # read-only file or directory: we cannot take a write lock to test
        else:
            write_error = str(exc)
    exclusive = _readers_blocked(uri)
    if writable or exclusive:
        kind = "exclusively (readers are blocked too)" if exclusive else "for writing"
        return Check(
            "source_lock",
            "fail",
            "locked",
            "no writer",
            f"the source is locked {kind} by another connection "
            f"(SQLite: {write_error if writable else 'busy'})",
            hint="wait until the application writing the export has finished, then run again",
            details={"exclusive": exclusive},
        )
    return Check(
        "source_lock",
        "pass",
        "free",
        "no writer",
        "no exclusive lock (the file is not writable by this user, so a pending write lock cannot be seen)",
    )


def _readers_blocked(uri: str) -> bool:
    con = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=0)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return False
    except sqlite3.OperationalError as exc:
        return (exc.sqlite_errorcode & 0xFF) in (_SQLITE_BUSY, _SQLITE_LOCKED)
    finally:
        con.close()


def integrity_check(source: Path) -> Check:
    """``source_integrity``: SQLite's ``PRAGMA quick_check`` (read-only; at most five findings)."""
    try:
        # Started before the command line imported, when it could be (see source.early).
        messages = taken(INTEGRITY, source, partial(quick_check, source))
    except sqlite3.OperationalError as exc:
        if (exc.sqlite_errorcode & 0xFF) in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return skipped("source_integrity", f"the source is locked ({exc})")
        messages = [str(exc)]
    except sqlite3.DatabaseError as exc:
        messages = [str(exc)]
    if messages == ["ok"]:
        return Check("source_integrity", "pass", "ok", "ok", "PRAGMA quick_check: ok")
    # With a limit, SQLite packs several findings into one row, one per line, under a banner.
    messages = [
        line.strip()
        for message in messages
        for line in message.splitlines()
        if line.strip() and not line.startswith("***")
    ]
    return Check(
        "source_integrity",
        "fail",
        messages[0],
        "ok",
        f"PRAGMA quick_check found damage: {'; '.join(messages)}",
        hint="the export is corrupt: copy or export it again",
        details={"messages": messages},
    )
