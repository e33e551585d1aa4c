"""Small but faithful SQLite files as application frameworks' ORMs and drivers write them (test data only).

None of these ORMs runs here (no Node, Go, PHP or JVM is installed into the shared environment), so each
builder writes, with Python's ``sqlite3`` through :func:`tests.other_products.write_export`, the DDL the
ORM's migrations emit for SQLite and the values its driver binds, as their documentation and source
state. SQLite's column affinity then does to each value what it does to the ORM's: text ``'12.50'``
bound to a ``DECIMAL`` column (NUMERIC affinity) is kept as the REAL 12.5. Nothing is random: every
value comes from the row's number, so a test computes what a column holds from the same numbers.

- :func:`sequelize` (Node): ``DATETIME`` columns holding ``2024-05-20 08:42:00.123 +00:00`` (moment's
  ``YYYY-MM-DD HH:mm:ss.SSS Z``: a space before the offset, the ``timezone`` option's offset),
  ``TINYINT(1)`` booleans 1/0, ``UUID`` and ``JSON`` columns of text, ``SequelizeMeta``.
- :func:`prisma`: ``DATETIME`` columns holding INTEGER epoch milliseconds (the native SQLite engine
  binds ``timestamp_millis``), ``DECIMAL`` (bound as text, kept by NUMERIC affinity as REAL/INTEGER),
  ``BIGINT``, ``BOOLEAN`` 1/0, ``_prisma_migrations``; two users seeded by a raw SQL script whose
  ``createdAt`` took the column's ``DEFAULT CURRENT_TIMESTAMP`` text.
- :func:`gorm` (Go, mattn/go-sqlite3): ``datetime`` columns holding ``2024-05-20
  08:42:00.123456789+00:00`` (``SQLiteTimestampFormats[0]``: nanoseconds, trailing zeros dropped),
  Go's zero time ``0001-01-01 00:00:00+00:00``, soft-delete ``deleted_at`` NULL, ``numeric`` bools,
  a ``text`` column of ``time.Time.String()`` (``2024-05-20 08:42:00.123456789 +0000 UTC m=+0.0123``),
  uint64 ids as text when above int64's range.
- :func:`laravel` (PHP): ``datetime`` text ``2024-05-20 08:42:00``, ``email_verified_at``,
  ``remember_token``, ``tinyint(1)`` booleans, money as integer cents, ``json`` casts as ``text``,
  ``varchar`` enums with a ``check``, ``migrations``, ``failed_jobs`` (long payloads and traces),
  ``sessions.last_activity`` in Unix seconds.
- :func:`hibernate` (Java, xerial sqlite-jdbc): ``timestamp`` and ``date`` columns holding INTEGER
  epoch milliseconds (``date_class=INTEGER``, the default; a ``java.sql.Date`` is the JVM zone's
  midnight), ``boolean`` 0/1, ``numeric(38,2)``, ``hibernate_sequence``; :func:`hibernate_text`: the
  same with ``date_class=TEXT`` (``yyyy-MM-dd HH:mm:ss.SSS``, the JVM's wall clock, no offset; a
  ``date`` too: its midnight, ``2024-05-27 00:00:00.000``).
- :func:`sqlalchemy`: ``DATETIME`` text ``2024-05-20 08:42:00.123456`` (always six digits),
  ``NUMERIC(10, 2)`` bound as floats, ``BOOLEAN`` with ``CHECK (x IN (0, 1))``, ``Enum`` as ``VARCHAR``
  with a ``CHECK`` (the member names), ``Uuid`` as ``CHAR(32)`` hex, ``JSON`` (``None`` written as
  ``'null'``), ``alembic_version``.
- :func:`peewee` (Python, peewee 3): ``DATETIME`` text as ``str(datetime)`` (six fraction digits, none
  when the microsecond is 0), ``TimestampField`` as INTEGER epoch seconds, milliseconds or
  microseconds (``resolution``), ``DECIMAL(10, 2)`` bound as text (NUMERIC affinity keeps REAL or
  INTEGER), ``UUIDField`` as 32 hex digits, ``BinaryUUIDField`` as a 16-byte BLOB, ``BooleanField`` as
  INTEGER 0/1, ``IPField`` as an unsigned 32-bit INTEGER, ``BigBitField`` as a BLOB (``X''`` when no bit
  is set), a ``TIME`` column, a foreign key to a text key, a composite primary key.
- :func:`pony` (Python, Pony ORM 0.7): ``DATETIME`` text with six fraction digits always (zeros past
  the attribute's ``precision``), ``UUID`` as a 16-byte BLOB, ``INTERVAL`` as REAL days, ``BOOLEAN``
  0/1, ``DECIMAL(12, 2)``, ``JSON`` text with sorted keys, ``''`` for an unset ``Optional(str)`` in a
  ``NOT NULL`` column, link tables of ``Set`` relationships keyed by both ends, ``sqlite_sequence``.
- :func:`beets` (Python, the beets music library ``library.db``): ``items`` and ``albums`` whose many
  tag fields default to ``''`` (most never filled), REAL ``added`` / ``mtime`` epoch seconds with
  fractions, BLOB paths (file names in Latin-1 among UTF-8, not valid UTF-8), NULL gains, and the
  flexible attributes ``item_attributes`` / ``album_attributes`` as key/value text.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.other_products import FREE_TEXT, write_export

#: The first row's moment (an aware instant in UTC with milliseconds) and the step between rows.
FIRST = datetime(2024, 5, 20, 8, 42, 0, 123_000, tzinfo=UTC)
UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def moment(i: int) -> datetime:
    """Row ``i``'s instant: 2024-05-20 08:42:00.123 UTC plus ``i`` times 7 h 13 min 0.017 s."""
    return FIRST + timedelta(minutes=433 * i, milliseconds=17 * i)


def millis(at: datetime) -> int:
    """Epoch milliseconds of an aware instant (JavaScript's ``Date.getTime()``, Java's ``getTime()``)."""
    return (at - UNIX_EPOCH) // timedelta(milliseconds=1)


def uuid_for(i: int) -> uuid.UUID:
    """Row ``i``'s UUID (version 4 bits set, from its number)."""
    raw = bytearray(hashlib.md5(f"orm row {i}".encode()).digest())
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    return uuid.UUID(bytes=bytes(raw))


def offset_text(offset: timedelta, colon: bool = True) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{':' if colon else ''}{abs(minutes) % 60:02d}"


# --- Sequelize ---------------------------------------------------------------------------------------


def sequelize_time(at: datetime, offset: timedelta = timedelta(0)) -> str:
    """moment(at).utcOffset(offset).format('YYYY-MM-DD HH:mm:ss.SSS Z'): Sequelize's SQLite DATE."""
    local = at.astimezone(timezone(offset))
    return f"{local:%Y-%m-%d %H:%M:%S}.{local.microsecond // 1000:03d} {offset_text(offset)}"


def sequelize_price(i: int) -> float:
    """``DECIMAL(10,2)``: a JavaScript number, bound as a double."""
    return (1999 + 125 * i) / 100


def sequelize_meta(i: int) -> Any:
    """A ``JSON`` attribute as Sequelize stores it: ``JSON.stringify`` text (a bare number for some)."""
    return None if i % 6 == 5 else {"source": "web", "tags": ["a", f"t{i}"], "score": i / 4}


def sequelize(path: Path, tickets: int = 24, users: int = 5, *, offset: timedelta = timedelta(0)) -> Path:
    """A Sequelize (``dialect: 'sqlite'``) app after ``sequelize.sync()`` and migrations, ``paranoid``
    tickets (``deletedAt``), the ``timezone`` option ``offset`` (``'+00:00'`` by default)."""
    ddl = [
        "CREATE TABLE `SequelizeMeta` (`name` VARCHAR(255) NOT NULL UNIQUE PRIMARY KEY)",
        "CREATE TABLE IF NOT EXISTS `Users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `email` VARCHAR(255) "
        "NOT NULL UNIQUE, `displayName` VARCHAR(255), `isAdmin` TINYINT(1) DEFAULT 0, "
        "`createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL)",
        "CREATE TABLE IF NOT EXISTS `Tickets` (`id` UUID PRIMARY KEY, `subject` VARCHAR(255) NOT NULL, "
        "`status` TEXT DEFAULT 'open', `isOpen` TINYINT(1) DEFAULT 1, `price` DECIMAL(10,2), `meta` JSON, "
        "`userId` INTEGER REFERENCES `Users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE, "
        "`createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, `deletedAt` DATETIME)",
        "CREATE TABLE IF NOT EXISTS `Comments` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `body` TEXT, "
        "`ticketId` UUID REFERENCES `Tickets` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, "
        "`createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL)",
    ]

    def when(at: datetime) -> str:
        return sequelize_time(at, offset)

    meta = [
        ("20240520084200-create-user.js",),
        ("20240520084300-create-ticket.js",),
        ("20240601120000-add-deleted-at.js",),
    ]
    user_rows = [
        (
            u + 1,
            f"agent{u}@example.com",
            f"Agent {u}",
            int(u == 0),
            when(moment(u - 50)),
            when(moment(u - 40)),
        )
        for u in range(users)
    ]
    ticket_rows = [
        (
            str(uuid_for(i)),
            f"Ticket {i}: {FREE_TEXT[i % len(FREE_TEXT)]}".strip(),
            ("open", "pending", "closed")[i % 3],
            int(i % 3 != 2),
            sequelize_price(i),
            None if sequelize_meta(i) is None else json.dumps(sequelize_meta(i), separators=(",", ":")),
            None if i % 7 == 6 else 1 + i % users,
            when(moment(i)),
            when(moment(i) + timedelta(hours=1, milliseconds=1)),
            when(moment(i) + timedelta(days=3)) if i % 5 == 4 else None,
        )
        for i in range(tickets)
    ]
    comment_rows = [
        (
            c + 1,
            f"Reply {c}",
            str(uuid_for(c % tickets)),
            when(moment(c) + timedelta(minutes=5)),
            when(moment(c)),
        )
        for c in range(tickets * 2)
    ]
    return write_export(
        path,
        ddl,
        {"SequelizeMeta": meta, "Users": user_rows, "Tickets": ticket_rows, "Comments": comment_rows},
    )


def sequelize_plus_0530(path: Path) -> Path:
    """:func:`sequelize` with ``timezone: '+05:30'``: every date written in that offset's wall clock."""
    return sequelize(path, offset=timedelta(hours=5, minutes=30))


# --- Prisma ------------------------------------------------------------------------------------------


def prisma_amount(i: int) -> Decimal:
    """``Decimal``: Prisma binds its text (``'12.50'``); NUMERIC affinity keeps a number of it."""
    return Decimal(1250 + 50 * i).scaleb(-2)


def prisma_views(i: int) -> int:
    """``BigInt``: beyond a double's 2^53 for some rows (exact only as an integer)."""
    return 9_007_199_254_740_993 + 1_000_003 * i if i % 4 == 0 else 10 * i


#: Users created by a seed script's raw SQL: ``createdAt`` took ``DEFAULT CURRENT_TIMESTAMP``.
PRISMA_RAW_SEEDED = (0, 1)


def prisma_user_created(u: int) -> int | str:
    at = moment(u - 60)
    return at.strftime("%Y-%m-%d %H:%M:%S") if u in PRISMA_RAW_SEEDED else millis(at)


def prisma(path: Path, tickets: int = 24, users: int = 6) -> Path:
    """A Prisma (SQLite provider, native engine) database after ``prisma migrate deploy``."""
    ddl = [
        'CREATE TABLE "_prisma_migrations" (\n    "id"                    TEXT PRIMARY KEY NOT NULL,\n'
        '    "checksum"              TEXT NOT NULL,\n    "finished_at"           DATETIME,\n'
        '    "migration_name"        TEXT NOT NULL,\n    "logs"                  TEXT,\n'
        '    "rolled_back_at"        DATETIME,\n'
        '    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,\n'
        '    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0\n)',
        'CREATE TABLE "User" (\n    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n'
        '    "email" TEXT NOT NULL,\n    "name" TEXT,\n    "role" TEXT NOT NULL DEFAULT \'AGENT\',\n'
        '    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    "updatedAt" DATETIME NOT NULL\n)',
        'CREATE UNIQUE INDEX "User_email_key" ON "User"("email")',
        # Auth.js (NextAuth)'s Prisma adapter: a DateTime whose name says no time.
        'CREATE TABLE "Session" (\n    "id" TEXT NOT NULL PRIMARY KEY,\n    "sessionToken" TEXT NOT NULL,\n'
        '    "userId" INTEGER NOT NULL,\n    "expires" DATETIME NOT NULL,\n'
        '    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") '
        "ON DELETE CASCADE ON UPDATE CASCADE\n)",
        'CREATE TABLE "Ticket" (\n    "id" TEXT NOT NULL PRIMARY KEY,\n    "subject" TEXT NOT NULL,\n'
        '    "amount" DECIMAL NOT NULL,\n    "views" BIGINT NOT NULL DEFAULT 0,\n'
        '    "isOpen" BOOLEAN NOT NULL DEFAULT true,\n    "meta" JSONB,\n    "closedAt" DATETIME,\n'
        '    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    "updatedAt" DATETIME NOT NULL,\n'
        '    "userId" INTEGER NOT NULL,\n    CONSTRAINT "Ticket_userId_fkey" FOREIGN KEY ("userId") '
        'REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE\n)',
        'CREATE TABLE "Comment" (\n    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n'
        '    "body" TEXT NOT NULL,\n    "ticketId" TEXT NOT NULL,\n'
        '    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,\n'
        '    CONSTRAINT "Comment_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") '
        "ON DELETE RESTRICT ON UPDATE CASCADE\n)",
    ]
    migrations = [
        (
            str(uuid_for(900 + k)),
            hashlib.sha256(name.encode()).hexdigest(),
            millis(moment(-80 + k) + timedelta(milliseconds=40)),
            name,
            None,
            None,
            millis(moment(-80 + k)),
            1,
        )
        for k, name in enumerate(("20240520084200_init", "20240601090000_add_meta"))
    ]
    user_rows = [
        (
            u + 1,
            f"agent{u}@example.com",
            None if u == 3 else f"Agent {u}",
            ("ADMIN", "AGENT", "AGENT")[u % 3],
            prisma_user_created(u),
            millis(moment(u - 60) + timedelta(days=1)),
        )
        for u in range(users)
    ]
    ticket_rows = [
        (
            f"clx{i:04d}ab{uuid_for(i).hex[:16]}",
            f"Ticket {i}",
            str(prisma_amount(i)),
            prisma_views(i),
            int(i % 4 != 1),
            None if i % 5 == 0 else json.dumps({"channel": "email", "n": i}),
            millis(moment(i) + timedelta(days=2)) if i % 3 == 0 else None,
            millis(moment(i)),
            millis(moment(i) + timedelta(seconds=90)),
            1 + i % users,
        )
        for i in range(tickets)
    ]
    comment_rows = [
        (c + 1, f"Comment {c}", ticket_rows[c % tickets][0], millis(moment(c) + timedelta(minutes=9)))
        for c in range(tickets * 2)
    ]
    sessions = [
        (
            f"sess{s:03d}",
            hashlib.sha256(f"token {s}".encode()).hexdigest(),
            1 + s % users,
            millis(prisma_expires(s)),
        )
        for s in range(4)
    ]
    return write_export(
        path,
        ddl,
        {
            "_prisma_migrations": migrations,
            "User": user_rows,
            "Session": sessions,
            "Ticket": ticket_rows,
            "Comment": comment_rows,
        },
    )


def prisma_expires(s: int) -> datetime:
    """``Session.expires``: thirty days after the session's start."""
    return moment(s) + timedelta(days=30)


# --- GORM / mattn go-sqlite3 ------------------------------------------------------------------------

#: Go's zero ``time.Time``, as mattn/go-sqlite3 writes it (a struct field never set).
GO_ZERO_TIME = "0001-01-01 00:00:00+00:00"


def go_nanos(i: int) -> int:
    """Row ``i``'s nanoseconds within its second (``time.Now()`` on Linux: all nine digits)."""
    return (123_456_789 + 7_654_321 * i) % 1_000_000_000


def go_time(at: datetime, nanos: int, offset: timedelta = timedelta(0)) -> str:
    """mattn/go-sqlite3's ``2006-01-02 15:04:05.999999999-07:00`` (the fraction's trailing zeros dropped,
    none when 0)."""
    local = at.astimezone(timezone(offset))
    fraction = f"{nanos:09d}".rstrip("0")
    return f"{local:%Y-%m-%d %H:%M:%S}{'.' + fraction if fraction else ''}{offset_text(offset)}"


def go_string(at: datetime, nanos: int, monotonic: str | None) -> str:
    """Go's ``time.Time.String()``: ``2006-01-02 15:04:05.999999999 -0700 MST`` (and the monotonic
    clock's reading, ``m=+0.012345678``, for a ``time.Now()``)."""
    fraction = f"{nanos:09d}".rstrip("0")
    text = f"{at:%Y-%m-%d %H:%M:%S}{'.' + fraction if fraction else ''} +0000 UTC"
    return f"{text} m={monotonic}" if monotonic else text


def gorm_created(i: int) -> datetime:
    """Row ``i``'s whole second (its nanoseconds are :func:`go_nanos`)."""
    return moment(i).replace(microsecond=0)


def gorm_snowflake(i: int) -> str:
    """A ``uint64`` external id: above int64's range (2^63) for every third row, so the app stores its
    decimal text (``json:",string"``)."""
    return str(2**63 + 1_000_000_007 * i if i % 3 == 0 else 1_234_567_890_123 + i)


def gorm(path: Path, tickets: int = 24, users: int = 5) -> Path:
    """A Go service's database: ``gorm.Model`` structs after ``AutoMigrate`` (gorm.io/driver/sqlite
    on mattn/go-sqlite3, the server's zone UTC)."""
    ddl = [
        "CREATE TABLE `users` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime,"
        "`updated_at` datetime,`deleted_at` datetime,`name` text,`email` text,`active` numeric,"
        "`balance_cents` integer)",
        "CREATE INDEX `idx_users_deleted_at` ON `users`(`deleted_at`)",
        "CREATE TABLE `tickets` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime,"
        "`updated_at` datetime,`deleted_at` datetime,`subject` text,`closed` numeric,`closed_at` datetime,"
        "`external_id` text,`user_id` integer,`last_event` text,"
        "CONSTRAINT `fk_users_tickets` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`))",
        "CREATE INDEX `idx_tickets_deleted_at` ON `tickets`(`deleted_at`)",
        "CREATE TABLE `comments` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime,"
        "`updated_at` datetime,`deleted_at` datetime,`ticket_id` integer,`body` text,"
        "CONSTRAINT `fk_tickets_comments` FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`))",
    ]
    user_rows = [
        (
            u + 1,
            go_time(gorm_created(u - 30), go_nanos(u)),
            go_time(gorm_created(u - 29), go_nanos(u + 1)),
            None,
            f"Agent {u}",
            f"agent{u}@example.com",
            int(u % 2 == 0),
            10_000 * u + 99,
        )
        for u in range(users)
    ]
    ticket_rows = [
        (
            i + 1,
            go_time(gorm_created(i), go_nanos(i)),
            go_time(gorm_created(i) + timedelta(minutes=3), go_nanos(i + 7)),
            go_time(gorm_created(i) + timedelta(days=1), go_nanos(i + 3)) if i % 6 == 5 else None,
            f"Ticket {i}",
            int(i % 3 == 0),
            go_time(gorm_created(i) + timedelta(hours=5), go_nanos(i + 2)) if i % 3 == 0 else GO_ZERO_TIME,
            gorm_snowflake(i),
            1 + i % users,
            go_string(gorm_created(i), go_nanos(i), f"+{i}.{go_nanos(i):09d}" if i % 2 else None),
        )
        for i in range(tickets)
    ]
    comment_rows = [
        (
            c + 1,
            go_time(gorm_created(c) + timedelta(minutes=10), go_nanos(c + 11)),
            go_time(gorm_created(c) + timedelta(minutes=10), go_nanos(c + 11)),
            None,
            1 + c % tickets,
            f"Comment {c}",
        )
        for c in range(tickets * 2)
    ]
    return write_export(path, ddl, {"users": user_rows, "tickets": ticket_rows, "comments": comment_rows})


#: The server's zone of :func:`gorm_truncated` (GORM's NowFunc is ``time.Now().Local()``).
GO_SERVER_OFFSET = timedelta(hours=2)


def go_micros(i: int) -> int:
    """:func:`go_nanos` truncated to whole microseconds (``time.Now().Truncate(time.Microsecond)``, as
    apps that also run on PostgreSQL configure GORM's ``NowFunc``)."""
    return go_nanos(i) // 1000 * 1000


def gorm_truncated(path: Path, tickets: int = 12) -> Path:
    """A GORM table written with microsecond times in a server zone of +02:00, and Go's zero time for
    the ``closed_at`` of tickets never closed."""
    ddl = [
        "CREATE TABLE `tickets` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime,"
        "`updated_at` datetime,`deleted_at` datetime,`subject` text,`closed_at` datetime)",
    ]
    rows = [
        (
            i + 1,
            go_time(gorm_created(i), go_micros(i), GO_SERVER_OFFSET),
            go_time(gorm_created(i) + timedelta(minutes=3), go_micros(i + 1), GO_SERVER_OFFSET),
            None,
            f"Ticket {i}",
            go_time(gorm_created(i) + timedelta(hours=5), 0, GO_SERVER_OFFSET)
            if i % 3 == 0
            else GO_ZERO_TIME,
        )
        for i in range(tickets)
    ]
    return write_export(path, ddl, {"tickets": rows})


# --- Laravel / Eloquent --------------------------------------------------------------------------------


def laravel_time(at: datetime) -> str:
    """Eloquent's ``Y-m-d H:i:s`` (the app's zone, UTC by default; no fraction)."""
    return at.strftime("%Y-%m-%d %H:%M:%S")


def laravel_cents(i: int) -> int:
    return 125_000 + 1_999 * i - (300_000 if i % 7 == 3 else 0)


def laravel_payload(i: int) -> str:
    """A queued job's payload: JSON holding the serialized PHP command (long, escaped backslashes)."""
    command = (
        'O:25:"App\\Jobs\\SendTicketReply":2:{s:8:"ticketId";i:'
        + str(i)
        + ';s:4:"body";s:2000:"'
        + ("Dear customer, " * 140)[:2000]
        + '";}'
    )
    return json.dumps(
        {
            "uuid": str(uuid_for(700 + i)),
            "displayName": "App\\Jobs\\SendTicketReply",
            "job": "Illuminate\\Queue\\CallQueuedHandler@call",
            "maxTries": None,
            "data": {"commandName": "App\\Jobs\\SendTicketReply", "command": command},
        }
    )


def laravel_trace(i: int) -> str:
    frames = "\n".join(
        f"#{k} /var/www/html/vendor/laravel/framework/src/Illuminate/Queue/Worker.php({100 + k}): "
        "Illuminate\\Queue\\Jobs\\Job->fire()"
        for k in range(40)
    )
    return (
        f"GuzzleHttp\\Exception\\ConnectException: cURL error 28: timeout {i} in /var/www/html/app.php:42\n"
        f"Stack trace:\n{frames}\n#40 {{main}}"
    )


def laravel(path: Path, tickets: int = 24, users: int = 5) -> Path:
    """A Laravel 11 app's ``database.sqlite`` after ``php artisan migrate`` and some use."""
    ddl = [
        'create table "migrations" ("id" integer primary key autoincrement not null, "migration" varchar not '
        'null, "batch" integer not null)',
        'create table "users" ("id" integer primary key autoincrement not null, "name" varchar not null, '
        '"email" varchar not null, "email_verified_at" datetime, "password" varchar not null, '
        '"remember_token" varchar, "created_at" datetime, "updated_at" datetime)',
        'create unique index "users_email_unique" on "users" ("email")',
        'create table "sessions" ("id" varchar not null, "user_id" integer, "ip_address" varchar, '
        '"user_agent" text, "payload" text not null, "last_activity" integer not null, primary key ("id"))',
        'create table "failed_jobs" ("id" integer primary key autoincrement not null, "uuid" varchar not '
        'null, "connection" text not null, "queue" text not null, "payload" text not null, "exception" '
        'text not null, "failed_at" datetime not null default CURRENT_TIMESTAMP)',
        'create unique index "failed_jobs_uuid_unique" on "failed_jobs" ("uuid")',
        'create table "tickets" ("id" integer primary key autoincrement not null, "user_id" integer not '
        'null, "uuid" varchar not null, "subject" varchar not null, "status" varchar check ("status" in '
        "('open', 'pending', 'closed')) not null default 'open', \"is_urgent\" tinyint(1) not null default "
        '\'0\', "price_cents" integer not null, "meta" text, "created_at" datetime, '
        '"updated_at" datetime, "deleted_at" datetime, foreign key("user_id") references "users"("id") '
        "on delete cascade)",
        'create table "comments" ("id" integer primary key autoincrement not null, "ticket_id" integer not '
        'null, "body" text not null, "created_at" datetime, "updated_at" datetime, foreign key("ticket_id") '
        'references "tickets"("id") on delete cascade)',
    ]
    migrations = [
        (1, "0001_01_01_000000_create_users_table", 1),
        (2, "0001_01_01_000001_create_cache_table", 1),
        (3, "0001_01_01_000002_create_jobs_table", 1),
        (4, "2024_05_20_084200_create_tickets_table", 2),
    ]
    user_rows = [
        (
            u + 1,
            f"Agent {u}",
            f"agent{u}@example.com",
            laravel_time(moment(u - 30)) if u % 2 == 0 else None,
            f"$2y$12$abcdefghijklmnopqrstuv{u:02d}ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456",
            None if u % 3 == 2 else hashlib.sha256(f"remember {u}".encode()).hexdigest()[:60],
            laravel_time(moment(u - 40)),
            laravel_time(moment(u - 35)),
        )
        for u in range(users)
    ]
    sessions = [
        (
            hashlib.sha1(f"session {s}".encode()).hexdigest()[:40],
            None if s == 2 else 1 + s % users,
            f"203.0.113.{10 + s}",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 "
            "Safari/537.36",
            "YTozOntzOjY6Il90b2tlbiI7czo0MDoi" + "QUJD" * 50,
            int(moment(s).timestamp()),
        )
        for s in range(4)
    ]
    failed = [
        (
            j + 1,
            str(uuid_for(700 + j)),
            "database",
            "default",
            laravel_payload(j),
            laravel_trace(j),
            laravel_time(moment(j + 3)),
        )
        for j in range(3)
    ]
    ticket_rows = [
        (
            i + 1,
            1 + i % users,
            str(uuid_for(i)),
            f"Ticket {i}",
            ("open", "pending", "closed")[i % 3],
            int(i % 4 == 0),
            laravel_cents(i),
            None if i % 5 == 1 else json.dumps({"priority": i % 3, "labels": ["billing"]}),
            laravel_time(moment(i)),
            laravel_time(moment(i) + timedelta(hours=2)),
            laravel_time(moment(i) + timedelta(days=1)) if i % 8 == 7 else None,
        )
        for i in range(tickets)
    ]
    comment_rows = [
        (c + 1, 1 + c % tickets, f"Reply {c}", laravel_time(moment(c)), laravel_time(moment(c)))
        for c in range(tickets * 2)
    ]
    return write_export(
        path,
        ddl,
        {
            "migrations": migrations,
            "users": user_rows,
            "sessions": sessions,
            "failed_jobs": failed,
            "tickets": ticket_rows,
            "comments": comment_rows,
        },
    )


# --- Hibernate on xerial sqlite-jdbc ---------------------------------------------------------------------

#: The JVM's zone when the app wrote its ``java.sql.Date`` values (as Europe/Berlin's in summer).
JVM_OFFSET = timedelta(hours=2)


def hibernate_due(i: int) -> date:
    return moment(i).date() + timedelta(days=7)


def jvm_midnight_millis(day: date) -> int:
    """``java.sql.Date.valueOf(day).getTime()``: the JVM zone's midnight, in epoch milliseconds."""
    return millis(datetime.combine(day, datetime.min.time(), timezone(JVM_OFFSET)))


def hibernate_amount(i: int) -> Decimal:
    return Decimal(4200 + 333 * i).scaleb(-2)


def jdbc_text(at: datetime) -> str:
    """sqlite-jdbc's ``date_class=TEXT``: ``yyyy-MM-dd HH:mm:ss.SSS`` in the JVM's zone, no offset."""
    local = at.astimezone(timezone(JVM_OFFSET))
    return f"{local:%Y-%m-%d %H:%M:%S}.{local.microsecond // 1000:03d}"


def hibernate(path: Path, tickets: int = 24, users: int = 5, *, date_class: str = "INTEGER") -> Path:
    """A Spring Boot / Hibernate app on xerial sqlite-jdbc (``hibernate.hbm2ddl.auto=update``)."""
    ddl = [
        "create table hibernate_sequence (next_val bigint)",
        "create table app_user (id bigint not null, email varchar(255), enabled boolean not null, "
        "created_at timestamp, primary key (id))",
        "create table ticket (id bigint not null, subject varchar(255), status varchar(255) check (status in "
        "('OPEN','PENDING','CLOSED')), closed boolean not null, amount numeric(38,2), due_date date, "
        "created_at timestamp, updated_at timestamp, deleted_at timestamp, user_id bigint, primary key (id), "
        "constraint FK_ticket_user foreign key (user_id) references app_user)",
        "create table comment (id bigint not null, body varchar(255), created_at timestamp, "
        "ticket_id bigint, primary key (id), constraint FK_comment_ticket foreign key (ticket_id) "
        "references ticket)",
    ]

    def when(at: datetime) -> int | str:
        return millis(at) if date_class == "INTEGER" else jdbc_text(at)

    def day(d: date) -> int | str:
        # setDate with date_class=TEXT formats the java.sql.Date as a timestamp (the connection's
        # date_string_format, yyyy-MM-dd HH:mm:ss.SSS): its JVM-zone midnight, as sqlite-jdbc writes it.
        return jvm_midnight_millis(d) if date_class == "INTEGER" else f"{d.isoformat()} 00:00:00.000"

    user_rows = [(u + 1, f"agent{u}@example.com", int(u != 3), when(moment(u - 20))) for u in range(users)]
    ticket_rows = [
        (
            i + 1,
            f"Ticket {i}",
            ("OPEN", "PENDING", "CLOSED")[i % 3],
            int(i % 3 == 2),
            str(hibernate_amount(i)),
            day(hibernate_due(i)) if i % 4 != 3 else None,
            when(moment(i)),
            when(moment(i) + timedelta(minutes=1)),
            when(moment(i) + timedelta(days=2)) if i % 9 == 8 else None,
            1 + i % users,
        )
        for i in range(tickets)
    ]
    comment_rows = [
        (c + 1, f"Comment {c}", when(moment(c) + timedelta(seconds=30)), 1 + c % tickets)
        for c in range(tickets * 2)
    ]
    return write_export(
        path,
        ddl,
        {
            "hibernate_sequence": [(tickets * 3 + users + 1,)],
            "app_user": user_rows,
            "ticket": ticket_rows,
            "comment": comment_rows,
        },
    )


def hibernate_text(path: Path) -> Path:
    """:func:`hibernate` with sqlite-jdbc's ``date_class=TEXT``."""
    return hibernate(path, date_class="TEXT")


# --- SQLAlchemy + Alembic ------------------------------------------------------------------------------


def sqlalchemy_time(at: datetime) -> str:
    """SQLAlchemy's SQLite ``DATETIME`` storage format: six fraction digits always, no offset (an aware
    value's wall clock: the dialect drops its tzinfo)."""
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


def sqlalchemy_created(i: int) -> datetime:
    """Row ``i``'s naive UTC moment with microseconds (``datetime.utcnow()`` style)."""
    return (moment(i) + timedelta(microseconds=456 * i)).replace(tzinfo=None)


def sqlalchemy_amount(i: int) -> float:
    """``Numeric(10, 2)``: the dialect binds a float (SQLite has no decimal)."""
    return float(Decimal(990 + 125 * i).scaleb(-2))


SQLALCHEMY_STATUS = ("OPEN", "PENDING", "CLOSED")


def sqlalchemy(path: Path, tickets: int = 24, users: int = 5) -> Path:
    """A SQLAlchemy 2 app's database after ``alembic upgrade head`` (``Boolean(create_constraint=True)``,
    ``Enum(Status)``, ``Uuid``, ``JSON``, ``DateTime``)."""
    ddl = [
        "CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\t"
        "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)",
        "CREATE TABLE users (\n\tid INTEGER NOT NULL, \n\temail VARCHAR(254) NOT NULL, \n\t"
        "is_active BOOLEAN NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tPRIMARY KEY (id), \n\t"
        "UNIQUE (email), \n\tCHECK (is_active IN (0, 1))\n)",
        "CREATE TABLE tickets (\n\tid INTEGER NOT NULL, \n\tuuid CHAR(32) NOT NULL, \n\t"
        "subject VARCHAR(200) NOT NULL, \n\tstatus VARCHAR(7) NOT NULL, \n\tis_open BOOLEAN NOT NULL, \n\t"
        "amount NUMERIC(10, 2), \n\tmeta JSON, \n\tcreated_at DATETIME NOT NULL, \n\t"
        "updated_at DATETIME, \n\tdeleted_at DATETIME, \n\tuser_id INTEGER, \n\tPRIMARY KEY (id), \n\t"
        "CONSTRAINT status CHECK (status IN ('OPEN', 'PENDING', 'CLOSED')), \n\t"
        "CHECK (is_open IN (0, 1)), \n\tFOREIGN KEY(user_id) REFERENCES users (id)\n)",
        "CREATE TABLE comments (\n\tid INTEGER NOT NULL, \n\tticket_id INTEGER NOT NULL, \n\t"
        "body TEXT NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tPRIMARY KEY (id), \n\t"
        "FOREIGN KEY(ticket_id) REFERENCES tickets (id)\n)",
    ]
    user_rows = [
        (u + 1, f"agent{u}@example.com", int(u != 2), sqlalchemy_time(sqlalchemy_created(u - 20)))
        for u in range(users)
    ]
    ticket_rows = [
        (
            i + 1,
            uuid_for(i).hex,
            f"Ticket {i}",
            SQLALCHEMY_STATUS[i % 3],
            int(i % 3 != 2),
            None if i % 8 == 7 else sqlalchemy_amount(i),
            # JSON's none_as_null=False: a None attribute is persisted as the JSON text 'null'.
            "null" if i % 4 == 2 else json.dumps({"k": i, "tags": ["x"]}),
            sqlalchemy_time(sqlalchemy_created(i)),
            sqlalchemy_time(sqlalchemy_created(i) + timedelta(hours=1)) if i % 2 else None,
            sqlalchemy_time(sqlalchemy_created(i) + timedelta(days=4)) if i % 10 == 9 else None,
            1 + i % users,
        )
        for i in range(tickets)
    ]
    comment_rows = [
        (
            c + 1,
            1 + c % tickets,
            f"Comment {c}",
            sqlalchemy_time(sqlalchemy_created(c) + timedelta(minutes=2)),
        )
        for c in range(tickets * 2)
    ]
    return write_export(
        path,
        ddl,
        {
            "alembic_version": [("ae1027a6acf3",)],
            "users": user_rows,
            "tickets": ticket_rows,
            "comments": comment_rows,
        },
    )


# --- peewee ---------------------------------------------------------------------------------------------


def peewee_time(at: datetime) -> str:
    """peewee's ``DateTimeField``: ``str(datetime)``, so no fraction when the microsecond is 0."""
    return str(at)


def peewee_created(i: int) -> datetime:
    """Row ``i``'s naive moment: microseconds on three rows in four, a whole second on the fourth."""
    at = (moment(i) + timedelta(microseconds=17 * i)).replace(tzinfo=None)
    return at if i % 4 else at.replace(microsecond=0)


def peewee_price(i: int) -> Decimal:
    """``DecimalField(max_digits=10, decimal_places=2)``: bound as its text (``'-3.63'``)."""
    return Decimal(i * 137 - 500).scaleb(-2)


def peewee_ip(i: int) -> int:
    """``IPField``: the address as an unsigned 32-bit integer (``255.255.255.255`` above int32's range)."""
    return 0xFFFFFFFF if i % 2 == 0 else (10 << 24) | (i << 16) | ((255 - i) << 8) | (i * 3)


PEEWEE_BIG = (2**63 - 1, -(2**63), 2**53 + 1, 0, None, 12_345_678_901_234_567)
PEEWEE_FLOAT = (0.1 + 0.2, 1 / 3, -0.0, 1e-300, 123456789.12345679, None)
PEEWEE_NOTE = ("", None, "plain", "ünïcödé", "multi\nline", "tab\tinside")
PEEWEE_ACCOUNTS = ("AC-1", "AC-2", "ac-3")


def peewee(path: Path, events: int = 30) -> Path:
    """A peewee 3 app's database after ``db.create_tables`` (``SqliteDatabase``): every field type."""
    ddl = [
        'CREATE TABLE IF NOT EXISTS "account" ("code" VARCHAR(255) NOT NULL PRIMARY KEY, '
        '"name" VARCHAR(255))',
        'CREATE TABLE IF NOT EXISTS "event" ("id" INTEGER NOT NULL PRIMARY KEY, "account_id" VARCHAR(255), '
        '"created" DATETIME NOT NULL, "day" DATE, "at" TIME, "seen_ts" INTEGER, "synced_ts" INTEGER, '
        '"traced_ts" INTEGER, "price" DECIMAL(10, 2), "uid" TEXT, "buid" BLOB, "flag" INTEGER, '
        '"big" INTEGER, "ratio" REAL, "data" BLOB, "ip" INTEGER, "bits" INTEGER NOT NULL, '
        '"bigbits" BLOB, "doc" TEXT, "note" TEXT, '
        'FOREIGN KEY ("account_id") REFERENCES "account" ("code"))',
        'CREATE INDEX "event_account_id" ON "event" ("account_id")',
        'CREATE TABLE IF NOT EXISTS "membership" ("group" INTEGER NOT NULL, "member" VARCHAR(255) NOT NULL, '
        '"weight" REAL, PRIMARY KEY ("group", "member"))',
    ]
    rows = []
    for i in range(events):
        at = peewee_created(i)
        rows.append(
            (
                i + 1,
                None if i % 7 == 6 else PEEWEE_ACCOUNTS[i % 3],
                peewee_time(at),
                None if i % 6 == 0 else (date(2023, 1, 1) + timedelta(days=37 * i)).isoformat(),
                None if i % 6 == 1 else ("08:30:15.250000" if i % 2 else f"23:59:{i:02d}"),
                None if i % 5 == 3 else millis(moment(i)) // 1000,
                millis(moment(i)),
                millis(moment(i)) * 1000 + 7 * i,
                None if i % 8 == 0 else str(peewee_price(i)),
                None if i % 9 == 0 else uuid_for(i).hex,
                None if i % 9 == 1 else uuid_for(i + 100).bytes,
                (1, 0, None)[i % 3],
                PEEWEE_BIG[i % 6],
                PEEWEE_FLOAT[i % 6],
                None if i % 4 == 0 else bytes([i, 0, 255, 0x80, 0xC3]) * (i % 3 + 1),
                None if i % 5 == 2 else peewee_ip(i),
                i % 4,
                bytes(26) if i % 3 else b"",
                None
                if i % 5 == 4
                else json.dumps([{"a": i}, [1, 2], "text", 3.14][i % 5], separators=(",", ":")),
                PEEWEE_NOTE[i % 6],
            )
        )
    return write_export(
        path,
        ddl,
        {
            "account": [(code, None if code == "ac-3" else f"name {code}") for code in PEEWEE_ACCOUNTS],
            "event": rows,
            "membership": [(i % 4, f"m{i}", None if i % 5 == 0 else i / 7) for i in range(12)],
        },
        bytes_as_text=False,
    )


# --- Pony ORM -------------------------------------------------------------------------------------------


def pony_time(at: datetime, precision: int = 6) -> str:
    """Pony's ``DATETIME``: six fraction digits always, the digits past ``precision`` zeroed."""
    cut = at.microsecond - at.microsecond % 10 ** (6 - precision)
    return at.replace(microsecond=cut).strftime("%Y-%m-%d %H:%M:%S.%f")


def pony_joined(c: int) -> datetime:
    """Customer ``c``'s naive moment with microseconds (every third a whole second)."""
    at = (moment(c * 17) + timedelta(microseconds=101 * c)).replace(tzinfo=None)
    return at if c % 3 else at.replace(microsecond=0)


def pony_balance(c: int) -> Decimal:
    """``Decimal`` bound as its text; a whole amount (``-50``) is kept as an INTEGER by NUMERIC affinity."""
    return Decimal(c * 12345 - 5000).scaleb(-2)


def pony_took(o: int) -> timedelta | None:
    """``timedelta``: stored as REAL days."""
    return None if o % 4 == 0 else timedelta(days=o % 3, seconds=61 * o, microseconds=1000 * o)


def pony_json(c: int) -> str:
    """``Json``: sorted keys, no spaces. A bare number is text bound to a column of NUMERIC affinity
    (``JSON``): SQLite keeps it as a REAL."""
    return json.dumps(
        [{"theme": "dark", "n": c}, [1, 2], "s", 2.5][c % 5], sort_keys=True, separators=(",", ":")
    )


PONY_TAGS = ("vip", "new", "Ünï", "x y")


def pony(path: Path, customers: int = 20, orders: int = 30) -> Path:
    """A Pony ORM database after ``db.generate_mapping(create_tables=True)``: a ``Set`` relationship's
    link table, a composite key, a table named ``Order`` and a column named ``order``."""
    ddl = [
        'CREATE TABLE "Customer" (\n  "id" INTEGER PRIMARY KEY AUTOINCREMENT,\n  "name" TEXT NOT NULL,\n'
        '  "email" TEXT UNIQUE,\n  "bio" TEXT NOT NULL,\n  "joined" DATETIME NOT NULL,\n'
        '  "joined_s" DATETIME(0),\n  "birthday" DATE,\n  "wake" TIME,\n'
        '  "balance" DECIMAL(12, 2) NOT NULL,\n'
        '  "key" UUID UNIQUE NOT NULL,\n  "prefs" JSON,\n  "avatar" BLOB,\n  "score" REAL,\n'
        '  "active" BOOLEAN NOT NULL,\n  "visits" BIGINT\n)',
        'CREATE TABLE "Order" (\n  "id" INTEGER PRIMARY KEY AUTOINCREMENT,\n'
        '  "customer" INTEGER NOT NULL REFERENCES "Customer" ("id") ON DELETE CASCADE,\n'
        '  "placed" DATETIME NOT NULL,\n  "took" INTERVAL,\n  "total" DECIMAL(12, 2) NOT NULL\n)',
        'CREATE TABLE "Line" (\n  "order" INTEGER NOT NULL REFERENCES "Order" ("id") ON DELETE CASCADE,\n'
        '  "sku" TEXT NOT NULL,\n  "qty" INTEGER NOT NULL,\n  PRIMARY KEY ("order", "sku")\n)',
        'CREATE TABLE "Tag" (\n  "label" TEXT NOT NULL PRIMARY KEY\n)',
        'CREATE TABLE "Customer_Tag" (\n  "customer" INTEGER NOT NULL REFERENCES "Customer" ("id") ON DELETE '
        'CASCADE,\n  "tag" TEXT NOT NULL REFERENCES "Tag" ("label") ON DELETE CASCADE,\n'
        '  PRIMARY KEY ("customer", "tag")\n)',
    ]
    customer_rows = [
        (
            c + 1,
            f"Customer {c}",
            None if c % 4 == 0 else f"c{c}@example.org",
            "" if c % 3 == 0 else " ".join([f"Bio of {c}."] * (c + 1)),
            pony_time(pony_joined(c)),
            None if c % 2 else pony_time(pony_joined(c), precision=0),
            None if c % 7 == 0 else date(1980 + c, 1 + c % 12, 1 + c).isoformat(),
            None if c % 6 == 0 else f"06:{c:02d}:30" + (".500000" if c % 2 else ""),
            str(pony_balance(c)),
            uuid_for(c).bytes,
            None if c % 5 == 4 else pony_json(c),
            None if c % 3 == 1 else bytes(range(c, c + 8)),
            (0.1 + 0.2, None, 1e20, -1.5)[c % 4],
            c % 2,
            (2**63 - 1, 0, None, -5)[c % 4],
        )
        for c in range(customers)
    ]
    order_rows = [
        (
            o + 1,
            1 + o % customers,
            pony_time(moment(o).replace(tzinfo=None)),
            None if (took := pony_took(o)) is None else took / timedelta(days=1),
            str(Decimal("19.99") * o),
        )
        for o in range(orders)
    ]
    return write_export(
        path,
        ddl,
        {
            "Customer": customer_rows,
            "Order": order_rows,
            "Line": [(o + 1, f"SKU-{k}", 1 + (o + k) % 5) for o in range(orders) for k in range(o % 3 + 1)],
            "Tag": [(label,) for label in PONY_TAGS],
            "Customer_Tag": [
                (c + 1, PONY_TAGS[t]) for c in range(customers) for t in range(len(PONY_TAGS)) if (c >> t) & 1
            ],
        },
        bytes_as_text=False,
    )


# --- beets ----------------------------------------------------------------------------------------------


def field_names(text: str) -> list[str]:
    """The names in ``text``, separated by spaces (a schema's long field lists, written compactly)."""
    return text.split()


#: beets 2's ``items`` fields by SQL type (``library.Item._fields``); ``id INTEGER PRIMARY KEY`` aside.
BEETS_ITEM_FIELDS = {
    "TEXT": field_names(
        "acoustid_fingerprint acoustid_id album albumartist albumartist_credit albumartist_sort "
        "albumartists albumartists_credit albumartists_sort albumdisambig albumstatus albumtype "
        "albumtypes arrangers arrangers_ids artist artist_credit artist_sort artists artists_credit "
        "artists_ids artists_sort asin barcode bitrate_mode catalognum comments composer_sort "
        "composers composers_ids country disctitle encoder encoder_info encoder_settings format "
        "genres grouping initial_key isrc label language lyricists lyricists_ids lyrics "
        "mb_albumartistid mb_albumartistids mb_albumid mb_artistid mb_artistids mb_releasegroupid "
        "mb_releasetrackid mb_trackid mb_workid media release_group_title releasegroupdisambig "
        "remixers remixers_ids script style subtitle title trackdisambig work work_disambig"
    ),
    "REAL": field_names(
        "added length mtime r128_album_gain r128_track_gain rg_album_gain rg_album_peak rg_track_gain "
        "rg_track_peak"
    ),
    "INTEGER": field_names(
        "album_id bitdepth bitrate bpm channels comp day disc discogs_albumid discogs_artistid "
        "discogs_labelid disctotal month original_day original_month original_year samplerate track "
        "tracktotal year"
    ),
    "BLOB": field_names("path"),
}
#: ... and ``albums``' (``library.Album._fields``).
BEETS_ALBUM_FIELDS = {
    "TEXT": field_names(
        "album albumartist albumartist_credit albumartist_sort albumartists albumartists_credit "
        "albumartists_sort albumdisambig albumstatus albumtype albumtypes asin barcode catalognum "
        "country genres label language mb_albumartistid mb_albumartistids mb_albumid "
        "mb_releasegroupid release_group_title releasegroupdisambig script style"
    ),
    "REAL": field_names("added r128_album_gain rg_album_gain rg_album_peak"),
    "INTEGER": field_names(
        "comp day discogs_albumid discogs_artistid discogs_labelid disctotal month original_day "
        "original_month original_year year"
    ),
    "BLOB": field_names("artpath"),
}
#: Fields beets leaves NULL until set (gains, peaks, the musical key); every other unset field is its
#: type's null value: ``''`` for text, 0 for numbers.
BEETS_NULL_FIELDS = frozenset(
    field_names(
        "initial_key r128_album_gain r128_track_gain rg_album_gain rg_album_peak rg_track_gain rg_track_peak"
    )
)
#: Track file names: Latin-1 bytes from an old disk, UTF-8, ASCII, and bytes valid in no encoding.
BEETS_NAMES = (b"caf\xe9", "café".encode(), b"plain", b"\xff\xfe")


def beets_fields(fields: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(name, SQL type) in beets' order: by name, ``id INTEGER PRIMARY KEY`` among them."""
    typed = [(name, kind) for kind, names in fields.items() for name in names]
    return sorted([*typed, ("id", "INTEGER PRIMARY KEY")])


def beets_path(album: int, track: int) -> bytes:
    """An item's path relative to the library directory (beets' ``relative_path`` migration): bytes."""
    return b"Artist %d/Album %d/%02d " % (album, album, track + 1) + BEETS_NAMES[track % 4] + b".mp3"


def beets_added(n: int) -> float:
    """``time.time()`` when item ``n`` was imported: epoch seconds with a fraction."""
    return 1716194520.123456 + n * 0.731


def beets_item(n: int, albums: int) -> dict[str, Any]:
    """Item ``n``'s set fields (the others are unset)."""
    album, track = n % albums, n // albums
    return {
        "id": n + 1,
        "title": f"Song {n}" if n % 3 else f"Chanson {n} à la carte",
        "artist": f"Artist {album}",
        "album": f"Album {album}",
        "album_id": album + 1,
        "track": track + 1,
        "year": 1990 + album,
        "format": "MP3",
        "length": 180.5 + n / 3,
        "bitrate": 320000,
        "samplerate": 44100,
        "channels": 2,
        "bpm": (0, 120, 128)[n % 3],
        "comp": n % 2,
        "rg_track_gain": None if n % 3 == 0 else -6.53 + n / 100,
        "comments": f"ripped {n}" if n % 4 == 0 else "",
        "added": beets_added(n),
        "mtime": beets_added(n) - 86400.25,
        "path": beets_path(album, track),
    }


def beets(path: Path, albums: int = 3, items: int = 12) -> Path:
    """A beets 2 ``library.db`` after ``beet import``: items and albums, their flexible attributes."""
    gap = "\n" + " " * 20  # beets' DDL keeps its source's indentation

    def attributes(table: str) -> str:
        return (
            f"CREATE TABLE {table} ({gap}id INTEGER PRIMARY KEY,{gap}entity_id INTEGER,{gap}key TEXT,"
            f"{gap}value TEXT,{gap}UNIQUE(entity_id, key) ON CONFLICT REPLACE)"
        )

    item_fields, album_fields = beets_fields(BEETS_ITEM_FIELDS), beets_fields(BEETS_ALBUM_FIELDS)

    def ddl(table: str, fields: list[tuple[str, str]]) -> str:
        return f"CREATE TABLE {table} ({', '.join(f'{name} {kind}' for name, kind in fields)})"

    def unset(name: str, kind: str) -> Any:
        return None if name in BEETS_NULL_FIELDS else {"TEXT": "", "INTEGER": 0}.get(kind.split()[0])

    def row(fields: list[tuple[str, str]], values: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(values[name] if name in values else unset(name, kind) for name, kind in fields)

    item_rows = [row(item_fields, beets_item(n, albums)) for n in range(items)]
    album_rows = [
        row(
            album_fields,
            {
                "id": a + 1,
                "album": f"Album {a}",
                "albumartist": f"Artist {a}",
                "year": 1990 + a,
                "added": beets_added(items + a),
                "artpath": None if a == 1 else b"Artist %d/cover\xe9.jpg" % a,
            },
        )
        for a in range(albums)
    ]
    item_attributes: list[tuple[Any, ...]] = []
    for n in range(items):
        flexible = {"mood": ("happy", "sad", "", "42")[n % 4]}
        if n % 2:
            flexible |= {"play_count": str(3 * n), "last_played": f"{beets_added(n) + 86400.5 * n:.15g}"}
        for key, value in flexible.items():
            item_attributes.append((len(item_attributes) + 1, n + 1, key, value))
    migrations = [
        ("multi_genre_field", "items"),
        ("multi_genre_field", "albums"),
        ("relative_path", "items"),
        ("relative_path", "albums"),
    ]
    return write_export(
        path,
        [
            "CREATE TABLE migrations (\n                    name TEXT NOT NULL,\n                    "
            "table_name TEXT NOT NULL,\n                    PRIMARY KEY(name, table_name)\n                )",
            ddl("items", item_fields),
            attributes("item_attributes"),
            "CREATE INDEX item_attributes_by_entity\n                    ON item_attributes (entity_id)",
            "CREATE INDEX idx_item_album_id ON items (album_id)",
            ddl("albums", album_fields),
            attributes("album_attributes"),
            "CREATE INDEX album_attributes_by_entity\n                    ON album_attributes (entity_id)",
        ],
        {
            "migrations": migrations,
            "items": item_rows,
            "item_attributes": item_attributes,
            "albums": album_rows,
            "album_attributes": [(a + 1, a + 1, "genre_flex", f"flex {a}") for a in range(albums)],
        },
        bytes_as_text=False,
    )
