"""Stage 2, planning: what each column becomes and by which rule.

In: a :class:`~columnar_etl.models.Profile` and the settings' per-column overrides. Out: a
:class:`~columnar_etl.planning.plan.Plan` (plain data: per column the PostgreSQL type, the parse rule,
masking, the output name), which the cleaner turns into expressions.
"""
