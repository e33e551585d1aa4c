"""Gate 3, loading: typed Arrow data into one new version schema of PostgreSQL, then cutover.

In: the cleaner's Arrow streams (or any typed Arrow tables), the keys and references the profile found,
a target URI. Out: a :class:`LoadResult` (rows, validation, drift, dashboard templates, the version
schema) or a :class:`CutoverResult`; the version schema is complete or absent.

- :func:`load_tables` (``columnar_etl.load`` loads a SQLite export through it): simple / canary /
  blue-green loads (:mod:`.strategies`), validated (:mod:`.validate`), dashboard templates run
  (:mod:`.dashboard`), drift reported (:mod:`.drift`), recorded in the target's ledger (:mod:`.ledger`).
- :func:`cutover`, :func:`rollback`, :func:`list_versions`, :func:`prune_versions` (:mod:`.versions`).
- :func:`check_export_templates`, :func:`check_version_templates`: the operator's dashboard templates
  judged ok / not applicable / failing (:mod:`.template_checks`).
- :mod:`.schemas`: version names, the stable schema of views, locks; :mod:`.adbc`: the COPY itself.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from columnar_etl.loading.result import (
        CutoverResult,
        LoadRefused,
        LoadResult,
        PruneResult,
        VersionInfo,
    )
    from columnar_etl.loading.strategies import MODES, Mode, load_tables
    from columnar_etl.loading.template_checks import (
        TemplateCheckResult,
        check_export_templates,
        check_version_templates,
    )
    from columnar_etl.loading.versions import cutover, list_versions, prune_versions, rollback

#: Where each public name lives. They are imported on first use (PEP 562), so a light module of the
#: package (the ledger, say: ``run`` reads it right after the preflight) does not bring in pyarrow
#: and the COPY with it.
_HOMES = {
    **dict.fromkeys(
        ["CutoverResult", "LoadRefused", "LoadResult", "PruneResult", "VersionInfo"],
        "columnar_etl.loading.result",
    ),
    **dict.fromkeys(["MODES", "Mode", "load_tables"], "columnar_etl.loading.strategies"),
    **dict.fromkeys(
        ["TemplateCheckResult", "check_export_templates", "check_version_templates"],
        "columnar_etl.loading.template_checks",
    ),
    **dict.fromkeys(
        ["cutover", "list_versions", "prune_versions", "rollback"], "columnar_etl.loading.versions"
    ),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


__all__ = [
    "MODES",
    "CutoverResult",
    "LoadRefused",
    "LoadResult",
    "Mode",
    "PruneResult",
    "TemplateCheckResult",
    "VersionInfo",
    "check_export_templates",
    "check_version_templates",
    "cutover",
    "list_versions",
    "load_tables",
    "prune_versions",
    "rollback",
]
