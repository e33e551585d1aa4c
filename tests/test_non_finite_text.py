"""NaN and infinities written as TEXT in columns declared a number or a date (helper h83's hunt).

SQLite keeps ``'NaN'``, ``'inf'``, ``'-Infinity'`` TEXT in a REAL column (no number reads them), and
``'infinity'`` in a DATE column (PostgreSQL's spelling: a temporal table's ``valid_to`` of a current
row). Beside numbers or dates they keep the column text, every value as written; a column holding
*nothing but* them was "text where the declared type says otherwise" until 2026-12-03, every value a
``type_mismatch``: two such columns in a table of six halted the run with the default gates.

Expected values are SQLite's own (its ``typeof()``, its cells); the target is read back from PostgreSQL
and every cell checked by tests/lossless_check.py.
"""

from __future__ import annotations

from pathlib import Path

from columnar_etl import profile

from .conftest import SqliteFactory
from .lossless_check import summarize
from .test_lossless import load_and_check, source_values

INF = float("inf")
MIXED = [1.5, "NaN", 2.25, "inf", "-Infinity", 3.0, None, "nan", INF, -INF]
COLUMNS = {
    # Beside numbers (REAL cells, their own infinities too): text as before.
    "score": ("REAL", MIXED),
    "amount": ("NUMERIC", MIXED),
    "count": ("INTEGER", [1, "NaN", 3, 4, "NaN", 6, 7, None, 9, 10]),
    # Nothing but the words: the declared type's values, no misfit.
    "only_words": (
        "DOUBLE",
        ["NaN", "inf", "-inf", "Infinity", "NaN", "nan", "-Infinity", None, "inf", "NaN"],
    ),
    "valid_to": ("DATE", ["infinity"] * 10),
    "until": ("TIMESTAMP", ["infinity", "-infinity", *["infinity"] * 8]),
}
ROWS = len(MIXED)


def _export(make_sqlite: SqliteFactory) -> Path:
    declared = ", ".join(f'"{name}" {kind}' for name, (kind, _) in COLUMNS.items())
    ddl = f"CREATE TABLE m (id INTEGER PRIMARY KEY, {declared})"
    rows = [(i, *(values[i] for _, values in COLUMNS.values())) for i in range(ROWS)]
    return make_sqlite({"m": (ddl, rows)}, name="non_finite.db")


def test_infinities_and_nan_as_text_keep_the_column_text_and_misfit_nothing(
    make_sqlite: SqliteFactory,
) -> None:
    path = _export(make_sqlite)
    sql = "SELECT DISTINCT typeof(only_words) FROM m WHERE only_words IS NOT NULL"
    assert {kind for (kind,) in source_values(path, sql)} == {b"text"}  # SQLite reads none as a number
    table = profile(path)["m"]
    for name in COLUMNS:
        column = table[name]
        assert column.inferred_type == "text", (name, column.type_reason)
        # The profile says why, naming values as written.
        assert "an infinity or NaN written as text" in column.type_reason, (name, column.type_reason)
        assert any(word in column.type_reason for word in ("NaN", "inf", "Infinity", "infinity")), name
        assert column.issues == [], (name, column.issues)


def test_a_run_keeps_every_value_as_written_with_the_default_gates(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    path = _export(make_sqlite)
    ran = load_and_check(path, pg_uri, tmp_path)  # the default gates
    assert ran.result.exit_code == 0, ran.result.record.warnings
    assert not ran.violations, summarize(ran.violations)
    assert not ran.log("quarantine") and not ran.log("audit")
    for name in COLUMNS:
        assert ran.data_type("m", name) == "text", name
        loaded = ran.values("m", name, "id")
        for i, value in source_values(path, f'SELECT id, "{name}" FROM m'):
            if value is None or isinstance(value, bytes):
                assert loaded[i] == (value and value.decode()), (name, i, loaded[i])
            else:  # a number cell: its text reads back as the very number (an infinity too)
                assert float(loaded[i]) == value, (name, i, loaded[i])


def test_real_infinities_are_real_cells_not_text_where_a_number_is_declared(
    make_sqlite: SqliteFactory,
) -> None:
    # SQLite stores 1e999 as a REAL infinity (typeof 'real'): a number of the declared type, no TEXT.
    # They were said to be "stored as TEXT and read as double", a type_mismatch of every infinity.
    values = [INF, -INF, 1.5, None, INF, 2.25]
    path = make_sqlite(
        {
            "m": (
                "CREATE TABLE m (id INTEGER PRIMARY KEY, value REAL, amount NUMERIC)",
                [(i, v, v) for i, v in enumerate(values)],
            )
        },
        name="real_infinities.db",
    )
    classes = {
        kind
        for (kind,) in source_values(path, "SELECT typeof(value) FROM m UNION SELECT typeof(amount) FROM m")
    }
    assert classes == {b"real", b"null"}
    table = profile(path)["m"]
    for name in ("value", "amount"):
        column = table[name]
        assert column.storage_classes == {"real": 5}, (name, column.storage_classes)
        assert column.inferred_type == "double", (name, column.type_reason)
        assert column.issue("type_mismatch") is None, (name, column.issues)
