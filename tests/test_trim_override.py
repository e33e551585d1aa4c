"""``[columns."t"."c"] trim = false``: a text column whose padding is layout (an application's printed
output, a fixed-width report) keeps it. Its cells arrive as the source wrote them (NUL bytes removed;
``''`` and a null token written exactly so made NULL), no ``whitespace`` change is audited for it, the
profile counts its values as written (no padding charged), and a neighbouring column is trimmed as ever.
Expected values come from the SQLite file (read by ``sqlite3``) and Python's own ``str.strip``.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import columnar_etl
from columnar_etl.cli import app
from columnar_etl.config import load_settings
from columnar_etl.errors import ConfigError
from columnar_etl.pipeline.clean import clean
from columnar_etl.planning.plan import ColumnPlan, Plan

from .conftest import SqliteFactory, examples, pg_query
from .lossless_check import summarize
from .test_lossless import GATES_OPEN, load_and_check
from .value_oracle import WHITE_SPACE

runner = CliRunner()

#: A pandas frame as IPython prints it: its first line starts with blanks, its columns aligned by them.
TABLE_PRINT = "   a    b\n0  1  x  \n1  22 yy \n"
#: The null tokens this file holds (both among the default ones); no other value of it is one.
TOKENS = {"NULL", "N/A"}


def _history_rows() -> list[tuple[Any, ...]]:
    """An IPython history (``output_history``-like) beside a padded name: outputs as printed."""
    outputs = [
        TABLE_PRINT,
        f"  Out: {TABLE_PRINT}",
        "\n\n   indented code\n\tand a tab\n",
        "  ",  # blanks alone: a value when its padding is kept
        "\n",
        "",  # empty: NULL either way
        "NULL",  # a null token written so: NULL
        " NULL ",  # padded: a value (tokens are compared as written)
        "x\0  ",  # a NUL byte: removed (audited), the padding kept
        "\u00a0nbsp\u2003",
        "plain",
        None,
    ]
    names = [" Ann ", "Bob", "  ", "N/A", "\tCy\n", "Dee", "Eve ", "", " Fay", "Gus", "Hal", None]
    return [(n + 1, out, name) for n, (out, name) in enumerate(zip(outputs * 3, names * 3, strict=True))]


TABLES = {
    "history": ("CREATE TABLE history (id INTEGER PRIMARY KEY, output TEXT, name TEXT)", _history_rows()),
    # Padding alone, no other dirt: the column's score is the padding's cost, or nothing. Batches
    # large enough for the cleaner to check them (and pass a column through unchanged).
    "report": (
        "CREATE TABLE report (id INTEGER PRIMARY KEY, line TEXT)",
        [(n, f"{'':>{n % 7}}{n:>6}  total{'':<{n % 3}}") for n in range(1, 5001)],
    ),
}

KEPT = {"history": {"output": {"trim": False}}, "report": {"line": {"trim": False}}}


def _source_cells(path: Path, table: str, column: str) -> dict[int, str | None]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute(f'SELECT id, "{column}" FROM "{table}"').fetchall())
    finally:
        con.close()


def _kept(cell: str | None, tokens: Collection[str] = TOKENS) -> str | None:
    """What a ``trim = false`` cell becomes: its text less NUL bytes; NULL if that is '' or a token."""
    if cell is None:
        return None
    text = cell.replace("\0", "")
    return None if text == "" or text in tokens else text


def _trimmed(cell: str | None) -> str | None:
    """What a cell of a column trimmed as ever becomes (Unicode whitespace, as ``str.strip``)."""
    if cell is None:
        return None
    text = cell.replace("\0", "").strip()
    return None if text == "" or text in TOKENS else text


def test_a_column_of_trim_false_is_loaded_with_its_padding_every_cell_checked(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    path = make_sqlite(TABLES, name="history.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN, columns=KEPT)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.data_type("history", "output") == "text"
    target = dict(pg_query(pg_uri, f'SELECT id, output FROM "{loaded.base}".history'))
    names = dict(pg_query(pg_uri, f'SELECT id, name FROM "{loaded.base}".history'))
    source, source_names = _source_cells(path, "history", "output"), _source_cells(path, "history", "name")
    assert target == {key: _kept(cell) for key, cell in source.items()}
    assert target[1] == TABLE_PRINT and target[4] == "  " and target[8] == " NULL "
    # The neighbour is trimmed as ever.
    assert names == {key: _trimmed(cell) for key, cell in source_names.items()}
    lines = dict(pg_query(pg_uri, f'SELECT id, line FROM "{loaded.base}".report'))
    assert lines == _source_cells(path, "report", "line")

    audit = pq.read_table(Path(loaded.result.run_dir) / "audit.parquet").to_pylist()
    rules = {(row["column"], row["rule"]) for row in audit if row["table"] == "history"}
    assert {rule for column, rule in rules if column == "output"} == {
        "empty_to_null",
        "null_like_to_null",
        "nul_removed",
    }
    assert ("name", "trim") in rules
    assert not [row for row in audit if row["table"] == "report"]
    # The audit's trims of the neighbour are exactly its padded cells.
    trimmed = {int(row["row_key"]) for row in audit if row["column"] == "name" and row["rule"] == "trim"}
    assert trimmed == {
        key for key, cell in source_names.items() if cell and cell.strip() and cell.strip() != cell
    }


def test_the_profile_counts_the_column_as_the_cleaner_keeps_it(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite(TABLES, name="history.db")
    config = load_settings(**GATES_OPEN, columns=KEPT)
    profile = columnar_etl.profile(path, settings=config)
    output = profile["history"]["output"]
    cells = [cell for cell in _source_cells(path, "history", "output").values() if cell is not None]
    assert output.inferred_type == "text"
    assert output.whitespace_padded_count == 0 and output.issue("whitespace") is None
    assert output.empty_string_count == sum(cell.replace("\0", "") == "" for cell in cells)
    assert output.null_like_count == sum(cell.replace("\0", "") in TOKENS for cell in cells)
    assert any("trim = false" in note for note in output.notes)
    # The neighbour's padding is counted (and charged) as ever.
    assert profile["history"]["name"].issue_count("whitespace") == 12
    # What the profile counts is what cleaning does.
    result = clean(path, columnar_etl.plan(profile, settings=config), settings=config)
    stats = result["history"]["output"]
    assert (output.valid_count, output.invalid_count) == (stats.non_null, stats.quarantined)
    # Padding declared layout costs nothing: the report scores 100, and less trimmed.
    assert profile["report"]["line"].quality == 100.0
    assert columnar_etl.profile(path, settings=load_settings(**GATES_OPEN))["report"]["line"].quality < 100.0


def test_the_plan_carries_the_choice(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite(TABLES, name="history.db")
    config = load_settings(**GATES_OPEN, columns=KEPT)
    plan = columnar_etl.plan(columnar_etl.profile(path, settings=config), settings=config)
    column = plan["history"]["output"]
    assert column.trim is False and column.keeps_padding and not column.as_written
    assert plan["history"]["name"].trim is True
    assert "history.output: text kept with its padding (trim = false)" in plan.notes
    again = Plan.from_json(plan.to_json())
    assert again["history"]["output"].trim is False
    # A plan written before the setting trims.
    old = {key: value for key, value in column.to_dict().items() if key != "trim"}
    assert ColumnPlan.from_dict(old).trim is True


TYPED = {
    "t": (
        "CREATE TABLE t (id INTEGER PRIMARY KEY, n TEXT, d TEXT)",
        [(i, str(i * 7), f"2024-01-{i:02d}") for i in range(1, 21)],
    )
}


@pytest.mark.parametrize(
    ("override", "kind"),
    [
        ({"n": {"trim": False}}, "integer"),  # the profile reads numbers
        ({"d": {"trim": False}}, "date"),  # ... and dates
        ({"n": {"trim": False, "type": "numeric"}}, "numeric"),  # the override's own type
    ],
)
def test_trim_false_on_a_typed_column_is_refused(
    override: dict[str, Any], kind: str, make_sqlite: SqliteFactory
) -> None:
    path = make_sqlite(TYPED, name="typed.db")
    config = load_settings(**GATES_OPEN, columns={"t": override})
    with pytest.raises(ConfigError) as raised:
        columnar_etl.plan(columnar_etl.profile(path, settings=config), settings=config)
    (column,) = override
    assert raised.value.one_line() == (
        f"table 't', column {column!r}: trim = false keeps text as written, but the column is read as {kind} "
        '(hint: set type = "text" to load its values as the text they are, padding kept, or remove '
        "trim = false)"
    )


def test_trim_false_with_type_text_keeps_a_number_columns_text(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, n TEXT)", [(1, " 7"), (2, "8 ")])})
    config = load_settings(**GATES_OPEN, columns={"t": {"n": {"trim": False, "type": "text"}}})
    plan = columnar_etl.plan(columnar_etl.profile(path, settings=config), settings=config)
    result = clean(path, plan, settings=config)
    assert result.data is not None
    assert result.data["t"].column("n").to_pylist() == [" 7", "8 "]
    assert result.audit.num_rows == 0


def test_trim_false_on_a_typed_column_is_one_line_from_the_cli(
    make_sqlite: SqliteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_sqlite(TYPED, name="typed.db")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "columnar_etl.toml").write_text("[columns.t.d]\ntrim = false\n")
    result = runner.invoke(app, ["clean", str(path), "-o", str(tmp_path / "out.db")])
    # As every other contradiction of an override (a hashed typed column, a missing column): exit 1.
    assert result.exit_code == 1, result.output
    assert (
        "table 't', column 'd': trim = false keeps text as written, but the column is read as date"
        in result.output
    )
    assert not (tmp_path / "out.db").exists()


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        ("trim = 'maybe'", "invalid value for columns.t.c.trim: 'maybe'"),
        ("trimmed = false", "unknown key 'trimmed' in [columns.\"t\".\"c\"]; did you mean 'trim'?"),
    ],
)
def test_a_bad_trim_setting_is_refused_when_the_settings_load(toml: str, said: str, tmp_path: Path) -> None:
    config = tmp_path / "columnar_etl.toml"
    config.write_text(f"[columns.t.c]\n{toml}\n")
    with pytest.raises(ConfigError) as raised:
        load_settings(config)
    assert said in raised.value.message


def test_trim_false_loads_from_the_toml_file(tmp_path: Path) -> None:
    config = tmp_path / "columnar_etl.toml"
    config.write_text('[columns."history"."output"]\ntrim = false\n')
    assert load_settings(config).columns["history"]["output"].trim is False


@pytest.mark.slow
def test_long_padded_cells_read_apart_are_counted_as_written(tmp_path: Path) -> None:
    """Pasted logs of 0.5-1 MB, each ending in a line break, profiled within a limit that reads them
    apart (profiling.long_cells): none is padded, as with memory to spare; trimmed (``trim = true``:
    their indented lines are documents, else kept byte for byte too), all are."""
    path = tmp_path / "logs.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE logs (id INTEGER PRIMARY KEY, body TEXT)")
    for number in range(30):
        line = f"  {number:04d} GET /index.html 200\r\n"
        con.execute("INSERT INTO logs VALUES (?, ?)", (number, line * (500_000 // len(line) + number * 300)))
    con.commit()
    con.close()
    kept = {"logs": {"body": {"trim": False}}}
    for limit in ("64MB", "2GB"):
        body = columnar_etl.profile(path, settings=load_settings(profile_memory_limit=limit, columns=kept))
        assert (body["logs"]["body"].distinct_count, body["logs"]["body"].whitespace_padded_count) == (30, 0)
    trimming = {"logs": {"body": {"trim": True}}}
    trimmed = columnar_etl.profile(
        path, settings=load_settings(profile_memory_limit="64MB", columns=trimming)
    )
    assert trimmed["logs"]["body"].whitespace_padded_count == 30


def test_a_key_of_trim_false_is_compared_as_written(make_sqlite: SqliteFactory) -> None:
    """'a' and ' a' are two keys trimmed into one (so the key is loaded as written, no '' read as NULL);
    with trim = false no cleaning merges them: the key is cleaned as its override says."""
    rows = [("a", 1), (" a", 2), ("b ", 3), ("c", 4)]
    path = make_sqlite({"t": ("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)", rows)})
    trimmed = columnar_etl.profile(path, settings=load_settings(**GATES_OPEN))
    assert trimmed["t"]["k"].as_written is not None
    config = load_settings(**GATES_OPEN, columns={"t": {"k": {"trim": False}}})
    kept = columnar_etl.profile(path, settings=config)["t"]["k"]
    assert (kept.as_written, kept.padding_kept, kept.to_dict()["padding_kept"]) == (None, True, True)


def test_a_reference_of_trim_false_joins_as_written(make_sqlite: SqliteFactory) -> None:
    """'p1 ' names no parent row, in SQLite or trimmed-less in the target: an orphan, joined by no
    cleaning (trimmed, the profile says the target joins it)."""
    tables = {
        "parent": ("CREATE TABLE parent (k TEXT PRIMARY KEY, v INTEGER)", [(f"p{i}", i) for i in range(20)]),
        "child": (
            "CREATE TABLE child (id INTEGER PRIMARY KEY, k TEXT REFERENCES parent (k))",
            [(i, f"p{i % 20}" + (" " if i % 3 == 0 else "")) for i in range(60)],
        ),
    }
    path = make_sqlite(tables)
    trimmed = columnar_etl.profile(path, settings=load_settings(**GATES_OPEN))["child"]["k"]
    assert trimmed.joined_by_cleaning is not None and trimmed.issue_count("whitespace") == 20
    config = load_settings(**GATES_OPEN, columns={"child": {"k": {"trim": False}}})
    kept = columnar_etl.profile(path, settings=config)["child"]["k"]
    assert kept.joined_by_cleaning is None and kept.issue("whitespace") is None
    assert kept.issue_count("orphan_reference") == 20


#: Text of layout: blanks of several kinds (Unicode's, as the trim rule knows them), line breaks, NUL
#: bytes, null tokens and letters.
LAYOUT = st.lists(
    st.one_of(
        st.sampled_from([" ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\0", "NULL", "N/A", "a", "b1", "|"]),
        st.text(alphabet="xyz -", max_size=4),
    ),
    max_size=6,
).map("".join)


@settings(
    max_examples=examples(10, 60),
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(cells=st.lists(st.one_of(st.none(), LAYOUT), min_size=1, max_size=40))
@example(cells=["", "", "-\x00", None, " y-z"])  # a default token (`-`) beside NUL bytes
def test_generated_layout_text_is_profiled_and_cleaned_alike(cells: list[str | None], tmp_path: Path) -> None:
    path = tmp_path / f"layout_{uuid.uuid4().hex[:8]}.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT)")
        con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(cells)))
    con.close()
    config = load_settings(**GATES_OPEN, columns={"t": {"c": {"trim": False, "type": "text"}}})
    found = columnar_etl.profile(path, settings=config)
    column = found["t"]["c"]
    plan = columnar_etl.plan(found, settings=config)
    result = clean(path, plan, settings=config)
    assert result.data is not None
    # The column's null tokens are the plan's (the settings' defaults, `-` among them where the column
    # proves it no value); each is compared as written.
    tokens = set(next(c for c in plan["t"].columns if c.name == "c").null_tokens)
    expected = [_kept(cell, tokens) for cell in cells]
    assert result.data["t"].column("c").to_pylist() == expected
    present = [cell for cell in cells if cell is not None]
    assert column.empty_string_count == sum(cell.replace("\0", "") == "" for cell in present)
    assert column.null_like_count == sum(cell.replace("\0", "") in tokens for cell in present)
    assert (column.whitespace_padded_count, column.issue("whitespace")) == (0, None)
    assert column.valid_count == result["t"]["c"].non_null == sum(value is not None for value in expected)
    assert not [row for row in result.audit.to_pylist() if row["rule"] == "trim"]


def _arrives(cell: str | None, tokens: Collection[str], *, layout: bool) -> str | None:
    """What a cell of a text column trimmed by default becomes: NUL bytes removed; NULL where its
    trimmed text is '' or a token; a document (a line break in its trimmed text) as written, as is
    every value of a column whose layout is kept (``layout``); else its trimmed text."""
    if cell is None:
        return None
    text = cell.replace("\0", "")
    bare = text.strip(WHITE_SPACE)
    if bare == "" or bare in tokens:
        return None
    return text if layout or "\n" in bare else bare


@settings(
    max_examples=examples(10, 60),
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(cells=st.lists(st.one_of(st.none(), LAYOUT), min_size=1, max_size=40))
@example(cells=["a\nb ", " x ", "\n\nc\nd\n\n", "e\nf", "NULL\n", " \n "])  # documents beside a name
# Values holding NUL bytes (the profile reads the column as bytes; the operator's type makes it text):
# the document keeps its padding as in any text column.
@example(cells=[None, "", "y-xy\n\x00a", "\x00y--z\n|zxy  "])
def test_generated_text_of_several_lines_is_kept_and_of_one_line_trimmed_alike(
    cells: list[str | None], tmp_path: Path
) -> None:
    path = tmp_path / f"documents_{uuid.uuid4().hex[:8]}.db"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT)")
        con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(cells)))
    con.close()
    config = load_settings(**GATES_OPEN, columns={"t": {"c": {"type": "text"}}})
    found = columnar_etl.profile(path, settings=config)
    column = found["t"]["c"]
    plan = columnar_etl.plan(found, settings=config)
    result = clean(path, plan, settings=config)
    assert result.data is not None
    tokens = set(next(c for c in plan["t"].columns if c.name == "c").null_tokens)
    expected = [_arrives(cell, tokens, layout=column.layout_kept) for cell in cells]
    assert result.data["t"].column("c").to_pylist() == expected
    # The profile counts what the cleaner does: the values it trims, and the documents it keeps.
    kept = [
        cell.replace("\0", "")
        for cell in cells
        if cell is not None and _arrives(cell, tokens, layout=False) is not None
    ]
    trims = {row["row_key"] for row in result.audit.to_pylist() if "trim" in row["rule"].split(",")}
    if column.inferred_type != "text":
        # NUL bytes in most values: the profile read bytes, and counts as for bytes (its known limit
        # for a column the operator types); the cleaner's values are the rule's, checked above.
        return
    assert column.whitespace_padded_count >= len(trims)
    if not column.layout_kept:
        assert len(trims) == sum(
            text != text.strip(WHITE_SPACE) and "\n" not in text.strip(WHITE_SPACE) for text in kept
        )
        assert column.padded_documents == sum(
            text != text.strip(WHITE_SPACE) and "\n" in text.strip(WHITE_SPACE) for text in kept
        )
    assert column.valid_count == result["t"]["c"].non_null == sum(value is not None for value in expected)
