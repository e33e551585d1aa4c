"""``columnar-etl profile`` as a library function: the profile, and optionally the dry run on the target.

:func:`profile_export` is what the CLI's ``profile`` and ``columnar_etl.profile`` call: the profile of
the export and, with ``dry_run_target``, a sample put through the target's casts, folded into the gate.
"""

from __future__ import annotations

from pathlib import Path

from columnar_etl.config import Settings, check_sample
from columnar_etl.gates.dry_run import apply_dry_run, dry_run
from columnar_etl.models import Profile
from columnar_etl.pg.embedded import resolve_target
from columnar_etl.pipeline.steps import profile_step
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
            uri = resolve_target(settings.target, settings.pg_dir)
            checked = dry_run(source, result, uri, settings=settings)
            result.dry_run = checked
            result.gate = apply_dry_run(result.gate, checked)
    return result
