"""Stage 1, profiling: what every column of the export really holds.

In: a :class:`~columnar_etl.source.export.Source`. Out: a :class:`~columnar_etl.models.Profile` — per
column the storage classes, text shapes, inferred type and why (:mod:`.profile`, from the SQL of
:mod:`.sql`), each table's key and duplicates (:mod:`.keys`), references between tables
(:mod:`.references`), quality scores and the circuit breaker's verdict (:mod:`.quality`), and what the
target would reject (:mod:`.dry_run`).
"""
