"""Small but faithful SQLite files as converters write them from another database (test data only).

A help desk leaving PostgreSQL, SQL Server, Oracle, Firebird or Access hands over a SQLite file made by a
converter. None of those databases runs here, so each builder writes, with Python's ``sqlite3`` through
:func:`tests.other_products.write_export`, the DDL the converter emits and the values as the source
database's text output (or its driver) gives them; SQLite's column affinity then does to each value what
it does to the converter's. Nothing is random: every value comes from the row's number.

- :func:`postgres_declared`: ``pg_dump`` text through a converter keeping PostgreSQL's declared types
  (pg2sqlite, DBeaver's data transfer): booleans ``t``/``f``, ``timestamptz`` text
  ``2024-05-20 08:42:00.123+02`` (PostgreSQL writes an offset of whole hours as its hours only, and
  drops a fraction's trailing zeros), ``interval`` ``1 day 02:00:00``, arrays ``{1,2,3}`` /
  ``{"a b",NULL}``, ``uuid``, ``money`` ``$1,234.50`` (``lc_monetary`` en_US), ``bytea`` as hex text
  ``\\x0102ff``, ``numeric`` of 30+ digits (NUMERIC affinity keeps 15 digits of it as REAL: the
  converter's loss, not ours), ``inet``, ``jsonb`` text, ``infinity`` / ``-infinity`` timestamps,
  ``NaN`` numerics. :func:`postgres_text`: the same values through ``psql \\copy ... CSV`` and
  ``sqlite3 .import`` (every column TEXT, every digit kept).
- :func:`sqlserver`: SSMS / ``bcp -c`` character output imported by ``sqlite3 .import`` (every column
  TEXT): ``datetime2`` ``2024-05-20 08:42:00.1234567`` (seven digits, always), ``datetime``
  ``2024-05-20 08:42:00.123``, ``datetimeoffset`` ``2024-05-20 08:42:00.1234567 +02:00``, ``bit`` 0/1,
  ``uniqueidentifier`` upper case (bcp's, and .NET's ``{...}`` "B" form), ``money`` ``1234.5000``,
  ``smalldatetime`` ``2024-05-20 08:42:00``, ``date``, ``time(7)``; NULL as an empty field and an
  empty string as a NUL byte (bcp's). :func:`sqlserver_declared`: the
  same through a converter keeping SQL Server's declared types.
- :func:`oracle`: Oracle SQL Developer's CSV export under the default American NLS settings, imported
  by ``sqlite3 .import``: ``DATE`` ``20-MAY-24`` (``DD-MON-RR``), ``TIMESTAMP``
  ``20-MAY-24 08.42.00.123000 AM`` (``DD-MON-RR HH.MI.SSXFF AM``), ``NUMBER`` without scale
  (``1234.5``, ``.5``, ``-.25``), NULL as ``''`` (Oracle has no empty string), ``RAW`` as upper-case hex;
  :func:`oracle_declared`: the same imported into tables of Oracle's declared types.
- :func:`access`: an Access database copied by a VBA/DAO script: ``Yes/No`` as ``-1``/``0``
  (``CInt(True)``), dates as Access SQL literals ``#5/20/2024#``, ``Currency`` as REAL.
- :func:`firebird`: a Firebird 3 database through DBeaver's transfer: ``BLOB SUB_TYPE TEXT`` columns
  holding TEXT cells, ``BOOLEAN`` ``TRUE``/``FALSE`` text, ``TIMESTAMP`` with Firebird's four fraction
  digits (1/10000 s: ``2024-05-20 08:42:00.1230``), ``NUMERIC(18,4)``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from tests.other_products import write_export

FIRST = datetime(2024, 5, 20, 8, 42, 0, 123_000, tzinfo=UTC)
ROWS = 24


def moment(i: int) -> datetime:
    """Row ``i``'s instant: 2024-05-20 08:42:00.123 UTC plus ``i`` times 7 h 13 min 0.017 s."""
    return FIRST + timedelta(minutes=433 * i, milliseconds=17 * i)


def ticks(i: int) -> int:
    """Row ``i``'s 100-nanosecond ticks within its second (SQL Server's seven digits), never a whole
    microsecond (each would be rounded by a microsecond type)."""
    return (1_234_567 + 7_654_321 * i) % 10_000_000 | 1


# --- PostgreSQL --------------------------------------------------------------------------------------

#: Offsets the session's TimeZone gives rows (whole hours: PostgreSQL writes ``+02``, not ``+02:00``).
PG_OFFSETS = (timedelta(hours=2), timedelta(0), timedelta(hours=-5), timedelta(hours=5, minutes=30))


def pg_timestamptz(at: datetime, offset: timedelta) -> str:
    """PostgreSQL's text of a timestamptz (DateStyle ISO): trailing fraction zeros dropped, the offset
    as ``+HH`` when whole hours, ``+HH:MM`` otherwise."""
    local = at.astimezone(timezone(offset))
    text = f"{local:%Y-%m-%d %H:%M:%S}"
    if local.microsecond:
        text += f".{local.microsecond:06d}".rstrip("0")
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    text += f"{sign}{abs(minutes) // 60:02d}"
    if abs(minutes) % 60:
        text += f":{abs(minutes) % 60:02d}"
    return text


def pg_interval(i: int) -> str:
    """PostgreSQL's text of an interval (IntervalStyle postgres)."""
    return ("1 day 02:00:00", "02:30:00", "3 days", "-00:05:00", "1 mon 2 days 03:04:05", "00:00:01.5")[i % 6]


def pg_array(i: int) -> str:
    return ("{1,2,3}", '{"a b",NULL}', "{}", '{"x,y","q\\"uote"}')[i % 4]


def pg_money_cents(i: int) -> int:
    return (123_450 + 1_013 * i) * (-1 if i % 7 == 3 else 1)


def pg_money(i: int) -> str:
    """``money`` under ``lc_monetary = 'en_US.UTF-8'``: ``$1,234.50``, ``-$1,264.89``."""
    cents = pg_money_cents(i)
    return f"{'-' if cents < 0 else ''}${abs(cents) // 100:,}.{abs(cents) % 100:02d}"


def pg_bytes(i: int) -> bytes:
    return bytes([1, 2, 255, i])


def pg_bytea(i: int) -> str:
    """``bytea`` under ``bytea_output = 'hex'`` (the default since 9.0)."""
    return "\\x" + pg_bytes(i).hex()


def pg_big_numeric(i: int) -> str:
    """A ``numeric`` of 31 whole digits and 9 fraction digits, no double holds it."""
    return f"1234567890123456789012345678{i:03d}.123456789"


def pg_inet(i: int) -> str:
    return ("192.168.0.1", "10.0.0.0/8", "::1", "2001:db8::/32")[i % 4]


def pg_jsonb(i: int) -> str:
    """jsonb's text: keys sorted by length then bytes, a space after ``:`` and ``,``."""
    return f'{{"a": {i}, "tags": ["x", null], "open": {"true" if i % 2 else "false"}}}'


def pg_due(i: int) -> str:
    """A ``timestamp`` (no zone) with PostgreSQL's ``infinity`` / ``-infinity`` among real ones."""
    if i % 8 == 5:
        return "infinity"
    if i % 8 == 6:
        return "-infinity"
    local = moment(i).replace(tzinfo=None) + timedelta(days=2)
    return f"{local:%Y-%m-%d %H:%M:%S}"


def pg_score(i: int) -> str:
    """A ``numeric`` with ``NaN`` among numbers."""
    return "NaN" if i % 5 == 2 else f"{i * 3 + 1}.25"


def _pg_row(i: int) -> tuple[object, ...]:
    return (
        i + 1,
        str(uuid.UUID(int=0x6F9619FF8B86D011B42D00C04FC964FF + i)),
        "t" if i % 3 else "f",
        pg_timestamptz(moment(i), PG_OFFSETS[i % len(PG_OFFSETS)]),
        pg_interval(i),
        pg_array(i),
        pg_money(i),
        pg_bytea(i),
        pg_big_numeric(i),
        pg_inet(i),
        pg_jsonb(i),
        pg_due(i),
        pg_score(i),
    )


PG_COLUMNS = (
    "id", "ref", "is_open", "created_at", "resolve_time", "tags", "price", "attachment", "big_amount",
    "client_ip", "payload", "due_at", "score",
)  # fmt: skip


def postgres_declared(path: Path, rows: int = ROWS) -> Path:
    """PostgreSQL's declared types kept by the converter (pg2sqlite, DBeaver), its text values bound."""
    ddl = [
        'CREATE TABLE "tickets" ("id" integer PRIMARY KEY, "ref" uuid NOT NULL, "is_open" boolean, '
        '"created_at" timestamp with time zone, "resolve_time" interval, "tags" text[], "price" money, '
        '"attachment" bytea, "big_amount" numeric(40,9), "client_ip" inet, "payload" jsonb, '
        '"due_at" timestamp without time zone, "score" numeric)'
    ]
    return write_export(path, ddl, {"tickets": [_pg_row(i) for i in range(rows)]})


def postgres_text(path: Path, rows: int = ROWS) -> Path:
    """``\\copy tickets TO 'tickets.csv' CSV HEADER`` then ``sqlite3 .import``: every column TEXT."""
    ddl = ["CREATE TABLE tickets(" + ", ".join(f'"{c}" TEXT' for c in PG_COLUMNS) + ")"]
    data = [tuple(str(v) for v in _pg_row(i)) for i in range(rows)]
    return write_export(path, ddl, {"tickets": data})


# --- SQL Server --------------------------------------------------------------------------------------


def ms_datetime2(at: datetime, tick: int) -> str:
    """``datetime2(7)``'s text: always seven fraction digits."""
    return f"{at:%Y-%m-%d %H:%M:%S}.{tick:07d}"


def ms_datetime(at: datetime) -> str:
    """``datetime``'s text: milliseconds, three digits (in 1/300 s steps: .000, .003, .007, .010 ...)."""
    return f"{at:%Y-%m-%d %H:%M:%S}.{at.microsecond // 1000:03d}"


def ms_datetimeoffset(at: datetime, tick: int, offset: timedelta) -> str:
    local = at.astimezone(timezone(offset))
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{ms_datetime2(local, tick)} {sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def ms_guid(i: int, braces: bool) -> str:
    text = str(uuid.UUID(int=0x6F9619FF8B86D011B42D00C04FC964FF + i)).upper()
    return "{" + text + "}" if braces else text


def ms_money(i: int) -> str:
    """``money``'s text: four fraction digits."""
    cents = 123_450 + 1_013 * i
    return f"{'-' if i % 7 == 3 else ''}{cents // 100}.{cents % 100:02d}00"


MS_OFFSETS = (timedelta(hours=2), timedelta(0), timedelta(hours=-8), timedelta(hours=5, minutes=30))


def ms_wall(i: int) -> datetime:
    """Row ``i``'s wall-clock time (whole seconds; the fraction comes from :func:`ticks`)."""
    return moment(i).replace(tzinfo=None, microsecond=0)


def sqlserver(path: Path, rows: int = ROWS) -> Path:
    """SSMS "Save Results As" / ``bcp -c`` output, ``sqlite3 .import``: every column TEXT, NULL empty."""
    columns = (
        "TicketID", "TicketGuid", "ExternalGuid", "IsClosed", "CreatedAt", "LoggedAt", "ChangedAt",
        "Amount", "DueAt", "DueDate", "WorkTime", "Archived", "Comment",
    )  # fmt: skip
    ddl = ["CREATE TABLE Tickets(" + ", ".join(f'"{c}" TEXT' for c in columns) + ")"]
    data = []
    for i in range(rows):
        wall = ms_wall(i)
        data.append(
            (
                str(1000 + i),
                ms_guid(i, braces=False),
                ms_guid(i, braces=True),
                str(i % 2),
                ms_datetime2(wall, ticks(i)),
                ms_datetime(moment(i).replace(tzinfo=None)),
                ms_datetimeoffset(moment(i), ticks(i), MS_OFFSETS[i % len(MS_OFFSETS)]),
                ms_money(i),
                f"{wall + timedelta(days=1):%Y-%m-%d %H:%M}:00",  # smalldatetime: whole minutes
                f"{wall.date() + timedelta(days=3)}",
                f"{wall:%H:%M:%S}.{ticks(i):07d}",  # time(7)
                "" if i % 4 == 1 else ms_datetime2(wall, 0),  # datetime2 of whole seconds: .0000000
                ms_comment(i),
            )
        )
    return write_export(path, ddl, {"Tickets": data})


def ms_comment(i: int) -> str:
    """``bcp -c`` writes NULL as an empty field and an empty string as one NUL byte."""
    return ("", "\x00", f"Reply {i}")[i % 3]


def sqlserver_declared(path: Path, rows: int = ROWS) -> Path:
    """The same values through a converter keeping SQL Server's declared types (DBeaver, SSMA-style DDL):
    NUMERIC affinity makes ``bit`` 0/1 and ``money`` numbers; the date/time text stays TEXT."""
    ddl = [
        'CREATE TABLE "Tickets" ("TicketID" int PRIMARY KEY, "TicketGuid" uniqueidentifier, "IsClosed" bit, '
        '"CreatedAt" datetime2(7), "LoggedAt" datetime, "ChangedAt" datetimeoffset(7), "Amount" money, '
        '"DueAt" smalldatetime, "WorkTime" time(7), "Archived" datetimeoffset(7), "Opens" time)'
    ]
    data = []
    for i in range(rows):
        wall, offset = ms_wall(i), MS_OFFSETS[i % len(MS_OFFSETS)]
        data.append(
            (
                1000 + i,
                ms_guid(i, braces=False),
                i % 2,
                ms_datetime2(wall, ticks(i)),
                ms_datetime(moment(i).replace(tzinfo=None)),
                ms_datetimeoffset(moment(i), ticks(i), offset),
                ms_money(i),
                f"{wall + timedelta(days=1):%Y-%m-%d %H:%M}:00",
                f"{wall:%H:%M:%S}.{ticks(i):07d}",
                ms_datetimeoffset(moment(i).replace(microsecond=0), 0, offset),  # whole seconds: .0000000
                f"{wall:%H:%M:%S}",
            )
        )
    return write_export(path, ddl, {"Tickets": data})


# --- Oracle ------------------------------------------------------------------------------------------

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def ora_date(day: date) -> str:
    """``DD-MON-RR``: ``20-MAY-24``."""
    return f"{day.day:02d}-{MONTHS[day.month - 1]}-{day.year % 100:02d}"


def ora_timestamp(at: datetime) -> str:
    """``DD-MON-RR HH.MI.SSXFF AM`` of a ``TIMESTAMP(6)``: ``20-MAY-24 08.42.00.123000 PM``."""
    hour = at.hour % 12 or 12
    return (
        f"{ora_date(at.date())} {hour:02d}.{at:%M.%S}.{at.microsecond:06d} {'AM' if at.hour < 12 else 'PM'}"
    )


def ora_number(i: int) -> str:
    """A ``NUMBER`` without scale as Oracle writes it: no leading zero, no trailing zeros."""
    value = Decimal(i * 37 - 200).scaleb(-2).normalize()
    text = format(value, "f")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def ora_raw(i: int) -> str:
    """``RAW(4)`` as SQL Developer shows it: upper-case hex; some of them all digits."""
    return bytes([0, 1, i, 9 if i % 2 else 0xAB]).hex().upper()


def ora_when(i: int) -> datetime:
    return moment(i).replace(tzinfo=None) - timedelta(days=9000 * (i % 4 == 0))


def oracle(path: Path, rows: int = ROWS) -> Path:
    """SQL Developer's CSV export (default NLS: AMERICA), ``sqlite3 .import``: TEXT, NULL as ``''``."""
    columns = ("TICKET_ID", "OPENED_ON", "CREATED_TS", "AMOUNT", "NOTE", "TOKEN")
    ddl = ["CREATE TABLE TICKETS(" + ", ".join(f'"{c}" TEXT' for c in columns) + ")"]
    data = [
        (
            str(i + 1),
            ora_date(ora_when(i).date()),
            ora_timestamp(ora_when(i)),
            ora_number(i),
            "" if i % 3 == 2 else f"Note {i}",
            ora_raw(i),
        )
        for i in range(rows)
    ]
    return write_export(path, ddl, {"TICKETS": data})


def oracle_declared(path: Path, rows: int = ROWS) -> Path:
    """The same CSV imported into tables created from Oracle's own DDL (``DATE``, ``TIMESTAMP(6)``,
    ``NUMBER``, ``VARCHAR2``, ``RAW``): NUMERIC affinity makes its numbers REAL or INTEGER, the dates
    stay TEXT as Oracle wrote them."""
    ddl = [
        'CREATE TABLE "TICKETS" ("TICKET_ID" NUMBER(10) PRIMARY KEY, "OPENED_ON" DATE, '
        '"CREATED_TS" TIMESTAMP(6), "AMOUNT" NUMBER, "NOTE" VARCHAR2(200), "TOKEN" RAW(4))'
    ]
    data = [
        (
            i + 1,
            ora_date(ora_when(i).date()),
            ora_timestamp(ora_when(i)),
            ora_number(i),
            f"Note {i}",
            ora_raw(i),
        )
        for i in range(rows)
    ]
    return write_export(path, ddl, {"TICKETS": data})


# --- Access and Firebird -----------------------------------------------------------------------------


def access_date(day: date) -> str:
    """An Access SQL date literal (``#m/d/yyyy#``), as a VBA script that built INSERTs wrote it."""
    return f"#{day.month}/{day.day}/{day.year}#"


def access(path: Path, rows: int = ROWS) -> Path:
    """An Access database copied by a DAO script: Yes/No as ``CInt`` (-1/0), dates as literals."""
    ddl = [
        "CREATE TABLE Tickets (ID INTEGER PRIMARY KEY, Urgent YESNO, Closed BOOLEAN, Opened TEXT, "
        "Fee CURRENCY, Title TEXT)"
    ]
    data = [
        (
            i + 1,
            -1 if i % 3 else 0,
            -1 if i % 2 else 0,
            access_date(ora_when(i).date()),
            (12_345 + 250 * i) / 100,
            f"Ticket {i}",
        )
        for i in range(rows)
    ]
    return write_export(path, ddl, {"Tickets": data})


def fb_timestamp(at: datetime) -> str:
    """Firebird's ``TIMESTAMP`` text: four fraction digits (1/10000 s)."""
    return f"{at:%Y-%m-%d %H:%M:%S}.{at.microsecond // 100:04d}"


def fb_body(i: int) -> str:
    return f"Line one of ticket {i}\r\nLine two — ünïcödé\r\n" * (1 + i % 3)


def firebird(path: Path, rows: int = ROWS) -> Path:
    """A Firebird 3 database through DBeaver's data transfer, Firebird's declared types kept."""
    ddl = [
        'CREATE TABLE "TICKETS" ("ID" INTEGER NOT NULL PRIMARY KEY, "BODY" BLOB SUB_TYPE TEXT, '
        '"IS_OPEN" BOOLEAN, "CREATED" TIMESTAMP, "AMOUNT" NUMERIC(18,4))'
    ]
    data = [
        (
            i + 1,
            fb_body(i),
            "TRUE" if i % 2 else "FALSE",
            fb_timestamp(moment(i).replace(tzinfo=None)),
            f"{1234 + i}.{(i * 1250) % 10000:04d}",
        )
        for i in range(rows)
    ]
    return write_export(path, ddl, {"TICKETS": data})
