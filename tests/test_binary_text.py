"""Binary data an application wrote as TEXT (Chromium's protobuf blobs in TEXT columns): NUL bytes
inside most values say the column holds bytes, not text. It loads as ``bytea``, every cell its exact
bytes (audited ``as_bytes``), where before its values were trimmed, stripped of their NULs and decoded
as cp1252. Text with a trailing NUL only (a C string's terminator), or an inner NUL in a few values,
stays text, its NULs removed by the documented rule.

Expected bytes come from SQLite's own ``hex()`` of each cell, never from the code under test.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from columnar_etl import profile

from .lossless_check import summarize
from .test_lossless import load_and_check


def _export(path: Path, ddl: str, inserts: list[str]) -> Path:
    con = sqlite3.connect(path)
    with con:
        con.execute(ddl)
        for insert in inserts:
            con.execute(insert)
    con.close()
    return path


def _source_hex(path: Path, column: str) -> dict[int, tuple[str, bytes]]:
    """Each row's (storage class, bytes) of ``column``, as SQLite's typeof() and hex() give them."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute(f"SELECT id, typeof({column}), hex({column}) FROM t").fetchall()
    finally:
        con.close()
    return {key: (kind, bytes.fromhex(hexed)) for key, kind, hexed in rows}


def _audit(loaded: Any, column: str) -> dict[str, set[str]]:
    rules: dict[str, set[str]] = {}
    for row in loaded.log("audit"):
        if row["column"] == column:
            # One row per changed cell, its rules joined by commas (``trim,nul_removed``).
            rules.setdefault(str(row["row_key"]), set()).update(str(row["rule"]).split(","))
    return rules


def test_text_cells_holding_nul_bytes_inside_most_values_load_as_their_bytes(
    pg_uri: str, tmp_path: Path
) -> None:
    # The brief's reproduction: a protobuf with NULs inside (row 1), one ending in its NUL (row 2), and
    # plain text (row 3), all TEXT cells. Row 1 arrived as '\x08\x12\x04ÿª12': '\n\x0b' trimmed, the
    # NULs dropped, 0xFF and 0xAA decoded as cp1252; the column scored 50.
    path = _export(
        tmp_path / "n.db",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)",
        [
            "INSERT INTO t VALUES (1, CAST(X'0a0b08001204ff00aa3132' AS TEXT))",
            "INSERT INTO t VALUES (2, CAST(X'08011200' AS TEXT))",
            "INSERT INTO t VALUES (3, 'plain')",
        ],
    )
    source = _source_hex(path, "v")
    assert {kind for kind, _ in source.values()} == {"text"}

    column = profile(path)["t"]["v"]
    assert column.inferred_type == "bytea", column.type_reason
    assert column.type_reason.startswith("2 of 3 TEXT values hold a NUL byte that ends no text")
    assert column.quality == 100.0, column.issues
    assert column.issues == []

    loaded = load_and_check(path, pg_uri, tmp_path)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.data_type("t", "v") == "bytea"
    assert loaded.values("t", "v", "id") == {key: raw for key, (_, raw) in source.items()}
    assert loaded.values("t", "v", "id")[3] == b"plain"
    # Every TEXT cell is audited as its bytes, nothing else (no trim, no NUL removed, no decoding).
    assert _audit(loaded, "v") == {str(key): {"as_bytes"} for key in source}
    record = loaded.result.record
    assert record.quality_before == record.quality_after == 100.0


def test_c_strings_ending_in_their_nul_stay_text(pg_uri: str, tmp_path: Path) -> None:
    # Every value ends in a NUL (a C string written with its terminator): text, the NULs removed.
    # A tab inside is text's (no control byte of binary data).
    words = ["alpha", "beta", " gamma", "tab\there", "epsilon"]
    path = _export(
        tmp_path / "cstrings.db",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)",
        [
            f"INSERT INTO t VALUES ({i}, CAST(X'{(w + chr(0)).encode().hex()}' AS TEXT))"
            for i, w in enumerate(words)
        ],
    )
    assert all(raw.endswith(b"\x00") for _, raw in _source_hex(path, "v").values())
    column = profile(path)["t"]["v"]
    assert column.inferred_type == "text", column.type_reason

    loaded = load_and_check(path, pg_uri, tmp_path)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.data_type("t", "v") == "text"
    assert loaded.values("t", "v", "id") == {i: w.strip() for i, w in enumerate(words)}
    assert {key: "nul_removed" in rules for key, rules in _audit(loaded, "v").items()} == {
        str(i): True for i in range(len(words))
    }


def test_an_inner_nul_in_a_minority_of_text_cells_keeps_the_column_text(pg_uri: str, tmp_path: Path) -> None:
    # One value of five holds a NUL inside (a stray byte in a note): the column is text, as it was.
    values = {1: b"first note", 2: b"sec\x00ond", 3: b"third", 4: b"fourth note", 5: b"fifth"}
    path = _export(
        tmp_path / "minority.db",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)",
        [f"INSERT INTO t VALUES ({i}, CAST(X'{raw.hex()}' AS TEXT))" for i, raw in values.items()],
    )
    assert {key: raw for key, (_, raw) in _source_hex(path, "v").items()} == values
    column = profile(path)["t"]["v"]
    assert column.inferred_type == "text", column.type_reason

    loaded = load_and_check(path, pg_uri, tmp_path)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.data_type("t", "v") == "text"
    assert loaded.values("t", "v", "id") == {
        i: raw.replace(b"\x00", b"").decode() for i, raw in values.items()
    }
    assert _audit(loaded, "v") == {"2": {"nul_removed"}}


def test_a_number_and_its_text_made_bytes_beside_blobs_are_told_apart_in_the_audit(
    pg_uri: str, tmp_path: Path
) -> None:
    # A key-value cache (Python's diskcache) keeps each key in one BLOB-declared column by its Python
    # type: the int 1 as INTEGER, the str '1' as TEXT, the bytes b'1' as a BLOB, 1.5 as REAL; all are
    # distinct keys. In the bytea column each number and text arrives as the bytes of its text, so the
    # int, the str and the bytes arrive alike (b'1'); the audit showed the int's and the str's source
    # both as 'hex:31', as if each had been those bytes. A number's source is shown as the number.
    path = _export(
        tmp_path / "k.db",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, k BLOB)",
        [
            "INSERT INTO t VALUES (1, 1)",
            "INSERT INTO t VALUES (2, '1')",
            "INSERT INTO t VALUES (3, X'31')",
            "INSERT INTO t VALUES (4, 1.5)",
            "INSERT INTO t VALUES (5, -7)",
            "INSERT INTO t VALUES (6, 'é')",
        ],
    )
    source = _source_hex(path, "k")
    assert [kind for _, (kind, _) in sorted(source.items())] == [
        "integer",
        "text",
        "blob",
        "real",
        "integer",
        "text",
    ]
    loaded = load_and_check(path, pg_uri, tmp_path)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.data_type("t", "k") == "bytea"
    assert loaded.values("t", "k", "id") == {1: b"1", 2: b"1", 3: b"1", 4: b"1.5", 5: b"-7", 6: "é".encode()}
    raw = {str(row["row_key"]): row["raw_value"] for row in loaded.log("audit") if row["column"] == "k"}
    assert _audit(loaded, "k") == {key: {"as_bytes"} for key in ("1", "2", "4", "5", "6")}
    # The BLOB is unchanged (no audit row); a number shows as its number, a text as its bytes.
    assert raw == {"1": "1", "2": "hex:31", "4": "1.5", "5": "-7", "6": "hex:c3a9"}


def test_bytes_bound_as_strings_without_a_nul_load_as_their_bytes(pg_uri: str, tmp_path: Path) -> None:
    # PHP's PDO binds every string as TEXT: an Eloquent model's binary() column (`pdf blob`) filled with
    # random_bytes() holds TEXT cells of bytes that are no UTF-8, most without any NUL. Such a cell
    # was decoded as cp1252, trimmed at its ends and stripped of its NULs, only the audit keeping its
    # bytes. Control bytes (0x01-0x08, 0x0e-0x1f) in a value that is no UTF-8 are no text's: bytes.
    values = {
        1: bytes.fromhex("8f1b02c3ffd1a0"),  # no NUL, no UTF-8, control bytes 0x1b and 0x02
        2: bytes.fromhex("20e9031cfe7f80"),  # a leading space (trimmed as text), 0x03 and 0x1c
        3: bytes.fromhex("c0ff0e1011e2"),
        4: bytes.fromhex("0a9d00af05"),  # a NUL inside too
        5: "Beschreibung – déjà".encode("cp1252"),  # legacy text: no UTF-8, but no control byte
    }
    path = _export(
        tmp_path / "pdo.db",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v blob)",
        [f"INSERT INTO t VALUES ({i}, CAST(X'{raw.hex()}' AS TEXT))" for i, raw in values.items()],
    )
    source = _source_hex(path, "v")
    assert source == {key: ("text", raw) for key, raw in values.items()}
    column = profile(path)["t"]["v"]
    assert column.inferred_type == "bytea", column.type_reason
    assert column.type_reason.startswith("4 of 5 TEXT values"), column.type_reason
    assert column.issues == []

    loaded = load_and_check(path, pg_uri, tmp_path)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.data_type("t", "v") == "bytea"
    assert loaded.values("t", "v", "id") == values
    assert _audit(loaded, "v") == {str(key): {"as_bytes"} for key in values}


def test_legacy_text_that_is_no_utf8_stays_text(pg_uri: str, tmp_path: Path) -> None:
    # Latin-1 text (no UTF-8) with a tab and line breaks, one value with a control byte: text decoded
    # by the fallback, as before; a minority of control bytes makes no bytes.
    values = {
        1: "Müller\tStraße 5\r\n".encode("cp1252"),
        2: "café crème".encode("cp1252"),
        3: "naïve \x1b[1mbold\x1b[0m façade".encode("cp1252"),
        4: b"plain",
    }
    path = _export(
        tmp_path / "latin1.db",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)",
        [f"INSERT INTO t VALUES ({i}, CAST(X'{raw.hex()}' AS TEXT))" for i, raw in values.items()],
    )
    column = profile(path)["t"]["v"]
    assert column.inferred_type == "text", column.type_reason
    loaded = load_and_check(path, pg_uri, tmp_path)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.values("t", "v", "id") == {i: raw.decode("cp1252").strip() for i, raw in values.items()}


def test_a_text_end_of_a_declared_reference_to_bytes_bound_as_strings_loads_as_bytes_too(
    pg_uri: str, tmp_path: Path
) -> None:
    # Binary uuids bound as strings (PDO): the key, most of its values holding control bytes, is bytes;
    # its one child row's value has none, so that column alone reads as cp1252 text. As bytea beside
    # text, PostgreSQL joins none of them ("operator does not exist: text = bytea"), where SQLite
    # compares the bytes: the text end is loaded as its bytes too, each cell audited as_bytes.
    keys = {
        i: bytes.fromhex(h)
        for i, h in enumerate(["8f1b02c3ffd1a0", "20e9031cfe7f80", "c0ff0e1011e2", "756bed0d3922cb"], 1)
    }
    assert not any(b < 9 or 13 < b < 32 for b in keys[4])
    path = _export(
        tmp_path / "keys.db",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v blob NOT NULL UNIQUE)",
        [f"INSERT INTO t VALUES ({i}, CAST(X'{raw.hex()}' AS TEXT))" for i, raw in keys.items()],
    )
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE c (id INTEGER PRIMARY KEY, t_v blob REFERENCES t (v))")
        con.execute(f"INSERT INTO c VALUES (1, CAST(X'{keys[4].hex()}' AS TEXT))")
        con.execute(f"INSERT INTO c VALUES (2, CAST(X'{keys[4].hex()}' AS TEXT))")
    con.close()
    profiled = profile(path)
    assert profiled["t"]["v"].inferred_type == "bytea"
    child = profiled["c"]["t_v"]
    assert child.inferred_type == "bytea", child.type_reason
    assert child.issues == []

    loaded = load_and_check(path, pg_uri, tmp_path)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.data_type("c", "t_v") == loaded.data_type("t", "v") == "bytea"
    assert loaded.values("c", "t_v", "id") == {1: keys[4], 2: keys[4]}
    assert _audit(loaded, "t_v") == {"1": {"as_bytes"}, "2": {"as_bytes"}}


def test_utf8_text_cut_inside_its_last_character_keeps_its_characters(pg_uri: str, tmp_path: Path) -> None:
    # A C program keeping text in a fixed byte buffer cuts it after so many bytes, inside a character
    # (vnStat keeps an interface's alias in 31 bytes: "Uplink — Zürich ☃ 🛰 🛰" is stored without the
    # last emoji's fourth byte). Such a value is UTF-8 but for its cut last character: it was decoded
    # as cp1252, every character of it mojibake ("ZÃ¼rich"). Valid UTF-8 before the cut, and either a
    # character of several bytes in it or two bytes or more of the cut one, say UTF-8: the value is
    # its characters and U+FFFD for the cut one, audited ``encoding:utf-8-cut`` with its hex. A single
    # lead byte after ASCII only is what cp1252's "café" is (0xE9 ends it): the fallback's reading.
    cut = {
        1: "Uplink — Zürich ☃ 🛰 🛰".encode()[:31],
        4: "Ω≈ç √".encode()[:-1],
        5: b"abc" + "€".encode()[:2],
    }
    legacy = {
        2: "Bridge to the VLAN of Departmeé".encode()[:31],
        3: "café".encode("cp1252"),
        7: "Müller é".encode("cp1252"),
    }
    values = {**cut, **legacy, 6: "naïve".encode()}
    path = _export(
        tmp_path / "cut.db",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)",
        [f"INSERT INTO t VALUES ({i}, CAST(X'{raw.hex()}' AS TEXT))" for i, raw in values.items()],
    )
    expected: dict[int, str] = {}
    for i, raw in cut.items():
        with_tail = raw.decode(errors="replace")  # Python's decoder: U+FFFD for the cut character
        assert with_tail.count("\ufffd") == 1 and with_tail.endswith("\ufffd"), with_tail
        expected[i] = with_tail
    expected |= {i: raw.decode("cp1252") for i, raw in legacy.items()}
    expected[6] = "naïve"
    assert expected[1] == "Uplink — Zürich ☃ 🛰 \ufffd" and expected[2].endswith("Ã")
    column = profile(path)["t"]["v"]
    assert column.inferred_type == "text", column.type_reason
    loaded = load_and_check(path, pg_uri, tmp_path)
    assert loaded.violations == [], summarize(loaded.violations)
    assert loaded.values("t", "v", "id") == expected
    audit = _audit(loaded, "v")
    assert audit == {
        **{str(i): {"encoding:utf-8-cut"} for i in cut},
        **{str(i): {"encoding:cp1252"} for i in legacy},
    }
    raw_values = {
        str(row["row_key"]): row["raw_value"] for row in loaded.log("audit") if row["column"] == "v"
    }
    assert raw_values == {str(i): f"hex:{raw.hex().upper()}" for i, raw in {**cut, **legacy}.items()}
