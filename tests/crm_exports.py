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
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

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
