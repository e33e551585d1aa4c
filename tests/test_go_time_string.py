"""Go's ``time.Time.String()`` text (``2024-05-20 16:00:06.5 +0200 CEST``, with the monotonic clock's
reading after it for a ``time.Now()``: ``… +0000 UTC m=+0.012345678``), what a Go program writes where
a driver or ``fmt`` stringifies a ``time.Time``: read as instants (``timestamptz``), the offset
applied once, the zone's name after it never read, the monotonic reading dropped, each cell audited
``date_format:<the Go format>``. A fraction of seven to nine digits not all zero beyond the sixth is
finer than PostgreSQL keeps: such a column stays text, every value as written, uncharged, as
go-sqlite3's ``…00.123456789+00:00`` already did. Until 2026-12-05 every such value was "text where the
declared type says otherwise" (a small export of them halted, exit 3).

Expected values are the builder's own instants, and Python's own ``strptime`` of each text agrees.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from columnar_etl import clean, profile
from columnar_etl.rules.dates import GO_TIME_FORMAT

from .test_app_databases import Runner
from .test_data_tools import profiled
from .test_other_products import audit_rules, loaded_cleanly, run_export

__all__ = ["run_export"]  # the fixture, used by name

START = datetime(2024, 5, 20, 14, 0, 6, tzinfo=UTC)
#: Offsets in minutes and the names Go's time zone database prints for them (one with no
#: abbreviation, which Go prints as its offset).
ZONES = ((0, "UTC"), (120, "CEST"), (-480, "PST"), (180, "+03"), (330, "IST"), (-150, "NDT"))
ROWS = 24


def go_string(at: datetime, nanoseconds: int, zone: int, monotonic: float | None) -> str:
    """``at`` (its microseconds zero) plus ``nanoseconds`` as Go's ``Time.String()`` writes it at
    ``ZONES[zone]``: ``2006-01-02 15:04:05.999999999 -0700 MST``, trailing zeros of the fraction
    trimmed (the point too when none is left), then `` m=±s.nnnnnnnnn`` when there is a reading."""
    minutes, name = ZONES[zone]
    local = at.astimezone(timezone(timedelta(minutes=minutes)))
    fraction = f"{nanoseconds:09d}".rstrip("0")
    sign = "+" if minutes >= 0 else "-"
    text = (
        f"{local:%Y-%m-%d %H:%M:%S}{'.' + fraction if fraction else ''} "
        f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d} {name}"
    )
    if monotonic is not None:
        text += f" m={'+' if monotonic >= 0 else '-'}{abs(monotonic):.9f}"
    return text


def row(i: int) -> tuple[int, str, int, str, str, str, datetime]:
    """Row ``i``: an id, a name, success, the time (whole seconds, milli- or microseconds, at each zone,
    every third with a monotonic reading), a nanosecond time (its last digits never zero), a note; and
    the instant the time names."""
    at = START + timedelta(hours=7 * i, minutes=13 * i, seconds=11 * i)
    nanos = (0, 500_000_000, 123_000_000, 123_456_000, 7_000, 999_999_000)[i % 6]
    monotonic = 0.012345678 * (i + 1) if i % 3 == 0 else None
    when = go_string(at, nanos, i % len(ZONES), monotonic)
    fine = go_string(at, 123_456_789 + i, (i + 1) % len(ZONES), 3600.5 + i if i % 2 else None)
    instant = at + timedelta(microseconds=nanos // 1000)
    return i + 1, f"endpoint-{i % 4}", i % 5 != 0, when, fine, f"check {i}", instant


def uptime_results(path: Path) -> Path:
    """A Go uptime monitor's results: seven columns, two declared TIMESTAMP holding Go's text."""
    with closing(sqlite3.connect(path)) as con, con:
        con.execute(
            "CREATE TABLE results (id INTEGER PRIMARY KEY, endpoint TEXT NOT NULL, success INTEGER, "
            "timestamp TIMESTAMP NOT NULL, checked TIMESTAMP, note TEXT, duration INTEGER)"
        )
        con.executemany(
            "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(*row(i)[:6], 1000 + 37 * i) for i in range(ROWS)],
        )
    return path


def python_reads(text: str) -> datetime:
    """Python's own reading of Go's text: the zone's name and the monotonic reading cut off, the rest
    by ``strptime`` (a fraction of up to six digits)."""
    found = re.fullmatch(r"(\S+ \S+) ([+-]\d{4}) \S+(?: m=[+-][0-9.]+)?", text)
    assert found, text
    stamp = found[1] if "." in found[1] else found[1] + ".0"
    return datetime.strptime(f"{stamp} {found[2]}", "%Y-%m-%d %H:%M:%S.%f %z")


def test_go_time_strings_are_instants_and_nanoseconds_stay_text_uncharged(run_export: Runner) -> None:
    ran, run_dir = run_export(uptime_results)
    loaded_cleanly(ran, run_dir, {"results": ROWS})
    assert (ran.code, ran.record["outcome"]) == (0, "done")
    types = ran.types("results")
    assert types["timestamp"] == "timestamp with time zone"
    assert types["checked"] == "text"
    rows = [row(i) for i in range(ROWS)]
    # What the test means: every zone, whole seconds and fractions, monotonic readings or not.
    texts = [r[3] for r in rows]
    assert {t.split(" ")[3] for t in texts} == {name for _, name in ZONES}
    assert any(" m=+" in t for t in texts) and any(" m=" not in t for t in texts)
    assert any("." not in t.split(" ")[1] for t in texts)
    assert ran.values("results", "timestamp", "id") == {r[0]: r[6] for r in rows}
    assert all(python_reads(r[3]) == r[6] for r in rows)
    # Each cell read by the Go format, audited so (the monotonic reading dropped with it).
    assert audit_rules(run_dir, "results", "timestamp") == {
        str(r[0]): {f"date_format:{GO_TIME_FORMAT}"} for r in rows
    }
    # Nanoseconds: text as written, no audit, no type-mismatch charge.
    assert ran.values("results", "checked", "id") == {r[0]: r[4] for r in rows}
    assert audit_rules(run_dir, "results", "checked") == {}
    columns = profiled(run_dir)["columns"]["results"]
    assert [issue["kind"] for issue in columns["checked"]["issues"]] == []
    # The instants: written one way of their own (no dirt), and, as any date text in a column declared
    # TIMESTAMP, stored as TEXT: read as the declared kind of value, not text where it says otherwise.
    issues = {issue["kind"]: issue for issue in columns["timestamp"]["issues"]}
    assert set(issues) == {"non_iso_date", "type_mismatch"}
    assert "costs nothing" in issues["non_iso_date"]["detail"]
    assert issues["type_mismatch"]["detail"] == (
        f"declared TIMESTAMP; {ROWS} of {ROWS} values are stored as TEXT and read as timestamptz"
    )
    assert "finer than the microseconds" in columns["checked"]["type_reason"]


def test_no_such_second_or_day_is_no_instant(tmp_path: Path) -> None:
    """Second 60 and 30 February in Go's text are no instant: the profile calls each an impossible
    date, and cleaning quarantines that very cell (profile and cleaner agree); on a real day the same
    text is read."""
    path = uptime_results(tmp_path / "results.db")
    for wrong in ("2024-05-20 14:00:60 +0000 UTC", "2024-02-30 14:00:06.5 +0200 CEST m=+1.000000000"):
        with closing(sqlite3.connect(path)) as con, con:
            con.execute("UPDATE results SET timestamp = ? WHERE id = 3", (wrong,))
        column = profile(path)["results"]["timestamp"]
        assert column.inferred_type == "timestamptz", wrong
        assert column.issue_count("impossible_date") == 1, wrong
        assert clean(path).quarantined == 1, wrong
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("UPDATE results SET timestamp = '2024-02-29 14:00:06.5 +0200 CEST' WHERE id = 3")
    column = profile(path)["results"]["timestamp"]
    assert column.inferred_type == "timestamptz" and column.issue_count("impossible_date") == 0
    assert clean(path).quarantined == 0
