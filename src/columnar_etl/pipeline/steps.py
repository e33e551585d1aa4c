"""The steps every path through the pipeline takes, once: profile → gate → plan → clean.

In: a SQLite export and the settings. Out: typed results, one per step: the :class:`Profile`, the
circuit breaker's verdict (a :class:`ProfileHalt` when it halts), a :class:`LoadPlan` (the cleaning
plan with the keys and references the loader needs, all from the profile: declared ∪ inferred), and a
:class:`~columnar_etl.cleaning.stream.CleanStream` of typed Arrow batches. ``run``, the CLI's ``load``
and ``clean``, and the library's ``clean()`` all call these, so they cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from columnar_etl.config import Settings
from columnar_etl.errors import CleanError, ProfileHalt, TableTooWide
from columnar_etl.models import GateResult, Issue, Profile, TableProfile
from columnar_etl.planning.build import build_plan
from columnar_etl.planning.fitting import fitted_to_export
from columnar_etl.planning.live_types import keep_live_types
from columnar_etl.planning.overrides import column_overrides
from columnar_etl.planning.plan import Plan
from columnar_etl.planning.target_limits import too_wide
from columnar_etl.profiling.keys import load_keys
from columnar_etl.profiling.profile import counted_in_batch, profile
from columnar_etl.profiling.references import load_references

if TYPE_CHECKING:
    from columnar_etl.cleaning.stream import CleanStream


def profile_step(
    source: str | Path, settings: Settings, *, tables: list[str] | None = None, sample: int | None = None
) -> Profile:
    """Profile the export (every table, or ``tables``; ``sample`` rows of each) with ``settings``, the
    values of its masked columns hidden (:func:`hide_masked_values`): every caller (``run``, ``load``,
    ``clean``, ``profile`` and the library's ``profile``) writes or shows this profile, none the raw one."""
    profiled = profile(source, tables=tables, sample=sample, settings=settings)
    hide_masked_values(profiled, settings)
    return profiled


def gate_step(profiled: Profile) -> GateResult:
    """The circuit breaker's verdict; raises :class:`ProfileHalt` (exit 3) naming the first reason when
    it halts (a warning passes: the caller records it)."""
    gate = profiled.gate
    if gate.status == "halt":
        reason = gate.reasons[0]
        raise ProfileHalt(
            f"circuit breaker: {reason.message}",
            path=profiled.source,
            table=reason.table,
            column=reason.column,
            hint="`columnar-etl profile SOURCE` (or the run's profile.json / report.html) shows why; "
            "fix the export or adjust the halt_* settings",
        )
    return gate


def fits_target_step(plan: Plan, profiled: Profile | None) -> None:
    """Raise :class:`TableTooWide` (exit 3) naming the first table PostgreSQL cannot hold as ``plan``
    types it (:func:`~columnar_etl.planning.target_limits.too_wide`): before the clean and the load,
    which failed at its COPY (exit 1) after both."""
    found = too_wide(plan, profiled)
    if found:
        first = found[0]
        more = f" (and {len(found) - 1} more table{'s' if len(found) > 2 else ''})" if len(found) > 1 else ""
        raise TableTooWide(
            f"too wide for PostgreSQL: {first.message}{more}",
            path=profiled.source if profiled is not None else None,
            table=first.table,
            hint=first.hint,
        )


@dataclass(frozen=True)
class LoadPlan:
    """The cleaning plan and what the loader needs besides the data, every part from one profile."""

    plan: Plan
    #: Each table's key as the audit identifies rows (export names): the profile's (declared, else
    #: unique in the data; none: the row's position). None when the plan came without a profile.
    row_keys: dict[str, list[str]] | None = None
    #: Each table's key as loaded (output names): its primary key, or a plain index when blocked.
    keys: dict[str, list[str]] | None = None
    #: Why a key cannot be a primary key (NULLs, duplicates), per table.
    key_blockers: dict[str, str] = field(default_factory=dict)
    #: Reference columns as loaded (output names): declared foreign keys ∪ inclusions found in the data.
    references: dict[str, list[str]] | None = None
    #: Tables the profile counted no exact duplicate rows in (not sampled): the cleaner skips listing
    #: their copies (a scan of the whole table) and still removes none.
    without_copies: list[str] = field(default_factory=list)
    #: Per table with copies, the rowids of every row that has one (the profile's
    #: ``TableProfile.copy_rows``): the cleaner lists the copies among these rows only, not by a scan.
    copy_rows: dict[str, list[int]] = field(default_factory=dict)
    #: Per table, the columns in which a profile of every row found only valid UTF-8 and no BLOB: the
    #: cleaner reads them without checking each cell for bytes to decode.
    valid_utf8: dict[str, list[str]] = field(default_factory=dict)
    #: Per table, the columns in which a profile of every row found no value padded with whitespace:
    #: the outlier quartiles read them without trimming each value.
    unpadded: dict[str, list[str]] = field(default_factory=dict)
    #: Per table, the columns a profile of every row found of the one storage class their planned type
    #: holds exactly (INTEGER cells, planned ``integer``; REAL cells, planned ``double``, none invalid):
    #: the cleaner reads them as numbers, not as text.
    native: dict[str, list[str]] = field(default_factory=dict)
    #: Per table, per column, the distinct values a profile of every row counted (NULL one of them):
    #: the outlier quartiles of a big table count the values of a column with few by value.
    distinct: dict[str, dict[str, int]] = field(default_factory=dict)
    #: One note per column typed as the live version loaded it (its values fit that type; see
    #: ``planning.live_types``): the run shows them.
    live_notes: tuple[str, ...] = ()


def _check_plan_covers(plan: Plan, profiled: Profile) -> None:
    """:class:`CleanError` when the export holds a table ``plan`` does not name: the cleaner reads only
    the plan's tables, so that table would be missing from the target with no word said (a column the
    plan lacks is refused the same way, by the cleaner: "the cleaning plan does not fit the source")."""
    unplanned = [name for name in profiled.tables if name not in plan.tables]
    if unplanned:
        more = f" (+{len(unplanned) - 1} more)" if len(unplanned) > 1 else ""
        raise CleanError(
            f"the cleaning plan does not fit the source: table {unplanned[0]!r} not in the plan{more}",
            path=profiled.source,
            table=unplanned[0],
            hint="build the plan from a profile of this file (run without --replay)",
        )


def plan_step(
    profiled: Profile | None,
    settings: Settings,
    *,
    plan: Plan | None = None,
    live_types: Mapping[str, Mapping[str, str]] | None = None,
) -> LoadPlan:
    """The plan (``plan`` when given, e.g. a replayed or saved one; else built from ``profiled``) with
    keys and references from ``profiled``; without a profile, only the plan (the loader's defaults).

    ``live_types`` (per loaded table, column → PostgreSQL type of the live version: ``run`` reads them
    from the target) keeps a built plan's columns of those types where their values fit them
    (:func:`~columnar_etl.planning.live_types.keep_live_types`); a given ``plan`` is used as it is."""
    live_notes: tuple[str, ...] = ()
    if plan is None:
        if profiled is None:
            raise ValueError("plan_step needs a profile or a plan")
        plan = build_plan(profiled, settings=settings)
        if live_types:
            plan, live_notes = keep_live_types(plan, profiled, live_types, settings)
    else:  # made for another export, or for this one before: read what this one holds
        if profiled is not None:
            _check_plan_covers(plan, profiled)
        plan = fitted_to_export(plan, profiled)
    if profiled is None:
        return LoadPlan(plan)
    names = {name: {c.name: c.output_name for c in table.columns} for name, table in plan.tables.items()}
    keys, blockers = load_keys(profiled.tables, names, settings.duplicates)
    # The tables whose every row was profiled: only their figures say what no cell of them holds.
    whole = {
        name: table
        for name, table in profiled.tables.items()
        if profiled.sample is None and table.sampled_rows is None
    }
    return LoadPlan(
        plan,
        # A key with NULLs does not name its rows (SQLite allows NULL in a PRIMARY KEY that is not
        # the rowid's): the audit then names them by position, as for a table without a key.
        row_keys={name: [] if t.null_keys else list(t.key) for name, t in profiled.tables.items()},
        keys=keys,
        key_blockers=blockers,
        references=load_references(profiled.tables, names),
        without_copies=[name for name, table in profiled.tables.items() if table.duplicate_rows == 0],
        copy_rows={
            name: table.copy_rows
            for name, table in profiled.tables.items()
            if table.copy_rows and name in plan.tables and _reads_as_profiled(plan, table)
        },
        valid_utf8={
            name: [
                column.name
                for column in table
                if not column.issue_count("invalid_encoding") and not column.storage_classes.get("blob")
            ]
            for name, table in whole.items()
        },
        unpadded={
            name: [column.name for column in table if not column.whitespace_padded_count]
            for name, table in whole.items()
        },
        # A small table (counted_in_batch: the profile's own line between a table read with a typed scan
        # and one counted in the batch of small tables) is read as text alone: one query instead of a
        # typed scan, a text read and their zipping (200 tables of 50 rows, cleaning: 3.15 -> 2.1 s CPU).
        native={
            name: _native(plan, table)
            for name, table in whole.items()
            if name in plan.tables and not counted_in_batch(table.row_count, len(table.columns))
        },
        distinct={
            name: {column.name: column.distinct_count + bool(column.null_count) for column in table}
            for name, table in whole.items()
        },
        live_notes=live_notes,
    )


#: The one storage class whose cells a planned type holds exactly, read natively.
_NATIVE_CLASS = {"integer": "integer", "double": "real"}


def _native(plan: Plan, table: TableProfile) -> list[str]:
    """``table``'s columns whose every non-NULL cell is of the storage class their planned type reads
    exactly, none of them invalid, and not masked."""
    found = []
    for column in plan.tables[table.name].columns:
        profiled = table.columns.get(column.name)
        wanted = _NATIVE_CLASS.get(column.type)
        if profiled is None or wanted is None or column.mask is not None or profiled.invalid_count:
            continue
        if {kind for kind, cells in profiled.storage_classes.items() if cells} <= {wanted}:
            found.append(column.name)
    return found


def _reads_as_profiled(plan: Plan, table: TableProfile) -> bool:
    """True when the cleaner reads ``table`` at least as finely as the profile counted its copies (every
    column read, REALs with all their digits wherever the profile saw REALs): rows the cleaner finds
    equal were then equal for the profile too, so its list of rows with copies holds every copy."""
    planned = plan.tables[table.name]
    if planned.dropped:
        return False
    return all(
        column.reals or not table.columns[column.name].storage_classes.get("real")
        for column in planned.columns
        if column.name in table.columns
    )


def clean_step(
    source: str | Path,
    planned: LoadPlan,
    settings: Settings,
    *,
    batch_size: int | None = None,
    audit: str | Path | None = None,
    quarantine: str | Path | None = None,
) -> CleanStream:
    """The export cleaned by ``planned``: a stream of typed Arrow batches per table (use it as a context
    manager), audit rows identified by the profile's keys."""
    # Imported here: the cleaner brings polars and pyarrow, which the profile and gate never need.
    from columnar_etl.cleaning.stream import ReadHints, clean_stream  # deliberate: see above

    return clean_stream(
        source,
        planned.plan,
        settings=settings,
        batch_size=batch_size,
        audit=audit,
        quarantine=quarantine,
        keys=planned.row_keys,
        hints=ReadHints(
            without_copies=planned.without_copies,
            copy_rows=planned.copy_rows,
            valid_utf8=planned.valid_utf8,
            unpadded=planned.unpadded,
            native=planned.native,
            distinct=planned.distinct,
        ),
    )


def hide_masked_values(profiled: Profile, settings: Settings) -> None:
    """Hide the raw values of masked columns (``mask = "hash"`` or ``"drop"``) everywhere the profile
    could show them: the run's artefacts, the console and ``profile --json`` must not hold them.

    A masked column loses its min/max and its issues' examples, and every example value the profile took
    of it (:attr:`ColumnProfile.shown`) is replaced in its own texts. Every raw value a masked column's texts
    quote (:attr:`ColumnProfile.quoted`: a key's merged values in ``as_written``/``type_reason``/notes,
    the bounds a note names) is replaced by :data:`MASKED_VALUE` in the texts of every column: a
    composite key's reason is each key column's, and a column referencing a key loaded as written
    quotes the key's reason. The table issues' examples go when they show a masked column
    (:attr:`TableProfile.examples_of`). Counts, kinds and types stay. An override naming no column of
    the export is a :class:`ConfigError` here, before the profile is written or shown
    (:func:`~columnar_etl.planning.overrides.column_overrides`; of a profile of some tables, overrides of
    the export's other tables are skipped)."""
    masked = {
        (table, name)
        for table, overrides in column_overrides(profiled, settings.columns, settings.column_names).items()
        for name, override in overrides.items()
        if override.mask is not None
    }
    if not masked:
        return
    # Longest first: a value quoted inside a longer one (a composite key's label) goes whole.
    quoted = {text for table, name in masked for text in profiled.tables[table][name].quoted if text}
    hidden = sorted(quoted, key=len, reverse=True)
    for table in profiled.tables.values():
        for column in table:
            gone = hidden
            if (table.name, column.name) in masked:
                column.issues = [Issue(i.kind, i.count, (), i.detail) for i in column.issues]
                column.min = column.max = None
                # Its own texts may quote any example the profile took (`values such as 107A, 12A`).
                own = {text for value in column.shown for text in (repr(value), value) if value}
                gone = sorted(own | set(hidden), key=len, reverse=True)
            column.notes = [_without(note, gone) for note in column.notes]
            column.type_reason = _without(column.type_reason, gone)
            if column.as_written is not None:
                column.as_written = _without(column.as_written, gone)
            if column.joined_by_number is not None:
                column.joined_by_number = _without(column.joined_by_number, gone)
            column.issues = [
                Issue(i.kind, i.count, i.examples, i.detail and _without(i.detail, gone))
                for i in column.issues
            ]
        if any((table.name, name) in masked for name in table.examples_of):
            table.issues = [Issue(i.kind, i.count, (), i.detail) for i in table.issues]


#: What a hidden value of a masked column reads as in a note.
MASKED_VALUE = "<masked>"


def _without(text: str, hidden: list[str]) -> str:
    """``text`` with every one of ``hidden`` (longest first) replaced by :data:`MASKED_VALUE`, where it
    stands apart: a short value (``s``, ``12``) inside a word or a number of the text is left alone."""
    if not hidden or not text:
        return text
    pattern = "|".join(rf"(?<!\w){re.escape(value)}(?!\w)" for value in hidden)
    return re.sub(pattern, MASKED_VALUE, text)
