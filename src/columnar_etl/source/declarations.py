"""What a table's ``CREATE TABLE`` statement declares beyond ``PRAGMA table_info``: a column's choices
(``CHECK (x IN (...))``) and the columns it declares ``NULL``, read from the statement's SQL."""

from __future__ import annotations

import re

_CHECK_IN = re.compile(
    r"""\bCHECK\s*\(\s*(?:"((?:[^"]|"")+)"|`([^`]+)`|\[([^\]]+)\]|([A-Za-z_][A-Za-z0-9_$]*))\s+IN\s*\("""
    r"""\s*((?:'(?:[^']|'')*'\s*,\s*)*'(?:[^']|'')*')\s*\)\s*\)""",
    re.IGNORECASE,
)


_QUOTED = re.compile(r"'((?:[^']|'')*)'")


def declared_choices(sql: str | None) -> dict[str, tuple[str, ...]]:
    """The values each column's ``CHECK (column IN ('a', 'b', ...))`` in a ``CREATE TABLE`` statement
    allows, by the column's name lower-cased (a column constraint or a table constraint, the name bare
    or quoted; string literals only, ``''`` read as one quote). A CHECK of any other form says nothing
    here. Two such CHECKs on one column: the values of both (each value is evidence of the column's
    domain, and a reading of the statement's text may take a CHECK inside a string for one: it can
    only make a type wider, text rather than boolean)."""
    found: dict[str, tuple[str, ...]] = {}
    for match in _CHECK_IN.finditer(sql or ""):
        quoted, ticked, bracketed, bare, values = match.groups()
        name = (quoted.replace('""', '"') if quoted else ticked or bracketed or bare).lower()
        listed = tuple(v.replace("''", "'") for v in _QUOTED.findall(values))
        found[name] = (*found.get(name, ()), *listed)
    return found


#: A ``CREATE TABLE`` statement's tokens: comments, string literals, quoted names, words, one character.
_SQL_TOKEN = re.compile(
    r"""--[^\n]*|/\*.*?(?:\*/|$)|'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]"""
    r"""|[A-Za-z_][A-Za-z0-9_$]*|\S""",
    re.DOTALL,
)


#: The first word of a table constraint in a ``CREATE TABLE``'s list, which names no column.
_TABLE_CONSTRAINTS = frozenset({"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"})


def _unquoted(name: str) -> str:
    if name[:1] in ('"', "`") and len(name) > 1:
        return name[1:-1].replace(name[0] * 2, name[0])
    if name[:1] == "[":
        return name[1:-1]
    return name


def declared_nullable(sql: str | None) -> frozenset[str]:
    """The columns a ``CREATE TABLE`` statement declares ``NULL`` (the column constraint, as in
    ``size int8 NULL``), by name lower-cased: the application says NULL is one of the column's values.
    ``NOT NULL``, ``DEFAULT NULL`` (a default, no constraint), a ``NULL`` in parentheses (a CHECK, a
    default expression), in a string or a comment, or a column named ``"NULL"`` declare nothing."""
    tokens = [t for t in _SQL_TOKEN.findall(sql or "") if not t.startswith(("--", "/*"))]
    if "(" not in tokens:
        return frozenset()
    found: set[str] = set()
    definition: list[str] = []  # the definition's words outside parentheses
    depth = 0
    for token in [*tokens[tokens.index("(") + 1 :], ","]:
        if token == "(":
            depth += 1
        elif token == ")" and depth:
            depth -= 1
        elif token in (",", ")") and not depth:
            if definition and definition[0].upper() not in _TABLE_CONSTRAINTS:
                words = [word.upper() for word in definition]
                if any(
                    word == "NULL" and words[at - 1] not in ("NOT", "DEFAULT")
                    for at, word in enumerate(words[1:], start=1)
                ):
                    found.add(_unquoted(definition[0]).lower())
            definition = []
            if token == ")":
                break
        elif not depth:
            definition.append(token)
    return frozenset(found)
