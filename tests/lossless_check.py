"""An independent cell-by-cell check of issue 14's rule after a ``run`` into PostgreSQL.

**Every cell in the target equals the source cell, or it was changed by one of the documented cleaning
rules and that change is in the audit (or the quarantine).**

Nothing here uses the package's reading or cleaning code: the source is read with Python's ``sqlite3``
(``text_factory = bytes``, so TEXT cells come as their raw bytes, with ``typeof()`` per cell), the target
with the ADBC driver (typed Python values), the audit and quarantine with pyarrow. :func:`check` returns
every violation; an empty list means the rule holds.

Equality by storage class (a cell equal this way needs no audit row):

- NULL → NULL.
- INTEGER → the same number (int, Decimal, float compared exactly; 0/1 as a boolean) or its decimal text.
- REAL → a float exactly equal (all 17 digits), a numeric that converts back to exactly that float, or
  number text that does; as ``bytea`` (a column mixing BLOBs), the bytes of the text the load writes
  of it (:func:`real_text`: 17 digits, ``-0.0`` signed) or of SQLite's own (``0.0``), never an integer's.
- BLOB → byte-identical ``bytea`` (or PostgreSQL's ``\\x<hex>`` text). No audit row excuses a change.
- TEXT, valid UTF-8 → the same text; or a typed value the text reads as without loss (canonical integer
  and decimal text, ISO dates and timestamps, ISO timestamps in UTC (``Z``, ``+00``, ``+00:00``) as the
  same instant, ``true``/``false``), or the same bytes as ``bytea``. Another UTC offset is lost in a
  ``timestamptz``: that cell needs its audit row. Text that arrives as text by its ``trim`` audit row
  must be the source text less Unicode's White_Space at its ends (value_oracle.WHITE_SPACE), nothing
  more (not the information separators U+001C-U+001F, which ``str.isspace`` calls whitespace).
- TEXT, invalid UTF-8 → must be audited with a rule naming the encoding, and arrive as the fallback's
  decoding (cp1252; a byte cp1252 leaves undefined, such as 0x81, as its Latin-1 character), possibly
  trimmed / NUL-stripped by the other documented rules (or be quarantined); the same bytes as
  ``bytea`` need no audit. UTF-8 cut inside its last character (``value_oracle.cut_utf8``) audited
  ``encoding:utf-8-cut`` arrives as its characters and U+FFFD for the cut one.

A cell that is not equal needs an audit or quarantine row for (table, row_key, column) whose rule is
a documented one, and must hold that row's ``new_value`` (NULL for a quarantined or nulled cell): an
audit row excuses the change it records, not any other value. ``rounded:<scale>`` is no documented
rule: rounding loses digits, so no cleaning rule rounds (a plan made from a profile quarantines a value
with more fraction digits than its scale, ``numeric_scale``),
and only a ``scale`` the operator sets in ``[columns]`` does (docs/profiling.md, docs/configuration.md):
the check reports those cells, because they are losses the operator chose, not cleaning.

Rows are joined on the table's declared primary key (the rowid alias or another declared key) when its
values are unique and not NULL, else as multisets (a row changed by a rule then paired on its INTEGER,
REAL and BLOB cells where those name one source and one target row, else with a target row every cell of
which keeps the rule, its cells checked after; such a target is looked for first among the rows with the
same loose values: trimmed, blank as NULL, numbers as numbers). A source row missing from the target is
allowed only when it is an exact copy (storage classes and values) of an earlier row, audited as a
duplicate (rule containing ``duplicate``), and a row equal to it arrived; such copies are set aside
before pairing, so that identical rows are interchangeable and a copy never takes the target row of a
row that arrived changed.
"""

from __future__ import annotations

import codecs
import itertools
import json
import math
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from columnar_etl.pg.connect import connect

from .value_oracle import WHITE_SPACE, cut_utf8

#: Canonical integer text: no sign but a minus, no leading zeros, no separators.
INTEGER_TEXT = re.compile(r"-?(0|[1-9][0-9]*)")
#: Canonical decimal text: as INTEGER_TEXT, with an optional fraction; no exponent, no '+', no comma.
DECIMAL_TEXT = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
#: ISO date or timestamp text as PostgreSQL and Python both read it without interpretation.
ISO_TIMESTAMP_TEXT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?)?"
)
#: ISO timestamp text in UTC (offset zero): an instant that loses nothing as a ``timestamptz``. Text with
#: another offset arrives as the same instant, but its offset is gone: a change that needs its audit.
ISO_UTC_TEXT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-]00(:?00)?)"
)
#: The audit rule of a BLOB read as the number text its ASCII bytes spell (docs/profiling.md), and
#: such text (sign, digits, optionally a point and digits), written independently of the source's SQL.
BLOB_NUMERAL_RULE = "blob_numeral"
BLOB_NUMERAL_TEXT = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
#: Audit rules that are not documented cleaning rules: such a row does not excuse a change (an
#: override's rounding: see the module's docstring).
UNDOCUMENTED_RULE = re.compile(r"rounded(:.*)?")
#: Columns read by one query (two result columns each, a typeof and the value; SQLite returns at most
#: 2,000 columns): a wider table is read in slices of this many, stitched row by row.
READ_COLUMNS = 900
ENCODING_RULE = re.compile(r"encod|cp1252|latin|utf|charset", re.IGNORECASE)
#: The audit rule of Windows-1252 punctuation read as Latin-1 repaired (docs/profiling.md).
WINDOWS_1252_RULE = "windows_1252"


def windows_1252_read(text: str) -> str:
    """``text`` with each C1 control (U+0080-U+009F) Windows-1252 defines read as its character, by
    Python's codec (the five bytes it leaves undefined stay)."""
    return "".join(
        bytes([ord(char)]).decode("cp1252", errors="replace").replace("\ufffd", char)
        if 0x80 <= ord(char) < 0xA0
        else char
        for char in text
    )


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined: accept them as their Latin-1 character.
    assert isinstance(error, UnicodeDecodeError)
    raw = error.object[error.start : error.end]
    return "".join(chr(b) for b in raw), error.end


codecs.register_error("lossless_check_latin1", _latin1_for_undefined)


def decode_fallback(raw: bytes, encoding: str = "cp1252") -> str:
    """``raw`` decoded as the configured fallback encoding would (cp1252 gaps as Latin-1)."""
    return raw.decode(encoding, errors="lossless_check_latin1")


@dataclass(frozen=True)
class Cell:
    """One source cell: its storage class (``typeof()``) and its value (TEXT and BLOB as raw bytes)."""

    storage: str
    value: Any

    def text(self) -> str | None:
        """The TEXT cell as a str when it is valid UTF-8, else None."""
        if self.storage != "text":
            return None
        try:
            return bytes(self.value).decode("utf-8")
        except UnicodeDecodeError:
            return None

    def describe(self) -> str:
        return f"{self.storage} {self.value!r}"


@dataclass
class SourceRow:
    rowid: int | None
    position: int
    cells: dict[str, Cell]


@dataclass
class SourceTable:
    name: str
    columns: list[str]
    primary_key: list[str]
    rows: list[SourceRow] = field(default_factory=list)
    #: The key the run's profile names the table's rows by when it declares none (``profile.json``):
    #: the audit's ``row_key`` of such a table carries its values.
    run_key: list[str] = field(default_factory=list)
    #: ``{column: data_type}`` of the target table, once read: a REAL key cell is named as its target
    #: column shows it (see :func:`_key_text`).
    target_types: dict[str, str] = field(default_factory=dict)

    @cached_property  # asked per row: computed once, after the rows are read
    def key_is_unique(self) -> bool:
        """Whether the declared key identifies every row (never NULL, never repeated)."""
        if not self.primary_key:
            return False
        keys = [tuple(_canonical_cell(r.cells[c]) for c in self.primary_key) for r in self.rows]
        return all(None not in k for k in keys) and len(set(keys)) == len(keys)

    @cached_property
    def names_rows(self) -> bool:
        """Whether the table declares a primary key that names its rows: one none of whose columns is
        NULL in every row (PostgreSQL's ``id SERIAL PRIMARY KEY`` run on SQLite is never filled, and the
        run passes it over for the next declared UNIQUE or a key found in the data)."""
        return bool(self.primary_key) and not (
            self.rows and any(all(r.cells[c].storage == "null" for r in self.rows) for c in self.primary_key)
        )

    @cached_property
    def run_key_is_unique(self) -> bool:
        """Whether the run's key of a table declaring none (or one naming no row) identifies every source
        row (it does not when exact copies share it: the run found it unique once they are removed)."""
        if self.names_rows or not self.run_key or any(c not in self.columns for c in self.run_key):
            return False
        keys = [tuple(_canonical_cell(r.cells[c]) for c in self.run_key) for r in self.rows]
        return all(None not in k for k in keys) and len(set(keys)) == len(keys)


@dataclass(frozen=True)
class Violation:
    """A cell (or a whole row / column / table) that broke the rule."""

    table: str
    key: str | None
    column: str | None
    source: str
    target: str
    reason: str

    def __str__(self) -> str:
        where = ".".join(p for p in (self.table, self.column) if p) + (f" [{self.key}]" if self.key else "")
        return f"{where}: source {self.source} → target {self.target} ({self.reason})"


@dataclass
class LogIndex:
    """The audit and quarantine rows, by cell and by row."""

    cells: dict[tuple[str, str, str], list[tuple[str, str, str | None, str | None]]] = field(
        default_factory=dict
    )
    rows: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    @classmethod
    def read(
        cls, *paths: Path | None, renamed: dict[str, tuple[str, dict[str, str]]] | None = None
    ) -> LogIndex:
        """The rows of the audit and quarantine files ``paths``; ``renamed``: per table as the run read
        it, its export name and its columns' (:func:`_renamed_for_reader`), which the rows then use."""
        index = cls()
        for path in paths:
            if path is None or not Path(path).exists():
                continue
            kind = "quarantine" if "quarantine" in Path(path).name else "audit"
            for entry in pq.read_table(path).to_pylist():
                table, key, column = entry["table"], str(entry["row_key"]), entry["column"]
                if renamed and table in renamed:
                    table, columns = renamed[table]
                    column = columns.get(column, column)
                rule = str(entry.get("rule") or "")
                index.cells.setdefault((table, key, column), []).append(
                    (kind, rule, entry.get("raw_value"), entry.get("new_value"))
                )
                index.rows.setdefault((table, key), []).append(rule)
        return index

    def entries(self, table: str, keys: Iterable[str], column: str) -> list[tuple[str, str, Any, Any]]:
        found: list[tuple[str, str, Any, Any]] = []
        for key in keys:
            found += self.cells.get((table, key, column), [])
        return found


def _documented(entries: Sequence[tuple[str, str, Any, Any]]) -> bool:
    """Whether one of ``entries`` names a documented cleaning rule (any quarantine reason counts)."""
    for kind, rule, _, _ in entries:
        if kind == "quarantine":
            return True
        parts = [p.strip() for p in rule.split(",") if p.strip()]
        if any(not UNDOCUMENTED_RULE.fullmatch(p) for p in parts):
            return True
    return False


# --- reading both sides -------------------------------------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def scan_refusing_virtual(con: sqlite3.Connection) -> set[str]:
    """The virtual tables of ``con``'s file whose full scan SQLite refuses."""
    refusing = set()
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'"):
        try:
            con.execute(f"SELECT * FROM {_quote(bytes(name).decode())} LIMIT 1").fetchall()
        except sqlite3.OperationalError:
            refusing.add(bytes(name).decode())
    return refusing


def read_source(
    path: str | Path, collations: dict[str, Callable[[str, str], int]] | None = None
) -> dict[str, SourceTable]:
    """Every table of the SQLite file, every cell with its storage class, in rowid order.

    ``collations``: the collating sequences of the application that wrote the file (Anki's
    ``unicase``), by name: the file is then read as that application's SQLite reads it, a WITHOUT
    ROWID table kept in such a collation's order included (no other SQLite can scan one)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    con.text_factory = bytes
    for name, compare in (collations or {}).items():
        con.create_collation(name, compare)
    try:
        # A virtual table's own storage (an FTS index's segments, an R*Tree's nodes: SQLite's "shadow"
        # tables) is not the export's data; its virtual table is. SQLite goes by names: a table a
        # virtual table's statement names (its external content) is data all the same.
        statements = b" ".join(
            bytes(r[0]).lower()
            for r in con.execute("SELECT sql FROM sqlite_master WHERE sql LIKE '%VIRTUAL%'")
        )
        shadows = {
            bytes(r[1]).decode()
            for r in con.execute("PRAGMA table_list")
            if r[2] == b"shadow" and bytes(r[1]).lower() not in statements
        }
        names = [
            bytes(r[0]).decode()
            for r in con.execute(
                "SELECT name FROM sqlite_master "
                "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
            )
            if bytes(r[0]).decode() not in shadows
        ]
        # Full-text indexes by module: an FTS3/4/5 index's rowid (FTS3/4's docid) is a column of it; so is
        # the language id an FTS3/4 index declares (``languageid="lang"``), a hidden column but for its
        # own name's, the rowid's and the ``__langid`` it keeps when it declares none.
        full_text: dict[str, str] = {}
        for name, sql in con.execute("SELECT name, sql FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'"):
            if found := re.search(rb"\busing\s+[\"'`\[]?(fts[345])\b", bytes(sql), re.IGNORECASE):
                full_text[bytes(name).decode()] = found[1].decode().lower()

        def is_column(name: str, row: tuple[Any, ...]) -> bool:
            if row[6] in (0, 2, 3):
                return True
            hidden = {name.lower(), "docid", "__langid"}
            return full_text.get(name) in ("fts3", "fts4") and bytes(row[1]).decode().lower() not in hidden

        tables: dict[str, SourceTable] = {}
        for name in names:
            # Generated columns too (hidden 2 and 3): a SELECT reads them like any other.
            try:
                info = [r for r in con.execute(f"PRAGMA table_xinfo({_quote(name)})") if is_column(name, r)]
            except sqlite3.OperationalError as exc:
                # A virtual table whose module is not here, or whose module is but not the tokenizer
                # its statement names (an application's own, calibre's): the run names it, not loaded.
                if "no such module" in str(exc) or "tokenizer" in str(exc):
                    continue
                raise
            # A VIRTUAL generated column calling a function only the writing application defines
            # (``slugify(title)``) has no values in the file, and no SQLite here computes one.
            info = [r for r in info if r[6] != 2 or _computable(con, name, bytes(r[1]).decode())]
            columns = [bytes(r[1]).decode() for r in info]
            pk = [bytes(r[1]).decode() for r in sorted(info, key=lambda r: r[5]) if r[5]]
            if name in full_text and "rowid" not in {c.lower() for c in columns}:
                # A full-text index's rowid (FTS3/4's docid) names each of its documents: a column of it.
                columns, pk = ["rowid", *columns], ["rowid"]
            table = tables[name] = SourceTable(name, columns, pk)
            # A column named rowid, oid or _rowid_ (in any case) takes that name from the rowid.
            taken = {c.lower() for c in columns}
            alias = next((a for a in ("rowid", "_rowid_", "oid") if a not in taken), None)
            # Two result columns a cell: a table of more than ~1,000 columns is read in slices of them
            # (SQLite's result set holds at most 2,000), each in the same order, stitched row by row.
            parts: list[list[tuple[Any, ...]]] = []
            with_rowid = alias is not None
            for start in range(0, len(columns), READ_COLUMNS):
                part = columns[start : start + READ_COLUMNS]
                select = ", ".join(f"typeof({_quote(c)}), {_quote(c)}" for c in part)
                try:
                    if not with_rowid:
                        raise sqlite3.OperationalError("every rowid alias is a column")
                    rows = con.execute(f"SELECT {alias}, {select} FROM {_quote(name)} ORDER BY {alias}")
                    parts.append([row[1:] for row in rows] if start else list(rows))
                    continue
                except sqlite3.OperationalError:  # WITHOUT ROWID, or every rowid alias shadowed
                    with_rowid = False
                try:
                    parts.append(list(con.execute(f"SELECT {select} FROM {_quote(name)}")))
                except sqlite3.OperationalError as exc:
                    # A WITHOUT ROWID table keyed in the order of a collation only the writing
                    # application defines (Anki's unicase): no SQLite without it can read it.
                    if "no query solution" in str(exc) or "no such collation" in str(exc):
                        break
                    # A virtual table SQLite cannot scan (a contentless FTS4 index, an external-content
                    # index whose content table is gone): no rows to read; the run names it.
                    if name in scan_refusing_virtual(con):
                        break
                    raise
            else:
                for position, pieces in enumerate(zip(*parts, strict=True), start=1):
                    row = tuple(value for piece in pieces for value in piece)
                    rowid = row[0] if with_rowid else None
                    values = row[1:] if with_rowid else row
                    cells = {
                        c: Cell(bytes(values[2 * i]).decode(), values[2 * i + 1])
                        for i, c in enumerate(columns)
                    }
                    table.rows.append(SourceRow(rowid, position, cells))
                continue
            del tables[name]
        return tables
    finally:
        con.close()


def _computable(con: sqlite3.Connection, table: str, column: str) -> bool:
    """Whether this SQLite computes ``table``'s VIRTUAL generated ``column`` (it has its functions)."""
    try:
        con.execute(f"SELECT {_quote(column)} FROM {_quote(table)} LIMIT 0").fetchall()
    except sqlite3.OperationalError as exc:
        if "function" in str(exc):
            return False
        raise
    return True


def read_target(uri: str, base: str, table: str) -> tuple[dict[str, str], list[dict[str, Any]]] | None:
    """``{column: data_type}`` and the rows (typed values) of ``<base>."<table>"``; None if absent."""
    conn = connect(uri, autocommit=True)
    try:
        cursor = conn.cursor()
        literal = "'" + base.replace("'", "''") + "'", "'" + table.replace("'", "''") + "'"
        cursor.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            f"WHERE table_schema = {literal[0]} AND table_name = {literal[1]} ORDER BY ordinal_position"
        )
        types = {str(r[0]): str(r[1]) for r in cursor.fetchall()}
        if not types:
            cursor.close()
            return None
        cursor.execute(f"SELECT * FROM {_quote(base)}.{_quote(table)}")
        rows = cursor.fetch_arrow_table().to_pylist()
        cursor.close()
    finally:
        conn.close()
    numeric = [c for c, t in types.items() if t == "numeric"]
    for row in rows:
        for column in numeric:  # the driver hands numeric over as its text
            if isinstance(row.get(column), str):
                row[column] = Decimal(row[column])
    return types, rows


# --- equality -----------------------------------------------------------------------------------------


def _same_double(found: float, value: float) -> bool:
    """``found == value``, a negative zero apart from zero (Python's ``-0.0 == 0.0``; a REAL -0.0 that
    arrived as 0 lost its sign: h42's fuzz found the checker blind to it)."""
    return found == value and (value != 0 or math.copysign(1.0, found) == math.copysign(1.0, value))


def _float_text_equals(text: str, value: float) -> bool:
    try:
        return _same_double(float(text), value) and text.strip() == text
    except ValueError:
        return False


_SQLITE = sqlite3.connect(":memory:", check_same_thread=False)


def sqlite_text(value: float) -> str:
    """``value`` as SQLite writes a REAL as text (``CAST(x AS TEXT)``: ``0.0``, ``1.0e+20``)."""
    return str(_SQLITE.execute("SELECT CAST(? AS TEXT)", (value,)).fetchone()[0])


def real_text(value: float) -> str:
    """``value`` as the load writes a REAL as text (README: "REAL cells keep all 17 digits"): SQLite's
    ``printf('%!.17g')``, or more digits where those do not read back as the double (near the ends of
    the range), and ``-0.0`` for a negative zero (whose every SQLite text is ``0.0``)."""
    if value == 0 and math.copysign(1.0, value) < 0:
        return "-0.0"
    for digits in (17, 18, 19):
        text = str(_SQLITE.execute(f"SELECT printf('%!.{digits}g', ?)", (value,)).fetchone()[0])
        if _SQLITE.execute("SELECT CAST(? AS REAL) = ?", (text, value)).fetchone()[0]:
            return text
    return str(_SQLITE.execute("SELECT printf('%!.20g', ?)", (value,)).fetchone()[0])


def equal_unaudited(cell: Cell, target: Any) -> bool:
    """Whether ``target`` holds exactly ``cell``'s value (no cleaning rule needed)."""
    kind, value = cell.storage, cell.value
    if kind == "null":
        return target is None
    if target is None:
        return False
    if kind == "integer":
        if isinstance(target, bool):
            return value in (0, 1) and int(target) == value
        if isinstance(target, int | float | Decimal):
            return bool(target == value)  # exact: float(2**63 - 1) != 2**63 - 1
        if isinstance(target, str):
            return target == str(value)
        if isinstance(target, bytes):
            return target == str(value).encode()
        return False
    if kind == "real":
        if isinstance(target, bool):
            return False
        if isinstance(target, float | int):
            return _same_double(float(target), value) and bool(target == value)
        if isinstance(target, Decimal):
            return target.is_finite() and _same_double(float(target), value)
        if isinstance(target, str):
            return target == repr(value) or _float_text_equals(target, value)
        if isinstance(target, bytes):
            # Stored as its bytes: the text of a double (SQLite's own, ``0.0``, ``1.0e+20``, or the
            # digits that read back as it, ``-0.0`` with its sign), not any text of the same number
            # (``0`` is the INTEGER 0's: a keyless REAL row took the INTEGER's row).
            negative_zero = value == 0 and math.copysign(1.0, value) < 0
            own = not negative_zero and target == sqlite_text(value).encode()
            return own or target == real_text(value).encode()
        return False
    if kind == "blob":
        if isinstance(target, bytes):
            return target == bytes(value)
        if isinstance(target, str):
            return target == "\\x" + bytes(value).hex()
        return False
    # TEXT
    if isinstance(target, bytes):
        return target == bytes(value)
    text = cell.text()
    if text is None:
        return False  # invalid UTF-8 always needs its encoding audit
    return text_equals(text, target)


def text_equals(text: str, target: Any) -> bool:
    """Whether the typed ``target`` is what ``text`` reads as, with nothing lost."""
    if isinstance(target, str):
        return target == text
    if isinstance(target, bool):
        return text in ("true", "false") and (text == "true") == target
    if isinstance(target, int):
        return INTEGER_TEXT.fullmatch(text) is not None and text != "-0" and int(text) == target
    canonical_number = DECIMAL_TEXT.fullmatch(text) is not None and not (
        text.startswith("-") and Decimal(text) == 0
    )
    if isinstance(target, float):
        if text == repr(target):
            return True
        return canonical_number and Decimal(text) == Decimal(repr(target))
    if isinstance(target, Decimal):
        return canonical_number and Decimal(text) == target
    if isinstance(target, datetime):
        # An instant (timestamptz) only from UTC text, a wall-clock time only from text without offset.
        if not (ISO_UTC_TEXT if target.tzinfo is not None else ISO_TIMESTAMP_TEXT).fullmatch(text):
            return False
        try:
            return datetime.fromisoformat(text) == target
        except ValueError:
            return False
    if isinstance(target, date):
        return text == target.isoformat()
    if isinstance(target, time):
        # As PostgreSQL writes a time: HH:MM:SS, a fraction without its trailing zeros (08:30:00.5).
        return target.tzinfo is None and text == pg_time_text(target)
    return False


def pg_time_text(value: time) -> str:
    """PostgreSQL's text of a ``time``, computed here from the value's fields (not the cleaner's)."""
    whole = f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    return f"{whole}.{value.microsecond:06d}".rstrip("0") if value.microsecond else whole


def _decoded_forms(raw: bytes, encoding: str, cut: bool = False) -> set[str | None]:
    """What an invalid-UTF-8 TEXT cell may arrive as: decoded (as cut UTF-8 where ``cut``), then
    trimmed / NUL-stripped / blank→NULL."""
    decoded = cut_utf8(raw) if cut else decode_fallback(raw, encoding)
    if decoded is None:
        return set()
    forms: set[str | None] = set()
    for text in (decoded, decoded.replace("\0", "")):
        forms |= {text, text.strip(WHITE_SPACE)}
        if not text.strip(WHITE_SPACE):
            forms.add(None)
    return forms


def cell_violation(
    cell: Cell, target: Any, entries: Sequence[tuple[str, str, Any, Any]], encoding: str
) -> str | None:
    """Why ``target`` breaks the rule for ``cell`` given its audit/quarantine ``entries``; None if fine."""
    if cell.storage == "text" and cell.text() is None:
        raw = bytes(cell.value)
        if isinstance(target, bytes) and target == raw:
            return None
        if any(kind == "quarantine" for kind, _, _, _ in entries):
            return None
        if not any(ENCODING_RULE.search(rule) for _, rule, _, _ in entries):
            return f"invalid UTF-8 not audited as an encoding repair (entries: {[e[1] for e in entries]})"
        cut = any("encoding:utf-8-cut" in rule.split(",") for _, rule, _, _ in entries)
        if isinstance(target, str | type(None)) and target in _decoded_forms(raw, encoding, cut):
            return None
        if cut:
            return f"invalid UTF-8 audited as cut UTF-8 but not it: expected {cut_utf8(raw)!r}"
        return f"invalid UTF-8 not decoded as {encoding}: expected {decode_fallback(raw, encoding)!r}"
    shown = {str(raw) for _, rule, raw, _ in entries if "as_bytes" in rule.split(",")}
    if cell.storage in ("integer", "real") and any(raw.startswith("hex:") for raw in shown):
        # A number stored as the bytes of its text is audited as the number it was: 1 and '1' become
        # the same bytes, and only the audit's raw value tells which the source held.
        return f"a number made bytes audited as bytes ({sorted(shown)}), not as the number it was"
    if cell.storage == "text" and any(not raw.startswith("hex:") for raw in shown):
        return f"a text made bytes audited as no bytes ({sorted(shown)})"
    if equal_unaudited(cell, target):
        return None
    if cell.storage == "blob":
        if any(kind == "audit" and BLOB_NUMERAL_RULE in rule.split(",") for kind, rule, _, _ in entries):
            # A BLOB of a number's ASCII text, audited as read as that text: the value it spells,
            # exactly (Decimal of the text), or the text itself in a text column.
            numeral = BLOB_NUMERAL_TEXT.fullmatch(bytes(cell.value).decode("ascii", "replace"))
            if numeral is None:
                return "audited blob_numeral, but the BLOB is no plain ASCII numeral"
            if text_equals(numeral[0], target):
                return None
            return f"BLOB numeral {numeral[0]!r} not loaded as the number it spells"
        return "BLOB not byte-identical" + (
            " (audited, but no documented rule changes a BLOB)" if entries else ""
        )
    if not entries:
        return "changed without an audit or quarantine row"
    if cell.storage == "real" and isinstance(target, bytes) and {e[1] for e in entries} == {"as_bytes"}:
        # as_bytes changes the type (bytes of the cell's text), not the value: a -0.0 written as the
        # bytes of '0.0' lost its sign, though the audit showed those very bytes.
        return "REAL's bytes do not read back as it (as_bytes writes the cell's own text)"
    if not _documented(entries):
        return f"changed by an undocumented rule {[e[1] for e in entries]}"
    documented = [e for e in entries if _documented([e])]
    if not any(is_new_value(target, new) for _, _, _, new in documented):
        # An audit row excuses the change it records, not any other value.
        return f"not the audited new value ({', '.join(sorted({repr(e[3]) for e in documented}))})"
    text = cell.text()
    repairs = any(WINDOWS_1252_RULE in rule.split(",") for _, rule, _, _ in documented)
    if repairs and text is not None and target is not None:
        # The repair changes each C1 control into its Windows-1252 character, nothing else; then the
        # value may be trimmed, its NUL bytes removed, as any text.
        read = windows_1252_read(text.replace("\x00", ""))
        if target not in (read, read.strip(WHITE_SPACE)):
            return f"audited windows_1252 but not Windows-1252's reading: {read!r} expected"
        return None
    trims = any(rule == "trim" and new == target for _, rule, _, new in documented)
    if isinstance(target, str) and text is not None and trims and target != text.strip(WHITE_SPACE):
        # A text trimmed alone loses Unicode's White_Space at its ends, nothing else (a unit separator
        # U+001F, which str.isspace calls whitespace, is a delimiter).
        return f"trimmed to more than its White_Space at the ends: {text.strip(WHITE_SPACE)!r} expected"
    return None


def is_new_value(target: Any, new: Any) -> bool:
    """Whether the typed ``target`` is the audit's ``new_value``: the cleaned value as text (NULL when
    the cell was made NULL; ``true``/``false``; ISO dates and timestamps, ``+00:00`` for an instant;
    numbers as they read; ``\\x`` and hex for bytes)."""
    if new is None or target is None:
        return new is None and target is None
    text = str(new)
    try:
        if isinstance(target, bool):
            return text == ("true" if target else "false")
        if isinstance(target, int):
            return INTEGER_TEXT.fullmatch(text) is not None and int(text) == target
        if isinstance(target, float):
            return float(text) == target or (target != target and float(text) != float(text))
        if isinstance(target, Decimal):
            return Decimal(text) == target
        if isinstance(target, datetime):
            return datetime.fromisoformat(text) == target
        if isinstance(target, date):
            return date.fromisoformat(text) == target
        if isinstance(target, time):
            return time.fromisoformat(text) == target
        if isinstance(target, bytes):
            return text == "\\x" + target.hex()
    except ValueError:
        return False
    return isinstance(target, str) and text == target


# --- rows ---------------------------------------------------------------------------------------------


def _shortest(value: float) -> tuple[str, int]:
    """A finite non-zero double's shortest significant digits that read back as it (Python's ``repr``
    finds them) and the decimal exponent of the first: 0.00015 → ('15', -4)."""
    _, digits, exponent = Decimal(repr(abs(value))).normalize().as_tuple()
    assert isinstance(exponent, int)
    text = "".join(map(str, digits))
    return text, exponent + len(text) - 1


def float8_text(value: float) -> str:
    """``value`` as PostgreSQL (12+) writes a ``double precision``: shortest digits, fixed notation for
    decimal exponents -4..14 (no ``.0``), else ``d.ddde±XX`` (two exponent digits at least)."""
    if value != value:
        return "NaN"
    sign = "-" if str(value).startswith("-") else ""
    if abs(value) == float("inf"):
        return sign + "Infinity"
    if value == 0:
        return sign + "0"
    digits, exponent = _shortest(value)
    if -4 <= exponent < 15:
        if exponent < 0:
            return f"{sign}0.{'0' * (-exponent - 1)}{digits}"
        whole, fraction = digits[: exponent + 1].ljust(exponent + 1, "0"), digits[exponent + 1 :]
        return sign + whole + (f".{fraction}" if fraction else "")
    mantissa = digits[0] + (f".{digits[1:]}" if len(digits) > 1 else "")
    return f"{sign}{mantissa}e{'-' if exponent < 0 else '+'}{abs(exponent):02d}"


def written_text(value: float) -> str:
    """``value`` as the cleaner writes a REAL cell into a text column (Polars' shortest text): fixed
    notation for decimal exponents -5..15 (``3.0``, ``0.00001``), else ``d.ddde±X`` (``1.5e-7``,
    ``1e+16``); ``-0.0``, ``inf``."""
    if value != value or abs(value) == float("inf") or value == 0:
        return str(value)
    sign = "-" if value < 0 else ""
    digits, exponent = _shortest(value)
    if -5 <= exponent < 16:
        if exponent < 0:
            return f"{sign}0.{'0' * (-exponent - 1)}{digits}"
        whole, fraction = digits[: exponent + 1].ljust(exponent + 1, "0"), digits[exponent + 1 :]
        return f"{sign}{whole}.{fraction or '0'}"
    mantissa = digits[0] + (f".{digits[1:]}" if len(digits) > 1 else "")
    return f"{sign}{mantissa}e{'-' if exponent < 0 else '+'}{abs(exponent)}"


def _key_text(cell: Cell, target_type: str | None = None) -> str:
    """A key cell as the audit's ``row_key`` names it: as the target shows the value. A REAL cell
    as PostgreSQL writes a ``double precision``, or (a text or numeric key column) as the text the
    cleaner writes of it; any cell of a ``bytea`` key column as the hex of the bytes it arrives as."""
    if cell.storage == "null":
        return ""
    if target_type == "bytea":  # a key column of mixed cells: the hex of the bytes each arrives as
        if cell.storage == "integer":
            return str(cell.value).encode().hex()
        if cell.storage == "real":
            return real_text(cell.value).encode().hex()
        return bytes(cell.value).hex()
    if cell.storage == "integer":
        return str(cell.value)
    if cell.storage == "real":
        return float8_text(cell.value) if target_type == "double precision" else written_text(cell.value)
    if cell.storage == "blob":
        return bytes(cell.value).hex()
    text = cell.text()
    return text if text is not None else decode_fallback(bytes(cell.value))


def _key_texts(cell: Cell, target_type: str | None = None) -> list[str]:
    """:func:`_key_text`, and for TEXT that is UTF-8 cut inside its last character the text the
    cleaner reads of it too (``value_oracle.cut_utf8``: its characters and U+FFFD), as the audit's
    ``row_key`` then names the row."""
    texts = [_key_text(cell, target_type)]
    if cell.storage == "text" and cell.text() is None and target_type != "bytea":
        cut = cut_utf8(bytes(cell.value))
        if cut is not None:
            texts.append(cut)
    return texts


def _joined_keys(cells: list[Cell], types: list[str | None]) -> list[str]:
    """Every row_key text of a key of ``cells``: each part's forms joined by ``|``, as written, then
    trimmed as the documented rule trims (Unicode whitespace, NBSP included)."""
    forms = list(itertools.product(*(_key_texts(c, t) for c, t in zip(cells, types, strict=True))))
    return ["|".join(parts) for parts in forms] + [
        "|".join(p.strip(WHITE_SPACE) for p in parts) for parts in forms
    ]


def row_keys(table: SourceTable, row: SourceRow) -> list[str]:
    """The row_key texts an audit row may carry for ``row``, the one to show first.

    The declared key's values joined by ``|`` (also trimmed); the 1-based position in rowid order when
    there is no key or it does not identify the rows (NULLs); the rowid too, in case the cleaner keys
    rows by it.
    """
    keys: list[str] = []
    types = table.target_types
    if table.primary_key:
        keys += _joined_keys(
            [row.cells[c] for c in table.primary_key], [types.get(c) for c in table.primary_key]
        )
    if not table.key_is_unique:
        keys.append(str(row.position))
    if table.run_key and not table.names_rows:
        # A declared UNIQUE key (or one found in the data): trimmed too, as a declared primary key's.
        keys += _joined_keys([row.cells[c] for c in table.run_key], [types.get(c) for c in table.run_key])
    if row.rowid is not None:
        keys.append(str(row.rowid))
    return list(dict.fromkeys(keys))


def _shown(keys: list[str]) -> str | None:
    """The key to name a row by: its declared key's text, else its position / rowid."""
    return next((k for k in keys if k), None)


def _canonical(value: Any) -> Any:
    """A hashable form under which plainly equal source and target values meet (for the join)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return ("n", Decimal(int(value)))
    if isinstance(value, int | Decimal):
        return ("n", Decimal(value))
    if isinstance(value, float):
        return ("n", Decimal(value)) if value == value and abs(value) != float("inf") else ("f", repr(value))
    if isinstance(value, bytes | bytearray):
        return ("b", bytes(value))
    if isinstance(value, str):
        return ("s", value)
    return ("o", str(value))


def _canonical_cell(cell: Cell) -> Any:
    if cell.storage == "text":
        text = cell.text()
        return ("s", text) if text is not None else ("invalid", bytes(cell.value))
    return _canonical(cell.value)


def _render(row: dict[str, Any] | SourceRow) -> str:
    if isinstance(row, SourceRow):
        return "{" + ", ".join(f"{c}: {cell.describe()}" for c, cell in row.cells.items()) + "}"
    return repr(row)


def check(
    sqlite_path: str | Path,
    uri: str,
    base: str,
    *,
    audit: Path | None = None,
    quarantine: Path | None = None,
    tables: Iterable[str] | None = None,
    encoding: str = "cp1252",
    keys: dict[str, list[str]] | None = None,
    names: dict[str, tuple[str, dict[str, str]]] | None = None,
    renamed: dict[str, tuple[str, dict[str, str]]] | None = None,
    collations: dict[str, Callable[[str, str], int]] | None = None,
) -> list[Violation]:
    """Every violation of the rule between the SQLite file and ``<base>.<table>`` (all tables by default).

    ``keys``: per table, the key the run named rows by in the audit where the export declares none.
    ``names``: per table, its name in the target and ``{column: name in the target}`` where the run
    renamed them (snake case, past 63 bytes, PostgreSQL's system column names); the names themselves
    otherwise. ``renamed``: the tables and columns the run read under another name
    (:func:`_renamed_for_reader`), as the audit and quarantine name them. ``collations``: the writing
    application's own collating sequences (:func:`read_source`)."""
    log = LogIndex.read(audit, quarantine, renamed=renamed)
    source = read_source(sqlite_path, collations)
    for name, key in (keys or {}).items():
        if name in source and all(column in source[name].columns for column in key):
            source[name].run_key = list(key)
    wanted = list(tables) if tables is not None else list(source)
    violations: list[Violation] = []
    for name in wanted:
        violations += check_table(source[name], uri, base, log, encoding, (names or {}).get(name))
    return violations


def check_table(
    table: SourceTable,
    uri: str,
    base: str,
    log: LogIndex,
    encoding: str,
    names: tuple[str, dict[str, str]] | None = None,
) -> list[Violation]:
    """The violations of one table (see :func:`check`)."""
    target_table, target_columns = names or (table.name, {})
    found = read_target(uri, base, target_table)
    if found is None:
        return [
            Violation(table.name, None, None, f"{len(table.rows)} rows", "no such table", "table missing")
        ]
    types, target_rows = found
    if target_columns:  # the target's columns under their source names
        source_name = {target: column for column, target in target_columns.items()}
        types = {source_name.get(name, name): kind for name, kind in types.items()}
        target_rows = [{source_name.get(k, k): v for k, v in row.items()} for row in target_rows]
    if (
        "rowid" in types
        and not any(c.lower() in ("rowid", "_rowid_", "oid") for c in table.columns)
        and table.rows
        and all(row.rowid is not None for row in table.rows)
    ):
        # A table other rows refer to by its rowid alone arrives with it as a column `rowid`: each of
        # its values must be its row's rowid, as SQLite reads it.
        table.columns = ["rowid", *table.columns]
        for row in table.rows:
            row.cells = {"rowid": Cell("integer", row.rowid), **row.cells}
        table.primary_key = table.primary_key or ["rowid"]
    violations = [
        Violation(table.name, None, c, "column", "absent", f"column missing (target has {sorted(types)})")
        for c in table.columns
        if c not in types
    ]
    columns = [c for c in table.columns if c in types]
    table.target_types = {c: types[c] for c in columns}

    def problems(row: SourceRow, target: dict[str, Any], only: list[str] | None = None) -> list[Violation]:
        keys = row_keys(table, row)
        found: list[Violation] = []
        for column in only if only is not None else columns:
            cell, value = row.cells[column], target[column]
            reason = cell_violation(cell, value, log.entries(table.name, keys, column), encoding)
            if reason is not None:
                found.append(
                    Violation(table.name, _shown(keys), column, cell.describe(), repr(value), reason)
                )
        return found

    # An exact copy of an earlier row, audited as a removed duplicate, is expected to be absent: it is
    # set aside before pairing, so that it cannot take the target row of a row that arrived changed
    # (three `Y` become three `true`s: a copy, unchanged-looking, must not pair with the `true` of the
    # row that was kept, leaving that row "missing"). It is checked after: a row equal to it arrived.
    seen: set[tuple[Any, ...]] = set()
    kept: list[SourceRow] = []
    copies: list[SourceRow] = []
    for row in table.rows:
        signature = _signature(row)
        rules = [rule for key in row_keys(table, row) for rule in log.rows.get((table.name, key), [])]
        if signature in seen and any("duplicate" in rule for rule in rules):
            copies.append(row)
        else:
            kept.append(row)
            seen.add(signature)
    pairs, missing, extra = _join(table, columns, target_rows, problems, kept)
    for row, target in pairs:
        violations += problems(row, target)
    if table.primary_key and missing and len(missing) == len(extra):
        # The key itself changed (``00001`` → 1): pair what is left in load order (the rowid order the
        # source is read in) so that the report names the changed cells, key included.
        for row, target in zip(missing, extra, strict=True):
            violations += [
                replace(v, reason=f"{v.reason}; row paired by position, its key did not match")
                for v in problems(row, target)
            ]
        missing, extra = [], []
    arrived = {_signature(r) for r, _ in pairs}
    for row in copies:
        if _signature(row) not in arrived:
            reason = "row missing (audited as a duplicate, but no row equal to it arrived)"
            violations.append(
                Violation(table.name, _shown(row_keys(table, row)), None, _render(row), "absent", reason)
            )
    for row in missing:
        keys = row_keys(table, row)
        duplicate = _signature(row) in arrived
        reason = "row missing" + (" (an exact duplicate, not audited as one)" if duplicate else "")
        violations.append(Violation(table.name, _shown(keys), None, _render(row), "absent", reason))
    for target in extra:
        violations.append(
            Violation(table.name, None, None, "absent", _render(target), "row not in the source")
        )
    return violations


Problems = Callable[[SourceRow, dict[str, Any], list[str] | None], list[Violation]]


def _signature(row: SourceRow) -> tuple[Any, ...]:
    """The row's cells exactly as the source holds them (storage class and value): equal for exact
    copies only, as the cleaner's duplicate rule reads them."""
    return tuple((cell.storage, cell.value) for cell in row.cells.values())


def _join(
    table: SourceTable,
    columns: list[str],
    target_rows: list[dict[str, Any]],
    problems: Problems,
    rows: list[SourceRow],
) -> tuple[list[tuple[SourceRow, dict[str, Any]]], list[SourceRow], list[dict[str, Any]]]:
    """Pairs (source row, target row), unmatched source rows, unmatched target rows.

    First on the declared key's plain values (when unique and never NULL), else on the key the run
    found in the data (when it names every source row alone) or, without one, on the whole row's plain
    values; what is left is paired greedily with a target row where every cell keeps the
    rule (audits included), else (keyed tables) one whose key cells keep it, so that a changed cell is
    reported as such rather than as a missing row.
    """
    key = [c for c in table.primary_key if c in columns]
    usable_key = len(key) == len(table.primary_key) and table.key_is_unique
    if table.run_key_is_unique and all(c in columns for c in table.run_key):
        # No declared key, but the run found one (unique, never NULL, no rule changes it): rows are
        # paired on it, not on every column (one converted cell per row would unpair them all).
        key, usable_key = list(table.run_key), True
    join_columns = key if usable_key else columns
    by_value: dict[Any, list[int]] = {}
    for i, target in enumerate(target_rows):
        by_value.setdefault(tuple(_canonical(target[c]) for c in join_columns), []).append(i)
    pairs: list[tuple[SourceRow, dict[str, Any]]] = []
    left: list[SourceRow] = []
    taken: set[int] = set()
    for row in rows:
        candidates = by_value.get(tuple(_canonical_cell(row.cells[c]) for c in join_columns), [])
        if candidates:
            # Distinct source keys may meet in one target value (the INTEGER 5 and the TEXT '5' of an
            # untyped key, under a plain index): the target row whose cells all keep the rule, if any.
            index = candidates[0]
            if len(candidates) > 1:
                index = next((i for i in candidates if not problems(row, target_rows[i], None)), index)
            candidates.remove(index)
            taken.add(index)
            pairs.append((row, target_rows[index]))
        else:
            left.append(row)
    rest = [i for i in range(len(target_rows)) if i not in taken]
    if left and not usable_key:
        # Without a key, one changed cell (a date read, a trimmed text) keeps a row from the join on
        # every column: pair such rows on the columns no rule changes (INTEGER, REAL, BLOB cells only)
        # where their values name exactly one source and one target row; the cells are checked after.
        native = [c for c in columns if all(r.cells[c].storage in NATIVE for r in table.rows)]
        left, found = _pair_on(native, left, target_rows, rest)
        pairs += [(row, target_rows[i]) for row, i in found]
        paired = {i for _, i in found}  # once: built per element, 24,000 keyless rows took minutes
        rest = [i for i in rest if i not in paired]
    if left and rest and not usable_key:
        # Keyless TEXT rows whose cells were typed (``'1962'`` → 1962, ``''`` → NULL) match no target
        # row on plain values: propose targets by a loose form of the cells (trimmed, blank as NULL,
        # canonical numbers), and pair only where every cell keeps the rule (``problems`` is empty).
        # A proposal never excuses anything; it only spares the cell-by-cell search below.
        left, found = _pair_loosely(columns, left, target_rows, rest, problems)
        pairs += [(row, target_rows[i]) for row, i in found]
        paired = {i for _, i in found}
        rest = [i for i in rest if i not in paired]
    if len(left) * len(rest) > 4_000_000:
        # Too many to search: each row against the target row in its place (a load keeps the source's
        # rowid order), a pair taken only when every cell keeps the rule, as a search would take it.
        in_place = [
            (row, i) for row, i in zip(left, rest, strict=False) if not problems(row, target_rows[i], None)
        ]
        pairs += [(row, target_rows[i]) for row, i in in_place]
        placed, used = {id(row) for row, _ in in_place}, {i for _, i in in_place}
        left, rest = [row for row in left if id(row) not in placed], [i for i in rest if i not in used]
    if len(left) * len(rest) > 4_000_000:  # still too many to pair cell by cell: report them as they are
        return pairs, left, [target_rows[i] for i in rest]
    missing: list[SourceRow] = []
    for row in left:
        match = next((i for i in rest if not problems(row, target_rows[i], None)), None)
        if match is None and usable_key:
            match = next((i for i in rest if not problems(row, target_rows[i], key)), None)
        if match is None:
            missing.append(row)
            continue
        rest.remove(match)
        pairs.append((row, target_rows[match]))
    return pairs, missing, [target_rows[i] for i in rest]


def _loose(value: Any) -> Any:
    """A cell's loose form for proposing pairs (:func:`_pair_loosely`): text trimmed, blank as NULL,
    integer and decimal text as numbers; numbers as numbers; anything else (dates, bytes) as nothing,
    since the proposal is checked cell by cell after."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if DECIMAL_TEXT.fullmatch(text):
            return ("n", Decimal(text))
        return ("s", text)
    if isinstance(value, bool):
        return ("n", Decimal(int(value)))
    if isinstance(value, int | Decimal):
        return ("n", Decimal(value))
    if isinstance(value, float) and value == value and abs(value) != float("inf"):
        return ("n", Decimal(value))
    return ("?",) if value is not None else None


def _pair_loosely(
    columns: list[str],
    left: list[SourceRow],
    target_rows: list[dict[str, Any]],
    rest: list[int],
    problems: Problems,
) -> tuple[list[SourceRow], list[tuple[SourceRow, int]]]:
    """Source rows still unpaired, and (row, target index) pairs proposed by the rows' loose forms
    (:func:`_loose`) and kept only where ``problems`` finds nothing in any cell."""
    sample = target_rows[rest[0]]
    # Columns whose target values are text or numbers; dates, booleans and bytes are left to the check.
    usable = [c for c in columns if isinstance(sample[c], str | int | float | Decimal) or sample[c] is None]
    usable = [
        c
        for c in usable
        if all(isinstance(target_rows[i][c], str | int | float | Decimal | None) for i in rest)
        and not any(isinstance(target_rows[i][c], bool) for i in rest)
    ]
    if not usable:
        return left, []
    targets: dict[Any, list[int]] = {}
    for i in rest:
        targets.setdefault(tuple(_loose(target_rows[i][c]) for c in usable), []).append(i)
    found: list[tuple[SourceRow, int]] = []
    unpaired: list[SourceRow] = []
    for row in left:
        cells = tuple(
            _loose(row.cells[c].text()) if row.cells[c].storage == "text" else _loose(row.cells[c].value)
            for c in usable
        )
        bucket = targets.get(cells, [])
        match = next((i for i in bucket if not problems(row, target_rows[i], None)), None)
        if match is None:
            unpaired.append(row)
            continue
        bucket.remove(match)
        found.append((row, match))
    return unpaired, found


#: Storage classes whose cells no cleaning rule changes (read natively, never through text).
NATIVE = ("integer", "real", "blob", "null")


def _pair_on(
    columns: list[str], left: list[SourceRow], target_rows: list[dict[str, Any]], rest: list[int]
) -> tuple[list[SourceRow], list[tuple[SourceRow, int]]]:
    """Source rows still unpaired, and the (row, target index) pairs whose values in ``columns`` are
    those of exactly one unpaired source row and one unpaired target row."""
    if not columns:
        return left, []
    sources: dict[Any, list[SourceRow]] = {}
    for row in left:
        sources.setdefault(tuple(_canonical_cell(row.cells[c]) for c in columns), []).append(row)
    targets: dict[Any, list[int]] = {}
    for i in rest:
        targets.setdefault(tuple(_canonical(target_rows[i][c]) for c in columns), []).append(i)
    found = [
        (rows[0], targets[value][0])
        for value, rows in sources.items()
        if len(rows) == 1 and len(targets.get(value, [])) == 1
    ]
    paired = {id(row) for row, _ in found}
    return [row for row in left if id(row) not in paired], found


def check_run(result: Any, sqlite_path: str | Path, uri: str, base: str, **kwargs: Any) -> list[Violation]:
    """:func:`check` with the audit and quarantine files of a ``RunResult`` (``runs/<run_id>/``)."""
    run_dir = Path(result.run_dir)
    profiled = run_dir / "profile.json"
    tables = json.loads(profiled.read_text()).get("tables", {}) if profiled.exists() else {}
    listed = tables.values() if isinstance(tables, dict) else tables
    renamed = _renamed_for_reader(profiled)
    keys = {t["name"]: list(t["key"]) for t in listed if t.get("key")}
    keys = {  # the profile's keys under the export's names
        renamed.get(name, (name, {}))[0]: [renamed.get(name, (name, {}))[1].get(c, c) for c in key]
        for name, key in keys.items()
    }
    return check(
        sqlite_path,
        uri,
        base,
        audit=run_dir / "audit.parquet",
        quarantine=run_dir / "quarantine.parquet",
        keys=keys,
        names=_target_names(run_dir / "run.json", renamed),
        renamed=renamed,
        **kwargs,
    )


def _renamed_for_reader(profiled: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """Per table as the run read it: its export name and ``{column as read: export name}``, for the
    names the readers could not take (profile.json ``renamed_for_reader``)."""
    records = json.loads(profiled.read_text()).get("renamed_for_reader", []) if profiled.exists() else []
    found: dict[str, tuple[str, dict[str, str]]] = {}
    for record in records:
        _, columns = found.setdefault(record["table"], (record["table"], {}))
        if record["column"] is None:
            found[record["table"]] = (record["export_name"], columns)
        else:
            columns[record["column"]] = record["export_name"]
    return found


def _target_names(
    record_path: Path, renamed: dict[str, tuple[str, dict[str, str]]] | None = None
) -> dict[str, tuple[str, dict[str, str]]]:
    """Per source table, its target name and its columns' (``check``'s ``names``), as the run recorded
    them in run.json: the load's record of each column's target name, else the plan's output name.
    ``renamed``: per table as read, its export name and its columns' (:func:`_renamed_for_reader`)."""
    if not record_path.exists():
        return {}
    record = json.loads(record_path.read_text())
    load = record.get("load") or {}
    renamed_tables = load.get("table_names") or {}
    renamed_columns = load.get("column_names") or {}
    names: dict[str, tuple[str, dict[str, str]]] = {}
    for table in (record.get("plan") or {}).get("tables", []):
        target = renamed_tables.get(table["name"], table["name"])
        loaded = renamed_columns.get(target, {})
        export, exported = (renamed or {}).get(table["name"], (table["name"], {}))
        # A run's record maps each column as the plan read it to its target name (the plan's renaming,
        # snake case, then the loader's); a plan's output name may be another column's name ("Ticket
        # ID" -> ticket_id beside the export's own ticket_id -> ticket_id_2), so it is looked up second.
        columns = {
            exported.get(c["name"], c["name"]): loaded[c["name"]]
            if c["name"] in loaded
            else loaded.get(c["output_name"], c["output_name"])
            for c in table["columns"]
        }
        names[export] = (target, columns)
    return names


def summarize(violations: Sequence[Violation], limit: int = 25) -> str:
    """The first ``limit`` violations, one a line, for an assertion message."""
    lines = [str(v) for v in violations[:limit]]
    if len(violations) > limit:
        lines.append(f"... and {len(violations) - limit} more")
    return f"{len(violations)} violation(s):\n" + "\n".join(lines)
