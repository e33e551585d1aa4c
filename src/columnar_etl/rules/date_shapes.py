"""Every date and time shape the rules read (:data:`DATE_SHAPES`: its shape, regex, strptime formats day or
month first, lengths), and the order an override's formats say (:func:`format_order`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from columnar_etl.rules import Shape
from columnar_etl.rules.dates import (
    DATE_CANONICAL_REGEX,
    FRACTION_REGEX,
    GO_OFFSET_AND_TAIL,
    GO_TIME_FORMAT,
    GO_TIME_LENGTHS,
    INSTANT_CANONICAL_REGEX,
    MONTH_NAME_REGEX,
    OFFSET_HOURS,
    OFFSET_REGEX,
    TIMESTAMP_CANONICAL_REGEX,
    UTC_OFFSET_TEXT,
    ZONE_NAME_REGEX,
    ZONE_REGEX,
    DateShape,
    timed_month_shapes,
)

DATE_SHAPES: tuple[DateShape, ...] = (
    DateShape(Shape.TS_ISO, TIMESTAMP_CANONICAL_REGEX, "%Y-%m-%d %H:%M:%S", None, True, (19, 19)),
    DateShape(
        Shape.TS_ISO_T_FRACTION,
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}" + FRACTION_REGEX,
        "%Y-%m-%dT%H:%M:%S.%f",
        None,
        True,
        (21, 29),
    ),
    DateShape(
        Shape.TS_ISO_T, r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", "%Y-%m-%dT%H:%M:%S", None, True, (19, 19)
    ),
    DateShape(
        Shape.TS_ISO_FRACTION,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}" + FRACTION_REGEX,
        "%Y-%m-%d %H:%M:%S.%f",
        None,
        True,
        (21, 29),
    ),
    DateShape(Shape.TS_ISO_HM, r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "%Y-%m-%d %H:%M", None, True, (16, 16)),
    # Instants (a UTC offset): the canonical UTC form first, since the first matching shape wins.
    DateShape(
        Shape.TS_ISO_UTC,
        INSTANT_CANONICAL_REGEX,
        "%Y-%m-%d %H:%M:%S" + UTC_OFFSET_TEXT,
        None,
        True,
        (25, 25),
    ),
    DateShape(
        Shape.TS_ISO_ZONE,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}" + ZONE_REGEX,
        "%Y-%m-%d %H:%M:%S%z",
        None,
        True,
        (20, 25),
    ),
    DateShape(
        Shape.TS_ISO_FRACTION_ZONE,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}" + FRACTION_REGEX + ZONE_REGEX,
        "%Y-%m-%d %H:%M:%S.%f%z",
        None,
        True,
        (22, 35),
    ),
    DateShape(
        Shape.TS_ISO_T_ZONE,
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}" + ZONE_REGEX,
        "%Y-%m-%dT%H:%M:%S%z",
        None,
        True,
        (20, 25),
    ),
    DateShape(
        Shape.TS_ISO_T_FRACTION_ZONE,
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}" + FRACTION_REGEX + ZONE_REGEX,
        "%Y-%m-%dT%H:%M:%S.%f%z",
        None,
        True,
        (22, 35),
    ),
    DateShape(
        Shape.TS_ISO_SPACED_ZONE,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} " + OFFSET_HOURS + r"[0-5]\d",
        "%Y-%m-%d %H:%M:%S %z",
        None,
        True,
        (25, 25),
    ),
    # Node's Sequelize writes its DATE so on SQLite (moment's 'YYYY-MM-DD HH:mm:ss.SSS Z': a space, then
    # the offset with a colon): every DATETIME column of such an app.
    DateShape(
        Shape.TS_ISO_FRACTION_SPACED_ZONE,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}" + FRACTION_REGEX + " " + OFFSET_REGEX,
        "%Y-%m-%d %H:%M:%S.%f %z",
        None,
        True,
        (25, 36),
    ),
    # Go's time.Time.String() (what a Go program's fmt, logs and drivers that stringify a time.Time
    # write): the fraction's trailing zeros trimmed (none: no point), the offset, then the zone's name,
    # which the offset makes redundant and is never read (GO_TIME_TAIL_REGEX), then maybe ' m=±…'.
    DateShape(
        Shape.TS_GO,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:" + FRACTION_REGEX + ")? " + GO_OFFSET_AND_TAIL,
        GO_TIME_FORMAT,
        None,
        True,
        GO_TIME_LENGTHS,
    ),
    DateShape(
        Shape.TS_ISO_UTC_WORD,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC",
        "%Y-%m-%d %H:%M:%S UTC",
        None,
        True,
        (23, 23),
    ),
    # Without seconds (Python's isoformat(timespec="minutes"), JavaScript and HTML forms): the same
    # instants; the cast reads them once ':00' is put in.
    DateShape(
        Shape.TS_ISO_HM_ZONE,
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}" + ZONE_REGEX,
        "%Y-%m-%d %H:%M%z",
        None,
        True,
        (17, 22),
    ),
    DateShape(
        Shape.TS_ISO_T_HM_ZONE,
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}" + ZONE_REGEX,
        "%Y-%m-%dT%H:%M%z",
        None,
        True,
        (17, 22),
    ),
    DateShape(Shape.TS_ISO_T_HM, r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", "%Y-%m-%dT%H:%M", None, True, (16, 16)),
    DateShape(
        Shape.TS_SLASH_HM,
        r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}",
        "%d/%m/%Y %H:%M",
        "%m/%d/%Y %H:%M",
        True,
        (13, 16),
        "/",
    ),
    DateShape(
        Shape.TS_SLASH_HMS,
        r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2}",
        "%d/%m/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M:%S",
        True,
        (16, 19),
        "/",
    ),
    DateShape(
        Shape.TS_SLASH_HM_AMPM,
        r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2} [AaPp][Mm]",
        "%d/%m/%Y %I:%M %p",
        "%m/%d/%Y %I:%M %p",
        True,
        (16, 19),
        "/",
    ),
    DateShape(
        Shape.TS_SLASH_HMS_AMPM,
        r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2} [AaPp][Mm]",
        "%d/%m/%Y %I:%M:%S %p",
        "%m/%d/%Y %I:%M:%S %p",
        True,
        (19, 22),
        "/",
    ),
    DateShape(Shape.DATE_ISO, DATE_CANONICAL_REGEX, "%Y-%m-%d", None, False, (10, 10)),
    # Dashes with the year last: the order of day and month as with slashes (the column's evidence).
    DateShape(Shape.DATE_DASH, r"\d{1,2}-\d{1,2}-\d{4}", "%d-%m-%Y", "%m-%d-%Y", False, (8, 10)),
    DateShape(
        Shape.TS_DASH_HM,
        r"\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}",
        "%d-%m-%Y %H:%M",
        "%m-%d-%Y %H:%M",
        True,
        (13, 16),
    ),
    DateShape(
        Shape.TS_DASH_HMS,
        r"\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}:\d{2}",
        "%d-%m-%Y %H:%M:%S",
        "%m-%d-%Y %H:%M:%S",
        True,
        (16, 19),
    ),
    DateShape(
        Shape.TS_DASH_HM_AMPM,
        r"\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2} [AaPp][Mm]",
        "%d-%m-%Y %I:%M %p",
        "%m-%d-%Y %I:%M %p",
        True,
        (16, 19),
    ),
    DateShape(
        Shape.TS_DASH_HMS_AMPM,
        r"\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}:\d{2} [AaPp][Mm]",
        "%d-%m-%Y %I:%M:%S %p",
        "%m-%d-%Y %I:%M:%S %p",
        True,
        (19, 22),
    ),
    # ISO's order without its padding, after the padded shapes (the first matching shape wins): read by
    # DuckDB's ISO cast, which takes one-digit fields. Its formats are chrono's unpadded ones (%-m), so
    # the profile and the audit tell them from ISO's own.
    DateShape(Shape.DATE_ISO_UNPADDED, r"\d{4}-\d{1,2}-\d{1,2}", "%Y-%-m-%-d", None, False, (8, 10)),
    DateShape(
        Shape.TS_ISO_UNPADDED_HM,
        r"\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}",
        "%Y-%-m-%-d %-H:%M",
        None,
        True,
        (13, 16),
    ),
    DateShape(
        Shape.TS_ISO_UNPADDED_HMS,
        r"\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}",
        "%Y-%-m-%-d %-H:%M:%S",
        None,
        True,
        (16, 19),
    ),
    DateShape(Shape.DATE_SLASH, r"\d{1,2}/\d{1,2}/\d{4}", "%d/%m/%Y", "%m/%d/%Y", False, (8, 10), "/"),
    # Year first with slashes: always year, month, day (no reading puts the day second).
    DateShape(Shape.DATE_YMD_SLASH, r"\d{4}/\d{1,2}/\d{1,2}", "%Y/%m/%d", None, False, (8, 10), "/"),
    DateShape(
        Shape.TS_YMD_SLASH_HM,
        r"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}",
        "%Y/%m/%d %H:%M",
        None,
        True,
        (13, 16),
        "/",
    ),
    DateShape(
        Shape.TS_YMD_SLASH_HMS,
        r"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}:\d{2}",
        "%Y/%m/%d %H:%M:%S",
        None,
        True,
        (16, 19),
        "/",
    ),
    # A month's English three-letter name (strptime's %b, any case; 'Sept' or 'June' are no match).
    DateShape(Shape.DATE_DAY_MON, r"\d{1,2} [A-Za-z]{3} \d{4}", "%d %b %Y", None, False, (10, 11), "mon"),
    DateShape(
        Shape.DATE_DAY_MON_DASH, r"\d{1,2}-[A-Za-z]{3}-\d{4}", "%d-%b-%Y", None, False, (10, 11), "mon"
    ),
    DateShape(Shape.DATE_MON_DAY, r"[A-Za-z]{3} \d{1,2}, \d{4}", "%b %d, %Y", None, False, (11, 12), "mon"),
    # A month's English name in full (strptime's %B, any case; chrono reads it as %b does).
    DateShape(
        Shape.DATE_DAY_MONTH,
        rf"\d{{1,2}} {MONTH_NAME_REGEX} \d{{4}}",
        "%d %B %Y",
        None,
        False,
        (10, 17),
        "mon",
    ),
    DateShape(
        Shape.DATE_MONTH_DAY,
        rf"{MONTH_NAME_REGEX} \d{{1,2}}, \d{{4}}",
        "%B %d, %Y",
        None,
        False,
        (11, 18),
        "mon",
    ),
    DateShape(
        Shape.DATE_MON_DAY_BARE, r"[A-Za-z]{3} \d{1,2} \d{4}", "%b %d %Y", None, False, (10, 11), "mon"
    ),
    DateShape(
        Shape.DATE_MONTH_DAY_BARE,
        rf"{MONTH_NAME_REGEX} \d{{1,2}} \d{{4}}",
        "%B %d %Y",
        None,
        False,
        (10, 17),
        "mon",
    ),
    *timed_month_shapes(),
    # E-mail and HTTP dates: a weekday (checked against the day), the day, the month's three letters,
    # the year, the time and an offset (+hhmm; GMT in HTTP's).
    DateShape(
        Shape.TS_RFC2822,
        r"[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} " + OFFSET_HOURS + r"[0-5]\d",
        "%a, %d %b %Y %H:%M:%S %z",
        None,
        True,
        (30, 31),
        "mon",
    ),
    DateShape(
        Shape.TS_RFC2822_GMT,
        r"[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT",
        "%a, %d %b %Y %H:%M:%S GMT",
        None,
        True,
        (28, 29),
        "mon",
    ),
    # A zone's name (RFC 2822's, fixed offsets: ZONE_NAME_OFFSETS) in place of the offset, with the
    # weekday or without; and the offset without the weekday (RFC 2822 makes the weekday optional).
    DateShape(
        Shape.TS_RFC2822_ZONE_NAME,
        r"[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} " + ZONE_NAME_REGEX,
        "%a, %d %b %Y %H:%M:%S %Z",
        None,
        True,
        (27, 29),
        "mon",
    ),
    DateShape(
        Shape.TS_RFC2822_BARE,
        r"\d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} " + OFFSET_HOURS + r"[0-5]\d",
        "%d %b %Y %H:%M:%S %z",
        None,
        True,
        (25, 26),
        "mon",
    ),
    DateShape(
        Shape.TS_RFC2822_BARE_ZONE_NAME,
        r"\d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} " + ZONE_NAME_REGEX,
        "%d %b %Y %H:%M:%S %Z",
        None,
        True,
        (22, 24),
        "mon",
    ),
    # IMAP's date-time (RFC 3501): the day, the month's three letters and the year joined by dashes,
    # the time and an offset; the INTERNALDATE a server gives every message, which mail clients keep.
    DateShape(
        Shape.TS_IMAP,
        r"\d{1,2}-[A-Za-z]{3}-\d{4} \d{2}:\d{2}:\d{2} " + OFFSET_HOURS + r"[0-5]\d",
        "%d-%b-%Y %H:%M:%S %z",
        None,
        True,
        (25, 26),
        "mon",
    ),
    # C's ctime (asctime, Unix date without a zone, many logs): the day padded with a space.
    DateShape(
        Shape.TS_CTIME,
        r"[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}",
        "%a %b %d %H:%M:%S %Y",
        None,
        True,
        (24, 24),
        "mon",
    ),
    # Unix date's: a zone's name before the year (RFC 2822's names only, see ZONE_NAME_OFFSETS).
    DateShape(
        Shape.TS_CTIME_ZONE,
        r"[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} " + ZONE_NAME_REGEX + r" \d{4}",
        "%a %b %d %H:%M:%S %Z %Y",
        None,
        True,
        (27, 28),
        "mon",
    ),
    # A numeric offset before the year: every tweet's created_at (Twitter's API and archives), Ruby
    # 1.8's Time#to_s.
    DateShape(
        Shape.TS_CTIME_OFFSET,
        r"[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} " + OFFSET_HOURS + r"[0-5]\d \d{4}",
        "%a %b %d %H:%M:%S %z %Y",
        None,
        True,
        (30, 30),
        "mon",
    ),
    # SQL Server's default (CONVERT style 100): day and hour padded with a space, AM/PM unspaced.
    DateShape(
        Shape.TS_SQLSERVER,
        r"[A-Za-z]{3} [ \d]\d \d{4} [ \d]\d:\d{2}[AaPp][Mm]",
        "%b %d %Y %I:%M%p",
        None,
        True,
        (19, 19),
        "mon",
    ),
    # Dotted dates are day first wherever they are written: no month-first reading.
    DateShape(Shape.DATE_DOT, r"\d{1,2}\.\d{1,2}\.\d{4}", "%d.%m.%Y", None, False, (8, 10), "."),
    DateShape(
        Shape.TS_DOT_HM, r"\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}:\d{2}", "%d.%m.%Y %H:%M", None, True, (13, 16), "."
    ),
    DateShape(
        Shape.TS_DOT_HMS,
        r"\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}:\d{2}:\d{2}",
        "%d.%m.%Y %H:%M:%S",
        None,
        True,
        (16, 19),
        ".",
    ),
    # Year first with dots, padded: 2025.5.3 is as often a version (CalVer, an IDE's 2023.3.2).
    DateShape(Shape.DATE_YMD_DOT, r"\d{4}\.\d{2}\.\d{2}", "%Y.%m.%d", None, False, (10, 10), "."),
    DateShape(
        Shape.TS_YMD_DOT_HM, r"\d{4}\.\d{2}\.\d{2} \d{1,2}:\d{2}", "%Y.%m.%d %H:%M", None, True, (15, 16), "."
    ),
    DateShape(
        Shape.TS_YMD_DOT_HMS,
        r"\d{4}\.\d{2}\.\d{2} \d{1,2}:\d{2}:\d{2}",
        "%Y.%m.%d %H:%M:%S",
        None,
        True,
        (18, 19),
        ".",
    ),
    # ISO 8601's basic format (iCalendar, file names, some APIs): no separators, a T before the time.
    DateShape(Shape.TS_ISO_BASIC, r"\d{8}T\d{6}", "%Y%m%dT%H%M%S", None, True, (15, 15), "basic"),
    DateShape(
        Shape.TS_ISO_BASIC_ZONE,
        r"\d{8}T\d{6}" + ZONE_REGEX,
        "%Y%m%dT%H%M%S%z",
        None,
        True,
        (16, 21),
        "basic",
    ),
    # With a fraction of one to six digits (no more: DuckDB's %f reads six).
    DateShape(
        Shape.TS_ISO_BASIC_FRACTION,
        r"\d{8}T\d{6}\.\d{1,6}",
        "%Y%m%dT%H%M%S.%f",
        None,
        True,
        (17, 22),
        "basic",
    ),
    DateShape(
        Shape.TS_ISO_BASIC_FRACTION_ZONE,
        r"\d{8}T\d{6}\.\d{1,6}" + ZONE_REGEX,
        "%Y%m%dT%H%M%S.%f%z",
        None,
        True,
        (18, 28),
        "basic",
    ),
)


def format_order(formats: Sequence[str]) -> Literal["day_first", "month_first"] | None:
    """The order the day-or-month-first formats among ``formats`` read (``%m/%d/%Y``, ``%m-%d-%Y %H:%M``:
    month first), when they all read one; None when none of them is such a format, or they read both.
    An override's ``formats`` of one order say the column's order (``columns.<t>.<c>.formats``)."""
    orders: set[Literal["day_first", "month_first"]] = set()
    for shape in DATE_SHAPES:
        if shape.month_first is not None:
            if shape.day_first in formats:
                orders.add("day_first")
            if shape.month_first in formats:
                orders.add("month_first")
    return orders.pop() if len(orders) == 1 else None
