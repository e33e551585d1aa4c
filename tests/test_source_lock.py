"""A source held by a writer's exclusive lock is reported as locked, never as corrupt (issue 16, item 5)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from columnar_etl.cli import app
from columnar_etl.errors import SourceError
from columnar_etl.source import sqlite_file
from columnar_etl.source.export import open_source
from columnar_etl.source.identity import file_checksum

from .conftest import SMALL_FIXTURE

runner = CliRunner()


#: The wait for a writer's lock in these tests (the product's is sqlite_file.READ_BUSY_TIMEOUT, 5 s).
WAIT = 1.0


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the small fixture with another connection holding ``BEGIN EXCLUSIVE`` on it; a read of
    it waits :data:`WAIT` seconds for the lock."""
    monkeypatch.setattr(sqlite_file, "READ_BUSY_TIMEOUT", WAIT)
    export = tmp_path / "export.db"
    shutil.copy(SMALL_FIXTURE, export)
    writer = sqlite3.connect(export, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")
    try:
        yield export
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_open_source_says_locked_and_changes_nothing(locked: Path) -> None:
    before = file_checksum(locked)
    started = time.perf_counter()
    with pytest.raises(SourceError) as info:
        open_source(locked)
    waited = time.perf_counter() - started
    assert str(info.value) == (
        f"file {locked}: the SQLite file is locked by another process: a writer held it for more than "
        f"{WAIT:g} s (hint: retry when the program writing the export has finished)"
    )
    # Once, not once per read (the collations' read of the schema waited, then the catalogue's again).
    assert WAIT <= waited < 1.9 * WAIT
    assert file_checksum(locked) == before


@pytest.mark.parametrize(
    "command",
    [["profile"], ["clean", "--output", "{tmp}/clean.db"], ["load", "--mode", "simple"]],
    ids=["profile", "clean", "load"],
)
def test_commands_on_a_locked_source_say_locked(
    locked: Path, tmp_path: Path, pg_uri: str, command: list[str]
) -> None:
    name, *options = command
    args = [name, str(locked), *(o.replace("{tmp}", str(tmp_path)) for o in options)]
    result = runner.invoke(app, ["--target", pg_uri, *args])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert lines == [
        f"error: file {locked}: the SQLite file is locked by another process: a writer held it for more "
        f"than {WAIT:g} s (hint: retry when the program writing the export has finished)"
    ]
