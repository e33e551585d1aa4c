"""columnar_etl: SQLite help-desk exports into PostgreSQL, profiled, cleaned, typed and versioned.

The public API is one function per CLI command, with the command's arguments and options as typed
parameters, returning the stage's info object (``to_dict()``, ``_repr_html_()``):

- :func:`preflight` → ``PreflightResult``; :func:`backup` → ``BackupResult``;
- :func:`profile` → ``Profile``; :func:`plan` → ``Plan``; :func:`clean` → ``CleanResult``;
- :func:`load` → ``LoadResult``; :func:`cutover` / :func:`rollback` → ``CutoverResult``;
- :func:`run` → ``RunResult`` (all of the above in one go).

The global CLI options are the ``settings`` parameter (``load_settings(...)``; ``target`` is also a
parameter of the functions that reach the target). The stages live in packages with noun names
(``columnar_etl.profiling``, ``.planning``, ``.cleaning``, ``.loading``, ``.backups``), so a function
here never hides a package: ``columnar_etl.load`` is this function, ``columnar_etl.loading`` the package.

An interrupt (Ctrl-C, a notebook kernel's "interrupt") reaches the caller of any of them as
``KeyboardInterrupt``, also when it landed in DuckDB's or ADBC's call (which make it errors of their
own), once the command's ``run.json`` says ``interrupted`` (nothing live changed).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, ParamSpec, TypeVar

if TYPE_CHECKING:
    from columnar_etl.backups.manifest import BackupResult
    from columnar_etl.cleaning.result import CleanResult
    from columnar_etl.config import Settings
    from columnar_etl.gates.preflight import PreflightResult
    from columnar_etl.loading.result import CutoverResult, LoadResult
    from columnar_etl.models import Profile
    from columnar_etl.pipeline.runner import RunResult
    from columnar_etl.planning.plan import Plan

from columnar_etl.version import __version__

__all__ = [
    "__version__",
    "backup",
    "clean",
    "cutover",
    "load",
    "plan",
    "preflight",
    "profile",
    "rollback",
    "run",
]

P = ParamSpec("P")
R = TypeVar("R")
#: What the ``KeyboardInterrupt`` of an interrupted call says.
INTERRUPTED_LINE = "interrupted: nothing live changed"


def _interrupt_raised(function: Callable[P, R]) -> Callable[P, R]:
    """``function``, an interrupt inside it raised as ``KeyboardInterrupt`` (see the module docstring).

    DuckDB turns it into ``RuntimeError: Query interrupted``, ADBC's COPY into a ``LoadError``, a
    recorded command into ``EtlError: interrupted`` and ``run`` into its ``interrupted`` outcome: a
    notebook's loop over exports, or a benchmark's rounds, caught them as failures and went on.
    """

    @functools.wraps(function)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            result = function(*args, **kwargs)
        except Exception as exc:
            from columnar_etl.pipeline.record import cancelled  # deliberate: top-level API, see below

            if cancelled(exc):
                raise KeyboardInterrupt(INTERRUPTED_LINE) from exc
            raise
        return result

    return call


# Each function below imports its stage when called, on purpose (the "# deliberate:" lines): the stages
# pull in DuckDB, Polars, PyArrow and ADBC, and `import columnar_etl` (and so `columnar-etl --help`)
# must stay light.


def _settings(settings: Settings | None, **overrides: object) -> Settings:
    """``settings`` (default: :func:`~columnar_etl.config.load_settings`) with the given values set."""
    from columnar_etl.config import load_settings, with_overrides  # deliberate: top-level API, see above

    if settings is None:
        return load_settings(None, **overrides)
    return with_overrides(settings, **overrides)


def _path(value: str | Path, what: str) -> Path:
    """A path argument checked as the command line checks it (:func:`~columnar_etl.config.check_path`)."""
    from columnar_etl.config import check_path  # deliberate: top-level API, see above

    return check_path(value, what)


def _optional_path(value: str | Path | None, what: str) -> Path | None:
    """:func:`_path` of a path argument that may be left out."""
    return None if value is None else _path(value, what)


@_interrupt_raised
def preflight(
    source: str | Path, *, target: str | None = None, settings: Settings | None = None
) -> PreflightResult:
    """``columnar-etl preflight SOURCE``: every Gate 0 check (disk, memory, source, target, pg tools).

    ``target`` defaults to ``settings.target`` (the embedded server when none). Never raises for a
    failed check: the result's ``status`` and ``exit_code`` say it.
    """
    from columnar_etl.gates.preflight import preflight as run_preflight  # deliberate: top-level API

    return run_preflight(_path(source, "source"), settings=_settings(settings), target=target)


@_interrupt_raised
def backup(
    source: str | Path, *, backup_dir: str | Path | None = None, settings: Settings | None = None
) -> BackupResult:
    """``columnar-etl backup create SOURCE [--dir DIR]``: a verified copy of the SQLite export.

    The copy is ``<backup_dir>/<name>.<YYYYMMDD_HHMMSS>`` with its sha256 and manifest; ``backup_dir``
    defaults to the ``backup_dir`` setting.
    """
    from columnar_etl.backups.sqlite_backup import create_backup  # deliberate: top-level API

    source, backup_dir = _path(source, "source"), _optional_path(backup_dir, "backup_dir")
    return create_backup(source, backup_dir=backup_dir, settings=_settings(settings))


@_interrupt_raised
def profile(
    source: str | Path,
    *,
    tables: list[str] | None = None,
    sample: int | None = None,
    dry_run_target: bool = False,
    target: str | None = None,
    settings: Settings | None = None,
) -> Profile:
    """``columnar-etl profile SOURCE [--table T] [--sample N] [--dry-run-target]``: Gate 1.

    Every column's real type, dirt and quality, each table's key and references, and the circuit
    breaker's verdict (``result.gate``). ``tables`` limits it to those tables; ``sample`` profiles a
    repeatable sample of that many rows per table; ``dry_run_target`` also puts a sample through the
    casts of ``target`` (default: the configured target) and folds what it rejects into the gate.
    """
    from columnar_etl import report  # noqa: F401  # deliberate: top-level API; registers _repr_html_
    from columnar_etl.pipeline.profile_step import profile_export  # deliberate: top-level API

    return profile_export(
        _path(source, "source"),
        tables=tables,
        sample=sample,
        dry_run_target=dry_run_target,
        settings=_settings(settings, target=target),
    )


@_interrupt_raised
def plan(
    source: str | Path | Profile,
    *,
    column_names: Literal["export", "snake"] | None = None,
    settings: Settings | None = None,
) -> Plan:
    """The cleaning plan (``columnar-etl clean --save-plan``): per column its type and parse rule.

    ``source`` is the export (profiled first) or its :class:`~columnar_etl.models.Profile`.
    ``column_names`` (default: the ``column_names`` setting) keeps the export's names or snake-cases them.
    """
    from columnar_etl.config import check_column_names  # deliberate: top-level API
    from columnar_etl.models import Profile  # deliberate: top-level API
    from columnar_etl.planning.build import build_plan  # deliberate: top-level API
    from columnar_etl.profiling.profile import profile as run_profile  # deliberate: top-level API

    column_names = check_column_names(column_names)
    if not isinstance(source, Profile):
        source = _path(source, "source")
    settings = _settings(settings)
    found = source if isinstance(source, Profile) else run_profile(source, settings=settings)
    return build_plan(found, settings=settings, column_names=column_names)


@_interrupt_raised
def clean(
    source: str | Path,
    plan: Plan | str | Path | None = None,
    *,
    output: str | Path | None = None,
    audit: str | Path | None = None,
    quarantine: str | Path | None = None,
    overwrite: bool = False,
    tables: list[str] | None = None,
    column_names: Literal["export", "snake"] | None = None,
    quarantine_policy: Literal["null", "reject_row", "fail"] | None = None,
    duplicates: Literal["remove", "keep", "fail"] | None = None,
    outlier_iqr_factor: float | None = None,
    reprofile: bool = False,
    batch_size: int | None = None,
    settings: Settings | None = None,
) -> CleanResult:
    """``columnar-etl clean SOURCE -o OUTPUT [--plan P] [--audit A] ...``: Gate 2, a cleaned typed copy.

    ``plan`` is a :class:`~columnar_etl.planning.plan.Plan` or the path of its JSON (default: a plan
    from a fresh profile). ``output`` names a new ``.db``/``.sqlite`` or ``.parquet``; without it the
    cleaned tables are in ``result.data``. ``audit``/``quarantine`` name Parquet files for the changed
    cells and the unfixable values. ``quarantine_policy``, ``duplicates`` and ``outlier_iqr_factor``
    override those settings for this call; ``reprofile`` profiles a SQLite output afresh; ``batch_size``
    (default: the setting) is the rows per Arrow batch. Without ``plan``, raises
    :class:`~columnar_etl.errors.ProfileHalt` when the circuit breaker halts on the fresh profile.
    """
    from columnar_etl.config import check_column_names  # deliberate: top-level API
    from columnar_etl.pipeline.clean import clean as run_clean  # deliberate: top-level API
    from columnar_etl.planning.plan import Plan  # deliberate: top-level API

    column_names = check_column_names(column_names)
    source = _path(source, "source")
    output, audit = _optional_path(output, "output"), _optional_path(audit, "audit")
    quarantine = _optional_path(quarantine, "quarantine")
    settings = _settings(
        settings,
        quarantine_policy=quarantine_policy,
        duplicates=duplicates,
        outlier_iqr_factor=outlier_iqr_factor,
    )
    if isinstance(plan, str | Path):
        plan = Plan.from_file(_path(plan, "plan"))
    return run_clean(
        source,
        plan,
        output=output,
        audit=audit,
        quarantine=quarantine,
        overwrite=overwrite,
        tables=tables,
        column_names=column_names,
        settings=settings,
        batch_size=batch_size,
        reprofile=reprofile,
    )


@_interrupt_raised
def load(
    source: str | Path,
    *,
    mode: Literal["simple", "canary", "blue-green"] = "simple",
    min_quality: float | None = None,
    base: str | None = None,
    column_names: Literal["export", "snake"] | None = None,
    strict_drift: bool = False,
    target: str | None = None,
    settings: Settings | None = None,
) -> LoadResult:
    """``columnar-etl load SOURCE [--mode M] [--min-quality Q] [--base B] ...``: Gate 3.

    Profiles, gates, plans and cleans the export and loads it into a new version schema of ``base``
    (default: the ``base_schema`` setting) on ``target`` (default: the configured one, else the embedded
    server): ``simple`` cuts over, ``blue-green`` waits for :func:`cutover`, ``canary`` drops its sample.
    ``column_names`` (default: the ``column_names`` setting) keeps the export's names or snake-cases them.
    Raises :class:`~columnar_etl.errors.ProfileHalt` when the circuit breaker stops it and
    :class:`~columnar_etl.loading.result.LoadRefused` (with the full result) when a check refuses the
    cutover. Leaves ``runs/<run_id>/run.json`` as the command does, however it ends. Arrow tables
    already typed go to :func:`columnar_etl.loading.strategies.load_tables`.
    """
    from columnar_etl.config import check_column_names  # deliberate: top-level API
    from columnar_etl.pipeline.recorded import recorded_load  # deliberate: top-level API

    settings = _settings(settings, target=target, column_names=check_column_names(column_names))
    return recorded_load(
        _path(source, "source"),
        mode=mode,
        min_quality=min_quality,
        base=base,
        column_names=settings.column_names,
        strict_drift=strict_drift,
        settings=settings,
    ).unwrap()


@_interrupt_raised
def run(
    source: str | Path,
    *,
    mode: Literal["simple", "canary", "blue-green"] = "blue-green",
    min_quality: float | None = None,
    force: bool = False,
    replay: str | Path | None = None,
    target: str | None = None,
    settings: Settings | None = None,
    show_progress: bool | None = None,
) -> RunResult:
    """``columnar-etl run SOURCE [--mode M] [--min-quality Q] [--force] [--replay RUN_JSON]``.

    Preflight → backup → profile → gate → plan → clean → load → validate → cutover, recorded in
    ``runs/<run_id>/run.json``. Never raises for a gate or a failed stage: ``result.outcome`` and
    ``result.exit_code`` say what happened (the CLI's ``--yes`` has no meaning here: nothing asks).
    An interrupt is recorded (``interrupted``), then raised as ``KeyboardInterrupt``.
    """
    from columnar_etl.pipeline.runner import run as run_pipeline  # deliberate: top-level API

    result = run_pipeline(
        _path(source, "source"),
        target=target,
        mode=mode,
        min_quality=min_quality,
        settings=settings,
        force=force,
        replay=_optional_path(replay, "replay"),
        show_progress=show_progress,
    )
    if result.outcome == "interrupted":  # recorded; the caller's loop (a notebook's) must stop too
        raise KeyboardInterrupt(f"{INTERRUPTED_LINE}; its record: {result.run_dir / 'run.json'}")
    return result


@_interrupt_raised
def cutover(
    version: str | None = None,
    *,
    base: str | None = None,
    target: str | None = None,
    settings: Settings | None = None,
) -> CutoverResult:
    """``columnar-etl cutover [VERSION] [--base B]``: ``<base>.*`` reads VERSION, in one transaction.

    ``version`` defaults to the newest version loaded after the live one (with nothing live, the
    newest); ``base`` to the ``base_schema`` setting; ``target`` to the configured one (else the
    embedded server). Leaves ``runs/<run_id>/run.json`` as the command does, however it ends.
    """
    from columnar_etl.pipeline.recorded import recorded_switch  # deliberate: top-level API

    return recorded_switch(version, base=base, settings=_settings(settings, target=target)).unwrap()


@_interrupt_raised
def rollback(
    *, base: str | None = None, target: str | None = None, settings: Settings | None = None
) -> CutoverResult:
    """``columnar-etl rollback [--base B]``: ``<base>.*`` reads the version live before the live one.

    Leaves ``runs/<run_id>/run.json`` as the command does, however it ends.
    """
    from columnar_etl.pipeline.recorded import recorded_switch  # deliberate: top-level API

    settings = _settings(settings, target=target)
    return recorded_switch(base=base, settings=settings, rollback_to=True).unwrap()
