"""The cleaning plan: per column, the PostgreSQL type it becomes and the rule that parses its text.

:func:`.build.build_plan` reads what the profile already knows (inferred type, the date formats it saw in the
column's date order, the numeric scale, the null tokens it used) so cleaning parses exactly the values
the profile counted valid; ``[columns."<table>"."<column>"]`` in the settings overrides any of it
(:mod:`.overrides`).
A :class:`Plan` is plain data: ``to_dict()`` goes into the run record and ``Plan.from_dict`` reproduces it.

Personal data: a column with ``mask = "hash"`` is cleaned as text and written as the salted SHA-256 of
its cleaned text (the salt comes from the settings and is never part of the plan); a column with
``mask = "drop"`` is kept in :attr:`TablePlan.dropped`, not read from the source and not written.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from columnar_etl.config import ColumnNames
from columnar_etl.errors import ConfigError, UsageError
from columnar_etl.models import EpochUnit, InferredType
from columnar_etl.pg.column_names import styled_names
from columnar_etl.rules.numbers import NUMERIC_DIGITS
from columnar_etl.source.sqlite_names import sqlite_key

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
    #: ``''`` and null tokens written exactly so still NULL). Text only. False too for a column of
    #: one-character marks whose lone blank is a mark (``profiling.marks``; ``padding_kept``).
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
    #: Windows-1252 text read as Latin-1 (``ColumnProfile.windows_1252_repaired``): each C1 control
    #: Windows-1252 defines is read as its character before anything else (``rules.windows_1252``),
    #: audited ``windows_1252``. Never of a key loaded as written, nor of bytea.
    windows_1252: bool = False

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
            "windows_1252": self.windows_1252,
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
            # A plan of before 2026-12-07 keeps C1 controls as written, as it did then.
            windows_1252=bool(data.get("windows_1252", False))
            and data["type"] != "bytea"
            and not data.get("as_written", False),
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


def _named(columns: tuple[ColumnPlan, ...], column_names: ColumnNames) -> tuple[ColumnPlan, ...]:
    """``columns`` with output names for ``column_names`` (the loader's own naming: ``styled_names``)."""
    names = styled_names([c.name for c in columns], column_names)
    return tuple(replace(c, output_name=names[c.name]) for c in columns)


def _column_names(value: str) -> ColumnNames:
    return "snake" if value == "snake" else "export"
