"""Loads against a real PostgreSQL: simple, blue-green + cutover + rollback, canary; drift, gates, names."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from columnar_etl.config import Settings
from columnar_etl.errors import LoadError
from columnar_etl.loading import LoadRefused, cutover, list_versions, load_tables, prune_versions, rollback
from columnar_etl.loading.dashboard import load_templates
from columnar_etl.loading.schemas import new_version_schema, version_schema_name
from columnar_etl.pg.connect import connect

from ..conftest import pg_query
from .conftest import KEYS, counts, live_target, runs, version_schemas


def test_blue_green_then_cutover_reads_the_new_version_with_the_right_types_and_figures(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table], v2_tables: dict[str, pa.Table]
) -> None:
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    assert first.status == "live" and first.live_before is None
    second = load_tables(v2_tables, pg_uri, mode="blue-green", keys=KEYS, settings=settings)
    assert (second.status, second.live_before, second.live_after) == ("ready", first.schema, first.schema)
    assert second.schema != first.schema and second.schema.startswith("servicedesk_v")
    assert live_target(pg_uri) == {first.schema}  # blue-green stops before the cutover

    switched = cutover(pg_uri, second.schema, settings=settings)
    assert (switched.from_version, switched.to_version) == (first.schema, second.schema)
    assert live_target(pg_uri) == {second.schema}
    assert counts(pg_uri) == {name: table.num_rows for name, table in v2_tables.items()}

    # Every declared TIMESTAMP / DATE column landed typed, never as text.
    types = dict(
        ((row[0], row[1]), row[2])
        for row in pg_query(
            pg_uri,
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            f"WHERE table_schema = '{second.schema}'",
        )
    )
    assert types[("tickets", "TKT-Created Time")] == "timestamp without time zone"
    assert types[("tickets", "TKT-Due Date")] == "date"
    assert types[("comments", "CMT-Created Time")] == "timestamp without time zone"
    assert types[("timesheets", "TS-Start Time")] == "timestamp without time zone"
    assert types[("timesheets", "TS-Hours")] == "double precision"
    assert types[("tickets", "TKT-Satisfaction")] == "double precision"
    assert types[("tickets", "TKT-SLA Breached?")] == "boolean"

    # Aggregates read through the stable views equal what was sent (computed here by pyarrow).
    tickets, sheets = v2_tables["tickets"], v2_tables["timesheets"]
    created = pc.min_max(tickets["TKT-Created Time"])
    (row,) = pg_query(
        pg_uri,
        'SELECT min("TKT-Created Time"), max("TKT-Created Time"), count("TKT-Resolved Time"), '
        'sum("TKT-Ticket ID")::bigint, sum("TKT-Satisfaction"), count(*) FILTER (WHERE "TKT-SLA Breached?") '
        "FROM servicedesk.tickets",
    )
    assert row[:4] == (
        created["min"].as_py(),
        created["max"].as_py(),
        tickets.num_rows - tickets["TKT-Resolved Time"].null_count,
        pc.sum(tickets["TKT-Ticket ID"]).as_py(),
    )
    assert row[4] == pytest.approx(pc.sum(tickets["TKT-Satisfaction"]).as_py(), rel=1e-12)
    assert row[5] == pc.sum(tickets["TKT-SLA Breached?"]).as_py()
    ((hours, rate, day),) = pg_query(
        pg_uri,
        'SELECT sum("TS-Hours")::text, sum("TS-Rate")::text, max("TS-Date") FROM servicedesk.timesheets',
    )
    assert float(hours) == pytest.approx(pc.sum(sheets["TS-Hours"]).as_py(), rel=1e-12)
    assert Decimal(rate) == pc.sum(sheets["TS-Rate"]).as_py()  # numeric: the sum exact
    assert day == pc.max(sheets["TS-Date"]).as_py() and isinstance(day, date)
    # The loader checked the same figures itself, and every template ran on the candidate.
    assert second.validation.ok and second.validation.checks
    assert [m.name for m in second.dashboard] == [t.name for t in load_templates()]
    assert all(m.ok for m in second.dashboard)
    assert json.loads(json.dumps(second.to_dict()))["rows"] == second.rows  # plain JSON types only

    back = rollback(pg_uri, settings=settings)
    assert (back.from_version, back.to_version, back.rollback) == (second.schema, first.schema, True)
    assert live_target(pg_uri) == {first.schema}
    assert counts(pg_uri) == {name: table.num_rows for name, table in v1_tables.items()}
    assert [r[:2] for r in runs(pg_uri)] == [
        ("simple", "succeeded"),
        ("blue-green", "succeeded"),
        ("cutover", "succeeded"),
        ("rollback", "succeeded"),
    ]
    live = pg_query(pg_uri, "SELECT schema_name, previous FROM columnar_etl.versions WHERE live")
    assert live == [(first.schema, None)]


def test_readers_see_whole_versions_and_no_error_while_cutovers_and_rollbacks_run(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table], v2_tables: dict[str, pa.Table]
) -> None:
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    second = load_tables(v2_tables, pg_uri, mode="blue-green", keys=KEYS, settings=settings)
    whole = {
        tuple(table.num_rows for table in tables.values()) for tables in (v1_tables, v2_tables)
    }  # (tickets, comments, timesheets) of either version
    seen: set[tuple[int, ...]] = set()
    errors: list[str] = []
    stop = threading.Event()
    reads = 0

    def reader() -> None:
        nonlocal reads
        conn = connect(pg_uri, autocommit=True)
        cursor = conn.cursor()
        deadline = time.monotonic() + 20
        try:
            # One statement naming all three views: it must see all of one version.
            while not stop.is_set() and reads < 5_000 and time.monotonic() < deadline:
                try:
                    cursor.execute(
                        "SELECT (SELECT count(*) FROM servicedesk.tickets), "
                        "(SELECT count(*) FROM servicedesk.comments), "
                        "(SELECT count(*) FROM servicedesk.timesheets)"
                    )
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
        for _ in range(6):
            assert cutover(pg_uri, second.schema, settings=settings).to_version == second.schema
            time.sleep(0.02)
            assert rollback(pg_uri, settings=settings).to_version == first.schema
            time.sleep(0.02)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not errors
    assert reads > 20
    assert seen <= whole
    assert len(seen) == 2  # the reader did see both versions


def test_simple_load_cuts_over_in_the_same_transaction(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table], v2_tables: dict[str, pa.Table]
) -> None:
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings, run_id="run-1")
    second = load_tables(v2_tables, pg_uri, keys=KEYS, settings=settings, run_id="run-2")
    assert (second.status, second.live_before, second.live_after) == ("live", first.schema, second.schema)
    assert live_target(pg_uri) == {second.schema}
    assert [change.action for change in second.view_changes] == ["replaced"] * 3
    rows = pg_query(
        pg_uri,
        "SELECT schema_name, live, previous, run_id, rows->>'tickets' FROM columnar_etl.versions ORDER BY 1",
    )
    assert rows == [
        (first.schema, False, None, "run-1", "109"),
        (second.schema, True, first.schema, "run-2", str(v2_tables["tickets"].num_rows)),
    ]
    # Primary keys and the reference indexes were built after the COPY.
    keys = pg_query(
        pg_uri,
        "SELECT conrelid::regclass::text, contype FROM pg_constraint "
        f"WHERE connamespace = '{second.schema}'::regnamespace AND contype = 'p' ORDER BY 1",
    )
    assert keys == [(f"{second.schema}.{name}", "p") for name in ("comments", "tickets", "timesheets")]
    indexed = pg_query(
        pg_uri,
        f"SELECT tablename FROM pg_indexes WHERE schemaname = '{second.schema}' "
        "AND indexdef NOT LIKE '%UNIQUE%' ORDER BY 1",
    )
    assert indexed == [("comments",), ("timesheets",)]  # "CMT-Ticket ID", "TS-Ticket ID"
    ((tool, config_hash, quality, comments),) = pg_query(
        pg_uri,
        "SELECT tool_version, config_hash, quality_before, rows->>'comments' FROM columnar_etl.runs "
        "WHERE run_id = 'run-2'",
    )
    assert (tool, len(config_hash), quality) == ("0.1.0", 16, None)
    assert comments == str(v2_tables["comments"].num_rows)


def test_canary_leaves_nothing_but_its_ledger_row_and_report(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table], v2_tables: dict[str, pa.Table]
) -> None:
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    before = version_schemas(pg_uri)
    canary = load_tables(v2_tables, pg_uri, mode="canary", keys=KEYS, settings=settings)
    assert canary.status == "canary" and canary.schema == "servicedesk_canary"
    assert version_schemas(pg_uri) == before == [first.schema]
    assert live_target(pg_uri) == {first.schema}
    assert counts(pg_uri) == {name: table.num_rows for name, table in v1_tables.items()}
    for name, table in v2_tables.items():
        share = canary.rows[name] / table.num_rows
        assert 0.05 < share < 0.15, (name, share)
    assert canary.validation.ok and all(m.ok for m in canary.dashboard)
    assert not [item for item in canary.drift.items if item.kind == "row_count"]  # a sample is smaller
    assert runs(pg_uri)[-1] == ("canary", "succeeded", "servicedesk_canary", None)
    (report,) = pg_query(
        pg_uri, "SELECT report->'rows'->>'tickets' FROM columnar_etl.runs WHERE mode = 'canary'"
    )
    assert report == (str(canary.rows["tickets"]),)
    assert pg_query(pg_uri, "SELECT count(*) FROM columnar_etl.versions") == [(1,)]

    # Deterministic by row key: the same tickets again.
    again = load_tables(v2_tables, pg_uri, mode="canary", keys=KEYS, settings=settings)
    assert again.rows == canary.rows
    assert (
        again.stats["tickets"].columns["TKT-Ticket ID"].sum
        == canary.stats["tickets"].columns["TKT-Ticket ID"].sum
    )


def test_a_canary_keeps_at_least_one_row_of_a_non_empty_table(pg_uri: str, settings: Settings) -> None:
    tiny = {"t": pa.table({"id": pa.array([7, 8], pa.int64()), "v": ["a", "b"]})}
    result = load_tables(tiny, pg_uri, mode="canary", settings=settings)
    assert result.rows == {"t": 1}
    empty = {"t": pa.table({"id": pa.array([], pa.int64())})}
    assert load_tables(empty, pg_uri, mode="canary", settings=settings).rows == {"t": 0}


def test_drift_is_reported_and_strict_drift_blocks_the_cutover(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    tickets = v1_tables["tickets"].slice(0, 30)
    drifted = {
        # 30 of 109 tickets, one column gone, one retyped, one new, and a column now mostly NULL.
        "tickets": tickets.drop_columns(["TKT-Customer #"])
        .set_column(
            tickets.schema.get_field_index("TKT-Priority"),
            "TKT-Priority",
            pa.array(range(30), pa.int64()),
        )
        .set_column(
            tickets.schema.get_field_index("TKT-Agent"), "TKT-Agent", pa.array([None] * 30, pa.string())
        )
        .append_column("TKT-Channel", pa.array(["email"] * 30)),
        "comments": v1_tables["comments"],
        "timesheets": v1_tables["timesheets"],
    }
    with pytest.raises(LoadRefused) as refused:
        load_tables(drifted, pg_uri, keys=KEYS, strict_drift=True, settings=settings)
    kinds = {(item.kind, item.table, item.column) for item in refused.value.result.drift.items}
    assert kinds == {
        ("row_count", "tickets", None),
        ("removed_column", "tickets", "TKT-Customer #"),
        ("type_change", "tickets", "TKT-Priority"),
        ("new_column", "tickets", "TKT-Channel"),
        ("null_rate", "tickets", "TKT-Agent"),
    }
    assert "drift (strict)" in str(refused.value)
    assert version_schemas(pg_uri) == [first.schema] and live_target(pg_uri) == {first.schema}
    mode, status, _, error = runs(pg_uri)[-1]
    assert (mode, status) == ("simple", "halted") and "load refused" in str(error)

    # Without strict_drift it is a report, and the cutover copes with the changed columns.
    result = load_tables(drifted, pg_uri, keys=KEYS, settings=settings)
    assert result.status == "live" and len(result.warnings) == 5
    changes = {change.table: change for change in result.view_changes}
    assert changes["tickets"].action == "recreated"
    assert changes["tickets"].removed == ["TKT-Customer #"] and changes["tickets"].added == ["TKT-Channel"]
    assert changes["tickets"].retyped == {"TKT-Priority": ("text", "bigint")}
    assert changes["comments"].action == changes["timesheets"].action == "replaced"
    assert pg_query(pg_uri, 'SELECT max("TKT-Channel") FROM servicedesk.tickets') == [("email",)]
    # ...and a rollback to the old shape works the same way.
    back = rollback(pg_uri, settings=settings)
    assert back.to_version == first.schema
    assert [c.table for c in back.column_changes] == ["tickets"]
    assert counts(pg_uri)["tickets"] == v1_tables["tickets"].num_rows


def test_a_version_without_a_table_the_dashboards_read_is_refused(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    partial = {name: v1_tables[name] for name in ("tickets", "comments")}
    with pytest.raises(LoadRefused) as refused:
        load_tables(partial, pg_uri, keys=KEYS, settings=settings)
    failed = {m.name: m for m in refused.value.result.dashboard if not m.ok}
    assert set(failed) == {
        "hours_per_agent",
        "billable_share",
        "billable_revenue_per_week",
        "hours_per_ticket_by_priority",
    }
    assert failed["billable_share"].sqlstate == "42P01"
    assert 'timesheets" does not exist' in str(failed["billable_share"].error)
    assert f"works on the live version {first.schema}" in str(failed["billable_share"].reason)
    assert {m.status for m in failed.values()} == {"failing"}
    assert live_target(pg_uri) == {first.schema} and version_schemas(pg_uri) == [first.schema]
    # Into an empty target the same tables load: no dashboard can be reading timesheets there.
    fresh = load_tables(partial, pg_uri, keys=KEYS, settings=settings, base="other")
    not_applicable = {m.name for m in fresh.dashboard if m.status == "not_applicable"}
    assert not_applicable == set(failed) and fresh.status == "live"
    assert len(fresh.warnings) == len(failed)
    for name in failed:
        start = f"dashboard template {name!r} not applicable: "
        (warning,) = [w for w in fresh.warnings if w.startswith(start)]
        assert "the export has no such table and nothing is live" in warning
        assert 'timesheets" does not exist' in warning


def test_the_quality_gate_refuses_before_anything_live_changes(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings, quality_before=92.0)
    with pytest.raises(LoadRefused) as refused:
        load_tables(
            v1_tables, pg_uri, keys=KEYS, settings=settings, quality_before=90.0, quality_after=75.0,
            min_quality=80,
        )  # fmt: skip
    failures = {check.check: check for check in refused.value.result.validation.failures}
    assert set(failures) == {"quality_not_worse", "min_quality"}
    assert (failures["min_quality"].expected, failures["min_quality"].found) == (80, 75.0)
    assert str(refused.value).startswith("simple load refused, nothing live changed: ")
    assert version_schemas(pg_uri) == [first.schema] and live_target(pg_uri) == {first.schema}
    # The default gate is the min_quality setting (80); blue-green refuses too.
    with pytest.raises(LoadRefused, match=r"min_quality: expected 80\.0, found 79\.9"):
        load_tables(v1_tables, pg_uri, mode="blue-green", settings=settings, quality_before=79.9)
    assert version_schemas(pg_uri) == [first.schema]


def test_snake_case_column_names_are_loaded_and_the_templates_follow(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    result = load_tables(v1_tables, pg_uri, keys=KEYS, column_names="snake", settings=settings)
    assert result.column_names is not None
    assert result.column_names["tickets"]["TKT-Created Time"] == "tkt_created_time"
    assert result.column_names["tickets"]["TKT-SLA Breached?"] == "tkt_sla_breached"
    assert result.column_names["tickets"]["TKT-Customer #"] == "tkt_customer"
    assert all(m.ok for m in result.dashboard)
    assert pg_query(pg_uri, "SELECT count(tkt_created_time) > 0 FROM servicedesk.tickets") == [(True,)]
    (mapping,) = pg_query(
        pg_uri, "SELECT column_names->'comments'->>'CMT-Ticket ID' FROM columnar_etl.versions WHERE live"
    )
    assert mapping == ("cmt_ticket_id",)


def test_backup_before_cutover_dumps_the_live_version(
    pg_uri: str, tmp_path: Path, v1_tables: dict[str, pa.Table]
) -> None:
    from columnar_etl.config import load_settings

    settings = load_settings(backup_dir=tmp_path / "b", backup_before_cutover=True, target_lock_wait=10)
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    assert first.backup is None  # nothing was live
    second = load_tables(v1_tables, pg_uri, keys=KEYS, mode="blue-green", settings=settings)
    switched = cutover(pg_uri, settings=settings)
    assert switched.to_version == second.schema
    assert switched.backup is not None and Path(switched.backup).is_file()
    assert f".{first.schema}." in Path(switched.backup).name


def test_cutover_keeps_grants_of_recreated_views(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    role = f"dash_{uuid.uuid4().hex[:8]}"  # the URI may end in a parameter (…&port=5815)
    first = load_tables({"tickets": v1_tables["tickets"]}, pg_uri, keys=KEYS, settings=settings)
    pg_query(pg_uri, f"CREATE ROLE {role}")
    try:
        pg_query(pg_uri, f"GRANT USAGE ON SCHEMA servicedesk TO {role}")
        pg_query(pg_uri, f"GRANT SELECT ON servicedesk.tickets TO {role}")
        narrower = {"tickets": v1_tables["tickets"].drop_columns(["TKT-Subject"])}
        load_tables(narrower, pg_uri, keys=KEYS, settings=settings)
        check = f"SELECT has_table_privilege('{role}', 'servicedesk.tickets', 'SELECT')"
        assert pg_query(pg_uri, check) == [(True,)]
        assert rollback(pg_uri, settings=settings).to_version == first.schema
        assert pg_query(pg_uri, check) == [(True,)]
    finally:
        pg_query(pg_uri, f"DROP OWNED BY {role}")
        pg_query(pg_uri, f"DROP ROLE {role}")


def test_the_users_own_views_and_tables_in_the_base_schema_are_never_replaced_or_dropped(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    # helper 22: a view of the user's named like an export table was replaced by the load's, and every
    # view of the base schema no version has a table for was dropped at the next cutover.
    pg_query(pg_uri, "CREATE SCHEMA servicedesk")
    pg_query(pg_uri, "CREATE TABLE servicedesk.notes (n text)")
    pg_query(pg_uri, "CREATE VIEW servicedesk.comments AS SELECT 1 AS z, 'user view'::text AS what")
    with pytest.raises(LoadError, match="holds a view 'comments' that columnar_etl did not make"):
        load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    assert pg_query(pg_uri, "SELECT what FROM servicedesk.comments") == [("user view",)]
    assert version_schemas(pg_uri) == []
    pg_query(pg_uri, "DROP VIEW servicedesk.comments")
    first = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    pg_query(pg_uri, "CREATE VIEW servicedesk.open_tickets AS SELECT count(*) AS n FROM servicedesk.tickets")
    pg_query(pg_uri, "CREATE VIEW servicedesk.constant AS SELECT 42 AS answer")
    second = load_tables(v1_tables, pg_uri, keys=KEYS, settings=settings)
    assert sorted((c.table, c.action) for c in second.view_changes) == [
        ("comments", "replaced"),
        ("tickets", "replaced"),
        ("timesheets", "replaced"),
    ]
    # (open_tickets reads the base schema's own view)
    assert live_target(pg_uri) == {second.schema, "servicedesk"} and first.schema != second.schema
    assert pg_query(pg_uri, "SELECT answer FROM servicedesk.constant") == [(42,)]
    assert pg_query(pg_uri, "SELECT n FROM servicedesk.open_tickets") == [(v1_tables["tickets"].num_rows,)]
    assert pg_query(pg_uri, "SELECT count(*) FROM servicedesk.notes") == [(0,)]


def test_an_index_or_a_type_of_a_table_s_name_in_the_base_schema_is_named_as_in_the_way(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    # A view takes its name among the schema's relations (an index's, a composite type's too) and makes a
    # row type of it: a DBA's index or enum so named failed the load at its CREATE VIEW, "relation
    # "tickets" already exists" / "type "tickets" already exists", hint "nothing was committed; the live
    # version is unchanged", where a table or view of that name is said to be in the way, with the way out.
    pg_query(pg_uri, "CREATE SCHEMA servicedesk")
    pg_query(pg_uri, "CREATE TABLE servicedesk.notes (n int)")
    small = {"tickets": v1_tables["tickets"]}
    for made, dropped, what in (
        ("CREATE INDEX tickets ON servicedesk.notes (n)", "DROP INDEX servicedesk.tickets", "an index"),
        ("CREATE TYPE servicedesk.tickets AS ENUM ('open')", "DROP TYPE servicedesk.tickets", "a type"),
        ("CREATE TYPE servicedesk.tickets AS (n int)", "DROP TYPE servicedesk.tickets", "a composite type"),
    ):
        pg_query(pg_uri, made)
        with pytest.raises(LoadError) as info:
            load_tables(small, pg_uri, keys=KEYS, settings=settings)
        assert (info.value.message, info.value.hint) == (
            f"base schema 'servicedesk' holds {what} 'tickets' that columnar_etl did not make: nothing was "
            "committed",
            "rename or drop it, or load into another base_schema (--base)",
        )
        assert version_schemas(pg_uri) == []
        pg_query(pg_uri, dropped)
    # An enum named like a view's array type is no obstacle: PostgreSQL names that one otherwise.
    pg_query(pg_uri, "CREATE TYPE servicedesk._tickets AS ENUM ('open')")
    load_tables(small, pg_uri, keys=KEYS, settings=settings)
    assert pg_query(pg_uri, "SELECT count(*) FROM servicedesk.tickets") == [(v1_tables["tickets"].num_rows,)]


def test_versions_are_listed_and_pruned_but_never_the_live_one_or_its_predecessor(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    small = {"tickets": v1_tables["tickets"]}
    loaded = [load_tables(small, pg_uri, keys=KEYS, settings=settings, quality_before=90.0) for _ in range(4)]
    ready = load_tables(small, pg_uri, keys=KEYS, settings=settings, mode="blue-green")
    names = [r.schema for r in loaded]
    assert len(set(names)) == 4  # same second: suffixed, never reused
    listed = list_versions(pg_uri)
    assert [v.schema for v in listed] == [*names, ready.schema]
    assert [v.live for v in listed] == [False, False, False, True, False]
    assert listed[3].previous == names[2] and listed[3].rows == {"tickets": 109}
    assert listed[0].quality == 90.0

    dry = prune_versions(pg_uri, keep=0, dry_run=True, settings=settings)
    assert dry.dropped == names[:2] and version_schemas(pg_uri) == sorted([*names, ready.schema])
    pruned = prune_versions(pg_uri, keep=0, settings=settings)
    assert pruned.dropped == names[:2]
    assert pruned.kept == [names[2], names[3], ready.schema]
    assert version_schemas(pg_uri) == sorted([names[2], names[3], ready.schema])
    assert [v.schema for v in list_versions(pg_uri)] == pruned.kept
    # A pruned name is never handed out again.
    assert pg_query(pg_uri, "SELECT count(*) FROM columnar_etl.versions WHERE dropped IS NOT NULL") == [(2,)]


def test_a_prune_the_target_refuses_names_the_version_it_could_not_drop(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    # A DBA's event trigger refusing DROP SCHEMA. Was: "schemas are dropped by change requests only (while
    # running: DO $columnar_etl$ DECLARE detail text; holders text; BEGIN PERFORM set_config...)", the
    # version it was dropping named nowhere.
    small = {"tickets": v1_tables["tickets"]}
    names = [load_tables(small, pg_uri, keys=KEYS, settings=settings).schema for _ in range(3)]
    pg_query(
        pg_uri,
        "CREATE FUNCTION no_drops() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN "
        "RAISE EXCEPTION 'schemas are dropped by change requests only'; END$$",
    )
    pg_query(
        pg_uri,
        "CREATE EVENT TRIGGER no_drops ON ddl_command_start WHEN TAG IN ('DROP SCHEMA') "
        "EXECUTE FUNCTION no_drops()",
    )
    try:
        with pytest.raises(LoadError) as info:
            prune_versions(pg_uri, keep=0, settings=settings)
    finally:
        pg_query(pg_uri, "DROP EVENT TRIGGER no_drops")
    assert (info.value.message, info.value.hint) == (
        f"cannot drop version {names[0]}: schemas are dropped by change requests only",
        "nothing was committed; the live version is unchanged",
    )
    assert version_schemas(pg_uri) == sorted(names)
    assert pg_query(pg_uri, "SELECT count(*) FROM columnar_etl.versions WHERE dropped IS NOT NULL") == [(0,)]


def test_a_second_version_in_the_same_second_of_a_base_with_a_backslash_gets_its_suffix(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    # The names taken were looked up with LIKE, whose escape character is the backslash: 'a\\b_v...'
    # matched no schema named a\b_v..., and a second load in the same second tried to create the first
    # one's schema again (h90).
    base = "a\\b"
    first = load_tables({"tickets": v1_tables["tickets"]}, pg_uri, keys=KEYS, settings=settings, base=base)
    when = datetime.strptime(first.schema.removeprefix(base + "_v")[:15], "%Y%m%d_%H%M%S").replace(tzinfo=UTC)
    assert first.schema == version_schema_name(base, when)
    conn = connect(pg_uri, autocommit=True)
    try:
        cursor = conn.cursor()
        assert new_version_schema(cursor, base, when) == f"{first.schema}_2"
        cursor.close()
    finally:
        conn.close()


def test_a_prune_with_nothing_live_keeps_the_newest_version(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    # Was: `schemas prune --keep 0` with nothing live (blue-green loads not cut over yet) dropped every
    # version, the one the next cutover was meant for too.
    small = {"tickets": v1_tables["tickets"]}
    names = [
        load_tables(small, pg_uri, keys=KEYS, settings=settings, mode="blue-green").schema for _ in range(3)
    ]
    assert [v.live for v in list_versions(pg_uri)] == [False, False, False]
    dry = prune_versions(pg_uri, keep=0, dry_run=True, settings=settings)
    assert (dry.dropped, dry.kept) == (names[:2], names[2:])
    pruned = prune_versions(pg_uri, keep=0, settings=settings)
    assert (pruned.dropped, pruned.kept) == (names[:2], names[2:])
    assert version_schemas(pg_uri) == [names[2]]
    assert prune_versions(pg_uri, keep=0, settings=settings).dropped == []  # the last one stays
    assert cutover(pg_uri, settings=settings).to_version == names[2]


def test_version_names_are_utc_and_reject_unusable_bases() -> None:
    from columnar_etl.errors import ConfigError

    assert (
        version_schema_name("servicedesk", datetime(2025, 7, 1, 12, 30, 5)) == "servicedesk_v20250701_123005"
    )
    with pytest.raises(ConfigError, match="reserved"):
        version_schema_name("columnar_etl")
    with pytest.raises(ConfigError, match="must be 1 to 43 bytes"):
        version_schema_name("x" * 44)


def test_nothing_to_cut_over_to_or_roll_back_to_is_a_clear_error(
    pg_uri: str, settings: Settings, v1_tables: dict[str, pa.Table]
) -> None:
    from columnar_etl.errors import LoadError

    with pytest.raises(LoadError, match="nothing of 'servicedesk' is live"):
        rollback(pg_uri, settings=settings)
    first = load_tables({"tickets": v1_tables["tickets"]}, pg_uri, keys=KEYS, settings=settings)
    with pytest.raises(LoadError, match="has no previous version to roll back to"):
        rollback(pg_uri, settings=settings)
    with pytest.raises(LoadError, match="no version of 'servicedesk' to cut over to"):
        cutover(pg_uri, settings=settings)
    with pytest.raises(LoadError, match="'nope' is not a version of 'servicedesk'"):
        cutover(pg_uri, "nope", settings=settings)
    with pytest.raises(LoadError, match="is live already"):
        cutover(pg_uri, first.schema, settings=settings)
    assert [r[:2] for r in runs(pg_uri)][-1] == ("cutover", "failed")


def test_the_first_table_is_read_ahead_while_the_target_connection_opens(
    pg_uri: str, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The load's connection waits here until the first batch was produced: that happens only if the
    # read-ahead started before the connect (it used to start after the version schema existed).
    from columnar_etl.loading import strategies

    produced = threading.Event()
    schema = pa.schema([("id", pa.int64()), ("v", pa.string())])

    def batches() -> Iterator[pa.RecordBatch]:
        produced.set()
        yield pa.record_batch([pa.array([1, 2], pa.int64()), pa.array(["a", "b"])], schema=schema)

    waited: list[bool] = []
    real_connect = strategies.connect

    def connect_once_produced(uri: str, **options: Any) -> Any:
        waited.append(produced.wait(10))
        return real_connect(uri, **options)

    monkeypatch.setattr(strategies, "connect", connect_once_produced)
    tables = {"t": pa.RecordBatchReader.from_batches(schema, batches())}
    result = load_tables(tables, pg_uri, mode="simple", settings=settings)
    assert waited == [True]
    assert result.rows == {"t": 2}
    assert pg_query(pg_uri, f"SELECT id, v FROM {result.schema}.t ORDER BY id") == [(1, "a"), (2, "b")]
