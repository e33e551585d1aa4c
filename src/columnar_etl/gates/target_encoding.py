"""Gate 0 check ``target_encoding``: every text of the export fits the target database's encoding.

The loader sends text as UTF-8 (``client_encoding``) and PostgreSQL converts it to the database's
encoding. A database made ``ENCODING 'LATIN1'`` (or WIN1252, KOI8R, EUC_JP ...) cannot hold a character
outside its repertoire: the COPY failed with "character with byte sequence ... has no equivalent in
encoding" after the export was profiled, cleaned and copied up to that table (exit 1, nothing live
changed). Checked here, before any of that: one DuckDB pass over the export's text cells, and only when
the database's encoding is not UTF-8.

The multibyte encodings are judged by the server itself: PostgreSQL's EUC_JP is Microsoft's (NEC and
IBM rows: ``①``, ``㈱``, ``～``, ``髙``), which Python's ``euc_jp`` lacks, and lacks ``〜`` (U+301C),
``−`` and ``¢``, which Python's has; EUC_JIS_2004 differs too (``—``, ``™``). The export's distinct
characters beyond ASCII are put through ``convert_to`` on the target, each in an exception block of one
``DO`` (nothing written, the transaction's own setting carries the answer back).

``SQL_ASCII`` converts nothing and checks nothing: the UTF-8 bytes are stored as they are (the values
come back equal), but the server counts and compares bytes (``length('é')`` is 2): a warning.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache, partial
from pathlib import Path

from columnar_etl.config import Settings
from columnar_etl.gates.check import Check, skipped
from columnar_etl.pg.connect import query_rows, transaction
from columnar_etl.pg.conninfo import with_default
from columnar_etl.pg.encodings import PG_CODECS
from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.source.cells import ColumnRead, class_column
from columnar_etl.source.export import Source, open_source

#: Codecs of more than a byte a character: PostgreSQL's tables of these differ from Python's, so the
#: server judges the export's characters (:func:`_lacked_by_server`), as it does for an encoding Python
#: has no codec of (``EUC_TW``; ``MULE_INTERNAL`` takes no UTF-8 client: the connection is refused).
_MULTIBYTE = {"euc_jp", "euc_jis_2004", "euc_kr", "gb2312"}
_HINT = (
    "load into a database created with ENCODING 'UTF8' (CREATE DATABASE ... ENCODING 'UTF8' "
    "TEMPLATE template0), or drop or mask the column (columns.<table>.<column>.mask)"
)
_SHOWN = 3  # columns named in the message
#: The setting of the judging transaction that carries the characters the server lacks back.
_LACKED_SETTING = "columnar_etl.lacked"


@cache
def unstorable_pattern(codec: str) -> str:
    """A regular expression (RE2, as DuckDB reads it) matching one character the single-byte ``codec``
    cannot encode: the negated class of its repertoire (what its 256 bytes decode to), in code point
    ranges (NUL aside: the cleaner removes it)."""
    ranges: list[list[int]] = []
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


def _lacks(codec: str, char: str) -> bool:
    return not _encodes(char, codec)


def _first_unstorable(text: str, lacks: Callable[[str], bool]) -> str:
    """The first character of ``text`` the encoding lacks, as ``U+XXXX NAME``; ``?`` when none."""
    for char in text:
        if lacks(char):
            name = unicodedata.name(char, "")
            return f"U+{ord(char):04X}{' ' + name if name else ''}"
    return "?"


def check_target_encoding(source: Path, uri: str | None, settings: Settings) -> Check:
    """``target_encoding``: pass on a UTF-8 database; on another, fail naming the columns (and a
    value) whose text it cannot store, table and column names included; warn on SQL_ASCII."""
    if uri is None:
        return skipped("target_encoding", "the target is not reachable")
    connected = with_default(uri, "connect_timeout", str(settings.preflight_connect_timeout))
    ((encoding, database),) = query_rows(
        connected, "SELECT current_setting('server_encoding'), current_database()::text"
    )
    details: dict[str, object] = {"server_encoding": encoding}
    if encoding == "UTF8":
        return Check("target_encoding", "pass", encoding, "UTF8", "UTF8: any text fits", details=details)
    if not source.is_file():
        return skipped("target_encoding", "no source file")
    codec = PG_CODECS.get(encoding, "ascii" if encoding == "SQL_ASCII" else "")
    if codec in _MULTIBYTE or not codec:  # no codec of Python's: EUC_TW
        lacked = _lacked_by_server(connected, encoding, _export_characters(source, settings))
        pattern = "[" + "".join(f"\\x{{{ord(char):x}}}" for char in sorted(lacked)) + "]"
        lacks: Callable[[str], bool] = lacked.__contains__
        found = _unstorable_text(source, pattern, lacks, settings) if lacked else {}
    else:
        lacks = partial(_lacks, codec)
        found = _unstorable_text(source, unstorable_pattern(codec), lacks, settings)
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
        f"({_first_unstorable(example, lacks)})"
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


def _loaded_columns(src: Source, settings: Settings) -> Iterator[tuple[str, list[str], str]]:
    """Each table of the export with the columns the load sends (none dropped or unreadable) and the
    relation reading them with their storage classes (:func:`class_column` by position)."""
    for table, info in src.tables.items():
        dropped = {
            name for name, override in settings.columns.get(table, {}).items() if override.mask == "drop"
        }
        unreadable = set(src.unreadable_columns.get(table, {}))
        columns = [name for name in info.column_names if name not in dropped | unreadable]
        reads = [ColumnRead(name, with_class=True) for name in columns]
        # Rowid ranges read at once, as the profile reads them (one per 40,000 rows, one a core).
        parts = max(1, min(os.cpu_count() or 1, info.estimated_rows // 40_000))
        yield table, columns, src.relation_sql(table, parts, reads=reads) if columns else ""


def _export_characters(source: Path, settings: Settings) -> set[str]:
    """The distinct characters beyond ASCII of the names and TEXT cells the load sends."""
    found: set[str] = set()
    with open_source(source, settings.source_encoding_fallback) as src:
        for table, columns, relation in _loaded_columns(src, settings):
            found.update(char for name in (table, *columns) for char in name if ord(char) > 0x7F)
            if not columns:
                continue
            lists = ", ".join(
                f"CASE WHEN lower({class_column(index)}) = 't' "
                f"THEN regexp_extract_all({quote_ident(name)}, '[^\\x{{0}}-\\x{{7f}}]') END"
                for index, name in enumerate(columns)
            )
            rows = (
                src.cursor().execute(f"SELECT DISTINCT unnest(flatten([{lists}])) FROM {relation}").fetchall()
            )
            found.update(str(char) for (char,) in rows if char)
    return found


def _lacked_by_server(uri: str, encoding: str, chars: set[str]) -> set[str]:
    """Which of ``chars`` the server's conversion to ``encoding`` refuses (as the COPY would). Each is
    sent as the hex of its UTF-8 bytes and converted as bytes (``convert``): the statement's own text
    is converted to the database's encoding before it is parsed, so a character it lacks could not be
    written in it."""
    if not chars:
        return set()
    listed = ", ".join(f"'{char.encode().hex()}'" for char in sorted(chars))
    with transaction(uri) as conn:
        cursor = conn.cursor()
        try:
            cursor.execute(
                "DO $columnar_etl$ DECLARE h text; lacked text[] := '{}'; BEGIN "
                f"FOREACH h IN ARRAY ARRAY[{listed}]::text[] LOOP BEGIN "
                "PERFORM pg_catalog.convert(pg_catalog.decode(h, 'hex'), 'UTF8', "
                f"{quote_literal(encoding)}); "
                "EXCEPTION WHEN untranslatable_character OR character_not_in_repertoire THEN "
                "lacked := lacked || h; END; END LOOP; PERFORM pg_catalog.set_config("
                f"{quote_literal(_LACKED_SETTING)}, pg_catalog.array_to_string(lacked, ','), true); "
                "END $columnar_etl$"
            )
            cursor.execute(f"SELECT pg_catalog.current_setting({quote_literal(_LACKED_SETTING)})")
            ((lacked,),) = cursor.fetchall()
        finally:
            cursor.close()
    return {bytes.fromhex(hexed).decode() for hexed in str(lacked).split(",") if hexed}


def _unstorable_text(
    source: Path, pattern: str, lacks: Callable[[str], bool], settings: Settings
) -> dict[str, tuple[int, str]]:
    """``{"table.column" (or a table's or column's name itself): (count, an example)}`` of the text the
    encoding lacks (``pattern`` matches a character it lacks, ``lacks`` tells one): names, then TEXT
    cells (as the cleaner reads them: an invalid one decoded by the fallback). BLOB cells are loaded
    as bytes and INTEGER/REAL ones as numbers: not looked at."""
    found: dict[str, tuple[int, str]] = {}
    with open_source(source, settings.source_encoding_fallback) as src:
        for table, columns, relation in _loaded_columns(src, settings):
            for name in (table, *columns):
                if _first_unstorable(name, lacks) != "?":
                    found.setdefault(f"name {name!r}", (1, name))
            if not columns:
                continue
            texts = [
                f"(lower({class_column(index)}) = 't' AND regexp_matches({quote_ident(name)}, $pattern))"
                for index, name in enumerate(columns)
            ]
            counts = ", ".join(f"count(*) FILTER (WHERE {text})" for text in texts)
            examples = ", ".join(
                f"min({quote_ident(name)}) FILTER (WHERE {text})"
                for name, text in zip(columns, texts, strict=True)
            )
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
