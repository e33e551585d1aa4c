"""Epoch integers in nanoseconds (a shell history's ``timestamp``, as atuin writes Rust's
``OffsetDateTime::unix_timestamp_nanos()``; Go's ``time.UnixNano()``) in a column whose name says it
holds a time, or declared a date or timestamp: a timestamptz holds microseconds, so reading them would
round the three digits below; they keep their integers (bigint), every value as written, as before.
Since 2026-12-05 a note says what they are and gives the instant's expression (before, nothing did).

Expected instants are computed in Python from the values written, not by the code under test.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import cast

from columnar_etl import profile

from .conftest import SqliteFactory, note_instants
from .lossless_check import summarize
from .test_lossless import load_and_check

ROWS = 12
UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: Nanoseconds since 1970 of the rows' moments (2024-01-02 08:24:05 UTC on, a day and a second apart),
#: each with digits below the microsecond.
NANOS = [(1_704_183_845 + 86_401 * i) * 1_000_000_000 + 123_456_789 + 7 * i for i in range(ROWS)]
COLUMNS: dict[str, tuple[str, list[int | None]]] = {
    "timestamp": ("INTEGER NOT NULL", NANOS),
    # NULL where the moment has not come (a deleted_at of rows never deleted).
    "deleted_at": ("INTEGER", [None if i % 3 else n + 5_000_000_000 for i, n in enumerate(NANOS)]),
    "seen": ("DATETIME", NANOS),
    # The same integers under a name of no time: no moment at all.
    "checksum": ("INTEGER", NANOS),
    # Nanoseconds of a span: no epoch's range.
    "duration": ("INTEGER", [1_000_003 * (i + 1) for i in range(ROWS)]),
}
EXPECTED = {
    name: f"integers are epoch nanoseconds, finer than a timestamptz's microseconds{declared}: kept as "
    f'numbers (bigint), every value as written; the instant is to_timestamp("{name}" / 1000000000.0)'
    for name, declared in (
        ("timestamp", ""),
        ("deleted_at", ""),
        ("seen", " in a column declared DATETIME"),
    )
}


def _export(make_sqlite: SqliteFactory) -> Path:
    names = list(COLUMNS)
    rows = [(i, *(COLUMNS[name][1][i] for name in names)) for i in range(ROWS)]
    columns = ", ".join(f'"{n}" {COLUMNS[n][0]}' for n in names)
    return make_sqlite({"ev": (f"CREATE TABLE ev (id INTEGER PRIMARY KEY, {columns})", rows)}, name="ns.db")


def _instant(value: int | None) -> datetime | None:
    return None if value is None else UNIX_EPOCH + timedelta(microseconds=value // 1000)


def test_epoch_nanoseconds_keep_their_integers_and_get_a_note_giving_the_instant(
    make_sqlite: SqliteFactory,
) -> None:
    table = profile(_export(make_sqlite))["ev"]
    for name in COLUMNS:
        column = table[name]
        # Nothing else changes: integers, no issue.
        assert column.inferred_type == "integer", (name, column.type_reason)
        instants = [n for n in column.notes if "the instant is" in n]
        assert instants == ([EXPECTED[name]] if name in EXPECTED else []), (name, column.notes)
        # Every value a moment, as DATETIME declares: no type_mismatch (before, each value was one).
        assert column.issues == [], (name, column.issues)


def test_the_nanoseconds_notes_expression_names_each_rows_instant_in_postgresql(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    path = _export(make_sqlite)
    table = profile(path)["ev"]
    ran = load_and_check(path, pg_uri, tmp_path)
    assert not ran.violations, summarize(ran.violations)
    for name in EXPECTED:
        assert ran.data_type("ev", name) == "bigint", name
        rows = note_instants(pg_uri, ran.base, "ev", table[name].notes)
        assert len(rows) == ROWS
        for i, instant in rows:
            expected = _instant(COLUMNS[name][1][i])
            if expected is None:
                assert instant is None, (name, i)
            else:  # a double of seconds: the microsecond, give or take one
                assert abs(instant - expected) <= timedelta(microseconds=1), (name, i, instant)


def test_nanoseconds_beside_zeros_get_the_note_giving_the_instant_of_the_others(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A to-do list's cache keeps a list's `mtime` as the `st_mtime_ns` of its colour file, 0 for a list
    # with none (todoman's): 0 beside nanoseconds. Coarser units beside 0 got the note giving the
    # others' instant (NULLIF making each 0 NULL); nanoseconds got none, neither that nor their own.
    values = [0 if i % 3 == 0 else n for i, n in enumerate(NANOS)]
    declared = [0 if i % 4 == 0 else n for i, n in enumerate(NANOS)]
    path = make_sqlite(
        {
            "lists": (
                "CREATE TABLE lists (id INTEGER PRIMARY KEY, mtime INTEGER, seen DATETIME, size INTEGER)",
                [(i, values[i], declared[i], values[i]) for i in range(ROWS)],
            )
        },
        name="zeros_ns.db",
    )
    table = profile(path)["lists"]
    for name, kind in (("mtime", ""), ("seen", " in a column declared DATETIME")):
        column = table[name]
        assert column.inferred_type == "integer", (name, column.type_reason)
        assert [n for n in column.notes if "the instant is" in n] == [
            f"integers are nanoseconds since 1970-01-01 UTC, 0 for no date, finer than a timestamptz's "
            f"microseconds{kind}: kept as numbers (bigint), every value as written; the instant is "
            f'to_timestamp(NULLIF("{name}", 0) / 1000000000.0)'
        ], (name, column.notes)
    # The same integers under a name of no time: no moment at all.
    assert [n for n in table["size"].notes if "the instant is" in n] == []
    # A 1 among the 0s: no "0 for no date", in a declared column either.
    flagged = make_sqlite(
        {"f": ("CREATE TABLE f (id INTEGER PRIMARY KEY, seen DATETIME)", [(0, 0), (1, 1), (2, NANOS[2])])},
        name="flag_ns.db",
    )
    assert [n for n in profile(flagged)["f"]["seen"].notes if "the instant is" in n] == []
    ran = load_and_check(path, pg_uri, tmp_path)
    assert not ran.violations, summarize(ran.violations)
    for name, written in (("mtime", values), ("seen", declared)):
        rows = note_instants(pg_uri, ran.base, "lists", table[name].notes)
        assert len(rows) == ROWS
        for i, instant in rows:
            if written[i] == 0:
                assert instant is None, (name, i)
            else:  # a double of seconds: the microsecond, give or take one
                expected = _instant(written[i])
                assert expected is not None and abs(instant - expected) <= timedelta(microseconds=1)


# Windows FILETIME: 100-nanosecond ticks since 1601-01-01 UTC (Windows' notification database's
# `ArrivalTime`, Active Directory's `lastLogon`, .NET's `ToFileTimeUtc()`), as finely written as
# nanoseconds: kept as integers, a note giving the instant since 2026-12-06 (until then none under a
# time's name, and where a date was declared a note read them as nanoseconds since 1970: 1974).
FILETIME_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)
#: The rows' moments (2024-03-04 08:15:02 UTC on, five hours and a second apart) in ticks, each with
#: a final digit no microsecond holds.
TICKS = [(13_354_006_502 + 18_001 * i) * 10_000_000 + 1_234_567 + 3 * i for i in range(ROWS)]
FILETIME_COLUMNS: dict[str, tuple[str, list[int | None]]] = {
    "ArrivalTime": ("INT64", TICKS),
    "expires": (
        "INTEGER",
        [None if i % 4 == 1 else t + 3 * 86_400 * 10_000_000 for i, t in enumerate(TICKS)],
    ),
    "seen": ("DATETIME", TICKS),
    "BootTime": ("INT64", [0 if i % 3 == 0 else t for i, t in enumerate(TICKS)]),
    # The same integers under a name of no time: no moment at all.
    "checksum": ("INTEGER", TICKS),
}


def _ticks_kept_with_their_instants(
    make_sqlite: SqliteFactory,
    pg_uri: str,
    tmp_path: Path,
    columns_of: dict[str, tuple[str, list[int | None]]],
    *,
    kind: str,
    epoch: datetime,
    zero_column: str,
) -> None:
    """A table of ``columns_of`` (declared type, values) holding 100-nanosecond ticks since ``epoch``
    (``kind``: what the note calls them, its offset computed here from the epoch): each column integers
    (bigint in the target), with one note giving the instant (0 read as no date in ``zero_column``),
    none under ``checksum``; the note's SQL run on the target gives each row's instant, to the
    microsecond (a double of seconds: give or take one)."""
    names = list(columns_of)
    rows = [(i, *(columns_of[name][1][i] for name in names)) for i in range(ROWS)]
    columns = ", ".join(f'"{n}" {columns_of[n][0]}' for n in names)
    path = make_sqlite({"t": (f"CREATE TABLE t (id INTEGER PRIMARY KEY, {columns})", rows)}, name="ticks.db")
    table = profile(path)["t"]
    offset = (UNIX_EPOCH - epoch) // timedelta(microseconds=1) * 10
    since = epoch.date().isoformat()
    for name in names:
        column = table[name]
        assert column.inferred_type == "integer", (name, column.type_reason)
        instants = [n for n in column.notes if "the instant is" in n]
        if name == "checksum":
            assert instants == [], column.notes
            continue
        zero = ", 0 for no date" if name == zero_column else ""
        declared = " in a column declared DATETIME" if name == "seen" else ""
        target = f'NULLIF("{name}", 0)' if zero else f'"{name}"'
        assert instants == [
            f"integers are {kind}, 100-nanosecond ticks since {since} UTC{zero}, finer than a "
            f"timestamptz's microseconds{declared}: kept as numbers (bigint), every value as written; the "
            f"instant is to_timestamp(({target} - {offset}) / 10000000.0)"
        ], (name, column.notes)
    # Every value a moment, as DATETIME declares: no type_mismatch.
    assert table["seen"].issues == []
    ran = load_and_check(path, pg_uri, tmp_path)
    assert not ran.violations, summarize(ran.violations)
    for name in names[:-1]:
        assert ran.data_type("t", name) == "bigint", name
        loaded = note_instants(pg_uri, ran.base, "t", table[name].notes)
        assert len(loaded) == ROWS
        for i, instant in loaded:
            ticks = columns_of[name][1][i]
            if ticks in (None, 0):
                assert instant is None, (name, i)
            else:
                expected = epoch + timedelta(microseconds=cast(int, ticks) // 10)
                assert abs(instant - expected) <= timedelta(microseconds=1), (name, i, instant)


def test_windows_filetime_keeps_its_integers_and_gets_a_note_giving_the_instant(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    _ticks_kept_with_their_instants(
        make_sqlite,
        pg_uri,
        tmp_path,
        FILETIME_COLUMNS,
        kind="Windows FILETIME",
        epoch=FILETIME_EPOCH,
        zero_column="BootTime",
    )


# .NET's DateTime.Ticks: 100-nanosecond ticks since 0001-01-01 (a backup tool's file times, Duplicati's
# `FilesetEntry.Lastmodified` of `ToUniversalTime().Ticks`), as finely written as FILETIME: kept as
# integers, a note giving the instant since 2026-12-06 (until then none, and where a date was declared
# a note read them as nanoseconds since 1970: 1990).
DOTNET_EPOCH = datetime(1, 1, 1, tzinfo=UTC)
#: The rows' moments (2024-03-04 08:15:02 UTC on, five hours and a second apart) in .NET ticks, each
#: with a final digit no microsecond holds.
DOTNET_TICKS = [
    int((datetime(2024, 3, 4, 8, 15, 2, tzinfo=UTC) - DOTNET_EPOCH).total_seconds() + 18_001 * i) * 10_000_000
    + 7_654_321
    + 3 * i
    for i in range(ROWS)
]
DOTNET_COLUMNS: dict[str, tuple[str, list[int | None]]] = {
    "Lastmodified": ("INTEGER", DOTNET_TICKS),
    "seen": ("DATETIME", DOTNET_TICKS),
    "written_at": ("INTEGER", [0 if i % 3 == 0 else t for i, t in enumerate(DOTNET_TICKS)]),
    # The same integers under a name of no time: no moment at all.
    "checksum": ("INTEGER", DOTNET_TICKS),
}


def test_dotnet_ticks_keep_their_integers_and_get_a_note_giving_the_instant(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    _ticks_kept_with_their_instants(
        make_sqlite,
        pg_uri,
        tmp_path,
        DOTNET_COLUMNS,
        kind=".NET DateTime ticks",
        epoch=DOTNET_EPOCH,
        zero_column="written_at",
    )
