"""A key found in the data: a column unique and non-null in every row, of a type and length a key
may have, chosen by its name's rank, then its type, then leftmost (:func:`data_key`; from the profile's
exact counts, nothing is rescanned)."""

from __future__ import annotations

from columnar_etl.models import ColumnProfile, TableProfile
from columnar_etl.profiling.key_chance import unique_by_chance
from columnar_etl.source.naming import (
    IDENTIFIER_WORDS,
    camel_words,
    named_after_own,
    names_own_identifier,
    normalised_name,
    own_names,
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


def data_key(
    table: TableProfile, copies: int = 0, exclude: tuple[str, ...] = (), *, by_chance: bool = False
) -> str | None:
    """A column unique and non-null in the data, or None: the first of :func:`key_candidates` (a
    name saying the table's own identifier, then another's, then any; within each, integer first,
    then text, then short bytes; leftmost). A name saying no identity (:func:`names_identity`), in a
    table of a few rows, only with values that say they name rows
    (:func:`.key_chance.unique_by_chance`; since 2026-12-06), or with ``by_chance`` (:func:`chance_key`).

    ``copies``: exact duplicate rows, which cleaning removes; a column unique among the other rows is
    unique once they are gone (an export with a few repeated rows still has its key)."""
    if table.row_count == 0 or table.sampled_rows is not None or links_other_rows(table):
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
        rows = table.row_count - copies
        if not by_chance and distinct_by_chance(column, table, rows):
            continue  # distinct in a few rows, named and valued as no identifier: by chance
        if unique_and_present(column, rows):
            return str(column.name)
    return None


def links_other_rows(table: TableProfile) -> bool:
    """Is ``table`` a link table: two or more columns, every one named as another row's identifier
    (:func:`key_name_rank` 1: a style's ``tagmap`` of ``tag_id`` and ``symbol_id``)? Its rows are
    pairs of references; one of them distinct on every row (each colour ramp tagged once) is so because
    the relation is sparse today, not because the table gives each a row: no key found in the data
    (:func:`data_key`; until 2026-12-07 QGIS's ``ctagmap`` was keyed on its ``colorramp_id``)."""
    columns = list(table)
    return len(columns) >= 2 and all(key_name_rank(column.name, table.name) == 1 for column in columns)


def chance_key(table: TableProfile) -> str | None:
    """The column that would be ``table``'s key found in the data (:func:`data_key`) but that it may
    be distinct on its few rows by chance (:func:`.key_chance.unique_by_chance`), of one storage class
    and no NUL byte; None when the table has a key, or the column is part of a declared UNIQUE
    (``key_part_of``). No PRIMARY KEY, but a parent the reference search may name
    (:func:`.parent_keys.keys_referable`): another table's values all found among its own are evidence
    of a key that its uniqueness in a few rows is not (a generated export's undeclared keys of 11 rows,
    ``Pibgé.Ct``; since 2026-12-06)."""
    if table.key or table.key_part_of is not None:
        return None
    copies = table.duplicate_rows or 0
    found = data_key(table, copies, by_chance=True)
    if found is None:
        return None
    column = table[found]
    chance = distinct_by_chance(column, table, table.row_count - copies)
    return found if chance and len(stored_classes(column)) == 1 and not column.nul_byte_count else None


def distinct_by_chance(column: ColumnProfile, table: TableProfile, rows: int) -> bool:
    """May ``column``, distinct on ``rows`` rows of ``table``, be so by chance: its name says no
    identity (:func:`names_identity`) and its values, on so few rows, none either
    (:func:`.key_chance.unique_by_chance`)? No key found in the data then (:func:`data_key`,
    :func:`.merged_keys.key_merged_by_cleaning`; since 2026-12-06)."""
    return not names_identity(column.name, table.name) and unique_by_chance(column, rows)


#: The last words of a name saying a row's number (``Id No``, ``CT-Entry No``, ``ticket_number``), as
#: a name ending in ``#`` does (``Request #``): an identity, as an id word is (:func:`names_identity`).
NUMBER_WORDS = frozenset({"no", "nr", "num", "number"})
#: Names that by convention hold a value naming one row, alone or after the table's own entity: a
#: natural key (``code`` or ``currency_code`` in ``currencies``, ``slug``, ``handle``, ``username``,
#: ``login``, a directory's ``path``, a page's ``url``) or a row's label or place (R's ``row_names``
#: and pandas' ``index``, which each keeps distinct; a ``row``), compared as
#: :func:`.naming.normalised_name` spells them: an identity however few the rows
#: (:func:`names_identity`).
NATURAL_KEY_NAMES = (
    *("code", "slug", "handle", "username", "login", "path", "url", "uri"),
    *("rownames", "index", "row"),
)


def names_identity(column: str, table: str) -> bool:
    """Does a column's name say it identifies a row: an identifier of the table's own or of another's
    (:func:`key_name_rank` 0 or 1), a row's number (:data:`NUMBER_WORDS`, or ``#`` at its end: an
    Access register's ``Id No``, a help desk's ``Request #``), the table's own entity (``tag`` in
    ``tags``), or a natural key's name, alone or after the table's own entity
    (:data:`NATURAL_KEY_NAMES`: a lookup's ``code``, a user's ``handle``, not a day's ``first_code``)?
    A column so named is a key found in the data however few the rows; one named otherwise, in a small
    table, only when its values say so (:func:`.key_chance.unique_by_chance`; since 2026-12-06)."""
    words = camel_words(column)
    numbered = column.rstrip().endswith("#") or bool(words and words[-1] in NUMBER_WORDS)
    if numbered or key_name_rank(column, table) < 2:
        return True
    # The table's own entity alone names its row too: a tag list's ``tag``, a version table's ``version``.
    return normalised_name(column) in own_names(table) or named_after_own(column, table, NATURAL_KEY_NAMES)


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
    order one is chosen: by :func:`key_name_rank`, among the names saying neither identifier those
    naming a row otherwise first (:func:`names_identity`: a series table's ``gse`` accession before its
    ``title``; since 2026-12-06), then by type, then leftmost. Not a column of lists
    (:attr:`.ColumnProfile.list_separator`, :mod:`.list_values`: a subset's comma-joined samples name
    no row; since 2026-12-07)."""
    columns = [
        column for column in table if column.inferred_type in DATA_KEY_TYPES and column.list_separator is None
    ]
    return sorted(
        columns,
        key=lambda column: (
            key_name_rank(column.name, table.name),
            not names_identity(column.name, table.name),
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
