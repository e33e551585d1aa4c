"""``[columns."t"."c"] empty_is_null = false``: a text column whose ``''`` is a value, not a missing one
(an application writing ``''`` and NULL into one column with different meanings: PocketBase's API rules,
``''`` open to anyone, NULL superusers only). Its ``''`` arrive as ``''``, unaudited and at no cost; a
value of blanks alone follows ``trim`` (trimmed to ``''`` and audited, or kept with ``trim = false``);
NULL and null tokens are NULL as ever. By default nothing changes, but the profile says where a text
column holds both NULL and ``''``. Expected values come from the SQLite file (read by ``sqlite3``) and
Python's own ``str.strip``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

import columnar_etl
from columnar_etl.config import load_settings
from columnar_etl.errors import ConfigError
from columnar_etl.pipeline.clean import clean
from columnar_etl.planning.plan import ColumnPlan, Plan

from .conftest import SqliteFactory, pg_query
from .lossless_check import summarize
from .test_lossless import GATES_OPEN, load_and_check

#: The null tokens this file holds (among the default ones); no other value of it is one.
TOKENS = {"NULL", "N/A"}
#: An access rule as a backend writes it: NULL (nobody but admins), '' (anyone), or a filter.
RULES: list[str | None] = [
    None,
    "",
    "owner = @request.auth.id",
    "",
    None,
    "  ",
    " public = true ",
    "\0",
    "N/A",
]


def _rows() -> list[tuple[Any, ...]]:
    return [(n, f"c{n}", RULES[n % len(RULES)], ["", None, "note"][n % 3]) for n in range(1, 46)]


TABLES = {
    "collections": (
        "CREATE TABLE collections (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "listRule TEXT DEFAULT NULL, note TEXT)",
        _rows(),
    )
}
KEEP = {"collections": {"listRule": {"empty_is_null": False}}}
KEEP_UNTRIMMED = {"collections": {"listRule": {"empty_is_null": False, "trim": False}}}


def _source(path: Path, column: str) -> dict[int, str | None]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute(f'SELECT id, "{column}" FROM collections').fetchall())
    finally:
        con.close()


def _kept(cell: str | None, *, trim: bool = True) -> str | None:
    """What a cell of ``empty_is_null = false`` becomes: NUL bytes removed, trimmed (unless ``trim``
    is false), NULL only when it is a null token; '' stays ''."""
    if cell is None:
        return None
    text = cell.replace("\0", "")
    text = text.strip() if trim else text
    return None if text in TOKENS else text


def _default(cell: str | None) -> str | None:
    """What a cell of a column cleaned as ever becomes: trimmed, NULL when blank or a null token."""
    if cell is None:
        return None
    text = cell.replace("\0", "").strip()
    return None if text == "" or text in TOKENS else text


@pytest.mark.parametrize(("columns", "trim"), [(KEEP, True), (KEEP_UNTRIMMED, False)])
def test_the_cleaner_keeps_blanks_as_values_and_the_profile_counts_them_so(
    columns: dict[str, Any], trim: bool, make_sqlite: SqliteFactory
) -> None:
    path = make_sqlite(TABLES, name="rules.db")
    config = load_settings(**GATES_OPEN, columns=columns)
    profile = columnar_etl.profile(path, settings=config)
    rule = profile["collections"]["listRule"]
    cells = [cell for cell in _source(path, "listRule").values() if cell is not None]
    assert (rule.inferred_type, rule.empty_kept, rule.to_dict()["empty_kept"]) == ("text", True, True)
    assert rule.empty_string_count == 0 and rule.issue("empty_string") is None
    assert rule.null_like_count == sum(_kept(cell, trim=trim) is None for cell in cells)
    assert rule.valid_count == sum(_kept(cell, trim=trim) is not None for cell in cells)
    padded = sum(cell.replace("\0", "").strip() != cell.replace("\0", "") for cell in cells if cell != "N/A")
    assert rule.whitespace_padded_count == (padded if trim else 0)
    assert any("empty_is_null = false" in note for note in rule.notes)
    # The neighbour's blanks are NULL and charged as ever.
    assert profile["collections"]["note"].empty_string_count == 15

    plan = columnar_etl.plan(profile, settings=config)
    result = clean(path, plan, settings=config)
    assert result.data is not None
    loaded = dict(
        zip(
            result.data["collections"].column("id").to_pylist(),
            result.data["collections"].column("listRule").to_pylist(),
            strict=True,
        )
    )
    assert loaded == {key: _kept(cell, trim=trim) for key, cell in _source(path, "listRule").items()}
    notes = dict(
        zip(
            result.data["collections"].column("id").to_pylist(),
            result.data["collections"].column("note").to_pylist(),
            strict=True,
        )
    )
    assert notes == {key: _default(cell) for key, cell in _source(path, "note").items()}
    stats = result["collections"]["listRule"]
    # What the profile counts is what cleaning does.
    assert (rule.valid_count, rule.invalid_count, rule.whitespace_padded_count) == (
        stats.non_null,
        stats.quarantined,
        stats.whitespace_trimmed,
    )
    assert stats.empty_strings_converted == 0 and rule.nul_byte_count == stats.nul_removed == 5
    rules = {(row["column"], row["rule"]) for row in result.audit.to_pylist()}
    assert ("listRule", "empty_to_null") not in rules and ("note", "empty_to_null") in rules
    assert ("listRule", "trim") in rules if trim else ("listRule", "trim") not in rules


def test_a_column_of_null_and_blank_kept_costs_nothing(make_sqlite: SqliteFactory) -> None:
    rows = [(n, f"c{n}", [None, "", "x = 1"][n % 3]) for n in range(30)]
    path = make_sqlite({"c": ("CREATE TABLE c (id INTEGER PRIMARY KEY, name TEXT, r TEXT)", rows)})
    charged = columnar_etl.profile(path, settings=load_settings(**GATES_OPEN))["c"]["r"]
    assert charged.empty_string_count == 10 and charged.quality < 100.0
    kept = columnar_etl.profile(
        path, settings=load_settings(**GATES_OPEN, columns={"c": {"r": {"empty_is_null": False}}})
    )["c"]["r"]
    assert (kept.empty_string_count, kept.valid_count, kept.quality) == (0, 20, 100.0)


def test_the_profile_says_where_a_text_column_holds_both_null_and_blank(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite(TABLES, name="rules.db")
    profile = columnar_etl.profile(path, settings=load_settings(**GATES_OPEN))
    rule = profile["collections"]["listRule"]
    source = list(_source(path, "listRule").values())
    nulls = source.count(None)
    blanks = sum(cell is not None and not cell.replace("\0", "").strip() for cell in source)
    issue = rule.issue("empty_string")
    assert issue is not None and issue.count == blanks
    assert issue.detail == (
        f"holds both NULL and '' ({nulls} and {blanks} rows): they may mean different things (an "
        "application's 'unset' and 'set to nothing'), and both load as NULL; empty_is_null = false for "
        "the column keeps its '' as written"
    )
    assert "empty_is_null = false" in issue.to_dict()["detail"]


def test_the_detail_is_only_where_a_text_column_holds_both(make_sqlite: SqliteFactory) -> None:
    tables = {
        # No NULL beside the blanks: nothing to tell apart.
        "a": (
            "CREATE TABLE a (id INTEGER PRIMARY KEY, t TEXT, n INTEGER)",
            [(i, ["", "x"][i % 2], i) for i in range(20)],
        ),
        # NULL beside '' in a number column: '' is no number, nothing to keep.
        "b": (
            "CREATE TABLE b (id INTEGER PRIMARY KEY, n TEXT)",
            [(i, [None, "", str(i)][i % 3]) for i in range(30)],
        ),
        # NULL beside '' in a text column: said, whatever its neighbours hold.
        "c": (
            "CREATE TABLE c (id INTEGER PRIMARY KEY, t TEXT, n INTEGER)",
            [(i, [None, "", "word"][i % 3], None if i % 4 else i) for i in range(30)],
        ),
    }
    path = make_sqlite(tables)
    profile = columnar_etl.profile(path, settings=load_settings(**GATES_OPEN))
    said = {
        (table, column): "holds both" in (issue.detail or "")
        for table, column in (("a", "t"), ("b", "n"), ("c", "t"))
        if (issue := profile[table][column].issue("empty_string")) is not None
    }
    assert said == {("a", "t"): False, ("b", "n"): False, ("c", "t"): True}


def test_blanks_kept_pass_through_a_checked_batch_unchanged(make_sqlite: SqliteFactory) -> None:
    """A batch large enough for the cleaner to check it (``CHECKED_BATCH_ROWS``) and pass a column of
    no padding, NUL byte or null token through: its '' pass too where they are values, and only there."""
    rows = [(n, ["", "x", None, "a b"][n % 4], ["", "y"][n % 2]) for n in range(5000)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, r TEXT, s TEXT)", rows)})
    config = load_settings(**GATES_OPEN, columns={"t": {"r": {"empty_is_null": False}}})
    result = clean(
        path, columnar_etl.plan(columnar_etl.profile(path, settings=config), settings=config), settings=config
    )
    assert result.data is not None
    assert result.data["t"].column("r").to_pylist() == [row[1] for row in rows]
    assert result.data["t"].column("s").to_pylist() == [row[2] or None for row in rows]
    rules = {(row["column"], row["rule"]) for row in result.audit.to_pylist()}
    assert rules == {("s", "empty_to_null")}


def test_the_plan_carries_the_choice(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite(TABLES, name="rules.db")
    config = load_settings(**GATES_OPEN, columns=KEEP)
    plan = columnar_etl.plan(columnar_etl.profile(path, settings=config), settings=config)
    column = plan["collections"]["listRule"]
    assert column.empty_is_null is False and column.trim is True and not column.as_written
    assert plan["collections"]["note"].empty_is_null is True
    assert "collections.listRule: '' kept as a value (empty_is_null = false)" in plan.notes
    assert Plan.from_json(plan.to_json())["collections"]["listRule"].empty_is_null is False
    # A plan written before the setting makes '' NULL.
    old = {key: value for key, value in column.to_dict().items() if key != "empty_is_null"}
    assert ColumnPlan.from_dict(old).empty_is_null is True


TYPED = {
    "t": (
        "CREATE TABLE t (id INTEGER PRIMARY KEY, n TEXT, d TEXT)",
        [(i, str(i * 7), f"2024-01-{i:02d}") for i in range(1, 21)],
    )
}


@pytest.mark.parametrize(
    ("override", "kind"),
    [
        ({"n": {"empty_is_null": False}}, "integer"),
        ({"d": {"empty_is_null": False}}, "date"),
        ({"n": {"empty_is_null": False, "type": "numeric"}}, "numeric"),
    ],
)
def test_empty_is_null_false_on_a_typed_column_is_refused(
    override: dict[str, Any], kind: str, make_sqlite: SqliteFactory
) -> None:
    path = make_sqlite(TYPED, name="typed.db")
    config = load_settings(**GATES_OPEN, columns={"t": override})
    with pytest.raises(ConfigError) as raised:
        columnar_etl.plan(columnar_etl.profile(path, settings=config), settings=config)
    (column,) = override
    assert raised.value.one_line() == (
        f"table 't', column {column!r}: empty_is_null = false keeps '' as a text value, but the column "
        f"is read as {kind} (hint: set type = \"text\" to load its values as the text they are, '' kept, "
        "or remove empty_is_null = false)"
    )


def test_empty_is_null_false_with_type_text_keeps_a_number_columns_blanks(make_sqlite: SqliteFactory) -> None:
    rows = [(1, "7"), (2, ""), (3, None), (4, "12")]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, n TEXT)", rows)})
    config = load_settings(**GATES_OPEN, columns={"t": {"n": {"empty_is_null": False, "type": "text"}}})
    result = clean(
        path, columnar_etl.plan(columnar_etl.profile(path, settings=config), settings=config), settings=config
    )
    assert result.data is not None
    assert result.data["t"].column("n").to_pylist() == ["7", "", None, "12"]
    assert result.audit.num_rows == 0


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        ("empty_is_null = 'maybe'", "invalid value for columns.t.c.empty_is_null: 'maybe'"),
        (
            "empty_is_nul = false",
            "unknown key 'empty_is_nul' in [columns.\"t\".\"c\"]; did you mean 'empty_is_null'?",
        ),
    ],
)
def test_a_bad_setting_is_refused_when_the_settings_load(toml: str, said: str, tmp_path: Path) -> None:
    config = tmp_path / "columnar_etl.toml"
    config.write_text(f"[columns.t.c]\n{toml}\n")
    with pytest.raises(ConfigError) as raised:
        load_settings(config)
    assert said in raised.value.message


def test_empty_is_null_loads_from_the_toml_file(tmp_path: Path) -> None:
    config = tmp_path / "columnar_etl.toml"
    config.write_text('[columns."_collections"."listRule"]\nempty_is_null = false\n')
    assert load_settings(config).columns["_collections"]["listRule"].empty_is_null is False


def test_blanks_kept_arrive_in_postgres_every_cell_checked(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    path = make_sqlite(TABLES, name="rules.db")
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN, columns=KEEP)
    assert loaded.violations == [], summarize(loaded.violations)
    target = dict(pg_query(pg_uri, f'SELECT id, "listRule" FROM "{loaded.base}".collections'))
    assert target == {key: _kept(cell) for key, cell in _source(path, "listRule").items()}
    assert sorted(key for key, value in target.items() if value == "") == [
        key
        for key, cell in _source(path, "listRule").items()
        if cell is not None and not cell.replace("\0", "").strip()
    ]
    audit = pq.read_table(Path(loaded.result.run_dir) / "audit.parquet").to_pylist()
    assert not [row for row in audit if row["column"] == "listRule" and row["rule"] == "empty_to_null"]
    # Nothing the column kept costs after cleaning: the kept '' is no loss.
    assert loaded.result.record.quality_after == 100.0


@pytest.mark.slow
def test_blanks_kept_beside_long_cells_read_apart_are_counted_alike(tmp_path: Path) -> None:
    """Pasted logs of 0.5-1 MB beside '' and NULL, profiled within a limit that reads the long cells
    apart (profiling.long_cells) and with memory to spare: the kept '' are text values either way."""
    path = tmp_path / "logs.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE logs (id INTEGER PRIMARY KEY, body TEXT)")
    bodies: list[str | None] = []
    for number in range(30):
        line = f"{number:04d} GET /index.html 200;"
        bodies.append(line * (500_000 // len(line) + number * 300))
    bodies += ["", "", None, "short"]
    con.executemany("INSERT INTO logs VALUES (?, ?)", enumerate(bodies))
    con.commit()
    con.close()
    kept = {"logs": {"body": {"empty_is_null": False}}}
    for limit in ("64MB", "2GB"):
        body = columnar_etl.profile(path, settings=load_settings(profile_memory_limit=limit, columns=kept))
        column = body["logs"]["body"]
        assert (column.empty_string_count, column.null_count, column.valid_count) == (0, 1, 33), limit
