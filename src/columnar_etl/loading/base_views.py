"""The stable schema's views on the live version: :func:`point_views` re-points ``<base>.<table>`` at a
version's tables in the caller's transaction (a cutover, a rollback, a simple load), locking the views
first and waiting for older snapshots that would read the new tables empty; :class:`ViewChange` says
what it did to each view. The version schemas themselves and the locks are
:mod:`~columnar_etl.loading.schemas`'."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from columnar_etl.backups.pg_backup import BACKUP_APPLICATION
from columnar_etl.errors import LoadError
from columnar_etl.loading.dependents import (
    drop_dependents,
    find_dependents,
    grant_statements,
    recreate_dependents,
    save_dependents,
)
from columnar_etl.loading.schemas import bounded_attempts, raise_waited_out, table_columns
from columnar_etl.loading.statements import execute, fetch_all
from columnar_etl.pg.identifiers import qualified, quote_ident, quote_literal


@dataclass
class ViewChange:
    """What a re-pointing did to one view of the stable schema, and how its columns differ."""

    table: str
    action: str  # "created", "replaced", "recreated" (columns differ) or "dropped"
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    retyped: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: The users' own views on it, dropped and made again with it (qualified names, in creation order).
    kept: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """What changed in its columns: ``amount bigint → numeric, subject removed``."""
        what = [f"{name} {old} → {new}" for name, (old, new) in self.retyped.items()]
        what += [f"{name} removed" for name in self.removed]
        if self.action == "dropped":
            return "dropped: the version has no such table"
        return ", ".join(what) or "its columns change"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "table": self.table,
            "action": self.action,
            "added": list(self.added),
            "removed": list(self.removed),
            "retyped": {name: list(pair) for name, pair in self.retyped.items()},
            "kept": list(self.kept),
        }


def point_views(cursor: Any, base: str, version: str, *, wait_seconds: float) -> list[ViewChange]:
    """Make ``<base>.<table>`` select from ``<version>.<table>`` for every table of ``version``.

    Runs inside the caller's transaction (commit makes it visible at once). The existing views are
    locked first, all in one statement, so a reader sees the old set or the new set, never a mix.
    A view whose columns stay a prefix-compatible match is replaced in place (grants and dependent
    views survive); one whose columns changed is dropped and recreated with the same grants; views of
    tables the version lacks are dropped. The users' own views on those dropped are locked with them,
    saved, dropped and made again afterwards (:mod:`~columnar_etl.loading.dependents`); one that no
    longer compiles, or what cannot be made again, raises :class:`LoadError` naming it.
    """
    execute(cursor, f"CREATE SCHEMA IF NOT EXISTS {quote_ident(base)}")
    ours = _our_views(cursor, base)
    # Types with their modifiers: CREATE OR REPLACE VIEW cannot change a column's numeric(18,2) into a
    # numeric(38,2) either ("cannot change data type of view column"): such a view is recreated.
    current = {
        name: columns
        for name, columns in table_columns(cursor, base, views=True, modifiers=True).items()
        if name in ours
    }
    target = table_columns(cursor, version, modifiers=True)
    if not target:
        raise LoadError(f"version schema {version!r} has no tables", hint="columnar-etl schemas list")
    # The base schema may hold the users' own objects: never replace or drop one (helper 22: a view of
    # the table's name was replaced, and every view no version has a table for would have been dropped).
    taken = {
        str(name): str(kind)
        for name, kind in fetch_all(cursor, _RELATIONS.format(schema=quote_literal(base)))
    }
    for table in sorted(target):
        if table in taken and table not in ours:
            what = _KINDS.get(taken[table], "relation")
            raise LoadError(
                f"base schema {base!r} holds {'an' if what[0] in 'aeiou' else 'a'} {what} {table!r} that "
                "columnar_etl did not make: nothing was committed",
                table=table,
                hint="rename or drop it, or load into another base_schema (--base)",
            )
    changes: dict[str, ViewChange] = {}
    for table, columns in target.items():
        old = current.get(table)
        change = changes[table] = _compare(table, old or [], columns)
        if old is None:
            change.action = "created"
        elif columns[: len(old)] == old:
            change.action = "replaced"
        else:
            change.action = "recreated"
    for table in sorted(set(current) - set(target)):
        changes[table] = ViewChange(table, "dropped", removed=[name for name, _ in current[table]])
    # PostgreSQL refuses to drop a view another view reads: the users' views on those dropped (or
    # recreated) are saved, dropped, and made again on the new ones, all in this transaction.
    doomed = {qualified(base, table): change for table, change in changes.items() if change.action in _DROPS}
    summaries = {name: change.summary() for name, change in doomed.items()}
    dependents = find_dependents(cursor, summaries)
    if current:
        _wait_for_older_snapshots(cursor, base, version, wait_seconds)
        stable = [qualified(base, table) for table in sorted(current)]
        _lock_views(cursor, base, stable + dependents.names(), wait_seconds)
    save_dependents(cursor, dependents)
    drop_dependents(cursor, dependents)
    for table, change in changes.items():
        view = qualified(base, table)
        select = f"SELECT * FROM {qualified(version, table)}"
        if change.action == "created":
            execute(cursor, f"CREATE VIEW {view} AS {select}", table=table)
        elif change.action == "replaced":
            execute(cursor, f"CREATE OR REPLACE VIEW {view} AS {select}", table=table)
        elif change.action == "recreated":
            grants = grant_statements(cursor, f"{quote_literal(view)}::regclass")
            execute(cursor, f"DROP VIEW {view}", table=table)
            execute(cursor, f"CREATE VIEW {view} AS {select}", table=table)
            for grant in grants:
                execute(cursor, grant.format(view=view), table=table)
        else:
            execute(cursor, f"DROP VIEW {view}", table=table)
    recreate_dependents(cursor, dependents, summaries, version=version)
    for name, change in doomed.items():
        change.kept = dependents.on(name)
    return list(changes.values())


#: The actions of :func:`point_views` that drop a view of the stable schema.
_DROPS = ("recreated", "dropped")


#: Every name of the schema a view's creation needs: a relation's of any kind (an index's and a composite
#: type's too: "relation already exists"), and a type's other than a relation's row type (a view makes
#: its row type of its name: "type already exists"), with its kind (``pg_class.relkind``, or ``type``).
_RELATIONS = (
    "SELECT c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = {schema} "
    "UNION ALL SELECT t.typname, 'type' FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
    "WHERE n.nspname = {schema} AND t.typrelid = 0 AND t.typelem = 0"
)


_KINDS = {
    "r": "table",
    "p": "table",
    "v": "view",
    "m": "materialized view",
    "f": "foreign table",
    "S": "sequence",
    "i": "index",
    "I": "index",
    "c": "composite type",
    "type": "type",
}


def _our_views(cursor: Any, base: str) -> set[str]:
    """The views of ``base`` that columnar_etl made: those reading a table of one of its version
    schemas (``<base>_vYYYYMMDD_HHMMSS[_n]``), as :func:`point_views` makes them. A view of the same
    schema reading anything else is the users' own."""
    rows = fetch_all(cursor, f"SELECT DISTINCT v.relname {our_views_sql(base)}")
    return {str(name) for (name,) in rows}


def views_read(cursor: Any, base: str) -> list[str]:
    """The version schemas the views of ``base`` that columnar_etl made read, sorted: what the dashboards
    really read, whatever the ledger says is live (one schema, but a ledger row deleted or a view
    re-pointed by hand can make it another, or several)."""
    rows = fetch_all(cursor, f"SELECT DISTINCT tn.nspname {our_views_sql(base)} ORDER BY 1")
    return [str(name) for (name,) in rows]


def our_views_sql(base: str) -> str:
    """The FROM and WHERE of the views of ``base`` that columnar_etl made (``v``, a ``pg_class`` row):
    those reading a table of one of its version schemas (:func:`_our_views`)."""
    prefix = quote_literal(base + "_v")
    return (
        "FROM pg_class v "
        "JOIN pg_namespace vn ON vn.oid = v.relnamespace "
        "JOIN pg_rewrite r ON r.ev_class = v.oid "
        "JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid "
        "AND d.refclassid = 'pg_class'::regclass "
        "JOIN pg_class t ON t.oid = d.refobjid AND t.relkind IN ('r', 'p') "
        "JOIN pg_namespace tn ON tn.oid = t.relnamespace "
        f"WHERE vn.nspname = {quote_literal(base)} AND v.relkind = 'v' "
        f"AND left(tn.nspname, length({prefix})) = {prefix} "
        f"AND substr(tn.nspname, length({prefix}) + 1) ~ '^[0-9]{{8}}_[0-9]{{6}}(_[0-9]+)?$'"
    )


def _compare(table: str, old: list[tuple[str, str]], new: list[tuple[str, str]]) -> ViewChange:
    old_types, new_types = dict(old), dict(new)
    return ViewChange(
        table,
        action="",
        added=[name for name in new_types if old and name not in old_types],
        removed=[name for name in old_types if name not in new_types],
        retyped={
            name: (old_types[name], kind)
            for name, kind in new_types.items()
            if name in old_types and old_types[name] != kind
        },
    )


def _lock_views(cursor: Any, base: str, views: list[str], wait_seconds: float) -> None:
    """ACCESS EXCLUSIVE on ``views`` (qualified names: the stable schema's, and the users' views on
    those a cutover drops), waiting for their readers at most ``wait_seconds``."""
    # Readers lock views in the order their query names them; a cutover that waited while holding
    # some could deadlock with one, and PostgreSQL would then cancel either side. So each attempt
    # waits less than deadlock_timeout, gives up everything it took (a subtransaction), and tries
    # again: readers never see an error, the cutover just waits for them. Retried on the server,
    # because an error on this ADBC connection would end the whole transaction.
    #
    # The views only: LOCK TABLE on a view also locks, in the same mode, every table its query reads
    # (the live version's), so it waited for any VACUUM or ANALYZE of them, which hold a lock that
    # conflicts with ACCESS EXCLUSIVE and which a wait shorter than deadlock_timeout never cancels
    # (an autovacuum of the 40x export's live tables held a cutover past its 30 s). A no-op change of
    # owner (to the view's own) takes ACCESS EXCLUSIVE on the view alone: it still waits for readers
    # of the view, no longer for what touches the tables behind it. (It needs what replacing the view
    # needs next: to own it.) ALTER TABLE, as it takes a materialized view too.
    names = ", ".join(quote_literal(view) for view in views)
    attempt = f"""FOREACH view_name IN ARRAY ARRAY[{names}] LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %s OWNER TO %I', view_name, (SELECT
          pg_catalog.pg_get_userbyid(c.relowner) FROM pg_catalog.pg_class c
          WHERE c.oid = pg_catalog.to_regclass(view_name)));
      END LOOP;"""
    try:
        execute(
            cursor,
            "DO $$ DECLARE view_name text; holders text; BEGIN "
            f"{bounded_attempts(attempt, base, wait_seconds, kind='v')}END $$",
        )
    except LoadError as exc:
        # Who holds them, as the server saw it when the wait ended (until 2026-12-03 the message quoted
        # the start of this DO block instead, and its hint said what had not happened, not what to do).
        raise_waited_out(
            exc,
            lambda holders: (
                f"readers held the views of {base} for more than {wait_seconds:g} s{holders}: "
                "nothing was committed"
            ),
            hint="let them finish (a dashboard's open transaction) or raise target_lock_wait, and run again",
        )


#: ``application_name`` of sessions whose snapshot reads a version's tables, never the base's views:
#: ``pg_dump`` (``backup target``, the dump before a cutover) and the backup's own transaction holding
#: the snapshot pg_dump uses (:data:`~columnar_etl.backups.pg_backup.BACKUP_APPLICATION`). A cutover
#: does not wait for them.
SNAPSHOTS_READING_NO_VIEW = ("pg_dump", BACKUP_APPLICATION)


def _wait_for_older_snapshots(cursor: Any, base: str, version: str, wait_seconds: float) -> None:
    # A REPEATABLE READ (or SERIALIZABLE) transaction keeps the snapshot of its first statement, but
    # PostgreSQL finds views and tables by the current catalogue: one opened before the version's load
    # committed (for a simple load: any, this transaction's rows being uncommitted) that reads the
    # views after the switch reads the version's tables with a snapshot that cannot see a row of them:
    # empty, not an error (as after a TRUNCATE). One that has read a view already holds it, and
    # _lock_views waits for it; one idle in its transaction with such a snapshot, and the right to
    # read the base schema, is waited for here, as long, and named if it stays. (One that takes its
    # snapshot as it queues behind a simple load's lock cannot be told: docs/runbook.md.)
    try:
        execute(
            cursor,
            f"""DO $$
DECLARE
  deadline timestamptz := clock_timestamp() + make_interval(secs => {wait_seconds:.3f});
  born xid;
  holders text;
BEGIN
  SELECT c.xmin INTO born FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = {quote_literal(version)} AND c.relkind IN ('r', 'p') LIMIT 1;
  IF born IS NULL THEN
    RETURN;
  END IF;
  LOOP
    SELECT pg_catalog.string_agg(pg_catalog.rtrim(pg_catalog.format('pid %s %s', a.pid, a.application_name)),
      ', ' ORDER BY a.pid) INTO holders
    FROM pg_catalog.pg_stat_activity a
    WHERE a.datname = pg_catalog.current_database() AND a.pid <> pg_catalog.pg_backend_pid()
      AND a.state = 'idle in transaction' AND a.backend_xmin IS NOT NULL
      AND a.application_name NOT IN ({", ".join(quote_literal(name) for name in SNAPSHOTS_READING_NO_VIEW)})
      AND pg_catalog.age(a.backend_xmin) >= pg_catalog.age(born)
      AND pg_catalog.has_schema_privilege(a.usesysid, {quote_literal(base)}, 'USAGE');
    EXIT WHEN holders IS NULL;
    IF clock_timestamp() > deadline THEN
      RAISE EXCEPTION '%', holders USING ERRCODE = 'lock_not_available';
    END IF;
    PERFORM pg_catalog.pg_sleep(0.05);
  END LOOP;
END $$""",
        )
    except LoadError as exc:
        raise_waited_out(
            exc,
            lambda holders: (
                f"transactions older than version {version} held snapshots that cannot see it "
                f"for more than {wait_seconds:g} s{holders}: nothing was committed"
            ),
            hint="let them finish (a REPEATABLE READ or SERIALIZABLE transaction opened before the version "
            "was loaded would find its tables empty) or raise target_lock_wait, and run again",
        )
