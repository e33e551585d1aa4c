"""The target database as operators have it: an encoding other than UTF-8, another time zone and
DateStyle, roles that may not do everything, timeouts set for the role, a shared ledger.

Every database and role is made here on the session's server and dropped afterwards. Each case runs
the CLI and checks the exit code, the run record, the one line, and that nothing live changed.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.errors import TargetError
from columnar_etl.loading.ledger import live_column_types
from columnar_etl.pg import connect as connect_module
from columnar_etl.pg.connect import connect, query_rows
from columnar_etl.pg.embedded import EmbeddedPostgres, pg_bin_dir
from columnar_etl.pg.identifiers import quote_ident
from tests.conftest import GATES_OPEN, SMALL_FIXTURE, backend_ended, pg_query, uri_as, uri_with_database
from tests.lossless_check import check_run, summarize

runner = CliRunner()
Database = Callable[..., str]

#: Text in Latin-1 and out of it (an emoji, CJK): the subjects of the export's rows, in order.
SUBJECTS = ["café", "naïve résumé", "票 ticket", "broken 🔥", "plain"]
#: (written at, closed at) as the export holds them: a naive timestamp and one with an offset.
TIMES = [
    ("2024-03-10 02:30:00", "2024-03-10T02:30:00+05:30"),  # New York's clocks skip 02:00-03:00 that day
    ("2024-11-03 01:30:00", "2024-11-03T01:30:00-04:00"),  # ... and repeat 01:00-02:00 on this one
    ("2024-06-30 23:59:59", "2024-06-30T23:59:59Z"),
]


@pytest.fixture
def role(pg_server_uri: str) -> Iterator[Callable[..., str]]:
    """``role(**settings)``: a login role with ``ALTER ROLE ... SET`` of each setting; its name.
    Dropped after (the databases it owned objects in are dropped first, by :func:`database`)."""
    made: list[str] = []

    def make(**settings: str) -> str:
        name = f"role_{uuid.uuid4().hex[:10]}"
        pg_query(pg_server_uri, f"CREATE ROLE {name} LOGIN")
        made.append(name)
        for key, value in settings.items():
            pg_query(pg_server_uri, f"ALTER ROLE {name} SET {key} = '{value}'")
        return name

    yield make
    for name in reversed(made):
        pg_query(pg_server_uri, f"DROP ROLE IF EXISTS {name}")


@pytest.fixture
def database(pg_server_uri: str, role: Callable[..., str]) -> Iterator[Database]:
    """``database(options, settings)``: a database made ``CREATE DATABASE ... <options>`` with
    ``ALTER DATABASE ... SET`` of each setting; its URI (as the server's superuser). Dropped after,
    before the roles of :func:`role` (a role that owns objects cannot be dropped)."""
    made: list[str] = []

    def make(options: str = "", **settings: str) -> str:
        name = f"target_{uuid.uuid4().hex[:10]}"
        pg_query(pg_server_uri, f"CREATE DATABASE {name} {options}")
        made.append(name)
        for key, value in settings.items():
            pg_query(pg_server_uri, f"ALTER DATABASE {name} SET {key} = '{value}'")
        return uri_with_database(pg_server_uri, name)

    yield make
    for name in made:
        pg_query(pg_server_uri, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Gates open, backups and runs under ``tmp_path``; the runs directory."""
    for name, value in GATES_OPEN.items():
        monkeypatch.setenv(f"COLUMNAR_ETL_{name.upper()}", str(value))
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.setenv("COLUMNAR_ETL_MIN_MEMORY_GB", "0")
    monkeypatch.setenv("COLUMNAR_ETL_FAIL_MEMORY_GB", "0")
    return tmp_path / "runs"


def export(make_sqlite: Any, subjects: list[str], name: str = "export.db") -> Path:
    rows = [
        (index, subject, *TIMES[index % len(TIMES)]) for index, subject in enumerate(subjects * 4, start=1)
    ]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, subject TEXT, written_at TEXT, closed_at TEXT)"
    return make_sqlite({"t": (ddl, rows)}, name=name)  # type: ignore[no-any-return]


def invoke(uri: str, *args: str) -> Any:
    return runner.invoke(app, ["--target", uri, *args])


def record(result: Any, runs: Path) -> dict[str, Any]:
    """The run record a ``run --json`` printed, checked against the run.json it left in ``runs``."""
    printed: dict[str, Any] = json.loads(result.stdout)
    kept = json.loads((runs / printed["run_id"] / "run.json").read_text())
    assert (kept["outcome"], kept["exit_code"]) == (printed["outcome"], printed["exit_code"])
    assert printed["exit_code"] == result.exit_code
    return printed


def preflight_checks(result: Any, runs: Path) -> dict[str, dict[str, Any]]:
    """The preflight's checks of a ``run --json``, by name."""
    run_id = record(result, runs)["run_id"]
    data = json.loads((runs / run_id / "preflight.json").read_text())
    return {check["name"]: check for check in data["checks"]}


def dbname(uri: str) -> str:
    return str(pg_query(uri, "SELECT current_database()")[0][0])


def may_create(uri: str, role: str) -> None:
    """Let ``role`` create schemas in ``uri``'s database (``target_create_schema``)."""
    pg_query(uri, f"GRANT CREATE ON DATABASE {quote_ident(dbname(uri))} TO {role}")


def schemas(uri: str) -> list[str]:
    rows = pg_query(uri, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'servicedesk%' ORDER BY 1")
    return [str(name) for (name,) in rows]


# --- encodings ------------------------------------------------------------------------------------


def test_a_latin1_database_refuses_text_it_cannot_store_in_the_preflight(
    database: Database, make_sqlite: Any, env: Path
) -> None:
    uri = database("ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
    path = export(make_sqlite, SUBJECTS)
    ran = invoke(uri, "run", str(path), "--mode", "simple", "--json")
    # Was exit 1 from the COPY ("character with byte sequence 0xe7 0xa5 0xa8 in encoding UTF8 has no
    # equivalent in encoding LATIN1"), after the backup, the profile and the clean.
    assert ran.exit_code == 3, ran.output
    run = record(ran, env)
    assert run["outcome"] == "halted"
    message = run["error"]["message"]
    name = dbname(uri)
    assert message == (
        f"preflight check target_encoding failed: database {name} is LATIN1, which cannot store text "
        "of the export: t.subject: 8 values, e.g. 'broken 🔥' (U+1F525 FIRE)"
    )
    assert "ENCODING 'UTF8'" in run["error"]["hint"]
    assert [stage["name"] for stage in run["stages"]] == ["preflight"]
    assert schemas(uri) == []
    # `load` has no preflight: the COPY's own error, one line, with the same way out; nothing kept.
    loaded = invoke(uri, "load", str(path))
    assert loaded.exit_code == 1, loaded.output
    assert loaded.stderr.count("\n") == 1
    assert 'has no equivalent in encoding "LATIN1"' in loaded.stderr
    assert "load into a database created with ENCODING 'UTF8'" in loaded.stderr
    assert schemas(uri) == []


def test_text_within_latin1_loads_into_a_latin1_database_unchanged(
    database: Database, make_sqlite: Any, env: Path
) -> None:
    uri = database("ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
    subjects = [subject for subject in SUBJECTS if all(ord(char) < 256 for char in subject)]
    ran = invoke(uri, "run", str(export(make_sqlite, subjects)), "--mode", "simple", "--json")
    assert ran.exit_code in (0, 2), ran.output
    checks = preflight_checks(ran, env)
    assert checks["target_encoding"]["status"] == "pass"
    loaded = pg_query(uri, "SELECT subject, length(subject) FROM servicedesk.t ORDER BY id LIMIT 3")
    assert loaded == [(subject, len(subject)) for subject in subjects[:3]]
    # A quarter with one more column and fewer rows: the run's own words ("row count 3 → 1") go to
    # the ledger, whose LATIN1 has no arrow (was exit 1 at the ledger row, the version rolled back).
    rows = [(1, "café", 7)]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, subject TEXT, extra INTEGER)"
    grown = make_sqlite({"t": (ddl, rows)}, name="grown.db")
    ran = invoke(uri, "run", str(grown), "--mode", "simple", "--json")
    assert ran.exit_code == 2, ran.output
    assert any("→" in warning for warning in record(ran, env)["warnings"])
    assert pg_query(uri, "SELECT status FROM columnar_etl.runs ORDER BY started") == [("succeeded",)] * 2
    assert pg_query(uri, "SELECT subject, extra FROM servicedesk.t") == [("café", 7)]


def test_an_sql_ascii_database_warns_and_keeps_the_bytes(
    database: Database, make_sqlite: Any, env: Path
) -> None:
    uri = database("ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
    ran = invoke(uri, "run", str(export(make_sqlite, SUBJECTS)), "--mode", "simple", "--json")
    assert ran.exit_code == 2, ran.output
    checks = preflight_checks(ran, env)
    assert checks["target_encoding"]["status"] == "warn"
    assert checks["target_encoding"]["message"].endswith("(length('é') is 2): t.subject")
    loaded = pg_query(uri, "SELECT subject, octet_length(subject) FROM servicedesk.t ORDER BY id")
    assert loaded == [(subject, len(subject.encode())) for subject in SUBJECTS * 4]


def test_an_euc_jp_database_is_judged_by_the_servers_own_conversion(
    database: Database, make_sqlite: Any, env: Path
) -> None:
    # PostgreSQL's EUC_JP is Microsoft's (NEC and IBM rows): it stores ① ㈱ ～ 髙, which Python's
    # euc_jp lacks, and lacks 〜 (U+301C) and −, which Python's has. Was: the first export refused by the
    # preflight (exit 3) though it loads, the second passed it and failed at the COPY (exit 1).
    uri = database("ENCODING 'EUC_JP' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
    subjects = ["①番 ㈱テスト", "～波～", "髙橋", "plain"]
    ran = invoke(uri, "run", str(export(make_sqlite, subjects)), "--mode", "simple", "--json")
    assert ran.exit_code in (0, 2), ran.output
    assert preflight_checks(ran, env)["target_encoding"]["status"] == "pass"
    loaded = pg_query(uri, "SELECT subject FROM servicedesk.t ORDER BY id LIMIT 4")
    assert loaded == [(subject,) for subject in subjects]
    path = export(make_sqlite, ["波〜線", "マイナス−1", "ok"], name="second.db")
    ran = invoke(uri, "run", str(path), "--mode", "simple", "--json")
    assert ran.exit_code == 3, ran.output
    assert record(ran, env)["error"]["message"] == (
        f"preflight check target_encoding failed: database {dbname(uri)} is EUC_JP, which cannot store "
        "text of the export: t.subject: 8 values, e.g. 'マイナス−1' (U+2212 MINUS SIGN)"
    )
    assert pg_query(uri, "SELECT subject FROM servicedesk.t ORDER BY id LIMIT 1") == [(subjects[0],)]


def test_an_euc_tw_database_python_has_no_codec_of_is_judged_by_the_server(
    database: Database, make_sqlite: Any, env: Path
) -> None:
    # EUC_TW (CNS 11643) holds Chinese characters and no Latin-1 letters beyond ASCII. Was: a warning,
    # "not checked here", and the COPY of 'é' failed after the clean (exit 1).
    uri = database("ENCODING 'EUC_TW' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
    subjects = ["中文", "臺灣 ①", "plain"]
    ran = invoke(uri, "run", str(export(make_sqlite, subjects)), "--mode", "simple", "--json")
    assert ran.exit_code in (0, 2), ran.output
    assert preflight_checks(ran, env)["target_encoding"]["status"] == "pass"
    assert pg_query(uri, "SELECT subject FROM servicedesk.t ORDER BY id LIMIT 3") == [(s,) for s in subjects]
    ran = invoke(
        uri, "run", str(export(make_sqlite, ["café", "中"], name="second.db")), "--mode", "simple", "--json"
    )
    assert ran.exit_code == 3, ran.output
    assert record(ran, env)["error"]["message"] == (
        f"preflight check target_encoding failed: database {dbname(uri)} is EUC_TW, which cannot store "
        "text of the export: t.subject: 4 values, e.g. 'café' (U+00E9 LATIN SMALL LETTER E WITH ACUTE)"
    )


def test_a_mule_internal_database_is_refused_as_taking_no_utf8_client(
    database: Database, make_sqlite: Any, env: Path
) -> None:
    # PostgreSQL converts nothing between UTF8 and MULE_INTERNAL: every connection of ours is refused.
    # Was: the hint said to check the host, port, user and password.
    uri = database("ENCODING 'MULE_INTERNAL' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
    ran = invoke(uri, "run", str(export(make_sqlite, ["plain"])), "--mode", "simple", "--json")
    assert ran.exit_code == 3, ran.output
    error = record(ran, env)["error"]
    assert "conversion between UTF8 and MULE_INTERNAL is not supported" in error["message"]
    assert error["hint"].startswith("load into a database created with ENCODING 'UTF8'")


# --- time zone and DateStyle ------------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["America/New_York", "Asia/Kolkata"])
def test_timestamps_land_as_the_same_instants_whatever_the_database_time_zone(
    database: Database, make_sqlite: Any, env: Path, zone: str
) -> None:
    uri = database(timezone=zone, DateStyle="SQL, DMY")
    ran = invoke(uri, "run", str(export(make_sqlite, ["x"])), "--mode", "simple", "--json")
    assert ran.exit_code in (0, 2), ran.output
    assert record(ran, env)["load"]["validation"]["ok"] is True
    assert pg_query(uri, "SELECT current_setting('TimeZone')") == [(zone,)]
    rows = pg_query(
        uri,
        "SELECT to_char(written_at, 'YYYY-MM-DD HH24:MI:SS'), "
        "to_char(closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM servicedesk.t ORDER BY id",
    )
    # Independent: Python's reading of the same texts, the offset ones in UTC.
    expected = [
        (written, datetime.fromisoformat(closed).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"))
        for written, closed in (TIMES[index % len(TIMES)] for index in range(1, 5))
    ]
    assert rows == expected


# --- roles ------------------------------------------------------------------------------------------


def test_a_read_only_role_is_refused_by_the_preflight(
    database: Database, role: Callable[..., str], make_sqlite: Any, env: Path
) -> None:
    uri = database()
    name = role(default_transaction_read_only="on")
    may_create(uri, name)
    ran = invoke(uri_as(uri, name), "run", str(export(make_sqlite, ["x"])), "--mode", "simple", "--json")
    # Was exit 1 after the profile: "cannot execute CREATE SCHEMA in a read-only transaction".
    assert ran.exit_code == 3, ran.output
    error = record(ran, env)["error"]
    assert error["message"] == (
        f"preflight check target_create_schema failed: {name}'s transactions are read-only "
        "(default_transaction_read_only, or a standby server)"
    )
    assert (
        error["hint"]
        == f'ALTER ROLE "{name}" SET default_transaction_read_only = off, or point --target at the primary'
    )
    assert schemas(uri) == []


@contextmanager
def _tablespace(pg_server_uri: str) -> Iterator[str]:
    """A new tablespace of the session's server (its name), in a directory its own user owns (outside
    tmp_path, whose parents that user may not enter), dropped with the directory afterwards."""
    ((data_dir,),) = pg_query(pg_server_uri, "SELECT current_setting('data_directory')")
    place = Path(tempfile.mkdtemp(prefix="columnar_etl_space_"))
    os.chown(place, Path(data_dir).stat().st_uid, -1)
    space = f"space_{uuid.uuid4().hex[:8]}"
    try:
        pg_query(pg_server_uri, f"CREATE TABLESPACE {space} LOCATION '{place}'")
        yield space
    finally:
        pg_query(pg_server_uri, f"DROP TABLESPACE IF EXISTS {space}")
        shutil.rmtree(place, ignore_errors=True)


def test_a_role_whose_default_tablespace_it_may_not_create_in_is_refused_by_the_preflight(
    pg_server_uri: str,
    database: Database,
    role: Callable[..., str],
    make_sqlite: Any,
    env: Path,
    tmp_path: Path,
) -> None:
    # A DBA's `ALTER ROLE ... SET default_tablespace` naming a tablespace the role has no CREATE on: every
    # table the load makes goes there. Was: the preflight passed, and the run failed after the backup,
    # the profile and the clean, exit 1, "permission denied for tablespace ... (hint: nothing was
    # committed; the live version is unchanged)".
    if os.environ.get("COLUMNAR_ETL_TEST_PG_URI"):
        pytest.skip("makes a tablespace in a directory of this machine")
    with _tablespace(pg_server_uri) as space:
        uri = database()
        name = role(default_tablespace=space)
        may_create(uri, name)
        ran = invoke(uri_as(uri, name), "run", str(export(make_sqlite, ["x"])), "--mode", "simple", "--json")
        assert ran.exit_code == 3, ran.output
        run = record(ran, env)
        assert [stage["name"] for stage in run["stages"]] == ["preflight"]
        assert (run["error"]["message"], run["error"]["hint"]) == (
            f"preflight check target_create_schema failed: {name}'s tables go to tablespace '{space}' "
            "(default_tablespace), where it may not create",
            f'GRANT CREATE ON TABLESPACE "{space}" TO "{name}", or ALTER ROLE "{name}" SET '
            "default_tablespace = ''",
        )
        assert schemas(uri) == []
        # Its database's own tablespace needs no right: the same role with it runs.
        pg_query(pg_server_uri, f"ALTER ROLE {name} SET default_tablespace = 'pg_default'")
        ran = invoke(
            uri_as(uri, name), "run", str(export(make_sqlite, ["x"], name="2.db")), "--mode", "simple"
        )
        assert ran.exit_code == 0, ran.output


def test_a_load_or_raw_copy_whose_tables_go_to_a_tablespace_the_role_may_not_create_in_says_so(
    pg_server_uri: str,
    database: Database,
    role: Callable[..., str],
    make_sqlite: Any,
    env: Path,
) -> None:
    # `load` and `copy-raw` have no preflight: the role's default tablespace, where it may not create,
    # ended them with the driver's text ("COPY into demo_raw.t failed: UNAUTHORIZED: [libpq] Failed to
    # create table: ERROR:  permission denied for tablespace ..."), hint "fix the data or the target".
    if os.environ.get("COLUMNAR_ETL_TEST_PG_URI"):
        pytest.skip("makes a tablespace in a directory of this machine")
    uri = database()
    with _tablespace(pg_server_uri) as space:
        try:
            name = role(default_tablespace=space)
            may_create(uri, name)
            path = export(make_sqlite, ["x"])
            said = (
                f"error: {name}'s tables go to tablespace '{space}' (default_tablespace), where it may not "
                f'create: nothing was created or changed (hint: GRANT CREATE ON TABLESPACE "{space}" TO '
                f'"{name}", or ALTER ROLE "{name}" SET default_tablespace = \'\')'
            )

            def refused(*command: str) -> None:
                ran = invoke(uri_as(uri, name), *command, "--json")
                assert ran.exit_code == 1, ran.output
                assert ran.stderr.splitlines()[-1] == said, ran.stderr
                assert record(ran, env)["outcome"] == "failed"
                assert (
                    pg_query(uri, "SELECT nspname FROM pg_namespace WHERE nspname IN ('demo_raw', 'x_raw')")
                    == []
                )

            # A first load: the ledger's own tables would be the first it creates.
            refused("load", str(path))
            assert pg_query(uri, "SELECT to_regnamespace('columnar_etl') IS NULL") == [(True,)]
            refused("copy-raw", str(path))
            # A ledger there already, shared with the role: its version's tables.
            assert invoke(uri, "load", str(path), "--base", "other").exit_code == 0
            pg_query(uri, f"GRANT ALL ON SCHEMA columnar_etl TO {name}")
            pg_query(uri, f"GRANT ALL ON ALL TABLES IN SCHEMA columnar_etl TO {name}")
            before = schemas(uri), pg_query(uri, "SELECT schema_name FROM columnar_etl.versions ORDER BY 1")
            refused("load", str(path), "--mode", "blue-green")
            after = schemas(uri), pg_query(uri, "SELECT schema_name FROM columnar_etl.versions ORDER BY 1")
            assert after == before
            # Allowed to create there, the same role loads.
            pg_query(pg_server_uri, f"GRANT CREATE ON TABLESPACE {space} TO {name}")
            assert invoke(uri_as(uri, name), "copy-raw", str(path)).exit_code == 0
        finally:
            # The version schemas' tables live in the tablespace: the database goes before it.
            pg_query(pg_server_uri, f"DROP DATABASE IF EXISTS {dbname(uri)} WITH (FORCE)")


def test_a_database_turned_read_only_after_a_load_is_named_as_such_by_every_command(
    pg_server_uri: str, database: Database, make_sqlite: Any, env: Path
) -> None:
    # A target that became read-only (a standby after a failover, `ALTER DATABASE ... SET
    # default_transaction_read_only = on` for a freeze): `load`, `copy-raw` and `cutover` have no
    # preflight. Was: "does the schema exist already, and may this role CREATE on the database?", or no
    # way out at all; and the warning of the run's ledger row quoted its whole INSERT, cut at the
    # "ERROR:" of the run's own error text inside it.
    uri = database()
    path = export(make_sqlite, SUBJECTS)
    assert invoke(uri, "run", str(path), "--mode", "simple").exit_code == 0
    loaded = invoke(uri, "load", str(path), "--mode", "blue-green", "--json")
    assert loaded.exit_code == 0, loaded.output
    version = json.loads(loaded.stdout)["version_schema"]
    before = schemas(uri), pg_query(uri, "SELECT schema_name FROM columnar_etl.versions WHERE live")
    pg_query(pg_server_uri, f"ALTER DATABASE {dbname(uri)} SET default_transaction_read_only = on")
    hint = (
        "(hint: the target's transactions are read-only (default_transaction_read_only of the role or "
        "database, or a standby server): ALTER ROLE ... SET default_transaction_read_only = off, or point "
        "--target at the primary)"
    )
    for command, statement in (
        (["load", str(path), "--mode", "blue-green"], "CREATE SCHEMA"),
        (["copy-raw", str(path)], "DROP SCHEMA"),
        (["cutover", version], "CREATE SCHEMA"),
    ):
        ran = invoke(uri, *command)
        assert ran.exit_code == 1, ran.output
        *warnings, error = ran.stderr.splitlines()
        assert error.startswith("error: ") and error.endswith(hint), error
        assert f"cannot execute {statement} in a read-only transaction" in error
        assert "Failed to execute query" not in error
        for warning in warnings:  # the ledger row of the failed command, refused alike
            assert "run not recorded" in warning and "ON CONFLICT" not in warning, warning
            assert "cannot execute INSERT in a read-only transaction (while running: INSERT INTO" in warning
    assert (schemas(uri), pg_query(uri, "SELECT schema_name FROM columnar_etl.versions WHERE live")) == before


def test_a_ledger_row_the_target_refuses_at_commit_leaves_the_runs_own_outcome_and_exit_code(
    database: Database, make_sqlite: Any, env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A deferred constraint trigger (an auditor's, say) that refuses the ledger's rows when their
    # transaction commits: the driver's own error, raised by the commit, not a statement. Was: the
    # halted run's run.json said halted (exit 3), but the error of its best-effort ledger row escaped
    # the run, and the command line exited 1 with an error object naming no run.
    uri = database()
    path = export(make_sqlite, SUBJECTS)
    assert invoke(uri, "run", str(path), "--mode", "simple").exit_code == 0
    pg_query(
        uri,
        "CREATE FUNCTION public.refuse() RETURNS trigger LANGUAGE plpgsql AS "
        "$$BEGIN RAISE EXCEPTION 'the audit refuses run %', NEW.run_id; END$$",
    )
    pg_query(
        uri,
        "CREATE CONSTRAINT TRIGGER refuse AFTER INSERT OR UPDATE ON columnar_etl.runs "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.refuse()",
    )
    # A load's own COMMIT, refused by the trigger on its version's run row: the load's error, not the
    # driver's error of the run row the loader then tries to write alone (was "OperationalError").
    live = pg_query(uri, "SELECT schema_name FROM columnar_etl.versions WHERE live")
    ran = invoke(
        uri, "run", str(export(make_sqlite, SUBJECTS[:2], name="1.db")), "--mode", "simple", "--json"
    )
    assert ran.exit_code == 1, ran.output
    failed = record(ran, env)
    assert (failed["error"]["error"], failed["error"]["hint"]) == (
        "LoadError",
        "nothing was committed; run again",
    )
    assert (
        failed["error"]["message"].startswith("commit of servicedesk_v") and "the audit refuses" in ran.stderr
    )
    # The server's own message, not the driver's text around it (was "IO: [libpq] Failed to commit:
    # ERROR:  the audit refuses ...\nCONTEXT:  PL/pgSQL function ...\n. SQLSTATE: P0001").
    version = failed["error"]["message"].split()[2]
    assert (
        failed["error"]["message"] == f"commit of {version} failed: the audit refuses run {failed['run_id']}"
    )
    assert pg_query(uri, "SELECT schema_name FROM columnar_etl.versions WHERE live") == live
    # The next export has an exact duplicate row, which the circuit breaker is told to halt on.
    monkeypatch.setenv("COLUMNAR_ETL_DUPLICATES", "fail")
    rows = [("café", "2024-02-29"), ("café", "2024-02-29"), ("plain", "2024-03-01")]
    second = make_sqlite({"t": ("CREATE TABLE t (subject TEXT, written_on TEXT)", rows)}, name="2.db")
    ran = invoke(uri, "run", str(second), "--json")
    assert ran.exit_code == 3, ran.output
    printed = record(ran, env)
    assert (printed["outcome"], printed["error"]["stage"]) == ("halted", "gate")
    assert "the target could not take the run's ledger row" in printed["warnings"]
    assert "run not recorded" in ran.stderr and "the audit refuses run" in ran.stderr
    assert pg_query(uri, "SELECT count(*) FROM columnar_etl.runs") == [(1,)]


def test_a_commit_the_target_refuses_ends_a_cutover_rollback_or_prune_with_its_line_and_ledger_row(
    database: Database, make_sqlite: Any, env: Path
) -> None:
    # A deferred constraint trigger on the ledger's versions (a DBA's audit) refuses the switch's or
    # the prune's COMMIT: the driver's own error, raised by the commit, not by a statement. Was: the
    # driver's error as an unforeseen one ("OperationalError: IO: [libpq] Failed to commit: ...", hint
    # "run again with --debug"), and no ledger row of the failed command.
    uri = database()
    for number in range(3):  # live: the third; its previous the second; the first is prunable
        ran = invoke(
            uri,
            "run",
            str(export(make_sqlite, SUBJECTS[number:] + SUBJECTS[:number], name=f"{number}.db")),
            "--mode",
            "simple",
        )
        assert ran.exit_code == 0, ran.output
    loaded = invoke(
        uri,
        "load",
        str(export(make_sqlite, SUBJECTS[3:] + SUBJECTS[:3], name="3.db")),
        "--mode",
        "blue-green",
    )
    assert loaded.exit_code == 0, loaded.output
    versions = [name for (name,) in pg_query(uri, "SELECT schema_name FROM columnar_etl.versions ORDER BY 1")]
    pg_query(
        uri,
        "CREATE FUNCTION public.refuse() RETURNS trigger LANGUAGE plpgsql AS "
        "$$BEGIN RAISE EXCEPTION 'the audit refuses version %', NEW.schema_name; END$$",
    )
    pg_query(
        uri,
        "CREATE CONSTRAINT TRIGGER refuse AFTER UPDATE ON columnar_etl.versions "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.refuse()",
    )
    before = (
        schemas(uri),
        pg_query(uri, "SELECT schema_name, live, dropped FROM columnar_etl.versions ORDER BY 1"),
    )
    assert before[0] == ["servicedesk", *versions] and [live for _, live, _ in before[1]] == [0, 0, 1, 0]
    for command in (["cutover", versions[3]], ["rollback"], ["schemas", "prune", "--keep", "0"]):
        ran = invoke(uri, *command, "--json")
        assert ran.exit_code == 1, ran.output
        printed = record(ran, env)
        assert printed["outcome"] == "failed"
        assert printed["error"]["error"] == "TargetError"
        assert printed["error"]["message"].startswith(
            "the target refused the commit: the audit refuses version servicedesk_v"
        )
        assert printed["error"]["hint"].startswith("nothing was committed; ")
        assert ran.stderr.splitlines() == [
            f"error: {printed['error']['message']} (hint: {printed['error']['hint']})"
        ]
        rows = pg_query(
            uri, f"SELECT status, error FROM columnar_etl.runs WHERE run_id = '{printed['run_id']}'"
        )
        assert rows == [("failed", f"{printed['error']['message']} (hint: {printed['error']['hint']})")]
        assert (
            schemas(uri),
            pg_query(uri, "SELECT schema_name, live, dropped FROM columnar_etl.versions ORDER BY 1"),
        ) == before


def test_a_connection_the_server_terminates_mid_statement_is_named_by_its_message_not_the_statement(
    database: Database, make_sqlite: Any, env: Path
) -> None:
    # A trigger on the ledger's runs terminates its own backend as a cutover or prune writes its row (as
    # pg_terminate_backend from another session, a failover, an OOM kill would): libpq's text has no
    # fields of the server's and quotes the statement whole before "FATAL:". Was: the one line and the
    # ledger's error quoted that whole INSERT, the cutover's report in it (some 8 KB on one line).
    uri = database()
    assert invoke(uri, "run", str(export(make_sqlite, SUBJECTS)), "--mode", "simple").exit_code == 0
    loaded = invoke(
        uri,
        "load",
        str(export(make_sqlite, SUBJECTS[1:] + SUBJECTS[:1], name="1.db")),
        "--mode",
        "blue-green",
        "--json",
    )
    assert loaded.exit_code == 0, loaded.output
    version = json.loads(loaded.stdout)["version_schema"]
    pg_query(
        uri,
        "CREATE FUNCTION public.cut() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN "
        "IF NEW.status = 'succeeded' THEN PERFORM pg_terminate_backend(pg_backend_pid()); "
        "PERFORM pg_sleep(5); END IF; RETURN NEW; END$$",
    )
    pg_query(
        uri,
        "CREATE TRIGGER cut BEFORE INSERT OR UPDATE ON columnar_etl.runs FOR EACH ROW "
        "EXECUTE FUNCTION public.cut()",
    )
    before = (
        schemas(uri),
        pg_query(uri, "SELECT schema_name, live, dropped FROM columnar_etl.versions ORDER BY 1"),
    )
    message = (
        "terminating connection due to administrator command (while running: INSERT INTO columnar_etl.runs "
        "(run_id, base, mode, status, started, finished,...)"
    )
    for command in (["cutover", version], ["schemas", "prune", "--keep", "0"]):
        ran = invoke(uri, *command, "--json")
        assert ran.exit_code == 1, ran.output
        printed = record(ran, env)
        assert (printed["outcome"], printed["error"]["message"]) == ("failed", message)
        line = (
            f"error: {message} (hint: the server closed the connection (a restart, a failover, its backend "
            "terminated), and rolled back what it had not committed: run again once the server takes "
            "connections)"
        )
        assert ran.stderr.splitlines() == [line]
        rows = pg_query(
            uri, f"SELECT status, error FROM columnar_etl.runs WHERE run_id = '{printed['run_id']}'"
        )
        assert rows == [("failed", line.removeprefix("error: "))]
        assert (
            schemas(uri),
            pg_query(uri, "SELECT schema_name, live, dropped FROM columnar_etl.versions ORDER BY 1"),
        ) == before


def test_a_connection_refused_over_a_limit_or_by_a_closed_database_is_told_so_not_as_a_bad_password(
    pg_server_uri: str,
    database: Database,
    role: Callable[..., str],
    make_sqlite: Any,
    env: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # CONNECTION LIMIT 0 (a service account paused by its DBA; any limit its other sessions reach): the
    # server refuses the connection "too many connections for role". Was the hint of a wrong host,
    # port, user or password, in the preflight's refusal and in every command without a preflight.
    # Each connection is tried again until the wait for a slot ends (shortened here).
    monkeypatch.setattr(connect_module, "SLOT_WAIT_SECONDS", 0.2)
    uri = database()
    name = role()
    may_create(uri, name)
    pg_query(pg_server_uri, f"ALTER ROLE {name} CONNECTION LIMIT 0")
    hint = (
        "the server took no more connections of this role or database (its CONNECTION LIMIT) or at all "
        "(max_connections): wait for other sessions to end, or raise the limit (a run opens several "
        "connections, a few at once)"
    )
    path = str(export(make_sqlite, SUBJECTS))
    for command, code in ((["run", path, "--mode", "simple"], 3), (["load", path], 1)):
        ran = invoke(uri_as(uri, name), *command, "--json")
        assert ran.exit_code == code, ran.output
        error = record(ran, env)["error"]
        assert f'too many connections for role "{name}"' in error["message"]
        assert error["hint"] == hint
        assert ran.stderr.splitlines()[-1].endswith(f"(hint: {hint})")
    assert schemas(uri) == []
    # A database closed to connections (as a DBA does before a maintenance): was that hint too.
    closed = dbname(uri)
    pg_query(pg_server_uri, f"ALTER DATABASE {closed} ALLOW_CONNECTIONS false")
    ran = invoke(uri, "load", path, "--json")
    assert ran.exit_code == 1, ran.output
    error = record(ran, env)["error"]
    assert f'database "{closed}" is not currently accepting connections' in error["message"]
    assert error["hint"] == (
        "the server or database takes no connections now (starting up, shutting down, recovering, or "
        "ALTER DATABASE ... ALLOW_CONNECTIONS false): run again once it does"
    )


def test_a_role_limited_to_one_connection_runs_loads_cuts_over_and_rolls_back(
    pg_server_uri: str, database: Database, role: Callable[..., str], make_sqlite: Any, env: Path
) -> None:
    # A service account of CONNECTION LIMIT 1: a run opens one connection at a time, but a session
    # just closed counts until its backend exits and the preflight's checks connect on threads at
    # once, so a run failed now and then in its preflight or at the load's connect.
    uri = database()
    name = role()
    may_create(uri, name)
    pg_query(pg_server_uri, f"ALTER ROLE {name} CONNECTION LIMIT 1")
    path = str(export(make_sqlite, SUBJECTS))
    for command in (
        ["run", path, "--mode", "simple", "--yes"],
        ["run", path, "--mode", "blue-green", "--yes", "--force"],  # loaded beside the live one
        ["cutover"],
        ["rollback"],
        ["load", path, "--mode", "canary"],
    ):
        ran = invoke(uri_as(uri, name), *command, "--json")
        assert ran.exit_code == 0, (command, ran.output)
    assert len(schemas(uri)) == 3  # the base and the two versions run loaded (the canary committed none)
    assert pg_query(uri, "SELECT count(*) FROM servicedesk.t") == [(len(SUBJECTS) * 4,)]


def test_a_server_that_stopped_or_never_listened_is_hinted_as_not_running(
    tmp_path: Path, make_sqlite: Any, env: Path
) -> None:
    # A server stopped (`pg_ctl stop`: its socket file gone) or nothing on the port (TCP refused): was the
    # hint of a wrong host, port, user or password, the server's state left out.
    if os.environ.get("COLUMNAR_ETL_TEST_PG_URI"):
        pytest.skip("starts and stops a server of its own")
    server = EmbeddedPostgres(tmp_path / "pg")
    stopped = server.start()
    server.stop()
    hint = (
        "(hint: no server answers there: is it running (stopped, or restarting)? Then check the host and "
        "port of --target (or COLUMNAR_ETL_TARGET), and run again once it answers)"
    )
    path = export(make_sqlite, ["x"])
    for uri in (stopped, "postgresql://loader@127.0.0.1:1/db"):
        ran = invoke(uri, "load", str(path), "--json")
        assert ran.exit_code == 1, ran.output
        (line,) = ran.stderr.splitlines()
        assert line.startswith("error: cannot connect to ") and line.endswith(hint), line
        assert record(ran, env)["outcome"] == "failed"


def test_a_password_not_given_is_hinted_where_one_comes_from_and_a_pgpass_file_gives_it(
    password_role: tuple[str, str],  # first: its role is dropped after pg_uri's database
    pg_uri: str,
    make_sqlite: Any,
    env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A role that must authenticate, and no password anywhere (or only in a .pgpass file others may read,
    # which libpq ignores): "fe_sendauth: no password supplied" was hinted "check the host, port, user
    # and password of --target", as a wrong one is.
    name, password = password_role
    pg_query(pg_uri, f"GRANT CREATE ON DATABASE {quote_ident(urlsplit(pg_uri).path.lstrip('/'))} TO {name}")
    for variable in ("PGPASSWORD", "COLUMNAR_ETL_PASSWORD_COMMAND"):
        monkeypatch.delenv(variable, raising=False)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:{name}:{password}\n")
    pgpass.chmod(0o644)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    hint = (
        "the server asks this role's password and none was given: set PGPASSWORD, a line in a .pgpass file "
        "(PGPASSFILE; libpq ignores one others may read: chmod 600), or password_command"
    )
    path = str(export(make_sqlite, SUBJECTS))
    for command, code in ((["run", path, "--mode", "simple"], 3), (["load", path], 1)):
        ran = invoke(uri_as(pg_uri, name), *command, "--json")
        assert ran.exit_code == code, ran.output
        error = record(ran, env)["error"]
        assert "fe_sendauth: no password supplied" in error["message"] and error["hint"] == hint
        assert ran.stderr.splitlines()[-1].endswith(f"(hint: {hint})")
    assert schemas(pg_uri) == []
    pgpass.chmod(0o600)  # as the hint says: the file now gives the password
    ran = invoke(uri_as(pg_uri, name), "run", path, "--mode", "simple", "--json")
    assert ran.exit_code == 0, ran.output
    assert pg_query(pg_uri, "SELECT count(*) FROM servicedesk.t") == [(len(SUBJECTS) * 4,)]


def test_sslmode_require_against_a_server_without_ssl_and_an_unknown_service_are_hinted_so(
    tmp_path: Path, make_sqlite: Any, env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # libpq's "server does not support SSL, but SSL was required" and 'definition of service "x" not
    # found' were hinted "check the host, port, user and password of --target": none of them was wrong.
    if os.environ.get("COLUMNAR_ETL_TEST_PG_URI"):
        pytest.skip("starts and stops a server of its own")
    data = tmp_path / "pg"
    server = EmbeddedPostgres(data)
    server.start()
    server.stop()
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    user = "pgserver" if os.geteuid() == 0 else None  # as the embedded server runs (pgserver's rule)
    options = f"-h 127.0.0.1 -p {port} -k {data} -c ssl=off"
    pg_ctl = [str(pg_bin_dir() / "pg_ctl"), "-D", str(data), "-l", str(data / "log"), "-w"]
    subprocess.run([*pg_ctl, "-o", options, "start"], check=True, capture_output=True, user=user, timeout=60)
    try:
        path = str(export(make_sqlite, ["x"]))
        hint = (
            "(hint: the server takes no SSL connections: connect with sslmode=prefer (or disable) in "
            "--target, or turn ssl on in the server's configuration)"
        )
        ran = invoke(
            f"postgresql://postgres@127.0.0.1:{port}/postgres?sslmode=require", "load", path, "--json"
        )
        assert ran.exit_code == 1, ran.output
        (line,) = ran.stderr.splitlines()
        assert "server does not support SSL, but SSL was required" in line and line.endswith(hint), line
        assert record(ran, env)["outcome"] == "failed"
    finally:
        subprocess.run(
            [*pg_ctl, "-m", "fast", "stop"], check=True, capture_output=True, user=user, timeout=60
        )
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / "pg_service.conf"))
    (tmp_path / "pg_service.conf").write_text("[reporting]\nhost=db.example\n")
    ran = invoke("service=helpdesk", "run", path, "--mode", "simple", "--json")
    assert ran.exit_code == 3, ran.output
    (line,) = ran.stderr.splitlines()
    assert 'definition of service "helpdesk" not found' in line, line
    assert line.endswith(
        "(hint: no such service in the service file: check service= in --target and the file "
        "(PGSERVICEFILE, else ~/.pg_service.conf))"
    ), line
    assert record(ran, env)["outcome"] == "halted"


def test_a_raw_copy_into_a_schema_the_role_may_not_drop_says_it_cannot_drop_it(
    database: Database, role: Callable[..., str], make_sqlite: Any, env: Path
) -> None:
    # copy-raw replaces its schema: DROP, then CREATE. A schema another role owns refuses the DROP.
    # Was: "cannot create schema 'raw': must be owner of schema raw", hint "does the schema exist
    # already, and may this role CREATE on the database?".
    uri = database()
    name = role()
    may_create(uri, name)
    pg_query(uri, "CREATE SCHEMA raw")
    pg_query(uri, "CREATE TABLE raw.kept (x int)")
    ran = invoke(
        uri_as(uri, name), "copy-raw", str(export(make_sqlite, SUBJECTS)), "--schema", "raw", "--json"
    )
    assert ran.exit_code == 1, ran.output
    printed = record(ran, env)
    assert (printed["error"]["message"], printed["error"]["hint"]) == (
        "cannot drop schema 'raw' to replace it: must be owner of schema raw",
        "nothing was committed, the schema is as it was: may this role drop it (its owner)?",
    )
    assert ran.stderr.splitlines() == [
        f"error: {printed['error']['message']} (hint: {printed['error']['hint']})"
    ]
    assert pg_query(uri, "SELECT to_regclass('raw.kept') IS NOT NULL, to_regclass('raw.t')") == [(True, None)]


def test_a_raw_copy_whose_table_an_event_trigger_refuses_is_named_by_the_servers_message(
    database: Database, make_sqlite: Any, env: Path
) -> None:
    # A DBA's event trigger refusing CREATE TABLE: the driver creates a raw copy's table itself (its
    # ingest), and its error carries no fields of the server's. Was: "COPY into demo_raw.t failed: IO:
    # [libpq] Failed to create table: ERROR:  tables are created by change requests only".
    uri = database()
    pg_query(
        uri,
        "CREATE FUNCTION no_tables() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN "
        "RAISE EXCEPTION 'tables are created by change requests only'; END$$",
    )
    pg_query(
        uri,
        "CREATE EVENT TRIGGER no_tables ON ddl_command_end WHEN TAG IN ('CREATE TABLE') "
        "EXECUTE FUNCTION no_tables()",
    )
    try:
        ran = invoke(uri, "copy-raw", str(export(make_sqlite, ["x"])), "--json")
        assert ran.exit_code == 1, ran.output
        (line,) = ran.stderr.splitlines()
        assert line == (
            "error: table 't': COPY into demo_raw.t failed: tables are created by change requests only "
            "(hint: nothing was committed; fix the data or the target and run again)"
        )
        assert record(ran, env)["error"]["message"] == (
            "COPY into demo_raw.t failed: tables are created by change requests only"
        )
        assert pg_query(uri, "SELECT to_regnamespace('demo_raw') IS NULL") == [(True,)]
    finally:
        pg_query(uri, "DROP EVENT TRIGGER no_tables")


def test_a_canary_whose_ledger_row_the_target_refuses_is_done_with_a_warning_saying_so(
    database: Database, make_sqlite: Any, env: Path
) -> None:
    # A canary leaves nothing on the target but its ledger row, written after its rollback. A trigger
    # refusing it (a DBA's audit): was exit 0, "done", the row's loss in a log line only.
    uri = database()
    assert invoke(uri, "run", str(export(make_sqlite, SUBJECTS)), "--mode", "simple").exit_code == 0
    pg_query(
        uri,
        "CREATE FUNCTION public.refuse() RETURNS trigger LANGUAGE plpgsql AS "
        "$$BEGIN IF NEW.mode = 'canary' THEN RAISE EXCEPTION 'no canaries here'; END IF; RETURN NEW; END$$",
    )
    pg_query(
        uri,
        "CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON columnar_etl.runs FOR EACH ROW "
        "EXECUTE FUNCTION public.refuse()",
    )
    warning = "the target could not take the canary load's ledger row (the log says why)"
    path = str(export(make_sqlite, SUBJECTS[1:] + SUBJECTS[:1], name="1.db"))
    for command in ("run", "load"):
        ran = invoke(uri, command, path, "--mode", "canary", "--json")
        assert ran.exit_code == 2, ran.output
        printed = record(ran, env)
        assert (printed["outcome"], printed["warnings"]) == ("warn", [warning])
        assert "run not recorded" in ran.stderr and "no canaries here" in ran.stderr
    assert pg_query(uri, "SELECT mode FROM columnar_etl.runs") == [("simple",)]


def test_a_role_that_may_not_create_temporary_objects_loads_checks_templates_and_cuts_over(
    database: Database, role: Callable[..., str], make_sqlite: Any, env: Path
) -> None:
    # Was exit 1 at the dashboard templates of a blue-green load ("permission denied to create
    # temporary tables in database ...": they ran through a function made in pg_temp), in a database
    # hardened with REVOKE TEMPORARY ... FROM PUBLIC; the cutover failed the same way.
    uri = database()
    name = role()
    pg_query(uri, f"REVOKE TEMPORARY ON DATABASE {quote_ident(dbname(uri))} FROM PUBLIC")
    may_create(uri, name)
    as_role = uri_as(uri, name)
    assert pg_query(as_role, "SELECT has_database_privilege(current_database(), 'TEMPORARY')") == [(False,)]
    ran = invoke(as_role, "run", str(export(make_sqlite, SUBJECTS)), "--mode", "blue-green", "--json")
    assert ran.exit_code in (0, 2), ran.output
    version = record(ran, env)["version_schema"]
    checked = invoke(as_role, "templates", "check", "--version", version)
    assert checked.exit_code in (0, 2), checked.output
    cut = invoke(as_role, "cutover", version)
    assert cut.exit_code == 0, cut.output
    assert pg_query(uri, "SELECT count(*) FROM servicedesk.t") == [(len(SUBJECTS) * 4,)]


def test_a_role_that_may_not_create_schemas_is_refused_in_one_line_naming_the_grant(
    database: Database, role: Callable[..., str], make_sqlite: Any, env: Path
) -> None:
    # A role that may connect but not CREATE in the database: the preflight refused the run, and a
    # warning came first, that the refusal's ledger row could not be written either (its schema made
    # for it: "permission denied for database ..."); `load`, which has no preflight, printed the same
    # warning before its error.
    uri = database()
    name = role()
    as_role = uri_as(uri, name)
    grant = f'GRANT CREATE ON DATABASE "{dbname(uri)}" TO "{name}"'
    path = str(export(make_sqlite, SUBJECTS))
    ran = invoke(as_role, "run", path, "--mode", "simple", "--json")
    assert ran.exit_code == 3, ran.output
    assert ran.stderr.splitlines() == [
        f"error: preflight check target_create_schema failed: {name} may not CREATE SCHEMA in "
        f"{dbname(uri)} (hint: {grant})"
    ]
    assert record(ran, env)["outcome"] == "halted"
    loaded = invoke(as_role, "load", path, "--json")
    assert loaded.exit_code == 1, loaded.output
    assert loaded.stderr.splitlines() == [
        f"error: there is no ledger (columnar_etl) in this database, and {name!r} may not create its schema "
        f"(hint: {grant})"
    ]
    assert record(loaded, env)["outcome"] == "failed"
    assert pg_query(
        uri, "SELECT count(*) FROM pg_namespace WHERE nspname IN ('columnar_etl', 'servicedesk')"
    ) == [(0,)]
    assert schemas(uri) == []


def test_a_base_schema_another_role_owns_is_refused_by_the_preflight(
    database: Database, role: Callable[..., str], make_sqlite: Any, env: Path
) -> None:
    uri = database()
    loader, other = role(), role()
    may_create(uri, loader)
    pg_query(uri, f"CREATE SCHEMA servicedesk AUTHORIZATION {other}")
    for sql in ("CREATE TABLE servicedesk.theirs (x int)", "CREATE VIEW servicedesk.v AS SELECT 1"):
        pg_query(uri, sql)
    pg_query(uri, f"ALTER TABLE servicedesk.theirs OWNER TO {other}")
    pg_query(uri, f"ALTER VIEW servicedesk.v OWNER TO {other}")
    ran = invoke(uri_as(uri, loader), "run", str(export(make_sqlite, ["x"])), "--mode", "simple", "--json")
    # Was exit 1 after the copy: "permission denied for schema servicedesk".
    assert ran.exit_code == 3, ran.output
    assert record(ran, env)["error"]["message"] == (
        f"preflight check target_create_schema failed: the base schema 'servicedesk' belongs to role "
        f"{other!r}, and {loader!r} may not create in it"
    )
    assert schemas(uri) == ["servicedesk"]
    assert pg_query(
        uri, "SELECT relname FROM pg_class WHERE relnamespace = 'servicedesk'::regnamespace ORDER BY 1"
    ) == [("theirs",), ("v",)]


def test_a_second_role_shares_the_ledger_but_not_the_views_of_another(
    database: Database, role: Callable[..., str], make_sqlite: Any, env: Path
) -> None:
    uri = database()
    ran = invoke(uri, "run", str(export(make_sqlite, ["x"])), "--mode", "simple")
    assert ran.exit_code in (0, 2), ran.output
    live = schemas(uri)
    loader = role()
    may_create(uri, loader)
    pg_query(uri, f"GRANT ALL ON SCHEMA servicedesk, columnar_etl TO {loader}")
    pg_query(uri, f"GRANT ALL ON ALL TABLES IN SCHEMA columnar_etl TO {loader}")
    as_loader = uri_as(uri, loader)
    path = export(make_sqlite, ["y"], name="second.db")
    ran = invoke(as_loader, "run", str(path), "--mode", "simple", "--json")
    assert ran.exit_code == 3, ran.output
    assert record(ran, env)["error"]["message"] == (
        "preflight check target_create_schema failed: views of the base schema 'servicedesk' that a "
        f"cutover re-points belong to another role: t ({pg_query(uri, 'SELECT current_user')[0][0]})"
    )
    # A blue-green load beside them: the ledger is the other role's, and may be written (was "must
    # be owner of table versions": its CREATE INDEX IF NOT EXISTS ran on every load).
    loaded = invoke(as_loader, "load", str(path), "--mode", "blue-green")
    assert loaded.exit_code in (0, 2), loaded.output
    assert len(schemas(uri)) == len(live) + 1
    cut = invoke(as_loader, "cutover")
    assert cut.exit_code == 1 and "must be owner of view t" in cut.stderr, cut.output
    assert pg_query(
        uri, f"SELECT count(*) FROM columnar_etl.versions WHERE live AND schema_name = '{live[-1]}'"
    ) == [(1,)]


def test_a_role_sharing_a_ledger_whose_tables_it_may_not_write_is_refused_before_the_export_is_read(
    database: Database, role: Callable[..., str], make_sqlite: Any, env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A DBA shared the ledger's schema (USAGE, CREATE) but not its tables. Was: `run` failed after its
    # backup, profile and gate with the driver's text, "gate failed: ProgrammingError: UNAUTHORIZED:
    # [libpq] Failed to execute query: could not begin COPY: ERROR: permission denied for table versions
    # (hint: run again with --debug for the traceback)" (or "preflight failed: ..." without --force, its
    # preflight passed), and `load` alike.
    uri = database()
    assert invoke(uri, "run", str(export(make_sqlite, ["x"])), "--mode", "simple").exit_code == 0
    owner = pg_query(uri, "SELECT current_user")[0][0]
    loader = role()
    may_create(uri, loader)
    pg_query(uri, f"GRANT USAGE, CREATE ON SCHEMA columnar_etl TO {loader}")
    pg_query(uri, f"GRANT SELECT ON columnar_etl.versions TO {loader}")  # read, but not written
    as_loader = uri_as(uri, loader)
    before = schemas(uri), pg_query(uri, "SELECT schema_name, live FROM columnar_etl.versions")
    path = str(export(make_sqlite, ["y"], name="second.db"))
    monkeypatch.setenv("COLUMNAR_ETL_BASE_SCHEMA", "other")  # the base schema `servicedesk` is the owner's
    said = (
        f"'{loader}' may not read and write the ledger's tables runs ({owner}), versions ({owner}) (SELECT, "
        "INSERT, UPDATE on each)"
    )
    hint = (
        "as their owner or a superuser, GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA columnar_etl "
        f'TO "{loader}"'
    )
    for force in ([], ["--force"]):
        ran = invoke(as_loader, "run", path, "--mode", "simple", "--json", *force)
        assert ran.exit_code == 3, ran.output
        run = record(ran, env)
        assert [stage["name"] for stage in run["stages"]] == ["preflight"]
        assert (run["error"]["message"], run["error"]["hint"]) == (
            f"preflight check target_create_schema failed: {said}",
            hint,
        )
    loaded = invoke(as_loader, "load", path, "--json")
    assert loaded.exit_code == 1, loaded.output
    assert loaded.stderr.splitlines()[-1] == f"error: {said} (hint: {hint})"
    assert (record(loaded, env)["error"]["message"], record(loaded, env)["error"]["hint"]) == (said, hint)
    assert (schemas(uri), pg_query(uri, "SELECT schema_name, live FROM columnar_etl.versions")) == before
    # Granted what the hint says, the same role loads.
    pg_query(uri, f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA columnar_etl TO {loader}")
    assert invoke(as_loader, "load", path).exit_code == 0


def test_a_dashboard_view_on_a_base_view_is_kept_through_a_cutover_that_recreates_it(
    database: Database, role: Callable[..., str], make_sqlite: Any, env: Path
) -> None:
    uri = database()
    assert invoke(uri, "run", str(export(make_sqlite, ["x"])), "--mode", "simple").exit_code in (0, 2)
    pg_query(uri, "CREATE VIEW public.dash AS SELECT id, subject FROM servicedesk.t")
    changed = make_sqlite(
        {"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, subject INTEGER)", [(1, 5)])}, "b.db"
    )
    assert invoke(uri, "load", str(changed), "--mode", "blue-green").exit_code in (0, 2)
    cut = invoke(uri, "cutover")
    # Was exit 1: "view "servicedesk"."t" must be recreated … but public.dash reads it".
    assert cut.exit_code == 0, cut.output
    assert "t: view recreated" in cut.stdout and "kept public.dash" in cut.stdout
    assert pg_query(uri, "SELECT id, subject FROM public.dash") == [(1, "5")]  # text: the live type kept


# --- other session settings of the role --------------------------------------------------------------


def test_a_role_without_standard_conforming_strings_records_backslashes_and_quotes_as_written(
    database: Database, role: Callable[..., str], make_sqlite: Any, env: Path
) -> None:
    # With standard_conforming_strings off, a backslash in a plain literal is an escape: the ledger's
    # JSON of a column named `say "hi"` (`"say \"hi\""`) was refused ("invalid input syntax for type
    # json", every run exit 1 after the whole load), and a source path's `\n` became a newline in
    # columnar_etl.runs without a word.
    uri = database()
    name = role(standard_conforming_strings="off")
    may_create(uri, name)
    columns = ["C:\\new", 'say "hi"']
    ddl = f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(quote_ident(c) + ' TEXT' for c in columns)})"
    rows = [(1, "a\\b", "it's"), (2, "\\x00", "\\")]
    (env.parent / "in\\new").mkdir()
    path = make_sqlite({"t": (ddl, rows)}, name="in\\new/export.db")
    ran = invoke(uri_as(uri, name), "run", str(path), "--mode", "simple", "--json")
    assert ran.exit_code == 0, ran.output
    run_id = record(ran, env)["run_id"]
    assert pg_query(uri, f"SELECT source_path, status FROM columnar_etl.runs WHERE run_id = '{run_id}'") == [
        (str(path), "succeeded")
    ]
    ((stats,),) = pg_query(uri, "SELECT stats::text FROM columnar_etl.versions WHERE live")
    assert list(json.loads(stats)["t"]["columns"]) == ["id", *columns]
    selected = ", ".join(quote_ident(c) for c in ["id", *columns])
    assert pg_query(uri, f"SELECT {selected} FROM servicedesk.t ORDER BY id") == rows


def test_a_role_with_every_output_and_transaction_setting_changed_loads_every_cell_as_written(
    database: Database, role: Callable[..., str], make_sqlite: Any, env: Path, tmp_path: Path
) -> None:
    # Settings that change how the server writes values as text, or how a transaction runs: nothing
    # the tool stores or compares may depend on them (cells go and come back in binary).
    settings = {
        "TimeZone": "America/St_Johns",  # -03:30, with daylight saving
        "DateStyle": "SQL, DMY",
        "IntervalStyle": "sql_standard",
        "extra_float_digits": "-3",
        "bytea_output": "escape",
        "default_transaction_isolation": "serializable",
        "standard_conforming_strings": "off",
        "search_path": "",
    }
    uri = database()
    name = role(**settings)
    may_create(uri, name)
    as_role = uri_as(uri, name)
    path = tmp_path / "export.db"
    shutil.copy(SMALL_FIXTURE, path)
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE odd (id INTEGER PRIMARY KEY, b BLOB, r REAL, d TEXT, at TEXT, s TEXT)")
        con.executemany(
            "INSERT INTO odd VALUES (?, ?, ?, ?, ?, ?)",
            [
                (1, b"\x00\\'x", 0.1, "2024-02-29", "2024-03-10T02:30:00+05:45", "it's \\ back"),
                (2, b"\xff", 1e-300, "0001-01-01", "1969-12-31T23:59:59Z", "C:\\new"),
                (3, None, 123456789.12345679, None, "2024-11-03 01:30:00", None),
            ],
        )
    ran = invoke(as_role, "run", str(path), "--mode", "simple", "--json")
    assert ran.exit_code == 2, ran.output  # the fixture's quarantined values
    run = record(ran, env)
    assert run["load"]["validation"]["ok"] is True
    violations = check_run(SimpleNamespace(run_dir=env / run["run_id"]), path, uri, "servicedesk")
    assert violations == [], summarize(violations)
    ran = invoke(as_role, "run", str(path), "--mode", "blue-green", "--force", "--json")
    assert ran.exit_code == 2, ran.output
    version = record(ran, env)["version_schema"]
    for command in (["cutover", version], ["rollback"], ["backup", "target", "--schema", version]):
        done = invoke(as_role, *command)
        assert done.exit_code == 0, done.output
    assert pg_query(uri, "SELECT count(*) FROM columnar_etl.versions WHERE live") == [(1,)]


def test_a_role_quoting_every_identifier_loads_cuts_over_and_keeps_its_live_types(
    database: Database, role: Callable[..., str], make_sqlite: Any, env: Path
) -> None:
    # quote_all_identifiers (a DBA's ALTER ROLE ... SET) has the server write every name quoted, the
    # catalogue's type names too: the load's validation found "text" where it expected text, and every
    # simple run was refused (exit 3, nothing live) though each cell was loaded as written.
    uri = database()
    name = role(quote_all_identifiers="on")
    may_create(uri, name)
    as_role = uri_as(uri, name)
    # As the role's sessions have it (a connection of the loader's turns it off for itself).
    assert query_rows(as_role, "SELECT format_type('text'::regtype, NULL)") == [('"text"',)]
    path = export(make_sqlite, SUBJECTS)
    ran = invoke(as_role, "run", str(path), "--mode", "simple", "--json")
    assert ran.exit_code in (0, 2), ran.output
    run = record(ran, env)
    assert run["load"]["validation"]["ok"] is True
    violations = check_run(SimpleNamespace(run_dir=env / run["run_id"]), path, uri, "servicedesk")
    assert violations == [], summarize(violations)
    pg_query(uri, "CREATE VIEW public.dash AS SELECT id, subject FROM servicedesk.t")
    pg_query(uri, f"ALTER VIEW public.dash OWNER TO {name}")
    ran = invoke(as_role, "run", str(path), "--mode", "blue-green", "--force", "--json")
    assert ran.exit_code in (0, 2), ran.output
    version = record(ran, env)["version_schema"]
    for command in (["cutover", version], ["rollback"]):
        done = invoke(as_role, *command)
        assert done.exit_code == 0, done.output
    assert pg_query(uri, "SELECT count(*) FROM public.dash") == [(len(SUBJECTS) * 4,)]
    # The live types a next run keeps are read as the server writes them by default (here: as the
    # superuser, whose sessions quote no more than they must).
    (live,) = pg_query(uri, "SELECT schema_name FROM columnar_etl.versions WHERE live")
    expected = pg_query(
        uri,
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
        f"WHERE a.attrelid = '{live[0]}.t'::regclass AND a.attnum > 0 ORDER BY a.attnum",
    )
    assert live_column_types(as_role, "servicedesk") == {"t": dict(expected)}


@pytest.mark.slow
def test_a_server_whose_lock_table_one_load_fills_fails_naming_the_setting_to_raise(
    tmp_path: Path, make_sqlite: Any, env: Path
) -> None:
    # A version's tables are created in one transaction, a lock each (complete or absent): a server with
    # a small lock table (max_locks_per_transaction 10 and few backends here; 64 x 100 took 1,500
    # tables) fails the load. Was "out of shared memory" and "fix the data or the target": PostgreSQL's
    # own hint, naming the setting, was dropped.
    if os.environ.get("COLUMNAR_ETL_TEST_PG_URI"):
        pytest.skip("restarts a server of its own with a small lock table")
    server = EmbeddedPostgres(tmp_path / "pg")
    uri = server.start()
    try:
        # The lock table holds max_locks_per_transaction x every backend the server may run: ~70 here.
        small = {
            "max_locks_per_transaction": 10,
            "max_connections": 5,
            "autovacuum_max_workers": 1,
            "max_worker_processes": 0,
            "max_wal_senders": 0,
        }
        for name, value in small.items():
            pg_query(uri, f"ALTER SYSTEM SET {name} = {value}")
        as_owner = ["runuser", "-u", "pgserver", "--"] if os.geteuid() == 0 else []
        log = server.data_dir / "log"
        pg_ctl = [str(pg_bin_dir() / "pg_ctl"), "-D", str(server.data_dir), "-l", str(log), "-w", "restart"]
        # No pipes: the server started would hold them open, and the wait for their end never end.
        subprocess.run([*as_owner, *pg_ctl], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert pg_query(uri, "SELECT current_setting('max_locks_per_transaction')") == [("10",)]
        ddl = "CREATE TABLE {} (id INTEGER PRIMARY KEY, v TEXT)"
        tables = {f"t{n:03d}": (ddl.format(f"t{n:03d}"), [(1, "a")]) for n in range(150)}
        path = make_sqlite(tables, name="many.db")
        ran = invoke(uri, "load", str(path), "--mode", "simple")
        assert ran.exit_code == 1, ran.output
        error = ran.stderr.splitlines()[-1]
        assert error.startswith("error: out of shared memory (while running: ")
        assert error.endswith(
            "(hint: nothing was committed; the server's lock table is full (a version's tables are "
            "created in one transaction, a lock each): raise max_locks_per_transaction "
            "(postgresql.conf, then restart the server) and run again)"
        ), error
        assert pg_query(uri, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'servicedesk%'") == [(0,)]
    finally:
        server.stop()


def test_a_dump_whose_connection_the_server_closes_is_hinted_so_not_as_a_permission_or_a_lock(
    database: Database, make_sqlite: Any, env: Path
) -> None:
    # pg_dump's backend terminated while it copies a table out (as a `pg_ctl restart -m fast`, a failover
    # would): pg_dump's "server closed the connection" / "terminating connection" was hinted "check the
    # target's permissions on the schema; or a session held a lock on one of its tables".
    uri = database()
    assert invoke(uri, "run", str(export(make_sqlite, SUBJECTS)), "--mode", "simple").exit_code == 0
    ((version,),) = pg_query(uri, "SELECT schema_name FROM columnar_etl.versions WHERE live")
    # Rows enough for the dump to take a while: a window to end its backend in.
    pg_query(
        uri,
        f"INSERT INTO {version}.t (id, subject) SELECT g, md5(g::text) FROM generate_series(100, 600000) g",
    )
    dump = "application_name = 'pg_dump' AND query LIKE 'COPY %' AND state = 'active'"
    with backend_ended(uri, dump, within=30, every=0.02) as ended:
        dumped = invoke(uri, "backup", "target", "--schema", version, "--json")
    assert ended, dumped.output
    assert dumped.exit_code == 1, dumped.output
    (line,) = dumped.stderr.splitlines()
    assert line.startswith("error: pg_dump failed: pg_dump: error: Dumping the contents of table ")
    assert line.endswith(
        "(hint: the server closed the connection (a restart, a failover, its backend terminated), and rolled "
        "back what it had not committed: run again once the server takes connections)"
    ), line
    assert json.loads(dumped.stdout)["exit_code"] == 1
    assert [path.name for path in (env.parent / "backups").glob(f"*{version}*")] == []  # no half dump kept


# --- timeouts the role sets ----------------------------------------------------------------------------


def test_the_roles_timeouts_are_off_on_the_loaders_connections(
    database: Database, role: Callable[..., str], make_sqlite: Any, env: Path
) -> None:
    settings = {
        "statement_timeout": "1s",
        "lock_timeout": "1s",
        "idle_in_transaction_session_timeout": "1s",
    }
    uri = database()
    # And a search_path naming no schema there is: every name the tool writes is schema-qualified.
    name = role(**settings, search_path="nowhere, servicedesk_v1")
    may_create(uri, name)
    as_role = uri_as(uri, name)
    for autocommit in (True, False):
        conn = connect(as_role, autocommit=autocommit)
        try:
            cursor = conn.cursor()
            cursor.execute("SELECT " + ", ".join(f"current_setting('{key}')" for key in settings))
            # Was '1s' each: a COPY of a big export was cancelled after a second (wide_s10: 24 s of
            # work lost, "canceling statement due to statement timeout").
            assert cursor.fetchall() == [("0",) * len(settings)]
            if not autocommit:
                conn.rollback()  # the first transaction undone: the session's settings stay
                cursor.execute("SELECT current_setting('statement_timeout')")
                assert cursor.fetchall() == [("0",)]
            cursor.close()
        finally:
            conn.close()
    ran = invoke(as_role, "run", str(export(make_sqlite, SUBJECTS)), "--mode", "simple", "--json")
    assert ran.exit_code in (0, 2), ran.output
    assert pg_query(as_role, "SELECT current_setting('statement_timeout')") == [("0",)]
    assert pg_query(uri, "SELECT count(*) FROM servicedesk.t") == [(len(SUBJECTS) * 4,)]


def test_a_statement_the_roles_statement_timeout_cancels_is_hinted_as_that_not_as_a_right(
    database: Database, role: Callable[..., str]
) -> None:
    # A statement_timeout below what the preflight's reads of the catalogue take (1ms: every run was
    # refused in its preflight, target_reachable) or the loader's own lift of it takes was hinted
    # "check the role's rights on what it reads" (or "... permissions on the database").
    uri = database()
    name = role(statement_timeout="50ms")
    with pytest.raises(TargetError) as info:
        query_rows(uri_as(uri, name), "SELECT pg_sleep(1)")
    assert info.value.message.startswith("canceling statement due to statement timeout (while running: ")
    assert info.value.hint == (
        "nothing was changed; the role's or database's statement_timeout cancelled it: raise it for the "
        "role that loads (ALTER ROLE ... SET statement_timeout = '1min', or RESET statement_timeout)"
    )
    # A query the user cancels (not a timeout) keeps its own hint.
    with pytest.raises(TargetError) as info:
        query_rows(uri, "SELECT pg_cancel_backend(pg_backend_pid()), pg_sleep(1)")
    assert "statement timeout" not in info.value.hint


def test_a_role_whose_sessions_exit_on_error_is_still_refused_by_a_template_not_failed(
    database: Database,
    role: Callable[..., str],
    make_sqlite: Any,
    env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `exit_on_error = on` makes every error end the session, one a PL/pgSQL block of the loader's
    # catches too (a template failing on the candidate, a lock wait given up). Was: a candidate that
    # breaks a template working on the live version failed the run, exit 1, "column ... does not
    # exist (while running: DO $columnar_etl$ ...", in place of the gate's refusal, exit 3.
    template = tmp_path / "subjects.sql"
    template.write_text("-- name: subjects\nSELECT count(DISTINCT subject) AS subjects FROM {schema}.t;\n")
    monkeypatch.setenv("COLUMNAR_ETL_DASHBOARD_TEMPLATES", str(template))
    uri = database()
    name = role(exit_on_error="on")
    may_create(uri, name)
    as_role = uri_as(uri, name)
    assert invoke(as_role, "run", str(export(make_sqlite, SUBJECTS)), "--mode", "simple").exit_code == 0
    live = pg_query(uri, "SELECT schema_name FROM columnar_etl.versions WHERE live")
    rows = [(index, subject) for index, subject in enumerate(SUBJECTS, start=1)]
    renamed = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, title TEXT)", rows)}, name="2.db")
    ran = invoke(as_role, "run", str(renamed), "--mode", "blue-green", "--json")
    assert ran.exit_code == 3, ran.output
    printed = record(ran, env)
    assert (printed["outcome"], printed["error"]["error"]) == ("halted", "LoadRefused")
    assert printed["error"]["message"].startswith(
        "blue-green load refused, nothing live changed: dashboard template 'subjects' failed: "
        'column "subject" does not exist'
    )
    assert pg_query(uri, "SELECT schema_name FROM columnar_etl.versions WHERE live") == live
    assert pg_query(uri, f"SELECT rolconfig FROM pg_roles WHERE rolname = '{name}'") == [
        (["exit_on_error=on"],)
    ]


def test_each_transaction_lifts_the_timeouts_itself_never_the_session(
    database: Database, role: Callable[..., str]
) -> None:
    # Behind a pooler in transaction mode each transaction may run on another server session, one that
    # never saw the connection's lift; and a lift for the session stays with the pooled session, for
    # the role's next client (a dashboard). Here the session's own value is put back (as a pooled
    # session that never lifted it has it) and committed: the next transaction must lift it itself.
    uri = database()
    name = role(statement_timeout="5s")
    conn = connect(uri_as(uri, name), autocommit=False)
    try:
        cursor = conn.cursor()
        for ends in ("commit", "rollback"):
            cursor.execute("SELECT set_config('statement_timeout', '5s', false)")
            cursor.fetchall()
            conn.commit()
            cursor.execute("SELECT current_setting('statement_timeout')")
            assert cursor.fetchall() == [("0",)], ends  # was '5s': lifted once, for the session
            getattr(conn, ends)()
        cursor.close()
    finally:
        conn.close()


#: PgBouncer, to run a target behind a pooler in transaction mode (Debian: `apt-get install pgbouncer`).
PGBOUNCER = shutil.which("pgbouncer") or next(
    (path for path in ("/usr/sbin/pgbouncer",) if Path(path).exists()), None
)


@contextmanager
def pgbouncer(server_uri: str, database_name: str, user: str) -> Iterator[str]:
    """PgBouncer in transaction mode in front of ``database_name`` on the server of ``server_uri`` (a
    unix socket), letting ``user`` in; the URI to connect through it as ``user``. Run as the embedded
    server's user when this is root (PgBouncer refuses root)."""
    assert PGBOUNCER is not None
    socket_dir = parse_qs(urlsplit(server_uri).query)["host"][0]
    here = Path(tempfile.mkdtemp(prefix="columnar_etl_pgbouncer_"))
    here.chmod(0o777)
    port = 6400 + uuid.uuid4().int % 500
    (here / "users.txt").write_text(f'"{user}" ""\n')
    (here / "pgbouncer.ini").write_text(
        f"[databases]\n{database_name} = host={socket_dir} dbname={database_name}\n"
        f"[pgbouncer]\nlisten_port = {port}\nunix_socket_dir = {here}\nauth_type = trust\n"
        f"auth_file = {here / 'users.txt'}\npool_mode = transaction\ndefault_pool_size = 20\n"
        f"max_client_conn = 100\nlogfile = {here / 'pgbouncer.log'}\n"
        "ignore_startup_parameters = extra_float_digits,options\n"
    )
    as_user = ["runuser", "-u", "pgserver", "--"] if os.geteuid() == 0 else []
    process = subprocess.Popen([*as_user, PGBOUNCER, str(here / "pgbouncer.ini")])
    try:
        for _ in range(100):
            if (here / f".s.PGSQL.{port}").exists():
                break
            time.sleep(0.05)
        else:
            raise AssertionError(f"pgbouncer did not start: {(here / 'pgbouncer.log').read_text()}")
        yield f"postgresql://{user}@/{database_name}?host={here}&port={port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(here, ignore_errors=True)


@pytest.mark.skipif(PGBOUNCER is None, reason="pgbouncer is not installed")
def test_a_run_behind_pgbouncer_in_transaction_mode_leaves_the_pools_sessions_as_the_role_has_them(
    pg_server_uri: str, database: Database, role: Callable[..., str], make_sqlite: Any, env: Path
) -> None:
    # Was: every client of the pool got `statement_timeout` 0 after a run: the loader's lift for the
    # session stayed on the pooled server sessions, and a dashboard sharing the role lost its guard.
    import adbc_driver_postgresql.dbapi as plain  # the driver alone: no lift of ours

    if os.environ.get("COLUMNAR_ETL_TEST_PG_URI"):
        pytest.skip("runs PgBouncer against the embedded server's socket")
    uri = database()
    name = role(statement_timeout="5s", lock_timeout="3s")
    may_create(uri, name)
    with pgbouncer(pg_server_uri, dbname(uri), name) as pooled:
        path = export(make_sqlite, SUBJECTS)
        ran = invoke(pooled, "run", str(path), "--mode", "blue-green", "--json")
        assert ran.exit_code in (0, 2), ran.output
        version = record(ran, env)["version_schema"]
        cut = invoke(pooled, "cutover", version)
        assert cut.exit_code == 0, cut.output
        listed = invoke(pooled, "schemas", "list", "--json")
        assert listed.exit_code == 0 and version in listed.stdout, listed.output
        dumped = invoke(pooled, "backup", "target", "--schema", version, "--json")  # pg_dump through it
        assert dumped.exit_code == 0, dumped.output
        # Every server session the pool holds: one client in a transaction each, at once.
        clients = [plain.connect(pooled, autocommit=False) for _ in range(20)]
        try:
            seen = []
            for client in clients:
                with client.cursor() as cursor:
                    cursor.execute(
                        "SELECT current_setting('statement_timeout'), current_setting('lock_timeout'), "
                        "pg_backend_pid()"
                    )
                    seen.extend(cursor.fetchall())
            assert {(statement, lock) for statement, lock, _ in seen} == {("5s", "3s")}
            assert len({pid for _, _, pid in seen}) == len(clients)  # every session of the pool
        finally:
            for client in clients:
                client.rollback()
                client.close()
        assert pg_query(uri, "SELECT count(*) FROM servicedesk.t") == [(len(SUBJECTS) * 4,)]


def test_a_raw_copy_by_a_role_that_may_not_read_the_ledger_says_what_to_grant(
    database: Database, role: Callable[..., str], make_sqlite: Any, env: Path
) -> None:
    # copy-raw reads the ledger to refuse a schema columnar_etl manages. A role that may create
    # schemas but not use the ledger's (another role's) got the server's "permission denied for schema
    # columnar_etl" with the hint "nothing was committed; the live version is unchanged" (h315).
    uri = database()
    assert invoke(uri, "run", str(export(make_sqlite, ["x"])), "--mode", "simple").exit_code == 0
    copier = role()
    may_create(uri, copier)
    before = schemas(uri), pg_query(uri, "SELECT nspname FROM pg_namespace ORDER BY 1")
    path = str(export(make_sqlite, ["y"], name="second.db"))
    ran = invoke(uri_as(uri, copier), "copy-raw", path, "--json")
    assert ran.exit_code == 1, ran.output
    assert ran.stderr.splitlines()[-1] == (
        "error: this role may not read the ledger's versions (columnar_etl.versions) (hint: as its owner, "
        "GRANT USAGE ON SCHEMA columnar_etl and SELECT ON ALL TABLES IN SCHEMA columnar_etl to this role)"
    )
    assert (schemas(uri), pg_query(uri, "SELECT nspname FROM pg_namespace ORDER BY 1")) == before
    # Granted what the hint says, the same role copies.
    pg_query(uri, f"GRANT USAGE ON SCHEMA columnar_etl TO {copier}")
    pg_query(uri, f"GRANT SELECT ON ALL TABLES IN SCHEMA columnar_etl TO {copier}")
    copied = invoke(uri_as(uri, copier), "copy-raw", path)
    assert copied.exit_code == 0, copied.output
    assert pg_query(uri, "SELECT count(*) FROM demo_raw.t") == [(len(["y"]) * 4,)]
