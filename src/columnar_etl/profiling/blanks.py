"""What an empty cell means in its column: NULL, the DEFAULT, not yet filled, or empty text."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from columnar_etl.models import (
    ColumnProfile,
    TableProfile,
)
from columnar_etl.profiling.affinity import (
    declared_family,
    declared_zoned,
)
from columnar_etl.profiling.date_names import date_like_name
from columnar_etl.rules import (
    BOOLEAN_FALSE_WORDS,
    BOOLEAN_TRUE_WORDS,
    DEFAULT_NULL_TOKENS,
)
from columnar_etl.source.export import Source
from columnar_etl.source.tables import SourceColumn

#: The ``empty_string`` issue's detail where ``''`` is the table's spelling of missing.
BLANK_IS_MISSING = "the table holds no NULL: '' is how it writes a missing value (made NULL, no cost)"
#: ... and where it is the spelling of a column the schema forbids NULL.
BLANK_IS_NOT_NULL = "declared NOT NULL: '' is how it writes a missing value (made NULL, no cost)"
#: ... and where it is the default the schema declares for the column, which holds no NULL.
BLANK_IS_DEFAULT = "declared DEFAULT '': '' is how it writes a missing value (made NULL, no cost)"
#: ... and where every row of the column is '': it holds no value at all, written one way.
BLANK_IS_UNFILLED = "every row is '': the column holds no value, written one way (made NULL, no cost)"
#: ... and where the table writes a missing text '' and a missing moment or number NULL, each kind one way.
BLANK_IS_TEXTS_WAY = (
    "the table's text columns hold no NULL (but where a UNIQUE index or a reference needs one) and its "
    "others no '': "
    "'' is how it writes a missing text (made NULL, no cost)"
)


def both_nulls_and_blanks(nulls: int, blanks: int) -> str:
    """The ``empty_string`` detail of a text column that holds NULL and ``''`` (or blanks alone) and
    whose blanks are no one way of writing missing: an application may mean two things by them
    (PocketBase's API rules: ``''`` open to anyone, NULL superusers only). No rule can tell that from
    the values (a help desk's blanks beside NULLs are its dirt), so the profile says so and the
    operator decides (``empty_is_null = false``)."""
    return (
        f"holds both NULL and '' ({nulls:,} and {blanks:,} rows): they may mean different things (an "
        "application's 'unset' and 'set to nothing'), and both load as NULL; empty_is_null = false for "
        "the column keeps its '' as written"
    )


#: ... and where a column loaded as written (a key) holds '' as its only value cleaning would change.
BLANK_KEPT_IN_KEY = (
    "'' is how it writes a missing value, the only one it can: kept as written in a key (no cost)"
)


def _explain(column: ColumnProfile, kind: str, detail: str) -> None:
    """Give ``column``'s issues of ``kind`` the ``detail`` that says why they cost what they cost."""
    column.issues = [
        replace(issue, detail=detail) if issue.kind == kind else issue for issue in column.issues
    ]


def _one_token_in_every_row(column: ColumnProfile) -> bool:
    """Whether every row of ``column`` is the same null token, spelled one way, and cleaning changes
    nothing else of it (no padding, NUL byte or encoding; not a key loaded as written)."""
    return (
        column.as_written is None
        and bool(column.row_count)
        and column.null_like_count == column.row_count
        and column.distinct_count == 1
        and not _changed_beside_missing(column)
    )


def _never_filled(column: ColumnProfile) -> bool:
    """Whether ``column`` holds no value at all: NULL in every row, or one null token in every row
    (:func:`_one_token_in_every_row`). A field its application never fills (profanity's
    ``marked_read`` NULL and ``encryption`` ``none`` in every message) says nothing about how the
    table's other columns write a missing value."""
    return bool(column.row_count) and (
        column.null_count == column.row_count or _one_token_in_every_row(column)
    )


def _missing_its_own_way(column: ColumnProfile) -> bool:
    """Whether ``column``'s missing values say nothing about how its table's other columns write one:
    it holds no value at all (:func:`_never_filled`), or it holds JSON documents and writes a missing
    one as JSON's own ``null`` alone (:attr:`ColumnProfile.json_null_is_missing`, a nil slice or map
    as a serializer writes it: Woodpecker CI's pipelines' ``changed_files`` and ``additional_variables``
    beside its strings' ``''``; until 2026-12-06 that ``null`` made every blank string of the table
    dirt)."""
    return _never_filled(column) or column.json_null_is_missing


def blanks_as_the_table_writes_missing(
    tables: Mapping[str, TableProfile],
    not_null: Mapping[str, set[str]],
    blank_default: Mapping[str, set[str]] | None = None,
    unique: Mapping[str, set[str]] | None = None,
    added_later: Mapping[str, set[str]] | None = None,
) -> None:
    """Mark the columns (``ColumnProfile.blank_is_missing``) whose one way of writing a missing value
    is ``''``: every column of a table that holds no NULL and no null token (``N/A``, ``NULL``) at all,
    but in columns that hold no value (:func:`_never_filled`: NULL or one token in every row, a field
    its application never fills; a profanity chat log scored 77.0 and warned until 2026-12-05), and
    ``''`` in some column. That is a CSV imported into SQLite (every missing value of a JSM export
    through sqlite-utils: the circuit breaker halted it at 46.4, 100 after cleaning). Where a table
    writes missing values another way too (NULL, ``N/A``), ``''`` among them is dirt (the mission's own
    example), as before, except in a column declared NOT NULL (``not_null``: per table, its columns so
    declared) holding no null token: the schema leaves it no other way (an ORM's text fields, Django's
    ``''`` for a blank CharField beside NULL moments; a Django database of users without names scored
    79.5 and warned); or in a column every row of which is ``''``: it holds no value, written one way,
    and becomes a column of NULLs, which costs nothing at the source either (an application's text
    fields that default to ``''`` and were never filled, beside NULL in its number fields: a beets
    library scored 44.3 and was halted). A column loaded as written (a key whose values cleaning would
    merge or make NULL) keeps its ``''``: marked only where ``''`` is all cleaning would change of it
    (:func:`_blank_alone_changed`) and the table or the schema leaves it no other way to write "none"
    (a browser's cookie jar keyed by (host, top-frame site, ...), the site ``''`` for none: it
    scored 95.65; its "loaded as written" warning stays: other tables' '' become NULL). A nullable
    column whose schema default is ``''`` (``blank_default``: per table, its columns so declared,
    :func:`declares_blank_default`) holding no NULL and no null token writes a missing value the one
    way its schema gives it, as a NOT NULL one does: Go's ent declares an optional string with a
    default ``text NULL DEFAULT ''`` beside optional fields NULL until set (a CrowdSec agent's
    bouncers, ``ip_address`` ``''`` until one connects beside ``type`` and ``version`` NULL, scored
    91.67 until 2026-12-05). ``unique``: per table, the columns of its declared UNIQUE indexes and
    constraints (:func:`.profile.unique_members`), whose NULLs are no second way of writing a missing text
    (:func:`_text_blank_typed_null`). ``added_later``: per table, its columns added after rows were
    written (:func:`columns_added_later`), whose NULLs are those rows' and no way of writing missing
    either."""
    blank_default = blank_default or {}
    unique = unique or {}
    added_later = added_later or {}
    for name, table in tables.items():
        columns = list(table)
        later = added_later.get(name, set())
        whole = bool(columns) and not any(
            (column.null_count or column.null_like_count)
            and not _missing_its_own_way(column)
            and column.name not in later
            for column in columns
        )
        by_kind = _text_blank_typed_null(columns, unique.get(name, set()), later)
        for column in columns:
            if not column.empty_string_count:
                continue
            if column.as_written is not None:
                if _blank_alone_changed(column) and (whole or column.name in not_null.get(name, set())):
                    column.blank_is_missing = True
                    _explain(column, "empty_string", BLANK_KEPT_IN_KEY)
                continue
            if whole:
                detail = BLANK_IS_MISSING
            elif column.name in not_null.get(name, set()) and not column.null_like_count:
                detail = BLANK_IS_NOT_NULL
            elif (
                column.name in blank_default.get(name, set())
                and not column.null_count
                and not column.null_like_count
            ):
                detail = BLANK_IS_DEFAULT
            elif column.empty_string_count == column.row_count:
                detail = BLANK_IS_UNFILLED
            elif by_kind and (column.inferred_type == "text" or _declared_string(column)):
                detail = BLANK_IS_TEXTS_WAY
            else:
                if column.null_count and column.inferred_type == "text":
                    # Two ways in one column: dirt by the rule, or two meanings; the operator decides.
                    _explain(
                        column,
                        "empty_string",
                        both_nulls_and_blanks(column.null_count, column.empty_string_count),
                    )
                continue
            column.blank_is_missing = True
            _explain(column, "empty_string", detail)


def columns_added_later(
    src: Source, tables: Mapping[str, TableProfile], unique: Mapping[str, set[str]] | None = None
) -> dict[str, set[str]]:
    """Per table holding ``''`` somewhere, its columns whose NULLs are all in its oldest rows
    (:meth:`.SqliteScans.nulls_before_values`), where they are the table's last columns holding NULL and, set
    aside, leave it writing a missing value one way: columns without a declared default added by
    ``ALTER TABLE ... ADD COLUMN`` to a table already holding rows, which SQLite gives NULL there. A
    Go server's steps (Drone CI's ``steps.step_schema``, added in a release after the table, its
    later rows ``''`` where a step has none, as every string of the table) scored its ``step_error``
    blanks 0 until 2026-12-06. One way is no NULL and no null token elsewhere, or one way for each
    kind (:func:`_text_blank_typed_null`, ``unique`` as there: ``''`` for a text, NULL for a moment or
    a number): a time tracker's spans, a running span's end NULL and a ``note`` added by a later
    release (Traggo's), scored the note 0 until 2026-12-06. Each such column gets a note; one scan per
    table concerned."""
    unique = unique or {}
    found: dict[str, set[str]] = {}
    for name, table in tables.items():
        columns = list(table)
        if not any(column.empty_string_count for column in columns):
            continue
        holding = [
            column
            for column in columns
            if (column.null_count or column.null_like_count) and not _missing_its_own_way(column)
        ]
        order = [column.name for column in src.table(name).columns]
        declared = {column.name: column for column in src.table(name).columns}
        # ADD COLUMN appends: such columns are the table's last, none declared after them holding a
        # value where they hold NULL (a NULL in the first row of a column declared among the others
        # is one the application wrote).
        nulled = {column.name for column in holding}
        last = len(order)
        while last and order[last - 1] in nulled:
            last -= 1
        added = [column for column in holding if column.name in order[last:]]
        if not added or any(
            column.null_like_count
            or declared[column.name].default is not None
            or declared[column.name].primary_key
            for column in added
        ):
            continue
        if len(added) < len(holding) and not _text_blank_typed_null(
            columns, unique.get(name, set()), {column.name for column in added}
        ):
            continue  # another column's NULLs write a missing text (or '' a number) all the same
        later = src.scans.nulls_before_values(name, [column.name for column in added])
        if len(later) < len(added):
            continue  # a NULL after the column's first value: one the application wrote
        found[name] = later
        for column in added:
            column.notes.append(
                f"NULL in the {column.null_count} oldest rows alone (by rowid), a value in every row "
                "after them: rows written before the column was added (ALTER TABLE ... ADD COLUMN gives "
                "them NULL), no way the table writes a missing value"
            )
    return found


def declares_blank_default(default: str | None) -> bool:
    """Whether a column's declared default (``PRAGMA table_info``'s ``dflt_value``, the expression as
    written) is the empty string: ``''``, ``""`` (SQLite reads a double-quoted word no column names as
    a string), either in parentheses (``DEFAULT ('')``)."""
    return bare_default(default) in {"''", '""'}


def bare_default(default: str | None) -> str:
    """A declared default (``PRAGMA table_info``'s ``dflt_value``) without its outer spaces and
    parentheses (``( CURRENT_TIMESTAMP )`` → ``CURRENT_TIMESTAMP``); ``''`` for none."""
    text = (default or "").strip()
    while text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    return text


#: A declared default that is one literal, as ``PRAGMA table_info`` gives it (``'INHERIT'``, ``2``,
#: ``-1``; SQLite drops the parentheses of ``DEFAULT ('INHERIT')``, which are allowed here too): the
#: string (``''`` read as one quote) or the number. A quoted identifier (``"None"``, ``\`None\```,
#: ``[None]``) is a string too: SQLite stores its text in each row given no value (qBittorrent's
#: ``stop_condition TEXT NOT NULL DEFAULT \`None\```).
_LITERAL_DEFAULT = re.compile(
    r"\(*\s*(?:'((?:[^']|'')*)'|([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"
    r'|"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|\[([^\]]*)\])\s*\)*'
)


def literal_default(default: str | None) -> tuple[str | None, str | None]:
    """A declared default that is one literal (:data:`_LITERAL_DEFAULT`), as ``(text, None)`` for a
    quoted string (its ``''`` read as one quote; a quoted identifier's text likewise) or
    ``(None, number)`` for a number as written; ``(None, None)`` for an expression
    (``datetime('now')``, ``CURRENT_TIMESTAMP``), SQL's NULL or none. The one reader of a declared
    literal: the boolean, never-set-date and declared-token rules read it alike."""
    match = _LITERAL_DEFAULT.fullmatch((default or "").strip())
    if match is None:
        return None, None
    single, number, double, backquoted, bracketed = match.groups()
    if single is not None:
        return single.replace("''", "'"), None
    if double is not None:
        return double.replace('""', '"'), None
    if backquoted is not None:
        return backquoted.replace("``", "`"), None
    return bracketed, number


def declared_default_value(column: SourceColumn) -> str | None:
    """The text a column declared NOT NULL holds in each row its writer gives no value: its declared
    DEFAULT when that is a string (:func:`literal_default`); None otherwise (a nullable column, no
    default, a number or an expression). The schema forbids a missing value there, so that text is one
    of the column's values, never a way of writing none (see :func:`.tokens.tokens_kept_as_values`)."""
    if not column.not_null:
        return None
    text, _ = literal_default(column.default)
    return text


def _text_blank_typed_null(
    columns: Sequence[ColumnProfile], unique: set[str] | None = None, later: set[str] | None = None
) -> bool:
    """Whether a table writes each kind of missing value one way: ``''`` for a text (its text columns
    hold no NULL and no null token) and NULL for anything else (its other columns hold no ``''`` and
    no null token), NULLs in some column of another kind, columns never filled aside
    (:func:`_never_filled`). A column declared a text whose values read as another type
    (:func:`_declared_string`: Tautulli's ``aspect_ratio TEXT`` of ``'1.78'``) is a string of the
    application: it may write its missing values either way, ``''`` or NULL, but one of them only (a
    Tautulli database's stream details scored 60.87 until 2026-12-05, its aspect ratio's ``''`` making
    every string's blank dirt). That is an application's convention where a text field is a string that
    may be empty and a number or a moment is absent (Waline's comments, a dBase table through
    dbf-to-sqlite, Hamster's and Lutris' own databases; Django's string fields, whether or not the
    schema says NOT NULL): such a table's text ``''`` is its one way, not dirt. A table that writes
    ``''`` in a number or date column, or NULL beside ``''`` in a text one, writes missing values two
    ways, and its blanks cost as they always did. A text column of a declared UNIQUE index or
    constraint (``unique``) holding NULL and no ``''`` and no null token is aside too: NULL is the only
    way the index lets two rows write "none" there (two ``''`` collide, two NULLs never do), so its
    NULLs say nothing about the table's other texts (Kodi's ``song``, a track's MusicBrainz id NULL
    under its UNIQUE (album, track, id) index beside a comment and a mood ``''``; the library scored
    93.77 until 2026-12-05). So is a text reference holding NULL and no ``''`` and no null token
    (:func:`_nulls_of_a_reference`): NULL is how a reference says "no parent" (a ``''`` would name a row
    its parent lacks), whatever the table's other texts do (a Homebox inventory's UUID-keyed
    ``locations``, its roots' parent NULL beside blank descriptions, scored them 0 until 2026-12-06).
    A column declared a date or a timestamp that stays text
    (:func:`_declared_moment`: Go's nanoseconds, finer than PostgreSQL keeps) is a moment of the
    application, not one of its strings: its NULLs are a missing moment's, as any moment's (a Headscale
    server's ``users``, one soft-deleted account's ``deleted_at`` beside NULLs, scored 60 until
    2026-12-05), and a ``''`` there is a second way, as in any other moment. Such strings' blanks alone
    are the table's way too, no column read as text blank beside them (a feed's episodes with every
    title given, their season and episode numbers ``''`` where the feed has none, scored those 0 and
    20 until 2026-12-06). A column added after rows were written (``later``, :func:`columns_added_later`)
    holds those rows' NULLs, no way of writing missing: only its ``''`` counts."""
    unique = unique or set()
    later = later or set()
    filled = [column for column in columns if not _missing_its_own_way(column)]
    texts = [column for column in filled if column.inferred_type == "text" and not _declared_moment(column)]
    strings = [column for column in filled if _declared_string(column)]
    others = [
        column
        for column in filled
        if (column.inferred_type != "text" or _declared_moment(column)) and not _declared_string(column)
    ]
    if not any(column.empty_string_count for column in (*texts, *strings)):
        return False
    if any(
        (column.null_count or column.null_like_count)
        and not _nulls_the_index_needs(column, unique)
        and not _nulls_of_a_reference(column)
        and not (column.name in later and not column.null_like_count)
        for column in texts
    ):
        return False
    if any(
        column.null_like_count
        or (column.empty_string_count and column.null_count and column.name not in later)
        for column in strings
    ):
        return False
    return not any(column.empty_string_count or column.null_like_count for column in others)


def _declared_string(column: ColumnProfile) -> bool:
    """Whether ``column`` is declared a text (``TEXT``, ``VARCHAR``) but its values read as another type
    (an aspect ratio ``'1.78'``, a count ``'12'``): a string field of its application, whose missing
    value may be ``''`` as a string's or NULL as a number's, one of the two (see
    :func:`_text_blank_typed_null`)."""
    return column.inferred_type != "text" and declared_family(column.declared_type or "") == "text"


def _declared_moment(column: ColumnProfile) -> bool:
    """Whether ``column`` is declared a date or a timestamp (``DATETIME``, ``DATE``) but stays text (its
    timestamps finer than microseconds, or moments written two ways): a moment of its application, whose
    missing value is NULL as any moment's (see :func:`_text_blank_typed_null`)."""
    return column.inferred_type == "text" and declared_family(column.declared_type or "") in (
        "timestamp",
        "date",
    )


def _nulls_the_index_needs(column: ColumnProfile, unique: set[str]) -> bool:
    """Whether ``column`` is a member of a declared UNIQUE index or constraint (``unique``) whose every
    missing value is NULL (no ``''``, no null token): the one way the index lets rows write none."""
    return column.name in unique and not column.empty_string_count and not column.null_like_count


def _nulls_of_a_reference(column: ColumnProfile) -> bool:
    """Whether ``column`` is a reference (``foreign_key``, declared or found in the data) whose every
    missing value is NULL (no ``''``, no null token): the one way a reference writes "no parent", a
    ``''`` naming a row its parent lacks (a location tree keyed by UUID text, its roots' parent NULL)."""
    return bool(column.foreign_key) and not column.empty_string_count and not column.null_like_count


#: The ``null_like`` issue's detail where every row of a column is one null token, spelled one way.
TOKEN_IS_UNFILLED = (
    "every row is this one token: the column holds no value, written one way (made NULL, no cost)"
)


def tokens_as_unfilled_columns(tables: Mapping[str, TableProfile]) -> None:
    """Mark the columns (``ColumnProfile.token_is_unfilled``) every row of which is the same null token,
    spelled one way (``None`` in each row; not ``None`` beside ``N/A``, a NULL, ``''`` or a value):
    such a column holds no value, written one way, as one every row of which is ``''`` does
    (:func:`blanks_as_the_table_writes_missing`), and becomes a column of NULLs, which costs nothing at
    the source either. That is an application's enumeration whose "none" member is the word (MLflow's
    model version stage ``None`` while no stage is used: its ``model_versions`` scored 92.9, the column
    0). Each token is still made NULL and audited. A key loaded as written keeps its tokens
    (:func:`tokens_kept_in_keys`); padding, a NUL byte or an encoding to decode is a change beside."""
    for table in tables.values():
        for column in table:
            if not _one_token_in_every_row(column):
                continue
            column.token_is_unfilled = True
            _explain(column, "null_like", TOKEN_IS_UNFILLED)


#: The ``null_like`` issue's detail where a declared JSON column writes every missing value as ``null``.
JSON_NULL_IS_MISSING = (
    "declared JSON: null, JSON's own, is how it writes a missing value, the only way it does (made NULL, "
    "no cost)"
)

#: The ``null_like`` issue's detail where a column not declared JSON holds JSON documents and ``null``.
JSON_DOCUMENTS_NULL_IS_MISSING = (
    "every other value JSON, a document or a string in JSON's quotes among them: null, JSON's own, is how "
    "it writes a missing value, the only way it does (made NULL, no cost)"
)


def json_nulls_as_missing(
    tables: Mapping[str, TableProfile], documents: Callable[[str, Sequence[str]], set[str]]
) -> None:
    """Mark the columns (``ColumnProfile.json_null_is_missing``) of JSON whose one way of writing a
    missing value is JSON's own ``null``, spelled so in every such row: no NULL, no ``''``, no other
    null token (the issue's examples, the smallest of every token's row, are that one word). A column
    is of JSON when it is declared ``JSON`` (``JSONB``), or when ``documents`` (the source's
    :meth:`~columnar_etl.source.sqlite_scans.SqliteScans.json_documents`, asked only of the columns so far
    unmarked for their declared type alone) finds every other value JSON, one object, array or string
    in JSON's quotes at least (a settings table's ``JSON.stringify`` of each value, Uptime Kuma's
    ``setting.value``, scored its share of ``null`` until 2026-12-05).
    SQLAlchemy's ``JSON`` writes a ``None`` attribute so (``none_as_null=False``, its default): an
    annotation server's response values, an agent's metadata, half of them ``null``, scored their share
    of them. Serializers do the same into TEXT: a password manager's organization policies (Vaultwarden's
    ``org_policies.data TEXT NOT NULL``, serde's ``to_string`` of a policy without options) scored 0,
    their table 80, until 2026-12-05. Each ``null`` is still made NULL and audited; ``null`` beside NULLs
    or ``''`` writes missing two ways, charged as before, and so is a column where cleaning changes more
    (padding, a NUL byte, an encoding to decode), or one holding a value that is no JSON, or JSON numbers
    and booleans alone."""
    for name, table in tables.items():
        undeclared: list[ColumnProfile] = []
        for column in table:
            issue = column.issue("null_like")
            if (
                issue is None
                or column.as_written is not None
                or column.token_is_unfilled
                or tuple(issue.examples) != ("null",)
                or column.null_count
                or column.empty_string_count
                or _changed_beside_missing(column)
            ):
                continue
            if "JSON" in column.declared_type.upper():
                column.json_null_is_missing = True
                _explain(column, "null_like", JSON_NULL_IS_MISSING)
            else:
                undeclared.append(column)
        found = documents(name, [column.name for column in undeclared]) if undeclared else set()
        for column in undeclared:
            if column.name in found:
                column.json_null_is_missing = True
                _explain(column, "null_like", JSON_DOCUMENTS_NULL_IS_MISSING)


#: The ``null_like`` issue's detail where a key loaded as written keeps its null token as a value.
TOKEN_KEPT_IN_KEY = (
    "kept as written (a key, or a reference to one): a value of the key, or the one way it can write "
    "none (no cost)"
)


def tokens_kept_in_keys(tables: Mapping[str, TableProfile], not_null: Mapping[str, set[str]]) -> None:
    """Mark the columns loaded as written (a declared key whose values cleaning would make NULL, or a
    column referencing one, whose tokens name the key's rows) whose null tokens arrive as the text
    they are (``ColumnProfile.token_kept_in_key``): either a value of the key (a chat bot's user called
    ``null``, its nicknames keyed by (id, slug)) or the one way to write "none" the key has, as
    :func:`blanks_as_the_table_writes_missing` says of its ``''``. Only where the tokens are all
    cleaning would change of it (no ``''`` beside them: two ways of writing none) and the schema (NOT
    NULL) or the table (no NULL) leaves no other way. Until 2026-12-05 such a token cost quality as
    one made NULL does (a bot's nicknames scored 75.8, its slug column 63.6)."""
    for name, table in tables.items():
        holds_null = any(column.null_count for column in table)
        for column in table:
            if (
                column.as_written is None
                or not column.null_like_count
                or column.empty_string_count
                or _changed_beside_missing(column)
                or (holds_null and column.name not in not_null.get(name, set()))
            ):
                continue
            column.token_kept_in_key = True
            _explain(column, "null_like", TOKEN_KEPT_IN_KEY)


def _blank_alone_changed(column: ColumnProfile) -> bool:
    """``''`` (or blanks alone) is all cleaning would change of the column: no null token, no padding
    around a value, no NUL byte, no encoding to decode."""
    return not (column.null_like_count or _changed_beside_missing(column))


def _changed_beside_missing(column: ColumnProfile) -> bool:
    """Cleaning would change a value of the column, not only its spellings of missing (``''``, null
    tokens): padding around a value, a NUL byte, an encoding to decode."""
    return bool(
        column.whitespace_padded_count
        or column.nul_byte_count
        or column.issue("invalid_encoding") is not None
    )


#: The type reason of a column with no present value, typed by its declaration alone.
NO_VALUES_REASON = "no values: the declared type"


def empty_moments_as_the_export_writes(tables: Mapping[str, TableProfile]) -> None:
    """Type a column declared a timestamp without a zone (``DATETIME``, ``TIMESTAMP``) that holds no value
    yet as instants (``timestamptz``) where every other column of the export declared a timestamp that
    holds values reads as instants (at least one does): their offsets (``2024-05-20 08:42:07+00:00``)
    or epoch numbers are how the export's one writer writes a moment, and the empty column's first value
    will be written so too.

    A Go application on mattn/go-sqlite3 writes every ``time.Time`` with its offset; a soft delete's
    ``deleted_at`` NULL in every row of a table no row of which was deleted was a timestamp without
    time zone beside the export's instants (until 2026-12-06), and the next export's first deleted row
    changed its type (a drift warning, exit 2). Where one such column reads as a wall clock (no offset)
    or stays text, nothing is changed: the declared type decides, as before.
    """
    columns = [column for table in tables.values() for column in table.columns.values()]

    def declared_timestamp(column: ColumnProfile) -> bool:
        declared = column.declared_type or ""
        return declared_family(declared) == "timestamp" and not declared_zoned(declared)

    witnesses = [
        column
        for column in columns
        if declared_family(column.declared_type or "") == "timestamp"
        and column.type_reason != NO_VALUES_REASON
    ]
    if not witnesses or any(column.inferred_type != "timestamptz" for column in witnesses):
        return
    shown = ", ".join(f"{c.table}.{c.name}" for c in witnesses[:3])
    shown += f" and {len(witnesses) - 3} more" if len(witnesses) > 3 else ""
    for column in columns:
        if (
            column.type_reason == NO_VALUES_REASON
            and column.inferred_type == "timestamp"
            and declared_timestamp(column)
        ):
            column.inferred_type = "timestamptz"
            column.notes.append(
                f"no values; declared {column.declared_type}, typed timestamptz: every other column of the "
                f"export declared a timestamp that holds values ({shown}) reads as instants, so its first "
                "value will be one too"
            )


def empty_epochs_as_the_table_writes(tables: Mapping[str, TableProfile]) -> None:
    """Type an integer column named as a moment (:func:`.date_names.date_like_name`) that holds no value yet
    as instants (``timestamptz``, in their unit) where every other column of its table so named that
    holds integers reads them as epoch instants of one unit (at least one does): the table's writer
    counts its moments so, and the empty column's first value will be one too.

    A download manager's RSS table (SABnzbd's ``rss``) keeps ``created_at`` and ``downloaded_at`` as
    INTEGER Unix seconds and ``archived_at`` NULL until the feed is cleared: bigint by its declaration
    alone beside the table's instants (until 2026-12-06), whose type the next export's first archived
    entry changed (a drift warning, exit 2). Beside a column so named of other integers (a duration,
    ``download_time``) or of another unit, nothing is changed; a key is never typed so.
    """
    for table in tables.values():
        witnesses = [
            column
            for column in table.columns.values()
            if column.type_reason != NO_VALUES_REASON
            and date_like_name(column.name)
            and column.storage_classes.get("integer", 0) > 0
        ]
        units = {column.epoch_unit for column in witnesses}
        if not witnesses or len(units) != 1 or any(c.inferred_type != "timestamptz" for c in witnesses):
            continue
        [unit] = units
        if unit is None:
            continue
        shown = ", ".join(column.name for column in witnesses[:3])
        shown += f" and {len(witnesses) - 3} more" if len(witnesses) > 3 else ""
        for column in table.columns.values():
            if (
                column.type_reason == NO_VALUES_REASON
                and column.inferred_type == "integer"
                and column.name not in table.key
                and date_like_name(column.name)
            ):
                column.inferred_type = "timestamptz"
                column.epoch_unit = unit
                column.notes.append(
                    f"no values; declared {column.declared_type or 'no type'}, typed timestamptz: every "
                    f"other column of its table named as a moment that holds integers ({shown}) reads "
                    f"them as epoch {unit}, so its first value will be one too"
                )


#: What a boolean column's CHECK list or literal default may hold (:func:`lists_no_boolean`): its
#: spellings, any case.
_BOOLEAN_CHOICES = frozenset({*BOOLEAN_TRUE_WORDS, *BOOLEAN_FALSE_WORDS, "0", "1"})


def _default_no_boolean(default: str | None) -> bool:
    """Is the declared default one literal no boolean spells (``'INHERIT'``, ``2``)? An application
    writes it into every row it does not fill: it is one of the column's values. A blank, a default
    null token (:data:`DEFAULT_NULL_TOKENS`, made NULL by its rule), a number 0 or 1 (``0.0``), an
    expression (``datetime('now')``, ``CURRENT_TIMESTAMP``) or none says nothing."""
    text, number = literal_default(default)
    if number is not None:
        return float(number) not in (0.0, 1.0)
    if text is None:
        return False
    value = text.strip()
    return bool(value) and value not in DEFAULT_NULL_TOKENS and value.lower() not in _BOOLEAN_CHOICES


def lists_no_boolean(column: SourceColumn) -> bool:
    """Does the column's ``CHECK (... IN (...))`` allow a value no boolean spells (``P`` beside ``N`` and
    ``Y``: Skrooge's operation status, none, pointed, reconciled), or its declared default write one
    (``DEFAULT ('INHERIT')`` beside ``TRUE`` and ``FALSE``: Vendure's product variant
    ``trackInventory``, a three-state setting as TypeORM writes a simple-enum; :func:`_default_no_boolean`)?
    Then it holds codes, not booleans, whatever its cells hold so far: boolean, its first ``P`` would be
    quarantined (since 2026-12-05), its first ``INHERIT`` too (since 2026-12-05: the default)."""
    return _default_no_boolean(column.default) or (
        column.choices is not None and any(v.strip().lower() not in _BOOLEAN_CHOICES for v in column.choices)
    )
