"""Quoting of SQL identifiers and literals, shared by the DuckDB and PostgreSQL sides.

Export column names carry spaces, hyphens, ``?`` and ``#`` (``"TKT-Created Time"``) and a hostile export
could name a table ``x"; DROP TABLE y; --``: every name that reaches SQL goes through :func:`quote_ident`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from columnar_etl.errors import ConfigError, EtlError

#: PostgreSQL keeps this many bytes of an identifier (NAMEDATALEN - 1) and silently cuts the rest.
MAX_IDENTIFIER_BYTES = 63
#: Columns a PostgreSQL table can have (MaxHeapAttributeNumber); SQLite allows 2000 by default.
MAX_TABLE_COLUMNS = 1600
#: What to do about a table wider than that (the preflight's refusal and the COPY's say the same).
WIDE_TABLE_HINT = 'leave columns out (`mask = "drop"` in [columns]) or split the table in the export'
_HASH_CHARS = 8
#: The schema of the ledger (runs, versions, who loaded what): no base schema may take its name.
LEDGER_SCHEMA = "columnar_etl"
#: What a version schema adds to its base: ``_v20250101_000000`` plus room for a ``_99`` collision suffix.
VERSION_SUFFIX_BYTES = len("_v20250101_000000_99")


def quote_ident(name: str) -> str:
    """Quote ``name`` as a SQL identifier (``a"b`` → ``"a""b"``), valid in DuckDB and PostgreSQL."""
    if "\x00" in name:
        raise EtlError(
            f"identifier {name!r} contains a NUL byte", hint="rename the table or column in the export"
        )
    return '"' + name.replace('"', '""') + '"'


#: A name PostgreSQL writes without quotes unless ``quote_all_identifiers`` is on, quoted.
_NEEDLESSLY_QUOTED = re.compile(r'"([a-z_][a-z0-9_$]*)"')


def type_name(written: str) -> str:
    """A type's name as ``format_type`` writes it by default (``text``, ``numeric(18,2)``), also when
    the session had ``quote_all_identifiers`` on (a role's or a database's setting: ``"text"``). Only
    compared, never run: a name of lower-case letters, digits and ``_`` loses its quotes."""
    return _NEEDLESSLY_QUOTED.sub(r"\1", written)


def check_base(base: str) -> str:
    """``base`` when it can name the stable schema and prefix its versions; :class:`ConfigError` if not.

    Here, below the settings, so that the ``base_schema`` setting is refused as it is read (before a
    run reads the export), as ``--base`` is, not first at the load.
    """
    limit = MAX_IDENTIFIER_BYTES - VERSION_SUFFIX_BYTES
    if not base or "\x00" in base or len(base.encode()) > limit:
        raise ConfigError(
            f"base schema name {base!r} must be 1 to {limit} bytes without NUL",
            hint=f"version schemas add {VERSION_SUFFIX_BYTES} bytes and PostgreSQL keeps 63",
        )
    if base == LEDGER_SCHEMA or base.startswith("pg_") or base == "information_schema":
        raise ConfigError(f"base schema name {base!r} is reserved", hint="choose another --base")
    return base


def qualified(schema: str, name: str) -> str:
    """``schema.name`` with both parts quoted."""
    return f"{quote_ident(schema)}.{quote_ident(name)}"


def quote_literal(value: str) -> str:
    """Quote ``value`` as a SQL string literal (``it's`` → ``'it''s'``).

    A value holding a backslash is an escape string with the backslash doubled (``a\\b`` →
    ``E'a\\\\b'``), as PostgreSQL's own ``quote_literal()`` writes it: a plain literal means the same
    only while ``standard_conforming_strings`` is on, and a role or database may turn it off, which
    made ``\\n`` in a source path a newline in the ledger and ``\\"`` in a column name's JSON invalid
    (every run failed at the ledger). DuckDB reads both forms alike."""
    if "\x00" in value:
        raise EtlError(f"string literal {value!r} contains a NUL byte")
    quoted = "'" + value.replace("'", "''") + "'"
    return "E" + quoted.replace("\\", "\\\\") if "\\" in value else quoted


def short_identifier(name: str, attempt: int = 0) -> str:
    """``name`` if PostgreSQL keeps it whole, else a deterministic short form of at most 63 bytes.

    The short form is the name's first bytes (cut at a character boundary) + ``_`` + 8 hex digits of
    the sha256 of the whole name: two names equal in their first 63 bytes get different short forms,
    and the same name gets the same one in every run. ``attempt`` > 0 varies the hash (a collision).
    """
    if attempt == 0 and len(name.encode()) <= MAX_IDENTIFIER_BYTES:
        return name
    salted = name if attempt == 0 else f"{name}\x00{attempt}"
    digest = hashlib.sha256(salted.encode()).hexdigest()[:_HASH_CHARS]
    prefix = name.encode()[: MAX_IDENTIFIER_BYTES - _HASH_CHARS - 1].decode(errors="ignore")
    return f"{prefix}_{digest}"


def short_identifiers(names: Iterable[str]) -> dict[str, str]:
    """``{name: name as created in PostgreSQL}`` for names that live side by side (a table's columns,
    a schema's tables): too-long ones shortened by :func:`short_identifier`, unique among them all."""
    names = list(names)
    taken = {name for name in names if len(name.encode()) <= MAX_IDENTIFIER_BYTES}
    mapping: dict[str, str] = {}
    for name in names:
        short, attempt = short_identifier(name), 0
        while short != name and short in taken:
            attempt += 1
            short = short_identifier(name, attempt)
        taken.add(short)
        mapping[name] = short
    return mapping
