"""Connections to the target: ADBC DB-API connections, a transaction block, error text.

The ADBC driver is imported when a connection is opened, not with this module, so that modules which
only might connect stay light to import.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from functools import cache, partial
from typing import Any, TypeVar

from columnar_etl.config import run_password_command
from columnar_etl.errors import TargetError
from columnar_etl.pg.conninfo import with_default
from columnar_etl.pg.refused_connections import connection_refused, over_connection_limit
from columnar_etl.pg.server_errors import (
    COMMIT_REFUSED_HINT,
    error_hint,
    first_line,
    pg_error_text,
    server_message,
    statement_head,
)

#: Seconds libpq waits to open a connection when the target does not say (``connect_timeout``): an
#: unreachable host fails in seconds, not after the system's TCP timeout. The preflight's own
#: default (``preflight_connect_timeout``) is the same, so its connections share one database object.
CONNECT_TIMEOUT = 10

#: Options of every ADBC database of the target. ``builtin``: the driver maps PostgreSQL's built-in types
#: from a table of its own instead of reading the server's catalogue when the database is created: the
#: whole of ``pg_attribute`` (every column of every table in the database, so the more version schemas
#: and other tables the target holds, the longer) and ``pg_type`` three times. Every column the run
#: writes or reads is of a built-in type; one of another (a record, an extension's type) arrives as its
#: binary form instead of failing. On the embedded server (~20 tables): 0.11-0.19 s -> 0.004-0.010 s
#: per database (the preflight's check of the target, on the run's path before the profile).
DATABASE_OPTIONS = {"adbc.postgresql.type_resolver_mode": "builtin"}
#: Seconds a connection the server refuses over a connection limit is tried again (SQLSTATE 53300: a
#: role's or database's CONNECTION LIMIT, max_connections; :func:`_opened`). A session of ours that
#: has just closed counts until its backend has exited, and the preflight's checks connect on threads
#: at once: a role limited to one connection (a service account) failed a run now and then, in the
#: preflight or at the load's connect. Past this wait, the refusal stands (:func:`refused`).
SLOT_WAIT_SECONDS = 5.0
#: The first pause between those tries; each next one twice as long, at most :data:`SLOT_PAUSE_MAX`.
SLOT_PAUSE = 0.01
SLOT_PAUSE_MAX = 0.25

_databases: dict[str, Any] = {}  # URI → AdbcDatabase
_shared: dict[str, Any] = {}  # URI → its AdbcDatabase as the DB-API shares it (see connect)
_databases_lock = threading.Lock()
#: Held while a connection of a shared database opens or closes, the DB-API's (:func:`connect`) and
#: the low-level one's (:func:`reading`) alike: the PostgreSQL driver counts its database's open
#: connections in a plain integer (``PostgresDatabase::open_connections_``), so two threads opening and
#: closing at once could lose a count, and a later close failed with "INTERNAL: [libpq] Open connection
#: count underflowed" (seen in the readers-during-cutover test; and, until 2026-12-06, when
#: the preflight's threaded checks read through :func:`reading` unlocked: a quarter sequence's canary
#: run halted in its target_encoding check, and every close after it in the process failed).
_connections_lock = threading.RLock()


def connect(uri: str, *, autocommit: bool = False) -> Any:
    """Open an ADBC DB-API connection; :class:`TargetError` with the URI masked when it fails."""
    import adbc_driver_manager
    import adbc_driver_manager.dbapi as dbapi

    target, database = _database(uri)
    with _databases_lock:
        # The DB-API closes the database a connection was given when the connection closes, unless it
        # is given one it shares: this module holds one reference of it, each connection another.
        shared = _shared.get(target)
        if shared is None:
            shared = _shared[target] = dbapi._SharedDatabase(database)
    conn = _opened(uri, lambda: adbc_driver_manager.AdbcConnection(database))
    try:
        connection = _connection_class()(shared, conn, autocommit=autocommit)
    except BaseException:
        with _connections_lock:
            conn.close()
        raise
    try:
        _lift_timeouts(connection, autocommit=autocommit)
    except BaseException:
        connection.close()
        raise
    return connection


#: The session settings that cut a statement, a lock wait or an open transaction short, and which a
#: role or database may set (``ALTER ROLE ... SET statement_timeout = '1s'``, meant for dashboards).
#: A load holds one transaction open while it reads and cleans the export and COPYs table after table:
#: with them, a big export failed after minutes of work ("canceling statement due to statement
#: timeout", the session terminated for idling in its transaction). Off on every connection this
#: package writes through, as pg_dump and pg_restore turn them off; the waits for a lock that the
#: loader does want bounded it sets itself (setting ``target_lock_wait``). ``transaction_timeout`` is
#: PostgreSQL 17's: the query sets only the ones the server knows. ``exit_on_error`` ends the session at
#: its first error, one a PL/pgSQL block of the loader's catches too: a lock wait given up, a dashboard
#: template failing on a candidate, the preflight's dry run; a refusal by a gate (exit 3) was a failure
#: (exit 1) then. Off (``'0'``, a boolean's false) likewise. ``quote_all_identifiers`` quotes every name
#: the server writes as text, the catalogue's type names too (``format_type``: ``"text"``, ``"date"``):
#: the load's validation compared the types it made with the types it expects, and refused every simple
#: load (exit 3, "expected text, found "text""). Off likewise: the names the loader reads are then
#: written as PostgreSQL writes them by default (quoted where they must be).
TIMEOUT_SETTINGS = (
    "statement_timeout",
    "lock_timeout",
    "idle_in_transaction_session_timeout",
    "idle_session_timeout",
    "transaction_timeout",
    "exit_on_error",
    "quote_all_identifiers",
)
_TIMEOUTS_SET = (
    f"FROM pg_catalog.pg_settings WHERE name IN ({', '.join(repr(name) for name in TIMEOUT_SETTINGS)})"
)
_NOT_OFF = "setting NOT IN ('0', 'off')"  # as pg_settings shows an off timeout, and an off boolean
#: Off for the current transaction only (``SET LOCAL``): what a connection in a transaction runs at its
#: start and after each commit or rollback (the driver begins the next transaction at once).
_LIFT_IN_TRANSACTION = f"SELECT pg_catalog.set_config(name, '0', true) {_TIMEOUTS_SET} AND {_NOT_OFF}"
#: Off for the session (a connection in autocommit: each statement its own transaction) ...
_LIFT_IN_SESSION = f"SELECT pg_catalog.set_config(name, '0', false) {_TIMEOUTS_SET} AND {_NOT_OFF}"
#: ... and back to the role's and database's values when it closes.
_RESTORE_SESSION = (
    f"SELECT pg_catalog.set_config(name, reset_val, false) {_TIMEOUTS_SET} AND setting <> reset_val"
)


def _lift_timeouts(connection: Any, *, autocommit: bool) -> None:
    """Turn :data:`TIMEOUT_SETTINGS` off on ``connection``: for each of its transactions when it is not
    in autocommit (again after each commit and rollback, see :func:`_connection_class`), else for its
    session until it closes.

    Never for longer: behind a pooler in transaction mode (PgBouncer's ``pool_mode = transaction``)
    the server's session outlives the connection and serves the role's other clients next, a
    dashboard's among them; a lift for the session stayed there ("statement_timeout 0" for every
    client of the pool after a run), and the next transaction of ours could run on a session that
    never lifted them."""
    import adbc_driver_manager

    try:
        _run_quietly(connection, _LIFT_IN_SESSION if autocommit else _LIFT_IN_TRANSACTION, quiet=False)
    except adbc_driver_manager.Error as exc:
        raise TargetError(
            f"connected, but cannot set the session's timeouts: {first_line(exc)}",
            hint=error_hint(exc, "check the role's permissions on the database"),
        ) from exc
    connection.timeouts_lifted = "session" if autocommit else "transaction"


def _run_quietly(connection: Any, sql: str, *, quiet: bool = True) -> None:
    """Run ``sql`` on ``connection`` and read its rows; with ``quiet``, a driver error is ignored (the
    connection's next statement reports a broken connection)."""
    import adbc_driver_manager

    try:
        cursor = connection.cursor()
        try:
            cursor.execute(sql)
            cursor.fetchall()
        finally:
            cursor.close()
    except adbc_driver_manager.Error:
        if not quiet:
            raise


@cache
def _connection_class() -> type:
    """The DB-API connection whose close holds :data:`_connections_lock` (made on first use: the
    DB-API module imports pyarrow)."""
    import adbc_driver_manager
    import adbc_driver_manager.dbapi as dbapi

    class Connection(dbapi.Connection):
        #: How :func:`_lift_timeouts` lifted the timeouts: for each "transaction", for the "session",
        #: or not yet ("").
        timeouts_lifted = ""

        def commit(self) -> None:
            super().commit()
            self._lift_again()

        def rollback(self) -> None:
            super().rollback()
            self._lift_again()

        def _lift_again(self) -> None:
            if self.timeouts_lifted == "transaction":  # the next transaction began: its own lift
                try:
                    _run_quietly(self, _LIFT_IN_TRANSACTION, quiet=False)
                except adbc_driver_manager.Error:
                    # Cancelled (a statement_timeout below what the lift takes): the transaction it
                    # aborted is undone, so that the next statement fails for that cause itself, not
                    # with "the connection is in an error state; first rollback".
                    with suppress(adbc_driver_manager.Error):
                        super().rollback()

        def close(self) -> None:
            if self.timeouts_lifted == "session" and not self._closed:
                self.timeouts_lifted = ""
                _run_quietly(self, _RESTORE_SESSION)
            with _connections_lock:
                super().close()

    return Connection


def _database(uri: str, connect_timeout: int | None = None) -> tuple[str, Any]:
    """The connection string of ``uri`` (:func:`_conninfo`) and its ADBC database, created once per
    process and connection string and kept open: creating one connects (and checks the server's
    version), while a connection of an existing one opens in ~5 ms, and every run connects several
    times (preflight, "already loaded?", the load, the ledger). Imports no pyarrow (the DB-API module
    does). The database knows PostgreSQL's types from the driver's own table (:data:`DATABASE_OPTIONS`)."""
    import adbc_driver_postgresql

    run_password_command(uri)  # deferred until a connection needs it; once, whichever thread asks first
    target = _conninfo(uri, connect_timeout)
    with _databases_lock:  # one creation per URI, even when two threads connect at once
        database = _databases.get(target)
        if database is None:
            database = _databases[target] = _opened(
                uri, lambda: adbc_driver_postgresql.connect(target, db_kwargs=DATABASE_OPTIONS), lock=False
            )
    return target, database


T = TypeVar("T")


def _opened(uri: str, open_one: Callable[[], T], *, lock: bool = True) -> T:
    """What ``open_one`` opens: a connection (with ``lock``: under :data:`_connections_lock`), or the
    database object, whose creation connects. A refusal over a connection limit is tried again for at
    most :data:`SLOT_WAIT_SECONDS`, the lock not held while it waits. Any other refusal, or that one
    past the wait: :class:`TargetError` (:func:`refused`)."""
    import adbc_driver_manager

    deadline = time.monotonic() + SLOT_WAIT_SECONDS
    pause = SLOT_PAUSE
    while True:
        try:
            with _connections_lock if lock else nullcontext():
                return open_one()
        except adbc_driver_manager.Error as exc:
            if not over_connection_limit(exc) or time.monotonic() + pause > deadline:
                raise connection_refused(uri, exc) from exc
        time.sleep(pause)
        pause = min(2 * pause, SLOT_PAUSE_MAX)


def _conninfo(uri: str, connect_timeout: int | None = None) -> str:
    """``uri`` with a ``connect_timeout`` (``connect_timeout``, else :data:`CONNECT_TIMEOUT`) and
    ``client_encoding`` UTF8 unless it sets them. Arrow text is UTF-8, and libpq's default is the
    database's encoding, so a LATIN1 database would store the UTF-8 bytes of ``café`` as five
    characters (``cafÃ©``) instead of converting them."""
    timeout = str(CONNECT_TIMEOUT if connect_timeout is None else connect_timeout)
    return with_default(with_default(uri, "connect_timeout", timeout), "client_encoding", "UTF8")


def query_rows(uri: str, sql: str, *, connect_timeout: int | None = None) -> list[tuple[Any, ...]]:
    """The rows of one read-only query on a connection of its own (see :func:`reading`)."""
    with reading(uri, connect_timeout=connect_timeout) as rows:
        return rows(sql)


@contextmanager
def reading(
    uri: str, *, connect_timeout: int | None = None
) -> Iterator[Callable[[str], list[tuple[Any, ...]]]]:
    """A connection (autocommit) for a few small queries: yields a function giving a query's rows.

    The low-level ADBC API and ``nanoarrow`` read them without importing pyarrow and Polars, which
    the DB-API connection does (~0.7 s: on the preflight's path, before the profile). A failed
    connection is :class:`TargetError` as from :func:`connect`, naming ``uri`` as given (not with
    the ``connect_timeout`` added); a failed query is :class:`TargetError` too, with the server's
    message (:func:`pg_error_text`) and the statement's head.
    """
    import adbc_driver_manager

    _, database = _database(uri, connect_timeout)
    conn = _opened(uri, lambda: adbc_driver_manager.AdbcConnection(database))
    try:
        yield partial(_rows, conn)
    finally:
        with _connections_lock:
            conn.close()


def _rows(conn: Any, sql: str) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` on the low-level connection ``conn``, as tuples of Python values."""
    import adbc_driver_manager
    import nanoarrow

    try:
        with adbc_driver_manager.AdbcStatement(conn) as statement:
            statement.set_sql_query(sql)
            stream, _ = statement.execute_query()
            return list(nanoarrow.ArrayStream(stream).read_all().iter_tuples())
    except (adbc_driver_manager.Error, RuntimeError) as exc:
        # One line with the server's message, as a statement of the loader's: was the driver's whole
        # text ("UNAUTHORIZED: [libpq] Failed to execute query: could not begin COPY: ERROR: ...",
        # "IO: Failed to prepare query: FATAL: ..."; nanoarrow's RuntimeError for one failing as its
        # rows are read: "ArrowArrayStream::get_next() failed (5): [libpq] ... ERROR: ..."), hinted
        # "run again with --debug".
        raise TargetError(
            f"{pg_error_text(exc, sql)} (while running: {statement_head(sql)})",
            hint=error_hint(exc, "nothing was changed; check the role's rights on what it reads"),
        ) from exc


@contextmanager
def transaction(uri: str, *, committed: Callable[[], None] | None = None) -> Iterator[Any]:
    """A connection whose work is committed when the block succeeds and rolled back when it raises;
    ``committed`` is called the moment the commit returned (before the connection closes).

    A COMMIT the target refuses (a deferred constraint trigger of a DBA's, a serialization failure, the
    connection lost) raises the driver's own error, not a statement's: it is a
    :class:`~columnar_etl.errors.TargetError` here, so that every command ends with its one line and
    its record, as for any statement the target refuses; the transaction was rolled back.
    """
    import adbc_driver_manager

    conn = connect(uri, autocommit=False)
    try:
        yield conn
        try:
            commit(conn, committed)
        except adbc_driver_manager.Error as exc:
            raise TargetError(
                f"the target refused the commit: {server_message(exc) or first_line(exc)}",
                hint=error_hint(exc, COMMIT_REFUSED_HINT),
            ) from exc
    except BaseException:
        rollback_quietly(conn)
        raise
    finally:
        conn.close()


def commit(conn: Any, committed: Callable[[], None] | None = None) -> None:
    """Commit ``conn``'s transaction, then call ``committed``: also when an interrupt cut in and the
    commit happened all the same.

    Python runs a signal's handler (Ctrl-C, SIGTERM: ``KeyboardInterrupt``) between bytecodes, so one
    that arrives while the driver waits for the server's COMMIT is raised the moment the call returns,
    the transaction committed: the interrupt alone cannot say whether it was. The server can: a
    transaction that wrote has a transaction id until it ends, so on the same connection (no new one
    while the operator waits) ``txid_current_if_assigned()`` is NULL only if the commit happened.
    A connection that cannot answer any more counts as not committed (the server rolls back a
    transaction whose connection died before its COMMIT).
    """
    try:
        conn.commit()
    except KeyboardInterrupt:
        if committed is not None and _committed_after_all(conn):
            committed()
        raise
    if committed is not None:
        committed()


def _committed_after_all(conn: Any) -> bool:
    """Whether the transaction of ``conn`` (one that wrote) is committed; see :func:`commit`."""
    import adbc_driver_manager

    try:
        cursor = conn.cursor()
        try:
            cursor.execute("SELECT txid_current_if_assigned() IS NULL")
            row = cursor.fetchone()
        finally:
            cursor.close()
    except adbc_driver_manager.Error:
        return False
    return bool(row and row[0])


def rollback_quietly(conn: Any) -> None:
    """Roll back, ignoring a connection that is already dead."""
    import adbc_driver_manager

    # The connection may be dead already (terminated backend); the server rolls back on its side then.
    with suppress(adbc_driver_manager.Error):
        conn.rollback()
