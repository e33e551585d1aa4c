"""One preflight check's result, and the helpers every check module uses to produce one."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from columnar_etl.config import mask_secrets
from columnar_etl.errors import EtlError

Status = Literal["pass", "warn", "fail", "skip"]
GIB = 1 << 30


@dataclass(frozen=True)
class Check:
    """One preflight check: what was measured, against which threshold, and what to do when it fails."""

    name: str
    status: Status
    value: Any = None
    threshold: Any = None
    message: str = ""
    hint: str | None = None
    unit: str | None = None
    seconds: float = 0.0
    details: dict[str, Any] = field(default_factory=dict)

    def display_value(self) -> str:
        """The value for humans (bytes as GiB)."""
        return _display(self.value, self.unit)

    def display_threshold(self) -> str:
        """The threshold for humans (bytes as GiB)."""
        return _display(self.threshold, self.unit)

    def located_message(self) -> str:
        """The message after the table and column it names (``details``), as an error's one line puts
        them: ``table 'files', column 'data': a cell of ...``."""
        where = ", ".join(
            f"{key} {self.details[key]!r}" for key in ("table", "column") if key in self.details
        )
        return f"{where}: {self.message}" if where else self.message

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; the keys are the same for every check."""
        return {
            "name": self.name,
            "status": self.status,
            "value": self.value,
            "threshold": self.threshold,
            "unit": self.unit,
            "message": mask_secrets(self.message),
            "hint": self.hint,
            "seconds": round(self.seconds, 4),
            "details": self.details,
        }


def _display(value: Any, unit: str | None) -> str:
    if value is None:
        return "-"
    if unit == "bytes" and isinstance(value, int | float):
        return f"{value / GIB:,.2f} GiB"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def timed(name: str, run: Callable[[], Check]) -> Check:
    """Run one check and time it; an error inside it becomes that check's failure, not the gate's."""
    started = time.perf_counter()
    try:
        check = run()
    except EtlError as exc:
        # Where it failed (the table of an unnamed column, the column) is kept for the gate's error.
        where = {
            key: value for key, value in (("table", exc.table), ("column", exc.column)) if value is not None
        }
        check = Check(name, "fail", message=exc.message, hint=exc.hint, details=where)
    except Exception as exc:  # a diagnostic tool reports what it could not check, and goes on
        check = Check(
            name,
            "fail",
            message=f"{type(exc).__name__}: {exc}",
            hint="an unexpected error: please report it with this message",
        )
    return replace(check, seconds=time.perf_counter() - started)


def skipped(name: str, because: str) -> Check:
    """A check that did not run because one it depends on failed (which reports the cause)."""
    return Check(name, "skip", message=f"not checked: {because}")
