"""Null-like tokens and words that are values: vocabulary, prose and placeholders told apart."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from columnar_etl.profiling.profile_codes import Flag, StorageClass
from columnar_etl.profiling.text_patterns import WORD_FORMS
from columnar_etl.rules import (
    Shape,
)


def stripped_examples(examples: list[str] | None) -> set[str]:
    return {str(value).strip() for value in examples or []}


#: Flags of a value spelt with letters or digits: what a mark (``+``, ``-``, ``.``) has none of.
SPELLED = Flag.WORD_UPPER | Flag.WORD_CAPITAL | Flag.WORD_LOWER | Flag.DIGITS


def _marks(rows: list[dict[str, Any]]) -> bool:
    """Whether every value of these rows of the profile query is one byte long (a mark, when it has no
    letter or digit: a one-byte letter has a word form, a digit a number's shape)."""
    return {row[key] for row in rows for key in ("min_value_bytes", "max_value_bytes")} == {1}


#: A column of at least this many distinct values (null tokens aside) may be a vocabulary: towns,
#: a dictionary's headwords, names; fewer are a list of codes or categories (see _in_vocabulary).
VOCABULARY_VALUES = 50
#: A vocabulary's values are words: at least this share of its cells is text of no number, date or
#: other shape (a number column's `None` is an export's NULL).
VOCABULARY_WORDS = 0.9
#: ... and the token's word form is common among them: at least this share of the distinct values
#: (`None` among towns written `Rome`, `Paris`; not `NULL` among `Ada Lovelace`, `Grace Hopper`).
VOCABULARY_FORM = 0.1


#: A column of names, one a row (a docset's index entries, a catalogue's titles): at least this share of
#: its cells are distinct values (a title twice, a page's and its section's, is no placeholder's repeats).
NAMES_DISTINCT = 0.9


#: Free text (a summary, a comment body, a description) has at least this many distinct values (null
#: tokens aside) ...
PROSE_VALUES = 10
#: ... of at least this many bytes on average (a sentence: names, codes and tags are shorter) ...
PROSE_BYTES = 24
#: ... and at least this share of its example values hold a blank between words (words, not one token).
PROSE_SPACED = 0.5
#: The personal-data flags: a column of e-mail addresses, phone numbers or full names is no prose.
PERSONAL = Flag.EMAIL | Flag.PHONE | Flag.PERSON_NAME


#: A null token standing more than this many times as often as the column's most frequent other value
#: is its placeholder, whatever the other values' form: an export writes it wherever a value is
#: missing (``null`` in half a column of payment methods), where a value of the column's own (``none``
#: among ``cash`` and ``card``, the country code ``NA``) occurs about as often as the others do.
PLACEHOLDER_FACTOR = 2


def token_cells(token: dict[str, Any], key: str = "cells") -> dict[str, int]:
    """The cells (or, with ``key="bytes"``, their bytes) of each null token of a row of the profile
    query (trimmed: its padded copies count with it); a row without ``token_cells`` (a typed scan's)
    gives each the row's mean."""
    listed = token.get("token_cells")
    if not listed:
        names = stripped_examples(token["examples"])
        each = int(token[key] or 0) // max(1, len(names))
        return dict.fromkeys(names, each)
    counts: dict[str, int] = {}
    for entry in listed:
        counts[str(entry["token"])] = counts.get(str(entry["token"]), 0) + int(entry[key] or 0)
    return counts


#: Characters of a value a note quotes (a long text is cut, with an ellipsis).
NOTE_VALUE_CHARS = 60


def clipped(value: Any) -> Any:
    """``value`` as a note quotes it: text longer than :data:`NOTE_VALUE_CHARS` cut, with ``…``."""
    if isinstance(value, str) and len(value) > NOTE_VALUE_CHARS:
        return value[: NOTE_VALUE_CHARS - 1] + "…"
    return value


def _cells_and_values(others: Sequence[tuple[Shape, int, dict[str, Any]]]) -> tuple[int, int]:
    """The cells and the distinct values of a column's rows of the profile query (``others``)."""
    return (
        sum(int(row["cells"]) for _, _, row in others),
        sum(int(row["distinct_values"]) for _, _, row in others),
    )


def _prose(others: Sequence[tuple[Shape, int, dict[str, Any]]]) -> bool:
    """Whether the column's values other than NULL, blanks and null tokens (``others``: its rows of the
    profile query) are free text: at least :data:`PROSE_VALUES` distinct values, at least
    :data:`VOCABULARY_WORDS` of the cells text of no number, date or boolean shape and no personal
    data, :data:`PROSE_BYTES` bytes a value on average, and at least :data:`PROSE_SPACED` of the
    examples words with a blank between them. Issue summaries, comment bodies, descriptions; not codes,
    tags, names, e-mail addresses or URLs."""
    cells, distinct = _cells_and_values(others)
    if not cells or distinct < PROSE_VALUES:
        return False
    text = sum(
        int(row["cells"]) for shape, bits, row in others if shape == Shape.OTHER and not bits & PERSONAL
    )
    if (
        text < VOCABULARY_WORDS * cells
        or sum(int(row["bytes"] or 0) for _, _, row in others) < PROSE_BYTES * cells
    ):
        return False
    examples = [
        str(value).strip()
        for shape, _, row in others
        if shape == Shape.OTHER
        for value in row["examples"] or []
    ]
    spaced = sum(1 for value in examples if re.search(r"\s", value))
    return bool(examples) and spaced >= PROSE_SPACED * len(examples)


def _in_vocabulary(
    cells_of_token: int, form: int, others: Sequence[tuple[Shape, int, dict[str, Any]]]
) -> bool:
    """Whether a word token (occurring ``cells_of_token`` times, of word ``form``) is a word of the
    column's vocabulary, not a placeholder: the column holds many different words (at least
    :data:`VOCABULARY_VALUES`, :data:`VOCABULARY_WORDS` of its cells words, :data:`VOCABULARY_FORM` of
    them of the token's form) and the token is as rare as its words are: at most twice, or no more
    often than the column's values on average. The Italian town ``None`` among 100K towns, the
    headwords ``none``, ``nil`` and ``null`` of a dictionary. An export's placeholder stands wherever
    a value is missing, so it repeats far more than any one word: ``NULL`` in 5 % of a column of
    remarks stays NULL. Each token is judged by its own count: a headword ``none`` once is a word
    beside a placeholder ``null`` 300 times, which is not."""
    cells, distinct = _cells_and_values(others)
    if distinct < VOCABULARY_VALUES:
        return False
    words = sum(int(row["cells"]) for shape, _, row in others if shape in (Shape.OTHER, Shape.BOOLEAN_WORD))
    if words < VOCABULARY_WORDS * cells:
        return False
    of_form = sum(int(row["distinct_values"]) for _, bits, row in others if bits & form)
    if of_form < VOCABULARY_FORM * distinct:
        return False
    return cells_of_token <= max(2.0, cells / distinct)


def _names(others: Sequence[tuple[Shape, int, dict[str, Any]]]) -> bool:
    """Whether the column's values other than NULL, blanks and null tokens (``others``: its rows of the
    profile query) name one thing a row: at least :data:`VOCABULARY_VALUES` distinct values, hardly
    any standing twice (at least :data:`NAMES_DISTINCT` of the cells distinct values), every one a word
    (text of no number or date shape, or a boolean spelling). See :func:`tokens_kept_as_values`."""
    cells, distinct = _cells_and_values(others)
    return (
        distinct >= VOCABULARY_VALUES
        and distinct >= NAMES_DISTINCT * cells
        and all(shape in (Shape.OTHER, Shape.BOOLEAN_WORD) for shape, _, _ in others)
    )


#: JSON's null literal: a name/value table of JSON values (Uptime Kuma's ``setting``) writes an unset
#: setting so, a missing value, unlike a setting's word (see :func:`tokens_kept_as_values`).
JSON_NULL = "null"


def tokens_kept_as_values(
    coded: list[tuple[tuple[StorageClass, Shape, int], dict[str, Any]]],
    *,
    declared_unique: bool = False,
    as_bound: bool = False,
    setting_value: bool = False,
    default_value: str | None = None,
    refined: frozenset[str] = frozenset(),
) -> set[str]:
    """The null tokens that are values of this column, not NULL: a token whose word form (a code of
    capitals, a capitalised or a lower-case word; :data:`.text_patterns.WORD_FORMS`) every other value of the
    column has, of which there are at least two distinct ones. The country code ``NA`` among ``DE``
    and ``FR`` (capitals of its length), the severity ``None`` among ``Low`` and ``High``, the surname
    ``Null`` among others. A token of one byte and no letter or digit (``-``) is a value beside other
    such marks only, one of them enough: the minus strand among ``+`` (a GTF file's), a sign, a test
    result. A boolean spelling of the token's form counts as such a word (Norway's ``NO`` beside
    Namibia's ``NA``) unless all the others are: ``None`` among ``Yes`` and ``No`` is a boolean column's
    NULL. In a vocabulary of words of many forms (towns, a dictionary), a word token as rare as its
    words is one of them (:func:`_in_vocabulary`). In free text (:func:`_prose`: summaries, comment
    bodies), a word token standing at most :data:`PLACEHOLDER_FACTOR` times as often as the column's
    most frequent text is one of the texts: somebody typed ``None`` as a comment (an export's
    placeholder stands wherever a text is missing: far more often). A token of another form
    (``N/A``, ``-`` among words), or beside a value of another form (a number, a date, two words)
    or frequent among words, or a word token more than :data:`PLACEHOLDER_FACTOR` times as frequent
    as any other value (``null`` in half a column of lower-case payment methods), stands for NULL as
    configured. Each token of a row is judged by its own count (:func:`token_cells`).

    In a column the schema declares unique by itself (``declared_unique``: a one-column UNIQUE
    constraint or unique index beside the table's key), every value names one row: a word token
    standing once among text of no number, date or boolean shape, in a column that writes no missing
    value otherwise (no NULL, no ``''``), is one of them, whatever the other values' forms (a hub's user
    called ``null`` among ``alice``, ``user-0042`` and ``o'brien``). A mark (``N/A``, ``-``) is never a
    name; a token beside NULLs or blanks is one more way of writing missing (an e-mail column's
    ``N/A`` beside ``''``), and one beside numbers or dates stands for NULL, so the column keeps its
    type.

    A column whose values hardly repeat names one thing a row, as a declared unique one does: where it
    holds at least :data:`VOCABULARY_VALUES` values, at least :data:`NAMES_DISTINCT` of its cells
    distinct, every one a word, and writes no missing value otherwise (no NULL, no ``''``), a word token
    standing once beside other values of its word form is one of its names (a docset's index entry
    ``None``, Python's constant, beside ``True``, ``Ellipsis`` and ``str.join``): a placeholder stands
    wherever a value is missing, and there hardly a value repeats. ``NULL`` once among full names (no
    value of its form) stays NULL, as does the token of a column that writes NULL or ``''`` too.
    Since 2026-12-06.

    A column of BLOB affinity (``as_bound``: no declared type) keeps each cell as its writer bound it.
    Numbers there stored as INTEGER or REAL cells beside words stored as text show a writer that binds
    every value with its own type, which binds a missing one as NULL: a word token standing at most
    :data:`PLACEHOLDER_FACTOR` times as often as the column's most frequent other value, whose every
    other text value (at least one) is a word of its form, in a column that writes no NULL or ``''``,
    is one of them (a cache's settings: its eviction policy ``none`` beside the journal mode ``wal`` and
    the counts and sizes). Beside a NULL, or in a column of a declared type (numbers imported from a
    CSV, ``none`` text beside them), it stands for NULL as above.

    In a name/value table's values (``setting_value``: :attr:`SourceColumn.setting_value`), each row's
    value is of the kind its own row's name says, so the other rows' values say nothing of its form:
    a word token there is the setting's value (a movie manager's file date setting ``None``, its enum's
    name, beside a count ``60`` and a flag ``False``), kept as written, whatever stands beside it. A
    mark (``N/A``, ``-``) stands for NULL as above, and so does ``null``, JSON's literal: settings kept
    as JSON text (Uptime Kuma's) write an unset one so. Since 2026-12-06.

    A word token that a column declared NOT NULL has as its declared DEFAULT (``default_value``:
    :func:`.blanks.declared_default_value`) is one of its values, alone or beside others: the schema forbids a
    missing value there and names the word as what a row holds unless given another (qBittorrent's
    ``stop_condition TEXT NOT NULL DEFAULT `None```, an enum's member beside ``MetadataReceived``). A
    mark (``N/A``) or a spelling of null (``null``, ``NULL``: SQL's NULL quoted by mistake, JSON's
    literal) as the default says nothing, as a nullable column's default does. Since 2026-12-06.

    A token of capitals that other values of the column refine (``refined``: :mod:`.refined_codes`, the
    token, a hyphen and a code: ``NA-KH`` beside Namibia's ``NA``) is the code they refine, whatever
    stands beside it, where it stands no more than :data:`PLACEHOLDER_FACTOR` times as often as the
    column's most frequent other value. Since 2026-12-07.

    ``coded``: the column's rows of the profile query, with their split codes."""
    kept: set[str] = set()
    if default_value is not None and default_value.lower() != JSON_NULL:
        for _, form, g in _named_token_rows(coded):
            if form is not None:
                kept |= {token for token in token_cells(g) if token == default_value}
    others = [
        (shape, flags, g)
        for (_, shape, flags), g in coded
        if shape not in (Shape.NULL, Shape.EMPTY, Shape.NULL_LIKE)
    ]
    _, distinct_others = _cells_and_values(others)
    if distinct_others < 1:
        return kept
    if setting_value:
        for _, form, g in _named_token_rows(coded):
            if form is not None:
                kept |= {token for token in token_cells(g) if token != JSON_NULL}
    missing = any(shape in (Shape.NULL, Shape.EMPTY) for (_, shape, _), _ in coded)
    if declared_unique and not missing and all(shape == Shape.OTHER for shape, _, _ in others):
        for _, form, g in _named_token_rows(coded):
            if form is not None:
                kept |= {token for token, cells in token_cells(g).items() if cells == 1}
    most = max((int(row.get("max_value_cells") or 0) for _, _, row in others), default=0)
    if refined:
        for _, form, g in _named_token_rows(coded):
            if form == Flag.WORD_UPPER:
                kept |= _no_placeholders(token_cells(g), most) & refined
    if not missing and _names(others):
        for _, form, g in _named_token_rows(coded):
            if form is not None and any(bits & form for _, bits, _ in others):
                kept |= {token for token, cells in token_cells(g).items() if cells == 1}
    if as_bound and not missing:
        kept |= _bound_words(coded, most)
    prose = _prose(others)
    for _, form, g in _named_token_rows(coded):
        if form is None:
            if _marks([g, *(row for _, _, row in others)]) and all(
                other == Shape.OTHER and not bits & SPELLED for other, bits, _ in others
            ):
                kept |= stripped_examples(g["examples"] or [])
            continue
        counts = token_cells(g)
        words = {token for token, cells in counts.items() if _in_vocabulary(cells, form, others)}
        kept |= words
        if prose:
            # A word typed as a whole summary or comment ("None", "NULL") is one of the texts when it
            # stands about as often as they do; an export's placeholder repeats far more than any.
            kept |= _no_placeholders(counts, most)
        if distinct_others < 2:
            continue
        # A boolean spelling of the token's form is one more such word (Norway's NO among the country
        # codes, beside Namibia's NA), unless every other value is one: None among Yes and No is NULL.
        if not all(other in (Shape.OTHER, Shape.BOOLEAN_WORD) and bits & form for other, bits, _ in others):
            continue
        if all(other == Shape.BOOLEAN_WORD for other, _, _ in others):
            continue
        if form == Flag.WORD_UPPER:  # a code: of one length, the token's too
            rows = [g, *(row for _, _, row in others)]
            lengths = {row[key] for row in rows for key in ("min_value_bytes", "max_value_bytes")}
            if len(lengths) != 1:
                continue
        # A value of the column's is about as frequent as the others; a placeholder far more.
        kept |= {token for token, cells in counts.items() if not most or cells <= PLACEHOLDER_FACTOR * most}
    return kept


def _bound_words(coded: list[tuple[tuple[StorageClass, Shape, int], dict[str, Any]]], most: int) -> set[str]:
    """The word tokens of a column of BLOB affinity that writes no NULL or ``''`` whose numbers are
    bound as numbers (INTEGER or REAL cells) and whose every other text value is a word of the token's
    form: values, not NULL, where no more frequent than :data:`PLACEHOLDER_FACTOR` times the column's
    most frequent other value (``most``). See :func:`tokens_kept_as_values`."""
    numbers = [g for (storage, _, _), g in coded if storage in (StorageClass.INTEGER, StorageClass.REAL)]
    texts = [
        (shape, flags)
        for (storage, shape, flags), _ in coded
        if storage not in (StorageClass.INTEGER, StorageClass.REAL) and shape != Shape.NULL_LIKE
    ]
    if not numbers or not texts:
        return set()
    kept: set[str] = set()
    for storage, form, g in _named_token_rows(coded):
        if storage != StorageClass.TEXT or form is None:
            continue
        if not all(other == Shape.OTHER and bits & form for other, bits in texts):
            continue
        kept |= _no_placeholders(token_cells(g), most)
    return kept


def _named_token_rows(
    coded: list[tuple[tuple[StorageClass, Shape, int], dict[str, Any]]],
) -> Iterator[tuple[StorageClass, Flag | None, dict[str, Any]]]:
    """The column's rows of null tokens whose every token is among the row's examples (so each can be
    named, and kept as a value), each with its storage class and its word form
    (:data:`.text_patterns.WORD_FORMS`; None for a token of no word form: ``N/A``, ``-``)."""
    for (storage, shape, flags), g in coded:
        if shape == Shape.NULL_LIKE and len(g["examples"] or []) >= int(g["distinct_values"]):
            yield storage, next((flag for flag in WORD_FORMS if flags & flag), None), g


def _no_placeholders(counts: Mapping[str, int], most: int) -> set[str]:
    """The tokens of ``counts`` (cells per token) standing no more than :data:`PLACEHOLDER_FACTOR` times
    as often as the column's most frequent other value (``most``): as often as values, not a
    placeholder's repeats."""
    return {token for token, cells in counts.items() if cells <= PLACEHOLDER_FACTOR * max(1, most)}
