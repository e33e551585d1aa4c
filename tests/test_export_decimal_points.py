"""Numbers such as ``317.250`` (a point before exactly three digits, every one of them) are 317.25, or,
where a point groups thousands (German, Italian, Danish exports), 317250: a column of them alone
proves neither. Since 2026-12-05 the export's other columns decide, as its other date columns decide
a slash date's order: where a column of numbers elsewhere writes a point decimal no thousands group
can be (``0.173``, ``4.75``) as TEXT and no column of the export writes a decimal comma, they are
decimals (numeric, a note naming the witnesses). Controls: no witness, a witness beside a decimal
comma elsewhere, and a witness of REAL cells only (a program's numbers, written in no format) leave
the column text, every value as written.

Expected values come from the rows written here (Python's Decimal of each text), not from the code
under test.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from decimal import Decimal
from pathlib import Path

from columnar_etl import profile

from .conftest import primary_key
from .lossless_check import summarize
from .test_lossless import load_and_check

DAYS = 20
#: A day's energy, always written with three decimals (``317.250``): each a dot group of three.
ENERGY = [f"{300 + 17.25 * i:.3f}" for i in range(DAYS)]
#: A column of the same export written with a point decimal no group can be (``0.173``, ``4.75``).
WITNESS = [f"{(i * 0.173) % 4:.3f}" if i % 3 else f"{i * 0.25:.2f}" for i in range(DAYS)]


def _export(path: Path, *, witness: str | None = "text") -> Path:
    """``summary`` of the three-decimal energies; ``record`` holds the other column: TEXT point
    decimals (``text``), the same as decimal commas (``comma``), REAL cells (``real``) or none."""
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE summary (day TEXT, energy TEXT, goal TEXT)")
        con.executemany(
            "INSERT INTO summary VALUES (?, ?, ?)",
            [(f"2019-10-{1 + i:02d}", ENERGY[i], "600") for i in range(DAYS)],
        )
        con.execute("CREATE TABLE record (id INTEGER PRIMARY KEY, value TEXT, amount)")
        for i in range(DAYS):
            value: object = None
            if witness == "text":
                value = WITNESS[i]
            elif witness == "comma":
                value = WITNESS[i].replace(".", ",")
            amount = float(WITNESS[i]) if witness == "real" else None
            con.execute("INSERT INTO record VALUES (?, ?, ?)", (i, value, amount))
    return path


def test_three_decimal_numbers_are_decimals_where_the_exports_other_columns_write_a_point(
    tmp_path: Path,
) -> None:
    tables = profile(_export(tmp_path / "health.db"))
    witness = tables["record"]["value"]
    assert witness.inferred_type == "numeric", witness.type_reason
    energy = tables["summary"]["energy"]
    assert energy.inferred_type == "numeric", energy.type_reason
    assert energy.max_scale == 3
    assert energy.min == Decimal(ENERGY[0]) and energy.max == Decimal(ENERGY[-1])
    assert energy.notes == [
        f"{DAYS} numbers such as 1.200 read as decimals: the export's other columns of numbers "
        "(record.value) write a point as the decimal mark, and none a decimal comma"
    ]
    # Nothing else is read differently: the goals are integers, the days dates.
    assert tables["summary"]["goal"].inferred_type == "integer"
    assert tables["summary"]["day"].inferred_type == "date"


def test_without_a_witness_or_beside_a_decimal_comma_the_numbers_stay_text(tmp_path: Path) -> None:
    for witness in (None, "comma", "real"):
        tables = profile(_export(tmp_path / f"health_{witness}.db", witness=witness))
        energy = tables["summary"]["energy"]
        assert energy.inferred_type == "text", (witness, energy.type_reason)
        assert "may be 1.2 or (a point grouping thousands) 1200" in energy.type_reason, witness
        assert energy.notes == [], witness
    # The decimal commas are read as such: it is their export that writes a point to group thousands.
    assert profile(tmp_path / "health_comma.db")["record"]["value"].inferred_type == "numeric"


def test_the_decimals_load_as_numeric_every_cell_equal_to_its_text(pg_uri: str, tmp_path: Path) -> None:
    path = _export(tmp_path / "health.db")
    ran = load_and_check(path, pg_uri, tmp_path)
    assert not ran.violations, summarize(ran.violations)
    assert (ran.result.exit_code, ran.result.outcome) == (0, "done")
    assert ran.data_type("summary", "energy") == "numeric"
    assert ran.pg_types("summary")["energy"] == "numeric(18,3)"
    loaded = {day: Decimal(str(value)) for day, value in ran.values("summary", "energy", "day").items()}
    assert loaded == {date(2019, 10, 1 + i): Decimal(text) for i, text in enumerate(ENERGY)}
    # Each value is the number its text says (no thousands read into it): no audit row is needed.
    assert [row for row in ran.log("audit") if row["column"] == "energy"] == []


def test_numbers_of_a_thousand_grouped_beside_plain_integers_stay_text(tmp_path: Path) -> None:
    """German stock quantities: ``1.200`` (1200) beside ``850`` in one column is a writer grouping the
    numbers of a thousand or more, whatever the export's other columns write: text, as written. A
    ``0`` beside three-decimal numbers is how that writer writes nothing at all: they are read."""
    path = tmp_path / "stock.db"
    quantities = ["1.200", "850", "15.000", "999", "2.400", "12"]
    energies = ["0", "317.250", "0", "334.500", "351.750", "0"]
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE stock (id INTEGER PRIMARY KEY, menge TEXT, energy TEXT, weight TEXT)")
        con.executemany(
            "INSERT INTO stock VALUES (?, ?, ?, ?)",
            [(i, quantities[i], energies[i], WITNESS[i]) for i in range(len(quantities))],
        )
    table = profile(path)["stock"]
    assert table["weight"].inferred_type == "numeric"
    assert table["menge"].inferred_type == "text", table["menge"].type_reason
    assert table["menge"].notes == []
    assert table["energy"].inferred_type == "numeric", table["energy"].type_reason
    assert table["energy"].max == Decimal("351.750")


def test_numbers_reread_as_decimals_are_no_key_found_in_the_data(pg_uri: str, tmp_path: Path) -> None:
    """A key found in the data is an integer, text or short bytes column (data_keys.data_key); the energies,
    unique text when each table's key was found, are decimals once the export's other columns prove
    the point, and a measurement is no key: the table keeps none (its days are dates), and the target
    declares no PRIMARY KEY on them. Until 2026-12-05 an Apple Health export's ``activity_summary`` was keyed,
    and loaded with a PRIMARY KEY, on ``activeEnergyBurned`` (numeric(18,3))."""
    path = _export(tmp_path / "health.db")
    summary = profile(path)["summary"]
    assert summary["energy"].inferred_type == "numeric"
    assert (summary.key, summary.key_found) == ([], None)
    ran = load_and_check(path, pg_uri, tmp_path)
    assert not ran.violations, summarize(ran.violations)
    assert (ran.result.exit_code, ran.result.outcome) == (0, "done")
    assert primary_key(pg_uri, ran.result.record.version_schema, "summary") == []
    # A key the rule finds all the same is kept: the same export with an integer unique in every row.
    keyed = tmp_path / "keyed.db"
    _export(keyed)
    with closing(sqlite3.connect(keyed)) as con, con:
        con.execute("ALTER TABLE summary ADD COLUMN serial INTEGER")
        # A counter numbering the rows (1..20): a key however few rows (since 2026-12-06, a unique
        # column of a small table named for nothing is one only so; keys.data_key).
        con.execute("UPDATE summary SET serial = rowid")
    summary = profile(keyed)["summary"]
    assert summary["energy"].inferred_type == "numeric"
    assert (summary.key, summary.key_found) == (["serial"], "data_unique")
