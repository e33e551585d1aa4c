"""A date or timestamp shape's parse in DuckDB SQL: the value read day-first (:func:`parse_sql`,
an instant with an offset or a zone's name in UTC), month-first where the shape is a slash date
(:func:`month_first_sql`), year 0 and hour 24 as no date, and instants outside PostgreSQL's range
dropped once per value (:func:`ranged_sql`)."""

from __future__ import annotations

from collections.abc import Collection

from columnar_etl.pg.identifiers import quote_literal
from columnar_etl.profiling.profile_codes import SLASH_SHAPES, shape_in
from columnar_etl.rules import Shape
from columnar_etl.rules.dates import GO_TIME_CUT_REGEX, HOUR_24_MARKS, INSTANT_RANGE, DateShape


def year_zero_sql(t: str, shape: DateShape) -> str:
    """Whether ``t`` (of ``shape``) names year 0: its four year digits, first in an ISO or other
    year-first shape, after the second ``/`` or ``.`` in the others, after a month's name, a comma or
    a space where the month is named (not an offset's ``-0000``)."""
    if shape.regex.startswith(r"\d{4}") or shape.separator == "basic":
        return f"starts_with({t}, '0000')"
    if shape.separator == "mon":  # string tests: a regex costs DuckDB ~0.2 ms per query to compile
        if "-[A-Za-z]" in shape.regex:  # 20-MAY-0000
            return f"contains({t}, '-0000')"
        return f"(contains({t}, ' 0000 ') OR ends_with({t}, ' 0000'))"  # not RFC 2822's offset -0000
    return f"contains({t}, {quote_literal(shape.separator + '0000')})"


def _weekday_agrees(t: str, local: str) -> str:
    """The weekday ``t`` starts with (three letters, any case) is that of ``local`` (a TIMESTAMP, the
    wall-clock time the text writes): chrono, which cleans, refuses ``Mon, 20 May 2025``; DuckDB's
    strptime reads ``%a`` without checking it."""
    return f"lower(strftime({local}, '%a')) = lower({t}[1:3])"


def _named_time(t: str, shape: DateShape, zone: str, offset: str) -> tuple[str, bool]:
    """A shape with a month's name (and a weekday's): read by strptime; year 0 is none, a weekday
    must be the day's, and an offset (RFC 2822's) gives the instant in UTC (unranged: see
    :func:`parse_sql`). A zone's name (``%Z``; ``zone``, the name, and ``offset``, its offset of
    :data:`ZONE_NAME_OFFSETS`: columns of the level below, see :func:`.shaping.column_projections`) is first
    put as its offset in its place."""
    checks = [f"NOT {year_zero_sql(t, shape)}"]
    fmt = shape.day_first
    if "%z" in fmt or "%Z" in fmt:  # (HTTP's GMT is a word of the format: read as it stands, UTC)
        if "%Z" in fmt:
            # No month's or weekday's name is a zone's: the name stands once, where the shape put it.
            text = f"replace({t}, ' ' || {zone}, ' ' || {offset})"
            wall = f"replace({t}, ' ' || {zone}, '')"
            fmt = fmt.replace("%Z", "%z")
        elif fmt.endswith("%z"):  # the offset last (' +0200': six ASCII bytes)
            text, wall = t, f"left({t}, strlen({t}) - 6)"
        else:  # the offset before ctime's year (' +0000 2019'): no other word has a sign
            text, wall = t, f"regexp_replace({t}, ' [+-][0-9]{{4}}', '')"
        if fmt.startswith("%a"):
            # The wall-clock time is the text without its offset or zone.
            local = f"try_strptime({wall}, {quote_literal(fmt.replace(' %z', ''))})"
            checks.append(_weekday_agrees(t, local))
        utc = f"make_timestamp(epoch_us(try_strptime({text}, {quote_literal(fmt)})))"
        return f"CASE WHEN {' AND '.join(checks)} THEN {utc} END", True
    parsed = f"try_strptime({t}, {quote_literal(fmt)})"
    if fmt.startswith("%a"):
        checks.append(_weekday_agrees(t, parsed))
    return f"CASE WHEN {' AND '.join(checks)} THEN {parsed} END", False


def _offset_strptime(t: str, fmt: str) -> str:
    """``t`` read by ``fmt`` (with ``%z``; ``Z`` read as ``+00:00``, which DuckDB's ``%z`` lacks) as
    the TIMESTAMP of its instant in UTC, unranged (see :func:`parse_sql`: year 0 is outside the range).
    strptime, not the ISO cast on rebuilt text: each copy of such text cost DuckDB ~1 ms to plan."""
    return f"make_timestamp(epoch_us(try_strptime(replace({t}, 'Z', '+00:00'), {quote_literal(fmt)})))"


def parse_sql(t: str, shape: DateShape, zone: str, offset: str) -> tuple[str, bool]:
    """``t`` (of ``shape``) as a TIMESTAMP read day-first; NULL when no such day or time exists. And
    whether it is an instant in UTC (a shape with an offset or a zone's name) that is not yet known
    to lie within :data:`INSTANT_RANGE`: that test is the next level's (:func:`ranged_sql`), once per
    value, not twice per shape in the parse (the instant written out again to test it made DuckDB
    bind it twice). ``zone``, ``offset``: see :func:`_named_time`.

    ISO shapes use DuckDB's own ISO parser (a cast, ~6x cheaper than ``strptime``), which agrees with
    ``strptime`` on every value of these shapes except hour 24 (it reads ``24:00:00`` as the next
    midnight): that hour stays invalid here, as it is for ``strptime`` and the cleaner. Year 0 is no
    date either: DuckDB reads it as 1 BC, Python, PostgreSQL and the cleaner call it invalid.
    """
    if shape.shape == Shape.TS_ISO_SPACED_ZONE:  # DuckDB's cast wants no space before the offset
        return _instant(f"({t}[1:19] || {t}[21:])"), True
    if shape.shape == Shape.TS_ISO_FRACTION_SPACED_ZONE:  # nor after a fraction, of any length
        return _instant(f"regexp_replace({t}, ' ([+-])', '\\1')"), True
    if shape.shape == Shape.TS_GO:  # nor a zone's name or a monotonic reading: cut at the offset's end
        return _instant(f"regexp_replace({t}, {quote_literal(GO_TIME_CUT_REGEX)}, '\\1')"), True
    if shape.separator == "mon":
        return _named_time(t, shape, zone, offset)
    # Nor does it read an offset after minutes (2025-05-20 08:42+02:00) or ISO's basic format:
    # strptime does (no hour 24 there; no second 60 either).
    if shape.shape in (
        Shape.TS_ISO_HM_ZONE,
        Shape.TS_ISO_T_HM_ZONE,
        Shape.TS_ISO_BASIC_ZONE,
        Shape.TS_ISO_BASIC_FRACTION_ZONE,
    ):
        return _offset_strptime(t, shape.day_first), True
    year_zero = year_zero_sql(t, shape)
    if shape.zoned:
        return _instant(t), True
    if not shape.iso:
        return (
            f"CASE WHEN NOT {year_zero} THEN try_strptime({t}, {quote_literal(shape.day_first)}) END",
            False,
        )
    if not shape.has_time:
        return f"CASE WHEN NOT {year_zero} THEN try_cast({t} AS TIMESTAMP) END", False
    hour_24 = " OR ".join(f"contains({t}, {quote_literal(mark)})" for mark in HOUR_24_MARKS)
    return f"CASE WHEN NOT ({hour_24} OR {year_zero}) THEN try_cast({t} AS TIMESTAMP) END", False


def _instant(t: str) -> str:
    """``t`` (text with a UTC offset) as the TIMESTAMP of its instant in UTC; NULL when no such day or
    time exists or at hour 24; unranged (see :func:`parse_sql`).

    The offset is applied by DuckDB's TIMESTAMPTZ cast, and the instant taken back as microseconds
    since the epoch: a cast to TIMESTAMP would convert to the session's time zone instead.
    """
    hour_24 = " OR ".join(f"contains({t}, {quote_literal(mark)})" for mark in HOUR_24_MARKS)
    return f"CASE WHEN NOT ({hour_24}) THEN make_timestamp(epoch_us(try_cast({t} AS TIMESTAMPTZ))) END"


def ranged_sql(d: str, k: str, instants: Collection[int]) -> str:
    """``d``, the day-first parse of a value of shape ``k``, NULL where ``k`` is one of ``instants``
    (:func:`parse_sql`'s shapes of unranged instants) and the instant lies outside
    :data:`INSTANT_RANGE` in UTC (PostgreSQL's timestamptz and the cleaner have no such moment)."""
    low, high = (f"TIMESTAMP {quote_literal(bound)}" for bound in INSTANT_RANGE)
    return (
        f"CASE WHEN list_contains([{', '.join(str(int(s)) for s in sorted(instants))}], {k}) "
        f"AND NOT ({d} BETWEEN {low} AND {high}) THEN NULL ELSE {d} END"
    )


def month_first_sql(index: int) -> str:
    """Column ``index``'s value read month-first, over the ``parsed`` level's aliases: the slash dates'
    month-first parse, every other shape's one parse (NULL when not a date)."""
    k, d, mf = (f"{x}{index}" for x in ("k", "d", "mf"))
    return f"CASE WHEN {shape_in(k, SLASH_SHAPES)} THEN {mf} ELSE {d} END"
