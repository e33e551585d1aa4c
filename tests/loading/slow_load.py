"""A load that takes a while, for a test that SIGKILLs it: ``python -m tests.loading.slow_load URI N``.

Prints ``batch i/N`` (flushed) as each batch goes to COPY, then ``done`` when the load has committed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator

import pyarrow as pa

from columnar_etl.config import load_settings
from columnar_etl.loading import load_tables

SCHEMA = pa.schema([("id", pa.int64()), ("body", pa.string())])
ROWS_PER_BATCH = 1_000


def batches(count: int) -> Iterator[pa.RecordBatch]:
    """``count`` batches of distinct ids, a tenth of a second apart."""
    for i in range(count):
        print(f"batch {i + 1}/{count}", flush=True)  # noqa: T201  (the test reads it)
        ids = pa.array(range(i * ROWS_PER_BATCH, (i + 1) * ROWS_PER_BATCH), pa.int64())
        yield pa.record_batch([ids, pa.array(["x" * 50] * ROWS_PER_BATCH)], schema=SCHEMA)
        time.sleep(0.1)


def main() -> None:
    """Load ``tickets`` from a slow stream into the URI of argv[1], argv[2] batches."""
    uri, count = sys.argv[1], int(sys.argv[2])
    reader = pa.RecordBatchReader.from_batches(SCHEMA, batches(count))
    load_tables({"tickets": reader}, uri, settings=load_settings(target_lock_wait=10))
    print("done", flush=True)  # noqa: T201


if __name__ == "__main__":
    main()
