"""How a column's dates and numbers are read: day or month first, formats, decimal marks, digit groups,
the column's own way of writing them, and the values that read otherwise (its dirt)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from columnar_etl.config import ColumnOverride
from columnar_etl.models import DateOrder, InferredType, Issue
from columnar_etl.profiling.affinity import time_of_day_or_interval
from columnar_etl.profiling.dirt import add_issue
from columnar_etl.profiling.epochs import (
    date_bounds,
    durations_since_epoch,
    epoch_for_no_date,
    some_time_of_day,
)
from columnar_etl.profiling.layout import own_format_detail
from columnar_etl.profiling.lossless import exact_integer_bounds
from columnar_etl.profiling.number_reading import (
    COMMA_SHAPES,
    CONFLICTING_ORDER,
    Counts,
    date_convention,
    separator_name,
    stored_from_text,
)
from columnar_etl.profiling.number_text import UNGROUPED
from columnar_etl.profiling.overrides import FORMAT_READS, OverrideReading, order_flag, override_reading
from columnar_etl.profiling.profile_codes import DATE_SHAPE_BY_CODE, SLASH_SHAPES, Flag, StorageClass
from columnar_etl.rules import Shape
from columnar_etl.rules.date_shapes import DATE_SHAPES
from columnar_etl.rules.dates import CANONICAL_DATE_SHAPES, DateShape
from columnar_etl.rules.numbers import DIGIT_GROUPED_SHAPES, GROUPED_SHAPES
from columnar_etl.source.tables import SourceColumn

#: The own format (``ColumnProfile.own_format``) of a column whose numbers are written with a decimal comma.
DECIMAL_COMMA_FORMAT = "decimal comma"
#: ... and of one whose numbers of a thousand or more are written with commas grouping thousands.
THOUSANDS_COMMA_FORMAT = "thousands comma"


def _own_format(
    written: Mapping[str, int], total: int, canonical: Mapping[str, int] | None = None
) -> tuple[str | None, int]:
    """The column's own format and the values written otherwise: of ``total`` converted values, the
    non-canonical way most of them are written (``written``: values by format; the rest are written
    canonically), when it holds more than the canonical way does. (None, 0) when the canonical way
    holds most, or as many (the non-canonical values then are the ones written otherwise).
    Canonical values written the own format's way (``canonical``: by way; ``+00:00`` beside
    ``+02:00``, as one writer's offsets are; ``…:00+00:00`` beside ``…:00.000077+00:00``, a fraction
    written only where it is not 0) count as the own format's, never as written otherwise.

    A column written one regional way (``20.05.2025 08:42``, ``3,5``) is written in its format, not
    dirty; mixing ways is what the quality score charges (:mod:`columnar_etl.profiling.quality`).
    """
    if not written:
        return None, 0
    same_way = canonical or {}
    form, count = max(written.items(), key=lambda item: (item[1] + same_way.get(item[0], 0), item[0]))
    # Canonical values written the form's way are of it, not of the canonical way it competes with: a
    # writer that drops a zero fraction (Go's, Python's str) writes most moments canonically and the odd
    # one with its fraction, one way (until 2026-12-06 such a minority cost as a second way).
    same = same_way.get(form, 0)
    if count + same <= total - sum(written.values()) - same:
        return None, 0
    return form, total - count - same


def _dates_read(
    counts: Counts, reading: DateOrder, by_override: OverrideReading | None
) -> Iterator[tuple[str, DateShape, int]]:
    """(format, shape, values) of each way the column's dates are read: every shape in ``reading``, or
    each of an override's formats, a value of a shape both of whose formats it lists read by the first
    (the cleaner's ``first_formats``)."""
    if by_override is None or not by_override.formats:
        for spec in DATE_SHAPES:
            fmt = spec.month_first if reading == "month_first" and spec.month_first else spec.day_first
            yield fmt, spec, counts.valid(spec.shape, reading)
        return
    taken: dict[Shape, int] = {}
    for fmt in by_override.formats:
        shape, flag = FORMAT_READS[fmt]
        yield fmt, DATE_SHAPE_BY_CODE[shape], counts.read(shape, flag, excluding=taken.get(shape, 0))
        taken[shape] = taken.get(shape, 0) | int(flag)


def _date_order(counts: Counts, default: DateOrder) -> tuple[DateOrder | None, str | None]:
    """Day-first if a first field > 12 proves it, month-first if a second field does; else ambiguous."""
    if counts.shape(*SLASH_SHAPES) == 0:
        return None, None
    day, month = counts.flag(Flag.FIRST_GT12), counts.flag(Flag.SECOND_GT12)
    if day and not month:
        return "day_first", None
    if month and not day:
        return "month_first", None
    if day and month:
        order: DateOrder = "day_first" if day >= month else "month_first"
        return order, f"{CONFLICTING_ORDER} ({day} day-first, {month} month-first); chose {order}"
    return "ambiguous", None


@dataclass(frozen=True)
class ValuesRead:
    """How a column's values read as its type, as its profile records it: how many are valid, their
    bounds, the column's own format and the values written otherwise, and for dates their order, their
    formats and the operator's override of their reading."""

    valid: int
    minimum: Any = None
    maximum: Any = None
    own_format: str | None = None
    format_misfits: int = 0
    date_order: DateOrder | None = None
    date_formats: dict[str, int] = field(default_factory=dict)
    reading_override: dict[str, Any] | None = None


def read_dates(
    column: SourceColumn,
    counts: Counts,
    inferred: InferredType,
    notes: list[str],
    issues: list[Issue],
    *,
    date_order_default: DateOrder,
    override: ColumnOverride | None,
    n_dates: int,
    compact: int,
    present: int,
    defaulted: int,
) -> ValuesRead:
    """How a date column's values read: day or month first (as the values prove it, else
    ``date_order_default``; or as the operator's ``override`` says), their formats and the column's
    own format, their bounds; the values that read otherwise in ``issues``, what was decided in
    ``notes``. ``defaulted``: values that are the DEFAULT's current time beside instants (no misfits
    of the own format)."""
    date_formats: dict[str, int] = {}
    own_format: str | None = None
    format_misfits = 0
    reading_override: dict[str, Any] | None = None
    order, conflict = _date_order(counts, date_order_default)
    if conflict:
        notes.append(conflict)
    # The operator's override of the column's reading, where the profile can count it (.overrides).
    by_override, unscored = override_reading(
        override,
        inferred,
        order,
        "month_first" if date_order_default == "month_first" else "day_first",
        compact=bool(counts.compact),
    )
    if unscored:
        notes.append(unscored)
    reading: DateOrder = date_order_default if order in (None, "ambiguous") else order
    reads: dict[Shape, int] | None = None
    if by_override is not None:
        reading, reads = by_override.order, by_override.reads()
        reading_override = by_override.to_dict()
        notes.append(by_override.note())
    valid = 0
    non_iso = 0
    #: Valid dates by non-canonical format (the others are written as the load writes them).
    written: dict[str, int] = {}
    #: Valid canonical dates by their way of writing (one with an offset is a zoned way's too).
    canonical: dict[str, int] = {}
    for fmt, spec, ok in _dates_read(counts, reading, by_override):
        valid += ok
        if ok:
            date_formats[fmt] = date_formats.get(fmt, 0) + ok
            convention = date_convention(fmt)
            if spec.shape in CANONICAL_DATE_SHAPES:
                canonical[convention] = canonical.get(convention, 0) + ok
            else:
                non_iso += ok
                written[convention] = written.get(convention, 0) + ok
    non_iso_examples = counts.examples("non_iso")
    if reads is not None:
        read_flags = reads

        def read_by(shape: int) -> int:
            return read_flags.get(cast(Shape, shape), 0)

        non_iso_examples = counts.date_examples(
            lambda shape, bits: shape not in CANONICAL_DATE_SHAPES and bool(bits & read_by(shape))
        )
    if counts.compact:
        valid += compact
        non_iso += compact
        date_formats.update(counts.compact)
        for fmt, ok in counts.compact.items():
            convention = date_convention(fmt)
            written[convention] = written.get(convention, 0) + ok
        non_iso_examples = tuple(sorted(non_iso_examples + counts.examples("compact")))
    # A slash date that is one only in the other order (5/20/2025 read day-first) is no impossible
    # day: it says the order is mixed, and is quarantined under its own kind, never swapped.
    swapped = counts.other_order[reading]
    other_examples = counts.examples(f"other_order_{reading}")
    if reads is not None:
        # Values the override's formats do not read that are dates in the other order: the
        # cleaner's other_date_order (the rest of the date-shaped ones are impossible to it).
        other = order_flag("day_first" if reading == "month_first" else "month_first")
        swapped = sum(counts.read(s, other, excluding=read_by(s)) for s in SLASH_SHAPES)
        other_examples = counts.date_examples(
            lambda shape, bits: shape in SLASH_SHAPES and bool(bits & other) and not bits & read_by(shape)
        )
    if by_override is not None or (order != "ambiguous" and not conflict and not swapped):
        # The order proven (or no order to prove; or the operator's override says it): the way most
        # dates are written is the column's format. Unproven, its non-ISO dates are read by a
        # default: dirt, all of them.
        own_format, format_misfits = _own_format(written, valid, canonical)
        if own_format is not None:
            # The DEFAULT's UTC text beside instants written with their offset is the database's
            # own way (.shaped_type._current_timestamps_beside_instants), not the writer's written otherwise.
            format_misfits -= min(format_misfits, defaulted)
    add_issue(
        issues, "non_iso_date", non_iso, non_iso_examples, own_format_detail(own_format, format_misfits)
    )
    if order == "ambiguous" and by_override is None:
        slash_valid = sum(counts.valid(s, reading) for s in SLASH_SHAPES)
        add_issue(
            issues,
            "ambiguous_date_order",
            slash_valid,
            detail=f"no value proves day or month first; read as {reading.replace('_', '-')}",
        )
    # Where the column reads compact dates, an integer of their digits that is no such day is an
    # impossible date (20251301, as 2025-13-01 is), the cleaner's word too; other integers are none.
    no_day = counts.flag(Flag.COMPACT_NO_DAY) if counts.compact else 0
    impossible_examples = counts.examples("impossible")
    if reads is not None:
        impossible_examples = counts.date_examples(
            lambda shape, bits: not bits & read_by(shape) and not (shape in SLASH_SHAPES and bits & other)
        )
    if no_day:
        impossible_examples = tuple(sorted(impossible_examples + counts.examples("compact_no_day")))
    add_issue(issues, "impossible_date", n_dates - valid - swapped + no_day, impossible_examples)
    add_issue(
        issues,
        "other_date_order",
        swapped,
        other_examples,
        detail=f"dates only when read {'day-first' if reading == 'month_first' else 'month-first'}, "
        f"in a column read {reading.replace('_', '-')}: quarantined, never swapped",
    )
    add_issue(issues, "unparseable_date", present - n_dates - no_day, counts.examples("other"))
    minimum, maximum = date_bounds(counts, reading, inferred)
    if epoch := epoch_for_no_date(column.name, inferred, minimum, maximum):
        notes.append(epoch)
    elif (
        inferred == "timestamp"
        and not time_of_day_or_interval(column.declared_type)
        and some_time_of_day(counts)
        and (spans := durations_since_epoch(column.name, minimum, maximum))
    ):
        notes.append(spans)
    return ValuesRead(
        valid=valid,
        minimum=minimum,
        maximum=maximum,
        own_format=own_format,
        format_misfits=format_misfits,
        date_order=order,
        date_formats=date_formats,
        reading_override=reading_override,
    )


def read_numbers(
    column: SourceColumn,
    counts: Counts,
    inferred: InferredType,
    issues: list[Issue],
    *,
    n_numbers: int,
    present: int,
) -> ValuesRead:
    """How a number column's values read: decimal comma or thousands comma (the column's own format
    where most are written so), digit groups, minus signs, their bounds (an integer column's exact);
    the values that read otherwise in ``issues``."""
    own_format: str | None = None
    format_misfits = 0
    valid = n_numbers if inferred != "integer" else counts.integers()
    if counts.comma == "decimal":
        commas = counts.shape(*COMMA_SHAPES, Shape.COMMA_GROUP3, Shape.DIGIT_GROUPED_COMMA)
        # Written with a point instead: TEXT decimals (3.5), and REAL cells where SQLite made them
        # of such text (see stored_from_text). Integers have no decimal mark: written either way.
        points = counts.text_points + stored_from_text(counts, column.declared_type, StorageClass.REAL)
        own_format, format_misfits = _own_format({DECIMAL_COMMA_FORMAT: commas}, commas + points)
        add_issue(
            issues,
            "comma_decimal",
            commas,
            tuple(sorted(counts.examples("comma") + counts.examples("grouped"))),
            own_format_detail(own_format, format_misfits),
        )
    elif counts.comma == "thousands":
        grouped = counts.shape(*GROUPED_SHAPES)
        # Written without grouping instead: numbers of a thousand or more (1234.50 beside 1,234.50),
        # TEXT, and INTEGER and REAL cells where SQLite made them of such text. Numbers under a
        # thousand have no group: written either way.
        ungrouped = counts.agg[UNGROUPED]
        plain = ungrouped[StorageClass.TEXT] + stored_from_text(
            counts, column.declared_type, StorageClass.INTEGER, StorageClass.REAL, among=ungrouped
        )
        own_format, format_misfits = _own_format({THOUSANDS_COMMA_FORMAT: grouped}, grouped + plain)
        add_issue(
            issues,
            "thousands_separator",
            grouped,
            counts.examples("grouped"),
            own_format_detail(own_format, format_misfits),
        )
    if counts.groups is not None:
        # Grouped by spaces or apostrophes: the separator is removed (a decimal comma after them,
        # 39 924,83, is also counted above: the cleaner makes it a point, as it does 3,5's).
        add_issue(
            issues,
            "thousands_separator",
            counts.shape(*DIGIT_GROUPED_SHAPES),
            counts.examples("digit_grouped"),
            detail=f"digits grouped by {separator_name(counts.groups)}",
        )
    # Written with U+2212 before the digits (−1 234,50): read with '-' (a decimal comma or digit
    # groups in the same value are counted above too: the audit names each rule).
    add_issue(
        issues,
        "minus_sign",
        counts.minus_signs(inferred == "integer"),
        counts.examples("minus_sign"),
        detail="written with U+2212 MINUS SIGN, read with '-': the locale's sign, costs nothing",
    )
    add_issue(issues, "invalid_number", present - valid, counts.examples("other"))
    minimum, maximum = counts["min_number"], counts["max_number"]
    if inferred == "integer" and minimum is not None:
        minimum, maximum = exact_integer_bounds(counts)
    return ValuesRead(
        valid=valid,
        minimum=minimum,
        maximum=maximum,
        own_format=own_format,
        format_misfits=format_misfits,
    )
