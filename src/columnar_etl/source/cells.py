"""SQL that reads a SQLite cell as it is: storage class, REAL digits, bytes that are not UTF-8.

The readers (profiling, cleaning, raw copy) add helper columns named with :data:`HELPER_PREFIX`; a
column's :class:`ColumnRead` says which. Text that is not valid UTF-8 is decoded by the configured
:data:`EncodingFallback`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

from columnar_etl.pg.identifiers import quote_ident

if TYPE_CHECKING:
    import pyarrow as pa

_Batches = TypeVar("_Batches", "pa.RecordBatch", "pa.Table")

#: SQLite storage classes as the one-letter codes the readers use (``substr(typeof(x), 1, 1)``).
STORAGE_CLASSES: dict[str, str] = {"i": "integer", "r": "real", "t": "text", "b": "blob", "n": "null"}
#: What a value not valid as UTF-8 is decoded as (``error``: the profile reports it and the gate halts).
EncodingFallback = Literal["cp1252", "latin-1", "error"]
#: Columns the readers and the cleaner add have names starting with this; no export column may.
HELPER_PREFIX = "__clean_"
#: Average source bytes per row above which rows are grouped by a digest of their values, not by
#: the values themselves (the profiler's duplicate count, the cleaner's listing of copies).
ROW_DIGEST_BYTES = 256
#: Columns above which the cleaner's listing of copies groups each row by one text of its values
#: (:func:`row_text_sql`), not by each column: DuckDB's GROUP BY (and join) takes memory per column
#: and thread before any row arrives (991 columns of 5 rows ran out of 256 MB on 2 threads).
GROUP_COLUMNS_LIMIT = 128


def row_digest_sql(columns: list[str]) -> str:
    """DuckDB SQL: a 128-bit digest (MD5) of a row's ``columns``, equal for rows equal in every one.

    Each value is length-prefixed and a NULL marked apart, so the encoding is one-to-one: different
    rows get different digests unless MD5 collides. Grouping by it holds 16 bytes per distinct row
    instead of the whole row, which for wide rows of long text is what keeps a GROUP BY in memory.
    """
    return f"md5_number({row_text_sql(columns)})"


def row_text_sql(columns: list[str]) -> str:
    """DuckDB SQL: one text of a row's ``columns``, equal exactly for rows equal in every one (each
    value length-prefixed and a NULL marked apart: the encoding is one-to-one)."""
    # One concat of every part (a chain of || would copy the growing row once per column); concat
    # reads NULL as '', so a NULL value is its marker 'N' and nothing else.
    parts = [
        f"coalesce(CAST(strlen(CAST({quote_ident(c)} AS VARCHAR)) AS VARCHAR) || ':', 'N'), "
        f"CAST({quote_ident(c)} AS VARCHAR)"
        for c in columns
    ]
    return f"concat({', '.join(parts)})"


#: The column holding a row's rowid, when a read asks for it.
def frame_name(name: str) -> str:
    """``name`` as a Polars frame may hold it: ``pl.col`` (and a ``select`` by name) reads ``*`` as
    every column and ``^…$`` as a regular expression, so a column of such a name would read others
    (``^note$`` got ``note``'s values). Those names become a helper name of their bytes in hex; every
    other name is itself."""
    if name == "*" or (name.startswith("^") and name.endswith("$")):
        return f"{HELPER_PREFIX}name_{name.encode().hex()}"
    return name


def framed(batch: _Batches) -> _Batches:
    """``batch`` (or table) with its columns under their :func:`frame_name` (no copy; itself when no
    name changes)."""
    names = [frame_name(name) for name in batch.schema.names]
    return batch if names == batch.schema.names else batch.rename_columns(names)


ROWID_COLUMN = f"{HELPER_PREFIX}rowid"
#: The column holding the storage classes of a read's columns as one string (``"iitn"``).
CLASSES_COLUMN = f"{HELPER_PREFIX}classes"


def class_column(index: int) -> str:
    """Name of the storage-class column a read adds for its ``index``-th column."""
    return f"{HELPER_PREFIX}class{index}"


def hex_column(index: int) -> str:
    """Name of the raw-bytes-in-hex column a read adds for its ``index``-th column."""
    return f"{HELPER_PREFIX}hex{index}"


def _byte_case(fallback: EncodingFallback) -> str:
    """SQL over ``x``, a byte's hex (``'80'``): the UTF-8 hex of what it decodes to under ``fallback``.

    Latin-1 maps byte b to code point b (``C2``/``C3`` + one byte). cp1252 (the usual Windows export)
    differs only in 0x80-0x9F, which hold its printable characters (``€`` for 0x80); the five bytes it
    leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are read as Latin-1, as Python's
    ``decode("cp1252")`` with a Latin-1 fallback and most databases do.
    """
    latin1 = "CASE WHEN x < 'C0' THEN 'C2' || x ELSE 'C3' || printf('%02X', ('0x' || x)::INTEGER - 64) END"
    if fallback != "cp1252":
        return f"CASE WHEN x < '80' THEN x ELSE {latin1} END"
    specials = []
    for byte in range(0x80, 0xA0):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        specials.append(f"WHEN '{byte:02X}' THEN '{char.encode().hex().upper()}'")
    cp1252 = f"CASE x {' '.join(specials)} ELSE {latin1} END"
    return f"CASE WHEN x < '80' THEN x WHEN x >= 'A0' THEN {latin1} ELSE {cp1252} END"


#: The hex (as DuckDB's ``hex()`` writes it) of bytes that are UTF-8 but for a character cut at their
#: end (:func:`fallback_decoded_sql`): group 1 the bytes before it, group 2 the cut character's lead
#: byte and fewer continuation bytes than it announces (``C3``; ``E2 80``; ``F0 9F 9B``).
UTF8_CUT_HEX = (
    "^((?:[0-9A-F]{2})*?)(C[2-9A-F]|D[0-9A-F]|E[0-9A-F](?:[89AB][0-9A-F])?|F[0-4](?:[89AB][0-9A-F]){0,2})$"
)
#: What the cut character of such text is read as (U+FFFD, as every UTF-8 decoder replaces it).
CUT_CHARACTER = "\ufffd"


def invalid_utf8_sql(column: str) -> str:
    """True for a non-NULL ``column`` whose bytes are not valid UTF-8 (SQLite stores any bytes as TEXT)."""
    return f"({column} IS NOT NULL AND try(decode(encode({column}))) IS NULL)"


def decoded_sql(column: str, fallback: EncodingFallback = "cp1252") -> str:
    """``column`` (a quoted identifier) as valid UTF-8: an invalid value is decoded by ``fallback``.

    SQLite stores whatever bytes it is given as TEXT; a Windows-1252 value in a UTF-8 export is not
    valid UTF-8, and DuckDB string functions misbehave on it (``trim`` never returns). Valid values
    pass untouched (the check is a no-op re-interpretation plus validation); an invalid one is decoded
    byte by byte (:func:`fallback_decoded_sql`).
    """
    return (
        f"CASE WHEN {invalid_utf8_sql(column)} THEN {fallback_decoded_sql(f'encode({column})', fallback)} "
        f"ELSE {column} END"
    )


def fallback_decoded_sql(blob: str, fallback: EncodingFallback = "cp1252") -> str:
    """The bytes ``blob`` (a BLOB expression, not valid UTF-8) decoded one byte per character through
    :func:`_byte_case`, so ``0x80`` becomes ``€`` under cp1252. With ``error`` they are read as Latin-1
    (nothing is lost; the profile reports them and the gate halts).

    Except UTF-8 cut inside its last character (:data:`UTF8_CUT_HEX`: a C program's fixed buffer of
    so many bytes, vnStat's 31-byte interface alias): where the bytes before the cut are valid UTF-8
    and either hold a character of several bytes or the cut character kept two bytes or more, the
    value is those characters and :data:`CUT_CHARACTER` for the cut one (the cleaner audits it
    ``encoding:utf-8-cut``). A lone lead byte after ASCII is what a cp1252 ``café`` ends in (0xE9):
    the fallback reads it.
    """
    mapped = _byte_case("latin-1" if fallback == "error" else fallback)
    by_byte = (
        f"decode(unhex(array_to_string(list_transform(regexp_extract_all(hex({blob}), '..'), "
        f"x -> {mapped}), '')))"
    )
    head = f"try(decode(unhex(regexp_extract(hex({blob}), '{UTF8_CUT_HEX}', 1))))"
    tail = f"regexp_extract(hex({blob}), '{UTF8_CUT_HEX}', 2)"
    cut = f"({head} IS NOT NULL AND (strlen({head}) > length({head}) OR length({tail}) >= 4))"
    return f"CASE WHEN {cut} THEN {head} || '{CUT_CHARACTER}' ELSE {by_byte} END"


@dataclass(frozen=True)
class ColumnRead:
    """How a reader delivers one column (see :meth:`Source.read_batches`).

    Every cell arrives as text unless ``as_bytes``: an INTEGER cell as its digits (exact), a REAL cell
    with all 17 significant digits when ``real_digits`` (SQLite's own text keeps 15), a TEXT cell
    decoded as UTF-8 (an invalid one by the source's encoding fallback), a BLOB cell as its bytes.
    ``with_class`` adds the cell's storage class (``i``/``r``/``t``/``b``/``n``) as the column
    :func:`class_column`; ``with_hex`` adds the raw bytes in hex of every TEXT cell
    that was not valid UTF-8, and (unless ``as_bytes``) of every BLOB cell, NULL for the others, as
    :func:`hex_column`, for the audit.
    ``long_bytes``: a TEXT or BLOB cell of more bytes than this (as SQLite stores it) has its class
    letter in capitals (``T``, ``B``), and with ``hide_long`` it arrives as its byte count instead of
    its value: the profile reads such cells apart, a few at a time (:mod:`.profiling.long_cells`).
    ``signed_zeros`` (with ``real_digits``): a REAL ``-0.0`` arrives as ``-0.0``, not as SQLite's text
    of it (``0.0``); see :meth:`.SqliteScans.negative_zeros` for its cost.
    ``reals_as_target`` (with ``real_digits``): a REAL cell arrives as the text a text column of the
    target holds of it (:func:`target_real_text_sql`: ``0.1``, ``inf``, ``0.00001``), not the read's.
    """

    name: str
    as_bytes: bool = False
    real_digits: bool = False
    with_class: bool = False
    with_hex: bool = False
    #: False: TEXT as SQLite holds it, even when not valid UTF-8 — for a reader that only casts it to
    #: a number (its expression stays small: decoding is a long CASE).
    decode: bool = True
    long_bytes: int | None = None
    hide_long: bool = False
    signed_zeros: bool = False
    #: In a column whose BLOB cells are all numerals (:meth:`.SqliteScans.numeral_blobs`, asked for the read's
    #: columns that want it, once per column), hand each over as the text it spells, not its bytes.
    blob_numerals: bool = False
    #: Such a cell's class letter is ``d`` (decoded), not ``t``: for the cleaner, which audits each
    #: (``blob_numeral``). The profile reads them as TEXT.
    numerals_apart: bool = False
    reals_as_target: bool = False


#: The affinities (:func:`sqlite_affinity`) of the columns whose BLOB cells may be read as the numbers
#: their ASCII text spells (:meth:`.SqliteScans.numeral_blobs`): a column declared
#: a number type. TEXT affinity is text's, BLOB affinity (a ``BLOB`` or no declared type) is bytes'.
NUMERAL_AFFINITIES = ("INTEGER", "REAL", "NUMERIC")


def numeral_sql(column: str) -> str:
    """SQLite SQL: whether the TEXT or BLOB cell ``column`` is a plain ASCII decimal numeral: an
    optional ``+`` or ``-``, digits, and optionally a point followed by digits (``-12.50``, ``007``,
    ``+5``). No exponent (``1E-7``), no whitespace, no NUL, nothing but ASCII, no bare point (``.5``,
    ``5.``), not empty. Leading zeros and ``+`` are numerals: the profile's rules for number text then
    keep such a column text, every value as written. Meant for a UTF-8 database."""
    text = f"CAST({column} AS TEXT)"
    # length() counts a text's characters up to its first NUL, a BLOB's bytes: equal only when every
    # byte is a character of its own and none is NUL (the GLOBs below then see every byte).
    body = f"(CASE WHEN {text} GLOB '[+-]*' THEN substr({text}, 2) ELSE {text} END)"
    return (
        f"(length({text}) = length(CAST({column} AS BLOB)) AND {body} GLOB '[0-9]*' "
        f"AND {body} NOT GLOB '*[^0-9.]*' AND {body} NOT GLOB '*.*.*' AND {body} NOT GLOB '*.')"
    )


def long_cell_sql(column: str, long_bytes: int) -> str:
    """SQLite SQL: whether the cell ``column`` is longer than ``long_bytes`` bytes (see
    :attr:`ColumnRead.long_bytes`). NULL for a NULL cell; INTEGER and REAL cells are never so long."""
    return f"length(CAST({column} AS BLOB)) > {int(long_bytes)}"


def real_text_sql(column: str, negative_zero: str | None = None) -> str:
    """SQLite SQL: ``column``, a REAL cell as text that reads back as the same double.

    17 significant digits identify every double, but SQLite's ``printf`` is not exact near the ends of
    the range (1.7976931348623157e308 prints one unit off); then more digits are tried until SQLite
    reads the text back as the same value. SQLite writes a ``-0.0`` as ``0.0`` (every text of it drops
    the sign, and nothing else in it tells the two zeros apart: ``1/x`` is NULL, it has no math
    functions); ``negative_zero``, SQLite SQL true for the rows holding one in ``column``
    (:meth:`.SqliteScans.negative_zeros`), makes those ``-0.0``, tested only on
    REAL cells equal to zero.
    """
    digits = [f"printf('%!.{n}g', {column})" for n in (17, 18, 19, 20)]
    exact = " ".join(f"WHEN CAST({text} AS REAL) = {column} THEN {text}" for text in digits[:-1])
    if negative_zero is not None:
        exact = f"WHEN {column} = 0 AND ({negative_zero}) THEN '-0.0' {exact}"
    return f"CASE WHEN typeof({column}) = 'real' THEN CASE {exact} ELSE {digits[-1]} END ELSE {column} END"


def target_real_text_sql(value: str) -> str:
    """DuckDB SQL: the text ``value`` (a REAL cell's text as read, :func:`real_text_sql`) as a text
    column of the target holds it: the cleaner writes a REAL cell as Polars' text of its double
    (``cleaning.expressions``, ``reals_shortest``), the shortest digits that read back as it, which is
    DuckDB's but for small numbers: a decimal down to 1e-05 (``0.00001``, DuckDB's ``1e-05``) and an
    exponent without a leading zero below it (``1.5e-7``, DuckDB's ``1.5e-07``). ``inf``, ``-0.0`` as
    DuckDB writes them."""
    number = f"TRY_CAST({value} AS DOUBLE)"
    shortest = f"CAST({number} AS VARCHAR)"
    digits = f"replace(replace(regexp_replace({shortest}, 'e-05$', ''), '-', ''), '.', '')"
    sign = f"(CASE WHEN {number} < 0 THEN '-' ELSE '' END)"
    return (
        f"CASE WHEN {number} IS NULL THEN {value} "
        f"WHEN {shortest} LIKE '%e-05' THEN {sign} || '0.0000' || {digits} "
        f"ELSE replace({shortest}, 'e-0', 'e-') END"
    )


def holds_negative_zero(declared_type: str) -> bool:
    """Whether a column so declared can hold a REAL ``-0.0``: one without type affinity (declared
    with no type, or a type naming ``BLOB``; ``ANY`` in a STRICT table). Every other affinity stores
    it as ``0`` (REAL affinity writes a whole REAL as an integer, NUMERIC and INTEGER make it one,
    TEXT makes it text)."""
    declared = declared_type.strip()
    return sqlite_affinity(declared) == "BLOB" or declared.upper() == "ANY"


def sqlite_affinity(declared: str) -> str:
    """SQLite's own affinity of a declared type (``INTEGER``, ``TEXT``, ``BLOB``, ``REAL``, ``NUMERIC``),
    by its rules in order (https://www.sqlite.org/datatype3.html#determination_of_column_affinity).

    What a column can hold follows from it: TEXT affinity stores numbers as text (no INTEGER or REAL
    cell), REAL affinity stores integers as REAL cells (no INTEGER cell)."""
    upper = declared.upper()
    if "INT" in upper:
        return "INTEGER"
    if "CHAR" in upper or "CLOB" in upper or "TEXT" in upper:
        return "TEXT"
    if not upper or "BLOB" in upper:
        return "BLOB"
    if "REAL" in upper or "FLOA" in upper or "DOUB" in upper:
        return "REAL"
    return "NUMERIC"
