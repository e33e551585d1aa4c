"""A table profiled alone whose distinct cells would outgrow profile_memory_limit counted at once has
its text columns counted a group at a time (profiling/profile.py, ``_counted_bytes``, ``_grouped``).

Counted at once, 5M rows of four near-distinct text columns and a key (25M distinct cells) spilled past
256 MB and took 6x the CPU of 1M rows (docs/scaling.md, "Shapes at scale"). The figures must not
change: the grouped profile is checked against the same export profiled in one group, and the size
estimate against SQLite's own count of each column's distinct values.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from columnar_etl import profile
from columnar_etl.config import load_settings
from columnar_etl.profiling import profile as profile_module
from columnar_etl.source.export import open_source

from .conftest import SqliteFactory

ROWS = 3_000


def _rows(count: int, seed: int) -> list[tuple[Any, ...]]:
    """A key, near-distinct codes, a column of seven values, e-mails, ISO timestamps as text; a few
    NULLs, null tokens, padded values and a REAL among them."""
    rng = random.Random(seed)
    rows: list[tuple[Any, ...]] = []
    for number in range(1, count + 1):
        code = f"{rng.getrandbits(64):016x}"
        mail: Any = f"user{rng.randrange(10**9)}@example{number % 13}.com"
        stamp: Any = (
            f"2025-{1 + number % 12:02d}-{1 + number % 28:02d} {number % 24:02d}:{number % 60:02d}:07"
        )
        if number % 101 == 0:
            mail = None
        if number % 211 == 0:
            stamp = "NULL"
        if number % 307 == 0:
            code = f"  {code} "
        status: Any = ["open", "closed", "pending", "new", "held", "done", "spam"][number % 7]
        if number % 499 == 0:
            status = 2.5
        rows.append((number, code, status, mail, stamp))
    return rows


def _export(make_sqlite: SqliteFactory) -> Path:
    return make_sqlite(
        {
            "events": (
                "CREATE TABLE events (id INTEGER PRIMARY KEY, code TEXT, status TEXT, mail TEXT, at TEXT)",
                _rows(ROWS, 7),
            ),
            "other": ("CREATE TABLE other (id INTEGER PRIMARY KEY, v TEXT)", [(1, "x"), (2, "y")]),
        }
    )


def _without_seconds(found: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in found.items() if key != "seconds"}


def test_a_table_alone_counted_in_groups_has_the_figures_of_one_group(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _export(make_sqlite)
    expected = profile(path).to_dict()  # side by side, nothing alone
    limit = profile_module.memory_bytes(load_settings().profile_memory_limit)
    # "events" too big to share the limit (profiled alone), and each near-distinct column's cells,
    # counted, more than the limit: the three of them a group each, the status beside one of them.
    monkeypatch.setattr(profile_module, "ALONE_BYTES_PER_CELL", limit // 100)
    monkeypatch.setattr(profile_module, "BATCH_WORK", 0)
    monkeypatch.setattr(profile_module, "COUNTED_CELL_BYTES", limit // (ROWS // 2))
    monkeypatch.setattr(profile_module, "COUNTED_SAMPLE_CELLS", 4_000)  # 1,000 rows of the 3,000
    real, asked = profile_module._text_groups, []

    def watched(src: Any, table: str, groups: list[list[str]], *args: Any, **kwargs: Any) -> Any:
        asked.append((table, groups, kwargs.get("side_by_side", True)))
        return real(src, table, groups, *args, **kwargs)

    monkeypatch.setattr(profile_module, "_text_groups", watched)
    grouped = profile(path).to_dict()
    # The key (a rowid alias) is counted by the typed scan; every text column in one group, once.
    assert [table for table, _, _ in asked] == ["events"]
    _, groups, side_by_side = asked[0]
    assert not side_by_side
    assert sorted(name for group in groups for name in group) == ["at", "code", "mail", "status"]
    assert len(groups) >= 3
    assert _without_seconds(grouped) == _without_seconds(expected)

    # Alone but counted at once (no estimate past the limit): the same figures again.
    monkeypatch.setattr(profile_module, "COUNTED_CELL_BYTES", 0)
    asked.clear()
    assert _without_seconds(profile(path).to_dict()) == _without_seconds(expected)
    assert asked == []


def test_the_estimate_of_counted_bytes_follows_the_distinct_values(tmp_path: Path) -> None:
    """Near-distinct columns come out as many values as rows, a column of a thousand values about a
    thousand (not its sample's share scaled up: ~3 times that), each value its bytes plus
    COUNTED_CELL_BYTES; SQLite counts the truth."""
    path = tmp_path / "wide.db"
    rows = 60_000
    rng = random.Random(3)
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, near TEXT, few TEXT, formula TEXT)")
        con.executemany(
            "INSERT INTO t VALUES (?, ?, ?, ?)",
            [
                (n, f"{rng.getrandbits(60):015x}", f"k{rng.randrange(1000)}", f"f{n * 7 % 1009}")
                for n in range(1, rows + 1)
            ],
        )
    truth = {}
    for column in ("near", "few", "formula"):
        distinct, mean = con.execute(
            f"SELECT count(*), avg(length(v)) FROM (SELECT DISTINCT {column} AS v FROM t)"
        ).fetchone()
        truth[column] = distinct * (mean + profile_module.COUNTED_CELL_BYTES)
    con.close()
    with open_source(path) as src:
        found = profile_module._counted_bytes(src, "t", ["near", "few", "formula"])
    assert found["near"] == pytest.approx(truth["near"], rel=0.05)
    # Chao's estimate of a column of ~1,000 values each seen ~20 times in the 20,000 sampled rows
    # (~1,000): within a tenth; "formula" is all distinct at evenly spaced rows, not at random ones.
    assert found["few"] == pytest.approx(truth["few"], rel=0.1)
    assert found["formula"] == pytest.approx(truth["formula"], rel=0.1)
