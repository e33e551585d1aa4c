"""A replayed or saved plan (``clean --plan``) against the export it now cleans: where it types a column other
than this export's own plan would, and the plan with this export's facts (REAL cells, storage classes,
encodings) taken from its profile."""

from __future__ import annotations

from dataclasses import replace

from columnar_etl.models import Profile
from columnar_etl.planning.build import as_bytes
from columnar_etl.planning.plan import ColumnPlan, Plan


def plan_differences(used: Plan, profiled: Plan, profile: Profile | None = None) -> list[str]:
    """Where ``used`` (a replayed or saved plan) types a column other than the plan of this export's
    own profile does, one line each: its values are read as ``used`` says (every change audited), but
    the export may no longer be what that plan was made for (a ZIP code column of leading zeros).

    A column in which ``profile`` (of this export) finds BLOB cells is no such column: it is loaded as
    bytea whatever ``used`` says (:func:`fitted_to_export`), and its line says so.
    """
    found = []
    for name, table in used.tables.items():
        fresh = profiled.tables.get(name)
        for column in table.columns:
            if holds_blobs(column, profile, name):
                found.append(
                    f"{name}.{column.name}: the plan reads it as {column.pg_type}, but this export holds "
                    "BLOB cells there: loaded as bytea (as its profile types it), every cell byte for byte"
                )
                continue
            if fresh is None or column.name not in fresh.column_names:
                continue
            now = fresh[column.name]
            if now.pg_type != column.pg_type:
                found.append(
                    f"{name}.{column.name}: the plan reads it as {column.pg_type}, this export's profile as "
                    f"{now.pg_type}; every value the plan's type changes is audited"
                )
    return found


def fitted_to_export(plan: Plan, profiled: Profile | None) -> Plan:
    """``plan`` (replayed from another run, or saved) with the facts of the export it now cleans.

    A plan says how to read each column (``reals``: REAL cells, read with all 17 digits;
    ``mixed_classes``: each cell's storage class carried, so a BLOB stays bytes; ``invalid_encoding``:
    raw bytes carried for the audit) as the export it was made from held them. Another export may hold
    more: those facts are taken from ``profiled``, a profile of every row of this export, or assumed
    where there is none (the read is then only slower). A numeric column's scale was measured on the
    other export's values: each value is checked against it (``numeric_scale`` quarantines one with
    more fraction digits) instead of rounded. A column ``profiled`` finds BLOB cells in is read as
    bytea, the type a fresh profile gives it (:func:`holds_blobs`): when in doubt, the wider type.
    """
    tables = {}
    for name, table in plan.tables.items():
        found = profiled.tables.get(name) if profiled is not None and profiled.sample is None else None
        if found is not None and found.sampled_rows is not None:
            found = None  # a sample's classes are not every row's
        columns = []
        for column in table.columns:
            if holds_blobs(column, profiled, name):
                column = as_bytes(column)
            seen = found.columns.get(column.name) if found is not None else None
            if seen is None:
                reals = invalid_encoding = mixed_classes = blob_numerals = True
            else:
                classes = {kind for kind, cells in seen.storage_classes.items() if cells}
                reals = column.reals or "real" in classes
                invalid_encoding = column.invalid_encoding or seen.issue_count("invalid_encoding") > 0
                mixed_classes = column.mixed_classes or len(classes) > 1
                blob_numerals = column.blob_numerals or seen.blob_numerals > 0
            columns.append(
                replace(
                    column,
                    reals=reals,
                    invalid_encoding=invalid_encoding,
                    mixed_classes=mixed_classes,
                    blob_numerals=blob_numerals,
                    checks_scale=column.checks_scale or (column.type == "numeric" and not column.rounds),
                )
            )
        tables[name] = replace(table, columns=tuple(columns))
    return replace(plan, tables=tables)


def holds_blobs(column: ColumnPlan, profiled: Profile | None, table: str) -> bool:
    """True when ``column`` (of a replayed or saved plan) is not read as bytea, yet ``profiled`` (even a
    sample: one BLOB cell proves the column holds bytes) finds BLOB cells in it.

    Read as text, such a cell would be decoded (a valid UTF-8 one loaded as text, unaudited; another
    decoded by the encoding fallback or quarantined), where a fresh profile keeps it as bytes. A hashed
    column is the operator's: it stays text (the hash is of its cleaned text).
    """
    if profiled is None or column.type == "bytea" or column.mask is not None:
        return False
    found = profiled.tables.get(table)
    seen = found.columns.get(column.name) if found is not None else None
    return seen is not None and bool(seen.storage_classes.get("blob"))
