"""The checks of declared references read each child table once, not once per reference.

A text column naming an INTEGER key by number (``joined_by_number``), a composite reference's orphans,
and the target's join once cleaned (``joined_by_cleaning``) each compare every row of the child: with
several references of one kind in a table, the table was read again for each (a million-row table
with references cost the profile seconds of CPU per reference). Every read of a table goes through
``Source.relation_sql``; the reads the reference checks ask for are counted there.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import Counter
from pathlib import Path

import pytest

from columnar_etl import profile
from columnar_etl.models import Profile
from columnar_etl.profiling import (
    cleaning_joins,
    inclusion,
    reference_circles,
    references,
    trees,
    written_references,
)
from columnar_etl.source.export import Source

from .conftest import SqliteFactory


def _export(make_sqlite: SqliteFactory, copies: int, rows: int) -> Path:
    """Child ``c`` with ``copies`` references of each kind: ``n{i}`` text naming ``num.k`` (INTEGER)
    by number, ``t{i}`` padded text naming ``txt.k``, ``(x{i}, y{i})`` naming ``comp (a, b)``, padded
    too (and ``(y0, x0)`` naming ``comp (b, a)``); each with orphans of its own."""
    columns, values = ["id INTEGER PRIMARY KEY"], []
    for i in range(copies):
        columns += [
            f"n{i} TEXT REFERENCES num (k)",
            f"t{i} TEXT REFERENCES txt (k)",
            f"x{i} TEXT",
            f"y{i} INTEGER",
        ]
    columns += [f"FOREIGN KEY (x{i}, y{i}) REFERENCES comp (a, b)" for i in range(copies)]
    columns.append("FOREIGN KEY (y0, x0) REFERENCES comp (b, a)")  # the same columns, in another order
    for row in range(1, rows + 1):
        cells: list[object] = [row]
        for i in range(copies):
            key = (row + i) % 20 + 1
            number = f"00{key}" if row % 4 == 0 else str(key)
            text = f" k{key}" if row % 5 == 0 else f"k{key}"
            part = f"a{key % 4} " if row % 6 == 0 else f"a{key % 4}"
            cells += [number, text, part, key]
        if row in (rows - 3, rows - 2):
            cells[1:] = ["99", "nope", "A9", 1] * copies  # twice an orphan of every reference
        values.append(tuple(cells))
    return make_sqlite(
        {
            "num": ("CREATE TABLE num (k INTEGER PRIMARY KEY, v TEXT)", [(k, f"v{k}") for k in range(1, 21)]),
            "txt": (
                "CREATE TABLE txt (k TEXT PRIMARY KEY, v TEXT)",
                [(f"k{k}", f"v{k}") for k in range(1, 21)],
            ),
            "comp": (
                "CREATE TABLE comp (a TEXT, b INTEGER, v TEXT, PRIMARY KEY (a, b))",
                [(f"a{k % 4}", k, f"v{k}") for k in range(1, 21)],
            ),
            "c": (f"CREATE TABLE c ({', '.join(columns)})", values),
        },
        name=f"refs{copies}_{rows}.db",
    )


def _profiled_with_reads(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Profile, Counter[str]]:
    """The profile of ``path``, and the reads of each table the reference checks asked for."""
    reads: Counter[str] = Counter()
    relation_sql = Source.relation_sql
    checks = {
        m.__name__
        for m in (references, inclusion, cleaning_joins, reference_circles, trees, written_references)
    }

    def counted(self: Source, table: str, *args: object, **kwargs: object) -> str:
        if sys._getframe(1).f_globals.get("__name__") in checks:
            reads[table] += 1
        return relation_sql(self, table, *args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as patched:
        patched.setattr(Source, "relation_sql", counted)
        return profile(path), reads


def _sqlite_orphans(path: Path) -> Counter[int]:
    """Rows of ``c`` SQLite's own foreign_key_check reports, by foreign key id."""
    con = sqlite3.connect(path)
    try:
        return Counter(int(fkid) for _, _, _, fkid in con.execute("PRAGMA foreign_key_check(c)"))
    finally:
        con.close()


# 40 rows: each check computes every row; 1,000 rows of the same 20 keys: over distinct values.
@pytest.mark.parametrize("rows", [40, 1000])
def test_the_reference_checks_read_a_child_table_once_however_many_references_it_has(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch, rows: int
) -> None:
    one, reads_of_one = _profiled_with_reads(_export(make_sqlite, 1, rows), monkeypatch)
    path = _export(make_sqlite, 2, rows)
    result, reads = _profiled_with_reads(path, monkeypatch)
    table = result["c"]
    con = sqlite3.connect(path)
    declared = {
        (row[3], row[4]): int(row[0]) for row in con.execute("SELECT * FROM pragma_foreign_key_list('c')")
    }
    con.close()
    orphans = _sqlite_orphans(path)
    con = sqlite3.connect(path)
    shown = {
        fkid: [
            label
            for (label,) in con.execute(
                f"SELECT x{i} || '|' || y{i} FROM c WHERE rowid IN "
                "(SELECT rowid FROM pragma_foreign_key_check('c') WHERE fkid = ?) ORDER BY 1 LIMIT 5",
                (fkid,),
            )
        ]
        for i in range(2)
        for fkid in [declared[(f"x{i}", "a")]]
    }
    con.close()
    for i in range(2):
        # Every check still finds its own: SQLite's orphans, the text naming keys by number, the padding.
        assert table[f"n{i}"].joined_by_number is not None, i
        assert table[f"t{i}"].joined_by_cleaning is not None, i
        assert table[f"x{i}"].joined_by_cleaning is not None, i
        # Its examples: the orphan rows' smallest values, each as often as rows hold it.
        (issue,) = [issue for issue in table[f"x{i}"].issues if issue.kind == "orphan_reference"]
        assert list(issue.examples) == shown[declared[(f"x{i}", "a")]], issue.examples
        for column, key in ((f"n{i}", "k"), (f"t{i}", "k"), (f"x{i}", "a")):
            counted = table[column].issue_count("orphan_reference")
            assert counted == orphans[declared[(column, key)]], (column, counted, orphans)
    # Two references comparing the same columns: each counts its rows once.
    assert table["y0"].issue_count("orphan_reference") == orphans[declared[("y0", "b")]]
    assert one["c"]["n0"].joined_by_number is not None
    # Twice the references, not twice the reads of c (10 reads against 6 until 2026-12-04); a read
    # serves at most 8 columns (cleaning_joins.py's _BATCH_COLUMNS).
    assert 0 < reads["c"] == reads_of_one["c"], (reads, reads_of_one)


def test_a_child_with_many_references_is_checked_within_the_profiles_memory(
    make_sqlite: SqliteFactory,
) -> None:
    # 25 text columns naming an INTEGER key by number and 25 padded ones naming a TEXT key: all of a
    # check's references in one query ran out of the profile's 256 MB (DuckDB reserves memory for each
    # join), with 60 rows.
    many = 25
    columns = ["id INTEGER PRIMARY KEY"]
    columns += [f"n{i} TEXT REFERENCES num (k)" for i in range(many)]
    columns += [f"t{i} TEXT REFERENCES txt (k)" for i in range(many)]
    rows = [
        (
            row,
            *[f"00{row % 30 + 1}" if (row + i) % 3 == 0 else str(row % 30 + 1) for i in range(many)],
            *[f" k{row % 30 + 1}" if (row + i) % 4 == 0 else f"k{row % 30 + 1}" for i in range(many)],
        )
        for row in range(1, 61)
    ]
    path = make_sqlite(
        {
            "num": ("CREATE TABLE num (k INTEGER PRIMARY KEY)", [(k,) for k in range(1, 31)]),
            "txt": ("CREATE TABLE txt (k TEXT PRIMARY KEY)", [(f"k{k}",) for k in range(1, 31)]),
            "c": (f"CREATE TABLE c ({', '.join(columns)})", rows),
        }
    )
    con = sqlite3.connect(path)
    declared = {row[3]: int(row[0]) for row in con.execute("SELECT * FROM pragma_foreign_key_list('c')")}
    con.close()
    orphans = _sqlite_orphans(path)
    table = profile(path)["c"]
    for i in range(many):
        assert table[f"n{i}"].joined_by_number is not None, i
        assert table[f"t{i}"].joined_by_cleaning is not None, i
        assert table[f"t{i}"].issue_count("orphan_reference") == orphans[declared[f"t{i}"]] > 0, i


def test_a_parent_of_several_references_is_read_once_per_profile(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three child tables, each with a composite reference to ``comp (a, b)`` and text naming ``num.k``
    (INTEGER) by number: each parent's compared keys are computed once a profile (PROJ's
    ``unit_of_measure`` is the parent of 25 composite references), not once per reference (3 reads of
    each until 2026-12-04)."""
    tables: dict[str, tuple[str, list[tuple[object, ...]]]] = {
        "num": ("CREATE TABLE num (k INTEGER PRIMARY KEY, v TEXT)", [(k, f"v{k}") for k in range(1, 21)]),
        "comp": (
            "CREATE TABLE comp (a TEXT, b INTEGER, v TEXT, PRIMARY KEY (a, b))",
            [(f"a{k % 4}", k, f"v{k}") for k in range(1, 21)],
        ),
    }
    for child in range(3):
        rows: list[tuple[object, ...]] = []
        for row in range(1, 61):
            key = row % 20 + 1
            part = f"A{key % 4}" if row % 7 == 0 else f"a{key % 4}"  # an orphan by case: BINARY
            number = f"00{key}" if row % 3 == 0 else "21" if row % 10 == child + 1 else str(key)
            rows.append((row, part, key, number))
        tables[f"c{child}"] = (
            f"CREATE TABLE c{child} (id INTEGER PRIMARY KEY, x TEXT, y INTEGER, n TEXT REFERENCES num (k), "
            "FOREIGN KEY (x, y) REFERENCES comp (a, b))",
            rows,
        )
    path = make_sqlite(tables, name="parents.db")
    result, reads = _profiled_with_reads(path, monkeypatch)
    con = sqlite3.connect(path)
    try:
        for child in range(3):
            first = f"SELECT id, \"from\" FROM pragma_foreign_key_list('c{child}') WHERE seq = 0"
            fks = {int(fkid): column for fkid, column in con.execute(first)}
            checked = con.execute(f"SELECT fkid FROM pragma_foreign_key_check('c{child}')")
            expected = Counter(fks[int(fkid)] for (fkid,) in checked)
            assert expected["x"] > 0 and expected["n"] > 0, expected
            table = result[f"c{child}"]
            for column in ("x", "n"):
                assert table[column].issue_count("orphan_reference") == expected[column], (child, column)
            assert table["n"].joined_by_number is not None, child
    finally:
        con.close()
    assert reads["comp"] == 1 and reads["num"] == 1, reads
