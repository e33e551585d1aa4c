"""The export's identity: checksums of what SQLite reads (main file plus committed WAL frames)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from columnar_etl.errors import SourceError
from columnar_etl.source.early import Signature, signature
from columnar_etl.source.side_files import side_file
from columnar_etl.source.sqlite_file import check_not_special


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
    check_not_special(path)  # a FIFO's open waits for a writer: the preflight says what it is (h341)
    wal = side_file(path, "-wal")
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


#: What tells one state of the export from another: the :func:`~.early.signature` (device, inode,
#: size, modification time) of the file and of its ``-wal`` file (None when there is none).
SourceState = tuple[Signature | None, Signature | None]


def source_state(path: str | Path) -> SourceState:
    """The export's state as :data:`SourceState` says: taken before its identity is, compared by
    :func:`check_unchanged` before a load commits. An empty ``-wal`` counts as none: a reader of a WAL
    export creates one (SQLite does, even read-only), and it holds nothing."""
    path = Path(path)
    wal = signature(side_file(path, "-wal"))
    return signature(path), wal if wal is not None and wal[2] > 0 else None


def check_unchanged(path: str | Path, before: SourceState) -> None:
    """Raise :class:`SourceError` when the export is no longer in the state ``before``: written to
    (its file or its WAL), replaced or removed since. A load checks it before it commits: the checksum,
    the backup and the profile were of the export as it was, and the rows read later would be of
    another (helper 22: a file replaced during the load went live mixed with the one profiled)."""
    if source_state(path) != before:
        raise SourceError(
            "the export changed during the run (written to, replaced or removed): nothing was committed",
            path=Path(path),
            hint="run again once nothing writes to it, or on a copy",
        )
