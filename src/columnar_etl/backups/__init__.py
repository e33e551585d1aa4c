"""Backups: copies of the SQLite source and ``pg_dump`` archives of target schemas, verified and pruned.

In: the SQLite export, or a target schema with its URI. Out: a
:class:`~columnar_etl.backups.manifest.BackupResult` (the file, its checksum, its tables' row counts),
verifications, listings, restores. Every backup is a file plus ``<file>.sha256`` and a ``<file>.json``
manifest (see :mod:`.manifest`).

- :func:`create_backup` / :func:`restore_backup`: the source file (SQLite online backup API).
- :func:`backup_target` / :func:`restore_target`: one target schema (``pg_dump -F c`` / ``pg_restore``).
- :func:`verify_backup`: checksum plus a look inside, for either kind.
- :func:`list_backups` / :func:`prune_backups`: what is there; retention that keeps the newest good one.
"""

from columnar_etl.backups.manifest import BackupManifest, BackupResult
from columnar_etl.backups.pg_backup import TargetRestoreResult, backup_target, restore_target
from columnar_etl.backups.retention import (
    BackupEntry,
    BackupListing,
    PruneResult,
    list_backups,
    parse_age,
    prune_backups,
)
from columnar_etl.backups.sqlite_backup import RestoreResult, create_backup, restore_backup
from columnar_etl.backups.verify import BackupVerification, VerifyStep, verify_backup
from columnar_etl.pg.tools import PgTool, find_pg_tool

__all__ = [
    "BackupEntry",
    "BackupListing",
    "BackupManifest",
    "BackupResult",
    "BackupVerification",
    "PgTool",
    "PruneResult",
    "RestoreResult",
    "TargetRestoreResult",
    "VerifyStep",
    "backup_target",
    "create_backup",
    "find_pg_tool",
    "list_backups",
    "parse_age",
    "prune_backups",
    "restore_backup",
    "restore_target",
    "verify_backup",
]
