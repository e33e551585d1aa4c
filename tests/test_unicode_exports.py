"""Unicode as real exports carry it, through ``columnar-etl run`` into the session's real PostgreSQL,
every cell checked.

The files are built by ``tests/unicode_exports.py``: Excel "CSV UTF-8" imports (a byte-order mark in the
first column's name and in cells), the same word in NFC and NFD, Hangul syllables and jamo, emoji ZWJ
sequences and flags, Turkish and German case in keys, every invisible or control character at the ends
of cells, keys that differ only by a no-break or zero-width character, characters outside the BMP
around the profile's byte limits, a key column mixing UTF-8 and Windows-1252 bytes. Each test runs the
CLI as an operator would, checks every cell with the project's lossless checker, and then what each
cell must arrive as from Python alone: the documented trim strips Unicode's White_Space
(value_oracle.WHITE_SPACE: ``str.isspace`` but the information separators; rules.WHITESPACE), ``''``
is NULL, nothing else changes a text (no normalisation, no
case folding, no removal of invisible characters that are not whitespace).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from . import unicode_exports as uni
from .conftest import pg_query, primary_key
from .lossless_check import decode_fallback
from .test_data_tools import profiled
from .test_other_products import Ran, audit_rules, loaded_cleanly, only_gate_warnings, run_export
from .value_oracle import WHITE_SPACE

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]


def cleaned(text: str) -> str | None:
    """What a text cell arrives as by the documented rules, computed by Python alone: its ends
    trimmed of Unicode whitespace, empty as NULL (none of these cells is a null token)."""
    return text.strip(WHITE_SPACE) or None


def rows_of(ran: Ran, table: str, columns: str) -> list[tuple[Any, ...]]:
    return pg_query(ran.uri, f'SELECT {columns} FROM "{ran.base}"."{table}"')


def all_audit(run_dir: Path) -> list[dict[str, Any]]:
    return list(pq.read_table(run_dir / "audit.parquet").to_pylist())


# --- CSV files imported by sqlite3 .import ----------------------------------------------------------


def test_csv_import_every_cell_as_the_rules_say(run_export: Runner) -> None:
    ran, run_dir = run_export(uni.csv_import)
    edges = len(uni.EDGE_CHARS)
    counts = {"customers": len(uni.CUSTOMER_CODES), "orders": 40, "edges": edges}
    counts |= {"numbers": uni.TYPED_ROWS, "dates": uni.TYPED_ROWS, "padded": len(uni.PADDED_CODES)}
    loaded_cleanly(ran, run_dir, counts)
    warnings = only_gate_warnings(ran, run_dir)
    assert (ran.code, ran.record["outcome"]) == ((2, "warn") if warnings else (0, "done"))
    # The BOM leaves each first column's name (recorded); no other name changes.
    names = ran.record["load"]["column_names"]
    for table in counts:
        renamed = {old: new for old, new in names[table].items() if old != new}
        assert len(renamed) == 1 and all(old == uni.BOM + new for old, new in renamed.items()), table

    # Every customer code is its own key: no normalisation, no case folding (24 distinct values).
    codes = [code for (code,) in rows_of(ran, "customers", "code")]
    assert sorted(codes) == sorted(uni.CUSTOMER_CODES) and len(set(codes)) == len(codes)
    assert primary_key(ran.uri, ran.record["version_schema"], "customers") == ["code"]
    # A cell's BOM is no whitespace: kept.
    customer_names = dict(rows_of(ran, "customers", "code, name"))
    assert customer_names == {
        code: f"{uni.BOM}Customer {i}" if i % 5 == 0 else f"Customer {i}"
        for i, code in enumerate(uni.CUSTOMER_CODES)
    }
    # Each order joins the one customer written as its reference, NFC to NFC, NFD to NFD.
    joined = pg_query(
        ran.uri,
        f'SELECT o.order_no, c.code FROM "{ran.base}"."orders" o '
        f'JOIN "{ran.base}"."customers" c ON c.code = o.customer',
    )
    assert sorted(joined) == [(f"O{i:03d}", uni.order_customer(i)) for i in range(40)]
    references = profiled(run_dir)["columns"]["orders"]["customer"]["foreign_key"]
    assert references == f"customers.{uni.BOM}code"

    # Invisible and control characters at the ends: trimmed exactly when Python calls them
    # whitespace, each change audited as a trim (or a blank made NULL); inside a word, always kept.
    arrived = {row[0]: row[1:] for row in rows_of(ran, "edges", '"name", lead, trail, "both", alone, inside')}
    # The edges' names, distinct on a few rows, are no key since 2026-12-06 (as likely chance): the
    # audit names each row by its 1-based position, the builder's order of EDGE_CHARS.
    position = {str(i + 1): name for i, name in enumerate(uni.EDGE_CHARS)}
    audit = {
        (position[row["row_key"]], row["column"]): row["rule"]
        for row in all_audit(run_dir)
        if row["table"] == "edges"
    }
    columns = ("lead", "trail", "both", "alone", "inside")
    for name, char in uni.EDGE_CHARS.items():
        written = uni.edge_cells(char)
        assert arrived[name] == tuple(cleaned(cell) for cell in written), name
        expected = {
            (name, column): "trim" if cleaned(cell) else "empty_to_null"
            for column, cell in zip(columns, written, strict=True)
            if cleaned(cell) != cell
        }
        assert {k: v for k, v in audit.items() if k[0] == name} == expected, name
    # Of the named ones (the others are whitespace by construction): zero-width, joiners, the soft
    # hyphen, bidi marks, the BOM, C1 controls but NEL, DEL, U+180E and the information separators
    # U+001C-U+001F (Python's isspace says whitespace, Unicode's White_Space not: delimiters) are kept.
    trimmed = {
        name for name, char in uni.EDGE_CHARS.items() if char in WHITE_SPACE and not name.startswith("ws_")
    }
    assert trimmed == {"ls", "ps", "nel", "vt", "ff", "cr", "nbsp", "nnbsp", "ideographic", "tab"}

    # A number or an ISO date with one of them at an end is read (its trim audited) exactly when the
    # character is whitespace; otherwise the column keeps its text, every cell as written. The profile
    # (DuckDB) and the cleaner (Polars) agree on every one.
    for table, typed, value in (
        ("numbers", "bigint", lambda i: 100 + i),
        ("dates", "date", lambda i: date(2025, 5, 10 + i)),
    ):
        types = ran.types(table)
        cell = uni.number_cell if table == "numbers" else uni.date_cell
        for name, char in uni.EDGE_CHARS.items():
            column = dict(rows_of(ran, table, f'"row", "{name}"'))
            if char in WHITE_SPACE:
                assert types[name] == typed, (table, name)
                assert column == {i: value(i) for i in range(uni.TYPED_ROWS)}, (table, name)
                assert audit_rules(run_dir, table, name) == {str(i): {"trim"} for i in range(uni.TYPED_ROWS)}
            else:
                assert types[name] == "text", (table, name)
                assert column == {i: cell(char, i) for i in range(uni.TYPED_ROWS)}, (table, name)
                assert audit_rules(run_dir, table, name) == {}, (table, name)

    # Codes differing only by what follows them: each row kept (none is a copy of another), each code
    # trimmed when the character is whitespace; a code unique only as written is no key of the table.
    padded = Counter(rows_of(ran, "padded", "code, label"))
    assert padded == Counter((cleaned(code), "same label") for code in uni.PADDED_CODES)
    assert padded[("A1", "same label")] == padded[("C3", "same label")] == 2
    assert primary_key(ran.uri, ran.record["version_schema"], "padded") == []
    # ... and the profile says why, naming two values made one (it said nothing).
    notes = profiled(run_dir)["columns"]["padded"][f"{uni.BOM}code"]["notes"]
    merged = [n for n in notes if n.startswith("distinct on every row as written, but no key of the table")]
    assert len(merged) == 1 and "equal, e.g. 'A1' and 'A1" in merged[0], notes
    assert not any(
        "no key of the table" in n
        for t in ("customers", "orders")
        for c in profiled(run_dir)["columns"][t].values()
        for n in c["notes"]
    )


# --- an application's database: declared keys ---------------------------------------------------------


def test_typed_keys_stay_distinct_and_legacy_bytes_are_decoded(run_export: Runner) -> None:
    ran, run_dir = run_export(uni.typed)
    tickets = 30
    counts = {"accounts": len(uni.ACCOUNT_KEYS), "tickets": tickets, "legacy": len(uni.LEGACY_KEYS)}
    counts["imported"] = uni.IMPORTED_ROWS
    loaded_cleanly(ran, run_dir, counts)
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    schema = ran.record["version_schema"]

    # accounts.code: A1 and A1<NBSP> would be one key once trimmed: the key and its reference are
    # loaded as written (the run says so) and stay distinct; no normalisation or case folding either.
    warnings = ran.record["warnings"]
    assert any(w.startswith("accounts.code: text loaded as written") for w in warnings), warnings
    assert any(w.startswith("tickets.account: text loaded as written") for w in warnings), warnings
    assert sorted(code for (code,) in rows_of(ran, "accounts", "code")) == sorted(uni.ACCOUNT_KEYS)
    assert primary_key(ran.uri, schema, "accounts") == ["code"]
    assert dict(rows_of(ran, "tickets", "id, account")) == {i + 1: uni.account_of(i) for i in range(tickets)}
    assert audit_rules(run_dir, "accounts", "code") == audit_rules(run_dir, "tickets", "account") == {}
    # Long text of astral characters around the 64- and 256-byte limits: trimmed, nothing else.
    bodies = dict(rows_of(ran, "tickets", "id, body"))
    assert bodies == {i + 1: cleaned(uni.long_text(i)) for i in range(tickets)}
    assert audit_rules(run_dir, "tickets", "body") == {
        str(i + 1): {"trim"} for i in range(tickets) if cleaned(uni.long_text(i)) != uni.long_text(i)
    }

    # legacy.k: Windows-1252 bytes decoded (audited with their hex); trimming does not touch the key
    # (loaded as written: 'Müller ' stays apart from 'Müller'). But b'caf\xe9' decodes to the very
    # 'café' another row wrote in UTF-8: two rows share the key once decoded, so it gets a plain index,
    # and the warning says why.
    def text_of(key: str | bytes) -> str:
        return key if isinstance(key, str) else decode_fallback(key)

    legacy = dict((v, (k, note)) for v, k, note in rows_of(ran, "legacy", "v, k, note"))
    assert legacy == {
        i: (text_of(key), cleaned(text_of(uni.LEGACY_NOTES[i % len(uni.LEGACY_NOTES)])))
        for i, key in enumerate(uni.LEGACY_KEYS)
    }
    assert primary_key(ran.uri, schema, "legacy") == []
    shared = [w for w in warnings if w.startswith("legacy: plain index instead of a primary key")]
    assert shared == [
        "legacy: plain index instead of a primary key: 1 rows share their key (k) with a different row as "
        "the target reads it (k: text not valid UTF-8, decoded by source_encoding_fallback)"
    ]
    encoded = [row for row in all_audit(run_dir) if row["table"] == "legacy" and row["column"] == "k"]
    raw = {key.hex().upper() for key in uni.LEGACY_KEYS if isinstance(key, bytes)}
    assert {row["raw_value"].removeprefix("hex:") for row in encoded} == raw
    assert {row["rule"] for row in encoded} == {"encoding:cp1252"}

    # imported: a header-less CSV UTF-8 appended by .import: its first cell is '\ufeff1', TEXT in an
    # INTEGER column: no number (a BOM is no whitespace), quarantined as written; the dates Windows
    # wrote with LEFT-TO-RIGHT MARKs are no date: the column keeps its text, every cell as written.
    assert ran.types("imported")["id"] == "bigint" and ran.types("imported")["opened"] == "text"
    imported = dict(rows_of(ran, "imported", "agent, id"))
    assert imported == {f"Agent {i}": None if i == 0 else i + 1 for i in range(uni.IMPORTED_ROWS)}
    quarantined = pq.read_table(run_dir / "quarantine.parquet").to_pylist()
    assert [(q["table"], q["column"], q["raw_value"]) for q in quarantined] == [("imported", "id", "\ufeff1")]
    opened = dict(rows_of(ran, "imported", "agent, opened"))
    assert opened == {f"Agent {i}": uni.windows_rtl_date(i) for i in range(uni.IMPORTED_ROWS)}


# --- an override names the BOM column as every output shows it ------------------------------------------

SALT = "a long salt that stays the same across runs"


def test_override_names_a_bom_column_as_the_target_shows_it(run_export: Runner) -> None:
    """``[columns."customers"."code"]``: the column is ``\\ufeffcode`` in the export and ``code`` in the
    target, the report and the audit; the operator's override by that name applies (it was refused as
    a column the table does not have, after profile.json had been written with the column's raw values,
    though it was to be hashed)."""
    config = f'mask_salt = "{SALT}"\n[columns."customers"."code"]\nmask = "hash"\n'
    ran, run_dir = run_export(uni.csv_import, config=config)
    assert ran.record["outcome"] in ("done", "warn"), ran.record.get("error")
    codes = {code for (code,) in rows_of(ran, "customers", "code")}
    assert codes == {hashlib.sha256((SALT + code).encode()).hexdigest() for code in uni.CUSTOMER_CODES}
    shown = (run_dir / "profile.json").read_text(encoding="utf-8")
    column = next(c for t in json.loads(shown)["tables"] if t["name"] == "customers" for c in t["columns"])
    assert column["name"] == f"{uni.BOM}code" and column["min"] is None and column["max"] is None


@pytest.mark.parametrize("name", ["cod", "code\u200b"])
def test_override_of_a_missing_column_writes_no_profile(run_export: Runner, name: str) -> None:
    """A name that is no column (as the export wrote it or as the target shows it) is refused before the
    profile is written: its values may be the ones the operator meant to hide. The error lists the
    table's columns as escapes, so an invisible character in a name shows."""
    config = f'mask_salt = "{SALT}"\n[columns."customers"."{name}"]\nmask = "hash"\n'
    ran, run_dir = run_export(uni.csv_import, config=config)
    error = ran.record["error"]
    assert (ran.code, ran.record["outcome"], error["error"]) == (1, "failed", "ConfigError")
    assert error["column"] == name and "\\ufeffcode" in error["hint"]
    assert not (run_dir / "profile.json").exists()
    for path in run_dir.iterdir():
        assert "İstanbul" not in path.read_text(encoding="utf-8", errors="replace"), path.name


def test_two_overrides_of_one_column_are_refused(run_export: Runner) -> None:
    """``code`` and ``\\ufeffcode`` are one column: two overrides of it would leave one of them unread."""
    config = (
        '[columns."customers"."code"]\ntype = "text"\n[columns."customers"."\\uFEFFcode"]\nmask = "drop"\n'
    )
    ran, run_dir = run_export(uni.csv_import, config=config)
    error = ran.record["error"]
    assert (ran.code, error["error"], error["table"]) == (1, "ConfigError", "customers")
    assert error["message"] == "two overrides name one column ('\\ufeffcode')"
    assert not (run_dir / "profile.json").exists()


def test_snake_names_transliterate_letters_without_a_decomposition(run_export: Runner) -> None:
    """``column_names = "snake"``: ``Straße`` is ``strasse`` and ``Açılış Tarihi`` ``acilis_tarihi`` (they
    were ``strae`` and ``acls_tarihi``: letters with no decomposition were dropped with the accents)."""
    ran, run_dir = run_export(uni.european_names, COLUMNAR_ETL_COLUMN_NAMES="snake")
    loaded_cleanly(ran, run_dir, {"kunden": 5})
    (table,) = [t for t in ran.record["plan"]["tables"] if t["name"] == "kunden"]
    assert {c["name"]: c["output_name"] for c in table["columns"]} == uni.SNAKE_NAMES
    assert set(ran.types("kunden")) == set(uni.SNAKE_NAMES.values())
