"""Export shapes at scale (marked ``slow``): each through ``run`` in a child process whose peak RSS is
held to the benchmark issue's 600 MB (docs/scaling.md, "Shapes at scale"), every row landed as SQLite
counts it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from columnar_etl.config import load_settings
from columnar_etl.pipeline.steps import plan_step, profile_step
from export_generator import generate_wide_export

from .conftest import pg_query, truth_rows
from .test_scale import _CHILD, PEAK_RSS_MB, _run_measured

pytestmark = pytest.mark.slow

TWO_MILLION = 2_000_000


def _half_copies_export(path: Path, rows: int) -> None:
    """One table ``hits`` of ``rows`` rows without a key, the second half an exact copy of the first
    (a copy listing of ``rows`` / 2 rows): an integer, a code, a double, a date as text."""
    _hits_export(path, rows, "((x - 1) % ?) + 1", rows // 2)


def _hits_export(path: Path, rows: int, y_sql: str, *params: int) -> None:
    """Table ``hits`` of ``rows`` rows (x = 1 .. rows) without a key, each row made of y = ``y_sql``
    (of x and ``params``): rows with the same y are exact copies."""
    con = sqlite3.connect(path)
    with con:
        con.execute('CREATE TABLE hits ("a" INTEGER, "b" TEXT, "c" REAL, "d" TEXT)')
        con.execute(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?) "
            "INSERT INTO hits SELECT y, 'v' || ((y * 7919) % 100003), y / 7.0, "
            f"date('2025-01-01', '+' || (y % 365) || ' days') FROM (SELECT {y_sql} AS y FROM n)",
            (rows, *params),
        )
    con.close()


def test_two_million_rows_half_of_them_copies_run_in_bounded_memory(tmp_path: Path, pg_uri: str) -> None:
    """A million listed copies were joined against every batch (a hash table of all of them per batch)
    while DuckDB kept the listing's buffers: 927-981 MB; then 514-543 MB. By 2026-12-04 it was
    562-604 MB: the listing streamed into the process while the GROUP BY still held its buffers. DuckDB
    writes it to a Parquet file of its own now, read once the buffers were let go: 526-532 MB."""
    export = tmp_path / "copies.db"
    _half_copies_export(export, TWO_MILLION)
    con = sqlite3.connect(export)
    distinct, total = con.execute("SELECT count(*), sum(a) FROM (SELECT DISTINCT * FROM hits)").fetchone()
    con.close()
    assert distinct == TWO_MILLION // 2
    seconds, peak_mb = _run_measured(export, tmp_path, pg_uri)
    found = pg_query(
        pg_uri, "SELECT count(*), sum(a)::bigint FROM (SELECT DISTINCT * FROM servicedesk.hits) d"
    )
    assert found == [(distinct, total)]
    assert pg_query(pg_uri, "SELECT count(*) FROM servicedesk.hits") == [(distinct,)]
    print(f"\n2M rows, half copies: {seconds:.1f} s, peak RSS {peak_mb:.0f} MB")  # noqa: T201  (the figure)
    assert peak_mb <= PEAK_RSS_MB


ONE_MILLION = 1_000_000


def test_a_million_rows_of_a_five_column_key_with_a_date_run_in_bounded_memory(
    tmp_path: Path, pg_uri: str
) -> None:
    """A declared key of five columns, one ISO dates as TEXT: whether cleaning merges two keys was
    checked by grouping every row by its cleaned key (a distinct count per group) since one key column
    is typed: 614-618 MB. Only the rows meeting a changed value are grouped now (none here): 433-436."""
    export = tmp_path / "lines.db"
    con = sqlite3.connect(export)
    with con:
        con.execute(
            "CREATE TABLE lines (region TEXT, store INTEGER, day TEXT, till INTEGER, seq INTEGER, "
            "amount REAL, PRIMARY KEY (region, store, day, till, seq))"
        )
        con.execute(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?) "
            "INSERT INTO lines SELECT 'R' || (x % 7), (x / 7) % 50, "
            "date('2024-01-01', '+' || ((x / 350) % 365) || ' days'), (x / 127750) % 10, x, x * 0.1 FROM n",
            (ONE_MILLION,),
        )
        days = con.execute("SELECT count(DISTINCT day) FROM lines").fetchone()[0]
    con.close()
    seconds, peak_mb = _run_measured(export, tmp_path, pg_uri)
    assert pg_query(pg_uri, "SELECT count(*), count(DISTINCT day) FROM servicedesk.lines") == [
        (ONE_MILLION, days)
    ]
    typed = (
        "SELECT data_type FROM information_schema.columns WHERE table_name = 'lines' AND column_name = 'day'"
    )
    assert {row[0] for row in pg_query(pg_uri, typed)} == {"date"}
    print(f"\n1M rows, five-column key: {seconds:.1f} s, peak RSS {peak_mb:.0f} MB")  # noqa: T201  (the figure)
    assert peak_mb <= PEAK_RSS_MB


def _measured(args: list[str], tmp_path: Path, env: dict[str, str] | None = None) -> tuple[int, float]:
    """``python -m columnar_etl ARGS`` in a child process (working directory ``tmp_path``, ``env``
    added to the environment): its exit code and peak RSS in MB, as ``/usr/bin/time -v`` shows a user."""
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, sys.executable, "-m", "columnar_etl", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, **(env or {})},
        check=True,
    )
    code, peak_kb = (int(x) for x in child.stdout.split())
    assert code in (0, 2), child.stderr
    return code, peak_kb / 1024


def test_four_text_cells_of_several_megabytes_are_profiled_in_bounded_memory(tmp_path: Path) -> None:
    """Four TEXT cells of 6-9 MB among 10,000 short rows: the profile query's column rows folded their
    examples (list, flatten, sort) and text bounds in DuckDB, ~30 copies of the long values in memory
    its limit does not count: 670-750 MB, nothing ran out of memory. Now ~500 MB."""
    export = tmp_path / "bodies.db"
    con = sqlite3.connect(export)
    with con:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT, body TEXT)")
        con.execute(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10000) "
            "INSERT INTO notes SELECT x, 'title ' || (x % 97), 'body text ' || x || ' of a note' FROM n"
        )
        for number in range(4):
            # 6-9 MB of text with no space in it (a base64 attachment, a minified page), each its own.
            con.execute(
                "UPDATE notes SET body = ? || replace(hex(zeroblob(?)), '00', 'xY') WHERE id = ?",
                (f"page{number}:", (6 + number) * 500_000, 1 + number * 2500),
            )
        longest, bodies = con.execute("SELECT max(body), count(DISTINCT body) FROM notes").fetchone()
    con.close()
    assert len(longest) > 9_000_000
    _, peak_mb = _measured(["profile", str(export), "--json-file", "profile.json"], tmp_path)
    body = json.loads((tmp_path / "profile.json").read_text())["tables"][0]["columns"][2]
    # The JSON shows a long bound as an example: its first 200 characters and its length.
    shown = f"{longest[:200]}… ({len(longest):,} characters)"
    assert (body["name"], body["max"] == shown, body["distinct_count"]) == ("body", True, bodies)
    print(f"\nfour TEXT cells of 6-9 MB: profile peak RSS {peak_mb:.0f} MB")  # noqa: T201  (the figure)
    assert peak_mb <= PEAK_RSS_MB


def _notes_and_hits_export(path: Path, notes: int, hits: int) -> None:
    """``notes`` rows of padded text (cleaned and audited), then a table ``hits`` of ``hits`` narrow
    rows without a key, every hundredth a copy of the row before it."""
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, day TEXT, amount TEXT)")
        con.execute(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?) "
            "INSERT INTO notes SELECT x, ' note ' || x || ' ' "
            "|| replace(hex(zeroblob(120 + x % 80)), '00', 'ab ') || ' ', "
            "date('2024-01-01', '+' || (x % 700) || ' days'), (x % 1000) || ',25' FROM n",
            (notes,),
        )
        con.execute("CREATE TABLE hits (a INTEGER, b TEXT, c REAL, d TEXT)")
        con.execute(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?) "
            "INSERT INTO hits SELECT y, 'v' || ((y * 7919) % 100003), y / 7.0, "
            "date('2025-01-01', '+' || (y % 365) || ' days') "
            "FROM (SELECT CASE WHEN x % 100 = 0 THEN x - 1 ELSE x END AS y FROM n)",
            (hits,),
        )
    con.close()


def test_a_clean_by_a_given_plan_lists_a_tables_copies_once_the_table_before_is_cleaned(
    tmp_path: Path,
) -> None:
    """A clean by a given plan (no profile, so no hint of which rows have copies) lists each table's
    copies by grouping every row at the side source's cap: the listing of ``hits`` (3M rows) ran
    beside the cleaning of ``notes`` and stacked on it, 665 MB (the wide export at 10x: 690 MB). It now
    waits for the notes' batches and groups at half the cap: 450 MB. The plan is that of a small
    export of the same shape (a plan saved from an earlier export)."""
    small, export = tmp_path / "small.db", tmp_path / "notes.db"
    _notes_and_hits_export(small, 4_000, 30_000)
    _notes_and_hits_export(export, 300_000, 2_500_000)
    peak_mb = _cleaned_by_the_plan_of(small, export, tmp_path)
    con = sqlite3.connect(export)
    distinct = con.execute("SELECT count(*) FROM (SELECT DISTINCT * FROM hits)").fetchone()[0]
    con.close()
    cleaned = pq.read_table(tmp_path / "out.parquet" / "hits.parquet")
    assert (cleaned.num_rows, distinct) == (2_475_000, 2_475_000)
    assert pq.read_table(tmp_path / "out.parquet" / "notes.parquet").num_rows == 300_000
    print(f"\nclean --plan, 300K notes then 2.5M hits: peak RSS {peak_mb:.0f} MB")  # noqa: T201  (the figure)
    assert peak_mb <= PEAK_RSS_MB


def _forty_percent_copies_export(path: Path, rows: int) -> None:
    """One table ``hits`` of ``rows`` rows without a key, the last 40 % an exact copy of the first 40 %
    (a listing of 0.4 x ``rows`` rows): an integer, a code, a double, a date as text."""
    _hits_export(path, rows, "CASE WHEN x <= ? THEN x ELSE x - ? END", rows * 6 // 10, rows * 6 // 10)


COPIES_ROWS = 2_000_000


def _cleaned_by_the_plan_of(small: Path, export: Path, tmp_path: Path) -> float:
    """``clean export --plan`` of the plan of ``small`` (an earlier export of the same shape), to
    ``tmp_path``'s out.parquet, audit.parquet and quarantine.parquet, in a fresh process: its peak RSS
    (MB); it exits 2, the copies removed."""
    (tmp_path / "plan.json").write_text(
        plan_step(profile_step(small, load_settings()), load_settings()).plan.to_json()
    )
    args = ["clean", str(export), "--plan", "plan.json", "-o", "out.parquet"]
    code, peak_mb = _measured(
        [*args, "--audit", "audit.parquet", "--quarantine", "quarantine.parquet"], tmp_path
    )
    assert code == 2  # the copies removed
    return peak_mb


def test_a_clean_by_a_given_plan_keeps_a_million_listed_copies_outside_the_process(tmp_path: Path) -> None:
    """A clean by a given plan (no profile names the rows with copies) lists every copied row; the
    listing of 800,000 rows (73 MB of Arrow) was held in Polars through every batch: 664 MB. It is
    kept in a DuckDB file of its own now, the process holding a hash and a number per listed row: 568
    MB (2026-12-03, one run each; at 2.5M rows 701 before, 597-607 after: too near the bound to test)."""
    small, export = tmp_path / "small.db", tmp_path / "hits.db"
    _forty_percent_copies_export(small, 30_000)
    _forty_percent_copies_export(export, COPIES_ROWS)
    peak_mb = _cleaned_by_the_plan_of(small, export, tmp_path)
    con = sqlite3.connect(export)
    distinct, total = con.execute("SELECT count(*), sum(a) FROM (SELECT DISTINCT * FROM hits)").fetchone()
    con.close()
    cleaned = pq.read_table(tmp_path / "out.parquet" / "hits.parquet")
    assert (cleaned.num_rows, pc.sum(cleaned.column("a")).as_py()) == (distinct, total)
    audit = pq.read_table(tmp_path / "audit.parquet")
    assert audit.num_rows == COPIES_ROWS - distinct == COPIES_ROWS * 4 // 10
    # The first 60 % of the rows kept, in order; every later row audited as a copy by its position.
    assert cleaned.column("a").to_pylist()[:3] == [1, 2, 3]
    assert audit.column("row_key").to_pylist()[:2] == [str(distinct + 1), str(distinct + 2)]
    print(f"\nclean --plan, {COPIES_ROWS:,} rows, 40 % copies: peak RSS {peak_mb:.0f} MB")  # noqa: T201  (the figure)
    assert peak_mb <= PEAK_RSS_MB


def test_a_clean_by_a_given_plan_without_an_audit_file_keeps_its_audit_outside_the_process(
    tmp_path: Path,
) -> None:
    """``clean --plan`` of the wide export at 10x (a plan of the same shape at 1x) with no ``--audit``:
    the audit held for the result (1.5M rows) was held in memory, 623-631 MB (h86; 662 on a loaded
    machine). It is held in a temporary file without a name, mapped for the result, now: 509 MB, 486 in
    this test (docs/scaling.md, "The audit held outside the process")."""
    small, export = tmp_path / "wide_1.db", tmp_path / "wide_10.db"
    generate_wide_export(small, scale=1.0, seed=1)
    generate_wide_export(export, scale=10.0, seed=1)
    (tmp_path / "plan.json").write_text(
        plan_step(profile_step(small, load_settings()), load_settings()).plan.to_json()
    )
    spill = tmp_path / "tmpdir"
    spill.mkdir()
    args = ["clean", str(export), "--plan", "plan.json", "-o", "out.parquet", "--no-reprofile"]
    code, peak_mb = _measured(args, tmp_path, env={"TMPDIR": str(spill)})
    assert code == 2  # values quarantined, copies removed
    truth = json.loads(export.with_suffix(".truth.json").read_text(encoding="utf-8"))["tables"]
    rows = truth_rows(export.with_suffix(".truth.json"))
    for table, count in rows.items():
        cleaned = pq.ParquetFile(tmp_path / "out.parquet" / f"{table}.parquet").metadata.num_rows
        assert cleaned == count - truth[table]["duplicate_rows"], table
    assert list(spill.iterdir()) == []  # the held audit's file had no name
    print(f"\nclean --plan, wide at 10x, audit held: peak RSS {peak_mb:.0f} MB")  # noqa: T201  (the figure)
    assert peak_mb <= PEAK_RSS_MB
