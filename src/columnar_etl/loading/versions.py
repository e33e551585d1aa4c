"""Operations on loaded versions: cutover, rollback, list, prune.

A cutover or rollback re-points the views of ``<base>`` and flips ``live`` in the ledger in ONE
transaction, recording itself as a run in the same transaction: readers see the old version or the
new one, never a mix or an error (see :func:`~columnar_etl.loading.base_views.point_views`). Neither copies
data, so both take milliseconds whatever the size of the versions.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from columnar_etl.backups import TargetRestoreResult, backup_target, restore_target
from columnar_etl.config import Settings, load_settings, mask_uri
from columnar_etl.errors import CutoverRefused, EtlError, LoadError, failure_outcome, raise_if_interrupted
from columnar_etl.loading import ledger
from columnar_etl.loading.base_views import point_views, views_read
from columnar_etl.loading.dashboard import MetricResult, check_templates, load_templates, renames_for
from columnar_etl.loading.result import CutoverResult, PruneResult, VersionInfo
from columnar_etl.loading.schemas import (
    check_base,
    check_readers,
    drop_schema,
    drop_version_schema,
    fetch_all,
    grant_readers,
    lock_base,
    schema_exists,
)
from columnar_etl.observability.logs import get_logger, new_run_id
from columnar_etl.pg.connect import connect, rollback_quietly, transaction
from columnar_etl.pg.embedded import resolve_target
from columnar_etl.pg.identifiers import quote_literal


def cutover(
    target_uri: str,
    version: str | None = None,
    *,
    base: str = "servicedesk",
    settings: Settings | None = None,
    run_id: str | None = None,
    before_commit: Callable[[CutoverResult], None] | None = None,
) -> CutoverResult:
    """Make ``<base>.*`` read ``version`` (default: the newest version loaded after the live one; with
    nothing live, the newest).

    With ``backup_before_cutover`` the live version is dumped first, once the target is known to be one
    a cutover may make live (a refused cutover spends no dump). Raises :class:`LoadError` when the
    version is unknown, dropped or already live (without ``version``: when none was loaded after the
    live one), or when readers hold the views longer than ``target_lock_wait``; nothing changes then.
    ``before_commit`` is called with the result just before the commit (what it raises rolls the
    cutover back); the result's ``committed`` turns true the moment the commit returned.
    """
    return _switch(
        target_uri,
        base,
        version,
        rollback=False,
        settings=settings,
        run_id=run_id,
        before_commit=before_commit,
    )


def rollback(
    target_uri: str,
    *,
    base: str = "servicedesk",
    settings: Settings | None = None,
    run_id: str | None = None,
    before_commit: Callable[[CutoverResult], None] | None = None,
) -> CutoverResult:
    """Make ``<base>.*`` read the version that was live before the live one became live: undo the last
    change of what is live (a cutover, a simple load) not undone yet, by the ledger's history.

    Repeated rollbacks walk further back through that history, each undoing one change, and never
    forward again: after a cutover to an older version Q1 (Q2 live), a rollback returns to Q2 and the
    next one to what was live before Q2 (Q1 again, if Q2's load replaced it), not to Q2 and back
    again. Raises :class:`LoadError` when there is nothing to go back to (the first version made live),
    or when that version was dropped. ``before_commit`` as for :func:`cutover`.
    """
    return _switch(
        target_uri, base, None, rollback=True, settings=settings, run_id=run_id, before_commit=before_commit
    )


def _switch(
    uri: str,
    base: str,
    version: str | None,
    *,
    rollback: bool,
    settings: Settings | None,
    run_id: str | None,
    before_commit: Callable[[CutoverResult], None] | None = None,
) -> CutoverResult:
    settings = settings or load_settings()
    check_base(base)
    action = "rollback" if rollback else "cutover"
    started, started_at = time.perf_counter(), datetime.now(UTC)
    run = ledger.RunRecord(
        run_id=run_id or new_run_id(),
        base=base,
        mode=action,
        status="running",
        started=started_at,
        finished=started_at,
        config_hash=ledger.config_hash(settings),
        tool_version=ledger.tool_version(),
    )
    ledger.ensure_ledger(uri)
    backup: str | None = None
    notices: list[str] = []
    try:
        checked: _Checked | None = None
        if not rollback and settings.backup_before_cutover:
            # A cutover refused for its target (unknown, live already, dropped) or by a dashboard
            # template spends no dump: both are checked first (the target again under the lock below,
            # where it counts; the templates again only if the target or the live version changed).
            checked = _checked_target(uri, base, version, settings)
            backup = backup_live(uri, base, settings, notices)
        made: list[CutoverResult] = []

        def committed() -> None:  # first thing after the commit: an interrupt from here finds it done
            for result in made:
                result.committed = True

        with transaction(uri, committed=committed) as conn, _cursor(conn) as cursor:
            check_readers(cursor, settings.readers)
            lock_base(cursor, base, views=True, wait_seconds=settings.target_lock_wait)
            live = ledger.live_version(cursor, base)
            current = str(live["schema_name"]) if live else None
            # What the views really read, against what the ledger says is live: a row deleted or
            # edited by hand hid the live version ("nothing is live"), and the switch re-pointed its
            # views without a word.
            disagreement = ledger_disagreement(cursor, base, current)
            if rollback and disagreement is not None:
                raise LoadError(
                    f"{disagreement}: a rollback follows the ledger's history, which does not lead to what "
                    "the views read; nothing live changed",
                    hint="columnar-etl schemas list shows both; columnar-etl cutover VERSION makes a listed "
                    "version live (saying what it replaces)",
                )
            if rollback:
                target, after = _previous_of(cursor, base, live)
            else:
                target, after = _cutover_target(cursor, base, version, live), current
            run.version_schema = target
            if disagreement is None:
                _check_not_live(target, current)
            else:
                notices.append(f"{disagreement}: the cutover re-pointed them to {target}")
            # A rollback goes back to what dashboards read before: it is never held up by a template.
            # A version's tables never change once loaded: the check made before the dump holds for
            # the same target and live version.
            if rollback:
                dashboard = []
            elif checked is not None and (checked.target, checked.live) == (target, current):
                dashboard = checked.dashboard
            else:
                dashboard = _check_dashboard(cursor, target, live, settings)
            changes = point_views(cursor, base, target, wait_seconds=settings.target_lock_wait)
            # In the same transaction as the re-pointing: views created now get the readers' SELECT
            # before anyone sees them, and a version loaded before a reader was configured gets it too.
            grant_readers(cursor, base, settings.readers)
            grant_readers(cursor, target, settings.readers)
            # A cutover's `previous` is the version it replaces; a rollback's, the one live before the
            # version it returns to: the next rollback goes further back, never forward again.
            ledger.set_live(cursor, base, target, previous=after)
            result = CutoverResult(
                run_id=run.run_id,
                base=base,
                from_version=current,
                to_version=target,
                rollback=rollback,
                target=mask_uri(uri),
                changes=changes,
                backup=backup,
                seconds=time.perf_counter() - started,
                dashboard=dashboard,
                notices=notices,
            )
            run.status, run.finished, run.report = "succeeded", datetime.now(UTC), result.to_dict()
            ledger.write_run(cursor, run, finished_now=True)
            made.append(result)
            if before_commit is not None:
                before_commit(result)
            raise_if_interrupted()  # an interrupt whose own raise was lost: the views stay as they are
    except EtlError as exc:
        run.status, run.finished, run.error = failure_outcome(exc), datetime.now(UTC), exc.one_line()
        ledger.record_run(uri, run)
        raise
    get_logger(stage=action, run_id=run.run_id).info(action, base=base, frm=current, to=target)
    return result


@dataclass(frozen=True)
class _Checked:
    """What a cutover was checked against before its dump: the version it would make live, the one
    live then, and the dashboard templates' results on it."""

    target: str
    live: str | None
    dashboard: list[MetricResult]


def _checked_target(uri: str, base: str, version: str | None, settings: Settings) -> _Checked:
    """The version a cutover to ``version`` would make live and the dashboard templates' results on it,
    read in a transaction of its own (rolled back); raises as the cutover would (unknown, dropped, live
    already, refused by a template)."""
    conn = connect(uri, autocommit=False)
    try:
        with _cursor(conn) as cursor:
            live = ledger.live_version(cursor, base)
            target = _cutover_target(cursor, base, version, live)
            current = str(live["schema_name"]) if live else None
            _check_not_live(target, current)
            dashboard = _check_dashboard(cursor, target, live, settings)
    finally:
        rollback_quietly(conn)
        conn.close()
    return _Checked(target, current, dashboard)


def ledger_disagreement(cursor: Any, base: str, current: str | None) -> str | None:
    """What the views of ``base`` read, said plainly, when it is not the version the ledger says is live
    (``current``); None when they agree (or no view of columnar_etl's is there to read anything). A
    schema the views read that the ledger does not list is named so: no rollback can return to it."""
    reading = views_read(cursor, base)
    unknown = [name for name in reading if ledger.version(cursor, name) is None]
    return disagreement_said(base, reading, current, unknown)


def disagreement_said(base: str, reading: list[str], current: str | None, unknown: list[str]) -> str | None:
    """The words of :func:`ledger_disagreement`: the views of ``base`` read ``reading``, the ledger says
    ``current`` is live and lists none of ``unknown``; None when views and ledger agree."""
    if not reading or reading == [current]:
        return None
    said = f"the views of {base!r} read {', '.join(reading)}, but the ledger says "
    said += f"{current} is live" if current else "nothing is live"
    if unknown:
        said += f" and lists no {', '.join(unknown)} (a ledger row deleted by hand?)"
    return said


def _check_not_live(target: str, current: str | None) -> None:
    if target == current:
        raise LoadError(f"{target} is live already", hint="columnar-etl schemas list")


def _check_dashboard(
    cursor: Any, target: str, live: dict[str, Any] | None, settings: Settings
) -> list[MetricResult]:
    """The templates on ``target`` against the live version; raises when one would break a dashboard."""
    templates = load_templates(settings.dashboard_templates)
    row = ledger.version(cursor, target)
    live_schema = str(live["schema_name"]) if live and schema_exists(cursor, live["schema_name"]) else None
    results = check_templates(
        cursor,
        target,
        templates,
        live=live_schema,
        candidate_names=renames_for(cursor, target, templates, row["column_names"] if row else None),
        live_names=renames_for(cursor, live_schema, templates, live["column_names"])
        if live is not None and live_schema is not None
        else None,
        bundled=settings.dashboard_templates is None,
    )
    failing = [m for m in results if not m.ok]
    if failing:
        more = f" (+{len(failing) - 1} more)" if len(failing) > 1 else ""
        raise CutoverRefused(
            f"cutover to {target} refused, nothing live changed: dashboard template "
            f"{failing[0].name!r} failed: {failing[0].reason}{more}",
            hint="columnar-etl templates check --version " + target + " lists every template",
        )
    return results


def _cutover_target(cursor: Any, base: str, version: str | None, live: dict[str, Any] | None) -> str:
    if version is None:
        # The default is a version loaded after the live one (what a blue-green load leaves ready, or
        # one rolled back from), never an older one: "the newest that is not live" took the dashboards
        # back a quarter when nothing newer was there (a refused load, a second `cutover`).
        rows = ledger.versions(cursor, base)
        names = [str(row["schema_name"]) for row in rows]
        candidates = (
            names[names.index(str(live["schema_name"])) + 1 :]
            if live and live["schema_name"] in names
            else names
        )
        if not candidates:
            since = f": none was loaded after the live one, {live['schema_name']}" if live else ""
            raise LoadError(
                f"no version of {base!r} to cut over to{since}",
                hint="load one with --mode blue-green first; columnar-etl cutover VERSION makes an older "
                "one live again (columnar-etl schemas list shows them)",
            )
        version = candidates[-1]
    row = ledger.version(cursor, version)
    if row is None or row["base"] != base:
        raise LoadError(f"{version!r} is not a version of {base!r}", hint="columnar-etl schemas list")
    if row["dropped"] is not None or not schema_exists(cursor, version):
        raise LoadError(f"version {version!r} was dropped", hint="columnar-etl schemas list")
    return version


def _previous_of(cursor: Any, base: str, live: dict[str, Any] | None) -> tuple[str, str | None]:
    """The version a rollback makes live, and the one a rollback after it would: the version live
    before the live one became live, and the one before that (see :func:`.ledger.live_history`)."""
    if live is None:
        raise LoadError(
            f"nothing of {base!r} is live, so there is nothing to roll back",
            hint="columnar-etl schemas list shows its versions; columnar-etl cutover VERSION makes one live",
        )
    history = ledger.live_history(cursor, base)
    if history and history[-1] == live["schema_name"]:
        previous = history[-2] if len(history) > 1 else None
        after = history[-3] if len(history) > 2 else None
    else:  # no history that ends at the live version (made live by hand?): its `previous`, and theirs
        previous = live["previous"]
        before = ledger.version(cursor, previous) if previous is not None else None
        after = before["previous"] if before is not None else None
    if previous is None:
        raise LoadError(
            f"{live['schema_name']} has no previous version to roll back to",
            hint="columnar-etl cutover VERSION makes any listed version live",
        )
    row = ledger.version(cursor, previous)
    if row is None or row["dropped"] is not None or not schema_exists(cursor, previous):
        raise LoadError(f"the previous version {previous!r} was dropped", hint="columnar-etl cutover VERSION")
    return str(previous), after


def list_versions(target_uri: str, *, base: str = "servicedesk") -> list[VersionInfo]:
    """The versions of ``base`` the ledger knows (dropped ones left out), and the version schemas in the
    database it lists no row of (``unlisted``: deleted by hand), oldest first, each saying whether the
    base's views read it; none when nothing was ever loaded into the database. Only reads: the ledger
    is never made here, and a role with USAGE on its schema and SELECT on its tables may list (see
    :func:`.ledger.check_readable`)."""
    check_base(base)
    conn = connect(target_uri, autocommit=True)
    try:
        with _cursor(conn) as cursor:
            if not ledger.check_readable(cursor):
                return []
            rows = ledger.versions(cursor, base)
            # A prefix, not LIKE: a base may hold `_`, `%` or a backslash.
            prefix = quote_literal(base + "_v")
            present = {
                str(name)
                for (name,) in fetch_all(
                    cursor, f"SELECT nspname FROM pg_namespace WHERE starts_with(nspname, {prefix})"
                )
            }
            reading = set(views_read(cursor, base))
            ever = {str(row["schema_name"]) for row in ledger.versions(cursor, base, include_dropped=True)}
    finally:
        conn.close()
    known = [
        VersionInfo(
            schema=str(row["schema_name"]),
            created=row["created"],
            live=bool(row["live"]),
            previous=row["previous"],
            rows={str(k): int(v) for k, v in (row["rows"] or {}).items()},
            quality=row["quality"],
            run_id=row["run_id"],
            live_since=row["live_since"],
            missing=str(row["schema_name"]) not in present,
            read_by_views=str(row["schema_name"]) in reading,
        )
        for row in rows
    ]
    # A version schema still there whose ledger row was deleted by hand: listed, never hidden (the
    # dashboards may be reading it), for no cutover or rollback knows it.
    unlisted = [
        VersionInfo(
            schema=name,
            created=created,
            live=False,
            previous=None,
            rows={},
            quality=None,
            run_id=None,
            read_by_views=name in reading,
            unlisted=True,
        )
        for name in sorted(present - ever)
        if (created := _created_of(name, base)) is not None
    ]
    return sorted(known + unlisted, key=lambda info: _made_order(info, base))


def _made_order(info: VersionInfo, base: str) -> tuple[datetime, int, datetime]:
    """Where a version goes among the others: by the moment its name says (the server's clock as its
    schema was made; all an unlisted version has), then its name's counter (``_2``: the second made in
    that second), then its creation in the ledger."""
    counter = re.search(r"_(\d+)$", info.schema[len(base) + 17 :])
    named = _created_of(info.schema, base) or info.created.replace(microsecond=0)
    return named, int(counter.group(1)) if counter else 1, info.created


def _created_of(schema: str, base: str) -> datetime | None:
    """When version ``schema`` of ``base`` was made, by its name (``<base>_vYYYYMMDD_HHMMSS[_n]``, UTC);
    None for a name of no version."""
    match = re.fullmatch(r"(\d{8}_\d{6})(_\d+)?", schema[len(base) + 2 :])
    try:
        return datetime.strptime(match.group(1), "%Y%m%d_%H%M%S").replace(tzinfo=UTC) if match else None
    except ValueError:  # digits of no moment (month 13): no name columnar_etl gives
        return None


def prune_versions(
    target_uri: str,
    *,
    keep: int,
    base: str = "servicedesk",
    dry_run: bool = False,
    settings: Settings | None = None,
    run_id: str | None = None,
    before_commit: Callable[[PruneResult], None] | None = None,
) -> PruneResult:
    """Drop old versions, keeping the ``keep`` newest — never the live one or its predecessor.

    "Old" means created before the live version: versions loaded since (blue-green candidates, or one
    rolled back from) are kept for a cutover. With nothing live, every version is such a candidate and
    the newest is always kept (``--keep 0`` included): a prune never leaves a base schema with no
    version to cut over to. The schemas are dropped, their ledger rows marked ``dropped`` and the
    prune recorded as a run (mode ``prune``, its result as report; ``run_id``, default a new one) in
    one transaction; a prune that fails is recorded as failed. A dry run changes nothing and is not
    recorded. ``before_commit`` as for :func:`cutover` (not called for a dry run).
    """
    if keep < 0:
        raise LoadError(f"--keep must be 0 or more, got {keep}")
    settings = settings or load_settings()
    check_base(base)
    started = datetime.now(UTC)
    run = ledger.RunRecord(
        run_id=run_id or new_run_id(),
        base=base,
        mode="prune",
        status="running",
        started=started,
        finished=started,
        config_hash=ledger.config_hash(settings),
        tool_version=ledger.tool_version(),
    )
    ledger.ensure_ledger(target_uri)
    try:
        result = _prune(target_uri, base, keep, dry_run, settings, run, before_commit)
    except EtlError as exc:
        if not dry_run:
            run.status, run.finished, run.error = failure_outcome(exc), datetime.now(UTC), exc.one_line()
            ledger.record_run(target_uri, run)
        raise
    return result


def _prune(
    target_uri: str,
    base: str,
    keep: int,
    dry_run: bool,
    settings: Settings,
    run: ledger.RunRecord,
    before_commit: Callable[[PruneResult], None] | None,
) -> PruneResult:
    made: list[PruneResult] = []

    def committed() -> None:  # first thing after the commit: an interrupt from here finds it done
        for result in made:
            result.committed = True

    with transaction(target_uri, committed=committed) as conn, _cursor(conn) as cursor:
        lock_base(cursor, base, views=True, wait_seconds=settings.target_lock_wait)
        rows = ledger.versions(cursor, base)
        live = next((row for row in rows if row["live"]), None)
        protected = {row["schema_name"] for row in rows[len(rows) - keep :]} if keep else set()
        if live is not None:
            protected |= {live["schema_name"], live["previous"]}
            protected |= {row["schema_name"] for row in rows if row["created"] > live["created"]}
        elif rows:  # nothing live: the newest candidate stays, what the next cutover would make live
            protected.add(rows[-1]["schema_name"])
        dropped, warnings = [], []
        for row in rows:
            schema = str(row["schema_name"])
            if schema in protected:
                continue
            # Never CASCADE: what the operator made on a version (a view of theirs reading it) keeps it.
            held = drop_version_schema(
                cursor, schema, dry_run=dry_run, wait_seconds=settings.target_lock_wait
            )
            if held is not None:
                protected.add(schema)
                warnings.append(
                    f"kept {schema}: {held} (columnar_etl drops only what it made: drop or rewrite that, "
                    "then prune again)"
                )
                continue
            dropped.append(schema)
            if not dry_run:
                ledger.mark_dropped(cursor, schema)
        kept = [str(row["schema_name"]) for row in rows if row["schema_name"] in protected]
        result = PruneResult(base=base, dropped=dropped, kept=kept, dry_run=dry_run, warnings=warnings)
        if not dry_run:
            run.status, run.finished, run.report = "succeeded", datetime.now(UTC), result.to_dict()
            ledger.write_run(cursor, run, finished_now=True)
            made.append(result)
            if before_commit is not None:
                before_commit(result)
            raise_if_interrupted()  # an interrupt whose own raise was lost: nothing is dropped
    return result


def restore_version(
    dump: str | Path,
    *,
    uri: str | None = None,
    database: str | None = None,
    settings: Settings | None = None,
) -> TargetRestoreResult:
    """:func:`~columnar_etl.backups.restore_target`, and a version schema restored into the target's own
    database is a version again: listed, a cutover or rollback may make it live, a prune may drop it.

    The ledger keeps the row of a pruned version (marked ``dropped``); without this, the runbook's
    restore brought the schema back but ``cutover`` refused it as dropped and ``schemas list`` and
    ``schemas prune`` never saw it. Restoring changes nothing live. ``result.version_of`` names the base.
    """
    settings = settings or load_settings()
    uri = uri or resolve_target(settings.target, settings.pg_dir)
    result = restore_target(dump, uri=uri, database=database, settings=settings)
    if database is None:
        try:
            result.version_of = ledger.relist_version(uri, result.schema)
        except BaseException:
            # Interrupted or failed before the ledger lists it: the schema goes again, so that the
            # command's "nothing changed" holds and the same restore can simply be run again.
            with transaction(uri) as conn, _cursor(conn) as cursor:
                drop_schema(cursor, result.schema)
            raise
    return result


def backup_live(uri: str, base: str, settings: Settings, notices: list[str] | None = None) -> str | None:
    """``pg_dump`` the live version of ``base`` (path of the dump), or None when nothing is live, or
    when its schema was dropped outside columnar_etl: said in ``notices``, for there is nothing to keep,
    and the cutover is what brings the dashboards back (their views went with the schema)."""

    conn = connect(uri, autocommit=True)
    try:
        with _cursor(conn) as cursor:
            # A missing reader role refuses the cutover this dump is for: say so before dumping.
            check_readers(cursor, settings.readers)
            live = ledger.live_version(cursor, base) if ledger.exists(cursor) else None
            gone = live is not None and not schema_exists(cursor, str(live["schema_name"]))
    finally:
        conn.close()
    if live is None:
        return None
    if gone:
        if notices is not None:
            notices.append(
                f"the live version {live['schema_name']} was dropped outside columnar_etl: nothing to back "
                "up before the cutover"
            )
        return None
    return str(backup_target(str(live["schema_name"]), uri=uri, settings=settings).manifest.path)


@contextmanager
def _cursor(conn: Any) -> Iterator[Any]:
    # An ADBC connection refuses to close while one of its cursors is open.
    cursor = conn.cursor()
    try:
        yield cursor
    finally:
        cursor.close()
