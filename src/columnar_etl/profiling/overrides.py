"""An operator's reading of a date column (``[columns."t"."c"]`` ``formats`` / ``date_order``), as the
profile scores it.

The cleaner reads such a column by the override (``planning.overrides.apply_override``): its formats, or the
formats the profile saw read in its order. Where the profile reads the column as dates and every one of
the override's formats is of a shape it counts (:data:`~columnar_etl.rules.date_shapes.DATE_SHAPES`), it
counts what that reading reads from the figures it already has (each value's shape and whether it is a date
read day-first and month-first), so the score and the circuit breaker judge what the cleaner will do:
the override's order is the proof (no ``ambiguous_date_order``; the column's own format costs nothing),
and a value its formats do not read is quarantined by the cleaner and charged as such
(``other_date_order``, ``impossible_date``). An override the profile cannot count (a format of no
shape it knows, ``%d-%b-%y``; compact ``YYYYMMDD`` integers beside formats) leaves the profile's own
reading, and a note says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from columnar_etl.config import ColumnOverride, Settings
from columnar_etl.models import DATE_TYPES, DateOrder, InferredType
from columnar_etl.pg.column_names import override_names
from columnar_etl.profiling.profile_codes import Flag
from columnar_etl.rules import Shape
from columnar_etl.rules.date_shapes import DATE_SHAPES, format_order
from columnar_etl.source.sqlite_names import matching_name, sqlite_key

ReadingOrder = Literal["day_first", "month_first"]

#: Each known format: the shape of the values it reads and the flag of those that are dates read so.
FORMAT_READS: dict[str, tuple[Shape, Flag]] = {
    fmt: (shape.shape, flag)
    for shape in DATE_SHAPES
    for fmt, flag in ((shape.day_first, Flag.VALID_DAY_FIRST), (shape.month_first, Flag.VALID_MONTH_FIRST))
    if fmt is not None
}


def order_flag(order: ReadingOrder) -> Flag:
    """The flag of a value that is a date read in ``order``."""
    return Flag.VALID_MONTH_FIRST if order == "month_first" else Flag.VALID_DAY_FIRST


@dataclass(frozen=True)
class OverrideReading:
    """How the override reads the column: in ``order``, by ``formats`` (or, without formats, by every
    shape the column holds, as the profile reads it in that order)."""

    order: ReadingOrder
    formats: tuple[str, ...]
    date_order: ReadingOrder | None

    def reads(self) -> dict[Shape, int] | None:
        """Per shape, the flags of the values the override's formats read (a shape with both its formats
        listed reads a value that is a date either way, the first format winning); None without formats:
        every shape, read in :attr:`order`."""
        if not self.formats:
            return None
        reads: dict[Shape, int] = {}
        for fmt in self.formats:
            shape, flag = FORMAT_READS[fmt]
            reads[shape] = reads.get(shape, 0) | int(flag)
        return reads

    def to_dict(self) -> dict[str, object]:
        """What ``profile.json`` says of it (``reading_override``)."""
        return {"date_order": self.date_order, "formats": list(self.formats), "order": self.order}

    def note(self) -> str:
        """The column's note: where its reading came from."""
        said = []
        if self.formats:
            said.append(f"formats = {list(self.formats)}")
        if self.date_order:
            said.append(f'date_order = "{self.date_order}"')
        return (
            f"dates read as the column's override says ({', '.join(said)}; "
            f"{self.order.replace('_', '-')}): the operator's reading is the proof, and values it does "
            "not read are quarantined"
        )


def override_reading(
    override: ColumnOverride | None,
    inferred: InferredType,
    proven: DateOrder | None,
    default: ReadingOrder,
    *,
    compact: bool,
) -> tuple[OverrideReading | None, str | None]:
    """The reading ``override`` gives a column the profile reads as ``inferred`` dates whose values
    prove ``proven`` (``ambiguous`` or None: nothing), and a note when the override reads the column
    but the profile cannot count that reading (None, None where the override names no reading, or
    another type: the plan then reads the column afresh).

    The order is the override's ``date_order``, else the one its formats read (``%m/%d/%Y``: month
    first), else the column's proof, else ``default``: the plan's (``apply_override``).
    """
    if override is None or not (override.formats or override.date_order) or inferred not in DATE_TYPES:
        return None, None
    if override.type not in (None, inferred):
        return None, None
    formats = tuple(override.formats or ())
    unknown = [fmt for fmt in formats if fmt not in FORMAT_READS]
    if unknown or (formats and compact):
        why = (
            f"{', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} of no shape the profile reads"
            if unknown
            else "its integers are compact dates (YYYYMMDD), which the profile counts by its own formats"
        )
        return None, (
            f"the column's override formats {list(formats)} are read by the cleaner, but {why}: scored "
            "as the profile reads the column (values they do not read are quarantined all the same)"
        )
    own = proven if proven in ("day_first", "month_first") else None
    order: ReadingOrder = override.date_order or format_order(formats) or own or default
    return OverrideReading(order, formats, override.date_order), None


def table_overrides(settings: Settings, table: str, names: list[str]) -> dict[str, ColumnOverride]:
    """The overrides of ``table``'s columns (``names``, as the export wrote them), by export name; an
    override may name a column as the target shows it (``pg.column_names.override_names``, as the plan
    resolves it). One naming no column is the plan's to refuse (``planning.overrides.column_overrides``)."""
    named = override_names(names, settings.column_names)
    # Tables and columns as SQLite names them (the plan's column_overrides resolves them alike).
    overrides: dict[str, ColumnOverride] = {}
    for key, given in settings.columns.items():
        if sqlite_key(key) == sqlite_key(table):
            overrides |= given
    found: dict[str, ColumnOverride] = {}
    for column, override in overrides.items():
        name = named.get(column) or named.get(matching_name(column, names) or column)
        if name is not None:
            found[name] = override
    return found


def reading_overrides(settings: Settings, table: str, names: list[str]) -> dict[str, ColumnOverride]:
    """The overrides of ``table``'s columns (:func:`table_overrides`) that name a reading (``formats``,
    ``date_order``), by export name."""
    return {
        name: override
        for name, override in table_overrides(settings, table, names).items()
        if override.formats or override.date_order
    }


def untrimmed_places(settings: Settings, table: str, names: list[str]) -> list[int]:
    """The places in ``table`` (of columns ``names``, in its order) of the columns whose text keeps its
    padding (``trim = false``): the profile shapes and counts their values as written, as cleaning
    keeps them (:attr:`~columnar_etl.planning.plan.ColumnPlan.trim`)."""
    found = table_overrides(settings, table, names)
    return [place for place, name in enumerate(names) if name in found and found[name].trim is False]


def kept_empty_places(settings: Settings, table: str, names: list[str]) -> list[int]:
    """The places in ``table`` (of columns ``names``, in its order) of the columns whose ``''`` is a
    value (``empty_is_null = false``): the profile shapes ``''`` there as text, as cleaning keeps it
    (:attr:`~columnar_etl.planning.plan.ColumnPlan.empty_is_null`)."""
    found = table_overrides(settings, table, names)
    return [place for place, name in enumerate(names) if name in found and found[name].empty_is_null is False]


def unrepaired_places(settings: Settings, table: str, names: list[str]) -> list[int]:
    """The places in ``table`` (of columns ``names``, in its order) of the columns whose Windows-1252
    repair the operator turned off (``windows_1252 = false``): the profile reads their C1 controls as
    written, as cleaning keeps them (:attr:`~columnar_etl.planning.plan.ColumnPlan.windows_1252`)."""
    if not settings.columns:
        return []
    found = table_overrides(settings, table, names)
    return [place for place, name in enumerate(names) if name in found and found[name].windows_1252 is False]


def trimmed_names(settings: Settings, table: str, names: list[str]) -> set[str]:
    """The columns of ``table`` (``names``, as the export wrote them) the operator's ``trim = true``
    trims: documents among them are trimmed as it asks, not loaded byte for byte
    (:attr:`~columnar_etl.models.ColumnProfile.layout_kept`)."""
    if not settings.columns:
        return set()
    return {name for name, override in table_overrides(settings, table, names).items() if override.trim}


#: The note of a column whose ``''`` is a value (``empty_is_null = false``).
KEPT_EMPTY_NOTE = (
    "'' kept as a value (empty_is_null = false): counted as text, not as a missing value; a value of "
    "blanks alone follows trim"
)

#: The note of a column whose text keeps its padding (``trim = false``).
UNTRIMMED_NOTE = (
    "text kept with its padding (trim = false): its values are counted as written, none trimmed; "
    "'' is NULL, a value of blanks alone is text"
)
