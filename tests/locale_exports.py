"""Small but faithful SQLite files as help desks configured in other locales write them (test data only).

A help desk (or the spreadsheet its export passed through) formats dates and numbers by its locale: the
CSV it writes holds that text, and ``sqlite-utils insert --csv`` keeps every column TEXT (a CSV import,
no key: ``write_csv``); a typed export declares the columns' types and SQLite's affinity keeps the
text it cannot read as a number (``1.234,50`` in a NUMERIC column stays TEXT). Nothing is random: every
value comes from the row's number (:func:`moment`, :func:`amount`), so a test computes what a column
holds, and what each cell means, from the same numbers.

The formatters write what the locales' conventions (CLDR, as ICU, Excel and ``strftime`` write them)
give: German ``1.234,50`` and ``02.12.2026 14:30``, Swiss ``1'234.50``, French ``1 234,50 €`` with a
no-break or narrow no-break space and ``02/12/2026 14h30``, US ``12/02/2026 2:30 PM`` and ``$1,234.50``,
Indian ``1,23,456.78``, Japanese ``2026/12/02`` and ``2026年12月2日``, full-width, Arabic-Indic and
Persian digits, and month names of other languages (``2 déc. 2026``, ``2. Dez. 2026``, ``2 dic 2026``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from tests.other_products import write_export

ROWS = 24
NBSP = "\u00a0"
NNBSP = "\u202f"
#: The first of each run of ten digits: full-width (Japanese, Chinese input), Arabic-Indic (Arabic
#: locales' default digits), extended Arabic-Indic (Persian, Urdu).
FULLWIDTH_ZERO = 0xFF10
ARABIC_INDIC_ZERO = 0x0660
PERSIAN_ZERO = 0x06F0
#: The Arabic decimal and thousands separators (CLDR's for ``ar`` and ``fa`` with native digits).
ARABIC_DECIMAL = "\u066b"
ARABIC_THOUSANDS = "\u066c"

#: Month abbreviations as each locale writes them (CLDR's format abbreviations): German with a point,
#: French with a point where a letter was dropped, Spanish without (three of whose twelve are not
#: English: ene, abr, ago, dic).
GERMAN_MONTHS = (
    "Jan.",
    "Feb.",
    "März",
    "Apr.",
    "Mai",
    "Juni",
    "Juli",
    "Aug.",
    "Sept.",
    "Okt.",
    "Nov.",
    "Dez.",
)
FRENCH_MONTHS = (
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
)  # fmt: skip
SPANISH_MONTHS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic")


def moment(i: int) -> datetime:
    """Row ``i``'s moment: every month, days 1 to 28 (so a day above 12 shows the order), every hour
    of the day including 0 and 12 (midnight and noon: the 12-hour clock's edge)."""
    return datetime(2026, 1 + i % 12, 1 + (i * 5) % 28, (i * 7) % 24, (i * 13) % 60)


def ambiguous_day(i: int) -> date:
    """Row ``i``'s date whose day is never above 12: day first and month first both read it."""
    return date(2026, 1 + i % 12, 1 + (i * 7) % 12)


def amount(i: int) -> Decimal:
    """Row ``i``'s amount in cents as a Decimal with two places: 0.50 to above a million, every fifth
    negative, so some need no group separator, some one, some two."""
    cents = (i**3 * 9973 + 50) * (-1 if i % 5 == 3 else 1)
    return Decimal(cents).scaleb(-2)


def grouped(value: Decimal, group: str, decimal: str, *, lakh: bool = False) -> str:
    """``value`` with two decimals, its whole digits grouped by ``group`` (threes, or the Indian
    system's three then twos) and ``decimal`` as its mark; ``-`` for a negative."""
    whole, cents = f"{abs(value):.2f}".split(".")
    groups = [whole[-3:]]
    rest = whole[:-3]
    size = 2 if lakh else 3
    while rest:
        groups.insert(0, rest[-size:])
        rest = rest[:-size]
    return ("-" if value < 0 else "") + group.join(groups) + decimal + cents


def digits(text: str, zero: int) -> str:
    """``text`` with each ASCII digit written in the run of ten digits starting at ``zero``."""
    return text.translate({ord("0") + d: chr(zero + d) for d in range(10)})


def twelve_hour(moment: datetime) -> str:
    """``2:30 PM``, ``12:05 AM`` (midnight's hour), ``12:40 PM`` (noon's): a US clock's time."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def write_csv(path: Path, table: str, columns: Sequence[str], rows: list[list[str]]) -> Path:
    """``sqlite-utils insert export.db <table> data.csv --csv``: every column TEXT, no key."""
    names = ",\n   ".join(f"[{name}] TEXT" for name in columns)
    return write_export(path, [f"CREATE TABLE [{table}] (\n   {names}\n)"], {table: rows})


def columns_of(spec: dict[str, Callable[[int], str]], rows: int = ROWS) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of a sheet whose every column is a function of the row's number."""
    return list(spec), [[render(i) for render in spec.values()] for i in range(rows)]


# --- German, Austrian, Swiss -------------------------------------------------------------------------------

DACH: dict[str, Callable[[int], str]] = {
    "Nr": lambda i: str(1000 + i),
    "Erstellt am": lambda i: moment(i).strftime("%d.%m.%Y %H:%M"),
    "Fällig": lambda i: moment(i).strftime("%d.%m.%Y"),
    "Kurzdatum": lambda i: f"{moment(i).day}.{moment(i).month}.{moment(i):%y}",
    "Betrag": lambda i: grouped(amount(i), ".", ","),
    "Betrag CH": lambda i: grouped(amount(i), "'", "."),
    "Betrag CHF": lambda i: "CHF " + grouped(amount(i), "'", "."),
    "Monat": lambda i: f"{moment(i).day}. {GERMAN_MONTHS[moment(i).month - 1]} {moment(i).year}",
    # A count: points group its thousands (1.332 is one thousand three hundred thirty-two).
    "Anzahl": lambda i: f"{i * i * 37:,}".replace(",", "."),
}


def dach_csv(path: Path) -> Path:
    """A German/Austrian/Swiss help desk's CSV export imported by sqlite-utils (all TEXT)."""
    return write_csv(path, "tickets", *columns_of(DACH))


def dach_typed(path: Path) -> Path:
    """The same export with declared types (``TIMESTAMP``, ``DATE``, ``NUMERIC``, ``DECIMAL``,
    ``INTEGER``): SQLite's affinity keeps the values TEXT that are no number SQLite reads, and makes
    those that are one numbers: ``0.50`` the REAL 0.5, and a count's ``1.332`` the REAL 1.332."""
    ddl = (
        "CREATE TABLE tickets (nr INTEGER PRIMARY KEY, erstellt_am TIMESTAMP, faellig DATE, "
        "kurzdatum DATE, betrag NUMERIC, betrag_ch DECIMAL(12,2), betrag_chf TEXT, monat DATE, "
        "anzahl INTEGER)"
    )
    rows = [[int(row[0]), *row[1:]] for row in columns_of(DACH)[1]]
    return write_export(path, [ddl], {"tickets": rows})


# --- French, Belgian -------------------------------------------------------------------------------------

FRENCH: dict[str, Callable[[int], str]] = {
    "n°": lambda i: str(1000 + i),
    "créé le": lambda i: moment(i).strftime("%d/%m/%Y %Hh%M"),
    "échéance": lambda i: moment(i).strftime("%d/%m/%Y"),
    "relance": lambda i: ambiguous_day(i).strftime("%d/%m/%Y"),
    "montant": lambda i: grouped(amount(i), NBSP, ",") + NBSP + "€",
    "montant net": lambda i: grouped(amount(i), NBSP, ","),
    "montant brut": lambda i: grouped(amount(i), NNBSP, ","),
    "taux": lambda i: f"{i * 5 % 100},{i % 10}{NBSP}%",
    "mois": lambda i: f"{moment(i).day} {FRENCH_MONTHS[moment(i).month - 1]} {moment(i).year}",
}


def french_csv(path: Path) -> Path:
    """A French/Belgian help desk's CSV export (Excel's groups: no-break and narrow no-break spaces)."""
    return write_csv(path, "tickets", *columns_of(FRENCH))


# --- US ---------------------------------------------------------------------------------------------------

US: dict[str, Callable[[int], str]] = {
    "ticket": lambda i: str(1000 + i),
    "created": lambda i: f"{moment(i):%m/%d/%Y} {twelve_hour(moment(i))}",
    "due": lambda i: ambiguous_day(i).strftime("%m/%d/%Y"),
    "amount": lambda i: grouped(amount(i), ",", "."),
    "charged": lambda i: ("$" if amount(i) >= 0 else "") + grouped(amount(i), ",", "."),
    "balance": lambda i: (
        f"({grouped(-amount(i), ',', '.')})" if amount(i) < 0 else grouped(amount(i), ",", ".")
    ),
}


def us_csv(path: Path) -> Path:
    """A US help desk's CSV export: month first, a 12-hour clock, commas grouping thousands."""
    return write_csv(path, "tickets", *columns_of(US))


US_AMBIGUOUS: dict[str, Callable[[int], str]] = {
    "ticket": lambda i: str(1000 + i),
    "opened": lambda i: f"{ambiguous_day(i):%m/%d/%Y} {twelve_hour(moment(i))}",
    "due": lambda i: ambiguous_day(i + 5).strftime("%m/%d/%Y"),
}


def us_ambiguous_csv(path: Path) -> Path:
    """A US export whose every date has a day of 12 or less: nothing in it tells day from month."""
    return write_csv(path, "tickets", *columns_of(US_AMBIGUOUS))


def small_day(i: int) -> date:
    """Row ``i``'s day of 2024, never above the 12th: ``03/04/2024`` (4 March, or 3 April) first, then
    every month, days and months unequal on most rows (so day first and month first read them apart)."""
    return date(2024, 3, 4) if i == 0 else date(2024, 1 + i % 12, 1 + (i * 7 + 3) % 12)


#: A small US help desk's tickets (a CSV import): the dates month first, every day 12 or less.
US_SMALL_DAYS: dict[str, Callable[[int], str]] = {
    "ticket": lambda i: str(1000 + i),
    "opened": lambda i: small_day(i).strftime("%m/%d/%Y"),
    "due": lambda i: small_day(i + 5).strftime("%m/%d/%Y"),
}


def us_small_days_csv(path: Path) -> Path:
    """A US export of ``MM/DD/YYYY`` dates only, every day 12 or less: no value proves the order."""
    return write_csv(path, "tickets", *columns_of(US_SMALL_DAYS))


#: The same help desk after a tool change: half of ``opened`` written ISO (``2024-03-04``), half US.
US_HALF_ISO: dict[str, Callable[[int], str]] = {
    **US_SMALL_DAYS,
    "opened": lambda i: small_day(i).strftime("%Y-%m-%d" if i % 2 else "%m/%d/%Y"),
}


def us_half_iso_csv(path: Path) -> Path:
    """``opened`` half ``MM/DD/YYYY``, half ``YYYY-MM-DD``; ``due`` all ``MM/DD/YYYY`` (days <= 12)."""
    return write_csv(path, "tickets", *columns_of(US_HALF_ISO))


# --- Indian, Japanese, Arabic, Persian ----------------------------------------------------------------------

ASIA: dict[str, Callable[[int], str]] = {
    "id": lambda i: str(1000 + i),
    "lakh": lambda i: grouped(amount(i), ",", ".", lakh=True),
    "jp_date": lambda i: moment(i).strftime("%Y/%m/%d"),
    "jp_kanji": lambda i: f"{moment(i).year}年{moment(i).month}月{moment(i).day}日",
    "fullwidth": lambda i: digits(str(i * 37), FULLWIDTH_ZERO),
    "fullwidth_date": lambda i: digits(moment(i).strftime("%Y-%m-%d"), FULLWIDTH_ZERO),
    "arabic": lambda i: digits(str(i * 37), ARABIC_INDIC_ZERO),
    "arabic_amount": lambda i: digits(
        grouped(abs(amount(i)), ARABIC_THOUSANDS, ARABIC_DECIMAL), ARABIC_INDIC_ZERO
    ),
    "persian": lambda i: digits(str(i * 37), PERSIAN_ZERO),
    # A count typed mostly on an ASCII keyboard, now and then with a Japanese IME left on.
    "count": lambda i: digits(str(i * 37), FULLWIDTH_ZERO) if i % 6 == 1 else str(i * 37),
    "count_ar": lambda i: digits(str(i * 37), ARABIC_INDIC_ZERO) if i % 6 == 4 else str(i * 37),
    "day_mixed": lambda i: (
        digits(moment(i).strftime("%Y-%m-%d"), FULLWIDTH_ZERO)
        if i % 6 == 2
        else moment(i).strftime("%Y-%m-%d")
    ),
    "mes": lambda i: f"{moment(i).day} {SPANISH_MONTHS[moment(i).month - 1]} {moment(i).year}",
}


def asia_csv(path: Path) -> Path:
    """Indian grouping, Japanese dates, full-width, Arabic-Indic and Persian digits, Spanish months."""
    return write_csv(path, "tickets", *columns_of(ASIA))


def asia_typed(path: Path) -> Path:
    """The same with declared types: ``INTEGER`` and ``DATE`` columns holding digits SQLite does not
    read as numbers (it reads ASCII digits only), so TEXT cells."""
    ddl = (
        "CREATE TABLE tickets (id INTEGER PRIMARY KEY, lakh NUMERIC, jp_date DATE, jp_kanji DATE, "
        "fullwidth INTEGER, fullwidth_date DATE, arabic INTEGER, arabic_amount NUMERIC, persian INTEGER, "
        "count INTEGER, count_ar INTEGER, day_mixed DATE, mes DATE)"
    )
    rows = [[int(row[0]), *row[1:]] for row in columns_of(ASIA)[1]]
    return write_export(path, [ddl], {"tickets": rows})


# --- two sites, one help desk ------------------------------------------------------------------------------


def two_sites(path: Path) -> Path:
    """One help desk's export of two sites' tables, each written as its site writes dates: ``paris``
    (day first: ``échéance`` proves it, ``relance`` proves nothing) and ``boston`` (month first:
    ``created`` proves it, ``due`` proves nothing), all TEXT; and ``remote``, whose one date column
    proves nothing (written day first)."""
    sites = {
        "paris": ("n°", "échéance", "relance"),
        "boston": ("ticket", "created", "due"),
        "remote": ("n°", "relance"),
    }
    specs = {"paris": FRENCH, "boston": US, "remote": FRENCH}
    ddl, rows = [], {}
    for table, columns in sites.items():
        ddl.append(f"CREATE TABLE [{table}] ({', '.join(f'[{name}] TEXT' for name in columns)})")
        rows[table] = [[specs[table][name](i) for name in columns] for i in range(ROWS)]
    return write_export(path, ddl, rows)


# --- other calendars ---------------------------------------------------------------------------------------

OTHER_CALENDARS: dict[str, Callable[[int], str]] = {
    "id": lambda i: str(1000 + i),
    # Iran's Solar Hijri calendar (1405 is 2026/27), as Iranian help desks write it with ASCII digits
    # (the year first, as Japanese dates are): 1405/09/11 is 2 December 2026.
    "jalali": lambda i: f"{1404 + i % 2}/{1 + i % 12:02d}/{1 + (i * 5) % 29:02d}",
    "jalali_at": lambda i: f"{1404 + i % 2}/{1 + i % 12:02d}/{1 + (i * 5) % 29:02d} {moment(i):%H:%M}",
    # The Islamic (Hijri) calendar's, as Saudi exports write it: 1448/06/12.
    "hijri": lambda i: f"{1447 + i % 2}-{1 + i % 12:02d}-{1 + (i * 5) % 29:02d}",
}


#: Gregorian dates before 1582-10-15 that are no other calendar's: a DATE column nobody filled holds
#: year 1's first day only (a framework's "no date"); one from a historical record the year 1000 on.
UNFILLED: dict[str, Callable[[int], str]] = {
    "id": lambda i: str(1000 + i),
    "unset": lambda i: "0001-01-01",
}


def unfilled_dates(path: Path) -> Path:
    """A typed table whose DATE column holds 0001-01-01 on every row."""
    ddl = ["CREATE TABLE tickets (id INTEGER PRIMARY KEY, unset DATE)"]
    return write_export(path, ddl, {"tickets": [[int(row[0]), row[1]] for row in columns_of(UNFILLED)[1]]})


def other_calendars_csv(path: Path) -> Path:
    """Dates of calendars other than the Gregorian one, in the shapes of Gregorian dates (all TEXT)."""
    return write_csv(path, "tickets", *columns_of(OTHER_CALENDARS))
