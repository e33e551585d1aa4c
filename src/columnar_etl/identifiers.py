"""Quoting of SQL identifiers and literals, shared by the DuckDB and PostgreSQL sides.

Export column names carry spaces, hyphens, ``?`` and ``#`` (``"TKT-Created Time"``) and a hostile export
could name a table ``x"; DROP TABLE y; --``: every name that reaches SQL goes through :func:`quote_ident`.
"""

from __future__ import annotations

from columnar_etl.errors import EtlError


def quote_ident(name: str) -> str:
    """Quote ``name`` as a SQL identifier (``a"b`` → ``"a""b"``), valid in DuckDB and PostgreSQL."""
    if "\x00" in name:
        raise EtlError(
            f"identifier {name!r} contains a NUL byte", hint="rename the table or column in the export"
        )
    return '"' + name.replace('"', '""') + '"'


def qualified(schema: str, name: str) -> str:
    """``schema.name`` with both parts quoted."""
    return f"{quote_ident(schema)}.{quote_ident(name)}"


def quote_literal(value: str) -> str:
    """Quote ``value`` as a SQL string literal (``it's`` → ``'it''s'``)."""
    if "\x00" in value:
        raise EtlError(f"string literal {value!r} contains a NUL byte")
    return "'" + value.replace("'", "''") + "'"
