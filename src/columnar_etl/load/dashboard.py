"""The dashboard query templates (``queries/dashboard.sql``), run against a candidate schema.

The file holds the metrics the help-desk's dashboards compute, in PostgreSQL syntax, each after a
``-- name: <metric>`` line, against ``{schema}`` with the export's column names quoted. Before any
cutover every template must run without error on the candidate version: a version that would break a
dashboard is refused. Their results go into the load report.

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
from typing import Any

from columnar_etl.errors import ConfigError
from columnar_etl.identifiers import quote_ident, quote_literal
from columnar_etl.load.schemas import execute, fetch_all

#: Rows of each metric kept in the report (a weekly series of a quarter fits easily).
MAX_RESULT_ROWS = 100
_NAME_LINE = re.compile(r"^--\s*name:\s*(?P<name>[A-Za-z0-9_]+)\s*$")
_RUNNER = "pg_temp.columnar_etl_run_metric"
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
    from columnar_etl.load.column_names import snake_case

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
    """The templates of ``path`` (default: the packaged ``queries/dashboard.sql``)."""
    file = Path(path) if path is not None else default_templates_path()
    try:
        return parse_templates(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read dashboard templates: {exc.strerror}", path=file) from exc


@dataclass
class MetricResult:
    """What one template returned on the candidate (``error`` set when PostgreSQL refused it)."""

    name: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False
    seconds: float = 0.0
    error: str | None = None
    sqlstate: str | None = None
    skipped: str | None = None

    @property
    def ok(self) -> bool:
        """True when the template ran (or did not apply)."""
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "ok": self.ok,
            "rows": self.rows,
            "truncated": self.truncated,
            "seconds": round(self.seconds, 4),
            "error": self.error,
            "sqlstate": self.sqlstate,
            "skipped": self.skipped,
        }


# json_agg keeps the columns in the query's order; numbers stay numbers, timestamps become ISO text.
# The time is measured on the server: all templates run in one statement (one round trip).
_RUNNER_SQL = f"""CREATE OR REPLACE FUNCTION {_RUNNER}(query text, max_rows int) RETURNS json
LANGUAGE plpgsql AS $body$
DECLARE
  result json;
  started timestamptz := clock_timestamp();
BEGIN
  EXECUTE format('SELECT coalesce(json_agg(q), ''[]''::json) FROM (SELECT * FROM (%s) s LIMIT %s) q',
                 query, max_rows + 1) INTO result;
  RETURN json_build_object('rows', result,
                           'ms', extract(epoch FROM clock_timestamp() - started) * 1000);
EXCEPTION WHEN OTHERS THEN
  RETURN json_build_object('error', SQLERRM, 'sqlstate', SQLSTATE,
                           'ms', extract(epoch FROM clock_timestamp() - started) * 1000);
END $body$"""


def run_templates(
    cursor: Any,
    schema: str,
    templates: list[Template],
    *,
    known_tables: set[str] | None = None,
    column_names: dict[str, str] | None = None,
    max_rows: int = MAX_RESULT_ROWS,
) -> list[MetricResult]:
    """Run the templates on ``schema`` in the caller's transaction; errors are results, not exceptions.

    With ``known_tables`` (the candidate's tables and the live version's), a template reading a table
    in neither is skipped: no dashboard of this target can be using it. A table the live version has
    and the candidate lacks is not skipped — the template fails, as the dashboard would.
    """
    results = {}
    runnable = []
    for template in templates:
        missing = sorted(template.tables - known_tables) if known_tables is not None else []
        if missing:
            results[template.name] = MetricResult(
                template.name, skipped=f"no table {', '.join(missing)} here"
            )
        else:
            runnable.append(template)
    if runnable:
        execute(cursor, _RUNNER_SQL)
        queries = ", ".join(quote_literal(t.render(schema, column_names)) for t in runnable)
        outcomes = fetch_all(
            cursor,
            f"SELECT {_RUNNER}(query, {int(max_rows)})::text "
            f"FROM unnest(ARRAY[{queries}]::text[]) WITH ORDINALITY AS t(query, n) ORDER BY n",
        )
        for template, (raw,) in zip(runnable, outcomes, strict=True):
            outcome = json.loads(raw)
            result = MetricResult(template.name, seconds=float(outcome["ms"]) / 1000)
            if "error" in outcome:
                result.error, result.sqlstate = str(outcome["error"]), str(outcome["sqlstate"])
            else:
                rows = list(outcome["rows"])
                result.rows, result.truncated = rows[:max_rows], len(rows) > max_rows
            results[template.name] = result
    return [results[template.name] for template in templates]
