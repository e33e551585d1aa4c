"""The plan built from a profile (:func:`build_plan`): per column the PostgreSQL type it becomes and how its
text is read, from what the profile already knows (the inferred type, the date formats it saw in the
column's order, the numeric scale and digits, the null tokens it used), then the settings' overrides
(:mod:`.overrides`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from columnar_etl.config import ColumnNames, Settings, load_settings
from columnar_etl.errors import ConfigError
from columnar_etl.models import DATE_TYPES, ColumnProfile, EpochUnit, Profile
from columnar_etl.pg.column_names import column_mapping
from columnar_etl.pg.identifiers import MAX_IDENTIFIER_BYTES, short_identifiers
from columnar_etl.planning.overrides import apply_override, column_overrides, known_formats
from columnar_etl.planning.plan import (
    MIN_NUMERIC_SCALE,
    NUMERIC_PRECISION,
    WIDE_NUMERIC_PRECISION,
    ColumnPlan,
    Plan,
    ReadingOrder,
    TablePlan,
)
from columnar_etl.profiling.affinity import declared_scale, declares_amounts
from columnar_etl.rules.epochs import EPOCH_MICROS, EPOCH_MILLIS, epoch_units
from columnar_etl.rules.numbers import whole_digits as bound_digits


def build_plan(
    profile: Profile,
    *,
    settings: Settings | None = None,
    column_names: ColumnNames | None = None,
) -> Plan:
    """The cleaning plan of a profiled export, with ``settings.columns`` overrides applied.

    Types and date formats are the profile's; the date order is the one the profile read the column in
    (its evidence, or ``date_order_default`` when none); null tokens are the ones it profiled with.
    """
    settings = settings or load_settings()
    null_tokens = tuple(profile.settings.get("null_tokens") or settings.null_tokens)
    default_order = default_reading_order(profile, settings)
    resolved = column_overrides(profile, settings.columns, column_names or settings.column_names)
    notes: list[str] = list(profile.renamed_notes)  # names the readers could not take
    tables: dict[str, TablePlan] = {}
    for table in profile.tables.values():
        overrides = resolved.get(table.name, {})
        columns = []
        for column in table:
            plan = column_plan(column, null_tokens, default_order, sampled=profile.sample is not None)
            if column.name in overrides:
                try:
                    plan = apply_override(
                        plan, overrides[column.name], default_order, column.max_scale, whole_digits(column)
                    )
                except ConfigError as exc:  # which table's column: names repeat across tables
                    exc.table = exc.table or table.name
                    raise
                notes.append(f"{table.name}.{column.name}: overridden by settings ({plan.type})")
            if plan.as_written:
                notes.append(f"{table.name}.{column.name}: loaded as written: {column.as_written}")
            elif not plan.trim and column.name in overrides and overrides[column.name].trim is False:
                notes.append(f"{table.name}.{column.name}: text kept with its padding (trim = false)")
            elif not plan.trim:
                notes.append(
                    f"{table.name}.{column.name}: one-character marks: a lone blank among them is a mark, "
                    "kept as written"
                )
            if not plan.empty_is_null and not plan.as_written:
                notes.append(f"{table.name}.{column.name}: '' kept as a value (empty_is_null = false)")
            elif plan.keeps_layout:
                notes.append(
                    f"{table.name}.{column.name}: documents ({_layout(column)}): loaded byte for byte, "
                    "none trimmed (trim = true trims them)"
                )
            columns.append(plan)
        rows = table.sampled_rows or table.row_count
        row_bytes = sum(c.bytes for c in table) // max(1, rows)
        tables[table.name] = TablePlan.of(table.name, columns, row_bytes)
        if columns and not tables[table.name].columns:
            # PostgreSQL has tables of no column, but no COPY into one: it failed as a syntax error.
            raise ConfigError(
                "every column of the table is masked with drop: nothing of it would be loaded",
                table=table.name,
                hint='keep at least one of its columns (mask = "hash", or no mask)',
            )
    built = Plan(tables=tables, source=str(profile.source), quality=profile.quality, notes=tuple(notes))
    built.check_salt(settings.mask_salt)
    named = built.with_column_names(column_names or settings.column_names)
    return replace(named, notes=named.notes + long_name_notes(named))


def _layout(column: ColumnProfile) -> str:
    """The profile's mark of a column of documents (``line_terminated``, ``indented`` or
    ``break_padded``) or of paragraphs indented (``paragraph_indented``)."""
    if column.indented:
        return "indented"
    if column.paragraph_indented:
        return "paragraph_indented"
    return "line_terminated" if column.line_terminated else "break_padded"


def default_reading_order(profile: Profile, settings: Settings) -> ReadingOrder:
    """The order slash dates are read in where a column proves none: the profile's setting, else
    ``settings.date_order_default``."""
    return cast(ReadingOrder, profile.settings.get("date_order_default") or settings.date_order_default)


#: A column's number readings switched off (no decimal comma, no thousands separator, no digit
#: groups): what a column read as bytes or loaded as written reads numbers with.
NO_NUMBER_READING: dict[str, Any] = {
    "decimal_comma": False,
    "thousands_separator": False,
    "digit_groups": None,
}


def as_bytes(column: ColumnPlan) -> ColumnPlan:
    """``column`` read as a fresh profile reads a column with BLOB cells: bytea (an INTEGER, REAL or
    TEXT cell among them becomes the UTF-8 bytes of its text, audited ``as_bytes``)."""
    return replace(
        column,
        type="bytea",
        formats=(),
        date_order=None,
        scale=None,
        epoch_unit=None,
        **NO_NUMBER_READING,
        rounds=False,
        checks_scale=False,
        precision=NUMERIC_PRECISION,
        as_written=False,
        keeps_layout=False,
        keeps_documents=False,
    )


def long_name_notes(plan: Plan) -> tuple[str, ...]:
    """What the loader will call tables and output columns longer than PostgreSQL's 63 bytes, and
    columns named like one of its system columns (``xmin``, ``ctid`` …: :func:`column_mapping`).

    Found here, at plan time, by the function the loader uses (:func:`short_identifiers`), so the plan
    in the run record says in advance which names change and to what.
    """
    notes = [
        f"table {table!r} is over {MAX_IDENTIFIER_BYTES} bytes: loaded as {short!r}"
        for table, short in short_identifiers(plan.tables).items()
        if short != table
    ]
    for table in plan.tables.values():
        outputs = [column.output_name for column in table.columns]
        columns, loaded = short_identifiers(outputs), column_mapping(outputs, plan.column_names)
        notes += [
            f"{table.name}.{name}: over {MAX_IDENTIFIER_BYTES} bytes, loaded as {short!r}"
            if short != name
            else f"{table.name}.{name}: PostgreSQL's name of a system column, loaded as {loaded[name]!r}"
            for name, short in columns.items()
            if loaded.get(name, short) != name
        ]
    return tuple(notes)


def column_plan(
    column: ColumnProfile, null_tokens: tuple[str, ...], default_order: ReadingOrder, *, sampled: bool = False
) -> ColumnPlan:
    """One column's plan from its profile.

    A sampled profile may not have seen every date format the column holds, so its plan also tries the
    other known formats (after the seen ones) rather than quarantine a valid value it never sampled.
    """
    kind = column.inferred_type
    classes = column.storage_classes
    plan = ColumnPlan(
        name=column.name,
        type=kind,
        output_name=column.name,
        # A token the column holds as one of its values (a country code NA) is no NULL there; MySQL's
        # zero date stored as a DEFAULT 0 (ColumnProfile.zero_dates) is NULL as its text is.
        null_tokens=column.read_as_null(null_tokens),
        reals=bool(classes.get("real")),
        invalid_encoding=column.issue_count("invalid_encoding") > 0,
        # A sample may not have seen every class the column holds (a BLOB among text): each cell's is read.
        # So is a bytea column's of TEXT cells alone (binary data written as TEXT): each is audited
        # ``as_bytes``, which the cleaner tells by the cell's class.
        mixed_classes=len(classes) > 1 or sampled or (kind == "bytea" and bool(classes.get("text"))),
        blob_numerals=column.blob_numerals > 0,
        # A comma is read only as the profile proved it (a sampled profile's unseen 1,234 is then
        # quarantined, not guessed).
        decimal_comma=column.comma == "decimal",
        thousands_separator=column.comma == "thousands",
        digit_groups=column.digit_groups,
        # Documents: loaded byte for byte, as the profile counted them (none padded).
        keeps_layout=column.layout_kept and kind == "text",
        # Documents (values of several lines): loaded byte for byte, as the profile counted them.
        keeps_documents=kind == "text" and not column.documents_trimmed,
        # Kept as written (the operator's trim = false, or one-character marks whose lone blank is a
        # mark: profiling.marks), as the profile counted it.
        trim=not (column.padding_kept and kind == "text"),
        # Windows-1252 punctuation read as Latin-1, repaired as the profile read it (rule windows_1252).
        windows_1252=column.windows_1252_repaired > 0 and kind != "bytea",
    )
    if column.as_written is not None:
        # Its distinct values stay distinct: text, as the source wrote it (see ColumnPlan.as_written).
        return replace(
            plan,
            type="text",
            null_tokens=(),
            **NO_NUMBER_READING,
            as_written=True,
            keeps_layout=False,
            windows_1252=False,
            keeps_documents=False,
        )
    if kind in DATE_TYPES:
        order: ReadingOrder = default_order
        if column.date_order == "day_first" or column.date_order == "month_first":
            order = column.date_order
        elif column.export_date_order is not None:  # the column proves nothing, the export does
            order = column.export_date_order
        if isinstance(column.min, int) and not isinstance(column.min, bool) and column.min:
            # The profile's unit: the one its bounds allow (a declared date's 1950 milliseconds are
            # negative), else the one its digits name (a date-like name's 2001 to 2033).
            # The profile's own, where it says (seconds beside a 9999-12-31 stand-in for no end fit
            # milliseconds by their bounds).
            units = epoch_units(column.min, column.max) if isinstance(column.max, int) else []
            unit: EpochUnit = "seconds"
            if column.epoch_unit is not None:
                unit = column.epoch_unit
            elif len(units) == 1:
                unit = cast(EpochUnit, units[0])
            elif column.min >= EPOCH_MICROS[0]:
                unit = "microseconds"
            elif column.min >= EPOCH_MILLIS[0]:
                unit = "milliseconds"
            # An epoch names an instant: timestamptz (a plan of before 2026-12-01 said timestamp); a
            # date where the profile found each a midnight UTC in a DATE column (the day it names).
            return replace(plan, type="date" if kind == "date" else "timestamptz", epoch_unit=unit)
        formats = list(column.date_formats)
        if sampled or not formats:
            formats += [f for f in known_formats(order, zoned=kind == "timestamptz") if f not in formats]
        return replace(plan, formats=tuple(formats), date_order=order)
    if kind == "numeric":
        whole = whole_digits(column)
        # At least the least scale, as room allows: a sampled profile's integers of 37 and 38 digits
        # leave one and none of the 38 (they were quarantined as overflowing).
        room = max(0, min(least_scale(column, sampled=sampled), WIDE_NUMERIC_PRECISION - whole))
        scale = max(room, column.max_scale or 0)
        digits = whole + scale
        return replace(
            plan,
            scale=scale,
            precision=NUMERIC_PRECISION if digits <= 18 else WIDE_NUMERIC_PRECISION,
            # A sample may not have seen the value with the most fraction digits: cleaning checks, and
            # quarantines one with more rather than round it.
            checks_scale=sampled,
        )
    return plan


def least_scale(column: ColumnProfile, *, sampled: bool) -> int:
    """The fewest fraction digits a numeric column of ``column``'s values is planned with: none where
    every value is a whole number (no fraction digit written in any value, no REAL cell: integers
    beyond bigint, uint64 ids, 20-digit account numbers), so each prints as written
    (``9223372036854775808``, not ``….00``); else :data:`MIN_NUMERIC_SCALE` (money).

    A sampled profile keeps :data:`MIN_NUMERIC_SCALE`: it may not have seen a value with fraction
    digits, and cleaning checks every value against the scale (``checks_scale``) and quarantines one
    with more; scale 0 would quarantine an unseen ``12.50`` that scale 2 loads as written.

    A declared scale above 0 gets the money scale too and is the least (``DECIMAL(10,4)``: 4): the
    application's amounts have as many fraction digits, those it wrote as ``12.5`` or NUMERIC affinity
    stored as the INTEGER 12 included. So does a column with no value yet declared for amounts
    (:func:`~columnar_etl.profiling.affinity.declares_amounts`: also Django's and Rails' bare
    ``decimal``), planned for its first ``12.50`` (until 2026-12-05 ``numeric(18,0)``, which the next
    export's first fraction changed). A bare ``decimal`` with values goes by them: csvkit declares
    every number column so, its ids and counts included."""
    declared = declared_scale(column.declared_type) or 0
    empty = not column.valid_count + column.invalid_count
    amounts = declared > 0 or (empty and declares_amounts(column.declared_type))
    if sampled or (column.max_scale or 0) or column.storage_classes.get("real") or amounts:
        return max(MIN_NUMERIC_SCALE, declared)
    return 0


def whole_digits(column: ColumnProfile) -> int:
    """Digits before the point of the column's widest number: by its profiled bounds, or as the
    profile counted them on its text where that is more (bounds are doubles: 10^37, 38 digits, is
    the double 9999…538762658202121142272, 37, and a numeric(38,1) sized so quarantined it)."""
    counted = column.max_whole_digits or 0
    if not isinstance(column.min, int | float) or not isinstance(column.max, int | float):
        return max(1, counted)
    return max(bound_digits(column.min, column.max), counted)
