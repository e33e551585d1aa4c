"""``columnar-etl profile`` as a library function: the profile, and optionally the dry run on the target.

:func:`profile_export` is what the CLI's ``profile`` and ``columnar_etl.profile`` call: the profile of
the export and, with ``dry_run_target``, a sample put through the target's casts, folded into the gate.
"""

from __future__ import annotations

from pathlib import Path

from columnar_etl.config import Settings, check_sample
from columnar_etl.errors import ConfigError
from columnar_etl.models import GateReason, GateResult, Profile
from columnar_etl.pg.embedded import resolve_target
from columnar_etl.pipeline.steps import profile_step
from columnar_etl.planning.build import build_plan
from columnar_etl.planning.target_limits import too_wide
from columnar_etl.source.private_copy import shared_copy


def profile_export(
    source: str | Path,
    *,
    tables: list[str] | None = None,
    sample: int | None = None,
    dry_run_target: bool = False,
    settings: Settings,
) -> Profile:
    """Profile the export; with ``dry_run_target`` also dry-run a sample on the target and gate on it."""
    check_sample(sample)
    # One private copy for the profile and the dry run, when the export must be read through one.
    with shared_copy(source):
        result = profile_step(source, settings, tables=tables, sample=sample)
        if dry_run_target:
            # The dry run's Polars and pyarrow (~0.3 s of a fresh process) only when it runs.
            from columnar_etl.gates.dry_run import apply_dry_run, dry_run  # deliberate: see above

            uri = resolve_target(settings.target, settings.pg_dir)
            checked = dry_run(source, result, uri, settings=settings)
            result.dry_run = checked
            result.gate = apply_dry_run(result.gate, checked)
    result.gate = _with_tables_too_wide(result, settings)
    return result


def _with_tables_too_wide(profiled: Profile, settings: Settings) -> GateResult:
    """The profile's gate halted by each table PostgreSQL cannot hold as the plan of this profile types
    it (``too_wide``: what ``run`` and ``load`` refuse after their plan, exit 3). A plan the settings
    cannot make (an override naming no column) is left to the command that plans: unchanged then."""
    try:
        plan = build_plan(profiled, settings=settings)
    except ConfigError:
        return profiled.gate
    reasons = tuple(
        GateReason(
            "too_wide",
            f"too wide for PostgreSQL: {wide.message}",
            float(wide.value),
            float(wide.limit),
            table=wide.table,
        )
        for wide in too_wide(plan, profiled)
    )
    if not reasons:
        return profiled.gate
    gate = profiled.gate
    return GateResult("halt", gate.quality, gate.reasons + reasons)
