"""columnar_etl: SQLite help-desk exports into PostgreSQL, profiled, cleaned, typed and versioned.

The public API is a function per gate: ``columnar_etl.preflight(...)``, ``columnar_etl.profile(...)``,
``columnar_etl.clean(...)`` (more as the gates land). The CLI, the notebooks and the benchmarks call
these same functions.
"""

from typing import Any

__version__ = "0.1.0"

# Bound eagerly: the function has the name of its module, and a lazy lookup would return the module
# once anything imported it.
from columnar_etl.cleaning import clean
from columnar_etl.loading.strategies import load
from columnar_etl.profiling.profile import profile

# Imported on first use so that `import columnar_etl` stays light.
_LAZY = {
    "preflight": "columnar_etl.gates.preflight",
    "cutover": "columnar_etl.loading.versions",
    "rollback": "columnar_etl.loading.versions",
    "run": "columnar_etl.pipeline.runner",
}

__all__ = ["__version__", "clean", "cutover", "load", "preflight", "profile", "rollback", "run"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'columnar_etl' has no attribute {name!r}")
