"""Stages chained into runs. For now: the raw copy (every table as text, no profiling or cleaning).

The raw copy is the floor every later stage is measured against (benchmarks/), and what ``just demo``
shows until the full ``run`` lands: DuckDB reads the export, Arrow batches stream into ADBC COPY, all
tables in one transaction, in which the target's row counts are read back and compared with the
source's before it commits.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from columnar_etl.config import Settings, load_settings
from columnar_etl.errors import ConfigError, LoadError, raise_if_interrupted
from columnar_etl.loading import ledger
from columnar_etl.loading.adbc import CopyResult, copy_tables, renamed
from columnar_etl.loading.schemas import check_tablespace, lock_schema_tables
from columnar_etl.observability.logs import get_logger
from columnar_etl.pg.column_names import column_mapping
from columnar_etl.pg.connect import transaction
from columnar_etl.pg.identifiers import qualified, short_identifiers
from columnar_etl.profiling.cell_sizes import refuse_large_cells
from columnar_etl.source.cells import ColumnRead
from columnar_etl.source.export import Source, open_source


@dataclass
class RawCopyResult:
    """Outcome of :func:`copy_raw`: per table, rows in the source and rows found in the target."""

    source: Path
    schema: str
    source_rows: dict[str, int]
    target_rows: dict[str, int]
    copy: CopyResult
    seconds: float
    tables: list[str] = field(default_factory=list)
    #: Tables and columns copied under another name than the export's, the readers not taking it
    #: (:meth:`~columnar_etl.source.reader_names.ReaderNames.records`).
    renamed_for_reader: list[dict[str, str | None]] = field(default_factory=list)
    #: True from the moment the copy's transaction committed.
    committed: bool = False

    @property
    def matches(self) -> bool:
        """True when every table has as many rows in the target as in the source."""
        return self.source_rows == self.target_rows

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "source": str(self.source),
            "schema": self.schema,
            "tables": [
                {
                    "table": name,
                    "source_rows": self.source_rows[name],
                    "target_rows": self.target_rows.get(name),
                }
                for name in self.tables
            ],
            "matches": self.matches,
            "copy": self.copy.to_dict(),
            "seconds": round(self.seconds, 4),
            "renamed_for_reader": [dict(record) for record in self.renamed_for_reader],
        }


def copy_raw(
    source: str | Path,
    target_uri: str,
    *,
    schema: str = "demo_raw",
    tables: list[str] | None = None,
    batch_size: int = 65_536,
    settings: Settings | None = None,
    before_commit: Callable[[RawCopyResult], None] | None = None,
) -> RawCopyResult:
    """Copy tables of the export, every column as text, into ``schema`` (replaced) in one transaction.

    A raw copy cleans nothing, so it cannot mask: with a ``mask`` among ``settings.columns`` it is a
    :class:`ConfigError` before anything is read or connected (it copied the raw values of masked
    columns into the target).

    Values are copied as they are, except NUL bytes, which PostgreSQL text cannot hold: they are removed.
    Columns declared BLOB are copied as bytes (bytea): binary is not text, and decoding it as text
    would be slow and lossy.

    A cell over ``max_cell_size`` (of ``settings``, default the loaded ones) is refused before any is
    read (:class:`~columnar_etl.errors.CellTooLarge`, exit 3), as by every command.

    Raises :class:`LoadError` when the target's row counts differ from the source's: counted before
    the commit, so the copy is rolled back then (the schema as it was before). ``before_commit`` is
    called with the result just before the commit (what it raises rolls the copy back); the result's
    ``committed`` turns true the moment the commit returned.
    """
    masked = settings.masked_columns() if settings is not None else []
    if masked:
        raise ConfigError(
            f"copy-raw copies every value as the export holds it, and {len(masked)} column"
            f"{'s are' if len(masked) > 1 else ' is'} masked ({', '.join(masked[:5])}"
            f"{', …' if len(masked) > 5 else ''}): nothing copied",
            hint="`run` or `load` apply the masks; or take the mask settings out for an export without "
            "personal data",
        )
    log = get_logger(stage="copy_raw", schema=schema)
    started = time.perf_counter()
    log.info("copy started", source=str(source))
    with open_source(source) as src:
        names = tables if tables is not None else list(src.tables)
        # A cell too large to move is refused before any is read, as by every command (exit 3).
        refuse_large_cells(src, names, (settings or load_settings()).max_cell_size)
        source_rows = {name: src.table(name).row_count for name in names}
        read_as = src.renamed.records()
        # Named as `run` names them: past 63 bytes shortened, system column names (xmin …) suffixed.
        targets = short_identifiers(names)
        readers = {}
        for name in names:
            reader = _read_raw(src, name, batch_size)
            readers[targets[name]] = renamed(reader, column_mapping(reader.schema.names, "export"))
        # The target's counts are read in the COPY's own transaction, before its commit: a count that
        # differs rolls the whole copy back (the schema as it was, or absent), nothing changed.
        made: list[RawCopyResult] = []

        def committed() -> None:  # first thing after the commit: an interrupt from here finds it done
            for result in made:
                result.committed = True

        with transaction(target_uri, committed=committed) as conn:
            _refuse_a_managed_schema(conn, schema)
            _check_tablespace(conn)
            # Its readers are waited for as a prune waits for a version's: never without end.
            _wait_for_readers(conn, schema, (settings or load_settings()).target_lock_wait)
            copy = copy_tables(conn, schema, readers, replace_schema=True)
            counted = count_rows(conn, schema, list(readers))
            target_rows = {name: counted[targets[name]] for name in names}
            wrong = next((name for name in names if source_rows[name] != target_rows.get(name)), None)
            if wrong is not None:
                raise LoadError(
                    f"row count differs after COPY: source {source_rows[wrong]}, target "
                    f"{target_rows.get(wrong)}; rolled back, nothing changed",
                    table=wrong,
                    hint="something on the target changed the rows the COPY wrote (a trigger, a rule), "
                    "or the export changed while it was read",
                )
            result = RawCopyResult(
                source=Path(source),
                schema=schema,
                source_rows=source_rows,
                target_rows=target_rows,
                copy=copy,
                seconds=time.perf_counter() - started,
                tables=names,
                renamed_for_reader=read_as,
            )
            made.append(result)
            if before_commit is not None:
                before_commit(result)
            raise_if_interrupted()  # an interrupt whose own raise was lost: the schema stays as it was
    log.info("copy finished", rows=copy.total_rows, seconds=round(result.seconds, 3), matches=result.matches)
    return result


def _refuse_a_managed_schema(conn: Any, schema: str) -> None:
    """:class:`LoadError` before anything changes when ``schema`` is a system schema or one columnar_etl
    manages: the copy replaces its schema (DROP ... CASCADE), which would take the dashboards' views,
    a version or the ledger with it while the ledger still named them."""
    why = "a system schema" if schema.startswith("pg_") or schema == "information_schema" else None
    if why is None:
        cursor = conn.cursor()
        try:
            why = ledger.managed_schema(cursor, schema)
        finally:
            cursor.close()
    if why is not None:
        raise LoadError(
            f"schema {schema!r} is {why}; copy-raw replaces its schema, so it never takes that one: "
            "nothing changed",
            hint="choose another --schema (the default is demo_raw)",
        )


def _check_tablespace(conn: Any) -> None:
    cursor = conn.cursor()
    try:
        check_tablespace(cursor)
    finally:
        cursor.close()


def _wait_for_readers(conn: Any, schema: str, wait_seconds: float) -> None:
    cursor = conn.cursor()
    try:
        lock_schema_tables(cursor, schema, wait_seconds=wait_seconds)
    finally:
        cursor.close()


def _read_raw(src: Source, table: str, batch_size: int) -> pa.RecordBatchReader:
    """Every column of ``table`` as text, except BLOB-declared ones, as bytes."""
    reads = [
        ColumnRead(column.name, as_bytes="BLOB" in column.declared_type.upper())
        for column in src.table(table).columns
    ]
    return src.read_batches(table, batch_size=batch_size, reads=reads, strip_nul=True)


def count_rows(conn: Any, schema: str, tables: list[str]) -> dict[str, int]:
    """``count(*)`` of each ``schema.table`` on ``conn`` (in its transaction, if one is open)."""
    cursor = conn.cursor()
    try:
        counts: dict[str, int] = {}
        for name in tables:
            cursor.execute(f"SELECT count(*) FROM {qualified(schema, name)}")
            row = cursor.fetchone()
            counts[name] = int(row[0]) if row else 0
        return counts
    finally:
        cursor.close()
