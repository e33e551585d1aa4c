"""The settings' column overrides (``[columns."<table>"."<column>"]``) applied to a column's plan: a type,
date formats or their order, a scale, a mask; checked against the profile, with a hint for one naming no
column."""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from typing import Any, cast

from columnar_etl.config import ColumnNames, ColumnOverride
from columnar_etl.errors import ConfigError
from columnar_etl.models import DATE_TYPES, Profile
from columnar_etl.pg.column_names import override_names
from columnar_etl.planning.plan import (
    MIN_NUMERIC_SCALE,
    NUMERIC_PRECISION,
    WIDE_NUMERIC_PRECISION,
    ColumnPlan,
    PlanType,
    ReadingOrder,
)
from columnar_etl.rules.date_shapes import DATE_SHAPES, format_order
from columnar_etl.source.sqlite_names import matching_name

#: Override spellings that name a plan type by its PostgreSQL name.
_TYPE_ALIASES = {"bigint": "integer", "double precision": "double"}


#: strptime directives of a time of day (``%-H`` too): a format holding one reads timestamps.
_TIME_DIRECTIVE = re.compile(r"%-?[HIklMSfpTRrXc]")


def known_formats(order: ReadingOrder, *, zoned: bool = False) -> list[str]:
    """Every date/timestamp format the profiler recognises, slash dates read in ``order``: those with
    a UTC offset when ``zoned`` (a ``timestamptz`` column), the others when not."""
    return [
        shape.month_first if order == "month_first" and shape.month_first else shape.day_first
        for shape in DATE_SHAPES
        if shape.zoned == zoned
    ]


def _text_only(column: str, kind: str, setting: str, does: str, kept: str) -> None:
    """Refuse ``setting = false`` (which ``does`` what it does to text) on a column read as ``kind``,
    not text: no number or date holds padding or ``''``."""
    if kind != "text":
        raise ConfigError(
            f"{setting} = false {does}, but the column is read as {kind}",
            column=column,
            hint=f'set type = "text" to load its values as the text they are, {kept}, '
            f"or remove {setting} = false",
        )


def apply_override(
    plan: ColumnPlan,
    override: ColumnOverride,
    default_order: ReadingOrder,
    profiled_scale: int | None = None,
    profiled_whole: int = 1,
    least: int = MIN_NUMERIC_SCALE,
) -> ColumnPlan:
    """``plan`` with the fields ``override`` sets replaced (a new type resets what it does not fit).

    ``formats`` without a ``type``, on a column the profile did not read as dates, make it a date
    column of the type they read (:func:`formats_type`).

    A column made numeric without a ``scale`` gets the most fraction digits the profile saw in its
    values (``profiled_scale``, at least ``least``), and cleaning checks every value
    against it: a value with more is quarantined (``numeric_scale``), never rounded. Only a ``scale``
    set by the override rounds (audited ``rounded:<scale>``): the operator chose to lose those digits.
    ``least`` is :data:`MIN_NUMERIC_SCALE` for the operator's own ``type = "numeric"``: asked of a
    column the profile read as integers or text, it names amounts (``scale = 0`` asks for integers);
    the live version's numeric kept for whole numbers passes the live column's scale, at least
    :func:`least_scale` (0 for whole numbers).

    A ``hash`` mask makes the column text: the hash is of the trimmed text, so equal values hash equal
    whatever type the profile guessed; asking for another type as well is a :class:`ConfigError`.

    ``trim = false`` keeps a text column's padding (:attr:`ColumnPlan.trim`); on a column read as
    another type (by the profile or by ``type``) it is a :class:`ConfigError`, as the other
    contradictions are: a date or number is read from its trimmed text, and no padding of it is kept.
    ``empty_is_null = false`` keeps a text column's ``''`` as a value (:attr:`ColumnPlan.empty_is_null`);
    on a column read as another type it is refused alike: no number or date is ``''``.
    """
    if override.mask == "hash" and override.type not in (None, "text"):
        raise ConfigError(
            f'mask = "hash" writes text; it cannot be combined with type = "{override.type}"',
            column=plan.name,
            hint="remove the type override of the hashed column",
        )
    asked: str | None = override.type
    if asked is None and override.formats and plan.type not in DATE_TYPES:
        # Formats name a date column: the profile kept it text (two-digit years, a month's name in
        # Jira's `20/May/25 8:42 AM`), and formats alone were ignored without a word.
        asked = formats_type(override.formats)
    kind = cast(PlanType, _TYPE_ALIASES.get(asked or "", asked or plan.type))
    if override.mask == "hash":
        kind = "text"
    changes: dict[str, Any] = {"type": kind, "origin": "override"}
    if kind != "text":
        changes["as_written"] = False  # the operator's type is read by its rules
        changes["keeps_layout"] = False  # a date or number is read from its trimmed text
        changes["keeps_documents"] = False
        changes["trim"] = True  # a date or number is read from its trimmed text (marks: no text)
    elif plan.type != "text" and not plan.as_written:
        # Made text by the operator (a column the profile read as bytes or numbers): its documents are
        # kept as every text column's are (a value of several lines, its NUL bytes removed).
        changes["keeps_documents"] = True
    if override.trim is not None:
        # The operator's trim = true trims documents too; trim = false keeps blanks as values as well.
        changes["keeps_layout"] = False
        changes["keeps_documents"] = False
    if kind != plan.type:
        changes.update(
            formats=(), date_order=None, scale=None, epoch_unit=None, rounds=False, checks_scale=False
        )
    if kind in DATE_TYPES:
        # Formats of one order (``%m/%d/%Y``) say the column's order: a date only in the other one
        # (``13/04/2024``) is quarantined as ``other_date_order``, as the profile scores it.
        said = override.date_order or format_order(override.formats or ())
        order = said or plan.date_order or default_order
        formats = (
            override.formats
            or (plan.formats if kind == plan.type else ())
            or known_formats(order, zoned=kind == "timestamptz")
        )
        if override.date_order and not override.formats and kind == plan.type and plan.date_order != order:
            formats = tuple(_reorder(f, order) for f in plan.formats)
        if kind != "timestamptz" and any("%z" in fmt or "%Z" in fmt for fmt in formats):
            raise ConfigError(
                f"a format with %z or %Z reads a UTC offset, which a {kind} column cannot hold",
                column=plan.name,
                hint='set type = "timestamptz" (a format without %z then reads its text as UTC)',
            )
        changes.update(date_order=order, formats=tuple(formats))
    if kind == "numeric":
        scale = override.scale if override.scale is not None else plan.scale
        if scale is None:  # the profile did not make it numeric: as many digits as its values had
            scale = max(least, profiled_scale or 0)
        # Wide enough for the values' whole digits (helper 23: 2^63 - 1 made numeric was quarantined
        # as overflowing numeric(18,2)).
        wide = profiled_whole + scale > NUMERIC_PRECISION
        changes.update(scale=scale, precision=WIDE_NUMERIC_PRECISION if wide else plan.precision)
        if override.scale is not None:
            # The operator's own scale: a value with more fraction digits is rounded to it (audited).
            changes.update(rounds=True, checks_scale=False)
        elif plan.type != "numeric":
            # The profile's scale of a column it did not make numeric: checked, never rounded.
            changes["checks_scale"] = True
    if override.null_tokens is not None:
        changes["null_tokens"] = tuple(override.null_tokens)
    if override.trim is False:
        _text_only(plan.name, kind, "trim", "keeps text as written", "padding kept")
        changes["trim"] = False
    if override.windows_1252 is False:
        changes["windows_1252"] = False  # the profile read the column as written too
    if override.empty_is_null is False:
        _text_only(plan.name, kind, "empty_is_null", "keeps '' as a text value", "'' kept")
        changes["empty_is_null"] = False
    elif override.empty_is_null:
        changes["empty_is_null"] = True
    if override.decimal_comma and override.thousands_separator:
        raise ConfigError(
            "a comma cannot be both a decimal comma and a thousands separator",
            column=plan.name,
            hint="set one of decimal_comma and thousands_separator",
        )
    if override.decimal_comma is not None:
        changes["decimal_comma"] = override.decimal_comma
        if override.decimal_comma:
            changes["thousands_separator"] = False
    if override.thousands_separator is not None:
        changes["thousands_separator"] = override.thousands_separator
        if override.thousands_separator:
            # A comma groups thousands: no space or apostrophe does beside it.
            changes.update(decimal_comma=False, digit_groups=None)
    if override.mask is not None:
        changes["mask"] = override.mask
    return replace(plan, **changes)


def formats_type(formats: list[str]) -> PlanType:
    """The type an override's ``formats`` read without a ``type``: ``timestamptz`` when one reads a
    UTC offset (``%z``, ``%Z``), ``timestamp`` when one reads a time of day, else ``date``."""
    if any("%z" in fmt or "%Z" in fmt for fmt in formats):
        return "timestamptz"
    return "timestamp" if any(_TIME_DIRECTIVE.search(fmt) for fmt in formats) else "date"


def _reorder(fmt: str, order: ReadingOrder) -> str:
    """A slash format read in the other order (``%d/%m/%Y`` ↔ ``%m/%d/%Y``); other formats unchanged."""
    for shape in DATE_SHAPES:
        if shape.month_first and fmt in (shape.day_first, shape.month_first):
            return shape.month_first if order == "month_first" else shape.day_first
    return fmt


def column_overrides(
    profile: Profile, columns: dict[str, dict[str, ColumnOverride]], column_names: ColumnNames = "export"
) -> dict[str, dict[str, ColumnOverride]]:
    """``columns`` (the settings' ``[columns."t"."c"]`` overrides) by the export's own column names.

    An override names a table or column as the export wrote it (also one loaded under another name,
    :attr:`Profile.renamed_for_reader`), or as the target names it (``column_names``:
    :func:`~columnar_etl.pg.column_names.styled_names`): a CSV saved as "UTF-8 with BOM" and imported
    names its first column ``\ufeffid``, which the target, the report and the audit show as ``id``, the
    name an operator types. A table or column of neither name is a :class:`ConfigError`, raised before
    anything is written (the values of a column meant to be masked are in the profile until then);
    its hint names the columns like it and those whose names hold an invisible character, escaped.
    A table or column the export has but that is not loaded (:attr:`Profile.unreadable_tables`,
    :attr:`Profile.unreadable_columns`: the run warns of it; :attr:`Profile.full_text_not_loaded`, a
    full-text index whose documents load) is skipped: a mask on it is kept without
    effort, and it was refused with "names a column the table does not have". So is a table the
    export has that the profile was not asked for (:attr:`Profile.not_profiled`: ``clean --table``).
    """
    # A table or column loaded under another name (Profile.renamed_for_reader: "" or __clean_…) is
    # named by either: the export's name or the loaded one.
    renamed = profile.renamed_for_reader
    loaded_as = {r["export_name"]: r["table"] for r in renamed if r["column"] is None}
    resolved: dict[str, dict[str, ColumnOverride]] = {}
    for table, overrides in columns.items():
        if table not in profile.tables and loaded_as.get(table):
            table = str(loaded_as[table])
        # As SQLite names them: [columns."tick"] is the export's table Tick.
        table = (
            matching_name(
                table,
                [
                    *profile.tables,
                    *profile.unreadable_tables,
                    *profile.full_text_not_loaded,
                    *profile.not_profiled,
                ],
            )
            or table
        )
        not_loaded = {*profile.unreadable_tables, *profile.full_text_not_loaded, *profile.not_profiled}
        if table in not_loaded:
            continue
        left_out = profile.unreadable_columns.get(table, {})
        overrides = {column: override for column, override in overrides.items() if column not in left_out}
        if table not in profile.tables:
            raise ConfigError(
                "override names a table the export does not have",
                table=table,
                hint=f"tables are: {', '.join(profile.tables)}",
            )
        known = list(profile.tables[table].columns)
        read_as = {
            str(r["export_name"]): str(r["column"]) for r in renamed if r["table"] == table and r["column"]
        }
        named = override_names(known, column_names, read_as)
        resolved.setdefault(table, {})
        for column, override in overrides.items():
            name = named.get(column)
            if name is None:  # as SQLite names it: "name" is the column Name
                name = named.get(matching_name(column, known) or column)
            if name is None:
                raise ConfigError(
                    "override names a column the table does not have",
                    table=table,
                    column=column,
                    hint=_unknown_column_hint(column, known, list(named)),
                )
            if name in resolved[table]:
                raise ConfigError(f"two overrides name one column ({name!r})", table=table, column=column)
            resolved[table][name] = override
    return resolved


def _unknown_column_hint(column: str, known: list[str], shown: list[str]) -> str:
    """What to write instead of ``column``: the names like it, and every name holding a character that
    does not show (a byte-order mark, a zero-width space), escaped."""
    hint = "name a column as the export wrote it or as the target shows it"
    hidden = [ascii(name) for name in known if not name.isprintable()]
    if hidden:
        hint += f"; names with characters that do not show: {', '.join(hidden)}"
    close = difflib.get_close_matches(column, sorted(set(known) | set(shown)), n=3)
    if close:
        hint += f"; close: {', '.join(name if name.isprintable() else ascii(name) for name in close)}"
    return hint
