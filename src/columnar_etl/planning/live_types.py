"""The live version's types kept where a new export's values fit them (quarterly loads).

Types follow each export's values, so one column's type could flip between quarters: a postcode is
text one quarter (``0171``) and bigint the next (no leading zero this time), a column empty this
quarter takes its declared type. A flip breaks the dashboards' SQL (``WHERE code = '0171'`` against a
bigint). So a run's plan, made when the target is reachable and a version of the base is live, keeps a
column's live type L (same table, same target column name) where every present value of the new
export's column converts to L without loss under the cleaning rules, and says so in a note. It acts as
a ``type`` override that falls back silently to the profile's type where the values do not fit; an
operator's own ``type`` (or ``formats``, a ``mask``, ``trim = false``) wins. A sampled profile does not
see every value: its plan keeps the profile's types. A live ``numeric`` kept for a column of integers
keeps the live column's fraction digits (a live ``numeric(18,2)`` of amounts whole this quarter prints
``12.00``; uint64 ids of a ``numeric(38,0)`` none), at least those the profile plans them with.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from columnar_etl.config import ColumnOverride, Settings
from columnar_etl.models import ColumnProfile, Profile
from columnar_etl.pg.column_names import column_mapping
from columnar_etl.pg.identifiers import quote_ident, short_identifiers
from columnar_etl.planning.build import (
    NO_NUMBER_READING,
    as_bytes,
    default_reading_order,
    least_scale,
    whole_digits,
)
from columnar_etl.planning.overrides import apply_override, column_overrides
from columnar_etl.planning.plan import ColumnPlan, Plan, PlanType, ReadingOrder

#: The plan type of each loaded PostgreSQL type (``format_type`` less its modifiers: ``numeric(18,2)``
#: is a ``numeric``, its scale read by :func:`_scale`).
LOADED_TYPES: dict[str, PlanType] = {
    "text": "text",
    "bigint": "integer",
    "double precision": "double",
    "numeric": "numeric",
    "timestamp without time zone": "timestamp",
    "timestamp with time zone": "timestamptz",
    "date": "date",
    "time without time zone": "time",
    "boolean": "boolean",
    "bytea": "bytea",
}
#: The instant epoch integers count from.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: The largest integer every double holds exactly (2^53).
EXACT_DOUBLE_INTEGER = 2**53


def keep_live_types(
    plan: Plan, profiled: Profile, live: Mapping[str, Mapping[str, str]], settings: Settings
) -> tuple[Plan, tuple[str, ...]]:
    """``plan`` (built from ``profiled``) with each column typed as the live version loaded it
    (``live``: per loaded table, loaded column → PostgreSQL type) where its values fit that type
    (:func:`fits_live_type`), and one note per column so kept (also added to the plan's notes)."""
    if profiled.sample is not None:
        return plan, ()
    overrides = column_overrides(profiled, settings.columns, plan.column_names)
    order = default_reading_order(profiled, settings)
    loaded_tables = short_identifiers(plan.tables)
    notes: list[str] = []
    tables = dict(plan.tables)
    for name, table in plan.tables.items():
        found = profiled.tables.get(name)
        live_table = live.get(loaded_tables.get(name, name))
        if found is None or found.sampled_rows is not None or live_table is None:
            continue
        loaded = column_mapping([c.output_name for c in table.columns], plan.column_names)
        columns = []
        for column in table.columns:
            loaded_type = live_table.get(loaded.get(column.output_name, column.output_name), "")
            kind = LOADED_TYPES.get(loaded_type.partition("(")[0])
            seen = found.columns.get(column.name)
            if (
                kind is not None
                and kind != column.type
                and seen is not None
                and not _decides_type(overrides.get(name, {}).get(column.name))
                and fits_live_type(kind, column, seen)
            ):
                kept = _as_live(column, kind, seen, order, _scale(loaded_type))
                notes.append(
                    f"{name}.{column.name}: kept the live version's type {kept.pg_type}; "
                    f"its values alone would read as {column.pg_type}{no_dates_read(kept, seen)}"
                )
                column = kept
            columns.append(column)
        tables[name] = replace(table, columns=tuple(columns))
    return replace(plan, tables=tables, notes=plan.notes + tuple(notes)), tuple(notes)


def fits_live_type(kind: PlanType, column: ColumnPlan, seen: ColumnProfile) -> bool:
    """True when every present value of ``seen`` (planned as ``column``) converts to ``kind`` without
    loss under the cleaning rules: an empty column always; text unless it holds BLOB cells (each value
    kept as its trimmed text); bigint when its cells are INTEGER or the profile reads them as integers;
    double precision those within 2^53, and INTEGER and REAL cells (a REAL is a double already);
    numeric any integers; timestamp dates read from text (each day its midnight); timestamptz epoch
    integers of one unit beside their 0 or -1 for "no date" (each the instant it counts); dates,
    booleans, bytea never from another type. A column cleaning keeps as written (a key), masks or
    keeps padded is left as planned."""
    if column.mask is not None or column.keeps_padding:
        return False
    if seen.valid_count + seen.invalid_count == 0:
        return True
    if seen.storage_classes.get("blob"):
        return False
    if kind == "text":
        return True
    classes = {storage for storage, cells in seen.storage_classes.items() if cells}
    integers = not seen.invalid_count and (column.type == "integer" or classes == {"integer"})
    if kind in ("integer", "numeric"):
        return integers
    if kind == "double":
        # A REAL cell is a double: a column of REAL and INTEGER cells that the profile now reads as
        # numeric (declared DECIMAL: its REALs are decimals as written) keeps a live double, every bit.
        numbers = integers or (not seen.invalid_count and classes <= {"integer", "real"})
        bounds = (seen.min, seen.max)
        return numbers and all(
            isinstance(bound, int | float) and abs(bound) <= EXACT_DOUBLE_INTEGER for bound in bounds
        )
    if kind == "timestamp":
        # A day is the timestamp of its midnight: dates read from text (by the date plan's own formats,
        # so the same values are read or quarantined) keep a live timestamp column.
        return column.type == "date" and column.epoch_unit is None and classes <= {"text"}
    if kind == "timestamptz":
        # Epoch instants of one unit save a 0 or -1 for "no date" (a job killed before it ended): alone
        # they stay integers; beside a live column of instants each is the instant it counts, as is every
        # other value, and the column keeps its type.
        return column.type == "integer" and seen.epoch_beside_no_dates is not None and classes == {"integer"}
    return False


def _decides_type(override: ColumnOverride | None) -> bool:
    """True when the operator's override says what type the column is (its own ``type``, ``formats``
    that make it dates, a mask, text kept padded): it wins over the live type."""
    return override is not None and (
        override.type is not None
        or bool(override.formats)
        or override.mask is not None
        or override.trim is False
    )


def _scale(loaded_type: str) -> int | None:
    """The fraction digits of a loaded ``numeric(p,s)`` (None: another type, or a numeric of no size)."""
    match = re.fullmatch(r"numeric\(\d+,(\d+)\)", loaded_type)
    return int(match.group(1)) if match else None


def _as_live(
    column: ColumnPlan, kind: PlanType, seen: ColumnProfile, order: ReadingOrder, live_scale: int | None
) -> ColumnPlan:
    """``column`` read as ``kind``, as a ``type`` override reads it (:func:`apply_override`)."""
    if kind == "bytea":
        return replace(as_bytes(column), origin="live")
    override = ColumnOverride(type=kind)  # every plan type but bytea (above) is an override type
    if kind == "timestamp" and column.type == "date":  # the date plan's formats read its days
        override = ColumnOverride(type=kind, formats=list(column.formats), date_order=column.date_order)
    # Whole numbers kept numeric get the live column's fraction digits (amounts of cents: `12.00`; uint64
    # ids of numeric(38,0): none), at least as many as the profile plans them with (a profile live types
    # act on is never sampled).
    least = max(least_scale(seen, sampled=False), live_scale or 0)
    typed = apply_override(column, override, order, seen.max_scale, whole_digits(seen), least)
    if kind == "text":  # its values kept as their text: no number is read in it
        typed = replace(typed, **NO_NUMBER_READING)
    if kind == "timestamptz" and seen.epoch_beside_no_dates is not None:  # read in the note's unit
        typed = replace(typed, epoch_unit=seen.epoch_beside_no_dates[0])
    return replace(typed, origin="live")


def no_dates_read(column: ColumnPlan, seen: ColumnProfile) -> str:
    """What a live ``timestamptz`` kept for epoch integers beside their "no date" makes of that value
    (`` (0 for no date: read as the instant it counts, 1970-01-01 00:00:00 UTC; the value or NULL is
    NULLIF("c", TIMESTAMPTZ '1970-01-01 00:00:00+00'))``), else ``''``."""
    if column.type != "timestamptz" or column.epoch_unit is None or seen.epoch_beside_no_dates is None:
        return ""
    per_second = {"seconds": 1, "milliseconds": 1_000, "microseconds": 1_000_000}[column.epoch_unit]
    said, expression = [], quote_ident(column.output_name)
    for value in seen.epoch_beside_no_dates[1]:
        moment = EPOCH + timedelta(microseconds=value * 1_000_000 // per_second)
        text = f"{moment:%Y-%m-%d %H:%M:%S.%f}".rstrip("0").rstrip(".")
        said.append(f"{value} for no date: read as the instant it counts, {text} UTC")
        expression = f"NULLIF({expression}, TIMESTAMPTZ '{text}+00')"
    return f" ({'; '.join(said)}; the value or NULL is {expression})"
