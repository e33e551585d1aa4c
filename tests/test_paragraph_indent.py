"""A paragraph's indent is typography, not padding (``profiling.layout.paragraph_indented``): a text
column every value of which opens on ideographic spaces (U+3000, how Chinese and Japanese prose starts
a paragraph), one of one line padded by nothing else, is loaded as written, not trimmed, not charged.
Anything else (an indent beside unindented values, padding at the end too, ASCII spaces or tabs) is
padding, trimmed and audited as before. Expected values are judged here, in Python, from the values
written."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from columnar_etl import profile
from columnar_etl.config import load_settings
from columnar_etl.planning.build import build_plan
from columnar_etl.profiling.quality import score_column

from .conftest import pg_query
from .lossless_check import summarize
from .test_lossless import GATES_OPEN, load_and_check

IDEOGRAPHIC_SPACE = "\u3000"
#: The null tokens among the values below (the default list's), NULL whatever pads them.
TOKENS = ("NULL", "N/A")

#: Columns of values, each judged indented (or not) by :func:`_opens_on_indent` over every value that
#: is neither ``''``, blanks nor a null token once trimmed.
INDENT_COLUMNS: dict[str, list[Any]] = {
    # An e-book reader's intros: two U+3000, one line or two (a document, kept anyway).
    "chinese": ["\u3000\u3000三体，刘慈欣著。", "\u3000\u3000活着，余华著。\n\u3000\u3000小说，连载中。"],
    # Japanese indents by one; a long text or a short one alike.
    "japanese": ["\u3000吾輩は猫である。名前はまだ無い。", "\u3000どこで生れたかとんと見当がつかぬ。"],
    "blank_aside": ["\u3000\u3000甲。", "", "   ", "\u3000\u3000", "NULL", " N/A ", "\u3000\u3000乙。"],
    # A document opening on the indent, padded at its end too: a document, whatever pads it.
    "document_padded": ["\u3000\u3000甲。", "\u3000\u3000乙。\n\u3000\u3000丙。\n"],
    # Padding at the end too, of one line: padding (today's trim, both ends).
    "trailing_space": ["\u3000\u3000甲。 ", "\u3000\u3000乙。"],
    "trailing_ideographic": ["\u3000\u3000甲。\u3000", "\u3000\u3000乙。"],
    "trailing_break": ["\u3000\u3000甲。\n", "\u3000\u3000乙。"],
    # Indented prose beside unindented prose: two writers, padding.
    "beside_unindented": ["\u3000\u3000甲。", "乙。"],
    "beside_unindented_document": ["\u3000\u3000甲。", "乙。\n丙。"],
    # A name typed with a stray full-width space among names: padding.
    "stray_name": ["\u3000田中", "佐藤", "鈴木"],
    # ASCII spaces and tabs: an aligned field, a pasted code, a slip; one line shows no paragraph.
    "ascii": ["  ABC", "  DEF"],
    "ascii_prose": ["  It was a dark and stormy night.", "  Call me Ishmael."],
    "tab": ["\t甲。", "\t乙。"],
    "mixed_start": ["\u3000 甲。", "\u3000\u3000乙。"],
    "space_first": [" \u3000甲。", "\u3000\u3000乙。"],
    "beside_number": ["\u3000\u3000甲。", 5],
}


def _present(values: list[Any]) -> list[Any]:
    """The values that are neither ``''``, blanks alone nor a null token, once trimmed."""
    return [v for v in values if not isinstance(v, str) or v.strip() not in ("", *TOKENS)]


def _opens_on_indent(value: Any) -> bool:
    """``value`` is text opening on one or more U+3000, and, of one line, padded by nothing else."""
    if not isinstance(value, str) or not value.startswith(IDEOGRAPHIC_SPACE):
        return False
    return "\n" in value.strip() or value.lstrip(IDEOGRAPHIC_SPACE) == value.strip()


def _loaded(value: Any, kept: bool) -> Any:
    """What a cell arrives as: blank or a null token NULL; in a column kept as written, the value;
    otherwise a document (a line break in its trimmed text) byte for byte, text trimmed."""
    if not isinstance(value, str):
        return str(value)  # an INTEGER cell of a text column: its text
    if value.strip() in ("", *TOKENS):
        return None
    if kept or "\n" in value.strip():
        return value
    return value.strip()


def _indent_export(path: Path) -> list[tuple[Any, ...]]:
    names = list(INDENT_COLUMNS)
    rows = [
        (n, *(values[n] if n < len(values) else None for values in INDENT_COLUMNS.values()))
        for n in range(max(map(len, INDENT_COLUMNS.values())))
    ]
    con = sqlite3.connect(path)
    with con:
        con.execute(f"CREATE TABLE intros (id INTEGER PRIMARY KEY, {', '.join(f'{n} TEXT' for n in names)})")
        con.executemany(f"INSERT INTO intros VALUES (?, {', '.join('?' * len(names))})", rows)
    con.close()
    return rows


def test_a_column_whose_every_value_opens_on_an_ideographic_indent_is_loaded_as_written(
    tmp_path: Path, pg_uri: str
) -> None:
    """Every value (blanks and null tokens aside) opening on U+3000, one of one line padded by nothing
    else: ``paragraph_indented``, its layout kept (no ``whitespace`` issue, no cost, a note saying
    so), each value loaded as written, nothing audited ``trim``. Until 2026-12-07 each value of one
    line was trimmed, audited, and the column scored 0 before cleaning. Every other column is padding
    as before: trimmed, audited, charged."""
    export = tmp_path / "intros.db"
    rows = _indent_export(export)
    expected = {
        name
        for name, values in INDENT_COLUMNS.items()
        if (present := _present(values)) and all(_opens_on_indent(v) for v in present)
    }
    assert expected == {"chinese", "japanese", "blank_aside", "document_padded"}
    found = profile(export, settings=load_settings(**GATES_OPEN))
    columns = found.tables["intros"].columns
    # The plan says why each such column is loaded as written.
    said = {note.split(":")[0] for note in build_plan(found).notes if "(paragraph_indented)" in note}
    assert said == {f"intros.{name}" for name in expected}
    assert {name for name, c in columns.items() if c.layout_kept} == expected
    assert {name for name, c in columns.items() if c.paragraph_indented} == expected
    for name, column in columns.items():
        if name == "id":
            continue
        kept = name in expected
        assert column.layout_kept == kept, name
        # Trimmed values of one line are padding, as before; documents are kept anyway, at no cost.
        padded = [v for v in _present(INDENT_COLUMNS[name]) if isinstance(v, str) and v != v.strip()]
        one_line = sum("\n" not in v.strip() for v in padded)
        assert column.whitespace_padded_count == (0 if kept else one_line), name
        assert (column.issue("whitespace") is None) == kept, name
        unpadded = replace(column, issues=[i for i in column.issues if i.kind != "whitespace"])
        assert (score_column(column) == score_column(unpadded)) == kept, name
        said = any("paragraph indent of ideographic spaces" in note for note in column.notes)
        assert said == kept, name

    loaded = load_and_check(export, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    names = list(INDENT_COLUMNS)
    target = pg_query(pg_uri, f'SELECT id, {", ".join(names)} FROM "{loaded.base}".intros ORDER BY id')
    assert [tuple(row) for row in target] == [
        (
            row[0],
            *(None if v is None else _loaded(v, n in expected) for n, v in zip(names, row[1:], strict=True)),
        )
        for row in rows
    ]
    audit = pq.read_table(Path(loaded.result.run_dir) / "audit.parquet").to_pylist()
    trimmed = Counter(a["column"] for a in audit if a["rule"] == "trim")
    assert trimmed == {
        name: n
        for name, values in INDENT_COLUMNS.items()
        if name not in expected
        and (
            n := sum(
                1 for v in _present(values) if isinstance(v, str) and v != v.strip() and "\n" not in v.strip()
            )
        )
    }


def test_trim_true_trims_a_paragraph_indent_as_it_asks_at_no_cost(tmp_path: Path, pg_uri: str) -> None:
    """The operator's ``trim = true`` wins: each indented value is trimmed and audited ``trim``, the
    ``whitespace`` issue says why, at no cost; the column it does not name beside it is kept."""
    export = tmp_path / "asked.db"
    intros = [
        "\u3000\u3000三体，刘慈欣著。",
        "\u3000\u3000活着，余华著。",
        "\u3000\u3000围城。\n\u3000\u3000小说。",
    ]
    rows = [(n + 1, value, value) for n, value in enumerate(intros)]
    con = sqlite3.connect(export)
    with con:
        con.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, trimmed TEXT, kept TEXT)")
        con.executemany("INSERT INTO books VALUES (?, ?, ?)", rows)
    con.close()
    asked = {"books": {"trimmed": {"trim": True}}}
    found = profile(export, settings=load_settings(**GATES_OPEN, columns=asked)).tables["books"].columns
    trimmed, kept = found["trimmed"], found["kept"]
    assert trimmed.issue_count("whitespace") == len(intros)
    assert "as trim = true asks" in (trimmed.issue("whitespace").detail or "")  # type: ignore[union-attr]
    assert (trimmed.quality, kept.quality, kept.layout_kept) == (100.0, 100.0, True)
    assert (trimmed.paragraph_indented, trimmed.layout_kept) == (True, False)
    assert (trimmed.quality, kept.paragraph_indented, kept.layout_kept, kept.quality) == (
        100.0,
        True,
        True,
        100.0,
    )

    loaded = load_and_check(export, pg_uri, tmp_path, **GATES_OPEN, columns=asked)
    assert loaded.violations == [], summarize(loaded.violations)
    target = pg_query(pg_uri, f'SELECT id, trimmed, kept FROM "{loaded.base}".books ORDER BY id')
    assert [tuple(row) for row in target] == [(i, v.strip(), v) for i, v, _ in rows]
    audit = pq.read_table(Path(loaded.result.run_dir) / "audit.parquet").to_pylist()
    assert Counter((a["column"], a["rule"]) for a in audit) == {("trimmed", "trim"): len(intros)}
