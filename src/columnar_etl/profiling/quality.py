"""Quality scores and the circuit breaker: what the profile's numbers mean for the run.

Quality score (documented in docs/profiling.md): a column starts at 100 and each problem cell costs
points by severity, per 1 % of the column's rows —

- unfixable (``impossible_date``, ``other_date_order``, ``unparseable_date``, ``invalid_number``,
  ``invalid_boolean``, ``orphan_reference``): 10
- fixable (``empty_string``, ``null_like``, ``non_iso_date``, ``comma_decimal``,
  ``thousands_separator``, ``minus_sign``, ``ambiguous_date_order``, ``invalid_encoding``,
  ``windows_1252``): 4
- cosmetic (``whitespace``, ``nul_byte``): 2
- ``type_mismatch`` where the data is text but the declared type is not (unfixable; the issue counts
  the values whose storage class the declared type does not hold, TEXT cells in an INTEGER column, but
  the cost counts every value of the column: it becomes text, and all of them lose the declared type):
  0.2. A declared type whose values SQLite stores as TEXT but which parse as that type (``TIMESTAMP``
  holding ``2025-05-20 08:42:00``) is reported, and costs nothing: the load fixes it.

A column's own format is no dirt: where most of a date column's valid dates are written one
non-canonical way (one format: ``%d.%m.%Y %H:%M``, ``%d/%m/%Y``, ``%Y-%m-%dT%H:%M:%S``, ...) rather than
canonically (``2025-05-20``, ``2025-05-20 08:42:00``), and its reading is proven (no
``ambiguous_date_order``, no conflicting order evidence, no ``other_date_order``), or most of a number
column's decimals are written with a decimal comma (its comma reading is ``decimal``) rather than a
point (TEXT ``3.5``, REAL cells under an affinity that makes them of such text), or most of the
numbers of a thousand or more of a column whose commas are proven to group thousands (its comma
reading is ``thousands``) are written so (``1,234.50``) rather than without (``1234.50``; INTEGER and
REAL cells under such an affinity), its ``non_iso_date`` / ``comma_decimal`` /
``thousands_separator`` issue costs only the values written otherwise (``ColumnProfile.format_misfits``:
the other formats, ISO dates, point decimals or ungrouped numbers among them), 4 points per 1 %.
Mixing is the dirt, and costs the fewer way, whichever it is; a column written canonically for the
most part pays for its non-canonical values, as always. Values that are no date or number cost by
their own kinds, and do not make the format dirt. Digits grouped by spaces or apostrophes
(``39 924,83``, ``1'234.50``; ``ColumnProfile.digit_groups``) are read only where every value of the
column is written that one way: their ``thousands_separator`` costs nothing. A number written with
U+2212 MINUS SIGN (``−1 234,50``: ICU's sign, so Swedish, Norwegian, Finnish spreadsheets') is written
the locale's correct way, read with '-' by its rule: its ``minus_sign`` costs nothing. A table that
holds no NULL and no null token writes a missing value one way, ``''`` (a CSV imported into SQLite;
``ColumnProfile.blank_is_missing``): its ``empty_string`` costs nothing either; so does a text column's
declared NOT NULL, holding no null token (an ORM's blank string fields), or declared ``DEFAULT ''``,
holding no NULL and no null token (Go's ent: an optional string with a default), and a column every row of
which is ``''`` (it holds no value: an application's text field never filled), and a column every row
of which is the same null token spelled one way (``ColumnProfile.token_is_unfilled``: ``None`` in each
row, an enumeration's "none" never set otherwise): its ``null_like`` costs nothing. A key loaded as
written whose null tokens are all cleaning would change, in a column declared NOT NULL or a table
holding no NULL (``ColumnProfile.token_kept_in_key``: a user called ``null``), keeps them as the text
they are: its ``null_like`` costs nothing. A column of ``trim = false`` has no ``whitespace`` issue
at all: its padding is the layout the operator declared, and the profile counts its values as
written (``ColumnProfile.padding_kept``), as cleaning keeps them. A column of ``empty_is_null =
false`` has no ``empty_string``: its ``''`` is a value (``ColumnProfile.empty_kept``). Nor is a line's
terminator: a text
column every value of which (NULL, ``''`` and null tokens aside) ends in exactly one line break, ``\\n``
or ``\\r\\n``, and is padded by nothing else (YAML documents, base64 lines, tracebacks;
``ColumnProfile.line_terminated``, counted over every value by the profile query) writes lines:
documents, loaded byte for byte (``ColumnProfile.layout_kept``: none of its values trimmed, so none
counted padded, no ``whitespace`` issue); trimmed as the operator's ``trim = true`` asks, its
``whitespace`` issue is reported and each value audited, but it costs nothing. Only some values so, or
one of one line padded otherwise (``' x\\n'``, ``'x \\n'``, ``'x\\n\\n'``), costs as before. Nor is the
padding of fixed-width fields: a text column every padded value of which (null tokens aside) is padded
by spaces at its end alone, or every one at its start alone (right-aligned, printf's ``%5d``), to one
width in characters that its unpadded values fill (a dBase
``C(30)`` through dbf-to-sqlite, a ``CHAR(10)`` copied as written; ``ColumnProfile.padded_width``):
each value is still trimmed and audited, at no cost. Nor is a document's padding: a text value of
several lines (a line break in its trimmed text: a patch, a mail body, a stack, a Markdown page) is
loaded byte for byte whatever pads it, so it is not counted padded
(``ColumnProfile.padded_documents``, reported in a note); trimmed as ``trim = true`` asks
(``ColumnProfile.documents_trimmed``), it costs nothing, the values of one line as before. Columns
every value of which is several lines indented or padded by line breaks alone
(``ColumnProfile.indented``, ``ColumnProfile.break_padded``) are such documents, loaded byte for byte.
Nor is a paragraph's indent: a text column every value of which opens on ideographic spaces (U+3000),
one of one line padded by nothing else (``ColumnProfile.paragraph_indented``: Chinese and Japanese
prose), is loaded as written, none counted padded; trimmed as ``trim = true`` asks, it costs nothing.

floored at 0. A table scores the mean of its columns; the export scores the mean of its tables weighted
by cells (rows × columns). The score after cleaning is measured the same way on what the cleaner did
(:mod:`columnar_etl.cleaning.quality`).
"""

from __future__ import annotations

from collections.abc import Mapping

from columnar_etl.config import Settings
from columnar_etl.models import DATE_TYPES, ColumnProfile, GateReason, GateResult, TableProfile
from columnar_etl.wording import agree, counted

#: Points per 1 % of rows, by issue kind.
PENALTY_PER_PERCENT: dict[str, float] = {
    "impossible_date": 10.0,
    "other_date_order": 10.0,
    "unparseable_date": 10.0,
    "invalid_number": 10.0,
    "invalid_boolean": 10.0,
    "orphan_reference": 10.0,
    "empty_string": 4.0,
    "null_like": 4.0,
    "non_iso_date": 4.0,
    "comma_decimal": 4.0,
    "thousands_separator": 4.0,
    "minus_sign": 4.0,
    "ambiguous_date_order": 4.0,
    "invalid_encoding": 4.0,
    "windows_1252": 4.0,
    "whitespace": 2.0,
    "nul_byte": 2.0,
    "type_mismatch": 0.2,
}

#: The issues a column's own format (``ColumnProfile.own_format``) makes no dirt: values written in it.
FORMAT_KINDS = frozenset({"non_iso_date", "comma_decimal", "thousands_separator"})


def score_column(column: ColumnProfile) -> float:
    """The column's quality score, 0-100 (100 for a clean or empty column)."""
    if column.row_count == 0:
        return 100.0
    penalty = sum(
        PENALTY_PER_PERCENT.get(issue.kind, 0.0)
        * 100.0
        * _penalised_cells(column, issue.kind, issue.count)
        / column.row_count
        for issue in column.issues
        # A type stored as TEXT but parsing as its declared type is fixed by the typed load: no cost.
        if issue.kind != "type_mismatch" or unfixable_mismatch(column)
    )
    return max(0.0, 100.0 - penalty)


def _penalised_cells(column: ColumnProfile, kind: str, count: int) -> int:
    """The cells an issue costs: its count, but every value of a column whose declared type is lost
    (the issue counts only the values that misfit it, and the column becomes text: all of them fail
    the declared type, as the score after cleaning counts them), and only the values written otherwise
    in a column with its own format (the others are written in the column's format, see above)."""
    misfits = format_misfits(column, kind)
    if misfits is not None:
        return misfits
    if kind != "type_mismatch":
        return count
    return column.row_count - column.null_count - column.empty_string_count - column.null_like_count


def format_misfits(column: ColumnProfile, kind: str) -> int | None:
    """Where the ``kind`` issue's values are written the column's own way, the values written otherwise
    (all an own format charges); None where they are not (the issue costs its count)."""
    if kind == "empty_string" and column.blank_is_missing:
        # The table (or the column, declared NOT NULL) writes every missing value so: its spelling.
        return 0
    if kind == "null_like" and column.token_kept_in_key:
        # A key loaded as written keeps its tokens as the text they are: values, or its one "none".
        return 0
    if kind == "null_like" and column.token_is_unfilled:
        # Every row is one token, spelled one way: no value, written one way (as a column of '').
        return 0
    if kind == "null_like" and column.json_null_is_missing:
        # A declared JSON column writes every missing value as JSON's own null: its one spelling.
        return 0
    if kind == "whitespace" and column.padded_width is not None:
        # Padded by spaces to one width the unpadded values fill: fixed-width fields, a layout.
        return 0
    if kind == "whitespace" and column.line_terminated:
        # Every value ends in one line break, padded by nothing else: a line terminator, written one way
        # (values of one line too: base64 in lines), trimmed only where trim = true asks.
        return 0
    if kind == "whitespace" and column.paragraph_indented:
        # Every value opens on a paragraph's ideographic indent: typography, trimmed only where trim =
        # true asks (by default loaded as written, none counted padded).
        return 0
    if kind == "whitespace" and column.documents_trimmed:
        # Documents (values of several lines) trimmed as trim = true asks cost nothing; the values of
        # one line as before (by default documents are loaded byte for byte, none counted padded).
        return column.whitespace_padded_count - column.padded_documents
    if kind == "minus_sign":
        # The typographically correct sign (ICU/CLDR's for many locales), read exactly: no dirt.
        return 0
    if kind == "thousands_separator" and column.digit_groups is not None:
        # Digits grouped by spaces or apostrophes are proven only where every value is written that
        # one way (profiling.number_reading._group_reading): the column's convention, no mixing to charge.
        return 0
    if kind in FORMAT_KINDS and column.own_format is not None:
        return column.format_misfits
    return None


def score_profile(tables: Mapping[str, TableProfile]) -> float:
    """Score every column and table in place; return the export's overall score."""
    weighted = 0.0
    cells = 0
    for table in tables.values():
        for column in table:
            column.quality = score_column(column)
        scores = [column.quality for column in table]
        table.quality = sum(scores) / len(scores) if scores else 100.0
        table_cells = max(table.row_count, 1) * max(len(scores), 1)
        weighted += table.quality * table_cells
        cells += table_cells
    return weighted / cells if cells else 100.0


def unfixable_mismatch(column: ColumnProfile) -> bool:
    """Declared a typed column but the data is text: nothing to convert, the declared meaning is lost."""
    return column.issue("type_mismatch") is not None and column.inferred_type == "text"


def corrupt_date_share(column: ColumnProfile) -> float:
    """Share of the column's rows that are impossible or unparseable dates (or dates only in the
    other day/month order: quarantined all the same)."""
    if column.row_count == 0:
        return 0.0
    bad = sum(
        column.issue_count(kind) for kind in ("impossible_date", "other_date_order", "unparseable_date")
    )
    return bad / column.row_count


def evaluate_gate(tables: Mapping[str, TableProfile], quality: float, settings: Settings) -> GateResult:
    """Halt on data too damaged to load; warn below the quality gate; else pass."""
    columns = [column for table in tables.values() for column in table]
    halts: list[GateReason] = []
    mismatched = [c for c in columns if unfixable_mismatch(c)]
    share = len(mismatched) / len(columns) if columns else 0.0
    if share > settings.halt_type_mismatch_share:
        halts.append(
            GateReason(
                "type_mismatch_share",
                f"{len(mismatched)} of {len(columns)} columns hold text where their declared type says "
                "otherwise",
                share,
                settings.halt_type_mismatch_share,
            )
        )
    for column in columns:
        if column.inferred_type not in DATE_TYPES:
            continue
        bad = corrupt_date_share(column)
        if bad > settings.halt_corrupt_date_share:
            halts.append(
                GateReason(
                    "corrupt_dates",
                    f"{bad:.1%} of the rows are impossible or unparseable dates",
                    bad,
                    settings.halt_corrupt_date_share,
                    table=column.table,
                    column=column.name,
                )
            )
    if settings.source_encoding_fallback == "error":
        for column in columns:
            if bad_bytes := column.issue_count("invalid_encoding"):
                halts.append(
                    GateReason(
                        "invalid_encoding",
                        f"{counted(bad_bytes, 'value')} {agree(bad_bytes, 'is', 'are')} not valid UTF-8 and "
                        "source_encoding_fallback is `error` "
                        "(set it to cp1252 or latin-1 to decode them)",
                        bad_bytes,
                        0,
                        table=column.table,
                        column=column.name,
                    )
                )
    if settings.duplicates == "fail":
        for table in tables.values():
            if table.duplicate_rows:
                halts.append(
                    GateReason(
                        "duplicate_rows",
                        f"{table.duplicate_rows} exact duplicate rows and duplicates = fail",
                        float(table.duplicate_rows),
                        0.0,
                        table=table.name,
                    )
                )
    if quality < settings.halt_quality:
        halts.append(
            GateReason(
                "quality_floor", f"quality {quality:.1f} is below the floor", quality, settings.halt_quality
            )
        )
    if halts:
        return GateResult("halt", quality, tuple(halts))
    if quality < settings.min_quality:
        reason = GateReason(
            "quality_gate", f"quality {quality:.1f} is below the gate", quality, settings.min_quality
        )
        return GateResult("warn", quality, (reason,))
    return GateResult("pass", quality)


#: Issues cleaning leaves in the data: a reference without a parent keeps its value (it is reported);
#: the after-score charges them (:mod:`columnar_etl.cleaning.quality`).
REMAIN_AFTER_CLEANING = frozenset({"orphan_reference"})
