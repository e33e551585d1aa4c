"""The profile query's counts of how a text column's values are laid out (:mod:`.layout`): values
of several lines, padding that is a line terminator, fixed-width fields, indented lines,
documents set between blank lines, and paragraphs opening on an ideographic indent."""

from __future__ import annotations

from columnar_etl.profiling.profile_codes import Flag
from columnar_etl.profiling.value_text import NUL_SQL, trimmed_sql
from columnar_etl.rules import Shape

#: The profile query's count, per code, of the padded cells whose padding is one line break at their
#: end (:func:`line_ended_sql`); a count, not a bound.
LINE_ENDED = "line_ended"
#: The profile query's count, per code, of the values (null tokens aside) whose text, trimmed, holds a
#: line break: values of several lines (:func:`lines_sql`).
LINES = "lines"
#: The profile query's count, per code, of the :data:`LINE_ENDED` values of several lines: documents
#: each ending in its last line's break (:func:`line_ended_sql`).
LINE_ENDED_LINES = "line_ended_lines"
#: The line breaks a value may end in, as a line of text does (``\n``, ``\r\n``).
_LINE_FEED, _CARRIAGE_RETURN = "chr(10)", "chr(13)"


def _padded_value_sql(code: str, k: str) -> str:
    """SQL condition: the row's code marks padded values (:attr:`Flag.PADDED`) and its shape is no null
    token's: the values whose padding the layouts below read (line terminators, fixed widths,
    indentation), as ``number_reading.Counts.padded_values`` counts them."""
    return f"(({code} & {Flag.PADDED:d}) <> 0 AND {k} <> {Shape.NULL_LIKE:d})"


def line_ended_sql(r: str, t: str, k: str, code: str, sign_bytes: str) -> str:
    """SQL aggregate: the cells of padded values (:attr:`Flag.PADDED`; null tokens aside) whose padding is
    one line break at their end, ``\\n`` or ``\\r\\n``, and nothing else (``'---\\nn: 1\\n'``; not
    ``' x\\n'``, ``'x \\n'``, ``'x\\n\\n'``), as :data:`LINE_ENDED`. Raw text ``r`` ends in the break and is
    longer than its trimmed ``t`` by the break's bytes alone: the trim took it (whitespace, at the end)
    and nothing more (``sign_bytes``: a U+2212 that ``t`` reads as '-'). A text column every value of
    which ends so writes a line terminator, not padding (``layout.line_terminated``). A CASE: the
    tests run on padded values only, which few are."""
    ends = f"ends_with({r}, {_LINE_FEED})"
    crlf = f"ends_with({r}, {_CARRIAGE_RETURN} || {_LINE_FEED})"
    bytes_ = f"strlen({t}) + {sign_bytes} + CASE WHEN {crlf} THEN 2 ELSE 1 END"
    ended = f"CASE WHEN {_padded_value_sql(code, k)} AND {ends} AND strlen({r}) = {bytes_} THEN weight END"
    # Of those, the documents of several lines (LINE_ENDED_LINES): a line break before the last.
    return (
        f"sum({ended}) AS {LINE_ENDED}, "
        f"sum(CASE WHEN contains({t}, {_LINE_FEED}) THEN {ended} END) AS {LINE_ENDED_LINES}"
    )


def lines_sql(t: str, k: str, code: str) -> str:
    """SQL aggregate: the cells of values (null tokens aside) whose trimmed text ``t`` holds a line
    break, values of several lines, as :data:`LINES`: documents, which cleaning keeps byte for byte
    (``number_reading.PADDED_LINES``: those of padded codes). A value holding a NUL byte is judged as the
    cleaner judges it, its NULs removed before the trim (``'abc\\n\\0'`` is one line: ``abc``), on
    such values alone (:attr:`Flag.NUL`, O(1)). A column whose every such value is a
    :data:`LINE_ENDED_LINES` one, and whose other values are not padded, writes documents that end in
    their last line's break beside values of one line (``layout.line_terminated``)."""
    bare = trimmed_sql(f"replace({t}, {NUL_SQL}, '')")
    return (
        f"sum(CASE WHEN {k} = {Shape.NULL_LIKE:d} THEN NULL "
        f"WHEN NOT contains({t}, {_LINE_FEED}) THEN NULL "
        f"WHEN ({code} & {Flag.NUL:d}) = 0 OR contains({bare}, {_LINE_FEED}) THEN weight END) AS {LINES}"
    )


#: The profile query's count, per code, of the padded values (null tokens aside) padded by spaces at
#: their end alone (:func:`padded_width_sql`); a count, not a bound.
SPACE_PADDED = "space_padded"
#: The same count of the values padded by spaces at their start alone (``'   42'``, ``' 5- 3-1990'``:
#: printf's ``%5d``, right-aligned fields), whose widths the same bounds take (a column's padded
#: values are all one or all the other where it is laid out in fixed-width fields).
START_PADDED = "start_padded"
#: Its bounds: the width in characters of those values as written (:func:`padded_width_sql`). The
#: bytes of the values no whitespace pads are their codes' ``min_value_bytes`` / ``max_value_bytes``
#: (a code holds padded values or none: ``folded_figures.fold_groups``).
PADDED_WIDTH_BOUNDS = ("min_padded_width", "max_padded_width")
#: The longest value, in bytes, a fixed-width field is measured in (a dBase field holds 254 bytes, a
#: ``CHAR(n)`` of a few hundred at most in practice): a longer padded value is free text.
FIXED_WIDTH_BYTES = 1024


def padded_width_sql(r: str, t: str, k: str, code: str, sign_bytes: str) -> str:
    """SQL aggregates: the cells of padded values (:attr:`Flag.PADDED`; null tokens aside) padded by
    spaces at their end and nothing else (``'Smith    '``; not ``' Smith'``, a tab after it), as
    :data:`SPACE_PADDED`, and those padded by spaces at their start alone (``'   42'``), as
    :data:`START_PADDED`; and the least and greatest width of either as written, in characters (-1 for
    one longer than :data:`FIXED_WIDTH_BYTES`: no field is). A text column whose padded values are all
    so, to one width, beside unpadded values that fill it (their codes' bytes), is laid out in
    fixed-width fields (a dBase ``C(30)``, a ``CHAR(10)``): ``layout.padded_width``. Each test is
    O(1) or O(padding) but the character count, on short padded values alone (a CASE): a long free
    text padded by a blank costs no pass over it."""
    padding = f"(strlen({r}) - strlen({t}) - {sign_bytes})::INTEGER"
    spaced = (
        f"{_padded_value_sql(code, k)} "
        f"AND left({r}, 1) = left({t}, 1) AND ends_with({r}, repeat(' ', {padding}))"
    )
    # Right-aligned (since 2026-12-06): spaces at the start alone, the value's last character its own.
    started = (
        f"{_padded_value_sql(code, k)} "
        f"AND right({r}, 1) = right({t}, 1) AND starts_with({r}, repeat(' ', {padding}))"
    )
    width = f"CASE WHEN strlen({r}) <= {FIXED_WIDTH_BYTES} THEN length({r}) ELSE -1 END"
    either = f"(({spaced}) OR ({started}))"
    return (
        f"sum(CASE WHEN {spaced} THEN weight END) AS {SPACE_PADDED}, "
        f"sum(CASE WHEN {started} THEN weight END) AS {START_PADDED}, "
        f"min(CASE WHEN {either} THEN {width} END) AS min_padded_width, "
        f"max(CASE WHEN {either} THEN {width} END) AS max_padded_width"
    )


#: The profile query's count, per code, of the padded values of several lines (null tokens aside) whose
#: padding is their first line's indentation and at most one final line break (:func:`indented_sql`).
INDENTED = "indented"


def indented_sql(r: str, t: str, k: str, code: str, sign_bytes: str) -> str:
    """SQL aggregate: the cells of padded values (:attr:`Flag.PADDED`; null tokens aside) of several
    lines (a line break in the trimmed ``t``) whose padding is spaces at their start, the first line's
    indentation, and at most one line break at their end, ``\\n`` or ``\\r\\n``, nothing else
    (``'  File "a.py", line 8\\n    f()\\n'``; not ``'\\tx\\ny'``, ``'  x\\ny '``, ``'  x\\ny\\n\\n'``,
    ``'  x'``), as :data:`INDENTED`. Raw ``r`` starts with a space, and without its leading spaces is
    longer than ``t`` by its final break's bytes alone (``sign_bytes``: a U+2212 that ``t`` reads as
    '-'). A text column every value of which is so is laid out in indented lines, a Python stack or a
    profiler's report (``layout.indented``). A CASE: the tests run on padded values only."""
    body = f"ltrim({r}, ' ')"
    ending = (
        f"CASE WHEN ends_with({body}, {_CARRIAGE_RETURN} || {_LINE_FEED}) THEN 2 "
        f"WHEN ends_with({body}, {_LINE_FEED}) THEN 1 ELSE 0 END"
    )
    indented = (
        f"{_padded_value_sql(code, k)} AND starts_with({r}, ' ') "
        f"AND contains({t}, {_LINE_FEED}) AND strlen({body}) = strlen({t}) + {sign_bytes} + {ending}"
    )
    return f"sum(CASE WHEN {indented} THEN weight END) AS {INDENTED}"


#: The profile query's count, per code, of the padded values of several lines (null tokens aside) whose
#: padding is line breaks alone, at their start, their end or both (:func:`break_padded_sql`).
BREAK_PADDED = "break_padded"


def break_padded_sql(r: str, t: str, k: str, code: str, sign_bytes: str) -> str:
    """SQL aggregate: the cells of padded values (:attr:`Flag.PADDED`; null tokens aside) of several
    lines (a line break in the trimmed ``t``) whose padding is line breaks alone, ``\\n`` or
    ``\\r\\n``, at their start, their end or both (``'\\n\\nRUNNER: x\\nok'``, ``'# T\\n\\nx\\n\\n'``;
    not ``' \\nx\\ny'``, ``'x\\ny\\t\\n'``, ``'x\\ny\\r'``, ``'\\nx'``), as :data:`BREAK_PADDED`. Raw ``r``
    with its CR and LF characters trimmed at both ends is ``t`` (``sign_bytes``: a U+2212 that ``t``
    reads as '-'), and neither end's padding holds a CR but before an LF. A text column every value of
    which is so is documents laid out with blank lines around them, a worker's log, a mail body or a
    Markdown file (``layout.break_padded``). A CASE: the tests run on padded values only, the CR
    tests on their padding alone."""
    breaks = f"{_CARRIAGE_RETURN} || {_LINE_FEED}"

    def lone_return(end: str, trimmed: str) -> str:
        padding = f"{end}({r}, (strlen({r}) - strlen({trimmed}({r}, {breaks})))::BIGINT)"
        return f"contains(replace({padding}, {breaks}, ''), {_CARRIAGE_RETURN})"

    padded = (
        f"{_padded_value_sql(code, k)} AND contains({t}, {_LINE_FEED}) "
        f"AND strlen(trim({r}, {breaks})) = strlen({t}) + {sign_bytes} "
        f"AND NOT {lone_return('left', 'ltrim')} AND NOT {lone_return('right', 'rtrim')}"
    )
    return f"sum(CASE WHEN {padded} THEN weight END) AS {BREAK_PADDED}"


#: The profile query's count, per code, of the values (null tokens aside) that open on a paragraph
#: indent of ideographic spaces, those of one line padded by nothing else (:func:`paragraph_indented_sql`).
PARAGRAPH_INDENTED = "paragraph_indented"
#: U+3000 IDEOGRAPHIC SPACE: the indent a paragraph of Chinese or Japanese text opens on (two of them
#: in Chinese, ``'　　这是一本……'``; one in Japanese), as a space is between its words nowhere.
_IDEOGRAPHIC_SPACE = "chr(12288)"


def paragraph_indented_sql(r: str, t: str, k: str, code: str, sign_bytes: str) -> str:
    """SQL aggregate: the cells of values (null tokens and blanks aside, no NUL byte) whose raw text
    ``r`` opens on one or more ideographic spaces (U+3000), and which, if of one line (no line break in
    the trimmed ``t``), are padded by nothing else: ``r`` without its leading U+3000s is ``t``
    (``sign_bytes``: a U+2212 that ``t`` reads as '-'); ``'　　三体，刘慈欣著。'``, not
    ``'　　x '``, ``'　 x'``, ``' x'``, ``'\\tx'``. A value of several lines needs only open on the
    indent: whatever pads it, it is a document, loaded byte for byte. As :data:`PARAGRAPH_INDENTED`.
    A text column every value of which is so writes its paragraphs indented as CJK typography does
    (``layout.paragraph_indented``). A CASE: the tests run on values opening on U+3000 only."""
    opens = f"starts_with({r}, {_IDEOGRAPHIC_SPACE})"
    alone = f"strlen(ltrim({r}, {_IDEOGRAPHIC_SPACE})) = strlen({t}) + {sign_bytes}"
    indented = (
        f"{k} > {Shape.NULL_LIKE:d} AND ({code} & {Flag.NUL:d}) = 0 AND {opens} "
        f"AND (contains({t}, {_LINE_FEED}) OR {alone})"
    )
    return f"sum(CASE WHEN {indented} THEN weight END) AS {PARAGRAPH_INDENTED}"
