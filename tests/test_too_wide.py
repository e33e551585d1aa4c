"""Tables PostgreSQL cannot hold are refused before the clean and the load (h92).

PostgreSQL's limits (docs, Appendix K "PostgreSQL Limits", 8192-byte pages): at most 1600 columns in a
table; a row must fit one page, 8160 bytes with its 24-byte header (``MaxHeapTupleSize``), and a
fixed-width value never leaves the row. Until 2026-12-03 a table of rows too wide failed only at the
load's COPY (exit 1, nothing live changed), after the profile and the cleaning, and ``load`` (which has
no preflight, whose ``source_readable`` counts the columns) met one of too many columns only at its
CREATE TABLE; now both are refused by the gate after the plan (exit 3), naming the table. Near each
boundary, what is refused is shown to fail on the server itself (plain SQL, not our loader), and what
is let through loads.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.config import ColumnOverride
from columnar_etl.pg.connect import connect
from columnar_etl.pg.row_limits import MAX_ROW_BYTES, least_row_bytes
from columnar_etl.pipeline.runner import run

from .conftest import pg_query, run_settings

runner = CliRunner()


def wide_export(
    path: Path, columns: int, declared: str = "INTEGER", values: tuple[object, object] = (7, 8)
) -> Path:
    """One table ``wide`` of ``columns`` columns ``c1`` … declared ``declared``, two rows, every cell of
    the first ``values[0]``, of the second ``values[1]`` (never NULL)."""
    con = sqlite3.connect(path)
    names = [f"c{i}" for i in range(1, columns + 1)]
    with con:
        con.execute(f"CREATE TABLE wide ({', '.join(f'{n} {declared}' for n in names)})")
        con.executemany(
            f"INSERT INTO wide VALUES ({', '.join('?' * columns)})",
            [[values[0]] * columns, [values[1]] * columns],
        )
    con.close()
    return path


def server_takes(uri: str, columns: int, pg_type: str, value: str, row: str | None = None) -> str | None:
    """The server's own error for a table of ``columns`` columns of ``pg_type`` and one row of
    ``value`` in each, or of ``row`` (a VALUES list) (None: it took it), by plain SQL in a
    transaction rolled back."""
    conn = connect(uri)
    cursor = conn.cursor()
    names = [f"c{i}" for i in range(1, columns + 1)]
    try:
        cursor.execute(f"CREATE TABLE probe ({', '.join(f'{n} {pg_type}' for n in names)})")
        cursor.execute(f"INSERT INTO probe VALUES ({row or ', '.join([value] * columns)})")
        return None
    except Exception as exc:  # the server's refusal, whatever the driver calls it
        return str(exc).splitlines()[0]
    finally:
        conn.rollback()
        cursor.close()
        conn.close()


def test_the_row_arithmetic_is_the_servers(pg_uri: str) -> None:
    # Expected by PostgreSQL's rule (8192-byte page - 24 header - 4 line pointer, to 8; 24-byte row
    # header; bigint 8 bytes at 8): 24 + 1017 x 8 = 8160 fits, one more does not.
    assert least_row_bytes(["bigint"] * 1017) == MAX_ROW_BYTES == 8160
    assert server_takes(pg_uri, 1017, "bigint", "7::bigint") is None
    refused = server_takes(pg_uri, 1018, "bigint", "7::bigint")
    assert refused is not None and "row is too big: size 8168, maximum size 8160" in refused
    # A date (4 bytes) after a boolean is aligned to 4: 24 + 1 -> 28 + 4 = 32.
    assert least_row_bytes(["boolean", "date"]) == 32
    # The docs' example: 1600 int (6400 bytes) fit; 1601 columns do not, whatever their type.
    assert server_takes(pg_uri, 1600, "integer", "7") is None
    refused = server_takes(pg_uri, 1601, "boolean", "true")
    assert refused is not None and "tables can have at most 1600 columns" in refused


def _columns(uri: str, schema: str = "servicedesk", table: str = "wide") -> int:
    return pg_query(
        uri,
        "SELECT count(*) FROM information_schema.columns "
        f"WHERE table_schema = '{schema}' AND table_name = '{table}'",
    )[0][0]


@pytest.mark.parametrize(
    ("columns", "refused"), [pytest.param(1017, False, marks=pytest.mark.slow), (1018, True)]
)
def test_a_row_of_fixed_width_values_over_a_page_is_refused_by_the_gate(
    tmp_path: Path, pg_uri: str, columns: int, refused: bool
) -> None:
    export = wide_export(tmp_path / "wide.db", columns)
    result = run(export, settings=run_settings(tmp_path, pg_uri, min_quality=0), mode="simple")
    if not refused:
        assert result.exit_code == 0, result.record.error
        assert _columns(pg_uri) == columns
        assert pg_query(pg_uri, "SELECT c1, c1017 FROM servicedesk.wide ORDER BY c1") == [(7, 7), (8, 8)]
        return
    assert result.exit_code == 3, result.record.error
    assert result.record.outcome == "halted"
    error = result.record.error
    assert error is not None
    assert error["message"] == (
        "too wide for PostgreSQL: each of its rows takes 8168 bytes at least (bigint ×1018), "
        "PostgreSQL stores at most 8160 in one row (an 8 KB page)"
    )
    assert error["table"] == "wide" and error["exit_code"] == 3
    assert error["hint"] == (
        'leave columns out (`mask = "drop"` in [columns]) or split the table in the export, or load some '
        'of its columns as text (type = "text" in [columns]: a short value takes its length and a byte, a '
        "long one moves out of the row)"
    )
    assert _columns(pg_uri) == 0  # nothing created
    assert not pg_query(pg_uri, "SELECT 1 FROM pg_namespace WHERE nspname LIKE 'servicedesk%'")
    stages = {s["name"]: s for s in result.record.to_dict()["stages"]}
    assert "clean" not in stages and "load" not in stages


@pytest.mark.slow
def test_a_null_lengthens_the_row_and_the_text_hint_loads(tmp_path: Path, pg_uri: str) -> None:
    # 1018 INTEGER columns, one row NULL in c5: that row holds a bitmap, 23 + 128 bits -> 152 bytes of
    # header, + 1017 x 8 = 8288; the other 24 + 1018 x 8 = 8168. No row fits: refused.
    export = wide_export(tmp_path / "wide.db", 1018)
    with sqlite3.connect(export) as con:
        con.execute("UPDATE wide SET c5 = NULL WHERE rowid = 1")
    con.close()
    assert server_takes(pg_uri, 1018, "bigint", "7::bigint") is not None
    nulled = server_takes(pg_uri, 1018, "bigint", "", "7, " * 4 + "NULL" + ", 7" * 1013)
    assert nulled is not None and "row is too big: size 8288" in nulled
    result = run(export, settings=run_settings(tmp_path / "a", pg_uri, min_quality=0), mode="simple")
    assert result.exit_code == 3, result.record.error
    assert "each of its rows takes 8168 bytes at least" in str(result.record.error)

    # As the hint says, some columns kept text: "7" takes 2 bytes, not 8. Every row fits and loads.
    texts = {"wide": {f"c{i}": ColumnOverride(type="text") for i in range(1, 41)}}
    result = run(
        export, settings=run_settings(tmp_path / "b", pg_uri, min_quality=0, columns=texts), mode="simple"
    )
    assert result.exit_code == 0, result.record.error
    assert pg_query(pg_uri, "SELECT c1, c5, c41 FROM servicedesk.wide ORDER BY c41") == [
        ("7", None, 7),
        ("8", "8", 8),
    ]


@pytest.mark.slow
@pytest.mark.parametrize(("columns", "refused"), [(1600, False), (1601, True)])
def test_more_columns_than_postgresql_takes_are_refused_by_the_gate(
    tmp_path: Path, pg_uri: str, columns: int, refused: bool
) -> None:
    export = wide_export(tmp_path / "wide.db", columns, "TEXT", ("x", "y"))
    result = runner.invoke(
        app,
        ["--target", pg_uri, "load", str(export), "--mode", "simple", "--json"],
        env={"COLUMNAR_ETL_MIN_QUALITY": "0", "COLUMNAR_ETL_RUNS_DIR": str(tmp_path / "runs")},
    )
    if not refused:
        assert result.exit_code == 0, result.output
        assert _columns(pg_uri) == columns
        return
    assert result.exit_code == 3, result.output
    assert result.stderr.strip().startswith(
        f"error: file {export}, table 'wide': too wide for PostgreSQL: 1,601 columns to load: a "
        "PostgreSQL table holds at most 1,600 (hint: leave columns out"
    ), result.stderr
    assert _columns(pg_uri) == 0


def test_the_profile_halts_on_a_table_too_wide(tmp_path: Path) -> None:
    # Gate 1 says it before any run: the profile's gate halts (exit 3) with the same words.
    export = wide_export(tmp_path / "wide.db", 1018)
    result = runner.invoke(app, ["profile", str(export), "--json"])
    assert result.exit_code == 3, result.output
    reasons = json.loads(result.stdout)["gate"]["reasons"]
    assert [(r["rule"], r["table"], r["value"], r["threshold"]) for r in reasons] == [
        ("too_wide", "wide", 8168.0, 8160.0)
    ]
    assert reasons[0]["message"].startswith("too wide for PostgreSQL: each of its rows takes 8168 bytes")
    fits = runner.invoke(app, ["profile", str(wide_export(tmp_path / "fits.db", 1017)), "--json"])
    assert fits.exit_code == 0, fits.output
