"""A declared key whose distinct values a cleaning rule would merge (padding trimmed, two spellings of
one date, null tokens read as NULL) is loaded as written: a real primary key in the target holding every
source value, its references alike; a key the rules do not merge is cleaned and typed as before.
Expected values are the SQLite file's own (read by sqlite3) and PostgreSQL's catalogue.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import columnar_etl
from columnar_etl.config import load_settings
from columnar_etl.pg.identifiers import quote_ident

from .conftest import SqliteFactory, pg_query, primary_key
from .lossless_check import summarize
from .test_lossless import GATES_OPEN, Loaded, load_and_check

NBSP = "\u00a0"
DAYS = [f"2000-01-{day:02d}" for day in range(1, 21)]

TABLES = {
    # Merged by trimming: 'k0', 'k0 ' and '\u00a0k0' are one value once trimmed.
    "padded": ("CREATE TABLE padded (k TEXT PRIMARY KEY, v INTEGER)", [
        ("k0", 1), ("k0 ", 2), (f"{NBSP}k0", 3), ("k1", 4), ("k2", 5),
    ]),
    "child": ("CREATE TABLE child (id INTEGER PRIMARY KEY, k TEXT REFERENCES padded(k))", [
        (1, "k0 "), (2, "k0"), (3, f"{NBSP}k0"), (4, "k2"),
    ]),
    # Two spellings of one date.
    "dated": ("CREATE TABLE dated (k DATE PRIMARY KEY, v INTEGER)", [
        *((day, n) for n, day in enumerate(DAYS)), ("2000-1-5", 99),
    ]),
    # Null tokens and a blank: each would be NULL.
    "tokens": ("CREATE TABLE tokens (k TEXT PRIMARY KEY, v INTEGER)", [
        ("NULL", 1), ("N/A", 2), ("", 3), ("a", 4), ("b", 5),
    ]),
    # A composite key merged in one column.
    "pairs": ("CREATE TABLE pairs (a TEXT, b INTEGER, v INTEGER, PRIMARY KEY (a, b))", [
        ("x", 1, 1), ("x ", 1, 2), ("x", 2, 3), ("y", 1, 4),
    ]),
    # Padded, but distinct once trimmed: trimmed (audited) and keyed, as ever.
    "clean_padded": ("CREATE TABLE clean_padded (k TEXT PRIMARY KEY, v INTEGER)", [
        (" a", 1), ("b ", 2), ("c", 3), (f"{NBSP}d", 4),
    ]),
    # ISO dates and integers: typed and keyed, as ever.
    "iso": ("CREATE TABLE iso (k DATE PRIMARY KEY, v INTEGER)", [(day, n) for n, day in enumerate(DAYS)]),
    "numbers": ("CREATE TABLE numbers (k INTEGER PRIMARY KEY, v TEXT)", [(n, f"v{n}") for n in range(1, 30)]),
}  # fmt: skip


def _source_values(path: Path, table: str, columns: list[str]) -> set[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        listed = ", ".join(map(quote_ident, columns))
        return set(con.execute(f"SELECT {listed} FROM {quote_ident(table)}").fetchall())
    finally:
        con.close()


def _target_values(loaded: Loaded, table: str, columns: list[str]) -> set[tuple[object, ...]]:
    listed = ", ".join(map(quote_ident, columns))
    return set(pg_query(loaded.uri, f"SELECT {listed} FROM {quote_ident(loaded.base)}.{quote_ident(table)}"))


def test_keys_the_rules_would_merge_are_loaded_as_written(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    path = make_sqlite(TABLES, name="keys.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    record = loaded.result.record
    # Every table keyed by a real primary key: no plain index instead.
    assert not any("plain index" in line for line in record.warnings), record.warnings
    keys = {"pairs": ["a", "b"], "child": ["id"]}
    for table in TABLES:
        assert primary_key(loaded.uri, loaded.result.load.schema, table) == keys.get(table, ["k"]), table
    # The merged keys (and the reference to one) hold every source value, as text.
    for table, column in [("padded", "k"), ("child", "k"), ("dated", "k"), ("tokens", "k"), ("pairs", "a")]:
        assert loaded.data_type(table, column) == "text", (table, column)
        key = ["id"] if table == "child" else (["a", "b"] if table == "pairs" else [column])
        columns = list(dict.fromkeys([*key, column]))
        assert _target_values(loaded, table, columns) == _source_values(path, table, columns), table
    assert loaded.data_type("pairs", "b") == "bigint"
    # Each is a warning naming the table, the column and an example: the keys that would merge, the
    # reference to one, and the key of three spellings of none ('NULL', 'N/A', ''). Where a key keeps
    # one spelling only, it is a note (see test_a_blank_the_schema_leaves_a_key_no_other_way_for_…).
    warned = [line for line in record.warnings if "loaded as written" in line]
    assert len(warned) == 5, warned
    assert any(line.startswith("tokens.k:") and "NULL" in line for line in warned), warned
    padded = next(line for line in warned if line.startswith("padded.k:"))
    assert "'k0 '" in padded or f"'{NBSP}k0'" in padded, padded
    assert "'2000-1-5'" in next(line for line in warned if line.startswith("dated.k:"))
    assert any(line.startswith("child.k:") and "references padded.k" in line for line in warned)
    # Keys the rules do not merge: trimmed (and audited), dates and integers typed.
    assert loaded.data_type("clean_padded", "k") == "text"
    assert {k for (k,) in _target_values(loaded, "clean_padded", ["k"])} == {"a", "b", "c", "d"}
    assert loaded.data_type("iso", "k") == "date"
    assert loaded.data_type("numbers", "k") == "bigint"
    profile = loaded.result.profile
    assert profile["clean_padded"]["k"].as_written is None
    assert profile["iso"]["k"].as_written is None


def test_the_profile_says_why_and_the_plan_keeps_the_text(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite(TABLES, name="keys.db")
    profile = columnar_etl.profile(path, settings=load_settings(**GATES_OPEN))
    dated = profile["dated"]["k"]
    assert dated.inferred_type == "text"
    why = dated.as_written or ""
    assert "'2000-01-05'" in why and "'2000-1-5'" in why
    assert "NULL" in (profile["tokens"]["k"].as_written or "")
    plan = columnar_etl.plan(profile)
    column = plan["padded"]["k"]
    assert column.type == "text" and column.as_written and column.null_tokens == ()
    assert plan["clean_padded"]["k"].as_written is False
    assert any(note.startswith("padded.k: loaded as written") for note in plan.notes)


#: Composite keys whose typed column merges two rows only through a value written another way than its
#: type's own text (a moment with a ``T``, a boolean in capitals, a zero-padded integer), beside the
#: same keys without that value (typed). Only rows meeting a changed value are grouped: a merge of an
#: unchanged value with a changed one must still be found.
COMPOSITE = {
    **{
        f"{name}_{merged}": (
            f"CREATE TABLE {name}_{merged} (a TEXT, b INTEGER, c TEXT, PRIMARY KEY (a, b, c))",
            [
                *((value, n % 3, str(n)) for n, value in enumerate(values)),
                *([(other, 0, "0")] if merged == "merged" else []),
            ],
        )
        for name, values, other in [
            ("stamp", [f"2000-01-{day:02d} 10:00:00" for day in range(1, 21)], "2000-01-01T10:00:00"),
            ("flag", ["true", "false"] * 10, "TRUE"),
            ("whole", [str(n) for n in range(100, 120)], " 100"),
        ]
        for merged in ("merged", "apart")
    }
}


def test_a_composite_key_merged_through_one_typed_column_is_found(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite(COMPOSITE, name="composite.db")
    profile = columnar_etl.profile(path, settings=load_settings(**GATES_OPEN))
    for name, value, other in [
        ("stamp", "2000-01-01 10:00:00", "2000-01-01T10:00:00"),
        ("flag", "true", "TRUE"),
        ("whole", "100", " 100"),
    ]:
        merged = profile[f"{name}_merged"]["a"]
        assert merged.inferred_type == "text", name
        assert f"'{value}'" in (merged.as_written or "") and f"'{other}'" in (merged.as_written or ""), name
        apart = profile[f"{name}_apart"]["a"]
        assert apart.as_written is None and apart.inferred_type != "text", name


def test_a_sampled_profile_keeps_a_merged_key_as_written(make_sqlite: SqliteFactory) -> None:
    """A sample of a table whose declared key holds 'k7' and 'k7 ' (two keys to SQLite, one trimmed):
    the key is compared over every row, as on a whole profile (before, a sample checked nothing)."""
    rows = [(f"k{i // 2}" + " " * (i % 2), i) for i in range(400)]
    path = make_sqlite(
        {"padded": ("CREATE TABLE padded (k TEXT PRIMARY KEY, v INTEGER)", rows)}, name="sampled.db"
    )
    profile = columnar_etl.profile(path, sample=50, settings=load_settings(**GATES_OPEN))
    assert profile["padded"].sampled_rows == 50
    assert "would make distinct keys (k) equal" in (profile["padded"]["k"].as_written or "")
    assert columnar_etl.plan(profile)["padded"]["k"].as_written


#: A lookup table keyed by its rowid whose codes are a declared UNIQUE key too, which another table
#: references (SQLite's foreign keys name a PRIMARY KEY or UNIQUE column): ``-`` and ``N/A`` are codes
#: of their own (a row each, with its label), ``A1`` and ``A1 `` two codes.
ALTERNATE = {
    "codes": ("CREATE TABLE codes (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, label TEXT)", [
        (1, "A1", "first"), (2, "A1 ", "second"), (3, "-", "no code"), (4, "N/A", "not applicable"),
        *((n, f"C{n}", f"code {n}") for n in range(5, 20)),
    ]),
    "uses": ("CREATE TABLE uses (id INTEGER PRIMARY KEY, code TEXT REFERENCES codes (code))", [
        (1, "A1 "), (2, "-"), (3, "N/A"), (4, "C5"), (5, "A1"),
    ]),
    # Distinct once cleaned: trimmed (and audited), as ever.
    "tags": ("CREATE TABLE tags (id INTEGER PRIMARY KEY, tag TEXT UNIQUE)", [
        (1, " red"), (2, "green "), (3, "blue"),
    ]),
    # A UNIQUE column that may be NULL: a blank and a null token made NULL clash with nothing, and
    # are cleaned as ever (NULL, audited); padded values distinct once trimmed too.
    "people": ("CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT UNIQUE)", [
        (1, "a@example.com"), (2, ""), (3, "N/A"), (4, " b@example.com"),
    ]),
}  # fmt: skip


def test_a_unique_key_beside_the_primary_key_is_loaded_as_written(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    # Until 2026-12-03 only the table's one key was compared: the UNIQUE codes of a table keyed by its
    # rowid were cleaned, 'A1 ' became a second 'A1' and '-' and 'N/A' NULL (audited), and the rows
    # referencing them lost the row they named (its label). A UNIQUE key with no primary key beside
    # it was loaded as written.
    path = make_sqlite(ALTERNATE, name="alternate.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    for table, column in [("codes", "code"), ("uses", "code")]:
        assert loaded.data_type(table, column) == "text", (table, column)
        columns = ["id", column]
        assert _target_values(loaded, table, columns) == _source_values(path, table, columns), table
    # Every reference still names its row's label, as in the export.
    joined = "SELECT u.id, c.label FROM {0}.uses u JOIN {0}.codes c ON c.code = u.code"
    schema = quote_ident(loaded.base)
    expected = {(u, label) for (u, label) in _source_join(path, joined.format("main"))}
    assert set(pg_query(loaded.uri, joined.format(schema))) == expected
    assert len(expected) == 5
    profile = loaded.result.profile
    assert "'A1 '" in (profile["codes"]["code"].as_written or ""), profile["codes"]["code"].type_reason
    assert "references codes.code" in (profile["uses"]["code"].as_written or "")
    # The primary key is still the table's key; the tags' UNIQUE values are distinct once trimmed.
    assert primary_key(loaded.uri, loaded.result.load.schema, "codes") == ["id"]
    assert profile["tags"]["tag"].as_written is None
    assert {t for (t,) in _target_values(loaded, "tags", ["tag"])} == {"red", "green", "blue"}
    assert profile["people"]["email"].as_written is None
    emails = {1: "a@example.com", 2: None, 3: None, 4: "b@example.com"}
    assert loaded.values("people", "email", "id") == emails


def _source_join(path: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


#: TEXT keys whose values read as one type (booleans, dates) but are distinct codes as written.
TEXT_KEYS = {
    "answers": ("CREATE TABLE answers (answer TEXT PRIMARY KEY, score INTEGER)", [
        ("yes", 2), ("true", 1), ("no", -2), ("false", -1),
    ]),
    "days": ("CREATE TABLE days (day TEXT PRIMARY KEY, note TEXT)", [
        *((day, f"note {n}") for n, day in enumerate(DAYS)), ("2000-1-5", "as typed by hand"),
    ]),
    "votes": ("CREATE TABLE votes (id INTEGER PRIMARY KEY, answer TEXT REFERENCES answers (answer))", [
        (1, "yes"), (2, "true"), (3, "no"),
    ]),
}  # fmt: skip


def test_a_text_key_loaded_as_written_is_no_type_mismatch(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    # Until 2026-12-03 the type the values read as stayed the column's type_mismatch ("declared TEXT
    # but the values are boolean") once the key was loaded as written, as text, and counted as "text
    # where the declared type says otherwise": two such keys in a small export (2 of 6 columns, over
    # halt_type_mismatch_share) halted the run, exit 3, for columns declared TEXT and loaded as TEXT.
    path = make_sqlite(TEXT_KEYS, name="text_keys.db")
    profile = columnar_etl.profile(path)
    for table, column in [("answers", "answer"), ("days", "day"), ("votes", "answer")]:
        assert profile[table][column].as_written, (table, column)
        assert profile[table][column].issue("type_mismatch") is None, (table, column)
    loaded = load_and_check(path, pg_uri, tmp_path)  # the default gates
    assert loaded.result.outcome == "warn", loaded.result.record.error  # the as-written warnings
    assert loaded.violations == [], summarize(loaded.violations)
    for table, columns in [("answers", ["answer", "score"]), ("days", ["day", "note"])]:
        assert _target_values(loaded, table, columns) == _source_values(path, table, columns), table


def test_a_bytes_key_holding_text_keeps_every_blob(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    # A key of BLOB digests where a writer once stored text: a padded name and an empty string. The
    # column is bytea, whose cells are never trimmed nor made NULL (a TEXT cell arrives as the bytes of
    # its text). Until 2026-12-03 the key comparison read them as text would be cleaned, found keys
    # it would "merge" or "make NULL", and loaded the column as written as *text*: every BLOB cell
    # arrived NULL, with no audit row.
    digests = [bytes([n]) * 16 for n in range(1, 21)]
    rows = [(digest, f"file {n}") for n, digest in enumerate(digests)]
    rows += [("a ", "padded"), ("a", "plain"), ("", "empty"), ("NULL", "token")]
    path = make_sqlite(
        {"files": ("CREATE TABLE files (digest BLOB PRIMARY KEY, name TEXT)", rows)}, name="digests.db"
    )
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.data_type("files", "digest") == "bytea"
    names = {bytes(digest): name for digest, name in _target_values(loaded, "files", ["digest", "name"])}
    expected = {digest if isinstance(digest, bytes) else digest.encode(): name for digest, name in rows}
    assert names == expected
    assert primary_key(loaded.uri, loaded.result.load.schema, "files") == ["digest"]
    assert loaded.result.profile["files"]["digest"].as_written is None


def test_a_bytes_column_referencing_a_key_loaded_as_written_keeps_every_blob(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    # A column referencing a key loaded as written is loaded as written too; one holding BLOB cells is
    # bytea, its cells untouched already. Until 2026-12-03 it was made text, every BLOB cell NULL.
    tables = {
        "padded": ("CREATE TABLE padded (k TEXT PRIMARY KEY, v INTEGER)", [("k0", 1), ("k0 ", 2), ("k1", 3)]),
        "child": (
            "CREATE TABLE child (id INTEGER PRIMARY KEY, k REFERENCES padded (k))",
            [(1, "k0"), (2, b"k1"), (3, "k0 "), (4, b"\x00\x01")],
        ),
    }
    path = make_sqlite(tables, name="referencing_bytes.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.data_type("padded", "k") == "text"
    assert loaded.data_type("child", "k") == "bytea"
    assert loaded.values("child", "k", "id") == {1: b"k0", 2: b"k1", 3: b"k0 ", 4: b"\x00\x01"}


#: A key of several columns declared NOT NULL whose one column writes "none" as ``''`` (a browser's
#: cookie jar: no top-frame site; its origins: a ``file://`` origin has no host), beside the same shape
#: where other rows write NULL in another column. Cleaning would make the key NULL, so it is loaded as
#: written; the schema leaves the column no other way to say "none".
BLANK_IN_KEY = {
    "jar": (
        "CREATE TABLE jar (host TEXT NOT NULL, site TEXT NOT NULL, name TEXT NOT NULL, value TEXT, "
        "seen INTEGER, UNIQUE (host, site, name))",
        [
            ("h1", "", "a", "x", 1),
            ("h1", "s1", "a", "y", 2),
            ("h2", "", "b", "z", None),
            ("h2", "s2", "b", None, 4),
        ],
    ),
    "origins": (
        "CREATE TABLE origins (id INTEGER PRIMARY KEY, prefix TEXT NOT NULL, host TEXT NOT NULL, "
        "hits INTEGER, UNIQUE (prefix, host))",
        [
            (1, "http://", "h1", 3),
            (2, "file://", "", 1),
            (3, "https://", "h2", None),
            (4, "http://", "h2", 2),
        ],
    ),
}


def test_a_blank_the_schema_leaves_a_key_no_other_way_for_costs_no_quality(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    # Until 2026-12-04 such a column's '' cost quality as dirt (0.0 for the column, one '' in four
    # rows; a fresh browser profile's cookie jar scored 95.65), where the same '' in a column not in a
    # key costs nothing: the schema leaves it no other way. The "loaded as written" line is a note, not
    # a warning (until 2026-12-06 it was one, and every quarter of such an export ended exit 2): the
    # key's one spelling of none, kept, is the source's value, and no two values meet.
    path = make_sqlite(BLANK_IN_KEY, name="blank_in_key.db")
    loaded = load_and_check(path, pg_uri, tmp_path)  # the default gates
    assert loaded.violations == [], summarize(loaded.violations)
    record = loaded.result.record
    assert (loaded.result.outcome, record.warnings) == ("done", [])
    noted = [line.split(":")[0] for line in record.notes if "loaded as written" in line]
    assert noted == ["jar.site", "origins.host"], record.notes
    profile = loaded.result.profile
    for table, column in [("jar", "site"), ("origins", "host")]:
        kept = profile[table][column]
        assert kept.as_written and kept.quality == 100.0, (table, column, kept.issues)
        columns = ["host", "site", "name"] if table == "jar" else ["id", "prefix", "host"]
        assert _target_values(loaded, table, columns) == _source_values(path, table, columns), table
    assert profile.quality == 100.0


#: A key whose text column holds a null token as one of its values (a chat bot's nicknames keyed by
#: (id, slug): a user called ``null``; a lookup keyed by a name, ``None`` among names of mixed forms, so
#: no token is a value by its column's form alone), beside the same shape with a blank too (two ways of
#: writing none) and a nullable key column whose table holds NULLs.
TOKEN_IN_KEY = {
    "nicks": (
        "CREATE TABLE nicks (id INTEGER NOT NULL, slug TEXT NOT NULL, shown TEXT, PRIMARY KEY (id, slug))",
        [
            (1, "alice", "Alice"),
            (2, "null", "Nul"),
            (3, "0042", "0042"),
            (3, "[x]y", "[X]y"),
            (4, "ナル", "ナル"),
        ],
    ),
    "names": (
        "CREATE TABLE names (name TEXT PRIMARY KEY, n INTEGER)",
        [("Rome", 1), ("None", 2), ("San Donà di Piave", 3), ("l'Aquila", 4)],
    ),
    "visits": (
        "CREATE TABLE visits (id INTEGER PRIMARY KEY, name TEXT NOT NULL REFERENCES names (name))",
        [(1, "Rome"), (2, "None"), (3, "None"), (4, "l'Aquila")],
    ),
    "mixed": (
        "CREATE TABLE mixed (name TEXT PRIMARY KEY, n INTEGER)",
        [("Rome", 1), ("None", 2), ("", 3), ("l'Aquila", 4)],
    ),
    "nullable": (
        "CREATE TABLE nullable (name TEXT PRIMARY KEY, n INTEGER)",
        [("Rome", 1), ("None", None), ("San Donà di Piave", 3), ("l'Aquila", 4)],
    ),
}


def test_a_null_token_kept_as_a_value_of_a_key_costs_no_quality(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    # The key is loaded as written, so its token arrives as the text it is: a value of the key (a user
    # named null), or the one way the schema (NOT NULL) or the table (no NULL) leaves it to write none.
    # Until 2026-12-05 it cost quality as a null token made NULL would (63.6 for a column of 11 nicks,
    # its table 75.8, below the gate). A blank beside it, or NULLs in its table, are another way of
    # writing none: mixing still costs. The "loaded as written" line is a warning where the key makes
    # two spellings NULL ('None' and ''), else a note (until 2026-12-06 always a warning).
    path = make_sqlite(TOKEN_IN_KEY, name="token_in_key.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    record = loaded.result.record
    warned = sorted(line.split(":")[0] for line in record.warnings if "loaded as written" in line)
    assert warned == ["mixed.name"], warned
    noted = sorted(line.split(":")[0] for line in record.notes if "loaded as written" in line)
    assert noted == ["names.name", "nicks.slug", "nullable.name", "visits.name"], noted
    profile = loaded.result.profile
    # A column referencing such a key is loaded as written with it: its token names the key's row.
    kept_columns = [
        ("nicks", "slug", ["id", "slug"]),
        ("names", "name", ["name"]),
        ("visits", "name", ["id"]),
    ]
    for table, column, key in kept_columns:
        kept = profile[table][column]
        assert kept.as_written and kept.null_like_count, (table, kept.issues)
        assert kept.quality == 100.0, (table, column, kept.issues)
        columns = list(dict.fromkeys([*key, column]))
        assert _target_values(loaded, table, columns) == _source_values(path, table, columns), table
    # One cell in four of two ways of missing ('' and None: 25 % x 4 points each): 0.
    assert profile["mixed"]["name"].quality == 0.0
    assert profile["nullable"]["name"].quality == 0.0


#: Keys of several columns where cleaning merges or nulls through one column only: the others (ISO
#: dates, as the type writes them) read as their type. A metrics table keyed by its rowid whose
#: (owner, day, period) is UNIQUE NOT NULL, ``''`` the owner of the shared rows; a key merged by a
#: padded code beside its ISO day; a key merged by a day written two ways beside its plain code.
PARTLY = {
    "metrics": (
        "CREATE TABLE metrics (id TEXT PRIMARY KEY, owner TEXT NOT NULL DEFAULT '', day DATE NOT NULL, "
        "period TEXT NOT NULL, runs INTEGER, UNIQUE (owner, day, period))",
        [(f"m{n}", ["", "alice", "bob"][n % 3], f"2024-11-{n // 3 + 1:02d}", "daily", n) for n in range(12)],
    ),
    "padded_code": (
        "CREATE TABLE padded_code (code TEXT, day DATE, v INTEGER, PRIMARY KEY (code, day))",
        [("x", "2000-01-05", 1), ("x ", "2000-01-05", 2), ("y", "2000-01-06", 3)],
    ),
    # A blank owner made NULL beside a day padded once: as written, the two blanks meet by their day
    # once trimmed, so the day is kept as written too.
    "blank_and_padded": (
        "CREATE TABLE blank_and_padded (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, day DATE NOT NULL, "
        "UNIQUE (owner, day))",
        [(1, "", "2024-11-30"), (2, "", "2024-11-30 "), (3, "a", "2024-12-01"), (4, "b", "2024-12-02")],
    ),
    "two_spellings": (
        "CREATE TABLE two_spellings (code TEXT, day DATE, v INTEGER, PRIMARY KEY (code, day))",
        [("x", "2000-01-05", 1), (" x", "2000-01-06", 2), ("x", "2000-1-5", 3)],
    ),
}


def test_only_the_key_columns_that_merge_or_null_it_are_loaded_as_written(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    # Until 2026-12-05 every key column cleaning changed was loaded as written once any one of them
    # merged or nulled the key: an Agno agent store's metrics, UNIQUE (user_id, date, period) with
    # '' for the shared rows, loaded its DATE column of ISO dates as text, charged as a type mismatch
    # (the column 80.0), beside the '' it had to keep.
    path = make_sqlite(PARTLY, name="partly.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    profile = loaded.result.profile
    kept = {(t, c) for t in PARTLY for c in ("owner", "code", "day") if c in profile[t].columns}
    as_written = {(t, c) for t, c in kept if profile[t][c].as_written}
    assert as_written == {
        ("metrics", "owner"),
        ("padded_code", "code"),
        ("blank_and_padded", "owner"),
        ("blank_and_padded", "day"),
        ("two_spellings", "day"),
    }
    assert "NULL" in (profile["metrics"]["owner"].as_written or "")
    assert "'2000-1-5'" in (profile["two_spellings"]["day"].as_written or "")
    for table, column, kind in [
        ("metrics", "owner", "text"),
        ("metrics", "day", "date"),
        ("padded_code", "code", "text"),
        ("padded_code", "day", "date"),
        ("two_spellings", "day", "text"),
    ]:
        assert loaded.data_type(table, column) == kind, (table, column)
    assert profile["metrics"]["day"].quality == 100.0
    owners = {(f"m{n}", ["", "alice", "bob"][n % 3]) for n in range(12)}
    assert _target_values(loaded, "metrics", ["id", "owner"]) == owners
    days = {(f"m{n}", date(2024, 11, n // 3 + 1)) for n in range(12)}
    assert _target_values(loaded, "metrics", ["id", "day"]) == days
    columns = ["id", "owner", "day"]
    assert _target_values(loaded, "blank_and_padded", columns) == _source_values(
        path, "blank_and_padded", columns
    )
    # The padded codes stay two keys; the two spellings of one day stay two keys, each as written.
    assert _target_values(loaded, "padded_code", ["code", "v"]) == {("x", 1), ("x ", 2), ("y", 3)}
    assert _target_values(loaded, "two_spellings", ["day", "v"]) == _source_values(
        path, "two_spellings", ["day", "v"]
    )


#: A key of a text and a REAL column declared NOT NULL whose REAL column writes none as ``''`` (one
#: spelling) beside the same shape writing it ``''`` and ``N/A`` (two): a double's key is compared by
#: the grouped query (no unchanged value is skipped there: ``-0.0`` and ``0.0`` are one value).
BLANK_IN_DOUBLE_KEY = {
    name: (
        f"CREATE TABLE {name} (item TEXT NOT NULL, weight REAL NOT NULL, n INTEGER, "
        "PRIMARY KEY (item, weight))",
        [(f"i{n}", 0.5 * n, n) for n in range(1, 9)]
        + [(f"i{n}", blank, 10 + n) for n, blank in enumerate(blanks)],
    )
    for name, blanks in [("one_way", ["", ""]), ("two_ways", ["", "N/A"])]
}  # fmt: skip


def test_a_key_making_one_spelling_null_is_a_note_and_two_spellings_a_warning(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    path = make_sqlite(BLANK_IN_DOUBLE_KEY, name="blank_in_double_key.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    record = loaded.result.record
    warned = [line.split(":")[0] for line in record.warnings if "loaded as written" in line]
    noted = [line.split(":")[0] for line in record.notes if "loaded as written" in line]
    assert (warned, noted) == (["two_ways.weight"], ["one_way.weight"]), (record.warnings, record.notes)
    for table in BLANK_IN_DOUBLE_KEY:
        assert loaded.data_type(table, "weight") == "text", table
        columns = ["item", "weight", "n"]
        written = {
            (i, w if isinstance(w, str) else repr(w), n) for i, w, n in _source_values(path, table, columns)
        }
        assert _target_values(loaded, table, columns) == written, table
