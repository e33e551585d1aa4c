"""columnar_etl: SQLite help-desk exports into PostgreSQL, profiled, cleaned, typed and versioned."""

__version__ = "0.1.0"

from typing import Any

# Public API, imported on first use so that `import columnar_etl` (and `--help`) stays fast.
_LAZY = {
    "preflight": "columnar_etl.gates.preflight",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'columnar_etl' has no attribute {name!r}")
