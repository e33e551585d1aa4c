"""Dashboard query templates, run against a candidate version before it may become live.

A templates file holds the metrics dashboards compute, in PostgreSQL syntax, each after a
``-- name: <metric>`` line, against ``{schema}`` with the export's column names quoted. The operator
owns them: the ``dashboard_templates`` setting names a ``.sql`` file or a folder of them (default: the
bundled help-desk set, ``queries/dashboard.sql``).

Before a cutover every template runs on the candidate. One that fails there runs on the live version
too (when there is one): working on live means a dashboard would break, so the cutover is refused
(status ``failing``); failing on live as well, or — with nothing live — naming a table or column the
export does not have, means no dashboard of this target can be using it: ``not_applicable``, a
warning, never a refusal. Any other error with nothing live to compare with is ``failing``.

The bundled set (``dashboard_templates`` unset) describes our own help desk's tables. On an export it
does not fit at all (another product's, a telemetry table: every template names a table or column the
export lacks, none works, none is failing), each is ``not_applicable`` with
:attr:`MetricResult.unused_bundled` set: one note says so instead of a warning per template, so such an
export is not "done with warnings" on every run. Where one bundled template works, the others warn as
before; an operator's own templates (the setting given) always do: a name the export lacks is then
worth a look.

Templates run inside the load's transaction, where the candidate is visible before it is committed.
A failing statement would end that transaction on an ADBC connection, so each template runs through a
small PL/pgSQL function whose exception block turns the error into data (a subtransaction).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from columnar_etl.errors import ConfigError
from columnar_etl.loading.schemas import execute, fetch_all, table_columns
from columnar_etl.pg.column_names import snake_case
from columnar_etl.pg.identifiers import quote_ident, quote_literal

#: Rows of each metric kept in the report (a weekly series of a quarter fits easily).
MAX_RESULT_ROWS = 100
_NAME_LINE = re.compile(r"^--\s*name:\s*(?P<name>[A-Za-z0-9_]+)\s*$")
#: The transaction's setting through which the templates' results come back (see :func:`run_templates`).
_RESULTS_SETTING = "columnar_etl.template_results"
_TABLE_REFERENCE = re.compile(r'\{schema\}\.(?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*))')


@dataclass(frozen=True)
class Template:
    """One metric: its name, the comment lines describing it, and its SQL with ``{schema}`` in it."""

    name: str
    sql: str
    description: str = ""

    @property
    def tables(self) -> frozenset[str]:
        """The tables the query reads (every ``{schema}.<table>`` in it)."""
        return frozenset(
            quoted.replace('""', '"') if quoted else bare.lower()
            for quoted, bare in _TABLE_REFERENCE.findall(self.sql)
        )

    def render(self, schema: str, column_names: dict[str, str] | None = None) -> str:
        """The SQL against ``schema`` (quoted); quoted export column names mapped when renamed."""
        sql = self.sql.replace("{schema}", quote_ident(schema))
        for export_name, target_name in (column_names or {}).items():
            if export_name != target_name:
                sql = sql.replace(quote_ident(export_name), quote_ident(target_name))
        return sql


_QUOTED = re.compile(r'"((?:[^"]|"")+)"')


def snake_renames(templates: list[Template], columns: set[str]) -> dict[str, str]:
    """``{export name: snake name}`` for quoted names the templates use that exist only in snake_case.

    For data that reached the loader already renamed (a cleaner writing snake_case): the templates
    keep working without being told the mapping.
    """
    used = {match.replace('""', '"') for t in templates for match in _QUOTED.findall(t.sql)}
    return {
        name: snake_case(name)
        for name in sorted(used)
        if name not in columns and snake_case(name) in columns and snake_case(name) != name
    }


def default_templates_path() -> Path:
    """Where the packaged templates are."""
    return Path(str(resources.files("columnar_etl") / "queries" / "dashboard.sql"))


def parse_templates(text: str) -> list[Template]:
    """Split a templates file at its ``-- name:`` lines. Other comments before a query describe it."""
    templates: list[Template] = []
    name: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if name is None:
            return
        description = " ".join(
            line.strip()[2:].strip() for line in lines if line.strip().startswith("--")
        ).strip()
        sql = "\n".join(line for line in lines if not line.strip().startswith("--")).strip()
        sql = sql.rstrip().rstrip(";").rstrip()
        if not sql:
            raise ConfigError(f"dashboard template {name!r} has no SQL")
        templates.append(Template(name, sql, description))

    for line in text.splitlines():
        match = _NAME_LINE.match(line.strip())
        if match:
            flush()
            name, lines = match["name"], []
        elif name is not None:
            lines.append(line)
    flush()
    names = [template.name for template in templates]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ConfigError(f"dashboard templates named twice: {', '.join(duplicates)}")
    return templates


def load_templates(path: str | Path | None = None) -> list[Template]:
    """The templates of ``path``: a ``.sql`` file, or a folder whose ``*.sql`` files are read in name order.

    ``None`` means the bundled help-desk set (``queries/dashboard.sql``). Names must be unique over all
    the files.
    """
    given = Path(path) if path is not None else default_templates_path()
    files = sorted(given.glob("*.sql")) if given.is_dir() else [given]
    if not files:
        raise ConfigError(
            "no .sql file in the dashboard templates folder",
            path=given,
            hint="put templates in <name>.sql files, each query after a '-- name: <metric>' line",
        )
    templates: list[Template] = []
    for file in files:
        try:
            templates += parse_templates(file.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(
                f"cannot read dashboard templates: {exc.strerror}",
                path=file,
                hint="check the dashboard_templates setting",
            ) from exc
        except UnicodeDecodeError as exc:
            # A DBA's file saved in Windows-1252 or Latin-1 (`café` in a comment or an alias): was an
            # unforeseen error naming no file ("please report it" in the preflight's refusal).
            line = exc.object[: exc.start].count(b"\n") + 1
            raise ConfigError(
                f"dashboard templates are not UTF-8: byte 0x{exc.object[exc.start]:02x} on line {line}",
                path=file,
                hint="save the file as UTF-8 (iconv -f WINDOWS-1252 -t UTF-8, or your editor's encoding)",
            ) from None
        except ConfigError as exc:
            raise ConfigError(exc.message, path=file, hint=exc.hint) from exc
    names = [template.name for template in templates]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise ConfigError(
            f"dashboard templates named twice: {', '.join(twice)}",
            path=given,
            hint="each '-- name:' must be unique over all the files",
        )
    return templates


#: Template outcomes: ``ok`` ran on the candidate; ``not_applicable`` a warning (see the module doc);
#: ``failing`` refuses the cutover.
TemplateStatus = Literal["ok", "not_applicable", "failing"]
#: SQLSTATEs of a name the version does not have: undefined table, undefined column.
MISSING_NAME_STATES = {"42P01": "table", "42703": "column"}


@dataclass
class MetricResult:
    """What one template did on the candidate, and its verdict (``error`` set when PostgreSQL refused it).

    ``live_error`` is the live version's error when the template failed there too.
    """

    name: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False
    seconds: float = 0.0
    error: str | None = None
    sqlstate: str | None = None
    status: TemplateStatus = "ok"
    reason: str | None = None
    live_error: str | None = None
    #: A bundled template on an export that has none of the bundled set's tables (module doc): not
    #: applicable, said once as a note (:func:`unused_bundled_note`), not as a warning.
    unused_bundled: bool = False

    @property
    def ok(self) -> bool:
        """True unless the template stands in the way of a cutover (``failing``)."""
        return self.status != "failing"

    @property
    def applicable(self) -> bool:
        """False when no dashboard of this target can be using the template."""
        return self.status != "not_applicable"

    @property
    def warns(self) -> bool:
        """True when the template is not applicable and worth a warning (not the unused bundled set)."""
        return not self.applicable and not self.unused_bundled

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "status": self.status,
            "ok": self.ok,
            "reason": self.reason,
            "rows": self.rows,
            "truncated": self.truncated,
            "seconds": round(self.seconds, 4),
            "error": self.error,
            "sqlstate": self.sqlstate,
            "live_error": self.live_error,
            "unused_bundled": self.unused_bundled,
        }


# json_agg keeps the columns in the query's order; numbers stay numbers, timestamps become ISO text.
# The time is measured on the server: all templates run in one block (one round trip), each in a
# subtransaction of its own (an error is its result), and the results come back through a setting of
# the transaction. A DO block, not a function: a function made for this is a temporary object, which a
# role without the database's TEMPORARY privilege may not create ("permission denied to create
# temporary tables"), and which stays in a pooled server session.
_RUNNER_SQL = """DO {tag}
DECLARE
  query text;
  started timestamptz;
  result json;
  results json[] := '{{}}';
BEGIN
  FOREACH query IN ARRAY {queries} LOOP
    started := clock_timestamp();
    BEGIN
      EXECUTE format('SELECT coalesce(json_agg(q), ''[]''::json) FROM (SELECT * FROM (%s) s LIMIT %s) q',
                     query, {limit}) INTO result;
      result := json_build_object('rows', result,
                                  'ms', extract(epoch FROM clock_timestamp() - started) * 1000);
    EXCEPTION WHEN OTHERS THEN
      result := json_build_object('error', SQLERRM, 'sqlstate', SQLSTATE,
                                  'ms', extract(epoch FROM clock_timestamp() - started) * 1000);
    END;
    results := results || result;
  END LOOP;
  PERFORM pg_catalog.set_config({setting}, array_to_json(results)::text, true);
END {tag}"""


def run_templates(
    cursor: Any,
    schema: str,
    templates: list[Template],
    *,
    column_names: dict[str, str] | None = None,
    max_rows: int = MAX_RESULT_ROWS,
) -> list[MetricResult]:
    """Run the templates on ``schema`` in the caller's transaction; errors are results, not exceptions.

    All of them in one statement (one round trip). The results carry no verdict yet (see
    :func:`check_templates`).
    """
    if not templates:
        return []
    rendered = [quote_literal(t.render(schema, column_names)) for t in templates]
    tag = "$columnar_etl$"
    while any(tag in query for query in rendered):  # a dollar quote no template holds
        tag = f"$columnar_etl_{len(tag)}$"
    execute(
        cursor,
        _RUNNER_SQL.format(
            tag=tag,
            queries=f"ARRAY[{', '.join(rendered)}]::text[]",
            limit=int(max_rows) + 1,
            setting=quote_literal(_RESULTS_SETTING),
        ),
    )
    ((raw_results,),) = fetch_all(
        cursor, f"SELECT pg_catalog.current_setting({quote_literal(_RESULTS_SETTING)})"
    )
    outcomes = json.loads(raw_results)
    results = []
    for template, outcome in zip(templates, outcomes, strict=True):
        result = MetricResult(template.name, seconds=float(outcome["ms"]) / 1000)
        if "error" in outcome:
            result.error, result.sqlstate = str(outcome["error"]), str(outcome["sqlstate"])
        else:
            rows = list(outcome["rows"])
            result.rows, result.truncated = rows[:max_rows], len(rows) > max_rows
        results.append(result)
    return results


def check_templates(
    cursor: Any,
    candidate: str,
    templates: list[Template],
    *,
    live: str | None = None,
    candidate_names: dict[str, str] | None = None,
    live_names: dict[str, str] | None = None,
    max_rows: int = MAX_RESULT_ROWS,
    checked_is_live: bool = False,
    bundled: bool = False,
) -> list[MetricResult]:
    """Run the templates on ``candidate`` and judge each one ok / not_applicable / failing (module doc).

    Only the templates that fail on the candidate run on ``live`` (the live version's schema, None when
    nothing is live), so the live version costs nothing when all is well. ``candidate_names`` /
    ``live_names`` map quoted export column names to the names each version has (snake_case loads).
    ``checked_is_live``: the candidate is the live version itself (``templates check`` of the live one),
    so its missing table or column is the live version's, not an export's with nothing live.
    ``bundled``: the templates are the bundled set (see the module doc for what that changes).
    """
    results = run_templates(cursor, candidate, templates, column_names=candidate_names, max_rows=max_rows)
    failed = [t for t, r in zip(templates, results, strict=True) if r.error is not None]
    on_live: dict[str, MetricResult] = {}
    if live is not None and failed:
        on_live = {
            r.name: r for r in run_templates(cursor, live, failed, column_names=live_names, max_rows=0)
        }
    for result in results:
        if result.error is None:
            continue
        if live is not None:
            live_result = on_live[result.name]
            if live_result.error is None:
                result.status = "failing"
                result.reason = f"{result.error} (it works on the live version {live})"
            else:
                result.status, result.live_error = "not_applicable", live_result.error
                result.reason = f"fails on the live version {live} too: {live_result.error}"
        elif result.sqlstate in MISSING_NAME_STATES:
            kind = MISSING_NAME_STATES[result.sqlstate]
            result.status = "not_applicable"
            result.reason = (
                f"the live version has no such {kind} (it is the one checked): {result.error}"
                if checked_is_live
                else f"the export has no such {kind} and nothing is live: {result.error}"
            )
        else:
            result.status, result.reason = "failing", result.error
    if bundled:
        _mark_unused_bundled(results)
    return results


def _mark_unused_bundled(results: list[MetricResult]) -> None:
    """Mark every result ``unused_bundled`` when none of the bundled templates fits: each is not
    applicable for a table or column the version lacks. One that works, or one ``failing`` (a live
    version that has the names refuses a cutover to one without), keeps the warnings."""
    if results and all(r.status == "not_applicable" and r.sqlstate in MISSING_NAME_STATES for r in results):
        for result in results:
            result.unused_bundled = True
            result.reason = f"none of the bundled templates fits this export: {result.reason}"


def unused_bundled_note(results: list[MetricResult]) -> str | None:
    """The one note for the bundled templates an export has no table for (None when there are none)."""
    unused = [r for r in results if r.unused_bundled]
    if not unused:
        return None
    return (
        f"the bundled help-desk dashboard templates ({len(unused)}) fit none of this export's tables "
        "(each names a table or column it lacks): not applicable, no warning; `dashboard_templates` "
        "names your own queries (or an empty .sql file for none)"
    )


def renames_for(
    cursor: Any, schema: str, templates: list[Template], recorded: dict[str, dict[str, str]] | None
) -> dict[str, str]:
    """How the templates' quoted export names map to ``schema``'s columns.

    ``recorded`` is the version's ``{table: {export name: target name}}`` from the ledger (snake_case
    loads); names found only in snake_case are mapped too (:func:`snake_renames`).
    """
    columns = {name for table in table_columns(cursor, schema).values() for name, _ in table}
    renames = snake_renames(templates, columns)
    renames |= {old: new for mapping in (recorded or {}).values() for old, new in mapping.items()}
    return renames
