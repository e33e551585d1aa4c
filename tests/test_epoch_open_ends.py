"""Epoch integers beside far-future stand-ins for "never" / "no end": .NET's ``DateTime.MaxValue`` as
Unix seconds (``253402300799``, 9999-12-31 23:59:59 UTC), milliseconds or microseconds, the day
9999-12-31 at midnight, and the 32-bit ``time_t``'s last second ``2147483647`` (2038-01-19 03:14:07 UTC,
a C or PHP program's "never expires"). Since 2026-12-06 such a column is read as instants as any epoch
column is, the unit judged on its other integers, each stand-in read as its exact instant (a timestamptz
holds 9999-12-31), every cell audited ``epoch:<unit>``, and a note says how many stand-ins it holds.
Until then one stand-in made the whole column bigint with no note, and a column declared DATETIME of
seconds beside ``253402300799`` was read as milliseconds of January 1970 (its bounds fit that unit).

Expected instants are computed in Python from the values written, not by the code under test.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from columnar_etl import profile

from .test_other_products import Ran, audit_rules, loaded_cleanly, run_export

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]

ROWS = 20
UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: Seconds since 1970 of the rows' moments (2024-01-02 08:24:05 UTC on), a day and a second apart.
SECONDS = [1_704_183_845 + 86_401 * i for i in range(ROWS)]
#: .NET's DateTime.MaxValue in each unit (truncated to it), the day 9999-12-31, the 32-bit time_t's end.
MAX_SECONDS, DAY_SECONDS, TIME_T_MAX = 253_402_300_799, 253_402_214_400, 2_147_483_647
MAX_MILLIS, DAY_MILLIS = 253_402_300_799_999, 253_402_214_400_000
MAX_MICROS, WHOLE_MAX_MICROS = 253_402_300_799_999_999, 253_402_300_799_000_000


def _ended(values: list[int], ends: dict[int, int]) -> list[int]:
    """``values`` with the rows of ``ends`` (row -> stand-in) replaced."""
    return [ends.get(i, value) for i, value in enumerate(values)]


#: Every fifth row never ends; row 3 is a 2038 "never expires" among seconds.
NEVER = {i: MAX_SECONDS for i in range(0, ROWS, 5)}
#: Each column read as instants: its declared type, its values, how many of its unit make a second.
INSTANTS: dict[str, tuple[str, list[int], int]] = {
    "expires_at": ("INTEGER", _ended(SECONDS, {**NEVER, 3: TIME_T_MAX}), 1),
    "ends_at": ("INTEGER", _ended([s * 1000 + 123 for s in SECONDS], {0: MAX_MILLIS, 7: DAY_MILLIS}), 1000),
    "valid_until": (
        "INTEGER",
        _ended(
            [s * 1_000_000 + 123_456 for s in SECONDS], {0: MAX_MICROS, 9: WHOLE_MAX_MICROS, 10: MAX_MICROS}
        ),
        1_000_000,
    ),
    # Declared a date: until 2026-12-06 read as milliseconds (1.7e9 ms is 1970-01-20).
    "closes": ("DATETIME", _ended(SECONDS, {4: MAX_SECONDS, 8: DAY_SECONDS}), 1),
}
#: Columns that stay integers, every value as written, with no note of stand-ins.
INTEGERS: dict[str, tuple[str, list[int]]] = {
    # A count whose "unlimited" is 2^31 - 1: no date-like name.
    "max_uses": (
        "INTEGER",
        _ended([100 + 7 * i for i in range(ROWS)], {i: TIME_T_MAX for i in range(0, ROWS, 4)}),
    ),
    # A seconds stand-in among milliseconds is an ordinary value (1978 as milliseconds): as before.
    "mixed_at": ("INTEGER", _ended([s * 1000 for s in SECONDS], {2: MAX_SECONDS})),
    # Stand-ins alone, or beside one other value: no unit to judge by.
    "never_at": ("INTEGER", [MAX_SECONDS] * ROWS),
    "lone_at": ("INTEGER", _ended([SECONDS[0]] * ROWS, NEVER)),
    # 0 for no date beside them: the 0s' own rule, which reads no stand-in (no note, as before).
    "zero_at": ("INTEGER", _ended(SECONDS, {**NEVER, 1: 0})),
    # Microseconds of whole seconds (20 to 30 minutes) beside 2^31 - 1: a duration, not instants.
    "dedicated_time": (
        "INTEGER",
        _ended(
            [(1_200 + 30 * i) * 1_000_000 for i in range(ROWS)], {i: TIME_T_MAX for i in range(0, ROWS, 5)}
        ),
    ),
}
#: A table whose primary key is moments beside a stand-in: an identifier, as before.
KEYED = [*SECONDS[:5], MAX_SECONDS]


def open_ends(path: Path) -> Path:
    columns = {**{n: c[:2] for n, c in INSTANTS.items()}, **INTEGERS}
    con = sqlite3.connect(path)
    with con:
        ddl = ", ".join(f'"{name}" {declared}' for name, (declared, _) in columns.items())
        con.execute(f"CREATE TABLE ev (id INTEGER PRIMARY KEY, {ddl})")
        con.executemany(
            f"INSERT INTO ev VALUES (?, {', '.join('?' * len(columns))})",
            [(i + 1, *(values[i] for _, values in columns.values())) for i in range(ROWS)],
        )
        con.execute("CREATE TABLE k (created_at INTEGER PRIMARY KEY, label TEXT)")
        con.executemany("INSERT INTO k VALUES (?, ?)", [(v, f"k{i}") for i, v in enumerate(KEYED)])
    con.close()
    return path


def _instant(value: int, per_second: int) -> datetime:
    return UNIX_EPOCH + timedelta(microseconds=value * 1_000_000 // per_second)


def test_epoch_integers_beside_stand_ins_for_no_end_load_as_their_instants(run_export: Runner) -> None:
    ran, run_dir = run_export(open_ends)
    loaded_cleanly(ran, run_dir, {"ev": ROWS, "k": len(KEYED)})
    types = ran.types("ev")
    for name, (_, values, per_second) in INSTANTS.items():
        assert types[name] == "timestamp with time zone", name
        assert ran.values("ev", name, "id") == {
            i + 1: _instant(value, per_second) for i, value in enumerate(values)
        }, name
        unit = {1: "seconds", 1000: "milliseconds", 1_000_000: "microseconds"}[per_second]
        assert audit_rules(run_dir, "ev", name) == {str(i + 1): {f"epoch:{unit}"} for i in range(ROWS)}, name
    # The stand-ins, exactly: 9999-12-31 23:59:59 (and .999, .999999), its midnight, 2038's last second.
    assert ran.values("ev", "expires_at", "id")[1] == datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert ran.values("ev", "expires_at", "id")[4] == datetime(2038, 1, 19, 3, 14, 7, tzinfo=UTC)
    assert ran.values("ev", "ends_at", "id")[1] == datetime(9999, 12, 31, 23, 59, 59, 999_000, tzinfo=UTC)
    assert ran.values("ev", "ends_at", "id")[8] == datetime(9999, 12, 31, tzinfo=UTC)
    assert ran.values("ev", "valid_until", "id")[1] == datetime(9999, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC)
    assert ran.values("ev", "closes", "id")[2] == datetime(2024, 1, 3, 8, 24, 6, tzinfo=UTC)
    for name, (_, values) in INTEGERS.items():
        assert types[name] == "bigint", name
        assert ran.values("ev", name, "id") == {i + 1: value for i, value in enumerate(values)}, name
        assert audit_rules(run_dir, "ev", name) == {}, name
    assert ran.types("k")["created_at"] == "bigint"
    assert ran.values("k", "created_at", "label") == {f"k{i}": value for i, value in enumerate(KEYED)}


def test_the_note_counts_the_stand_ins_and_gives_their_instants(tmp_path: Path) -> None:
    table = profile(open_ends(tmp_path / "ends.db"))["ev"]
    tail = ", which applications write for no end: each read as the instant it counts in epoch"
    expected = {
        "expires_at": f"4 values are 253402300799, 9999-12-31 23:59:59 UTC, and 1 is 2147483647, "
        f"2038-01-19 03:14:07 UTC{tail} seconds",
        "ends_at": f"1 value is 253402214400000, 9999-12-31 00:00:00 UTC, and 1 is 253402300799999, "
        f"9999-12-31 23:59:59.999 UTC{tail} milliseconds",
        "valid_until": f"2 values are 253402300799999999, 9999-12-31 23:59:59.999999 UTC, and 1 is "
        f"253402300799000000, 9999-12-31 23:59:59 UTC{tail} microseconds",
        "closes": f"1 value is 253402214400, 9999-12-31 00:00:00 UTC, and 1 is 253402300799, "
        f"9999-12-31 23:59:59 UTC{tail} seconds",
    }
    for name in [*INSTANTS, *INTEGERS]:
        column = table[name]
        said = [note for note in column.notes if "for no end" in note]
        assert said == ([expected[name]] if name in expected else []), (name, column.notes)
        assert column.inferred_type == ("timestamptz" if name in INSTANTS else "integer"), name
        # The declared DATETIME's values are moments, as declared: no type mismatch (an INTEGER read
        # as instants has one, as any epoch column; the integers kept have none).
        mismatch = name in INSTANTS and INSTANTS[name][0] == "INTEGER"
        assert [issue.kind for issue in column.issues] == (["type_mismatch"] if mismatch else []), name


#: Days since 1970 of a DATE column's values (2022-01-10 on), each written as its midnight in epoch
#: milliseconds (as a CMS writes a date field); every fourth row the day 9999-12-31.
DAYS = [19_002 + 3 * i for i in range(ROWS)]
OPEN_DAYS = {i: DAY_MILLIS for i in range(0, ROWS, 4)}


def open_days(path: Path) -> Path:
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE d (id INTEGER PRIMARY KEY, valid_to DATE)")
        rows = _ended([day * 86_400_000 for day in DAYS], OPEN_DAYS)
        con.executemany("INSERT INTO d VALUES (?, ?)", [(i + 1, value) for i, value in enumerate(rows)])
    con.close()
    return path


def test_a_date_columns_midnights_beside_the_day_9999_12_31_are_days(run_export: Runner) -> None:
    # Until 2026-12-06 their bounds (2022 and 9999 in milliseconds) fitted microseconds alone: every
    # day of 2022 loaded as an instant of January 1970.
    ran, run_dir = run_export(open_days)
    loaded_cleanly(ran, run_dir, {"d": ROWS})
    assert ran.types("d")["valid_to"] == "date"
    assert ran.values("d", "valid_to", "id") == {
        i + 1: date(9999, 12, 31) if i in OPEN_DAYS else date(1970, 1, 1) + timedelta(days=day)
        for i, day in enumerate(DAYS)
    }
    assert audit_rules(run_dir, "d", "valid_to") == {str(i + 1): {"epoch:milliseconds"} for i in range(ROWS)}
    notes = profile(open_days(run_dir.parent / "days.db"))["d"]["valid_to"].notes
    said = (
        f"{len(OPEN_DAYS)} values are 253402214400000, 9999-12-31 00:00:00 UTC, which applications write "
        "for no end: each read as the day it names in epoch milliseconds"
    )
    assert said in notes, notes
