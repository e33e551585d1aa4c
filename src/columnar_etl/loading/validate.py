"""Proof that a version holds what was sent: figures gathered in flight, compared with PostgreSQL's.

While the batches stream into COPY, :func:`observe_stream` passes each one through and folds it into
per-column figures with ``pyarrow.compute`` (row count; per column the non-null count, min / max, the
sum of numbers, the count of ``true``, the total UTF-8 bytes of text), so the source is read once.
After the COPY, :func:`target_queries` asks PostgreSQL for the same figures in ONE query per table
(per :data:`TARGET_LIST_LIMIT` figures) and :func:`compare` lists every difference. Integers,
decimals and timestamps must match exactly; float sums within a relative tolerance, because the two
sides add in different orders. Text min / max are not compared: PostgreSQL orders by collation, Arrow
by bytes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

import pyarrow as pa
import pyarrow.compute as pc

from columnar_etl.loading.ledger import jsonable
from columnar_etl.pg.identifiers import qualified, quote_ident

Kind = Literal["integer", "float", "decimal", "temporal", "boolean", "text", "other"]
#: Float sums may differ by this share: PostgreSQL and Arrow add the same values in different orders.
FLOAT_SUM_RELATIVE_TOLERANCE = 1e-9


def column_kind(arrow_type: pa.DataType) -> Kind:
    """Which figures a column gets, by its Arrow type."""
    if pa.types.is_integer(arrow_type):
        return "integer"
    if pa.types.is_floating(arrow_type):
        return "float"
    if pa.types.is_decimal(arrow_type):
        return "decimal"
    if pa.types.is_timestamp(arrow_type) or pa.types.is_date(arrow_type) or pa.types.is_time(arrow_type):
        return "temporal"
    if pa.types.is_boolean(arrow_type):
        return "boolean"
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return "text"
    return "other"


def expected_pg_type(arrow_type: pa.DataType) -> str | None:
    """The PostgreSQL type (``format_type`` spelling, no modifiers) an Arrow type must land as."""
    if pa.types.is_timestamp(arrow_type):
        return "timestamp with time zone" if arrow_type.tz else "timestamp without time zone"
    if pa.types.is_date(arrow_type):
        return "date"
    if pa.types.is_time(arrow_type):
        return "time without time zone"
    simple = {
        pa.int64(): "bigint",
        pa.int32(): "integer",
        pa.int16(): "smallint",
        pa.float64(): "double precision",
        pa.float32(): "real",
        pa.bool_(): "boolean",
        pa.string(): "text",
        pa.large_string(): "text",
    }
    if pa.types.is_decimal(arrow_type):
        return "numeric"
    return simple.get(arrow_type)


@dataclass
class ColumnStats:
    """Figures of one column: ``sum`` is the true-count for booleans and the total UTF-8 bytes of text
    (the lengths Arrow's offsets hold: no character is decoded, on either side)."""

    name: str
    arrow_type: pa.DataType
    kind: Kind
    non_null: int = 0
    min: Any = None
    max: Any = None
    sum: Any = None

    def observe(self, array: pa.Array) -> None:
        """Fold one batch's column into the figures."""
        self.non_null += len(array) - array.null_count
        if self.kind in ("integer", "float", "decimal", "temporal"):
            # Dates and timestamps by their integer storage: a value outside Python's datetime range
            # (year 0, 4714 BC) must reach PostgreSQL, and be refused there, not break the figures.
            bounds = pc.min_max(
                array.view(_storage_type(self.arrow_type)) if self.kind == "temporal" else array
            )
            low, high = bounds["min"].as_py(), bounds["max"].as_py()
            if low is not None:
                self.min = low if self.min is None else min(self.min, low)
                self.max = high if self.max is None else max(self.max, high)
        if self.kind == "integer":
            self._add(_exact_integer_sum(array, low, high))
        elif self.kind == "decimal" and self.arrow_type.precision > DECIMAL_SUM_DIGITS:
            # A decimal128 sum is a decimal128: two numbers of 38 digits wrapped around (helper 23: the
            # expected figure was off by 2^128 and the load refused). 76 digits hold any such sum.
            self._add(pc.sum(array.cast(pa.decimal256(76, self.arrow_type.scale))).as_py())
        elif self.kind in ("float", "decimal", "boolean"):
            self._add(pc.sum(array).as_py())
        elif self.kind == "text":
            self._add(pc.sum(pc.binary_length(array)).as_py())

    def _add(self, value: Any) -> None:
        if value is not None:
            self.sum = value if self.sum is None else self.sum + value

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        data = {"type": str(self.arrow_type), "non_null": self.non_null, "sum": self.sum}
        if self.kind == "temporal":
            data |= {"min": readable(self.min, self.arrow_type), "max": readable(self.max, self.arrow_type)}
        elif self.kind != "text":
            data |= {"min": self.min, "max": self.max}
        return dict(jsonable(data))


@dataclass
class TableStats:
    """Figures of one table as it was sent to COPY."""

    table: str
    columns: dict[str, ColumnStats]
    rows: int = 0
    batches: int = 0

    @classmethod
    def for_schema(cls, table: str, schema: pa.Schema) -> TableStats:
        """Empty figures for a table of this Arrow schema."""
        columns = {f.name: ColumnStats(f.name, f.type, column_kind(f.type)) for f in schema}
        return cls(table=table, columns=columns)

    def observe(self, batch: pa.RecordBatch) -> None:
        """Fold one record batch into the figures."""
        self.rows += batch.num_rows
        self.batches += 1
        for name, array in zip(batch.schema.names, batch.columns, strict=True):
            self.columns[name].observe(array)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"rows": self.rows, "columns": {name: c.to_dict() for name, c in self.columns.items()}}


def observe_stream(table: str, reader: pa.RecordBatchReader) -> tuple[pa.RecordBatchReader, TableStats]:
    """A reader that yields ``reader``'s batches unchanged while filling the returned figures."""
    stats = TableStats.for_schema(table, reader.schema)

    def batches() -> Iterator[pa.RecordBatch]:
        for batch in reader:
            stats.observe(batch)
            yield batch

    return pa.RecordBatchReader.from_batches(reader.schema, batches()), stats


#: Figures one query asks for at most: PostgreSQL's target list holds 1,664 entries, and a column asks
#: for up to four (a table of 991 columns failed its validation: "target lists can have at most 1664
#: entries", h42's fuzz).
TARGET_LIST_LIMIT = 1_600


def target_queries(schema: str, stats: TableStats, *, utf8: bool = True) -> list[str]:
    """The queries returning PostgreSQL's figures for the table, in the order :func:`compare` reads them:
    as few as PostgreSQL's target list allows (one per :data:`TARGET_LIST_LIMIT` figures; one for most
    tables). Their rows, joined in order, are the row :func:`compare` reads.

    ``utf8``: the database's encoding is UTF-8, so a text value's stored bytes are its UTF-8 bytes
    (``octet_length`` reads a value's size from its header, even compressed); in any other encoding
    each value is converted to UTF-8 first.
    """
    figures = _figures(stats, utf8)
    relation = qualified(schema, stats.table)
    return [
        f"SELECT {', '.join(figures[start : start + TARGET_LIST_LIMIT])} FROM {relation}"
        for start in range(0, len(figures), TARGET_LIST_LIMIT)
    ]


def _figures(stats: TableStats, utf8: bool) -> list[str]:
    parts = ["count(*)"]
    for column in stats.columns.values():
        q = quote_ident(column.name)
        parts.append(f"count({q})")
        if column.kind in ("integer", "decimal"):
            # As text: numeric arrives through ADBC as an opaque string anyway, and text is exact.
            parts += [f"min({q})::text", f"max({q})::text", f"sum({q})::text"]
        elif column.kind == "float":
            # pyarrow's min / max skip NaN; PostgreSQL sorts NaN above everything.
            parts += [f"min({q}) FILTER (WHERE {q} <> 'NaN')", f"max({q}) FILTER (WHERE {q} <> 'NaN')"]
            # A sum that may pass the largest double is not asked: PostgreSQL refuses one of finite
            # values ("value out of range: overflow"), where pyarrow's is infinity.
            parts.append(f"sum({q})" if summable(column) else "NULL::float8")
        elif column.kind == "temporal":
            parts += [f"min({q})", f"max({q})"]
        elif column.kind == "boolean":
            parts.append(f"count(*) FILTER (WHERE {q})")
        elif column.kind == "text":
            stored = q if utf8 else f"convert_to({q}, 'UTF8')"
            parts.append(f"sum(octet_length({stored}))")
    return parts


@dataclass(frozen=True)
class Check:
    """One comparison: what was expected (sent / required), what was found, and whether they agree."""

    check: str
    expected: Any
    found: Any
    ok: bool
    table: str | None = None
    column: str | None = None

    def message(self) -> str:
        """``tickets."TKT-Hours" sum: sent 12.50, found 12.25``-style text."""
        where = ".".join(part for part in (self.table, self.column and f'"{self.column}"') if part)
        return f"{where + ' ' if where else ''}{self.check}: expected {self.expected}, found {self.found}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return dict(
            jsonable(
                {
                    "check": self.check,
                    "table": self.table,
                    "column": self.column,
                    "expected": self.expected,
                    "found": self.found,
                    "ok": self.ok,
                }
            )
        )


def compare(stats: TableStats, row: tuple[Any, ...]) -> list[Check]:
    """Checks of the figures sent against PostgreSQL's (``row`` from :func:`target_queries`)."""
    values = iter(row)
    table = stats.table
    checks = [_check("rows", stats.rows, _as_int(next(values)), table)]
    for c in stats.columns.values():
        checks.append(_check("non_null", c.non_null, _as_int(next(values)), table, c.name))
        if c.kind in ("integer", "decimal"):
            parse = int if c.kind == "integer" else Decimal
            low, high, total = (_parse(next(values), parse) for _ in range(3))
            checks += [
                _check("min", c.min, low, table, c.name),
                _check("max", c.max, high, table, c.name),
                _check("sum", c.sum, total, table, c.name),
            ]
        elif c.kind == "float":
            low, high, total = next(values), next(values), next(values)
            checks += [
                _check("min", c.min, low, table, c.name),
                _check("max", c.max, high, table, c.name),
            ]
            if summable(c):
                checks.append(Check("sum", c.sum, total, _floats_close(c.sum, total), table, c.name))
        elif c.kind == "temporal":
            for name, sent in (("min", c.min), ("max", c.max)):
                found = next(values)
                stored = _as_storage(found, c.arrow_type)
                ok = stored == sent
                checks.append(Check(name, readable(sent, c.arrow_type), found, ok, table, c.name))
        elif c.kind == "boolean":
            checks.append(_check("true_count", c.sum or 0, _as_int(next(values)), table, c.name))
        elif c.kind == "text":
            checks.append(_check("bytes", c.sum or 0, _as_int(next(values)) or 0, table, c.name))
    return checks


def check_types(stats: Mapping[str, TableStats], landed: Mapping[str, list[tuple[str, str]]]) -> list[Check]:
    """Every column landed with the PostgreSQL type its Arrow type calls for (timestamps never as text)."""
    checks = []
    for table, table_stats in stats.items():
        types = dict(landed.get(table, []))
        for column in table_stats.columns.values():
            expected = expected_pg_type(column.arrow_type)
            if expected is not None:
                found = types.get(column.name, "missing")
                checks.append(Check("type", expected, found, found == expected, table, column.name))
    return checks


def quality_checks(
    before: float | None, after: float | None, minimum: float, *, judged: float | None = None
) -> list[Check]:
    """Quality after cleaning is not below quality before; the loaded data's quality meets the gate.

    ``judged`` (default: ``after``) is the after-score ``quality_not_worse`` compares with ``before``:
    without what operator overrides quarantined (:func:`columnar_etl.cleaning.quality.score_judged`),
    since the profile's score could not foresee a type the operator chose. ``min_quality`` judges the
    quality after itself, every quarantined value counted."""
    checks = []
    if before is not None and after is not None:
        # Judged on the figures as recorded (two decimals): an after-score equal to the profile's must
        # not fail because only one of them was rounded.
        compared = round(judged if judged is not None else after, 2)
        before = round(before, 2)
        checks.append(Check("quality_not_worse", before, compared, compared >= before))
    score = after if after is not None else before
    if score is not None:
        checks.append(Check("min_quality", minimum, round(score, 2), score >= minimum))
    return checks


@dataclass
class ValidationReport:
    """Every check of one load; ``ok`` when all agree."""

    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no check failed."""
        return all(check.ok for check in self.checks)

    @property
    def failures(self) -> list[Check]:
        """The checks that failed, in the order they were made."""
        return [check for check in self.checks if not check.ok]

    def to_dict(self) -> dict[str, Any]:
        """Counts, and the failures in full (the passing checks are many and say the same thing)."""
        return {
            "ok": self.ok,
            "checks": len(self.checks),
            "failed": len(self.failures),
            "failures": [check.to_dict() for check in self.failures],
        }


def _check(name: str, expected: Any, found: Any, table: str, column: str | None = None) -> Check:
    if isinstance(expected, float) or isinstance(found, float):
        return Check(name, expected, found, _floats_close(expected, found, exact=True), table, column)
    return Check(name, expected, found, expected == found, table, column)


def _floats_close(a: Any, b: Any, *, exact: bool = False) -> bool:
    if a is None or b is None:
        return a is None and b is None
    x, y = float(a), float(b)
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    if exact:
        return x == y
    return math.isclose(x, y, rel_tol=FLOAT_SUM_RELATIVE_TOLERANCE, abs_tol=1e-12)


#: A float column is summed on both sides only when its values' bound times their count stays below
#: this (a margin under the largest double, 1.8e308): past it, PostgreSQL may refuse the sum.
FLOAT_SUM_LIMIT = 1e307


def summable(column: ColumnStats) -> bool:
    """Whether ``column`` (a float column) is summed on both sides: its bounds are finite and no sum of
    its values can pass the largest double (two REALs of 1e308 failed the whole load on PostgreSQL's
    overflow). Count, minimum and maximum are compared whatever they are."""
    if column.min is None or column.max is None:
        return True
    bound = max(abs(float(column.min)), abs(float(column.max)))
    return math.isfinite(bound) and bound * max(1, column.non_null) < FLOAT_SUM_LIMIT


#: Decimals of up to this many digits are summed as they are (38 digits hold the sum of 10^20 of them).
DECIMAL_SUM_DIGITS = 18


def _exact_integer_sum(array: pa.Array, low: int | None, high: int | None) -> int | None:
    """The exact sum of an integer array whose smallest and largest values are ``low`` and ``high``
    (None: no value). An int64 sum wraps around silently where PostgreSQL's sum(bigint) does not, so
    it is summed as int64 only when no running sum can leave int64 (every value's magnitude times the
    values' count below 2^63: the narrow bench table's counts and keys), else as decimals (the cast
    took ~10 ms per 1M values, 95 % of the figures' time on an integer column)."""
    if low is None or high is None:
        return None
    values = len(array) - array.null_count
    if max(abs(low), abs(high)) * values < 2**63:
        return int(pc.sum(array).as_py())
    total = pc.sum(array.cast(pa.decimal128(38, 0))).as_py()
    return None if total is None else int(total)


def _storage_type(arrow_type: pa.DataType) -> pa.DataType:
    return pa.int32() if pa.types.is_date32(arrow_type) else pa.int64()


def _as_storage(value: Any, arrow_type: pa.DataType) -> int | None:
    """A date / timestamp from PostgreSQL as the integer Arrow stores for it (days, or time units)."""
    if value is None:
        return None
    return int(pa.scalar(value, type=arrow_type).cast(_storage_type(arrow_type)).as_py())


def readable(stored: int | None, arrow_type: pa.DataType) -> Any:
    """A date / timestamp kept as its integer storage, as a Python value (the integer if out of range)."""
    if stored is None:
        return None
    try:
        return pa.array([stored], _storage_type(arrow_type)).view(arrow_type)[0].as_py()
    except (ValueError, OverflowError, pa.ArrowException):
        return f"{stored} ({arrow_type})"


def _as_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _parse(value: Any, kind: type[int] | type[Decimal]) -> int | Decimal | None:
    return None if value is None else kind(str(value))
