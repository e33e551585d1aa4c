"""The cleaning plan: types, parse rules and names from a real profile, overrides from settings, JSON."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from columnar_etl import clean
from columnar_etl.config import load_settings
from columnar_etl.errors import ConfigError
from columnar_etl.models import Profile
from columnar_etl.planning.build import build_plan
from columnar_etl.planning.overrides import known_formats
from columnar_etl.planning.plan import Plan
from columnar_etl.profiling.profile import profile
from export_generator import generate_export
from tests.conftest import SqliteFactory


@pytest.fixture(scope="module")
def heavy_profile(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    path = tmp_path_factory.mktemp("typemap") / "heavy.db"
    generate_export(path, scale=0.02, seed=11, dirt="heavy")
    return profile(path, settings=load_settings())


def test_plan_types_formats_and_scales_come_from_the_profile(heavy_profile: Profile) -> None:
    plan = build_plan(heavy_profile, settings=load_settings())
    tickets, timesheets = plan["tickets"], plan["timesheets"]

    created = tickets["TKT-Created Time"]
    assert (created.type, created.pg_type, created.arrow_type()) == (
        "timestamp",
        "timestamp",
        pa.timestamp("us"),
    )
    assert created.formats == ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S.%f", "%d/%m/%Y %H:%M")
    assert created.date_order == "day_first"
    # The heavy level's ambiguous column is read in the configured default order.
    due = tickets["TKT-Due Date"]
    assert (due.type, due.arrow_type(), due.date_order) == ("date", pa.date32(), "day_first")
    assert due.formats == ("%Y-%m-%d", "%d/%m/%Y")

    assert tickets["TKT-Ticket ID"].arrow_type() == pa.int64()
    assert tickets["TKT-Ticket ID"].pg_type == "bigint"
    assert tickets["TKT-SLA Breached?"].arrow_type() == pa.bool_()
    assert tickets["TKT-Subject"].arrow_type() == pa.string()
    satisfaction = tickets["TKT-Satisfaction"]
    assert (satisfaction.type, satisfaction.pg_type, satisfaction.arrow_type()) == (
        "double",
        "double precision",
        pa.float64(),
    )
    # NUMERIC affinity stored the rates (cents / 100) as REAL cells: declared NUMERIC, each the decimal
    # of at most two fraction digits its double reads as.
    rate = timesheets["TS-Rate"]
    assert (rate.type, rate.scale, rate.pg_type, rate.arrow_type(), rate.reals) == (
        "numeric",
        2,
        "numeric(18,2)",
        pa.decimal128(18, 2),
        True,
    )
    assert rate.rounds is False
    assert rate.null_tokens == tuple(heavy_profile.settings["null_tokens"])
    assert plan.quality == heavy_profile.quality
    assert [c.output_name for c in tickets.columns] == tickets.column_names  # names kept by default


def test_plan_round_trips_through_json(heavy_profile: Profile) -> None:
    plan = build_plan(heavy_profile, settings=load_settings(), column_names="snake")
    again = Plan.from_json(plan.to_json())
    assert again == plan
    assert again.to_dict()["version"] == 1
    with pytest.raises(ConfigError, match="unsupported plan version"):
        Plan.from_dict({**plan.to_dict(), "version": 99})
    broken = plan.to_dict()
    broken["tables"][0]["columns"][0]["type"] = "varchar"
    with pytest.raises(ConfigError, match="unknown type 'varchar' in the plan"):
        Plan.from_dict(broken)


def test_overrides_from_settings_replace_the_profile(heavy_profile: Profile) -> None:
    settings = load_settings(
        columns={
            "tickets": {
                "TKT-Priority": {"type": "text"},
                "TKT-Created Time": {"type": "text", "null_tokens": []},
                "TKT-Customer #": {"type": "bigint"},
                "TKT-Due Date": {"date_order": "month_first"},
                "TKT-Satisfaction": {"type": "numeric", "scale": 1},
            },
            "timesheets": {"TS-Rate": {"decimal_comma": False}},
        }
    )
    plan = build_plan(heavy_profile, settings=settings)
    tickets = plan["tickets"]
    created = tickets["TKT-Created Time"]
    assert (created.type, created.formats, created.null_tokens, created.origin) == (
        "text",
        (),
        (),
        "override",
    )
    assert tickets["TKT-Customer #"].type == "integer"
    assert tickets["TKT-Due Date"].formats == ("%Y-%m-%d", "%m/%d/%Y")
    assert tickets["TKT-Due Date"].date_order == "month_first"
    satisfaction = tickets["TKT-Satisfaction"]
    assert (satisfaction.type, satisfaction.scale, satisfaction.rounds) == ("numeric", 1, True)
    assert plan["timesheets"]["TS-Rate"].decimal_comma is False
    assert tickets["TKT-Status"].origin == "profile"
    assert any("TKT-Priority" in note for note in plan.notes)


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        ({"nope": {"x": {"type": "text"}}}, "override names a table the export does not have"),
        ({"tickets": {"TKT-Nope": {"type": "text"}}}, "override names a column the table does not have"),
    ],
)
def test_overrides_naming_unknown_columns_are_refused(
    heavy_profile: Profile, columns: dict[str, dict[str, dict[str, str]]], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        build_plan(heavy_profile, settings=load_settings(columns=columns))


def test_an_override_of_an_unknown_type_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="columns"):
        load_settings(columns={"tickets": {"TKT-Priority": {"type": "varchar"}}})


def test_snake_case_names_and_their_mapping(heavy_profile: Profile) -> None:
    plan = build_plan(heavy_profile, settings=load_settings(column_names="snake"))
    names = plan.output_names()["tickets"]
    assert names["TKT-Created Time"] == "tkt_created_time"
    assert names["TKT-SLA Breached?"] == "tkt_sla_breached"
    assert names["TKT-Customer #"] == "tkt_customer"
    assert plan.with_column_names("export").output_names()["tickets"]["TKT-Customer #"] == "TKT-Customer #"


def test_clashing_snake_names_get_a_suffix(make_sqlite: SqliteFactory) -> None:
    path = make_sqlite({"t": ('CREATE TABLE t ("A b" TEXT, "a-b" TEXT, "A_B" TEXT)', [("x", "y", "z")])})
    plan = build_plan(profile(path), settings=load_settings(), column_names="snake")
    assert [c.output_name for c in plan["t"].columns] == ["a_b", "a_b_2", "a_b_3"]


def test_epoch_integers_and_sampled_profiles(make_sqlite: SqliteFactory) -> None:
    rows = [(i, 1_700_000_000 + i * 3600, f"2025-05-{1 + i % 28:02d}") for i in range(40)]
    path = make_sqlite({"t": ('CREATE TABLE t (id INTEGER PRIMARY KEY, "created_at" INTEGER, d TEXT)', rows)})
    plan = build_plan(profile(path), settings=load_settings())
    assert (plan["t"]["created_at"].type, plan["t"]["created_at"].epoch_unit) == ("timestamptz", "seconds")
    assert plan["t"]["d"].formats == ("%Y-%m-%d",)
    # A sample may miss formats the column holds: the plan tries every known one after those seen.
    sampled = build_plan(profile(path, sample=10), settings=load_settings())
    assert sampled["t"]["d"].formats == (
        "%Y-%m-%d",
        *[f for f in known_formats("day_first") if f != "%Y-%m-%d"],
    )


def test_month_first_evidence_gives_month_first_formats(make_sqlite: SqliteFactory, tmp_path: Path) -> None:
    rows = [(1, "5/13/2025"), (2, "5/6/2025"), (3, "12/31/2025")]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, d DATE)", rows)})
    column = build_plan(profile(path), settings=load_settings())["t"]["d"]
    assert (column.date_order, column.formats) == ("month_first", ("%m/%d/%Y",))


def test_decimal_text_is_numeric_at_the_scale_it_has_and_never_rounded(make_sqlite: SqliteFactory) -> None:
    rows = [(1, "12.50", "1.5", "123456789012345678901234.5"), (2, "3.125", "2", "1.25")]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c TEXT)", rows)})
    plan = build_plan(profile(path), settings=load_settings())["t"]
    a, b, c = plan["a"], plan["b"], plan["c"]
    assert (a.type, a.pg_type, a.arrow_type(), a.rounds) == (
        "numeric",
        "numeric(18,3)",
        pa.decimal128(18, 3),
        False,
    )
    assert (b.type, b.pg_type) == ("numeric", "numeric(18,2)")
    # 24 digits before the point: the wide precision, still exact.
    assert (c.type, c.pg_type, c.arrow_type()) == ("numeric", "numeric(38,2)", pa.decimal128(38, 2))


def test_whole_numbers_beyond_bigint_get_scale_0_unless_the_profile_is_a_sample(
    make_sqlite: SqliteFactory,
) -> None:
    rows = [(i, str(2**63 + i), str(10**19 + i), f"{2**63 + i}.5" if i == 1 else str(i)) for i in range(40)]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, big TEXT, account TEXT, money TEXT)"
    path = make_sqlite({"t": (ddl, rows)})
    plan = build_plan(profile(path), settings=load_settings())["t"]
    assert (plan["big"].pg_type, plan["big"].arrow_type()) == ("numeric(38,0)", pa.decimal128(38, 0))
    assert plan["account"].pg_type == "numeric(38,0)"
    assert plan["money"].pg_type == "numeric(38,2)"  # one fraction digit: the money scale
    # A sample may have missed a 12.50: scale 0 would quarantine it (cleaning checks the scale), 2 not.
    sampled = build_plan(profile(path, sample=10), settings=load_settings())["t"]
    assert (sampled["big"].pg_type, sampled["big"].checks_scale) == ("numeric(38,2)", True)


def test_integers_a_double_cannot_hold_keep_a_floating_column_exact(make_sqlite: SqliteFactory) -> None:
    # A column of exponent numbers (a double's shape) that also holds integers of more than 15
    # significant digits, as TEXT or as INTEGER cells: a double would round those integers
    # (9223372036854775807 → 9.223372036854776e18), so the column is not double (found by the lossless
    # property test). 2^53 + 1 is the first integer a double cannot hold.
    big = 2**53 + 1
    # ``short`` holds a fraction's exponent: among integers only, exponents standing for whole numbers
    # are a spreadsheet's display of long ones and keep a column text (test_data_tools.py).
    rows = [
        (1, "1.5e3", "1.5e3", "1.5e3"),
        (2, str(big), big, "123456789012345"),
        (3, "2.25e-2", 2, "2.5e-3"),
    ]
    # No declared type: SQLite keeps each value's own storage class (TEXT exponents, INTEGER cells).
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, as_text TEXT, as_integer, short TEXT)"
    path = make_sqlite({"t": (ddl, rows)})
    with sqlite3.connect(path) as con:  # the storage classes the test means
        classes = con.execute("SELECT typeof(as_text), typeof(as_integer) FROM t WHERE id = 2").fetchone()
    assert classes == ("text", "integer")
    plan = build_plan(profile(path), settings=load_settings())["t"]
    assert plan["as_text"].type == "text"
    assert plan["as_integer"].type == "text"
    # Fifteen significant digits still fit a double exactly: that column stays double.
    assert plan["short"].type == "double"
    cleaned = clean(path)
    assert cleaned.data is not None
    assert cleaned.data["t"].column("as_text").to_pylist()[1] == str(big)
    assert cleaned.data["t"].column("as_integer").to_pylist()[1] == str(big)


def test_real_cells_beyond_2_53_beside_small_integer_cells_are_a_double_column(
    make_sqlite: SqliteFactory,
) -> None:
    # A NUMERIC column of doubles as a converter writes them (SQLAlchemy, db-to-sqlite from
    # PostgreSQL's numeric): SQLite's NUMERIC affinity stores the whole ones (10.0) as INTEGER cells.
    # Only an INTEGER cell beyond 2^53 is one a double cannot hold; a REAL cell that large is a double
    # already (until 2026-12-04 the REAL's magnitude made the column text).
    values = [0.1, 1.2345678901234568e29, 1e-20, 10.0, 2.5, 6.02214076e23, -7.0]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, ratio NUMERIC)"
    path = make_sqlite({"t": (ddl, list(enumerate(values)))})
    with sqlite3.connect(path) as con:  # the storage classes the test means
        classes = [kind for (kind,) in con.execute("SELECT typeof(ratio) FROM t ORDER BY id")]
    assert classes == ["real", "real", "real", "integer", "real", "real", "integer"]
    plan = build_plan(profile(path), settings=load_settings())["t"]
    assert plan["ratio"].type == "double"
    cleaned = clean(path)
    assert cleaned.data is not None
    assert cleaned.data["t"].column("ratio").to_pylist() == values


def test_instants_and_wall_clock_times_in_one_column_are_read_only_as_asked(
    make_sqlite: SqliteFactory, tmp_path: Path
) -> None:
    # Mixed: the profile will not guess the zone of the times without one, so the column stays text.
    rows = [(i, f"2025-03-{i:02d}T10:05:00Z") for i in range(1, 20)] + [(20, "2025-03-20 10:05:00")]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, at TEXT)", rows)})
    column = profile(path).tables["t"].columns["at"]
    assert column.inferred_type == "text" and "UTC offset" in column.type_reason
    assert known_formats("day_first", zoned=True) == [
        "%Y-%m-%d %H:%M:%S+00:00",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%d %H:%M:%S.%f%z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S.%f%z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M:%S.%f %z",
        "%Y-%m-%d %H:%M:%S[.%f] %z <zone> [m=<monotonic>]",
        "%Y-%m-%d %H:%M:%S UTC",
        "%Y-%m-%d %H:%M%z",
        "%Y-%m-%dT%H:%M%z",
        "%a, %d %b %Y %H:%M:%S %z",
        "%a, %d %b %Y %H:%M:%S GMT",
        "%a, %d %b %Y %H:%M:%S %Z",
        "%d %b %Y %H:%M:%S %z",
        "%d %b %Y %H:%M:%S %Z",
        "%d-%b-%Y %H:%M:%S %z",
        "%a %b %d %H:%M:%S %Z %Y",
        "%a %b %d %H:%M:%S %z %Y",
        "%Y%m%dT%H%M%S%z",
        "%Y%m%dT%H%M%S.%f%z",
    ]
    # The operator decides: a timestamptz whose formats include one without %z reads that text as UTC.
    asked = {"t": {"at": {"type": "timestamptz", "formats": ["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S"]}}}
    out = tmp_path / "out.parquet"
    result = clean(path, output=out, settings=load_settings(columns=asked))
    assert result.quarantined == 0
    table = pq.read_table(out / "t.parquet")
    assert table.schema.field("at").type == pa.timestamp("us", tz="UTC")
    assert table.column("at").to_pylist()[19] == datetime(2025, 3, 20, 10, 5, tzinfo=UTC)
    # Without that format the wall-clock time is no instant: quarantined, not guessed.
    asked["t"]["at"]["formats"] = ["%Y-%m-%dT%H:%M:%S%z"]
    strict = clean(path, output=tmp_path / "strict.parquet", settings=load_settings(columns=asked))
    assert strict.quarantined == 1
    # A %z format in a column that cannot hold an offset is refused before any work.
    wrong = {"t": {"at": {"type": "timestamp", "formats": ["%Y-%m-%dT%H:%M:%S%z"]}}}
    with pytest.raises(ConfigError, match="timestamptz"):
        build_plan(profile(path), settings=load_settings(columns=wrong))


def test_an_override_says_how_a_column_reads_its_commas(make_sqlite: SqliteFactory, tmp_path: Path) -> None:
    rows = [(1, "1,234"), (2, "12,000"), (3, "999")]  # nothing tells: the profile keeps it text
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, n TEXT)", rows)})
    prof = profile(path)
    assert (prof.tables["t"].columns["n"].inferred_type, prof.tables["t"].columns["n"].comma) == (
        "text",
        None,
    )
    for asked, expected in ((True, [1234, 12000, 999]), (False, [1.234, 12.0, 999])):
        override = {"type": "numeric", "scale": 3, "thousands_separator": asked, "decimal_comma": not asked}
        out = tmp_path / f"{asked}.parquet"
        clean(path, output=out, settings=load_settings(columns={"t": {"n": override}}))
        assert [float(v) for v in pq.read_table(out / "t.parquet").column("n").to_pylist()] == expected
    both = {"t": {"n": {"type": "numeric", "thousands_separator": True, "decimal_comma": True}}}
    with pytest.raises(ConfigError, match="both a decimal comma and a thousands separator"):
        build_plan(prof, settings=load_settings(columns=both))


def test_a_column_made_numeric_keeps_the_fraction_digits_its_values_have(
    make_sqlite: SqliteFactory, tmp_path: Path
) -> None:
    # Declared TEXT with a word among the numbers: the profile keeps it text. Made numeric without a
    # scale it used to get scale 2, and 1.2345 arrived as 1.23 with no audit row.
    rows = [(1, "1.2345"), (2, "2.5"), (3, "abc"), (4, "7")]
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)", rows)})
    settings = load_settings(columns={"t": {"x": {"type": "numeric"}}})
    plan = build_plan(profile(path), settings=settings)["t"]["x"]
    assert (plan.type, plan.scale, plan.rounds, plan.checks_scale) == ("numeric", 4, False, True)
    out, audit = tmp_path / "out.parquet", tmp_path / "audit.parquet"
    clean(path, output=out, audit=audit, settings=settings)
    arrived = pq.read_table(out / "t.parquet").column("x").to_pylist()
    assert [None if v is None else str(v) for v in arrived] == ["1.2345", "2.5000", None, "7.0000"]
    assert [row["rule"] for row in pq.read_table(audit).to_pylist()] == ["invalid_number"]  # 'abc' only
    # A sampled profile may not have seen the value with the most digits: cleaning checks them all.
    many = [(i, f"{i}.5") for i in range(1, 200)] + [(200, "3.14159")]
    sampled_path = make_sqlite({"s": ("CREATE TABLE s (id INTEGER PRIMARY KEY, x TEXT)", many)}, name="s.db")
    sampled = build_plan(profile(sampled_path, sample=20), settings=load_settings())["s"]["x"]
    full = build_plan(profile(sampled_path), settings=load_settings())["s"]["x"]
    assert (sampled.rounds, sampled.checks_scale) == (False, True)
    assert (full.rounds, full.checks_scale, full.scale) == (False, False, 5)
    # Rounding loses digits: no plan made from a profile rounds. The value the sample did not see is
    # quarantined as having more fraction digits than the scale, never rounded to it.
    out, audit = tmp_path / "sampled.parquet", tmp_path / "sampled_audit.parquet"
    clean(sampled_path, build_plan(profile(sampled_path, sample=20)), output=out, audit=audit)
    arrived = {row["id"]: row["x"] for row in pq.read_table(out / "s.parquet").to_pylist()}
    assert (arrived[200], arrived[1], arrived[199]) == (None, Decimal("1.5"), Decimal("199.5"))
    assert [(r["row_key"], r["rule"]) for r in pq.read_table(audit).to_pylist()] == [("200", "numeric_scale")]


def test_a_numeric_override_reads_real_cells_by_their_own_digits_and_audits_every_rounding(
    make_sqlite: SqliteFactory,
) -> None:
    # REAL cells arrive with 17 digits (0.1 as 0.10000000000000001): read so, 0.1 was "rounded" to 0.1
    # (or quarantined for its 17 digits); 1.5e-7 at scale 2 became 0.00 audited as an exponent only.
    reals = [0.1, 2.5, 1 / 3, 1e-7, 12.25]
    texts = ["1.5e-7", "2.5", "1e3", "0.125", "7"]
    rows = list(zip(range(1, 6), reals, texts, strict=True))
    path = make_sqlite({"t": ("CREATE TABLE t (id INTEGER PRIMARY KEY, r REAL, x TEXT)", rows)})
    profiled = profile(path)
    as_is = load_settings(columns={"t": {"r": {"type": "numeric"}}})
    result = clean(path, build_plan(profiled, settings=as_is), settings=as_is)
    assert result.data is not None and result.audit is not None
    assert result.data["t"].column("r").to_pylist() == [Decimal(repr(v)) for v in reals]
    assert [a for a in result.audit.to_pylist() if a["column"] == "r"] == []
    # Scale 2, the operator's: each value with more digits is rounded, and says so.
    two = load_settings(
        columns={"t": {"r": {"type": "numeric", "scale": 2}, "x": {"type": "numeric", "scale": 2}}}
    )
    result = clean(path, build_plan(profiled, settings=two), settings=two)
    assert result.data is not None and result.audit is not None
    cent = Decimal("0.01")
    assert result.data["t"].column("r").to_pylist() == [Decimal(repr(v)).quantize(cent) for v in reals]
    rules = {(a["row_key"], a["column"]): a["rule"] for a in result.audit.to_pylist()}
    assert rules == {
        ("3", "r"): "rounded:2",
        ("4", "r"): "rounded:2",
        ("1", "x"): "exponent,rounded:2",
        ("3", "x"): "exponent",
        ("4", "x"): "rounded:2",
    }
