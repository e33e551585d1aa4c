"""How a column's values fit the type its schema declares: misfits, TEXT cells of the declared type,
and notes on declared types PostgreSQL has no equivalent of or that name a size."""

from __future__ import annotations

import re

from columnar_etl.models import DATE_TYPES, InferredType, Issue
from columnar_etl.profiling.affinity import (
    READ_AS_TIME,
    declared_binary,
    declared_wall_clock_time,
    time_of_day_or_interval,
)
from columnar_etl.profiling.dirt import add_issue
from columnar_etl.profiling.lossless import (
    cleanly_read_count,
    declared_misfits,
    kept_whole_note,
    text_of_the_type,
)
from columnar_etl.profiling.number_reading import Counts
from columnar_etl.profiling.profile_codes import Flag
from columnar_etl.rules import Shape
from columnar_etl.source.tables import SourceColumn
from columnar_etl.wording import agree, counted


def _compatible(declared: InferredType | None, inferred: InferredType) -> bool:
    if declared is None or declared == inferred:
        return True
    if declared == "timestamp" and inferred == "timestamptz":  # TIMESTAMP WITH TIME ZONE, TIMESTAMPTZ
        return True
    numbers = {"integer", "double", "numeric"}
    # REAL holding 1.25 is numeric, INTEGER-affinity NUMERIC holding 2.5 is numeric: same family.
    return (
        declared in numbers and inferred in numbers and not (declared == "integer" and inferred != "integer")
    )


def declared_type_misfits(
    column: SourceColumn,
    counts: Counts,
    family: InferredType | None,
    shaped: InferredType,
    inferred: InferredType,
    reason: str,
    notes: list[str],
    issues: list[Issue],
    *,
    whole: bool,
    present: int,
    valid: int,
    compact: int,
    n_bool_words: int,
    blob_numerals: int,
    dates_beside_default: str | None,
    two_ways: bool,
    read_as_moment: str | None,
    written_binary: str | None,
) -> None:
    """Which of a column's values misfit its declared type (``type_mismatch`` in ``issues``): none
    where they are of it and kept text only to keep each whole (``whole``: ``shaped`` is their type
    before :func:`.lossless.lossless`), dates beside the DEFAULT 0, moments written two ways or one,
    binary data written as TEXT; else those that are no value of it, or those of it SQLite stores as
    TEXT. Notes in ``notes``."""
    if whole and family is not None and _compatible(family, shaped) and present:
        # Values of the declared type, kept text only because one is wider than the load's type holds:
        # no dirt and no mismatch (it halted a small table's run as "15 of 15 values are not a
        # number"). Values of no such shape still misfit the declared type.
        notes.append(kept_whole_note(column.declared_type, shaped, reason, counts))
        # A timestamp finer than microseconds is one, of its own shape (no date shape's valid count).
        finer = counts.shape(Shape.TS_FINER_THAN_MICROSECONDS) if shaped in DATE_TYPES else 0
        misfits = present - cleanly_read_count(shaped, counts) - finer
        misfits -= counts.shape(Shape.NON_FINITE, Shape.TWO_DIGIT_YEAR)
        add_issue(
            issues,
            "type_mismatch",
            misfits,
            detail=f"declared {column.declared_type}; {misfits:,} of {counted(present, 'value')} "
            f"{'is' if misfits == 1 else 'are'} not {_a(shaped)}: inferred {inferred}",
        )
    elif dates_beside_default:
        # Dates, as declared, beside the schema's DEFAULT 0 of the rows never set (more of them than
        # dates: no zero date, see .zero_dates._zero_dates_as_null_like): text so that no date is lost,
        # and no value misfits (its note says so; the 0s arrive as '0').
        notes.append(dates_beside_default)
    elif two_ways or read_as_moment or written_binary:
        # Nothing but moments, as declared: text only so that neither way is lost, no value misfits
        # (until 2026-12-03 each was a type_mismatch, and one such column in a table of ten halted the
        # run as "text where the declared type says otherwise"). Binary data written as TEXT is bytes
        # whatever the column was declared: kept byte for byte, no value misfits (its reason says why).
        pass
    elif not _compatible(family, inferred) and present:
        misfits, detail = declared_misfits(counts, family, present)
        if misfits:
            detail = f"declared {column.declared_type}; {detail}: inferred {inferred}"
        else:  # every cell is stored as the declared type says, but reads as another (epoch integers)
            misfits, detail = present, f"declared {column.declared_type} but the values are {inferred}"
        add_issue(issues, "type_mismatch", misfits, detail=detail)
    elif family not in (None, "text") and (
        # A BLOB read as the numeral it spells is no TEXT cell (its note below says so).
        stored_as_text := max(
            0, text_of_the_type(counts, inferred, valid, compact, n_bool_words) - blob_numerals
        )
    ):
        # The declared type is right but SQLite stores these values as TEXT: a tool trusting storage
        # classes would create a TEXT column. Fixable: they parse as the inferred type (a TEXT cell
        # that does not is counted as invalid, under its own kind).
        add_issue(
            issues,
            "type_mismatch",
            stored_as_text,
            detail=f"declared {column.declared_type}; {stored_as_text:,} of {present:,} "
            f"{agree(present, 'value', 'values')} {agree(stored_as_text, 'is', 'are')} stored as TEXT and "
            f"{'reads' if stored_as_text == 1 else 'read'} as {inferred}",
        )


def declared_type_notes(
    column: SourceColumn,
    counts: Counts,
    family: InferredType | None,
    inferred: InferredType,
    notes: list[str],
) -> None:
    """What ``notes`` say of a column's declared type: a time of day or a duration (the values decide
    the type), one with no PostgreSQL equivalent, or a size that is not kept."""
    # BLOB is SQLite's word for bytes (bytea's), as BINARY(16), VARBINARY and BYTEA are other databases':
    # they claim no other type, and need no note (bytea is their PostgreSQL equivalent).
    if family is None and time_of_day_or_interval(column.declared_type):
        # An ORM may store a duration as a number (Pony ORM: REAL days): its unit is the writer's; or a
        # time with a date (sqlite-jdbc's date_class=TEXT: `1970-01-01 01:01:01.000`), read as such.
        if inferred == "time":
            respelled = counts.valid(Shape.TIME_OF_DAY, None, Flag.NOT_CANONICAL)
            them = "it" if respelled == 1 else "them"
            respelt = (
                f"; {respelled:,} written otherwise than PostgreSQL's text of {them} "
                "(08:30 for 08:30:00: audited time_format)"
                if respelled
                else ""
            )
            notes.append(f"declared {column.declared_type}: {READ_AS_TIME}{respelt}")
        else:
            if inferred in ("integer", "double", "numeric"):
                kept = "numbers stay numbers: no unit is assumed"
            elif inferred in DATE_TYPES:
                kept = f"values written with a date read as {inferred}"
            elif declared_wall_clock_time(column.declared_type):
                kept = "a value of another shape beside times of day keeps them all text, as written"
            else:
                kept = "times with a zone and durations stay text, as written"
            notes.append(
                f"declared {column.declared_type}: a time of day or a duration, no date; only a time "
                f"of day without zone is read (as time) where every value is one, so the values "
                f"decide the type ({kept})"
            )
    elif family is None and column.declared_type and not declared_binary(column.declared_type):
        notes.append(
            f"declared type {column.declared_type!r} has no PostgreSQL equivalent; mapped by the data"
        )
    elif re.search(r"\(\s*\d+", column.declared_type) and inferred != "text":
        # Not that PostgreSQL would refuse it (it takes varchar(40) and numeric(10,2), not int(10)):
        # the size is not what sizes the target column, the values are.
        notes.append(
            f"declared type {column.declared_type!r}: its size is not kept; the values decide the type"
        )


def _a(inferred: InferredType) -> str:
    """``an integer``, ``a number``, ``a date``: what a value of the type is called."""
    if inferred == "integer":
        return "an integer"
    return "a number" if inferred in ("numeric", "double") else f"a {inferred}"
