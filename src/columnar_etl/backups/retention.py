"""Listing backups, and pruning the expired ones without ever losing the last good one.

Backups are grouped by what they back up: a SQLite copy by its source file, a ``pg_dump`` by its
database (every version schema of a database is one history). In each group the newest backup that
verifies is kept whatever its age; every other backup created strictly before the cutoff is removed with
its sidecars. Files without a readable manifest are listed as incomplete and never removed: what cannot
be identified is not ours to delete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from columnar_etl.backups.manifest import BackupManifest, checksum_path_for, list_manifests, manifest_path_for
from columnar_etl.backups.verify import BackupVerification, verify_backup
from columnar_etl.config import Settings, load_settings
from columnar_etl.errors import UsageError

_AGE = re.compile(r"^\s*(\d+)\s*([dhw]?)\s*$")
_UNIT = {"": "days", "d": "days", "h": "hours", "w": "weeks"}


def parse_age(text: str) -> timedelta:
    """``30d`` → 30 days (``h`` hours, ``w`` weeks; a bare number is days)."""
    match = _AGE.match(text)
    if match is None:
        raise UsageError(f"cannot read the age {text!r}", hint="write it like 30d, 12h or 2w")
    return timedelta(**{_UNIT[match.group(2)]: int(match.group(1))})


def _group(manifest: BackupManifest) -> str:
    if manifest.kind == "pg_dump":
        return f"pg_dump:{manifest.extra.get('database', '?')}"
    return f"sqlite:{manifest.origin}"


@dataclass
class BackupEntry:
    """One backup of a listing, with its verification when one was asked for."""

    manifest: BackupManifest
    verification: BackupVerification | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "path": str(self.manifest.path),
            "kind": self.manifest.kind,
            "origin": self.manifest.origin,
            "created_utc": self.manifest.created_utc.isoformat(),
            "size": self.manifest.size,
            "sha256": self.manifest.sha256,
            "tables": len(self.manifest.tables),
            "rows": self.manifest.total_rows,
            "ok": None if self.verification is None else self.verification.ok,
            "problems": [] if self.verification is None else self.verification.problems,
        }


@dataclass
class BackupListing:
    """The backups of a directory, oldest first, and stamped files whose manifest is missing."""

    directory: Path
    backups: list[BackupEntry] = field(default_factory=list)
    incomplete: list[Path] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "directory": str(self.directory),
            "backups": [entry.to_dict() for entry in self.backups],
            "incomplete": [str(path) for path in self.incomplete],
        }


def list_backups(
    backup_dir: str | Path | None = None, *, verify: bool = False, settings: Settings | None = None
) -> BackupListing:
    """Every backup in ``backup_dir`` (default ``settings.backup_dir``), oldest first; verified if asked."""
    settings = settings or load_settings()
    directory = Path(backup_dir) if backup_dir is not None else settings.backup_dir
    manifests, incomplete = list_manifests(directory)
    entries = [
        BackupEntry(manifest, verify_backup(manifest.path, settings=settings) if verify else None)
        for manifest in manifests
    ]
    return BackupListing(directory=directory, backups=entries, incomplete=incomplete)


@dataclass
class PruneResult:
    """What :func:`prune_backups` removed and kept, and why."""

    directory: Path
    cutoff: datetime
    dry_run: bool
    removed: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    newest_good: dict[str, Path | None] = field(default_factory=dict)
    freed_bytes: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "directory": str(self.directory),
            "cutoff_utc": self.cutoff.isoformat(),
            "dry_run": self.dry_run,
            "removed": [str(path) for path in self.removed],
            "kept": [str(path) for path in self.kept],
            "newest_good": {group: str(path) if path else None for group, path in self.newest_good.items()},
            "freed_bytes": self.freed_bytes,
        }


def prune_backups(
    backup_dir: str | Path | None = None,
    *,
    older_than: timedelta | str | None = None,
    now: datetime | None = None,
    dry_run: bool = False,
    settings: Settings | None = None,
) -> PruneResult:
    """Remove backups created before ``now - older_than`` (default ``settings.retention_days``).

    The newest backup of each group that passes :func:`verify_backup` is never removed, however old;
    when none verifies, nothing newer than it exists to fall back on, so the group's backups are judged
    by age alone. ``dry_run`` reports without deleting.
    """
    settings = settings or load_settings()
    directory = Path(backup_dir) if backup_dir is not None else settings.backup_dir
    if older_than is None:
        age = timedelta(days=settings.retention_days)
    elif isinstance(older_than, str):
        age = parse_age(older_than)
    else:
        age = older_than
    cutoff = (now or datetime.now(UTC)) - age
    result = PruneResult(directory=directory, cutoff=cutoff, dry_run=dry_run)
    manifests, _ = list_manifests(directory)
    groups: dict[str, list[BackupManifest]] = {}
    for manifest in manifests:
        groups.setdefault(_group(manifest), []).append(manifest)
    for group, members in groups.items():
        newest_first = members[::-1]  # list_manifests sorts oldest first
        keeper = next((m for m in newest_first if verify_backup(m.path, settings=settings).ok), None)
        result.newest_good[group] = keeper.path if keeper else None
        for manifest in members:
            if manifest is keeper or manifest.created_utc >= cutoff:
                result.kept.append(manifest.path)
                continue
            result.removed.append(manifest.path)
            result.freed_bytes += manifest.size
            if not dry_run:
                for path in (
                    manifest.path,
                    checksum_path_for(manifest.path),
                    manifest_path_for(manifest.path),
                ):
                    path.unlink(missing_ok=True)
    return result
