"""HTML renderings: a self-contained report page and notebook fragments, from Jinja2 templates.

The templates live in ``columnar_etl/templates``: ``report.css`` (every selector under ``.cetl``, so a
notebook keeps its look), ``macros.html.j2`` (cards, bars, badges, the gate banner: shared by every
report), ``profile*.html.j2`` / ``table.html.j2`` / ``column.html.j2`` (the profile's pieces), and two
wrappers: ``document.html.j2`` (a whole offline page) and ``fragment.html.j2`` (a ``<div>`` with its
own ``<style>``). A later report renders its body with :func:`render_body` and wraps it the same way.

Autoescape is on: table names, column names and values come from the export and are hostile.
"""

from __future__ import annotations

import functools
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from columnar_etl.atomic import write_text_atomically
from columnar_etl.models import ISSUE_KINDS, ColumnProfile, Profile, TableProfile
from columnar_etl.profiling.quality import PENALTY_PER_PERCENT
from columnar_etl.report import display

if TYPE_CHECKING:
    import jinja2
    from markupsafe import Markup

_SEVERITY_ORDER = {"unfixable": 0, "fixable": 1, "cosmetic": 2, "type": 3}


@functools.cache
def _environment() -> jinja2.Environment:
    # Imported here: rendering HTML is optional work, and importing the package should stay cheap.
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("columnar_etl", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,  # a typo in a template fails the tests instead of rendering ""
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(
        num=display.number,
        pct=display.percent,
        quality=display.quality,
        fraction=display.fraction,
        visible=display.visible,
        severity=display.severity,
        distinct=display.distinct,
        type_changed=display.type_changed,
        ranked=display.ranked_issues,
        reason_value=display.reason_value,
        reason_threshold=display.reason_threshold,
    )
    env.globals["version"] = _version()
    return env


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Jinja's cache of compiled templates in the user's private temp directory (``_jinja2-cache-<uid>``,
    mode 0700, checked by Jinja): a run loads its report's templates from it (0.05 s with the loader's
    work) instead of compiling them (0.15-0.25 s of CPU holding the GIL, beside the profile). An entry
    is used only for the same template source and Python version, and is written under a temporary
    name, then renamed. None (compile every time) when no such directory can be had."""
    import jinja2

    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # RuntimeError: Jinja found no safe directory
        return None


def _version() -> str:
    try:
        return version("columnar-etl")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


#: Every template the run's report renders (its page, what it imports and includes).
RUN_TEMPLATES = (
    "run.html.j2",
    "run_parts.html.j2",
    "macros.html.j2",
    "document.html.j2",
    "report.css",
    "run.css",
)


def compile_templates(names: tuple[str, ...] = RUN_TEMPLATES) -> None:
    """Load and compile ``names`` now (Jinja keeps them): the run does it while it waits on the target,
    so writing its report after the commit does not wait for the compiler (0.15-0.5 s; ~0.05 s when
    :func:`_bytecode_cache` has them)."""
    environment = _environment()
    for name in names:
        environment.get_template(name)


def render_body(template: str, **context: Any) -> Markup:
    """Render one body template (``context`` + shared filters and macros) as safe markup for a wrapper."""
    from markupsafe import Markup

    return Markup(_environment().get_template(template).render(**context))


def render_document(title: str, body: Markup) -> str:
    """A complete standalone page: ``body`` inside the shared layout, CSS inline, no external reference."""
    return _environment().get_template("document.html.j2").render(title=title, body=body)


def render_fragment(body: Markup) -> str:
    """``body`` for a notebook cell: a ``<div class="cetl">`` carrying its own scoped ``<style>``."""
    return _environment().get_template("fragment.html.j2").render(body=body)


def _profile_body(profile: Profile) -> Markup:
    overview = []
    for position, table in enumerate(profile.tables.values(), start=1):
        flawed = [column for column in table if column.issues]
        overview.append(
            {
                "table": table,
                "anchor": f"cetl-table-{position}",
                "flawed": len(flawed),
                "worst": min(flawed, key=lambda c: c.quality) if flawed else None,
            }
        )
    kinds = []
    for kind in ISSUE_KINDS:
        found = [issue for column in profile.columns if (issue := column.issue(kind)) is not None]
        if found:
            kinds.append(
                {
                    "kind": kind,
                    "columns": len(found),
                    "cells": sum(issue.count for issue in found),
                    "penalty": f"{PENALTY_PER_PERCENT.get(kind, 0.0):g}",
                }
            )
    kinds.sort(key=lambda row: _SEVERITY_ORDER[display.severity(str(row["kind"]))])
    return render_body(
        "profile.html.j2",
        profile=profile,
        bands=display.QualityBands.of(profile),
        overview=overview,
        kinds=kinds,
        total_rows=sum(table.row_count for table in profile.tables.values()),
        flawed_columns=sum(1 for column in profile.columns if column.issues),
    )


def profile_html_fragment(profile: Profile) -> str:
    """The profile for a notebook (``Profile._repr_html_``): the report's content without ``<html>``."""
    return render_fragment(_profile_body(profile))


def profile_html_document(profile: Profile) -> str:
    """The profile as one self-contained HTML page (inline CSS, no script, no network)."""
    title = f"Profile of {display.visible(profile.source.name, 120)} — columnar_etl"
    return render_document(title, _profile_body(profile))


def table_html_fragment(table: TableProfile) -> str:
    """One table's section (every column, its issues) for a notebook (``TableProfile._repr_html_``)."""
    return render_fragment(render_body("table.html.j2", table=table, bands=display.QualityBands.of()))


def column_html_fragment(column: ColumnProfile) -> str:
    """One column's row and issues for a notebook (``ColumnProfile._repr_html_``)."""
    return render_fragment(render_body("column.html.j2", column=column, bands=display.QualityBands.of()))


def write_html(text: str, path: str | Path) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically: a temp file in the same directory, then a rename.

    A reader (a browser refreshing the report mid-run) sees the old page or the new one, never half a
    page; on any error the temp file is removed and an existing page is left as it was.
    """
    return write_text_atomically(path, text)


def write_profile_html(profile: Profile, path: str | Path) -> Path:
    """Write :func:`profile_html_document` to ``path`` atomically (replacing any old report); return it."""
    return write_html(profile_html_document(profile), path)
