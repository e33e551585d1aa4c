"""Backups of a target schema: ``pg_dump -n <schema> -F c`` with checksum and manifest, and their restore.

The row counts and column types recorded in the manifest are read in the very snapshot ``pg_dump``
dumps (``pg_export_snapshot`` + ``pg_dump --snapshot``), so they describe exactly what is in the file;
after a restore the same figures are read back and compared. Passwords never reach a command line:
:func:`~columnar_etl.pg.tools.libpq_invocation` moves them to ``PGPASSWORD``.
"""

from __future__ import annotations

import shlex
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from columnar_etl.backups.manifest import (
    BackupManifest,
    BackupResult,
    cannot_write,
    partial_path,
    publish_unique,
    remove_partial,
)
from columnar_etl.backups.verify import verify_backup
from columnar_etl.config import Settings, load_settings, mask_uri
from columnar_etl.errors import BackupError
from columnar_etl.pg.connect import connect
from columnar_etl.pg.conninfo import database_of, with_database
from columnar_etl.pg.embedded import resolve_target
from columnar_etl.pg.identifiers import qualified, quote_ident, quote_literal
from columnar_etl.pg.server_errors import LOCK_NOT_AVAILABLE_SQLSTATE
from columnar_etl.pg.tools import (
    TOOL_HINT,
    find_pg_tool,
    libpq_invocation,
    restore_as_script,
    run_pg_tool,
)
from columnar_etl.source.identity import file_checksum

_COLUMNS_SQL = """
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = {schema} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY c.relname, a.attnum
"""


def describe_schema(cursor: Any, schema: str) -> dict[str, dict[str, Any]]:
    """Tables of ``schema`` with row counts and ``[column, type]`` pairs, read through an ADBC cursor."""
    cursor.execute(_COLUMNS_SQL.format(schema=quote_literal(schema)))
    tables: dict[str, dict[str, Any]] = {}
    for table, column, type_name in cursor.fetchall():
        tables.setdefault(str(table), {"rows": 0, "columns": []})["columns"].append(
            [str(column), str(type_name)]
        )
    for table, info in tables.items():
        cursor.execute(f"SELECT count(*) FROM {qualified(schema, table)}")
        row = cursor.fetchone()
        info["rows"] = int(row[0]) if row else 0
    return tables


def _described_under_lock_wait(cursor: Any, schema: str, wait_seconds: float) -> dict[str, dict[str, Any]]:
    """:func:`describe_schema` in a transaction whose ``lock_timeout`` is set: a lock on one of the
    schema's tables held longer is a :class:`BackupError` saying so, nothing dumped."""
    import adbc_driver_manager

    try:
        return describe_schema(cursor, schema)
    except adbc_driver_manager.Error as exc:
        if getattr(exc, "sqlstate", None) != LOCK_NOT_AVAILABLE_SQLSTATE:
            raise
        raise BackupError(
            f"a session held a lock on a table of {schema} for more than {wait_seconds:g} s: nothing dumped",
            hint="let it finish (pg_locks shows it) or raise target_lock_wait, and run again",
        ) from exc


def _server_major(cursor: Any) -> int:
    """The connected server's major version (18 for 18.4)."""
    return int(_one_value(cursor, "SELECT current_setting('server_version_num')::int")) // 10_000


#: Lock class for pg_advisory_lock(int, int) of a restore of a schema (7301, 7302: a base's loads
#: and views, ``columnar_etl.loading.schemas``).
_RESTORE_LOCK = 7303


def _hash(schema: str) -> str:
    return f"hashtext({quote_literal(schema)})"


#: ``application_name`` of the transaction holding the snapshot a ``backup target`` dumps.
BACKUP_APPLICATION = "columnar_etl backup"


def _schema_exists(cursor: Any, schema: str) -> bool:
    cursor.execute(f"SELECT count(*) FROM pg_namespace WHERE nspname = {quote_literal(schema)}")
    row = cursor.fetchone()
    return bool(row and row[0])


#: The other schemas whose tables the views of a schema read.
_READ_BY_VIEWS_SQL = """
SELECT DISTINCT tn.nspname FROM pg_class v
JOIN pg_namespace vn ON vn.oid = v.relnamespace
JOIN pg_rewrite r ON r.ev_class = v.oid
JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
  AND d.refclassid = 'pg_class'::regclass
JOIN pg_class t ON t.oid = d.refobjid AND t.relkind IN ('r', 'p')
JOIN pg_namespace tn ON tn.oid = t.relnamespace
WHERE vn.nspname = {schema} AND v.relkind IN ('v', 'm') AND tn.nspname <> vn.nspname
ORDER BY 1
"""


def _refuse_views_only(cursor: Any, schema: str) -> None:
    """:class:`BackupError` for a schema holding no table, only views of other schemas' tables (a base
    schema's views on its live version): its dump would verify and restore nowhere without them."""
    literal = quote_literal(schema)
    cursor.execute(_COLUMNS_SQL.format(schema=literal))
    if cursor.fetchall():
        return
    cursor.execute(_READ_BY_VIEWS_SQL.format(schema=literal))
    read = [str(row[0]) for row in cursor.fetchall()]
    if read:
        raise BackupError(
            f"schema {schema!r} holds no table, only views of the tables of {', '.join(read)}: a dump of it "
            "restores nowhere without them",
            hint=f"dump the schema they read: columnar-etl backup target --schema {shlex.quote(read[0])}",
        )


def _one_value(cursor: Any, sql: str) -> Any:
    cursor.execute(sql)
    row = cursor.fetchone()
    return row[0] if row else None


def backup_target(
    schema: str,
    *,
    uri: str | None = None,
    backup_dir: str | Path | None = None,
    settings: Settings | None = None,
) -> BackupResult:
    """Dump ``schema`` of the target to ``<backup_dir>/<db>.<schema>.<YYYYMMDD_HHMMSS>.dump`` (custom format).

    ``uri`` defaults to the configured target (the embedded server when none). The manifest records the
    tables with row counts and column types, the server version and the ``pg_dump`` used.
    """

    started = time.perf_counter()
    settings = settings or load_settings()
    uri = uri or resolve_target(settings.target, settings.pg_dir)
    directory = Path(backup_dir) if backup_dir is not None else settings.backup_dir
    tool = find_pg_tool("pg_dump", bin_dir=settings.pg_bin_dir)
    conn = connect(uri, autocommit=True)
    cursor = conn.cursor()
    try:
        if not _schema_exists(cursor, schema):
            raise BackupError(
                f"schema {schema!r} does not exist in {mask_uri(uri)}",
                hint="columnar-etl schemas list shows the version schemas",
            )
        server_major = _server_major(cursor)
        if tool.major < server_major:
            raise BackupError(
                f"{tool.name} {tool.version} ({tool.path}) cannot dump a PostgreSQL {server_major} server",
                hint=TOOL_HINT,
            )
        _refuse_views_only(cursor, schema)
        database = str(_one_value(cursor, "SELECT current_database()"))
        # One snapshot for the figures we record and for pg_dump: kept open until pg_dump has finished.
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        # Named, for this transaction only: a cutover meanwhile need not wait for its snapshot (it reads
        # this schema, never the base's views: columnar_etl.loading.base_views.SNAPSHOTS_READING_NO_VIEW).
        cursor.execute(f"SET LOCAL application_name = {quote_literal(BACKUP_APPLICATION)}")
        # Its tables' locks (their row counts, then pg_dump's) are waited for as a cutover waits for
        # the views: never forever (a DBA's VACUUM FULL or LOCK TABLE held a cutover's dump, and so
        # the cutover, however short its target_lock_wait).
        wait_ms = max(1, round(settings.target_lock_wait * 1000))
        cursor.execute(f"SET LOCAL lock_timeout = {wait_ms}")
        snapshot = str(_one_value(cursor, "SELECT pg_export_snapshot()"))
        tables = _described_under_lock_wait(cursor, schema, settings.target_lock_wait)
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise cannot_write(directory, exc) from exc
        created = datetime.now(UTC)
        tmp = partial_path(directory, f"{database}.{schema}")
        dbname, env = libpq_invocation(uri)
        try:
            run_pg_tool(
                [
                    str(tool.path),
                    f"--dbname={dbname}",
                    "--no-password",
                    "--format=custom",
                    # A pattern in double quotes matches exactly that name (case, dots and all).
                    f"--schema={quote_ident(schema)}",
                    f"--snapshot={snapshot}",
                    f"--lock-wait-timeout={wait_ms}",
                    f"--file={tmp}",
                ],
                env=env,
                what="pg_dump",
                hint="check the target's permissions on the schema; or a session held a lock on one of its "
                "tables longer than target_lock_wait (pg_locks shows it)",
            )
            digest = file_checksum(tmp, "sha256")
            final = publish_unique(tmp, directory, f"{database}.{schema}", created, suffix=".dump")
        finally:
            remove_partial(tmp)
        cursor.execute("COMMIT")
    finally:
        cursor.close()
        conn.close()
    manifest = BackupManifest(
        kind="pg_dump",
        path=final,
        created_utc=created,
        size=final.stat().st_size,
        sha256=digest,
        origin=f"{mask_uri(uri)} schema {schema}",
        tables=tables,
        extra={
            "schema": schema,
            "database": database,
            "server_major": server_major,
            "pg_dump": tool.to_dict(),
        },
    )
    manifest.write()
    return BackupResult(manifest=manifest, seconds=time.perf_counter() - started)


@dataclass
class TargetRestoreResult:
    """What :func:`restore_target` did: where the schema now is and its tables as read back."""

    dump: Path
    target: str
    database: str
    schema: str
    created_database: bool
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: float = 0.0
    #: The base schema whose version the restored schema is again in the target's ledger (a version
    #: pruned, then restored from its dump: see ``columnar_etl.loading.versions.restore_version``).
    version_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (``target`` with the password masked)."""
        return {
            "dump": str(self.dump),
            "target": mask_uri(self.target),
            "database": self.database,
            "schema": self.schema,
            "created_database": self.created_database,
            "tables": self.tables,
            "seconds": round(self.seconds, 4),
            "version_of": self.version_of,
        }


def restore_target(
    dump: str | Path,
    *,
    uri: str | None = None,
    database: str | None = None,
    settings: Settings | None = None,
) -> TargetRestoreResult:
    """Verify a ``pg_dump`` backup, then ``pg_restore`` it in one transaction into a fresh place.

    Without ``database`` the schema is restored into the target's database and must not exist there;
    with ``database`` that database is created (it must not exist) and the schema restored into it.
    Afterwards every table's row count and column types are compared with the manifest; any difference
    drops what was restored again (the schema, or the database created) and raises :class:`BackupError`.
    """

    started = time.perf_counter()
    settings = settings or load_settings()
    dump = Path(dump)
    verification = verify_backup(dump, settings=settings)
    verification.raise_for_problems("restore")
    manifest = verification.manifest
    assert manifest is not None  # a verified backup has one
    if manifest.kind != "pg_dump":
        raise BackupError(
            "this is a backup of a SQLite file, not of a target schema",
            path=dump,
            hint="restore it with columnar-etl backup restore FILE --to PATH",
        )
    schema = str(manifest.extra["schema"])
    tool = find_pg_tool("pg_restore", bin_dir=settings.pg_bin_dir)
    server_uri = uri or resolve_target(settings.target, settings.pg_dir)
    target_uri = with_database(server_uri, database) if database else server_uri
    if database:
        _create_database(server_uri, database)
    try:
        conn = connect(target_uri, autocommit=True)
        try:
            cursor = conn.cursor()
            # Restores of one schema into one database, one at a time: two that both found it absent
            # ran pg_restore together, and the one that lost ("already exists") dropped "what it had
            # restored", the other's schema (until 2026-12-03). Held by this session to the end (its
            # close releases it), outside any transaction: the rows counted below must hold no lock
            # on the restored tables, or dropping them again from a connection of its own waits for
            # this one for ever.
            if not _one_value(cursor, f"SELECT pg_try_advisory_lock({_RESTORE_LOCK}, {_hash(schema)})"):
                raise BackupError(
                    f"another restore of schema {schema!r} into {mask_uri(target_uri)} is running",
                    path=dump,
                    hint="wait for it to finish: the schema is then there (columnar-etl schemas list)",
                )
            if _schema_exists(cursor, schema):
                raise BackupError(
                    f"schema {schema!r} exists already in {mask_uri(target_uri)}",
                    path=dump,
                    hint="restore into a fresh database with --database NAME, or drop the schema first",
                )
            dbname, env = libpq_invocation(target_uri)
            hint = "nothing was restored (one transaction); check the target's roles and permissions"
            server_major = _server_major(cursor)
            refused = False  # pg_restore (or psql) failed: its one transaction committed nothing
            try:
                if tool.major > server_major:
                    # A newer pg_restore sets parameters an older server does not know: as a script.
                    cursor.execute("SELECT name FROM pg_catalog.pg_settings")
                    known = frozenset(str(name) for (name,) in cursor.fetchall())
                    try:
                        restore_as_script(tool, dump, dbname=dbname, env=env, known=known, hint=hint)
                    except BackupError:
                        refused = True
                        raise
                else:
                    try:
                        run_pg_tool(
                            [
                                str(tool.path),
                                f"--dbname={dbname}",
                                "--no-password",
                                "--single-transaction",
                                "--exit-on-error",
                                str(dump),
                            ],
                            env=env,
                            what="pg_restore",
                            hint=hint,
                        )
                    except BackupError:
                        refused = True
                        raise
                tables = describe_schema(cursor, schema)
                differences = _differences(manifest, tables)
                if differences:
                    raise BackupError(
                        "the restored schema differs from the dump's manifest: "
                        f"{'; '.join(differences)}; dropped again, nothing changed",
                        path=dump,
                        hint="the dump verified, so the target changed what was restored "
                        "(an event trigger, a rule): check the target, or restore into another database",
                    )
            except BaseException:
                # pg_restore may have committed its one transaction (the manifest disagrees, or an
                # interrupt came while the rows were counted, or as pg_restore committed): what it
                # restored is dropped again (the schema did not exist before; a created database goes
                # below), so nothing changed. On a connection of its own: an interrupt may have left
                # this one mid-query.
                # Not when pg_restore itself failed: nothing of it was committed, and the schema, if
                # there, is someone else's.
                if not database and not refused:
                    _drop_schema(target_uri, schema)
                raise
            cursor.close()
        finally:
            conn.close()
    except BaseException:
        if database:
            _drop_database(server_uri, database)
        raise
    return TargetRestoreResult(
        dump=dump,
        target=target_uri,
        database=database or database_of(target_uri) or "",
        schema=schema,
        created_database=bool(database),
        tables=tables,
        seconds=time.perf_counter() - started,
    )


def _create_database(server_uri: str, database: str) -> None:

    conn = connect(server_uri, autocommit=True)
    try:
        cursor = conn.cursor()
        if _one_value(cursor, f"SELECT count(*) FROM pg_database WHERE datname = {quote_literal(database)}"):
            raise BackupError(
                f"database {database!r} exists already",
                hint="restore into a database that does not exist yet (it is created)",
            )
        cursor.execute(f"CREATE DATABASE {quote_ident(database)}")
        cursor.close()
    finally:
        conn.close()


def _drop_schema(uri: str, schema: str) -> None:
    _execute_alone(uri, f"DROP SCHEMA IF EXISTS {quote_ident(schema)} CASCADE")


def _drop_database(server_uri: str, database: str) -> None:
    _execute_alone(server_uri, f"DROP DATABASE IF EXISTS {quote_ident(database)} WITH (FORCE)")


def _execute_alone(uri: str, sql: str) -> None:
    """``sql`` on a connection of its own (autocommit): not one an interrupt may have left mid-query."""
    conn = connect(uri, autocommit=True)
    try:
        cursor = conn.cursor()
        cursor.execute(sql)
        cursor.close()
    finally:
        conn.close()


def _differences(manifest: BackupManifest, restored: dict[str, dict[str, Any]]) -> list[str]:
    """How the restored tables (rows, columns) differ from the dump's manifest; empty when they agree."""
    differences: list[str] = []
    for table, info in manifest.tables.items():
        got = restored.get(table)
        if got is None:
            differences.append(f"table {table} is missing")
            continue
        if got["rows"] != info["rows"]:
            differences.append(f"{table} has {got['rows']:,} rows, the dump recorded {info['rows']:,}")
        if got["columns"] != info["columns"]:
            differences.append(f"{table} columns differ: {got['columns']} vs {info['columns']}")
    return differences
