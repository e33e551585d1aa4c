"""The schema's own declarations, read from the export's catalogue and named as the profile reads the tables
(:attr:`.source.export.Source.renamed`): declared keys, declared foreign keys, references to a table's rowid
carried as its column, and declarations naming a table or column the export lacks, with the notes the profile
adds for the last two."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from columnar_etl.models import TableProfile
from columnar_etl.profiling.declared_keys import DeclaredKey, declared_keys
from columnar_etl.profiling.reference_rows import Reference
from columnar_etl.profiling.references import dangling_declarations, declared_references
from columnar_etl.source.export import Source
from columnar_etl.source.rowid_references import ROWID_KEY


def keys_as_read(src: Source, names: list[str]) -> dict[str, DeclaredKey]:
    """The declared keys of ``names`` (tables as read), read from the export's own catalogue (a UNIQUE
    index the private copy lacks still proves its key), named as read (:attr:`Source.renamed`)."""
    renamed = src.renamed
    rowid_keyed = {renamed.export_table(name) for name in names if src.table(name).rowid_referrers}
    keys = declared_keys(src.path, [renamed.export_table(name) for name in names], rowid_keyed)
    found = {}
    for table, key in keys.items():
        name = renamed.table(table)
        read = {column.name for column in src.table(name).columns}
        # A UNIQUE on a generated column the reader cannot compute (left out, see unreadable_columns)
        # names no column of the table as read: not a key here. (A primary key cannot be generated.)
        sets = [
            named
            for named in (tuple(renamed.column(table, c) for c in cs) for cs in (key.columns, *key.others))
            if read.issuperset(named)
        ]
        if not sets:
            continue
        if sets[0] != tuple(renamed.column(table, c) for c in key.columns):
            # The next UNIQUE names the rows; whether SQLite keeps it non-null is not known here, so
            # its clashes are counted.
            key = replace(key, found="declared_unique", rowid_alias=False, enforced=False)
        found[name] = replace(key, columns=sets[0], others=tuple(sets[1:]))
    return found


def references_as_read(src: Source, names: list[str]) -> list[Reference]:
    """The foreign keys the export declares between ``names`` (tables as read), from its own
    catalogue, named as read (:attr:`Source.renamed`)."""
    renamed = src.renamed
    found = declared_references(src.path, [renamed.export_table(name) for name in names])
    return [
        replace(
            reference,
            child=renamed.table(reference.child),
            columns=tuple(renamed.column(reference.child, c) for c in reference.columns),
            parent=renamed.table(reference.parent),
            parent_columns=tuple(renamed.column(reference.parent, c) for c in reference.parent_columns),
        )
        for reference in found
    ]


def rowids_as_read(src: Source, names: list[str]) -> list[Reference]:
    """The references to a table's rowid, carried as its column ``rowid``
    (:attr:`~columnar_etl.source.tables.SourceTable.rowid_referrers`) between ``names`` (tables as
    read), named as read (:attr:`Source.renamed`)."""
    renamed = src.renamed
    found = []
    for parent in names:
        for child, column in src.table(parent).rowid_referrers:
            if renamed.table(child) in names:
                found.append(
                    Reference(
                        renamed.table(child),
                        (renamed.column(child, column),),
                        parent,
                        (ROWID_KEY,),
                        declared=True,
                        collations=("BINARY",),
                        affinities=("INTEGER",),
                        by_rowid=True,
                    )
                )
    return found


def say_rowid_carried(src: Source, tables: Mapping[str, TableProfile]) -> None:
    """A note on each rowid carried as a column (:func:`rowids_as_read`): why it appeared."""
    for name, table in tables.items():
        referrers = src.table(name).rowid_referrers
        if referrers and ROWID_KEY in table.columns:
            held = ", ".join(f"{src.renamed.table(t)}.{src.renamed.column(t, c)}" for t, c in referrers)
            table[ROWID_KEY].notes.append(
                f"SQLite's rowid of the table, which has no key column: {held} hold it as the row's "
                "identity, so it is loaded as this column (each value the row's rowid, its key)"
            )


def dangling_as_read(src: Source, names: list[str]) -> dict[tuple[str, str], str]:
    """The foreign keys of ``names`` (tables as read) that name a table or column the export lacks
    (:func:`.references.dangling_declarations`), under the export's names."""
    return dangling_declarations(src.path, [src.renamed.export_table(name) for name in names])


def say_dangling_declarations(
    src: Source, profiled: Mapping[str, TableProfile], found: Mapping[tuple[str, str], str]
) -> None:
    """A note on each column whose declared foreign key names a table or column the export lacks
    (``found``: :func:`dangling_as_read`), with its tables and columns named as read."""
    renamed = src.renamed
    for (table, column), why in found.items():
        name, read = renamed.table(table), renamed.column(table, column)
        if name in profiled and read in profiled[name].columns:
            profiled[name][read].notes.append(why)
