"""One statement at a time on the loader's ADBC cursor, a driver error turned into :class:`LoadError`.

The bottom of the loader: :mod:`~columnar_etl.loading.schemas` and
:mod:`~columnar_etl.loading.dependents` run everything through these.
"""

from __future__ import annotations

import re
from typing import Any

from columnar_etl.config import mask_secrets
from columnar_etl.errors import LoadError
from columnar_etl.pg.connect import error_hint, first_line, server_message

#: The severity libpq puts before a message the server sent (``FATAL:  terminating connection ...``).
_SEVERITY = re.compile(r"^(?:ERROR|FATAL|PANIC):\s+")


def execute(cursor: Any, sql: str, *, table: str | None = None, column: str | None = None) -> None:
    """Run one statement; a driver error becomes :class:`LoadError` with its first line and the context."""
    import adbc_driver_manager

    try:
        cursor.execute(sql)
    except adbc_driver_manager.Error as exc:
        raise LoadError(
            f"{pg_error_text(exc, sql)} (while running: {_statement_head(sql)})",
            table=table,
            column=column,
            hint=error_hint(exc, "nothing was committed; the live version is unchanged"),
        ) from exc


def pg_error_text(exc: BaseException, sql: str | None = None) -> str:
    """PostgreSQL's own message out of a driver error (:func:`server_message`, else its ``ERROR:  ...``
    line), else its first line.

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
        if "ERROR:" in line:
            return mask_secrets(line.split("ERROR:", 1)[1].strip())
    return first_line(exc)


def fetch_all(cursor: Any, sql: str, *, table: str | None = None) -> list[tuple[Any, ...]]:
    """Run one query through :func:`execute` and return its rows as tuples (``table``: the table the
    query is about, named in its error).

    The driver may report a query's error only when its rows are read (a lock timeout does): that
    error is wrapped like :func:`execute` does, instead of surfacing as "transaction is aborted" at the
    next statement.
    """
    import adbc_driver_manager

    execute(cursor, sql, table=table)
    try:
        return [tuple(row) for row in cursor.fetchall()]
    except adbc_driver_manager.Error as exc:
        raise LoadError(
            f"{pg_error_text(exc, sql)} (while running: {_statement_head(sql)})",
            table=table,
            hint=error_hint(exc, "nothing was committed; the live version is unchanged"),
        ) from exc


def _statement_head(sql: str) -> str:
    head = " ".join(sql.split())
    return head if len(head) <= 80 else head[:77] + "..."
