"""PostgreSQL plumbing used by every stage: connection strings, connections, quoting, server and tools.

In: a target (URI, ``keyword=value`` string or ``embedded``) and names from the export. Out: ADBC
connections and transactions (:mod:`.connect`), libpq connection strings with the password split off
(:mod:`.conninfo`), the embedded server's URI (:mod:`.embedded`), quoted identifiers and literals
(:mod:`.identifiers`), the ``pg_dump``/``pg_restore`` binaries that match the server (:mod:`.tools`).
Nothing here knows about stages.
"""
