"""Personal data hashed (``mask = "hash"``): a column's text replaced by its salted SHA-256
(:func:`sha256_expr`), what :meth:`.expressions.ColumnExprs.masked` puts in place of the source text,
its trimmed text and its cleaned value."""

from __future__ import annotations

import hashlib

import polars as pl


def salted_sha256(values: pl.Series, salt: str) -> pl.Series:
    """The hex SHA-256 of ``salt`` + each value (UTF-8) as text; NULL stays NULL.

    Polars has no SHA-256 (``Expr.hash`` is a fast non-cryptographic, unstable hash) and pyarrow
    neither, so the digests come from hashlib and are mapped onto the batch in one ``replace_strict``.
    """
    salted = hashlib.sha256(salt.encode())
    digests: dict[str, str] = {}
    # The one exception to "no Python loops over values": one hashlib call per DISTINCT non-null value
    # of this batch (names repeat a lot, so far fewer than the rows), never per row.
    for value in values.drop_nulls().unique().to_list():
        digest = salted.copy()
        digest.update(value.encode())
        digests[value] = digest.hexdigest()
    return values.replace_strict(digests, default=None, return_dtype=pl.String)


def sha256_expr(column: str, salt: str) -> pl.Expr:
    """``column`` (text) replaced by :func:`salted_sha256` of it, batch by batch."""
    return pl.col(column).map_batches(lambda values: salted_sha256(values, salt), return_dtype=pl.String)
