"""The one orchestration: stages chained into commands, and the run record.

In: the export's path and the settings. Out: a :class:`~columnar_etl.pipeline.runner.RunResult` with
``runs/<run_id>/run.json`` (:mod:`.record`) from :func:`~columnar_etl.pipeline.runner.run` (preflight
→ backup → profile → gate → plan → clean → load → validate → cutover); the steps the CLI's
``profile`` and ``load`` and the public API share (:mod:`.profile_step`, :mod:`.load_step`); and
:func:`~columnar_etl.pipeline.raw.copy_raw`, the floor (every table as text, nothing else).

Nothing is imported here: the run record (which the report renders) must be importable without
the whole pipeline.
"""
