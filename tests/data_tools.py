"""Small but faithful SQLite files as data tools write them (test data only, not the product's).

pandas, SQLAlchemy and sqlite-utils are not installed here (and nothing new is installed into the
shared environment), so each builder writes, with Python's ``sqlite3``, the statements and values the
tool's documented behaviour writes. SQLite's column affinity then does to each value what it does to
the tool's: a value stored in a ``decimal`` (NUMERIC affinity) column as the text ``'12.50'`` is kept
as the REAL 12.5, exactly as when Django writes it. Nothing is random: every value comes from the row's
number, so a test computes what a column holds from the same numbers.

- :func:`pandas_to_sql`: ``DataFrame.to_sql(name, sqlite3_connection)`` (pandas' SQLite fallback):
  ``CREATE TABLE "t" ("index" INTEGER, "c" TEXT, ...)`` and ``CREATE INDEX "ix_t_index"``; int64 as
  INTEGER, float64 as REAL (NaN as NULL, so a nullable int column of a CSV read becomes REAL ``12.0``),
  bool as INTEGER 0/1, datetime64 as ``TIMESTAMP`` holding ``isoformat(" ")`` text (``2025-05-20
  08:42:00``, ``...00.123456`` when there are microseconds, ``+00:00`` when tz-aware), object as TEXT
  (None as NULL; a Python int in an object column stays an INTEGER cell), timedelta64 as INTEGER
  nanoseconds; a frame that was ``reset_index()`` already has a column ``index``, so the written index
  is ``level_0``.
- :func:`excel_csv`: an Excel sheet saved as CSV and imported by ``sqlite-utils insert --csv`` (every
  column TEXT, no key) or by DB Browser for SQLite (columns with no declared type): what Excel writes
  into such a CSV (serial dates, ``1.23457E+11``, lost and kept leading zeros, ``12.5%``, ``$1,234.50``,
  ``(1,234.50)``, ``TRUE``/``FALSE``, ``#N/A``, ``#DIV/0!``, ``#VALUE!``, no-break and trailing spaces,
  CRLF in a quoted cell, ``1/2/2025``, a UTF-8 BOM on the first header).
- :func:`django`: Django's SQLite schema (``bool``, ``datetime``, ``decimal``, ``char(32)`` UUIDs,
  ``django_migrations``); :func:`rails`: ActiveRecord's (``datetime(6)``, ``boolean`` as ``'t'``/``'f'``
  in an old table and 1/0 in a new one, ``decimal(10,2)``, ``schema_migrations``,
  ``ar_internal_metadata``); :func:`ef_core`: Entity Framework Core's (``TEXT`` GUIDs upper-case with
  dashes, ``TEXT`` decimals, ``INTEGER`` bools, ``TEXT`` DateTime with up to 7 fraction digits and
  DateTimeOffset ``2025-05-20 08:42:00+02:00``, ``__EFMigrationsHistory``).
"""

from __future__ import annotations

import hashlib
import math
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.other_products import write_export

EPOCH = datetime(2025, 5, 20, 8, 42)
#: Excel's day 0 (its serial 1 is 1900-01-01, and it counts 1900-02-29, so modern serials are off 0).
EXCEL_EPOCH = datetime(1899, 12, 30)


def at(i: int) -> datetime:
    """A deterministic naive moment for row ``i``: 2025-05-20 08:42 plus ``i`` times 7 h 13 min."""
    return EPOCH + timedelta(minutes=433 * i)


# --- pandas DataFrame.to_sql -------------------------------------------------------------------------


def pandas_iso(moment: datetime) -> str:
    """pandas' adapter of a datetime for sqlite3: ``isoformat(" ")`` (microseconds only when not 0)."""
    return moment.isoformat(" ")


def pandas_created(i: int) -> datetime:
    """Row ``i``'s ``created`` (every third with microseconds, as a parsed log's time stamps have)."""
    return at(i) + timedelta(microseconds=123_456 * (i % 3 == 1))


def pandas_to_sql(path: Path, rows: int = 30) -> Path:
    """Two frames written by ``to_sql``: ``tickets`` (index ``index``) and ``metrics`` (a frame with
    a column ``index`` from an earlier ``reset_index()``, so its own index is written as ``level_0``)."""
    ddl = [
        'CREATE TABLE "tickets" (\n"index" INTEGER,\n  "ticket_id" INTEGER,\n  "subject" TEXT,\n'
        '  "created" TIMESTAMP,\n  "closed" TIMESTAMP,\n  "opened_utc" TIMESTAMP,\n  "priority" REAL,\n'
        '  "score" REAL,\n  "escalated" INTEGER,\n  "ref" TEXT,\n  "wait" INTEGER\n)',
        'CREATE INDEX "ix_tickets_index"ON "tickets" ("index")',
        'CREATE TABLE "metrics" (\n"level_0" INTEGER,\n  "index" INTEGER,\n  "day" TIMESTAMP,\n'
        '  "tickets" INTEGER,\n  "share" REAL\n)',
        'CREATE INDEX "ix_metrics_level_0"ON "metrics" ("level_0")',
    ]
    tickets = [
        (
            i,
            5000 + i,
            None if i % 7 == 3 else f"Subject {i}",
            pandas_iso(pandas_created(i)),
            None if i % 4 else pandas_iso(at(i) + timedelta(hours=30)),
            pandas_iso(datetime.combine(at(i).date(), at(i).time(), UTC)),
            None if i % 5 == 2 else float(1 + i % 4),  # a nullable int column: REAL, NaN as NULL
            None if i % 6 == 5 else (i * 0.1),
            int(i % 3 == 0),
            (1000 + i) if i % 2 else f"A-{i}",  # an object column holding ints and strings
            (i % 9) * 60 * 1_000_000_000,  # a timedelta64: nanoseconds
        )
        for i in range(rows)
    ]
    metrics = [
        (i, 100 + i, pandas_iso(datetime(2025, 5, 1) + timedelta(days=i)), 10 * i, i / 8) for i in range(10)
    ]
    return write_export(path, ddl, {"tickets": tickets, "metrics": metrics})


# --- Excel → CSV → SQLite --------------------------------------------------------------------------------

NBSP = "\u00a0"


def excel_serial(moment: datetime) -> str:
    """A date cell Excel wrote as its number: ``45797`` for a day, ``45797.3625`` with a time."""
    days = (moment - EXCEL_EPOCH).total_seconds() / 86400
    return f"{days:.0f}" if days == int(days) else f"{days:.10g}"


def excel_scientific(number: int) -> str:
    """A long number as Excel's General format shows it, and so saves it to CSV: ``1.23457E+11``."""
    mantissa, exponent = f"{number:.5E}".split("E")
    return f"{mantissa.rstrip('0').rstrip('.')}E+{int(exponent):02d}"


def excel_money(cents: int) -> str:
    """``$1,234.50``, or an accounting negative ``(1,234.50)``."""
    text = f"{abs(cents) // 100:,}.{abs(cents) % 100:02d}"
    return f"({text})" if cents < 0 else f"${text}"


EXCEL_ERRORS = ("#N/A", "#DIV/0!", "#VALUE!")


def excel_rows(rows: int = 24) -> tuple[list[str], list[list[str]]]:
    """The sheet's header (the first name with the BOM Excel's "CSV UTF-8" writes) and its rows as
    the CSV holds them (every value a string, '' for an empty cell)."""
    header = [
        "\ufeffid",
        "customer_no",
        "postcode",
        "external_id",
        "opened",
        "opened_at",
        "discount",
        "amount",
        "active",
        "ratio",
        "name",
        "notes",
        "due",
        "due_us",
    ]
    body = []
    for i in range(rows):
        moment = at(i)
        body.append(
            [
                str(i + 1),
                str(40 + i),  # leading zeros lost: Excel read 0040 as a number
                f"{(2139 + 37 * i) % 100000:05d}",  # kept (the column was formatted as text)
                excel_scientific(123_456_789_012 + 10_007 * i) if i % 3 else str(123_456_789_012 + i),
                excel_serial(datetime.combine(moment.date(), datetime.min.time())),
                excel_serial(moment.replace(second=0)),
                f"{(i * 2.5) % 50:g}%",
                excel_money((-1 if i % 5 == 4 else 1) * (123_450 + 1_013 * i)),
                "TRUE" if i % 3 else "FALSE",
                EXCEL_ERRORS[i % 3] if i % 4 == 3 else f"{i / 7:.4f}",
                f"Customer{NBSP}{i}{NBSP}" if i % 2 else f"Customer {i}   ",
                f"line one\r\nline two {i}" if i % 4 == 0 else "",
                f"{1 + i % 12}/{1 + (i * 5) % 12}/2025",  # both orders possible on every row
                f"{1 + i % 12}/{1 + (i * 7) % 28}/2025",  # some rows prove month first
            ]
        )
    return header, body


def excel_csv(path: Path, rows: int = 24, *, declared: str = "TEXT") -> Path:
    """The sheet as ``sqlite-utils insert export.db sheet data.csv --csv`` leaves it (``declared``
    ``TEXT``), or as DB Browser's CSV import does with no types (``declared`` ``''``)."""
    header, body = excel_rows(rows)
    columns = ",\n   ".join(f"[{name}] {declared}".rstrip() for name in header)
    return write_export(path, [f"CREATE TABLE [sheet] (\n   {columns}\n)"], {"sheet": body})


def excel_untyped(path: Path) -> Path:
    """:func:`excel_csv` as DB Browser for SQLite imports it: columns with no declared type."""
    return excel_csv(path, declared="")


# --- ORMs --------------------------------------------------------------------------------------------------


def uuid_for(i: int) -> uuid.UUID:
    """Row ``i``'s UUID (from its number, version 4 bits set as uuid4 would)."""
    raw = bytearray(hashlib.md5(f"row {i}".encode()).digest())
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    return uuid.UUID(bytes=bytes(raw))


def django_amount(i: int) -> Decimal:
    """A ``DecimalField(max_digits=10, decimal_places=2)`` value: Django binds it as ``'12.50'``."""
    return Decimal(1250 + 75 * i).scaleb(-2)


def django_created(i: int) -> datetime:
    """An aware UTC moment (USE_TZ): every other one with microseconds."""
    return (at(i) + timedelta(microseconds=654_321 * (i % 2))).replace(tzinfo=UTC)


def django(path: Path, rows: int = 20) -> Path:
    """A Django project's SQLite database (``manage.py migrate`` then the app's rows).

    Django's SQLite backend stores an aware datetime as naive UTC ``str()`` (``2025-05-20
    08:42:00.654321``, no fraction when it is 0); rows written by a data migration with
    ``.isoformat(" ")`` of aware values carry ``+00:00``. A ``decimal`` column has NUMERIC affinity,
    so SQLite keeps the bound text ``'12.50'`` as the REAL 12.5 and ``'13.00'`` as the INTEGER 13.
    """
    ddl = [
        'CREATE TABLE "django_migrations" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"app" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "applied" datetime NOT NULL)',
        'CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"password" varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, '
        '"username" varchar(150) NOT NULL UNIQUE, "email" varchar(254) NOT NULL, '
        '"is_active" bool NOT NULL, "date_joined" datetime NOT NULL)',
        'CREATE TABLE "helpdesk_ticket" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"uuid" char(32) NOT NULL UNIQUE, "title" varchar(200) NOT NULL, "is_open" bool NOT NULL, '
        '"amount" decimal NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NULL, '
        '"due_on" date NULL, "payload" text NULL CHECK ((JSON_VALID("payload") OR "payload" IS NULL)), '
        '"assignee_id" integer NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED)',
        'CREATE INDEX "helpdesk_ticket_assignee_id_idx" ON "helpdesk_ticket" ("assignee_id")',
    ]
    migrations = [
        (k + 1, app, name, str(datetime(2025, 1, 2, 3, 4, 5, 10 * k)))
        for k, (app, name) in enumerate(
            [("contenttypes", "0001_initial"), ("auth", "0001_initial"), ("helpdesk", "0001_initial")]
        )
    ]
    users = [
        (
            i + 1,
            f"pbkdf2_sha256$870000${i}abc$hash{i}=",
            None if i % 2 else str(at(i).replace(microsecond=12)),
            int(i == 0),
            f"user{i}",
            "" if i % 3 == 2 else f"user{i}@example.com",
            int(i % 4 != 3),
            str(at(-10 + i)),
        )
        for i in range(5)
    ]
    tickets = [
        (
            i + 1,
            uuid_for(i).hex,
            f"Ticket {i}",
            int(i % 3 != 0),
            str(django_amount(i)),
            str(django_created(i).replace(tzinfo=None)),
            None if i % 4 == 0 else django_created(i).isoformat(" "),
            None if i % 2 else (at(i).date() + timedelta(days=3)).isoformat(),
            None if i % 5 == 0 else f'{{"k": {i}, "tags": ["a", "b"]}}',
            None if i % 6 == 0 else 1 + i % 5,
        )
        for i in range(rows)
    ]
    return write_export(
        path, ddl, {"django_migrations": migrations, "auth_user": users, "helpdesk_ticket": tickets}
    )


def rails_time(moment: datetime) -> str:
    """ActiveRecord's ``datetime(6)`` text on SQLite: always six fraction digits."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def rails(path: Path, rows: int = 20) -> Path:
    """A Rails app's SQLite database: an old table whose booleans are ``'t'``/``'f'`` (before
    ``represent_boolean_as_integer``), a new one with 1/0, ``decimal(10,2)`` prices."""
    ddl = [
        'CREATE TABLE "schema_migrations" ("version" varchar NOT NULL PRIMARY KEY)',
        'CREATE TABLE "ar_internal_metadata" ("key" varchar NOT NULL PRIMARY KEY, "value" varchar, '
        '"created_at" datetime(6) NOT NULL, "updated_at" datetime(6) NOT NULL)',
        'CREATE TABLE "tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject" varchar, '
        '"urgent" boolean DEFAULT 0 NOT NULL, "price" decimal(10,2), "created_at" datetime(6) NOT NULL, '
        '"updated_at" datetime(6) NOT NULL)',
        'CREATE TABLE "legacy_tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, '
        '"subject" varchar(255), "closed" boolean DEFAULT \'f\', "created_at" datetime)',
    ]
    versions = [(v,) for v in ("20250102030405", "20250301120000", "20250520084200")]
    metadata = [
        ("environment", "production", rails_time(at(0)), rails_time(at(0))),
        ("schema_sha1", "0123456789abcdef0123456789abcdef01234567", rails_time(at(1)), rails_time(at(1))),
    ]
    tickets = [
        (
            i + 1,
            f"Ticket {i}",
            int(i % 4 == 0),
            None if i % 5 == 4 else str(Decimal(999 + 250 * i).scaleb(-2)),
            rails_time(at(i) + timedelta(microseconds=i * 1001)),
            rails_time(at(i) + timedelta(hours=2)),
        )
        for i in range(rows)
    ]
    legacy = [
        (i + 1, f"Old ticket {i}", None if i % 7 == 6 else ("t" if i % 2 else "f"), str(at(-100 + i)))
        for i in range(rows)
    ]
    return write_export(
        path,
        ddl,
        {
            "schema_migrations": versions,
            "ar_internal_metadata": metadata,
            "tickets": tickets,
            "legacy_tickets": legacy,
        },
    )


def ef_decimal(value: Decimal) -> str:
    """Microsoft.Data.Sqlite's text of a decimal: ``0.0###…`` (at least one fraction digit)."""
    text = format(value.normalize(), "f")
    return text if "." in text else text + ".0"


def ef_amount(i: int) -> Decimal:
    return Decimal(1250 + 75 * i).scaleb(-2)


def ef_datetime(moment: datetime, ticks: int = 0) -> str:
    """A DateTime as EF Core writes it: ``yyyy-MM-dd HH:mm:ss.FFFFFFF`` (trailing zeros dropped)."""
    text = moment.strftime("%Y-%m-%d %H:%M:%S")
    fraction = f"{moment.microsecond * 10 + ticks:07d}".rstrip("0")
    return f"{text}.{fraction}" if fraction else text


#: The offsets of EF Core's DateTimeOffset values (a user's local time, as the app received it).
EF_OFFSETS = (timedelta(hours=2), timedelta(0), timedelta(hours=-5), timedelta(hours=5, minutes=30))


def ef_opened(i: int) -> datetime:
    """Row ``i``'s DateTimeOffset (an aware moment in one of :data:`EF_OFFSETS`)."""
    return at(i).replace(tzinfo=timezone(EF_OFFSETS[i % len(EF_OFFSETS)]))


def ef_offset_text(moment: datetime) -> str:
    """``yyyy-MM-dd HH:mm:ss.FFFFFFFzzz``: ``2025-05-20 08:42:00+02:00``."""
    offset = moment.utcoffset()
    assert offset is not None
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{ef_datetime(moment.replace(tzinfo=None))}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def ef_core(path: Path, rows: int = 20) -> Path:
    """An EF Core (Microsoft.Data.Sqlite) database after ``dotnet ef database update``."""
    ddl = [
        'CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL CONSTRAINT '
        '"PK___EFMigrationsHistory" PRIMARY KEY, "ProductVersion" TEXT NOT NULL)',
        'CREATE TABLE "Customers" ("Id" TEXT NOT NULL CONSTRAINT "PK_Customers" PRIMARY KEY, '
        '"Name" TEXT NOT NULL, "CreditLimit" TEXT NULL)',
        'CREATE TABLE "Tickets" ("Id" TEXT NOT NULL CONSTRAINT "PK_Tickets" PRIMARY KEY, '
        '"CustomerId" TEXT NOT NULL, "Title" TEXT NOT NULL, "Amount" TEXT NOT NULL, '
        '"IsOpen" INTEGER NOT NULL, "CreatedAt" TEXT NOT NULL, "OpenedAt" TEXT NOT NULL, '
        '"Duration" TEXT NULL, "RowVersion" BLOB NULL, '
        'CONSTRAINT "FK_Tickets_Customers_CustomerId" FOREIGN KEY ("CustomerId") '
        'REFERENCES "Customers" ("Id") ON DELETE CASCADE)',
        'CREATE INDEX "IX_Tickets_CustomerId" ON "Tickets" ("CustomerId")',
    ]
    history = [("20250520084200_Initial", "8.0.11"), ("20250601090000_AddDuration", "8.0.11")]
    customers = [
        (str(uuid_for(1000 + c)).upper(), f"Customer {c}", None if c == 2 else ef_decimal(Decimal(5000 * c)))
        for c in range(4)
    ]
    tickets = [
        (
            str(uuid_for(i)).upper(),
            str(uuid_for(1000 + i % 4)).upper(),
            f"Ticket {i}",
            ef_decimal(ef_amount(i)),
            int(i % 3 != 0),
            ef_datetime(at(i), ticks=7 * (i % 3 == 2)),
            ef_offset_text(ef_opened(i)),
            None if i % 4 == 0 else f"{i % 24:02d}:{(i * 7) % 60:02d}:00",
            bytes([0, 0, 0, 0, 0, 0, 7, i]),
        )
        for i in range(rows)
    ]
    return write_export(
        path,
        ddl,
        {"__EFMigrationsHistory": history, "Customers": customers, "Tickets": tickets},
        bytes_as_text=False,  # EF Core's rowversion: a BLOB
    )


def dates_of(values: Sequence[str]) -> list[date]:
    """ISO date text as dates (a test's expectation of a typed column)."""
    return [date.fromisoformat(v) for v in values]


# --- DuckDB's own SQLite writer ----------------------------------------------------------------------

#: The zone the DuckDB session writing :func:`duckdb_export` is in: TIMESTAMPTZ text carries its offset.
DUCKDB_ZONE = "America/New_York"


def duckdb_amount(i: int) -> Decimal:
    """Row ``i``'s ``DECIMAL(10,2)`` amount (whole amounts among them: ``20.00``)."""
    return Decimal(1250 * i + 5 * (i % 7 != 0) * i) / 100


def duckdb_rate(i: int) -> Decimal:
    """Row ``i``'s ``DECIMAL(12,4)`` rate (below 1, so no value reads as thousands grouped by a point)."""
    return Decimal(i * 37 % 10_000) / 10_000


def duckdb_opened(i: int) -> datetime:
    """Row ``i``'s ``TIMESTAMP`` (every third with microseconds)."""
    return at(i) + timedelta(microseconds=1234 * i * (i % 3 == 1))


def duckdb_slot(i: int) -> time:
    """Row ``i``'s ``TIME``: 08:00 plus ``i`` times 7 minutes."""
    return (datetime(2025, 1, 1, 8) + timedelta(minutes=7 * i)).time()


def duckdb_ratio(i: int) -> float:
    """Row ``i``'s ``DOUBLE``: NaN every 11th (DuckDB writes NULL), infinity every 13th, else ``i / 3``."""
    return math.nan if i % 11 == 0 else math.inf if i % 13 == 0 else i / 3


def duckdb_row(i: int) -> tuple[Any, ...]:
    """Row ``i`` of :func:`duckdb_export`'s ``tickets`` as the Python values DuckDB binds."""
    return (
        i,
        f"{i * 37 % 1000:05d}",
        duckdb_amount(i),
        duckdb_rate(i),
        date(2025, 5, 20) + timedelta(days=i),
        duckdb_opened(i),
        at(i).replace(tzinfo=UTC),
        i % 3 == 0,
        2**64 - 616 + i,
        i * 10**21,
        uuid_for(i),
        duckdb_slot(i),
        [i, i + 1],
        None if i % 5 == 0 else f"Caf\u00e9\u00a0no {i}",
        duckdb_ratio(i),
        i / 3,
        f"bytes {i}".encode(),
    )


def duckdb_export(path: Path, rows: int = 40) -> Path:
    """An export a data engineer wrote with DuckDB itself (``ATTACH 'x.db' (TYPE sqlite)``, then
    ``CREATE TABLE x.t AS SELECT``): the sqlite extension's own writer, not an imitation of it. It
    declares ``BIGINT``, ``DOUBLE``, ``BLOB`` and ``VARCHAR`` only: a ``DECIMAL`` is its text
    (``12.50``; ``20.00`` keeps its zeros), a ``DATE`` ``2025-05-20``, a ``TIMESTAMP`` ``2025-05-20
    08:42:00`` (``.001234`` when there are microseconds), a ``TIMESTAMPTZ`` the session zone's wall clock
    with its offset (``2025-05-20 04:42:00-04``), a ``BOOLEAN`` the INTEGER 0/1, a ``UBIGINT`` past
    int64 and a ``HUGEINT`` their digits, a ``UUID`` its text, a ``TIME`` ``08:42:00``, a list
    ``[1, 2]``, a NaN double NULL, an infinite one the REAL infinity and a ``FLOAT`` its exact double.
    No key or reference is declared: ``lines.ticket_no`` names ``tickets.ticket_no`` in the data only."""
    from columnar_etl.source.duckdb_reader import (
        connect_duckdb,  # the installed extension, as the product loads it
    )

    con = connect_duckdb()
    try:
        con.execute(f"SET TimeZone = '{DUCKDB_ZONE}'")
        con.execute(
            """CREATE TEMP TABLE tickets (ticket_no BIGINT, store_code VARCHAR, amount DECIMAL(10, 2),
            rate DECIMAL(12, 4), due DATE, opened TIMESTAMP, opened_utc TIMESTAMPTZ, escalated BOOLEAN,
            serial UBIGINT, counter HUGEINT, ref UUID, slot TIME, tags BIGINT[], note VARCHAR,
            ratio DOUBLE, ratio32 FLOAT, payload BLOB)"""
        )
        con.executemany(
            f"INSERT INTO tickets VALUES ({', '.join(['?'] * 17)})",
            [duckdb_row(i) for i in range(1, rows + 1)],
        )
        con.execute(f"ATTACH '{path}' AS out (TYPE sqlite)")
        con.execute("CREATE TABLE out.tickets AS SELECT * FROM tickets ORDER BY ticket_no")
        con.execute(
            f"""CREATE TABLE out.lines AS
            SELECT i AS line_no, 1 + i % {rows} AS ticket_no, i * 2 AS qty
            FROM range(1, {3 * rows + 1}) t(i)"""
        )
    finally:
        con.close()
    return path
