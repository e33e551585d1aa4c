"""Writing cleaned batches to a NEW file: SQLite (``.db``/``.sqlite``) or a directory of Parquet files.

Safety rules, checked before any work: the output is never the source (compared after resolving
symlinks and relative paths, and by inode when both exist), an existing output is replaced only with
``overwrite``, and the directory must have room for it. Output is written under a temporary name in
the same directory and renamed into place at the end, so a failed, interrupted or killed run leaves
no partial output behind (at worst a hidden ``.<name>.<random>.tmp`` after a SIGKILL).

SQLite has no timestamp, date or boolean storage: those columns are declared ``TIMESTAMP`` / ``DATE``
/ ``BOOLEAN`` and hold ISO text and ``true``/``false`` (the text the profiler and PostgreSQL read).
Integers, doubles and bytes are bound as themselves: a double handed over as text came back a unit
off now and then (SQLite's text-to-double reading is not exact for all 17 digits). A ``-0.0`` is
stored as 0 all the same: a ``double`` column is declared ``REAL``, whose affinity writes a whole
double as an integer (the README names the exception). A ``numeric``
column is declared ``NUMERIC_TEXT`` (TEXT affinity) and keeps its decimal text: SQLite's NUMERIC
affinity would store ``12345678901234567890.5`` as a double, ``1.00000000000000001`` as the integer 1.
That text is at the column's scale, as PostgreSQL shows its ``numeric(p, s)`` and the Parquet output's
decimal holds it (an INTEGER cell 12 among 2-decimal amounts: ``12.00``): one value in every output,
the source's number; the source's own text (``12``) is no more kept than by PostgreSQL.
The rows are inserted by Python's ``sqlite3`` (``executemany``, one transaction per table) from each
cleaned Arrow batch; DuckDB's SQLite writer binds typed values only by typing every column its own
way (``BOOLEAN`` as an integer: ``true`` failed; ``NUMERIC`` as a double; ``TIMESTAMPTZ`` without its
offset), and as text it cannot write a BLOB.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import resource
import secrets
import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Literal
from urllib.parse import quote

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from columnar_etl.atomic import fsync_file, same_file
from columnar_etl.cleaning.expressions import canonical_text
from columnar_etl.errors import NO_ROOM, CleanError, no_room_hint
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.planning.plan import ColumnPlan, TablePlan
from columnar_etl.source.cells import frame_name, framed

OutputFormat = Literal["sqlite", "parquet"]
SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
#: Writing stops when the output's file system has less than this left (the rest is for everyone else).
FREE_SPACE_RESERVE = 32 << 20
#: The files SQLite keeps beside a database it writes: its rollback journal; in WAL mode, its log and index.
SQLITE_BESIDE = ("-journal", "-wal", "-shm")
SQLITE_TYPES = {
    "timestamp": "TIMESTAMP",
    "timestamptz": "TIMESTAMPTZ",
    "date": "DATE",
    "time": "TIME",
    "integer": "INTEGER",
    "numeric": "NUMERIC_TEXT",
    "double": "REAL",
    "boolean": "BOOLEAN",
    "text": "TEXT",
    "bytea": "BLOB",
}


def output_format(path: Path) -> OutputFormat:
    """``sqlite`` for ``.db``/``.sqlite``/``.sqlite3``, ``parquet`` for ``.parquet`` (a directory)."""
    suffix = path.suffix.lower()
    if suffix in SQLITE_SUFFIXES:
        return "sqlite"
    if suffix == ".parquet":
        return "parquet"
    raise CleanError(
        "unknown output kind",
        path=path,
        hint="name the output x.db / x.sqlite (SQLite) or x.parquet (Parquet)",
    )


def free_bytes(directory: Path) -> int:
    """Free bytes on the file system holding ``directory`` (patched by tests to simulate a full disk)."""
    return shutil.disk_usage(directory).free


def check_output(source: Path, output: Path, *, overwrite: bool, needed: int, what: str = "output") -> None:
    """Refuse an ``output`` that is the source, exists (without ``overwrite``), or has no room."""
    if same_file(source, output):
        raise CleanError(
            f"the {what} is the source file",
            path=output,
            hint="choose another path: the source is never written",
        )
    if output.exists() and not overwrite:
        raise CleanError(f"the {what} already exists", path=output, hint="pass --overwrite to replace it")
    directory = output.parent
    if not directory.is_dir():
        raise CleanError(f"the {what} directory does not exist", path=directory, hint="create it first")
    # Probed by creating a file, not by os.access: root passes access checks on read-only mounts.
    temp_path(output).unlink()
    check_space(directory, needed)


def check_space(directory: Path, needed: int) -> None:
    """:class:`CleanError` when ``directory``'s file system has less than ``needed`` bytes to spare."""
    free = free_bytes(directory)
    if free - FREE_SPACE_RESERVE < needed:
        raise CleanError(
            f"not enough free disk space: {_mb(needed + FREE_SPACE_RESERVE)} needed, {_mb(free)} free",
            path=directory,
            hint="free some space or write the output elsewhere",
        )


def _mb(n: int) -> str:
    return f"{n / (1 << 20):,.1f} MiB"


def temp_path(final: Path, *, directory: bool = False) -> Path:
    """A new hidden name beside ``final``, created (so no one else takes it) as a file or directory."""
    while True:
        tmp = final.with_name(f".{final.name}.{secrets.token_hex(6)}.tmp")
        try:
            if directory:
                tmp.mkdir()
            else:
                os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        except OSError as exc:
            raise CleanError(
                f"cannot write in the directory: {exc.strerror or exc}",
                path=final.parent,
                hint="choose a writable directory",
            ) from exc
        return tmp


#: The hint of an output the file system has no room for, as :func:`~columnar_etl.errors.file_not_written`'s.
NO_ROOM_HINT = no_room_hint("it", "write the output to another directory")


def disk_error(exc: BaseException, path: Path, written: Iterable[Path] = ()) -> CleanError:
    """The CleanError for a write that failed (disk full gets its own words; a write refused for room
    otherwise, :func:`_no_room`, says so, ``written``: the files the write may have been to)."""
    text = str(exc).lower()
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "full" in text or "no space" in text:
        return CleanError("disk full while writing the output", path=path, hint="free some space")
    refused = _no_room(exc, written)
    if refused is not None:
        return CleanError(f"cannot write the output: {os.strerror(refused)}", path=path, hint=NO_ROOM_HINT)
    return CleanError(f"cannot write the output: {exc}", path=path)


def _no_room(exc: BaseException, written: Iterable[Path]) -> int | None:
    """The errno of a write refused for room (:data:`~columnar_etl.errors.NO_ROOM`; a full disk is
    :func:`disk_error`'s own words before it), else None.

    SQLite keeps the errno to itself: a write it could not make is SQLITE_IOERR_WRITE ("disk I/O
    error") whatever refused it. One of its files grown to the process's file size limit (``ulimit
    -f``: the kernel writes up to it, then refuses the rest) is the evidence of EFBIG."""
    if isinstance(exc, OSError):
        return exc.errno if exc.errno in NO_ROOM else None
    if getattr(exc, "sqlite_errorname", None) != "SQLITE_IOERR_WRITE":
        return None
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    if limit == resource.RLIM_INFINITY:
        return None
    for file in written:
        with contextlib.suppress(OSError):
            if file.stat().st_size >= limit:
                return errno.EFBIG
    return None


class OutputWriter:
    """Cleaned tables into a temporary file or directory, moved to ``path`` by :meth:`commit`."""

    format: OutputFormat

    def __init__(self, path: Path, *, overwrite: bool) -> None:
        self.path = path
        self.overwrite = overwrite
        self.tmp = temp_path(path, directory=self.format == "parquet")

    def create(self, plans: list[TablePlan], keys: dict[str, list[str]]) -> None:
        """Prepare every table before any is written (``keys``: each table's key, output names)."""

    def write_table(self, plan: TablePlan, schema: pa.Schema, batches: Iterable[pa.RecordBatch]) -> int:
        """Write one table's batches; returns the rows written."""
        raise NotImplementedError

    def check_space(self) -> None:
        """Stop before the disk is full (checked after every batch)."""
        check_space(self.path.parent, 0)

    def finish(self) -> None:
        """Close what is open and flush it to disk (before :meth:`commit`)."""

    def commit(self) -> None:
        """Move the finished output to ``path`` (replacing an old one only with ``overwrite``)."""
        self.finish()
        if self.path.exists() and not self.overwrite:
            raise CleanError("the output appeared while cleaning", path=self.path, hint="pass --overwrite")
        if self.tmp.is_dir() and self.path.exists():
            # A directory cannot be replaced in one rename: move the old one aside first.
            old = temp_path(self.path, directory=False)
            old.unlink()
            os.replace(self.path, old)
            os.replace(self.tmp, self.path)
            _remove(old)
        else:
            os.replace(self.tmp, self.path)
        _fsync_dir(self.path.parent)

    def abort(self) -> None:
        """Remove the temporary output; ``path`` is left as it was."""
        _remove(self.tmp)

    @property
    def in_place(self) -> bool:
        """Whether :meth:`commit` moved the output to ``path``: its temporary name is gone (told by the
        file system, so also when an interrupt landed between the rename and the end of the commit)."""
        return not os.path.lexists(self.tmp)


class SqliteWriter(OutputWriter):
    """A new SQLite file with declared types; rows inserted by ``sqlite3`` from each cleaned batch."""

    format: OutputFormat = "sqlite"

    def __init__(self, path: Path, *, overwrite: bool) -> None:
        self._con: sqlite3.Connection | None = None
        super().__init__(path, overwrite=overwrite)

    def _connection(self) -> sqlite3.Connection:
        if self._con is None:
            self._con = sqlite3.connect(self.tmp)
        return self._con

    def write_table(self, plan: TablePlan, schema: pa.Schema, batches: Iterable[pa.RecordBatch]) -> int:
        """Insert every batch into the table made by :meth:`create`, with ``sqlite3``: integers, doubles
        and bytes bound as themselves (a double exactly: SQLite's own reading of a double's text can be a
        unit off), everything else as its canonical text, which the column's affinity reads."""
        marks = ", ".join("?" for _ in plan.columns)
        insert = f"INSERT INTO {quote_ident(plan.name)} VALUES ({marks})"
        rows = 0
        try:
            con = self._connection()
            for batch in batches:
                values = [column.to_pylist() for column in _sqlite_batch(plan, batch).columns]
                con.executemany(insert, zip(*values, strict=True))
                rows += batch.num_rows
                self.check_space()
            con.commit()
        except sqlite3.Error as exc:
            raise disk_error(exc, self.path, self._files()) from exc
        return rows

    def _files(self) -> list[Path]:
        """The temporary file and the files SQLite keeps beside it while it writes (its journals)."""
        return [self.tmp, *(self.tmp.with_name(self.tmp.name + end) for end in SQLITE_BESIDE)]

    def create(self, plans: list[TablePlan], keys: dict[str, list[str]]) -> None:
        """Create every table with SQLite's own DDL, so the declared types are exactly these words."""
        statements = []
        for plan in plans:
            key = keys.get(plan.name, [])
            columns = []
            for column in plan.columns:
                declared = SQLITE_TYPES[column.type]
                # A single integer key stays the rowid alias, as in the export.
                if key == [column.output_name] and column.type == "integer":
                    declared = "INTEGER PRIMARY KEY"
                columns.append(f"{quote_ident(column.output_name)} {declared}")
            statements.append(f"CREATE TABLE {quote_ident(plan.name)} ({', '.join(columns)})")
        try:
            con = sqlite3.connect(self.tmp)
            try:
                for statement in statements:
                    con.execute(statement)
                con.commit()
            finally:
                con.close()
        except sqlite3.Error as exc:
            raise disk_error(exc, self.path, self._files()) from exc

    def finish(self) -> None:
        """Close the file and flush it to disk."""
        if self._con is not None:
            self._con.close()
            self._con = None
        fsync_file(self.tmp)

    def abort(self) -> None:
        """Close and remove the temporary file."""
        if self._con is not None:
            with contextlib.suppress(sqlite3.Error):  # the file is removed next
                self._con.close()
            self._con = None
        super().abort()
        # A write that failed left its rollback journal hot (SQLite could not roll back): it goes too.
        for beside in self._files()[1:]:
            beside.unlink(missing_ok=True)


#: The longest file name written for a table, in bytes, before ``.parquet`` (file systems allow 255).
MAX_FILE_STEM_BYTES = 200


def _sqlite_batch(plan: TablePlan, batch: pa.RecordBatch) -> pa.Table:
    """``batch`` as the SQLite output writes it (:func:`_sqlite_value` of every column)."""
    frame = pl.from_arrow(framed(batch))
    assert isinstance(frame, pl.DataFrame)
    return frame.select(_sqlite_value(pl.col(frame_name(c.output_name)), c) for c in plan.columns).to_arrow()


def _sqlite_value(value: pl.Expr, column: ColumnPlan) -> pl.Expr:
    """``value`` as the SQLite output binds it: integers, doubles (±Infinity too) and bytes as they
    are, anything else as its canonical text, which the column's affinity reads (a numeric's text stays
    text: ``NUMERIC_TEXT``)."""
    if column.type in ("bytea", "integer", "double"):
        return value.alias(column.output_name)
    return canonical_text(value, column).alias(column.output_name)


def parquet_file_name(table: str) -> str:
    """``<table>.parquet``, the table's name percent-encoded; one longer than
    :data:`MAX_FILE_STEM_BYTES` is cut and given 8 hex digits of its sha256 (the name itself is in the
    file's metadata, ``table``)."""
    stem = quote(table, safe="")
    if len(stem) > MAX_FILE_STEM_BYTES:
        stem = f"{stem[: MAX_FILE_STEM_BYTES - 9]}_{hashlib.sha256(table.encode()).hexdigest()[:8]}"
    return f"{stem}.parquet"


class ParquetWriter(OutputWriter):
    """A new directory holding one ``<table>.parquet`` per table (:func:`parquet_file_name`)."""

    format: OutputFormat = "parquet"

    def write_table(self, plan: TablePlan, schema: pa.Schema, batches: Iterable[pa.RecordBatch]) -> int:
        """Write the table's batches as row groups of one Parquet file."""
        target = self.tmp / parquet_file_name(plan.name)
        schema = schema.with_metadata({**(schema.metadata or {}), b"table": plan.name.encode()})
        rows = 0
        try:
            with pq.ParquetWriter(target, schema, compression="zstd") as writer:
                for batch in batches:
                    writer.write_batch(batch)
                    rows += batch.num_rows
                    self.check_space()
            fsync_file(target)
        except OSError as exc:
            raise disk_error(exc, self.path) from exc
        return rows


def open_writer(path: Path, *, overwrite: bool) -> OutputWriter:
    """The writer for ``path``'s format (see :func:`output_format`)."""
    if output_format(path) == "sqlite":
        return SqliteWriter(path, overwrite=overwrite)
    return ParquetWriter(path, overwrite=overwrite)


def _fsync_dir(path: Path) -> None:
    # Some file systems cannot fsync a directory; the rename itself is atomic either way.
    with contextlib.suppress(OSError):
        fsync_file(path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
