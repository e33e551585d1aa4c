"""Version schemas, the stable schema of views on the live one, and the locks that keep them consistent.

A load writes ``<base>_vYYYYMMDD_HHMMSS`` (UTC; ``_2``, ``_3`` ... when that name is taken) and never
touches it again. The stable schema ``<base>`` holds one view per table, ``<base>.tickets`` →
``SELECT * FROM <version>.tickets``; dashboards query only the views, so a cutover or rollback is a
re-pointing of views in one transaction (:mod:`~columnar_etl.loading.base_views`). ``<base>_canary``
is where a canary run loads its sample.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import partial
from typing import Any, NoReturn

from columnar_etl.errors import LoadError, TargetError
from columnar_etl.loading.statements import execute as execute
from columnar_etl.loading.statements import fetch_all as fetch_all
from columnar_etl.loading.statements import pg_error_text as pg_error_text
from columnar_etl.pg.identifiers import LEDGER_SCHEMA as LEDGER_SCHEMA
from columnar_etl.pg.identifiers import check_base as check_base
from columnar_etl.pg.identifiers import qualified, quote_ident, quote_literal
from columnar_etl.pg.identifiers import type_name as pg_type_name
from columnar_etl.pg.server_errors import LOCK_NOT_AVAILABLE_SQLSTATE, server_message

# Lock classes for pg_advisory_xact_lock(int, int): one for loads of a base, one for its views. A load
# holds the first from its start to its commit (loads of one base run one after the other, which is
# what makes the version name collision-free); cutover, rollback and prune hold the second while they
# re-point or drop, so two of them never interleave.
_LOAD_LOCK, _VIEWS_LOCK = 7301, 7302


def version_schema_name(base: str, when: datetime | None = None) -> str:
    """``<base>_vYYYYMMDD_HHMMSS`` for ``when`` (default: now), always in UTC."""
    moment = (when or datetime.now(UTC)).astimezone(UTC)
    return f"{check_base(base)}_v{moment:%Y%m%d_%H%M%S}"


def canary_schema_name(base: str) -> str:
    """``<base>_canary``: the schema a canary run loads into (inside a transaction it rolls back)."""
    return f"{check_base(base)}_canary"


def lock_base(cursor: Any, base: str, *, views: bool, wait_seconds: float) -> None:
    """Take the transaction's advisory lock of ``base`` (its loads, or its views), waiting at most so long.

    Raises :class:`LoadError` naming who to wait for (and since when) when another load / cutover holds
    it longer.
    """
    what = "cutover, rollback or prune" if views else "load"
    lock_class = _VIEWS_LOCK if views else _LOAD_LOCK
    key = f"{lock_class}, hashtext({quote_literal(base)})"
    if fetch_all(cursor, f"SELECT pg_try_advisory_xact_lock({key})")[0][0]:
        return
    # Asked before waiting: a lock timeout aborts this transaction, which then cannot ask anything.
    since = _lock_holder_since(cursor, lock_class, base)
    execute(cursor, f"SET LOCAL lock_timeout = {quote_literal(f'{int(wait_seconds * 1000)}ms')}")
    try:
        fetch_all(cursor, f"SELECT pg_advisory_xact_lock({key})")
    except LoadError as exc:
        if getattr(exc.__cause__, "sqlstate", None) != LOCK_NOT_AVAILABLE_SQLSTATE:
            raise
        running = f"is running since {since}" if since else "is running"  # since: hidden from this role
        raise LoadError(
            f"another {what} of {base!r} {running} (waited {wait_seconds:g} s)",
            hint="wait for it to finish (or raise target_lock_wait) and run again",
        ) from exc
    execute(cursor, "SET LOCAL lock_timeout = 0")


def _lock_holder_since(cursor: Any, lock_class: int, base: str) -> str | None:
    """When the transaction holding ``base``'s advisory lock started (UTC), if this role may see it."""
    rows = fetch_all(
        cursor,
        "SELECT to_char(min(a.xact_start) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') "
        "FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
        f"WHERE l.locktype = 'advisory' AND l.granted AND l.classid = {lock_class} "
        f"AND l.objid = hashtext({quote_literal(base)})::oid AND l.objsubid = 2",
    )
    return f"{rows[0][0]} UTC" if rows and rows[0][0] else None


def schema_exists(cursor: Any, schema: str) -> bool:
    """True when ``schema`` exists (committed, or created earlier in this transaction)."""
    rows = fetch_all(cursor, f"SELECT count(*) FROM pg_namespace WHERE nspname = {quote_literal(schema)}")
    return bool(rows and rows[0][0])


def new_version_schema(cursor: Any, base: str, when: datetime | None = None) -> str:
    """A free version schema name; call with the base's load lock held (see :func:`lock_base`).

    Two loads in the same second get ``..._HHMMSS`` and ``..._HHMMSS_2``. Names of versions that were
    pruned stay taken, so a name always means one version in the ledger's history. ``when`` defaults
    to now by the server's clock (as the version's ``created``), not the loading machine's.
    """
    if when is None:
        ((when,),) = fetch_all(cursor, "SELECT clock_timestamp()")
    name = version_schema_name(base, when)
    # A prefix, not LIKE: a base may hold `_`, `%` or a backslash (LIKE's escape character).
    prefix = quote_literal(name)
    taken = {
        row[0]
        for row in fetch_all(
            cursor,
            f"SELECT nspname FROM pg_namespace WHERE starts_with(nspname, {prefix}) "
            f"UNION SELECT schema_name FROM {LEDGER_SCHEMA}.versions "
            f"WHERE starts_with(schema_name, {prefix})",
        )
    }
    candidate, suffix = name, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{name}_{suffix}"
    return candidate


def table_columns(
    cursor: Any, schema: str, *, views: bool = False, modifiers: bool = False
) -> dict[str, list[tuple[str, str]]]:
    """``{table: [(column, type), ...]}`` of the tables (or the views) of ``schema``, in column order.

    One catalogue query. Types as ``format_type`` without modifiers: ``timestamp without time zone``,
    ``numeric``, ``bigint``; with ``modifiers``, as PostgreSQL declares them (``numeric(18,2)``).
    """
    return columns_by_table(fetch_all(cursor, table_columns_query(schema, views=views, modifiers=modifiers)))


def table_columns_query(schema: str, *, views: bool = False, modifiers: bool = False) -> str:
    """The catalogue query of :func:`table_columns`: rows (table, column, type) in column order."""
    kinds = "('v')" if views else "('r', 'p')"
    modifier = "a.atttypmod" if modifiers else "NULL"
    return (
        f"SELECT c.relname, a.attname, format_type(a.atttypid, {modifier}) FROM pg_attribute a "
        "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        f"WHERE n.nspname = {quote_literal(schema)} AND c.relkind IN {kinds} "
        "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum"
    )


def columns_by_table(rows: Iterable[tuple[Any, ...]]) -> dict[str, list[tuple[str, str]]]:
    """Rows of :func:`table_columns_query` as ``{table: [(column, type), ...]}``, each type as the
    server writes it by default (:func:`~columnar_etl.pg.identifiers.type_name`): the live types are
    read on a connection of :func:`~columnar_etl.pg.connect.reading`, which leaves the role's
    ``quote_all_identifiers`` as it is."""
    tables: dict[str, list[tuple[str, str]]] = {}
    for table, column, written in rows:
        tables.setdefault(str(table), []).append((str(column), pg_type_name(str(written))))
    return tables


def missing_roles(rows: Callable[[str], list[tuple[Any, ...]]], roles: list[str]) -> list[str]:
    """The names of ``roles`` that are not roles of the target's cluster, in the given order;
    ``rows`` runs a query on the target and returns its rows."""
    if not roles:
        return []
    names = ", ".join(quote_literal(role) for role in roles)
    existing = {row[0] for row in rows(f"SELECT rolname FROM pg_roles WHERE rolname IN ({names})")}
    return [role for role in roles if role not in existing]


def check_readers(cursor: Any, readers: list[str]) -> None:
    """:class:`LoadError` naming every configured reader role that does not exist.

    Called before anything is created: a GRANT to a missing role would fail only after the COPY,
    wasting the whole load.
    """
    missing = missing_roles(partial(fetch_all, cursor), readers)
    if missing:
        names = ", ".join(repr(role) for role in missing)
        raise LoadError(
            f"reader role{'s' if len(missing) > 1 else ''} {names} of `readers` "
            f"{'do' if len(missing) > 1 else 'does'} not exist on the target",
            hint=f"CREATE ROLE {quote_ident(missing[0])} LOGIN (or remove it from `readers`); "
            "nothing was created or changed",
        )


#: The tablespace the connected role's tables go to (``default_tablespace`` of the role or database, a
#: DBA's ``ALTER ROLE ... SET``) when it may not create there; NULL when it may (the database's own
#: tablespace needs no right).
UNWRITABLE_TABLESPACE_SQL = (
    "(SELECT spcname::text FROM pg_tablespace WHERE spcname = current_setting('default_tablespace') "
    "AND oid <> (SELECT dattablespace FROM pg_database WHERE datname = current_database()) "
    "AND NOT has_tablespace_privilege(oid, 'CREATE'))"
)


def tablespace_refused(user: str, tablespace: str) -> tuple[str, str]:
    """What stops ``user`` from creating tables (message, hint): :data:`UNWRITABLE_TABLESPACE_SQL`'s
    ``tablespace``."""
    return (
        f"{user}'s tables go to tablespace {tablespace!r} (default_tablespace), where it may not create",
        f"GRANT CREATE ON TABLESPACE {quote_ident(tablespace)} TO {quote_ident(user)}, or "
        f"ALTER ROLE {quote_ident(user)} SET default_tablespace = ''",
    )


def check_tablespace(cursor: Any) -> None:
    """:class:`TargetError` (:func:`tablespace_refused`) before a table is created, when the role's
    tables go to a tablespace it may not create in: the preflight's ``target_create_schema`` says so,
    but ``load`` and ``copy-raw`` have none, and ended with the driver's "permission denied for
    tablespace" and no way out."""
    ((user, tablespace),) = fetch_all(cursor, f"SELECT current_user::text, {UNWRITABLE_TABLESPACE_SQL}")
    if tablespace is not None:
        message, hint = tablespace_refused(str(user), str(tablespace))
        raise TargetError(f"{message}: nothing was created or changed", hint=hint)


def grant_readers(cursor: Any, schema: str, readers: list[str]) -> None:
    """``USAGE`` on ``schema`` and ``SELECT`` on all its tables and views for each reader role.

    Runs in the caller's transaction, so the grants become visible in the same commit as the version
    or the re-pointed views: a reader never sees a schema or view it may not read. GRANT is
    idempotent, so re-granting what a view kept through ``CREATE OR REPLACE`` is harmless.
    """
    if not readers:
        return
    roles = ", ".join(quote_ident(role) for role in readers)
    execute(cursor, f"GRANT USAGE ON SCHEMA {quote_ident(schema)} TO {roles}")
    execute(cursor, f"GRANT SELECT ON ALL TABLES IN SCHEMA {quote_ident(schema)} TO {roles}")


def drop_schema(cursor: Any, schema: str) -> None:
    """``DROP SCHEMA ... CASCADE`` (the caller's transaction)."""
    execute(cursor, f"DROP SCHEMA IF EXISTS {quote_ident(schema)} CASCADE")


def lock_schema_tables(cursor: Any, schema: str, *, wait_seconds: float) -> None:
    """ACCESS EXCLUSIVE on every table of ``schema`` (none when it does not exist), waiting for their
    readers at most ``wait_seconds`` as :func:`drop_version_schema` does (each attempt shorter than
    ``deadlock_timeout``), then :class:`LoadError` naming them: what a replacement of the schema (its
    ``DROP ... CASCADE``) takes next, which waited for a reader without end. A schema this role does
    not own is left alone: its DROP is refused anyway, and says why (the LOCK said "permission denied")."""
    owned = f"SELECT pg_has_role(nspowner, 'USAGE') FROM pg_namespace WHERE nspname = {quote_literal(schema)}"
    if fetch_all(cursor, owned) != [(True,)]:
        return
    tables = ", ".join(qualified(schema, name) for name in table_columns(cursor, schema))
    if not tables:
        return
    attempt = f"EXECUTE {quote_literal(f'LOCK TABLE {tables} IN ACCESS EXCLUSIVE MODE')};"
    try:
        execute(
            cursor,
            f"DO $$ DECLARE holders text; BEGIN {bounded_attempts(attempt, schema, wait_seconds)}END $$",
        )
    except LoadError as exc:
        raise_waited_out(
            exc,
            lambda holders: (
                f"readers held schema {schema} for more than {wait_seconds:g} s{holders}: nothing changed"
            ),
            hint="let them finish (a dashboard's open transaction) or raise target_lock_wait, and run again",
        )


#: The custom SQLSTATE that undoes a dry run's drop (:func:`drop_version_schema`).
_DRY_RUN_STATE = "CE001"


def drop_version_schema(
    cursor: Any, schema: str, *, dry_run: bool = False, wait_seconds: float | None = None
) -> str | None:
    """Drop version ``schema`` unless something columnar_etl did not make depends on it (a view of yours
    in another schema reading one of its tables, a function or table of yours inside it): then nothing
    of it is dropped and PostgreSQL's account of what holds it is returned. None: dropped (``dry_run``:
    it would be, and is not). A schema that is gone already is dropped.

    Its tables go in one ``DROP TABLE … RESTRICT``, then the schema ``RESTRICT``, in a subtransaction of
    the caller's (a ``DO`` block: an error on this connection would end the whole transaction), so a
    held version leaves the caller's other drops as they are. ``CASCADE`` dropped such a view with it.

    Readers of the version (a dashboard querying it directly, ``pg_dump``) are waited for at most
    ``wait_seconds`` (None: without end), then :class:`LoadError` naming them: the caller's transaction
    is then aborted, nothing of it dropped. Each attempt waits less than ``deadlock_timeout`` and gives
    back what it took, as :func:`point_views`'s lock does, so a reader is never cancelled as a deadlock.
    """
    tables = ", ".join(qualified(schema, name) for name in table_columns(cursor, schema))
    setting = "'columnar_etl.held'"
    drops = (f"EXECUTE {quote_literal(f'DROP TABLE {tables} RESTRICT')}; " if tables else "") + (
        f"EXECUTE {quote_literal(f'DROP SCHEMA IF EXISTS {quote_ident(schema)} RESTRICT')}; "
    )
    undo = f"RAISE SQLSTATE '{_DRY_RUN_STATE}'; " if dry_run else ""
    attempt = (
        f"BEGIN {drops}{undo}"
        f"EXCEPTION WHEN SQLSTATE '{_DRY_RUN_STATE}' THEN NULL; "
        "WHEN dependent_objects_still_exist THEN GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL; "
        f"PERFORM set_config({setting}, coalesce(NULLIF(detail, ''), SQLERRM), true); END; "
    )
    if wait_seconds is not None:
        attempt = bounded_attempts(attempt, schema, wait_seconds)
    try:
        execute(
            cursor,
            "DO $columnar_etl$ DECLARE detail text; holders text; BEGIN "
            f"PERFORM set_config({setting}, '', true); {attempt}END $columnar_etl$",
        )
    except LoadError as exc:
        cause = exc.__cause__
        if wait_seconds is not None and getattr(cause, "sqlstate", None) == LOCK_NOT_AVAILABLE_SQLSTATE:
            waited = wait_seconds
            raise_waited_out(
                exc,
                lambda holders: (
                    f"readers held version {schema} for more than {waited:g} s{holders}: nothing was dropped"
                ),
                hint="let them finish (a dashboard or pg_dump reading that version) or raise "
                "target_lock_wait, and prune again",
            )
        # Any other refusal (a DBA's event trigger on DROP, the schema another role's) names the version:
        # the statement it quoted was the drop's PL/pgSQL block ("DO $columnar_etl$ DECLARE ...").
        said = pg_error_text(cause) if cause is not None else exc.message
        raise LoadError(f"cannot drop version {schema}: {said}", hint=exc.hint) from cause
    ((held,),) = fetch_all(cursor, f"SELECT current_setting({setting}, true)")
    lines = [line.strip() for line in str(held or "").splitlines() if line.strip()]
    return "; ".join(lines) if lines else None


def bounded_attempts(attempt: str, schema: str, wait_seconds: float, *, kind: str | None = None) -> str:
    """PL/pgSQL running ``attempt`` again until it gets its locks, each try waiting less than
    ``deadlock_timeout`` (see :func:`_lock_views`); past ``wait_seconds`` it raises lock_not_available,
    its message the sessions holding a lock on a relation of ``schema`` (``pid 123 pg_dump``; of that
    ``kind`` only, a ``pg_class.relkind``)."""
    of_kind = f" AND c.relkind = {quote_literal(kind)}" if kind else ""
    return f"""DECLARE
  deadline timestamptz := clock_timestamp() + make_interval(secs => {wait_seconds:.3f});
  attempt_ms int := greatest(10, least(200,
    extract(epoch FROM pg_catalog.current_setting('deadlock_timeout')::interval) * 1000 / 2))::int;
BEGIN
  LOOP
    BEGIN
      PERFORM pg_catalog.set_config('lock_timeout', attempt_ms || 'ms', true);
      {attempt}
      EXIT;
    EXCEPTION WHEN lock_not_available THEN
      IF clock_timestamp() > deadline THEN
        SELECT pg_catalog.string_agg(DISTINCT pg_catalog.rtrim(pg_catalog.format('pid %s %s', a.pid,
          a.application_name)), ', ') INTO holders
        FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
        JOIN pg_catalog.pg_class c ON c.oid = l.relation
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE l.granted AND l.locktype = 'relation' AND l.pid <> pg_catalog.pg_backend_pid()
          AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                            WHERE d.datname = pg_catalog.current_database())
          AND n.nspname = {quote_literal(schema)}{of_kind};
        RAISE EXCEPTION '%', coalesce(holders, 'a session') USING ERRCODE = 'lock_not_available';
      END IF;
    END;
  END LOOP;
  PERFORM pg_catalog.set_config('lock_timeout', '0', true);
END;
"""


def raise_waited_out(exc: LoadError, says: Callable[[str], str], *, hint: str) -> NoReturn:
    """Raise ``exc`` again, unless the server gave up a bounded wait (``lock_not_available``): then a
    :class:`LoadError` whose message is ``says`` of the holders as the server named them (`` (pid 7
    psql)``, or ``""``), with ``hint``."""
    if getattr(exc.__cause__, "sqlstate", None) != LOCK_NOT_AVAILABLE_SQLSTATE:
        raise exc
    holders = server_message(exc.__cause__) if exc.__cause__ is not None else None
    raise LoadError(says(f" ({holders})" if holders else ""), hint=hint) from exc.__cause__
