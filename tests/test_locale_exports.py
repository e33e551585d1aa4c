"""Exports from help desks run in other locales through ``columnar-etl run`` into the session's real
PostgreSQL, every cell checked.

The files are built by ``tests/locale_exports.py`` as those locales write dates and numbers (German,
Swiss, French, US, Indian, Japanese, Arabic, Persian; month names of other languages). Each test runs
the CLI as an operator would (``run --mode simple --yes --json``) and checks every cell of the target
against the source and the audit with the project's lossless checker, the exit code and run.json's
outcome, the types chosen, and what each cell means, computed from the builder's own numbers (its
moments and amounts), never from a run: a value must never change meaning (a PM dropped, day and month
swapped, a group separator read as a decimal point). Text kept as text is fine.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from . import locale_exports as loc
from .test_other_products import Ran, audit_rules, loaded_cleanly, only_gate_warnings, run_export
from .test_profile_clean_agree import _report, disagreements
from .value_oracle import Case

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]


def profiled(run_dir: Path) -> dict[str, dict[str, Any]]:
    """``{column: column's JSON}`` of the run's one table ``tickets``."""
    data = json.loads((run_dir / "profile.json").read_text())
    return {c["name"]: c for t in data["tables"] for c in t["columns"]}


def written(spec: dict[str, Callable[[int], str]], column: str, key: str) -> dict[int, str]:
    """``{key: the text the builder wrote}`` of one column (keys are the rows' ``1000 + i``)."""
    return {int(spec[key](i)): spec[column](i) for i in range(loc.ROWS)}


def as_written(
    ran: Ran, run_dir: Path, spec: dict[str, Callable[[int], str]], key: str, *columns: str
) -> None:
    """Each of ``columns`` arrived as text, every cell exactly as written, none audited."""
    for column in columns:
        assert ran.values("tickets", column, key) == written(spec, column, key), column
        assert audit_rules(run_dir, "tickets", column) == {}, column


def amounts() -> dict[int, Decimal]:
    return {1000 + i: loc.amount(i) for i in range(loc.ROWS)}


# --- month names of other languages: the profile and the cleaner say the same ----------------------------


#: Dates with another language's month abbreviation, of the shapes English ones have: the month's
#: letters first (``ene 20, 2025``) or the day first (``20 ene 2025``).
FOREIGN_MONTHS = (
    "ene 20, 2025",  # Spanish
    "dic 20 2025",
    "okt 20, 2025 8:42 PM",  # German, Swedish, Dutch
    "mei 20 2025 08:42",  # Dutch
    "20 ene 2025",
    "20 Dez 2025 08:42",
    "20-DIC-2025",
)
#: An e-mail date as a mail client of another language writes it (German weekday and month).
FOREIGN_INSTANTS = ("Die, 20 Mai 2025 08:42:00 GMT", "Mi, 20 Mai 2025 08:42:00 +0200")


def test_dates_with_another_languages_month_are_quarantined_alike_by_profile_and_cleaner(
    tmp_path: Path,
) -> None:
    # A date column declared DATE or TIMESTAMP holds one such value: neither engine reads it (their
    # months are English), and both must call it the same (until 2026-12-02 the profile called a
    # month-first one unparseable, the cleaner impossible: the profile's gate on a value's first
    # letters, an English month's or weekday's, was not the cleaner's).
    cases = [
        Case(anchors, value) for anchors in ("ts_dmy", "date_dmy", "date_amb") for value in FOREIGN_MONTHS
    ]
    cases += [Case("tstz", value) for value in FOREIGN_INSTANTS]
    found = disagreements(tmp_path / "months.db", cases)
    assert found == [], _report(found)


# --- German, Austrian, Swiss -------------------------------------------------------------------------------


def test_german_swiss_csv_export_keeps_every_meaning(run_export: Runner) -> None:
    ran, run_dir = run_export(loc.dach_csv)
    loaded_cleanly(ran, run_dir, {"tickets": loc.ROWS})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("tickets") == {
        "Nr": "bigint",
        "Erstellt am": "timestamp without time zone",  # 02.12.2026 14:30: dotted dates are day first
        "Fällig": "date",
        "Kurzdatum": "text",  # 2.12.26: two-digit years are never read
        "Betrag": "text",  # 1.234,50 beside 12,50: a point grouping thousands is read neither way
        "Betrag CH": "numeric",  # 1'234.50: the apostrophe proves grouping
        "Betrag CHF": "text",  # a currency's code before the number
        "Monat": "text",  # 2. Dez. 2026: German months
        "Anzahl": "text",  # 1.332 beside 37: 1.332 or 1332, nothing tells which
    }
    rows = range(loc.ROWS)
    assert ran.values("tickets", "Erstellt am", "Nr") == {1000 + i: loc.moment(i) for i in rows}
    assert ran.values("tickets", "Fällig", "Nr") == {1000 + i: loc.moment(i).date() for i in rows}
    assert audit_rules(run_dir, "tickets", "Erstellt am") == {
        str(1000 + i): {"date_format:%d.%m.%Y %H:%M"} for i in rows
    }
    # numeric arrives as its text (pg_query): compared as decimals, the builder's own amounts.
    swiss = {key: Decimal(value) for key, value in ran.values("tickets", "Betrag CH", "Nr").items()}
    assert swiss == amounts()
    grouped = {key for key, text in written(loc.DACH, "Betrag CH", "Nr").items() if "'" in text}
    assert len(grouped) > loc.ROWS // 2
    assert audit_rules(run_dir, "tickets", "Betrag CH") == {
        str(key): {"thousands_separator"} for key in grouped
    }
    as_written(ran, run_dir, loc.DACH, "Nr", "Kurzdatum", "Betrag", "Betrag CHF", "Monat", "Anzahl")
    assert "may be 1.2 or (a point grouping thousands) 1200" in profiled(run_dir)["Anzahl"]["type_reason"]


def test_german_typed_export_halts_on_its_text_then_loads_it_as_written(run_export: Runner) -> None:
    # Declared DATE and NUMERIC columns holding 2.12.26, 1.234,50 and 2. Dez. 2026: three of eight
    # columns are text their type does not hold. The circuit breaker halts; nothing goes live.
    ran, run_dir = run_export(loc.dach_typed)
    assert (ran.code, ran.record["outcome"]) == (3, "halted")
    assert ran.record["error"]["message"] == (
        "circuit breaker: 3 of 9 columns hold text where their declared type says otherwise"
    )
    columns = profiled(run_dir)
    mismatched = {
        name for name, c in columns.items() if c["inferred_type"] == "text" and name != "betrag_chf"
    }
    assert mismatched == {"kurzdatum", "betrag", "monat"}
    # The operator who accepts that loads them as text, every cell as written.
    ran, run_dir = run_export(loc.dach_typed, COLUMNAR_ETL_HALT_TYPE_MISMATCH_SHARE="1")
    loaded_cleanly(ran, run_dir, {"tickets": loc.ROWS})
    assert (ran.code, ran.record["outcome"]) == (0, "done")
    types = ran.types("tickets")
    assert {name: types[name] for name in ("erstellt_am", "faellig", "kurzdatum", "betrag", "monat")} == {
        "erstellt_am": "timestamp without time zone",
        "faellig": "date",
        "kurzdatum": "text",
        "betrag": "text",
        "monat": "text",
    }
    # DECIMAL affinity made 0.50 a REAL cell beside the TEXT 1'234.50: declared DECIMAL(12,2), both
    # are the decimals written (numeric; the driver hands each over as its text).
    assert types["betrag_ch"] == "numeric"
    assert {
        key: Decimal(value) for key, value in ran.values("tickets", "betrag_ch", "nr").items()
    } == amounts()
    assert ran.values("tickets", "erstellt_am", "nr") == {1000 + i: loc.moment(i) for i in range(loc.ROWS)}
    for name, column in (("kurzdatum", "Kurzdatum"), ("betrag", "Betrag"), ("monat", "Monat")):
        assert ran.values("tickets", name, "nr") == written(loc.DACH, column, "Nr"), name
        assert audit_rules(run_dir, "tickets", name) == {}, name
    # INTEGER affinity stored the count 1.332 as the REAL 1.332 when the export was written: the file
    # holds that number (the checker compares with it), and nothing tells it was 1332.
    assert types["anzahl"] == "double precision"
    counts = {1000 + i: i * i * 37 for i in range(loc.ROWS)}
    assert ran.values("tickets", "anzahl", "nr") == {
        key: count if count < 1000 else count / 1000 for key, count in counts.items()
    }


# --- French, Belgian ---------------------------------------------------------------------------------------


def test_french_csv_export_reads_its_spaced_groups_and_day_first_dates(run_export: Runner) -> None:
    ran, run_dir = run_export(loc.french_csv)
    loaded_cleanly(ran, run_dir, {"tickets": loc.ROWS})
    assert only_gate_warnings(ran, run_dir) == []
    assert (ran.code, ran.record["outcome"]) == (0, "done")
    assert ran.types("tickets") == {
        "n°": "bigint",
        "créé le": "text",  # 02/12/2026 14h30: no shape has an h between hours and minutes
        "échéance": "date",
        "relance": "date",
        "montant": "text",  # 1 234,50 €
        "montant net": "numeric",  # 1 234,50 (U+00A0)
        "montant brut": "numeric",  # 1 234,50 (U+202F)
        "taux": "text",  # 12,5 %
        "mois": "text",  # 2 déc. 2026
    }
    rows = range(loc.ROWS)
    assert ran.values("tickets", "échéance", "n°") == {1000 + i: loc.moment(i).date() for i in rows}
    # Every day of relance is 12 or less: échéance, beside it, proves day-first, and a note says so.
    assert ran.values("tickets", "relance", "n°") == {1000 + i: loc.ambiguous_day(i) for i in rows}
    relance = profiled(run_dir)["relance"]
    assert relance["date_order"] == "ambiguous" and relance["export_date_order"] == "day_first"
    assert relance["notes"] == [
        "slash dates read day-first: the export's other date columns (tickets.échéance) prove it"
    ]
    for name, separator in (("montant net", loc.NBSP), ("montant brut", loc.NNBSP)):
        found = {key: Decimal(value) for key, value in ran.values("tickets", name, "n°").items()}
        assert found == amounts(), name
        texts = written(loc.FRENCH, name, "n°")
        assert audit_rules(run_dir, "tickets", name) == {
            str(key): {"comma_decimal,thousands_separator" if separator in text else "comma_decimal"}
            for key, text in texts.items()
        }, name
    as_written(ran, run_dir, loc.FRENCH, "n°", "créé le", "montant", "taux", "mois")


# --- US ---------------------------------------------------------------------------------------------------


def test_us_csv_export_keeps_pm_midnight_noon_and_month_first(run_export: Runner) -> None:
    ran, run_dir = run_export(loc.us_csv)
    loaded_cleanly(ran, run_dir, {"tickets": loc.ROWS})
    assert only_gate_warnings(ran, run_dir) == []
    assert (ran.code, ran.record["outcome"]) == (0, "done")
    assert ran.types("tickets") == {
        "ticket": "bigint",
        "created": "timestamp without time zone",
        "due": "date",
        "amount": "numeric",
        "charged": "text",  # $1,234.50
        "balance": "text",  # (1,234.50): an accounting negative
    }
    rows = range(loc.ROWS)
    created = written(loc.US, "created", "ticket")
    # The builder's clock writes midnight as 12:xx AM and noon as 12:xx PM: both are among the rows.
    assert any(" 12:" in text and text.endswith("AM") for text in created.values())
    assert any(" 12:" in text and text.endswith("PM") for text in created.values())
    assert ran.values("tickets", "created", "ticket") == {1000 + i: loc.moment(i) for i in rows}
    assert audit_rules(run_dir, "tickets", "created") == {
        str(1000 + i): {"date_format:%m/%d/%Y %I:%M %p"} for i in rows
    }
    assert ran.values("tickets", "due", "ticket") == {1000 + i: loc.ambiguous_day(i) for i in rows}
    assert profiled(run_dir)["due"]["notes"] == [
        "slash dates read month-first: the export's other date columns (tickets.created) prove it"
    ]
    found = {key: Decimal(value) for key, value in ran.values("tickets", "amount", "ticket").items()}
    assert found == amounts()
    as_written(ran, run_dir, loc.US, "ticket", "charged", "balance")


def test_us_export_whose_dates_prove_no_order_halts_and_says_how_it_read_them(run_export: Runner) -> None:
    # Every day is 12 or less, in both date columns, and nothing else in the export proves an order.
    ran, run_dir = run_export(loc.us_ambiguous_csv)
    assert (ran.code, ran.record["outcome"]) == (3, "halted")
    columns = profiled(run_dir)
    for name in ("opened", "due"):
        assert columns[name]["date_order"] == "ambiguous", name
        assert columns[name]["export_date_order"] is None, name
        # Said in the column's notes (until 2026-12-02 only in its issue's detail).
        assert columns[name]["notes"] == [
            "slash dates read day-first by date_order_default: no value in the export proves it (set "
            "date_order_default, or the column's formats, if that is not the export's order)"
        ], name
    # The operator names the export's formats, month first: the profile, which the breaker judges,
    # reads the columns by them (until 2026-12-03 it still counted the ambiguity, and the run halted
    # unless halt_quality was lowered): every cell read month first, no warning.
    config = (
        '[columns.tickets.opened]\nformats = ["%m/%d/%Y %I:%M %p"]\n'
        '[columns.tickets.due]\nformats = ["%m/%d/%Y"]\n'
    )
    ran, run_dir = run_export(loc.us_ambiguous_csv, config=config)
    loaded_cleanly(ran, run_dir, {"tickets": loc.ROWS})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert {name: profiled(run_dir)[name]["reading_override"]["order"] for name in ("opened", "due")} == {
        "opened": "month_first",
        "due": "month_first",
    }
    rows = range(loc.ROWS)
    opened = {1000 + i: datetime.combine(loc.ambiguous_day(i), loc.moment(i).time()) for i in rows}
    assert ran.values("tickets", "opened", "ticket") == opened
    assert ran.values("tickets", "due", "ticket") == {1000 + i: loc.ambiguous_day(i + 5) for i in rows}


# --- Indian, Japanese, Arabic, Persian; Spanish months -----------------------------------------------------


def non_ascii_digits(text: str) -> bool:
    """The text holds a digit other than ASCII's (full-width, Arabic-Indic, Persian ...)."""
    return any(ch.isdigit() and not "0" <= ch <= "9" for ch in text)


def test_other_scripts_digits_and_indian_groups_stay_as_written(run_export: Runner) -> None:
    ran, run_dir = run_export(loc.asia_csv)
    loaded_cleanly(ran, run_dir, {"tickets": loc.ROWS})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("tickets")
    assert types.pop("id") == "bigint"
    assert types.pop("jp_date") == "date"  # 2026/12/02: year first, month, day
    # Every other column is text, each cell as written: 1,23,456.78, 2026年12月2日, １２３, ١٢٣, ۱۲۳,
    # ١٬٢٣٤٫٥٠, and the columns mixing ASCII digits with others' (one stage reading them as numbers,
    # another as text, would change them), 2 dic 2026.
    assert set(types.values()) == {"text"}
    assert ran.values("tickets", "jp_date", "id") == {1000 + i: loc.moment(i).date() for i in range(loc.ROWS)}
    as_written(ran, run_dir, loc.ASIA, "id", *types)
    for name in ("count", "count_ar", "day_mixed"):
        assert any(non_ascii_digits(text) for text in written(loc.ASIA, name, "id").values()), name


def test_other_scripts_digits_in_typed_columns_are_quarantined_never_read(run_export: Runner) -> None:
    # Declared INTEGER and DATE columns: SQLite stored the ASCII numbers as INTEGER cells, the others'
    # digits as TEXT. Neither the profile (DuckDB) nor the cleaner (Polars) reads ３７ or ١٤٨ as a
    # number: the circuit breaker halts on the columns holding nothing else, then (gates opened by the
    # operator) each such cell is quarantined, NULL in the target, its text in the quarantine.
    ran, run_dir = run_export(loc.asia_typed)
    assert (ran.code, ran.record["outcome"]) == (3, "halted")
    gates = {
        "COLUMNAR_ETL_HALT_TYPE_MISMATCH_SHARE": "1",
        "COLUMNAR_ETL_HALT_CORRUPT_DATE_SHARE": "1",
        "COLUMNAR_ETL_HALT_QUALITY": "0",
        "COLUMNAR_ETL_MIN_QUALITY": "0",
    }
    ran, run_dir = run_export(loc.asia_typed, **gates)
    loaded_cleanly(ran, run_dir, {"tickets": loc.ROWS})
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    types = ran.types("tickets")
    assert (types["count"], types["count_ar"], types["day_mixed"]) == ("bigint", "bigint", "date")
    for name in ("fullwidth", "arabic", "persian", "arabic_amount", "fullwidth_date", "jp_kanji", "lakh"):
        assert types[name] == "text", name
    quarantined = {
        (row["column"], row["row_key"]): (row["raw_value"], row["rule"])
        for row in pq.read_table(run_dir / "quarantine.parquet").to_pylist()
    }
    for name, rule in (
        ("count", "invalid_number"),
        ("count_ar", "invalid_number"),
        ("day_mixed", "unparseable_date"),
    ):
        texts = written(loc.ASIA, name, "id")
        others = {key: text for key, text in texts.items() if non_ascii_digits(text)}
        assert {key: found for (column, key), found in quarantined.items() if column == name} == {
            str(key): (text, rule) for key, text in others.items()
        }, name
        arrived = ran.values("tickets", name, "id")
        assert {key for key, value in arrived.items() if value is None} == set(others), name
    assert ran.values("tickets", "count", "id") == {
        1000 + i: None if i % 6 == 1 else i * 37 for i in range(loc.ROWS)
    }
    assert ran.values("tickets", "day_mixed", "id") == {
        1000 + i: None if i % 6 == 2 else loc.moment(i).date() for i in range(loc.ROWS)
    }


# --- two sites, one help desk ------------------------------------------------------------------------------


def test_two_sites_dates_are_each_read_as_their_own_table_proves(run_export: Runner) -> None:
    # Paris proves day-first, Boston month-first: the export proves both orders. Each table's column
    # that proves none is read as its own table's other date column proves (until 2026-12-02 both
    # by date_order_default, day-first: every month and day of Boston's due swapped).
    ran, run_dir = run_export(loc.two_sites)
    loaded_cleanly(ran, run_dir, {"paris": loc.ROWS, "boston": loc.ROWS, "remote": loc.ROWS})
    assert (ran.code, ran.record["outcome"]) in ((0, "done"), (2, "warn"))
    rows = range(loc.ROWS)
    assert ran.values("paris", "relance", "n°") == {1000 + i: loc.ambiguous_day(i) for i in rows}
    assert ran.values("remote", "relance", "n°") == {1000 + i: loc.ambiguous_day(i) for i in rows}
    assert ran.values("boston", "due", "ticket") == {1000 + i: loc.ambiguous_day(i) for i in rows}
    data = json.loads((run_dir / "profile.json").read_text())
    notes = {(t["name"], c["name"]): c["notes"] for t in data["tables"] for c in t["columns"] if c["notes"]}
    assert notes == {
        ("paris", "relance"): [
            "slash dates read day-first: the table's other date columns (paris.échéance) prove it (the "
            "export's prove both orders)"
        ],
        ("boston", "due"): [
            "slash dates read month-first: the table's other date columns (boston.created) prove it (the "
            "export's prove both orders)"
        ],
        # A table proving nothing itself: the default, and the note says why.
        ("remote", "relance"): [
            "slash dates read day-first by date_order_default: the export's date columns prove both "
            "orders (set date_order_default, or the column's formats, if that is not the export's order)"
        ],
    }


# --- other calendars ---------------------------------------------------------------------------------------


def test_dates_of_other_calendars_stay_as_written(run_export: Runner) -> None:
    # 1405/09/11 is a Solar Hijri date (2 December 2026), 1448-06-12 an Islamic one: read as Gregorian
    # days they were loaded 621 and 579 years early (until 2026-12-02). Every date of such a column
    # lies before the Gregorian calendar's first day (1582-10-15): it keeps its text.
    ran, run_dir = run_export(loc.other_calendars_csv)
    loaded_cleanly(ran, run_dir, {"tickets": loc.ROWS})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("tickets") == {"id": "bigint", "jalali": "text", "jalali_at": "text", "hijri": "text"}
    as_written(ran, run_dir, loc.OTHER_CALENDARS, "id", "jalali", "jalali_at", "hijri")
    for name, column in profiled(run_dir).items():
        if name != "id":
            assert "before 1582-10-15" in column["type_reason"], name


def test_a_date_column_of_year_one_placeholders_stays_a_date_column(run_export: Runner) -> None:
    # Before 1582-10-15 too, but no other calendar's: a column nobody filled (0001-01-01 on every row).
    # The other-calendar rule made it text, and its DATE declaration a type mismatch on every row.
    ran, run_dir = run_export(loc.unfilled_dates)
    loaded_cleanly(ran, run_dir, {"tickets": loc.ROWS})
    assert ran.types("tickets")["unset"] == "date"
    assert set(ran.values("tickets", "unset", "id").values()) == {date(1, 1, 1)}
    assert "1582" not in profiled(run_dir)["unset"]["type_reason"]
