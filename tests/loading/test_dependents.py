"""The users' own views on a view whose columns change: a cutover and a rollback drop and recreate them.

Two quarters of one table: ``amount`` whole numbers (bigint) in the first, with cents (numeric) in
the second, and a column ``gone`` the second lacks. A dashboard team's views in a schema of their own,
owned by their role: a view on the stable schema's, a view on that one, a materialized view with an
index, with comments, options and grants to a reader. Each test runs the real pipeline (``run``
blue-green, then ``cutover`` / ``rollback``) on the session's PostgreSQL; what the views read is
computed here from the quarters' rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import columnar_etl
from columnar_etl.cli import app
from columnar_etl.config import Settings
from columnar_etl.errors import LoadError

from ..conftest import GATES_OPEN, SqliteFactory, pg_query, run_settings, uri_as

Q1_ROWS = [(1, "3", "a", "x"), (2, "12", "b", "y"), (3, "5", "a", "z")]
Q2_ROWS = [(1, "4.5", "a"), (2, "7", "b"), (3, "-2", "a"), (4, "10.25", "c")]
#: The team's objects, ``{s}`` their schema and ``{b}`` the stable one, in the order they are made.
TEAM_VIEWS = {
    "dash": "CREATE VIEW {s}.dash WITH (security_barrier = true, check_option = local) AS "
    "SELECT id, amount, note FROM {b}.t WHERE amount > 0",
    "dash_totals": "CREATE VIEW {s}.dash_totals WITH (security_invoker = true) AS "
    "SELECT count(*) AS n, sum(amount) AS total FROM {s}.dash",
    "by_note": "CREATE MATERIALIZED VIEW {s}.by_note AS "
    "SELECT note, sum(amount) AS total, count(*) AS n FROM {s}.dash GROUP BY note",
}
TEAM_SETUP = [
    "CREATE UNIQUE INDEX by_note_note ON {s}.by_note (note)",
    "COMMENT ON INDEX {s}.by_note_note IS 'one row per note'",
    "COMMENT ON VIEW {s}.dash IS 'positive amounts, for the team''s board'",
    "COMMENT ON COLUMN {s}.dash.amount IS 'in euros'",
    "COMMENT ON MATERIALIZED VIEW {s}.by_note IS 'refreshed nightly'",
]


def _quarter(make_sqlite: SqliteFactory, name: str, rows: list[tuple[Any, ...]]) -> Path:
    columns = "id INTEGER PRIMARY KEY, amount TEXT, note TEXT" + (", gone TEXT" if len(rows[0]) == 4 else "")
    return make_sqlite({"t": (f"CREATE TABLE t ({columns})", rows)}, name=name)


@pytest.fixture
def roles(pg_uri: str) -> Iterator[Callable[..., str]]:
    """``roles(login=False)``: a new role's name; each is dropped with what it owns after the test."""
    made: list[str] = []

    def make(login: bool = False) -> str:
        name = f"team_{uuid.uuid4().hex[:8]}"
        pg_query(pg_uri, f"CREATE ROLE {name}{' LOGIN' if login else ''}")
        made.append(name)
        return name

    yield make
    for name in reversed(made):
        pg_query(pg_uri, f"DROP OWNED BY {name} CASCADE")
        pg_query(pg_uri, f"DROP ROLE {name}")


@pytest.fixture
def quarters(make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path) -> tuple[Settings, str, str]:
    """:func:`_load_quarters` as the server's superuser."""
    return _load_quarters(make_sqlite, pg_uri, tmp_path)


def _load_quarters(make_sqlite: SqliteFactory, uri: str, tmp_path: Path) -> tuple[Settings, str, str]:
    """Settings into a base of the test's own; the first quarter live and the second loaded beside it
    (blue-green): their version schemas."""
    settings = run_settings(tmp_path, uri, base_schema=f"q_{uuid.uuid4().hex[:8]}", **GATES_OPEN)
    versions = []
    for name, rows in (("q1.db", Q1_ROWS), ("q2.db", Q2_ROWS)):
        result = columnar_etl.run(
            _quarter(make_sqlite, name, rows), mode="blue-green", settings=settings, show_progress=False
        )
        assert result.outcome in ("done", "warn"), f"{result.outcome}: {result.record.error}"
        versions.append(result.record.version_schema)
        if name == "q1.db":
            columnar_etl.cutover(versions[0], settings=settings)
    return settings, versions[0], versions[1]


def _team(pg_uri: str, base: str, owner: str, reader: str) -> str:
    """The team's schema and objects (as the server's superuser, then given to ``owner``); its name."""
    schema = f"team_{uuid.uuid4().hex[:8]}"
    pg_query(pg_uri, f"CREATE SCHEMA {schema} AUTHORIZATION {owner}")
    pg_query(pg_uri, f"GRANT USAGE ON SCHEMA {base} TO {owner}")
    pg_query(pg_uri, f"GRANT SELECT ON {base}.t TO {owner}")
    for sql in [*TEAM_VIEWS.values(), *TEAM_SETUP]:
        pg_query(pg_uri, sql.format(s=schema, b=base))
    for name, kind in (("dash", "VIEW"), ("dash_totals", "VIEW"), ("by_note", "MATERIALIZED VIEW")):
        pg_query(pg_uri, f"ALTER {kind} {schema}.{name} OWNER TO {owner}")
    # By the server's superuser: recorded as granted by the owner, as if the team had.
    for grant in (
        f"GRANT SELECT ON {schema}.dash TO {reader}",
        f"GRANT SELECT (n) ON {schema}.dash_totals TO {reader}",
        f"GRANT SELECT ON {schema}.by_note TO {reader} WITH GRANT OPTION",
    ):
        pg_query(pg_uri, grant)
    return schema


def _described(pg_uri: str, schema: str) -> dict[str, Any]:
    """Everything of the team's objects a recreation must keep, but their definitions."""
    relations = pg_query(
        pg_uri,
        "SELECT c.relname, c.relkind, pg_get_userbyid(c.relowner), c.relacl::text, "
        "array_to_string(array(SELECT unnest(c.reloptions) ORDER BY 1), ','), "
        "obj_description(c.oid, 'pg_class'), c.relispopulated FROM pg_class c "
        f"WHERE c.relnamespace = '{schema}'::regnamespace ORDER BY 1",
    )
    columns = pg_query(
        pg_uri,
        "SELECT c.relname, a.attname, a.attacl::text, col_description(c.oid, a.attnum) FROM pg_class c "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 "
        f"WHERE c.relnamespace = '{schema}'::regnamespace AND c.relkind IN ('v', 'm') "
        "AND (a.attacl IS NOT NULL OR col_description(c.oid, a.attnum) IS NOT NULL) ORDER BY 1, 2",
    )
    indexes = pg_query(pg_uri, f"SELECT indexdef FROM pg_indexes WHERE schemaname = '{schema}'")
    return {"relations": relations, "columns": columns, "indexes": indexes}


def _definitions(pg_uri: str, schema: str) -> dict[str, str]:
    return {
        name: str(pg_query(pg_uri, f"SELECT pg_get_viewdef('{schema}.{name}'::regclass)")[0][0])
        for name in TEAM_VIEWS
    }


def _fresh_definitions(
    pg_uri: str, base: str, schema: str, views: dict[str, str] = TEAM_VIEWS
) -> dict[str, str]:
    """The definitions ``views`` (statements as :data:`TEAM_VIEWS`) give when made now, in a scratch
    schema: what a view recreated on the live version must read as (with a cast to the new type where
    the old needed none)."""
    scratch = f"scratch_{uuid.uuid4().hex[:8]}"
    pg_query(pg_uri, f"CREATE SCHEMA {scratch}")
    try:
        for sql in views.values():
            pg_query(pg_uri, sql.replace("{s}", scratch).replace("{b}", base))
        return {
            name: text.replace(f"{scratch}.", f"{schema}.")
            for name, text in _definitions(pg_uri, scratch).items()
        }
    finally:
        pg_query(pg_uri, f"DROP SCHEMA {scratch} CASCADE")


def _as_statements(definitions: dict[str, str], schema: str) -> dict[str, str]:
    """Statements as :data:`TEAM_VIEWS` that make the team's views from ``definitions`` (read back)."""
    return {
        name: f"CREATE {'MATERIALIZED VIEW' if name == 'by_note' else 'VIEW'} {{s}}.{name} AS "
        + text.replace(f"{schema}.", "{s}.")
        for name, text in definitions.items()
    }


def _expected(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    """What the team's views read over a quarter's rows, computed here."""
    positive = [(i, Decimal(a), note) for i, a, note, *_ in rows if Decimal(a) > 0]
    notes = sorted({note for _, _, note in positive})
    return {
        "dash": [(i, a, note) for i, a, note in positive],
        "dash_totals": [(len(positive), sum(a for _, a, _ in positive))],
        "by_note": [
            (note, sum(a for _, a, n in positive if n == note), sum(n == note for _, _, n in positive))
            for note in notes
        ],
    }


def _read(pg_uri: str, schema: str) -> dict[str, Any]:
    """What the team's views read now (numbers as exact decimals)."""
    return {
        "dash": [
            (i, Decimal(a), n)
            for i, a, n in pg_query(pg_uri, f"SELECT id, amount::text, note FROM {schema}.dash ORDER BY id")
        ],
        "dash_totals": [
            (n, Decimal(t)) for n, t in pg_query(pg_uri, f"SELECT n, total::text FROM {schema}.dash_totals")
        ],
        "by_note": [
            (note, Decimal(t), n)
            for note, t, n in pg_query(
                pg_uri, f"SELECT note, total::text, n FROM {schema}.by_note ORDER BY note"
            )
        ],
    }


def _amount_type(pg_uri: str, base: str) -> str:
    ((kind,),) = pg_query(pg_uri, f"SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                          f"WHERE attrelid = '{base}.t'::regclass AND attname = 'amount'")  # fmt: skip
    return str(kind)


def test_a_cutover_and_a_rollback_recreate_the_teams_views_as_they_were(
    pg_uri: str, quarters: tuple[Settings, str, str], roles: Callable[..., str]
) -> None:
    settings, first, second = quarters
    base = settings.base_schema
    owner, reader = roles(), roles()
    schema = _team(pg_uri, base, owner, reader)
    before = _described(pg_uri, schema)
    assert _read(pg_uri, schema) == _expected(Q1_ROWS)
    assert _amount_type(pg_uri, base) == "bigint"

    # Was: "view … must be recreated (amount bigint → numeric(…), gone removed) but … reads it".
    switched = columnar_etl.cutover(second, settings=settings)
    assert switched.to_version == second and _amount_type(pg_uri, base).startswith("numeric")
    (change,) = [c for c in switched.changes if c.table == "t"]
    assert change.action == "recreated" and change.removed == ["gone"]
    assert change.kept == [f"{schema}.dash", f"{schema}.dash_totals", f"{schema}.by_note"]
    assert _described(pg_uri, schema) == before
    assert _definitions(pg_uri, schema) == _fresh_definitions(pg_uri, base, schema)
    assert _read(pg_uri, schema) == _expected(Q2_ROWS)

    # Made again from what PostgreSQL wrote back on the numeric: `amount > (0)::numeric` (on a bigint,
    # `(amount)::numeric > (0)::numeric`: the same rows), not from the team's first statement.
    on_numeric = _as_statements(_definitions(pg_uri, schema), schema)
    back = columnar_etl.rollback(settings=settings)
    assert back.to_version == first and _amount_type(pg_uri, base) == "bigint"
    assert _described(pg_uri, schema) == before
    assert _definitions(pg_uri, schema) == _fresh_definitions(pg_uri, base, schema, on_numeric)
    assert _read(pg_uri, schema) == _expected(Q1_ROWS)


def test_a_view_reading_a_removed_column_stops_the_cutover_naming_it(
    pg_uri: str, quarters: tuple[Settings, str, str], roles: Callable[..., str]
) -> None:
    settings, first, second = quarters
    base = settings.base_schema
    schema = _team(pg_uri, base, roles(), roles())
    pg_query(pg_uri, f"CREATE VIEW {schema}.with_gone AS SELECT id, gone FROM {base}.t")
    pg_query(pg_uri, f"CREATE VIEW {schema}.on_gone AS SELECT count(gone) AS n FROM {schema}.with_gone")
    before = (_described(pg_uri, schema), _definitions(pg_uri, schema), _read(pg_uri, schema))
    gone_before = pg_query(pg_uri, f"SELECT * FROM {schema}.with_gone ORDER BY id")

    cut = CliRunner().invoke(app, ["--target", pg_uri, "cutover", second, "--base", base])
    assert cut.exit_code == 1, cut.output
    (line,) = [line for line in cut.stderr.splitlines() if line.startswith("error")]
    assert f"your view {schema}.with_gone cannot be recreated on {second}" in line
    assert f'"{base}"."t": amount bigint → numeric' in line and "gone removed" in line
    assert 'column "gone" does not exist' in line and "nothing was committed" in line
    assert f"hint: drop {schema}.with_gone and {schema}.on_gone, cut over again, then recreate them" in (
        cut.stderr
    )
    # Nothing live changed: the first quarter, and every view of the team as it was.
    assert pg_query(
        pg_uri, f"SELECT schema_name FROM columnar_etl.versions WHERE live AND base = '{base}'"
    ) == [(first,)]
    assert _amount_type(pg_uri, base) == "bigint"
    assert (_described(pg_uri, schema), _definitions(pg_uri, schema), _read(pg_uri, schema)) == before
    assert pg_query(pg_uri, f"SELECT * FROM {schema}.with_gone ORDER BY id") == gone_before
    assert gone_before == [(i, gone) for i, _, _, gone in Q1_ROWS]


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        # PostgreSQL cannot drop the view under a function with a SQL-standard body; nor remake it.
        (
            ["CREATE FUNCTION public.total_amount() RETURNS numeric BEGIN ATOMIC "
             "SELECT sum(amount) FROM {b}.t; END"],
            "function total_amount() (on {b}.t)",
        ),
        # A trigger on a view of the team's would go with the view, without a word.
        (
            ["CREATE VIEW public.mine AS SELECT id, amount FROM {b}.t",
             "CREATE FUNCTION public.ignore() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END'",
             "CREATE TRIGGER keep INSTEAD OF INSERT ON public.mine "
             "FOR EACH ROW EXECUTE FUNCTION public.ignore()"],
            "trigger keep on view mine (on public.mine)",
        ),
        # ... as would a rule (other than the view's own query).
        (
            ["CREATE VIEW public.mine AS SELECT id, amount FROM {b}.t",
             "CREATE RULE skip AS ON DELETE TO public.mine DO INSTEAD NOTHING"],
            "rule skip on view mine (on public.mine)",
        ),
    ],
    ids=["sql-body function", "trigger", "rule"],
)  # fmt: skip
def test_what_cannot_be_recreated_with_the_view_is_named_and_nothing_changes(
    pg_uri: str, quarters: tuple[Settings, str, str], statements: list[str], named: str
) -> None:
    settings, first, second = quarters
    base = settings.base_schema
    for sql in statements:
        pg_query(pg_uri, sql.format(b=base))
    with pytest.raises(LoadError) as refused:
        columnar_etl.cutover(second, settings=settings)
    message = str(refused.value)
    assert message.startswith(f'view "{base}"."t" (amount bigint → numeric(18,2), gone removed) must be')
    assert f"but {named.format(b=base)} cannot be dropped and made again with it: nothing was" in message
    assert _amount_type(pg_uri, base) == "bigint"
    assert pg_query(
        pg_uri, f"SELECT schema_name FROM columnar_etl.versions WHERE live AND base = '{base}'"
    ) == [(first,)]


def test_a_view_of_a_role_the_loader_may_not_act_as_is_refused_until_it_may(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path, roles: Callable[..., str]
) -> None:
    # The loader (no superuser) can drop and recreate a view only as a member of its owner's role.
    loader, team = roles(login=True), roles()
    ((database,),) = pg_query(pg_uri, "SELECT current_database()")
    pg_query(pg_uri, f"GRANT CREATE ON DATABASE {database} TO {loader}")
    settings, _, second = _load_quarters(make_sqlite, uri_as(pg_uri, loader), tmp_path)
    base = settings.base_schema
    schema = _team(pg_uri, base, team, roles())
    before = _described(pg_uri, schema)
    with pytest.raises(LoadError) as refused:
        columnar_etl.cutover(second, settings=settings)
    assert f"{schema}.dash (owned by role {team}, which this role may not drop and recreate)" in str(
        refused.value
    )
    assert _amount_type(pg_uri, base) == "bigint" and _described(pg_uri, schema) == before

    pg_query(pg_uri, f"GRANT {team} TO {loader}")
    assert columnar_etl.cutover(second, settings=settings).to_version == second
    assert _described(pg_uri, schema) == before
    assert _read(pg_uri, schema) == _expected(Q2_ROWS)
