"""SQLite has no date type: its documentation ("Date And Time Datatype") names three ways to store a
moment, ISO-8601 TEXT, a REAL Julian day number (``julianday()``) and INTEGER Unix time, and an
application may use more than one in a column (``julianday('now')`` in its code, ``DEFAULT
CURRENT_TIMESTAMP`` in a raw insert; Python's ``time.time()`` REAL seconds beside text). Such a column
holds moments written two ways: neither way is dirt, and the run keeps every value as written.

Expected values are SQLite's own (its ``julianday()``, its ``typeof()``); the target is read back from
PostgreSQL, and every cell is checked by tests/lossless_check.py.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from columnar_etl import profile
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.epochs import MomentNumbers, MomentUnit, moment_expression
from columnar_etl.rules.epochs import epoch_units
from columnar_etl.source.tables import SourceColumn

from .conftest import SqliteFactory, pg_query, primary_key
from .lossless_check import summarize
from .test_lossless import GATES_OPEN, load_and_check, source_values

ROWS = 12
#: The moments the rows were written at, one day apart.
MOMENTS = [f"2024-01-{day:02d} 08:{day:02d}:30" for day in range(1, ROWS + 1)]


def _written_two_ways(path: Path) -> Path:
    """``ev``: per column, every third row's moment as text, the others as numbers SQLite computes."""
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE ev (id INTEGER PRIMARY KEY, julian DATETIME, seconds DATETIME, "
            "seen_at REAL, day DATE, plain DATETIME)"
        )
        for i, moment in enumerate(MOMENTS):
            as_text = i % 3 == 0
            con.execute(
                "INSERT INTO ev VALUES (?, "
                "CASE WHEN ? THEN ? ELSE julianday(?) END, "
                "CASE WHEN ? THEN ? ELSE (julianday(?) - 2440587.5) * 86400.0 + 0.25 END, "
                "CASE WHEN ? THEN ? ELSE (julianday(?) - 2440587.5) * 86400.0 + 0.5 END, "
                "CASE WHEN ? THEN date(?) ELSE julianday(date(?)) END, ?)",
                (i, *(as_text, moment, moment) * 3, as_text, moment, moment, moment),
            )
    con.close()
    return path


def test_moments_as_real_numbers_beside_date_text_keep_the_column_text(make_sqlite: SqliteFactory) -> None:
    # Until 2026-12-03 the date text among REAL Julian days or REAL Unix seconds made the column a
    # double, every date text quarantined as an invalid number (NULL); integers alone kept it text.
    path = _written_two_ways(make_sqlite({}, name="moments.db"))
    kinds = source_values(
        path, "SELECT typeof(julian), typeof(seconds), typeof(seen_at), typeof(day) FROM ev"
    )
    assert {k for row in kinds for k in row} == {b"real", b"text"}, kinds
    table = profile(path)["ev"]
    for name in ("julian", "seconds", "seen_at", "day"):
        column = table[name]
        assert column.inferred_type == "text", (name, column.type_reason)
        assert "written two ways" in column.type_reason, (name, column.type_reason)
        for kind in ("invalid_number", "unparseable_date", "impossible_date"):
            assert column.issue(kind) is None, (name, kind)
    # Text alone is dates, as before.
    assert table["plain"].inferred_type == "timestamp"


def test_a_run_keeps_every_moment_as_written(make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path) -> None:
    path = _written_two_ways(make_sqlite({}, name="moments.db"))
    ran = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert not ran.violations, summarize(ran.violations)
    assert not ran.log("quarantine")
    for name in ("julian", "seconds", "seen_at", "day"):
        assert ran.data_type("ev", name) == "text", name
        loaded = ran.values("ev", name, "id")
        source = dict(source_values(path, f"SELECT id, {name} FROM ev"))
        for i in range(ROWS):
            if isinstance(source[i], bytes):
                assert loaded[i] == source[i].decode(), (name, i)
            else:  # the REAL cell: its text reads back as the very double
                assert float(loaded[i]) == source[i], (name, i, loaded[i])


def test_a_small_export_of_moments_written_two_ways_is_loaded_with_the_default_gates(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # Until 2026-12-03 such a column was a type_mismatch ("declared DATETIME but the values are text"),
    # and one in a table of five columns (a fifth of the export's, over halt_type_mismatch_share) halted
    # the run, exit 3: every value of it a moment, as declared. Prisma writes epoch milliseconds, a raw
    # insert's DEFAULT CURRENT_TIMESTAMP text.
    ms = [1_716_194_520_123 + 86_400_000 * i for i in range(ROWS)]
    rows = [
        (i, f"user{i}@example.com", f"User {i}", MOMENTS[i] if i % 4 == 0 else ms[i], 1 + i % 3)
        for i in range(ROWS)
    ]
    ddl = (
        'CREATE TABLE "User" (id INTEGER PRIMARY KEY, email TEXT, name TEXT, "createdAt" DATETIME, n INTEGER)'
    )
    path = make_sqlite({"User": (ddl, rows)}, name="prisma.db")
    column = profile(path)["User"]["createdAt"]
    assert column.inferred_type == "text" and "written two ways" in column.type_reason
    assert column.issue("type_mismatch") is None
    ran = load_and_check(path, pg_uri, tmp_path)  # the default gates
    assert ran.result.exit_code == 0, ran.result.record.warnings
    assert not ran.violations, summarize(ran.violations)
    loaded = ran.values("User", "createdAt", "id")
    assert loaded == {i: MOMENTS[i] if i % 4 == 0 else str(ms[i]) for i in range(ROWS)}


def _written_three_ways(path: Path) -> Path:
    """``ev``: per column, the rows' moments in turn as date text, a REAL ``julianday()`` and INTEGER
    Unix time (``strftime('%s')``, or its milliseconds); ``numbers`` and ``millis`` without the text."""
    con = sqlite3.connect(path)
    seconds = "CAST(strftime('%s', ?) AS INTEGER)"
    with con:
        con.execute(
            "CREATE TABLE ev (id INTEGER PRIMARY KEY, at DATETIME, stamp TIMESTAMP, day DATE, "
            "compact DATE, sent TIMESTAMP, numbers DATETIME, millis DATETIME)"
        )
        real_seconds = "((julianday(?) - 2440587.5) * 86400.0 + 0.25)"
        for i, moment in enumerate(MOMENTS):
            way = i % 3
            con.execute(
                "INSERT INTO ev VALUES (?, "
                f"CASE ? WHEN 0 THEN ? WHEN 1 THEN julianday(?) ELSE {seconds} END, "
                f"CASE ? WHEN 0 THEN ? WHEN 1 THEN julianday(?) ELSE {seconds} END, "
                f"CASE ? WHEN 0 THEN date(?) WHEN 1 THEN julianday(date(?)) ELSE {seconds} END, "
                # A compact date (20240103: a date, read by its rule alone) beside text and Julian days.
                "CASE ? WHEN 0 THEN date(?) WHEN 1 THEN julianday(date(?)) "
                "ELSE CAST(strftime('%Y%m%d', ?) AS INTEGER) END, "
                # An ORM's epoch milliseconds beside Python's REAL time.time() seconds and text.
                f"CASE ? WHEN 0 THEN ? WHEN 1 THEN {real_seconds} ELSE {seconds} * 1000 END, "
                f"CASE WHEN ? % 2 THEN julianday(?) ELSE {seconds} END, "
                f"CASE WHEN ? % 2 THEN julianday(?) ELSE {seconds} * 1000 END)",
                (i, *(way, moment, moment, moment) * 5, i, moment, moment, i, moment, moment),
            )
    con.close()
    return path


THREE_WAYS = ("at", "stamp", "day", "compact", "sent")
NUMBERS_TWO_WAYS = ("numbers", "millis")


def test_moments_written_three_ways_keep_the_column_text(make_sqlite: SqliteFactory) -> None:
    # Until 2026-12-03 epoch integers and Julian REALs beside date text made the column a double, each
    # date text quarantined as an invalid number; the two numbers alone made a double of two units,
    # every value a type_mismatch (a fifth of an export's columns halts its run).
    path = _written_three_ways(make_sqlite({}, name="three.db"))
    for name in THREE_WAYS:
        kinds = {k for (k,) in source_values(path, f"SELECT DISTINCT typeof({name}) FROM ev")}
        assert kinds == {b"integer", b"real", b"text"}, (name, kinds)
    for name in NUMBERS_TWO_WAYS:
        kinds = {k for (k,) in source_values(path, f"SELECT DISTINCT typeof({name}) FROM ev")}
        assert kinds == {b"integer", b"real"}, (name, kinds)
    table = profile(path)["ev"]
    for name in THREE_WAYS + NUMBERS_TWO_WAYS:
        column = table[name]
        assert column.inferred_type == "text", (name, column.type_reason)
        assert "written two ways" in column.type_reason, (name, column.type_reason)
        assert column.issues == [], (name, column.issues)


def test_a_run_keeps_every_moment_written_three_ways_as_written(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    path = _written_three_ways(make_sqlite({}, name="three.db"))
    ran = load_and_check(path, pg_uri, tmp_path)  # the default gates
    assert ran.result.exit_code == 0, ran.result.record.warnings
    assert not ran.violations, summarize(ran.violations)
    assert not ran.log("quarantine") and not ran.log("audit")
    for name in THREE_WAYS + NUMBERS_TWO_WAYS:
        assert ran.data_type("ev", name) == "text", name
        loaded = ran.values("ev", name, "id")
        for i, value in source_values(path, f"SELECT id, {name} FROM ev"):
            if isinstance(value, bytes):
                assert loaded[i] == value.decode(), (name, i)
            elif isinstance(value, int):
                assert loaded[i] == str(value), (name, i, loaded[i])
            else:  # the REAL cell: its text reads back as the very double
                assert float(loaded[i]) == value, (name, i, loaded[i])


def test_unix_seconds_with_and_without_a_fraction_are_one_way_a_double(make_sqlite: SqliteFactory) -> None:
    # One unit: not two ways. The column stays what it was (a double holds every value exactly).
    rows = [(i, 1_704_182_550 + 86_400 * i + (0.25 if i % 2 else 0)) for i in range(ROWS)]
    path = make_sqlite({"ev": ("CREATE TABLE ev (id INTEGER PRIMARY KEY, at DATETIME)", rows)}, name="one.db")
    assert profile(path)["ev"]["at"].inferred_type == "double"


def test_moments_of_one_way_alone_are_numbers_with_no_misfit_and_the_note_reads_them(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # Until 2026-12-03 a DATETIME column of julianday() REALs alone (or a TIMESTAMP column of time.time()
    # REAL seconds) was a double with every value a type_mismatch ("declared DATETIME but the values are
    # double"): two such columns in a table of four halted the run with the default gates, exit 3.
    # Expected instants come from Python's datetime, not from SQLite's or PostgreSQL's arithmetic.
    instants = [datetime.fromisoformat(m).replace(tzinfo=UTC).timestamp() for m in MOMENTS]
    path = make_sqlite({}, name="one_way.db")
    con = sqlite3.connect(path)
    with con:
        # start_time: no date declared, only its name says moment (Dagster's FLOAT seconds): the note too.
        con.execute(
            "CREATE TABLE ev (id INTEGER PRIMARY KEY, julian DATETIME, secs TIMESTAMP, v TEXT, "
            "start_time FLOAT)"
        )
        for i, moment in enumerate(MOMENTS):
            con.execute(
                "INSERT INTO ev VALUES (?, julianday(?), ?, ?, ?)",
                (i, moment, instants[i] + 0.25, f"v{i}", instants[i] + 0.5),
            )
    con.close()
    table = profile(path)["ev"]
    for name in ("julian", "secs", "start_time"):
        column = table[name]
        assert column.inferred_type == "double", (name, column.type_reason)
        assert column.issues == [], (name, column.issues)
    ran = load_and_check(path, pg_uri, tmp_path)  # the default gates
    assert ran.result.exit_code == 0, ran.result.record.warnings
    assert not ran.violations, summarize(ran.violations)
    # The note's expression, run by PostgreSQL on the loaded numbers, names the moment each row was
    # written at (a Julian day's double holds it to a few microseconds).
    for name, offset in (("julian", 0.0), ("secs", 0.25), ("start_time", 0.5)):
        (note,) = [n for n in table[name].notes if "the instant is" in n]
        expression = note.split("the instant is ")[1]
        rows = pg_query(
            pg_uri,
            f"SELECT id, extract(epoch FROM {expression})::float8 FROM {quote_ident(ran.base)}.ev",
        )
        assert len(rows) == ROWS
        for i, epoch in rows:
            assert abs(epoch - (instants[i] + offset)) < 1e-3, (name, i, epoch, instants[i])


def test_epoch_seconds_written_as_decimal_text_are_numeric_and_the_note_reads_them(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A web archiver keys each snapshot by str(time.time()) in a VARCHAR(32) named "timestamp"
    # ('1796462623.82282', '1497562974.0' for an imported bookmark's whole second); a TEXT column
    # named for a moment may hold the same. Decimal text is numeric, every value as written (a
    # DATETIME column's NUMERIC affinity would have made it REAL); until 2026-12-05 only REAL seconds
    # got the note reading them as instants: the same seconds as text said nothing of what they are.
    instants = [datetime.fromisoformat(m).replace(tzinfo=UTC).timestamp() for m in MOMENTS]
    # str() of the float of seconds to the microsecond: six fraction digits at most, trailing zeros dropped.
    texts = [str(float(f"{int(t)}.{i * 12_345 if i % 3 else 0:06d}")) for i, t in enumerate(instants)]
    rows = [(i, text, text, f"v{i}") for i, text in enumerate(texts)]
    ddl = (
        'CREATE TABLE ev (id INTEGER PRIMARY KEY, "timestamp" VARCHAR(32) NOT NULL UNIQUE, seen_at TEXT, '
        "v TEXT)"
    )
    path = make_sqlite({"ev": (ddl, rows)}, name="decimal_seconds.db")
    kinds = source_values(path, 'SELECT DISTINCT typeof("timestamp"), typeof(seen_at) FROM ev')
    assert kinds == [(b"text", b"text")], kinds
    table = profile(path)["ev"]
    for name in ("timestamp", "seen_at"):
        column = table[name]
        assert column.inferred_type == "numeric", (name, column.type_reason)
    ran = load_and_check(path, pg_uri, tmp_path)  # the default gates
    assert ran.result.exit_code == 0, ran.result.record.warnings
    assert not ran.violations, summarize(ran.violations)
    for name in ("timestamp", "seen_at"):
        (note,) = [n for n in table[name].notes if "the instant is" in n]
        assert "kept as numbers (numeric), every value as written" in note, note
        expression = note.split("the instant is ")[1]
        rows_back = pg_query(
            pg_uri,
            f"SELECT id, {quote_ident(name)}::text, extract(epoch FROM {expression})::numeric "
            f"FROM {quote_ident(ran.base)}.ev",
        )
        assert len(rows_back) == ROWS
        for i, loaded, epoch in rows_back:
            # Every value as written (its numeric prints the plan's scale), its instant to the µs.
            assert Decimal(loaded) == Decimal(texts[i]), (name, i, loaded)
            assert abs(Decimal(epoch) - Decimal(texts[i])) <= Decimal("0.000001"), (name, i, epoch, texts[i])


def test_epoch_seconds_as_text_kept_as_text_get_no_note_of_numbers(make_sqlite: SqliteFactory) -> None:
    # The same seconds as decimal text, but text in the end: one written two ways ('1497562974' and
    # '1497562974.0', an older web archiver's de-duplicated keys: a number would make them one), or a
    # declared key whose padding cleaning would merge. No note may say "kept as numbers (numeric)" of a
    # text column (the first version of the note above did, and its to_timestamp() fails on text).
    seconds = ["1796462623.82282", "1796462684.845882", "1500000000.5", "1600000000.125"]
    two_ways = [(i, text) for i, text in enumerate(["1497562974", "1497562974.0", *seconds])]
    padded = [(i, text) for i, text in enumerate(["1497562974.5", "1497562974.5 ", *seconds])]
    path = make_sqlite(
        {
            "b": ("CREATE TABLE b (id INTEGER PRIMARY KEY, seen_at TEXT)", two_ways),
            "a": ('CREATE TABLE a (id INTEGER PRIMARY KEY, "timestamp" VARCHAR(32) NOT NULL UNIQUE)', padded),
        },
        name="seconds_as_text.db",
    )
    profiled = profile(path)
    for table, name in [("b", "seen_at"), ("a", "timestamp")]:
        column = profiled[table][name]
        assert column.inferred_type == "text", (table, column.type_reason)
        assert not [n for n in column.notes if "kept as numbers" in n], (table, column.notes)
    assert profiled["a"]["timestamp"].as_written is not None


def test_a_key_of_moments_written_several_ways_is_text_and_keeps_its_primary_key(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A declared key's numbers are identifiers, not moments; beside date text they are moments too.
    # Until 2026-12-03 such a key was "not double, kept as text", every value a type_mismatch: alone
    # in a table of two columns it halted the run (exit 3).
    moments = [[m, 2460310.5 + i, 1_704_096_000 + 86_400 * i][i % 3] for i, m in enumerate(MOMENTS)]
    tables = {
        "ev": (
            "CREATE TABLE ev (at DATETIME PRIMARY KEY, v TEXT)",
            [(m, f"v{i}") for i, m in enumerate(moments)],
        ),
        "shift": (
            "CREATE TABLE shift (at DATETIME, n INTEGER, v TEXT, PRIMARY KEY (at, n))",
            [(m, i % 2, "x") for i, m in enumerate(moments)],
        ),
    }
    path = make_sqlite(tables, name="keyed_moments.db")
    profiled = profile(path)
    for table in tables:
        column = profiled[table]["at"]
        assert column.inferred_type == "text" and "written two ways" in column.type_reason, column.type_reason
        assert column.issues == [], column.issues
    ran = load_and_check(path, pg_uri, tmp_path)  # the default gates
    assert ran.result.exit_code == 0, ran.result.record.warnings
    assert not ran.violations, summarize(ran.violations)
    schema = ran.result.record.version_schema
    assert primary_key(pg_uri, schema, "ev") == ["at"] and primary_key(pg_uri, schema, "shift") == ["at", "n"]
    loaded = ran.values("ev", "v", "at")
    for at, v in source_values(path, "SELECT at, v FROM ev"):
        text = at.decode() if isinstance(at, bytes) else str(at)
        assert loaded[text] == v.decode(), (at, loaded)


def test_epoch_milliseconds_in_a_key_of_several_columns_are_instants_as_beside_it(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A history table keyed by every one of its columns (an ORM needs a primary key; the rows have no
    # other identity: MLflow's metric history) holds the same epoch milliseconds as its latest-value
    # table. Until 2026-12-04 a column of any declared primary key never converted: the history's
    # moments were bigint, the latest table's timestamptz, and the two no longer compared. A key of
    # one column stays an identifier whatever its name (ids named after a time, see test_profile).
    millis = [1_704_096_000_000 + 86_400_000 * i + 123 * i for i in range(ROWS)]
    tables = {
        "history": (
            "CREATE TABLE history (name VARCHAR(50) NOT NULL, value FLOAT NOT NULL, "
            "recorded_at BIGINT NOT NULL, step BIGINT NOT NULL, run TEXT NOT NULL, "
            "PRIMARY KEY (name, recorded_at, step, run, value))",
            [(f"m{i % 3}", i / 7, ms, i, "r1") for i, ms in enumerate(millis)],
        ),
        "latest": (
            "CREATE TABLE latest (name VARCHAR(50) NOT NULL, value FLOAT, recorded_at BIGINT, "
            "run TEXT NOT NULL, PRIMARY KEY (name, run))",
            [(f"m{i}", i / 7, millis[ROWS - 3 + i], "r1") for i in range(3)],
        ),
        "batches": (
            "CREATE TABLE batches (created INTEGER PRIMARY KEY, label TEXT)",
            [(ms, f"b{i}") for i, ms in enumerate(millis)],
        ),
    }
    path = make_sqlite(tables, name="keyed_history.db")
    ran = load_and_check(path, pg_uri, tmp_path)  # the default gates
    assert not ran.violations, summarize(ran.violations)
    assert ran.result.exit_code == 0, ran.result.record.warnings
    assert ran.data_type("history", "recorded_at") == ran.data_type("latest", "recorded_at")
    assert ran.data_type("history", "recorded_at") == "timestamp with time zone"
    assert ran.data_type("batches", "created") == "bigint"  # a key of one column: an identifier
    schema = ran.result.record.version_schema
    assert primary_key(pg_uri, schema, "history") == ["name", "recorded_at", "step", "run", "value"]
    instant = {ms: datetime.fromtimestamp(ms / 1000, UTC) for ms in millis}
    assert ran.values("history", "recorded_at", "step") == {i: instant[ms] for i, ms in enumerate(millis)}
    audited = [r for r in ran.log("audit") if (r["table"], r["column"]) == ("history", "recorded_at")]
    assert len(audited) == ROWS and {r["rule"] for r in audited} == {"epoch:milliseconds"}


def test_the_instants_expression_follows_the_unit_not_the_wording() -> None:
    # The note's expression was picked by the phrase _moment_numbers returned: a reworded phrase
    # would have dropped the note silently. It is keyed on the unit beside the phrase.
    column = SourceColumn("at", "DATETIME", not_null=False, default=None, primary_key=False)
    expected = {
        MomentUnit.EPOCH_SECONDS: 'to_timestamp("at")',
        MomentUnit.EPOCH_MILLISECONDS: 'to_timestamp("at" / 1000.0)',
        MomentUnit.JULIAN_DAYS: 'to_timestamp(("at" - 2440587.5) * 86400)',
        MomentUnit.EPOCH_DAYS: """DATE '1970-01-01' + "at"::integer""",
        MomentUnit.TWO_WAYS: None,
    }
    for unit, expression in expected.items():
        reworded = MomentNumbers("numbers said another way", unit)
        assert moment_expression(column, reworded) == expression, unit
    assert moment_expression(column, None) is None


def test_days_since_1970_in_a_column_declared_date_are_days_with_no_misfit_and_the_note_reads_them(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # R's RSQLite with extended_types = TRUE declares a Date column DATE and binds its days since
    # 1970-01-01 (INTEGER by the column's affinity; before 1970 negative). Until 2026-12-04 every value
    # was a type_mismatch ("declared DATE but the values are integer"), with no word of what they
    # count (the report called exactly what the schema declares dirt).
    # Integers of years in a column declared DATE (1990 ... 2001) are no days, nor a spreadsheet's
    # serial days (since 1899-12-30: 45,292 is 2024-01-01, which would read as 2094): they still misfit.
    # Expected days come from Python's date arithmetic, not from SQLite's or PostgreSQL's.
    epoch = date(1970, 1, 1)
    opened = [date(2024, 1, 1) + timedelta(days=37 * i) for i in range(ROWS)]
    born = [date(1931, 2, 27) + timedelta(days=3001 * i) for i in range(ROWS)]
    rows = [
        (
            i,
            (opened[i] - epoch).days,
            None if i == 3 else (born[i] - epoch).days,
            1990 + i,
            (opened[i] - date(1899, 12, 30)).days,
            f"v{i}",
        )
        for i in range(ROWS)
    ]
    path = make_sqlite(
        {
            "ev": (
                "CREATE TABLE ev (id INTEGER, opened DATE, born DATE, made DATE, serial DATE, v TEXT)",
                rows,
            )
        },
        name="r_days.db",
    )
    assert min(r[2] for r in rows if r[2] is not None) < 0
    table = profile(path)["ev"]
    for name in ("opened", "born"):
        column = table[name]
        assert column.inferred_type == "integer", (name, column.type_reason)
        assert column.issues == [], (name, column.issues)
    for name in ("made", "serial"):
        assert [i.kind for i in table[name].issues] == ["type_mismatch"], name
        assert not [n for n in table[name].notes if "1970" in n], table[name].notes
    ran = load_and_check(path, pg_uri, tmp_path)  # the default gates
    assert ran.result.exit_code in (0, 2), ran.result.record.warnings
    assert not ran.violations, summarize(ran.violations)
    assert ran.data_type("ev", "opened") == "bigint"  # every value as written
    # The note's expression, run by PostgreSQL on the loaded numbers, names each row's day.
    for name, days in (("opened", opened), ("born", born)):
        (note,) = [n for n in table[name].notes if "the day is" in n]
        expression = note.split("the day is ")[1]
        got = dict(pg_query(pg_uri, f"SELECT id, {expression} FROM {quote_ident(ran.base)}.ev"))
        expected = {i: (None if (name, i) == ("born", 3) else days[i]) for i in range(ROWS)}
        assert got == expected, name


def test_epoch_integers_of_any_year_in_a_column_declared_a_date_are_instants_in_the_unit_they_allow(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # The Java SQLite JDBC driver's setDate / setTimestamp write epoch milliseconds into a column declared
    # DATE or DATETIME (Android apps alike): birth dates of 1950 to 2009, negative before 1970. Until
    # 2026-12-04 only integers of 2001-09-09 to 2033-05-18 were read as instants (their digit count naming
    # the unit): these stayed bigint, every value a type_mismatch, no note. The unit is now the one in which
    # every value lies from 1900 to 2099 and not every value within 1969-1970 (where a coarser unit's
    # values land when read in a finer one). Unchanged: integers none of whose units is so (milliseconds
    # all of 1970), days since 1970 (in 1969-1970 in every unit: their own note), a name alone (its
    # window), a 0 for "no date". Expected instants are Python's datetime arithmetic; every cell is
    # checked by tests/lossless_check.py.
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    rows_n = 26
    born = [
        datetime(1950, 1, 1, tzinfo=UTC) + timedelta(days=913 * i, microseconds=7_001 * i) for i in range(25)
    ]
    born.append(epoch - timedelta(microseconds=1_001))  # 1969-12-31 23:59:59.998999: just before 1970

    def count(at: datetime, per_second: int) -> int:
        return (at - epoch) // timedelta(microseconds=1_000_000 // per_second)

    ms = [count(at, 1_000) for at in born]
    seconds = [count(at, 1) for at in born]
    micros = [count(at, 1_000_000) for at in born]
    of_1970 = [
        count(datetime(1970, 3, 1, tzinfo=UTC) + timedelta(days=11 * i, hours=i), 1_000)
        for i in range(rows_n)
    ]
    days = [18_000 + 120 * i for i in range(rows_n)]
    with_zero = [0 if i % 5 == 0 else v for i, v in enumerate(ms)]
    assert min(ms) < 0 < max(ms) and min(seconds) < 0 and min(micros) < 0
    columns = {
        "born_ms": ("DATE", ms),
        "born_s": ("DATE", seconds),
        "born_us": ("DATETIME", micros),
        "in_1970": ("DATETIME", of_1970),
        "days": ("DATE", days),
        "birthdate": ("BIGINT", ms),  # a date-like name alone: its window, 2001 to 2033
        "with_zero": ("DATE", with_zero),
    }
    ddl = ", ".join(f"{name} {declared}" for name, (declared, _) in columns.items())
    rows = [(i, *(values[i] for _, values in columns.values())) for i in range(rows_n)]
    path = make_sqlite(
        {"person": (f"CREATE TABLE person (id INTEGER PRIMARY KEY, {ddl})", rows)}, name="jdbc.db"
    )
    table = profile(path)["person"]
    units = {"born_ms": "milliseconds", "born_s": "seconds", "born_us": "microseconds"}
    for name, unit in units.items():
        column = table[name]
        assert column.inferred_type == "timestamptz", (name, column.type_reason)
        assert any(f"epoch {unit}" in note for note in column.notes), (name, column.notes)
        # As of 2001's milliseconds in a column declared DATE (Hibernate's due_date): instants, no dates.
        declared = columns[name][0]
        misfit = [f"declared {declared} but the values are timestamptz"] if declared == "DATE" else []
        assert [i.detail for i in column.issues] == misfit, (name, column.issues)
    for name in ("in_1970", "days", "birthdate", "with_zero"):
        assert table[name].inferred_type == "integer", (name, table[name].type_reason)
        assert not [n for n in table[name].notes if "integers are epoch" in n], (name, table[name].notes)
    assert table["days"].issues == [] and any("the day is" in n for n in table["days"].notes)
    for name in ("in_1970", "with_zero"):  # as before: every value misfits the declared type
        assert [i.kind for i in table[name].issues] == ["type_mismatch"], name
    ran = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert not ran.violations, summarize(ran.violations)
    instants = {
        "born_ms": [epoch + timedelta(milliseconds=v) for v in ms],
        "born_s": [epoch + timedelta(seconds=v) for v in seconds],
        "born_us": [epoch + timedelta(microseconds=v) for v in micros],
    }
    for name, expected in instants.items():
        assert ran.data_type("person", name) == "timestamp with time zone", name
        assert ran.values("person", name, "id") == dict(enumerate(expected)), name
        audited = [r for r in ran.log("audit") if (r["table"], r["column"]) == ("person", name)]
        assert len(audited) == rows_n and {r["rule"] for r in audited} == {f"epoch:{units[name]}"}, name
    # Just before 1970, floored: not rounded toward 1970-01-01 (a truncating division would).
    assert (ms[-1], seconds[-1], micros[-1]) == (-2, -1, -1_001)
    assert instants["born_ms"][-1] == datetime(1969, 12, 31, 23, 59, 59, 998_000, tzinfo=UTC)
    assert instants["born_us"][-1] == datetime(1969, 12, 31, 23, 59, 59, 998_999, tzinfo=UTC)
    for name in ("in_1970", "days", "birthdate", "with_zero"):
        assert ran.data_type("person", name) == "bigint", name
        assert ran.values("person", name, "id") == dict(enumerate(columns[name][1])), name


def test_the_unit_a_declared_dates_bounds_allow_is_the_one_a_names_window_says() -> None:
    # The plan reads a profile's epoch integers in the unit their bounds allow; integers of a date-like
    # name's window (2001-09-09 to 2033-05-18, their digits naming the unit) must allow that unit alone.
    # Bounds from Python's datetime arithmetic.
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    low, high = (
        int((datetime(*ymd, tzinfo=UTC) - epoch).total_seconds()) for ymd in ((2001, 9, 9), (2033, 5, 18))
    )
    for unit, scale in (("seconds", 1), ("milliseconds", 1_000), ("microseconds", 1_000_000)):
        assert epoch_units(low * scale, high * scale) == [unit], unit
    hundred_years = int((datetime(2100, 1, 1, tzinfo=UTC) - epoch).total_seconds())
    assert epoch_units(-2_208_988_800, hundred_years - 1) == ["seconds"]  # 1900-01-01 to 2099-12-31
    assert epoch_units(-2_208_988_801, 10) == []  # 1899: none
    assert epoch_units(1_200_000_000_000, 1_300_000_000_000) == ["milliseconds"]  # not 14 days of 1970
    assert epoch_units(18_000, 21_000) == []  # days since 1970: within 1970 in every unit


def test_names_of_an_access_an_expiry_or_a_last_sighting_read_their_epoch_integers_as_instants(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # A browser's cookie jar keeps lastAccessed (microseconds) and expiry (seconds) beside creationTime;
    # until 2026-12-04 only creationTime was an instant, the other two integers, though their names say
    # when as plainly (helper h135, Firefox's cookies.sqlite). A name alone still reads only integers of
    # 2001-09-09 to 2033-05-18 in the unit their digits name; counts and amounts whose names hold no
    # such word stay integers of the same digits. Expected instants are Python's datetime arithmetic;
    # every cell is checked by tests/lossless_check.py.
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    rows_n = 20
    at = [
        datetime(2024, 3, 1, 8, tzinfo=UTC) + timedelta(days=17 * i, seconds=3_601 * i) for i in range(rows_n)
    ]
    seconds = [(t - epoch) // timedelta(seconds=1) for t in at]
    millis = [(t - epoch) // timedelta(milliseconds=1) for t in at]
    micros = [(t - epoch) // timedelta(microseconds=1) for t in at]
    instants = {
        "lastAccessed": micros,
        "expiry": seconds,
        "expires": millis,
        "expiration_time": seconds,
        "last_seen": millis,
        "visited": micros,
        "completed": micros,
        "published": seconds,
        "deleted": seconds,
    }
    # The same digits under names with no date word, or an amount or count beside one: numbers.
    numbers = {"bytes_received": seconds, "amount_due": seconds, "visit_count": seconds, "score": millis}
    columns = {**instants, **numbers}
    ddl = ", ".join(f'"{name}" INTEGER' for name in columns)
    rows = [(i, *(values[i] for values in columns.values())) for i in range(rows_n)]
    path = make_sqlite({"jar": (f"CREATE TABLE jar (id INTEGER PRIMARY KEY, {ddl})", rows)}, name="jar.db")
    table = profile(path)["jar"]
    for name in instants:
        assert table[name].inferred_type == "timestamptz", (name, table[name].type_reason)
    for name in numbers:
        assert table[name].inferred_type == "integer", (name, table[name].type_reason)
    ran = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert not ran.violations, summarize(ran.violations)
    for name in instants:
        assert ran.data_type("jar", name) == "timestamp with time zone", name
        assert ran.values("jar", name, "id") == dict(enumerate(at)), name
    for name, values in numbers.items():
        assert ran.data_type("jar", name) == "bigint", name
        assert ran.values("jar", name, "id") == dict(enumerate(values)), name


def test_a_zero_time_beside_epoch_integers_of_a_declared_date_does_not_make_them_a_finer_unit(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # Go's zero time and .NET's DateTime.MinValue, 0001-01-01 00:00:00 UTC, are what a feed without a
    # date gives (Hugo's `Mon, 01 Jan 0001 00:00:00 +0000`); a feed reader binding it as Unix seconds
    # writes -62135596800 beside 2024's seconds in its DATE column. No unit reads year 1 within 1900 to
    # 2099 in seconds, and until 2026-12-06 milliseconds did (-62135596800 ms is 1968-01-11): every 2024
    # date loaded as an instant of January 1970, audited epoch:milliseconds. A coarser unit's values read
    # in a finer one land near the epoch (the largest here, 1970-01-20 as milliseconds) while the
    # coarser unit reads them as moments away from it: that unit is not theirs, and with no other the
    # integers stay as written. Milliseconds of 2024 beside the zero time in milliseconds alike (not
    # microseconds of 1970). Expected values are the rows' own integers (Python's datetime arithmetic).
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    zero = int((datetime(1, 1, 1, tzinfo=UTC) - epoch).total_seconds())
    assert zero == -62_135_596_800
    rows_n = 12
    seconds = [
        int((datetime(2024, 5, 20, 8, 42, tzinfo=UTC) - epoch).total_seconds()) + 86_400 * i
        for i in range(rows_n)
    ]
    seconds[3] = zero
    millis = [value * 1_000 + 123 for value in seconds]
    millis[3] = zero * 1_000
    assert epoch_units(min(seconds), max(seconds)) == [] and epoch_units(min(millis), max(millis)) == []
    # Unchanged: the same without the zero time reads in its own unit.
    assert epoch_units(min(seconds[4:]), max(seconds)) == ["seconds"]
    assert epoch_units(min(millis[4:]), max(millis)) == ["milliseconds"]
    rows = [(i, seconds[i], millis[i]) for i in range(rows_n)]
    path = make_sqlite(
        {"item": ("CREATE TABLE item (id INTEGER PRIMARY KEY, published DATE, modified DATETIME)", rows)},
        name="feeds.db",
    )
    table = profile(path)["item"]
    for name in ("published", "modified"):
        assert table[name].inferred_type == "integer", (name, table[name].type_reason, table[name].notes)
    ran = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert not ran.violations, summarize(ran.violations)
    assert ran.data_type("item", "published") == ran.data_type("item", "modified") == "bigint"
    assert ran.values("item", "published", "id") == dict(enumerate(seconds))
    assert ran.values("item", "modified", "id") == dict(enumerate(millis))
