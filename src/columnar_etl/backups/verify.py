"""Is a backup still what was written? Checksum, size, and a kind-specific look inside.

SQLite copies: ``PRAGMA integrity_check`` and the same tables with the same row counts as the manifest.
``pg_dump`` archives: ``pg_restore --list`` reads the archive's table of contents, which must hold every
table the manifest recorded. Every step runs even after one fails, so the report says all that is wrong.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from columnar_etl.backups.manifest import BackupManifest, read_checksum_sidecar
from columnar_etl.config import Settings, load_settings
from columnar_etl.errors import BackupError
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.pg.tools import find_pg_tool, run_pg_tool
from columnar_etl.source.collations import stand_in_collations
from columnar_etl.source.identity import file_checksum
from columnar_etl.source.virtual_tables import virtual_tables

DAMAGED_HINT = "the backup is damaged or was changed; use another one (columnar-etl backup list)"
_INTEGRITY_MESSAGES = 5


@dataclass(frozen=True)
class VerifyStep:
    """One verification step: what was checked, whether it held, and what was found."""

    name: str
    ok: bool
    detail: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"name": self.name, "ok": self.ok, "detail": self.detail}


@dataclass
class BackupVerification:
    """The outcome of :func:`verify_backup`: every step, and the manifest when it could be read."""

    path: Path
    steps: list[VerifyStep] = field(default_factory=list)
    manifest: BackupManifest | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when every step held."""
        return bool(self.steps) and all(step.ok for step in self.steps)

    @property
    def problems(self) -> list[str]:
        """What is wrong, one sentence per failed step."""
        return [step.detail for step in self.steps if not step.ok]

    def raise_for_problems(self, doing: str | None = None) -> None:
        """Raise :class:`BackupError` naming the first problem when the backup did not verify.

        ``doing`` names what is refused (``"restore"`` → "refusing to restore a backup that fails ...").
        """
        if not self.ok:
            more = f" (+{len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
            what = f"refusing to {doing} a backup that fails" if doing else "the backup fails"
            raise BackupError(
                f"{what} verification: {self.problems[0]}{more}",
                path=self.path,
                hint=DAMAGED_HINT,
            )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "path": str(self.path),
            "kind": self.manifest.kind if self.manifest else None,
            "ok": self.ok,
            "problems": self.problems,
            "steps": [step.to_dict() for step in self.steps],
            "seconds": round(self.seconds, 4),
        }


def verify_backup(backup: str | Path, *, settings: Settings | None = None) -> BackupVerification:
    """Check a backup against its manifest and sidecar: size, sha256, and that its content is sound.

    Raises :class:`BackupError` only when the file does not exist; everything else wrong with it is a
    failed step of the returned :class:`BackupVerification` (``.ok``, ``.problems``).
    """
    started = time.perf_counter()
    path = Path(backup)
    if not path.is_file():
        raise BackupError("backup file not found", path=path, hint="columnar-etl backup list shows backups")
    result = BackupVerification(path=path)
    try:
        manifest = BackupManifest.read(path)
    except BackupError as exc:
        result.steps.append(VerifyStep("manifest", False, exc.message))
        result.seconds = time.perf_counter() - started
        return result
    result.manifest = manifest
    result.steps.append(VerifyStep("manifest", True, f"{manifest.kind} backup of {manifest.origin}"))
    result.steps.append(_size_step(path, manifest))
    result.steps.append(_checksum_step(path, manifest))
    if manifest.kind == "sqlite":
        result.steps.extend(_sqlite_steps(path, manifest))
    else:
        result.steps.append(_dump_step(path, manifest, settings or load_settings()))
    result.seconds = time.perf_counter() - started
    return result


def _size_step(path: Path, manifest: BackupManifest) -> VerifyStep:
    size = path.stat().st_size
    if size != manifest.size:
        return VerifyStep(
            "size",
            False,
            f"size mismatch: the file has {size:,} bytes, the manifest records {manifest.size:,}",
        )
    return VerifyStep("size", True, f"{size:,} bytes")


def _checksum_step(path: Path, manifest: BackupManifest) -> VerifyStep:
    actual = file_checksum(path, "sha256")
    sidecar = read_checksum_sidecar(path)
    if actual != manifest.sha256:
        return VerifyStep(
            "checksum",
            False,
            f"checksum mismatch: the file's sha256 is {actual[:16]}…, the manifest records "
            f"{manifest.sha256[:16]}…",
        )
    if sidecar != manifest.sha256:
        return VerifyStep("checksum", False, f"the {path.name}.sha256 sidecar is missing or disagrees")
    return VerifyStep("checksum", True, f"sha256 {actual[:16]}… matches")


def _sqlite_steps(path: Path, manifest: BackupManifest) -> list[VerifyStep]:
    # immutable=1: a backup is never written to, so no lock, journal or -wal file is ever created.
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        # integrity_check holds each index to its collation's order: with a byte-order stand-in of one
        # only the writing application has (Anki's unicase), it would report sound indexes as damaged.
        # quick_check checks the rest (pages, records, NOT NULL) without that.
        pragma = "quick_check" if stand_in_collations(con) else "integrity_check"
        try:
            messages = [str(row[0]) for row in con.execute(f"PRAGMA {pragma}({_INTEGRITY_MESSAGES})")]
        except sqlite3.DatabaseError as exc:
            messages = [str(exc)]
        integrity = (
            VerifyStep("integrity", True, f"PRAGMA {pragma}: ok")
            if messages == ["ok"]
            else VerifyStep("integrity", False, f"PRAGMA {pragma}: {'; '.join(messages)}")
        )
        try:
            counts = sqlite_row_counts(con)
        except sqlite3.DatabaseError as exc:
            return [integrity, VerifyStep("tables", False, f"cannot count rows: {exc}")]
    finally:
        con.close()
    recorded = {name: int(info["rows"]) for name, info in manifest.tables.items()}
    return [integrity, _tables_step(counts, recorded)]


def _tables_step(found: dict[str, int], recorded: dict[str, int]) -> VerifyStep:
    differences = [
        f"{name} has {found[name]:,} rows, the manifest records {recorded[name]:,}"
        for name in recorded
        if name in found and found[name] != recorded[name]
    ]
    differences += [f"table {name} is missing" for name in recorded if name not in found]
    differences += [f"table {name} is not in the manifest" for name in found if name not in recorded]
    if differences:
        return VerifyStep("tables", False, "tables differ from the manifest: " + "; ".join(differences))
    return VerifyStep("tables", True, f"{len(found)} tables, {sum(found.values()):,} rows as recorded")


def sqlite_row_counts(con: sqlite3.Connection) -> dict[str, int]:
    """Row count of every user table of an open SQLite database, in creation order.

    Virtual tables are left out: their rows are computed by their module (which this SQLite may not
    have: sqlite-vec's ``vec0``, an application's own) from their storage tables, which are counted.
    """
    virtual = virtual_tables(con)
    # count(*) may choose an index on a column of a collation only the writing application has.
    stand_in_collations(con)
    names = [
        str(row[0])
        for row in con.execute(
            "SELECT name FROM sqlite_master "
            "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"
        )
        if str(row[0]) not in virtual
    ]
    counts: dict[str, int] = {}
    for name in names:
        row = con.execute(f"SELECT count(*) FROM {quote_ident(name)}").fetchone()
        counts[name] = int(row[0]) if row else 0
    return counts


def _dump_step(path: Path, manifest: BackupManifest, settings: Settings) -> VerifyStep:
    try:
        tool = find_pg_tool("pg_restore", bin_dir=settings.pg_bin_dir)
        listing = run_pg_tool(
            [str(tool.path), "--list", str(path)],
            env=dict(os.environ),
            what="pg_restore --list",
            hint=DAMAGED_HINT,
        )
    except BackupError as exc:
        return VerifyStep("archive", False, exc.message)
    schema = str(manifest.extra.get("schema", ""))
    # TOC lines look like `217; 1259 16390 TABLE myschema mytable postgres` (names unquoted).
    missing = [name for name in manifest.tables if f" TABLE {schema} {name} " not in listing]
    if missing:
        return VerifyStep("archive", False, f"the archive lacks tables of the manifest: {', '.join(missing)}")
    return VerifyStep("archive", True, f"pg_restore --list: {len(manifest.tables)} tables of schema {schema}")
