"""Connections to the target: ADBC DB-API connections, a transaction block, error text.

The ADBC driver is imported when a connection is opened, not with this module, so that modules which
only might connect stay light to import.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from columnar_etl.config import mask_secrets, mask_uri
from columnar_etl.errors import TargetError


def connect(uri: str, *, autocommit: bool = False) -> Any:
    """Open an ADBC DB-API connection; :class:`TargetError` with the URI masked when it fails."""
    import adbc_driver_manager
    import adbc_driver_postgresql.dbapi as pg_dbapi

    try:
        return pg_dbapi.connect(uri, autocommit=autocommit)
    except adbc_driver_manager.Error as exc:
        raise TargetError(
            f"cannot connect to {mask_uri(uri)}: {first_line(exc)}",
            hint="check the host, port, user and password of --target (or COLUMNAR_ETL_TARGET)",
        ) from exc


@contextmanager
def transaction(uri: str) -> Iterator[Any]:
    """A connection whose work is committed when the block succeeds and rolled back when it raises."""
    conn = connect(uri, autocommit=False)
    try:
        yield conn
        conn.commit()
    except BaseException:
        rollback_quietly(conn)
        raise
    finally:
        conn.close()


def rollback_quietly(conn: Any) -> None:
    """Roll back, ignoring a connection that is already dead."""
    import adbc_driver_manager

    # The connection may be dead already (terminated backend); the server rolls back on its side then.
    with suppress(adbc_driver_manager.Error):
        conn.rollback()


def first_line(exc: BaseException) -> str:
    """The first line of an error's text, secrets masked: what a one-line message quotes."""
    text = str(exc).strip().splitlines()
    return mask_secrets(text[0] if text else type(exc).__name__)
