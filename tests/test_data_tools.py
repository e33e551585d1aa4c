"""Exports that passed through data tools on their way into SQLite (pandas ``to_sql``, Excel → CSV →
sqlite-utils / DB Browser, Django, Rails, EF Core) through ``columnar-etl run`` into the session's real
PostgreSQL, every cell checked.

The files are built by ``tests/data_tools.py`` as those tools write them. Each test runs the CLI as an
operator would (``run --mode simple --yes --json``), then checks every cell of the target against the
source and the audit with the project's lossless checker, the exit code and run.json's outcome, the
types chosen, and the values the builder knows (its moments, amounts, booleans), computed from the
builder's own numbers, never from a run. The last tests pin the fixes this survey led to on the
profile alone: a spreadsheet's ``1.23457E+11`` among integers, timestamps written with and without a
fraction, offsets of one writer, spreadsheet error values.
"""

from __future__ import annotations

import json
import sqlite3
import struct
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from columnar_etl import profile
from columnar_etl.rules import DEFAULT_NULL_TOKENS

from . import data_tools as tools
from .conftest import SqliteFactory
from .test_other_products import Ran, audit_rules, loaded_cleanly, only_gate_warnings, run_export

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]


def profiled(run_dir: Path) -> dict[str, Any]:
    """The run's profile.json: its quality and ``{table: {column: column's JSON}}``."""
    data = json.loads((run_dir / "profile.json").read_text())
    columns = {t["name"]: {c["name"]: c for c in t["columns"]} for t in data["tables"]}
    return {"quality": data["quality"], "columns": columns}


def naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


# --- pandas DataFrame.to_sql -------------------------------------------------------------------------


def test_pandas_to_sql_frames_arrive_cell_for_cell_and_score_100(run_export: Runner) -> None:
    ran, run_dir = run_export(tools.pandas_to_sql)
    rows = 30
    loaded_cleanly(ran, run_dir, {"tickets": rows, "metrics": 10})
    # Nothing in a frame pandas wrote is dirt: its timestamps are isoformat(" ") text, with a fraction
    # where the microseconds are not 0 (until 2026-12-02 each of those cost 4 points per 1 %: 90.9).
    assert profiled(run_dir)["quality"] == 100
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("tickets")
    assert types == {
        "index": "bigint",
        "ticket_id": "bigint",
        "subject": "text",
        "created": "timestamp without time zone",
        "closed": "timestamp without time zone",
        "opened_utc": "timestamp with time zone",
        "priority": "double precision",  # a nullable int column pandas made float64: REAL cells
        "score": "double precision",
        "escalated": "bigint",  # bool as INTEGER 0/1: only a declared boolean reads them as booleans
        "ref": "text",  # an object column of ints and strings
        "wait": "bigint",  # timedelta64 as nanoseconds
    }
    assert ran.types("metrics") == {
        "level_0": "bigint",
        "index": "bigint",
        "day": "timestamp without time zone",
        "tickets": "bigint",
        "share": "double precision",
    }
    assert ran.values("tickets", "created", "index") == {i: tools.pandas_created(i) for i in range(rows)}
    assert ran.values("tickets", "closed", "index") == {
        i: None if i % 4 else tools.at(i) + timedelta(hours=30) for i in range(rows)
    }
    assert ran.values("tickets", "opened_utc", "index") == {
        i: tools.at(i).replace(tzinfo=UTC) for i in range(rows)
    }
    assert ran.values("tickets", "priority", "index") == {
        i: None if i % 5 == 2 else float(1 + i % 4) for i in range(rows)
    }
    assert ran.values("tickets", "escalated", "index") == {i: int(i % 3 == 0) for i in range(rows)}
    assert ran.values("tickets", "ref", "index") == {
        i: str(1000 + i) if i % 2 else f"A-{i}" for i in range(rows)
    }
    assert ran.values("tickets", "subject", "index") == {
        i: None if i % 7 == 3 else f"Subject {i}" for i in range(rows)
    }
    assert ran.values("metrics", "index", "level_0") == {i: 100 + i for i in range(10)}
    assert ran.values("metrics", "share", "level_0") == {i: i / 8 for i in range(10)}


# --- Excel → CSV → SQLite ----------------------------------------------------------------------------


@pytest.mark.parametrize("build", [tools.excel_csv, tools.excel_untyped], ids=["sqlite_utils", "db_browser"])
def test_excel_csv_keeps_what_the_spreadsheet_wrote(
    run_export: Runner, build: Callable[[Path], Path]
) -> None:
    ran, run_dir = run_export(build)
    header, body = tools.excel_rows()
    rows = len(body)
    loaded_cleanly(ran, run_dir, {"sheet": rows})
    # Blanks beside `#N/A` (two ways of writing "missing") and padded names cost the score below
    # min_quality: the gate warns, exit 2; everything is live.
    assert only_gate_warnings(ran, run_dir)
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    types = ran.types("sheet")
    assert types == {
        "id": "bigint",  # the BOM of "CSV UTF-8" left the first column's name, recorded
        "customer_no": "bigint",  # Excel dropped the leading zeros before the CSV: integers
        "postcode": "text",  # zeros kept: codes
        "external_id": "text",  # 1.23457E+11 beside integers: every cell as written
        "opened": "bigint",  # Excel serial dates stay numbers: no rule reads them as dates
        "opened_at": "numeric",
        "discount": "text",  # 12.5%
        "amount": "text",  # $1,234.50, (1,234.50)
        "active": "boolean",  # TRUE / FALSE
        "ratio": "text",  # numbers beside #DIV/0! and #VALUE!
        "name": "text",
        "notes": "text",
        "due": "date",
        "due_us": "date",
    }
    assert header[0] == "\ufeffid" and ran.record["load"]["column_names"]["sheet"][header[0]] == "id"
    column = {name.lstrip("\ufeff"): i for i, name in enumerate(header)}
    by_id = {int(row[0]): row for row in body}

    def arrived(name: str) -> dict[Any, Any]:
        return ran.values("sheet", name, "id")

    def written(name: str) -> dict[int, str]:
        return {key: row[column[name]] for key, row in by_id.items()}

    # Cells that arrive exactly as written, none audited.
    for name in ("external_id", "postcode", "discount", "amount"):
        assert arrived(name) == written(name), name
        assert audit_rules(run_dir, "sheet", name) == {}, name
    assert any("E+" in value for value in written("external_id").values())
    assert arrived("customer_no") == {key: int(v) for key, v in written("customer_no").items()}
    assert arrived("opened") == {key: int(v) for key, v in written("opened").items()}
    # numeric arrives as its text (pg_query); compared as decimals.
    opened_at = {key: Decimal(v) for key, v in arrived("opened_at").items()}
    assert opened_at == {key: Decimal(v) for key, v in written("opened_at").items()}
    assert arrived("active") == {key: v == "TRUE" for key, v in written("active").items()}
    # `#N/A` is a null token (docs/configuration.md, null_tokens): NULL, audited; the other error
    # values and the numbers beside them are text as written.
    assert "#N/A" in DEFAULT_NULL_TOKENS
    assert arrived("ratio") == {key: None if v == "#N/A" else v for key, v in written("ratio").items()}
    nulled = audit_rules(run_dir, "sheet", "ratio")
    assert nulled == {str(key): {"null_like_to_null"} for key, v in written("ratio").items() if v == "#N/A"}
    # Whitespace at the ends (no-break spaces too) trimmed, inside kept; CRLF inside a cell kept.
    assert arrived("name") == {key: v.strip() for key, v in written("name").items()}
    assert any(tools.NBSP in v for v in arrived("name").values())
    assert arrived("notes") == {key: v or None for key, v in written("notes").items()}
    assert any("\r\n" in (v or "") for v in arrived("notes").values())
    # `1/2/2025` on every row of `due` proves no order; `due_us` (5/13/2025) proves month-first for
    # the sheet: both read so, each cell audited.
    for name in ("due", "due_us"):
        month, day, year = zip(*(map(int, v.split("/")) for v in written(name).values()), strict=True)
        expected = {key: date(y, m, d) for key, m, d, y in zip(by_id, month, day, year, strict=True)}
        assert arrived(name) == expected, name
        assert len(audit_rules(run_dir, "sheet", name)) == rows
    columns = profiled(run_dir)["columns"]["sheet"]
    assert "spreadsheet's display of a long number" in columns["external_id"]["type_reason"]
    assert "spreadsheet's error values" in columns["ratio"]["type_reason"]
    assert "sheet.due_us" in " ".join(columns["due"]["notes"])


# --- ORMs --------------------------------------------------------------------------------------------


def test_django_database_arrives_cell_for_cell(run_export: Runner) -> None:
    ran, run_dir = run_export(tools.django)
    rows = 20
    loaded_cleanly(ran, run_dir, {"django_migrations": 3, "auth_user": 5, "helpdesk_ticket": rows})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    quality = profiled(run_dir)
    columns = quality["columns"]["helpdesk_ticket"]
    # Django's str() of a datetime writes a fraction only where it is not 0, and a data migration's
    # +00:00 beside it: one way of writing each, no dirt (until 2026-12-02: 80.0 and 75.0).
    for table in ("helpdesk_ticket", "django_migrations"):
        for name, column in quality["columns"][table].items():
            assert column["quality"] == 100, (table, name, column["issues"])
    types = ran.types("helpdesk_ticket")
    assert types == {
        "id": "bigint",
        "uuid": "text",
        "title": "text",
        "is_open": "boolean",  # declared bool
        "amount": "numeric",  # decimal: NUMERIC affinity made '12.50' the REAL 12.5, read as that decimal
        "created_at": "timestamp without time zone",  # naive UTC, as Django's backend stores it
        "updated_at": "timestamp with time zone",
        "due_on": "date",
        "payload": "text",
        "assignee_id": "bigint",
    }
    whole = sum(1 for i in range(rows) if tools.django_amount(i) == int(tools.django_amount(i)))
    assert columns["amount"]["storage_classes"] == {"integer": whole, "real": rows - whole}
    amounts = ran.values("helpdesk_ticket", "amount", "id")  # numeric, as its text
    assert {k: Decimal(v) for k, v in amounts.items()} == {
        i + 1: Decimal(tools.django_amount(i)) for i in range(rows)
    }
    assert ran.values("helpdesk_ticket", "created_at", "id") == {
        i + 1: naive_utc(tools.django_created(i)) for i in range(rows)
    }
    assert ran.values("helpdesk_ticket", "updated_at", "id") == {
        i + 1: None if i % 4 == 0 else tools.django_created(i) for i in range(rows)
    }
    assert ran.values("helpdesk_ticket", "is_open", "id") == {i + 1: i % 3 != 0 for i in range(rows)}
    assert ran.values("helpdesk_ticket", "uuid", "id") == {i + 1: tools.uuid_for(i).hex for i in range(rows)}
    # Django's blank e-mail is '': NULL by the documented rule, audited.
    assert ran.values("auth_user", "email", "id") == {
        i + 1: None if i % 3 == 2 else f"user{i}@example.com" for i in range(5)
    }
    assert set(audit_rules(run_dir, "auth_user", "email")) == {"3"}


def test_rails_database_arrives_cell_for_cell(run_export: Runner) -> None:
    ran, run_dir = run_export(tools.rails)
    rows = 20
    loaded_cleanly(
        ran,
        run_dir,
        {"schema_migrations": 3, "ar_internal_metadata": 2, "tickets": rows, "legacy_tickets": rows},
    )
    assert profiled(run_dir)["quality"] == 100
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("tickets") == {
        "id": "bigint",
        "subject": "text",
        "urgent": "boolean",
        "price": "numeric",  # decimal(10,2): NUMERIC affinity's REAL cells, read as the decimals written
        "created_at": "timestamp without time zone",
        "updated_at": "timestamp without time zone",
    }
    assert ran.types("legacy_tickets")["closed"] == "boolean"  # 't' / 'f'
    assert ran.types("schema_migrations") == {"version": "bigint"}  # digits only: integers as written
    assert ran.values("tickets", "created_at", "id") == {
        i + 1: tools.at(i) + timedelta(microseconds=i * 1001) for i in range(rows)
    }
    assert ran.values("tickets", "price", "id") == {
        i + 1: None if i % 5 == 4 else str(Decimal(999 + 250 * i).scaleb(-2)) for i in range(rows)
    }  # numeric(18,2), as its text
    assert ran.values("legacy_tickets", "closed", "id") == {
        i + 1: None if i % 7 == 6 else i % 2 == 1 for i in range(rows)
    }
    assert ran.values("ar_internal_metadata", "value", "key") == {
        "environment": "production",
        "schema_sha1": "0123456789abcdef0123456789abcdef01234567",
    }


def test_ef_core_database_arrives_cell_for_cell(run_export: Runner) -> None:
    ran, run_dir = run_export(tools.ef_core)
    rows = 20
    loaded_cleanly(ran, run_dir, {"__EFMigrationsHistory": 2, "Customers": 4, "Tickets": rows})
    # DateTimeOffset text in the writer's offsets: one way, +00:00 among them (until 2026-12-02 those
    # cost as "written otherwise": 88.9).
    assert profiled(run_dir)["quality"] == 100
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("Tickets") == {
        "Id": "text",
        "CustomerId": "text",
        "Title": "text",
        "Amount": "numeric",
        "IsOpen": "bigint",
        # .NET's seven fraction digits: PostgreSQL keeps six, so the column stays text as written.
        "CreatedAt": "text",
        "OpenedAt": "timestamp with time zone",
        "Duration": "text",
        "RowVersion": "bytea",
    }
    ids = {str(tools.uuid_for(i)).upper(): i for i in range(rows)}
    amounts = {k: Decimal(v) for k, v in ran.values("Tickets", "Amount", "Id").items()}
    assert amounts == {k: tools.ef_amount(i) for k, i in ids.items()}
    assert ran.values("Tickets", "OpenedAt", "Id") == {k: tools.ef_opened(i) for k, i in ids.items()}
    created = ran.values("Tickets", "CreatedAt", "Id")
    assert created == {k: tools.ef_datetime(tools.at(i), ticks=7 * (i % 3 == 2)) for k, i in ids.items()}
    # The instant is kept, the offset is not: each non-UTC offset's cell is audited.
    offsets = audit_rules(run_dir, "Tickets", "OpenedAt")
    assert set(offsets) == {k for k, i in ids.items() if tools.ef_opened(i).utcoffset()}
    assert ran.values("Tickets", "RowVersion", "Id") == {k: bytes([0] * 6 + [7, i]) for k, i in ids.items()}
    limits = {
        k: None if v is None else Decimal(v) for k, v in ran.values("Customers", "CreditLimit", "Id").items()
    }
    assert limits == {
        str(tools.uuid_for(1000 + c)).upper(): None if c == 2 else Decimal(5000 * c) for c in range(4)
    }


# --- the fixes, on the profile alone -----------------------------------------------------------------


def test_a_spreadsheets_exponent_among_integers_is_kept_as_written(make_sqlite: SqliteFactory) -> None:
    # Until 2026-12-02 1.23457E+11 beside 12-digit ids was read as 123457000000 (audited `exponent`),
    # an exact-looking id that names nothing, and the whole column became a double.
    ids = [str(123_456_789_012 + 1_009 * i) for i in range(8)]
    shown = [tools.excel_scientific(int(v)) for v in ids]
    columns = {
        "ids": (ids[:5] + shown[5:], "text"),
        # INTEGER cells beside the displayed ones (an untyped column): the same.
        "cells": ([int(v) for v in ids[:5]] + shown[5:], "text"),
        # An exponent standing for a fraction is a number written so: the column is a double's.
        "measured": (["12", "7", "2.5e-3", "1.5E+03", "3", "4", "5", "6"], "double"),
        # Exponents alone: numbers (the value each states).
        "alone": (shown, "double"),
    }
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, ids TEXT, cells, measured TEXT, alone TEXT)"
    rows = [(i, *(values[i] for values, _ in columns.values())) for i in range(8)]
    path = make_sqlite({"t": (ddl, rows)})
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT typeof(cells) FROM t WHERE id = 0").fetchone() == ("integer",)
    table = profile(path)["t"]
    assert {name: table[name].inferred_type for name in columns} == {
        name: kind for name, (_, kind) in columns.items()
    }
    assert table["ids"].type_reason.startswith(f"3 numbers such as {min(shown[5:])!r} beside integers only")


def test_timestamps_with_and_without_a_fraction_are_one_way_of_writing(make_sqlite: SqliteFactory) -> None:
    moments = [tools.at(i) + timedelta(microseconds=250_000 * (i % 2)) for i in range(10)]
    offsets = [tools.ef_opened(i) for i in range(12)]
    mostly_fraction = [m + timedelta(microseconds=1) if i else m for i, m in enumerate(moments)]
    columns = {
        "python": [str(m) for m in moments],  # 5 with a fraction, 5 without
        "mostly_fraction": [str(m) for m in mostly_fraction],  # one without
        "offsets": [tools.ef_offset_text(m) for m in offsets[:10]],  # +00:00 among them
    }
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, python DATETIME, mostly_fraction DATETIME, offsets TEXT)"
    rows = [(i, *(values[i] for values in columns.values())) for i in range(10)]
    table = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    for name in columns:
        assert table[name].quality == 100, (name, table[name].issues, table[name].own_format)
        assert table[name].format_misfits == 0, name
    assert table["python"].issue_count("non_iso_date") == 0
    assert table["offsets"].own_format == "%Y-%m-%d %H:%M:%S%z"
    assert table["offsets"].issue_count("non_iso_date") == sum(1 for m in offsets[:10] if m.utcoffset())
    # A T-form among them is another way still, and costs as before.
    rows[0] = (0, "2025-05-20T08:42:00.5", *rows[0][2:])
    table = profile(make_sqlite({"t": (ddl, rows)}, name="t_form.db"))["t"]
    assert table["python"].issue_count("non_iso_date") == 1 and table["python"].quality < 100


def test_spreadsheet_error_values_among_numbers_are_named_as_such(make_sqlite: SqliteFactory) -> None:
    values = ["0.5", "#DIV/0!", "1.25", "#VALUE!", "2", "#N/A", "3.5", "#REF!"]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, ratio TEXT, sku TEXT)"
    skus = ["107", "107A", "12", "13", "14", "15", "16", "17"]
    path = make_sqlite({"t": (ddl, [(i, v, s) for i, (v, s) in enumerate(zip(values, skus, strict=True))])})
    table = profile(path)["t"]
    assert table["ratio"].inferred_type == "text"
    # #N/A is a null token; the other three are the values no number reads.
    reason = "3 values such as #DIV/0!, #REF! are a spreadsheet's error values"
    assert table["ratio"].type_reason.startswith(reason)
    assert "null_tokens" in table["ratio"].type_reason
    assert table["sku"].type_reason == "1 value (107A) mixes digits with other characters: codes"


RATIO_AS_NUMBERS = """
[columns.sheet.ratio]
type = "numeric"
null_tokens = ["#N/A", "#DIV/0!", "#VALUE!"]
"""


def test_excel_error_values_listed_as_null_tokens_load_the_numbers_as_numbers(run_export: Runner) -> None:
    # What the ratio column's type_reason advises (docs/runbook.md): its errors NULL, each audited.
    ran, run_dir = run_export(tools.excel_csv, config=RATIO_AS_NUMBERS)
    header, body = tools.excel_rows()
    loaded_cleanly(ran, run_dir, {"sheet": len(body)})
    assert ran.types("sheet")["ratio"] == "numeric"
    written = {int(row[0]): row[header.index("ratio")] for row in body}
    ratio = {key: None if v is None else Decimal(v) for key, v in ran.values("sheet", "ratio", "id").items()}
    assert ratio == {key: None if v in tools.EXCEL_ERRORS else Decimal(v) for key, v in written.items()}
    nulled = audit_rules(run_dir, "sheet", "ratio")
    assert nulled == {
        str(key): {"null_like_to_null"} for key, v in written.items() if v in tools.EXCEL_ERRORS
    }


# --- DuckDB's own SQLite writer ----------------------------------------------------------------------


def test_duckdb_written_export_arrives_typed_cell_for_cell(run_export: Runner) -> None:
    # DuckDB's sqlite extension writes the file (tools.duckdb_export): every DuckDB type it stores as
    # text is read back as the type the text names, where a rule reads it, and kept as written where
    # none does (a time of day, a list, a uuid); a zone's offset names the same instant.
    rows = 40
    ran, run_dir = run_export(tools.duckdb_export)
    loaded_cleanly(ran, run_dir, {"tickets": rows, "lines": 3 * rows})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert profiled(run_dir)["quality"] == 100
    assert ran.types("tickets") == {
        "ticket_no": "bigint",
        "store_code": "text",  # leading zeros: a code
        "amount": "numeric",  # DECIMAL(10,2) as its text, 20.00 with its zeros
        "rate": "numeric",
        "due": "date",
        "opened": "timestamp without time zone",
        "opened_utc": "timestamp with time zone",  # the session zone's wall clock and offset
        "escalated": "bigint",  # BOOLEAN as INTEGER 0/1 under BIGINT: only a declared boolean says so
        "serial": "numeric",  # UBIGINT past int64
        "counter": "numeric",  # HUGEINT of 22-23 digits
        "ref": "text",
        "slot": "text",  # no rule reads a time of day
        "tags": "text",
        "note": "text",
        "ratio": "double precision",
        "ratio32": "double precision",
        "payload": "bytea",
    }
    assert ran.types("lines") == {"line_no": "bigint", "ticket_no": "bigint", "qty": "bigint"}
    numbers = range(1, rows + 1)
    # numeric arrives as its text: the scale DuckDB wrote is the scale loaded (20.00, 0.0370)
    assert ran.values("tickets", "amount", "ticket_no") == {
        i: f"{tools.duckdb_amount(i):.2f}" for i in numbers
    }
    assert ran.values("tickets", "rate", "ticket_no") == {i: f"{tools.duckdb_rate(i):.4f}" for i in numbers}
    assert ran.values("tickets", "due", "ticket_no") == {
        i: date(2025, 5, 20) + timedelta(days=i) for i in numbers
    }
    assert ran.values("tickets", "opened", "ticket_no") == {i: tools.duckdb_opened(i) for i in numbers}
    assert ran.values("tickets", "opened_utc", "ticket_no") == {
        i: tools.at(i).replace(tzinfo=UTC) for i in numbers
    }
    assert ran.values("tickets", "serial", "ticket_no") == {i: str(2**64 - 616 + i) for i in numbers}
    assert ran.values("tickets", "counter", "ticket_no") == {i: str(i * 10**21) for i in numbers}
    assert ran.values("tickets", "slot", "ticket_no") == {
        i: tools.duckdb_slot(i).isoformat() for i in numbers
    }
    assert ran.values("tickets", "store_code", "ticket_no") == {i: f"{i * 37 % 1000:05d}" for i in numbers}
    # NaN is stored as NULL by the writer; the infinity arrives as PostgreSQL's, every other double exact.
    assert ran.values("tickets", "ratio", "ticket_no") == {
        i: None if i % 11 == 0 else tools.duckdb_ratio(i) for i in numbers
    }
    single = {i: struct.unpack("<f", struct.pack("<f", i / 3))[0] for i in numbers}
    assert ran.values("tickets", "ratio32", "ticket_no") == single
    assert ran.values("tickets", "payload", "ticket_no") == {i: f"bytes {i}".encode() for i in numbers}
