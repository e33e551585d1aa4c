"""A name/value table's values (vnStat's ``info``, WordPress's ``wp_options``, Joplin's ``settings``).

Each row holds one setting: a name the schema makes unique and a value of the kind that name says. A
column of such values, written as TEXT, whose values are numbers by chance (vnStat: its version
``2.10``, a schema number ``1``, a creation time ``1796441482``) was numeric(18,2) until 2026-12-05;
it is text, every value as written. Names alone decide nothing: without a declared unique name the
column is a reading beside its metric's name, typed as any column.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import columnar_etl
from columnar_etl.profiling.profile import profile
from columnar_etl.profiling.shaped_type import SETTING_TEXT
from tests.conftest import SqliteFactory, pg_column_types, pg_query, run_settings

INFO = [("dbversion", "1"), ("vnstatversion", "2.10"), ("creationdate", "1796441482"), ("interval", "5")]
PREFS = [(1, "sync.interval", "300"), (1, "zoom", "1.25"), (2, "zoom", "1.5"), (2, "sync.interval", "60")]
READINGS = [("cpu", "0.25"), ("cpu", "0.5"), ("mem", "12.75"), ("mem", "13")]


def _export(make_sqlite: SqliteFactory) -> Path:
    return make_sqlite(
        {
            # vnStat's own DDL: a unique name, its value as TEXT.
            "info": (
                "CREATE TABLE info (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, value TEXT NOT NULL)",
                [(n, name, value) for n, (name, value) in enumerate(INFO, 1)],
            ),
            # A settings table keyed by its key, values 0/1 and counts.
            "settings": (
                "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)",
                [("sync.enabled", "1"), ("theme.dark", "0"), ("notes.limit", "250")],
            ),
            # A user's options: unique with the user (wp_usermeta-like names).
            "user_options": (
                "CREATE TABLE user_options (user_id INTEGER, option_name TEXT, option_value TEXT, "
                "PRIMARY KEY (user_id, option_name))",
                PREFS,
            ),
            # Controls: metric names repeat (no declared uniqueness), a declared INTEGER value is its
            # writer's number, and a price is no value column.
            "readings": ("CREATE TABLE readings (name TEXT, value TEXT)", READINGS),
            "counters": (
                "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER)",
                [("hits", 10), ("misses", 2)],
            ),
            "products": (
                "CREATE TABLE products (name TEXT UNIQUE, price TEXT)",
                [("pen", "1.50"), ("ink", "12.25")],
            ),
        }
    )


def test_a_name_value_tables_values_stay_text_every_value_as_written(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    path = _export(make_sqlite)
    found = profile(path)
    types = {
        (table, column): found[table][column].inferred_type
        for table, column in [
            ("info", "value"),
            ("settings", "value"),
            ("user_options", "option_value"),
            ("readings", "value"),
            ("counters", "value"),
            ("products", "price"),
        ]
    }
    assert types == {
        ("info", "value"): "text",
        ("settings", "value"): "text",
        ("user_options", "option_value"): "text",
        ("readings", "value"): "numeric",
        ("counters", "value"): "integer",
        ("products", "price"): "numeric",
    }
    assert found["info"]["value"].type_reason == SETTING_TEXT
    assert found["info"]["value"].quality == 100.0

    result = columnar_etl.run(
        path, mode="simple", settings=run_settings(tmp_path, pg_uri), show_progress=False
    )
    assert result.exit_code == 0, (result.record.error, result.record.warnings)
    schema = str(result.record.version_schema)
    assert pg_column_types(pg_uri, schema, "info")["value"] == "text"
    # Every value as the export holds it, read back with Python's sqlite3.
    with sqlite3.connect(path) as con:
        for table, columns in [
            ("info", "name, value"),
            ("settings", "key, value"),
            ("user_options", "user_id, option_name, option_value"),
        ]:
            expected = sorted(con.execute(f"SELECT {columns} FROM {table}").fetchall())
            got = pg_query(pg_uri, f'SELECT {columns} FROM "{schema}".{table} ORDER BY 1, 2')
            assert got == expected, table
    # The readings stay numbers: 13 as written and 12.75 exact.
    assert pg_column_types(pg_uri, schema, "readings")["value"].startswith("numeric")


def test_a_null_token_word_in_a_name_value_tables_values_is_that_settings_value(
    make_sqlite: SqliteFactory, pg_uri: str, tmp_path: Path
) -> None:
    """A movie manager's settings (Radarr's ``Config``: ``Key`` unique, ``Value TEXT``) hold its file
    date setting as the enum's name ``None`` beside a count ``60``, a flag ``False`` and a blank path:
    each value is of the kind its own row's name says, so the other rows' numbers and words say nothing
    of it, and ``None`` there is the setting chosen, not a missing one (it was read as NULL, audited, and
    charged as a null token). Word tokens of a name/value table's values are its values, kept as
    written; a blank is still NULL by the blank rule, and ``None`` among a metric's readings (names
    repeating, no name/value table) stays NULL as before."""
    config = [("filedate", "None"), ("rsssyncinterval", "60"), ("cleanup", "False"), ("recyclebin", ""),
              ("language", "1")]  # fmt: skip
    readings = [("cpu", "0.25"), ("cpu", "None"), ("mem", "12.75"), ("mem", "13")]
    path = make_sqlite(
        {
            "Config": (
                'CREATE TABLE "Config" ("Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
                '"Key" TEXT NOT NULL, "Value" TEXT NOT NULL)',
                [(n, key, value) for n, (key, value) in enumerate(config, 1)],
            ),
            "readings": ("CREATE TABLE readings (name TEXT, value TEXT)", readings),
        },
    )
    with sqlite3.connect(path) as con:
        con.execute('CREATE UNIQUE INDEX "IX_Config_Key" ON "Config" ("Key" ASC)')
    found = profile(path)
    value = found["Config"]["Value"]
    assert value.tokens_as_values == ["None"]
    assert value.null_like_count == 0 and value.empty_string_count == 1
    assert (
        found["readings"]["value"].null_like_count == 1 and found["readings"]["value"].tokens_as_values == []
    )

    result = columnar_etl.run(
        path, mode="simple", settings=run_settings(tmp_path, pg_uri), show_progress=False
    )
    assert result.exit_code == 0, (result.record.error, result.record.warnings)
    schema = str(result.record.version_schema)
    got = dict(pg_query(pg_uri, f'SELECT "Key", "Value" FROM "{schema}"."Config"'))
    assert got == {key: value or None for key, value in config}
    assert dict(pg_query(pg_uri, f'SELECT value, name FROM "{schema}".readings WHERE value IS NULL')) == {
        None: "cpu"
    }


def test_a_name_value_table_named_in_glued_lower_case_and_scoped_by_two_columns_is_one(
    make_sqlite: SqliteFactory,
) -> None:
    """Settings whose columns are named in one lower-case word each (``configkey``, ``configvalue``,
    as many PHP schemas write them), a setting's name unique per user and application (``PRIMARY KEY
    (userid, appid, configkey)``), and an application's settings unique per application: each row's
    value is of the kind its own name says. A quota ``none`` (no limit) is that setting's value, kept
    as written, not NULL; numbers written as text stay that text. A table of readings keyed by three
    columns none of which names a setting is none."""
    preferences = [
        ("alice", "files", "quota", "none"),
        ("alice", "core", "lang", "en"),
        ("alice", "login", "lastLogin", "1796386721"),
        ("bob", "files", "quota", "5 GB"),
        ("bob", "core", "lang", "de"),
        ("bob", "activity", "notify_email", "1"),
    ]
    appconfig = [("core", "installedat", "1796300000.1234"), ("files", "default_quota", "none"),
                 ("core", "vendor", "nextcloud"), ("files", "enabled", "yes")]  # fmt: skip
    readings = [("cpu", "host1", "a", "none"), ("cpu", "host1", "b", "0.25"), ("mem", "host2", "a", "12.75"),
                ("mem", "host2", "b", "13")]  # fmt: skip
    path = make_sqlite(
        {
            "preferences": (
                "CREATE TABLE preferences (userid VARCHAR(64) DEFAULT '' NOT NULL, appid VARCHAR(32) "
                "DEFAULT '' NOT NULL, configkey VARCHAR(64) DEFAULT '' NOT NULL, configvalue CLOB DEFAULT "
                "NULL, "
                "PRIMARY KEY(userid, appid, configkey))",
                preferences,
            ),
            "appconfig": (
                "CREATE TABLE appconfig (appid VARCHAR(32) DEFAULT '' NOT NULL, configkey VARCHAR(64) "
                "DEFAULT '' NOT NULL, configvalue CLOB DEFAULT NULL, PRIMARY KEY(appid, configkey))",
                appconfig,
            ),
            "readings": (
                "CREATE TABLE readings (metric TEXT, host TEXT, probe TEXT, value TEXT, "
                "PRIMARY KEY (metric, host, probe))",
                readings,
            ),
        },
    )
    found = profile(path)
    for table in ("preferences", "appconfig"):
        value = found[table]["configvalue"]
        assert value.tokens_as_values == ["none"], table
        assert value.null_like_count == 0, table
        assert value.inferred_type == "text", table
    assert found["readings"]["value"].null_like_count == 1
    assert found["readings"]["value"].tokens_as_values == []


def test_a_name_value_tables_value_column_named_for_its_kind_is_one_of_its_values(
    make_sqlite: SqliteFactory,
) -> None:
    """Settings kept in a column per kind of value beside a unique name (``str_value`` beside a
    boolean ``value``, as peewee models write them; ``string_value``, ``int_value`` of a metadata
    store): the string column is the setting's text whatever it holds, its numbers written as TEXT
    (a window width ``1024``, a profile id ``2``) kept as written, a word token a setting's value.
    Integers the writer stored as INTEGER cells in the ``int_value`` column stay integers. Until
    2026-12-06 the string column of numbers was bigint (its next text a drift) and ``none`` NULL. A
    ``price_value`` is no kind of value, and without a unique name no column is a setting's."""
    settings = [
        (1, "previous_window_width", 0, "1024", 3),
        (2, "previous_profile_id", 0, "2", 1),
        (3, "enable_notifications", 1, "", 0),
        (4, "diff_files_display_mode", 0, "0", 0),
        (5, "theme", 0, "none", 0),
    ]
    readings = [("cpu", "1", "2"), ("cpu", "2", "3"), ("mem", "12", "4"), ("mem", "13", "none")]
    path = make_sqlite(
        {
            "settingsmodel": (
                'CREATE TABLE "settingsmodel" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(255) NOT '
                'NULL, "value" INTEGER NOT NULL, "str_value" VARCHAR(255) NOT NULL, "int_value" INTEGER)',
                settings,
            ),
            "readings": ("CREATE TABLE readings (key TEXT, str_value TEXT, price_value TEXT)", readings),
        }
    )
    with sqlite3.connect(path) as con:
        con.execute('CREATE UNIQUE INDEX "settingsmodel_key" ON "settingsmodel" ("key")')
    con.close()
    found = profile(path)
    text = found["settingsmodel"]["str_value"]
    assert (text.inferred_type, text.type_reason) == ("text", SETTING_TEXT)
    assert text.tokens_as_values == ["none"]
    assert found["settingsmodel"]["int_value"].inferred_type == "integer"
    assert found["settingsmodel"]["value"].inferred_type == "integer"
    assert found["readings"]["str_value"].inferred_type == "integer"
    assert found["readings"]["price_value"].inferred_type == "integer"
