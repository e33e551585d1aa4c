"""The run record of the other commands that change what is live: ``load``, ``cutover``, ``rollback``.

Each leaves ``runs/<run_id>/run.json`` as ``run`` does (the same schema, ``command`` says which), under
the run id of its ledger row (:func:`~columnar_etl.pipeline.command_record.command_record`): written
``running`` before anything is done (a command that cannot leave its record does not start), then with
its outcome, however it ends: ``done``, ``warn``, ``halted`` (a gate refused; exit 3), ``failed`` (exit
1) or ``interrupted``; ``warn`` (exit 2) when a load was interrupted or failed after its commit. A
``load``'s record carries the export's identity (``source_checksum``, as ``run``'s), read once for the
ledger too. A command whose settings do not even load (a malformed TOML file, a bad environment
value) leaves a ``failed`` record too, in the ``runs_dir`` the environment or the TOML file names if
that much reads, else the default (:func:`~columnar_etl.pipeline.record.record_settings_failure`). A
usage error (exit 64) is refused before any command starts, and leaves no record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from columnar_etl.config import Settings, check_min_quality, check_mode
from columnar_etl.loading.result import CutoverResult, LoadRefused, LoadResult
from columnar_etl.loading.versions import cutover, rollback
from columnar_etl.pg.embedded import resolve_target
from columnar_etl.pipeline.command_record import Recorded, command_record
from columnar_etl.pipeline.load_step import load_export
from columnar_etl.pipeline.record import RunRecord

__all__ = ["Recorded", "recorded_load", "recorded_switch"]


def recorded_load(
    source: Path, *, settings: Settings, mode: str = "simple", record: RunRecord | None = None, **options: Any
) -> Recorded[LoadResult]:
    """:func:`~columnar_etl.pipeline.load_step.load_export` (``options`` are its own) with its run record,
    under the run id of its ledger row. A failure or refusal is in the record and in ``exception``; a
    refused load's report is in the record's ``load``. A usage error is raised before anything starts.

    The export's identity is in the record as soon as the load has read it; the load's report, and
    run.json, just before its commit; from the commit on, an interrupt or a failure ends the record
    ``warn`` (the version is in the target), with what the load had done. ``record``: the load's record,
    begun by the caller (:func:`~columnar_etl.pipeline.command_record.begin_command_record`)."""
    checked = check_mode(mode)
    check_min_quality(options.get("min_quality"))
    with command_record("load", settings, mode=mode, source=source, record=record) as recorded:
        record = recorded.record

        def identified(checksum: str) -> None:
            record.source_checksum = checksum

        def before_commit(loaded: LoadResult) -> None:
            # Everything the record can say is written before the commit makes the version real (a
            # failure here rolls the load back); from the commit on, ``loaded.committed`` tells
            # command_record that the version is in the target, whatever reaches it next.
            recorded.pending = loaded
            _note_load(record, loaded)
            record.write()

        try:
            result = load_export(
                source,
                mode=checked,
                settings=settings,
                run_id=record.run_id,
                identified=identified,
                before_commit=before_commit,
                logs=record.run_dir,  # the audit and the quarantine, beside run.json (as a run's)
                **options,
            )
        except LoadRefused as refused:
            _note_load(record, refused.result)
            raise
        _note_load(record, result)
        record.warnings += result.warnings
        recorded.result = result
    return recorded


def _note_load(record: RunRecord, result: LoadResult) -> None:
    record.load = result.to_dict()
    record.quality_before, record.quality_after = result.quality_before, result.quality_after
    record.version_schema = result.version_schema
    record.stages[-1].rows = result.total_rows
    record.notes = list(result.notes)  # as `run` records them (views, indexes, triggers not copied)


def recorded_switch(
    version: str | None = None,
    *,
    settings: Settings,
    base: str | None = None,
    rollback_to: bool = False,
    record: RunRecord | None = None,
) -> Recorded[CutoverResult]:
    """A cutover to ``version`` (or, ``rollback_to``, a rollback) with its run record, under the run id
    of its ledger row. A failure or refusal is in the record and in ``exception``; from the commit on,
    an interrupt or a failure ends the record ``warn`` (the views were re-pointed). ``record``: the
    switch's record, begun by the caller."""
    command = "rollback" if rollback_to else "cutover"
    with command_record(command, settings, mode=command, record=record) as recorded:
        record = recorded.record

        def before_commit(switched: CutoverResult) -> None:
            # run.json says what the switch is committing before it does (a failure here rolls it
            # back): a process killed at the commit leaves a record that says where to look.
            recorded.pending = switched
            _note_switch(record, switched)
            record.write()

        uri = resolve_target(settings.target, settings.pg_dir)
        base = base or settings.base_schema
        if rollback_to:
            result = rollback(
                uri, base=base, settings=settings, run_id=record.run_id, before_commit=before_commit
            )
        else:
            result = cutover(
                uri, version, base=base, settings=settings, run_id=record.run_id, before_commit=before_commit
            )
        _note_switch(record, result)
        record.warnings += result.warnings
        recorded.result = result
    return recorded


def _note_switch(record: RunRecord, result: CutoverResult) -> None:
    record.cutover = result.to_dict()
    record.version_schema = result.to_version
