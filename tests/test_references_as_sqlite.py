"""A declared reference's orphans are the rows SQLite's own foreign key check reports (helper h88).

SQLite applies the parent key column's affinity to a child's value before looking it up (its index's
affinity, ``OP_Affinity``), and converts no BLOB. Until 2026-12-03 the profile compared:

- text ``'2.50'`` with a REAL key 2.5 as text (an orphan; SQLite's REAL affinity reads it as 2.5);
- a BLOB ``x'31'`` with the INTEGER key 1 as the text ``'1'`` (no orphan; SQLite: one);
- a key of no affinity (a STRICT table's ``ANY``, an untyped column) as numbers (``'1'`` the key 1;
  SQLite keeps values as written there: the text ``'1'`` is no integer 1).

Expected orphans are SQLite's own (``PRAGMA foreign_key_check``), each case's count also written out.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

import duckdb
import pytest

from columnar_etl import profile
from columnar_etl.profiling import written_references

from .conftest import SqliteFactory, pg_query
from .lossless_check import summarize
from .test_lossless import GATES_OPEN, load_and_check

#: (parent DDL, child DDL, parent keys, child values, SQLite's orphans) — table ``par`` key ``k``,
#: table ``c`` column ``p``.
CASES: dict[str, tuple[str, str, list[Any], list[Any], int]] = {
    # Defect 1: REAL affinity reads the child's text as a number, a fraction too.
    "real key, text child": (
        "CREATE TABLE par (k REAL PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        [2.5, 3.25, 1.0, 0.1, 0.30000000000000004],
        ["2.50", "3.25", "1", ".1", "0.1000", "2.6", "0.3", "0.30000000000000004", "2.5e0"],
        2,  # 2.6, and 0.3 (a double other than the key 0.30000000000000004)
    ),
    "numeric key, text child": (
        "CREATE TABLE par (k NUMERIC PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        [1, 2.5, "abc"],
        ["1.0", "2.50", "abc", "2.5x", "1e0"],
        1,  # 2.5x
    ),
    # Defect 2: no affinity converts a BLOB.
    "integer key, blob child": (
        "CREATE TABLE par (k INTEGER PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES par (k))",
        [1, 2],
        [b"1", 1, 2, b"2"],
        2,
    ),
    "text key, blob child": (
        "CREATE TABLE par (k TEXT PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p REFERENCES par (k))",
        ["1", "ab"],
        [1, b"ab", "ab", 3],
        2,  # x'6162' and 3 ('3' under TEXT affinity)
    ),
    "blob keys": (
        "CREATE TABLE par (k BLOB PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p BLOB REFERENCES par (k))",
        [b"\x01", b"1", "x"],
        [b"\x01", b"1", "1", "x", b"x"],
        2,  # '1' (no BLOB), x'78' (no text)
    ),
    # Defect 3: a STRICT table's ANY keeps values as written.
    "strict any key, text child": (
        "CREATE TABLE par (k ANY PRIMARY KEY, n TEXT) STRICT",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        [1, 2, "x"],
        ["1", "2", "x", "002"],
        3,
    ),
    "strict any both ends": (
        "CREATE TABLE par (k ANY PRIMARY KEY, n TEXT) STRICT",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p ANY REFERENCES par (k)) STRICT",
        [1, "1", 2.5, b"z"],
        [1, "1", 2.5, "2.5", 1.0, b"z", "z"],
        2,  # '2.5' (text), 'z' (text; the key is a BLOB)
    ),
    "strict any child, integer key": (
        "CREATE TABLE par (k INTEGER PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p ANY REFERENCES par (k)) STRICT",
        [1, 2],
        ["1", 2, "x", "002"],
        1,  # the key's affinity reads '1' and '002'
    ),
    "untyped key": (
        "CREATE TABLE par (k PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        [1, 2, 3, "a"],
        ["1", "2", 3, "a", "A"],
        4,
    ),
    "untyped key, COLLATE NOCASE": (
        "CREATE TABLE par (k PRIMARY KEY COLLATE NOCASE, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p REFERENCES par (k))",
        [1, 2, 3, "abc"],
        ["1", 2, "ABC", "x"],
        2,
    ),
    # Text with a fraction or an exponent above 2^53: SQLite reads the double, and makes it an integer
    # when it is one below 2^63 ('9007199254740995.0' is 9007199254740996, '1e16' 10^16); until
    # 2026-12-03 the profile wrote such a double as a double ('1e+16'), equal to no integer key.
    "integer key, text child past 2^53": (
        "CREATE TABLE par (k INTEGER PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        [9007199254740996, 10**16, 9007199254740993, 2**62],
        [
            "9007199254740995.0",
            "1e16",
            "9007199254740993.0",
            "9.007199254740993e15",
            "9007199254740993",
            "4.611686018427387904e18",
            "9223372036854775807.0",
        ],
        3,  # ...993.0 and 9.007...993e15 read as ...992; 2^63 - 1 with a fraction stays a double (2^63)
    ),
    "numeric key, text child past 2^53": (
        "CREATE TABLE par (k NUMERIC PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        ["9007199254740993", "1e16", 12345678901234567.0],
        ["9007199254740993", "9007199254740993.0", "10000000000000000", "1.0e16", "12345678901234568"],
        1,  # ...993.0 (the double ...992)
    ),
    "real key past 2^53, text child": (
        "CREATE TABLE par (k REAL PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        [9007199254740996.0, 1e16, 1e300],
        [
            "9007199254740996",
            "9007199254740995",
            "9007199254740995.0",
            "10000000000000000",
            "1e300",
            "1.0e300",
        ],
        1,  # '9007199254740995', an integer SQLite keeps exact, is no double
    ),
    # Text is compared as SQLite compares it, untrimmed: 'x' names no key 'x ' (until 2026-12-03 the
    # profile compared trimmed values, and found no orphan), by the key's collating sequence.
    "padded text key": (
        "CREATE TABLE par (k TEXT PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        ["x ", "y", "z"],
        ["x", "y", "y ", " z", "z", "x "],
        3,
    ),
    "padded text, COLLATE RTRIM key": (
        "CREATE TABLE par (k TEXT PRIMARY KEY COLLATE RTRIM, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        ["x ", "y"],
        ["x", "x  ", "y ", " y", "z"],
        2,  # ' y', 'z': RTRIM ignores trailing spaces only
    ),
    "padded text, COLLATE NOCASE key": (
        "CREATE TABLE par (k TEXT PRIMARY KEY COLLATE NOCASE, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        ["Ab ", "c"],
        ["ab", "AB ", "C", " c"],
        2,
    ),
    # Text a key's numeric affinity reads as no number is compared as written, untrimmed, as SQLite
    # compares it ('abc ' names no key 'abc'); a number's own blanks (SQLite's: space, tab, newline,
    # vertical tab, form feed, carriage return) are read past (' 7 ' is 7). Until 2026-12-03 the
    # profile trimmed such text (and a number's Unicode blanks too): 'abc ', ' x' joined.
    "numeric key, padded text child": (
        "CREATE TABLE par (k NUMERIC PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        ["abc", "x", 1, 7, "y "],
        ["abc ", " x", "abc", " 1 ", "1", "\t7\n", "7\u00a0", "y", "y ", "q"],
        5,  # 'abc ', ' x', '7' + NBSP (no number to SQLite), 'y' (the key is 'y '), 'q'
    ),
    "real key, padded text child": (
        "CREATE TABLE par (k REAL PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        ["abc", 2.5],
        ["abc ", "abc", " 2.50 ", "\u20032.5"],
        2,  # 'abc ', EM SPACE + 2.5
    ),
    "untyped key, padded text child": (
        "CREATE TABLE par (k PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        ["abc", "x ", 1, "1"],
        ["abc ", "abc", "x", "x ", " 1", "1"],
        3,  # 'abc ', 'x', ' 1' (text as written: no key)
    ),
    "untyped key, COLLATE NOCASE, padded text child": (
        "CREATE TABLE par (k PRIMARY KEY COLLATE NOCASE, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p REFERENCES par (k))",
        ["abc", 2],
        ["ABC ", "ABC", 2, " 2"],
        2,  # 'ABC ', ' 2'
    ),
    # A key of numeric affinity and COLLATE NOCASE compares text that is no number by its collation
    # (until 2026-12-03 the profile compared it as written: 'abc' was no key 'ABC').
    "numeric key, COLLATE NOCASE": (
        "CREATE TABLE par (k NUMERIC PRIMARY KEY COLLATE NOCASE, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        ["ABC", 1, "x"],
        ["abc", "1", "X", "q", "ABC ", "01"],
        2,  # 'q', 'ABC '
    ),
    # An integer column with a word (quarantined by cleaning) names no key in SQLite: an orphan
    # (until 2026-12-03 the profile read both ends as integers, and a word was no value at all).
    "integer key, integer child with a word": (
        "CREATE TABLE par (k INTEGER PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES par (k))",
        list(range(1, 60)),
        [*range(1, 50), "x1", "7x"],
        2,
    ),
    "ANY outside STRICT is NUMERIC": (
        "CREATE TABLE par (k ANY PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        [1, 2],
        ["1", "2.0", "02"],
        0,
    ),
}


def _build(path: Path, parent: str, child: str, keys: list[Any], values: list[Any]) -> Path:
    con = sqlite3.connect(path)
    with con:
        con.execute(parent)
        con.execute(child)
        con.executemany("INSERT INTO par (k, n) VALUES (?, 'x')", [(k,) for k in keys])
        con.executemany("INSERT INTO c (p) VALUES (?)", [(v,) for v in values])
    con.close()
    return path


def _sqlite_orphans(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return len(con.execute("PRAGMA foreign_key_check(c)").fetchall())
    finally:
        con.close()


@pytest.mark.parametrize("case", list(CASES))
def test_orphans_of_a_declared_reference_are_sqlites(make_sqlite: SqliteFactory, case: str) -> None:
    parent, child, keys, values, expected = CASES[case]
    path = _build(make_sqlite({}, name="fk.db"), parent, child, keys, values)
    assert _sqlite_orphans(path) == expected
    column = profile(path)["c"]["p"]
    assert column.foreign_key == "par.k"
    assert column.issue_count("orphan_reference") == expected, column.issues


def test_a_blob_orphan_is_shown_as_a_blob_literal(make_sqlite: SqliteFactory) -> None:
    parent, child, keys, values, _ = CASES["integer key, blob child"]
    path = _build(make_sqlite({}, name="blob.db"), parent, child, keys, values)
    (issue,) = [i for i in profile(path)["c"]["p"].issues if i.kind == "orphan_reference"]
    assert issue.examples == ("x'31'", "x'32'")


def test_text_naming_a_real_key_with_a_fraction_is_no_orphan_and_joins_in_the_target(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    path = _build(
        make_sqlite({}, name="real.db"),
        "CREATE TABLE par (k REAL PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        [2.5, 3.25, 0.1],
        ["2.50", "3.25", "0.10", None],
    )
    assert _sqlite_orphans(path) == 0
    con = sqlite3.connect(path)
    joined = set(con.execute("SELECT c.id, par.k FROM c JOIN par ON c.p = par.k").fetchall())
    con.close()
    assert len(joined) == 3
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.result.profile["c"]["p"].issue_count("orphan_reference") == 0
    # Numbers as written (numeric keeps 2.50), the key a double: PostgreSQL compares them as SQLite did.
    base = loaded.base
    rows = pg_query(pg_uri, f"SELECT c.id, par.k FROM {base}.c JOIN {base}.par ON c.p = par.k")
    assert set(rows) == joined


def test_a_composite_references_orphans_are_sqlites_each_part_compared_by_its_key(
    make_sqlite: SqliteFactory,
) -> None:
    # One part text, COLLATE NOCASE; the other INTEGER, its child text ('002' is the key 2). Until
    # 2026-12-03 a composite reference's orphans were not counted at all.
    path = make_sqlite(
        {
            "par": (
                "CREATE TABLE par (a TEXT COLLATE NOCASE, b INTEGER, n TEXT, PRIMARY KEY (a, b))",
                [("A", 1, "n"), ("B", 2, "n"), ("b", 3, "n")],
            ),
            "c": (
                "CREATE TABLE c (id INTEGER PRIMARY KEY, x TEXT, y TEXT, "
                "FOREIGN KEY (x, y) REFERENCES par (a, b))",
                [(1, "A", "1"), (2, "b", "002"), (3, "B", "3"), (4, "C", "1"), (5, None, "9"), (6, "a", "2")],
            ),
        }
    )
    con = sqlite3.connect(path)
    violations = con.execute("PRAGMA foreign_key_check(c)").fetchall()
    orphans = [
        row
        for (row,) in con.execute(
            "SELECT x || '|' || y FROM c WHERE rowid IN (SELECT rowid FROM pragma_foreign_key_check('c'))"
        )
    ]
    con.close()
    assert len(violations) == 2 and sorted(orphans) == ["C|1", "a|2"]
    table = profile(path)["c"]
    (issue,) = [i for i in table["x"].issues if i.kind == "orphan_reference"]
    assert issue.count == 2
    assert issue.examples == ("a|2", "c|1")  # compared: the NOCASE part folded
    assert table["y"].issue_count("orphan_reference") == 0
    # Each part's comparison is its own key's: the INTEGER part's text names its key by number.
    assert table["y"].joined_by_number is not None and "'002'" in table["y"].joined_by_number


def test_composite_orphans_of_many_small_tables_are_counted_side_by_side_as_sqlite_counts(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each child table's composite orphans are a query of its own, mostly planning: small tables' run
    # side by side, one thread per core (PROJ's proj.db: 28 of them took 1.2 s one after another).
    # One that runs out of memory beside the others runs again alone. The counts are SQLite's.
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # side by side on any machine
    parent = [(letter, n, "n") for letter in "AB" for n in range(1, 6)]
    children = {
        f"c{i}": [(row, "AB"[row % 2], str((row * (i + 2)) % 8), "x") for row in range(12 + i)]
        for i in range(5)
    }
    tables: dict[str, tuple[str, list[Any]]] = {
        "par": ("CREATE TABLE par (a TEXT, b INTEGER, n TEXT, PRIMARY KEY (a, b))", parent),
    }
    for name, rows in children.items():
        ddl = (
            f"CREATE TABLE {name} (id INTEGER PRIMARY KEY, x TEXT, y TEXT, z TEXT, "
            "FOREIGN KEY (x, y) REFERENCES par (a, b))"
        )
        tables[name] = (ddl, rows)
    path = make_sqlite(tables)
    con = sqlite3.connect(path)
    expected = {name: len(con.execute(f"PRAGMA foreign_key_check({name})").fetchall()) for name in children}
    con.close()
    assert all(expected.values())
    real, threads, failed = written_references.composite_orphans, set(), []

    def counted(src: Any, tables: Any, child: str, *args: Any) -> Any:
        threads.add(threading.current_thread().name)
        if child == "c3" and not failed:
            failed.append(child)
            raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block")
        return real(src, tables, child, *args)

    monkeypatch.setattr(written_references, "composite_orphans", counted)
    profiled = profile(path)
    assert {name: profiled[name]["x"].issue_count("orphan_reference") for name in children} == expected
    assert failed == ["c3"] and any(name.startswith("references") for name in threads)


def test_a_declaration_naming_a_missing_table_or_column_says_so(make_sqlite: SqliteFactory) -> None:
    # SQLite accepts both; its check reports every row with a value of the first (each is a
    # violation) and refuses the second. Until 2026-12-03 the profile said nothing of either.
    path = make_sqlite(
        {
            "par": ("CREATE TABLE par (k TEXT PRIMARY KEY, n TEXT)", [("a", "x")]),
            "c": (
                "CREATE TABLE c (id INTEGER PRIMARY KEY, gone TEXT REFERENCES lost (k))",
                [(1, "a"), (2, "b"), (3, None)],
            ),
            "d": (
                "CREATE TABLE d (id INTEGER PRIMARY KEY, wrong TEXT REFERENCES par (kk))",
                [(1, "a"), (2, "b")],
            ),
        }
    )
    con = sqlite3.connect(path)
    assert len(con.execute("PRAGMA foreign_key_check(c)").fetchall()) == 2  # both rows with a value
    with pytest.raises(sqlite3.OperationalError, match="foreign key mismatch"):
        con.execute("PRAGMA foreign_key_check(d)").fetchall()
    con.close()
    profiled = profile(path)
    gone, wrong = profiled["c"]["gone"], profiled["d"]["wrong"]
    assert gone.foreign_key is None and wrong.foreign_key is None
    (note,) = [n for n in gone.notes if "declared to reference" in n]
    assert "lost(k)" in note and "missing from the export" in note
    (note,) = [n for n in wrong.notes if "declared to reference" in n]
    assert "par(kk)" in note and "foreign key mismatch" in note


def test_a_declaration_naming_a_table_in_another_case_of_a_non_ascii_letter_is_dangling(
    make_sqlite: SqliteFactory,
) -> None:
    # SQLite folds the case of A-Z only: REFERENCES "ä" names no table of an export holding "Ä", and
    # its check reports each row with a value. Until 2026-12-03 the profile found "Ä" by Python's
    # lower() and counted orphans against it (and said the table was missing, beside).
    path = make_sqlite(
        {
            "Ä": ('CREATE TABLE "Ä" (k TEXT PRIMARY KEY, n TEXT)', [("a", "x"), ("b", "y")]),
            "c": (
                'CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES "ä" (k))',
                [(1, "a"), (2, "z"), (3, None)],
            ),
            "d": (
                'CREATE TABLE d (id INTEGER PRIMARY KEY, p TEXT REFERENCES "ä" (K))',
                [(1, "a"), (2, "z")],
            ),
            "e": ("CREATE TABLE e (id INTEGER PRIMARY KEY, p TEXT REFERENCES C (ID))", [(1, 2)]),
        }
    )
    con = sqlite3.connect(path)
    assert len(con.execute("PRAGMA foreign_key_check(c)").fetchall()) == 2  # 'a' too: no parent table
    con.close()
    profiled = profile(path)
    column = profiled["c"]["p"]
    assert column.foreign_key is None and column.issue_count("orphan_reference") == 0
    (note,) = [n for n in column.notes if "declared to reference" in n]
    assert "ä(k)" in note and "missing from the export" in note
    # A name in another case of ASCII letters is the same table, as SQLite says (here: c's ID).
    assert profiled["e"]["p"].foreign_key == "c.id"


def test_a_reference_to_a_key_loaded_as_written_counts_orphans_as_written(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # 'abc ' and 'abc' would trim to one key: the key is loaded as written, and so its references.
    # Until 2026-12-03 their orphans were still counted on trimmed values: 'abc  ' named 'abc', ' x'
    # named 'x', no orphan, where SQLite and the target both find three rows naming no key.
    path = _build(
        make_sqlite({}, name="written.db"),
        "CREATE TABLE par (k TEXT PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        ["abc ", "abc", "x", "y"],
        ["abc  ", "abc", "x ", " x", "y", "abc "],
    )
    assert _sqlite_orphans(path) == 3
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    column = loaded.result.profile["c"]["p"]
    assert column.as_written is not None
    (issue,) = [i for i in column.issues if i.kind == "orphan_reference"]
    assert issue.count == 3 and set(issue.examples) == {"abc  ", "x ", " x"}
    base = loaded.base
    (orphans,) = pg_query(
        pg_uri, f"SELECT count(*) FROM {base}.c WHERE NOT EXISTS (SELECT 1 FROM {base}.par WHERE par.k = c.p)"
    )
    assert orphans == (3,)


@pytest.mark.parametrize(
    ("keys", "values"),
    [
        ([f"2024-01-{day:02d}" for day in range(1, 29)], ["2024-01-02", "2024-01-03", "later", "soon", "x"]),
        (["yes", "no"], ["yes", "no", "maybe", "perhaps", "unsure"]),
    ],
    ids=["dates", "booleans"],
)
def test_a_typed_key_beside_a_text_reference_is_loaded_as_written_and_joins(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path, keys: list[str], values: list[str]
) -> None:
    # The key's TEXT cells read as dates (booleans), its reference's mostly as words: loaded as date
    # and text, every join along the reference failed in PostgreSQL ("operator does not exist: text
    # = date"), where SQLite compares the two texts. Until 2026-12-03.
    path = _build(
        make_sqlite({}, name="typed.db"),
        "CREATE TABLE par (k TEXT PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        keys,
        values,
    )
    con = sqlite3.connect(path)
    joined = set(con.execute("SELECT c.id, par.k FROM c JOIN par ON c.p = par.k").fetchall())
    con.close()
    assert len(joined) == 2
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    assert (loaded.data_type("par", "k"), loaded.data_type("c", "p")) == ("text", "text")
    assert loaded.result.profile["c"]["p"].issue_count("orphan_reference") == _sqlite_orphans(path) == 3
    base = loaded.base
    rows = pg_query(pg_uri, f"SELECT c.id, par.k FROM {base}.c JOIN {base}.par ON c.p = par.k")
    assert set(rows) == joined
    assert any(w.startswith("par.k: ") for w in loaded.result.record.warnings), loaded.result.record.warnings


def test_a_declared_reference_to_a_column_no_unique_index_covers_says_sqlite_refuses_it(
    make_sqlite: SqliteFactory,
) -> None:
    # SQLite's foreign_key_check refuses a foreign key whose parent columns are no PRIMARY KEY and no
    # UNIQUE index's ("foreign key mismatch"), and one naming a table without a PRIMARY KEY. Until
    # 2026-12-03 the profile counted the first's orphans and dropped the second, and said nothing.
    path = make_sqlite(
        {
            "par": ("CREATE TABLE par (k TEXT, j TEXT, n TEXT)", [("a", "x", "n"), ("b", "y", "n")]),
            "uq": ("CREATE TABLE uq (k TEXT, j TEXT, UNIQUE (j, k))", [("a", "x"), ("b", "y")]),
            # A unique index comparing otherwise than its column (NOCASE on a BINARY column).
            "nc": ("CREATE TABLE nc (k TEXT, n TEXT)", [("a", "x"), ("B", "y")]),
            "g": ("CREATE TABLE g (id INTEGER PRIMARY KEY, p TEXT REFERENCES nc (k))", [(1, "b")]),
            "c": (
                "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
                [(1, "a"), (2, "z"), (3, None)],
            ),
            "d": ("CREATE TABLE d (id INTEGER PRIMARY KEY, p TEXT REFERENCES par)", [(1, "a")]),
            "e": (
                "CREATE TABLE e (id INTEGER PRIMARY KEY, x TEXT, y TEXT, "
                "FOREIGN KEY (x, y) REFERENCES uq (k, j))",
                [(1, "a", "x"), (2, "a", "y")],
            ),
            # A UNIQUE column beside the rowid key is a key SQLite checks.
            "code": ("CREATE TABLE code (id INTEGER PRIMARY KEY, k TEXT UNIQUE)", [(1, "a")]),
            "h": (
                "CREATE TABLE h (id INTEGER PRIMARY KEY, p TEXT REFERENCES code (k))",
                [(1, "a"), (2, "b")],
            ),
            "f": (
                "CREATE TABLE f (id INTEGER PRIMARY KEY, x TEXT, y TEXT, "
                "FOREIGN KEY (x, y) REFERENCES par (k, j))",
                [(1, "a", "x")],
            ),
        }
    )
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE UNIQUE INDEX nc_k ON nc (k COLLATE NOCASE)")
    for child in ("c", "d", "f", "g"):
        with pytest.raises(sqlite3.OperationalError, match="foreign key mismatch"):
            con.execute(f"PRAGMA foreign_key_check({child})").fetchall()
    assert len(con.execute("PRAGMA foreign_key_check(e)").fetchall()) == 1  # any order of the index's
    assert len(con.execute("PRAGMA foreign_key_check(h)").fetchall()) == 1
    con.close()
    profiled = profile(path)
    p = profiled["c"]["p"]
    # Still counted as the key SQLite would check, were it one: 'z' names no row.
    assert p.foreign_key == "par.k" and p.issue_count("orphan_reference") == 1
    (note,) = [n for n in p.notes if "foreign key mismatch" in n]
    assert "par(k)" in note and "no PRIMARY KEY or UNIQUE" in note
    (note,) = [n for n in profiled["d"]["p"].notes if "foreign key mismatch" in n]
    assert "par" in note and "no PRIMARY KEY" in note
    (note,) = [n for n in profiled["f"]["x"].notes if "foreign key mismatch" in n]
    assert "par(k, j)" in note
    (note,) = [n for n in profiled["g"]["p"].notes if "foreign key mismatch" in n]
    assert "nc" in note and "collating sequence" in note
    assert not [n for n in profiled["e"]["x"].notes if "foreign key mismatch" in n]
    assert not [n for n in profiled["h"]["p"].notes if "foreign key mismatch" in n]
    assert profiled["h"]["p"].issue_count("orphan_reference") == 1
    assert profiled["e"]["x"].issue_count("orphan_reference") == 1


def _orphans_in_target(uri: str, base: str) -> int:
    (row,) = pg_query(
        uri,
        f"SELECT count(*) FROM {base}.c WHERE p IS NOT NULL "
        f"AND NOT EXISTS (SELECT 1 FROM {base}.par WHERE par.k = c.p)",
    )
    return int(row[0])


def test_orphans_are_sqlites_and_the_run_says_which_of_them_join_once_trimmed(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # SQLite: 'x' names no key 'x ', 'y ' none 'y'. Cleaning trims both ends, so the target joins them.
    # Until 2026-12-03 the profile counted on trimmed values (no orphan) and nothing said the source
    # disagreed. A blank is no value (cleaning makes it NULL, its own issue), as before.
    path = _build(
        make_sqlite({}, name="trim.db"),
        "CREATE TABLE par (k TEXT PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
        ["x ", "y", "z"],
        ["x", "y", "y ", " z", None, "", "q"],
    )
    con = sqlite3.connect(path)
    (blank_orphans,) = con.execute(
        "SELECT count(*) FROM c WHERE trim(p) = '' "
        "AND rowid IN (SELECT rowid FROM pragma_foreign_key_check('c'))"
    ).fetchone()
    con.close()
    sqlite_orphans = _sqlite_orphans(path) - blank_orphans
    assert sqlite_orphans == 4  # x, 'y ', ' z', q
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    column = loaded.result.profile["c"]["p"]
    assert column.issue_count("orphan_reference") == sqlite_orphans
    in_target = _orphans_in_target(pg_uri, loaded.base)
    assert in_target == 1  # q
    joined = sqlite_orphans - in_target
    assert column.joined_by_cleaning is not None
    assert column.joined_by_cleaning.startswith(f"{joined} rows SQLite's foreign_key_check reports")
    assert f"c.p: {column.joined_by_cleaning}" in loaded.result.record.warnings


def test_a_timestamp_naming_a_date_key_is_sqlites_orphan_and_the_run_says_the_target_joins_it(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # SQLite compares the texts: '2024-01-05 00:00:00' names no key '2024-01-05'. Cleaned, the child is
    # a timestamp, the key a date, and PostgreSQL joins them (midnight). Until 2026-12-03 nothing said so.
    path = _build(
        make_sqlite({}, name="dates.db"),
        "CREATE TABLE par (k DATE PRIMARY KEY, n TEXT)",
        "CREATE TABLE c (id INTEGER PRIMARY KEY, p DATETIME REFERENCES par (k))",
        ["2024-01-05", "2024-01-06"],
        ["2024-01-05 00:00:00", "2024-01-06 00:00:00", "2024-01-06 10:00:00", "2024-01-07 00:00:00"],
    )
    assert _sqlite_orphans(path) == 4
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    assert (loaded.data_type("par", "k"), loaded.data_type("c", "p")) == (
        "date",
        "timestamp without time zone",
    )
    column = loaded.result.profile["c"]["p"]
    assert column.issue_count("orphan_reference") == 4
    joined = 4 - _orphans_in_target(pg_uri, loaded.base)
    assert joined == 2
    assert column.joined_by_cleaning is not None and column.joined_by_cleaning.startswith("2 rows SQLite")
    assert f"c.p: {column.joined_by_cleaning}" in loaded.result.record.warnings


def test_a_reference_naming_a_null_token_key_says_the_target_loses_it(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # 'N/A' is a code of a nullable UNIQUE column, and the child's value names it in SQLite; cleaning reads
    # both as NULL (a null token): the target's row names no row any more, and the run says so.
    path = make_sqlite(
        {
            "par": ("CREATE TABLE par (id INTEGER PRIMARY KEY, k TEXT UNIQUE)", [(1, "N/A"), (2, "a")]),
            "c": (
                "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
                [(1, "N/A"), (2, "a"), (3, "zz")],
            ),
        }
    )
    con = sqlite3.connect(path)
    joined = con.execute("SELECT c.id FROM c JOIN par ON par.k = c.p").fetchall()
    con.close()
    assert joined == [(1,), (2,)] and _sqlite_orphans(path) == 1
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    base = loaded.base
    in_target = pg_query(pg_uri, f"SELECT c.id FROM {base}.c JOIN {base}.par ON par.k = c.p")
    assert in_target == [(2,)]
    column = loaded.result.profile["c"]["p"]
    assert column.issue_count("orphan_reference") == 1
    assert column.joined_by_cleaning is not None
    assert column.joined_by_cleaning.startswith(
        "1 row naming a row of par.k in SQLite names none once cleaned"
    )


def test_a_key_loaded_as_written_through_its_own_reference_has_its_references_compared_as_written(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # d.m keeps 'abc ' and 'abc' apart (loaded as written); b.k references it, so b.k is loaded as
    # written too, and c.y, referencing b.k, with it. Until 2026-12-03 c.y's orphans were counted before
    # b.k was known to be loaded as written: a blank '' was no orphan, where SQLite and the target (the
    # blank kept, as written) both find one.
    path = make_sqlite(
        {
            "d": ("CREATE TABLE d (m TEXT PRIMARY KEY)", [("abc ",), ("abc",), ("x ",)]),
            "b": ("CREATE TABLE b (k TEXT PRIMARY KEY REFERENCES d (m))", [("abc",), ("x ",)]),
            "c": (
                "CREATE TABLE c (id INTEGER PRIMARY KEY, y TEXT REFERENCES b (k))",
                [(1, "abc"), (2, "x "), (3, "x"), (4, ""), (5, None)],
            ),
        }
    )
    con = sqlite3.connect(path)
    sqlite_orphans = len(con.execute("PRAGMA foreign_key_check(c)").fetchall())
    con.close()
    assert sqlite_orphans == 2  # 'x', ''
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    profiled = loaded.result.profile
    assert profiled["b"]["k"].as_written is not None and profiled["c"]["y"].as_written is not None
    base = loaded.base
    ((in_target,),) = pg_query(
        pg_uri,
        f"SELECT count(*) FROM {base}.c WHERE y IS NOT NULL "
        f"AND NOT EXISTS (SELECT 1 FROM {base}.b WHERE b.k = c.y)",
    )
    assert in_target == sqlite_orphans
    assert profiled["c"]["y"].issue_count("orphan_reference") == sqlite_orphans


def _joined_in_sqlite(path: Path) -> set[int]:
    """The child rows SQLite's foreign key check finds a parent row for: non-NULL, not reported."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT id FROM c WHERE p IS NOT NULL "
            "AND rowid NOT IN (SELECT rowid FROM pragma_foreign_key_check('c'))"
        ).fetchall()
    finally:
        con.close()
    return {int(row[0]) for row in rows}


@pytest.mark.parametrize(
    ("parent", "child", "keys", "values"),
    [
        # A child of REAL and TEXT cells (read as double) naming a TEXT key: SQLite's TEXT affinity
        # reads the REAL 1.5 as '1.5'.
        (
            "CREATE TABLE par (k TEXT PRIMARY KEY, n TEXT)",
            "CREATE TABLE c (id INTEGER PRIMARY KEY, p REFERENCES par (k))",
            ["1.5", "a", "b"],
            [1.5, "2.5", "3.25", 4.5],
        ),
        # A key of REAL and TEXT cells (read as double; no affinity) named by text.
        (
            "CREATE TABLE par (k PRIMARY KEY, n TEXT)",
            "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
            [1.5, 2.25, "3.5", "4.75"],
            ["3.5", "x", "y", "z", "4.75"],
        ),
        # An integer child with a value that is none (quarantined, so it could not be widened to text)
        # beside a TEXT key: bigint beside text.
        (
            "CREATE TABLE par (k TEXT PRIMARY KEY, n TEXT)",
            "CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES par (k))",
            [str(i) for i in range(1, 60)] + ["abc"],
            [*range(1, 50), "x1"],
        ),
        # Two types of families PostgreSQL compares not: a date key (TEXT cells) and a bigint child, a
        # bigint key and a date child (SQLite compares the texts, the numbers).
        (
            "CREATE TABLE par (k TEXT PRIMARY KEY, n TEXT)",
            "CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES par (k))",
            ["2024-01-05", "2024-01-06"],
            [20240105, 20240106, 1],
        ),
        (
            "CREATE TABLE par (k INTEGER PRIMARY KEY, n TEXT)",
            "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
            [1, 2, 20240105],
            ["2024-01-05", "2024-01-06", "2024-01-07"],
        ),
    ],
    ids=[
        "real and text child",
        "real and text key",
        "integer child of a value quarantined",
        "date key",
        "date child",
    ],
)
def test_a_typed_end_of_several_storage_classes_beside_text_is_loaded_as_written_and_joins(
    make_sqlite: SqliteFactory,
    pg_uri: str,
    tmp_path: Path,
    parent: str,
    child: str,
    keys: list[Any],
    values: list[Any],
) -> None:
    # Until 2026-12-03 a typed end was loaded as written beside a text end only when it held TEXT cells
    # alone: one of REAL and TEXT cells was loaded as double precision beside text, and every join
    # along the reference failed ("operator does not exist: text = double precision"); so did a bigint
    # with a value quarantined beside text, and a date beside a bigint.
    path, loaded = _loaded_as_text(
        make_sqlite({}, name="mixed.db"), pg_uri, tmp_path, parent, child, keys, values
    )
    assert loaded.result.profile["c"]["p"].issue_count("orphan_reference") == _sqlite_orphans(path)
    base = loaded.base
    rows = pg_query(pg_uri, f"SELECT c.id FROM {base}.c JOIN {base}.par ON c.p = par.k")
    assert {int(row[0]) for row in rows} == _joined_in_sqlite(path)


def _loaded_as_text(
    empty: Path, pg_uri: str, tmp_path: Path, parent: str, child: str, keys: list[Any], values: list[Any]
) -> tuple[Path, Any]:
    """The export of ``parent`` and ``child`` (:func:`_build`) run into ``pg_uri``, every cell checked;
    both ends of the reference loaded as text."""
    path = _build(empty, parent, child, keys, values)
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    assert (loaded.data_type("par", "k"), loaded.data_type("c", "p")) == ("text", "text")
    return path, loaded


@pytest.mark.parametrize(
    ("parent", "child", "keys", "values"),
    [
        # A key of no affinity compares a number with no text: the text '1.5' names no REAL 1.5, '1' no
        # INTEGER 1 (and the INTEGER 1 no text '1'), REAL 2.5 no text '2.5'. In the target both ends are
        # text, and each number is its text there.
        (
            "CREATE TABLE par (k PRIMARY KEY, n TEXT)",
            "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
            [1.5, "a", "b"],
            ["1.5", "a", "b", "q"],
        ),
        (
            "CREATE TABLE par (k PRIMARY KEY, n TEXT)",
            "CREATE TABLE c (id INTEGER PRIMARY KEY, p TEXT REFERENCES par (k))",
            [1, 2, 3],
            ["1", "2", "x"],
        ),
        (
            "CREATE TABLE par (k PRIMARY KEY, n TEXT)",
            "CREATE TABLE c (id INTEGER PRIMARY KEY, p REFERENCES par (k))",
            ["1", "2", "a"],
            [1, 2, "a", 1.0],
        ),
        (
            "CREATE TABLE par (k PRIMARY KEY, n TEXT)",
            "CREATE TABLE c (id INTEGER PRIMARY KEY, p REFERENCES par (k))",
            [1.5, 2.5, 3.5, 1e20],
            [1.5, "2.5", "a", "1.0e+20"],
        ),
    ],
    ids=[
        "real key, text child",
        "integer key, text child",
        "text key, integer child",
        "real key, mixed child",
    ],
)
def test_a_number_and_its_text_sqlite_keeps_apart_the_run_says_the_target_joins(
    make_sqlite: SqliteFactory,
    pg_uri: str,
    tmp_path: Path,
    parent: str,
    child: str,
    keys: list[Any],
    values: list[Any],
) -> None:
    # Until 2026-12-03 the orphans were counted right, but nothing said that the target, where both ends
    # are text, joins them: joined_by_cleaning left references to a key of no affinity aside.
    path, loaded = _loaded_as_text(
        make_sqlite({}, name="stored.db"), pg_uri, tmp_path, parent, child, keys, values
    )
    sqlite_orphans = _sqlite_orphans(path)
    column = loaded.result.profile["c"]["p"]
    assert column.issue_count("orphan_reference") == sqlite_orphans
    base = loaded.base
    joined = {
        int(row[0]) for row in pg_query(pg_uri, f"SELECT c.id FROM {base}.c JOIN {base}.par ON c.p = par.k")
    }
    by_target = len(joined - _joined_in_sqlite(path))
    assert by_target > 0 and not _joined_in_sqlite(path) - joined
    assert column.joined_by_cleaning is not None, column.notes
    assert column.joined_by_cleaning.startswith(f"{by_target} row{'s' if by_target > 1 else ''} SQLite's")
    assert "number" in column.joined_by_cleaning
    assert f"c.p: {column.joined_by_cleaning}" in loaded.result.record.warnings


def test_a_composite_reference_the_target_joins_otherwise_than_sqlite_says_so(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # SQLite: ('x', 1) names no row ('x ', 1), ('y ', 2) none ('y', 2). Cleaning trims both ends, so the
    # target joins them. Until 2026-12-03 joined_by_cleaning looked at one-column references only.
    path = make_sqlite(
        {
            "par": (
                "CREATE TABLE par (a TEXT, b INTEGER, n TEXT, PRIMARY KEY (a, b))",
                [("x ", 1, "n"), ("y", 2, "n"), ("w", 3, "n")],
            ),
            "c": (
                "CREATE TABLE c (id INTEGER PRIMARY KEY, x TEXT, y INTEGER, "
                "FOREIGN KEY (x, y) REFERENCES par (a, b))",
                [(1, "x", 1), (2, "y ", 2), (3, "y", 2), (4, "z", 1), (5, "w", 3), (6, None, 1)],
            ),
        }
    )
    con = sqlite3.connect(path)
    sqlite_orphans = len(con.execute("PRAGMA foreign_key_check(c)").fetchall())
    joined_in_sqlite = {
        row[0] for row in con.execute("SELECT c.id FROM c JOIN par ON par.a = c.x AND par.b = c.y")
    }
    con.close()
    assert sqlite_orphans == 3  # ('x', 1), ('y ', 2), ('z', 1)
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    column = loaded.result.profile["c"]["x"]
    assert column.issue_count("orphan_reference") == sqlite_orphans
    base = loaded.base
    rows = pg_query(pg_uri, f"SELECT c.id FROM {base}.c JOIN {base}.par ON par.a = c.x AND par.b = c.y")
    joined_in_target = {int(row[0]) for row in rows}
    by_target = len(joined_in_target - joined_in_sqlite)
    assert by_target == 2 and not joined_in_sqlite - joined_in_target
    assert column.joined_by_cleaning is not None, column.notes
    assert column.joined_by_cleaning.startswith(f"{by_target} rows SQLite's foreign_key_check reports")
    assert "par(a, b)" in column.joined_by_cleaning
    assert f"c.x: {column.joined_by_cleaning}" in loaded.result.record.warnings


@pytest.mark.parametrize(
    ("parent", "child", "keys", "values", "types"),
    [
        (
            "CREATE TABLE par (k INTEGER PRIMARY KEY, n TEXT)",
            "CREATE TABLE c (id INTEGER PRIMARY KEY, p BOOLEAN REFERENCES par (k))",
            [0, 1, 2],
            [0, 1, 1, 0, None],
            ("bigint", "bigint"),
        ),
        (
            "CREATE TABLE par (k BOOLEAN PRIMARY KEY, n TEXT)",
            "CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES par (k))",
            [0, 1],
            [0, 1, 1, 5],
            ("bigint", "bigint"),
        ),
        (
            "CREATE TABLE par (k REAL PRIMARY KEY, n TEXT)",
            "CREATE TABLE c (id INTEGER PRIMARY KEY, p BOOLEAN REFERENCES par (k))",
            [0.0, 1.0, 1.5],
            [0, 1, 1],
            ("double precision", "bigint"),
        ),
    ],
    ids=["boolean child, integer key", "boolean key, integer child", "boolean child, real key"],
)
def test_typed_ends_without_text_that_postgresql_does_not_compare_load_as_numbers_and_join(
    make_sqlite: SqliteFactory,
    pg_uri: str,
    tmp_path: Path,
    parent: str,
    child: str,
    keys: list[Any],
    values: list[Any],
    types: tuple[str, str],
) -> None:
    # A BOOLEAN column of INTEGER 0/1 cells referencing an INTEGER key: SQLite compares the numbers.
    # Until 2026-12-03 it was loaded as boolean beside a bigint key, and every join along the reference
    # failed in PostgreSQL ("operator does not exist: boolean = bigint"); only ends holding TEXT cells
    # were loaded otherwise. Each cell is its number now.
    path = _build(make_sqlite({}, name="bool.db"), parent, child, keys, values)
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    assert (loaded.data_type("par", "k"), loaded.data_type("c", "p")) == types
    assert loaded.result.profile["c"]["p"].issue_count("orphan_reference") == _sqlite_orphans(path)
    base = loaded.base
    rows = pg_query(pg_uri, f"SELECT c.id FROM {base}.c JOIN {base}.par ON c.p = par.k")
    assert {int(row[0]) for row in rows} == _joined_in_sqlite(path)


def test_an_end_of_a_declared_reference_holding_no_value_follows_the_other_ends_type(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A link column declared TEXT that no row has filled yet (every cell NULL; a table of no rows) has
    # its type from the declaration alone: it made the integer key it references text, the parent's
    # own INTEGER PRIMARY KEY (a many-to-many table a library created before any link was written).
    path = make_sqlite(
        {
            "item": ("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)", [(1, "a"), (2, "b"), (3, "c")]),
            "link": (
                "CREATE TABLE link (id INTEGER PRIMARY KEY, item_id TEXT REFERENCES item (id))",
                [(1, None), (2, None)],
            ),
            "later": ("CREATE TABLE later (id INTEGER PRIMARY KEY, item_id TEXT REFERENCES item (id))", []),
        },
        name="unfilled.db",
    )
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.data_type("item", "id") == "bigint"
    assert loaded.data_type("link", "item_id") == loaded.data_type("later", "item_id") == "bigint"
    base = loaded.base
    for child in ("link", "later"):  # the target joins along the reference (no "text = bigint")
        assert pg_query(
            pg_uri, f"SELECT count(*) FROM {base}.{child} c JOIN {base}.item p ON c.item_id = p.id"
        )


def _blob_numeral_case(make_sqlite: SqliteFactory, name: str) -> Path:
    parent, child, keys, values, _ = CASES["integer key, blob child"]
    return _build(make_sqlite({}, name=name), parent, child, keys, values)


def test_blob_numerals_sqlite_reports_as_orphans_are_said_to_join_once_cleaned(
    make_sqlite: SqliteFactory,
) -> None:
    # The BLOBs b'1', b'2' name no INTEGER key in SQLite (no affinity converts a BLOB): 2 orphans, as
    # SQLite's check says. The cleaner reads them as the numbers they spell (rule blob_numeral): the
    # target joins both, and the profile says so.
    path = _blob_numeral_case(make_sqlite, "numerals.db")
    assert _sqlite_orphans(path) == 2
    column = profile(path)["c"]["p"]
    assert column.blob_numerals == 2
    assert column.issue_count("orphan_reference") == 2
    assert column.joined_by_cleaning is not None
    assert column.joined_by_cleaning.startswith("2 rows SQLite's foreign_key_check reports"), (
        column.joined_by_cleaning
    )


def test_blob_numerals_sqlite_reports_as_orphans_join_in_the_target(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    path = _blob_numeral_case(make_sqlite, "numerals_run.db")
    # Expected independently: each child value as the number its text spells (a BLOB's ASCII bytes),
    # joined to the parent's keys in Python.
    con = sqlite3.connect(path)
    keys = {int(k) for (k,) in con.execute("SELECT k FROM par")}
    values = [v for (v,) in con.execute("SELECT p FROM c ORDER BY id")]
    con.close()
    numbers = [int(v.decode("ascii")) if isinstance(v, bytes) else int(v) for v in values]
    assert sum(isinstance(v, bytes) for v in values) == 2
    expected = sorted(n for n in numbers if n in keys)
    assert len(expected) == 4
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    base = loaded.base
    rows = pg_query(pg_uri, f"SELECT par.k FROM {base}.c JOIN {base}.par ON c.p = par.k")
    assert sorted(int(k) for (k,) in rows) == expected
    assert _orphans_in_target(pg_uri, base) == 0
    column = loaded.result.profile["c"]["p"]
    assert column.issue_count("orphan_reference") == 2
    assert column.joined_by_cleaning is not None and column.joined_by_cleaning.startswith("2 rows SQLite")
    assert f"c.p: {column.joined_by_cleaning}" in loaded.result.record.warnings
