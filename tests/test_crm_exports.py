"""CRM and chat exports a help desk receives (Salesforce, HubSpot, Slack) through ``columnar-etl run``
into the session's real PostgreSQL, every cell checked.

The files are built by ``tests/crm_exports.py`` as those exports land in SQLite. Each test runs the CLI
as an operator would (``run --mode simple --yes --json``), then checks every cell of the target against
the source and the audit with the project's lossless checker, the exit code and run.json's outcome, the
types chosen, and the values the builder knows, computed from the builder's own numbers, never from a
run. What these exports stress: record ids that differ only by case are different records (keys,
duplicates, references and the load's primary key must not fold case), ids with more digits than a
double holds, and Slack's ``ts`` (epoch seconds with microseconds) that must not be rounded. Help-desk
SaaS ticket CSVs (Zendesk, Freshdesk, ServiceNow) as ``sqlite3 .import``, pandas and sqlite-utils
``--detect-types`` land them: '' in TEXT and INTEGER columns, offsets that change with summer time,
Excel's re-written dates and booleans, float64 columns of whole numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from columnar_etl import profile

from . import crm_exports as crm
from .conftest import SqliteFactory, pg_query, primary_key
from .test_data_tools import profiled
from .test_other_products import Ran, arrives_as, audit_rules, loaded_cleanly, run_export

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]


def audit_rows(run_dir: Path) -> list[dict[str, Any]]:
    return list(pq.read_table(run_dir / "audit.parquet").to_pylist())


def references(run_dir: Path) -> dict[tuple[str, str], str]:
    """``{(table, column): "parent.key"}``: the references the profile declared or found."""
    return {
        (table, name): column["foreign_key"]
        for table, columns in profiled(run_dir)["columns"].items()
        for name, column in columns.items()
        if column.get("foreign_key")
    }


# --- Salesforce --------------------------------------------------------------------------------------

SALESFORCE_DASHBOARD = """-- name: contacts_per_account
SELECT a."Id", count(c."Id") AS contacts FROM {schema}."Account" a
LEFT JOIN {schema}."Contact" c ON c."AccountId" = a."Id" GROUP BY 1 ORDER BY 1;
"""


def test_salesforce_ids_differing_only_by_case_stay_different_records(run_export: Runner) -> None:
    ran, run_dir = run_export(crm.salesforce, templates=SALESFORCE_DASHBOARD)
    contacts, cases = 24, 36
    # TopicAssignment's one exact copy is removed (audited); its rows that differ only by the case of
    # the account id are not copies.
    rows = ran.record["rows"]
    topics = [(a, topic) for k, a in enumerate(crm.ACCOUNT_IDS) for topic in crm.TOPICS[: 1 + k % 2]]
    assert rows.pop("TopicAssignment") == {"in": len(topics) + 1, "out": len(topics), "quarantined": 0}
    ran.record["rows"] = rows
    loaded_cleanly(ran, run_dir, {"Account": 6, "Contact": contacts, "Case": cases})
    # Removing a copy is a change a human should know of: the run warns (exit 2), and says how many.
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    [warning] = ran.record["warnings"]
    share = f"{round(100 / (len(topics) + 1), 1):g}"
    assert warning.startswith(
        f"table 'TopicAssignment': 1 of {len(topics) + 1} rows ({share} %) removed as exact"
    )
    tagged = pg_query(ran.uri, f'SELECT "EntityId", "TopicName" FROM "{ran.base}"."TopicAssignment"')
    assert sorted(tagged) == sorted(topics)
    assert profiled(run_dir)["columns"]["TopicAssignment"]["EntityId"]["foreign_key"] == "Account.Id"
    removed = [r for r in audit_rows(run_dir) if r["rule"] == "duplicate_row"]
    # No key (an account has two topics): the copy is named by its 1-based position in rowid order.
    assert [(r["table"], r["row_key"]) for r in removed] == [("TopicAssignment", str(len(topics) + 1))]
    schema = ran.record["version_schema"]
    # Ids that differ only by case are six accounts, the key of each table and its primary key.
    assert len({i.lower() for i in crm.ACCOUNT_IDS}) < len(crm.ACCOUNT_IDS)
    for table in ("Account", "Contact", "Case"):
        assert primary_key(ran.uri, schema, table) == ["Id"], table
    assert sorted(ran.values("Account", "Name", "Id")) == sorted(crm.ACCOUNT_IDS)
    # References found in the data, matched exactly (a case-folding match would also be 100 %, so the
    # join below is what proves it: each account gets its own contacts only).
    assert references(run_dir) == {
        ("TopicAssignment", "EntityId"): "Account.Id",
        ("Contact", "AccountId"): "Account.Id",
        ("Case", "AccountId"): "Account.Id",
        ("Case", "ContactId"): "Contact.Id",
    }
    per_account = dict(
        pg_query(
            ran.uri,
            f'SELECT a."Id", count(c."Id") FROM "{ran.base}"."Account" a '
            f'LEFT JOIN "{ran.base}"."Contact" c ON c."AccountId" = a."Id" GROUP BY 1',
        )
    )
    expected = {aid: sum(1 for j in range(contacts) if j % 6 == k) for k, aid in enumerate(crm.ACCOUNT_IDS)}
    assert per_account == expected
    contact_ids = ran.values("Contact", "AccountId", "Id")
    assert contact_ids == {crm.sf_contact_id(j): crm.ACCOUNT_IDS[j % 6] for j in range(contacts)}
    types = ran.types("Case")
    for column in ("Id", "CaseNumber", "AccountId", "ContactId", "OwnerId", "Products__c", "Description"):
        assert types[column] == "text", column  # CaseNumber 00001000: leading zeros, a code
    assert types["IsDeleted"] == types["IsClosed"] == "boolean"
    assert types["CreatedDate"] == types["ClosedDate"] == "timestamp with time zone"
    assert types["Amount__c"] == "numeric"
    assert set(ran.values("Case", "CaseNumber", "Id")) == {crm.sf_case_id(i) for i in range(cases)}
    by_number = {f"{1000 + i:08d}": i for i in range(cases)}
    assert ran.values("Case", "CreatedDate", "CaseNumber") == {n: crm.sf_at(i) for n, i in by_number.items()}
    assert ran.values("Case", "ClosedDate", "CaseNumber") == {
        n: crm.sf_at(i) + timedelta(hours=30) if i % 4 == 3 else None for n, i in by_number.items()
    }
    assert ran.values("Case", "IsDeleted", "CaseNumber") == {n: i % 9 == 4 for n, i in by_number.items()}
    amounts = ran.values("Case", "Amount__c", "CaseNumber")
    assert {n: Decimal(str(v)) for n, v in amounts.items()} == {
        n: Decimal(123_450 + 1_013 * i) / 100 for n, i in by_number.items()
    }
    assert ran.values("Case", "Products__c", "CaseNumber") == {
        n: crm.sf_multi(i) or None for n, i in by_number.items()
    }
    # Long text areas keep their CRLF; the free text at their end is trimmed as any text is.
    assert ran.values("Case", "Description", "CaseNumber") == {
        n: arrives_as(crm.sf_description(i)) for n, i in by_number.items()
    }
    assert ran.values("Account", "OwnerId", "Id") == {
        a: crm.OWNER_IDS[k % 3] for k, a in enumerate(crm.ACCOUNT_IDS)
    }
    # Each instant read by its format and each blank ClosedDate of an open case ('' in the CSV) made
    # NULL is audited under the case's own id (two ids differing by case: two audit rows).
    closed = audit_rules(run_dir, "Case", "ClosedDate")
    iso = "date_format:%Y-%m-%dT%H:%M:%S.%f%z"
    assert closed == {crm.sf_case_id(i): {iso if i % 4 == 3 else "empty_to_null"} for i in range(cases)}
    assert audit_rules(run_dir, "Account", "CreatedDate") == {a: {iso} for a in crm.ACCOUNT_IDS}


# --- HubSpot -----------------------------------------------------------------------------------------


def test_hubspot_ids_longer_than_a_double_holds_keep_every_digit(run_export: Runner) -> None:
    ran, run_dir = run_export(crm.hubspot)
    contacts = 30
    loaded_cleanly(ran, run_dir, {"contacts": contacts, "companies": 5})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # Neighbouring ids a double rounds together: two of them share one float.
    assert float(crm.hs_id(0)) == float(crm.hs_id(1)) and crm.hs_id(0) != crm.hs_id(1)
    types = ran.types("contacts")
    assert types["Record ID"] == types["Associated Company ID (Primary)"] == "bigint"
    assert types["Create Date"] == "timestamp without time zone"
    assert types["Associated Company IDs"] == types["First Name"] == "text"
    assert primary_key(ran.uri, ran.record["version_schema"], "contacts") == ["Record ID"]
    ids = {crm.hs_id(i): i for i in range(contacts)}
    # The primary company references companies' key: every company is one, and '' (no company) is
    # no value of it (until 2026-12-02 the blank counted as a sixth value against five keys: no
    # reference was even measured).
    assert references(run_dir) == {
        ("contacts", "Associated Company ID (Primary)"): "companies.Record ID",
    }
    # The profile's bounds are the ids', to the digit (until 2026-12-02 they were the doubles':
    # 12345678901234568 and ...624 for ...567 and ...625).
    columns = profiled(run_dir)["columns"]
    assert (columns["contacts"]["Record ID"]["min"], columns["contacts"]["Record ID"]["max"]) == (
        min(ids),
        max(ids),
    )
    companies = [crm.hs_company_id(k) for k in range(5)]
    assert (columns["companies"]["Record ID"]["min"], columns["companies"]["Record ID"]["max"]) == (
        min(companies),
        max(companies),
    )
    # Compared in PostgreSQL as text: every digit, no float on the way.
    as_text = pg_query(ran.uri, f'SELECT "Record ID"::text FROM "{ran.base}".contacts')
    assert sorted(int(v) for (v,) in as_text) == sorted(ids) and all(len(v) == 17 for (v,) in as_text)
    assert ran.values("contacts", "Associated Company IDs", "Record ID") == {
        k: crm.hs_companies(i) or None for k, i in ids.items()
    }
    assert ran.values("contacts", "Associated Company ID (Primary)", "Record ID") == {
        k: crm.hs_company_id(i % 5) if i % 3 else None for k, i in ids.items()
    }
    assert ran.values("contacts", "Create Date", "Record ID") == {
        k: (crm.EPOCH + timedelta(minutes=433 * i)).replace(tzinfo=None) for k, i in ids.items()
    }
    assert ran.values("contacts", "First Name", "Record ID") == {
        k: crm.HS_NAMES[i % len(crm.HS_NAMES)] or None for k, i in ids.items()
    }
    # Empty strings are NULL (a documented rule), each audited.
    blank = {str(k) for k, i in ids.items() if not crm.HS_NAMES[i % len(crm.HS_NAMES)]}
    assert set(audit_rules(run_dir, "contacts", "First Name")) == blank


# --- Slack -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("build", [crm.slack, crm.slack_keyed], ids=["no_key", "channel_ts_key"])
def test_slack_ts_keeps_its_microseconds_and_user_ids_their_case(
    run_export: Runner, build: Callable[[Path], Path]
) -> None:
    ran, run_dir = run_export(build)
    messages = 40
    loaded_cleanly(ran, run_dir, {"users": 4, "messages": messages + messages // 4})
    assert ran.code in (0, 2)
    types = ran.types("messages")
    # Epoch seconds with six fraction digits: numeric, exact (a double holds ~16 significant digits,
    # these have 16 and a seventeenth would be lost); never a timestamp by guess.
    assert types["ts"] == types["thread_ts"] == "numeric"
    assert types["reactions"] == types["text"] == types["user"] == "text"
    schema = ran.record["version_schema"]
    written = pg_query(ran.uri, f'SELECT channel, ts::text, thread_ts::text FROM "{schema}".messages')
    expected = [
        (crm.SLACK_CHANNELS[0], crm.slack_ts(i), crm.slack_ts(i - i % 4) if i % 4 or i % 8 == 0 else None)
        for i in range(messages)
    ] + [(crm.SLACK_CHANNELS[1], crm.slack_ts(i), None) for i in range(messages // 4)]
    assert sorted(written, key=str) == sorted(expected, key=str)
    # Replies find their parent by ts, exactly: three per thread, none matched by rounding.
    replies = pg_query(
        ran.uri,
        f'SELECT p.ts::text, count(*) FROM "{schema}".messages r JOIN "{schema}".messages p '
        "ON p.ts = r.thread_ts AND p.channel = r.channel AND r.ts <> p.ts GROUP BY 1",
    )
    assert sorted(replies) == sorted((crm.slack_ts(i), 3) for i in range(0, messages, 4))
    # User ids differing only by case are two users, and the reference to them found exact.
    assert primary_key(ran.uri, schema, "users") == ["id"]
    keyed = build is crm.slack_keyed
    assert primary_key(ran.uri, schema, "messages") == (["channel", "ts"] if keyed else [])
    assert sorted(ran.values("users", "name", "id")) == sorted(crm.SLACK_USERS)
    assert references(run_dir) == {("messages", "user"): "users.id"}
    per_user = dict(pg_query(ran.uri, f'SELECT "user", count(*) FROM "{schema}".messages GROUP BY 1'))
    counted: dict[str, int] = {}
    for i in range(messages):
        counted[crm.SLACK_USERS[i % 4]] = counted.get(crm.SLACK_USERS[i % 4], 0) + 1
    counted[crm.SLACK_USERS[0]] += messages // 4
    assert per_user == counted
    # Mentions and HTML entities as Slack wrote them (no unescaping is a rule).
    texts = pg_query(
        ran.uri, f"SELECT text FROM \"{schema}\".messages WHERE channel = '{crm.SLACK_CHANNELS[0]}'"
    )
    assert sorted((t for (t,) in texts), key=str) == sorted(
        (arrives_as(crm.slack_text(i)) for i in range(messages)), key=str
    )
    assert any("&amp;" in (t or "") and "<@" in (t or "") for (t,) in texts)


# --- The profile's bounds of integers beyond 2^53 ------------------------------------------------


@pytest.mark.parametrize("declared", ["INTEGER", "TEXT"])
def test_integer_bounds_beyond_a_double_are_exact(make_sqlite: SqliteFactory, declared: str) -> None:
    # INTEGER cells (the native scan) and their digits as TEXT (the general one): the bounds are the
    # values', not their doubles' (2^63 - 1 was reported as 2^63, a value no integer column holds).
    values = [2**63 - 1 - 3 * i for i in range(6)] + [-(2**63), 2**53 + 1]
    rows = [
        (v if declared == "INTEGER" else str(v), str(12_345_678_901_234_567 + i))
        for i, v in enumerate(values)
    ]
    path = make_sqlite({"t": (f"CREATE TABLE t (n {declared}, id TEXT)", rows)})
    table = profile(path)["t"]
    assert table["n"].inferred_type == "integer"
    assert (table["n"].min, table["n"].max) == (min(values), max(values))
    ids = [12_345_678_901_234_567 + i for i in range(len(values))]
    assert (table["id"].min, table["id"].max) == (min(ids), max(ids))


def test_a_child_value_differing_from_a_key_only_by_case_is_an_orphan(make_sqlite: SqliteFactory) -> None:
    accounts = [f"0015g00000AbC{i:02d}AAV" for i in range(20)]
    children = [accounts[i % 20] for i in range(40)]
    children[3], children[4] = accounts[3].upper(), accounts[4].lower()  # no such records
    path = make_sqlite(
        {
            "Account": ('CREATE TABLE Account ("Id" TEXT, "Name" TEXT)', [(a, a[-5:]) for a in accounts]),
            "Contact": (
                'CREATE TABLE Contact ("Id" TEXT, "AccountId" TEXT)',
                [(f"0035g00000X{j:03d}", a) for j, a in enumerate(children)],
            ),
        }
    )
    column = profile(path)["Contact"]["AccountId"]
    assert column.foreign_key == "Account.Id"
    [orphans] = [issue for issue in column.issues if issue.kind == "orphan_reference"]
    assert orphans.count == 2 and sorted(orphans.examples) == sorted(children[3:5])


# --- Help-desk SaaS CSV exports imported into SQLite ----------------------------------------------------


def test_zendesk_csv_through_sqlite3_import_keeps_each_instant_across_the_change_of_offset(
    run_export: Runner,
) -> None:
    # Every column TEXT, every missing value ''; the instants carry the account's offset, which turns
    # from -0700 to -0800 inside the quarter: each is read with its own offset.
    ran, run_dir = run_export(crm.zendesk_csv)
    tickets = 42
    loaded_cleanly(ran, run_dir, {"tickets": tickets, "users": crm.ZD_USERS})
    assert ran.record["outcome"] in ("done", "warn") and ran.code in (0, 2)
    offsets = {crm.zd_time(crm.zd_created(i))[-5:] for i in range(tickets)}
    assert offsets == {"-0700", "-0800"}
    schema = ran.record["version_schema"]
    assert primary_key(ran.uri, schema, "tickets") == primary_key(ran.uri, schema, "users") == ["Id"]
    # The tickets' requester ids (TEXT digits) name the users' INTEGER ids (sqlite-utils typed them).
    assert references(run_dir) == {("tickets", "Requester id"): "users.Id"}
    assert ran.types("users")["Id"] == "bigint"
    assert ran.types("users")["Created at"] == ran.types("users")["Last login"] == "timestamp with time zone"
    assert ran.values("users", "Last login", "Id") == {
        crm.ZD_FIRST_USER + 7 * k: (crm.ZD_FIRST - timedelta(days=400 - 37 * k) + timedelta(days=3 * k))
        if k % 3
        else None
        for k in range(crm.ZD_USERS)
    }
    types = ran.types("tickets")
    for column in ("Id", "Requester id", "Resolution time", "Reopens", "Replies", "Order number [int]",
                   "First reply time in minutes", "Full resolution time in minutes"):  # fmt: skip
        assert types[column] == "bigint", column
    for column in ("Created at", "Updated at", "Assigned at", "Solved at", "Due date"):
        assert types[column] == "timestamp with time zone", column
    assert types["Refund amount [dec]"] == "numeric"
    for column in ("Requester external id", "Tags", "Status", "Priority", "Subject", "Description"):
        assert types[column] == "text", column
    ids = {1000 + i: i for i in range(tickets)}
    assert ran.values("tickets", "Created at", "Id") == {k: crm.zd_created(i) for k, i in ids.items()}
    assert ran.values("tickets", "Solved at", "Id") == {k: crm.zd_solved(i) for k, i in ids.items()}
    assert ran.values("tickets", "Requester id", "Id") == {
        k: crm.ZD_FIRST_USER + 7 * (i % 5) for k, i in ids.items()
    }
    assert ran.values("tickets", "First reply time in minutes", "Id") == {
        k: crm.zd_first_reply(i) for k, i in ids.items()
    }
    refunds = ran.values("tickets", "Refund amount [dec]", "Id")
    assert {k: None if v is None else Decimal(str(v)) for k, v in refunds.items()} == {
        k: Decimal(crm.zd_refund(i)) if crm.zd_refund(i) else None for k, i in ids.items()
    }
    assert ran.values("tickets", "Requester external id", "Id") == {
        k: f"CRM-{i % 5:05d}" if i % 5 != 2 else None for k, i in ids.items()
    }
    # The body keeps its CRLF, byte for byte.
    assert ran.values("tickets", "Description", "Id") == {k: crm.zd_description(i) for k, i in ids.items()}
    # Each blank Solved at made NULL is audited under the ticket's id, each reading of a time too.
    solved = audit_rules(run_dir, "tickets", "Solved at")
    assert set(solved) == {str(k) for k in ids}
    assert {str(k) for k, i in ids.items() if crm.zd_solved(i) is None} == {
        key for key, rules in solved.items() if rules == {"empty_to_null"}
    }


def test_freshdesk_csv_through_pandas_to_sql_keeps_its_reals_and_its_blank_column(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(crm.freshdesk_pandas)
    tickets = 36
    loaded_cleanly(ran, run_dir, {"tickets": tickets, "contacts": 4})
    assert ran.record["outcome"] in ("done", "warn") and ran.code in (0, 2)
    types = ran.types("tickets")
    assert types["Ticket ID"] == types["Agent interactions"] == "bigint"
    for column in ("Created time", "Due by Time", "Resolved time", "Closed time", "Initial response time"):
        assert types[column] == "timestamp without time zone", column
    for column in ("Time tracked", "Tags", "Subject", "Resolution status"):
        assert types[column] == "text", column
    ids = {2001 + i: i for i in range(tickets)}
    assert ran.values("tickets", "Created time", "Ticket ID") == {
        k: crm.fd_created(i) for k, i in ids.items()
    }
    assert ran.values("tickets", "Resolved time", "Ticket ID") == {
        k: crm.fd_resolved(i) for k, i in ids.items()
    }
    assert ran.values("tickets", "Time tracked", "Ticket ID") == {
        k: crm.fd_tracked(i) for k, i in ids.items()
    }
    hours = ran.values("tickets", "First response time (in hrs)", "Ticket ID")
    expected = {k: crm.fd_first_response_minutes(i) for k, i in ids.items()}
    assert {k: None if v is None else float(v) for k, v in hours.items()} == {
        k: None if m is None else m / 60 for k, m in expected.items()
    }
    customer = ran.values("tickets", "Customer interactions", "Ticket ID")
    assert {k: None if v is None else float(v) for k, v in customer.items()} == {
        k: None if i % 5 == 4 else float(1 + i % 4) for k, i in ids.items()
    }
    contact = ran.values("tickets", "Contact ID", "Ticket ID")
    assert {k: None if v is None else float(v) for k, v in contact.items()} == {
        k: crm.fd_contact(i) for k, i in ids.items()
    }
    assert set(ran.values("tickets", "Survey results", "Ticket ID").values()) == {None}
    schema = ran.record["version_schema"]
    assert primary_key(ran.uri, schema, "tickets") == ["Ticket ID"]
    assert primary_key(ran.uri, schema, "contacts") == ["Contact ID"]
    assert ran.values("contacts", "Full name", "Contact ID") == {
        crm.FD_FIRST_CONTACT + 11 * k: name
        for k, name in enumerate(("Ana Souza", "Zoë Müller", "李雷", "Ola Nordmann"))
    }
    # Tickets' Contact ID is REAL (pandas' float64 for its blanks), kept double precision, and its whole
    # numbers name the contacts' INTEGER keys (until 2026-12-07 no reference: integers with integers only).
    assert types["Contact ID"] == "double precision"
    assert references(run_dir) == {("tickets", "Contact ID"): "contacts.Contact ID"}


def test_servicenow_csv_saved_by_excel_through_sqlite_utils_detect_types(run_export: Runner) -> None:
    ran, run_dir = run_export(crm.servicenow_excel)
    incidents = 40
    loaded_cleanly(ran, run_dir, {"incident": incidents})
    assert ran.record["outcome"] in ("done", "warn") and ran.code in (0, 2)
    assert primary_key(ran.uri, ran.record["version_schema"], "incident") == ["sys_id"]
    types = ran.types("incident")
    for column in ("number", "sys_id", "priority", "state", "close_notes"):
        assert types[column] == "text", column
    # Excel's TRUE / FALSE are booleans, each cell's reading audited.
    assert types["made_sla"] == "boolean"
    assert ran.values("incident", "made_sla", "number") == {
        f"INC{10023 + i:07d}": i % 7 != 6 for i in range(incidents)
    }
    assert set(audit_rules(run_dir, "incident", "made_sla")) == {crm.sn_sys_id(i) for i in range(incidents)}
    for column in ("opened_at", "sys_updated_on", "resolved_at"):
        assert types[column] == "timestamp without time zone", column
    for column in ("reassignment_count", "business_stc", "calendar_stc", "u_account_number"):
        assert types[column] == "bigint", column
    numbers = {f"INC{10023 + i:07d}": i for i in range(incidents)}
    assert ran.values("incident", "opened_at", "number") == {n: crm.sn_opened(i) for n, i in numbers.items()}
    assert ran.values("incident", "resolved_at", "number") == {
        n: crm.sn_resolved(i) for n, i in numbers.items()
    }
    assert ran.values("incident", "sys_id", "number") == {n: crm.sn_sys_id(i) for n, i in numbers.items()}
    stc = ran.values("incident", "calendar_stc", "number")
    assert stc == {
        n: int((r - crm.sn_opened(i)).total_seconds()) if (r := crm.sn_resolved(i)) else None
        for n, i in numbers.items()
    }
    hours = ran.values("incident", "u_hours", "number")
    assert {n: None if v is None else float(v) for n, v in hours.items()} == {
        n: (1.5, 2.0, 0.25, None)[i % 4] for n, i in numbers.items()
    }
    correlation = ran.values("incident", "correlation_id", "number")
    assert {n: None if v is None else float(v) for n, v in correlation.items()} == {
        n: float(crm.sn_correlation(i)) if i % 3 else None for n, i in numbers.items()
    }
    # The account numbers Excel stripped of their leading zeros are the integers it left.
    assert ran.values("incident", "u_account_number", "number") == {
        n: 42317 + 101 * i for n, i in numbers.items()
    }
    assert ran.values("incident", "close_notes", "number") == {
        n: f"Closed by caller\nKB0010{i:03d} applied" if crm.sn_resolved(i) else None
        for n, i in numbers.items()
    }
