"""Small but faithful SQLite exports whose *schema* uses what SQLite allows (test data only).

Each builder writes one file with Python's ``sqlite3`` through :func:`tests.other_products.write_export`
(or, where a statement must run between the inserts, its own connection), as SQLite's documentation
describes the feature; the values are plain and come from the row's number, so a test computes what a
column holds from the same numbers. What each stresses:

- :func:`keys_and_constraints`: a STRICT table (its ``ANY`` column keeps each value's storage class: an
  integer, a real, a text that looks like a number, a blob), ``INTEGER PRIMARY KEY AUTOINCREMENT``
  (``sqlite_sequence`` present, rows deleted so the sequence is past the largest key), ``INT PRIMARY
  KEY`` (no rowid alias: it holds a NULL and a text), a WITHOUT ROWID table with a composite key,
  UNIQUE and CHECK constraints, foreign keys to a present table and to one the export does not have.
- :func:`computed_columns`: generated columns (VIRTUAL and STORED; neither is in ``PRAGMA table_info``
  nor takes an INSERT value, both are in ``SELECT *``) in a rowid table, a STRICT table and a WITHOUT
  ROWID table; DEFAULT expressions (``CURRENT_TIMESTAMP``, ``randomblob``, a constant); ``COLLATE
  NOCASE`` columns holding ``abc`` and ``ABC`` (equal to SQLite's ``=`` and ``GROUP BY`` there, two
  values to PostgreSQL), in a table without a key where only that column tells two rows apart.
- :func:`schema_objects`: views (plain, over a join), a trigger, FTS5 (external content and its own)
  and FTS4 tables with their shadow tables, an R*Tree, ``sqlite_stat1`` (ANALYZE) and ``sqlite_stat4``
  (as a SQLITE_ENABLE_STAT4 build leaves it), a table with no rows, a table of only its key.
- :func:`awkward_names`: tables named ``user``, ``order``, ``group`` (PostgreSQL keywords), names with a
  space, a dot, a quote, brackets, a backtick, a leading digit, over 63 bytes, ``Tickets`` beside
  ``tickets`` and ``Id`` beside ``ID`` (SQLite's names are case-insensitive for ASCII, so these are
  built with ``ID`` and ``Id`` in *different* tables and the table pair through a second quoted name
  that differs beyond ASCII case: SQLite refuses the ASCII-case pair itself).
- :func:`declared_types`: types SQLite accepts and maps to an affinity by its rules (section 3.1 of
  "Datatypes In SQLite"): ``VARCHAR(10)`` holding 300 characters, ``NUMERIC(10,2)`` holding 3 decimals,
  ``UNSIGNED BIG INT``, ``DOUBLE PRECISION``, ``CHARACTER VARYING(255)``, ``INT8``, ``BOOLEAN``,
  ``JSON``, ``UUID``, no type at all, ``BLOB`` holding text, ``FLOATING POINT`` (INTEGER affinity by
  SQLite's rules' order: whole values INTEGER cells, the others REAL).
- :func:`nocase_references`: tickets referring to a ``COLLATE NOCASE`` key in another case (``Billing``
  for ``billing``), which SQLite's own foreign key check takes as references (``PRAGMA
  foreign_key_check`` finds nothing).
- :func:`search_indexes`: full-text indexes SQLite cannot list the rows of: contentless FTS4 (a scan is
  an error, as its documentation says) and FTS5 (every column NULL), an external-content FTS5 index
  whose ``content=`` table the export does not have (a partial copy of a database).
- :func:`newer_sql_view`: a view with ``FULL OUTER JOIN`` (SQLite 3.39), which an older SQLite cannot
  parse; it parses a file's whole schema before any read.
- :func:`newer_sql_objects`: :func:`newer_sql_view`'s tables and view, a trigger and a partial index
  written with ``IS DISTINCT FROM`` (SQLite 3.39): three objects holding no data an older SQLite
  cannot parse; :func:`newer_sql_check`: such a view, then a table whose CHECK is such SQL.
- :func:`computed_by_the_application`: VIRTUAL and STORED generated columns calling a function only the
  writing application defines (``slugify``: SQLite's ``create_function``), beside one calling
  ``json_extract``.
- :func:`computed_by_math`: a VIRTUAL generated column calling ``sqrt`` (SQLite 3.35's math functions,
  where the build enables them) beside a STORED one calling ``floor``/``log2``.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from decimal import Decimal
from pathlib import Path

from tests.other_products import write_export

ROWS = 12

#: ``ANY`` in a STRICT table keeps every value as given (no affinity): one per row in turn.
ANY_VALUES: tuple[object, ...] = (7, 2.5, "007", b"\x00\x01", "text", None)


def any_value(i: int) -> object:
    return ANY_VALUES[i % len(ANY_VALUES)]


def keys_and_constraints(path: Path) -> Path:
    """Accounts (STRICT, AUTOINCREMENT, UNIQUE, CHECK), tickets (INTEGER PRIMARY KEY, a reference to
    accounts and one to ``teams``, which the export does not have), ticket_tags (WITHOUT ROWID,
    composite key), legacy_codes (``INT PRIMARY KEY``: no rowid alias, so a NULL and a text fit)."""
    ddl = [
        "CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE, "
        "score ANY, balance REAL CHECK (balance >= 0), joined TEXT) STRICT",
        "CREATE TABLE tickets (id INTEGER PRIMARY KEY, requester_id INTEGER REFERENCES accounts (id), "
        "team_id INTEGER REFERENCES teams (id), status TEXT NOT NULL CHECK (status IN ('open', 'closed')), "
        "UNIQUE (requester_id, id))",
        "CREATE TABLE ticket_tags (ticket_id INTEGER NOT NULL REFERENCES tickets (id), tag TEXT NOT NULL, "
        "weight INTEGER DEFAULT 1, PRIMARY KEY (ticket_id, tag)) WITHOUT ROWID",
        "CREATE TABLE legacy_codes (code INT PRIMARY KEY, label TEXT)",
    ]
    rows = {
        "accounts": [
            (i + 1, f"user{i}@example.org", any_value(i), i * 10.25, f"2024-05-{i + 1:02d}")
            for i in range(ROWS + 3)
        ],
        "tickets": [(i + 1, 1 + i % ROWS, 100 + i % 3, "open" if i % 2 else "closed") for i in range(ROWS)],
        "ticket_tags": [(1 + i // 2, ("billing", "urgent")[i % 2], i % 4) for i in range(ROWS)],
        "legacy_codes": [(legacy_code(i), f"code {i}") for i in range(ROWS)],
    }
    write_export(path, ddl, rows, bytes_as_text=False)
    con = sqlite3.connect(path)
    with con:  # AUTOINCREMENT's sequence stays at the largest key ever used
        con.execute(f"DELETE FROM accounts WHERE id > {ROWS}")
    con.close()
    return path


def legacy_code(i: int) -> int | str | None:
    """``INT PRIMARY KEY`` is no rowid alias: SQLite lets it hold a NULL and a text it cannot convert."""
    return None if i == 3 else "A-7" if i == 5 else 1000 + i


def computed_columns(path: Path) -> Path:
    """Generated columns in three kinds of table, DEFAULT expressions, COLLATE NOCASE columns."""
    ddl = [
        "CREATE TABLE timesheet (id INTEGER PRIMARY KEY, hours REAL, rate INTEGER, "
        "cost REAL GENERATED ALWAYS AS (hours * rate) VIRTUAL, "
        "code TEXT GENERATED ALWAYS AS ('T-' || printf('%05d', id)) STORED, "
        "created TEXT DEFAULT CURRENT_TIMESTAMP, token TEXT DEFAULT (lower(hex(randomblob(4)))), "
        "source TEXT DEFAULT 'import')",
        "CREATE TABLE strict_sheet (id INTEGER PRIMARY KEY, hours REAL NOT NULL, "
        "doubled REAL GENERATED ALWAYS AS (hours * 2) STORED, "
        "half REAL AS (hours / 2)) STRICT",
        "CREATE TABLE norowid_sheet (k TEXT PRIMARY KEY, n INTEGER, "
        "k_upper TEXT GENERATED ALWAYS AS (upper(k)) VIRTUAL, "
        "n_sq INTEGER GENERATED ALWAYS AS (n * n) STORED) WITHOUT ROWID",
        # No key: only the case of `handle` tells rows 2i and 2i+1 apart (SQLite's = says they are equal).
        "CREATE TABLE handles (handle TEXT COLLATE NOCASE, domain TEXT COLLATE NOCASE, seen INTEGER)",
    ]
    rows = {
        "timesheet": [],
        "strict_sheet": [],
        "norowid_sheet": [],
        "handles": [(handle(i), "example.org", i // 2) for i in range(ROWS)],
    }
    write_export(path, ddl, rows)
    con = sqlite3.connect(path)
    with con:
        con.executemany(
            "INSERT INTO timesheet (id, hours, rate, created, token) VALUES (?, ?, ?, ?, ?)",
            [(i + 1, i / 4, 40 + i % 7, created(i), f"{i:08x}") for i in range(ROWS)],
        )
        con.executemany(  # the defaults of their own: SQLite's clock and random bytes
            "INSERT INTO timesheet (id, hours, rate) VALUES (?, ?, ?)",
            [(i + 1, i / 4, 40 + i % 7) for i in range(ROWS, ROWS + 3)],
        )
        con.executemany(
            "INSERT INTO strict_sheet (id, hours) VALUES (?, ?)", [(i, i * 1.5) for i in range(ROWS)]
        )
        con.executemany("INSERT INTO norowid_sheet (k, n) VALUES (?, ?)", [(f"k{i}", i) for i in range(ROWS)])
    con.close()
    return path


def created(i: int) -> str:
    """``CURRENT_TIMESTAMP``'s form (UTC, ``YYYY-MM-DD HH:MM:SS``), as a default wrote it."""
    return f"2024-05-{1 + i:02d} 08:{i:02d}:03"


def handle(i: int) -> str:
    """``abc`` then ``ABC`` in turn: one word to SQLite's NOCASE, two values to anything else."""
    word = f"agent{i // 2}"
    return word if i % 2 == 0 else word.upper()


def schema_objects(path: Path) -> Path:
    """Views, a trigger, FTS5/FTS4/R*Tree and their storage, ANALYZE's statistics, an empty table and a
    table of only its key."""
    ddl = [
        "CREATE TABLE agents (id INTEGER PRIMARY KEY, name TEXT)",
        "CREATE TABLE tickets (id INTEGER PRIMARY KEY, agent_id INTEGER REFERENCES agents (id), "
        "subject TEXT, body TEXT)",
        "CREATE INDEX tickets_agent ON tickets (agent_id)",
        "CREATE VIEW open_tickets AS SELECT id, subject FROM tickets WHERE id % 2 = 0",
        "CREATE VIEW ticket_agents AS SELECT t.id, t.subject, a.name FROM tickets t JOIN agents a "
        "ON a.id = t.agent_id",
        "CREATE TABLE empty_archive (id INTEGER PRIMARY KEY, archived_at TEXT, note TEXT)",
        "CREATE TABLE seen_ids (id INTEGER PRIMARY KEY)",
        "CREATE TRIGGER tickets_seen AFTER INSERT ON tickets BEGIN "
        "INSERT OR IGNORE INTO seen_ids (id) VALUES (new.id); END",
        "CREATE VIRTUAL TABLE tickets_fts USING fts5(subject, body, content='tickets', content_rowid='id')",
        "CREATE VIRTUAL TABLE kb_fts USING fts5(title, article)",
        "CREATE VIRTUAL TABLE notes_fts USING fts4(note)",
        "CREATE VIRTUAL TABLE sites USING rtree(id, min_x, max_x, min_y, max_y)",
    ]
    rows = {
        "agents": [(i + 1, f"Agent {i}") for i in range(4)],
        "tickets": [(i + 1, 1 + i % 4, subject(i), f"body {i}") for i in range(ROWS)],
        "kb_fts": [(f"Article {i}", f"How to fix printer {i}") for i in range(5)],
        "notes_fts": [(f"note {i}",) for i in range(4)],
        "sites": [(i + 1, i, i + 1.5, -i, 2 - i) for i in range(3)],
    }
    write_export(path, ddl, rows)
    con = sqlite3.connect(path)
    with con:
        con.execute("INSERT INTO tickets_fts (tickets_fts) VALUES ('rebuild')")
        con.execute("ANALYZE")
        con.execute("PRAGMA writable_schema = ON")  # what a SQLITE_ENABLE_STAT4 build's ANALYZE creates
        con.execute("CREATE TABLE sqlite_stat4 (tbl, idx, neq, nlt, ndlt, sample)")
        con.execute(
            "INSERT INTO sqlite_stat4 VALUES ('tickets', 'tickets_agent', '3 1', '0 0', '0 0', x'0201')"
        )
    con.close()
    return path


def subject(i: int) -> str:
    return f"Printer {i} jams"


#: Table names PostgreSQL would read as keywords or that need quoting, each holding its own rows.
AWKWARD_TABLES: tuple[str, ...] = (
    "user",
    "order",
    "group",
    "ticket notes",
    "v1.2.tickets",
    'say "hi"',
    "[bracketed]",
    "`ticked`",
    "2024_tickets",
    "select",
    "tickets_" + "x" * 70,
)


def awkward_names(path: Path) -> Path:
    """Every name of :data:`AWKWARD_TABLES` as a table ``(id INTEGER PRIMARY KEY, <column> TEXT)`` whose
    column is named like the table; ``people`` with columns ``Id`` and ``ID`` cannot exist in SQLite
    (one name), so ``people`` has ``Id`` and ``people_copy`` ``ID``, and ``Tickets`` beside ``TİCKETS``
    (a dotted capital I: SQLite folds ASCII only)."""
    ddl = [
        f'CREATE TABLE "{quote(name)}" (id INTEGER PRIMARY KEY, "{quote(name)}" TEXT, "from" INTEGER)'
        for name in AWKWARD_TABLES
    ]
    ddl += [
        'CREATE TABLE people (Id INTEGER PRIMARY KEY, "Name" TEXT, "name " TEXT, "e-mail" TEXT)',
        "CREATE TABLE Tickets (ID INTEGER PRIMARY KEY, Subject TEXT)",
        'CREATE TABLE "TİCKETS" (id INTEGER PRIMARY KEY, subject TEXT)',
    ]
    rows: dict[str, list[tuple[object, ...]]] = {
        name: [(i + 1, f"{name} {i}", i) for i in range(3)] for name in AWKWARD_TABLES
    }
    rows["people"] = [(i + 1, f"Ana {i}", f"ana {i} ", f"ana{i}@x.org") for i in range(3)]
    rows["Tickets"] = [(i + 1, subject(i)) for i in range(3)]
    rows["TİCKETS"] = [(i + 1, subject(i + 10)) for i in range(3)]
    write_export(path, ddl, {})
    con = sqlite3.connect(path)
    with con:  # write_export does not quote a table's name: these need it
        for table, values in rows.items():
            marks = ", ".join("?" for _ in values[0])
            con.executemany(f'INSERT INTO "{quote(table)}" VALUES ({marks})', values)
    con.close()
    return path


def quote(name: str) -> str:
    return name.replace('"', '""')


def uuid_text(i: int) -> str:
    return str(uuid.UUID(int=0x1234_5678_9ABC_4DEF_8123_4567_89AB_CDEF + i))


#: name → (declared type, the value of row i): what each declared type holds in the export.
DECLARED: dict[str, tuple[str, object]] = {
    "short_name": ("VARCHAR(10)", "x" * 300),
    "price": ("NUMERIC(10,2)", None),  # row's value: :func:`price`
    "big": ("UNSIGNED BIG INT", None),
    "ratio": ("DOUBLE PRECISION", None),
    "label": ("CHARACTER VARYING(255)", None),
    "count8": ("INT8", None),
    "active": ("BOOLEAN", None),
    "payload": ("JSON", None),
    "ref": ("UUID", None),
    "anything": ("", None),
    "raw": ("BLOB", None),
    # SQLite's INTEGER affinity (the INT of POINT, rule 1 before rule 4): 2.0 stored as the INTEGER 2.
    "weight": ("FLOATING POINT", None),
}


def price(i: int) -> str:
    """Three decimals in a NUMERIC(10,2): SQLite keeps them all (its NUMERIC affinity converts the text to
    a REAL, ``12.345`` read back as written); the third decimal never rounded away."""
    return str(Decimal(12345 + 1001 * i) / 1000)


def weight(i: int) -> float:
    """Whole for even rows (an INTEGER cell under FLOATING POINT's affinity), a quarter off for odd."""
    return i / 2 + (0.25 if i % 2 else 0.0)


def declared_value(name: str, i: int) -> object:
    values: dict[str, object] = {
        "short_name": ("x" * 300) if i % 2 else f"name {i}",
        "price": price(i),
        "big": 2**62 + i,
        "ratio": 1 / (i + 3),
        "label": f"label {i}",
        "count8": -(2**40) - i,
        "active": (1, 0, 1, 0)[i % 4] if i % 5 else None,
        "payload": json.dumps({"id": i, "tags": ["a", "b"][: i % 3]}),
        "ref": uuid_text(i),
        "anything": (i, f"v{i}", i + 0.5)[i % 3],
        "raw": f"text in a blob column {i}",
        "weight": weight(i),
    }
    return values[name]


def declared_types(path: Path) -> Path:
    columns = ", ".join(f"{name} {kind}".rstrip() for name, (kind, _) in DECLARED.items())
    ddl = [f"CREATE TABLE typed (id INTEGER PRIMARY KEY, {columns})"]
    rows = {"typed": [(i + 1, *(declared_value(n, i) for n in DECLARED)) for i in range(ROWS)]}
    return write_export(path, ddl, rows)


def search_indexes(path: Path) -> Path:
    """``kb`` (plain rows) beside three full-text indexes with no rows SQLite can list: ``kb_words``
    (contentless FTS4), ``kb_tokens`` (contentless FTS5), ``kb_search`` (FTS5 over ``kb_old``, dropped
    after the index was built, as a partial copy of an application's database leaves it)."""
    ddl = [
        "CREATE TABLE kb (id INTEGER PRIMARY KEY, title TEXT, body TEXT)",
        'CREATE VIRTUAL TABLE kb_words USING fts4(content="", title, body)',
        "CREATE VIRTUAL TABLE kb_tokens USING fts5(title, body, content='')",
        "CREATE TABLE kb_old (id INTEGER PRIMARY KEY, title TEXT, body TEXT)",
        "CREATE VIRTUAL TABLE kb_search USING fts5(title, body, content='kb_old', content_rowid='id')",
    ]
    articles = [(i + 1, f"Article {i}", f"How to fix printer {i}") for i in range(ROWS)]
    write_export(path, ddl, {"kb": articles, "kb_old": articles})
    con = sqlite3.connect(path)
    with con:
        con.executemany("INSERT INTO kb_words (docid, title, body) VALUES (?, ?, ?)", articles)
        con.executemany("INSERT INTO kb_tokens (rowid, title, body) VALUES (?, ?, ?)", articles)
        con.execute("INSERT INTO kb_search (kb_search) VALUES ('rebuild')")
        con.execute("DROP TABLE kb_old")
    con.close()
    return path


def newer_sql_view(path: Path) -> Path:
    """Agents and tickets, and a report view joining them with ``FULL OUTER JOIN`` (SQLite 3.39)."""
    ddl = [
        "CREATE TABLE agents (id INTEGER PRIMARY KEY, name TEXT)",
        "CREATE TABLE tickets (id INTEGER PRIMARY KEY, agent_id INTEGER, subject TEXT)",
        "CREATE VIEW workload AS SELECT a.name, t.subject FROM agents a FULL OUTER JOIN tickets t "
        "ON t.agent_id = a.id",
    ]
    rows = {
        "agents": [(i + 1, f"Agent {i}") for i in range(3)],
        "tickets": [(i + 1, 1 + i % 4, subject(i)) for i in range(ROWS)],
    }
    return write_export(path, ddl, rows)


#: :func:`newer_sql_objects`'s objects in SQL newer than SQLite 3.38, in the file's order.
NEWER_SQL_OBJECTS = ("workload", "agent_renamed", "open_tickets")


def newer_sql_objects(path: Path) -> Path:
    """:func:`newer_sql_view`, and a trigger (on renaming an agent: it never fires here) and a partial
    index whose SQL uses ``IS [NOT] DISTINCT FROM`` (SQLite 3.39)."""
    newer_sql_view(path)
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "CREATE TRIGGER agent_renamed AFTER UPDATE OF name ON agents "
            "WHEN OLD.name IS DISTINCT FROM NEW.name "
            "BEGIN UPDATE tickets SET subject = subject WHERE agent_id = NEW.id; END"
        )
        con.execute("CREATE INDEX open_tickets ON tickets (agent_id) WHERE subject IS NOT DISTINCT FROM 'x'")
    con.close()
    return path


def newer_sql_check(path: Path) -> Path:
    """:func:`newer_sql_view`, then ``readings``, whose CHECK uses ``IS DISTINCT FROM`` (SQLite 3.39): a
    table's own definition."""
    newer_sql_view(path)
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE readings (id INTEGER PRIMARY KEY, x REAL CHECK (x IS DISTINCT FROM -1))")
        con.executemany("INSERT INTO readings VALUES (?, ?)", [(i + 1, reading(i)) for i in range(ROWS)])
    con.close()
    return path


def computed_by_math(path: Path) -> Path:
    """``readings``: ``x`` stored, ``root`` VIRTUAL (``sqrt(x)``), ``level`` STORED
    (``floor(log2(x + 1))``): the stored one's values are in the file, the virtual one's are computed."""
    ddl = [
        "CREATE TABLE readings (id INTEGER PRIMARY KEY, x REAL, root REAL AS (sqrt(x)) VIRTUAL, "
        "level INTEGER AS (floor(log2(x + 1))) STORED)"
    ]
    write_export(path, ddl, {})
    con = sqlite3.connect(path)
    with con:
        con.executemany(
            "INSERT INTO readings (id, x) VALUES (?, ?)", [(i + 1, reading(i)) for i in range(ROWS)]
        )
    con.close()
    return path


def slug(title: str) -> str:
    """The application's own function (``slugify``), which only its connections define."""
    return title.lower().replace(" ", "-")


def computed_by_the_application(path: Path) -> Path:
    """``posts``: ``title`` stored, ``slug`` VIRTUAL and ``stored_slug`` STORED, both ``slugify(title)``,
    a function the writing application registers on its connection (``sqlite3.create_function``), as
    ``name`` (VIRTUAL) calls SQLite's own ``json_extract``. No other SQLite computes ``slug``; the file
    holds every other value, ``stored_slug``'s too."""
    con = sqlite3.connect(path)
    con.create_function("slugify", 1, slug, deterministic=True)
    with con:
        con.execute(
            "CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT NOT NULL, data TEXT, "
            "slug TEXT GENERATED ALWAYS AS (slugify(title)) VIRTUAL NOT NULL, "
            "name TEXT GENERATED ALWAYS AS (json_extract(data, '$.name')) VIRTUAL, "
            "stored_slug TEXT GENERATED ALWAYS AS (slugify(title)) STORED)"
        )
        con.executemany(
            "INSERT INTO posts (id, title, data) VALUES (?, ?, ?)",
            [(i + 1, subject(i), json.dumps({"name": handle(i)})) for i in range(ROWS)],
        )
    con.close()
    return path


def reading(i: int) -> float:
    return i * 1.5


TAGS = ("billing", "urgent", "vip")


def tag_as_written(i: int) -> str:
    """The tag of row ``i`` as the child wrote it: the key itself, capitalised, or upper-case."""
    tag = TAGS[i % len(TAGS)]
    return (tag, tag.capitalize(), tag.upper())[i % 3 if i % 2 else 0]


def nocase_references(path: Path) -> Path:
    """``tags`` keyed by ``name TEXT PRIMARY KEY COLLATE NOCASE``, ``ticket_tags.tag`` declared to
    reference it and written in any case; ``agents`` keyed by an email UNIQUE COLLATE NOCASE."""
    ddl = [
        "CREATE TABLE tags (name TEXT PRIMARY KEY COLLATE NOCASE, label TEXT)",
        "CREATE TABLE agents (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE)",
        "CREATE TABLE ticket_tags (id INTEGER PRIMARY KEY, tag TEXT REFERENCES tags (name), "
        "agent_email TEXT REFERENCES agents (email))",
    ]
    rows = {
        "tags": [(tag, tag.title()) for tag in TAGS],
        "agents": [(i + 1, f"agent{i}@example.org") for i in range(3)],
        "ticket_tags": [(i + 1, tag_as_written(i), agent_email(i)) for i in range(2 * ROWS)],
    }
    return write_export(path, ddl, rows)


def agent_email(i: int) -> str:
    email = f"agent{i % 3}@example.org"
    return email.upper() if i % 4 == 1 else email.capitalize() if i % 4 == 2 else email
