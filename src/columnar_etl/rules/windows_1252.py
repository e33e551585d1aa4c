"""Windows-1252 punctuation read as Latin-1: the C1 controls it became, and the characters they were.

A Windows program writes Windows-1252 (Excel's "CSV (Comma delimited)", a mail client's subjects); a
converter that reads such a file as Latin-1 (csvs-to-sqlite tries ``utf8``, then ``latin-1``;
``pandas.read_csv(encoding="latin-1")``) keeps each byte as the code point of its number, so the
export holds valid UTF-8 text with C1 controls (U+0080-U+009F) where the writer meant ’ “ ” • – — … €
™. Rule ``windows_1252`` (ftfy's ``fix_c1_controls``): in a text column holding such punctuation
(:data:`EVIDENCE_REGEX`: a C1 control U+0091-U+0097 in some value, the quotation marks, bullet and
dashes, which no program writes as text), every C1 control Windows-1252 defines is replaced by its
character (:data:`WINDOWS_1252_C1`); the five it leaves undefined (U+0081, U+008D, U+008F, U+0090,
U+009D) stay. A column with C1 controls but no such evidence (a lone U+0085, EBCDIC's NEL, a line end)
is left as it is. The repair comes first, before trimming and NULLs: ``Subject\\x85`` is ``Subject…``,
whose ellipsis is no whitespace to trim.
"""

from __future__ import annotations

#: C1 control → the Windows-1252 character of its byte (the codec's table for 0x80-0x9F, written out).
WINDOWS_1252_C1: dict[str, str] = {
    "\x80": "\u20ac",  # €
    "\x82": "\u201a",  # ‚
    "\x83": "\u0192",  # ƒ
    "\x84": "\u201e",  # „
    "\x85": "\u2026",  # …
    "\x86": "\u2020",  # †
    "\x87": "\u2021",  # ‡
    "\x88": "\u02c6",  # ˆ
    "\x89": "\u2030",  # ‰
    "\x8a": "\u0160",  # Š
    "\x8b": "\u2039",  # ‹
    "\x8c": "\u0152",  # Œ
    "\x8e": "\u017d",  # Ž
    "\x91": "\u2018",  # ‘
    "\x92": "\u2019",  # ’
    "\x93": "\u201c",  # “
    "\x94": "\u201d",  # ”
    "\x95": "\u2022",  # •
    "\x96": "\u2013",  # –
    "\x97": "\u2014",  # —
    "\x98": "\u02dc",  # ˜
    "\x99": "\u2122",  # ™
    "\x9a": "\u0161",  # š
    "\x9b": "\u203a",  # ›
    "\x9c": "\u0153",  # œ
    "\x9e": "\u017e",  # ž
    "\x9f": "\u0178",  # Ÿ
}
#: The C1 controls that are the evidence (RE2, a search): Windows-1252's ‘ ’ “ ” • – — read as Latin-1.
EVIDENCE_REGEX = r"[\x{91}-\x{97}]"
#: The rule's name in the audit (and the per-column setting that turns it off: ``windows_1252 = false``).
RULE = "windows_1252"


def repaired(text: str) -> str:
    """``text`` with its Windows-1252 C1 controls replaced by their characters (for messages and
    tests of one value; the engines apply :data:`WINDOWS_1252_C1` over whole columns)."""
    return text.translate({ord(control): character for control, character in WINDOWS_1252_C1.items()})
