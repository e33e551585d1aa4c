"""Table and column names over 63 bytes load under a deterministic short form (issue 16, item 8)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from columnar_etl.config import Settings
from columnar_etl.pg.identifiers import short_identifier, short_identifiers
from columnar_etl.pipeline.runner import run

from .conftest import pg_query, run_settings

TABLE = "t" * 64
COLUMN_64 = "c" * 63 + "1"  # equal to the next one in its first 63 bytes: PostgreSQL would merge them
COLUMN_70 = "c" * 63 + "_second"
ROWS = [(i, f"value {i}", i * 10) for i in range(20)]


def expected_short(name: str) -> str:
    """The documented short form, computed independently: 54 bytes + '_' + 8 hex of sha256."""
    return name.encode()[:54].decode(errors="ignore") + "_" + hashlib.sha256(name.encode()).hexdigest()[:8]


def test_short_identifier_is_deterministic_and_at_most_63_bytes() -> None:
    assert short_identifier("tickets") == "tickets"
    assert short_identifier("x" * 63) == "x" * 63
    for name in (COLUMN_64, COLUMN_70, "é" * 40, "✓" * 30):
        short = short_identifier(name)
        assert short == expected_short(name) == short_identifier(name)
        assert len(short.encode()) <= 63
        short.encode().decode()  # cut at a character boundary
    assert short_identifier(COLUMN_64) != short_identifier(COLUMN_70)
    # A short name that happens to equal another's short form does not collide with it.
    clash = expected_short(COLUMN_64)
    mapping = short_identifiers([clash, COLUMN_64])
    assert mapping[clash] == clash and mapping[COLUMN_64] not in (clash, COLUMN_64)
    assert len(mapping[COLUMN_64].encode()) <= 63


@pytest.fixture
def settings(tmp_path: Path, pg_uri: str) -> Settings:
    return run_settings(tmp_path, pg_uri, min_quality=0)


def test_names_over_63_bytes_round_trip_through_a_real_load(
    settings: Settings, tmp_path: Path, pg_uri: str
) -> None:
    export = tmp_path / "long.db"
    con = sqlite3.connect(export)
    con.execute(f'CREATE TABLE "{TABLE}" (id INTEGER PRIMARY KEY, "{COLUMN_64}" TEXT, "{COLUMN_70}" INTEGER)')
    con.executemany(f'INSERT INTO "{TABLE}" VALUES (?, ?, ?)', ROWS)
    con.commit()
    con.close()

    result = run(export, settings=settings, mode="simple")
    assert result.exit_code == 0, result.record.error  # done (the bundled templates not applying: a note)
    table, first, second = expected_short(TABLE), expected_short(COLUMN_64), expected_short(COLUMN_70)
    back = pg_query(pg_uri, f'SELECT id, "{first}", "{second}" FROM servicedesk."{table}" ORDER BY id')
    assert back == ROWS

    # The mapping, decided at plan time, is in the run record, the ledger and the report.
    notes = result.record.plan["notes"]  # type: ignore[index]
    assert f"table {TABLE!r} is over 63 bytes: loaded as {table!r}" in notes
    assert f"{TABLE}.{COLUMN_70}: over 63 bytes, loaded as {second!r}" in notes
    recorded = json.loads((result.run_dir / "run.json").read_text())["load"]
    assert recorded["table_names"] == {TABLE: table}
    assert recorded["column_names"] == {table: {"id": "id", COLUMN_64: first, COLUMN_70: second}}
    (report,) = pg_query(pg_uri, "SELECT report::text FROM columnar_etl.runs")[0]
    assert json.loads(report)["table_names"] == {TABLE: table}
    (columns,) = pg_query(pg_uri, "SELECT column_names::text FROM columnar_etl.versions")[0]
    assert json.loads(columns)[table][COLUMN_70] == second
    html = (result.run_dir / "report.html").read_text()
    assert "Names shortened for PostgreSQL" in html and second in html
