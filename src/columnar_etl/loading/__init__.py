"""Gate 3: loading Arrow data into versioned PostgreSQL schemas.

- :func:`load_tables` (and ``columnar_etl.loading``): simple / canary / blue-green loads
  (:mod:`.strategies`), validated (:mod:`.validate`), dashboard templates run (:mod:`.dashboard`),
  drift reported (:mod:`.drift`), recorded in the target's ledger (:mod:`.ledger`).
- :func:`cutover`, :func:`rollback`, :func:`list_versions`, :func:`prune_versions` (:mod:`.versions`).
- :func:`check_export_templates`, :func:`check_version_templates`: the operator's dashboard templates
  judged ok / not applicable / failing (:mod:`.template_checks`).
- :mod:`.schemas`: version names, the stable schema of views, locks; :mod:`.adbc`: the COPY itself.
"""

from columnar_etl.loading.result import CutoverResult, LoadRefused, LoadResult, PruneResult, VersionInfo
from columnar_etl.loading.strategies import MODES, Mode, load_tables
from columnar_etl.loading.template_checks import (
    TemplateCheckResult,
    check_export_templates,
    check_version_templates,
)
from columnar_etl.loading.versions import cutover, list_versions, prune_versions, rollback

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
