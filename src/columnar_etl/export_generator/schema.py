"""What the synthetic export looks like: tables, columns, declared vs intended types, dirt vocabularies.

Nothing here generates data; it is the single description the value generator, the dirt injector and
the truth writer all read, so a column's name, types and possible dirt are stated exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

IntendedType = Literal["integer", "double", "numeric", "boolean", "date", "timestamp", "text"]
Role = Literal["id", "reference", "value"]

#: The profiler's issue kinds, in the order the truth lists them. Each dirty cell has exactly one.
DIRT_KINDS: Final = (
    "empty_string",
    "null_like",
    "whitespace",
    "non_iso_date",
    "impossible_date",
    "unparseable_date",
    "comma_decimal",
    "invalid_number",
    "nul_byte",
    "orphan_reference",
)
DIRT_LEVELS: Final = ("clean", "prod", "heavy", "corrupt")

#: Text stand-ins for "no value" that exports write instead of NULL (exact, case-sensitive matches).
NULL_TOKENS: Final = ("NULL", "N/A", "n/a", "-", "None", "null", "#N/A", "NA", "nil")
#: Values of the right type family but no parse: none is a null token, none is empty.
UNPARSEABLE_DATES: Final = ("TBD", "asap", "next week", "?", "2025-13-45T99", "see notes", "end of Q2")
INVALID_NUMBERS: Final = ("2h", "approx 3", "abc", "3.5.1", "~4", "twelve")

#: Boolean spellings as (true, false) pairs. "true"/"false" is the canonical (clean-level) form.
BOOLEAN_PAIRS: Final = (("true", "false"), ("TRUE", "FALSE"), ("Yes", "No"), ("Y", "N"), ("1", "0"))
BOOLEAN_SPELLINGS: Final = tuple(s for pair in BOOLEAN_PAIRS for s in pair)

# Format names as strftime patterns; the truth counts valid values per format under these keys.
TS_CANONICAL: Final = "%Y-%m-%d %H:%M:%S"
TS_ISO_T_MILLIS: Final = "%Y-%m-%dT%H:%M:%S.%f"
TS_DAY_FIRST: Final = "%d/%m/%Y %H:%M"
DATE_CANONICAL: Final = "%Y-%m-%d"
DATE_DAY_FIRST: Final = "%d/%m/%Y"
TIMESTAMP_FORMATS: Final = (TS_CANONICAL, TS_ISO_T_MILLIS, TS_DAY_FIRST)
DATE_FORMATS: Final = (DATE_CANONICAL, DATE_DAY_FIRST)

_DATE_DIRT = (
    "empty_string",
    "null_like",
    "whitespace",
    "non_iso_date",
    "impossible_date",
    "unparseable_date",
)
_BOOL_DIRT = ("empty_string", "null_like", "whitespace")
# No whitespace on numbers: SQLite's NUMERIC/REAL/INTEGER affinity turns ' 3.5 ' into the REAL 3.5 on
# insert, so a padded number cannot exist in a column declared with a numeric type.
_INT_DIRT = ("empty_string", "null_like", "invalid_number")
_DECIMAL_DIRT = ("empty_string", "null_like", "comma_decimal", "invalid_number")


@dataclass(frozen=True)
class ColumnSpec:
    """One export column: its name as exported, the SQLite type it declares and the type it really holds.

    ``decimals`` is the fixed scale of double/numeric values (generated as integers in units of
    ``10**-decimals`` so sums are exact). ``dirt`` lists the dirt kinds the column may receive.
    """

    name: str
    declared_type: str
    intended_type: IntendedType
    dirt: tuple[str, ...] = ()
    role: Role = "value"
    decimals: int = 0

    @property
    def foreign_key(self) -> str | None:
        """``tickets.TKT-Ticket ID`` for reference columns, else None."""
        return "tickets.TKT-Ticket ID" if self.role == "reference" else None


@dataclass(frozen=True)
class TableSpec:
    """One export table, its columns in export order and its row count at scale 1.0."""

    name: str
    base_rows: int
    columns: tuple[ColumnSpec, ...]

    @property
    def primary_key(self) -> str:
        """The name of the table's id column (always the first)."""
        return self.columns[0].name

    def rows_at(self, scale: float) -> int:
        """Row count at ``scale``: ``max(1, round(base_rows * scale))``."""
        return max(1, round(self.base_rows * scale))


TICKETS: Final = TableSpec(
    "tickets",
    10_939,
    (
        ColumnSpec("TKT-Ticket ID", "INTEGER", "integer", role="id"),
        ColumnSpec("TKT-Subject", "TEXT", "text", ("empty_string", "nul_byte")),
        ColumnSpec("TKT-Status", "VARCHAR(20)", "text", ("whitespace",)),
        ColumnSpec("TKT-Priority", "VARCHAR(10)", "text", ("whitespace",)),
        ColumnSpec("TKT-Agent", "TEXT", "text", ("empty_string", "whitespace")),
        ColumnSpec("TKT-Created Time", "TIMESTAMP", "timestamp", _DATE_DIRT),
        ColumnSpec("TKT-First Response Time", "TIMESTAMP", "timestamp", _DATE_DIRT),
        ColumnSpec("TKT-Resolved Time", "TIMESTAMP", "timestamp", _DATE_DIRT),
        ColumnSpec("TKT-Due Date", "DATE", "date", _DATE_DIRT),
        ColumnSpec("TKT-SLA Breached?", "BOOLEAN", "boolean", _BOOL_DIRT),
        ColumnSpec("TKT-Customer #", "INTEGER", "integer", _INT_DIRT),
        ColumnSpec("TKT-Satisfaction", "REAL", "double", _DECIMAL_DIRT, decimals=6),
    ),
)
COMMENTS: Final = TableSpec(
    "comments",
    108_129,
    (
        ColumnSpec("CMT-Comment ID", "INTEGER", "integer", role="id"),
        ColumnSpec("CMT-Ticket ID", "INTEGER", "integer", ("orphan_reference",), role="reference"),
        ColumnSpec("CMT-Created Time", "TIMESTAMP", "timestamp", _DATE_DIRT),
        ColumnSpec("CMT-Author", "TEXT", "text", ("empty_string", "whitespace")),
        ColumnSpec("CMT-Body", "TEXT", "text", ("empty_string", "nul_byte")),
        ColumnSpec("CMT-Is Public?", "BOOLEAN", "boolean", _BOOL_DIRT),
    ),
)
TIMESHEETS: Final = TableSpec(
    "timesheets",
    141_062,
    (
        ColumnSpec("TS-Entry ID", "INTEGER", "integer", role="id"),
        ColumnSpec("TS-Ticket ID", "INTEGER", "integer", ("orphan_reference",), role="reference"),
        ColumnSpec("TS-Agent", "TEXT", "text", ("whitespace",)),
        ColumnSpec("TS-Date", "DATE", "date", _DATE_DIRT),
        ColumnSpec("TS-Start Time", "TIMESTAMP", "timestamp", _DATE_DIRT),
        # REAL/NUMERIC affinity stores 1.25 as a REAL (a binary double): double precision keeps it exactly.
        ColumnSpec("TS-Hours", "REAL", "double", _DECIMAL_DIRT, decimals=2),
        ColumnSpec("TS-Billable?", "BOOLEAN", "boolean", _BOOL_DIRT),
        ColumnSpec("TS-Rate", "NUMERIC", "double", _DECIMAL_DIRT, decimals=2),
    ),
)
TABLES: Final = (TICKETS, COMMENTS, TIMESHEETS)

#: The one column of the "heavy" level whose slash dates all have day <= 12 (date order undecidable).
AMBIGUOUS_IN_HEAVY: Final = ("tickets", "TKT-Due Date")


def create_table_sql(table: TableSpec) -> str:
    """``CREATE TABLE`` with the export's quoted names and declared types; the id is the primary key."""
    cols = [f'"{table.primary_key}" INTEGER PRIMARY KEY']
    cols += [f'"{c.name}" {c.declared_type}' for c in table.columns[1:]]
    return f'CREATE TABLE "{table.name}" ({", ".join(cols)})'


def insert_sql(table: TableSpec) -> str:
    """Parameterised ``INSERT`` of one full row (identifiers come from the constants above)."""
    marks = ", ".join("?" for _ in table.columns)
    return f'INSERT INTO "{table.name}" VALUES ({marks})'
