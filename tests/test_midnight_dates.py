"""A column declared DATE whose values are timestamps at exactly midnight (sqlite-jdbc's
``date_class=TEXT`` writes a ``java.sql.Date`` as ``2024-05-27 00:00:00.000``; .NET and ORMs write
``2024-05-27T00:00:00``, ``2024-05-27 00:00:00``) loads as ``date``, each value audited as a format
read; a time that is not midnight, a declared DATETIME, or a UTC offset keeps the timestamp it was.

Run by the CLI into the session's real PostgreSQL, every cell checked with the lossless checker;
the expected values are computed here from the builder's own days, never from a run."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from .other_products import write_export
from .test_other_products import Ran, audit_rules, loaded_cleanly, run_export

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]

ROWS = 12
FIRST_DAY = date(2024, 5, 27)
#: The row whose time is not midnight in the column that keeps its timestamps.
NOON_ROW = 5


def day(i: int) -> date:
    return FIRST_DAY + timedelta(days=3 * i)


def midnights(path: Path) -> Path:
    """One table, a column per case; every column's values are day(i) at its midnight, written so."""
    ddl = [
        'CREATE TABLE "due" (id INTEGER PRIMARY KEY, jdbc DATE, dotnet DATE, noon DATE, '
        "stamp DATETIME, zoned DATE, mixed DATE)"
    ]
    rows = [
        (
            i + 1,
            f"{day(i).isoformat()} 00:00:00.000",
            f"{day(i).isoformat()}T00:00:00",
            f"{day(i).isoformat()} {'12:30' if i == NOON_ROW else '00:00'}:00.000",
            f"{day(i).isoformat()} 00:00:00",
            f"{day(i).isoformat()} 00:00:00+02:00",
            day(i).isoformat() if i % 2 else f"{day(i).isoformat()} 00:00:00",
        )
        for i in range(ROWS)
    ]
    return write_export(path, ddl, {"due": rows})


def test_a_declared_date_of_midnights_loads_as_dates(run_export: Runner) -> None:
    ran, run_dir = run_export(midnights)
    loaded_cleanly(ran, run_dir, {"due": ROWS})
    assert ran.record["outcome"] == "done" and ran.code == 0
    assert ran.types("due") == {
        "id": "bigint",
        "jdbc": "date",
        "dotnet": "date",
        "mixed": "date",
        # One value at 12:30: a time of day, the column's timestamps as before.
        "noon": "timestamp without time zone",
        # DATETIME says instant: its midnights stay timestamps.
        "stamp": "timestamp without time zone",
        # +02:00 midnight is 22:00 the day before in UTC: no whole day, the instants as before.
        "zoned": "timestamp with time zone",
    }
    days = {i + 1: day(i) for i in range(ROWS)}
    at_midnight = {i + 1: datetime.combine(day(i), datetime.min.time()) for i in range(ROWS)}
    for column in ("jdbc", "dotnet", "mixed"):
        assert ran.values("due", column, "id") == days, column
    assert ran.values("due", "stamp", "id") == at_midnight
    assert ran.values("due", "noon", "id") == {
        **at_midnight,
        NOON_ROW + 1: at_midnight[NOON_ROW + 1].replace(hour=12, minute=30),
    }
    assert ran.values("due", "zoned", "id") == {
        key: (moment - timedelta(hours=2)).replace(tzinfo=UTC) for key, moment in at_midnight.items()
    }
    # Each midnight read as its day is a documented format read, in the audit; a plain date is as written.
    assert audit_rules(run_dir, "due", "jdbc") == {
        str(i + 1): {"date_format:%Y-%m-%d %H:%M:%S.%f"} for i in range(ROWS)
    }
    assert audit_rules(run_dir, "due", "dotnet") == {
        str(i + 1): {"date_format:%Y-%m-%dT%H:%M:%S"} for i in range(ROWS)
    }
    assert audit_rules(run_dir, "due", "mixed") == {
        str(i + 1): {"date_format:%Y-%m-%d %H:%M:%S"} for i in range(ROWS) if i % 2 == 0
    }
    # The profile says so, per column, with the count of such values (computed from the builder's rows).
    profile = json.loads((run_dir / "profile.json").read_text())
    (table,) = profile["tables"]
    notes = {c["name"]: [n for n in c["notes"] if "at midnight" in n] for c in table["columns"]}
    said = "{} values written as a timestamp at midnight in a column declared DATE: read as their day"
    assert {name: [note.split(", the time")[0] for note in found] for name, found in notes.items()} == {
        "id": [],
        "jdbc": [said.format(ROWS)],
        "dotnet": [said.format(ROWS)],
        "mixed": [said.format(sum(1 for i in range(ROWS) if i % 2 == 0))],
        "noon": [],
        "stamp": [],
        "zoned": [],
    }
