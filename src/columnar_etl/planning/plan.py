"""The cleaning plan: per column, the PostgreSQL type it becomes and the rule that parses its text.

:func:`build_plan` reads what the profile already knows (inferred type, the date formats it saw in the
column's date order, the numeric scale, the null tokens it used) so cleaning parses exactly the values
the profile counted valid; ``[columns."<table>"."<column>"]`` in the settings overrides any of it.
A :class:`Plan` is plain data: ``to_dict()`` goes into the run record and ``Plan.from_dict`` reproduces it.

Personal data: a column with ``mask = "hash"`` is cleaned as text and written as the salted SHA-256 of
its cleaned text (the salt comes from the settings and is never part of the plan); a column with
``mask = "drop"`` is kept in :attr:`TablePlan.dropped`, not read from the source and not written.
"""

from __future__ import annotations

import difflib
import html
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast, get_args

from columnar_etl.config import ColumnNames, ColumnOverride, Settings, load_settings
from columnar_etl.errors import ConfigError, UsageError
from columnar_etl.models import DATE_TYPES, ColumnProfile, EpochUnit, InferredType, Profile
from columnar_etl.pg.column_names import column_mapping, override_names, styled_names
from columnar_etl.pg.identifiers import MAX_IDENTIFIER_BYTES, short_identifiers
from columnar_etl.profiling.affinity import declared_scale, declares_amounts
from columnar_etl.rules.date_shapes import DATE_SHAPES, format_order
from columnar_etl.rules.epochs import EPOCH_MICROS, EPOCH_MILLIS, epoch_units
from columnar_etl.rules.numbers import NUMERIC_DIGITS
from columnar_etl.rules.numbers import whole_digits as bound_digits
from columnar_etl.source.sqlite_names import matching_name, sqlite_key

if TYPE_CHECKING:
    import pyarrow as pa

PLAN_VERSION = 1
PlanType = InferredType
ReadingOrder = Literal["day_first", "month_first"]
Mask = Literal["hash", "drop"]

#: The PostgreSQL type each plan type is loaded as (ADBC maps the Arrow type of :func:`arrow_type`).
PG_TYPES: dict[str, str] = {
    "timestamp": "timestamp",
    "timestamptz": "timestamptz",
    "date": "date",
    "time": "time",
    "integer": "bigint",
    "numeric": "numeric",
    "double": "double precision",
    "boolean": "boolean",
    "text": "text",
    "bytea": "bytea",
}
#: Override spellings that name a plan type by its PostgreSQL name.
_TYPE_ALIASES = {"bigint": "integer", "double precision": "double"}
#: strptime directives of a time of day (``%-H`` too): a format holding one reads timestamps.
_TIME_DIRECTIVE = re.compile(r"%-?[HIklMSfpTRrXc]")
#: Numeric scale: at least 2 (money) where any value writes a fraction digit, else as many fraction
#: digits as the values have (a value is never rounded unless an override asks for a narrower scale;
#: that is audited). A fully profiled column of whole numbers only gets none (:func:`least_scale`).
MIN_NUMERIC_SCALE = 2
#: Precision of a numeric column: 18 digits, or 38 (the widest decimal128 holds) for wider values.
NUMERIC_PRECISION = 18
WIDE_NUMERIC_PRECISION = NUMERIC_DIGITS


@dataclass(frozen=True)
class ColumnPlan:
    """How one column is cleaned: its type, how its text parses, and the name it is written under."""

    name: str
    type: PlanType
    output_name: str
    formats: tuple[str, ...] = ()
    date_order: ReadingOrder | None = None
    scale: int | None = None
    epoch_unit: EpochUnit | None = None
    null_tokens: tuple[str, ...] = ()
    decimal_comma: bool = True
    #: Commas group thousands (``1,234.50``): cleaning removes them (and audits it). Never with
    #: ``decimal_comma`` in effect: a comma is one or the other.
    thousands_separator: bool = False
    #: The separator grouping digits other than a comma (a space, U+00A0, U+202F, U+2009, an
    #: apostrophe; ``ColumnProfile.digit_groups``): cleaning removes it from numbers grouped by it (and
    #: audits it, ``thousands_separator``), a decimal comma after it made a point by ``decimal_comma``.
    digit_groups: str | None = None
    #: An override's ``scale`` asks for fewer fraction digits than values may have: cleaning rounds
    #: them, audited ``rounded:<scale>``. Rounding loses digits: it is the operator's decision, never a
    #: cleaning rule (a plan made from the profile never rounds; the lossless check counts it a loss).
    rounds: bool = False
    #: The scale was not measured on every value (a sampled profile; a type override without a scale):
    #: cleaning checks each value's fraction digits, and quarantines one with more (``numeric_scale``)
    #: rather than round it.
    checks_scale: bool = False
    #: Where the type came from: the profile, the operator's override, or the live version's type kept
    #: (``planning.live_types``).
    origin: Literal["profile", "override", "live"] = "profile"
    #: Personal data: ``hash`` (salted SHA-256 of the cleaned text) or ``drop`` (not written at all).
    mask: Mask | None = None
    #: Total digits of a numeric column (:data:`NUMERIC_PRECISION` or :data:`WIDE_NUMERIC_PRECISION`).
    precision: int = NUMERIC_PRECISION
    #: The source holds REAL cells here: they are read with all 17 digits.
    reals: bool = False
    #: The source holds TEXT that is not valid UTF-8 here: the read carries its raw bytes for the audit.
    invalid_encoding: bool = False
    #: The cells are of more than one storage class, or a bytea column's are not BLOBs: the read carries
    #: each cell's class.
    mixed_classes: bool = False
    #: The source reads BLOB cells here as the numerals their ASCII bytes spell
    #: (``ColumnProfile.blob_numerals``): the read carries each cell's class, and each such cell is
    #: audited ``blob_numeral``.
    blob_numerals: bool = False
    #: A key (or a reference to one) whose distinct values cleaning would merge or null: its text is
    #: loaded as written (not trimmed; no blank or null token read as NULL; NUL bytes, which PostgreSQL
    #: text cannot hold, are still removed). See ``ColumnProfile.as_written``.
    as_written: bool = False
    #: False: the operator's ``trim = false`` (``[columns."t"."c"]``): a text column whose padding is
    #: layout keeps it (no whitespace trimmed, a value of blanks alone kept; NUL bytes still removed,
    #: ``''`` and null tokens written exactly so still NULL). Text only.
    trim: bool = True
    #: Documents (``ColumnProfile.layout_kept``: every value ends in one line break, or is several
    #: lines indented or padded by line breaks alone): loaded byte for byte, no whitespace trimmed,
    #: as the profile found them (the
    #: operator's ``trim = true`` trims them, ``trim = false`` keeps blanks too). Unlike ``trim =
    #: false``, a value is judged blank or a null token on its trimmed text, as in any column: ``''``,
    #: ``'\n'`` and ``'N/A\n'`` are still NULL (audited). NUL bytes are still removed. Text only.
    keeps_layout: bool = False
    #: False: the operator's ``empty_is_null = false`` (``[columns."t"."c"]``): the column's ``''`` is a
    #: value (an application that writes ``''`` and NULL with different meanings), loaded as ``''`` and
    #: not audited; a value of blanks alone follows :attr:`trim` (trimmed to ``''``, or kept). Text only.
    empty_is_null: bool = True
    #: A value of several lines (a line break in its trimmed text) is a document: loaded byte for
    #: byte whatever pads it, as the profile counts it (``ColumnProfile.padded_documents``); values of
    #: one line are trimmed. Every text column's, unless the operator's ``trim`` says otherwise
    #: (``trim = true`` trims documents too). A value is still blank or a null token by its trimmed
    #: text, and NUL bytes are still removed. Text only.
    keeps_documents: bool = False

    @property
    def keeps_padding(self) -> bool:
        """Cleaning trims none of the column's text: a key loaded as written, ``trim = false``, or
        documents whose layout is kept (:attr:`keeps_layout`)."""
        return self.as_written or not self.trim or self.keeps_layout

    @property
    def keeps_blanks(self) -> bool:
        """A value is judged blank or a null token on its text as written (a key loaded as written,
        ``trim = false``): whitespace alone is a value. Not documents: their layout is kept, their
        blanks are blanks."""
        return self.as_written or not self.trim

    @property
    def pg_type(self) -> str:
        """The PostgreSQL type (``numeric(18,2)`` for a numeric)."""
        if self.type == "numeric":
            return f"numeric({self.precision},{self.scale})"
        return PG_TYPES[self.type]

    def arrow_type(self) -> pa.DataType:
        """The Arrow type every cleaned batch carries for this column."""
        import pyarrow as pa

        types: dict[str, pa.DataType] = {
            "timestamp": pa.timestamp("us"),
            "timestamptz": pa.timestamp("us", tz="UTC"),
            "date": pa.date32(),
            # ADBC's PostgreSQL driver writes time64[us] as time (without time zone).
            "time": pa.time64("us"),
            "integer": pa.int64(),
            "double": pa.float64(),
            "boolean": pa.bool_(),
            "text": pa.string(),
            "bytea": pa.binary(),
        }
        if self.type == "numeric":
            return pa.decimal128(self.precision, self.scale or 0)
        return types[self.type]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "type": self.type,
            "pg_type": self.pg_type,
            "output_name": self.output_name,
            "formats": list(self.formats),
            "date_order": self.date_order,
            "scale": self.scale,
            "epoch_unit": self.epoch_unit,
            "null_tokens": list(self.null_tokens),
            "decimal_comma": self.decimal_comma,
            "thousands_separator": self.thousands_separator,
            "digit_groups": self.digit_groups,
            "rounds": self.rounds,
            "checks_scale": self.checks_scale,
            "origin": self.origin,
            "mask": self.mask,
            "precision": self.precision,
            "reals": self.reals,
            "invalid_encoding": self.invalid_encoding,
            "mixed_classes": self.mixed_classes,
            "blob_numerals": self.blob_numerals,
            "as_written": self.as_written,
            "trim": self.trim,
            "keeps_layout": self.keeps_layout,
            "empty_is_null": self.empty_is_null,
            "keeps_documents": self.keeps_documents,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ColumnPlan:
        """Inverse of :meth:`to_dict`; :class:`ConfigError` for a type cleaning does not know."""
        if data.get("type") not in PG_TYPES:
            raise ConfigError(
                f"unknown type {data.get('type')!r} in the plan",
                column=data.get("name"),
                hint=f"types are: {', '.join(PG_TYPES)}",
            )
        if data.get("mask") not in (None, "hash", "drop"):
            raise ConfigError(
                f"unknown mask {data.get('mask')!r} in the plan",
                column=data.get("name"),
                hint="masks are: hash, drop",
            )
        _check_edits(data)
        if data.get("mask") == "hash" and data["type"] != "text":
            # Hashing works on the cleaned text; a hand-edited plan must not hash a typed value.
            raise ConfigError(
                f"a hashed column must be text, not {data['type']}",
                column=data.get("name"),
                hint='set "type": "text" for the hashed column',
            )
        return cls(
            name=data["name"],
            type=data["type"],
            output_name=data["output_name"],
            formats=tuple(data.get("formats") or ()),
            date_order=data.get("date_order"),
            scale=data.get("scale"),
            epoch_unit=data.get("epoch_unit"),
            null_tokens=tuple(data.get("null_tokens") or ()),
            decimal_comma=bool(data.get("decimal_comma", True)),
            thousands_separator=bool(data.get("thousands_separator", False)),
            digit_groups=data.get("digit_groups"),
            rounds=bool(data.get("rounds", False)),
            checks_scale=bool(data.get("checks_scale", False)),
            origin=data.get("origin", "profile"),
            mask=data.get("mask"),
            precision=int(data.get("precision", NUMERIC_PRECISION)),
            reals=bool(data.get("reals", False)),
            invalid_encoding=bool(data.get("invalid_encoding", False)),
            mixed_classes=bool(data.get("mixed_classes", False)),
            blob_numerals=bool(data.get("blob_numerals", False)),
            as_written=bool(data.get("as_written", False)) and data["type"] == "text",
            # A plan of before trim = false trims; only text keeps its padding.
            trim=bool(data.get("trim", True)) or data["type"] != "text",
            # A plan of before 2026-12-06 trims documents, as it did then.
            keeps_layout=bool(data.get("keeps_layout", False)) and data["type"] == "text",
            # A plan of before 2026-12-06 makes every '' NULL, as it did then; only text keeps it.
            empty_is_null=bool(data.get("empty_is_null", True)) or data["type"] != "text",
            # A plan of before 2026-12-06 trims a document unless its column's layout is kept.
            keeps_documents=bool(data.get("keeps_documents", False)) and data["type"] == "text",
        )


def _check_edits(data: dict[str, Any]) -> None:
    """:class:`ConfigError` for a hand edit of a saved plan's column that no plan holds: a text where a
    list of texts belongs (``"NULL"`` was read as the tokens N, U and L), an epoch unit cleaning does not
    know (read as milliseconds), a scale that is no whole number from 0 (the write failed, exit 1)."""
    for key in ("formats", "null_tokens"):
        listed = data.get(key)
        if listed is not None and (
            not isinstance(listed, list) or not all(isinstance(item, str) for item in listed)
        ):
            raise ConfigError(
                f"{key} must be a list of texts in the plan, not {listed!r}",
                column=data.get("name"),
                hint=f'write it as a JSON list, e.g. "{key}": ["..."]',
            )
    if data.get("epoch_unit") not in (None, *get_args(EpochUnit)):
        raise ConfigError(
            f"unknown epoch_unit {data.get('epoch_unit')!r} in the plan",
            column=data.get("name"),
            hint=f"epoch units are: {', '.join(get_args(EpochUnit))} (or null)",
        )
    scale = data.get("scale")
    if scale is not None and (isinstance(scale, bool) or not isinstance(scale, int) or scale < 0):
        raise ConfigError(
            f"scale must be a whole number from 0, not {scale!r}",
            column=data.get("name"),
            hint="digits after the point, e.g. 2, or null",
        )


def _check_output_names(table: TablePlan) -> None:
    """:class:`ConfigError` for a table whose written columns' output names are empty or not unique (a
    hand-edited plan: two columns named alike failed the clean with Polars' DuplicateError), also as
    SQLite and DuckDB compare names (``Name`` and ``name``: the SQLite output's write failed, exit 1,
    naming neither). PostgreSQL would take both, quoted, but no reader that does not quote could tell
    them apart: refused whatever the output. ``Ä`` and ``ä`` are two names to every one of them."""
    seen: set[str] = set()
    folded: dict[str, ColumnPlan] = {}
    for column in table.columns:
        if not isinstance(column.output_name, str) or not column.output_name:
            raise ConfigError(
                "an empty output_name in the plan",
                table=table.name,
                column=column.name,
                hint="give the column a name, or its export name",
            )
        if column.output_name in seen:
            raise ConfigError(
                f"two columns of the table are named {column.output_name!r} in the plan",
                table=table.name,
                column=column.name,
                hint="give each column an output_name of its own",
            )
        seen.add(column.output_name)
        first = folded.setdefault(sqlite_key(column.output_name), column)
        if first is not column:
            raise ConfigError(
                f"columns {first.name!r} and {column.name!r} are named {first.output_name!r} and "
                f"{column.output_name!r} in the plan, one name to SQLite and DuckDB",
                table=table.name,
                column=column.name,
                hint="give each column an output_name that differs in more than the case of A-Z",
            )


def _check_table_names(tables: list[dict[str, Any]]) -> None:
    """:class:`ConfigError` for a plan naming one table twice, also as SQLite names tables (``Tick`` and
    ``TICK``: the export holds one of them at most; the second silently replaced the first)."""
    folded: dict[str, str] = {}
    for table in tables:
        name = table["name"]
        if not isinstance(name, str):
            raise ConfigError(
                f"a table name in the plan is not a text: {name!r}", hint="name it as the export"
            )
        first = folded.get(sqlite_key(name))
        folded.setdefault(sqlite_key(name), name)
        if first is not None:
            what = "twice" if first == name else f"as {first!r} and {name!r}, one name to SQLite and DuckDB"
            raise ConfigError(f"the plan names a table {what}", table=name, hint="plan each table once")


@dataclass(frozen=True)
class TablePlan:
    """The plans of one table's columns, in export order.

    ``columns`` are the columns cleaning reads and writes; ``dropped`` the ones masked with ``drop``,
    which the source has but no output, audit or target ever sees.
    """

    name: str
    columns: tuple[ColumnPlan, ...]
    dropped: tuple[ColumnPlan, ...] = ()
    #: Average bytes of a row's values in the source (the profile's measure): sizes read batches.
    row_bytes: int = 0

    def __getitem__(self, column: str) -> ColumnPlan:
        for plan in self.columns:
            if plan.name == column:
                return plan
        raise KeyError(column)

    @property
    def column_names(self) -> list[str]:
        """Source names of the columns cleaning reads (dropped ones left out), in export order."""
        return [column.name for column in self.columns]

    @property
    def source_column_names(self) -> list[str]:
        """Every source column the plan knows, dropped ones last (what the source must have)."""
        return [column.name for column in (*self.columns, *self.dropped)]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (dropped columns are listed too, with their ``mask``)."""
        return {
            "name": self.name,
            "row_bytes": self.row_bytes,
            "columns": [c.to_dict() for c in (*self.columns, *self.dropped)],
        }

    @classmethod
    def of(
        cls, name: str, columns: list[ColumnPlan] | tuple[ColumnPlan, ...], row_bytes: int = 0
    ) -> TablePlan:
        """A table plan from all its columns, splitting off the ones masked with ``drop``."""
        kept = tuple(c for c in columns if c.mask != "drop")
        return cls(name, kept, tuple(c for c in columns if c.mask == "drop"), row_bytes)


@dataclass(frozen=True)
class Plan:
    """What cleaning does to every column of every table; ``plan["tickets"]["TKT-Created Time"]``."""

    tables: dict[str, TablePlan]
    column_names: ColumnNames = "export"
    source: str | None = None
    #: The overall quality score of the profile the plan came from (the "before" of cleaning).
    quality: float | None = None
    notes: tuple[str, ...] = field(default=())

    def __getitem__(self, table: str) -> TablePlan:
        return self.tables[table]

    def hashed(self) -> list[str]:
        """``table.column`` of every column masked with ``hash``."""
        return [f"{t.name}.{c.name}" for t in self.tables.values() for c in t.columns if c.mask == "hash"]

    def check_salt(self, salt: str | None) -> None:
        """:class:`ConfigError` when a column is to be hashed and ``salt`` is empty."""
        if self.hashed() and not salt:
            raise ConfigError(
                f'mask = "hash" needs a salt, and mask_salt is not set ({", ".join(self.hashed())})',
                hint="set COLUMNAR_ETL_MASK_SALT (or `mask_salt` in the TOML file) to a long secret that "
                "stays the same across runs",
            )

    def output_names(self) -> dict[str, dict[str, str]]:
        """Per table, source column name → output column name."""
        return {t.name: {c.name: c.output_name for c in t.columns} for t in self.tables.values()}

    def with_column_names(self, column_names: ColumnNames) -> Plan:
        """The same plan writing columns under the ``export``'s or ``snake`` names."""
        if column_names == self.column_names:
            return self
        tables = {
            name: replace(table, columns=_named(table.columns, column_names))
            for name, table in self.tables.items()
        }
        return replace(self, tables=tables, column_names=column_names)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form recorded in a run (``version`` says which shape)."""
        return {
            "version": PLAN_VERSION,
            "source": self.source,
            "quality": self.quality,
            "column_names": self.column_names,
            "notes": list(self.notes),
            "tables": [table.to_dict() for table in self.tables.values()],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """``to_dict()`` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_file(cls, path: str | Path) -> Plan:
        """Read a plan file (``clean --save-plan``'s); :class:`UsageError` (exit 64) naming the file when
        it is missing, unreadable, not JSON or not a plan of this version."""
        path = Path(path)
        hint = "give a plan written by clean --save-plan"
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UsageError("no such plan file", path=path, hint=hint) from None
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
            raise UsageError(f"cannot read the plan file: {reason}", path=path, hint=hint) from None
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise UsageError(f"the plan file is not JSON: {exc}", path=path, hint=hint) from None
        try:
            if not isinstance(data, dict) or not isinstance(data.get("tables"), list):
                raise ConfigError("not a cleaning plan (no list of tables)", hint=hint)
            return cls.from_dict(data)
        except ConfigError as exc:
            raise UsageError(
                exc.message, path=path, table=exc.table, column=exc.column, hint=exc.hint
            ) from None
        except (KeyError, TypeError, ValueError) as exc:
            raise UsageError(
                f"not a cleaning plan ({type(exc).__name__}: {exc})", path=path, hint=hint
            ) from None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Plan:
        """Inverse of :meth:`to_dict`; :class:`ConfigError` for a plan of another version."""
        if data.get("version") != PLAN_VERSION:
            raise ConfigError(
                f"unsupported plan version {data.get('version')!r} (expected {PLAN_VERSION})",
                hint="re-create the plan from a fresh profile",
            )
        _check_table_names(data["tables"])
        tables = {
            t["name"]: TablePlan.of(
                t["name"], [ColumnPlan.from_dict(c) for c in t["columns"]], int(t.get("row_bytes", 0))
            )
            for t in data["tables"]
        }
        for table in tables.values():
            _check_output_names(table)
        return cls(
            tables=tables,
            # "keep" is what plans written before issue 18 call the export's names.
            column_names=_column_names(data.get("column_names", "export")),
            source=data.get("source"),
            quality=data.get("quality"),
            notes=tuple(data.get("notes") or ()),
        )

    @classmethod
    def from_json(cls, text: str) -> Plan:
        """Read a plan from its JSON text."""
        return cls.from_dict(json.loads(text))

    def __repr__(self) -> str:
        columns = sum(len(t.columns) for t in self.tables.values())
        return f"<Plan {len(self.tables)} tables, {columns} columns, names {self.column_names}>"

    def _repr_html_(self) -> str:
        """The plan for a notebook: one row per column (its output name, type, formats, origin, mask)."""
        cells = (
            (t.name, c.name, c.output_name, c.type, ", ".join(c.formats), c.origin, c.mask or "")
            for t in self.tables.values()
            for c in t.columns
        )
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(value))}</td>" for value in row) + "</tr>"
            for row in cells
        )
        heads = ("table", "column", "written as", "type", "formats", "from", "mask")
        return (
            f"<p>{html.escape(repr(self))}</p><table><tr>"
            + "".join(f"<th>{head}</th>" for head in heads)
            + f"</tr>{rows}</table>"
        )


def build_plan(
    profile: Profile,
    *,
    settings: Settings | None = None,
    column_names: ColumnNames | None = None,
) -> Plan:
    """The cleaning plan of a profiled export, with ``settings.columns`` overrides applied.

    Types and date formats are the profile's; the date order is the one the profile read the column in
    (its evidence, or ``date_order_default`` when none); null tokens are the ones it profiled with.
    """
    settings = settings or load_settings()
    null_tokens = tuple(profile.settings.get("null_tokens") or settings.null_tokens)
    default_order = default_reading_order(profile, settings)
    resolved = column_overrides(profile, settings.columns, column_names or settings.column_names)
    notes: list[str] = list(profile.renamed_notes)  # names the readers could not take
    tables: dict[str, TablePlan] = {}
    for table in profile.tables.values():
        overrides = resolved.get(table.name, {})
        columns = []
        for column in table:
            plan = column_plan(column, null_tokens, default_order, sampled=profile.sample is not None)
            if column.name in overrides:
                try:
                    plan = apply_override(
                        plan, overrides[column.name], default_order, column.max_scale, whole_digits(column)
                    )
                except ConfigError as exc:  # which table's column: names repeat across tables
                    exc.table = exc.table or table.name
                    raise
                notes.append(f"{table.name}.{column.name}: overridden by settings ({plan.type})")
            if plan.as_written:
                notes.append(f"{table.name}.{column.name}: loaded as written: {column.as_written}")
            elif not plan.trim:
                notes.append(f"{table.name}.{column.name}: text kept with its padding (trim = false)")
            if not plan.empty_is_null and not plan.as_written:
                notes.append(f"{table.name}.{column.name}: '' kept as a value (empty_is_null = false)")
            elif plan.keeps_layout:
                notes.append(
                    f"{table.name}.{column.name}: documents ({_layout(column)}): loaded byte for byte, "
                    "none trimmed (trim = true trims them)"
                )
            columns.append(plan)
        rows = table.sampled_rows or table.row_count
        row_bytes = sum(c.bytes for c in table) // max(1, rows)
        tables[table.name] = TablePlan.of(table.name, columns, row_bytes)
        if columns and not tables[table.name].columns:
            # PostgreSQL has tables of no column, but no COPY into one: it failed as a syntax error.
            raise ConfigError(
                "every column of the table is masked with drop: nothing of it would be loaded",
                table=table.name,
                hint='keep at least one of its columns (mask = "hash", or no mask)',
            )
    built = Plan(tables=tables, source=str(profile.source), quality=profile.quality, notes=tuple(notes))
    built.check_salt(settings.mask_salt)
    named = built.with_column_names(column_names or settings.column_names)
    return replace(named, notes=named.notes + long_name_notes(named))


def _layout(column: ColumnProfile) -> str:
    """The profile's mark of a column of documents (``line_terminated``, ``indented`` or
    ``break_padded``)."""
    if column.indented:
        return "indented"
    return "line_terminated" if column.line_terminated else "break_padded"


def default_reading_order(profile: Profile, settings: Settings) -> ReadingOrder:
    """The order slash dates are read in where a column proves none: the profile's setting, else
    ``settings.date_order_default``."""
    return cast(ReadingOrder, profile.settings.get("date_order_default") or settings.date_order_default)


def plan_differences(used: Plan, profiled: Plan, profile: Profile | None = None) -> list[str]:
    """Where ``used`` (a replayed or saved plan) types a column other than the plan of this export's
    own profile does, one line each: its values are read as ``used`` says (every change audited), but
    the export may no longer be what that plan was made for (a ZIP code column of leading zeros).

    A column in which ``profile`` (of this export) finds BLOB cells is no such column: it is loaded as
    bytea whatever ``used`` says (:func:`fitted_to_export`), and its line says so.
    """
    found = []
    for name, table in used.tables.items():
        fresh = profiled.tables.get(name)
        for column in table.columns:
            if holds_blobs(column, profile, name):
                found.append(
                    f"{name}.{column.name}: the plan reads it as {column.pg_type}, but this export holds "
                    "BLOB cells there: loaded as bytea (as its profile types it), every cell byte for byte"
                )
                continue
            if fresh is None or column.name not in fresh.column_names:
                continue
            now = fresh[column.name]
            if now.pg_type != column.pg_type:
                found.append(
                    f"{name}.{column.name}: the plan reads it as {column.pg_type}, this export's profile as "
                    f"{now.pg_type}; every value the plan's type changes is audited"
                )
    return found


def fitted_to_export(plan: Plan, profiled: Profile | None) -> Plan:
    """``plan`` (replayed from another run, or saved) with the facts of the export it now cleans.

    A plan says how to read each column (``reals``: REAL cells, read with all 17 digits;
    ``mixed_classes``: each cell's storage class carried, so a BLOB stays bytes; ``invalid_encoding``:
    raw bytes carried for the audit) as the export it was made from held them. Another export may hold
    more: those facts are taken from ``profiled``, a profile of every row of this export, or assumed
    where there is none (the read is then only slower). A numeric column's scale was measured on the
    other export's values: each value is checked against it (``numeric_scale`` quarantines one with
    more fraction digits) instead of rounded. A column ``profiled`` finds BLOB cells in is read as
    bytea, the type a fresh profile gives it (:func:`holds_blobs`): when in doubt, the wider type.
    """
    tables = {}
    for name, table in plan.tables.items():
        found = profiled.tables.get(name) if profiled is not None and profiled.sample is None else None
        if found is not None and found.sampled_rows is not None:
            found = None  # a sample's classes are not every row's
        columns = []
        for column in table.columns:
            if holds_blobs(column, profiled, name):
                column = as_bytes(column)
            seen = found.columns.get(column.name) if found is not None else None
            if seen is None:
                reals = invalid_encoding = mixed_classes = blob_numerals = True
            else:
                classes = {kind for kind, cells in seen.storage_classes.items() if cells}
                reals = column.reals or "real" in classes
                invalid_encoding = column.invalid_encoding or seen.issue_count("invalid_encoding") > 0
                mixed_classes = column.mixed_classes or len(classes) > 1
                blob_numerals = column.blob_numerals or seen.blob_numerals > 0
            columns.append(
                replace(
                    column,
                    reals=reals,
                    invalid_encoding=invalid_encoding,
                    mixed_classes=mixed_classes,
                    blob_numerals=blob_numerals,
                    checks_scale=column.checks_scale or (column.type == "numeric" and not column.rounds),
                )
            )
        tables[name] = replace(table, columns=tuple(columns))
    return replace(plan, tables=tables)


def holds_blobs(column: ColumnPlan, profiled: Profile | None, table: str) -> bool:
    """True when ``column`` (of a replayed or saved plan) is not read as bytea, yet ``profiled`` (even a
    sample: one BLOB cell proves the column holds bytes) finds BLOB cells in it.

    Read as text, such a cell would be decoded (a valid UTF-8 one loaded as text, unaudited; another
    decoded by the encoding fallback or quarantined), where a fresh profile keeps it as bytes. A hashed
    column is the operator's: it stays text (the hash is of its cleaned text).
    """
    if profiled is None or column.type == "bytea" or column.mask is not None:
        return False
    found = profiled.tables.get(table)
    seen = found.columns.get(column.name) if found is not None else None
    return seen is not None and bool(seen.storage_classes.get("blob"))


#: A column's number readings switched off (no decimal comma, no thousands separator, no digit
#: groups): what a column read as bytes or loaded as written reads numbers with.
NO_NUMBER_READING: dict[str, Any] = {
    "decimal_comma": False,
    "thousands_separator": False,
    "digit_groups": None,
}


def as_bytes(column: ColumnPlan) -> ColumnPlan:
    """``column`` read as a fresh profile reads a column with BLOB cells: bytea (an INTEGER, REAL or
    TEXT cell among them becomes the UTF-8 bytes of its text, audited ``as_bytes``)."""
    return replace(
        column,
        type="bytea",
        formats=(),
        date_order=None,
        scale=None,
        epoch_unit=None,
        **NO_NUMBER_READING,
        rounds=False,
        checks_scale=False,
        precision=NUMERIC_PRECISION,
        as_written=False,
        keeps_layout=False,
        keeps_documents=False,
    )


def long_name_notes(plan: Plan) -> tuple[str, ...]:
    """What the loader will call tables and output columns longer than PostgreSQL's 63 bytes, and
    columns named like one of its system columns (``xmin``, ``ctid`` …: :func:`column_mapping`).

    Found here, at plan time, by the function the loader uses (:func:`short_identifiers`), so the plan
    in the run record says in advance which names change and to what.
    """
    notes = [
        f"table {table!r} is over {MAX_IDENTIFIER_BYTES} bytes: loaded as {short!r}"
        for table, short in short_identifiers(plan.tables).items()
        if short != table
    ]
    for table in plan.tables.values():
        outputs = [column.output_name for column in table.columns]
        columns, loaded = short_identifiers(outputs), column_mapping(outputs, plan.column_names)
        notes += [
            f"{table.name}.{name}: over {MAX_IDENTIFIER_BYTES} bytes, loaded as {short!r}"
            if short != name
            else f"{table.name}.{name}: PostgreSQL's name of a system column, loaded as {loaded[name]!r}"
            for name, short in columns.items()
            if loaded.get(name, short) != name
        ]
    return tuple(notes)


def column_plan(
    column: ColumnProfile, null_tokens: tuple[str, ...], default_order: ReadingOrder, *, sampled: bool = False
) -> ColumnPlan:
    """One column's plan from its profile.

    A sampled profile may not have seen every date format the column holds, so its plan also tries the
    other known formats (after the seen ones) rather than quarantine a valid value it never sampled.
    """
    kind = column.inferred_type
    classes = column.storage_classes
    plan = ColumnPlan(
        name=column.name,
        type=kind,
        output_name=column.name,
        # A token the column holds as one of its values (a country code NA) is no NULL there; MySQL's
        # zero date stored as a DEFAULT 0 (ColumnProfile.zero_dates) is NULL as its text is.
        null_tokens=column.read_as_null(null_tokens),
        reals=bool(classes.get("real")),
        invalid_encoding=column.issue_count("invalid_encoding") > 0,
        # A sample may not have seen every class the column holds (a BLOB among text): each cell's is read.
        # So is a bytea column's of TEXT cells alone (binary data written as TEXT): each is audited
        # ``as_bytes``, which the cleaner tells by the cell's class.
        mixed_classes=len(classes) > 1 or sampled or (kind == "bytea" and bool(classes.get("text"))),
        blob_numerals=column.blob_numerals > 0,
        # A comma is read only as the profile proved it (a sampled profile's unseen 1,234 is then
        # quarantined, not guessed).
        decimal_comma=column.comma == "decimal",
        thousands_separator=column.comma == "thousands",
        digit_groups=column.digit_groups,
        # Documents: loaded byte for byte, as the profile counted them (none padded).
        keeps_layout=column.layout_kept and kind == "text",
        # Documents (values of several lines): loaded byte for byte, as the profile counted them.
        keeps_documents=kind == "text" and not column.documents_trimmed,
    )
    if column.as_written is not None:
        # Its distinct values stay distinct: text, as the source wrote it (see ColumnPlan.as_written).
        return replace(
            plan,
            type="text",
            null_tokens=(),
            **NO_NUMBER_READING,
            as_written=True,
            keeps_layout=False,
            keeps_documents=False,
        )
    if kind in DATE_TYPES:
        order: ReadingOrder = default_order
        if column.date_order == "day_first" or column.date_order == "month_first":
            order = column.date_order
        elif column.export_date_order is not None:  # the column proves nothing, the export does
            order = column.export_date_order
        if isinstance(column.min, int) and not isinstance(column.min, bool) and column.min:
            # The profile's unit: the one its bounds allow (a declared date's 1950 milliseconds are
            # negative), else the one its digits name (a date-like name's 2001 to 2033).
            # The profile's own, where it says (seconds beside a 9999-12-31 stand-in for no end fit
            # milliseconds by their bounds).
            units = epoch_units(column.min, column.max) if isinstance(column.max, int) else []
            unit: EpochUnit = "seconds"
            if column.epoch_unit is not None:
                unit = column.epoch_unit
            elif len(units) == 1:
                unit = cast(EpochUnit, units[0])
            elif column.min >= EPOCH_MICROS[0]:
                unit = "microseconds"
            elif column.min >= EPOCH_MILLIS[0]:
                unit = "milliseconds"
            # An epoch names an instant: timestamptz (a plan of before 2026-12-01 said timestamp); a
            # date where the profile found each a midnight UTC in a DATE column (the day it names).
            return replace(plan, type="date" if kind == "date" else "timestamptz", epoch_unit=unit)
        formats = list(column.date_formats)
        if sampled or not formats:
            formats += [f for f in known_formats(order, zoned=kind == "timestamptz") if f not in formats]
        return replace(plan, formats=tuple(formats), date_order=order)
    if kind == "numeric":
        whole = whole_digits(column)
        # At least the least scale, as room allows: a sampled profile's integers of 37 and 38 digits
        # leave one and none of the 38 (they were quarantined as overflowing).
        room = max(0, min(least_scale(column, sampled=sampled), WIDE_NUMERIC_PRECISION - whole))
        scale = max(room, column.max_scale or 0)
        digits = whole + scale
        return replace(
            plan,
            scale=scale,
            precision=NUMERIC_PRECISION if digits <= 18 else WIDE_NUMERIC_PRECISION,
            # A sample may not have seen the value with the most fraction digits: cleaning checks, and
            # quarantines one with more rather than round it.
            checks_scale=sampled,
        )
    return plan


def least_scale(column: ColumnProfile, *, sampled: bool) -> int:
    """The fewest fraction digits a numeric column of ``column``'s values is planned with: none where
    every value is a whole number (no fraction digit written in any value, no REAL cell: integers
    beyond bigint, uint64 ids, 20-digit account numbers), so each prints as written
    (``9223372036854775808``, not ``….00``); else :data:`MIN_NUMERIC_SCALE` (money).

    A sampled profile keeps :data:`MIN_NUMERIC_SCALE`: it may not have seen a value with fraction
    digits, and cleaning checks every value against the scale (``checks_scale``) and quarantines one
    with more; scale 0 would quarantine an unseen ``12.50`` that scale 2 loads as written.

    A declared scale above 0 gets the money scale too and is the least (``DECIMAL(10,4)``: 4): the
    application's amounts have as many fraction digits, those it wrote as ``12.5`` or NUMERIC affinity
    stored as the INTEGER 12 included. So does a column with no value yet declared for amounts
    (:func:`~columnar_etl.profiling.affinity.declares_amounts`: also Django's and Rails' bare
    ``decimal``), planned for its first ``12.50`` (until 2026-12-05 ``numeric(18,0)``, which the next
    export's first fraction changed). A bare ``decimal`` with values goes by them: csvkit declares
    every number column so, its ids and counts included."""
    declared = declared_scale(column.declared_type) or 0
    empty = not column.valid_count + column.invalid_count
    amounts = declared > 0 or (empty and declares_amounts(column.declared_type))
    if sampled or (column.max_scale or 0) or column.storage_classes.get("real") or amounts:
        return max(MIN_NUMERIC_SCALE, declared)
    return 0


def whole_digits(column: ColumnProfile) -> int:
    """Digits before the point of the column's widest number: by its profiled bounds, or as the
    profile counted them on its text where that is more (bounds are doubles: 10^37, 38 digits, is
    the double 9999…538762658202121142272, 37, and a numeric(38,1) sized so quarantined it)."""
    counted = column.max_whole_digits or 0
    if not isinstance(column.min, int | float) or not isinstance(column.max, int | float):
        return max(1, counted)
    return max(bound_digits(column.min, column.max), counted)


def known_formats(order: ReadingOrder, *, zoned: bool = False) -> list[str]:
    """Every date/timestamp format the profiler recognises, slash dates read in ``order``: those with
    a UTC offset when ``zoned`` (a ``timestamptz`` column), the others when not."""
    return [
        shape.month_first if order == "month_first" and shape.month_first else shape.day_first
        for shape in DATE_SHAPES
        if shape.zoned == zoned
    ]


def _text_only(column: str, kind: str, setting: str, does: str, kept: str) -> None:
    """Refuse ``setting = false`` (which ``does`` what it does to text) on a column read as ``kind``,
    not text: no number or date holds padding or ``''``."""
    if kind != "text":
        raise ConfigError(
            f"{setting} = false {does}, but the column is read as {kind}",
            column=column,
            hint=f'set type = "text" to load its values as the text they are, {kept}, '
            f"or remove {setting} = false",
        )


def apply_override(
    plan: ColumnPlan,
    override: ColumnOverride,
    default_order: ReadingOrder,
    profiled_scale: int | None = None,
    profiled_whole: int = 1,
    least: int = MIN_NUMERIC_SCALE,
) -> ColumnPlan:
    """``plan`` with the fields ``override`` sets replaced (a new type resets what it does not fit).

    ``formats`` without a ``type``, on a column the profile did not read as dates, make it a date
    column of the type they read (:func:`formats_type`).

    A column made numeric without a ``scale`` gets the most fraction digits the profile saw in its
    values (``profiled_scale``, at least ``least``), and cleaning checks every value
    against it: a value with more is quarantined (``numeric_scale``), never rounded. Only a ``scale``
    set by the override rounds (audited ``rounded:<scale>``): the operator chose to lose those digits.
    ``least`` is :data:`MIN_NUMERIC_SCALE` for the operator's own ``type = "numeric"``: asked of a
    column the profile read as integers or text, it names amounts (``scale = 0`` asks for integers);
    the live version's numeric kept for whole numbers passes the live column's scale, at least
    :func:`least_scale` (0 for whole numbers).

    A ``hash`` mask makes the column text: the hash is of the trimmed text, so equal values hash equal
    whatever type the profile guessed; asking for another type as well is a :class:`ConfigError`.

    ``trim = false`` keeps a text column's padding (:attr:`ColumnPlan.trim`); on a column read as
    another type (by the profile or by ``type``) it is a :class:`ConfigError`, as the other
    contradictions are: a date or number is read from its trimmed text, and no padding of it is kept.
    ``empty_is_null = false`` keeps a text column's ``''`` as a value (:attr:`ColumnPlan.empty_is_null`);
    on a column read as another type it is refused alike: no number or date is ``''``.
    """
    if override.mask == "hash" and override.type not in (None, "text"):
        raise ConfigError(
            f'mask = "hash" writes text; it cannot be combined with type = "{override.type}"',
            column=plan.name,
            hint="remove the type override of the hashed column",
        )
    asked: str | None = override.type
    if asked is None and override.formats and plan.type not in DATE_TYPES:
        # Formats name a date column: the profile kept it text (two-digit years, a month's name in
        # Jira's `20/May/25 8:42 AM`), and formats alone were ignored without a word.
        asked = formats_type(override.formats)
    kind = cast(PlanType, _TYPE_ALIASES.get(asked or "", asked or plan.type))
    if override.mask == "hash":
        kind = "text"
    changes: dict[str, Any] = {"type": kind, "origin": "override"}
    if kind != "text":
        changes["as_written"] = False  # the operator's type is read by its rules
        changes["keeps_layout"] = False  # a date or number is read from its trimmed text
        changes["keeps_documents"] = False
    elif plan.type != "text" and not plan.as_written:
        # Made text by the operator (a column the profile read as bytes or numbers): its documents are
        # kept as every text column's are (a value of several lines, its NUL bytes removed).
        changes["keeps_documents"] = True
    if override.trim is not None:
        # The operator's trim = true trims documents too; trim = false keeps blanks as values as well.
        changes["keeps_layout"] = False
        changes["keeps_documents"] = False
    if kind != plan.type:
        changes.update(
            formats=(), date_order=None, scale=None, epoch_unit=None, rounds=False, checks_scale=False
        )
    if kind in DATE_TYPES:
        # Formats of one order (``%m/%d/%Y``) say the column's order: a date only in the other one
        # (``13/04/2024``) is quarantined as ``other_date_order``, as the profile scores it.
        said = override.date_order or format_order(override.formats or ())
        order = said or plan.date_order or default_order
        formats = (
            override.formats
            or (plan.formats if kind == plan.type else ())
            or known_formats(order, zoned=kind == "timestamptz")
        )
        if override.date_order and not override.formats and kind == plan.type and plan.date_order != order:
            formats = tuple(_reorder(f, order) for f in plan.formats)
        if kind != "timestamptz" and any("%z" in fmt or "%Z" in fmt for fmt in formats):
            raise ConfigError(
                f"a format with %z or %Z reads a UTC offset, which a {kind} column cannot hold",
                column=plan.name,
                hint='set type = "timestamptz" (a format without %z then reads its text as UTC)',
            )
        changes.update(date_order=order, formats=tuple(formats))
    if kind == "numeric":
        scale = override.scale if override.scale is not None else plan.scale
        if scale is None:  # the profile did not make it numeric: as many digits as its values had
            scale = max(least, profiled_scale or 0)
        # Wide enough for the values' whole digits (helper 23: 2^63 - 1 made numeric was quarantined
        # as overflowing numeric(18,2)).
        wide = profiled_whole + scale > NUMERIC_PRECISION
        changes.update(scale=scale, precision=WIDE_NUMERIC_PRECISION if wide else plan.precision)
        if override.scale is not None:
            # The operator's own scale: a value with more fraction digits is rounded to it (audited).
            changes.update(rounds=True, checks_scale=False)
        elif plan.type != "numeric":
            # The profile's scale of a column it did not make numeric: checked, never rounded.
            changes["checks_scale"] = True
    if override.null_tokens is not None:
        changes["null_tokens"] = tuple(override.null_tokens)
    if override.trim is False:
        _text_only(plan.name, kind, "trim", "keeps text as written", "padding kept")
        changes["trim"] = False
    if override.empty_is_null is False:
        _text_only(plan.name, kind, "empty_is_null", "keeps '' as a text value", "'' kept")
        changes["empty_is_null"] = False
    elif override.empty_is_null:
        changes["empty_is_null"] = True
    if override.decimal_comma and override.thousands_separator:
        raise ConfigError(
            "a comma cannot be both a decimal comma and a thousands separator",
            column=plan.name,
            hint="set one of decimal_comma and thousands_separator",
        )
    if override.decimal_comma is not None:
        changes["decimal_comma"] = override.decimal_comma
        if override.decimal_comma:
            changes["thousands_separator"] = False
    if override.thousands_separator is not None:
        changes["thousands_separator"] = override.thousands_separator
        if override.thousands_separator:
            # A comma groups thousands: no space or apostrophe does beside it.
            changes.update(decimal_comma=False, digit_groups=None)
    if override.mask is not None:
        changes["mask"] = override.mask
    return replace(plan, **changes)


def formats_type(formats: list[str]) -> PlanType:
    """The type an override's ``formats`` read without a ``type``: ``timestamptz`` when one reads a
    UTC offset (``%z``, ``%Z``), ``timestamp`` when one reads a time of day, else ``date``."""
    if any("%z" in fmt or "%Z" in fmt for fmt in formats):
        return "timestamptz"
    return "timestamp" if any(_TIME_DIRECTIVE.search(fmt) for fmt in formats) else "date"


def _reorder(fmt: str, order: ReadingOrder) -> str:
    """A slash format read in the other order (``%d/%m/%Y`` ↔ ``%m/%d/%Y``); other formats unchanged."""
    for shape in DATE_SHAPES:
        if shape.month_first and fmt in (shape.day_first, shape.month_first):
            return shape.month_first if order == "month_first" else shape.day_first
    return fmt


def column_overrides(
    profile: Profile, columns: dict[str, dict[str, ColumnOverride]], column_names: ColumnNames = "export"
) -> dict[str, dict[str, ColumnOverride]]:
    """``columns`` (the settings' ``[columns."t"."c"]`` overrides) by the export's own column names.

    An override names a table or column as the export wrote it (also one loaded under another name,
    :attr:`Profile.renamed_for_reader`), or as the target names it (``column_names``:
    :func:`~columnar_etl.pg.column_names.styled_names`): a CSV saved as "UTF-8 with BOM" and imported
    names its first column ``\ufeffid``, which the target, the report and the audit show as ``id``, the
    name an operator types. A table or column of neither name is a :class:`ConfigError`, raised before
    anything is written (the values of a column meant to be masked are in the profile until then);
    its hint names the columns like it and those whose names hold an invisible character, escaped.
    A table or column the export has but that is not loaded (:attr:`Profile.unreadable_tables`,
    :attr:`Profile.unreadable_columns`: the run warns of it; :attr:`Profile.full_text_not_loaded`, a
    full-text index whose documents load) is skipped: a mask on it is kept without
    effort, and it was refused with "names a column the table does not have". So is a table the
    export has that the profile was not asked for (:attr:`Profile.not_profiled`: ``clean --table``).
    """
    # A table or column loaded under another name (Profile.renamed_for_reader: "" or __clean_…) is
    # named by either: the export's name or the loaded one.
    renamed = profile.renamed_for_reader
    loaded_as = {r["export_name"]: r["table"] for r in renamed if r["column"] is None}
    resolved: dict[str, dict[str, ColumnOverride]] = {}
    for table, overrides in columns.items():
        if table not in profile.tables and loaded_as.get(table):
            table = str(loaded_as[table])
        # As SQLite names them: [columns."tick"] is the export's table Tick.
        table = (
            matching_name(
                table,
                [
                    *profile.tables,
                    *profile.unreadable_tables,
                    *profile.full_text_not_loaded,
                    *profile.not_profiled,
                ],
            )
            or table
        )
        not_loaded = {*profile.unreadable_tables, *profile.full_text_not_loaded, *profile.not_profiled}
        if table in not_loaded:
            continue
        left_out = profile.unreadable_columns.get(table, {})
        overrides = {column: override for column, override in overrides.items() if column not in left_out}
        if table not in profile.tables:
            raise ConfigError(
                "override names a table the export does not have",
                table=table,
                hint=f"tables are: {', '.join(profile.tables)}",
            )
        known = list(profile.tables[table].columns)
        read_as = {
            str(r["export_name"]): str(r["column"]) for r in renamed if r["table"] == table and r["column"]
        }
        named = override_names(known, column_names, read_as)
        resolved.setdefault(table, {})
        for column, override in overrides.items():
            name = named.get(column)
            if name is None:  # as SQLite names it: "name" is the column Name
                name = named.get(matching_name(column, known) or column)
            if name is None:
                raise ConfigError(
                    "override names a column the table does not have",
                    table=table,
                    column=column,
                    hint=_unknown_column_hint(column, known, list(named)),
                )
            if name in resolved[table]:
                raise ConfigError(f"two overrides name one column ({name!r})", table=table, column=column)
            resolved[table][name] = override
    return resolved


def _unknown_column_hint(column: str, known: list[str], shown: list[str]) -> str:
    """What to write instead of ``column``: the names like it, and every name holding a character that
    does not show (a byte-order mark, a zero-width space), escaped."""
    hint = "name a column as the export wrote it or as the target shows it"
    hidden = [ascii(name) for name in known if not name.isprintable()]
    if hidden:
        hint += f"; names with characters that do not show: {', '.join(hidden)}"
    close = difflib.get_close_matches(column, sorted(set(known) | set(shown)), n=3)
    if close:
        hint += f"; close: {', '.join(name if name.isprintable() else ascii(name) for name in close)}"
    return hint


def _named(columns: tuple[ColumnPlan, ...], column_names: ColumnNames) -> tuple[ColumnPlan, ...]:
    """``columns`` with output names for ``column_names`` (the loader's own naming: ``styled_names``)."""
    names = styled_names([c.name for c in columns], column_names)
    return tuple(replace(c, output_name=names[c.name]) for c in columns)


def _column_names(value: str) -> ColumnNames:
    return "snake" if value == "snake" else "export"
