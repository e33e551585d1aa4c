"""The export's identity: checksums of what SQLite reads (main file plus committed WAL frames)."""

from __future__ import annotations

import hashlib
from pathlib import Path


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
