"""The places of a table's columns that the profile query marks for a reading of its own
(:class:`MarkedPlaces`): declared dates and times of day, names saying a compact timestamp, columns
whose integers may be epoch instants, and the operator's ``trim = false`` and ``empty_is_null = false``;
and the columns kept untrimmed for what they hold (:func:`padding_kept_found`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

from columnar_etl.config import Settings
from columnar_etl.models import DATE_TYPES
from columnar_etl.profiling.affinity import declared_family, declared_wall_clock_time
from columnar_etl.profiling.date_names import date_like_name, declared_dated, named_compact
from columnar_etl.profiling.latin1_text import ELLIPSIS_NOTE, ellipsis_sql
from columnar_etl.profiling.marks import MARKS_NOTE, marks_sql
from columnar_etl.profiling.overrides import (
    kept_empty_places,
    table_overrides,
    unrepaired_places,
    untrimmed_places,
)
from columnar_etl.source.export import Source


class MarkedPlaces(TypedDict):
    """The places of a table's columns each of the profile query's marks asks for (the keywords of
    :func:`.sql.table_profile_sql` and :func:`.long_cells.long_text_rows`)."""

    dated: list[int]
    untrimmed: list[int]
    kept_empty: list[int]
    timed: list[int]
    clocked: list[int]
    open_ended: list[int]


def marked_places(
    src: Source, settings: Settings, table: str, kept: Callable[[int], bool] = lambda place: True
) -> MarkedPlaces:
    """:class:`MarkedPlaces` of ``table``, each place ``kept`` (those the query reads: its
    ``positions``)."""
    return MarkedPlaces(
        dated=[place for place in _dated(src, table) if kept(place)],
        untrimmed=[place for place in trim_kept_places(src, settings, table) if kept(place)],
        kept_empty=[place for place in empty_kept_places(src, settings, table) if kept(place)],
        timed=[place for place in named_compact_places(src, table) if kept(place)],
        clocked=[place for place in _clocked(src, table) if kept(place)],
        open_ended=[place for place in open_ended_places(src, table) if kept(place)],
    )


def trim_kept_places(src: Source, settings: Settings, table: str) -> list[int]:
    """The places in ``table`` of its columns whose text keeps its padding (``trim = false``)."""
    if not settings.columns:
        return []
    return untrimmed_places(settings, table, src.table(table).column_names)


def empty_kept_places(src: Source, settings: Settings, table: str) -> list[int]:
    """The places in ``table`` of its columns whose ``''`` is a value (``empty_is_null = false``)."""
    if not settings.columns:
        return []
    return kept_empty_places(settings, table, src.table(table).column_names)


def _dated(src: Source, table: str) -> list[int]:
    """The places in ``table`` of its columns declared a date or timestamp (``DATE``, ``DATETIME``,
    ``TIMESTAMP``; not ``TIME``, a time of day), whose eight-digit integers the text query also parses
    as compact dates (see :func:`.lossless.compact_dates`)."""
    return [
        place for place, column in enumerate(src.table(table).columns) if declared_dated(column.declared_type)
    ]


def _clocked(src: Source, table: str) -> list[int]:
    """The places in ``table`` of its columns declared a time of day without zone (``TIME``,
    ``TIME(6)``: :func:`.affinity.declared_wall_clock_time`), whose text of a time of day the text
    query shapes :attr:`Shape.TIME_OF_DAY` (read as ``time`` where every present value is one)."""
    return [
        place
        for place, column in enumerate(src.table(table).columns)
        if declared_wall_clock_time(column.declared_type)
    ]


def named_compact_places(src: Source, table: str) -> list[int]:
    """The places in ``table`` of its columns not declared a date or timestamp whose name says they
    hold a time (``rev_timestamp``, ``page_touched``, ``user_registration``;
    :func:`.date_names.date_like_name`, with :data:`.date_names._COMPACT_TIME_WORDS`), not the one column of a
    declared primary key (an identifier, whatever its name): the profile reads their 14-digit integers as
    compact timestamps (see :func:`.lossless.compact_dates`)."""
    return [place for place, column in enumerate(src.table(table).columns) if named_compact(column)]


def open_ended_places(src: Source, table: str) -> list[int]:
    """The places in ``table`` of its columns whose integers :func:`.epochs.epoch_reading` may read as epoch
    instants: a date-like name (:func:`.date_names.date_like_name`) or a declared date or timestamp type, not
    the one column of a declared primary key (an identifier, whatever its name) nor a Core Data date
    (another epoch). Only theirs are counted beside the stand-ins for no end
    (:func:`.sql.open_end_sql`, :func:`.epochs.epoch_open_ends`)."""
    return [
        place
        for place, column in enumerate(src.table(table).columns)
        if not (column.primary_key and not column.composite_key)
        and column.counts_from is None
        and (declared_family(column.declared_type) in DATE_TYPES or date_like_name(column.name))
    ]


def padding_kept_found(src: Source, settings: Settings, table: str, cells: str) -> dict[int, str]:
    """Place in ``table`` → note, of its columns whose values' ends are kept as written for what they
    hold, found among the counted cells in the DuckDB table ``cells``: one-character marks beside a lone
    blank (:mod:`.marks`), then Windows-1252 text read as Latin-1 with an ellipsis at an end
    (:mod:`.latin1_text`: only a column whose repair, ``windows_1252``, the operator turned off); a
    column is the first's. None whose ``trim`` the operator set (either way, it
    is theirs)."""
    names = src.table(table).column_names
    found = table_overrides(settings, table, names) if settings.columns else {}
    set_trim = {name for name, override in found.items() if override.trim is not None}
    # Windows-1252 text read as Latin-1 is repaired first (.windows_1252), so only a column whose repair
    # the operator turned off keeps its U+0085 for this search (the wide bench export: -0.1 s of CPU).
    unrepaired = unrepaired_places(settings, table, names)
    searches = [(marks_sql(cells), MARKS_NOTE)]
    if unrepaired:
        searches.append((ellipsis_sql(cells, unrepaired), ELLIPSIS_NOTE))
    kept: dict[int, str] = {}
    cursor = src.connection.cursor()
    try:
        for sql, note in searches:
            for (place,) in cursor.execute(sql).fetchall():
                if names[int(place)] not in set_trim:
                    kept.setdefault(int(place), note)
    finally:
        cursor.close()
    return kept
