"""Connections to the target share one ADBC database per URI; closing one leaves the others working."""

from __future__ import annotations

from typing import Any

import pytest

from columnar_etl.errors import TargetError
from columnar_etl.pg import connect as connect_module
from columnar_etl.pg.connect import connect, query_rows, reading
from tests.conftest import run_python, uri_as


def test_the_database_is_created_once_per_uri_and_outlives_each_connection(
    pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import adbc_driver_postgresql

    created: list[str] = []
    real = adbc_driver_postgresql.connect

    def counted(uri: str, *args: Any, **kwargs: Any) -> Any:
        created.append(uri)
        return real(uri, *args, **kwargs)

    monkeypatch.setattr(adbc_driver_postgresql, "connect", counted)
    monkeypatch.setattr(connect_module, "_databases", {})
    monkeypatch.setattr(connect_module, "_shared", {})
    first = connect(pg_uri, autocommit=True)
    cursor = first.cursor()
    cursor.execute("SELECT 1")
    assert cursor.fetchall() == [(1,)]
    cursor.close()
    first.close()  # the database stays open for the next connection
    with reading(pg_uri) as rows:
        assert rows("SELECT current_setting('client_encoding')") == [("UTF8",)]
    second = connect(pg_uri)
    cursor = second.cursor()
    cursor.execute("SELECT 2")
    assert cursor.fetchall() == [(2,)]
    second.rollback()
    second.close()
    assert query_rows(pg_uri, "SELECT 3") == [(3,)]
    assert len(created) == 1
    assert "connect_timeout=10" in created[0] and "client_encoding=UTF8" in created[0]


def test_a_refused_connection_is_a_target_error_and_is_not_kept(
    pg_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connect_module, "_databases", {})
    with pytest.raises(TargetError, match="cannot connect"):
        query_rows(uri_as(pg_uri, "nobody_here", "x"), "SELECT 1")
    assert connect_module._databases == {}


def test_reading_imports_neither_pyarrow_nor_polars(pg_uri: str) -> None:
    code = (
        "import sys; from columnar_etl.pg.connect import query_rows; "
        "print(query_rows(sys.argv[1], 'SELECT 1 AS a, true AS b, NULL::text AS c')); "
        "print(sorted(m for m in ('pyarrow', 'polars', 'adbc_driver_manager.dbapi') if m in sys.modules))"
    )
    done = run_python(code, pg_uri)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[(1, True, None)]", "[]"]
