"""Rule ``windows_1252``: Windows-1252 punctuation a converter read as Latin-1 (C1 controls) repaired,
audited, before trimming; the same in the profile (DuckDB, among the counted cells) and the cleaner
(Polars).

Expected values come from Python's own codecs (``bytes([c]).decode("cp1252")``, ``str.encode``) and the
rows written here, never from the code under test.
"""

from __future__ import annotations

import duckdb
import polars as pl

from columnar_etl.cleaning.windows_1252 import holds_controls, repaired_text
from columnar_etl.profiling.windows_1252 import evidence_sql, repaired_sql
from columnar_etl.rules.windows_1252 import WINDOWS_1252_C1, repaired

#: Every C1 control and what Windows-1252 makes of its byte (None: a byte it leaves undefined).
CODEC: dict[str, str | None] = {}
for _byte in range(0x80, 0xA0):
    try:
        CODEC[chr(_byte)] = bytes([_byte]).decode("cp1252")
    except UnicodeDecodeError:
        CODEC[chr(_byte)] = None


def windows_read(text: str) -> str:
    """The codec's repair of ``text``: each C1 control Windows-1252 defines as its character."""
    return "".join(CODEC.get(char) or char for char in text)


def latin1_read(text: str) -> str:
    """``text`` as a Windows program writes it (Windows-1252) and a converter reads it back (Latin-1)."""
    return text.encode("cp1252").decode("latin-1")


#: Every C1 control, between ASCII and beside a character of each width.
SAMPLES = ["".join(CODEC), "a\x92b", "x\x85", "\x81\x8d\x8f\x90\x9d", "é\x80€\x99", "", "plain"]


def test_the_mapping_is_windows_1252s_table_for_the_c1_controls() -> None:
    assert {char: mapped for char, mapped in CODEC.items() if mapped is not None} == WINDOWS_1252_C1
    assert sorted(char for char, mapped in CODEC.items() if mapped is None) == [
        "\x81",
        "\x8d",
        "\x8f",
        "\x90",
        "\x9d",
    ]
    for text in SAMPLES:
        assert repaired(text) == windows_read(text)


def test_duckdb_and_polars_repair_alike_as_the_codec() -> None:
    con = duckdb.connect()
    for text in SAMPLES:
        (found,) = con.execute(f"SELECT {repaired_sql('?')}", [text]).fetchone() or (None,)
        assert found == windows_read(text), repr(text)
    frame = pl.DataFrame({"v": SAMPLES})
    assert frame.select(repaired_text(pl.col("v"))).to_series().to_list() == [
        windows_read(t) for t in SAMPLES
    ]
    held = frame.select(holds_controls(pl.col("v"))).to_series().to_list()
    assert held == [windows_read(text) != text for text in SAMPLES]


def test_the_evidence_is_a_quotation_mark_or_dash_in_valid_text() -> None:
    cells: dict[int, list[tuple[str, bytes | None]]] = {
        0: [("t", "Can\x92t".encode()), ("n", None)],  # a quotation mark
        1: [("t", "x\x85".encode()), ("t", "\x80 5".encode())],  # an ellipsis and a euro: no evidence
        2: [("t", b"caf\xe9\x92")],  # not valid UTF-8: the encoding fallback's
        3: [("t", "\u2014 dash".encode()), ("t", "\x97".encode())],  # a dash read as Latin-1
        4: [("b", "\x93".encode()), ("i", b"7")],  # no TEXT cell
    }
    expected = [
        idx
        for idx, found in cells.items()
        if any(
            cls == "t" and v is not None and _valid(v) and set(v.decode()) & set(map(chr, range(0x91, 0x98)))
            for cls, v in found
        )
    ]
    assert expected == [0, 3]
    con = duckdb.connect()
    con.execute("CREATE TABLE cells (idx INTEGER, cls VARCHAR, v BLOB, weight BIGINT)")
    con.executemany(
        "INSERT INTO cells VALUES (?, ?, ?, 1)",
        [(i, cls, v) for i, found in cells.items() for cls, v in found],
    )
    assert [row[0] for row in con.execute(evidence_sql("cells")).fetchall()] == expected


def _valid(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
