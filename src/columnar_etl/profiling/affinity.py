"""The type a column's declared SQLite type claims: SQLite's affinity rules, plus date and boolean words.

Pure and light (no data library), so the report can show a declared type's family without importing
the profiler.
"""

from __future__ import annotations

import re

from columnar_etl.models import InferredType

#: Declared types that name text without SQLite's text words (an ORM's STRING, a JSON or UUID column).
_TEXT_WORDS = ("STRING", "JSON", "ENUM", "UUID", "XML", "CITEXT", "NAME")
#: Geometry types (GeoPackage, SpatiaLite): their cells are BLOBs. ``POINT`` holds SQLite's ``INT``,
#: which claimed integers, so every geometry column was reported a type mismatch.
_GEOMETRY_TYPES = frozenset(
    {
        "GEOMETRY",
        "POINT",
        "LINESTRING",
        "POLYGON",
        "MULTIPOINT",
        "MULTILINESTRING",
        "MULTIPOLYGON",
        "GEOMETRYCOLLECTION",
        "CIRCULARSTRING",
        "COMPOUNDCURVE",
        "CURVEPOLYGON",
        "MULTICURVE",
        "MULTISURFACE",
        "CURVE",
        "SURFACE",
    }
)


#: Declared types converters keep from another database that claim none of the families, though
#: SQLite's substring rules would give them one: ``money``'s text is a locale's formatted amount
#: (PostgreSQL writes ``$1,234.50``, ``-$5.00``), no number's; and, see :func:`time_of_day_or_interval`,
#: a duration (PostgreSQL's ``interval``, Oracle's ``INTERVAL DAY TO SECOND``: ``1 day 02:00:00``) holds
#: SQLite's ``INT`` and claimed integers, a ``TIME`` that is no ``TIMESTAMP`` (SQL Server's ``time(7)``,
#: Django's and SQLAlchemy's ``TIME``: ``08:42:03.500000``) claimed a timestamp. Each made a converted
#: column of them "text where the declared type says otherwise", and two such columns of a small table
#: halted the run (exit 3, until 2026-12-02). The values decide their type (they stay text, as written).
_OTHER_DATABASES_TYPES = ("MONEY", "SMALLMONEY")

#: PostgreSQL's auto-incrementing integer types, kept by DDL written for it and run on SQLite (Drizzle's
#: migration journal, ``id SERIAL PRIMARY KEY``): no SQLite word, NUMERIC affinity, integers. A column of
#: them with no value yet (SQLite never fills a SERIAL) was text.
_SERIAL_TYPES = frozenset({"SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4", "SERIAL8"})

#: SQL Server's and MySQL's ``BIT`` (``BIT(1)``): flags and bit fields, held as the integers 0 and 1 (a
#: Python app's bools: pytest-testmon's ``failed BIT``); no SQLite word, NUMERIC affinity. A column of
#: them with no value yet (testmon's ``forced BIT`` after a plain run) was text beside its twin's bigint,
#: and the live text then kept the next export's 0/1 as text. Not PostgreSQL's ``BIT VARYING`` (text of
#: 0s and 1s, ``'0101'``), whose name is more than the word.
_BIT_TYPE = "BIT"


#: Declared types of bytes: SQLite's BLOB affinity (a name holding ``BLOB``: ``MEDIUMBLOB``, MySQL's), and
#: other databases' names for bytes a converter keeps (``BYTEA``, ``VARBINARY(16)``, SQL Server's
#: ``IMAGE``), which SQLite's rules give NUMERIC affinity.
_BINARY_WORDS = ("BYTEA", "BINARY", "VARBINARY", "IMAGE")


def declared_bit(declared: str) -> bool:
    """The declared type is SQL Server's or MySQL's ``BIT`` (:data:`_BIT_TYPE`): a flag, an integer
    family whose 0 and 1 stay numbers, but whose ``true``/``false`` text is a boolean's
    (:func:`columnar_etl.profiling.inference.infer_column`)."""
    return declared.upper().strip().split("(")[0].strip() == _BIT_TYPE


def declared_binary(declared: str) -> bool:
    """The declared type names bytes (see :data:`_BINARY_WORDS`). Only a column with no value goes by it
    (its cells' storage classes decide otherwise: a BLOB cell is bytes whatever the declaration)."""
    upper = declared.upper().strip()
    return "BLOB" in upper or upper.split("(")[0].strip() in _BINARY_WORDS


def declared_family(declared: str) -> InferredType | None:
    """The type a declared SQLite type claims (SQLite's affinity rules, plus date/boolean words); None
    for no type, one SQLite's words do not name, a geometry type, one naming both an integer and
    text, or a time of day or a duration (:func:`time_of_day_or_interval`)."""
    upper = declared.upper()
    bare = upper.strip()
    if not bare or bare in _GEOMETRY_TYPES or bare.startswith(_OTHER_DATABASES_TYPES):
        return None
    if time_of_day_or_interval(bare):
        return None
    if "INT" in upper and _names_text(upper):
        # INTEGER_OR_TEXT (PROJ's proj.db): SQLite gives it INTEGER affinity by its rules' order, but
        # the name claims both; the values decide, as for a column with no type.
        return None
    if "BOOL" in upper:
        return "boolean"
    if "TIMESTAMP" in upper or "DATETIME" in upper:
        return "timestamp"
    if "DATE" in upper:
        return "date"
    if ("INT" in upper and not _names_float(upper)) or bare in _SERIAL_TYPES:
        return "integer"
    if declared_bit(bare):
        return "integer"
    if _names_text(upper) or upper.startswith(_TEXT_WORDS):
        return "text"
    if _names_float(upper):
        # FLOATING POINT: SQLite's INTEGER affinity (the INT of POINT wins by its rules' order) stores a
        # whole value as an INTEGER cell, 1.5 as a REAL one; the name claims a float, and both are one.
        return "double"
    if "NUM" in upper or "DEC" in upper:
        return "numeric"
    return None


#: Declared types of instants, a moment with its zone: PostgreSQL's ``TIMESTAMPTZ`` (Go's bun declares
#: every ``time.Time`` so on SQLite), SQL's ``TIMESTAMP WITH TIME ZONE`` and SQL Server's
#: ``DATETIMEOFFSET``.
_ZONED_TIME = re.compile(r"TIMESTAMPTZ|WITH\s+TIME\s+ZONE|DATETIMEOFFSET")


def declared_zoned(declared: str) -> bool:
    """Whether ``declared`` names instants (:data:`_ZONED_TIME`), whose family (:func:`declared_family`)
    is ``timestamp``; ``TIMESTAMP WITHOUT TIME ZONE`` names none."""
    upper = declared.upper()
    return (
        declared_family(declared) == "timestamp"
        and bool(_ZONED_TIME.search(upper))
        and "WITHOUT" not in upper
    )


#: A declared type's precision and scale: ``DECIMAL(10,2)``, ``NUMERIC(12, 4)``.
_PRECISION_AND_SCALE = re.compile(r"\(\s*\d+\s*,\s*(\d+)\s*\)")


def declared_scale(declared: str) -> int | None:
    """The scale (fraction digits) a declared decimal type names (``DECIMAL(10,2)``: 2); None for a type
    of another family, or one naming no scale (``NUMERIC``, ``DECIMAL(10)``)."""
    if declared_family(declared) != "numeric":
        return None
    found = _PRECISION_AND_SCALE.search(declared)
    return int(found.group(1)) if found else None


def declares_amounts(declared: str) -> bool:
    """The declared type names amounts with fraction digits: a decimal type of a scale above 0
    (``DECIMAL(10,2)``, ``NUMERIC(12,4)``) or a bare ``DECIMAL`` (Django and Rails write every decimal
    field so on SQLite). Not SQL's ``DECIMAL(12)`` (scale 0), nor a plain ``NUMERIC``: SQLite's generic
    affinity name, which applications use for any number (a downloader's day ordinals)."""
    if declared_family(declared) != "numeric":
        return False
    scale = declared_scale(declared)
    if scale is not None:
        return scale > 0
    return "DEC" in declared.upper() and "(" not in declared


def time_of_day_or_interval(declared: str) -> bool:
    """Whether a declared type names a time of day (``TIME``, ``TIME(6)``, ``TIMETZ``, ``TIME WITH TIME
    ZONE``) or a duration (``INTERVAL``): temporal types with no date, which no cleaning rule reads."""
    upper = declared.upper().strip()
    if "TIMESTAMP" in upper or "DATE" in upper:
        return False
    return upper.startswith(("TIME", "INTERVAL"))


#: A time of day without zone: ``TIME``, ``TIME(6)``, ``TIME WITHOUT TIME ZONE`` (not ``TIMETZ``, ``TIME
#: WITH TIME ZONE``, ``TIME(7) WITH TIME ZONE``, whose values carry an offset, nor ``INTERVAL``).
_WALL_CLOCK_TIME = re.compile(r"TIME\s*(\(\s*\d+\s*\))?(\s+WITHOUT\s+TIME\s+ZONE)?")


#: What the note of a column read as ``time`` says (declared_fit.declared_type_notes); dropped where
#: the column becomes text after all (merged_keys.keep_as_written).
READ_AS_TIME = "every value is a time of day (24-hour, no UTC offset), read as time"


def declared_wall_clock_time(declared: str) -> bool:
    """Whether a declared type names a time of day without zone (:data:`_WALL_CLOCK_TIME`): a column
    whose every present value is a time of day (:data:`~columnar_etl.rules.dates.TIME_OF_DAY_REGEX`) is
    read as PostgreSQL's ``time`` (inference.infer_column)."""
    return bool(_WALL_CLOCK_TIME.fullmatch(declared.upper().strip()))


def _names_float(upper: str) -> bool:
    return "REAL" in upper or "FLOA" in upper or "DOUB" in upper


def _names_text(upper: str) -> bool:
    return "CHAR" in upper or "CLOB" in upper or "TEXT" in upper
