"""DuckDB with its sqlite_scanner extension, and the export attached to it.

The extension is loaded from the file installed by the ``duckdb-extension-sqlite-scanner`` package
(same version as ``duckdb``), with DuckDB's auto-install and auto-load switched off, so nothing is ever
downloaded; its signature is checked once per process. The export is attached ``READ_ONLY`` with
``sqlite_all_varchar`` on (see :mod:`.export`). A failed query becomes one line naming the file and
table, with a hint (:func:`query_errors`)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from columnar_etl.errors import SourceError
from columnar_etl.pg.identifiers import quote_literal
from columnar_etl.source.sqlite_file import read_error

SOURCE_ALIAS = "src"

#: Settings every DuckDB database of this package opens with (``duckdb.connect(config=...)``).
#: DuckDB allocates through its own jemalloc, which keeps the pages a query frees ("dirty") for about a
#: second and, without its background thread, returns them only when the allocator is next called: a
#: capped aggregate that spills frees and allocates its whole cap over and over, and 70-160 MB freed
#: stayed resident beside the ~250 MB in use (10M near-distinct doubles profiled at 256 MB: peak RSS
#: 517-560 MB on a loaded machine, 560-662 MB on a quiet one; how much was freed at the peak is what
#: moved from run to run). The background thread returns them on time (docs/scaling.md, h305). The
#: setting is the allocator's, for the whole process, and each database sets it when it opens (one
#: opened without it turns it off): every database this package opens asks for it. A query's end
#: frees its hash tables at once, faster than that decay returns them: past 32 MiB freed at once (not
#: DuckDB's 512 MB) DuckDB purges its allocator then (10M doubles on a quiet machine: 555-562 MB
#: with the thread alone, 532-547 MB with this too, the same CPU).
ALLOCATOR_SETTINGS: dict[str, Any] = {
    "allocator_background_threads": True,
    "allocator_bulk_deallocation_flush_threshold": "32MiB",
}


def sqlite_extension_path() -> Path:
    """Path of the sqlite_scanner extension file shipped by ``duckdb-extension-sqlite-scanner``."""
    try:
        import duckdb_extension_sqlite_scanner as package
    except ImportError as exc:  # pragma: no cover - a broken install
        raise SourceError(
            "the DuckDB SQLite extension package is not installed",
            hint=f"pip install 'duckdb-extension-sqlite-scanner=={duckdb.__version__}'",
        ) from exc
    path = (
        Path(package.__file__).parent
        / "extensions"
        / f"v{duckdb.__version__}"
        / "sqlite_scanner.duckdb_extension"
    )
    if not path.is_file():
        raise SourceError(
            f"no sqlite_scanner extension for DuckDB {duckdb.__version__} at {path}",
            hint=f"install duckdb-extension-sqlite-scanner=={duckdb.__version__} (same version as duckdb)",
        )
    return path


#: Extension files whose signature DuckDB has verified in this process (see :func:`connect_duckdb`).
_VERIFIED_EXTENSIONS: set[Path] = set()


#: Held while a first LOAD checks a signature: a connection opened meanwhile waits for that verdict
#: instead of checking the same file again at the same time (twice the CPU, on a 2-core machine twice
#: the time).
_VERIFIED_LOCK = threading.Lock()


def connect_duckdb() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the SQLite extension loaded from its installed file.

    DuckDB checks the file's signature on every LOAD: a hash of its ~35 MB, 0.2-0.5 s of CPU each
    time, and a run opens five or six connections (preflight, profile, dry run, cleaning). The first
    LOAD in the process is verified (other threads wait for it); later connections load the same path
    without the check. The dynamic loader hands them the library it already mapped for that path, i.e.
    the very code whose signature was checked, so nothing unverified runs. Only this path is ever
    loaded, with auto-install and auto-load off.
    """
    path = sqlite_extension_path()
    with _VERIFIED_LOCK:
        if path not in _VERIFIED_EXTENSIONS:
            con = _load_extension(path, verified=False)
            _VERIFIED_EXTENSIONS.add(path)
            return con
    return _load_extension(path, verified=True)


def _load_extension(path: Path, *, verified: bool) -> duckdb.DuckDBPyConnection:
    config: dict[str, Any] = {
        **ALLOCATOR_SETTINGS,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
    }
    if verified:
        config["allow_unsigned_extensions"] = True
    con = duckdb.connect(config=config)
    try:
        con.execute(f"LOAD {quote_literal(str(path))}")
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def query_errors(path: str | Path, table: str | None, doing: str, *, memory_hint: str) -> Iterator[None]:
    """A DuckDB error of a query of the export as one :class:`SourceError` line naming ``table``:
    ``<doing> ran out of memory`` with ``memory_hint``, any other ``<doing> failed: <SQLite's or
    DuckDB's reason>`` (:func:`read_error`: a lock as such, never the query's SQL)."""
    try:
        yield
    except duckdb.OutOfMemoryException as exc:
        raise SourceError(f"{doing} ran out of memory", path=path, table=table, hint=memory_hint) from exc
    except duckdb.TransactionException as exc:
        # A statement whose commit runs out of memory (a table of counted cells that could not spill)
        # is DuckDB's "Failed to commit: could not allocate block ...", no OutOfMemoryException.
        if not _commit_out_of_memory(exc):
            raise read_error(exc, path, table=table, message=f"{doing} failed") from exc
        raise SourceError(f"{doing} ran out of memory", path=path, table=table, hint=memory_hint) from exc
    except duckdb.Error as exc:
        raise read_error(exc, path, table=table, message=f"{doing} failed") from exc


def _commit_out_of_memory(exc: duckdb.TransactionException) -> bool:
    """Is ``exc`` a commit that ran out of DuckDB's memory limit?"""
    message = str(exc)
    return "Failed to commit" in message and (
        "could not allocate" in message or "failed to allocate" in message or "Out of Memory" in message
    )


def attached(path: Path, shown: Path) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with ``path`` attached read-only as :data:`SOURCE_ALIAS`, every value read as
    text; :class:`SourceError` naming ``shown`` (the export, whichever file is attached) if it cannot."""
    con = connect_duckdb()
    try:
        # GLOBAL: cursors (one per stream) are new connections and must see it too.
        con.execute("SET GLOBAL sqlite_all_varchar = true")
        con.execute(f"ATTACH {quote_literal(str(path.resolve()))} AS {SOURCE_ALIAS} (TYPE sqlite, READ_ONLY)")
    except duckdb.Error as exc:
        con.close()
        raise SourceError(f"DuckDB cannot attach the file: {exc}", path=shown) from exc
    return con


def reader_refusal(con: duckdb.DuckDBPyConnection) -> duckdb.Error | None:
    """The error of DuckDB's SQLite reading the attached file's schema, None when it reads it. One read
    of ``sqlite_master`` (SQLite parses the schema once per connection anyway)."""
    alias = quote_literal(SOURCE_ALIAS)
    try:
        con.execute(f"SELECT * FROM sqlite_query({alias}, 'SELECT 1 FROM sqlite_master LIMIT 1')").fetchall()
    except duckdb.Error as exc:
        return exc
    return None


def reader_version(con: duckdb.DuckDBPyConnection) -> str:
    """The version of DuckDB's SQLite (a function call: SQLite needs no schema to prepare it)."""
    alias = quote_literal(SOURCE_ALIAS)
    try:
        row = con.execute(f"SELECT * FROM sqlite_query({alias}, 'SELECT sqlite_version()')").fetchone()
    except duckdb.Error:
        row = None
    return str(row[0]) if row else "(version unknown)"
