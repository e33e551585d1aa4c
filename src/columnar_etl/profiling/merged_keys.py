"""Keys cleaning would merge or make NULL: a key's values read as cleaning makes them
(:func:`cleaned_sql`), the key columns loaded as written to keep them apart
(:func:`merged_key_columns`, :func:`keep_as_written`), and the column that would be a table's key
found in the data but for cleaning (:func:`key_merged_by_cleaning`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from columnar_etl.models import ColumnProfile, TableProfile
from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.profiling.affinity import READ_AS_TIME, declared_family
from columnar_etl.profiling.data_keys import distinct_by_chance, key_candidates, key_like, stored_classes
from columnar_etl.profiling.merged_numbers import drop_number_notes
from columnar_etl.profiling.value_text import minus_read_sql, trimmed_sql
from columnar_etl.profiling.windows_1252 import REPAIRED_NOTE, repaired_sql
from columnar_etl.rules import (
    BOOLEAN_FALSE_DIGIT,
    BOOLEAN_FALSE_WORDS,
    BOOLEAN_TRUE_DIGIT,
    BOOLEAN_TRUE_WORDS,
)
from columnar_etl.rules.numbers import DECIMAL_COMMA, THOUSANDS_SEPARATOR
from columnar_etl.source.cells import (
    HELPER_PREFIX,
    ColumnRead,
)
from columnar_etl.source.duckdb_reader import query_errors
from columnar_etl.source.export import Source


def changes_values(column: ColumnProfile) -> bool:
    """Cleaning may change (or null) some of ``column``'s TEXT values: padded, blank, null tokens,
    unparseable ones, or text converted to a date, number or boolean. Never in a bytea column: its
    TEXT cells arrive as the bytes of their text, untrimmed, none made NULL (the TEXT ``'a'`` and the
    BLOB ``x'61'`` meet by their storage class, as :func:`.keys.find_key` counts)."""
    if not column.storage_classes.get("text") or column.inferred_type == "bytea":
        return False  # INTEGER and REAL cells are read as the numbers they are; BLOBs as their bytes
    return bool(
        column.whitespace_padded_count
        or column.empty_string_count
        or column.null_like_count
        or column.invalid_count
        or column.inferred_type not in ("text", "bytea")
        or column.windows_1252_repaired
    )


def cleaned_sql(column: ColumnProfile, value: str, null_tokens: list[str]) -> str:
    """DuckDB's reading of ``value`` (a cell of ``column`` as text) as cleaning makes it: trimmed,
    NULL when blank or a null token, then of the column's type (dates as microseconds since the
    epoch). It is what decides whether two values would become one: DuckDB's parse, not the
    cleaner's own (Polars), so a value the two read differently may be missed (never one they agree
    on). A column whose padding is kept (:attr:`ColumnProfile.padding_kept`) is not trimmed; nor are
    documents (:attr:`ColumnProfile.layout_kept`), whose blanks and null tokens are still judged on
    their trimmed text, as the cleaner judges them. A column whose ``''`` is a value
    (:attr:`ColumnProfile.empty_kept`) keeps it: only its null tokens are NULL. A column of
    Windows-1252 text read as Latin-1 (:attr:`ColumnProfile.windows_1252_repaired`) is repaired first
    (``x\x92s`` is ``x’s``)."""
    if column.windows_1252_repaired:
        value = f"({repaired_sql(value)})"
    t = value if column.padding_kept or column.layout_kept else trimmed_sql(value)
    if column.inferred_type == "text" and not (
        column.padding_kept or column.layout_kept or column.documents_trimmed
    ):  # a value of several lines is a document, kept as written
        t = f"(CASE WHEN contains({t}, chr(10)) THEN {value} ELSE {t} END)"
    bare = trimmed_sql(value) if column.layout_kept else t
    tokens = column.read_as_null(null_tokens)
    listed = f"{bare} IN ({', '.join(map(quote_literal, tokens))})" if tokens else ""
    # A column whose '' is a value (empty_is_null = false) makes only its null tokens NULL.
    blank = "" if column.empty_kept else f"{bare} = ''"
    absent = " OR ".join(part for part in (blank, listed) if part) or "false"
    kind = column.inferred_type
    if kind in ("date", "timestamp", "timestamptz") and isinstance(column.min, int):
        typed = f"try_cast({t} AS HUGEINT)"  # epoch numbers: one per instant
    elif kind in ("date", "timestamp", "timestamptz"):
        reads = []
        for fmt in column.date_formats:
            text = f"replace({t}, 'Z', '+00:00')" if "%z" in fmt else t
            stamp = f"try_strptime({text}, {quote_literal(fmt)})"
            if "%z" in fmt:
                stamp = f"make_timestamp(epoch_us({stamp}))"
            reads.append(f"date_trunc('day', {stamp})" if kind == "date" else stamp)
        typed = f"epoch_us(coalesce({', '.join(reads)}))" if reads else "NULL"
    elif kind in ("integer", "numeric", "double"):
        text = minus_read_sql(t)  # −12 is -12 (minus_sign)
        if column.digit_groups is not None:  # 1 234,50 and 1234,50 are one number
            text = f"replace({text}, {quote_literal(column.digit_groups)}, '')"
        if column.comma == "thousands":
            text = f"replace({text}, {quote_literal(THOUSANDS_SEPARATOR)}, '')"
        elif column.comma == "decimal":
            text = f"replace({text}, {quote_literal(DECIMAL_COMMA)}, '.')"
        target = {"integer": "HUGEINT", "double": "DOUBLE"}.get(kind, f"DECIMAL(38, {column.max_scale or 0})")
        typed = f"try_cast({text} AS {target})"
    elif kind == "time":
        # 08:30 and 08:30:00 are one time (DuckDB reads every shape the cleaner reads so).
        typed = f"try_cast({t} AS TIME)"
    elif kind == "boolean":
        true = ", ".join(map(quote_literal, BOOLEAN_TRUE_WORDS))
        false = ", ".join(map(quote_literal, BOOLEAN_FALSE_WORDS))
        typed = (
            f"CASE WHEN lower({t}) IN ({true}) OR {t} = {quote_literal(BOOLEAN_TRUE_DIGIT)} THEN true "
            f"WHEN lower({t}) IN ({false}) OR {t} = {quote_literal(BOOLEAN_FALSE_DIGIT)} THEN false END"
        )
    else:
        typed = t
    return f"CASE WHEN {absent} THEN NULL ELSE {typed} END"


def _cleaned_text_sql(column: ColumnProfile, cleaned: str) -> str:
    """The text of ``cleaned`` (a value of :func:`cleaned_sql` for ``column``, not a double), one text
    for each cleaned value: the value itself for text, ISO for a date or timestamp read from text
    (its microseconds), the digits for numbers and epoch numbers, ``true``/``false``, a time as
    PostgreSQL writes it."""
    kind = column.inferred_type
    if kind in ("date", "timestamp", "timestamptz") and not isinstance(column.min, int):
        stamp = f"make_timestamp({cleaned})"
        return f"CAST({f'CAST({stamp} AS DATE)' if kind == 'date' else stamp} AS VARCHAR)"
    return cleaned if kind == "text" else f"CAST({cleaned} AS VARCHAR)"


@dataclass(frozen=True, slots=True)
class KeptAsWritten:
    """Why a key's column is loaded as written (:func:`merged_key_columns`), and whether only to keep
    values of one spelling cleaning would make NULL (``values_kept``: ``''`` alone, or one null token,
    in a NOT NULL key, no two values meeting), which the operator is told in a note, not a warning
    (``ColumnProfile.key_values_kept``)."""

    why: str
    values_kept: bool = False


def merged_key_columns(
    src: Source,
    table: TableProfile,
    null_tokens: list[str],
    *,
    nulls: bool = True,
    written: tuple[str, ...] = (),
) -> dict[str, KeptAsWritten]:
    """The columns of ``table``'s key that cleaning would make two distinct keys equal by, or a key
    NULL by (padding trimmed, ``'N/A'`` read as NULL, ``2000-1-5`` and ``2000-01-05`` one date), with
    why and an example: only the columns holding two values as written within a merged group, or
    made NULL in a key lost (a key's ISO dates beside a blank made NULL are no such column; those
    alone keep values, :attr:`KeptAsWritten.values_kept`), until
    the key compared with those columns as written (``written``) has none; empty when it would make
    none (the usual case: no query at all when no key column has a value cleaning changes). Without
    ``nulls``, a key made NULL does not count (a UNIQUE key beside the primary key whose columns may
    be NULL: a NULL there is no clash).

    One aggregate (DuckDB, over the key's columns as the source's text): the rows grouped by their
    cleaned key (:func:`cleaned_sql`), a group of two distinct source keys is a merge; a row whose
    source key has no NULL but whose cleaned key has one is a key lost. Rows whose source key is
    NULL (or shared) are the duplicate count's business (:func:`.keys.find_key`), not this one's.

    Not found here, because loading as written would not keep them apart: keys that meet by their
    storage class (the INTEGER 5 and the TEXT '5', counted by :func:`.keys.find_key` as the target reads
    them) or by NUL removal (PostgreSQL's text holds no NUL); both leave a plain index. A key found in
    the data needs no comparison: it is of one storage class with no value cleaning changes
    (:func:`.data_keys.data_key`; an integer column only when every value reads back the same).
    """
    if not table.key or any(name not in table.columns for name in table.key):
        return {}
    changing = [name for name in table.key if name not in written and changes_values(table[name])]
    if not changing:
        return {}
    reads = [ColumnRead(name) for name in table.key]
    relation = src.relation_sql(table.name, reads=reads)
    raw = [quote_ident(name) for name in table.key]
    cleaned = [
        cleaned_sql(table[name], quote_ident(name), null_tokens) if name in changing else quote_ident(name)
        for name in table.key
    ]
    label = " || ' | ' || ".join(f"chr(39) || {value} || chr(39)" for value in raw)
    present = " AND ".join(f"{value} IS NOT NULL" for value in raw)
    # The cleaned values under helper names (no export column has one: a key column may be "c0").
    names = [quote_ident(f"{HELPER_PREFIX}c{index}") for index in range(len(cleaned))]
    lost = " OR ".join(f"{name} IS NULL" for name in names)
    columns = ", ".join(f"{value} AS {name}" for value, name in zip(cleaned, names, strict=True))
    grouped = ", ".join(names)
    # Per changing column: whether a merged group holds two of its values as written (it is what
    # tells the group's keys apart), whether it is the one made NULL. A column whose cleaning neither
    # merges nor nulls (the ISO dates of a key whose blank user is made NULL) is typed as ever.
    at = [table.key.index(column) for column in changing]
    spread = "".join(f", count(DISTINCT {raw[i]}) > 1 AS {_flag('d', i)}" for i in at)
    nulled_by = "".join(f", bool_or({names[i]} IS NULL) AS {_flag('l', i)}" for i in at)
    if all(table[name].inferred_type != "double" for name in changing):
        # Two keys meet only where one of them changed: a value is unchanged when the text of its
        # cleaned value (:func:`_cleaned_text_sql`) is the value itself, so two unchanged values of
        # one cleaned value are one value. Only the rows meeting a changed key's cleaned value are
        # grouped (a 1M-row text key with 2% padded: 0.5 CPU seconds instead of 1.6, most of them the
        # one scan; a 1M-row key of five columns, one an ISO date: the profile 607 -> 411 MB of RSS). Not a
        # double: -0.0 and 0.0 are one value of two texts.
        moved = " OR ".join(
            f"{_cleaned_text_sql(table[column], name)} IS DISTINCT FROM {value}"
            for name, value, column in zip(names, raw, table.key, strict=True)
            if column in changing
        )
        meeting = (
            f"(SELECT * FROM cleaned SEMI JOIN (SELECT DISTINCT {grouped} FROM cleaned "
            f"WHERE ({moved}) AND NOT ({lost})) USING ({grouped}))"
        )
        merging = "".join(f", bool_or({_flag('d', i)}) FILTER (WHERE n > 1)" for i in at)
        nulling = "".join(f", bool_or({names[i]} IS NULL)" for i in at)
        # Per changing column: whether the values it makes NULL are one spelling ('' alone, or 'N/A').
        spelt = "".join(
            f", min({raw[i]}) FILTER (WHERE {names[i]} IS NULL) IS NOT DISTINCT FROM "
            f"max({raw[i]}) FILTER (WHERE {names[i]} IS NULL)"
            for i in at
        )
        sql = (
            f"WITH cleaned AS (SELECT {', '.join(raw)}, {columns} FROM {relation} WHERE {present}), "
            f"groups AS (SELECT count(DISTINCT row({', '.join(raw)})) AS n, min({label}) AS a, "
            f"max({label}) AS b{spread} FROM {meeting} GROUP BY {grouped}) "
            "SELECT m.*, l.* FROM "
            "(SELECT count(*) FILTER (WHERE n > 1) AS merges, any_value([a, b]) FILTER (WHERE n > 1) AS pair"
            f"{merging} FROM groups) AS m, (SELECT count(*) AS lost, any_value({label}) AS example"
            f"{nulling}{spelt} FROM cleaned WHERE {lost}) AS l"
        )
    else:
        merging = "".join(f", bool_or({_flag('d', i)}) FILTER (WHERE n > 1 AND NOT lost)" for i in at)
        nulling = "".join(f", bool_or({_flag('l', i)}) FILTER (WHERE lost)" for i in at)
        bounds = "".join(
            f", min({raw[i]}) FILTER (WHERE {names[i]} IS NULL) AS {_flag('lo', i)}"
            f", max({raw[i]}) FILTER (WHERE {names[i]} IS NULL) AS {_flag('hi', i)}"
            for i in at
        )
        spelt = "".join(
            f", min({_flag('lo', i)}) FILTER (WHERE lost) IS NOT DISTINCT FROM "
            f"max({_flag('hi', i)}) FILTER (WHERE lost)"
            for i in at
        )
        sql = (
            f"WITH cleaned AS (SELECT row({', '.join(raw)}) AS raw, {', '.join(raw)}, {label} AS label, "
            f"{columns} FROM {relation} WHERE {present}), "
            f"groups AS (SELECT count(DISTINCT raw) AS n, min(label) AS a, max(label) AS b, "
            f"bool_or({lost}) AS lost{spread}{nulled_by}{bounds} FROM cleaned GROUP BY {grouped}) "
            "SELECT count(*) FILTER (WHERE n > 1 AND NOT lost), "
            f"any_value([a, b]) FILTER (WHERE n > 1 AND NOT lost){merging}, "
            f"count(*) FILTER (WHERE lost), any_value(a) FILTER (WHERE lost){nulling}{spelt} FROM groups"
        )
    doing = "comparing the key's values with their cleaned ones"
    with query_errors(src.path, table.name, doing, memory_hint="raise profile_memory_limit"):
        found = src.connection.cursor().execute(sql).fetchone()
    width = len(changing)
    found = found or (0, None, *[None] * width, 0, None, *[None] * (2 * width))
    merges, pair, lost_keys, nulled = found[0], found[1], found[2 + width], found[3 + width]
    merging_columns = [name for name, flag in zip(changing, found[2 : 2 + width], strict=True) if flag]
    made_null = zip(changing, found[4 + width : 4 + 2 * width], found[4 + 2 * width :], strict=True)
    # A column making values of one spelling NULL ('' alone: Drupal's default config collection, the
    # anonymous user's name) keeps the key's own way of writing none, or a value: a note. Two spellings
    # ('' beside 'N/A') are dirt in a key, worth a look: a warning, as a merge is.
    nulling_columns = {name: bool(one) for name, flag, one in made_null if flag}
    key = ", ".join(table.key)
    # Only the columns that make the keys meet (two values as written in one merged group) or a key
    # NULL (its value made NULL) are loaded as written; the key's other columns are cleaned as ever.
    kept: dict[str, KeptAsWritten] = {}
    examples: list[object] = []
    if merges:
        why = f"cleaning would make distinct keys ({key}) equal, e.g. {pair[0]} and {pair[1]}"
        kept |= dict.fromkeys(merging_columns, KeptAsWritten(why))
        examples += [pair[0], pair[1]]
    if lost_keys and nulls:
        why = f"cleaning would make a key ({key}) NULL, e.g. {nulled}"
        kept |= {name: KeptAsWritten(why, one) for name, one in nulling_columns.items() if name not in kept}
        examples.append(nulled)
    # The examples are of every key column (joined by ` | `): each column's profile remembers them, so
    # a masked one's hide them wherever the reason is quoted.
    for name in table.key:
        for example in examples:
            table[name].quote(str(example))
    if not kept:
        return {}
    # Compared again with those columns as written: a key whose blank made it NULL was in no merged
    # group, and as written it may meet another (``''`` beside ``''``, their days one once trimmed).
    kept |= merged_key_columns(src, table, null_tokens, nulls=nulls, written=(*written, *kept))
    return {name: kept[name] for name in table.key if name in kept}


def _flag(kind: str, index: int) -> str:
    """The name of a per-column flag of :func:`merged_key_columns`'s query (no export column's)."""
    return quote_ident(f"{HELPER_PREFIX}{kind}{index}")


def key_merged_by_cleaning(
    src: Source, table: TableProfile, null_tokens: list[str]
) -> tuple[str, str] | None:
    """The column of a table with no key that would be its key found in the data
    (:func:`.data_keys.data_key`: distinct and present on every row, of one storage class, first of
    :func:`.data_keys.key_candidates`) but for cleaning, which would make two of its distinct values
    equal or one NULL (``A1`` and ``A1<NBSP>``); with why, as :func:`merged_key_columns` says it. None
    when there is none (one query at most, and none when no such column has a value cleaning changes).

    Such a column is cleaned as any other (each change audited) and is no key: the profile notes it,
    as two rows' values became one. Declared as the key in the export, it is loaded as written."""
    if table.key or table.sampled_rows is not None or table.row_count < 2:
        return None
    for column in key_candidates(table):
        if (
            len(stored_classes(column)) != 1
            or column.null_count
            or column.distinct_count != table.row_count
            or not key_like(column, table)
            or distinct_by_chance(column, table, table.row_count)
        ):
            continue
        if not changes_values(column):
            return None  # data_key would have taken it: a key, not merged
        kept = merged_key_columns(src, replace(table, key=[column.name]), null_tokens).get(column.name)
        return (column.name, kept.why) if kept else None
    return None


def keep_as_written(column: ColumnProfile, why: str, *, values_kept: bool = False) -> None:
    """Make ``column`` loaded as the text it holds, untouched (:attr:`ColumnProfile.as_written`);
    ``values_kept``: only so that a key keeps values cleaning would make NULL
    (:attr:`ColumnProfile.key_values_kept`: a note, not a warning).

    A column declared TEXT or with no type then holds what it claims: the ``type_mismatch`` of the
    type its values read as (``declared TEXT but the values are boolean``) no longer applies, and left
    there it would count as "text where the declared type says otherwise" and could halt the run
    (``halt_type_mismatch_share``), as :func:`.merged_numbers.keep_numbers_apart` says too."""
    if column.as_written is not None or column.inferred_type == "bytea":
        # A bytea column is loaded as written already: every cell as its bytes (a TEXT cell as the
        # bytes of its text), none trimmed or made NULL; as text its BLOB cells would be lost.
        return
    column.as_written = why
    column.key_values_kept = values_kept
    if declared_family(column.declared_type) in ("text", None):
        column.issues = [issue for issue in column.issues if issue.kind != "type_mismatch"]
    if column.inferred_type != "text":
        column.min = column.max = None  # its bounds were of its type; as text they are unknown
        drop_number_notes(column)  # a note reading its numbers (as instants) no longer holds
        column.notes = [note for note in column.notes if READ_AS_TIME not in note]  # nor one of times
    if column.windows_1252_repaired:
        # Its C1 controls stay too (rule windows_1252 is cleaning as any other).
        column.windows_1252_repaired = 0
        column.notes = [note for note in column.notes if not note.startswith(REPAIRED_NOTE.split("{")[0])]
    column.inferred_type = "text"
    column.type_reason = f"loaded as written: {why}"
    column.notes.append(f"loaded as written (not trimmed, no value read as NULL, text): {why}")
