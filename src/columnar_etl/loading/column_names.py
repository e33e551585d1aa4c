"""Target column names: as the export wrote them (default) or snake_case, with the mapping recorded.

Dashboards query the export's names quoted (``"TKT-Created Time"``), so those are the default. The
snake_case option (``tkt_created_time``) is for tools that cannot quote; the mapping goes into the
load result and the ledger, and the dashboard templates are rewritten through it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

from columnar_etl.pg.identifiers import short_identifiers

ColumnNames = Literal["export", "snake"]


def snake_case(name: str) -> str:
    """``"TKT-Created Time"`` → ``tkt_created_time``; ``"TKT-Customer #"`` → ``tkt_customer``.

    Accents are dropped (``é`` → ``e``), every run of other characters becomes one underscore, and a
    name that would start with a digit or be empty gets a ``c_`` prefix.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", ascii_name)
    snake = re.sub(r"[^a-z0-9]+", "_", spaced.lower()).strip("_")
    return snake if snake and not snake[0].isdigit() else f"c_{snake}"


def column_mapping(names: Sequence[str], style: ColumnNames) -> dict[str, str]:
    """``{export name: target name}`` for one table; snake names that collide get ``_2``, ``_3`` ...

    Names longer than PostgreSQL's 63 bytes get their deterministic short form
    (:func:`~columnar_etl.pg.identifiers.short_identifiers`) in either style.
    """
    styled = _styled(names, style)
    short = short_identifiers(styled.values())
    return {name: short[target] for name, target in styled.items()}


def _styled(names: Sequence[str], style: ColumnNames) -> dict[str, str]:
    if style == "export":
        return {name: name for name in names}
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        base = snake_case(name)
        candidate, suffix = base, 1
        while candidate in used:
            suffix += 1
            candidate = f"{base}_{suffix}"
        used.add(candidate)
        mapping[name] = candidate
    return mapping
