"""A PostgreSQL table copied into SQLite by a SQLAlchemy script (``tests/postgres_copies.py``) through
``columnar-etl run`` into the session's real PostgreSQL, every cell checked.

The test runs the CLI as an operator would (``run --mode simple --yes --json``), checks every cell of
the target against the source and the audit with the project's lossless checker, the exit code and
run.json's outcome, the types chosen, and the values the builder knows, computed from its own numbers.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from . import postgres_copies as copies
from .test_other_products import Ran, audit_rules, loaded_cleanly, run_export

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]


def test_a_sqlalchemy_copy_of_postgres_arrives_cell_for_cell_and_its_numerics_as_numbers(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(copies.sqlalchemy_copy)
    rows = copies.ROWS
    loaded_cleanly(ran, run_dir, {"orders": rows})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    with sqlite3.connect(ran.db) as con:  # the storage classes the test means
        classes = {kind for (kind,) in con.execute("SELECT DISTINCT typeof(ratio) FROM orders")}
    assert classes == {"integer", "real"}  # NUMERIC affinity's 10 and -7 beside the doubles
    assert ran.types("orders") == {
        "order_id": "bigint",
        "code": "text",  # leading zeros: codes
        "amount": "numeric",  # NUMERIC(10, 2): its REALs the decimals written
        # REALs beyond 2^53 beside small INTEGER cells: each a double exactly (until 2026-12-04 text).
        "ratio": "double precision",
        "paid": "boolean",  # declared BOOLEAN
        "ordered_on": "date",
        "created": "timestamp without time zone",
        # SQLAlchemy's Time (HH:MM:SS.ffffff): a time since 2026-12-06 (until then text)
        "at_time": "time without time zone",
        "span": "timestamp without time zone",  # the script's epoch + interval: a timestamp in the file
        "external": "text",
        "attrs": "text",
        "photo": "bytea",
    }
    numbers = range(1, rows + 1)
    assert ran.values("orders", "ratio", "order_id") == {
        i: copies.RATIOS[i % len(copies.RATIOS)] for i in numbers
    }
    amounts = ran.values("orders", "amount", "order_id")  # numeric, as its text
    assert {i: None if v is None else Decimal(v) for i, v in amounts.items()} == {
        i: None if i % 13 == 0 else Decimal(copies.amount(i)) for i in numbers
    }
    assert ran.values("orders", "code", "order_id") == {
        i: None if i % 7 == 0 else f"{i % 1000:03d}" for i in numbers
    }
    assert ran.values("orders", "created", "order_id") == {i: copies.created(i) for i in numbers}
    assert ran.values("orders", "at_time", "order_id") == {i: copies.created(i).time() for i in numbers}
    assert ran.values("orders", "span", "order_id") == {
        i: datetime(1970, 1, 1) + copies.span(i) for i in numbers
    }
    assert ran.values("orders", "paid", "order_id") == {
        i: None if i % 4 == 0 else i % 2 == 0 for i in numbers
    }
    assert ran.values("orders", "photo", "order_id") == {
        i: None if i % 8 == 0 else i.to_bytes(4, "big") for i in numbers
    }
    # A SQL NULL the script wrote as the JSON null: NULL again by the documented null-token rule, audited.
    assert ran.values("orders", "attrs", "order_id") == {
        i: None if copies.document(i) is None else json.dumps(copies.document(i)) for i in numbers
    }
    nulls = {str(i): {"null_like_to_null"} for i in numbers if copies.document(i) is None}
    assert audit_rules(run_dir, "orders", "attrs") == nulls
