"""Candidate foreign keys between the export's tables, and their orphan references.

A column is a candidate reference when its name, without the export's table prefix, names another
table's key (``CMT-Ticket ID`` → ``TKT-Ticket ID``); it is one when it holds integers and at least half
of its values are found in the parent. Orphans, values with no parent row, are an issue of the child
column (``orphan_reference``).

The counting (one anti-join per candidate, in DuckDB) needs only the names, so the profiler runs it
while the tables are still being profiled; :func:`find_orphans` then keeps the candidates the
profiles confirm.
"""

from __future__ import annotations

import re

from columnar_etl.models import Issue, TableProfile
from columnar_etl.profile_sql import orphan_sql
from columnar_etl.source import Source

#: A candidate foreign key needs this share of its values found in the parent to count as one.
MIN_REFERENCE_OVERLAP = 0.5


def _normalised_key(name: str) -> str:
    # "TKT-Ticket ID" and "CMT-Ticket ID" both name a "ticketid": drop the export's table prefix.
    tail = name.split("-", 1)[1] if "-" in name else name
    return re.sub(r"[^a-z0-9]", "", tail.lower())


def _table_key(src: Source, table: str, profile: TableProfile | None) -> str | None:
    """The table's key: its single declared primary key, else a first column named like an id that
    holds integers (``profile`` None: before profiling, the candidate whatever its type)."""
    info = src.table(table)
    keys = [c.name for c in info.columns if c.primary_key]
    if len(keys) == 1:
        return keys[0]
    first = info.columns[0].name if info.columns else None
    integer = profile is None or (first is not None and profile[first].inferred_type == "integer")
    if first and _normalised_key(first).endswith("id") and integer:
        return first
    return None


#: (child table, child column, parent table, parent key)
Reference = tuple[str, str, str, str]
#: A reference's (values checked, orphans, a few orphan values)
OrphanCount = tuple[int, int, list[str] | None]


def reference_candidates(src: Source, tables: list[str]) -> list[Reference]:
    """References whose orphans :func:`find_orphans` may count, known from names alone, so they can be
    counted while the tables are still being profiled (a superset: types are checked afterwards)."""
    keys: dict[str, list[tuple[str, str]]] = {}
    for name in tables:
        key = _table_key(src, name, None)
        if key is not None:
            keys.setdefault(_normalised_key(key), []).append((name, key))
    return [
        (child, column, parent, key)
        for child in tables
        for column in src.table(child).column_names
        for parent, key in keys.get(_normalised_key(column), [])
        if parent != child
    ]


def count_orphans(src: Source, reference: Reference) -> OrphanCount:
    """How many of the child's integer references have no row in the parent (one query)."""
    child, column, parent, key = reference
    sql = orphan_sql(src.relation_sql(child), column, src.relation_sql(parent), key)
    checked, orphans, examples = src.connection.cursor().execute(sql).fetchone() or (0, 0, None)
    return int(checked), int(orphans), examples


def find_orphans(
    src: Source, tables: dict[str, TableProfile], counted: dict[Reference, OrphanCount] | None = None
) -> None:
    """Detect candidate foreign keys by name and value overlap; record orphans on the child columns.

    ``counted``: orphan counts already taken (by :func:`count_orphans`); others are counted here.
    """
    parents = {}
    for name, table in tables.items():
        key = _table_key(src, name, table)
        if key is not None:
            parents[_normalised_key(key)] = (name, key)
    for child_name, child in tables.items():
        for column in child:
            parent = parents.get(_normalised_key(column.name))
            if parent is None or parent[0] == child_name or column.inferred_type != "integer":
                continue
            reference = (child_name, column.name, parent[0], parent[1])
            known = (counted or {}).get(reference)
            checked, orphans, examples = known if known is not None else count_orphans(src, reference)
            if not checked or (checked - orphans) / checked < MIN_REFERENCE_OVERLAP:
                continue
            column.foreign_key = f"{parent[0]}.{parent[1]}"
            if orphans:
                column.issues.append(
                    Issue(
                        "orphan_reference",
                        int(orphans),
                        tuple(sorted(str(v) for v in examples or []))[:5],
                        detail=f"no row in {parent[0]} with this {parent[1]}",
                    )
                )
