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


def test_formats_without_a_type_make_a_text_column_a_date_column(make_sqlite: SqliteFactory) -> None:
    # Jira's CSV writes `20/May/25 8:42 AM` (a two-digit year: the profile keeps it text). The operator's
    # formats alone were ignored without a word on such a column: it stayed text. They now decide the
    # type as they read: a time of day → timestamp, an offset → timestamptz, else date.
    moments = [datetime.datetime(2025, 5, 20, 8, 42) + datetime.timedelta(hours=31 * i) for i in range(6)]
    zone = datetime.timezone(datetime.timedelta(hours=2))
    rows = [
        (
            i,
            f"{m:%d/%b/%y} {m.hour % 12 or 12}:{m:%M} {'AM' if m.hour < 12 else 'PM'}",
            f"{m:%d/%b/%y}",
            f"{m:%d/%b/%y %H:%M}+0200",
            f"{m:%Y-%m-%d %H:%M:%S}",
        )
        for i, m in enumerate(moments)
    ]
    path = make_sqlite(
        {"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, created TEXT, due TEXT, zoned TEXT, iso TEXT)", rows)}
    )
    asked = {
        "created": {"formats": ["%d/%b/%y %I:%M %p"]},
        "due": {"formats": ["%d/%b/%y"]},
        "zoned": {"formats": ["%d/%b/%y %H:%M%z"]},
        "iso": {"formats": ["%Y-%m-%d %H:%M:%S"]},  # the profile's own reading: a timestamp already
    }
    settings = Settings(columns={"t": asked})
    planned = plan_step(profile_step(path, settings), settings)
    columns = {c.name: c for c in planned.plan.tables["t"].columns}
    assert {name: columns[name].type for name in asked} == {
        "created": "timestamp",
        "due": "date",
        "zoned": "timestamptz",
        "iso": "timestamp",
    }
    assert all(columns[name].formats == tuple(asked[name]["formats"]) for name in asked)
    with clean_stream(path, planned.plan, settings=settings) as cleaned:
        table: dict[str, list[Any]] = {name: [] for name in ("created", "due", "zoned")}
        for batch in cleaned.batches("t"):
            for name in table:
                table[name] += batch.column(batch.schema.get_field_index(name)).to_pylist()
    assert table["created"] == moments
    assert table["due"] == [m.date() for m in moments]
    assert table["zoned"] == [m.replace(tzinfo=zone) for m in moments]
