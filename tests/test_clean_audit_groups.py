"""The audit of a batch whose cells nearly all change is written in bounded groups of columns."""

from __future__ import annotations

import random
from typing import Any

import polars as pl
import pyarrow as pa
import pytest

from columnar_etl.cleaning import audit, clean_stream, table
from columnar_etl.cleaning.table import log_groups
from columnar_etl.config import Settings
from columnar_etl.pipeline.steps import plan_step, profile_step
from tests.conftest import SqliteFactory

ROWS = 300


def _export(make_sqlite: SqliteFactory) -> Any:
    rng = random.Random(55)
    rows = []
    for i in range(1, ROWS + 1):
        dates = [
            f"{rng.randrange(1, 29):02d}.{rng.randrange(1, 13):02d}.{rng.randrange(2000, 2030)}"
            for _ in range(3)
        ]
        amount = f"{rng.randrange(10_000)},{rng.randrange(100):02d}"
        note = f" note {i} " if i % 4 == 0 else f"note {i}"  # every fourth trimmed
        rows.append((i, *dates, amount, note))
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, d0 TEXT, d1 TEXT, d2 TEXT, amount TEXT, note TEXT)"
    return make_sqlite({"t": (ddl, rows)})


def _audit(path: Any, monkeypatch: pytest.MonkeyPatch, group_rows: int) -> tuple[pa.Table, list[int]]:
    monkeypatch.setattr(table, "LOG_GROUP_ROWS", group_rows)
    written: list[int] = []
    real = audit.LogSink.write

    def spy(self: audit.LogSink, rows: pl.DataFrame) -> None:
        if self is sink[0]:
            written.append(rows.height)
        real(self, rows)

    sink: list[audit.LogSink] = []
    monkeypatch.setattr(audit.LogSink, "write", spy)
    settings = Settings()
    planned = plan_step(profile_step(path, settings), settings)
    with clean_stream(path, planned.plan, settings=settings) as cleaned:
        assert cleaned._audit is not None
        sink.append(cleaned._audit)
        for _ in cleaned.batches("t"):
            pass
        result = cleaned.result()
    assert result.audit is not None
    return result.audit, written


def test_a_batch_audit_is_written_in_groups_of_columns_same_rows_same_order(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _export(make_sqlite)
    whole, at_once = _audit(path, monkeypatch, 1 << 30)
    grouped, in_groups = _audit(path, monkeypatch, 2 * ROWS)
    # Every date and amount cell is converted, every fourth note trimmed: one audit row each.
    changed = [ROWS, ROWS, ROWS, ROWS, ROWS // 4]
    assert whole.num_rows == grouped.num_rows == sum(changed)
    assert at_once == [sum(changed)]
    # Two columns' rows a write at most: d0+d1, d2+amount, note.
    assert in_groups == [2 * ROWS, 2 * ROWS, ROWS // 4]
    assert grouped.equals(whole)
    assert grouped.column("column").to_pylist() == [
        name for name, n in zip(["d0", "d1", "d2", "amount", "note"], changed, strict=True) for _ in range(n)
    ]


def test_log_groups_keep_the_order_and_a_big_column_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table, "LOG_GROUP_ROWS", 10)
    names: list[Any] = ["a", "b", "c", "d", "e"]
    assert log_groups(names, [4, 6, 11, 1, 9]) == [["a", "b"], ["c"], ["d", "e"]]
    assert log_groups(names, [0, 0, 0, 0, 10]) == [names]
    assert log_groups([], []) == []
