"""One column's profile from its counted shapes: its type, confidence and dirt (:func:`infer_column`).

Its steps, in the order they decide, each in the module of its concern: the type the values' shapes
make (:mod:`.shaped_type`), whether it holds every value as written (:mod:`.lossless`), moments
written as numbers (:mod:`.numbered_moments`), how its dates or numbers read (:mod:`.value_reading`),
the dirt of any type (:mod:`.dirt`), how the values fit the declared type (:mod:`.declared_fit`);
around them, MySQL's zero dates and DEFAULTs that are no date (:mod:`.zero_dates`)."""

from __future__ import annotations

from functools import partial
from typing import Any, cast

from columnar_etl.config import ColumnOverride
from columnar_etl.models import DATE_TYPES, ColumnProfile, DateOrder, EpochUnit, Issue
from columnar_etl.profiling.affinity import declared_bit, declared_family
from columnar_etl.profiling.blanks import bare_default
from columnar_etl.profiling.declared_fit import declared_type_misfits, declared_type_notes
from columnar_etl.profiling.dirt import add_issue, cell_dirt, kept_token_notes
from columnar_etl.profiling.layout import (
    break_padded,
    indented,
    line_terminated,
    padded_width,
    paragraph_indented,
)
from columnar_etl.profiling.lossless import (
    compact_dates,
    dates_beside_default_zeros,
    lossless,
    widest_whole_digits,
)
from columnar_etl.profiling.number_reading import (
    COMMAS_PROVEN,
    POINTS_PROVEN,
    Counts,
    decimal_mark_of,
    no_integer_but_zero,
    points_unread,
    unproven_commas,
)
from columnar_etl.profiling.numbered_moments import epoch_integers, moments_kept_as_numbers
from columnar_etl.profiling.profile_codes import (
    DATE_SHAPE_BY_CODE,
    STORAGE_CLASS_NAMES,
    WALL_CLOCK_SHAPES,
    Flag,
    StorageClass,
)
from columnar_etl.profiling.shaped_type import shaped_type
from columnar_etl.profiling.value_reading import ValuesRead, read_dates, read_numbers
from columnar_etl.profiling.zero_dates import zero_dates_read
from columnar_etl.rules import Shape
from columnar_etl.source.tables import SourceColumn
from columnar_etl.wording import counted


def infer_column(
    table: str,
    column: SourceColumn,
    row_count: int,
    agg: dict[str, Any],
    *,
    date_order_default: DateOrder = "day_first",
    override: ColumnOverride | None = None,
    blob_numerals: int = 0,
    points_proven: bool = False,
    commas_proven: bool = False,
    never_set: tuple[str, int, bool] | None = None,
    trimmed: bool = False,
) -> ColumnProfile:
    """Decide a column's type and issues from its aggregate row (no data is read here); a date column
    whose reading ``override`` names (``formats``, ``date_order``) is read as it says (.overrides).
    ``blob_numerals``: BLOB cells the source read as the numerals they spell (``SqliteScans.numeral_blobs``),
    among the TEXT cells of ``agg``.

    A column declared a date or timestamp that reads as one holds its ``0`` cells as MySQL's zero date
    (:func:`.zero_dates._zero_dates_as_null_like`): they are null-like, as the text
    ``0000-00-00 00:00:00`` is, and its plan reads :data:`.zero_dates.ZERO_DATE_TOKEN` as NULL
    (``ColumnProfile.zero_dates``). ``never_set``: its declared DEFAULT that is no date (one no calendar
    has, or text that writes none) and how many cells hold it, counted null-like in ``agg`` already
    (:func:`.zero_dates.never_set_default`): the plan reads it as NULL too.

    ``points_proven``: the export's other columns prove a point the decimal mark, so numbers such as
    ``1.200`` are decimals (:func:`.number_reading.points_as_the_export_proves`); ``commas_proven``: they
    prove a decimal comma, so comma-joined integers such as ``1,3`` are decimals
    (:func:`.number_reading.commas_as_the_export_proves`). ``trimmed``: the operator's ``trim = true`` for the
    column: documents (:func:`.layout.line_terminated`, :func:`.layout.indented`,
    :func:`.layout.break_padded`) and paragraphs indented (:func:`.layout.paragraph_indented`) are
    trimmed as it asks, not loaded byte for byte (``ColumnProfile.layout_kept``)."""
    if points_proven:
        agg = {**agg, POINTS_PROVEN: True}
    if commas_proven:
        agg = {**agg, COMMAS_PROVEN: True}
    infer = partial(
        _infer_column,
        table,
        column,
        row_count,
        date_order_default=date_order_default,
        override=override,
        blob_numerals=blob_numerals,
        trimmed=trimmed,
    )
    profiled = zero_dates_read(column, infer, agg)
    if never_set is not None:
        token, cells, dated = never_set
        profiled.zero_dates.append(token)
        what = (
            'a date no calendar has: the schema\'s "not set"'
            if dated
            else "text that writes no date (SQL's current time quoted is stored as its text: no time "
            "was recorded)"
        )
        profiled.notes.append(
            f"{cells:,} {'cell holds' if cells == 1 else 'cells hold'} {token}, the DEFAULT the column "
            f"declares ({column.declared_type}), {what}, no date: NULL (rule null_like_to_null, as "
            "0000-00-00 00:00:00)"
        )
    return profiled


def _infer_column(
    table: str,
    column: SourceColumn,
    row_count: int,
    agg: dict[str, Any],
    *,
    date_order_default: DateOrder = "day_first",
    override: ColumnOverride | None = None,
    blob_numerals: int = 0,
    trimmed: bool = False,
) -> ColumnProfile:
    """:func:`infer_column`, the column's 0s read as its values say."""
    counts = Counts(agg)
    nulls, empty, null_like = (
        counts.shape(Shape.NULL),
        counts.shape(Shape.EMPTY),
        counts.shape(Shape.NULL_LIKE),
    )
    present = row_count - nulls - empty - null_like
    family = declared_family(column.declared_type)
    # Seconds since another epoch (a Core Data date, see conventions.core_data_dates) are no YYYYMMDD.
    counts.compact = compact_dates(counts, column, family, present) if column.counts_from is None else {}
    compact = sum(counts.compact.values())
    # A timestamp finer than PostgreSQL keeps is a date by its look: it counts towards a date column,
    # which lossless then keeps text rather than round it.
    n_dates = counts.shape(*DATE_SHAPE_BY_CODE, Shape.TS_FINER_THAN_MICROSECONDS) + compact
    n_numbers = counts.numbers() - compact
    n_bool_words = counts.shape(Shape.BOOLEAN_WORD)
    n_bool = n_bool_words + counts.flag(Flag.ZERO_ONE)
    if family == "integer" and n_bool_words and declared_bit(column.declared_type):
        # SQL Server's and MySQL's BIT is a flag: its 0s and 1s stay the integers they are (a column of
        # them alone is bigint), but an application that binds its flags as words (a Kobo eReader's
        # 'true'/'false' under `IsDownloaded BIT NOT NULL DEFAULT 1`) writes a boolean, as under BOOL.
        family = "boolean"
    fractional = counts.numbers() - counts.integers()
    # PostgreSQL's infinity and NaN beside a column's dates or numbers are values of its type: they
    # count towards its majority (a temporal table's valid_to is 'infinity' for every current row),
    # and lossless then keeps the column text.
    non_finite = counts.shape(Shape.NON_FINITE)
    # Dates of two-digit years count towards a column declared a date (never read: lossless keeps it
    # text); undeclared, they are text like any other.
    two_digit = counts.shape(Shape.TWO_DIGIT_YEAR) if family in ("date", "timestamp") else 0
    notes: list[str] = []
    classes = counts.classes
    inferred, reason, two_ways, defaulted, written_binary = shaped_type(
        column,
        counts,
        family,
        present,
        n_dates=n_dates,
        n_numbers=n_numbers,
        n_bool=n_bool,
        n_bool_words=n_bool_words,
        fractional=fractional,
        non_finite=non_finite,
        two_digit=two_digit,
    )
    shaped = inferred
    inferred, reason, whole = lossless(
        inferred, reason, counts, column.declared_type, present, key=column.primary_key
    )
    dates_beside_default = (
        dates_beside_default_zeros(column, counts, present)
        if inferred == "text" and shaped != "text"
        else None
    )
    if inferred == "date" and (
        midnights := sum(counts.valid(s, None, Flag.MIDNIGHT) for s in WALL_CLOCK_SHAPES)
    ):
        notes.append(
            f"{counted(midnights, 'value')} written as a timestamp at midnight in a column declared "
            f"{column.declared_type}: read as {'its' if midnights == 1 else 'their'} day, the time of zeros "
            "dropped (audited date_format)"
        )
    read_as_moment, beside_no_dates = moments_kept_as_numbers(
        column, family, counts, inferred, notes, fractional=fractional, n_dates=n_dates
    )
    issues: list[Issue] = []
    epoch_unit: str | None = None
    open_ends_quoted: list[str] = []
    read: ValuesRead
    if inferred in DATE_TYPES:
        read = read_dates(
            column,
            counts,
            inferred,
            notes,
            issues,
            date_order_default=date_order_default,
            override=override,
            n_dates=n_dates,
            compact=compact,
            present=present,
            defaulted=defaulted,
        )
    elif inferred == "boolean":
        read = ValuesRead(valid=n_bool)
        # Not a known spelling: cleaning quarantines it, so it costs what any unfixable value costs.
        add_issue(
            issues,
            "invalid_boolean",
            present - read.valid,
            counts.examples("other"),
            "not a known boolean spelling",
        )
    elif inferred in ("integer", "numeric", "double"):
        read = read_numbers(column, counts, inferred, issues, n_numbers=n_numbers, present=present)
        inferred, reason, epoch_unit, open_ends_quoted = epoch_integers(
            column, family, counts, inferred, reason, notes
        )
    elif inferred == "bytea":
        read = ValuesRead(valid=present)
        if classes[StorageClass.BLOB]:
            mixed = row_count - nulls - classes[StorageClass.BLOB]
            add_issue(
                issues,
                "mixed_storage_classes",
                mixed,
                detail="BLOB cells among INTEGER/REAL/TEXT cells: the column is bytea and those cells are "
                "loaded as the UTF-8 bytes of their text",
            )
    else:
        read = ValuesRead(valid=present, minimum=counts["min_text"], maximum=counts["max_text"])
    valid = read.valid
    layout, documents, padded = cell_dirt(
        inferred, counts, notes, issues, present=present, empty=empty, null_like=null_like, trimmed=trimmed
    )
    declared_type_misfits(
        column,
        counts,
        family,
        shaped,
        inferred,
        reason,
        notes,
        issues,
        whole=whole,
        present=present,
        valid=valid,
        compact=compact,
        n_bool_words=n_bool_words,
        blob_numerals=blob_numerals,
        dates_beside_default=dates_beside_default,
        two_ways=two_ways,
        read_as_moment=read_as_moment,
        written_binary=written_binary,
    )
    declared_type_notes(column, counts, family, inferred, notes)
    tokens, quoted = kept_token_notes(column, counts, agg, notes)
    quoted += open_ends_quoted
    if blob_numerals:
        notes.append(
            f"{blob_numerals:,} BLOB {'cell is' if blob_numerals == 1 else 'cells are'} the ASCII text of a "
            f"number (declared {column.declared_type}): read as that text, as number text is "
            "(rule blob_numeral, each cell audited)"
        )
    # The string 'null' and current_timestamp are not copied literally; SQL's NULL (unquoted) is every
    # column's default, in PostgreSQL too: nothing is lost, nothing to say.
    default = bare_default(column.default).lower()
    if default.strip("'\"") == "current_timestamp" or default in ("'null'", '"null"'):
        notes.append(f"SQLite default {column.default} is not copied literally")

    return ColumnProfile(
        table=table,
        name=column.name,
        declared_type=column.declared_type,
        blob_numerals=blob_numerals,
        inferred_type=inferred,
        confidence=(valid / present) if present else 1.0,
        row_count=row_count,
        null_count=nulls,
        empty_string_count=empty,
        null_like_count=null_like,
        whitespace_padded_count=padded,
        padded_documents=0 if layout else documents,
        documents_trimmed=trimmed and documents > 0,
        line_terminated=line_terminated(inferred, counts, present),
        padded_width=padded_width(inferred, counts),
        indented=indented(inferred, counts, present),
        break_padded=break_padded(inferred, counts, present),
        paragraph_indented=paragraph_indented(inferred, counts, present),
        layout_kept=layout,
        nul_byte_count=counts.flag(Flag.NUL),
        distinct_count=int(counts["distinct"] or 0),
        valid_count=int(valid),
        invalid_count=int(present - valid),
        min=read.minimum,
        max=read.maximum,
        date_formats=read.date_formats,
        date_order=read.date_order,
        issues=issues,
        notes=notes,
        default=column.default,
        # Whatever the type: a text column an override makes numeric keeps these digits.
        min_scale=counts["min_scale"],
        max_scale=counts["max_scale"],
        max_whole_digits=widest_whole_digits(counts) if counts.measured_whole() else None,
        # As the values prove it whatever the type: a text column overridden to a number reads it so.
        comma=counts.comma,
        own_format=read.own_format,
        format_misfits=read.format_misfits,
        reading_override=read.reading_override,
        digit_groups=counts.groups,
        storage_classes={
            STORAGE_CLASS_NAMES[storage]: n
            for storage, n in classes.items()
            if n and storage != StorageClass.NULL
        },
        type_reason=reason,
        decimal_mark=decimal_mark_of(counts),
        points_unproven=points_unread(counts) if inferred == "text" and no_integer_but_zero(counts) else 0,
        commas_unproven=unproven_commas(counts) if inferred == "text" else 0,
        bytes=int(counts["bytes"] or 0),
        tokens_as_values=tokens,
        epoch_unit=cast(EpochUnit, epoch_unit) if inferred in DATE_TYPES else None,
        epoch_beside_no_dates=beside_no_dates if inferred == "integer" else None,
        quoted=quoted,
        shown=sorted(counts.shown),
        personal_data={
            kind: n
            for kind, flag in (
                ("email", Flag.EMAIL),
                ("phone", Flag.PHONE),
                ("person_name", Flag.PERSON_NAME),
            )
            if (n := counts.flag(flag))
        },
    )
