"""Stage 0, the source: the SQLite export, read-only.

In: a path to a SQLite file (any schema). Out: a :class:`~columnar_etl.source.export.Source` (its tables,
declared columns and row counts from SQLite's own catalogue) with a DuckDB connection that has the file
attached ``READ_ONLY`` through the installed sqlite_scanner extension; the export's identity (checksum of
what SQLite reads). Nothing here ever writes to the export.
"""
