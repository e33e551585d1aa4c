"""Orphans of references between several columns: the parent rows held, the children left out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from typing import TypeVar

from columnar_etl.models import TableProfile
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.cleaning_joins import (
    compared_relation,
    few_values,
    read_in_batches,
    relation_reads,
)
from columnar_etl.profiling.inclusion import Classes, shown_sql
from columnar_etl.profiling.profile_codes import EXAMPLES
from columnar_etl.profiling.reference_rows import ROWS_RELATION, Reference, in_set, smallest_rows
from columnar_etl.source.export import Source

#: Names of the DuckDB tables holding a parent's distinct compared keys (:func:`held_parents`).
_HELD_PREFIX = "__columnar_etl_parent_keys_"


def parent_rows_sql(
    src: Source, parent: str, columns: tuple[str, ...], kinds: tuple[str, ...], classes: Classes
) -> str:
    """DuckDB: the distinct compared values (``c{i}``, :func:`.cleaning_joins.compared_relation`) of
    ``parent``'s key ``columns`` (each of ``kinds``), with ``found`` true: what :func:`composite_orphans`
    joins."""
    relation = compared_relation(src, parent, list(zip(columns, kinds, strict=True)), classes)
    listed = ", ".join(f"c{i}" for i in range(len(kinds)))
    return f"(SELECT DISTINCT {listed}, true AS found FROM {relation})"


#: What identifies a relation :func:`held_parents` holds (a parent table, its key columns, their kinds).
_ParentKey = TypeVar("_ParentKey", bound=Hashable)
#: A composite reference's parent as :func:`composite_orphans` joins it: table, key columns, kinds.
_Parent = tuple[str, tuple[str, ...], tuple[str, ...]]


def parent_of(reference: Reference, kinds: list[str]) -> _Parent:
    """What :func:`composite_orphans` joins for ``reference`` compared as ``kinds``."""
    return (reference.parent, reference.parent_columns, tuple(kinds))


@contextmanager
def held_parents(
    src: Source, wanted: list[_ParentKey], relation: Callable[[_ParentKey], str]
) -> Iterator[dict[_ParentKey, str]]:
    """The relation (``relation``, a parenthesised query) of each of ``wanted``, by it: those wanted
    more than once computed once, into a DuckDB table dropped after, the others as their query. A
    parent of many references (PROJ's ``unit_of_measure``, ``extent``) is read and its compared values
    computed once a profile, not once a reference: the same query, the same rows."""
    counts = Counter(wanted)
    relations = {key: relation(key) for key in counts}
    held = {
        key: quote_ident(f"{_HELD_PREFIX}{n}") for n, key in enumerate(k for k, m in counts.items() if m > 1)
    }
    cursor = src.connection.cursor()
    try:
        for key, name in held.items():
            cursor.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM {relations[key]}")
        yield relations | held
    finally:
        for name in held.values():
            cursor.execute(f"DROP TABLE IF EXISTS {name}")


def composite_orphans(
    src: Source,
    tables: Mapping[str, TableProfile],
    child: str,
    compared: list[tuple[Reference, list[str]]],
    classes: Classes,
    parents: Mapping[_Parent, str],
) -> list[tuple[int, tuple[str, ...]]]:
    """For each of ``child``'s composite references (with the kinds its parts are compared as), the
    rows with no parent row, as SQLite's foreign key check counts them (a row with a NULL in any of
    the columns refers to nothing), and a few of them (their compared values joined by ``|``). One
    read of ``child`` for all of them (:func:`.cleaning_joins.read_in_batches`: unless two read a column
    otherwise). ``parents``: each parent's relation (:func:`parent_rows_sql`, held by :func:`held_parents`),
    by :func:`parent_of`."""

    def wanted(entry: tuple[Reference, list[str]]) -> list[tuple[str, str]]:
        return list(zip(entry[0].columns, entry[1], strict=True))

    found: dict[int, tuple[int, tuple[str, ...]]] = {}
    numbered = list(enumerate(compared))
    for by_values, batch in read_in_batches(
        numbered,
        lambda item: relation_reads(child, wanted(item[1]), classes),
        lambda item: tables[item[1][0].parent].row_count,
        lambda item: few_values(tables[child], list(item[1][0].columns)),
    ):
        columns: list[tuple[str, str]] = []
        joins, counted = [], []
        for n, (_, (reference, kinds)) in enumerate(batch):
            at = range(len(columns), len(columns) + len(kinds))
            columns += wanted((reference, kinds))
            present = " AND ".join(f"c.c{i} IS NOT NULL" for i in at)
            equal = " AND ".join(f"p{n}.c{i} = c.c{j}" for i, j in enumerate(at))
            label = " || '|' || ".join(shown_sql(f"c.c{j}", kinds[i]) for i, j in enumerate(at))
            joins.append(f"LEFT JOIN {parents[parent_of(reference, kinds)]} AS p{n} ON {equal}")
            orphan = f"c.{in_set(n)} AND {present} AND p{n}.found IS NULL"
            counted.append(
                f"coalesce(sum(c.{ROWS_RELATION}) FILTER (WHERE {orphan}), 0), "
                f"min({{'v': {label}, 'n': c.{ROWS_RELATION}}}, {EXAMPLES}) FILTER (WHERE {orphan})"
            )
        sets = [list(reference.columns) for _, (reference, _) in batch]
        relation = compared_relation(src, child, columns, classes, sets=sets, by_values=by_values)
        sql = f"SELECT {', '.join(counted)} FROM {relation} AS c {' '.join(joins)}"
        row = src.connection.cursor().execute(sql).fetchone()
        for n, (number, _) in enumerate(batch):
            orphans, examples = (row[2 * n], row[2 * n + 1]) if row is not None else (0, None)
            found[number] = (int(orphans), smallest_rows(examples)) if orphans else (0, ())
    return [found[number] for number in range(len(compared))]
