"""A column declared ``DEFAULT CURRENT_TIMESTAMP`` holding instants an ORM wrote with their offset
(Sequelize's ``2024-03-01 10:01:00.000 +00:00``, Prisma's ``…T…+00:00``) and, in the rows a raw INSERT
(a seed, a migration's backfill) left to the DEFAULT, SQLite's own ``2024-03-01 10:01:00``, which SQLite
writes in UTC. Since 2026-12-05 such a column is of instants (timestamptz), the DEFAULT's text read as
UTC and audited; until then it stayed text, "carry a UTC offset and the others do not".

Controls keep what they did: a value without an offset of another shape (a fraction, a ``T``), a
DEFAULT of local time (``datetime('now', 'localtime')``), and no DEFAULT at all.

Expected values come from the rows written here, not from the code under test.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from columnar_etl import profile

from .lossless_check import summarize
from .test_lossless import load_and_check

ROWS = 24
#: Rows a raw INSERT left to the DEFAULT: the database's current time, in UTC.
SEEDED = {i for i in range(ROWS) if i % 4 == 0}
#: The instant each row's ORM wrote, an hour and a minute apart.
START = datetime(2024, 3, 1, 10, 0, tzinfo=UTC)
#: The moment the DEFAULT rows hold (what SQLite's CURRENT_TIMESTAMP wrote, fixed here).
NOW = "2024-06-01 12:34:56"


def _instant(i: int) -> datetime:
    return START + timedelta(hours=i, minutes=i)


def _export(path: Path) -> Path:
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT, "
            "created DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "
            "updated DATETIME DEFAULT (datetime('now')), "
            "fraction DATETIME DEFAULT CURRENT_TIMESTAMP, "
            "local DATETIME DEFAULT (datetime('now', 'localtime')), "
            "plain DATETIME)"
        )
        for i in range(ROWS):
            at = _instant(i)
            sequelize = at.strftime("%Y-%m-%d %H:%M:%S.000 +00:00")
            prisma = at.astimezone().isoformat(timespec="milliseconds")
            if i in SEEDED:
                # The DEFAULT's text, as a raw INSERT leaves it (written here with the value it would
                # hold, so the test is deterministic); the controls get the same text by hand.
                con.execute(
                    "INSERT INTO posts VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (i, f"seed {i}", NOW, NOW, f"{NOW}.5", NOW, NOW),
                )
            else:
                con.execute(
                    "INSERT INTO posts VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (i, f"post {i}", sequelize, prisma, sequelize, sequelize, sequelize),
                )
    con.close()
    return path


def test_the_defaults_utc_text_beside_instants_with_an_offset_is_read_as_instants(tmp_path: Path) -> None:
    table = profile(_export(tmp_path / "posts.db"))["posts"]
    for name in ("created", "updated"):
        column = table[name]
        assert column.inferred_type == "timestamptz", (name, column.type_reason)
        assert f"{len(SEEDED)} without one are the column's DEFAULT" in column.type_reason, name
        assert column.quality == 100.0, (name, column.issues)
    for name in ("fraction", "local", "plain"):
        column = table[name]
        assert column.inferred_type == "text", (name, column.type_reason)
        assert "carry a UTC offset and the others do not" in column.type_reason, name


def test_the_defaults_text_arrives_as_its_utc_instant_audited(pg_uri: str, tmp_path: Path) -> None:
    ran = load_and_check(_export(tmp_path / "posts.db"), pg_uri, tmp_path)
    assert not ran.violations, summarize(ran.violations)
    assert ran.result.exit_code == 0, ran.result.record.error
    assert (
        ran.data_type("posts", "created") == ran.data_type("posts", "updated") == "timestamp with time zone"
    )
    now = datetime.fromisoformat(NOW).replace(tzinfo=UTC)
    expected = {i: now if i in SEEDED else _instant(i) for i in range(ROWS)}
    assert ran.values("posts", "created", "id") == ran.values("posts", "updated", "id") == expected
    assert ran.data_type("posts", "plain") == "text"
    # Every value not already in the canonical form is audited, the DEFAULT's among them.
    changed = {
        int(row["row_key"])
        for row in ran.log("audit")
        if row["column"] == "created" and str(row["rule"]).startswith("date_format")
    }
    assert changed == set(range(ROWS))
