"""Date and time text read by its strptime formats in Polars: the formats as chrono reads them
(:func:`chrono_format`, a zone's name as its offset: :func:`zone_named`), only text of each format's
shape (:data:`FORMAT_REGEX`, :func:`format_shape`: chrono is laxer than the profiler), and a column of
many formats read format by format (:func:`first_formats`). The cleaner's (:mod:`.expressions`)."""

from __future__ import annotations

import re

import polars as pl

from columnar_etl.rules.date_shapes import DATE_SHAPES
from columnar_etl.rules.dates import (
    COMPACT_DATE_FORMAT,
    COMPACT_DATE_REGEX,
    COMPACT_TIMESTAMP_FORMAT,
    COMPACT_TIMESTAMP_REGEX,
    GO_TIME_CUT_REGEX,
    GO_TIME_FORMAT,
    ZONE_NAME_AT_REGEX,
    ZONE_NAME_OFFSETS,
    ZONE_NAME_REGEX,
    ZONE_REGEX,
)


def rust_regex(regex: str) -> str:
    """A profiler (RE2, full-match) regex as an anchored Rust regex; ``\\d`` is ASCII-only as in RE2."""
    return "^(?:" + regex.replace(r"\d", "[0-9]") + ")$"


def chrono_format(fmt: str) -> str:
    """A Python strptime format as chrono reads it: Python's ``.%f`` (1-6 digits) is chrono's ``%.f``,
    its ``%z`` (``Z``, ``+0200``, ``+02:00``) chrono's ``%#z``, which also reads PostgreSQL's ``+02``.
    A ``%Z`` (a zone's name) is read as the offset :func:`zone_named` puts in its place. Go's
    ``time.Time.String()`` (:data:`GO_TIME_FORMAT`) is read as ISO with an optional fraction and a
    spaced offset once :func:`zone_named` has cut its zone's name and monotonic reading."""
    if fmt == GO_TIME_FORMAT:
        return "%Y-%m-%d %H:%M:%S%.f %#z"
    return fmt.replace(".%f", "%.f").replace("%z", "%#z").replace("%Z", "%#z")


_ZONE_NAME_AT = ZONE_NAME_AT_REGEX.replace(r"\d", "[0-9]")
#: The same place, the year after the name (ctime's) captured: what the offset replaces.
_ZONE_NAME_PLACE = r" [A-Z]{2,3}( [0-9]{4})?$"


def zone_named(text: pl.Expr, fmt: str) -> pl.Expr:
    """``text`` as ``fmt`` reads it: for a format with ``%Z`` the zone's name (RFC 2822's, where the
    shape puts it: last, or before ctime's year) replaced by its fixed offset (:data:`ZONE_NAME_OFFSETS`;
    another name by nothing, so the value does not parse); for Go's :data:`GO_TIME_FORMAT` the text
    cut after its offset (the zone's name, redundant, and the monotonic clock's reading dropped:
    :data:`GO_TIME_CUT_REGEX`); else ``text`` itself."""
    if fmt == GO_TIME_FORMAT:
        return text.str.replace(GO_TIME_CUT_REGEX, " ${1}")
    if "%Z" not in fmt:
        return text
    offset = text.str.extract(_ZONE_NAME_AT, 1).replace_strict(ZONE_NAME_OFFSETS, default=None)
    return text.str.replace(_ZONE_NAME_PLACE, pl.concat_str([pl.lit(" "), offset, pl.lit("$1")]))


#: strptime format → the profiler's regex for values of that shape (and the compact date's).
FORMAT_REGEX: dict[str, str] = {
    **{
        fmt: rust_regex(shape.regex)
        for shape in DATE_SHAPES
        for fmt in (shape.day_first, shape.month_first)
        if fmt is not None
    },
    COMPACT_DATE_FORMAT: rust_regex(COMPACT_DATE_REGEX),
    COMPACT_TIMESTAMP_FORMAT: rust_regex(COMPACT_TIMESTAMP_REGEX),
}


#: What each strptime directive reads, as a pattern: how :func:`format_shape` tells a value of a
#: column's own format (an override's ``%d-%b-%y``) that is no such day from text that is no date.
_DIRECTIVE_PATTERNS = {
    "Y": "[0-9]{4}", "y": "[0-9]{2}", "m": "[0-9]{1,2}", "-m": "[0-9]{1,2}", "d": "[0-9]{1,2}",
    "-d": "[0-9]{1,2}", "e": "[ 0-9]?[0-9]", "H": "[0-9]{1,2}", "-H": "[0-9]{1,2}", "I": "[0-9]{1,2}",
    "-I": "[0-9]{1,2}", "M": "[0-9]{2}", "S": "[0-9]{2}", "f": "[0-9]{1,9}", "j": "[0-9]{1,3}",
    "p": "[AaPp][Mm]", "b": "[A-Za-z]{3}", "h": "[A-Za-z]{3}", "B": "[A-Za-z]{3,9}", "a": "[A-Za-z]{3}",
    "A": "[A-Za-z]{6,9}", "z": ZONE_REGEX.replace(r"\d", "[0-9]"), "Z": ZONE_NAME_REGEX, "%": "%",
}  # fmt: skip


_DIRECTIVE = re.compile(r"%(-?[A-Za-z%])")


def format_shape(fmt: str) -> str | None:
    """The anchored pattern of the text ``fmt`` writes (``%d-%b-%y``: ``^(?:[0-9]{1,2}-[A-Za-z]{3}-
    [0-9]{2})$``), or None when it has a directive this does not know."""
    parts: list[str] = []
    position = 0
    for directive in _DIRECTIVE.finditer(fmt):
        parts.append(re.escape(fmt[position : directive.start()]))
        pattern = _DIRECTIVE_PATTERNS.get(directive.group(1))
        if pattern is None:
            return None
        parts.append(pattern)
        position = directive.end()
    parts.append(re.escape(fmt[position:]))
    return "^(?:" + "".join(parts) + ")$"


#: A column with more formats than this is parsed format by format on the values no earlier format
#: read (:func:`first_formats`), not by one expression per format over every value.
FEW_FORMATS = 2


def format_candidate(text: pl.Expr, fmt: str, stamp_type: pl.Datetime) -> pl.Expr:
    """``text`` read by ``fmt`` (NULL where it does not parse): only text of the format's shape (chrono
    is lenient where the profiler is not: ``2025-5-20``, a leading ``+``), a zone's name as its offset."""
    stamp = zone_named(text, fmt).str.strptime(stamp_type, chrono_format(fmt), strict=False)
    regex = FORMAT_REGEX.get(fmt)
    return pl.when(text.str.contains(regex)).then(stamp) if regex else stamp


def first_formats(text: pl.Series, formats: tuple[str, ...], stamp_type: pl.Datetime) -> pl.DataFrame:
    """Each value of ``text`` read by the first of ``formats`` that reads it (``value``) and that format's
    position (``format``, NULL where none does): what ``pl.coalesce`` of every :func:`format_candidate`
    gives, but each format tries only the values no earlier one read, and none is tried once every
    value is read. A plan holding every known format (a sampled profile's, an override's type without
    formats) parsed a 1M-row column ~60 times over; most columns are read by their first format."""
    frame = pl.DataFrame({"t": text}).with_row_index("i")
    pending = frame.filter(pl.col("t").is_not_null() & (pl.col("t") != ""))
    values = pl.Series("value", [None] * len(text), dtype=stamp_type)
    positions = pl.Series("format", [None] * len(text), dtype=pl.UInt16)
    for position, fmt in enumerate(formats):
        if pending.height == 0:
            break
        tried = pending.with_columns(format_candidate(pl.col("t"), fmt, stamp_type).alias("v"))
        read = tried.filter(pl.col("v").is_not_null())
        if read.height:
            values.scatter(read["i"], read["v"])
            positions.scatter(read["i"], pl.Series([position] * read.height, dtype=pl.UInt16))
        pending = tried.filter(pl.col("v").is_null()).drop("v")
    return pl.DataFrame([values, positions])
