"""HTML rendering of results (placeholder until the report lands)."""

from __future__ import annotations

from typing import Any


def profile_html_fragment(profile: Any) -> str:
    """A minimal HTML fragment."""
    return f"<pre>{profile!r}</pre>"
