"""A key found in the data: a column unique and non-null in every row, of a type and length a key
may have, chosen by its name's rank, then its type, then leftmost (:func:`data_key`; from the profile's
exact counts, nothing is rescanned)."""

from __future__ import annotations

from columnar_etl.models import ColumnProfile, TableProfile
from columnar_etl.source.naming import (
    IDENTIFIER_WORDS,
    camel_words,
    names_own_identifier,
)

#: Column types a key found in the data may have, in order of preference (dates, numbers and booleans
#: are never keys; a ``bytea`` column only of BLOB cells; each only of short values, :func:`key_like`).
DATA_KEY_TYPES = ("integer", "text", "bytea")
#: A bytea column is a key found in the data (:func:`data_key`) or a key merged by cleaning
#: (:func:`.merged_keys.key_merged_by_cleaning`) only when its values average at most this many bytes
#: (:func:`key_like`): keys and hashes are short; contents (an image, a pickle) distinct on every row
#: are no key to look for.
KEY_LIKE_BYTES = 64
#: ... and a text column only when its values average at most this many bytes (a ``VARCHAR(255)``'s
#: identifiers: URLs, e-mail addresses, paths, slugs), or its name says it is the table's identifier.
TEXT_KEY_BYTES = 255


def data_key(table: TableProfile, copies: int = 0, exclude: tuple[str, ...] = ()) -> str | None:
    """A column unique and non-null in the data, or None: the first of :func:`key_candidates` (a
    name saying the table's own identifier, then another's, then any; within each, integer first,
    then text, then short bytes; leftmost).

    ``copies``: exact duplicate rows, which cleaning removes; a column unique among the other rows is
    unique once they are gone (an export with a few repeated rows still has its key)."""
    if table.row_count == 0 or table.sampled_rows is not None:
        return None
    for column in key_candidates(table):
        if column.name in exclude or (exclude and len(stored_classes(column)) > 1):
            continue  # a next choice is taken without a count: of one storage class only
        if column.inferred_type == "bytea" and stored_classes(column) != ["blob"]:
            # BLOB cells alone: the TEXT 'abc' beside the BLOB x'616263', two keys to SQLite, are one
            # in the target.
            continue
        if not key_like(column, table):
            continue
        if unique_and_present(column, table.row_count - copies):
            return str(column.name)
    return None


def key_name_rank(column: str, table: str) -> int:
    """How a column's name ranks it as the key of ``table`` found in the data: 0 when it names the
    table's own identifier (``id``, ``uuid``, ``key``; ``Ticket ID``, ``ticketid`` or ``ticket_uuid``
    in ``tickets``; ``comment_id`` in ``ticket_comments``), 1 when it names another row's
    (``customer_id``, ``userId``), else 2. Keys are not always named so: the rank only orders the
    columns unique in the data (a pandas export's ``tickets`` was keyed on its unique integer
    ``Postcode`` beside its ``Ticket ID`` of text until 2026-12-05)."""
    if names_own_identifier(column, table):
        return 0
    words = camel_words(column)
    return 1 if len(words) > 1 and words[-1] in IDENTIFIER_WORDS else 2


def key_like(column: ColumnProfile, table: TableProfile) -> bool:
    """Could ``column``'s values be keys, by their length? A bytea column's average at most
    :data:`KEY_LIKE_BYTES` (binary uuids, hashes; never contents such as an image or a pickle, whatever
    the name); a text column's at most :data:`TEXT_KEY_BYTES` (ids, codes, URLs, e-mail addresses), or
    its name says it is the table's own identifier (:func:`key_name_rank` 0: a feed's item ``id``);
    an integer's always. Free text distinct on every row by chance is no key: a name/value table's
    notes were its PRIMARY KEY until 2026-12-05, which PostgreSQL refused for a note too long for a
    B-tree."""
    if column.inferred_type == "bytea":
        return column.bytes <= KEY_LIKE_BYTES * table.row_count
    if column.inferred_type != "text" or column.bytes <= TEXT_KEY_BYTES * table.row_count:
        return True
    return key_name_rank(column.name, table.name) == 0


def key_candidates(table: TableProfile) -> list[ColumnProfile]:
    """``table``'s columns of a type a key found in the data may have (:data:`DATA_KEY_TYPES`), in the
    order one is chosen: by :func:`key_name_rank`, then by type, then leftmost."""
    columns = [column for column in table if column.inferred_type in DATA_KEY_TYPES]
    return sorted(
        columns,
        key=lambda column: (
            key_name_rank(column.name, table.name),
            DATA_KEY_TYPES.index(str(column.inferred_type)),
        ),
    )


def unique_and_present(column: ColumnProfile, rows: int) -> bool:
    """Does ``column`` hold a value in each of ``rows`` rows, every one distinct, and nothing cleaning
    could merge or make NULL? What names every row: a key found in the data, or another key a
    reference may name (parent_keys.keys_referable)."""
    # Cleaning trims, nulls blanks and quarantines unparseable values: any of those could make two
    # distinct raw values equal, or a value NULL, in the target. So can typing: the INTEGER 5 and the
    # TEXT '5' are two distinct values to SQLite (and the profile), one in a typed column; a column of
    # several storage classes is therefore counted as the target reads it (find_key).
    blemishes = (
        column.null_count
        + column.empty_string_count
        + column.null_like_count
        + column.whitespace_padded_count
        + column.invalid_count
    )
    return blemishes == 0 and column.distinct_count == rows


def stored_classes(column: ColumnProfile) -> list[str]:
    """The storage classes other than NULL that ``column`` holds (``["integer", "text"]``)."""
    return [kind for kind, count in column.storage_classes.items() if count and kind != "null"]
