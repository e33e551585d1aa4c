"""Numbers written consistently with US/UK thousands commas (``1,234.50`` beside ``850.25``) are
written in their column's own format, not dirty (docs/profiling.md "Quality score"): an American
export passes the gate and loads every cell converted and audited as before; mixing grouped and
ungrouped numbers of a thousand or more costs the fewer way. Expected scores are computed here, by
the documented formula, from the values the test wrote."""

from __future__ import annotations

import random
import re
import sqlite3
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from rich.console import Console

from columnar_etl import profile
from columnar_etl.config import Settings
from columnar_etl.report.console import render_profile_console

from .conftest import SqliteFactory, pg_query, run_settings, run_with_dashboard
from .quality_formula import HALT_QUALITY, column_score, export_score

#: A number written with commas grouping thousands, as a person reads one (not the package's pattern).
GROUPED = re.compile(r"-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?")


def grouped(values: list[Any]) -> int:
    """The values written with thousands commas."""
    return sum(1 for v in values if isinstance(v, str) and GROUPED.fullmatch(v))


def ungrouped(values: list[Any]) -> int:
    """The values written (text: a number bound by a program is written no way) as a number of a
    thousand or more without grouping: ``2345.00``, ``-4500``, ``1.5e3``."""
    return sum(1 for v in values if isinstance(v, str) and "," not in v and abs(Decimal(v)) >= 1000)


def charged(values: list[Any]) -> int:
    """The documented rule: where the grouped way holds more of the numbers of a thousand or more, the
    values written otherwise cost; else every grouped value costs (``thousands_separator``)."""
    written, other = grouped(values), ungrouped(values)
    return other if written > other else written


def us(amount: Decimal) -> str:
    """An amount as a US-locale tool writes it: ``1,234.50``, ``850.25``."""
    return f"{amount:,.2f}"


def us_export(path: Path, seed: int = 5) -> dict[str, list[tuple[Any, ...]]]:
    """An American billing quarter: invoices whose amounts a US-locale tool wrote with thousands commas
    (most nets and grosses are over a thousand, some taxes), one deposit column whose clerk now and
    then typed a big amount without them. Returns the rows written, per table."""
    rng = random.Random(seed)
    invoices = []
    for n in range(1, 401):
        net = Decimal(rng.randrange(1_000, 900_000)) / 100
        tax = (net * Decimal("0.19")).quantize(Decimal("0.01"))
        issued = (date(2025, 1, 1) + timedelta(days=rng.randrange(90))).isoformat()
        deposit = (net / 2).quantize(Decimal("0.01"))
        # One in ten deposits of a thousand or more is typed without grouping (mixing: they cost).
        deposit_text = f"{deposit:.2f}" if deposit >= 1000 and n % 10 == 0 else us(deposit)
        invoices.append((n, issued, us(net), us(tax), us(net + tax), deposit_text))
    con = sqlite3.connect(path)
    with con:
        # NUMERIC affinity: SQLite stores 850.25 as a REAL, keeps 1,234.50 as TEXT (as a tool's file).
        con.execute(
            "CREATE TABLE invoice (id INTEGER PRIMARY KEY, issued TEXT, net TEXT, tax TEXT, "
            "gross NUMERIC, deposit TEXT)"
        )
        con.executemany("INSERT INTO invoice VALUES (?, ?, ?, ?, ?, ?)", invoices)
    con.close()
    return {"invoice": invoices}


@pytest.fixture
def settings(tmp_path: Path, pg_uri: str) -> Settings:
    return run_settings(tmp_path, pg_uri)


def test_a_us_locale_export_passes_the_gate_and_loads_every_cell_converted_and_audited(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "billing.db"
    invoices = us_export(export)["invoice"]
    rows = len(invoices)
    amounts = {
        name: [row[i] for row in invoices] for i, name in enumerate(("net", "tax", "gross", "deposit"), 2)
    }
    # Every column proves its commas group thousands (1,234.50), and consistent ones are written so.
    assert all(grouped(values) for values in amounts.values())
    assert [ungrouped(amounts[name]) for name in ("net", "tax", "gross")] == [0, 0, 0]
    assert 0 < ungrouped(amounts["deposit"]) < grouped(amounts["deposit"])
    expected = export_score(
        {"invoice": (rows, [100.0, 100.0, *(column_score(rows, charged(v)) for v in amounts.values())])}
    )
    # Charged as dirt (every grouped value, as until 2026-12-02), the same export halted.
    before = export_score(
        {"invoice": (rows, [100.0, 100.0, *(column_score(rows, grouped(v)) for v in amounts.values())])}
    )
    assert before < HALT_QUALITY < expected < 100.0

    record, profiled = run_with_dashboard(
        export,
        settings,
        monkeypatch,
        '-- name: gross_per_day\nSELECT "issued", sum("gross") FROM {schema}."invoice" GROUP BY 1;\n',
    )
    assert record["quality_before"] == pytest.approx(expected, abs=0.005)
    run_dir = Path(settings.runs_dir) / record["run_id"]
    assert profiled["gate"]["status"] == "pass"
    uri = str(settings.target)
    columns = {c["name"]: c for t in profiled["tables"] for c in t["columns"]}
    assert {name: (columns[name]["own_format"], columns[name]["format_misfits"]) for name in amounts} == {
        "net": ("thousands comma", 0),
        "tax": ("thousands comma", 0),
        "gross": ("thousands comma", 0),
        "deposit": ("thousands comma", ungrouped(amounts["deposit"])),
    }
    # Operators still see every grouped value the load converts.
    assert {
        name: {i["kind"]: i["count"] for i in columns[name]["issues"]}["thousands_separator"]
        for name in amounts
    } == {name: grouped(values) for name, values in amounts.items()}

    # The load: every amount the number its text says, commas removed.
    schema = record["version_schema"]
    loaded = pg_query(uri, f'SELECT id, issued, net, tax, gross, deposit FROM "{schema}".invoice ORDER BY id')
    assert [(row[0], str(row[1]), *(Decimal(str(v)) for v in row[2:])) for row in loaded] == [
        (n, issued, *(Decimal(v.replace(",", "")) for v in values)) for n, issued, *values in invoices
    ]
    # Every changed cell is in the audit, by its row's key: the grouped amounts, and no other.
    audit = pq.read_table(run_dir / "audit.parquet").to_pylist()
    names = ("id", "issued", "net", "tax", "gross", "deposit")
    changed = {
        (str(row[0]), names[i], value)
        for row in invoices
        for i, value in enumerate(row)
        if isinstance(value, str) and "," in value
    }
    assert {(a["row_key"], a["column"], a["raw_value"]) for a in audit} == changed
    assert len(audit) == len(changed)


ROWS = 200


def _big(i: int) -> Decimal:
    """An amount of a thousand or more (1,010.00 to about 37 thousand), from ``i``."""
    return Decimal(1000 + i * 17_989) / 100 + 1000


def _small(i: int) -> str:
    """An amount under a thousand, written the one way there is (``0.50`` to ``999.99``)."""
    return f"{(i * 7919) % 99_950 / 100 + 0.5:.2f}"


def _grouped_mostly(i: int) -> str:
    """Six in ten grouped (``1,234.50``), one typed without (``2345.00``; one of them ``1.5e3``)."""
    if i % 10 < 6:
        return us(_big(i))
    if i % 10 == 6:
        return "1.5e3" if i == 16 else f"{_big(i):.2f}"
    return _small(i)


def _integer(i: int) -> str:
    """Integers grouped (``3,000,009``, ``-12,501``, ``1,000``), and at the edge (``999``, ``-999``,
    ``1000``: the one of them to group) or small."""
    if i % 5 == 0:
        return f"{(i + 1) * 1_000_003:,}"
    if i % 5 == 1:
        return f"-{12_500 + i:,}"
    if i % 5 == 2:
        return "1,000"
    return ("999", "-999", "1000", "12")[i % 4]


def test_mixing_grouped_and_ungrouped_costs_the_fewer_way(make_sqlite: SqliteFactory) -> None:
    """Each column writes its numbers of a thousand or more with commas, without, or both; the score
    charges, by the documented rule, the values written the fewer way, whichever it is."""
    columns: dict[str, list[Any]] = {
        # A US amount column: every number of a thousand or more grouped; the rest has no group.
        "us_amounts": [us(_big(i)) if i % 10 < 3 else _small(i) for i in range(ROWS)],
        # Mostly grouped, some typed without (2345.00), one in exponent notation (1.5e3).
        "grouped_mostly": [_grouped_mostly(i) for i in range(ROWS)],
        # Mostly without grouping (negative: -2345.00), some grouped: the grouped cost, as ever.
        "ungrouped_mostly": [
            f"-{_big(i):.2f}" if i % 10 < 6 else us(_big(i)) if i % 10 == 6 else _small(i)
            for i in range(ROWS)
        ],
        # As many one way as the other: the grouped cost (the canonical way holds as many).
        "as_many": [
            us(_big(i)) if i % 4 == 0 else f"{_big(i):.2f}" if i % 4 == 1 else _small(i) for i in range(ROWS)
        ],
        # Integers: 3,000,000, -12,500 and 1,000 grouped; 999, -999 and 1000 at the edge.
        "integers": [_integer(i) for i in range(ROWS)],
        # Under a thousand only: no group to write, no comma read, nothing changes.
        "small_only": [_small(i) for i in range(ROWS)],
        # Big numbers never grouped: no comma, no issue, as ever.
        "never_grouped": [f"{_big(i):.2f}" if i % 2 else _small(i) for i in range(ROWS)],
        # 1,234 in free text (and alone, a third of it): text, untouched; none of it costs.
        "free_text": [f"shipped {i:,} of 1,234 items" if i % 3 else "1,234" for i in range(ROWS)],
    }
    names = list(columns)
    ddl = "CREATE TABLE t (" + ", ".join(f"{name} TEXT" for name in names) + ")"
    export = make_sqlite({"t": (ddl, list(zip(*columns.values(), strict=True)))})
    costs = {name: charged(values) for name, values in columns.items()}
    # The columns mix as described (the rule's inputs, counted here from the values written).
    assert {name: (grouped(v), ungrouped(v)) for name, v in columns.items()} == {
        "us_amounts": (60, 0),
        "grouped_mostly": (120, 19 + 1),
        "ungrouped_mostly": (20, 120),
        "as_many": (50, 50),
        "integers": (120, 20),
        "small_only": (0, 0),
        "never_grouped": (0, 100),
        "free_text": (67, 0),
    }
    costs["free_text"] = 0  # no number column: its 1,234 is a value among words
    assert costs == {
        "us_amounts": 0,
        "grouped_mostly": 20,
        "ungrouped_mostly": 20,
        "as_many": 50,
        "integers": 20,
        "small_only": 0,
        "never_grouped": 0,
        "free_text": 0,
    }
    result = profile(export)
    table = result.tables["t"]
    assert {name: round(table[name].quality, 6) for name in names} == {
        name: round(column_score(ROWS, cells), 6) for name, cells in costs.items()
    }
    assert result.quality == pytest.approx(
        export_score({"t": (ROWS, [column_score(ROWS, costs[name]) for name in names])})
    )
    assert [(table[n].comma, table[n].own_format, table[n].format_misfits) for n in names] == [
        ("thousands", "thousands comma", 0),
        ("thousands", "thousands comma", 20),
        ("thousands", None, 0),
        ("thousands", None, 0),
        ("thousands", "thousands comma", 20),
        (None, None, 0),
        (None, None, 0),
        (None, None, 0),
    ]
    # Every grouped value is still counted, whatever it costs.
    assert {n: table[n].issue_count("thousands_separator") for n in names} == {
        n: grouped(v) if table[n].comma == "thousands" else 0 for n, v in columns.items()
    }
    assert table["free_text"].inferred_type == "text" and not table["free_text"].issues
    # The console says which counts are a column's own format, not dirt (with none written otherwise).
    console = Console(record=True, width=400)
    render_profile_console(result, console, worst=len(names))
    text = console.export_text()
    own = {name for name in names if f"t.{name} " in text and "(its format)" in _line(text, f"t.{name} ")}
    assert own == {"us_amounts"}


def _line(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.strip().startswith(start))


def test_number_cells_count_as_written_only_where_sqlite_made_them_of_text(
    make_sqlite: SqliteFactory,
) -> None:
    """Under NUMERIC affinity SQLite stores ``2345.00`` as the INTEGER 2345 and ``2345.50`` as a REAL:
    a person may have typed them without grouping, and they cost beside ``1,234.50``. Under BLOB
    affinity (no declared type) a number cell was bound as a number by a program: written no way, it
    costs neither beside thousands commas nor beside decimal commas (``3,5``)."""
    typed_plain = [f"{_big(i):.2f}" if i % 2 else f"{_big(i) + Decimal('0.5'):.0f}.00" for i in range(ROWS)]
    columns: dict[str, list[Any]] = {
        # Text typed by a person; SQLite keeps 1,234.50 as TEXT and makes numbers of the others.
        "numeric_typed": [
            us(_big(i)) if i % 10 < 7 else typed_plain[i] if i % 10 < 9 else _small(i) for i in range(ROWS)
        ],
        # The same amounts, the ungrouped ones bound as numbers by a program (float and int).
        "bound": [
            us(_big(i))
            if i % 10 < 7
            else float(_big(i))
            if i % 10 == 7
            else int(_big(i))
            if i % 10 == 8
            else float(_small(i))
            for i in range(ROWS)
        ],
        # Decimal commas beside numbers bound as such: the commas are the only writing.
        "commas_bound": [f"{i % 90},{i % 9 + 1}" if i >= 30 else i + 0.25 for i in range(ROWS)],
    }
    ddl = "CREATE TABLE t (numeric_typed NUMERIC, bound, commas_bound)"
    export = make_sqlite({"t": (ddl, list(zip(*columns.values(), strict=True)))})
    result = profile(export)
    table = result.tables["t"]
    classes = {name: table[name].storage_classes for name in columns}
    # SQLite's affinity did what the docstring says: the typed ungrouped amounts are number cells.
    assert classes["numeric_typed"]["text"] == grouped(columns["numeric_typed"])
    assert classes["numeric_typed"].get("integer", 0) + classes["numeric_typed"].get("real", 0) == (
        ROWS - grouped(columns["numeric_typed"])
    )
    assert ungrouped(columns["bound"]) == 0 and grouped(columns["bound"]) == grouped(columns["numeric_typed"])
    misfits = charged(columns["numeric_typed"])
    assert 0 < misfits == ungrouped(columns["numeric_typed"]) < grouped(columns["numeric_typed"])
    assert [(table[n].own_format, table[n].format_misfits) for n in columns] == [
        ("thousands comma", misfits),
        ("thousands comma", 0),
        ("decimal comma", 0),
    ]
    assert {name: round(table[name].quality, 6) for name in columns} == {
        "numeric_typed": round(column_score(ROWS, misfits), 6),
        "bound": 100.0,
        "commas_bound": 100.0,
    }
