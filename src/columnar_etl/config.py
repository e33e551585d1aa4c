"""One typed settings object, and the only home of every threshold the tool uses.

Precedence, highest first: a CLI flag (passed to :func:`load_settings` as an override) > an environment
variable ``COLUMNAR_ETL_<FIELD>`` > ``columnar_etl.toml`` in the working directory (or the file given
with ``--config``) > the defaults below. The TOML keys, the env names (upper-cased, prefixed) and the
CLI flags (``--field-name``) are the same words.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import threading
import tomllib
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
    TomlConfigSettingsSource,
)

from columnar_etl.errors import ConfigError, UsageError, raise_if_interrupted
from columnar_etl.pg.conninfo import check_target, has_password, with_database
from columnar_etl.pg.identifiers import check_base
from columnar_etl.rules import DEFAULT_NULL_TOKENS

DEFAULT_CONFIG_FILE = Path("columnar_etl.toml")
ENV_PREFIX = "COLUMNAR_ETL_"

# The TOML file is chosen per call of load_settings (``--config FILE``); pydantic-settings builds its
# sources in a classmethod, so the path travels there in a context variable.
_config_file: ContextVar[Path] = ContextVar("columnar_etl_config_file", default=DEFAULT_CONFIG_FILE)

#: Target column names: as the export wrote them (quoted), or snake_case (see pg/column_names.py).
ColumnNames = Literal["export", "snake"]


class ColumnOverride(BaseModel):
    """How cleaning reads one column, overriding what the profile decided (``[columns."t"."c"]``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: (
        Literal[
            "timestamp",
            "timestamptz",
            "date",
            "time",
            "integer",
            "bigint",
            "numeric",
            "double",
            "double precision",
            "boolean",
            "text",
        ]
        | None
    ) = Field(
        default=None,
        description="Target type (`bigint` = integer, `double precision` = double; `timestamptz`: text "
        "with a UTC offset, loaded as the instant).",
    )
    formats: list[str] | None = Field(
        default=None,
        description="strptime formats tried in order for a date/timestamp column; a value none reads is "
        "quarantined. Formats of one order (`%m/%d/%Y`) also set the column's `date_order`. On a column "
        "the profile reads as dates, formats of the shapes it knows are also what the profile scores and "
        "the circuit breaker judges (the override proves the order; see docs/profiling.md). Without "
        "`type`, on a column the profile kept text (`20/May/25 8:42 AM`: a two-digit year), they make "
        "it one: `timestamptz` if a format reads an offset (`%z`), `timestamp` if one reads a time, else "
        "`date`.",
    )
    date_order: Literal["day_first", "month_first"] | None = Field(
        default=None,
        description="How `a/b/yyyy` values of this column are read: the proof of its order, for the "
        "profile's score and the circuit breaker too (a column whose every day is 12 or less costs no "
        "`ambiguous_date_order`); a date only in the other order is quarantined as `other_date_order`.",
    )
    scale: int | None = Field(
        default=None,
        ge=0,
        le=18,
        description="Digits after the point of a numeric (default: as many as the column's values have, "
        "at least 2, or 0 for whole numbers only that the profile measured in full and you did not make "
        "numeric; when the profile did not measure every value, one with more is quarantined as "
        "`numeric_scale`). Set here, it rounds a value with more digits to it, audited as "
        "`rounded:<scale>`: your decision to lose those digits, which the lossless check counts as a loss.",
    )
    null_tokens: list[str] | None = Field(
        default=None, description="Null-like values of this column (`[]`: none); default: `null_tokens`."
    )
    decimal_comma: bool | None = Field(
        default=None, description="Read `3,5` as 3.5 (default: unless the column's commas group thousands)."
    )
    thousands_separator: bool | None = Field(
        default=None,
        description="Read `1,234.50` as 1234.50 (default: when the column's values prove commas group "
        "thousands).",
    )
    trim: bool | None = Field(
        default=None,
        description="`false`: the column's text is as written, its padding layout (an application's "
        "printed output, a fixed-width report, code or Markdown) or counted by other columns (documents "
        "an annotation tool's spans name by character offsets: a leading blank trimmed would shift "
        "every span of that document): no whitespace is trimmed from its "
        "ends, so a value of blanks alone is a value too; NUL bytes are still removed and an invalid "
        "encoding decoded, `''` is still NULL (it holds no layout; `empty_is_null = false` keeps it) "
        "and so is a null token written "
        "exactly so (`null_tokens = []`: none). Text columns only: on a column read as a date, number "
        'or boolean it is refused (set `type = "text"` to keep such a column\'s text). `true`: trimmed, '
        "documents too (each audited, their padding at no cost). Default (unset): values of one line "
        "trimmed (a name, a code, an e-mail: padding there is a typing accident; fixed-width fields, "
        "`padded_width`, too), but a value of several lines (a line break in its trimmed text: a "
        "patch, a mail body, a stack, a Markdown page; `padded_documents`) is a document, loaded byte "
        "for byte whatever pads it, and so is every value of a column every value of which ends in one "
        "line break (YAML, base64 lines, a PEM; `line_terminated`) or opens on a paragraph indent of "
        "ideographic spaces (U+3000, Chinese or Japanese prose; `paragraph_indented`); blanks and null "
        "tokens are still NULL, except a lone blank among one-character marks (a column of separators "
        "`,` `.` `'` and one space: kept as written, as `false` keeps it; `true` makes it NULL).",
    )
    empty_is_null: bool | None = Field(
        default=None,
        description="`false`: the column's `''` is a value, not a missing one: loaded as `''`, not "
        "audited, no `empty_string` issue and no cost, for an application that writes `''` and NULL into "
        "one column with different meanings (PocketBase's API rules: `''` open to anyone, NULL superusers "
        "only; the profile's `empty_string` detail names such columns). A value of blanks alone follows "
        "`trim`: trimmed to `''` (audited `trim`), or kept as written with `trim = false`. NULL stays NULL "
        "and null tokens stay null tokens (`null_tokens = []`: none). Text columns only: on a column "
        'read as a date, number or boolean it is refused (set `type = "text"` to keep such a column\'s '
        "text). Default (unset, `true`): `''` is NULL, audited `empty_to_null`.",
    )
    windows_1252: bool | None = Field(
        default=None,
        description="`false`: the column's C1 controls (U+0080-U+009F) stay as written. Default (unset, "
        "`true`): in a text column holding Windows-1252's quotation marks, bullet or dashes read as "
        "Latin-1 (a C1 control U+0091-U+0097 in some value: a converter read a Windows file as "
        "Latin-1), each C1 control Windows-1252 defines is its character (U+0092 `’`, U+0085 `…`, "
        "U+0080 `€`), before trimming (audited `windows_1252`); a column without such evidence (a lone "
        "U+0085, EBCDIC's line end) is left as written.",
    )
    mask: Literal["hash", "drop"] | None = Field(
        default=None,
        description="Personal data: `hash` writes the salted SHA-256 (hex) of the cleaned text (needs "
        "`mask_salt`), `drop` leaves the column out of every output.",
    )


class Settings(BaseSettings):
    """Every setting of columnar_etl. Field descriptions are the documentation (docs/configuration.md)."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        extra="forbid",
        validate_default=True,
        frozen=True,
    )

    # --- where things go -------------------------------------------------------------------------
    target: str | None = Field(
        default=None,
        description="PostgreSQL URI of the target database (postgresql://user:pass@host:port/db). "
        "Unset: the embedded PostgreSQL server in `pg_dir`, started on demand.",
    )
    password_command: str | None = Field(
        default=None,
        description="Shell command printing the target's password on its first line (e.g. `pass show "
        "db/loader`, whose later lines are the entry's notes); run once, when a command first connects "
        "to the target and the password is not in the URI, `PGPASSWORD` or `PGPASSFILE`, and handed to "
        "libpq through the environment, never put in a URI, a log or a record. Commands that do not "
        "connect (`profile`, `runs list`) never run it, and its failure fails only those that do. Not "
        "run without a `target`: the embedded server asks no password.",
    )
    pg_dir: Path = Field(
        default=Path(".columnar_etl/pg"),
        description="Data directory of the embedded PostgreSQL server (created on first use).",
    )
    runs_dir: Path = Field(
        default=Path("runs"),
        description="Directory holding one sub-directory of artefacts per run (`runs/<run_id>/`).",
    )
    backup_dir: Path = Field(
        default=Path(".columnar_etl/backups"),
        description="Directory for source-file and target-schema backups.",
    )
    base_schema: str = Field(
        default="servicedesk",
        description="Stable schema the dashboards query; version schemas are named `<base>_v<timestamp>`.",
    )

    # --- streaming and observability --------------------------------------------------------------
    batch_size: int = Field(
        default=65_536, gt=0, description="Rows per Arrow record batch streamed between stages."
    )
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        default="warning",
        description="Lowest level of log lines shown on the console (stderr); results go to stdout.",
    )
    log_file_level: Literal["debug", "info", "warning", "error"] = Field(
        default="info", description="Lowest level written to a run's JSON log file (`log.jsonl`)."
    )
    health_interval_rows: int = Field(
        default=50_000,
        gt=0,
        description="Sample health (free disk, RSS, available memory) at most once per this many rows.",
    )

    # --- profiling and gates ------------------------------------------------------------------------
    null_tokens: list[str] = Field(
        default_factory=lambda: list(DEFAULT_NULL_TOKENS),
        description="Values (after trimming) that mean NULL in the export, matched case-sensitively; "
        "not in a column holding one as a value (`NA` among country codes: see profiling.md).",
    )
    date_order_default: Literal["day_first", "month_first"] = Field(
        default="day_first",
        description="Date order for `a/b/yyyy` columns whose values never prove either order, when no other "
        "date column proves one either: the export's other date columns decide first (where they prove "
        "both orders, the column's own table's), and a note says which decided.",
    )
    source_encoding_fallback: Literal["cp1252", "latin-1", "error"] = Field(
        default="cp1252",
        description="How TEXT that is not valid UTF-8 is read: `cp1252` (the usual Windows export: byte 0x80 "
        "is `€`), `latin-1`, or `error` (the profile reports it and the circuit breaker halts). Every "
        "decoded cell is in the audit with its raw bytes in hex. UTF-8 cut inside its last character (a C "
        "program's fixed byte buffer) is read as UTF-8, the cut character U+FFFD (`encoding:utf-8-cut`).",
    )
    batch_bytes: int = Field(
        default=8 * 1024 * 1024,
        ge=1024 * 1024,
        description="Bytes of source values per cleaned batch (at most `batch_size` rows): tables of large "
        "BLOBs or long text are read in fewer rows per batch, so memory does not grow with value size; a "
        "cell counts 8 bytes at least, so a sparse table of many columns is read in fewer rows too.",
    )
    read_ahead_bytes: int = Field(
        default=32 * 1024 * 1024,
        ge=0,
        description="Bytes of cleaned batches the load may hold ahead of COPY (at least two batches): the "
        "next table is cleaned while PostgreSQL builds the indexes of the one before and checks it.",
    )
    profile_memory_limit: str = Field(
        default="256MB",
        pattern=r"^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$",
        description="Memory DuckDB may use while profiling (it counts each column's distinct values), and "
        "while cleaning for the listing of duplicate rows and the outlier quartiles; past it the counting "
        "spills to a temporary directory instead of growing with the export.",
    )
    max_cell_size: str = Field(
        default="16MiB",
        pattern=r"^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$",
        description="The largest TEXT or BLOB cell (bytes as SQLite stores it) a command reads: a larger one "
        "is refused before any cell is read (exit 3), naming its table, column and rowid: by `preflight` "
        "(check `source_cells`; in `run` before the backup), else by the profile, `clean --plan` and "
        "`copy-raw`. A cell takes 10-30 "
        "times its size in memory while it is profiled and cleaned (peak RSS ~530 MB for a 16 MB cell at "
        "the defaults); raise this with `profile_memory_limit` on a machine with the memory. PostgreSQL's "
        "own limits (1 GB a field, 1 GB a row) are refused whatever this says.",
    )
    min_quality: float = Field(
        default=80.0, ge=0, le=100, description="Quality gate: a score below this blocks the cutover."
    )
    halt_quality: float = Field(
        default=50.0,
        ge=0,
        le=100,
        description="Circuit breaker: halt when the overall quality is below this.",
    )
    halt_type_mismatch_share: float = Field(
        default=0.10,
        ge=0,
        le=1,
        description="Circuit breaker: halt when more than this share of columns have an unfixable type "
        "mismatch.",
    )
    halt_corrupt_date_share: float = Field(
        default=0.20,
        ge=0,
        le=1,
        description="Circuit breaker: halt when more than this share of a date column's rows are corrupt.",
    )

    # --- cleaning -----------------------------------------------------------------------------------
    quarantine_policy: Literal["null", "reject_row", "fail"] = Field(
        default="null",
        description="What cleaning does with a value it cannot fix (31/02/2025, 'TBD' in a date, '2h' in a "
        "number): `null` stores NULL and quarantines the value, `reject_row` also drops the row, `fail` "
        "stops the run.",
    )
    duplicates: Literal["remove", "keep", "fail"] = Field(
        default="remove",
        description="Exact duplicate rows (equal in every column of the source, value and storage "
        "class): `remove` the extra copies (each one in the audit, rule `duplicate_row`, with its "
        "key), `keep` every row (the key then gets a plain index instead of a primary key, with a "
        "warning), or `fail`: refuse the export before loading (exit 3). Rows that differ in any "
        "column are never removed.",
    )
    outlier_iqr_factor: float = Field(
        default=3.0,
        ge=0,
        description="Flag (never change) numeric/double values outside [Q1 - k*IQR, Q3 + k*IQR]; 0 = off.",
    )
    column_names: ColumnNames = Field(
        default="export",
        description="Output column names: as the `export` wrote them (less a leading byte-order mark), or "
        "`snake` (`tkt_created_time`). "
        "Either way a name past PostgreSQL's 63 bytes gets a short form with a hash, and one PostgreSQL "
        "keeps for a system column (`xmin`, `ctid` …) a `_` after it; each rename is in the run's record.",
    )
    columns: dict[str, dict[str, ColumnOverride]] = Field(
        default_factory=dict,
        description='Per-column overrides of the cleaning plan: `[columns."tickets"."TKT-Priority"] '
        'type = "text"`. A column is named as the export wrote it or as the target shows it (a CSV '
        "import's `\\ufeffid` as `id`), tables and columns as SQLite names them (`tick` is the "
        "export's `Tick`: the case of A-Z only, `ä` is not `Ä`); a name of none of these is refused "
        "before anything is written.",
    )
    mask_salt: str | None = Field(
        default=None,
        repr=False,
        description='Salt of `mask = "hash"` columns: the hash is the hex SHA-256 of the UTF-8 salt '
        "followed by the value. Keep it secret and the same across runs, so hashes still join; prefer the "
        "environment variable to the file. Never written to run records.",
    )

    # --- loading ------------------------------------------------------------------------------------
    canary_fraction: float = Field(
        default=0.10, gt=0, le=1, description="Share of each table's rows loaded by a canary run."
    )
    drift_row_change: float = Field(
        default=0.50,
        ge=0,
        description="Drift check: report a table whose row count changed by more than this share.",
    )
    drift_null_rate_jump: float = Field(
        default=0.20,
        ge=0,
        le=1,
        description="Drift check: report a column whose share of NULLs moved by more than this (0.2 = 20 "
        "points) since the live version; a canary's sample, by more than this plus three standard errors "
        "of the sample's share (what chance moves it by).",
    )
    backup_before_cutover: bool = Field(
        default=False,
        description="pg_dump the live version schema (into `backup_dir`) before a cutover replaces it, "
        "once the cutover's target and the dashboard templates are checked (a refused cutover dumps "
        "nothing); one dropped outside columnar_etl is skipped with a warning (exit 2): nothing to keep.",
    )
    target_lock_wait: float = Field(
        default=30.0,
        gt=0,
        description="Seconds a load, cutover, rollback or prune waits for another one on the same base "
        "schema, or for readers holding its views, a dump of a target schema (`backup target`, "
        "`backup_before_cutover`) for a lock on its tables, and `copy-raw` for readers of the schema it "
        "replaces, before giving up.",
    )
    readers: list[str] = Field(
        default_factory=list,
        description='Read-only roles of the dashboards (`readers = ["grafana"]`): granted USAGE and SELECT '
        "on every new version schema and on the stable schema in the same transaction as the load, cutover "
        "or rollback. Each must exist on the target (preflight check `reader_roles`).",
    )

    dashboard_templates: Path | None = Field(
        default=None,
        description="The dashboards' queries checked before every cutover: a `.sql` file, or a folder "
        "whose `*.sql` files are read in name order, each query after a `-- name: <metric>` line, "
        "against `{schema}` with column names as the export writes them, quoted. Unset: the bundled "
        "help-desk set (`queries/dashboard.sql`). A template failing on the candidate but working on the "
        "live version refuses the cutover; one failing on both, or (nothing live) naming a table or "
        "column the export lacks, is `not applicable`: a warning (exit 2); the bundled set on an export "
        "none of its templates fits gets one note instead. "
        "`columnar-etl templates check` lists each one's status.",
    )

    # --- preflight and backups ----------------------------------------------------------------------
    min_memory_gb: float = Field(
        default=4.0, ge=0, description="Preflight warns when less memory than this is available."
    )
    fail_memory_gb: float = Field(
        default=1.0, ge=0, description="Preflight fails when less memory than this is available."
    )
    disk_factor: float = Field(
        default=2.0,
        ge=0,
        description="Preflight needs this many times the source size free in the work/backup directory.",
    )
    retention_days: int = Field(
        default=30, ge=0, description="Backups older than this many days may be pruned."
    )
    target_growth_factor: float = Field(
        default=1.5,
        ge=0,
        description="Estimated size of one loaded version in PostgreSQL, as a multiple of the source size; "
        "preflight adds it to the free disk needed when the embedded server's data dir is local.",
    )
    min_pg_version: int = Field(
        default=12, ge=0, description="Preflight fails when the target server's major version is below this."
    )
    preflight_connect_timeout: int = Field(
        default=10,
        ge=1,
        description="Seconds preflight waits to connect to the target before reporting it unreachable.",
    )
    pg_bin_dir: Path | None = Field(
        default=None,
        description="Directory holding pg_dump / pg_restore. Unset: the embedded server's binaries, then "
        "the PATH. A set directory is the only place looked in.",
    )
    sqlite_busy_timeout: float = Field(
        default=5.0,
        ge=0,
        description="Seconds a source backup waits for a writer's exclusive lock on the SQLite file.",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """CLI overrides (init) > environment > TOML file; dotenv and secrets dirs are not used."""
        return (
            init_settings,
            env_settings,
            TomlConfigSettingsSource(settings_cls, toml_file=_config_file.get()),
        )

    @field_validator("target")
    @classmethod
    def _libpq_target(cls, target: str | None) -> str | None:
        # Refused here, before the target is used, printed or recorded anywhere.
        if target == "":
            # Empty is not unset: COLUMNAR_ETL_TARGET="$DB_URI" with the variable unset loaded into the
            # embedded server, exit 0, while the database it was meant for got nothing.
            raise ValueError("an empty target names no server (unset it for the embedded one)")
        return check_target(target) if target else target

    @field_validator("base_schema")
    @classmethod
    def _base_name(cls, base: str) -> str:
        # Refused as the settings are read, as --base is: until h330 a reserved or too long name in the
        # TOML file or COLUMNAR_ETL_BASE_SCHEMA failed first at the load, after the profile read the export.
        try:
            return check_base(base)
        except ConfigError as exc:
            raise ValueError(exc.message) from None

    @field_validator("pg_dir", "runs_dir", "backup_dir", "dashboard_templates", "pg_bin_dir", mode="before")
    @classmethod
    def _named_path(cls, value: Any) -> Any:
        # Path("") is Path("."): an empty value (COLUMNAR_ETL_RUNS_DIR="$RUNS" with RUNS unset, `pg_dir =
        # ""`) named the working directory: runs and backups written among its files, the server's data
        # directory made there. Refused as the command line refuses an empty path argument.
        if isinstance(value, str) and value == "":
            raise ValueError("an empty path names no file or directory")
        return value

    @field_validator("pg_dir", "runs_dir", "backup_dir", "dashboard_templates", "pg_bin_dir")
    @classmethod
    def _home_expanded(cls, value: Path | None) -> Path | None:
        # No shell expands `~` in the TOML file or a quoted variable: `backup_dir = "~/backups"` made a
        # directory named "~" in the working directory (pg_dir alone was expanded, by the embedded server).
        if value is None or not str(value).startswith("~"):
            return value
        try:
            return value.expanduser()
        except RuntimeError as exc:  # no home directory to expand it to (HOME unset, no passwd entry)
            raise ValueError(f"cannot expand '~' in {value}: {exc}") from None

    def masked_columns(self) -> list[str]:
        """``table.column`` of every column with a ``mask`` (``hash`` or ``drop``), as the settings name
        them."""
        return [
            f"{table}.{column}"
            for table, overrides in self.columns.items()
            for column, override in overrides.items()
            if override.mask is not None
        ]

    def masked(self) -> dict[str, Any]:
        """The settings as JSON-ready data with any password in the target URI masked, and the salt and
        the password command hidden (:data:`SECRET_SETTINGS`)."""
        data = self.model_dump(mode="json")
        if data.get("target"):
            data["target"] = mask_uri(data["target"])
        if data.get("mask_salt"):
            data["mask_salt"] = "***"  # the salt is what keeps hashed personal data from being guessed
        if data.get("password_command"):
            data["password_command"] = "***"  # a command may carry the password itself (echo …)
        return data


#: How a load goes (``run --mode``, ``load --mode``; see loading.strategies).
Mode = Literal["simple", "canary", "blue-green"]
MODES: tuple[Mode, ...] = ("simple", "canary", "blue-green")


def check_mode(mode: str) -> Mode:
    """``mode`` when it is a load mode; :class:`UsageError` before anything runs (until 2026-12-03 the
    library's ``run(mode="fast")`` ran the preflight, the backup, the profile and the clean first)."""
    return _one_of(mode, MODES, "load mode")


_Choice = TypeVar("_Choice", bound=str)


def _one_of(value: str, choices: tuple[_Choice, ...], what: str) -> _Choice:
    """``value`` as one of ``choices``; :class:`UsageError` naming ``what`` and the choices otherwise."""
    for known in choices:
        if value == known:
            return known
    raise UsageError(f"unknown {what} {value!r}", hint=f"use one of {', '.join(choices)}")


#: How target columns are named (``--column-names``).
COLUMN_NAMES: tuple[ColumnNames, ...] = ("export", "snake")


def check_column_names(names: str | None) -> ColumnNames | None:
    """``names`` when it is a way of naming columns, or None; :class:`UsageError` before anything runs
    (until h95 the library's ``plan(column_names="camel")`` returned a plan "names camel")."""
    return None if names is None else _one_of(names, COLUMN_NAMES, "column names")


def check_min_quality(value: float | None) -> float | None:
    """``value`` when it is a quality score (0 to 100) or None; :class:`UsageError` before anything runs."""
    if value is not None and not 0 <= value <= 100:
        raise UsageError(
            f"--min-quality must be between 0 and 100, got {value:g}",
            hint="it is a quality score in percent, e.g. 80",
        )
    return value


#: Why a path must be UTF-8, and what to do about one that is not (the CLI's and the API's refusal).
NOT_UTF8_PATH = "is not UTF-8, which the output and the run records write a path in"
NOT_UTF8_PATH_HINT = "rename the file, or give a link to it under a UTF-8 name"


def path_problem(value: str | os.PathLike[str]) -> tuple[str, str | None] | None:
    """Why ``value`` cannot be a path argument, with a hint (None: it can): ``''`` (``Path('')`` is the
    working directory), or a name that is not UTF-8 (a ``str`` holding such bytes as surrogates, as
    Python hands a name a Latin-1 system gave over): run.json, the ledger and the report write a path
    as UTF-8 text. The one check of the command line (``cli.app.given_path``) and the library
    (:func:`check_path`)."""
    if isinstance(value, str) and value == "":
        return "an empty path names no file or directory", None
    try:
        str(value).encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(value).decode("utf-8", "backslashreplace")
        return f"the path '{shown}' {NOT_UTF8_PATH}", NOT_UTF8_PATH_HINT
    return None


def check_path(value: str | os.PathLike[str] | bytes, what: str) -> Path:
    """A path argument of the library as a :class:`Path`; :class:`UsageError` naming ``what`` before
    anything runs when it cannot be one (:func:`path_problem`; bytes are read as the file system names
    them). The command line refuses the same; until h330 the library ran with it, and ``run`` left a
    run directory without run.json or a record stuck ``running``, ``backup`` a backup under that name."""
    text = os.fsdecode(value) if isinstance(value, bytes) else value
    problem = path_problem(text)
    if problem is not None:
        raise UsageError(f"invalid value for {what!r}: {problem[0]}", hint=problem[1])
    return Path(text)


def memory_bytes(limit: str) -> int:
    """A size setting (``profile_memory_limit``, ``max_cell_size``: ``"256MB"``, ``"1.5 GiB"``) in bytes."""
    found = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]i?B)", limit.strip())
    if found is None:
        raise ConfigError(f"not a memory size: {limit!r}", hint='write it like "256MB" or "1GiB"')
    number, unit = found.groups()
    power = "KMG".index(unit[0]) + 1
    return int(float(number) * (1024 if "i" in unit else 1000) ** power)


#: The most rows a reservoir sample holds (DuckDB's ``USING SAMPLE reservoir(n ROWS)`` bound).
MAX_SAMPLE_ROWS = 1_000_000_000


def check_sample(rows: int | None) -> int | None:
    """``rows`` when it is a sample size a profile can take (1 to :data:`MAX_SAMPLE_ROWS`) or None;
    :class:`UsageError` before anything runs (until 2026-12-03 a larger one failed the profile, exit 1,
    with DuckDB's parser error; ``0`` profiled every row and a negative one failed the same way)."""
    if rows is not None and not 1 <= rows <= MAX_SAMPLE_ROWS:
        raise UsageError(
            f"--sample must be between 1 and {MAX_SAMPLE_ROWS:,} rows, got {rows:,}",
            hint="a reservoir sample holds at most 10^9 rows; leave --sample out to profile every row",
        )
    return rows


def checked_target(target: str | None) -> str | None:
    """``target`` when libpq can read it (see the ``target`` validator); :class:`ConfigError` if not.

    For targets given to the library outside :func:`load_settings` (``run(target=...)``).
    """
    try:
        return check_target(target) if target else target
    except ValueError as exc:
        raise ConfigError(f"invalid setting target: {exc}", hint="fix the target") from None


def apply_password_command(settings: Settings) -> None:
    """Run ``settings.password_command`` now (once) and give libpq its output as ``PGPASSWORD``.

    :func:`defer_password_command`, then :func:`run_password_command`: raises its :class:`ConfigError`.
    """
    defer_password_command(settings)
    run_password_command(settings.target)


#: The password command a connection to its target runs first (:func:`defer_password_command`): the
#: target, the command, and once it ran its error (None: it gave the password, or has not run yet).
_deferred: dict[str, Any] = {}
_deferred_lock = threading.Lock()


def defer_password_command(settings: Settings) -> None:
    """Have ``settings.password_command`` run when a connection to ``settings.target`` first needs
    the password (:func:`run_password_command`), not now: a command that never connects (``profile``,
    ``runs list``, ``pg status``) ran it all the same as its settings loaded, and failed with it (a vault
    out of reach). Replaces what an earlier call deferred. Nothing is deferred when there is no command,
    when there is no target (the embedded server, which asks no password), when the target URI carries
    a password, or when ``PGPASSWORD`` is set.
    """
    with _deferred_lock:
        _deferred.clear()
        if not settings.password_command or not settings.target or os.environ.get("PGPASSWORD"):
            return
        if not has_password(settings.target):
            _deferred.update(target=settings.target, command=settings.password_command, error=None)


def run_password_command(uri: str | None) -> None:
    """Before a connection to ``uri`` (libpq under ADBC, pg_dump/pg_restore as subprocesses; each reads
    ``PGPASSWORD`` by itself, so the password never has to appear in a URI that could be printed,
    logged or recorded): run the command deferred for that target, once. The preflight's checks connect
    on threads at once: one runs it, the others wait for it. A failed command raises its
    :class:`ConfigError` at every connection to that target, and is not run again. The target naming
    another database is the same login (``backup target-restore --database``)."""
    with _deferred_lock:
        if not _deferred or uri is None or not _same_login(uri, _deferred["target"]):
            return
        if _deferred["error"] is None:
            try:
                os.environ["PGPASSWORD"] = _password_of(_deferred["command"])
            except ConfigError as exc:
                _deferred["error"] = exc
            else:
                _deferred.clear()
                return
        error: ConfigError = _deferred["error"]
        raise ConfigError(error.message, hint=error.hint)


def _same_login(uri: str, target: str) -> bool:
    """Whether ``uri`` is ``target``, or ``target`` naming another database (a restore's ``--database``)."""
    try:
        return with_database(uri, "-") == with_database(target, "-")
    except ValueError:
        return uri == target


def _password_of(command: str) -> str:
    """The first line ``command`` prints; :class:`ConfigError` when it fails or that line is empty."""
    try:
        done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60, check=True)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        # The command's output could be the secret: report the command, never what it printed.
        raise ConfigError(
            f"password_command failed ({type(exc).__name__})",
            hint="run the command by hand; it must print the password and exit 0",
        ) from None
    # The first line: `pass show` prints the entry's notes (login, url, ...) after it, and a script
    # saved with Windows line endings ends it with \r; the whole output was the password, refused.
    password = done.stdout.split("\n", 1)[0].removesuffix("\r")
    if not password:
        said = " on its first line" if done.stdout.strip() else ""
        raise ConfigError(
            f"password_command printed nothing{said}", hint="it must print the password on its first line"
        )
    return password


def config_file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as the settings file though something is there (a directory, a link
    to nothing, a pipe, a socket or a device), or None (a file, or nothing at all). ``stat`` only: a
    FIFO's open would wait for a writer."""
    if path.is_file() or not os.path.lexists(path):
        return None
    if path.is_symlink() and not path.exists():
        return f"config file is a link to {os.readlink(path)}, which does not exist"
    if path.is_dir():
        return "config file is a directory, not a file"
    return "config file is no regular file (a pipe, a socket or a device)"


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build the settings: ``overrides`` (CLI flags; ``None`` values are ignored) > env > TOML > defaults.

    ``config_file`` names the TOML file; by default ``columnar_etl.toml`` in the working directory is
    read when it exists. A named file that does not exist is an error.
    """
    path = Path(config_file) if config_file is not None else DEFAULT_CONFIG_FILE
    problem = config_file_problem(path)
    if config_file is not None and not path.is_file():
        raise ConfigError(problem or "config file not found", path=path, hint="check the --config path")
    if problem is not None:
        # Something is there but no file: until 2026-12-07 it was read as no config at all, and with a
        # columnar_etl.toml linking to a settings file moved away, `run` loaded on the defaults (the
        # embedded server, the default base schema), exit 2 (h341).
        raise ConfigError(
            problem,
            path=path,
            hint="make it the settings file (or a link to one), or remove it to run on the defaults",
        )
    if path.is_file():
        _check_toml(path)
    given = {key: value for key, value in overrides.items() if value is not None}
    token = _config_file.set(path)
    try:
        settings = Settings(**given)
    except ValidationError as exc:
        # A signal whose KeyboardInterrupt a validator's call dropped ("Exception ignored", a regex
        # compiled or matched then) fails that validation: the interrupt, not a setting, ended it.
        raise_if_interrupted()
        error = exc.errors()[0]
        name = str(error["loc"][0]) if error["loc"] else ""
        variable = f"{ENV_PREFIX}{name.upper()}"
        if name not in given and variable in os.environ:  # the value came from the environment
            raise _setting_error(error, None, source=f" (environment variable {variable})") from exc
        raise _setting_error(error, path if path.is_file() and name not in given else None) from exc
    except SettingsError as exc:  # a list or table in the environment that is not JSON
        raise _unparsed_variable(exc) from exc
    finally:
        _config_file.reset(token)
    check_mask_salt(settings)
    return settings


def with_overrides(settings: Settings, **overrides: Any) -> Settings:
    """``settings`` with ``overrides`` (``None`` values are ignored) set, each checked as
    :func:`load_settings` checks a flag: :class:`ConfigError` for a value the setting does not allow.
    (pydantic's ``model_copy(update=...)`` alone checks nothing: until h95 the API's
    ``clean(quarantine_policy="drop", settings=s)`` ran as if the policy were "null".)"""
    given = {key: value for key, value in overrides.items() if value is not None}
    if not given:
        return settings
    try:
        # Validation alone (no environment or TOML file read): every other field as it is in settings.
        checked = Settings.model_validate({**settings.model_dump(), **given})
    except ValidationError as exc:
        raise_if_interrupted()  # see load_settings
        raise _setting_error(exc.errors()[0], None) from exc
    return settings.model_copy(update={key: getattr(checked, key) for key in given})


def fallback_runs_dir(config_file: str | Path | None = None) -> Path:
    """Where a command whose settings do not load records that: the ``runs_dir`` the environment or
    the TOML file names (when that part of them reads), else the default.

    Never raises: it is asked while reporting the settings' own error.
    """
    given = os.environ.get(f"{ENV_PREFIX}RUNS_DIR")
    if given:
        return _home_of(Path(given))
    path = Path(config_file) if config_file is not None else DEFAULT_CONFIG_FILE
    try:
        # A regular file only: a FIFO's open waits for a writer (config_file_problem says what it is).
        named = tomllib.loads(path.read_text(encoding="utf-8")).get("runs_dir") if path.is_file() else None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        named = None
    default = Path(Settings.model_fields["runs_dir"].default)
    return _home_of(Path(named)) if isinstance(named, str) and named else default


def _home_of(path: Path) -> Path:
    """``path`` with a leading ``~`` expanded, as the settings expand it; as given when it cannot be."""
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def _check_toml(path: Path) -> None:
    """:class:`ConfigError` naming the line and column of a TOML syntax error, or an unreadable file."""
    try:
        tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        # Python < 3.14 has the position only in the message: "... (at line 3, column 7)".
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        what = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)) or "invalid TOML"
        where = f" at line {found.group(1)}, column {found.group(2)}" if found else ""
        raise ConfigError(
            f"TOML syntax error{where}: {what}",
            path=path,
            hint='fix that line; strings need quotes, lists brackets: key = "value", key = [1, 2]',
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"cannot read the config file: {exc}", path=path, hint="check the --config path"
        ) from None


def _unparsed_variable(exc: SettingsError) -> ConfigError:
    """pydantic-settings' error for an environment variable it cannot parse as JSON (a list or a table)
    as one line naming the variable; its value is not shown (it could hold a secret)."""
    found = re.search(r'field "(\w+)"', str(exc))
    variable = f"{ENV_PREFIX}{found.group(1).upper()}" if found else f"{ENV_PREFIX}*"
    reason = f": {exc.__cause__}" if exc.__cause__ is not None else ""
    return ConfigError(
        f"invalid value in the environment variable {variable}: not JSON{reason}",
        hint="lists and tables in environment variables are JSON: "
        f'{ENV_PREFIX}NULL_TOKENS=\'["NULL", "N/A"]\'',
    )


def _setting_error(error: Any, path: Path | None, *, source: str = "") -> ConfigError:
    """The first pydantic error as one line: which key, which value (``path``: from that TOML file;
    ``source``: from where else, e.g. an environment variable), what is allowed."""
    loc = [str(part) for part in error["loc"]]
    key = ".".join(loc) or "?"
    variable = f"{ENV_PREFIX}{loc[0].upper() if loc else '?'}"
    where = (
        f"fix or unset the environment variable {variable}"
        if source
        else f"fix `{key}` in the TOML file, the {variable} variable or the flag"
    )
    if error["type"] == "extra_forbidden":
        if len(loc) == 4 and loc[0] == "columns":  # [columns."table"."column"] key
            valid = list(ColumnOverride.model_fields)
            what = f'unknown key {loc[-1]!r} in [columns."{loc[1]}"."{loc[2]}"]'
        else:
            valid = list(Settings.model_fields)
            what = f"unknown setting {key!r}"
        close = difflib.get_close_matches(loc[-1] if loc else "", valid, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(valid)}"
        return ConfigError(f"{what}; {hint}", path=path, hint="see docs/configuration.md for every setting")
    message = str(error.get("msg", ""))
    if error["type"] == "value_error":
        # The setting's own validator explains what is wrong (and never echoes a secret).
        return ConfigError(
            f"invalid setting {key}{source}: {message.removeprefix('Value error, ')}", path=path, hint=where
        )
    value = error.get("input")
    allowed = message.removeprefix("Input should be ").removeprefix("input should be ")
    shown = value if isinstance(value, str | int | float | bool) or value is None else type(value).__name__
    # A value may carry a password (a target URI, a command, the salt): never shown as it is.
    text = "<hidden>" if loc and loc[0] in SECRET_SETTINGS else mask_secrets(repr(shown))
    return ConfigError(f"invalid value for {key}{source}: {text}; allowed: {allowed}", path=path, hint=where)


#: Settings whose value may be or hold a secret: error messages never show them.
SECRET_SETTINGS = frozenset({"target", "password_command", "mask_salt"})


def check_mask_salt(settings: Settings) -> None:
    """:class:`ConfigError` when a column is to be hashed but no ``mask_salt`` is set."""
    if settings.mask_salt:
        return
    for table, overrides in settings.columns.items():
        for column, override in overrides.items():
            if override.mask == "hash":
                raise ConfigError(
                    'mask = "hash" needs a salt, and mask_salt is not set',
                    table=table,
                    column=column,
                    hint=f"set {ENV_PREFIX}MASK_SALT (or `mask_salt` in the TOML file) to a long secret "
                    "that stays the same across runs",
                )


# A keyword string's value: single-quoted (backslash escapes) or a run of non-blanks, as libpq reads it.
_PASSWORD_IN_KEYWORDS = re.compile(
    r"((?:^|(?<=[\s'\"(]))password\s*=\s*)('(?:[^'\\]|\\.)*'?|(?:[^\s'\\]|\\.)+)", re.IGNORECASE
)
_PASSWORD_IN_QUERY = re.compile(r"([?&]password=)[^&#\s]*", re.IGNORECASE)
# Any scheme: a mistyped or SQLAlchemy-style URI (postgresq://, postgresql+psycopg://) is masked too.
_URI_WITH_PASSWORD = re.compile(r"([a-z][a-z0-9+.\-]*://[^:/@\s]*):[^@\s]+@", re.IGNORECASE)


def mask_uri(uri: str) -> str:
    """Replace any password in a PostgreSQL URI or keyword connection string with ``***``."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        parts = None
    if parts is not None and parts.scheme and parts.password:
        netloc = parts.netloc.rsplit("@", 1)
        userinfo = netloc[0].split(":", 1)[0]
        uri = urlunsplit(parts._replace(netloc=f"{userinfo}:***@{netloc[1]}"))
    return mask_secrets(uri)


def mask_secrets(text: str) -> str:
    """Mask every password-looking part of a free text (URIs, ``password=`` keywords, query params)."""
    text = _URI_WITH_PASSWORD.sub(r"\1:***@", text)
    text = _PASSWORD_IN_QUERY.sub(r"\1***", text)
    return _PASSWORD_IN_KEYWORDS.sub(r"\1***", text)
