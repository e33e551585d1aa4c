"""How figures and export values are shown to a person, the same in the HTML report and on the console.

Values from the export are hostile (control characters, lone surrogates, megabyte-long cells): every one
goes through :func:`visible` before it is rendered. Escaping for HTML is the template engine's job, not
this module's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from columnar_etl.config import Settings, mask_secrets
from columnar_etl.models import ColumnProfile, GateReason, Issue, Profile
from columnar_etl.profiling.affinity import declared_family
from columnar_etl.profiling.quality import PENALTY_PER_PERCENT, format_misfits

QualityBand = Literal["good", "fair", "poor"]
Severity = Literal["unfixable", "fixable", "cosmetic", "type"]

#: Longest shown value; the full text stays in the HTML ``title`` tooltip (itself cut at 10x this).
MAX_SHOWN_CHARS = 60
# C0 controls (bar tab and newline, which read fine), DEL and C1 controls: invisible or terminal-active.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class QualityBands:
    """Where quality scores change colour: at the gate (``min_quality``) and the halt floor."""

    gate: float
    floor: float

    @classmethod
    def of(cls, profile: Profile | None = None) -> QualityBands:
        """The thresholds the profile was judged by; the settings' defaults without a profile."""
        settings = profile.settings if profile is not None else {}
        fields = Settings.model_fields
        gate = settings.get("min_quality", fields["min_quality"].default)
        floor = settings.get("halt_quality", fields["halt_quality"].default)
        return cls(gate=float(gate), floor=float(floor))

    def band(self, score: float) -> QualityBand:
        """``good`` at or above the gate, ``fair`` down to the floor, ``poor`` below it."""
        if score >= self.gate:
            return "good"
        return "fair" if score >= self.floor else "poor"


def visible(value: Any, limit: int | None = MAX_SHOWN_CHARS) -> str:
    """``value`` as text a person can read: control characters as escapes, cut at ``limit`` chars."""
    if value is None:
        return ""
    text = value.isoformat(sep=" ") if isinstance(value, datetime) else str(value)
    # A lone surrogate cannot be encoded into the UTF-8 page; show it as \udcxx instead of failing.
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    text = _CONTROL.sub(lambda m: "\\0" if m.group() == "\0" else f"\\x{ord(m.group()):02x}", text)
    if limit is not None and len(text) > limit:
        return text[: limit - 1] + "…"
    return text


def number(value: int | float) -> str:
    """Thousands separated: ``1,081``."""
    return f"{value:,}"


def quality(score: float) -> str:
    """A quality score as shown everywhere: one decimal."""
    return f"{score:.1f}"


def run_quality(score: float | None) -> str:
    """A run's quality before/after as run.json and the ledger record it: two decimals, so a measured
    99.97 never shows as 100.0 (``—`` when not measured)."""
    return "—" if score is None else f"{score:.2f}"


def percent(count: int, total: int) -> str:
    """``count`` as a share of ``total``: ``0``, ``<0.1%``, ``12.3%``."""
    if count == 0 or total == 0:
        return "0"
    share = 100.0 * count / total
    return "<0.1%" if share < 0.1 else f"{share:.1f}%"


def fraction(value: float) -> str:
    """A 0-1 fraction as a percentage, floored so 99.96 % never reads as a perfect 100 %."""
    floored = int(value * 1000 + 1e-9) / 10  # the epsilon keeps 0.98 (979.99999...) at 98.0
    return f"{floored:.1f}%"


def severity(kind: str) -> Severity:
    """How bad an issue kind is, from the quality score's penalties (checks.PENALTY_PER_PERCENT)."""
    penalty = PENALTY_PER_PERCENT.get(kind, 0.0)
    if penalty >= 10:
        return "unfixable"
    if penalty >= 4:
        return "fixable"
    return "cosmetic" if penalty >= 1 else "type"


def in_own_format(column: ColumnProfile, issue: Issue) -> bool:
    """The issue counts values written in the column's own format (``20.05.2025``, ``3,5``), none
    written otherwise: converted by their rule, they cost the score nothing (profiling.quality)."""
    return format_misfits(column, issue.kind) == 0


def distinct(column: ColumnProfile) -> int:
    """The distinct count as shown, capped at the non-null rows it cannot exceed.

    The profiler counts exactly; profiles written before it did (HyperLogLog estimates, which could
    overshoot by a few percent: 1,169 of 1,081 rows reads as a bug) may still be displayed.
    """
    return min(column.distinct_count, max(column.row_count - column.null_count, 0))


def type_changed(column: ColumnProfile) -> bool:
    """True when the data holds another type than the declared one claims (no claim: not a change)."""

    claimed = declared_family(column.declared_type)
    return claimed is not None and claimed != column.inferred_type


def ranked_issues(issues: list[Issue]) -> list[Issue]:
    """Worst first: what loses data before what cleaning repairs silently; then by cell count."""
    return sorted(issues, key=lambda i: (-PENALTY_PER_PERCENT.get(i.kind, 0.0), -i.count))


def worst_columns(profile: Profile, limit: int) -> list[ColumnProfile]:
    """Columns with issues, lowest quality first (ties: export order), at most ``limit``."""
    flawed = [column for column in profile.columns if column.issues]
    return sorted(flawed, key=lambda c: c.quality)[:limit]  # sorted() is stable: ties keep export order


def _gate_figure(reason: GateReason, figure: float) -> str:
    # Rules compare either a share of rows or columns (threshold <= 1) or a quality score (0-100).
    return f"{figure:.1%}" if reason.threshold <= 1 else quality(figure)


def reason_value(reason: GateReason) -> str:
    """The value a gate rule measured, as a share (``36.9%``) or a score (``62.8``)."""
    return _gate_figure(reason, reason.value)


def reason_threshold(reason: GateReason) -> str:
    """The threshold a gate rule compared with, in the same unit as :func:`reason_value`."""
    return _gate_figure(reason, reason.threshold)


def masked(text: Any) -> str | None:
    """``text`` as a string with secrets masked (None stays None): for messages from the target."""
    return None if text is None else mask_secrets(str(text))
