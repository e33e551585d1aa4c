"""A column's dirt: the issues its cells carry, and those of any type (blanks, null tokens, padding,
NUL bytes, invalid encodings), documents and layouts kept byte for byte."""

from __future__ import annotations

from typing import Any

from columnar_etl.models import InferredType, Issue
from columnar_etl.profiling.blanks import declared_default_value
from columnar_etl.profiling.layout import (
    break_padded,
    break_padded_detail,
    documents_kept_note,
    documents_trimmed_detail,
    indented,
    indented_detail,
    layout_kept_note,
    line_terminated,
    line_terminated_detail,
    padded_width_detail,
    paragraph_indented,
    paragraph_indented_detail,
)
from columnar_etl.profiling.number_reading import Counts
from columnar_etl.profiling.profile_codes import Flag
from columnar_etl.profiling.tokens import clipped
from columnar_etl.rules import WHITESPACE
from columnar_etl.source.tables import SourceColumn


def add_issue(
    issues: list[Issue], kind: str, count: int, examples: tuple[str, ...] = (), detail: str | None = None
) -> None:
    """Add to ``issues`` one of ``kind`` where ``count`` cells have it (none where no cell has), with
    up to five of ``examples``."""
    if count > 0:
        issues.append(Issue(kind, int(count), examples[:5], detail))


def cell_dirt(
    inferred: InferredType,
    counts: Counts,
    notes: list[str],
    issues: list[Issue],
    *,
    present: int,
    empty: int,
    null_like: int,
    trimmed: bool,
) -> tuple[bool, int, int]:
    """Whether a column's layout is kept byte for byte (documents of one layout, unless ``trimmed``:
    the operator's trim = true), its padded documents and its padded values; its dirt of any type
    (blanks, null tokens, padding, NUL bytes, invalid encodings: none in a bytea column) in
    ``issues``, and its layout's note in ``notes``."""
    # Documents keep their layout: loaded byte for byte, so no value of them is padded (none is
    # trimmed); a note says so. The operator's trim = true trims them (audited, at no cost).
    layout = not trimmed and (
        line_terminated(inferred, counts, present)
        or indented(inferred, counts, present)
        or break_padded(inferred, counts, present)
        # A paragraph's indent (U+3000 opening every value) is the text's typography (since 2026-12-07;
        # until then each value of one line was trimmed, audited, and the column charged as padded).
        or paragraph_indented(inferred, counts, present)
    )
    # A value of several lines (a line break in its trimmed text) is a document, loaded byte for byte
    # whatever pads it: trimming is for values of one line (a name, a code, an e-mail), where padding
    # is a typing accident. Its padding is reported in a note, at no cost; trim = true trims it too
    # (counted padded, audited, at no cost). Until 2026-12-06 a document was trimmed unless every value
    # of its column had one of the layouts above (a HedgeDoc patch ending in 'x \n' no longer applied).
    documents = counts.padded_documents() if inferred == "text" else 0
    padded = 0 if layout else counts.flag(Flag.PADDED) - (0 if trimmed else documents)
    padded_examples, document_examples = _padding_examples(counts.examples("whitespace"))
    if layout:
        notes.append(layout_kept_note(inferred, counts, present))
    elif documents and not trimmed:
        notes.append(documents_kept_note(documents, document_examples))
    if inferred != "bytea":
        # A bytea column's TEXT cells are loaded as their bytes (mixed_storage_classes above): nothing
        # made NULL, trimmed, stripped or decoded, so no such dirt to report or to score (until
        # 2026-12-05 a wiki's one deflated revision bound as TEXT scored its column 57).
        add_issue(issues, "empty_string", empty)
        add_issue(issues, "null_like", null_like, counts.examples("null_like"))
        add_issue(
            issues,
            "whitespace",
            padded,
            counts.examples("whitespace") if trimmed else padded_examples,
            detail=line_terminated_detail(inferred, counts, present)
            or padded_width_detail(inferred, counts)
            or indented_detail(inferred, counts, present)
            or break_padded_detail(inferred, counts, present)
            or paragraph_indented_detail(inferred, counts, present)
            or documents_trimmed_detail(documents if trimmed else 0),
        )
        add_issue(issues, "nul_byte", counts.flag(Flag.NUL), counts.examples("nul"))
        add_issue(
            issues,
            "invalid_encoding",
            counts.flag(Flag.INVALID_ENCODING),
            counts.examples("encoding"),
            detail="TEXT that is not valid UTF-8, decoded by source_encoding_fallback",
        )
    return layout, documents, padded


def kept_token_notes(
    column: SourceColumn, counts: Counts, agg: dict[str, Any], notes: list[str]
) -> tuple[list[str], list[str]]:
    """A column's null tokens kept as values (its declared NOT NULL DEFAULT's, or the values show them
    words of the column) and the values its notes (in ``notes``) quote."""
    tokens = list(agg.get("tokens_as_values") or ())
    quoted: list[str] = []
    default_text = declared_default_value(column)
    # The tokens kept because the column's values show it (the declared default's has its own note).
    shown = [token for token in tokens if token != default_text]
    if len(shown) < len(tokens):
        notes.append(
            f"null token {default_text!r} kept as a value: the column is declared NOT NULL with DEFAULT "
            f"{default_text!r}, the value each row holds unless its writer gives another, never a missing "
            "one (set the column's null_tokens to read it as NULL)"
        )
    if shown:
        quoted = [repr(clipped(counts["min_text"])), repr(clipped(counts["max_text"]))]
        notes.append(
            f"null token{'s' if len(shown) > 1 else ''} {', '.join(map(repr, shown))} kept as "
            f"value{'s' if len(shown) > 1 else ''}: the other values are words of that form, codes "
            "that refine it after a hyphen, a vocabulary of words as rare, names that hardly repeat, or "
            "free text whose texts stand about as often "
            f"({quoted[0]} to {quoted[1]}; set the "
            f"column's null_tokens to read "
            f"{'them' if len(shown) > 1 else 'it'} as NULL)"
        )
    return tokens, quoted


def _padding_examples(examples: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The padded examples of one line (padding, trimmed) and those of several lines (documents, a
    line break in their trimmed text: loaded byte for byte), apart."""
    lines = tuple(value for value in examples if "\n" in value.strip(WHITESPACE))
    return tuple(value for value in examples if value not in lines), lines
