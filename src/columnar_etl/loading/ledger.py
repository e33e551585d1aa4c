"""The run ledger in the target: schema ``columnar_etl`` with tables ``runs`` and ``versions``.

Every write happens in the transaction of the change it records: a version's row commits with its
tables, a cutover's ``live`` flip with its views. A failed load leaves no version, so its run is
recorded afterwards in a small transaction of its own (:func:`record_run`); a process killed
mid-load leaves no row at all.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from columnar_etl.config import Settings
from columnar_etl.errors import EtlError, TargetError
from columnar_etl.loading.schemas import (
    LEDGER_SCHEMA,
    check_tablespace,
    columns_by_table,
    execute,
    fetch_all,
    table_columns_query,
)
from columnar_etl.observability.logs import get_logger
from columnar_etl.pg.connect import reading, transaction
from columnar_etl.pg.encodings import PG_CODECS, storable
from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.pg.refused_connections import refused_connection
from columnar_etl.pg.server_errors import connection_lost, first_line
from columnar_etl.version import __version__

RUNS = f"{LEDGER_SCHEMA}.runs"
VERSIONS = f"{LEDGER_SCHEMA}.versions"
# Serialises the CREATE ... IF NOT EXISTS below between concurrent first runs (they race otherwise).
_LEDGER_LOCK = 7300

_DDL = (
    f"CREATE SCHEMA IF NOT EXISTS {LEDGER_SCHEMA}",
    f"""CREATE TABLE IF NOT EXISTS {VERSIONS} (
        schema_name text PRIMARY KEY,
        base text NOT NULL,
        created timestamptz NOT NULL,
        live boolean NOT NULL DEFAULT false,
        previous text,
        live_since timestamptz,
        run_id text,
        rows jsonb NOT NULL DEFAULT '{{}}',
        quality double precision,
        stats jsonb,
        column_names jsonb,
        dropped timestamptz)""",
    # The invariant everything else relies on: at most one live version per base.
    f"CREATE UNIQUE INDEX IF NOT EXISTS versions_one_live ON {VERSIONS} (base) WHERE live",
    f"""CREATE TABLE IF NOT EXISTS {RUNS} (
        run_id text PRIMARY KEY,
        base text NOT NULL,
        mode text NOT NULL,
        status text NOT NULL,
        started timestamptz NOT NULL,
        finished timestamptz NOT NULL,
        source_path text,
        source_checksum text,
        version_schema text,
        rows jsonb,
        quality_before double precision,
        quality_after double precision,
        config_hash text,
        tool_version text,
        error text,
        report jsonb)""",
)


#: Whether every object of :data:`_DDL` is there.
_COMPLETE = "SELECT " + " AND ".join(
    f"to_regclass({quote_literal(name)}) IS NOT NULL"
    for name in (VERSIONS, RUNS, f"{LEDGER_SCHEMA}.versions_one_live")
)

#: The connected role, the ledger schema's owner, and whether the role may use it (USAGE and CREATE);
#: owner and use are NULL while there is no ledger schema yet.
_LEDGER_NAMESPACE = f"FROM pg_namespace WHERE nspname = {quote_literal(LEDGER_SCHEMA)}"
#: What every command that keeps the ledger does to its tables (reads, adds, updates rows; never deletes).
_LEDGER_TABLE_RIGHTS = ("SELECT", "INSERT", "UPDATE")
LEDGER_ACCESS_SQL = (
    f"SELECT current_user::text, (SELECT pg_get_userbyid(nspowner)::text {_LEDGER_NAMESPACE}), "
    "(SELECT has_schema_privilege(oid, 'USAGE') AND has_schema_privilege(oid, 'CREATE') "
    f"{_LEDGER_NAMESPACE}), "
    # Its tables (those there) the role may not read and write: a role sharing another's ledger.
    "(SELECT string_agg(format('%s (%s)', c.relname, pg_get_userbyid(c.relowner)), ', ' "
    "ORDER BY c.relname) "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    f"WHERE n.nspname = {quote_literal(LEDGER_SCHEMA)} AND c.relname IN ('runs', 'versions') AND NOT ("
    + " AND ".join(f"has_table_privilege(c.oid, '{right}')" for right in _LEDGER_TABLE_RIGHTS)
    + "))"
)


def ledger_access_problem(
    user: str, owner: str | None, usable: bool | None, tables: str | None = None
) -> tuple[str, str] | None:
    """What stops ``user`` from keeping the ledger (message, hint), from :data:`LEDGER_ACCESS_SQL`'s
    row: the schema ``columnar_etl`` exists, another role owns it, and ``user`` may not use it; or
    ``tables`` of it (another role's) ``user`` may not read and write. Each failed after the export was
    profiled and cleaned, with the driver's text ("UNAUTHORIZED: [libpq] ... permission denied for
    table versions")."""
    if owner is not None and not usable:
        return (
            f"the ledger schema {LEDGER_SCHEMA} belongs to role {owner!r}, and {user!r} may not use it",
            f"as {owner!r} or a superuser, ALTER SCHEMA {LEDGER_SCHEMA} OWNER TO {quote_ident(user)}, "
            f"or GRANT USAGE, CREATE ON SCHEMA {LEDGER_SCHEMA} TO {quote_ident(user)}",
        )
    if tables:
        rights = ", ".join(_LEDGER_TABLE_RIGHTS)
        return (
            f"{user!r} may not read and write the ledger's tables {tables} ({rights} on each)",
            f"as their owner or a superuser, GRANT {rights} ON ALL TABLES IN SCHEMA {LEDGER_SCHEMA} TO "
            f"{quote_ident(user)}",
        )
    return None


class NoLedgerHere(TargetError):
    """The target holds no ledger, and the connected role may not create its schema (no CREATE on the
    database): what a load or the preflight of a run refuses first, naming that right."""


#: Whether the connected role may create schemas in the database (``GRANT CREATE ON DATABASE``).
_MAY_CREATE_SCHEMAS = "SELECT has_database_privilege(current_database(), 'CREATE')"


def _database(cursor: Any) -> str:
    return str(fetch_all(cursor, "SELECT current_database()::text")[0][0])


def ensure_ledger(uri: str) -> None:
    """Create the ledger schema and tables when missing (its own short transaction).

    :class:`~columnar_etl.errors.TargetError` naming the schema's owner when another role owns it and
    the connected one may not use it, or the tables of it the role may not read and write.
    """
    with transaction(uri) as conn:
        cursor = conn.cursor()
        try:
            ensure_ledger_in(cursor)
        finally:
            cursor.close()


def ensure_ledger_in(cursor: Any) -> None:
    """:func:`ensure_ledger` in the transaction of ``cursor``: committed with it, gone if it rolls back.
    Two transactions making the ledger at once are one after the other (an advisory lock held to the
    end of the first)."""
    execute(cursor, f"SELECT pg_advisory_xact_lock({_LEDGER_LOCK})")
    user, owner, *access = fetch_all(cursor, LEDGER_ACCESS_SQL)[0]
    problem = ledger_access_problem(user, owner, *access)
    if problem is not None:
        raise TargetError(problem[0], hint=problem[1])
    # Only when something is missing: CREATE ... IF NOT EXISTS of a table's index needs to own the table
    # even when the index is there, so a role sharing another role's ledger (granted USAGE, CREATE and the
    # tables' rights) failed "must be owner of table versions".
    if not fetch_all(cursor, _COMPLETE)[0][0]:
        if owner is None and not fetch_all(cursor, _MAY_CREATE_SCHEMAS)[0][0]:
            raise NoLedgerHere(
                f"there is no ledger ({LEDGER_SCHEMA}) in this database, and {user!r} may not create its "
                "schema",
                hint=f"GRANT CREATE ON DATABASE {quote_ident(_database(cursor))} TO {quote_ident(user)}",
            )
        check_tablespace(cursor)  # a load's first tables are these
        for statement in _DDL:
            execute(cursor, statement)


def check_readable(cursor: Any) -> bool:
    """Whether the ledger's versions are there to read (False: the ledger was never made, nothing was
    loaded into this database); :class:`~columnar_etl.errors.TargetError` when they are there and the
    connected role may not read them. Reads the catalogue only: a role may list the versions with
    USAGE on the ledger's schema and SELECT on its tables, without the CREATE keeping it needs."""
    rows = fetch_all(
        cursor,
        "SELECT has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT') "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        f"WHERE n.nspname = {quote_literal(LEDGER_SCHEMA)} AND c.relname = 'versions'",
    )
    if not rows:
        return False
    if not rows[0][0]:
        raise TargetError(
            f"this role may not read the ledger's versions ({VERSIONS})",
            hint=f"as its owner, GRANT USAGE ON SCHEMA {LEDGER_SCHEMA} and SELECT ON ALL TABLES IN SCHEMA "
            f"{LEDGER_SCHEMA} to this role",
        )
    return True


def exists(cursor: Any) -> bool:
    """True when the ledger's tables are there (one catalogue lookup, in the caller's transaction)."""
    rows = fetch_all(
        cursor,
        f"SELECT to_regclass({quote_literal(RUNS)}) IS NOT NULL AND to_regclass({quote_literal(VERSIONS)}) "
        "IS NOT NULL",
    )
    return bool(rows[0][0])


@dataclass
class RunRecord:
    """One row of ``columnar_etl.runs``: a load, canary, cutover or rollback and how it ended."""

    run_id: str
    base: str
    mode: str
    status: str
    started: datetime
    finished: datetime
    source_path: str | None = None
    source_checksum: str | None = None
    version_schema: str | None = None
    rows: dict[str, int] = field(default_factory=dict)
    quality_before: float | None = None
    quality_after: float | None = None
    config_hash: str | None = None
    tool_version: str | None = None
    error: str | None = None
    report: dict[str, Any] | None = None


def write_run(cursor: Any, run: RunRecord, *, finished_now: bool = False) -> None:
    """Insert the run's row in the caller's transaction (a repeated run id updates it; NULLs keep values).

    ``finished_now``: ``finished`` is now by the server's clock, not ``run.finished``: for the row
    written in the transaction of the change it records (a load, a cutover, a rollback), whose order
    among the base's changes is the rollbacks' history (:func:`live_history`), whatever the clocks of
    the machines that ran them say. The row's other moments are the server's too: ``run.started``
    (and ``run.finished`` without ``finished_now``), taken by the client's clock, are written as that
    long before the server's now (:func:`_server_moment`), so a client whose clock is off by a day
    records its run where it happened among the others, with its true duration.
    """
    values = {
        "run_id": run.run_id,
        "base": run.base,
        "mode": run.mode,
        "status": run.status,
        "started": run.started,
        "finished": run.finished,
        "source_path": run.source_path,
        "source_checksum": run.source_checksum,
        "version_schema": run.version_schema,
        "rows": run.rows,
        "quality_before": run.quality_before,
        "quality_after": run.quality_after,
        "config_hash": run.config_hash,
        "tool_version": run.tool_version,
        "error": run.error,
        "report": run.report,
    }
    # A second write of the same run (a pipeline recording a failure the loader recorded already) must
    # not erase what the first one knew: NULLs keep the stored value.
    always = {"base", "mode", "status", "started", "finished"}
    updates = ", ".join(
        f"{name} = EXCLUDED.{name}"
        if name in always
        else f"{name} = COALESCE(EXCLUDED.{name}, {RUNS}.{name})"
        for name in values
        if name != "run_id"
    )
    codec = _text_codec(cursor)
    client_now = datetime.now(UTC)
    literals = [
        "clock_timestamp()"
        if name == "finished" and finished_now
        else _server_moment(value, client_now)
        if isinstance(value, datetime)  # started, finished
        else _literal(value, codec)
        for name, value in values.items()
    ]
    execute(
        cursor,
        f"INSERT INTO {RUNS} ({', '.join(values)}) VALUES ({', '.join(literals)}) "
        f"ON CONFLICT (run_id) DO UPDATE SET {updates}",
    )


def record_run(uri: str, run: RunRecord) -> bool:
    """Write a run's row in a transaction of its own: a failed run's after its rollback, a canary's.

    Best effort: when the target cannot take it (down, the ledger unwritable, its COMMIT refused by
    a deferred constraint trigger: the driver's own error, not a statement's), the reason is logged
    and False returned, so that the original error and outcome are what the caller reports. Every
    caller reports that False (its error, or a warning in its record); a target that is gone (the
    connection refused or lost), or a failure's row where there is no ledger and the role may not
    create one (:class:`NoLedgerHere`), is logged at info only, not on the console: it is what the
    caller's own error says (the embedded server stopped under a load, a role without CREATE on the
    database: each printed this before the run's one line).
    """
    import adbc_driver_manager

    try:
        ensure_ledger(uri)
        with transaction(uri) as conn:
            cursor = conn.cursor()
            try:
                write_run(cursor, run)
            finally:
                cursor.close()
        return True
    except (EtlError, adbc_driver_manager.Error) as exc:
        error = str(exc) if isinstance(exc, EtlError) else first_line(exc)
        gone = refused_connection(exc) or connection_lost(exc)
        # A failure's row where no ledger is and the role may not make one: the failure's own line
        # says that right is missing (the preflight's target_create_schema, the load's CREATE SCHEMA).
        unmade = isinstance(exc, NoLedgerHere) and run.status != "succeeded"
        log = get_logger(stage="load")
        (log.info if gone or unmade else log.warning)("run not recorded", run_id=run.run_id, error=error)
        return False


def write_version(
    cursor: Any,
    *,
    schema: str,
    base: str,
    run_id: str,
    rows: dict[str, int],
    quality: float | None,
    stats: dict[str, Any],
    column_names: dict[str, dict[str, str]] | None,
) -> None:
    """Insert a version's row (not live) in the transaction that loads it, ``created`` now by the
    server's clock: the versions' order is the order they were loaded in, whatever the clocks of the
    machines that loaded them say (loads of one base are serialised by its lock)."""
    values = [schema, base, run_id, rows, quality, stats, column_names]
    codec = _text_codec(cursor)
    literals = [_literal(value, codec) for value in values]
    literals.insert(2, "clock_timestamp()")
    execute(
        cursor,
        f"INSERT INTO {VERSIONS} (schema_name, base, created, run_id, rows, quality, stats, column_names) "
        f"VALUES ({', '.join(literals)})",
    )


def _server_moment(moment: datetime, client_now: datetime) -> str:
    """SQL for ``moment`` (the client's clock) as the server's clock reads it: the server's now less
    how long before the client's ``client_now`` it was (the statement runs milliseconds after)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    before = client_now - aware
    micros = before.days * 86_400_000_000 + before.seconds * 1_000_000 + before.microseconds
    return f"(clock_timestamp() - interval '{micros} microseconds')"


def _literal(value: Any, codec: str | None) -> str:
    """:func:`sql_value` of ``value`` made storable in a database of ``codec`` (see :func:`_text_codec`)."""
    return sql_value(storable(jsonable(value) if isinstance(value, dict) else value, codec))


def _text_codec(cursor: Any) -> str | None:
    """The codec of the database's encoding when it is not UTF8 (nor SQL_ASCII, which takes any byte):
    the ledger's own texts (``→`` in a warning, ``—`` in an error line, a path) are written so that it
    stores them (:func:`~columnar_etl.pg.encodings.storable`). A run into a LATIN1 database failed
    at its last step, the ledger row, on a character of the package's own words."""
    ((encoding,),) = fetch_all(cursor, "SELECT current_setting('server_encoding')")
    return PG_CODECS.get(str(encoding))


def set_live(cursor: Any, base: str, schema: str, *, previous: str | None) -> None:
    """Flip ``live`` to ``schema``, whose ``previous`` becomes ``previous``: the version a rollback
    would make live (None: none). ``live_since`` is the server's clock now, not the transaction's
    start (``now()``): a simple load's transaction began before its version was made."""
    execute(cursor, f"UPDATE {VERSIONS} SET live = false WHERE base = {quote_literal(base)} AND live")
    execute(
        cursor,
        f"UPDATE {VERSIONS} SET live = true, live_since = clock_timestamp(), "
        f"previous = {sql_value(previous)} "
        f"WHERE schema_name = {quote_literal(schema)}",
    )


def live_history(cursor: Any, base: str) -> list[str]:
    """The versions of ``base`` made live one on top of the other and not rolled back since, oldest
    first: the live version last, the one a rollback makes live before it. From the ledger's runs
    that changed what is live (a simple load, a cutover, a rollback: each written in the transaction
    of its change, under the base's lock, ``finished`` by the server's clock: in the order of the
    changes).

    A cutover or a load puts its version on top; a rollback takes the top one off. Where the history
    does not join up (runs written before their reports said what they replaced), it starts again
    from what the run replaced: never a version no run made live.
    """
    rows = fetch_all(
        cursor,
        f"SELECT mode, coalesce(report->>'to_version', version_schema), "
        f"coalesce(report->>'from_version', report->>'live_before') FROM {RUNS} "
        f"WHERE base = {quote_literal(base)} AND status = 'succeeded' AND ("
        "mode IN ('cutover', 'rollback') OR (mode = 'simple' AND report->>'status' = 'live')) "
        "ORDER BY finished, run_id",
    )
    stack: list[str] = []
    for mode, to, frm in rows:
        if stack and stack[-1] != frm:  # a gap in the history: what is known starts here
            stack = []
        if mode == "rollback":
            if stack:
                stack.pop()
            if not stack or stack[-1] != to:
                stack = [to]
        else:
            stack = (stack or ([frm] if frm else [])) + [to]
    return [str(name) for name in stack]


def relist_version(uri: str, schema: str) -> str | None:
    """The base of version ``schema``, listed again (no longer ``dropped``) now that its schema is back
    (restored from a dump); None when the ledger knows no such version. Its own short transaction."""
    with transaction(uri) as conn:
        cursor = conn.cursor()
        try:
            if not exists(cursor):
                return None
            literal = quote_literal(schema)
            rows = fetch_all(cursor, f"SELECT base FROM {VERSIONS} WHERE schema_name = {literal}")
            if not rows:
                return None
            execute(cursor, f"UPDATE {VERSIONS} SET dropped = NULL WHERE schema_name = {literal}")
        finally:
            cursor.close()
    return str(rows[0][0])


def mark_dropped(cursor: Any, schema: str) -> None:
    """Record that a version's schema was dropped (its row stays, as history)."""
    execute(cursor, f"UPDATE {VERSIONS} SET dropped = now() WHERE schema_name = {quote_literal(schema)}")


_VERSION_COLUMNS = (
    "schema_name, base, created, live, previous, live_since, run_id, rows::text, quality, stats::text, "
    "column_names::text, dropped"
)


def versions(cursor: Any, base: str, *, include_dropped: bool = False) -> list[dict[str, Any]]:
    """The ledger's versions of ``base``, oldest first, as dicts (JSON columns decoded)."""
    where = "" if include_dropped else " AND dropped IS NULL"
    rows = fetch_all(
        cursor,
        f"SELECT {_VERSION_COLUMNS} FROM {VERSIONS} WHERE base = {quote_literal(base)}{where} "
        "ORDER BY created, schema_name",
    )
    return [_version_dict(row) for row in rows]


def version(cursor: Any, schema: str) -> dict[str, Any] | None:
    """The ledger row of version ``schema``, or None."""
    rows = fetch_all(
        cursor, f"SELECT {_VERSION_COLUMNS} FROM {VERSIONS} WHERE schema_name = {quote_literal(schema)}"
    )
    return _version_dict(rows[0]) if rows else None


def live_version(cursor: Any, base: str) -> dict[str, Any] | None:
    """The live version's ledger row, or None when ``base`` has never been cut over."""
    rows = fetch_all(
        cursor, f"SELECT {_VERSION_COLUMNS} FROM {VERSIONS} WHERE base = {quote_literal(base)} AND live"
    )
    return _version_dict(rows[0]) if rows else None


def live_column_types(uri: str, base: str) -> dict[str, dict[str, str]] | None:
    """Per table of ``base``'s live version, ``{column: PostgreSQL type}`` as loaded (``format_type``
    with its modifiers: ``bigint``, ``timestamp without time zone``, a numeric with its size:
    ``numeric(18,2)``); None when nothing is live (no ledger, never cut over). Read from the live
    schema's catalogue, which holds each type with its size (the ledger's snapshot has no size).

    A run's plan keeps these types where the new export's values fit them (whole amounts this quarter
    kept numeric keep the live column's fraction digits;
    :func:`~columnar_etl.planning.live_types.keep_live_types`)."""
    # Read without the DB-API connection (it would import pyarrow and Polars before the clean).
    with reading(uri) as query:
        if not query(f"SELECT to_regclass({quote_literal(VERSIONS)}) IS NOT NULL")[0][0]:
            return None
        rows = query(f"SELECT schema_name FROM {VERSIONS} WHERE base = {quote_literal(base)} AND live")
        if not rows:
            return None
        declared = columns_by_table(query(table_columns_query(str(rows[0][0]), modifiers=True)))
    return {table: dict(columns) for table, columns in declared.items()}


def managed_schema(cursor: Any, schema: str) -> str | None:
    """What ``schema`` is to columnar_etl when it manages it (the ledger, a base schema whose views the
    dashboards read, a version not dropped, a base's canary), or None: a schema a raw copy may replace.
    :class:`~columnar_etl.errors.TargetError` saying what to grant when the role may not read the
    ledger (:func:`check_readable`): what the schema is cannot be told then."""
    if schema == LEDGER_SCHEMA:
        return "the ledger schema"
    if not check_readable(cursor):
        return None
    literal = quote_literal(schema)
    rows = fetch_all(
        cursor,
        f"SELECT base, schema_name = {literal} AND dropped IS NULL, base = {literal} FROM {VERSIONS} "
        f"WHERE base = {literal} OR schema_name = {literal} OR base || '_canary' = {literal} "
        "ORDER BY 3 DESC, 2 DESC LIMIT 1",
    )
    if not rows:
        return None
    base, is_version, is_base = rows[0]
    if is_base:
        return "a base schema: its views are what the dashboards read"
    if is_version:
        return f"a version schema of {base!r}"
    return f"the canary schema of {base!r}" if schema == f"{base}_canary" else None


def _version_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    names = [part.strip().split("::")[0] for part in _VERSION_COLUMNS.split(",")]
    data = dict(zip(names, row, strict=True))
    for key in ("rows", "stats", "column_names"):
        data[key] = json.loads(data[key]) if data[key] is not None else None
    return data


#: The version of a base loaded from a source checksum that is still there (not dropped, its schema
#: present), the live one first, else the newest; columns schema_name, live. Formatted with the base's
#: and the checksum's literals.
_LOADED_FROM = (
    f"SELECT v.schema_name, v.live FROM {VERSIONS} v JOIN {RUNS} r ON r.run_id = v.run_id "
    "WHERE v.base = {base} AND v.dropped IS NULL AND r.source_checksum = {checksum} "
    "AND EXISTS (SELECT FROM pg_namespace WHERE nspname = v.schema_name) "
    "ORDER BY v.live DESC, v.created DESC, v.schema_name DESC LIMIT 1"
)


def loaded_source_version(uri: str, base: str, checksum: str) -> tuple[str, bool] | None:
    """The version of ``base`` loaded from the source with ``checksum`` and whether it is live (see
    :func:`loaded_from`); None: no ledger, or no such version.

    Lets a pipeline skip a quarter's file that is loaded already, live or waiting for its cutover.
    """

    # Read without the DB-API connection (it would import pyarrow and Polars before the profile).
    with reading(uri) as query:
        if not query(f"SELECT to_regclass({quote_literal(VERSIONS)}) IS NOT NULL")[0][0]:
            return None
        rows = query(_LOADED_FROM.format(base=quote_literal(base), checksum=quote_literal(checksum)))
    return (str(rows[0][0]), bool(rows[0][1])) if rows else None


def loaded_from(cursor: Any, base: str, checksum: str) -> tuple[str, bool] | None:
    """The version of ``base`` loaded from the source with ``checksum`` (the live one, else the newest
    not dropped whose schema is there: a blue-green load never cut over, one rolled back from, one a
    concurrent run of the same file just made) and whether it is live; None when there is none.

    Call with the base's load lock held, so that the answer still holds when the caller acts on it.
    """
    rows = fetch_all(cursor, _LOADED_FROM.format(base=quote_literal(base), checksum=quote_literal(checksum)))
    return (str(rows[0][0]), bool(rows[0][1])) if rows else None


def runs(cursor: Any, base: str | None = None) -> list[dict[str, Any]]:
    """Ledger runs (of ``base``, or all), oldest first, as dicts with ``rows`` / ``report`` decoded."""
    where = f" WHERE base = {quote_literal(base)}" if base is not None else ""
    columns = (
        "run_id, base, mode, status, started, finished, source_path, source_checksum, version_schema, "
        "rows::text, quality_before, quality_after, config_hash, tool_version, error, report::text"
    )
    rows = fetch_all(cursor, f"SELECT {columns} FROM {RUNS}{where} ORDER BY started, run_id")
    names = [part.strip().split("::")[0] for part in columns.split(",")]
    result = []
    for row in rows:
        data = dict(zip(names, row, strict=True))
        for key in ("rows", "report"):
            data[key] = json.loads(data[key]) if data[key] is not None else None
        result.append(data)
    return result


def tool_version() -> str:
    """The version of columnar_etl recorded with every run."""

    return __version__


def config_hash(settings: Settings) -> str:
    """A short, stable hash of the effective settings (passwords masked), to tell runs' configs apart."""
    text = json.dumps(settings.masked(), sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def sql_value(value: Any) -> str:
    """A Python value as a PostgreSQL literal: text quoted, dicts / lists as ``jsonb``, None as NULL."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else f"'{value}'::float8"
    if isinstance(value, datetime):
        return f"{quote_literal(value.isoformat())}::timestamptz"
    if isinstance(value, dict | list):
        # jsonb refuses \u0000 escapes; a NUL can only come from an error text, where it carries nothing.
        text = json.dumps(jsonable(value), ensure_ascii=False).replace("\\u0000", "")
        return f"{quote_literal(text)}::jsonb"
    return quote_literal(str(value).replace("\x00", ""))


def jsonable(value: Any) -> Any:
    """``value`` with only JSON types inside: dates as ISO text, decimals and NaN / infinity as text."""
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)
