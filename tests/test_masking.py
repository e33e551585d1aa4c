"""Personal data masking in the cleaning plan: ``mask = "hash"`` (salted SHA-256) and ``mask = "drop"``.

Real exports from the generator; ``TKT-Agent``, ``TS-Agent`` and ``CMT-Author`` hold person names (and
customer names), which must appear nowhere in what cleaning writes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from columnar_etl.config import ColumnOverride, Settings, load_settings
from columnar_etl.errors import ConfigError
from columnar_etl.pipeline.clean import clean
from columnar_etl.pipeline.runner import RunResult
from columnar_etl.planning.build import build_plan
from columnar_etl.planning.plan import Plan
from columnar_etl.profiling.profile import profile
from export_generator import generate_export
from export_generator.values import AGENTS, CUSTOMERS

SALT = "pepper-0123456789"
NAMES = [*AGENTS, *CUSTOMERS]
HASHED = {
    "tickets": {"TKT-Agent": ColumnOverride(mask="hash")},
    "timesheets": {"TS-Agent": ColumnOverride(mask="hash")},
    "comments": {"CMT-Author": ColumnOverride(mask="hash")},
}


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("masking") / "x.db"
    generate_export(path, scale=0.02, seed=7, dirt="prod")
    return path


def settings_for(salt: str | None = SALT, **columns: dict[str, ColumnOverride]) -> Settings:
    return Settings(columns=columns or HASHED, mask_salt=salt)


def sha(value: str, salt: str = SALT) -> str:
    return hashlib.sha256((salt + value).encode()).hexdigest()


def clean_to(export: Path, out_dir: Path, settings: Settings) -> dict[str, Path]:
    out_dir.mkdir()
    paths = {name: out_dir / name for name in ("out.db", "audit.parquet", "quarantine.parquet")}
    plan = build_plan(profile(export, settings=settings), settings=settings)
    clean(
        export,
        plan,
        output=paths["out.db"],
        audit=paths["audit.parquet"],
        quarantine=paths["quarantine.parquet"],
        settings=settings,
    )
    return paths


def column(db: Path, table: str, name: str) -> list[str | None]:
    con = sqlite3.connect(db)
    try:
        return [row[0] for row in con.execute(f'SELECT "{name}" FROM "{table}" ORDER BY rowid')]
    finally:
        con.close()


def test_hash_is_stable_per_salt_and_joins(export: Path, tmp_path: Path) -> None:
    first = clean_to(export, tmp_path / "a", settings_for())
    again = clean_to(export, tmp_path / "b", settings_for())
    other = clean_to(export, tmp_path / "c", settings_for("another salt"))
    agents = column(first["out.db"], "tickets", "TKT-Agent")
    assert agents == column(again["out.db"], "tickets", "TKT-Agent")
    assert all(a is None or len(a) == 64 for a in agents)
    other_agents = column(other["out.db"], "tickets", "TKT-Agent")
    assert all(a != b for a, b in zip(agents, other_agents, strict=True) if a is not None)
    # The hash is of the cleaned (trimmed) text, so a padded name joins with its clean spelling.
    expected = {sha(name) for name in AGENTS}
    assert {a for a in agents if a is not None} <= expected
    timesheet_agents = {a for a in column(first["out.db"], "timesheets", "TS-Agent") if a is not None}
    assert timesheet_agents <= expected
    assert timesheet_agents & {a for a in agents if a is not None}
    # NULL (an empty name) stays NULL.
    source = column(export, "tickets", "TKT-Agent")
    for raw, hashed in zip(source, agents, strict=True):
        assert (hashed is None) == (raw is None or raw.strip() == "")


def test_raw_names_appear_nowhere_in_the_outputs(export: Path, tmp_path: Path) -> None:
    source_bytes = export.read_bytes()
    assert any(name.encode() in source_bytes for name in AGENTS)  # the test would prove nothing otherwise
    paths = clean_to(export, tmp_path / "out", settings_for())
    raw = paths["out.db"].read_bytes()
    for name in NAMES:
        assert name.encode() not in raw, name
    for log in ("audit.parquet", "quarantine.parquet"):
        data = paths[log].read_bytes()
        table = pq.read_table(paths[log])
        cells = [str(v) for col in table.columns for v in col.to_pylist() if v is not None]
        for name in NAMES:
            assert name.encode() not in data, (log, name)
            assert not any(name in cell for cell in cells), (log, name)
    audit = pl.read_parquet(paths["audit.parquet"]).filter(pl.col("column") == "TKT-Agent")
    assert audit.height  # padded names were trimmed: audited, as hashes
    trimmed = audit.filter(pl.col("rule") == "trim")
    assert trimmed.height and trimmed["new_value"].is_in([sha(name) for name in AGENTS]).all()
    assert (trimmed["raw_value"] != trimmed["new_value"]).all()


def test_drop_removes_the_column(export: Path, tmp_path: Path) -> None:
    settings = settings_for(None, tickets={"TKT-Agent": ColumnOverride(mask="drop")})
    paths = clean_to(export, tmp_path / "out", settings)
    con = sqlite3.connect(paths["out.db"])
    try:
        names = [row[1] for row in con.execute('PRAGMA table_info("tickets")')]
    finally:
        con.close()
    assert "TKT-Agent" not in names and "TKT-Subject" in names
    # Other tables keep their (unmasked) names; the tickets table holds none anywhere.
    con = sqlite3.connect(paths["out.db"])
    try:
        cells = {str(v) for row in con.execute('SELECT * FROM "tickets"') for v in row}
    finally:
        con.close()
    assert not any(name in cell for cell in cells for name in AGENTS)
    audit = pl.read_parquet(paths["audit.parquet"])
    assert audit.filter(pl.col("column") == "TKT-Agent").height == 0
    plan = build_plan(profile(export, settings=settings), settings=settings)
    result = clean(export, plan, settings=settings)
    assert result.data is not None and "TKT-Agent" not in result.data["tickets"].column_names
    assert "TS-Agent" in result.data["timesheets"].column_names  # only the named column goes


def test_dropping_every_column_of_a_table_is_a_config_error(tmp_path: Path) -> None:
    # helper 22: the load failed on a COPY "syntax error at or near ')'", naming no cause.
    path = tmp_path / "u.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE u (id INTEGER, v TEXT)")
        con.execute("INSERT INTO u VALUES (1, 'x')")
    drop = ColumnOverride(mask="drop")
    settings = settings_for(None, u={"id": drop, "v": drop})
    with pytest.raises(ConfigError, match="every column of the table is masked with drop") as refused:
        build_plan(profile(path, settings=settings), settings=settings)
    assert refused.value.table == "u"


def test_hash_without_salt_is_a_config_error(
    export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConfigError) as caught:
        build_plan(profile(export), settings=settings_for(None))
    assert "COLUMNAR_ETL_MASK_SALT" in (caught.value.hint or "")
    config = tmp_path / "columnar_etl.toml"
    config.write_text('[columns."tickets"."TKT-Agent"]\nmask = "hash"\n')
    monkeypatch.delenv("COLUMNAR_ETL_MASK_SALT", raising=False)
    with pytest.raises(ConfigError, match="mask_salt"):
        load_settings(config)
    monkeypatch.setenv("COLUMNAR_ETL_MASK_SALT", SALT)
    assert load_settings(config).mask_salt == SALT


def test_plan_json_has_the_mask_but_never_the_salt(export: Path) -> None:
    settings = settings_for(
        tickets={"TKT-Agent": ColumnOverride(mask="hash"), "TKT-Subject": ColumnOverride(mask="drop")}
    )
    plan = build_plan(profile(export, settings=settings), settings=settings)
    text = plan.to_json()
    assert SALT not in text
    columns = {c["name"]: c for t in json.loads(text)["tables"] for c in t["columns"]}
    assert columns["TKT-Agent"]["mask"] == "hash" and columns["TKT-Agent"]["type"] == "text"
    assert columns["TKT-Subject"]["mask"] == "drop" and columns["TS-Agent"]["mask"] is None
    again = Plan.from_json(text)
    assert again == plan
    assert "TKT-Subject" not in again["tickets"].column_names
    assert SALT not in json.dumps(settings.masked())


def run_masked(export: Path, tmp_path: Path, pg_uri: str) -> RunResult:
    """``pipeline.run`` of ``export`` with agents hashed and comment authors dropped."""
    from columnar_etl.pipeline.runner import run

    settings = load_settings(
        target=pg_uri,
        runs_dir=tmp_path / "runs",
        backup_dir=tmp_path / "backups",
        min_memory_gb=0.5,
        fail_memory_gb=0.1,
        min_quality=0,
        columns={
            "tickets": {"TKT-Agent": {"mask": "hash"}},
            "timesheets": {"TS-Agent": {"mask": "hash"}},
            "comments": {"CMT-Author": {"mask": "drop"}},
        },
        mask_salt=SALT,
    )
    result = run(export, settings=settings, mode="simple")
    assert result.outcome in ("done", "warn"), result.record.error
    return result


def leaks_in(run_dir: Path) -> dict[str, list[str]]:
    """Per file of the run directory, the raw names (or the salt) found in its bytes."""
    leaks = {}
    for path in sorted(run_dir.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            found = [name for name in (*NAMES, SALT) if name.encode() in data]
            if found:
                leaks[path.name] = found[:3]
    return leaks


def test_run_end_to_end_keeps_raw_names_out_of_the_target(export: Path, tmp_path: Path, pg_uri: str) -> None:
    from .conftest import pg_query

    result = run_masked(export, tmp_path, pg_uri)
    schema = result.record.version_schema
    assert schema
    agents = [row[0] for row in pg_query(pg_uri, f'SELECT "TKT-Agent" FROM "{schema}".tickets')]
    assert agents and {a for a in agents if a is not None} <= {sha(name) for name in AGENTS}
    comment_columns = pg_query(
        pg_uri,
        f"SELECT column_name FROM information_schema.columns WHERE table_schema = '{schema}' "
        "AND table_name = 'comments'",
    )
    assert comment_columns and "CMT-Author" not in {row[0] for row in comment_columns}
    for table in ("tickets", "timesheets", "comments"):
        dump = "\n".join(row[0] for row in pg_query(pg_uri, f'SELECT t::text FROM "{schema}"."{table}" AS t'))
        assert not [name for name in NAMES if name in dump], table
    assert not leaks_in(result.run_dir)


def test_run_profile_json_holds_no_raw_names(export: Path, tmp_path: Path, pg_uri: str) -> None:
    result = run_masked(export, tmp_path, pg_uri)
    assert "profile.json" not in leaks_in(result.run_dir)


def test_plan_from_json_refuses_a_hashed_typed_column(export: Path) -> None:
    settings = settings_for(tickets={"TKT-Agent": ColumnOverride(mask="hash")})
    data = build_plan(profile(export, settings=settings), settings=settings).to_dict()
    for table in data["tables"]:
        for col in table["columns"]:
            if col["name"] == "TKT-Agent":
                col["type"] = "integer"
    with pytest.raises(ConfigError, match="must be text"):
        Plan.from_dict(data)
    with pytest.raises(ConfigError, match="cannot be combined"):
        build_plan(
            profile(export, settings=settings),
            settings=settings_for(tickets={"TKT-Agent": ColumnOverride(mask="hash", type="date")}),
        )


def test_masking_a_key_column_is_refused(export: Path) -> None:
    settings = settings_for(tickets={"TKT-Ticket ID": ColumnOverride(mask="hash")})
    plan = build_plan(profile(export, settings=settings), settings=settings)
    with pytest.raises(ConfigError, match="key column"):
        clean(export, plan, settings=settings)


def test_a_hashed_cell_of_invalid_utf8_is_audited_by_its_hash_not_its_bytes(tmp_path: Path) -> None:
    # Its encoding audit row showed the raw bytes (`hex:636166E9`), the value the hash is there to hide.
    path = tmp_path / "m.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, secret TEXT)")
        con.execute("INSERT INTO t VALUES (1, 'ok'), (2, CAST(X'636166e9' AS TEXT))")
    settings = settings_for(t={"secret": ColumnOverride(mask="hash")})
    paths = clean_to(path, tmp_path / "out", settings)
    audited = pq.read_table(paths["audit.parquet"]).to_pylist()
    # cp1252 (the default fallback) reads 0xE9 as é: the text as exported, hashed.
    assert [(a["row_key"], a["raw_value"], a["rule"]) for a in audited] == [
        ("2", sha("caf\u00e9"), "encoding:cp1252")
    ]
    assert column(paths["out.db"], "t", "secret") == [sha("ok"), sha("caf\u00e9")]
