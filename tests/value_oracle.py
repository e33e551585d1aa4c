"""An independent reading of single values, for the differential test of profile and cleaner
(tests/test_profile_clean_agree.py).

A :class:`Case` is one value put in a column of its own beside anchor values of one kind (dates read
day first, integers, booleans ...). The file holds one table, one column per case; the profile and the
cleaner both run on it and :func:`disagreements` compares, per column: the profile's type with the
cleaner's, the profile's valid/invalid counts and quarantine kinds with what the cleaner converted and
quarantined, and the cleaned value of the case's cell with :func:`expected`, which computes it from the
stored cell with the standard library (``datetime``, ``Decimal``) and this module's own spelling of the
documented rules (docs/profiling.md, docs/cleaning.md): never from the package's regexes or formats.
A case may also carry the value its generator meant (``truth``): the components a date was spelt from.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

#: What a value may hold in the target: quarantined with a reason, or a value.
QUARANTINE_KINDS = (
    "impossible_date",
    "unparseable_date",
    "other_date_order",
    "invalid_number",
    "numeric_overflow",
    "numeric_scale",
    "invalid_boolean",
)
NULL_TOKENS = frozenset(
    ["NULL", "null", "Null", "N/A", "n/a", "NA", "#N/A", "-", "--", "None", "none", "nil", "0000-00-00"]
) | {"0000-00-00 00:00:00", "1900-01-00", "1900-01-00 00:00:00"}  # zero dates: MySQL's, Access's day 0
TRUE_WORDS = frozenset({"true", "yes", "y", "t"})
FALSE_WORDS = frozenset({"false", "no", "n", "f"})
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ZONE_NAMES = {"UT": 0, "UTC": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5}
ZONE_NAMES |= {"MST": -7, "MDT": -6, "PST": -8, "PDT": -7}


@dataclass(frozen=True)
class Quarantined:
    """The cleaner must quarantine the value (its cell NULL) for this reason."""

    reason: str


#: The oracle has no opinion (a rule it does not model): only profile and cleaner are compared.
UNKNOWN = object()


@dataclass(frozen=True)
class Anchors:
    """A column kind: its declared type and the values that fill every other row (cycled)."""

    name: str
    declared: str
    values: tuple[Any, ...]
    #: The type the anchors alone make the column (what the oracle reads the case's value as when the
    #: column keeps it; the value may widen the column, and is then read as the wider type).
    kind: str
    order: str | None = None  # day_first / month_first, for dates
    #: Appended to the column's name: ``_at`` makes it date-like (epoch integers are read only there).
    suffix: str = ""


ANCHORS = {
    a.name: a
    for a in (
        Anchors(
            "ts_dmy",
            "TIMESTAMP",
            ("2024-01-02 10:00:00", "2023-12-31 23:59:59", "25/12/2024 10:00:00", "2022-02-28 00:00:01"),
            "timestamp",
            "day_first",
        ),
        Anchors(
            "ts_mdy",
            "TIMESTAMP",
            ("2024-01-02 10:00:00", "2023-12-31 23:59:59", "12/25/2024 10:00:00", "2022-02-28 00:00:01"),
            "timestamp",
            "month_first",
        ),
        Anchors(
            "date_dmy",
            "DATE",
            ("2024-01-02", "2023-12-31", "25/12/2024", "2022-02-28"),
            "date",
            "day_first",
        ),
        # No value proves an order: read day first (date_order_default).
        Anchors("date_amb", "DATE", ("05/06/2025", "01/02/2024", "2024-01-02", "11/12/2023"), "date"),
        Anchors(
            "tstz",
            "TIMESTAMP",
            ("2024-01-02T10:00:00Z", "2023-12-31 23:59:59+02:00", "2022-02-28T00:00:01-05:30"),
            "timestamptz",
        ),
        Anchors("int", "INTEGER", (12, -7, 300, 45), "integer"),
        Anchors("int_text", "TEXT", ("12", "-7", "300", "45"), "integer"),
        Anchors("num", "NUMERIC", ("1.5", "-2.25", "300.125", "0.5"), "numeric"),
        Anchors("num_text", "TEXT", ("1.5", "-2.25", "300.125", "0.5"), "numeric"),
        Anchors("dbl", "REAL", (1.5, -2.25, 1e20, 0.1), "double"),
        # A number type with SQLite's BLOB affinity ("BLOB" in the name): TEXT is stored as written.
        Anchors("num_blob", "NUMERIC_BLOB", ("1.5", "-2.25", "300.125", "0.5"), "numeric"),
        Anchors("dbl_blob", "DOUBLE_BLOB", ("1.5e3", "-2.25", "1e20", "0.1"), "double"),
        Anchors("dbl_text", "TEXT", ("1.5e3", "-2.25", "1e20", "0.1"), "double"),
        Anchors("comma", "NUMERIC", ("1,5", "-2,25", "300,125", "0,5"), "numeric"),
        Anchors("thousands", "NUMERIC", ("1,234,567", "-2,000,000", "12", "3,000,000"), "integer"),
        # Grouped by narrow no-break spaces with decimal commas (a French export), by apostrophes with
        # points (a Swiss one): read only while every value of the column is a number so written.
        Anchors("grouped_fr", "NUMERIC", ("39\u202f924,83", "-1\u202f234,5", "12", "0,5"), "numeric"),
        Anchors("grouped_ch", "TEXT", ("1'234.50", "-12'345.5", "7", "0.25"), "numeric"),
        Anchors("bool", "BOOLEAN", ("true", "false", "yes", "no"), "boolean"),
        Anchors("text", "TEXT", ("alpha", "beta gamma", "delta", "Épsilon"), "text"),
        # Documents of several lines padded by line breaks alone (a worker's log opening with two
        # breaks, a Markdown file ending in two, a mail body in CRLF with a blank line first).
        Anchors(
            "log", "TEXT", ("\n\nRUNNER: a\nok", "# T\n\nx ü\n\n", "\r\nHi,\r\nBye\r\n", "\nÉ\nz"), "text"
        ),
        Anchors(
            "epoch", "INTEGER", (1_700_000_000, 1_000_000_001, 1_999_999_999), "timestamptz", suffix="_at"
        ),
        Anchors(
            "epoch_ms",
            "INTEGER",
            (1_700_000_000_123, 1_000_000_000_001, 1_999_999_999_999),
            "timestamptz",
            suffix="_at",
        ),
        Anchors(
            "epoch_us",
            "INTEGER",
            (1_700_000_000_123_456, 1_000_000_000_000_001, 1_999_999_999_999_999),
            "timestamptz",
            suffix="_at",
        ),
        Anchors("compact", "DATE", (20250520, 19991231, 20240229), "date"),
        Anchors("compact_ts", "TIMESTAMP", (20250520084207, 19991231235959), "timestamp"),
    )
}
ANCHOR_ROWS = 40
#: How many of each epoch anchor's units make a second.
EPOCH_PER_SECOND = {"epoch": 1, "epoch_ms": 1_000, "epoch_us": 1_000_000}


@dataclass
class Case:
    """One value under test, in a column of ``anchors``' kind. ``raw`` is what is written to SQLite:
    ``str`` (TEXT), ``bytes`` (TEXT holding those bytes, UTF-8 or not), ``int``, ``float``.
    ``truth`` is the generator's own value (a datetime, a Quarantined) or UNKNOWN."""

    anchors: str
    raw: str | bytes | int | float
    truth: Any = UNKNOWN
    note: str = ""

    def describe(self) -> str:
        return f"{self.anchors}:{self.raw!r}" + (f" ({self.note})" if self.note else "")


# --- writing the export ------------------------------------------------------------------------------


def column_name(index: int, case: Case) -> str:
    """The case's column in the file."""
    return f"c{index}{ANCHORS[case.anchors].suffix}"


def write_cases(path: Path, cases: Sequence[Case]) -> list[tuple[str, Any]]:
    """One table ``t``: ``id`` and one column per case (``c0`` …); every row but the last holds the
    case's anchors, the last row the case's value. Returns each case's cell as SQLite stored it
    (``typeof``, value; TEXT as bytes): affinity may have turned ``' 12'`` into an INTEGER."""
    con = sqlite3.connect(path)
    with con:
        columns = ", ".join(f"{column_name(i, c)} {ANCHORS[c.anchors].declared}" for i, c in enumerate(cases))
        con.execute(f"CREATE TABLE t (id INTEGER PRIMARY KEY, {columns})")
        marks = ", ".join("CAST(? AS TEXT)" if isinstance(c.raw, bytes) else "?" for c in cases)
        for row in range(ANCHOR_ROWS):
            values = [ANCHORS[c.anchors].values[row % len(ANCHORS[c.anchors].values)] for c in cases]
            con.execute(f"INSERT INTO t VALUES (?, {', '.join('?' for _ in cases)})", [row + 1, *values])
        con.execute(f"INSERT INTO t VALUES (?, {marks})", [ANCHOR_ROWS + 1, *(c.raw for c in cases)])
    con.text_factory = bytes
    cells = con.execute(
        "SELECT "
        + ", ".join(f"typeof({column_name(i, c)}), {column_name(i, c)}" for i, c in enumerate(cases))
        + f" FROM t WHERE id = {ANCHOR_ROWS + 1}"
    ).fetchone()
    con.close()
    return [(cells[2 * i].decode(), cells[2 * i + 1]) for i in range(len(cases))]


# --- the oracle ------------------------------------------------------------------------------------------


def cut_utf8(raw: bytes) -> str | None:
    """``raw`` read as UTF-8 cut inside its last character, that character U+FFFD: where the bytes
    before a lead byte and fewer continuation bytes than it announces are valid UTF-8 and either hold
    a character of several bytes or the cut character kept two bytes or more; else None (a lone lead
    byte after ASCII is cp1252's ``café``)."""
    for kept in (1, 2, 3):
        if kept > len(raw):
            break  # no byte before the first: b'\xe9' alone is cp1252's é, not a cut character
        head, tail = raw[:-kept], raw[-kept:]
        lead = tail[0]
        needs = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0
        if kept >= needs or any(not 0x80 <= b <= 0xBF for b in tail[1:]):
            continue
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if kept >= 2 or not text.isascii():
            return text + "\ufffd"
    return None


def decoded(raw: bytes) -> str:
    """TEXT bytes as the cleaner must read them: UTF-8, else UTF-8 cut inside its last character
    (:func:`cut_utf8`), else cp1252 (bytes cp1252 leaves undefined as their Latin-1 characters, as
    ``source_encoding_fallback`` documents)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        cut = cut_utf8(raw)
        if cut is not None:
            return cut
        return "".join(
            bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) if b >= 0x80 else chr(b)
            for b in raw
        )


#: Unicode's White_Space property (PropList.txt), written out: the documented trim's characters. Python's
#: ``str.isspace`` says the same but for the information separators U+001C-U+001F, which are delimiters.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    + "".join(chr(code) for code in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
)


def trimmed(text: str) -> str:
    """NUL bytes removed, then Unicode whitespace (:data:`WHITE_SPACE`) trimmed at both ends."""
    return text.replace("\x00", "").strip(WHITE_SPACE)


#: Windows-1252's quotation marks, bullet and dashes (bytes 0x91-0x97) read as Latin-1: C1 controls.
_WINDOWS_PUNCTUATION = re.compile("[\x91-\x97]")


def windows_1252_read(raw: bytes) -> str | None:
    """TEXT bytes as a column of Windows-1252 text read as Latin-1 loads them (rule ``windows_1252``):
    where they are valid UTF-8 holding Windows-1252's punctuation as C1 controls U+0091-U+0097, each C1
    control Windows-1252 defines (Python's codec says which) is its character, before anything else;
    None otherwise. A case's column holds its anchors, none of them such text, and the case's value:
    the value decides. (Repaired, no U+0085 is left for profiling.latin1_text to keep.)"""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None  # the encoding fallback's, not this rule's
    if not _WINDOWS_PUNCTUATION.search(text):
        return None
    out = []
    for char in text:
        try:
            out.append(bytes([ord(char)]).decode("cp1252") if 0x80 <= ord(char) < 0xA0 else char)
        except UnicodeDecodeError:
            out.append(char)  # one of the five bytes Windows-1252 leaves undefined: kept
    return "".join(out)


def kept_document(text: str) -> str | None:
    """``text`` as a text column loads it when it is a document: of several lines (a line break in its
    trimmed text, once NUL bytes are gone), loaded byte for byte whatever pads it (NUL bytes removed);
    None where ``text`` is of one line (trimmed, as padding is)."""
    bare = text.replace("\x00", "")
    return bare if "\n" in bare.strip(WHITE_SPACE) else None


def is_absent(text: str) -> bool:
    return text == "" or text in NULL_TOKENS


_DIGITS = "[0-9]"


def read_integer(text: str) -> int | None:
    if re.fullmatch(r"[+-]?[0-9]{1,38}", text):
        return int(text)
    return None


#: The digit-group separators after which a decimal comma is read (spaces), and all of them.
GROUP_SPACES = (" ", "\u00a0", "\u202f", "\u2009")


def read_number(text: str, comma: str | None, groups: str | None = None) -> Decimal | None:
    """A decimal's value by the documented number rules (ASCII digits only); ``groups``: the one
    separator (a space or an apostrophe) the column's numbers are grouped by."""
    if groups is not None:
        grouped = rf"-?[1-9][0-9]{{0,2}}(?:{re.escape(groups)}[0-9]{{3}})+"
        mark = "," if comma == "decimal" and groups in GROUP_SPACES else r"\."
        if re.fullmatch(rf"{grouped}(?:{mark}[0-9]+)?", text):
            return Decimal(text.replace(groups, "").replace(",", "."))
    if comma == "thousands" and re.fullmatch(r"-?[1-9][0-9]{0,2}(,[0-9]{3})+(\.[0-9]+)?", text):
        return Decimal(text.replace(",", ""))
    if comma == "decimal" and re.fullmatch(r"[+-]?[0-9]+,[0-9]+", text):
        return Decimal(text.replace(",", "."))
    if re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?", text):
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - the regex admits only decimals
            return None
    return None


def read_boolean(text: str) -> bool | None:
    low = text.lower()
    if low in TRUE_WORDS or text == "1":
        return True
    if low in FALSE_WORDS or text == "0":
        return False
    return None


@dataclass(frozen=True)
class Parts:
    """A date/time as written: fields, and whether the spelling carries a time and a zone."""

    year: int
    month: int
    day: int
    hour: int = 0
    minute: int = 0
    second: int = 0
    fraction: str = ""  # the digits after the point, as written
    has_time: bool = False
    offset_minutes: int | None = None  # None: no zone
    weekday: int | None = None  # 0 = Monday, when written

    def value(self) -> date | datetime | Quarantined:
        """The value these fields name, or why there is none (the documented validity rules)."""
        if self.fraction and len(self.fraction) > 6 and self.fraction[6:].strip("0"):
            return Quarantined("finer_than_microseconds")
        if self.hour > 23 or self.second > 59 or self.minute > 59 or self.year < 1:
            return Quarantined("impossible_date")
        try:
            day = date(self.year, self.month, self.day)
        except ValueError:
            return Quarantined("impossible_date")
        if self.weekday is not None and day.weekday() != self.weekday:
            return Quarantined("impossible_date")
        if not self.has_time:
            return day
        micro = int((self.fraction + "000000")[:6]) if self.fraction else 0
        wall = datetime(self.year, self.month, self.day, self.hour, self.minute, self.second, micro)
        if self.offset_minutes is None:
            return wall
        try:
            instant = (wall - timedelta(minutes=self.offset_minutes)).replace(tzinfo=UTC)
        except OverflowError:
            return Quarantined("impossible_date")
        return instant


def _offset(zone: str) -> int | None:
    if zone == "Z":
        return 0
    if zone in ZONE_NAMES:
        return ZONE_NAMES[zone] * 60
    found = re.fullmatch(r"([+-])(0[0-9]|1[0-4])(?::?([0-5][0-9]))?", zone)
    if not found:
        return None
    minutes = int(found[2]) * 60 + int(found[3] or 0)
    return -minutes if found[1] == "-" else minutes


def _hour(hour: int, ampm: str | None) -> int:
    """A 12-hour clock's hour in 24 (hour 0 or 13+ beside AM/PM is no time: 99)."""
    if ampm is None:
        return hour
    if not 1 <= hour <= 12:
        return 99
    return hour % 12 + (12 if ampm.lower() == "pm" else 0)


def _month(name: str) -> int | None:
    low = name.lower()
    if low in MONTHS:
        return MONTHS.index(low) + 1
    if low in MONTH_NAMES:
        return MONTH_NAMES.index(low) + 1
    return None


_TIME = r"(?P<H>[0-9]{1,2}):(?P<M>[0-9]{2})(?::(?P<S>[0-9]{2}))?"
_AMPM = r"(?: (?P<ampm>[AaPp][Mm]))?"
_ZONE = r"(?P<zone>Z|[+-][0-9]{2}(?::?[0-9]{2})?)"
_FRACTION = r"(?:\.(?P<f>[0-9]{1,9}))?"


def date_parts(text: str) -> tuple[Parts, str] | None:
    """The fields of ``text`` if it is spelt in one of the documented date forms, and the form's
    family: ``iso``, ``ymd`` (year first, other separators), ``dm`` (day or month first by the
    column), ``dot`` (day first), ``named`` (a month's name). None for any other text."""
    # Go's time.Time.String(): ISO with a spaced +hhmm offset, then the zone's name (never read) and
    # maybe the monotonic clock's reading (dropped): read as the text before them.
    go = r"([0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})? [+-][0-9]{4})"
    go += r" (?:[A-Za-z]{2,6}|[+-][0-9]{2}(?:[0-9]{2})?)(?: m=[+-][0-9]{1,12}\.[0-9]{9})?"
    if found := re.fullmatch(go, text):
        return date_parts(found[1])
    ymd_time = (
        r"(?P<Y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})"
        r"(?:(?P<sep>[ T])(?P<H>[0-9]{2}):(?P<M>[0-9]{2})"
        rf"(?::(?P<S>[0-9]{{2}}){_FRACTION})?(?:(?P<sp> ?){_ZONE}| (?P<utc>UTC))?)?"
    )
    if found := re.fullmatch(ymd_time, text):
        g = found.groupdict()
        if g["f"] and not g["S"]:
            return None
        zone = g["zone"] or ("Z" if g["utc"] else None)
        if g["sp"] and (g["sep"] != " " or not g["S"] or zone == "Z"):
            return None  # a spaced offset: only after seconds, a space before, never Z
        if g["sp"] and not g["f"] and not re.fullmatch(r"[+-][0-9]{4}", zone or ""):
            return None  # Ruby's, without a fraction: +hhmm; Sequelize's, after one: +hh, +hhmm, +hh:mm
        if g["utc"] and (g["sep"] != " " or not g["S"] or g["f"]):
            return None
        if zone is not None and not g["H"]:
            return None
        offset = _offset(zone) if zone else None
        if zone and offset is None:
            return None
        return Parts(
            int(g["Y"]), int(g["m"]), int(g["d"]), int(g["H"] or 0), int(g["M"] or 0), int(g["S"] or 0),
            g["f"] or "", bool(g["H"]), offset,
        ), "iso"  # fmt: skip
    if found := re.fullmatch(
        rf"(?P<Y>[0-9]{{4}})-(?P<m>[0-9]{{1,2}})-(?P<d>[0-9]{{1,2}})(?: {_TIME})?", text
    ):
        g = found.groupdict()
        return _parts(g, int(g["Y"]), int(g["m"]), int(g["d"])), "iso"
    for sep, family in (("/", "dm"), ("-", "dm"), (r"\.", "dot")):
        pattern = rf"(?P<a>[0-9]{{1,2}}){sep}(?P<b>[0-9]{{1,2}}){sep}(?P<Y>[0-9]{{4}})(?: {_TIME}{_AMPM})?"
        if found := re.fullmatch(pattern, text):
            g = found.groupdict()
            if family == "dot" and g["ampm"]:
                return None
            return _parts(g, int(g["Y"]), int(g["b"]), int(g["a"])), family  # day first; swapped later
    for sep in ("/", r"\."):
        width = "{2}" if sep == r"\." else "{1,2}"
        pattern = rf"(?P<Y>[0-9]{{4}}){sep}(?P<m>[0-9]{width}){sep}(?P<d>[0-9]{width})(?: {_TIME})?"
        if found := re.fullmatch(pattern, text):
            g = found.groupdict()
            return _parts(g, int(g["Y"]), int(g["m"]), int(g["d"])), "ymd"
    if found := re.fullmatch(r"([0-9]{8})T([0-9]{6})" + _FRACTION + f"{_ZONE}?", text):
        d, t = found[1], found[2]
        zone = found["zone"]
        parts = Parts(
            int(d[:4]), int(d[4:6]), int(d[6:]), int(t[:2]), int(t[2:4]), int(t[4:]), found["f"] or "", True
        )
        if found["f"] and len(found["f"]) > 6:
            return None
        if zone:
            offset = _offset(zone)
            if offset is None:
                return None
            parts = Parts(**{**parts.__dict__, "offset_minutes": offset})
        return parts, "basic"
    return _named_parts(text)


def _parts(g: dict[str, Any], year: int, month: int, day: int) -> Parts:
    timed = g.get("H") is not None
    return Parts(
        year, month, day, _hour(int(g["H"]), g.get("ampm")) if timed else 0,
        int(g["M"]) if timed else 0, int(g["S"] or 0) if timed else 0, "", timed,
    )  # fmt: skip


def _named_parts(text: str) -> tuple[Parts, str] | None:
    word = r"[A-Za-z]{3,9}"
    time_ampm = rf"(?: {_TIME}{_AMPM})?"
    forms = (
        rf"(?P<d>[0-9]{{1,2}}) (?P<mon>{word}) (?P<Y>[0-9]{{4}}){time_ampm}",
        rf"(?P<d>[0-9]{{1,2}})-(?P<mon>[A-Za-z]{{3}})-(?P<Y>[0-9]{{4}}){time_ampm}",
        rf"(?P<mon>{word}) (?P<d>[0-9]{{1,2}}),? (?P<Y>[0-9]{{4}}){time_ampm}",
    )
    for form in forms:
        if found := re.fullmatch(form, text):
            g = found.groupdict()
            month = _month(g["mon"])
            if month is None:
                # Three letters after the day are a named date's shape whatever they spell (20 Mai
                # 2025): both engines call it an impossible date, not unparseable text. First, they
                # are one only where they start as an English month or weekday does (Tue 20, 2025);
                # another language's month there (ene 20, 2025) is unparseable.
                first = text[:3].lower()
                letters_first = not text[0].isdigit()
                if letters_first and first not in MONTHS and first not in WEEKDAYS:
                    return None
                return (Parts(int(g["Y"]), 13, 1), "named") if len(g["mon"]) == 3 else None
            return _parts(g, int(g["Y"]), month, int(g["d"])), "named"
    rfc = (
        r"(?:(?P<wd>[A-Za-z]{3}), )?(?P<d>[0-9]{1,2}) (?P<mon>[A-Za-z]{3}) (?P<Y>[0-9]{4}) "
        r"(?P<H>[0-9]{2}):(?P<M>[0-9]{2}):(?P<S>[0-9]{2}) (?P<zone>[+-][0-9]{4}|[A-Z]{2,3})"
    )
    ctime = (
        r"(?P<wd>[A-Za-z]{3}) (?P<mon>[A-Za-z]{3}) (?P<d>[ 0-9][0-9]) "
        r"(?P<H>[0-9]{2}):(?P<M>[0-9]{2}):(?P<S>[0-9]{2}) (?:(?P<zone>[A-Z]{2,3}) )?(?P<Y>[0-9]{4})"
    )
    # IMAP's date-time (RFC 3501): the day, month and year joined by dashes, then an offset.
    imap = (
        r"(?P<wd>)(?P<d>[0-9]{1,2})-(?P<mon>[A-Za-z]{3})-(?P<Y>[0-9]{4}) "
        r"(?P<H>[0-9]{2}):(?P<M>[0-9]{2}):(?P<S>[0-9]{2}) (?P<zone>[+-][0-9]{4})"
    )
    for form in (rfc, ctime, imap):
        if found := re.fullmatch(form, text):
            g = found.groupdict()
            month = _month(g["mon"])
            weekday = WEEKDAYS.index(g["wd"].lower()) if g["wd"] and g["wd"].lower() in WEEKDAYS else None
            if month is None or len(g["mon"]) != 3 or (g["wd"] and weekday is None):
                return None
            offset = None
            if g["zone"]:
                offset = _offset(g["zone"])
                if offset is None or g["zone"] == "Z":
                    return None
            fields = (int(g["Y"]), month, int(g["d"]), int(g["H"]), int(g["M"]), int(g["S"]))
            return Parts(*fields, "", True, offset, weekday), "named"
    sqlserver = (
        r"(?P<mon>[A-Za-z]{3}) (?P<d>[ 0-9][0-9]) (?P<Y>[0-9]{4}) "
        r"(?P<H>[ 0-9][0-9]):(?P<M>[0-9]{2})(?P<ampm>[AaPp][Mm])"
    )
    if found := re.fullmatch(sqlserver, text):
        g = found.groupdict()
        month = _month(g["mon"])
        if month is None:
            return None
        hour = _hour(int(g["H"]), g["ampm"])
        return Parts(int(g["Y"]), month, int(g["d"]), hour, int(g["M"]), 0, "", True), "named"
    return None


def expected(
    cell: tuple[str, Any],
    kind: str,
    *,
    order: str | None = None,
    comma: str | None = None,
    anchors: str = "",
    groups: str | None = None,
) -> Any:
    """What the cleaner must make of one stored cell in a column of type ``kind``: a Python value,
    None (NULL by a rule), a :class:`Quarantined`, or :data:`UNKNOWN`. ``anchors`` names the column's
    kind where a rule depends on it (epoch integers, compact dates)."""
    storage, raw = cell
    if storage == "null":
        return None
    if storage == "blob":
        return bytes(raw)
    if storage == "integer":
        value = int(raw)
        if anchors in EPOCH_PER_SECOND and kind == "timestamptz":
            seconds = Decimal(value) / EPOCH_PER_SECOND[anchors]
            return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=int(seconds * 1_000_000))
        if anchors in ("compact", "compact_ts") and kind in ("date", "timestamp"):
            return _compact(str(value), kind)
        if kind in ("integer", "numeric"):
            return value
        if kind == "double":
            return float(value)
        if kind == "boolean":
            return {1: True, 0: False}.get(value, Quarantined("invalid_boolean"))
        if kind == "text":
            return str(value)
        return UNKNOWN  # epoch and compact dates: rules of their own
    if storage == "real":
        value = float(raw)
        if kind == "double":
            return value  # infinity too: PostgreSQL's Infinity
        if kind == "text":
            return UNKNOWN  # the shortest text of a double: the checker's business
        return UNKNOWN
    text = windows_1252_read(bytes(raw)) or decoded(bytes(raw))
    if kind == "text":
        if (document := kept_document(text)) is not None:
            return document  # a value of several lines is a document: loaded byte for byte
        text = trimmed(text)
        return None if is_absent(text) else text
    # NUL bytes are removed from text (PostgreSQL text holds none); in a typed column a value with one
    # is no number or date (both engines agree: 42\0 is quarantined, its raw text kept there), unless
    # it is empty or a null token once they are gone (a field of NULs is empty, as in a text column).
    if is_absent(trimmed(text)):
        return None
    text = text.strip(WHITE_SPACE)
    if "\x00" in text:
        return Quarantined(_invalid(kind))
    if kind in ("integer", "numeric", "double") and text.startswith("\u2212"):
        text = "-" + text[1:]  # U+2212 MINUS SIGN before a number is its minus (rule minus_sign)
    if kind == "integer":
        number = read_number(text, comma, groups) if comma == "thousands" or groups else None
        value = read_integer(text) if number is None else int(number)
        if value is None:
            return Quarantined("invalid_number")
        return value if -(2**63) <= value < 2**63 else Quarantined("numeric_overflow")
    if kind in ("numeric", "double"):
        if re.fullmatch(r"[+-]?[0-9]{39,}", text):
            return Quarantined("invalid_number")  # an integer has at most 38 digits (no shape beyond)
        number = read_number(text, comma, groups)
        if number is None:
            return Quarantined("invalid_number")
        if kind == "double":
            as_float = float(number)
            # Beyond the largest double, or a number no double tells from zero: no value holds it.
            if not math.isfinite(as_float) or (as_float == 0 and number != 0):
                return Quarantined("numeric_overflow")
            return as_float
        return number
    if kind == "boolean":
        value = read_boolean(text)
        return Quarantined("invalid_boolean") if value is None else value
    if kind in ("date", "timestamp", "timestamptz"):
        return _expected_date(text, kind, order)
    return UNKNOWN


def _compact(digits: str, kind: str) -> Any:
    """An integer's digits as a compact date (YYYYMMDD) or timestamp (YYYYMMDDHHMMSS)."""
    if len(digits) not in (8, 14) or digits.startswith("-"):
        return UNKNOWN  # not of a compact form: the column's other rules decide
    fields = [int(digits[:4]), int(digits[4:6]), int(digits[6:8])]
    if len(digits) == 14:
        fields += [int(digits[8:10]), int(digits[10:12]), int(digits[12:14])]
    try:
        value = datetime(*fields) if len(digits) == 14 else date(*fields)  # type: ignore[arg-type]
    except ValueError:
        return Quarantined("impossible_date")
    if kind == "timestamp" and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return value


def _invalid(kind: str) -> str:
    if kind in ("date", "timestamp", "timestamptz"):
        return "unparseable_date"
    return "invalid_boolean" if kind == "boolean" else "invalid_number"


def _expected_date(text: str, kind: str, order: str | None) -> Any:
    found = date_parts(text)
    if found is None:
        return Quarantined("unparseable_date")
    parts, family = found
    if (parts.offset_minutes is not None) != (kind == "timestamptz"):
        return UNKNOWN  # instants beside wall-clock times: the column is text (the profile's rule)
    if family == "dm" and order == "month_first":
        parts = Parts(**{**parts.__dict__, "month": parts.day, "day": parts.month})
    value = parts.value()
    if family == "dm" and isinstance(value, Quarantined):
        other = Parts(**{**parts.__dict__, "month": parts.day, "day": parts.month}).value()
        if not isinstance(other, Quarantined):
            return Quarantined("other_date_order")
    if isinstance(value, Quarantined):
        return value
    if isinstance(value, datetime) and value.tzinfo is not None and not 1 <= value.year <= 9999:
        return Quarantined("impossible_date")
    if kind == "date" and isinstance(value, datetime):
        return UNKNOWN  # a time in a date column widens it
    if kind in ("timestamp", "timestamptz") and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC if kind == "timestamptz" else None)
    return value


# --- comparing ----------------------------------------------------------------------------------------


@dataclass
class Finding:
    case: Case
    problem: str

    def __str__(self) -> str:
        return f"{self.case.describe()}: {self.problem}"


@dataclass
class Outcome:
    """What each side did with the case's column."""

    profile_type: str
    clean_type: str
    valid: int
    invalid: int
    profile_quarantine: dict[str, int]
    non_null: int
    quarantined: int
    clean_quarantine: dict[str, int]
    value: Any
    reason: str | None
    order: str | None
    comma: str | None
    issues: dict[str, int] = field(default_factory=dict)
    groups: str | None = None
    #: The cleaner's change counts of the column (``ColumnCleanStats.counts``).
    changes: dict[str, int] = field(default_factory=dict)


def same_value(got: Any, want: Any) -> bool:
    if isinstance(want, float) and isinstance(got, float):
        return (math.isnan(want) and math.isnan(got)) or (
            got == want and math.copysign(1, got) == math.copysign(1, want)
        )
    exact = (int, Decimal)
    if (
        isinstance(want, exact)
        and isinstance(got, exact)
        and not isinstance(want, bool)
        and not isinstance(got, bool)
    ):
        return Decimal(got) == Decimal(want)  # an INTEGER cell in a numeric column: the same number
    if isinstance(want, datetime) and isinstance(got, datetime):
        if (want.tzinfo is None) != (got.tzinfo is None):
            return False
        return got == want
    if type(want) is not type(got) and not (isinstance(want, int) and isinstance(got, int)):
        return False
    return bool(got == want)
