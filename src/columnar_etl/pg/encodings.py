"""PostgreSQL's server encodings and the Python codecs of the same repertoire.

The package sends text as UTF-8 (``client_encoding``); the server converts it to its database's
encoding and refuses a character that encoding lacks. Which characters those are, Python's codec of
the same encoding says (the preflight's ``target_encoding`` check; the ledger's own texts).
"""

from __future__ import annotations

from typing import Any

#: Python's codec for each server encoding of PostgreSQL other than UTF8 and SQL_ASCII (the ones a
#: database can have; ``MULE_INTERNAL`` and ``EUC_TW`` have none).
PG_CODECS = {
    "LATIN1": "iso8859_1",
    "LATIN2": "iso8859_2",
    "LATIN3": "iso8859_3",
    "LATIN4": "iso8859_4",
    "LATIN5": "iso8859_9",
    "LATIN6": "iso8859_10",
    "LATIN7": "iso8859_13",
    "LATIN8": "iso8859_14",
    "LATIN9": "iso8859_15",
    "LATIN10": "iso8859_16",
    "ISO_8859_5": "iso8859_5",
    "ISO_8859_6": "iso8859_6",
    "ISO_8859_7": "iso8859_7",
    "ISO_8859_8": "iso8859_8",
    "WIN866": "cp866",
    "WIN874": "cp874",
    "WIN1250": "cp1250",
    "WIN1251": "cp1251",
    "WIN1252": "cp1252",
    "WIN1253": "cp1253",
    "WIN1254": "cp1254",
    "WIN1255": "cp1255",
    "WIN1256": "cp1256",
    "WIN1257": "cp1257",
    "WIN1258": "cp1258",
    "KOI8R": "koi8_r",
    "KOI8U": "koi8_u",
    "EUC_JP": "euc_jp",
    "EUC_JIS_2004": "euc_jis_2004",
    "EUC_KR": "euc_kr",
    "EUC_CN": "gb2312",
}


def storable(value: Any, codec: str | None) -> Any:
    """``value`` (text, or a JSON-like structure of it) with each character ``codec`` lacks written as
    its escape (``→`` as ``\\u2192``): for the package's own texts (run records, error lines) in a
    database of that encoding. ``codec`` None (UTF8, SQL_ASCII): unchanged."""
    if codec is None:
        return value
    if isinstance(value, str):
        return value.encode(codec, "backslashreplace").decode(codec)
    if isinstance(value, dict):
        return {storable(key, codec): storable(item, codec) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [storable(item, codec) for item in value]
    return value
