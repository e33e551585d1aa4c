"""Integers joined by a comma (``'1,3'``, ``'16,10751'``: a TypeORM ``simple-array`` of tag ids, a
pair of keyword ids) are no decimal commas by themselves: only a comma a decimal alone can hold
proves one (a fraction starting with 0 and longer than it, ``1,05``, ``0,05``; a sign; digit
groups), in the column, or in another column of numbers of the same export (a German writer writes
every number so); a ``0`` alone on either side (``1,0``, ``0,1``: zero-based positions) proves
none. Until 2026-12-06 any such comma proved decimals: Overseerr's ``media_request.tags`` loaded
``'1,3'`` as numeric 1.3, two ids made one number. Each test runs ``columnar-etl run`` into the
embedded PostgreSQL.

Expected values come from the rows written here (the text as written, or Python's Decimal of the text
with its comma made a point), not from the code under test.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from decimal import Decimal
from pathlib import Path
from typing import Any

from .test_other_products import Ran, audit_rules, loaded_cleanly, run_export

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]

#: Tag ids joined by commas (never three in a row: the column would be text for that alone), a
#: lone id, no tags.
TAGS = ["1,3", "2,5", "16,10751", "7", None, "4,12", "1,3"]
#: A TMDB keyword pair.
SLIDER = ["207317,9840", "9715,9717"]
#: German quantities with a comma only a decimal holds (0,5; 1,05; 149,00), and bare ones beside.
QUANTITIES = ["0,5", "12,50", "1,05", "3", "149,00", "2,5"]
#: A German export's other column of numbers: bare decimal commas alone (no proof of their own).
WEIGHTS = ["2,5", "12,25", "7", "3,75", "1,5", "10"]


def requests(path: Path) -> Path:
    """Overseerr's shape: ``media_request.tags`` and ``discover_slider.data``, text, ids joined by ','."""
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE media_request (id INTEGER PRIMARY KEY, status INTEGER, tags TEXT)")
        con.executemany(
            "INSERT INTO media_request VALUES (?, ?, ?)", [(i + 1, 2, tags) for i, tags in enumerate(TAGS)]
        )
        con.execute("CREATE TABLE discover_slider (id INTEGER PRIMARY KEY, type INTEGER, data TEXT)")
        con.executemany(
            "INSERT INTO discover_slider VALUES (?, ?, ?)",
            [(i + 1, 6, data) for i, data in enumerate(SLIDER)],
        )
    return path


def german(path: Path) -> Path:
    """A German export: ``menge`` proves decimal commas by its own values, ``gewicht`` does not."""
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE artikel (id INTEGER PRIMARY KEY, menge TEXT, gewicht TEXT)")
        con.executemany(
            "INSERT INTO artikel VALUES (?, ?, ?)",
            [
                (i + 1, menge, gewicht)
                for i, (menge, gewicht) in enumerate(zip(QUANTITIES, WEIGHTS, strict=True))
            ],
        )
    return path


def profiled(run_dir: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """The run's profile.json as ``{table: {column: column's JSON}}``."""
    data = json.loads((run_dir / "profile.json").read_text())
    return {t["name"]: {c["name"]: c for c in t["columns"]} for t in data["tables"]}


def decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text.replace(",", "."))


def numbers(ran: Ran, table: str, column: str) -> dict[Any, Decimal | None]:
    """A numeric column's values as Decimals (the query hands numeric back as its text)."""
    return {k: None if v is None else Decimal(str(v)) for k, v in ran.values(table, column, "id").items()}


def test_ids_joined_by_a_comma_stay_text_every_value_as_written_unless_overridden(run_export: Runner) -> None:
    ran, run_dir = run_export(requests)
    loaded_cleanly(ran, run_dir, {"media_request": len(TAGS), "discover_slider": len(SLIDER)})
    assert ran.types("media_request")["tags"] == ran.types("discover_slider")["data"] == "text"
    assert ran.values("media_request", "tags", "id") == {i + 1: tags for i, tags in enumerate(TAGS)}
    assert ran.values("discover_slider", "data", "id") == {i + 1: data for i, data in enumerate(SLIDER)}
    assert audit_rules(run_dir, "media_request", "tags") == {}
    assert audit_rules(run_dir, "discover_slider", "data") == {}
    columns = profiled(run_dir)
    for table, column in (("media_request", "tags"), ("discover_slider", "data")):
        reason = str(columns[table][column]["type_reason"])
        assert "comma-joined integers" in reason and "decimal_comma = true" in reason, reason
        assert columns[table][column]["comma"] is None
    # The override still reads them as decimal commas, each cell audited.
    config = '[columns.media_request.tags]\ntype = "numeric"\ndecimal_comma = true\n'
    ran, run_dir = run_export(requests, config=config)
    loaded_cleanly(ran, run_dir, {"media_request": len(TAGS), "discover_slider": len(SLIDER)})
    assert ran.types("media_request")["tags"] == "numeric"
    assert numbers(ran, "media_request", "tags") == {i + 1: decimal(tags) for i, tags in enumerate(TAGS)}
    assert audit_rules(run_dir, "media_request", "tags") == {
        str(i + 1): {"comma_decimal"} for i, tags in enumerate(TAGS) if tags and "," in tags
    }
    assert ran.types("discover_slider")["data"] == "text"


def test_german_quantities_with_proof_and_a_bare_column_beside_them_are_decimals(run_export: Runner) -> None:
    ran, run_dir = run_export(german)
    loaded_cleanly(ran, run_dir, {"artikel": len(QUANTITIES)})
    types = ran.types("artikel")
    assert types["menge"] == types["gewicht"] == "numeric"
    assert numbers(ran, "artikel", "menge") == {i + 1: decimal(v) for i, v in enumerate(QUANTITIES)}
    assert numbers(ran, "artikel", "gewicht") == {i + 1: decimal(v) for i, v in enumerate(WEIGHTS)}
    for column, texts in (("menge", QUANTITIES), ("gewicht", WEIGHTS)):
        assert audit_rules(run_dir, "artikel", column) == {
            str(i + 1): {"comma_decimal"} for i, text in enumerate(texts) if "," in text
        }, column
    columns = profiled(run_dir)["artikel"]
    assert columns["menge"]["notes"] == []
    bare = sum(1 for text in WEIGHTS if "," in text)
    assert columns["gewicht"]["notes"] == [
        f"{bare} numbers such as 1,3 read as decimals: the export's other columns of numbers "
        "(artikel.menge) prove a decimal comma"
    ]


#: The order a user opened a workspace's folders in, as zero-based positions joined by commas beside
#: a lone ``0`` (a workspace of one folder): Zed's ``workspaces.paths_order``. ``0,1`` and ``1,0``
#: are two positions, as ``1,3`` are two ids: the 0 is written as a position is, no decimal alone.
ORDERS = ["0", "1,0", "0", "0,1", "0", "1,0", "0"]


def workspaces(path: Path) -> Path:
    """A workspace table whose ``paths_order`` holds zero-based positions joined by commas."""
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE workspaces (id INTEGER PRIMARY KEY, paths TEXT, paths_order TEXT)")
        con.executemany(
            "INSERT INTO workspaces VALUES (?, ?, ?)",
            [
                (i + 1, "\n".join(f"/home/ada/src/p{i}{k}" for k in range(order.count(",") + 1)), order)
                for i, order in enumerate(ORDERS)
            ],
        )
    return path


def test_zero_based_positions_joined_by_a_comma_stay_text_every_value_as_written(run_export: Runner) -> None:
    # Until 2026-12-06 a 0 on either side of the comma proved a decimal comma: '1,0' loaded as 1.0
    # and '0,1' as 0.1, an order of two folders made a number.
    ran, run_dir = run_export(workspaces)
    loaded_cleanly(ran, run_dir, {"workspaces": len(ORDERS)})
    assert ran.types("workspaces")["paths_order"] == "text"
    assert ran.values("workspaces", "paths_order", "id") == {i + 1: order for i, order in enumerate(ORDERS)}
    assert audit_rules(run_dir, "workspaces", "paths_order") == {}
    column = profiled(run_dir)["workspaces"]["paths_order"]
    assert column["comma"] is None
    assert "comma-joined integers" in str(column["type_reason"])
