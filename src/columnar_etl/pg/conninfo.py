"""The target's connection string, in either form libpq reads: a URI or ``keyword=value`` pairs.

``postgresql://loader:pw@db:5432/sd?sslmode=require`` and ``host=db port=5432 user=loader password=pw
dbname=sd`` mean the same to libpq. This module splits the password off either form (so it can travel
to a child process in ``PGPASSWORD`` instead of on its command line, which ``ps`` shows to every local
user), replaces or reads the database name, and refuses any other URI scheme
(``postgresql+psycopg://``, a typo such as ``postgresq://``) before it can be used or recorded.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

#: The URI schemes libpq accepts.
SCHEMES = ("postgresql", "postgres")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-]*)://")
# libpq's conninfo grammar: keyword, optional blanks, '=', optional blanks, then a value in single quotes
# (backslash escapes ' and \) or a run of non-blank characters (backslash escapes the next one).
_PAIR = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*('(?:[^'\\]|\\.)*'|(?:[^\s'\\]|\\.)*)")


def is_uri(target: str) -> bool:
    """True when ``target`` is written as a URI (``scheme://...``), whatever the scheme."""
    return _SCHEME.match(target) is not None


def check_target(target: str) -> str:
    """``target`` when libpq can read it; ``ValueError`` (saying why, without the password) otherwise."""
    match = _SCHEME.match(target)
    if match is not None:
        if match.group(1).lower() not in SCHEMES:
            raise ValueError(
                f"unknown scheme {match.group(1)!r} in the target: write "
                "postgresql://user@host:port/dbname or host=... user=... dbname=..."
            )
        return target
    try:
        parse_keywords(target)
    except ValueError as exc:
        raise ValueError(f"{exc}: write postgresql://user@host:port/dbname or host=... dbname=...") from None
    return target


def parse_keywords(text: str) -> list[tuple[str, str]]:
    """``[(keyword, value), ...]`` of a keyword connection string; ``ValueError`` when it is not one."""
    pairs: list[tuple[str, str]] = []
    position = 0
    while text[position:].strip():
        match = _PAIR.match(text, position)
        if match is None or match.end() == position:
            raise ValueError(f"target is neither a postgresql:// URI nor keyword=value pairs (at {position})")
        raw = match.group(2)
        value = raw[1:-1] if raw.startswith("'") else raw
        pairs.append((match.group(1).lower(), re.sub(r"\\(.)", r"\1", value)))
        position = match.end()
        if position < len(text) and not text[position].isspace():
            raise ValueError(f"target is neither a postgresql:// URI nor keyword=value pairs (at {position})")
    if not pairs:
        raise ValueError("target is empty")
    return pairs


def with_default(target: str, keyword: str, value: str) -> str:
    """``target`` with libpq's ``keyword`` set to ``value`` unless it sets it already, in its own form."""
    if not is_uri(target):
        keywords = {key for key, _ in parse_keywords(target)}
        return target if keyword in keywords else f"{target} {keyword}={_quote(value)}"
    if any(key == keyword for key, _ in parse_qsl(urlsplit(target).query, keep_blank_values=True)):
        return target
    # Appended to the text as given: rebuilding the URI would drop the empty host of
    # postgresql:///dbname (a unix socket), which libpq then no longer reads as a URI.
    return f"{target}{'&' if '?' in target else '?'}{urlencode([(keyword, value)], safe='/')}"


def format_keywords(pairs: list[tuple[str, str]]) -> str:
    """Inverse of :func:`parse_keywords`: every value quoted, so any character survives."""
    return " ".join(f"{key}={_quote(value)}" for key, value in pairs)


def _quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def split_password(target: str) -> tuple[str, str | None]:
    """``(target without its password, the password)``; the password is None when it has none.

    A URI's password may sit in the user info (percent-encoded) or in a ``password=`` parameter; a
    keyword string's in its ``password`` keyword. The rest of the target is kept as it was.
    """
    if is_uri(target):
        parts = urlsplit(target)
        password = unquote(parts.password) if parts.password is not None else None
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, host = netloc.rsplit("@", 1)
            netloc = f"{userinfo.split(':', 1)[0]}@{host}"
        query = parse_qsl(parts.query, keep_blank_values=True)
        kept = [(key, value) for key, value in query if key.lower() != "password"]
        password = next((value for key, value in query if key.lower() == "password"), password)
        stripped = urlunsplit(parts._replace(netloc=netloc, query=urlencode(kept, safe="/")))
        return stripped, password or None
    pairs = parse_keywords(target)
    password = next((value for key, value in reversed(pairs) if key == "password"), None)
    if password is None:
        return target, None
    return format_keywords([(k, v) for k, v in pairs if k != "password"]), password or None


def has_password(target: str | None) -> bool:
    """True when ``target`` carries a password itself (in either form)."""
    if not target:
        return False
    try:
        return split_password(target)[1] is not None
    except ValueError:
        return False


def with_database(target: str, database: str) -> str:
    """The same connection string naming another database (percent-encoded in a URI: a name may
    hold spaces, quotes, ``/``, ``?``, ``#`` or ``%``, which libpq would refuse or read as more URI)."""
    if is_uri(target):
        return urlunsplit(urlsplit(target)._replace(path="/" + quote(database, safe="")))
    pairs = [(k, v) for k, v in parse_keywords(target) if k != "dbname"]
    return format_keywords([*pairs, ("dbname", database)])


def database_of(target: str) -> str | None:
    """The database the connection string names (None: libpq's default, the user name)."""
    if is_uri(target):
        parts = urlsplit(target)
        named = unquote(parts.path.lstrip("/"))
        return named or dict(parse_qsl(parts.query)).get("dbname")
    return next((value for key, value in reversed(parse_keywords(target)) if key == "dbname"), None)
