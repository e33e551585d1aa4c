"""Exports of other help-desk products (Zendesk, Freshdesk, Jira Service Management, ServiceNow, osTicket)
through ``columnar-etl run`` into the session's real PostgreSQL, every cell checked.

The exports are built by ``tests/other_products.py`` (the products' tables, types and spellings, and the
dirt such data carries). Each test runs the CLI as an operator would (``run --mode simple --yes
--json``), then checks every cell of the target against the source and the audit with the project's
lossless checker, the exit code and run.json's outcome against the contract (0 done, 2 done with
warnings, 3 halted), and the values and types the builder knows (its instants, its booleans, its
decoded latin1 text), computed from the builder's own numbers, never from a run.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.pg.identifiers import quote_ident

from . import other_products as products
from .conftest import pg_query
from .lossless_check import Violation, check_run, summarize

runner = CliRunner()


def arrives_as(text: str | None) -> str | None:
    """The value a free-text cell arrives as by the documented rules (README, "The rule"): ends
    trimmed, blank NULL; a document (a line break in its trimmed text) byte for byte, whatever pads
    it; anything else as is. The null tokens this data holds (`NULL`, `None`, as the
    whole text of a cell) stand in a column of prose as often as its other texts: they are two of its
    texts, not NULL (docs/profiling.md, "Null tokens that are values")."""
    if text is None or not text.strip():
        return None
    return text if "\n" in text.strip() else text.strip()


@dataclass
class Ran:
    """One ``columnar-etl run`` of one export: its exit code, run.json, and the target it loaded."""

    db: Path
    code: int
    record: dict[str, Any]
    base: str
    uri: str

    def violations(self, run_dir: Path) -> list[Violation]:
        return check_run(SimpleNamespace(run_dir=run_dir), self.db, self.uri, self.base)

    def types(self, table: str) -> dict[str, str]:
        rows = pg_query(
            self.uri,
            "SELECT column_name, data_type FROM information_schema.columns "
            f"WHERE table_schema = '{self.record['version_schema']}' AND table_name = '{table}'",
        )
        return {str(name): str(kind) for name, kind in rows}

    def values(self, table: str, column: str, key: str) -> dict[Any, Any]:
        """``{key: value}`` of one column, read through the live views ``<base>.<table>``."""
        relation = f"{quote_ident(self.base)}.{quote_ident(table)}"
        return dict(pg_query(self.uri, f"SELECT {quote_ident(key)}, {quote_ident(column)} FROM {relation}"))


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def run_export(
    pg_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., tuple[Ran, Path]]:
    """``run(build, templates=..., config=...)``: the export built, run by the CLI into a base schema of
    its own; the Ran and the run's directory (run.json's)."""

    def run(
        build: Callable[[Path], Path], *, templates: str = "", config: str = "", **env: str
    ) -> tuple[Ran, Path]:
        db = build(tmp_path / f"{build.__name__}_{uuid.uuid4().hex[:6]}.db")
        base = f"{build.__name__}_{uuid.uuid4().hex[:8]}"
        template_file = tmp_path / f"{base}.sql"
        template_file.write_text(templates, encoding="utf-8")
        variables = {
            "COLUMNAR_ETL_RUNS_DIR": str(tmp_path / "runs"),
            "COLUMNAR_ETL_BACKUP_DIR": str(tmp_path / "backups"),
            "COLUMNAR_ETL_MIN_MEMORY_GB": "0.5",
            "COLUMNAR_ETL_FAIL_MEMORY_GB": "0.1",
            "COLUMNAR_ETL_BASE_SCHEMA": base,
            # The operator's own dashboards: the bundled ones are our help desk's.
            "COLUMNAR_ETL_DASHBOARD_TEMPLATES": str(template_file),
            **env,
        }
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        args = ["--target", pg_uri, "run", str(db), "--mode", "simple", "--yes", "--json"]
        if config:
            config_file = tmp_path / f"{base}.toml"
            config_file.write_text(config, encoding="utf-8")
            args = ["--config", str(config_file), *args]
        before = checksum(db)
        result = runner.invoke(app, args)
        assert checksum(db) == before, "the export changed"
        record = json.loads(result.stdout)
        run_dir = tmp_path / "runs" / record["run_id"]
        on_disk = json.loads((run_dir / "run.json").read_text())
        # Every run leaves run.json with its outcome, the one --json printed, and the exit code says it.
        assert (on_disk["outcome"], on_disk["exit_code"]) == (record["outcome"], record["exit_code"])
        assert result.exit_code == record["exit_code"]
        expected_code = {"done": 0, "already_loaded": 0, "warn": 2, "halted": 3, "failed": 1}
        assert result.exit_code == expected_code[record["outcome"]], result.output
        return Ran(db, result.exit_code, record, base, pg_uri), run_dir

    return run


def audit_rules(run_dir: Path, table: str, column: str) -> dict[str, set[str]]:
    """``{row_key: {rule, ...}}`` of one column's audit rows."""
    rules: dict[str, set[str]] = {}
    for row in pq.read_table(run_dir / "audit.parquet").to_pylist():
        if row["table"] == table and row["column"] == column:
            rules.setdefault(str(row["row_key"]), set()).add(str(row["rule"]))
    return rules


def only_gate_warnings(ran: Ran, run_dir: Path) -> list[str]:
    """The run's warnings, each of which must be the quality gate's (a profile score below
    ``min_quality``, 80 by default: docs/profiling.md) and say the profile's very score."""
    profile = json.loads((run_dir / "profile.json").read_text())
    warnings = list(ran.record["warnings"])
    for warning in warnings:
        said = re.fullmatch(r"quality ([0-9.]+) is below the gate", warning)
        # profile.json holds the score to two decimals, the warning to one.
        assert said is not None and abs(float(said[1]) - profile["quality"]) <= 0.051, warnings
    assert bool(warnings) == (profile["quality"] < 80)
    return warnings


def loaded_cleanly(ran: Ran, run_dir: Path, rows: dict[str, int]) -> None:
    """Live, every row in and out, and every cell equal to its source or changed by an audited rule."""
    assert ran.record["outcome"] in ("done", "warn"), ran.record.get("error")
    assert {t: (r["in"], r["out"]) for t, r in ran.record["rows"].items()} == {
        t: (n, n) for t, n in rows.items()
    }
    violations = ran.violations(run_dir)
    assert violations == [], summarize(violations)
    for table, count in rows.items():
        relation = f"{quote_ident(ran.base)}.{quote_ident(table)}"
        assert pg_query(ran.uri, f"SELECT count(*) FROM {relation}") == [(count,)]


def naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


# --- Zendesk -----------------------------------------------------------------------------------------

ZENDESK_DASHBOARD = """-- name: tickets_per_channel_and_week
SELECT via_channel, date_trunc('week', created_at) AS week, count(*) AS tickets,
       count(*) FILTER (WHERE has_incidents) AS with_incidents
FROM {schema}.tickets GROUP BY 1, 2 ORDER BY 1, 2;
-- name: public_comments_per_ticket
SELECT t.id, count(c.id) FILTER (WHERE c.public) AS public_comments
FROM {schema}.tickets t LEFT JOIN {schema}.ticket_comments c ON c.ticket_id = t.id GROUP BY 1;
"""


def test_zendesk_export_arrives_cell_for_cell_and_exits_0(
    run_export: Callable[..., tuple[Ran, Path]],
) -> None:
    ran, run_dir = run_export(products.zendesk, templates=ZENDESK_DASHBOARD)
    tickets, comments = 40, 80
    loaded_cleanly(
        ran, run_dir, {"organizations": 5, "users": 12, "tickets": tickets, "ticket_comments": comments}
    )
    # Nothing quarantined, no row removed, the operator's dashboards apply: done, exit 0.
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("tickets")
    for column in ("created_at", "updated_at", "due_at"):
        assert types[column] == "timestamp with time zone", column  # ISO text with Z: instants
    assert types["has_incidents"] == types["is_public"] == "boolean"
    for column in ("via", "collaborator_ids", "tags", "custom_fields", "satisfaction_rating", "via_channel"):
        assert types[column] == "text", column  # JSON, tag lists, channel and rating words stay text
    assert ran.values("tickets", "created_at", "id") == {i + 1: products.at(i) for i in range(tickets)}
    due = ran.values("tickets", "due_at", "id")
    assert due == {i + 1: products.at(i, hours=48) if i % 3 == 0 else None for i in range(tickets)}
    assert ran.values("tickets", "has_incidents", "id") == {i + 1: i % 9 == 0 for i in range(tickets)}
    assert ran.values("tickets", "satisfaction_rating", "id") == {
        i + 1: products.ZENDESK_SATISFACTION[i % 4] for i in range(tickets)
    }
    custom = ran.values("tickets", "custom_fields", "id")
    assert {k: json.loads(v)[0]["value"] for k, v in custom.items()} == {
        i + 1: products.money_us(i) for i in range(tickets)
    }
    # Comment bodies: emoji, RTL, CRLF and lone CR, tabs, backslashes, `\N`, and `NULL` / `None` typed as
    # a comment arrive byte for byte; blank bodies are NULL, trailing blanks trimmed, each change audited.
    first = 5_000_000_000
    bodies = ran.values("ticket_comments", "body", "id")
    texts = {first + j: products.FREE_TEXT[j % len(products.FREE_TEXT)] for j in range(comments)}
    assert bodies == {key: arrives_as(text) for key, text in texts.items()}
    rules = audit_rules(run_dir, "ticket_comments", "body")
    for key, text in texts.items():
        changed = arrives_as(text) != text
        assert (str(key) in rules) == changed, (key, text)
    html = ran.values("ticket_comments", "html_body", "id")
    assert html[first] == products.long_html(0) and len(html[first]) > 40_000
    assert ran.values("ticket_comments", "public", "id") == {first + j: j % 3 != 0 for j in range(comments)}
    emails = ran.values("users", "email", "id")
    assert emails == {1000 + i: f"user.{i}+helpdesk@example.com" for i in range(12)}


# --- Freshdesk ---------------------------------------------------------------------------------------

FRESHDESK_DASHBOARD = """-- name: escalated_share_by_priority
SELECT priority, avg(is_escalated::int) AS escalated FROM {schema}.tickets GROUP BY 1 ORDER BY 1;
-- name: overdue_first_responses
SELECT count(*) FROM {schema}.tickets WHERE fr_due_by < updated_at;
"""


def test_freshdesk_export_arrives_cell_for_cell_and_exits_0(
    run_export: Callable[..., tuple[Ran, Path]],
) -> None:
    ran, run_dir = run_export(products.freshdesk, templates=FRESHDESK_DASHBOARD)
    tickets = 40
    loaded_cleanly(
        ran, run_dir, {"contacts": 10, "tickets": tickets, "conversations": 80, "time_entries": 30}
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("tickets")
    assert types["status"] == types["priority"] == types["source"] == "bigint"  # codes as written
    assert types["due_by"] == types["fr_due_by"] == "timestamp with time zone"
    assert types["is_escalated"] == "boolean"  # `true` / `false` text
    # `0` / `1` in a column declared INTEGER stay integers (only a declared boolean reads them so).
    assert types["fr_escalated"] == "bigint"
    for column in ("description", "description_text", "cf_amount", "cf_discount", "custom_fields", "tags"):
        assert types[column] == "text", column
    assert ran.values("tickets", "is_escalated", "id") == {i + 1: i % 6 == 0 for i in range(tickets)}
    assert ran.values("tickets", "fr_escalated", "id") == {i + 1: int(i % 4 == 0) for i in range(tickets)}
    assert ran.values("tickets", "due_by", "id") == {i + 1: products.at(i, hours=72) for i in range(tickets)}
    assert ran.values("tickets", "cf_amount", "id") == {i + 1: products.money_eu(i) for i in range(tickets)}
    described = ran.values("tickets", "description", "id")
    assert described[1] == products.long_html(0, 30)
    spent = ran.values("time_entries", "time_spent", "id")
    assert spent == {600 + k: f"{k % 5:02d}:{(k * 15) % 60:02d}" for k in range(30)}  # hh:mm stays text


# --- Jira Service Management CSV (sqlite-utils) ------------------------------------------------------

JIRA_FORMATS = """
[columns.issues.Created]
formats = ["%d/%b/%y %I:%M %p"]
[columns.issues.Updated]
formats = ["%d/%b/%y %I:%M %p"]
[columns.issues.Resolved]
formats = ["%d/%b/%y %I:%M %p"]
[columns.issues."Due Date"]
formats = ["%d/%b/%y"]
"""


def test_jira_csv_import_loads_with_its_blank_cells_and_its_own_date_formats(
    run_export: Callable[..., tuple[Ran, Path]],
) -> None:
    # Every missing value of the CSV is '' (half the cells of many columns) and the table holds no NULL:
    # that is how it writes a missing value, which costs nothing (docs/profiling.md, "Quality score").
    # `NULL` / `None` typed as summaries and descriptions, as often as any of their texts, are texts,
    # not a second way of writing missing: the circuit breaker no longer halts it (it did, at 46.4).
    # The operator names Jira's date formats (two-digit years are no one's to guess): formats alone,
    # without a type, make the columns dates (they were ignored).
    ran, run_dir = run_export(products.jira, config=JIRA_FORMATS)
    issues = 60
    loaded_cleanly(ran, run_dir, {"issues": issues})
    warnings = only_gate_warnings(ran, run_dir)
    assert (ran.code, ran.record["outcome"]) == ((2, "warn") if warnings else (0, "done"))
    profiled = json.loads((run_dir / "profile.json").read_text())
    assert profiled["gate"]["status"] != "halt"
    summaries = ran.values("issues", "Summary", "Issue key")
    assert summaries == {
        f"HELP-{1000 + i}": arrives_as(products.FREE_TEXT[i % len(products.FREE_TEXT)] or f"Issue {i}")
        for i in range(issues)
    }
    types = ran.types("issues")
    assert types["Created"] == types["Updated"] == types["Resolved"] == "timestamp without time zone"
    assert types["Due Date"] == "date"
    assert types["Time Spent"] == "bigint" and types["Custom field (Story Points)"] == "numeric"
    for column in ("Original Estimate", "Sprint", "Sprint_2", "Custom field (Cost)", "Watchers", "Labels"):
        assert types[column] == "text", column
    # Jira's wall clock, to the minute, as the builder wrote it.
    created = ran.values("issues", "Created", "Issue key")
    assert created == {f"HELP-{1000 + i}": naive(products.at(i)) for i in range(issues)}
    resolved = ran.values("issues", "Resolved", "Issue key")
    assert resolved == {
        f"HELP-{1000 + i}": naive(products.at(i, hours=30)) if i % 3 == 0 else None for i in range(issues)
    }
    due = ran.values("issues", "Due Date", "Issue key")
    assert due == {
        f"HELP-{1000 + i}": products.at(i, hours=96).date() if i % 4 == 0 else None for i in range(issues)
    }
    spent = ran.values("issues", "Time Spent", "Issue key")
    assert spent == {f"HELP-{1000 + i}": (900 * (i % 13)) or None for i in range(issues)}
    rules = audit_rules(run_dir, "issues", "Created")
    assert len(rules) == issues and all(r == {"date_format:%d/%b/%y %I:%M %p"} for r in rules.values())


JIRA_DASHBOARD = """-- name: resolved_per_week
SELECT date_trunc('week', "Resolved") AS week, count(*), sum("Time Spent") AS seconds
FROM {schema}.issues WHERE "Resolved" IS NOT NULL GROUP BY 1 ORDER BY 1;
"""


def test_jira_csv_imported_by_csvkit_arrives_typed_cell_for_cell(
    run_export: Callable[..., tuple[Ran, Path]],
) -> None:
    ran, run_dir = run_export(products.jira_csvkit, templates=JIRA_DASHBOARD)
    issues = 60
    loaded_cleanly(ran, run_dir, {"issues": issues})
    warnings = only_gate_warnings(ran, run_dir)
    assert (ran.code, ran.record["outcome"]) == ((2, "warn") if warnings else (0, "done"))
    types = ran.types("issues")
    for column in ("Created", "Resolved", "Original Estimate"):
        assert types[column] == "timestamp without time zone", column
    assert types["Due Date"] == "date" and types["Flagged"] == "boolean"
    assert types["Issue id"] == types["Time Spent"] == types["Custom field (Story Points)"] == "bigint"
    assert types["Custom field (Cost)"] == types["Sprint"] == types["Summary"] == "text"
    keys = {f"HELP-{1000 + i}": i for i in range(issues)}
    assert ran.values("issues", "Created", "Issue key") == {k: naive(products.at(i)) for k, i in keys.items()}
    assert ran.values("issues", "Resolved", "Issue key") == {
        k: naive(products.at(i, hours=30)) if i % 3 == 0 else None for k, i in keys.items()
    }
    assert ran.values("issues", "Original Estimate", "Issue key") == {
        k: datetime(1970, 1, 1) + timedelta(seconds=1800 * (1 + i % 11)) for k, i in keys.items()
    }
    assert ran.values("issues", "Flagged", "Issue key") == {k: i % 5 == 0 for k, i in keys.items()}
    assert ran.values("issues", "Custom field (Story Points)", "Issue key") == {
        k: (1, 2, 3, 5, 8, None)[i % 6] for k, i in keys.items()
    }
    assert ran.values("issues", "Issue id", "Issue key") == {k: 10_000 + i for k, i in keys.items()}


# --- ServiceNow --------------------------------------------------------------------------------------

SERVICENOW_DASHBOARD = """-- name: open_incidents_by_priority
SELECT dv_priority, count(*) FROM {schema}.incident WHERE active GROUP BY 1 ORDER BY 1;
-- name: mean_hours_to_resolve
SELECT avg(extract(epoch FROM resolved_at - opened_at) / 3600) FROM {schema}.incident;
-- name: incidents_per_caller
SELECT u.name, count(*) FROM {schema}.incident i JOIN {schema}.sys_user u ON u.sys_id = i.caller_id
GROUP BY 1;
"""


def test_servicenow_export_arrives_cell_for_cell(run_export: Callable[..., tuple[Ran, Path]]) -> None:
    ran, run_dir = run_export(products.servicenow, templates=SERVICENOW_DASHBOARD)
    incidents = 40
    loaded_cleanly(ran, run_dir, {"sys_user": 8, "incident": incidents})
    # Blank `resolved_at` / `assigned_to` of open incidents are '' (ServiceNow's empty value): they cost
    # the score (below min_quality: the gate warns, exit 2), and arrive NULL.
    warnings = only_gate_warnings(ran, run_dir)
    assert (ran.code, ran.record["outcome"]) == ((2, "warn") if warnings else (0, "done"))
    # Cleaning fixed what cost the score, so the load's gate (the quality after) let it go live: the
    # report said so, and also, of the profile's score, "the cutover is blocked".
    assert ran.record["quality_after"] >= 80 and ran.record["load"]["status"] == "live"
    report = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (run_dir / "report.html").read_text()))
    assert "it is live now" in report and "the cutover is blocked" not in report
    types = ran.types("incident")
    assert types["sys_id"] == types["caller_id"] == types["number"] == "text"
    assert types["state"] == types["priority"] == "bigint"
    assert types["dv_state"] == types["dv_priority"] == "text"
    for column in ("opened_at", "resolved_at", "sys_created_on", "business_duration"):
        assert types[column] == "timestamp without time zone", column
    assert types["active"] == types["made_sla"] == types["u_vip"] == "boolean"
    assert types["u_cost"] == types["u_discount"] == "text"
    ids = {products.sys_id("incident", i): i for i in range(incidents)}
    assert ran.values("incident", "number", "sys_id") == {k: f"INC{10023 + i:07d}" for k, i in ids.items()}
    opened = ran.values("incident", "opened_at", "sys_id")
    assert opened == {k: naive(products.at(i)) for k, i in ids.items()}
    duration = ran.values("incident", "business_duration", "sys_id")
    assert duration == {
        k: datetime(1970, 1, 1) + timedelta(seconds=3600 * (i % 30) + 60 * (i % 7)) for k, i in ids.items()
    }
    assert ran.values("incident", "made_sla", "sys_id") == {k: i % 2 == 1 for k, i in ids.items()}
    assert ran.values("incident", "u_external_ref", "sys_id") == {k: f"EXT\\{i:04d}" for k, i in ids.items()}
    assigned = ran.values("incident", "assigned_to", "sys_id")
    assert assigned == {
        k: None if i % 4 == 0 else products.sys_id("sys_user", (i + 3) % 8) for k, i in ids.items()
    }


# --- osTicket (MySQL dump → SQLite) ------------------------------------------------------------------

OSTICKET_DASHBOARD = """-- name: overdue_tickets_by_department
SELECT dept_id, count(*) FROM {schema}.ost_ticket WHERE isoverdue = 1 GROUP BY 1 ORDER BY 1;
"""


def test_osticket_mysql_dump_arrives_cell_for_cell(run_export: Callable[..., tuple[Ran, Path]]) -> None:
    ran, run_dir = run_export(products.osticket, templates=OSTICKET_DASHBOARD)
    tickets, entries = 40, 80
    loaded_cleanly(ran, run_dir, {"ost_user": 10, "ost_ticket": tickets, "ost_thread_entry": entries})
    warnings = only_gate_warnings(ran, run_dir)
    assert (ran.code, ran.record["outcome"]) == ((2, "warn") if warnings else (0, "done"))
    types = ran.types("ost_ticket")
    for column in ("duedate", "est_duedate", "closed", "created", "updated"):
        assert types[column] == "timestamp without time zone", column
    # tinyint(1) is MySQL's boolean, but its declared type is an integer's: 0 / 1 stay integers.
    assert types["isoverdue"] == types["isanswered"] == "bigint"
    # MySQL's zero date is NULL (a null token), audited; real dates arrive as they were.
    updated = ran.values("ost_ticket", "updated", "ticket_id")
    assert updated == {i + 1: None if i % 5 == 0 else naive(products.at(i, hours=11)) for i in range(tickets)}
    estimated = audit_rules(run_dir, "ost_ticket", "est_duedate")
    assert {int(k) for k in estimated} == {i + 1 for i in range(tickets) if i % 2}
    assert all(rules == {"null_like_to_null"} for rules in estimated.values())
    # latin1 bytes of a MySQL column, decoded by the fallback (cp1252) and audited with their bytes.
    names = ran.values("ost_user", "name", "id")
    assert names == {i + 1: products.LATIN1_NAMES[i % 5] for i in range(10)}
    decoded = audit_rules(run_dir, "ost_user", "name")
    assert {int(k) for k in decoded} == {i + 1 for i in range(10) if i % 5 != 3}
    assert all(any("cp1252" in rule for rule in rules) for rules in decoded.values())
    bodies = ran.values("ost_thread_entry", "body", "id")
    for j in range(entries):
        if j % 6 == 1:
            assert bodies[j + 1] == products.LATIN1_BODIES[j % 3], j
    assert ran.values("ost_thread_entry", "time_spent", "id") == {
        j + 1: None if j % 3 else (j % 5) * 0.25 for j in range(entries)
    }
    assert types["number"] == "bigint"  # osTicket's numbers here have no leading zero: integers
