"""The counted distinct cells every profile query reads: ``(idx, cls, v, weight)``, one row per
column, storage class and value (:func:`distinct_cells_sql`), a BLOB as its label
(:func:`blob_label_sql`), a REAL cell as its shortest text (:func:`shortest_text_sql`); and the test
of a row's column place (:func:`in_places`)."""

from __future__ import annotations

from collections.abc import Collection

from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.source.cells import CLASSES_COLUMN


def shortest_text_sql(double: str) -> str:
    """DuckDB: the DOUBLE ``double`` as the profile shows a REAL cell: the shortest text that reads back
    as the same double (Python's ``repr`` too), ``-0.0`` as ``0.0`` (equal numbers)."""
    return f"CAST({double} + 0.0 AS VARCHAR)"


def in_places(places: Collection[int]) -> str:
    """SQL: the row's column (``idx``) is one of ``places``."""
    return f"list_contains([{', '.join(str(int(i)) for i in sorted(places))}], idx)"


def blob_label_sql(raw: str) -> str:
    """DuckDB: the label a BLOB ``raw`` is counted and shown by: its size and MD5 (as bytes)."""
    return f"encode('<blob ' || octet_length({raw}) || ' bytes ' || md5({raw}) || '>')"


def distinct_cells_sql(
    relation: str,
    columns: list[str],
    sample_rows: int | None,
    positions: list[int] | None = None,
    *,
    rowid: str | None = None,
) -> str:
    """``relation``'s distinct cells, counted: ``(idx, cls, v, weight)``, one row per column index,
    storage class letter and value (bytes; a BLOB as its label), ``weight`` cells of it. ``idx`` is a
    column's place in ``columns``, or its number in ``positions`` (its place in its table, when
    ``relation`` reads only some columns).

    ``rowid``: the relation's rowid column, whose values a long cell (:attr:`ColumnRead.long_bytes`,
    hidden: its class letter a capital, its value its size) keeps as a fifth column, ``r``: each long
    cell is then a row of its own (NULL for the others).

    Without ``columns``: the row count (``row_count``)."""
    # REPEATABLE: the same sample on every run; a reservoir of N rows never returns 0 rows on small tables.
    sample = f" USING SAMPLE reservoir({int(sample_rows)} ROWS) REPEATABLE (42)" if sample_rows else ""
    source = f"(SELECT * FROM {relation}{sample})" if sample else relation
    if not columns:
        return f"SELECT count(*) AS row_count FROM {source} AS src_rows"
    indexes = ", ".join(str(index) for index in (positions or range(len(columns))))
    values = ", ".join(quote_ident(name) for name in columns)
    # Unnests in one SELECT walk their lists side by side: (0, first column's class letter, its
    # value), (1, ...). The row's class letters split into a list (one letter per column) cost less
    # than cutting each cell's letter out of them.
    kept = f", {quote_ident(rowid)} AS r" if rowid else ""
    cells = (
        f"SELECT unnest([{indexes}]) AS idx, unnest(str_split({quote_ident(CLASSES_COLUMN)}, '')) AS cls, "
        f"unnest([{values}]) AS raw{kept}\nFROM {source} AS src_rows"
    )
    # A BLOB is counted by its size and digest, not its bytes: the counting then holds a few dozen
    # bytes per distinct BLOB, however large the images or files are. A REAL cell (read with all its
    # digits, ColumnRead.real_digits) is counted as its shortest_text_sql, as a column of REAL cells
    # only is (.native): one text per double, -0.0 as 0.0 (DuckDB's typed scan groups them as one).
    label = blob_label_sql("raw")
    real = f"encode({shortest_text_sql('CAST(decode(raw) AS DOUBLE)')})"
    long = ", CASE WHEN cls IN ('T', 'B') THEN r END AS r" if rowid else ""
    value = f"CASE WHEN cls = 'b' THEN {label} WHEN cls = 'r' THEN {real} ELSE raw END AS v"
    cells = f"SELECT idx, cls, {value}{long}\nFROM (\n{cells}\n) AS row_cells"
    grouped = "idx, cls, v" + (", r" if rowid else "")
    return (
        f"SELECT idx, cls, v, count(*) AS weight{', r' if rowid else ''}\nFROM (\n{cells}\n) AS cells\n"
        f"GROUP BY {grouped}"
    )
