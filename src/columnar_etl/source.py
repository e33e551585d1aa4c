"""Read-only access to the SQLite export, through DuckDB and its sqlite_scanner extension.

The extension is loaded from the file installed by the ``duckdb-extension-sqlite-scanner`` package
(same version as ``duckdb``), with DuckDB's auto-install and auto-load switched off, so nothing is ever
downloaded. The export is attached ``READ_ONLY`` with ``sqlite_all_varchar`` on: the declared SQLite
types lie (a ``TIMESTAMP`` column holds ``20/05/2025 8:42``), so every value arrives as text and the
profiler decides what it really is. The declared types are read from SQLite's own catalogue, as
evidence only.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import duckdb
import pyarrow as pa

from columnar_etl.errors import EtlError, SourceError
from columnar_etl.identifiers import quote_ident, quote_literal
from columnar_etl.rules import NUL

SQLITE_MAGIC = b"SQLite format 3\x00"
SOURCE_ALIAS = "src"
_HEADER_SIZE = 100


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


def connect_duckdb() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the SQLite extension loaded from its installed file."""
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    con.execute(f"LOAD {quote_literal(str(sqlite_extension_path()))}")
    return con


#: SQLite storage classes as the one-letter codes the readers use (``substr(typeof(x), 1, 1)``).
STORAGE_CLASSES: dict[str, str] = {"i": "integer", "r": "real", "t": "text", "b": "blob", "n": "null"}
#: What a value not valid as UTF-8 is decoded as (``error``: the profile reports it and the gate halts).
EncodingFallback = Literal["cp1252", "latin-1", "error"]
#: Columns the readers and the cleaner add have names starting with this; no export column may.
HELPER_PREFIX = "__clean_"


#: The column holding the storage classes of a read's columns as one string (``"iitn"``).
CLASSES_COLUMN = f"{HELPER_PREFIX}classes"


def class_column(index: int) -> str:
    """Name of the storage-class column a read adds for its ``index``-th column."""
    return f"{HELPER_PREFIX}class{index}"


def hex_column(index: int) -> str:
    """Name of the raw-bytes-in-hex column a read adds for its ``index``-th column."""
    return f"{HELPER_PREFIX}hex{index}"


def _byte_case(fallback: EncodingFallback) -> str:
    """SQL over ``x``, a byte's hex (``'80'``): the UTF-8 hex of what it decodes to under ``fallback``.

    Latin-1 maps byte b to code point b (``C2``/``C3`` + one byte). cp1252 (the usual Windows export)
    differs only in 0x80-0x9F, which hold its printable characters (``€`` for 0x80); the five bytes it
    leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are read as Latin-1, as Python's
    ``decode("cp1252")`` with a Latin-1 fallback and most databases do.
    """
    latin1 = "CASE WHEN x < 'C0' THEN 'C2' || x ELSE 'C3' || printf('%02X', ('0x' || x)::INTEGER - 64) END"
    if fallback != "cp1252":
        return f"CASE WHEN x < '80' THEN x ELSE {latin1} END"
    specials = []
    for byte in range(0x80, 0xA0):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        specials.append(f"WHEN '{byte:02X}' THEN '{char.encode().hex().upper()}'")
    cp1252 = f"CASE x {' '.join(specials)} ELSE {latin1} END"
    return f"CASE WHEN x < '80' THEN x WHEN x >= 'A0' THEN {latin1} ELSE {cp1252} END"


def invalid_utf8_sql(column: str) -> str:
    """True for a non-NULL ``column`` whose bytes are not valid UTF-8 (SQLite stores any bytes as TEXT)."""
    return f"({column} IS NOT NULL AND try(decode(encode({column}))) IS NULL)"


def decoded_sql(column: str, fallback: EncodingFallback = "cp1252") -> str:
    """``column`` (a quoted identifier) as valid UTF-8: an invalid value is decoded by ``fallback``.

    SQLite stores whatever bytes it is given as TEXT; a Windows-1252 value in a UTF-8 export is not
    valid UTF-8, and DuckDB string functions misbehave on it (``trim`` never returns). Valid values
    pass untouched (the check is a no-op re-interpretation plus validation); an invalid one is decoded
    byte by byte (:func:`fallback_decoded_sql`).
    """
    return (
        f"CASE WHEN {invalid_utf8_sql(column)} THEN {fallback_decoded_sql(f'encode({column})', fallback)} "
        f"ELSE {column} END"
    )


def fallback_decoded_sql(blob: str, fallback: EncodingFallback = "cp1252") -> str:
    """The bytes ``blob`` (a BLOB expression) decoded one byte per character through
    :func:`_byte_case`, so ``0x80`` becomes ``€`` under cp1252. With ``error`` they are read as Latin-1
    (nothing is lost; the profile reports them and the gate halts)."""
    mapped = _byte_case("latin-1" if fallback == "error" else fallback)
    return (
        f"decode(unhex(array_to_string(list_transform(regexp_extract_all(hex({blob}), '..'), "
        f"x -> {mapped}), '')))"
    )


@dataclass(frozen=True)
class ColumnRead:
    """How a reader delivers one column (see :meth:`Source.read_batches`).

    Every cell arrives as text unless ``as_bytes``: an INTEGER cell as its digits (exact), a REAL cell
    with all 17 significant digits when ``real_digits`` (SQLite's own text keeps 15), a TEXT cell
    decoded as UTF-8 (an invalid one by the source's encoding fallback), a BLOB cell as its bytes.
    ``with_class`` adds the cell's storage class (``i``/``r``/``t``/``b``/``n``) as the column
    :func:`class_column`; ``with_hex`` adds the raw bytes in hex of every TEXT cell
    that was not valid UTF-8 (NULL for the others) as :func:`hex_column`, for the audit.
    """

    name: str
    as_bytes: bool = False
    real_digits: bool = False
    with_class: bool = False
    with_hex: bool = False
    #: False: TEXT as SQLite holds it, even when not valid UTF-8 — for a reader that only casts it to
    #: a number (its expression stays small: decoding is a long CASE).
    decode: bool = True


def real_text_sql(column: str) -> str:
    """SQLite SQL: ``column``, a REAL cell as text that reads back as the same double.

    17 significant digits identify every double, but SQLite's ``printf`` is not exact near the ends of
    the range (1.7976931348623157e308 prints one unit off); then more digits are tried until SQLite
    reads the text back as the same value.
    """
    digits = [f"printf('%!.{n}g', {column})" for n in (17, 18, 19, 20)]
    exact = " ".join(f"WHEN CAST({text} AS REAL) = {column} THEN {text}" for text in digits[:-1])
    return f"CASE WHEN typeof({column}) = 'real' THEN CASE {exact} ELSE {digits[-1]} END ELSE {column} END"


def file_checksum(path: str | Path, algorithm: str = "sha256") -> str:
    """Hex digest of a file's bytes, read in 1 MiB chunks."""
    digest = hashlib.new(algorithm)
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


_WAL_MAGICS = (0x377F0682, 0x377F0683)
_WAL_HEADER, _WAL_FRAME_HEADER = 32, 24


def export_identity(path: str | Path) -> str:
    """The export's identity for "already loaded?": sha256 of what SQLite reads, main file + committed WAL.

    Without a ``-wal`` file (or with no committed frame in it) this is :func:`file_checksum` of the
    file, as always. With one, the main file's bytes are followed in the digest by the WAL's header and
    its frames up to the last commit frame of the current WAL generation (frames carrying the header's
    salts): newer committed rows change the identity; frames of an older generation or of an
    unfinished transaction, which SQLite ignores, do not. Frame checksums are not verified (too slow in
    Python): a torn frame before the last commit frame can only make the identity differ, i.e. cause a
    reload, never a stale "already loaded". Only reads; neither file is opened by SQLite.
    """
    path = Path(path)
    wal = path.with_name(path.name + "-wal")
    committed = _committed_wal_bytes(wal) if wal.is_file() else 0
    if not committed:
        return file_checksum(path)
    digest = hashlib.sha256()
    for part, size in ((path, None), (wal, committed)):
        with open(part, "rb") as handle:
            left = size
            while left is None or left > 0:
                chunk = handle.read(1 << 20 if left is None else min(1 << 20, left))
                if not chunk:
                    break
                digest.update(chunk)
                left = None if left is None else left - len(chunk)
    return digest.hexdigest()


def _committed_wal_bytes(wal: Path) -> int:
    """Length of the WAL's prefix ending with its last commit frame (0: no valid header or no commit)."""
    with open(wal, "rb") as handle:
        header = handle.read(_WAL_HEADER)
        if len(header) < _WAL_HEADER or int.from_bytes(header[:4], "big") not in _WAL_MAGICS:
            return 0
        page_size = int.from_bytes(header[8:12], "big")
        salts = header[16:24]
        frame, end, offset = _WAL_FRAME_HEADER + page_size, 0, _WAL_HEADER
        while True:
            handle.seek(offset)
            frame_header = handle.read(_WAL_FRAME_HEADER)
            if len(frame_header) < _WAL_FRAME_HEADER or frame_header[8:16] != salts:
                return end
            if len(handle.read(page_size)) < page_size:
                return end
            offset += frame
            if int.from_bytes(frame_header[4:8], "big"):  # database size after commit: a commit frame
                end = offset


@dataclass(frozen=True)
class SourceColumn:
    """A column as SQLite's schema declares it (declared type and default are evidence, not truth)."""

    name: str
    declared_type: str
    not_null: bool
    default: str | None
    primary_key: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "declared_type": self.declared_type,
            "not_null": self.not_null,
            "default": self.default,
            "primary_key": self.primary_key,
        }


@dataclass(frozen=True)
class SourceTable:
    """A table of the export: its columns as declared and its row count (counted when first asked)."""

    name: str
    columns: tuple[SourceColumn, ...]
    path: Path
    #: A name reaching SQLite's rowid (``rowid``, ``_rowid_`` or ``oid``, whichever no column shadows) and
    #: the lowest and highest rowid; None for a WITHOUT ROWID table or when every alias is shadowed.
    rowid: tuple[str, int, int] | None = None

    @cached_property
    def row_count(self) -> int:
        """Rows in the table: ``count(*)`` by SQLite, once, on first use.

        Not at open: SQLite walks the whole table for it (1-2 s for a 5M-row table), and most
        callers (the profile, the streams) count the rows they read anyway.
        """
        return _count_rows(self.path, self.name)

    @property
    def estimated_rows(self) -> int:
        """The row count if already known, else the rowid span (exact unless rows were deleted)."""
        if "row_count" in self.__dict__ or self.rowid is None:
            return self.row_count
        return self.rowid[2] - self.rowid[1] + 1

    @property
    def column_names(self) -> list[str]:
        """Column names in declaration order."""
        return [column.name for column in self.columns]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "row_count": self.row_count,
            "columns": [column.to_dict() for column in self.columns],
        }


@dataclass
class Source:
    """An open, read-only SQLite export. Use :func:`open_source`, preferably as a context manager."""

    path: Path
    tables: dict[str, SourceTable]
    connection: duckdb.DuckDBPyConnection = field(repr=False)
    #: How TEXT that is not valid UTF-8 is decoded (see :func:`decoded_sql`).
    encoding_fallback: EncodingFallback = "cp1252"
    _aliases: list[str] = field(default_factory=lambda: [SOURCE_ALIAS], repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _spill: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)

    def table(self, name: str) -> SourceTable:
        """The table called ``name``; :class:`SourceError` naming the file and table when absent."""
        try:
            return self.tables[name]
        except KeyError:
            known = ", ".join(sorted(self.tables)) or "none"
            raise SourceError(
                "no such table in the source", path=self.path, table=name, hint=f"tables are: {known}"
            ) from None

    def relation_sql(
        self,
        table: str,
        parts: int = 1,
        reads: list[ColumnRead] | None = None,
        *,
        class_string: bool = False,
    ) -> str:
        """A DuckDB relation of ``table``, each column delivered as its :class:`ColumnRead` says.

        Default: every column as valid UTF-8 text (an invalid TEXT value decoded by the source's
        encoding fallback, a REAL with SQLite's 15 digits). The rows are read by SQLite itself
        (``sqlite_query``), which is what lets a read ask for a cell's storage class or a REAL's 17
        digits. With ``parts`` > 1 the relation is a ``UNION ALL`` of that many rowid ranges, each read
        through its own attachment of the file, so DuckDB scans and computes them on several threads
        at once (DuckDB would read a 141K-row table, and compute everything above it, on one core).
        Same rows, same values; the order across parts is not kept (aggregates do not need it).
        With ``class_string`` the storage classes of the ``with_class`` columns come as one column,
        :data:`CLASSES_COLUMN`, a letter per column in order, instead of a column each.
        """
        info = self.table(table)
        reads = reads if reads is not None else [ColumnRead(name) for name in info.column_names]
        self._check_columns(table, [read.name for read in reads])
        if not reads:
            return f"(SELECT * FROM {SOURCE_ALIAS}.{quote_ident(table)})"
        inner: list[str] = []
        outer: list[str] = []
        # One SQLite column holds every needed storage class, a letter per column: far cheaper to hand
        # over than a typeof() column each.
        classed = [index for index, read in enumerate(reads) if read.with_class or read.with_hex]
        for index, read in enumerate(reads):
            column, value = quote_ident(read.name), f"c{index}"
            kind = f"substr(k, {classed.index(index) + 1}, 1)" if index in classed else ""
            inner.append(f"{real_text_sql(column) if read.real_digits else column} AS {value}")
            if read.as_bytes:
                outer.append(f"encode({value}) AS {quote_ident(read.name)}")
            elif not read.decode:
                outer.append(f"{value} AS {quote_ident(read.name)}")
            else:
                outer.append(f"{decoded_sql(value, self.encoding_fallback)} AS {quote_ident(read.name)}")
            if read.with_class and not class_string:
                outer.append(f"{kind} AS {quote_ident(class_column(index))}")
            if read.with_hex:
                invalid = f"{kind} = 't' AND {invalid_utf8_sql(value)}"
                outer.append(
                    f"CASE WHEN {invalid} THEN hex(encode({value})) END AS {quote_ident(hex_column(index))}"
                )
        if classed:
            # One printf of N one-letter strings: cheaper in SQLite than N substr() concatenated.
            types = ", ".join(f"typeof({quote_ident(reads[i].name)})" for i in classed)
            inner.append(f"printf('{'%.1s' * len(classed)}', {types}) AS k")
            if class_string:
                outer.append(f"k AS {quote_ident(CLASSES_COLUMN)}")
        elif parts <= 1 and not any(read.real_digits for read in reads):
            # Nothing SQLite must compute: DuckDB's own scan of the attached table.
            selected = ", ".join(f"{quote_ident(read.name)} AS c{index}" for index, read in enumerate(reads))
            scan = f"SELECT {selected} FROM {SOURCE_ALIAS}.{quote_ident(table)}"
            return f"(SELECT {', '.join(outer)} FROM ({scan}))"
        selected = ", ".join(inner)
        if parts <= 1 or info.rowid is None:
            query = f"SELECT {selected} FROM {quote_ident(table)}"
            ranges = [f"SELECT * FROM sqlite_query({quote_literal(SOURCE_ALIAS)}, {quote_literal(query)})"]
        else:
            alias, low, high = info.rowid
            bounds = [low - 1 + (high - low + 1) * i // parts for i in range(parts + 1)]
            ranges = []
            for attachment, (after, last) in zip(self.attachments(parts), pairwise(bounds), strict=True):
                query = (
                    f"SELECT {selected} FROM {quote_ident(table)} "
                    f"WHERE {alias} > {after} AND {alias} <= {last}"
                )
                ranges.append(
                    f"SELECT * FROM sqlite_query({quote_literal(attachment)}, {quote_literal(query)})"
                )
        return f"(SELECT {', '.join(outer)} FROM ({' UNION ALL '.join(ranges)}))"

    def _check_columns(self, table: str, wanted: list[str]) -> None:
        known = self.table(table).column_names
        missing = [name for name in wanted if name not in known]
        if missing:
            raise SourceError("no such column in the source", path=self.path, table=table, column=missing[0])

    def limit_memory(self, limit: str) -> None:
        """Cap DuckDB's memory at ``limit`` (``"256MB"``); past it, aggregates spill to a private
        temporary directory, removed on :meth:`close`."""
        if self._spill is None:
            self._spill = tempfile.TemporaryDirectory(prefix="columnar_etl-duckdb-")
        self.connection.execute(f"SET temp_directory = {quote_literal(self._spill.name)}")
        self.connection.execute(f"SET memory_limit = {quote_literal(limit)}")

    def attachments(self, count: int) -> list[str]:
        """``count`` aliases of the export, attaching more (read-only) as needed.

        One per part of a split scan: each attachment has its own SQLite connection, so no SQLite
        handle is ever used by two threads at once. Call it before starting threads that read
        split relations, so no ATTACH runs while they do.
        """
        with self._lock:
            for index in range(len(self._aliases), count):
                alias = f"{SOURCE_ALIAS}_{index}"
                self.connection.execute(
                    f"ATTACH {quote_literal(str(self.path.resolve()))} AS {alias} (TYPE sqlite, READ_ONLY)"
                )
                self._aliases.append(alias)
            return self._aliases[:count]

    def read_batches(
        self,
        table: str,
        *,
        batch_size: int = 65_536,
        columns: list[str] | None = None,
        reads: list[ColumnRead] | None = None,
        strip_nul: bool = False,
    ) -> pa.RecordBatchReader:
        """Stream ``table`` as Arrow record batches of at most ``batch_size`` rows.

        Each column as its :class:`ColumnRead` in ``reads`` says (default: every column of ``columns``,
        or all of them, as text; see :meth:`relation_sql`). Rows come in SQLite's rowid order, so
        repeated reads see the same order. ``strip_nul`` removes NUL bytes from every text value
        (PostgreSQL text cannot hold them), done by DuckDB in the scan.
        """
        info = self.table(table)
        if reads is None:
            reads = [ColumnRead(name) for name in (columns if columns is not None else info.column_names)]
        relation = self.relation_sql(table, reads=reads)
        if strip_nul:
            exprs = [
                f"replace({quote_ident(r.name)}, chr({ord(NUL)}), '') AS {quote_ident(r.name)}"
                if not r.as_bytes
                else quote_ident(r.name)
                for r in reads
            ]
            relation = f"(SELECT {', '.join(exprs)} FROM {relation})"
        sql = f"SELECT * FROM {relation}"
        try:
            # A cursor per stream: several tables can be read at once from one Source.
            return self.connection.cursor().sql(sql).to_arrow_reader(batch_size)
        except duckdb.Error as exc:
            raise read_error(exc, self.path, table=table) from exc

    def iter_batches(self, table: str, *, batch_size: int = 65_536) -> Iterator[pa.RecordBatch]:
        """Like :meth:`read_batches` but as a plain iterator, wrapping read errors in :class:`SourceError`."""
        reader = self.read_batches(table, batch_size=batch_size)
        try:
            yield from reader
        except (duckdb.Error, pa.ArrowException) as exc:
            raise read_error(exc, self.path, table=table) from exc

    def close(self) -> None:
        """Detach the export and close DuckDB (and remove its spill directory, if any)."""
        self.connection.close()
        if self._spill is not None:
            self._spill.cleanup()

    def __enter__(self) -> Source:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description of the export."""
        return {"path": str(self.path), "tables": [table.to_dict() for table in self.tables.values()]}


def open_source(path: str | Path, encoding_fallback: EncodingFallback = "cp1252") -> Source:
    """Open a SQLite export read-only: check it, read its catalogue, attach it to DuckDB.

    ``encoding_fallback`` decodes TEXT values that are not valid UTF-8 (see :func:`decoded_sql`).

    Raises :class:`SourceError` with the file named for a missing, unreadable, empty, non-SQLite or
    corrupt file. Neither the file's bytes nor its mtime change.
    """
    path = Path(path)
    _check_file(path)
    tables = _read_catalogue(path)
    if not tables:
        raise SourceError("the source has no tables", path=path, hint="is this the right export file?")
    con = connect_duckdb()
    try:
        # GLOBAL: cursors (one per stream) are new connections and must see it too.
        con.execute("SET GLOBAL sqlite_all_varchar = true")
        con.execute(f"ATTACH {quote_literal(str(path.resolve()))} AS {SOURCE_ALIAS} (TYPE sqlite, READ_ONLY)")
    except duckdb.Error as exc:
        con.close()
        raise SourceError(f"DuckDB cannot attach the file: {exc}", path=path) from exc
    return Source(path=path, tables=tables, connection=con, encoding_fallback=encoding_fallback)


def _check_file(path: Path) -> None:
    if not path.exists():
        raise SourceError("source file not found", path=path, hint="check the path")
    if path.is_dir():
        raise SourceError("source is a directory, not a SQLite file", path=path)
    try:
        with open(path, "rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except PermissionError as exc:
        raise SourceError(
            "permission denied reading the source file", path=path, hint="make it readable by this user"
        ) from exc
    except OSError as exc:
        raise SourceError(f"cannot read the source file: {exc.strerror}", path=path) from exc
    if not header:
        raise SourceError("source file is empty (0 bytes)", path=path, hint="the export did not finish?")
    if not header.startswith(SQLITE_MAGIC):
        raise SourceError(
            "not a SQLite database (bad file header)", path=path, hint="expected a SQLite export (.db)"
        )
    if len(header) < _HEADER_SIZE:
        raise SourceError("SQLite file is truncated (incomplete header)", path=path)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65_536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    # The in-header page count is valid when the change counters agree (SQLite >= 3.7.0 writes both).
    if header[24:28] == header[92:96] and page_count and os.path.getsize(path) < page_size * page_count:
        raise SourceError(
            f"SQLite file is truncated: {os.path.getsize(path)} bytes, header says "
            f"{page_count} pages of {page_size}",
            path=path,
            hint="copy the export again",
        )


#: Seconds a read of the export's catalogue waits for a writer's lock (SQLite's busy timeout).
READ_BUSY_TIMEOUT = 5.0


def locked_error(
    path: str | Path,
    *,
    waited: float,
    table: str | None = None,
    setting: str | None = None,
    error: type[EtlError] = SourceError,
) -> EtlError:
    """The one error for an export that a writer keeps locked for more than ``waited`` seconds.

    ``setting`` names the setting that sets the wait, when one does (the hint then mentions it).
    """
    hint = "retry when the program writing the export has finished"
    return error(
        f"the SQLite file is locked by another process: a writer held it for more than {waited:g} s",
        path=path,
        table=table,
        hint=f"{hint}, or raise {setting}" if setting else hint,
    )


def is_lock_error(exc: BaseException) -> bool:
    """True when ``exc`` (from SQLite or DuckDB's sqlite_scanner) means "locked", not "damaged"."""
    if isinstance(exc, sqlite3.Error):
        return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "database is locked" in str(exc) or "database table is locked" in str(exc)


def read_error(
    exc: BaseException,
    path: str | Path,
    *,
    table: str | None = None,
    message: str = "cannot read table",
    hint: str = "the file may be corrupt",
) -> EtlError:
    """:class:`SourceError` for a failed read of the export: :func:`locked_error` when it was a lock."""
    if is_lock_error(exc):
        return locked_error(path, waited=READ_BUSY_TIMEOUT, table=table)
    return SourceError(f"{message}: {exc}", path=path, table=table, hint=hint)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A SQLite connection that cannot write (``mode=ro``): the export is never modified."""
    try:
        return sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=READ_BUSY_TIMEOUT
        )
    except sqlite3.Error as exc:
        raise read_error(exc, path, message="cannot open the SQLite file", hint="check the file") from exc


def _read_catalogue(path: Path) -> dict[str, SourceTable]:
    """Tables, declared column types and row counts from SQLite itself, opened read-only."""
    con = _connect_read_only(path)
    try:
        names = [
            row[0]
            for row in con.execute(
                "SELECT name FROM sqlite_master "
                "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"
            )
        ]
        tables: dict[str, SourceTable] = {}
        for name in names:
            columns = tuple(
                SourceColumn(
                    name=row[1],
                    declared_type=row[2] or "",
                    not_null=bool(row[3]),
                    default=row[4],
                    primary_key=bool(row[5]),
                )
                for row in con.execute(f"PRAGMA table_info({quote_ident(name)})")
            )
            tables[name] = SourceTable(
                name=name, columns=columns, path=path, rowid=_rowid_range(con, name, columns)
            )
        return tables
    except sqlite3.DatabaseError as exc:
        raise read_error(exc, path, message="SQLite file is corrupt", hint="copy the export again") from exc
    finally:
        con.close()


def _count_rows(path: Path, table: str) -> int:
    con = _connect_read_only(path)
    try:
        (count,) = con.execute(f"SELECT count(*) FROM {quote_ident(table)}").fetchone() or (0,)
        return int(count)
    except sqlite3.DatabaseError as exc:
        raise read_error(
            exc, path, table=table, message="SQLite file is corrupt", hint="copy the export again"
        ) from exc
    finally:
        con.close()


def _rowid_range(
    con: sqlite3.Connection, table: str, columns: tuple[SourceColumn, ...]
) -> tuple[str, int, int] | None:
    """The unshadowed rowid alias of ``table`` and its lowest/highest value (two B-tree seeks)."""
    names = {column.name.lower() for column in columns}
    alias = next((a for a in ("rowid", "_rowid_", "oid") if a not in names), None)
    if alias is None:
        return None
    try:
        low, high = con.execute(f"SELECT min({alias}), max({alias}) FROM {quote_ident(table)}").fetchone()
    except sqlite3.OperationalError:  # WITHOUT ROWID
        return None
    if not isinstance(low, int) or not isinstance(high, int):
        return None  # empty table
    return alias, low, high
