"""Columns of Windows-1252 text read as Latin-1, whose U+0085 is the ellipsis, not whitespace.

A Windows program writes Windows-1252 (Excel's "CSV (Comma delimited)", a mail client's subjects); a
converter that reads such a file as Latin-1 once it is no UTF-8 (csvs-to-sqlite tries ``utf8``, then
``latin-1``; ``pandas.read_csv(encoding="latin-1")``) keeps each byte as the code point of its number:
the quotation marks ’ “ ” as U+0092 U+0093 U+0094, the dashes as U+0096 U+0097, and the ellipsis … (byte
0x85) as U+0085, NEXT LINE, which Unicode counts as whitespace. Trimmed, a subject cut short with ``…``
lost it, and with it the one sign that it was cut.

So: a text column holding Windows-1252's quotation marks, bullet or dashes read as Latin-1 (U+0091 to
U+0097, C1 controls that no program writes as text), and a value with U+0085 at an end, keeps its
values' ends as written: it is counted and cleaned as the operator's ``trim = false`` keeps one
(``ColumnProfile.padding_kept``), its U+0085 the ellipsis it was. ``''`` stays NULL. Not such a column:
one whose U+0085 stands beside no such punctuation (a line end from EBCDIC's NEL is whitespace), and one
whose ``trim`` the operator set (either way, it is theirs).

Since rule ``windows_1252`` (:mod:`.windows_1252`) repairs such a column first (its U+0085 is then '…',
no whitespace, and its U+0091-U+0097 gone), only a column whose repair the operator turned off
(``windows_1252 = false``) can be one: only those are searched.

The columns are found among a table's counted cells (``distinct_cells_sql``'s table) before the profile
query shapes them, as the operator's ``trim = false`` and the columns of marks (:mod:`.marks`) are.
"""

from __future__ import annotations

from columnar_etl.profiling.distinct_values import in_places
from columnar_etl.rules.windows_1252 import EVIDENCE_REGEX

#: U+0085 (NEXT LINE) in DuckDB SQL.
_NEL = "chr(133)"
#: U+0085 at an end of a value, with whitespace beside it there (DuckDB's RE2).
_NEL_AT_AN_END = r"'^[\s\pZ\x{0B}\x{85}]*\x{85}|\x{85}[\s\pZ\x{0B}\x{85}]*$'"
#: Windows-1252's ‘ ’ “ ” • – — (bytes 0x91 to 0x97) read as Latin-1: the evidence of rule windows_1252.
_WINDOWS_PUNCTUATION = f"'{EVIDENCE_REGEX}'"

#: The note of such a column.
ELLIPSIS_NOTE = (
    "Windows-1252 text read as Latin-1 (its quotation marks or dashes are C1 controls U+0091-U+0097): "
    "its U+0085 is the ellipsis '…', not whitespace, so the values' ends are kept as written (not "
    "trimmed); '' is NULL"
)


def ellipsis_sql(cells: str, places: list[int] | None = None) -> str:
    """The ``idx`` of the columns of Windows-1252 text read as Latin-1 with a U+0085 at a value's end
    among the counted cells ``cells`` (``idx, cls, v, weight``: ``.distinct_values.distinct_cells_sql``);
    with ``places``, among those columns only."""
    # A plain search of the decoded text first (2M cells: ~0.1 s; a BLOB cast to VARCHAR to search its
    # bytes took 2.2 s): only a column holding a U+0085 has its values matched against the patterns.
    among = f" AND {in_places(places)}" if places is not None else ""
    nel = f"SELECT DISTINCT idx FROM {cells} WHERE cls = 't'{among} AND contains(try(decode(v)), {_NEL})"
    decoded = f"SELECT idx, try(decode(v)) AS u FROM {cells} WHERE cls = 't' AND idx IN ({nel})"
    at_end = f"coalesce(regexp_matches(u, {_NEL_AT_AN_END}), false)"
    windows = f"coalesce(regexp_matches(u, {_WINDOWS_PUNCTUATION}), false)"
    return (
        f"SELECT idx FROM ({decoded}) AS cells GROUP BY idx "
        f"HAVING bool_or({at_end}) AND bool_or({windows}) ORDER BY idx"
    )
