"""The regular expressions text values are told apart by in the profile query: personal data
(an e-mail address, a phone number, a person's name), binary data written as TEXT, and a word's form
(:data:`WORD_FORMS`, :func:`word_form`), which tells a null token that is one of a column's values
from one that stands for NULL (:mod:`.tokens`)."""

from __future__ import annotations

from columnar_etl.pg.identifiers import quote_literal
from columnar_etl.profiling.profile_codes import Flag

EMAIL_REGEX = r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
PHONE_REGEX = r"\+?\(?\d[\d ().-]{5,18}\d"
# Two or three capitalised words ("Grace Chen", "Inès Moreau", "Mary-Ann O'Neil"); a heuristic.
# Latin letters spelt out as ranges (ASCII, Latin-1, Latin Extended-A, whose cases alternate): RE2
# compiles \p{Lu}/\p{Ll} in ~5 ms each time, and the pattern is compiled once per column per query.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_LOWER = "a-zß-öø-ÿĀ-ſ"
_NAME_WORD = f"[{_UPPER}][{_LOWER}'’-]+([{_UPPER}][{_LOWER}]+)?"
PERSON_NAME_REGEX = f"{_NAME_WORD}( {_NAME_WORD}){{1,2}}"
#: A control byte no text is written with (C0 but NUL, tab, line feed, vertical tab, form feed and
#: carriage return): beside a NUL byte, a sign of binary data written as TEXT (:attr:`Flag.BINARY_NUL`).
BINARY_CONTROL_REGEX = r"[\x01-\x08\x0e-\x1f]"


#: The word forms (:class:`Flag`), as the regular expressions that define them. A word is at most
#: :data:`WORD_BYTES` long: longer text skips the expressions.
WORD_FORMS = {
    Flag.WORD_UPPER: "[A-Z]+",
    Flag.WORD_CAPITAL: f"[{_UPPER}][{_LOWER}]+",
    Flag.WORD_LOWER: f"[{_LOWER}]+",
}
WORD_BYTES = 32
#: A lower-case code, of :attr:`Flag.WORD_LOWER`'s form too: lower-case words joined by hyphens or
#: underscores, ASCII digits at the end only (``quoted-printable``, ``base64``, ``in_progress``,
#: ``x-gzip``): a MIME transfer encoding, a workflow state. Not digits inside (``a41b07``, a digest;
#: ``x9y8``), nor a leading or doubled joiner. (Until 2026-12-05 a word form was letters alone, so
#: ``none`` beside ``base64`` and ``quoted-printable``, Request Tracker's attachments' "no transfer
#: encoding", was read as NULL.) Nor digits inside, but in a code joined of several parts one of which
#: is letters alone, where a part may hold one run of digits between letters (``fido-u2f``, a WebAuthn
#: attestation type beside ``packed`` and ``none``; since 2026-12-06, before which Authelia's ``none``
#: was read as NULL): a serial of one part (``ab12cd``, ``k8s``) or of digits in every part
#: (``ab12-cd34``) is still none.
_CODE_PART = f"[{_LOWER}]+(?:[0-9]+[{_LOWER}]*)?"
LOWER_CODE = (
    f"(?:[{_LOWER}]+(?:[-_][{_LOWER}]+)*[0-9]*|(?:{_CODE_PART}[-_])*[{_LOWER}]+(?:[-_]{_CODE_PART})*)"
)
#: A digit, in the scripts an export may write numbers in: ASCII, full-width (１２), Arabic-Indic (٣),
#: Persian, Devanagari, and the superscripts and fractions of Latin-1 (², ½): spelt out, as RE2
#: compiles \p{Nd} slowly (helper 23: １２ among numbers was quarantined where 107A kept the column text).
DIGIT_CLASS = "[0-9０-９٠-٩۰-۹०-९¹²³¼-¾]"


def word_form(t: str, *, digits: bool = False) -> str:
    """SQL: the :class:`Flag` of ``t``'s word form (:data:`WORD_FORMS`; a lower-case code,
    :data:`LOWER_CODE`, is :attr:`Flag.WORD_LOWER`), or (with ``digits``) :attr:`Flag.DIGITS` for
    short text with a digit (a lower-case code with digits, ``base64``, has both), else 0. One pattern
    of all letters first: most text meets few more."""
    letters = f"[{_UPPER}{_LOWER}]+"
    forms = " ".join(
        f"WHEN regexp_full_match({t}, {quote_literal(regex)}) THEN {flag:d}"
        for flag, regex in WORD_FORMS.items()
    )
    coded = (
        f"CASE WHEN regexp_matches({t}, '[0-9]') THEN {Flag.WORD_LOWER | Flag.DIGITS:d} "
        f"ELSE {Flag.WORD_LOWER:d} END"
        if digits
        else f"{Flag.WORD_LOWER:d}"
    )
    return (
        f"CASE WHEN strlen({t}) > {WORD_BYTES} THEN 0 "
        f"WHEN regexp_full_match({t}, {quote_literal(letters)}) THEN CASE {forms} ELSE 0 END "
        f"WHEN regexp_full_match({t}, {quote_literal(LOWER_CODE)}) THEN {coded} "
        + (f"WHEN regexp_matches({t}, {quote_literal(DIGIT_CLASS)}) THEN {Flag.DIGITS:d} " if digits else "")
        + "ELSE 0 END"
    )
