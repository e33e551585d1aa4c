"""A masked column's raw values reach no output, and the mask salt none either (helper h77's hunt).

The export below puts marker values (every one holds ``zqleak``) in masked columns that play every
role a value can escape through: a column with padded, NUL and Windows-1252 cells; the first column of
a table of exact duplicate rows (the table issue's examples); a declared key whose values cleaning
would merge (its reason quotes two of them, in ``as_written``, ``type_reason``, a note, the run's
warnings and the plan's notes); a composite key (its reason quotes both columns' values, joined); a
``drop`` column referencing such a key and holding a null token kept as a value (its note quotes the
column's bounds); codes among numbers (the type reason quotes two). Every file a command writes and
everything it prints is searched byte for byte (and as hex and UTF-16) for the marker and the salt;
the target's tables, the ledger and PostgreSQL's own statement log too.
"""

from __future__ import annotations

import os
import sqlite3
import traceback
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.config import load_settings
from columnar_etl.errors import ProfileHalt
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.pg.tools import libpq_invocation
from columnar_etl.profiling.profile import profile

from .conftest import pg_query

runner = CliRunner()

MARK = "zqleak"
SALT = f"salt-{uuid.uuid4().hex}"
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo"]
CONFIG = """
[columns."people"."email"]
mask = "hash"
[columns."people"."surname"]
mask = "drop"
[columns."visits"."who"]
mask = "hash"
[columns."logins"."login"]
mask = "hash"
[columns."seats"."seat"]
mask = "hash"
[columns."accounts"."code"]
mask = "hash"
"""


def mark(word: str) -> str:
    """A marker value: one capitalised word (a surname's form), ``zqleak`` inside."""
    return f"Q{MARK}{word}"


def build_export(path: Path) -> None:
    con = sqlite3.connect(path)
    con.executescript(
        """
        CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT, surname TEXT, note TEXT);
        CREATE TABLE visits (who TEXT, day TEXT);
        CREATE TABLE logins (login TEXT PRIMARY KEY, plan TEXT);
        CREATE TABLE seats (seat TEXT, room TEXT, PRIMARY KEY (room, seat));
        CREATE TABLE accounts (id INTEGER PRIMARY KEY, code TEXT);
        """
    )
    people = [
        (i, f"{mark(WORDS[i % 11])}{i}@mail.test", mark(WORDS[i % 11]) if i % 13 else "Null", f"note {i}")
        for i in range(40)
    ]
    con.executemany("INSERT INTO people VALUES (?, ?, ?, ?)", people)
    con.execute("UPDATE people SET email = '  ' || email || '  ' WHERE id = 1")
    con.execute(f"UPDATE people SET email = '{mark('nul')}' || char(0) || 'x' WHERE id = 2")
    con.execute(f"UPDATE people SET email = CAST(X'{mark('caf').encode().hex()}e9' AS TEXT) WHERE id = 3")
    visits = [(mark(WORDS[i % 4]), f"2024-01-0{i % 4 + 1}") for i in range(12)]  # 8 exact copies
    con.executemany("INSERT INTO visits VALUES (?, ?)", visits)
    keys = [mark(word) for word in WORDS] + [mark("alpha") + " "]  # 'alpha ' and 'alpha': merged by trim
    con.executemany("INSERT INTO logins VALUES (?, 'p')", [(k,) for k in keys])
    con.executemany("INSERT INTO seats VALUES (?, 'r1')", [(k,) for k in keys])
    codes = [(i, f"{1000 + i}{MARK}" if i % 5 == 0 else str(1000 + i)) for i in range(40)]  # 107A: codes
    con.executemany("INSERT INTO accounts VALUES (?, ?)", codes)
    con.commit()
    con.close()


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mask_leaks") / "export.db"
    build_export(path)
    return path


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding the settings file (the salt comes from the environment)."""
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "columnar_etl.toml").write_text(CONFIG)
    monkeypatch.chdir(folder)
    for key, value in {
        "MASK_SALT": SALT,
        "RUNS_DIR": str(folder / "runs"),
        "BACKUP_DIR": str(folder / "backups"),
        "MIN_MEMORY_GB": "0.5",
        "FAIL_MEMORY_GB": "0.1",
        "MIN_QUALITY": "0",
        "LOG_FILE_LEVEL": "debug",
    }.items():
        monkeypatch.setenv(f"COLUMNAR_ETL_{key}", value)
    return folder


def found_in(data: bytes) -> list[str]:
    """What of the marker (as text, hex or UTF-16) and the salt ``data`` holds."""
    lowered = data.lower()
    forms = {
        "marker": MARK.encode(),
        "marker as hex": MARK.encode().hex().encode(),
        "marker as UTF-16": MARK.encode("utf-16-le"),
        "salt": SALT.encode(),
    }
    return [name for name, form in forms.items() if form in lowered or form in data]


def leaks(root: Path, outputs: list[str], skip: tuple[Path, ...] = ()) -> dict[str, list[str]]:
    """Per file under ``root`` (but ``skip``) and per captured output, what it leaks."""
    found = {
        str(path.relative_to(root)): hit
        for path in sorted(root.rglob("*"))
        if path.is_file() and path not in skip and (hit := found_in(path.read_bytes()))
    }
    found |= {f"output {i}": hit for i, text in enumerate(outputs) if (hit := found_in(text.encode()))}
    return found


def test_the_export_quotes_the_marker_where_a_profile_shows_values(export: Path, work: Path) -> None:
    # Without hiding, the profile quotes the markers in every place this file checks: the test proves
    # something only because of that.
    raw = profile(export, settings=load_settings(work / "columnar_etl.toml"))
    logins, seats, people = raw.tables["logins"], raw.tables["seats"], raw.tables["people"]
    assert MARK in (logins["login"].as_written or "") and MARK in logins["login"].type_reason
    assert "'r1' | 'Q" + MARK in (seats["seat"].as_written or "")  # a composite key's values, joined
    assert MARK in (people["surname"].as_written or "")  # references logins.login
    assert any(MARK in note and "null token" in note for note in people["surname"].notes)
    assert [MARK in e for issue in raw.tables["visits"].issues for e in issue.examples] == [True] * 4
    assert MARK in str(people["email"].max) and people["email"].issue_count("nul_byte") == 1
    assert any(MARK in line for line in raw.written_as_is)
    assert f"values such as 1000{MARK}, 1005{MARK} mix digits" in raw.tables["accounts"]["code"].type_reason


def test_profile_and_clean_commands_show_no_masked_value(export: Path, work: Path) -> None:
    outputs = []
    for args in (
        ["profile", str(export), "--json", "--json-file", "p.json", "--html", "p.html"],
        ["profile", str(export)],
        ["profile", str(export), "--table", "visits", "--json"],
        [
            "--debug",
            "clean",
            str(export),
            "-o",
            "out.db",
            "--audit",
            "a.parquet",
            "--quarantine",
            "q.parquet",
        ],
    ):
        done = runner.invoke(app, args)
        assert done.exit_code in (0, 2), done.output
        outputs.append(done.output)
    assert leaks(work, outputs) == {}
    # Hidden, not lost: the counts stay and the reasons say a value was there.
    assert '"duplicate_row"' in outputs[0] and "e.g. <masked> and <masked>" in outputs[0]
    with sqlite3.connect(work / "out.db") as con:
        assert con.execute("SELECT count(*) FROM visits").fetchone() == (4,)
        assert {len(v) for (v,) in con.execute("SELECT who FROM visits")} == {64}


def _statement_log(pg_uri: str) -> Path | None:
    """The embedded server's log file (statements logged for this test's database), else None."""
    database = pg_query(pg_uri, "SELECT current_database()")[0][0]
    log = Path(pg_query(pg_uri, "SELECT current_setting('data_directory')")[0][0]) / "log"
    if not log.is_file():
        return None
    pg_query(pg_uri, f"ALTER DATABASE {quote_ident(database)} SET log_statement = 'all'")
    return log


def test_runs_halts_and_backups_leave_no_masked_value_nor_salt(
    export: Path, work: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNAR_ETL_TARGET", pg_uri)
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_BEFORE_CUTOVER", "true")
    server_log = _statement_log(pg_uri)
    assert server_log is not None or os.environ.get("COLUMNAR_ETL_TEST_PG_URI")  # the embedded one has it
    logged_from = server_log.stat().st_size if server_log else 0
    outputs = []
    for args in (
        ["--debug", "--log-level", "debug", "run", str(export), "--mode", "simple", "--yes", "--json"],
        # Again (the live version is dumped with pg_dump first), then a load, then a halt.
        ["run", str(export), "--mode", "simple", "--yes", "--force", "--json"],
        ["load", str(export), "--mode", "blue-green", "--json"],
    ):
        done = runner.invoke(app, args)
        assert done.exit_code == 2, done.output  # done, with warnings (copies removed, keys as written)
        outputs.append(done.output)
    monkeypatch.setenv("COLUMNAR_ETL_DUPLICATES", "fail")
    halted = runner.invoke(app, ["run", str(export), "--mode", "simple", "--yes", "--force"])
    assert halted.exit_code == 3 and "circuit breaker" in halted.output
    raised = runner.invoke(app, ["--debug", "run", str(export), "--mode", "simple", "--yes", "--force"])
    assert isinstance(raised.exception, ProfileHalt)  # --debug: the traceback, searched too
    outputs += [halted.output, raised.output, "".join(traceback.format_exception(raised.exception))]
    # The source backups are byte copies of the export, as they must be (docs/runbook.md); pg_dump's of
    # the target are searched.
    copies = tuple(p for p in (work / "backups").iterdir() if p.name.startswith(export.name))
    assert copies and list((work / "backups").glob("*.dump"))
    assert len(list((work / "runs").glob("*/profile.json"))) == 5
    assert leaks(work, outputs, skip=copies) == {}
    assert "e.g. <masked> and <masked>" in outputs[0]  # the warning is still given
    ledger = [
        row[0]
        for (table,) in pg_query(
            pg_uri, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'columnar_etl'"
        )
        for row in pg_query(pg_uri, f"SELECT row_to_json(t)::text FROM columnar_etl.{quote_ident(table)} t")
    ]
    assert ledger and [row for row in ledger if found_in(row.encode())] == []
    versions = "SELECT nspname FROM pg_namespace WHERE nspname LIKE '%\\_v2%'"
    schemas = [row[0] for row in pg_query(pg_uri, versions)]
    assert schemas
    for schema in schemas:
        for table in ("people", "visits", "logins", "seats", "accounts"):
            rows = pg_query(pg_uri, f"SELECT t::text FROM {quote_ident(schema)}.{quote_ident(table)} t")
            assert rows and not [r for r in rows if found_in(r[0].encode())], (schema, table)
    if server_log is not None:
        with server_log.open("rb") as log:
            log.seek(logged_from)
            logged = log.read()
        assert b"COPY" in logged and b"FROM STDIN WITH (FORMAT binary)" in logged  # statements are logged
        assert found_in(logged) == []


def test_pg_dump_and_pg_restore_get_neither_the_salt_nor_the_password_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNAR_ETL_MASK_SALT", SALT)
    monkeypatch.setenv("COLUMNAR_ETL_PASSWORD_COMMAND", "cat /secret/pw")
    monkeypatch.setenv("COLUMNAR_ETL_BATCH_SIZE", "1000")
    dbname, env = libpq_invocation("postgresql://loader:pw-1@db/sd")
    assert "pw-1" not in dbname and env["PGPASSWORD"] == "pw-1"
    assert "COLUMNAR_ETL_MASK_SALT" not in env and "COLUMNAR_ETL_PASSWORD_COMMAND" not in env
    assert env["COLUMNAR_ETL_BATCH_SIZE"] == "1000"  # the rest of the environment is passed on


def test_a_mask_on_a_table_left_out_is_kept_not_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A contentless FTS4 index is left out with a warning (no values to load); a mask naming its column
    # made every command fail with "override names a table the export does not have" (exit 1).
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "fts.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE kept (id INTEGER PRIMARY KEY, v TEXT)")
        con.execute("INSERT INTO kept VALUES (1, 'x')")
        con.execute("CREATE VIRTUAL TABLE words USING fts4(content='', body)")
        con.execute(f"INSERT INTO words (docid, body) VALUES (1, '{mark('fts')}')")
    (tmp_path / "columnar_etl.toml").write_text('[columns."words"."body"]\nmask = "hash"\n')
    monkeypatch.setenv("COLUMNAR_ETL_MASK_SALT", SALT)
    done = runner.invoke(app, ["clean", str(path), "-o", "out.db", "--audit", "a.parquet"])
    assert done.exit_code == 0, done.output
    with sqlite3.connect(tmp_path / "out.db") as con:
        assert [row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == [
            "kept"
        ]
    assert leaks(tmp_path, [done.output], skip=(path,)) == {}


def test_copy_raw_refuses_an_export_with_masked_columns(export: Path, work: Path, pg_uri: str) -> None:
    # copy-raw cleans nothing: it copied every masked column's raw values into the target, exit 0.
    done = runner.invoke(app, ["--target", pg_uri, "copy-raw", str(export), "--schema", "raw", "--json"])
    assert done.exit_code == 1, done.output
    assert "copy-raw copies every value as the export holds it, and 6 columns are masked" in done.output
    assert pg_query(pg_uri, "SELECT count(*) FROM pg_namespace WHERE nspname = 'raw'") == [(0,)]
    assert leaks(work, [done.output]) == {}
