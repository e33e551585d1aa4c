"""The streams a load sends: inputs made readers, read-ahead, canary samples, default keys."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from queue import Empty, Queue
from typing import Any

import pyarrow as pa
import pytest

from columnar_etl.errors import LoadError
from columnar_etl.loading.streams import (
    Prefetcher,
    as_reader,
    canary_sample,
    default_key,
    default_references,
    renamed,
)

SCHEMA = pa.schema([("TKT-Ticket ID", pa.int64()), ("CMT-Ticket ID", pa.int64()), ("paid", pa.int64())])


def batches(
    count: int, *, fail_at: int | None = None, produced: list[int] | None = None
) -> Iterator[pa.RecordBatch]:
    for i in range(count):
        if i == fail_at:
            raise RuntimeError(f"source broke at batch {i}")
        if produced is not None:
            produced.append(i)
        ids = pa.array(range(i * 100, (i + 1) * 100), pa.int64())
        yield pa.record_batch([ids, ids, ids], schema=SCHEMA)


def test_any_input_becomes_a_reader() -> None:
    table = pa.Table.from_batches(list(batches(3)))
    assert as_reader("t", table).read_all().num_rows == 300
    assert as_reader("t", table.to_batches()[0]).read_all().num_rows == 100
    assert as_reader("t", batches(2)).read_all().num_rows == 200
    with pytest.raises(LoadError, match="no record batches") as info:
        as_reader("t", iter([]))
    assert info.value.table == "t"


def test_the_prefetcher_passes_everything_through_and_raises_the_producers_error() -> None:
    assert Prefetcher(as_reader("t", batches(5))).reader.read_all().num_rows == 500
    broken = Prefetcher(pa.RecordBatchReader.from_batches(SCHEMA, batches(5, fail_at=3)))
    with pytest.raises(RuntimeError, match="source broke at batch 3"):
        broken.reader.read_all()


def test_the_prefetcher_reads_ahead_a_bounded_amount_and_stops_when_closed() -> None:
    produced: list[int] = []
    ahead = Prefetcher(pa.RecordBatchReader.from_batches(SCHEMA, batches(100, produced=produced)), depth=2)
    time.sleep(0.3)
    # Two batches queued and a third waiting to be put: never the whole source.
    assert 2 <= len(produced) <= 3
    ahead.close()
    deadline = time.monotonic() + 2
    while any(t.name == "columnar_etl-prefetch" and t.is_alive() for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the producer did not stop"
        time.sleep(0.02)
    assert len(produced) <= 3


def test_the_prefetcher_reads_further_ahead_within_its_byte_budget() -> None:
    # While nobody consumes (PostgreSQL builds the indexes of the table before), the producer keeps
    # going as long as the batches it holds fit in max_bytes: here ten batches' bytes of 100.
    size = next(batches(1)).nbytes
    produced: list[int] = []
    source = pa.RecordBatchReader.from_batches(SCHEMA, batches(100, produced=produced))
    ahead = Prefetcher(source, depth=2, max_bytes=10 * size)
    deadline = time.monotonic() + 5
    while len(produced) < 10 and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.2)
    assert 10 <= len(produced) <= 11  # ten held and an eleventh waiting for room
    # Taking batches makes room for as many more; everything arrives, in order.
    table = ahead.reader.read_all()
    assert table.num_rows == 10_000
    assert table.column(0).to_pylist() == list(range(10_000))


def test_the_prefetcher_holds_a_batch_over_its_share_of_the_byte_budget_alone() -> None:
    # A row of large cells is a batch by itself, whatever its size: two of them held ahead (the
    # depth) would take twice the budget. A batch of more than max_bytes / depth is held alone.
    size = next(batches(1)).nbytes
    produced: list[int] = []
    source = pa.RecordBatchReader.from_batches(SCHEMA, batches(100, produced=produced))
    ahead = Prefetcher(source, depth=2, max_bytes=size)
    time.sleep(0.3)
    assert 1 <= len(produced) <= 2  # one held and a second waiting for room
    table = ahead.reader.read_all()
    assert table.column(0).to_pylist() == list(range(10_000))


def test_the_last_batch_put_as_the_consumers_wait_times_out_is_not_lost() -> None:
    # The consumer waits for an item with a timeout, then asks whether the producer still lives.
    # Between the two (a busy machine deschedules the consumer), the producer can put its last
    # batch and the end marker and exit: that is the end of the table, not a producer gone silent.
    class LateQueue(Queue[Any]):
        timed_out = False

        def get(self, block: bool = True, timeout: float | None = None) -> Any:
            if not self.timed_out:
                self.timed_out = True
                assert prefetcher.finished.wait(5)
                prefetcher._thread.join()  # everything is put and the producer gone...
                raise Empty  # ...just after this wait had given up
            return super().get(block, timeout)

    release = threading.Event()

    def held(count: int) -> Iterator[pa.RecordBatch]:
        release.wait(5)
        yield from batches(count)

    # The producer below starts once this one finished, which it does not before its queue is replaced.
    gate = Prefetcher(pa.RecordBatchReader.from_batches(SCHEMA, held(1)))
    prefetcher = Prefetcher(as_reader("t", batches(1)), after=gate)
    prefetcher._queue = LateQueue(maxsize=2)
    release.set()
    assert prefetcher.reader.read_all().num_rows == 100


def _producers() -> int:
    return sum(t.name == "columnar_etl-prefetch" and t.is_alive() for t in threading.enumerate())


def test_chained_producers_start_one_after_another_not_waiting_side_by_side() -> None:
    # 1,000 small tables had 1,000 producer threads from the start, each waking on a timer to ask
    # whether the one before had finished. A producer's thread now starts when the one before ends.
    before = _producers()
    release = threading.Event()
    order: list[int] = []

    def table(number: int) -> Iterator[pa.RecordBatch]:
        if number == 0:
            release.wait(5)
        order.append(number)
        yield from batches(1)

    chain: list[Prefetcher] = []
    for number in range(50):
        source = pa.RecordBatchReader.from_batches(SCHEMA, table(number))
        chain.append(Prefetcher(source, after=chain[-1] if chain else None))
    time.sleep(0.1)
    assert _producers() - before == 1  # the first, held; not 50
    release.set()
    assert [ahead.reader.read_all().num_rows for ahead in chain] == [100] * 50
    assert order == list(range(50))  # never two tables' sources at a time, in order
    for ahead in chain:
        ahead.close()
    assert _producers() == before


def test_a_producer_closed_before_its_turn_never_reads_and_the_next_still_starts() -> None:
    release = threading.Event()
    read: list[str] = []

    def table(name: str) -> Iterator[pa.RecordBatch]:
        if name == "a":
            release.wait(5)
        read.append(name)
        yield from batches(1)

    first = Prefetcher(pa.RecordBatchReader.from_batches(SCHEMA, table("a")))
    skipped = Prefetcher(pa.RecordBatchReader.from_batches(SCHEMA, table("b")), after=first)
    last = Prefetcher(pa.RecordBatchReader.from_batches(SCHEMA, table("c")), after=skipped)
    skipped.close()  # returns at once: its producer never started
    assert not skipped.finished.is_set()
    release.set()
    assert last.reader.read_all().num_rows == 100
    assert first.reader.read_all().num_rows == 100
    assert read == ["a", "c"] and skipped.finished.is_set()
    with pytest.raises(RuntimeError, match="stopped without a word"):
        skipped.reader.read_all()
    first.close()
    last.close()


def test_canary_samples_are_deterministic_by_key_and_about_the_fraction() -> None:
    def sample(key: list[str]) -> pa.Table:
        return canary_sample(as_reader("t", batches(100)), key, 0.1).read_all()

    by_id = sample(["TKT-Ticket ID"])
    assert 800 < by_id.num_rows < 1200
    assert by_id.equals(sample(["TKT-Ticket ID"]))
    composite = sample(["TKT-Ticket ID", "paid"])
    assert 800 < composite.num_rows < 1200 and composite.equals(sample(["TKT-Ticket ID", "paid"]))
    assert 800 < sample([]).num_rows < 1200  # no key: by position


def test_default_keys_and_references_follow_id_names() -> None:
    assert default_key(SCHEMA) == ["TKT-Ticket ID"]
    assert default_references(SCHEMA, ["TKT-Ticket ID"]) == ["CMT-Ticket ID"]  # not "paid"
    assert default_key(pa.schema([("name", pa.string())])) == []
    assert default_key(pa.schema([("ticketId", pa.int32())])) == ["ticketId"]


def test_renaming_keeps_values() -> None:
    reader = renamed(as_reader("t", batches(2)), {"TKT-Ticket ID": "tkt_ticket_id"})
    table = reader.read_all()
    assert table.column_names == ["tkt_ticket_id", "CMT-Ticket ID", "paid"]
    assert table.num_rows == 200
