"""columnar_etl: SQLite help-desk exports into PostgreSQL, profiled, cleaned, typed and versioned.

The public API is a function per gate: ``columnar_etl.preflight(...)``, ``columnar_etl.profile(...)``,
``columnar_etl.clean(...)`` (more as the gates land). The CLI, the notebooks and the benchmarks call
these same functions.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from columnar_etl.clean import clean
    from columnar_etl.gates.preflight import preflight
    from columnar_etl.load.strategies import load
    from columnar_etl.load.versions import cutover, rollback
    from columnar_etl.pipeline.runner import run
    from columnar_etl.profile import profile

# Imported on first use, so that `import columnar_etl` (and `columnar-etl --help`, and every command
# that does not move data) does not import Polars, PyArrow, DuckDB and ADBC: ~1 s of a fresh process.
_LAZY = {
    "clean": "columnar_etl.clean",
    "cutover": "columnar_etl.load.versions",
    "load": "columnar_etl.load.strategies",
    "preflight": "columnar_etl.gates.preflight",
    "profile": "columnar_etl.profile",
    "rollback": "columnar_etl.load.versions",
    "run": "columnar_etl.pipeline.runner",
}

__all__ = ["__version__", "clean", "cutover", "load", "preflight", "profile", "rollback", "run"]


class _Function:
    """The public function ``name`` of ``module``, imported when first asked for.

    A data descriptor on the package's class, so it wins over the package's ``__dict__``: importing
    the submodule of the same name (``columnar_etl.profile``) makes the import system set the
    package's attribute to that module, which must not hide the function (the write is ignored).
    """

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name

    def __get__(self, package: object, owner: type | None = None) -> Any:
        return getattr(importlib.import_module(self.module), self.name)

    def __set__(self, package: object, value: object) -> None:
        pass


class _Package(types.ModuleType):
    """``columnar_etl`` itself, with its public functions resolved on first use."""


for _name, _module in _LAZY.items():
    setattr(_Package, _name, _Function(_module, _name))
sys.modules[__name__].__class__ = _Package
