"""The ``random`` shape: an export whose every name, type, key, duplicate and reference is drawn.

:func:`draw_random_spec` draws the structure from a ``random.Random`` — seeded by the caller, or
given by hypothesis (``st.randoms()``) — and :func:`random_tables` fills it with values. Table and
column names mix ASCII, accented and non-Latin letters, spaces and punctuation (unique ignoring case,
as SQLite requires); declared types are drawn independently of the values (declared types lie);
every table has a key column (integer or text, unique apart from exact duplicate rows), declared as
PRIMARY KEY only in tables without duplicates; later tables may reference an earlier table's key,
declared or not, with orphans only where undeclared.

Keys live in ranges no other value reaches (integer keys of table ``i`` from ``(i + 1) * 10**6``,
text keys with a per-table prefix and digits no other text has), so the truth's references are the
only inclusions in the data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from .shapes import Cell, ColumnPlan, Columns, ShapeTruth, TablePlan, with_duplicates, write_shape

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_EXTRA = ("é", "ß", "ø", "ñ", "ü", "Ω", "数", "据", "ж", "ı", " ", " ", "-", "#", "_", "?", "/", ".")
_DECLARED = (
    "INTEGER", "INT", "BIGINT", "TEXT", "VARCHAR(40)", "NVARCHAR(10)", "REAL", "DOUBLE", "FLOAT",
    "NUMERIC", "DECIMAL(10,2)", "DATETIME", "DATE", "BOOLEAN", "BLOB", "", "STRING", "CLOB",
)  # fmt: skip
_KINDS = ("integer", "real", "text", "timestamp", "date", "boolean", "blob", "mixed")
_WORDS = ("alpha", "Bravo", "çedille", "délta", "Ещё", "naïve", "数据", "zulu x", "  padded ", "O'Brien")


@dataclass
class RandomColumn:
    """A drawn column: its name, declared type, kind of values, NULL share, and what it references."""

    name: str
    declared_type: str
    kind: str
    null_share: float = 0.0
    references: int | None = None  # index of the parent table
    declared_reference: bool = False
    orphans: int = 0


@dataclass
class RandomTable:
    """A drawn table: name, rows, key column (index 0), whether declared, exact duplicate rows."""

    name: str
    rows: int
    key_kind: str  # integer or text
    key_declared: bool
    duplicates: int
    columns: list[RandomColumn] = field(default_factory=list)


@dataclass
class RandomSpec:
    """The whole drawn structure; :func:`random_tables` turns it into values deterministically."""

    tables: list[RandomTable]
    seed: int = 0


def draw_random_spec(
    rng: random.Random, *, max_tables: int = 4, max_rows: int = 60, max_columns: int = 8
) -> RandomSpec:
    """Draw a structure (see the module doc); the same ``rng`` state gives the same spec."""
    used_tables: set[str] = set()
    tables: list[RandomTable] = []
    for index in range(rng.randint(1, max_tables)):
        duplicates = rng.choice((0, 0, 1, 2, 3))
        table = RandomTable(
            name=_name(rng, used_tables),
            rows=rng.randint(1, max_rows),
            key_kind=rng.choice(("integer", "integer", "text")),
            key_declared=duplicates == 0 and rng.random() < 0.5,
            duplicates=duplicates,
        )
        used: set[str] = set()
        key = _name(rng, used)
        table.columns.append(RandomColumn(key, _key_type(rng, table.key_kind), table.key_kind))
        for _ in range(rng.randint(0, max_columns - 1)):
            table.columns.append(
                RandomColumn(
                    _name(rng, used),
                    rng.choice(_DECLARED),
                    rng.choice(_KINDS),
                    null_share=rng.choice((0.0, 0.0, 0.1, 0.3)),
                )
            )
        if index and rng.random() < 0.7:
            parent = rng.randrange(index)
            declared = rng.random() < 0.5
            table.columns.append(
                RandomColumn(
                    _name(rng, used),
                    _key_type(rng, tables[parent].key_kind),
                    tables[parent].key_kind,
                    null_share=rng.choice((0.0, 0.1)),
                    references=parent,
                    declared_reference=declared,
                    orphans=0 if declared else rng.choice((0, 0, 1, 2)),
                )
            )
        tables.append(table)
    return RandomSpec(tables, seed=rng.randrange(2**31))


def random_tables(spec: RandomSpec) -> list[TablePlan]:
    """The tables of ``spec`` with their values (deterministic for a spec)."""
    rng = random.Random(f"random-shape/{spec.seed}")
    plans: list[TablePlan] = []
    for index, table in enumerate(spec.tables):
        key = table.columns[0]
        keys = _key_values(rng, index, table.key_kind, table.rows)
        values: Columns = {key.name: list(keys)}
        columns = [ColumnPlan(key.name, key.declared_type, key.kind)]
        for column in table.columns[1:]:
            if column.references is None:
                cells = [_value(rng, column.kind, i) for i in range(table.rows)]
                columns.append(ColumnPlan(column.name, column.declared_type, column.kind))
            else:
                parent = plans[column.references]
                parent_keys = [k for k in parent.values[parent.key[0]] if k is not None]
                cells = [rng.choice(parent_keys) for _ in range(table.rows)]
                for i in rng.sample(range(table.rows), min(column.orphans, table.rows)):
                    cells[i] = _orphan(parent_keys[0], i)
                parent_name = spec.tables[column.references]
                columns.append(
                    ColumnPlan(
                        column.name,
                        column.declared_type,
                        column.kind,
                        references=(parent_name.name, parent_name.columns[0].name),
                        declared_reference=column.declared_reference,
                    )
                )
            values[column.name] = [None if rng.random() < column.null_share else c for c in cells]
        values = with_duplicates(values, table.duplicates, rng)
        plans.append(
            TablePlan(
                table.name,
                columns,
                values,
                [key.name],
                declared_key=table.key_declared,
                duplicate_rows=min(table.duplicates, table.rows),
            )
        )
    return plans


def generate_random_export(
    path: str | Path,
    *,
    scale: float = 1.0,
    seed: int = 0,
    spec: RandomSpec | None = None,
) -> ShapeTruth:
    """Write a random-shape export to ``path`` and its truth; ``spec`` (e.g. hypothesis-drawn) wins over
    ``seed``, which otherwise draws one (``scale`` multiplies the row limit of 60 per table)."""
    if not scale > 0:
        raise ValueError(f"scale must be > 0, got {scale!r}")
    if spec is None:
        spec = draw_random_spec(
            random.Random(f"random-shape-spec/{seed}"), max_rows=max(1, round(60 * scale))
        )
    return write_shape(path, ShapeTruth("random", seed, float(scale)), random_tables(spec))


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        parts = [rng.choice(_LETTERS).upper()]
        for _ in range(rng.randint(1, 12)):
            parts.append(rng.choice(_EXTRA) if rng.random() < 0.25 else rng.choice(_LETTERS))
        name = "".join(parts).strip()
        if name and name.casefold() not in used and len(name.encode()) <= 40:
            used.add(name.casefold())
            return name


def _key_type(rng: random.Random, kind: str) -> str:
    if kind == "integer":
        return rng.choice(("INTEGER", "INT", "BIGINT", "NUMERIC", ""))
    return rng.choice(("TEXT", "VARCHAR(20)", "", "STRING"))


def _key_values(rng: random.Random, index: int, kind: str, rows: int) -> list[Cell]:
    start = (index + 1) * 10**6 + rng.randint(0, 1000)
    numbers = sorted(rng.sample(range(start, start + 10 * rows + 10), rows))
    rng.shuffle(numbers)
    if kind == "integer":
        return list(numbers)
    return [f"K{index}Q-{n}" for n in numbers]


def _orphan(example: Cell, i: int) -> Cell:
    # Outside every key range (integers) or with a prefix no key has (text).
    return -(10**9) - i if isinstance(example, int) else f"ORPHAN-{i}"


def _value(rng: random.Random, kind: str, i: int) -> Cell:
    if kind == "integer":
        return rng.randint(-1000, 99_999)
    if kind == "real":
        return round(rng.uniform(-1e4, 1e4), rng.choice((0, 2, 6)))
    if kind == "text":
        return rng.choice(_WORDS) + rng.choice(("", " ", " ✓", "é"))
    if kind == "timestamp":
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return f"{day} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00"
    if kind == "date":
        return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025"
    if kind == "boolean":
        return rng.choice(("Yes", "No", "Y", "N", "true", "false"))
    if kind == "blob":
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 12)))
    return rng.choice((rng.randint(0, 500), rng.choice(_WORDS), round(rng.random(), 3)))
