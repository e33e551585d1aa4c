"""Cleaning one table batch by batch: the per-column expressions, then counts, audit, policy, output.

A batch of text becomes one Polars frame with three helper columns per column (trimmed text, value,
change code, see expressions.py); everything after that is whole-column work on that frame: a
histogram of the codes per column for the counts, a filter per changed column for the audit, one
filter for rejected rows, a join for exact duplicate rows (duplicates.py), a comparison per fenced
column for outliers.
Columns masked with ``hash`` are hashed inside the frame right after their change codes, so every
later step sees only the hash; columns masked with ``drop`` are not in the plan's ``columns`` at all.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from columnar_etl.cleaning.audit import ROW_KEY, LogSink, changed_rows, changed_rows_of, float8_text
from columnar_etl.cleaning.duplicates import CopyFilter
from columnar_etl.cleaning.expressions import CHANGE_STATS, Change, ColumnExprs, canonical_text, trimmed_text
from columnar_etl.cleaning.outliers import EXAMPLES, Fence, judged_columns, outside
from columnar_etl.cleaning.result import ColumnCleanStats, TableCleanStats
from columnar_etl.errors import CleanError, ConfigError, interrupt_of_panic, interrupts_held
from columnar_etl.planning.plan import TablePlan
from columnar_etl.rules import WHITESPACE
from columnar_etl.source.cells import HELPER_PREFIX, framed


def output_schema(plan: TablePlan) -> pa.Schema:
    """The typed schema of a table's cleaned batches (export names kept in the field metadata)."""
    return pa.schema(
        [
            pa.field(
                c.output_name,
                c.arrow_type(),
                nullable=True,
                metadata={"source_name": c.name, "pg_type": c.pg_type},
            )
            for c in plan.columns
        ]
    )


@dataclass(frozen=True)
class Stages:
    """Stages 1-4 of :class:`ColumnExprs` for a table's columns, built once: Polars expressions are
    immutable, and building them for every batch of a wide table cost more than a third of its
    cleaning (~30 ms per batch of 36 columns)."""

    trimmed: tuple[pl.Expr, ...]
    value: tuple[pl.Expr, ...]
    code: tuple[pl.Expr, ...]
    masked: tuple[pl.Expr, ...]
    #: Stage 1b: the dates of columns of many formats, read format by format (``ColumnExprs.formats_read``).
    formats_read: tuple[pl.Expr, ...] = ()

    @classmethod
    def of(cls, columns: Sequence[ColumnExprs], mask_salt: str = "") -> Stages:
        return cls(
            tuple(c.trimmed() for c in columns),
            tuple(c.value() for c in columns),
            tuple(c.code() for c in columns),
            tuple(e for c in columns for e in c.masked(mask_salt)),
            tuple(e for c in columns for e in c.formats_read()),
        )


def _data_bytes(array: pa.Array) -> pa.Array | None:
    """The bytes of a text array's data buffer (every value's, and any between them), as uint8; None
    for another type or layout (nothing can be said of it)."""
    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        return None
    data = array.buffers()[2]
    if data is None:
        return pa.array([], pa.uint8())
    return pa.Array.from_buffers(pa.uint8(), data.size, [None, data])


def may_hold_nul(array: pa.Array) -> bool:
    """False when no value of ``array`` (text) can hold a NUL byte: its values' bytes (the whole data
    buffer, a superset of them) have none. True for any other layout (nothing checked).

    One vectorized minimum over the bytes: far cheaper than looking for NUL value by value.
    """
    values = _data_bytes(array)
    if values is None:
        return True
    return len(values) > 0 and bool(pc.min(values).as_py() == 0)


def may_be_padded(array: pa.Array) -> bool:
    """False when no value of ``array`` (text) can start or end with a character of
    :data:`~columnar_etl.rules.WHITESPACE`: no value's first or last byte is a space or control byte
    (``<= 0x20``) or part of a non-ASCII character (``>= 0x80``), which every such character is.
    True for any other layout (nothing checked). Vectorized over the values' first and last bytes.
    """
    values = _data_bytes(array)
    if values is None:
        return True
    if len(values) == 0:
        return False
    width = pa.int32() if pa.types.is_string(array.type) else pa.int64()
    # Offsets of every slot, null ones too (a null slot's bytes, if any, are looked at as well).
    offsets = pa.Array.from_buffers(width, len(array) + 1, [None, array.buffers()[1]], offset=array.offset)
    starts, ends = offsets.slice(0, len(array)), offsets.slice(1)
    filled = pc.greater(ends, starts)
    edges = pa.concat_arrays(
        [
            pc.take(values, pc.filter(starts, filled)),
            pc.take(values, pc.subtract(pc.filter(ends, filled), 1)),
        ]
    )
    edgy = pc.or_(pc.less_equal(edges, 0x20), pc.greater_equal(edges, 0x80))
    return bool(pc.any(edgy).as_py())


def cleaned_frame(
    batch: pa.RecordBatch | pa.Table,
    columns: Sequence[ColumnExprs] | Stages,
    *,
    first: Sequence[pl.Expr] = (),
    mask_salt: str = "",
) -> pl.DataFrame:
    """The source columns of ``batch`` and, per column, its helper columns (trimmed text, value,
    change code; hashed where masked): stages 1-4 of :class:`ColumnExprs`, the one cleaning of a cell.

    ``columns``: the columns' expressions, or their :class:`Stages` already built (with their salt;
    ``mask_salt`` is then not used). ``first``: more expressions over the source columns and the values
    (stage 2), computed beside stage 3, before any masking (the row key). The loader's stream and the
    dry run's sample both clean through here.
    """
    stages = columns if isinstance(columns, Stages) else Stages.of(columns, mask_salt)
    raw = pl.from_arrow(framed(batch))
    assert isinstance(raw, pl.DataFrame)
    lazy = raw.lazy().with_columns(stages.trimmed)
    if stages.formats_read:
        lazy = lazy.with_columns(stages.formats_read)
    try:
        # Python expressions (a format's reading, a mask's hash) run inside the collect: an interrupt
        # raised in one was Polars' panic, so it is held until the collect returns.
        with interrupts_held():
            return (
                lazy.with_columns(stages.value)
                .with_columns(*first, *stages.code)
                .with_columns(stages.masked)
                .collect()
            )
    except BaseException as exc:
        if interrupt_of_panic(exc):  # the interrupt a Python expression got, as Polars' panic
            raise KeyboardInterrupt from exc
        raise


@dataclass(frozen=True)
class LateFences:
    """A table's outlier fences still being computed (a scan of their own, see ``outlier_fences``):
    ``ready()`` tells whether ``get()`` would return at once; ``get()`` waits for them."""

    ready: Callable[[], bool]
    get: Callable[[], Mapping[str, Fence]]


#: Fewest rows of a batch whose text columns are checked for NUL bytes and padding (see
#: :meth:`TableCleaner.stages`). The checks cost ~70-100 us a column whatever the batch's size (a few
#: vectorized calls); skipping the trim saves ~25 ns a value: below some 4,000 rows the checks cost
#: more than they save. A wide table's batches are that short (``batch_bytes`` of 8 MiB holds ~1,100
#: rows of a 500-column export), and there they cost per column and batch.
CHECKED_BATCH_ROWS = 4096
#: ... or of at least this many bytes: a batch of a few long values (a row of 15 MB cells is a batch
#: by itself) is checked too, the checks then cost nothing beside the copies they spare (the removal
#: of NUL bytes and the trim each wrote a copy of every value: a run of five rows of 15 MB TEXT and
#: 15 MB BLOB cleaned them at ~100 MB of RSS more).
CHECKED_BATCH_BYTES = 1024 * 1024
#: Helper column of a batch some columns of which pass through (see :meth:`TableCleaner.passed`): each
#: row's position in the batch, to take those columns' rows the cleaning kept.
POSITION = f"{HELPER_PREFIX}position"
#: Helper column (of Arrow's null type: no bytes) of a batch every column of which passes through.
ROWS_HELD = f"{HELPER_PREFIX}rows_held"
#: Bytes of row keys and numbers a cleaner keeps while its fences are still being computed, to judge
#: them once they are known; past it, the cleaner waits for them.
PENDING_OUTLIER_BYTES = 32 * 1024 * 1024


#: Most audit (or quarantine) rows built and written at once. A batch's changed cells are written
#: column after column in groups of at most this many rows (a column's own rows stay together): a row
#: costs ~300 bytes while it is built, handed to Arrow and encoded (its strings copied twice), so a
#: batch whose every cell changes (20,867 rows of 40 dates and comma decimals in TEXT: 751,212 audit
#: rows) held ~240 MB beside the batch when its audit was built whole. Same rows, same order.
LOG_GROUP_ROWS = 65_536


def log_groups(columns: Sequence[ColumnExprs], rows: Sequence[int]) -> list[list[ColumnExprs]]:
    """``columns`` in order, split into runs whose ``rows`` (each column's audit rows) add up to at most
    :data:`LOG_GROUP_ROWS`; a column of more rows is a run of its own."""
    groups: list[list[ColumnExprs]] = []
    held = LOG_GROUP_ROWS + 1
    for column, count in zip(columns, rows, strict=True):
        if held + count > LOG_GROUP_ROWS:
            groups.append([])
            held = 0
        groups[-1].append(column)
        held += count
    return groups


def new_stats(plan: TablePlan, key_columns: list[str]) -> TableCleanStats:
    """Zeroed counts for ``plan``'s table."""
    columns = {
        c.name: ColumnCleanStats(
            name=c.name,
            output_name=c.output_name,
            type=c.type,
            pg_type=c.pg_type,
            overridden=c.origin == "override",
        )
        for c in plan.columns
    }
    return TableCleanStats(name=plan.name, key_columns=list(key_columns), columns=columns)


class TableCleaner:
    """Cleans the batches of one table in order, adding to ``stats``, the audit and the quarantine."""

    def __init__(
        self,
        plan: TablePlan,
        key_columns: list[str],
        stats: TableCleanStats,
        *,
        audit: LogSink,
        quarantine: LogSink,
        policy: str = "null",
        copies: CopyFilter | None = None,
        fences: Mapping[str, Fence] | LateFences | None = None,
        mask_salt: str | None = None,
        fallback: str = "cp1252",
        native: Collection[str] = (),
    ) -> None:
        self.plan = plan
        self.key_columns = key_columns
        self.stats = stats
        self.columns = [
            ColumnExprs(column, index, fallback, native=column.name in native)
            for index, column in enumerate(plan.columns)
        ]
        self.schema = output_schema(plan)
        self._audit = audit
        self._quarantine = quarantine
        self._policy = policy
        self._copies = copies
        # Outliers are only counted (with a few examples), never changed: batches cleaned before the
        # fences are known keep their keys and numbers aside, judged once they are (finish() at the
        # latest), so the first batch never waits for the scan of the fences.
        self._late = fences if isinstance(fences, LateFences) else None
        self._fences: dict[str, Fence] | None = None
        if not isinstance(fences, LateFences):
            self._fences = dict(fences or {})
        judged = set(judged_columns(plan))
        self._judged = [c for c in self.columns if c.plan.name in judged]
        self._pending: list[pl.DataFrame] = []
        self._pending_bytes = 0
        self._mask_salt = mask_salt or ""
        masked = [c.name for c in plan.columns if c.mask == "hash"]
        if masked and not mask_salt:
            raise ConfigError(
                'mask = "hash" needs a salt, and mask_salt is not set',
                table=plan.name,
                column=masked[0],
                hint="set COLUMNAR_ETL_MASK_SALT (or `mask_salt` in the TOML file)",
            )
        self._stages = Stages.of(self.columns, self._mask_salt)
        # Columns read as text, and their stages 1 and 3 for a batch whose values hold no NUL byte or
        # need no trimming, built once per kind of batch seen (see stages()).
        self._checked = [c for c in self.columns if not c.native and c.plan.type != "bytea"]
        # Columns that may pass through the cleaning as read (see passed()): no key (the audit's row
        # key reads it), no mask, nothing but the cells' bytes read (no storage class, no hex).
        keys = set(key_columns)
        self._through = [
            c
            for c in self.columns
            if c.plan.type in ("bytea", "text")
            and not c.native
            and c.plan.mask is None
            and c.plan.name not in keys
            and not c.read.with_class
            and not c.read.with_hex
        ]
        self._variants: dict[tuple[int, bool, bool], tuple[pl.Expr, pl.Expr]] = {}
        # The checks of the batch being cleaned, per column (see _checks_of).
        self._checks: dict[int, tuple[bool, bool]] = {}
        self._offset = 0
        if self._fences is not None:
            self._use_fences(self._fences)

    def _row_key(self) -> pl.Expr:
        if not self.key_columns:
            # No key in the catalogue: the row's 1-based position in the source's rowid order.
            return (pl.int_range(pl.len(), dtype=pl.Int64) + self._offset + 1).cast(pl.String)
        by_name = {c.plan.name: c for c in self.columns}
        parts = [self._key_part(by_name[name]).fill_null("") for name in self.key_columns]
        return pl.concat_str(parts, separator="|") if len(parts) > 1 else parts[0]

    @staticmethod
    def _key_part(column: ColumnExprs) -> pl.Expr:
        """A key cell as the audit's row key shows it: as the target shows the value, so that a reader
        joins an audit row to its target row on it. A BLOB as its hex; a number read as the number it
        is as PostgreSQL writes it (an integer's digits; a double's shortest digits, ``float8_text``,
        read natively or as text: of its cleaned value); text trimmed (a key loaded as written, a column
        of ``trim = false``: as written),
        a REAL cell of it as the shortest text the target holds (``0.1``, not the read's
        ``0.10000000000000001``)."""
        raw = pl.col(column.raw)
        if column.plan.type == "bytea":
            return raw.bin.encode("hex")
        if column.native:
            return float8_text(raw) if column.plan.type == "double" else raw.cast(pl.String)
        if column.plan.type == "double":
            # Read as text (a small table's, or one of several storage classes): its value as the
            # target writes it, not the read's 17 digits (0.10000000000000001); a cell no value was
            # made of (quarantined) as written.
            return pl.coalesce(float8_text(pl.col(column.v)), raw.str.strip_chars(WHITESPACE))
        shown = column.reals_shortest(raw)
        return (
            shown if column.plan.keeps_padding else trimmed_text(shown, documents=column.plan.keeps_documents)
        )

    def clean(self, batch: pa.RecordBatch) -> pa.RecordBatch | None:
        """The cleaned batch (None when every row was dropped)."""
        self._checks.clear()
        passed = self.passed(batch)
        try:
            frame = self._frame(batch, passed)
        finally:
            self._checks.clear()
        self._offset += batch.num_rows
        self.stats.rows_in += batch.num_rows
        if self._copies is not None:
            # Before any count: an extra copy is not loaded, so none of its cells is "changed".
            frame = self._remove_copies(frame, self._copies.extra_copies(batch))
        changed = self._count(frame, passed)
        quarantined = sum(q for _, q in changed.values())
        if quarantined and self._policy == "fail":
            self._fail(frame, passed)
        self._log(frame, changed)
        if quarantined and self._policy == "reject_row":
            rejected = pl.any_horizontal(
                [c.has(Change.QUARANTINE) for c in self.columns if c.index not in passed]
            )
            self.stats.rows_rejected += int(frame.select(rejected.sum()).item())
            frame = frame.filter(~rejected)
        self._flag_outliers(frame)
        table = self._output(batch, frame, passed)
        self.stats.rows_out += table.num_rows
        for column, array in zip(self.columns, table.columns, strict=True):
            self.stats.columns[column.plan.name].non_null += len(array) - array.null_count
        batches = table.to_batches()
        return batches[0] if batches else None

    def _frame(self, batch: pa.RecordBatch, passed: Collection[int]) -> pl.DataFrame:
        first = [self._row_key().alias(ROW_KEY)]
        stages = self.stages(batch)
        if passed:
            kept = [c for c in self.columns if c.index not in passed]
            stages = replace(
                stages,
                trimmed=tuple(stages.trimmed[c.index] for c in kept),
                value=tuple(stages.value[c.index] for c in kept),
                code=tuple(stages.code[c.index] for c in kept),
            )
            names = {self.columns[index].plan.name for index in passed}
            selected = [name for name in batch.schema.names if name not in names]
            # With every column passed through, a column of no bytes keeps the batch's rows: a frame
            # of no columns has none, and the batch's rows were lost (a table of one BLOB column).
            batch = (
                batch.select(selected)
                if selected
                else pa.RecordBatch.from_arrays([pa.nulls(batch.num_rows)], names=[ROWS_HELD])
            )
            first.append(pl.int_range(pl.len(), dtype=pl.Int64).alias(POSITION))
        return cleaned_frame(batch, stages, first=first)

    def passed(self, batch: pa.RecordBatch) -> set[int]:
        """The columns of ``batch`` that no rule changes, passed through as the Arrow arrays they were
        read as, never copied into Polars (a 15 MB cell was copied there some 19 times): BLOBs read as
        bytes only, whose cells are never changed; in a batch of :data:`CHECKED_BATCH_ROWS` rows or
        :data:`CHECKED_BATCH_BYTES`, text none of whose cells holds a NUL byte, starts or ends with
        whitespace (unless its padding is kept), is empty (unless kept as written or ``''`` is a value of
        it, ``empty_is_null = false``) or a null token. Their
        cells are loaded as the cleaning would write them, unchanged, and none is in the audit, as
        none would be. Keys, masked columns and columns read with storage classes or hex stay in the
        frame."""
        checked = batch.num_rows >= CHECKED_BATCH_ROWS or batch.nbytes >= CHECKED_BATCH_BYTES
        passed: set[int] = set()
        for column in self._through:
            if column.plan.type == "text":
                if not checked:
                    continue
                nul_free, unpadded = self._checks_of(batch, column)
                # Documents' blanks ('\n') are still NULL: passed through only where none is padded.
                if not nul_free or not (unpadded or column.plan.keeps_blanks):
                    continue
                array = batch.column(column.plan.name)
                blanks_null = column.plan.empty_is_null and not column.plan.as_written
                if blanks_null and pc.any(pc.equal(array, "")).as_py():
                    continue
                tokens = pa.array(column.plan.null_tokens, pa.string())
                if tokens and pc.any(pc.is_in(array, value_set=tokens)).as_py():
                    continue
            passed.add(column.index)
        return passed

    def _checks_of(self, batch: pa.RecordBatch, column: ColumnExprs) -> tuple[bool, bool]:
        """Whether no value of ``column`` in ``batch`` holds a NUL byte, and none is padded; looked at
        once per batch being cleaned (by :meth:`passed`, then :meth:`stages`)."""
        if column.index not in self._checks:
            array = batch.column(column.plan.name)
            self._checks[column.index] = (not may_hold_nul(array), not may_be_padded(array))
        return self._checks[column.index]

    def _output(self, batch: pa.RecordBatch, frame: pl.DataFrame, passed: Collection[int]) -> pa.Table:
        """The loaded columns: each value from ``frame``, or the read array of a column ``passed``
        through (the rows ``frame`` kept of it)."""
        out = frame.select(
            [pl.col(c.v).alias(c.plan.output_name) for c in self.columns if c.index not in passed]
        )
        arrays = dict(zip(out.columns, out.to_arrow().columns, strict=True))
        if passed:
            kept = None if frame.height == batch.num_rows else frame.get_column(POSITION).to_arrow()
            for index in passed:
                column = self.columns[index]
                array = batch.column(column.plan.name)
                arrays[column.plan.output_name] = pa.chunked_array(
                    [array if kept is None else array.take(kept)]
                )
        table = pa.Table.from_arrays([arrays[field.name] for field in self.schema], names=self.schema.names)
        return table.cast(self.schema).combine_chunks()

    def stages(self, batch: pa.RecordBatch) -> Stages:
        """The stages cleaning ``batch``: a column whose values in this batch hold no NUL byte (text)
        or none of which starts or ends with whitespace is cleaned without removing NUL bytes or
        without trimming (same cells, same change codes). A batch of fewer than
        :data:`CHECKED_BATCH_ROWS` rows and :data:`CHECKED_BATCH_BYTES` is cleaned by the full stages,
        unchecked."""
        if batch.num_rows < CHECKED_BATCH_ROWS and batch.nbytes < CHECKED_BATCH_BYTES:
            return self._stages
        trimmed, code = list(self._stages.trimmed), list(self._stages.code)
        lighter = False
        for column in self._checked:
            # A text column's NUL bytes are removed; a typed column's value is absent if nothing but
            # NULs and whitespace: neither step is needed where no value of the batch holds a NUL.
            nul_free, unpadded = self._checks_of(batch, column)
            if not (nul_free or unpadded):
                continue
            key = (column.index, nul_free, unpadded)
            if key not in self._variants:
                variant = replace(column, nul_free=nul_free, unpadded=unpadded)
                self._variants[key] = (variant.trimmed(), variant.code())
            trimmed[column.index], code[column.index] = self._variants[key]
            lighter = True
        if not lighter:
            return self._stages
        return replace(self._stages, trimmed=tuple(trimmed), code=tuple(code))

    def _count(self, frame: pl.DataFrame, passed: Collection[int]) -> dict[int, tuple[int, int]]:
        """Add the batch's change counts to the stats; return changed and quarantined cells per column
        (none in a column ``passed`` through)."""
        found: dict[int, tuple[int, int]] = {}
        for column in self.columns:
            stats = self.stats.columns[column.plan.name]
            stats.rows += frame.height
            if column.index in passed:
                continue
            changed = quarantined = 0
            for code, n in frame.get_column(column.k).value_counts().iter_rows():
                if not code:
                    continue
                changed += n
                for change, counter in CHANGE_STATS.items():
                    if code & change:
                        setattr(stats, counter, getattr(stats, counter) + n)
                if code & Change.QUARANTINE:
                    quarantined += n
            stats.changed += changed
            if changed:
                found[column.index] = (changed, quarantined)
        return found

    def _log(self, frame: pl.DataFrame, changed: dict[int, tuple[int, int]]) -> None:
        columns = [c for c in self.columns if c.index in changed]
        for group in log_groups(columns, [changed[c.index][0] for c in columns]):
            self._audit.write(changed_rows_of(frame, self.plan.name, group))
        unfixable = [c for c in columns if changed[c.index][1]]
        for group in log_groups(unfixable, [changed[c.index][1] for c in unfixable]):
            self._quarantine.write(changed_rows_of(frame, self.plan.name, group, quarantine_only=True))

    def _fail(self, frame: pl.DataFrame, passed: Collection[int]) -> None:
        for column in self.columns:
            if column.index in passed:
                continue
            rows = changed_rows(frame, self.plan.name, column, quarantine_only=True)
            if rows.height:
                first = rows.row(0, named=True)
                raise CleanError(
                    f"cannot clean value {first['raw_value']!r} ({first['rule']}) in the row with key "
                    f"{first['row_key']}",
                    table=self.plan.name,
                    column=column.plan.name,
                    hint="quarantine_policy is `fail`; use `null` or `reject_row`, or override the column "
                    "type in [columns]",
                )

    def _remove_copies(self, frame: pl.DataFrame, extra: pl.Series) -> pl.DataFrame:
        """Drop the rows that are exact copies of an earlier row; each one in the audit with its key."""
        if not extra.any():
            return frame
        copies = frame.filter(extra)
        self.stats.duplicates_removed += copies.height
        self._audit.write(
            copies.select(
                pl.lit(self.plan.name).alias("table"),
                pl.col(ROW_KEY).alias("row_key"),
                pl.lit("*").alias("column"),
                pl.lit(None, dtype=pl.String).alias("raw_value"),
                pl.lit(None, dtype=pl.String).alias("new_value"),
                pl.lit("duplicate_row").alias("rule"),
            )
        )
        return frame.filter(~extra)

    def finish(self) -> None:
        """Judge what waited for the fences (call once every batch was cleaned)."""
        if self._fences is None:
            self._await_fences()

    def _use_fences(self, fences: Mapping[str, Fence]) -> None:
        self._fences = dict(fences)
        for name, fence in self._fences.items():
            self.stats.columns[name].outlier_fence = (fence.low, fence.high)

    def _await_fences(self) -> None:
        assert self._late is not None
        self._use_fences(self._late.get())
        pending, self._pending, self._pending_bytes = self._pending, [], 0
        for frame in pending:
            self._flag_outliers(frame)

    def _flag_outliers(self, frame: pl.DataFrame) -> None:
        if self._fences is None and self._late is not None and self._late.ready():
            self._await_fences()
        if self._fences is None:
            if self._judged and frame.height:
                kept = frame.select(ROW_KEY, *(c.v for c in self._judged))
                self._pending.append(kept)
                self._pending_bytes += int(kept.estimated_size())
                if self._pending_bytes > PENDING_OUTLIER_BYTES:
                    self._await_fences()
            return
        fenced = [(c, self._fences[c.plan.name]) for c in self.columns if c.plan.name in self._fences]
        if not fenced or not frame.height:
            return
        # One query counts every fenced column; only a column with outliers and room for examples is
        # filtered again, and only its key and value (a filter of the whole frame, per column, copied
        # every helper column of a wide table once per fenced column and batch).
        counts = frame.select(outside(pl.col(c.v), fence).sum() for c, fence in fenced).row(0)
        for (column, fence), flagged in zip(fenced, counts, strict=True):
            stats = self.stats.columns[column.plan.name]
            stats.outliers += flagged
            room = EXAMPLES - len(stats.outlier_examples)
            if flagged and room > 0:
                shown = (
                    frame.lazy()
                    .select(ROW_KEY, column.v)
                    .filter(outside(pl.col(column.v), fence))
                    .head(room)
                    .select(
                        pl.concat_str(
                            [pl.col(ROW_KEY), canonical_text(pl.col(column.v), column.plan)], separator=": "
                        )
                    )
                    .collect()
                )
                stats.outlier_examples.extend(str(v) for v in shown.to_series().to_list())
