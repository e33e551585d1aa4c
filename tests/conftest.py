"""Shared fixtures: one real PostgreSQL per session, a fresh database per test, SQLite file factories.

The server is the embedded one (started in a temporary data directory) unless
``COLUMNAR_ETL_TEST_PG_URI`` names another; each test that asks for ``pg_uri`` gets its own database,
dropped afterwards. Nothing is mocked.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

import columnar_etl
from columnar_etl.cleaning.result import CleanResult
from columnar_etl.config import Settings, load_settings
from columnar_etl.models import Profile
from columnar_etl.pg.connect import connect
from columnar_etl.pg.embedded import EmbeddedPostgres
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.pipeline.clean import clean

REPO_ROOT = Path(__file__).resolve().parents[1]
SMALL_FIXTURE = REPO_ROOT / "data" / "fixtures" / "export_small.db"
SMALL_TRUTH = SMALL_FIXTURE.with_name("export_small.truth.json")
DASHBOARD_SQL = REPO_ROOT / "src" / "columnar_etl" / "queries" / "dashboard.sql"

#: docs/profiling.md "Quality score": points per 1 % of a column's rows, by the truth's dirt kinds.
QUALITY_POINTS = {
    "impossible_date": 10.0,
    "unparseable_date": 10.0,
    "invalid_number": 10.0,
    "orphan_reference": 10.0,
    "empty_string": 4.0,
    "null_like": 4.0,
    "non_iso_date": 4.0,
    "comma_decimal": 4.0,
    "whitespace": 2.0,
    "nul_byte": 2.0,
}
#: What cleaning cannot fix: quarantined values and orphan references still cost after cleaning.
UNFIXABLE_KINDS = frozenset({"impossible_date", "unparseable_date", "invalid_number", "orphan_reference"})

#: ``COLUMNAR_ETL_THOROUGH=1`` (``just test-all``): the costliest property tests draw many examples.
THOROUGH = os.environ.get("COLUMNAR_ETL_THOROUGH") == "1"


def examples(fast: int, thorough: int) -> int:
    """``max_examples`` of a costly property test (each example profiles an export, ~0.3 s): ``fast``
    in the fast suite, which must stay within CI's budget; ``thorough`` in ``just test-all``."""
    return thorough if THOROUGH else fast


def truth_quality(truth_path: Path = SMALL_TRUTH, kinds: Iterable[str] = QUALITY_POINTS) -> float:
    """The quality score of the export a truth file describes, by the formula of docs/profiling.md over
    the generator's own dirt counts (never the package's scoring): every kind is the score before
    cleaning; :data:`UNFIXABLE_KINDS` alone the score after it (quarantined values stay lost).
    A column scores 100 minus its points, floored at 0; a table the mean of its columns; the export
    the mean of its tables weighted by rows × columns; rounded to two decimals. Every non-ISO date
    and comma decimal costs: the generator writes them as a minority beside ISO dates and point
    decimals, so no column has an own format (checked in tests/test_quality_formats.py)."""
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    counted = set(kinds)
    weighted = cells = 0.0
    for table in truth["tables"].values():
        rows, columns = table["row_count"], list(table["columns"].values())
        costs = [
            sum(QUALITY_POINTS[k] * 100.0 * n / rows for k, n in c["dirt"].items() if k in counted)
            for c in columns
        ]
        scores = [max(0.0, 100.0 - cost) for cost in costs]
        weighted += sum(scores) * rows
        cells += rows * len(scores)
    return round(weighted / cells, 2)


def truth_rows(truth_path: Path = SMALL_TRUTH) -> dict[str, int]:
    """Rows per table, as the generator wrote them."""
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    return {name: int(table["row_count"]) for name, table in truth["tables"].items()}


def dashboard_template_count(path: Path = DASHBOARD_SQL) -> int:
    """How many templates the bundled dashboard file holds (one ``-- name:`` line each)."""
    return sum(line.startswith("-- name:") for line in path.read_text(encoding="utf-8").splitlines())


def uri_with_database(uri: str, database: str) -> str:
    """The same server URI pointing at another database."""
    parts = urlsplit(uri)
    return urlunsplit(parts._replace(path=f"/{database}"))


def run_python(
    code: str,
    *args: str,
    timeout: float = 60,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` with ``args`` in a fresh interpreter that imports this checkout (the tests' own
    ``sys.path``), the environment plus ``env``, in ``cwd`` (default: this one); its output as text."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **(env or {})},
        cwd=cwd,
    )


def run_with_file_size_limit(
    command: Sequence[str], limit: int, *, env: Mapping[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` (its output as text) where writes past ``limit`` bytes fail as on a file system
    with no room for them: ``RLIMIT_FSIZE`` (``ulimit -f``) of the child, SIGXFSZ ignored so that the
    write fails with EFBIG (a client program it starts gets SIGXFSZ back: Python's subprocess restores
    it, and the kernel ends that program at the limit)."""

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        list(command), env=env, capture_output=True, text=True, timeout=timeout, preexec_fn=limited
    )


@pytest.fixture(autouse=True)
def _runs_in_the_test_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run records of every command go under the test's own directory, never the checkout's ``runs/``
    (``load``, ``cutover`` and ``rollback`` leave one too); a test may point them elsewhere."""
    monkeypatch.setenv("COLUMNAR_ETL_RUNS_DIR", str(tmp_path / "runs"))


@pytest.fixture(scope="session")
def pg_server_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URI of the session's PostgreSQL server (embedded unless COLUMNAR_ETL_TEST_PG_URI is set)."""
    given = os.environ.get("COLUMNAR_ETL_TEST_PG_URI")
    if given:
        yield given
        return
    server = EmbeddedPostgres(tmp_path_factory.mktemp("pg") / "data")
    uri = server.start()
    yield uri
    server.stop()


@pytest.fixture
def pg_uri(pg_server_uri: str) -> Iterator[str]:
    """A fresh, empty database on the session server for one test; dropped afterwards."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = connect(pg_server_uri, autocommit=True)
    cursor = admin.cursor()
    cursor.execute(f"CREATE DATABASE {quote_ident(name)}")
    try:
        yield uri_with_database(pg_server_uri, name)
    finally:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote_ident(name)} WITH (FORCE)")
        cursor.close()
        admin.close()


def pg_query(uri: str, sql: str) -> list[tuple[Any, ...]]:
    """Run one query on the target (autocommit) and return all rows."""
    conn = connect(uri, autocommit=True)
    try:
        cursor = conn.cursor()
        cursor.execute(sql)
        rows = cursor.fetchall() if cursor.description else []
        cursor.close()
        return [tuple(row) for row in rows]
    finally:
        conn.close()


@contextlib.contextmanager
def backend_ended(uri: str, where: str, *, within: float, every: float) -> Iterator[list[int]]:
    """While the block runs, another thread watches ``pg_stat_activity`` on ``uri`` every ``every``
    seconds, for ``within`` seconds at most, and ends the first backend ``where`` (an SQL condition on
    it) picks with ``pg_terminate_backend``, as a failover or a ``pg_ctl restart`` would. Yields the pids
    ended (none if the block finished first); the thread is joined when the block ends, however."""
    ended: list[int] = []

    def end() -> None:
        deadline = time.monotonic() + within
        while not ended and time.monotonic() < deadline:
            found = pg_query(uri, f"SELECT pid FROM pg_stat_activity WHERE {where}")
            if found:
                pg_query(uri, f"SELECT pg_terminate_backend({found[0][0]})")
                ended.append(found[0][0])
            time.sleep(every)

    ender = threading.Thread(target=end)
    ender.start()
    try:
        yield ended
    finally:
        ender.join()


def note_instants(uri: str, schema: str, table: str, notes: Sequence[str]) -> list[tuple[Any, ...]]:
    """Each row's ``id`` and the instant the expression of the column's note ("… the instant is
    <expression>", one such note among ``notes``) gives on the target's loaded table."""
    (note,) = [n for n in notes if "the instant is" in n]
    expression = note.split("the instant is ")[1]
    return pg_query(uri, f"SELECT id, {expression} FROM {quote_ident(schema)}.{quote_ident(table)}")


def pg_column_types(uri: str, schema: str, table: str) -> dict[str, str]:
    """Each column of ``schema.table`` on the target and its type with modifiers (``numeric(18,2)``)."""
    relation = f"{quote_ident(schema)}.{quote_ident(table)}"
    rows = pg_query(
        uri,
        "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
        f"WHERE attrelid = '{relation}'::regclass AND attnum > 0 AND NOT attisdropped",
    )
    return {str(name): str(kind) for name, kind in rows}


def primary_key(uri: str, schema: str, table: str) -> list[str]:
    """The columns of ``schema.table``'s primary key, in the key's order (PostgreSQL's catalogue)."""
    rows = pg_query(
        uri,
        "SELECT a.attname FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid "
        "JOIN pg_namespace n ON n.oid = r.relnamespace "
        "JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, position) ON true "
        "JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = k.attnum "
        f"WHERE c.contype = 'p' AND n.nspname = '{schema}' AND r.relname = '{table}' ORDER BY k.position",
    )
    return [name for (name,) in rows]


def uri_as(uri: str, user: str, password: str | None = None) -> str:
    """The same server URI, logging in as ``user`` (with ``password`` when given)."""
    parts = urlsplit(uri)
    host = parts.netloc.rsplit("@", 1)[-1]
    userinfo = f"{user}:{password}" if password is not None else user
    return urlunsplit(parts._replace(netloc=f"{userinfo}@{host}"))


@pytest.fixture
def password_role(pg_server_uri: str) -> Iterator[tuple[str, str]]:
    """A login role that must authenticate with a password (scram), on the embedded test server."""
    if os.environ.get("COLUMNAR_ETL_TEST_PG_URI"):
        pytest.skip("rewrites pg_hba.conf: only on the embedded test server")
    role, password = f"pw_{uuid.uuid4().hex[:8]}", f"right-{uuid.uuid4().hex[:8]}"
    pg_query(pg_server_uri, f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
    hba = Path(pg_query(pg_server_uri, "SELECT current_setting('data_directory')")[0][0]) / "pg_hba.conf"
    original = hba.read_text()
    # First match wins: these lines, put on top, make this role (only) authenticate.
    hba.write_text(f"local all {role} scram-sha-256\nhost all {role} 127.0.0.1/32 scram-sha-256\n{original}")
    try:
        pg_query(pg_server_uri, "SELECT pg_reload_conf()")
        _wait_until_password_required(uri_as(pg_server_uri, role))
        yield role, password
    finally:
        hba.write_text(original)
        pg_query(pg_server_uri, "SELECT pg_reload_conf()")
        pg_query(pg_server_uri, f"DROP ROLE IF EXISTS {role}")


def _wait_until_password_required(uri_without_password: str) -> None:
    # pg_reload_conf() only signals the postmaster; the new rules apply a moment later.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            connect(uri_without_password).close()
        except Exception:
            return
        time.sleep(0.05)
    pytest.fail("pg_hba.conf reload did not take effect")


SqliteFactory = Callable[..., Path]


@pytest.fixture
def make_sqlite(tmp_path: Path) -> SqliteFactory:
    """Write a small SQLite file: ``make_sqlite({"t": ("CREATE ...", [(row), ...])}, name="x.db")``."""

    def make(tables: dict[str, tuple[str, Sequence[Sequence[Any]]]], name: str = "export.db") -> Path:
        path = tmp_path / name
        con = sqlite3.connect(path)
        with con:
            for table, (ddl, rows) in tables.items():
                con.execute(ddl)
                if rows:
                    marks = ", ".join("?" for _ in rows[0])
                    con.executemany(f"INSERT INTO {quote_ident(table)} VALUES ({marks})", rows)
        con.close()
        return path

    return make


@pytest.fixture
def small_fixture() -> Path:
    """The committed demo fixture (generated by data/fixtures/generate.py)."""
    if not SMALL_FIXTURE.exists():
        pytest.fail(f"missing committed fixture {SMALL_FIXTURE}")
    return SMALL_FIXTURE


def run_settings(tmp_path: Path, pg_uri: str, **overrides: Any) -> Settings:
    """Settings of a run into the test database: runs and backups under ``tmp_path``, the memory
    checks of preflight set low enough for a shared test machine."""
    return load_settings(
        target=pg_uri,
        runs_dir=tmp_path / "runs",
        backup_dir=tmp_path / "backups",
        min_memory_gb=0.5,
        fail_memory_gb=0.1,
        **overrides,
    )


def run_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The same settings for the CLI, through its environment variables."""
    monkeypatch.setenv("COLUMNAR_ETL_RUNS_DIR", str(settings.runs_dir))
    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_DIR", str(settings.backup_dir))
    monkeypatch.setenv("COLUMNAR_ETL_MIN_MEMORY_GB", "0.5")
    monkeypatch.setenv("COLUMNAR_ETL_FAIL_MEMORY_GB", "0.1")
    return settings


#: The gates' settings that let any export through (a test of what a run loads, not of its gates).
GATES_OPEN = {
    "halt_quality": 0.0,
    "halt_type_mismatch_share": 1.0,
    "halt_corrupt_date_share": 1.0,
    "min_quality": 0.0,
}


def cleaned_gates_open(path: Path, **settings: Any) -> tuple[Profile, CleanResult]:
    """The export at ``path`` profiled, planned and cleaned in process, with the gates open
    (:data:`GATES_OPEN`) and ``settings``; the cleaned tables held in memory."""
    config = load_settings(**GATES_OPEN, **settings)
    profile = columnar_etl.profile(path, settings=config)
    result = clean(path, columnar_etl.plan(profile, settings=config), settings=config)
    assert result.data is not None
    return profile, result


def run_gates_open(
    path: Path, tmp_path: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch, prefix: str
) -> tuple[Settings, str, dict[str, str]]:
    """``columnar-etl run --mode simple`` of ``path`` through the CLI, every gate open
    (:data:`GATES_OPEN`), into a base schema of its own (``prefix`` and a random suffix); asserts exit
    0 or 2. Returns the run's settings, the base schema and the data types of its table ``t``."""
    from typer.testing import CliRunner

    from columnar_etl.cli import app

    settings = run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    base = f"{prefix}_{uuid.uuid4().hex[:8]}"
    for name, value in GATES_OPEN.items():
        monkeypatch.setenv(f"COLUMNAR_ETL_{name.upper()}", str(value))
    monkeypatch.setenv("COLUMNAR_ETL_BASE_SCHEMA", base)
    ran = CliRunner().invoke(app, ["--target", pg_uri, "run", str(path), "--mode", "simple"])
    assert ran.exit_code in (0, 2), ran.output
    types = dict(
        pg_query(
            pg_uri,
            "SELECT column_name, data_type FROM information_schema.columns "
            f"WHERE table_schema = '{base}' AND table_name = 't'",
        )
    )
    return settings, base, types


def run_with_dashboard(
    export: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch, dashboard: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``columnar-etl run --mode simple --json`` of ``export`` with ``settings`` (through the CLI's
    environment) and ``dashboard`` as the only dashboard template (SQL with ``{schema}``; the bundled
    ones name the help desk's tables): asserts exit 0 and outcome ``done``, returns the run record
    and the run's profile.json."""
    from typer.testing import CliRunner

    from columnar_etl.cli import app

    env = run_env(settings, monkeypatch)
    path = Path(settings.runs_dir).parent / "dashboard.sql"
    path.write_text(dashboard)
    monkeypatch.setenv("COLUMNAR_ETL_DASHBOARD_TEMPLATES", str(path))
    assert env.target is not None
    command = ["--target", env.target, "run", str(export), "--mode", "simple", "--json"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["outcome"] == "done"
    profiled = json.loads((Path(env.runs_dir) / record["run_id"] / "profile.json").read_text())
    return record, profiled
