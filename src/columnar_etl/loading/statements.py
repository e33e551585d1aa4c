"""One statement at a time on the loader's ADBC cursor, a driver error turned into :class:`LoadError`.

The bottom of the loader: :mod:`~columnar_etl.loading.schemas` and
:mod:`~columnar_etl.loading.dependents` run everything through these.
"""

from __future__ import annotations

from typing import Any

from columnar_etl.errors import LoadError
from columnar_etl.pg.server_errors import error_hint, statement_head
from columnar_etl.pg.server_errors import pg_error_text as pg_error_text


def execute(cursor: Any, sql: str, *, table: str | None = None, column: str | None = None) -> None:
    """Run one statement; a driver error becomes :class:`LoadError` with its first line and the context."""
    import adbc_driver_manager

    try:
        cursor.execute(sql)
    except adbc_driver_manager.Error as exc:
        raise LoadError(
            f"{pg_error_text(exc, sql)} (while running: {statement_head(sql)})",
            table=table,
            column=column,
            hint=error_hint(exc, "nothing was committed; the live version is unchanged"),
        ) from exc


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
            f"{pg_error_text(exc, sql)} (while running: {statement_head(sql)})",
            table=table,
            hint=error_hint(exc, "nothing was committed; the live version is unchanged"),
        ) from exc
