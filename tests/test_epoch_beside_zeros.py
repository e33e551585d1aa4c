"""Epoch integers beside ``0`` for "no date" (Trac's milestone ``due`` in microseconds, Joplin's
``todo_due`` / ``todo_completed`` in milliseconds) keep their integers, every value as written; since
2026-12-04 a note says what the other integers are and gives the instant's expression, ``NULLIF``
making the 0s NULL. Since 2026-12-05 ``-1`` too (WhatsApp's, Strawberry's ``lastplayed``), with or
without 0s beside it.

Expected instants are computed in Python from the values written, not by the code under test.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from columnar_etl import profile
from columnar_etl.pg.identifiers import quote_ident

from . import app_databases as apps
from .conftest import SqliteFactory, note_instants, pg_query
from .lossless_check import summarize
from .test_lossless import load_and_check

ROWS = 12
UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: Seconds since 1970 of the rows' moments (2024-01-02 08:24:05 UTC on), a day and a second apart.
SECONDS = [1_704_183_845 + 86_401 * i for i in range(ROWS)]
#: Every third row has no date: 0.
ZERO_ROWS = {i for i in range(ROWS) if i % 3 == 0}
#: Each column's values: the moment in its unit (a fraction of a second below it), or 0.
COLUMNS = {
    "due_at": [0 if i in ZERO_ROWS else s * 1000 + 123 for i, s in enumerate(SECONDS)],
    "done_at": [0 if i in ZERO_ROWS else s for i, s in enumerate(SECONDS)],
    "seen_at": [0 if i in ZERO_ROWS else s * 1_000_000 + 123_456 for i, s in enumerate(SECONDS)],
    # Counters beside 0: no moment at all.
    "updated": [0 if i in ZERO_ROWS else i for i in range(ROWS)],
    # A 1 among the 0s: not "0 for no date".
    "expires_at": [0 if i in ZERO_ROWS else 1 if i == 1 else s for i, s in enumerate(SECONDS)],
    # -1 for no date (a messenger's, a music player's last play never made), since 2026-12-05.
    "played_at": [-1 if i in ZERO_ROWS else s * 1000 for i, s in enumerate(SECONDS)],
    # Both: 0 and -1.
    "viewed_at": [0 if i in ZERO_ROWS else -1 if i == 1 else s for i, s in enumerate(SECONDS)],
    # Another negative: no "no date" value anyone writes.
    "shifted_at": [-5 if i in ZERO_ROWS else s for i, s in enumerate(SECONDS)],
    # -1 beside counters: no moment at all.
    "tries": [-1 if i in ZERO_ROWS else i for i in range(ROWS)],
}
UNITS = {"due_at": 1000, "done_at": 1, "seen_at": 1_000_000, "played_at": 1000, "viewed_at": 1}


def _export(make_sqlite: SqliteFactory) -> Path:
    names = list(COLUMNS)
    rows = [(i, *(COLUMNS[name][i] for name in names)) for i in range(ROWS)]
    ddl = f"CREATE TABLE ev (id INTEGER PRIMARY KEY, {', '.join(f'{n} INTEGER' for n in names)})"
    return make_sqlite({"ev": (ddl, rows)}, name="zeros.db")


def _instant(value: int, per_second: int) -> datetime | None:
    return None if value in (0, -1) else UNIX_EPOCH + timedelta(microseconds=value * 1_000_000 // per_second)


def test_epoch_integers_beside_zeros_get_a_note_giving_the_instant(make_sqlite: SqliteFactory) -> None:
    table = profile(_export(make_sqlite))["ev"]
    expected = {
        "due_at": "integers are milliseconds since 1970-01-01 UTC, 0 for no date: kept as numbers (bigint), "
        'every value as written; the instant is to_timestamp(NULLIF("due_at", 0) / 1000.0)',
        "done_at": "integers are seconds since 1970-01-01 UTC, 0 for no date: kept as numbers (bigint), "
        'every value as written; the instant is to_timestamp(NULLIF("done_at", 0))',
        "seen_at": "integers are microseconds since 1970-01-01 UTC, 0 for no date: kept as numbers (bigint), "
        'every value as written; the instant is to_timestamp(NULLIF("seen_at", 0) / 1000000.0)',
        "played_at": "integers are milliseconds since 1970-01-01 UTC, -1 for no date: kept as numbers "
        '(bigint), every value as written; the instant is to_timestamp(NULLIF("played_at", -1) / 1000.0)',
        "viewed_at": "integers are seconds since 1970-01-01 UTC, 0 and -1 for no date: kept as numbers "
        '(bigint), every value as written; the instant is to_timestamp(NULLIF(NULLIF("viewed_at", 0), -1))',
    }
    for name in COLUMNS:
        column = table[name]
        # Nothing else changes: integers, no issue.
        assert column.inferred_type == "integer", (name, column.type_reason)
        assert column.issues == [], (name, column.issues)
        instants = [n for n in column.notes if "the instant is" in n]
        assert instants == ([expected[name]] if name in expected else []), (name, column.notes)


def test_the_notes_expression_names_each_rows_instant_in_postgresql(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    path = _export(make_sqlite)
    table = profile(path)["ev"]
    ran = load_and_check(path, pg_uri, tmp_path)
    assert not ran.violations, summarize(ran.violations)
    for name, per_second in UNITS.items():
        assert ran.data_type("ev", name) == "bigint", name
        rows = note_instants(pg_uri, ran.base, "ev", table[name].notes)
        assert len(rows) == ROWS
        for i, instant in rows:
            assert instant == _instant(COLUMNS[name][i], per_second), (name, i, instant)


def test_trac_version_time_no_date_zero_gets_the_note(tmp_path: Path) -> None:
    # Trac's version ``time``: microseconds, 0 for a version never released (to_utimestamp(None)).
    # Its milestone ``due`` / ``completed`` and Joplin's ``todo_due`` hold the same, but their names
    # are no date-like names and INTEGER is no date type: nothing says they are moments.
    trac = profile(apps.trac_environment(tmp_path / "trac.db"))
    assert trac["version"]["time"].notes == [
        "integers are microseconds since 1970-01-01 UTC, 0 for no date: kept as numbers (bigint), "
        'every value as written; the instant is to_timestamp(NULLIF("time", 0) / 1000000.0)'
    ]
    assert trac["version"]["time"].inferred_type == "integer"


def test_a_declared_dates_epoch_integers_beside_zeros_get_the_note_and_keep_their_misfits(
    make_sqlite: SqliteFactory,
) -> None:
    # Java's SQLite JDBC driver writes a birth date of 1950 as -631152000000 (epoch milliseconds); the
    # 0s are dates never set. A declared type reads any year from 1900 to 2099, the unit from the values.
    births = [0 if i in ZERO_ROWS else -631_152_000_000 + 86_400_000 * i for i in range(ROWS)]
    path = make_sqlite(
        {"u": ("CREATE TABLE u (id INTEGER PRIMARY KEY, birth DATETIME)", list(enumerate(births)))},
        name="declared.db",
    )
    column = profile(path)["u"]["birth"]
    assert column.inferred_type == "integer"
    # As before: a declared DATETIME of integers that are no instants throughout misfits it.
    assert [(i.kind, i.count) for i in column.issues] == [("type_mismatch", ROWS)]
    assert [n for n in column.notes if "the instant is" in n] == [
        "integers are milliseconds since 1970-01-01 UTC, 0 for no date in a column declared DATETIME: "
        "kept as numbers (bigint), every value as written; "
        'the instant is to_timestamp(NULLIF("birth", 0) / 1000.0)'
    ]


#: Date text with the Unix epoch for "not set" (Request Tracker's Told / Due / Resolved): every third row.
EPOCH_TEXT = "1970-01-01 00:00:00"
TEXT_COLUMNS = {
    "due": [EPOCH_TEXT if i in ZERO_ROWS else f"2024-03-{i + 1:02d} 08:30:00" for i in range(ROWS)],
    "due_day": ["1970-01-01" if i in ZERO_ROWS else f"2024-03-{i + 1:02d}" for i in range(ROWS)],
    # Dates of 1969 and 1970 around it: a real day, no stand-in.
    "born": [f"19{69 + i % 2}-0{1 + i % 9}-01 00:00:00" if i else EPOCH_TEXT for i in range(ROWS)],
    # With an offset: the epoch is an instant, the same in any zone (+02:00 is 1970-01-01 00:00 UTC).
    "closed": [
        "1970-01-01T02:00:00+02:00" if i in ZERO_ROWS else f"2024-03-{i + 1:02d}T08:30:00+01:00"
        for i in range(ROWS)
    ],
    # Never set in any row: the epoch throughout.
    "told": [EPOCH_TEXT] * ROWS,
    # A second after the epoch: a moment, not the stand-in.
    "seen": [
        "1970-01-01 00:00:01" if i in ZERO_ROWS else f"2024-03-{i + 1:02d} 08:30:00" for i in range(ROWS)
    ],
}


def _text_export(make_sqlite: SqliteFactory) -> Path:
    names = list(TEXT_COLUMNS)
    rows = [(i, *(TEXT_COLUMNS[name][i] for name in names)) for i in range(ROWS)]
    ddl = f"CREATE TABLE tk (id INTEGER PRIMARY KEY, {', '.join(f'{n} DATETIME' for n in names)})"
    return make_sqlite({"tk": (ddl, rows)}, name="epoch_text.db")


def test_date_text_whose_earliest_is_the_epoch_gets_a_note_giving_nullif(make_sqlite: SqliteFactory) -> None:
    table = profile(_text_export(make_sqlite))["tk"]
    expected = {
        "due": "the earliest value is 1970-01-01 00:00:00, the Unix epoch, which applications write for "
        "0 (no date): kept as written; the value or NULL is "
        "NULLIF(\"due\", TIMESTAMP '1970-01-01 00:00:00')",
        "due_day": "the earliest value is 1970-01-01, the Unix epoch, which applications write for "
        "0 (no date): kept as written; the value or NULL is NULLIF(\"due_day\", DATE '1970-01-01')",
        "closed": "the earliest value is 1970-01-01 00:00:00+00, the Unix epoch, which applications write "
        "for 0 (no date): kept as written; the value or NULL is "
        "NULLIF(\"closed\", TIMESTAMPTZ '1970-01-01 00:00:00+00')",
        "told": "the earliest value is 1970-01-01 00:00:00, the Unix epoch, which applications write for "
        "0 (no date): kept as written; the value or NULL is "
        "NULLIF(\"told\", TIMESTAMP '1970-01-01 00:00:00')",
    }
    for name in TEXT_COLUMNS:
        column = table[name]
        epoch = [n for n in column.notes if "Unix epoch" in n]
        assert epoch == ([expected[name]] if name in expected else []), (name, column.notes)


def test_the_epoch_text_notes_nullif_names_each_rows_value_in_postgresql(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    path = _text_export(make_sqlite)
    table = profile(path)["tk"]
    ran = load_and_check(path, pg_uri, tmp_path)
    assert not ran.violations, summarize(ran.violations)
    for name, kind, parse in (
        ("due", "timestamp without time zone", lambda s: datetime.strptime(s, "%Y-%m-%d %H:%M:%S")),
        ("due_day", "date", lambda s: datetime.strptime(s, "%Y-%m-%d").date()),
        ("closed", "timestamp with time zone", datetime.fromisoformat),
    ):
        assert ran.data_type("tk", name) == kind, name
        # Every value as written, the epoch too.
        assert ran.values("tk", name, "id") == {i: parse(v) for i, v in enumerate(TEXT_COLUMNS[name])}
        (note,) = [n for n in table[name].notes if "Unix epoch" in n]
        expression = note.split("the value or NULL is ")[1]
        rows = dict(pg_query(pg_uri, f"SELECT id, {expression} FROM {quote_ident(ran.base)}.tk"))
        assert rows == {i: None if i in ZERO_ROWS else parse(v) for i, v in enumerate(TEXT_COLUMNS[name])}, (
            name
        )
