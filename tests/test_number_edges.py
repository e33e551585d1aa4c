"""Numbers, codes and flags at their edges through ``columnar-etl run`` into the session's real
PostgreSQL, every cell checked.

The exports are built by ``tests/number_edges.py``: CSV imports (all TEXT) and typed columns holding
native cells, text and both. Each test runs the CLI as an operator would (``run --mode simple --yes
--json``), then checks every cell of the target against the source and the audit with the project's
lossless checker, the exit code and run.json's outcome, the types chosen, and the values the builder
knows, computed from the builder's own numbers (``Decimal`` of the text, the word lists), never from a
run. What they stress: no value changes meaning: ``1.1`` and ``1.10`` never made one, ``007`` never 7,
2^63 never wrapped, ``-0.0`` kept, no 17-digit REAL rounded, no flag read from a number it is not.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from columnar_etl.pg.identifiers import quote_ident

from . import number_edges as edges
from .conftest import pg_query
from .test_orm_exports import clean_exit, notes_of
from .test_other_products import Ran, audit_rules, loaded_cleanly, run_export

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]
ROWS = range(edges.ROWS)


def numbers(values: dict[int, object]) -> dict[int, Decimal]:
    return {key: Decimal(str(value)) for key, value in values.items()}


# --- versions and amounts written two ways -----------------------------------------------------------


def test_versions_written_two_ways_stay_apart_and_amounts_written_one_way_are_numbers(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(edges.releases)
    loaded_cleanly(ran, run_dir, {"releases": edges.ROWS})
    clean_exit(ran)
    types = ran.types("releases")
    assert types == {
        "n": "bigint",
        "sheet_row": "numeric",  # 1.0, 2.0 …: one way of writing, the numbers they are
        "product": "text",
        "version": "text",  # 1.1 and 1.10 are two releases: never one number
        "hotfix": "numeric",  # 0.9 and 0.10, no two meeting: decimals (0.9 arrives as 0.90)
        "price": "numeric",
        "unit_price": "text",  # 5 and 5.0, 12 and 12.00 in one column: kept as written
        "sku": "text",  # 000, 001: leading zeros
        "delta": "text",  # −1.5 (U+2212, read as -1.5) and -1.50
        "ratio": "text",  # 1.5 and 1.50 beside 1e-3 (a double's column)
    }
    assert ran.values("releases", "version", "n") == {i + 1: edges.VERSIONS[i] for i in ROWS}
    assert len(set(edges.VERSIONS)) == edges.ROWS and Decimal("1.1") == Decimal("1.10")
    assert ran.values("releases", "unit_price", "n") == {i + 1: edges.unit_price(i) for i in ROWS}
    assert ran.values("releases", "sku", "n") == {i + 1: f"{i % 4:03d}" for i in ROWS}
    for column, texts in (("delta", edges.DELTAS), ("ratio", edges.RATIOS)):
        assert ran.values("releases", column, "n") == {i + 1: texts[i % len(texts)] for i in ROWS}, column
    assert numbers(ran.values("releases", "price", "n")) == {i + 1: Decimal(edges.price(i)) for i in ROWS}
    assert numbers(ran.values("releases", "hotfix", "n")) == {i + 1: Decimal(edges.HOTFIXES[i]) for i in ROWS}
    assert numbers(ran.values("releases", "sheet_row", "n")) == {i + 1: Decimal(i + 1) for i in ROWS}
    notes = notes_of(run_dir, "releases")
    # Named as a version: labels, text by its name before any two values are compared (since
    # 2026-12-05; before, text because '1.1' and '1.10' are one number).
    assert "versions or ids written with a point (1.10 follows 1.9, not 1.1)" in notes["version"]
    assert "2 numbers are written two ways, such as '12' and '12.00'" in notes["unit_price"]
    assert audit_rules(run_dir, "releases", "version") == {}
    # Only columns whose numbers have more fraction digits in some values than in others are compared:
    # prices written with two decimals each cost no query.
    scales = {
        c["name"]: (c["min_scale"], c["max_scale"])
        for t in json.loads((run_dir / "profile.json").read_text())["tables"]
        for c in t["columns"]
    }
    assert scales["price"] == (2, 2) and scales["unit_price"] == (0, 2) and scales["version"] == (1, 2)


def test_amounts_written_two_ways_load_as_numbers_when_the_operator_says_so(run_export: Runner) -> None:
    config = '[columns.releases.unit_price]\ntype = "numeric"\n'
    ran, run_dir = run_export(edges.releases, config=config)
    loaded_cleanly(ran, run_dir, {"releases": edges.ROWS})
    clean_exit(ran)
    assert ran.types("releases")["unit_price"] == "numeric"
    assert numbers(ran.values("releases", "unit_price", "n")) == {
        i + 1: Decimal(edges.unit_price(i)) for i in ROWS
    }
    assert ran.types("releases")["version"] == "text"


# --- int64, uint64 and a double's edges -------------------------------------------------------------


def test_integers_and_doubles_at_their_edges_arrive_exactly(run_export: Runner) -> None:
    ran, run_dir = run_export(edges.counters)
    loaded_cleanly(ran, run_dir, {"counters": edges.ROWS})
    clean_exit(ran)
    assert ran.types("counters") == {
        "id": "bigint",
        "i64": "bigint",
        "beyond": "numeric",  # 2^63, 2^64: beyond bigint, never wrapped
        "edge": "double precision",
        "integral": "double precision",  # REAL cells stay doubles, 2^53 and 1e20 among them
        "signed_zero": "double precision",
        "sparse": "bigint",
        "mixed": "double precision",  # 3.0 beside 2 and 4.5: REAL cells, every one as stored
    }
    ids = {i + 1: i for i in ROWS}
    assert ran.values("counters", "i64", "id") == {k: edges.INT64_EDGES[i] for k, i in ids.items()}
    assert numbers(ran.values("counters", "beyond", "id")) == {
        k: Decimal(edges.BEYOND_INT64[i]) for k, i in ids.items()
    }
    # Every double bit for bit (17 significant digits, the subnormal 5e-324, the largest double).
    assert ran.values("counters", "edge", "id") == {k: edges.REAL_EDGES[i] for k, i in ids.items()}
    assert edges.REAL_EDGES[7] == 2.0**53  # the writer's double already lost 2^53 + 1's last bit
    assert ran.values("counters", "integral", "id") == {k: edges.INTEGRAL_REALS[i] for k, i in ids.items()}
    zeros = ran.values("counters", "signed_zero", "id")
    assert zeros == {k: edges.signed_zero(i) for k, i in ids.items()}
    assert all(math.copysign(1, zeros[k]) == -1 for k, i in ids.items() if i % 4 == 0)
    mixed = ran.values("counters", "mixed", "id")
    assert mixed == {k: float(edges.INTEGERS_AND_REALS[i]) for k, i in ids.items()}
    assert ran.values("counters", "sparse", "id") == {k: edges.sparse_id(i) for k, i in ids.items()}


def test_whole_numbers_beyond_bigint_load_as_integers_of_scale_0(run_export: Runner) -> None:
    # Until 2026-12-04 they were numeric(38,2) and printed 9223372036854775808.00: the money scale.
    ran, run_dir = run_export(edges.accounts)
    loaded_cleanly(ran, run_dir, {"accounts": edges.ROWS})
    clean_exit(ran)
    typed = pg_query(
        ran.uri,
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
        "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        f"WHERE n.nspname = '{ran.record['version_schema']}' AND c.relname = 'accounts' AND a.attnum > 0",
    )
    types = dict(typed)
    assert types["uint64"] == types["account"] == "numeric(38,0)"
    assert types["amount"] == "numeric(18,2)"  # fractions: the money scale, at least 2
    source = sqlite3.connect(ran.db)
    try:
        rows = source.execute("SELECT id, uint64, account, amount FROM accounts").fetchall()
    finally:
        source.close()
    relation = f"{quote_ident(ran.base)}.accounts"
    loaded = pg_query(ran.uri, f"SELECT id, uint64::text, account::text, amount::text FROM {relation}")
    assert {r[0]: r[1:3] for r in loaded} == {r[0]: r[1:3] for r in rows}
    assert str(2**63) in {r[1] for r in loaded} and str(2**64 - 1) in {r[1] for r in loaded}
    assert {r[0]: r[3] for r in loaded} == {r[0]: str(Decimal(r[3]).quantize(Decimal("0.01"))) for r in rows}


# --- codes that look like numbers -------------------------------------------------------------------


def test_number_like_codes_keep_their_text(run_export: Runner) -> None:
    ran, run_dir = run_export(edges.codes)
    loaded_cleanly(ran, run_dir, {"codes": edges.ROWS})
    clean_exit(ran)
    types = ran.types("codes")
    assert types.pop("long_digits") == "numeric"  # 19-20 digits: integers beyond bigint, every digit
    assert types.pop("id") == "bigint"
    assert set(types.values()) == {"text"}, types
    columns = {
        "zip": edges.ZIPS,
        "phone": edges.PHONES,
        "hex": edges.HEXES,
        "underscored": edges.UNDERSCORED,
        "percent": edges.PERCENTS,
        "money": edges.MONEY,
        "accounting": edges.ACCOUNTING,
        "sap_amount": edges.SAP_AMOUNTS,
        "plus_signed": edges.PLUS_SIGNED,
        "bare_points": edges.BARE_POINTS,
        "sheet_exponent": edges.SHEET_EXPONENTS,
    }
    for column, values in columns.items():
        assert ran.values("codes", column, "id") == {i + 1: values[i % len(values)] for i in ROWS}, column
    digits = edges.LONG_DIGITS
    assert numbers(ran.values("codes", "long_digits", "id")) == {
        i + 1: Decimal(digits[i % len(digits)]) for i in ROWS
    }


# --- flags --------------------------------------------------------------------------------------------

TRUE_WORDS = {"t", "y", "yes", "true", "1"}
FALSE_WORDS = {"f", "n", "no", "false", "0"}


def truth(word: str) -> bool:
    assert word.lower() in TRUE_WORDS | FALSE_WORDS, word
    return word.lower() in TRUE_WORDS


def test_flags_are_booleans_only_where_every_value_is_a_spelling_of_one(run_export: Runner) -> None:
    ran, run_dir = run_export(edges.flags)
    loaded_cleanly(ran, run_dir, {"flags": edges.ROWS})
    clean_exit(ran)
    assert ran.types("flags") == {
        "id": "bigint",
        "tf": "boolean",
        "yn": "boolean",
        "yes_no": "boolean",
        "worded": "boolean",  # true / FALSE / 1 / 0 in one TEXT column
        "on_off": "text",  # no listed spelling (kept as written)
        "minus_one_text": "bigint",
        "enabled": "boolean",  # declared BOOLEAN, 0 and 1 only
        "tri_state": "bigint",  # declared BOOLEAN, 0/1/2: the 2 means something
        "access_yes_no": "bigint",  # declared BOOLEAN, Access's -1 for true
        "share": "double precision",  # declared BOOLEAN, shares 0.5 and 1.5: numbers, none quarantined
        "is_read": "bigint",  # declared INTEGER: 0/1 stay numbers
    }
    ids = {i + 1: i for i in ROWS}
    for column, words in (("tf", edges.TF), ("yn", edges.YN), ("yes_no", edges.YES_NO)):
        assert ran.values("flags", column, "id") == {k: truth(words[i % len(words)]) for k, i in ids.items()}
    worded = edges.WORDS_AND_DIGITS
    assert ran.values("flags", "worded", "id") == {k: truth(worded[i % len(worded)]) for k, i in ids.items()}
    assert ran.values("flags", "on_off", "id") == {k: edges.ON_OFF[i % 4] for k, i in ids.items()}
    assert ran.values("flags", "enabled", "id") == {k: i % 2 == 1 for k, i in ids.items()}
    assert ran.values("flags", "tri_state", "id") == {k: edges.TRI_STATE[i % 3] for k, i in ids.items()}
    assert ran.values("flags", "access_yes_no", "id") == {k: edges.MINUS_ONE[i % 2] for k, i in ids.items()}
    assert ran.values("flags", "minus_one_text", "id") == {k: edges.MINUS_ONE[i % 2] for k, i in ids.items()}
    shares = edges.SHARES
    assert ran.values("flags", "share", "id") == {k: shares[i % len(shares)] for k, i in ids.items()}
    assert ran.values("flags", "is_read", "id") == {k: (i + 1) % 2 for k, i in ids.items()}
    # Each boolean spelling other than true/false is audited with the word it read; no number is.
    assert set().union(*audit_rules(run_dir, "flags", "yn").values()) == {
        "boolean:Y",
        "boolean:N",
        "boolean:y",
        "boolean:n",
    }
    for column in ("tri_state", "access_yes_no", "share", "is_read"):
        assert audit_rules(run_dir, "flags", column) == {}, column


def test_a_stray_value_of_a_declared_flag_or_integer_column_is_quarantined_never_read(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(edges.dirty_flags)
    loaded_cleanly(ran, run_dir, {"dirty_flags": edges.DIRTY_ROWS})
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    rows = range(edges.DIRTY_ROWS)
    dirty, word = edges.DIRTY_ROW + 1, edges.WORD_ROW + 1
    types = ran.types("dirty_flags")
    assert (types["active"], types["is_read"]) == ("boolean", "bigint")
    # A BOOLEAN column of 1/0 and a word: booleans; its 2 is no flag (quarantined, NULL), never true.
    assert ran.values("dirty_flags", "active", "id") == {
        i + 1: None if i + 1 == dirty else True if i + 1 == word else i % 2 == 1 for i in rows
    }
    assert audit_rules(run_dir, "dirty_flags", "active")[str(dirty)] == {"invalid_boolean"}
    # Declared INTEGER: its 0s and 1s stay numbers; the `yes` is no number (quarantined, NULL), never
    # the reason to read them as booleans (until 2026-12-03 the column loaded as booleans).
    assert ran.values("dirty_flags", "is_read", "id") == {
        i + 1: None if i + 1 == dirty else i % 2 for i in rows
    }
    assert audit_rules(run_dir, "dirty_flags", "is_read") == {str(dirty): {"invalid_number"}}
