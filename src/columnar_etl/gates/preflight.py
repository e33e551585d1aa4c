"""Gate 0: is this machine, this source file and this target fit for a run? Checked before anything moves.

Every check reports a status (``pass``, ``warn``, ``fail``; ``skip`` when a check it depends on could not
run, which that one reports as a failure), the measured value, the threshold it was held against (from
:class:`~columnar_etl.config.Settings`) and a hint. The overall status is the worst one; the CLI exits
0 (all pass), 2 (warnings only) or 3 (any failure: the gate refuses). Nothing here writes to the source.
The checks run at once in threads (see :func:`preflight`): the gate takes about as long as its slowest
check, DuckDB's first load of its extension (a signature check) or the source's row counts.
"""

from __future__ import annotations

import html
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal

from columnar_etl.config import Settings, load_settings, mask_secrets, mask_uri
from columnar_etl.errors import PreflightFailed
from columnar_etl.gates.check import Check, Status, timed
from columnar_etl.gates.environment_checks import (
    check_dashboard_templates,
    check_dependencies,
    check_disk,
    check_extension,
    check_memory,
    check_pg_tool,
    check_reader_roles,
    target_checks,
)
from columnar_etl.gates.source_checks import source_checks
from columnar_etl.gates.target_encoding import check_target_encoding
from columnar_etl.gates.writable_dirs import check_writable_dirs
from columnar_etl.pg.tools import find_pg_tool

__all__ = ["CHECK_NAMES", "Check", "PreflightResult", "Status", "preflight"]

SCHEMA_VERSION = 1
#: Every check, in report order. The JSON always lists all of them, in this order.
CHECK_NAMES = (
    "disk",
    "writable_dirs",
    "memory",
    "source_readable",
    "source_lock",
    "source_integrity",
    "source_cells",
    "target_reachable",
    "target_version",
    "target_create_schema",
    "target_encoding",
    "pg_dump",
    "pg_restore",
    "python_dependencies",
    "duckdb_sqlite_extension",
    "reader_roles",
    "dashboard_templates",
)
_EXIT_CODES = {"pass": 0, "warn": 2, "fail": 3}
PG_TOOLS = ("pg_dump", "pg_restore")


@dataclass
class PreflightResult:
    """Every check of one preflight, and the verdict: ``status``, ``exit_code``."""

    source: Path
    target: str | None
    checks: list[Check] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def status(self) -> Literal["pass", "warn", "fail"]:
        """``fail`` when any check failed, else ``warn`` when any warned, else ``pass``."""
        statuses = {check.status for check in self.checks}
        if "fail" in statuses:
            return "fail"
        return "warn" if "warn" in statuses else "pass"

    @property
    def exit_code(self) -> int:
        """0 all pass, 2 warnings only, 3 any failure (the gate refuses)."""
        return _EXIT_CODES[self.status]

    @property
    def failed(self) -> list[Check]:
        """The checks that failed."""
        return [check for check in self.checks if check.status == "fail"]

    @property
    def warned(self) -> list[Check]:
        """The checks that warned."""
        return [check for check in self.checks if check.status == "warn"]

    def __repr__(self) -> str:
        return (
            f"<PreflightResult {self.status} for {self.source}: {len(self.checks)} checks, "
            f"{len(self.warned)} warn, {len(self.failed)} fail>"
        )

    def check(self, name: str) -> Check:
        """The check called ``name``."""
        for check in self.checks:
            if check.name == name:
                return check
        raise KeyError(name)

    def raise_for_failures(self) -> None:
        """Raise :class:`PreflightFailed` naming the first failed check (for callers such as ``run``)."""
        if self.failed:
            first = self.failed[0]
            more = f" (+{len(self.failed) - 1} more failed)" if len(self.failed) > 1 else ""
            raise PreflightFailed(
                f"preflight check {first.name} failed: {first.message}{more}",
                path=self.source if first.name.startswith("source") else None,
                table=first.details.get("table"),
                column=first.details.get("column"),
                hint=first.hint,
            )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form with a stable schema (``version`` 1): every check, in :data:`CHECK_NAMES` order."""
        return {
            "version": SCHEMA_VERSION,
            "status": self.status,
            "exit_code": self.exit_code,
            "source": str(self.source),
            "target": mask_uri(self.target) if self.target else None,
            "seconds": round(self.seconds, 4),
            "checks": [check.to_dict() for check in self.checks],
        }

    def _repr_html_(self) -> str:
        colour = {"pass": "#2a7", "warn": "#c80", "fail": "#c22", "skip": "#888"}
        rows = "".join(
            f"<tr><td>{html.escape(c.name)}</td>"
            f"<td style='color:{colour[c.status]}'><b>{c.status}</b></td>"
            f"<td>{html.escape(c.display_value())}</td><td>{html.escape(c.display_threshold())}</td>"
            f"<td>{html.escape(mask_secrets(c.located_message()))}"
            f"{'<br><i>hint: ' + html.escape(c.hint) + '</i>' if c.hint else ''}</td></tr>"
            for c in self.checks
        )
        return (
            f"<p>preflight <b>{self.status}</b> for {html.escape(str(self.source))} "
            f"({self.seconds:.2f} s)</p><table><tr><th>check</th><th>status</th><th>value</th>"
            f"<th>threshold</th><th>message</th></tr>{rows}</table>"
        )


# --- the gate ---------------------------------------------------------------------------------------


def preflight(
    source: str | Path,
    *,
    settings: Settings | None = None,
    target: str | None = None,
    import_dependencies: bool = True,
) -> PreflightResult:
    """Run every Gate 0 check for moving ``source`` into ``target`` and return the full report.

    ``target`` (a PostgreSQL URI) defaults to ``settings.target``; with neither, the embedded server in
    ``settings.pg_dir`` is used (and started). ``import_dependencies=False``: a runtime dependency not
    imported yet is only located, not imported (see :func:`check_dependencies`): ``run`` imports them
    in a thread while the profile runs. Never raises for a failed check: see
    :meth:`PreflightResult.raise_for_failures`.
    """
    started = time.perf_counter()
    settings = settings or load_settings()
    source = Path(source)
    target = target or settings.target
    # The checks are independent but for the target's version (the client tools are held against it)
    # and its reachability (reader roles), and most of their time is spent outside the GIL: SQLite's
    # quick_check and row counts, DuckDB's signature check of its extension, libpq's connect, a
    # `pg_dump --version` subprocess. So they run at once; the report keeps CHECK_NAMES' order.
    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="preflight") as pool:
        # The client tools' `--version` subprocesses start now, beside the target's connection: only
        # their comparison waits for the server's version.
        located = {tool: pool.submit(find_pg_tool, tool, bin_dir=settings.pg_bin_dir) for tool in PG_TOOLS}
        dropped = {
            table: [name for name, override in columns.items() if override.mask == "drop"]
            for table, columns in settings.columns.items()
        }
        of_source = pool.submit(source_checks, source, dropped, settings.column_names, settings.max_cell_size)
        of_target = pool.submit(target_checks, target, settings)

        def extension() -> Check:
            # After the source's checks, whose DuckDB connection had the extension's signature checked
            # (once per process, see connect_duckdb): checking it twice at once would cost twice.
            of_source.result()
            return timed("duckdb_sqlite_extension", check_extension)

        def tools() -> list[Check]:
            server_major = of_target.result()[2]
            return [
                timed(tool, partial(check_pg_tool, tool, settings, server_major, located[tool].result))
                for tool in PG_TOOLS
            ]

        def readers() -> Check:
            _, uri, server_major = of_target.result()
            reachable = server_major is not None
            return timed("reader_roles", lambda: check_reader_roles(uri if reachable else None, settings))

        def encoding() -> Check:
            _, uri, server_major = of_target.result()
            reachable = server_major is not None
            return timed(
                "target_encoding", lambda: check_target_encoding(source, uri if reachable else None, settings)
            )

        of_tools, of_readers, of_extension = pool.submit(tools), pool.submit(readers), pool.submit(extension)
        memory = timed("memory", lambda: check_memory(settings))
        of_encoding = pool.submit(encoding)
        dependencies = timed(
            "python_dependencies", partial(check_dependencies, import_them=import_dependencies)
        )
        of_source_checks = of_source.result()
        # After the source's checks: a private copy the export is read through (in a run: in its
        # directory, for the whole run) is then on the disk, and what is free is measured without it.
        checks: list[Check] = [
            timed("disk", lambda: check_disk(source, settings, embedded=target is None)),
            timed("writable_dirs", lambda: check_writable_dirs(settings)),
            memory,
        ]
        target_results, uri, _ = of_target.result()
        checks += of_source_checks
        checks += target_results
        checks.append(of_encoding.result())
        checks += of_tools.result()
        checks += [dependencies, of_extension.result()]
        # Last (CHECK_NAMES keeps its order for JSON consumers); needs the target, so skipped without it.
        checks.append(of_readers.result())
        checks.append(timed("dashboard_templates", lambda: check_dashboard_templates(settings)))
    return PreflightResult(source=source, target=uri, checks=checks, seconds=time.perf_counter() - started)
