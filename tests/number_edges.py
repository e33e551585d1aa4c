"""Small SQLite exports of numbers, codes and flags at their edges (test data only).

Each builder writes, with Python's ``sqlite3`` through :func:`tests.other_products.write_export`, what
the usual writers leave: a CSV imported all-TEXT (``sqlite-utils insert --csv``) or typed columns
(INTEGER, REAL, NUMERIC, BOOLEAN and none) holding native cells, TEXT cells and both:

- :func:`releases`: a release tracker's CSV: versions (``1.9``, ``1.10``, ``1.1``), hotfix numbers
  that never meet (``0.9``, ``0.10``), prices written one way (``12.50``), a spreadsheet's unit prices
  written two ways (``5`` and ``5.0``), spreadsheet row ids (``1.0``), SKU-like codes, a change written
  with U+2212 and with ``-`` (``−1.5``, ``-1.50``), ratios with an exponent among them.
- :func:`counters`: int64's bounds as INTEGER cells and as text, 2^63 and 2^64 as text, REAL cells at
  a double's edges (``5e-324``, ``1.7976931348623157e308``, 17 significant digits, 2^53 + 1 already
  rounded by the writer, integral REALs only), ``-0.0`` and integral REALs (``3.0``) beside INTEGER
  cells in columns of no type, an integer column with one 12-digit outlier.
- :func:`codes`: number-like text that is no number: ZIP codes, E.164 phone numbers, hex, ``1_000``,
  percentages, currencies, accounting ``(123.45)`` and SAP's trailing minus ``123-``, 19-20 digit card
  and account numbers, leading ``+``, ``.5`` and ``5.``, a spreadsheet's ``1E+05`` beside integers.
- :func:`flags`: ``t``/``f``, ``Y``/``N``, ``yes``/``no`` any case, ``on``/``off``, ``-1``/``0``, and
  BOOLEAN-declared columns holding 0/1, 0/1/2, REAL shares (``0.5``) and Access's ``-1``.
- :func:`dirty_flags`: a BOOLEAN column of 1/0 and a ``true`` with one ``2``, an INTEGER column of 0/1
  with one ``yes``: each a value no rule reads, of a column its declaration types.

Nothing is random: every value comes from the row's number.
"""

from __future__ import annotations

from pathlib import Path

from tests.other_products import write_export

ROWS = 12
INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)

# --- releases --------------------------------------------------------------------------------------------

#: A product's versions as its release tracker writes them: 1.10 follows 1.9, and 1.1 is another release.
VERSIONS = ("1.0", "1.1", "1.2", "1.9", "1.10", "1.11", "2.0", "2.1", "2.10", "2.2", "10.0", "10.1")
#: Hotfix levels that never meet as numbers (no 0.1 beside 0.10): the column reads as decimals.
HOTFIXES = ("0.9", "0.10", "0.11", "0.12", "1.5", "1.25", "0.9", "0.10", "2.75", "3.5", "0.125", "4.0")


def price(i: int) -> str:
    """A price written the one way its shop writes them: two decimals."""
    return f"{(i * 737) % 5000 / 100 + 1:.2f}"


def unit_price(i: int) -> str:
    """A spreadsheet's unit price: a whole amount typed as ``5`` on some rows and as ``5.0`` (a float
    cell) on others, cents as ``7.5``."""
    return ("5", "5.0", "7.5", "12", "12.00", "0.99")[i % 6]


#: A change written by a Swedish locale's sheet (U+2212) and by code (``-1.50``): one number, two ways.
DELTAS = ("\u22121.5", "-1.50", "2.25", "3", "0.5", "4")
#: Ratios with an exponent (the column a double) and one ratio written two ways.
RATIOS = ("1.5", "1.50", "1e-3", "3", "4", "5")


def releases(path: Path) -> Path:
    ddl = [
        "CREATE TABLE releases (n INTEGER, sheet_row TEXT, product TEXT, version TEXT, hotfix TEXT, "
        "price TEXT, unit_price TEXT, sku TEXT, delta TEXT, ratio TEXT)"
    ]
    rows = [
        (
            i + 1,
            f"{i + 1}.0",
            f"app-{i % 3}",
            VERSIONS[i],
            HOTFIXES[i],
            price(i),
            unit_price(i),
            f"{i % 4:03d}",
            DELTAS[i % len(DELTAS)],
            RATIOS[i % len(RATIOS)],
        )
        for i in range(ROWS)
    ]
    return write_export(path, ddl, {"releases": rows})


# --- counters ------------------------------------------------------------------------------------------

#: INTEGER cells: int64's bounds and small ones.
INT64_EDGES = (INT64_MAX, INT64_MIN, 0, 1, -1, 2**53 + 1, -(2**53) - 1, 42, 2**62, -(2**62), 7, 9)
#: Text beyond int64 (a uint64 counter, 2^64 itself) beside int64's own bounds.
BEYOND_INT64 = (
    str(2**63),
    str(2**64),
    str(2**64 - 1),
    str(INT64_MAX),
    str(INT64_MIN),
    str(INT64_MIN - 1),
    "0",
    "1",
    "-1",
    "12345678901234567890",
    "99999999999999999999",
    "5",
)
#: REAL cells at a double's edges; 2^53 + 1 is rounded to 2^53 by the writer (a double holds no more).
REAL_EDGES = (
    5e-324,
    1.7976931348623157e308,
    -1.7976931348623157e308,
    2.2250738585072014e-308,
    0.30000000000000004,
    1 / 3,
    123456.78901234567,
    float(2**53 + 1),
    2.0**63,
    2.0**64,
    3.0,
    -2.5,
)
#: REAL cells that are all integral.
INTEGRAL_REALS = tuple(float(v) for v in (1, 2, 3, 10, 100, 2**40, -7, 0, 2**53, 12, 1e20, 5))


#: INTEGER cells and REAL ones, integral (3.0) and not, in a column of no type.
INTEGERS_AND_REALS = (1, 3.0, 2, 4.5, 5, 6.0, 7, 8, 9.25, 10, 11, 12.0)


def signed_zero(i: int) -> float:
    return -0.0 if i % 4 == 0 else i + 0.5


def sparse_id(i: int) -> int:
    """Small ids, and one 12-digit outlier."""
    return 123_456_789_012 if i == 7 else i + 1


def counters(path: Path) -> Path:
    ddl = [
        "CREATE TABLE counters (id INTEGER PRIMARY KEY, i64 INTEGER, beyond TEXT, edge REAL, "
        "integral REAL, signed_zero, sparse INTEGER, mixed)"
    ]
    rows = [
        (
            i + 1,
            INT64_EDGES[i],
            BEYOND_INT64[i],
            REAL_EDGES[i],
            INTEGRAL_REALS[i],
            signed_zero(i),
            sparse_id(i),
            INTEGERS_AND_REALS[i],
        )
        for i in range(ROWS)
    ]
    return write_export(path, ddl, {"counters": rows})


#: 20-digit account numbers (card and bank ones are that long): integers beyond bigint, no fraction.
ACCOUNTS = tuple(str(10**19 + 7919 * i * 10**10 + i) for i in range(ROWS))


def amount(i: int) -> str:
    """Money: one fraction digit in every other value, whole numbers between."""
    return f"{i + 1}.5" if i % 2 == 0 else str(i + 1)


def accounts(path: Path) -> Path:
    """uint64 ids above 2^63 (2^64 - 1 among them), 20-digit account numbers, amounts with fractions."""
    ddl = ["CREATE TABLE accounts (id INTEGER PRIMARY KEY, uint64 TEXT, account TEXT, amount TEXT)"]
    uint64 = (str(2**63), str(2**64 - 1), *(str(2**63 + 977 * i) for i in range(2, ROWS)))
    rows = [(i + 1, uint64[i], ACCOUNTS[i], amount(i)) for i in range(ROWS)]
    return write_export(path, ddl, {"accounts": rows})


# --- codes ---------------------------------------------------------------------------------------------

ZIPS = (
    "02134",
    "90210",
    "10001",
    "00501",
    "60601",
    "94105",
    "02134",
    "30301",
    "07030",
    "98101",
    "33101",
    "80202",
)
PHONES = tuple(
    f"+{n}" for n in (4915112345678, 14155550123, 33612345678, 442079460000, 81312345678, 61212345678)
)
HEXES = ("0x1F", "0x00", "0xFF", "0x10", "0x7F", "0x80")
UNDERSCORED = ("1_000", "12", "250", "1_000_000", "3", "40")
PERCENTS = ("12%", "13.5%", "0%", "100%", "7.25%", "50%")
MONEY = ("$1,234.50", "1.234,50 €", "€5", "$0.99", "CHF 12.00", "¥1200")
ACCOUNTING = ("(123.45)", "(5.00)", "12.00", "3.00", "(0.01)", "5.00")
SAP_AMOUNTS = ("123-", "45.50-", "12.00", "3.00", "0.01-", "5.00")
#: Card and account numbers of 19 and 20 digits: integers beyond bigint, no leading zero.
LONG_DIGITS = (
    "4111111111111111111",
    "99999999999999999999",
    "12345678901234567890",
    "5555555555554444000",
    "6011111111111111117",
    "30569309025904123456",
)
PLUS_SIGNED = ("+5", "6", "-7", "+8", "9", "10")
BARE_POINTS = (".5", "5.", "1.25", "2", "3", "4")
SHEET_EXPONENTS = ("1E+05", "1e5", "3", "4", "5", "6")


def codes(path: Path) -> Path:
    columns = {
        "zip": ZIPS,
        "phone": PHONES,
        "hex": HEXES,
        "underscored": UNDERSCORED,
        "percent": PERCENTS,
        "money": MONEY,
        "accounting": ACCOUNTING,
        "sap_amount": SAP_AMOUNTS,
        "long_digits": LONG_DIGITS,
        "plus_signed": PLUS_SIGNED,
        "bare_points": BARE_POINTS,
        "sheet_exponent": SHEET_EXPONENTS,
    }
    names = ", ".join(f"{name} TEXT" for name in columns)
    ddl = [f"CREATE TABLE codes (id INTEGER PRIMARY KEY, {names})"]
    rows = [(i + 1, *(values[i % len(values)] for values in columns.values())) for i in range(ROWS)]
    return write_export(path, ddl, {"codes": rows})


# --- flags ---------------------------------------------------------------------------------------------

TF = ("t", "f", "T", "F")
YN = ("Y", "N", "y", "n", "Y", "N")
YES_NO = ("yes", "no", "Yes", "NO", "YES", "No")
WORDS_AND_DIGITS = ("true", "FALSE", "1", "0", "True", "false")
ON_OFF = ("on", "off", "On", "OFF")
#: Access's Yes/No copied as CInt: -1 is true.
MINUS_ONE = (-1, 0)
TRI_STATE = (0, 1, 2)
#: A BOOLEAN column an app wrote shares into: REAL cells (SQLite's NUMERIC affinity keeps 1.0 as 1).
SHARES = (1.0, 0.0, 0.5, 1.5, 0.25, 1.0)


def flags(path: Path) -> Path:
    ddl = [
        "CREATE TABLE flags (id INTEGER PRIMARY KEY, tf TEXT, yn TEXT, yes_no TEXT, worded TEXT, "
        "on_off TEXT, minus_one_text TEXT, enabled BOOLEAN, tri_state BOOLEAN, access_yes_no BOOLEAN, "
        "share BOOLEAN, is_read INTEGER)"
    ]
    rows = [
        (
            i + 1,
            TF[i % len(TF)],
            YN[i % len(YN)],
            YES_NO[i % len(YES_NO)],
            WORDS_AND_DIGITS[i % len(WORDS_AND_DIGITS)],
            ON_OFF[i % len(ON_OFF)],
            str(MINUS_ONE[i % 2]),
            i % 2,
            TRI_STATE[i % 3],
            MINUS_ONE[i % 2],
            SHARES[i % len(SHARES)],
            (i + 1) % 2,
        )
        for i in range(ROWS)
    ]
    return write_export(path, ddl, {"flags": rows})


#: The rows of :func:`dirty_flags`: its many rows, the one whose cells no rule reads, and the one
#: whose flag a CSV import wrote as a word.
DIRTY_ROWS = 40
DIRTY_ROW = 4
WORD_ROW = 7


def dirty_flags(path: Path) -> Path:
    """An app's flags written as 1/0 (one row imported with ``true``), a tri-state's ``2`` on one row of
    its BOOLEAN column, and a ``yes`` among an INTEGER column's 0/1."""
    ddl = ["CREATE TABLE dirty_flags (id INTEGER PRIMARY KEY, active BOOLEAN, is_read INTEGER, note TEXT)"]
    rows = [
        (
            i + 1,
            2 if i == DIRTY_ROW else "true" if i == WORD_ROW else i % 2,
            "yes" if i == DIRTY_ROW else i % 2,
            f"row {i + 1}",
        )
        for i in range(DIRTY_ROWS)
    ]
    return write_export(path, ddl, {"dirty_flags": rows})
