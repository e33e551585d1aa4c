"""Databases written by application frameworks' ORMs (Sequelize, Prisma, GORM, Laravel's Eloquent,
Hibernate on xerial sqlite-jdbc, SQLAlchemy) through ``columnar-etl run`` into the session's real
PostgreSQL, every cell checked.

The files are built by ``tests/orm_exports.py`` as those ORMs and drivers write them. Each test runs
the CLI as an operator would (``run --mode simple --yes --json``), then checks every cell of the
target against the source and the audit with the project's lossless checker, the exit code and
run.json's outcome, the types chosen, and the values the builder knows (its instants, amounts, cents,
ids), computed from the builder's own numbers, never from a run. What these files stress: an
offset neither dropped nor applied twice (Sequelize's ``+05:30``), Go's nanoseconds never rounded
(the column stays text, and the run is no longer halted for it), epoch milliseconds never read as
seconds (Prisma, JDBC), cents never read as units, a uint64 above 2^63 never wrapped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from columnar_etl import profile

from . import orm_exports as orm
from .conftest import SqliteFactory, pg_query
from .test_other_products import Ran, audit_rules, loaded_cleanly, run_export


def _decimals(values: dict[Any, Any]) -> dict[Any, Decimal | None]:
    """A numeric column's values (the driver hands each over as its text) as decimals."""
    return {key: None if value is None else Decimal(value) for key, value in values.items()}


__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]


def notes_of(run_dir: Path, table: str) -> dict[str, str]:
    """``{column: its type_reason and notes}`` from the run's profile.json."""
    data = json.loads((run_dir / "profile.json").read_text())
    (found,) = [t for t in data["tables"] if t["name"] == table]
    return {c["name"]: " ".join([c["type_reason"], *c["notes"]]) for c in found["columns"]}


def clean_exit(ran: Ran) -> None:
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert all(r["quarantined"] == 0 for r in ran.record["rows"].values()), ran.record["rows"]


# --- Sequelize -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "offset"),
    [(orm.sequelize, timedelta(0)), (orm.sequelize_plus_0530, timedelta(hours=5, minutes=30))],
    ids=["utc", "plus_0530"],
)
def test_sequelize_dates_with_a_space_before_the_offset_are_the_instants(
    run_export: Runner, build: Callable[[Path], Path], offset: timedelta
) -> None:
    # Until 2026-12-02 `2024-05-20 08:42:00.123 +00:00` was of no date shape: every DATETIME column
    # was text, and 7 of 22 such columns halted the run (exit 3, "hold text where their declared
    # type says otherwise").
    ran, run_dir = run_export(build)
    tickets, users = 24, 5
    loaded_cleanly(ran, run_dir, {"SequelizeMeta": 3, "Users": users, "Tickets": tickets, "Comments": 48})
    clean_exit(ran)
    types = ran.types("Tickets")
    assert types == {
        "id": "text",  # UUID: NUMERIC affinity keeps the text
        "subject": "text",
        "status": "text",
        "isOpen": "bigint",  # TINYINT(1): only a declared BOOLEAN reads 0/1 as booleans
        "price": "numeric",  # DECIMAL(10,2): a JavaScript number's double, read as its decimal
        "meta": "text",
        "userId": "bigint",
        "createdAt": "timestamp with time zone",
        "updatedAt": "timestamp with time zone",
        "deletedAt": "timestamp with time zone",
    }
    ids = {str(orm.uuid_for(i)): i for i in range(tickets)}
    written = {str(orm.uuid_for(i)): orm.sequelize_time(orm.moment(i), offset) for i in range(tickets)}
    assert written[str(orm.uuid_for(0))].endswith(("+00:00", "+05:30"))
    # The instant, to the millisecond: the offset applied once (08:42:00.123 +00:00 is 14:12:00.123
    # +05:30's instant), never dropped.
    assert ran.values("Tickets", "createdAt", "id") == {k: orm.moment(i) for k, i in ids.items()}
    assert ran.values("Tickets", "updatedAt", "id") == {
        k: orm.moment(i) + timedelta(hours=1, milliseconds=1) for k, i in ids.items()
    }
    assert ran.values("Tickets", "deletedAt", "id") == {
        k: orm.moment(i) + timedelta(days=3) if i % 5 == 4 else None for k, i in ids.items()
    }
    # Every cell read from text is audited under the format's rule.
    rule = {"date_format:%Y-%m-%d %H:%M:%S.%f %z"}
    assert audit_rules(run_dir, "Tickets", "createdAt") == {k: rule for k in ids}
    assert ran.values("Users", "createdAt", "id") == {u + 1: orm.moment(u - 50) for u in range(users)}
    assert _decimals(ran.values("Tickets", "price", "id")) == {
        k: Decimal(repr(orm.sequelize_price(i))) for k, i in ids.items()
    }
    assert ran.values("Tickets", "isOpen", "id") == {k: int(i % 3 != 2) for k, i in ids.items()}
    meta = {k: None if v is None else json.loads(v) for k, v in ran.values("Tickets", "meta", "id").items()}
    assert meta == {k: orm.sequelize_meta(i) for k, i in ids.items()}
    assert ran.values("Comments", "ticketId", "id") == {
        c + 1: str(orm.uuid_for(c % tickets)) for c in range(48)
    }


# --- Prisma --------------------------------------------------------------------------------------------


def test_prisma_epoch_milliseconds_are_instants_and_its_decimals_and_bigints_exact(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(orm.prisma)
    tickets, users = 24, 6
    loaded_cleanly(
        ran,
        run_dir,
        {"_prisma_migrations": 2, "User": users, "Session": 4, "Ticket": tickets, "Comment": 48},
    )
    # Until 2026-12-02 the two `createdAt` values a raw SQL seed wrote (DEFAULT CURRENT_TIMESTAMP)
    # among the epoch milliseconds were quarantined as invalid numbers: NULL, exit 2.
    clean_exit(ran)
    types = ran.types("Ticket")
    assert types == {
        "id": "text",
        "subject": "text",
        "amount": "numeric",  # DECIMAL: NUMERIC affinity kept the bound '12.50' as 12.5, read as 12.50
        "views": "bigint",
        "isOpen": "boolean",
        "meta": "text",
        "closedAt": "timestamp with time zone",
        "createdAt": "timestamp with time zone",
        "updatedAt": "timestamp with time zone",
        "userId": "bigint",
    }
    keys = {f"clx{i:04d}ab{orm.uuid_for(i).hex[:16]}": i for i in range(tickets)}
    # Milliseconds, never seconds: the instants to the millisecond, each audited.
    assert ran.values("Ticket", "createdAt", "id") == {k: orm.moment(i) for k, i in keys.items()}
    assert ran.values("Ticket", "createdAt", "id")[next(iter(keys))] == datetime(
        2024, 5, 20, 8, 42, 0, 123_000, tzinfo=UTC
    )
    assert audit_rules(run_dir, "Ticket", "createdAt") == {k: {"epoch:milliseconds"} for k in keys}
    assert ran.values("Ticket", "closedAt", "id") == {
        k: orm.moment(i) + timedelta(days=2) if i % 3 == 0 else None for k, i in keys.items()
    }
    # BigInt beyond 2^53 exactly; Decimal as the double SQLite holds (exact for these cents).
    views = ran.values("Ticket", "views", "id")
    assert views == {k: orm.prisma_views(i) for k, i in keys.items()}
    assert max(views.values()) > 2**53
    assert _decimals(ran.values("Ticket", "amount", "id")) == {
        k: orm.prisma_amount(i) for k, i in keys.items()
    }
    assert ran.values("Ticket", "isOpen", "id") == {k: i % 4 != 1 for k, i in keys.items()}
    # A DateTime is a DATETIME column whatever its name: Auth.js's `expires` is instants too.
    assert ran.types("Session")["expires"] == "timestamp with time zone"
    assert ran.values("Session", "expires", "id") == {f"sess{s:03d}": orm.prisma_expires(s) for s in range(4)}
    # Instants written two ways (epoch ms and the seed's CURRENT_TIMESTAMP text) stay as written.
    assert ran.types("User")["createdAt"] == "text"
    assert ran.values("User", "createdAt", "id") == {
        u + 1: str(orm.prisma_user_created(u)) for u in range(users)
    }
    assert "instants written two ways" in notes_of(run_dir, "User")["createdAt"]
    assert audit_rules(run_dir, "User", "createdAt") == {}
    assert ran.types("_prisma_migrations")["finished_at"] == "timestamp with time zone"
    assert ran.values("_prisma_migrations", "started_at", "migration_name") == {
        "20240520084200_init": orm.moment(-80),
        "20240601090000_add_meta": orm.moment(-79),
    }


# --- GORM / mattn go-sqlite3 -----------------------------------------------------------------------


def test_gorm_nanoseconds_stay_as_written_and_no_longer_halt_the_run(run_export: Runner) -> None:
    # Until 2026-12-02 a datetime column whose every value has nine fraction digits counted as "text
    # where the declared type says otherwise": 8 of 24 columns, the run halted (exit 3).
    ran, run_dir = run_export(orm.gorm)
    tickets, users = 24, 5
    loaded_cleanly(ran, run_dir, {"users": users, "tickets": tickets, "comments": 48})
    clean_exit(ran)
    types = ran.types("tickets")
    assert types == {
        "id": "bigint",
        "created_at": "text",  # nanoseconds: PostgreSQL keeps microseconds, rounding would lose them
        "updated_at": "text",
        "deleted_at": "text",
        "subject": "text",
        "closed": "bigint",  # `numeric` bools: 0/1 under no boolean declaration
        "closed_at": "text",
        "external_id": "numeric",  # uint64 text beyond bigint: every digit
        "user_id": "bigint",
        "last_event": "text",
    }
    for i in range(tickets):
        assert orm.go_nanos(i) % 1000, i  # none of them whole microseconds: each would be rounded
    assert ran.values("tickets", "created_at", "id") == {
        i + 1: orm.go_time(orm.gorm_created(i), orm.go_nanos(i)) for i in range(tickets)
    }
    # Go's zero time beside the nanoseconds: both as written (no offset is missing from either).
    closed = ran.values("tickets", "closed_at", "id")
    assert closed == {
        i + 1: orm.go_time(orm.gorm_created(i) + timedelta(hours=5), orm.go_nanos(i + 2))
        if i % 3 == 0
        else orm.GO_ZERO_TIME
        for i in range(tickets)
    }
    notes = notes_of(run_dir, "tickets")
    assert "finer than the microseconds PostgreSQL keeps" in notes["closed_at"]
    assert "carry a UTC offset" not in notes["closed_at"]
    # A uint64 above 2^63 is the number it writes, never wrapped to a negative bigint.
    # (numeric(38,0): whole numbers beyond bigint get no fraction digits, 2^63 prints as written,
    # 9223372036854775808; until 2026-12-04 numeric(38,2) printed it 9223372036854775808.00.)
    external = {k: Decimal(v) for k, v in ran.values("tickets", "external_id", "id").items()}
    assert external == {i + 1: int(orm.gorm_snowflake(i)) for i in range(tickets)}
    assert all(v.as_tuple().exponent == 0 for v in external.values())
    assert external[1] == 2**63 and all(v > 0 for v in external.values())
    # Go's String() (`… +0000 UTC m=+1.13111111`): text, as written.
    assert ran.values("tickets", "last_event", "id") == {
        i + 1: orm.go_string(
            orm.gorm_created(i), orm.go_nanos(i), f"+{i}.{orm.go_nanos(i):09d}" if i % 2 else None
        )
        for i in range(tickets)
    }
    # Soft delete: users' and comments' deleted_at hold no value, the declared type, all NULL.
    assert ran.types("users")["deleted_at"] == "timestamp without time zone"
    assert set(ran.values("users", "deleted_at", "id").values()) == {None}
    assert ran.values("users", "balance_cents", "id") == {u + 1: 10_000 * u + 99 for u in range(users)}
    for column in ("created_at", "closed_at", "external_id", "last_event"):
        assert audit_rules(run_dir, "tickets", column) == {}, column


def test_gorm_microsecond_times_are_instants_and_gos_zero_time_is_year_one(run_export: Runner) -> None:
    ran, run_dir = run_export(orm.gorm_truncated)
    tickets = 12
    loaded_cleanly(ran, run_dir, {"tickets": tickets})
    clean_exit(ran)
    types = ran.types("tickets")
    assert types["created_at"] == types["closed_at"] == "timestamp with time zone"
    # The +02:00 applied once: 10:42 at +02:00 is 08:42 UTC, to the microsecond.
    assert ran.values("tickets", "created_at", "id") == {
        i + 1: orm.gorm_created(i) + timedelta(microseconds=orm.go_micros(i) // 1000) for i in range(tickets)
    }
    assert orm.go_time(orm.gorm_created(0), 0, orm.GO_SERVER_OFFSET).startswith("2024-05-20 10:42:00+02:00")
    # Go's zero time is an instant PostgreSQL holds: 0001-01-01 00:00:00+00, as written.
    zero = datetime(1, 1, 1, tzinfo=UTC)
    assert ran.values("tickets", "closed_at", "id") == {
        i + 1: orm.gorm_created(i) + timedelta(hours=5) if i % 3 == 0 else zero for i in range(tickets)
    }
    [(text,)] = pg_query(ran.uri, f'SELECT closed_at::text FROM "{ran.base}".tickets WHERE id = 2')
    assert text == "0001-01-01 00:00:00+00"
    assert audit_rules(run_dir, "tickets", "created_at") == {
        str(i + 1): {"date_format:%Y-%m-%d %H:%M:%S.%f%z"} for i in range(tickets)
    }


# --- Laravel -------------------------------------------------------------------------------------------


def test_laravel_database_arrives_cell_for_cell(run_export: Runner) -> None:
    ran, run_dir = run_export(orm.laravel)
    tickets, users = 24, 5
    loaded_cleanly(
        ran,
        run_dir,
        {
            "migrations": 4,
            "users": users,
            "sessions": 4,
            "failed_jobs": 3,
            "tickets": tickets,
            "comments": 48,
        },
    )
    clean_exit(ran)
    assert ran.types("tickets") == {
        "id": "bigint",
        "user_id": "bigint",
        "uuid": "text",
        "subject": "text",
        "status": "text",
        "is_urgent": "bigint",  # tinyint(1)
        "price_cents": "bigint",
        "meta": "text",
        "created_at": "timestamp without time zone",
        "updated_at": "timestamp without time zone",
        "deleted_at": "timestamp without time zone",
    }

    def wall(at: datetime) -> datetime:
        return at.replace(microsecond=0, tzinfo=None)

    assert ran.values("tickets", "created_at", "id") == {i + 1: wall(orm.moment(i)) for i in range(tickets)}
    # Cents stay cents (never divided), negatives too.
    cents = ran.values("tickets", "price_cents", "id")
    assert cents == {i + 1: orm.laravel_cents(i) for i in range(tickets)}
    assert min(cents.values()) < 0
    assert ran.values("users", "email_verified_at", "id") == {
        u + 1: wall(orm.moment(u - 30)) if u % 2 == 0 else None for u in range(users)
    }
    # Long payloads and traces, byte for byte (inner newlines kept; nothing at the ends to trim).
    assert ran.values("failed_jobs", "payload", "id") == {j + 1: orm.laravel_payload(j) for j in range(3)}
    assert ran.values("failed_jobs", "exception", "id") == {j + 1: orm.laravel_trace(j) for j in range(3)}
    assert min(len(orm.laravel_payload(j)) for j in range(3)) > 2000
    # last_activity: Unix seconds of the last activity, a moment by its name since 2026-12-05 (the
    # last event's words, as last_login): instants, each cell audited (before, bigint).
    assert ran.types("sessions")["last_activity"] == "timestamp with time zone"
    assert sorted(ran.values("sessions", "last_activity", "id").values()) == sorted(
        datetime.fromtimestamp(int(orm.moment(s).timestamp()), UTC) for s in range(4)
    )
    assert pg_query(ran.uri, f'SELECT migration FROM "{ran.base}".migrations WHERE id = 4') == [
        ("2024_05_20_084200_create_tickets_table",)
    ]


# --- Hibernate / xerial sqlite-jdbc ------------------------------------------------------------------------


def test_hibernate_jdbc_milliseconds_are_instants_and_a_date_is_the_jvms_midnight(run_export: Runner) -> None:
    ran, run_dir = run_export(orm.hibernate)
    tickets = 24
    loaded_cleanly(ran, run_dir, {"hibernate_sequence": 1, "app_user": 5, "ticket": tickets, "comment": 48})
    clean_exit(ran)
    types = ran.types("ticket")
    assert types["created_at"] == types["due_date"] == "timestamp with time zone"
    assert (types["closed"], types["amount"], types["status"]) == ("boolean", "numeric", "text")
    assert ran.values("ticket", "created_at", "id") == {i + 1: orm.moment(i) for i in range(tickets)}
    assert audit_rules(run_dir, "ticket", "created_at") == {
        str(i + 1): {"epoch:milliseconds"} for i in range(tickets)
    }
    # A java.sql.Date is the JVM zone's midnight: the instant exactly (22:00 UTC the day before).
    due = ran.values("ticket", "due_date", "id")
    jvm = timezone(orm.JVM_OFFSET)
    assert due == {
        i + 1: datetime.combine(orm.hibernate_due(i), datetime.min.time(), jvm) if i % 4 != 3 else None
        for i in range(tickets)
    }
    assert due[1].astimezone(UTC).hour == 22 and due[1].astimezone(jvm).date() == orm.hibernate_due(0)
    assert _decimals(ran.values("ticket", "amount", "id")) == {
        i + 1: orm.hibernate_amount(i) for i in range(tickets)
    }
    assert ran.values("hibernate_sequence", "next_val", "next_val") == {24 * 3 + 5 + 1: 24 * 3 + 5 + 1}


def test_hibernate_jdbc_text_dates_are_the_jvms_wall_clock(run_export: Runner) -> None:
    ran, run_dir = run_export(orm.hibernate_text)
    tickets = 24
    loaded_cleanly(ran, run_dir, {"hibernate_sequence": 1, "app_user": 5, "ticket": tickets, "comment": 48})
    clean_exit(ran)
    types = ran.types("ticket")
    # sqlite-jdbc writes a java.sql.Date as its midnight with the time (`2024-05-27 00:00:00.000`; until
    # 2026-12-04 the builder wrote `2024-05-27`, which no sqlite-jdbc writes): every one its day's
    # midnight in a column declared DATE, so dates (until 2026-12-04 timestamps at midnight).
    assert (types["created_at"], types["due_date"]) == ("timestamp without time zone", "date")
    jvm = timezone(orm.JVM_OFFSET)
    assert ran.values("ticket", "created_at", "id") == {
        i + 1: orm.moment(i).astimezone(jvm).replace(tzinfo=None) for i in range(tickets)
    }
    assert ran.values("ticket", "due_date", "id") == {
        i + 1: orm.hibernate_due(i) if i % 4 != 3 else None for i in range(tickets)
    }


# --- SQLAlchemy ------------------------------------------------------------------------------------------


def test_sqlalchemy_database_arrives_cell_for_cell(run_export: Runner) -> None:
    ran, run_dir = run_export(orm.sqlalchemy)
    tickets = 24
    loaded_cleanly(ran, run_dir, {"alembic_version": 1, "users": 5, "tickets": tickets, "comments": 48})
    assert (ran.code, ran.record["outcome"]) == (0, "done")
    assert ran.types("tickets") == {
        "id": "bigint",
        "uuid": "text",
        "subject": "text",
        "status": "text",
        "is_open": "boolean",
        "amount": "numeric",  # NUMERIC(10, 2): its REALs the decimals written
        "meta": "text",
        "created_at": "timestamp without time zone",
        "updated_at": "timestamp without time zone",
        "deleted_at": "timestamp without time zone",
        "user_id": "bigint",
    }
    # Six fraction digits always: the microsecond exactly.
    assert ran.values("tickets", "created_at", "id") == {
        i + 1: orm.sqlalchemy_created(i) for i in range(tickets)
    }
    assert _decimals(ran.values("tickets", "amount", "id")) == {
        i + 1: None if i % 8 == 7 else Decimal(repr(orm.sqlalchemy_amount(i))) for i in range(tickets)
    }
    assert ran.values("tickets", "status", "id") == {
        i + 1: orm.SQLALCHEMY_STATUS[i % 3] for i in range(tickets)
    }
    assert ran.values("tickets", "uuid", "id") == {i + 1: orm.uuid_for(i).hex for i in range(tickets)}
    # JSON's 'null' (a None attribute under none_as_null=False) is a null token: NULL, audited.
    assert ran.values("tickets", "meta", "id") == {
        i + 1: None if i % 4 == 2 else json.dumps({"k": i, "tags": ["x"]}) for i in range(tickets)
    }
    assert audit_rules(run_dir, "tickets", "meta") == {
        str(i + 1): {"null_like_to_null"} for i in range(tickets) if i % 4 == 2
    }
    assert pg_query(ran.uri, f'SELECT version_num FROM "{ran.base}".alembic_version') == [("ae1027a6acf3",)]
    # The runbook's way to keep JSON's null as the text it is: no null tokens for that column.
    kept, kept_dir = run_export(orm.sqlalchemy, config="[columns.tickets.meta]\nnull_tokens = []\n")
    loaded_cleanly(kept, kept_dir, {"alembic_version": 1, "users": 5, "tickets": tickets, "comments": 48})
    assert kept.values("tickets", "meta", "id") == {
        i + 1: "null" if i % 4 == 2 else json.dumps({"k": i, "tags": ["x"]}) for i in range(tickets)
    }
    assert audit_rules(kept_dir, "tickets", "meta") == {}


# --- the fixes, on the profile alone ---------------------------------------------------------------------


def test_epoch_integers_in_a_date_declared_column_are_instants_whatever_its_name(
    make_sqlite: SqliteFactory,
) -> None:
    ms = [orm.millis(orm.moment(i)) for i in range(6)]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, token DATETIME, token_int INTEGER, nonce TIMESTAMP)"
    rows = [(i, ms[i], ms[i], ms[i] // 1000) for i in range(6)]
    table = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    assert table["token"].inferred_type == table["nonce"].inferred_type == "timestamptz"
    # The declaration is the evidence: an integer column of the same numbers under a name that says
    # nothing of time keeps them (``expires`` says so since 2026-12-04: test_time_numbers).
    assert table["token_int"].inferred_type == "integer"
    # INTEGER cells, not TEXT: no type mismatch to report (until 2026-12-02 "stored as TEXT").
    assert table["token"].issue("type_mismatch") is None
    assert table["token"].quality == 100


def test_epoch_integers_beside_date_text_keep_the_column_text_whichever_are_more(
    make_sqlite: SqliteFactory,
) -> None:
    # Until 2026-12-02 the minority was lost: date text among epoch integers quarantined as invalid
    # numbers, epoch integers among date text as unparseable dates (NULL, exit 2).
    ms = [orm.millis(orm.moment(i)) for i in range(6)]
    seeded = [orm.moment(i).strftime("%Y-%m-%d %H:%M:%S") for i in range(6)]
    columns = {
        "few_text": [ms[0], ms[1], ms[2], ms[3], seeded[4], seeded[5]],
        "few_ints": [ms[0], ms[1], seeded[2], seeded[3], seeded[4], seeded[5]],
    }
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, few_text DATETIME, few_ints DATETIME)"
    rows = [(i, *(values[i] for values in columns.values())) for i in range(6)]
    table = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    for name in columns:
        column = table[name]
        assert column.inferred_type == "text", name
        assert "instants written two ways" in column.type_reason, name
        for kind in ("invalid_number", "unparseable_date", "impossible_date"):
            assert column.issue(kind) is None, (name, kind)


# --- peewee ---------------------------------------------------------------------------------------------


def test_peewee_every_field_type_arrives_cell_for_cell(run_export: Runner) -> None:
    ran, run_dir = run_export(orm.peewee)
    events = 30
    loaded_cleanly(ran, run_dir, {"account": 3, "event": events, "membership": 12})
    clean_exit(ran)
    assert ran.types("event") == {
        "id": "bigint",
        "account_id": "text",
        "created": "timestamp without time zone",
        "day": "date",
        # TIME of times of day alone (peewee's TimeField): time since 2026-12-06 (text until then).
        "at": "time without time zone",
        "seen_ts": "timestamp with time zone",  # TimestampField: epoch seconds
        "synced_ts": "timestamp with time zone",  # resolution=1000: epoch milliseconds
        "traced_ts": "timestamp with time zone",  # resolution=10**6: epoch microseconds
        "price": "numeric",  # DECIMAL(10, 2) text kept by NUMERIC affinity as REAL: read as written
        "uid": "text",
        "buid": "bytea",
        "flag": "bigint",  # BooleanField in an INTEGER column: only a declared BOOLEAN reads 0/1
        "big": "bigint",
        "ratio": "double precision",
        "data": "bytea",
        "ip": "bigint",
        "bits": "bigint",
        "bigbits": "bytea",
        "doc": "text",
        "note": "text",
    }
    keys = range(1, events + 1)
    assert ran.values("event", "created", "id") == {i + 1: orm.peewee_created(i) for i in range(events)}
    assert ran.values("event", "at", "id") == {
        i + 1: None if i % 6 == 1 else time(8, 30, 15, 250_000) if i % 2 else time(23, 59, i)
        for i in range(events)
    }
    assert ran.values("event", "seen_ts", "id") == {
        i + 1: None if i % 5 == 3 else orm.moment(i).replace(microsecond=0) for i in range(events)
    }
    assert ran.values("event", "synced_ts", "id") == {i + 1: orm.moment(i) for i in range(events)}
    # The microseconds peewee wrote (its moment's milliseconds, then 7 i more), to the very microsecond.
    assert ran.values("event", "traced_ts", "id") == {
        i + 1: datetime.fromtimestamp(orm.millis(orm.moment(i)) / 1000, UTC) + timedelta(microseconds=7 * i)
        for i in range(events)
    }
    assert _decimals(ran.values("event", "price", "id")) == {
        i + 1: None if i % 8 == 0 else orm.peewee_price(i) for i in range(events)
    }
    assert ran.values("event", "big", "id") == {i + 1: orm.PEEWEE_BIG[i % 6] for i in range(events)}
    # Every bit of the double; SQLite itself stores a whole REAL in a REAL column as an integer (its
    # documented space saving), so the -0.0 peewee bound reads back from the file as 0.0.
    ratios = ran.values("event", "ratio", "id")
    assert {k: None if v is None else v.hex() for k, v in ratios.items()} == {
        i + 1: None if (x := orm.PEEWEE_FLOAT[i % 6]) is None else (x + 0.0 if x == 0 else x).hex()
        for i in range(events)
    }
    assert ran.values("event", "ip", "id") == {
        i + 1: None if i % 5 == 2 else orm.peewee_ip(i) for i in range(events)
    }
    assert ran.values("event", "buid", "id") == {
        i + 1: None if i % 9 == 1 else orm.uuid_for(i + 100).bytes for i in range(events)
    }
    # BigBitField with no bit set is an empty BLOB: empty bytes, not NULL.
    assert ran.values("event", "bigbits", "id") == {i + 1: bytes(26) if i % 3 else b"" for i in range(events)}
    assert ran.values("event", "note", "id") == {i + 1: orm.PEEWEE_NOTE[i % 6] or None for i in range(events)}
    assert audit_rules(run_dir, "event", "note") == {
        str(k): {"empty_to_null"} for k in keys if orm.PEEWEE_NOTE[(k - 1) % 6] == ""
    }
    assert ran.values("event", "account_id", "id") == {
        i + 1: None if i % 7 == 6 else orm.PEEWEE_ACCOUNTS[i % 3] for i in range(events)
    }
    assert sorted(
        pg_query(ran.uri, f'SELECT "group", member, weight FROM "{ran.base}".membership')
    ) == sorted((i % 4, f"m{i}", None if i % 5 == 0 else i / 7) for i in range(12))


# --- Pony ORM -------------------------------------------------------------------------------------------


def test_pony_database_with_link_tables_and_a_table_named_order_arrives_cell_for_cell(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(orm.pony)
    customers, orders = 20, 30
    lines = sum(o % 3 + 1 for o in range(orders))
    links = sum(bin(c & 0b1111).count("1") for c in range(customers))
    loaded_cleanly(
        ran,
        run_dir,
        {"Customer": customers, "Order": orders, "Line": lines, "Tag": 4, "Customer_Tag": links},
    )
    # The blank bios are an unset Optional(str) in a NOT NULL column: no dirt, so no warning.
    clean_exit(ran)
    assert ran.types("Customer") == {
        "id": "bigint",
        "name": "text",
        "email": "text",
        "bio": "text",
        "joined": "timestamp without time zone",
        "joined_s": "timestamp without time zone",
        "birthday": "date",
        "wake": "time without time zone",  # TIME of times of day alone: time since 2026-12-06
        "balance": "numeric",  # DECIMAL(12, 2)
        "key": "bytea",  # UUID as its 16 bytes
        "prefs": "text",
        "avatar": "bytea",
        "score": "double precision",
        "active": "boolean",
        "visits": "bigint",
    }
    # Pony's time: six fraction digits where there are any (06:01:30.500000), audited as PostgreSQL
    # writes it (06:01:30.5).
    assert ran.values("Customer", "wake", "id") == {
        c + 1: None if c % 6 == 0 else time(6, c, 30, 500_000 if c % 2 else 0) for c in range(customers)
    }
    assert audit_rules(run_dir, "Customer", "wake") == {
        str(c + 1): {"time_format:%H:%M:%S.%f"} for c in range(customers) if c % 6 and c % 2
    }
    assert ran.types("Order") == {
        "id": "bigint",
        "customer": "bigint",
        "placed": "timestamp without time zone",
        "took": "double precision",  # INTERVAL as REAL days: the days, every bit
        "total": "numeric",  # DECIMAL(12, 2)
    }
    assert ran.values("Customer", "joined", "id") == {c + 1: orm.pony_joined(c) for c in range(customers)}
    # precision=0: the fraction's digits written as zeros, read as the whole second.
    assert ran.values("Customer", "joined_s", "id") == {
        c + 1: None if c % 2 else orm.pony_joined(c).replace(microsecond=0) for c in range(customers)
    }
    assert _decimals(ran.values("Customer", "balance", "id")) == {
        c + 1: orm.pony_balance(c) for c in range(customers)
    }
    assert ran.values("Customer", "key", "id") == {c + 1: orm.uuid_for(c).bytes for c in range(customers)}
    assert ran.values("Customer", "active", "id") == {c + 1: bool(c % 2) for c in range(customers)}
    assert ran.values("Customer", "visits", "id") == {
        c + 1: (2**63 - 1, 0, None, -5)[c % 4] for c in range(customers)
    }
    assert ran.values("Customer", "prefs", "id") == {
        c + 1: None if c % 5 == 4 else orm.pony_json(c) for c in range(customers)
    }
    assert ran.values("Customer", "bio", "id") == {
        c + 1: None if c % 3 == 0 else " ".join([f"Bio of {c}."] * (c + 1)) for c in range(customers)
    }
    assert ran.values("Order", "took", "id") == {
        o + 1: None if (took := orm.pony_took(o)) is None else took / timedelta(days=1) for o in range(orders)
    }
    assert _decimals(ran.values("Order", "total", "id")) == {
        o + 1: Decimal("19.99") * o for o in range(orders)
    }
    assert sorted(pg_query(ran.uri, f'SELECT "order", sku, qty FROM "{ran.base}"."Line"')) == sorted(
        (o + 1, f"SKU-{k}", 1 + (o + k) % 5) for o in range(orders) for k in range(o % 3 + 1)
    )
    assert sorted(pg_query(ran.uri, f'SELECT customer, tag FROM "{ran.base}"."Customer_Tag"')) == sorted(
        (c + 1, tag) for c in range(customers) for t, tag in enumerate(orm.PONY_TAGS) if (c >> t) & 1
    )


# --- beets ----------------------------------------------------------------------------------------------


def test_beets_library_with_tag_fields_never_filled_loads_and_keeps_its_byte_paths(
    run_export: Runner,
) -> None:
    # Until 2026-12-04 the dozens of tag fields beets writes as '' when unset, beside its NULL gains,
    # cost as dirt: the library scored 44.3 and the run was halted by the circuit breaker (exit 3).
    ran, run_dir = run_export(orm.beets)
    items, albums = 12, 3
    attributes = sum(3 if n % 2 else 1 for n in range(items))
    loaded_cleanly(
        ran,
        run_dir,
        {
            "migrations": 4,
            "items": items,
            "item_attributes": attributes,
            "albums": albums,
            "album_attributes": 3,
        },
    )
    clean_exit(ran)
    set_fields = set(orm.beets_item(0, albums))
    never_filled = set(orm.BEETS_ITEM_FIELDS["TEXT"]) - set_fields - orm.BEETS_NULL_FIELDS
    # Every text field some item leaves '' (the never-filled ones and, since 2026-12-05, those filled on
    # some items only): beets writes a missing text '' and a missing number NULL, each kind one way.
    blank = {
        name
        for name in set(orm.BEETS_ITEM_FIELDS["TEXT"]) - orm.BEETS_NULL_FIELDS
        if any(orm.beets_item(n, albums).get(name, "") == "" for n in range(items))
    }
    assert never_filled < blank
    profiled = json.loads((run_dir / "profile.json").read_text())
    (table,) = [t for t in profiled["tables"] if t["name"] == "items"]
    assert {c["name"] for c in table["columns"] if c["blank_is_missing"]} == blank
    assert profiled["quality"] >= 80.0
    types = ran.types("items")
    assert len(types) == 1 + sum(len(names) for names in orm.BEETS_ITEM_FIELDS.values())
    assert {
        name: types[name] for name in ("id", "album_id", "path", "added", "mtime", "length", "title")
    } == {
        "id": "bigint",
        "album_id": "bigint",
        "path": "bytea",  # file names as bytes, some valid in no encoding: byte for byte
        "added": "double precision",  # epoch seconds with a fraction: every bit of the double
        "mtime": "double precision",
        "length": "double precision",
        "title": "text",
    }
    assert {types[name] for name in never_filled} == {"text"}
    assert ran.values("items", "path", "id") == {
        n + 1: orm.beets_path(n % albums, n // albums) for n in range(items)
    }
    assert ran.values("items", "added", "id") == {n + 1: orm.beets_added(n) for n in range(items)}
    assert ran.values("items", "mtime", "id") == {n + 1: orm.beets_added(n) - 86400.25 for n in range(items)}
    assert ran.values("items", "comments", "id") == {
        n + 1: f"ripped {n}" if n % 4 == 0 else None for n in range(items)
    }
    assert ran.values("albums", "artpath", "id") == {
        a + 1: None if a == 1 else b"Artist %d/cover\xe9.jpg" % a for a in range(albums)
    }
    # Every unset text field's '' is NULL now, each audited.
    for name in never_filled:
        assert audit_rules(run_dir, "items", name) == {str(n + 1): {"empty_to_null"} for n in range(items)}
    moods = {
        key: value
        for key, value in pg_query(
            ran.uri, f"SELECT entity_id, value FROM \"{ran.base}\".item_attributes WHERE key = 'mood'"
        )
    }
    assert moods == {n + 1: ("happy", "sad", None, "42")[n % 4] for n in range(items)}


def test_a_duration_declared_interval_held_as_numbers_is_said_to_be_numbers_of_no_known_unit(
    make_sqlite: SqliteFactory,
) -> None:
    # Pony ORM writes a timedelta to its INTERVAL column as REAL days. Until 2026-12-04 the column's
    # note said its durations "stay text, as written" beside the double precision it became.
    days = [None, 1.5, 0.25, 2.0007060300925925]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, took INTERVAL, at TIME)"
    rows = [(i, days[i], f"08:4{i}:00") for i in range(4)]
    table = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    assert table["took"].inferred_type == "double"
    (said,) = [note for note in table["took"].notes if "a time of day or a duration" in note]
    assert "stay text" not in said and "numbers stay numbers" in said and "no unit is assumed" in said
    # Times of day alone under TIME: read as time since 2026-12-06 (until then "stay text, as written").
    assert table["at"].inferred_type == "time"
    (said,) = [note for note in table["at"].notes if "time of day" in note]
    assert said == "declared TIME: every value is a time of day (24-hour, no UTC offset), read as time"


def test_a_time_declared_time_held_with_a_date_is_said_to_read_as_that_type(
    make_sqlite: SqliteFactory,
) -> None:
    # xerial sqlite-jdbc's date_class=TEXT writes a java.sql.Time as the whole moment of 1970-01-01
    # (`1970-01-01 01:01:01.000`): a timestamp by the values. Until 2026-12-04 the column's note said
    # its times "stay text, as written" beside the timestamp it became.
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, wake TIME)"
    rows = [(i, f"1970-01-01 0{i}:0{i}:0{i}.000") for i in range(6)]
    table = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    assert table["wake"].inferred_type == "timestamp"
    (said,) = [note for note in table["wake"].notes if "a time of day or a duration" in note]
    assert "stay text" not in said and "with a date read as timestamp" in said, said
