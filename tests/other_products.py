"""Small but faithful SQLite exports of other help-desk products (test data only, not the product's).

Each builder writes one SQLite file in the style the product's export (or the usual conversion of it)
leaves: its tables, declared types, keys, spellings of dates, booleans, money and durations, and the
dirt such data really carries (emoji, right-to-left text, CRLF and lone CR, tabs, backslashes, the
literal text ``\\N``, ``NULL`` and ``None`` as values of free text, long HTML, ``+`` in addresses, phone
numbers, money with currency symbols, percentages, JSON arrays). Nothing is drawn at random: every value
comes from the row's number, so a test can compute what a column holds from the same numbers.

- :func:`zendesk`: tickets / ticket_comments / users / organizations as the API's JSON flattened into
  SQLite: ISO ``Z`` timestamps, ``via`` channels, custom fields as JSON text, tags space- or
  comma-separated, satisfaction ``good``/``bad``/``offered``/``unoffered``.
- :func:`freshdesk`: integer status / priority / source codes, ``due_by``/``fr_due_by``,
  ``is_escalated`` written ``true``/``false`` and ``fr_escalated`` ``0``/``1``, HTML ``description``
  beside plain ``description_text``, custom fields with money in European form and percentages.
- :func:`jira`: a Jira Service Management CSV imported by ``sqlite-utils insert --csv``: every column
  TEXT, no key, ``Created`` as ``20/May/25 8:42 AM``, ``Time Spent`` in seconds, ``Original Estimate``
  as ``1h 30m``, repeated ``Sprint`` headers (``Sprint``, ``Sprint_2``), ``Custom field (Story
  Points)``, empty strings for every missing value; :func:`jira_csvkit`: the same CSV through csvkit's
  ``csvsql`` (types inferred, blanks NULL, SQLAlchemy's date-time text).
- :func:`servicenow`: ``sys_id`` 32-hex keys, ``number`` ``INC0010023``, ``sys_created_on``
  ``2025-05-20 08:42:00``, display values beside raw values (``dv_…``), ``u_`` custom columns,
  durations as ServiceNow stores them (a date-time after 1970-01-01).
- :func:`osticket`: a MySQL dump converted to SQLite (mysql2sqlite): ``int(11)``, ``tinyint(1)``,
  ``datetime`` declared types, ``0000-00-00 00:00:00`` zero dates, latin1 text stored as its bytes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

#: The free text real help-desk data carries, one per row in turn (the ``None`` / ``NULL`` / ``\N``
#: are somebody's words here, typed into a comment: values, not missing ones).
FREE_TEXT: tuple[str, ...] = (
    "Printer on 3rd floor is jammed again 🖨️😤",
    "שלום, המדפסת לא עובדת",  # Hebrew: right to left
    "مرحبا، لدي مشكلة في الفاتورة",  # Arabic
    "Line one\r\nLine two\r\nLine three",
    "Old Mac line\rsecond line",
    "col1\tcol2\tcol3",
    "Path is C:\\Users\\ana\\AppData\\Local\\Temp",
    "\\N",
    "NULL",
    "None",
    "Zoë’s invoice — “urgent” …",
    "Refund of $1,234.50 approved",
    "Invoice total 1 234,50 € incl. VAT",
    "Discount 12.5% for renewal",
    "Call me at +1 (555) 010-2345 ext. 7",
    "Customer wrote: <script>alert('x')</script>",
    "日本語のチケットです",
    "trailing spaces here   ",
    "",
    "Emoji only 👍🏽👩‍💻🇩🇪",
)

EPOCH = datetime(2025, 5, 20, 8, 42, tzinfo=UTC)


def at(i: int, hours: int = 0) -> datetime:
    """A deterministic instant for row ``i``: 2025-05-20 08:42 UTC plus ``i`` times 7 h 13 min."""
    return EPOCH + timedelta(minutes=433 * i, hours=hours)


def iso_z(moment: datetime) -> str:
    """``2025-05-20T08:42:00Z``, as Zendesk's and Freshdesk's APIs write instants."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def long_html(i: int, paragraphs: int = 400) -> str:
    """An HTML body of ~40 KB (a forwarded e-mail thread with its quoting)."""
    block = (
        f'<p>Hello team,</p><blockquote style="margin:0 0 0 .8ex">Ticket #{i} &mdash; see '
        '<a href="https://example.com/a?b=1&amp;c=2">link</a> — ünïcödé ✓</blockquote>\r\n'
    )
    return '<div class="gmail_quote">' + block * paragraphs + "</div>"


def money_us(i: int) -> str:
    """``$1,234.50``: the thousands grouped by commas, the currency sign in front."""
    cents = 123_450 + 1_013 * i
    return f"${cents // 100:,}.{cents % 100:02d}"


def money_eu(i: int) -> str:
    """``1 234,50 €``: a space groups thousands, a comma before the cents, the sign after."""
    cents = 123_450 + 1_013 * i
    whole = f"{cents // 100:,}".replace(",", " ")
    return f"{whole},{cents % 100:02d} €"


def write_export(
    path: Path, ddl: Sequence[str], rows: dict[str, list[Sequence[Any]]], *, bytes_as_text: bool = True
) -> Path:
    """``ddl`` executed, then each table's rows inserted; a ``bytes`` value is inserted as a TEXT cell
    holding those bytes (text the writing application stored in its own encoding, as mysql2sqlite
    leaves latin1 columns), not as a BLOB, unless ``bytes_as_text`` is false."""
    con = sqlite3.connect(path)
    with con:
        for statement in ddl:
            con.execute(statement)
        for table, values in rows.items():
            for row in values:
                marks = ", ".join(
                    "CAST(? AS TEXT)" if bytes_as_text and isinstance(v, bytes) else "?" for v in row
                )
                con.execute(f'INSERT INTO "{table}" VALUES ({marks})', row)
    con.close()
    return path


# --- Zendesk ---------------------------------------------------------------------------------------------

ZENDESK_VIA = ("email", "web", "api", "chat", "voice", "mobile_sdk")
ZENDESK_SATISFACTION = ("good", "bad", "offered", "unoffered")
ZENDESK_STATUS = ("new", "open", "pending", "hold", "solved", "closed")


def zendesk(path: Path, tickets: int = 40) -> Path:
    """A Zendesk export flattened into SQLite (one row per API object, nested objects as JSON text)."""
    ddl = [
        "CREATE TABLE organizations (id INTEGER PRIMARY KEY, url TEXT, name TEXT, domain_names TEXT, "
        "details TEXT, notes TEXT, shared_tickets BOOLEAN, tags TEXT, created_at TEXT, updated_at TEXT)",
        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT, phone TEXT, role TEXT, "
        "locale TEXT, time_zone TEXT, organization_id INTEGER REFERENCES organizations(id), "
        "verified BOOLEAN, suspended BOOLEAN, tags TEXT, details TEXT, notes TEXT, "
        "created_at TEXT, last_login_at TEXT)",
        "CREATE TABLE tickets (id INTEGER PRIMARY KEY, url TEXT, external_id TEXT, via_channel TEXT, "
        "via TEXT, created_at TEXT, updated_at TEXT, type TEXT, subject TEXT, raw_subject TEXT, "
        "description TEXT, priority TEXT, status TEXT, recipient TEXT, requester_id INTEGER, "
        "submitter_id INTEGER, assignee_id INTEGER, organization_id INTEGER, group_id INTEGER, "
        "collaborator_ids TEXT, tags TEXT, custom_fields TEXT, satisfaction_rating TEXT, "
        "has_incidents BOOLEAN, is_public BOOLEAN, due_at TEXT, "
        "FOREIGN KEY (requester_id) REFERENCES users(id))",
        "CREATE TABLE ticket_comments (id INTEGER PRIMARY KEY, ticket_id INTEGER REFERENCES tickets(id), "
        "type TEXT, author_id INTEGER REFERENCES users(id), body TEXT, html_body TEXT, plain_body TEXT, "
        "public BOOLEAN, attachments TEXT, created_at TEXT)",
    ]
    orgs = [
        (
            100 + i,
            f"https://acme.zendesk.com/api/v2/organizations/{100 + i}.json",
            ("Acme GmbH", "Globex Corp.", "Initech", "Umbrella S.A.", "Söze & Söhne")[i],
            json.dumps([f"org{i}.example.com", f"mail.org{i}.example"]),
            FREE_TEXT[i * 3 % len(FREE_TEXT)],
            FREE_TEXT[(i * 3 + 8) % len(FREE_TEXT)],
            i % 2,
            "enterprise vip" if i % 2 else "smb",
            iso_z(at(-100 + i)),
            iso_z(at(-50 + i)),
        )
        for i in range(5)
    ]
    users = [
        (
            1000 + i,
            ("Ana Souza", "Jürgen Müller", "李小龙", "O'Brien, Pat", "Fatima Al-Sayed", "NULL")[i % 6]
            + ("" if i < 6 else f" {i}"),
            f"user.{i}+helpdesk@example.com",
            ("+1 (555) 010-2345", "+49 30 1234567", "0044 20 7946 0958", "", "555.010.9999")[i % 5],
            ("end-user", "agent", "admin")[i % 3],
            ("en-US", "de", "ja", "pt-BR", "ar")[i % 5],
            ("Pacific Time (US & Canada)", "Berlin", "Tokyo", "Brasilia", "Riyadh")[i % 5],
            100 + i % 5,
            1 - (i % 4 == 0),
            int(i % 7 == 0),
            "vip,billing" if i % 2 else "newsletter",
            FREE_TEXT[i % len(FREE_TEXT)],
            FREE_TEXT[(i + 7) % len(FREE_TEXT)],
            iso_z(at(-60 + i)),
            None if i % 5 == 0 else iso_z(at(i)),
        )
        for i in range(12)
    ]
    ticket_rows = []
    for i in range(tickets):
        channel = ZENDESK_VIA[i % len(ZENDESK_VIA)]
        via = {
            "channel": channel,
            "source": {"from": {"address": f"user.{i % 12}+helpdesk@example.com"}, "to": {}, "rel": None},
        }
        custom = [
            {"id": 360001, "value": money_us(i)},
            {"id": 360002, "value": f"{(i * 2.5) % 100:.1f}%"},
            {"id": 360003, "value": None if i % 3 else ["hardware", "printer"]},
        ]
        ticket_rows.append(
            (
                i + 1,
                f"https://acme.zendesk.com/api/v2/tickets/{i + 1}.json",
                None if i % 4 else f"EXT-{i:05d}",
                channel,
                json.dumps(via),
                iso_z(at(i)),
                iso_z(at(i, hours=5)),
                ("incident", "problem", "question", "task", None)[i % 5],
                f"Subject {i}: " + FREE_TEXT[i % len(FREE_TEXT)],
                f"Subject {i}: " + FREE_TEXT[i % len(FREE_TEXT)],
                long_html(i, 40) if i % 10 == 0 else FREE_TEXT[(i + 3) % len(FREE_TEXT)],
                ("low", "normal", "high", "urgent", None)[i % 5],
                ZENDESK_STATUS[i % len(ZENDESK_STATUS)],
                "support@acme.zendesk.com",
                1000 + i % 12,
                1000 + (i + 1) % 12,
                None if i % 6 == 0 else 1000 + (i * 5) % 12,
                100 + i % 5,
                360000 + i % 3,
                json.dumps([1000 + (i + 2) % 12, 1000 + (i + 3) % 12] if i % 2 else []),
                " ".join(("printer", "vip", "billing", "urgent_fix")[: 1 + i % 4]),
                json.dumps(custom, ensure_ascii=False),
                ZENDESK_SATISFACTION[i % 4],
                "true" if i % 9 == 0 else "false",
                1 - (i % 8 == 0),
                iso_z(at(i, hours=48)) if i % 3 == 0 else None,
            )
        )
    comments = []
    for j in range(tickets * 2):
        text = FREE_TEXT[j % len(FREE_TEXT)]
        comments.append(
            (
                5_000_000_000 + j,  # Zendesk ids are beyond 32 bits
                1 + j % tickets,
                "Comment" if j % 7 else "VoiceComment",
                1000 + j % 12,
                text,
                long_html(j) if j % 9 == 0 else f'<div class="zd-comment"><p>{text}</p></div>',
                text,
                "true" if j % 3 else "false",
                json.dumps(
                    [{"file_name": f"scan {j}.pdf", "size": 1024 * j, "content_type": "application/pdf"}]
                    if j % 5 == 0
                    else []
                ),
                iso_z(at(j // 2, hours=1 + j % 2)),
            )
        )
    return write_export(
        path,
        ddl,
        {"organizations": orgs, "users": users, "tickets": ticket_rows, "ticket_comments": comments},
    )


# --- Freshdesk -------------------------------------------------------------------------------------------

FRESHDESK_STATUS = (2, 3, 4, 5)  # Open, Pending, Resolved, Closed
FRESHDESK_PRIORITY = (1, 2, 3, 4)  # Low, Medium, High, Urgent
FRESHDESK_SOURCE = (1, 2, 3, 7, 9, 10)  # Email, Portal, Phone, Chat, Feedback widget, Outbound email


def freshdesk(path: Path, tickets: int = 40) -> Path:
    """A Freshdesk export into SQLite (the API's fields, as a sync tool writes them)."""
    ddl = [
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT, email TEXT, phone TEXT, mobile TEXT, "
        "company_id INTEGER, active TEXT, job_title TEXT, language TEXT, time_zone TEXT, "
        "created_at TEXT, updated_at TEXT)",
        "CREATE TABLE tickets (id INTEGER PRIMARY KEY, subject TEXT, description TEXT, "
        "description_text TEXT, status INTEGER, priority INTEGER, source INTEGER, type TEXT, "
        "requester_id INTEGER REFERENCES contacts(id), responder_id INTEGER, group_id INTEGER, "
        "due_by TEXT, fr_due_by TEXT, is_escalated TEXT, fr_escalated INTEGER, spam TEXT, "
        "cc_emails TEXT, tags TEXT, custom_fields TEXT, cf_amount TEXT, cf_discount TEXT, "
        "created_at TEXT, updated_at TEXT)",
        "CREATE TABLE conversations (id INTEGER PRIMARY KEY, ticket_id INTEGER REFERENCES tickets(id), "
        "body TEXT, body_text TEXT, incoming INTEGER, private TEXT, user_id INTEGER, support_email TEXT, "
        "created_at TEXT, updated_at TEXT)",
        "CREATE TABLE time_entries (id INTEGER PRIMARY KEY, ticket_id INTEGER REFERENCES tickets(id), "
        "agent_id INTEGER, time_spent TEXT, billable TEXT, timer_running TEXT, note TEXT, "
        "executed_at TEXT, created_at TEXT)",
    ]
    contacts = [
        (
            43_000_000_000 + i,
            ("Maria García", "Ivan Petrov", "Chen Wei", "None", "Ngozi Okafor", "Ève Lefèvre")[i % 6]
            + ("" if i < 6 else f" {i}"),
            f"c{i}+support@example.org" if i % 4 else None,
            ("+34 912 34 56 78", "(555) 010-2345", "", "+7 495 123-45-67")[i % 4],
            None if i % 2 else f"+44 7700 900{i:03d}",
            None if i % 3 == 0 else 9000 + i % 3,
            "true" if i % 5 else "false",
            ("Head of IT", "CFO", "", "Office Manager")[i % 4],
            ("en", "es", "ru", "zh-CN")[i % 4],
            ("Madrid", "Moscow", "Beijing", "Eastern Time (US & Canada)")[i % 4],
            iso_z(at(-80 + i)),
            iso_z(at(-40 + i)),
        )
        for i in range(10)
    ]
    ticket_rows = []
    for i in range(tickets):
        text = FREE_TEXT[i % len(FREE_TEXT)]
        html = long_html(i, 30) if i % 8 == 0 else f"<div>{text}</div><br>"
        ticket_rows.append(
            (
                i + 1,
                f"[#{i + 1}] " + FREE_TEXT[(i + 5) % len(FREE_TEXT)],
                html,
                text,
                FRESHDESK_STATUS[i % 4],
                FRESHDESK_PRIORITY[i % 4],
                FRESHDESK_SOURCE[i % 6],
                ("Question", "Incident", "Problem", "Feature Request", None)[i % 5],
                43_000_000_000 + i % 10,
                None if i % 5 == 0 else 77_000_000_000 + i % 3,
                None if i % 7 == 0 else 5000 + i % 2,
                iso_z(at(i, hours=72)),
                iso_z(at(i, hours=4)),
                "true" if i % 6 == 0 else "false",
                int(i % 4 == 0),
                "false",
                json.dumps([f"cc{i}+boss@example.org"] if i % 3 == 0 else []),
                json.dumps(["billing", "Rückerstattung"][: i % 3]),
                json.dumps(
                    {"cf_amount": money_eu(i), "cf_discount": f"{i % 8 * 2.5}%", "cf_po": None},
                    ensure_ascii=False,
                ),
                money_eu(i),
                f"{i % 8 * 2.5}%",
                iso_z(at(i)),
                iso_z(at(i, hours=9)),
            )
        )
    conversations = []
    for j in range(tickets * 2):
        text = FREE_TEXT[(j * 3) % len(FREE_TEXT)]
        conversations.append(
            (
                150_000_000_000 + j,
                1 + j % tickets,
                long_html(j, 50) if j % 11 == 0 else f'<div dir="auto">{text}</div>',
                text,
                int(j % 2 == 0),
                "true" if j % 5 == 0 else "false",
                43_000_000_000 + j % 10,
                "support@acme.freshdesk.com",
                iso_z(at(j // 2, hours=2)),
                iso_z(at(j // 2, hours=3)),
            )
        )
    entries = [
        (
            600 + k,
            1 + k % tickets,
            77_000_000_000 + k % 3,
            f"{k % 5:02d}:{(k * 15) % 60:02d}",  # Freshdesk writes time spent as hh:mm
            "true" if k % 2 else "false",
            "false",
            FREE_TEXT[(k + 2) % len(FREE_TEXT)],
            iso_z(at(k, hours=6)),
            iso_z(at(k, hours=7)),
        )
        for k in range(30)
    ]
    return write_export(
        path,
        ddl,
        {
            "contacts": contacts,
            "tickets": ticket_rows,
            "conversations": conversations,
            "time_entries": entries,
        },
    )


# --- Jira Service Management CSV, imported with sqlite-utils ----------------------------------------------

JIRA_COLUMNS = (
    "Summary",
    "Issue key",
    "Issue id",
    "Issue Type",
    "Status",
    "Priority",
    "Resolution",
    "Assignee",
    "Reporter",
    "Created",
    "Updated",
    "Resolved",
    "Due Date",
    "Time Spent",
    "Original Estimate",
    "Remaining Estimate",
    "Sprint",
    "Sprint_2",
    "Labels",
    "Labels_2",
    "Description",
    "Custom field (Story Points)",
    "Custom field (Request Type)",
    "Custom field (Satisfaction rating)",
    "Custom field (Cost)",
    "Watchers",
)


def jira_created(moment: datetime) -> str:
    """``20/May/25 8:42 AM``: Jira's default CSV date-time (two-digit year, unpadded hour)."""
    hour = moment.hour % 12 or 12
    return f"{moment:%d/%b/%y} {hour}:{moment:%M} {'AM' if moment.hour < 12 else 'PM'}"


def jira_estimate(seconds: int) -> str:
    """``1h 30m`` / ``2d 4h`` / ``45m``: Jira's duration text (8-hour days)."""
    days, rest = divmod(seconds, 8 * 3600)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [f"{days}d" if days else "", f"{hours}h" if hours else "", f"{minutes}m" if minutes else ""]
    return " ".join(p for p in parts if p) or "0m"


def jira(path: Path, issues: int = 60) -> Path:
    """A JSM CSV export as ``sqlite-utils insert db.db issues export.csv --csv`` leaves it: one table, every
    column TEXT, no key, every missing value the empty string."""
    columns = ", ".join(f'"{c}" TEXT' for c in JIRA_COLUMNS)
    ddl = [f"CREATE TABLE [issues] ({columns})"]
    rows = []
    for i in range(issues):
        created = at(i)
        spent = 900 * (i % 13)
        estimate = 1800 * (1 + i % 11)
        resolved = at(i, hours=30) if i % 3 == 0 else None
        rows.append(
            (
                FREE_TEXT[i % len(FREE_TEXT)] or f"Issue {i}",
                f"HELP-{1000 + i}",
                str(10_000 + i),
                ("Service Request", "Incident", "Problem", "Change")[i % 4],
                ("Waiting for support", "In Progress", "Resolved", "Closed")[i % 4],
                ("Medium", "High", "Low", "Highest", "")[i % 5],
                "Done" if resolved else "",
                ("Ana Souza", "", "Jürgen Müller")[i % 3],
                f"user.{i % 7}+jira@example.com",
                jira_created(created),
                jira_created(at(i, hours=3)),
                jira_created(resolved) if resolved else "",
                f"{at(i, hours=96):%d/%b/%y}" if i % 4 == 0 else "",
                str(spent) if spent else "",
                jira_estimate(estimate),
                jira_estimate(max(estimate - spent, 0)),
                f"HELP Sprint {i % 5 + 1}" if i % 2 else "",
                f"HELP Sprint {i % 5 + 2}" if i % 6 == 1 else "",
                ("printer", "vpn", "billing", "")[i % 4],
                "customer-reported" if i % 5 == 0 else "",
                (long_html(i, 20) if i % 15 == 0 else FREE_TEXT[(i + 9) % len(FREE_TEXT)]),
                ("1.0", "2.0", "3.0", "5.0", "8.0", "")[i % 6],
                ("Get IT help", "Request new hardware", "Report a system problem")[i % 3],
                ("Satisfied", "Very satisfied", "Dissatisfied", "")[i % 4],
                money_us(i) if i % 2 else "",
                ",".join(f"user.{(i + k) % 7}" for k in range(i % 3)),
            )
        )
    return write_export(path, ddl, {"issues": rows})


def sqlalchemy_time(moment: datetime) -> str:
    """``2025-05-20 08:42:00.000000``: how SQLAlchemy stores a DateTime (and an Interval, after
    1970-01-01) in SQLite."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def jira_csvkit(path: Path, issues: int = 60) -> Path:
    """The same JSM CSV through ``csvsql --db sqlite:///x.db --insert``: agate infers the types and
    SQLAlchemy writes them. Blanks are NULL; dates are DATE / TIMESTAMP text with six fraction digits;
    numbers DECIMAL (SQLite's NUMERIC affinity keeps ``5400.0`` and ``3.0`` as integers); ``1h 30m``
    an Interval (a date-time after 1970-01-01); ``true``/``false`` BOOLEAN ``1``/``0``."""
    ddl = [
        'CREATE TABLE issues ("Summary" VARCHAR, "Issue key" VARCHAR NOT NULL, "Issue id" DECIMAL NOT NULL, '
        '"Status" VARCHAR NOT NULL, "Created" TIMESTAMP NOT NULL, "Resolved" TIMESTAMP, "Due Date" DATE, '
        '"Time Spent" DECIMAL, "Original Estimate" TIMESTAMP NOT NULL, "Flagged" BOOLEAN NOT NULL, '
        '"Custom field (Story Points)" DECIMAL, "Custom field (Cost)" VARCHAR, "Sprint" VARCHAR)'
    ]
    rows = []
    for i in range(issues):
        resolved = at(i, hours=30) if i % 3 == 0 else None
        spent = 900 * (i % 13)
        rows.append(
            (
                FREE_TEXT[i % len(FREE_TEXT)] or None,
                f"HELP-{1000 + i}",
                float(10_000 + i),
                ("Waiting for support", "In Progress", "Resolved", "Closed")[i % 4],
                sqlalchemy_time(at(i)),
                sqlalchemy_time(resolved) if resolved else None,
                f"{at(i, hours=96):%Y-%m-%d}" if i % 4 == 0 else None,
                float(spent) if spent else None,
                sqlalchemy_time(datetime(1970, 1, 1) + timedelta(seconds=1800 * (1 + i % 11))),
                int(i % 5 == 0),
                (1.0, 2.0, 3.0, 5.0, 8.0, None)[i % 6],
                money_us(i) if i % 2 else None,
                f"HELP Sprint {i % 5 + 1}" if i % 2 else None,
            )
        )
    return write_export(path, ddl, {"issues": rows})


# --- ServiceNow ------------------------------------------------------------------------------------------


def sys_id(kind: str, i: int) -> str:
    """A 32-hex ``sys_id``, the same in every process."""
    seed = sum(ord(c) * 31**k for k, c in enumerate(kind)) % 16**8
    return f"{seed:08x}{i:08x}{(seed * 7 + i) % 16**8:08x}a1b2c3d4"


def sn_time(moment: datetime) -> str:
    """``2025-05-20 08:42:00``: ServiceNow's ``sys_created_on`` (UTC, no zone written)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def servicenow(path: Path, incidents: int = 40) -> Path:
    """A ServiceNow incident export (``sys_user`` and ``incident``) as a replication tool writes it:
    ``sys_id`` text keys, raw values and display values side by side."""
    ddl = [
        "CREATE TABLE sys_user (sys_id VARCHAR(32) PRIMARY KEY, user_name VARCHAR(40), name VARCHAR(80), "
        "email VARCHAR(100), phone VARCHAR(40), mobile_phone VARCHAR(40), active VARCHAR(5), "
        "u_cost_center VARCHAR(40), sys_created_on DATETIME, sys_updated_on DATETIME)",
        "CREATE TABLE incident (sys_id VARCHAR(32) PRIMARY KEY, number VARCHAR(40), "
        "short_description VARCHAR(160), description VARCHAR(4000), state INTEGER, dv_state VARCHAR(40), "
        "priority INTEGER, dv_priority VARCHAR(40), impact INTEGER, urgency INTEGER, "
        "caller_id VARCHAR(32) REFERENCES sys_user(sys_id), dv_caller_id VARCHAR(80), "
        "assigned_to VARCHAR(32), dv_assigned_to VARCHAR(80), active VARCHAR(5), made_sla BOOLEAN, "
        "reassignment_count INTEGER, business_duration DATETIME, calendar_stc INTEGER, "
        "opened_at DATETIME, resolved_at DATETIME, closed_at DATETIME, sys_created_on DATETIME, "
        "sys_updated_on DATETIME, sys_created_by VARCHAR(40), sys_mod_count INTEGER, "
        "work_notes TEXT, close_notes TEXT, u_cost TEXT, u_discount TEXT, u_vip VARCHAR(5), "
        "u_external_ref VARCHAR(40))",
    ]
    users = [
        (
            sys_id("sys_user", i),
            f"user{i}",
            ("Abel Tuter", "Beth Anglin", "Fred Luddy", "Kwame Nkrumah", "Zoë Saldaña", "None")[i % 6],
            f"user{i}+snow@example.com",
            ("+1 858 287 7834", "", "(555) 010-2345")[i % 3],
            "" if i % 2 else "+44 20 7946 0958",
            "true" if i % 4 else "false",
            ("CC-1001", "CC-2002", "")[i % 3],
            sn_time(at(-90 + i)),
            sn_time(at(-30 + i)),
        )
        for i in range(8)
    ]
    states = {1: "New", 2: "In Progress", 3: "On Hold", 6: "Resolved", 7: "Closed"}
    priorities = {1: "1 - Critical", 2: "2 - High", 3: "3 - Moderate", 4: "4 - Low", 5: "5 - Planning"}
    rows = []
    for i in range(incidents):
        state = tuple(states)[i % 5]
        priority = 1 + i % 5
        resolved = at(i, hours=20) if state in (6, 7) else None
        seconds = 3600 * (i % 30) + 60 * (i % 7)
        rows.append(
            (
                sys_id("incident", i),
                f"INC{10023 + i:07d}",
                FREE_TEXT[i % len(FREE_TEXT)][:160],
                long_html(i, 10) if i % 12 == 0 else FREE_TEXT[(i + 4) % len(FREE_TEXT)],
                state,
                states[state],
                priority,
                priorities[priority],
                1 + i % 3,
                1 + (i + 1) % 3,
                sys_id("sys_user", i % 8),
                users[i % 8][2],
                "" if i % 4 == 0 else sys_id("sys_user", (i + 3) % 8),
                "" if i % 4 == 0 else users[(i + 3) % 8][2],
                "false" if resolved else "true",
                i % 2,
                i % 4,
                sn_time(datetime(1970, 1, 1) + timedelta(seconds=seconds)),
                seconds,
                sn_time(at(i)),
                sn_time(resolved) if resolved else "",
                sn_time(resolved + timedelta(days=3)) if resolved and state == 7 else "",
                sn_time(at(i)),
                sn_time(at(i, hours=21)),
                ("admin", "system", "abel.tuter")[i % 3],
                i % 9,
                "2025-05-20 08:42:00 - Abel Tuter (Work notes)\n" + FREE_TEXT[(i + 11) % len(FREE_TEXT)],
                FREE_TEXT[(i + 13) % len(FREE_TEXT)] if resolved else "",
                money_us(i),
                f"{i % 5 * 12.5}%",
                "true" if i % 10 == 0 else "false",
                f"EXT\\{i:04d}",
            )
        )
    return write_export(path, ddl, {"sys_user": users, "incident": rows})


# --- osTicket (a MySQL dump converted to SQLite) ---------------------------------------------------------

ZERO_DATE = "0000-00-00 00:00:00"
#: Names and bodies a latin1 MySQL column held: stored as their latin1 / cp1252 bytes (one name is ASCII).
LATIN1_NAMES = ("José Núñez", "Françoise Côté", "Søren Ærø", "Plain Name", "Müller, Jörg")
LATIN1_BODIES = (
    "Réclamation: l'imprimante ne marche plus. Merci d'avance, Françoise",
    "Grüße aus München – bitte schnell prüfen",
    "Precio: 1.234,50 € (IVA incl.)",
)


def mysql_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def osticket(path: Path, tickets: int = 40) -> Path:
    """osTicket's tables from ``mysqldump`` through mysql2sqlite: MySQL's declared types, zero dates, and
    latin1 columns whose bytes were copied as they were (TEXT cells that are not UTF-8)."""
    ddl = [
        "CREATE TABLE `ost_user` (`id` int(10) NOT NULL PRIMARY KEY, `org_id` int(10) NOT NULL, "
        "`default_email_id` int(10) NOT NULL, `status` int(11) NOT NULL DEFAULT '0', "
        "`name` varchar(128) NOT NULL, `created` datetime NOT NULL, `updated` datetime NOT NULL)",
        "CREATE TABLE `ost_ticket` (`ticket_id` int(11) NOT NULL PRIMARY KEY, `number` varchar(20), "
        "`user_id` int(11) NOT NULL DEFAULT '0', `status_id` int(10) NOT NULL DEFAULT '0', "
        "`dept_id` int(10) NOT NULL DEFAULT '0', `ip_address` varchar(64) NOT NULL DEFAULT '', "
        "`source` varchar(32) NOT NULL DEFAULT 'Other', `isoverdue` tinyint(1) NOT NULL DEFAULT '0', "
        "`isanswered` tinyint(1) NOT NULL DEFAULT '0', `duedate` datetime DEFAULT NULL, "
        "`est_duedate` datetime DEFAULT NULL, `reopened` datetime DEFAULT NULL, "
        "`closed` datetime DEFAULT NULL, `lastupdate` datetime DEFAULT NULL, "
        "`created` datetime NOT NULL DEFAULT '0000-00-00 00:00:00', "
        "`updated` datetime NOT NULL DEFAULT '0000-00-00 00:00:00')",
        "CREATE TABLE `ost_thread_entry` (`id` int(11) NOT NULL PRIMARY KEY, `pid` int(11) NOT NULL "
        "DEFAULT '0', `thread_id` int(11) NOT NULL DEFAULT '0', `staff_id` int(11) NOT NULL DEFAULT '0', "
        "`user_id` int(11) NOT NULL DEFAULT '0', `type` char(1) NOT NULL DEFAULT '', "
        "`flags` int(11) NOT NULL DEFAULT '0', `poster` varchar(128) NOT NULL DEFAULT '', "
        "`title` varchar(255) DEFAULT NULL, `body` text NOT NULL, `format` varchar(16) NOT NULL "
        "DEFAULT 'html', `ip_address` varchar(64) NOT NULL DEFAULT '', `time_spent` float DEFAULT NULL, "
        "`created` datetime NOT NULL, `updated` datetime NOT NULL)",
    ]
    users = [
        (
            i + 1,
            i % 3,
            100 + i,
            0,
            # latin1 bytes for the accented names (mysqldump --default-character-set=latin1)
            LATIN1_NAMES[i % 5].encode("latin-1") if i % 5 != 3 else LATIN1_NAMES[i % 5],
            mysql_time(at(-70 + i)),
            ZERO_DATE if i % 3 == 0 else mysql_time(at(-20 + i)),
        )
        for i in range(10)
    ]
    ticket_rows = []
    for i in range(tickets):
        closed = at(i, hours=50) if i % 3 == 0 else None
        ticket_rows.append(
            (
                i + 1,
                f"{480_000 + i * 37}",
                1 + i % 10,
                (1, 2, 3)[i % 3],
                1 + i % 4,
                ("192.168.1.10", "10.0.0.5", "::1", "")[i % 4],
                ("Web", "Email", "Phone", "API", "Other")[i % 5],
                int(i % 6 == 0),
                int(i % 2 == 0),
                None if i % 4 else mysql_time(at(i, hours=48)),
                ZERO_DATE if i % 2 else mysql_time(at(i, hours=24)),
                None,
                mysql_time(closed) if closed else None,
                mysql_time(at(i, hours=10)),
                mysql_time(at(i)),
                ZERO_DATE if i % 5 == 0 else mysql_time(at(i, hours=11)),
            )
        )
    entries = []
    for j in range(tickets * 2):
        body: str | bytes
        if j % 6 == 1:
            body = LATIN1_BODIES[j % 3].encode("cp1252")  # stored as the bytes MySQL held
        elif j % 13 == 0:
            body = long_html(j, 25)
        else:
            body = f"<p>{FREE_TEXT[(j * 7) % len(FREE_TEXT)]}</p>"
        entries.append(
            (
                j + 1,
                0 if j % 2 == 0 else j,
                1 + j % tickets,
                0 if j % 2 == 0 else 1 + j % 3,
                1 + j % 10 if j % 2 == 0 else 0,
                ("M", "R", "N")[j % 3],
                j % 4,
                LATIN1_NAMES[j % 5],
                None if j % 2 else f"Re: ticket {1 + j % tickets}",
                body,
                "html" if j % 4 else "text",
                ("192.168.1.10", "", "2001:db8::1")[j % 3],
                None if j % 3 else (j % 5) * 0.25,
                mysql_time(at(j // 2, hours=1)),
                ZERO_DATE if j % 4 == 0 else mysql_time(at(j // 2, hours=2)),
            )
        )
    return write_export(
        path, ddl, {"ost_user": users, "ost_ticket": ticket_rows, "ost_thread_entry": entries}
    )


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "zendesk": zendesk,
    "freshdesk": freshdesk,
    "jira": jira,
    "jira_csvkit": jira_csvkit,
    "servicenow": servicenow,
    "osticket": osticket,
}
