"""Small but faithful SQLite tables of the logs, audit trails and telemetry a help desk exports beside its
tickets (test data only).

Each builder writes, with Python's ``sqlite3`` through :func:`tests.other_products.write_export`, what
the usual conversion leaves: a CSV imported all-TEXT (``sqlite-utils insert --csv``: every column TEXT,
blanks as ``''``) or the same data typed (INTEGER, REAL). The spellings are the tools' own:

- :func:`access_logs`: Apache's and nginx's combined format split into columns: ``%t`` / ``[$time_local]``
  ``[20/May/2024:08:42:03 +0200]`` (and without its brackets), the request line, ``%>s`` status codes,
  ``%b`` bytes (``-`` for none), nginx's ``$upstream_status`` (``-`` when no upstream was asked),
  ``$request_time`` (seconds, milliseconds resolution: ``0.123``), IPv4 and IPv6 addresses, user agents.
- :func:`syslog`: RFC 3164 ``May 20 08:42:03`` (no year; the day space-padded: ``May  5``), RFC 5424
  ``2024-05-20T08:42:03.123456+02:00``, journald's ``__REALTIME_TIMESTAMP`` (microseconds since the
  epoch, UTC, as a decimal string) and ``__MONOTONIC_TIMESTAMP`` (microseconds since boot).
- :func:`audit_trail`: ISO 8601 durations (``PT2H30M``, ``P1DT2H``), week dates (``2024-W21-1``),
  ordinal dates (``2024-141``), times of day alone (``08:42``, ``08:42:03.5``, ``24:00``), intervals
  (``2024-05-20/2024-05-27``), SLA minutes.
- :func:`business_hours`: the typed tables beside the audit trail: Django's ``TimeField`` (declared
  ``time``, ``str(datetime.time)``: ``08:30:00``, ``08:42:03.500000``) for shifts, and a schema copied
  from PostgreSQL with its declared ``INTERVAL`` (PostgreSQL's text of one: ``02:30:00``, ``1 day
  02:00:00``; ``P1DT2H`` under ``intervalstyle = iso_8601``).
- :func:`telemetry`: floats as text (``1e-7``, ``-0.0``, ``NaN``, ``Infinity``, ``inf``), counters near
  2^63 and 2^64 (uint64), hex ids (``0x1A2B``), Prometheus label sets, JSON lines, CSV in a cell; and the
  typed table a collector's SQLite sink writes (REAL, INTEGER).

Nothing is random: every value comes from the row's number.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from tests.other_products import write_export

ROWS = 12
#: The first entry's instant and the step between entries.
FIRST = datetime(2024, 5, 20, 8, 42, 3, tzinfo=UTC)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: The server's UTC offsets, one per row in turn (a fleet across zones; +05:45 is Nepal's).
OFFSETS = (timedelta(hours=2), timedelta(0), timedelta(hours=-7), timedelta(hours=5, minutes=45))


def instant(i: int) -> datetime:
    """Row ``i``'s instant: 2024-05-20 08:42:03 UTC plus ``i`` times 1 day 7 h 13 min 0.123456 s."""
    return FIRST + timedelta(days=i, minutes=433 * i, microseconds=123_456 * i)


def offset(i: int) -> timedelta:
    return OFFSETS[i % len(OFFSETS)]


def _offset_text(delta: timedelta, colon: bool) -> str:
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{':' if colon else ''}{abs(minutes) % 60:02d}"


def clf_time(i: int) -> str:
    """Common Log Format's time (Apache ``%t`` inside its brackets, nginx ``$time_local``), whole seconds,
    at the row's server offset: ``20/May/2024:10:42:03 +0200``."""
    local = instant(i).replace(microsecond=0).astimezone(timezone(offset(i)))
    zone = _offset_text(offset(i), False)
    return f"{local.day:02d}/{MONTHS[local.month - 1]}/{local.year}:{local:%H:%M:%S} {zone}"


def clf_instant(i: int) -> datetime:
    return instant(i).replace(microsecond=0)


IPS = ("192.0.2.10", "::1", "2001:db8::1", "198.51.100.7", "127.0.0.1", "2001:db8:85a3::8a2e:370:7334")
AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Safari/537.36",
    "curl/8.5.0",
    "-",
    'Zabbix "agent" 6.0; ünïcödé',
)
PATHS = ("/api/v2/tickets?page=2&per_page=100", "/favicon.ico", "/login", "/tickets/42/comments")


def status(i: int) -> int:
    return (200, 304, 404, 502, 200, 301)[i % 6]


def body_bytes(i: int) -> int | None:
    """``%b``'s bytes: none (``-``) for a 304."""
    return None if status(i) == 304 else 512 * i + 17


def request_time(i: int) -> str:
    """nginx's ``$request_time``: seconds with a milliseconds resolution."""
    return f"{i * 0.137 + 0.001:.3f}"


def upstream_status(i: int) -> str:
    """``-`` when no upstream answered (a 304 served from cache, a 404 on a static file)."""
    return "-" if status(i) in (304, 404) else str(status(i))


def access_logs(path: Path, rows: int = ROWS) -> Path:
    """``access_csv`` (the log as a CSV imported all-TEXT) and ``access_typed`` (the same, typed)."""
    text_columns = (
        "remote_addr, remote_user, time_local, time_plain, request, status, body_bytes_sent, "
        "http_referer, http_user_agent, request_time, upstream_status"
    )
    ddl = [
        "CREATE TABLE access_csv (" + ", ".join(f"{c.strip()} TEXT" for c in text_columns.split(",")) + ")",
        "CREATE TABLE access_typed (id INTEGER PRIMARY KEY, remote_addr TEXT, time_local TEXT, "
        "status INTEGER, body_bytes_sent INTEGER, request_time REAL, upstream_status TEXT)",
    ]
    csv_rows = []
    typed_rows = []
    for i in range(rows):
        sent = body_bytes(i)
        csv_rows.append(
            (
                IPS[i % len(IPS)],
                "-" if i % 3 else "frank",
                f"[{clf_time(i)}]",
                clf_time(i),
                f"GET {PATHS[i % len(PATHS)]} HTTP/1.1",
                str(status(i)),
                "-" if sent is None else str(sent),
                "-" if i % 2 else "https://help.example.com/tickets",
                AGENTS[i % len(AGENTS)],
                request_time(i),
                upstream_status(i),
            )
        )
        typed_rows.append(
            (
                i + 1,
                IPS[i % len(IPS)],
                clf_time(i),
                status(i),
                sent,
                float(request_time(i)),
                upstream_status(i),
            )
        )
    return write_export(path, ddl, {"access_csv": csv_rows, "access_typed": typed_rows})


# --- syslog / journald -----------------------------------------------------------------------------------


def bsd_time(i: int) -> str:
    """RFC 3164's TIMESTAMP: ``Mmm dd hh:mm:ss``, the day space-padded, no year, the sender's local time."""
    at = instant(i)
    return f"{MONTHS[at.month - 1]} {at.day:2d} {at:%H:%M:%S}"


def rfc5424_time(i: int) -> str:
    """RFC 5424's TIMESTAMP (RFC 3339 with microseconds and the sender's offset)."""
    local = instant(i).astimezone(timezone(offset(i)))
    return local.isoformat(timespec="microseconds")


def realtime_usec(i: int) -> int:
    """journald's ``__REALTIME_TIMESTAMP``: microseconds since the epoch (16 digits)."""
    return (instant(i) - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)


def monotonic_usec(i: int) -> int:
    """``__MONOTONIC_TIMESTAMP``: microseconds since boot (no instant)."""
    return 8_123_456 + 3_600_000_000 * i


def syslog(path: Path, rows: int = ROWS) -> Path:
    """``syslog_csv`` (all TEXT) and ``journal`` (journalctl -o json flattened: the timestamps as
    INTEGER, as a JSON loader binds them)."""
    ddl = [
        "CREATE TABLE syslog_csv (received TEXT, host TEXT, app TEXT, pid TEXT, message TEXT, "
        "rfc5424 TEXT, realtime TEXT, monotonic TEXT)",
        "CREATE TABLE journal (cursor TEXT PRIMARY KEY, __REALTIME_TIMESTAMP INTEGER, "
        "__MONOTONIC_TIMESTAMP INTEGER, _HOSTNAME TEXT, MESSAGE TEXT, PRIORITY TEXT)",
    ]
    csv_rows = [
        (
            bsd_time(i),
            f"helpdesk-{i % 3}",
            ("sshd", "nginx", "helpdesk-worker")[i % 3],
            str(1000 + i),
            f"Accepted publickey for deploy from {IPS[i % len(IPS)]} port {40000 + i} ssh2",
            rfc5424_time(i),
            str(realtime_usec(i)),
            str(monotonic_usec(i)),
        )
        for i in range(rows)
    ]
    journal_rows = [
        (
            f"s=7a3d;i={i:x};b=9f2e;m={monotonic_usec(i):x};t={realtime_usec(i):x};x=1",
            realtime_usec(i),
            monotonic_usec(i),
            f"helpdesk-{i % 3}",
            f"Started Session {i} of user deploy.",
            str(i % 8),
        )
        for i in range(rows)
    ]
    return write_export(path, ddl, {"syslog_csv": csv_rows, "journal": journal_rows})


# --- audit trails -------------------------------------------------------------------------------------------

DURATIONS = ("PT2H30M", "P1DT2H", "PT15M", "PT0S", "P2D", "PT1H0M30.5S")
TIMES_OF_DAY = ("08:42", "08:42:03.5", "24:00", "00:00", "17:30:00", "23:59:59")


def week_date(i: int) -> str:
    """ISO 8601's week date of the row's day: ``2024-W21-1``."""
    year, week, day = instant(i).isocalendar()
    return f"{year}-W{week:02d}-{day}"


def ordinal_date(i: int) -> str:
    """ISO 8601's ordinal date of the row's day: ``2024-141``."""
    at = instant(i)
    return f"{at.year}-{at.timetuple().tm_yday:03d}"


def interval(i: int) -> str:
    start = instant(i).date()
    return f"{start.isoformat()}/{(start + timedelta(days=7)).isoformat()}"


def audit_trail(path: Path, rows: int = ROWS) -> Path:
    """``audit_csv``: every column TEXT, as a help desk's audit export imported from CSV."""
    ddl = [
        "CREATE TABLE audit_csv (event_id TEXT, at TEXT, actor TEXT, action TEXT, sla_breach_after TEXT, "
        "time_spent TEXT, week TEXT, day_of_year TEXT, shift_starts TEXT, shift_ends TEXT, "
        "maintenance_window TEXT, sla_minutes TEXT)",
    ]
    csv_rows = [
        (
            str(1000 + i),
            rfc5424_time(i),
            f"agent{i % 4}@example.com",
            ("ticket.update", "ticket.assign", "sla.pause", "sla.resume")[i % 4],
            DURATIONS[i % len(DURATIONS)],
            DURATIONS[(i + 3) % len(DURATIONS)],
            week_date(i),
            ordinal_date(i),
            TIMES_OF_DAY[i % len(TIMES_OF_DAY)],
            "24:00" if i % 2 else "18:00",
            interval(i),
            str(15 * (i % 5) + 30),
        )
        for i in range(rows)
    ]
    return write_export(path, ddl, {"audit_csv": csv_rows})


#: Django's text of a ``datetime.time`` (``isoformat()``: microseconds only when there are some).
SHIFT_TIMES = ("08:30:00", "17:00:00", "08:42:03.500000", "23:59:59.999999", "00:00:00", "12:15:00")
#: PostgreSQL's text of an interval: ``intervalstyle = postgres`` (the default), then ``iso_8601``.
INTERVALS = ("02:30:00", "1 day 02:00:00", "00:15:00", "P1DT2H", "PT2H30M", "-00:05:00")


def business_hours(path: Path, rows: int = ROWS) -> Path:
    """``helpdesk_shift`` (a Django model: ``id``, ``weekday`` smallint, ``opens`` / ``closes`` time)
    and ``sla_policy`` (``id``, ``name``, ``respond_within`` / ``resolve_within`` interval)."""
    ddl = [
        'CREATE TABLE "helpdesk_shift" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"weekday" smallint unsigned NOT NULL CHECK ("weekday" >= 0), "opens" time NOT NULL, '
        '"closes" time NULL)',
        "CREATE TABLE sla_policy (id INTEGER PRIMARY KEY, name TEXT, respond_within INTERVAL, "
        "resolve_within INTERVAL)",
    ]
    shifts = [
        (i + 1, i % 7, SHIFT_TIMES[i % len(SHIFT_TIMES)], None if i % 5 == 4 else SHIFT_TIMES[(i + 1) % 6])
        for i in range(rows)
    ]
    policies = [
        (
            i + 1,
            f"P{i % 4} {('urgent', 'high', 'normal', 'low')[i % 4]}",
            INTERVALS[i % 6],
            INTERVALS[(i + 3) % 6],
        )
        for i in range(rows)
    ]
    return write_export(path, ddl, {"helpdesk_shift": shifts, "sla_policy": policies})


# --- telemetry ---------------------------------------------------------------------------------------------

FLOAT_TEXTS = (
    "1e-7",
    "-0.0",
    "NaN",
    "Infinity",
    "inf",
    "0.5",
    "-Infinity",
    "1.5E+10",
    "0",
    "-inf",
    "3.25",
    "nan",
)
#: uint64 counters as an exporter writes them: near 2^63 and 2^64 (a wrapped counter would go negative).
COUNTERS = (2**63 - 1, 2**63, 2**63 + 1, 2**64 - 1, 18_446_744_073_709_551_000, 1_000)


def counter(i: int) -> int:
    return COUNTERS[i % len(COUNTERS)] - (i // len(COUNTERS))


def hex_id(i: int) -> str:
    return f"0x{0x1A2B + 4099 * i:X}"


def labels(i: int) -> str:
    return f'{{env="prod",instance="helpdesk-{i % 3}:9100",job="node",quantile="0.{i % 10}"}}'


def json_line(i: int) -> str:
    return json.dumps(
        {"ts": rfc5424_time(i), "level": ("info", "warn", "error")[i % 3], "latency_ms": i * 1.5}
    )


def csv_cell(i: int) -> str:
    return f'{i},"helpdesk, eu",{request_time(i)},"said ""hi"""'


def telemetry(path: Path, rows: int = ROWS) -> Path:
    """``metrics_csv`` (all TEXT) and ``metrics_typed`` (a sink's REAL and INTEGER columns)."""
    ddl = [
        "CREATE TABLE metrics_csv (sample TEXT, gauge TEXT, counter TEXT, span_id TEXT, labels TEXT, "
        "line TEXT, csv TEXT, ratio TEXT)",
        "CREATE TABLE metrics_typed (id INTEGER PRIMARY KEY, gauge REAL, counter INTEGER, big_counter TEXT, "
        "ratio REAL)",
    ]
    csv_rows = [
        (
            str(i),
            FLOAT_TEXTS[i % len(FLOAT_TEXTS)],
            str(counter(i)),
            hex_id(i),
            labels(i),
            json_line(i),
            csv_cell(i),
            ("0.25", "1e-7", "-0.0", "0.5")[i % 4],
        )
        for i in range(rows)
    ]
    typed_rows = [
        (
            i + 1,
            (1e-7, -0.0, float("inf"), float("-inf"), 0.0, 2.5)[i % 6],
            2**63 - 1 - i,
            str(counter(i)),
            (0.25, -0.0, 1e-300, 5e-324)[i % 4],
        )
        for i in range(rows)
    ]
    return write_export(path, ddl, {"metrics_csv": csv_rows, "metrics_typed": typed_rows})


#: The non-finite values as Java, JavaScript and PostgreSQL write them (``gauge``), and as Python does
#: (``ratio``).
NON_FINITE = ("NaN", "Infinity", "-Infinity")
PYTHON_NON_FINITE = ("nan", "inf", "-inf")


def import_gauge(i: int, spellings: tuple[str, ...] = NON_FINITE) -> str:
    """Every fifth sample's gauge is non-finite (a ratio of 0/0, an overflow), the others numbers."""
    return spellings[(i // 5) % len(spellings)] if i % 5 == 2 else f"{i * 0.25 - 3:.2f}"


def telemetry_import(path: Path, rows: int = 40) -> Path:
    """``metrics_import``: a telemetry CSV loaded by the sqlite3 shell's ``.import --csv --skip 1``
    into a table created with typed columns: the shell binds every field as text, REAL affinity
    converts the numbers, and ``NaN``, ``Infinity``, ``inf`` stay TEXT cells (SQLite reads none)."""
    ddl = [
        "CREATE TABLE metrics_import (sample INTEGER PRIMARY KEY, gauge FLOAT, ratio DOUBLE, "
        "latency_seconds REAL)"
    ]
    values = [
        (str(i), import_gauge(i), import_gauge(i + 5, PYTHON_NON_FINITE), f"{i * 0.137 + 0.001:.3f}")
        for i in range(rows)
    ]
    return write_export(path, ddl, {"metrics_import": values})


def counter_import(path: Path, rows: int = 20) -> Path:
    """``counters_import``: the same shell's import of uint64 counters into an ``INTEGER`` column: one
    above 2^63 is no int64, so SQLite stores it as a REAL (1.8446744073709552e+19: its last digits lost
    in the file itself), beside the INTEGER cells."""
    ddl = ["CREATE TABLE counters_import (sample INTEGER PRIMARY KEY, host TEXT, bytes_total INTEGER)"]
    values = [(str(i), f"helpdesk-{i % 3}", str(2**64 - 1 if i == 7 else 10**12 * i)) for i in range(rows)]
    return write_export(path, ddl, {"counters_import": values})


def sla_deadlines(path: Path, rows: int = 40) -> Path:
    """``sla_deadlines``: a ``DATETIME`` column of deadlines at 17:30, one of them the end of its day
    written as ISO 8601's ``24:00:00`` (``2024-05-20 24:00:00``: the instant ``2024-05-21 00:00``)."""
    ddl = ["CREATE TABLE sla_deadlines (id INTEGER PRIMARY KEY, policy TEXT, due_at DATETIME)"]
    values = [
        (i + 1, f"P{i % 4}", "2024-05-20 24:00:00" if i == 5 else f"2024-05-{1 + i % 28:02d} 17:30:00")
        for i in range(rows)
    ]
    return write_export(path, ddl, {"sla_deadlines": values})
