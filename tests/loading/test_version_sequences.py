"""Sequences of the operator's commands on versions: cutover, rollback, prune, a restored version.

Each step is checked against what the dashboards read (the views of the base schema), the ledger and
the version schemas present, never against the result object alone.
"""

from __future__ import annotations

import pyarrow as pa
import pytest

from columnar_etl.config import Settings
from columnar_etl.errors import LoadError
from columnar_etl.loading import cutover, list_versions, load_tables, rollback

from ..conftest import pg_query
from .conftest import live_target


def _quarter(label: str) -> dict[str, pa.Table]:
    """One small table whose text says which quarter it came from."""
    return {"t": pa.table({"id": pa.array([1, 2, 3], pa.int64()), "q": pa.array([label] * 3)})}


def _reads(uri: str) -> str:
    """The quarter the dashboards read through ``servicedesk.t``."""
    ((label,),) = pg_query(uri, "SELECT DISTINCT q FROM servicedesk.t")
    return str(label)


def _ledger(uri: str) -> list[tuple[str, bool, str | None]]:
    return [
        (str(name), bool(live), previous)
        for name, live, previous in pg_query(
            uri, "SELECT schema_name, live, previous FROM columnar_etl.versions ORDER BY created, schema_name"
        )
    ]


def test_cutover_without_a_version_never_goes_back_to_one_loaded_before_the_live_one(
    pg_uri: str, settings: Settings
) -> None:
    # Was: with Q1 live, Q2 loaded and cut over, `cutover` (no VERSION, "the newest that is not live")
    # made Q1 live again, exit 0, and the next `cutover` Q2 again: a cron job's cutover after a
    # refused blue-green load took the dashboards back a quarter.
    q1 = load_tables(_quarter("Q1"), pg_uri, mode="simple", settings=settings).schema
    q2 = load_tables(_quarter("Q2"), pg_uri, mode="simple", settings=settings).schema
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q2", {q2})
    before = _ledger(pg_uri)
    with pytest.raises(
        LoadError,
        match=f"no version of 'servicedesk' to cut over to: none was loaded after the live one, {q2}",
    ) as raised:
        cutover(pg_uri, settings=settings)
    assert "columnar-etl cutover VERSION" in (raised.value.hint or "")
    assert (_reads(pg_uri), live_target(pg_uri), _ledger(pg_uri)) == ("Q2", {q2}, before)
    # Named, an older version is made live as asked; after a rollback the newer one is the default.
    assert cutover(pg_uri, q1, settings=settings).to_version == q1
    assert _reads(pg_uri) == "Q1"
    assert rollback(pg_uri, settings=settings).to_version == q2
    assert rollback(pg_uri, settings=settings).to_version == q1
    assert cutover(pg_uri, settings=settings).to_version == q2
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q2", {q2})


def test_cutover_without_a_version_takes_the_newest_loaded_since_the_live_one(
    pg_uri: str, settings: Settings
) -> None:
    q1 = load_tables(_quarter("Q1"), pg_uri, mode="simple", settings=settings).schema
    ready = [
        load_tables(_quarter(label), pg_uri, mode="blue-green", settings=settings).schema
        for label in ("Q2a", "Q2b")
    ]
    switched = cutover(pg_uri, settings=settings)
    assert (switched.from_version, switched.to_version) == (q1, ready[1])
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q2b", {ready[1]})
    assert [v.schema for v in list_versions(pg_uri) if v.live] == [ready[1]]


def test_cutover_without_a_version_whose_newest_was_dropped_by_hand_says_so(
    pg_uri: str, settings: Settings
) -> None:
    # Was: "version schema '…' has no tables", the same refusal as a version loaded empty.
    q1 = load_tables(_quarter("Q1"), pg_uri, mode="simple", settings=settings).schema
    q2 = load_tables(_quarter("Q2"), pg_uri, mode="blue-green", settings=settings).schema
    pg_query(pg_uri, f"DROP SCHEMA {q2} CASCADE")
    with pytest.raises(LoadError, match=f"version '{q2}' was dropped"):
        cutover(pg_uri, settings=settings)
    assert (_reads(pg_uri), live_target(pg_uri)) == ("Q1", {q1})
