"""The profile's renderings: the standalone HTML page, notebook fragments and the console summary.

Every test renders a real profile of a real file: the committed fixture, generated exports with heavy
and corrupt dirt, and a small hand-made export with hostile names and values.
"""

from __future__ import annotations

import html
import json
import os
import re
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from markupsafe import escape
from rich.console import Console

from columnar_etl.models import GateReason, GateResult, Profile
from columnar_etl.profiling.profile import profile
from columnar_etl.report import (
    column_html_fragment,
    profile_html_document,
    profile_html_fragment,
    render_profile_console,
    table_html_fragment,
    write_html,
    write_profile_html,
)
from columnar_etl.report.display import severity
from export_generator import generate_export
from tests.conftest import SMALL_TRUTH, SqliteFactory, truth_quality, truth_rows

#: The fixture's quality, from its truth file (docs/profiling.md's formula), as the reports print it.
QUALITY = f"{truth_quality():.1f}"

HOSTILE_COLUMN = "<script>alert(1)</script>"
HOSTILE_VALUE = '"<b>x</b>'
MARKUP_COLUMN = "[red]boom[/red]"


def page_text(markup: str) -> str:
    """What a reader sees: tags dropped, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def console_text(result: Profile, worst: int = 10) -> str:
    console = Console(record=True, width=120)
    render_profile_console(result, console, worst=worst)
    return console.export_text()


@pytest.fixture
def fixture_profile(small_fixture: Path) -> Profile:
    return profile(small_fixture)


@pytest.fixture(scope="module")
def dirty_profiles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Profile]:
    directory = tmp_path_factory.mktemp("dirty")
    profiles = {}
    for dirt in ("heavy", "corrupt"):
        path = directory / f"{dirt}.db"
        generate_export(path, scale=0.02, seed=3, dirt=dirt)
        profiles[dirt] = profile(path)
    return profiles


@pytest.fixture
def hostile_profile(make_sqlite: SqliteFactory) -> Profile:
    path = make_sqlite(
        {
            "t<i>": (
                f'CREATE TABLE "t<i>" ("{HOSTILE_COLUMN}" TEXT, "n" INTEGER, "{MARKUP_COLUMN}" TEXT)',
                [
                    (f" {HOSTILE_VALUE} ", HOSTILE_VALUE, "a\x00b"),
                    ("plain", "1", "x"),
                    (HOSTILE_VALUE, "2", "y"),
                ],
            )
        }
    )
    return profile(path)


def test_document_shows_every_table_and_column_the_score_and_the_gate(
    small_fixture: Path, fixture_profile: Profile
) -> None:
    document = profile_html_document(fixture_profile)
    text = page_text(document)
    assert document.startswith("<!DOCTYPE html>")
    assert f"Profile of {small_fixture.name}" in text
    assert str(small_fixture) in text
    for table in fixture_profile.tables.values():
        assert escape(table.name) in document
        heading = f"{table.row_count:,} rows · {len(table.columns)} columns · quality {table.quality:.1f}"
        assert heading in text
        for column in table:
            assert escape(column.name) in document
    assert f"{fixture_profile.quality:.1f}" == QUALITY
    assert f"Quality {QUALITY}" in text
    assert fixture_profile.gate.status == "pass"
    assert 'class="cetl-banner cetl-banner-pass"' in document
    assert f"PASS quality {QUALITY} meets the gate (80.0)" in text
    assert f"Rows {sum(t.row_count for t in fixture_profile.tables.values()):,}" in text
    assert "Columns 26" in text


def test_document_counts_every_issue_kind(fixture_profile: Profile) -> None:
    text = page_text(profile_html_document(fixture_profile))
    kinds = {issue.kind for column in fixture_profile.columns for issue in column.issues}
    assert {"impossible_date", "orphan_reference", "comma_decimal", "nul_byte"} <= kinds
    for kind in kinds:
        found = [issue for column in fixture_profile.columns if (issue := column.issue(kind))]
        cells = sum(issue.count for issue in found)
        # The "Issues by kind" row: kind, severity, columns affected, cells.
        assert f"{kind} {severity(kind)} {len(found)} {cells:,} " in text


def test_column_fragment_shows_its_figures_formats_and_issues(fixture_profile: Profile) -> None:
    column = fixture_profile["tickets"]["TKT-Created Time"]
    fragment = column_html_fragment(column)
    text = page_text(fragment)
    assert "tickets.TKT-Created Time 109 rows" in text
    assert "TIMESTAMP → timestamp" in text
    assert f'style="width: {100 * column.confidence:.1f}%"' in fragment
    assert "98.1%" in text  # 107 of 109 present values parse
    for fmt, count in column.date_formats.items():
        assert f"{count:,} {fmt}" in text
    assert "order: day-first" in text
    assert f"{column.quality:.1f}" in text
    for issue in column.issues:
        assert f"{issue.kind} {issue.count:,} (" in text
        for example in issue.examples[:5]:
            assert escape(example) in fragment
    assert "impossible_date 1 (0.9%) e.g. 2025-02-30 21:28:56" in text
    # Null / empty / null-like: one empty string and one null-like token in 109 rows.
    assert "0.9% 1 0.9% 1" in text


def test_changed_types_are_highlighted_and_references_named(
    fixture_profile: Profile, make_sqlite: SqliteFactory
) -> None:
    # Declared NUMERIC, holding computed doubles (17 digits): double precision, a changed type.
    rows = [(i, i / 3) for i in range(1, 9)]
    ratios = profile(make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, ratio NUMERIC)", rows)}))
    ratio = column_html_fragment(ratios["t"]["ratio"])
    assert '<span class="cetl-changed"' in ratio
    assert "NUMERIC → double" in page_text(ratio)
    # Declared NUMERIC, holding REAL cells of cents: numeric, as declared.
    rate = column_html_fragment(fixture_profile["timesheets"]["TS-Rate"])
    assert '<span class="cetl-changed"' not in rate
    ticket_id = column_html_fragment(fixture_profile["tickets"]["TKT-Ticket ID"])
    assert '<span class="cetl-changed"' not in ticket_id
    ticket = page_text(column_html_fragment(fixture_profile["comments"]["CMT-Ticket ID"]))
    assert "FK → tickets.TKT-Ticket ID" in ticket
    assert "orphan_reference 5 (0.5%) no row in tickets with this TKT-Ticket ID" in ticket


def test_hostile_names_and_values_are_escaped(hostile_profile: Profile) -> None:
    document = profile_html_document(hostile_profile)
    assert "<script" not in document
    assert "<b>" not in document
    assert "<i>" not in document
    assert "\x00" not in document
    assert escape(HOSTILE_COLUMN) in document
    assert escape(HOSTILE_VALUE) in document
    assert "&lt;i&gt;" in document
    text = page_text(document)
    assert f"invalid_number 1 (33.3%) e.g. {HOSTILE_VALUE}" in text
    assert "nul_byte 1 (33.3%) e.g. a\\0b" in text
    for fragment in (
        profile_html_fragment(hostile_profile),
        table_html_fragment(hostile_profile["t<i>"]),
        column_html_fragment(hostile_profile["t<i>"][HOSTILE_COLUMN]),
    ):
        assert "<script" not in fragment
        assert "<b>" not in fragment


def test_document_is_self_contained(fixture_profile: Profile, hostile_profile: Profile) -> None:
    for result in (fixture_profile, hostile_profile):
        document = profile_html_document(result)
        assert "http://" not in document
        assert "https://" not in document
        links = re.findall(r"""(?:src|href)\s*=\s*["']?([^"'\s>]*)""", document)
        assert links and all(link.startswith("#cetl-table-") for link in links), "only in-page anchors"
        assert "url(" not in document
        assert "@import" not in document
        assert "<script" not in document
        assert "<link" not in document
    assert len(profile_html_document(fixture_profile).encode()) < 300_000


def test_a_warning_of_the_dry_run_alone_is_no_quality_below_the_gate(fixture_profile: Profile) -> None:
    # `profile --dry-run-target` turns a pass into a warn when PostgreSQL rejects sampled values; the
    # banner said the score was "below the gate" whatever it was.
    assert fixture_profile.quality >= 80
    reason = GateReason("dry_run_rejects", "PostgreSQL rejects 1 of 5 sampled values", 1.0, 0.0, "t", "c")
    warned = replace(fixture_profile, gate=GateResult("warn", fixture_profile.quality, (reason,)))
    text = page_text(profile_html_document(warned))
    assert f"WARN quality {fixture_profile.quality:.1f} meets the gate (80.0); look at the warnings" in text
    assert "below the gate" not in text and "PostgreSQL rejects 1 of 5 sampled values" in text


def test_warn_and_halt_banners_carry_their_reasons(dirty_profiles: dict[str, Profile]) -> None:
    heavy = dirty_profiles["heavy"]
    assert heavy.gate.status == "warn"
    document = profile_html_document(heavy)
    text = page_text(document)
    assert 'class="cetl-banner cetl-banner-warn"' in document
    assert (
        f"WARN quality {heavy.quality:.1f} is below the gate (80.0) before cleaning: the cutover is refused "
        "unless the quality after cleaning reaches it." in text
    )
    # The load judges the quality after cleaning: a profile's score below the gate blocks nothing yet.
    assert "the cutover is blocked" not in text
    assert f"(quality_gate: {heavy.quality:.1f} vs. threshold 80.0)" in text

    corrupt = dirty_profiles["corrupt"]
    assert corrupt.gate.status == "halt"
    document = profile_html_document(corrupt)
    text = page_text(document)
    assert 'class="cetl-banner cetl-banner-halt"' in document
    assert "HALT the circuit breaker stopped the run" in text
    for reason in corrupt.gate.reasons:
        assert f"{reason.table}.{reason.column} {reason.message} (corrupt_dates: {reason.value:.1%}" in text


def test_write_profile_html_replaces_the_old_file_atomically(
    fixture_profile: Profile, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")
    reader = target.open(encoding="utf-8")  # a browser holding the old page while the new one lands
    try:
        written = write_profile_html(fixture_profile, target)
        assert reader.read() == "old report"  # the old file was replaced, never rewritten in place
    finally:
        reader.close()
    assert written == target
    assert target.read_text(encoding="utf-8") == profile_html_document(fixture_profile)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()  # like any file the user writes


def test_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_html("half a page \ud800", target)  # a lone surrogate cannot be written as UTF-8
    assert target.read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_notebook_reprs_are_scoped_fragments(fixture_profile: Profile) -> None:
    tickets = fixture_profile["tickets"]
    created = tickets["TKT-Created Time"]
    for fragment in (fixture_profile._repr_html_(), tickets._repr_html_(), created._repr_html_()):
        assert fragment.startswith('<div class="cetl">')
        assert not re.search(r"<(?:html|head|body|!DOCTYPE)[\s>]", fragment, re.I)
        style = re.search(r"<style>(.*?)</style>", fragment, re.S)
        assert style is not None
        css = re.sub(r"/\*.*?\*/", "", style.group(1), flags=re.S)
        selectors = [s.strip() for block in re.findall(r"([^{}]+)\{", css) for s in block.split(",")]
        assert selectors and all(s.startswith(".cetl") for s in selectors), "CSS must not leak"
    assert all(escape(c.name) in tickets._repr_html_() for c in tickets)
    assert "TKT-Due Date" not in created._repr_html_()
    assert fixture_profile._repr_html_() == profile_html_fragment(fixture_profile)


def test_console_lists_tables_worst_columns_and_gate(fixture_profile: Profile) -> None:
    text = console_text(fixture_profile, worst=3)
    rows, columns = truth_rows(), len(fixture_profile.columns)
    assert columns == sum(len(t["columns"]) for t in json.loads(SMALL_TRUTH.read_text())["tables"].values())
    summary = f"{len(rows)} tables, {sum(rows.values()):,} rows, {columns} columns, quality {QUALITY}"
    assert f"Profile of export_small.db  {summary}" in text
    for table in fixture_profile.tables.values():
        key = re.escape(f"{table.key[0]} (declared primary key)")
        counts = rf"{table.row_count:,}\s+{len(table.columns)}\s+\d+"
        row = rf"{table.name}\s+{counts}\s+{key}\s+-\s+{table.quality:.1f}"
        assert re.search(row, text)
    flawed = [c for c in fixture_profile.columns if c.issues]
    worst = sorted(flawed, key=lambda c: c.quality)[:3]
    assert f"Worst columns (3 of {len(flawed)} with issues)" in text
    for column in worst:
        assert f"{column.table}.{column.name}" in text
    shown = [c for c in fixture_profile.columns if f"{c.table}.{c.name} " in text]
    assert shown == [c for c in fixture_profile.columns if c in worst]
    assert re.search(r"65\.1\s+impossible_date=1,\s+unparseable_date=1, non_iso_date=2,", text), "worst first"
    assert f"Gate: PASS  quality {QUALITY} (gate 80.0, floor 50.0)" in text


def test_console_gate_verdicts_with_reasons(dirty_profiles: dict[str, Profile]) -> None:
    heavy = console_text(dirty_profiles["heavy"])
    assert f"Gate: WARN  quality {dirty_profiles['heavy'].quality:.1f}" in heavy
    assert "below the gate" in heavy
    corrupt = dirty_profiles["corrupt"]
    text = console_text(corrupt)
    assert f"Gate: HALT  quality {corrupt.quality:.1f}" in text
    for reason in corrupt.gate.reasons:
        assert f"{reason.table}.{reason.column}: {reason.message}" in text


def test_console_prints_hostile_names_literally(hostile_profile: Profile) -> None:
    text = console_text(hostile_profile)
    assert f"t<i>.{MARKUP_COLUMN}" in text  # rich markup in a name is text, not a style
    assert f"t<i>.{HOSTILE_COLUMN}" in text
    assert "Gate: HALT" in text


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
