"""The profile query's aggregates over a column's integers that judge them as epoch instants
(:mod:`.epochs`): whether each is a whole number of days (:func:`day_part_sql`) or of minutes or
seconds in microseconds (:func:`duration_part_sql`), the far-future stand-ins for no end beside
them (:func:`open_end_sql`), the stand-ins for no date or never and the bounds of the integers beside
them (:func:`stand_in_sql`), and the least integer above 0 (:data:`MIN_POSITIVE_INTEGER`)."""

from __future__ import annotations

from collections.abc import Collection

from columnar_etl.profiling.distinct_values import in_places
from columnar_etl.rules.epochs import (
    DOS_EPOCH_OFFSET_GRID,
    DOS_EPOCH_OFFSETS,
    DOS_EPOCH_SECONDS,
    DOS_EPOCH_UNITS,
    EPOCH_OPEN_ENDS,
    INT32_MAX,
    NEVER_HIGH_PART,
    NO_DATE_ONE,
)

#: The epoch units of :func:`day_part_sql`, finest first: an integer that is a whole number of days in
#: one of them is one in each after it.
DAY_PART_UNITS = ("microseconds", "milliseconds", "seconds")
#: One day in each of :data:`DAY_PART_UNITS`.
_DAY_IN_UNIT = (86_400_000_000, 86_400_000, 86_400)


def day_part_sql(integer: str) -> str:
    """SQL aggregate ``max_day_part`` over the integers ``integer`` gives (NULL for other cells): 0
    when each is a whole number of days in microseconds, 1 in milliseconds, 2 in seconds, 3 when one is
    none of them. Epoch integers of a DATE column each at midnight UTC (Directus' date fields in
    milliseconds) name days, not instants (:data:`DAY_PART_UNITS`)."""
    return _finest_multiple_sql(integer, _DAY_IN_UNIT, "max_day_part")


def _finest_multiple_sql(integer: str, spans: tuple[int, ...], name: str) -> str:
    """SQL aggregate ``name`` over the integers ``integer`` gives (NULL for other cells): for each, the
    index of the first of ``spans`` (coarsest first) it is a multiple of, ``len(spans)`` for none; the
    largest of those (0: every integer a multiple of ``spans[0]``)."""
    whens = " ".join(f"WHEN {integer} % {span} = 0 THEN {index}" for index, span in enumerate(spans))
    return f"max(CASE WHEN {integer} IS NULL THEN NULL {whens} ELSE {len(spans)} END) AS {name}"


#: The spans a duration of whole ones counted in microseconds (Django's ``DurationField``) is a
#: multiple of, coarsest first: ``max_duration_part`` is the index of the finest its integers need.
DURATION_PART_UNITS = ("minutes", "seconds")
#: One of each of :data:`DURATION_PART_UNITS` in microseconds.
_DURATION_IN_MICROSECONDS = (60_000_000, 1_000_000)


def duration_part_sql(integer: str) -> str:
    """SQL aggregate ``max_duration_part`` over the integers ``integer`` gives (NULL for other cells):
    0 when each is a whole number of minutes in microseconds (a multiple of 60,000,000), 1 of seconds
    (of 1,000,000), 2 when one is neither. Integers in epoch seconds' range that all are whole seconds
    so, or in epoch milliseconds' range that all are whole minutes so, name no instants (each would
    fall on a grid of 11.6 days, or of 16.7 hours): they are durations in microseconds (a help desk's
    20 to 30 minutes, 1,200,000,000 to 1,800,000,000; 300 to 450 hours, 1.08e12 to 1.62e12)."""
    return _finest_multiple_sql(integer, _DURATION_IN_MICROSECONDS, "max_duration_part")


#: The profile query's bound of a column's least integer above 0 (a bound, folded as ``min``).
MIN_POSITIVE_INTEGER = "min_positive_integer"


#: The profile query's bounds of a column's integers other than the far-future stand-ins for no end
#: (:data:`~columnar_etl.rules.epochs.EPOCH_OPEN_ENDS`; :func:`open_end_sql`), folded as their names say.
OPEN_END_BOUNDS = (
    "max_beside_open_ends",
    "max_duration_part_beside_open_ends",
    # The integers other than the stand-ins for no date or never (:func:`stand_in_sql`), counted with them.
    "min_beside_stand_ins",
    "max_beside_stand_ins",
    "max_duration_part_beside_stand_ins",
)
#: The profile query's cells of each such stand-in a column holds: a list of (value, cells).
OPEN_END_CELLS = "open_end_cells"
#: The type of :data:`OPEN_END_CELLS`.
OPEN_END_CELLS_TYPE = "STRUCT(value HUGEINT, cells BIGINT)[]"
#: The profile query's cells of each stand-in for no date or never a column holds (:func:`stand_in_sql`),
#: of :data:`OPEN_END_CELLS_TYPE`.
STAND_IN_CELLS = "stand_in_cells"


def stand_in_sql(integer: str) -> str:
    """SQL condition: the integer ``integer`` gives is a stand-in for no date or never
    (:func:`~columnar_etl.rules.epochs.no_date_stand_in`): 1, the largest 32-bit integer, one whose high 32
    bits are 0x7FFFFFFF, or the DOS epoch in Unix seconds or milliseconds at a local clock's offset."""
    # On the offsets' grid as a remainder, not a difference: DuckDB computes every branch, and the DOS
    # epoch less -9223372036854775808 overflowed (a profile of any column of moments holding it failed).
    # Within the range every integer is positive, so its remainder is the epoch's.
    dos = [
        f"({integer} BETWEEN {(DOS_EPOCH_SECONDS - DOS_EPOCH_OFFSETS[1]) * per_second} "
        f"AND {(DOS_EPOCH_SECONDS - DOS_EPOCH_OFFSETS[0]) * per_second} "
        f"AND {integer} % {DOS_EPOCH_OFFSET_GRID * per_second} "
        f"= {DOS_EPOCH_SECONDS * per_second % (DOS_EPOCH_OFFSET_GRID * per_second)})"
        for per_second in DOS_EPOCH_UNITS.values()
    ]
    return " OR ".join(
        [f"{integer} IN ({NO_DATE_ONE}, {INT32_MAX})", f"{integer} >= {NEVER_HIGH_PART}", *dos]
    )


def open_end_sql(integer: str, places: Collection[int]) -> str:
    """SQL aggregates over the integers ``integer`` gives (NULL for other cells) of the columns at
    ``places`` alone (those whose integers may be epoch instants: a date-like name or a declared date
    or timestamp, :func:`.marked_places.open_ended_places`): ``max_beside_open_ends``, the largest that is
    none of :data:`~columnar_etl.rules.epochs.EPOCH_OPEN_ENDS` (9999-12-31, 2038-01-19 in each epoch unit),
    ``max_duration_part_beside_open_ends``, their :func:`duration_part_sql`, and
    :data:`OPEN_END_CELLS`, the cells of each stand-in (``epochs.epoch_open_ends`` judges the unit
    on the others). NULL constants where no column is at ``places``: the typed scan of a table of no
    date column counts nothing more (an aggregate counted where it was never needed cost the 1M-row
    narrow bench 0.3 s once)."""
    if not places:
        return (
            "CAST(NULL AS HUGEINT) AS max_beside_open_ends, "
            "CAST(NULL AS INTEGER) AS max_duration_part_beside_open_ends, "
            f"CAST(NULL AS {OPEN_END_CELLS_TYPE}) AS {OPEN_END_CELLS}, "
            "CAST(NULL AS HUGEINT) AS min_beside_stand_ins, "
            "CAST(NULL AS HUGEINT) AS max_beside_stand_ins, "
            "CAST(NULL AS INTEGER) AS max_duration_part_beside_stand_ins, "
            f"CAST(NULL AS {OPEN_END_CELLS_TYPE}) AS {STAND_IN_CELLS}"
        )
    ends = ", ".join(str(value) for value in sorted(EPOCH_OPEN_ENDS))
    own = f"CASE WHEN {in_places(places)} THEN {integer} END"
    open_end = f"({own}) IN ({ends})"
    beside = f"CASE WHEN NOT {open_end} THEN {own} END"
    return (
        f"max({beside}) AS max_beside_open_ends, "
        f"{_finest_multiple_sql(beside, _DURATION_IN_MICROSECONDS, 'max_duration_part_beside_open_ends')}, "
        f"list({{'value': {own}, 'cells': CAST(weight AS BIGINT)}}) FILTER (WHERE {open_end}) "
        f"AS {OPEN_END_CELLS}, "
        f"{_beside_stand_ins_sql(own)}"
    )


def _beside_stand_ins_sql(own: str) -> str:
    """The aggregates of :func:`open_end_sql` over the integers ``own`` gives beside the stand-ins for no
    date or never (:func:`stand_in_sql`): their bounds and duration grid, and the cells of each
    stand-in (``no_date_numbers.epoch_beside_stand_ins`` judges the unit on the others)."""
    stand_in = f"({stand_in_sql(f'({own})')})"
    beside = f"CASE WHEN NOT {stand_in} THEN {own} END"
    return (
        f"min({beside}) AS min_beside_stand_ins, max({beside}) AS max_beside_stand_ins, "
        f"{_finest_multiple_sql(beside, _DURATION_IN_MICROSECONDS, 'max_duration_part_beside_stand_ins')}, "
        f"list({{'value': {own}, 'cells': CAST(weight AS BIGINT)}}) FILTER (WHERE {stand_in}) "
        f"AS {STAND_IN_CELLS}"
    )
