"""Rule ``windows_1252``: Windows-1252 punctuation a converter read as Latin-1 (C1 controls) repaired,
audited, before trimming; the same in the profile (DuckDB, among the counted cells) and the cleaner
(Polars).

Expected values come from Python's own codecs (``bytes([c]).decode("cp1252")``, ``str.encode``) and the
rows written here, never from the code under test.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pyarrow.parquet as pq
import pytest

import columnar_etl
from columnar_etl.cleaning.windows_1252 import holds_controls, repaired_text
from columnar_etl.config import load_settings
from columnar_etl.profiling.windows_1252 import evidence_sql, repaired_sql
from columnar_etl.rules.windows_1252 import WINDOWS_1252_C1, repaired

from .conftest import SqliteFactory, cleaned_gates_open, pg_query
from .lossless_check import summarize
from .test_lossless import GATES_OPEN, load_and_check
from .value_oracle import WHITE_SPACE

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


#: The test's export: table ``t`` (subjects of Windows-1252 read as Latin-1; line ends of NEL alone; a
#: euro sign and an ellipsis with no quotation mark or dash) and table ``k`` (a declared text key two
#: of whose values the repair would make one).
SUBJECTS = [
    latin1_read(text) if text is not None else None
    for text in (
        "Printer keeps jamming…",
        "Can’t log in  ",
        "“urgent” VPN — again",
        "  Refund €50™",
        "",
        None,
        "Outlook crashes on start…  ",
        "plain",
    )
]
LINES = ["line one\x85", "second\x85", "plain", " padded ", "", None, "\x85lead", "x"]
EURO = ["\x80 5\x85", "\x80 6", "7 ", "", None, "8", "9", "10"]
T_ROWS = [(n + 1, s, li, e) for n, (s, li, e) in enumerate(zip(SUBJECTS, LINES, EURO, strict=True))]
T_DDL = "CREATE TABLE t (id INTEGER PRIMARY KEY, subject TEXT, lines TEXT, euro TEXT)"
KEYS = ["it\x92s", "it’s", "\x93a\x94", "b"]
K_ROWS = [(key, n) for n, key in enumerate(KEYS)]
K_DDL = "CREATE TABLE k (code TEXT PRIMARY KEY, n INTEGER)"


def trimmed_or_null(text: str | None) -> str | None:
    """The blank rule: Unicode White_Space trimmed at the ends, ``''`` NULL."""
    return None if text is None else text.strip(WHITE_SPACE) or None


def _export(make_sqlite: SqliteFactory) -> Path:
    return make_sqlite({"t": (T_DDL, T_ROWS), "k": (K_DDL, K_ROWS)}, name="windows.db")


def test_windows_1252_read_as_latin1_is_repaired_audited_every_cell_in_postgresql(
    pg_uri: str, tmp_path: Path, make_sqlite: SqliteFactory
) -> None:
    path = _export(make_sqlite)
    loaded = load_and_check(path, pg_uri, tmp_path, **GATES_OPEN)
    assert loaded.violations == [], summarize(loaded.violations)
    rows = pg_query(pg_uri, f'SELECT id, subject, lines, euro FROM "{loaded.base}".t ORDER BY id')
    # Subjects: repaired first, then trimmed ('Printer keeps jamming…' keeps its ellipsis); the NEL
    # line ends and the euro column, with no quotation mark or dash, are left to the trim rule.
    assert rows == [
        (key, trimmed_or_null(windows_read(s) if s else s), trimmed_or_null(li), trimmed_or_null(e))
        for key, s, li, e in T_ROWS
    ]
    assert rows[0][1] == "Printer keeps jamming…" and rows[3][1] == "Refund €50™"
    # The key: two values the repair would make one, so loaded as written, each as it was.
    keys = pg_query(pg_uri, f'SELECT code, n FROM "{loaded.base}".k ORDER BY n')
    assert keys == K_ROWS
    audit = pq.read_table(Path(loaded.result.run_dir) / "audit.parquet").to_pylist()
    repairs = {
        (row["row_key"], row["raw_value"], row["new_value"], row["rule"])
        for row in audit
        if "windows_1252" in row["rule"].split(",")
    }
    expected = set()
    for key, subject, _, _ in T_ROWS:
        if subject is not None and windows_read(subject) != subject:
            new = trimmed_or_null(windows_read(subject))
            rule = "windows_1252" + (",trim" if new != windows_read(subject) else "")
            expected.add((str(key), subject, new, rule))
    assert repairs == expected and len(expected) == 5
    assert not [
        row for row in audit if row["column"] in ("lines", "euro", "code") and "windows" in row["rule"]
    ]
    profile = loaded.result.profile
    assert profile is not None
    subject = profile["t"]["subject"]
    assert subject.windows_1252_repaired == 5
    assert any("windows_1252" in note and "(5 cells" in note for note in subject.notes)
    # Counted as loaded: its distinct values and padded ones are the repaired values'.
    repaired_values = [windows_read(s) for s in SUBJECTS if s]
    assert subject.whitespace_padded_count == sum(1 for v in repaired_values if v != v.strip(WHITE_SPACE))
    assert subject.padding_kept is False
    for name in ("lines", "euro"):
        assert profile["t"][name].windows_1252_repaired == 0 and not profile["t"][name].padding_kept
    code = profile["k"]["code"]
    assert code.as_written is not None and code.windows_1252_repaired == 0
    assert not any("windows_1252" in note for note in code.notes)


@pytest.mark.parametrize("rows", [1, 15_000], ids=["batched", "alone"])
def test_the_profile_counts_the_repaired_values(make_sqlite: SqliteFactory, rows: int) -> None:
    # A column with 'x\x92s' beside 'x’s' (no key): one value once repaired. 15,000 copies (120,000
    # cells): past the batched query of small tables (its own text query).
    values = ["x\x92s", "x’s", "Subject\x85", " \x93q\x94 "]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT)"
    many = [(n * len(values) + i + 1, v) for n in range(rows) for i, v in enumerate(values)]
    path = make_sqlite({"t": (ddl, many)}, name="counts.db")
    profile, result = cleaned_gates_open(path)
    assert result.data is not None
    cleaned = [windows_read(v).strip(WHITE_SPACE) for v in values] * rows
    assert result.data["t"].column("note").to_pylist() == cleaned
    note = profile["t"]["note"]
    assert note.distinct_count == len(set(cleaned)) == 3
    assert note.whitespace_padded_count == rows  # ' “q” ' alone; 'Subject…' is no padding
    assert note.windows_1252_repaired == 3 * rows
    stats = result.tables["t"].columns["note"]
    assert stats.windows_1252_repaired == 3 * rows and stats.whitespace_trimmed == rows


def test_the_operators_windows_1252_false_keeps_the_c1_controls(make_sqlite: SqliteFactory) -> None:
    path = _export(make_sqlite)
    profile, result = cleaned_gates_open(path, columns={"t": {"subject": {"windows_1252": False}}})
    assert result.data is not None
    # As written: the Latin-1 ellipsis rule (profiling.latin1_text) keeps the values' ends.
    assert result.data["t"].column("subject").to_pylist() == [s or None for s in SUBJECTS]
    assert profile["t"]["subject"].windows_1252_repaired == 0
    assert profile["t"]["subject"].padding_kept is True
    assert not [row for row in result.audit.to_pylist() if "windows_1252" in row["rule"]]
    plan = columnar_etl.plan(profile, settings=load_settings(**GATES_OPEN))
    assert plan["t"]["subject"].windows_1252 is False


def test_the_repaired_cells_are_a_fixable_issue_the_quality_counts(make_sqlite: SqliteFactory) -> None:
    # 200 notes, 6 of them Windows-1252 punctuation read as Latin-1 (3 distinct), no other dirt: the
    # column's issue windows_1252 counts the 6 cells, with their values as written, and costs what a
    # fixable issue costs (docs/profiling.md, "Quality score": 4 points per 1 % of rows); cleaning
    # repairs them, so the score after is 100. Until 2026-12-07 the column scored 100 before too.
    dirty = ["It\x92s down", "\x93VPN\x94 again", "Printer\x85"]
    notes = [f"note {n}" if n % 40 else dirty[(n // 40) % 3] for n in range(1, 201)]
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT)"
    path = make_sqlite({"t": (ddl, list(enumerate(notes, start=1)))}, name="issue.db")
    repaired_cells = sum(1 for v in notes if windows_read(v) != v)
    assert repaired_cells == 5  # n = 40, 80, ..., 200
    profile, result = cleaned_gates_open(path)
    note = profile["t"]["note"]
    issue = note.issue("windows_1252")
    assert issue is not None and issue.count == repaired_cells == note.windows_1252_repaired
    assert issue.examples == tuple(sorted({v for v in notes if windows_read(v) != v}))
    assert [i.kind for i in note.issues] == ["windows_1252"]
    assert note.quality == pytest.approx(100 - 4 * 100 * repaired_cells / len(notes))
    assert profile["t"]["id"].quality == 100
    assert issue.to_dict()["kind"] == "windows_1252"
    cleaned = result.tables["t"]
    assert cleaned.columns["note"].windows_1252_repaired == repaired_cells
    assert result.quality_after == 100
    # Turned off, the column is loaded as written: no issue, nothing to cost.
    kept, _ = cleaned_gates_open(path, columns={"t": {"note": {"windows_1252": False}}})
    assert kept["t"]["note"].issue("windows_1252") is None and kept["t"]["note"].quality == 100
