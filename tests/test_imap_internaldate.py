"""IMAP's date-time (RFC 3501's ``date-time``: ``02-Jan-2024 03:04:05 +0100``, ``%d-%b-%Y %H:%M:%S
%z``), the INTERNALDATE a server gives every message, which mail clients keep in their own
databases as the server wrote it (Geary's ``MessageTable.internaldate``). Read as instants
(``timestamptz``), each cell audited by its format, as the same date without an offset
(``20-MAY-2025 08:42:07``) and e-mail's RFC 2822 dates already were; until 2026-12-05 such a column
stayed text.

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

FORMAT = "%d-%b-%Y %H:%M:%S %z"
START = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def internaldate(i: int) -> str:
    """Row ``i``'s INTERNALDATE: every 31 hours 17 seconds on, at offsets east and west of UTC; a
    server may write the day padded with a space (RFC 3501's ``date-day-fixed``: `` 2-Jan-2024``),
    which a client may keep or strip."""
    at = START + timedelta(hours=31 * i, seconds=17 * i)
    zone = timezone(timedelta(hours=(1, -5, 0, 5, -8)[i % 5], minutes=30 if i % 5 == 3 else 0))
    text = at.astimezone(zone).strftime(FORMAT)
    if i % 7 == 4:
        return text.lstrip("0")
    return " " + text[1:] if i % 7 == 5 and text.startswith("0") else text


def _mail_cache(path: Path, rows: int = 30) -> Path:
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE message (id INTEGER PRIMARY KEY, internaldate TEXT, subject TEXT)")
        con.executemany(
            "INSERT INTO message VALUES (?, ?, ?)",
            [(i + 1, internaldate(i), f"message {i} ✉") for i in range(rows)],
        )
    return path


def test_imap_date_time_is_read_as_instants(pg_uri: str, tmp_path: Path) -> None:
    path = _mail_cache(tmp_path / "mail.db")
    column = profile(path)["message"]["internaldate"]
    assert column.inferred_type == "timestamptz", column.type_reason
    ran = load_and_check(path, pg_uri, tmp_path)
    assert not ran.violations, summarize(ran.violations)
    assert (ran.result.exit_code, ran.result.outcome) == (0, "done")
    assert ran.data_type("message", "internaldate") == "timestamp with time zone"
    with closing(sqlite3.connect(path)) as con:
        texts = dict(con.execute("SELECT id, internaldate FROM message"))
    assert any(text.startswith(" ") for text in texts.values())
    assert any(text[1] == "-" for text in texts.values())
    assert ran.values("message", "internaldate", "id") == {
        key: datetime.strptime(text.strip(), FORMAT) for key, text in texts.items()
    }
    # A day padded with a space is trimmed first, as any value's ends are.
    audited = sorted(row["rule"] for row in ran.log("audit") if row["column"] == "internaldate")
    assert audited == sorted(
        ("trim," if text.startswith(" ") else "") + f"date_format:{FORMAT}" for text in texts.values()
    )


def test_no_such_day_or_second_is_no_date(tmp_path: Path) -> None:
    """``30-Feb-2024 …`` or second 60 is no such moment: one among the dates leaves the column text,
    as written; the same value on a real day is read."""
    path = _mail_cache(tmp_path / "mail.db")
    for wrong in ("30-Feb-2024 10:00:00 +0100", "02-Jan-2024 03:04:60 +0100"):
        with closing(sqlite3.connect(path)) as con, con:
            con.execute("UPDATE message SET internaldate = ? WHERE id = 3", (wrong,))
        column = profile(path)["message"]["internaldate"]
        assert column.inferred_type == "text", wrong
        assert column.type_reason.startswith("1 of 30 values are not timestamptz"), column.type_reason
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("UPDATE message SET internaldate = '29-Feb-2024 10:00:00 +0100' WHERE id = 3")
    assert profile(path)["message"]["internaldate"].inferred_type == "timestamptz"
