"""Human-facing renderings of results: HTML pages, notebook fragments and console summaries.

In: the result objects of the stages (a profile, a run). Out: HTML documents and fragments, rich console
tables; importing this package registers the notebook renderers of :mod:`columnar_etl.models`.

``html`` renders Jinja2 templates (``columnar_etl/templates``) into one self-contained page or a
notebook fragment; ``console`` prints rich tables; ``display`` is how both show figures and hostile
export values. Jinja2 is imported only when HTML is rendered.
"""

from __future__ import annotations

from columnar_etl.models import ColumnProfile, Profile, TableProfile, register_html
from columnar_etl.report.console import render_profile_console
from columnar_etl.report.html import (
    column_html_fragment,
    profile_html_document,
    profile_html_fragment,
    render_body,
    render_document,
    render_fragment,
    table_html_fragment,
    write_html,
    write_profile_html,
)
from columnar_etl.report.run_html import run_html_document, run_html_fragment, write_run_html

# The data objects' _repr_html_ (models never import rendering: they look their renderer up).
register_html(ColumnProfile, column_html_fragment)
register_html(TableProfile, table_html_fragment)
register_html(Profile, profile_html_fragment)

__all__ = [
    "column_html_fragment",
    "profile_html_document",
    "profile_html_fragment",
    "render_body",
    "render_document",
    "render_fragment",
    "render_profile_console",
    "run_html_document",
    "run_html_fragment",
    "table_html_fragment",
    "write_html",
    "write_profile_html",
    "write_run_html",
]
