"""The profile of a table of long cells (HTML bodies, files kept as text) within profile_memory_limit.

DuckDB hands SQLite's rows over 2,048 at a time: a table of a few hundred rows of ~100 KB of text
held all of it in one vector and ran out of the limit however the counting spilled. Its long cells are
read apart (profiling/long_cells.py); the figures are checked against Python over the rows sqlite3
reads, and against the profile of the same export with memory to spare.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from columnar_etl import profile
from columnar_etl.config import load_settings
from columnar_etl.errors import SourceError
from columnar_etl.models import Profile
from columnar_etl.profiling import long_cells
from columnar_etl.profiling import profile as profile_module
from columnar_etl.rules import WHITESPACE

#: Small enough for a test, and for the export below not to fit in it the way it used to be read.
TIGHT = "64MB"
ROWS = 260


def _body(rng: random.Random, number: int) -> str:
    words = ["lorem", "ipsum", "<p>", "</p>", "dolor", "ünïcode", "€", "sit", "amet", "\n"]
    size = rng.randrange(60_000, 180_000)
    return (f"<html>{number:05d} " + " ".join(rng.choices(words, k=size // 6)))[:size]


def _long_export(path: Path) -> Path:
    """An export of ~30 MB of long, mostly distinct TEXT (copies, padding, NBSP, NUL, bytes that are no
    UTF-8, NULL, a null token, short values among them) beside long BLOBs and a short column."""
    rng = random.Random(41)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, attachment BLOB, status TEXT)")
    previous = ""
    for number in range(ROWS):
        body: Any = _body(rng, number)
        if number % 13 == 5:
            body = previous  # a copy of the row before
        elif number % 11 == 3:
            body = "  " + body  # padded
        elif number % 17 == 4:
            body = body + "\u00a0"  # a trailing NBSP
        elif number % 19 == 6:
            body = body[:500] + "\x00" + body[500:]  # a NUL byte
        elif number % 23 == 7:
            body = body.encode() + b"\xff\xfe caf\xe9"  # not UTF-8 (cp1252 bytes)
        elif number % 29 == 8:
            body = None
        elif number % 31 == 9:
            body = "N/A"
        elif number % 37 == 10:
            body = f"short {number}"
        previous = body if isinstance(body, str) else previous
        attachment = rng.randbytes(rng.randrange(50_000, 120_000)) if number % 3 == 0 else None
        status = ["open", "closed", " pending "][number % 3]
        if isinstance(body, bytes):
            con.execute(
                "INSERT INTO notes VALUES (?, CAST(? AS TEXT), ?, ?)", (number, body, attachment, status)
            )
        else:
            con.execute("INSERT INTO notes VALUES (?, ?, ?, ?)", (number, body, attachment, status))
    con.commit()
    con.close()
    return path


def _cells(path: Path, column: str, table: str = "notes") -> list[tuple[str, bytes | None]]:
    """``column``'s cells as SQLite stores them: (storage class, bytes)."""
    con = sqlite3.connect(path)
    con.text_factory = bytes
    rows = con.execute(f"SELECT typeof({column}), CAST({column} AS BLOB) FROM {table}").fetchall()
    con.close()
    return [(kind.decode(), value) for kind, value in rows]


@pytest.fixture(scope="module")
def long_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _long_export(tmp_path_factory.mktemp("long") / "long.db")


@pytest.mark.slow
def test_long_text_is_profiled_within_a_tight_limit_with_the_figures_python_finds(long_export: Path) -> None:
    result = profile(long_export, settings=load_settings(profile_memory_limit=TIGHT))
    body = result["notes"]["body"]
    cells = _cells(long_export, "body")
    present = [value for kind, value in cells if kind != "null"]
    assert present and all(kind in ("text", "null") for kind, _ in cells)
    # The long cells were many, and long: the test is about them.
    assert sum(len(value) > 100_000 for value in present if value is not None) > 50
    decoded = []
    for value in present:
        assert value is not None
        try:
            decoded.append(value.decode())
        except UnicodeDecodeError:
            decoded.append(value.decode("cp1252"))
    tokens = [text for text in decoded if text.strip(WHITESPACE) in load_settings().null_tokens]
    values = [text.strip(WHITESPACE) for text in decoded if text not in tokens]

    assert body.row_count == ROWS
    assert body.storage_classes == {"text": len(present)}
    assert body.null_count == ROWS - len(present)
    assert body.null_like_count == len(tokens)
    assert body.distinct_count == len(set(present))
    assert body.bytes == sum(len(value) for value in present if value is not None)
    assert body.nul_byte_count == sum(b"\x00" in value for value in present if value is not None)
    padded = [
        text
        for text in decoded
        if text not in tokens and text != text.strip(WHITESPACE) and text.strip(WHITESPACE)
    ]
    # A value of several lines (a line break in its text trimmed, NUL bytes removed, as the cleaner
    # sees it) is a document, its padding kept: counted apart from the padded values of one line.
    documents = [text for text in padded if "\n" in text.replace("\x00", "").strip(WHITESPACE)]
    assert documents  # the long bodies are of several lines: every padded one here is a document
    assert (body.whitespace_padded_count, body.padded_documents) == (
        len(padded) - len(documents),
        len(documents),
    )
    invalid = body.issue("invalid_encoding")
    assert invalid is not None
    assert invalid.count == sum(1 for value in present if value is not None and not _utf8(value))
    assert (body.min, body.max) == (min(values), max(values))
    assert body.inferred_type == "text"

    attachment = result["notes"]["attachment"]
    blobs = [value for kind, value in _cells(long_export, "attachment") if kind == "blob"]
    assert attachment.storage_classes == {"blob": len(blobs)}
    assert attachment.distinct_count == len(set(blobs))
    assert attachment.bytes == sum(len(value) for value in blobs if value is not None)

    # Exactly the profile of the same export with memory to spare (read the usual way).
    roomy = profile(long_export, settings=load_settings(profile_memory_limit="2GB"))
    assert _figures(result.to_dict()) == _figures(roomy.to_dict())


@pytest.mark.slow
def test_long_text_ran_out_of_the_tight_limit_the_usual_way(
    long_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the profile did before its long cells were read apart: the same export, the same limit."""
    monkeypatch.setattr(profile_module, "_long_cells_apart", lambda *_: False)
    with pytest.raises(SourceError, match="profiling ran out of memory"):
        profile(long_export, settings=load_settings(profile_memory_limit=TIGHT))


@pytest.mark.slow
def test_long_cells_read_apart_in_many_small_reads_give_the_same_figures(
    long_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every table read with its long cells apart, cells of more than 24 bytes long, reads of 2 MB:
    many reads, many folds of their codes, short values among long ones; the same profile."""
    _profiled_apart_alike(long_export, monkeypatch, read_bytes=2_000_000)


def _profiled_apart_alike(path: Path, monkeypatch: pytest.MonkeyPatch, *, read_bytes: int) -> Profile:
    """``path`` profiled with every table's long cells (over 24 bytes) read apart, in reads of
    ``read_bytes``, after checking its figures are those of one read."""
    roomy = profile(path, settings=load_settings(profile_memory_limit="2GB"))
    steps = profile_module._keyed_steps

    def long_steps(*args: Any, **options: Any) -> Any:
        return steps(*args, **{**options, "long": True})

    monkeypatch.setattr(profile_module, "BATCH_WORK", -1)
    monkeypatch.setattr(profile_module, "_keyed_steps", long_steps)
    monkeypatch.setattr(long_cells, "long_bytes", lambda *_: 24)
    monkeypatch.setattr(long_cells, "read_bytes", lambda *_: read_bytes)
    apart = profile(path, settings=load_settings(profile_memory_limit="2GB"))
    assert _figures(apart.to_dict()) == _figures(roomy.to_dict())
    return apart


def _utf8(value: bytes) -> bool:
    try:
        value.decode()
    except UnicodeDecodeError:
        return False
    return True


def _figures(result: dict[str, Any]) -> dict[str, Any]:
    """A profile's JSON without its timing."""
    return {key: value for key, value in result.items() if key != "seconds"}


@pytest.mark.slow
def test_the_duplicate_count_of_long_rows_no_column_narrows_fits_too(tmp_path: Path) -> None:
    """No key, and the one column of mostly distinct values is long text: the count's narrowing read
    (that column) and its read of whole rows each held 2,048 long rows; both now fit, the rows' digests
    taken a run of rows at a time. Copies counted as Python counts them over sqlite3's rows."""
    rng = random.Random(42)
    path = tmp_path / "logs.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE logs (level TEXT, body TEXT)")
    rows = [(["info", "warn", "error"][number % 3], _body(rng, number)) for number in range(200)]
    con.executemany("INSERT INTO logs VALUES (?, ?)", [*rows, *rows[5:9], rows[5]])
    con.commit()
    distinct = "SELECT count(*) FROM (SELECT DISTINCT level, body FROM logs)"
    expected = con.execute(f"SELECT (SELECT count(*) FROM logs) - ({distinct})")
    copies = expected.fetchone()[0]
    con.close()
    assert copies == 5
    result = profile(path, settings=load_settings(profile_memory_limit=TIGHT))
    assert result["logs"].duplicate_rows == copies
    roomy = profile(path, settings=load_settings(profile_memory_limit="2GB"))
    assert _figures(result.to_dict()) == _figures(roomy.to_dict())


@pytest.mark.slow
def test_values_of_megabytes_are_profiled_a_read_at_a_time(tmp_path: Path) -> None:
    """Pasted logs of 0.5-2.5 MB each, all distinct, at a limit whose reads hold 2 MB: eight reads in
    one query held ~16 MB of such values with their copies and ran out of the limit (exit 1 for a
    table of 1-10 MB logs at the default 256 MB); a read holding a value of more than an eighth of a
    read is now a query of its own. The same figures as the profile with memory to spare."""
    rng = random.Random(7)
    path = tmp_path / "logs.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE logs (id INTEGER PRIMARY KEY, host TEXT, body TEXT)")
    for number in range(40):
        size = rng.randrange(500_000, 2_500_000)
        line = f"{number:04d} GET /index.html 200 \r\n"
        con.execute(
            "INSERT INTO logs VALUES (?, ?, ?)", (number, f"h{number % 3}", (line * (size // 32))[:size])
        )
    con.commit()
    con.close()
    result = profile(path, settings=load_settings(profile_memory_limit=TIGHT))
    body = result["logs"]["body"]
    assert (body.row_count, body.distinct_count, body.inferred_type) == (40, 40, "text")
    roomy = profile(path, settings=load_settings(profile_memory_limit="2GB"))
    assert _figures(result.to_dict()) == _figures(roomy.to_dict())


def test_rows_of_several_long_cells_are_read_apart_from_the_start_a_column_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows each holding a long TEXT and a long BLOB (a record over a read of long cells, 2 MB at
    64 MB) beside short rows: the table's long cells are read apart from its first attempt (no attempt
    reads such a row whole), a column at a time, their examples and text bounds folded in Python. The
    figures are those of the profile with memory to spare, read the usual way."""
    rng = random.Random(5)
    path = tmp_path / "files.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE files (id INTEGER PRIMARY KEY, note TEXT, data BLOB)")
    size = 1_500_000
    texts: list[Any] = [
        _body(rng, 1) * 12,
        "  " + _body(rng, 2) * 12,  # padded
        "\x00" + _body(rng, 3) * 12,  # a NUL byte
        "7" * size,  # an integer no bigint holds
        " " * size,  # whitespace only: empty once trimmed
        (_body(rng, 6) * 12).encode() + b"\xe9",  # not UTF-8 (cp1252)
    ]
    texts.append(texts[0])  # a copy
    for number in range(1, 41):
        note: Any = f"short {number % 7}"
        data: bytes | None = bytes([number % 5]) * 20
        if number % 5 == 0:
            note, data = texts[(number // 5) % len(texts)], rng.randbytes(size)
        if isinstance(note, bytes):
            con.execute("INSERT INTO files VALUES (?, CAST(? AS TEXT), ?)", (number, note, data))
        else:
            con.execute("INSERT INTO files VALUES (?, ?, ?)", (number, note, data))
    con.commit()
    con.close()
    roomy = profile(path, settings=load_settings(profile_memory_limit="2GB"))
    attempts: list[bool] = []
    steps = profile_module._keyed_steps

    def recorded(*args: Any, **options: Any) -> Any:
        attempts.append(bool(options.get("long")))
        return steps(*args, **options)

    monkeypatch.setattr(profile_module, "_keyed_steps", recorded)
    apart = profile(path, settings=load_settings(profile_memory_limit=TIGHT))
    assert attempts == [True]
    assert _figures(apart.to_dict()) == _figures(roomy.to_dict())
    cells = [value for kind, value in _cells(path, "note", "files") if value is not None]
    note = apart["files"]["note"]
    assert (note.distinct_count, note.nul_byte_count) == (len(set(cells)), 1)
    assert note.bytes == sum(map(len, cells)) and note.inferred_type == "text"


def test_examples_of_long_cells_are_shown_cut_in_the_profiles_json(tmp_path: Path) -> None:
    """Eight 3 MB bodies with a trailing blank made the profile's JSON 40 MB: each of the five
    ``whitespace`` examples whole, twice (a wiki's 31 KB pages alike, helper h139). The JSON shows an
    example's first :data:`~columnar_etl.models.EXAMPLE_CHARS` characters and how long it is; the
    profile itself keeps the values (its rules and the masking read them)."""
    from columnar_etl.models import EXAMPLE_CHARS

    path = tmp_path / "bodies.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT, code TEXT)")
    bodies = [f"{i}" + "x" * 300_000 + " " for i in range(8)]
    con.executemany("INSERT INTO t VALUES (?, ?, ?)", [(i, bodies[i], f" c{i}") for i in range(8)])
    con.commit()
    con.close()
    profiled = profile(path)
    issue = profiled["t"]["body"].issue("whitespace")
    assert issue is not None and sorted(issue.examples) == sorted(bodies)[:5]  # kept whole in memory
    column = next(c for c in profiled.to_dict()["tables"][0]["columns"] if c["name"] == "body")
    (shown,) = [i["examples"] for i in column["issues"] if i["kind"] == "whitespace"]
    expected = [f"{value[:EXAMPLE_CHARS]}… ({len(value):,} characters)" for value in sorted(bodies)[:5]]
    assert shown == column["examples"]["whitespace"] == expected
    # Short examples are shown as they are.
    code = next(c for c in profiled.to_dict()["tables"][0]["columns"] if c["name"] == "code")
    assert code["examples"]["whitespace"] == [f" c{i}" for i in range(5)]


def test_text_bounds_of_long_cells_are_shown_cut_in_the_profiles_json(tmp_path: Path) -> None:
    """A text column's ``min`` and ``max`` were written whole to the profile's JSON: eight 3 MB bodies
    put four of them there, ~10 MB. They are shown as an example is (first characters and length);
    the profile keeps them whole, and short bounds are shown as they are."""
    from columnar_etl.models import EXAMPLE_CHARS

    path = tmp_path / "bounds.db"
    bodies = [chr(ord("a") + i) * (1_000 + i) for i in range(6)]
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT, code TEXT)")
    con.executemany("INSERT INTO t VALUES (?, ?, ?)", [(i, bodies[i], f"c{i}") for i in range(6)])
    con.commit()
    con.close()
    profiled = profile(path)
    low, high = min(bodies), max(bodies)
    assert (profiled["t"]["body"].min, profiled["t"]["body"].max) == (low, high)  # kept whole
    columns = {c["name"]: c for c in profiled.to_dict()["tables"][0]["columns"]}
    assert (columns["body"]["min"], columns["body"]["max"]) == tuple(
        f"{value[:EXAMPLE_CHARS]}… ({len(value):,} characters)" for value in (low, high)
    )
    assert (columns["code"]["min"], columns["code"]["max"], columns["id"]["max"]) == ("c0", "c5", 5)


def test_long_cells_read_apart_count_the_values_ending_in_a_line_break_as_one_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long values of a column every value of which ends in one line break (``line_terminated``: a line
    terminator, no padding to charge) counted apart from the short ones, and folded with them: the
    same column, the same profile as one read; beside documents padded otherwise (kept, at no cost),
    one value of one line padded charges its column."""
    rng = random.Random(43)
    path = tmp_path / "lines.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, yaml TEXT, mixed TEXT)")
    rows = [
        (
            n,
            f"---\nn: {n}\n" if n % 3 else _body(rng, n)[:3000].strip() + "\r\n",
            f"---\nn: {n}\n" + (" \n" if n == 5 else "") if n != 4 else "n: 4 \n",
        )
        for n in range(30)
    ]
    con.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
    con.commit()
    con.close()
    apart = _profiled_apart_alike(path, monkeypatch, read_bytes=4_000)
    columns = apart["docs"].columns
    assert (columns["yaml"].line_terminated, columns["yaml"].quality) == (True, 100.0)
    # Documents, loaded byte for byte: none of them padded.
    assert (columns["yaml"].layout_kept, columns["yaml"].whitespace_padded_count) == (True, 0)
    mixed = columns["mixed"]
    assert (mixed.line_terminated, mixed.whitespace_padded_count, mixed.padded_documents) == (
        False,
        1,
        len(rows) - 1,
    )
    assert mixed.quality < 100.0
