"""How an export writes its numbers: decimal marks, digit groups, comma-joined lists."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from typing import Any, Literal, cast

from columnar_etl.models import (
    ColumnProfile,
    DateOrder,
    TableProfile,
)
from columnar_etl.profiling.data_keys import (
    data_key,
)
from columnar_etl.profiling.profile_codes import (
    DATE_SHAPE_BY_CODE,
    EXAMPLES,
    NUMBER_SHAPES,
    SLASH_SHAPES,
    Flag,
    StorageClass,
    split_code,
)
from columnar_etl.rules import Shape
from columnar_etl.rules.dates import UTC_OFFSET_TEXT
from columnar_etl.rules.numbers import APOSTROPHE_GROUP_SEPARATORS, DIGIT_GROUPED_SHAPES, GROUPED_SHAPES
from columnar_etl.source.cells import sqlite_affinity
from columnar_etl.wording import agree, counted, such_as

#: A type needs at least this share of the present values to be chosen; the rest is dirt that cleaning
#: quarantines (``TBD`` among dates), and the circuit breaker judges how much of it there is.
MAJORITY = 0.5
#: A column whose declared type has TEXT affinity is narrowed to another type only when at
#: most this share of its present values would be quarantined: text is what the export said it is.
TEXT_NARROWING_SHARE = 0.001


CommaReading = Literal["decimal", "thousands"]
#: The numbers written with one comma grouping no thousands (``1,05``, ``1,3``): read as decimal commas
#: where the column proves them (:func:`_comma_reading`).
COMMA_SHAPES = (Shape.COMMA_DECIMAL, Shape.COMMA_JOINED)
#: What comma-joined integers (``1,3``, ``16,10751``) are where nothing proves a decimal comma.
COMMA_JOINED_WHY = (
    "comma-joined integers (ids joined by a comma, or decimals) with nothing proving a decimal comma "
    "(1,05, 0,05, -1,5, digit groups) in the column or the export"
)
#: The affinities under which SQLite stores number text as a number: ``3.5`` and ``1234.50`` become
#: REAL cells, ``1234`` an INTEGER cell (https://www.sqlite.org/datatype3.html).
_NUMBER_AFFINITIES = frozenset({"INTEGER", "REAL", "NUMERIC"})


def stored_from_text(
    counts: Counts,
    declared_type: str,
    *classes: StorageClass,
    among: Mapping[StorageClass, int] | None = None,
) -> int:
    """The cells of ``classes`` (of ``among``, by storage class, else all of them) that may be number
    text a person wrote the canonical way (``3.5``, ``1234.50``): where the column's affinity stores
    such text as a number (INTEGER, REAL, NUMERIC), a number cell may be one, its writing lost, and
    counts as written so beside a column's own format. Under BLOB affinity (no declared type) SQLite
    keeps text as text: a number cell there was bound as a number by a program, written in no format
    at all, and counts neither way (TEXT affinity holds no number cell)."""
    if sqlite_affinity(declared_type) not in _NUMBER_AFFINITIES:
        return 0
    cells = counts.classes if among is None else among
    return sum(cells[storage] for storage in classes)


def _comma_reading(counts: Counts, text_points: int, proven: bool = False) -> CommaReading | None:
    """How the column's numbers read a comma, by evidence (as slash dates' order is decided).

    A comma only a decimal can hold proves a decimal comma: a fraction starting with 0 and longer
    than it (``1,05``, ``149,00``, ``0,05``: no id is written ``05``), a sign (``-1,5``). ``1,3``,
    ``16,10751`` and ``1,0`` may be a decimal or two ids or zero-based positions joined by a comma
    (a list of tags, an order): they prove neither, and are read as decimals beside such proof,
    beside fractions written otherwise (TEXT ``2.5``, REAL cells: no list of ids holds a fraction), or
    (``proven``) where the export's other columns prove decimal commas
    (:func:`commas_as_the_export_proves`). ``3,000,000`` and ``1,234.50`` prove commas group
    thousands, as does a point decimal (TEXT ``2.5``) beside ``1,234``: where a point is the decimal
    mark, a comma groups. Proof both ways, or ``1,234`` alone, decides nothing (None): those values
    are not read as numbers.
    """
    decimals = counts.shape(Shape.COMMA_DECIMAL)
    joined = counts.shape(Shape.COMMA_JOINED)
    grouped = counts.shape(Shape.GROUPED_INTEGER, Shape.GROUPED_DECIMAL)
    if (decimals or joined) and grouped:
        return None
    if grouped or (counts.shape(Shape.COMMA_GROUP3) and text_points and not (decimals or joined)):
        return "thousands"
    if decimals or (joined and (proven or text_points or counts.classes[StorageClass.REAL])):
        return "decimal"
    return None


#: The time of day in a date format: where its date part ends.
_TIME_DIRECTIVE = re.compile(r"[ T]?%[HI]")


def date_convention(fmt: str) -> str:
    """The way a date format writes the date: its date part (``%d.%m.%Y`` of ``%d.%m.%Y %H:%M``), a
    month's full name as its abbreviation (``20 May 2025`` reads as either), so that dates with and
    without a time, ``20.05.2025`` beside ``20.05.2025 08:42``, are one regional way of writing. ISO
    dates (``%Y-%m-%d``...) keep their whole format: the canonical forms among them are no other way."""
    date = _TIME_DIRECTIVE.split(fmt, maxsplit=1)[0].rstrip(", ")
    if date.startswith("%Y-%m-%d") or date.startswith("%Y-%-m-%-d"):
        # A fraction written only where it is not 0 (Python's isoformat, .NET's FFFFFFF) and an offset
        # that is UTC's (the canonical instant's +00:00) are the same way of writing as without them;
        # so is Go's optional fraction ([.%f]).
        return fmt.replace("[.%f]", "").replace(".%f", "").replace(UTC_OFFSET_TEXT, "%z")
    return date.replace("%B", "%b")


#: The digit-group separators by name, as the profile's issues say them.
_SEPARATOR_NAMES = {
    " ": "spaces (U+0020)",
    "\u00a0": "no-break spaces (U+00A0)",
    "\u202f": "narrow no-break spaces (U+202F)",
    "\u2009": "thin spaces (U+2009)",
    "'": "apostrophes (U+0027)",
    "\u2019": "apostrophes (U+2019)",
}


def separator_name(separator: str) -> str:
    return _SEPARATOR_NAMES.get(separator, f"U+{ord(separator):04X}")


def _number_shapes(comma: CommaReading | None, groups: str | None = None) -> tuple[Shape, ...]:
    plain = (Shape.INTEGER, Shape.DECIMAL, Shape.EXPONENT, Shape.EXPONENT_BARE)
    grouped = DIGIT_GROUPED_SHAPES if groups is not None else ()
    if comma == "decimal":  # 1.234 is 1234 where commas are decimal: read neither way
        return (*plain, Shape.COMMA_DECIMAL, Shape.COMMA_JOINED, Shape.COMMA_GROUP3, *grouped)
    if comma == "thousands":
        return (*plain, Shape.DOT_GROUP3, *GROUPED_SHAPES)
    return (*plain, Shape.DOT_GROUP3, *grouped)


#: Why a column's numbers grouped by spaces or apostrophes are not read (see :func:`_group_reading`).
GroupDoubt = Literal[
    "separators", "marks", "apostrophe_commas", "comma_groups", "others", "unproven", "codes"
]


def _group_reading(counts: Counts) -> tuple[str | None, GroupDoubt | None]:
    """The separator grouping the column's digits (``' '``, ``'\\u202f'``, ``"'"`` ...) where its values
    prove the convention, else None and what is in doubt (None too where no value is so grouped).

    Grouping by spaces is read as evidence decides commas, but stricter: a space also stands between
    two numbers (a count beside another, ``12 345`` in a free-text field), and phone numbers, postcodes
    and account numbers are digits in spaced groups too. The column proves the convention when
    - its grouped values all use one separator (a column mixing U+0020 and U+00A0, or spaces and
      apostrophes, proves none; nor does one beside comma groups, ``1,234,567``);
    - its decimals use one decimal mark: a comma after spaces (``39 924,83``, and ``924,83``), or a
      point (``39 924.83``, ``1'234.50``, and ``924.83``; apostrophes beside ``3,5`` prove none);
    - every present value is a number in that convention: integers, decimals with that mark, grouped
      numbers, INTEGER and REAL cells; a word, a code, an exponent or a date among them proves none;
    - and some value only grouping explains: a decimal part after the groups, two groups or more, or a
      separator nobody types between two numbers (no-break or thin space, apostrophe). ``123 456`` and
      integers alone stay text: one number or two, nothing tells.
    Phone numbers (``06 12 34 56 78``), postcodes (``123 45``) and other groups not of three digits
    have no number's shape at all: their column is text whatever else it holds; and a column whose
    every value is an integer grouped by spaces, all of one width of nine digits or more (a Czech phone
    number's ``601 123 456``), holds codes (:func:`_grouped_codes`): text too.
    """
    grouped = counts.shape(*DIGIT_GROUPED_SHAPES)
    if not grouped:
        return None, None
    low, high = counts.agg.get("min_separator"), counts.agg.get("max_separator")
    if low is None or low != high:
        return None, "separators"
    separator = chr(int(low))
    text = counts.text_shape
    commas = text(Shape.COMMA_DECIMAL, Shape.COMMA_JOINED, Shape.DIGIT_GROUPED_COMMA)
    points = text(Shape.DECIMAL, Shape.DIGIT_GROUPED_POINT)
    if commas and points:
        return None, "marks"
    if commas and separator in APOSTROPHE_GROUP_SEPARATORS:  # Swiss apostrophes go with a point
        return None, "apostrophe_commas"
    if counts.shape(Shape.GROUPED_INTEGER, Shape.GROUPED_DECIMAL) or (points and text(Shape.COMMA_GROUP3)):
        return None, "comma_groups"
    convention = [Shape.INTEGER, *DIGIT_GROUPED_SHAPES]
    if commas:
        convention += [Shape.COMMA_DECIMAL, Shape.COMMA_JOINED, Shape.COMMA_GROUP3]
    elif points:
        convention += [Shape.DECIMAL, Shape.DOT_GROUP3]
    numbers = counts.classes[StorageClass.INTEGER] + counts.classes[StorageClass.REAL] + text(*convention)
    if numbers != counts.present():
        return None, "others"
    if not counts.shape(Shape.DIGIT_GROUPED_INTEGER, Shape.DIGIT_GROUPED_COMMA, Shape.DIGIT_GROUPED_POINT):
        return None, "unproven"
    if separator == " " and _grouped_codes(counts):
        return None, "codes"
    return separator, None


#: The fewest digits (three full groups) of the space-grouped integers a column of one width reads as
#: codes, not numbers (:func:`_grouped_codes`).
CODE_GROUP_DIGITS = 9


def _grouped_codes(counts: Counts) -> bool:
    """Whether every present value is a positive integer grouped by U+0020 into two groups or more, all
    of one width of :data:`CODE_GROUP_DIGITS` digits or more: codes written in groups, not amounts.

    libphonenumber writes a Czech, Polish mobile, Portuguese or Luxembourg mobile number in its national
    format as ``601 123 456`` (django-phonenumber-field's ``PHONENUMBER_DB_FORMAT = "NATIONAL"``), a
    French SIREN is written ``732 829 320``: three groups of three, no leading zero, every value as wide
    as the next. Amounts vary in magnitude, so in width; and a number formatter groups by a no-break,
    narrow or thin space (or an apostrophe), which this test leaves to the numbers. Read, each code
    would be a bigint its dashboards compare with text, its grouping lost.
    """
    if counts.shape(Shape.DIGIT_GROUPED_INTEGER) != counts.present():
        return False
    low, high = counts.agg.get("min_number"), counts.agg.get("max_number")
    if low is None or high is None or low <= 0:
        return False
    return len(str(int(low))) == len(str(int(high))) >= CODE_GROUP_DIGITS


#: A column's padded values of several lines (a line break in their trimmed text; null tokens aside),
#: folded from the profile query's :data:`.layout_aggregates.LINES` of its padded codes
#: (:func:`.folded_figures.fold_groups`): documents, loaded byte for byte unless the operator's
#: ``trim = true`` trims them.
PADDED_LINES = "padded_lines"


class Counts:
    """One column's figures (:func:`.folded_figures.fold_groups`), decoded: each code folds a shape and
    per-value flags."""

    def __init__(self, agg: dict[str, Any]) -> None:
        self.agg = dict(agg)
        self._shapes: dict[int, int] = {}
        #: The shapes of TEXT cells alone (an INTEGER or REAL cell's text says nothing of its writer).
        self._text_shapes: dict[int, int] = {}
        self._flags: dict[int, int] = {int(flag): 0 for flag in Flag}
        self._valid: dict[tuple[int, int], int] = {}
        #: Date-shaped values by shape and by which readings make them a date (their valid-order bits).
        self._orders: dict[tuple[int, int], int] = {}
        self.classes: dict[StorageClass, int] = dict.fromkeys(StorageClass, 0)
        #: Every raw example value handed out (:meth:`examples`, :meth:`date_examples`): what the column's
        #: texts may quote (``ColumnProfile.shown``).
        self.shown: set[str] = set()
        #: Slash (dashed) dates that are no date read in an order but are one in the other, by order.
        self.other_order: dict[str, int] = {"day_first": 0, "month_first": 0}
        #: Integers read as compact dates (``20250520``) and timestamps (``20250520084207``), by format
        #: (set by :func:`.inference.infer_column`, see :func:`.lossless.compact_dates`).
        self.compact: dict[str, int] = {}
        text_points = 0
        both = Flag.VALID_DAY_FIRST | Flag.VALID_MONTH_FIRST
        for code, count in (agg["codes"] or {}).items():
            storage, shape, bits = split_code(int(code))
            self.classes[storage] += count
            self._shapes[shape] = self._shapes.get(shape, 0) + count
            if storage == StorageClass.TEXT:
                self._text_shapes[shape] = self._text_shapes.get(shape, 0) + count
            if shape in DATE_SHAPE_BY_CODE:
                self._orders[(shape, bits & both)] = self._orders.get((shape, bits & both), 0) + count
            if shape in SLASH_SHAPES and bits & both == Flag.VALID_MONTH_FIRST:
                self.other_order["day_first"] += count
            elif shape in SLASH_SHAPES and bits & both == Flag.VALID_DAY_FIRST:
                self.other_order["month_first"] += count
            if storage == StorageClass.TEXT and shape == Shape.DECIMAL:
                text_points += count
            for flag in Flag:
                if bits & flag:
                    self._flags[int(flag)] += count
                    key = (shape, int(flag))
                    self._valid[key] = self._valid.get(key, 0) + count
        #: TEXT decimals written with a point (``3.5``): beside decimal commas, another way of writing.
        self.text_points = text_points
        self.comma = _comma_reading(self, text_points, bool(self.agg.get(COMMAS_PROVEN)))
        #: The separator of the column's numbers grouped by spaces or apostrophes, where its values
        #: prove the convention (:func:`_group_reading`); a decimal comma beside them is proven too.
        self.groups, self.group_doubt = _group_reading(self)
        if self.groups is not None and self.text_shape(*COMMA_SHAPES, Shape.DIGIT_GROUPED_COMMA):
            self.comma = "decimal"
        #: ``1E5`` beside integers only (no other fraction, no REAL cell): codes (a product's, a
        #: postcode's), not numbers written with an exponent.
        fractions = (
            Shape.DECIMAL,
            Shape.DOT_GROUP3,
            Shape.EXPONENT,
            *COMMA_SHAPES,
            Shape.GROUPED_DECIMAL,
            Shape.DIGIT_GROUPED_COMMA,
            Shape.DIGIT_GROUPED_POINT,
        )
        self.exponent_codes = bool(self.shape(Shape.EXPONENT_BARE)) and not (
            self.shape(*fractions) or self.classes[StorageClass.REAL]
        )
        #: ``1.23457E+11`` beside integers only (no other fraction, no REAL cell), every exponent
        #: standing for a whole number (none reads as a fraction): the column's integers show that its
        #: writer writes whole numbers out, so these are a display's rounding of long ones (a
        #: spreadsheet shows a number of more than 11 digits so, and saves it so to CSV), their other
        #: digits lost. Read, each would be a number that looks exact and names nothing (123457000000
        #: among 12-digit ids): the column stays text, every cell as written. An exponent standing for
        #: a fraction (``2.25e-2``) is a number written with an exponent, read as before.
        fractions_but_exponents = tuple(f for f in fractions if f != Shape.EXPONENT)
        self.exponent_display = (
            bool(self.text_shape(Shape.EXPONENT))
            and bool(self.shape(Shape.INTEGER))
            and not (self.shape(*fractions_but_exponents) or self.classes[StorageClass.REAL])
            and not (self.agg.get("max_scale") or 0)
        )
        #: ``1.200`` is 1.2, or (a German or Italian thousands separator) 1200. The point is proven a
        #: decimal mark by a point decimal no group can be (``12.5``, ``0.750``, ``1234.5``), a REAL
        #: cell or an exponent, an ungrouped integer of four digits or more (1200 would be ``1.200``),
        #: or commas that group thousands (``1,234.50``). Without proof a dot group is read neither way.
        self.decimal_points = bool(
            text_points
            or self.classes[StorageClass.REAL]
            or self.shape(Shape.EXPONENT)
            or (self.agg.get("max_digits") or 0) >= 4
            or self.comma == "thousands"
            # Where spaces or apostrophes group thousands, a point is a decimal mark.
            or self.groups is not None
            # The export's other columns write a point as the decimal mark, and none a decimal comma
            # (points_as_the_export_proves): one export, one writer, one way of writing a number.
            or bool(self.agg.get(POINTS_PROVEN))
        )
        self._read_bounds()

    def _read_bounds(self) -> None:
        """The number bounds and scale as the column's :attr:`comma` reading reads its comma groups
        (the query gives the comma groups apart: ``min_grouped`` / ``max_grouped``, as thousands)."""
        low, high = self.agg.get("min_grouped"), self.agg.get("max_grouped")
        if self.comma is None or low is None or high is None:
            return
        if self.comma == "decimal":  # only comma groups (1,234 = 1.234) can be among them
            low, high = low / 1000, high / 1000
            if self.shape(Shape.COMMA_GROUP3):
                self.agg["max_scale"] = max(self.agg["max_scale"] or 0, 3)
        for key, value, pick in (("min_number", low, min), ("max_number", high, max)):
            current = self.agg[key]
            self.agg[key] = value if current is None else pick(current, value)

    def _read_shapes(self) -> tuple[Shape, ...]:
        shapes = _number_shapes(self.comma, self.groups)
        unread = {Shape.EXPONENT_BARE} if self.exponent_codes else set()
        if self.exponent_display:
            unread |= {Shape.EXPONENT, Shape.EXPONENT_BARE}
        if not self.decimal_points:
            unread.add(Shape.DOT_GROUP3)
        # A REAL cell's infinity: only ever in a double column (REAL cells make one, see lossless).
        return (*(s for s in shapes if s not in unread), Shape.REAL_INFINITY)

    def numbers(self) -> int:
        """Values that are numbers as the column reads its commas and exponents."""
        return self.shape(*self._read_shapes())

    def integers(self) -> int:
        """Values that are integers as the column reads its commas (``1,234`` with thousands)."""
        return self.shape(*self._integer_shapes())

    def _integer_shapes(self) -> tuple[Shape, ...]:
        grouped = (Shape.COMMA_GROUP3, Shape.GROUPED_INTEGER) if self.comma == "thousands" else ()
        if self.groups is not None:
            grouped = (Shape.SPACE_GROUP3, Shape.DIGIT_GROUPED_INTEGER)
        return (Shape.INTEGER, *grouped)

    def minus_signs(self, integer: bool) -> int:
        """The numbers (integers, with ``integer``) the column reads that are written with U+2212
        MINUS SIGN before their digits (:attr:`Flag.MINUS_SIGN`): the cleaner reads each with '-'."""
        shapes = self._integer_shapes() if integer else self._read_shapes()
        return sum(self.valid(shape, None, Flag.MINUS_SIGN) for shape in shapes)

    def unread(self) -> int:
        """Number-shaped values the column cannot read: a comma with no reading or a conflict, a dot
        group beside decimal commas, exponent-like codes."""
        return self.shape(*(s for s in NUMBER_SHAPES if s not in self._read_shapes()))

    def __getitem__(self, key: str) -> Any:
        return self.agg[key]

    def measured_whole(self) -> bool:
        """Whether the query counted the whole digits of some number's text (``max_digits`` of its
        integers, ``max_whole`` of its decimals and exponents)."""
        return self.agg["max_whole"] is not None or self.agg["max_digits"] is not None

    def shape(self, *shapes: Shape) -> int:
        """Values whose shape is one of ``shapes``."""
        return sum(self._shapes.get(int(s), 0) for s in shapes)

    def text_shape(self, *shapes: Shape) -> int:
        """TEXT values whose shape is one of ``shapes``."""
        return sum(self._text_shapes.get(int(s), 0) for s in shapes)

    def present(self) -> int:
        """Values that are neither NULL, nor empty, nor a null token."""
        absent = (Shape.NULL, Shape.EMPTY, Shape.NULL_LIKE)
        return sum(n for shape, n in self._shapes.items() if shape not in absent)

    def flag(self, flag: Flag) -> int:
        """Values carrying ``flag``."""
        return self._flags[int(flag)]

    def padded_values(self) -> int:
        """Padded values but null tokens (made NULL whatever pads them): what a layout of the column's
        padding (line terminators, fixed widths, indentation) must account for, every one."""
        return self.flag(Flag.PADDED) - self.valid(Shape.NULL_LIKE, None, Flag.PADDED)

    def padded_documents(self) -> int:
        """Padded values of several lines (a line break in their trimmed text; null tokens aside):
        documents, which cleaning loads byte for byte unless ``trim = true`` (:data:`PADDED_LINES`)."""
        return int(self.agg.get(PADDED_LINES) or 0)

    def valid(self, shape: Shape, order: DateOrder | None, flag: Flag | None = None) -> int:
        """Values of ``shape`` that are real dates when slash dates are read in ``order`` (or, with
        ``flag``, that carry it)."""
        if flag is None:
            flag = Flag.VALID_MONTH_FIRST if order == "month_first" else Flag.VALID_DAY_FIRST
        return self._valid.get((int(shape), int(flag)), 0)

    def read(self, shape: Shape, flags: int, excluding: int = 0) -> int:
        """Date-shaped values of ``shape`` that are dates in a reading of ``flags`` (a valid-order flag,
        or both), and in none of ``excluding`` (an override's formats read them, see .overrides)."""
        return sum(
            n
            for (code, bits), n in self._orders.items()
            if code == shape and bits & flags and not bits & excluding
        )

    def date_examples(self, shows: Callable[[int, int], bool]) -> tuple[str, ...]:
        """Up to five raw example values of the date shapes whose (shape, valid-order bits) ``shows``."""
        found: dict[tuple[int, int], list[Any]] = self.agg.get("ex_dates") or {}
        values = sorted(v for (shape, bits), shown in found.items() if shows(shape, bits) for v in shown)
        return self._shown(tuple(str(v).replace("\x00", "\\0") for v in values[:EXAMPLES]))

    def examples(self, key: str) -> tuple[str, ...]:
        """Up to five raw example values for ``key`` (``null_like``, ``other``, ...)."""
        values: list[Any] | None = self.agg[f"ex_{key}"]
        # NUL bytes shown as \0 so examples stay printable and JSON-safe.
        return self._shown(tuple(str(v).replace("\x00", "\\0") for v in values or []))

    def _shown(self, examples: tuple[str, ...]) -> tuple[str, ...]:
        self.shown.update(examples)
        return examples


#: What keeps a column's numbers grouped by spaces or apostrophes unread (:func:`_group_reading`).
_GROUP_DOUBTS: dict[str, str] = {
    "separators": "are grouped by more than one separator",
    "marks": "are grouped beside decimals written both with a comma and with a point",
    "apostrophe_commas": "are grouped by apostrophes beside decimal commas",
    "comma_groups": "are grouped by spaces or apostrophes beside numbers grouped by commas",
    "others": "are grouped by spaces or apostrophes beside values that are no numbers in that convention",
    "unproven": "may be one number or two beside each other (123 456) and no value tells which",
    "codes": (
        "are all of one width of nine digits or more in groups of three (601 123 456): codes written in"
        " groups (phone numbers, company numbers), not amounts"
    ),
}


def points_unread(counts: Counts) -> int:
    """Numbers such as ``1.200`` the column leaves unread: no value of its own proves the point a
    decimal mark, and no decimal comma makes it a thousands separator."""
    if counts.decimal_points or counts.comma == "decimal":
        return 0
    return counts.shape(Shape.DOT_GROUP3)


def unproven_commas(counts: Counts) -> int:
    """Comma-joined integers (``1,3``, ``16,10751``) the column leaves unread for want of a proof of
    a decimal comma, where such a proof alone would read them (no thousands group of its own says
    otherwise): the export's other columns may prove it."""
    if counts.comma is not None or not counts.text_shape(Shape.COMMA_JOINED):
        return 0
    if _comma_reading(counts, counts.text_points, proven=True) != "decimal":
        return 0
    return counts.shape(Shape.COMMA_JOINED, Shape.COMMA_GROUP3)


def no_integer_but_zero(counts: Counts) -> bool:
    """The column holds no integer but ``0``: its numbers such as ``1.200`` are all it writes, as a
    writer of three decimals writes every number (``317.250``, ``0``). Beside ``850`` or ``7`` they
    are a writer's numbers of a thousand or more grouped by a point (a German stock list's ``1.200``
    beside ``850``), which no other column's proof reads as decimals."""
    low, high = counts.agg.get("min_integer"), counts.agg.get("max_integer")
    return not counts.shape(Shape.INTEGER) or low == high == 0


def decimal_mark_of(counts: Counts) -> Literal["point", "comma"] | None:
    """How the column's TEXT numbers write a decimal mark by their own proof (``ColumnProfile.decimal_mark``):
    a decimal comma (``0,05``, ``1,05``, ``39 924,83``; ``1,3`` only beside digit groups proving the
    convention), a point decimal no thousands group can be (``2.5``), or None for neither or both."""
    commas = counts.text_shape(Shape.COMMA_DECIMAL, Shape.DIGIT_GROUPED_COMMA)
    if counts.groups is not None:
        commas += counts.text_shape(Shape.COMMA_JOINED)
    if commas and counts.text_points:
        return None
    return "comma" if commas else "point" if counts.text_points else None


def unread_reason(counts: Counts, unread: int) -> str:
    """Why a column of numbers stays text: ``unread`` of them read two ways and nothing tells which."""
    grouped = counts.shape(*DIGIT_GROUPED_SHAPES)
    if counts.group_doubt is not None and grouped:
        shown = ", ".join(repr(value) for value in counts.examples("digit_grouped")[:2])
        doubt = _GROUP_DOUBTS[counts.group_doubt]
        if grouped == 1:
            doubt = re.sub(r"^are ", "is ", doubt)
        return f"{such_as(grouped, 'number', shown)} {doubt}: kept as text"
    if counts.exponent_display:
        shown = ", ".join(repr(value) for value in counts.examples("exponent")[:2])
        return (
            f"{such_as(unread, 'number', shown)} beside integers only {agree(unread, 'stands', 'stand')} for "
            "whole numbers with digits "
            "left out (a spreadsheet's display of a long number): kept as text, every cell as written "
            "(set the column's type to read them as numbers)"
        )
    if counts.exponent_codes:
        return (
            f"{such_as(unread, 'value', '1E5', example=False)} beside integers "
            f"{agree(unread, 'looks', 'look')} like codes, not exponents: kept as text "
            "(set the column's type to read them as numbers)"
        )
    if points_unread(counts):
        return (
            f"{such_as(unread, 'number', '1.200', example=False)} may be 1.2 or (a point grouping "
            "thousands) 1200, and no value "
            "tells which: kept as text (set the column's type to read them as decimals)"
        )
    joined = counts.shape(Shape.COMMA_JOINED)
    if counts.comma is None and joined and not counts.shape(Shape.GROUPED_INTEGER, Shape.GROUPED_DECIMAL):
        shown = ", ".join(repr(value) for value in counts.examples("comma")[:2])
        return (
            f"{such_as(joined, 'value', shown)} {agree(joined, 'is', 'are')} {COMMA_JOINED_WHY}: kept as "
            "text; decimal_comma = true "
            "in [columns] reads them as decimals"
        )
    if counts.comma == "decimal":
        why = (
            f"{such_as(unread, 'number', '1.234', example=False)} {agree(unread, 'reads', 'read')} as 1234 "
            "beside decimal commas (3,5), as 1.234 elsewhere"
        )
    elif counts.shape(*COMMA_SHAPES):
        why = (
            f"{counted(unread, 'number')} with commas {agree(unread, 'is', 'are')} written both as decimal "
            "commas (3,5) and with thousands "
            "separators (1,234.50)"
        )
    else:
        why = (
            f"{such_as(unread, 'number', '1,234', example=False)} may have a decimal comma or a thousands "
            "separator and no "
            "value tells which"
        )
    return why + ": kept as text (set decimal_comma or thousands_separator in [columns])"


#: The note of a column whose slash dates prove both orders (see :func:`.value_reading._date_order`).
CONFLICTING_ORDER = "conflicting date order evidence"


def _date_order_proof(tables: Collection[TableProfile]) -> dict[str, list[str]]:
    """``{order: ["table.column", ...]}``: the columns of ``tables`` whose slash dates prove an order
    (and not both: a conflicting column proves nothing)."""
    proven: dict[str, list[str]] = {}
    for table in tables:
        for column in table:
            if column.date_order in ("day_first", "month_first") and not any(
                note.startswith(CONFLICTING_ORDER) for note in column.notes
            ):
                proven.setdefault(column.date_order, []).append(f"{table.name}.{column.name}")
    return proven


def read_as_the_export_proves(tables: dict[str, TableProfile], default: DateOrder = "day_first") -> None:
    """Read the slash dates of columns that prove no order (``5/1/2025``, ``06/03/2025``) in the one
    order the export's other date columns prove, when they all prove the same one without conflict.

    An export comes from one system, and one system writes its dates one way: a US billing table's
    ``period_start`` (always the 1st) was read day-first beside an ``order_date`` proven month-first
    (helper 21: every month swapped). The column keeps its ``ambiguous_date_order`` issue, saying what
    decided instead. Where the export's columns prove both orders (a help desk of two sites, each
    table written as its site writes dates), the column's own table decides where its columns prove
    one: a Boston table's ``due`` (every day 12 or less) was read day-first beside its own ``created``
    proven month-first, because a Paris table proved day-first (until 2026-12-02). With no proof, or
    proof both ways in its table too, ``date_order_default`` (``default``) applies, and a note says so
    as a proof's does (until 2026-12-02 only the issue's detail said it).
    """
    export = _date_order_proof(tables.values())
    for table in tables.values():
        proven, whose = export, "the export's"
        if len(export) > 1:
            proven, whose = _date_order_proof([table]), "the table's"
        if len(proven) != 1:
            why = (
                "the export's date columns prove both orders"
                if export
                else "no value in the export proves it"
            )
            for name in table.rereads:
                if table[name].as_written is None:
                    table[name].notes.append(
                        f"slash dates read {default.replace('_', '-')} by date_order_default: {why} "
                        "(set date_order_default, or the column's formats, if that is not the export's order)"
                    )
            table.rereads.clear()
            continue
        ((order, witnesses),) = proven.items()
        shown = ", ".join(witnesses[:3]) + (f" and {len(witnesses) - 3} more" if len(witnesses) > 3 else "")
        reading = order.replace("_", "-")
        also = " (the export's prove both orders)" if proven is not export else ""
        for name, reread in table.rereads.items():
            if table[name].as_written is not None:
                continue  # a key loaded as written: text, its dates are read in no order
            column = reread(cast(DateOrder, order))
            column.export_date_order = cast(Literal["day_first", "month_first"], order)
            column.issues = [
                replace(
                    issue, detail=f"no value proves day or month first; read as {reading}, as {shown} prove"
                )
                if issue.kind == "ambiguous_date_order"
                else issue
                for issue in column.issues
            ]
            column.notes.append(
                f"slash dates read {reading}: {whose} other date columns ({shown}) prove it{also}"
            )
            table.columns[name] = column
        table.rereads.clear()


#: The key of a column's figures saying the export proves a point the decimal mark (``infer_column``'s
#: ``points_proven``): not one of the profile query's.
POINTS_PROVEN = "points_proven"
#: ... and a decimal comma (``infer_column``'s ``commas_proven``).
COMMAS_PROVEN = "commas_proven"


def points_as_the_export_proves(tables: dict[str, TableProfile]) -> None:
    """Read numbers such as ``1.200`` that no value of their own column proves a decimal or a thousands
    group, in a column holding no other integer than ``0`` (``ColumnProfile.points_unproven``), as
    decimals where the export's other columns of numbers write a point as the decimal mark (``2.5``,
    ``0.750`` as TEXT: ``decimal_mark`` ``point``) and no column of the export writes a decimal comma.

    An export comes from one writer, and one writer writes its numbers one way: an Apple Health
    export's daily ``activeEnergyBurned`` (``317.250``, always three decimals) stayed text beside its
    records' ``value`` (``0.173``) and workouts' ``totalDistance`` (``4.750000``), read as decimals
    (until 2026-12-05). A German stock list's ``1.200`` (1200) beside ``850`` in its column, or beside
    ``3,5`` elsewhere in its export, or in an export of no point decimal at all, is still read neither
    way: text, as its type reason says.
    """
    commas = any(
        column.decimal_mark == "comma" for table in tables.values() for column in table.columns.values()
    )
    _reread_as_witnessed(
        tables,
        "point",
        lambda table: table.point_rereads,
        lambda column, shown: (
            f"{such_as(column.points_unproven, 'number', '1.200', example=False)} read as "
            f"{agree(column.points_unproven, 'a decimal', 'decimals')}: the export's other "
            f"columns of numbers ({shown}) write a point as the decimal mark, and none a decimal comma"
        ),
        blocked=commas,
    )


def commas_as_the_export_proves(tables: dict[str, TableProfile]) -> None:
    """Read comma-joined integers (``1,3``, ``16,10751``) that no value of their own column proves
    decimals (``ColumnProfile.commas_unproven``) as decimal commas where another column of the export,
    read as numbers, proves a decimal comma by its own values (``0,05``, ``1,05``, ``-1,5``,
    ``39 924,83``: ``decimal_mark`` ``comma``).

    An export comes from one writer, and a German one writes every number so: a quantity column of
    ``2,5`` and ``12,25`` beside a price column of ``149,00`` is of decimals. Ids joined by commas (a
    TypeORM ``simple-array`` of tag ids, ``'1,3'``; Overseerr's ``media_request.tags``) were read as
    one number each (1.3) until 2026-12-06; with no such column in the export they stay text, as
    their type reason says.
    """
    _reread_as_witnessed(
        tables,
        "comma",
        lambda table: table.comma_rereads,
        lambda column, shown: (
            f"{such_as(column.commas_unproven, 'number', '1,3', example=False)} read as "
            f"{agree(column.commas_unproven, 'a decimal', 'decimals')}: the export's other "
            f"columns of numbers ({shown}) prove a decimal comma"
        ),
    )


def _reread_as_witnessed(
    tables: Mapping[str, TableProfile],
    mark: Literal["point", "comma"],
    rereads: Callable[[TableProfile], dict[str, Callable[[], ColumnProfile]]],
    note: Callable[[ColumnProfile, str], str],
    *,
    blocked: bool = False,
) -> None:
    """Replace each column a table's ``rereads`` can read again as decimals by that reading, where
    other columns of the export read as numbers write ``mark`` as their decimal mark (the witnesses,
    named in the column's ``note``, given its profile as first read) and nothing ``blocked`` it; a
    column the rereading leaves text (for another reason as well) or one loaded as written stays."""
    witnesses = [
        f"{table.name}.{column.name}"
        for table in tables.values()
        for column in table.columns.values()
        if column.decimal_mark == mark and column.inferred_type in ("numeric", "double")
    ]
    shown = ", ".join(witnesses[:3]) + (f" and {len(witnesses) - 3} more" if len(witnesses) > 3 else "")
    for table in tables.values():
        pending = rereads(table)
        for name, reread in pending.items():
            if blocked or not witnesses or table[name].as_written is not None:
                continue
            column = reread()
            if column.inferred_type not in ("numeric", "double"):
                continue  # text for another reason as well
            column.notes.append(note(table[name], shown))
            table.columns[name] = column
            if table.key_found == "data_unique" and name in table.key:
                _key_found_again(table)
        pending.clear()


def _key_found_again(table: TableProfile) -> None:
    """Find ``table``'s key in the data again once its key column is read as another type: a key found
    in the data is an integer, text or short bytes column (data_keys.data_key), and a column of numbers
    such as ``317.250``, unique text when the key was found, is a measurement once read as decimals
    (an Apple Health export's ``activity_summary`` was keyed, and loaded with a PRIMARY KEY, on its
    ``activeEnergyBurned`` until 2026-12-05). The next column the rule finds is the key (unique among the
    rows but their exact copies, as before), or none; nothing is counted again."""
    column = data_key(table, table.duplicate_rows or 0, exclude=tuple(table.key))
    table.key, table.key_found = ([column], "data_unique") if column is not None else ([], None)
    table.key_part_of = None
