"""What column and table names say about a reference: entities, codes, counts and roles."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet

from columnar_etl.models import TableProfile
from columnar_etl.profiling.inclusion import Inclusion
from columnar_etl.profiling.reference_rows import Reference, holds_singular, names_parent_table
from columnar_etl.source.conventions import CORE_DATA_ENTITY_COLUMNS, CORE_DATA_TABLES
from columnar_etl.source.naming import (
    camel_words,
    entity_of,
    key_named_for,
    name_words,
    named_words,
    names_entity,
    normalised_name,
    singulars,
    table_singulars,
)


def names_parent(column: str, fit: Inclusion) -> bool:
    """Does the column's name name the parent table (``ticket_id``, ``ticketId`` → ``tickets``;
    ``partner_id`` → ``res_partner``), as :func:`choose` breaks a tie? The counter rules
    (:func:`.key_chance.runs_past_keys`, :func:`.key_chance._counter_from_the_lowest_key`) read numbers
    alone: a run of tickets 1..200 of 300 under ``ticket_id`` (a one-row-per-ticket table, the newest without
    a row yet) is a reference, where a priority or a week running over a table's keys is none. A column named
    exactly as the parent's key of the form ``<thing>id`` (:func:`key_named_for`: ``CATEGID`` beside
    ``CATEGORY_V1.CATEGID``) names it too (since 2026-12-05)."""
    return names_parent_table(column, fit.parent) or key_named_for(column, fit.key)


#: The last words of a column's name that say it holds a code of its own row (an enumeration: a
#: bookmark's type 1..3, a ticket's priority), not another row's key: integers of few values fit a
#: small table's keys 1..N by chance (Firefox's ``moz_bookmarks.type`` "referred to" the three rows of
#: ``moz_anno_attributes``). A name ending in ``id`` (``priority_id``, Redmine's enumerations) is a key.
#: ``depth``, a row's depth in its tree as ``level`` is (0 at a root), since 2026-12-06: 0..3 beside
#: users keyed from 0 (an anonymous 0) referred to them.
CODE_WORDS = frozenset(
    {"type", "kind", "status", "state", "mode", "level", "depth", "priority", "severity", "flags"}
    | {"rank", "sort"}
)


#: The last words of a column's name that say it holds a part of the row's own date or time (a
#: release's ``day`` 1..31, a ``month``, an ``hour``), not another row's key: such numbers run over
#: the first keys of any table of a few dozen rows (beets' ``items.day`` "referred to" the albums of a
#: library of 40). Since 2026-12-05.
DATE_PART_WORDS = frozenset(
    {"year", "quarter", "month", "week", "weekday", "day", "hour", "minute", "second", "millisecond"}
)
#: A :data:`DATE_PART_WORDS` word after ``of`` at the end of a name's last word, something before it
#: (``dayofweek`` → ``week``, ``ZSTARTSECONDOFDAY`` → ``day``): since 2026-12-06.
_GLUED_DATE_PART = re.compile(
    r"[a-z0-9]of(" + "|".join(sorted(DATE_PART_WORDS, key=len, reverse=True)) + r")$"
)


#: The last words of a column's name that say it holds a version of its own row (a schema's
#: ``table_version``, an optimistic lock's ``lock_version``, a ``revision``), not another row's key:
#: versions 1 to a dozen fit the keys 1..N of any small table (a SIP server's ``version.table_version``,
#: Kamailio's, "referred to" the 12 rows of its ``dialog``). Since 2026-12-05.
VERSION_WORDS = frozenset({"version", "revision"})


#: The last words of a column's name that say it holds the row's bound in a nested-set tree (Celko's
#: ``lft`` and ``rgt``, django-mptt's ``rght``: django-treebeard's ``NS_Node``, awesome_nested_set,
#: Doctrine's tree, Redmine's issues), the numbers 1..2N of its own tree's depth-first walk, not another
#: row's key: each column holds half of them, spread over all, so it fits any table of 2N rows keyed
#: 1..2N (a treebeard site's 151 folders "referred to" its 300 categories). Since 2026-12-05.
NESTED_SET_WORDS = frozenset({"lft", "rgt", "rght"})


#: The last words of a column's name that say it holds the row's place among its siblings (a forge's
#: issue number within its repository, Gitea's ``issue.index`` and ``pull_request.index``; a list's
#: ``position``, a rule's ``rule_group_idx``, an ``ordinal``), not another row's key: numbers from 1 of
#: each parent fit the keys 1..N of any table of a few dozen rows, their own among them (a Gitea
#: database's ``issue.index`` "referred to" its own issues, its pull requests' to a time log). Since
#: 2026-12-05. So does ``order`` (a list's ``sort_order``, ``display_order``; sabre/dav's
#: ``calendarorder``, a calendar's place in the client's list, 0 to a few), also where the name holds a
#: table's singular before it (:func:`code_of_the_parents_kind`): a place of a row of that kind, not
#: a row of that table. Since 2026-12-06. A last word ``number`` or ``num`` says the same (an episode's
#: number within its season, Sonarr's ``Episodes.EpisodeNumber`` "referred to" the settings of its
#: ``Config``; a ``line_number``): since 2026-12-06. So do ``no`` and ``nr``, the abbreviations of
#: number (a track's place in a DJ's played session, Rekordbox's ``djmdSongHistory.TrackNo`` 1..8, "referred
#: to" its 8 built-in colours; a ``line_no``, a ``seq_nr``): since 2026-12-07.
POSITION_WORDS = frozenset({"index", "idx", "position", "ordinal", "order", "number", "num", "no", "nr"})
#: Of those, the words only a place is: after the parent table's singular (``calendarorder``) a place of
#: a row of that kind (:func:`code_of_the_parents_kind`). A number after it is that row's number, its
#: key as often as not (``ConfigNumber`` beside ``Config``, ``invoice_number`` beside ``invoices``).
PLACE_WORDS = POSITION_WORDS - {"number", "num", "no", "nr"}


#: The words that say a column's name holds a count of things (how many, not which row): the last
#: word (``visit_count``, ``retry_cnt``) or the first of several (``num_cmds``, ``nb_visits``,
#: ``number_of_items``, ``count_rows``). Counts of a few to a few dozen fit the keys 1..N of any small
#: table, its own among them (IPython's ``sessions.num_cmds`` "referred to" its own sessions, and a
#: session of more commands than sessions was an orphan). Since 2026-12-05. A first word ``num`` or
#: ``nb`` also says "number of one" (``num_client``, a customer's number, names ``clients``): such a
#: name that names the parent is a reference as before; a last word ``count`` never is one.
COUNT_LAST_WORDS = frozenset({"count", "counts", "cnt"})
COUNT_FIRST_WORDS = frozenset({"num", "nb", "number", "count", "cnt"})

#: The last words of a column's name that say it holds a tally of people's reactions to its row (a
#: comment's ``like``, a post's ``upvotes``, a page's ``views``): a count too, how many, not which row.
#: Likes of 1 to 3 fit the keys of any table of a few rows (Waline's ``wl_Comment.like`` "referred to"
#: the five pages of a blog's ``wl_Counter``). A name naming the parent (``vote`` beside a ``votes``
#: table) refers as before. Since 2026-12-05.
TALLY_LAST_WORDS = frozenset(
    {
        "like",
        "likes",
        "dislikes",
        "votes",
        "upvotes",
        "downvotes",
        "views",
        "pageviews",
        "hits",
        "clicks",
        "stars",
        "downloads",
    }
)

#: The last words of a column's name that say it holds a span of time (a chore's ``period_interval``,
#: a battery's ``charge_interval_days``, a ``retry_delay``, a cache's ``ttl``): how long, a count of
#: units, not which row. Intervals of 1 or 2 fit the keys of any table of a few rows (Grocy's
#: ``chores.period_interval`` "referred to" the three rows of its ``users``). A name naming the parent
#: (``duration`` beside a ``durations`` table) refers as before. Since 2026-12-05. So does ``time``, a
#: moment or a span counted in units (a download manager's ``postproc_time``, the seconds a job's
#: post-processing took, 0 for none: SABnzbd's ``history.postproc_time`` "referred to" the 40 entries of
#: its ``rss``); a ``time`` beside a ``times`` table names it. Since 2026-12-06.
SPAN_LAST_WORDS = frozenset(
    {
        "time",
        "interval",
        "duration",
        "days",
        "hours",
        "minutes",
        "seconds",
        "weeks",
        "months",
        "years",
        "ttl",
        "timeout",
        "delay",
        "lifetime",
    }
)


#: The last words of a column's name that say it holds how many tries were made (a login's
#: ``login_attempts``, a job's ``retries``, ``tries``): a count too, how many, not which row. Attempts of
#: 1 to 3 fit the keys of any table of a few rows (MyBB's ``users.loginattempts`` "referred to" the four
#: rows of its ``settinggroups``). A name naming the parent refers as before. Since 2026-12-06.
ATTEMPT_LAST_WORDS = frozenset({"attempts", "tries", "retries"})

#: The count's words a name of one lowercase word may end in, glued to the words of what it counts, as
#: PHP schemas write them (MyBB's ``loginattempts``, vBulletin's ``replycount``, ``postcount``): a count as
#: ``login_attempts`` and ``reply_count`` are. The beginning must be a word of three letters or more
#: (``account`` is none: ``ac``); ``tries`` and ``like`` end words that are none (``countries``,
#: ``childlike``). Since 2026-12-06.
_GLUED_COUNT = re.compile(
    r"^[a-z][a-z0-9]{2,}("
    + "|".join(
        sorted(
            (COUNT_LAST_WORDS | TALLY_LAST_WORDS | ATTEMPT_LAST_WORDS) - {"tries", "like"},
            key=len,
            reverse=True,
        )
    )
    + r")$"
)

#: A place in a shown or sorted list named in one lowercase word, as PHP schemas write it (MyBB's
#: ``disporder``, vBulletin's ``displayorder``, ``sortorder``, ``listorder``): a place as
#: ``display_order`` and ``sort_order`` are (:data:`POSITION_WORDS`). Orders of 1 to 3 fit the keys of any
#: table of a few rows (MyBB's ``forums.disporder`` "referred to" the four rows of its
#: ``settinggroups``). Since 2026-12-06.
_GLUED_PLACE = re.compile(r"^(disp|display|sort|list|show|view)order$")


def count_word(column: str, *, named: bool) -> str | None:
    """The word that says the column's name is a count (``count`` of ``visit_count``, ``visitCount``;
    ``num`` of ``num_cmds``, a tally, ``like``, ``upvotes`` of :data:`TALLY_LAST_WORDS`, and a span of
    time, ``interval``, ``days`` of :data:`SPAN_LAST_WORDS`, unless the name names the parent,
    ``named``), else None; never for a name ending in ``id`` (``count_id``: a key)."""
    words = camel_words(column)
    if not words or words[-1] == "id":
        return None
    if words[-1] in COUNT_LAST_WORDS or (
        words[-1] in TALLY_LAST_WORDS | SPAN_LAST_WORDS | ATTEMPT_LAST_WORDS and not named
    ):
        return words[-1]
    glued = _GLUED_COUNT.match(column) if len(words) == 1 and not named else None
    if glued:
        return glued[1]
    first = len(words) > 1 and words[0] in COUNT_FIRST_WORDS and not named
    return words[0] if first else None


def code_word(column: str) -> str | None:
    """The :data:`CODE_WORDS`, :data:`DATE_PART_WORDS`, :data:`VERSION_WORDS`,
    :data:`NESTED_SET_WORDS` or :data:`POSITION_WORDS` word a column's name ends in (``type``,
    ``visit_type``, ``original_day``, ``table_version``, ``lft``, ``index``), else None. A capital
    starts a word too (``EpisodeNumber``, ``QueuePosition``, ``EventType``, ``SyncLevel``,
    ``RowVersion``, ``StartHour``: .NET's and Java's names; for the position words since 2026-12-06,
    for the others since 2026-12-06 too, before only ``_`` and the like parted them: a .NET app's
    ``UpdateHistory.EventType`` 1, 2 referred to its own keys)."""
    words = name_words(column)
    own = CODE_WORDS | DATE_PART_WORDS | VERSION_WORDS | NESTED_SET_WORDS | POSITION_WORDS
    if words and words[-1] in own:
        return words[-1]
    camel = camel_words(column)
    if camel and camel[-1] in own:
        return camel[-1]
    if _GLUED_PLACE.match(column):
        return "order"
    # A part of a date glued after `of` in a name of one word, as SQL's DAYOFWEEK names it and Core
    # Data's upper-case names write it (``ZSTARTDAYOFWEEK``, ``secondofday``, ``weekofyear``).
    glued = _GLUED_DATE_PART.search(words[-1]) if words else None
    return glued[1] if glued else None


def code_of_the_parents_kind(column: str, fit: Inclusion) -> str | None:
    """The :data:`CODE_WORDS`, :data:`DATE_PART_WORDS` or :data:`POSITION_WORDS` word that follows the
    parent table's singular at the end of a column's name (``type`` of ``buffertype`` beside a table
    ``buffer``, ``status`` of ``ticket_status`` beside ``tickets``, ``order`` of ``calendarorder``
    beside ``calendars``), else None: such a name says a code or a place of the row of that kind (a
    buffer's type, a calendar's place in a list), not a row of that table. The code's own table
    (``ticket_statuses``) is no such parent: its singular ends the name. Since 2026-12-05; a place
    word since 2026-12-06."""
    name = normalised_name(column)
    for stem in table_singulars(fit.parent):
        at = name.rfind(stem)
        if at >= 0 and (rest := name[at + len(stem) :]) in CODE_WORDS | DATE_PART_WORDS | PLACE_WORDS:
            return rest
    return None


def _names_table(column: str, fit: Inclusion) -> bool:
    """Does the column's name hold the parent table's singular (``ticket_id`` → ``tickets``)?"""
    return holds_singular(column, fit.parent)


def same_entity(column: str, fit: Inclusion) -> bool:
    """Do the column and the parent table name the same thing (``partner_id`` → ``res_partner``;
    ``senderid``, its ``id`` glued on, → ``sender``; ``PAYEEID`` → ``PAYEE_V1``), or is the column named
    exactly as the parent's key ``<thing>id`` (:func:`key_named_for`: ``ACCOUNTID`` →
    ``ACCOUNTLIST_V1.ACCOUNTID``; since 2026-12-05)?"""
    return names_entity(column, fit.parent) or key_named_for(column, fit.key)


def choose(
    column: str,
    fits: list[Inclusion],
    linked: AbstractSet[str] = frozenset(),
    named_so: AbstractSet[tuple[str, str]] = frozenset(),
    bare: str = "",
    tree: Inclusion | None = None,
    owners: AbstractSet[str] = frozenset(),
) -> Inclusion | None:
    """The one parent the data points to: the only fit; among several, the one whose table (or key) the
    column's name names (of two it names, the one it names the most of: :func:`_most_named`; of two keys
    it holds, the longer holding the other: :func:`_most_keyed`), else the one whose table's name ends in
    the column's (``sale`` → ``sale_sale``, ``partner_id`` → ``res_partner``); else the one with the best
    share; else, among those of the best share, the one of the tables a link table is named for
    (``linked``: :func:`~columnar_etl.source.naming.linked_tables`; ``books_custom_column_5_link.value`` →
    ``custom_column_5``), else the one key the export's declared references of the column's name name
    (``named_so``: :func:`declared_by_name`; Zim's ``tasklist.source`` → ``pages.id``, as its ``links.source``
    declares), else the one whose table's name the column's abbreviates (:func:`abbreviates`: ``repo_id`` →
    ``repository``), else the table of people a person's role names (:func:`person_among_people`:
    ``created_by_id`` → ``users``), and last, among those of the best share, the one whose table's name, a
    compound written as one word, the column's ends (:func:`ends_compound`: ``field_id`` →
    ``userfields``). None when still a tie. ``tree``: the column's fit to its own table's key where
    each row names an older row (:func:`.trees.older_rows`), chosen after the names and before the shares:
    other tables' keys hold a tree's values by chance (since 2026-12-06). ``owners``: the tables the
    column's own table is named as a part of (:func:`owning_tables`: ``taxonomy_term__parent`` of
    ``taxonomy_term_data``), the last tie-break, for a column naming its row's entity (in the table's
    key, or one value a row: :func:`.reference_circles.names_the_row`) alone (since 2026-12-06).

    ``bare``: the column's name less its table's tag (:func:`~columnar_etl.source.naming.column_tag`: ``rev``
    of ``revcomment_rev`` in ``revision_comment_temp``), whose names are read first: the tag names the
    column's own table, not a parent. MediaWiki's ``revcomment_rev`` names ``comment`` by its tag alone
    and ``revision`` by what follows (``rev``, :func:`abbreviates`); until 2026-12-06 it was taken for a
    reference to ``comment.comment_id``, whose keys 1..25 its revisions' numbers fit as well. Where the
    bare name names none alone, the whole name's are read as before (``order_id`` of a table whose
    every column begins ``order_``)."""
    if len(fits) <= 1:
        return fits[0] if fits else None
    for said in (bare, column) if bare else (column,):
        name = normalised_name(said)
        for named in (
            _most_named([fit for fit in fits if _names_table(said, fit)], name),
            _most_keyed(
                [
                    fit
                    for fit in fits
                    if normalised_name(fit.key) in name
                    and (normalised_name(fit.key) != name or key_named_for(said, fit.key))
                ]
            ),
            [fit for fit in fits if same_entity(said, fit)],
            [fit for fit in fits if abbreviates(said, fit.parent)],
            [fit for fit in fits if person_among_people(said, fit.parent)],
        ):
            if len(named) == 1:
                return named[0]
    if tree is not None and tree in fits:
        return tree  # a tree's parent is its own kind: other tables' keys fit by chance rules alone
    best = max(fit.share for fit in fits)
    top = [fit for fit in fits if fit.share == best]
    if len(top) == 1:
        return top[0]
    named = [fit for fit in top if fit.parent in linked]
    if len(named) == 1:
        return named[0]
    named = [fit for fit in top if (fit.parent, fit.key) in named_so]
    if len(named) == 1:
        return named[0]
    named = [fit for fit in top if ends_compound(column, fit.parent)]
    if len(named) == 1:
        return named[0]
    named = [fit for fit in top if fit.parent in owners]
    return named[0] if len(named) == 1 else None


def _most_keyed(fits: list[Inclusion]) -> list[Inclusion]:
    """Of the parents whose key's name a column's holds (:func:`choose`), the one whose key's is the
    longest and holds every other's alone (``SmartPlaylistID`` holds ``SmartPlaylistID`` more than
    ``PlaylistID``), else all of them. A name holding a longer key whole says that key, the shorter
    one only as a part of it: Banshee's ``CoreSmartPlaylistEntries.SmartPlaylistID``, whose smart
    playlists 1..3 fit ``CorePlaylists.PlaylistID`` as well, referred to neither until 2026-12-06."""
    if len(fits) <= 1:
        return fits
    keys = {id(fit): normalised_name(fit.key) for fit in fits}
    longest = max(fits, key=lambda fit: len(keys[id(fit)]))
    top = keys[id(longest)]
    if all(fit is longest or (keys[id(fit)] in top and keys[id(fit)] != top) for fit in fits):
        return [longest]
    return fits


def _most_named(fits: list[Inclusion], name: str) -> list[Inclusion]:
    """Of the parents a column's normalised ``name`` names (:func:`_names_table`), the one whose
    singular found in it is the longest and holds every other's (``shopping_location_id`` names
    ``shopping_locations`` more than ``locations``; ``ticket_status_id`` ``ticket_statuses`` more than
    ``tickets``) alone, else all of them. Since 2026-12-05: until then such a tie stayed unbroken."""
    if len(fits) <= 1:
        return fits
    stems = {
        id(fit): max((stem for stem in table_singulars(fit.parent) if stem in name), key=len, default="")
        for fit in fits
    }
    longest = max(fits, key=lambda fit: len(stems[id(fit)]))
    top = stems[id(longest)]
    if all(fit is longest or (stems[id(fit)] in top and stems[id(fit)] != top) for fit in fits):
        return [longest]
    return fits


#: The fewest letters of a column's entity that may abbreviate a table's (``repo``, not ``re``).
MIN_ABBREVIATION = 3


def abbreviates(column: str, parent: str, *, camel: bool = False) -> bool:
    """Does the column's entity (:func:`entity_of`: ``repo`` of ``repo_id``) begin the parent table's,
    shorter than it, of :data:`MIN_ABBREVIATION` letters or more (``repository``: a forge's, Gitea's,
    ``issue.repo_id``; ``org`` of ``organization``)? Or clip it (:func:`_clips`): begin with that many
    of its letters or more, the rest of its letters following in order (``convo`` of
    ``conversation``: Skype's ``Messages.convo_id``; ``acct`` of ``account``; since 2026-12-06). Only a
    tie between tables the values fit is broken so (:func:`choose`): such a name says which table no
    more than its numbers do. Since 2026-12-05. ``camel``: a table's capitalised parts are read too
    (``kmmSchedules`` → ``schedule``, which ``schedId`` abbreviates; :func:`entity_of`)."""
    return _entity_part_of(column, parent, str.startswith, camel) or _entity_part_of(
        column, parent, _clips, camel
    )


def _clips(long: str, short: str) -> bool:
    """Is ``short`` ``long`` clipped with later letters kept: its first :data:`MIN_ABBREVIATION`
    letters or more are ``long``'s, and its other letters follow in ``long``'s rest, in order
    (``convo``: ``conv`` then ``o`` of ``ersation``)?"""
    start = 0
    while start < min(len(long), len(short)) and long[start] == short[start]:
        start += 1
    if start < MIN_ABBREVIATION:
        return False
    rest = iter(long[start:])
    return all(letter in rest for letter in short[start:])


def _entity_part_of(column: str, parent: str, part: Callable[[str, str], bool], camel: bool = False) -> bool:
    """Is the column's entity (:func:`entity_of`), of :data:`MIN_ABBREVIATION` letters or more, a
    ``part`` (``str.startswith``, ``str.endswith``) of the parent table's, shorter than it?"""
    return any(
        len(short) >= MIN_ABBREVIATION and long != short and part(long, short)
        for short in entity_of(column)
        for long in entity_of(parent, table=True, camel=camel or None)
    )


#: The last word of a column naming the person who did or holds a row (``created_by_id``,
#: ``updated_by``, ``owner_id``, ``author``, ``assignee``), and the entities of a table of people.
PERSON_ROLES = frozenset({"by", "owner", "author", "creator", "assignee", "reporter", "requester", "editor"})
PEOPLE = frozenset({"user", "person", "people", "member"})


#: Past participles not ending in ``ed`` that name a deed before ``by`` (``paid_by``, ``sent_by``).
IRREGULAR_DEEDS = frozenset(
    {"done", "made", "paid", "sent", "written", "held", "run", "kept", "taken", "given", "seen", "chosen"}
)


def person_among_people(column: str, parent: str) -> bool:
    """Does the column name a person's role (:data:`PERSON_ROLES`: ``created_by_id``, ``owner_id``) and
    the parent table hold people (:data:`PEOPLE`: ``users``, ``auth_user``, ``persons``)? Only a tie
    between tables the values fit is broken so (:func:`choose`): Vikunja's ``created_by_id`` and
    ``owner_id`` of users 1..5, which projects 1..8 hold too, had no reference chosen until 2026-12-05.
    ``by`` names a person only after a deed (``created``, ``approved``, ``paid``:
    :data:`IRREGULAR_DEEDS`): ``sort_by``, ``group_by``, ``order_by`` name a field or a code."""
    roles = entity_of(column, glued_id=True) & PERSON_ROLES
    if roles == {"by"}:
        words = name_words(column)
        if words and words[-1] == "id":
            words = words[:-1]
        deed = words[-2] if len(words) >= 2 else ""
        if not (deed.endswith("ed") or deed in IRREGULAR_DEEDS):
            return False
    return bool(roles) and bool(entity_of(parent, table=True) & PEOPLE)


def _of_people(table: str) -> bool:
    """Does the table hold people: its entity a :data:`PEOPLE` word or a compound ending in one
    (``remoteusers``: WriteFreely's followers on other servers)?"""
    return any(entity.endswith(word) for entity in entity_of(table, table=True) for word in PEOPLE)


def people_linked_to_other_rows(child: TableProfile, column: str, parent: str, tables: Iterable[str]) -> bool:
    """Is ``column`` part of ``child``'s key, named for people (:data:`PEOPLE`: ``user_id``), beside
    another of the key's columns named for a table of no people (``dashboard_id`` → ``dashboards``),
    and ``parent`` a table of no people it does not name? Such a row links a person to another table's
    row (Akaunting's ``user_dashboards``): its people are rows of a table of people, one the export may
    leave out, however their few keys fit ``parent``'s. Users 1 and 2, no users table exported, referred
    to the two dashboards beside ``dashboard_id`` until 2026-12-07. A table of people (``remoteusers``
    too) or one the column's name holds (``remote_user_id``) stays a parent."""
    if column not in child.key or not entity_of(column, glued_id=True) & PEOPLE:
        return False
    if _of_people(parent) or names_entity(column, parent) or holds_singular(column, parent):
        return False
    things = [table for table in tables if not _of_people(table)]
    return any(other != column and any(names_entity(other, table) for table in things) for other in child.key)


def ends_compound(column: str, parent: str) -> bool:
    """Does the column's entity (:func:`entity_of`: ``field`` of ``field_id``) end the parent table's,
    longer than it, a compound written as one word, the column's of :data:`MIN_ABBREVIATION` letters
    or more (``userfields``: Grocy's ``userfield_values.field_id``)? Only a tie between tables the
    values fit is broken so (:func:`choose`), the last of its tie-breaks (after the export's declared
    references of the name: Zim's ``tasklist.source`` names ``pages``, not its ``tagsources``).
    Since 2026-12-05."""
    return _entity_part_of(column, parent, str.endswith)


def declared_by_name(declared: Iterable[Reference]) -> dict[str, frozenset[tuple[str, str]]]:
    """The key each column name's declared references name, by the name (case folded), for the names
    whose every declared one-column reference names the same key: what the export's own schema says
    such a column holds (a desktop wiki's ``links.source`` and ``tagsources.source`` both ``REFERENCES
    pages(id)``). A name declared to refer to two keys (``parent`` of ``files`` and of ``pages``) says
    nothing. Among parents a column's values fit alike, the one so named is chosen (since 2026-12-05)."""
    keys: dict[str, set[tuple[str, str]]] = {}
    for reference in declared:
        if len(reference.columns) == 1 and len(reference.parent_columns) == 1:
            keys.setdefault(reference.columns[0].casefold(), set()).add(
                (reference.parent, reference.parent_columns[0])
            )
    return {name: frozenset(named) for name, named in keys.items() if len(named) == 1}


def owning_tables(child: str, tables: AbstractSet[str]) -> frozenset[str]:
    """The table ``child`` is named as a part or an extension of, as a schema names a table holding
    more of another's rows (``node__body`` of ``node``; Drupal's ``taxonomy_term__parent`` of
    ``taxonomy_term_data``, both named for the entity ``taxonomy_term``; ``wp_term_taxonomy`` of
    ``wp_terms``), else none: the other table whose name's words the child's begins with, all of them
    (the last compared by its singular), or all but the last where the words left are two or more (a
    table's name for its entity and a word for its storage: ``_data``), more words than every table of
    the export begins with (a prefix such as ``wp_`` names no table), the child's name longer; the one
    table sharing the most such words. Among parents a column's values fit alike, the one so named is
    chosen for the column naming the row's entity, last of the tie-breaks (:func:`choose`; a
    ``holder`` or a ``field_id`` of a part's rows names what it likes; since 2026-12-06: before, a
    Drupal term's ``entity_id`` fit its 6 terms', 10 nodes' and 6 log entries' keys alike, and
    referred to none)."""
    words = name_words(child)
    everyone = [name_words(name) for name in tables]
    tag = min((_shared_words(words, other) for other in everyone), default=0)

    def shared(parent: str) -> int:
        named = name_words(parent)
        same = _shared_words(words, named)
        whole = same == len(named)
        stem = same == len(named) - 1 and same - tag >= 2
        return same if (whole or stem) and same > tag and same < len(words) else 0

    counts = {parent: shared(parent) for parent in tables if parent != child}
    best = max(counts.values(), default=0)
    top = [parent for parent, count in counts.items() if count == best]
    return frozenset(top) if best and len(top) == 1 else frozenset()


def _shared_words(words: list[str], other: list[str]) -> int:
    """How many leading words two names share, the last compared by its singular (``term`` of
    ``wp_term_taxonomy``, ``terms`` of ``wp_terms``)."""
    same = 0
    for mine, theirs in zip(words, other, strict=False):
        if mine != theirs and not (singulars(mine) & singulars(theirs)):
            break
        same += 1
    return same


def core_data_row_version(tables: Mapping[str, TableProfile], table: str, column: str) -> bool:
    """Is ``table.column`` the ``Z_OPT`` of an entity's table in an Apple Core Data store (its
    ``Z_PRIMARYKEY`` and ``Z_METADATA``; the table has ``Z_PK``, ``Z_ENT`` and ``Z_OPT``, as
    :func:`.conventions.core_data_dates` reads the store's dates)? It holds the version of its row that
    Core Data's optimistic locking counts up at each save, 1 to a few: the keys 1..N of any small
    entity's table, its own among them, by chance (macOS knowledgeC.db's ``Z_OPT`` "referred to" its 3
    sources). Since 2026-12-06."""
    if column.lower() != "z_opt" or not core_data_store(tables):
        return False
    return CORE_DATA_ENTITY_COLUMNS.issubset(name.lower() for name in tables[table].columns)


def core_data_store(tables: Iterable[str]) -> bool:
    """Is the export an Apple Core Data store (its ``Z_PRIMARYKEY`` and ``Z_METADATA``)? Core Data
    numbers each entity's rows from 1 (``Z_PK``) and the model's entities from 1 (``Z_PRIMARYKEY.Z_ENT``)
    and declares no reference: a small table's first keys are the numbers any of its codes holds."""
    return CORE_DATA_TABLES.issubset(name.lower() for name in tables)


def named_more_elsewhere(column: str, chosen: Inclusion, unreached: Iterable[Inclusion]) -> Inclusion | None:
    """A table whose keys hold the column's values without their reaching its upper half (so no fit of
    its own: :func:`.key_chance.reaches`) that the column's name names by more words than the parent
    chosen among those the values reach (:func:`named_words`), else None. Such a name says that table,
    and the chosen one fits by chance: Zammad's ``tickets.create_article_type_id`` (1 e-mail, 5 phone)
    among the 12 article types, reaching the upper half of the 7 ticket state types only, referred to
    ``ticket_state_types`` until 2026-12-07; now no reference."""
    best = named_words(column, chosen.parent)
    return next((fit for fit in unreached if named_words(column, fit.parent) > best > 0), None)
