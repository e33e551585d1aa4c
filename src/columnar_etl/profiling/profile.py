"""Gate 1: profile every column of the export — real type, confidence, dirt — from vectorized SQL.

One query per table (:mod:`.sql`) returns, per column, how many values have each shape and which
of them parse; :func:`.inference.infer_column` turns those numbers into a :class:`ColumnProfile`. The
declared SQLite type is evidence only: it breaks ties (a 0/1 column declared BOOLEAN is boolean) and is
compared with what the data holds (``type_mismatch``); it never decides on its own.

This module runs the gate: each table's steps (the scan, its long cells, kept values, keys), the
reference search (:mod:`.references`) and the quality gate. What a column's counts mean is read by
:mod:`.inference` and the modules it draws on (:mod:`.number_reading`, :mod:`.blanks`, :mod:`.epochs`, ...).
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable, Collection, Generator, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, cast

import duckdb

from columnar_etl.config import Settings, load_settings, memory_bytes
from columnar_etl.errors import SourceError
from columnar_etl.models import (
    DATE_TYPES,
    ColumnProfile,
    DateOrder,
    Profile,
    TableProfile,
)
from columnar_etl.observability.logs import get_logger
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.blanks import (
    blanks_as_the_table_writes_missing,
    columns_added_later,
    declared_default_value,
    declares_blank_default,
    empty_epochs_as_the_table_writes,
    empty_moments_as_the_export_writes,
    json_nulls_as_missing,
    tokens_as_unfilled_columns,
    tokens_kept_in_keys,
)
from columnar_etl.profiling.cell_sizes import records_over, refuse_large_cells
from columnar_etl.profiling.cleaning_joins import say_joined_by_cleaning
from columnar_etl.profiling.column_rows import profile_row_order
from columnar_etl.profiling.data_keys import chance_key
from columnar_etl.profiling.declared_as_read import (
    dangling_as_read,
    keys_as_read,
    references_as_read,
    rowids_as_read,
    say_dangling_declarations,
    say_rowid_carried,
)
from columnar_etl.profiling.declared_keys import (
    DeclaredKey,
    declared_null_held,
    declared_with_others,
    naming_key,
    never_filled,
)
from columnar_etl.profiling.distinct_values import distinct_cells_sql
from columnar_etl.profiling.folded_figures import fold_groups
from columnar_etl.profiling.inference import infer_column
from columnar_etl.profiling.keys import find_key
from columnar_etl.profiling.long_cells import long_text_rows, read_bytes
from columnar_etl.profiling.marked_places import (
    MarkedPlaces,
    empty_kept_places,
    marked_places,
    named_compact_places,
    open_ended_places,
    padding_kept_found,
    trim_kept_places,
)
from columnar_etl.profiling.merged_keys import (
    keep_as_written,
    key_merged_by_cleaning,
    merged_key_columns,
)
from columnar_etl.profiling.merged_numbers import keep_numbers_apart, merged_number_columns
from columnar_etl.profiling.native import native_candidates, native_rows
from columnar_etl.profiling.number_reading import (
    commas_as_the_export_proves,
    points_as_the_export_proves,
    read_as_the_export_proves,
)
from columnar_etl.profiling.overrides import (
    KEPT_EMPTY_NOTE,
    UNTRIMMED_NOTE,
    reading_overrides,
    trimmed_names,
)
from columnar_etl.profiling.parent_keys import REFERENCE_TYPES
from columnar_etl.profiling.profile_codes import (
    Flag,
)
from columnar_etl.profiling.quality import evaluate_gate, score_profile
from columnar_etl.profiling.reference_rows import (
    KEPT_PREFIX,
    KeptValues,
    kept_native_sql,
    kept_values,
    kept_values_sql,
)
from columnar_etl.profiling.references import find_references
from columnar_etl.profiling.refined_codes import refined_token_places
from columnar_etl.profiling.schema_objects import indexes_not_copied, triggers_not_copied
from columnar_etl.profiling.sql import table_profile_sql
from columnar_etl.profiling.windows_1252 import Repair, repair_cells, say_repaired
from columnar_etl.profiling.zero_dates import never_set_default
from columnar_etl.source.cells import ColumnRead, sqlite_affinity
from columnar_etl.source.duckdb_reader import query_errors
from columnar_etl.source.export import Source, open_source
from columnar_etl.source.schema_objects import SourceIndex
from columnar_etl.source.sqlite_names import resolve_tables
from columnar_etl.source.tables import SourceColumn, SourceTable

#: A table is read as several rowid ranges in parallel when it has at least this many rows per range
#: (below it, the extra SQLite statements and union cost more than another core gains).
ROWS_PER_PART = 40_000
#: Bytes of ``profile_memory_limit`` per cell (rows x columns) a table may need to be profiled beside
#: others; a bigger one is profiled alone first, with every core. Measured on the wide export at 40x
#: (comments 30M cells, timesheets 51M): side by side the profile ran out of the 256 MB limit (and
#: later, retried alone, peaked at 635 MB and took 76 s); one table at a time took 65 s at 485 MB. At
#: 10x (at most 12.7M cells a table, under the 16.8M this allows) side by side stays ~10 % faster.
ALONE_BYTES_PER_CELL = 16
#: Cells read (whole rows, their rowids drawn at random; at most 20,000 rows, at least 1,000) to
#: estimate how many bytes a table's text columns' distinct cells take once counted
#: (:func:`_counted_bytes`): ~0.3 s of a 5M-row table of five columns (20,000 rows); 20,000 rows of
#: 301 columns took 5.4 s.
COUNTED_SAMPLE_CELLS = 200_000
#: Bytes a distinct cell takes in the counting beside its value's own (its column, class, count and
#: the hash table's entry): with them, the 5M-row table of four near-distinct text columns and an
#: INTEGER key (25M distinct cells, ~0.5 GB of values) is read as a group per column under 256 MB,
#: where the 1M-row one fits as one.
COUNTED_CELL_BYTES = 32
#: A big table profiled beside small ones (a query each on one thread) reads its text columns as this
#: many groups, a query and a thread each (:func:`_text_groups`): the other core does not idle.
TEXT_GROUPS = 2
# Epoch integers: seconds or milliseconds between 2001-09-09 and 2033-05-18.
PERSONAL_DATA_FLAGS = (("email", Flag.EMAIL), ("phone", Flag.PHONE), ("person_name", Flag.PERSON_NAME))


def unique_members(indexes: Sequence[SourceIndex]) -> dict[str, set[str]]:
    """Per table, the columns of its declared UNIQUE indexes and constraints, a partial one (unique
    among some rows only) or an expression's aside: a column where two rows cannot both write ``''``."""
    members: dict[str, set[str]] = {}
    for index in indexes:
        if index.unique and not index.partial:
            members.setdefault(index.table, set()).update(c for c in index.columns if c is not None)
    return members


def _reread(infer: Callable[..., ColumnProfile], order: DateOrder) -> ColumnProfile:
    return infer(date_order_default=order)


def profile_table(
    src: Source, table: str, settings: Settings, sample: int | None = None, parts: int = 1, **options: Any
) -> TableProfile:
    """Profile one table: :func:`_table_steps` (``options``: its keywords), not batched: its text query
    runs there and then."""
    return _run_steps(_table_steps(src, table, settings, sample, parts, **options))


class CellsQuery(NamedTuple):
    """What a table's profile asks of the batched text query (see :func:`_profile_batch`)."""

    #: The DuckDB table of its counted cells (their ``idx`` is each column's place in its table).
    cells: str
    #: Place → note of its columns kept untrimmed for what they hold, found among those cells
    #: (:func:`.marked_places.padding_kept_found`).
    kept: Mapping[int, str]


T = TypeVar("T")


#: Tables of at most this many cells (rows x columns) have their text queries batched.
BATCH_WORK = 100_000


def counted_in_batch(rows: int, columns: int) -> bool:
    """A table of ``rows`` x ``columns`` is small (at most :data:`BATCH_WORK` cells): the profile counts
    its text in the one batched query of small tables, without a typed scan of its own, and the
    cleaner reads it as text alone (see :func:`~columnar_etl.pipeline.steps.plan_step`)."""
    return rows * max(1, columns) <= BATCH_WORK


_Keyed = tuple[TableProfile, KeptValues | None]


def _profile_batched(
    src: Source,
    settings: Settings,
    pool: ThreadPoolExecutor,
    steps: dict[str, Generator[CellsQuery, list[dict[str, Any]], _Keyed]],
) -> tuple[dict[str, _Keyed], list[str]]:
    """Run the tables' ``steps`` (:func:`_keyed_steps`, batched) in ``pool``: each up to its text query,
    then those queries as one (:func:`_profile_batch`), then each to its end. The profiles, and the
    tables that ran out of memory (to be profiled again alone; any other error is raised)."""
    done: dict[str, _Keyed] = {}
    asked: dict[str, CellsQuery] = {}
    failed: list[str] = []

    def step(name: str, rows: list[dict[str, Any]] | None) -> CellsQuery | None:
        try:
            asks = next(steps[name]) if rows is None else steps[name].send(rows)
        except StopIteration as ended:
            done[name] = cast(_Keyed, ended.value)
            return None
        if rows is not None:
            raise RuntimeError(f"table {name!r} asked for a second text query")
        return asks

    def each(work: Mapping[str, list[dict[str, Any]] | None]) -> None:
        futures = {name: pool.submit(step, name, rows) for name, rows in work.items()}
        for name, future in futures.items():
            try:
                if (asks := future.result()) is not None:
                    asked[name] = asks
            except SourceError as exc:
                if not isinstance(exc.__cause__, duckdb.OutOfMemoryException):
                    raise
                failed.append(name)

    each(dict.fromkeys(steps))
    # The tables' cells were counted through the shared read transaction: ended before the batch
    # query and the steps after it drop them (see Source.end_small_reads).
    src.end_small_reads()
    if asked:
        try:
            with _query_errors(src, ", ".join(asked), settings):
                found = _profile_batch(src, settings, asked)
        except SourceError as exc:
            if not isinstance(exc.__cause__, duckdb.OutOfMemoryException):
                raise
            failed += list(asked)
            found = {}
        work = {name: found[name] for name in asked if name in found}
        asked.clear()
        each(work)
    return done, failed


def _run_steps(steps: Generator[CellsQuery, list[dict[str, Any]], T]) -> T:
    """Run ``steps`` (not batched: it asks nothing) to its end; its result."""
    try:
        next(steps)
    except StopIteration as done:
        return cast(T, done.value)
    raise RuntimeError("a table's profile asked for a batched query outside a batch")


#: Column places of the tables of one batched query (:func:`_profile_batch`) are told apart by
#: adding this many times the table's number (SQLite allows at most 32,767 columns).
BATCH_STRIDE = 1 << 16

#: The DuckDB table the batched query's cells are copied into (see :func:`_profile_batch`).
BATCH_CELLS = quote_ident(f"{KEPT_PREFIX}batch_cells")


def _profile_batch(
    src: Source, settings: Settings, asked: dict[str, CellsQuery]
) -> dict[str, list[dict[str, Any]]]:
    """The text query's rows of every table in ``asked`` (its counted cells), from one query.

    Planning the profile query (its shapes, parses and flags) is most of what profiling a small table
    costs: ~30 ms, where reading a few thousand rows takes a few. Small tables' counted cells are
    therefore profiled together, each column's place offset by its table's number (:data:`BATCH_STRIDE`).
    """
    names = list(asked)
    union = " UNION ALL ".join(
        f"SELECT idx + {number * BATCH_STRIDE} AS idx, cls, v, weight FROM {query.cells}"
        for number, query in enumerate(asked.values())
    )
    # Each table's cells carry their columns' places in it (_text_relation), offset as above.
    merged: dict[str, list[int]] = {}
    for number, name in enumerate(names):
        table_places = cast(dict[str, list[int]], marked_places(src, settings, name))
        # Columns of one-character marks keep their lone blanks as written (see .marks), Windows-1252
        # text read as Latin-1 its ellipses (see .latin1_text).
        table_places["untrimmed"] = sorted({*table_places["untrimmed"], *asked[name].kept})
        for kind, places in table_places.items():
            merged.setdefault(kind, []).extend(number * BATCH_STRIDE + place for place in places)
    marked = cast(MarkedPlaces, merged)  # every kind: marked_places gives each, for any table
    # The tables' cells are copied into one table first, and the profile query reads that: over the
    # union itself each table's branch ran the query's expressions as a pipeline of its own, their
    # states (compiled patterns and all) set up once per table (200 tables of up to 400 rows: 1.79 s,
    # on one table 0.03 + 0.26 s; the same rows). The copy is of cells already held, dropped after.
    cursor = src.connection.cursor()
    try:
        cursor.execute(f"CREATE OR REPLACE TABLE {BATCH_CELLS} AS {union}")
        sql = table_profile_sql(
            "",
            ["cells"],
            settings.null_tokens,
            None,
            settings.source_encoding_fallback,
            distinct=f"SELECT idx, cls, v, weight FROM {BATCH_CELLS}",
            **marked,
        )
        rows = _fetch_rows(src, sql)
    finally:
        cursor.execute(f"DROP TABLE IF EXISTS {BATCH_CELLS}")
        cursor.close()
    found: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for row in rows:
        number, row["idx"] = divmod(int(row["idx"]), BATCH_STRIDE)
        found[names[number]].append(row)
    return found


def _table_steps(
    src: Source,
    table: str,
    settings: Settings,
    sample: int | None = None,
    parts: int = 1,
    *,
    keep: str | None = None,
    typed: bool = False,
    unique: Collection[str] = (),
    declared_unique: Collection[str] = (),
    whole: bool = False,
    batched: bool = False,
    split: int = 1,
    long: bool = False,
) -> Generator[CellsQuery, list[dict[str, Any]], TableProfile]:
    """Profile one table with one aggregate query (over ``parts`` rowid ranges read side by side).

    With ``typed`` (not on a sample, whose rows the text query draws), the columns DuckDB reads as
    ``BIGINT`` (and, in a table of such columns and REAL ones only, those of REAL affinity it reads as
    ``DOUBLE``) are profiled from its typed scan first (:mod:`.native`): those of INTEGER (REAL) cells
    only are done by it, the others (the scan names them) by the text query. Without it, every column is
    read as text: that is what a table too big to share the memory limit gets (at 40x, the wide
    export's comments ran out of 256 MB for their text columns alone, where all their columns
    together fit). With ``keep`` (a DuckDB table name; not on a sample), the distinct cells are
    counted into tables first, and the short values of its columns are kept in ``keep`` for the
    reference search (:func:`.reference_rows.kept_values_sql`, a view), which then reads no column twice.
    ``unique``: the table's rowid alias (a declared key SQLite keeps unique and non-null), whose values
    the typed scan counts without grouping them (:func:`.native.native_distinct_sql`).
    ``declared_unique``: the columns the schema declares unique by themselves beside the table's key,
    whose null tokens among text are values (:func:`.tokens.tokens_kept_as_values`). With ``whole``
    (and ``typed``), the typed scan is used only when it may read every column (a table of INTEGER and
    REAL columns only); any other table is read all as text. That is what a table too big to share
    the memory limit gets: all as text, as above, unless the typed scan spares the text query
    altogether (the 10M-row narrow table, 60M cells: all as text, it ran out of 256 MB with one thread
    and two; typed, 10 s at 441 MB of RSS). A column the typed scan then finds another class in is
    still read as text beside it, as for a table profiled side by side.

    A generator: with ``batched`` (and ``keep``), it counts the text columns' cells into their table and
    then yields that table (a :class:`CellsQuery`) for the caller to profile with other tables' in one
    query (:func:`_profile_batch`), receiving its rows back. Otherwise it yields nothing.

    ``split`` (with ``keep``, not on a sample): the text columns are read as that many groups, each by
    a query of its own on a thread of its own (:func:`_text_groups`).

    ``long`` (with ``keep``, not on a sample; a table with a rowid): the text columns' long cells are
    read apart, a few at a time (:mod:`.long_cells`): what a table gets that ran out of memory even
    alone on one thread."""
    info = src.table(table)
    names = info.column_names
    keeping = keep is not None and bool(names) and not sample
    numbers = quote_ident(f"{keep}_numbers") if keeping else ""
    typing = typed and bool(names) and not sample
    cells = quote_ident(f"{keep}_cells") if keeping else None
    cell_tables: list[str] = []
    # Per table of counted cells, its columns kept untrimmed for what they hold, as found once they were
    # counted: for the text query's marks, then for the columns' notes.
    kept_found: dict[str, dict[int, str]] = {}
    # Per table of counted cells, its columns of Windows-1252 text read as Latin-1 repaired there (place ->
    # cells changed: .windows_1252), before anything else is found among them.
    repaired_found: dict[str, dict[int, Repair]] = {}
    read_apart = False  # long cells read apart: their query finds no marks (see .marks)
    limit = memory_bytes(settings.profile_memory_limit)
    sizes: dict[str, int] = {}

    # Every query of the profile inside _query_errors, the typing of the columns too: under a tight
    # memory limit even its cursor setting can be the allocation that fails.
    with _query_errors(src, table, settings):
        candidates, reals = native_candidates(src, table) if typing else ([], [])
        if set(candidates) | set(reals) != set(names):
            # REAL columns join the typed scan when it may read the whole table, sparing the text
            # query (its storage classes, its counting) altogether (narrow benchmark table, all
            # INTEGER and REAL: -1.5-2 s), or when it reads the table's INTEGER columns anyway (side
            # by side): in the text query SQLite writes each REAL cell with 17 digits and reads them
            # back (the wide export's timesheets, 141K rows: its counting 0.33-0.35 -> 0.19-0.23 s
            # of CPU without its one REAL column, the typed scan 0.065-0.088 -> 0.083-0.097 s with
            # it). Alone (``whole``), and without INTEGER columns (a typed scan of its own), they
            # stay in the text query. Their figures are the same either way.
            if whole or not candidates:
                reals = []
            if whole:
                # Alone, a table whose text would be counted in groups (_grouped) keeps its
                # INTEGER columns in the typed scan: a rowid key is then counted without grouping
                # (5M rows: ~5 s of CPU less). Counted at once, its text goes as one read (see above).
                # (Not a table of long cells read apart: its sample would read long rows whole.)
                sizes = _counted_bytes(src, table, names) if keeping and not long else {}
                if len(_grouped(names, sizes, limit)) <= 1:
                    candidates = []
        # The typed scan first (integers and REAL columns): a column it leaves to text joins the one
        # text query. (Beside the text query, on a thread of its own, it measured no faster on two
        # cores: both queries already use both.)
        rows, native = native_rows(
            src,
            table,
            settings.null_tokens,
            [name for name in names if name in candidates or name in reals],
            numbers,
            reals,
            unique,
            [names[place] for place in named_compact_places(src, table)],
            [names[place] for place in open_ended_places(src, table)],
        )
        integers = [name for name in native if name not in reals]
        texts = [name for name in names if name not in native]
        if batched and cells is not None and texts:
            _count_cells(src, cells, texts, *_text_relation(src, table, texts, sample, parts), small=True)
            cell_tables = [cells]
            repaired_found[cells] = repair_cells(src, settings, table, cells)
            kept_found[cells] = padding_kept_found(src, settings, table, cells)
            rows += yield CellsQuery(cells, kept_found[cells])
        elif keep is not None and keeping and long and texts and info.rowid is not None:
            rows += _long_rows(src, table, texts, settings, f"{keep}_cells")
            cell_tables = [cast(str, cells)]
            read_apart = True
        elif keep is not None and keeping and split > 1 and len(texts) > 1:
            every = [texts[start::split] for start in range(split) if texts[start::split]]
            found, cell_tables = _text_groups(
                src, table, every, settings, parts, keep, kept_found, repaired_found
            )
            rows += found
        elif (
            keep is not None
            and keeping
            and whole
            and len(texts) > 1
            and len(batches := _grouped(texts, sizes, limit)) > 1
        ):
            found, cell_tables = _text_groups(
                src, table, batches, settings, parts, keep, kept_found, repaired_found, side_by_side=False
            )
            rows += found
        elif texts or not names:
            rows += _text_rows(
                src,
                table,
                texts,
                settings,
                sample,
                parts,
                cells if texts else None,
                kept_found,
                repaired_found,
            )
            cell_tables = [cells] if cells is not None and texts else []
    if not names:
        counted = int(rows[0]["row_count"]) if rows else 0
        return TableProfile(
            name=table,
            row_count=info.row_count if sample else counted,
            columns={},
            sampled_rows=counted if sample else None,
        )
    groups: dict[int, list[dict[str, Any]]] = {index: [] for index in range(len(names))}
    for row in sorted(rows, key=profile_row_order):
        groups[int(row["idx"])].append(row)

    def rows_read(index: int) -> int:
        return sum(int(row["cells"]) for row in groups[index] if row["code"] is not None)

    profiled_rows = rows_read(0)
    # Several reads of the table (typed, text, the text columns' groups): the same rows, unless the
    # export changed in between.
    if any(rows_read(index) != profiled_rows for index in range(1, len(names))):
        raise SourceError(
            "the reads of the table differ in rows",
            path=src.path,
            table=table,
            hint="is the export being written to? profile a copy",
        )
    columns: dict[str, ColumnProfile] = {}
    rereads: dict[str, Callable[[DateOrder], ColumnProfile]] = {}
    point_rereads: dict[str, Callable[[], ColumnProfile]] = {}
    comma_rereads: dict[str, Callable[[], ColumnProfile]] = {}
    overrides = reading_overrides(settings, table, [column.name for column in info.columns])
    untrimmed = {info.columns[place].name for place in trim_kept_places(src, settings, table)}
    # The columns the text query kept as written for what they hold (one-character marks, Windows-1252
    # text read as Latin-1), each with its note.
    kept_for_content = {
        info.columns[place].name: note
        for cells_table in ([] if read_apart else cell_tables)
        for place, note in kept_found[cells_table].items()
        if info.columns[place].name not in untrimmed
    }
    # The columns of Windows-1252 text read as Latin-1 whose cells the text query read repaired.
    repaired = {
        info.columns[place].name: repair
        for cells_table in ([] if read_apart else cell_tables)
        for place, repair in repaired_found.get(cells_table, {}).items()
    }
    kept_empty = {info.columns[place].name for place in empty_kept_places(src, settings, table)}
    # Null tokens of capitals other values of their column refine (NA beside NA-KH): codes (.refined_codes).
    refined = {
        info.columns[place].name: tokens
        for cells_table in ([] if read_apart else cell_tables)
        for place, tokens in refined_token_places(src, settings.null_tokens, cells_table).items()
    }
    trimmed = trimmed_names(settings, table, [column.name for column in info.columns])
    # The columns the text query read (it asked the source for them): typed scans hold no BLOB.
    numerals = src.scans.known_numeral_blobs(table)
    for index, column in enumerate(info.columns):
        rows_of, never_set = never_set_default(column, groups[index], overrides.get(column.name))

        def inferring(
            rows: list[dict[str, Any]], never: tuple[str, int, bool] | None, column: SourceColumn = column
        ) -> Callable[..., ColumnProfile]:
            return partial(
                infer_column,
                table,
                column,
                profiled_rows,
                fold_groups(
                    rows,
                    declared_unique=column.name in declared_unique,
                    as_bound=sqlite_affinity(column.declared_type) == "BLOB",
                    setting_value=column.setting_value,
                    default_value=declared_default_value(column),
                    refined=refined.get(column.name, frozenset()),
                ),
                override=overrides.get(column.name),
                blob_numerals=numerals.get(column.name, 0),
                never_set=never,
                trimmed=column.name in trimmed,
            )

        infer = inferring(rows_of, never_set)
        columns[column.name] = infer(date_order_default=settings.date_order_default)
        if (
            never_set is not None
            and not never_set[2]
            and columns[column.name].inferred_type not in DATE_TYPES
        ):
            # A DEFAULT of no date's shape is the column's "no date" only where its values are dates:
            # among values of another type (kept as written, text of two ways) it is one of them.
            infer = inferring(groups[index], None)
            columns[column.name] = infer(date_order_default=settings.date_order_default)
        if column.name in untrimmed and columns[column.name].inferred_type == "text":
            columns[column.name].padding_kept = True
            kept = column.name in kept_empty  # '' is no NULL there (empty_is_null = false)
            columns[column.name].notes.append(
                UNTRIMMED_NOTE.replace("'' is NULL, a", "a") if kept else UNTRIMMED_NOTE
            )
        elif column.name in kept_for_content and columns[column.name].inferred_type == "text":
            columns[column.name].padding_kept = True
            columns[column.name].notes.append(kept_for_content[column.name])
        if column.name in repaired and columns[column.name].inferred_type != "bytea":
            say_repaired(columns[column.name], repaired[column.name])
        if column.name in kept_empty and columns[column.name].inferred_type == "text":
            columns[column.name].empty_kept = True
            columns[column.name].notes.append(KEPT_EMPTY_NOTE)
        # An override's reading is the column's own: no other column's proof rereads it.
        if columns[column.name].date_order == "ambiguous" and columns[column.name].reading_override is None:
            rereads[column.name] = partial(_reread, infer)
        if columns[column.name].points_unproven and column.name not in overrides:
            point_rereads[column.name] = partial(
                infer, date_order_default=settings.date_order_default, points_proven=True
            )
        if columns[column.name].commas_unproven and column.name not in overrides:
            comma_rereads[column.name] = partial(
                infer, date_order_default=settings.date_order_default, commas_proven=True
            )
    if keep is not None and keeping:
        with _query_errors(src, table, settings):
            _keep_values(src, keep, numbers if integers else None, cell_tables, names, columns)
    return TableProfile(
        name=table,
        # Every row was read: the count is known without asking SQLite to count again.
        row_count=info.row_count if sample else profiled_rows,
        columns=columns,
        sampled_rows=profiled_rows if sample else None,
        rereads=rereads,
        point_rereads=point_rereads,
        comma_rereads=comma_rereads,
    )


@contextmanager
def _query_errors(
    src: Source, table: str | None, settings: Settings, doing: str = "profiling"
) -> Iterator[None]:
    """A DuckDB error of the profile's queries of ``table`` (None: of several) as a :class:`SourceError`."""
    memory_hint = f"raise profile_memory_limit (now {settings.profile_memory_limit})"
    with query_errors(src.path, table, doing, memory_hint=memory_hint):
        yield


def _keep_values(
    src: Source,
    keep: str,
    numbers: str | None,
    counted: list[str],
    names: list[str],
    columns: dict[str, ColumnProfile],
) -> None:
    """The values kept for the reference search (:func:`.reference_rows.kept_values`): view ``keep`` over
    the counted numbers (``numbers``, :func:`.native.native_rows`; their digits are written only for
    the columns the search asks for, none often, and they take less memory than their text) and the
    kept values of the counted cells (the tables ``counted``, dropped then: two tables of counted cells
    at once would hold memory the next query needs, a table alone at 40x). Only the columns a reference
    inferred from the data can have (:data:`.parent_keys.REFERENCE_TYPES`: integer, text) are kept
    from the cells: the search reads any other it needs from the export again (a declared reference
    on a REAL column), as it does a column of long values."""
    parts = [kept_native_sql(numbers)] if numbers else []
    cursor = src.connection.cursor()
    wanted = [i for i, name in enumerate(names) if columns[name].inferred_type in REFERENCE_TYPES]
    for number, cells in enumerate(counted):
        if wanted:
            texts = f"{keep}_text" if number == 0 else f"{keep}_text_{number}"
            cursor.execute(kept_values_sql(texts, cells, only=wanted))
            parts.append(f"SELECT * FROM {quote_ident(texts)}")
        cursor.execute(f"DROP TABLE {cells}")
    if not parts:
        parts = ["SELECT CAST(NULL AS INTEGER) AS idx, CAST(NULL AS VARCHAR) AS val, 0 AS weight LIMIT 0"]
    cursor.execute(f"CREATE OR REPLACE VIEW {quote_ident(keep)} AS {' UNION ALL '.join(parts)}")


def _text_rows(
    src: Source,
    table: str,
    columns: list[str],
    settings: Settings,
    sample: int | None,
    parts: int,
    cells: str | None,
    kept_found: dict[str, dict[int, str]] | None = None,
    repaired_found: dict[str, dict[int, Repair]] | None = None,
) -> list[dict[str, Any]]:
    """The profile query's rows (:func:`.sql.table_profile_sql`) for ``columns`` of ``table``, read as
    text; with ``cells`` (a table name), the counted cells are kept in it, and the columns kept untrimmed
    for what they hold found among them (:func:`.marked_places.padding_kept_found`) are put in
    ``kept_found`` under that name, after the columns of Windows-1252 text read as Latin-1 are repaired
    among them (:func:`.windows_1252.repair_cells`, put in ``repaired_found``). No ``columns``: the row
    count."""
    relation, positions = _text_relation(src, table, columns, sample, parts)
    keeping = cells is not None and bool(columns)
    marked = marked_places(src, settings, table, positions.__contains__)
    if keeping:
        _count_cells(src, cast(str, cells), columns, relation, positions)
        repaired = repair_cells(src, settings, table, cast(str, cells))
        if repaired_found is not None:
            repaired_found[cast(str, cells)] = repaired
        # Columns of one-character marks keep their lone blanks as written (see .marks), Windows-1252
        # text read as Latin-1 its ellipses (see .latin1_text).
        kept = padding_kept_found(src, settings, table, cast(str, cells))
        if kept_found is not None:
            kept_found[cast(str, cells)] = kept
        marked["untrimmed"] = sorted({*marked["untrimmed"], *kept})
    sql = table_profile_sql(
        relation,
        columns,
        settings.null_tokens,
        sample,
        settings.source_encoding_fallback,
        distinct=f"SELECT * FROM {cells}" if keeping else None,
        positions=positions,
        **marked,
    )
    return _fetch_rows(src, sql)


def _text_groups(
    src: Source,
    table: str,
    groups: list[list[str]],
    settings: Settings,
    parts: int,
    keep: str,
    kept_found: dict[str, dict[int, str]],
    repaired_found: dict[str, dict[int, Repair]],
    *,
    side_by_side: bool = True,
) -> tuple[list[dict[str, Any]], list[str]]:
    """:func:`_text_rows` of the columns of ``groups``, each group counted into a table of its own
    (``<keep>_cells_<n>``) by a query on a thread of its own (``side_by_side``) or one after the other:
    the rows of them all, and those tables (each with what was found among its cells in ``kept_found``:
    see :func:`_text_rows`).

    One after the other: a table profiled alone whose distinct cells would outgrow
    ``profile_memory_limit`` counted at once (:func:`_grouped`). Counted at once, DuckDB spills
    the aggregate and the table of counted cells past the limit and reads them back, and that grows
    faster than the rows: five near-distinct columns, 1M rows 8.5 s of CPU, 5M rows 50.7 s. A group
    each, each group's cells fit, at the cost of reading the table from SQLite once per group.

    Side by side:
    Tables are profiled side by side, a query each on one thread (a parallel aggregate costs more CPU
    than it saves: see :func:`profile`). With fewer big tables than cores (one beside small ones) a
    core idled while the big one was read; its columns' groups run on both (the wide export's
    timesheets beside three small tables, medians of 10 interleaved fresh processes, three times:
    1.24-1.45 -> 0.89-1.28 s of wall, CPU 1.56-1.78 and 1.48-2.00 s). Each group reads the table from
    SQLite again: the counting of distinct cells, most of the work, is split without being done twice,
    but with as many big tables as cores the extra reads cost more than the idle end saved (the wide
    export: 3.08 -> 3.30 s of CPU, wall 1.77 -> 1.81 s), so those are not grouped."""
    tables = [quote_ident(f"{keep}_cells_{number}") for number in range(len(groups))]

    def group(number: int) -> list[dict[str, Any]]:
        with _query_errors(src, table, settings):
            return _text_rows(
                src, table, groups[number], settings, None, parts, tables[number], kept_found, repaired_found
            )

    if not side_by_side:
        return [row for number in range(len(groups)) for row in group(number)], tables
    with ThreadPoolExecutor(max_workers=len(groups) - 1, thread_name_prefix="profile-group") as pool:
        others = [pool.submit(group, number) for number in range(1, len(groups))]
        try:
            rows = group(0)
        finally:
            # Every group's query ends before its table is read or dropped (an error of one would
            # otherwise leave the others running on the source).
            wait(others)
        for other in others:
            rows += other.result()
    return rows, tables


def _long_rows(
    src: Source, table: str, columns: list[str], settings: Settings, cells: str
) -> list[dict[str, Any]]:
    """:func:`_text_rows` of ``columns``, their long cells read apart (:func:`.long_cells.long_text_rows`),
    the counted cells kept in the DuckDB table named ``cells``."""
    info = src.table(table)
    declared = {column.name: column.declared_type for column in info.columns}
    positions = [info.column_names.index(name) for name in columns]
    return long_text_rows(
        src,
        table,
        columns,
        positions,
        [sqlite_affinity(declared[name]) != "TEXT" for name in columns],
        limit=memory_bytes(settings.profile_memory_limit),
        null_tokens=list(settings.null_tokens),
        fallback=settings.source_encoding_fallback,
        **marked_places(src, settings, table, positions.__contains__),
        cells=cells,
    )


def _text_relation(
    src: Source, table: str, columns: list[str], sample: int | None, parts: int
) -> tuple[str, list[int]]:
    """The relation the text query reads ``columns`` of ``table`` from, and their places in the table."""
    info = src.table(table)
    # REAL cells with all their digits (see sql.distinct_cells_sql); a column of TEXT affinity has none.
    declared = {column.name: column.declared_type for column in info.columns}
    # A BLOB of a number's text in a column declared a number type is read as that text.
    reads = [
        ColumnRead(
            name,
            with_class=True,
            as_bytes=True,
            real_digits=sqlite_affinity(declared[name]) != "TEXT",
            blob_numerals=True,
        )
        for name in columns
    ]
    relation = src.relation_sql(table, parts=1 if sample else parts, reads=reads, class_string=True)
    return relation, [info.column_names.index(name) for name in columns]


def _counted_bytes(src: Source, table: str, columns: list[str]) -> dict[str, int]:
    """Per column of ``columns`` of ``table``, the bytes its distinct cells would take once counted,
    estimated from a sample of :data:`COUNTED_SAMPLE_CELLS` cells (whole rows, rowids drawn at
    random): its distinct values by Chao's estimate from the sample's (``d + f1 (f1 - 1) / (2 (f2 +
    1))``, ``f1`` and ``f2`` the values seen once and twice; at most the table's rows), each its mean
    bytes in the sample plus :data:`COUNTED_CELL_BYTES`. A near-distinct column (every value seen
    once) comes out as many as the rows; one of a few thousand values, each seen several times, about
    as many as it has (a column of 10,007 values in 200,000 rows: ~10,000, where scaling the sample's
    share up says ~190,000 and would split a wide table's columns for nothing). Empty for a table
    without a rowid or of fewer rows than a sample."""
    info = src.table(table)
    sample = max(1_000, min(20_000, COUNTED_SAMPLE_CELLS // max(1, len(columns))))
    if info.rowid is None or info.estimated_rows <= sample:
        return {}
    _, low, high = info.rowid
    # Drawn at random (seeded: the same rows every time), not every n-th: values a formula wrote
    # (``x * 7 % 10007``) are all distinct at evenly spaced rows.
    rowids = random.Random(42).sample(range(low, high + 1), sample)
    reads = [ColumnRead(name, with_class=True, as_bytes=True) for name in columns]
    relation = src.relation_sql(table, reads=reads, class_string=True, rowids=rowids)
    counted = distinct_cells_sql(relation, columns, None)
    found = (
        src.connection.cursor()
        .execute(
            "SELECT idx, count(*), count(*) FILTER (weight = 1), count(*) FILTER (weight = 2), "
            f"avg(coalesce(octet_length(v), 0)) FROM ({counted}) AS counted GROUP BY idx"
        )
        .fetchall()
    )
    sizes: dict[str, int] = {}
    for idx, seen, once, twice, mean in found:
        distinct = min(info.estimated_rows, seen + once * (once - 1) / (2 * (twice + 1)))
        sizes[columns[int(idx)]] = int(distinct * (float(mean) + COUNTED_CELL_BYTES))
    return sizes


def _grouped(columns: list[str], sizes: Mapping[str, int], limit: int) -> list[list[str]]:
    """``columns`` (a table's text columns) as few groups as first fit by decreasing size finds, each
    group's distinct cells, counted, within ``limit`` bytes (:func:`_counted_bytes`'s ``sizes``; a
    column bigger than that is a group alone); each group in the table's order, the groups in that of
    their first columns. Each group is a read of the table (at 40x the wide export's comments, 6.9M
    rows with long bodies, are three, where the table's order made four). One group when the sizes
    are not known or fit together."""
    groups: list[list[str]] = []
    totals: list[int] = []
    for name in sorted(columns, key=lambda name: -sizes.get(name, 0)):
        size = sizes.get(name, 0)
        room = next((number for number, total in enumerate(totals) if total + size <= limit), None)
        if room is None:
            groups.append([])
            totals.append(0)
            room = len(groups) - 1
        groups[room].append(name)
        totals[room] += size
    place = {name: number for number, name in enumerate(columns)}
    return sorted((sorted(group, key=place.__getitem__) for group in groups), key=lambda g: place[g[0]])


def _count_cells(
    src: Source, cells: str, columns: list[str], relation: str, positions: list[int], *, small: bool = False
) -> None:
    """Count the distinct cells of ``columns`` (at ``positions`` in their table; read by ``relation``,
    see :func:`_text_relation`) into the DuckDB table ``cells``. ``small``: a table counted in the
    batch (at most :data:`BATCH_WORK` cells)."""
    counted = distinct_cells_sql(relation, columns, None, positions)
    # The shared read hands its rows over as Arrow: only once pyarrow is in (a `run` imports it beside
    # the preflight). A big export's run imports it after the profile, so that it adds nothing to the
    # profile's peak memory; this path is a cost saving only, the cells counted are the same.
    if not small or "pyarrow" not in sys.modules:
        src.connection.cursor().execute(f"CREATE OR REPLACE TABLE {cells} AS {counted}")
        return
    # Read on the shared cursor (no SQLite connection, and parse of the export's whole schema, of its
    # own: see Source.small_reads), kept by another: the shared transaction writes nothing. Its
    # counted cells are at most as many rows as the table has cells.
    with src.small_reads() as shared:
        found = shared.execute(counted).to_arrow_table()
    cursor = src.connection.cursor()
    try:
        cursor.register("counted_cells", found)
        cursor.execute(f"CREATE OR REPLACE TABLE {cells} AS SELECT * FROM counted_cells")
    finally:
        cursor.close()


def _fetch_rows(src: Source, sql: str) -> list[dict[str, Any]]:
    result = src.connection.cursor().execute(sql)
    header = [d[0] for d in result.description or []]
    return [dict(zip(header, row, strict=True)) for row in result.fetchall()]


def _keyed_steps(
    src: Source,
    table: str,
    settings: Settings,
    sample: int | None,
    parts: int,
    declared: DeclaredKey | None,
    keep: str,
    *,
    typed: bool = False,
    whole: bool = False,
    batched: bool = False,
    split: int = 1,
    long: bool = False,
) -> Generator[CellsQuery, list[dict[str, Any]], tuple[TableProfile, KeptValues | None]]:
    """:func:`profile_table`, then the table's key and duplicates (:mod:`.keys`; not counted on a
    sample); with the values kept for the reference search (none on a sample). As steps: with
    ``batched`` it asks its text query as :func:`_table_steps` does (run by :func:`_run_steps` else)."""
    alias = declared.columns if declared is not None and declared.rowid_alias else ()
    # The columns the schema declares unique by themselves, beside the table's key: each value names
    # one row (a hub's user names), so a null token there is one of them (see tokens_kept_as_values).
    alone = tuple(columns[0] for columns in declared.others if len(columns) == 1) if declared else ()
    options: dict[str, Any] = {
        "keep": keep,
        "typed": typed,
        "unique": alias,
        "declared_unique": alone,
        "whole": whole,
        "split": split,
        "long": long,
    }
    if batched:
        profiled = yield from _table_steps(src, table, settings, sample, parts, **options, batched=True)
    else:  # through the module's name: a test wraps it
        profiled = profile_table(src, table, settings, sample, parts, **options)
    # Decimals written two ways (1.1 and 1.10) stay text: reading them would make two values one. On a
    # sample too (the comparison reads every row).
    for name, why in merged_number_columns(src, profiled).items():
        keep_numbers_apart(profiled[name], why)
    # The values kept for the reference search are counted: the key's count reads its repeated ones.
    kept = kept_values(src, keep, list(profiled.columns)) if sample is None and profiled.columns else None
    # A UNIQUE constraint whose column holds NULL names no row by it: another declared key, or one
    # found in the data, names the rows (declared_keys.naming_key).
    naming = naming_key(declared, profiled) if declared is not None else None
    find_key(src, profiled, naming, count=sample is None, kept=(kept.name, kept.columns) if kept else None)
    if (
        declared is not None
        and declared.found == "declared_primary_key"  # a UNIQUE so is passed over without a word
        and naming is not declared
        and (empty := never_filled(declared, profiled))
    ):
        what = ", ".join(profiled.key) or "none"
        profiled[empty].notes.append(
            f"declared PRIMARY KEY ({', '.join(declared.columns)}) but NULL in every row: SQLite keeps the "
            "NULL of a key that is no INTEGER PRIMARY KEY (a PostgreSQL SERIAL it never fills), so it "
            f"names no row; the table's key is {what} (declared UNIQUE, else found in the data)"
        )
    if (
        declared is not None
        and declared.found == "declared_primary_key"
        and naming is not declared
        and (held := declared_null_held(declared, profiled))
    ):
        what = ", ".join(profiled.key) or "none"
        profiled[held].notes.append(
            f"declared PRIMARY KEY ({', '.join(declared.columns)}) with {held} declared NULL, NULL in "
            f"{profiled[held].null_count:,} rows: SQLite keeps rows with a NULL in such a key apart, as "
            "in a UNIQUE constraint, so it names no row by them; the table's key is "
            f"{what} (declared UNIQUE, else found in the data)"
        )
    # Another key a reference found in the data may name (parent_keys.keys_referable).
    profiled.unique_alone = tuple(name for name in alone if name not in profiled.key)
    if declared is not None and not profiled.key and (chance := chance_key(profiled)) is not None:
        # So does a column distinct on a few rows by chance: no parent either (parent_keys.py).
        profiled.key_part_of = declared_with_others(declared, [chance])
    if declared is not None and profiled.key_found == "data_unique":
        # A key found in the data that the schema makes unique only with other columns names this
        # file's rows, but no row another table's column could point to (references.py).
        profiled.key_part_of = declared_with_others(declared, profiled.key)
        if profiled.key_part_of is not None:
            profiled[profiled.key[0]].notes.append(
                f"unique in the data, but the schema declares it UNIQUE ({', '.join(profiled.key_part_of)}) "
                "only with other columns: the table's key here, no parent of references inferred from "
                "the data"
            )
    tokens = list(settings.null_tokens)
    if naming is not None:
        # A declared key whose distinct values cleaning would merge (or null) keeps them as written.
        # On a sample too: the columns' figures are the sample's, the comparison reads every row.
        for name, reason in merged_key_columns(src, profiled, tokens).items():
            keep_as_written(profiled[name], reason.why, values_kept=reason.values_kept)
    elif sample is None and (merged := key_merged_by_cleaning(src, profiled, tokens)):
        # Distinct on every row as written, not once cleaned: no key, and the operator is told why.
        name, why = merged
        profiled[name].notes.append(
            f"distinct on every row as written, but no key of the table: {why} (a key declared in the "
            "export is loaded as written)"
        )
    if declared is not None:
        # So does each other declared key (a UNIQUE code beside the rowid key): its values are distinct
        # as written too, and a foreign key may name them. A value made NULL counts only where the
        # schema says every row has one (NOT NULL): else a NULL is a state the column may hold (a
        # blank e-mail of a UNIQUE e-mail column), and the documented rules apply as before.
        required = {column.name for column in src.table(table).columns if column.not_null}
        for columns in (declared.columns, *declared.others):
            if naming is not None and columns == naming.columns:
                continue
            alternate = replace(profiled, key=list(columns))
            nulls = all(name in required for name in columns)
            for name, reason in merged_key_columns(src, alternate, tokens, nulls=nulls).items():
                keep_as_written(profiled[name], reason.why, values_kept=reason.values_kept)
    return profiled, kept


def _long_cells_apart(src: Source, table: str, sample: int | None) -> bool:
    """Whether ``table``'s long cells can be read apart (:mod:`.long_cells`): not on a sample (its
    reservoir draws whole rows), and only by rowid."""
    return sample is None and src.table(table).rowid is not None


def _drop_kept(src: Source, keep: str) -> None:
    """Drop the tables of counted cells and kept values named after ``keep`` (a failed attempt's)."""
    src.connection.execute(f"DROP VIEW IF EXISTS {quote_ident(keep)}")
    found = src.connection.execute(
        "SELECT table_name FROM duckdb_tables() WHERE table_name = $1 OR starts_with(table_name, $1 || '_')",
        [keep],
    ).fetchall()
    for (name,) in found:
        src.connection.execute(f"DROP TABLE IF EXISTS {quote_ident(name)}")


def _work(table: SourceTable) -> int:
    return table.estimated_rows * max(1, len(table.columns))


def _parts(table: SourceTable, threads: int) -> int:
    """Rowid ranges to read ``table`` as: one per ``ROWS_PER_PART`` rows, at most one per thread."""
    return max(1, min(threads, table.estimated_rows // ROWS_PER_PART))


def profile(
    source: str | Path,
    tables: list[str] | None = None,
    sample: int | None = None,
    *,
    settings: Settings | None = None,
) -> Profile:
    """Profile ``tables`` (default: all) of the SQLite export at ``source``.

    Every row is read unless ``sample`` asks for a repeatable reservoir sample of that many rows per
    table. Returns a :class:`Profile` with per-column types, counts, issues, quality scores and the
    circuit breaker's verdict (``profile.gate``). The source is opened read-only. A cell over
    ``max_cell_size`` is refused first (:class:`~columnar_etl.errors.CellTooLarge`, exit 3; not
    measured again when this process found the same file free of one: a run's preflight).
    """
    settings = settings or load_settings()
    log = get_logger(stage="profile")
    started = time.perf_counter()
    with open_source(source, settings.source_encoding_fallback) as src:
        src.limit_memory(settings.profile_memory_limit)
        # An unknown table fails before any work; `tick` is the export's `Tick`, as SQLite reads it.
        names = resolve_tables(tables, src.tables, path=src.path) if tables is not None else list(src.tables)
        not_profiled = [name for name in src.tables if name not in names]
        # Cells too large to move are refused before any is read (see .cell_sizes).
        refuse_large_cells(src, names, settings.max_cell_size)
        limit = memory_bytes(settings.profile_memory_limit)
        records = records_over(src, read_bytes(limit))
        # A table holding a row of more than a read of long cells (read_bytes: 8 MB at 256 MB) has its
        # long cells read apart from the start (see .long_cells), alone: read the usual way, one vector
        # held that row whole, with its copies, in memory DuckDB's limit does not count, and ran out of
        # memory three times before it got there (5 rows of 15 MB TEXT + 15 MB BLOB: 1.67 GB of RSS,
        # exit 1; 8 MB + 8 MB passed at 999 MB).
        long_rows = [
            name
            for name in names
            if records
            and records.get(src.renamed.export_table(name), 0) > read_bytes(limit)
            and _long_cells_apart(src, name, sample)
        ]
        # One query per table. The tables run side by side, one cursor each, biggest first. Each
        # query gets the cores left per table (one, when there are more tables than cores: a
        # parallel aggregate costs more CPU than it saves here), and a big table is then read as
        # that many rowid ranges, so its scan runs on all of them too. A table too big to share
        # profile_memory_limit (see ALONE_BYTES_PER_CELL) is profiled first, alone, with every core.
        cores = os.cpu_count() or 1
        order = sorted(names, key=lambda name: _work(src.table(name)), reverse=True)
        declared = keys_as_read(src, names)
        most = limit // ALONE_BYTES_PER_CELL
        alone = [
            name for name in order if name in long_rows or (sample is None and _work(src.table(name)) > most)
        ]
        together = [name for name in order if name not in alone]
        threads = max(1, cores // max(1, len(together)))
        src.attachments(cores if alone else threads)
        # Small tables' text queries run as one (planning it is most of what profiling one costs).
        batch = (
            [
                name
                for name in together
                if counted_in_batch(src.table(name).estimated_rows, len(src.table(name).columns))
            ]
            if sample is None
            else []
        )
        batch = batch if len(batch) > 1 else []
        # Fewer big tables than cores (one big table beside small ones, each on one thread): a core
        # would idle while the biggest is read, so its text columns are read as groups (_text_groups).
        # With as many as cores, both are busy anyway, and the groups' extra reads cost CPU (the wide
        # export, 10 interleaved fresh processes: 3.08 -> 3.30 s of CPU, no faster).
        grouped = len(together) - len(batch) < cores

        def one(
            name: str, threads: int, whole: bool = False, long: bool = False
        ) -> tuple[TableProfile, KeptValues | None]:
            parts = _parts(src.table(name), threads)
            keep = f"{KEPT_PREFIX}{order.index(name)}"
            key = declared.get(name)
            # A query on one thread each, side by side, and a core to spare: the table's text columns
            # as groups on threads of their own (see _text_groups).
            split = TEXT_GROUPS if threads == 1 and grouped and not whole else 1
            return _run_steps(
                _keyed_steps(
                    src,
                    name,
                    settings,
                    sample,
                    parts,
                    key,
                    keep,
                    typed=True,
                    whole=whole,
                    split=split,
                    long=long,
                )
            )

        def by_itself(name: str) -> tuple[TableProfile, KeptValues | None]:
            # Alone, with the whole limit and every core; out of memory even so, once more with one
            # thread: DuckDB's aggregates hold a hash table per thread, and at 40x the wide export's
            # timesheets ran out of 256 MB with two now and then (at random, early in the table).
            # Typed only where the typed scan reads every column (see profile_table's ``whole``).
            if name in long_rows:
                src.connection.execute("SET threads = 1")
                return one(name, 1, whole=True, long=True)
            src.connection.execute(f"SET threads = {cores}")
            try:
                return one(name, cores, whole=True)
            except SourceError as exc:
                if cores == 1 or not isinstance(exc.__cause__, duckdb.OutOfMemoryException):
                    raise
            log.info("profiling again with one thread", table=name)
            _drop_kept(src, f"{KEPT_PREFIX}{order.index(name)}")  # what the failed attempt left
            src.connection.execute("SET threads = 1")
            try:
                return one(name, 1, whole=True)
            except SourceError as exc:
                if not isinstance(exc.__cause__, duckdb.OutOfMemoryException) or not _long_cells_apart(
                    src, name, sample
                ):
                    raise
            # A vector of 2,048 rows of long text (and its copies) can outgrow the limit by itself:
            # its long cells are read apart, a few at a time (see .long_cells).
            log.info("profiling again, long cells apart", table=name)
            _drop_kept(src, f"{KEPT_PREFIX}{order.index(name)}")
            return one(name, 1, whole=True, long=True)

        results: dict[str, tuple[TableProfile, KeptValues | None]] = {}
        if alone:
            log.info("profiling alone", tables=alone)
            for name in alone:
                results[name] = by_itself(name)
            # What their aggregates held stays with DuckDB, up to the cap, though idle: the tables
            # side by side would stack their own on top (the wide export at 40x: the profile's process
            # peaked at 538-605 MB; with this and the release before the references' query, 423 MB).
            src.release_memory()
        src.connection.execute(f"SET threads = {threads}")
        short_of_memory: list[str] = []
        with ThreadPoolExecutor(max_workers=cores) as pool:
            # Side by side, a table's INTEGER columns come from the typed scan; a table alone, or again
            # alone after running out of memory, is read all as text unless the typed scan reads all
            # of it (see profile_table: its memory use at 40x is known).
            futures = {name: pool.submit(one, name, threads) for name in together if name not in batch}
            if batch:
                steps = {
                    name: _keyed_steps(
                        src,
                        name,
                        settings,
                        sample,
                        _parts(src.table(name), threads),
                        declared.get(name),
                        f"{KEPT_PREFIX}{order.index(name)}",
                        # All as text: a typed scan of a small table is a query of its own (its
                        # planning most of its cost), where its text joins the one batched query
                        # (200 tables of 50 rows: the profile 4.7 -> 3.3 s of CPU; same profiles).
                        typed=False,
                        batched=True,
                    )
                    for name in batch
                }
                batched, failed = _profile_batched(src, settings, pool, steps)
                results.update(batched)
                short_of_memory += failed
            for name in futures:
                try:
                    results[name] = futures[name].result()
                except SourceError as exc:
                    if not isinstance(exc.__cause__, duckdb.OutOfMemoryException):
                        raise
                    short_of_memory.append(name)
        if short_of_memory:
            # Side by side, the tables share profile_memory_limit: a table that ran out of it is
            # profiled again alone, with the whole limit and every core (a second failure is final).
            log.info("profiling again alone", tables=short_of_memory)
            src.attachments(cores)
            for name in short_of_memory:
                _drop_kept(src, f"{KEPT_PREFIX}{order.index(name)}")
                results[name] = by_itself(name)
        profiled = {name: results[name][0] for name in names}  # in the export's order
        read_as_the_export_proves(profiled, settings.date_order_default)
        commas_as_the_export_proves(profiled)
        points_as_the_export_proves(profiled)
        empty_moments_as_the_export_writes(profiled)
        empty_epochs_as_the_table_writes(profiled)
        kept = {name: values for name, (_, values) in results.items() if values is not None}
        # References need every table's key and figures: declared ones, else inferred from the data.
        # Their one query counts every kept value: DuckDB first hands back what the tables' queries
        # left idle (see the release after the tables alone, above).
        src.release_memory()
        # Their queries span tables: an error of theirs names none (out of memory too is one line).
        with _query_errors(src, None, settings, "profiling the references between tables"):
            declared_here = references_as_read(src, names)
            dangling = dangling_as_read(src, names)
            # A foreign key naming a table the file lacks (SQLite's rename rewrites a clause to a table
            # then dropped) is no reference, but the export declares its references all the same.
            find_references(
                src,
                profiled,
                declared_here,
                kept,
                declares=bool(declared_here or dangling),
                by_rowid=rowids_as_read(src, names),
                null_tokens=list(settings.null_tokens),
            )
            say_rowid_carried(src, profiled)
            say_dangling_declarations(src, profiled, dangling)
            say_joined_by_cleaning(src, profiled, declared_here, list(settings.null_tokens))
        not_null = {name: {c.name for c in src.table(name).columns if c.not_null} for name in profiled}
        blank_default = {
            name: {c.name for c in src.table(name).columns if declares_blank_default(c.default)}
            for name in profiled
        }
        # A JSON column's own `null` is no second way beside the table's blanks: marked first.
        tokens_kept_in_keys(profiled, not_null)
        tokens_as_unfilled_columns(profiled)
        json_nulls_as_missing(profiled, src.scans.json_documents)
        blanks_as_the_table_writes_missing(
            profiled,
            not_null,
            blank_default,
            unique_members(src.indexes),
            columns_added_later(src, profiled, unique_members(src.indexes)),
        )
        internal, unreadable, views = dict(src.internal), dict(src.unreadable), dict(src.views)
        full_text = dict(src.full_text)
        unreadable_columns = {name: dict(why) for name, why in src.unreadable_columns.items()}
        indexes, triggers = indexes_not_copied(src.indexes, profiled), triggers_not_copied(src.triggers)
        dropped, renamed = src.dropped_for_reader, src.renamed.records()
        rebuilt = {name: why for name, why in src.rebuilt_for_reader.items() if name in profiled}
    if internal:
        log.info("virtual tables' storage left out", tables=sorted(internal))
    if unreadable:
        log.warning("tables left out: SQLite here cannot read them", tables=unreadable)
    if unreadable_columns:
        log.warning("generated columns left out: SQLite here cannot compute them", columns=unreadable_columns)
    if full_text:
        log.info("full-text indexes not loaded: their documents load", indexes=sorted(full_text))
    if views:
        log.info("views not loaded: their rows are their tables'", views=sorted(views))
    if indexes or triggers:
        log.info("indexes and triggers not copied", indexes=sorted(indexes), triggers=sorted(triggers))
    if dropped:
        log.info("read through a private copy without objects the reader cannot parse", dropped=dropped)
    if rebuilt:
        log.info("read through a private copy without the collation of their key", tables=sorted(rebuilt))
    if renamed:
        log.info("names the readers cannot take: read and loaded under another name", renamed=renamed)
    quality = score_profile(profiled)
    result = Profile(
        source=Path(source),
        tables=profiled,
        quality=quality,
        gate=evaluate_gate(profiled, quality, settings),
        settings={
            "null_tokens": list(settings.null_tokens),
            "date_order_default": settings.date_order_default,
            "min_quality": settings.min_quality,
            "halt_quality": settings.halt_quality,
            "halt_type_mismatch_share": settings.halt_type_mismatch_share,
            "halt_corrupt_date_share": settings.halt_corrupt_date_share,
        },
        seconds=time.perf_counter() - started,
        sample=sample,
        internal_tables=internal,
        unreadable_tables=unreadable,
        full_text_not_loaded=full_text,
        unreadable_columns=unreadable_columns,
        views_not_loaded=views,
        indexes_not_copied=indexes,
        triggers_not_copied=triggers,
        dropped_for_reader=dropped,
        rebuilt_for_reader=rebuilt,
        renamed_for_reader=renamed,
        not_profiled=not_profiled,
    )
    log.info("profiled", tables=len(profiled), quality=round(quality, 2), gate=result.gate.status)
    return result
