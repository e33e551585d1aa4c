"""Epoch integers beside ``0`` for "no date" (Trac's milestone ``due`` in microseconds, Joplin's
``todo_due`` / ``todo_completed`` in milliseconds) keep their integers, every value as written; since
2026-12-04 a note says what the other integers are and gives the instant's expression, ``NULLIF``
making the 0s NULL. Since 2026-12-05 ``-1`` too (WhatsApp's, Strawberry's ``lastplayed``), with or
without 0s beside it.

Expected instants are computed in Python from the values written, not by the code under test.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path

from columnar_etl import profile
from columnar_etl.pg.identifiers import quote_ident

from . import app_databases as apps
from .conftest import SqliteFactory, note_instants, pg_query
from .lossless_check import summarize
from .test_lossless import load_and_check
from .test_other_products import Ran, audit_rules, loaded_cleanly, run_export

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]

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


# Other stand-ins for "no date" / "never" beside the moments (since 2026-12-07): MantisBT's 1 for no due
# date (core/date_api.php's date_get_null()), the DOS epoch 1980-01-01 00:00 at UTC (315532800) and as
# a local clock of UTC+01:00 converted (315529200), the largest 32-bit integer among milliseconds, and
# the largest 64-bit one (Active Directory's accountExpires "never") beside seconds and FILETIME ticks.
# Until then none got a note: the column stayed bigint, nothing saying what its integers were.
INT64_MAX = 2**63 - 1
#: FILETIME's ticks at 1970-01-01 UTC, and per second (Windows' documentation of FILETIME).
FILETIME_AT_UNIX_EPOCH, TICKS = 116_444_736_000_000_000, 10_000_000
#: Every fourth row holds the column's stand-in.
STAND_IN_ROWS = {i for i in range(ROWS) if i % 4 == 1}
#: Each column's stand-in, its moments' scale (per second) and offset (the epoch's ticks).
STAND_INS: dict[str, tuple[int, int, int]] = {
    "due_date": (1, 1, 0),
    "mtime_local": (315_529_200, 1, 0),
    "synced_at": (315_532_800, 1, 0),
    "shown_at": (1, 1000, 0),
    "lock_until": (2_147_483_647, 1000, 0),
    "expires_at": (INT64_MAX, 1, 0),
    "ExpiryTime": (INT64_MAX, TICKS, FILETIME_AT_UNIX_EPOCH),
    # A declared DATETIME of seconds: read as instants as before, the DOS epoch its instant.
    "stamp": (315_532_800, 1, 0),
}
STAND_IN_COLUMNS = {
    name: [
        stand_in if i in STAND_IN_ROWS else s * per_second + since + (7 if per_second > 1 else 0)
        for i, s in enumerate(SECONDS)
    ]
    for name, (stand_in, per_second, since) in STAND_INS.items()
}
# MantisBT where no bug has a due date yet: 1s and NULLs alone.
STAND_IN_COLUMNS["due_date_only"] = [1 if i % 2 else None for i in range(ROWS)]
# Birth dates of 1975 to 1986 in declared DATETIME seconds: 1980-01-01 is one of them, no stand-in.
BIRTHS = [157_766_400 + 31_536_000 * i for i in range(ROWS)]
BIRTHS[1] = 315_532_800
STAND_IN_COLUMNS["born"] = BIRTHS


def _stand_ins_export(path: Path) -> Path:
    con = sqlite3.connect(path)
    with con:
        declared = {"stamp": "DATETIME", "born": "DATETIME"}
        names = list(STAND_IN_COLUMNS)
        ddl = ", ".join(f'"{n}" {declared.get(n, "INTEGER")}' for n in names)
        con.execute(f"CREATE TABLE ev (id INTEGER PRIMARY KEY, {ddl})")
        rows = [(i, *(STAND_IN_COLUMNS[n][i] for n in names)) for i in range(ROWS)]
        con.executemany(f"INSERT INTO ev VALUES ({', '.join('?' * (len(names) + 1))})", rows)
    con.close()
    return path


def _text(value: int, per_second: int) -> str:
    """The instant ``value`` counts in a unit of which ``per_second`` make a second, as the note writes it."""
    moment = datetime(1970, 1, 1) + timedelta(microseconds=value * 1_000_000 // per_second)
    return moment.isoformat(sep=" ", timespec="milliseconds" if moment.microsecond else "seconds")


def test_epoch_integers_beside_other_stand_ins_for_no_date_get_a_note_counting_them(tmp_path: Path) -> None:
    table = profile(_stand_ins_export(tmp_path / "stand_ins.db"))["ev"]
    cells = f"{len(STAND_IN_ROWS)} values"
    kept = "kept as numbers (bigint), every value as written; the instant is"
    expected = {
        "due_date": f"integers are seconds since 1970-01-01 UTC, 1 for no date ({cells}, "
        f'{_text(1, 1)} UTC): {kept} to_timestamp(NULLIF("due_date", 1))',
        "mtime_local": f"integers are seconds since 1970-01-01 UTC, 315529200 for no date ({cells}, "
        f"{_text(315_529_200, 1)} UTC, the DOS epoch, 1980-01-01 00:00 at UTC+01:00): "
        f'{kept} to_timestamp(NULLIF("mtime_local", 315529200))',
        "synced_at": f"integers are seconds since 1970-01-01 UTC, 315532800 for no date ({cells}, "
        f'{_text(315_532_800, 1)} UTC, the DOS epoch): {kept} to_timestamp(NULLIF("synced_at", 315532800))',
        "shown_at": f"integers are milliseconds since 1970-01-01 UTC, 1 for no date ({cells}, "
        f'{_text(1, 1000)} UTC): {kept} to_timestamp(NULLIF("shown_at", 1) / 1000.0)',
        "lock_until": f"integers are milliseconds since 1970-01-01 UTC, 2147483647 for never ({cells}, "
        f"{_text(2_147_483_647, 1000)} UTC, the largest 32-bit integer): "
        f'{kept} to_timestamp(NULLIF("lock_until", 2147483647) / 1000.0)',
        "expires_at": f"integers are seconds since 1970-01-01 UTC, {INT64_MAX} for never ({cells}, the "
        f'largest 64-bit integer): {kept} to_timestamp(NULLIF("expires_at", {INT64_MAX}))',
        "ExpiryTime": "integers are Windows FILETIME, 100-nanosecond ticks since 1601-01-01 UTC, "
        f"{INT64_MAX} for never ({cells}, the largest 64-bit integer), finer than a timestamptz's "
        f'microseconds: {kept} to_timestamp((NULLIF("ExpiryTime", {INT64_MAX}) - '
        f"{FILETIME_AT_UNIX_EPOCH}) / {TICKS}.0)",
    }
    for name, note in expected.items():
        column = table[name]
        # The stand-in decides no unit and changes no value: integers, no issue, the note.
        assert column.inferred_type == "integer", (name, column.type_reason)
        assert column.issues == [], (name, column.issues)
        assert [n for n in column.notes if "the instant is" in n] == [note], (name, column.notes)
    # Read as instants as before, the note saying what the DOS epoch among them is.
    stamp = table["stamp"]
    assert stamp.inferred_type == "timestamptz"
    assert stamp.notes[1:] == [
        f"315532800 for no date ({cells}, {_text(315_532_800, 1)} UTC, the DOS epoch): each read as the "
        "instant it counts in epoch seconds; the value or NULL is "
        "NULLIF(\"stamp\", TIMESTAMPTZ '1980-01-01 00:00:00+00')"
    ]
    # Nothing but the stand-in: no unit to read it in, kept as written, the note saying what it is.
    only = table["due_date_only"]
    assert only.inferred_type == "integer"
    assert only.notes == [
        f"every value is one applications write for no date or never, 1 ({ROWS // 2} values): kept as "
        'written; the value or NULL is NULLIF("due_date_only", 1)'
    ]
    # 1980-01-01 inside the birth dates' spread is one of them: no note of it.
    assert table["born"].inferred_type == "timestamptz"
    assert not [n for n in table["born"].notes if "DOS" in n or "no date" in n], table["born"].notes


def test_a_run_keeps_every_stand_in_as_written_and_the_notes_nullif_gives_each_rows_instant(
    run_export: Runner, pg_uri: str
) -> None:
    ran, run_dir = run_export(_stand_ins_export)
    loaded_cleanly(ran, run_dir, {"ev": ROWS})
    notes = {
        name: column.notes
        for name, column in profile(_stand_ins_export(run_dir / "again.db"))["ev"].columns.items()
    }
    types = ran.types("ev")
    for name, values in STAND_IN_COLUMNS.items():
        loaded = ran.values("ev", name, "id")
        if name in ("stamp", "born"):
            assert types[name] == "timestamp with time zone", name
            # Each the instant its integer counts, the DOS epoch too (Python's own datetime).
            assert loaded == {i: UNIX_EPOCH + timedelta(seconds=v) for i, v in enumerate(values)}, name
            assert audit_rules(run_dir, "ev", name) == {str(i): {"epoch:seconds"} for i in range(ROWS)}, name
            continue
        # Every cell as written: no rule changed one.
        assert types[name] == "bigint", name
        assert loaded == dict(enumerate(values)), name
        assert audit_rules(run_dir, "ev", name) == {}, name
        if name not in STAND_INS:
            continue
        stand_in, per_second, since = STAND_INS[name]
        rows = dict(note_instants(pg_uri, ran.base, "ev", notes[name]))
        assert rows == {
            i: None
            if v == stand_in
            # A tick finer than a microsecond: to_timestamp keeps the nearest one.
            else UNIX_EPOCH + timedelta(microseconds=round(Fraction((v - since) * 1_000_000, per_second)))
            for i, v in enumerate(values)
        }, name
    # The declared column's note: its NULLIF makes the stand-in NULL and keeps every other instant.
    (note,) = [n for n in notes["stamp"] if "the value or NULL is" in n]
    expression = note.split("the value or NULL is ")[1]
    relation = f"{quote_ident(ran.base)}.ev"
    assert dict(pg_query(pg_uri, f"SELECT id, {expression} FROM {relation}")) == {
        i: None if v == 315_532_800 else UNIX_EPOCH + timedelta(seconds=v)
        for i, v in enumerate(STAND_IN_COLUMNS["stamp"])
    }


def test_the_smallest_64_bit_integer_beside_epoch_seconds_is_profiled_not_an_overflow(tmp_path: Path) -> None:
    # The stand-ins' test of the DOS epoch subtracted each integer from it: DuckDB computes every branch
    # of the condition, and -9223372036854775808 overflowed ("Overflow in subtraction of INT64"): the
    # profile of any table with it in a column of moments failed (found by the property test of
    # integer columns, 2026-12-07). The condition is now a remainder, which no integer overflows.
    path = tmp_path / "min.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, created_at INTEGER)")
        values = [-(2**63), 2**63 - 1, 315_532_800, *(1_700_000_000 + 86_400 * n + n for n in range(20))]
        con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values, 1)))
    con.close()
    column = profile(path)["t"]["created_at"]
    assert column.row_count == len(values)
    assert (int(column.min), int(column.max)) == (-(2**63), 2**63 - 1)
