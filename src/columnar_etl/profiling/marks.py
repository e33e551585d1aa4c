"""Columns of one-character marks, whose lone blank is a mark too.

An application keeps a number format's separators, a file's delimiter or a list's bullet as one
character a row: ``,`` ``.`` ``'`` and, for a currency grouped by spaces (SEK, PLN), one space. The
blank rule would make that space NULL, and "a space" and "no separator" would then read alike. So:
in a text column whose other values are each one character that is no letter or digit (punctuation,
a symbol, a control character), a value that is one whitespace character is a value of the same
kind, loaded as written (not trimmed, not NULL, no blank in the quality score). The column is then
counted and cleaned as the operator's ``trim = false`` keeps one (``ColumnProfile.padding_kept``):
none of its other values has padding to trim, so only its blanks change. Not such a column: one of
letters and blanks (a flag's ``Y``, ``N`` and ``' '``, COBOL's blank), one of blanks alone, one
whose marks stand beside longer text, one holding a number or bytes, and one whose ``trim`` the
operator set (either way, it is theirs). ``''`` holds no character: it stays NULL.

The columns are found among a table's counted cells (its distinct values: ``distinct_cells_sql``'s
table) before the profile query shapes them, as the operator's ``trim = false`` is passed in.
"""

from __future__ import annotations

#: One character that is no letter or digit (DuckDB's RE2: Unicode classes).
_MARK = r"'^[^\pL\pN]$'"
#: One whitespace character (ASCII's and Unicode's separators: a no-break space too).
_BLANK = r"'^[\s\pZ]$'"

#: The note of such a column.
MARKS_NOTE = (
    "one-character marks (each value one character, no letter or digit): a lone blank among them is "
    "a mark too, kept as written, not NULL; '' is NULL (trim = true makes the blank NULL)"
)


def marks_sql(cells: str) -> str:
    """The ``idx`` of the columns of one-character marks among the counted cells ``cells``
    (``idx, cls, v, weight``: :func:`.distinct_values.distinct_cells_sql`) that hold a lone blank."""
    # Only columns of TEXT cells of at most 4 bytes (one UTF-8 character) are decoded and matched: a
    # table's other columns cost one plain aggregate (2M distinct cells: 0.31 s all matched, 0.04 s so).
    short = (
        f"SELECT idx FROM {cells} GROUP BY idx "
        "HAVING bool_and(cls IN ('t', 'n')) "
        "AND coalesce(max(octet_length(v)) FILTER (WHERE cls = 't'), 0) <= 4"
    )
    decoded = f"SELECT idx, cls, try(decode(v)) AS u FROM {cells} WHERE cls <> 'n' AND idx IN ({short})"
    one = f"coalesce(cls = 't' AND (u = '' OR regexp_matches(u, {_MARK})), false)"
    blank = f"coalesce(regexp_matches(u, {_BLANK}), false)"
    mark = f"coalesce(u <> '' AND NOT regexp_matches(u, {_BLANK}), false)"
    return (
        f"SELECT idx FROM ({decoded}) AS cells GROUP BY idx "
        f"HAVING bool_and({one}) AND bool_or({blank}) AND bool_or({mark}) ORDER BY idx"
    )
