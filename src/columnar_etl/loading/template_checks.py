"""``templates check``: the operator's dashboard templates judged against a version or an export.

The same verdicts as before a cutover (:func:`~columnar_etl.loading.dashboard.check_templates`): ``ok``,
``not_applicable`` (a warning) or ``failing`` (a cutover would be refused), each with its reason. A
version is checked where it lies; an export is COPYed into a scratch schema inside a transaction that
is rolled back, so nothing in the target changes either way (no version, no ledger row).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from columnar_etl.config import Settings, load_settings, mask_uri
from columnar_etl.errors import LoadError
from columnar_etl.loading import ledger
from columnar_etl.loading.adbc import ArrowData, copy_tables
from columnar_etl.loading.dashboard import (
    MetricResult,
    Template,
    check_templates,
    default_templates_path,
    load_templates,
    renames_for,
)
from columnar_etl.loading.schemas import check_base, execute, schema_exists
from columnar_etl.pg.connect import connect, rollback_quietly
from columnar_etl.pg.identifiers import quote_ident


@dataclass
class TemplateCheckResult:
    """Each dashboard template's verdict on ``checked`` (a version schema, or an export's scratch copy)."""

    base: str
    checked: str
    live: str | None
    templates: str
    target: str
    source: str | None = None
    results: list[MetricResult] = field(default_factory=list)
    #: The version checked is the live one itself: there is no other version to compare it with.
    checked_is_live: bool = False

    def count(self, status: str) -> int:
        """How many templates have ``status`` (ok, not_applicable, failing)."""
        return sum(result.status == status for result in self.results)

    @property
    def exit_code(self) -> int:
        """0 all ok (or only bundled templates this export has no table for); 2 some not applicable (a
        warning); 3 some failing (a cutover would be refused)."""
        if self.count("failing"):
            return 3
        return 2 if any(result.warns for result in self.results) else 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "base": self.base,
            "checked": self.checked,
            "source": self.source,
            "live": self.live,
            "checked_is_live": self.checked_is_live,
            "templates": self.templates,
            "target": self.target,
            "counts": {s: self.count(s) for s in ("ok", "not_applicable", "failing")},
            "exit_code": self.exit_code,
            "results": [result.to_dict() for result in self.results],
        }

    def __repr__(self) -> str:
        counts = ", ".join(f"{self.count(s)} {s}" for s in ("ok", "not_applicable", "failing"))
        return f"<TemplateCheckResult {self.source or self.checked}: {counts}>"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(r.name)}</td><td>{r.status.replace('_', ' ')}</td>"
            f"<td>{html.escape(r.reason or '')}</td></tr>"
            for r in self.results
        )
        return (
            f"<div>dashboard templates on <code>{html.escape(self.source or self.checked)}</code>"
            f"<table><tr><th>template</th><th>status</th><th>reason</th></tr>{rows}</table></div>"
        )


def check_version_templates(
    target_uri: str,
    version: str | None = None,
    *,
    base: str = "servicedesk",
    settings: Settings | None = None,
) -> TemplateCheckResult:
    """The templates judged on ``version`` (default: the live one) against the live version.

    Raises :class:`LoadError` when the version is unknown or dropped, or nothing is live and no version
    is given. Read-only: the transaction is rolled back.
    """
    settings = settings or load_settings()
    check_base(base)
    templates = load_templates(settings.dashboard_templates)
    ledger.ensure_ledger(target_uri)
    conn = connect(target_uri, autocommit=False)
    try:
        cursor = conn.cursor()
        try:
            live = ledger.live_version(cursor, base)
            row = ledger.version(cursor, version) if version is not None else live
            if row is None or row["base"] != base:
                what = (
                    f"{version!r} is not a version of {base!r}" if version else f"nothing of {base!r} is live"
                )
                raise LoadError(what, hint="columnar-etl schemas list shows the versions")
            checked = str(row["schema_name"])
            if row["dropped"] is not None or not schema_exists(cursor, checked):
                raise LoadError(f"version {checked!r} was dropped", hint="columnar-etl schemas list")
            live_schema = _live_schema(cursor, live, other_than=checked)
            checked_is_live = live is not None and live["schema_name"] == checked
            result = _judge(
                cursor,
                checked,
                row["column_names"],
                live,
                live_schema,
                templates,
                base,
                settings,
                target_uri,
                checked_is_live=checked_is_live,
            )
        finally:
            cursor.close()
    finally:
        rollback_quietly(conn)
        conn.close()
    return result


def check_export_templates(
    tables: Mapping[str, ArrowData],
    target_uri: str,
    *,
    base: str = "servicedesk",
    source: str | None = None,
    settings: Settings | None = None,
) -> TemplateCheckResult:
    """The templates judged on typed export ``tables`` (as the cleaner hands them to the load).

    The tables are COPYed whole into a scratch schema in a transaction that is rolled back afterwards:
    the target is unchanged, only the time of a COPY is spent.
    """
    settings = settings or load_settings()
    check_base(base)
    templates = load_templates(settings.dashboard_templates)
    ledger.ensure_ledger(target_uri)
    scratch = f"{base}_templates_check"
    conn = connect(target_uri, autocommit=False)
    try:
        cursor = conn.cursor()
        try:
            live = ledger.live_version(cursor, base)
            live_schema = _live_schema(cursor, live, other_than=None)
            execute(cursor, f"DROP SCHEMA IF EXISTS {quote_ident(scratch)} CASCADE")
            copy_tables(conn, scratch, tables)
            result = _judge(cursor, scratch, None, live, live_schema, templates, base, settings, target_uri)
            result.source = source
        finally:
            cursor.close()
    finally:
        rollback_quietly(conn)
        conn.close()
    return result


def _judge(
    cursor: Any,
    checked: str,
    recorded_names: Any,
    live: dict[str, Any] | None,
    live_schema: str | None,
    templates: list[Template],
    base: str,
    settings: Settings,
    target_uri: str,
    *,
    checked_is_live: bool = False,
) -> TemplateCheckResult:
    """Every template on ``checked`` (its columns renamed as ``recorded_names`` says), against the live
    version when there is one: the one judgement both checks share."""
    result = TemplateCheckResult(
        base=base,
        checked=checked,
        live=live_schema,
        templates=str(settings.dashboard_templates or default_templates_path()),
        target=mask_uri(target_uri),
        checked_is_live=checked_is_live,
    )
    result.results = check_templates(
        cursor,
        checked,
        templates,
        live=live_schema,
        candidate_names=renames_for(cursor, checked, templates, recorded_names),
        live_names=_live_names(cursor, live, live_schema, templates),
        checked_is_live=checked_is_live,
        bundled=settings.dashboard_templates is None,
    )
    return result


def _live_schema(cursor: Any, live: dict[str, Any] | None, *, other_than: str | None) -> str | None:
    """The live version to compare with: none when nothing is live, or it is the version checked."""
    if live is None or live["schema_name"] == other_than or not schema_exists(cursor, live["schema_name"]):
        return None
    return str(live["schema_name"])


def _live_names(
    cursor: Any, live: dict[str, Any] | None, live_schema: str | None, templates: list[Any]
) -> dict[str, str] | None:
    if live is None or live_schema is None:
        return None
    return renames_for(cursor, live_schema, templates, live["column_names"])
