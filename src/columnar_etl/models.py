"""The plain data objects stages hand to each other: a :class:`Profile` of the export and its gate verdict.

Everything a stage decides is in its result object: ``to_dict()`` gives the stable JSON (``version``
field), ``_repr_html_()`` renders in a notebook, ``to_polars()`` gives one row per column.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

if TYPE_CHECKING:
    import polars as pl

_Rendered = TypeVar("_Rendered")
#: Notebook renderers by class. :mod:`columnar_etl.report` registers its own when it is imported (the
#: public API and the CLI import it), so these data objects never import rendering.
_HTML_RENDERERS: dict[type, Callable[[Any], str]] = {}


def register_html(kind: type[_Rendered], render: Callable[[_Rendered], str]) -> None:
    """Make ``render`` the ``_repr_html_`` of ``kind``'s objects."""
    _HTML_RENDERERS[kind] = render


def render_html(obj: object) -> str:
    """``obj`` as HTML by its registered renderer; its escaped ``repr`` when none is registered."""
    render = _HTML_RENDERERS.get(type(obj))
    return render(obj) if render is not None else f"<pre>{html.escape(repr(obj))}</pre>"


class DryRunReport(Protocol):
    """What a profile keeps of a dry run (a :class:`~columnar_etl.gates.dry_run.DryRunResult`)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""


PROFILE_VERSION = 1

InferredType = Literal[
    "integer", "double", "numeric", "boolean", "date", "timestamp", "timestamptz", "time", "text", "bytea"
]
INFERRED_TYPES: tuple[InferredType, ...] = (
    "integer",
    "double",
    "numeric",
    "boolean",
    "date",
    "timestamp",
    "timestamptz",
    "time",
    "text",
    "bytea",
)
#: The types whose values are parsed from date/time text (a ``timestamptz`` holds instants: a UTC offset).
DATE_TYPES: tuple[InferredType, ...] = ("date", "timestamp", "timestamptz")
DateOrder = Literal["day_first", "month_first", "ambiguous"]
#: The unit epoch integers count in, as the profile read them and the plan reads them.
EpochUnit = Literal["seconds", "milliseconds", "microseconds"]
GateStatus = Literal["pass", "warn", "halt"]

#: Issue kinds, exactly as the JSON names them.
ISSUE_KINDS: tuple[str, ...] = (
    "type_mismatch",
    "empty_string",
    "null_like",
    "whitespace",
    "non_iso_date",
    "ambiguous_date_order",
    "impossible_date",
    "other_date_order",
    "unparseable_date",
    "comma_decimal",
    "thousands_separator",
    "minus_sign",
    "invalid_number",
    "invalid_boolean",
    "nul_byte",
    "invalid_encoding",
    "windows_1252",
    "mixed_storage_classes",
    "orphan_reference",
)
#: Table issue kinds (about whole rows, see profiling/keys.py): exact copies, a key shared by different
#: rows, and rows whose key is NULL.
TABLE_ISSUE_KINDS: tuple[str, ...] = ("duplicate_row", "duplicate_key", "null_key")
#: How a table's key was found: declared in the schema (PRIMARY KEY, else UNIQUE), else unique and
#: non-null in the data. None: no key.
KeyFound = Literal["declared_primary_key", "declared_unique", "data_unique"]
#: What happens to exact duplicate rows (the ``duplicates`` setting).
DuplicatePolicy = Literal["remove", "keep", "fail"]
#: Kinds whose cells cleaning cannot repair: the value becomes NULL and is quarantined.
UNFIXABLE_KINDS = frozenset(
    {"impossible_date", "other_date_order", "unparseable_date", "invalid_number", "invalid_boolean"}
)


#: Characters of an example value the profile's JSON shows (:func:`shown_example`): eight 3 MB bodies
#: with a trailing blank made a 40 MB profile.json, each of five examples whole, twice.
EXAMPLE_CHARS = 200


def shown_example(value: str) -> str:
    """``value`` as the JSON shows an example (or a text column's ``min`` / ``max``): whole up to
    :data:`EXAMPLE_CHARS` characters, else its first ones and how long it is (``abc… (3,000,002
    characters)``). The profile keeps the value."""
    if len(value) <= EXAMPLE_CHARS:
        return value
    return f"{value[:EXAMPLE_CHARS]}… ({len(value):,} characters)"


@dataclass(frozen=True)
class Issue:
    """One kind of problem in one column: how many cells, a few raw examples, and what it means."""

    kind: str
    count: int
    examples: tuple[str, ...] = ()
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        examples = [shown_example(example) for example in self.examples]
        data: dict[str, Any] = {"kind": self.kind, "count": self.count, "examples": examples}
        if self.detail:
            data["detail"] = self.detail
        return data


@dataclass
class ColumnProfile:
    """What one column really holds. Counts partition the rows: null + empty + null-like + valid + invalid."""

    table: str
    name: str
    declared_type: str
    inferred_type: InferredType
    confidence: float
    row_count: int
    null_count: int
    empty_string_count: int
    null_like_count: int
    whitespace_padded_count: int
    nul_byte_count: int
    distinct_count: int
    valid_count: int
    invalid_count: int
    min: Any = None
    max: Any = None
    date_formats: dict[str, int] = field(default_factory=dict)
    date_order: DateOrder | None = None
    #: The order an ``ambiguous`` column's slash dates are read in when the export's other date columns
    #: prove one (None: ``date_order_default``; see ``profiling.number_reading.read_as_the_export_proves``).
    export_date_order: Literal["day_first", "month_first"] | None = None
    issues: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    default: str | None = None
    foreign_key: str | None = None
    #: Rows of a reference column holding ``0`` or a negative number where it stands for "no reference"
    #: (MySQL's habit, Hamster's ``-1``, Lollypop's ``-10``: no parent key is 0 or lower;
    #: ``profiling.references``): not orphans, loaded as they are.
    no_reference_count: int = 0
    #: Why a join along the column's declared reference needs a cast: its text refers to a key of
    #: numbers by number, as SQLite's foreign key check matches them (``'007'`` the key 7), but is
    #: written otherwise and loaded as written (``profiling.references``). None: no such values.
    joined_by_number: str | None = None
    #: Where cleaning makes the target's join along the column's declared reference differ from SQLite's
    #: foreign key check: how many rows SQLite counts as orphans join once cleaned (padding trimmed, a
    #: timestamp at midnight equal to a date), how many naming a row no longer do
    #: (``profiling.cleaning_joins.say_joined_by_cleaning``). None: no such rows.
    joined_by_cleaning: str | None = None
    max_scale: int | None = None
    #: The fewest fraction digits of the column's plain numbers (an integer's none): below
    #: ``max_scale``, two of its texts may be one number (``1.1`` and ``1.10``, ``5`` and ``5.0``), which
    #: ``profiling.merged_numbers`` looks for. None where it has no plain number.
    min_scale: int | None = None
    #: Digits before the point of the column's widest number (``1.5e3``: 4; leading zeros aside),
    #: counted exactly on its text (its bounds are doubles: 10^37 reads as 37 digits). The profile makes
    #: a numeric column text when these and ``max_scale`` exceed 38; the plan sizes the column by them.
    #: None where not counted (no number written as TEXT: REAL cells only, or no number at all).
    max_whole_digits: int | None = None
    #: How the column's numbers read a comma: ``decimal`` (``3,5``), ``thousands`` (``1,234.50``), or
    #: None (no comma read; see ``profiling.number_reading._comma_reading``).
    comma: Literal["decimal", "thousands"] | None = None
    #: The column's own format: the way most of its converted values are written, when that is not the
    #: canonical way (ISO dates, point decimals, ungrouped numbers) and the column's reading is proven
    #: (its slash dates' order, its decimal comma, its commas grouping thousands): a date format
    #: (``%d.%m.%Y %H:%M``), ``decimal comma`` or ``thousands comma`` (``1,234.50``). Its values still
    #: convert by their rule (the ``non_iso_date`` / ``comma_decimal`` / ``thousands_separator`` issue
    #: counts them), but cost the quality score nothing: only ``format_misfits`` do
    #: (``profiling.quality``). None: no such format.
    own_format: str | None = None
    #: Converted values of a column with ``own_format`` written another way (ISO dates beside
    #: ``20.05.2025``, ``3.5`` or a REAL cell beside ``3,5``, ``1234.50`` beside ``1,234.50``): the mixing
    #: the score charges.
    format_misfits: int = 0
    #: The operator's override the column's dates are read and scored by (``[columns."t"."c"]``
    #: ``formats`` / ``date_order``: ``{"date_order", "formats", "order"}``, ``order`` the one slash
    #: dates are read in): its reading is the proof, and values its formats do not read are charged as
    #: the cleaner quarantines them (``profiling.overrides``). None: the profile's own reading.
    reading_override: dict[str, Any] | None = None
    #: The separator grouping the column's digits other than a comma (``" "``, ``"\u202f"``, ``"'"``
    #: ...): its numbers are read without it, a comma after it as a decimal comma. None where no value
    #: proves the convention (see ``profiling.number_reading._group_reading``).
    digit_groups: str | None = None
    #: The column's table writes a missing value one way, ``''``: it holds no NULL and no null token
    #: at all (a CSV imported into SQLite: sqlite-utils, ``.import``, DB Browser). Its empty strings
    #: still become NULL by their rule (``empty_string``), but cost the quality score nothing
    #: (``profiling.quality``); beside NULLs or ``N/A``, ``''`` is the dirt it always was, except in a
    #: column declared NOT NULL that holds no null token (an ORM's blank string fields). A key loaded
    #: as written (:attr:`as_written`) whose one change by cleaning would be ``''`` to NULL keeps them.
    blank_is_missing: bool = False
    #: A key loaded as written (:attr:`as_written`) holds null tokens as the text they are, all its
    #: cleaning would change, where the schema (NOT NULL) or the table (no NULL) leaves it no other way
    #: to write none: each a value of the key (a user called ``null``) or its one spelling of none.
    #: Its ``null_like`` issue stays, but costs the quality score nothing (``profiling.quality``).
    token_kept_in_key: bool = False
    #: Every row of the column is the same null token, spelled one way (``None`` in each row): it holds
    #: no value, written one way, as a column of ``''`` alone does. Each token still becomes NULL by its
    #: rule (``null_like``), but costs the quality score nothing (``profiling.quality``).
    token_is_unfilled: bool = False
    #: A column declared ``JSON`` (``JSONB``) whose one way of writing a missing value is JSON's own
    #: ``null`` (no NULL, no ``''``, no other token): SQLAlchemy's ``JSON`` writes ``None`` so. Each
    #: ``null`` still becomes NULL by its rule (``null_like``), but costs the quality score nothing
    #: (``profiling.quality``).
    json_null_is_missing: bool = False
    #: A text column every value of which (NULL, ``''`` and null tokens aside) ends in exactly one line
    #: break, ``\n`` or ``\r\n``, and is padded by nothing else (YAML documents, base64 lines,
    #: tracebacks), or every value of several lines does and no other value is padded (a PEM beside
    #: settings): it writes a line terminator, not padding. Documents: loaded byte for byte
    #: (:attr:`layout_kept`), unless the operator's ``trim = true`` trims them (each audited
    #: ``whitespace``, at no cost to the quality score, ``profiling.quality``).
    line_terminated: bool = False
    #: A text column laid out in fixed-width fields (a dBase ``C(30)``, a ``CHAR(10)`` copied as
    #: written): every padded value (null tokens aside) is padded by spaces at its end alone, to this
    #: width in characters, which the values not padded fill. Each value is still trimmed and audited
    #: (``whitespace``), but costs the quality score nothing (``profiling.quality``). None: padding.
    padded_width: int | None = None
    #: A text column laid out in indented lines (a Python stack as ``traceback.format_stack`` writes
    #: it, a profiler's report): every value (``''`` and null tokens aside) is of several lines padded
    #: by its first line's indentation, spaces at its start, and at most one line break at its end.
    #: Documents: loaded byte for byte (:attr:`layout_kept`), unless the operator's ``trim = true``
    #: trims them (each audited ``whitespace``, at no cost to the quality score).
    indented: bool = False
    #: A text column of documents padded by line breaks alone: every value (``''`` and null tokens
    #: aside) is of several lines whose padding is line breaks, ``\n`` or ``\r\n``, at its start, its
    #: end or both (a worker's log opening with two breaks, a mail body with a blank line first, a
    #: Markdown file ending in two). Documents: loaded byte for byte (:attr:`layout_kept`), unless the
    #: operator's ``trim = true`` trims them (each audited ``whitespace``, at no cost to the quality score).
    break_padded: bool = False
    #: A text column of prose whose paragraphs open on the indent of Chinese and Japanese typography:
    #: every value (``''`` and null tokens aside) opens on one or more ideographic spaces (U+3000), and
    #: one of one line is padded by nothing else (an e-book reader's intros, ``'　　这是一本……'``). Its
    #: layout: loaded as written (:attr:`layout_kept`), unless the operator's ``trim = true`` trims it
    #: (each value audited ``whitespace``, at no cost to the quality score). Since 2026-12-07.
    paragraph_indented: bool = False
    #: A column of documents (:attr:`line_terminated`, :attr:`indented` or :attr:`break_padded`), or of
    #: paragraphs indented (:attr:`paragraph_indented`),
    #: whose layout cleaning keeps: its values are loaded byte for byte, none trimmed
    #: (``planning.plan.ColumnPlan.keeps_layout``), so none is counted padded (no ``whitespace``
    #: issue; a note says so). Its blanks (``''``, a value of whitespace alone) and null tokens,
    #: judged on the trimmed text as in any column, are still NULL. Not where the operator's
    #: ``trim = true`` asks for the trim, nor for fixed-width fields (:attr:`padded_width`: their
    #: padding is the field's width, trimmed).
    layout_kept: bool = False
    #: The padded values of several lines (a line break in their trimmed text; null tokens aside) of a
    #: text column whose layout is not otherwise kept (:attr:`layout_kept`): documents, loaded byte
    #: for byte whatever pads them, so not in :attr:`whitespace_padded_count` (a note reports them, at
    #: no cost); trimming is for values of one line. Where the operator's ``trim = true`` trims them
    #: (:attr:`documents_trimmed`) they are counted in it, each audited, at no cost to the quality score.
    padded_documents: int = 0
    #: The operator's ``trim = true`` trims the column's :attr:`padded_documents` too.
    documents_trimmed: bool = False
    quality: float = 100.0
    personal_data: dict[str, int] = field(default_factory=dict)
    #: Non-NULL cells per SQLite storage class (``integer``, ``real``, ``text``, ``blob``).
    storage_classes: dict[str, int] = field(default_factory=dict)
    #: Why the column has its type, in a few words (``REAL cells (...)``, ``... leading zeros ...``).
    type_reason: str = ""
    #: Bytes of all its values as stored (TEXT and BLOB lengths, numbers as text): sizes read batches.
    bytes: int = 0
    #: Null tokens that are values of this column (the country code ``NA`` among ``DE`` and ``FR``):
    #: counted as valid text, and not read as NULL by its plan (``profiling.tokens.tokens_kept_as_values``).
    tokens_as_values: list[str] = field(default_factory=list)
    #: Values that are a zero date in this column declared a date or timestamp: MySQL's (``0``, as SQLite
    #: stores a ``DEFAULT 0``; ``profiling.zero_dates._zero_dates_as_null_like``) or its declared DEFAULT
    #: that is no date (``'0000-01-01T00:00:00.000Z'``, no calendar's; ``'now()'``, SQL quoted as text;
    #: ``profiling.zero_dates.never_set_default``):
    #: counted null-like, and read as NULL by its plan beside the null tokens.
    zero_dates: list[str] = field(default_factory=list)
    #: Why the column is loaded as the text it holds, untouched (not trimmed, no null token or blank
    #: read as NULL, no conversion): it is (part of) a declared key, or references one, whose distinct
    #: values its cleaning would make equal or NULL (``profiling.merged_keys.merged_key_columns``).
    #: None: cleaned.
    as_written: str | None = None
    #: Loaded as written only so that its declared key keeps values cleaning would make NULL (``''``
    #: or a null token under NOT NULL: each a value of the key, or the one way it writes none; or a
    #: column referencing such a key): no two values meet, nothing is ambiguous, so the operator gets a
    #: note (:attr:`Profile.key_values_kept_notes`), not a warning (:attr:`Profile.written_as_is`).
    key_values_kept: bool = False
    #: The operator's ``trim = false`` (``[columns."t"."c"]``): a text column whose padding is layout,
    #: its values counted as written (none padded, a value of blanks alone is text), as cleaning keeps
    #: them (``planning.plan.ColumnPlan.trim``). Also a column of one-character marks whose lone blank
    #: is a mark (``profiling.marks``: a currency's thousands separator ``' '`` beside ``,`` and ``.``).
    padding_kept: bool = False
    #: The operator's ``empty_is_null = false`` (``[columns."t"."c"]``): a text column whose ``''`` is a
    #: value, counted as text (no ``empty_string``), as cleaning keeps it
    #: (``planning.plan.ColumnPlan.empty_is_null``).
    empty_kept: bool = False
    #: Cells of Windows-1252 text read as Latin-1 whose C1 controls the profile read (and cleaning
    #: loads) as their Windows-1252 characters (rule ``windows_1252``, ``profiling.windows_1252``): a
    #: text column holding its quotation marks or dashes as U+0091-U+0097. 0: none, the column as written.
    windows_1252_repaired: int = 0
    #: BLOB cells read as the number text their ASCII bytes spell (a column declared a number type whose
    #: every BLOB is a numeral: ``SqliteScans.numeral_blobs``); counted under ``text`` in
    #: :attr:`storage_classes`, as the profile reads them; each audited ``blob_numeral`` when cleaned.
    blob_numerals: int = 0
    #: The unit the profile read the column's epoch integers in (a timestamptz or date column of them),
    #: else None: the plan reads them in it (its bounds alone may name another: seconds beside a
    #: 9999-12-31 stand-in for no end fit milliseconds). Not in the JSON: its note says so.
    epoch_unit: EpochUnit | None = field(default=None, repr=False, compare=False)
    #: An integer column of epoch instants of one unit save its ``0`` or ``-1`` for "no date" (kept as
    #: integers, its note giving the instant): that unit and those values, else None. What lets a live
    #: ``timestamptz`` column keep its type (``planning.live_types``). Not in the JSON: its note says so.
    epoch_beside_no_dates: tuple[EpochUnit, tuple[int, ...]] | None = field(
        default=None, repr=False, compare=False
    )
    #: Each raw value (as written in the text, quotes included) that :attr:`notes`, :attr:`type_reason`,
    #: :attr:`as_written` or an issue's detail of this column or of its table quote: what hiding a masked
    #: column's values (``pipeline.steps.hide_masked_values``) removes from every text. Not in the JSON.
    quoted: list[str] = field(default_factory=list, repr=False, compare=False)
    #: Every raw example value the profile took of this column (issue examples, the ``such as`` of a
    #: type reason): what hiding a masked column's values removes from its own texts. Not in the JSON.
    shown: list[str] = field(default_factory=list, repr=False, compare=False)
    #: The values standing for no reference in the :attr:`no_reference_count` rows (``0``, ``-1``,
    #: ``-10``), highest first. Not in the JSON.
    no_reference_values: list[str] = field(default_factory=list, repr=False, compare=False)
    #: How the column's TEXT numbers write a decimal mark, by their own proof: ``point`` (a point
    #: decimal no thousands group can be: ``2.5``, ``0.750``), ``comma`` (a decimal comma: ``3,5``,
    #: ``39 924,83``), None (neither, or both). What the export's other columns read ``1.200`` by
    #: (``profiling.number_reading.points_as_the_export_proves``). Not in the JSON.
    decimal_mark: Literal["point", "comma"] | None = field(default=None, repr=False, compare=False)
    #: Numbers such as ``1.200`` the column left unread for want of a value of its own proving the
    #: point a decimal mark (its ``type_reason`` says so). Not in the JSON.
    points_unproven: int = field(default=0, repr=False, compare=False)
    #: Comma-joined integers (``1,3``) the column left unread for want of a proof of a decimal comma
    #: (its ``type_reason`` says so). Not in the JSON.
    commas_unproven: int = field(default=0, repr=False, compare=False)
    #: The separator (``comma``, ``semicolon``, ``pipe``, ``space``) joining the lists the column's
    #: values are (``GSM1,GSM2,GSM7``, in a varying number of items): a list of other rows' identifiers
    #: names no row, so the column is no key found in the data (``profiling.list_values``; read only
    #: for a column that could be one). None: no lists, or not read. Not in the JSON: its note says so.
    list_separator: str | None = field(default=None, repr=False, compare=False)

    @property
    def no_reference_said(self) -> str:
        """``0 stands``, ``-1 stands``, ``0 and -1 stand``: :attr:`no_reference_values`, said."""
        said = " and ".join(self.no_reference_values) or "0"
        return f"{said} stand" if len(self.no_reference_values) > 1 else f"{said} stands"

    def quote(self, text: str) -> str:
        """``text`` (a raw value as a note will quote it), remembered in :attr:`quoted`."""
        self.quoted.append(text)
        return text

    @property
    def personal_data_kind(self) -> str | None:
        """``email``, ``phone`` or ``person_name`` when at least half the present values look like it."""
        present = self.valid_count + self.invalid_count
        if not present or not self.personal_data:
            return None
        kind, count = max(self.personal_data.items(), key=lambda item: item[1])
        return kind if count * 2 >= present else None

    def read_as_null(self, null_tokens: Sequence[str]) -> tuple[str, ...]:
        """What cleaning reads as NULL in this column of ``null_tokens`` (the settings'): each but the
        tokens it holds as values (:attr:`tokens_as_values`), and its zero dates (:attr:`zero_dates`)."""
        tokens = tuple(token for token in null_tokens if token not in self.tokens_as_values)
        return tokens + tuple(token for token in self.zero_dates if token not in tokens)

    def issue(self, kind: str) -> Issue | None:
        """The issue of ``kind``, or None when the column has none."""
        return next((issue for issue in self.issues if issue.kind == kind), None)

    def issue_count(self, kind: str) -> int:
        """Cells with issue ``kind`` (0 when absent)."""
        found = self.issue(kind)
        return found.count if found else 0

    @property
    def examples(self) -> dict[str, list[str]]:
        """Up to five raw example values per issue kind, each as the JSON shows it (:func:`shown_example`)."""
        return {
            issue.kind: [shown_example(example) for example in issue.examples]
            for issue in self.issues
            if issue.examples
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (dates as ISO text)."""
        return {
            "name": self.name,
            "declared_type": self.declared_type,
            "inferred_type": self.inferred_type,
            "type_reason": self.type_reason,
            "storage_classes": dict(self.storage_classes),
            "bytes": self.bytes,
            "confidence": round(self.confidence, 6),
            "row_count": self.row_count,
            "null_count": self.null_count,
            "empty_string_count": self.empty_string_count,
            "null_like_count": self.null_like_count,
            "tokens_as_values": list(self.tokens_as_values),
            "zero_dates": list(self.zero_dates),
            "as_written": self.as_written,
            "key_values_kept": self.key_values_kept,
            "padding_kept": self.padding_kept,
            "empty_kept": self.empty_kept,
            "windows_1252_repaired": self.windows_1252_repaired,
            "blob_numerals": self.blob_numerals,
            "whitespace_padded_count": self.whitespace_padded_count,
            "nul_byte_count": self.nul_byte_count,
            "distinct_count": self.distinct_count,
            "valid_count": self.valid_count,
            "invalid_count": self.invalid_count,
            # A text bound as an example is shown (ten MB bodies made a column's max ten MB of JSON).
            "min": shown_example(self.min) if isinstance(self.min, str) else _jsonable(self.min),
            "max": shown_example(self.max) if isinstance(self.max, str) else _jsonable(self.max),
            "min_scale": self.min_scale,
            "max_scale": self.max_scale,
            "max_whole_digits": self.max_whole_digits,
            "comma": self.comma,
            "own_format": self.own_format,
            "format_misfits": self.format_misfits,
            "digit_groups": self.digit_groups,
            "blank_is_missing": self.blank_is_missing,
            "token_kept_in_key": self.token_kept_in_key,
            "token_is_unfilled": self.token_is_unfilled,
            "json_null_is_missing": self.json_null_is_missing,
            "line_terminated": self.line_terminated,
            "padded_width": self.padded_width,
            "indented": self.indented,
            "break_padded": self.break_padded,
            "paragraph_indented": self.paragraph_indented,
            "layout_kept": self.layout_kept,
            "padded_documents": self.padded_documents,
            "documents_trimmed": self.documents_trimmed,
            "date_formats": dict(self.date_formats),
            "date_order": self.date_order,
            "export_date_order": self.export_date_order,
            "reading_override": self.reading_override,
            "default": self.default,
            "foreign_key": self.foreign_key,
            "no_reference_count": self.no_reference_count,
            "joined_by_number": self.joined_by_number,
            "joined_by_cleaning": self.joined_by_cleaning,
            "quality": round(self.quality, 2),
            "personal_data": dict(self.personal_data),
            "personal_data_kind": self.personal_data_kind,
            "examples": self.examples,
            "issues": [issue.to_dict() for issue in self.issues],
            "notes": list(self.notes),
        }

    def _repr_html_(self) -> str:
        return render_html(self)


@dataclass
class TableProfile:
    """The profile of one table: its columns in export order and its quality score."""

    name: str
    row_count: int
    columns: dict[str, ColumnProfile]
    quality: float = 100.0
    sampled_rows: int | None = None
    #: The table's key columns (export names), and how they were found (None: no key).
    key: list[str] = field(default_factory=list)
    key_found: KeyFound | None = None
    #: The declared UNIQUE constraint a key found in the data is a strict part of (None: none): the
    #: schema makes the key's values unique only together with the constraint's other columns, so they
    #: name no row another table's column could point to (no parent of an inferred reference). Not in
    #: the JSON: the key column's note says it.
    key_part_of: tuple[str, ...] | None = field(default=None, repr=False, compare=False)
    #: The columns the schema declares unique by themselves beside the key (a one-column UNIQUE
    #: constraint or unique index, not partial): a text one among them, unique and filled in the data,
    #: is a key another table's (or its own) column may name too, as a foreign key may (MiniDLNA's
    #: ``OBJECTS.OBJECT_ID`` beside the rowid ``ID``: its ``PARENT_ID`` and ``REF_ID`` name it). Not in
    #: the JSON: a reference to it says so in the child's ``foreign_key``.
    unique_alone: tuple[str, ...] = field(default=(), repr=False, compare=False)
    #: Rows that are extra copies of another row (every column equal); None when not counted (sample).
    duplicate_rows: int | None = None
    #: Rows sharing their key with a different row (beyond the first distinct row of each key value).
    duplicate_keys: int | None = None
    #: Rows with a NULL in a key column.
    null_keys: int | None = None
    #: Table issues (``TABLE_ISSUE_KINDS``), with counts and example keys.
    issues: list[Issue] = field(default_factory=list)
    #: The rowids of every row that has an exact copy (copies included), when the duplicate count could
    #: name them all (sets of two, at most ``COPY_ROWS_LIMIT`` rows); None otherwise. The cleaner reads
    #: only these rows to list the copies instead of scanning the table. Not in the JSON: it is a hand-
    #: off to the cleaner of the same run, not a figure.
    copy_rows: list[int] | None = None
    #: The columns whose values the table issues' examples show (the key, else the first column). Not in
    #: the JSON: what hiding a masked column's values needs to know.
    examples_of: list[str] = field(default_factory=list, repr=False, compare=False)
    #: Per column whose slash dates prove no order (``date_order`` ``ambiguous``): its profile again,
    #: read in the order given (the export's other columns may prove it). Not in the JSON.
    rereads: dict[str, Callable[[DateOrder], ColumnProfile]] = field(
        default_factory=dict, repr=False, compare=False
    )
    #: Per column whose numbers such as ``1.200`` no value of its own reads (``points_unproven``): its
    #: profile again, the point read as the decimal mark (the export's other columns may prove it).
    #: Not in the JSON.
    point_rereads: dict[str, Callable[[], ColumnProfile]] = field(
        default_factory=dict, repr=False, compare=False
    )
    #: Per column whose comma-joined integers no value of its own reads (``commas_unproven``): its
    #: profile again, the comma read as the decimal mark (the export's other columns may prove it).
    #: Not in the JSON.
    comma_rereads: dict[str, Callable[[], ColumnProfile]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __getitem__(self, column: str) -> ColumnProfile:
        return self.columns[column]

    def primary_key_blocker(self, duplicates: DuplicatePolicy = "remove") -> str | None:
        """Why the key cannot be a PostgreSQL primary key once ``duplicates`` is applied (None: it can).

        Exact copies are removed under ``remove`` (and refused under ``fail``), so only ``keep`` leaves
        them to clash; NULLs and keys shared by different rows clash under every policy.
        """
        if not self.key:
            return "no key"
        columns = ", ".join(self.key)
        if self.null_keys:
            return f"{self.null_keys} rows have NULL in the key ({columns})"
        if self.duplicate_keys:
            shared = f"{self.duplicate_keys} rows share their key ({columns}) with a different row"
            # SQLite keeps the INTEGER 5 and the TEXT '5' apart; one target column does not.
            mixed = [
                name
                for name in self.key
                if name in self.columns
                and sum(1 for kind, n in self.columns[name].storage_classes.items() if n and kind != "null")
                > 1
            ]
            reasons = [f"{', '.join(mixed)}: values of several storage classes"] if mixed else []
            # Two keys may be one text only once decoded: b'caf\xe9' (Windows-1252) is the 'café'
            # another row wrote in UTF-8.
            decoded = [
                name
                for name in self.key
                if name in self.columns and self.columns[name].issue_count("invalid_encoding")
            ]
            if decoded:
                reasons.append(
                    f"{', '.join(decoded)}: text not valid UTF-8, decoded by source_encoding_fallback"
                )
            # 'A' and 'A' with a NUL byte are two keys to SQLite, one once cleaning removed the NUL.
            nul = [
                name
                for name in self.key
                if name in self.columns
                and self.columns[name].nul_byte_count
                and self.columns[name].inferred_type != "bytea"
            ]
            if nul:
                reasons.append(
                    f"{', '.join(nul)}: NUL bytes removed by cleaning (PostgreSQL's text holds none)"
                )
            if reasons:
                shared += f" as the target reads it ({'; '.join(reasons)})"
            return shared
        if self.duplicate_rows and duplicates == "keep":
            return f"{self.duplicate_rows} exact duplicate rows are kept (duplicates = keep)"
        return None

    def __iter__(self) -> Any:
        return iter(self.columns.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "row_count": self.row_count,
            "sampled_rows": self.sampled_rows,
            "quality": round(self.quality, 2),
            "key": list(self.key),
            "key_found": self.key_found,
            "duplicate_rows": self.duplicate_rows,
            "duplicate_keys": self.duplicate_keys,
            "null_keys": self.null_keys,
            "issues": [issue.to_dict() for issue in self.issues],
            "columns": [column.to_dict() for column in self.columns.values()],
        }

    def _repr_html_(self) -> str:
        return render_html(self)


@dataclass(frozen=True)
class GateReason:
    """Why a gate warned or halted: which rule, where, the measured value and the threshold."""

    rule: str
    message: str
    value: float
    threshold: float
    table: str | None = None
    column: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "rule": self.rule,
            "message": self.message,
            "value": round(self.value, 4),
            "threshold": self.threshold,
            "table": self.table,
            "column": self.column,
        }


@dataclass(frozen=True)
class GateResult:
    """The verdict of the circuit breaker and quality gate: pass, warn or halt, with reasons."""

    status: GateStatus
    quality: float
    reasons: tuple[GateReason, ...] = ()

    @property
    def exit_code(self) -> int:
        """0 pass, 2 warn, 3 halt (the CLI's documented exit codes)."""
        return {"pass": 0, "warn": 2, "halt": 3}[self.status]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "status": self.status,
            "quality": round(self.quality, 2),
            "exit_code": self.exit_code,
            "reasons": [reason.to_dict() for reason in self.reasons],
        }


@dataclass
class Profile:
    """The profile of a whole export: ``profile["tickets"]["TKT-Created Time"]`` is one column."""

    source: Path
    tables: dict[str, TableProfile]
    quality: float
    gate: GateResult
    settings: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    sample: int | None = None
    #: What PostgreSQL made of a sample (``dry_run()``); None when no dry-run was asked for.
    dry_run: DryRunReport | None = None
    #: Tables of the file that are a virtual table's storage (an FTS index's segments, an R*Tree's
    #: nodes), each with what it belongs to: not profiled, cleaned or loaded (the virtual table is).
    internal_tables: dict[str, str] = field(default_factory=dict)
    #: Virtual tables whose module the reading SQLite lacks (``vec0``, an application's own), or whose
    #: rows it cannot list (a contentless index), each with why: not profiled, cleaned or loaded, and
    #: their data arrives nowhere else (a warning; see :attr:`full_text_not_loaded` for those whose does).
    unreadable_tables: dict[str, str] = field(default_factory=dict)
    #: Full-text indexes (FTS3/4/5) the reading SQLite cannot read whose documents load all the same
    #: (their ``content=`` table, or their own copy of them, ``<index>_content``), each with why and
    #: where its documents are: not loaded, as the export's own indexes are not copied (an index is
    #: derived from its documents); not a warning, and no penalty. Absent from an older profile.json.
    full_text_not_loaded: dict[str, str] = field(default_factory=dict)
    #: Generated columns the reading SQLite cannot compute (a VIRTUAL one calling ``sqrt``), per table,
    #: each with why: not loaded; the table's other columns are.
    unreadable_columns: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The export's views, each with why it is not loaded: a view holds no data of its own (its rows
    #: are its tables', which are loaded), and its SQL is SQLite's; not a warning, and no penalty.
    views_not_loaded: dict[str, str] = field(default_factory=dict)
    #: The export's own indexes that the target does not get, each with what it was and why (the
    #: target gets each table's key as its primary key and an index per reference column; an index
    #: on exactly those columns is carried and not named). Not a warning: no data is missing.
    indexes_not_copied: dict[str, str] = field(default_factory=dict)
    #: The export's triggers, each with the table it acts on and why it is not copied. Not a warning.
    triggers_not_copied: dict[str, str] = field(default_factory=dict)
    #: Views, triggers and indexes in SQL the reader's SQLite cannot parse, each with why: the export
    #: was read through a private copy without them (the export itself unchanged). Not a warning.
    dropped_for_reader: dict[str, str] = field(default_factory=dict)
    #: WITHOUT ROWID tables kept in the order of a collating sequence only the writing application
    #: defines (Anki's ``unicase``), each with why: read through a private copy where they were rebuilt
    #: with BINARY in its place, every row loaded; the target does not get the collation. Not a warning.
    rebuilt_for_reader: dict[str, str] = field(default_factory=dict)
    #: Tables and columns whose export name the readers cannot take (``""``, one starting with
    #: ``__clean_``), read and loaded under another name (``table_<position>``, ``column_<position>``,
    #: the name without its leading underscores): one record each, ``table`` and ``column`` (None for a
    #: table) as read and loaded, ``export_name`` and ``why``. Not a warning: every cell is loaded.
    renamed_for_reader: list[dict[str, str | None]] = field(default_factory=list)
    #: The export's tables this profile was not asked for (``profile(tables=...)``, ``clean --table``):
    #: settings naming them are not checked against it. Not in the JSON.
    not_profiled: list[str] = field(default_factory=list, repr=False)

    @property
    def left_out(self) -> list[str]:
        """One line per table or column of the export that is not loaded because it cannot be read here,
        its data arriving nowhere else (a warning); a full-text index whose documents load is a note
        (:attr:`full_text_notes`)."""
        tables = [f"table {name!r} not loaded: {why}" for name, why in self.unreadable_tables.items()]
        return tables + [
            f"column {column!r} of table {table!r} not loaded: {why}"
            for table, columns in self.unreadable_columns.items()
            for column, why in columns.items()
        ]

    @property
    def written_as_is(self) -> list[str]:
        """One line per column loaded as written (:attr:`ColumnProfile.as_written`), and why: a warning,
        except where it only keeps its key's values cleaning would make NULL
        (:attr:`key_values_kept_notes`)."""
        return self._loaded_as_written(values_kept=False)

    @property
    def key_values_kept_notes(self) -> list[str]:
        """One line per column loaded as written only so that its key keeps values cleaning would make
        NULL (:attr:`ColumnProfile.key_values_kept`: ``''`` or a null token, each a value of a NOT NULL
        key): what cleaning did not do, and no warning, since no two values meet."""
        return self._loaded_as_written(values_kept=True)

    def _loaded_as_written(self, *, values_kept: bool) -> list[str]:
        """One line per column loaded as written whose ``key_values_kept`` is ``values_kept``, and why."""
        return [
            f"{table.name}.{column.name}: text loaded as written (not trimmed, no value read as NULL), "
            f"so its key keeps every source value: {column.as_written}"
            for table in self.tables.values()
            for column in table
            if column.as_written is not None and column.key_values_kept == values_kept
        ]

    @property
    def joins_by_number(self) -> list[str]:
        """One line per column whose text refers to a key of numbers by number only
        (:attr:`ColumnProfile.joined_by_number`): a join along its reference needs a cast."""
        return [
            f"{table.name}.{column.name}: {column.joined_by_number}"
            for table in self.tables.values()
            for column in table
            if column.joined_by_number is not None
        ]

    @property
    def joins_by_cleaning(self) -> list[str]:
        """One line per column whose declared reference the target joins otherwise than SQLite's
        foreign key check, because of cleaning (:attr:`ColumnProfile.joined_by_cleaning`)."""
        return [
            f"{table.name}.{column.name}: {column.joined_by_cleaning}"
            for table in self.tables.values()
            for column in table
            if column.joined_by_cleaning is not None
        ]

    @property
    def views_note(self) -> str | None:
        """One line naming the export's views, which are not loaded, and why; None without views."""
        if not self.views_not_loaded:
            return None
        names = ", ".join(repr(name) for name in self.views_not_loaded)
        count = len(self.views_not_loaded)
        return (
            f"{count} view{'s' if count > 1 else ''} not loaded ({names}): views are not copied (a view "
            "holds no data of its own, only a query over the export's tables); recreate a view on the "
            "target from its CREATE VIEW in the export's sqlite_master if readers need it"
        )

    @property
    def full_text_notes(self) -> list[str]:
        """One line per full-text index not loaded whose documents load (:attr:`full_text_not_loaded`)."""
        return [
            f"table {name!r} not loaded: {why}; a full-text index is derived from its documents, as the "
            "export's own indexes are, and is not copied: index them on the target (PostgreSQL's full-text "
            "search) if readers search them"
            for name, why in self.full_text_not_loaded.items()
        ]

    @property
    def indexes_note(self) -> str | None:
        """One line naming the export's indexes the target does not get; None when it gets them all."""
        if not self.indexes_not_copied:
            return None
        count = len(self.indexes_not_copied)
        # SQLite names a UNIQUE constraint's index sqlite_autoindex_<table>_<n> (a name no CREATE INDEX
        # may take) and keeps no SQL for it: what to recreate is in its table's CREATE TABLE.
        constraint = any(name.startswith("sqlite_autoindex_") for name in self.indexes_not_copied)
        return (
            f"{count} index{'es' if count > 1 else ''} of the export not copied "
            f"({', '.join(map(repr, self.indexes_not_copied))}): the target gets each table's key as its "
            "primary key and an index per reference column, no other index, and enforces no other "
            "uniqueness; create one on the target from its CREATE INDEX in the export's sqlite_master "
            + (
                "(a sqlite_autoindex_*: the UNIQUE constraint in its table's CREATE TABLE there) "
                if constraint
                else ""
            )
            + "if readers need it"
        )

    @property
    def triggers_note(self) -> str | None:
        """One line naming the export's triggers, which are not copied; None without triggers."""
        if not self.triggers_not_copied:
            return None
        count = len(self.triggers_not_copied)
        return (
            f"{count} trigger{'s' if count > 1 else ''} not copied "
            f"({', '.join(map(repr, self.triggers_not_copied))}): a trigger acts on writes to the export, "
            "and the target's tables are written once, by the load, with the values the trigger left; "
            "recreate one on the target (its SQL is SQLite's) if it must act there"
        )

    @property
    def private_copy_note(self) -> str | None:
        """One line naming what the private copy the export was read through lacks; None when the
        export itself was read."""
        if not self.dropped_for_reader:
            return None
        return (
            "read through a private copy of the export without "
            f"{', '.join(map(repr, self.dropped_for_reader))}: written in SQL newer than the reader's "
            "SQLite (DuckDB's sqlite_scanner) can parse, which parses a file's whole schema before any "
            "read, or naming a table or column renamed for the reader that SQLite could not rewrite; "
            "views, triggers and indexes hold no data, every table was read; the export itself "
            "is unchanged (profile.json dropped_for_reader says why, object by object)"
        )

    @property
    def rebuilt_note(self) -> str | None:
        """One line naming the tables read through a private copy without the writing application's
        collating sequence (:attr:`rebuilt_for_reader`); None when there are none."""
        if not self.rebuilt_for_reader:
            return None
        count = len(self.rebuilt_for_reader)
        tables = "table" if count == 1 else f"{count} tables"
        their, keys = ("its", "its key compares") if count == 1 else ("their", "their keys compare")
        return (
            f"{tables} {', '.join(map(repr, self.rebuilt_for_reader))} (WITHOUT ROWID) read through a "
            f"private copy of the export without the collating sequence of {their} key, one only the "
            "application that wrote the export defines (no other SQLite can read such a table as stored): "
            "rebuilt there in byte order, every row and value as in the export, which is unchanged; the "
            f"collation is not carried to the target, where {keys} as bytes, as the other columns declared "
            "with it do (profile.json rebuilt_for_reader)"
        )

    @property
    def renamed_notes(self) -> list[str]:
        """One line per table or column loaded under another name than the export's
        (:attr:`renamed_for_reader`)."""
        return [
            f"table {r['export_name']!r} loaded as {r['table']!r}: {r['why']}"
            if r["column"] is None
            else f"{r['table']}: column {r['export_name']!r} loaded as {r['column']!r}: {r['why']}"
            for r in self.renamed_for_reader
        ]

    @property
    def notes(self) -> list[str]:
        """What the operator should know of the export's schema and is no warning (nothing of the data
        is missing): its views, indexes and triggers, which the target does not get, its keys' values
        kept as written that cleaning would make NULL (:attr:`key_values_kept_notes`), its full-text
        indexes SQLite here cannot read whose documents load (:attr:`full_text_not_loaded`), and those
        the export was read without (:attr:`dropped_for_reader`), and its tables read through a copy
        without the writing application's collation (:attr:`rebuilt_for_reader`)."""
        found = (
            self.views_note,
            self.indexes_note,
            self.triggers_note,
            self.private_copy_note,
            self.rebuilt_note,
        )
        return (
            self.renamed_notes
            + self.full_text_notes
            + self.key_values_kept_notes
            + [note for note in found if note]
        )

    def __getitem__(self, table: str) -> TableProfile:
        return self.tables[table]

    @property
    def columns(self) -> list[ColumnProfile]:
        """Every column of every table, in export order."""
        return [column for table in self.tables.values() for column in table.columns.values()]

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (``version`` says which shape)."""
        return {
            "version": PROFILE_VERSION,
            "source": str(self.source),
            "sample": self.sample,
            "seconds": round(self.seconds, 4),
            "quality": round(self.quality, 2),
            "gate": self.gate.to_dict(),
            "settings": dict(self.settings),
            "tables": [table.to_dict() for table in self.tables.values()],
            "internal_tables": dict(self.internal_tables),
            "unreadable_tables": dict(self.unreadable_tables),
            "full_text_not_loaded": dict(self.full_text_not_loaded),
            "unreadable_columns": {name: dict(why) for name, why in self.unreadable_columns.items()},
            "views_not_loaded": dict(self.views_not_loaded),
            "indexes_not_copied": dict(self.indexes_not_copied),
            "triggers_not_copied": dict(self.triggers_not_copied),
            "dropped_for_reader": dict(self.dropped_for_reader),
            "rebuilt_for_reader": dict(self.rebuilt_for_reader),
            "renamed_for_reader": [dict(record) for record in self.renamed_for_reader],
            "dry_run": self.dry_run.to_dict() if self.dry_run is not None else None,
        }

    def to_json(self, indent: int | None = 2) -> str:
        """``to_dict()`` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_polars(self) -> pl.DataFrame:
        """One row per column (table, column, types, counts, quality, issue counts) as a DataFrame."""
        import polars as pl

        rows = []
        for column in self.columns:
            row: dict[str, Any] = {
                "table": column.table,
                "column": column.name,
                "declared_type": column.declared_type,
                "inferred_type": column.inferred_type,
                "confidence": column.confidence,
                "rows": column.row_count,
                "nulls": column.null_count,
                "empty": column.empty_string_count,
                "null_like": column.null_like_count,
                "valid": column.valid_count,
                "invalid": column.invalid_count,
                "distinct": column.distinct_count,
                "min": None if column.min is None else str(column.min),
                "max": None if column.max is None else str(column.max),
                "date_order": column.date_order,
                "quality": column.quality,
            }
            row.update({kind: column.issue_count(kind) for kind in ISSUE_KINDS})
            rows.append(row)
        return pl.DataFrame(rows)

    def _repr_html_(self) -> str:
        return render_html(self)

    def __repr__(self) -> str:
        tables = repr_tables([(t.name, f"({t.row_count:,} rows)") for t in self.tables.values()])
        return f"<Profile {self.source.name}: {tables}; quality {self.quality:.1f}; gate {self.gate.status}>"


#: How many tables a one-line ``repr`` names before it says how many more there are.
REPR_TABLES = 5
#: The longest name a one-line ``repr`` shows whole.
REPR_NAME_CHARS = 40


def repr_tables(parts: list[tuple[str, str]]) -> str:
    """``name figure, ...`` of the first :data:`REPR_TABLES` ``(name, figure)`` pairs, then ``… N more``:
    a ``repr`` of hundreds of tables stays one short line (a notebook's ``p``, a benchmark's log)."""
    shown = []
    for name, figure in parts[:REPR_TABLES]:
        one_line = " ".join(name.split()) or repr(name)
        if len(one_line) > REPR_NAME_CHARS:
            one_line = one_line[: REPR_NAME_CHARS - 1] + "…"
        shown.append(f"{one_line} {figure}")
    more = len(parts) - len(shown)
    return ", ".join(shown) + (f", … {more:,} more" if more else "")


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "isoformat"):
        return str(value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat())
    return str(value)
