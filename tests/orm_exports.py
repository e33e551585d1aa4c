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
  same with ``date_class=TEXT`` (``yyyy-MM-dd HH:mm:ss.SSS``, the JVM's wall clock, no offset).
- :func:`sqlalchemy`: ``DATETIME`` text ``2024-05-20 08:42:00.123456`` (always six digits),
  ``NUMERIC(10, 2)`` bound as floats, ``BOOLEAN`` with ``CHECK (x IN (0, 1))``, ``Enum`` as ``VARCHAR``
  with a ``CHECK`` (the member names), ``Uuid`` as ``CHAR(32)`` hex, ``JSON`` (``None`` written as
  ``'null'``), ``alembic_version``.
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
        return jvm_midnight_millis(d) if date_class == "INTEGER" else d.isoformat()

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
