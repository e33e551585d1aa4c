"""Rows per cleaned batch: bounded by ``batch_bytes`` over the source's bytes a row, and over a floor of
bytes a cell, so a sparse table of many columns (NULLs cost the source nothing) is not one huge batch."""

from __future__ import annotations

import sqlite3

from columnar_etl.config import Settings
from columnar_etl.pipeline.steps import clean_step, plan_step, profile_step
from tests.conftest import SqliteFactory

COLUMNS = 300
ROWS = 6_000


def test_a_sparse_wide_table_is_cleaned_in_batches_bounded_by_its_columns(make_sqlite: SqliteFactory) -> None:
    # 300 custom-field columns, one cell in 50 set (a one-letter value), the rest NULL: ~6 source bytes a
    # row, so batch_bytes over the source bytes alone allows every row in one batch.
    ddl = f"CREATE TABLE custom (id INTEGER PRIMARY KEY, {', '.join(f'cf{i} TEXT' for i in range(COLUMNS))})"
    rows = [(n, *("x" if (n + i) % 50 == 0 else None for i in range(COLUMNS))) for n in range(ROWS)]
    path = make_sqlite({"custom": (ddl, rows)})
    settings = Settings(batch_bytes=1024 * 1024)
    planned = plan_step(profile_step(path, settings), settings)
    with clean_step(path, planned, settings) as stream:
        batches = list(stream.batches("custom"))
    sizes = [batch.num_rows for batch in batches]
    # At least 8 bytes a cell of each of the table's 301 columns: 1 MiB / (8 * 301) = 435 rows a batch.
    assert max(sizes) == settings.batch_bytes // (8 * (COLUMNS + 1))
    assert sum(sizes) == ROWS
    # The cells are the source's, batch after batch.
    con = sqlite3.connect(path)
    expected = con.execute("SELECT id, cf7, cf299 FROM custom ORDER BY id").fetchall()
    con.close()
    got = [
        (row["id"], row["cf7"], row["cf299"])
        for batch in batches
        for row in batch.select(["id", "cf7", "cf299"]).to_pylist()
    ]
    assert got == expected
