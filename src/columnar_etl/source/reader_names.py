"""Names SQLite allows that the readers cannot take: read, and loaded, under a name of their own.

SQLite takes any name, ``""`` included (a CSV imported with a blank header gives a column ``""``;
``CREATE TABLE "" (...)`` is accepted too). DuckDB's parser refuses a zero-length identifier, and so
does PostgreSQL's, so no query of such a table or column can be written; a column whose name starts
with the readers' own :data:`~columnar_etl.source.cells.HELPER_PREFIX` would be shadowed by their helper
columns (DuckDB matches names case-insensitively). Both used to be refused, and the export is never
to be edited: such names are renamed in the reader's private copy
(:mod:`~columnar_etl.source.private_copy`, by SQLite's own ``ALTER TABLE ... RENAME``, which rewrites
the keys and references that name them too), never in the export, and every stage after the reader
knows the table or column by its new name, which is also its name in the target:

- a table named ``""``: ``table_<position>``, its 1-based position among the export's tables;
- a column named ``""``: ``column_<position>``, its 1-based position in its table;
- a column named ``__clean_…`` (any case): its name without its leading underscores (``clean_…``);

each made unique with ``_2``, ``_3`` … against the table's (or file's) other names, compared as SQLite
and DuckDB compare them (without regard to case) and as the target spells them (without a leading
byte-order mark). Every other name, spaces, invisible characters, quotes and dots included, is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from columnar_etl.pg.column_names import BOM
from columnar_etl.source.cells import HELPER_PREFIX
from columnar_etl.source.tables import SourceTable


@dataclass(frozen=True)
class ReaderNames:
    """The export's tables and columns read under another name, and those names."""

    #: Export table name → the name it is read and loaded under.
    tables: dict[str, str] = field(default_factory=dict)
    #: Export table name → {export column name → the name it is read and loaded under}.
    columns: dict[str, dict[str, str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.tables or self.columns)

    def table(self, name: str) -> str:
        """The name the export's table ``name`` is read under."""
        return self.tables.get(name, name)

    def export_table(self, name: str) -> str:
        """The export's name of the table read as ``name``."""
        return next((export for export, read in self.tables.items() if read == name), name)

    def export_column(self, table: str, name: str) -> str:
        """The export's name of the column read as ``name`` in the export's table ``table``."""
        columns = self.columns.get(table, {})
        return next((export for export, read in columns.items() if read == name), name)

    def column(self, table: str, name: str) -> str:
        """The name the export's column ``name`` of its table ``table`` is read under."""
        return self.columns.get(table, {}).get(name, name)

    def applied(self, tables: dict[str, SourceTable]) -> dict[str, SourceTable]:
        """``tables`` (the export's) as the reader knows them: renamed tables and columns."""
        renamed: dict[str, SourceTable] = {}
        for name, table in tables.items():
            columns = tuple(replace(c, name=self.column(name, c.name)) for c in table.columns)
            renamed[self.table(name)] = replace(table, name=self.table(name), columns=columns)
        return renamed

    def records(self) -> list[dict[str, str | None]]:
        """One record per renamed table or column: ``table`` and ``column`` (None for a table) as read
        and loaded, ``export_name`` (the export's own name) and ``why`` (profile.json
        ``renamed_for_reader``)."""
        found: list[dict[str, str | None]] = [
            {"table": name, "column": None, "export_name": export, "why": _why(export)}
            for export, name in self.tables.items()
        ]
        for table, columns in self.columns.items():
            found += [
                {"table": self.table(table), "column": name, "export_name": export, "why": _why(export)}
                for export, name in columns.items()
            ]
        return found


def _why(name: str) -> str:
    if name == "":
        return (
            "SQLite allows an empty name, DuckDB and PostgreSQL do not (renamed in the reader's "
            "private copy, the export itself unchanged)"
        )
    return (
        f"a name starting with {HELPER_PREFIX!r} is the readers' own (renamed in the reader's private "
        "copy, the export itself unchanged)"
    )


def needs_renaming(name: str, *, column: bool) -> bool:
    """Whether the readers cannot take ``name`` (a column's when ``column``, else a table's)."""
    return name == "" or (column and name.lower().startswith(HELPER_PREFIX))


def reader_names(tables: dict[str, SourceTable], others: Iterable[str] = ()) -> ReaderNames:
    """The names the readers read ``tables`` (the export's, in its order) under where they cannot take
    the export's (module docstring); ``others``: the file's other names (views, indexes, triggers,
    tables not read), which a table's new name must not take either."""
    taken = _spellings([*tables, *others])
    renamed_tables: dict[str, str] = {}
    for position, name in enumerate(tables, start=1):
        if needs_renaming(name, column=False):
            renamed_tables[name] = _unique(f"table_{position}", taken)
    renamed_columns: dict[str, dict[str, str]] = {}
    for name, table in tables.items():
        names = [column.name for column in table.columns]
        used = _spellings(names)
        renamed = {
            column: _unique(f"column_{position}" if column == "" else column.lstrip("_"), used)
            for position, column in enumerate(names, start=1)
            if needs_renaming(column, column=True)
        }
        if renamed:
            renamed_columns[name] = renamed
    return ReaderNames(renamed_tables, renamed_columns)


def _spellings(names: Iterable[str]) -> set[str]:
    """``names`` as SQLite and DuckDB compare them (case folded) and as the target spells them."""
    return {spelling.lower() for name in names for spelling in (name, name.lstrip(BOM))}


def _unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base_2``, ``base_3`` … whichever ``taken`` lacks (then taken too)."""
    candidate, suffix = base, 1
    while not candidate or candidate.lower() in taken or needs_renaming(candidate, column=True):
        suffix += 1
        candidate = f"{base}_{suffix}"
    taken.add(candidate.lower())
    return candidate
