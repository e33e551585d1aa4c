"""What every backup carries next to it: a ``sha256sum`` sidecar and a JSON manifest; naming and listing.

A backup ``X`` is three files: ``X`` itself, ``X.sha256`` (``sha256sum -c`` compatible) and ``X.json``
(kind, origin, creation time in UTC, size, checksum, tables with row counts). Verify, list and prune
read the manifest; the checksum sidecar lets anyone check the file without this tool.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from columnar_etl.atomic import write_text_atomically
from columnar_etl.errors import NO_ROOM, BackupError, no_room_hint
from columnar_etl.leftovers import owned_names, owner_tag, sweep_leftovers

BackupKind = Literal["sqlite", "pg_dump"]
MANIFEST_VERSION = 1
MANIFEST_SUFFIX = ".json"
CHECKSUM_SUFFIX = ".sha256"
TIMESTAMP_FORMAT = "%Y%m%d_%H%M%S"
# `<name>.<YYYYMMDD_HHMMSS>[_<n>][.dump]`: what create_backup / backup_target write.
_STAMPED = re.compile(r"\.\d{8}_\d{6}(?:_\d+)?(?:\.dump)?$")
#: A backup (or a restored file) being written: ``.<name>.<owner>.<8 hex>.partial``, the owner as
#: :func:`~columnar_etl.leftovers.owner_tag` names it (see :func:`partial_path`).
PARTIAL_NAMES = owned_names(r"\..+\.", r"\.[0-9a-f]{8}\.partial")


@dataclass
class BackupManifest:
    """The manifest of one backup (``<backup>.json``)."""

    kind: BackupKind
    path: Path
    created_utc: datetime
    size: int
    sha256: str
    origin: str
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def manifest_path(self) -> Path:
        """Where this manifest lives: ``<backup>.json``."""
        return manifest_path_for(self.path)

    @property
    def total_rows(self) -> int:
        """Rows over all recorded tables."""
        return sum(int(info.get("rows", 0)) for info in self.tables.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (what the manifest file holds)."""
        return {
            "manifest_version": MANIFEST_VERSION,
            "kind": self.kind,
            "file": self.path.name,
            "path": str(self.path),
            "created_utc": self.created_utc.isoformat(),
            "size": self.size,
            "sha256": self.sha256,
            "origin": self.origin,
            "tables": self.tables,
            **self.extra,
        }

    def write(self) -> None:
        """Write ``<backup>.json`` and ``<backup>.sha256`` atomically (temp file, then rename)."""
        write_text_atomically(self.manifest_path, json.dumps(self.to_dict(), indent=2) + "\n")
        write_text_atomically(checksum_path_for(self.path), f"{self.sha256}  {self.path.name}\n")

    @classmethod
    def read(cls, backup: str | Path) -> BackupManifest:
        """Read the manifest of ``backup``; :class:`BackupError` when it is missing or unreadable."""
        backup = Path(backup)
        path = manifest_path_for(backup)
        try:
            data = json.loads(path.read_text())
        except FileNotFoundError:
            raise BackupError(
                f"no manifest {path.name} next to the backup",
                path=backup,
                hint="only backups made by columnar-etl can be verified",
            ) from None
        except (OSError, ValueError) as exc:
            raise BackupError(f"cannot read the manifest {path.name}: {exc}", path=backup) from exc
        known = {
            "manifest_version",
            "kind",
            "file",
            "path",
            "created_utc",
            "size",
            "sha256",
            "origin",
            "tables",
        }
        try:
            return cls(
                kind=data["kind"],
                # The backup may have been moved with its sidecars: the file next to the manifest counts.
                path=backup,
                created_utc=datetime.fromisoformat(data["created_utc"]),
                size=int(data["size"]),
                sha256=str(data["sha256"]),
                origin=str(data["origin"]),
                tables=dict(data.get("tables", {})),
                extra={key: value for key, value in data.items() if key not in known},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise BackupError(f"the manifest {path.name} is incomplete: {exc}", path=backup) from exc


@dataclass
class BackupResult:
    """A backup just made (of the source file or of a target schema): its manifest and how long it took.

    ``to_dict()`` is what a run record stores.
    """

    manifest: BackupManifest
    seconds: float

    @property
    def path(self) -> Path:
        """The backup file."""
        return self.manifest.path

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: the manifest plus the time taken."""
        return {**self.manifest.to_dict(), "seconds": round(self.seconds, 4)}

    def __repr__(self) -> str:
        m = self.manifest
        return f"<BackupResult {m.kind} {m.path}: {m.total_rows:,} rows, sha256 {m.sha256[:16]}…>"

    def _repr_html_(self) -> str:
        m = self.manifest
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td>{int(info.get('rows', 0)):,}</td></tr>"
            for name, info in m.tables.items()
        )
        return (
            f"<p>{html.escape(m.kind)} backup <code>{html.escape(str(m.path))}</code> of "
            f"{html.escape(m.origin)}: {m.size:,} bytes, sha256 <code>{m.sha256}</code>, "
            f"{self.seconds:.2f} s</p><table><tr><th>table</th><th>rows</th></tr>{rows}</table>"
        )


def manifest_path_for(backup: Path) -> Path:
    """``<backup>.json``."""
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def checksum_path_for(backup: Path) -> Path:
    """``<backup>.sha256``."""
    return backup.with_name(backup.name + CHECKSUM_SUFFIX)


def read_checksum_sidecar(backup: Path) -> str | None:
    """The digest recorded in ``<backup>.sha256``, or None when the sidecar is missing or malformed."""
    try:
        text = checksum_path_for(backup).read_text().strip()
    except OSError:
        return None
    digest = text.split()[0] if text else ""
    return digest if re.fullmatch(r"[0-9a-f]{64}", digest) else None


def partial_path(directory: Path, name: str) -> Path:
    """A new hidden name in ``directory`` for ``name`` while it is written (``.partial``, naming this
    process as its owner). The partial files processes killed there left (SIGKILL runs no ``finally``)
    are removed first; a live process's never are."""
    sweep_leftovers(directory, PARTIAL_NAMES)
    return directory / f".{name}.{owner_tag()}.{secrets.token_hex(4)}.partial"


def remove_partial(tmp: Path) -> None:
    """Remove the partial file ``tmp`` if it is there, never raising: called on the way out of a failed
    write, whose error is the one to tell. On a read-only file system even a missing file's unlink is
    EROFS, which replaced the write's own error with a bare ``OSError`` naming the hidden ``.partial``
    file; a partial file left is swept by the next backup in the directory (:func:`partial_path`)."""
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)


def publish_unique(tmp: Path, directory: Path, stem: str, created: datetime, suffix: str = "") -> Path:
    """Give the finished temp file its final name ``<stem>.<YYYYMMDD_HHMMSS>[_n]<suffix>``, never overwriting.

    ``os.link`` fails when the name exists, so two backups made in the same second (even by two
    processes) get ``_1``, ``_2`` ... instead of replacing each other; the temp name is removed after.
    """
    base = f"{stem}.{created.astimezone(UTC):{TIMESTAMP_FORMAT}}"
    for attempt in range(1000):
        final = directory / f"{base}{f'_{attempt}' if attempt else ''}{suffix}"
        # A manifest without its backup (a half-deleted backup) also reserves the name.
        if manifest_path_for(final).exists():
            continue
        try:
            os.link(tmp, final)
        except FileExistsError:
            continue
        tmp.unlink()
        return final
    raise BackupError(f"no free backup name for {base} after 1000 tries", path=directory)


def is_backup_name(path: Path) -> bool:
    """Whether ``path`` is named like a backup this package writes (not a sidecar, not a temp file)."""
    return not path.name.startswith(".") and bool(_STAMPED.search(path.name))


def list_manifests(directory: Path) -> tuple[list[BackupManifest], list[Path]]:
    """Backups in ``directory`` with a readable manifest (oldest first), and stamped files without one."""
    if not directory.is_dir():
        return [], []
    found: list[BackupManifest] = []
    incomplete: list[Path] = []
    for path in sorted(directory.iterdir()):
        if not is_backup_name(path) or not path.is_file():
            continue
        try:
            found.append(BackupManifest.read(path))
        except BackupError:
            incomplete.append(path)
    # The name breaks ties: `x.20250520_084200` was made before `x.20250520_084200_1`.
    found.sort(key=lambda manifest: (manifest.created_utc, manifest.path.name))
    return found, incomplete


def cannot_write(directory: Path, exc: BaseException) -> BackupError:
    """The backup directory refuses a backup (not writable, not a directory): said so, not as a bare
    ``PermissionError`` or ``FileExistsError`` (the source's copy until 2026-12-03, helper h73; a
    target's dump, a cutover's among them, until 2026-12-07)."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    if isinstance(exc, OSError) and exc.errno in NO_ROOM:  # not a right missing: room
        hint = no_room_hint("the backup", "set backup_dir to a directory with room")
    else:
        hint = "set backup_dir to a directory this user can write (setting backup_dir)"
    return BackupError(f"cannot write the backup in this directory: {reason}", path=directory, hint=hint)
