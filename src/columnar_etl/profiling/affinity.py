"""The type a column's declared SQLite type claims: SQLite's affinity rules, plus date and boolean words.

Pure and light (no data library), so the report can show a declared type's family without importing
the profiler.
"""

from __future__ import annotations

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
#: SQLite's substring rules would give them one: a duration (PostgreSQL's ``interval``, Oracle's
#: ``INTERVAL DAY TO SECOND``: ``1 day 02:00:00``, ``+02 03:04:05.000000``) holds SQLite's ``INT`` and
#: claimed integers; ``money``'s text is a locale's formatted amount (PostgreSQL writes ``$1,234.50``,
#: ``-$5.00``), no number's. Either made a converted column of them "text where the declared type says
#: otherwise", and two such columns halted the run (exit 3). The values decide their type. So they do
#: for a ``TIME`` that is no ``TIMESTAMP`` (SQL Server's ``time(7)``, PostgreSQL's ``time``, ``timetz``):
#: a time of day is no timestamp (it claimed one, and ``08:42:00`` was text where the declared type
#: says otherwise).
_OTHER_DATABASES_TYPES = ("INTERVAL", "MONEY", "SMALLMONEY")


def declared_family(declared: str) -> InferredType | None:
    """The type a declared SQLite type claims (SQLite's affinity rules, plus date/boolean words); None
    for no type, one SQLite's words do not name, a geometry type, or one naming both an integer and
    text."""
    upper = declared.upper()
    bare = upper.strip()
    if not bare or bare in _GEOMETRY_TYPES or bare.startswith(_OTHER_DATABASES_TYPES):
        return None
    if bare.startswith("TIME") and "TIMESTAMP" not in bare:
        return None  # a time of day
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
    if "INT" in upper:
        return "integer"
    if _names_text(upper) or upper.startswith(_TEXT_WORDS):
        return "text"
    if "REAL" in upper or "FLOA" in upper or "DOUB" in upper:
        return "double"
    if "NUM" in upper or "DEC" in upper:
        return "numeric"
    return None


def _names_text(upper: str) -> bool:
    return "CHAR" in upper or "CLOB" in upper or "TEXT" in upper
