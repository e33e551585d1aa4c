"""Small but faithful SQLite exports carrying Unicode as real exports carry it (test data only).

Each builder writes, with Python's ``sqlite3`` through :func:`tests.other_products.write_export`, what
such an export lands as in SQLite. Nothing is random: every value comes from the tables below, so a
test computes what each cell must arrive as from the same tables and Unicode's White_Space written out
(value_oracle.WHITE_SPACE: the documented trim at the ends, rules.WHITESPACE), never from a run.

- :func:`csv_import`: CSV files saved by Excel as "CSV UTF-8" and imported with ``sqlite3 .import`` /
  DB Browser (every column TEXT, no key, the first column's name begins with the byte-order mark:
  ``"\\ufeffcode"``): customers whose codes are the same word in NFC and NFD, Hangul syllables and
  their conjoining jamo, emoji ZWJ sequences and flags, Turkish dotted/dotless i and German ß/ẞ in
  case-distinct codes; orders referencing them (an NFD reference matches the NFD key only); a table of
  cells carrying each invisible or control character of :data:`EDGE_CHARS` at their ends, inside, alone;
  numbers and dates with one of them at an end, a column per character; codes that differ only by a
  trailing no-break or zero-width character beside an otherwise equal row.
- :func:`typed`: an application's own database (declared types and keys): TEXT primary keys that differ
  only by padding (``A1`` / ``A1\\u00a0``), by a zero-width character, by normalisation or by
  case in Turkish and German; a table referencing them; long text of characters outside the BMP
  around the profile's byte limits (64, 256); a key column of a legacy table mixing UTF-8 and
  Windows-1252 bytes, where ``café`` is written both ways (two keys whose decoded text is one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.other_products import write_export

BOM = "\ufeff"
NBSP = "\u00a0"
ZWSP = "\u200b"

#: The invisible and control characters an export's cells carry at their ends, by name. Which of them
#: the documented trim removes is Unicode's White_Space (value_oracle.WHITE_SPACE), computed by the tests.
EDGE_CHARS: dict[str, str] = {
    "zwsp": "\u200b",  # ZERO WIDTH SPACE: not whitespace (Cf)
    "zwnj": "\u200c",
    "zwj": "\u200d",
    "wj": "\u2060",  # WORD JOINER
    "shy": "\u00ad",  # SOFT HYPHEN
    "lrm": "\u200e",  # what Windows writes around dates in some locales
    "rlm": "\u200f",
    "lre": "\u202a",
    "rle": "\u202b",
    "pdf": "\u202c",
    "lro": "\u202d",
    "rlo": "\u202e",
    "ls": "\u2028",  # LINE SEPARATOR: whitespace
    "ps": "\u2029",  # PARAGRAPH SEPARATOR: whitespace
    "nel": "\u0085",  # NEXT LINE (C1): whitespace
    "vt": "\x0b",
    "ff": "\x0c",
    "cr": "\r",  # a lone CR (an old Mac line end)
    "pad": "\x80",  # C1 controls that are not whitespace
    "csi": "\x9b",
    "apc": "\x9f",
    "bom": BOM,  # ZERO WIDTH NO-BREAK SPACE: not whitespace
    "nbsp": NBSP,
    "nnbsp": "\u202f",
    "ideographic": "\u3000",
    "mvs": "\u180e",  # MONGOLIAN VOWEL SEPARATOR: whitespace until Unicode 6.3, not since
    "us": "\x1f",  # UNIT SEPARATOR: Python's isspace says yes (bidi class S), Unicode no: a delimiter
    "rs": "\x1e",  # RECORD SEPARATOR: likewise
    "del": "\x7f",
    "tab": "\t",
}
#: ... and every other character Python calls whitespace (line feed, space, the other information
#: separators, the typographic spaces), so that the profile and the cleaner are held to the whole set.
EDGE_CHARS |= {
    f"ws_{code:04x}": chr(code)
    for code in range(0x110000)
    if chr(code).isspace() and chr(code) not in EDGE_CHARS.values()
}

#: Codes of customers: the same word in several forms, each a distinct customer (no rule normalises
#: Unicode or folds case). Pairs: NFC / NFD, a Hangul syllable / its jamo, case in Turkish and German.
CUSTOMER_CODES: tuple[str, ...] = (
    "café",  # NFC: U+00E9
    "cafe\u0301",  # NFD: e + COMBINING ACUTE ACCENT
    "\ud55c\uad6d",  # 한국, precomposed syllables
    "\u1112\u1161\u11ab\u1100\u116e\u11a8",  # 한국 as conjoining jamo (NFD)
    "👩\u200d💻",  # emoji ZWJ sequence: woman technologist
    "👨\u200d👩\u200d👧",  # family
    "👩💻",  # the same two emoji without the joiner
    "🇩🇪",  # regional indicators: a flag
    "🇩🇪🇹🇷",  # two flags
    "İstanbul",  # Turkish capital dotted I
    "istanbul",
    "ıstanbul",  # dotless i
    "ISTANBUL",
    "i\u0307stanbul",  # what "İ".lower() gives: i + COMBINING DOT ABOVE
    "straße",
    "STRASSE",
    "STRAẞE",  # capital sharp s U+1E9E
    "strasse",
    "Ω",  # U+03A9 GREEK CAPITAL OMEGA
    "\u2126",  # U+2126 OHM SIGN (NFC makes it U+03A9)
    "\u212a",  # U+212A KELVIN SIGN (lower() is ASCII k)
    "K",
    "\ufb01le",  # U+FB01 ligature
    "file",
)


def order_customer(i: int) -> str:
    """The customer order ``i`` references, exactly as written: an NFD or jamo reference matches its own
    key only."""
    return CUSTOMER_CODES[(i * 7) % len(CUSTOMER_CODES)]


def edge_cells(char: str) -> tuple[str, str, str, str, str]:
    """The cells of one character: leading, trailing, both ends, alone (twice), inside a word."""
    return (f"{char}word", f"word{char}", f"{char}word{char}", char * 2, f"wo{char}rd")


def number_cell(char: str, i: int) -> str:
    """An integer with ``char`` at one end (before it on even rows, after on odd ones)."""
    return f"{char}{100 + i}" if i % 2 == 0 else f"{100 + i}{char}"


def date_cell(char: str, i: int) -> str:
    """An ISO date with ``char`` at one end (as Windows writes U+200E around dates of RTL locales)."""
    return f"{char}2025-05-{10 + i:02d}" if i % 2 == 0 else f"2025-05-{10 + i:02d}{char}"


#: Rows of the numbers and dates tables.
TYPED_ROWS = 6

#: Codes that differ only by what follows them; a row per code, every other cell equal.
PADDED_CODES: tuple[str, ...] = ("A1", "A1" + NBSP, "A1" + ZWSP, "B2", "B2 ", "C3\u3000", "C3\u2028")


def csv_import(path: Path) -> Path:
    """Excel "CSV UTF-8" files imported by ``sqlite3 .import``: every column TEXT, no key, the BOM at
    the start of each file's first column name, and in some first cells (a second file appended)."""
    names = list(EDGE_CHARS)
    ddl = [
        f'CREATE TABLE "customers" ("{BOM}code" TEXT, "name" TEXT, "city" TEXT)',
        f'CREATE TABLE "orders" ("{BOM}order_no" TEXT, "customer" TEXT, "amount" TEXT)',
        f'CREATE TABLE "edges" ("{BOM}name" TEXT, "lead" TEXT, "trail" TEXT, "both" TEXT, "alone" TEXT, '
        '"inside" TEXT)',
        'CREATE TABLE "numbers" ("{}row" TEXT, {})'.format(BOM, ", ".join(f'"{n}" TEXT' for n in names)),
        'CREATE TABLE "dates" ("{}row" TEXT, {})'.format(BOM, ", ".join(f'"{n}" TEXT' for n in names)),
        f'CREATE TABLE "padded" ("{BOM}code" TEXT, "label" TEXT)',
    ]
    rows: dict[str, list[list[Any]]] = {
        "customers": [
            [code, f"{BOM}Customer {i}" if i % 5 == 0 else f"Customer {i}", "İzmir" if i % 2 else "Köln"]
            for i, code in enumerate(CUSTOMER_CODES)
        ],
        "orders": [[f"O{i:03d}", order_customer(i), f"{10 + i}.50"] for i in range(40)],
        "edges": [[name, *edge_cells(char)] for name, char in EDGE_CHARS.items()],
        "numbers": [[str(i), *(number_cell(c, i) for c in EDGE_CHARS.values())] for i in range(TYPED_ROWS)],
        "dates": [[str(i), *(date_cell(c, i) for c in EDGE_CHARS.values())] for i in range(TYPED_ROWS)],
        "padded": [[code, "same label"] for code in PADDED_CODES],
    }
    return write_export(path, ddl, rows)


# --- an application's database: declared types and keys ----------------------------------------------------

#: Keys of ``accounts`` (TEXT PRIMARY KEY): distinct in SQLite, some equal once trimmed.
ACCOUNT_KEYS: tuple[str, ...] = (
    "A1",
    "A1" + NBSP,
    "A1" + ZWSP,
    "B2",
    "B2\u2060",
    "café",
    "cafe\u0301",
    "İ",
    "i",
    "ı",
    "I",
    "ß",
    "ẞ",
    "SS",
    "👩\u200d💻",
    "🇩🇪",
)


def account_of(i: int) -> str:
    return ACCOUNT_KEYS[(i * 5) % len(ACCOUNT_KEYS)]


#: Characters outside the BMP (4 bytes in UTF-8, 2 UTF-16 units): 𝔘 MATHEMATICAL FRAKTUR CAPITAL U and
#: U+1F600 GRINNING FACE.
ASTRAL = ("\U0001d518", "\U0001f600")


def long_text(i: int) -> str:
    """Text of astral characters whose UTF-8 length crosses the profile's byte limits (64 kept values,
    256 long cells) by one character either way, some with whitespace past the limit."""
    limit = (64, 256, 1024)[i % 3]
    char = ASTRAL[i % 2]
    body = char * (limit // 4 - 1) + "abc"[: i % 4]  # just under (or at) the limit
    return body + ("", char, " ", NBSP + char, "\u3000")[i % 5]


#: A legacy table's keys: UTF-8 text beside bytes a Windows-1252 application wrote (``bytes`` values
#: are inserted as TEXT cells holding those bytes). ``café`` both ways: one word, two keys.
LEGACY_KEYS: tuple[str | bytes, ...] = (
    "café",
    b"caf\xe9",
    "Müller",
    b"M\xfcller ",
    b"Stra\xdfe",
    "na\u00efve",
    b"\x93quoted\x94",
    "plain",
)


#: Notes of the legacy table: Windows-1252 bytes that decode to whitespace at an end (0xA0, a no-break
#: space) or to punctuation (0x85, an ellipsis, U+0085 NEXT LINE were it read as Latin-1).
LEGACY_NOTES: tuple[str | bytes, ...] = (b"r\xe9sum\xe9\xa0", b"wait\x85", "fine", b"\xa0\xa0")

#: Rows of ``imported``: a header-less "CSV UTF-8" appended with ``.import`` to a typed table, so its
#: first cell begins with the BOM (and, not being a number, is stored as TEXT in an INTEGER column).
IMPORTED_ROWS = 40


def windows_rtl_date(i: int) -> str:
    """A short date as Windows formats it for a right-to-left locale: LEFT-TO-RIGHT MARKs around its
    fields (``\u200e20\u200e/\u200e05\u200e/\u200e2025``)."""
    day, month = 1 + i % 28, 5 + i % 3
    return "".join(f"\u200e{part}" for part in (f"{day:02d}", "/", f"{month:02d}", "/", "2025"))


def typed(path: Path, tickets: int = 30) -> Path:
    """An application's SQLite database: declared keys and types, rows as the application wrote them."""
    ddl = [
        'CREATE TABLE "accounts" ("code" TEXT PRIMARY KEY, "label" TEXT NOT NULL)',
        'CREATE TABLE "tickets" ("id" INTEGER PRIMARY KEY, "account" TEXT REFERENCES "accounts" ("code"), '
        '"body" TEXT, "opened" DATE)',
        'CREATE TABLE "legacy" ("k" TEXT PRIMARY KEY, "v" INTEGER, "note" TEXT)',
        'CREATE TABLE "imported" ("id" INTEGER, "opened" DATE, "amount" REAL, "agent" TEXT)',
    ]
    rows: dict[str, list[list[Any]]] = {
        "accounts": [[key, f"Account {i}"] for i, key in enumerate(ACCOUNT_KEYS)],
        "tickets": [
            [i + 1, account_of(i), long_text(i), f"2025-06-{1 + i % 28:02d}"] for i in range(tickets)
        ],
        "legacy": [[key, i, LEGACY_NOTES[i % len(LEGACY_NOTES)]] for i, key in enumerate(LEGACY_KEYS)],
        "imported": [
            [f"{BOM}{i + 1}" if i == 0 else i + 1, windows_rtl_date(i), 10.5 + i, f"Agent {i}"]
            for i in range(IMPORTED_ROWS)
        ],
    }
    return write_export(path, ddl, rows)


#: Column names of a European export, as written, and as snake_case writes them (by hand: accents
#: dropped, letters without a decomposition transliterated, NFC and NFD one name made unique).
SNAKE_NAMES: dict[str, str] = {
    "Straße": "strasse",
    "Größe": "grosse",
    "Açılış Tarihi": "acilis_tarihi",
    "Ørsted": "orsted",
    "Łódź": "lodz",
    "Þórður": "thordur",
    "Æblegrød": "aeblegrod",
    "café": "cafe",
    "cafe\u0301": "cafe_2",
}


def european_names(path: Path, rows: int = 5) -> Path:
    """A table whose column names are German, Turkish, Danish, Polish and Icelandic words."""
    columns = ", ".join(f'"{name}" TEXT' for name in SNAKE_NAMES)
    body = [[f"{name[:3]} {i}" for name in SNAKE_NAMES] for i in range(rows)]
    return write_export(path, [f'CREATE TABLE "kunden" ({columns})'], {"kunden": body})
