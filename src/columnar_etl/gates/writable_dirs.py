"""Gate 0: the directories a run writes (``backup_dir``, ``runs_dir``) can be written by this user.

Free space alone (the ``disk`` check) said nothing of a directory on a read-only mount, one this user
may not write (mode 0555, another owner) or a path that is a file: the preflight passed, and the run
failed at its backup, after the profile had read the export. Each directory is tried as the run will
use it: a file is made (and removed at once) in it, or, when it does not exist yet, in the nearest
directory above it, where it would be made. A real write answers what modes alone cannot (a read-only
file system, ACLs, root's rights).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from columnar_etl.config import ENV_PREFIX, Settings
from columnar_etl.gates.check import Check

#: The settings whose directories a run writes, in the order the run writes them.
WRITTEN_DIRS = ("runs_dir", "backup_dir")


def write_problem(directory: Path) -> str | None:
    """Why this user cannot write files in ``directory`` (made on first use), or None when it can."""
    existing = directory
    while not existing.exists() and existing != existing.parent:
        if existing.is_symlink():  # a link to nothing: the directory cannot be made through it
            return f"{existing} is a link to nothing"
        existing = existing.parent
    if not existing.is_dir():
        return (
            "a file, not a directory" if existing == directory else f"{existing} is a file, not a directory"
        )
    try:
        handle, probe = tempfile.mkstemp(prefix=".columnar_etl-probe-", dir=existing)
    except OSError as exc:
        why = exc.strerror or str(exc)
        return (
            f"cannot write there: {why}" if existing == directory else f"cannot be made in {existing}: {why}"
        )
    os.close(handle)
    # The probe is empty and hidden: a directory that lets one make a file but not remove it keeps it.
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return None


def check_writable_dirs(settings: Settings) -> Check:
    """Fail when a directory a run writes (``backup_dir``, ``runs_dir``) cannot be written, naming the
    setting, its path and why."""
    problems = {
        name: problem
        for name in WRITTEN_DIRS
        if (problem := write_problem(Path(getattr(settings, name)))) is not None
    }
    total = len(WRITTEN_DIRS)
    if not problems:
        named = " and ".join(f"{name} {getattr(settings, name)}" for name in WRITTEN_DIRS)
        return Check("writable_dirs", "pass", total, total, f"{named}: this user can write there")
    message = "; ".join(f"{name} {getattr(settings, name)}: {why}" for name, why in problems.items())
    names = " / ".join(problems)
    variables = " / ".join(f"{ENV_PREFIX}{name.upper()}" for name in problems)
    return Check(
        "writable_dirs",
        "fail",
        total - len(problems),
        total,
        message,
        hint=f"set {names} (the TOML file or {variables}) to a directory this user can write, with room",
    )
