"""Small but faithful SQLite files that applications write as their own databases (test data only).

Operators sometimes hand over an application's database instead of an export. Each builder writes,
with Python's ``sqlite3`` through :func:`tests.other_products.write_export`, the tables, declared
types and storage of one kind of application. Nothing is random: every value comes from the row's
number, so a test computes what a column holds from the same numbers.

- :func:`core_data`: an Apple Core Data store (``NSSQLiteStoreType``): ``ZTICKET`` and ``ZCUSTOMER``
  with ``Z_PK INTEGER PRIMARY KEY``, ``Z_ENT``, ``Z_OPT``, ``ZCREATIONDATE TIMESTAMP`` holding REAL
  seconds since 2001-01-01 (``738000000.123456``), ``ZSTATUS INTEGER``, ``ZTITLE VARCHAR``, the to-one
  relation ``ZCUSTOMER INTEGER`` (the customer's ``Z_PK``), and Core Data's own ``Z_PRIMARYKEY``,
  ``Z_METADATA`` (a binary plist in a BLOB) and ``Z_MODELCACHE``.
- :func:`android_room`: an Android app's Room database: ``date INTEGER`` in epoch milliseconds
  (``1716194520123``), ``is_read INTEGER`` 0/1, ``android_metadata(locale TEXT)`` = ``en_US`` and
  ``room_master_table``.
- :func:`chrome_history`: Chrome's ``History`` file: ``urls`` / ``visits`` with ``last_visit_time`` and
  ``visit_time`` in WebKit microseconds since 1601-01-01 (``13360000000000000``), ``visit_count``,
  long URLs with query strings, titles with emoji.
- :func:`trac_environment`: an issue tracker's own database as Trac 1.6 writes ``db/trac.db``: every
  time an INTEGER of microseconds since 1970 (``1704164645123456``), ``0`` for "no date" in a
  milestone's ``due`` / ``completed`` and a version's ``time``; ``ticket_change`` keyed by its declared
  ``UNIQUE (ticket, time, field)`` with every old and new value TEXT; custom fields in
  ``ticket_custom`` (a date custom field as 18 zero-padded digits, ``'001704254645123456'``).
- :func:`roundup_tracker`: Roundup's ``db/db`` (``sqlite`` backend): each class's table ``_issue``
  with its dates as text of Roundup's own form in ``VARCHAR(30)`` (``20240102030405.123``, UTC), a
  ``BOOLEAN`` property of 0/1, ``issue__journal`` (``params`` a Python repr) and the Multilink table
  ``issue_nosy (linkid, nodeid)`` with no declared key.
- :func:`home_assistant_recorder`: Home Assistant's recorder (``home-assistant_v2.db``, schema 42 as
  Home Assistant 2024.3 writes it): every moment a REAL of Unix seconds with microseconds
  (``last_updated_ts``), the whole seconds of a five-minute statistics period REAL too
  (``1704164400.0``), contexts as 16-byte ULIDs in BLOBs, attributes as JSON text shared through
  ``state_attributes`` by an unsigned 32-bit hash, ``BOOLEAN`` 0/1 flags, nullable ``FLOAT``
  mean/min/max/sum, legacy columns ``CHAR(0)`` and NULL in every row, and ``recorder_runs`` with
  ``DATETIME`` text (naive UTC, six fraction digits).
- :func:`celery_results`: Celery's database result backend (``db+sqlite://``, Celery 5.x):
  ``celery_taskmeta`` with each result, args and kwargs serialized into a ``BLOB`` (JSON bytes, or a
  pickle's for a task sent with the pickle serializer), ``date_done DATETIME`` text of the worker's
  local wall clock (six fraction digits), a failure's Python traceback ``TEXT`` ending in a newline,
  ``UNIQUE (task_id)`` beside the ``AUTOINCREMENT`` id, and ``celery_tasksetmeta`` for a group.
"""

from __future__ import annotations

import json
import pickle
import plistlib
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.other_products import FREE_TEXT, write_export

#: Core Data's reference date (``NSDate``'s epoch) and WebKit's (Windows FILETIME's) epoch.
APPLE_EPOCH = datetime(2001, 1, 1, tzinfo=UTC)
WEBKIT_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)


# --- Apple Core Data ---------------------------------------------------------------------------------


def apple_seconds(i: int) -> float:
    """``ZCREATIONDATE`` of ticket ``i``: REAL seconds since 2001-01-01 with microseconds
    (``738000000.123456`` for ticket 0: 2024-05-21), as ``NSDate.timeIntervalSinceReferenceDate``."""
    return 738_000_000.123456 + 26_017.000_731 * i


def apple_due(i: int) -> float | None:
    """``ZDUEDATE``: midnight of a day (whole seconds since 2001, which the column's NUMERIC affinity
    stores as INTEGER cells) for two tickets in three, a fraction for the others, none for every fifth."""
    if i % 5 == 4:
        return None
    return 738_028_800.0 + 86_400 * i if i % 3 else 738_028_800.5 + 86_400 * i


def apple_modified(i: int) -> float:
    """``ZMODIFICATIONDATE``: whole seconds since 2001 in every row (the whole column stored as INTEGER
    cells), numbers a Unix-epoch reading would place in 1993."""
    return 738_100_000.0 + 3_600 * i


def core_data_title(i: int) -> str:
    return f"Ticket {i}: {FREE_TEXT[i % len(FREE_TEXT)]}"


def core_data_metadata() -> bytes:
    """``Z_METADATA.Z_PLIST``: the store's metadata as a binary plist (bytes that are no text)."""
    return plistlib.dumps(
        {
            "NSPersistenceFrameworkVersion": 1338,
            "NSStoreModelVersionHashes": {"Ticket": b"\x8f\x00\xa1" * 11, "Customer": b"\xff\xfe\x00" * 11},
            "NSStoreType": "SQLite",
            "NSStoreUUID": "5C1B7F0E-2D3A-4B5C-8D9E-0F1A2B3C4D5E",
            "_NSAutoVacuumLevel": "2",
        },
        fmt=plistlib.FMT_BINARY,
    )


def core_data(path: Path, tickets: int = 30, customers: int = 5) -> Path:
    """An Apple Core Data SQLite store of a help-desk app (entities Ticket and Customer)."""
    ddl = [
        "CREATE TABLE ZCUSTOMER ( Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
        "ZNAME VARCHAR, ZEMAIL VARCHAR )",
        "CREATE TABLE ZTICKET ( Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
        "ZSTATUS INTEGER, ZCUSTOMER INTEGER, ZCREATIONDATE TIMESTAMP, ZDUEDATE TIMESTAMP, "
        "ZMODIFICATIONDATE TIMESTAMP, ZTITLE VARCHAR )",
        "CREATE INDEX ZTICKET_ZCUSTOMER_INDEX ON ZTICKET (ZCUSTOMER)",
        "CREATE TABLE Z_PRIMARYKEY (Z_ENT INTEGER PRIMARY KEY, Z_NAME VARCHAR, Z_SUPER INTEGER, "
        "Z_MAX INTEGER)",
        "CREATE TABLE Z_METADATA (Z_VERSION INTEGER PRIMARY KEY, Z_UUID VARCHAR(255), Z_PLIST BLOB)",
        "CREATE TABLE Z_MODELCACHE (Z_CONTENT BLOB)",
    ]
    rows: dict[str, list[list[object]]] = {
        "ZCUSTOMER": [
            [c + 1, 1, 1 + c % 3, f"Customer {c} ✓", f"c{c}+app@example.com"] for c in range(customers)
        ],
        "ZTICKET": [
            [
                i + 1,
                2,
                1 + i % 4,
                i % 3,
                (i % customers) + 1 if i % 7 != 6 else None,
                apple_seconds(i),
                apple_due(i),
                apple_modified(i),
                core_data_title(i),
            ]
            for i in range(tickets)
        ],
        "Z_PRIMARYKEY": [[1, "Customer", 0, customers], [2, "Ticket", 0, tickets]],
        "Z_METADATA": [[1, "5C1B7F0E-2D3A-4B5C-8D9E-0F1A2B3C4D5E", core_data_metadata()]],
        "Z_MODELCACHE": [[bytes(range(256)) * 4]],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)  # type: ignore[arg-type]


def far_expiry(i: int) -> int:
    """``ZEXPIRYDATE``: whole seconds since 2001 from 10^9 on (2032-09-09 and after): numbers in the
    range of Unix seconds (2001-09-09 …), INTEGER cells under the TIMESTAMP declaration."""
    return 1_000_000_000 + 86_400 * 365 * i


def eight_digit_seconds(i: int) -> int:
    """``ZISSUEDATE``: whole seconds since 2001 that read as a valid ``YYYYMMDD`` (20250520 seconds:
    2001-08-25; as a compact date 2025-05-20)."""
    return 20_250_520 + i


def core_data_licences(path: Path, *, store: bool = True, licences: int = 6) -> Path:
    """A Core Data entity whose whole-second dates look like Unix seconds and compact dates; with
    ``store=False``, the same table in a file that is no Core Data store (no ``Z_PRIMARYKEY`` or
    ``Z_METADATA``)."""
    ddl = [
        "CREATE TABLE ZLICENCE ( Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
        "ZEXPIRYDATE TIMESTAMP, ZISSUEDATE TIMESTAMP, ZNAME VARCHAR )"
    ]
    rows: dict[str, list[list[object]]] = {
        "ZLICENCE": [
            [i + 1, 1, 1, far_expiry(i), eight_digit_seconds(i), f"Licence {i}"] for i in range(licences)
        ]
    }
    if store:
        ddl += [
            "CREATE TABLE Z_PRIMARYKEY (Z_ENT INTEGER PRIMARY KEY, Z_NAME VARCHAR, Z_SUPER INTEGER, "
            "Z_MAX INTEGER)",
            "CREATE TABLE Z_METADATA (Z_VERSION INTEGER PRIMARY KEY, Z_UUID VARCHAR(255), Z_PLIST BLOB)",
        ]
        rows["Z_PRIMARYKEY"] = [[1, "Licence", 0, licences]]
        rows["Z_METADATA"] = [[1, "5C1B7F0E-2D3A-4B5C-8D9E-0F1A2B3C4D5E", core_data_metadata()]]
    return write_export(path, ddl, rows, bytes_as_text=False)  # type: ignore[arg-type]


def plain_licences(path: Path) -> Path:
    """:func:`core_data_licences`' table in a file that is no Core Data store."""
    return core_data_licences(path, store=False)


# --- Android (Room) ----------------------------------------------------------------------------------


def android_millis(i: int) -> int:
    """``date`` of message ``i``: epoch milliseconds (``1716194520123`` for message 0)."""
    return 1_716_194_520_123 + 3_600_017 * i


def android_sent(i: int) -> int:
    """``date_sent``: 0 (the column's default: not known) for received messages, epoch ms otherwise."""
    return 0 if i % 2 else android_millis(i) - 1_500


def android_room(path: Path, messages: int = 40) -> Path:
    """An Android app's Room database: a message inbox."""
    ddl = [
        "CREATE TABLE android_metadata (locale TEXT)",
        "CREATE TABLE IF NOT EXISTS `messages` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
        "`thread_id` INTEGER NOT NULL, `date` INTEGER NOT NULL, `date_sent` INTEGER NOT NULL DEFAULT 0, "
        "`is_read` INTEGER NOT NULL, "
        "`body` TEXT, `sender` TEXT NOT NULL)",
        "CREATE TABLE room_master_table (id INTEGER PRIMARY KEY,identity_hash TEXT)",
    ]
    rows: dict[str, list[list[object]]] = {
        "android_metadata": [["en_US"]],
        "messages": [
            [
                i + 1,
                100 + i % 6,
                android_millis(i),
                android_sent(i),
                1 if i % 3 == 0 else 0,
                FREE_TEXT[i % len(FREE_TEXT)],
                f"+1555010{i % 10:04d}",
            ]
            for i in range(messages)
        ],
        "room_master_table": [[42, "a1b2c3d4e5f60718293a4b5c6d7e8f90"]],
    }
    return write_export(path, ddl, rows)  # type: ignore[arg-type]


# --- Chrome history ----------------------------------------------------------------------------------


def webkit_micros(i: int) -> int:
    """``last_visit_time`` of url ``i``: microseconds since 1601-01-01 (``13360000000000000`` for 0)."""
    return 13_360_000_000_000_000 + 5_400_000_123 * i


def chrome_url(i: int) -> str:
    query = "&".join(f"p{k}=v%20{i}_{k}" for k in range(40))
    return f"https://help.example.com/tickets/{i}?utm_source=app&q=%F0%9F%96%A8&{query}#frag-{i}"


def chrome_title(i: int) -> str:
    return f"🖨️ Ticket {i} — {FREE_TEXT[i % len(FREE_TEXT)]}"


def chrome_history(path: Path, urls: int = 30, visits_per_url: int = 2) -> Path:
    """Chrome's ``History`` SQLite file (``urls`` and ``visits``, as Chrome declares them)."""
    ddl = [
        "CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR)",
        "CREATE TABLE urls(id INTEGER PRIMARY KEY AUTOINCREMENT,url LONGVARCHAR,title LONGVARCHAR,"
        "visit_count INTEGER DEFAULT 0 NOT NULL,typed_count INTEGER DEFAULT 0 NOT NULL,"
        "last_visit_time INTEGER NOT NULL,hidden INTEGER DEFAULT 0 NOT NULL)",
        "CREATE TABLE visits(id INTEGER PRIMARY KEY AUTOINCREMENT,url INTEGER NOT NULL,"
        "visit_time INTEGER NOT NULL,from_visit INTEGER,transition INTEGER DEFAULT 0 NOT NULL,"
        "segment_id INTEGER,visit_duration INTEGER DEFAULT 0 NOT NULL)",
    ]
    rows: dict[str, list[list[object]]] = {
        "meta": [["mmap_status", "-1"], ["version", "67"], ["last_compatible_version", "16"]],
        "urls": [
            [i + 1, chrome_url(i), chrome_title(i), visits_per_url, i % 2, webkit_micros(i), 0]
            for i in range(urls)
        ],
        "visits": [
            [
                i * visits_per_url + v + 1,
                i + 1,
                webkit_micros(i) - (visits_per_url - 1 - v) * 60_000_000,
                None if v == 0 else i * visits_per_url + v,
                805306368 + v,
                0,
                1_234_567 * (v + 1),
            ]
            for i in range(urls)
            for v in range(visits_per_url)
        ],
    }
    return write_export(path, ddl, rows)  # type: ignore[arg-type]


def apple_instant(seconds: float) -> datetime:
    return APPLE_EPOCH + timedelta(seconds=seconds)


def webkit_instant(micros: int) -> datetime:
    return WEBKIT_EPOCH + timedelta(microseconds=micros)


# --- Trac --------------------------------------------------------------------------------------------

#: Trac's tables as ``trac-admin initenv`` creates them (Trac 1.6, database version 45).
TRAC_DDL = [
    "CREATE TABLE system (\n    name text PRIMARY KEY,\n    value text\n)",
    "CREATE TABLE ticket (\n    id integer PRIMARY KEY,\n    type text,\n    time integer,\n"
    "    changetime integer,\n    component text,\n    severity text,\n    priority text,\n"
    "    owner text,\n    reporter text,\n    cc text,\n    version text,\n    milestone text,\n"
    "    status text,\n    resolution text,\n    summary text,\n    description text,\n"
    "    keywords text\n)",
    "CREATE TABLE ticket_change (\n    ticket integer,\n    time integer,\n    author text,\n"
    "    field text,\n    oldvalue text,\n    newvalue text,\n    UNIQUE (ticket,time,field)\n)",
    "CREATE TABLE ticket_custom (\n    ticket integer,\n    name text,\n    value text,\n"
    "    UNIQUE (ticket,name)\n)",
    "CREATE TABLE milestone (\n    name text PRIMARY KEY,\n    due integer,\n    completed integer,\n"
    "    description text\n)",
    "CREATE TABLE version (\n    name text PRIMARY KEY,\n    time integer,\n    description text\n)",
]
TRAC_STATUS = ("new", "accepted", "assigned", "closed")


def trac_micros(i: int) -> int:
    """``ticket.time`` of ticket ``i`` (from 0): microseconds since 1970-01-01 UTC, as Trac's
    ``to_utimestamp`` writes them (``1704164645123456`` for ticket 0: 2024-01-02 03:04:05.123456)."""
    return 1_704_164_645_123_456 + 18_000_000_111 * i


def trac_change_micros(i: int, j: int) -> int:
    """The time of ticket ``i``'s change ``j`` (from 0): a day and a microsecond apart."""
    return trac_micros(i) + (j + 1) * 86_400_000_001


def trac_changes(i: int) -> int:
    """How many times ticket ``i`` was changed after its creation (0, 1 or 2)."""
    return i % 3


def trac_due(i: int) -> str:
    """Ticket ``i``'s custom date field ``due_date`` as Trac stores one: 18 zero-padded digits of
    microseconds (sorting as text), or ``''`` when unset."""
    return "" if i % 4 == 3 else f"{trac_micros(i) + 7 * 86_400_000_000:018d}"


def trac_milestone_due(m: int) -> int:
    """Milestone ``m``'s ``due``: microseconds, ``0`` for "no due date" (Trac's ``to_utimestamp(None)``)."""
    return 0 if m % 2 == 0 else 1_706_756_645_123_456 + m * 86_400_000_000


def trac_environment(path: Path, tickets: int = 24, milestones: int = 4) -> Path:
    """Trac's own SQLite database (``db/trac.db``) of a small project: tickets, their changes and
    custom fields, milestones and versions."""
    changes: list[list[object]] = []
    for i in range(tickets):
        for j in range(trac_changes(i)):
            at, author = trac_change_micros(i, j), ("alice", "bob")[j % 2]
            old_status = TRAC_STATUS[j]
            changes.append([i + 1, at, author, "status", old_status, TRAC_STATUS[j + 1]])
            changes.append([i + 1, at, author, "comment", str(j + 1), FREE_TEXT[(i + j) % len(FREE_TEXT)]])
            changes.append([i + 1, at, author, "due_date", trac_due(i) or None, trac_due(i + j + 1)])
    rows: dict[str, list[list[object]]] = {
        "system": [["database_version", "45"], ["initial_database_version", "45"]],
        "ticket": [
            [
                i + 1,
                ("defect", "enhancement", "task")[i % 3],
                trac_micros(i),
                trac_change_micros(i, trac_changes(i) - 1) if trac_changes(i) else trac_micros(i),
                ("backend", "frontend", "報告")[i % 3],
                None,
                ("major", "critical", "minor", "trivial")[i % 4],
                ("", "dev1", "Zoë")[i % 3] or None,
                ("alice", "bob", "charlie@example.com")[i % 3],
                "a@example.com, b@example.com" if i % 5 == 0 else None,
                f"{i % 2 + 1}.0",
                f"milestone{i % milestones + 1}",
                TRAC_STATUS[trac_changes(i)],
                None,
                f"Ticket {i}: {FREE_TEXT[i % len(FREE_TEXT)]}",
                FREE_TEXT[(i * 7) % len(FREE_TEXT)],
                ("", "ui, crash", "日本語")[i % 3] or None,
            ]
            for i in range(tickets)
        ],
        "ticket_change": changes,
        "ticket_custom": [
            row
            for i in range(tickets)
            for row in (
                [i + 1, "due_date", trac_due(i)],
                [i + 1, "billable", str(i % 2)],
                [i + 1, "customer", ("ACME", "Ünïcode Ltd", "株式会社")[i % 3]],
            )
        ],
        "milestone": [
            [
                f"milestone{m + 1}",
                trac_milestone_due(m),
                trac_milestone_due(m) + 3_600_000_000 if m == 1 else 0,
                FREE_TEXT[m],
            ]
            for m in range(milestones)
        ],
        "version": [["1.0", 0, ""], ["2.0", trac_micros(5), "Second release"]],
    }
    return write_export(path, TRAC_DDL, rows)  # type: ignore[arg-type]


def unix_instant(micros: int) -> datetime:
    """The instant ``micros`` microseconds after 1970-01-01 UTC."""
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=micros)


# --- Roundup -----------------------------------------------------------------------------------------

ROUNDUP_DDL = [
    "CREATE TABLE _user (_activity VARCHAR(30),_actor INTEGER,_address VARCHAR(255),_creation VARCHAR(30),"
    "_creator INTEGER,_realname VARCHAR(255),_username VARCHAR(255),id INTEGER PRIMARY KEY,"
    "__retired__ INTEGER DEFAULT 0)",
    "CREATE TABLE _issue (_activity VARCHAR(30),_actor INTEGER,_assignedto INTEGER,_creation VARCHAR(30),"
    "_creator INTEGER,_deadline VARCHAR(30),_estimate REAL,_title VARCHAR(255),_urgent BOOLEAN,"
    "id INTEGER PRIMARY KEY,__retired__ INTEGER DEFAULT 0)",
    "CREATE TABLE issue__journal (\n            nodeid integer, date VARCHAR(30), tag varchar(255),\n"
    "            action varchar(255), params text)",
    "CREATE TABLE issue_nosy (linkid INTEGER, nodeid INTEGER)",
]
ROUNDUP_USERS = ("admin", "anonymous", "alice", "zoë")


def roundup_moment(i: int) -> datetime:
    """The moment of Roundup event ``i`` (UTC, to the millisecond Roundup keeps)."""
    return datetime(2024, 1, 2, 3, 4, 5, 123_000, tzinfo=UTC) + timedelta(hours=5 * i, milliseconds=7 * i)


def roundup_date(moment: datetime) -> str:
    """``moment`` as Roundup stores a ``Date`` (``roundup.date.Date.serialise``): ``20240102030405.123``."""
    return moment.strftime("%Y%m%d%H%M%S.") + f"{moment.microsecond // 1000:03d}"


def roundup_tracker(path: Path, issues: int = 24) -> Path:
    """Roundup's own SQLite database of a small ``classic`` tracker."""
    users = [
        [
            roundup_date(roundup_moment(u)),
            1,
            f"{name}@example.com",
            roundup_date(roundup_moment(u)),
            1,
            name.title(),
            name,
            u + 1,
            0,
        ]
        for u, name in enumerate(ROUNDUP_USERS)
    ]
    rows: dict[str, list[list[object]]] = {
        "_user": users,
        "_issue": [
            [
                roundup_date(roundup_moment(i + 1)),
                1 + i % 3,
                None if i % 4 == 0 else 1 + i % len(ROUNDUP_USERS),
                roundup_date(roundup_moment(i)),
                1 + i % 3,
                roundup_date(roundup_moment(i + 30).replace(microsecond=0)) if i % 3 else None,
                (1.5, 2.0, 0.25, None)[i % 4],
                f"Issue {i}: {FREE_TEXT[i % len(FREE_TEXT)]}",
                None if i % 5 == 4 else i % 2,
                i + 1,
                int(i % 9 == 8),
            ]
            for i in range(issues)
        ],
        "issue__journal": [
            row
            for i in range(issues)
            for row in (
                [i + 1, roundup_date(roundup_moment(i)), "1", "create", "{}"],
                [
                    i + 1,
                    roundup_date(roundup_moment(i + 1)),
                    str(1 + i % 3),
                    "set",
                    f"{{'title': {FREE_TEXT[i % len(FREE_TEXT)]!r}, 'assignedto': None}}",
                ],
            )
        ],
        "issue_nosy": [
            [1 + (i + k) % len(ROUNDUP_USERS), i + 1] for i in range(issues) for k in range(i % 3)
        ],
    }
    return write_export(path, ROUNDUP_DDL, rows)  # type: ignore[arg-type]


# --- Home Assistant's recorder -----------------------------------------------------------------------

#: The recorder's tables as schema 42 declares them (SQLAlchemy's DDL, tabs and all), legacy columns
#: ``CHAR(0)``: kept by migrations, NULL in every row written since.
HA_DDL = [
    "CREATE TABLE states_meta (\n\tmetadata_id INTEGER NOT NULL, \n\tentity_id VARCHAR(255), \n\t"
    "PRIMARY KEY (metadata_id)\n)",
    "CREATE TABLE state_attributes (\n\tattributes_id INTEGER NOT NULL, \n\thash BIGINT, \n\t"
    "shared_attrs TEXT, \n\tPRIMARY KEY (attributes_id)\n)",
    "CREATE TABLE states (\n\tstate_id INTEGER NOT NULL, \n\tentity_id CHAR(0), \n\tstate VARCHAR(255), "
    "\n\tattributes CHAR(0), \n\tevent_id SMALLINT, \n\tlast_changed CHAR(0), \n\tlast_changed_ts FLOAT, "
    "\n\tlast_updated CHAR(0), \n\tlast_updated_ts FLOAT, \n\told_state_id INTEGER, \n\tattributes_id "
    "INTEGER, \n\tcontext_id CHAR(0), \n\tcontext_user_id CHAR(0), \n\tcontext_parent_id CHAR(0), \n\t"
    "origin_idx SMALLINT, \n\tcontext_id_bin BLOB, \n\tcontext_user_id_bin BLOB, \n\tcontext_parent_id_bin "
    "BLOB, \n\tmetadata_id INTEGER, \n\tPRIMARY KEY (state_id), \n\tFOREIGN KEY(old_state_id) REFERENCES "
    "states (state_id), \n\tFOREIGN KEY(attributes_id) REFERENCES state_attributes (attributes_id), \n\t"
    "FOREIGN KEY(metadata_id) REFERENCES states_meta (metadata_id)\n)",
    "CREATE TABLE statistics_meta (\n\tid INTEGER NOT NULL, \n\tstatistic_id VARCHAR(255), \n\tsource "
    "VARCHAR(32), \n\tunit_of_measurement VARCHAR(255), \n\thas_mean BOOLEAN, \n\thas_sum BOOLEAN, \n\t"
    "name VARCHAR(255), \n\tPRIMARY KEY (id)\n)",
    "CREATE TABLE statistics_short_term (\n\tid INTEGER NOT NULL, \n\tcreated CHAR(0), \n\tcreated_ts "
    "FLOAT, \n\tmetadata_id INTEGER, \n\tstart CHAR(0), \n\tstart_ts FLOAT, \n\tmean FLOAT, \n\tmin "
    "FLOAT, \n\tmax FLOAT, \n\tlast_reset CHAR(0), \n\tlast_reset_ts FLOAT, \n\tstate FLOAT, \n\tsum "
    "FLOAT, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(metadata_id) REFERENCES statistics_meta (id) ON DELETE "
    "CASCADE\n)",
    'CREATE TABLE recorder_runs (\n\trun_id INTEGER NOT NULL, \n\tstart DATETIME NOT NULL, \n\t"end" '
    "DATETIME, \n\tclosed_incorrect BOOLEAN NOT NULL, \n\tcreated DATETIME NOT NULL, \n\tPRIMARY KEY "
    "(run_id)\n)",
]
#: The recorded entities (``states_meta``, metadata_id from 1) and their attributes.
HA_ENTITIES = (
    ("sensor.room_temperature", {"unit_of_measurement": "°C", "device_class": "temperature"}),
    ("input_boolean.away", {"friendly_name": "Away mode"}),
    ("counter.tickets", {"initial": None, "step": 1, "friendly_name": "Tickets"}),
    ("sensor.status_text", {"friendly_name": "Status – Überhitzt"}),
)
#: The first five-minute statistics period (2024-01-02 03:00:00 UTC) in Unix seconds.
HA_PERIOD_START = 1_704_164_400


def ha_attrs(m: int) -> str:
    """``shared_attrs`` of entity ``m`` (from 0): compact JSON as the recorder writes it."""
    return json.dumps(HA_ENTITIES[m][1], separators=(",", ":"), ensure_ascii=False)


def ha_hash(text: str) -> int:
    """An unsigned 32-bit hash of ``text`` (the recorder uses FNV-1a; any such hash has the shape)."""
    return zlib.crc32(text.encode())


def ha_updated(i: int) -> float:
    """``last_updated_ts`` of state ``i`` (from 0): Unix seconds with microseconds."""
    return 1_704_164_645.123456 + 5.000017 * i


def ha_context(i: int) -> bytes:
    """``context_id_bin`` of state ``i``: a ULID's 16 bytes (48 bits of milliseconds, 80 random)."""
    return (int(ha_updated(i) * 1000) << 80 | (i * 0x9E3779B97F4A7C15) % (1 << 80)).to_bytes(16, "big")


def ha_state(i: int) -> str:
    """``state`` of state ``i`` (entity ``i % 4``): numbers, words and HA's own 'unavailable'."""
    m = i % len(HA_ENTITIES)
    if i % 11 == 10:
        return "unavailable"
    return (f"{20 + (i % 7) * 0.37:.2f}", ("on", "off")[i // 4 % 2], str(i // 4), ("ok", "Überhitzt")[i % 2])[
        m
    ]


def ha_statistic(k: int, metadata_id: int) -> list[object]:
    """Row ``k`` (from 0) of ``statistics_short_term`` for ``metadata_id`` 1 (a mean) or 2 (a sum):
    ``[created_ts, start_ts, mean, min, max, last_reset_ts, state, sum]``."""
    start = float(HA_PERIOD_START + 300 * k)
    created = start + 310.46917 + k / 1e6
    if metadata_id == 1:
        mean = 20 + k * 0.1253867506202
        return [created, start, mean, mean - 1.113, mean + 1.112, None, None, None]
    total = sum(0.1849 for _ in range(k + 1))  # a running float sum, 0.18490000000000001 and so on
    return [created, start, None, None, None, None, 8.5 + total, total]


def ha_run_text(moment: datetime) -> str:
    """A ``DATETIME`` as SQLAlchemy writes it on SQLite: naive UTC, always six fraction digits."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


#: The recorder's two runs: one ended by a crash (``closed_incorrect``), one still open.
HA_RUNS = (
    (datetime(2024, 1, 2, 3, 4, 5, 801413), datetime(2024, 1, 2, 3, 14, 22, 247693), 1),
    (datetime(2024, 1, 2, 3, 14, 22, 247693), None, 0),
)


def home_assistant_recorder(path: Path, states: int = 44, periods: int = 6) -> Path:
    """Home Assistant's ``home-assistant_v2.db`` of a small home: states of four entities, their
    five-minute statistics and the recorder's runs."""
    rows: dict[str, list[list[object]]] = {
        "states_meta": [[m + 1, entity] for m, (entity, _) in enumerate(HA_ENTITIES)],
        "state_attributes": [[m + 1, ha_hash(ha_attrs(m)), ha_attrs(m)] for m in range(len(HA_ENTITIES))],
        "states": [
            [
                i + 1,
                None,
                ha_state(i),
                None,
                None,
                None,
                # last_changed_ts is NULL where it equals last_updated_ts (the recorder's saving).
                ha_updated(i - len(HA_ENTITIES)) if i % 3 == 1 and i >= len(HA_ENTITIES) else None,
                None,
                ha_updated(i),
                i + 1 - len(HA_ENTITIES) if i >= len(HA_ENTITIES) else None,
                i % len(HA_ENTITIES) + 1,
                None,
                None,
                None,
                0,
                ha_context(i),
                None,
                ha_context(i - 1) if i % 5 == 4 else None,
                i % len(HA_ENTITIES) + 1,
            ]
            for i in range(states)
        ],
        "statistics_meta": [
            [1, "sensor.room_temperature", "recorder", "°C", 1, 0, None],
            [2, "sensor.energy_total", "recorder", "kWh", 0, 1, None],
        ],
        "statistics_short_term": [
            [2 * k + m, None, *values[:1], m, None, *values[1:5], None, *values[5:]]
            for k in range(periods)
            for m in (1, 2)
            for values in [ha_statistic(k, m)]
        ],
        "recorder_runs": [
            [r + 1, ha_run_text(start), ha_run_text(end) if end else None, closed, ha_run_text(start)]
            for r, (start, end, closed) in enumerate(HA_RUNS)
        ],
    }
    return write_export(path, HA_DDL, rows, bytes_as_text=False)  # type: ignore[arg-type]


# --- Celery's database result backend ----------------------------------------------------------------

CELERY_DDL = [
    "CREATE TABLE celery_taskmeta (\n\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\ttask_id "
    "VARCHAR(155), \n\tstatus VARCHAR(50), \n\tresult BLOB, \n\tdate_done DATETIME, \n\ttraceback TEXT, "
    "\n\tchildren BLOB, \n\tname VARCHAR(155), \n\targs BLOB, \n\tkwargs BLOB, \n\tworker VARCHAR(155), "
    "\n\tretries INTEGER, \n\tqueue VARCHAR(155), \n\tstamps BLOB, \n\tUNIQUE (task_id)\n)",
    "CREATE TABLE celery_tasksetmeta (\n\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\ttaskset_id "
    "VARCHAR(155), \n\tresult BLOB, \n\tdate_done DATETIME, \n\tUNIQUE (taskset_id)\n)",
]


def celery_done(i: int) -> datetime:
    """``date_done`` of task ``i`` (from 0): the worker's local wall clock, no zone."""
    return datetime(2024, 1, 2, 4, 4, 5, 737567) + timedelta(seconds=13 * i, microseconds=21_011 * i)


def celery_failed(i: int) -> bool:
    """Task ``i`` raised (every fifth)."""
    return i % 5 == 4


def celery_traceback(i: int) -> str | None:
    """A failed task's traceback as Python formats it: lines ending in a newline, the last one too."""
    if not celery_failed(i):
        return None
    return (
        "Traceback (most recent call last):\n"
        '  File "/srv/app/tasks.py", line 11, in fail\n'
        "    raise ValueError(msg)\n"
        f"ValueError: ticket {i} – ünïcode failure\n"
    )


def celery_result(i: int) -> bytes:
    """Task ``i``'s stored result: JSON bytes (an exception's for a failure), or a pickle's bytes."""
    if celery_failed(i):
        value: object = {"exc_type": "ValueError", "exc_message": [f"ticket {i}"], "exc_module": "builtins"}
    else:
        value = {"sum": i * 1.5, "tags": ["a", None], "note": "  padded  "} if i % 2 else i * 0.5
    if i % 7 == 6:
        return pickle.dumps(value, protocol=5)
    return json.dumps(value).encode()


def celery_results(path: Path, tasks: int = 20) -> Path:
    """Celery's result database after ``tasks`` tasks and one group."""
    rows: dict[str, list[list[object]]] = {
        "celery_taskmeta": [
            [
                i + 1,
                f"{i:08x}-5715-40b9-8769-4d8d62c80cc5",
                "FAILURE" if celery_failed(i) else "SUCCESS",
                celery_result(i),
                celery_done(i).strftime("%Y-%m-%d %H:%M:%S.%f"),
                celery_traceback(i),
                None,
                ("helpdesk.add", "helpdesk.fail", "helpdesk.echo")[i % 3],
                json.dumps([i, i * 0.5]).encode(),
                b"{}",
                "celery@worker-1",
                0,
                None,
                None,
            ]
            for i in range(tasks)
        ],
        "celery_tasksetmeta": [
            [
                1,
                "f4d9117a-ec63-4199-9aa3-0bc4206d4c4b",
                b'[["f4d9117a", null], []]',
                "2024-01-02 04:10:00.000001",
            ]
        ],
    }
    return write_export(path, CELERY_DDL, rows, bytes_as_text=False)  # type: ignore[arg-type]
