"""``generate_export``: build every table, write the SQLite file and its truth, atomically."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .dirt import dirty_column
from .schema import (
    AMBIGUOUS_IN_HEAVY,
    COMMENTS,
    DIRT_LEVELS,
    TICKETS,
    TIMESHEETS,
    TableSpec,
    create_table_sql,
    insert_sql,
)
from .shapes import temp_path
from .truth import TableTruth, Truth, truth_path_for
from .values import Values, column_rng, comment_values, ticket_values, timesheet_values


def generate_export(path: str | Path, *, scale: float = 1.0, seed: int = 0, dirt: str = "prod") -> Truth:
    """Write a synthetic help-desk export (tables tickets, comments, timesheets) and its truth.

    ``path`` must not exist; the SQLite file is built under a temporary name in the same directory and
    renamed into place at the end, so a failure leaves nothing behind. The truth is written next to it
    as ``<stem>.truth.json`` (also refused if it exists) and returned. Row counts are
    ``max(1, round(n * scale))`` of 10,939 / 108,129 / 141,062. ``dirt`` is one of ``clean`` (canonical
    values only; declared types still lie), ``prod``, ``heavy`` or ``corrupt`` (> 30 % of every date
    column unusable). Same arguments give the same truth bytes and the same file contents.
    """
    if dirt not in DIRT_LEVELS:
        raise ValueError(f"unknown dirt level {dirt!r}; choose one of {', '.join(DIRT_LEVELS)}")
    if not scale > 0:
        raise ValueError(f"scale must be > 0, got {scale!r}")
    scale = float(scale)  # scale=10 and scale=10.0 must write the same truth
    db_path = Path(path)
    truth_path = truth_path_for(db_path)
    for target in (db_path, truth_path):
        if target.exists():
            raise FileExistsError(f"{target} already exists; remove it or choose another path")

    tmp_db = temp_path(db_path.parent, db_path.name)
    tmp_truth = temp_path(db_path.parent, truth_path.name)
    try:
        tables = _write_sqlite(tmp_db, scale=scale, seed=seed, dirt=dirt)
        truth = Truth(seed=seed, scale=scale, dirt=dirt, tables=tables)
        tmp_truth.write_text(truth.to_json(), encoding="utf-8")
        os.replace(tmp_truth, truth_path)
        os.replace(tmp_db, db_path)
    except BaseException:
        for leftover in (tmp_db, tmp_truth):
            leftover.unlink(missing_ok=True)
        if not db_path.exists():  # the truth was moved but the database was not: take it back
            truth_path.unlink(missing_ok=True)
        raise
    return truth


def _write_sqlite(path: Path, *, scale: float, seed: int, dirt: str) -> dict[str, TableTruth]:
    """Build and insert one table at a time (memory holds one table), all in one transaction.

    No journal and no fsync per statement: a failed build is deleted, never recovered.
    """
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("BEGIN")
        tickets = ticket_values(TICKETS.rows_at(scale), seed)
        created = [int(v) for v in tickets["TKT-Created Time"] if v is not None]
        truths = {
            TICKETS.name: _insert_table(con, TICKETS, tickets, seed=seed, dirt=dirt, n_tickets=len(created))
        }
        del tickets
        for table, make in ((COMMENTS, comment_values), (TIMESHEETS, timesheet_values)):
            values = make(table.rows_at(scale), seed, created)
            truths[table.name] = _insert_table(
                con, table, values, seed=seed, dirt=dirt, n_tickets=len(created)
            )
            del values
        con.execute("COMMIT")
    finally:
        con.close()
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)  # the rename that follows must not publish a file whose pages are still in flight
    finally:
        os.close(fd)
    return truths


def _insert_table(
    con: sqlite3.Connection, table: TableSpec, values: Values, *, seed: int, dirt: str, n_tickets: int
) -> TableTruth:
    """Dirty every column of ``table``, insert the rows, and return the table's truth."""
    stored = []
    columns = {}
    for spec in table.columns:
        # Dirt draws from its own stream, so changing a level's rates never changes the true values.
        rng = column_rng(seed, table.name, f"{spec.name}/dirt/{dirt}")
        ambiguous = dirt == "heavy" and (table.name, spec.name) == AMBIGUOUS_IN_HEAVY
        column = dirty_column(
            spec, values[spec.name], level=dirt, rng=rng, n_tickets=n_tickets, ambiguous=ambiguous
        )
        stored.append(column.stored)
        columns[spec.name] = column.truth
    con.execute(create_table_sql(table))
    con.executemany(insert_sql(table), zip(*stored, strict=True))
    return TableTruth(
        row_count=len(stored[0]),
        primary_key=table.primary_key,
        column_order=[c.name for c in table.columns],
        columns=columns,
    )
