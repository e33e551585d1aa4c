"""Gate 3: load typed Arrow tables into a version schema and (maybe) cut over, as one transaction.

- ``simple``: load a version, validate it, run the dashboard templates, re-point ``<base>.*`` to it
  and record it live — all in ONE transaction, so the target either has the new live version or is
  exactly as before.
- ``blue-green``: the same without the cutover: the version sits beside the live one, validated, until
  ``cutover`` (:mod:`columnar_etl.loading.versions`).
- ``canary``: a deterministic sample (``canary_fraction`` of each table by row key, at least one row)
  goes through the same steps in ``<base>_canary`` inside a transaction that is rolled back; only the
  ledger row and the report remain.

Primary keys and indexes are built after the COPY (faster than maintaining them row by row).
Anything that fails or refuses rolls the whole transaction back; the failed run is then recorded in a
small transaction of its own.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from columnar_etl.config import (
    MODES,
    ColumnNames,
    Mode,
    Settings,
    check_min_quality,
    load_settings,
    mask_uri,
)
from columnar_etl.errors import EtlError, LoadError, TargetError, failure_outcome, raise_if_interrupted
from columnar_etl.loading import ledger
from columnar_etl.loading.adbc import ArrowData, copy_tables
from columnar_etl.loading.base_views import point_views
from columnar_etl.loading.dashboard import check_templates, load_templates, renames_for
from columnar_etl.loading.drift import check_drift, snapshot, snapshot_of_schema
from columnar_etl.loading.result import LoadRefused, LoadResult
from columnar_etl.loading.schemas import (
    canary_schema_name,
    check_base,
    check_readers,
    check_tablespace,
    drop_schema,
    execute,
    fetch_all,
    grant_readers,
    lock_base,
    new_version_schema,
    schema_exists,
    table_columns,
)
from columnar_etl.loading.streams import TableStream, prepare_streams
from columnar_etl.loading.validate import (
    TableStats,
    ValidationReport,
    check_types,
    compare,
    quality_checks,
    target_queries,
)
from columnar_etl.loading.versions import backup_live
from columnar_etl.observability.logs import get_logger, new_run_id
from columnar_etl.pg.connect import commit, connect, rollback_quietly
from columnar_etl.pg.identifiers import qualified, quote_ident, short_identifier, short_identifiers
from columnar_etl.pg.server_errors import first_line, server_message


def load_tables(
    tables: Mapping[str, ArrowData],
    target_uri: str,
    *,
    mode: Mode = "simple",
    base: str = "servicedesk",
    keys: Mapping[str, list[str]] | None = None,
    key_blockers: Mapping[str, str] | None = None,
    references: Mapping[str, list[str]] | None = None,
    quality_before: float | None = None,
    quality_after: float | Callable[[], float] | None = None,
    quality_judged: Callable[[], float] | None = None,
    min_quality: float | None = None,
    column_names: ColumnNames = "export",
    named: Mapping[str, Mapping[str, str]] | None = None,
    strict_drift: bool = False,
    run_id: str | None = None,
    started: datetime | None = None,
    source_path: str | None = None,
    source_checksum: str | None = None,
    skip_if_loaded: bool = False,
    before_commit: Callable[[LoadResult], None] | None = None,
    settings: Settings | None = None,
) -> LoadResult:
    """Load typed Arrow ``tables`` into a new version of ``base`` on ``target_uri`` (see module doc).

    ``keys`` names each table's key columns (export names): its primary key and the canary's sampling
    key; by default the first column when it is an integer named like an id. ``key_blockers`` says, per
    table, why its key cannot be a primary key (NULLs, duplicates: ``keys.load_keys`` from the profile):
    such a key gets a plain index and a warning. A primary key PostgreSQL refuses anyway (values the
    cleaning made equal) is rolled back to a savepoint and replaced the same way: a key the tool chose
    never fails a load after its COPY. ``references`` names the
    columns to index (default: the other integer columns named like an id). ``named``: per table, each
    export column's name in ``tables`` when the plan renamed it already (``column_names = "snake"``),
    so that the version's record maps the export's names, not the plan's, to the target's.
    ``quality_before`` /
    ``quality_after`` are the profile's and the cleaned data's scores: after must not be below before,
    and the score of what is loaded must reach ``min_quality`` (default: ``settings.min_quality``).
    ``quality_after`` may be a function, called once every table was copied: the score measured on
    the batches as the cleaner streamed them (:func:`columnar_etl.cleaning.quality.score_cleaned`).
    ``quality_judged``, called after it, is the figure ``quality_not_worse`` compares with the
    profile's (:func:`columnar_etl.cleaning.quality.score_judged`: what the operator's overrides
    quarantined is not held against cleaning); without it, the quality after.

    ``skip_if_loaded`` (with ``source_checksum``): once the base's load lock is held, a version loaded
    from the same source and still there, live or not (a blue-green load never cut over, a concurrent
    run of the same file), means there is nothing to do: status ``already_loaded``, nothing written.
    ``before_commit`` is called with the result after every check passed and before the commit:
    whatever it raises rolls the load back (the caller writes its files there, so a full disk cannot
    fail a committed load).

    Raises :class:`~columnar_etl.loading.result.LoadRefused` (a :class:`LoadError`, with ``.result``) when
    a check, a dashboard template, the quality gate or strict drift refuses the version;
    :class:`LoadError` when PostgreSQL rejects the data or the connection is lost;
    :class:`~columnar_etl.errors.TargetError` when the target cannot be reached; the error of a table's
    batches themselves (an iterator that raised while cleaning or reading) as it was raised. In every
    case nothing live has changed and no version schema is left behind.
    """
    check_min_quality(min_quality)
    settings = settings or load_settings()
    measure_after = quality_after if callable(quality_after) else None
    quality_after = None if callable(quality_after) else quality_after
    if mode not in MODES:
        raise LoadError(f"unknown load mode {mode!r}", hint=f"use one of {', '.join(MODES)}")
    check_base(base)
    if not tables:
        raise LoadError(
            "nothing to load: no tables given", hint="columnar-etl tables SOURCE lists the export's tables"
        )
    run = ledger.RunRecord(
        run_id=run_id or new_run_id(),
        base=base,
        mode=mode,
        status="running",
        started=started or datetime.now(UTC),
        finished=datetime.now(UTC),
        source_path=source_path,
        source_checksum=source_checksum,
        quality_before=quality_before,
        quality_after=quality_after,
        config_hash=ledger.config_hash(settings),
        tool_version=ledger.tool_version(),
    )
    result = LoadResult(
        run_id=run.run_id,
        mode=mode,
        base=base,
        schema="",
        status="running",
        target=mask_uri(target_uri),
        quality_before=quality_before,
        quality_after=quality_after,
        min_quality=min_quality if min_quality is not None else settings.min_quality,
    )
    # Tables named longer than PostgreSQL keeps get their short form from here on (recorded).
    table_names = short_identifiers(tables)
    result.table_names = {table: name for table, name in table_names.items() if table != name}
    if result.table_names:
        tables = {table_names[table]: data for table, data in tables.items()}
        keys = {table_names.get(t, t): columns for t, columns in keys.items()} if keys else keys
        if references:
            references = {table_names.get(t, t): columns for t, columns in references.items()}
    log = get_logger(stage="load", run_id=run.run_id, mode=mode, base=base)
    log.info("load started", target=target_uri, tables=list(tables))
    tick = time.perf_counter()
    try:
        if mode == "simple" and settings.backup_before_cutover:
            result.backup = backup_live(target_uri, base, settings)
        result.key_indexes = dict(key_blockers or {})
        _load(
            tables,
            target_uri,
            result,
            run,
            keys,
            references,
            column_names,
            strict_drift,
            settings,
            measure_after=measure_after,
            quality_judged=quality_judged,
            skip_if_loaded=skip_if_loaded,
            before_commit=before_commit,
            named=named,
        )
    except Exception as exc:
        # A load its checks refused (exit 3) is halted, as its run.json says.
        run.status = failure_outcome(exc)
        run.finished = datetime.now(UTC)
        run.error = exc.one_line() if isinstance(exc, EtlError) else f"{type(exc).__name__}: {exc}"
        run.version_schema = result.schema or None
        run.rows = dict(result.rows)
        run.report = result.to_dict() if isinstance(exc, LoadRefused) else None
        if not isinstance(exc, TargetError):  # an unreachable target cannot take the record either
            ledger.record_run(target_uri, run)
        # info, not warning: the caller reports the error itself (the CLI in one line on stderr).
        log.info("load failed", error=run.error)
        raise
    result.seconds["total"] = time.perf_counter() - tick
    if result.status == "already_loaded":
        log.info("already loaded", version=result.already_loaded)
        return result
    if mode == "canary":
        # The canary's transaction was rolled back; its ledger row is all that stays.
        run.status, run.finished, run.rows = "succeeded", datetime.now(UTC), dict(result.rows)
        run.version_schema, run.report = result.schema, result.to_dict()
        result.ledger_row_lost = not ledger.record_run(target_uri, run)
    log.info("load finished", schema=result.schema, status=result.status, rows=result.total_rows)
    return result


def _load(
    tables: Mapping[str, ArrowData],
    uri: str,
    result: LoadResult,
    run: ledger.RunRecord,
    keys: Mapping[str, list[str]] | None,
    references: Mapping[str, list[str]] | None,
    column_style: ColumnNames,
    strict_drift: bool,
    settings: Settings,
    *,
    measure_after: Callable[[], float] | None = None,
    quality_judged: Callable[[], float] | None = None,
    skip_if_loaded: bool = False,
    before_commit: Callable[[LoadResult], None] | None = None,
    named: Mapping[str, Mapping[str, str]] | None = None,
) -> None:
    """Everything between BEGIN and COMMIT (ROLLBACK for a canary); fills ``result`` as it goes."""
    import adbc_driver_manager

    fraction = settings.canary_fraction if result.mode == "canary" else None
    # First: the first table's read-ahead (reading, cleaning, its figures; at most read_ahead_bytes)
    # starts now, beside the connect, the lock, the ledger and the version schema. A load that stops
    # before its COPY closes it (a clean stream discards the audit of what it had cleaned).
    with _read_ahead(tables, keys, references, column_style, fraction, settings) as streams:
        conn = connect(uri, autocommit=False)
        try:
            cursor = conn.cursor()
            try:
                _load_version(
                    uri,
                    conn,
                    cursor,
                    streams,
                    result,
                    run,
                    column_style,
                    strict_drift,
                    settings,
                    measure_after=measure_after,
                    quality_judged=quality_judged,
                    skip_if_loaded=skip_if_loaded,
                    named=named,
                )
            finally:
                cursor.close()
            raise_if_interrupted()  # an interrupt whose own raise Python dropped (see raise_if_interrupted)
            if before_commit is not None and result.status != "already_loaded":
                before_commit(result)
            tick = time.perf_counter()
            if result.mode == "canary" or result.status == "already_loaded":
                conn.rollback()
            else:
                raise_if_interrupted()

                def committed() -> None:  # first thing after the commit, also when an interrupt arrived
                    # during it (see pg.connect.commit): from here on an interrupt finds the version live
                    result.committed = True
                    result.committed_at = time.time()

                try:
                    commit(conn, committed)
                except adbc_driver_manager.Error as exc:
                    raise LoadError(
                        f"commit of {result.schema} failed: {server_message(exc) or first_line(exc)}",
                        hint="nothing was committed; run again",
                    ) from exc
            result.seconds["commit"] = time.perf_counter() - tick
        except BaseException:
            rollback_quietly(conn)
            raise
        finally:
            conn.close()


@contextmanager
def _read_ahead(
    tables: Mapping[str, ArrowData],
    keys: Mapping[str, list[str]] | None,
    references: Mapping[str, list[str]] | None,
    column_style: ColumnNames,
    fraction: float | None,
    settings: Settings,
) -> Iterator[dict[str, TableStream]]:
    """The tables' streams, read ahead (see :func:`prepare_streams`); their producers stopped after."""
    streams = prepare_streams(
        tables, keys or {}, references, column_style, fraction, read_ahead_bytes=settings.read_ahead_bytes
    )
    try:
        yield streams
    finally:
        for stream in streams.values():
            stream.prefetcher.close()


def _export_names(
    streams: Mapping[str, TableStream], named: Mapping[str, Mapping[str, str]]
) -> dict[str, dict[str, str]]:
    """Per table, each export column's name → its name in the target: the plan's renaming (``named``,
    when it made the names already) followed by the stream's."""
    return {
        table: {
            export: stream.mapping[given] for export, given in named[table].items() if given in stream.mapping
        }
        if table in named
        else dict(stream.mapping)
        for table, stream in streams.items()
    }


def _load_version(
    uri: str,
    conn: Any,
    cursor: Any,
    streams: dict[str, TableStream],
    result: LoadResult,
    run: ledger.RunRecord,
    column_style: ColumnNames,
    strict_drift: bool,
    settings: Settings,
    *,
    measure_after: Callable[[], float] | None = None,
    quality_judged: Callable[[], float] | None = None,
    skip_if_loaded: bool = False,
    named: Mapping[str, Mapping[str, str]] | None = None,
) -> None:
    mode, base, seconds = result.mode, result.base, result.seconds
    # First of all, before the ledger or a version schema exists: a missing reader role would
    # otherwise fail the GRANT after the whole COPY.
    check_readers(cursor, settings.readers)
    check_tablespace(cursor)
    lock_base(cursor, base, views=False, wait_seconds=settings.target_lock_wait)
    if not ledger.exists(cursor):
        # In this transaction, not one of its own: a role limited to one connection (a service account)
        # could open no second one beside this, and failed its first load into a database. The ledger
        # commits with the version; a load rolled back (a canary, a failure) leaves none, and the record
        # of its run makes it again (ledger.record_run).
        ledger.ensure_ledger_in(cursor)
    live = ledger.live_version(cursor, base)
    result.live_before = result.live_after = live["schema_name"] if live else None
    if skip_if_loaded and run.source_checksum and mode != "canary":
        # Under the lock, so two runs of one file started together load it once.
        same = ledger.loaded_from(cursor, base, run.source_checksum)
        if same is not None:
            result.status, result.already_loaded = "already_loaded", same[0]
            return
    if mode == "canary":
        result.schema = canary_schema_name(base)
        drop_schema(cursor, result.schema)  # a stray one from elsewhere; this transaction rolls back anyway
    else:
        result.schema = new_version_schema(cursor, base)
    schema = result.schema

    mappings = _export_names(streams, named or {})
    renamed = any(old != new for mapping in mappings.values() for old, new in mapping.items())
    if column_style != "export" or renamed:
        result.column_names = mappings
    result.stats = {table: stream.stats for table, stream in streams.items()}
    report = ValidationReport()
    ((encoding,),) = fetch_all(cursor, "SELECT current_setting('server_encoding')")
    # Index names, chosen among every relation the version will hold: PostgreSQL's own choice for an
    # unnamed index avoids only the relations that exist when it is built, so t's t_pkey took the name
    # of a later table "t_pkey" and that table's CREATE failed.
    relations = set(streams)
    # Table by table: while PostgreSQL builds one table's indexes and checks its figures, the next
    # table is already being read ahead (see Prefetcher; the caller's _read_ahead stops it after).
    for number, (table, stream) in enumerate(streams.items()):
        with _timed(seconds, "copy"):
            try:
                copied = copy_tables(conn, schema, {table: stream.reader}, create_schema=number == 0)
            except LoadError:
                # The COPY failed because its batches could not be made (cleaning, reading the
                # source): that error is the one to report, not the driver's wrapping of it.
                if stream.prefetcher.error is not None:
                    raise stream.prefetcher.error from None
                raise
            result.rows[table] = copied.rows[table]
        with _timed(seconds, "indexes"):
            _build_indexes(
                cursor, schema, table, stream.key, stream.references, result.key_indexes, relations
            )
        with _timed(seconds, "validate"):
            row: list[Any] = []
            for query in target_queries(schema, stream.stats, utf8=encoding == "UTF8"):
                ((*part,),) = fetch_all(cursor, query, table=table)
                row += part
            report.checks += compare(stream.stats, tuple(row))
    # In this transaction: the version is readable by the dashboards' roles from its first commit.
    grant_readers(cursor, schema, settings.readers)
    if measure_after is not None:
        # Every batch has now been cleaned and copied: the cleaner's counts are final.
        result.quality_after = run.quality_after = measure_after()
    judged = quality_judged() if quality_judged is not None else None
    with _timed(seconds, "validate"):
        landed = table_columns(cursor, schema)
        report.checks += check_types(result.stats, landed)
        report.checks += quality_checks(
            result.quality_before, result.quality_after, result.min_quality or 0.0, judged=judged
        )
        result.validation = report
    with _timed(seconds, "drift"):
        new_snapshot, old_snapshot = snapshot(result.stats, landed), _live_snapshot(cursor, live)
        result.drift = check_drift(
            result.live_before,
            old_snapshot,
            new_snapshot,
            settings,
            strict=strict_drift,
            sample=mode == "canary",
        )
    with _timed(seconds, "dashboard"):
        templates = load_templates(settings.dashboard_templates)
        renames = renames_for(cursor, schema, templates, None)
        renames |= {old: new for mapping in mappings.values() for old, new in mapping.items()}
        live_schema = result.live_before if live and schema_exists(cursor, str(result.live_before)) else None
        result.dashboard = check_templates(
            cursor,
            schema,
            templates,
            live=live_schema,
            candidate_names=renames,
            live_names=renames_for(cursor, live_schema, templates, live["column_names"])
            if live is not None and live_schema is not None
            else None,
            bundled=settings.dashboard_templates is None,
        )

    if not result.ok:
        # The report (run.json's `load`, --json) said "running" for a load that had ended refused.
        result.status = "refused"
        raise LoadRefused(result)
    if mode == "canary":
        result.status = "canary"
        return
    with _timed(seconds, "record"):
        _record_version(cursor, result, run, new_snapshot, settings)


def _build_indexes(
    cursor: Any,
    schema: str,
    table: str,
    key: list[str],
    refs: list[str],
    plain: dict[str, str],
    relations: set[str],
) -> None:
    """The primary key and one index per reference column, built after the COPY (one sort each); a
    reference that is the table's key of one column (a one-to-one table keyed by its parent's key) has
    the key's index, and no second one.

    A key in ``plain`` (table → why) gets a plain index; so does one PostgreSQL refuses as a primary
    key (recorded in ``plain``). Each is named as PostgreSQL would (``t_pkey``, ``t_col_idx``), but
    never as any of ``relations`` (the version's tables, and the indexes named so far; updated).

    A B-tree holds no entry over about 2.7 kB (a third of a page, after compression): a key or
    reference column with a longer value (a URL, a document keyed by its text) gets a hash index when
    it is one column (equality only, any length: what joins need), else none; the key's case is said
    in ``plain``. A value's length is the export's, never a reason to fail the load after its COPY.
    """
    target = qualified(schema, table)
    if key:
        columns = ", ".join(map(quote_ident, key))
        if table not in plain:
            name = _index_name(relations, table, "pkey")
            refused = _try_statement(
                cursor,
                f"ALTER TABLE {target} ADD CONSTRAINT {quote_ident(name)} PRIMARY KEY ({columns})",
                KEY_REFUSALS,
            )
            if refused is not None:
                plain[table] = f"PostgreSQL refused it after cleaning: {refused}"
        if table in plain:
            index = _index_name(relations, table, f"{'_'.join(key)}_idx")
            instead = _plain_index(cursor, target, index, key)
            if instead:
                plain[table] += f"; {instead}"
    for ref in refs:
        if key == [ref]:
            continue  # the table's own key refers (one-to-one): its key's index is the reference's
        _plain_index(cursor, target, _index_name(relations, table, f"{ref}_idx"), [ref])


#: Errors that make a primary key impossible without failing the load: NULLs, duplicates, and a value
#: too long for a B-tree entry (``program_limit_exceeded``).
KEY_REFUSALS = ("unique_violation", "not_null_violation", "program_limit_exceeded")


def _plain_index(cursor: Any, target: str, name: str, columns: list[str]) -> str | None:
    """A B-tree index on ``columns``; a hash index (one column) or none when a value is too long for a
    B-tree. Returns what was built instead of the B-tree, or None."""
    listed = ", ".join(map(quote_ident, columns))
    refused = _try_statement(
        cursor, f"CREATE INDEX {quote_ident(name)} ON {target} ({listed})", ("program_limit_exceeded",)
    )
    if refused is None:
        return None
    if len(columns) == 1:
        execute(cursor, f"CREATE INDEX {quote_ident(name)} ON {target} USING hash ({listed})")
        return "a hash index instead (a value is too long for a B-tree)"
    return "no index (a value is too long for a B-tree)"


def _index_name(relations: set[str], table: str, suffix: str) -> str:
    """``<table>_<suffix>`` (at most 63 bytes), with a number added until no relation has the name."""
    base, number = f"{table}_{suffix}", 0
    name = short_identifier(base)
    while name in relations:
        number += 1
        name = short_identifier(f"{base}{number}")
    relations.add(name)
    return name


def _try_statement(cursor: Any, statement: str, refusals: tuple[str, ...]) -> str | None:
    """Run ``statement``, or PostgreSQL's reason for refusing it with one of ``refusals`` (condition
    names; nothing of it kept). Any other error is raised.

    The attempt runs in a PL/pgSQL block whose exception handler is an implicit savepoint: the
    driver never sees an error, so the transaction (and the COPY before it) stays good.
    """
    setting = "'columnar_etl.statement_error'"
    body = (
        f"DECLARE detail text; BEGIN PERFORM set_config({setting}, '', true); {statement}; "
        f"EXCEPTION WHEN {' OR '.join(refusals)} THEN "
        "GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL; "
        # A NOT NULL violation's detail is '', not NULL: no empty "()" after its message.
        f"PERFORM set_config({setting}, SQLERRM || coalesce(' (' || NULLIF(detail, '') || ')', ''), "
        "true); END"
    )
    execute(cursor, f"DO $columnar_etl$ {body} $columnar_etl$")
    ((error,),) = fetch_all(cursor, f"SELECT current_setting({setting}, true)")
    return str(error) if error else None


def _record_version(
    cursor: Any, result: LoadResult, run: ledger.RunRecord, stats: dict[str, Any], settings: Settings
) -> None:
    """The version's ledger row, for ``simple`` the cutover, and the run's row: same transaction."""
    base, schema = result.base, result.schema
    quality = result.quality_after if result.quality_after is not None else result.quality_before
    ledger.write_version(
        cursor,
        schema=schema,
        base=base,
        run_id=run.run_id,
        rows=result.rows,
        quality=quality,
        stats=stats,
        column_names=result.column_names,
    )
    if result.mode == "simple":
        lock_base(cursor, base, views=True, wait_seconds=settings.target_lock_wait)
        current = ledger.live_version(cursor, base)  # re-read: a cutover may have run meanwhile
        result.live_before = current["schema_name"] if current else None
        result.view_changes = point_views(cursor, base, schema, wait_seconds=settings.target_lock_wait)
        # New views (and a stable schema created just now) carry no grants yet; same commit as the views.
        grant_readers(cursor, base, settings.readers)
        ledger.set_live(cursor, base, schema, previous=result.live_before)
        result.live_after, result.status = schema, "live"
    else:
        result.status = "ready"
    run.status, run.finished, run.version_schema = "succeeded", datetime.now(UTC), schema
    run.rows, run.report = dict(result.rows), result.to_dict()
    ledger.write_run(cursor, run, finished_now=True)


@contextmanager
def _timed(seconds: dict[str, float], stage: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - started


def _live_snapshot(cursor: Any, live: dict[str, Any] | None) -> dict[str, Any] | None:
    if live is None:
        return None
    if live.get("stats"):
        return dict(live["stats"])
    name = str(live["schema_name"])
    return snapshot_of_schema(cursor, name) if schema_exists(cursor, name) else None


__all__ = ["MODES", "LoadResult", "Mode", "TableStats", "load_tables"]
