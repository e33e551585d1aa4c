"""Moments written as numbers: epoch integers read as instants or days, and moments kept as numbers."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import cast

from columnar_etl.models import DATE_TYPES, EpochUnit, InferredType
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.affinity import declared_scale
from columnar_etl.profiling.epochs import (
    EPOCH_UNITS,
    MomentNumbers,
    MomentUnit,
    epoch_days,
    epoch_nanoseconds,
    epoch_open_ends,
    epoch_reading,
    moment_expression,
    moment_numbers,
    whole_days,
    windows_filetime,
)
from columnar_etl.profiling.merged_numbers import KEPT_AS_NUMBERS
from columnar_etl.profiling.no_date_numbers import (
    StandIns,
    epoch_beside_stand_ins,
    epoch_beside_zeros,
    moment_text,
    only_stand_ins,
)
from columnar_etl.profiling.number_reading import Counts
from columnar_etl.rules.epochs import EPOCH_PER_SECOND
from columnar_etl.source.tables import SourceColumn


def moments_kept_as_numbers(
    column: SourceColumn,
    family: InferredType | None,
    counts: Counts,
    inferred: InferredType,
    notes: list[str],
    *,
    fractional: int,
    n_dates: int,
) -> tuple[str | None, tuple[EpochUnit, tuple[int, ...]] | None]:
    """Whether a number column's values are moments of one way kept as numbers (julianday() REALs,
    epoch days, Windows FILETIME, epoch integers beside 0 for no date): its note in ``notes``, and the
    expression of the moment where a date is declared (``read_as_moment``: no misfit) and the unit
    and the values for no date of epoch integers beside them, or None."""
    # Numbers alone of one of SQLite's ways of storing a moment with a fraction (julianday() REALs,
    # time.time() seconds) where a date is declared: kept as numbers (a double holds each exactly; a
    # timestamp would round them), every value a moment as declared: no misfit (until 2026-12-03 each
    # was a type_mismatch, "declared DATETIME but the values are double", and such a column halted a
    # small export's run). The note says how a reader gets the instant.
    # Where only the name says moment (Dagster's `start_time FLOAT`, beets' `mtime`), the same note,
    # nothing else (a misfit of a declared type is one still: read_as_moment is a declared date's).
    # The same numbers written as decimal text (str(time.time()) in a VARCHAR, as a web archiver keys
    # its snapshots) are numeric, every value as written: the same note since 2026-12-05.
    # Days since 1970 in a column declared DATE (R's Date with extended_types): integers as written,
    # no misfit (until 2026-12-04 each was a type_mismatch, "declared DATE but the values are
    # integer", and nothing said what they count); the note gives the day.
    one_way = (
        moment_numbers(column, family, counts, fractional)
        if inferred in ("double", "numeric") and fractional and not n_dates
        else epoch_days(column, family, counts)
        or windows_filetime(column, family, counts)
        or epoch_nanoseconds(column, family, counts)
        if inferred == "integer" and not n_dates
        else None
    )
    read_as_moment = moment_expression(column, one_way) if family in DATE_TYPES else None
    beside_no_dates: tuple[EpochUnit, tuple[int, ...]] | None = None
    if one_way is None and inferred == "integer" and not n_dates:
        # Epoch integers beside 0 for "no date" (Trac's version time) stay integers, as written (no
        # read_as_moment: a declared date's misfits are as before); since 2026-12-04 the note says
        # what the others are, nothing else.
        one_way = epoch_beside_zeros(column, family, counts)
        if one_way is None and epoch_reading(column, family, counts) is None:
            # Beside other stand-ins for no date or never (MantisBT's 1 for no due date, the DOS epoch,
            # the largest 32- and 64-bit integers), standing out from the moments, likewise since
            # 2026-12-07 (until then no note: a dashboard showed 1970-01-01 00:00:01 or a year 30828).
            stood = epoch_beside_stand_ins(column, family, counts)
            one_way = replace(stood.moments, phrase=stood.phrase) if stood is not None else None
            if (alone := only_stand_ins(column, counts)) is not None:
                notes.append(alone)
        if one_way is not None and one_way.unit in EPOCH_UNITS.values() and _instants(one_way):
            # Nanoseconds are never read, nor a stand-in no timestamptz holds (the largest 64-bit integer).
            beside_no_dates = (cast(EpochUnit, one_way.unit.value), one_way.no_dates)
    instant = moment_expression(column, one_way)
    if one_way is not None and instant is not None:
        declared = f" in a column declared {column.declared_type}" if family in DATE_TYPES else ""
        kept = {"integer": "bigint", "numeric": "numeric"}.get(inferred, "double precision")
        moment = "day" if one_way.unit == MomentUnit.EPOCH_DAYS else "instant"
        notes.append(
            f"{one_way.phrase}{declared}: {KEPT_AS_NUMBERS}{kept}), every value as written; "
            f"the {moment} is {instant}"
        )
    return read_as_moment, beside_no_dates


def epoch_integers(
    column: SourceColumn,
    family: InferredType | None,
    counts: Counts,
    inferred: InferredType,
    reason: str,
    notes: list[str],
) -> tuple[InferredType, str, str | None, list[str]]:
    """Whether a number column's integers are epoch days (date), epoch instants (timestamptz) or the
    whole amounts of a declared decimal (numeric), else ``inferred`` and ``reason`` as they are; the
    epoch's unit and the stand-ins for no end beside it that its note quotes. Notes (the epoch, its
    open ends, a Core Data date's seconds) in ``notes``."""
    # The unit of the column's epoch integers, where they are read as instants (ColumnProfile.epoch_unit),
    # and the stand-ins for no end beside them its note quotes.
    epoch_unit: str | None = None
    open_ends_quoted: list[str] = []
    if inferred == "integer" and counts["min_number"] is not None:
        epoch_unit = epoch_reading(column, family, counts)
        if (epoch := epoch_unit) and whole_days(family, epoch, counts):
            # A DATE column's epoch integers, each at midnight UTC (Directus' date fields in
            # milliseconds), are days: as instants a reader west of UTC saw each the day before.
            inferred = "date"
            notes.append(
                f"integers are epoch {epoch}, each at midnight UTC, in a column declared "
                f"{column.declared_type}: inferred date (the day each names)"
            )
        elif epoch:
            # An epoch counts from 1970-01-01 UTC: it names an instant, as a UTC offset does, and a
            # timestamp without time zone would leave readers to guess its zone (now() compared
            # with it shifts by the session's offset).
            inferred = "timestamptz"
            notes.append(
                f"integers are epoch {epoch} in a date-like or date-declared column: inferred "
                "timestamptz (instants)"
            )
        elif (declared_scale(column.declared_type) or 0) > 0:
            # DECIMAL(10,2) of whole amounts only (NUMERIC affinity stores '12.00' as the INTEGER
            # 12): a decimal column, whose first fraction would make next quarter's type another.
            # Not a bare DECIMAL: csvkit declares every number column so (ids, counts, seconds).
            inferred, reason = (
                "numeric",
                f"declared {column.declared_type}: whole amounts of a decimal column",
            )
    if epoch_unit and (ended := epoch_open_ends(column, family, counts)):
        # Far-future stand-ins for no end beside the instants (.NET's DateTime.MaxValue as
        # Unix seconds, 9999-12-31, 2038-01-19), each read as its instant: until 2026-12-06
        # the column was bigint with no note, or, declared a date, its seconds were read as
        # milliseconds of 1970 (their bounds, the stand-in's 1978 too, fit that unit alone).
        notes.append(_open_ends_said(*ended, days=inferred == "date"))
        open_ends_quoted = [str(value) for value in ended[1]]
    stood = epoch_beside_stand_ins(column, family, counts) if epoch_unit and not open_ends_quoted else None
    if epoch_unit and stood is not None and stood.moments.unit == EPOCH_UNITS[epoch_unit]:
        # Stand-ins for no date beside instants that are instants without them, of that unit (a DOS epoch
        # among a declared DATETIME's seconds): each read as the instant it counts, as before; since
        # 2026-12-07 a note counts them and gives the NULLIF a reader writes for "no date".
        notes.append(_stand_ins_read(column.name, epoch_unit, stood, days=inferred == "date"))
        open_ends_quoted = [str(value) for value in stood.cells]
    if column.counts_from is not None:
        notes.append(
            f"seconds since {column.counts_from} UTC (a Core Data date): kept as numbers; the instant "
            f"is timestamptz '{column.counts_from} 00:00:00+00' + {quote_ident(column.name)} * "
            "interval '1 second'"
        )
    return inferred, reason, epoch_unit, open_ends_quoted


def _open_ends_said(unit: str, ends: dict[int, int], *, days: bool = False) -> str:
    """A note of the stand-ins for no end an epoch column holds, each with its cells and its instant:
    ``3 values are 253402300799, 9999-12-31 23:59:59 UTC, which applications write for no end ...``
    (``days``: a DATE column's, each at midnight, read as the day it names)."""
    per_second = EPOCH_PER_SECOND[unit]
    said: list[str] = []
    for value, cells in sorted(ends.items(), key=lambda end: (-end[1], end[0])):
        instant = datetime(1970, 1, 1) + timedelta(microseconds=value * 1_000_000 // per_second)
        spec = (
            "seconds"
            if not instant.microsecond
            else "milliseconds"
            if per_second == 1_000
            else "microseconds"
        )
        verb = "are" if cells > 1 else "is"
        counted = (
            f"{cells:,} {'values' if cells > 1 else 'value'} {verb}" if not said else f"{cells:,} {verb}"
        )
        said.append(f"{counted} {value}, {instant.isoformat(sep=' ', timespec=spec)} UTC")
    read = "the day it names" if days else "the instant it counts"
    return f"{', and '.join(said)}, which applications write for no end: each read as {read} in epoch {unit}"


def _instants(moments: MomentNumbers) -> bool:
    """Every stand-in for no date of ``moments`` (epoch integers of one unit) is an instant a timestamptz
    holds (before the year 10000: the largest 64-bit integer in any unit is none)."""
    per_second = EPOCH_PER_SECOND[moments.unit.value]
    return all(moment_text(value, per_second) is not None for value in moments.no_dates)


def _stand_ins_read(name: str, unit: str, stood: StandIns, *, days: bool = False) -> str:
    """A note of the stand-ins for no date or never a column of epoch instants holds, each read as the
    instant it counts (``days``: a DATE column's, the day it names), with the ``NULLIF`` a reader writes
    for "no date"."""
    per_second = EPOCH_PER_SECOND[unit]
    expression = quote_ident(name)
    for value in sorted(stood.cells):
        text = moment_text(value, per_second) or ""
        literal = f"DATE '{text[:10]}'" if days else f"TIMESTAMPTZ '{text}+00'"
        expression = f"NULLIF({expression}, {literal})"
    read = "the day it names" if days else "the instant it counts"
    return f"{stood.said()}: each read as {read} in epoch {unit}; the value or NULL is {expression}"
