"""Outlier fences: the quartiles, exact however they are computed, and in bounded memory."""

from __future__ import annotations

import json
import math
import random
import sqlite3
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from columnar_etl.cleaning import clean_stream, outliers, stream
from columnar_etl.cleaning.outliers import (
    HELD_VALUE_BYTES,
    Fence,
    counted_by_value,
    held_scans,
    outlier_fences,
    quartile_scans,
)
from columnar_etl.config import Settings, load_settings
from columnar_etl.pipeline.steps import clean_step, plan_step, profile_step
from columnar_etl.planning.build import build_plan
from columnar_etl.planning.plan import ColumnPlan, TablePlan
from columnar_etl.profiling.profile import profile
from columnar_etl.source.export import Source, open_source
from tests.conftest import SqliteFactory

FACTOR = 3.0


def _plan(table: str = "t") -> TablePlan:
    """``id`` integer, ``a`` and ``c`` REAL doubles, ``b`` TEXT read as a double."""
    columns = [
        ColumnPlan("id", "integer", "id"),
        ColumnPlan("a", "double", "a", reals=True),
        ColumnPlan("b", "double", "b"),
        ColumnPlan("c", "double", "c", reals=True),
    ]
    return TablePlan.of(table, columns)


def _number(text: Any) -> float | None:
    """What the cleaner reads a TEXT cell as: trimmed, a comma decimal as a point, finite or nothing."""
    if text is None:
        return None
    try:
        value = float(str(text).strip().replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _expected(values: list[float]) -> Fence | None:
    """The fence from DuckDB's own ``quantile_cont`` of the values, as parsed in Python; checked
    against Python's "inclusive" quantiles (the same interpolation, rounded its own way)."""
    if not values:
        return None
    con = duckdb.connect()
    con.register("given", pa.table({"x": pa.array(values, pa.float64())}))
    (quartiles,) = con.execute("SELECT quantile_cont(x, [0.25, 0.75]) FROM given").fetchone() or (None,)
    con.close()
    q1, q3 = quartiles
    if len(values) > 1:
        inclusive = statistics.quantiles(values, n=4, method="inclusive")
        assert math.isclose(q1, inclusive[0], rel_tol=1e-12, abs_tol=1e-12)
        assert math.isclose(q3, inclusive[2], rel_tol=1e-12, abs_tol=1e-12)
    spread = q3 - q1
    return Fence(q1 - FACTOR * spread, q3 + FACTOR * spread, q1, q3) if spread > 0 else None


def _rows(seed: int, count: int) -> list[tuple[Any, ...]]:
    rng = random.Random(seed)
    rows: list[tuple[Any, ...]] = []
    for i in range(count):
        a = rng.choice([None, rng.uniform(-1e6, 1e6), rng.randint(-3, 3) / 4, 0.1 * rng.randint(0, 9)])
        b = rng.choice(
            [
                None,
                "",
                "  2.25 ",
                "1,5",
                "abc",
                "1e3",
                "inf",
                f"{rng.gauss(40, 25):.3f}",
                str(rng.randint(0, 5)),
            ]
        )
        c = rng.choice([None, rng.lognormvariate(3, 1.5) / 7 + 1e-13 * i])
        rows.append((i + 1, a, b, c))
    return rows


@pytest.mark.parametrize(("seed", "count"), [(1, 1), (2, 2), (3, 5), (4, 61), (5, 2000), (6, 20_000)])
def test_quartiles_counted_by_value_are_duckdbs_quantile_cont(
    make_sqlite: SqliteFactory, seed: int, count: int
) -> None:
    rows = _rows(seed, count)
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, a REAL, b TEXT, c REAL)", rows)})
    with open_source(path) as src:
        # hold_bytes=0: every scan is counted by value; a large budget: held by quantile_cont.
        counted = outlier_fences(src, _plan(), FACTOR, native=["a", "c"], hold_bytes=0)
        held = outlier_fences(src, _plan(), FACTOR, native=["a", "c"], hold_bytes=1 << 40)
        # Room for one column's values a scan: each column held in a scan of its own.
        apart = outlier_fences(src, _plan(), FACTOR, native=["a", "c"], hold_bytes=count * HELD_VALUE_BYTES)
    expected = {
        name: _expected([v for v in (_number(row[index]) for row in rows) if v is not None])
        for index, name in ((1, "a"), (2, "b"), (3, "c"))
    }
    expected_fences = {name: fence for name, fence in expected.items() if fence is not None}
    assert counted == expected_fences
    assert held == expected_fences
    assert apart == expected_fences


def test_held_scans_take_as_many_columns_as_their_values_fit() -> None:
    names = [f"x{i}" for i in range(7)]
    # 1,000 rows: 16,000 bytes a column's values.
    assert held_scans(names, 1_000, 48_000) == [names[0:3], names[3:6], names[6:7]]
    assert held_scans(names, 1_000, 47_999) == [names[i : i + 2] for i in range(0, 7, 2)]
    assert held_scans(names, 1_000, 1 << 30) == [names]
    assert held_scans(names, 1_000, 0) == [[name] for name in names]
    assert not counted_by_value(1_000, 7, 16_000) and counted_by_value(1_000, 7, 15_999)


def test_a_column_with_no_number_has_no_fence(make_sqlite: SqliteFactory) -> None:
    rows = [(i, None, "n/a", float(i % 9)) for i in range(1, 50)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, a REAL, b TEXT, c REAL)", rows)})
    with open_source(path) as src:
        fences = outlier_fences(src, _plan(), FACTOR, native=["a", "c"], hold_bytes=0)
    assert set(fences) == {"c"}
    assert fences["c"] == _expected([float(i % 9) for i in range(1, 50)])


#: Run in a fresh interpreter: how much the quartiles of a big table raise the process's peak RSS.
CHILD = textwrap.dedent(
    """
    import json, resource, sys
    from columnar_etl.cleaning.outliers import outlier_fences
    from columnar_etl.planning.plan import ColumnPlan, TablePlan
    from columnar_etl.source.export import open_source

    columns = [ColumnPlan(n, "double", n, reals=True) for n in ("a", "c")]
    src = open_source(sys.argv[1])
    src.limit_memory("64MB")
    outlier_fences(src, TablePlan.of("small", columns), 3.0, native=["a", "c"])  # warm DuckDB up
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    fences = outlier_fences(src, TablePlan.of("big", columns), 3.0, native=["a", "c"])
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"kib": after - before, "fences": {k: [f.q1, f.q3] for k, f in fences.items()}}))
    """
)


#: Run in a fresh interpreter: how much resident memory the quartiles of TEXT columns leave behind.
RETAINED_CHILD = textwrap.dedent(
    """
    import json, sys
    from columnar_etl.cleaning.outliers import outlier_fences
    from columnar_etl.planning.plan import ColumnPlan, TablePlan
    from columnar_etl.source.export import open_source

    def rss_kib():
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))

    columns = [ColumnPlan(n, "numeric", n) for n in ("a", "c")]
    src = open_source(sys.argv[1])
    outlier_fences(src, TablePlan.of("small", columns), 3.0, hold_bytes=1 << 40)  # warm DuckDB up
    before = rss_kib()
    fences = outlier_fences(src, TablePlan.of("big", columns), 3.0, hold_bytes=1 << 40)
    print(json.dumps({"kib": rss_kib() - before, "fences": {k: [f.q1, f.q3] for k, f in fences.items()}}))
    """
)


def _small_and_big(path: Path, rows: int, declared: str, a: str, c: str) -> Path:
    """Tables ``small`` (1,000 rows) and ``big`` (``rows``) of columns ``a`` and ``c`` (``declared``),
    their values the SQL expressions ``a`` and ``c`` of the row number ``i``."""
    con = sqlite3.connect(path)
    with con:
        for table, count in (("small", 1000), ("big", rows)):
            con.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, a {declared}, c {declared})")
            con.execute(
                f"WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < {count}) "
                f"INSERT INTO {table} SELECT i, {a}, {c} FROM r"
            )
    con.close()
    return path


def _in_a_fresh_interpreter(script: str, path: Path) -> Any:
    """What ``script`` (run on ``path`` in a fresh interpreter) prints, as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True, timeout=300
    )
    return json.loads(done.stdout)


# The two tests below measure a fresh interpreter's resident memory over 3-4M rows (a scale test: the
# bound shows only on a table that big), so they run in `just test-all`; the same quartiles on the held,
# bracketed and counted paths are checked on small tables above and below.
@pytest.mark.slow
def test_the_quartiles_of_text_columns_leave_no_values_behind(tmp_path: Path) -> None:
    """3M rows x 2 comma decimals held by quantile_cont (48 MB of doubles): the cursor that held them
    is closed after its scan, not left to keep its aggregate's states until the source is closed."""
    rows = 3_000_000
    path = _small_and_big(
        tmp_path / "texts.db", rows, "TEXT", "(i % 1000) || ',5'", "(i * 7 % 100003) || ',25'"
    )
    measured = _in_a_fresh_interpreter(RETAINED_CHILD, path)
    held_bytes = rows * 2 * 8  # the doubles alone, before any overhead
    # Left open, the cursor kept more than them (2M rows: 37 MB); closed, DuckDB keeps 5-12 MB.
    assert measured["kib"] * 1024 < held_bytes / 3, measured
    a = [i % 1000 + 0.5 for i in range(1, rows + 1)]
    c = [i * 7 % 100003 + 0.25 for i in range(1, rows + 1)]
    for name, values in (("a", a), ("c", c)):
        q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
        assert measured["fences"][name] == pytest.approx([q1, q3], rel=1e-12), name


#: Near-distinct doubles of the row number ``i`` (a Lehmer generator's draws in [0, 1)), and the same
#: in Python.
_DRAW_SQL, _DRAW_MODULUS = "((i * 48271) % 2147483647) / 2147483647.0", 2147483647


@pytest.mark.slow
@pytest.mark.parametrize("distinct", [False, True], ids=["few-values", "near-distinct"])
def test_the_quartiles_of_a_big_table_do_not_hold_its_values(tmp_path: Path, distinct: bool) -> None:
    """4M rows x 2 doubles: held one by one (quantile_cont) they would take ~100 MiB more memory;
    counted by value, 4M near-distinct ones took ~400 MiB (a window over every distinct value)."""
    rows = 4_000_000
    a_sql, c_sql = ("(i % 7) * 0.5", "(i % 13) * 10.0 + 0.25")
    if distinct:
        a_sql, c_sql = _DRAW_SQL, f"-1e6 * {_DRAW_SQL} + (i % 13)"
    path = _small_and_big(tmp_path / "big.db", rows, "REAL", a_sql, c_sql)
    measured = _in_a_fresh_interpreter(CHILD, path)
    held_bytes = rows * 2 * 8  # the doubles alone, before any overhead
    assert measured["kib"] * 1024 < held_bytes / 2, measured
    # And still the exact quartiles, by Python's inclusive method (SQLite divides as Python does).
    if distinct:
        a = [(i * 48271) % _DRAW_MODULUS / float(_DRAW_MODULUS) for i in range(1, rows + 1)]
        c = [-1e6 * x + i % 13 for i, x in enumerate(a, start=1)]
    else:
        a = [(i % 7) * 0.5 for i in range(1, rows + 1)]
        c = [(i % 13) * 10.0 + 0.25 for i in range(1, rows + 1)]
    for name, values in (("a", a), ("c", c)):
        q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
        assert measured["fences"][name] == pytest.approx([q1, q3], rel=1e-12), name


@pytest.mark.parametrize("bracket", [0.002, 0.0])
def test_a_missed_bracket_is_widened_then_counted(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch, bracket: float
) -> None:
    """The quartiles of a table past the held budget are bracketed: with no room around
    approx_quantile's guess (a bracket of width 0, the widened one too) an order statistic of the
    near-distinct column ``c`` falls outside it, and its values are then counted by value. Either way
    the same fences as quantile_cont's."""
    rows = _rows(7, 5000)
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, a REAL, b TEXT, c REAL)", rows)})
    monkeypatch.setattr(outliers, "BRACKET", bracket)
    calls: list[str] = []
    for name in ("_bracket_sql", "_counted_sql"):
        real = getattr(outliers, name)

        def spy(*args: Any, _real: Any = real, _name: str = name) -> Any:
            calls.append(_name)
            return _real(*args)

        monkeypatch.setattr(outliers, name, spy)
    with open_source(path) as src:
        bracketed = outlier_fences(src, _plan(), FACTOR, native=["a", "c"], hold_bytes=0)
        held = outlier_fences(src, _plan(), FACTOR, native=["a", "c"], hold_bytes=1 << 40)
    assert bracketed == held and set(held) == {"a", "b", "c"}
    # hold_bytes 0: a column a scan. Each is bracketed; one that missed, bracketed wider, then counted.
    text = " ".join(calls)
    if bracket:
        assert calls == ["_bracket_sql"] * 3
    else:
        assert "_bracket_sql _bracket_sql _counted_sql" in text
        assert text.count("_counted_sql") == text.count("_bracket_sql _bracket_sql")


@pytest.mark.parametrize(("rows", "capped"), [(150_000, True), (100_000, False), (100, False)])
def test_the_stream_counts_big_quartiles_on_a_capped_connection(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch, rows: int, capped: bool
) -> None:
    """At a 16 MB cap, quantile_cont may hold 2 MB: the values (16 bytes each) of 125,000 rows of one
    double. Past that the quartiles are counted by value, on the cleaner's capped side connection;
    below it they are held (100,000 rows: the two doubles in two scans, 62,500 rows: in one), on the
    batch reads' connection (no side connection is opened for them)."""
    # Counted by value, 150,000 distinct doubles do not fit in the 16 MB: a few hundred do.
    data = [(i, (i % 997) * 0.5, str(i % 11), float(i % 5)) for i in range(1, rows + 1)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, a REAL, b TEXT, c REAL)", data)})
    plan = build_plan(profile(path), settings=load_settings())
    settings = load_settings(profile_memory_limit="16MB", duplicates="keep")
    assert [c.type for c in plan.tables["t"].columns] == ["integer", "double", "integer", "double"]
    seen: list[tuple[str, int]] = []
    real = stream.outlier_fences

    def spy(src: Source, *args: Any, **kwargs: Any) -> dict[str, Fence]:
        (limit,) = src.connection.execute("SELECT current_setting('memory_limit')").fetchone() or ("",)
        seen.append((str(limit), kwargs["hold_bytes"]))
        return real(src, *args, **kwargs)

    monkeypatch.setattr(stream, "outlier_fences", spy)
    with clean_stream(path, plan, settings=settings) as cleaned:
        batches = list(cleaned.batches("t"))
    probe = duckdb.connect()
    probe.execute("SET memory_limit = '16MB'")
    (cap,) = probe.execute("SELECT current_setting('memory_limit')").fetchone() or ("",)
    probe.close()
    # quantile_cont (whose values the cap does not count) was allowed an eighth of the cap.
    assert [hold for _, hold in seen] == [16_000_000 // 8]
    assert (seen[0][0] == cap) is capped
    assert sum(batch.num_rows for batch in batches) == rows


def test_quartiles_read_untrimmed_where_the_profile_found_no_padding(make_sqlite: SqliteFactory) -> None:
    # Trimming is most of what planning the quartiles' query costs (a 400-column table: 2-3 s); a
    # column the profile found no padded value in is read untrimmed, one with padding still trimmed.
    # Same fences either way, the ones Python computes from the text.
    rng = random.Random(8)
    rows = [
        (i, f" {rng.gauss(40, 25):.3f}\u00a0" if i % 3 else f"{i}.5", f"{rng.gauss(9, 4):.2f}")
        for i in range(400)
    ]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, padded TEXT, plain TEXT)", rows)})
    settings = Settings()
    planned = plan_step(profile_step(path, settings), settings)
    assert "plain" in planned.unpadded["t"] and "padded" not in planned.unpadded["t"]
    table = planned.plan.tables["t"]
    assert [table[name].type for name in ("padded", "plain")] == ["numeric", "numeric"]
    with open_source(path) as src:
        hinted = outlier_fences(
            src, table, FACTOR, valid_utf8=planned.valid_utf8["t"], unpadded=planned.unpadded["t"]
        )
        plain = outlier_fences(src, table, FACTOR)
    expected = {
        name: _expected([float(row[index].strip("\u00a0 ")) for row in rows])
        for index, name in ((1, "padded"), (2, "plain"))
    }
    assert hinted == plain == expected


def test_a_big_tables_columns_of_few_values_are_counted_the_others_bracketed() -> None:
    """Past the held budget (1,000 rows of 16 bytes > 15,999 bytes), a column whose profile counted few
    distinct values is counted by value (its distinct values, 256 bytes each, within the budget; a
    scan holds as many such columns as fit), any other column bracketed; within it, all are held."""
    names = ["a", "b", "c", "d", "e"]
    distinct = {"a": 10, "b": 40, "c": 100_000, "e": 20}  # d: not counted by a profile of every row
    # (10 + 1) * 256 = 2,816 bytes for a, 10,496 for b, 5,376 for e: a and b share a scan, e not.
    assert quartile_scans(names, 1_000, 15_999, distinct) == [
        (["a", "b"], "counted"),
        (["e"], "counted"),
        (["c", "d"], "bracketed"),
    ]
    # b's values alone take more than 8,000 bytes; a's and e's not, but not together.
    assert quartile_scans(names, 1_000, 8_000, distinct) == [
        (["a"], "counted"),
        (["e"], "counted"),
        (["b", "c", "d"], "bracketed"),
    ]
    assert quartile_scans(names, 1_000, 1 << 30, distinct) == [(names, "held")]
    assert quartile_scans([], 1_000, 0, distinct) == []


def test_the_run_hands_the_profiles_distinct_counts_to_the_quartiles(
    make_sqlite: SqliteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cleaner of a run knows each column's distinct values from the profile (every row of it
    read): the quartiles get them, NULL counted as a value."""
    data = [(i, (i % 997) * 0.5, None if i % 10 == 0 else float(i % 5)) for i in range(1, 2001)]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, a REAL, c REAL)", data)})
    settings = load_settings(duplicates="keep")
    seen: list[Any] = []
    real = stream.outlier_fences

    def spy(src: Source, *args: Any, **kwargs: Any) -> dict[str, Fence]:
        seen.append(kwargs["distinct"])
        return real(src, *args, **kwargs)

    monkeypatch.setattr(stream, "outlier_fences", spy)
    planned = plan_step(profile_step(path, settings), settings)
    with clean_step(path, planned, settings) as cleaned:
        assert sum(batch.num_rows for batch in cleaned.batches("t")) == len(data)
    assert seen == [{"id": 2000, "a": 997, "c": 6}]
