"""The duplicate count's SQL: which rows it reads (those whose value in one column repeats, and
those with a NULL key: :func:`narrowing_column`, :func:`narrowing_filter`), the one aggregate counting
exact copies, keys shared by different rows and NULL keys (:func:`duplicate_sql`), taken a run of rows
at a time for long rows (:func:`digested_in_runs`), and its examples as the target shows them
(:func:`example_labels`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from columnar_etl.models import ColumnProfile, TableProfile
from columnar_etl.pg.float8 import float8_out
from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.profiling.data_keys import stored_classes
from columnar_etl.profiling.declared_keys import DeclaredKey
from columnar_etl.source.cells import (
    HELPER_PREFIX,
    ROWID_COLUMN,
    ColumnRead,
    row_digest_sql,
)
from columnar_etl.source.export import Source

#: Example keys shown per table issue.
EXAMPLES = 5
#: At most this many rowids of rows with copies are handed to the cleaner (``TableProfile.copy_rows``);
#: a table with more has its copies listed by the cleaner's own scan.
COPY_ROWS_LIMIT = 100_000
#: Rows the duplicate count reads by rowid at most (:func:`narrowing_column`); beyond, it reads all.
MAX_LISTED_ROWS = 20_000


def narrowing_column(
    table: TableProfile, key: list[str], without: Sequence[str] = ()
) -> ColumnProfile | None:
    """The column whose repeated values narrow the duplicate count to the rows that matter, or None.

    Exact copies share every column's value, and rows sharing a key share each key column's value:
    a row whose value in such a column is unique in the table is neither a copy nor a key clash. The
    column (a key column when there is a key, else any column) is the one with the most distinct
    values, among those SQLite's ``CAST(column AS TEXT)`` renders as DuckDB reads them (INTEGER and
    TEXT cells, valid UTF-8), when its repeated values can hold at most half the rows.
    """
    pool = [table[name] for name in key] if key else list(table)
    eligible = [
        column
        for column in pool
        if set(column.storage_classes) <= {"integer", "text"}
        and not column.issue_count("invalid_encoding")
        and column.name not in without
    ]
    if not eligible:
        return None
    best = max(eligible, key=lambda column: column.distinct_count)
    # n values of which d are distinct: at most 2 (n - d) rows hold a value that repeats.
    surplus = table.row_count - best.null_count - best.distinct_count
    return best if 4 * surplus <= table.row_count else None


def indexed_without_nulls(declared: DeclaredKey | None, table: TableProfile, column: ColumnProfile) -> bool:
    """The key is ``declared``'s one column, ``column`` (:func:`narrowing_column`'s pick: INTEGER or
    TEXT cells, valid UTF-8), of one storage class and no NULL: SQLite's unique index (every declared
    key that is no rowid alias has one) keeps its values distinct, so :func:`narrowing_filter` would
    find no row (``"0"``), having grouped every value to see so (a 1M-row key of 130-byte paths:
    ~200 MB of RSS past the rest of the profile's peak). A NULL, which the index lets repeat, or two
    storage classes (5 and '5', one text) go through the filter."""
    return (
        declared is not None
        and table.key == list(declared.columns) == [column.name]
        and len(stored_classes(column)) == 1
        and not column.null_count
    )


def narrowing_filter(
    src: Source, table: TableProfile, column: ColumnProfile, counted: tuple[str, int] | None = None
) -> str | None:
    """SQLite condition keeping the rows whose ``column`` value repeats and the rows with a NULL in
    the key, by rowid; ``"0"`` when there are none (no row can be a copy or clash on the key); None
    when the table has no rowid to name them by or they are more than :data:`MAX_LISTED_ROWS`.

    ``counted``: a DuckDB relation of the table's values already counted, ``(idx, val, weight)`` (the
    profile's kept values, :func:`.reference_rows.kept_values_sql`), that holds ``column``'s, and its
    ``idx`` there: the repeated values are then read from their counts (:func:`_repeated_rows`), not
    found by reading the column again and grouping its every value.
    """
    rowid = src.table(table.name).rowid
    if rowid is None:
        return None
    alias = quote_ident(rowid[0])
    if counted is not None and (found := _repeated_values(src, *counted)) is not None:
        return _repeated_rows(src, table, column, alias, *found)
    # The values as SQLite renders them: equal cells give equal text (an INTEGER 5 and a TEXT '5'
    # too, as DuckDB reads both), so every group of copies or of one key falls in one partition.
    nulls = " OR ".join(f"{quote_ident(name)} IS NULL" for name in table.key)
    query = quote_literal(
        f"SELECT {alias} AS r, CAST({quote_ident(column.name)} AS TEXT) AS v"
        + (f", {nulls} AS n" if nulls else "")
        + f" FROM {quote_ident(table.name)}"
    )
    # Every cell arrives as text ('1' for a true n). A NULL value is its own group ('N', apart from
    # every 'V'-prefixed text) so that IN finds it. The repeated values are found by a GROUP BY that
    # holds one count per value (it spills past profile_memory_limit), then their rows by a second
    # read of the one column: a list of rowids per value would be held for every value, and at 40x
    # (5.6M timesheet lines) that ran out of memory.
    having = "count(*) > 1" + (" OR max(n) <> '0'" if nulls else "")
    keyed = (
        f"SELECT r, CASE WHEN v IS NULL THEN 'N' ELSE 'V' || v END AS g{', n' if nulls else ''} "
        f"FROM sqlite_query({quote_literal(src.attachments(1)[0])}, {query})"
    )
    repeated = f"SELECT g FROM ({keyed}) GROUP BY g HAVING {having}"
    sql = f"SELECT r FROM ({keyed}) WHERE g IN ({repeated}) LIMIT {MAX_LISTED_ROWS + 1}"
    return _listed_rows(alias, [int(r) for (r,) in src.connection.cursor().execute(sql).fetchall()])


def _listed_rows(alias: str, rows: list[int]) -> str | None:
    """:func:`narrowing_filter`'s condition naming ``rows`` (at most one past the limit) by ``alias``."""
    if len(rows) > MAX_LISTED_ROWS:
        return None
    return f"{alias} IN ({', '.join(map(str, sorted(rows)))})" if rows else "0"


def _repeated_values(src: Source, counted: str, idx: int) -> tuple[list[str], int] | None:
    """The values of the column at ``idx`` in the relation ``counted`` (``(idx, val, weight)``) that
    have more than one cell, of any storage class (the INTEGER 5 and the TEXT '5' are one text, as
    SQLite's ``CAST(... AS TEXT)`` renders both), and their cells; None when one holds a NUL byte (no
    SQL literal can write it: ``'\\0'`` alone, or ``'NULL\\0'``, which the profile counts as empty or a
    null token)."""
    found = (
        src.connection.cursor()
        .execute(
            f"SELECT val, sum(weight) FROM {quote_ident(counted)} WHERE idx = {int(idx)} "
            "GROUP BY val HAVING sum(weight) > 1"
        )
        .fetchall()
    )
    values = [str(value) for value, _ in found]
    if any("\x00" in value for value in values):
        return None
    return values, sum(int(cells) for _, cells in found)


def _repeated_rows(
    src: Source, table: TableProfile, column: ColumnProfile, alias: str, repeated: list[str], cells: int
) -> str | None:
    """:func:`narrowing_filter` from ``column``'s ``repeated`` values of ``cells`` cells in all
    (:func:`_repeated_values`).

    NULLs repeat too, when two or more. Only then is the table read: SQLite tests each row's value
    against the repeated ones (compared byte for byte, whatever the column's collation) and hands over
    the rowids of those rows and of the rows with a NULL in the key. No repeated value and no NULL in
    the key: ``"0"``, nothing read; more rows than a list holds by the counts alone: None, nothing
    read either. (The wide export's timesheets: the filter's CPU 0.10 -> 0.04 s.)
    """
    if cells + (column.null_count if column.null_count > 1 else 0) > MAX_LISTED_ROWS:
        return None
    name = quote_ident(column.name)
    conditions = []
    if repeated:
        values = ", ".join("'" + value.replace("'", "''") + "'" for value in repeated)
        conditions.append(f"CAST({name} AS TEXT) COLLATE BINARY IN ({values})")
    if column.null_count > 1:
        conditions.append(f"{name} IS NULL")
    conditions += [f"{quote_ident(key)} IS NULL" for key in table.key if table[key].null_count]
    if not conditions:
        return "0"
    query = f"SELECT {alias} FROM {quote_ident(table.name)} WHERE {' OR '.join(conditions)}"
    sql = (
        f"SELECT * FROM sqlite_query({quote_literal(src.attachments(1)[0])}, "
        f"{quote_literal(f'{query} LIMIT {MAX_LISTED_ROWS + 1}')})"
    )
    return _listed_rows(alias, [int(r) for (r,) in src.connection.cursor().execute(sql).fetchall()])


def duplicate_sql(
    relation: str, columns: list[str], key: list[str], *, digest: bool = True, rowid: str | None = None
) -> str:
    """One aggregate: exact duplicate rows, rows sharing a key with a different row, NULL-key rows.

    The rows are grouped by every column (exact copies fall in one group), those groups by the key:
    a key value with n rows in g distinct groups has n - g exact copies and g - 1 rows that differ
    from its first distinct row. Examples are keys (or, without a key, the first column's value), each
    a list of its columns' texts as read (:func:`example_labels` shows them).

    With ``digest`` a row is grouped by the MD5 of its values (each one length-prefixed, NULL marked
    apart, so the encoding is one-to-one), not by the values themselves: the grouping then holds 16
    bytes per distinct row instead of the whole row, which for wide tables of long text is what keeps
    it within ``profile_memory_limit``. Two different rows count as copies only if their 128-bit
    digests collide (for 10^7 rows, a chance of about 10^-25); the cleaner removes copies by comparing
    the values. Without it (narrow rows: hashing costs more than it saves) the values are grouped.

    With ``rowid`` (the relation's rowid column) the result also names the rows that have copies, for
    the cleaner (see :data:`COPY_ROWS_LIMIT`): ``pairs_low``/``pairs_high``, the two rowids of each
    set of exactly two equal rows (the usual duplicate), ``triples_mid``, the middle rowid of each set
    of exactly three (its rowids' sum less the lowest and the highest; their lowest and highest are in
    the pairs' lists), and ``odd_copies``, the sets these do not describe (four or more copies, or
    copies among rows that share a key with a different row).
    """
    row_digest = row_digest_sql(columns)
    shown = key or columns[:1]
    # Each shown column's text apart (a list): the profile writes a double's as the target will.
    texts = (f"coalesce(CAST({quote_ident(c)} AS VARCHAR), {quote_literal(NULL_SHOWN)})" for c in shown)
    label = f"list_value({', '.join(texts)})"
    keyed = ", ".join(quote_ident(c) for c in key)
    is_null = " OR ".join(f"{quote_ident(c)} IS NULL" for c in key) or "false"
    # Helper names cannot clash with the export's: they carry a prefix no export column may have.
    n, variants, shows, null, low, high, total = (
        f"{HELPER_PREFIX}{name}" for name in ("n", "variants", "label", "null", "low", "high", "total")
    )
    # The rowids' sum as HUGEINT: three rowids near 2^63 do not overflow it.
    span = (
        f", min({quote_ident(rowid)}) AS {low}, max({quote_ident(rowid)}) AS {high}, "
        f"sum(CAST({quote_ident(rowid)} AS HUGEINT)) AS {total}"
        if rowid
        else ""
    )
    by_key = (
        f"SELECT any_value({shows}) AS {shows}, sum({n}) AS {n}, count(*) AS {variants}, "
        f"bool_or({is_null}) AS {null}"
        f"{f', min({low}) AS {low}, max({high}) AS {high}, sum({total}) AS {total}' if rowid else ''} "
        f"FROM rows_ GROUP BY {keyed}"
        if key
        else f"SELECT {shows}, {n}, 1 AS {variants}, false AS {null}"
        f"{f', {low}, {high}, {total}' if rowid else ''} FROM rows_"
    )
    pair = f"{variants} = 1 AND {n} IN (2, 3)"
    triple = f"{variants} = 1 AND {n} = 3"
    # The lists only when the cleaner may be handed them (at most COPY_ROWS_LIMIT rowids): a million
    # pairs fetched as Python ints held ~100 MB beside DuckDB's cap, to be dropped.
    named = f"count(*) FILTER (WHERE {pair}) * 2 + count(*) FILTER (WHERE {triple}) <= {COPY_ROWS_LIMIT}"
    pairs = (
        f", CASE WHEN {named} THEN list({low}) FILTER (WHERE {pair}) END AS pairs_low, "
        f"CASE WHEN {named} THEN list({high}) FILTER (WHERE {pair}) END AS pairs_high, "
        f"count(*) FILTER (WHERE {n} > {variants} AND NOT ({pair})) AS odd_copies, "
        f"CASE WHEN {named} THEN list(CAST({total} - {low} - {high} AS BIGINT)) FILTER (WHERE {triple}) "
        f"END AS triples_mid, {named} AS named"
        if rowid
        else ""
    )
    # With a digest, the key's columns are in the grouping too (the digest decides them) for keys_.
    grouped = ", ".join([row_digest, *map(quote_ident, key)] if digest else map(quote_ident, columns))
    kept = "".join(f"{quote_ident(c)}, " for c in key)
    return (
        f"WITH rows_ AS (SELECT {kept}any_value({label}) AS {shows}, count(*) AS {n}{span} "
        f"FROM {relation} GROUP BY {grouped}), keys_ AS ({by_key}) "
        f"SELECT coalesce(sum({n} - {variants}), 0) AS duplicate_rows, "
        f"coalesce(sum({variants} - 1) FILTER (WHERE NOT {null}), 0) AS duplicate_keys, "
        f"coalesce(sum({n}) FILTER (WHERE {null}), 0) AS null_keys, "
        f"min({shows}, {EXAMPLES}) FILTER (WHERE {n} > {variants}) AS ex_rows, "
        f"min({shows}, {EXAMPLES}) FILTER (WHERE {variants} > 1 AND NOT {null}) AS ex_keys{pairs} "
        "FROM keys_"
    )


#: Why keys holding NUL bytes are counted without them (a duplicate key's detail, the key's blocker).
NUL_KEY_REASON = (
    "holds NUL bytes, which cleaning removes (PostgreSQL's text holds none): 'A' and 'A' with a NUL "
    "are one key there"
)


def without_nul(
    relation: str, columns: list[str], key: list[str], nul: list[str]
) -> tuple[str, list[str], list[str]]:
    """``relation`` with each key column of ``nul`` also without its NUL bytes, as cleaning leaves it
    (a helper column), and the columns and key :func:`duplicate_sql` then counts: rows stay the rows
    they are (every column as read, the helpers too), keys are grouped as the target holds them."""
    if not nul:
        return relation, columns, key
    helpers = {name: f"{HELPER_PREFIX}nul_free_{index}" for index, name in enumerate(nul)}
    added = ", ".join(
        f"replace({quote_ident(name)}, chr(0), '') AS {quote_ident(helper)}"
        for name, helper in helpers.items()
    )
    wrapped = f"(SELECT *, {added} FROM {relation})"
    return wrapped, [*columns, *helpers.values()], [helpers.get(name, name) for name in key]


#: Bytes of rows one run reads when the duplicate count digests a table of long rows a run at a time.
RUN_BYTES = 8 << 20


def digested_in_runs(
    src: Source,
    table: TableProfile,
    reads: list[ColumnRead],
    where: str | None,
    columns: list[str],
    row_bytes: float,
    nul: list[str],
) -> Any:
    """:func:`duplicate_sql`'s row for ``table`` (read by ``reads``, only the rows meeting ``where``),
    its rows' digests taken a run of about :data:`RUN_BYTES` of rows at a time into a DuckDB table, with
    the columns the count shows and groups by: DuckDB hands SQLite's rows over 2,048 at a time, and a
    vector of long rows (and the text its digest concatenates) can outgrow the memory limit alone.
    ``nul``: key columns grouped without their NUL bytes (:func:`without_nul`)."""
    info = src.table(table.name)
    if info.rowid is None:
        raise ValueError(f"table {table.name!r} has no rowid")
    kept = list(dict.fromkeys([*(table.key or columns[:1]), *table.key]))
    digest = f"{HELPER_PREFIX}digest"
    staged = quote_ident(f"__columnar_etl_rows_{uuid.uuid4().hex}")
    per_run = max(1, int(RUN_BYTES // max(1.0, row_bytes)))
    chosen = f"({where})" if where is not None else "1"

    def digests(condition: str) -> str:
        relation = src.relation_sql(table.name, reads=reads, where=condition, with_rowid=True)
        selected = ", ".join(quote_ident(c) for c in kept)
        return f"SELECT {selected}, {row_digest_sql(columns)} AS {digest}, {ROWID_COLUMN} FROM {relation}"

    cursor = src.connection.cursor()
    try:
        cursor.execute(f"CREATE TABLE {staged} AS {digests('0')}")
        attachment = src.attachments(1)[0]
        for run in src.rowid_runs(table.name, per_run, where=chosen, cursor=cursor, attachment=attachment):
            cursor.execute(f"INSERT INTO {staged} {digests(run)}")
        relation, counted, key = without_nul(staged, [*kept, digest], table.key, nul)
        sql = duplicate_sql(relation, counted, key, digest=False, rowid=ROWID_COLUMN)
        return cursor.execute(sql).fetchone()
    finally:
        cursor.execute(f"DROP TABLE IF EXISTS {staged}")


#: How an example shows a NULL key cell.
NULL_SHOWN = "NULL"


def example_labels(
    table: TableProfile, shown: list[str], examples: Sequence[Sequence[str]] | None
) -> tuple[str, ...]:
    """Each example (the texts of ``shown``'s cells, as the count read them) as the target will show
    it, its columns joined by ``|``: a double column's value as PostgreSQL writes a ``float8``
    (:func:`~columnar_etl.pg.float8.float8_out`: ``0.1``, not the read's 17 digits
    ``0.10000000000000001``; ``1e+20``, not ``1.0e+20``), as the audit's row key shows it too; the
    others as read. At most :data:`EXAMPLES` values: formatted one by one, no data path."""
    doubles = {i for i, name in enumerate(shown) if table[name].inferred_type == "double"}
    return tuple(
        "|".join(_as_double(text) if i in doubles else text for i, text in enumerate(example))
        for example in examples or ()
    )


def _as_double(text: str) -> str:
    """A double column's cell text as the target shows it; a text no number (NULL, ``2,5``) as it is."""
    try:
        return float8_out(float(text))
    except ValueError:
        return text
