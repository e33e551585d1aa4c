"""Names as SQLite compares them: the 26 ASCII letters without regard to case, every other character
as written (``Tick`` and ``tick`` are one table; ``Ä`` and ``ä`` are two, and an export may hold both).

The operator's names of tables and columns (``--table``, ``[columns."t"."c"]``) are matched the same
way: the export's own spelling first, else the one name that equals it but for the case of ASCII
letters. A name matching none is a usage error naming the names like it.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Iterable, Sequence
from pathlib import Path

from columnar_etl.errors import UsageError

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def sqlite_key(name: str) -> str:
    """``name`` as SQLite compares it: ASCII letters lower-cased, nothing else changed."""
    return name.translate(_ASCII_LOWER)


def matching_name(name: str, names: Iterable[str]) -> str | None:
    """``name`` itself when among ``names``, else the one of ``names`` equal to it as SQLite compares
    names (:func:`sqlite_key`); None when there is none, or more than one."""
    names = list(names)
    if name in names:
        return name
    found = {other for other in names if sqlite_key(other) == sqlite_key(name)}
    return found.pop() if len(found) == 1 else None


def close_names(name: str, names: Iterable[str]) -> list[str]:
    """The names like ``name``: equal but for case (any letter's: ``ä`` for ``Ä``), then the nearest
    spellings, at most three in all."""
    names = sorted(set(names))
    cased = [other for other in names if other.casefold() == name.casefold() and other != name]
    folded: dict[str, list[str]] = {}
    for other in names:
        folded.setdefault(other.casefold(), []).append(other)
    near = [
        other
        for key in difflib.get_close_matches(name.casefold(), list(folded), n=3)
        for other in folded[key]
    ]
    return list(dict.fromkeys([*cased, *near]))[:3]


def unknown_name_hint(name: str, names: Iterable[str], what: str = "tables") -> str:
    """The hint of a refused ``name``: the names like it, then every one of ``names``."""
    names = sorted(set(names))
    hint = f"{what} are: {', '.join(names) or 'none'}"
    close = close_names(name, names)
    if close:
        shown = ", ".join(repr(other) for other in close)
        hint = f"did you mean {shown}? (SQLite ignores the case of A-Z only); {hint}"
    return hint


def resolve_tables(
    asked: Sequence[str], known: Iterable[str], *, path: str | Path | None, where: str = "the source"
) -> list[str]:
    """``asked`` (the operator's ``--table`` names) as ``known`` (the export's, or a plan's) spells
    them, each once, in order (:func:`matching_name`); :class:`UsageError` (exit 64) naming the first
    table that matches none."""
    known = list(known)
    resolved: list[str] = []
    for name in asked:
        found = matching_name(name, known)
        if found is None:
            raise UsageError(
                f"no such table in {where}", path=path, table=name, hint=unknown_name_hint(name, known)
            )
        if found not in resolved:
            resolved.append(found)
    return resolved
