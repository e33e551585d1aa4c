"""One snake_case for every path: the cleaner's plan and the loader name columns the same way."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest
from typer.testing import CliRunner

import columnar_etl
from columnar_etl.cli import app
from columnar_etl.config import load_settings
from columnar_etl.loading.strategies import load_tables
from columnar_etl.planning.plan import Plan

from .conftest import SqliteFactory, pg_query

# Expected names written by hand from the rule (accents dropped, other runs → "_", lower case).
COLUMNS = {"Inès Moreau": "ines_moreau", "ticketID": "ticket_id", "Prénom-Été": "prenom_ete"}


def _export(make_sqlite: SqliteFactory) -> Path:
    quoted = ", ".join(f'"{name}" TEXT' for name in COLUMNS)
    return make_sqlite({"people": (f"CREATE TABLE people ({quoted})", [("a", "b", "c"), ("d", "e", "f")])})


def test_the_cleaner_snake_cases_accented_names_by_transliterating(make_sqlite: SqliteFactory) -> None:
    path = _export(make_sqlite)
    cleaned = columnar_etl.clean(path, column_names="snake")
    assert cleaned.data is not None
    assert cleaned.data["people"].column_names == list(COLUMNS.values())
    assert columnar_etl.plan(path, column_names="snake").output_names()["people"] == COLUMNS


def test_the_loader_gives_the_same_names(pg_uri: str, tmp_path: Path) -> None:
    settings = load_settings(backup_dir=tmp_path / "backups", pg_dir=tmp_path / "pg")
    table = pa.table({name: ["a", "d"] for name in COLUMNS})
    result = load_tables({"people": table}, pg_uri, column_names="snake", settings=settings)
    assert result.column_names == {"people": COLUMNS}
    found = pg_query(
        pg_uri,
        "SELECT column_name FROM information_schema.columns "
        f"WHERE table_schema = '{result.schema}' AND table_name = 'people' ORDER BY ordinal_position",
    )
    assert [row[0] for row in found] == list(COLUMNS.values())


def test_the_option_has_one_name_in_clean_and_load() -> None:
    # "export" keeps the names in both (clean once said "keep", load "export").
    assert load_settings(column_names="export").column_names == "export"
    assert load_settings().column_names == "export"


def test_a_plan_saved_with_keep_still_reads_as_export(make_sqlite: SqliteFactory) -> None:
    saved = columnar_etl.plan(_export(make_sqlite)).to_dict()
    assert saved["column_names"] == "export"
    saved["column_names"] = "keep"  # how plans (and run.json files) before issue 18 said it
    assert Plan.from_dict(saved).column_names == "export"
    assert Plan.from_dict(saved).output_names()["people"] == {name: name for name in COLUMNS}


def _loaded_names(uri: str, schema: str) -> list[str]:
    found = pg_query(
        uri,
        "SELECT column_name FROM information_schema.columns "
        f"WHERE table_schema = '{schema}' AND table_name = 'people' ORDER BY ordinal_position",
    )
    return [row[0] for row in found]


def test_load_column_names_flag_wins_over_the_environment(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Precedence is flag > COLUMNAR_ETL_* > TOML > default (docs/configuration.md). `load`'s flag
    # defaulted to "export", so `--column-names export` could not be told from no flag: with
    # COLUMNAR_ETL_COLUMN_NAMES=snake the load wrote snake names whatever the flag said.
    path = _export(make_sqlite)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNAR_ETL_MIN_MEMORY_GB", "0.5")
    monkeypatch.setenv("COLUMNAR_ETL_COLUMN_NAMES", "snake")
    for base, flag, expected in [
        ("by_flag", ["--column-names", "export"], list(COLUMNS)),
        ("by_env", [], list(COLUMNS.values())),
    ]:
        args = ["--target", pg_uri, "load", str(path), "--mode", "blue-green", "--base", base, *flag]
        result = CliRunner().invoke(app, [*args, "--json"])
        assert result.exit_code == 0, result.output
        loaded = json.loads(result.stdout)
        assert _loaded_names(pg_uri, loaded["schema"]) == expected
        # The record maps the export's names to the target's, however the style was chosen.
        assert loaded["column_names"] == (
            {"people": dict(zip(COLUMNS, expected, strict=True))} if flag == [] else None
        )


def test_load_function_takes_column_names_from_its_settings_unless_given(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    path = _export(make_sqlite)
    settings = load_settings(backup_dir=tmp_path / "backups", column_names="snake", min_memory_gb=0.5)
    snake = columnar_etl.load(path, mode="blue-green", base="a", target=pg_uri, settings=settings)
    assert _loaded_names(pg_uri, snake.schema) == list(COLUMNS.values())
    given = columnar_etl.load(
        path, mode="blue-green", base="b", column_names="export", target=pg_uri, settings=settings
    )
    assert _loaded_names(pg_uri, given.schema) == list(COLUMNS)


def test_a_run_with_the_snake_setting_records_the_export_names_mapping(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    # "every mapping is recorded": with the setting (not load's flag) the plan named the columns
    # already, and the version's record held no mapping (the loader saw snake names arrive as such).
    settings = load_settings(
        backup_dir=tmp_path / "b", runs_dir=tmp_path / "runs", column_names="snake", min_memory_gb=0.5
    )
    result = columnar_etl.run(_export(make_sqlite), target=pg_uri, settings=settings)
    assert result.record.exit_code == 0, result.record.error
    assert result.record.load is not None and result.record.load["column_names"] == {"people": COLUMNS}
    [(value,)] = pg_query(pg_uri, "SELECT column_names FROM columnar_etl.versions")
    assert (json.loads(value) if isinstance(value, str) else value) == {"people": COLUMNS}
