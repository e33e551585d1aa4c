"""Columns of digits referring to a text key: measured as text, and loaded as text where they refer.

A column of TEXT cells that are all digits reads as integers (:mod:`.inference`), while the key it names
may hold other text beside such digits: a transit feed's stop ids, ``1001`` for a platform beside
``S1`` for its station, every stop time naming a platform. Loaded as ``bigint`` and ``text``, the two
columns join in no query, and a reference found in the data joins columns of one type only, so the
reference was not found (until 2026-12-07). Such a column whose values are (at least
:data:`.reference_rows.MIN_INCLUSION` of them) keys of a text key is that key's text: it is loaded as
text, each value its text, and the reference search then judges it as any text column.
A declared reference's ends are made one type by :func:`.written_references.one_type_per_declared_reference`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from columnar_etl.models import ColumnProfile, TableProfile
from columnar_etl.profiling.affinity import declared_family
from columnar_etl.profiling.inclusion import Pair, as_written_kind, measure, storage_classes
from columnar_etl.profiling.merged_numbers import drop_number_notes
from columnar_etl.profiling.parent_keys import keys_referable
from columnar_etl.profiling.reference_rows import MIN_DISTINCT, MIN_INCLUSION, KeptValues
from columnar_etl.source.export import Source


def digits_of_text(column: ColumnProfile) -> bool:
    """Is ``column`` integers read from TEXT cells alone (none INTEGER, REAL or BLOB), every one read?"""
    classes = {kind for kind, n in column.storage_classes.items() if n and kind != "null"}
    return (
        column.inferred_type == "integer"
        and classes == {"text"}
        and not column.invalid_count
        and column.as_written is None
    )


def _may_name_keys(child: ColumnProfile, key: ColumnProfile) -> bool:
    """Could ``child``'s digits be ``key``'s text keys, by the profiles alone? Not a constant nor a 0/1
    flag (such values fit any key holding them), and no more values than the keys could hold."""
    if child.distinct_count < MIN_DISTINCT or (
        child.distinct_count == 2 and (child.min, child.max) == (0, 1)
    ):
        return False
    return math.ceil(child.distinct_count * MIN_INCLUSION) <= key.distinct_count


def digits_as_text_keys(
    src: Source,
    tables: Mapping[str, TableProfile],
    kept: Mapping[str, KeptValues] | None = None,
    *,
    skipped: frozenset[str] = frozenset(),
) -> None:
    """Load as text each column of digits (:func:`digits_of_text`) whose values are at least
    :data:`.reference_rows.MIN_INCLUSION` keys of another column's text key, compared as text (the
    module's rule). ``skipped``: tables not searched as children (their references are declared)."""
    parents = {pair: key for pair, key in keys_referable(tables).items() if key.inferred_type == "text"}
    if not parents:
        return
    pairs: list[Pair] = [
        (name, column.name, parent, key_name, as_written_kind("text", key))
        for name, table in tables.items()
        if name not in skipped
        for column in table
        if digits_of_text(column) and table.key != [column.name]
        for (parent, key_name), key in parents.items()
        if (parent, key_name) != (name, column.name) and _may_name_keys(column, key)
    ]
    measured = measure(src, pairs, kept, storage_classes(tables))
    for index, fit in sorted(measured.items()):
        if fit.share < MIN_INCLUSION:
            continue
        child, name, parent, key, _ = pairs[index]
        column = tables[child][name]
        if column.inferred_type != "integer":
            continue  # widened for another key already
        column.inferred_type = "text"
        # Its bounds were numbers; as text they are unknown (no order of the digits' text).
        column.min = column.max = None
        drop_number_notes(column)
        if declared_family(column.declared_type) in ("text", None):
            # Declared TEXT (or no type), it holds what it claims: no type_mismatch of integers.
            column.issues = [issue for issue in column.issues if issue.kind != "type_mismatch"]
        column.type_reason = f"digits, as text like {parent}.{key}, the text key they name"
        column.notes.append(
            f"digits loaded as text: {fit.share:.0%} of its values are keys of {parent}.{key}, which is "
            "text (PostgreSQL compares no bigint with text)"
        )
