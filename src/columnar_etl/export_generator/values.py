"""The true, clean values of each table, before any dirt.

Every column draws from its own ``random.Random`` seeded by ``(seed, table, column)``, so adding a
column or changing one column's recipe leaves the others' values unchanged. Values are kept in the
integer encodings of :mod:`.dates` and, for decimals, as integers in units of ``10**-decimals``.
Relationships hold: first response and resolution follow creation, open/pending tickets have no
resolution time, comments and timesheets follow their ticket's creation.
"""

from __future__ import annotations

import random
from typing import Final

from .dates import DAY_MS, QUARTER_DAYS, QUARTER_FIRST_DAY

#: column name -> true values (int for ids/dates/timestamps/decimals, bool, str; None is SQL NULL).
Values = dict[str, list[int | bool | str | None]]

AGENTS: Final = (
    "Ana Lima", "Ben Okafor", "Chloé Martin", "Dmitri Ivanov", "Esra Demir", "Felix Wagner",
    "Grace Chen", "Hugo Silva", "Inès Moreau", "Jonas Berg", "Keiko Tanaka", "Liam Walsh",
)  # fmt: skip
CUSTOMERS: Final = ("Acme Ltd", "Bolt GmbH", "Cora Foods", "Delta Air Parts", "Evergreen Bank", "Fjord AS")
STATUSES: Final = ("Open", "Pending", "Resolved", "Closed")
PRIORITIES: Final = ("Low", "Medium", "High", "Urgent")
_ISSUES: Final = (
    "Printer jam", "VPN not connecting", "Password reset", "Invoice missing", "Laptop overheating",
    "Email bouncing", "Cannot log in", "Dashboard slow", "Refund request", "License renewal",
    "Wi-Fi drops", "Data export failed", "Account locked", "Billing question", "Feature request",
)  # fmt: skip
_CONTEXTS: Final = (
    "in Berlin office", "for finance team", "after update", "on mobile app", "since Monday",
    "for new hire", "in warehouse", "on shared drive",
)  # fmt: skip
_SENTENCES: Final = (
    "Thanks for reaching out.", "Could you send a screenshot?", "I restarted the service.",
    "The issue is reproducible on our side.", "Please try again now.", "Escalated to second level.",
    "Customer confirmed the fix.", "Waiting for the vendor.", "Logs attached.",
    "We rolled back the last change.", "Still failing after reboot.", "Closing as solved.",
)  # fmt: skip


def column_rng(seed: int, table: str, column: str) -> random.Random:
    """The column's own generator (string seeds hash with SHA-512: stable across runs and platforms)."""
    return random.Random(f"{seed}/{table}/{column}")


def ticket_values(n: int, seed: int) -> Values:
    """True values of ``tickets`` (ids 1..n)."""

    def rng(column: str) -> random.Random:
        return column_rng(seed, "tickets", column)

    r = rng("TKT-Created Time").random
    start_ms, span_s = QUARTER_FIRST_DAY * DAY_MS, QUARTER_DAYS * 86_400
    created = [start_ms + int(r() * span_s) * 1000 for _ in range(n)]
    status = rng("TKT-Status").choices(STATUSES, weights=(12, 10, 38, 40), k=n)
    r = rng("TKT-First Response Time").random
    # Half the open tickets have no first response yet.
    first = [
        None if s == "Open" and r() < 0.5 else c + (300 + int(r() * 172_800)) * 1000
        for s, c in zip(status, created, strict=True)
    ]
    r = rng("TKT-Resolved Time").random
    # At least an hour after creation, so truncating to the minute never puts resolution first.
    resolved = [
        None if s in ("Open", "Pending") else (f or c) + (3600 + int(r() * 864_000)) * 1000
        for s, c, f in zip(status, created, first, strict=True)
    ]
    r = rng("TKT-Due Date").random
    due = [c // DAY_MS + 1 + int(r() * 14) for c in created]
    r = rng("TKT-SLA Breached?").random
    breached = [r() < 0.18 for _ in range(n)]
    r = rng("TKT-Customer #").random
    customer = [10_000 + int(r() * 90_000) for _ in range(n)]
    r = rng("TKT-Satisfaction").random
    # Only resolved tickets get a survey, and 40 % of those go unanswered. The score is the mean of three
    # 1-5 answers (4.333333...): a genuinely floating value, in millionths so sums stay exact.
    satisfaction: list[int | bool | str | None] = [
        round(sum(1 + int(r() * 5) for _ in range(3)) * 1_000_000 / 3)
        if s in ("Resolved", "Closed") and r() < 0.6
        else None
        for s in status
    ]
    subject_rng = rng("TKT-Subject")
    issues, contexts = subject_rng.choices(_ISSUES, k=n), subject_rng.choices(_CONTEXTS, k=n)
    return {
        "TKT-Ticket ID": list(range(1, n + 1)),
        "TKT-Subject": [f"{a} {b}" for a, b in zip(issues, contexts, strict=True)],
        "TKT-Status": list(status),
        "TKT-Priority": list(rng("TKT-Priority").choices(PRIORITIES, weights=(30, 40, 22, 8), k=n)),
        "TKT-Agent": list(rng("TKT-Agent").choices(AGENTS, k=n)),
        "TKT-Created Time": list(created),
        "TKT-First Response Time": list(first),
        "TKT-Resolved Time": list(resolved),
        "TKT-Due Date": list(due),
        "TKT-SLA Breached?": list(breached),
        "TKT-Customer #": list(customer),
        "TKT-Satisfaction": satisfaction,
    }


def comment_values(n: int, seed: int, ticket_created: list[int]) -> Values:
    """True values of ``comments``; each references a real ticket (orphans are dirt, added later)."""

    def rng(column: str) -> random.Random:
        return column_rng(seed, "comments", column)

    r = rng("CMT-Ticket ID").random
    n_tickets = len(ticket_created)
    ticket = [1 + int(r() * n_tickets) for _ in range(n)]
    r = rng("CMT-Created Time").random
    created = [ticket_created[t - 1] + int(r() * 7 * 86_400) * 1000 for t in ticket]
    author_rng = rng("CMT-Author")
    agents, customers = author_rng.choices(AGENTS, k=n), author_rng.choices(CUSTOMERS, k=n)
    authors = [a if author_rng.random() < 0.6 else c for a, c in zip(agents, customers, strict=True)]
    body_rng = rng("CMT-Body")
    firsts, seconds = body_rng.choices(_SENTENCES, k=n), body_rng.choices(_SENTENCES, k=n)
    bodies = [f"{a} {b}" for a, b in zip(firsts, seconds, strict=True)]
    r = rng("CMT-Is Public?").random
    return {
        "CMT-Comment ID": list(range(1, n + 1)),
        "CMT-Ticket ID": list(ticket),
        "CMT-Created Time": list(created),
        "CMT-Author": list(authors),
        "CMT-Body": list(bodies),
        "CMT-Is Public?": [r() < 0.7 for _ in range(n)],
    }


def timesheet_values(n: int, seed: int, ticket_created: list[int]) -> Values:
    """True values of ``timesheets``: work logged on the ticket's creation day or up to 5 days later."""

    def rng(column: str) -> random.Random:
        return column_rng(seed, "timesheets", column)

    r = rng("TS-Ticket ID").random
    n_tickets = len(ticket_created)
    ticket = [1 + int(r() * n_tickets) for _ in range(n)]
    r = rng("TS-Date").random
    day = [ticket_created[t - 1] // DAY_MS + int(r() * 6) for t in ticket]
    r = rng("TS-Start Time").random
    start = [d * DAY_MS + (7 * 3600 + int(r() * 12 * 3600)) * 1000 for d in day]
    r = rng("TS-Hours").random
    hours = [25 * (1 + int(r() * 32)) for _ in range(n)]  # 0.25 .. 8.00 in hundredths
    r = rng("TS-Billable?").random
    billable = [r() < 0.75 for _ in range(n)]
    r = rng("TS-Rate").random
    rate = [5_000 + 25 * int(r() * 401) if b else None for b in billable]  # 50.00 .. 150.00 in cents
    return {
        "TS-Entry ID": list(range(1, n + 1)),
        "TS-Ticket ID": list(ticket),
        "TS-Agent": list(rng("TS-Agent").choices(AGENTS, k=n)),
        "TS-Date": list(day),
        "TS-Start Time": list(start),
        "TS-Hours": list(hours),
        "TS-Billable?": list(billable),
        "TS-Rate": list(rate),
    }
