"""Why the target refused a connection, and what to do about it: over a connection limit, a server
not taking connections, none listening, no password, no SSL, an unknown service, the wrong encoding
(:func:`connection_refused`, the error every connect of :mod:`.connect` raises)."""

from __future__ import annotations

import re

from columnar_etl.config import mask_uri
from columnar_etl.errors import TargetError
from columnar_etl.pg.server_errors import first_line


def over_connection_limit(exc: Exception) -> bool:
    """Did the server refuse a connection over a connection limit (:data:`_TOO_MANY_CONNECTIONS`)?"""
    reason = first_line(exc)
    return any(words in reason for words in _TOO_MANY_CONNECTIONS)


#: What PostgreSQL says refusing a connection over a limit (SQLSTATE 53300, which libpq's text of a
#: failed connect does not carry): a role's or database's CONNECTION LIMIT, max_connections, the slots
#: reserved for superusers.
_TOO_MANY_CONNECTIONS = (
    "too many connections for",
    "too many clients already",
    "connection slots are reserved",
)


#: What PostgreSQL says refusing a connection for its state, not the client's (SQLSTATE 57P03,
#: 55000): a server starting, stopping or recovering (a failover, a restart), a database closed to
#: connections.
_NOT_TAKING_CONNECTIONS = (
    "the database system is starting up",
    "the database system is shutting down",
    "the database system is in recovery mode",
    "the database system is not yet accepting connections",
    "the database system is not accepting connections",
    "is not currently accepting connections",
)


#: What libpq says when nothing listens where it connects (TCP's refusal; a Unix socket's file missing):
#: a server stopped, restarting, or never there (a wrong port).
_NO_SERVER = ("Connection refused", "failed: No such file or directory")


#: What libpq says when the server asks a password and it has none (no ``PGPASSWORD``, no line of a
#: ``.pgpass`` file it reads, no ``password_command``): not a wrong one.
_NO_PASSWORD = "fe_sendauth: no password supplied"


#: What libpq says when ``sslmode`` (``require``, ``verify-ca``, ``verify-full``) asks SSL of a server that
#: takes none.
_NO_SSL = "server does not support SSL, but SSL was required"


#: What libpq says of a ``service=`` its service file does not define (or with no service file at all).
_NO_SERVICE = re.compile(r'definition of service "[^"]*" not found')


#: How :func:`connection_refused`'s message begins (:func:`refused_connection` knows it by that).
_CANNOT_CONNECT = "cannot connect to"


def connection_refused(uri: str, exc: Exception) -> TargetError:
    """The :class:`TargetError` of a connection the server (or libpq) refused: its reason, the URI
    masked, and a hint chosen by what refused it."""
    reason = first_line(exc)
    if "conversion between UTF8 and" in reason:  # MULE_INTERNAL: no conversion from the UTF-8 we send
        hint = (
            "load into a database created with ENCODING 'UTF8' "
            "(CREATE DATABASE ... ENCODING 'UTF8' TEMPLATE template0)"
        )
    elif over_connection_limit(exc):
        hint = (
            "the server took no more connections of this role or database (its CONNECTION LIMIT) or at all "
            "(max_connections): wait for other sessions to end, or raise the limit (a run opens several "
            "connections, a few at once)"
        )
    elif any(words in reason for words in _NOT_TAKING_CONNECTIONS):
        hint = (
            "the server or database takes no connections now (starting up, shutting down, recovering, or "
            "ALTER DATABASE ... ALLOW_CONNECTIONS false): run again once it does"
        )
    elif _NO_PASSWORD in reason:
        hint = (
            "the server asks this role's password and none was given: set PGPASSWORD, a line in a .pgpass "
            "file (PGPASSFILE; libpq ignores one others may read: chmod 600), or password_command"
        )
    elif _NO_SSL in reason:
        hint = (
            "the server takes no SSL connections: connect with sslmode=prefer (or disable) in --target, "
            "or turn ssl on in the server's configuration"
        )
    elif _NO_SERVICE.search(reason):
        hint = (
            "no such service in the service file: check service= in --target and the file "
            "(PGSERVICEFILE, else ~/.pg_service.conf)"
        )
    elif any(words in reason for words in _NO_SERVER):
        hint = (
            "no server answers there: is it running (stopped, or restarting)? Then check the host and port "
            "of --target (or COLUMNAR_ETL_TARGET), and run again once it answers"
        )
    else:
        hint = "check the host, port, user and password of --target (or COLUMNAR_ETL_TARGET)"
    return TargetError(f"{_CANNOT_CONNECT} {mask_uri(uri)}: {reason}", hint=hint)


def refused_connection(exc: BaseException) -> bool:
    """Whether ``exc`` is :func:`connection_refused`'s: no connection to the target could be opened."""
    return isinstance(exc, TargetError) and exc.message.startswith(f"{_CANNOT_CONNECT} ")
