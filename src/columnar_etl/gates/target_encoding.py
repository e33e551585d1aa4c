"""Gate 0 check ``target_encoding``: every text of the export fits the target database's encoding.

The loader sends text as UTF-8 (``client_encoding``) and PostgreSQL converts it to the database's
encoding. A database made ``ENCODING 'LATIN1'`` (or WIN1252, KOI8R, EUC_JP ...) cannot hold a character
outside its repertoire: the COPY failed with "character with byte sequence ... has no equivalent in
encoding" after the export was profiled, cleaned and copied up to that table (exit 1, nothing live
changed). Checked here, before any of that: one DuckDB pass over the export's text cells, and only when
the database's encoding is not UTF-8.

``SQL_ASCII`` converts nothing and checks nothing: the UTF-8 bytes are stored as they are (the values
come back equal), but the server counts and compares bytes (``length('é')`` is 2): a warning.
"""

from __future__ import annotations

import os
import unicodedata
from functools import cache
from pathlib import Path

from columnar_etl.config import Settings
from columnar_etl.gates.check import Check, skipped
from columnar_etl.pg.connect import query_rows
from columnar_etl.pg.conninfo import with_default
from columnar_etl.pg.encodings import PG_CODECS
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.cells import ColumnRead, class_column
from columnar_etl.source.export import open_source

#: Codecs of more than a byte a character, whose repertoire is found by trying every code point.
_MULTIBYTE = {"euc_jp", "euc_jis_2004", "euc_kr", "gb2312"}
_HINT = (
    "load into a database created with ENCODING 'UTF8' (CREATE DATABASE ... ENCODING 'UTF8' "
    "TEMPLATE template0), or drop or mask the column (columns.<table>.<column>.mask)"
)
_SHOWN = 3  # columns named in the message


@cache
def unstorable_pattern(codec: str) -> str:
    """A regular expression (RE2, as DuckDB reads it) matching one character ``codec`` cannot encode:
    the negated class of its repertoire, in code point ranges (NUL aside: the cleaner removes it)."""
    ranges: list[list[int]] = []
    if codec in _MULTIBYTE:
        points = [point for point in range(1, 0x110000) if _encodes(chr(point), codec)]
    else:  # a byte a character: its repertoire is what its 256 bytes decode to
        points = sorted({ord(bytes([byte]).decode(codec, "ignore") or "\0") for byte in range(1, 256)} - {0})
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    spans = "".join(
        f"\\x{{{low:x}}}" if low == high else f"\\x{{{low:x}}}-\\x{{{high:x}}}" for low, high in ranges
    )
    return f"[^\\x{{0}}{spans}]"


def _encodes(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return not 0xD800 <= ord(char) <= 0xDFFF


def _first_unstorable(text: str, codec: str) -> str:
    """The first character of ``text`` that ``codec`` lacks, as ``U+XXXX NAME``; ``?`` when none."""
    for char in text:
        if not _encodes(char, codec):
            name = unicodedata.name(char, "")
            return f"U+{ord(char):04X}{' ' + name if name else ''}"
    return "?"


def check_target_encoding(source: Path, uri: str | None, settings: Settings) -> Check:
    """``target_encoding``: pass on a UTF-8 database; on another, fail naming the columns (and a
    value) whose text it cannot store, table and column names included; warn on SQL_ASCII or an
    encoding not checked here."""
    if uri is None:
        return skipped("target_encoding", "the target is not reachable")
    connected = with_default(uri, "connect_timeout", str(settings.preflight_connect_timeout))
    ((encoding, database),) = query_rows(
        connected, "SELECT current_setting('server_encoding'), current_database()::text"
    )
    details: dict[str, object] = {"server_encoding": encoding}
    if encoding == "UTF8":
        return Check("target_encoding", "pass", encoding, "UTF8", "UTF8: any text fits", details=details)
    if encoding not in PG_CODECS and encoding != "SQL_ASCII":
        return Check(
            "target_encoding",
            "warn",
            encoding,
            "UTF8",
            f"database {database} is {encoding}: not checked here; a character it lacks fails the load",
            hint=_HINT.split(", or drop")[0],
            details=details,
        )
    if not source.is_file():
        return skipped("target_encoding", "no source file")
    codec = PG_CODECS.get(encoding, "ascii")
    found = _unstorable_text(source, codec, settings)
    details["columns"] = {name: count for name, (count, _) in found.items()}
    if not found:
        return Check(
            "target_encoding",
            "pass",
            encoding,
            "UTF8",
            f"database {database} is {encoding}, and every text of the export fits it",
            details=details,
        )
    named = list(found.items())[:_SHOWN]
    if codec == "ascii":  # SQL_ASCII stores the bytes as sent: the values come back equal
        message = (
            f"database {database} is SQL_ASCII: text beyond ASCII is stored as its UTF-8 bytes, unchecked, "
            "and the server counts and compares bytes, not characters (length('é') is 2): "
            + ", ".join(name for name, _ in named)
            + (f" +{len(found) - _SHOWN} more" if len(found) > _SHOWN else "")
        )
        return Check(
            "target_encoding",
            "warn",
            encoding,
            "UTF8",
            message,
            hint=_HINT.split(", or drop")[0],
            details=details,
        )
    where = "; ".join(
        f"{name}: {count:,} value{'s' if count != 1 else ''}, e.g. {example!r} "
        f"({_first_unstorable(example, codec)})"
        for name, (count, example) in named
    )
    more = f"; +{len(found) - _SHOWN} more" if len(found) > _SHOWN else ""
    return Check(
        "target_encoding",
        "fail",
        encoding,
        "UTF8",
        f"database {database} is {encoding}, which cannot store text of the export: {where}{more}",
        hint=_HINT,
        details=details,
    )


def _unstorable_text(source: Path, codec: str, settings: Settings) -> dict[str, tuple[int, str]]:
    """``{"table.column" (or a table's or column's name itself): (count, an example)}`` of the text the
    encoding ``codec`` lacks: names, then TEXT cells (as the cleaner reads them: an invalid one decoded
    by the fallback). BLOB cells are loaded as bytes and INTEGER/REAL ones as numbers: not looked at."""
    pattern = unstorable_pattern(codec)
    found: dict[str, tuple[int, str]] = {}
    with open_source(source, settings.source_encoding_fallback) as src:
        for table, info in src.tables.items():
            dropped = {
                name for name, override in settings.columns.get(table, {}).items() if override.mask == "drop"
            }
            unreadable = set(src.unreadable_columns.get(table, {}))
            columns = [name for name in info.column_names if name not in dropped | unreadable]
            for name in (table, *columns):
                if _first_unstorable(name, codec) != "?":
                    found.setdefault(f"name {name!r}", (1, name))
            if not columns:
                continue
            reads = [ColumnRead(name, with_class=True) for name in columns]
            texts = [
                f"(lower({class_column(index)}) = 't' AND regexp_matches({quote_ident(name)}, $pattern))"
                for index, name in enumerate(columns)
            ]
            counts = ", ".join(f"count(*) FILTER (WHERE {text})" for text in texts)
            examples = ", ".join(
                f"min({quote_ident(name)}) FILTER (WHERE {text})"
                for name, text in zip(columns, texts, strict=True)
            )
            # Rowid ranges read at once, as the profile reads them (one per 40,000 rows, one a core).
            parts = max(1, min(os.cpu_count() or 1, info.estimated_rows // 40_000))
            relation = src.relation_sql(table, parts, reads=reads)
            row = (
                src.cursor()
                .execute(f"SELECT {counts}, {examples} FROM {relation}", {"pattern": pattern})
                .fetchone()
            )
            if row is None:
                continue
            for index, name in enumerate(columns):
                if row[index]:
                    found[f"{table}.{name}"] = (int(row[index]), str(row[len(columns) + index]))
    return found
