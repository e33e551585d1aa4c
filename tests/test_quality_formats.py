"""A column written one regional way is written in its format, not dirty (docs/profiling.md "Quality
score"): a European-locale export passes the gate and loads every cell converted and audited; mixing
ways, and dates whose order nothing proves, still cost points. Expected scores are computed here, by
the documented formula, from the values the test wrote."""

from __future__ import annotations

import json
import random
import sqlite3
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pyarrow.parquet as pq
import pytest
from rich.console import Console

from columnar_etl import profile
from columnar_etl.config import Settings, load_settings
from columnar_etl.pipeline.clean import clean
from columnar_etl.planning.build import build_plan
from columnar_etl.profiling.quality import score_column
from columnar_etl.report.console import render_profile_console

from .conftest import SMALL_FIXTURE, SqliteFactory, pg_query, run_settings, run_with_dashboard, truth_quality
from .lossless_check import check_run, summarize
from .quality_formula import COSMETIC, HALT_QUALITY, column_score, export_score
from .test_lossless import GATES_OPEN, load_and_check


def _stamp(rng: random.Random) -> datetime:
    return datetime(2025, 1, 1) + timedelta(minutes=rng.randrange(0, 180 * 24 * 60))


def _amount(rng: random.Random) -> str:
    return f"{rng.randrange(0, 5000)},{rng.randrange(100):02d}"


def european_export(path: Path, seed: int = 11) -> dict[str, list[tuple[Any, ...]]]:
    """A help desk's quarter written by a German-locale tool: dates ``DD.MM.YYYY HH:MM`` and
    ``DD/MM/YYYY`` (day first: days past the 12th prove it), amounts with a decimal comma; some
    closings not yet done (NULL) or blank. Returns the rows written, per table."""
    rng = random.Random(seed)
    cases = []
    for n in range(1, 301):
        opened = _stamp(rng)
        closed = opened + timedelta(minutes=rng.randrange(30, 20_000))
        state = rng.random()
        closed_text = None if state < 0.15 else "" if state < 0.2 else closed.strftime("%d.%m.%Y %H:%M")
        due = (opened + timedelta(days=rng.randrange(1, 30))).strftime("%d/%m/%Y")
        # NUMERIC affinity: a whole "4" is stored as INTEGER 4, "3,5" stays TEXT (as such a tool's file).
        effort = (
            str(rng.randrange(1, 9))
            if rng.random() < 0.2
            else f"{rng.randrange(0, 9)},{rng.choice((25, 5, 75))}"
        )
        cases.append((n, opened.strftime("%d.%m.%Y %H:%M"), closed_text, due, _amount(rng), effort))
    bookings = []
    for n in range(1, 801):
        booked = _stamp(rng).strftime("%d.%m.%Y")
        bookings.append((n, rng.randrange(1, 301), booked, _amount(rng)))
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE vorgang (nr INTEGER PRIMARY KEY, eroeffnet TEXT, erledigt TEXT, faellig TEXT, "
            "betrag TEXT, aufwand NUMERIC)"
        )
        con.executemany("INSERT INTO vorgang VALUES (?, ?, ?, ?, ?, ?)", cases)
        con.execute(
            "CREATE TABLE buchung (nr INTEGER PRIMARY KEY, vorgang INTEGER REFERENCES vorgang (nr), "
            "gebucht TEXT, menge TEXT)"
        )
        con.executemany("INSERT INTO buchung VALUES (?, ?, ?, ?)", bookings)
    con.close()
    return {"vorgang": cases, "buchung": bookings}


@pytest.fixture
def settings(tmp_path: Path, pg_uri: str) -> Settings:
    return run_settings(tmp_path, pg_uri)


def run_checked(
    export: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch, table: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """``run`` of ``export`` (a dashboard counting ``table``'s rows), every cell checked by the lossless
    checker; its run.json and its audit rows."""
    record, _ = run_with_dashboard(
        export, settings, monkeypatch, f"-- name: {table}\nSELECT count(*) FROM {{schema}}.{table};\n"
    )
    run_dir = Path(settings.runs_dir) / record["run_id"]
    violations = check_run(
        SimpleNamespace(run_dir=run_dir), export, str(settings.target), settings.base_schema
    )
    assert violations == [], summarize(violations)
    return record, pq.read_table(run_dir / "audit.parquet").to_pylist()


def test_a_european_locale_export_passes_the_gate_and_loads_every_cell_converted_and_audited(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "quartal.db"
    written = european_export(export)
    cases, bookings = written["vorgang"], written["buchung"]
    blanks = sum(1 for row in cases if row[2] == "")
    # By the documented formula: each column written in its own format costs nothing; the blank
    # closings are empty strings (fixable, 4 points per 1 %).
    expected = export_score(
        {
            "vorgang": (len(cases), [100.0, 100.0, column_score(len(cases), blanks), 100.0, 100.0, 100.0]),
            "buchung": (len(bookings), [100.0, 100.0, 100.0, 100.0]),
        }
    )
    # Charged as dirt (every date and comma decimal), the same export fell below the floor.
    text_efforts = sum(1 for row in cases if "," in row[5])
    before = export_score(
        {
            "vorgang": (
                len(cases),
                [
                    100.0,
                    0.0,
                    column_score(len(cases), sum(row[2] is not None for row in cases)),
                    0.0,
                    0.0,
                    column_score(len(cases), text_efforts),
                ],
            ),
            "buchung": (len(bookings), [100.0, 100.0, 0.0, 0.0]),
        }
    )
    assert before < HALT_QUALITY < expected

    # The help desk's own dashboard (the bundled one names the fixture's tables): it needs the types.
    record, profiled = run_with_dashboard(
        export,
        settings,
        monkeypatch,
        "-- name: amount_per_month\n"
        'SELECT date_trunc(\'month\', "eroeffnet") AS month, sum("betrag")\n'
        'FROM {schema}."vorgang" GROUP BY 1;\n',
    )
    assert record["quality_before"] == pytest.approx(expected, abs=0.005)
    run_dir = Path(settings.runs_dir) / record["run_id"]
    assert profiled["gate"]["status"] == "pass"
    uri = str(settings.target)
    columns = {(t["name"], c["name"]): c for t in profiled["tables"] for c in t["columns"]}
    # Operators still see what was converted, and by which format.
    opened = columns[("vorgang", "eroeffnet")]
    assert (opened["own_format"], opened["format_misfits"]) == (
        "%d.%m.%Y",
        0,
    )  # its dates written the one way, times or none
    assert {i["kind"]: i["count"] for i in opened["issues"]}["non_iso_date"] == len(cases)

    schema = record["version_schema"]
    types = pg_query(
        uri,
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        f"WHERE table_schema = '{schema}' ORDER BY table_name, ordinal_position",
    )
    assert [(t, c, kind) for t, c, kind in types if kind != "bigint"] == [
        ("buchung", "gebucht", "date"),
        ("buchung", "menge", "numeric"),
        ("vorgang", "eroeffnet", "timestamp without time zone"),
        ("vorgang", "erledigt", "timestamp without time zone"),
        ("vorgang", "faellig", "date"),
        ("vorgang", "betrag", "numeric"),
        ("vorgang", "aufwand", "numeric"),
    ]
    # numeric comes back as its text: compared as the decimals they are.
    loaded = [
        (*row[:4], Decimal(row[4]), Decimal(row[5]))
        for row in pg_query(
            uri,
            f'SELECT nr, eroeffnet, erledigt, faellig, betrag, aufwand FROM "{schema}".vorgang ORDER BY nr',
        )
    ]
    assert loaded == [
        (
            nr,
            datetime.strptime(opened_text, "%d.%m.%Y %H:%M"),
            datetime.strptime(closed, "%d.%m.%Y %H:%M") if closed else None,
            datetime.strptime(due, "%d/%m/%Y").date(),
            Decimal(amount.replace(",", ".")),
            Decimal(effort.replace(",", ".")),
        )
        for nr, opened_text, closed, due, amount, effort in cases
    ]
    booked_rows = pg_query(uri, f'SELECT nr, vorgang, gebucht, menge FROM "{schema}".buchung ORDER BY nr')
    assert [(*row[:3], Decimal(row[3])) for row in booked_rows] == [
        (nr, case, datetime.strptime(booked, "%d.%m.%Y").date(), Decimal(amount.replace(",", ".")))
        for nr, case, booked, amount in bookings
    ]
    # Every changed cell is in the audit, by its row's key: each date, each comma decimal, each blank.
    audit = pq.read_table(run_dir / "audit.parquet").to_pylist()
    names = {
        "vorgang": ("nr", "eroeffnet", "erledigt", "faellig", "betrag", "aufwand"),
        "buchung": ("nr", "vorgang", "gebucht", "menge"),
    }
    changed = {
        (table, str(row[0]), names[table][i], value)
        for table, rows in written.items()
        for row in rows
        for i, value in enumerate(row)
        if isinstance(value, str) and (value == "" or not value.isdigit())
    }
    assert {(a["table"], a["row_key"], a["column"], a["raw_value"]) for a in audit} == changed
    assert len(audit) == len(changed)


ROWS = 200


def _day(i: int) -> datetime:
    """Day ``i`` from 2025-01-13 on: days past the 12th among them (they prove slash dates day first)."""
    return datetime(2025, 1, 13, 8, 42) + timedelta(days=i % 150)


def test_mixing_ways_costs_the_fewer_and_unproven_order_costs_every_non_iso_date(
    make_sqlite: SqliteFactory,
) -> None:
    """Each column mixes two ways of writing (or proves no order); the score charges, by the
    documented rule, the values written the fewer way, whichever it is."""
    columns: dict[str, list[Any]] = {
        # Mostly ISO: the non-ISO dates cost, as ever.
        "iso_mostly": [_day(i).strftime("%Y-%m-%d" if i >= 20 else "%d.%m.%Y") for i in range(ROWS)],
        # Mostly DD.MM.YYYY: its own format; the ISO dates beside it cost.
        "dotted_mostly": [_day(i).strftime("%d.%m.%Y" if i >= 20 else "%Y-%m-%d") for i in range(ROWS)],
        # Two regional formats (day first proven): the fewer costs.
        "two_ways": [_day(i).strftime("%d.%m.%Y %H:%M" if i >= 10 else "%d/%m/%Y") for i in range(ROWS)],
        # One regional way, with and without a time, and month names full or short: no mixing.
        "with_and_without_time": [
            _day(i).strftime("%d.%m.%Y %H:%M" if i % 3 else "%d.%m.%Y") for i in range(ROWS)
        ],
        "month_names": [_day(i).strftime("%d %B %Y" if i % 2 else "%d %b %Y %H:%M") for i in range(ROWS)],
        # Slash dates whose order no value proves (no day past the 12th), in a column of NULLs: read
        # by a default or by the other columns' proof, never the column's format: all of them cost.
        "unproven": [
            f"{i % 12 + 1:02d}/{(i * 5) % 12 + 1:02d}/2025" if i < 10 else None for i in range(ROWS)
        ],
        # Decimal commas, some point decimals: the points cost; integers are written either way (a
        # fraction starting with 0 proves the commas decimal: 1,2 beside 4 may be positions, 1,02 not).
        "commas_mostly": [f"{i % 90},{i % 9 + 1}" if i >= 20 else f"{i}.5" for i in range(ROWS)],
        "commas_integers": [f"{i % 90},{i % 9 + 1:02d}" if i % 4 else str(i) for i in range(ROWS)],
        # Point decimals, some decimal commas: the commas cost, as ever.
        "points_mostly": [f"{i % 90}.{i % 9 + 1}" if i >= 20 else f"{i},5" for i in range(ROWS)],
        # A REAL column (numbers SQLite stores as such) with decimal commas in TEXT beside: mixed.
        "commas_beside_reals": [f"{i % 90},{i % 9 + 1}" if i >= 30 else i + 0.25 for i in range(ROWS)],
    }
    names = list(columns)
    ddl = (
        "CREATE TABLE t ("
        + ", ".join(f"{name} {'REAL' if name == 'commas_beside_reals' else 'TEXT'}" for name in names)
        + ")"
    )
    export = make_sqlite({"t": (ddl, list(zip(*columns.values(), strict=True)))})
    charged = {
        "iso_mostly": 20,
        "dotted_mostly": 20,
        "two_ways": 10,
        "with_and_without_time": 0,
        "month_names": 0,
        "unproven": 10 + 10,  # non_iso_date and ambiguous_date_order, 4 points each
        "commas_mostly": 20,
        "commas_integers": 0,
        "points_mostly": 20,
        "commas_beside_reals": 30,
    }
    result = profile(export)
    table = result.tables["t"]
    assert {name: round(table[name].quality, 6) for name in names} == {
        name: round(column_score(ROWS, cells), 6) for name, cells in charged.items()
    }
    expected_export = export_score({"t": (ROWS, [column_score(ROWS, charged[name]) for name in names])})
    assert result.quality == pytest.approx(expected_export)
    # What the profile says, whatever the cost: every converted value is still counted, and the
    # column's own format is named with the values written otherwise.
    assert [(table[n].own_format, table[n].format_misfits) for n in names] == [
        (None, 0),
        ("%d.%m.%Y", 20),
        ("%d.%m.%Y", 10),
        ("%d.%m.%Y", 0),
        ("%d %b %Y", 0),
        (None, 0),
        ("decimal comma", 20),
        ("decimal comma", 0),
        (None, 0),
        ("decimal comma", 30),
    ]
    # The console says which counts are a column's own format, not dirt (with none written otherwise).
    console = Console(record=True, width=400)
    render_profile_console(result, console, worst=len(names))
    text = console.export_text()
    own = {name for name in names if f"t.{name} " in text and "(its format)" in _line(text, f"t.{name} ")}
    assert own == {"with_and_without_time", "month_names", "commas_integers"}
    assert table["dotted_mostly"].issue_count("non_iso_date") == ROWS - 20
    assert table["two_ways"].issue_count("non_iso_date") == ROWS
    assert table["unproven"].date_order == "ambiguous"
    assert table["unproven"].issue_count("ambiguous_date_order") == 10
    assert table["commas_mostly"].issue_count("comma_decimal") == ROWS - 20
    assert table["commas_integers"].issue_count("comma_decimal") == ROWS - ROWS // 4


def _line(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.strip().startswith(start))


def test_the_fixture_has_no_own_format_and_scores_its_truth() -> None:
    """The fixture's non-ISO dates and comma decimals are a minority beside ISO dates and point
    decimals (REAL cells): they all cost, and the truth file's formula (which charges each) holds."""
    result = profile(SMALL_FIXTURE)
    assert [c.name for c in result.columns if c.own_format is not None] == []
    assert round(result.quality, 2) == truth_quality() == 92.37


def csv_import(path: Path, extra: tuple[Any, ...] | None = None, *, every: int = 1) -> list[tuple[Any, ...]]:
    """A ticket list exported to CSV and imported into SQLite (``sqlite-utils insert --csv``,
    ``.import``): every column TEXT, no NULL anywhere, every missing value ``''``: a summary for one
    ticket in four, an agent for two in five, a resolution date for every other one, a team for one
    in three (``every``: only one such blank in that many). ``extra``: one more row, as given. Returns
    the rows written."""

    def blank(n: int, missing: bool) -> bool:
        return missing and (n // 4) % every == 0

    rows: list[tuple[Any, ...]] = [
        (
            str(n),
            "" if blank(n, n % 4 == 0) else f"Printer {n} jams",
            "" if blank(n, n % 5 < 2) else ("Ana", "Bo", "Cy")[n % 3],
            (datetime(2025, 3, 1) + timedelta(hours=7 * n)).strftime("%Y-%m-%d %H:%M:%S"),
            ""
            if blank(n, n % 2 == 1)
            else (datetime(2025, 3, 2) + timedelta(hours=7 * n)).strftime("%Y-%m-%d %H:%M:%S"),
            "" if blank(n, n % 3 == 0) else f"team {n % 4}",
        )
        for n in range(1, 201)
    ]
    if extra is not None:
        rows.append(extra)
    con = sqlite3.connect(path)
    with con:
        con.execute(
            'CREATE TABLE "issues" ("Key" TEXT, "Summary" TEXT, "Assignee" TEXT, "Created" TEXT, '
            '"Resolved" TEXT, "Team" TEXT)'
        )
        con.executemany("INSERT INTO issues VALUES (?, ?, ?, ?, ?, ?)", rows)
    con.close()
    return rows


def _blanks(rows: list[tuple[Any, ...]], index: int) -> int:
    return sum(1 for row in rows if row[index] == "")


def test_a_csv_import_writes_missing_values_one_way_and_passes_the_gate(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table holding no NULL and no null token writes a missing value as '' (a CSV's way): that is
    its spelling, not dirt. Each '' still becomes NULL, audited; the score charges none of them."""
    export = tmp_path / "issues.db"
    rows = csv_import(export)
    names = ("Key", "Summary", "Assignee", "Created", "Resolved", "Team")
    blanks = {name: _blanks(rows, i) for i, name in enumerate(names)}
    # As dirt (4 points per 1 %), the blanks would have halted it.
    as_dirt = export_score({"issues": (len(rows), [column_score(len(rows), n) for n in blanks.values()])})
    assert as_dirt < HALT_QUALITY
    profiled = profile(export)
    columns = profiled.tables["issues"].columns
    assert {name: c.blank_is_missing for name, c in columns.items()} == {
        name: count > 0 for name, count in blanks.items()
    }
    assert {name: c.empty_string_count for name, c in columns.items()} == blanks
    assert profiled.quality == 100.0

    record, _ = run_with_dashboard(
        export,
        settings,
        monkeypatch,
        '-- name: resolved\nSELECT count("Resolved") FROM {schema}."issues";\n',
    )
    assert record["quality_before"] == 100.0
    uri, schema = str(settings.target), record["version_schema"]
    loaded = pg_query(uri, f'SELECT "Key", "Assignee", "Resolved" IS NULL, "Team" FROM "{schema}".issues')
    assert sorted(loaded) == [(int(row[0]), row[2] or None, row[4] == "", row[5] or None) for row in rows]
    audit = pq.read_table(Path(settings.runs_dir) / record["run_id"] / "audit.parquet").to_pylist()
    assert sorted((a["column"], a["rule"]) for a in audit) == sorted(
        (name, "empty_to_null") for name, count in blanks.items() for _ in range(count)
    )


@pytest.mark.parametrize(
    "extra",
    [("201", "Scanner offline", None, "2025-04-01 08:00:00", "", "team 1"), ("201", "N/A", "", "", "", "")],
    ids=["a NULL", "a null token"],
)
def test_blanks_beside_another_way_of_missing_cost_as_dirt(tmp_path: Path, extra: tuple[Any, ...]) -> None:
    """One NULL, or one 'N/A', anywhere in the table: missing values are written two ways, and the
    blanks cost as they always did (4 points per 1 % of a column's rows)."""
    export = tmp_path / "issues.db"
    rows = csv_import(export, extra, every=5)
    table = profile(export).tables["issues"]
    assert not any(column.blank_is_missing for column in table)
    names = ("Key", "Summary", "Assignee", "Created", "Resolved", "Team")
    scores = {name: table.columns[name].quality for name in names if name != "Summary"}
    # (Summary holds the 'N/A', which costs too.) A NULL costs nothing; each blank costs.
    assert scores == {
        name: pytest.approx(column_score(len(rows), _blanks(rows, i)))
        for i, name in enumerate(names)
        if name != "Summary"
    }
    assert 0 < min(scores.values()) < 100.0


def orm_users(
    path: Path, *, declared: str = "NOT NULL", token: bool = False, typed_blank: bool = False
) -> list[tuple[Any, ...]]:
    """A users table as an ORM writes it (Django's convention for its string fields): text columns the
    schema declares NOT NULL hold ``''`` where no value was given, a nullable moment NULL where there is
    none yet. 60 users: one with a first name, a third without an e-mail, three in four never seen.
    ``declared``: the text columns' constraint; ``token``: one first name written ``N/A`` too;
    ``typed_blank``: one moment never seen written ``''`` too (a moment missing two ways)."""
    rows: list[tuple[Any, ...]] = [
        (
            n,
            f"user{n}",
            "Ada" if n == 1 else ("N/A" if token and n == 2 else ""),
            "" if n % 3 == 0 else f"user{n}@example.com",
            ("" if typed_blank and n == 2 else None) if n % 4 else "2025-03-01 10:00:00.250000",
        )
        for n in range(1, 61)
    ]
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE people (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, username varchar(150) "
            f"NOT NULL UNIQUE, first_name varchar(150) {declared}, email varchar(254) {declared}, "
            "last_login datetime NULL)"
        )
        con.executemany("INSERT INTO people VALUES (?, ?, ?, ?, ?)", rows)
    con.close()
    return rows


def test_blanks_of_a_text_column_declared_not_null_are_its_way_of_missing_and_cost_nothing(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column declared NOT NULL cannot write a missing value as NULL: its ``''`` is its one way, not
    dirt, though the table holds NULLs elsewhere. Each '' still becomes NULL, audited. (A Django
    database of 61 users without names scored 79.5: every run of it warned, exit 2.)"""
    export = tmp_path / "users.db"
    rows = orm_users(export)
    blanks = {"first_name": _blanks(rows, 2), "email": _blanks(rows, 3)}
    scores = [100.0, 100.0, *(column_score(len(rows), n) for n in blanks.values()), 100.0]
    assert export_score({"people": (len(rows), scores)}) < 80.0  # as dirt: below the quality gate
    profiled = profile(export)
    columns = profiled.tables["people"].columns
    assert {name: c.blank_is_missing for name, c in columns.items()} == {
        "id": False,
        "username": False,
        "first_name": True,
        "email": True,
        "last_login": False,
    }
    assert profiled.quality == 100.0

    record, _ = run_with_dashboard(
        export, settings, monkeypatch, "-- name: people\nSELECT count(email) FROM {schema}.people;\n"
    )
    assert (record["exit_code"], record["warnings"], record["quality_before"]) == (0, [], 100.0)
    run_dir = Path(settings.runs_dir) / record["run_id"]
    uri = str(settings.target)
    violations = check_run(SimpleNamespace(run_dir=run_dir), export, uri, settings.base_schema)
    assert violations == [], summarize(violations)
    audit = pq.read_table(run_dir / "audit.parquet").to_pylist()
    assert Counter((a["column"], a["rule"]) for a in audit if a["rule"] == "empty_to_null") == {
        (name, "empty_to_null"): count for name, count in blanks.items()
    }


def test_blanks_of_nullable_text_beside_nulls_of_moments_alone_are_the_tables_one_way(
    tmp_path: Path,
) -> None:
    """A table whose text columns hold no NULL and whose other columns hold no ``''`` writes each kind
    of missing value one way: ``''`` a text, NULL a moment (Django's string fields whether or not the
    schema says NOT NULL; Waline's comments, a dBase table through dbf-to-sqlite, Hamster's and Lutris'
    own databases). Its blanks cost nothing, each still made NULL and audited. (Until 2026-12-05 they
    cost as dirt where the schema let the text hold NULL: a Waline database scored 77.6 and a dBase
    table 68.8, every run warning, exit 2.)"""
    export = tmp_path / "users.db"
    orm_users(export, declared="NULL")
    profiled = profile(export)
    columns = profiled.tables["people"].columns
    assert {name for name, c in columns.items() if c.blank_is_missing} == {"first_name", "email"}
    assert profiled.quality == 100.0


def media_tracks(
    path: Path, *, index: str = "", constraint: str = "", blank_in_index: bool = False
) -> list[tuple[Any, ...]]:
    """A media library's tracks as a player writes them (Kodi's ``song``): a free-text comment and mood
    ``''`` where the file's tags have none, a last play NULL until played, and the track's MusicBrainz
    id NULL where the tags have none, as its ``UNIQUE`` index over (album, track, id) needs: two
    tracks of one album without an id would collide as ``''``, never as NULL. 24 tracks, a third
    with an id. ``index``: an index's DDL; ``constraint``: a table constraint's (``UNIQUE (...)``);
    ``blank_in_index``: a track without an id writes ``''`` there once too."""
    rows: list[tuple[Any, ...]] = [
        (
            n,
            1 + n % 3,
            n // 3,
            f"Track {n}",
            f"0{n:07d}-aaaa-4bbb-8ccc-{n:012d}"
            if n % 3 == 0
            else ("" if blank_in_index and n == 1 else None),
            "" if n % 4 else f"tagged comment {n}",
            "" if n % 5 else "Melancholic",
            None if n % 2 else f"2026-03-{n:02d} 21:{n:02d}:00",
        )
        for n in range(1, 25)
    ]
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE song (idSong integer primary key, idAlbum integer, iTrack integer, "
            "strTitle varchar(512), strMusicBrainzTrackID text, comment text, mood text, "
            f"lastplayed varchar(20) default NULL{', ' + constraint if constraint else ''})"
        )
        if index:
            con.execute(index)
        con.executemany("INSERT INTO song VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.close()
    return rows


@pytest.mark.parametrize(
    ("index", "constraint"),
    [
        ("CREATE UNIQUE INDEX idxSong7 ON song (idAlbum, iTrack, strMusicBrainzTrackID)", ""),
        ("", "UNIQUE (idAlbum, iTrack, strMusicBrainzTrackID)"),
    ],
)
def test_nulls_a_unique_index_needs_are_no_second_way_of_writing_missing_text(
    tmp_path: Path, index: str, constraint: str
) -> None:
    """A nullable text column of a declared UNIQUE index or constraint writes "none" the only way
    the index lets two rows do: NULL (two ``''`` collide). Its NULLs say nothing about how the table's
    other text columns write a missing value: a comment's and a mood's ``''`` beside them are the
    table's one way for a text, a last play's NULL its way for a moment. Those blanks cost nothing,
    each still made NULL and audited. (Until 2026-12-05 they cost as dirt: a Kodi music library's
    ``song`` scored its mood, comment and replay gain 0 and the library 93.77.)"""
    export = tmp_path / "music.db"
    rows = media_tracks(export, index=index, constraint=constraint)
    assert _blanks(rows, 5) and _blanks(rows, 6) and any(row[4] is None for row in rows)
    profiled = profile(export)
    columns = profiled.tables["song"].columns
    assert {name for name, c in columns.items() if c.blank_is_missing} == {"comment", "mood"}
    assert columns["strMusicBrainzTrackID"].null_count == sum(row[4] is None for row in rows)
    assert profiled.quality == 100.0


@pytest.mark.parametrize(
    ("index", "blank_in_index"),
    [
        ("", False),  # no index: a text NULL beside text blanks is two ways, as ever
        ("CREATE INDEX idxSong7 ON song (idAlbum, iTrack, strMusicBrainzTrackID)", False),  # not unique
        ("CREATE UNIQUE INDEX i ON song (idAlbum, iTrack, strMusicBrainzTrackID) WHERE idAlbum > 1", False),
        ("CREATE UNIQUE INDEX idxSong7 ON song (idAlbum, iTrack, strMusicBrainzTrackID)", True),  # '' too
    ],
)
def test_text_nulls_no_unique_index_needs_still_make_blanks_cost(
    tmp_path: Path, index: str, blank_in_index: bool
) -> None:
    """Without a unique index over it (none, a plain index, a partial one that binds some rows only), or
    where the indexed column writes ``''`` beside its NULLs, a text NULL beside text blanks is a second
    way of writing missing: the blanks cost as they always did."""
    export = tmp_path / "music.db"
    media_tracks(export, index=index, blank_in_index=blank_in_index)
    columns = profile(export).tables["song"].columns
    assert not columns["comment"].blank_is_missing and not columns["mood"].blank_is_missing
    assert profile(export).quality < 100.0


def api_clients(
    path: Path, *, default: str = "DEFAULT ''", nulls: frozenset[int] = frozenset()
) -> list[tuple[Any, ...]]:
    """An API's registered clients as an ORM writes them where a field's schema default is ``''``
    (Go's ent: ``field.String("ip_address").Default("").Optional()`` declares ``text NULL DEFAULT ''``
    and writes ``''`` until the client connects), beside optional fields with no default, NULL until
    set. 24 clients: two in three never connected (``''``), a third without a version (NULL).
    ``default``: the address column's declared default; ``nulls``: clients whose address is NULL too
    (the column missing two ways)."""
    rows: list[tuple[Any, ...]] = [
        (
            n,
            f"client-{n}",
            None if n in nulls else ("" if n % 3 else f"198.51.100.{n}"),
            None if n % 3 == 1 else f"v1.{n}",
            f"2025-03-01 10:{n:02d}:00",
        )
        for n in range(1, 25)
    ]
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE clients (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, name text NOT NULL, "
            f"ip_address text NULL {default}, version text NULL, created_at datetime NULL)"
        )
        con.executemany("INSERT INTO clients VALUES (?, ?, ?, ?, ?)", rows)
    con.close()
    return rows


@pytest.mark.parametrize("default", ["DEFAULT ''", "DEFAULT ('')", 'DEFAULT ""'])
def test_blanks_of_a_text_column_whose_declared_default_is_blank_are_its_way_of_missing(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, default: str
) -> None:
    """A text column whose schema default is ``''`` writes a missing value the one way its schema
    gives it, as one declared NOT NULL does, though other text columns of its table hold NULL: its
    blanks cost nothing, each still made NULL and audited. (Until 2026-12-05 a CrowdSec agent's
    database, Go's ent declaring a bouncer's ``ip_address text NULL DEFAULT ''`` beside its ``type``
    and ``version`` NULL until the bouncer connects, scored its bouncers 91.67.)"""
    export = tmp_path / "clients.db"
    rows = api_clients(export, default=default)
    blanks = _blanks(rows, 2)
    assert 0 < blanks < len(rows) and any(row[3] is None for row in rows)
    profiled = profile(export)
    columns = profiled.tables["clients"].columns
    assert {name for name, c in columns.items() if c.blank_is_missing} == {"ip_address"}
    assert columns["ip_address"].quality == 100.0 and profiled.quality == 100.0
    record, audit = run_checked(export, settings, monkeypatch, "clients")
    assert (record["exit_code"], record["warnings"], record["quality_before"]) == (0, [], 100.0)
    assert Counter((a["column"], a["rule"]) for a in audit) == {("ip_address", "empty_to_null"): blanks}


@pytest.mark.parametrize(
    ("default", "nulls"),
    [("", frozenset()), ("DEFAULT 'unknown'", frozenset()), ("DEFAULT ''", frozenset({3}))],
    ids=["no default", "another default", "NULL beside"],
)
def test_blanks_without_a_blank_default_or_beside_a_null_of_their_column_cost_as_dirt(
    tmp_path: Path, default: str, nulls: frozenset[int]
) -> None:
    """Without a declared default of ``''`` (none, or another), or where the column holds NULL too (a
    missing value written two ways in one column), blanks beside the table's text NULLs cost as
    before (4 points per 1 % of the column's rows)."""
    export = tmp_path / "clients.db"
    rows = api_clients(export, default=default, nulls=nulls)
    column = profile(export).tables["clients"].columns["ip_address"]
    assert not column.blank_is_missing
    assert column.quality == pytest.approx(column_score(len(rows), _blanks(rows, 2)))


@pytest.mark.parametrize(
    ("declared", "token", "typed_blank", "marked"),
    [("NULL", False, True, set()), ("NOT NULL", True, False, {"email"})],
    ids=["a moment blank too", "a null token beside"],
)
def test_blanks_beside_a_blank_moment_or_a_null_token_cost_as_dirt(
    tmp_path: Path, declared: str, token: bool, typed_blank: bool, marked: set[str]
) -> None:
    """A table that writes a missing moment both NULL and ``''`` writes missing values two ways, and so
    does a column holding a null token (``N/A``) beside its blanks: a nullable text column's blanks
    there cost as they always did (4 points per 1 % of the column's rows)."""
    export = tmp_path / "users.db"
    rows = orm_users(export, declared=declared, token=token, typed_blank=typed_blank)
    columns = profile(export).tables["people"].columns
    assert {name for name, c in columns.items() if c.blank_is_missing} == marked
    if "email" not in marked:
        assert columns["email"].quality == pytest.approx(column_score(len(rows), _blanks(rows, 3)))
    assert columns["first_name"].quality < 100.0


#: An application's optional text fields that no row has filled: it writes each unset one as ''.
NEVER_FILLED = ("composer", "grouping", "lyrics", "barcode", "work", "disc_title")


def app_library(path: Path) -> list[tuple[Any, ...]]:
    """A desktop application's library table (a music or e-book manager's): every optional text field
    defaults to ``''`` and is written so when unset, a nullable number field holds NULL until measured;
    the schema declares nothing NOT NULL. Six text fields no row has filled, a comment on some rows,
    and one gain written ``''`` beside the NULLs (a number missing two ways). 40 rows; returns them."""
    rows: list[tuple[Any, ...]] = [
        (
            n,
            f"Track {n}",
            f"/library/{n:03d}.flac".encode(),
            1716194520.125 + n * 3600.5,
            ("" if n == 40 else None) if n % 3 else -6.5 + n / 8,
            "" if n % 4 else f"live take {n}",
            *("" for _ in NEVER_FILLED),
        )
        for n in range(1, 41)
    ]
    fields = ", ".join(f"{name} TEXT" for name in NEVER_FILLED)
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE items (id INTEGER PRIMARY KEY, title TEXT, path BLOB, added REAL, gain REAL, "
            f"comments TEXT, {fields})"
        )
        con.executemany(f"INSERT INTO items VALUES ({', '.join('?' * (6 + len(NEVER_FILLED)))})", rows)
    con.close()
    return rows


def test_a_text_column_no_row_has_filled_holds_no_value_and_costs_nothing(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column whose every row is ``''`` holds no value, written one way: its cleaned column is all
    NULL, which costs nothing at the source either. Its blanks are no dirt, though its table holds
    NULLs elsewhere and no column is declared NOT NULL; a column mixing values and blanks beside them
    costs as before where the table writes a missing value two ways (a gain NULL and ``''``).
    (Until 2026-12-04 a beets music library, dozens of tag fields never filled, scored 44.3 and its
    run was halted by the circuit breaker, exit 3.)"""
    export = tmp_path / "library.db"
    rows = app_library(export)
    names = ("id", "title", "path", "added", "gain", "comments", *NEVER_FILLED)
    blanks = {name: _blanks(rows, i) for i, name in enumerate(names)}
    assert {name for name, count in blanks.items() if count == len(rows)} == set(NEVER_FILLED)
    as_dirt = export_score({"items": (len(rows), [column_score(len(rows), n) for n in blanks.values()])})
    assert as_dirt < HALT_QUALITY
    profiled = profile(export)
    columns = profiled.tables["items"].columns
    assert {name for name, c in columns.items() if c.blank_is_missing} == set(NEVER_FILLED)
    expected = [100.0 if name in NEVER_FILLED else column_score(len(rows), n) for name, n in blanks.items()]
    assert columns["comments"].quality == pytest.approx(column_score(len(rows), blanks["comments"]))
    assert profiled.quality == pytest.approx(export_score({"items": (len(rows), expected)}), abs=0.01)
    assert profiled.quality >= 80.0

    record, audit = run_checked(export, settings, monkeypatch, "items")
    assert (record["exit_code"], record["warnings"]) == (0, [])
    assert Counter(a["column"] for a in audit if a["rule"] == "empty_to_null") == {
        name: count for name, count in blanks.items() if count
    }


def chat_log(
    path: Path, seen: dict[int, int] | None = None, silent: frozenset[int] = frozenset()
) -> list[tuple[Any, ...]]:
    """A chat client's message log (an XMPP client's): a text field a message has no value for is
    ``''`` (the recipient's resource on one's own messages), a field the client never fills is NULL
    (``seen``, an INTEGER) or one null token (``crypt``, ``none``) in every row; nothing is declared
    NOT NULL. ``seen``: values written on some rows; ``silent``: rows whose body is NULL. 30 rows;
    returns them."""
    rows = [
        (
            n,
            "alice@localhost",
            "" if n % 2 else f"phone.{n:03d}",
            None if n in silent else f"hello {n} 🙂",
            "none",
            (seen or {}).get(n),
        )
        for n in range(1, 31)
    ]
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE log (id INTEGER PRIMARY KEY, sender TEXT, resource TEXT, body TEXT, crypt TEXT, "
            "seen INTEGER)"
        )
        con.executemany("INSERT INTO log VALUES (?, ?, ?, ?, ?, ?)", rows)
    con.close()
    return rows


def test_a_column_never_filled_is_no_second_way_of_writing_missing_beside_blanks(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table whose only NULLs (or null tokens) fill a column in every row writes a missing value
    beside values one way, ``''``: a column the application never fills holds no value at all and says
    nothing about how the others write "missing". Its blanks cost nothing, each still made NULL and
    audited. A NULL beside a value of its column is a second way, and the blanks cost as before. (Until
    2026-12-05 a profanity XMPP client's chat log, ``marked_read`` NULL and ``encryption`` ``none`` in
    every row, ``''`` for an outgoing message's resource, scored 77.0 and every run warned, exit 2.)"""
    export = tmp_path / "chat.db"
    rows = chat_log(export)
    blanks = sum(1 for row in rows if row[2] == "")
    assert 0 < blanks < len(rows)
    profiled = profile(export)
    columns = profiled.tables["log"].columns
    assert {name for name, c in columns.items() if c.blank_is_missing} == {"resource"}
    assert columns["resource"].quality == 100.0 and profiled.quality == 100.0
    record, audit = run_checked(export, settings, monkeypatch, "log")
    assert (record["exit_code"], record["warnings"]) == (0, [])
    assert Counter((a["column"], a["rule"]) for a in audit if a["column"] == "resource") == {
        ("resource", "empty_to_null"): blanks
    }

    # A number written on some rows, NULL on the others: the table's text is still missing one way.
    measured = tmp_path / "measured.db"
    chat_log(measured, seen={3: 1})
    columns = profile(measured).tables["log"].columns
    assert {name for name, c in columns.items() if c.blank_is_missing} == {"resource"}
    # A text NULL beside a value of its column: text missing two ways, its blanks cost as before.
    silent = tmp_path / "silent.db"
    rows = chat_log(silent, seen={3: 1}, silent=frozenset({4}))
    columns = profile(silent).tables["log"].columns
    assert not any(c.blank_is_missing for c in columns.values())
    assert columns["resource"].quality == pytest.approx(column_score(len(rows), blanks))


def _steps_upgraded(
    path: Path, rows: int, upgraded_after: int, *, nulls: frozenset[int] = frozenset()
) -> list:
    """A Go server's table of steps (strings ``''`` where they have none, no NULL written), then a
    release's ``ALTER TABLE steps ADD COLUMN schema TEXT`` after ``upgraded_after`` rows: those rows
    hold NULL there (SQLite's), the later ones ``''`` or a value. ``nulls``: later rows written NULL
    there all the same. Its rows as they read back."""
    con = sqlite3.connect(path)
    con.execute(
        "CREATE TABLE steps (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, error TEXT, status TEXT)"
    )

    def step(i: int) -> tuple[int, str, str, str]:
        return (i, f"step {i}", "exit status 2" if i % 5 == 0 else "", "failure" if i % 5 == 0 else "success")

    con.executemany("INSERT INTO steps VALUES (?, ?, ?, ?)", [step(i) for i in range(1, upgraded_after + 1)])
    con.execute("ALTER TABLE steps ADD COLUMN schema TEXT")
    con.executemany(
        "INSERT INTO steps VALUES (?, ?, ?, ?, ?)",
        [
            (*step(i), None if i in nulls else ("https://example.org/card.json" if i % 3 == 0 else ""))
            for i in range(upgraded_after + 1, rows + 1)
        ],
    )
    con.commit()
    written = con.execute("SELECT * FROM steps ORDER BY id").fetchall()
    con.close()
    return written


def test_nulls_of_a_column_added_after_the_rows_are_no_second_way_beside_blanks(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column added to a table already holding rows (``ALTER TABLE ... ADD COLUMN`` without a default)
    is NULL in every row then present: NULLs all in the oldest rows (by rowid), a value in every row
    after them, are the rows written before it existed, not a way the application writes a missing
    value. A table whose only NULLs are such writes "missing" one way, ``''``: its blanks (the added
    column's later ``''`` too) cost nothing, each still made NULL and audited. A NULL after the first
    value is one the application wrote: a second way, and the blanks cost as before. (Until 2026-12-06
    a Drone CI server's steps, ``step_schema`` added by a later release, scored ``step_error`` 0.)"""
    export = tmp_path / "steps.db"
    rows = _steps_upgraded(export, 40, 12)
    blanks = {
        name: sum(1 for row in rows if row[i] == "")
        for i, name in enumerate(("id", "name", "error", "status", "schema"))
    }
    assert blanks["error"] and blanks["schema"] and sum(1 for row in rows if row[4] is None) == 12
    profiled = profile(export)
    columns = profiled.tables["steps"].columns
    assert {name for name, c in columns.items() if c.blank_is_missing} == {"error", "schema"}
    assert profiled.quality == 100.0
    assert any("12 oldest rows alone" in note for note in columns["schema"].notes)
    record, audit = run_checked(export, settings, monkeypatch, "steps")
    assert (record["exit_code"], record["warnings"]) == (0, [])
    assert Counter((a["column"], a["rule"]) for a in audit) == {
        ("error", "empty_to_null"): blanks["error"],
        ("schema", "empty_to_null"): blanks["schema"],
    }

    # One NULL written after the upgrade: the table writes a missing text two ways, charged as before.
    mixed = tmp_path / "mixed.db"
    rows = _steps_upgraded(mixed, 40, 12, nulls=frozenset({31}))
    columns = profile(mixed).tables["steps"].columns
    assert not any(c.blank_is_missing for c in columns.values())
    assert columns["error"].quality == pytest.approx(column_score(len(rows), blanks["error"]))
    assert not any("oldest rows" in note for note in columns["schema"].notes)


def _spans_upgraded(
    path: Path, rows: int, upgraded_after: int, *, tag_nulls: frozenset[int] = frozenset()
) -> list:
    """A Go time tracker's spans: strings ``''`` where they have none, a moment NULL for a span still
    running (the last one) and for one never closed; then a release's ``ALTER TABLE spans ADD note``
    after ``upgraded_after`` rows (NULL in those rows, ``''`` or a value after). ``tag_nulls``: rows
    whose tag is written NULL (a text NULL beside its blanks). Its rows as they read back."""
    con = sqlite3.connect(path)
    con.execute(
        "CREATE TABLE spans (id INTEGER PRIMARY KEY AUTOINCREMENT, started DATETIME, ended DATETIME, "
        "tag VARCHAR(255), user_id INTEGER)"
    )

    def span(i: int) -> tuple[int, str, str | None, str | None, int]:
        start = datetime(2026, 3, 1, 8) + timedelta(hours=5 * i)
        ended = None if i in (5, rows) else f"{start + timedelta(minutes=40 + i):%Y-%m-%d %H:%M:%S}+00:00"
        tag = None if i in tag_nulls else ("" if i % 4 == 0 else f"project {i % 3}")
        return (i, f"{start:%Y-%m-%d %H:%M:%S}+00:00", ended, tag, 1 + i % 3)

    con.executemany(
        "INSERT INTO spans VALUES (?, ?, ?, ?, ?)", [span(i) for i in range(1, upgraded_after + 1)]
    )
    con.execute('ALTER TABLE spans ADD "note" varchar(255)')
    con.executemany(
        "INSERT INTO spans VALUES (?, ?, ?, ?, ?, ?)",
        [(*span(i), "" if i % 3 else f"ticket #{i}") for i in range(upgraded_after + 1, rows + 1)],
    )
    con.commit()
    written = con.execute("SELECT * FROM spans ORDER BY id").fetchall()
    con.close()
    return written


def test_nulls_of_a_column_added_after_the_rows_beside_nulls_of_moments_are_no_second_way(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table that writes a missing text as ``''`` and a missing moment as NULL (one way for each kind)
    keeps doing so after a release adds a text column (``ALTER TABLE ... ADD``): the added column's
    NULLs in the rows written before it are no way of writing missing, and beside a running span's end
    NULL its blanks and the table's other texts' cost nothing (each still made NULL and audited). A
    text NULL elsewhere beside ``''`` is a second way, charged as before. (Until 2026-12-06 the two
    excuses did not combine: a Traggo time tracker's spans, ``note`` added after the first rows, scored
    the note 0.)"""
    export = tmp_path / "spans.db"
    rows = _spans_upgraded(export, 40, 20)
    blanks = {name: sum(1 for row in rows if row[i] == "") for i, name in ((3, "tag"), (5, "note"))}
    assert all(blanks.values()) and sum(1 for row in rows if row[5] is None) == 20
    assert sum(1 for row in rows if row[2] is None) == 2
    profiled = profile(export)
    columns = profiled.tables["spans"].columns
    assert {name for name, c in columns.items() if c.blank_is_missing} == {"tag", "note"}
    assert profiled.quality == 100.0
    assert any("20 oldest rows alone" in note for note in columns["note"].notes)
    record, audit = run_checked(export, settings, monkeypatch, "spans")
    assert (record["exit_code"], record["warnings"]) == (0, [])
    assert Counter((a["column"], a["rule"]) for a in audit) == {
        ("tag", "empty_to_null"): blanks["tag"],
        ("note", "empty_to_null"): blanks["note"],
    }

    # A tag written NULL beside the tags' blanks: a missing text written two ways, charged as before.
    mixed = tmp_path / "mixed.db"
    rows = _spans_upgraded(mixed, 40, 20, tag_nulls=frozenset({7}))
    columns = profile(mixed).tables["spans"].columns
    assert not any(c.blank_is_missing for c in columns.values())
    assert columns["note"].quality == pytest.approx(column_score(len(rows), blanks["note"]))
    assert not any("oldest rows" in note for note in columns["note"].notes)


def test_a_column_holding_one_null_token_in_every_row_holds_no_value_and_costs_nothing(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column every row of which is the same null token (MLflow's model stage ``None`` while no stage
    is used) holds no value, written one way, as a column of ``''`` does: made NULL and audited, at no
    cost. Two spellings (``None`` / ``N/A``), or the token beside NULLs or values, are charged as
    before. (Until 2026-12-05 such a column scored 0: an MLflow registry's ``model_versions`` 92.9.)"""
    export = tmp_path / "registry.db"
    rows = [
        (
            n,
            f"model {n}",
            "None",
            ("None", "N/A")[n % 2],
            "None" if n % 12 == 0 else None,
            "NULL" if n == 7 else f"note {n}",
            n * 1.5,
            f"v{n}",
            n % 2,
        )
        for n in range(1, 25)
    ]
    con = sqlite3.connect(export)
    with con:
        con.execute(
            "CREATE TABLE versions (id INTEGER PRIMARY KEY, name TEXT, stage VARCHAR(20), "
            "mixed TEXT, partly TEXT, note TEXT, size REAL, tag TEXT, flag INTEGER)"
        )
        con.executemany("INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.close()
    tokens = {
        name: sum(row[i] in ("None", "N/A", "NULL") for row in rows)
        for i, name in enumerate(("id", "name", "stage", "mixed", "partly", "note"))
    }
    assert tokens["stage"] == len(rows)
    columns = profile(export).tables["versions"].columns
    assert columns["stage"].quality == 100.0
    (issue,) = columns["stage"].issues
    assert (issue.kind, issue.count) == ("null_like", len(rows))
    assert "holds no value, written one way" in (issue.detail or "")
    for name in ("mixed", "partly", "note"):
        assert columns[name].quality == pytest.approx(column_score(len(rows), tokens[name])), name

    record, audit = run_checked(export, settings, monkeypatch, "versions")
    assert (record["exit_code"], record["warnings"]) == (0, [])
    assert Counter(a["column"] for a in audit if a["rule"] == "null_like_to_null") == {
        name: count for name, count in tokens.items() if count
    }


def test_a_declared_json_column_writing_every_missing_value_as_json_null_costs_nothing(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLAlchemy's ``JSON`` writes a ``None`` attribute as JSON's own ``null`` (``none_as_null=False``,
    its default): in a column declared JSON that holds no NULL, no ``''`` and no other token, that is
    its one way of writing missing, made NULL and audited at no cost, and so is it in a TEXT column whose
    every other value is a JSON document (since 2026-12-05: see the next test). Beside NULLs, beside
    ``''`` or beside ``None`` it is charged as before. (Until 2026-12-05 an annotation server's response
    values, a third ``null``, scored their share of them.)"""
    export = tmp_path / "annotations.db"
    rows = [
        (
            n,
            "null" if n % 3 == 0 else f'{{"label": "L{n}", "score": {n / 8}}}',
            "null" if n % 3 == 0 else f'{{"k": {n}}}',
            ("null" if n == 10 else f"[{n}]") if n != 15 else None,
            ("null" if n == 10 else f"[{n}]") if n != 15 else "",
            ("null" if n == 10 else f"[{n}]") if n != 15 else "None",
            "null" if n == 10 else f'{{"p": {n}}}',
        )
        for n in range(1, 31)
    ]
    con = sqlite3.connect(export)
    with con:
        con.execute(
            'CREATE TABLE responses (id INTEGER PRIMARY KEY, "values" JSON, meta JSONB NOT NULL, '
            "partly JSON, blanks JSON, other JSON, plain TEXT)"
        )
        con.executemany("INSERT INTO responses VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    con.close()
    names = ("id", "values", "meta", "partly", "blanks", "other", "plain")
    tokens = {name: sum(row[i] in ("null", "None") for row in rows) for i, name in enumerate(names)}
    blanks = {name: sum(row[i] == "" for row in rows) for i, name in enumerate(names)}
    columns = profile(export).tables["responses"].columns
    for name in ("values", "meta", "plain"):
        assert columns[name].quality == 100.0, name
        (issue,) = columns[name].issues
        assert (issue.kind, issue.count) == ("null_like", tokens[name])
        assert "JSON's own" in (issue.detail or ""), name
    for name in ("partly", "other"):
        assert columns[name].quality == pytest.approx(column_score(len(rows), tokens[name])), name
    assert columns["blanks"].quality == pytest.approx(
        column_score(len(rows), tokens["blanks"] + blanks["blanks"])
    )

    record, audit = run_checked(export, settings, monkeypatch, "responses")
    assert record["exit_code"] in (0, 2)
    assert Counter(a["column"] for a in audit if a["rule"] == "null_like_to_null") == {
        name: count for name, count in tokens.items() if count
    }


def test_a_text_column_of_json_documents_writing_every_missing_value_as_json_null_costs_nothing(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A serializer writes ``None`` as JSON's own ``null`` into a TEXT column of JSON as SQLAlchemy does
    into a declared JSON one (serde's ``to_string`` of an ``Option``, a password manager's organization
    policies: Vaultwarden's ``org_policies.data TEXT NOT NULL``, which scored 0 until 2026-12-05): where
    every other value is a JSON object or array, ``null`` is its one way of writing missing, made NULL
    and audited at no cost. ``null`` beside a value no JSON document is (a word, a JSON number), beside
    NULLs or beside ``''`` is charged as before."""
    export = tmp_path / "policies.db"
    documents = ('{"minLength": 12}', "[0, 3]", '{"a": [1, {"b": null}], "é": "🔑"}', "[]", "{}")
    rows = [
        (
            n,
            "null" if n % 3 == 0 else documents[n % len(documents)],
            "null" if n == 6 else ("free words" if n == 4 else documents[n % len(documents)]),
            "null" if n == 6 else str(n),
            "null" if n == 6 else (None if n == 4 else documents[n % len(documents)]),
            "null" if n == 6 else ("" if n == 4 else documents[n % len(documents)]),
        )
        for n in range(1, 25)
    ]
    con = sqlite3.connect(export)
    with con:
        con.execute(
            "CREATE TABLE org_policies (id INTEGER PRIMARY KEY, data TEXT NOT NULL, prose TEXT, "
            "scalars VARCHAR(20), partly TEXT, blanks TEXT)"
        )
        con.executemany("INSERT INTO org_policies VALUES (?, ?, ?, ?, ?, ?)", rows)
    con.close()
    names = ("id", "data", "prose", "scalars", "partly", "blanks")
    tokens = {name: sum(row[i] == "null" for row in rows) for i, name in enumerate(names)}
    blanks = {name: sum(row[i] == "" for row in rows) for i, name in enumerate(names)}
    columns = profile(export).tables["org_policies"].columns
    assert columns["data"].quality == 100.0
    assert columns["data"].json_null_is_missing
    (issue,) = columns["data"].issues
    assert (issue.kind, issue.count) == ("null_like", tokens["data"])
    assert "every other value JSON" in (issue.detail or "")
    for name in ("prose", "partly"):
        assert not columns[name].json_null_is_missing, name
        assert columns[name].quality == pytest.approx(column_score(len(rows), tokens[name])), name
    assert columns["blanks"].quality == pytest.approx(
        column_score(len(rows), tokens["blanks"] + blanks["blanks"])
    )
    assert not columns["scalars"].json_null_is_missing

    record, audit = run_checked(export, settings, monkeypatch, "org_policies")
    assert record["exit_code"] in (0, 2)
    assert Counter(a["column"] for a in audit if a["rule"] == "null_like_to_null") == {
        name: count for name, count in tokens.items() if count
    }


def test_a_settings_column_of_json_encoded_values_writing_missing_as_json_null_costs_nothing(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key-value settings table whose every value is encoded as JSON, ``JSON.stringify`` or
    ``json.dumps`` of a string, a number, a boolean or ``None`` (a status monitor's ``setting.value``:
    Uptime Kuma's ``"https://status.example.org"``, ``180``, ``true``, ``null``), writes missing as
    JSON's ``null``, the only way it can: a string in JSON's quotes beside it says every value is JSON,
    as a document does. Made NULL and audited at no cost (it scored its share of ``null``s until
    2026-12-05). Numbers and booleans alone beside ``null`` say no such thing: charged as before."""
    export = tmp_path / "settings.db"
    values: list[object] = ["https://status.example.org", 180, True, False, "", "Europe/Berlin 🕐", 2.5, None]
    rows = [
        (
            n,
            f"key{n}",
            json.dumps(values[n % len(values)], ensure_ascii=False),
            json.dumps(None if n % 12 == 0 else [n, True, False][n % 3]),
        )
        for n in range(1, 25)
    ]
    con = sqlite3.connect(export)
    with con:
        con.execute(
            'CREATE TABLE setting (id INTEGER PRIMARY KEY, "key" TEXT UNIQUE, value TEXT, plain TEXT)'
        )
        con.executemany("INSERT INTO setting VALUES (?, ?, ?, ?)", rows)
    con.close()
    tokens = {name: sum(row[i] == "null" for row in rows) for i, name in ((2, "value"), (3, "plain"))}
    assert all(tokens.values())
    columns = profile(export).tables["setting"].columns
    assert (columns["value"].quality, columns["value"].json_null_is_missing) == (100.0, True)
    (issue,) = columns["value"].issues
    assert (issue.kind, issue.count) == ("null_like", tokens["value"])
    assert "every other value JSON" in (issue.detail or "")
    assert not columns["plain"].json_null_is_missing
    assert columns["plain"].quality == pytest.approx(column_score(len(rows), tokens["plain"]))

    record, audit = run_checked(export, settings, monkeypatch, "setting")
    assert record["exit_code"] in (0, 2)
    assert Counter(a["column"] for a in audit if a["rule"] == "null_like_to_null") == tokens


def _line_terminated(value: str) -> bool:
    """``value`` ends in one line break (``\\n`` or ``\\r\\n``) and is padded by nothing else."""
    if not value.endswith("\n"):
        return False
    return value[: -2 if value.endswith("\r\n") else -1] == value.strip()


def _column_line_terminated(present: list[Any]) -> bool:
    """A column's values (NULL, ``''`` and null tokens aside) write lines: each ends in one line break
    and is padded by nothing else; or every padded value is of several lines and does (a document's
    line terminator beside values of one line, and beside documents saved without it)."""
    if not present:
        return False
    texts = [v for v in present if isinstance(v, str)]
    if len(texts) == len(present) and all(_line_terminated(v) for v in texts):
        return True
    padded = [v for v in texts if v != v.strip()]
    return bool(padded) and all(_line_terminated(v) and "\n" in v.strip() for v in padded)


def test_a_text_column_every_value_of_which_ends_in_one_line_break_costs_nothing(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text column every value of which ends in one line break, ``\\n`` or ``\\r\\n``, and is
    padded by nothing else (YAML documents, base64 lines, tracebacks) writes its values one way: a line
    terminator, not padding: documents, loaded byte for byte (no value trimmed, no ``whitespace`` issue,
    a note saying so; until 2026-12-06 each was trimmed and audited). Values of which only some end so,
    or one padded otherwise (``' x\\n'``, ``'x \\n'``, ``'x\\n\\n'``), cost and are trimmed as
    before. (Until 2026-12-05 such a column scored 0: a Sequel application's table of two serialized
    columns, 60, below the gate.)"""
    export = tmp_path / "serialized.db"
    rows = [
        (
            n,
            f"doc {n}",
            None if n % 6 == 0 else f"---\nname: Zoë {n}\ntags:\n- a\n- ü\n",
            f"line one\r\nline {n}\r\n",
            (f"part {n}\n" if n == 16 else f"part {n}") if n % 8 == 0 else None,
            (f" key: {n}\n" if n == 8 else f"key: {n}\n") if n % 8 == 0 else None,
            (f"key: {n} \n" if n == 8 else f"key: {n}\n") if n % 8 == 0 else None,
            (f"key: {n}\n\n" if n == 8 else f"key: {n}\n") if n % 8 == 0 else None,
        )
        for n in range(1, 25)
    ]
    names = ("id", "title", "yaml", "crlf", "partly", "lead", "trailing", "doubled")
    con = sqlite3.connect(export)
    with con:
        con.execute(
            f"CREATE TABLE docs ({names[0]} INTEGER PRIMARY KEY, {', '.join(f'{n} TEXT' for n in names[1:])})"
        )
        con.executemany(f"INSERT INTO docs VALUES ({', '.join('?' * len(names))})", rows)
    con.close()
    values = {
        name: [row[i] for row in rows if isinstance(row[i], str) and row[i]] for i, name in enumerate(names)
    }
    padded = {name: sum(v != v.strip() for v in found) for name, found in values.items()}
    terminated = {name for name, found in values.items() if found and all(_line_terminated(v) for v in found)}
    assert terminated == {"yaml", "crlf"}
    assert all(padded[name] for name in names[4:])
    columns = profile(export).tables["docs"].columns
    assert {name for name, c in columns.items() if c.line_terminated} == terminated
    for name in terminated:
        assert (columns[name].issues, columns[name].layout_kept) == ([], True), name
        (note,) = columns[name].notes
        assert "a line terminator, not padding: documents, loaded byte for byte" in note, name
        assert columns[name].quality == 100.0, name
    for name in names[4:]:
        assert columns[name].quality == pytest.approx(column_score(len(rows), padded[name], COSMETIC)), name

    record, audit = run_checked(export, settings, monkeypatch, "docs")
    assert (record["exit_code"], record["warnings"]) == (0, [])
    assert Counter(a["column"] for a in audit if a["rule"] == "trim") == {
        name: count for name, count in padded.items() if count and name not in terminated
    }
    uri, schema = str(settings.target), record["version_schema"]
    loaded = pg_query(uri, f'SELECT yaml, crlf, partly FROM "{schema}".docs ORDER BY id')
    assert [tuple(row) for row in loaded] == [(row[2], row[3], row[4] and row[4].strip()) for row in rows]


#: Columns of values, each judged line-terminated (or not) by :func:`_line_terminated` over its values
#: that are neither ``''`` nor a null token once trimmed (NUL bytes removed first, as the cleaner does).
LINE_COLUMNS: dict[str, list[Any]] = {
    "lf": ["a\n", "b c\n", "é\n", "日本\n", "x\ny\n"],
    "crlf": ["a\r\n", "日本\r\n", "x\r\ny\r\n"],
    "both": ["a\n", "b\r\n"],
    "blank_aside": ["a\n", "", "  ", "\n", "NULL", "N/A\n", "b\n"],
    "minus": ["\u22125\n", "abc\n"],
    "nul_inside": ["a\x00\n", "b\n"],
    "unended": ["a\n", "b"],
    "integer": ["a\n", 5],
    "lead": ["a\n", " b\n"],
    "tab": ["a\n", "b\t\n"],
    "nbsp": ["a\n", "b\u00a0\n"],
    "doubled": ["a\n", "b\n\n"],
    "cr_only": ["a\r", "b\r"],
    "cr_lf_cr": ["a\n", "b\r\r\n"],
    "separator": ["a\u2028", "b\u2028"],
    "blanks": ["", "\n", "NULL"],
    # Documents of several lines, each ending in one line break, beside values of one line unpadded: a
    # key/value table's PEM certificate beside its settings (Murmur's config).
    "documents": ["-----BEGIN K-----\nQUJD\n-----END K-----\n", "64738", "Köln", "x\r\ny\r\n", "NULL"],
    "document_beside_number": ["a\nb\n", 5],
    # Documents saved with and without the final break (a wiki's Markdown pages): since 2026-12-06.
    "document_unended": ["a\nb\n", "c\nd", "x"],
    "documents_partly_ended": ["# T\n\nbody\n", "# U\n\nbody", "<p>x</p>", "NULL", "x\r\ny\r\n"],
    "documents_partly_one_line_ended": ["a\nb\n", "c\nd", "x\n"],
    "one_line_ended": ["a\nb\n", "c\n", "x"],
    "document_padded": ["a\nb\n", " c", "x"],
    "document_doubled": ["a\nb\n\n", "x"],
}


def test_line_terminated_is_counted_over_every_value_exactly(tmp_path: Path) -> None:
    """The profile marks a text column ``line_terminated`` exactly where every value, ``''`` and null
    tokens aside, ends in one line break and is padded by nothing else, or every value of several lines
    does and no other value is padded (judged here in Python)."""
    export = tmp_path / "lines.db"
    names = list(LINE_COLUMNS)
    rows = [
        (n, *(values[n] if n < len(values) else None for values in LINE_COLUMNS.values()))
        for n in range(max(map(len, LINE_COLUMNS.values())))
    ]
    con = sqlite3.connect(export)
    with con:
        con.execute(f"CREATE TABLE lines (id INTEGER PRIMARY KEY, {', '.join(f'{n} TEXT' for n in names)})")
        con.executemany(f"INSERT INTO lines VALUES (?, {', '.join('?' * len(names))})", rows)
    con.close()
    tokens = {"NULL", "N/A"}
    expected = set()
    for name, values in LINE_COLUMNS.items():
        kept = [v.replace("\x00", "") if isinstance(v, str) else v for v in values]
        present = [v for v in kept if not isinstance(v, str) or v.strip() not in ("", *tokens)]
        if _column_line_terminated(present):
            expected.add(name)
    assert expected == {
        "lf",
        "crlf",
        "both",
        "blank_aside",
        "minus",
        "nul_inside",
        "documents",
        "document_beside_number",
        "document_unended",
        "documents_partly_ended",
    }
    columns = profile(export).tables["lines"].columns
    assert {name for name, c in columns.items() if c.line_terminated} == expected
    for name, column in columns.items():
        # The whitespace issue costs nothing exactly where the column is line-terminated.
        unpadded = replace(column, issues=[i for i in column.issues if i.kind != "whitespace"])
        free = score_column(column) == score_column(unpadded)
        assert free == (name in expected or not column.whitespace_padded_count), name
        # Documents: loaded byte for byte, none padded; a note says so.
        assert column.layout_kept == (name in expected), name
        assert column.issue("whitespace") is None or name not in expected, name
        said = any("line terminator, not padding: documents" in note for note in column.notes)
        assert said == (name in expected), name


def test_documents_saved_with_and_without_their_final_line_break_are_loaded_byte_for_byte(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text column of documents some of which end in one line break and the others in none (a wiki's
    Markdown pages and their history, saved from an editor that keeps what was typed), beside values of
    one line none pads: every padded value is a document whose last line ends in its terminator, not
    padding. Documents, loaded byte for byte, no ``trim`` audited, no cost (until 2026-12-06 each final
    break was trimmed and the column scored 0: a Wiki.js ``pageHistory.content``). A value of one line
    ending in a break beside them costs and is trimmed as before; a document ending in two is a
    document too, loaded byte for byte at no cost (until 2026-12-06 trimmed and charged)."""
    export = tmp_path / "wiki.db"
    bodies = [
        "# Install\n\nRun `make`.\n",
        "# Install\n\nRun `make`.",
        "<h1>FAQ</h1><p>Ask us.</p>",
        "query {\n  pages { id }\n}\n",
        "# Draft\r\n\r\nto do\r\n",
        "# Draft\n\nto do",
    ]
    rows = [
        (
            n,
            bodies[n % len(bodies)],
            "ok\n" if n == 7 else bodies[n % len(bodies)] if n % 5 == 0 else "ok",
            {5: "a\nb\n\n", 6: "c\nd\n"}.get(n, "e\nf"),
        )
        for n in range(1, 31)
    ]
    names = ("id", "content", "line_ended", "doubled")
    con = sqlite3.connect(export)
    with con:
        con.execute(
            "CREATE TABLE history (id INTEGER PRIMARY KEY, content TEXT, line_ended TEXT, doubled TEXT)"
        )
        con.executemany("INSERT INTO history VALUES (?, ?, ?, ?)", rows)
    con.close()
    padded = {name: sum(row[i] != row[i].strip() for row in rows) for i, name in enumerate(names) if i}
    assert all(padded.values())
    assert 0 < padded["content"] < sum("\n" in row[1].strip() for row in rows)
    columns = profile(export).tables["history"].columns
    content = columns["content"]
    assert (content.line_terminated, content.layout_kept, content.issues, content.quality) == (
        True,
        True,
        [],
        100.0,
    )
    (note,) = content.notes
    assert "(documents saved with and without it): a line terminator, not padding: documents" in note
    # Only values of one line are padding; a padded value of several lines is a document, kept.
    one_line = {
        name: sum(row[i] != row[i].strip() and "\n" not in row[i].strip() for row in rows)
        for i, name in enumerate(names)
        if i
    }
    assert (one_line["line_ended"], one_line["doubled"]) == (1, 0)
    for name in ("line_ended", "doubled"):
        assert not columns[name].line_terminated, name
        assert columns[name].whitespace_padded_count == one_line[name], name
        assert columns[name].padded_documents == padded[name] - one_line[name], name
        assert columns[name].quality == pytest.approx(column_score(len(rows), one_line[name], COSMETIC)), name

    record, audit = run_checked(export, settings, monkeypatch, "history")
    assert (record["exit_code"], record["warnings"]) == (0, [])
    assert Counter(a["column"] for a in audit if a["rule"] == "trim") == {"line_ended": 1}
    uri, schema = str(settings.target), record["version_schema"]
    loaded = pg_query(uri, f'SELECT id, content, line_ended, doubled FROM "{schema}".history ORDER BY id')
    assert [tuple(row) for row in loaded] == [
        (row[0], row[1], row[2] if "\n" in row[2].strip() else row[2].strip(), row[3]) for row in rows
    ]


def test_a_null_token_in_a_column_declared_unique_is_one_of_its_values(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column the schema declares unique by itself, beside the table's key, names one row by each
    value: a word token standing once among its text, where the column writes no missing value
    otherwise, is one of them (a hub's user called ``null``), kept as written, no rule, no cost. Beside
    a blank (an e-mail's ``None`` and ``''``) or numbers (an external id's ``N/A``) it stands for NULL
    and the column keeps its type; so it does in a column not declared unique, as before. (Until
    2026-12-05 the user ``null`` of a JupyterHub database arrived as NULL.)"""
    export = tmp_path / "hub.db"
    names = ["alice", "bob", "user-0042", "null", "zoë", "o'brien", "NULL", "ops team"]
    names += [f"student{n:03d}" for n in range(32)]

    def mail(n: int) -> str:
        return {10: "", 12: "None"}.get(n, f"{n}@example.com")

    rows = [
        (n + 1, name, "N/A" if n == 3 else 1000 + n, name, "null" if n in (1, 5) else f"group {n}", mail(n))
        for n, name in enumerate(names)
    ]
    con = sqlite3.connect(export)
    with con:
        con.execute(
            "CREATE TABLE users (id INTEGER NOT NULL, name VARCHAR(255), external INTEGER, login TEXT, "
            "team TEXT, mail TEXT UNIQUE, CONSTRAINT pk PRIMARY KEY (id), CONSTRAINT uq_name UNIQUE (name), "
            "CONSTRAINT uq_external UNIQUE (external))"
        )
        con.executemany("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?)", rows)
    con.close()
    columns = profile(export).tables["users"].columns
    assert sorted(columns["name"].tokens_as_values) == ["NULL", "null"]
    assert (columns["name"].null_like_count, columns["name"].quality) == (0, 100.0)
    assert columns["login"].null_like_count == 2  # the same names, declared unique nowhere
    assert columns["team"].null_like_count == 2
    assert (columns["mail"].null_like_count, columns["mail"].empty_string_count) == (1, 1)
    assert (columns["external"].inferred_type, columns["external"].null_like_count) == ("integer", 1)

    _, audit = run_checked(export, settings, monkeypatch, "users")
    relation = f'"{settings.base_schema}".users'
    got = pg_query(
        str(settings.target), f"SELECT id, name, external, login, mail FROM {relation} ORDER BY id"
    )
    assert got == [
        (
            n + 1,
            name,
            None if n == 3 else 1000 + n,
            None if name in ("null", "NULL") else name,
            None if n in (10, 12) else mail(n),
        )
        for n, name in enumerate(names)
    ]
    assert Counter(a["column"] for a in audit if a["rule"] == "null_like_to_null") == {
        "external": 1,
        "login": 2,
        "team": 2,
        "mail": 1,
    }


#: A cache's settings as diskcache (DVC's index caches, among others) writes them: each value bound
#: with its own type into the untyped ``value`` column, the eviction policy a lower-case word.
CACHE_SETTINGS = [
    ("count", 61),
    ("size", 0),
    ("hits", 0),
    ("eviction_policy", "none"),
    ("size_limit", 1073741824),
    ("cull_limit", 0),
    ("sqlite_journal_mode", "wal"),
    ("sqlite_mmap_size", 67108864),
    ("ratio", 0.5),
    ("disk_pickle_protocol", 4),
    *((f"tag_{n:02d}_hits", n * n) for n in range(30)),
]


def test_a_null_token_bound_as_text_beside_numbers_bound_as_numbers_is_a_value(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column declared with no type keeps each cell as the writer bound it. Numbers there stored as
    INTEGER or REAL beside words stored as text show a writer that binds every value with its type, and
    such a writer binds a missing one as NULL: a lower-case word token among lower-case words, in a
    column that writes no NULL or ``''``, is one of its values (diskcache's eviction policy ``none``,
    beside ``wal``; until 2026-12-05 it arrived as NULL, audited). Beside a NULL it stands for NULL;
    so it does in a column of a declared type (a CSV of numbers imported, ``none`` text beside them),
    as before."""
    export = tmp_path / "cache.db"
    # A CSV of the numbers imported into an INTEGER column: its text cells only the token.
    rows = [
        (key, value, 0 if value == "wal" else value, None if key == "hits" else value)
        for key, value in CACHE_SETTINGS
    ]
    con = sqlite3.connect(export)
    with con:
        con.execute("CREATE TABLE settings (key TEXT NOT NULL UNIQUE, value, imported INTEGER, sparse)")
        con.executemany("INSERT INTO settings VALUES (?, ?, ?, ?)", rows)
    con.close()
    columns = profile(export).tables["settings"].columns
    assert columns["value"].tokens_as_values == ["none"]
    assert (columns["value"].null_like_count, columns["value"].quality) == (0, 100.0)
    assert columns["imported"].null_like_count == 1
    assert columns["sparse"].null_like_count == 1

    _, audit = run_checked(export, settings, monkeypatch, "settings")
    relation = f'"{settings.base_schema}".settings'
    got = dict(pg_query(str(settings.target), f"SELECT key, value FROM {relation}"))
    # SQLite's own text of each cell, as the target's text column holds it.
    with sqlite3.connect(export) as source:
        expected = dict(source.execute("SELECT key, CAST(value AS TEXT) FROM settings").fetchall())
    assert got == expected
    assert got["eviction_policy"] == "none"
    assert Counter(a["column"] for a in audit if a["rule"] == "null_like_to_null") == {
        "imported": 1,
        "sparse": 1,
    }


#: A download client's stop conditions, an enum's member names, "None" the member a new torrent gets.
STOP_CONDITIONS = ["None"] * 30 + ["MetadataReceived"] * 6 + ["FilesChecked"] * 4


def test_a_null_token_a_not_null_column_declares_its_default_is_one_of_its_values(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column declared NOT NULL whose declared DEFAULT is a word the null tokens list (``None``,
    ``none``) holds that word as a value: the schema forbids a missing value there and names the word
    as what each row holds unless its writer gives another (qBittorrent's ``stop_condition TEXT NOT
    NULL DEFAULT `None``` beside ``MetadataReceived``, SQLite reading the backquoted default as the
    string). Kept as written, no rule, no cost, whether other values stand beside it or not. A
    nullable column with that default, a NOT NULL one without it, a mark (``N/A``) or a spelling of
    null (``null``) as the default read their tokens as NULL, as before. (Until 2026-12-06 the word
    arrived as NULL, audited, and the column scored 0 among other members.)"""
    export = tmp_path / "torrents.db"
    rows = [
        (
            i + 1,
            condition,
            condition,
            condition,
            "N/A" if condition == "None" else "ok",
            "null" if condition == "None" else '{"a": 1}',
        )
        for i, condition in enumerate(STOP_CONDITIONS)
    ]
    con = sqlite3.connect(export)
    with con:
        con.execute(
            "CREATE TABLE torrents (id INTEGER PRIMARY KEY, stop_condition TEXT NOT NULL DEFAULT `None`, "
            "loose TEXT DEFAULT 'None', plain TEXT NOT NULL, flag TEXT NOT NULL DEFAULT 'N/A', "
            "js TEXT NOT NULL DEFAULT 'null', mode TEXT NOT NULL DEFAULT \"none\")"
        )
        # mode never given: every row holds its declared default, the token alone.
        con.executemany(
            "INSERT INTO torrents (id, stop_condition, loose, plain, flag, js) VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
    con.close()
    nones = STOP_CONDITIONS.count("None")
    columns = profile(export).tables["torrents"].columns
    assert columns["stop_condition"].tokens_as_values == ["None"]
    assert (columns["stop_condition"].null_like_count, columns["stop_condition"].quality) == (0, 100.0)
    assert any("declared NOT NULL with DEFAULT 'None'" in note for note in columns["stop_condition"].notes)
    assert columns["mode"].tokens_as_values == ["none"]
    assert (columns["mode"].null_like_count, columns["mode"].quality) == (0, 100.0)
    for name in ("loose", "plain", "flag", "js"):
        assert (name, columns[name].null_like_count) == (name, nones)

    # The other columns' tokens (three quarters of their rows) cost what they cost: the gate open.
    monkeypatch.setenv("COLUMNAR_ETL_MIN_QUALITY", "0")
    _, audit = run_checked(export, settings, monkeypatch, "torrents")
    relation = f'"{settings.base_schema}".torrents'
    got = pg_query(
        str(settings.target), f"SELECT id, stop_condition, mode, loose, plain FROM {relation} ORDER BY id"
    )
    assert got == [
        (i + 1, condition, "none", *(None if condition == "None" else condition,) * 2)
        for i, condition in enumerate(STOP_CONDITIONS)
    ]
    assert Counter(a["column"] for a in audit if a["rule"] == "null_like_to_null") == {
        "loose": nones,
        "plain": nones,
        "flag": nones,
        "js": nones,
    }


PROSE_SUBJECTS = ("printer", "VPN client", "invoice", "laptop battery", "shared mailbox", "badge reader")
PROSE_TROUBLES = ("stops after the update", "asks for the password again", "shows the wrong total")


def prose_import(path: Path, nulls: int) -> list[tuple[Any, ...]]:
    """A CSV of issues imported into SQLite: every column TEXT, every missing value ``''``, each
    summary a sentence of its own, and ``nulls`` summaries that are the words ``NULL`` / ``None``
    (typed by somebody, or an export's placeholder when many). Returns the rows written."""
    rows: list[tuple[Any, ...]] = []
    for n in range(1, 201):
        summary = f"The {PROSE_SUBJECTS[n % 6]} on floor {n % 9} {PROSE_TROUBLES[n % 3]} (ticket {n})"
        if n <= nulls:
            summary = ("NULL", "None")[n % 2]
        rows.append((str(n), summary, "" if n % 5 < 2 else ("Ana", "Bo", "Cy")[n % 3], "" if n % 3 else "L2"))
    con = sqlite3.connect(path)
    with con:
        con.execute('CREATE TABLE "issues" ("Key" TEXT, "Summary" TEXT, "Assignee" TEXT, "Team" TEXT)')
        con.executemany("INSERT INTO issues VALUES (?, ?, ?, ?)", rows)
    con.close()
    return rows


def test_the_words_null_and_none_as_whole_summaries_are_texts_and_keep_the_csv_ways(tmp_path: Path) -> None:
    """`NULL` and `None` typed as a summary, each as rare as any summary, are two of the texts: kept as
    written (no rule, no audit), costing nothing, and the table still writes missing values one way,
    ''. As an export's placeholder (in 30 of 200 near-distinct summaries) they stand for NULL, and the
    table then writes missing values two ways: the blanks cost as dirt."""
    from columnar_etl import clean

    export = tmp_path / "typed.db"
    rows = prose_import(export, nulls=2)
    profiled = profile(export)
    table = profiled.tables["issues"]
    summary = table["Summary"]
    assert (summary.tokens_as_values, summary.null_like_count) == (["NULL", "None"], 0)
    blanks = {
        name: sum(1 for row in rows if row[i] == "")
        for i, name in enumerate(("Key", "Summary", "Assignee", "Team"))
    }
    assert {c.name: c.blank_is_missing for c in table} == {name: count > 0 for name, count in blanks.items()}
    assert profiled.quality == 100.0 and profiled.gate.status == "pass"
    cleaned = clean(export)
    assert cleaned.data is not None
    assert cleaned.data["issues"].column("Summary").to_pylist() == [row[1] for row in rows]
    assert cleaned.data["issues"].column("Team").to_pylist() == [row[3] or None for row in rows]
    audit = cleaned.audit.to_pylist() if cleaned.audit is not None else []
    assert {a["column"] for a in audit} == {name for name, count in blanks.items() if count}

    placeholder = tmp_path / "placeholder.db"
    rows = prose_import(placeholder, nulls=30)
    table = profile(placeholder).tables["issues"]
    assert table["Summary"].tokens_as_values == [] and table["Summary"].null_like_count == 30
    assert not any(column.blank_is_missing for column in table)
    assert table["Assignee"].quality == pytest.approx(column_score(len(rows), blanks["Assignee"]))


def _fixed_width(present: list[Any]) -> int | None:
    """The width a column's values (NULL, ``''`` and null tokens aside) are laid out in, judged in
    Python: every padded value is padded by spaces at its end alone, or every one at its start alone
    (right-aligned), to one width in characters, of at most 1,024 bytes, and every unpadded value fills
    it (in bytes: ASCII); with no unpadded value, the padded values' lengths differ. None otherwise."""
    texts = [str(v) for v in present]  # a number in a TEXT column is stored as its text
    padded = [v for v in texts if v != v.strip()]
    if not padded or not (
        all(v.rstrip(" ") == v.strip() for v in padded) or all(v.lstrip(" ") == v.strip() for v in padded)
    ):
        return None
    if any(len(v.encode()) > 1024 for v in padded):
        return None  # no field is so long: free text (sql.FIXED_WIDTH_BYTES)
    widths = {len(v) for v in padded}
    if len(widths) != 1:
        return None
    (width,) = widths
    unpadded = [v for v in texts if v == v.strip()]
    if unpadded:
        return width if all(len(v.encode()) == width for v in unpadded) else None
    return width if len({len(v.strip().encode()) for v in padded}) > 1 else None


#: Columns of values, each judged laid out in fixed-width fields (or not) by :func:`_fixed_width` over
#: its values that are neither ``''`` nor a null token once trimmed.
WIDTH_COLUMNS: dict[str, list[Any]] = {
    # A dBase C(12) through dbf-to-sqlite: names padded to 12, one filling it, one not ASCII.
    "name": ["Ann         ", "Bartholomew1", "Zoë         ", "Li          ", "Smith-Jones "],
    "city": ["Köln      ", "Paris     ", "Rome      ", "Ulm       "],  # none fills its width
    "blanks_aside": ["ab    ", "", "      ", "NULL  ", "abcdef", None, "x     "],
    "same_length": ["abc ", "xyz ", "def "],  # one length padded alike: no width shown
    "free_text": ["hello ", "hi there  ", "ok"],
    "right_aligned": ["   abc", "  abcd", "abcdef"],  # printf's %6s
    # printf's '%2d-%2d-%4d' (a forum's birthdays, phpBB's): right-aligned fields inside, one width.
    "printf_fields": [" 5- 3-1990", "24-12-1985", " 1- 1-   0", ""],
    "both_alignments": ["  abc", "abc  ", "abcde"],  # left and right in one column: no one layout
    "both_ends": [" abc ", "abcde"],
    "tabbed": ["ab\t   ", "abc   ", "abcdef"],
    "short_unpadded": ["ab    ", "abc   ", "ab", "abcdef"],
    "long_unpadded": ["ab    ", "abcdefgh"],
    # Unpadded values are measured in bytes (O(1)): 5 characters in 6 bytes fill a width of 6 (the
    # documented approximation; in ASCII, which fixed-width files mostly are, bytes are characters).
    "wide_unpadded": ["ab    ", "abcdé"],
    "wider_unpadded": ["ab    ", "abcdéf"],  # 6 characters in 7 bytes: wider, padding
    "long_padded": ["a" * 1100 + "  ", "b" * 1101 + " "],  # one width, but free text: no field
    "number_short": ["ab    ", "abcdef", 12345],  # TEXT affinity stores '12345': 5 bytes, short of 6
}


def test_fixed_width_fields_are_counted_over_every_value_and_their_padding_costs_nothing(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text column laid out in fixed-width fields (a dBase ``C(30)`` through dbf-to-sqlite, a
    ``CHAR(10)`` copied as written) is marked ``padded_width`` exactly where every padded value is
    padded by spaces at its end, or every one at its start (right-aligned, printf's ``%2d``: since
    2026-12-06), to one width that the unpadded values fill (judged here in Python).
    Its ``whitespace`` issue is reported at no cost; every value is still trimmed and audited. (Until
    2026-12-05 such a column scored 0: a dBase table of names and cities, 81.25.)"""
    export = tmp_path / "fixed.db"
    names = list(WIDTH_COLUMNS)
    rows = [
        (n, *(values[n] if n < len(values) else None for values in WIDTH_COLUMNS.values()))
        for n in range(max(map(len, WIDTH_COLUMNS.values())))
    ]
    con = sqlite3.connect(export)
    with con:
        con.execute(f"CREATE TABLE fixed (id INTEGER PRIMARY KEY, {', '.join(f'{n} TEXT' for n in names)})")
        con.executemany(f"INSERT INTO fixed VALUES (?, {', '.join('?' * len(names))})", rows)
    con.close()
    expected = {}
    for name, values in WIDTH_COLUMNS.items():
        present = [
            v for v in values if v is not None and (not isinstance(v, str) or v.strip() not in ("", "NULL"))
        ]
        if (width := _fixed_width(present)) is not None:
            expected[name] = width
    assert expected == {
        "name": 12,
        "city": 10,
        "blanks_aside": 6,
        "wide_unpadded": 6,
        "right_aligned": 6,
        "printf_fields": 10,
    }
    columns = profile(export).tables["fixed"].columns
    assert {name: c.padded_width for name, c in columns.items() if c.padded_width is not None} == expected
    for name, column in columns.items():
        # The whitespace issue costs nothing exactly where the column is laid out in fixed widths.
        unpadded = replace(column, issues=[i for i in column.issues if i.kind != "whitespace"])
        free = score_column(column) == score_column(unpadded)
        assert free == (name in expected or not column.whitespace_padded_count), name
        issue = column.issue("whitespace")
        assert (issue is not None and "fixed-width fields" in (issue.detail or "")) == (name in expected), (
            name
        )
    assert columns["name"].quality == columns["city"].quality == 100.0

    # A table of such columns alone: clean, exit 0; each padded value trimmed and audited.
    dbase = tmp_path / "dbase.db"
    members = [
        (n, name, city)
        for n, (name, city) in enumerate(zip(WIDTH_COLUMNS["name"], WIDTH_COLUMNS["city"], strict=False))
    ]
    con = sqlite3.connect(dbase)
    with con:
        con.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT, city TEXT)")
        con.executemany("INSERT INTO members VALUES (?, ?, ?)", members)
    con.close()
    record, audit = run_checked(dbase, settings, monkeypatch, "members")
    assert (record["exit_code"], record["warnings"], record["quality_before"]) == (0, [], 100.0)
    padded = {
        name: sum(v != v.strip() for v in WIDTH_COLUMNS[name][: len(members)]) for name in ("name", "city")
    }
    assert Counter(a["column"] for a in audit if a["rule"] == "trim") == padded
    loaded = pg_query(
        str(settings.target), f'SELECT id, name, city FROM "{record["version_schema"]}".members ORDER BY id'
    )
    assert [tuple(row) for row in loaded] == [(n, name.strip(), city.strip()) for n, name, city in members]


def _indented_lines(value: Any) -> bool:
    """``value`` is text of several lines whose padding is its first line's indentation, spaces at its
    start, and at most one line break at its end (a Python stack, a profiler's report)."""
    if not isinstance(value, str) or not value.startswith(" ") or "\n" not in value.strip():
        return False
    body = value.lstrip(" ")
    return value.strip() in (body, body.removesuffix("\r\n"), body.removesuffix("\n"))


#: Columns of values, each judged indented (or not) by :func:`_indented_lines` over every value that is
#: neither ``''`` nor a null token once trimmed.
INDENT_COLUMNS: dict[str, list[Any]] = {
    "stack": [
        '  File "/srv/app/views.py", line 8, in items\n    rows = list(Item.objects.all())\n',
        '  File "/srv/app/sql.py", line 92, in execute\n    tb = "".join(stack)\n  File "x.py", line 1\n',
    ],
    "report": [
        "         1178 function calls in 0.002 seconds\n\n   Ordered by: cumulative time",
        "   5\n   ü",
    ],
    "crlf": ["  a\r\n  b\r\n", "    c\r\nd"],
    "blank_aside": ["  a\n  b", "", "   ", "NULL", "  c\nd"],
    "one_line": ["  a", "  b"],
    "beside_one_line": ["  a\n  b", "  c"],
    "beside_unindented": ["  a\nb", "c\nd"],
    "tab": ["\ta\n\tb", "\tc\nd"],
    "trailing_space": ["  a\nb ", "  c\nd"],
    "doubled": ["  a\nb\n\n", "  c\nd"],
    "nbsp": ["\u00a0 a\nb", "  c\nd"],
    "beside_number": ["  a\nb", 5],
}


def test_text_of_indented_lines_in_every_value_costs_nothing(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text column every value of which (``''`` and null tokens aside) is several lines whose padding
    is its first line's indentation, spaces at its start, and at most one line break at its end (a
    Python stack as ``traceback.format_stack`` writes it, a profiler's report; django-silk's
    ``silk_sqlquery.traceback`` and ``silk_request.pyprofile``) is laid out, not padded: marked
    ``indented`` exactly there (judged here in Python): documents, loaded byte for byte, none trimmed
    (no ``whitespace`` issue, a note saying so; until 2026-12-06 each value was trimmed and audited). A
    value of one line, a tab, a space at an end, two final breaks or a value not indented is charged
    and trimmed as before. (Until 2026-12-05 a silk profile's queries scored 88.89, every traceback
    charged as padded.)"""
    export = tmp_path / "indented.db"
    names = list(INDENT_COLUMNS)
    rows = [
        (n, *(values[n] if n < len(values) else None for values in INDENT_COLUMNS.values()))
        for n in range(max(map(len, INDENT_COLUMNS.values())))
    ]
    con = sqlite3.connect(export)
    with con:
        con.execute(f"CREATE TABLE stacks (id INTEGER PRIMARY KEY, {', '.join(f'{n} TEXT' for n in names)})")
        con.executemany(f"INSERT INTO stacks VALUES (?, {', '.join('?' * len(names))})", rows)
    con.close()
    expected = set()
    for name, values in INDENT_COLUMNS.items():
        present = [v for v in values if not isinstance(v, str) or v.strip() not in ("", "NULL")]
        if present and all(_indented_lines(v) for v in present):
            expected.add(name)
    assert expected == {"stack", "report", "crlf", "blank_aside"}
    columns = profile(export).tables["stacks"].columns
    assert {name for name, c in columns.items() if c.indented} == expected
    for name, column in columns.items():
        # The whitespace issue costs nothing exactly where every value is indented lines.
        unpadded = replace(column, issues=[i for i in column.issues if i.kind != "whitespace"])
        free = score_column(column) == score_column(unpadded)
        assert free == (name in expected or not column.whitespace_padded_count), name
        assert column.layout_kept == (name in expected), name
        assert column.issue("whitespace") is None or name not in expected, name
        said = any("indentation, a layout, not padding: documents" in note for note in column.notes)
        assert said == (name in expected), name

    # A table of stacks alone: clean, exit 0; each value loaded as written, nothing audited.
    queries = tmp_path / "queries.db"
    stacks = [
        (n, f"SELECT {n}", f'  File "/srv/app/v{n}.py", line {n}, in view\n    run(q, {n})\n')
        for n in range(1, 13)
    ]
    con = sqlite3.connect(queries)
    with con:
        con.execute(
            "CREATE TABLE queries (id INTEGER PRIMARY KEY, query TEXT NOT NULL, traceback TEXT NOT NULL)"
        )
        con.executemany("INSERT INTO queries VALUES (?, ?, ?)", stacks)
    con.close()
    record, audit = run_checked(queries, settings, monkeypatch, "queries")
    assert (record["exit_code"], record["warnings"], record["quality_before"]) == (0, [], 100.0)
    assert audit == []
    loaded = pg_query(
        str(settings.target), f'SELECT id, traceback FROM "{record["version_schema"]}".queries ORDER BY id'
    )
    assert [tuple(row) for row in loaded] == [(n, stack) for n, _, stack in stacks]


def stream_details(
    path: Path, *, aspect: str = "TEXT", blank_and_null: bool = False
) -> list[tuple[Any, ...]]:
    """A media server monitor's streams as it writes them (Tautulli's ``session_history_media_info``):
    every string field declared ``TEXT`` and ``''`` where the stream has none (a music track's video
    codec and aspect ratio), a number NULL where it has none (its width). The aspect ratio is a string
    field of the application (``aspect`` its declared type) holding ``'1.78'``-like text that reads as
    numbers. 24 streams, every third a track. ``blank_and_null``: one track writes its aspect NULL."""
    rows: list[tuple[Any, ...]] = [
        (
            n,
            "" if n % 3 == 0 else "h264",
            "aac" if n % 2 else "flac",
            None if n % 3 == 0 else 1920,
            (None if blank_and_null and n == 3 else "") if n % 3 == 0 else ("1.78", "2.35")[n % 2],
        )
        for n in range(1, 25)
    ]
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE streams (id INTEGER PRIMARY KEY, video_codec TEXT, audio_codec TEXT, "
            f"width INTEGER, aspect_ratio {aspect})"
        )
        con.executemany("INSERT INTO streams VALUES (?, ?, ?, ?, ?)", rows)
    con.close()
    return rows


def test_blanks_of_a_string_field_whose_values_read_as_numbers_are_the_tables_way_for_a_text(
    tmp_path: Path,
) -> None:
    """A column the schema declares TEXT is one of the application's strings though its values read as
    numbers (an aspect ratio ``'1.78'``): ``''`` there is how the table writes every missing string, not
    a second way beside its numbers' NULLs. Its blanks and the other strings' cost nothing, each still
    made NULL and audited. (Until 2026-12-05 the one column read as numbers made every blank of the
    table dirt: a Tautulli database's stream details scored 60.87, eleven string columns 0.)"""
    export = tmp_path / "streams.db"
    rows = stream_details(export)
    assert _blanks(rows, 1) and _blanks(rows, 4) and any(row[3] is None for row in rows)
    profiled = profile(export)
    columns = profiled.tables["streams"].columns
    assert columns["aspect_ratio"].inferred_type == "numeric"
    assert {name for name, c in columns.items() if c.blank_is_missing} == {"video_codec", "aspect_ratio"}
    assert profiled.quality == 100.0


def feed_episodes(path: Path, *, size_blank: bool = False) -> list[tuple[Any, ...]]:
    """A feed reader's episodes as it writes them: every string field declared ``VARCHAR(255)`` and
    ``''`` where the feed gives none, the season and episode numbers among them (``'2'``, ``''``),
    every title and link given; the enclosure's size a ``BIGINT`` NULL where the feed gives none
    (``size_blank``: one episode's size ``''`` instead, a second way of writing a missing number)."""
    rows: list[tuple[Any, ...]] = [
        (
            n,
            f"Episode {n}",
            f"https://example.org/e{n}.mp3",
            "" if n % 4 == 0 else str(n % 3 + 1),
            "" if n % 5 == 0 else str(n),
            ("" if size_blank and n == 6 else None) if n % 6 == 0 else 30_000_000 + n,
        )
        for n in range(1, 25)
    ]
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE episodes (id INTEGER PRIMARY KEY, title VARCHAR(255), url VARCHAR(255), "
            "season VARCHAR(255), episode VARCHAR(255), size BIGINT)"
        )
        con.executemany("INSERT INTO episodes VALUES (?, ?, ?, ?, ?, ?)", rows)
    con.close()
    return rows


def test_blanks_of_string_fields_read_as_numbers_alone_are_the_tables_way_for_a_text(tmp_path: Path) -> None:
    """Where the only ``''`` of a table are in string fields whose values read as numbers (a season
    ``'2'`` or ``''``), they are its way of writing a missing string as much as beside a blank text
    column: its other texts hold no NULL and its numbers no ``''``. They cost nothing, each still made
    NULL and audited. (Until 2026-12-06 they cost unless some column read as text held a blank too: a
    feed's episodes with every title given scored their season and episode numbers 0 and 20.)"""
    export = tmp_path / "episodes.db"
    rows = feed_episodes(export)
    assert _blanks(rows, 3) and _blanks(rows, 4) and any(row[5] is None for row in rows)
    assert not any(row[i] in ("", None) for row in rows for i in (1, 2))
    profiled = profile(export)
    columns = profiled.tables["episodes"].columns
    assert columns["season"].inferred_type == columns["episode"].inferred_type == "integer"
    assert {name for name, c in columns.items() if c.blank_is_missing} == {"season", "episode"}
    assert profiled.quality == 100.0


def test_blanks_of_string_fields_read_as_numbers_beside_a_blank_number_still_cost(tmp_path: Path) -> None:
    """The same table with one size written ``''`` (a declared BIGINT) writes a missing number two
    ways: the season's and episode's blanks cost as before."""
    export = tmp_path / "episodes.db"
    rows = feed_episodes(export, size_blank=True)
    profiled = profile(export)
    columns = profiled.tables["episodes"].columns
    assert not any(c.blank_is_missing for c in columns.values())
    assert columns["season"].quality == column_score(len(rows), _blanks(rows, 3))
    assert profiled.quality < 100.0


@pytest.mark.parametrize(("aspect", "blank_and_null"), [("REAL", False), ("NUMERIC", False), ("TEXT", True)])
def test_blanks_of_a_declared_number_or_beside_nulls_of_their_own_column_still_cost(
    tmp_path: Path, aspect: str, blank_and_null: bool
) -> None:
    """``''`` in a column the schema declares a number, or beside a NULL in the same declared-TEXT
    column, is a second way of writing a missing value: the table's blanks cost as they always did."""
    export = tmp_path / "streams.db"
    rows = stream_details(export, aspect=aspect, blank_and_null=blank_and_null)
    profiled = profile(export)
    columns = profiled.tables["streams"].columns
    assert not any(c.blank_is_missing for c in columns.values())
    blanks = {"video_codec": _blanks(rows, 1), "aspect_ratio": _blanks(rows, 4)}
    for name, count in blanks.items():
        assert columns[name].quality == column_score(len(rows), count)
    assert profiled.quality < 100.0


def go_accounts(path: Path, deleted_blank: bool = False) -> list[tuple[Any, ...]]:
    """A Go service's accounts as GORM writes them through mattn/go-sqlite3: a string field ``''`` until
    set, ``time.Time`` as text with its nanoseconds (finer than PostgreSQL keeps, so the column stays
    text), the soft-delete ``deleted_at`` NULL but for one account (``''`` there with
    ``deleted_blank``, a second way of writing a missing value)."""
    start = datetime(2026, 9, 23, 15, 28, 36)
    rows = [
        (
            n,
            f"user{n}",
            "" if n % 3 else f"User {n}",
            "" if n % 4 else f"user{n}@example.org",
            f"{start + timedelta(hours=n):%Y-%m-%d %H:%M:%S}.{100_000_007 * n % 10**9:09d}+00:00",
            f"{start + timedelta(days=n):%Y-%m-%d %H:%M:%S}.{123_456_789 + n:09d}+00:00"
            if n == 5
            else ("" if deleted_blank and n == 6 else None),
        )
        for n in range(1, 21)
    ]
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE `users` (`id` integer PRIMARY KEY AUTOINCREMENT,`name` text,`display_name` text,"
            "`email` text,`created_at` datetime,`deleted_at` datetime)"
        )
        con.executemany("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?)", rows)
    con.close()
    return rows


def test_nulls_of_a_declared_moment_kept_as_text_are_a_moments_way_beside_blank_strings(
    tmp_path: Path,
) -> None:
    """A column declared ``datetime`` whose timestamps are finer than microseconds stays text, but it is
    a moment of the application, not one of its strings: its NULLs (a soft delete not made) are how a
    missing moment is written, no second way beside the strings' ``''``. The strings' blanks cost
    nothing, each still made NULL and audited. (Until 2026-12-05 the one soft-deleted account made every
    string blank of the table dirt: a Headscale server's ``users`` scored 60.)"""
    export = tmp_path / "gorm.db"
    rows = go_accounts(export)
    profiled = profile(export)
    columns = profiled.tables["users"].columns
    assert columns["deleted_at"].inferred_type == columns["created_at"].inferred_type == "text"
    assert columns["deleted_at"].null_count == len(rows) - 1
    assert {name for name, c in columns.items() if c.blank_is_missing} == {"display_name", "email"}
    assert profiled.quality == 100.0


def test_a_blank_in_a_declared_moment_kept_as_text_is_a_second_way_and_the_blanks_still_cost(
    tmp_path: Path,
) -> None:
    """``''`` where a moment belongs (beside its NULLs) writes a missing value a second way: the table's
    blanks cost as they always did."""
    export = tmp_path / "gorm.db"
    rows = go_accounts(export, deleted_blank=True)
    profiled = profile(export)
    columns = profiled.tables["users"].columns
    assert not any(c.blank_is_missing for c in columns.values())
    assert columns["email"].quality == column_score(len(rows), _blanks(rows, 3))
    assert profiled.quality < 100.0


def uuid_places(path: Path, *, declared: bool = True, blank_parent: bool = False) -> list[tuple[Any, ...]]:
    """A tree of places keyed by UUID text, as an ORM with string keys writes it (Go's ent, Prisma):
    a root's ``parent_id`` NULL, a description left empty ``''`` (set from a form), no other NULL.
    ``declared``: the parent declared a FOREIGN KEY (else a reference the data shows); ``blank_parent``:
    one root's parent written ``''`` beside the NULLs (the reference missing two ways)."""
    ids = [f"{n:08x}-6b1e-4c2a-9f00-{n * 7919:012x}" for n in range(1, 19)]
    rows: list[tuple[Any, ...]] = [
        (
            ids[n],
            f"Place {n}",
            "" if n % 3 else f"Shelf {n} by the window",
            None if n % 6 == 0 else ids[n - n % 6],
        )
        for n in range(18)
    ]
    if blank_parent:
        rows[6] = (*rows[6][:3], "")
    reference = " REFERENCES places (id) ON DELETE SET NULL" if declared else ""
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE places (id uuid NOT NULL PRIMARY KEY, name text NOT NULL, description text, "
            f"parent_id uuid{reference})"
        )
        con.executemany("INSERT INTO places VALUES (?, ?, ?, ?)", rows)
    con.close()
    return rows


#: Each form of documents the profile finds (``line_terminated`` in both its forms, ``indented``): its
#: values, as an application writes them, beside ``''``, a value of blanks alone and a null token
#: padded, which are blanks and NULL in any column.
DOCUMENT_FORMS: dict[str, list[str]] = {
    # YAML and base64 in lines, one line break ending every value (a CalDAV body's CRLF among them).
    "terminated": ["---\nname: Zoë\n", "QUJDRA==\n", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "x\n"],
    # A key/value table's PEM certificate beside its one-line settings.
    "documents": ["-----BEGIN KEY-----\nQUJD\n-----END KEY-----\n", "64738", "Köln", "a\r\nb\r\n"],
    # Python stacks as traceback.format_stack writes them, a profiler's right-aligned report.
    "indented": ['  File "v.py", line 8, in f\n    g()\n', "   12 calls\n   ü", '  File "w.py"\r\n  x\r\n'],
    # A worker's log opening with two breaks, a Markdown file ending in two, a mail body in CRLF with a
    # blank line first: documents padded by line breaks alone.
    "break_padded": ["\n\nRUNNER: a\nok", "# Title\n\nBody ü\n\n", "\r\nHi,\r\nBye\r\n", "\na\nb"],
}
#: Names padded to a field's width (a dBase ``C(5)``): trimmed, the width no content.
FIELD_NAMES = ["Ann  ", "Li   ", "Smith", "Bob  "]


def _documents_table(path: Path, documents: list[str]) -> list[tuple[Any, ...]]:
    """A table ``notes`` of ``documents`` (then ``''``, ``'\\n'``, ``'N/A\\n'`` and NULL), a fixed-width
    name beside each and a note padded otherwise; its rows."""
    bodies = [*documents, "", "\n", "N/A\n", None]
    rows = [
        (n + 1, body, FIELD_NAMES[n % len(FIELD_NAMES)], f" note {n}" if n % 2 else f"note {n}")
        for n, body in enumerate(bodies)
    ]
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, name TEXT, note TEXT)")
        con.executemany("INSERT INTO notes VALUES (?, ?, ?, ?)", rows)
    con.close()
    return rows


def ci_runs(path: Path, *, text_null: bool = False) -> list[tuple[Any, ...]]:
    """A CI server's pipelines as an ORM writes them from Go structs (Woodpecker's on xorm): every
    ``string`` ``''`` where it has none (a cron run's author, a push's title), every slice or map
    serialized as JSON into TEXT, ``null`` for a nil one (its changed files, its variables), and no
    NULL anywhere. ``text_null``: one title NULL too (a second way beside the blanks)."""
    rows: list[tuple[Any, ...]] = [
        (
            n,
            "" if n % 4 == 0 else f"user{n % 3}",
            "" if n % 3 else f"Add feature {n}",
            "null" if n % 2 else json.dumps(["main.go", f"cmd/{n}.go"]),
            "null" if n % 5 else json.dumps({"DEPLOY_TO": "staging"}),
            1_717_400_000 + 600 * n,
        )
        for n in range(1, 21)
    ]
    if text_null:
        rows[0] = (*rows[0][:2], None, *rows[0][3:])
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TABLE pipelines (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, author TEXT NULL, "
            "title TEXT NULL, changed_files TEXT NULL, variables TEXT NULL, created INTEGER NULL)"
        )
        con.executemany("INSERT INTO pipelines VALUES (?, ?, ?, ?, ?, ?)", rows)
    con.close()
    return rows


@pytest.mark.parametrize("declared", [True, False])
def test_nulls_of_a_reference_are_no_second_way_of_writing_missing_text(
    tmp_path: Path, declared: bool
) -> None:
    """A reference whose key is text (a UUID) writes "no parent" the only way a reference can: NULL (a
    ``''`` would name a row the parent lacks). Its NULLs say nothing about how the table's other text
    columns write a missing value: a description's ``''`` beside them is the table's one way for a text,
    and costs nothing, each still made NULL and audited. (Until 2026-12-06 it cost as dirt: a Homebox
    inventory's ``locations``, the roots' parent NULL beside blank descriptions, scored them 0.)"""
    export = tmp_path / "places.db"
    rows = uuid_places(export, declared=declared)
    assert _blanks(rows, 2) and any(row[3] is None for row in rows)
    profiled = profile(export)
    columns = profiled.tables["places"].columns
    assert columns["parent_id"].foreign_key == "places.id"
    assert {name for name, c in columns.items() if c.blank_is_missing} == {"description"}
    assert profiled.quality == 100.0


def test_a_blank_reference_beside_its_nulls_is_a_second_way_and_the_blanks_still_cost(tmp_path: Path) -> None:
    """A reference written ``''`` beside its NULLs writes "none" two ways: the table's blanks cost as
    they always did."""
    export = tmp_path / "places.db"
    rows = uuid_places(export, blank_parent=True)
    profiled = profile(export)
    columns = profiled.tables["places"].columns
    assert not any(c.blank_is_missing for c in columns.values())
    assert columns["description"].quality == column_score(len(rows), _blanks(rows, 2))


def test_json_null_of_json_columns_is_no_second_way_beside_the_tables_blanks(tmp_path: Path) -> None:
    """A JSON column's ``null`` (a nil slice or map, as json.Marshal writes it) is how that column
    writes "none", JSON's own way, costing nothing: it says nothing about how the table's strings
    write theirs. A table whose only other missing values are such ``null`` writes a missing string
    one way, ``''``: its blanks cost nothing, each still made NULL and audited. (Until 2026-12-06 the
    ``null`` of a Woodpecker CI server's pipelines' JSON columns made every blank string dirt: its
    author, title, deploy target and reviewer columns scored 0 to 47.)"""
    export = tmp_path / "ci.db"
    ci_runs(export)
    profiled = profile(export)
    columns = profiled.tables["pipelines"].columns
    assert {name for name, c in columns.items() if c.json_null_is_missing} == {"changed_files", "variables"}
    assert {name for name, c in columns.items() if c.blank_is_missing} == {"author", "title"}
    assert profiled.quality == 100.0


def test_json_null_beside_a_null_string_leaves_the_blanks_dirt(tmp_path: Path) -> None:
    """A NULL title beside the blanks is a second way of writing a missing string: the blanks cost as
    before, whatever the JSON columns write."""
    export = tmp_path / "ci.db"
    rows = ci_runs(export, text_null=True)
    profiled = profile(export)
    columns = profiled.tables["pipelines"].columns
    assert not any(c.blank_is_missing for c in columns.values())
    blanks = sum(1 for row in rows if row[1] == "")
    assert columns["author"].quality == column_score(len(rows), blanks)
    assert profiled.quality < 100.0


def _blank_rule(value: str | None) -> str | None:
    """The audit rule of a blank or a null token (trimmed: ``'\\n'``, ``'N/A\\n'``), else None."""
    if value is None or value.strip() not in ("", "N/A"):
        return None
    return "empty_to_null" if value.strip() == "" else "null_like_to_null"


@pytest.mark.parametrize("form", list(DOCUMENT_FORMS))
def test_documents_are_loaded_byte_for_byte_and_fixed_width_fields_still_trimmed(
    form: str, tmp_path: Path, pg_uri: str
) -> None:
    """A column the profile finds to be documents (every value ending in one line break; every value of
    several lines so beside one-line values none pads; every value several lines indented) is loaded
    byte for byte: no value trimmed, no ``trim`` in the audit, no ``whitespace`` counted by the profile
    (a note says why), the profile's counts those of the cleaner. Its ``''``, ``'\\n'`` and ``'N/A\\n'``
    are still NULL (audited as before). Beside it, fixed-width names (``padded_width``) and a note
    padded otherwise are trimmed as ever. (Until 2026-12-06 every document lost its final line break
    or its indentation, audited ``trim``: a CalDAV body no longer matched its etag and size.)"""
    export = tmp_path / f"{form}.db"
    rows = _documents_table(export, DOCUMENT_FORMS[form])
    config = load_settings(**GATES_OPEN)
    found = profile(export, settings=config)
    body, name, note = (found.tables["notes"].columns[c] for c in ("body", "name", "note"))
    assert body.layout_kept and (body.line_terminated or body.indented or body.break_padded)
    assert (body.whitespace_padded_count, body.issue("whitespace")) == (0, None)
    assert any("documents, loaded byte for byte" in said for said in body.notes)
    assert name.padded_width == 5 and not name.layout_kept
    assert name.issue_count("whitespace") == sum(r[2] != r[2].strip() for r in rows)
    assert note.issue_count("whitespace") == sum(r[3] != r[3].strip() for r in rows)
    plan = build_plan(found, settings=config)
    assert (plan.tables["notes"]["body"].keeps_layout, plan.tables["notes"]["name"].keeps_layout) == (
        True,
        False,
    )
    assert "notes.body: documents" in " ".join(plan.notes)

    # The profile's counts are the cleaner's: nothing trimmed of the documents, each other padded value.
    cleaned = clean(export, plan, settings=config)
    for column in (body, name, note):
        counts = cleaned["notes"][column.name].counts
        for issue, counter in (
            ("whitespace", "whitespace_trimmed"),
            ("empty_string", "empty_strings_converted"),
            ("null_like", "null_likes_converted"),
        ):
            assert column.issue_count(issue) == counts.get(counter, 0), (column.name, issue)

    loaded = load_and_check(export, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    target = pg_query(pg_uri, f'SELECT id, body, name, note FROM "{loaded.base}".notes ORDER BY id')
    assert [tuple(row) for row in target] == [
        (i, None if _blank_rule(b) else b, n.strip(), t.strip()) for i, b, n, t in rows
    ]
    audit = pq.read_table(Path(loaded.result.run_dir) / "audit.parquet").to_pylist()
    assert {(a["row_key"], a["column"]): a["rule"] for a in audit} == {
        **{(str(i), "body"): _blank_rule(b) for i, b, _, _ in rows if _blank_rule(b)},
        **{(str(i), "name"): "trim" for i, _, n, _ in rows if n != n.strip()},
        **{(str(i), "note"): "trim" for i, _, _, t in rows if t != t.strip()},
    }


def test_trim_true_still_trims_documents_and_says_so(tmp_path: Path, pg_uri: str) -> None:
    """The operator's ``trim = true`` on a column of documents trims each value as it asks (audited
    ``trim``, at no cost: the profile counts each padded and says why it is trimmed); a column of
    documents it does not name beside it is loaded byte for byte."""
    export = tmp_path / "trimmed.db"
    yaml = ["---\na: 1\n", "---\nb: 2\n", "\n", "---\nc: ü\r\n"]
    rows = [(n + 1, value, value) for n, value in enumerate(yaml)]
    con = sqlite3.connect(export)
    with con:
        con.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, trimmed TEXT, kept TEXT)")
        con.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
    con.close()
    asked = {"docs": {"trimmed": {"trim": True}}}
    found = profile(export, settings=load_settings(**GATES_OPEN, columns=asked))
    trimmed, kept = found.tables["docs"].columns["trimmed"], found.tables["docs"].columns["kept"]
    padded = sum(v.strip() != v and v.strip() != "" for v in yaml)
    assert (trimmed.line_terminated, trimmed.layout_kept, trimmed.issue_count("whitespace")) == (
        True,
        False,
        padded,
    )
    assert "as trim = true asks" in (trimmed.issue("whitespace").detail or "")  # type: ignore[union-attr]
    assert (trimmed.quality, kept.layout_kept, kept.issue("whitespace")) == (100.0, True, None)

    loaded = load_and_check(export, pg_uri, tmp_path, **GATES_OPEN, columns=asked)
    assert loaded.violations == [], summarize(loaded.violations)
    target = pg_query(pg_uri, f'SELECT id, trimmed, kept FROM "{loaded.base}".docs ORDER BY id')
    assert [tuple(row) for row in target] == [
        (i, v.strip() or None, v if v.strip() else None) for i, v, _ in rows
    ]
    audit = pq.read_table(Path(loaded.result.run_dir) / "audit.parquet").to_pylist()
    blank = {(str(i), c): "empty_to_null" for i, v, _ in rows if not v.strip() for c in ("trimmed", "kept")}
    assert {(a["row_key"], a["column"]): a["rule"] for a in audit} == {
        **blank,
        **{(str(i), "trimmed"): "trim" for i, v, _ in rows if v.strip() and v != v.strip()},
    }


def test_a_fraction_written_only_where_it_is_not_zero_is_no_second_way_beside_the_canonical_values(
    tmp_path: Path,
) -> None:
    """A writer that drops a zero fraction (Go's ``2006-01-02 15:04:05.999999999-07:00``) writes most
    moments of a column canonically (``2024-03-13 11:20:00+00:00``) and the odd one with its fraction:
    one way of writing, at no cost, however few carry a fraction. A value written another way
    (``Wed, 13 Mar 2024 12:05:00 +0000``) beside them still costs."""
    export = tmp_path / "fractions.db"
    zoned = [f"2024-03-13 1{h}:20:00+00:00" for h in range(4)] + ["2024-03-13 12:05:00.000077+00:00"]
    rows = [(n, value, value if n else "Wed, 13 Mar 2024 12:05:00 +0000") for n, value in enumerate(zoned)]
    con = sqlite3.connect(export)
    with con:
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, zoned datetime, mixed datetime)")
        con.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
    con.close()
    columns = profile(export).tables["t"].columns
    column = columns["zoned"]
    assert column.inferred_type == "timestamptz"
    issue = column.issue("non_iso_date")
    assert issue is not None and issue.count == 1
    assert issue.detail is not None and issue.detail.endswith("costs nothing"), issue.detail
    assert column.quality == 100.0
    mixed = columns["mixed"]
    assert mixed.issue_count("non_iso_date") == 2  # the fraction and the other way
    assert "1 value written otherwise cost" in (mixed.issue("non_iso_date").detail or "")  # type: ignore[union-attr]
    assert mixed.quality < 100.0


def _break_padded_lines(value: Any) -> bool:
    """``value`` is text of several lines whose padding is line breaks alone (``\\n``, ``\\r\\n``) at
    its start, its end or both: padded, and nothing but such breaks around its trimmed text."""
    if not isinstance(value, str):
        return False
    body = value.strip()
    if "\n" not in body or value == body or value.strip("\r\n") != body:
        return False
    lead, trail = value[: len(value) - len(value.lstrip("\r\n"))], value[len(value.rstrip("\r\n")) :]
    return all("\r" not in part.replace("\r\n", "") for part in (lead, trail))


#: Columns of values, each judged padded by line breaks alone (or not) by :func:`_break_padded_lines`
#: over every value that is neither ``''`` nor a null token once trimmed.
BREAK_COLUMNS: dict[str, list[Any]] = {
    # A media optimiser's worker logs (Unmanic): each runner's block opens with two line breaks.
    "leading": ["\n\nRUNNER: \nx [Pass #1]\n\nLOG:\nframe= 1", "\n\nRUNNER: \ny\nended\n"],
    # Markdown files ending in two breaks; a commit message with a blank line first.
    "trailing": ["# Title\n\nBody\n\n", "a\nb\n\n\n"],
    "both": ["\nSubject\n\nBody ü\n\n", "\n\na\nb\n"],
    "crlf": ["\r\n\r\nHi,\r\nBye", "Hi\r\nyou\r\n\r\n", "\r\na\nb\n"],
    "blank_aside": ["\na\nb", "", "\n\n", "NULL", "N/A\n", "c\nd\n\n"],
    "one_line_beside": ["\n\na\nb", "\nc"],
    "space_in_padding": ["\n\na\nb", " \nc\nd"],
    "space_after_breaks": ["\n\na\nb", "\n c\nd"],
    "tab_at_end": ["\na\nb", "c\nd\t\n"],
    "nbsp": ["\na\nb", "\u00a0\nc\nd"],
    "lone_cr": ["\na\nb", "\rc\nd"],
    "cr_at_end": ["\na\nb", "c\nd\r"],
    "unpadded_beside": ["\na\nb", "c\nd"],
    "beside_number": ["\na\nb", 5],
}


def test_documents_padded_by_line_breaks_alone_keep_their_layout(tmp_path: Path) -> None:
    """A text column every value of which (``''`` and null tokens aside) is several lines padded by
    line breaks alone, ``\\n`` or ``\\r\\n``, at its start, its end or both (a media optimiser's worker
    logs opening with two breaks, Markdown files ending in two, a mail body with a blank line first) is
    documents: marked ``break_padded`` exactly there (judged here in Python), loaded byte for byte
    (``layout_kept``, no ``whitespace`` issue, a note saying so), costing nothing. A value of one line
    padded by a break, a value not padded beside padded ones, or any other padding (a space, a tab, a
    no-break space, a lone CR) is no such layout: its values of one line are padding, charged and
    trimmed as before, and its padded documents (a line break in their trimmed text) are loaded byte
    for byte all the same, at no cost (until 2026-12-06 charged and trimmed). The operator's ``trim =
    true`` trims such documents at no cost. (Until 2026-12-06 Unmanic's command logs scored 0, every
    value trimmed.)"""
    export = tmp_path / "logs.db"
    names = list(BREAK_COLUMNS)
    rows = [
        (n, *(values[n] if n < len(values) else None for values in BREAK_COLUMNS.values()))
        for n in range(max(map(len, BREAK_COLUMNS.values())))
    ]
    con = sqlite3.connect(export)
    with con:
        con.execute(f"CREATE TABLE logs (id INTEGER PRIMARY KEY, {', '.join(f'{n} TEXT' for n in names)})")
        con.executemany(f"INSERT INTO logs VALUES (?, {', '.join('?' * len(names))})", rows)
    con.close()
    expected = set()
    for name, values in BREAK_COLUMNS.items():
        present = [v for v in values if not isinstance(v, str) or v.strip() not in ("", "NULL", "N/A")]
        if present and all(_break_padded_lines(v) for v in present):
            expected.add(name)
    assert expected == {"leading", "trailing", "both", "crlf", "blank_aside"}
    columns = profile(export).tables["logs"].columns
    assert {name for name, c in columns.items() if c.break_padded} == expected
    assert not any(c.line_terminated or c.indented for c in columns.values())
    for name, column in ((name, columns[name]) for name in names):
        # The whitespace issue costs nothing exactly where every value is padded by line breaks alone.
        unpadded = replace(column, issues=[i for i in column.issues if i.kind != "whitespace"])
        free = score_column(column) == score_column(unpadded)
        assert free == (name in expected or not column.whitespace_padded_count), name
        assert column.layout_kept == (name in expected), name
        assert column.issue("whitespace") is None or name not in expected, name
        said = any(
            "padded by line breaks alone" in note and "loaded byte for byte" in note for note in column.notes
        )
        assert said == (name in expected), name
        if name not in expected and name != "beside_number":
            padded = [
                v
                for v in BREAK_COLUMNS[name]
                if isinstance(v, str) and v.strip() not in ("", "NULL", "N/A") and v != v.strip()
            ]
            lines = sum("\n" in v.strip() for v in padded)
            assert column.whitespace_padded_count == len(padded) - lines, name
            assert column.padded_documents == lines, name

    # trim = true trims them as it asks: each counted, at no cost.
    asked = load_settings(**GATES_OPEN, columns={"logs": {"leading": {"trim": True}}})
    leading = profile(export, settings=asked).tables["logs"].columns["leading"]
    assert (leading.break_padded, leading.layout_kept, leading.quality) == (True, False, 100.0)
    assert leading.issue_count("whitespace") == len(BREAK_COLUMNS["leading"])
    assert "as trim = true asks" in (leading.issue("whitespace").detail or "")  # type: ignore[union-attr]


#: A column of documents and values of one line: diff-match-patch patches as ``patch_toText`` writes
#: them (each diff line then a line break: an insertion ending in a space is ``'+de \n'``), mail bodies
#: ending in a signature separator (``'-- \n'``) or in blank lines, an indented snippet, a document no
#: whitespace pads, beside values of one line (a name typed with blanks, a text with a final break).
DOCUMENT_BODIES = [
    "@@ -1,3 +1,6 @@\n abc\n+de \n",
    "@@ -4,6 +4,7 @@\n  sea\n-l\n+L \n",
    "Hi all,\n\nthe build is green.\n\n-- \n",
    "See below.\n\n> quoted\n\n\n",
    "  indented\n  code\n",
    "a\nb",
    " Ann ",
    "plain",
    None,
    "x\n",
]
#: Beside them, documents' blanks and null tokens: still NULL, judged on their trimmed text.
DOCUMENT_REPLIES = ["\n \n", "N/A\n", "ok\nthanks \n", None, "", "fine", "fine", "fine", "fine", "fine"]


def test_values_of_several_lines_are_documents_loaded_byte_for_byte_whatever_pads_them(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text value of several lines (a line break in its trimmed text) is a document: loaded byte
    for byte whatever pads it (a patch's insertion ending in a space, a mail's signature separator,
    blank lines, indentation), no ``trim`` audited, reported in a note at no cost; trimming is for
    values of one line, padding charged and trimmed as before. Blanks and null tokens are still NULL.
    The operator's ``trim = true`` trims documents too, each audited, at no cost. (Until 2026-12-06
    such a column's documents were trimmed and charged: a HedgeDoc patch no longer applied.)"""
    export = tmp_path / "docs.db"
    rows = [
        (n + 1, body, reply)
        for n, (body, reply) in enumerate(zip(DOCUMENT_BODIES, DOCUMENT_REPLIES, strict=True))
    ]
    rows += [(n, f"note {n}", "fine") for n in range(len(rows) + 1, 101)]  # enough rows to pass the gate
    con = sqlite3.connect(export)
    with con:
        con.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY, body TEXT, reply TEXT)")
        con.executemany("INSERT INTO posts VALUES (?, ?, ?)", rows)
    con.close()
    texts = [row[1] for row in rows if row[1] is not None]
    documents = [text for text in texts if text != text.strip() and "\n" in text.strip()]
    one_line = [text for text in texts if text != text.strip() and "\n" not in text.strip()]
    assert (len(documents), len(one_line)) == (5, 2)

    body = profile(export).tables["posts"].columns["body"]
    assert (body.layout_kept, body.line_terminated, body.indented, body.break_padded) == (False,) * 4
    assert (body.whitespace_padded_count, body.padded_documents, body.documents_trimmed) == (2, 5, False)
    # Its examples are the padded values of one line among the smallest padded ones (no documents).
    shown = body.issue("whitespace").examples  # type: ignore[union-attr]
    assert shown and set(shown) <= set(one_line)
    assert body.quality == pytest.approx(column_score(len(rows), len(one_line), COSMETIC))
    assert any("5 padded values of several lines" in note and "byte for byte" in note for note in body.notes)

    record, audit = run_checked(export, settings, monkeypatch, "posts")
    assert (record["exit_code"], record["warnings"]) == (0, [])
    trimmed = {(a["column"], int(a["row_key"])) for a in audit if a["rule"] == "trim"}
    assert trimmed == {("body", row[0]) for row in rows if row[1] in one_line}
    uri, schema = str(settings.target), record["version_schema"]
    loaded = pg_query(uri, f'SELECT id, body, reply FROM "{schema}".posts ORDER BY id')

    def arrives(text: str | None) -> str | None:
        bare = None if text is None else text.strip()
        if bare is None or bare in ("", "N/A"):
            return None
        return text if "\n" in bare else bare

    assert [tuple(row) for row in loaded] == [(n, arrives(b), arrives(r)) for n, b, r in rows]

    # trim = true trims the documents too: each counted and audited, at no cost.
    asked = load_settings(**GATES_OPEN, columns={"posts": {"body": {"trim": True}}})
    found = profile(export, settings=asked)
    trimmed_body = found.tables["posts"].columns["body"]
    assert (trimmed_body.whitespace_padded_count, trimmed_body.padded_documents) == (7, 5)
    assert trimmed_body.documents_trimmed and trimmed_body.quality == body.quality
    assert "5 of them are values of several lines" in (trimmed_body.issue("whitespace").detail or "")  # type: ignore[union-attr]
    plan = build_plan(found, settings=asked)
    assert not plan["posts"]["body"].keeps_documents and plan["posts"]["reply"].keeps_documents
    result = clean(export, plan, settings=asked)
    trims = Counter(a["column"] for a in result.audit.to_pylist() if a["rule"] == "trim")
    assert trims["body"] == 7
    assert result.data is not None
    assert result.data["posts"].column("body").to_pylist() == [
        None if row[1] is None else row[1].strip() for row in rows
    ]
