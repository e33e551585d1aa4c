"""Credentials never leak into any artefact, and hostile names and values stay data (issue #10)."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.config import ConfigError, apply_password_command, load_settings, mask_secrets, mask_uri
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.pg.tools import find_pg_tool, libpq_invocation
from columnar_etl.pipeline.runner import run

from .conftest import pg_query, run_env, run_settings, uri_as

runner = CliRunner()


@pytest.fixture
def loader_role(password_role: tuple[str, str], pg_uri: str) -> tuple[str, str]:
    """The password role, allowed to create schemas in this test's database (all a loader needs)."""
    role, _ = password_role
    database = pg_query(pg_uri, "SELECT current_database()")[0][0]
    pg_query(pg_uri, f"GRANT CREATE ON DATABASE {quote_ident(database)} TO {quote_ident(role)}")
    return password_role


def _scan(root: Path, secret: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def test_the_password_appears_in_no_artefact(
    loader_role: tuple[str, str], pg_uri: str, small_fixture: Path, tmp_path: Path
) -> None:
    role, password = loader_role
    settings = load_settings(
        target=uri_as(pg_uri, role, password),
        runs_dir=tmp_path / "runs",
        backup_dir=tmp_path / "backups",
        min_memory_gb=0.5,
        log_file_level="debug",
    )
    result = run(small_fixture, settings=settings, mode="simple")
    assert result.exit_code == 2, result.record.error  # quarantined values: done with warnings
    assert {p.name for p in result.run_dir.iterdir()} >= {
        "run.json",
        "log.jsonl",
        "report.html",
        "metrics.prom",
    }
    assert _scan(tmp_path, password) == []
    assert "***" in (result.run_dir / "run.json").read_text()
    ledger = pg_query(pg_uri, "SELECT row_to_json(r)::text FROM columnar_etl.runs r")
    versions = pg_query(pg_uri, "SELECT row_to_json(v)::text FROM columnar_etl.versions v")
    assert ledger and not any(password in row[0] for row in ledger + versions)

    wrong = settings.model_copy(update={"target": uri_as(pg_uri, role, "wrong-pw")})
    failed = run(small_fixture, settings=wrong)
    assert failed.exit_code == 3  # preflight (Gate 0) refuses: target_reachable
    assert _scan(failed.run_dir, "wrong-pw") == []
    assert "password authentication failed" in failed.record.error["message"]  # type: ignore[index]


def test_password_from_pgpassword_and_from_password_command(
    loader_role: tuple[str, str], pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from columnar_etl.pg.connect import connect

    role, password = loader_role
    bare = uri_as(pg_uri, role)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    settings = load_settings(target=bare, password_command=f"printf %s {password}")
    apply_password_command(settings)
    connect(bare).close()  # libpq takes PGPASSWORD from the environment
    monkeypatch.setenv("PGPASSWORD", password)
    connect(bare).close()
    monkeypatch.delenv("PGPASSWORD")
    with pytest.raises(ConfigError, match=r"password_command failed \(CalledProcessError\)"):
        apply_password_command(load_settings(target=bare, password_command="exit 3"))


def test_a_password_command_and_the_salt_are_never_recorded_nor_replayed_masked() -> None:
    # helper 22: `echo S3cretPw` as password_command was recorded verbatim in run.json and the report.
    settings = load_settings(password_command="echo S3cretPw_zq91", mask_salt="pepper-42")
    recorded = settings.masked()
    assert (recorded["password_command"], recorded["mask_salt"]) == ("***", "***")
    assert "S3cretPw_zq91" not in repr(recorded) and "pepper-42" not in repr(recorded)
    # A replay takes the secrets from its own invocation, never the record's "***".
    from columnar_etl.cli.run_commands import _replayed_settings

    replayed = _replayed_settings(recorded, {}, None)
    assert (replayed.password_command, replayed.mask_salt) == (None, None)


HOSTILE_NAMES = [
    'x"; DROP TABLE y; --',
    "semi;colon",
    "$$dollar$$",
    "back\\slash",
    "O'Brien",
    "tab\there",
    "new\nline",
    "ünïcødé ✓",
    "select",
    "a" * 60,
]
HOSTILE_VALUES = [
    "'; DROP TABLE tickets; --",
    'say "hi"',
    "$$ language plpgsql $$",
    "C:\\path\\to\\file",
    "\\N",
    "\\.",
    "multi\nline\ntext",
    "tab\tinside",
    "emoji 🎉 and ✓",
    "x" * 100_000,
    "%s %d {0} {{}}",
    "<script>alert(1)</script>",
    "-- comment",
    "/* block */",
    "E'\\x41'",
    "null-ish but not a token: nul",
]


def test_hostile_names_and_values_load_and_read_back_identical(
    pg_uri: str, small_fixture: Path, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.db"
    con = sqlite3.connect(path)
    columns = ", ".join(f"{quote_ident(name)} TEXT" for name in HOSTILE_NAMES)
    table = HOSTILE_NAMES[0]
    con.execute(f'CREATE TABLE {quote_ident(table)} ("id" INTEGER PRIMARY KEY, {columns})')
    rows = [
        (i, *[HOSTILE_VALUES[(i + j) % len(HOSTILE_VALUES)] for j in range(len(HOSTILE_NAMES))])
        for i in range(len(HOSTILE_VALUES))
    ]
    rows.append((len(rows), *["with\x00nul"] * len(HOSTILE_NAMES)))
    marks = ", ".join("?" * (len(HOSTILE_NAMES) + 1))
    con.executemany(f"INSERT INTO {quote_ident(table)} VALUES ({marks})", rows)
    con.commit()
    con.close()
    settings = load_settings(
        target=pg_uri, runs_dir=tmp_path / "runs", backup_dir=tmp_path / "b", min_memory_gb=0.5, min_quality=0
    )
    result = run(path, settings=settings, mode="simple")
    assert result.exit_code in (0, 2), result.record.error
    schema = result.record.version_schema
    assert schema
    selected = ", ".join(quote_ident(name) for name in HOSTILE_NAMES)
    relation = f"{quote_ident(schema)}.{quote_ident(table)}"
    back = pg_query(pg_uri, f'SELECT "id", {selected} FROM {relation} ORDER BY 1')
    assert [tuple(r) for r in back[:-1]] == rows[:-1]
    assert back[-1][1:] == ("withnul",) * len(HOSTILE_NAMES)  # PostgreSQL text cannot hold NUL: removed
    cleaned = result.clean[table]  # the removals are counted
    assert sum(c.nul_removed for c in cleaned.columns.values()) == len(HOSTILE_NAMES)


# --- issue 16, item 7: every credential form, every artefact, every child's argv ---------------------


def _keyword_target(uri: str, user: str, password: str | None) -> str:
    """The URI of the test server as a keyword string (``host=... user=... password=... dbname=...``)."""
    parts = urlsplit(uri)
    pairs = {"host": parts.hostname or dict(parse_qsl(parts.query)).get("host", ""), "user": user}
    if parts.port:
        pairs["port"] = str(parts.port)
    if password is not None:
        pairs["password"] = password
    pairs["dbname"] = parts.path.lstrip("/")
    return " ".join(f"{key}={value}" for key, value in pairs.items())


def _logging_pg_tools(folder: Path, log: Path) -> Path:
    """A pg_bin_dir whose pg_dump / pg_restore write their argv (what ``ps`` shows) to ``log``."""
    folder.mkdir()
    for name in ("pg_dump", "pg_restore"):
        real = find_pg_tool(name).path
        script = folder / name
        script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$0 $*" >> "{log}"\nexec "{real}" "$@"\n')
        script.chmod(0o755)
    return folder


@pytest.mark.parametrize(
    "kind",
    [
        "uri",
        "keywords",
        *(
            pytest.param(kind, marks=pytest.mark.slow)
            for kind in ("pgpassword", "passfile", "password_command")
        ),
    ],
)
def test_no_password_in_any_artefact_log_ledger_row_output_or_child_argv(
    kind: str,
    loader_role: tuple[str, str],
    pg_uri: str,
    small_fixture: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    role, password = loader_role
    pg_query(pg_uri, f"ALTER ROLE {quote_ident(role)} CREATEDB")  # target-restore --database creates one
    # Whatever this test puts in PGPASSWORD (or apply_password_command does) is undone afterwards.
    monkeypatch.setenv("PGPASSWORD", "")
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.delenv("PGPASSFILE", raising=False)
    secrets_dir = tmp_path / "secrets"  # outside the scanned folder: the only place the password is
    secrets_dir.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    argv_log = work / "argv.log"
    overrides: dict[str, object] = {"target": uri_as(pg_uri, role)}
    if kind == "uri":
        overrides["target"] = uri_as(pg_uri, role, password)
    elif kind == "keywords":
        overrides["target"] = _keyword_target(pg_uri, role, password)
    elif kind == "pgpassword":
        monkeypatch.setenv("PGPASSWORD", password)
    elif kind == "passfile":
        passfile = secrets_dir / "pgpass"
        passfile.write_text(f"*:*:*:{role}:{password}\n")
        passfile.chmod(0o600)
        monkeypatch.setenv("PGPASSFILE", str(passfile))
    else:
        (secrets_dir / "pw").write_text(password)
        overrides["password_command"] = f"cat {secrets_dir / 'pw'}"
    env = {
        "COLUMNAR_ETL_RUNS_DIR": str(work / "runs"),
        "COLUMNAR_ETL_BACKUP_DIR": str(work / "backups"),
        "COLUMNAR_ETL_MIN_MEMORY_GB": "0.5",
        "COLUMNAR_ETL_FAIL_MEMORY_GB": "0.1",
        "COLUMNAR_ETL_LOG_FILE_LEVEL": "debug",
        "COLUMNAR_ETL_BACKUP_BEFORE_CUTOVER": "true",
        "COLUMNAR_ETL_PG_BIN_DIR": str(_logging_pg_tools(work / "bin", argv_log)),
        **{f"COLUMNAR_ETL_{key.upper()}": str(value) for key, value in overrides.items()},
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    outputs = []
    for extra in ([], ["--force"]):  # the second run dumps the live version with pg_dump first
        done = runner.invoke(app, ["run", str(small_fixture), "--mode", "simple", "--yes", *extra])
        assert done.exit_code == 2, done.output  # done, with warnings: the fixture's values quarantined
        outputs.append(done.output)
    dumps = sorted((work / "backups").glob("*.dump"))
    assert len(dumps) == 1
    restored = runner.invoke(app, ["backup", "target-restore", str(dumps[0]), "--database", f"r_{kind}"])
    assert restored.exit_code == 0, restored.output
    outputs.append(restored.output)
    try:
        # The other commands that leave a run record (and print JSON): load, cutover (which dumps the live
        # version with pg_dump first), rollback.
        for command in (
            ["load", str(small_fixture), "--mode", "blue-green", "--json"],
            ["cutover", "--json"],
        ):
            done = runner.invoke(app, command)
            assert done.exit_code in (0, 2), done.output
            outputs.append(done.output)
        done = runner.invoke(app, ["rollback", "--json"])
        assert done.exit_code == 0, done.output
        outputs.append(done.output)
        # Two runs, the target-restore, the load, the cutover and the rollback: each left its record.
        assert len(list((work / "runs").glob("*/run.json"))) == 6
        argv = argv_log.read_text()
        assert "pg_dump" in argv and "pg_restore" in argv and "--dbname=" in argv
        assert password not in argv
        assert [o for o in outputs if password in o] == []
        assert _scan(work, password) == []
        ledger = pg_query(pg_uri, "SELECT row_to_json(r)::text FROM columnar_etl.runs r")
        versions = pg_query(pg_uri, "SELECT row_to_json(v)::text FROM columnar_etl.versions v")
        assert len(ledger) == 5 and not any(password in row[0] for row in ledger + versions)
    finally:
        pg_query(uri_as(pg_uri, "postgres"), f'DROP DATABASE IF EXISTS "r_{kind}" WITH (FORCE)')


@pytest.mark.parametrize(
    "target",
    [
        "postgresq://loader:s3cret-pw@db/sd",
        "postgresql+psycopg://loader:s3cret-pw@db/sd",
        "mysql://x:s3cret-pw@h",
    ],
)
def test_an_unknown_scheme_is_refused_in_one_line_without_the_password(target: str, tmp_path: Path) -> None:
    done = runner.invoke(
        app, ["--target", target, "run", str(tmp_path / "x.db"), "--mode", "simple", "--yes"]
    )
    scheme = target.split("://")[0]
    assert done.exit_code == 64  # the flag's value: a usage error
    assert done.output.strip().splitlines() == [
        f"error: invalid setting target: unknown scheme {scheme!r} in the target: write "
        "postgresql://user@host:port/dbname or host=... user=... dbname=... (hint: fix the flag's value)"
    ]
    assert not (tmp_path / "runs").exists()


def test_run_api_refuses_an_unknown_scheme(tmp_path: Path) -> None:
    settings = load_settings(runs_dir=tmp_path / "runs")
    with pytest.raises(ConfigError, match=r"unknown scheme 'postgresq' in the target") as info:
        run(tmp_path / "x.db", target="postgresq://u:s3cret-pw@h/db", settings=settings)
    assert "s3cret-pw" not in str(info.value)
    assert not (tmp_path / "runs").exists()


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("postgresql+psycopg://u:pw1@h/db", "postgresql+psycopg://u:***@h/db"),
        (
            "cannot connect to postgresq://u:pw1@h/db: refused",
            "cannot connect to postgresq://u:***@h/db: refused",
        ),
        ("host=h user=u password='p w\\'1' dbname=d", "host=h user=u password=*** dbname=d"),
        ("host=h password=pw1", "host=h password=***"),
        (
            "postgresql://u@h/db?sslmode=require&password=pw1",
            "postgresql://u@h/db?sslmode=require&password=***",
        ),
    ],
)
def test_mask_secrets_masks_whatever_the_scheme_or_form(text: str, masked: str) -> None:
    assert mask_secrets(text) == masked
    assert mask_uri(text) == masked


def test_a_keyword_string_password_moves_to_the_environment() -> None:
    dbname, env = libpq_invocation("host=db.example port=5433 user=loader password='s3 cr\\'t' dbname=sd")
    assert dbname == "host='db.example' port='5433' user='loader' dbname='sd'"
    assert env["PGPASSWORD"] == "s3 cr't"


@pytest.mark.parametrize(
    "printed",
    [
        "{pw}\nlogin: {role}\nurl: db.internal\n",  # `pass show` of an entry with notes after the password
        "{pw}\r\n",  # a script saved with Windows line endings
        "{pw}",
    ],
)
def test_a_password_command_s_first_line_is_the_password(
    printed: str, loader_role: tuple[str, str], pg_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The whole output was the password (only its last newline cut): `pass show db/loader`, the
    # documented example, prints the entry's notes after it, and the server refused the login.
    from columnar_etl.pg.connect import connect

    role, password = loader_role
    bare = uri_as(pg_uri, role)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    secret = tmp_path / "entry"
    secret.write_bytes(printed.format(pw=password, role=role).encode())
    apply_password_command(load_settings(target=bare, password_command=f"cat {secret}"))
    connect(bare).close()
    assert os.environ["PGPASSWORD"] == password
    monkeypatch.delenv("PGPASSWORD")
    secret.write_text("\nlogin: loader\n")
    with pytest.raises(ConfigError) as info:
        apply_password_command(load_settings(target=bare, password_command=f"cat {secret}"))
    assert (info.value.message, info.value.hint) == (
        "password_command printed nothing on its first line",
        "it must print the password on its first line",
    )


def test_a_password_command_is_not_run_for_the_embedded_server(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without a target the embedded server is the target, and it asks no password: a password_command
    # that fails (a vault out of reach) failed every command all the same, exit 1 before anything ran.
    monkeypatch.delenv("PGPASSWORD", raising=False)
    apply_password_command(load_settings(target=None, password_command="exit 3"))
    assert "PGPASSWORD" not in os.environ
    # With a target it is still run, and its failure still said.
    with pytest.raises(ConfigError, match=r"password_command failed \(CalledProcessError\)"):
        apply_password_command(
            load_settings(target="postgresql://loader@db.invalid/x", password_command="exit 3")
        )


def test_a_password_command_runs_once_when_a_command_first_connects_and_fails_only_those(
    loader_role: tuple[str, str],
    pg_uri: str,
    small_fixture: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # password_command ran as the settings loaded: for commands that never connect (profile, runs list,
    # pg status) too, and a failing one (a vault out of reach) failed them with exit 1.
    role, password = loader_role
    monkeypatch.setenv("PGPASSWORD", "")  # whatever the commands put there is undone afterwards
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.delenv("PGPASSFILE", raising=False)
    run_env(run_settings(tmp_path, pg_uri), monkeypatch)
    monkeypatch.setenv("COLUMNAR_ETL_TARGET", uri_as(pg_uri, role))
    runs = tmp_path / "ran"  # one line per run of the command
    (tmp_path / "pw").write_text(password)
    monkeypatch.setenv("COLUMNAR_ETL_PASSWORD_COMMAND", f"echo x >> {runs}; exit 3")
    for command in (["profile", str(small_fixture)], ["runs", "list"], ["pg", "status"]):
        done = runner.invoke(app, command)
        assert done.exit_code in (0, 2), (command, done.output)
        assert "password_command" not in done.stderr
    assert not runs.exists()
    failed = runner.invoke(app, ["run", str(small_fixture), "--mode", "simple", "--yes", "--json"])
    assert failed.exit_code == 3, failed.output  # the preflight cannot reach the target
    assert failed.stderr.splitlines() == [
        "error: preflight check target_reachable failed: password_command failed (CalledProcessError) "
        "(hint: run the command by hand; it must print the password and exit 0)"
    ]
    assert json.loads(failed.stdout)["exit_code"] == 3
    assert runs.read_text() == "x\n"  # once, though the preflight's checks connect on threads
    assert "PGPASSWORD" not in os.environ
    runs.unlink()
    monkeypatch.setenv("COLUMNAR_ETL_PASSWORD_COMMAND", f"echo x >> {runs}; cat {tmp_path / 'pw'}")
    done = runner.invoke(app, ["run", str(small_fixture), "--mode", "simple", "--yes", "--json"])
    assert done.exit_code == 2, done.output  # done, with warnings: the fixture's values quarantined
    assert json.loads(done.stdout)["exit_code"] == 2
    assert runs.read_text() == "x\n"
    assert os.environ["PGPASSWORD"] == password


def test_a_deferred_password_command_runs_for_its_target_naming_another_database_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `backup target-restore --database NEW` connects to the target naming another database: the same
    # login, whose password the command gives; another server or role is not its target.
    from columnar_etl.config import defer_password_command, run_password_command
    from columnar_etl.pg.conninfo import with_database

    monkeypatch.setenv("PGPASSWORD", "")
    monkeypatch.delenv("PGPASSWORD")
    ran = tmp_path / "ran"
    target = "postgresql://loader@db.invalid:5433/helpdesk"
    defer_password_command(load_settings(target=target, password_command=f"echo x >> {ran}; echo pw"))
    run_password_command("postgresql://loader@other.invalid:5433/helpdesk")
    run_password_command("postgresql://dashboard@db.invalid:5433/helpdesk")
    assert not ran.exists() and "PGPASSWORD" not in os.environ
    run_password_command(with_database(target, "restored"))
    assert (ran.read_text(), os.environ.get("PGPASSWORD")) == ("x\n", "pw")
    run_password_command(target)  # run once: the password is there
    assert ran.read_text() == "x\n"
