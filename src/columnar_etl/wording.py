"""Counted nouns, and the verbs that agree with them, for the one-line messages the gates write.

A profile's reason reads ``1 value (107A) mixes digits with other characters``, not ``1 values such as
107A mix …``: an operator reads a message with one offending value as often as one with thousands.
"""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``1 value``, ``3 values``, ``1,204 dates``: ``n`` (thousands grouped) and its noun in the
    number it takes (``plural`` where adding an ``s`` does not make it)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def such_as(n: int, noun: str, shown: str, *, plural: str | None = None, example: bool = True) -> str:
    """``3 values such as 12-3, 4B``; of one value, ``1 value (12-3)``, the one the column holds.

    ``example=False``: ``shown`` illustrates the kind of value rather than quoting one the column
    holds (``numbers such as 1.200``): of one value, ``1 number like 1.200``.
    """
    if n != 1:
        return f"{counted(n, noun, plural)} such as {shown}"
    return f"1 {noun} ({shown})" if example else f"1 {noun} like {shown}"


def agree(n: int, singular: str, plural: str) -> str:
    """The word of the two that agrees with a count of ``n`` (``agree(n, "is", "are")``)."""
    return singular if n == 1 else plural
