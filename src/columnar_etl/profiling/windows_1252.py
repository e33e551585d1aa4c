"""The profile's side of rule ``windows_1252`` (:mod:`columnar_etl.rules.windows_1252`): Windows-1252
punctuation read as Latin-1 repaired among a table's counted cells, before anything is shaped.

The columns holding the evidence (a C1 control U+0091-U+0097 in some valid UTF-8 value) are found among
the counted cells (``distinct_cells_sql``'s table), and their TEXT cells are rewritten there as the
cleaner will make them (:func:`repaired_sql`), counted again: two values the repair makes one
(``x\\x92s`` beside ``x’s``) are one, so every figure the profile draws from those cells (distinct
values, keys, trims, NULLs, lengths) is of what is loaded. TEXT that is not valid UTF-8 is left to the
encoding fallback, as the cleaner leaves it. A column whose ``windows_1252`` the operator set to
``false`` is left as written.
"""

from __future__ import annotations

from typing import NamedTuple

from columnar_etl.config import Settings
from columnar_etl.models import ColumnProfile
from columnar_etl.pg.identifiers import quote_literal
from columnar_etl.profiling.dirt import add_issue
from columnar_etl.profiling.distinct_values import in_places
from columnar_etl.profiling.overrides import unrepaired_places
from columnar_etl.rules.windows_1252 import EVIDENCE_REGEX, RULE, WINDOWS_1252_C1
from columnar_etl.source.export import Source

#: The note of a repaired column.
REPAIRED_NOTE = (
    "Windows-1252 text read as Latin-1 (its quotation marks or dashes are C1 controls U+0091-U+0097): "
    "each C1 control Windows-1252 defines is read as its character (U+0092 '’', U+0085 '…'), before "
    "trimming, audited windows_1252 ({cells} cells; windows_1252 = false keeps them as written)"
)


class Repair(NamedTuple):
    """A column's cells the repair changed: how many (rows), and up to five of their values as written."""

    cells: int
    examples: tuple[str, ...]


def repaired_sql(text: str) -> str:
    """DuckDB: the VARCHAR ``text`` with its Windows-1252 C1 controls as their characters."""
    controls = " || ".join(f"chr({ord(control)})" for control in WINDOWS_1252_C1)
    return f"translate({text}, {controls}, {quote_literal(''.join(WINDOWS_1252_C1.values()))})"


def evidence_sql(cells: str) -> str:
    """The ``idx`` of the columns among the counted cells ``cells`` (``idx, cls, v, weight``) holding
    the evidence: a valid UTF-8 TEXT value with a C1 control U+0091-U+0097."""
    # Only values of more bytes than characters (not ASCII) are searched: on 2M cells, a tenth of them
    # not ASCII, 0.29 s -> 0.11 s; the wide bench export's 208K TEXT cells (50 MB), 0.49 -> 0.19 s under
    # load (seven plain searches: 0.28 s). Its cost is that of the Latin-1 ellipsis search it spares.
    u = "try(decode(v))"
    return (
        f"SELECT DISTINCT idx FROM {cells} WHERE cls = 't' AND octet_length(v) <> length({u}) "
        f"AND regexp_matches({u}, '{EVIDENCE_REGEX}') ORDER BY idx"
    )


def repair_cells(src: Source, settings: Settings, table: str, cells: str) -> dict[int, Repair]:
    """Repair the columns of ``table`` holding the evidence among the counted cells ``cells`` (see the
    module): place → the cells changed (the issue ``windows_1252``). None whose ``windows_1252`` the
    operator set to ``false``."""
    off = set(unrepaired_places(settings, table, src.table(table).column_names))
    cursor = src.connection.cursor()
    try:
        places = [
            int(place) for (place,) in cursor.execute(evidence_sql(cells)).fetchall() if place not in off
        ]
        if not places:
            return {}
        chosen = in_places(places)
        u = "try(decode(v))"
        new = f"CASE WHEN cls = 't' AND {u} IS NOT NULL THEN encode({repaired_sql(u)}) ELSE v END"
        # The counted cells are distinct per column and class: the five least are five values.
        changed = {
            idx: Repair(int(count), tuple(examples))
            for idx, count, examples in cursor.execute(
                f"SELECT idx, sum(weight), min(decode(v), 5) FROM {cells} WHERE {chosen} AND v <> {new} "
                "GROUP BY idx"
            ).fetchall()
        }
        # Rewritten whole (a column holding the evidence is rare; a table of its own per query keeps
        # queries on threads side by side apart); the weight keeps its type, a count (BIGINT).
        cursor.execute(
            f"CREATE OR REPLACE TABLE {cells} AS SELECT idx, cls, v, weight FROM {cells} WHERE NOT {chosen} "
            f"UNION ALL SELECT idx, cls, {new} AS v, CAST(sum(weight) AS BIGINT) AS weight FROM {cells} "
            f"WHERE {chosen} GROUP BY idx, cls, {new}"
        )
    finally:
        cursor.close()
    return {place: changed.get(place, Repair(0, ())) for place in places}


def say_repaired(column: ColumnProfile, repair: Repair) -> None:
    """Record on ``column`` (a text column, not bytea) the cells its repair changes: their count, the
    note, and the issue ``windows_1252`` (fixable: the cleaner repairs each, audited)."""
    column.windows_1252_repaired = repair.cells
    column.notes.append(REPAIRED_NOTE.format(cells=repair.cells))
    add_issue(column.issues, RULE, repair.cells, repair.examples)
