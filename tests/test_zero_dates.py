"""MySQL's zero date as SQLite stores a ``DATETIME DEFAULT 0``: the INTEGER ``0``, beside the date text
of the rows whose date was set (Bacula's ``EndTime`` of a job still running). Since 2026-12-05, in a
column declared a date or timestamp whose other values are dates, such a ``0`` is the zero date, as its
text ``0000-00-00 00:00:00`` is: null-like in the profile, NULL by the cleaner (``null_like_to_null``,
audited). Controls: an undeclared column, epoch integers beside 0, integers counting days and a column
of 0s for the most part keep what they did. A declared DEFAULT that is a date no calendar has
(SpatiaLite's ``'0000-01-01T00:00:00.000Z'`` for a time not set yet) is such a zero date too, in the
cells holding it, and so is one that is no date at all (``'now()'``, SQL's current time quoted as an
ORM's string DEFAULT writes it, stored as its text).

Expected values come from the rows written here (and SQLite's own ``typeof``), not from the code under
test.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from columnar_etl import profile

from .lossless_check import summarize
from .test_lossless import load_and_check

ROWS = 24
#: Rows whose date was never set: every twelfth (few: each costs the column's score as a null-like
#: value does, and a third of them would hold the export below the quality gate).
ZERO_ROWS = {i for i in range(ROWS) if i % 12 == 0}
#: The row holding the text zero date instead, in the columns that have one.
TEXT_ZERO_ROW = 5
#: Unix seconds of 2024-01-02 08:24:05 UTC on, a day and a second apart.
SECONDS = [1_704_183_845 + 86_401 * i for i in range(ROWS)]

DDL = (
    "CREATE TABLE job (id INTEGER PRIMARY KEY, "
    # Set only when the job ends: the schema's DEFAULT 0 until then (SQLite stores the INTEGER 0).
    "ended DATETIME DEFAULT 0, due DATE DEFAULT 0, stamp TIMESTAMP, "
    # Controls: no declared type; epoch seconds with 0 for no date; days since 1970 under DATE.
    "loose, done_at DATETIME, day DATE)"
)


def _stamp(i: int) -> str:
    return datetime.fromtimestamp(SECONDS[i], UTC).strftime("%Y-%m-%d %H:%M:%S")


def _row(i: int) -> dict[str, Any]:
    zero = i in ZERO_ROWS
    return {
        "id": i,
        "ended": None if zero else _stamp(i),  # None: left to the column's DEFAULT 0
        "due": None if zero else _stamp(i)[:10],
        "stamp": 0 if zero else "0000-00-00 00:00:00" if i == TEXT_ZERO_ROW else _stamp(i),
        "loose": 0 if zero else _stamp(i),
        "done_at": 0 if zero else SECONDS[i],
        "day": 19_724 + i,
    }


def _write(path: Path, ddl: str, table: str, rows: Iterable[dict[str, Any]]) -> Path:
    """``ddl`` executed, then each row inserted with its columns that are not None (the others left to
    their DEFAULT, as an application's insert leaves them)."""
    with closing(sqlite3.connect(path)) as con, con:
        con.execute(ddl)
        for values in rows:
            row = {name: value for name, value in values.items() if value is not None}
            marks = ", ".join("?" for _ in row)
            con.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})", list(row.values()))
    return path


def _export(path: Path) -> Path:
    return _write(path, DDL, "job", map(_row, range(ROWS)))


def _integer_zeros(path: Path, column: str) -> set[int]:
    """The ids whose ``column`` SQLite holds as the INTEGER 0 (not the text '0')."""
    with closing(sqlite3.connect(path)) as con:
        sql = f"SELECT id FROM job WHERE typeof({column}) = 'integer' AND {column} = 0"
        return {key for (key,) in con.execute(sql)}


def _kinds(issues: Sequence[Any]) -> dict[str, int]:
    return {issue.kind: issue.count for issue in issues}


def test_a_declared_dates_integer_zeros_are_the_zero_date_in_the_profile(tmp_path: Path) -> None:
    path = _export(tmp_path / "jobs.db")
    # SQLite stored the DEFAULT 0 (and the 0 bound) as INTEGER cells: the rows never set.
    for column in ("ended", "due", "stamp", "loose"):
        assert _integer_zeros(path, column) == ZERO_ROWS, column
    table = profile(path)["job"]
    expected = {"ended": "timestamp", "due": "date", "stamp": "timestamp"}
    for name, kind in expected.items():
        column = table[name]
        text_zeros = int(name == "stamp")
        assert column.inferred_type == kind, (name, column.type_reason)
        assert column.null_like_count == len(ZERO_ROWS) + text_zeros, name
        assert column.zero_dates == ["0"], name
        kinds = _kinds(column.issues)
        assert "unparseable_date" not in kinds, (name, column.issues)
        assert kinds["null_like"] == len(ZERO_ROWS) + text_zeros, (name, column.issues)
        assert column.valid_count == ROWS - len(ZERO_ROWS) - text_zeros, name
        assert any("MySQL's zero date" in note for note in column.notes), (name, column.notes)


def test_undeclared_epoch_and_day_count_columns_keep_their_zeros(tmp_path: Path) -> None:
    table = profile(_export(tmp_path / "jobs.db"))["job"]
    # No declared type: nothing says the 0 is a date; beside date text the column is text, every value
    # as written (the 0 too), as before.
    assert table["loose"].inferred_type == "text"
    # Epoch seconds beside 0 for no date: numbers, the note giving the instant (test_epoch_beside_zeros).
    assert table["done_at"].inferred_type == "integer"
    assert any('NULLIF("done_at", 0)' in note for note in table["done_at"].notes), table["done_at"].notes
    # Days since 1970 under DATE: numbers, the note giving the day.
    assert table["day"].inferred_type == "integer"
    for name in ("loose", "done_at", "day"):
        assert table[name].null_like_count == 0, name
        assert table[name].zero_dates == [], name
        assert "null_like" not in _kinds(table[name].issues), name


def test_zeros_that_are_most_of_a_declared_column_are_no_zero_dates(tmp_path: Path) -> None:
    # Two dates among 22 0s: the column does not read as dates, and no 0 is made NULL for it.
    path = tmp_path / "mostly.db"
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE job (id INTEGER PRIMARY KEY, ended DATETIME DEFAULT 0)")
        con.executemany(
            "INSERT INTO job VALUES (?, ?)", [(i, _stamp(i) if i < 2 else 0) for i in range(ROWS)]
        )
    column = profile(path)["job"]["ended"]
    assert column.inferred_type not in ("date", "timestamp", "timestamptz")
    assert column.null_like_count == 0
    assert column.zero_dates == []


def test_the_zero_dates_load_as_null_audited_and_every_other_cell_as_written(
    pg_uri: str, tmp_path: Path
) -> None:
    path = _export(tmp_path / "jobs.db")
    ran = load_and_check(path, pg_uri, tmp_path)
    assert not ran.violations, summarize(ran.violations)
    assert (ran.result.exit_code, ran.result.outcome) == (0, "done")
    assert ran.data_type("job", "ended") == ran.data_type("job", "stamp") == "timestamp without time zone"
    assert ran.data_type("job", "due") == "date"
    rows = [_row(i) for i in range(ROWS)]
    assert ran.values("job", "ended", "id") == {
        i: None if i in ZERO_ROWS else datetime.fromisoformat(r["ended"]) for i, r in enumerate(rows)
    }
    assert ran.values("job", "due", "id") == {
        i: None if i in ZERO_ROWS else date.fromisoformat(r["due"]) for i, r in enumerate(rows)
    }
    assert ran.values("job", "stamp", "id") == {
        i: None if i in ZERO_ROWS | {TEXT_ZERO_ROW} else datetime.fromisoformat(r["stamp"])
        for i, r in enumerate(rows)
    }
    # The controls arrive as written: the undeclared column's 0 is the text '0'.
    assert ran.values("job", "loose", "id") == {i: str(r["loose"]) for i, r in enumerate(rows)}
    assert ran.values("job", "done_at", "id") == {i: r["done_at"] for i, r in enumerate(rows)}
    assert ran.values("job", "day", "id") == {i: r["day"] for i, r in enumerate(rows)}
    # Each NULL is audited by the null-token rule, as the text zero date is; nothing else is made NULL.
    nulled: dict[str, set[int]] = {}
    for row in ran.log("audit"):
        if row["rule"] == "null_like_to_null":
            nulled.setdefault(str(row["column"]), set()).add(int(row["row_key"]))
    assert nulled == {"ended": ZERO_ROWS, "due": ZERO_ROWS, "stamp": ZERO_ROWS | {TEXT_ZERO_ROW}}


#: A "not set yet" that no calendar has (year 0), as a schema's DEFAULT of TIMESTAMP columns: a GIS
#: metadata table's last-change times are created holding it and only one of them is ever set.
NEVER = "0000-01-01T00:00:00.000Z"
TIMES_DDL = (
    "CREATE TABLE layer_time (layer TEXT NOT NULL PRIMARY KEY, "
    f"inserted TIMESTAMP NOT NULL DEFAULT '{NEVER}', updated TIMESTAMP NOT NULL DEFAULT '{NEVER}', "
    f"deleted TIMESTAMP NOT NULL DEFAULT '{NEVER}', "
    # Controls: the same text in a column that declares no such DEFAULT, and a DEFAULT that is a day.
    "noted TIMESTAMP, since DATE DEFAULT '1999-12-31', srid INTEGER, kind TEXT)"
)
LAYERS = 12
#: The layers whose row was updated (the others keep the DEFAULT), and the one whose ``noted`` holds
#: the year-0 text its column never declared.
UPDATED = set(range(LAYERS)) - {2, 9}
NOTED_NEVER = 5


def _layer_time(i: int) -> dict[str, Any]:
    at = datetime(2026, 12, 5, 14, 19, 51, 567000, UTC) + timedelta(seconds=97 * i, milliseconds=i)
    iso = at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"
    return {
        "layer": f"layer {i} ✓",
        "inserted": iso,
        "updated": iso.replace("T14", "T15") if i in UPDATED else None,
        "noted": NEVER if i == NOTED_NEVER else iso,
        "since": None if i % 2 else f"2024-01-{i + 1:02d}",
        "srid": (4326, 3857, -1)[i % 3],
        "kind": ("POINT", "LINESTRING", "MULTIPOLYGON 😀")[i % 3],
    }


def _layer_times(path: Path) -> Path:
    return _write(path, TIMES_DDL, "layer_time", map(_layer_time, range(LAYERS)))


def test_a_declared_default_no_calendar_has_is_the_columns_not_set_null_audited(
    pg_uri: str, tmp_path: Path
) -> None:
    path = _layer_times(tmp_path / "times.db")
    with closing(sqlite3.connect(path)) as con:
        sql = "SELECT layer FROM layer_time WHERE {} = ?"
        stored = {
            column: {key for (key,) in con.execute(sql.format(column), [NEVER])}
            for column in ("updated", "deleted", "noted")
        }
    names = [_layer_time(i)["layer"] for i in range(LAYERS)]
    assert stored == {
        "updated": {names[i] for i in range(LAYERS) if i not in UPDATED},
        "deleted": set(names),
        "noted": {names[NOTED_NEVER]},
    }
    table = profile(path)["layer_time"]
    for name in ("updated", "deleted"):
        column = table[name]
        assert column.zero_dates == [NEVER], name
        assert column.null_like_count == len(stored[name]), name
        assert "impossible_date" not in _kinds(column.issues), (name, column.issues)
    # The control: no DEFAULT says the year-0 text is the column's "not set": an impossible date.
    assert table["noted"].zero_dates == []
    assert _kinds(table["noted"].issues)["impossible_date"] == 1

    ran = load_and_check(path, pg_uri, tmp_path)
    assert not ran.violations, summarize(ran.violations)
    rows = {r["layer"]: r for r in map(_layer_time, range(LAYERS))}
    # Until 2026-12-05 the DEFAULTs were impossible dates: the circuit breaker halted the run (exit 3).
    # The control's one year-0 text is an impossible date still: quarantined, the run's one warning.
    assert (ran.result.exit_code, ran.result.outcome) == (2, "warn")
    assert ran.result.record.warnings == ["table 'layer_time': 1 unfixable value(s) quarantined"]
    assert ran.values("layer_time", "noted", "layer") == {
        key: None if r["noted"] == NEVER else datetime.fromisoformat(r["noted"]) for key, r in rows.items()
    }
    assert ran.data_type("layer_time", "inserted") == "timestamp with time zone"
    assert ran.data_type("layer_time", "updated") == "timestamp with time zone"
    assert ran.values("layer_time", "updated", "layer") == {
        key: None if r["updated"] is None else datetime.fromisoformat(r["updated"]) for key, r in rows.items()
    }
    assert set(ran.values("layer_time", "deleted", "layer").values()) == {None}
    assert ran.values("layer_time", "since", "layer") == {
        key: date(1999, 12, 31) if r["since"] is None else date.fromisoformat(r["since"])
        for key, r in rows.items()
    }
    nulled: dict[str, set[str]] = {}
    for row in ran.log("audit"):
        if row["rule"] == "null_like_to_null":
            nulled.setdefault(str(row["column"]), set()).add(str(row["row_key"]))
    assert nulled == {"updated": stored["updated"], "deleted": stored["deleted"]}


#: A DEFAULT written as the text of SQL's current time: an ORM given ``server_default="now()"`` (a
#: string, not ``func.now()``) declares ``DEFAULT 'now()'``, quoted, and SQLite stores that text in each
#: row inserted without the column (an agent framework's ``archives_agents.created_at``), as it does a
#: quoted ``'CURRENT_TIMESTAMP'``: no time was recorded.
NOW_DDL = (
    "CREATE TABLE link (id INTEGER PRIMARY KEY, "
    "created_at DATETIME NOT NULL DEFAULT 'now()', seen TIMESTAMP DEFAULT 'CURRENT_TIMESTAMP', "
    # Controls: the same text where no such DEFAULT is declared, a text column's DEFAULT, and one of a
    # column of dates written two ways (text and epoch seconds as text: kept as written, as text).
    "noted DATETIME, label TEXT DEFAULT 'now()', kept DATETIME DEFAULT 'now()')"
)
LINKS = 12
#: The rows inserted with a time (the others were inserted without one: the DEFAULT's text); few, as
#: above: a null-like value costs the column's score.
TIMED = {i for i in range(LINKS) if i % 6}
NOTED_NOW = 7


def _link(i: int) -> dict[str, Any]:
    at = datetime(2025, 3, 1, 9, 0, tzinfo=UTC) + timedelta(days=i, microseconds=123_457 * i)
    text = at.strftime("%Y-%m-%d %H:%M:%S.%f")
    return {
        "id": i + 1,
        "created_at": text if i in TIMED else None,
        "seen": text if i in TIMED else None,
        "noted": "now()" if i == NOTED_NOW else text,
        "label": f"link {i} ✓" if i % 2 else None,
        "kept": (text if i % 2 else str(int(at.timestamp()))) if i in TIMED else None,
    }


def _links(path: Path) -> Path:
    return _write(path, NOW_DDL, "link", map(_link, range(LINKS)))


def test_a_date_columns_default_quoting_sqls_current_time_is_no_date_null_audited(
    pg_uri: str, tmp_path: Path
) -> None:
    path = _links(tmp_path / "links.db")
    with closing(sqlite3.connect(path)) as con:
        sql = "SELECT id FROM link WHERE {} = ?"
        stored = {
            (column, text): {key for (key,) in con.execute(sql.format(column), [text])}
            for column, text in (("created_at", "now()"), ("seen", "CURRENT_TIMESTAMP"), ("noted", "now()"))
        }
        labels = {key: label for key, label in con.execute("SELECT id, label FROM link")}
    untimed = {i + 1 for i in range(LINKS) if i not in TIMED}
    assert stored == {
        ("created_at", "now()"): untimed,
        ("seen", "CURRENT_TIMESTAMP"): untimed,
        ("noted", "now()"): {NOTED_NOW + 1},
    }
    table = profile(path)["link"]
    for name, text in (("created_at", "now()"), ("seen", "CURRENT_TIMESTAMP")):
        column = table[name]
        assert column.zero_dates == [text], name
        assert column.null_like_count == len(untimed), name
        assert "unparseable_date" not in _kinds(column.issues), (name, column.issues)
    # The controls: no DEFAULT says the text is the column's: an unparseable date, as before; a column
    # kept as written (not dates alone) keeps the DEFAULT's text as one of its values.
    assert (table["kept"].inferred_type, table["kept"].zero_dates) == ("text", [])
    assert table["noted"].zero_dates == []
    assert _kinds(table["noted"].issues)["unparseable_date"] == 1

    # Twelve rows: each null-like or unparseable cell costs its column a twelfth of the fixable or
    # unfixable points (docs/profiling.md), below the default gate; the gate is not what is tested.
    ran = load_and_check(path, pg_uri, tmp_path, min_quality=50.0)
    assert not ran.violations, summarize(ran.violations)
    # Until 2026-12-05 each was an unparseable date (a sixth of created_at's and seen's cells).
    assert (ran.result.exit_code, ran.result.outcome) == (2, "warn")
    assert ran.result.record.warnings == ["table 'link': 1 unfixable value(s) quarantined"]
    rows = {r["id"]: r for r in map(_link, range(LINKS))}
    for name in ("created_at", "seen"):
        assert ran.data_type("link", name) == "timestamp without time zone"
        assert ran.values("link", name, "id") == {
            key: None if r[name] is None else datetime.fromisoformat(r[name]) for key, r in rows.items()
        }
    assert ran.values("link", "label", "id") == labels
    assert ran.values("link", "kept", "id") == {
        key: "now()" if r["kept"] is None else r["kept"] for key, r in rows.items()
    }
    nulled: dict[str, set[int]] = {}
    for row in ran.log("audit"):
        if row["rule"] == "null_like_to_null":
            nulled.setdefault(str(row["column"]), set()).add(int(row["row_key"]))
    assert nulled == {"created_at": untimed, "seen": untimed}


def test_dates_beside_more_zeros_in_a_declared_date_column_are_no_dirt_kept_as_text(
    pg_uri: str, tmp_path: Path
) -> None:
    # A notification never sent keeps its DATETIME DEFAULT 0; the few sent hold their local time. Most
    # of the column is 0 (no zero date then, see above), but its dates are values of the very type it
    # declares: kept, the column text, every cell as written (until 2026-12-06 it was bigint and each
    # date quarantined as an invalid number, NULL in the target). Controls: a column declared INTEGER
    # keeps its integers, its stray words quarantined as before; a DATETIME of epoch seconds beside 0.
    path = tmp_path / "sent.db"
    sent = {3: _stamp(3), 11: _stamp(11)[:10], 17: _stamp(17).replace(" ", "T")}
    with closing(sqlite3.connect(path)) as con, con:
        con.execute(
            "CREATE TABLE note (id INTEGER PRIMARY KEY, last_sent DATETIME DEFAULT 0, "
            "tries INTEGER, done_at DATETIME)"
        )
        for i in range(ROWS):
            tries = "abc" if i == 7 else i % 4
            done = SECONDS[i] if i % 3 else 0
            if i in sent:
                con.execute("INSERT INTO note VALUES (?, ?, ?, ?)", (i, sent[i], tries, done))
            else:
                con.execute("INSERT INTO note (id, tries, done_at) VALUES (?, ?, ?)", (i, tries, done))
    with closing(sqlite3.connect(path)) as con:
        stored = dict(con.execute("SELECT typeof(last_sent), count(*) FROM note GROUP BY 1").fetchall())
    assert stored == {"integer": ROWS - len(sent), "text": len(sent)}
    table = profile(path)["note"]
    assert table["last_sent"].inferred_type == "text", table["last_sent"].type_reason
    # No dirt and no misfit: every value is a date as declared or the DEFAULT 0 it declares.
    assert _kinds(table["last_sent"].issues) == {}, table["last_sent"].issues
    assert any("DEFAULT 0" in note for note in table["last_sent"].notes), table["last_sent"].notes
    assert table["tries"].inferred_type == "integer"
    assert _kinds(table["tries"].issues)["invalid_number"] == 1
    assert table["done_at"].inferred_type == "integer"
    ran = load_and_check(path, pg_uri, tmp_path)
    assert not ran.violations, summarize(ran.violations)
    assert ran.data_type("note", "last_sent") == "text"
    assert ran.values("note", "last_sent", "id") == {i: sent.get(i, "0") for i in range(ROWS)}
