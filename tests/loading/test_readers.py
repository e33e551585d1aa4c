"""Dashboard reader roles (``readers``) keep their grants across loads, cutovers and rollbacks.

Against the session's real PostgreSQL: a login role with a password and no privileges of its own
reads through the stable views while versions are loaded, cut over and rolled back; a reader role
that does not exist stops preflight, the load and a cutover before anything is created or changed.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from columnar_etl.config import Settings, load_settings
from columnar_etl.errors import LoadError, PreflightFailed
from columnar_etl.gates.preflight import preflight
from columnar_etl.loading import cutover, load_tables, rollback
from columnar_etl.pg.connect import connect

from ..conftest import pg_query, uri_as
from .conftest import KEYS, live_target, runs, version_schemas

#: One statement naming all three views: a reader must see all of one version, never a mix.
COUNTS = (
    "SELECT (SELECT count(*) FROM servicedesk.tickets), (SELECT count(*) FROM servicedesk.comments), "
    "(SELECT count(*) FROM servicedesk.timesheets)"
)


@pytest.fixture
def grafana(pg_server_uri: str, pg_uri: str) -> Iterator[tuple[str, str]]:
    """A ``grafana``-like login role with a password and no privileges beyond PUBLIC's: (role, URI as it)."""
    role, password = f"grafana_{uuid.uuid4().hex[:8]}", f"pw-{uuid.uuid4().hex[:12]}"
    pg_query(pg_server_uri, f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
    try:
        yield role, uri_as(pg_uri, role, password)
    finally:
        # Its grants live in the test database: revoke them there, or DROP ROLE refuses.
        pg_query(pg_uri, f"DROP OWNED BY {role}")
        pg_query(pg_server_uri, f"DROP ROLE IF EXISTS {role}")


def with_readers(tmp_path: Path, *readers: str) -> Settings:
    """The loader tests' settings (see tests/loading/conftest.py) with these reader roles."""
    return load_settings(
        backup_dir=tmp_path / "backups",
        pg_dir=tmp_path / "pg",
        target_lock_wait=10,
        min_memory_gb=0,
        fail_memory_gb=0,
        readers=list(readers),
    )


def test_a_reader_role_reads_without_one_error_across_load_cutover_and_rollback(
    pg_uri: str,
    tmp_path: Path,
    grafana: tuple[str, str],
    v1_tables: dict[str, pa.Table],
    v2_tables: dict[str, pa.Table],
) -> None:
    role, reader_uri = grafana
    settings = with_readers(tmp_path, role)
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    v1 = tuple(table.num_rows for table in v1_tables.values())  # (tickets, comments, timesheets)
    v2 = tuple(table.num_rows for table in v2_tables.values())
    assert tuple(pg_query(reader_uri, COUNTS)[0]) == v1

    seen: set[tuple[int, ...]] = set()
    errors: list[str] = []
    stop = threading.Event()
    reads, timed_out = 0, False

    def reader() -> None:
        nonlocal reads, timed_out
        conn = connect(reader_uri, autocommit=True)
        cursor = conn.cursor()
        deadline = time.monotonic() + 20
        try:
            # Bounded: until the main thread is done, or 20 s / 100,000 reads if something hangs.
            while not stop.is_set() and reads < 100_000:
                if time.monotonic() > deadline:
                    timed_out = True
                    break
                try:
                    cursor.execute(COUNTS)
                    seen.add(tuple(cursor.fetchone()))
                except Exception as exc:  # recorded, asserted on below
                    errors.append(str(exc))
                reads += 1
        finally:
            cursor.close()
            conn.close()

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        second = load_tables(v2_tables, pg_uri, mode="blue-green", keys=KEYS, settings=settings)
        assert cutover(pg_uri, second.schema, settings=settings).to_version == second.schema
        time.sleep(0.05)
        assert rollback(pg_uri, settings=settings).to_version == first.schema
        time.sleep(0.05)
        assert cutover(pg_uri, second.schema, settings=settings).to_version == second.schema
        time.sleep(0.05)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not errors, errors[:3]
    assert not timed_out and reads > 20
    assert seen <= {v1, v2}, seen  # every read saw one whole version
    assert seen == {v1, v2}  # and it did read both, before and after the switches
    assert live_target(pg_uri) == {second.schema}
    assert tuple(pg_query(reader_uri, COUNTS)[0]) == v2
    # The version schemas themselves are readable too (for ad-hoc queries), each by its own grants.
    for version, rows in ((first.schema, v1[0]), (second.schema, v2[0])):
        assert pg_query(reader_uri, f'SELECT count(*) FROM "{version}".tickets') == [(rows,)]


def test_without_readers_the_role_gets_nothing(
    pg_uri: str, tmp_path: Path, grafana: tuple[str, str], v1_tables: dict[str, pa.Table]
) -> None:
    # The counter-test: the grants above come from `readers`, not from some default.
    role, reader_uri = grafana
    load_tables(v1_tables, pg_uri, keys=KEYS, settings=with_readers(tmp_path))
    with pytest.raises(Exception, match="permission denied"):
        pg_query(reader_uri, COUNTS)
    # A cutover with the reader configured grants the stable schema and the version it makes live.
    settings = with_readers(tmp_path, role)
    third = load_tables(v1_tables, pg_uri, mode="blue-green", keys=KEYS, settings=with_readers(tmp_path))
    cutover(pg_uri, third.schema, settings=settings)
    assert tuple(pg_query(reader_uri, COUNTS)[0]) == tuple(t.num_rows for t in v1_tables.values())
    assert pg_query(reader_uri, f'SELECT count(*) FROM "{third.schema}".tickets') == [
        (v1_tables["tickets"].num_rows,)
    ]


def test_a_missing_reader_role_fails_preflight_clearly(
    pg_uri: str, tmp_path: Path, grafana: tuple[str, str], small_fixture: Path
) -> None:
    role, _ = grafana
    result = preflight(small_fixture, settings=with_readers(tmp_path, role, "nosuchrole"), target=pg_uri)
    check = result.check("reader_roles")
    assert check.status == "fail"
    assert (check.value, check.threshold) == (1, 2)
    assert check.message == "reader role 'nosuchrole' of `readers` does not exist on the target"
    assert check.hint == 'CREATE ROLE "nosuchrole" LOGIN on the target, or remove it from `readers`'
    assert result.exit_code == 3  # the gate refuses
    with pytest.raises(PreflightFailed, match="preflight check reader_roles failed: reader role 'nosuch"):
        result.raise_for_failures()

    ok = preflight(small_fixture, settings=with_readers(tmp_path, role), target=pg_uri).check("reader_roles")
    assert (ok.status, ok.value, ok.message) == ("pass", 1, f"reader role {role} exists on the target")
    unset = preflight(small_fixture, settings=with_readers(tmp_path), target=pg_uri).check("reader_roles")
    assert (unset.status, unset.message) == ("pass", "no reader roles configured (`readers`)")


def test_reader_roles_is_skipped_when_the_target_is_unreachable(tmp_path: Path, small_fixture: Path) -> None:
    settings = with_readers(tmp_path, "grafana")
    result = preflight(small_fixture, settings=settings, target="postgresql://loader:x@127.0.0.1:1/db")
    check = result.check("reader_roles")
    assert (check.status, check.message) == ("skip", "not checked: the target is not reachable")


def test_a_missing_reader_role_stops_the_load_before_anything_is_created(
    pg_uri: str, tmp_path: Path, v1_tables: dict[str, pa.Table]
) -> None:
    with pytest.raises(LoadError, match="reader role 'nosuchrole' of `readers` does not exist") as caught:
        load_tables(v1_tables, pg_uri, keys=KEYS, settings=with_readers(tmp_path, "nosuchrole"))
    assert caught.value.hint is not None and "nothing was created" in caught.value.hint
    assert version_schemas(pg_uri) == []
    assert pg_query(pg_uri, "SELECT count(*) FROM pg_namespace WHERE nspname = 'servicedesk'") == [(0,)]
    # Only the failed run's ledger row remains, naming the role.
    ((mode, status, schema, error),) = runs(pg_uri)
    assert (mode, status, schema) == ("simple", "failed", None)
    assert error is not None and "nosuchrole" in error


def test_a_missing_reader_role_stops_a_cutover_and_a_rollback(
    pg_uri: str, tmp_path: Path, v1_tables: dict[str, pa.Table], v2_tables: dict[str, pa.Table]
) -> None:
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=with_readers(tmp_path))
    second = load_tables(v2_tables, pg_uri, mode="blue-green", keys=KEYS, settings=with_readers(tmp_path))
    broken = with_readers(tmp_path, "nosuchrole")
    with pytest.raises(LoadError, match="nosuchrole"):
        cutover(pg_uri, second.schema, settings=broken)
    assert live_target(pg_uri) == {first.schema}
    cutover(pg_uri, second.schema, settings=with_readers(tmp_path))
    with pytest.raises(LoadError, match="nosuchrole"):
        rollback(pg_uri, settings=broken)
    assert live_target(pg_uri) == {second.schema}


def test_a_canary_with_readers_grants_only_inside_its_rolled_back_transaction(
    pg_uri: str, tmp_path: Path, grafana: tuple[str, str], v1_tables: dict[str, pa.Table]
) -> None:
    role, _ = grafana
    result = load_tables(v1_tables, pg_uri, mode="canary", keys=KEYS, settings=with_readers(tmp_path, role))
    assert result.status == "canary"
    assert version_schemas(pg_uri) == []  # the canary schema and its grants were rolled back


def test_a_missing_reader_role_is_reported_before_the_backup_of_the_live_version(
    pg_uri: str, tmp_path: Path, v1_tables: dict[str, pa.Table], v2_tables: dict[str, pa.Table]
) -> None:
    load_tables(v1_tables, pg_uri, keys=KEYS, settings=with_readers(tmp_path))
    second = load_tables(v2_tables, pg_uri, mode="blue-green", keys=KEYS, settings=with_readers(tmp_path))
    broken = with_readers(tmp_path, "nosuchrole").model_copy(update={"backup_before_cutover": True})
    with pytest.raises(LoadError, match="nosuchrole"):
        cutover(pg_uri, second.schema, settings=broken)
    with pytest.raises(LoadError, match="nosuchrole"):
        load_tables(v2_tables, pg_uri, keys=KEYS, settings=broken)
    backups = tmp_path / "backups"
    assert not backups.exists() or not any(backups.rglob("*.dump")), "a dump was taken for nothing"
