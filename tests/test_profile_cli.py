"""``columnar-etl profile`` through the CLI runner: JSON, HTML, exit codes by gate verdict."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.source.identity import file_checksum
from export_generator import generate_export

from .conftest import SMALL_TRUTH, UNFIXABLE_KINDS

runner = CliRunner()


def test_profile_json_matches_the_library(small_fixture: Path) -> None:
    from columnar_etl import profile

    result = runner.invoke(app, ["profile", str(small_fixture), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data.pop("outcome"), data.pop("exit_code")) == ("done", 0)  # the exit-code table's word
    expected = profile(small_fixture).to_dict()
    for key in ("seconds",):
        data.pop(key), expected.pop(key)
    assert data == expected


def test_profile_writes_json_and_html_files(small_fixture: Path, tmp_path: Path) -> None:
    before = file_checksum(small_fixture)
    json_file, html = tmp_path / "profile.json", tmp_path / "report.html"
    result = runner.invoke(
        app, ["profile", str(small_fixture), "--json-file", str(json_file), "--html", str(html)]
    )
    assert result.exit_code == 0, result.output
    assert "quality" in result.stdout and "pass" in result.stdout.lower()
    assert json.loads(json_file.read_text())["version"] == 1
    page = html.read_text()
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert "TKT-Created Time" in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.json", "report.html"]
    assert file_checksum(small_fixture) == before


def test_profile_one_table_sampled(small_fixture: Path) -> None:
    result = runner.invoke(
        app, ["profile", str(small_fixture), "--table", "comments", "--sample", "50", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [t["name"] for t in data["tables"]] == ["comments"]
    assert data["tables"][0]["sampled_rows"] == 50 and data["sample"] == 50


def test_halt_exits_3_and_warn_exits_2(tmp_path: Path) -> None:
    corrupt, heavy = tmp_path / "corrupt.db", tmp_path / "heavy.db"
    generate_export(corrupt, scale=0.02, seed=3, dirt="corrupt")
    generate_export(heavy, scale=0.02, seed=3, dirt="heavy")
    halted = runner.invoke(app, ["profile", str(corrupt), "--json"])
    assert halted.exit_code == 3
    assert json.loads(halted.stdout)["gate"]["status"] == "halt"
    warned = runner.invoke(app, ["profile", str(heavy), "--json"])
    assert warned.exit_code == 2
    assert json.loads(warned.stdout)["gate"]["status"] == "warn"


def test_missing_source_is_exit_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["profile", str(tmp_path / "nope.db")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: file {tmp_path / 'nope.db'}: source file not found")


def test_dry_run_target_adds_the_dry_run(small_fixture: Path, pg_uri: str) -> None:
    result = runner.invoke(
        app, ["--target", pg_uri, "profile", str(small_fixture), "--dry-run-target", "--json"]
    )
    assert result.exit_code == 0, result.output
    dry = json.loads(result.stdout)["dry_run"]
    assert dry["version"] == 2 and dry["rejected"] == 0 and dry["checked"] > 0
    # All 109 tickets are in the sample: the cleaner quarantines exactly the truth's unfixable values.
    truth = json.loads(SMALL_TRUTH.read_text(encoding="utf-8"))["tables"]["tickets"]
    unfixable = sum(
        n for c in truth["columns"].values() for k, n in c["dirt"].items()
        if k in UNFIXABLE_KINDS and k != "orphan_reference"
    )  # fmt: skip
    (tickets,) = [t for t in dry["tables"] if t["name"] == "tickets"]
    assert tickets["sampled_rows"] == truth["row_count"]
    assert sum(c["quarantined"] for c in tickets["columns"]) == unfixable > 0


def test_an_unwritable_html_or_json_file_is_refused_before_profiling(
    small_fixture: Path, tmp_path: Path
) -> None:
    # It was "error: FileNotFoundError: ... '/nonexistent/.x.html.<hex>.tmp'" after the whole profile ran,
    # naming a temp file the user never chose.
    missing = tmp_path / "no_such_dir"
    result = runner.invoke(app, ["profile", str(small_fixture), "--html", str(missing / "p.html")])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"error: file {missing}: the directory of --html does not exist (hint: create it first)\n"
    )
    result = runner.invoke(app, ["profile", str(small_fixture), "--json-file", str(tmp_path)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert (
        result.stderr
        == f"error: file {tmp_path}: --json-file names a directory, not a file (hint: give a file name)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_html_or_json_file_naming_the_source_is_refused_and_the_source_kept(tmp_path: Path) -> None:
    # `profile x.db --html x.db` replaced the export with the HTML report (exit 2, "wrote x.db").
    export = tmp_path / "export.db"
    generate_export(export, scale=0.002, seed=5, dirt="clean")
    checksum = file_checksum(export)
    for option, path in (("--html", export), ("--json-file", tmp_path / "." / "export.db")):
        result = runner.invoke(app, ["profile", str(export), option, str(path)])
        assert (result.exit_code, result.stdout) == (1, ""), result.output
        assert result.stderr == (
            f"error: file {path}: {option} names the source file "
            "(hint: choose another path: the source is never written)\n"
        )
    assert file_checksum(export) == checksum
