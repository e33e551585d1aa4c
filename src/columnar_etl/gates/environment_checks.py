"""Gate 0 checks of the machine and the target: disk, memory, PostgreSQL, client tools, Python packages."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import re
import shutil
import sys
import time
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]

from columnar_etl.config import Settings, mask_secrets, mask_uri
from columnar_etl.errors import ConfigError, EtlError
from columnar_etl.gates.check import GIB, Check, skipped
from columnar_etl.gates.target_rights import target_write_problem, write_access_sql
from columnar_etl.pg.connect import query_rows, reading
from columnar_etl.pg.embedded import resolve_target
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.pg.tools import TOOL_HINT, PgTool, find_pg_tool
from columnar_etl.source.side_files import export_bytes, wal_mode

_DISTRIBUTION = "columnar-etl"
_REQUIREMENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


# --- probes (module functions so tests can replace them) ----------------------------------------------


def available_memory_bytes() -> int:
    """Memory the OS can give a new process without swapping (psutil's ``available``)."""
    return int(psutil.virtual_memory().available)


def free_disk_bytes(path: Path) -> int:
    """Free bytes on the filesystem holding ``path`` (or its nearest existing parent)."""
    return int(shutil.disk_usage(_existing_ancestor(path)).free)


def _existing_ancestor(path: Path) -> Path:
    for candidate in (path, *path.absolute().parents):
        if candidate.exists():
            return candidate
    return Path.cwd()


#: Room for the run's record in runs_dir, as a share of the export (its audit lists changed cells).
RUN_RECORD_SHARE = 0.5


def check_disk(source: Path, settings: Settings, *, embedded: bool) -> Check:
    """Free disk ≥ ``disk_factor`` × the source in backup_dir, half of it in runs_dir (once more for a
    WAL-mode export's snapshot copy; + the growth of a local embedded target)."""
    # With its -wal: a WAL export's rows may be nearly all there, and its backup holds them (h73).
    size = export_bytes(source) if source.is_file() else 0
    needs = {settings.backup_dir: settings.disk_factor * size}
    # The run's own record (the audit, the quarantine, the report) is written after the commit: a full
    # runs_dir then left run.json stale while the version was live (helper 22).
    needs[settings.runs_dir] = needs.get(settings.runs_dir, 0) + RUN_RECORD_SHARE * size
    # DuckDB reads a WAL-mode export from a private snapshot copy in the run's directory (file and -wal:
    # source.private_copy), there until the run ends.
    snapshot = wal_mode(source) if size else False
    if snapshot:
        needs[settings.runs_dir] += size
    if embedded:
        # The embedded server's data dir is on this machine: a loaded version grows it.
        needs[settings.pg_dir] = needs.get(settings.pg_dir, 0) + settings.target_growth_factor * size
    by_device: dict[int, dict[str, Any]] = {}
    for directory, need in needs.items():
        device = _existing_ancestor(directory).stat().st_dev
        entry = by_device.setdefault(device, {"dirs": [], "required": 0, "free": free_disk_bytes(directory)})
        entry["dirs"].append(str(directory))
        entry["required"] += int(need)
    tightest = min(by_device.values(), key=lambda entry: entry["free"] - entry["required"])
    free, required = int(tightest["free"]), int(tightest["required"])
    dirs = " + ".join(tightest["dirs"])
    growth = f" + {settings.target_growth_factor:g}× for the embedded target" if embedded else ""
    # Free and needed bytes are the check's value and threshold; the message says where and why.
    copy = ", once more for the reader's snapshot copy (WAL mode)" if snapshot else ""
    message = (
        f"{dirs}: {settings.disk_factor:g}× the {size / GIB:,.2f} GiB source, half of it for the run"
        f"{copy}{growth}"
    )
    details = {"source_bytes": size, "filesystems": list(by_device.values())}
    if free >= required:
        return Check("disk", "pass", free, required, message, unit="bytes", details=details)
    return Check(
        "disk",
        "fail",
        free,
        required,
        message,
        hint="free some space, or set backup_dir / runs_dir / pg_dir to a larger disk (disk_factor sets "
        "the margin)",
        unit="bytes",
        details=details,
    )


def check_memory(settings: Settings) -> Check:
    """Available memory: warn below ``min_memory_gb``, fail below ``fail_memory_gb``."""
    available = available_memory_bytes()
    warn_below, fail_below = int(settings.min_memory_gb * GIB), int(settings.fail_memory_gb * GIB)
    message = f"{available / GIB:,.2f} GiB available"
    details = {"fail_below": fail_below}
    if available < fail_below:
        return Check(
            "memory",
            "fail",
            available,
            warn_below,
            f"{message}, below the {settings.fail_memory_gb:g} GiB minimum",
            hint="close other programs or run on a larger machine (fail_memory_gb sets the floor)",
            unit="bytes",
            details=details,
        )
    if available < warn_below:
        return Check(
            "memory",
            "warn",
            available,
            warn_below,
            f"{message}, below the recommended {settings.min_memory_gb:g} GiB",
            hint="a run may be slow; lower batch_size, or free memory (min_memory_gb sets the warning)",
            unit="bytes",
            details=details,
        )
    return Check("memory", "pass", available, warn_below, message, unit="bytes", details=details)


# --- the target -------------------------------------------------------------------------------------


def target_checks(target: str | None, settings: Settings) -> tuple[list[Check], str | None, int | None]:
    """The three target checks, the URI used (None when it could not be resolved), the server's major."""

    started = time.perf_counter()
    later = ("target_version", "target_create_schema")
    uri: str | None = None
    try:
        uri = resolve_target(target, settings.pg_dir)
        # Read without the DB-API connection, which would import pyarrow and Polars here (~0.7 s).
        from columnar_etl.loading.ledger import (  # deliberate: the loader's, not needed otherwise
            LEDGER_ACCESS_SQL,
            ledger_access_problem,
        )

        # One connection for the three queries (each connection is a server process started); the
        # timeout apart from the URI: a failure names the target as the operator wrote it.
        with reading(uri, connect_timeout=settings.preflight_connect_timeout) as rows:
            ((user, database, version_num, version_text, can_create),) = rows(
                "SELECT current_user::text, current_database()::text, "
                "current_setting('server_version_num')::int, current_setting('server_version'), "
                "has_database_privilege(current_database(), 'CREATE')"
            )
            ledger = ledger_access_problem(*rows(LEDGER_ACCESS_SQL)[0])
            access = rows(write_access_sql(settings.base_schema))[0]
            writes = target_write_problem(settings.base_schema, *access)
    except Exception as exc:  # EtlError from the connection, or a driver error from the query
        message = exc.message if isinstance(exc, EtlError) else f"connected, but cannot query: {exc}"
        failed = Check(
            "target_reachable",
            "fail",
            message=mask_secrets(message),
            hint=exc.hint if isinstance(exc, EtlError) else "check the role's permissions on the database",
            seconds=time.perf_counter() - started,
        )
        return [failed, *(skipped(name, "the target is not reachable") for name in later)], uri, None
    seconds = time.perf_counter() - started
    major = int(version_num) // 10_000
    reachable = Check(
        "target_reachable",
        "pass",
        f"{user}@{database}",
        None,
        f"connected as {user}" + (" (embedded server)" if target is None else f" to {mask_uri(uri)}"),
        seconds=seconds,
        details={"embedded": target is None},
    )
    version = Check(
        "target_version",
        "pass" if major >= settings.min_pg_version else "fail",
        major,
        settings.min_pg_version,
        f"PostgreSQL {version_text}",
        hint=None
        if major >= settings.min_pg_version
        else f"upgrade the server to PostgreSQL {settings.min_pg_version} or newer",
        unit="major version",
        details={"server_version_num": int(version_num)},
    )
    create = Check(
        "target_create_schema",
        "pass" if can_create else "fail",
        bool(can_create),
        True,
        f"{user} {'may' if can_create else 'may not'} CREATE SCHEMA in {database}",
        hint=None if can_create else f'GRANT CREATE ON DATABASE "{database}" TO "{user}"',
    )
    if can_create and ledger is not None:  # it may create schemas, but not keep the ledger in its own
        create = Check("target_create_schema", "fail", False, True, ledger[0], hint=ledger[1])
    elif can_create and writes is not None:  # ... but not write, or not re-point the base schema's views
        create = Check("target_create_schema", "fail", False, True, writes[0], hint=writes[1])
    return [reachable, version, create], uri, major


def check_reader_roles(uri: str | None, settings: Settings) -> Check:
    """Every role named in ``readers`` exists on the target (the loader grants it SELECT on each version).

    Checked here, not only by the loader, so that a typo in ``readers`` stops the run before the export
    is read rather than after it is cleaned. ``uri`` is None when the target could not be reached.
    """
    from columnar_etl.loading.schemas import missing_roles  # deliberate: the loader's, not needed otherwise

    readers = list(settings.readers)
    if not readers:
        return Check("reader_roles", "pass", 0, 0, "no reader roles configured (`readers`)")
    if uri is None:
        return skipped("reader_roles", "the target is not reachable")
    missing = missing_roles(
        partial(query_rows, uri, connect_timeout=settings.preflight_connect_timeout), readers
    )
    details = {"readers": readers, "missing": missing}
    if missing:
        names = ", ".join(repr(role) for role in missing)
        return Check(
            "reader_roles",
            "fail",
            len(readers) - len(missing),
            len(readers),
            f"reader role{'s' if len(missing) > 1 else ''} {names} of `readers` "
            f"{'do' if len(missing) > 1 else 'does'} not exist on the target",
            hint=f"CREATE ROLE {quote_ident(missing[0])} LOGIN on the target, or remove it from `readers`",
            details=details,
        )
    return Check(
        "reader_roles",
        "pass",
        len(readers),
        len(readers),
        f"reader role{'s' if len(readers) > 1 else ''} {', '.join(readers)} "
        f"exist{'' if len(readers) > 1 else 's'} on the target",
        details=details,
    )


def check_dashboard_templates(settings: Settings) -> Check:
    """The dashboard templates (``dashboard_templates``, else the bundled set) can be read and parsed.

    Checked here, not only by the loader, so that a misspelt path, an empty folder or a template
    without SQL stops the run before the export is read: the loader reads them after the last table is
    copied, and the whole load was then dropped (exit 1, after minutes of work on a big export).
    """
    from columnar_etl.loading.dashboard import (  # deliberate: the loader's, not needed otherwise
        default_templates_path,
        load_templates,
    )

    path = settings.dashboard_templates or default_templates_path()
    try:
        templates = load_templates(settings.dashboard_templates)
    except ConfigError as exc:
        where = exc.path or str(path)
        return Check(
            "dashboard_templates",
            "fail",
            message=f"{exc.message}: {where}",
            hint=f"{exc.hint}; or set dashboard_templates to a .sql file of your own (empty: none)",
            details={"path": where},
        )
    bundled = settings.dashboard_templates is None
    return Check(
        "dashboard_templates",
        "pass",
        len(templates),
        message=f"{len(templates)} bundled help-desk templates (`dashboard_templates` unset)"
        if bundled
        else f"{len(templates)} template(s) in {path}",
        details={"path": str(path), "names": [template.name for template in templates]},
    )


def check_pg_tool(
    name: str, settings: Settings, server_major: int | None, located: Callable[[], PgTool] | None = None
) -> Check:
    """``name`` (pg_dump / pg_restore) is found and at least the server's major version.

    ``located``: gives the tool as :func:`~columnar_etl.pg.tools.find_pg_tool` found it (or raises its
    error), when it was looked for already (the preflight starts that ``--version`` subprocess before
    the server's version is known); else it is looked for here."""

    tool = located() if located is not None else find_pg_tool(name, bin_dir=settings.pg_bin_dir)
    found = f"{tool.origin} {name} {tool.version}"
    if server_major is None:
        return Check(
            name,
            "pass",
            tool.major,
            None,
            f"{found}; server version unknown, not compared",
            unit="major version",
            details=tool.to_dict(),
        )
    if tool.major < server_major:
        return Check(
            name,
            "fail",
            tool.major,
            server_major,
            f"{found} is older than the PostgreSQL {server_major} server, which it cannot "
            f"{'dump' if name == 'pg_dump' else 'restore into reliably'}",
            hint=TOOL_HINT,
            unit="major version",
            details=tool.to_dict(),
        )
    return Check(name, "pass", tool.major, server_major, found, unit="major version", details=tool.to_dict())


# --- this Python ------------------------------------------------------------------------------------


def metadata_header(name: str, header: str) -> list[str] | None:
    """The values of ``header`` in the installed distribution ``name``'s metadata, read up to the end of
    its headers; None where it has no ``METADATA`` file (an egg's ``PKG-INFO``). importlib.metadata's
    own ``version()`` and ``requires()`` parse the whole file with the email parser: ~3 ms a package,
    ~50 ms of the preflight's GIL for the 15 dependencies. Raises ``PackageNotFoundError`` as they do."""
    text = importlib.metadata.distribution(name).read_text("METADATA")
    if text is None:
        return None
    found = []
    prefix = f"{header.lower()}:"
    for line in text.splitlines():
        if not line:
            break  # the headers end at the first empty line; the description follows
        if line.lower().startswith(prefix):
            found.append(line[len(prefix) :].strip())
    return found


def installed_version(name: str) -> str:
    """The installed version of distribution ``name`` (:func:`metadata_header`, else importlib's)."""
    versions = metadata_header(name, "Version")
    return versions[0] if versions else importlib.metadata.version(name)


def runtime_requirements() -> list[str]:
    """Distribution names of the package's runtime dependencies (extras excluded), from its metadata."""
    names = []
    requirements = metadata_header(_DISTRIBUTION, "Requires-Dist")
    if requirements is None:
        requirements = importlib.metadata.requires(_DISTRIBUTION) or []
    for requirement in requirements:
        match = _REQUIREMENT_NAME.match(requirement)
        if match and "extra ==" not in requirement:
            names.append(match.group(0))
    return names


def check_dependencies(*, import_them: bool = True) -> Check:
    """Every runtime dependency is installed and imports; duckdb and its SQLite extension share a version.

    ``import_them=False``: a dependency not imported yet is only located (``find_spec``: installed,
    where Python finds it); importing it is left to whoever needs it, who fails on a broken one.
    The import of polars, pyarrow, ADBC and Jinja is ~0.5 s of CPU that ``run`` spends beside the
    profile instead.
    """
    versions: dict[str, str] = {}
    problems: list[str] = []
    located = 0
    names = runtime_requirements()
    for name in names:
        module = name.lower().replace("-", "_")
        try:
            versions[name] = installed_version(name)
            if not import_them:
                # One in sys.modules is imported, or being imported by another thread (whose import
                # lock an import here would wait on): not waited for either.
                if module not in sys.modules:
                    if importlib.util.find_spec(module) is None:
                        raise ModuleNotFoundError(f"no module named {module!r}")
                    located += 1
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                importlib.import_module(module)
        except importlib.metadata.PackageNotFoundError:
            problems.append(f"{name} is not installed")
        except Exception as exc:  # an installed package that fails to import, for whatever reason
            problems.append(f"{name} does not import ({type(exc).__name__}: {exc})")
    duckdb_version = versions.get("duckdb")
    scanner_version = versions.get("duckdb-extension-sqlite-scanner")
    if duckdb_version and scanner_version and duckdb_version != scanner_version:
        problems.append(
            f"duckdb {duckdb_version} and duckdb-extension-sqlite-scanner {scanner_version} differ"
        )
    ok = len(names) - sum(1 for problem in problems if " differ" not in problem)
    if problems:
        return Check(
            "python_dependencies",
            "fail",
            ok,
            len(names),
            "; ".join(problems),
            hint=f"pip install -e . (or pip install '{_DISTRIBUTION}') in this environment",
            details={"versions": versions},
        )
    return Check(
        "python_dependencies",
        "pass",
        ok,
        len(names),
        f"all {len(names)} runtime dependencies "
        + (f"installed ({located} located, not imported yet)" if located else "import")
        + f" (duckdb {duckdb_version})",
        details={"versions": versions},
    )


def check_extension() -> Check:
    """DuckDB loads the sqlite_scanner extension from its installed file, with auto-install off."""
    import duckdb

    from columnar_etl.source.duckdb_reader import (  # deliberate: DuckDB: a broken install is a failed check
        connect_duckdb,
        sqlite_extension_path,
    )

    try:
        con = connect_duckdb()
    except duckdb.Error as exc:
        return Check(
            "duckdb_sqlite_extension",
            "fail",
            message=f"DuckDB cannot load the sqlite_scanner extension: {str(exc).splitlines()[0]}",
            hint=f"pip install --force-reinstall 'duckdb-extension-sqlite-scanner=={duckdb.__version__}'",
        )
    try:
        (version,) = con.execute("SELECT version()").fetchone() or ("?",)
    finally:
        con.close()
    path = sqlite_extension_path()
    return Check(
        "duckdb_sqlite_extension",
        "pass",
        str(version),
        None,
        "sqlite_scanner loads from its installed file (auto-install off)",
        details={"path": str(path)},
    )
