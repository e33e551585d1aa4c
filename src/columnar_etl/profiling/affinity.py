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


def declared_family(declared: str) -> InferredType | None:
    """The type a declared SQLite type claims (SQLite's affinity rules, plus date/boolean words); None
    for no type, one SQLite's words do not name, a geometry type, one naming both an integer and
    text, or a time of day or a duration (:func:`time_of_day_or_interval`)."""
    upper = declared.upper()
    if not upper or upper.strip() in _GEOMETRY_TYPES:
        return None
    if "INT" in upper and _names_text(upper):
        # INTEGER_OR_TEXT (PROJ's proj.db): SQLite gives it INTEGER affinity by its rules' order, but
        # the name claims both; the values decide, as for a column with no type.
        return None
    if "BOOL" in upper:
        return "boolean"
    if "TIMESTAMP" in upper or "DATETIME" in upper:
        return "timestamp"
    if time_of_day_or_interval(upper):
        # A time of day (Django's and SQLAlchemy's TIME: 08:42:03.500000) or a duration (INTERVAL,
        # which holds SQLite's INT: PT2H30M, 2:30:00) claims no type the load maps: its values decide,
        # and no rule reads them, so they stay text. Until 2026-12-02 TIME claimed a timestamp and
        # INTERVAL integers: their very values were "text where the declared type says otherwise",
        # and two such columns of a small table halted the run (exit 3).
        return None
    if "DATE" in upper:
        return "date"
    if "INT" in upper:
        return "integer"
    if _names_text(upper) or upper.startswith(_TEXT_WORDS):
        return "text"
    if "REAL" in upper or "FLOA" in upper or "DOUB" in upper:
        return "double"
    if "NUM" in upper or "DEC" in upper or "MONEY" in upper:
        return "numeric"
    return None


def time_of_day_or_interval(declared: str) -> bool:
    """Whether a declared type names a time of day (``TIME``, ``TIME(6)``, ``TIMETZ``, ``TIME WITH TIME
    ZONE``) or a duration (``INTERVAL``): temporal types with no date, which no cleaning rule reads."""
    upper = declared.upper().strip()
    if "TIMESTAMP" in upper or "DATE" in upper:
        return False
    return upper.startswith(("TIME", "INTERVAL"))


def _names_text(upper: str) -> bool:
    return "CHAR" in upper or "CLOB" in upper or "TEXT" in upper
