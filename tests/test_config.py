"""Settings precedence (flag > env > TOML > default), validation errors, secret masking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from columnar_etl.config import Settings, load_settings, mask_secrets, mask_uri
from columnar_etl.errors import ConfigError


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("COLUMNAR_ETL_BATCH_SIZE", "COLUMNAR_ETL_TARGET", "COLUMNAR_ETL_MIN_QUALITY"):
        monkeypatch.delenv(name, raising=False)


def test_defaults_hold_the_spec_thresholds() -> None:
    settings = load_settings()
    assert settings.target is None
    assert settings.min_quality == 80
    assert settings.halt_quality == 50
    assert settings.halt_type_mismatch_share == 0.10
    assert settings.halt_corrupt_date_share == 0.20
    assert settings.canary_fraction == 0.10
    assert settings.retention_days == 30
    assert settings.pg_dir == Path(".columnar_etl/pg")


def test_precedence_flag_over_env_over_toml_over_default(monkeypatch: pytest.MonkeyPatch) -> None:
    Path("columnar_etl.toml").write_text("batch_size = 100\nmin_quality = 70\nbase_schema = 'sd'\n")
    assert load_settings().batch_size == 100
    monkeypatch.setenv("COLUMNAR_ETL_BATCH_SIZE", "200")
    settings = load_settings()
    assert (settings.batch_size, settings.min_quality, settings.base_schema) == (200, 70, "sd")
    settings = load_settings(batch_size=300, min_quality=None)  # None = flag not given
    assert (settings.batch_size, settings.min_quality) == (300, 70)


def test_explicit_config_file(tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text("target = 'postgresql://u:pw@db/x'\n")
    assert load_settings(other).target == "postgresql://u:pw@db/x"


def test_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "absent.toml")


def test_invalid_value_names_the_key_the_value_and_what_is_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNAR_ETL_MIN_QUALITY", "150")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert str(info.value) == (
        "invalid value for min_quality (environment variable COLUMNAR_ETL_MIN_QUALITY): '150'; allowed: "
        "less than or equal to 100 (hint: fix or unset the environment variable COLUMNAR_ETL_MIN_QUALITY)"
    )


def test_a_bad_environment_value_is_not_blamed_on_the_toml_file(monkeypatch: pytest.MonkeyPatch) -> None:
    # The file is fine; the environment (which wins over it) holds the bad value.
    Path("columnar_etl.toml").write_text("min_quality = 70\n")
    monkeypatch.setenv("COLUMNAR_ETL_MIN_QUALITY", "high")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert (info.value.path, info.value.hint) == (
        None,
        "fix or unset the environment variable COLUMNAR_ETL_MIN_QUALITY",
    )
    assert str(info.value).startswith("invalid value for min_quality (environment variable ")
    Path("columnar_etl.toml").write_text('min_quality = "high"\n')
    monkeypatch.delenv("COLUMNAR_ETL_MIN_QUALITY")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert str(info.value).startswith("file columnar_etl.toml: invalid value for min_quality: 'high'; ")


def test_invalid_choice_lists_the_allowed_values() -> None:
    Path("columnar_etl.toml").write_text('quarantine_policy = "drop"\n')
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert str(info.value).startswith(
        "file columnar_etl.toml: invalid value for quarantine_policy: 'drop'; allowed: 'null', 'reject_row' "
        "or 'fail' (hint: "
    )


def test_unknown_toml_key_names_the_nearest_valid_one() -> None:
    Path("columnar_etl.toml").write_text("batch_sise = 5\n")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert str(info.value) == (
        "file columnar_etl.toml: unknown setting 'batch_sise'; did you mean 'batch_size'? "
        "(hint: see docs/configuration.md for every setting)"
    )


def test_unknown_column_override_key_names_the_nearest_valid_one() -> None:
    Path("columnar_etl.toml").write_text('[columns."tickets"."TKT-Priority"]\ntpye = "text"\n')
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert str(info.value).startswith(
        'file columnar_etl.toml: unknown key \'tpye\' in [columns."tickets"."TKT-Priority"]; '
        "did you mean 'type'?"
    )


def test_bad_toml_syntax_says_line_and_column() -> None:
    Path("columnar_etl.toml").write_text("batch_size = 5\nmin_quality = = 5\n")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert str(info.value).startswith("file columnar_etl.toml: TOML syntax error at line 2, column 15: ")


def test_config_errors_on_the_command_line_are_one_line_exit_1(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from columnar_etl.cli import app

    config = tmp_path / "c.toml"
    config.write_text("min_qualty = 90\n")
    result = CliRunner().invoke(app, ["runs", "list", "--config", str(config)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: file {config}: unknown setting 'min_qualty'; did you mean 'min_quality'? "
        "(hint: see docs/configuration.md for every setting)\n"
    )


def test_every_field_is_documented() -> None:
    for name, info in Settings.model_fields.items():
        assert info.description and len(info.description) > 20, name


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("postgresql://u:secret@h:5432/db", "postgresql://u:***@h:5432/db"),
        ("postgres://u:p%40ss@h/db?sslmode=require", "postgres://u:***@h/db?sslmode=require"),
        ("postgresql://u@h/db?password=secret&x=1", "postgresql://u@h/db?password=***&x=1"),
        ("host=h user=u password=secret dbname=d", "host=h user=u password=*** dbname=d"),
        ("postgresql://postgres:@/postgres?host=/tmp/pg", "postgresql://postgres:@/postgres?host=/tmp/pg"),
    ],
)
def test_mask_uri(raw: str, masked: str) -> None:
    assert mask_uri(raw) == masked
    assert "secret" not in mask_secrets(f"failed: {raw} (again {raw})")


def test_masked_settings_dump() -> None:
    dumped = load_settings(target="postgresql://u:topsecret@h/db").masked()
    assert dumped["target"] == "postgresql://u:***@h/db"
    assert "topsecret" not in str(dumped)


@pytest.mark.parametrize("name", ["NULL_TOKENS", "READERS", "COLUMNS"])
def test_a_list_or_table_in_the_environment_that_is_not_json_is_one_line_naming_it(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was "error: SettingsError: error parsing value for field ... (hint: run again with --debug ...)".
    from typer.testing import CliRunner

    from columnar_etl.cli import app

    monkeypatch.setenv(f"COLUMNAR_ETL_{name}", "grafana, metabase")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert info.value.message.startswith(f"invalid value in the environment variable COLUMNAR_ETL_{name}: ")
    result = CliRunner().invoke(app, ["runs", "list"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"error: invalid value in the environment variable COLUMNAR_ETL_{name}: not JSON: Expecting value: "
        "line 1 column 1 (char 0) (hint: lists and tables in environment variables are JSON: "
        """COLUMNAR_ETL_NULL_TOKENS='["NULL", "N/A"]')\n"""
    )


@pytest.mark.parametrize("command", [["runs", "list"], ["run", "x.db", "--mode", "simple"]])
def test_a_config_flag_naming_no_file_is_a_usage_error_and_no_run(command: list[str], tmp_path: Path) -> None:
    # It exited 1 ("error; nothing live changed") and `run` left a `failed` run.json, as a bad setting
    # in the file would; it is the flag's bad value: exit 64, nothing ran, no record.
    from typer.testing import CliRunner

    from columnar_etl.cli import app

    missing = tmp_path / "nope.toml"
    result = CliRunner().invoke(app, [*command, "--config", str(missing)])
    assert (result.exit_code, result.stdout) == (64, "")
    assert result.stderr == f"error: file {missing}: config file not found (hint: check the --config path)\n"
    assert not (tmp_path / "runs").exists()


@pytest.mark.parametrize("name", ["runs_dir", "backup_dir", "pg_dir", "dashboard_templates", "pg_bin_dir"])
def test_an_empty_path_setting_is_refused_naming_it_not_read_as_the_working_directory(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `COLUMNAR_ETL_RUNS_DIR="$RUNS"` with RUNS unset, `backup_dir = ""`: Path("") is Path("."), and
    # runs and backups were written among the working directory's files (`pg_dir`: the server's data
    # directory made there, `dashboard_templates`: every .sql file there read as a dashboard's query).
    from typer.testing import CliRunner

    from columnar_etl.cli import app

    monkeypatch.chdir(tmp_path)
    variable = f"COLUMNAR_ETL_{name.upper()}"
    monkeypatch.setenv(variable, "")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert info.value.message == (
        f"invalid setting {name} (environment variable {variable}): an empty path names no file or directory"
    )
    monkeypatch.delenv(variable)
    toml = tmp_path / "columnar_etl.toml"
    toml.write_text(f'{name} = ""\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["runs", "list"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"error: file columnar_etl.toml: invalid setting {name}: an empty path names no file or directory "
        f"(hint: fix `{name}` in the TOML file, the {variable} variable or the flag)\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["columnar_etl.toml"]


def test_an_empty_target_setting_is_refused_not_read_as_the_embedded_server(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # COLUMNAR_ETL_TARGET="$DB_URI" with the variable unset (or `target = ""`) meant no target: a run
    # loaded into the embedded server, started in the working directory, and exited 0.
    monkeypatch.setenv("COLUMNAR_ETL_TARGET", "")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert info.value.message == (
        "invalid setting target (environment variable COLUMNAR_ETL_TARGET): an empty target names no server "
        "(unset it for the embedded one)"
    )
    monkeypatch.delenv("COLUMNAR_ETL_TARGET")
    (tmp_path / "columnar_etl.toml").write_text('target = ""\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid setting target: an empty target names no server"):
        load_settings()
    assert load_settings(target="postgresql://u@h/db").target == "postgresql://u@h/db"  # a flag still wins


def test_a_path_setting_beginning_with_a_tilde_is_under_the_home_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # No shell expands `~` in the TOML file (nor in a quoted variable): `runs_dir = "~/etl/runs"` made a
    # directory named "~" in the working directory, and the run records went there (pg_dir alone was
    # expanded, by the embedded server's code).
    from typer.testing import CliRunner

    from columnar_etl.cli import app

    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    for name in ("RUNS_DIR", "BACKUP_DIR", "PG_DIR"):
        monkeypatch.delenv(f"COLUMNAR_ETL_{name}", raising=False)
    (tmp_path / "columnar_etl.toml").write_text(
        'runs_dir = "~/etl/runs"\nbackup_dir = "~/etl/backups"\npg_dir = "~/etl/pg"\n', encoding="utf-8"
    )
    monkeypatch.setenv("COLUMNAR_ETL_DASHBOARD_TEMPLATES", "~/etl/dashboards.sql")
    settings = load_settings()
    assert (settings.runs_dir, settings.backup_dir, settings.pg_dir, settings.dashboard_templates) == (
        home / "etl" / "runs",
        home / "etl" / "backups",
        home / "etl" / "pg",
        home / "etl" / "dashboards.sql",
    )
    monkeypatch.delenv("COLUMNAR_ETL_DASHBOARD_TEMPLATES")
    target = "postgresql://nobody@127.0.0.1:9/nowhere"  # nothing listens: the preflight refuses at once
    ran = CliRunner().invoke(
        app, ["run", str(tmp_path / "missing.db"), "--mode", "simple", "--target", target]
    )
    assert ran.exit_code == 3, ran.output
    assert len(list((home / "etl" / "runs").glob("*/run.json"))) == 1
    # A run whose settings do not load records that where its runs_dir says too.
    monkeypatch.setenv("COLUMNAR_ETL_MIN_QUALITY", "high")
    failed = CliRunner().invoke(app, ["run", str(tmp_path / "missing.db"), "--mode", "simple"])
    assert failed.exit_code == 1, failed.output
    assert len(list((home / "etl" / "runs").glob("*/run.json"))) == 2
    assert not (tmp_path / "~").exists()


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("pg_x", "base schema name 'pg_x' is reserved"),
        ("columnar_etl", "base schema name 'columnar_etl' is reserved"),
        ("b" * 44, f"base schema name {'b' * 44!r} must be 1 to 43 bytes without NUL"),
    ],
)
@pytest.mark.parametrize("where", ["environment", "toml"])
def test_a_base_schema_setting_that_cannot_be_one_is_refused_before_the_export_is_read(
    given: str, message: str, where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pg_uri: str
) -> None:
    # `--base pg_x` is refused before anything runs; the same name in COLUMNAR_ETL_BASE_SCHEMA or the
    # TOML file ran the preflight, backed the export up, profiled and cleaned it, and failed at the load.
    import json

    from typer.testing import CliRunner

    from columnar_etl.cli import app
    from tests.conftest import SMALL_FIXTURE, pg_query

    monkeypatch.setenv("COLUMNAR_ETL_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.delenv("COLUMNAR_ETL_RUNS_DIR", raising=False)
    if where == "environment":
        monkeypatch.setenv("COLUMNAR_ETL_BASE_SCHEMA", given)
        source, hint = (
            " (environment variable COLUMNAR_ETL_BASE_SCHEMA)",
            "fix or unset the environment variable",
        )
        prefix = ""
    else:
        monkeypatch.delenv("COLUMNAR_ETL_BASE_SCHEMA", raising=False)
        (tmp_path / "columnar_etl.toml").write_text(f'base_schema = "{given}"\n', encoding="utf-8")
        source, hint, prefix = "", "fix `base_schema` in the TOML file, the", "file columnar_etl.toml: "
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert info.value.message == f"invalid setting base_schema{source}: {message}"
    result = CliRunner().invoke(app, ["run", str(SMALL_FIXTURE), "--target", pg_uri, "--json"])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(
        f"error: {prefix}invalid setting base_schema{source}: {message} (hint: {hint}"
    )
    assert result.stderr.count("\n") == 1
    (record_file,) = (tmp_path / "runs").glob("*/run.json")
    record = json.loads(record_file.read_text())
    printed = json.loads(result.stdout)
    assert (printed["outcome"], printed["exit_code"], printed["run_id"]) == ("failed", 1, record["run_id"])
    assert (record["outcome"], record["exit_code"]) == ("failed", 1)
    assert [stage["name"] for stage in record["stages"]] == ["settings"]  # nothing read, nothing backed up
    assert not (tmp_path / "backups").exists()
    assert [path.name for path in record_file.parent.iterdir()] == ["run.json"]  # no profile, no report
    assert pg_query(pg_uri, "SELECT count(*) FROM pg_namespace WHERE nspname = 'columnar_etl'") == [(0,)]


def test_a_misspelled_environment_variable_is_noted_naming_the_nearest_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An unknown key in the TOML file is refused naming the nearest valid one; a misspelled variable
    # (COLUMNAR_ETL_BACKUPDIR) was ignored without a word, its setting left at the default.
    import json

    from typer.testing import CliRunner

    from columnar_etl.cli import app
    from tests.conftest import SMALL_FIXTURE

    command = ["profile", str(SMALL_FIXTURE), "--json"]
    plain = CliRunner().invoke(app, command)
    assert plain.stderr == ""
    monkeypatch.setenv("COLUMNAR_ETL_BACKUPDIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("columnar_etl_min_qualty", "90")  # the settings read their variables in any case
    monkeypatch.setenv("COLUMNAR_ETL_XYZZY", "1")
    # The project's own tests' and tools' variables, which share the prefix, are left alone.
    for own in ("COLUMNAR_ETL_TEST_PG_URI", "COLUMNAR_ETL_THOROUGH", "COLUMNAR_ETL_QUARTER_SEEDS"):
        monkeypatch.setenv(own, os.environ.get(own, "1"))
    noted = CliRunner().invoke(app, command)
    assert noted.stderr.splitlines() == [
        "note: environment variable COLUMNAR_ETL_BACKUPDIR names no setting and is ignored; "
        "did you mean COLUMNAR_ETL_BACKUP_DIR?",
        "note: environment variable COLUMNAR_ETL_XYZZY names no setting and is ignored "
        "(see docs/configuration.md)",
        "note: environment variable columnar_etl_min_qualty names no setting and is ignored; "
        "did you mean COLUMNAR_ETL_MIN_QUALITY?",
    ]
    assert noted.exit_code == plain.exit_code  # a note, not a refusal
    assert json.loads(noted.stdout)["quality"] == json.loads(plain.stdout)["quality"]
    assert not (tmp_path / "elsewhere").exists()
