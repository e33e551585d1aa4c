"""The ``wide`` shape: a help-desk export laid out as another vendor writes it.

36 ticket columns with long free text (descriptions and notes of hundreds of characters), keys and
references named ``TKT-Request #``, ``CT-Ticket Ref``, ``TS-Ticket Ref`` (nothing ends in "id"), a few
exact duplicate rows in ``tickets`` and ``timesheets`` (so neither declares a key), references that
are declared (comments) or only in the data (timesheets, with a few orphans; a ticket's parent
request). Row counts at scale 1.0 match the help-desk shape (10,939 / 108,129 / 141,062 before
duplicates); the file is about 95 MB.

Key values live in ranges of their own (tickets from 700,001, comments from 3,000,001, timesheet
lines from 9,000,001, with gaps), so no other integer column's values fall inside any key: the only
inclusions in the data are the references the truth lists.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .shapes import Cell, ColumnPlan, Columns, ShapeTruth, TablePlan, with_duplicates, write_shape
from .values import column_rng

ROWS_AT_SCALE_1 = {"tickets": 10_939, "comments": 108_129, "timesheets": 141_062}
#: Exact duplicate rows: this share of the rows, at least 2 (a few, as real exports have).
DUPLICATE_SHARE = {"tickets": 0.001, "timesheets": 0.0005}
#: Share of timesheet lines whose ticket is not in the export (orphans of an undeclared reference).
ORPHAN_SHARE = 0.004

_START = datetime(2025, 4, 1, tzinfo=UTC)
_SECONDS = 91 * 86_400

_PROSE = (
    "The customer reports that the application stops responding shortly after login and the screen "
    "stays grey until the browser is closed.",
    "This started after the maintenance window on the weekend; nothing else was changed on the "
    "workstation according to the requester.",
    "Steps to reproduce: open the reporting module, choose the quarterly view, export to spreadsheet; "
    "the export never finishes and the progress bar stays at ninety percent.",
    "Several colleagues in the same department see the same behaviour, so this is probably not a "
    "local configuration problem.",
    "The error message mentions a timeout while contacting the licence server, and the event log "
    "shows repeated authentication failures for the service account.",
    "We cleared the local cache, reinstalled the client and rebooted twice, without any improvement.",
    "The requester needs this fixed before the end of the month because invoices depend on it.",
    "Attached are screenshots of the error dialog and an excerpt of the application log from this "
    "morning between 08:10 and 08:25.",
    "Network tests from the affected floor show packet loss of around three percent towards the data "
    "centre, which may or may not be related.",
    "The vendor knowledge base describes a similar issue that was fixed in a later patch level; we are "
    "currently two versions behind.",
    "Workaround provided: use the web client until the desktop client is updated; the customer "
    "accepted this for now.",
    "Café Zürich branch confirms the same symptoms; their manager asked to be kept informed.",
    "Root cause: an expired intermediate certificate on the proxy; renewed and deployed to all nodes.",
    "After the change the customer tested the export three times successfully and confirmed by phone.",
    "Closing this request; please reopen it if the problem comes back within the next two weeks.",
    "Internal note: the same account was locked twice last quarter, consider reviewing its password "
    "policy with the security team.",
)
_SHORT = (
    "Cannot log in to portal",
    "Export to spreadsheet hangs",
    "Printer offline on floor 3",
    "VPN disconnects every hour",
    "Invoice totals wrong",
    "New laptop setup",
    "Mailbox full",
    "Licence expired",
    "Slow database reports",
    "Access request for shared drive",
)
_PEOPLE = (
    "Ana Lima",
    "Ben Okafor",
    "Chloé Martin",
    "Dmitri Ivanov",
    "Esra Demir",
    "Felix Wagner",
    "Grace Chen",
    "Hugo Silva",
    "Inès Moreau",
    "Jonas Berg",
    "Keiko Tanaka",
    "Liam Walsh",
)
_COMPANIES = ("Acme Ltd", "Bolt GmbH", "Cora Foods", "Delta Air Parts", "Evergreen Bank", "Fjord AS")
_SITES = ("Berlin", "Lisbon", "Zürich", "Kraków", "Dublin", "Montréal")
_GROUPS = ("Service Desk L1", "Service Desk L2", "Network", "Applications", "Field Services")
_CATEGORIES = ("Hardware", "Software", "Network", "Access", "Billing")
_LANGUAGES = ("English", "Deutsch", "Français", "Español", "Português", "Polski")


def wide_tables(scale: float, seed: int) -> list[TablePlan]:
    """The three tables of the wide shape, values and duplicates included (see the module doc)."""
    tickets = _tickets(_rows(scale, "tickets"), seed)
    keys = [k for k in tickets.values["TKT-Request #"] if isinstance(k, int)]
    opened = dict(zip(keys, tickets.values["TKT-Opened On"], strict=True))
    return [
        tickets,
        _comments(_rows(scale, "comments"), seed, keys, opened),
        _timesheets(_rows(scale, "timesheets"), seed, keys),
    ]


def generate_wide_export(path: str | Path, *, scale: float = 1.0, seed: int = 0) -> ShapeTruth:
    """Write the wide shape to ``path`` (must not exist) and ``<stem>.truth.json``; return the truth."""
    if not scale > 0:
        raise ValueError(f"scale must be > 0, got {scale!r}")
    scale = float(scale)
    return write_shape(path, ShapeTruth("wide", seed, scale), wide_tables(scale, seed))


def _rows(scale: float, table: str) -> int:
    return max(1, round(ROWS_AT_SCALE_1[table] * scale))


def _duplicates(table: str, n: int) -> int:
    return max(2, round(n * DUPLICATE_SHARE[table]))


def _keys(n: int, start: int, rng: random.Random) -> list[int]:
    keys, key = [], start
    for _ in range(n):
        keys.append(key)
        key += rng.choice((1, 1, 1, 2, 3))
    return keys


def _stamp(seconds: float) -> str:
    return (_START + timedelta(seconds=int(seconds))).strftime("%Y-%m-%d %H:%M:%S")


def _prose(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choices(_PROSE, k=rng.randint(low, high)))


def _tickets(n: int, seed: int) -> TablePlan:
    def rng(column: str) -> random.Random:
        return column_rng(seed, "wide/tickets", column)

    keys = _keys(n, 700_001, rng("key"))
    r = rng("opened")
    opened_s = [r.random() * _SECONDS for _ in range(n)]
    state = rng("state").choices(
        ("New", "In Progress", "On Hold", "Solved", "Closed"), (8, 14, 6, 32, 40), k=n
    )
    closed = [s in ("Solved", "Closed") for s in state]
    r = rng("closed")
    closed_on = [
        _stamp(o + r.uniform(600, 20 * 86_400)) if c else None for o, c in zip(opened_s, closed, strict=True)
    ]
    r = rng("description")
    description = [_prose(r, 2, 8) for _ in range(n)]
    r = rng("resolution")
    resolution: list[str | None] = [_prose(r, 1, 5) if c else None for c in closed]
    r = rng("internal")
    internal: list[str | None] = [_prose(r, 1, 4) if r.random() < 0.35 else None for _ in range(n)]
    r = rng("parent")
    parent: list[int | None] = [
        r.choice(keys[:i]) if i > 10 and r.random() < 0.05 else None for i in range(n)
    ]
    r = rng("blob")
    requester = rng("requester").choices(_PEOPLE, k=n)
    values: Columns = {
        "TKT-Request #": list(keys),
        "TKT-Subject": rng("subject").choices(_SHORT, k=n),
        "TKT-Description": description,
        "TKT-Resolution Notes": resolution,
        "TKT-Internal Notes": internal,
        "TKT-Opened On": [_stamp(s) for s in opened_s],
        "TKT-Closed On": closed_on,
        "TKT-Due By": [(_START + timedelta(seconds=s + 7 * 86_400)).strftime("%Y-%m-%d") for s in opened_s],
        "TKT-State": state,
        "TKT-Urgency": rng("urgency").choices(("1 - High", "2 - Medium", "3 - Low"), (2, 5, 3), k=n),
        "TKT-Impact": rng("impact").choices(("Enterprise", "Department", "Individual"), (1, 3, 8), k=n),
        "TKT-Category": rng("category").choices(_CATEGORIES, k=n),
        "TKT-Subcategory": [
            f"{c} / {s}"
            for c, s in zip(
                rng("sub1").choices(_CATEGORIES, k=n), rng("sub2").choices(_SHORT, k=n), strict=True
            )
        ],
        "TKT-Channel": rng("channel").choices(("Email", "Phone", "Portal", "Chat", "Walk-in"), k=n),
        "TKT-Requester Name": requester,
        "TKT-Requester Email": [p.lower().replace(" ", ".") + "@example.com" for p in requester],
        "TKT-Requester Phone": [f"+49 30 {rng('phone').randint(1_000_000, 9_999_999)}" for _ in range(n)],
        "TKT-Company": rng("company").choices(_COMPANIES, k=n),
        "TKT-Site": rng("site").choices(_SITES, k=n),
        "TKT-Department": rng("department").choices(("Finance", "Sales", "HR", "IT", "Logistics"), k=n),
        "TKT-Assignee": rng("assignee").choices(_PEOPLE, k=n),
        "TKT-Assignment Group": rng("group").choices(_GROUPS, k=n),
        "TKT-Escalated": rng("escalated").choices(("Y", "N"), (1, 9), k=n),
        "TKT-Reopen Count": rng("reopen").choices((0, 1, 2), (90, 8, 2), k=n),
        "TKT-Effort Hours": [round(rng("effort").uniform(0.1, 40.0), 2) for _ in range(n)],
        "TKT-Cost": [round(rng("cost").uniform(10.0, 5000.0), 2) for _ in range(n)],
        "TKT-CSAT": [
            v if c else None for v, c in zip(rng("csat").choices((1, 2, 3, 4, 5), k=n), closed, strict=True)
        ],
        "TKT-SLA Target Hours": rng("sla").choices((4, 8, 24, 72), k=n),
        "TKT-Source System": rng("source").choices(("ServiceNow", "Zendesk", "Email gateway"), k=n),
        "TKT-External Ref": [f"EXT-{rng('external').randint(10_000, 99_999)}" for _ in range(n)],
        "TKT-Parent Request": parent,
        "TKT-Tags": [
            ", ".join(
                sorted(
                    set(
                        rng("tags").choices(("vpn", "urgent", "vip", "billing", "hardware", "follow-up"), k=3)
                    )
                )
            )
            for _ in range(n)
        ],
        "TKT-Product": rng("product").choices(("Portal", "ERP", "CRM", "Mail", "Office Suite"), k=n),
        "TKT-Version": [f"{r.randint(1, 9)}.{r.randint(0, 20)}" for _ in range(n)],
        "TKT-Region": rng("region").choices(("EMEA", "AMER", "APAC"), (6, 3, 1), k=n),
        "TKT-Language": rng("language").choices(_LANGUAGES, k=n),
    }
    columns = [
        ColumnPlan("TKT-Request #", "INT", "integer"),
        ColumnPlan("TKT-Subject", "VARCHAR(200)", "text"),
        ColumnPlan("TKT-Description", "TEXT", "long_text"),
        ColumnPlan("TKT-Resolution Notes", "TEXT", "long_text"),
        ColumnPlan("TKT-Internal Notes", "CLOB", "long_text"),
        ColumnPlan("TKT-Opened On", "DATETIME", "timestamp"),
        ColumnPlan("TKT-Closed On", "DATETIME", "timestamp"),
        ColumnPlan("TKT-Due By", "DATE", "date"),
        ColumnPlan("TKT-State", "VARCHAR(20)", "text"),
        ColumnPlan("TKT-Urgency", "VARCHAR(20)", "text"),
        ColumnPlan("TKT-Impact", "TEXT", "text"),
        ColumnPlan("TKT-Category", "TEXT", "text"),
        ColumnPlan("TKT-Subcategory", "TEXT", "text"),
        ColumnPlan("TKT-Channel", "TEXT", "text"),
        ColumnPlan("TKT-Requester Name", "NVARCHAR(100)", "text"),
        ColumnPlan("TKT-Requester Email", "TEXT", "text"),
        ColumnPlan("TKT-Requester Phone", "TEXT", "text"),
        ColumnPlan("TKT-Company", "TEXT", "text"),
        ColumnPlan("TKT-Site", "TEXT", "text"),
        ColumnPlan("TKT-Department", "TEXT", "text"),
        ColumnPlan("TKT-Assignee", "TEXT", "text"),
        ColumnPlan("TKT-Assignment Group", "TEXT", "text"),
        ColumnPlan("TKT-Escalated", "BOOLEAN", "boolean"),
        ColumnPlan("TKT-Reopen Count", "INTEGER", "integer"),
        ColumnPlan("TKT-Effort Hours", "REAL", "real"),
        ColumnPlan("TKT-Cost", "NUMERIC(10,2)", "real"),
        ColumnPlan("TKT-CSAT", "TINYINT", "integer"),
        ColumnPlan("TKT-SLA Target Hours", "INTEGER", "integer"),
        ColumnPlan("TKT-Source System", "TEXT", "text"),
        ColumnPlan("TKT-External Ref", "TEXT", "text"),
        ColumnPlan("TKT-Parent Request", "INT", "integer", references=("tickets", "TKT-Request #")),
        ColumnPlan("TKT-Tags", "TEXT", "text"),
        ColumnPlan("TKT-Product", "TEXT", "text"),
        ColumnPlan("TKT-Version", "TEXT", "text"),
        ColumnPlan("TKT-Region", "CHAR(4)", "text"),
        ColumnPlan("TKT-Language", "TEXT", "text"),
    ]
    copies = _duplicates("tickets", n)
    data = with_duplicates(values, copies, rng("duplicates"))
    return TablePlan("tickets", columns, data, ["TKT-Request #"], declared_key=False, duplicate_rows=copies)


def _comments(n: int, seed: int, tickets: list[int], opened: dict[int, Cell]) -> TablePlan:
    def rng(column: str) -> random.Random:
        return column_rng(seed, "wide/comments", column)

    ticket = rng("ticket").choices(tickets, k=n)
    r = rng("posted")
    posted = [
        (
            datetime.strptime(str(opened[t]), "%Y-%m-%d %H:%M:%S") + timedelta(seconds=r.randint(60, 900_000))
        ).strftime("%Y-%m-%d %H:%M:%S")
        for t in ticket
    ]
    r = rng("body")
    values: Columns = {
        "CT-Entry No": list(_keys(n, 3_000_001, rng("key"))),
        "CT-Ticket Ref": list(ticket),
        "CT-Author": list(rng("author").choices(_PEOPLE, k=n)),
        "CT-Posted On": list(posted),
        "CT-Body": [_prose(r, 2, 6) for _ in range(n)],
        "CT-Visibility": list(rng("visibility").choices(("public", "internal"), (3, 1), k=n)),
        "CT-Channel": list(rng("channel").choices(("Email", "Portal", "Phone note"), k=n)),
    }
    columns = [
        ColumnPlan("CT-Entry No", "INTEGER", "integer"),
        ColumnPlan(
            "CT-Ticket Ref",
            "INTEGER",
            "integer",
            references=("tickets", "TKT-Request #"),
            declared_reference=True,
        ),
        ColumnPlan("CT-Author", "TEXT", "text"),
        ColumnPlan("CT-Posted On", "TIMESTAMP", "timestamp"),
        ColumnPlan("CT-Body", "TEXT", "long_text"),
        ColumnPlan("CT-Visibility", "TEXT", "text"),
        ColumnPlan("CT-Channel", "TEXT", "text"),
    ]
    return TablePlan("comments", columns, values, ["CT-Entry No"], declared_key=True)


def _timesheets(n: int, seed: int, tickets: list[int]) -> TablePlan:
    def rng(column: str) -> random.Random:
        return column_rng(seed, "wide/timesheets", column)

    r = rng("ticket")
    beyond = tickets[-1] + 1_000  # a ticket of another export: an orphan
    ticket = [
        beyond + r.randint(0, 500) if r.random() < ORPHAN_SHARE else r.choice(tickets) for _ in range(n)
    ]
    minutes = rng("minutes").choices((15, 30, 45, 60, 90, 120, 240), k=n)
    r = rng("date")
    values: Columns = {
        "TS-Line #": list(_keys(n, 9_000_001, rng("key"))),
        "TS-Ticket Ref": list(ticket),
        "TS-Worker": list(rng("worker").choices(_PEOPLE, k=n)),
        "TS-Work Date": [(_START + timedelta(days=r.randint(0, 90))).strftime("%Y-%m-%d") for _ in range(n)],
        "TS-Minutes": list(minutes),
        "TS-Hours": [round(m / 60, 2) for m in minutes],
        "TS-Billable": list(rng("billable").choices(("Yes", "No"), (7, 3), k=n)),
        "TS-Rate": list(rng("rate").choices((65.0, 85.5, 120.0), k=n)),
        "TS-Note": [s if rng("note").random() < 0.6 else None for s in rng("notes").choices(_SHORT, k=n)],
    }
    columns = [
        ColumnPlan("TS-Line #", "INT", "integer"),
        ColumnPlan("TS-Ticket Ref", "INT", "integer", references=("tickets", "TKT-Request #")),
        ColumnPlan("TS-Worker", "TEXT", "text"),
        ColumnPlan("TS-Work Date", "DATE", "date"),
        ColumnPlan("TS-Minutes", "INTEGER", "integer"),
        ColumnPlan("TS-Hours", "DECIMAL(6,2)", "real"),
        ColumnPlan("TS-Billable", "TEXT", "boolean"),
        ColumnPlan("TS-Rate", "REAL", "real"),
        ColumnPlan("TS-Note", "TEXT", "text"),
    ]
    copies = _duplicates("timesheets", n)
    values = with_duplicates(values, copies, rng("duplicates"))
    return TablePlan("timesheets", columns, values, ["TS-Line #"], declared_key=False, duplicate_rows=copies)
