"""The stage benchmarks (``just bench-stages``) report a timed ratio against its budget, never fail on it."""

from __future__ import annotations

import warnings

import pytest

from benchmarks.conftest import BudgetMissed, report_budget


def test_a_ratio_over_its_budget_is_reported_not_failed() -> None:
    info: dict[str, object] = {"ratio": 3.5}
    with pytest.warns(BudgetMissed, match=r"^profile / raw read: ratio 3\.50 over its budget 3$"):
        assert report_budget(info, "profile / raw read", 3.5, 3.0) is False
    assert info == {"ratio": 3.5, "budget": 3.0, "within_budget": False}


def test_a_ratio_within_its_budget_warns_nothing() -> None:
    info: dict[str, object] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert report_budget(info, "simple load / raw COPY floor", 1.3, 1.3) is True
    assert info == {"budget": 1.3, "within_budget": True}
