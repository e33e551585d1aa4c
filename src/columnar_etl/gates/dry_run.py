"""Dry-run against PostgreSQL: what the target would reject that DuckDB accepted.

For a repeatable sample of each table, the values are produced by cleaning itself: the profile's plan
(``planning.build.build_plan``) and the real Polars cleaner (``cleaning.table.cleaned_frame``), each
value as the cleaned text the SQLite output would hold (``cleaning.expressions.canonical_text``). What
cleaning cannot fix is reported as it would be quarantined (``quarantined``, with the cleaner's
reason); the rest is COPYed into a TEMP table on the target, and put through the casts the load and
the dashboards do (``::timestamp``, ``EXTRACT(EPOCH FROM …)``, ``ROUND(x::numeric, 2)``, ``::bigint``,
``::boolean``). Nothing is written: the one transaction is always rolled back, so the TEMP tables and
the helper function vanish.

No statement may fail on the way, because the ADBC driver refuses every later statement of a
transaction that saw an error (even ``ROLLBACK TO SAVEPOINT``). So checks never raise:

- PostgreSQL >= 16 (``method="input_functions"``): ``pg_input_is_valid`` / ``pg_input_error_info``
  judge every value's input in one query per column; the expressions then run in bulk over the valid
  values inside a PL/pgSQL exception block, and only when that fails, row by row.
- Older servers (``method="exception_blocks"``): the same bulk-then-row-wise exception blocks run the
  whole check, input cast included (a temporary PL/pgSQL function; a ``DO`` block cannot return rows).

Found by experiment (Polars 1.x, PostgreSQL 18): NUL bytes in raw text (cleaning strips them: counted
as ``repaired``; rejected when kept). Quarantined by cleaning, never sent: year 0 (``0000-01-01``:
chrono and DuckDB read it as 1 BC, PostgreSQL says ``date/time field value out of range``; rejected
here until 2026-12-01, now an impossible date), doubles beyond float8 (``1e400``, ``1e-400``),
numerics beyond the plan's precision, and ``nan`` / ``inf`` / ``Infinity`` written as TEXT (no number
shape). The ``Inf`` SQLite stores for ``1e400`` in a REAL column is a double: sent, and PostgreSQL's
double precision takes it as ``Infinity``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import duckdb
import polars as pl
import pyarrow as pa

from columnar_etl.cleaning.expressions import Change, ColumnExprs, canonical_text
from columnar_etl.cleaning.table import cleaned_frame
from columnar_etl.config import Settings, load_settings, mask_uri
from columnar_etl.errors import SourceError, TargetError
from columnar_etl.models import GateReason, GateResult, InferredType, Profile, TableProfile
from columnar_etl.pg.connect import connect
from columnar_etl.pg.identifiers import quote_literal
from columnar_etl.pg.server_errors import first_line
from columnar_etl.planning.build import build_plan
from columnar_etl.planning.plan import TablePlan
from columnar_etl.rules import NUL
from columnar_etl.source.cells import HELPER_PREFIX
from columnar_etl.source.export import Source, open_source

#: 2: values are the real cleaner's; what it cannot fix is ``quarantined``, not sent to PostgreSQL.
DRY_RUN_VERSION = 2
Method = Literal["input_functions", "exception_blocks"]
#: Rejected (and repaired) values listed per column; the counts cover all of them.
EXAMPLES = 5
#: PostgreSQL quotes the value in its message: a long value would make an unreadable report.
MAX_TEXT = 200
#: The first server with ``pg_input_is_valid`` / ``pg_input_error_info``.
INPUT_FUNCTIONS_VERSION = 160000

#: Per inferred type: the PostgreSQL input type and the expressions the load and dashboards evaluate.
PG_CHECKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "timestamp": ("timestamp", ("value::timestamp", "EXTRACT(EPOCH FROM value::timestamp)")),
    "timestamptz": ("timestamptz", ("value::timestamptz", "EXTRACT(EPOCH FROM value::timestamptz)")),
    "date": ("date", ("value::date", "EXTRACT(EPOCH FROM value::date)")),
    "time": ("time", ("value::time", "EXTRACT(EPOCH FROM value::time)")),
    "integer": ("bigint", ("value::bigint",)),
    "numeric": ("numeric", ("ROUND(value::numeric, 2)",)),
    "double": ("double precision", ("value::double precision", "ROUND(value::double precision::numeric, 2)")),
    "boolean": ("boolean", ("value::boolean",)),
}
NUL_CHECK = "raw text input (NUL byte kept)"
#: The ``check`` of a value cleaning quarantines (its ``message`` is the cleaner's reason).
CLEANING_CHECK = "cleaning"

# Runs statements with one parameter, in order; returns NULL, or [index, SQLSTATE, message] of the first
# that fails instead of raising. An exception block is a subtransaction on the server: the client's
# transaction never sees an error.
_TRY_FUNCTION = """CREATE FUNCTION pg_temp.columnar_etl_try(value anyelement, statements text[])
RETURNS text[] LANGUAGE plpgsql AS $fn$
BEGIN
    FOR i IN 1 .. coalesce(array_length(statements, 1), 0) LOOP
        BEGIN
            EXECUTE statements[i] USING value;
        EXCEPTION WHEN others THEN
            RETURN ARRAY[i::text, SQLSTATE, SQLERRM];
        END;
    END LOOP;
    RETURN NULL;
END
$fn$"""
_TRY = "pg_temp.columnar_etl_try"


@dataclass(frozen=True)
class Rejection:
    """One distinct raw value PostgreSQL refused, the check that refused it and PostgreSQL's words."""

    value: str
    message: str
    sqlstate: str | None
    check: str
    rows: int = 1

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "value": self.value,
            "message": self.message,
            "sqlstate": self.sqlstate,
            "check": self.check,
            "rows": self.rows,
        }


@dataclass
class ColumnDryRun:
    """One column's dry-run: values checked, values rejected (with examples), values cleaning repairs,
    values cleaning quarantines.

    ``repaired`` counts raw values PostgreSQL rejects that cleaning fixes before the COPY (a NUL byte
    in text is stripped), so they do not count as rejected unless the run was told not to strip them.
    ``quarantined`` counts values no cleaning rule can fix (NULL in the target, listed in the
    quarantine): they never reach PostgreSQL.
    """

    table: str
    name: str
    inferred_type: InferredType
    pg_type: str | None
    checks: tuple[str, ...]
    checked: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    repaired: int = 0
    repairs: list[Rejection] = field(default_factory=list)
    quarantined: int = 0
    quarantines: list[Rejection] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when PostgreSQL accepted every checked value."""
        return self.rejected == 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "inferred_type": self.inferred_type,
            "pg_type": self.pg_type,
            "checks": list(self.checks),
            "checked": self.checked,
            "rejected": self.rejected,
            "rejections": [r.to_dict() for r in self.rejections],
            "repaired": self.repaired,
            "repairs": [r.to_dict() for r in self.repairs],
            "quarantined": self.quarantined,
            "quarantines": [r.to_dict() for r in self.quarantines],
        }


@dataclass
class TableDryRun:
    """One table's dry-run: the rows sampled and each column's result, in export order."""

    name: str
    sampled_rows: int
    columns: dict[str, ColumnDryRun]
    seconds: float = 0.0

    def __getitem__(self, column: str) -> ColumnDryRun:
        return self.columns[column]

    @property
    def rejected(self) -> int:
        """Rejected values over all columns."""
        return sum(c.rejected for c in self.columns.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "sampled_rows": self.sampled_rows,
            "rejected": self.rejected,
            "seconds": round(self.seconds, 4),
            "columns": [c.to_dict() for c in self.columns.values()],
        }


@dataclass
class DryRunResult:
    """What PostgreSQL made of a sample of every table: ``result["tickets"]["TKT-Created Time"]``."""

    target: str  # masked
    server_version: str
    method: Method
    sample_rows: int | None
    tables: dict[str, TableDryRun]
    seconds: float = 0.0

    def __getitem__(self, table: str) -> TableDryRun:
        return self.tables[table]

    @property
    def columns(self) -> list[ColumnDryRun]:
        """Every column of every table, in export order."""
        return [c for t in self.tables.values() for c in t.columns.values()]

    @property
    def checked(self) -> int:
        """Values checked over all tables."""
        return sum(c.checked for c in self.columns)

    @property
    def rejected(self) -> int:
        """Values PostgreSQL rejected over all tables (0 means the load will take the sample)."""
        return sum(c.rejected for c in self.columns)

    @property
    def repaired(self) -> int:
        """Values PostgreSQL rejects raw that cleaning repairs, over all tables."""
        return sum(c.repaired for c in self.columns)

    @property
    def quarantined(self) -> int:
        """Sampled values cleaning quarantines, over all tables."""
        return sum(c.quarantined for c in self.columns)

    @property
    def ok(self) -> bool:
        """True when no sampled value was rejected."""
        return self.rejected == 0

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (``version`` says which shape)."""
        return {
            "version": DRY_RUN_VERSION,
            "target": self.target,
            "server_version": self.server_version,
            "method": self.method,
            "sample_rows": self.sample_rows,
            "seconds": round(self.seconds, 4),
            "ok": self.ok,
            "checked": self.checked,
            "rejected": self.rejected,
            "repaired": self.repaired,
            "quarantined": self.quarantined,
            "tables": [t.to_dict() for t in self.tables.values()],
        }

    def __repr__(self) -> str:
        bad = [f"{c.table}.{c.name} ({c.rejected})" for c in self.columns if c.rejected]
        verdict = "ok" if self.ok else f"{self.rejected} rejected in " + ", ".join(bad)
        return (
            f"<DryRunResult PostgreSQL {self.server_version} ({self.method}): {self.checked:,} values "
            f"checked, {verdict}; {self.repaired} repaired and {self.quarantined} quarantined by cleaning>"
        )


def dry_run(
    source: str | Path,
    profile: Profile,
    target_uri: str,
    *,
    sample_rows: int | None = 1000,
    settings: Settings | None = None,
    strip_nul: bool = True,
    _input_functions: bool | None = None,
) -> DryRunResult:
    """Check a repeatable sample of every profiled table against PostgreSQL at ``target_uri``.

    Values are cleaned by the real cleaner, by the plan made from ``profile`` and ``settings`` (column
    overrides included), COPYed into TEMP tables and cast as the load and dashboards will.
    ``sample_rows=None`` checks every row. With ``strip_nul`` (cleaning's behaviour) a NUL byte in
    text counts as repaired, else as rejected. The transaction is always rolled back: nothing persists
    on the target. Raises :class:`TargetError` (password masked) when the target cannot be reached or used.
    ``_input_functions=False`` forces the pre-16 method (for tests on a new server).
    """
    if sample_rows is not None and sample_rows <= 0:
        raise ValueError(f"sample_rows must be positive or None, got {sample_rows!r}")
    settings = settings or load_settings()
    plan = build_plan(profile, settings=settings)
    started = time.perf_counter()
    with open_source(source) as src:
        conn = connect(target_uri, autocommit=False)
        cursor = conn.cursor()
        try:
            version_num, version = _server_version(cursor, target_uri)
            use_inputs = (
                version_num >= INPUT_FUNCTIONS_VERSION if _input_functions is None else _input_functions
            )
            method: Method = "input_functions" if use_inputs else "exception_blocks"
            _execute(cursor, target_uri, _TRY_FUNCTION)
            tables: dict[str, TableDryRun] = {}
            for index, table in enumerate(profile.tables.values()):
                if table.name not in plan.tables:
                    continue
                checker = _TableCheck(cursor, target_uri, f"columnar_etl_dry_run_{index}", use_inputs)
                columns = [
                    ColumnExprs(c, i, settings.source_encoding_fallback)
                    for i, c in enumerate(plan.tables[table.name].columns)
                ]
                sample = cleaned_sample(src, plan.tables[table.name], columns, sample_rows)
                tables[table.name] = checker.run(sample, table, columns, strip_nul)
        finally:
            _discard(conn, cursor)
    return DryRunResult(
        target=mask_uri(target_uri),
        server_version=version,
        method=method,
        sample_rows=sample_rows,
        tables=tables,
        seconds=time.perf_counter() - started,
    )


def cleaned_sample(
    src: Source, plan: TablePlan, columns: list[ColumnExprs], sample_rows: int | None
) -> pl.DataFrame:
    """A repeatable sample of ``plan``'s table, read and cleaned as the cleaner does (``columns`` are its
    expressions), with every helper column: ``t``/``v``/``k`` per column (see :class:`ColumnExprs`)."""
    sample = f" USING SAMPLE reservoir({int(sample_rows)} ROWS) REPEATABLE (42)" if sample_rows else ""
    relation = src.relation_sql(plan.name, reads=[c.read for c in columns])
    try:
        batch = src.connection.cursor().sql(f"SELECT * FROM {relation}{sample}").to_arrow_table()
    except duckdb.Error as exc:
        raise SourceError(f"cannot sample the table: {exc}", path=src.path, table=plan.name) from exc
    return cleaned_frame(batch, columns)


def sent_values(frame: pl.DataFrame, columns: list[ColumnExprs]) -> pa.Table:
    """What the dry run COPYs to PostgreSQL: ``n`` numbers the rows; per column ``i`` ``v<i>`` the cleaned
    value as text (NULL where cleaning makes it NULL; bytea is never checked); for typed columns ``r<i>``
    the raw value wherever ``v<i>`` is set (to name a rejected value as the export wrote it); for text
    columns ``b<i>`` the raw bytes of a value holding a NUL byte, which PostgreSQL text cannot hold."""
    exprs = [pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("n")]
    for i, column in enumerate(columns):
        kind, raw, value = column.plan.type, pl.col(column.raw), pl.col(column.v)
        if kind == "bytea":
            exprs.append(pl.lit(None, dtype=pl.String).alias(f"v{i}"))
            continue
        exprs.append(canonical_text(value, column.plan).alias(f"v{i}"))
        if kind == "text":
            nul = raw.str.contains(NUL, literal=True)
            exprs.append(pl.when(nul).then(raw.cast(pl.Binary)).alias(f"b{i}"))
        else:
            exprs.append(pl.when(value.is_not_null()).then(raw.cast(pl.String)).alias(f"r{i}"))
    return frame.select(exprs).to_arrow()


def quarantined(frame: pl.DataFrame, column: ColumnExprs) -> tuple[int, list[Rejection]]:
    """The values of ``column`` cleaning quarantines: how many, and the first few with the reason."""
    if column.plan.type == "bytea":
        return 0, []
    rows = frame.filter(column.has(Change.QUARANTINE))
    if not rows.height:
        return 0, []
    # The row position under a helper name: the export's own columns may be called anything (``at``).
    position = f"{HELPER_PREFIX}position"
    grouped = (
        rows.with_row_index(position)
        .group_by(pl.col(column.raw).alias("raw"), column.reason().alias("reason"))
        .agg(pl.len().alias("rows"), pl.col(position).min())
        .sort(position)
    )
    examples = [
        Rejection(_display(raw), str(reason), None, CLEANING_CHECK, int(n))
        for raw, reason, n, _ in grouped.head(EXAMPLES).iter_rows()
    ]
    return rows.height, examples


class _TableCheck:
    """The checks of one table, on an open transaction; every statement is one that cannot fail."""

    def __init__(self, cursor: Any, uri: str, temp_table: str, input_functions: bool) -> None:
        self.cursor = cursor
        self.uri = uri
        self.temp = temp_table
        self.input_functions = input_functions

    def run(
        self, sample: pl.DataFrame, table: TableProfile, columns: list[ColumnExprs], strip_nul: bool
    ) -> TableDryRun:
        """COPY the cleaned ``sample`` of ``table`` into the TEMP table, check every column."""
        started = time.perf_counter()
        self._ingest(sent_values(sample, columns), table.name)
        counts = self._fetch(
            f"SELECT count(*), {', '.join(f'count(v{i})' for i in range(len(columns)))} FROM {self.temp}"
        )[0]
        results: dict[str, ColumnDryRun] = {}
        for index, column in enumerate(columns):
            kind = column.plan.type
            pg_type, expressions = PG_CHECKS.get(kind, (None, ()))
            inputs = (f"{pg_type} input",) if pg_type and self.input_functions else ()
            result = ColumnDryRun(
                table.name,
                column.plan.name,
                table[column.plan.name].inferred_type,
                pg_type,
                inputs + expressions if pg_type else (NUL_CHECK,),
                int(counts[index + 1]),
            )
            result.quarantined, result.quarantines = quarantined(sample, column)
            if kind == "bytea":
                pass  # bytes are copied as they are: nothing for PostgreSQL to reject or cleaning to repair
            elif pg_type is None:
                b = f"b{index}"
                # The raw bytes as text input: PostgreSQL's verdict on a COPY of the raw value.
                nul = self._tried(
                    b, b, (NUL_CHECK,), ("SELECT convert_from($1, 'UTF8')",), f"{b} IS NOT NULL"
                )
                if strip_nul:
                    result.repaired, result.repairs = nul
                else:
                    result.rejected, result.rejections = nul
            else:
                result.rejected, result.rejections = self._check(index, pg_type, expressions)
            results[column.plan.name] = result
        return TableDryRun(table.name, int(counts[0]), results, time.perf_counter() - started)

    def _check(self, index: int, pg_type: str, expressions: tuple[str, ...]) -> tuple[int, list[Rejection]]:
        v, r = f"v{index}", f"r{index}"
        where = f"{v} IS NOT NULL"
        rows = 0
        examples: list[Rejection] = []
        if self.input_functions:
            kind = quote_literal(pg_type)
            rows, examples = self._rejections(
                f"SELECT n, {r}, {quote_literal(f'{pg_type} input')}, (e).sql_error_code, (e).message "
                f"FROM (SELECT n, {r}, pg_input_error_info({v}, {kind}) AS e FROM {self.temp} "
                f"WHERE {where} AND NOT pg_input_is_valid({v}, {kind})) AS bad"
            )
            where += f" AND pg_input_is_valid({v}, {kind})"
        bulk = ", ".join(f"count({e.replace('value', v)})" for e in expressions)
        statement = quote_literal(f"SELECT {bulk} FROM {self.temp} WHERE {where}")
        (error,) = self._fetch(f"SELECT {_TRY}(NULL::text, ARRAY[{statement}])")[0]
        if error is not None:
            # Some value fails: only now pay for one exception block per row, to name every culprit.
            statements = tuple(f"SELECT {e.replace('value', '$1')}" for e in expressions)
            more, found = self._tried(r, v, expressions, statements, where)
            rows, examples = rows + more, (examples + found)[:EXAMPLES]
        return rows, examples

    def _tried(
        self, raw: str, value: str, labels: tuple[str, ...], statements: tuple[str, ...], where: str
    ) -> tuple[int, list[Rejection]]:
        # Run ``statements`` on ``value`` row by row; the first that fails names the check.
        tried = f"{_TRY}({value}, ARRAY[{', '.join(map(quote_literal, statements))}])"
        label = f"(ARRAY[{', '.join(map(quote_literal, labels))}])[err[1]::int]"
        return self._rejections(
            f"SELECT n, {raw}, {label}, err[2], err[3] FROM (SELECT n, {raw}, {tried} AS err "
            f"FROM {self.temp} WHERE {where}) AS tried WHERE err IS NOT NULL"
        )

    def _rejections(self, sql: str) -> tuple[int, list[Rejection]]:
        # ``sql`` gives one row per rejected value (n, raw, check, SQLSTATE, message); grouped per value.
        grouped = self._fetch(
            f"SELECT raw, checked, code, message, count(*) "
            f"FROM ({sql}) AS rejected(n, raw, checked, code, message) "
            f"GROUP BY raw, checked, code, message ORDER BY min(n)"
        )
        examples = [
            Rejection(_display(raw), _clip(str(message)), code, str(check), int(rows))
            for raw, check, code, message, rows in grouped[:EXAMPLES]
        ]
        return sum(int(row[-1]) for row in grouped), examples

    def _ingest(self, reader: Any, table: str) -> None:
        import adbc_driver_manager

        try:
            self.cursor.adbc_ingest(self.temp, reader, mode="create", temporary=True)
        except (adbc_driver_manager.Error, pa.ArrowException) as exc:
            raise TargetError(
                f"cannot COPY the sample of {table!r} into a TEMP table on {mask_uri(self.uri)}: "
                f"{first_line(exc)}",
                table=table,
                hint="the role needs the TEMPORARY privilege on the target database",
            ) from exc

    def _fetch(self, sql: str) -> list[tuple[Any, ...]]:
        _execute(self.cursor, self.uri, sql)
        return [tuple(row) for row in self.cursor.fetchall()]


def _server_version(cursor: Any, uri: str) -> tuple[int, str]:
    _execute(
        cursor, uri, "SELECT current_setting('server_version_num')::int, current_setting('server_version')"
    )
    number, text = cursor.fetchone()
    return int(number), str(text).split(" ", 1)[0]


def _execute(cursor: Any, uri: str, sql: str) -> None:
    import adbc_driver_manager

    try:
        cursor.execute(sql)
    except adbc_driver_manager.Error as exc:
        raise TargetError(
            f"dry-run query failed on {mask_uri(uri)}: {first_line(exc)}",
            hint="the role needs the TEMPORARY privilege; the plpgsql language must be installed",
        ) from exc


def _discard(conn: Any, cursor: Any) -> None:
    import adbc_driver_manager

    # Always ROLLBACK: the TEMP tables and the helper function go with it. A dead connection has been
    # rolled back by the server already.
    try:
        conn.rollback()
    except adbc_driver_manager.Error:
        pass
    finally:
        cursor.close()
        conn.close()


def _display(raw: Any) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return _clip(text.replace("\x00", "\\0"))


def _clip(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def apply_dry_run(gate: GateResult, result: DryRunResult) -> GateResult:
    """The gate with a ``dry_run_rejects`` warning per column whose sampled values PostgreSQL rejected.

    A pass becomes a warn; a warn or halt keeps its status. The rejected values will not load as they
    are (the load would fail, or cleaning must null them), so someone should look before the cutover.
    """
    reasons = tuple(
        GateReason(
            "dry_run_rejects",
            f"PostgreSQL rejects {column.rejected} of {column.checked} sampled values "
            f"(e.g. {column.rejections[0].value!r}: {column.rejections[0].message})",
            float(column.rejected),
            0.0,
            table=column.table,
            column=column.name,
        )
        for column in result.columns
        if column.rejected and column.rejections
    )
    if not reasons:
        return gate
    return GateResult("warn" if gate.status == "pass" else gate.status, gate.quality, gate.reasons + reasons)
