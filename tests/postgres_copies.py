"""A PostgreSQL table copied into SQLite by a small SQLAlchemy script (test data only).

The script reflects the PostgreSQL table, swaps the types SQLite has no form of for SQLAlchemy's
generic ones (``JSONB`` and arrays → ``JSON``, ``UUID`` → ``Uuid``, ``INTERVAL`` → ``Interval``,
``BYTEA`` → ``LargeBinary``), runs ``create_all`` on SQLite and inserts the rows psycopg2 fetched.
SQLAlchemy is not installed here, so :func:`sqlalchemy_copy` writes with Python's ``sqlite3`` the DDL
and the values SQLAlchemy 2's SQLite dialect writes (checked against a real copy, 2026-12-04):

- ``numeric(12,4)`` → ``NUMERIC(12, 4)`` and ``numeric`` → ``NUMERIC``, bound as floats (pysqlite has no
  decimal), so NUMERIC affinity stores a whole one (``10.0``) as an INTEGER cell beside the REALs;
  PostgreSQL's ``123456789012345678901234567890.12`` is the REAL ``1.2345678901234568e+29``;
- ``boolean`` → ``BOOLEAN`` 0/1; ``date`` → ``DATE`` ``2024-05-20``;
- ``timestamp`` and ``timestamptz`` → ``TIMESTAMP`` ``2024-05-20 08:42:00.000000`` (always six fraction
  digits; an aware value's UTC wall time, its offset dropped: the script's loss);
- ``time`` → ``TIME`` ``08:42:00.000000``; ``interval`` → ``DATETIME``, the epoch plus the interval
  (``1970-01-02 02:03:04.000000`` for ``1 day 02:03:04``: the script's loss of meaning);
- ``uuid`` → ``CHAR(32)`` hex without dashes; ``jsonb`` → ``JSON`` ``json.dumps`` text (``\\u00e9``),
  a SQL NULL as the JSON ``null``; ``bytea`` → ``BLOB``.

Nothing is random: every value comes from the row's number.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from tests.other_products import write_export

ROWS = 40
EPOCH = datetime(1970, 1, 1)
#: ``numeric`` values without a typmod whose doubles lie beyond 2^53, and small ones.
RATIOS = [1.2345678901234568e29, 6.02214076e23, 1e-20, 2.5, -7.0, 0.1, 10.0, 1.7976931348623157e308]


def sa_datetime(moment: datetime) -> str:
    """SQLAlchemy's SQLite ``DATETIME`` storage format: six fraction digits, always."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def amount(i: int) -> Decimal:
    """A ``numeric(12,4)`` value; every fifth one whole."""
    return Decimal(i * 100) if i % 5 == 0 else Decimal(i * 7919 % 10**8).scaleb(-4)


def created(i: int) -> datetime:
    """A ``timestamp``: every other one with microseconds."""
    return datetime(2024, 2, 29, 13, 45) + timedelta(hours=5 * i, microseconds=123_457 * (i % 2))


def span(i: int) -> timedelta:
    """An ``interval``: negative for every third row."""
    return timedelta(days=i - 3 * (i % 3 == 0) * i, seconds=7384 * i, microseconds=i % 4)


def document(i: int) -> dict[str, object] | None:
    return None if i % 6 == 0 else {"i": i, "tag": f"é{i}", "f": i / 4}


def sqlalchemy_copy(path: Path, rows: int = ROWS) -> Path:
    """``orders`` copied from PostgreSQL by SQLAlchemy 2's generic types (see the module's doc)."""
    ddl = [
        "CREATE TABLE orders (\n\torder_id BIGINT NOT NULL, \n\tcode VARCHAR(3), \n\tamount NUMERIC(12, 4), "
        "\n\tratio NUMERIC, \n\tpaid BOOLEAN, \n\tordered_on DATE, \n\tcreated TIMESTAMP, \n\tat_time TIME, "
        "\n\tspan DATETIME, \n\texternal CHAR(32), \n\tattrs JSON, \n\tphoto BLOB, "
        "\n\tPRIMARY KEY (order_id)\n)"
    ]
    values = [
        (
            i,
            None if i % 7 == 0 else f"{i % 1000:03d}",
            None if i % 13 == 0 else float(amount(i)),
            RATIOS[i % len(RATIOS)],
            None if i % 4 == 0 else int(i % 2 == 0),
            (datetime(2020, 1, 1) + timedelta(days=3 * i)).date().isoformat(),
            sa_datetime(created(i)),
            sa_datetime(created(i))[11:],
            sa_datetime(EPOCH + span(i)),
            uuid.UUID(int=i * 0x1F1F_1F1F_1F1F).hex,
            json.dumps(document(i)),
            None if i % 8 == 0 else i.to_bytes(4, "big"),
        )
        for i in range(1, rows + 1)
    ]
    return write_export(path, ddl, {"orders": values}, bytes_as_text=False)
