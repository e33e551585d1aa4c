"""A double as PostgreSQL's ``float8`` output writes it, for the few values a report shows.

The cleaner writes whole columns so with Polars (``cleaning.audit.float8_text``); the profile shows a
handful of examples (a REAL-keyed table's duplicate keys) and has no Polars: this is the same text for
one Python float. Both are checked against PostgreSQL's own output (tests/test_float8.py).
"""

from __future__ import annotations

import math
from decimal import Decimal


def float8_out(value: float) -> str:
    """``value`` as PostgreSQL writes a ``double precision`` (``extra_float_digits`` 1, the default
    since PostgreSQL 12): its shortest digits that read back as the same double — Python's ``repr``
    finds the same ones — in fixed notation for a decimal exponent from -4 to 14 (``3``, ``0.0001``,
    ``100000000000000``), else as ``1e+15``, ``1.5e-07`` (a sign, at least two exponent digits);
    ``-0``, ``Infinity``, ``-Infinity``, ``NaN``."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    sign, digits, exponent = Decimal(repr(value)).as_tuple()
    assert isinstance(exponent, int)  # a finite value
    text = "".join(map(str, digits)).rstrip("0") or "0"
    exponent += len(digits) - len(text)  # the trailing zeros moved into the exponent
    point = exponent + len(text)  # digits before the decimal point
    minus = "-" if sign else ""
    if text == "0":
        return f"{minus}0"
    if -4 <= point - 1 < 15:
        if point <= 0:
            return f"{minus}0.{'0' * -point}{text}"
        if point >= len(text):
            return f"{minus}{text}{'0' * (point - len(text))}"
        return f"{minus}{text[:point]}.{text[point:]}"
    mantissa = text[0] + (f".{text[1:]}" if len(text) > 1 else "")
    shown = point - 1
    return f"{minus}{mantissa}e{'-' if shown < 0 else '+'}{abs(shown):02d}"
