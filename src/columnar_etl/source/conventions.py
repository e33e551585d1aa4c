"""What applications' own conventions say of a table, read from its schema alone: Core Data's dates
(seconds since 2001-01-01 in ``Z`` columns) and a name/value table's settings values, each of the kind
its row's name says."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from columnar_etl.source.naming import camel_words
from columnar_etl.source.schema_objects import SourceIndex
from columnar_etl.source.tables import SourceTable

#: The tables every Apple Core Data SQLite store has beside its entities' (the entities' primary keys'
#: high-water marks, the store's metadata plist), and the columns each entity's table has.
CORE_DATA_TABLES = frozenset({"z_primarykey", "z_metadata"})


CORE_DATA_ENTITY_COLUMNS = frozenset({"z_pk", "z_ent", "z_opt"})


#: Core Data's date attributes: seconds (REAL; INTEGER when whole, under the declaration's NUMERIC
#: affinity) since NSDate's reference date, 2001-01-01 00:00:00 UTC.
CORE_DATA_EPOCH = "2001-01-01"


#: The words of a name/value table's name column (``name``, ``key``, ``option_name``, ``meta_key``,
#: ``setting``, ``configKey``): what names the setting each row holds (:func:`setting_values`).
SETTING_NAME_WORDS = frozenset(
    {
        "name",
        "key",
        "setting",
        "option",
        "property",
        "param",
        "parameter",
        "variable",
        "var",
        "attribute",
        "attr",
        "pref",
        "preference",
        "config",
        "meta",
    }
)


#: The last words of its value column's name (``value``, ``option_value``, ``val``), its other words
#: of :data:`SETTING_NAME_WORDS`.
SETTING_VALUE_WORDS = frozenset({"value", "val"})


#: Words naming the kind of value a value column holds when a name/value table keeps one column per
#: kind (``str_value`` beside a boolean ``value``, as peewee models write settings; ``string_value``,
#: ``int_value``, ``bool_value`` of a metadata store): a value column's other words may be these.
SETTING_KIND_WORDS = frozenset(
    {
        "str",
        "string",
        "text",
        "char",
        "int",
        "integer",
        "bool",
        "boolean",
        "float",
        "double",
        "real",
        "num",
        "number",
        "numeric",
        "decimal",
        "json",
        "date",
        "datetime",
        "time",
        "blob",
        "bytes",
    }
)


def setting_values(tables: dict[str, SourceTable], declared: Sequence[SourceIndex]) -> dict[str, SourceTable]:
    """``tables`` with the value column of each name/value table marked (:attr:`SourceColumn.setting_value`).

    A name/value table holds an application's settings, one per row: a column named as a setting's name
    (:data:`SETTING_NAME_WORDS`: ``name``, ``key``, ``option_name``) that the schema makes unique, alone
    or with one or two other columns (a user's settings: ``PRIMARY KEY (user_id, key)``; a user's settings
    per application, Nextcloud's ``PRIMARY KEY (userid, appid, configkey)``, since 2026-12-06), and a
    column named as its value (:data:`SETTING_VALUE_WORDS`: ``value``, ``option_value``; or for the kind
    of value it holds, :data:`SETTING_KIND_WORDS`: ``str_value``, ``int_value``, since 2026-12-06).
    vnStat's ``info`` (``name TEXT UNIQUE``, ``value TEXT``) holds its version ``2.10``, a schema number
    ``1`` and a creation time; WordPress's ``wp_options``, Joplin's ``settings`` are alike. The value is
    of the kind its row's name says, not the column's: numbers written there as TEXT are kept as that text
    (``profile``), and a next quarter's first word of text is no drift. Names alone decide nothing: the
    schema's uniqueness says each name is one setting (a metrics table's repeated names beside their
    readings are no settings)."""
    unique_sets: dict[str, list[tuple[str, ...]]] = {}
    for index in declared:
        if index.unique and not index.partial and None not in index.columns:
            unique_sets.setdefault(index.table, []).append(tuple(str(name) for name in index.columns))
    marked = dict(tables)
    for name, table in tables.items():
        sets = list(unique_sets.get(name, []))
        key = tuple(column.name for column in table.columns if column.primary_key)
        if key:
            sets.append(key)
        named = {
            column
            for columns in sets
            if 1 <= len(columns) <= 3
            for column in columns
            if _setting_words(column, SETTING_NAME_WORDS)
        }
        if not named:
            continue
        values = [
            column.name
            for column in table.columns
            if column.name not in named
            and _setting_words(column.name, SETTING_VALUE_WORDS, SETTING_NAME_WORDS | SETTING_KIND_WORDS)
        ]
        if values:
            marked[name] = replace(
                table,
                columns=tuple(
                    replace(column, setting_value=True) if column.name in values else column
                    for column in table.columns
                ),
            )
    return marked


def _setting_words(name: str, last: frozenset[str], others: frozenset[str] = SETTING_NAME_WORDS) -> bool:
    """Is ``name`` a setting table's column: its last word of ``last``, its others of ``others``
    (:data:`SETTING_NAME_WORDS`: ``option_name``, ``meta_value``; not ``display_name``; a value
    column's may also name its kind, :data:`SETTING_KIND_WORDS`: ``str_value``, ``int_value``, since
    2026-12-06)? A last word that is such words glued in lower case (``configkey``, ``configvalue``,
    ``propertyname``, as many PHP schemas name them: Nextcloud's ``oc_preferences``) is read as those
    words (since 2026-12-06); ``username`` and ``filename`` are no such words."""
    words = camel_words(name)
    if not words:
        return False
    *before, final = words
    glued = re.fullmatch(f"(?:{'|'.join(sorted(SETTING_NAME_WORDS))})+(?:{'|'.join(sorted(last))})", final)
    return (final in last or glued is not None) and all(word in others for word in before)


def core_data_dates(tables: dict[str, SourceTable]) -> dict[str, SourceTable]:
    """``tables`` with each Core Data date attribute's column marked as counting from 2001-01-01.

    In a Core Data store (its ``Z_PRIMARYKEY`` and ``Z_METADATA`` tables; an entity's table has
    ``Z_PK``, ``Z_ENT`` and ``Z_OPT``) a column declared ``TIMESTAMP`` holds seconds since 2001-01-01
    UTC, not since 1970: whole seconds of 10^9 and up (from 2032-09-09) are in the range the profile
    reads as Unix seconds, and 8-digit ones as ``YYYYMMDD`` dates, in another file. Here they are
    numbers (``double precision``, ``bigint``): the instant is one SQL expression away
    (docs/runbook.md), and a number is what the file holds."""
    if not CORE_DATA_TABLES.issubset(name.lower() for name in tables):
        return tables
    marked = {}
    for name, table in tables.items():
        if CORE_DATA_ENTITY_COLUMNS.issubset(column.name.lower() for column in table.columns):
            columns = tuple(
                replace(column, counts_from=CORE_DATA_EPOCH)
                if column.declared_type.strip().upper() == "TIMESTAMP"
                else column
                for column in table.columns
            )
            table = replace(table, columns=columns)
        marked[name] = table
    return marked
