"""Numbers grouped by spaces or apostrophes (French, Nordic, Polish, Czech, Swiss exports).

``39 924,83`` (U+0020, U+00A0, U+202F or U+2009 between the groups, a decimal comma), ``39 924.83`` (SI)
and ``1'234.50`` (Swiss) are read as numbers where the column proves the convention; phone numbers,
postcodes, ``123 456`` alone, a column mixing separators or decimal marks stay text, every cell kept.
Expected values are computed here from the text's digits with Python's ``Decimal``, never by the package.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from columnar_etl.config import load_settings
from columnar_etl.pipeline.clean import clean
from columnar_etl.planning.build import build_plan
from columnar_etl.profiling.profile import profile
from columnar_etl.rules import Shape
from columnar_etl.rules.numbers import (
    DIGIT_GROUP_REGEXES,
    DIGIT_GROUPED_REGEX,
    GROUP_SEPARATORS,
    SPACE_GROUP3_BYTES,
    grouped_number_regexes,
)

from .conftest import GATES_OPEN, pg_query, run_gates_open

NNBSP, NBSP, THIN = "\u202f", "\u00a0", "\u2009"


def digits_value(text: str) -> Decimal:
    """The number ``text`` writes, from its characters alone: its sign, its digits before the decimal
    mark (the last ',' or '.'), and those after it; every other character (a separator) dropped."""
    sign = "-" if text.startswith("-") else ""
    mark = max(text.rfind(","), text.rfind("."))
    whole, fraction = (text[:mark], text[mark + 1 :]) if mark >= 0 else (text, "")
    digits = "".join(ch for ch in whole if ch in "0123456789")
    return Decimal(f"{sign}{digits}.{fraction or '0'}")


#: A French invoice table: one column per separator (U+202F as Excel/ICU write it, U+00A0, U+0020), a
#: Swiss one (both apostrophes), an SI one, and integers; negatives and numbers below 1000 among them.
INVOICE: dict[str, list[str | None]] = {
    "montant_ttc": [
        f"39{NNBSP}924,83",
        f"1{NNBSP}234,50",
        "924,83",
        f"-1{NNBSP}234,50",
        f"1{NNBSP}000{NNBSP}000",
        None,
    ],
    "montant_ht": [f"33{NBSP}270,69", f"1{NBSP}028,75", "0,5", f"-2{NBSP}500,25", "100", "12"],
    "remise": ["39 924,83", "1 234", "3,5", "-1 234,50", "1 000 000", ""],
    "betrag_chf": ["1'234.50", "12'345", "0.25", "-1'000.5", "1'000'000", "7"],
    "preis_chf": ["1\u2019234.50", "12\u2019345", "0.25", "-1\u2019000.5", "5", "NULL"],
    "si_amount": ["39 924.83", "1 234", "2.5", "-1 234.50", "12", "7.125"],
    "stueck": [f"1{THIN}234", f"12{THIN}345{THIN}678", "7", f"-4{THIN}000", "0", "999"],
}
#: Columns no proof reads: each stays text, every cell as written.
NOT_NUMBERS: dict[str, list[str | None]] = {
    "telephone": [
        "06 12 34 56 78",
        "07 98 76 54 32",
        "01 23 45 67 89",
        "06 11 22 33 44",
        "09 87 65 43 21",
        None,
    ],
    "postnummer": ["123 45", "114 55", "413 01", "752 36", "211 20", "903 25"],
    "kontonummer": ["1234 56 78901", "9710 05 12345", "1503 12 34567", "6010 05 55555", "1234 56 78902", "1"],
    "one_group": ["123 456", "7", "12", "999 000", "5", "60"],  # one number or two: nothing tells
    "mixed_separators": ["1 234,5", f"1{NBSP}234,5", "3,5", "7", "8", "9"],
    "mixed_marks": ["1 234,5", "2.5", "7", "8", "9", "10"],
    "with_commas": ["1,234,567", "1 234", "7", "8", "9", "10"],
    "free_text": ["12 345", "12 345,5", "two boxes", "7", "8", "9"],
    "swiss_commas": ["1'234", "3,5", "7", "12'345", "9", "10"],  # apostrophes go with a decimal point
    "bad_groups": [f"12{NNBSP}34,5", f"1{NNBSP}234,5", "7", "8", "9", "10"],
}


def write(path: Path, columns: dict[str, list[str | None]], *, declared: str = "TEXT") -> Path:
    import sqlite3

    con = sqlite3.connect(path)
    with con:
        con.execute(
            f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(f'{c} {declared}' for c in columns)})"
        )
        rows = zip(*columns.values(), strict=True)
        marks = ", ".join("?" for _ in columns)
        con.executemany(f"INSERT INTO t VALUES (?, {marks})", [(i, *row) for i, row in enumerate(rows, 1)])
    con.close()
    return path


def expected_cell(text: str | None) -> Decimal | None:
    if text is None or text.strip() in ("", "NULL"):
        return None
    return digits_value(text.strip())


def test_the_profilers_one_pattern_shapes_values_as_the_rules_patterns_do() -> None:
    # The profile matches one pattern and tells the shape by cheap tests; the rules define each shape
    # by its own pattern, and the cleaner reads a column's separator by grouped_number_regexes.
    samples = [
        "123 456 789", f"1 234{NBSP}567", "1 234'567", "1234 567", "+1 234", f"1{NNBSP}234{NBSP}567,5",
    ]  # fmt: skip
    for sign in ("", "-"):
        for head in ("1", "12", "123", "0", "1234"):
            for separator in (*GROUP_SEPARATORS, ",", "_"):
                for groups in (["234"], ["234", "567"], ["23"], ["234", "56"]):
                    body = head + "".join(separator + group for group in groups)
                    samples += [sign + body + tail for tail in ("", ",5", ".25", ",", ".")]
    for text in samples:
        by_shape = next(
            (shape for shape, regex in DIGIT_GROUP_REGEXES if re.fullmatch(regex, text, re.ASCII)), None
        )
        profiled = None
        if re.fullmatch(DIGIT_GROUPED_REGEX, text, re.ASCII):
            if "," in text:
                profiled = Shape.DIGIT_GROUPED_COMMA
            elif "." in text:
                profiled = Shape.DIGIT_GROUPED_POINT
            elif " " in text and len(text.lstrip("-").encode()) <= SPACE_GROUP3_BYTES:
                profiled = Shape.SPACE_GROUP3
            else:
                profiled = Shape.DIGIT_GROUPED_INTEGER
        assert profiled == by_shape, text
        separators = {ch for ch in text if ch in GROUP_SEPARATORS}
        for separator in GROUP_SEPARATORS:
            read = any(re.fullmatch(regex, text, re.ASCII) for regex in grouped_number_regexes(separator))
            assert read == (by_shape is not None and separators == {separator}), (text, separator)


def profile_and_clean(path: Path) -> tuple[Any, Any]:
    config = load_settings(**GATES_OPEN)
    found = profile(path, settings=config)
    return found, clean(path, build_plan(found, settings=config), settings=config)


def test_grouped_amounts_are_read_and_each_change_audited_as_the_profile_counted(tmp_path: Path) -> None:
    path = write(tmp_path / "invoice.db", INVOICE)
    found, result = profile_and_clean(path)
    audit = result.audit.to_pylist()
    separators = {
        "montant_ttc": NNBSP, "montant_ht": NBSP, "remise": " ", "betrag_chf": "'", "preis_chf": "\u2019",
        "si_amount": " ", "stueck": THIN,
    }  # fmt: skip
    for name, cells in INVOICE.items():
        column, stats = found["t"][name], result["t"][name]
        want_type = "integer" if name == "stueck" else "numeric"
        assert (column.inferred_type, column.digit_groups) == (want_type, separators[name]), name
        got = result.data["t"].column(name).to_pylist()
        assert [None if v is None else Decimal(v) for v in got] == [expected_cell(c) for c in cells], name
        # What the profile counted is what the cleaner changed, cell for cell.
        grouped = [c for c in cells if c is not None and separators[name] in c]
        commas = [c for c in cells if c is not None and "," in c]
        assert column.issue_count("thousands_separator") == stats.thousands_separators_removed == len(grouped)
        assert column.issue_count("comma_decimal") == stats.comma_decimals_fixed == len(commas)
        assert stats.quarantined == column.invalid_count == 0
        mine = {row["row_key"]: row for row in audit if row["column"] == name}
        for key, text in enumerate(cells, start=1):
            if text in grouped or text in commas:
                row = mine[str(key)]
                assert row["raw_value"] == text
                assert Decimal(row["new_value"]) == digits_value(text)
                rules = set(row["rule"].split(","))
                assert ("thousands_separator" in rules) == (text in grouped), row
                assert ("comma_decimal" in rules) == (text in commas), row
    assert found["t"]["montant_ttc"].issue("thousands_separator").detail == (
        "digits grouped by narrow no-break spaces (U+202F)"
    )


def test_spaced_digits_that_prove_no_convention_stay_text_every_cell_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "not_numbers.db", NOT_NUMBERS)
    found, result = profile_and_clean(path)
    audited = {row["column"] for row in result.audit.to_pylist()}
    for name, cells in NOT_NUMBERS.items():
        column = found["t"][name]
        assert (column.inferred_type, column.digit_groups) == ("text", None), (name, column.type_reason)
        assert result.data["t"].column(name).to_pylist() == cells, name
        assert name not in audited
    reasons = {name: found["t"][name].type_reason for name in NOT_NUMBERS}
    assert "may be one number or two" in reasons["one_group"]
    assert "more than one separator" in reasons["mixed_separators"]
    assert "both with a comma and with a point" in reasons["mixed_marks"]
    assert "beside numbers grouped by commas" in reasons["with_commas"]
    assert "no numbers in that convention" in reasons["free_text"]
    assert "by apostrophes beside decimal commas" in reasons["swiss_commas"]


#: Digits in groups of three, every value of one width: how libphonenumber writes a Czech, Polish,
#: Portuguese or Luxembourg number in its national format (django-phonenumber-field's
#: ``PHONENUMBER_DB_FORMAT = "NATIONAL"``), and a French SIREN: codes, whose digits only look grouped.
GROUPED_CODES: dict[str, list[str | None]] = {
    "telefon": ["601 123 456", "224 812 345", "777 000 111", "603 987 654", None, "731 555 012"],
    "siren": ["732 829 320", "552 100 554", "542 065 479", "", "775 670 417", "572 015 246"],
    "iban_tail": ["123 456 789 012", "210 987 654 321", "100 000 000 000", "999 999 999 999", None, None],
}
#: Grouped integers a number formatter wrote (a no-break, narrow or thin space: no one types those),
#: or of widths that vary, or of fewer than nine digits: amounts, read as before.
GROUPED_AMOUNTS: dict[str, list[str | None]] = {
    "budget_nnbsp": [f"125{NNBSP}000{NNBSP}000", f"310{NNBSP}500{NNBSP}000", f"999{NNBSP}999{NNBSP}999"] * 2,
    "budget_widths": ["125 000 000", "1 250 000", "31 050 000", "999 999 999", "7", "100 000 000"],
    "cena_bytu": ["3 500 000", "4 200 000", "2 950 000", "5 100 000", "3 990 000", None],
}


def test_digits_of_one_width_in_groups_are_codes_not_numbers_every_cell_kept(tmp_path: Path) -> None:
    found, result = profile_and_clean(write(tmp_path / "codes.db", GROUPED_CODES))
    audited = {row["column"] for row in result.audit.to_pylist()}
    for name, cells in GROUPED_CODES.items():
        column = found["t"][name]
        assert (column.inferred_type, column.digit_groups) == ("text", None), (name, column.type_reason)
        kept = [None if c == "" else c for c in cells]  # '' is no value (empty_to_null, audited)
        assert result.data["t"].column(name).to_pylist() == kept, name
        assert column.issue_count("thousands_separator") == 0, name
        assert "of one width" in (column.type_reason or ""), column.type_reason
        assert "thousands_separator" not in {
            row["rule"] for row in result.audit.to_pylist() if row["column"] == name
        }
    assert "telefon" not in audited
    found, result = profile_and_clean(write(tmp_path / "amounts.db", GROUPED_AMOUNTS))
    for name, cells in GROUPED_AMOUNTS.items():
        column = found["t"][name]
        assert column.inferred_type == "integer", (name, column.type_reason)
        got = result.data["t"].column(name).to_pylist()
        assert got == [None if c is None else int(digits_value(c)) for c in cells], name


def test_a_declared_key_whose_grouped_values_would_merge_is_loaded_as_written(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "keys.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE t (code TEXT PRIMARY KEY, n INTEGER)")
        con.executemany("INSERT INTO t VALUES (?, ?)", [("1 234,5", 1), ("1234,5", 2), ("12 345,5", 3)])
        con.execute("CREATE TABLE u (code TEXT PRIMARY KEY, n INTEGER)")
        con.executemany("INSERT INTO u VALUES (?, ?)", [("1 234,5", 1), ("1235,5", 2), ("12 345,5", 3)])
    con.close()
    found, result = profile_and_clean(path)
    merged, distinct = found["t"]["code"], found["u"]["code"]
    assert merged.as_written is not None and result["t"]["code"].type == "text"
    assert result.data["t"].column("code").to_pylist() == ["1 234,5", "1234,5", "12 345,5"]
    # Values that stay distinct as numbers are read as numbers.
    assert (distinct.as_written, distinct.inferred_type) == (None, "numeric")
    assert [Decimal(v) for v in result.data["u"].column("code").to_pylist()] == [
        Decimal("1234.5"),
        Decimal("1235.5"),
        Decimal("12345.5"),
    ]


def test_columnar_etl_run_lands_grouped_amounts_as_numeric_with_their_audit(
    tmp_path: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "invoice.db", {**INVOICE, "telephone": NOT_NUMBERS["telephone"]})
    settings, base, types = run_gates_open(path, tmp_path, pg_uri, monkeypatch, "groups")
    assert {name: types[name] for name in (*INVOICE, "telephone")} == {
        **dict.fromkeys(INVOICE, "numeric"),
        "stueck": "bigint",
        "telephone": "text",
    }
    names = ", ".join(f'"{name}"' for name in (*INVOICE, "telephone"))
    rows = pg_query(pg_uri, f'SELECT id, {names} FROM "{base}".t ORDER BY id')
    for row in rows:
        key = row[0]
        for position, name in enumerate(INVOICE, start=1):
            value = row[position]
            # The driver hands numeric over as its text.
            assert (None if value is None else Decimal(str(value))) == expected_cell(INVOICE[name][key - 1])
        assert row[-1] == NOT_NUMBERS["telephone"][key - 1]
    (run_dir,) = [p for p in Path(settings.runs_dir).iterdir() if p.is_dir()]
    audit = pq.read_table(run_dir / "audit.parquet").to_pylist()
    rows_of = {(row["column"], row["row_key"]): row for row in audit}
    first = rows_of[("montant_ttc", "1")]
    assert (first["raw_value"], first["new_value"], first["rule"]) == (
        f"39{NNBSP}924,83",
        "39924.83",
        "comma_decimal,thousands_separator",
    )
    swiss = rows_of[("betrag_chf", "5")]
    assert (swiss["raw_value"], Decimal(swiss["new_value"]), swiss["rule"]) == (
        "1'000'000",
        Decimal("1000000"),
        "thousands_separator",
    )
    assert not [row for row in audit if row["column"] == "telephone"]


def test_a_column_written_in_one_grouping_convention_costs_nothing_for_it(tmp_path: Path) -> None:
    """docs/profiling.md "Quality score": digits grouped by spaces or apostrophes are the column's one
    convention (proven only where every value is written so), and a decimal comma after them its own
    format: neither costs. Only the blank and the null token do, 4 points per 1 % of the rows each."""
    path = write(tmp_path / "invoice.db", INVOICE)
    found = profile(path, settings=load_settings(**GATES_OPEN)).tables["t"]
    for name, cells in INVOICE.items():
        rows = len(cells)
        blemished = sum(1 for c in cells if c is not None and c.strip() in ("", "NULL"))
        assert found[name].quality == pytest.approx(max(0.0, 100.0 - 4.0 * 100.0 * blemished / rows)), name
    # Before: each grouped cell charged twice (thousands_separator, comma_decimal), the column at 0.
    assert found["montant_ttc"].issue_count("thousands_separator") == 4
    assert found["montant_ttc"].quality == 100.0
