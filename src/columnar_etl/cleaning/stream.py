"""The one cleaning path: the source read in record batches, each batch cleaned and handed on.

``clean_stream`` is what the loader and ``run`` consume directly (no intermediate file) and what
:func:`columnar_etl.cleaning` writes files from::

    with clean_stream("export.db", plan) as stream:
        for table in stream.tables:
            load(table, stream.schema(table), stream.batches(table))
        result = stream.result()

Memory holds one batch per table being streamed. The quarantine, and the audit when it is not streamed
to a file, are held in temporary files without a name and mapped into memory for :meth:`CleanStream.result`
(:class:`~columnar_etl.cleaning.audit.LogSink`).
"""

from __future__ import annotations

import contextlib
import inspect
import queue
import threading
import time
from collections.abc import Callable, Collection, Generator, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import ParamSpec, TypeVar

import duckdb
import pyarrow as pa

from columnar_etl.cleaning.audit import LogSink
from columnar_etl.cleaning.duplicates import CopyFilter
from columnar_etl.cleaning.expressions import column_read
from columnar_etl.cleaning.outliers import Fence, counted_by_value, judged_columns, outlier_fences
from columnar_etl.cleaning.result import CleanResult, TableCleanStats
from columnar_etl.cleaning.table import LateFences, TableCleaner, new_stats, output_schema
from columnar_etl.config import Settings, load_settings, memory_bytes
from columnar_etl.errors import CleanError, ConfigError
from columnar_etl.observability.logs import get_logger
from columnar_etl.planning.plan import Plan, TablePlan
from columnar_etl.profiling.declared_keys import declared_keys
from columnar_etl.source.cells import HELPER_PREFIX, ColumnRead
from columnar_etl.source.export import Source, open_source
from columnar_etl.source.sqlite_file import read_error
from columnar_etl.source.sqlite_names import matching_name

T = TypeVar("T")
P = ParamSpec("P")

#: Bytes a cell takes in a cleaned batch at least, whatever its source bytes: a NULL or a one-character
#: value costs the source a byte or nothing, but every column of the batch a value slot (8 bytes for a
#: number, an offset and Polars' 16-byte view for text) beside its helper columns. A batch's rows are
#: bounded by ``batch_bytes`` over this many bytes a column too, so a sparse table of hundreds of
#: columns is not read 65,536 rows at a time (40,000 rows of 200 custom-field columns, 80 % NULL, one
#: batch: clean peaked at 629 MB of RSS).
CELL_BYTES = 8


def clean_stream(
    source: str | Path,
    plan: Plan,
    *,
    settings: Settings | None = None,
    batch_size: int | None = None,
    audit: str | Path | None = None,
    quarantine: str | Path | None = None,
    keys: Mapping[str, list[str]] | None = None,
    hints: ReadHints | None = None,
) -> CleanStream:
    """A :class:`CleanStream` over ``source`` cleaned by ``plan``; use it as a context manager.

    ``audit`` / ``quarantine`` name Parquet files to stream those rows to (written under a temporary
    name, renamed by :meth:`CleanStream.result`); without ``audit`` the audit is held for the result
    in a temporary file without a name (in ``TMPDIR``; the quarantine's beside its file), memory-mapped.
    ``keys``: each table's key (export names; the profile's ``TableProfile.key``) identifying rows in
    the audit; default: the primary key the source declares. ``hints``: what a profile of every row
    says about reading the source (:class:`ReadHints`); without them every table is read and listed
    the general way.
    """
    return CleanStream(
        source,
        plan,
        settings=settings,
        batch_size=batch_size,
        audit=audit,
        quarantine=quarantine,
        keys=keys,
        hints=hints,
    )


@dataclass(frozen=True)
class ReadHints:
    """What a profile of every row tells the cleaner about reading the source, per table (export names).

    Each one only spares work; the cleaned values are the same without it.
    """

    #: Tables the profile counted no exact duplicate rows in (``TableProfile.duplicate_rows == 0``):
    #: their listing scan is skipped.
    without_copies: Collection[str] = ()
    #: The rowids of every row that has an exact copy (``TableProfile.copy_rows``): the copies are
    #: listed among those rows, not by a scan.
    copy_rows: Mapping[str, Sequence[int]] = field(default_factory=dict)
    #: The columns with only valid UTF-8 (and no BLOB): read as SQLite holds them, without the check
    #: of every cell for bytes to decode.
    valid_utf8: Mapping[str, Collection[str]] = field(default_factory=dict)
    #: The columns with no value padded with whitespace: the outlier quartiles read them untrimmed.
    unpadded: Mapping[str, Collection[str]] = field(default_factory=dict)
    #: The columns of one storage class that their planned type holds exactly (INTEGER cells of an
    #: ``integer`` column, REAL cells of a ``double`` one): read as numbers straight from SQLite
    #: (:meth:`Source.read_batches`), not printed and parsed.
    native: Mapping[str, Collection[str]] = field(default_factory=dict)
    #: Per column, how many distinct values it holds (or more): the outlier quartiles of a big table
    #: count a column of few by value in one scan, not bracket them in two (:mod:`.outliers`).
    distinct: Mapping[str, Mapping[str, int]] = field(default_factory=dict)


class CleanStream:
    """Cleaned record batches of every table of the plan, then the :class:`CleanResult`."""

    #: How long :meth:`close` waits for threads still in the stream (a consumer's read-ahead in the
    #: middle of a batch, a query being interrupted) before it gives up closing DuckDB under them.
    CLOSE_WAIT_SECONDS = 120.0

    def __init__(
        self,
        source: str | Path,
        plan: Plan,
        *,
        settings: Settings | None = None,
        batch_size: int | None = None,
        audit: str | Path | None = None,
        quarantine: str | Path | None = None,
        keys: Mapping[str, list[str]] | None = None,
        hints: ReadHints | None = None,
    ) -> None:
        self.source = Path(source)
        self._hints = hints or ReadHints()
        #: Per table, the columns read natively (those hinted whose native type is the planned one).
        self._native: dict[str, list[str]] = {}
        self._given_keys = dict(keys or {})
        self._without_copies = set(self._hints.without_copies)
        #: The tables whose exact copies are listed (and removed or refused), each with its columns of
        #: several storage classes (see _read).
        self._mixed: dict[str, frozenset[str]] = {}
        self.plan = plan
        self.settings = settings or load_settings()
        self.batch_size = batch_size or self.settings.batch_size
        self.tables: list[str] = list(plan.tables)
        self._audit_path = Path(audit) if audit is not None else None
        self._quarantine_path = Path(quarantine) if quarantine is not None else None
        self._src: Source | None = None
        self._side: Source | None = None
        self._audit: LogSink | None = None
        self._quarantine: LogSink | None = None
        self._keys: dict[str, list[str]] = {}
        self._stats: dict[str, TableCleanStats] = {}
        self._started = 0.0
        self._log = get_logger(stage="clean")
        self._fences: dict[str, Future[dict[str, Fence]]] = {}
        self._copies: dict[str, Future[CopyFilter | None]] = {}
        self._pool: ThreadPoolExecutor | None = None
        #: Side tasks submitted once the table before is cleaned (see :meth:`open`), in table order.
        self._deferred: dict[str, Callable[[], None]] = {}
        self._deferring = threading.Lock()
        self._streams: list[Generator[pa.RecordBatch, None, None]] = []
        #: Set by close(): a stream still running in a consumer's thread stops at its next step.
        self._closing = threading.Event()

    # --- lifecycle -------------------------------------------------------------------------------
    def open(self) -> CleanStream:
        """Open the source read-only and check the plan fits it (done by ``with``)."""
        src = open_source(self.source, self.settings.source_encoding_fallback)
        try:
            for table in self.tables:
                self._keys[table] = _check_table(src, self.plan, table, self._given_keys.get(table))
                self._native[table] = _native_columns(
                    src, self.plan.tables[table], self._hints.native.get(table)
                )
            self._audit = LogSink(self._audit_path, hold=self._audit_path is None)
            self._quarantine = LogSink(self._quarantine_path, hold=True)
        except BaseException:
            src.close()
            if self._audit is not None:
                self._audit.abort()
            raise
        self._src = src
        self._started = time.perf_counter()
        # The outlier quartiles need a scan of their own; it runs beside the cleaning of the tables
        # before (DuckDB releases the GIL), so the first table with numbers waits the least.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clean-fences")
        factor = self.settings.outlier_iqr_factor
        limit = self.settings.profile_memory_limit
        # quantile_cont holds the values it is given outside DuckDB's cap: only a few (outliers.py).
        hold = memory_bytes(limit) // 8
        counted = factor > 0 and any(
            counted_by_value(
                src.table(table).estimated_rows, len(judged_columns(self._table_plan(table))), hold
            )
            for table in self.tables
        )
        listed = self.settings.duplicates != "keep" and not self._without_copies.issuperset(self.tables)
        if counted or listed:
            # The listing of duplicate rows (a GROUP BY over whole rows) and quartiles counted by value
            # run on a connection of their own, capped like the profiler's (they spill past the cap),
            # beside the batch reads; one task at a time, so they never share the cap.
            self._side = open_source(self.source, self.settings.source_encoding_fallback)
            self._side.limit_memory(limit)
        for number, table in enumerate(self.tables):
            # A table the profile counted no exact copies in (rows equal as the profile reads them are
            # a superset of rows equal as the cleaner reads them) needs no GROUP BY over whole rows.
            copied = listed and table not in self._without_copies
            if copied:
                plan = self.plan.tables[table]
                # The columns masked with drop come last: they still tell rows apart.
                self._mixed[table] = frozenset(
                    c.name for c in (*plan.columns, *plan.dropped) if c.mixed_classes
                )
            # A listing of copies no hint narrows (a clean by a given plan: no profile) groups every
            # row of the table at the side source's cap, spilling past it: beside the batches of the
            # table before, its memory stacked on theirs (the wide export at 10x, `clean --plan`:
            # 640-690 MB, comments cleaned beside the listing of timesheets). It waits for that
            # table's batches (_stream), at the cost of the time the two overlapped, and groups at
            # half the cap: the process still holds some of what the tables before it took (the
            # listing of timesheets alone, fresh: +270 MB at the cap, +140 MB at half of it).
            if number and copied and table not in self._hints.copy_rows:
                self._deferred[table] = partial(
                    self._submit_tasks, src, table, copied=copied, factor=factor, hold=hold, capped=True
                )
            else:
                self._submit_tasks(src, table, copied=copied, factor=factor, hold=hold)
        return self

    def _submit_tasks(
        self, src: Source, table: str, *, copied: bool, factor: float, hold: int, capped: bool = False
    ) -> None:
        """Hand ``table``'s side tasks to the pool: the listing of its copies (``copied``; with
        ``capped``, at half the side source's cap), then its outlier fences (``factor``, ``hold``: see
        :func:`outlier_fences`)."""
        assert self._pool is not None
        plan = self.plan.tables[table]
        # A table's copies first: its first batch needs them, while its fences are only needed
        # once its batches were cleaned (see TableCleaner); the pool runs its tasks in order.
        if copied:
            # Read as cleaning reads them (BLOBs as bytes, REALs with 17 digits): copies are exact.
            reads = [self._read(table, column_read(c)) for c in (*plan.columns, *plan.dropped)]
            listing = _halved(CopyFilter.of, self._side) if capped else CopyFilter.of
            self._copies[table] = self._pool.submit(
                listing,
                self._side or src,
                table,
                plan.column_names,
                reads,
                row_bytes=plan.row_bytes,
                rowids=self._hints.copy_rows.get(table),
                release=self._side is not None,
            )
        self._fences[table] = self._pool.submit(
            _released(outlier_fences, self._side),
            self._side or src,
            plan,
            factor,
            self._native.get(table, ()),
            hold_bytes=hold,
            valid_utf8=self._hints.valid_utf8.get(table, ()),
            unpadded=self._hints.unpadded.get(table, ()),
            distinct=self._hints.distinct.get(table),
        )

    def _start(self, table: str | None = None) -> None:
        """Submit the deferred side tasks of ``table`` (its stream is starting), or without one those
        of the first table still deferred (a table's batches are done: see :meth:`open`)."""
        after = table is None
        with self._deferring:
            if table is None:
                table = next(iter(self._deferred), None)
            tasks = self._deferred.pop(table, None) if table is not None else None
        if tasks is not None:
            if after:
                # What the finished table's batches took from Arrow's pool goes back first (~40 MB
                # after the wide export's comments at 10x): the listing now runs where it was.
                pa.default_memory_pool().release_unused()
            tasks()

    def close(self) -> None:
        """Close the source; audit files not committed by :meth:`result` are discarded.

        A consumer may still be inside a table's stream in a thread of its own (a read-ahead that was
        in the middle of a batch when the load failed): the stream is told to stop, the queries still
        running are interrupted, and the sources close only once no thread is in them. Closing a
        generator another thread is executing raises ``ValueError: generator already executing``,
        and closing DuckDB under a running query aborts the process: neither may happen here.
        """
        self._closing.set()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)  # what has not started never will
        busy = self._wait_until_idle()
        for batches in self._streams:
            if not _running(batches):
                batches.close()  # stops its read-ahead thread before the source goes away
        for sink in (self._audit, self._quarantine):
            if sink is not None:
                sink.abort()
        if busy:
            # Still in a query after the wait: leave DuckDB open (the process exits with the thread)
            # rather than abort the process and lose the error being raised.
            self._log.warning("clean stream left open: a thread is still in it", waiting=busy)
            return
        self._streams.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        for future in self._copies.values():
            # A table's listing kept in a file of its own whose table was never streamed to its end.
            done = future.done() and not future.cancelled() and future.exception() is None
            if done and (copies := future.result()) is not None:
                copies.close()
        if self._side is not None:
            self._side.close()
            self._side = None
        if self._src is not None:
            self._src.close()
            self._src = None

    def _busy(self) -> list[str]:
        """What is still running in another thread: tables whose stream is executing, pool tasks."""
        running = [f"stream {n}" for n, batches in enumerate(self._streams) if _running(batches)]
        running += [f"outlier quartiles of {t}" for t, f in self._fences.items() if not f.done()]
        running += [f"copies of {t}" for t, f in self._copies.items() if not f.done()]
        return running

    def _wait_until_idle(self) -> list[str]:
        """Interrupt the sources' queries until no thread is in the stream or the pool; what is still
        busy after :attr:`CLOSE_WAIT_SECONDS` (normally nothing)."""
        deadline = time.monotonic() + self.CLOSE_WAIT_SECONDS
        while busy := self._busy():
            if time.monotonic() > deadline:
                return busy
            # Again on every turn: a query started after an interrupt is not stopped by it.
            for source in (self._src, self._side):
                if source is not None:
                    source.interrupt()
            time.sleep(0.02)
        return []

    def __enter__(self) -> CleanStream:
        return self.open()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self.close()
        except Exception:
            if exc is None:
                raise
            # The error that ended the block is the one to report, not a failure of the cleanup.
            self._log.exception("closing the clean stream failed", error=f"{type(exc).__name__}: {exc}")

    # --- what the consumer asks -----------------------------------------------------------------
    def unplanned(self) -> list[str]:
        """The export's tables (those it can read) that the plan does not name: not cleaned."""
        if self._src is None:
            raise RuntimeError("the clean stream is not open")
        return [name for name in self._src.tables if name not in self.plan.tables]

    def schema(self, table: str) -> pa.Schema:
        """The typed schema of ``table``'s cleaned batches (every batch has exactly this schema)."""
        return output_schema(self._table_plan(table))

    def key_columns(self, table: str) -> list[str]:
        """The row key of ``table`` as output column names (its primary key in the source catalogue)."""
        plan = self._table_plan(table)
        names = {c.name: c.output_name for c in plan.columns}
        return [names[key] for key in self._keys.get(table, [])]

    def rowid_alias(self, table: str) -> bool:
        """True when ``table``'s key is SQLite's rowid alias (``INTEGER PRIMARY KEY`` of a rowid table):
        unique and non-null by construction, unlike any other declared key (``INT PRIMARY KEY``,
        ``INTEGER PRIMARY KEY DESC``; see :func:`~columnar_etl.profiling.declared_keys.declared_keys`)."""
        if self._src is None:
            raise CleanError("the clean stream is not open", hint="use it as `with clean_stream(...) as s:`")
        if self._src.table(table).rowid_referrers:  # its rowid, read as a column: its key
            return True
        declared = declared_keys(self.source, [table]).get(table)
        return declared is not None and declared.rowid_alias

    def batches(self, table: str) -> Iterator[pa.RecordBatch]:
        """Stream ``table``'s cleaned batches (each table once per stream)."""
        src, audit, quarantine = self._src, self._audit, self._quarantine
        if src is None or audit is None or quarantine is None:
            raise CleanError("the clean stream is not open", hint="use it as `with clean_stream(...) as s:`")
        plan = self._table_plan(table)
        if table in self._stats:
            raise CleanError("table already streamed", table=table, hint="open a new clean_stream")
        keys = self._keys[table]
        stats = self._stats[table] = new_stats(plan, keys)
        batches = self._stream(src, table, stats, audit, quarantine)
        self._streams.append(batches)
        return batches

    def _stream(
        self, src: Source, table: str, stats: TableCleanStats, audit: LogSink, quarantine: LogSink
    ) -> Generator[pa.RecordBatch, None, None]:
        started = time.perf_counter()
        plan = self._table_plan(table)
        self._start(table)
        copies = self._outcome(self._copies[table], table) if table in self._copies else None
        if copies is not None and self.settings.duplicates == "fail":
            raise CleanError(
                "the table holds exact duplicate rows",
                path=self.source,
                table=table,
                hint='duplicates = "fail"; set it to "remove" (audited) or "keep"',
            )
        cleaner = TableCleaner(
            plan,
            self._keys[table],
            stats,
            audit=audit,
            quarantine=quarantine,
            policy=self.settings.quarantine_policy,
            copies=copies,
            fences=LateFences(self._fences[table].done, partial(self._outcome, self._fences[table], table)),
            mask_salt=self.settings.mask_salt,
            fallback=self.settings.source_encoding_fallback,
            native=self._native.get(table, ()),
        )
        # Rows per batch: at most batch_size, and about batch_bytes of source values (a cell counted
        # as CELL_BYTES at least), so a table of large BLOBs or long text streams in small batches
        # instead of growing memory with value size, and a sparse wide one with its columns.
        reads = [self._read(table, c.read) for c in cleaner.columns]
        row_bytes = max(1, plan.row_bytes, CELL_BYTES * len(reads))
        rows = max(1, min(self.batch_size, self.settings.batch_bytes // row_bytes))
        reader = src.read_batches(table, batch_size=rows, reads=reads, native=self._native.get(table, ()))
        yielded = False
        try:
            # Two batches ahead, as many bytes: a row of more than batch_bytes (a batch by itself) one.
            depth = 2 if rows * row_bytes <= self.settings.batch_bytes else 1
            for batch in read_ahead(reader, depth):
                self._check_open(table)
                cleaned = cleaner.clean(batch)
                stats.seconds += time.perf_counter() - started
                if cleaned is not None:
                    yielded = True
                    yield cleaned
                started = time.perf_counter()
        except (duckdb.Error, pa.ArrowException) as exc:
            raise read_error(exc, self.source, table=table) from exc
        finally:
            if copies is not None:
                copies.close()  # a listing kept in a file of its own: the file goes now
        cleaner.finish()
        self._start()
        if not yielded:
            # An empty table still hands over one (empty) batch: it carries the schema to the loader.
            yield pa.RecordBatch.from_pylist([], schema=cleaner.schema)
        stats.seconds += time.perf_counter() - started
        stats.complete = True
        self._log.info(
            "cleaned table",
            table=table,
            rows_in=stats.rows_in,
            rows_out=stats.rows_out,
            changed=stats.changed,
            quarantined=stats.total("quarantined"),
            seconds=round(stats.seconds, 4),
        )

    def _read(self, table: str, read: ColumnRead) -> ColumnRead:
        """``read``, without decoding where the profile found every TEXT cell valid UTF-8 (the values
        are the same; the check of every cell is what it saves). In a table whose copies are listed, a
        column holding several storage classes comes with each cell's class: rows are copies when
        their cells are equal in value and class (TEXT ``''`` and BLOB ``x''`` read alike)."""
        if read.decode and read.name in self._hints.valid_utf8.get(table, ()):
            read = replace(read, decode=False)
        if not read.with_class and read.name in self._mixed.get(table, ()):
            read = replace(read, with_class=True)
        return read

    def _check_open(self, table: str) -> None:
        if self._closing.is_set():
            raise CleanError("cleaning stopped: the clean stream was closed", table=table)

    def _outcome(self, future: Future[T], table: str) -> T:
        """``future``'s result, waited for while the stream is open (close() does not wait on it)."""
        while True:
            self._check_open(table)
            try:
                return future.result(timeout=0.05)
            except FutureTimeout:
                continue

    def stats(self) -> dict[str, TableCleanStats]:
        """The counts of the tables streamed so far (final once a table's batches were read to the end):
        what :func:`~columnar_etl.cleaning.quality.score_cleaned` measures, before :meth:`result`."""
        return dict(self._stats)

    def result(self) -> CleanResult:
        """The counts, quarantine and audit of what was streamed; commits the audit/quarantine files."""
        if self._audit is None or self._quarantine is None:
            raise CleanError("the clean stream is not open", hint="call result() inside the `with` block")
        self._audit.commit()
        self._quarantine.commit()
        tables = {
            name: self._stats.get(name) or new_stats(self._table_plan(name), self._keys[name])
            for name in self.tables
        }
        quarantine = self._quarantine.table()
        assert quarantine is not None  # always held
        return CleanResult(
            source=self.source,
            plan=self.plan,
            tables=tables,
            quarantine=quarantine,
            audit=self._audit.table(),
            audit_rows=self._audit.rows,
            audit_path=self._audit_path,
            quarantine_path=self._quarantine_path,
            policy=self.settings.quarantine_policy,
            seconds=time.perf_counter() - self._started,
            quality_before=self.plan.quality,
        )

    def _table_plan(self, table: str) -> TablePlan:
        try:
            return self.plan.tables[table]
        except KeyError:
            raise CleanError(
                "no such table in the cleaning plan",
                table=table,
                hint=f"tables are: {', '.join(self.tables)}",
            ) from None


def _halved(task: Callable[P, T], side: Source | None) -> Callable[P, T]:
    """``task`` with ``side``'s memory cap halved while it runs (the side source runs one task at a
    time: no other query of its own shares the lower cap)."""

    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        limit = side.memory_limit if side is not None else None
        if side is None or limit is None:
            return task(*args, **kwargs)
        side.limit_memory(f"{max(1, memory_bytes(limit) // 2)} bytes")
        try:
            return task(*args, **kwargs)
        finally:
            # A clean stopped under it closes the source: nothing is left to set back then.
            with contextlib.suppress(duckdb.Error):
                side.limit_memory(limit)

    return run


def _released(task: Callable[P, T], side: Source | None) -> Callable[P, T]:
    """``task``, then the memory its aggregates left with the side source handed back
    (:meth:`Source.release_memory`): DuckDB keeps it, up to the cap, through the whole clean, beside
    the batches (~260 MB after listing the copies of 2M rows, see ``CopyFilter.of(release=...)``;
    quartiles counted by value alike). The side source runs one task at a time, so no query of its
    own is running then; the batches read another source."""

    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return task(*args, **kwargs)
        finally:
            if side is not None:
                # A clean stopped under it closes the source: nothing is left to release then.
                with contextlib.suppress(duckdb.Error):
                    side.release_memory()

    return run


def _check_table(src: Source, plan: Plan, table: str, given: list[str] | None = None) -> list[str]:
    """The table's key columns (``given``, else the declared primary key); :class:`CleanError` when
    the plan and the source disagree on columns."""
    info = src.table(table)
    clashing = [name for name in info.column_names if name.startswith(HELPER_PREFIX)]
    if clashing:
        raise CleanError(
            f"column name {clashing[0]!r} is reserved for the cleaner's own columns",
            path=src.path,
            table=table,
            hint="rename the column in the export",
        )
    planned = plan.tables[table].source_column_names  # dropped columns too: the source still has them
    missing = [name for name in planned if name not in info.column_names]
    extra = [name for name in info.column_names if name not in planned]
    if missing or extra:
        what = (
            f"no column {missing[0]!r} in the source" if missing else f"column {extra[0]!r} not in the plan"
        )
        hint = "build the plan from a profile of this file"
        written = matching_name(missing[0], info.column_names) if missing else None
        if written is not None:  # a plan names columns as the export wrote them, case included
            hint = f"the export writes it {written!r}; {hint}"
        raise CleanError(
            f"the cleaning plan does not fit the source: {what}", path=src.path, table=table, hint=hint
        )
    keys = [c.name for c in info.columns if c.primary_key] if given is None else list(given)
    table_plan = plan.tables[table]
    masked = {c.name for c in (*table_plan.columns, *table_plan.dropped) if c.mask}
    if given is not None and masked & set(keys):
        return []  # a key found by the profiler, but masked: rows are then named by their position
    # The row key is the raw key text, written to the audit: a masked key would leak through it.
    leaking = [c.name for c in (*table_plan.columns, *table_plan.dropped) if c.mask and c.name in keys]
    if leaking:
        raise ConfigError(
            "a key column cannot be masked: the audit identifies rows by their key",
            table=table,
            column=leaking[0],
            hint="remove the mask of the key column",
        )
    return keys


#: The DuckDB type a natively read column has, per planned type it may be read natively for.
_NATIVE_TYPES = {"integer": "BIGINT", "double": "DOUBLE"}


def _native_columns(src: Source, plan: TablePlan, asked: Collection[str] | None) -> list[str]:
    """The columns of ``asked`` that DuckDB's scan delivers as their planned type (an ``integer`` as
    BIGINT, a ``double`` as DOUBLE), unmasked; none for a table whose rowid DuckDB's scan does not
    give (:attr:`~columnar_etl.source.tables.SourceTable.scan_rowid`): the two reads are zipped by it."""
    if not asked or not src.table(plan.name).scan_rowid:
        return []
    planned = {c.name: c for c in plan.columns}
    wanted = [
        n for n in asked if n in planned and planned[n].mask is None and planned[n].type in _NATIVE_TYPES
    ]
    types = src.native_types(plan.name, wanted)
    native = [n for n in wanted if types[n] == _NATIVE_TYPES[planned[n].type]]
    # The two reads are zipped in rowid order: a native scan SQLite would take from an index is not.
    return native if native and src.scans_in_rowid_order(plan.name, native) else []


_END = object()


def _running(generator: Generator[pa.RecordBatch, None, None]) -> bool:
    """True while a thread is executing ``generator`` (closing it then raises ValueError)."""
    return inspect.getgeneratorstate(generator) == inspect.GEN_RUNNING


def read_ahead(reader: pa.RecordBatchReader, depth: int = 2) -> Iterator[pa.RecordBatch]:
    """``reader``'s batches, read up to ``depth`` batches ahead by a thread while the caller works.

    DuckDB scans the SQLite file without the GIL, so reading the next batch overlaps cleaning this one.
    Closing the iterator early stops the thread after the batch it is reading.
    """
    handoff: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for batch in reader:
                if not put(batch):
                    return
            put(_END)
        except BaseException as exc:  # handed to the consumer, raised there
            put(exc)

    thread = threading.Thread(target=produce, name="clean-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            item = handoff.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            assert isinstance(item, pa.RecordBatch)
            yield item
    finally:
        stop.set()
        thread.join()
