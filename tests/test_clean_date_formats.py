"""A date column of many formats is parsed once per batch: its values and its audit rules from one read."""

from __future__ import annotations

import datetime
import random
from typing import Any

import polars as pl
import pytest

from columnar_etl.cleaning import clean_stream, expressions
from columnar_etl.config import Settings
from columnar_etl.pipeline.steps import plan_step, profile_step
from tests.conftest import SqliteFactory

FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d %b %Y", "%Y-%m-%d %H:%M:%S"]
ROWS = 400


def test_many_formats_are_read_once_for_value_and_rule(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(55)
    stamps = {
        i: datetime.datetime(2020, 1, 1) + datetime.timedelta(minutes=rng.randrange(2_000_000))
        for i in range(1, ROWS + 1)
    }
    rows = [(i, stamp.strftime(FORMATS[i % 4])) for i, stamp in stamps.items()]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, d TEXT)", rows)})
    settings = Settings(batch_size=150)
    planned = plan_step(profile_step(path, settings), settings)
    column = planned.plan.tables["t"].columns[1]
    assert column.type == "timestamp" and sorted(column.formats) == sorted(FORMATS)
    assert len(column.formats) > expressions.FEW_FORMATS

    calls: list[int] = []
    real = expressions.first_formats

    def counted(text: pl.Series, *args: Any) -> pl.DataFrame:
        calls.append(len(text))
        return real(text, *args)

    monkeypatch.setattr(expressions, "first_formats", counted)
    with clean_stream(path, planned.plan, settings=settings, batch_size=150) as cleaned:
        batches = list(cleaned.batches("t"))
        result = cleaned.result()
    # One read of each batch's text (150 + 150 + 100 rows), none again for the audit's rules.
    assert calls == [batch.num_rows for batch in batches] == [150, 150, 100]
    values = [v for batch in batches for v in batch.column(1).to_pylist()]
    assert values == [datetime.datetime.strptime(text, FORMATS[i % 4]) for i, text in rows]
    # Every cell not already ISO text with a time is converted; its rule names the format it was in.
    assert result.audit is not None
    audit = result.audit
    rules = dict(zip(audit.column("row_key").to_pylist(), audit.column("rule").to_pylist(), strict=True))
    assert rules == {
        str(i): f"date_format:{FORMATS[i % 4]}" for i in range(1, ROWS + 1) if FORMATS[i % 4] != FORMATS[3]
    }
