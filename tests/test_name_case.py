"""Names as SQLite compares them (h92): the 26 ASCII letters without regard to case, every other
character as written.

``--table tick`` is the export's table ``Tick`` (SQLite's ``SELECT * FROM tick`` reads it), and so is
``[columns."tick"."name"]`` its column ``Name``; a name matching no table is a usage error (64) naming
the names like it. ``Ä`` and ``ä`` are two tables to SQLite (and two columns of one table): they are
never taken for one another, in the target, the snake names or the artefacts. A hand-edited plan whose
output names differ only in ASCII case cannot be written to SQLite (nor read back by DuckDB or a
dashboard that does not quote): refused up front (64) naming the file, table and both columns.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.config import ColumnOverride, load_settings
from columnar_etl.errors import UsageError
from columnar_etl.pipeline.clean import clean
from columnar_etl.pipeline.runner import run
from columnar_etl.planning.build import build_plan
from columnar_etl.planning.plan import Plan
from columnar_etl.profiling.profile import profile

from .conftest import pg_query, run_settings
from .lossless_check import check_run, summarize

runner = CliRunner()


def tick_export(path: Path, dates: tuple[str, str] = ("2025-03-04", "2025-05-06")) -> Path:
    con = sqlite3.connect(path)
    with con:
        con.execute('CREATE TABLE "Tick" (id INTEGER PRIMARY KEY, "Name" TEXT, "Opened" TEXT)')
        con.executemany("INSERT INTO Tick VALUES (?, ?, ?)", [(1, "a", dates[0]), (2, "b", dates[1])])
        con.execute("CREATE TABLE other (id INTEGER PRIMARY KEY)")
        con.execute("INSERT INTO other VALUES (1)")
    con.close()
    return path


@pytest.mark.parametrize("command", ["profile", "clean"])
def test_a_table_named_in_another_ascii_case_is_the_exports(tmp_path: Path, command: str) -> None:
    export = tick_export(tmp_path / "t.db")
    assert sqlite3.connect(export).execute("SELECT count(*) FROM tick").fetchone() == (2,)  # SQLite's rule
    args = [command, str(export), "--table", "tick", "--table", "TICK"]
    if command == "profile":
        args.append("--json")
    else:
        args += ["--output", str(tmp_path / "out.db"), "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    names = [t["name"] for t in data["tables"]]
    assert names == ["Tick"]
    if command == "clean":
        out = sqlite3.connect(tmp_path / "out.db")
        assert out.execute('SELECT id, "Name" FROM "Tick" ORDER BY id').fetchall() == [(1, "a"), (2, "b")]
        assert out.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall() == [("Tick",)]


@pytest.mark.parametrize("command", ["profile", "clean"])
def test_an_unknown_table_is_a_usage_error_naming_the_near_ones(tmp_path: Path, command: str) -> None:
    export = tick_export(tmp_path / "t.db")
    args = [command, str(export), "--table", "Tik"]
    if command == "clean":
        args += ["--output", str(tmp_path / "out.db")]
    result = runner.invoke(app, args)
    assert result.exit_code == 64, result.output
    assert result.stderr.strip() == (
        f"error: file {export}, table 'Tik': no such table in the source "
        "(hint: did you mean 'Tick'? (SQLite ignores the case of A-Z only); tables are: Tick, other)"
    )
    assert not (tmp_path / "out.db").exists()


def test_clean_by_a_plan_takes_the_plans_table_by_its_ascii_case_and_refuses_an_unknown_one(
    tmp_path: Path,
) -> None:
    export = tick_export(tmp_path / "t.db")
    plan = build_plan(profile(export))
    assert list(clean(export, plan, tables=["TICK"]).tables) == ["Tick"]
    with pytest.raises(UsageError, match="no such table in the cleaning plan") as info:
        clean(export, plan, tables=["nope"])
    assert info.value.exit_code == 64


def test_non_ascii_case_is_two_tables_to_sqlite_and_to_us(tmp_path: Path) -> None:
    export = tmp_path / "u.db"
    con = sqlite3.connect(export)
    with con:
        con.execute('CREATE TABLE "Ä" (id INTEGER PRIMARY KEY, v TEXT)')
        con.execute('CREATE TABLE "ä" (id INTEGER PRIMARY KEY, v TEXT)')
        con.execute("INSERT INTO \"Ä\" VALUES (1, 'upper')")
        con.execute("INSERT INTO \"ä\" VALUES (1, 'lower')")
    con.close()
    assert [t.name for t in profile(export, tables=["ä"]).tables.values()] == ["ä"]
    with pytest.raises(UsageError) as info:
        profile(export, tables=["ö"])
    assert "did you mean" not in str(info.value)
    result = clean(export, tables=["Ä"])
    assert result.data is not None and result.data["Ä"].to_pylist() == [{"id": 1, "v": "upper"}]


def test_an_override_names_a_table_and_column_in_another_ascii_case(tmp_path: Path) -> None:
    export = tick_export(tmp_path / "t.db", ("03/04/2025", "05/06/2025"))
    # Month first, as only the override can say (03/04/2025 reads either way).
    settings = load_settings(
        columns={"tick": {"opened": ColumnOverride(formats=["%m/%d/%Y"])}}, date_order_default="day_first"
    )
    profiled = profile(export, settings=settings)
    assert profiled["Tick"]["Opened"].to_dict()["reading_override"]["order"] == "month_first"
    result = clean(export, settings=settings)
    assert result.data is not None
    assert [str(d) for d in result.data["Tick"]["Opened"].to_pylist()] == ["2025-03-04", "2025-05-06"]
    with pytest.raises(Exception, match="override names a column the table does not have"):
        clean(export, settings=load_settings(columns={"tick": {"opend": ColumnOverride(type="text")}}))


def _tables_a_and_a_umlaut(tmp_path: Path, columns: str, values: Callable[[str], str]) -> Path:
    """An export of tables ``Ä`` and ``ä`` (alike but for a case SQLite does not fold), each of an
    ``id`` and ``columns``, holding one row: 1 and ``values(table)``."""
    export = tmp_path / "u.db"
    con = sqlite3.connect(export)
    with con:
        for table in ("Ä", "ä"):
            con.execute(f'CREATE TABLE "{table}" (id INTEGER PRIMARY KEY, {columns})')
            con.execute(f'INSERT INTO "{table}" VALUES (1, {values(table)})')
    con.close()
    return export


def test_non_ascii_case_tables_and_columns_load_apart(tmp_path: Path, pg_uri: str) -> None:
    export = _tables_a_and_a_umlaut(tmp_path, '"Ö" TEXT, "ö" TEXT', lambda table: f"'{table}Ö', '{table}ö'")
    for style in ("export", "snake"):
        base = f"desk_{style}"
        settings = run_settings(tmp_path / style, pg_uri, min_quality=0, column_names=style, base_schema=base)
        result = run(export, settings=settings, mode="simple")
        assert result.exit_code == 0 and result.record.outcome == "done", result.record.error
        assert not (violations := check_run(result, export, pg_uri, base)), summarize(violations)
        for table in ("Ä", "ä"):
            rows = pg_query(pg_uri, f'SELECT * FROM {base}."{table}"')
            assert rows == [(1, f"{table}Ö", f"{table}ö")], (style, table)
        columns = pg_query(
            pg_uri,
            f"SELECT column_name FROM information_schema.columns WHERE table_schema = '{base}' "
            "AND table_name = 'ä' ORDER BY ordinal_position",
        )
        assert [c for (c,) in columns] == (["id", "Ö", "ö"] if style == "export" else ["id", "o", "o_2"])


def test_parquet_output_of_non_ascii_case_tables(tmp_path: Path) -> None:
    export = _tables_a_and_a_umlaut(tmp_path, "v TEXT", lambda table: f"'{table}'")
    out = tmp_path / "out.parquet"
    clean(export, output=out)
    import pyarrow.parquet as pq

    found = {p.name: pq.read_table(p).to_pylist() for p in sorted(out.iterdir())}
    assert sorted(v for rows in found.values() for row in rows for v in [row["v"]]) == ["Ä", "ä"]
    assert len(found) == 2


def _edited_plan(tmp_path: Path, export: Path, renames: dict[str, str]) -> Path:
    plan = build_plan(profile(export)).to_dict()
    for table in plan["tables"]:
        for column in table["columns"]:
            column["output_name"] = renames.get(column["name"], column["output_name"])
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    return path


def test_a_plan_whose_output_names_differ_only_in_ascii_case_is_refused(tmp_path: Path) -> None:
    export = tick_export(tmp_path / "t.db")
    path = _edited_plan(tmp_path, export, {"id": "NAME", "Name": "name"})
    result = runner.invoke(
        app, ["clean", str(export), "--plan", str(path), "--output", str(tmp_path / "out.db")]
    )
    assert result.exit_code == 64, result.output
    assert result.stderr.strip() == (
        f"error: file {path}, table 'Tick', column 'Name': columns 'id' and 'Name' are named 'NAME' and "
        "'name' in the plan, one name to SQLite and DuckDB (hint: give each column an output_name that "
        "differs in more than the case of A-Z)"
    )
    assert not (tmp_path / "out.db").exists()


def test_a_plan_may_name_columns_apart_by_non_ascii_case(tmp_path: Path) -> None:
    export = tick_export(tmp_path / "t.db")
    path = _edited_plan(tmp_path, export, {"Name": "Ä", "Opened": "ä"})
    result = clean(export, Plan.from_file(path), output=tmp_path / "out.db")
    out = sqlite3.connect(tmp_path / "out.db")
    assert out.execute('SELECT "Ä", "ä" FROM "Tick" ORDER BY id').fetchall() == [
        ("a", "2025-03-04"),
        ("b", "2025-05-06"),
    ]
    assert result.tables["Tick"].rows_out == 2


def test_a_plan_naming_two_tables_alike_but_for_ascii_case_is_refused(tmp_path: Path) -> None:
    export = tick_export(tmp_path / "t.db")
    plan = build_plan(profile(export)).to_dict()
    twin = json.loads(json.dumps(plan["tables"][0]))
    twin["name"] = twin["name"].upper()
    plan["tables"].append(twin)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    with pytest.raises(UsageError) as info:
        Plan.from_file(path)
    assert str(info.value) == (
        f"file {path}, table 'TICK': the plan names a table as 'Tick' and 'TICK', one name to SQLite and "
        "DuckDB (hint: plan each table once)"
    )


def test_a_plan_naming_the_exports_table_or_column_in_another_case_says_how_the_export_writes_it(
    tmp_path: Path,
) -> None:
    # A plan names tables and columns as the export wrote them (its names are the target's): one in
    # another case does not fit the source (exit 1, as any name the export lacks), and the hint says
    # how the export writes it.
    export = tick_export(tmp_path / "t.db")
    plan = build_plan(profile(export)).to_dict()
    for edit, expected in (
        ({"table": "tick"}, "table 'tick': no such table in the source (hint: did you mean 'Tick'?"),
        (
            {"column": "NAME"},
            "table 'Tick': the cleaning plan does not fit the source: no column 'NAME' in the source "
            "(hint: the export writes it 'Name'; build the plan from a profile of this file)",
        ),
    ):
        edited = json.loads(json.dumps(plan))
        table = next(t for t in edited["tables"] if t["name"] == "Tick")
        table["name"] = edit.get("table", "Tick")
        if "column" in edit:
            next(c for c in table["columns"] if c["name"] == "Name")["name"] = edit["column"]
        path = tmp_path / "plan.json"
        path.write_text(json.dumps(edited))
        out = tmp_path / "out.db"
        result = runner.invoke(app, ["clean", str(export), "--plan", str(path), "--output", str(out)])
        assert result.exit_code == 1, result.output
        assert result.stderr.strip().startswith(f"error: file {export}, {expected}"), result.stderr
        assert not out.exists()
