"""The Arrow streams a load sends: any input made a reader, columns renamed, a canary's sample, keys,
validation figures gathered, read ahead in a background thread (:func:`prepare_streams` does it all).

Everything here works batch by batch on the way to COPY; nothing holds a table in memory.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from queue import Empty, Queue
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from columnar_etl.config import ColumnNames
from columnar_etl.errors import LoadError
from columnar_etl.loading.adbc import ArrowData, as_reader, renamed
from columnar_etl.loading.validate import TableStats, observe_stream
from columnar_etl.pg.column_names import column_mapping

# Fibonacci hashing: multiplying by 2**64 / golden ratio spreads consecutive ids evenly over the top
# bits, so "top 24 bits below fraction * 2**24" picks the same ~fraction of rows on every run, on
# every machine and version (unlike a library hash function, whose seed or algorithm may change).
_GOLDEN = 0x9E3779B97F4A7C15
_BUCKET_BITS = 24
# "id", "ticket_id", "TKT-Ticket ID" (a word of its own) or "ticketId" / "TicketID" (camel case).
_ID_NAME = re.compile(r"(?:^|[^A-Za-z0-9])(?:id|Id|ID)$|[a-z](?:Id|ID)$")


def default_key(schema: pa.Schema) -> list[str]:
    """The key when none is given: the first column, when it is an integer named like an id."""
    if len(schema) and pa.types.is_integer(schema[0].type) and _ID_NAME.search(schema[0].name.strip()):
        return [schema[0].name]
    return []


def default_references(schema: pa.Schema, key: Sequence[str]) -> list[str]:
    """Reference columns when none are given: other integer columns named like an id (``CMT-Ticket ID``)."""
    return [
        field.name
        for field in schema
        if field.name not in key and pa.types.is_integer(field.type) and _ID_NAME.search(field.name.strip())
    ]


def canary_sample(reader: pa.RecordBatchReader, key: Sequence[str], fraction: float) -> pa.RecordBatchReader:
    """A deterministic ``fraction`` of the rows, chosen by hashing the key; at least one row if any.

    The same key always lands on the same side, so repeated canaries (and canaries of a re-export)
    look at the same tickets. Without a key the row position is hashed instead.
    """
    threshold = int(fraction * (1 << _BUCKET_BITS))

    def batches() -> Iterator[pa.RecordBatch]:
        position, kept = 0, 0
        first: pa.RecordBatch | None = None
        for batch in reader:
            if first is None and batch.num_rows:
                first = batch.slice(0, 1)
            mask = pc.less(_buckets(batch, key, position), pa.scalar(threshold, pa.uint64()))
            position += batch.num_rows
            sample = batch.filter(mask)
            kept += sample.num_rows
            if sample.num_rows:
                yield sample
        if kept == 0 and first is not None:
            yield first

    return pa.RecordBatchReader.from_batches(reader.schema, batches())


class Prefetcher:
    """A reader read ahead by a background thread: ``depth`` batches ahead of its consumer, or more
    while they hold at most ``max_bytes`` (Arrow buffer sizes) between them.

    Producing batches (reading and casting the source, cleaning, gathering the validation figures)
    then overlaps with PostgreSQL's work — COPYing the batch before, or building the indexes of the
    table before — instead of taking turns: on a two-core machine that is much of the difference
    between a checked load and a bare COPY. ``max_bytes`` lets the next table's producer keep going
    while PostgreSQL builds the indexes of the table before and checks its figures, work that takes
    no batches; memory stays bounded by ``depth`` batches or ``max_bytes``, whichever holds more. A
    batch of more than ``max_bytes`` / ``depth`` (a row of large cells is a batch by itself, whatever
    its size) is held alone: two of five 30 MB rows held ahead, beside the cleaning's, took a run of
    them ~100 MB of RSS more than one.

    Given ``after`` (the prefetcher of the table before), the producer starts only once that one has
    produced everything: the caller's iterators then never run two at a time, so a source shared
    between tables (one DuckDB connection, one audit writer) needs no locking. Its thread is started
    then, by the producer before as it ends, not waiting beside it: an export of 1,000 small tables
    had 1,000 threads waking on a timer to ask, 2,000 times a second between them, for the whole run:
    that grew with tables × run time, quadratic in tables. An error in the
    producer is raised to the consumer. :meth:`close` (always call it) stops the producer and waits
    for it to leave the caller's code, so the caller can close its iterators afterwards.
    """

    _DONE = object()
    #: How long close() waits for a producer in the middle of a batch.
    CLOSE_WAIT_SECONDS = 60.0

    def __init__(
        self,
        source: pa.RecordBatchReader,
        depth: int = 2,
        *,
        after: Prefetcher | None = None,
        max_bytes: int = 0,
    ) -> None:
        self._source = source
        self._depth, self._max_bytes = depth, max_bytes
        #: Batches produced and not yet consumed, and their bytes (guarded by ``_room``).
        self._held, self._held_bytes = 0, 0
        self._room = threading.Condition()
        self._queue: Queue[Any] = Queue()
        self._stop = threading.Event()
        self.finished = threading.Event()
        #: What the producer raised (handed to the consumer too): the cause of a COPY that failed.
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._produce, name="columnar_etl-prefetch", daemon=True)
        #: Guards the hand-over between producers: ``_launched``, ``_ended`` and ``_next`` (the
        #: prefetcher to start when this one's producer ends).
        self._chain = threading.Lock()
        self._launched = self._ended = False
        self._next: Prefetcher | None = None
        self.reader = pa.RecordBatchReader.from_batches(source.schema, self._consume())
        if after is None or after._follow(self):
            _start_chain(self)

    def close(self) -> None:
        """Stop the producer and wait until it is out of the source (idempotent).

        A producer not started yet never starts; the one after it starts when the one before ends."""
        self._stop.set()
        with self._chain:
            launched = self._launched
        if launched and self._thread is not threading.current_thread():
            self._thread.join(self.CLOSE_WAIT_SECONDS)

    def _follow(self, following: Prefetcher) -> bool:
        """Have ``following`` started when this producer ends; True when it has ended already."""
        with self._chain:
            if self._ended:
                return True
            self._next = following
            return False

    def _start(self) -> Prefetcher | None:
        """Start the producer, unless closed: then it has ended unstarted, and the prefetcher after
        it is returned, to be started in its place."""
        with self._chain:
            if not self._stop.is_set():
                self._launched = True
                self._thread.start()
                return None
        return self._end()

    def _end(self) -> Prefetcher | None:
        """Mark the producer ended; the prefetcher to start now, if any."""
        with self._chain:
            self._ended = True
            self.finished.set()
            following, self._next = self._next, None
        return following

    def _put(self, item: Any) -> bool:
        size = item.nbytes if isinstance(item, pa.RecordBatch) else 0
        with self._room:
            while not self._stop.is_set():
                alone = self._max_bytes > 0 and size * self._depth > self._max_bytes
                room = self._held < self._depth or self._held_bytes + size <= self._max_bytes
                if self._held == 0 or (room and not alone):
                    self._held, self._held_bytes = self._held + 1, self._held_bytes + size
                    self._queue.put(item)
                    return True
                self._room.wait(0.05)
        return False

    def _taken(self, item: Any) -> None:
        size = item.nbytes if isinstance(item, pa.RecordBatch) else 0
        with self._room:
            self._held, self._held_bytes = self._held - 1, self._held_bytes - size
            self._room.notify()

    def _produce(self) -> None:
        try:
            for batch in self._source:
                if not self._put(batch):
                    return
            self._put(self._DONE)
        except BaseException as exc:  # handed to the consumer, which raises it
            self.error = exc
            self._put(exc)
        finally:
            _start_chain(self._end())

    def _consume(self) -> Iterator[pa.RecordBatch]:
        try:
            while True:
                try:
                    item = self._queue.get(timeout=0.05)
                except Empty:
                    with self._chain:
                        waiting = not self._launched and not self._ended
                    if waiting or self._thread.is_alive():
                        continue
                    try:  # it may have put its last items between the timeout and the check
                        item = self._queue.get_nowait()
                    except Empty:
                        raise RuntimeError("the batch producer stopped without a word") from None
                self._taken(item)
                if item is self._DONE:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            self.close()


def _start_chain(first: Prefetcher | None) -> None:
    """Start ``first``'s producer, or (closed before it started) the next one's, and so on: a loop,
    not a recursion, however many were closed."""
    while first is not None:
        first = first._start()


def _buckets(batch: pa.RecordBatch, key: Sequence[str], offset: int) -> pa.Array:
    if len(key) == 1 and pa.types.is_integer(batch.schema.field(key[0]).type):
        values = pc.cast(batch.column(key[0]), pa.uint64(), safe=False)
    elif key:
        import polars as pl

        # Composite or non-integer keys: polars' row hash (stable for one installed polars version).
        frame = pl.from_arrow(batch.select(list(key)))
        assert isinstance(frame, pl.DataFrame)
        values = frame.hash_rows(seed=0).to_arrow()
    else:
        values = pa.array(range(offset, offset + batch.num_rows), pa.uint64())
    mixed = pc.multiply(values, pa.scalar(_GOLDEN, pa.uint64()))
    return pc.shift_right(mixed, pa.scalar(64 - _BUCKET_BITS, pa.uint64()))


@dataclass(frozen=True)
class Ahead:
    """How a table is read ahead: after the table before (its prefetcher), in at most ``max_bytes``."""

    after: Prefetcher | None
    max_bytes: int


@dataclass
class TableStream:
    """One table on its way to COPY, with what the load needs to know about it."""

    prefetcher: Prefetcher
    stats: TableStats
    mapping: dict[str, str]
    key: list[str]
    references: list[str]

    @property
    def reader(self) -> pa.RecordBatchReader:
        """The batches to COPY."""
        return self.prefetcher.reader


def prepare_streams(
    tables: Mapping[str, ArrowData],
    keys: Mapping[str, list[str]],
    references: Mapping[str, list[str]] | None,
    column_style: ColumnNames,
    canary_fraction: float | None = None,
    *,
    read_ahead_bytes: int = 0,
) -> dict[str, TableStream]:
    """Per table: renamed (snake_case), sampled (a canary's ``canary_fraction``), observed (validation
    figures) and read ahead (two batches, or more in at most ``read_ahead_bytes``: see
    :class:`Prefetcher`). ``keys`` / ``references`` are in export names; defaults as documented in
    :func:`default_key` / :func:`default_references`. On an error the read-ahead already started stops.
    """
    streams: dict[str, TableStream] = {}
    try:
        previous: Prefetcher | None = None
        for table, data in tables.items():
            ahead = Ahead(previous, read_ahead_bytes)
            stream = _prepare_stream(table, data, keys, references, column_style, canary_fraction, ahead)
            streams[table], previous = stream, stream.prefetcher
    except BaseException:
        for stream in streams.values():
            stream.prefetcher.close()
        raise
    return streams


def _prepare_stream(
    table: str,
    data: ArrowData,
    keys: Mapping[str, list[str]],
    references: Mapping[str, list[str]] | None,
    column_style: ColumnNames,
    canary_fraction: float | None,
    ahead: Ahead,
) -> TableStream:
    reader = as_reader(table, data)
    names = reader.schema.names
    mapping = column_mapping(names, column_style)
    key = _columns(table, keys, names, "key")
    key = key if key is not None else default_key(reader.schema)
    refs = _columns(table, references, names, "reference") if references is not None else None
    refs = refs if refs is not None else default_references(reader.schema, key)
    reader = renamed(reader, mapping)
    key, refs = [mapping[c] for c in key], [mapping[c] for c in refs]
    if canary_fraction is not None:
        reader = canary_sample(reader, key, canary_fraction)
    reader, stats = observe_stream(table, reader)
    prefetcher = Prefetcher(reader, after=ahead.after, max_bytes=ahead.max_bytes)
    return TableStream(prefetcher, stats, mapping, key, refs)


def _columns(table: str, given: Mapping[str, list[str]], names: list[str], what: str) -> list[str] | None:
    if table not in given:
        return None
    missing = [column for column in given[table] if column not in names]
    if missing:
        raise LoadError(
            f"{what} column not in the table's data",
            table=table,
            column=missing[0],
            hint=f"{what} columns are named as in the export",
        )
    return list(given[table])
