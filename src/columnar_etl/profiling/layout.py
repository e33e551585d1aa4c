"""Text whose layout is part of its value: line ends, padding, indentation and paragraph indents, kept
or trimmed."""

from __future__ import annotations

from columnar_etl.models import (
    InferredType,
)
from columnar_etl.profiling.layout_aggregates import (
    BREAK_PADDED,
    INDENTED,
    LINE_ENDED,
    LINE_ENDED_LINES,
    LINES,
    PARAGRAPH_INDENTED,
    SPACE_PADDED,
    START_PADDED,
)
from columnar_etl.profiling.number_reading import Counts
from columnar_etl.wording import agree, counted

#: Where every value of a text column ends in one line break: the note of the column, whose values
#: are loaded byte for byte, or, trimmed by the operator's ``trim = true``, its ``whitespace`` issue's
#: detail (with :data:`TRIMMED_AS_ASKED`).
LINE_TERMINATED = (
    "every value ends in one line break and is padded by nothing else: a line terminator, not padding"
)
#: ... where every value of several lines does, beside values of one line that none pads.
DOCUMENTS_TERMINATED = (
    "every value of several lines ends in one line break and is padded by nothing else, no other value "
    "is padded: a line terminator, not padding"
)
#: ... where the documents that end in a line break end in one, beside documents that end in none.
DOCUMENTS_PARTLY_TERMINATED = (
    "every padded value is of several lines and ends in one line break, padded by nothing else, beside "
    "values of several lines ending in none (documents saved with and without it): a line terminator, "
    "not padding"
)
#: ... where every value is several lines indented (a Python stack, a profiler's report).
INDENTED_LINES = (
    "every value is several lines padded by its first line's indentation and at most one final line "
    "break: indentation, a layout, not padding"
)
#: ... where every value is several lines padded by line breaks alone (a worker's log opening with
#: blank lines, a Markdown file ending in one).
BREAK_PADDED_LINES = (
    "every value is several lines padded by line breaks alone, at its start or its end: blank lines, a "
    "layout, not padding"
)
#: ... where every value opens on a paragraph indent of ideographic spaces (Chinese and Japanese prose).
PARAGRAPH_INDENT = (
    "every value opens on a paragraph indent of ideographic spaces (U+3000), a value of one line padded "
    "by nothing else: the indent of Chinese and Japanese typography, not padding"
)
#: How the note of a column of documents (``ColumnProfile.layout_kept``) ends.
LAYOUT_KEPT = (
    "documents, loaded byte for byte: no value trimmed ('' and a value of blanks alone are still "
    "NULL; trim = true trims them)"
)
#: How the note of a column's padded values of several lines, loaded byte for byte, ends.
DOCUMENTS_KEPT = (
    "documents (a line break inside), loaded byte for byte, whatever pads them: not trimmed, no cost; "
    "trim = true trims them"
)
#: How the ``whitespace`` issue's detail of documents the operator's ``trim = true`` trims ends.
TRIMMED_AS_ASKED = "(each value trimmed and audited, as trim = true asks; no cost)"


def layout_kept_note(inferred: InferredType, counts: Counts, present: int) -> str:
    """The note of a column of documents whose layout cleaning keeps (``ColumnProfile.layout_kept``)."""
    if _every_value_line_ended(counts, present):
        found = LINE_TERMINATED
    elif _documents_line_ended(counts):
        found = DOCUMENTS_TERMINATED
    elif _documents_partly_line_ended(counts):
        found = DOCUMENTS_PARTLY_TERMINATED
    elif indented(inferred, counts, present):
        found = INDENTED_LINES
    elif paragraph_indented(inferred, counts, present):
        found = PARAGRAPH_INDENT
    else:
        found = BREAK_PADDED_LINES
    return f"{found}: {LAYOUT_KEPT}"


def documents_kept_note(documents: int, examples: tuple[str, ...]) -> str:
    """The note of a text column whose padded values of several lines are loaded byte for byte."""
    shown = f" (e.g. {', '.join(repr(value) for value in examples[:3])})" if examples else ""
    values = agree(documents, "value", "values")
    return f"{documents:,} padded {values} of several lines{shown}: {DOCUMENTS_KEPT}"


def documents_trimmed_detail(documents: int) -> str | None:
    """The ``whitespace`` issue's detail where ``trim = true`` trims ``documents`` padded values of
    several lines (None: none): they cost nothing, the values of one line as before."""
    if not documents:
        return None
    return (
        f"{documents:,} of them {'is a value' if documents == 1 else 'are values'} of several lines, "
        f"documents {TRIMMED_AS_ASKED}"
    )


def _every_value_line_ended(counts: Counts, present: int) -> bool:
    """Every value, ``''`` and null tokens aside (``present`` of them), ends in exactly one line break,
    ``\\n`` or ``\\r\\n``, and is padded by nothing else (:data:`.layout_aggregates.LINE_ENDED`); every padded
    value but a null token's (made NULL whatever pads it) then is one, and every value is padded."""
    ended = int(counts[LINE_ENDED] or 0)
    padded = counts.padded_values()
    return present > 0 and ended == present == padded


def _documents_line_ended(counts: Counts) -> bool:
    """Every value of several lines (:data:`.layout_aggregates.LINES`: a line break in its trimmed text) ends
    in exactly one line break and is padded by nothing else (:data:`.layout_aggregates.LINE_ENDED_LINES`), and
    no other value is padded: documents beside values of one line (a key/value table's PEM certificate beside
    its settings, Murmur's ``config``). A value of one line ending in a break (``'x\\n'`` beside
    ``'y'``) or one of several without it (``'a\\nb'`` beside ``'c\\nd\\n'``) is a text typed with
    and without a trailing newline: padding, as before."""
    ended = int(counts[LINE_ENDED] or 0)
    padded = counts.padded_values()
    documents = int(counts[LINE_ENDED_LINES] or 0)
    return documents > 0 and documents == ended == padded == int(counts[LINES] or 0)


def _documents_partly_line_ended(counts: Counts) -> bool:
    """Some values of several lines end in exactly one line break and are padded by nothing else, the
    others end in no break, and no other value is padded (:func:`_documents_line_ended` but for the
    documents without the final break): documents whose last line ends in a line break in some and in
    none in others, as files are saved (POSIX text files end in one; an editor, a textarea, a page
    typed in a browser often leave it off: a wiki's Markdown pages and their history). Every padded
    value is such a document: the break is its last line's terminator, not padding. A value of one
    line ending in a break (``'x\n'`` beside ``'y'``), a document padded otherwise (``'a\nb\n\n'``,
    ``' a\nb'``) is padding, as before."""
    ended = int(counts[LINE_ENDED] or 0)
    padded = counts.padded_values()
    documents = int(counts[LINE_ENDED_LINES] or 0)
    return 0 < documents == ended == padded < int(counts[LINES] or 0)


def line_terminated(inferred: InferredType, counts: Counts, present: int) -> bool:
    """Whether a text column writes its values one way, as lines (``ColumnProfile.line_terminated``):
    every value that is neither NULL, ``''`` nor a null token (``present`` of them) ends in exactly one
    line break, ``\\n`` or ``\\r\\n``, and is padded by nothing else (YAML documents, base64 lines,
    tracebacks: :func:`_every_value_line_ended`); or every value of several lines does and no other
    value is padded (:func:`_documents_line_ended`); or every padded value is a value of several lines
    that does, beside documents without the final break (:func:`_documents_partly_line_ended`). Only
    some values of one line so (a text field's trailing newline, typed or not), or one padded
    otherwise (``' x\\n'``, ``'x \\n'``, ``'x\\n\\n'``), is padding as before."""
    return inferred == "text" and (
        _every_value_line_ended(counts, present)
        or _documents_line_ended(counts)
        or _documents_partly_line_ended(counts)
    )


def padded_width(inferred: InferredType, counts: Counts) -> int | None:
    """The width of a text column laid out in fixed-width fields (``ColumnProfile.padded_width``), else
    None: every padded value, null tokens aside, is padded by spaces at its end alone, or every one at
    its start alone (right-aligned fields, printf's ``%5d``: ``'   42'``, since 2026-12-06), to one
    width in characters (:data:`.layout_aggregates.SPACE_PADDED`, :data:`.layout_aggregates.START_PADDED`,
    :data:`.layout_aggregates.PADDED_WIDTH_BOUNDS`), and every value no whitespace pads fills that width, in
    bytes (O(1) to count: exact for ASCII, which fixed-width files mostly are; a value of other characters
    is judged by its bytes, ``'abcdé'`` filling 6).
    Where no value fills it, the padded values' lengths must differ (``'Ann  '``, ``'Smith'`` padded
    to 5 or 30): one length padded alike (``'abc '`` in every row) shows no width to fill."""
    padded = counts.padded_values()
    width = counts["min_padded_width"]
    if (
        inferred != "text"
        or padded == 0
        or padded not in (int(counts[SPACE_PADDED] or 0), int(counts[START_PADDED] or 0))
        or width is None
        or width < 1  # a padded value longer than any field (layout_aggregates.FIXED_WIDTH_BYTES)
        or width != counts["max_padded_width"]
    ):
        return None
    low, high = counts["min_unpadded_bytes"], counts["max_unpadded_bytes"]
    if low is None:
        fills = (
            counts["min_value_bytes"] is not None and counts["min_value_bytes"] < counts["max_value_bytes"]
        )
        return int(width) if fills else None
    return int(width) if low == high == width else None


def padded_width_detail(inferred: InferredType, counts: Counts) -> str | None:
    """The ``whitespace`` issue's detail of a :func:`padded_width` column (None: padding)."""
    width = padded_width(inferred, counts)
    if width is None:
        return None
    end = "end" if int(counts[SPACE_PADDED] or 0) == counts.padded_values() else "start"
    return (
        f"every padded value is padded by spaces at its {end} to {width:,} characters, the width the "
        "values not padded fill: fixed-width fields, not padding (each value still trimmed and audited, "
        "no cost)"
    )


def indented(inferred: InferredType, counts: Counts, present: int) -> bool:
    """Whether a text column is laid out in indented lines (``ColumnProfile.indented``): every value
    that is neither NULL, ``''`` nor a null token (``present`` of them) is of several lines whose
    padding is its first line's indentation, spaces at its start, and at most one line break at its end
    (:data:`.layout_aggregates.INDENTED`: a Python stack as ``traceback.format_stack`` writes it, a profiler's
    report); every padded value but a null token's then is one, and every value is padded. A value of
    one line, or one padded otherwise (a tab, a space at an end, two final breaks), is padding."""
    if inferred != "text":
        return False
    layout = int(counts[INDENTED] or 0)
    padded = counts.padded_values()
    return present > 0 and layout == present == padded


def break_padded(inferred: InferredType, counts: Counts, present: int) -> bool:
    """Whether a text column is documents padded by line breaks alone (``ColumnProfile.break_padded``):
    every value that is neither NULL, ``''`` nor a null token (``present`` of them) is of several lines
    whose padding is line breaks, ``\\n`` or ``\\r\\n``, at its start, its end or both, and nothing
    else (:data:`.layout_aggregates.BREAK_PADDED`: a worker's log each block of which opens with two breaks, a
    mail body or a commit message with a blank line first, a Markdown file ending in two breaks); every
    padded value but a null token's then is one, and every value is padded. A value of one line padded
    by a break, a value not padded beside padded ones, or any other padding (a space, a tab, a lone
    ``\\r``) is padding, as before."""
    if inferred != "text":
        return False
    layout = int(counts[BREAK_PADDED] or 0)
    padded = counts.padded_values()
    return present > 0 and layout == present == padded


def paragraph_indented(inferred: InferredType, counts: Counts, present: int) -> bool:
    """Whether a text column writes its paragraphs indented as Chinese and Japanese typography does
    (``ColumnProfile.paragraph_indented``): every value that is neither NULL, ``''`` nor a null token
    (``present`` of them) opens on one or more ideographic spaces (U+3000), and a value of one line is
    padded by nothing else (:data:`.layout_aggregates.PARAGRAPH_INDENTED`: ``'　　三体，刘慈欣著。'``, an
    e-book reader's intros; those of several lines are documents, loaded byte for byte anyway). Every
    padded value then is one, and every value is padded. U+3000 at the start of a text is the indent
    typesetting asks of a paragraph, no keyboard's slip: its values are loaded as written, the indent
    kept. A value not indented beside indented ones (two writers, or a few values typed with a stray
    full-width space: a name ``'　田中'`` among names), a value of one line padded at its end too, or
    an indent of ASCII spaces or tabs (a right-aligned field, a pasted code: ``'  ABC'``; one line shows
    no paragraph to indent) is padding, trimmed as before."""
    if inferred != "text":
        return False
    layout = int(counts[PARAGRAPH_INDENTED] or 0)
    return present > 0 and layout == present


def paragraph_indented_detail(inferred: InferredType, counts: Counts, present: int) -> str | None:
    """The ``whitespace`` issue's detail of a :func:`paragraph_indented` column (None: padding)."""
    if not paragraph_indented(inferred, counts, present):
        return None
    return f"{PARAGRAPH_INDENT} {TRIMMED_AS_ASKED}"


def break_padded_detail(inferred: InferredType, counts: Counts, present: int) -> str | None:
    """The ``whitespace`` issue's detail of a :func:`break_padded` column (None: padding)."""
    if not break_padded(inferred, counts, present):
        return None
    return f"{BREAK_PADDED_LINES} {TRIMMED_AS_ASKED}"


def indented_detail(inferred: InferredType, counts: Counts, present: int) -> str | None:
    """The ``whitespace`` issue's detail of an :func:`indented` column (None: padding)."""
    if not indented(inferred, counts, present):
        return None
    return f"{INDENTED_LINES} {TRIMMED_AS_ASKED}"


def line_terminated_detail(inferred: InferredType, counts: Counts, present: int) -> str | None:
    """The ``whitespace`` issue's detail of a :func:`line_terminated` column (None: padding)."""
    if inferred != "text":
        return None
    if _every_value_line_ended(counts, present):
        return f"{LINE_TERMINATED} {TRIMMED_AS_ASKED}"
    if _documents_line_ended(counts):
        return f"{DOCUMENTS_TERMINATED} {TRIMMED_AS_ASKED}"
    if _documents_partly_line_ended(counts):
        return f"{DOCUMENTS_PARTLY_TERMINATED} {TRIMMED_AS_ASKED}"
    return None


def own_format_detail(own_format: str | None, misfits: int) -> str | None:
    """What a ``non_iso_date`` / ``comma_decimal`` / ``thousands_separator`` issue costs, when the
    column has its own format."""
    if own_format is None:
        return None
    otherwise = f"{counted(misfits, 'value')} written otherwise cost" if misfits else "costs nothing"
    return f"the column's own format ({own_format}), converted by its rule: {otherwise}"
