"""Small but faithful SQLite files of CRM and chat exports a help desk receives (test data only).

Each builder writes, with Python's ``sqlite3`` through :func:`tests.other_products.write_export`, what
the export lands as in SQLite. Nothing is random: every value comes from the row's number, so a test
computes what a column holds from the same numbers.

- :func:`salesforce`: Data Loader / data export CSVs imported with every column TEXT (``sqlite-utils
  insert --csv``): 18-character record ids that are case-sensitive (two accounts whose ids differ only
  by the case of their letters, contacts and cases referencing each), 15-character ``OwnerId``,
  ``CreatedDate`` ``2025-05-20T08:42:00.000Z``, ``IsDeleted`` ``false``/``true``, picklists, currency
  ``1234.5``, multi-select picklists ``A;B;C``, long text areas with CRLF.
- :func:`hubspot`: a HubSpot CSV export, typed by the importer (csvsql-like: ids as TEXT because they
  are longer than a double holds, ``Create Date`` ``2025-05-20 08:42``, ``Associated Company IDs``
  ``123;456``, emoji, empty strings).
- :func:`slack`: a Slack workspace export (JSON per channel and day) turned into SQLite: ``ts``
  ``1716194520.000200`` as TEXT, the message's key within its channel; ``thread_ts``; user ids
  ``U024BE7LH``; ``text`` with ``<@U024BE7LH>`` mentions and ``&amp;`` entities; reactions as JSON.
- :func:`zendesk_csv` (``sqlite3 .import --csv``), :func:`freshdesk_pandas` (pandas ``read_csv`` then
  ``to_sql``), :func:`servicenow_excel` (Excel, then ``sqlite-utils insert --csv --detect-types``):
  help-desk SaaS ticket CSVs as each lands in SQLite (the notes above their section).
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tests.other_products import FREE_TEXT, write_export

EPOCH = datetime(2025, 5, 20, 8, 42, tzinfo=UTC)

# --- Salesforce --------------------------------------------------------------------------------------

#: Record ids of accounts: pairs that differ only by the case of letters are two different records
#: (Salesforce's 15-character ids are case-sensitive; the 18-character form adds a case checksum).
ACCOUNT_IDS: tuple[str, ...] = (
    "0015g00000AbCdEAAV",
    "0015g00000ABCDEAAV",
    "0015g00000abcdeAAV",
    "0015g00000XyZaBAAV",
    "0015g00000XYZABAAV",
    "0015g00000QrStUAAV",
)
OWNER_IDS: tuple[str, ...] = ("0055g00000AaBbC", "0055g00000aabbc", "0055g00000AABBC")
INDUSTRIES = ("Technology", "Retail", "Banking", "")
CASE_STATUS = ("New", "Working", "Escalated", "Closed")
CASE_ORIGIN = ("Email", "Phone", "Web", "Chat")
PRODUCTS = ("GC1020", "GC1040", "GC3020", "GC5060")
TOPICS = ("VIP", "Renewal")


def sf_time(moment: datetime) -> str:
    """``2025-05-20T08:42:00.000Z``: Salesforce's API and data export write instants so."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def sf_at(i: int) -> datetime:
    return EPOCH + timedelta(minutes=433 * i)


def sf_contact_id(j: int) -> str:
    # Two contacts per letter pattern too: 0035g00000Ct{a|A}... differ only by case.
    letters = "aBcDeF"[j % 6] if j % 2 else "AbCdEf"[j % 6]
    return f"0035g00000C{letters}{j:03d}AAB"


def sf_case_id(i: int) -> str:
    return f"5005g00000Ca{'sS'[i % 2]}{i:03d}AAA"


def sf_amount(i: int) -> str:
    """Currency as Data Loader writes it: no grouping, no trailing zeros (``1234.5``)."""
    cents = 123_450 + 1_013 * i
    return str(cents / 100) if cents % 100 else str(cents // 100)


def sf_multi(i: int) -> str:
    return ";".join(p for k, p in enumerate(PRODUCTS) if (i >> k) & 1)


def sf_description(i: int) -> str:
    return f"Customer reported issue {i}.\r\nSteps:\r\n1. open\r\n2. crash\r\n" + FREE_TEXT[i % 5]


def salesforce(path: Path, contacts: int = 24, cases: int = 36) -> Path:
    columns = ("Id", "IsDeleted", "Name", "OwnerId", "Industry", "AnnualRevenue", "CreatedDate")
    account_ddl = "CREATE TABLE Account (" + ", ".join(f'"{c}" TEXT' for c in columns) + ")"
    accounts = [
        (
            aid,
            "true" if k == 5 else "false",
            f"Account {k}",
            OWNER_IDS[k % 3],
            INDUSTRIES[k % 4],
            sf_amount(k),
            sf_time(sf_at(k)),
        )
        for k, aid in enumerate(ACCOUNT_IDS)
    ]
    contact_columns = ("Id", "AccountId", "LastName", "Email", "OwnerId", "CreatedDate")
    contact_ddl = "CREATE TABLE Contact (" + ", ".join(f'"{c}" TEXT' for c in contact_columns) + ")"
    contact_rows = [
        (
            sf_contact_id(j),
            ACCOUNT_IDS[j % len(ACCOUNT_IDS)],
            f"Contact {j}",
            f"c{j}@example.com",
            OWNER_IDS[j % 3],
            sf_time(sf_at(j + 3)),
        )
        for j in range(contacts)
    ]
    case_columns = (
        "Id",
        "CaseNumber",
        "AccountId",
        "ContactId",
        "OwnerId",
        "Status",
        "Origin",
        "IsDeleted",
        "IsClosed",
        "Amount__c",
        "Products__c",
        "Description",
        "CreatedDate",
        "ClosedDate",
    )
    case_ddl = 'CREATE TABLE "Case" (' + ", ".join(f'"{c}" TEXT' for c in case_columns) + ")"
    case_rows = [
        (
            sf_case_id(i),
            f"{1000 + i:08d}",
            ACCOUNT_IDS[i % len(ACCOUNT_IDS)],
            sf_contact_id(i % contacts),
            OWNER_IDS[i % 3],
            CASE_STATUS[i % 4],
            CASE_ORIGIN[i % 4],
            "true" if i % 9 == 4 else "false",
            "true" if i % 4 == 3 else "false",
            sf_amount(i),
            sf_multi(i),
            sf_description(i),
            sf_time(sf_at(i)),
            sf_time(sf_at(i) + timedelta(hours=30)) if i % 4 == 3 else "",
        )
        for i in range(cases)
    ]
    # Topic assignments: no key; rows that differ only by the case of the account id are different
    # rows, and the export listed the first one twice (an exact duplicate).
    topic_ddl = 'CREATE TABLE TopicAssignment ("EntityId" TEXT, "TopicName" TEXT)'
    topics = [(aid, topic) for k, aid in enumerate(ACCOUNT_IDS) for topic in TOPICS[: 1 + k % 2]]
    topics.append(topics[0])
    return write_export(
        path,
        [account_ddl, contact_ddl, case_ddl, topic_ddl],
        {"Account": accounts, "Contact": contact_rows, "Case": case_rows, "TopicAssignment": topics},
    )


# --- HubSpot -----------------------------------------------------------------------------------------

#: HubSpot record ids: more digits than a double holds exactly (2**53 is 9007199254740992).
HUBSPOT_FIRST_ID = 12_345_678_901_234_567


def hs_id(i: int) -> int:
    return HUBSPOT_FIRST_ID + 2 * i  # consecutive even ids: a double rounds neighbours together


def hs_company_id(k: int) -> int:
    return 98_765_432_109_876_543 + 2 * k


def hs_date(i: int) -> str:
    return (EPOCH + timedelta(minutes=433 * i)).strftime("%Y-%m-%d %H:%M")


def hs_companies(i: int) -> str:
    return ";".join(str(hs_company_id((i + k) % 5)) for k in range(i % 3))


HS_NAMES = ("Ana 😀", "Zoë", "李雷", "", "O'Brien", "Jean-Luc 👩‍💻")


def hubspot(path: Path, contacts: int = 30) -> Path:
    ddl = [
        'CREATE TABLE contacts ("Record ID" TEXT, "First Name" TEXT, "Email" TEXT, "Create Date" TEXT,'
        ' "Associated Company IDs" TEXT, "Associated Company ID (Primary)" TEXT, "Lifecycle Stage" TEXT,'
        ' "Number of Sales Activities" TEXT)',
        'CREATE TABLE companies ("Record ID" TEXT, "Company name" TEXT, "Create Date" TEXT)',
    ]
    stages = ("lead", "subscriber", "customer", "")
    rows = [
        (
            str(hs_id(i)),
            HS_NAMES[i % len(HS_NAMES)],
            f"user{i}@example.com" if i % 4 else "",
            hs_date(i),
            hs_companies(i),
            str(hs_company_id(i % 5)) if i % 3 else "",
            stages[i % 4],
            str(i % 7) if i % 5 else "",
        )
        for i in range(contacts)
    ]
    companies = [(str(hs_company_id(k)), f"Company {k} 🏢", hs_date(k)) for k in range(5)]
    return write_export(path, ddl, {"contacts": rows, "companies": companies})


# --- Slack -------------------------------------------------------------------------------------------

SLACK_USERS = ("U024BE7LH", "U012AB3CD", "W012A3CDE", "U024be7lh")
SLACK_CHANNELS = ("C01234ABCDE", "C09876ZYXWV")
#: Messages one after another in the same second, as a busy channel has them (the microseconds of
#: ``ts`` tell them apart).
SLACK_FIRST_TS = 1_716_194_520


def slack_ts(i: int) -> str:
    """``1716194520.000200``: epoch seconds and microseconds, six digits always, as TEXT."""
    return f"{SLACK_FIRST_TS + i // 3}.{(i % 3) * 100 + 200:06d}"


def slack_text(i: int) -> str:
    who = SLACK_USERS[(i + 1) % len(SLACK_USERS)]
    texts = (
        f"<@{who}> can you look at this? Q&amp;A &lt;urgent&gt;",
        "Deployed :tada: &amp; closed",
        FREE_TEXT[i % len(FREE_TEXT)],
        f"see <https://example.com/t/{i}|ticket {i}>",
    )
    return texts[i % 4]


def slack(path: Path, messages: int = 40, *, declared_key: bool = False) -> Path:
    """``declared_key``: the converter declared ``PRIMARY KEY (channel, ts)`` (sqlite-utils ``--pk``)."""
    key = ", PRIMARY KEY (channel, ts)" if declared_key else ""
    ddl = [
        "CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT, real_name TEXT, is_bot INTEGER)",
        "CREATE TABLE messages (channel TEXT, ts TEXT, thread_ts TEXT, user TEXT, type TEXT,"
        f" subtype TEXT, text TEXT, reactions TEXT, reply_count INTEGER{key})",
    ]
    users = [(u, f"user{k}", f"User {k}", int(u.startswith("W"))) for k, u in enumerate(SLACK_USERS)]
    rows = []
    for i in range(messages):
        parent = i - i % 4  # every fourth message starts a thread, the next three reply in it
        rows.append(
            (
                SLACK_CHANNELS[0],
                slack_ts(i),
                slack_ts(parent) if i % 4 or i % 8 == 0 else None,
                SLACK_USERS[i % len(SLACK_USERS)],
                "message",
                "bot_message" if i % 10 == 9 else None,
                slack_text(i),
                json.dumps([{"name": "+1", "users": [SLACK_USERS[i % 3]], "count": 1}])
                if i % 3 == 0
                else None,
                3 if i % 8 == 0 else None,
            )
        )
    # The same ts in another channel: ts is the key only within a channel.
    for i in range(messages // 4):
        rows.append(
            (SLACK_CHANNELS[1], slack_ts(i), None, SLACK_USERS[0], "message", None, f"other {i}", None, None)
        )
    return write_export(path, ddl, {"users": users, "messages": rows})


def slack_keyed(path: Path) -> Path:
    """:func:`slack` with ``PRIMARY KEY (channel, ts)`` declared."""
    return slack(path, declared_key=True)


# --- Help-desk SaaS CSV exports imported into SQLite ----------------------------------------------------
#
# Three quarters as a help desk's SaaS writes its own CSV and a common importer lands it in SQLite:
#
# - :func:`zendesk_csv`: Zendesk Support's "CSV export" of tickets (Admin Center > Account > Tools >
#   Reports > Export; support.zendesk.com/hc/en-us/articles/4408886165402): one row per ticket, the
#   headers as the export names them (``Id``, ``Requester``, ``Requester id``, ``Created at``, ...,
#   ``First reply time in minutes``, custom fields as ``Title [type]``), instants in the account's own
#   time zone with its offset (``2025-10-30 01:42:00 -0700``; America/Los_Angeles, so the offset turns
#   from -0700 to -0800 at the end of summer time within the quarter), ``Resolution time`` in whole
#   hours, minutes as whole numbers, '' for every missing value. Imported by ``sqlite3``'s
#   ``.import --csv tickets.csv tickets`` (3.40, checked here): the table is created from the header,
#   every column ``TEXT``, the UTF-8 BOM before the first header skipped, CRLF inside a quoted cell
#   kept, every field a string ('' for an empty one, never NULL).
# - :func:`freshdesk_pandas`: Freshdesk's ticket export (Tickets > Export, CSV: ``Ticket ID``,
#   ``Created time`` ``2025-05-20 08:42:00`` in the helpdesk's time zone, ``Time tracked`` ``hh:mm``,
#   ``First response time (in hrs)`` decimal hours, ``Tags`` comma-joined, ``Contact ID`` 11-digit
#   ids), read by ``pandas.read_csv`` and written by ``DataFrame.to_sql("tickets", con)``: the index
#   as ``"index" INTEGER`` with ``ix_tickets_index``, whole-number columns int64 → INTEGER, numbers
#   with a blank float64 → REAL (``3.0``, NaN as NULL), a column blank on every row float64 → REAL and
#   all NULL, text object → TEXT with NaN as NULL (read_csv makes '' NaN).
# - :func:`servicenow_excel`: a ServiceNow incident list exported as CSV (list context menu > Export >
#   CSV: the field names as headers, display values as cells: ``INC0010023``, ``1 - Critical``,
#   ``sys_id`` 32-hex), opened in Excel (US locale) and saved as "CSV UTF-8": ``opened_at`` re-written
#   ``5/20/2025 8:42`` (no seconds, unpadded month, day and hour), ``true``/``false`` as
#   ``TRUE``/``FALSE``, the leading zeros of an account number lost, a 16-digit correlation id as
#   ``1.23457E+15``, in-cell line breaks as LF. Imported by ``sqlite-utils insert export.db incident
#   incident.csv --csv --detect-types`` (sqlite-utils 3.x): every value inserted as a string, then
#   ``table.transform(types=...)`` declares each column whose every non-empty value ``int()`` reads
#   ``INTEGER``, ``float()`` reads ``FLOAT``, else ``TEXT`` and copies the rows over (``INSERT INTO
#   new SELECT ... FROM old``), so column affinity turns ``'42'`` into 42 and ``'2'`` in a FLOAT
#   column into 2.0, while '' stays the empty string in an INTEGER column.

ZD_ZONE = ZoneInfo("America/Los_Angeles")
#: Ticket 0's creation: five days before summer time ends in Los Angeles (2025-11-02 09:00 UTC).
ZD_FIRST = datetime(2025, 10, 28, 8, 42, tzinfo=UTC)
ZD_COLUMNS = (
    "Id", "Requester", "Requester id", "Requester external id", "Requester email", "Requester domain",
    "Submitter", "Assignee", "Group", "Subject", "Tags", "Status", "Priority", "Via", "Ticket type",
    "Created at", "Updated at", "Assigned at", "Organization", "Due date", "Initially assigned at",
    "Solved at", "Resolution time", "Satisfaction Score", "Group stations", "Assignee stations",
    "Reopens", "Replies", "First reply time in minutes", "First reply time in minutes within business hours",
    "Full resolution time in minutes", "Full resolution time in minutes within business hours",
    "Requester wait time in minutes", "On hold time in minutes", "Order number [int]",
    "Refund amount [dec]", "Product [list]", "Description",
)  # fmt: skip
ZD_PEOPLE = ("Ana Souza", "Zoë Müller", "李雷", "Seán O'Brien", "Jean-Luc Picard")
ZD_STATUS = ("Open", "Pending", "Solved", "Closed", "New", "Hold")
ZD_PRIORITY = ("Normal", "High", "Urgent", "Low", "")
ZD_VIA = ("Mail", "Web Form", "Chat", "Phone call (incoming)", "API")
ZD_TYPE = ("Question", "Incident", "Problem", "Task", "")
ZD_SCORE = ("Offered", "Good", "Bad", "Not Offered", "Unoffered")
#: Zendesk user ids are beyond 32 bits.
ZD_FIRST_USER = 372_648_912_345


def zd_created(i: int) -> datetime:
    """Ticket ``i``'s creation instant (UTC): every 3 h 17 min from :data:`ZD_FIRST`."""
    return ZD_FIRST + timedelta(minutes=197 * i)


def zd_time(moment: datetime) -> str:
    """``2025-10-30 01:42:00 -0700``: the export's instant in the account's zone, with its offset."""
    return moment.astimezone(ZD_ZONE).strftime("%Y-%m-%d %H:%M:%S %z")


def zd_solved(i: int) -> datetime | None:
    return (
        zd_created(i) + timedelta(minutes=61 * (i % 9) + 95)
        if ZD_STATUS[i % 6] in ("Solved", "Closed")
        else None
    )


def zd_first_reply(i: int) -> int | None:
    return None if ZD_STATUS[i % 6] == "New" else 3 + 17 * (i % 11)


def zd_refund(i: int) -> str:
    """``12.50``: the decimal field as the export writes it (two places), '' when not set."""
    cents = 1250 + 733 * i
    return f"{cents // 100}.{cents % 100:02d}" if i % 3 == 1 else ""


def zd_description(i: int) -> str:
    texts = (
        "Hello,\r\n\r\nMy invoice is wrong.\r\n\r\nThanks,\r\nAna",
        "Printer on 3rd floor is jammed again 🖨️",
        "Zoë’s order — “urgent” …",
        "Call me at +1 (555) 010-2345",
    )
    return texts[i % 4]


def zendesk_csv_row(i: int) -> tuple[str, ...]:
    created = zd_created(i)
    status = ZD_STATUS[i % 6]
    solved = zd_solved(i)
    assigned = created + timedelta(minutes=5 + i % 4) if status != "New" else None
    reply = zd_first_reply(i)
    full = int((solved - created).total_seconds() // 60) if solved else None
    ticket_type = ZD_TYPE[i % 5]
    return (
        str(1000 + i),
        ZD_PEOPLE[i % 5],
        str(ZD_FIRST_USER + 7 * (i % 5)),
        f"CRM-{i % 5:05d}" if i % 5 != 2 else "",
        f"customer{i % 5}@example.com",
        "example.com",
        ZD_PEOPLE[i % 5] if i % 2 else "Support Bot",
        ZD_PEOPLE[(i + 2) % 5] if assigned else "",
        ("Support", "Billing", "")[i % 3] if assigned else "",
        f"Ticket {i}: {zd_description(i).splitlines()[0]}",
        ("billing vip", "printer", "", "refund billing")[i % 4],
        status,
        ZD_PRIORITY[i % 5],
        ZD_VIA[i % 5],
        ticket_type,
        zd_time(created),
        zd_time(created + timedelta(hours=2 + i % 5)),
        zd_time(assigned) if assigned else "",
        ("Acme Corp", "", "Globex")[i % 3],
        zd_time(datetime.combine((created + timedelta(days=3)).astimezone(ZD_ZONE).date(),
                                 datetime.min.time(), ZD_ZONE)) if ticket_type == "Task" else "",
        zd_time(assigned) if assigned else "",
        zd_time(solved) if solved else "",
        str(int((solved - created).total_seconds() // 3600)) if solved else "",
        ZD_SCORE[i % 5],
        str(1 + i % 3) if assigned else "0",
        str(1 + i % 2) if assigned else "0",
        str(int(i % 7 == 3)),
        str(i % 4),
        "" if reply is None else str(reply),
        "" if reply is None else str(reply // 2),
        "" if full is None else str(full),
        "" if full is None else str(full // 3),
        "" if full is None else str(full - (reply or 0)),
        str(60 * (i % 3)) if status == "Hold" else "0",
        str(700_000 + 13 * i) if i % 4 else "",
        zd_refund(i),
        ("product_a", "product_b", "")[i % 3],
        zd_description(i),
    )  # fmt: skip


#: The users export's people: the five requesters, then three agents.
ZD_USERS = 8


def zd_user_row(k: int) -> tuple[Any, ...]:
    """A row of the users CSV (``Id``, ``Name``, ``Email``, ``Role``, ``Created at``, ``Last login``)
    after ``sqlite-utils insert --csv --detect-types``: ``Id`` INTEGER, the rest TEXT."""
    name = ZD_PEOPLE[k] if k < 5 else ("Support Bot", "Dana Agent", "Eli Admin")[k - 5]
    created = ZD_FIRST - timedelta(days=400 - 37 * k)
    return (
        ZD_FIRST_USER + 7 * k,
        name,
        f"customer{k}@example.com" if k < 5 else f"agent{k}@acme.zendesk.com",
        "end-user" if k < 5 else ("agent", "agent", "admin")[k - 5],
        zd_time(created),
        zd_time(created + timedelta(days=3 * k)) if k % 3 else "",  # never logged in: ''
    )


def zendesk_csv(path: Path, tickets: int = 42) -> Path:
    """Zendesk's ticket CSV through ``sqlite3 .import --csv`` and its users CSV through ``sqlite-utils
    insert --csv --detect-types`` (see the section's notes)."""
    columns = ", ".join(f'"{name}" TEXT' for name in ZD_COLUMNS)
    ddl = [
        f'CREATE TABLE IF NOT EXISTS "tickets"(\n{columns})',
        'CREATE TABLE "users" (\n   [Id] INTEGER,\n   [Name] TEXT,\n   [Email] TEXT,\n   [Role] TEXT,\n'
        "   [Created at] TEXT,\n   [Last login] TEXT\n)",
    ]
    rows = {
        "tickets": [zendesk_csv_row(i) for i in range(tickets)],
        "users": [zd_user_row(k) for k in range(ZD_USERS)],
    }
    return write_export(path, ddl, rows)


FD_COLUMNS = (
    ("index", "INTEGER"), ("Ticket ID", "INTEGER"), ("Subject", "TEXT"), ("Status", "TEXT"),
    ("Priority", "TEXT"), ("Source", "TEXT"), ("Type", "TEXT"), ("Agent", "TEXT"), ("Group", "TEXT"),
    ("Created time", "TEXT"), ("Due by Time", "TEXT"), ("Resolved time", "TEXT"), ("Closed time", "TEXT"),
    ("Last update time", "TEXT"), ("Initial response time", "TEXT"), ("Time tracked", "TEXT"),
    ("First response time (in hrs)", "REAL"), ("Resolution time (in hrs)", "REAL"),
    ("Agent interactions", "INTEGER"), ("Customer interactions", "REAL"), ("Resolution status", "TEXT"),
    ("First response status", "TEXT"), ("Tags", "TEXT"), ("Survey results", "REAL"), ("Product", "TEXT"),
    ("Full name", "TEXT"), ("Email", "TEXT"), ("Contact ID", "REAL"), ("Company Name", "TEXT"),
)  # fmt: skip
FD_STATUS = ("Open", "Pending", "Resolved", "Closed", "Waiting on Customer")
FD_PRIORITY = ("Low", "Medium", "High", "Urgent")
FD_SOURCE = ("Email", "Portal", "Phone", "Chat", "Feedback Widget", "Outbound Email")
FD_FIRST = datetime(2025, 5, 20, 8, 42)
FD_FIRST_CONTACT = 43_012_345_678


def fd_created(i: int) -> datetime:
    return FD_FIRST + timedelta(minutes=433 * i, seconds=7 * (i % 8))


def fd_time(moment: datetime | None) -> str | None:
    """``2025-05-20 08:42:07``: Freshdesk's export (the helpdesk's zone, none written); NaN → NULL."""
    return None if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S")


def fd_resolved(i: int) -> datetime | None:
    return (
        fd_created(i) + timedelta(minutes=45 + 97 * (i % 13))
        if FD_STATUS[i % 5] in ("Resolved", "Closed")
        else None
    )


def fd_first_response_minutes(i: int) -> int | None:
    return None if i % 6 == 5 else 15 * (1 + i % 9)


def fd_tracked(i: int) -> str | None:
    """``Time tracked``: ``hh:mm``, blank (NaN) when nobody logged time."""
    minutes = 25 * (i % 7)
    return None if minutes == 0 else f"{minutes // 60:02d}:{minutes % 60:02d}"


def fd_contact(i: int) -> float | None:
    """``Contact ID``: blank on a ticket an agent opened for nobody, so pandas reads the column as
    float64 and ``to_sql`` writes REAL ``43012345689.0``."""
    return None if i % 7 == 6 else float(FD_FIRST_CONTACT + 11 * (i % 3))


def freshdesk_pandas_row(i: int) -> tuple[Any, ...]:
    created = fd_created(i)
    resolved = fd_resolved(i)
    first = fd_first_response_minutes(i)
    closed = resolved + timedelta(hours=48) if resolved and FD_STATUS[i % 5] == "Closed" else None
    customer = None if i % 5 == 4 else float(1 + i % 4)
    return (
        i,
        2001 + i,
        f"Ticket {2001 + i}: " + ("Refund of $1,234.50", "Printer jammed 🖨️", "Zoë’s “urgent” order …")[i % 3],
        FD_STATUS[i % 5],
        FD_PRIORITY[i % 4],
        FD_SOURCE[i % 6],
        ("Question", "Incident", "Problem", None)[i % 4],
        (None, "Ana Souza", "Seán O'Brien")[i % 3],
        ("Billing", "Level 1", None)[i % 3],
        fd_time(created),
        fd_time(created + timedelta(days=1)),
        fd_time(resolved),
        fd_time(closed),
        fd_time(created + timedelta(hours=3 + i % 5)),
        fd_time(created + timedelta(minutes=first)) if first is not None else None,
        fd_tracked(i),
        None if first is None else first / 60,
        None if resolved is None else round((resolved - created).total_seconds() / 3600, 2),
        i % 6,
        customer,
        ("Within SLA", "SLA Violated", None)[i % 3] if resolved else None,
        None if first is None else ("Within SLA" if first <= 60 else "SLA Violated"),
        ("billing,vip", "printer", None, "refund,billing,eu")[i % 4],
        None,
        "Widget Pro",
        ("Ana Souza", "Zoë Müller", "李雷")[i % 3],
        f"customer{i % 3}@example.com",
        fd_contact(i),
        (None, "Acme Corp", "Globex")[i % 3],
    )  # fmt: skip


def freshdesk_pandas(path: Path, tickets: int = 36) -> Path:
    """Freshdesk's ticket CSV through ``read_csv(...).to_sql(...)`` (see the section's notes)."""
    columns = ",\n  ".join(f'"{name}" {kind}' for name, kind in FD_COLUMNS)
    ddl = [
        f'CREATE TABLE "tickets" (\n{columns}\n)',
        'CREATE INDEX "ix_tickets_index"ON "tickets" ("index")',
        'CREATE TABLE "contacts" (\n"index" INTEGER,\n  "Contact ID" INTEGER,\n  "Full name" TEXT,\n'
        '  "Email" TEXT,\n  "Work phone" TEXT,\n  "Created at" TEXT\n)',
        'CREATE INDEX "ix_contacts_index"ON "contacts" ("index")',
    ]
    contacts = [
        (k, FD_FIRST_CONTACT + 11 * k, ("Ana Souza", "Zoë Müller", "李雷", "Ola Nordmann")[k],
         f"customer{k}@example.com", (None, "+44 20 7946 0958", "+1 (555) 010-2345", None)[k],
         fd_time(FD_FIRST - timedelta(days=90 - 20 * k)))
        for k in range(4)
    ]  # fmt: skip
    rows = {"tickets": [freshdesk_pandas_row(i) for i in range(tickets)], "contacts": contacts}
    return write_export(path, ddl, rows)


SN_COLUMNS = (
    ("number", "TEXT"), ("opened_at", "TEXT"), ("short_description", "TEXT"), ("caller_id", "TEXT"),
    ("priority", "TEXT"), ("state", "TEXT"), ("category", "TEXT"), ("assignment_group", "TEXT"),
    ("assigned_to", "TEXT"), ("sys_updated_on", "TEXT"), ("resolved_at", "TEXT"), ("sys_id", "TEXT"),
    ("reassignment_count", "INTEGER"), ("made_sla", "TEXT"), ("business_stc", "INTEGER"),
    ("calendar_stc", "INTEGER"), ("u_account_number", "INTEGER"), ("u_hours", "FLOAT"),
    ("correlation_id", "FLOAT"), ("close_notes", "TEXT"),
)  # fmt: skip
SN_STATES = ("New", "In Progress", "On Hold", "Resolved", "Closed")
SN_PRIORITIES = ("1 - Critical", "2 - High", "3 - Moderate", "4 - Low", "5 - Planning")
SN_FIRST = datetime(2025, 7, 3, 9, 5)


def sn_opened(i: int) -> datetime:
    return SN_FIRST + timedelta(minutes=617 * i)


def sn_excel_time(moment: datetime) -> str:
    """``7/3/2025 9:05``: Excel's US short date and time (no seconds, nothing padded)."""
    return f"{moment.month}/{moment.day}/{moment.year} {moment.hour}:{moment.minute:02d}"


def sn_sys_id(i: int) -> str:
    return f"{(0x9D385017 + 977 * i) % 16**8:08x}c611228701d22104cc9{i:03x}{(i * 37) % 256:02x}"


def sn_resolved(i: int) -> datetime | None:
    return (
        sn_opened(i) + timedelta(minutes=90 + 53 * (i % 10))
        if SN_STATES[i % 5] in ("Resolved", "Closed")
        else None
    )


def sn_correlation(i: int) -> str:
    """A 16-digit id as Excel's General format saved it: ``1.23457E+15`` (only 6 digits left)."""
    mantissa = 1.23457 + 0.00011 * i
    return f"{mantissa:.5f}".rstrip("0").rstrip(".") + "E+15"


def servicenow_excel_row(i: int) -> tuple[str, ...]:
    opened = sn_opened(i)
    resolved = sn_resolved(i)
    seconds = int((resolved - opened).total_seconds()) if resolved else 0
    return (
        f"INC{10023 + i:07d}",
        sn_excel_time(opened),
        ("Email server down", "VPN drops — “again”", "Printer 🖨️ jammed", "Reset password")[i % 4],
        ("Abel Tuter", "Beth Anglin", "Zoë Saldaña", "Fred Luddy")[i % 4],
        SN_PRIORITIES[i % 5],
        SN_STATES[i % 5],
        ("Network", "Hardware", "Software", "Inquiry / Help")[i % 4],
        ("Service Desk", "Network", "")[i % 3],
        ("", "Beth Anglin", "David Loo")[i % 3],
        sn_excel_time(opened + timedelta(hours=1 + i % 6, minutes=13)),
        sn_excel_time(resolved) if resolved else "",
        sn_sys_id(i),
        str(i % 4),
        ("TRUE", "FALSE")[i % 7 == 6],
        str(seconds // 2) if resolved else "",
        str(seconds) if resolved else "",
        str(42317 + 101 * i),  # 00042317: Excel read it as a number
        ("1.5", "2", "0.25", "")[i % 4],
        sn_correlation(i) if i % 3 else "",
        f"Closed by caller\nKB0010{i:03d} applied" if resolved else "",
    )


def servicenow_excel(path: Path, incidents: int = 40) -> Path:
    """ServiceNow's incident CSV, saved by Excel, through ``sqlite-utils insert --csv --detect-types``
    (see the section's notes): the rows inserted as text, then copied into the typed table."""
    text = ",\n   ".join(f"[{name}] TEXT" for name, _ in SN_COLUMNS)
    typed = ",\n   ".join(f"[{name}] {kind}" for name, kind in SN_COLUMNS)
    write_export(path, [f"CREATE TABLE [incident] (\n   {text}\n)"],
                 {"incident": [servicenow_excel_row(i) for i in range(incidents)]})  # fmt: skip
    with closing(sqlite3.connect(path)) as con, con:
        con.execute(f"CREATE TABLE [incident_new_a1b2c3] (\n   {typed}\n)")
        names = ", ".join(f"[{name}]" for name, _ in SN_COLUMNS)
        con.execute(f"INSERT INTO [incident_new_a1b2c3] ({names})\n   SELECT {names} FROM [incident];")
        con.execute("DROP TABLE [incident];")
        con.execute("ALTER TABLE [incident_new_a1b2c3] RENAME TO [incident];")
    return path
