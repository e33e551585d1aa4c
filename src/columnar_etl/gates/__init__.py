"""Gate 0, preflight: may this export be moved into this target, on this machine, now?

In: the export's path, the settings and the target. Out: a
:class:`~columnar_etl.gates.preflight.PreflightResult`, one check each for disk, memory, the source
file (readable, not locked, intact), the target (reachable, version, may create schemas, reader
roles), ``pg_dump``/``pg_restore`` and the Python dependencies; nothing is changed anywhere.
"""
