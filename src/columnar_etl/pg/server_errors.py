"""The target's errors as one line: the server's message, its SQLSTATE's hint, a lost connection apart."""

from __future__ import annotations

import re

from columnar_etl.config import mask_secrets

#: The hint of a COMMIT the target refused (see :func:`.connect.transaction`).
COMMIT_REFUSED_HINT = (
    "nothing was committed; the server's log says what refused it (a deferred constraint trigger, "
    "the connection lost): run again once that is resolved"
)


#: SQLSTATE ``lock_not_available``: a ``lock_timeout`` ran out (the loader's and the dumps' bounded waits).
LOCK_NOT_AVAILABLE_SQLSTATE = "55P03"


#: SQLSTATE ``read_only_sql_transaction``: the role's or database's ``default_transaction_read_only``,
#: or a standby (a failover left the URI on one): every write of every command fails so.
READ_ONLY_SQLSTATE = "25006"


READ_ONLY_HINT = (
    "the target's transactions are read-only (default_transaction_read_only of the role or database, "
    "or a standby server): ALTER ROLE ... SET default_transaction_read_only = off, or point --target at "
    "the primary"
)


#: SQLSTATE ``query_canceled`` with "statement timeout" in its message: the role's or database's
#: ``statement_timeout`` (meant for dashboards) cancelled a statement of the tool's own. The loader's
#: connections lift it (``pg.connect.TIMEOUT_SETTINGS``), but not the statement that lifts it, nor the
#: preflight's few reads of the catalogue; with a timeout below what they take (a few milliseconds, or
#: more on a busy server) they failed hinted "check the role's rights" or "... permissions".
QUERY_CANCELED_SQLSTATE = "57014"
_STATEMENT_TIMEOUT = "canceling statement due to statement timeout"


STATEMENT_TIMEOUT_HINT = (
    "nothing was changed; the role's or database's statement_timeout cancelled it: raise it for the "
    "role that loads (ALTER ROLE ... SET statement_timeout = '1min', or RESET statement_timeout)"
)


#: SQLSTATE ``out_of_memory`` with PostgreSQL's hint naming ``max_locks_per_transaction``: the shared
#: lock table is full. A version's tables are created in one transaction (complete or absent), a lock
#: each with their indexes and TOAST tables: the default (64 x max_connections) took an export of 1,500
#: tables on the embedded server; a server set lower, or busy, fails sooner.
OUT_OF_LOCKS_HINT = (
    "nothing was committed; the server's lock table is full (a version's tables are created in one "
    "transaction, a lock each): raise max_locks_per_transaction (postgresql.conf, then restart the "
    "server) and run again"
)


def _detail(exc: BaseException, field: bytes) -> str | None:
    for key, value in getattr(exc, "details", None) or ():
        if key == field and isinstance(value, bytes):
            return value.decode("utf-8", "replace")
    return None


def server_message(exc: BaseException) -> str | None:
    """PostgreSQL's own primary message of a driver error (its ``PG_DIAG_MESSAGE_PRIMARY``), secrets
    masked; None when the error carries none (the connection failed, the driver's own error). The
    error's text is no place to look for it: it quotes the whole statement, which may hold
    ``ERROR:`` itself (the ledger row of a failed run holds the run's error text)."""
    message = _detail(exc, b"PG_DIAG_MESSAGE_PRIMARY")
    return mask_secrets(message) if message is not None else None


#: What libpq or the server says of a connection the server closed under a statement (a restart or a
#: stop, a failover, ``pg_terminate_backend``, a backend that crashed): libpq's own words carry no
#: SQLSTATE, the server's ``FATAL`` is 57P01-57P03 (``admin_shutdown``, ``crash_shutdown``,
#: ``cannot_connect_now``) or of class 08 (``connection_exception``).
_CONNECTION_LOST = (
    "server closed the connection unexpectedly",
    "terminating connection due to administrator command",
    "terminating connection because of crash of another server process",
    "no connection to the server",
    "could not receive data from server",
    "could not send data to server",
    "connection to server was lost",
)


CONNECTION_LOST_HINT = (
    "the server closed the connection (a restart, a failover, its backend terminated), and rolled back "
    "what it had not committed: run again once the server takes connections"
)


def connection_lost(exc: BaseException) -> bool:
    """Whether ``exc`` says the server closed the connection under a statement."""
    state = getattr(exc, "sqlstate", None)
    if isinstance(state, str) and (state.startswith("08") or state in ("57P01", "57P02", "57P03")):
        return True
    if server_message(exc) is not None:
        # The server answered, with its own SQLSTATE: the words may be the statement's (a ledger row
        # holding a run's error text), never the connection's.
        return False
    return says_connection_lost(str(exc))


def says_connection_lost(text: str) -> bool:
    """Whether ``text`` (a driver's error, a client program's stderr) says the server closed the
    connection (:data:`_CONNECTION_LOST`)."""
    return any(words in text for words in _CONNECTION_LOST)


def error_hint(exc: BaseException, default: str) -> str:
    """The hint of a failed statement: :data:`READ_ONLY_HINT` for a write the target refused as
    read-only, :data:`STATEMENT_TIMEOUT_HINT` for one the role's statement_timeout cancelled,
    :data:`OUT_OF_LOCKS_HINT` when the server's lock table is full,
    :data:`CONNECTION_LOST_HINT` when the server closed the connection, else ``default``."""
    state = getattr(exc, "sqlstate", None)
    if state == READ_ONLY_SQLSTATE:
        return READ_ONLY_HINT
    # Without a SQLSTATE when nanoarrow reads the rows (its RuntimeError: libpq's text only).
    said = server_message(exc) if state is not None else str(exc)
    if state in (QUERY_CANCELED_SQLSTATE, None) and _STATEMENT_TIMEOUT in (said or ""):
        return STATEMENT_TIMEOUT_HINT
    if connection_lost(exc):
        # Not the data's fault nor a permission's (a COPY's hint was "fix the data or the target", the
        # timeouts' lift "check the role's permissions"): the server went away.
        return CONNECTION_LOST_HINT
    if state == "53200" and "max_locks_per_transaction" in (_detail(exc, b"PG_DIAG_MESSAGE_HINT") or ""):
        return OUT_OF_LOCKS_HINT
    if state is None and "out of shared memory" in str(exc):
        return OUT_OF_LOCKS_HINT  # the driver's own CREATE TABLE of a COPY: no fields, no hint, only text
    return default


#: The severity libpq puts before a message the server sent (``FATAL:  terminating connection ...``).
_SEVERITY = re.compile(r"^(?:ERROR|FATAL|PANIC):\s+")


_SEVERITY_WITHIN = re.compile(r"\b(?:ERROR|FATAL|PANIC):\s+")


def pg_error_text(exc: BaseException, sql: str | None = None) -> str:
    """PostgreSQL's own message out of a driver error (:func:`server_message`, else what follows its
    first ``ERROR:``, ``FATAL:`` or ``PANIC:``), else its first line.

    An error with no fields of the server's (the connection lost or terminated: libpq's own text, or a
    ``FATAL``) quotes the statement ``sql`` whole before its message ("Failed to execute query '<sql>':
    FATAL:  terminating connection ..."): what follows the statement is the message, never the
    statement, which may be long (a ledger row's whole report) or hold ``ERROR:`` itself."""
    message = server_message(exc)
    if message:
        return message
    text = str(exc)
    quoted = f"'{sql}': " if sql else None
    if quoted is not None and quoted in text:
        after = text.split(quoted, 1)[1].strip().splitlines()
        if after:
            return mask_secrets(_SEVERITY.sub("", after[0]).strip())
    for line in text.splitlines():
        # The first line with the server's severity ("IO: Failed to prepare query: FATAL:  ...").
        said = _SEVERITY_WITHIN.search(line)
        if said is not None:
            return mask_secrets(line[said.end() :].strip())
    return first_line(exc)


def statement_head(sql: str) -> str:
    """``sql`` on one line, cut to 80 characters: what an error quotes of the statement it ran."""
    head = " ".join(sql.split())
    return head if len(head) <= 80 else head[:77] + "..."


def first_line(exc: BaseException) -> str:
    """The first line of an error's text, secrets masked: what a one-line message quotes."""
    text = str(exc).strip().splitlines()
    return mask_secrets(text[0] if text else type(exc).__name__)
