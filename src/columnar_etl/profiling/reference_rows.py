"""What the reference search shares: its thresholds, a reference's record, and its SQL over rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.profile_codes import EXAMPLES
from columnar_etl.source.cells import ColumnRead, class_column, hex_column
from columnar_etl.source.export import Source
from columnar_etl.source.naming import (
    names_entity,
    normalised_name,
    table_singulars,
)

#: A column is a reference when at least this share of its distinct non-null values are parent keys.
MIN_INCLUSION = 0.9
#: An integer column is a reference inferred from the data only with at least this many distinct values.
MIN_DISTINCT = 2
#: ... and, unless they are half the parent's keys, when its values that are keys would all be keys by
#: chance with at most this probability: a Bayes factor of 5 for the reference (the module's rule 3).
MAX_CHANCE = 0.2
#: The profile keeps a column's distinct values for the search when none is longer than this (bytes):
#: keys and codes are short, free text is not (a column with a longer value is read again). A BLOB
#: column is searched when its values are this short on average (:func:`.parent_keys.short_bytes`).
KEPT_VALUE_BYTES = 64
#: Names of the DuckDB tables holding the kept values (no export table lives in DuckDB's own database).
KEPT_PREFIX = "__columnar_etl_kept_"
#: The nil UUID, .NET's ``Guid.Empty`` (with and without its hyphens): the "no reference" of a column
#: of GUIDs, which no generator draws (the module's last paragraph).
NIL_UUIDS = ("00000000-0000-0000-0000-000000000000", "0" * 32)

#: The column of a child's distinct rows (:func:`distinct_rows_sql`) holding how many rows each stands for.
ROWS_RELATION = '"__columnar_etl_rows"'


def in_set(number: int) -> str:
    """The column of :func:`distinct_rows_sql` telling whether a row is one of set ``number``'s."""
    return quote_ident(f"__columnar_etl_in{number}")


def every_row(relation: str, sets: list[list[str]]) -> str:
    """SQL: ``relation``'s rows as :func:`distinct_rows_sql` gives its distinct values: each its own
    (:data:`ROWS_RELATION` 1), in every set."""
    flags = "".join(f", true AS {in_set(n)}" for n in range(len(sets)))
    return f"(SELECT *, 1 AS {ROWS_RELATION}{flags} FROM {relation})"


def distinct_rows_sql(relation: str, reads: list[ColumnRead], sets: list[list[str]]) -> str:
    """SQL: ``relation`` (read by ``reads``) as, for each of ``sets`` (columns of it a check compares),
    the distinct values of those columns, each with the number of rows holding them
    (:data:`ROWS_RELATION`) and true in the column :func:`in_set` of its set: a check computes each value once
    (a million rows of a reference hold a few thousand keys), then counts rows by it (``sum(rows)``, not
    ``count(*)``), several checks in one read (``GROUPING SETS``), each over its own columns' distinct values
    (the values of all together are near every row). Each column with the storage class and hex read
    with it (``ColumnRead.with_class``, ``with_hex``)."""
    read_as: dict[str, list[str]] = {}
    for index, read in enumerate(reads):
        read_as[read.name] = [quote_ident(read.name)]
        if read.with_class:
            read_as[read.name].append(quote_ident(class_column(index)))
        if read.with_hex:
            read_as[read.name].append(quote_ident(hex_column(index)))
    everything = [name for read in reads for name in read_as[read.name]]
    # Each set's columns in the read's order: two checks of the same columns are one set (a set listed
    # twice would count its rows twice).
    grouped = [
        [name for name in everything if name in {n for column in chosen for n in read_as[column]}]
        for chosen in sets
    ]
    unique = list(dict.fromkeys(tuple(names) for names in grouped))
    # GROUPING(...) has a bit per column, the first the highest, set where the row's set leaves it out.
    masks = [
        sum(1 << (len(everything) - 1 - i) for i, name in enumerate(everything) if name not in names)
        for names in grouped
    ]
    listed = ", ".join(everything)
    if len(unique) == 1:  # one set (a composite reference's columns may be more than grouping() has bits)
        flags = ", ".join(f"true AS {in_set(n)}" for n in range(len(sets)))
        return (
            f"(SELECT *, {flags} FROM (SELECT {', '.join(unique[0])}, count(*) AS {ROWS_RELATION} "
            f"FROM {relation} GROUP BY ALL))"
        )
    flags = ", ".join(f"__set = {mask} AS {in_set(n)}" for n, mask in enumerate(masks))
    by = ", ".join(f"({', '.join(names)})" for names in unique)
    return (
        f"(SELECT *, {flags} FROM (SELECT {listed}, count(*) AS {ROWS_RELATION}, grouping({listed}) AS __set "
        f"FROM {relation} GROUP BY GROUPING SETS ({by})))"
    )


def smallest_rows(counted: list[Any] | None) -> tuple[str, ...]:
    """The :data:`EXAMPLES` smallest values of rows, sorted, as ``min(text, EXAMPLES)`` gives them over
    rows, from ``min({'v': text, 'n': rows}, EXAMPLES)`` over distinct rows (:func:`distinct_rows_sql`):
    the smallest values by text come first, each as often as its rows (up to :data:`EXAMPLES`)."""
    values = [item["v"] for item in counted or () for _ in range(min(int(item["n"]), EXAMPLES))]
    return tuple(sorted(values))[:EXAMPLES]


@dataclass(frozen=True)
class KeptValues:
    """A table's values kept by the profile (:func:`kept_values_sql`): DuckDB table ``name`` of
    ``(idx, val, weight)``; ``columns``, the kept columns' indexes by name."""

    name: str
    columns: Mapping[str, int]


def kept_values_sql(name: str, counted: str, *, only: list[int] | None = None) -> str:
    """DuckDB: create table ``name`` from ``counted`` (the profile's counted cells, see
    :func:`.distinct_values.distinct_cells_sql`): ``(idx, val, weight)``, the distinct values of each column
    all of whose non-NULL cells are INTEGER, REAL or valid UTF-8 TEXT of at most :data:`KEPT_VALUE_BYTES`
    bytes, as text (what a read of the column gives), with their cell counts. ``only``: of those
    columns, the ones at these indexes."""
    # CASE, not AND: only a short value is checked for UTF-8 (a long one would be scanned whole).
    short = (
        "CASE WHEN cls = 'n' THEN true "
        f"WHEN cls IN ('i', 'r', 't') AND octet_length(v) <= {KEPT_VALUE_BYTES} "
        "THEN try(decode(v)) IS NOT NULL ELSE false END"
    )
    chosen = f" AND list_contains([{', '.join(map(str, only))}], idx)" if only is not None else ""
    select = (
        f"SELECT idx, decode(v) AS val, weight "
        f"FROM {counted} WHERE cls <> 'n'{chosen} AND idx IN "
        f"(SELECT idx FROM {counted} WHERE true{chosen} GROUP BY idx HAVING bool_and({short}))"
    )
    return f"CREATE OR REPLACE TABLE {quote_ident(name)} AS {select}"


def kept_native_sql(native: str) -> str:
    """DuckDB: the kept values (``(idx, val, weight)``, as :func:`kept_values_sql` keeps them) of
    ``native``, the counted values of INTEGER columns (:func:`.native.native_distinct_sql`), each
    number as its digits (what a text read gives)."""
    return f"SELECT idx, CAST(v AS VARCHAR) AS val, weight FROM {native} WHERE v IS NOT NULL"


def kept_values(src: Source, name: str, columns: list[str]) -> KeptValues:
    """What table or view ``name`` (:func:`kept_values_sql`, over a table of ``columns``) holds."""
    rows = src.connection.cursor().execute(f"SELECT DISTINCT idx FROM {quote_ident(name)}").fetchall()
    return KeptValues(name, {columns[int(idx)]: int(idx) for (idx,) in rows})


@dataclass(frozen=True)
class Reference:
    """``child.columns`` refer to ``parent.parent_columns``; ``declared`` in the schema or found."""

    child: str
    columns: tuple[str, ...]
    parent: str
    parent_columns: tuple[str, ...]
    declared: bool
    #: The collating sequence SQLite compares each parent key column with (its unique index's:
    #: ``BINARY``, ``NOCASE``, ``RTRIM``), as SQLite's own foreign key check does; BINARY when unknown.
    collations: tuple[str, ...] = ()
    #: The affinity SQLite applies to a child's value before looking it up among each parent key
    #: column's (:func:`.references.key_affinity`: ``INTEGER``, ``REAL``, ``NUMERIC``, ``TEXT``, or ``BLOB``
    #: for none); () when unknown (the parent key's declared type then says it).
    affinities: tuple[str, ...] = ()
    #: The parent key is its table's rowid, which the child holds as its rows' only identity
    #: (:func:`~columnar_etl.source.rowid_references.rowid_references`): found by the names and every value,
    #: taken as a declared reference is, and carried as a column of the parent.
    by_rowid: bool = False


def holds_singular(column: str, parent: str) -> bool:
    """:func:`.reference_names._names_table` of a parent table's name."""
    name = normalised_name(column)
    return any(stem in name for stem in table_singulars(parent))


def names_parent_table(column: str, parent: str) -> bool:
    """:func:`.reference_names.names_parent` of a parent table's name."""
    return holds_singular(column, parent) or names_entity(column, parent)
