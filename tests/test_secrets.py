"""Credentials never leak into any artefact, and hostile names and values stay data (issue #10)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from columnar_etl.config import ConfigError, apply_password_command, load_settings
from columnar_etl.identifiers import quote_ident
from columnar_etl.pipeline import run

from .conftest import pg_query, uri_as


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
    from columnar_etl.load.adbc import connect

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
