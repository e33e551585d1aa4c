"""The export's schema objects beside its tables that the target does not get: indexes and triggers.

Views are named by the catalogue itself (:func:`columnar_etl.source.schema_objects.views`). An index is
carried when the target builds one on the same columns: the table's key (its primary key) or a single
reference column (a plain index); any other — a lookup index, a second UNIQUE constraint, an index on
an expression — is named, with the uniqueness the target then does not enforce. A trigger acts on
writes to the export; the target's tables are written once, by the load, with the values the trigger
left, so it is named, not translated (its SQL is SQLite's). Neither is a warning: no data is missing.
"""

from __future__ import annotations

from collections.abc import Mapping

from columnar_etl.models import TableProfile
from columnar_etl.source.schema_objects import SourceIndex


def indexes_not_copied(
    indexes: tuple[SourceIndex, ...], tables: Mapping[str, TableProfile]
) -> dict[str, str]:
    """Each index of a loaded table that the target gets no index for, with what it is and why.

    ``tables``: the profiled tables, their keys and references found; an index of a table not loaded
    (a virtual table's storage, an unreadable one) is not named: the table is, already."""
    found: dict[str, str] = {}
    for index in indexes:
        table = tables.get(index.table)
        if table is None:
            continue
        # A column named twice (UNIQUE (b, a, B): SQLite's index holds b twice) is one column of the key.
        columns = list(dict.fromkeys(index.columns))
        if columns == table.key:
            continue  # the primary key (or the key's index), at least as strict
        single = columns[0] if len(columns) == 1 else None
        if not index.unique and single is not None and single in table.columns and table[single].foreign_key:
            continue  # the reference column's own index
        why = f"{index.describe()}: not copied"
        if index.unique:
            why += " (the target does not enforce its uniqueness)"
        found[index.name] = why
    return found


def triggers_not_copied(triggers: Mapping[str, str]) -> dict[str, str]:
    """Each trigger of the export, with the table it acts on and why it is not copied."""
    return {
        name: f"trigger on {table!r}: not copied (it acts on writes to the export, and its SQL is SQLite's)"
        for name, table in triggers.items()
    }
