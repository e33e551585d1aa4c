"""What a table's or column's name says: its words, its singulars, the entity it names.

Read by the reference finder (does ``ticket_id`` name ``tickets``?) and by the key found in the data
(is ``Ticket ID`` the own identifier of ``tickets``?).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet


def name_words(name: str) -> list[str]:
    """A name's words: runs of letters and digits, lower-cased (``visit_type`` → ``visit``, ``type``)."""
    return re.findall(r"[a-z0-9]+", name.lower())


def camel_words(name: str) -> list[str]:
    """A name's words, a capital starting one (``visitCount`` → ``visit``, ``count``; ``TicketID`` →
    ``ticket``, ``id``), lower-cased."""
    return [word.lower() for word in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", name)]


def normalised_name(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def singulars(name: str) -> frozenset[str]:
    """A name's singulars: less a plural ``s`` (``orders`` → ``order``), and for a plural in ``ies``
    its ``y`` too (``categories`` → ``category``, beside ``movies`` → ``movie``: which one the name is,
    only a dictionary knows); for one in ``es`` after ``s``, ``x``, ``z``, ``ch`` or ``sh``, less the
    ``es`` too (``statuses`` → ``status``, ``boxes`` → ``box``)."""
    normal = normalised_name(name)
    if not (normal.endswith("s") and len(normal) > 3):
        return frozenset({normal})
    if normal.endswith("ies") and len(normal) > 4:
        return frozenset({normal[:-1], normal[:-3] + "y"})
    if normal.endswith(("ses", "xes", "zes", "ches", "shes")) and len(normal) > 4:
        return frozenset({normal[:-1], normal[:-2]})  # statuses → status, boxes → box (or a statuse)
    return frozenset({normal[:-1]})


#: A table name's last word that versions the table, not what it holds (``v1`` of ``PAYEE_V1``: Money
#: Manager Ex names every table so; ``v2`` of ``moz_places_v2``).
def unversioned(name: str) -> str:
    """A table's name less a last word that versions it (``PAYEE_V1`` → ``PAYEE``; since 2026-12-05),
    else the name: what it names is what the name before it names. A name of that word alone stays."""
    match = re.fullmatch(r"(.*?[A-Za-z0-9].*?)[^A-Za-z0-9]+([Vv][0-9]+)", name)
    return match[1] if match else name


def table_singulars(name: str) -> frozenset[str]:
    """A table's name's :func:`singulars`, and those of its name less a version word (``PAYEE_V1`` →
    ``payeev1``, ``payee``: :func:`unversioned`)."""
    return singulars(name) | singulars(unversioned(name))


def column_tag(columns: list[str]) -> str:
    """The prefix every column of a table begins with, up to and including the last ``_`` of what
    they share (``rev_`` of ``rev_id``, ``rev_page``; ``revcomment_`` of ``revcomment_rev`` and
    ``revcomment_comment_id``), case aside, else ``''``: a table's tag, as MediaWiki, phpBB and many
    PHP and Perl schemas prefix each column with an abbreviation of their own table. Two columns or
    more, each with a word after the tag; a tag names the table it is in, no other."""
    if len(columns) < 2:
        return ""
    folded = [column.casefold() for column in columns]
    first, last = min(folded), max(folded)  # what these two share, every name between them shares
    same = next((n for n, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), len(first))
    shared = first[:same]
    cut = shared.rfind("_") + 1
    if not re.search(r"[a-z0-9]", shared[:cut]) or any(len(column) <= cut for column in columns):
        return ""
    return shared[:cut]


def key_named_for(column: str, key: str) -> bool:
    """Is the column named exactly as another table's key of the form ``<thing>id`` (``ACCOUNTID``,
    ``categ_id``; the thing of three letters or more), case and separators aside? The natural-join
    convention names a reference for the key it holds (Money Manager Ex's ``CATEGID`` beside
    ``CATEGORY_V1.CATEGID``, ``ACCOUNTID`` beside ``ACCOUNTLIST_V1.ACCOUNTID``): that names the table
    as its entity would. A bare ``id`` or ``key`` names no table (since 2026-12-05)."""
    named = normalised_name(key)
    return named == normalised_name(column) and len(named) >= 5 and named.endswith("id")


def entity_of(
    name: str, *, glued_id: bool = False, table: bool = False, camel: bool | None = None
) -> frozenset[str]:
    """What a name names: its last word, singular (``shop_order`` → ``order``; of a column, a trailing
    ``id`` word set aside first: ``partner_id`` → ``partner``). Words are runs of letters and digits.
    ``glued_id`` (a column's name): a last word of three letters or more before an ``id`` glued to it
    names that too (``senderid`` → ``sender``, as Quassel and Moodle write their keys; since
    2026-12-05). ``table`` (a table's name): a table named for what it holds and what it is looked up
    by, ``<thing>_by_<key>``, names the word before its ``by`` (``domain_by_id`` → ``domain``,
    ``users_by_email`` → ``user``: Pi-hole FTL keeps each domain and client of its query log once so),
    not ``by`` or the key (since 2026-12-05; a column's ``updated_by_user_id`` still names ``user``), a
    table's last word that versions it is set aside (``PAYEE_V1`` → ``payee``: :func:`unversioned`), and
    one that says it is a table (:data:`TABLE_WORDS`: ``mantis_bug_table``) names the word before it too.
    A camelCase name's words are its capitalised parts too (:func:`camel_words`), as a snake_case
    name's are its underscored ones: ``contentAssetId`` names an ``asset`` as ``content_asset_id`` does,
    ``bookmarkLists`` a ``list`` as ``bookmark_lists`` does (since 2026-12-06: before, the words ran
    together, ``contentasset``, and named no table), beside what the words run together name. A table's
    capitalised parts are read only where ``camel`` asks (:func:`names_by_id_word`): ``listId`` names
    ``bookmarkLists``, a bare ``Status`` does not name ``IndexerStatus``, a table of indexers' states
    (a bare word of a compound table's end names it no more than a run-together name does)."""
    named = unversioned(name) if table else name
    found = _entity_of_words(name_words(named), glued_id=glued_id, table=table)
    if (not table if camel is None else camel) and _CAMEL_BREAK.search(named):
        found |= _entity_of_words(camel_words(named), glued_id=glued_id, table=table)
    return found


#: The words ending a column's name that say it identifies a row (``id``, ``Ticket ID``, ``userUuid``).
IDENTIFIER_WORDS = ("id", "uuid", "guid", "pk")


def names_own_identifier(column: str, table: str) -> bool:
    """Does a column's name say it is ``table``'s own identifier (``id``, ``uuid``, ``key``; ``Ticket
    ID``, ``ticketid`` or ``ticket_uuid`` in ``tickets``; ``comment_id`` in ``ticket_comments``)?"""
    return named_after_own(column, table, (*IDENTIFIER_WORDS, "key"))


def own_names(table: str) -> frozenset[str]:
    """What ``table``'s own rows are called, as :func:`normalised_name` spells it: its singulars, its
    entity and its name (``tickets``: ``ticket``, ``tickets``)."""
    return table_singulars(table) | entity_of(table, table=True) | {normalised_name(table)}


def named_after_own(column: str, table: str, words: Iterable[str]) -> bool:
    """Is a column's name one of ``words`` (as :func:`normalised_name` spells them), alone or after
    ``table``'s own name (:func:`own_names`: ``code`` or ``currency_code`` in ``currencies``)?"""
    normal = normalised_name(column)
    own = own_names(table) | {""}
    return any(normal.endswith(word) and normal[: -len(word)] in own for word in words)


def names_entity(column: str, table: str) -> bool:
    """Do a column and a table name the same thing: the column's :func:`entity_of` (its last word,
    singular, less an ``id`` word) is the table's (``partner_id`` → ``res_partner``, ``directory`` →
    ``directories``, ``senderid`` → ``sender``)? A name that merely contains the table's singular
    (``slot_type`` beside ``slots``: a type) does not."""
    camel = names_by_id_word(column)
    return bool(entity_of(table, table=True, camel=camel) & entity_of(column, glued_id=True))


def linked_tables(child: str, tables: AbstractSet[str]) -> frozenset[str]:
    """The tables a link table is named for: the other tables whose names the child's name holds,
    their words in a row (``books_custom_column_5_link`` holds ``books`` and ``custom_column_5``, not
    ``custom_column_55``), when it holds two or more (a table named for one, ``shop_order_line``, is
    that table's part, not a link between tables). Among parents a column's values fit alike, the one
    of these is the one the table links (calibre's custom columns and languages; since 2026-12-05)."""
    words = name_words(child)

    def holds(parent: str) -> bool:
        named = name_words(parent)
        return bool(named) and any(
            words[i : i + len(named)] == named for i in range(len(words) - len(named) + 1)
        )

    found = frozenset(parent for parent in tables if parent != child and holds(parent))
    return found if len(found) >= 2 else frozenset()


#: A column name's last word (less an ``id`` word) that names the row's parent among its own table's
#: rows: an adjacency list's link (a folder's ``parent``, ``parent_id``, ``ParentID``).
TREE_WORDS = frozenset({"parent"})


#: Words a reference column's name may end in after the thing it names, an ``id`` aside: an entity
#: reference field keeps its key as ``<field>_target_id`` (Drupal's ``taxonomy_term__parent`` holds a
#: term's ``parent_target_id``), so the field's name is what the column names.
TARGET_WORDS = frozenset({"target"})


def names_own_parent(column: str) -> bool:
    """Does a column's name say it holds the key of its row's parent in its own table (its
    :func:`entity_of` is ``parent``: ``parent``, ``parent_id``, ``parentId``, ``PARENTID``)? A tree kept
    as an adjacency list names its own table so, as ``ticket_id`` names ``tickets`` (since 2026-12-06).
    ``parent_type`` (a type) and ``parent_folder`` (a folder) do not say it. An entity reference
    field's ``parent_target_id`` (:data:`TARGET_WORDS`) says it as ``parent_id`` does (since
    2026-12-06)."""
    if entity_of(column, glued_id=True) & TREE_WORDS:
        return True
    words = camel_words(column)
    if len(words) > 1 and words[-1] == "id":
        words.pop()
    return len(words) > 1 and words[-1] in TARGET_WORDS and words[-2] in TREE_WORDS


#: Endings of a word in ``s`` that make no plural of it (``status``, ``address``, ``analysis``), or may
#: not (``series``, ``species``; or ``categories``): :func:`names_in_plural` reads none of them so.
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ies")


def names_in_plural(column: str) -> bool:
    """Whether a column's name ends in a plural word (``hops``, ``lines``, ``itemCounts``): it counts or
    lists the rows of what it names (deCONZ's ``source_routes.hops``, the number of each route's
    ``source_route_hops``), where a column holding one row's identity names it in the singular
    (``directory``, ``playlist_id``). A word of three letters or fewer (``ids``), or in
    :data:`_NOT_PLURAL_ENDINGS`, is none."""
    return _plural_last_word(column, _NOT_PLURAL_ENDINGS) is not None


def _plural_last_word(column: str, not_plural: tuple[str, ...]) -> str | None:
    """The last word of a column's name (:func:`camel_words`) where it reads as a plural: more than three
    letters, ending in ``s`` but in none of ``not_plural``; else None."""
    words = camel_words(column)
    last = words[-1] if words else ""
    return last if len(last) > 3 and last.endswith("s") and not last.endswith(not_plural) else None


#: Words in ``s`` that are their own singular (one ``series``, one ``species``, the ``news``, a
#: ``lens``): :func:`counts_the_table` reads none of them as a plural.
_INVARIANT_NOUNS = frozenset({"series", "species", "news", "lens"})


def counts_the_table(column: str, table: str) -> bool:
    """Whether a column's name ends in the plural of what ``table`` holds (``replies`` beside
    ``hesk_replies``, ``posts`` beside ``mybb_posts``, ``threadReplies`` beside ``replies``): how many of
    its rows, as a help desk's or a forum's user counts the replies or posts they wrote, where a column
    holding one row's key names it in the singular (``reply``, ``replyto``, ``post_id``). Its singulars
    (:func:`singulars`, ``ies`` → ``y`` too: ``replies`` → ``reply``) must name the table's entity; a word
    of three letters or fewer, in :data:`_NOT_PLURAL_ENDINGS` other than ``ies``, ending in ``as``
    (``canvas``, ``alias``) or in :data:`_INVARIANT_NOUNS` (``series``) is none (since 2026-12-07)."""
    last = _plural_last_word(column, ("ss", "us", "is", "as"))
    if last is None or last in _INVARIANT_NOUNS:
        return False
    return bool((singulars(last) - {last}) & entity_of(table, table=True))


def names_by_id_word(column: str) -> bool:
    """Whether a column's name ends in an ``id`` word (``listId``, ``list_id``, ``LISTID`` aside): it
    names a row by its key, so a camelCase table's last capitalised part is what it names."""
    words = camel_words(column)
    return bool(words) and words[-1] in ("id", "ids")


#: A lower-case letter or a digit followed by a capital: a camelCase word break (``contentAsset``).
_CAMEL_BREAK = re.compile(r"[a-z0-9][A-Z]")


#: A table name's last word that says it is a table, not what its rows are (MantisBT names every
#: table so: ``mantis_bug_table``, ``mantis_category_table``; ``tbl`` as ``orders_tbl``): the word
#: before it names the rows too, as ``bug_id`` and ``category_id`` name them (since 2026-12-07; before,
#: such a table named only ``table``, and no column's name named it). The word itself still counts
#: (a restaurant's ``dining_table`` is what ``table_id`` names).
TABLE_WORDS = frozenset({"table", "tbl"})


def _entity_of_words(words: list[str], *, glued_id: bool, table: bool) -> frozenset[str]:
    """:func:`entity_of` of a name's ``words``."""
    if table and len(words) > 1 and words[-1] in TABLE_WORDS:
        rows = _entity_of_words(words[:-1], glued_id=glued_id, table=table)
        return singulars(words[-1]) | rows
    if table and "by" in words[1:-1]:
        words = words[: words.index("by", 1)]
    if len(words) > 1 and words[-1] == "id":
        words.pop()
    if not words:
        return frozenset()
    last = words[-1]
    glued = glued_id and len(last) >= 5 and last.endswith("id")
    return singulars(last) | singulars(last[:-2]) if glued else singulars(last)


def named_words(column: str, parent: str) -> int:
    """How many of the words of the column's name before its ``id`` end the parent table's name, the
    last compared by its singular: ``create_article_type_id`` names ``ticket_article_types`` by two
    (``article``, ``type``), ``ticket_state_types`` by one (``type``)."""
    words = name_words(column)
    if len(words) < 2:
        words = camel_words(column)  # ``createArticleTypeId``
    if words and words[-1] == "id":
        words = words[:-1]
    same = 0
    for mine, theirs in zip(reversed(words), reversed(name_words(parent)), strict=False):
        if mine != theirs and not (singulars(mine) & singulars(theirs)):
            break
        same += 1
    return same
