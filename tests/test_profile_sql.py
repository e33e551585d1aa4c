"""Snapshot of the profiling SQL: a change to the query is a visible, reviewed diff.

Regenerate after an intended change with ``UPDATE_SNAPSHOTS=1 just test -k profile_sql``.
"""

from __future__ import annotations

import os
from pathlib import Path

from columnar_etl.profile_sql import table_profile_sql
from columnar_etl.rules import DEFAULT_NULL_TOKENS

SNAPSHOTS = Path(__file__).parent / "snapshots"
TICKET_COLUMNS = ["TKT-Ticket ID", "TKT-Created Time", 'we"ird; --']


def check_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.write_text(text)
    assert path.read_text() == text, f"{name} changed; if intended, regenerate with UPDATE_SNAPSHOTS=1"


def test_table_profile_sql_snapshot() -> None:
    sql = table_profile_sql('src."tickets"', TICKET_COLUMNS, list(DEFAULT_NULL_TOKENS), None)
    check_snapshot("profile_tickets.sql", sql + "\n")


def test_sampled_profile_sql_snapshot() -> None:
    sql = table_profile_sql('src."tickets"', TICKET_COLUMNS[:1], [], 500)
    check_snapshot("profile_tickets_sample.sql", sql + "\n")


def test_identifiers_are_quoted_everywhere() -> None:
    sql = table_profile_sql('src."t"', ['x"; DROP TABLE y; --'], [], None)
    assert '"x""; DROP TABLE y; --"' in sql
    assert 'x"; DROP' not in sql.replace('"x""; DROP', "")
