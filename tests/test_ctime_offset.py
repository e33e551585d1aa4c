"""ctime's order with a numeric UTC offset before the year (``Wed Jul 31 14:03:28 +0000 2019``,
``%a %b %d %H:%M:%S %z %Y``): the ``created_at`` of every tweet Twitter's API and its archives write,
and Ruby 1.8's ``Time#to_s``. Read as instants (``timestamptz``), each cell audited by its format,
as ctime with a zone's name before the year (``Tue May 20 08:42:00 UTC 2025``) already was; until
2026-12-05 such a column stayed text.

Expected values come from Python's own ``strptime`` of each text, not from the code under test.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from columnar_etl import profile

from .lossless_check import summarize
from .test_lossless import load_and_check

FORMAT = "%a %b %d %H:%M:%S %z %Y"
START = datetime(2019, 10, 26, 20, 8, 15, tzinfo=UTC)


def moment(i: int) -> datetime:
    """Row ``i``'s instant: every 7 hours 13 seconds back, some rows an offset other than UTC's."""
    at = START - timedelta(hours=7 * i, seconds=13 * i)
    return at.astimezone(timezone(timedelta(hours=-7 if i % 5 == 1 else 5, minutes=30 if i % 5 == 2 else 0)))


def _tweets(path: Path, rows: int = 30) -> Path:
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE tweet (id INTEGER PRIMARY KEY, created_at TEXT, full_text TEXT)")
        con.executemany(
            "INSERT INTO tweet VALUES (?, ?, ?)",
            [
                (
                    i + 1,
                    moment(i).strftime(FORMAT)
                    if i % 5 in (1, 2)
                    else moment(i).astimezone(UTC).strftime(FORMAT),
                    f"tweet {i} ☕",
                )
                for i in range(rows)
            ],
        )
    return path


def test_ctime_with_an_offset_before_the_year_is_read_as_instants(pg_uri: str, tmp_path: Path) -> None:
    path = _tweets(tmp_path / "tweets.db")
    column = profile(path)["tweet"]["created_at"]
    assert column.inferred_type == "timestamptz", column.type_reason
    ran = load_and_check(path, pg_uri, tmp_path)
    assert not ran.violations, summarize(ran.violations)
    assert (ran.result.exit_code, ran.result.outcome) == (0, "done")
    assert ran.data_type("tweet", "created_at") == "timestamp with time zone"
    with closing(sqlite3.connect(path)) as con:
        texts = dict(con.execute("SELECT id, created_at FROM tweet"))
    assert ran.values("tweet", "created_at", "id") == {
        key: datetime.strptime(text, FORMAT) for key, text in texts.items()
    }
    audited = {row["column"]: row["rule"] for row in ran.log("audit") if row["column"] == "created_at"}
    assert audited == {"created_at": f"date_format:{FORMAT}"}


def test_a_weekday_that_is_not_the_dates_is_no_date(tmp_path: Path) -> None:
    """``Thu Jul 31 14:03:28 +0000 2019`` (31 July 2019 was a Wednesday) is no such moment, as with
    every form that writes a weekday: one among the tweets leaves the column text, as written."""
    path = _tweets(tmp_path / "tweets.db")
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("UPDATE tweet SET created_at = 'Thu Jul 31 14:03:28 +0000 2019' WHERE id = 3")
    column = profile(path)["tweet"]["created_at"]
    assert column.inferred_type == "text"
    assert column.type_reason.startswith("1 of 30 values are not timestamptz"), column.type_reason
    # The same text with the day's own weekday is read.
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("UPDATE tweet SET created_at = 'Wed Jul 31 14:03:28 +0000 2019' WHERE id = 3")
    assert profile(path)["tweet"]["created_at"].inferred_type == "timestamptz"


def test_second_60_is_no_time(tmp_path: Path) -> None:
    """``Wed Jul 31 14:03:60 +0000 2019``: no such second (chrono would read a leap second)."""
    path = _tweets(tmp_path / "tweets.db")
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("UPDATE tweet SET created_at = 'Wed Jul 31 14:03:60 +0000 2019' WHERE id = 3")
    column = profile(path)["tweet"]["created_at"]
    assert column.inferred_type == "text"
    assert column.type_reason.startswith("1 of 30 values are not timestamptz"), column.type_reason
