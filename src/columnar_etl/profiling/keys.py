"""Each table's key — from the schema first, then from the data — and its duplicate rows.

The key, in order of preference:

1. the declared PRIMARY KEY (``PRAGMA table_xinfo``: its ``pk`` positions; an ``INTEGER PRIMARY KEY``
   is SQLite's rowid alias, unique and non-null by construction) — ``declared_primary_key``;
2. a declared UNIQUE constraint or unique index (``PRAGMA index_list`` / ``index_info``; not partial,
   no expression; a generated column's too), fewest columns first, then leftmost — ``declared_unique``;
3. a column unique and non-null in the data, whatever its name: every row present, no blank, null
   token, padding or unparseable value, as many distinct values as rows; integer columns first, then
   text, leftmost first — ``data_unique`` (from the profile's exact counts; nothing is rescanned).

A declared key is what the schema says, not a promise: SQLite lets a non-rowid PRIMARY KEY hold NULLs
(and an old or damaged file, duplicates). So, unless SQLite enforces the key (rowid alias, WITHOUT
ROWID, NOT NULL columns) or the profile proved it, one aggregate per table (DuckDB, over the same relation the
profiler reads) counts what would clash: exact duplicate rows (every column equal), rows sharing a key
with a *different* row, and rows with a NULL key — see :func:`.duplicate_count.duplicate_sql`. Only the
rows that can be either are read whole: those whose value in one column
(:func:`.duplicate_count.narrowing_column`) repeats, found from the profile's counts of its values (else
by a scan of that column alone), and those with a NULL key.

Here: :func:`find_key`, which sets a table's key and counts its duplicates, and :func:`load_keys`, the
keys as the loader takes them. The declared keys are read by :mod:`.declared_keys`, the keys found in
the data by :mod:`.data_keys`; the duplicate count's SQL is :mod:`.duplicate_count`'s, and the keys
cleaning would merge (loaded as written) are :mod:`.merged_keys`'.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb

from columnar_etl.models import DuplicatePolicy, Issue, TableProfile
from columnar_etl.profiling.data_keys import data_key, stored_classes
from columnar_etl.profiling.declared_keys import DeclaredKey
from columnar_etl.profiling.duplicate_count import (
    NUL_KEY_REASON,
    digested_in_runs,
    duplicate_sql,
    example_labels,
    indexed_without_nulls,
    narrowing_column,
    narrowing_filter,
    without_nul,
)
from columnar_etl.profiling.list_values import mark_list_columns
from columnar_etl.source.cells import (
    ROW_DIGEST_BYTES,
    ROWID_COLUMN,
    ColumnRead,
)
from columnar_etl.source.duckdb_reader import query_errors
from columnar_etl.source.export import Source


def find_key(
    src: Source,
    table: TableProfile,
    declared: DeclaredKey | None,
    *,
    count: bool = True,
    kept: tuple[str, Mapping[str, int]] | None = None,
) -> None:
    """Set ``table``'s key and, with ``count``, its duplicate figures and table issues (one query).
    ``kept``: a DuckDB relation of values the profile counted (``(idx, val, weight)``) and the
    ``idx`` there of the columns it holds, by name (see :func:`.duplicate_count.narrowing_filter`)."""
    if declared is not None:
        table.key, table.key_found = list(declared.columns), declared.found
    else:
        mark_list_columns(src, table)  # a column of lists is no key found in the data (list_values.py)
        if (column := data_key(table)) is not None:
            table.key, table.key_found = [column], "data_unique"
    columns = list(table.columns)
    if not count or not columns:
        return
    # SQLite keeps a key unique in its own terms: the INTEGER 5, the TEXT '5' and the BLOB x'35' are
    # three keys to it, one value in a typed (or text) target column. A key with a column of more than
    # one storage class is counted as the target will read it, whatever SQLite enforces.
    mixed = [name for name in table.key if len(stored_classes(table[name])) > 1]
    # Cleaning removes NUL bytes from text (PostgreSQL's text holds none, a key loaded as written too):
    # 'A\x00' and 'A', two keys to SQLite, are one in the target. Such a key is counted with its text
    # as cleaning leaves it. Not a bytea column: its cells keep every byte.
    nul = [name for name in table.key if table[name].nul_byte_count and table[name].inferred_type != "bytea"]
    unchanged = not mixed and not nul
    if ((declared is not None and declared.enforced) or table.key_found == "data_unique") and unchanged:
        # SQLite enforces the key, or the profile found it unique and non-null: a key that differs on
        # every row allows no exact copy either. Nothing to count, no query.
        table.duplicate_rows = table.duplicate_keys = table.null_keys = 0
        return
    # A key column of text holding REAL cells is counted with their text as the target holds it
    # (``0.1``, ``inf``, ``-0.0``): the REAL 0.1 and the TEXT '0.1' are one key there.
    as_target = {
        name
        for name in mixed
        if table[name].inferred_type == "text" and table[name].storage_classes.get("real")
    }
    # REALs with all 17 digits: rows differing past SQLite's 15 are not copies. Only a column with
    # TEXT that is not UTF-8 or with BLOBs needs decoding (decoding leaves valid UTF-8 as it is, and
    # costs a check of every cell).
    reads = [
        ColumnRead(
            c.name,
            real_digits=bool(c.storage_classes.get("real")),
            decode=bool(c.issue_count("invalid_encoding") or c.storage_classes.get("blob")),
            signed_zeros=c.name in as_target,
            reals_as_target=c.name in as_target,
        )
        for c in table
    ]
    # Rows wider than a digest are grouped by their digest (memory), narrower ones by their values (CPU).
    row_bytes = sum(c.bytes for c in table) / max(1, table.row_count)
    digest = row_bytes > ROW_DIGEST_BYTES
    # The rowid comes along (a table without one gets no list of copies: the cleaner then lists them).
    rowid = src.table(table.name).rowid is not None
    with query_errors(
        src.path, table.name, "counting duplicate rows", memory_hint="raise profile_memory_limit"
    ):
        # Only the rows that may be copies or clash on the key are read whole (SQLite renders every
        # REAL of a row read with 17 digits: most of the count's cost).
        # Not by a column holding NUL bytes: the filter compares its values as SQLite holds them.
        narrowing = narrowing_column(table, table.key, without=nul)
        where: str | None
        try:
            if narrowing is not None and indexed_without_nulls(declared, table, narrowing):
                where = "0"  # what the filter would find, without its GROUP BY of every key
            else:
                where = (
                    narrowing_filter(src, table, narrowing, _counted_column(kept, narrowing.name))
                    if narrowing is not None
                    else None
                )
        except duckdb.OutOfMemoryException:
            # A column of long values, 2,048 to DuckDB's vector: every row is counted instead (below).
            where = None
        if where == "0":
            row: Any = (0, 0, 0, None, None)
        else:
            relation = src.relation_sql(table.name, reads=reads, where=where, with_rowid=rowid)
            relation, counted, key = without_nul(relation, columns, table.key, nul)
            sql = duplicate_sql(relation, counted, key, digest=digest, rowid=ROWID_COLUMN if rowid else None)
            try:
                row = src.connection.cursor().execute(sql).fetchone()
            except duckdb.OutOfMemoryException:
                # Long rows, 2,048 to DuckDB's vector: their digests are taken a run of rows at a time.
                if not (digest and rowid):
                    raise
                row = digested_in_runs(src, table, reads, where, columns, row_bytes, nul)
    # The examples are of the key the count grouped by (or the first column): the key found below, once
    # the copies are known, is not what they show.
    shown = table.examples_of = table.key or columns[:1]
    rows, keys, nulls, ex_rows, ex_keys = row[:5]
    table.duplicate_rows, table.duplicate_keys, table.null_keys = int(rows), int(keys), int(nulls)
    if declared is not None and mixed and table.duplicate_rows and not table.null_keys:
        # SQLite's index of a declared key allows no two rows of one key, so no exact copy: rows equal
        # as the target reads them differ in a storage class ((5, 'w') and ('5', 'w')), the cleaner
        # keeps both, and they share the key there.
        table.duplicate_keys += table.duplicate_rows
        table.duplicate_rows = 0
        ex_keys = ex_keys or ex_rows
    if table.key_found == "data_unique" and (
        table.duplicate_keys or table.null_keys or (mixed and table.duplicate_rows)
    ):
        # Distinct to SQLite and the profile (5 and '5'), not as the target reads it: not the key. The
        # next column unique in the data, of one storage class, is (nothing to count: see above). Rows
        # equal as the target reads them are no copies the cleaner removes when a key column holds two
        # storage classes ((5, 'w') and ('5', 'w') are both kept): they share the key too.
        column = data_key(table, exclude=tuple(table.key))
        table.key, table.key_found = ([column], "data_unique") if column is not None else ([], None)
        table.duplicate_keys = table.null_keys = 0
        ex_keys = None
    if rowid and len(row) > 5:
        low, high, odd, mid, named = row[5:]
        listed = [*(low or ()), *(high or ()), *(mid or ())]
        if not odd and named:
            table.copy_rows = sorted(int(rowid) for rowid in listed)
    # The count reads every cell as text (invalid text decoded): its copies are the cleaner's only when
    # no column holds two storage classes (5 and '5') or text that is not UTF-8 (b'caf\xe9' and 'café'),
    # which the cleaner tells apart (c_3143: 'n' was taken for the key of rows the cleaner all kept).
    exact = all(
        len(set(stored_classes(c)) & {"integer", "text", "blob"}) <= 1
        and not c.issue_count("invalid_encoding")
        for c in table
    )
    if not table.key and table.duplicate_rows and exact:
        mark_list_columns(src, table, table.duplicate_rows)
        if column := data_key(table, table.duplicate_rows):
            # Unique in every row but the exact copies: the key, once they are removed (no row without
            # it, and no two different rows share it).
            table.key, table.key_found = [column], "data_unique"
            table.duplicate_keys = table.null_keys = 0
    what = ", ".join(shown)
    shared = f"rows whose key ({what}) is also another, different row's"
    reasons = []
    if mixed:
        classes = ", ".join(stored_classes(table[mixed[0]]))
        reasons.append(
            f"{', '.join(mixed)} holds {classes} cells: SQLite keeps the "
            "INTEGER 5 and the TEXT '5' apart, one target column cannot"
        )
    if nul:
        reasons.append(f"{', '.join(nul)} {NUL_KEY_REASON}")
    if reasons:
        shared += f" as the target reads it ({'; '.join(reasons)})"
    issues = [
        Issue(
            "duplicate_row",
            table.duplicate_rows,
            example_labels(table, shown, ex_rows),
            detail=f"rows equal to another row in every column (examples: {what})",
        ),
        Issue(
            "duplicate_key",
            table.duplicate_keys,
            example_labels(table, shown, ex_keys),
            detail=shared,
        ),
        Issue("null_key", table.null_keys, detail=f"rows with NULL in the key ({what})"),
    ]
    table.issues = [issue for issue in issues if issue.count]


def _counted_column(kept: tuple[str, Mapping[str, int]] | None, name: str) -> tuple[str, int] | None:
    """``kept``'s relation and column ``name``'s ``idx`` in it (None: it does not hold the column)."""
    if kept is None or name not in kept[1]:
        return None
    return kept[0], kept[1][name]


def load_keys(
    tables: Mapping[str, TableProfile],
    names: Mapping[str, Mapping[str, str]],
    duplicates: DuplicatePolicy,
) -> tuple[dict[str, list[str]], dict[str, str]]:
    """What the loader needs: each table's key (as loaded: ``names`` maps export → output names),
    and, for the keys that cannot be a primary key once ``duplicates`` is applied, why not.

    A key with a column that is not loaded (masked with ``drop``) is no key. The loader builds a plain
    index on a key with a reason, a primary key on the others.
    """
    keys: dict[str, list[str]] = {}
    blockers: dict[str, str] = {}
    for name, table in tables.items():
        mapping = names.get(name, {})
        if not table.key or any(column not in mapping for column in table.key):
            keys[name] = []
            continue
        keys[name] = [mapping[column] for column in table.key]
        blocker = table.primary_key_blocker(duplicates)
        if blocker is not None:
            blockers[name] = blocker
    return keys, blockers
