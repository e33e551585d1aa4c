"""Column names that name a moment: the words making a column's values dates, spans or events."""

from __future__ import annotations

import re
from itertools import pairwise

from columnar_etl.source.tables import SourceColumn

#: Words of a column's name that say it holds a point in time (``created_at``, ``UpdatedTime``; a
#: file's three times, ``fileLastModified``, ``created``, ``last_accessed``), the
#: last of an access, an expiry or a sighting too (a cookie jar's ``lastAccessed`` and ``expiry``
#: beside its ``creationTime``). A name alone reads integers of 2001-09-09 to 2033-05-18 only, so a
#: word that also names amounts of such digits (``due``: ``amount_due`` in cents; ``received``:
#: ``bytes_received``) is none of these ...
DATE_WORDS = frozenset(
    {
        "date",
        "time",
        "timestamp",
        "datetime",
        "ts",
        "at",
        "on",
        "when",  # an XMPP server's message archive: `"when" INTEGER` of Unix seconds
        "created",
        # The moment of a creation, as `created` names it: a messenger's group chat (WhatsApp's
        # `chat_list.creation`, epoch milliseconds).
        "creation",
        "updated",
        "modified",
        "epoch",
        "accessed",
        "expiry",
        "expires",
        "expiration",
        "seen",
        "visited",
        "completed",
        "published",
        "deleted",
        "touched",
        # The moment of a verification, as `published` names a publication: Auth.js's Drizzle schema
        # on SQLite (Karakeep's `user.emailVerified`, epoch milliseconds, NULL until verified) stayed
        # bigint beside its `createdAt` read as instants (since 2026-12-06). A flag of 0/1 has no
        # epoch's digits; `verified_by`, `verified_count` are an id's and a count's.
        "verified",
        # The moment of an application, as `published` names a publication: a backend's migration
        # log (PocketBase's `_migrations.applied`, `time.Now().UnixMicro()`) stayed bigint with no
        # note (since 2026-12-06). A flag of 0/1 has no epoch's digits; `applied_steps_count` (Prisma's)
        # and `applied_by` are a count's and a person's.
        "applied",
        # A start and a stop of something that ran (a media server monitor's streams, Tautulli's
        # `session_history.started` and `stopped`, Unix seconds beside its `added_at`; since 2026-12-05).
        "started",
        "stopped",
        # A finish and an end, as a stop: a CI server's pipelines, workflows and steps (Woodpecker's
        # `started` and `finished`, Unix seconds; `finished` stayed bigint until 2026-12-06), a call's
        # `ended`. A flag of 0/1 has no epoch's digits; `finished_by`, `ended_id` are a person's, an id's.
        "finished",
        "ended",
        # The last change, as the last update (`update` ends in `date`): Drupal's `changed` beside its
        # `created`, Gramps' `change` of each object, both Unix seconds.
        "change",
        "changed",
        # A monitoring system's every time (Zabbix's `clock`, `write_clock`, a recovery's `r_clock`):
        # Unix seconds.
        "clock",
        # A date-time abbreviated (`start_dt`, `dt_created`), and iCalendar's DTSTART and DTEND (its
        # DTSTAMP ends in `stamp`): a calendar's cache keeps each event's as Unix seconds (khal's
        # `dtstart INT`, `dtend INT`). Not a word only beginning so (`dtype`, `dtmf`).
        "dt",
        "dtstart",
        "dtend",
        # The moment a state began (`member_since`, `activeSince`) and the one it ends (`valid_until`,
        # `active_till`): a monitoring server's alert instances (Grafana's `current_state_since`, Unix
        # seconds, beside `last_eval_time`), a monitoring proxy's maintenance periods (Zabbix's
        # `active_since` and `active_till`); since 2026-12-05. A count of days since one has no
        # epoch's digits; `since_id` is an id.
        "since",
        "until",
        "till",
        # Unix time named as `epoch` names it: a forge's every moment (Gitea's `timeutil.TimeStamp`
        # columns, `<event>_unix` of Unix seconds: an issue's `closed_unix`, a pull request's
        # `merged_unix`, a user's `last_login_unix` stayed bigint beside `created_unix`; since
        # 2026-12-05). An account's `unix_uid` or `unix_gid` is an id (:data:`_NOT_DATE_WORDS`).
        "unix",
        # The zone a moment is written in (`created_utc`, `StartUtc`, `VALID_FROM_UTC`, WordPress's
        # `post_date_gmt`): a value in UTC is a moment's (Gadgetbridge's greenDAO `java.util.Date`
        # columns `VALID_FROM_UTC` and `VALID_TO_UTC`, epoch milliseconds, stayed bigint beside the
        # `START_TIME` read as instants; since 2026-12-06). An offset from it (`utc_offset`) has no
        # epoch's digits.
        "utc",
        "gmt",
        # The moment a record was written, as PHP forums name it in one word (MyBB's and vBulletin's
        # `dateline` of every post, thread, log entry and vote, `TIME_NOW` in Unix seconds; Discuz!'s
        # likewise): it stayed bigint with no note beside the same schema's `regdate` read as instants
        # (since 2026-12-06). `date_line` and `dateLine` name it by their word `date`; a dateline's id
        # or count is none (:data:`_NOT_DATE_WORDS`).
        "dateline",
    }
)
#: The bounds of a validity range (``valid_from``, ``validTo``, ``effective_from``, ``active_to``): a
#: moment each, as ``valid_until`` is by its word ``until``, where a name holds one of these beside
#: one of :data:`_BOUND_WORDS` (``from`` or ``to`` alone name no moment: a sender, a range's numbers).
_VALIDITY_WORDS = frozenset({"valid", "effective", "active"})
_BOUND_WORDS = frozenset({"from", "to"})
#: Words that make a zone's word (``utc``, ``gmt``) name no moment: an offset from it (``utc_offset``,
#: ``gmtOffset``), a flag or a setting about it (``is_utc``, ``use_utc``, ``tz_utc``).
_ZONE_NOT_MOMENT_WORDS = frozenset({"offset", "is", "use", "uses", "tz", "timezone", "zone", "in"})
#: Events that name a moment only as the last one (``last_login``, ``lastLogin``, ``LastLogon``, or one
#: lowercase word, ``lastlogin``): a ``login`` alone may be an account number of ten digits (a trading
#: platform's), so the name must be the last event's and nothing else, or end in it after the words of
#: whose event it is (``user_last_login``, a schema prefixing each column with its entity; since
#: 2026-12-06): ``last_login_ip``, ``user_login``, ``last_login_count`` are none, as ``last_seen`` and
#: ``visited`` are moments by their words.
#: The last use too (``last_used``, ``lastUsed``: an API key's, pyLoad-ng's in epoch milliseconds beside
#: its ``created_at``, or a form history's), where ``used`` alone is an amount (bytes used). The first
#: of such an event is a moment as the last is (:data:`_EVENT_ORDINALS`: a form history's ``firstUsed``
#: beside its ``lastUsed``, ``first_login``). The last activity too (``last_active``, ``lastActive``,
#: ``last_activity``: an XMPP client's, Dino's, each conversation's in Unix seconds beside its messages'
#: ``time``; since 2026-12-05), where ``active`` alone is a flag and ``activity`` a kind of one. The
#: last play (``lastplayed``, ``last_played``: a music player's, Strawberry's, Unix seconds or -1 for
#: never), where ``played`` alone is a count; and the last sighting written as one word
#: (``lastseen``, ``firstseen``), which ``last_seen`` names by its word ``seen`` (since 2026-12-05).
#: The last visit (``last_visit``, ``lastVisit``: a browser's history, luakit's ``history.last_visit``
#: of Unix seconds beside its ``visits``), where ``visit`` alone or ``from_visit`` is the id of one.
#: The last query (``lastQuery``, ``last_query``: a DNS filter's, Pi-hole FTL's ``network.lastQuery``
#: of Unix seconds beside its ``firstSeen`` and ``numQueries``; since 2026-12-05), where ``query``
#: alone is the text or the id of one. The last read and the last sync (``lastRead``, ``last_read``,
#: ``lastSync``, ``last_synced``: a reference manager's, Zotero's ``itemAttachments.lastRead`` and
#: ``libraries.lastSync`` of Unix seconds beside its ``lastProcessedModificationTime``; since
#: 2026-12-05), where ``read``, ``sync`` and ``synced`` alone are flags and ``reads`` a count. The last
#: opening (``last_open``, ``lastOpened``: an e-reader's, KOReader's ``book.last_open`` of Unix seconds
#: beside its page turns' ``start_time``; since 2026-12-05), where ``open`` and ``opened`` alone are
#: flags and ``opens`` a count.
_LAST_EVENT_WORDS = frozenset(
    {
        "login",
        "logon",
        "used",
        "active",
        "activity",
        "played",
        "seen",
        "visit",
        "query",
        "read",
        "sync",
        "synced",
        "open",
        "opened",
        # The last contact (`last_contact`, `lastContact`: a CI server's agents, Woodpecker's Unix
        # seconds beside their `created`; a CRM's people), where `contact` alone is a person or an id
        # (since 2026-12-06).
        "contact",
        # The last scan (`lastScanned`, `last_scanned`, `last_scan`: a media library's folders,
        # PiGallery2's TypeORM `directory_entity.lastScanned` in epoch milliseconds beside its
        # `lastModified`), where `scanned` alone is a flag or a count of pages and `scan` an id
        # (since 2026-12-06).
        "scan",
        "scanned",
        # The last keepalive or heartbeat (`last_keepalive`, `lastHeartbeat`: a security manager's
        # agents, Wazuh's `agent.last_keepalive` of Unix seconds beside their `date_add`, with
        # 9999-12-31 for the manager itself), where `keepalive` alone is a setting (an interval, a
        # flag) and `heartbeat` an interval or a count (since 2026-12-06).
        "keepalive",
        "heartbeat",
        # The last modification abbreviated (`lastmod`, `last_mod`, `lastMod`: the sitemap protocol's
        # `<lastmod>`, Android's DownloadProvider `downloads.lastmod` of Java milliseconds, bigint with no
        # note until 2026-12-07), where `mod` alone is a modulus, a module or a moderator.
        "mod",
    }
)
_EVENT_ORDINALS = frozenset({"first", "last"})
#: Words that name a moment only where the values prove it (a valid 14-digit date-time each, see
#: :func:`.marked_places.named_compact_places`): a user's ``registration`` is when it was made, but a
#: registration number of 10 digits would read as epoch seconds under a date word.
_COMPACT_TIME_WORDS = frozenset({"registration"})
#: ... and words that say it holds something else about it: an id or a person (``update_id``,
#: ``created_by``), a count, a number.
_NOT_DATE_WORDS = frozenset(
    {"id", "by", "key", "no", "nr", "num", "number", "count", "seq", "ref", "uid", "gid", "pk"}
)
#: Words that make a name's time a span of it: ``time_spent`` (a help desk's logged work, Django's
#: DurationField in microseconds), ``elapsedTime``, ``cpu_time``; beside another date word
#: (``spent_at``) the name is an instant's still.
_SPAN_WORDS = frozenset({"spent", "elapsed", "taken", "worked", "idle", "cpu", "duration"})
#: Words that make a name's clock a frequency, a count of it or no calendar's: a CPU's ``clock_speed``
#: in Hz, ``cpu_clock``, ``clock_ticks``, a ``monotonic_clock`` (counted from boot, no epoch); beside
#: another date word (``rate_date``) the name is an instant's still.
_FREQUENCY_WORDS = frozenset(
    {"speed", "rate", "tick", "ticks", "cycles", "hz", "khz", "mhz", "ghz", "cpu", "frequency", "monotonic"}
)
#: A name's words: runs of letters or digits, camelCase split (``lastUpdateID`` → last, update, id).
_NAME_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


#: Endings of a word that make it name a point in time: ``birthdate``, ``mtime``, ``timestamp``, and a
#: name written as one lowercase word, which has no break to find its date word by (``lastmodified``,
#: ``datecreated``, ``lastupdated``: a feed reader's cache, an old PHP schema; ``lastaccessed``,
#: ``lastchanged``; an older Zabbix's ``lastclock``).
_DATE_ENDINGS = ("date", "time", "stamp", "created", "updated", "modified", "accessed", "changed", "clock")
#: Beginnings of a word that make it name a point in time: the time (or date) of an event written as one
#: lowercase word (fail2ban's ``timeofban``, Unix seconds; ``dateofbirth``), as ``time_of_ban`` and
#: ``TimeOfBan`` name it by their word ``time``. Not a time off (``timeoffset``, ``timeoff``: spans), nor
#: a word that is the beginning alone or ends in an id's or a count's word (``timeofbanid``,
#: :data:`_NOT_DATE_WORDS`).
_DATE_BEGINNINGS = ("timeof", "dateof")
#: Words ending like one of a point in time that are none (durations, people, verbs).
_NOT_DATE_ENDINGS = frozenset(
    {
        "candidate",
        "mandate",
        "validate",
        "consolidate",
        "runtime",
        "uptime",
        "downtime",
        "overtime",
        "lifetime",
        "unchanged",
        "exchanged",
    }
)


def _time_of_event(word: str) -> bool:
    """Whether ``word`` is the time of an event glued in one word (:data:`_DATE_BEGINNINGS`)."""
    if not word.startswith(_DATE_BEGINNINGS):
        return False
    start = next(start for start in _DATE_BEGINNINGS if word.startswith(start))
    event = word[len(start) :]
    off = start == "timeof" and event.startswith("f")  # a time off (timeoff, timeoffset), no time of one
    return bool(event) and not off and not event.endswith(tuple(_NOT_DATE_WORDS))


def date_like_name(name: str, date_words: frozenset[str] = DATE_WORDS) -> bool:
    """Whether ``name`` names a point in time, word by word: ``created_at``, ``TKT-Created Time``,
    ``updatedDate``, ``birthdate``, ``last_update``, ``lastmodified``, ``last_login``, ``last_used``,
    ``last_visit``, ``firstUsed`` (:data:`_LAST_EVENT_WORDS`), ``timeofban`` (:data:`_DATE_BEGINNINGS`),
    ``VALID_FROM_UTC``, ``validTo`` (:data:`_VALIDITY_WORDS`), ``viewed_by_me_date`` (ending in its date
    word); not
    ``update_id``, ``candidate``, ``created_by``, ``updated_by_id`` (an id or a person about a time is
    no time), nor ``time_spent``,
    ``elapsedTime`` (a time of a span word alone is a duration: :data:`_SPAN_WORDS`). ``date_words``:
    the words of a time (:data:`DATE_WORDS`, or more where the values prove it)."""
    words = {word.lower() for word in _NAME_WORDS.findall(name)}
    dated = {
        word
        for word in words
        if word in date_words
        or (word.endswith(_DATE_ENDINGS) and word not in _NOT_DATE_ENDINGS)
        or _time_of_event(word)
    }
    if words & _SPAN_WORDS and all(word.endswith("time") for word in dated):
        return False
    if words & _FREQUENCY_WORDS and all(word.endswith("clock") for word in dated):
        return False
    if words & _ZONE_NOT_MOMENT_WORDS and dated and dated <= {"utc", "gmt"}:
        return False
    last_event = bool(
        words & {f"{nth}{event}" for nth in _EVENT_ORDINALS for event in _LAST_EVENT_WORDS}
    ) or (
        len(words & _EVENT_ORDINALS) == 1
        and bool(words & _LAST_EVENT_WORDS)
        and words <= _EVENT_ORDINALS | _LAST_EVENT_WORDS
    )
    ordered = [word.lower() for word in _NAME_WORDS.findall(name)]
    # ... or the name ends in them, the words before naming whose event it is: a schema that prefixes
    # every column with its entity (Drone CI's `user_last_login`, Unix seconds beside `user_created`;
    # bigint with no note until 2026-12-06). Ending there, no word after them makes it an address,
    # a count or an id of the event (`last_login_ip`); `user_login` has no ordinal.
    last_event = last_event or (
        len(ordered) > 2 and ordered[-2] in _EVENT_ORDINALS and ordered[-1] in _LAST_EVENT_WORDS
    )
    validity_bound = any(
        first in _VALIDITY_WORDS and second in _BOUND_WORDS for first, second in pairwise(ordered)
    )
    # A name that ends in its date word names that time whatever words qualify it before: Google Drive's
    # `viewed_by_me_date` is when the user viewed the file (a person's `by` before the date, no person);
    # until 2026-12-07 its epoch milliseconds had no note. Ending in an id's, a person's or a count's word
    # (`created_by`, `updated_by_id`), it is no time.
    ends_dated = bool(ordered) and ordered[-1] in dated
    return bool(dated or last_event or validity_bound) and (ends_dated or not words & _NOT_DATE_WORDS)


def declared_dated(declared_type: str) -> bool:
    return "DATE" in declared_type.upper() or "TIMESTAMP" in declared_type.upper()


def named_compact(column: SourceColumn) -> bool:
    """See :func:`.marked_places.named_compact_places`."""
    return (
        not declared_dated(column.declared_type)
        and not (column.primary_key and not column.composite_key)
        and date_like_name(column.name, DATE_WORDS | _COMPACT_TIME_WORDS)
    )
