"""Measuring inclusion: how many of a child column's values are a parent key's, compared as stored."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from string import ascii_lowercase, ascii_uppercase

from columnar_etl.models import ColumnProfile, Issue, TableProfile
from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.profiling.profile_codes import EXAMPLES
from columnar_etl.profiling.reference_rows import NIL_UUIDS, KeptValues, Reference, names_parent_table
from columnar_etl.profiling.value_text import trimmed_sql
from columnar_etl.source.cells import ColumnRead, class_column, hex_column, sqlite_affinity
from columnar_etl.source.export import Source
from columnar_etl.source.naming import (
    key_named_for,
    names_own_parent,
)

#: The kind of an inferred reference between bytea columns: each cell compared by its bytes (a BLOB's,
#: a TEXT cell's UTF-8), as the target holds them, whatever its storage class (:func:`_bytes_value`).
BYTES = "bytea"
#: The values an application writes in a reference column for "no reference" (MySQL's ``0``, and
#: ``-1``; the module's last paragraph): counted apart from the orphans when no parent key matches
#: them and all keys lie above 0. So is any other negative integer, where those keys are numbers
#: (Lollypop's ``-10`` for a compilation's artists; since 2026-12-06).
NO_REFERENCES = ("0", "-1")


#: The kind of a declared reference's text compared as its parent key's ``COLLATE NOCASE`` compares it.
NOCASE_TEXT = "text, ASCII case folded"
#: The kind of a declared reference compared as SQLite compares it with a key of INTEGER, REAL or
#: NUMERIC affinity: the key's affinity is applied to the child's value first, so text that reads as
#: a number (``007``, ``+7``, ``7.0``, `` 7``, ``7e0``, ``2.50``) is that number; other text stays text.
NUMBER_TEXT = "text, numbers by number"
#: :data:`NUMBER_TEXT` for a key of numeric affinity declared ``COLLATE NOCASE``: its text that is no
#: number compared ASCII case folded (``'abc'`` is the key ``'ABC'``), as SQLite's check compares it.
NUMBER_NOCASE = "text, numbers by number, ASCII case folded"
#: The kind of a REAL column of whole numbers (pandas' float64 for an integer column with a blank, ``12.0``)
#: measured against an integer key: each value as its number (:func:`_as_number`: ``12.0`` is ``12``,
#: ``12.5`` stays ``12.5``, a key of none), never rounded as DuckDB's cast to BIGINT rounds it.
WHOLE_NUMBERS = "whole numbers"
#: The kinds compared as integers: the rules for integer keys apply (``profiling.references``).
INTEGER_KINDS = frozenset({"integer", WHOLE_NUMBERS})
#: The kinds reading a child's text as a key of numeric affinity does.
NUMBER_KINDS = frozenset({NUMBER_TEXT, NUMBER_NOCASE})
#: The kind of a declared reference to a key of no affinity (an untyped column, ``BLOB``, a STRICT
#: table's ``ANY``): SQLite converts nothing, so a value matches only one of its own storage class
#: (numbers by number, text as text: the text ``'1'`` is no integer 1).
AS_STORED = "as stored"
#: :data:`AS_STORED`, its text compared as a ``COLLATE NOCASE`` key compares it.
AS_STORED_NOCASE = "as stored, ASCII case folded"
#: The kinds of text compared as written (untrimmed, ``''`` a value), where the parent key is loaded
#: as written (``ColumnProfile.as_written``), and so the referencing column: ``'abc  '`` names no key
#: ``'abc '`` there, as in SQLite. Each value is compared after a ``=``, which sets it apart from a
#: BLOB's (:func:`_blob_value`).
WRITTEN_TEXT = "text as written"
#: :data:`WRITTEN_TEXT`, compared as its key's ``COLLATE NOCASE`` compares it.
WRITTEN_NOCASE = "text as written, ASCII case folded"
_WRITTEN = {"text": WRITTEN_TEXT, NOCASE_TEXT: WRITTEN_NOCASE}
#: The kinds of a declared reference's text compared as SQLite's foreign key check compares it, where
#: the key is not loaded as written: untrimmed (``'x'`` names no key ``'x '``), by the key's collating
#: sequence (``BINARY``; ``NOCASE``, ASCII case folded; ``RTRIM``, trailing spaces ignored). A blank
#: value (``''``, spaces) alone is no value, as cleaning makes it NULL (its own issue). Each value is
#: compared after a ``=``, as :data:`WRITTEN_TEXT`'s.
SQLITE_TEXT = "text as SQLite compares it"
SQLITE_NOCASE = "text as SQLite compares it, ASCII case folded"
SQLITE_RTRIM = "text as SQLite compares it, trailing spaces ignored"
#: The kinds whose values carry the ``=`` of :data:`WRITTEN_TEXT`.
_EQUALS_KINDS = frozenset(
    {
        WRITTEN_TEXT,
        WRITTEN_NOCASE,
        SQLITE_TEXT,
        SQLITE_NOCASE,
        SQLITE_RTRIM,
        NUMBER_TEXT,  # its text that is no number
        NUMBER_NOCASE,
        AS_STORED,  # its TEXT cells
        AS_STORED_NOCASE,
    }
)
#: SQLite's affinities that read a child's text as a number before comparing it with the parent key.
NUMBER_AFFINITIES = frozenset({"INTEGER", "REAL", "NUMERIC"})
#: A double of an integer's value strictly within this bound (in magnitude) is that integer, as SQLite's
#: numeric affinity makes it (``sqlite3VdbeIntegerAffinity``): ``'1e16'`` is the INTEGER 10^16, and
#: ``'9007199254740993.0'`` the double 2^53, so the integer 9007199254740992; 2^63 itself stays a REAL.
_INTEGER_BOUND = 2**63
#: A text SQLite's numeric affinity reads as a number (a decimal, an exponent; no hexadecimal).
NUMBER_SHAPE = "[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?"
#: The blanks SQLite reads past at either end of a number (``sqlite3Isspace``: space, tab, newline,
#: vertical tab, form feed, carriage return; no other Unicode space), as an RE2 class.
_SQLITE_BLANK = "[ \\t\\n\\v\\f\\r]"


def _number_or_written(text: str, written: str) -> str:
    """SQL: a TEXT cell (``text``) as a key's numeric affinity makes it: a number (:func:`_as_number`)
    when it reads as one past SQLite's blanks (:data:`_SQLITE_BLANK`: ``' 7 '`` is 7, ``'7'`` + NBSP is
    text), else ``written``, the text as written (untrimmed: ``'abc '`` names no key ``'abc'``); a blank
    value (``''``, Unicode spaces) is no value, as cleaning makes it NULL."""
    bare = f"regexp_replace({text}, '^{_SQLITE_BLANK}+|{_SQLITE_BLANK}+$', '', 'g')"
    return f"CASE WHEN nullif({trimmed_sql(text)}, '') IS NOT NULL THEN {_as_number(bare, written)} END"


def _as_number(text: str, otherwise: str | None = None) -> str:
    """SQL: ``text`` (trimmed, not blank) as a numeric affinity reads it, when that is a number: an
    integer as its canonical digits (``007`` → ``7``, ``+7.00`` → ``7``, ``7e1`` → ``70``, ``-0`` →
    ``0``), another number as its double's shortest text (``2.50`` → ``2.5``, ``.5`` → ``0.5``), as a
    REAL key's own value reads; other text as it is (``0x1``, ``1_0``, words: SQLite reads no
    hexadecimal or underscore). DuckDB's own cast is looser (it rounds ``1.5`` to a BIGINT, reads
    ``0x1`` and ``1_0``): shapes are checked first. A fraction or an exponent is read as the double
    SQLite reads, an integer when that double is one (:data:`_INTEGER_BOUND`), past 2^53 too:
    ``'9007199254740995.0'`` is 9007199254740996, as in SQLite; only the digits of an integer written
    as one are exact (``'9007199254740993'``). ``otherwise``: SQL for text that is no number (``text``
    itself by default)."""
    real = f"try_cast({text} AS DOUBLE)"
    return (
        f"CASE WHEN regexp_full_match({text}, '[+-]?[0-9]+') AND try_cast({text} AS BIGINT) IS NOT NULL "
        f"THEN CAST(try_cast({text} AS BIGINT) AS VARCHAR) "
        f"WHEN regexp_full_match({text}, '{NUMBER_SHAPE}') AND isfinite({real}) THEN "
        f"CASE WHEN abs({real}) < {_INTEGER_BOUND}::DOUBLE AND {real} = trunc({real}) "
        f"THEN CAST(CAST({real} AS BIGINT) AS VARCHAR) ELSE CAST({real} AS VARCHAR) END "
        f"ELSE {otherwise or text} END"
    )


def _blob_value(hex_text: str) -> str:
    """SQL: a BLOB cell's compared value (its bytes' ``hex_text``): ``x'31'`` after a space, which no
    other compared value has (they are trimmed, or follow a ``=``): a BLOB equals only a BLOB of the
    same bytes, as in SQLite, whose affinities convert no BLOB (``x'31'`` is no key 1, nor ``'1'``)."""
    return "' x''' || " + hex_text + " || ''''"


def _bytes_value(text: str, hex_text: str) -> str:
    """SQL: a bytea column's cell (``text``, its text; ``hex_text``, its bytes in hex where a BLOB or
    a TEXT cell not valid UTF-8, else NULL) as the bytes the target holds: a BLOB's, another cell's
    UTF-8 (a bytea column loads its TEXT cells as their bytes), as :func:`_blob_value` writes them.
    No bytes at all (an empty BLOB, ``x''``) are none, as a blank is no text compared: NULL. A null
    hash written so names no row (monotone's root revision, whose ``revision_ancestry.parent`` is
    ``x''``: its 7 parents beside it were 7 of 8 values, and no reference was found until 2026-12-06);
    the target keeps it as written."""
    return _blob_value(f"nullif(coalesce({hex_text}, hex(encode({text}))), '')")


def compared_value(text: str, kind: str, stored: str | None = None) -> str:
    """A cell (``text``, its text) as the text compared: trimmed, blank as NULL; integers in canonical
    form (``01`` → 1; the cast itself ignores surrounding blanks). ``stored``: under :data:`AS_STORED`,
    SQL giving the cell's storage class letter (``'i'``, ``'r'``, ``'t'``...), else the column holds
    text alone."""
    if kind == "integer":
        return f"CAST(try_cast({text} AS BIGINT) AS VARCHAR)"
    if kind == WHOLE_NUMBERS:
        return _as_number(f"nullif({trimmed_sql(text)}, '')")
    if kind == NUMBER_TEXT:  # text that is no number after a '=', as written (no number starts so)
        return _number_or_written(text, f"'=' || {text}")
    if kind == NUMBER_NOCASE:
        return _number_or_written(text, compared_value(text, WRITTEN_NOCASE))
    if kind in (AS_STORED, AS_STORED_NOCASE):
        number = _as_number(f"nullif({trimmed_sql(text)}, '')")
        # TEXT cells as written after a '=': the text '1' is no integer 1, nor ' 1' the text '1'.
        written = compared_value(text, WRITTEN_NOCASE if kind == AS_STORED_NOCASE else WRITTEN_TEXT)
        plain = f"CASE WHEN nullif({trimmed_sql(text)}, '') IS NOT NULL THEN {written} END"
        return f"CASE WHEN {stored or repr('t')} IN ('i', 'r') THEN {number} ELSE {plain} END"
    if kind == NOCASE_TEXT:  # SQLite's NOCASE folds the 26 ASCII letters only
        return f"translate(nullif({trimmed_sql(text)}, ''), '{ascii_uppercase}', '{ascii_lowercase}')"
    if kind == WRITTEN_TEXT:
        return f"'=' || {text}"
    if kind == WRITTEN_NOCASE:
        return f"'=' || translate({text}, '{ascii_uppercase}', '{ascii_lowercase}')"
    if kind in (SQLITE_TEXT, SQLITE_NOCASE, SQLITE_RTRIM):
        written = {
            SQLITE_TEXT: text,
            SQLITE_NOCASE: f"translate({text}, '{ascii_uppercase}', '{ascii_lowercase}')",
            SQLITE_RTRIM: f"rtrim({text}, ' ')",  # RTRIM ignores trailing spaces (U+0020) only
        }[kind]
        return f"CASE WHEN nullif({trimmed_sql(text)}, '') IS NOT NULL THEN '=' || {written} END"
    return f"nullif({trimmed_sql(text)}, '')"


def as_written_kind(kind: str, key: ColumnProfile) -> str:
    """``kind``, or its as-written form (:data:`WRITTEN_TEXT`) where ``key`` is loaded as written."""
    return _WRITTEN.get(kind, kind) if key.as_written is not None else kind


def as_sqlite_kind(kind: str, key: ColumnProfile, collation: str | None) -> str:
    """How a declared reference's values of ``kind`` (:func:`declared_kind`) are counted: as written
    where ``key`` is loaded as written (:func:`as_written_kind`), else text as SQLite compares it
    (:data:`SQLITE_TEXT`: untrimmed, by the key's ``collation``)."""
    if key.as_written is not None:
        return as_written_kind(kind, key)
    if kind == "text":
        return SQLITE_RTRIM if collation == "RTRIM" else SQLITE_TEXT
    return SQLITE_NOCASE if kind == NOCASE_TEXT else kind


def _shown(value: str, kind: str) -> str:
    """A compared value as an example shows it: without the ``=`` of :data:`WRITTEN_TEXT` (and of the
    text of :data:`NUMBER_TEXT`, :data:`AS_STORED`), or the space setting a BLOB's value apart."""
    if kind in _EQUALS_KINDS and value.startswith("="):
        return value[1:]
    return value.lstrip(" ")


def shown_sql(value: str, kind: str) -> str:
    """:func:`_shown` in SQL."""
    if kind in _EQUALS_KINDS:
        return f"CASE WHEN starts_with({value}, '=') THEN {value}[2:] ELSE ltrim({value}, ' ') END"
    return f"ltrim({value}, ' ')"


#: One pair to measure: (child table, child column, parent table, parent key column, kind compared).
Pair = tuple[str, str, str, str, str]


@dataclass(frozen=True)
class Inclusion:
    """How a child column's values fit one parent key. ``found``: its distinct values that are keys;
    ``keys``: the parent's distinct key values (0 when none is found); ``reach``: the rank (1 = lowest,
    ``keys`` = highest, by number) of the highest key found, 0 when none; ``low``, ``high``: the lowest
    and highest key found as integers (``None`` when none, or not compared as integers);
    ``no_reference``: the child rows holding one of :data:`NO_REFERENCES` where it stands for no
    reference (not among ``orphans``), ``no_reference_values`` those values, highest first;
    ``elsewhere``: the ``orphans`` whose value is a key of another parent measured for the same child
    column (measured so only on request: :func:`measure`); ``distinct``: the child column's distinct
    values measured (keys, orphans and those standing for no reference)."""

    parent: str
    key: str
    share: float
    orphans: int
    examples: tuple[str, ...]
    found: int
    keys: int
    reach: int
    low: int | None
    high: int | None
    no_reference: int = 0
    no_reference_values: tuple[str, ...] = ()
    elsewhere: int = 0
    distinct: int = 0


#: Non-NULL cells per storage class (``ColumnProfile.storage_classes``) of (table, column).
Classes = Mapping[tuple[str, str], Mapping[str, int]]


def needs_classes(kind: str, classes: Mapping[str, int]) -> bool:
    """Whether a column's values are compared by their storage classes, each cell's read with it: it
    holds a BLOB (no text equals it), or, compared :data:`AS_STORED`, text beside numbers, or it is
    compared by its bytes (:data:`BYTES`)."""
    if classes.get("blob") or kind == BYTES:
        return True
    numbers = classes.get("integer", 0) + classes.get("real", 0)
    return kind in (AS_STORED, AS_STORED_NOCASE) and bool(numbers and classes.get("text"))


def _numbers_alone(classes: Mapping[str, int]) -> bool:
    return not classes.get("text") and not classes.get("blob")


def inclusion_sql(
    src: Source,
    pairs: list[Pair],
    kept: Mapping[str, KeptValues] | None = None,
    classes: Classes | None = None,
    elsewhere: bool = False,
    cleared: Mapping[int, Sequence[str]] | None = None,
) -> tuple[str, list[tuple[str, str, str]]]:
    """One query measuring every pair: each table involved is read once (its needed columns
    unpivoted to (column, value) rows), the joins run on DuckDB's copy of those values. Columns the
    profile kept (``kept``, by table) are not read: their kept values are counted. ``classes``: the
    columns' storage classes, by (table, column): a column holding BLOBs (or, compared
    :data:`AS_STORED`, text beside numbers) is read with each cell's class, as SQLite compares them.
    ``elsewhere``: also count each pair's orphans that are keys of another parent of its child column.
    ``cleared``: by pair number, the null tokens cleaning reads as NULL in its child column
    (:meth:`ColumnProfile.read_as_null`): a cell holding one names no row in the target, as a blank
    names none, so it is no value of the pair (no orphan, not among its distinct values).

    Returns the SQL and the (table, column, kind) each unpivoted column number stands for.
    """
    held_classes = classes or {}
    # Each column's number, by a dict: with hundreds of tables the pairs number in the 100,000s (every
    # small-integer column may fit every integer key), and a list's index() made this quadratic.
    numbers: dict[tuple[str, str, str], int] = {}
    for child, column, parent, key, kind in pairs:
        for needed in ((child, column, kind), (parent, key, kind)):
            numbers.setdefault(needed, len(numbers))
    columns = list(numbers)
    scans = []
    # Kept values, by the expression that reads them as compared: each expression is written once,
    # over the union of the kept columns it reads. Written once per column, the query of 200 small
    # tables (395 columns) took 1.0 s to bind, most of what measuring their references cost.
    kept_reads: dict[str, list[str]] = {}
    for table in dict.fromkeys(t for t, _, _ in columns):
        values = (kept or {}).get(table)
        # A column compared by its cells' storage classes is read again (the kept values have none).
        classed = {
            c for t, c, kind in columns if t == table and needs_classes(kind, held_classes.get((t, c), {}))
        }
        held = {c: i for c, i in values.columns.items() if c not in classed} if values is not None else {}
        mine = [(n, c, kind) for n, (t, c, kind) in enumerate(columns) if t == table and c not in held]
        if values is not None:
            for n, (t, c, kind) in enumerate(columns):
                if t == table and c in held:
                    read = f"SELECT 'c{n}' AS col, val, weight FROM {quote_ident(values.name)}"
                    value = _unclassed_value(held_classes, t, c, kind)
                    kept_reads.setdefault(value, []).append(f"{read} WHERE idx = {held[c]}")
        if not mine:
            continue
        # Only the columns compared; integers need no decoding (they are cast to a number).
        kinds = {c: kind for _, c, kind in mine}
        # Numbers compared by number read a REAL with all its digits (SQLite's text keeps 15: 0.3 and
        # 0.30000000000000004 would be one); text compared as text reads it as SQLite's TEXT affinity
        # writes it.
        reads = compared_reads(table, [(c, kind) for _, c, kind in mine], classed, held_classes)
        place = {c: index for index, c in enumerate(kinds)}
        selected = ", ".join(
            f"{read_value(table, c, kind, place[c], held_classes, c in classed)} AS c{n}"
            for n, c, kind in mine
        )
        listed = ", ".join(f"c{n}" for n, _, _ in mine)
        scans.append(
            f"SELECT col, val, 1 AS n FROM (UNPIVOT (SELECT {selected} FROM "
            f"{src.relation_sql(table, reads=reads)}) ON {listed} INTO NAME col VALUE val)"
        )
    scans += [
        f"SELECT col, val, n FROM (SELECT col, {value} AS val, weight AS n FROM "
        f"({' UNION ALL '.join(reads)})) WHERE val IS NOT NULL"
        for value, reads in kept_reads.items()
    ]
    wanted = ", ".join(
        f"('c{numbers[(c, col, kind)]}', 'c{numbers[(p, key, kind)]}', {index}, {elsewhere})"
        for index, (c, col, p, key, kind) in enumerate(pairs)
    )
    # A child value standing for "no reference" (the module's last paragraph), where it matches no key.
    spelled = ", ".join(f"'{mark}{value}'" for value in NO_REFERENCES for mark in ("", "="))
    nil = ", ".join(f"'{value}'" for value in NIL_UUIDS)
    # Any other negative integer (Lollypop's -10 for a compilation's artists) beside keys that are
    # numbers, all above 0: an application's code for a row it has none of, as -1 is.
    negative = "regexp_full_match(v.val, '=?-[1-9][0-9]{0,18}')"
    none = (
        f"((v.val IN ({spelled}) AND coalesce(lowest.low > 0, true)) OR ({negative} AND lowest.low > 0) "
        f"OR v.val IN ({nil}))"
    )
    # Each pair's child values read as NULL by cleaning (its null tokens as compared), left out.
    nulls = ", ".join(
        f"({index}, {compared_value(quote_literal(token), pairs[index][4])})"
        for index, tokens in sorted((cleared or {}).items())
        if pairs[index][4] not in ("integer", BYTES)
        for token in tokens
    )
    sql = (
        f"WITH cells AS MATERIALIZED ({' UNION ALL '.join(scans)}), "
        "counted AS MATERIALIZED (SELECT col, val, sum(n) AS n FROM cells GROUP BY col, val), "
        f"pairs(child, parent, pair, asked) AS (VALUES {wanted}), "
        f"cleared(pair, val) AS ({f'VALUES {nulls}' if nulls else 'SELECT NULL, NULL WHERE false'}), "
        # Each parent's values ranked by number (text values, not numbers, rank last): how far into
        # the keys a child's values reach, whatever outlying keys stretch the range.
        "keys AS MATERIALIZED (SELECT col, val, row_number() OVER (PARTITION BY col "
        "ORDER BY try_cast(val AS BIGINT) NULLS LAST, val) AS r, count(*) OVER (PARTITION BY col) AS keys "
        "FROM counted WHERE col IN (SELECT parent FROM pairs)), "
        # Each parent's lowest key as a number (NULL: none is one): a "no reference" 0 lies below it.
        "lowest AS (SELECT col, min(try_cast(CASE WHEN starts_with(val, '=') THEN val[2:] ELSE val END "
        "AS BIGINT)) AS low FROM keys GROUP BY col), "
        # Each child's values that are a key of any parent measured with it (when asked): an orphan of
        # one parent that is another's key names a row of another table (a column of several tables').
        "keyed AS MATERIALIZED (SELECT DISTINCT p.child, v.val FROM pairs p "
        "JOIN counted v ON v.col = p.child JOIN keys k ON k.col = p.parent AND k.val = v.val WHERE p.asked) "
        "SELECT pairs.pair, count(*) AS distinct_values, count(k.val) AS found, "
        f"coalesce(sum(v.n) FILTER (WHERE k.val IS NULL AND NOT {none}), 0) AS orphans, "
        f"min(v.val, {EXAMPLES}) FILTER (WHERE k.val IS NULL AND NOT {none}) AS examples, "
        "coalesce(max(k.r), 0) AS reach, coalesce(max(k.keys), 0) AS keys, "
        "min(try_cast(k.val AS BIGINT)) AS low, max(try_cast(k.val AS BIGINT)) AS high, "
        f"coalesce(sum(v.n) FILTER (WHERE k.val IS NULL AND {none}), 0) AS no_reference, "
        # Which of them, as numbers (a '=' marks a value read with its storage class), highest first; a
        # nil UUID as it is.
        "list(DISTINCT coalesce(CAST(try_cast(CASE WHEN starts_with(v.val, '=') THEN v.val[2:] ELSE v.val "
        "END AS BIGINT) AS VARCHAR), v.val)) "
        f"FILTER (WHERE k.val IS NULL AND {none}) AS no_reference_values, "
        f"coalesce(sum(v.n) FILTER (WHERE k.val IS NULL AND NOT {none} AND e.val IS NOT NULL), 0) "
        "AS elsewhere "
        "FROM pairs JOIN counted v ON v.col = pairs.child "
        "LEFT JOIN keys k ON k.col = pairs.parent AND k.val = v.val "
        "LEFT JOIN keyed e ON e.child = pairs.child AND e.val = v.val "
        "LEFT JOIN lowest ON lowest.col = pairs.parent "
        "WHERE NOT EXISTS (SELECT 1 FROM cleared x WHERE x.pair = pairs.pair AND x.val = v.val) "
        "GROUP BY pairs.pair"
    )
    return sql, columns


def _unclassed_value(classes: Classes, table: str, column: str, kind: str, text: str = "val") -> str:
    """A cell's compared value, read without its storage class: a column of one kind of cells."""
    stored = "'i'" if _numbers_alone(classes.get((table, column), {})) else None
    return compared_value(text, kind, stored)


def read_value(table: str, column: str, kind: str, place: int, classes: Classes, classed: bool) -> str:
    """A cell's compared value as read (``place``: its column's among the reads)."""
    text = f"CAST({quote_ident(column)} AS VARCHAR)"
    if not classed:
        return _unclassed_value(classes, table, column, kind, text)
    stored = quote_ident(class_column(place))
    if kind == BYTES:
        return _bytes_value(text, quote_ident(hex_column(place)))
    value = compared_value(text, kind, stored)
    if classes.get((table, column), {}).get("blob"):
        value = (
            f"CASE WHEN {stored} = 'b' THEN {_blob_value(quote_ident(hex_column(place)))} ELSE {value} END"
        )
    return value


def storage_classes(
    tables: Mapping[str, TableProfile], *, as_stored: bool = False
) -> dict[tuple[str, str], Mapping[str, int]]:
    """Each profiled column's storage classes (``ColumnProfile.storage_classes``) by (table, column).

    ``as_stored``: as SQLite stores the cells, its foreign key check compares them: a BLOB the profile
    read as the numeral it spells (``ColumnProfile.blob_numerals``, counted under ``text``) is a BLOB,
    read with its class and bytes and equal to no number (``x'31'`` names no key 1). Without it, as
    the profile reads them, and so the target holds them (the number 1)."""
    return {
        (name, column.name): _as_stored(column) if as_stored else column.storage_classes
        for name, table in tables.items()
        for column in table
    }


def _as_stored(column: ColumnProfile) -> Mapping[str, int]:
    """``column``'s storage classes, its BLOBs read as numerals (:func:`storage_classes`) BLOBs again."""
    if not column.blob_numerals:
        return column.storage_classes
    classes = dict(column.storage_classes)
    classes["text"] = classes.get("text", 0) - column.blob_numerals
    classes["blob"] = classes.get("blob", 0) + column.blob_numerals
    return {kind: n for kind, n in classes.items() if n}


def measure(
    src: Source,
    pairs: list[Pair],
    kept: Mapping[str, KeptValues] | None = None,
    classes: Classes | None = None,
    elsewhere: bool = False,
    cleared: Mapping[int, Sequence[str]] | None = None,
) -> dict[int, Inclusion]:
    """The fit of each pair's child column to its parent key (by pair number), by one query
    (``classes``, ``elsewhere``, ``cleared``: see :func:`inclusion_sql`)."""
    if not pairs:
        return {}
    sql, _ = inclusion_sql(src, pairs, kept, classes, elsewhere, cleared)
    found = {}
    rows = src.connection.cursor().execute(sql).fetchall()
    for pair, distinct, hits, orphans, examples, reach, keys, low, high, none, nones, elsewhere in rows:
        _, column, parent, key, kind = pairs[int(pair)]
        nones = tuple(sorted(set(nones or ()), key=_no_reference_order, reverse=True))
        share = _share_of_references(
            column, parent, int(distinct), int(hits), len(nones), key, nil=bool(set(nones) & set(NIL_UUIDS))
        )
        ends = (int(low), int(high)) if kind in INTEGER_KINDS and None not in (low, high) else (None, None)
        found[int(pair)] = Inclusion(
            parent,
            key,
            share,
            int(orphans),
            tuple(_shown(example, kind) for example in examples or ()),
            int(hits),
            int(keys),
            int(reach),
            ends[0],
            ends[1],
            no_reference=int(none),
            no_reference_values=nones,
            elsewhere=int(elsewhere),
            distinct=int(distinct),
        )
    return found


def _no_reference_order(value: str) -> tuple[int, int]:
    """``0`` before ``-1`` (highest first, reversed), a nil UUID after both."""
    return (0, 0) if value in NIL_UUIDS else (1, int(value))


def _share_of_references(
    column: str, parent: str, distinct: int, hits: int, none: int, key: str = "", *, nil: bool = False
) -> float:
    """The share of a child column's distinct values that are keys of ``parent``. The ``none`` values
    standing for no reference (0, -1) are left out of them where the column's name names the parent
    (Skrooge's ``r_payee_id`` beside ``payee``, osTicket's ``staff_id``, Hamster's ``category_id``
    beside ``categories``): otherwise, among the 8 payees of a small book, the 0 alone was a ninth
    value, 89 %, and no reference was found (since 2026-12-05, for -1 too). So are they where the name
    says a tree's parent (:func:`names_own_parent`): 0 is a root's "no parent", whichever table the
    tree is of (a term's ``parent_target_id`` 0..3 beside terms keyed 1..6: since 2026-12-06, before 3
    of 4 values). A name naming no table keeps them among its values (an enum 0..8 beside 8 rows).

    The nil UUID (``nil``: one of the ``none`` values is one of :data:`.reference_rows.NIL_UUIDS`) is left out
    whatever the name: no generator draws it and no enum counts from it, so beside GUID keys it is
    "none" and nothing else (FileFlows' ``LibraryFile.FlowUid``, ``Guid.Empty`` for a file no flow
    took yet, beside its flows' keys in ``DbObject.Uid``: until 2026-12-06 a third value, 67 %, and
    no reference was found)."""
    named = names_parent_table(column, parent) or key_named_for(column, key) or names_own_parent(column)
    return _share(hits, distinct, none, aside=bool(named or nil))


def _share(hits: int, distinct: int, none: int, *, aside: bool) -> float:
    """``hits`` over ``distinct`` values, the ``none`` values standing for no reference left out of
    them where ``aside`` (and some other value is left)."""
    if aside and none and distinct > none:
        return hits / (distinct - none)
    return hits / distinct if distinct else 0.0


def roots_aside(fit: Inclusion) -> Inclusion:
    """``fit`` with its values standing for no reference (0, negatives: a tree's roots) left out of the
    values its share is of, as :func:`_share_of_references` leaves them out under a name naming the
    parent: where the rows show them a tree's roots (:func:`.trees.roots_apart`)."""
    return replace(fit, share=_share(fit.found, fit.distinct, len(fit.no_reference_values), aside=True))


def declared_kind(
    child: ColumnProfile, parent: ColumnProfile, collation: str | None, affinity: str | None = None
) -> str:
    """How a declared reference's values are compared: as SQLite's foreign key check compares them,
    the parent key's ``affinity`` (:func:`.references.key_affinity`; None: its declared type's) applied to the
    child's value first. Integers with integers; a key of numeric affinity reads the child's text as
    a number (:data:`NUMBER_TEXT`: ``'007'`` is the key 7, ``'2.50'`` the key 2.5); a key of none
    converts nothing (:data:`AS_STORED`: ``'1'`` is no key 1); a ``COLLATE NOCASE`` key folds ASCII case."""
    affinity = affinity or sqlite_affinity(parent.declared_type)
    nocase = collation == "NOCASE"
    if affinity == "BLOB":
        if integers_alone(child) and integers_alone(parent):
            return "integer"
        return AS_STORED_NOCASE if nocase else AS_STORED
    # Integers with integers, unless a value of either is none (a word, quarantined by cleaning): SQLite
    # still compares it, by the key's affinity, and finds no key.
    integers = not child.invalid_count and not parent.invalid_count
    if (child.inferred_type, parent.inferred_type) == ("integer", "integer") and integers:
        return "integer"
    if affinity in NUMBER_AFFINITIES:
        return NUMBER_NOCASE if nocase else NUMBER_TEXT
    return NOCASE_TEXT if nocase else "text"


def comparison_affinity(reference: Reference, key: str) -> str | None:
    """The affinity SQLite applies to a child's value compared with ``key``, one of the reference's
    parent columns (None: unknown)."""
    if not reference.affinities:
        return None
    return reference.affinities[reference.parent_columns.index(key)]


def integers_alone(column: ColumnProfile) -> bool:
    """Whether ``column`` holds INTEGER cells alone (none of another storage class)."""
    return not any(n for kind, n in column.storage_classes.items() if kind not in ("integer", "null"))


def compared_reads(
    table: str, compared: list[tuple[str, str]], classed: set[str], classes: Classes
) -> list[ColumnRead]:
    """How each column of ``table`` compared (``(column, kind)`` pairs, a column perhaps in several) is
    read: integers need no decoding (they are cast to a number) unless their storage classes are read;
    numbers compared by number read a REAL with all its digits (SQLite's text keeps 15: 0.3 and
    0.30000000000000004 would be one); BLOB cells as hex."""
    kinds = dict(compared)
    exact = {
        c
        for c, kind in compared
        if kind in (NUMBER_TEXT, NUMBER_NOCASE, AS_STORED, AS_STORED_NOCASE, WHOLE_NUMBERS)
    }
    return [
        ColumnRead(
            c,
            decode=kind != "integer" or c in classed,
            real_digits=c in exact,
            with_class=c in classed,
            with_hex=bool(classes.get((table, c), {}).get("blob")) or kind == BYTES,
        )
        for c, kind in kinds.items()
    ]


#: What an orphan's detail adds, by the kind compared (its examples are as compared).
_COMPARED = {
    NOCASE_TEXT: " (compared as its COLLATE NOCASE compares: ASCII letters in lower case)",
    NUMBER_TEXT: " (compared as SQLite compares with a key of numbers: text reading as a number is it)",
    NUMBER_NOCASE: " (compared as SQLite compares with a key of numbers, COLLATE NOCASE: text reading as a "
    "number is it, other text in lower case for ASCII letters)",
    AS_STORED: " (compared as SQLite compares with a key of no affinity: text is no number, a BLOB no text)",
    AS_STORED_NOCASE: " (compared as SQLite compares with a key of no affinity, COLLATE NOCASE: text is "
    "no number, a BLOB no text, ASCII letters in lower case)",
    SQLITE_NOCASE: " (compared as its COLLATE NOCASE compares: ASCII letters in lower case)",
    SQLITE_RTRIM: " (compared as SQLite compares it with its COLLATE RTRIM key: trailing spaces ignored)",
    WRITTEN_TEXT: " (compared as written, untrimmed: the key is loaded as written, and so this column)",
    WRITTEN_NOCASE: " (compared as written, untrimmed, ASCII letters in lower case: the key is loaded as "
    "written, and so this column)",
}


def record_inclusion(
    column: ColumnProfile,
    fit: Inclusion,
    *,
    declared: bool,
    compared: str = "",
    by_rowid: bool = False,
    root: bool = False,
) -> None:
    """``compared``: the kind the values were compared as (:data:`NOCASE_TEXT` folds the examples).
    ``by_rowid``: the parent's rowid, which the column's name names and its values hold
    (:attr:`Reference.by_rowid`). ``root``: the column's name says a tree's parent
    (:func:`names_own_parent`): its "no reference" is a root's "no parent", and its note says so."""
    column.foreign_key = f"{fit.parent}.{fit.key}"
    if by_rowid:
        how = "held by its rows' rowid (the column names the table, every value is one of its rowids)"
    elif declared:
        how = "declared in the schema"
    else:
        how = f"found in the data ({fit.share:.1%} of its values)"
    column.notes.append(f"reference to {fit.parent}.{fit.key} {how}")
    if fit.no_reference:
        column.no_reference_count = fit.no_reference
        column.no_reference_values = list(fit.no_reference_values)
        why = (
            f"the nil UUID, which no generator draws, is no key of {fit.parent}.{fit.key}"
            if set(fit.no_reference_values) <= set(NIL_UUIDS)
            else f"no key of {fit.parent}.{fit.key} is 0 or lower"
        )
        parent = ", no parent: the roots of its tree" if root else ""
        column.notes.append(
            f"{column.no_reference_said} for no reference{parent} ({fit.no_reference:,} rows; {why}): not "
            "counted as orphans, loaded as it is"
        )
    if fit.orphans:
        column.issues.append(
            Issue(
                "orphan_reference",
                fit.orphans,
                tuple(sorted(fit.examples))[:EXAMPLES],
                detail=f"no row in {fit.parent} with this {fit.key}" + _COMPARED.get(compared, ""),
            )
        )
