"""The audit trail (every changed cell) and the quarantine (every unfixable value), as Arrow/Parquet.

Both have the same columns: ``table``, ``row_key`` (the row's key as the target shows it, see
``TableCleaner._key_part``; a REAL key cell as its shortest digits, :func:`float8_text` in a
``double precision`` key), ``column`` (as exported),
``raw_value`` (the export's text, NUL bytes shown as ``\\0``), ``new_value`` (the cleaned value as text,
NULL when cleaning made it NULL) and ``rule`` (audit: what was done, e.g. ``trim,boolean:Yes``;
quarantine: why the value could not be fixed, e.g. ``impossible_date``). Rows are built per batch
with one Polars filter per column that changed; nothing loops over rows.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import secrets
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import IO

import polars as pl
import pyarrow as pa
import pyarrow.ipc
import pyarrow.parquet as pq

from columnar_etl.atomic import fsync_file
from columnar_etl.cleaning.expressions import Change, ColumnExprs, canonical_text
from columnar_etl.errors import CleanError
from columnar_etl.rules import NUL
from columnar_etl.source.cells import HELPER_PREFIX

AUDIT_SCHEMA = pa.schema(
    [
        pa.field("table", pa.string()),
        pa.field("row_key", pa.string()),
        pa.field("column", pa.string()),
        pa.field("raw_value", pa.string()),
        pa.field("new_value", pa.string()),
        pa.field("rule", pa.string()),
    ]
)
ROW_KEY = f"{HELPER_PREFIX}row_key"
#: The audit's columns written dictionary-encoded: those of a few values each (names and rules). Row keys
#: and values are mostly distinct: a dictionary of them is built to be dropped (and zstd finds their
#: repeats anyway). 2.16M audit rows of dates and comma decimals: 0.76 -> 0.55 s of CPU, 22 -> 17 MB.
DICTIONARY_COLUMNS = ["table", "column", "rule"]


def changed_rows(
    frame: pl.DataFrame, table: str, column: ColumnExprs, *, quarantine_only: bool = False
) -> pl.DataFrame:
    """The audit rows (or, with ``quarantine_only``, the quarantine rows) of one column of a batch."""
    return changed_rows_lazy(frame, table, column, quarantine_only=quarantine_only).collect()


def changed_rows_of(
    frame: pl.DataFrame, table: str, columns: Sequence[ColumnExprs], *, quarantine_only: bool = False
) -> pl.DataFrame:
    """:func:`changed_rows` of several columns of a batch, column after column, from one Polars query."""
    lazy = [changed_rows_lazy(frame, table, c, quarantine_only=quarantine_only) for c in columns]
    if not lazy:
        return pl.DataFrame(schema=dict.fromkeys(AUDIT_SCHEMA.names, pl.String))
    return pl.concat(lazy, how="vertical_relaxed").collect()


def changed_rows_lazy(
    frame: pl.DataFrame, table: str, column: ColumnExprs, *, quarantine_only: bool = False
) -> pl.LazyFrame:
    """:func:`changed_rows`, not collected yet.

    The query reads a frame of the column's own helper columns, taken from ``frame`` without a query
    (the same Series): a query over ``frame`` itself costs in proportion to its width, paid per changed
    column and batch, and ``frame`` holds four columns per column of the table (a 500-column export of
    20,000 rows: its audit took 22 % of its cleaning's CPU, most of it in planning)."""
    wanted = column.has(Change.QUARANTINE) if quarantine_only else pl.col(column.k) != 0
    extra = [column.raw_hex] if column.read.with_hex else []
    if column.read_by_formats:  # the format each date was read by: its rule
        extra.append(column.f)
    if column.read.with_class:  # the reason of a REAL cell is its own (see ColumnExprs.reason)
        extra.append(column.storage_class)
    own = pl.DataFrame(
        [frame.get_column(name) for name in (ROW_KEY, column.raw, column.t, column.v, column.k, *extra)]
    )
    rows = own.lazy().filter(wanted)
    return rows.select(
        pl.lit(table).alias("table"),
        pl.col(ROW_KEY).alias("row_key"),
        pl.lit(column.plan.name).alias("column"),
        raw_text(column).alias("raw_value"),
        canonical_text(pl.col(column.v), column.plan).alias("new_value"),
        (column.reason() if quarantine_only else column.rule()).alias("rule"),
    )


#: Zeros to pad a double's digits with (:func:`float8_text`): a finite double's decimal exponent is
#: at most 308, and fixed notation is used only up to 14.
_ZEROS = "0" * 32


def float8_text(value: pl.Expr) -> pl.Expr:
    """A Float64 ``value`` as PostgreSQL's ``float8`` output writes it (``extra_float_digits`` 1, the
    default since PostgreSQL 12): its shortest digits that read back as the same double, in fixed
    notation for a decimal exponent from -4 to 14 (``3``, ``0.0001``, ``100000000000000``) and in
    exponent form otherwise, a sign and at least two exponent digits (``1e+15``, ``1.5e-07``);
    ``-0``, ``Infinity``, ``-Infinity``, ``NaN``. Polars prints the same shortest digits its own way
    (``3.0``, ``0.00001``, ``1.5e-7``): they are rewritten, whole-column string work.
    """
    shortest = value.abs().cast(pl.String)  # ``1.5e-7``, ``0.00001``, ``1000000000000000.0``
    exponent_form = shortest.str.contains("e", literal=True)
    mantissa = shortest.str.split_exact("e", 1).struct.field("field_0")
    stated = shortest.str.split_exact("e", 1).struct.field("field_1").cast(pl.Int32, strict=False)
    whole = mantissa.str.split_exact(".", 1).struct.field("field_0")
    fraction = mantissa.str.split_exact(".", 1).struct.field("field_1").fill_null("")
    joined = pl.concat_str([whole, fraction])
    digits = joined.str.strip_chars_start("0").str.strip_chars_end("0")
    # The decimal exponent of the first significant digit: stated, or from where the digits start.
    leading = (fraction.str.len_chars() - fraction.str.strip_chars_start("0").str.len_chars()).cast(pl.Int32)
    before_point = whole.str.len_chars().cast(pl.Int32)
    fixed_exponent = pl.when(whole != "0").then(before_point - 1).otherwise(-leading - 1)
    exponent = pl.when(exponent_form).then(stated).otherwise(fixed_exponent)
    count = digits.str.len_chars().cast(pl.Int32)
    point = exponent + 1  # digits before the point, in fixed notation
    integral = pl.concat_str([digits, pl.lit(_ZEROS).str.slice(0, (point - count).clip(lower_bound=0))])
    # Every branch is computed for every row, so a length is clipped where its branch is not taken:
    # polars 2.2 refuses a negative length (2.1 took it).
    with_point = pl.concat_str(
        [digits.str.slice(0, point.clip(lower_bound=0)), pl.lit("."), digits.str.slice(point)]
    )
    small = pl.concat_str([pl.lit("0."), pl.lit(_ZEROS).str.slice(0, (-point).clip(lower_bound=0)), digits])
    fixed = pl.when(exponent < 0).then(small).when(count <= point).then(integral).otherwise(with_point)
    scientific = pl.concat_str(
        [
            digits.str.slice(0, 1),
            pl.when(count > 1).then(pl.concat_str([pl.lit("."), digits.str.slice(1)])).otherwise(pl.lit("")),
            pl.when(exponent < 0).then(pl.lit("e-")).otherwise(pl.lit("e+")),
            exponent.abs().cast(pl.String).str.zfill(2),
        ]
    )
    magnitude = pl.when((exponent >= -4) & (exponent < 15)).then(fixed).otherwise(scientific)
    negative = value.cast(pl.String).str.starts_with("-")  # -0.0 too
    sign = pl.when(negative).then(pl.lit("-")).otherwise(pl.lit(""))
    return (
        pl.when(value.is_nan())
        .then(pl.lit("NaN"))
        .when(value.is_infinite())
        .then(pl.concat_str([sign, pl.lit("Infinity")]))
        .when(value == 0)
        .then(pl.concat_str([sign, pl.lit("0")]))
        .otherwise(pl.concat_str([sign, magnitude]))
    )


def raw_text(column: ColumnExprs) -> pl.Expr:
    """A changed cell's source value as the audit shows it: NUL bytes as ``\\0``; TEXT that was not
    valid UTF-8 as ``hex:`` and its raw bytes, as is a bytea column's changed TEXT cell (stored as its
    bytes; a BLOB is never changed). A bytea column's INTEGER or REAL cell, stored as the bytes of its
    text, shows as that number (``1``, ``1.5``): the TEXT ``'1'`` beside it shows as ``hex:31``."""
    if column.plan.type == "bytea":
        # Its bytes need not be UTF-8 (TEXT that was not): shown as hex. A number's are its ASCII text,
        # and the number is what the cell held: 1 and '1' become the same bytes, the audit tells them
        # apart (until 2026-12-05 both showed as hex:31).
        hexed = pl.concat_str([pl.lit("hex:"), pl.col(column.raw).bin.encode("hex")])
        if not column.read.with_class:
            return hexed
        number = pl.col(column.storage_class).is_in(["i", "r"])
        # Only the numbers' bytes are cast (ASCII): a cast sees every row, and TEXT may be no UTF-8.
        digits = pl.when(number).then(pl.col(column.raw)).otherwise(pl.lit(b"")).cast(pl.String)
        return pl.when(number).then(digits).otherwise(hexed)
    if column.native:
        return pl.col(column.raw).cast(pl.String)
    shown = pl.col(column.raw).str.replace_all(NUL, "\\0", literal=True)
    if column.read.with_hex and column.plan.mask is None:  # a hashed column's raw value is its hash
        hexed = pl.concat_str([pl.lit("hex:"), pl.col(column.raw_hex)])
        shown = pl.when(pl.col(column.raw_hex).is_not_null()).then(hexed).otherwise(shown)
    return shown


def empty_log() -> pa.Table:
    """An audit/quarantine table with no rows."""
    return AUDIT_SCHEMA.empty_table()


class LogSink:
    """Collects audit or quarantine rows: streamed to a Parquet file (``path``), held for :meth:`table`
    (``hold``), or both.

    The Parquet file is written under a temporary name beside ``path`` and renamed by :meth:`commit`,
    so a failed or killed run never leaves a half-written file at ``path``. Rows held are not kept in
    memory: they are streamed to an Arrow IPC file without a name (:func:`tempfile.TemporaryFile`, in
    ``path``'s directory, else in ``TMPDIR``; the system removes it however the process ends), which
    :meth:`table` maps into memory: the pages are the file's, read when the table is, and given back
    under pressure (a clean of the wide export at 10x held 1.5M audit rows in the process: 623-631 MB).
    Thread-safe: tables may be cleaned side by side.
    """

    def __init__(self, path: str | Path | None, *, hold: bool = True) -> None:
        self.path = Path(path) if path is not None else None
        self.rows = 0
        self._hold = hold or self.path is None
        self._lock = threading.Lock()
        self._tmp: Path | None = None
        self._writer: pq.ParquetWriter | None = None
        self._held: HeldRows | None = None
        if self.path is not None:
            self._tmp = self.path.with_name(f".{self.path.name}.{secrets.token_hex(6)}.tmp")
            try:
                self._writer = pq.ParquetWriter(
                    self._tmp, AUDIT_SCHEMA, compression="zstd", use_dictionary=DICTIONARY_COLUMNS
                )
            except OSError as exc:
                raise CleanError(
                    f"cannot write {exc.strerror or exc}", path=self.path, hint="choose a writable directory"
                ) from exc

    def write(self, rows: pl.DataFrame) -> None:
        """Append ``rows`` (columns as :data:`AUDIT_SCHEMA`)."""
        if rows.height == 0:
            return
        table = rows.to_arrow().cast(AUDIT_SCHEMA)
        with self._lock:
            self.rows += table.num_rows
            if self._writer is not None:
                self._writer.write_table(table)
            if self._hold:
                if self._held is None:
                    # Opened with the first row: a clean that changes nothing writes no file.
                    self._held = HeldRows(self.path.parent if self.path is not None else None)
                self._held.write(table)

    def table(self) -> pa.Table | None:
        """Every row written, when held (None when only streamed to the Parquet file): one chunk per
        write, the memory-mapped file's. No row can be written after it."""
        if not self._hold:
            return None
        with self._lock:
            if self._held is None:
                self._held = HeldRows(None)  # nothing was written: an empty table, no file
            return self._held.table()

    def commit(self) -> None:
        """Close the file and move it to ``path`` (no-op when there is no file)."""
        if self._writer is None or self._tmp is None or self.path is None:
            return
        self._writer.close()
        self._writer = None
        fsync_file(self._tmp)
        os.replace(self._tmp, self.path)
        self._tmp = None

    def abort(self) -> None:
        """Drop the temporary file; ``path`` is left as it was. Rows held and not yet read by
        :meth:`table` are dropped too (a table already read stays valid)."""
        if self._writer is not None:
            # The file is deleted next: a close error (disk full) changes nothing.
            with contextlib.suppress(OSError):
                self._writer.close()
            self._writer = None
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
            self._tmp = None
        with self._lock:
            if self._held is not None:
                self._held.close()


class HeldRows:
    """Audit or quarantine rows streamed to an Arrow IPC file without a name, then read back mapped
    into memory (:class:`LogSink`). Not thread-safe: the sink holds the lock."""

    def __init__(self, directory: Path | None) -> None:
        self._directory = directory
        self._file: IO[bytes] | None = None
        self._writer: pa.ipc.RecordBatchFileWriter | None = None
        self._table: pa.Table | None = None
        self._closed = False
        #: Why the file could not take a write: a table cleaned beside gets the same error.
        self._failure: str | None = None

    def write(self, table: pa.Table) -> None:
        """Append ``table`` (:data:`AUDIT_SCHEMA`)."""
        if self._failure is not None:
            raise self._error(self._failure)
        if self._table is not None or self._closed:
            raise RuntimeError("audit rows written after the held rows were read or dropped")
        try:
            if self._writer is None:
                # No name (Linux: O_TMPFILE, else unlinked at once): nothing to remove on any exit.
                # Closed by table() or close(), not by a block: it outlives this call.
                self._file = tempfile.TemporaryFile(prefix="columnar_etl-log-", dir=self._directory)  # noqa: SIM115
                self._writer = pa.ipc.new_file(self._file, AUDIT_SCHEMA)
            self._writer.write_table(table)
        except (OSError, pa.ArrowException) as exc:
            self.close()
            self._failure = str(getattr(exc, "strerror", None) or exc)
            raise self._error(self._failure) from exc

    def _error(self, reason: str) -> CleanError:
        return CleanError(
            f"cannot keep the audit or quarantine rows in a temporary file: {reason}",
            path=self._directory or tempfile.gettempdir(),
            hint="free some space there or set TMPDIR to a writable directory with room "
            "(or stream the audit with --audit FILE)",
        )

    def table(self) -> pa.Table:
        """Every row written, mapped from the file (read once; the same table after)."""
        if self._table is not None:
            return self._table
        if self._closed:
            raise RuntimeError("the held rows were dropped")
        if self._writer is None or self._file is None:
            self._table = empty_log()
            return self._table
        try:
            # The last bytes (the IPC footer, the file's buffer) are written here: as full a disk, or as
            # near its file size limit, as a write; was "OSError: [Errno 27] File too large".
            self._writer.close()
            self._writer = None
            self._file.flush()
        except (OSError, pa.ArrowException) as exc:
            self.close()
            self._failure = str(getattr(exc, "strerror", None) or exc)
            raise self._error(self._failure) from exc
        # The map holds the file open (its own descriptor): the file goes with the last table using it.
        mapped = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
        self._file.close()
        self._file = None
        self._table = pa.ipc.open_file(pa.py_buffer(mapped)).read_all()
        return self._table

    def close(self) -> None:
        """Drop the rows (the file goes with its last reader: it has no name); a table already read
        stays valid for those holding it."""
        self._closed = True
        self._table = None
        if self._writer is not None:
            with contextlib.suppress(OSError, pa.ArrowException):
                self._writer.close()
            self._writer = None
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            self._file = None
