"""Numbers written with U+2212 MINUS SIGN (ICU/CLDR's sign for Swedish, Norwegian, Finnish ... locales, and
so their spreadsheets' exports): ``−1 234,50``, ``−3,5``, ``−12`` are read as numbers with ``-``, each
changed cell audited (``minus_sign``); a minus sign inside text (``5 − 3``, ``10−12``) and the other
dashes (an en dash, the small and full-width hyphen-minus) make no number: such columns stay text, every
cell as written. Expected values are computed here from the text's characters with Python's
``Decimal``, never by the package.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from columnar_etl.config import load_settings
from columnar_etl.pipeline.clean import clean
from columnar_etl.planning.build import build_plan
from columnar_etl.profiling.profile import profile

from .conftest import GATES_OPEN, pg_query, run_gates_open

MINUS, NBSP, NNBSP = "\u2212", "\u00a0", "\u202f"
SEPARATORS = (" ", NBSP, NNBSP, "'")


def written_value(text: str) -> Decimal:
    """The number ``text`` writes, from its characters alone: a leading ``-`` or U+2212 its sign, the
    last ``,`` or ``.`` its decimal mark (no exponent here: see :func:`exponent_value`), every other
    character a separator."""
    sign = "-" if text[0] in ("-", MINUS) else ""
    body = text[1:] if sign else text
    mark = max(body.rfind(","), body.rfind("."))
    whole, fraction = (body[:mark], body[mark + 1 :]) if mark >= 0 else (body, "")
    digits = "".join(ch for ch in whole if ch in "0123456789") or "0"
    return Decimal(f"{sign}{digits}.{fraction or '0'}")


def exponent_value(text: str) -> Decimal:
    """``text`` with an exponent: its mantissa by :func:`written_value`, shifted by its exponent."""
    if "e" not in text.lower():
        return written_value(text)
    mantissa, exponent = text.lower().split("e")
    return written_value(mantissa).scaleb(int(exponent))


#: A Swedish ledger export: amounts grouped by a no-break space (Excel) or a narrow one (ICU), with a
#: decimal comma, negatives written with U+2212; a column mixing both minus signs; point decimals, SI and
#: Swiss grouping and exponents with U+2212 before them.
LEDGER: dict[str, list[str | None]] = {
    "belopp": [
        f"{MINUS}1{NBSP}234,50",
        f"39{NBSP}924,83",
        f"{MINUS}3,5",
        "0,00",
        f"{MINUS}12{NBSP}345{NBSP}678,90",
        None,
    ],
    "saldo": [f"{MINUS}1{NNBSP}234,50", f"39{NNBSP}924,83", f"{MINUS}3,5", "0,00", f" {MINUS}0,75 ", ""],
    "antal": [f"{MINUS}12", "7", "-3", "0", f"{MINUS}1", "40"],
    "kurs": [f"{MINUS}3.5", "2.25", "-1.5", f"{MINUS}0.125", f"{MINUS}0.5", "12"],
    "si": [f"{MINUS}39 924.83", "1 234.50", "12.5", f"{MINUS}7", "0.25", "-2 000.5"],
    "chf": [f"{MINUS}1'234.50", "12'345.5", "0.25", "7", f"{MINUS}1'000'000", "-3.5"],
    "matt": [f"{MINUS}1.5e3", "2.5", "1e2", "-0.5", f"{MINUS}2.5E-2", "3"],
}
EXPONENTS = {"matt"}  # a column of exponent text is a double's (as with '-')
INTEGERS = {"antal"}
#: Minus signs inside text, before no digit, and the dashes not read: each column stays text.
NOT_NUMBERS: dict[str, list[str | None]] = {
    "uttryck": ["5 \u2212 3", "10\u221212", "7", "8", "9", "10"],
    "sidor": ["pages 10\u221212", f"{MINUS}12", "3", "4", "5", "6"],
    "ensamt": [MINUS, "3", "4", "5", "6", "7"],  # a sign alone: no number (and no null token: '-' is one)
    "dubbelt": [f"{MINUS}{MINUS}5", "3", "4", "5", "6", "7"],
    "tankstreck": ["\u20135", "3", "4", "5", "6", "7"],  # en dash: a range's as often as a minus
    "smalt": ["\ufe635", "3", "4", "5", "6", "7"],
    "helbredd": ["\uff0d5", "3", "4", "5", "6", "7"],
    "exponent_minus": [f"1e{MINUS}5", "3", "4", "5", "6", "7"],  # only a leading sign is read
}


def write(path: Path, columns: dict[str, list[str | None]]) -> Path:
    con = sqlite3.connect(path)
    with con:
        con.execute(f"CREATE TABLE t (id INTEGER PRIMARY KEY, {', '.join(f'{c} TEXT' for c in columns)})")
        marks = ", ".join("?" for _ in columns)
        rows = zip(*columns.values(), strict=True)
        con.executemany(f"INSERT INTO t VALUES (?, {marks})", [(i, *row) for i, row in enumerate(rows, 1)])
    con.close()
    return path


def expected_cell(name: str, text: str | None) -> Decimal | None:
    if text is None or text.strip() == "":
        return None
    text = text.strip()
    return exponent_value(text) if name in EXPONENTS else written_value(text)


def type_of(name: str) -> str:
    return "integer" if name in INTEGERS else "double" if name in EXPONENTS else "numeric"


def same(value: Any) -> float | Decimal | None:
    """A cleaned cell as compared: a double by its float, any other number as a Decimal."""
    if value is None:
        return None
    return float(value) if isinstance(value, float) else Decimal(str(value))


def profile_and_clean(path: Path) -> tuple[Any, Any]:
    config = load_settings(**GATES_OPEN)
    found = profile(path, settings=config)
    return found, clean(path, build_plan(found, settings=config), settings=config)


def minus_cells(cells: list[str | None]) -> list[str]:
    return [c for c in cells if c is not None and c.strip().startswith(MINUS)]


def test_numbers_written_with_the_minus_sign_are_read_and_each_audited_as_the_profile_counted(
    tmp_path: Path,
) -> None:
    found, result = profile_and_clean(write(tmp_path / "ledger.db", LEDGER))
    audit = result.audit.to_pylist()
    for name, cells in LEDGER.items():
        column, stats = found["t"][name], result["t"][name]
        want = [expected_cell(name, c) for c in cells]
        assert column.inferred_type == type_of(name), (
            name,
            column.type_reason,
        )
        got = result.data["t"].column(name).to_pylist()
        if name in EXPONENTS:
            want = [None if v is None else float(v) for v in want]
        assert [same(v) for v in got] == [same(v) for v in want], name
        # Bounds: the profile's are those of the values read, the U+2212 ones among them.
        present = [v for v in want if v is not None]
        assert (Decimal(str(column.min)), Decimal(str(column.max))) == (min(present), max(present)), name
        # What the profile counted is what the cleaner changed, cell for cell.
        signed = minus_cells(cells)
        assert column.issue_count("minus_sign") == stats.minus_signs_read == len(signed), name
        assert stats.quarantined == column.invalid_count == 0, name
        mine = {row["row_key"]: row for row in audit if row["column"] == name}
        for key, text in enumerate(cells, start=1):
            if text is None or text.strip() == "":
                continue
            rules = set(mine[str(key)]["rule"].split(",")) if str(key) in mine else set()
            assert ("minus_sign" in rules) == (text in signed), (name, text, rules)
            if text in signed:
                row = mine[str(key)]
                assert row["raw_value"] == text
                assert Decimal(row["new_value"]) == expected_cell(name, text)
                assert ("comma_decimal" in rules) == ("," in text), row
                assert ("thousands_separator" in rules) == any(s in text.strip() for s in SEPARATORS), row
                assert ("trim" in rules) == (text != text.strip()), row
    # Its examples: the smallest raw values written so.
    assert found["t"]["belopp"].issue("minus_sign").examples == tuple(sorted(minus_cells(LEDGER["belopp"])))
    assert "U+2212" in (found["t"]["belopp"].issue("minus_sign").detail or "")
    # The sign is the locale's, read exactly: it costs the quality score nothing.
    assert found["t"]["antal"].quality == 100.0


def test_a_minus_sign_inside_text_or_another_dash_keeps_the_column_text_cell_for_cell(tmp_path: Path) -> None:
    found, result = profile_and_clean(write(tmp_path / "text.db", NOT_NUMBERS))
    audited = {row["column"] for row in result.audit.to_pylist()}
    for name, cells in NOT_NUMBERS.items():
        column = found["t"][name]
        assert column.inferred_type == "text", (name, column.type_reason)
        assert column.issue_count("minus_sign") == 0, name
        assert result.data["t"].column(name).to_pylist() == cells, name
        assert name not in audited, name
        # A text column's bounds are of its text as written (code point order, as DuckDB's bytes).
        assert (column.min, column.max) == (min(cells), max(cells)), name


def test_a_declared_key_the_minus_sign_would_merge_is_loaded_as_written(tmp_path: Path) -> None:
    path = tmp_path / "keys.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE t (code TEXT PRIMARY KEY, n INTEGER)")
        con.executemany("INSERT INTO t VALUES (?, ?)", [(f"{MINUS}5", 1), ("-5", 2), ("7", 3)])
        con.execute("CREATE TABLE u (code TEXT PRIMARY KEY, n INTEGER)")
        con.executemany("INSERT INTO u VALUES (?, ?)", [(f"{MINUS}5", 1), ("5", 2), ("7", 3)])
    con.close()
    found, result = profile_and_clean(path)
    merged, distinct = found["t"]["code"], found["u"]["code"]
    assert merged.as_written is not None and result["t"]["code"].type == "text"
    assert result.data["t"].column("code").to_pylist() == [f"{MINUS}5", "-5", "7"]
    assert (distinct.as_written, distinct.inferred_type) == (None, "integer")
    assert result.data["u"].column("code").to_pylist() == [-5, 5, 7]


def quartile(values: list[float], p: float) -> float:
    """DuckDB's quantile_cont: linear interpolation between the order statistics around (n - 1) * p."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * p
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def test_the_outlier_quartiles_read_the_minus_sign_as_the_cleaner_does(tmp_path: Path) -> None:
    cells = [f"{MINUS}{n},5" for n in range(10, 30)] + [f"{NNBSP}1{NNBSP}000,0", "900,0", f" {MINUS}11,25"]
    path = write(tmp_path / "spread.db", {"belopp": cells})
    _, result = profile_and_clean(path)
    values = [float(expected_cell("belopp", c) or 0) for c in cells]
    q1, q3 = quartile(values, 0.25), quartile(values, 0.75)
    factor = load_settings().outlier_iqr_factor
    fence = (q1 - factor * (q3 - q1), q3 + factor * (q3 - q1))
    stats = result["t"]["belopp"]
    assert stats.outlier_fence == pytest.approx(fence)
    assert stats.outliers == sum(1 for v in values if not fence[0] <= v <= fence[1]) == 2


def test_columnar_etl_run_lands_a_swedish_ledger_as_numeric_with_its_audit(
    tmp_path: Path, pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    columns = {**LEDGER, "uttryck": NOT_NUMBERS["uttryck"], "tankstreck": NOT_NUMBERS["tankstreck"]}
    path = write(tmp_path / "ledger.db", columns)
    settings, base, types = run_gates_open(path, tmp_path, pg_uri, monkeypatch, "minus")
    assert {name: types[name] for name in columns} == {
        **dict.fromkeys(LEDGER, "numeric"),
        "antal": "bigint",
        "matt": "double precision",
        "uttryck": "text",
        "tankstreck": "text",
    }
    names = ", ".join(f'"{name}"' for name in columns)
    rows = pg_query(pg_uri, f'SELECT id, {names} FROM "{base}".t ORDER BY id')
    assert len(rows) == 6
    for row in rows:
        key = row[0]
        for position, name in enumerate(columns, start=1):
            value, text = row[position], columns[name][key - 1]
            if name in LEDGER:
                want = expected_cell(name, text)
                if name in EXPONENTS:
                    assert value == (None if want is None else float(want)), name
                else:  # the driver hands numeric over as its text
                    assert (None if value is None else Decimal(str(value))) == want, name
            else:
                assert value == text, name
    (run_dir,) = [p for p in Path(settings.runs_dir).iterdir() if p.is_dir()]
    audit = pq.read_table(run_dir / "audit.parquet").to_pylist()
    rows_of = {(row["column"], row["row_key"]): row for row in audit}
    first = rows_of[("belopp", "1")]
    assert (first["raw_value"], first["new_value"], first["rule"]) == (
        f"{MINUS}1{NBSP}234,50",
        "-1234.50",
        "comma_decimal,thousands_separator,minus_sign",
    )
    for name in LEDGER:
        for key, text in enumerate(LEDGER[name], start=1):
            if text in minus_cells(LEDGER[name]):
                assert "minus_sign" in rows_of[(name, str(key))]["rule"].split(","), (name, text)
    assert not [row for row in audit if row["column"] in ("uttryck", "tankstreck")]
