"""Gate 1: profile every column of the export — real type, confidence, dirt — from vectorized SQL.

One query per table (:mod:`.sql`) returns, per column, how many values have each shape and which
of them parse; :func:`infer_column` turns those numbers into a :class:`ColumnProfile`. The
declared SQLite type is evidence only: it breaks ties (a 0/1 column declared BOOLEAN is boolean) and is
compared with what the data holds (``type_mismatch``); it never decides on its own.
"""

from __future__ import annotations

import math
import os
import random
import re
import sys
import time
from collections.abc import Callable, Collection, Generator, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal, TypedDict, TypeVar, cast

import duckdb

from columnar_etl.config import ColumnOverride, Settings, load_settings, memory_bytes
from columnar_etl.errors import SourceError
from columnar_etl.models import (
    DATE_TYPES,
    ColumnProfile,
    DateOrder,
    EpochUnit,
    InferredType,
    Issue,
    Profile,
    TableProfile,
)
from columnar_etl.observability.logs import get_logger
from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.profiling.affinity import (
    READ_AS_TIME,
    declared_binary,
    declared_bit,
    declared_family,
    declared_scale,
    declared_wall_clock_time,
    declared_zoned,
    time_of_day_or_interval,
)
from columnar_etl.profiling.cell_sizes import records_over, refuse_large_cells
from columnar_etl.profiling.keys import (
    DeclaredKey,
    data_key,
    declared_keys,
    declared_null_held,
    declared_with_others,
    find_key,
    keep_as_written,
    key_merged_by_cleaning,
    merged_key_columns,
    naming_key,
    never_filled,
)
from columnar_etl.profiling.long_cells import long_text_rows, read_bytes
from columnar_etl.profiling.merged_numbers import KEPT_AS_NUMBERS, keep_numbers_apart, merged_number_columns
from columnar_etl.profiling.native import native_candidates, native_rows
from columnar_etl.profiling.overrides import (
    FORMAT_READS,
    KEPT_EMPTY_NOTE,
    UNTRIMMED_NOTE,
    OverrideReading,
    kept_empty_places,
    order_flag,
    override_reading,
    reading_overrides,
    trimmed_names,
    untrimmed_places,
)
from columnar_etl.profiling.quality import evaluate_gate, score_profile
from columnar_etl.profiling.references import (
    KEPT_PREFIX,
    REFERENCE_TYPES,
    VERSION_WORDS,
    KeptValues,
    Reference,
    dangling_declarations,
    declared_references,
    find_references,
    kept_native_sql,
    kept_values,
    kept_values_sql,
    say_joined_by_cleaning,
)
from columnar_etl.profiling.schema_objects import indexes_not_copied, triggers_not_copied
from columnar_etl.profiling.sql import (
    BOUNDS,
    BREAK_PADDED,
    DATE_SHAPE_BY_CODE,
    DAY_PART_UNITS,
    DURATION_PART_UNITS,
    EXAMPLE_KINDS,
    EXAMPLES,
    INDENTED,
    LINE_ENDED,
    LINE_ENDED_LINES,
    LINES,
    MIN_POSITIVE_INTEGER,
    NUMBER_SHAPES,
    OPEN_END_BOUNDS,
    OPEN_END_CELLS,
    PADDED_WIDTH_BOUNDS,
    SLASH_SHAPES,
    SPACE_PADDED,
    START_PADDED,
    STORAGE_CLASS_NAMES,
    UNGROUPED,
    WALL_CLOCK_SHAPES,
    WORD_FORMS,
    Flag,
    StorageClass,
    column_text_bounds,
    distinct_cells_sql,
    make_code,
    profile_row_order,
    split_code,
    table_profile_sql,
)
from columnar_etl.rules import (
    APOSTROPHE_GROUP_SEPARATORS,
    BOOLEAN_FALSE_WORDS,
    BOOLEAN_TRUE_WORDS,
    CANONICAL_DATE_SHAPES,
    COMPACT_DATE_FORMAT,
    COMPACT_TIMESTAMP_FORMAT,
    DATE_SHAPES,
    DEFAULT_NULL_TOKENS,
    DIGIT_GROUPED_SHAPES,
    DOTNET_TICKS,
    DOTNET_UNIX_EPOCH,
    EPOCH_DAYS,
    EPOCH_MICROS,
    EPOCH_MILLIS,
    EPOCH_NANOS,
    EPOCH_OPEN_ENDS,
    EPOCH_PER_SECOND,
    EPOCH_SECONDS,
    FILETIME_PER_SECOND,
    FILETIME_TICKS,
    FILETIME_UNIX_EPOCH,
    GREGORIAN_FIRST_DAY,
    GROUPED_SHAPES,
    JULIAN_DAYS,
    NEAR_EPOCH_SECONDS,
    NUMERIC_DIGITS,
    OTHER_CALENDARS_FROM_YEAR,
    SPREADSHEET_ERRORS,
    UTC_OFFSET_TEXT,
    WHITESPACE,
    YEARS,
    ZONED_SHAPES,
    DateShape,
    Shape,
    declared_epoch_fits,
    epoch_units,
    whole_digits,
)
from columnar_etl.source.catalogue import ROWID_KEY, SourceColumn, SourceIndex, SourceTable
from columnar_etl.source.cells import ColumnRead, sqlite_affinity
from columnar_etl.source.export import Source, open_source, query_errors
from columnar_etl.source.naming import camel_words
from columnar_etl.source.sqlite_names import resolve_tables
from columnar_etl.wording import agree, counted, such_as

#: A type needs at least this share of the present values to be chosen; the rest is dirt that cleaning
#: quarantines (``TBD`` among dates), and the circuit breaker judges how much of it there is.
MAJORITY = 0.5
#: The families a declared number type claims (SQLite's INTEGER, REAL and NUMERIC affinities).
NUMBER_FAMILIES = ("integer", "numeric", "double")
#: Shapes of a number written with a fraction or an exponent (a REAL cell is one of them).
FRACTION_SHAPES = (Shape.DECIMAL, Shape.EXPONENT)
#: A column whose declared type has TEXT affinity is narrowed to another type only when at
#: most this share of its present values would be quarantined: text is what the export said it is.
TEXT_NARROWING_SHARE = 0.001
#: Integers a double holds exactly (REAL and INTEGER cells in one column become double precision).
EXACT_DOUBLE_INTEGERS = 2**53
#: The widest numeric Arrow carries (decimal128); more digits stay text.
MAX_NUMERIC_DIGITS = NUMERIC_DIGITS
#: A table is read as several rowid ranges in parallel when it has at least this many rows per range
#: (below it, the extra SQLite statements and union cost more than another core gains).
ROWS_PER_PART = 40_000
#: Bytes of ``profile_memory_limit`` per cell (rows x columns) a table may need to be profiled beside
#: others; a bigger one is profiled alone first, with every core. Measured on the wide export at 40x
#: (comments 30M cells, timesheets 51M): side by side the profile ran out of the 256 MB limit (and
#: later, retried alone, peaked at 635 MB and took 76 s); one table at a time took 65 s at 485 MB. At
#: 10x (at most 12.7M cells a table, under the 16.8M this allows) side by side stays ~10 % faster.
ALONE_BYTES_PER_CELL = 16
#: Cells read (whole rows, their rowids drawn at random; at most 20,000 rows, at least 1,000) to
#: estimate how many bytes a table's text columns' distinct cells take once counted
#: (:func:`_counted_bytes`): ~0.3 s of a 5M-row table of five columns (20,000 rows); 20,000 rows of
#: 301 columns took 5.4 s.
COUNTED_SAMPLE_CELLS = 200_000
#: Bytes a distinct cell takes in the counting beside its value's own (its column, class, count and
#: the hash table's entry): with them, the 5M-row table of four near-distinct text columns and an
#: INTEGER key (25M distinct cells, ~0.5 GB of values) is read as a group per column under 256 MB,
#: where the 1M-row one fits as one.
COUNTED_CELL_BYTES = 32
#: A big table profiled beside small ones (a query each on one thread) reads its text columns as this
#: many groups, a query and a thread each (:func:`_text_groups`): the other core does not idle.
TEXT_GROUPS = 2
# Epoch integers: seconds or milliseconds between 2001-09-09 and 2033-05-18.
PERSONAL_DATA_FLAGS = (("email", Flag.EMAIL), ("phone", Flag.PHONE), ("person_name", Flag.PERSON_NAME))
#: Words of a column's name that say it holds a point in time (``created_at``, ``UpdatedTime``; a
#: file's three times, ``fileLastModified``, ``created``, ``last_accessed``), the
#: last of an access, an expiry or a sighting too (a cookie jar's ``lastAccessed`` and ``expiry``
#: beside its ``creationTime``). A name alone reads integers of 2001-09-09 to 2033-05-18 only, so a
#: word that also names amounts of such digits (``due``: ``amount_due`` in cents; ``received``:
#: ``bytes_received``) is none of these ...
_DATE_WORDS = frozenset(
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
    }
)
_EVENT_ORDINALS = frozenset({"first", "last"})
#: Words that name a moment only where the values prove it (a valid 14-digit date-time each, see
#: :func:`named_compact_places`): a user's ``registration`` is when it was made, but a registration
#: number of 10 digits would read as epoch seconds under a date word.
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
#: Words of a span's bound or a deadline (``event_start``, ``event_end``, ``todo_due``): an offset or an
#: amount as often as a moment (a block's ``start`` at 1.5 GB, ``amount_due`` in cents), so a moment only
#: where the integers are epoch microseconds of 2001 to 2033 (:func:`_epoch_reading`), as no offset in
#: bytes (a petabyte) or amount in cents (ten trillion) is: Thunderbird's calendar keeps each event's
#: ``event_start`` and ``event_end`` as PRTime microseconds, which stayed bigint beside its
#: ``event_stamp`` read as instants until 2026-12-06.
_SPAN_BOUND_WORDS = frozenset({"start", "end", "due"})
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


def _date_like_name(name: str, date_words: frozenset[str] = _DATE_WORDS) -> bool:
    """Whether ``name`` names a point in time, word by word: ``created_at``, ``TKT-Created Time``,
    ``updatedDate``, ``birthdate``, ``last_update``, ``lastmodified``, ``last_login``, ``last_used``,
    ``last_visit``, ``firstUsed`` (:data:`_LAST_EVENT_WORDS`), ``timeofban`` (:data:`_DATE_BEGINNINGS`),
    ``VALID_FROM_UTC``, ``validTo`` (:data:`_VALIDITY_WORDS`); not
    ``update_id``, ``candidate``, ``created_by``, ``updated_by_id`` (an id or a person about a time is
    no time), nor ``time_spent``,
    ``elapsedTime`` (a time of a span word alone is a duration: :data:`_SPAN_WORDS`). ``date_words``:
    the words of a time (:data:`_DATE_WORDS`, or more where the values prove it)."""
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
    return bool(dated or last_event or validity_bound) and not words & _NOT_DATE_WORDS


def _compatible(declared: InferredType | None, inferred: InferredType) -> bool:
    if declared is None or declared == inferred:
        return True
    if declared == "timestamp" and inferred == "timestamptz":  # TIMESTAMP WITH TIME ZONE, TIMESTAMPTZ
        return True
    numbers = {"integer", "double", "numeric"}
    # REAL holding 1.25 is numeric, INTEGER-affinity NUMERIC holding 2.5 is numeric: same family.
    return (
        declared in numbers and inferred in numbers and not (declared == "integer" and inferred != "integer")
    )


CommaReading = Literal["decimal", "thousands"]
#: The numbers written with one comma grouping no thousands (``0,5``, ``1,3``): read as decimal commas
#: where the column proves them (:func:`_comma_reading`).
_COMMA_SHAPES = (Shape.COMMA_DECIMAL, Shape.COMMA_JOINED)
#: What comma-joined integers (``1,3``, ``16,10751``) are where nothing proves a decimal comma.
COMMA_JOINED_WHY = (
    "comma-joined integers (ids joined by a comma, or decimals) with nothing proving a decimal comma "
    "(0,5, 1,05, -1,5, digit groups) in the column or the export"
)
#: The own format (``ColumnProfile.own_format``) of a column whose numbers are written with a decimal comma.
DECIMAL_COMMA_FORMAT = "decimal comma"
#: ... and of one whose numbers of a thousand or more are written with commas grouping thousands.
THOUSANDS_COMMA_FORMAT = "thousands comma"
#: The affinities under which SQLite stores number text as a number: ``3.5`` and ``1234.50`` become
#: REAL cells, ``1234`` an INTEGER cell (https://www.sqlite.org/datatype3.html).
_NUMBER_AFFINITIES = frozenset({"INTEGER", "REAL", "NUMERIC"})


def _stored_from_text(
    counts: _Counts,
    declared_type: str,
    *classes: StorageClass,
    among: Mapping[StorageClass, int] | None = None,
) -> int:
    """The cells of ``classes`` (of ``among``, by storage class, else all of them) that may be number
    text a person wrote the canonical way (``3.5``, ``1234.50``): where the column's affinity stores
    such text as a number (INTEGER, REAL, NUMERIC), a number cell may be one, its writing lost, and
    counts as written so beside a column's own format. Under BLOB affinity (no declared type) SQLite
    keeps text as text: a number cell there was bound as a number by a program, written in no format
    at all, and counts neither way (TEXT affinity holds no number cell)."""
    if sqlite_affinity(declared_type) not in _NUMBER_AFFINITIES:
        return 0
    cells = counts.classes if among is None else among
    return sum(cells[storage] for storage in classes)


def _comma_reading(counts: _Counts, text_points: int, proven: bool = False) -> CommaReading | None:
    """How the column's numbers read a comma, by evidence (as slash dates' order is decided).

    A comma only a decimal can hold proves a decimal comma: a fraction starting with 0 (``1,05``,
    ``149,00``: no id is written ``05``), a whole part starting with 0 (``0,5``), a sign (``-1,5``).
    ``1,3`` and ``16,10751`` may be a decimal or two ids joined by a comma (a list of tags): they
    prove neither, and are read as decimals beside such proof, beside fractions written otherwise
    (TEXT ``2.5``, REAL cells: no list of ids holds a fraction), or (``proven``) where the export's
    other columns prove decimal commas (:func:`_commas_as_the_export_proves`). ``3,000,000`` and
    ``1,234.50`` prove commas group
    thousands, as does a point decimal (TEXT ``2.5``) beside ``1,234``: where a point is the decimal
    mark, a comma groups. Proof both ways, or ``1,234`` alone, decides nothing (None): those values
    are not read as numbers.
    """
    decimals = counts.shape(Shape.COMMA_DECIMAL)
    joined = counts.shape(Shape.COMMA_JOINED)
    grouped = counts.shape(Shape.GROUPED_INTEGER, Shape.GROUPED_DECIMAL)
    if (decimals or joined) and grouped:
        return None
    if grouped or (counts.shape(Shape.COMMA_GROUP3) and text_points and not (decimals or joined)):
        return "thousands"
    if decimals or (joined and (proven or text_points or counts.classes[StorageClass.REAL])):
        return "decimal"
    return None


#: The time of day in a date format: where its date part ends.
_TIME_DIRECTIVE = re.compile(r"[ T]?%[HI]")


def date_convention(fmt: str) -> str:
    """The way a date format writes the date: its date part (``%d.%m.%Y`` of ``%d.%m.%Y %H:%M``), a
    month's full name as its abbreviation (``20 May 2025`` reads as either), so that dates with and
    without a time, ``20.05.2025`` beside ``20.05.2025 08:42``, are one regional way of writing. ISO
    dates (``%Y-%m-%d``...) keep their whole format: the canonical forms among them are no other way."""
    date = _TIME_DIRECTIVE.split(fmt, maxsplit=1)[0].rstrip(", ")
    if date.startswith("%Y-%m-%d") or date.startswith("%Y-%-m-%-d"):
        # A fraction written only where it is not 0 (Python's isoformat, .NET's FFFFFFF) and an offset
        # that is UTC's (the canonical instant's +00:00) are the same way of writing as without them;
        # so is Go's optional fraction ([.%f]).
        return fmt.replace("[.%f]", "").replace(".%f", "").replace(UTC_OFFSET_TEXT, "%z")
    return date.replace("%B", "%b")


def _own_format(
    written: Mapping[str, int], total: int, canonical: Mapping[str, int] | None = None
) -> tuple[str | None, int]:
    """The column's own format and the values written otherwise: of ``total`` converted values, the
    non-canonical way most of them are written (``written``: values by format; the rest are written
    canonically), when it holds more than the canonical way does. (None, 0) when the canonical way
    holds most, or as many (the non-canonical values then are the ones written otherwise).
    Canonical values written the own format's way (``canonical``: by way; ``+00:00`` beside
    ``+02:00``, as one writer's offsets are; ``…:00+00:00`` beside ``…:00.000077+00:00``, a fraction
    written only where it is not 0) count as the own format's, never as written otherwise.

    A column written one regional way (``20.05.2025 08:42``, ``3,5``) is written in its format, not
    dirty; mixing ways is what the quality score charges (:mod:`columnar_etl.profiling.quality`).
    """
    if not written:
        return None, 0
    same_way = canonical or {}
    form, count = max(written.items(), key=lambda item: (item[1] + same_way.get(item[0], 0), item[0]))
    # Canonical values written the form's way are of it, not of the canonical way it competes with: a
    # writer that drops a zero fraction (Go's, Python's str) writes most moments canonically and the odd
    # one with its fraction, one way (until 2026-12-06 such a minority cost as a second way).
    same = same_way.get(form, 0)
    if count + same <= total - sum(written.values()) - same:
        return None, 0
    return form, total - count - same


#: The digit-group separators by name, as the profile's issues say them.
_SEPARATOR_NAMES = {
    " ": "spaces (U+0020)",
    "\u00a0": "no-break spaces (U+00A0)",
    "\u202f": "narrow no-break spaces (U+202F)",
    "\u2009": "thin spaces (U+2009)",
    "'": "apostrophes (U+0027)",
    "\u2019": "apostrophes (U+2019)",
}


def _separator_name(separator: str) -> str:
    return _SEPARATOR_NAMES.get(separator, f"U+{ord(separator):04X}")


def _number_shapes(comma: CommaReading | None, groups: str | None = None) -> tuple[Shape, ...]:
    plain = (Shape.INTEGER, Shape.DECIMAL, Shape.EXPONENT, Shape.EXPONENT_BARE)
    grouped = DIGIT_GROUPED_SHAPES if groups is not None else ()
    if comma == "decimal":  # 1.234 is 1234 where commas are decimal: read neither way
        return (*plain, Shape.COMMA_DECIMAL, Shape.COMMA_JOINED, Shape.COMMA_GROUP3, *grouped)
    if comma == "thousands":
        return (*plain, Shape.DOT_GROUP3, *GROUPED_SHAPES)
    return (*plain, Shape.DOT_GROUP3, *grouped)


#: Why a column's numbers grouped by spaces or apostrophes are not read (see :func:`_group_reading`).
GroupDoubt = Literal[
    "separators", "marks", "apostrophe_commas", "comma_groups", "others", "unproven", "codes"
]


def _group_reading(counts: _Counts) -> tuple[str | None, GroupDoubt | None]:
    """The separator grouping the column's digits (``' '``, ``'\\u202f'``, ``"'"`` ...) where its values
    prove the convention, else None and what is in doubt (None too where no value is so grouped).

    Grouping by spaces is read as evidence decides commas, but stricter: a space also stands between
    two numbers (a count beside another, ``12 345`` in a free-text field), and phone numbers, postcodes
    and account numbers are digits in spaced groups too. The column proves the convention when
    - its grouped values all use one separator (a column mixing U+0020 and U+00A0, or spaces and
      apostrophes, proves none; nor does one beside comma groups, ``1,234,567``);
    - its decimals use one decimal mark: a comma after spaces (``39 924,83``, and ``924,83``), or a
      point (``39 924.83``, ``1'234.50``, and ``924.83``; apostrophes beside ``3,5`` prove none);
    - every present value is a number in that convention: integers, decimals with that mark, grouped
      numbers, INTEGER and REAL cells; a word, a code, an exponent or a date among them proves none;
    - and some value only grouping explains: a decimal part after the groups, two groups or more, or a
      separator nobody types between two numbers (no-break or thin space, apostrophe). ``123 456`` and
      integers alone stay text: one number or two, nothing tells.
    Phone numbers (``06 12 34 56 78``), postcodes (``123 45``) and other groups not of three digits
    have no number's shape at all: their column is text whatever else it holds; and a column whose
    every value is an integer grouped by spaces, all of one width of nine digits or more (a Czech phone
    number's ``601 123 456``), holds codes (:func:`_grouped_codes`): text too.
    """
    grouped = counts.shape(*DIGIT_GROUPED_SHAPES)
    if not grouped:
        return None, None
    low, high = counts.agg.get("min_separator"), counts.agg.get("max_separator")
    if low is None or low != high:
        return None, "separators"
    separator = chr(int(low))
    text = counts.text_shape
    commas = text(Shape.COMMA_DECIMAL, Shape.COMMA_JOINED, Shape.DIGIT_GROUPED_COMMA)
    points = text(Shape.DECIMAL, Shape.DIGIT_GROUPED_POINT)
    if commas and points:
        return None, "marks"
    if commas and separator in APOSTROPHE_GROUP_SEPARATORS:  # Swiss apostrophes go with a point
        return None, "apostrophe_commas"
    if counts.shape(Shape.GROUPED_INTEGER, Shape.GROUPED_DECIMAL) or (points and text(Shape.COMMA_GROUP3)):
        return None, "comma_groups"
    convention = [Shape.INTEGER, *DIGIT_GROUPED_SHAPES]
    if commas:
        convention += [Shape.COMMA_DECIMAL, Shape.COMMA_JOINED, Shape.COMMA_GROUP3]
    elif points:
        convention += [Shape.DECIMAL, Shape.DOT_GROUP3]
    numbers = counts.classes[StorageClass.INTEGER] + counts.classes[StorageClass.REAL] + text(*convention)
    if numbers != counts.present():
        return None, "others"
    if not counts.shape(Shape.DIGIT_GROUPED_INTEGER, Shape.DIGIT_GROUPED_COMMA, Shape.DIGIT_GROUPED_POINT):
        return None, "unproven"
    if separator == " " and _grouped_codes(counts):
        return None, "codes"
    return separator, None


#: The fewest digits (three full groups) of the space-grouped integers a column of one width reads as
#: codes, not numbers (:func:`_grouped_codes`).
CODE_GROUP_DIGITS = 9


def _grouped_codes(counts: _Counts) -> bool:
    """Whether every present value is a positive integer grouped by U+0020 into two groups or more, all
    of one width of :data:`CODE_GROUP_DIGITS` digits or more: codes written in groups, not amounts.

    libphonenumber writes a Czech, Polish mobile, Portuguese or Luxembourg mobile number in its national
    format as ``601 123 456`` (django-phonenumber-field's ``PHONENUMBER_DB_FORMAT = "NATIONAL"``), a
    French SIREN is written ``732 829 320``: three groups of three, no leading zero, every value as wide
    as the next. Amounts vary in magnitude, so in width; and a number formatter groups by a no-break,
    narrow or thin space (or an apostrophe), which this test leaves to the numbers. Read, each code
    would be a bigint its dashboards compare with text, its grouping lost.
    """
    if counts.shape(Shape.DIGIT_GROUPED_INTEGER) != counts.present():
        return False
    low, high = counts.agg.get("min_number"), counts.agg.get("max_number")
    if low is None or high is None or low <= 0:
        return False
    return len(str(int(low))) == len(str(int(high))) >= CODE_GROUP_DIGITS


#: A column's padded values of several lines (a line break in their trimmed text; null tokens aside),
#: folded from the profile query's :data:`.sql.LINES` of its padded codes (:func:`fold_groups`):
#: documents, loaded byte for byte unless the operator's ``trim = true`` trims them.
PADDED_LINES = "padded_lines"


class _Counts:
    """One column's figures (:func:`fold_groups`), decoded: each code folds a shape and per-value flags."""

    def __init__(self, agg: dict[str, Any]) -> None:
        self.agg = dict(agg)
        self._shapes: dict[int, int] = {}
        #: The shapes of TEXT cells alone (an INTEGER or REAL cell's text says nothing of its writer).
        self._text_shapes: dict[int, int] = {}
        self._flags: dict[int, int] = {int(flag): 0 for flag in Flag}
        self._valid: dict[tuple[int, int], int] = {}
        #: Date-shaped values by shape and by which readings make them a date (their valid-order bits).
        self._orders: dict[tuple[int, int], int] = {}
        self.classes: dict[StorageClass, int] = dict.fromkeys(StorageClass, 0)
        #: Every raw example value handed out (:meth:`examples`, :meth:`date_examples`): what the column's
        #: texts may quote (``ColumnProfile.shown``).
        self.shown: set[str] = set()
        #: Slash (dashed) dates that are no date read in an order but are one in the other, by order.
        self.other_order: dict[str, int] = {"day_first": 0, "month_first": 0}
        #: Integers read as compact dates (``20250520``) and timestamps (``20250520084207``), by format
        #: (set by :func:`infer_column`, see :func:`_compact`).
        self.compact: dict[str, int] = {}
        text_points = 0
        both = Flag.VALID_DAY_FIRST | Flag.VALID_MONTH_FIRST
        for code, count in (agg["codes"] or {}).items():
            storage, shape, bits = split_code(int(code))
            self.classes[storage] += count
            self._shapes[shape] = self._shapes.get(shape, 0) + count
            if storage == StorageClass.TEXT:
                self._text_shapes[shape] = self._text_shapes.get(shape, 0) + count
            if shape in DATE_SHAPE_BY_CODE:
                self._orders[(shape, bits & both)] = self._orders.get((shape, bits & both), 0) + count
            if shape in SLASH_SHAPES and bits & both == Flag.VALID_MONTH_FIRST:
                self.other_order["day_first"] += count
            elif shape in SLASH_SHAPES and bits & both == Flag.VALID_DAY_FIRST:
                self.other_order["month_first"] += count
            if storage == StorageClass.TEXT and shape == Shape.DECIMAL:
                text_points += count
            for flag in Flag:
                if bits & flag:
                    self._flags[int(flag)] += count
                    key = (shape, int(flag))
                    self._valid[key] = self._valid.get(key, 0) + count
        #: TEXT decimals written with a point (``3.5``): beside decimal commas, another way of writing.
        self.text_points = text_points
        self.comma = _comma_reading(self, text_points, bool(self.agg.get(COMMAS_PROVEN)))
        #: The separator of the column's numbers grouped by spaces or apostrophes, where its values
        #: prove the convention (:func:`_group_reading`); a decimal comma beside them is proven too.
        self.groups, self.group_doubt = _group_reading(self)
        if self.groups is not None and self.text_shape(*_COMMA_SHAPES, Shape.DIGIT_GROUPED_COMMA):
            self.comma = "decimal"
        #: ``1E5`` beside integers only (no other fraction, no REAL cell): codes (a product's, a
        #: postcode's), not numbers written with an exponent.
        fractions = (
            Shape.DECIMAL,
            Shape.DOT_GROUP3,
            Shape.EXPONENT,
            *_COMMA_SHAPES,
            Shape.GROUPED_DECIMAL,
            Shape.DIGIT_GROUPED_COMMA,
            Shape.DIGIT_GROUPED_POINT,
        )
        self.exponent_codes = bool(self.shape(Shape.EXPONENT_BARE)) and not (
            self.shape(*fractions) or self.classes[StorageClass.REAL]
        )
        #: ``1.23457E+11`` beside integers only (no other fraction, no REAL cell), every exponent
        #: standing for a whole number (none reads as a fraction): the column's integers show that its
        #: writer writes whole numbers out, so these are a display's rounding of long ones (a
        #: spreadsheet shows a number of more than 11 digits so, and saves it so to CSV), their other
        #: digits lost. Read, each would be a number that looks exact and names nothing (123457000000
        #: among 12-digit ids): the column stays text, every cell as written. An exponent standing for
        #: a fraction (``2.25e-2``) is a number written with an exponent, read as before.
        fractions_but_exponents = tuple(f for f in fractions if f != Shape.EXPONENT)
        self.exponent_display = (
            bool(self.text_shape(Shape.EXPONENT))
            and bool(self.shape(Shape.INTEGER))
            and not (self.shape(*fractions_but_exponents) or self.classes[StorageClass.REAL])
            and not (self.agg.get("max_scale") or 0)
        )
        #: ``1.200`` is 1.2, or (a German or Italian thousands separator) 1200. The point is proven a
        #: decimal mark by a point decimal no group can be (``12.5``, ``0.750``, ``1234.5``), a REAL
        #: cell or an exponent, an ungrouped integer of four digits or more (1200 would be ``1.200``),
        #: or commas that group thousands (``1,234.50``). Without proof a dot group is read neither way.
        self.decimal_points = bool(
            text_points
            or self.classes[StorageClass.REAL]
            or self.shape(Shape.EXPONENT)
            or (self.agg.get("max_digits") or 0) >= 4
            or self.comma == "thousands"
            # Where spaces or apostrophes group thousands, a point is a decimal mark.
            or self.groups is not None
            # The export's other columns write a point as the decimal mark, and none a decimal comma
            # (_points_as_the_export_proves): one export, one writer, one way of writing a number.
            or bool(self.agg.get(POINTS_PROVEN))
        )
        self._read_bounds()

    def _read_bounds(self) -> None:
        """The number bounds and scale as the column's :attr:`comma` reading reads its comma groups
        (the query gives the comma groups apart: ``min_grouped`` / ``max_grouped``, as thousands)."""
        low, high = self.agg.get("min_grouped"), self.agg.get("max_grouped")
        if self.comma is None or low is None or high is None:
            return
        if self.comma == "decimal":  # only comma groups (1,234 = 1.234) can be among them
            low, high = low / 1000, high / 1000
            if self.shape(Shape.COMMA_GROUP3):
                self.agg["max_scale"] = max(self.agg["max_scale"] or 0, 3)
        for key, value, pick in (("min_number", low, min), ("max_number", high, max)):
            current = self.agg[key]
            self.agg[key] = value if current is None else pick(current, value)

    def _read_shapes(self) -> tuple[Shape, ...]:
        shapes = _number_shapes(self.comma, self.groups)
        unread = {Shape.EXPONENT_BARE} if self.exponent_codes else set()
        if self.exponent_display:
            unread |= {Shape.EXPONENT, Shape.EXPONENT_BARE}
        if not self.decimal_points:
            unread.add(Shape.DOT_GROUP3)
        # A REAL cell's infinity: only ever in a double column (REAL cells make one, see _lossless).
        return (*(s for s in shapes if s not in unread), Shape.REAL_INFINITY)

    def numbers(self) -> int:
        """Values that are numbers as the column reads its commas and exponents."""
        return self.shape(*self._read_shapes())

    def integers(self) -> int:
        """Values that are integers as the column reads its commas (``1,234`` with thousands)."""
        return self.shape(*self._integer_shapes())

    def _integer_shapes(self) -> tuple[Shape, ...]:
        grouped = (Shape.COMMA_GROUP3, Shape.GROUPED_INTEGER) if self.comma == "thousands" else ()
        if self.groups is not None:
            grouped = (Shape.SPACE_GROUP3, Shape.DIGIT_GROUPED_INTEGER)
        return (Shape.INTEGER, *grouped)

    def minus_signs(self, integer: bool) -> int:
        """The numbers (integers, with ``integer``) the column reads that are written with U+2212
        MINUS SIGN before their digits (:attr:`Flag.MINUS_SIGN`): the cleaner reads each with '-'."""
        shapes = self._integer_shapes() if integer else self._read_shapes()
        return sum(self.valid(shape, None, Flag.MINUS_SIGN) for shape in shapes)

    def unread(self) -> int:
        """Number-shaped values the column cannot read: a comma with no reading or a conflict, a dot
        group beside decimal commas, exponent-like codes."""
        return self.shape(*(s for s in NUMBER_SHAPES if s not in self._read_shapes()))

    def __getitem__(self, key: str) -> Any:
        return self.agg[key]

    def measured_whole(self) -> bool:
        """Whether the query counted the whole digits of some number's text (``max_digits`` of its
        integers, ``max_whole`` of its decimals and exponents)."""
        return self.agg["max_whole"] is not None or self.agg["max_digits"] is not None

    def shape(self, *shapes: Shape) -> int:
        """Values whose shape is one of ``shapes``."""
        return sum(self._shapes.get(int(s), 0) for s in shapes)

    def text_shape(self, *shapes: Shape) -> int:
        """TEXT values whose shape is one of ``shapes``."""
        return sum(self._text_shapes.get(int(s), 0) for s in shapes)

    def present(self) -> int:
        """Values that are neither NULL, nor empty, nor a null token."""
        absent = (Shape.NULL, Shape.EMPTY, Shape.NULL_LIKE)
        return sum(n for shape, n in self._shapes.items() if shape not in absent)

    def flag(self, flag: Flag) -> int:
        """Values carrying ``flag``."""
        return self._flags[int(flag)]

    def padded_values(self) -> int:
        """Padded values but null tokens (made NULL whatever pads them): what a layout of the column's
        padding (line terminators, fixed widths, indentation) must account for, every one."""
        return self.flag(Flag.PADDED) - self.valid(Shape.NULL_LIKE, None, Flag.PADDED)

    def padded_documents(self) -> int:
        """Padded values of several lines (a line break in their trimmed text; null tokens aside):
        documents, which cleaning loads byte for byte unless ``trim = true`` (:data:`PADDED_LINES`)."""
        return int(self.agg.get(PADDED_LINES) or 0)

    def valid(self, shape: Shape, order: DateOrder | None, flag: Flag | None = None) -> int:
        """Values of ``shape`` that are real dates when slash dates are read in ``order`` (or, with
        ``flag``, that carry it)."""
        if flag is None:
            flag = Flag.VALID_MONTH_FIRST if order == "month_first" else Flag.VALID_DAY_FIRST
        return self._valid.get((int(shape), int(flag)), 0)

    def read(self, shape: Shape, flags: int, excluding: int = 0) -> int:
        """Date-shaped values of ``shape`` that are dates in a reading of ``flags`` (a valid-order flag,
        or both), and in none of ``excluding`` (an override's formats read them, see .overrides)."""
        return sum(
            n
            for (code, bits), n in self._orders.items()
            if code == shape and bits & flags and not bits & excluding
        )

    def date_examples(self, shows: Callable[[int, int], bool]) -> tuple[str, ...]:
        """Up to five raw example values of the date shapes whose (shape, valid-order bits) ``shows``."""
        found: dict[tuple[int, int], list[Any]] = self.agg.get("ex_dates") or {}
        values = sorted(v for (shape, bits), shown in found.items() if shows(shape, bits) for v in shown)
        return self._shown(tuple(str(v).replace("\x00", "\\0") for v in values[:EXAMPLES]))

    def examples(self, key: str) -> tuple[str, ...]:
        """Up to five raw example values for ``key`` (``null_like``, ``other``, ...)."""
        values: list[Any] | None = self.agg[f"ex_{key}"]
        # NUL bytes shown as \0 so examples stay printable and JSON-safe.
        return self._shown(tuple(str(v).replace("\x00", "\\0") for v in values or []))

    def _shown(self, examples: tuple[str, ...]) -> tuple[str, ...]:
        self.shown.update(examples)
        return examples


#: What keeps a column's numbers grouped by spaces or apostrophes unread (:func:`_group_reading`).
_GROUP_DOUBTS: dict[str, str] = {
    "separators": "are grouped by more than one separator",
    "marks": "are grouped beside decimals written both with a comma and with a point",
    "apostrophe_commas": "are grouped by apostrophes beside decimal commas",
    "comma_groups": "are grouped by spaces or apostrophes beside numbers grouped by commas",
    "others": "are grouped by spaces or apostrophes beside values that are no numbers in that convention",
    "unproven": "may be one number or two beside each other (123 456) and no value tells which",
    "codes": (
        "are all of one width of nine digits or more in groups of three (601 123 456): codes written in"
        " groups (phone numbers, company numbers), not amounts"
    ),
}


def _points_unread(counts: _Counts) -> int:
    """Numbers such as ``1.200`` the column leaves unread: no value of its own proves the point a
    decimal mark, and no decimal comma makes it a thousands separator."""
    if counts.decimal_points or counts.comma == "decimal":
        return 0
    return counts.shape(Shape.DOT_GROUP3)


def _commas_unproven(counts: _Counts) -> int:
    """Comma-joined integers (``1,3``, ``16,10751``) the column leaves unread for want of a proof of
    a decimal comma, where such a proof alone would read them (no thousands group of its own says
    otherwise): the export's other columns may prove it."""
    if counts.comma is not None or not counts.text_shape(Shape.COMMA_JOINED):
        return 0
    if _comma_reading(counts, counts.text_points, proven=True) != "decimal":
        return 0
    return counts.shape(Shape.COMMA_JOINED, Shape.COMMA_GROUP3)


def _no_integer_but_zero(counts: _Counts) -> bool:
    """The column holds no integer but ``0``: its numbers such as ``1.200`` are all it writes, as a
    writer of three decimals writes every number (``317.250``, ``0``). Beside ``850`` or ``7`` they
    are a writer's numbers of a thousand or more grouped by a point (a German stock list's ``1.200``
    beside ``850``), which no other column's proof reads as decimals."""
    low, high = counts.agg.get("min_integer"), counts.agg.get("max_integer")
    return not counts.shape(Shape.INTEGER) or low == high == 0


def _decimal_mark(counts: _Counts) -> Literal["point", "comma"] | None:
    """How the column's TEXT numbers write a decimal mark by their own proof (``ColumnProfile.decimal_mark``):
    a decimal comma (``0,5``, ``1,05``, ``39 924,83``; ``1,3`` only beside digit groups proving the
    convention), a point decimal no thousands group can be (``2.5``), or None for neither or both."""
    commas = counts.text_shape(Shape.COMMA_DECIMAL, Shape.DIGIT_GROUPED_COMMA)
    if counts.groups is not None:
        commas += counts.text_shape(Shape.COMMA_JOINED)
    if commas and counts.text_points:
        return None
    return "comma" if commas else "point" if counts.text_points else None


def _unread_reason(counts: _Counts, unread: int) -> str:
    """Why a column of numbers stays text: ``unread`` of them read two ways and nothing tells which."""
    grouped = counts.shape(*DIGIT_GROUPED_SHAPES)
    if counts.group_doubt is not None and grouped:
        shown = ", ".join(repr(value) for value in counts.examples("digit_grouped")[:2])
        doubt = _GROUP_DOUBTS[counts.group_doubt]
        if grouped == 1:
            doubt = re.sub(r"^are ", "is ", doubt)
        return f"{such_as(grouped, 'number', shown)} {doubt}: kept as text"
    if counts.exponent_display:
        shown = ", ".join(repr(value) for value in counts.examples("exponent")[:2])
        return (
            f"{such_as(unread, 'number', shown)} beside integers only {agree(unread, 'stands', 'stand')} for "
            "whole numbers with digits "
            "left out (a spreadsheet's display of a long number): kept as text, every cell as written "
            "(set the column's type to read them as numbers)"
        )
    if counts.exponent_codes:
        return (
            f"{such_as(unread, 'value', '1E5', example=False)} beside integers "
            f"{agree(unread, 'looks', 'look')} like codes, not exponents: kept as text "
            "(set the column's type to read them as numbers)"
        )
    if _points_unread(counts):
        return (
            f"{such_as(unread, 'number', '1.200', example=False)} may be 1.2 or (a point grouping "
            "thousands) 1200, and no value "
            "tells which: kept as text (set the column's type to read them as decimals)"
        )
    joined = counts.shape(Shape.COMMA_JOINED)
    if counts.comma is None and joined and not counts.shape(Shape.GROUPED_INTEGER, Shape.GROUPED_DECIMAL):
        shown = ", ".join(repr(value) for value in counts.examples("comma")[:2])
        return (
            f"{such_as(joined, 'value', shown)} {agree(joined, 'is', 'are')} {COMMA_JOINED_WHY}: kept as "
            "text; decimal_comma = true "
            "in [columns] reads them as decimals"
        )
    if counts.comma == "decimal":
        why = (
            f"{such_as(unread, 'number', '1.234', example=False)} {agree(unread, 'reads', 'read')} as 1234 "
            "beside decimal commas (3,5), as 1.234 elsewhere"
        )
    elif counts.shape(*_COMMA_SHAPES):
        why = (
            f"{counted(unread, 'number')} with commas {agree(unread, 'is', 'are')} written both as decimal "
            "commas (3,5) and with thousands "
            "separators (1,234.50)"
        )
    else:
        why = (
            f"{such_as(unread, 'number', '1,234', example=False)} may have a decimal comma or a thousands "
            "separator and no "
            "value tells which"
        )
    return why + ": kept as text (set decimal_comma or thousands_separator in [columns])"


#: The note of a column whose slash dates prove both orders (see :func:`_date_order`).
CONFLICTING_ORDER = "conflicting date order evidence"


def _date_order_proof(tables: Collection[TableProfile]) -> dict[str, list[str]]:
    """``{order: ["table.column", ...]}``: the columns of ``tables`` whose slash dates prove an order
    (and not both: a conflicting column proves nothing)."""
    proven: dict[str, list[str]] = {}
    for table in tables:
        for column in table:
            if column.date_order in ("day_first", "month_first") and not any(
                note.startswith(CONFLICTING_ORDER) for note in column.notes
            ):
                proven.setdefault(column.date_order, []).append(f"{table.name}.{column.name}")
    return proven


def _read_as_the_export_proves(tables: dict[str, TableProfile], default: DateOrder = "day_first") -> None:
    """Read the slash dates of columns that prove no order (``5/1/2025``, ``06/03/2025``) in the one
    order the export's other date columns prove, when they all prove the same one without conflict.

    An export comes from one system, and one system writes its dates one way: a US billing table's
    ``period_start`` (always the 1st) was read day-first beside an ``order_date`` proven month-first
    (helper 21: every month swapped). The column keeps its ``ambiguous_date_order`` issue, saying what
    decided instead. Where the export's columns prove both orders (a help desk of two sites, each
    table written as its site writes dates), the column's own table decides where its columns prove
    one: a Boston table's ``due`` (every day 12 or less) was read day-first beside its own ``created``
    proven month-first, because a Paris table proved day-first (until 2026-12-02). With no proof, or
    proof both ways in its table too, ``date_order_default`` (``default``) applies, and a note says so
    as a proof's does (until 2026-12-02 only the issue's detail said it).
    """
    export = _date_order_proof(tables.values())
    for table in tables.values():
        proven, whose = export, "the export's"
        if len(export) > 1:
            proven, whose = _date_order_proof([table]), "the table's"
        if len(proven) != 1:
            why = (
                "the export's date columns prove both orders"
                if export
                else "no value in the export proves it"
            )
            for name in table.rereads:
                if table[name].as_written is None:
                    table[name].notes.append(
                        f"slash dates read {default.replace('_', '-')} by date_order_default: {why} "
                        "(set date_order_default, or the column's formats, if that is not the export's order)"
                    )
            table.rereads.clear()
            continue
        ((order, witnesses),) = proven.items()
        shown = ", ".join(witnesses[:3]) + (f" and {len(witnesses) - 3} more" if len(witnesses) > 3 else "")
        reading = order.replace("_", "-")
        also = " (the export's prove both orders)" if proven is not export else ""
        for name, reread in table.rereads.items():
            if table[name].as_written is not None:
                continue  # a key loaded as written: text, its dates are read in no order
            column = reread(cast(DateOrder, order))
            column.export_date_order = cast(Literal["day_first", "month_first"], order)
            column.issues = [
                replace(
                    issue, detail=f"no value proves day or month first; read as {reading}, as {shown} prove"
                )
                if issue.kind == "ambiguous_date_order"
                else issue
                for issue in column.issues
            ]
            column.notes.append(
                f"slash dates read {reading}: {whose} other date columns ({shown}) prove it{also}"
            )
            table.columns[name] = column
        table.rereads.clear()


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


def _blanks_as_the_table_writes_missing(
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
    constraints (:func:`unique_members`), whose NULLs are no second way of writing a missing text
    (:func:`_text_blank_typed_null`). ``added_later``: per table, its columns added after rows were
    written (:func:`_columns_added_later`), whose NULLs are those rows' and no way of writing missing
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
        by_kind = _text_blank_typed_null(columns, unique.get(name, set()))
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


def _columns_added_later(src: Source, tables: Mapping[str, TableProfile]) -> dict[str, set[str]]:
    """Per table holding ``''`` somewhere, its columns whose NULLs are all in its oldest rows
    (:meth:`Source.nulls_before_values`), where they are the only NULLs (and no null token) that keep
    the table from writing a missing value one way and are its last columns: columns without a
    declared default added by
    ``ALTER TABLE ... ADD COLUMN`` to a table already holding rows, which SQLite gives NULL there. A
    Go server's steps (Drone CI's ``steps.step_schema``, added in a release after the table, its
    later rows ``''`` where a step has none, as every string of the table) scored its ``step_error``
    blanks 0 until 2026-12-06. Each such column gets a note; one scan per table concerned."""
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
        if (
            not holding
            # ADD COLUMN appends: such columns are the table's last, none declared after them
            # holding a value where they hold NULL (a NULL in the first row of a column declared
            # among the others is one the application wrote).
            or set(order[len(order) - len(holding) :]) != {column.name for column in holding}
            or any(
                column.null_like_count
                or declared[column.name].default is not None
                or declared[column.name].primary_key
                for column in holding
            )
        ):
            continue
        later = src.nulls_before_values(name, [column.name for column in holding])
        if len(later) < len(holding):
            continue  # another column's NULLs write a missing value all the same
        found[name] = later
        for column in holding:
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
    return _bare_default(default) in {"''", '""'}


def _bare_default(default: str | None) -> str:
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


def _literal_default(default: str | None) -> tuple[str | None, str | None]:
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
    DEFAULT when that is a string (:func:`_literal_default`); None otherwise (a nullable column, no
    default, a number or an expression). The schema forbids a missing value there, so that text is one
    of the column's values, never a way of writing none (see :func:`_tokens_as_values`)."""
    if not column.not_null:
        return None
    text, _ = _literal_default(column.default)
    return text


def _text_blank_typed_null(columns: Sequence[ColumnProfile], unique: set[str] | None = None) -> bool:
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
    20 until 2026-12-06)."""
    unique = unique or set()
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
        for column in texts
    ):
        return False
    if any(column.null_like_count or (column.empty_string_count and column.null_count) for column in strings):
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


def unique_members(indexes: Sequence[SourceIndex]) -> dict[str, set[str]]:
    """Per table, the columns of its declared UNIQUE indexes and constraints, a partial one (unique
    among some rows only) or an expression's aside: a column where two rows cannot both write ``''``."""
    members: dict[str, set[str]] = {}
    for index in indexes:
        if index.unique and not index.partial:
            members.setdefault(index.table, set()).update(c for c in index.columns if c is not None)
    return members


#: The ``null_like`` issue's detail where every row of a column is one null token, spelled one way.
TOKEN_IS_UNFILLED = (
    "every row is this one token: the column holds no value, written one way (made NULL, no cost)"
)


def _tokens_as_unfilled_columns(tables: Mapping[str, TableProfile]) -> None:
    """Mark the columns (``ColumnProfile.token_is_unfilled``) every row of which is the same null token,
    spelled one way (``None`` in each row; not ``None`` beside ``N/A``, a NULL, ``''`` or a value):
    such a column holds no value, written one way, as one every row of which is ``''`` does
    (:func:`_blanks_as_the_table_writes_missing`), and becomes a column of NULLs, which costs nothing at
    the source either. That is an application's enumeration whose "none" member is the word (MLflow's
    model version stage ``None`` while no stage is used: its ``model_versions`` scored 92.9, the column
    0). Each token is still made NULL and audited. A key loaded as written keeps its tokens
    (:func:`_tokens_kept_in_keys`); padding, a NUL byte or an encoding to decode is a change beside."""
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


def _json_nulls_as_missing(
    tables: Mapping[str, TableProfile], documents: Callable[[str, Sequence[str]], set[str]]
) -> None:
    """Mark the columns (``ColumnProfile.json_null_is_missing``) of JSON whose one way of writing a
    missing value is JSON's own ``null``, spelled so in every such row: no NULL, no ``''``, no other
    null token (the issue's examples, the smallest of every token's row, are that one word). A column
    is of JSON when it is declared ``JSON`` (``JSONB``), or when ``documents`` (the source's
    :meth:`~columnar_etl.source.export.Source.json_documents`, asked only of the columns so far
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


def _tokens_kept_in_keys(tables: Mapping[str, TableProfile], not_null: Mapping[str, set[str]]) -> None:
    """Mark the columns loaded as written (a declared key whose values cleaning would make NULL, or a
    column referencing one, whose tokens name the key's rows) whose null tokens arrive as the text
    they are (``ColumnProfile.token_kept_in_key``): either a value of the key (a chat bot's user called
    ``null``, its nicknames keyed by (id, slug)) or the one way to write "none" the key has, as
    :func:`_blanks_as_the_table_writes_missing` says of its ``''``. Only where the tokens are all
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


def _points_as_the_export_proves(tables: dict[str, TableProfile]) -> None:
    """Read numbers such as ``1.200`` that no value of their own column proves a decimal or a thousands
    group, in a column holding no other integer than ``0`` (``ColumnProfile.points_unproven``), as
    decimals where the export's other columns of numbers write a point as the decimal mark (``2.5``,
    ``0.750`` as TEXT: ``decimal_mark`` ``point``) and no column of the export writes a decimal comma.

    An export comes from one writer, and one writer writes its numbers one way: an Apple Health
    export's daily ``activeEnergyBurned`` (``317.250``, always three decimals) stayed text beside its
    records' ``value`` (``0.173``) and workouts' ``totalDistance`` (``4.750000``), read as decimals
    (until 2026-12-05). A German stock list's ``1.200`` (1200) beside ``850`` in its column, or beside
    ``3,5`` elsewhere in its export, or in an export of no point decimal at all, is still read neither
    way: text, as its type reason says.
    """
    commas = any(
        column.decimal_mark == "comma" for table in tables.values() for column in table.columns.values()
    )
    _reread_as_witnessed(
        tables,
        "point",
        lambda table: table.point_rereads,
        lambda column, shown: (
            f"{such_as(column.points_unproven, 'number', '1.200', example=False)} read as "
            f"{agree(column.points_unproven, 'a decimal', 'decimals')}: the export's other "
            f"columns of numbers ({shown}) write a point as the decimal mark, and none a decimal comma"
        ),
        blocked=commas,
    )


def _commas_as_the_export_proves(tables: dict[str, TableProfile]) -> None:
    """Read comma-joined integers (``1,3``, ``16,10751``) that no value of their own column proves
    decimals (``ColumnProfile.commas_unproven``) as decimal commas where another column of the export,
    read as numbers, proves a decimal comma by its own values (``0,5``, ``1,05``, ``-1,5``,
    ``39 924,83``: ``decimal_mark`` ``comma``).

    An export comes from one writer, and a German one writes every number so: a quantity column of
    ``2,5`` and ``12,25`` beside a price column of ``149,00`` is of decimals. Ids joined by commas (a
    TypeORM ``simple-array`` of tag ids, ``'1,3'``; Overseerr's ``media_request.tags``) were read as
    one number each (1.3) until 2026-12-06; with no such column in the export they stay text, as
    their type reason says.
    """
    _reread_as_witnessed(
        tables,
        "comma",
        lambda table: table.comma_rereads,
        lambda column, shown: (
            f"{such_as(column.commas_unproven, 'number', '1,3', example=False)} read as "
            f"{agree(column.commas_unproven, 'a decimal', 'decimals')}: the export's other "
            f"columns of numbers ({shown}) prove a decimal comma"
        ),
    )


def _reread_as_witnessed(
    tables: Mapping[str, TableProfile],
    mark: Literal["point", "comma"],
    rereads: Callable[[TableProfile], dict[str, Callable[[], ColumnProfile]]],
    note: Callable[[ColumnProfile, str], str],
    *,
    blocked: bool = False,
) -> None:
    """Replace each column a table's ``rereads`` can read again as decimals by that reading, where
    other columns of the export read as numbers write ``mark`` as their decimal mark (the witnesses,
    named in the column's ``note``, given its profile as first read) and nothing ``blocked`` it; a
    column the rereading leaves text (for another reason as well) or one loaded as written stays."""
    witnesses = [
        f"{table.name}.{column.name}"
        for table in tables.values()
        for column in table.columns.values()
        if column.decimal_mark == mark and column.inferred_type in ("numeric", "double")
    ]
    shown = ", ".join(witnesses[:3]) + (f" and {len(witnesses) - 3} more" if len(witnesses) > 3 else "")
    for table in tables.values():
        pending = rereads(table)
        for name, reread in pending.items():
            if blocked or not witnesses or table[name].as_written is not None:
                continue
            column = reread()
            if column.inferred_type not in ("numeric", "double"):
                continue  # text for another reason as well
            column.notes.append(note(table[name], shown))
            table.columns[name] = column
            if table.key_found == "data_unique" and name in table.key:
                _key_found_again(table)
        pending.clear()


#: The type reason of a column with no present value, typed by its declaration alone.
NO_VALUES_REASON = "no values: the declared type"


def _empty_moments_as_the_export_writes(tables: Mapping[str, TableProfile]) -> None:
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


def _empty_epochs_as_the_table_writes(tables: Mapping[str, TableProfile]) -> None:
    """Type an integer column named as a moment (:func:`_date_like_name`) that holds no value yet as
    instants (``timestamptz``, in their unit) where every other column of its table so named that
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
            and _date_like_name(column.name)
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
                and _date_like_name(column.name)
            ):
                column.inferred_type = "timestamptz"
                column.epoch_unit = unit
                column.notes.append(
                    f"no values; declared {column.declared_type or 'no type'}, typed timestamptz: every "
                    f"other column of its table named as a moment that holds integers ({shown}) reads "
                    f"them as epoch {unit}, so its first value will be one too"
                )


def _key_found_again(table: TableProfile) -> None:
    """Find ``table``'s key in the data again once its key column is read as another type: a key found
    in the data is an integer, text or short bytes column (keys.data_key), and a column of numbers
    such as ``317.250``, unique text when the key was found, is a measurement once read as decimals
    (an Apple Health export's ``activity_summary`` was keyed, and loaded with a PRIMARY KEY, on its
    ``activeEnergyBurned`` until 2026-12-05). The next column the rule finds is the key (unique among the
    rows but their exact copies, as before), or none; nothing is counted again."""
    column = data_key(table, table.duplicate_rows or 0, exclude=tuple(table.key))
    table.key, table.key_found = ([column], "data_unique") if column is not None else ([], None)
    table.key_part_of = None


def _reread(infer: Callable[..., ColumnProfile], order: DateOrder) -> ColumnProfile:
    return infer(date_order_default=order)


def _dates_read(
    counts: _Counts, reading: DateOrder, by_override: OverrideReading | None
) -> Iterator[tuple[str, DateShape, int]]:
    """(format, shape, values) of each way the column's dates are read: every shape in ``reading``, or
    each of an override's formats, a value of a shape both of whose formats it lists read by the first
    (the cleaner's ``first_formats``)."""
    if by_override is None or not by_override.formats:
        for spec in DATE_SHAPES:
            fmt = spec.month_first if reading == "month_first" and spec.month_first else spec.day_first
            yield fmt, spec, counts.valid(spec.shape, reading)
        return
    taken: dict[Shape, int] = {}
    for fmt in by_override.formats:
        shape, flag = FORMAT_READS[fmt]
        yield fmt, DATE_SHAPE_BY_CODE[shape], counts.read(shape, flag, excluding=taken.get(shape, 0))
        taken[shape] = taken.get(shape, 0) | int(flag)


def _date_order(counts: _Counts, default: DateOrder) -> tuple[DateOrder | None, str | None]:
    """Day-first if a first field > 12 proves it, month-first if a second field does; else ambiguous."""
    if counts.shape(*SLASH_SHAPES) == 0:
        return None, None
    day, month = counts.flag(Flag.FIRST_GT12), counts.flag(Flag.SECOND_GT12)
    if day and not month:
        return "day_first", None
    if month and not day:
        return "month_first", None
    if day and month:
        order: DateOrder = "day_first" if day >= month else "month_first"
        return order, f"{CONFLICTING_ORDER} ({day} day-first, {month} month-first); chose {order}"
    return "ambiguous", None


def binary_text(counts: _Counts) -> str | None:
    """Why a column of TEXT cells holds binary data written as TEXT (Chromium's protobuf blobs bound
    as strings), or None: more than half of its non-empty TEXT values hold a NUL byte no text's
    terminator explains (:attr:`Flag.BINARY_NUL`: another byte after it, or control bytes before it),
    or are no UTF-8 and hold control bytes (bytes PHP's PDO bound as strings: an Eloquent ``binary()``
    column of ``random_bytes()``, most values without a NUL).
    PostgreSQL's text holds no NUL: as text, each value lost its NULs, its ends as whitespace and its
    other bytes to the encoding fallback; as bytea each arrives byte for byte (audited ``as_bytes``).
    NULs ending text (a C string's terminator), or in a minority of the values, are text's: the NULs
    are removed (``nul_removed``), the value kept text."""
    binary = counts.flag(Flag.BINARY_NUL)
    written = counts.classes[StorageClass.TEXT] - counts.text_shape(Shape.EMPTY)
    if not binary or binary / written <= MAJORITY:
        return None
    return (
        f"{binary:,} of {written:,} TEXT values hold a NUL byte that ends no text (bytes after it, or "
        "control bytes before it), or control bytes in what is no UTF-8: binary data written as TEXT, "
        "kept byte for byte"
    )


def _other_numbers(counts: _Counts, present: int) -> bool:
    """Every value a number, and some not 0 or 1: a declared BOOLEAN column of Access's Yes/No copied
    as ``CInt`` (-1 for true), of a tri-state flag (0/1/2), or of scores or shares (``0.5``, ``1.5``:
    REAL cells). Those numbers are what the column means (no rule reads -1 or 0.5 as true): it is a
    number column, not a boolean one with them quarantined (until 2026-12-03 a REAL cell's fraction
    made the column boolean, each such cell quarantined, NULL: half a column of them)."""
    return counts.numbers() == present and counts.flag(Flag.ZERO_ONE) < present


def infer_column(
    table: str,
    column: SourceColumn,
    row_count: int,
    agg: dict[str, Any],
    *,
    date_order_default: DateOrder = "day_first",
    override: ColumnOverride | None = None,
    blob_numerals: int = 0,
    points_proven: bool = False,
    commas_proven: bool = False,
    never_set: tuple[str, int, bool] | None = None,
    trimmed: bool = False,
) -> ColumnProfile:
    """Decide a column's type and issues from its aggregate row (no data is read here); a date column
    whose reading ``override`` names (``formats``, ``date_order``) is read as it says (.overrides).
    ``blob_numerals``: BLOB cells the source read as the numerals they spell (``Source.numeral_blobs``),
    among the TEXT cells of ``agg``.

    A column declared a date or timestamp that reads as one holds its ``0`` cells as MySQL's zero date
    (:func:`_zero_dates_as_null_like`): they are null-like, as the text ``0000-00-00 00:00:00`` is, and
    its plan reads :data:`ZERO_DATE_TOKEN` as NULL (``ColumnProfile.zero_dates``). ``never_set``: its
    declared DEFAULT that is no date (one no calendar has, or text that writes none) and how many cells
    hold it, counted null-like in ``agg`` already (:func:`never_set_default`): the plan reads it as
    NULL too.

    ``points_proven``: the export's other columns prove a point the decimal mark, so numbers such as
    ``1.200`` are decimals (:func:`_points_as_the_export_proves`); ``commas_proven``: they prove a
    decimal comma, so comma-joined integers such as ``1,3`` are decimals
    (:func:`_commas_as_the_export_proves`). ``trimmed``: the operator's ``trim = true`` for the
    column: documents (:func:`line_terminated`, :func:`indented`, :func:`break_padded`) are trimmed as
    it asks, not loaded byte for byte (``ColumnProfile.layout_kept``)."""
    if points_proven:
        agg = {**agg, POINTS_PROVEN: True}
    if commas_proven:
        agg = {**agg, COMMAS_PROVEN: True}
    infer = partial(
        _infer_column,
        table,
        column,
        row_count,
        date_order_default=date_order_default,
        override=override,
        blob_numerals=blob_numerals,
        trimmed=trimmed,
    )
    profiled = _zero_dates_read(column, infer, agg)
    if never_set is not None:
        token, cells, dated = never_set
        profiled.zero_dates.append(token)
        what = (
            'a date no calendar has: the schema\'s "not set"'
            if dated
            else "text that writes no date (SQL's current time quoted is stored as its text: no time "
            "was recorded)"
        )
        profiled.notes.append(
            f"{cells:,} {'cell holds' if cells == 1 else 'cells hold'} {token}, the DEFAULT the column "
            f"declares ({column.declared_type}), {what}, no date: NULL (rule null_like_to_null, as "
            "0000-00-00 00:00:00)"
        )
    return profiled


def _zero_dates_read(
    column: SourceColumn, infer: Callable[[dict[str, Any]], ColumnProfile], agg: dict[str, Any]
) -> ColumnProfile:
    """The column's profile (``infer`` of ``agg``: :func:`_infer_column`), its MySQL zero dates read
    as such (:func:`_zero_dates_as_null_like`)."""
    inferred = infer(agg)
    zeros = _zero_dates_as_null_like(column, inferred, agg)
    if zeros is None:
        return inferred
    reread = infer(zeros[0])
    if reread.inferred_type != inferred.inferred_type:
        return inferred
    reread.zero_dates = [ZERO_DATE_TOKEN]
    reread.notes.append(
        f"{zeros[1]:,} {'cell holds' if zeros[1] == 1 else 'cells hold'} {ZERO_DATE_TOKEN} in a column "
        f"declared {column.declared_type} whose other values are dates: MySQL's zero date as SQLite "
        "stores a DEFAULT 0, no date: NULL (rule null_like_to_null, as 0000-00-00 00:00:00)"
    )
    return reread


#: The key of a column's figures saying the export proves a point the decimal mark (``infer_column``'s
#: ``points_proven``): not one of the profile query's.
POINTS_PROVEN = "points_proven"
#: ... and a decimal comma (``infer_column``'s ``commas_proven``).
COMMAS_PROVEN = "commas_proven"


#: The DEFAULTs SQLite fills with the current time in UTC as ``YYYY-MM-DD HH:MM:SS`` (Shape.TS_ISO),
#: as written in a schema (lower case, parentheses and spaces aside).
UTC_NOW_DEFAULTS = frozenset({"current_timestamp", "datetime('now')", 'datetime("now")'})


def _current_timestamps_beside_instants(column: SourceColumn, counts: _Counts, zoned: int, dates: int) -> int:
    """How many of a column's date/time values are its DEFAULT's current time in UTC beside instants
    written with an offset (``zoned`` of its ``dates``), else 0: the column declares ``DEFAULT
    CURRENT_TIMESTAMP`` (or ``datetime('now')``), which SQLite writes as ``2025-05-20 08:42:00`` in UTC,
    and every value without an offset is of that shape (Shape.TS_ISO). An ORM writing its instants with
    their offset (Sequelize's ``… +00:00``, Prisma's, Go's) beside a raw INSERT's rows (a seed, a
    migration's backfill) writes both: one column of instants, not wall-clock times beside them (until
    2026-12-05 text). Values of another shape without an offset (a fraction, a ``T``) are no DEFAULT's:
    their zone is unknown, and the column stays text."""
    if re.sub(r"\s+", "", _bare_default(column.default).lower()) not in UTC_NOW_DEFAULTS:
        return 0
    naive = dates - zoned
    return naive if naive > 0 and counts.shape(Shape.TS_ISO) == naive else 0


#: The reason a column named as a version, of numbers with a point written as TEXT, stays text.
VERSION_TEXT = "versions or ids written with a point (1.10 follows 1.9, not 1.1): labels, kept as text"


#: The last words of a column's name that say its numbers with a point are labels: versions
#: (:data:`.references.VERSION_WORDS`) and dotted identifiers (``id``: Mnemosyne's ``fact_view_id``
#: ``'2.1'``, a card kind's second view).
LABEL_WORDS = VERSION_WORDS | {"id"}


#: The reason a name/value table's value column of numbers written as TEXT stays text.
SETTING_TEXT = (
    "the values of a name/value table (a declared unique name beside them): each of the kind its "
    "setting says, kept as text"
)


def _setting_text(column: SourceColumn, counts: _Counts) -> bool:
    """Whether a column of numbers is a name/value table's values (:attr:`SourceColumn.setting_value`,
    :func:`~columnar_etl.source.catalogue.setting_values`) written as TEXT alone: each row's value is
    of the kind its row's name says (vnStat's ``info``: its version ``2.10``, a schema number ``1``, a
    creation time), and the next setting may be a word. A value column the application wrote as
    INTEGER or REAL cells is typed by its writer, as any column."""
    return (
        column.setting_value
        and not counts.classes[StorageClass.INTEGER]
        and not counts.classes[StorageClass.REAL]
    )


def _version_text(column: SourceColumn, counts: _Counts) -> bool:
    """Whether a column of numbers with a point is of versions or dotted ids: its name's last word
    says so (:data:`LABEL_WORDS`: ``version``, ``scenario_version``, ``appVersion``, ``revision``,
    ``fact_view_id``) and they are TEXT, no REAL among them (a version stored as a REAL is a number
    already: the writer chose it). Read as decimals, ``0.1`` would arrive as ``0.10`` beside ``0.2``,
    and ``1.10`` would equal ``1.1``. Whole numbers (schema versions 1..12, ids) stay integers."""
    words = camel_words(column.name)
    return bool(words) and words[-1] in LABEL_WORDS and not counts.classes[StorageClass.REAL]


def never_set_default(
    column: SourceColumn, groups: list[dict[str, Any]], override: ColumnOverride | None
) -> tuple[list[dict[str, Any]], tuple[str, int, bool] | None]:
    """``groups`` (a column's rows of the profile query) with the cells holding the column's declared
    DEFAULT counted null-like where that DEFAULT is no date: the column is declared a date or
    timestamp, its DEFAULT is a text literal written as a date that no calendar has
    (``'0000-01-01T00:00:00.000Z'``, year 0: SpatiaLite's ``geometry_columns_time`` rows are created
    holding it in each of their times, and only the ones that happened are ever set) or as no date at
    all (``'now()'``, ``'CURRENT_TIMESTAMP'``: an ORM given SQL's current time as a string quotes it, and
    SQLite stores the text in each row inserted without the column: no time was recorded), and the cells
    of that text's code are that text alone. Such a DEFAULT is what ``0000-00-00 00:00:00`` is to
    MySQL: no date, NULL by the null-token rule (audited), not an impossible or unparseable date
    quarantined (a table's column of them halted the run). The rows unchanged and None otherwise: a
    column no DEFAULT or a valid one declares keeps such text an impossible or unparseable date, and so
    does one whose operator sets its reading (``override``). The third item: the DEFAULT is written as
    a date (of no calendar)."""
    token, _ = _literal_default(column.default)
    if (
        override is not None
        or not token
        or declared_family(column.declared_type) not in ("date", "timestamp")
    ):
        return groups, None
    both = Flag.VALID_DAY_FIRST | Flag.VALID_MONTH_FIRST
    rows: list[dict[str, Any]] = []
    cells = 0
    dated = False
    for row in groups:
        if row["code"] is not None:
            storage, shape, bits = split_code(int(row["code"]))
            if (
                storage == StorageClass.TEXT
                and (shape in DATE_SHAPE_BY_CODE or shape == Shape.OTHER)
                and not bits & both
                and int(row["distinct_values"]) == 1
                and [str(value) for value in row["examples"] or []] == [token]
            ):
                cells += int(row["cells"])
                dated = shape in DATE_SHAPE_BY_CODE
                row = {**row, "code": make_code(storage, Shape.NULL_LIKE, bits)}
        rows.append(row)
    return (rows, (token, cells, dated)) if cells else (groups, None)


#: The value a column declared a date or timestamp holds for MySQL's zero date where its schema says
#: ``DEFAULT 0`` (SQLite stores the INTEGER 0, not the text ``0000-00-00 00:00:00``).
ZERO_DATE_TOKEN = "0"


def _zero_dates_as_null_like(
    column: SourceColumn, inferred: ColumnProfile, agg: dict[str, Any]
) -> tuple[dict[str, Any], int] | None:
    """``agg`` with the column's ``0`` cells counted null-like, and how many they are, where they are
    MySQL's zero date: the column is declared a date or timestamp (``DATETIME DEFAULT 0``, Bacula's
    ``EndTime`` of a job still running), reads as one (its other values are dates: ``inferred``), and
    holds no other number. None otherwise: epoch integers beside 0 (a column of numbers, whose note
    says "0 for no date"), integers counting days, an undeclared column (nothing says its 0 is a date;
    beside date text it stays text, every value as written), or 0s that are most of the column (it
    does not read as dates)."""
    if declared_family(column.declared_type) not in ("date", "timestamp") or column.counts_from is not None:
        return None
    if inferred.inferred_type not in DATE_TYPES or inferred.as_written is not None:
        return None
    codes: dict[int, int] = {}
    zeros = numbers = 0
    for code, count in (agg["codes"] or {}).items():
        storage, shape, bits = split_code(int(code))
        if shape in NUMBER_SHAPES:
            numbers += count
        if shape == Shape.INTEGER and bits & Flag.ZERO_ONE and not bits & Flag.TRUE_WORD:
            zeros += count
            code = make_code(storage, Shape.NULL_LIKE, bits & ~int(Flag.ZERO_ONE))
        codes[int(code)] = codes.get(int(code), 0) + count
    if not zeros or numbers != zeros:
        return None
    examples = sorted({*(agg.get("ex_null_like") or []), ZERO_DATE_TOKEN})[:EXAMPLES]
    return {**agg, "codes": codes, "ex_null_like": examples}, zeros


def _infer_column(
    table: str,
    column: SourceColumn,
    row_count: int,
    agg: dict[str, Any],
    *,
    date_order_default: DateOrder = "day_first",
    override: ColumnOverride | None = None,
    blob_numerals: int = 0,
    trimmed: bool = False,
) -> ColumnProfile:
    """:func:`infer_column`, the column's 0s read as its values say."""
    counts = _Counts(agg)
    nulls, empty, null_like = (
        counts.shape(Shape.NULL),
        counts.shape(Shape.EMPTY),
        counts.shape(Shape.NULL_LIKE),
    )
    present = row_count - nulls - empty - null_like
    family = declared_family(column.declared_type)
    # Seconds since another epoch (a Core Data date, see catalogue.core_data_dates) are no YYYYMMDD.
    counts.compact = _compact(counts, column, family, present) if column.counts_from is None else {}
    compact = sum(counts.compact.values())
    # A timestamp finer than PostgreSQL keeps is a date by its look: it counts towards a date column,
    # which _lossless then keeps text rather than round it.
    n_dates = counts.shape(*DATE_SHAPE_BY_CODE, Shape.TS_FINER_THAN_MICROSECONDS) + compact
    n_numbers = counts.numbers() - compact
    n_bool_words = counts.shape(Shape.BOOLEAN_WORD)
    n_bool = n_bool_words + counts.flag(Flag.ZERO_ONE)
    if family == "integer" and n_bool_words and declared_bit(column.declared_type):
        # SQL Server's and MySQL's BIT is a flag: its 0s and 1s stay the integers they are (a column of
        # them alone is bigint), but an application that binds its flags as words (a Kobo eReader's
        # 'true'/'false' under `IsDownloaded BIT NOT NULL DEFAULT 1`) writes a boolean, as under BOOL.
        family = "boolean"
    fractional = counts.numbers() - counts.integers()
    # PostgreSQL's infinity and NaN beside a column's dates or numbers are values of its type: they
    # count towards its majority (a temporal table's valid_to is 'infinity' for every current row),
    # and _lossless then keeps the column text.
    non_finite = counts.shape(Shape.NON_FINITE)
    # Dates of two-digit years count towards a column declared a date (never read: _lossless keeps it
    # text); undeclared, they are text like any other.
    two_digit = counts.shape(Shape.TWO_DIGIT_YEAR) if family in ("date", "timestamp") else 0
    notes: list[str] = []
    # The unit of the column's epoch integers, where they are read as instants (ColumnProfile.epoch_unit),
    # and the stand-ins for no end beside them its note quotes.
    epoch_unit: str | None = None
    open_ends_quoted: list[str] = []
    #: Values that are the column's DEFAULT CURRENT_TIMESTAMP beside instants with their offset.
    defaulted = 0

    classes = counts.classes
    inferred: InferredType
    reason: str
    # Moments written two ways in a column declared a date or timestamp (see below): text, but every
    # value one of the declared type's: no misfit.
    two_ways = False
    # Binary data written as TEXT (NUL bytes inside most values): bytea, as BLOB cells make it.
    written_binary = None if classes[StorageClass.BLOB] else binary_text(counts)
    if classes[StorageClass.BLOB]:
        inferred, reason = "bytea", "BLOB cells: bytes, kept byte for byte"
    elif written_binary:
        inferred, reason = "bytea", written_binary
    elif present == 0:
        # No value to go by: the declared type (a BLOB column with no attachment yet is bytea, so that
        # a later export's first attachment changes no type). Blank TEXT cells are no attachment: a
        # binary-declared column of '' alone (a wiki's NOT NULL DEFAULT '' name, every string declared
        # BLOB) is text, its blanks NULL by the rule, as in any text column.
        binary = family is None and declared_binary(column.declared_type) and not classes[StorageClass.TEXT]
        inferred, reason = "bytea" if binary else family or "text", NO_VALUES_REASON
        if declared_zoned(column.declared_type):
            # TIMESTAMPTZ, WITH TIME ZONE: instants, as the next export's first value with its offset
            # will be (until 2026-12-05 a timestamp without time zone, whose type that value changed).
            inferred = "timestamptz"
    elif (
        family == "boolean"
        and n_bool / present >= MAJORITY
        and not _other_numbers(counts, present)
        and not _lists_no_boolean(column)
    ):
        inferred, reason = "boolean", "boolean spellings"
    elif (
        n_bool_words
        and family not in NUMBER_FAMILIES
        and present - n_bool <= TEXT_NARROWING_SHARE * present
        and 0 < counts.flag(Flag.TRUE_WORD) < n_bool
        and not _lists_no_boolean(column)
    ):
        # Undeclared, every value must be a spelling: Y/N/T/F are also sizes, genders, directions
        # and country codes (M/F/N, S/M/L/XL, NO/SE/DK), whose other values are no boolean at all.
        # And both truths must be there: a column of NO alone is a Norwegian customer list, of F
        # alone a maternity ward's patients, of no alone a language (helper 21: all were false).
        # Declared a number type (INTEGER, REAL, NUMERIC), the 0s and 1s are numbers, as in a column
        # of them alone: a word among them does not make them booleans (until 2026-12-03 one ``yes``
        # in an INTEGER column of 0/1 loaded the column as booleans).
        inferred, reason = "boolean", "boolean spellings"
    elif non_finite == present and family in (*NUMBER_FAMILIES, *DATE_TYPES):
        # Nothing but infinities or NaN written as text where the declared type is a number or a date
        # (a temporal table whose every row is current: valid_to 'infinity' in each): values of that
        # type, as beside its other values; _lossless keeps them text, every value as written, and
        # they misfit nothing (until 2026-12-03 "text where the declared type says otherwise", every
        # value a type_mismatch: two such columns in a table of six halted the run).
        inferred, reason = family, "infinities or NaN written as text"
    elif n_dates and n_numbers and (numbers := _moment_numbers(column, family, counts, fractional)):
        # Instants written two ways (an ORM's epoch milliseconds beside the text a raw SQL insert's
        # DEFAULT CURRENT_TIMESTAMP wrote; SQLite's REAL julianday() or Python's REAL time.time() beside
        # it): neither are invalid numbers nor unparseable dates, whichever are more; none to quarantine.
        inferred, reason = (
            "text",
            f"{n_numbers} {numbers.phrase} and {n_dates} values are date/time text: "
            "instants written two ways, kept as text (every value as written)",
        )
        two_ways = family in DATE_TYPES
    elif not n_dates and n_numbers == present and (moments := _numbers_two_ways(column, family, counts)):
        # Nothing but numbers, of two of SQLite's ways (strftime('%s') integers beside julianday()
        # REALs): a double would hold them, but as two units no reader could tell apart; text, as
        # moments written two ways beside date text are.
        inferred, reason = (
            "text",
            f"{n_numbers} {moments}: instants written two ways, kept as text (every value as written)",
        )
        two_ways = True
    elif (n_dates or two_digit) and (n_dates + two_digit + non_finite) / present >= MAJORITY:
        # A timestamp finer than microseconds has a time of day, offset or not; whether it has an
        # offset its shape does not say, so the offsets are compared among the others (_lossless keeps
        # such a column text: Go's nanoseconds beside its zero time 0001-01-01 00:00:00+00:00 mix
        # nothing, and a column of them alone is of timestamps, as declared: no type mismatch).
        finer = counts.shape(Shape.TS_FINER_THAN_MICROSECONDS)
        # Declared DATE, a valid wall-clock time at exactly midnight is a whole day written as a
        # timestamp (sqlite-jdbc's date_class=TEXT writes a java.sql.Date `2024-05-27 00:00:00.000`):
        # it makes no timestamp of the column (until 2026-12-04 it did).
        dated = family == "date"
        timed = (
            any(_times_of_day(counts, s.shape, declared_date=dated) for s in DATE_SHAPES if s.has_time)
            or bool(counts.compact.get(COMPACT_TIMESTAMP_FORMAT))
            or bool(finer)
        )
        zoned = counts.shape(*ZONED_SHAPES)
        inferred = "timestamptz" if zoned else "timestamp" if timed else "date"
        if two_digit and not timed and family == "timestamp":
            inferred = "timestamp"  # Oracle's 20-MAY-24 08.42.00.000000 AM: no shape says its time
        reason = "date/time text in recognised formats" + (", with a UTC offset: instants" if zoned else "")
        if _before_the_gregorian_calendar(counts):
            inferred, reason = "text", BEFORE_GREGORIAN
        elif zoned and (
            defaulted := _current_timestamps_beside_instants(column, counts, zoned, n_dates - finer)
        ):
            # SQLite writes its CURRENT_TIMESTAMP in UTC: the DEFAULT's text in rows a raw INSERT left
            # it to fill, beside the instants an ORM wrote with their offset, is an instant too.
            reason += (
                f"; {defaulted} without one {'is' if defaulted == 1 else 'are'} the column's DEFAULT "
                f"{column.default}, which SQLite writes in UTC: read as UTC"
            )
        elif zoned and zoned < n_dates - finer:
            # An instant and a wall-clock time (whose zone nobody wrote down) cannot share a column
            # without guessing that zone.
            inferred, reason = (
                "text",
                (
                    f"{zoned} of {n_dates} date/time values carry a UTC offset and the others do not: "
                    "kept as text (set the column's type to read them)"
                ),
            )
            # Every value a moment, as a date column declares: written two ways, none misfits (GDAL
            # writes a GeoPackage DATETIME with its offset where known; until 2026-12-05 each value
            # was a type_mismatch). A value of no date shape beside them: charged as before.
            two_ways = family in DATE_TYPES and n_dates + non_finite == present
    elif (unread := counts.unread()) and (n_numbers + unread) / present >= MAJORITY:
        # Numbers, but some that nothing tells how to read: reading them either way would guess
        # (1,234 is 1.234 in Berlin and 1234 in Boston; 1E5 is a code beside integers).
        inferred, reason = "text", _unread_reason(counts, unread)
    elif n_numbers and (n_numbers + non_finite) / present >= MAJORITY:
        scale = counts["max_scale"] or 0
        if _setting_text(column, counts):
            # A name/value table's values: each row's is of the kind its name says (a version 2.10, a
            # count, a path), numbers among them by chance.
            inferred, reason = "text", SETTING_TEXT
        elif fractional == 0:
            inferred, reason = "integer", "integers"
        elif _version_text(column, counts):
            # 1.10 follows 1.9 and is not 1.1: a version written with a point is a label, and as a
            # decimal it would read 0.10 for the 0.1 written (a CrowdSec agent's scenario_version).
            inferred, reason = "text", VERSION_TEXT
        elif family == "numeric" or counts.shape(Shape.EXPONENT, Shape.EXPONENT_BARE) == 0:
            # Decimal text is exact as numeric at any scale; a double would round past 15-17 digits.
            inferred, reason = "numeric", f"decimals with at most {scale} fraction digits"
        elif _fixed_scale_exponents(counts):
            # Python's str of a Decimal quantized to 8 places: '1.50000000' beside '0E-8' and '5.0E-7'
            # (Tortoise ORM's DecimalField, VARCHAR(40)): decimals of one scale, not floats.
            inferred, reason = (
                "numeric",
                f"decimals written with {scale} fraction digits each (exponents too)",
            )
        else:
            inferred, reason = "double", "floating-point numbers"
    elif present and counts.shape(Shape.TIME_OF_DAY) == present:
        # Declared a time of day without zone (only such a column's text is shaped so: see _clocked),
        # and every present value is one: PostgreSQL's time, each value read as its time. One value
        # of another shape (a date with it, 24:00, an offset, 7 fraction digits, a word, a number)
        # and the values decide as before: text, every value as written.
        inferred, reason = "time", "times of day (24-hour, no UTC offset) in a column declared a time of day"
    else:
        inferred, reason = "text", "text"
    shaped = inferred
    inferred, reason, whole = _lossless(
        inferred, reason, counts, column.declared_type, present, key=column.primary_key
    )
    dates_beside_default = (
        _dates_beside_default_zeros(column, counts, present)
        if inferred == "text" and shaped != "text"
        else None
    )
    if inferred == "date" and (
        midnights := sum(counts.valid(s, None, Flag.MIDNIGHT) for s in WALL_CLOCK_SHAPES)
    ):
        notes.append(
            f"{midnights:,} {_values(midnights)} written as a timestamp at midnight in a column declared "
            f"{column.declared_type}: read as {'its' if midnights == 1 else 'their'} day, the time of zeros "
            "dropped (audited date_format)"
        )
    # Numbers alone of one of SQLite's ways of storing a moment with a fraction (julianday() REALs,
    # time.time() seconds) where a date is declared: kept as numbers (a double holds each exactly; a
    # timestamp would round them), every value a moment as declared: no misfit (until 2026-12-03 each
    # was a type_mismatch, "declared DATETIME but the values are double", and such a column halted a
    # small export's run). The note says how a reader gets the instant.
    # Where only the name says moment (Dagster's `start_time FLOAT`, beets' `mtime`), the same note,
    # nothing else (a misfit of a declared type is one still: read_as_moment is a declared date's).
    # The same numbers written as decimal text (str(time.time()) in a VARCHAR, as a web archiver keys
    # its snapshots) are numeric, every value as written: the same note since 2026-12-05.
    # Days since 1970 in a column declared DATE (R's Date with extended_types): integers as written,
    # no misfit (until 2026-12-04 each was a type_mismatch, "declared DATE but the values are
    # integer", and nothing said what they count); the note gives the day.
    one_way = (
        _moment_numbers(column, family, counts, fractional)
        if inferred in ("double", "numeric") and fractional and not n_dates
        else _epoch_days(column, family, counts)
        or _windows_filetime(column, family, counts)
        or _epoch_nanoseconds(column, family, counts)
        if inferred == "integer" and not n_dates
        else None
    )
    read_as_moment = _moment_expression(column, one_way) if family in DATE_TYPES else None
    beside_no_dates: tuple[EpochUnit, tuple[int, ...]] | None = None
    if one_way is None and inferred == "integer" and not n_dates:
        # Epoch integers beside 0 for "no date" (Trac's version time) stay integers, as written (no
        # read_as_moment: a declared date's misfits are as before); since 2026-12-04 the note says
        # what the others are, nothing else.
        one_way = _epoch_beside_zeros(column, family, counts)
        if one_way is not None and one_way.unit in _EPOCH_UNITS.values():  # nanoseconds: never read
            beside_no_dates = (cast(EpochUnit, one_way.unit.value), one_way.no_dates)
    instant = _moment_expression(column, one_way)
    if one_way is not None and instant is not None:
        declared = f" in a column declared {column.declared_type}" if family in DATE_TYPES else ""
        kept = {"integer": "bigint", "numeric": "numeric"}.get(inferred, "double precision")
        moment = "day" if one_way.unit == MomentUnit.EPOCH_DAYS else "instant"
        notes.append(
            f"{one_way.phrase}{declared}: {KEPT_AS_NUMBERS}{kept}), every value as written; "
            f"the {moment} is {instant}"
        )
    order: DateOrder | None = None
    issues: list[Issue] = []
    minimum: Any = None
    maximum: Any = None
    date_formats: dict[str, int] = {}
    own_format: str | None = None
    format_misfits = 0
    reading_override: dict[str, Any] | None = None

    def add(kind: str, count: int, examples: tuple[str, ...] = (), detail: str | None = None) -> None:
        if count > 0:
            issues.append(Issue(kind, int(count), examples[:5], detail))

    if inferred in DATE_TYPES:
        order, conflict = _date_order(counts, date_order_default)
        if conflict:
            notes.append(conflict)
        # The operator's override of the column's reading, where the profile can count it (.overrides).
        by_override, unscored = override_reading(
            override,
            inferred,
            order,
            "month_first" if date_order_default == "month_first" else "day_first",
            compact=bool(counts.compact),
        )
        if unscored:
            notes.append(unscored)
        reading: DateOrder = date_order_default if order in (None, "ambiguous") else order
        reads: dict[Shape, int] | None = None
        if by_override is not None:
            reading, reads = by_override.order, by_override.reads()
            reading_override = by_override.to_dict()
            notes.append(by_override.note())
        valid = 0
        non_iso = 0
        #: Valid dates by non-canonical format (the others are written as the load writes them).
        written: dict[str, int] = {}
        #: Valid canonical dates by their way of writing (one with an offset is a zoned way's too).
        canonical: dict[str, int] = {}
        for fmt, spec, ok in _dates_read(counts, reading, by_override):
            valid += ok
            if ok:
                date_formats[fmt] = date_formats.get(fmt, 0) + ok
                convention = date_convention(fmt)
                if spec.shape in CANONICAL_DATE_SHAPES:
                    canonical[convention] = canonical.get(convention, 0) + ok
                else:
                    non_iso += ok
                    written[convention] = written.get(convention, 0) + ok
        non_iso_examples = counts.examples("non_iso")
        if reads is not None:
            read_flags = reads

            def read_by(shape: int) -> int:
                return read_flags.get(cast(Shape, shape), 0)

            non_iso_examples = counts.date_examples(
                lambda shape, bits: shape not in CANONICAL_DATE_SHAPES and bool(bits & read_by(shape))
            )
        if counts.compact:
            valid += compact
            non_iso += compact
            date_formats.update(counts.compact)
            for fmt, ok in counts.compact.items():
                convention = date_convention(fmt)
                written[convention] = written.get(convention, 0) + ok
            non_iso_examples = tuple(sorted(non_iso_examples + counts.examples("compact")))
        # A slash date that is one only in the other order (5/20/2025 read day-first) is no impossible
        # day: it says the order is mixed, and is quarantined under its own kind, never swapped.
        swapped = counts.other_order[reading]
        other_examples = counts.examples(f"other_order_{reading}")
        if reads is not None:
            # Values the override's formats do not read that are dates in the other order: the
            # cleaner's other_date_order (the rest of the date-shaped ones are impossible to it).
            other = order_flag("day_first" if reading == "month_first" else "month_first")
            swapped = sum(counts.read(s, other, excluding=read_by(s)) for s in SLASH_SHAPES)
            other_examples = counts.date_examples(
                lambda shape, bits: shape in SLASH_SHAPES and bool(bits & other) and not bits & read_by(shape)
            )
        if by_override is not None or (order != "ambiguous" and not conflict and not swapped):
            # The order proven (or no order to prove; or the operator's override says it): the way most
            # dates are written is the column's format. Unproven, its non-ISO dates are read by a
            # default: dirt, all of them.
            own_format, format_misfits = _own_format(written, valid, canonical)
            if own_format is not None:
                # The DEFAULT's UTC text beside instants written with their offset is the database's
                # own way (_current_timestamps_beside_instants), not the writer's written otherwise.
                format_misfits -= min(format_misfits, defaulted)
        add("non_iso_date", non_iso, non_iso_examples, _own_format_detail(own_format, format_misfits))
        if order == "ambiguous" and by_override is None:
            slash_valid = sum(counts.valid(s, reading) for s in SLASH_SHAPES)
            add(
                "ambiguous_date_order",
                slash_valid,
                detail=f"no value proves day or month first; read as {reading.replace('_', '-')}",
            )
        # Where the column reads compact dates, an integer of their digits that is no such day is an
        # impossible date (20251301, as 2025-13-01 is), the cleaner's word too; other integers are none.
        no_day = counts.flag(Flag.COMPACT_NO_DAY) if counts.compact else 0
        impossible_examples = counts.examples("impossible")
        if reads is not None:
            impossible_examples = counts.date_examples(
                lambda shape, bits: not bits & read_by(shape) and not (shape in SLASH_SHAPES and bits & other)
            )
        if no_day:
            impossible_examples = tuple(sorted(impossible_examples + counts.examples("compact_no_day")))
        add("impossible_date", n_dates - valid - swapped + no_day, impossible_examples)
        add(
            "other_date_order",
            swapped,
            other_examples,
            detail=f"dates only when read {'day-first' if reading == 'month_first' else 'month-first'}, "
            f"in a column read {reading.replace('_', '-')}: quarantined, never swapped",
        )
        add("unparseable_date", present - n_dates - no_day, counts.examples("other"))
        minimum, maximum = _date_bounds(counts, reading, inferred)
        if epoch := _epoch_for_no_date(column.name, inferred, minimum, maximum):
            notes.append(epoch)
        elif (
            inferred == "timestamp"
            and not time_of_day_or_interval(column.declared_type)
            and _some_time_of_day(counts)
            and (spans := _durations_since_epoch(column.name, minimum, maximum))
        ):
            notes.append(spans)
    elif inferred == "boolean":
        valid = n_bool
        minimum, maximum = (None, None)
        # Not a known spelling: cleaning quarantines it, so it costs what any unfixable value costs.
        add("invalid_boolean", present - valid, counts.examples("other"), "not a known boolean spelling")
    elif inferred in ("integer", "numeric", "double"):
        valid = n_numbers if inferred != "integer" else counts.integers()
        if counts.comma == "decimal":
            commas = counts.shape(*_COMMA_SHAPES, Shape.COMMA_GROUP3, Shape.DIGIT_GROUPED_COMMA)
            # Written with a point instead: TEXT decimals (3.5), and REAL cells where SQLite made them
            # of such text (see _stored_from_text). Integers have no decimal mark: written either way.
            points = counts.text_points + _stored_from_text(counts, column.declared_type, StorageClass.REAL)
            own_format, format_misfits = _own_format({DECIMAL_COMMA_FORMAT: commas}, commas + points)
            add(
                "comma_decimal",
                commas,
                tuple(sorted(counts.examples("comma") + counts.examples("grouped"))),
                _own_format_detail(own_format, format_misfits),
            )
        elif counts.comma == "thousands":
            grouped = counts.shape(*GROUPED_SHAPES)
            # Written without grouping instead: numbers of a thousand or more (1234.50 beside 1,234.50),
            # TEXT, and INTEGER and REAL cells where SQLite made them of such text. Numbers under a
            # thousand have no group: written either way.
            ungrouped = counts.agg[UNGROUPED]
            plain = ungrouped[StorageClass.TEXT] + _stored_from_text(
                counts, column.declared_type, StorageClass.INTEGER, StorageClass.REAL, among=ungrouped
            )
            own_format, format_misfits = _own_format({THOUSANDS_COMMA_FORMAT: grouped}, grouped + plain)
            add(
                "thousands_separator",
                grouped,
                counts.examples("grouped"),
                _own_format_detail(own_format, format_misfits),
            )
        if counts.groups is not None:
            # Grouped by spaces or apostrophes: the separator is removed (a decimal comma after them,
            # 39 924,83, is also counted above: the cleaner makes it a point, as it does 3,5's).
            add(
                "thousands_separator",
                counts.shape(*DIGIT_GROUPED_SHAPES),
                counts.examples("digit_grouped"),
                detail=f"digits grouped by {_separator_name(counts.groups)}",
            )
        # Written with U+2212 before the digits (−1 234,50): read with '-' (a decimal comma or digit
        # groups in the same value are counted above too: the audit names each rule).
        add(
            "minus_sign",
            counts.minus_signs(inferred == "integer"),
            counts.examples("minus_sign"),
            detail="written with U+2212 MINUS SIGN, read with '-': the locale's sign, costs nothing",
        )
        add("invalid_number", present - valid, counts.examples("other"))
        minimum, maximum = counts["min_number"], counts["max_number"]
        if inferred == "integer" and minimum is not None:
            minimum, maximum = _integer_bounds(counts)
            epoch_unit = _epoch_reading(column, family, counts)
            if (epoch := epoch_unit) and _whole_days(family, epoch, counts):
                # A DATE column's epoch integers, each at midnight UTC (Directus' date fields in
                # milliseconds), are days: as instants a reader west of UTC saw each the day before.
                inferred = "date"
                notes.append(
                    f"integers are epoch {epoch}, each at midnight UTC, in a column declared "
                    f"{column.declared_type}: inferred date (the day each names)"
                )
            elif epoch:
                # An epoch counts from 1970-01-01 UTC: it names an instant, as a UTC offset does, and a
                # timestamp without time zone would leave readers to guess its zone (now() compared
                # with it shifts by the session's offset).
                inferred = "timestamptz"
                notes.append(
                    f"integers are epoch {epoch} in a date-like or date-declared column: inferred "
                    "timestamptz (instants)"
                )
            elif (declared_scale(column.declared_type) or 0) > 0:
                # DECIMAL(10,2) of whole amounts only (NUMERIC affinity stores '12.00' as the INTEGER
                # 12): a decimal column, whose first fraction would make next quarter's type another.
                # Not a bare DECIMAL: csvkit declares every number column so (ids, counts, seconds).
                inferred, reason = (
                    "numeric",
                    f"declared {column.declared_type}: whole amounts of a decimal column",
                )
        if epoch_unit and (ended := _epoch_open_ends(column, family, counts)):
            # Far-future stand-ins for no end beside the instants (.NET's DateTime.MaxValue as
            # Unix seconds, 9999-12-31, 2038-01-19), each read as its instant: until 2026-12-06
            # the column was bigint with no note, or, declared a date, its seconds were read as
            # milliseconds of 1970 (their bounds, the stand-in's 1978 too, fit that unit alone).
            notes.append(_open_ends_said(*ended, days=inferred == "date"))
            open_ends_quoted = [str(value) for value in ended[1]]
        if column.counts_from is not None:
            notes.append(
                f"seconds since {column.counts_from} UTC (a Core Data date): kept as numbers; the instant "
                f"is timestamptz '{column.counts_from} 00:00:00+00' + {quote_ident(column.name)} * "
                "interval '1 second'"
            )
    elif inferred == "bytea":
        valid = present
        if classes[StorageClass.BLOB]:
            mixed = row_count - nulls - classes[StorageClass.BLOB]
            add(
                "mixed_storage_classes",
                mixed,
                detail="BLOB cells among INTEGER/REAL/TEXT cells: the column is bytea and those cells are "
                "loaded as the UTF-8 bytes of their text",
            )
    else:
        valid = present
        minimum, maximum = counts["min_text"], counts["max_text"]

    # Documents keep their layout: loaded byte for byte, so no value of them is padded (none is
    # trimmed); a note says so. The operator's trim = true trims them (audited, at no cost).
    layout = not trimmed and (
        line_terminated(inferred, counts, present)
        or indented(inferred, counts, present)
        or break_padded(inferred, counts, present)
    )
    # A value of several lines (a line break in its trimmed text) is a document, loaded byte for byte
    # whatever pads it: trimming is for values of one line (a name, a code, an e-mail), where padding
    # is a typing accident. Its padding is reported in a note, at no cost; trim = true trims it too
    # (counted padded, audited, at no cost). Until 2026-12-06 a document was trimmed unless every value
    # of its column had one of the layouts above (a HedgeDoc patch ending in 'x \n' no longer applied).
    documents = counts.padded_documents() if inferred == "text" else 0
    padded = 0 if layout else counts.flag(Flag.PADDED) - (0 if trimmed else documents)
    padded_examples, document_examples = _padding_examples(counts.examples("whitespace"))
    if layout:
        notes.append(_layout_kept_note(inferred, counts, present))
    elif documents and not trimmed:
        notes.append(_documents_kept_note(documents, document_examples))
    if inferred != "bytea":
        # A bytea column's TEXT cells are loaded as their bytes (mixed_storage_classes above): nothing
        # made NULL, trimmed, stripped or decoded, so no such dirt to report or to score (until
        # 2026-12-05 a wiki's one deflated revision bound as TEXT scored its column 57).
        add("empty_string", empty)
        add("null_like", null_like, counts.examples("null_like"))
        add(
            "whitespace",
            padded,
            counts.examples("whitespace") if trimmed else padded_examples,
            detail=_line_terminated_detail(inferred, counts, present)
            or _padded_width_detail(inferred, counts)
            or _indented_detail(inferred, counts, present)
            or _break_padded_detail(inferred, counts, present)
            or _documents_trimmed_detail(documents if trimmed else 0),
        )
        add("nul_byte", counts.flag(Flag.NUL), counts.examples("nul"))
        add(
            "invalid_encoding",
            counts.flag(Flag.INVALID_ENCODING),
            counts.examples("encoding"),
            detail="TEXT that is not valid UTF-8, decoded by source_encoding_fallback",
        )
    if whole and family is not None and _compatible(family, shaped) and present:
        # Values of the declared type, kept text only because one is wider than the load's type holds:
        # no dirt and no mismatch (it halted a small table's run as "15 of 15 values are not a
        # number"). Values of no such shape still misfit the declared type.
        notes.append(_kept_whole_note(column.declared_type, shaped, reason, counts))
        # A timestamp finer than microseconds is one, of its own shape (no date shape's valid count).
        finer = counts.shape(Shape.TS_FINER_THAN_MICROSECONDS) if shaped in DATE_TYPES else 0
        misfits = present - _valid_count(shaped, counts) - finer
        misfits -= counts.shape(Shape.NON_FINITE, Shape.TWO_DIGIT_YEAR)
        add(
            "type_mismatch",
            misfits,
            detail=f"declared {column.declared_type}; {misfits:,} of {present:,} {_values(present)} "
            f"{'is' if misfits == 1 else 'are'} not {_a(shaped)}: inferred {inferred}",
        )
    elif dates_beside_default:
        # Dates, as declared, beside the schema's DEFAULT 0 of the rows never set (more of them than
        # dates: no zero date, see _zero_dates_as_null_like): text so that no date is lost, and no value
        # misfits (its note says so; the 0s arrive as '0').
        notes.append(dates_beside_default)
    elif two_ways or read_as_moment or written_binary:
        # Nothing but moments, as declared: text only so that neither way is lost, no value misfits
        # (until 2026-12-03 each was a type_mismatch, and one such column in a table of ten halted the
        # run as "text where the declared type says otherwise"). Binary data written as TEXT is bytes
        # whatever the column was declared: kept byte for byte, no value misfits (its reason says why).
        pass
    elif not _compatible(family, inferred) and present:
        misfits, detail = _declared_misfits(counts, family, present)
        if misfits:
            detail = f"declared {column.declared_type}; {detail}: inferred {inferred}"
        else:  # every cell is stored as the declared type says, but reads as another (epoch integers)
            misfits, detail = present, f"declared {column.declared_type} but the values are {inferred}"
        add("type_mismatch", misfits, detail=detail)
    elif family not in (None, "text") and (
        # A BLOB read as the numeral it spells is no TEXT cell (its note below says so).
        stored_as_text := max(
            0, _text_of_the_type(counts, inferred, valid, compact, n_bool_words) - blob_numerals
        )
    ):
        # The declared type is right but SQLite stores these values as TEXT: a tool trusting storage
        # classes would create a TEXT column. Fixable: they parse as the inferred type (a TEXT cell
        # that does not is counted as invalid, under its own kind).
        add(
            "type_mismatch",
            stored_as_text,
            detail=f"declared {column.declared_type}; {stored_as_text:,} of {present:,} "
            f"{_values(present)} {'is' if stored_as_text == 1 else 'are'} stored as TEXT and "
            f"{'reads' if stored_as_text == 1 else 'read'} as {inferred}",
        )
    # BLOB is SQLite's word for bytes (bytea's), as BINARY(16), VARBINARY and BYTEA are other databases':
    # they claim no other type, and need no note (bytea is their PostgreSQL equivalent).
    if family is None and time_of_day_or_interval(column.declared_type):
        # An ORM may store a duration as a number (Pony ORM: REAL days): its unit is the writer's; or a
        # time with a date (sqlite-jdbc's date_class=TEXT: `1970-01-01 01:01:01.000`), read as such.
        if inferred == "time":
            respelled = counts.valid(Shape.TIME_OF_DAY, None, Flag.NOT_CANONICAL)
            them = "it" if respelled == 1 else "them"
            respelt = (
                f"; {respelled:,} written otherwise than PostgreSQL's text of {them} "
                "(08:30 for 08:30:00: audited time_format)"
                if respelled
                else ""
            )
            notes.append(f"declared {column.declared_type}: {READ_AS_TIME}{respelt}")
        else:
            if inferred in ("integer", "double", "numeric"):
                kept = "numbers stay numbers: no unit is assumed"
            elif inferred in DATE_TYPES:
                kept = f"values written with a date read as {inferred}"
            elif declared_wall_clock_time(column.declared_type):
                kept = "a value of another shape beside times of day keeps them all text, as written"
            else:
                kept = "times with a zone and durations stay text, as written"
            notes.append(
                f"declared {column.declared_type}: a time of day or a duration, no date; only a time "
                f"of day without zone is read (as time) where every value is one, so the values "
                f"decide the type ({kept})"
            )
    elif family is None and column.declared_type and not declared_binary(column.declared_type):
        notes.append(
            f"declared type {column.declared_type!r} has no PostgreSQL equivalent; mapped by the data"
        )
    elif re.search(r"\(\s*\d+", column.declared_type) and inferred != "text":
        # Not that PostgreSQL would refuse it (it takes varchar(40) and numeric(10,2), not int(10)):
        # the size is not what sizes the target column, the values are.
        notes.append(
            f"declared type {column.declared_type!r}: its size is not kept; the values decide the type"
        )
    tokens = list(agg.get("tokens_as_values") or ())
    quoted: list[str] = []
    default_text = declared_default_value(column)
    # The tokens kept because the column's values show it (the declared default's has its own note).
    shown = [token for token in tokens if token != default_text]
    if len(shown) < len(tokens):
        notes.append(
            f"null token {default_text!r} kept as a value: the column is declared NOT NULL with DEFAULT "
            f"{default_text!r}, the value each row holds unless its writer gives another, never a missing "
            "one (set the column's null_tokens to read it as NULL)"
        )
    if shown:
        quoted = [repr(_clipped(counts["min_text"])), repr(_clipped(counts["max_text"]))]
        notes.append(
            f"null token{'s' if len(shown) > 1 else ''} {', '.join(map(repr, shown))} kept as "
            f"value{'s' if len(shown) > 1 else ''}: the other values are words of that form, a "
            "vocabulary of words as rare, or free text whose texts stand about as often "
            f"({quoted[0]} to {quoted[1]}; set the "
            f"column's null_tokens to read "
            f"{'them' if len(shown) > 1 else 'it'} as NULL)"
        )
    quoted += open_ends_quoted
    if blob_numerals:
        notes.append(
            f"{blob_numerals:,} BLOB {'cell is' if blob_numerals == 1 else 'cells are'} the ASCII text of a "
            f"number (declared {column.declared_type}): read as that text, as number text is "
            "(rule blob_numeral, each cell audited)"
        )
    # The string 'null' and current_timestamp are not copied literally; SQL's NULL (unquoted) is every
    # column's default, in PostgreSQL too: nothing is lost, nothing to say.
    default = _bare_default(column.default).lower()
    if default.strip("'\"") == "current_timestamp" or default in ("'null'", '"null"'):
        notes.append(f"SQLite default {column.default} is not copied literally")

    return ColumnProfile(
        table=table,
        name=column.name,
        declared_type=column.declared_type,
        blob_numerals=blob_numerals,
        inferred_type=inferred,
        confidence=(valid / present) if present else 1.0,
        row_count=row_count,
        null_count=nulls,
        empty_string_count=empty,
        null_like_count=null_like,
        whitespace_padded_count=padded,
        padded_documents=0 if layout else documents,
        documents_trimmed=trimmed and documents > 0,
        line_terminated=line_terminated(inferred, counts, present),
        padded_width=padded_width(inferred, counts),
        indented=indented(inferred, counts, present),
        break_padded=break_padded(inferred, counts, present),
        layout_kept=layout,
        nul_byte_count=counts.flag(Flag.NUL),
        distinct_count=int(counts["distinct"] or 0),
        valid_count=int(valid),
        invalid_count=int(present - valid),
        min=minimum,
        max=maximum,
        date_formats=date_formats,
        date_order=order,
        issues=issues,
        notes=notes,
        default=column.default,
        # Whatever the type: a text column an override makes numeric keeps these digits.
        min_scale=counts["min_scale"],
        max_scale=counts["max_scale"],
        max_whole_digits=_whole_digits(counts) if counts.measured_whole() else None,
        # As the values prove it whatever the type: a text column overridden to a number reads it so.
        comma=counts.comma,
        own_format=own_format,
        format_misfits=format_misfits,
        reading_override=reading_override,
        digit_groups=counts.groups,
        storage_classes={
            STORAGE_CLASS_NAMES[storage]: n
            for storage, n in classes.items()
            if n and storage != StorageClass.NULL
        },
        type_reason=reason,
        decimal_mark=_decimal_mark(counts),
        points_unproven=_points_unread(counts) if inferred == "text" and _no_integer_but_zero(counts) else 0,
        commas_unproven=_commas_unproven(counts) if inferred == "text" else 0,
        bytes=int(counts["bytes"] or 0),
        tokens_as_values=tokens,
        epoch_unit=cast(EpochUnit, epoch_unit) if inferred in DATE_TYPES else None,
        epoch_beside_no_dates=beside_no_dates if inferred == "integer" else None,
        quoted=quoted,
        shown=sorted(counts.shown),
        personal_data={
            kind: n
            for kind, flag in (
                ("email", Flag.EMAIL),
                ("phone", Flag.PHONE),
                ("person_name", Flag.PERSON_NAME),
            )
            if (n := counts.flag(flag))
        },
    )


#: Where every value of a text column ends in one line break: the note of the column, whose values
#: are loaded byte for byte, or, trimmed by the operator's ``trim = true``, its ``whitespace`` issue's
#: detail (with :data:`TRIMMED_AS_ASKED`).
LINE_TERMINATED = (
    "every value ends in one line break and is padded by nothing else: a line terminator, not padding"
)
#: ... where every value of several lines does, beside values of one line that none pads.
DOCUMENTS_TERMINATED = (
    "every value of several lines ends in one line break and is padded by nothing else, no other value "
    "is padded: a line terminator, not padding"
)
#: ... where the documents that end in a line break end in one, beside documents that end in none.
DOCUMENTS_PARTLY_TERMINATED = (
    "every padded value is of several lines and ends in one line break, padded by nothing else, beside "
    "values of several lines ending in none (documents saved with and without it): a line terminator, "
    "not padding"
)
#: ... where every value is several lines indented (a Python stack, a profiler's report).
INDENTED_LINES = (
    "every value is several lines padded by its first line's indentation and at most one final line "
    "break: indentation, a layout, not padding"
)
#: ... where every value is several lines padded by line breaks alone (a worker's log opening with
#: blank lines, a Markdown file ending in one).
BREAK_PADDED_LINES = (
    "every value is several lines padded by line breaks alone, at its start or its end: blank lines, a "
    "layout, not padding"
)
#: How the note of a column of documents (``ColumnProfile.layout_kept``) ends.
LAYOUT_KEPT = (
    "documents, loaded byte for byte: no value trimmed ('' and a value of blanks alone are still "
    "NULL; trim = true trims them)"
)
#: How the note of a column's padded values of several lines, loaded byte for byte, ends.
DOCUMENTS_KEPT = (
    "documents (a line break inside), loaded byte for byte, whatever pads them: not trimmed, no cost; "
    "trim = true trims them"
)
#: How the ``whitespace`` issue's detail of documents the operator's ``trim = true`` trims ends.
TRIMMED_AS_ASKED = "(each value trimmed and audited, as trim = true asks; no cost)"


def _layout_kept_note(inferred: InferredType, counts: _Counts, present: int) -> str:
    """The note of a column of documents whose layout cleaning keeps (``ColumnProfile.layout_kept``)."""
    if _every_value_line_ended(counts, present):
        found = LINE_TERMINATED
    elif _documents_line_ended(counts):
        found = DOCUMENTS_TERMINATED
    elif _documents_partly_line_ended(counts):
        found = DOCUMENTS_PARTLY_TERMINATED
    elif indented(inferred, counts, present):
        found = INDENTED_LINES
    else:
        found = BREAK_PADDED_LINES
    return f"{found}: {LAYOUT_KEPT}"


def _padding_examples(examples: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The padded examples of one line (padding, trimmed) and those of several lines (documents, a
    line break in their trimmed text: loaded byte for byte), apart."""
    lines = tuple(value for value in examples if "\n" in value.strip(WHITESPACE))
    return tuple(value for value in examples if value not in lines), lines


def _documents_kept_note(documents: int, examples: tuple[str, ...]) -> str:
    """The note of a text column whose padded values of several lines are loaded byte for byte."""
    shown = f" (e.g. {', '.join(repr(value) for value in examples[:3])})" if examples else ""
    return f"{documents:,} padded {_values(documents)} of several lines{shown}: {DOCUMENTS_KEPT}"


def _documents_trimmed_detail(documents: int) -> str | None:
    """The ``whitespace`` issue's detail where ``trim = true`` trims ``documents`` padded values of
    several lines (None: none): they cost nothing, the values of one line as before."""
    if not documents:
        return None
    return (
        f"{documents:,} of them {'is a value' if documents == 1 else 'are values'} of several lines, "
        f"documents {TRIMMED_AS_ASKED}"
    )


def _every_value_line_ended(counts: _Counts, present: int) -> bool:
    """Every value, ``''`` and null tokens aside (``present`` of them), ends in exactly one line break,
    ``\\n`` or ``\\r\\n``, and is padded by nothing else (:data:`.sql.LINE_ENDED`); every padded value
    but a null token's (made NULL whatever pads it) then is one, and every value is padded."""
    ended = int(counts[LINE_ENDED] or 0)
    padded = counts.padded_values()
    return present > 0 and ended == present == padded


def _documents_line_ended(counts: _Counts) -> bool:
    """Every value of several lines (:data:`.sql.LINES`: a line break in its trimmed text) ends in
    exactly one line break and is padded by nothing else (:data:`.sql.LINE_ENDED_LINES`), and no other
    value is padded: documents beside values of one line (a key/value table's PEM certificate beside
    its settings, Murmur's ``config``). A value of one line ending in a break (``'x\\n'`` beside
    ``'y'``) or one of several without it (``'a\\nb'`` beside ``'c\\nd\\n'``) is a text typed with
    and without a trailing newline: padding, as before."""
    ended = int(counts[LINE_ENDED] or 0)
    padded = counts.padded_values()
    documents = int(counts[LINE_ENDED_LINES] or 0)
    return documents > 0 and documents == ended == padded == int(counts[LINES] or 0)


def _documents_partly_line_ended(counts: _Counts) -> bool:
    """Some values of several lines end in exactly one line break and are padded by nothing else, the
    others end in no break, and no other value is padded (:func:`_documents_line_ended` but for the
    documents without the final break): documents whose last line ends in a line break in some and in
    none in others, as files are saved (POSIX text files end in one; an editor, a textarea, a page
    typed in a browser often leave it off: a wiki's Markdown pages and their history). Every padded
    value is such a document: the break is its last line's terminator, not padding. A value of one
    line ending in a break (``'x\n'`` beside ``'y'``), a document padded otherwise (``'a\nb\n\n'``,
    ``' a\nb'``) is padding, as before."""
    ended = int(counts[LINE_ENDED] or 0)
    padded = counts.padded_values()
    documents = int(counts[LINE_ENDED_LINES] or 0)
    return 0 < documents == ended == padded < int(counts[LINES] or 0)


def line_terminated(inferred: InferredType, counts: _Counts, present: int) -> bool:
    """Whether a text column writes its values one way, as lines (``ColumnProfile.line_terminated``):
    every value that is neither NULL, ``''`` nor a null token (``present`` of them) ends in exactly one
    line break, ``\\n`` or ``\\r\\n``, and is padded by nothing else (YAML documents, base64 lines,
    tracebacks: :func:`_every_value_line_ended`); or every value of several lines does and no other
    value is padded (:func:`_documents_line_ended`); or every padded value is a value of several lines
    that does, beside documents without the final break (:func:`_documents_partly_line_ended`). Only
    some values of one line so (a text field's trailing newline, typed or not), or one padded
    otherwise (``' x\\n'``, ``'x \\n'``, ``'x\\n\\n'``), is padding as before."""
    return inferred == "text" and (
        _every_value_line_ended(counts, present)
        or _documents_line_ended(counts)
        or _documents_partly_line_ended(counts)
    )


def padded_width(inferred: InferredType, counts: _Counts) -> int | None:
    """The width of a text column laid out in fixed-width fields (``ColumnProfile.padded_width``), else
    None: every padded value, null tokens aside, is padded by spaces at its end alone, or every one at
    its start alone (right-aligned fields, printf's ``%5d``: ``'   42'``, since 2026-12-06), to one
    width in characters (:data:`.sql.SPACE_PADDED`, :data:`.sql.START_PADDED`,
    :data:`.sql.PADDED_WIDTH_BOUNDS`), and every value no whitespace pads fills that width, in bytes
    (O(1) to count: exact for ASCII, which fixed-width files mostly are; a value of other characters
    is judged by its bytes, ``'abcdé'`` filling 6).
    Where no value fills it, the padded values' lengths must differ (``'Ann  '``, ``'Smith'`` padded
    to 5 or 30): one length padded alike (``'abc '`` in every row) shows no width to fill."""
    padded = counts.padded_values()
    width = counts["min_padded_width"]
    if (
        inferred != "text"
        or padded == 0
        or padded not in (int(counts[SPACE_PADDED] or 0), int(counts[START_PADDED] or 0))
        or width is None
        or width < 1  # a padded value longer than any field (sql.FIXED_WIDTH_BYTES)
        or width != counts["max_padded_width"]
    ):
        return None
    low, high = counts["min_unpadded_bytes"], counts["max_unpadded_bytes"]
    if low is None:
        fills = (
            counts["min_value_bytes"] is not None and counts["min_value_bytes"] < counts["max_value_bytes"]
        )
        return int(width) if fills else None
    return int(width) if low == high == width else None


def _padded_width_detail(inferred: InferredType, counts: _Counts) -> str | None:
    """The ``whitespace`` issue's detail of a :func:`padded_width` column (None: padding)."""
    width = padded_width(inferred, counts)
    if width is None:
        return None
    end = "end" if int(counts[SPACE_PADDED] or 0) == counts.padded_values() else "start"
    return (
        f"every padded value is padded by spaces at its {end} to {width:,} characters, the width the "
        "values not padded fill: fixed-width fields, not padding (each value still trimmed and audited, "
        "no cost)"
    )


def indented(inferred: InferredType, counts: _Counts, present: int) -> bool:
    """Whether a text column is laid out in indented lines (``ColumnProfile.indented``): every value
    that is neither NULL, ``''`` nor a null token (``present`` of them) is of several lines whose
    padding is its first line's indentation, spaces at its start, and at most one line break at its end
    (:data:`.sql.INDENTED`: a Python stack as ``traceback.format_stack`` writes it, a profiler's
    report); every padded value but a null token's then is one, and every value is padded. A value of
    one line, or one padded otherwise (a tab, a space at an end, two final breaks), is padding."""
    if inferred != "text":
        return False
    layout = int(counts[INDENTED] or 0)
    padded = counts.padded_values()
    return present > 0 and layout == present == padded


def break_padded(inferred: InferredType, counts: _Counts, present: int) -> bool:
    """Whether a text column is documents padded by line breaks alone (``ColumnProfile.break_padded``):
    every value that is neither NULL, ``''`` nor a null token (``present`` of them) is of several lines
    whose padding is line breaks, ``\\n`` or ``\\r\\n``, at its start, its end or both, and nothing
    else (:data:`.sql.BREAK_PADDED`: a worker's log each block of which opens with two breaks, a mail
    body or a commit message with a blank line first, a Markdown file ending in two breaks); every
    padded value but a null token's then is one, and every value is padded. A value of one line padded
    by a break, a value not padded beside padded ones, or any other padding (a space, a tab, a lone
    ``\\r``) is padding, as before."""
    if inferred != "text":
        return False
    layout = int(counts[BREAK_PADDED] or 0)
    padded = counts.padded_values()
    return present > 0 and layout == present == padded


def _break_padded_detail(inferred: InferredType, counts: _Counts, present: int) -> str | None:
    """The ``whitespace`` issue's detail of a :func:`break_padded` column (None: padding)."""
    if not break_padded(inferred, counts, present):
        return None
    return f"{BREAK_PADDED_LINES} {TRIMMED_AS_ASKED}"


def _indented_detail(inferred: InferredType, counts: _Counts, present: int) -> str | None:
    """The ``whitespace`` issue's detail of an :func:`indented` column (None: padding)."""
    if not indented(inferred, counts, present):
        return None
    return f"{INDENTED_LINES} {TRIMMED_AS_ASKED}"


def _line_terminated_detail(inferred: InferredType, counts: _Counts, present: int) -> str | None:
    """The ``whitespace`` issue's detail of a :func:`line_terminated` column (None: padding)."""
    if inferred != "text":
        return None
    if _every_value_line_ended(counts, present):
        return f"{LINE_TERMINATED} {TRIMMED_AS_ASKED}"
    if _documents_line_ended(counts):
        return f"{DOCUMENTS_TERMINATED} {TRIMMED_AS_ASKED}"
    if _documents_partly_line_ended(counts):
        return f"{DOCUMENTS_PARTLY_TERMINATED} {TRIMMED_AS_ASKED}"
    return None


def _own_format_detail(own_format: str | None, misfits: int) -> str | None:
    """What a ``non_iso_date`` / ``comma_decimal`` / ``thousands_separator`` issue costs, when the
    column has its own format."""
    if own_format is None:
        return None
    otherwise = f"{misfits:,} {_values(misfits)} written otherwise cost" if misfits else "costs nothing"
    return f"the column's own format ({own_format}), converted by its rule: {otherwise}"


def _lossless(
    inferred: InferredType,
    reason: str,
    counts: _Counts,
    column_type: str,
    present: int,
    *,
    key: bool = False,
) -> tuple[InferredType, str, bool]:
    """The type the shapes suggest, widened where loading it would change a value no rule covers,
    the reason, and whether it was widened to text only because a value of that type is wider than
    the load's type holds (every cell kept: no dirt, see :func:`_kept_whole_note`).

    - number-shaped TEXT that would not read back the same (``0171``, ``+5``): codes, kept as text;
    - NaN or an infinity written as text among numbers or dates (``NaN``, ``Infinity``, ``inf``,
      ``-infinity``: :data:`~columnar_etl.rules.NON_FINITE_WORDS`): kept as text, every value;
    - in a column declared TEXT or with no type, text with a digit among numbers (``107A``): codes too;
    - REAL cells are binary doubles: with them a number column is double precision, never a rounded
      numeric (and text, if its integers are beyond what a double holds exactly), unless it is
      declared a decimal and each REAL is a decimal as written (:func:`_written_decimals`): numeric;
    - a number with more digits than a double holds (decimal or integer TEXT, an INTEGER cell), or
      that no double holds at all (``1e400``, ``1e-400``: the cleaner's double quarantined them), keeps
      a double column numeric (text when exponents or REAL cells need the double);
    - integers beyond bigint are numeric (up to 38 digits); a column holding one of more than 38 is
      text, whatever its other numbers (the cleaner reads no integer that wide);
    - a numeric column whose widest number's whole digits and its scale exceed 38 (what cleaning's
      decimal128 holds: ``1e400``, 39 whole digits and ``.5``) is text, declared a number type or not;
    - a column declared with TEXT affinity (``CHAR``, ``CLOB``, ``TEXT``), or with no type (or one that
      claims none), is narrowed only when at most :data:`TEXT_NARROWING_SHARE` of its values would be
      quarantined; one declared a type up to the majority rule (the circuit breaker judges how much
      dirt there is);
    - a column of the declared primary key (``key``) is never narrowed so that a value would be
      quarantined: a key value is the row's identity, and one NULL in it costs the table its key.
    """
    family = declared_family(column_type)
    numbers = ("integer", "numeric", "double")
    if inferred in DATE_TYPES and (finer := counts.shape(Shape.TS_FINER_THAN_MICROSECONDS)):
        # .NET writes seven fraction digits, Go and Java nine: PostgreSQL keeps six, and reading the
        # others would round them (a zero beyond the sixth loses nothing: those are read).
        shown = ", ".join(counts.examples("finer")[:2])
        why = (
            f"{such_as(finer, 'timestamp', shown)} {agree(finer, 'is', 'are')} finer than the microseconds "
            "PostgreSQL keeps"
        )
        return "text", why, True
    if inferred in numbers and (wrong := counts.flag(Flag.NOT_CANONICAL)):
        why = f"{wrong} number-shaped values would not read back the same (leading zeros, '+')"
        return "text", why, False
    if inferred in numbers and family in ("text", None) and (codes := _coded(counts)):
        # A SKU column's 107A, a house number's 12A: values in a form no rule reads, not placeholders.
        examples = counts.examples("other")
        shown = ", ".join(examples[:2])
        if examples and all(value.strip() in SPREADSHEET_ERRORS for value in examples):
            # #DIV/0! among a sheet's numbers: a formula's error where it had no number, not a code.
            errors = counts.shape(Shape.OTHER)
            why = (
                f"{such_as(errors, 'value', shown)} {agree(errors, 'is', 'are')} a spreadsheet's error "
                f"{agree(errors, 'value, no number', 'values, no numbers')}: kept as text (set the column's "
                "type and list them in its null_tokens to load its numbers, each error NULL)"
            )
            return "text", why, False
        why = f"{such_as(codes, 'value', shown)} {agree(codes, 'mixes', 'mix')} digits with other characters"
        return "text", f"{why}: codes", False
    if (
        inferred in numbers
        and counts.classes[StorageClass.REAL]
        and family == "numeric"
        and _written_decimals(counts)
    ):
        # SQLite's NUMERIC affinity stores the decimal an application wrote ('12.34') as a REAL cell: the
        # declared type and the values say decimal, and each loads as the decimal it reads as, which
        # reads back as the same double (until 2026-12-05 double precision, where ROUND(x, 2) fails).
        inferred, reason = "numeric", f"declared {column_type}: its REAL cells are decimals as written"
    elif inferred in numbers and counts.classes[StorageClass.REAL]:
        # The integers' own bounds: a REAL cell beyond 2^53 is a double already, and beside it a
        # small INTEGER cell (NUMERIC affinity's 10.0) is one exactly (until 2026-12-04 the REAL's
        # magnitude made the column text).
        low, high = counts.agg.get("min_integer"), counts.agg.get("max_integer")
        if low is None or high is None:  # no plain integer measured: the numbers' double bounds
            low, high = counts["min_number"] or 0, counts["max_number"] or 0
        bound = max(abs(low), abs(high))
        if counts.classes[StorageClass.INTEGER] and bound > EXACT_DOUBLE_INTEGERS:
            # numeric could hold both (a double's exact decimal expansion runs to hundreds of digits),
            # but not the numeric(38) of Arrow's decimal128 the load writes, and a double rounds them.
            why = (
                "REAL cells beside integers beyond 2^53: a double would round those integers, and the "
                "load's numeric (38 digits) cannot hold every REAL's exact value"
            )
            return "text", why, True
        inferred, reason = "double", "REAL cells (double precision keeps all 17 digits)"
    if inferred == "double" and (inexact := counts.flag(Flag.NOT_A_DOUBLE)):
        if counts.classes[StorageClass.REAL] or counts.shape(Shape.EXPONENT, Shape.EXPONENT_BARE):
            why = (
                f"{counted(inexact, 'value')} {agree(inexact, 'has', 'have')} more digits than a double holds"
            )
            return "text", f"{why}, or none holds {agree(inexact, 'it', 'them')}", True
        why = f"{counted(inexact, 'number')} {agree(inexact, 'has', 'have')} more digits than a double holds"
        inferred, reason = "numeric", f"{why}, or none does"
    # An integer of more than 38 digits (text: an INTEGER cell has at most 19): no numeric(38) holds
    # it, and the cleaner reads none as a number, a double's column included (a decimal that wide is
    # one there): the column is text, every cell kept.
    if inferred in numbers and (counts["max_digits"] or 0) > MAX_NUMERIC_DIGITS:
        return "text", f"integers of more than {MAX_NUMERIC_DIGITS} digits", True
    if inferred == "integer" and counts.flag(Flag.OUT_OF_BIGINT):
        inferred, reason = "numeric", "integers beyond bigint"
    # A value no numeric(38) holds keeps the column text, declared a number type or not: PostgreSQL's
    # numeric would hold it, cleaning's decimal128 cannot, and quarantining a number is no cleaning
    # rule (until 2026-12-02 a declared column counted it valid and cleaning quarantined it).
    if inferred == "numeric" and _whole_digits(counts) + (counts["max_scale"] or 0) > MAX_NUMERIC_DIGITS:
        return "text", f"numbers of more than {MAX_NUMERIC_DIGITS} digits (whole and fraction)", True
    if inferred in (*DATE_TYPES, *numbers) and (non_finite := counts.shape(Shape.NON_FINITE)):
        # An Arrow timestamp holds no infinity, and NULL would say "no value" where the source said
        # "never ends" (or "not a number"): no rule reads them, and none may lose them (until
        # 2026-12-02 they were quarantined as unparseable dates or invalid numbers, NULL, and a
        # quarter of a column's rows halted the run).
        shown = ", ".join(counts.examples("non_finite")[:2])
        why = (
            f"{such_as(non_finite, 'value', shown)} {agree(non_finite, 'is', 'are')} an infinity or NaN "
            "written as text (another "
            f"database's, or IEEE 754's as a program prints them), which no "
            f"{'date' if inferred in DATE_TYPES else 'number'} rule reads: kept as text, every value "
            "as written"
        )
        return "text", why, True
    if inferred in DATE_TYPES and (two_digit := counts.shape(Shape.TWO_DIGIT_YEAR)):
        shown = ", ".join(counts.examples("two_digit_year")[:2])
        why = (
            f"{such_as(two_digit, 'date', shown)} "
            f"{agree(two_digit, 'has a two-digit year', 'have two-digit years')}, which no rule reads "
            "(the century is the writing session's rule; a column's own date_formats may read them)"
        )
        return "text", why, True
    if inferred not in ("text", "bytea") and present:
        invalid = present - _valid_count(inferred, counts)
        if key and invalid:
            why = f"{invalid} of {present} values are not {inferred} and the column is in the declared key"
            return "text", f"{why}: kept as text (a key value is never quarantined)", False
        # A column declared a date or timestamp that reads as numbers (a DATETIME DEFAULT 0 of rows
        # mostly never set: a notification never sent): its dates are values of the declared type, no
        # dirt to quarantine (until 2026-12-06 each was an invalid number, NULL in the target).
        if inferred in numbers and family in ("date", "timestamp") and invalid:
            dated = counts.text_shape(*DATE_SHAPE_BY_CODE)
            if dated:
                why = (
                    f"{counted(dated, 'value')} {agree(dated, 'is a date', 'are dates')}, as the column "
                    f"is declared ({column_type}), beside {present - dated:,} numbers"
                )
                return "text", f"{why}: kept as text, every value as written", False
        # Neither TEXT nor no declared type (SQLite's "any": what CSV imports create) claims a type:
        # only the values can, and a value cleaning would lose is then no dirt but a sign the column
        # is text (30 % of words in an undeclared column were quarantined as invalid numbers).
        if family in ("text", None) and invalid > TEXT_NARROWING_SHARE * present:
            declared = f"declared {column_type}" if column_type else "declared with no type"
            why = f"{invalid} of {present} values are not {inferred} and the column is {declared}"
            return "text", f"{why}: kept as text", False
    return inferred, reason, False


def _kept_whole_note(declared: str, shaped: InferredType, reason: str, counts: _Counts) -> str:
    """Why a column declared a type whose values all read as one (``shaped``) is text: the widest
    number's digits where a number's width decided it (``reason`` otherwise)."""
    why = reason
    if shaped in ("integer", "numeric") and reason.startswith(("integers of", "numbers of")):
        whole, scale = _whole_digits(counts), counts["max_scale"] or 0
        parts = f" ({whole} whole, {scale} fraction)" if shaped == "numeric" and scale else ""
        why = (
            f"its widest {'integer' if shaped == 'integer' else 'number'} has {whole + scale} digits{parts}, "
            f"more than the {MAX_NUMERIC_DIGITS} a numeric column holds here"
        )
    return f"declared {declared}, kept as text so that every cell arrives as written: {why}"


def _a(inferred: InferredType) -> str:
    """``an integer``, ``a number``, ``a date``: what a value of the type is called."""
    if inferred == "integer":
        return "an integer"
    return "a number" if inferred in ("numeric", "double") else f"a {inferred}"


def _compact(
    counts: _Counts, column: SourceColumn, family: InferredType | None, present: int
) -> dict[str, int]:
    """The integers read as compact dates (``20250520``) and timestamps (``20250520084207``), by
    format: in a column declared a date or timestamp whose every integer is a valid one (the profile
    query parses the integers of such columns only, see :func:`.sql.column_projections`), or whose
    other date shapes already make the majority of its ``present`` values (the column is a date
    column whatever its integers are: an integer that is no date is its dirt, and a valid compact date
    beside it was quarantined as unparseable until 2026-12-01); else none. Without the declared type,
    or beside one integer that is none in a column of numbers, ``20250520`` is a number (a count, an
    id, an amount in cents). Not declared so, a column whose name says it holds a time
    (:func:`named_compact_places`) reads fourteen digits only, and only when every value is one of
    1970 to 2099 (infinities aside: beside them the column keeps its text, see :func:`_lossless`):
    MediaWiki's ``rev_timestamp`` text ``20261204153012``."""
    compact = counts.valid(Shape.INTEGER, "day_first")
    if compact == 0:
        return {}
    if family not in ("date", "timestamp"):
        times = counts.valid(Shape.INTEGER, None, Flag.COMPACT_TIME)
        whole = times == compact == present - counts.shape(Shape.NON_FINITE)
        return {COMPACT_TIMESTAMP_FORMAT: times} if whole and _named_compact(column) else {}
    if compact != counts.shape(Shape.INTEGER) and counts.shape(*DATE_SHAPE_BY_CODE) < MAJORITY * present:
        return {}
    times = counts.valid(Shape.INTEGER, None, Flag.COMPACT_TIME)
    found = {COMPACT_DATE_FORMAT: compact - times, COMPACT_TIMESTAMP_FORMAT: times}
    return {fmt: n for fmt, n in found.items() if n}


def _integer_bounds(counts: _Counts) -> tuple[int, int]:
    """An integer column's bounds, exact. ``min_number`` / ``max_number`` are doubles (every number
    shape's value), which round an integer beyond 2^53: 17-digit record ids ``12345678901234567`` and
    ``...568`` are one double. The plain integers' own bounds (``min_integer`` / ``max_integer``,
    read as HUGEINT) are the column's wherever the double bound is theirs: a bound of another
    shape (``1,234``) the plain integers do not reach keeps its double's value."""
    bounds = []
    for double, exact in (("min_number", "min_integer"), ("max_number", "max_integer")):
        value, plain = counts[double], counts.agg.get(exact)
        bounds.append(int(plain) if plain is not None and float(plain) == value else int(value))
    return bounds[0], bounds[1]


#: Significant digits of which every decimal reads back from a double as written (C's DBL_DIG).
DECIMAL_DIGITS_IN_A_DOUBLE = 15


def _fixed_scale_exponents(counts: _Counts) -> bool:
    """Whether a column's number text is decimals of one fixed scale, some written with an exponent:
    every plain number has the same number of fraction digits (at least one, so no integer among
    them), no exponent stands for more (its fraction digits once expanded: ``0E-8`` 8, ``5.0E-7`` 8),
    and none is bare (``1E5``, a code beside integers) or a REAL cell. That is how Python's ``str``
    writes a ``Decimal`` quantized to its places (``'1.50000000'``, and below 10^-6 ``'0E-8'``,
    ``'5.0E-7'``), never how a float's shortest text varies (``0.5`` beside ``1e-05``)."""
    scale, least = counts["max_scale"], counts["min_scale"]
    return (
        bool(scale)
        and least == scale
        and counts.shape(Shape.EXPONENT_BARE) == 0
        and not counts.classes[StorageClass.REAL]
        and counts.shape(Shape.DECIMAL) > 0
    )


def _written_decimals(counts: _Counts) -> bool:
    """Every REAL cell of the column is the double of a decimal of at most
    :data:`DECIMAL_DIGITS_IN_A_DOUBLE` significant digits: its shortest text (what the cleaner reads
    it as) is that decimal, and a numeric of it reads back as the same double. Measured per value
    (``max_real_digits``: the most significant digits of any REAL cell's shortest text, an exponent's
    mantissa's), so a computed double (``0.30000000000000004``, ``0.3333333333333333``,
    ``3.0000000000000004e-05``) or an infinity keeps the column a double, and so does a range no
    numeric(38) holds whole (``1e+20`` beside ``1e-20``: a double holds both, every bit).

    Until 2026-12-05 it was measured on the column's bounds, the widest whole part's digits plus the
    widest fraction: ``150000000.5`` beside ``0.00000123`` (10 and 3 significant digits; 9 whole and
    8 fraction, 17) loaded as double precision; before that (the same day) any REAL below 10^-4 did,
    its exponent unmeasured: a wallet's ``DECIMAL(18,8)`` fees of ``0.00005``."""
    if counts.shape(Shape.REAL_INFINITY):
        return False
    whole = max(whole_digits(counts["min_number"], counts["max_number"]), _whole_digits(counts))
    return (counts["max_real_digits"] or 0) <= DECIMAL_DIGITS_IN_A_DOUBLE and whole + (
        counts["max_scale"] or 0
    ) <= MAX_NUMERIC_DIGITS


def _whole_digits(counts: _Counts) -> int:
    """Digits before the point of the column's widest number: of its integers' text and of its
    decimals' and exponents' (``max_whole``, exact: the point's position and the exponent, leading
    zeros aside; helper 23: 38 twos and .5 passed as numeric(38,1)). A profile without either count
    (REAL cells only) falls back on its bounds, as the plan sizes a column."""
    if not counts.measured_whole():
        return whole_digits(counts["min_number"], counts["max_number"])
    return max(counts["max_whole"] or 0, counts["max_digits"] or 0)


def _coded(counts: _Counts) -> int:
    """Text values of no number's shape with a digit in them (:attr:`Flag.DIGITS`)."""
    return sum(
        cells
        for code, cells in (counts.agg["codes"] or {}).items()
        if (parts := split_code(code))[1] == Shape.OTHER and parts[2] & Flag.DIGITS
    )


def _times_of_day(counts: _Counts, shape: Shape, *, declared_date: bool) -> int:
    """Values of date ``shape`` (one with a time) whose time of day makes their column a timestamp:
    all of them, except in a column declared DATE, where a wall-clock time at exactly midnight
    (:attr:`Flag.MIDNIGHT`, in a reading of either order) is a whole day and one that is no date in
    any reading is quarantined whatever the column's type. A time with a UTC offset always counts: its
    midnight is the offset's, no whole day in UTC, so the column keeps its instants."""
    written = counts.shape(shape)
    if not declared_date or shape in ZONED_SHAPES:
        return written
    valid = counts.read(shape, Flag.VALID_DAY_FIRST | Flag.VALID_MONTH_FIRST)
    return valid - counts.valid(shape, None, Flag.MIDNIGHT)


def _valid_count(inferred: InferredType, counts: _Counts) -> int:
    """Present values cleaning turns into ``inferred`` without quarantine (dates: in either order)."""
    if inferred in DATE_TYPES:
        return sum(counts.compact.values()) + sum(
            max(counts.valid(s.shape, "day_first"), counts.valid(s.shape, "month_first")) for s in DATE_SHAPES
        )
    if inferred == "boolean":
        return counts.shape(Shape.BOOLEAN_WORD) + counts.flag(Flag.ZERO_ONE)
    if inferred == "integer":
        return counts.integers()
    if inferred in ("numeric", "double"):
        return counts.numbers()
    if inferred == "time":
        return counts.shape(Shape.TIME_OF_DAY)
    return counts.shape(*NUMBER_SHAPES) + counts.shape(
        Shape.OTHER, Shape.NON_FINITE, Shape.TWO_DIGIT_YEAR, Shape.TIME_OF_DAY
    )


#: The shapes of text SQLite converts to INTEGER or REAL storage in a column of numeric affinity.
_STORED_AS_NUMBERS = (Shape.INTEGER, Shape.DECIMAL, Shape.DOT_GROUP3, Shape.EXPONENT, Shape.EXPONENT_BARE)


def _text_of_the_type(
    counts: _Counts, inferred: InferredType, valid: int, compact: int, bool_words: int
) -> int:
    """Values of the inferred type that SQLite stores as TEXT in a column whose declared type names it
    (and has numeric affinity): ``2025-05-20 08:42`` in a TIMESTAMP column, ``yes`` in a BOOLEAN one.

    SQLite converts a well-formed integer or real literal to INTEGER/REAL storage in such a column
    and keeps everything else as TEXT, so the shapes already say what ``typeof()`` would (no extra
    scan). Only valid values count: a TEXT cell that is not one (``[object Object]`` in a BOOLEAN
    column) is no value of the type stored as text, and is counted as invalid.
    """
    if inferred in DATE_TYPES:
        # 20250520 and epoch milliseconds are INTEGER cells: only TEXT cells are stored as text (until
        # 2026-12-02 a column of epochs was said to be "stored as TEXT").
        return max(0, min(valid - compact, counts.classes[StorageClass.TEXT]))
    elif inferred == "boolean":
        return bool_words  # 0 and 1 are INTEGER cells; true, yes, N are TEXT
    else:
        stored_as_numbers = counts.shape(*_STORED_AS_NUMBERS)
    # Only TEXT cells are stored as text: a REAL infinity (1e999) is a number of no such shape (until
    # 2026-12-04 every one was said to be "stored as TEXT").
    return max(0, min(valid - stored_as_numbers, counts.classes[StorageClass.TEXT]))


def _dates_beside_default_zeros(column: SourceColumn, counts: _Counts, present: int) -> str | None:
    """The note of a column declared a date or timestamp with ``DEFAULT 0`` whose every value is a
    date as written or that 0 (the rows never set), kept as text (:func:`_lossless`: more 0s than
    dates); None otherwise."""
    if declared_family(column.declared_type) not in DATE_TYPES or (column.default or "").strip() != "0":
        return None
    zeros = 0
    for code, count in (counts.agg["codes"] or {}).items():
        _, shape, bits = split_code(int(code))
        if shape == Shape.INTEGER and bits & Flag.ZERO_ONE and not bits & Flag.TRUE_WORD:
            zeros += count
    dated = counts.text_shape(*DATE_SHAPE_BY_CODE)
    if not zeros or not dated or zeros + dated != present:
        return None
    return (
        f"{counted(dated, 'date')} beside {counted(zeros, 'cell')} holding the DEFAULT 0 the column "
        f"declares ({column.declared_type}) for a row never set: kept as text, every value as written "
        "(the 0s outnumber the dates, so they are not read as zero dates)"
    )


def _declared_misfits(counts: _Counts, family: InferredType | None, present: int) -> tuple[int, str]:
    """The values whose storage class the declared numeric type does not hold, and a phrase saying
    so (``1 of 10,639 values is not an integer (1 REAL)``); 0 for another declared type.

    In a column of INTEGER affinity SQLite stores every integer as an INTEGER cell (``5.0`` too), so a
    REAL, TEXT or BLOB cell is a value that is not an integer; in one of REAL or NUMERIC affinity, a
    TEXT or BLOB cell is no number. Blank and null-like cells are not values and are counted apart.
    """
    classes = counts.classes
    if family == "integer":
        held, what = classes[StorageClass.INTEGER], "an integer"
    elif family in ("double", "numeric"):
        held, what = classes[StorageClass.INTEGER] + classes[StorageClass.REAL], "a number"
    else:
        return 0, ""
    misfits = present - held
    if misfits <= 0:
        return 0, ""
    real = classes[StorageClass.REAL] if family == "integer" else 0
    blob = classes[StorageClass.BLOB]
    parts = [
        f"{n:,} {name}"
        for n, name in ((real, "REAL"), (max(0, misfits - real - blob), "TEXT"), (blob, "BLOB"))
        if n
    ]
    verb = "is" if misfits == 1 else "are"
    return misfits, f"{misfits:,} of {present:,} {_values(present)} {verb} not {what} ({', '.join(parts)})"


def _values(n: int) -> str:
    return "value" if n == 1 else "values"


#: The type reason of a date column of another calendar (see :data:`GREGORIAN_FIRST_DAY`).
BEFORE_GREGORIAN = (
    "every date lies before {:04d}-{:02d}-{:02d}, the Gregorian calendar's first day: another calendar's "
    "(Solar Hijri 1405/09/11, Islamic 1448-06-12), which read as Gregorian days would be centuries off: "
    "kept as text (set the column's type to read them as dates)"
).format(*GREGORIAN_FIRST_DAY)


def _before_the_gregorian_calendar(counts: _Counts) -> bool:
    """Every date the column holds, in either day/month order, lies before the Gregorian calendar, the
    latest in a year of another calendar's dates (:data:`OTHER_CALENDARS_FROM_YEAR` on)."""
    highs = [counts[f"max_{order}"] for order in ("day_first", "month_first")]
    found = [(high.year, high.month, high.day) for high in highs if isinstance(high, date)]
    # Only 0001-01-01 placeholders (a DATE column nobody filled) are no other calendar's: a date column.
    return bool(found) and all(
        (OTHER_CALENDARS_FROM_YEAR, 1, 1) <= high < GREGORIAN_FIRST_DAY for high in found
    )


def _date_bounds(counts: _Counts, reading: DateOrder, inferred: InferredType) -> tuple[Any, Any]:
    suffix = "month_first" if reading == "month_first" else "day_first"
    low, high = counts[f"min_{suffix}"], counts[f"max_{suffix}"]
    if inferred == "date":
        return _as_date(low), _as_date(high)
    return low, high


#: The Unix epoch as date text writes it (0 as a moment): Request Tracker's Told / Due / Resolved "not
#: set", a MySQL dump's DATETIME of 0. The earliest of a column whose values reach
#: :data:`EPOCH_STAND_IN_SPAN` years beyond it is a stand-in for "no date" more likely than a moment.
_EPOCH = datetime(1970, 1, 1)
EPOCH_STAND_IN_SPAN = 10


def _epoch_for_no_date(name: str, inferred: InferredType, minimum: Any, maximum: Any) -> str | None:
    """The note of a date or timestamp column whose earliest value is the Unix epoch, at midnight, and
    whose latest is :data:`EPOCH_STAND_IN_SPAN` years or more later (or the epoch too: never set):
    kept as written (no rule makes a value NULL for what it may stand for), with the ``NULLIF`` a
    reader writes for "no date"; or None."""
    if not isinstance(minimum, date) or not isinstance(maximum, date):
        return None
    low = minimum
    if isinstance(low, datetime) and low.tzinfo is not None:
        low = low.astimezone(UTC).replace(tzinfo=None)
    epoch: date = _EPOCH if isinstance(low, datetime) else _EPOCH.date()
    if low != epoch or (maximum != minimum and maximum.year < epoch.year + EPOCH_STAND_IN_SPAN):
        return None
    written = {"date": "1970-01-01", "timestamp": "1970-01-01 00:00:00"}.get(
        inferred, "1970-01-01 00:00:00+00"
    )
    literal = {"date": "DATE", "timestamp": "TIMESTAMP"}.get(inferred, "TIMESTAMPTZ")
    return (
        f"the earliest value is {written}, the Unix epoch, which applications write for 0 (no date): "
        f"kept as written; the value or NULL is NULLIF({quote_ident(name)}, {literal} '{written}')"
    )


def _some_time_of_day(counts: _Counts) -> bool:
    """Some valid wall-clock value of the column is at a time other than midnight (the profile query's
    :attr:`Flag.MIDNIGHT`, no scan of its own)."""
    return any(counts.valid(s, None) > counts.valid(s, None, Flag.MIDNIGHT) for s in WALL_CLOCK_SHAPES)


def _durations_since_epoch(name: str, minimum: Any, maximum: Any) -> str | None:
    """The note of a timestamp column (of wall-clock text, some value at a time of day) whose every
    value lies within a year of the Unix epoch (:data:`~columnar_etl.rules.NEAR_EPOCH_SECONDS`), not
    all one moment: durations written as moments since it, as SQLAlchemy's ``Interval`` writes a
    ``timedelta`` on SQLite (15 minutes as ``1970-01-01 00:15:00.000000``, a day and an hour back as
    ``1969-12-30 23:00:00.000000``), more likely than moments of 1969-1970 (days of those years, at
    midnight, are days: birth dates). Kept as written, with the reader's expression of the duration;
    or None."""
    if not isinstance(minimum, datetime) or not isinstance(maximum, datetime) or maximum == minimum:
        return None
    first, end = NEAR_EPOCH_SECONDS
    if not first <= (minimum - _EPOCH).total_seconds() <= (maximum - _EPOCH).total_seconds() < end:
        return None
    return (
        f"every value lies within a year of the Unix epoch ({minimum:%Y-%m-%d %H:%M:%S} to "
        f"{maximum:%Y-%m-%d %H:%M:%S}): durations written as moments since it (as SQLAlchemy's Interval "
        f"writes one on SQLite) more likely than moments of 1969-1970: kept as written; the duration is "
        f"{quote_ident(name)} - TIMESTAMP '1970-01-01 00:00:00'"
    )


def _as_date(value: Any) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def _epoch_reading(
    column: SourceColumn,
    family: InferredType | None,
    counts: _Counts,
    *,
    keyed: bool = False,
    bounds: tuple[int, int] | None = None,
    open_ends: bool = False,
) -> str | None:
    """The unit (``seconds``, ``milliseconds``) in which a column's integers count from the Unix epoch,
    or None (``family``: what its declared type claims). A key of one column is an identifier whatever
    its name and range (``keyed``: not beside date text, see :func:`_moment_numbers`); a column of a key
    of several names no row alone (a history keyed by every column: its moments are moments, as the
    same column's beside it). Seconds the file's format says count from another epoch (Core Data's
    2001-01-01) are no Unix seconds. A name alone says so of integers from 2001-09-09 to 2033-05-18
    (:func:`_epoch_unit`: their digits name the unit), unless they are seconds each a whole number of
    millions, or milliseconds each a whole number of 60 millions (``max_duration_part``: microseconds of
    whole seconds or minutes, a duration); a declared date or
    timestamp type of integers of any year from 1900 to 2099 in the one unit their bounds allow
    (:func:`~columnar_etl.rules.epoch_units`: a JDBC driver's milliseconds of birth dates of 1950,
    negative), none of them 0 or 1 ("no date").
    ``bounds``: the integers' other than 0 (:func:`_epoch_beside_zeros`), in place of the column's.
    Beside far-future stand-ins for no end (:func:`_epoch_open_ends`), judged on the other integers
    first (``open_ends``: those bounds are theirs, and so is the duration grid)."""
    if column.primary_key and not column.composite_key and not keyed:
        return None
    if column.counts_from is not None or counts["min_number"] is None:
        return None
    if bounds is None and (ended := _epoch_open_ends(column, family, counts, keyed=keyed)):
        return ended[0]
    if family in DATE_TYPES:
        # The schema says so as well as a name does: Prisma's DateTime is a DATETIME column of epoch
        # milliseconds whatever the field is called (NextAuth's Session.expires, User.emailVerified).
        # Its values, not their digits, name the unit (until 2026-12-04 only 2001 to 2033 were read).
        units = (
            []
            if bounds is None and counts.flag(Flag.ZERO_ONE)
            else epoch_units(*(bounds or _integer_bounds(counts)))
        )
        return units[0] if len(units) == 1 else None
    named = _date_like_name(column.name)
    if not named and not _date_like_name(column.name, _DATE_WORDS | _SPAN_BOUND_WORDS):
        return None
    unit = _epoch_unit(*(bounds or _integer_bounds(counts)))
    if not named and unit != "microseconds":
        # A start, an end or a due in seconds or milliseconds may be an offset or an amount of such
        # digits (a block's start at 1.5 GB, an amount due in cents): only microseconds say a moment.
        return None
    part = counts.agg.get("max_duration_part_beside_open_ends" if open_ends else "max_duration_part")
    if part is not None and part <= _DURATION_PART.get(unit or "", -1):
        # Microseconds of whole seconds read as epoch seconds, or of whole minutes read as epoch
        # milliseconds, would be instants on a grid of 11.6 days or 16.7 hours, which no clock records:
        # a duration (django-helpdesk's dedicated_time, a DurationField of 20 to 30 minutes or of 300
        # to 450 hours: until 2026-12-05 instants of 2008 to 2027, or of 2004 to 2021).
        return None
    return unit


def _epoch_open_ends(
    column: SourceColumn, family: InferredType | None, counts: _Counts, *, keyed: bool = False
) -> tuple[str, dict[int, int]] | None:
    """The unit of a column's epoch integers beside far-future stand-ins for no end, and the cells of
    each stand-in (:data:`~columnar_etl.rules.EPOCH_OPEN_ENDS`: .NET's ``DateTime.MaxValue``,
    9999-12-31, the 32-bit ``time_t``'s 2038-01-19), or None. The unit is judged by
    :func:`_epoch_reading`'s rules on the integers other than the stand-ins (at least two distinct ones:
    the column's least, ``max_beside_open_ends``, and their duration grid), and every stand-in the
    column holds must be one of that unit (a seconds one among milliseconds is an ordinary value of
    1978: the column is judged as before). Plain integers alone (a grouped number's bound is no
    integer's), none of them 0 or 1 ("no date", :func:`_epoch_beside_zeros`)."""
    ends: dict[int, int] = counts.agg.get(OPEN_END_CELLS) or {}
    high, low = counts.agg.get("max_beside_open_ends"), counts.agg.get("min_integer")
    if not ends or high is None or low is None or int(low) >= int(high):
        return None
    if counts.flag(Flag.ZERO_ONE) or counts.numbers() != counts.shape(Shape.INTEGER):
        return None
    unit = _epoch_reading(column, family, counts, keyed=keyed, bounds=(int(low), int(high)), open_ends=True)
    if unit is None or any(EPOCH_OPEN_ENDS[value] != unit for value in ends):
        return None
    return unit, ends


def _open_ends_said(unit: str, ends: dict[int, int], *, days: bool = False) -> str:
    """A note of the stand-ins for no end an epoch column holds, each with its cells and its instant:
    ``3 values are 253402300799, 9999-12-31 23:59:59 UTC, which applications write for no end ...``
    (``days``: a DATE column's, each at midnight, read as the day it names)."""
    per_second = EPOCH_PER_SECOND[unit]
    said: list[str] = []
    for value, cells in sorted(ends.items(), key=lambda end: (-end[1], end[0])):
        instant = datetime(1970, 1, 1) + timedelta(microseconds=value * 1_000_000 // per_second)
        spec = (
            "seconds"
            if not instant.microsecond
            else "milliseconds"
            if per_second == 1_000
            else "microseconds"
        )
        verb = "are" if cells > 1 else "is"
        counted = (
            f"{cells:,} {'values' if cells > 1 else 'value'} {verb}" if not said else f"{cells:,} {verb}"
        )
        said.append(f"{counted} {value}, {instant.isoformat(sep=' ', timespec=spec)} UTC")
    read = "the day it names" if days else "the instant it counts"
    return f"{', and '.join(said)}, which applications write for no end: each read as {read} in epoch {unit}"


#: The coarsest span (``max_duration_part``, :data:`~columnar_etl.profiling.sql.DURATION_PART_UNITS`)
#: whose microseconds read in an epoch unit name no instants: whole seconds read as epoch seconds, whole
#: minutes read as epoch milliseconds (the finer grid of 1,000 seconds holds midnights and hours too).
_DURATION_PART = {
    "seconds": DURATION_PART_UNITS.index("seconds"),
    "milliseconds": DURATION_PART_UNITS.index("minutes"),
}


def _whole_days(family: InferredType | None, epoch: str, counts: _Counts) -> bool:
    """A column declared a date (no time of day) whose integers, epoch ``epoch``, are each a whole
    number of days (``max_day_part``, :func:`~columnar_etl.profiling.sql.day_part_sql`): midnight UTC."""
    part = counts.agg.get("max_day_part")
    return family == "date" and part is not None and part <= DAY_PART_UNITS.index(epoch)


class MomentUnit(Enum):
    """What a column's numbers count as moments (:func:`_moment_numbers`): the key of the PostgreSQL
    expression giving the instant (:func:`_moment_expression`), never the phrase saying so."""

    EPOCH_SECONDS = "seconds"
    EPOCH_MILLISECONDS = "milliseconds"
    EPOCH_MICROSECONDS = "microseconds"
    #: Finer than a timestamptz holds (:func:`_epoch_nanoseconds`): kept as integers, never read.
    EPOCH_NANOSECONDS = "nanoseconds"
    #: Windows' 100-nanosecond ticks since 1601 (:func:`_windows_filetime`): integers, never read.
    FILETIME = "FILETIME ticks"
    #: .NET's 100-nanosecond ticks since 0001-01-01 (:func:`_windows_filetime`): integers, never read.
    DOTNET_TICKS = ".NET ticks"
    JULIAN_DAYS = "Julian days"
    #: Whole days since 1970-01-01 (:func:`_epoch_days`): a date, not an instant.
    EPOCH_DAYS = "days"
    #: Two of SQLite's ways at once (:func:`_epoch_and_julian`): no one expression.
    TWO_WAYS = "two ways"


@dataclass(frozen=True)
class MomentNumbers:
    """What :func:`_moment_numbers` says of a column's numbers: ``phrase`` for notes and reasons
    (``numbers are Julian day numbers``), ``unit`` what they count."""

    phrase: str
    unit: MomentUnit
    #: The integers are moments save these, "no date" (``0``, ``-1``; :func:`_epoch_beside_zeros`): NULLIF
    #: each in the expression.
    no_dates: tuple[int, ...] = ()

    def __str__(self) -> str:
        return self.phrase


#: The unit each :func:`_epoch_unit` answer names.
_EPOCH_UNITS = {
    "seconds": MomentUnit.EPOCH_SECONDS,
    "milliseconds": MomentUnit.EPOCH_MILLISECONDS,
    "microseconds": MomentUnit.EPOCH_MICROSECONDS,
}


def _moment_numbers(
    column: SourceColumn, family: InferredType | None, counts: _Counts, fractional: int
) -> MomentNumbers | None:
    """What a date/time column's numbers are as moments, as SQLite's documentation lists its ways of
    storing one ("Date And Time Datatype": INTEGER or REAL Unix time, a REAL Julian day number), or
    None: ``integers are epoch seconds``, ``numbers are Julian day numbers`` ... with its unit
    (``fractional``: how many have a fraction). Only a date-like name or a declared date type says the
    numbers are moments at all, as for :func:`_epoch_reading`. Beside date text, a declared primary
    key's numbers are moments too (a key of moments written two ways: until 2026-12-03 each value a
    type_mismatch, "not double", which halted a small export's run)."""
    if not fractional:
        unit = _epoch_reading(column, family, counts, keyed=True)
        return MomentNumbers(f"integers are epoch {unit}", _EPOCH_UNITS[unit]) if unit else None
    if column.counts_from is not None or counts["min_number"] is None:
        return None
    if not (_date_like_name(column.name) or family in DATE_TYPES):
        return None
    low, high = float(counts["min_number"]), float(counts["max_number"])
    compact = sum(counts.compact.values())
    if compact and compact == counts.integers() and counts["min_fraction"] is not None:
        # The integers are dates (20240102): the numbers are the fractions (Julian days beside them).
        low, high = float(counts["min_fraction"]), float(counts["max_fraction"])
    if unit := _epoch_unit(math.floor(low), math.ceil(high)):
        return MomentNumbers(f"numbers are epoch {unit}", _EPOCH_UNITS[unit])
    if JULIAN_DAYS[0] <= low and high <= JULIAN_DAYS[1]:
        return MomentNumbers("numbers are Julian day numbers", MomentUnit.JULIAN_DAYS)
    two_ways = _epoch_and_julian(counts)
    return MomentNumbers(two_ways, MomentUnit.TWO_WAYS) if two_ways else None


def _moment_expression(column: SourceColumn, moments: MomentNumbers | None) -> str | None:
    """The PostgreSQL expression of the instant a column's numbers of one way name (``moments``: what
    :func:`_moment_numbers` says of them, keyed on its unit), or None for two ways or none. Julian day
    2440587.5 is the Unix epoch (1970-01-01 00:00 UTC)."""
    name = quote_ident(column.name)
    for no_date in moments.no_dates if moments is not None else ():
        name = f"NULLIF({name}, {no_date})"
    expressions = {
        MomentUnit.EPOCH_SECONDS: f"to_timestamp({name})",
        MomentUnit.EPOCH_MILLISECONDS: f"to_timestamp({name} / 1000.0)",
        MomentUnit.EPOCH_MICROSECONDS: f"to_timestamp({name} / 1000000.0)",
        MomentUnit.EPOCH_NANOSECONDS: f"to_timestamp({name} / 1000000000.0)",
        MomentUnit.FILETIME: f"to_timestamp(({name} - {FILETIME_UNIX_EPOCH}) / {FILETIME_PER_SECOND}.0)",
        MomentUnit.DOTNET_TICKS: f"to_timestamp(({name} - {DOTNET_UNIX_EPOCH}) / {FILETIME_PER_SECOND}.0)",
        MomentUnit.JULIAN_DAYS: f"to_timestamp(({name} - 2440587.5) * 86400)",
        MomentUnit.EPOCH_DAYS: f"DATE '1970-01-01' + {name}::integer",
    }
    return expressions.get(moments.unit) if moments is not None else None


def _numbers_two_ways(column: SourceColumn, family: InferredType | None, counts: _Counts) -> str | None:
    """A column declared a date or timestamp holding numbers only, of two of SQLite's ways
    (:func:`_epoch_and_julian`), not all of one (Unix seconds with and without a fraction are one
    way: a double, as before)."""
    if family not in DATE_TYPES or column.primary_key or column.counts_from is not None:
        return None
    if counts["min_number"] is None or counts.numbers() == counts.integers():
        return None
    low, high = float(counts["min_number"]), float(counts["max_number"])
    if _epoch_unit(math.floor(low), math.ceil(high)) or (JULIAN_DAYS[0] <= low and high <= JULIAN_DAYS[1]):
        return None
    return _epoch_and_julian(counts)


def _epoch_and_julian(counts: _Counts) -> str | None:
    """Numbers of two of SQLite's ways at once: integers of Unix time (``strftime('%s')``, an ORM's
    milliseconds) beside fractions of another way, Julian days (``julianday()``) or Unix seconds
    (``time.time()`` beside milliseconds): ``numbers are epoch seconds (the integers) and Julian days
    (the fractions)``, or None. The integers' and the fractions' bounds are each the profile's."""
    bounds: list[Any] = [
        counts.agg.get(key) for key in ("min_integer", "max_integer", "min_fraction", "max_fraction")
    ]
    if not counts.integers() or any(bound is None for bound in bounds):
        return None
    lowest, highest, low, high = int(bounds[0]), int(bounds[1]), float(bounds[2]), float(bounds[3])
    if (unit := _epoch_unit(lowest, highest)) is None:
        return None
    if JULIAN_DAYS[0] <= low and high <= JULIAN_DAYS[1]:
        fractions = "Julian days"
    elif _epoch_unit(math.floor(low), math.ceil(high)) == "seconds" != unit:
        fractions = "epoch seconds"
    else:
        return None
    return f"numbers are epoch {unit} (the integers) and {fractions} (the fractions)"


def _epoch_days(column: SourceColumn, family: InferredType | None, counts: _Counts) -> MomentNumbers | None:
    """Integers of a column declared DATE that count days since 1970-01-01 (:data:`EPOCH_DAYS`, as R's
    RSQLite binds a Date with ``extended_types = TRUE``), or None: not in a key of one column (an
    identifier), nor when every one could be a year (:data:`YEARS`)."""
    if family != "date" or (column.primary_key and not column.composite_key):
        return None
    if column.counts_from is not None or counts["min_number"] is None:
        return None
    low, high = _integer_bounds(counts)
    if not (EPOCH_DAYS[0] <= low and high <= EPOCH_DAYS[1]) or YEARS[0] <= low <= high <= YEARS[1]:
        return None
    return MomentNumbers("integers are days since 1970-01-01", MomentUnit.EPOCH_DAYS)


#: Why integers of a unit finer than a microsecond stay integers (nanoseconds, FILETIME ticks).
_FINER = "finer than a timestamptz's microseconds"


def _epoch_nanoseconds(
    column: SourceColumn,
    family: InferredType | None,
    counts: _Counts,
    bounds: tuple[int, int] | None = None,
) -> MomentNumbers | None:
    """Integers that count nanoseconds since 1970-01-01 UTC (a shell history's ``timestamp`` as atuin
    writes it, Go's ``time.UnixNano()``), or None: in a column whose name says it holds a time, every
    one from 2001-09-09 to 2033-05-18 (:data:`~columnar_etl.rules.EPOCH_NANOS`, as the coarser units'
    window); in one declared a date or timestamp, every one from 1900 to 2099 and not all within
    1969-1970, none of them 0 or 1 (as :func:`~columnar_etl.rules.epoch_units` reads the coarser units,
    which are tried first). Not a key of one column (an identifier). A timestamptz holds microseconds:
    reading them would round, so they stay integers and only the note says what they are.
    ``bounds``: the integers' other than 0 (:func:`_epoch_beside_zeros`), in place of the column's."""
    if column.primary_key and not column.composite_key:
        return None
    if column.counts_from is not None or counts["min_number"] is None:
        return None
    low, high = bounds or _integer_bounds(counts)
    per_second = 1_000_000_000
    if family in DATE_TYPES:
        zero_one = bounds is None and counts.flag(Flag.ZERO_ONE)
        moments = not zero_one and declared_epoch_fits(low, high, per_second)
    else:
        moments = _date_like_name(column.name) and EPOCH_NANOS[0] <= low and high <= EPOCH_NANOS[1]
    if not moments:
        return None
    return MomentNumbers(
        f"integers are epoch nanoseconds, {_FINER}",
        MomentUnit.EPOCH_NANOSECONDS,
    )


#: What a FILETIME note says the integers are.
_FILETIME_PHRASE = "integers are Windows FILETIME, 100-nanosecond ticks since 1601-01-01 UTC"
#: What a .NET ticks note says the integers are.
_DOTNET_PHRASE = "integers are .NET DateTime ticks, 100-nanosecond ticks since 0001-01-01 UTC"
#: Each count of 100-nanosecond ticks: its window, its phrase and its unit.
_TICK_COUNTS = (
    (FILETIME_TICKS, _FILETIME_PHRASE, MomentUnit.FILETIME),
    (DOTNET_TICKS, _DOTNET_PHRASE, MomentUnit.DOTNET_TICKS),
)


def _windows_filetime(
    column: SourceColumn,
    family: InferredType | None,
    counts: _Counts,
    bounds: tuple[int, int] | None = None,
) -> MomentNumbers | None:
    """Integers that count Windows FILETIME ticks, 100 nanoseconds since 1601-01-01 UTC (Windows'
    notification database's ``ArrivalTime`` and ``ExpiryTime``, Active Directory's ``lastLogon``,
    .NET's ``DateTime.ToFileTimeUtc()``), or None: in a column whose name says it holds a time or
    declared a date or timestamp, every one from 2001-09-09 to 2033-05-18 in those ticks
    (:data:`~columnar_etl.rules.FILETIME_TICKS`, the coarser units' window). Not a key of one column
    (an identifier). Tried before nanoseconds: a declared type's nanoseconds from 1900 would read them
    as instants of 1974. A timestamptz holds microseconds: reading them would round, so they stay
    integers and only the note says what they are (until 2026-12-06 nothing did, and where a date was
    declared the note read them as epoch nanoseconds). ``bounds``: the integers' other than 0
    (:func:`_epoch_beside_zeros`), in place of the column's.

    So, since 2026-12-06, are .NET's ``DateTime.Ticks``, 100 nanoseconds since 0001-01-01
    (:data:`~columnar_etl.rules.DOTNET_TICKS`, the same window): a backup tool's file times, Duplicati's
    ``FilesetEntry.Lastmodified``, had no note, and where a date was declared one reading them as
    nanoseconds since 1970 (instants of 1990)."""
    if column.primary_key and not column.composite_key:
        return None
    if column.counts_from is not None or counts["min_number"] is None:
        return None
    if not (_date_like_name(column.name) or family in DATE_TYPES):
        return None
    low, high = bounds or _integer_bounds(counts)
    for (first, last), phrase, unit in _TICK_COUNTS:
        if first <= low and high <= last:
            return MomentNumbers(f"{phrase}, {_FINER}", unit)
    return None


def _epoch_beside_zeros(
    column: SourceColumn, family: InferredType | None, counts: _Counts
) -> MomentNumbers | None:
    """Integers that are epoch instants of one unit by :func:`_epoch_reading`'s rules save ``0`` for
    "no date" (Trac's version ``time``: microseconds, 0 for a version never released), judged on
    the bounds of the integers other than 0 (:func:`_bounds_beside_zeros`), or None (a ``1`` among
    them, or none but 0). Since 2026-12-05 ``-1`` too, alone or beside 0 (a messenger's, a music
    player's ``lastplayed`` never made), judged on the integers above 0
    (:data:`.sql.MIN_POSITIVE_INTEGER`); another negative beside them is none. Nanoseconds too, by
    :func:`_epoch_nanoseconds`' rules (a to-do cache's list
    ``mtime``, its colour file's ``st_mtime_ns`` or 0 for none: until 2026-12-05 no note at all)."""
    low, high = counts.agg.get("min_beside_zeros"), counts.agg.get("max_beside_zeros")
    no_dates: tuple[int, ...] = (0,)
    positive = counts.agg.get(MIN_POSITIVE_INTEGER)
    if (
        low is None
        and counts["min_integer"] == -1
        and positive is not None
        and not counts.flag(Flag.ZERO_ONE)
    ):
        # -1 for "no date" beside the moments, and no 0 or 1 (a WhatsApp message's, a player's last
        # play never made): judged on the integers above 0, as beside 0.
        low, high, no_dates = positive, counts["max_integer"], (-1,)
    elif low is not None and int(low) == -1 and positive is not None:
        low, no_dates = positive, (0, -1)  # both, 0 and -1
    if low is None or high is None:
        return None
    said = " and ".join(str(value) for value in no_dates)
    unit = _epoch_reading(column, family, counts, bounds=(int(low), int(high)))
    if unit is None and (ticks := _windows_filetime(column, family, counts, bounds=(int(low), int(high)))):
        phrase = next(words for _, words, unit in _TICK_COUNTS if unit == ticks.unit)
        return MomentNumbers(f"{phrase}, {said} for no date, {_FINER}", ticks.unit, no_dates)
    if unit is None:
        # A 1 beside the 0s is no nanosecond of 1970 (a flag's): the coarser units' window has no room
        # for it, a declared type's years from 1900 have.
        if int(low) <= 1 or _epoch_nanoseconds(column, family, counts, bounds=(int(low), int(high))) is None:
            return None
        return MomentNumbers(
            f"integers are nanoseconds since 1970-01-01 UTC, {said} for no date, finer than a "
            "timestamptz's microseconds",
            MomentUnit.EPOCH_NANOSECONDS,
            no_dates=no_dates,
        )
    return MomentNumbers(
        f"integers are {unit} since 1970-01-01 UTC, {said} for no date", _EPOCH_UNITS[unit], no_dates=no_dates
    )


def _epoch_unit(low: int, high: int) -> str | None:
    if EPOCH_SECONDS[0] <= low and high <= EPOCH_SECONDS[1]:
        return "seconds"
    if EPOCH_MILLIS[0] <= low and high <= EPOCH_MILLIS[1]:
        return "milliseconds"
    if EPOCH_MICROS[0] <= low and high <= EPOCH_MICROS[1]:
        return "microseconds"
    return None


def profile_table(
    src: Source, table: str, settings: Settings, sample: int | None = None, parts: int = 1, **options: Any
) -> TableProfile:
    """Profile one table: :func:`_table_steps` (``options``: its keywords), not batched: its text query
    runs there and then."""
    return _run_steps(_table_steps(src, table, settings, sample, parts, **options))


#: What a table's profile asks of the batched text query (see :func:`_profile_batch`): the DuckDB table
#: of its counted cells (their ``idx`` is each column's place in its table).
CellsQuery = str
T = TypeVar("T")


#: Tables of at most this many cells (rows x columns) have their text queries batched.
BATCH_WORK = 100_000


def counted_in_batch(rows: int, columns: int) -> bool:
    """A table of ``rows`` x ``columns`` is small (at most :data:`BATCH_WORK` cells): the profile counts
    its text in the one batched query of small tables, without a typed scan of its own, and the
    cleaner reads it as text alone (see :func:`~columnar_etl.pipeline.steps.plan_step`)."""
    return rows * max(1, columns) <= BATCH_WORK


_Keyed = tuple[TableProfile, KeptValues | None]


def _profile_batched(
    src: Source,
    settings: Settings,
    pool: ThreadPoolExecutor,
    steps: dict[str, Generator[CellsQuery, list[dict[str, Any]], _Keyed]],
) -> tuple[dict[str, _Keyed], list[str]]:
    """Run the tables' ``steps`` (:func:`_keyed_steps`, batched) in ``pool``: each up to its text query,
    then those queries as one (:func:`_profile_batch`), then each to its end. The profiles, and the
    tables that ran out of memory (to be profiled again alone; any other error is raised)."""
    done: dict[str, _Keyed] = {}
    asked: dict[str, CellsQuery] = {}
    failed: list[str] = []

    def step(name: str, rows: list[dict[str, Any]] | None) -> CellsQuery | None:
        try:
            asks = next(steps[name]) if rows is None else steps[name].send(rows)
        except StopIteration as ended:
            done[name] = cast(_Keyed, ended.value)
            return None
        if rows is not None:
            raise RuntimeError(f"table {name!r} asked for a second text query")
        return asks

    def each(work: Mapping[str, list[dict[str, Any]] | None]) -> None:
        futures = {name: pool.submit(step, name, rows) for name, rows in work.items()}
        for name, future in futures.items():
            try:
                if (asks := future.result()) is not None:
                    asked[name] = asks
            except SourceError as exc:
                if not isinstance(exc.__cause__, duckdb.OutOfMemoryException):
                    raise
                failed.append(name)

    each(dict.fromkeys(steps))
    # The tables' cells were counted through the shared read transaction: ended before the batch
    # query and the steps after it drop them (see Source.end_small_reads).
    src.end_small_reads()
    if asked:
        try:
            with _query_errors(src, ", ".join(asked), settings):
                found = _profile_batch(src, settings, asked)
        except SourceError as exc:
            if not isinstance(exc.__cause__, duckdb.OutOfMemoryException):
                raise
            failed += list(asked)
            found = {}
        work = {name: found[name] for name in asked if name in found}
        asked.clear()
        each(work)
    return done, failed


def _run_steps(steps: Generator[CellsQuery, list[dict[str, Any]], T]) -> T:
    """Run ``steps`` (not batched: it asks nothing) to its end; its result."""
    try:
        next(steps)
    except StopIteration as done:
        return cast(T, done.value)
    raise RuntimeError("a table's profile asked for a batched query outside a batch")


#: Column places of the tables of one batched query (:func:`_profile_batch`) are told apart by
#: adding this many times the table's number (SQLite allows at most 32,767 columns).
BATCH_STRIDE = 1 << 16

#: The DuckDB table the batched query's cells are copied into (see :func:`_profile_batch`).
BATCH_CELLS = quote_ident(f"{KEPT_PREFIX}batch_cells")


def _profile_batch(
    src: Source, settings: Settings, asked: dict[str, CellsQuery]
) -> dict[str, list[dict[str, Any]]]:
    """The text query's rows of every table in ``asked`` (its counted cells), from one query.

    Planning the profile query (its shapes, parses and flags) is most of what profiling a small table
    costs: ~30 ms, where reading a few thousand rows takes a few. Small tables' counted cells are
    therefore profiled together, each column's place offset by its table's number (:data:`BATCH_STRIDE`).
    """
    names = list(asked)
    union = " UNION ALL ".join(
        f"SELECT idx + {number * BATCH_STRIDE} AS idx, cls, v, weight FROM {cells}"
        for number, cells in enumerate(asked.values())
    )
    # Each table's cells carry their columns' places in it (_text_relation), offset as above.
    merged: dict[str, list[int]] = {}
    for number, name in enumerate(names):
        table_places = cast(dict[str, list[int]], _marked_places(src, settings, name))
        for kind, places in table_places.items():
            merged.setdefault(kind, []).extend(number * BATCH_STRIDE + place for place in places)
    marked = cast(MarkedPlaces, merged)  # every kind: _marked_places gives each, for any table
    # The tables' cells are copied into one table first, and the profile query reads that: over the
    # union itself each table's branch ran the query's expressions as a pipeline of its own, their
    # states (compiled patterns and all) set up once per table (200 tables of up to 400 rows: 1.79 s,
    # on one table 0.03 + 0.26 s; the same rows). The copy is of cells already held, dropped after.
    cursor = src.connection.cursor()
    try:
        cursor.execute(f"CREATE OR REPLACE TABLE {BATCH_CELLS} AS {union}")
        sql = table_profile_sql(
            "",
            ["cells"],
            settings.null_tokens,
            None,
            settings.source_encoding_fallback,
            distinct=f"SELECT idx, cls, v, weight FROM {BATCH_CELLS}",
            **marked,
        )
        rows = _fetch_rows(src, sql)
    finally:
        cursor.execute(f"DROP TABLE IF EXISTS {BATCH_CELLS}")
        cursor.close()
    found: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for row in rows:
        number, row["idx"] = divmod(int(row["idx"]), BATCH_STRIDE)
        found[names[number]].append(row)
    return found


def _table_steps(
    src: Source,
    table: str,
    settings: Settings,
    sample: int | None = None,
    parts: int = 1,
    *,
    keep: str | None = None,
    typed: bool = False,
    unique: Collection[str] = (),
    declared_unique: Collection[str] = (),
    whole: bool = False,
    batched: bool = False,
    split: int = 1,
    long: bool = False,
) -> Generator[CellsQuery, list[dict[str, Any]], TableProfile]:
    """Profile one table with one aggregate query (over ``parts`` rowid ranges read side by side).

    With ``typed`` (not on a sample, whose rows the text query draws), the columns DuckDB reads as
    ``BIGINT`` (and, in a table of such columns and REAL ones only, those of REAL affinity it reads as
    ``DOUBLE``) are profiled from its typed scan first (:mod:`.native`): those of INTEGER (REAL) cells
    only are done by it, the others (the scan names them) by the text query. Without it, every column is
    read as text: that is what a table too big to share the memory limit gets (at 40x, the wide
    export's comments ran out of 256 MB for their text columns alone, where all their columns
    together fit). With ``keep`` (a DuckDB table name; not on a sample), the distinct cells are
    counted into tables first, and the short values of its columns are kept in ``keep`` for the
    reference search (:func:`.references.kept_values_sql`, a view), which then reads no column twice.
    ``unique``: the table's rowid alias (a declared key SQLite keeps unique and non-null), whose values
    the typed scan counts without grouping them (:func:`.native.native_distinct_sql`).
    ``declared_unique``: the columns the schema declares unique by themselves beside the table's key,
    whose null tokens among text are values (:func:`_tokens_as_values`). With ``whole``
    (and ``typed``), the typed scan is used only when it may read every column (a table of INTEGER and
    REAL columns only); any other table is read all as text. That is what a table too big to share
    the memory limit gets: all as text, as above, unless the typed scan spares the text query
    altogether (the 10M-row narrow table, 60M cells: all as text, it ran out of 256 MB with one thread
    and two; typed, 10 s at 441 MB of RSS). A column the typed scan then finds another class in is
    still read as text beside it, as for a table profiled side by side.

    A generator: with ``batched`` (and ``keep``), it counts the text columns' cells into their table and
    then yields that table (a :data:`CellsQuery`) for the caller to profile with other tables' in one
    query (:func:`_profile_batch`), receiving its rows back. Otherwise it yields nothing.

    ``split`` (with ``keep``, not on a sample): the text columns are read as that many groups, each by
    a query of its own on a thread of its own (:func:`_text_groups`).

    ``long`` (with ``keep``, not on a sample; a table with a rowid): the text columns' long cells are
    read apart, a few at a time (:mod:`.long_cells`): what a table gets that ran out of memory even
    alone on one thread."""
    info = src.table(table)
    names = info.column_names
    keeping = keep is not None and bool(names) and not sample
    numbers = quote_ident(f"{keep}_numbers") if keeping else ""
    typing = typed and bool(names) and not sample
    cells = quote_ident(f"{keep}_cells") if keeping else None
    cell_tables: list[str] = []
    limit = memory_bytes(settings.profile_memory_limit)
    sizes: dict[str, int] = {}

    # Every query of the profile inside _query_errors, the typing of the columns too: under a tight
    # memory limit even its cursor setting can be the allocation that fails.
    with _query_errors(src, table, settings):
        candidates, reals = native_candidates(src, table) if typing else ([], [])
        if set(candidates) | set(reals) != set(names):
            # REAL columns join the typed scan when it may read the whole table, sparing the text
            # query (its storage classes, its counting) altogether (narrow benchmark table, all
            # INTEGER and REAL: -1.5-2 s), or when it reads the table's INTEGER columns anyway (side
            # by side): in the text query SQLite writes each REAL cell with 17 digits and reads them
            # back (the wide export's timesheets, 141K rows: its counting 0.33-0.35 -> 0.19-0.23 s
            # of CPU without its one REAL column, the typed scan 0.065-0.088 -> 0.083-0.097 s with
            # it). Alone (``whole``), and without INTEGER columns (a typed scan of its own), they
            # stay in the text query. Their figures are the same either way.
            if whole or not candidates:
                reals = []
            if whole:
                # Alone, a table whose text would be counted in groups (_grouped) keeps its
                # INTEGER columns in the typed scan: a rowid key is then counted without grouping
                # (5M rows: ~5 s of CPU less). Counted at once, its text goes as one read (see above).
                # (Not a table of long cells read apart: its sample would read long rows whole.)
                sizes = _counted_bytes(src, table, names) if keeping and not long else {}
                if len(_grouped(names, sizes, limit)) <= 1:
                    candidates = []
        # The typed scan first (integers and REAL columns): a column it leaves to text joins the one
        # text query. (Beside the text query, on a thread of its own, it measured no faster on two
        # cores: both queries already use both.)
        rows, native = native_rows(
            src,
            table,
            settings.null_tokens,
            [name for name in names if name in candidates or name in reals],
            numbers,
            reals,
            unique,
            [names[place] for place in named_compact_places(src, table)],
            [names[place] for place in open_ended_places(src, table)],
        )
        integers = [name for name in native if name not in reals]
        texts = [name for name in names if name not in native]
        if batched and cells is not None and texts:
            _count_cells(src, cells, texts, *_text_relation(src, table, texts, sample, parts), small=True)
            cell_tables = [cells]
            rows += yield cells
        elif keep is not None and keeping and long and texts and info.rowid is not None:
            rows += _long_rows(src, table, texts, settings, f"{keep}_cells")
            cell_tables = [cast(str, cells)]
        elif keep is not None and keeping and split > 1 and len(texts) > 1:
            every = [texts[start::split] for start in range(split) if texts[start::split]]
            found, cell_tables = _text_groups(src, table, every, settings, parts, keep)
            rows += found
        elif (
            keep is not None
            and keeping
            and whole
            and len(texts) > 1
            and len(batches := _grouped(texts, sizes, limit)) > 1
        ):
            found, cell_tables = _text_groups(src, table, batches, settings, parts, keep, side_by_side=False)
            rows += found
        elif texts or not names:
            rows += _text_rows(src, table, texts, settings, sample, parts, cells if texts else None)
            cell_tables = [cells] if cells is not None and texts else []
    if not names:
        counted = int(rows[0]["row_count"]) if rows else 0
        return TableProfile(
            name=table,
            row_count=info.row_count if sample else counted,
            columns={},
            sampled_rows=counted if sample else None,
        )
    groups: dict[int, list[dict[str, Any]]] = {index: [] for index in range(len(names))}
    for row in sorted(rows, key=profile_row_order):
        groups[int(row["idx"])].append(row)

    def rows_read(index: int) -> int:
        return sum(int(row["cells"]) for row in groups[index] if row["code"] is not None)

    profiled_rows = rows_read(0)
    # Several reads of the table (typed, text, the text columns' groups): the same rows, unless the
    # export changed in between.
    if any(rows_read(index) != profiled_rows for index in range(1, len(names))):
        raise SourceError(
            "the reads of the table differ in rows",
            path=src.path,
            table=table,
            hint="is the export being written to? profile a copy",
        )
    columns: dict[str, ColumnProfile] = {}
    rereads: dict[str, Callable[[DateOrder], ColumnProfile]] = {}
    point_rereads: dict[str, Callable[[], ColumnProfile]] = {}
    comma_rereads: dict[str, Callable[[], ColumnProfile]] = {}
    overrides = reading_overrides(settings, table, [column.name for column in info.columns])
    untrimmed = {info.columns[place].name for place in _untrimmed(src, settings, table)}
    kept_empty = {info.columns[place].name for place in _kept_empty(src, settings, table)}
    trimmed = trimmed_names(settings, table, [column.name for column in info.columns])
    # The columns the text query read (it asked the source for them): typed scans hold no BLOB.
    numerals = src.known_numeral_blobs(table)
    for index, column in enumerate(info.columns):
        rows_of, never_set = never_set_default(column, groups[index], overrides.get(column.name))

        def inferring(
            rows: list[dict[str, Any]], never: tuple[str, int, bool] | None, column: SourceColumn = column
        ) -> Callable[..., ColumnProfile]:
            return partial(
                infer_column,
                table,
                column,
                profiled_rows,
                fold_groups(
                    rows,
                    declared_unique=column.name in declared_unique,
                    as_bound=sqlite_affinity(column.declared_type) == "BLOB",
                    setting_value=column.setting_value,
                    default_value=declared_default_value(column),
                ),
                override=overrides.get(column.name),
                blob_numerals=numerals.get(column.name, 0),
                never_set=never,
                trimmed=column.name in trimmed,
            )

        infer = inferring(rows_of, never_set)
        columns[column.name] = infer(date_order_default=settings.date_order_default)
        if (
            never_set is not None
            and not never_set[2]
            and columns[column.name].inferred_type not in DATE_TYPES
        ):
            # A DEFAULT of no date's shape is the column's "no date" only where its values are dates:
            # among values of another type (kept as written, text of two ways) it is one of them.
            infer = inferring(groups[index], None)
            columns[column.name] = infer(date_order_default=settings.date_order_default)
        if column.name in untrimmed and columns[column.name].inferred_type == "text":
            columns[column.name].padding_kept = True
            kept = column.name in kept_empty  # '' is no NULL there (empty_is_null = false)
            columns[column.name].notes.append(
                UNTRIMMED_NOTE.replace("'' is NULL, a", "a") if kept else UNTRIMMED_NOTE
            )
        if column.name in kept_empty and columns[column.name].inferred_type == "text":
            columns[column.name].empty_kept = True
            columns[column.name].notes.append(KEPT_EMPTY_NOTE)
        # An override's reading is the column's own: no other column's proof rereads it.
        if columns[column.name].date_order == "ambiguous" and columns[column.name].reading_override is None:
            rereads[column.name] = partial(_reread, infer)
        if columns[column.name].points_unproven and column.name not in overrides:
            point_rereads[column.name] = partial(
                infer, date_order_default=settings.date_order_default, points_proven=True
            )
        if columns[column.name].commas_unproven and column.name not in overrides:
            comma_rereads[column.name] = partial(
                infer, date_order_default=settings.date_order_default, commas_proven=True
            )
    if keep is not None and keeping:
        with _query_errors(src, table, settings):
            _keep_values(src, keep, numbers if integers else None, cell_tables, names, columns)
    return TableProfile(
        name=table,
        # Every row was read: the count is known without asking SQLite to count again.
        row_count=info.row_count if sample else profiled_rows,
        columns=columns,
        sampled_rows=profiled_rows if sample else None,
        rereads=rereads,
        point_rereads=point_rereads,
        comma_rereads=comma_rereads,
    )


@contextmanager
def _query_errors(src: Source, table: str, settings: Settings) -> Iterator[None]:
    """A DuckDB error of the profile's queries of ``table`` as a :class:`SourceError`."""
    memory_hint = f"raise profile_memory_limit (now {settings.profile_memory_limit})"
    with query_errors(src.path, table, "profiling", memory_hint=memory_hint):
        yield


def _keep_values(
    src: Source,
    keep: str,
    numbers: str | None,
    counted: list[str],
    names: list[str],
    columns: dict[str, ColumnProfile],
) -> None:
    """The values kept for the reference search (:func:`.references.kept_values`): view ``keep`` over
    the counted numbers (``numbers``, :func:`.native.native_rows`; their digits are written only for
    the columns the search asks for, none often, and they take less memory than their text) and the
    kept values of the counted cells (the tables ``counted``, dropped then: two tables of counted cells
    at once would hold memory the next query needs, a table alone at 40x). Only the columns a reference
    inferred from the data can have (:data:`.references.REFERENCE_TYPES`: integer, text) are kept
    from the cells: the search reads any other it needs from the export again (a declared reference
    on a REAL column), as it does a column of long values."""
    parts = [kept_native_sql(numbers)] if numbers else []
    cursor = src.connection.cursor()
    wanted = [i for i, name in enumerate(names) if columns[name].inferred_type in REFERENCE_TYPES]
    for number, cells in enumerate(counted):
        if wanted:
            texts = f"{keep}_text" if number == 0 else f"{keep}_text_{number}"
            cursor.execute(kept_values_sql(texts, cells, only=wanted))
            parts.append(f"SELECT * FROM {quote_ident(texts)}")
        cursor.execute(f"DROP TABLE {cells}")
    if not parts:
        parts = ["SELECT CAST(NULL AS INTEGER) AS idx, CAST(NULL AS VARCHAR) AS val, 0 AS weight LIMIT 0"]
    cursor.execute(f"CREATE OR REPLACE VIEW {quote_ident(keep)} AS {' UNION ALL '.join(parts)}")


def _text_rows(
    src: Source,
    table: str,
    columns: list[str],
    settings: Settings,
    sample: int | None,
    parts: int,
    cells: str | None,
) -> list[dict[str, Any]]:
    """The profile query's rows (:func:`.sql.table_profile_sql`) for ``columns`` of ``table``, read as
    text; with ``cells`` (a table name), the counted cells are kept in it. No ``columns``: the row count."""
    relation, positions = _text_relation(src, table, columns, sample, parts)
    keeping = cells is not None and bool(columns)
    sql = table_profile_sql(
        relation,
        columns,
        settings.null_tokens,
        sample,
        settings.source_encoding_fallback,
        distinct=f"SELECT * FROM {cells}" if keeping else None,
        positions=positions,
        **_marked_places(src, settings, table, positions.__contains__),
    )
    if keeping:
        _count_cells(src, cast(str, cells), columns, relation, positions)
    return _fetch_rows(src, sql)


def _text_groups(
    src: Source,
    table: str,
    groups: list[list[str]],
    settings: Settings,
    parts: int,
    keep: str,
    *,
    side_by_side: bool = True,
) -> tuple[list[dict[str, Any]], list[str]]:
    """:func:`_text_rows` of the columns of ``groups``, each group counted into a table of its own
    (``<keep>_cells_<n>``) by a query on a thread of its own (``side_by_side``) or one after the other:
    the rows of them all, and those tables.

    One after the other: a table profiled alone whose distinct cells would outgrow
    ``profile_memory_limit`` counted at once (:func:`_grouped`). Counted at once, DuckDB spills
    the aggregate and the table of counted cells past the limit and reads them back, and that grows
    faster than the rows: five near-distinct columns, 1M rows 8.5 s of CPU, 5M rows 50.7 s. A group
    each, each group's cells fit, at the cost of reading the table from SQLite once per group.

    Side by side:
    Tables are profiled side by side, a query each on one thread (a parallel aggregate costs more CPU
    than it saves: see :func:`profile`). With fewer big tables than cores (one beside small ones) a
    core idled while the big one was read; its columns' groups run on both (the wide export's
    timesheets beside three small tables, medians of 10 interleaved fresh processes, three times:
    1.24-1.45 -> 0.89-1.28 s of wall, CPU 1.56-1.78 and 1.48-2.00 s). Each group reads the table from
    SQLite again: the counting of distinct cells, most of the work, is split without being done twice,
    but with as many big tables as cores the extra reads cost more than the idle end saved (the wide
    export: 3.08 -> 3.30 s of CPU, wall 1.77 -> 1.81 s), so those are not grouped."""
    tables = [quote_ident(f"{keep}_cells_{number}") for number in range(len(groups))]

    def group(number: int) -> list[dict[str, Any]]:
        with _query_errors(src, table, settings):
            return _text_rows(src, table, groups[number], settings, None, parts, tables[number])

    if not side_by_side:
        return [row for number in range(len(groups)) for row in group(number)], tables
    with ThreadPoolExecutor(max_workers=len(groups) - 1, thread_name_prefix="profile-group") as pool:
        others = [pool.submit(group, number) for number in range(1, len(groups))]
        try:
            rows = group(0)
        finally:
            # Every group's query ends before its table is read or dropped (an error of one would
            # otherwise leave the others running on the source).
            wait(others)
        for other in others:
            rows += other.result()
    return rows, tables


def _long_rows(
    src: Source, table: str, columns: list[str], settings: Settings, cells: str
) -> list[dict[str, Any]]:
    """:func:`_text_rows` of ``columns``, their long cells read apart (:func:`.long_cells.long_text_rows`),
    the counted cells kept in the DuckDB table named ``cells``."""
    info = src.table(table)
    declared = {column.name: column.declared_type for column in info.columns}
    positions = [info.column_names.index(name) for name in columns]
    return long_text_rows(
        src,
        table,
        columns,
        positions,
        [sqlite_affinity(declared[name]) != "TEXT" for name in columns],
        limit=memory_bytes(settings.profile_memory_limit),
        null_tokens=list(settings.null_tokens),
        fallback=settings.source_encoding_fallback,
        **_marked_places(src, settings, table, positions.__contains__),
        cells=cells,
    )


def _text_relation(
    src: Source, table: str, columns: list[str], sample: int | None, parts: int
) -> tuple[str, list[int]]:
    """The relation the text query reads ``columns`` of ``table`` from, and their places in the table."""
    info = src.table(table)
    # REAL cells with all their digits (see sql.distinct_cells_sql); a column of TEXT affinity has none.
    declared = {column.name: column.declared_type for column in info.columns}
    # A BLOB of a number's text in a column declared a number type is read as that text.
    reads = [
        ColumnRead(
            name,
            with_class=True,
            as_bytes=True,
            real_digits=sqlite_affinity(declared[name]) != "TEXT",
            blob_numerals=True,
        )
        for name in columns
    ]
    relation = src.relation_sql(table, parts=1 if sample else parts, reads=reads, class_string=True)
    return relation, [info.column_names.index(name) for name in columns]


def _counted_bytes(src: Source, table: str, columns: list[str]) -> dict[str, int]:
    """Per column of ``columns`` of ``table``, the bytes its distinct cells would take once counted,
    estimated from a sample of :data:`COUNTED_SAMPLE_CELLS` cells (whole rows, rowids drawn at
    random): its distinct values by Chao's estimate from the sample's (``d + f1 (f1 - 1) / (2 (f2 +
    1))``, ``f1`` and ``f2`` the values seen once and twice; at most the table's rows), each its mean
    bytes in the sample plus :data:`COUNTED_CELL_BYTES`. A near-distinct column (every value seen
    once) comes out as many as the rows; one of a few thousand values, each seen several times, about
    as many as it has (a column of 10,007 values in 200,000 rows: ~10,000, where scaling the sample's
    share up says ~190,000 and would split a wide table's columns for nothing). Empty for a table
    without a rowid or of fewer rows than a sample."""
    info = src.table(table)
    sample = max(1_000, min(20_000, COUNTED_SAMPLE_CELLS // max(1, len(columns))))
    if info.rowid is None or info.estimated_rows <= sample:
        return {}
    _, low, high = info.rowid
    # Drawn at random (seeded: the same rows every time), not every n-th: values a formula wrote
    # (``x * 7 % 10007``) are all distinct at evenly spaced rows.
    rowids = random.Random(42).sample(range(low, high + 1), sample)
    reads = [ColumnRead(name, with_class=True, as_bytes=True) for name in columns]
    relation = src.relation_sql(table, reads=reads, class_string=True, rowids=rowids)
    counted = distinct_cells_sql(relation, columns, None)
    found = (
        src.connection.cursor()
        .execute(
            "SELECT idx, count(*), count(*) FILTER (weight = 1), count(*) FILTER (weight = 2), "
            f"avg(coalesce(octet_length(v), 0)) FROM ({counted}) AS counted GROUP BY idx"
        )
        .fetchall()
    )
    sizes: dict[str, int] = {}
    for idx, seen, once, twice, mean in found:
        distinct = min(info.estimated_rows, seen + once * (once - 1) / (2 * (twice + 1)))
        sizes[columns[int(idx)]] = int(distinct * (float(mean) + COUNTED_CELL_BYTES))
    return sizes


def _grouped(columns: list[str], sizes: Mapping[str, int], limit: int) -> list[list[str]]:
    """``columns`` (a table's text columns) as few groups as first fit by decreasing size finds, each
    group's distinct cells, counted, within ``limit`` bytes (:func:`_counted_bytes`'s ``sizes``; a
    column bigger than that is a group alone); each group in the table's order, the groups in that of
    their first columns. Each group is a read of the table (at 40x the wide export's comments, 6.9M
    rows with long bodies, are three, where the table's order made four). One group when the sizes
    are not known or fit together."""
    groups: list[list[str]] = []
    totals: list[int] = []
    for name in sorted(columns, key=lambda name: -sizes.get(name, 0)):
        size = sizes.get(name, 0)
        room = next((number for number, total in enumerate(totals) if total + size <= limit), None)
        if room is None:
            groups.append([])
            totals.append(0)
            room = len(groups) - 1
        groups[room].append(name)
        totals[room] += size
    place = {name: number for number, name in enumerate(columns)}
    return sorted((sorted(group, key=place.__getitem__) for group in groups), key=lambda g: place[g[0]])


class MarkedPlaces(TypedDict):
    """The places of a table's columns each of the profile query's marks asks for (the keywords of
    :func:`.sql.table_profile_sql` and :func:`.long_cells.long_text_rows`)."""

    dated: list[int]
    untrimmed: list[int]
    kept_empty: list[int]
    timed: list[int]
    clocked: list[int]
    open_ended: list[int]


def _marked_places(
    src: Source, settings: Settings, table: str, kept: Callable[[int], bool] = lambda place: True
) -> MarkedPlaces:
    """:class:`MarkedPlaces` of ``table``, each place ``kept`` (those the query reads: its
    ``positions``)."""
    return MarkedPlaces(
        dated=[place for place in _dated(src, table) if kept(place)],
        untrimmed=[place for place in _untrimmed(src, settings, table) if kept(place)],
        kept_empty=[place for place in _kept_empty(src, settings, table) if kept(place)],
        timed=[place for place in named_compact_places(src, table) if kept(place)],
        clocked=[place for place in _clocked(src, table) if kept(place)],
        open_ended=[place for place in open_ended_places(src, table) if kept(place)],
    )


def _untrimmed(src: Source, settings: Settings, table: str) -> list[int]:
    """The places in ``table`` of its columns whose text keeps its padding (``trim = false``)."""
    if not settings.columns:
        return []
    return untrimmed_places(settings, table, src.table(table).column_names)


def _kept_empty(src: Source, settings: Settings, table: str) -> list[int]:
    """The places in ``table`` of its columns whose ``''`` is a value (``empty_is_null = false``)."""
    if not settings.columns:
        return []
    return kept_empty_places(settings, table, src.table(table).column_names)


def _dated(src: Source, table: str) -> list[int]:
    """The places in ``table`` of its columns declared a date or timestamp (``DATE``, ``DATETIME``,
    ``TIMESTAMP``; not ``TIME``, a time of day), whose eight-digit integers the text query also parses
    as compact dates (see :func:`_compact`)."""
    return [
        place
        for place, column in enumerate(src.table(table).columns)
        if _declared_dated(column.declared_type)
    ]


def _clocked(src: Source, table: str) -> list[int]:
    """The places in ``table`` of its columns declared a time of day without zone (``TIME``,
    ``TIME(6)``: :func:`.affinity.declared_wall_clock_time`), whose text of a time of day the text
    query shapes :attr:`Shape.TIME_OF_DAY` (read as ``time`` where every present value is one)."""
    return [
        place
        for place, column in enumerate(src.table(table).columns)
        if declared_wall_clock_time(column.declared_type)
    ]


def _declared_dated(declared_type: str) -> bool:
    return "DATE" in declared_type.upper() or "TIMESTAMP" in declared_type.upper()


def named_compact_places(src: Source, table: str) -> list[int]:
    """The places in ``table`` of its columns not declared a date or timestamp whose name says they
    hold a time (``rev_timestamp``, ``page_touched``, ``user_registration``; :func:`_date_like_name`,
    with :data:`_COMPACT_TIME_WORDS`), not the one column of a declared primary key (an identifier,
    whatever its name): the profile reads their 14-digit integers as compact timestamps (see
    :func:`_compact`)."""
    return [place for place, column in enumerate(src.table(table).columns) if _named_compact(column)]


def open_ended_places(src: Source, table: str) -> list[int]:
    """The places in ``table`` of its columns whose integers :func:`_epoch_reading` may read as epoch
    instants: a date-like name (:func:`_date_like_name`) or a declared date or timestamp type, not the
    one column of a declared primary key (an identifier, whatever its name) nor a Core Data date
    (another epoch). Only theirs are counted beside the stand-ins for no end
    (:func:`.sql.open_end_sql`, :func:`_epoch_open_ends`)."""
    return [
        place
        for place, column in enumerate(src.table(table).columns)
        if not (column.primary_key and not column.composite_key)
        and column.counts_from is None
        and (declared_family(column.declared_type) in DATE_TYPES or _date_like_name(column.name))
    ]


#: What a boolean column's CHECK list or literal default may hold (:func:`_lists_no_boolean`): its
#: spellings, any case.
_BOOLEAN_CHOICES = frozenset({*BOOLEAN_TRUE_WORDS, *BOOLEAN_FALSE_WORDS, "0", "1"})


def _default_no_boolean(default: str | None) -> bool:
    """Is the declared default one literal no boolean spells (``'INHERIT'``, ``2``)? An application
    writes it into every row it does not fill: it is one of the column's values. A blank, a default
    null token (:data:`DEFAULT_NULL_TOKENS`, made NULL by its rule), a number 0 or 1 (``0.0``), an
    expression (``datetime('now')``, ``CURRENT_TIMESTAMP``) or none says nothing."""
    text, number = _literal_default(default)
    if number is not None:
        return float(number) not in (0.0, 1.0)
    if text is None:
        return False
    value = text.strip()
    return bool(value) and value not in DEFAULT_NULL_TOKENS and value.lower() not in _BOOLEAN_CHOICES


def _lists_no_boolean(column: SourceColumn) -> bool:
    """Does the column's ``CHECK (... IN (...))`` allow a value no boolean spells (``P`` beside ``N`` and
    ``Y``: Skrooge's operation status, none, pointed, reconciled), or its declared default write one
    (``DEFAULT ('INHERIT')`` beside ``TRUE`` and ``FALSE``: Vendure's product variant
    ``trackInventory``, a three-state setting as TypeORM writes a simple-enum; :func:`_default_no_boolean`)?
    Then it holds codes, not booleans, whatever its cells hold so far: boolean, its first ``P`` would be
    quarantined (since 2026-12-05), its first ``INHERIT`` too (since 2026-12-05: the default)."""
    return _default_no_boolean(column.default) or (
        column.choices is not None and any(v.strip().lower() not in _BOOLEAN_CHOICES for v in column.choices)
    )


def _named_compact(column: SourceColumn) -> bool:
    """See :func:`named_compact_places`."""
    return (
        not _declared_dated(column.declared_type)
        and not (column.primary_key and not column.composite_key)
        and _date_like_name(column.name, _DATE_WORDS | _COMPACT_TIME_WORDS)
    )


def _count_cells(
    src: Source, cells: str, columns: list[str], relation: str, positions: list[int], *, small: bool = False
) -> None:
    """Count the distinct cells of ``columns`` (at ``positions`` in their table; read by ``relation``,
    see :func:`_text_relation`) into the DuckDB table ``cells``. ``small``: a table counted in the
    batch (at most :data:`BATCH_WORK` cells)."""
    counted = distinct_cells_sql(relation, columns, None, positions)
    # The shared read hands its rows over as Arrow: only once pyarrow is in (a `run` imports it beside
    # the preflight). A big export's run imports it after the profile, so that it adds nothing to the
    # profile's peak memory; this path is a cost saving only, the cells counted are the same.
    if not small or "pyarrow" not in sys.modules:
        src.connection.cursor().execute(f"CREATE OR REPLACE TABLE {cells} AS {counted}")
        return
    # Read on the shared cursor (no SQLite connection, and parse of the export's whole schema, of its
    # own: see Source.small_reads), kept by another: the shared transaction writes nothing. Its
    # counted cells are at most as many rows as the table has cells.
    with src.small_reads() as shared:
        found = shared.execute(counted).to_arrow_table()
    cursor = src.connection.cursor()
    try:
        cursor.register("counted_cells", found)
        cursor.execute(f"CREATE OR REPLACE TABLE {cells} AS SELECT * FROM counted_cells")
    finally:
        cursor.close()


def _fetch_rows(src: Source, sql: str) -> list[dict[str, Any]]:
    result = src.connection.cursor().execute(sql)
    header = [d[0] for d in result.description or []]
    return [dict(zip(header, row, strict=True)) for row in result.fetchall()]


def fold_groups(
    groups: list[dict[str, Any]],
    *,
    declared_unique: bool = False,
    as_bound: bool = False,
    setting_value: bool = False,
    default_value: str | None = None,
) -> dict[str, Any]:
    """One column's figures from its rows of the profile query (see sql.table_profile_sql).

    The row without a code holds the column's bounds; one row per code holds its cells, distinct
    values and examples. ``declared_unique``: the schema declares the column unique by itself (beside
    the table's key); ``as_bound``: its affinity is BLOB (no declared type), so each cell's storage
    class is the one its writer bound (see :func:`_tokens_as_values`); ``setting_value``: it is a
    name/value table's values (:attr:`SourceColumn.setting_value`); ``default_value``: the text the
    schema has a NOT NULL column hold where none is given (:func:`declared_default_value`).
    """
    whole = next((g for g in groups if g["code"] is None), None)
    coded = [(split_code(int(g["code"])), g) for g in groups if g["code"] is not None]
    tokens = _tokens_as_values(
        coded,
        declared_unique=declared_unique,
        as_bound=as_bound,
        setting_value=setting_value,
        default_value=default_value,
    )
    if tokens:
        # Those tokens are text like the column's other values from here on (codes, examples); a row
        # holding others too (null 300 times beside a headword none) is split by each token's cells.
        split: list[tuple[tuple[StorageClass, Shape, int], dict[str, Any]]] = []
        for (storage, shape, flags), g in coded:
            if shape != Shape.NULL_LIKE or not _stripped(g["examples"]) & tokens:
                split.append(((storage, shape, flags), g))
                continue
            counts, sizes = _token_cells(g), _token_cells(g, "bytes")
            for kept, part_shape in ((True, Shape.OTHER), (False, Shape.NULL_LIKE)):
                names = {token for token in counts if (token in tokens) == kept}
                if names:
                    part = {
                        **g,
                        "cells": sum(counts[token] for token in names),
                        "bytes": sum(sizes[token] for token in names),
                        "distinct_values": sum(
                            1 for value in g["examples"] or [] if str(value).strip() in names
                        ),
                        "examples": [value for value in g["examples"] or [] if str(value).strip() in names],
                    }
                    split.append(((storage, part_shape, flags), part))
        coded = split
    codes: dict[int, int] = {}
    #: Numbers of a thousand or more written without grouping, by storage class (infer_column's
    #: thousands comma format).
    ungrouped: dict[StorageClass, int] = dict.fromkeys(StorageClass, 0)
    for (storage, shape, flags), g in coded:
        code = make_code(storage, shape, flags)
        codes[code] = codes.get(code, 0) + int(g["cells"])
        ungrouped[storage] += int(g[UNGROUPED] or 0)
    folded: dict[str, Any] = {
        "codes": codes,
        UNGROUPED: ungrouped,
        **{
            name: sum(int(g[name] or 0) for _, g in coded)
            for name in (
                LINE_ENDED,
                LINE_ENDED_LINES,
                LINES,
                SPACE_PADDED,
                START_PADDED,
                INDENTED,
                BREAK_PADDED,
            )
        },
        # The padded values of several lines (documents, loaded byte for byte): the LINES of the codes
        # of padded values (a code holds padded values or none: Flag.PADDED), no aggregate of its own.
        PADDED_LINES: sum(int(g[LINES] or 0) for (_, _, flags), g in coded if flags & Flag.PADDED),
        "distinct": sum(int(g["distinct_values"]) for _, g in coded),
        "bytes": sum(int(g["bytes"] or 0) for _, g in coded),
        "tokens_as_values": sorted(tokens),
    }
    for key in (*BOUNDS, *PADDED_WIDTH_BOUNDS, MIN_POSITIVE_INTEGER, *OPEN_END_BOUNDS):
        folded[key] = whole[key] if whole else None
    # The cells of each stand-in for no end (a value may be a cell of two codes: INTEGER and TEXT).
    ends: dict[int, int] = {}
    for end in (whole or {}).get(OPEN_END_CELLS) or ():
        ends[int(end["value"])] = ends.get(int(end["value"]), 0) + int(end["cells"])
    folded[OPEN_END_CELLS] = ends
    # The bytes of the values no whitespace pads (profile.padded_width): their codes' own bounds, a
    # code holding padded values or none (Flag.PADDED), NULL, '', null tokens and BLOBs aside.
    unpadded = [
        g
        for (_, shape, flags), g in coded
        if not flags & Flag.PADDED
        and shape > Shape.NULL_LIKE
        and shape != Shape.BLOB
        and g["min_value_bytes"] is not None
    ]
    folded["min_unpadded_bytes"] = min((int(g["min_value_bytes"]) for g in unpadded), default=None)
    folded["max_unpadded_bytes"] = max((int(g["max_value_bytes"]) for g in unpadded), default=None)
    # The bounds of the numbers written with a fraction or an exponent (REAL cells are), apart from
    # the integers': a date/time column's Julian days beside its epoch integers or compact dates.
    fractions = [g for (_, shape, _), g in coded if shape in FRACTION_SHAPES and g["min_number"] is not None]
    folded["min_fraction"] = min((float(g["min_number"]) for g in fractions), default=None)
    folded["max_fraction"] = max((float(g["max_number"]) for g in fractions), default=None)
    folded.update(_bounds_beside_zeros(coded))
    if whole:
        folded.update(column_text_bounds(groups))
    if tokens and folded["min_text"] is not None:
        folded["min_text"] = min(folded["min_text"], *tokens)
        folded["max_text"] = max(folded["max_text"], *tokens)
    for kind, shows in EXAMPLE_KINDS.items():
        values = [v for (_, shape, flags), g in coded if shows(shape, flags) for v in g["examples"] or []]
        folded[f"ex_{kind}"] = sorted(values)[:EXAMPLES]
    # The date shapes' examples by which readings make them dates: an override's reading picks its own.
    both = Flag.VALID_DAY_FIRST | Flag.VALID_MONTH_FIRST
    dates: dict[tuple[int, int], list[Any]] = {}
    for (_, shape, flags), g in coded:
        if shape in DATE_SHAPE_BY_CODE and g["examples"]:
            dates.setdefault((int(shape), flags & both), []).extend(g["examples"])
    folded["ex_dates"] = {key: sorted(values)[:EXAMPLES] for key, values in dates.items()}
    return folded


def _bounds_beside_zeros(
    coded: list[tuple[tuple[StorageClass, Shape, int], dict[str, Any]]],
) -> dict[str, Any]:
    """The bounds of a column's numbers other than its bare ``0`` cells (``min_beside_zeros`` /
    ``max_beside_zeros``: epoch integers beside 0 for "no date", :func:`_epoch_beside_zeros`), from the
    rows of its codes (a ``0`` or ``1`` is a code of its own, :attr:`Flag.ZERO_ONE`): None unless the
    column holds a 0 and no 1, and other numbers. The plain integers' exact bounds where a code has them."""
    zeros = [g for (_, _, flags), g in coded if flags & Flag.ZERO_ONE and g["min_number"] is not None]
    others = [g for (_, _, flags), g in coded if not flags & Flag.ZERO_ONE and g["min_number"] is not None]
    if not zeros or not others or any(float(g["max_number"]) != 0 for g in zeros):
        return {"min_beside_zeros": None, "max_beside_zeros": None}

    if not all(math.isfinite(float(g[bound])) for g in others for bound in ("min_number", "max_number")):
        # Text past the doubles ('1e999', 15 digits of 1.797...e+308 rounded up) is read as an infinity:
        # no moment (until 2026-12-05 the profile failed, "cannot convert float infinity to integer").
        return {"min_beside_zeros": None, "max_beside_zeros": None}

    def exact(g: dict[str, Any], bound: str) -> int:
        plain = g.get(f"{bound}_integer")
        return int(plain) if plain is not None else int(g[f"{bound}_number"])

    return {
        "min_beside_zeros": min(exact(g, "min") for g in others),
        "max_beside_zeros": max(exact(g, "max") for g in others),
    }


def _stripped(examples: list[str] | None) -> set[str]:
    return {str(value).strip() for value in examples or []}


#: Flags of a value spelt with letters or digits: what a mark (``+``, ``-``, ``.``) has none of.
SPELLED = Flag.WORD_UPPER | Flag.WORD_CAPITAL | Flag.WORD_LOWER | Flag.DIGITS


def _marks(rows: list[dict[str, Any]]) -> bool:
    """Whether every value of these rows of the profile query is one byte long (a mark, when it has no
    letter or digit: a one-byte letter has a word form, a digit a number's shape)."""
    return {row[key] for row in rows for key in ("min_value_bytes", "max_value_bytes")} == {1}


#: A column of at least this many distinct values (null tokens aside) may be a vocabulary: towns,
#: a dictionary's headwords, names; fewer are a list of codes or categories (see _in_vocabulary).
VOCABULARY_VALUES = 50
#: A vocabulary's values are words: at least this share of its cells is text of no number, date or
#: other shape (a number column's `None` is an export's NULL).
VOCABULARY_WORDS = 0.9
#: ... and the token's word form is common among them: at least this share of the distinct values
#: (`None` among towns written `Rome`, `Paris`; not `NULL` among `Ada Lovelace`, `Grace Hopper`).
VOCABULARY_FORM = 0.1


#: Free text (a summary, a comment body, a description) has at least this many distinct values (null
#: tokens aside) ...
PROSE_VALUES = 10
#: ... of at least this many bytes on average (a sentence: names, codes and tags are shorter) ...
PROSE_BYTES = 24
#: ... and at least this share of its example values hold a blank between words (words, not one token).
PROSE_SPACED = 0.5
#: The personal-data flags: a column of e-mail addresses, phone numbers or full names is no prose.
PERSONAL = Flag.EMAIL | Flag.PHONE | Flag.PERSON_NAME


#: A null token standing more than this many times as often as the column's most frequent other value
#: is its placeholder, whatever the other values' form: an export writes it wherever a value is
#: missing (``null`` in half a column of payment methods), where a value of the column's own (``none``
#: among ``cash`` and ``card``, the country code ``NA``) occurs about as often as the others do.
PLACEHOLDER_FACTOR = 2


def _token_cells(token: dict[str, Any], key: str = "cells") -> dict[str, int]:
    """The cells (or, with ``key="bytes"``, their bytes) of each null token of a row of the profile
    query (trimmed: its padded copies count with it); a row without ``token_cells`` (a typed scan's)
    gives each the row's mean."""
    listed = token.get("token_cells")
    if not listed:
        names = _stripped(token["examples"])
        each = int(token[key] or 0) // max(1, len(names))
        return dict.fromkeys(names, each)
    counts: dict[str, int] = {}
    for entry in listed:
        counts[str(entry["token"])] = counts.get(str(entry["token"]), 0) + int(entry[key] or 0)
    return counts


#: Characters of a value a note quotes (a long text is cut, with an ellipsis).
NOTE_VALUE_CHARS = 60


def _clipped(value: Any) -> Any:
    """``value`` as a note quotes it: text longer than :data:`NOTE_VALUE_CHARS` cut, with ``…``."""
    if isinstance(value, str) and len(value) > NOTE_VALUE_CHARS:
        return value[: NOTE_VALUE_CHARS - 1] + "…"
    return value


def _prose(others: Sequence[tuple[Shape, int, dict[str, Any]]]) -> bool:
    """Whether the column's values other than NULL, blanks and null tokens (``others``: its rows of the
    profile query) are free text: at least :data:`PROSE_VALUES` distinct values, at least
    :data:`VOCABULARY_WORDS` of the cells text of no number, date or boolean shape and no personal
    data, :data:`PROSE_BYTES` bytes a value on average, and at least :data:`PROSE_SPACED` of the
    examples words with a blank between them. Issue summaries, comment bodies, descriptions; not codes,
    tags, names, e-mail addresses or URLs."""
    cells = sum(int(row["cells"]) for _, _, row in others)
    if not cells or sum(int(row["distinct_values"]) for _, _, row in others) < PROSE_VALUES:
        return False
    text = sum(
        int(row["cells"]) for shape, bits, row in others if shape == Shape.OTHER and not bits & PERSONAL
    )
    if (
        text < VOCABULARY_WORDS * cells
        or sum(int(row["bytes"] or 0) for _, _, row in others) < PROSE_BYTES * cells
    ):
        return False
    examples = [
        str(value).strip()
        for shape, _, row in others
        if shape == Shape.OTHER
        for value in row["examples"] or []
    ]
    spaced = sum(1 for value in examples if re.search(r"\s", value))
    return bool(examples) and spaced >= PROSE_SPACED * len(examples)


def _in_vocabulary(
    cells_of_token: int, form: int, others: Sequence[tuple[Shape, int, dict[str, Any]]]
) -> bool:
    """Whether a word token (occurring ``cells_of_token`` times, of word ``form``) is a word of the
    column's vocabulary, not a placeholder: the column holds many different words (at least
    :data:`VOCABULARY_VALUES`, :data:`VOCABULARY_WORDS` of its cells words, :data:`VOCABULARY_FORM` of
    them of the token's form) and the token is as rare as its words are: at most twice, or no more
    often than the column's values on average. The Italian town ``None`` among 100K towns, the
    headwords ``none``, ``nil`` and ``null`` of a dictionary. An export's placeholder stands wherever
    a value is missing, so it repeats far more than any one word: ``NULL`` in 5 % of a column of
    remarks stays NULL. Each token is judged by its own count: a headword ``none`` once is a word
    beside a placeholder ``null`` 300 times, which is not."""
    cells = sum(int(row["cells"]) for _, _, row in others)
    distinct = sum(int(row["distinct_values"]) for _, _, row in others)
    if distinct < VOCABULARY_VALUES:
        return False
    words = sum(int(row["cells"]) for shape, _, row in others if shape in (Shape.OTHER, Shape.BOOLEAN_WORD))
    if words < VOCABULARY_WORDS * cells:
        return False
    of_form = sum(int(row["distinct_values"]) for _, bits, row in others if bits & form)
    if of_form < VOCABULARY_FORM * distinct:
        return False
    return cells_of_token <= max(2.0, cells / distinct)


#: JSON's null literal: a name/value table of JSON values (Uptime Kuma's ``setting``) writes an unset
#: setting so, a missing value, unlike a setting's word (see :func:`_tokens_as_values`).
JSON_NULL = "null"


def _tokens_as_values(
    coded: list[tuple[tuple[StorageClass, Shape, int], dict[str, Any]]],
    *,
    declared_unique: bool = False,
    as_bound: bool = False,
    setting_value: bool = False,
    default_value: str | None = None,
) -> set[str]:
    """The null tokens that are values of this column, not NULL: a token whose word form (a code of
    capitals, a capitalised or a lower-case word; :data:`.sql.WORD_FORMS`) every other value of the
    column has, of which there are at least two distinct ones. The country code ``NA`` among ``DE``
    and ``FR`` (capitals of its length), the severity ``None`` among ``Low`` and ``High``, the surname
    ``Null`` among others. A token of one byte and no letter or digit (``-``) is a value beside other
    such marks only, one of them enough: the minus strand among ``+`` (a GTF file's), a sign, a test
    result. A boolean spelling of the token's form counts as such a word (Norway's ``NO`` beside
    Namibia's ``NA``) unless all the others are: ``None`` among ``Yes`` and ``No`` is a boolean column's
    NULL. In a vocabulary of words of many forms (towns, a dictionary), a word token as rare as its
    words is one of them (:func:`_in_vocabulary`). In free text (:func:`_prose`: summaries, comment
    bodies), a word token standing at most :data:`PLACEHOLDER_FACTOR` times as often as the column's
    most frequent text is one of the texts: somebody typed ``None`` as a comment (an export's
    placeholder stands wherever a text is missing: far more often). A token of another form
    (``N/A``, ``-`` among words), or beside a value of another form (a number, a date, two words)
    or frequent among words, or a word token more than :data:`PLACEHOLDER_FACTOR` times as frequent
    as any other value (``null`` in half a column of lower-case payment methods), stands for NULL as
    configured. Each token of a row is judged by its own count (:func:`_token_cells`).

    In a column the schema declares unique by itself (``declared_unique``: a one-column UNIQUE
    constraint or unique index beside the table's key), every value names one row: a word token
    standing once among text of no number, date or boolean shape, in a column that writes no missing
    value otherwise (no NULL, no ``''``), is one of them, whatever the other values' forms (a hub's user
    called ``null`` among ``alice``, ``user-0042`` and ``o'brien``). A mark (``N/A``, ``-``) is never a
    name; a token beside NULLs or blanks is one more way of writing missing (an e-mail column's
    ``N/A`` beside ``''``), and one beside numbers or dates stands for NULL, so the column keeps its
    type.

    A column of BLOB affinity (``as_bound``: no declared type) keeps each cell as its writer bound it.
    Numbers there stored as INTEGER or REAL cells beside words stored as text show a writer that binds
    every value with its own type, which binds a missing one as NULL: a word token standing at most
    :data:`PLACEHOLDER_FACTOR` times as often as the column's most frequent other value, whose every
    other text value (at least one) is a word of its form, in a column that writes no NULL or ``''``,
    is one of them (a cache's settings: its eviction policy ``none`` beside the journal mode ``wal`` and
    the counts and sizes). Beside a NULL, or in a column of a declared type (numbers imported from a
    CSV, ``none`` text beside them), it stands for NULL as above.

    In a name/value table's values (``setting_value``: :attr:`SourceColumn.setting_value`), each row's
    value is of the kind its own row's name says, so the other rows' values say nothing of its form:
    a word token there is the setting's value (a movie manager's file date setting ``None``, its enum's
    name, beside a count ``60`` and a flag ``False``), kept as written, whatever stands beside it. A
    mark (``N/A``, ``-``) stands for NULL as above, and so does ``null``, JSON's literal: settings kept
    as JSON text (Uptime Kuma's) write an unset one so. Since 2026-12-06.

    A word token that a column declared NOT NULL has as its declared DEFAULT (``default_value``:
    :func:`declared_default_value`) is one of its values, alone or beside others: the schema forbids a
    missing value there and names the word as what a row holds unless given another (qBittorrent's
    ``stop_condition TEXT NOT NULL DEFAULT `None```, an enum's member beside ``MetadataReceived``). A
    mark (``N/A``) or a spelling of null (``null``, ``NULL``: SQL's NULL quoted by mistake, JSON's
    literal) as the default says nothing, as a nullable column's default does. Since 2026-12-06.

    ``coded``: the column's rows of the profile query, with their split codes."""
    kept: set[str] = set()
    if default_value is not None and default_value.lower() != JSON_NULL:
        for _, form, g in _named_token_rows(coded):
            if form is not None:
                kept |= {token for token in _token_cells(g) if token == default_value}
    others = [
        (shape, flags, g)
        for (_, shape, flags), g in coded
        if shape not in (Shape.NULL, Shape.EMPTY, Shape.NULL_LIKE)
    ]
    distinct_others = sum(int(g["distinct_values"]) for _, _, g in others)
    if distinct_others < 1:
        return kept
    if setting_value:
        for _, form, g in _named_token_rows(coded):
            if form is not None:
                kept |= {token for token in _token_cells(g) if token != JSON_NULL}
    missing = any(shape in (Shape.NULL, Shape.EMPTY) for (_, shape, _), _ in coded)
    if declared_unique and not missing and all(shape == Shape.OTHER for shape, _, _ in others):
        for _, form, g in _named_token_rows(coded):
            if form is not None:
                kept |= {token for token, cells in _token_cells(g).items() if cells == 1}
    most = max((int(row.get("max_value_cells") or 0) for _, _, row in others), default=0)
    if as_bound and not missing:
        kept |= _bound_words(coded, most)
    prose = _prose(others)
    for _, form, g in _named_token_rows(coded):
        if form is None:
            if _marks([g, *(row for _, _, row in others)]) and all(
                other == Shape.OTHER and not bits & SPELLED for other, bits, _ in others
            ):
                kept |= _stripped(g["examples"] or [])
            continue
        counts = _token_cells(g)
        words = {token for token, cells in counts.items() if _in_vocabulary(cells, form, others)}
        kept |= words
        if prose:
            # A word typed as a whole summary or comment ("None", "NULL") is one of the texts when it
            # stands about as often as they do; an export's placeholder repeats far more than any.
            kept |= _no_placeholders(counts, most)
        if distinct_others < 2:
            continue
        # A boolean spelling of the token's form is one more such word (Norway's NO among the country
        # codes, beside Namibia's NA), unless every other value is one: None among Yes and No is NULL.
        if not all(other in (Shape.OTHER, Shape.BOOLEAN_WORD) and bits & form for other, bits, _ in others):
            continue
        if all(other == Shape.BOOLEAN_WORD for other, _, _ in others):
            continue
        if form == Flag.WORD_UPPER:  # a code: of one length, the token's too
            rows = [g, *(row for _, _, row in others)]
            lengths = {row[key] for row in rows for key in ("min_value_bytes", "max_value_bytes")}
            if len(lengths) != 1:
                continue
        # A value of the column's is about as frequent as the others; a placeholder far more.
        kept |= {token for token, cells in counts.items() if not most or cells <= PLACEHOLDER_FACTOR * most}
    return kept


def _bound_words(coded: list[tuple[tuple[StorageClass, Shape, int], dict[str, Any]]], most: int) -> set[str]:
    """The word tokens of a column of BLOB affinity that writes no NULL or ``''`` whose numbers are
    bound as numbers (INTEGER or REAL cells) and whose every other text value is a word of the token's
    form: values, not NULL, where no more frequent than :data:`PLACEHOLDER_FACTOR` times the column's
    most frequent other value (``most``). See :func:`_tokens_as_values`."""
    numbers = [g for (storage, _, _), g in coded if storage in (StorageClass.INTEGER, StorageClass.REAL)]
    texts = [
        (shape, flags)
        for (storage, shape, flags), _ in coded
        if storage not in (StorageClass.INTEGER, StorageClass.REAL) and shape != Shape.NULL_LIKE
    ]
    if not numbers or not texts:
        return set()
    kept: set[str] = set()
    for storage, form, g in _named_token_rows(coded):
        if storage != StorageClass.TEXT or form is None:
            continue
        if not all(other == Shape.OTHER and bits & form for other, bits in texts):
            continue
        kept |= _no_placeholders(_token_cells(g), most)
    return kept


def _named_token_rows(
    coded: list[tuple[tuple[StorageClass, Shape, int], dict[str, Any]]],
) -> Iterator[tuple[StorageClass, Flag | None, dict[str, Any]]]:
    """The column's rows of null tokens whose every token is among the row's examples (so each can be
    named, and kept as a value), each with its storage class and its word form (:data:`.sql.WORD_FORMS`;
    None for a token of no word form: ``N/A``, ``-``)."""
    for (storage, shape, flags), g in coded:
        if shape == Shape.NULL_LIKE and len(g["examples"] or []) >= int(g["distinct_values"]):
            yield storage, next((flag for flag in WORD_FORMS if flags & flag), None), g


def _no_placeholders(counts: Mapping[str, int], most: int) -> set[str]:
    """The tokens of ``counts`` (cells per token) standing no more than :data:`PLACEHOLDER_FACTOR` times
    as often as the column's most frequent other value (``most``): as often as values, not a
    placeholder's repeats."""
    return {token for token, cells in counts.items() if cells <= PLACEHOLDER_FACTOR * max(1, most)}


def _keyed_steps(
    src: Source,
    table: str,
    settings: Settings,
    sample: int | None,
    parts: int,
    declared: DeclaredKey | None,
    keep: str,
    *,
    typed: bool = False,
    whole: bool = False,
    batched: bool = False,
    split: int = 1,
    long: bool = False,
) -> Generator[CellsQuery, list[dict[str, Any]], tuple[TableProfile, KeptValues | None]]:
    """:func:`profile_table`, then the table's key and duplicates (:mod:`.keys`; not counted on a
    sample); with the values kept for the reference search (none on a sample). As steps: with
    ``batched`` it asks its text query as :func:`_table_steps` does (run by :func:`_run_steps` else)."""
    alias = declared.columns if declared is not None and declared.rowid_alias else ()
    # The columns the schema declares unique by themselves, beside the table's key: each value names
    # one row (a hub's user names), so a null token there is one of them (see _tokens_as_values).
    alone = tuple(columns[0] for columns in declared.others if len(columns) == 1) if declared else ()
    options: dict[str, Any] = {
        "keep": keep,
        "typed": typed,
        "unique": alias,
        "declared_unique": alone,
        "whole": whole,
        "split": split,
        "long": long,
    }
    if batched:
        profiled = yield from _table_steps(src, table, settings, sample, parts, **options, batched=True)
    else:  # through the module's name: a test wraps it
        profiled = profile_table(src, table, settings, sample, parts, **options)
    # Decimals written two ways (1.1 and 1.10) stay text: reading them would make two values one. On a
    # sample too (the comparison reads every row).
    for name, why in merged_number_columns(src, profiled).items():
        keep_numbers_apart(profiled[name], why)
    # The values kept for the reference search are counted: the key's count reads its repeated ones.
    kept = kept_values(src, keep, list(profiled.columns)) if sample is None and profiled.columns else None
    # A UNIQUE constraint whose column holds NULL names no row by it: another declared key, or one
    # found in the data, names the rows (keys.naming_key).
    naming = naming_key(declared, profiled) if declared is not None else None
    find_key(src, profiled, naming, count=sample is None, kept=(kept.name, kept.columns) if kept else None)
    if (
        declared is not None
        and declared.found == "declared_primary_key"  # a UNIQUE so is passed over without a word
        and naming is not declared
        and (empty := never_filled(declared, profiled))
    ):
        what = ", ".join(profiled.key) or "none"
        profiled[empty].notes.append(
            f"declared PRIMARY KEY ({', '.join(declared.columns)}) but NULL in every row: SQLite keeps the "
            "NULL of a key that is no INTEGER PRIMARY KEY (a PostgreSQL SERIAL it never fills), so it "
            f"names no row; the table's key is {what} (declared UNIQUE, else found in the data)"
        )
    if (
        declared is not None
        and declared.found == "declared_primary_key"
        and naming is not declared
        and (held := declared_null_held(declared, profiled))
    ):
        what = ", ".join(profiled.key) or "none"
        profiled[held].notes.append(
            f"declared PRIMARY KEY ({', '.join(declared.columns)}) with {held} declared NULL, NULL in "
            f"{profiled[held].null_count:,} rows: SQLite keeps rows with a NULL in such a key apart, as "
            "in a UNIQUE constraint, so it names no row by them; the table's key is "
            f"{what} (declared UNIQUE, else found in the data)"
        )
    # Another key a reference found in the data may name (references._parent_keys).
    profiled.unique_alone = tuple(name for name in alone if name not in profiled.key)
    if declared is not None and profiled.key_found == "data_unique":
        # A key found in the data that the schema makes unique only with other columns names this
        # file's rows, but no row another table's column could point to (references.py).
        profiled.key_part_of = declared_with_others(declared, profiled.key)
        if profiled.key_part_of is not None:
            profiled[profiled.key[0]].notes.append(
                f"unique in the data, but the schema declares it UNIQUE ({', '.join(profiled.key_part_of)}) "
                "only with other columns: the table's key here, no parent of references inferred from "
                "the data"
            )
    tokens = list(settings.null_tokens)
    if naming is not None:
        # A declared key whose distinct values cleaning would merge (or null) keeps them as written.
        # On a sample too: the columns' figures are the sample's, the comparison reads every row.
        for name, reason in merged_key_columns(src, profiled, tokens).items():
            keep_as_written(profiled[name], reason.why, values_kept=reason.values_kept)
    elif sample is None and (merged := key_merged_by_cleaning(src, profiled, tokens)):
        # Distinct on every row as written, not once cleaned: no key, and the operator is told why.
        name, why = merged
        profiled[name].notes.append(
            f"distinct on every row as written, but no key of the table: {why} (a key declared in the "
            "export is loaded as written)"
        )
    if declared is not None:
        # So does each other declared key (a UNIQUE code beside the rowid key): its values are distinct
        # as written too, and a foreign key may name them. A value made NULL counts only where the
        # schema says every row has one (NOT NULL): else a NULL is a state the column may hold (a
        # blank e-mail of a UNIQUE e-mail column), and the documented rules apply as before.
        required = {column.name for column in src.table(table).columns if column.not_null}
        for columns in (declared.columns, *declared.others):
            if naming is not None and columns == naming.columns:
                continue
            alternate = replace(profiled, key=list(columns))
            nulls = all(name in required for name in columns)
            for name, reason in merged_key_columns(src, alternate, tokens, nulls=nulls).items():
                keep_as_written(profiled[name], reason.why, values_kept=reason.values_kept)
    return profiled, kept


def _long_cells_apart(src: Source, table: str, sample: int | None) -> bool:
    """Whether ``table``'s long cells can be read apart (:mod:`.long_cells`): not on a sample (its
    reservoir draws whole rows), and only by rowid."""
    return sample is None and src.table(table).rowid is not None


def _drop_kept(src: Source, keep: str) -> None:
    """Drop the tables of counted cells and kept values named after ``keep`` (a failed attempt's)."""
    src.connection.execute(f"DROP VIEW IF EXISTS {quote_ident(keep)}")
    found = src.connection.execute(
        "SELECT table_name FROM duckdb_tables() WHERE table_name = $1 OR starts_with(table_name, $1 || '_')",
        [keep],
    ).fetchall()
    for (name,) in found:
        src.connection.execute(f"DROP TABLE IF EXISTS {quote_ident(name)}")


def _declared_keys(src: Source, names: list[str]) -> dict[str, DeclaredKey]:
    """The declared keys of ``names`` (tables as read), read from the export's own catalogue (a UNIQUE
    index the private copy lacks still proves its key), named as read (:attr:`Source.renamed`)."""
    renamed = src.renamed
    rowid_keyed = {renamed.export_table(name) for name in names if src.table(name).rowid_referrers}
    keys = declared_keys(src.path, [renamed.export_table(name) for name in names], rowid_keyed)
    found = {}
    for table, key in keys.items():
        name = renamed.table(table)
        read = {column.name for column in src.table(name).columns}
        # A UNIQUE on a generated column the reader cannot compute (left out, see unreadable_columns)
        # names no column of the table as read: not a key here. (A primary key cannot be generated.)
        sets = [
            named
            for named in (tuple(renamed.column(table, c) for c in cs) for cs in (key.columns, *key.others))
            if read.issuperset(named)
        ]
        if not sets:
            continue
        if sets[0] != tuple(renamed.column(table, c) for c in key.columns):
            # The next UNIQUE names the rows; whether SQLite keeps it non-null is not known here, so
            # its clashes are counted.
            key = replace(key, found="declared_unique", rowid_alias=False, enforced=False)
        found[name] = replace(key, columns=sets[0], others=tuple(sets[1:]))
    return found


def _declared_references(src: Source, names: list[str]) -> list[Reference]:
    """The foreign keys the export declares between ``names`` (tables as read), from its own
    catalogue, named as read (:attr:`Source.renamed`)."""
    renamed = src.renamed
    found = declared_references(src.path, [renamed.export_table(name) for name in names])
    return [
        replace(
            reference,
            child=renamed.table(reference.child),
            columns=tuple(renamed.column(reference.child, c) for c in reference.columns),
            parent=renamed.table(reference.parent),
            parent_columns=tuple(renamed.column(reference.parent, c) for c in reference.parent_columns),
        )
        for reference in found
    ]


def _rowid_references(src: Source, names: list[str]) -> list[Reference]:
    """The references to a table's rowid, carried as its column ``rowid``
    (:attr:`~columnar_etl.source.catalogue.SourceTable.rowid_referrers`) between ``names`` (tables as
    read), named as read (:attr:`Source.renamed`)."""
    renamed = src.renamed
    found = []
    for parent in names:
        for child, column in src.table(parent).rowid_referrers:
            if renamed.table(child) in names:
                found.append(
                    Reference(
                        renamed.table(child),
                        (renamed.column(child, column),),
                        parent,
                        (ROWID_KEY,),
                        declared=True,
                        collations=("BINARY",),
                        affinities=("INTEGER",),
                        by_rowid=True,
                    )
                )
    return found


def _say_rowid_carried(src: Source, tables: Mapping[str, TableProfile]) -> None:
    """A note on each rowid carried as a column (:func:`_rowid_references`): why it appeared."""
    for name, table in tables.items():
        referrers = src.table(name).rowid_referrers
        if referrers and ROWID_KEY in table.columns:
            held = ", ".join(f"{src.renamed.table(t)}.{src.renamed.column(t, c)}" for t, c in referrers)
            table[ROWID_KEY].notes.append(
                f"SQLite's rowid of the table, which has no key column: {held} hold it as the row's "
                "identity, so it is loaded as this column (each value the row's rowid, its key)"
            )


def _dangling_declarations(src: Source, names: list[str]) -> dict[tuple[str, str], str]:
    """The foreign keys of ``names`` (tables as read) that name a table or column the export lacks
    (:func:`.references.dangling_declarations`), under the export's names."""
    return dangling_declarations(src.path, [src.renamed.export_table(name) for name in names])


def _say_dangling_declarations(
    src: Source, profiled: Mapping[str, TableProfile], found: Mapping[tuple[str, str], str]
) -> None:
    """A note on each column whose declared foreign key names a table or column the export lacks
    (``found``: :func:`_dangling_declarations`), with its tables and columns named as read."""
    renamed = src.renamed
    for (table, column), why in found.items():
        name, read = renamed.table(table), renamed.column(table, column)
        if name in profiled and read in profiled[name].columns:
            profiled[name][read].notes.append(why)


def _work(table: SourceTable) -> int:
    return table.estimated_rows * max(1, len(table.columns))


def _parts(table: SourceTable, threads: int) -> int:
    """Rowid ranges to read ``table`` as: one per ``ROWS_PER_PART`` rows, at most one per thread."""
    return max(1, min(threads, table.estimated_rows // ROWS_PER_PART))


def profile(
    source: str | Path,
    tables: list[str] | None = None,
    sample: int | None = None,
    *,
    settings: Settings | None = None,
) -> Profile:
    """Profile ``tables`` (default: all) of the SQLite export at ``source``.

    Every row is read unless ``sample`` asks for a repeatable reservoir sample of that many rows per
    table. Returns a :class:`Profile` with per-column types, counts, issues, quality scores and the
    circuit breaker's verdict (``profile.gate``). The source is opened read-only. A cell over
    ``max_cell_size`` is refused first (:class:`~columnar_etl.errors.CellTooLarge`, exit 3; not
    measured again when this process found the same file free of one: a run's preflight).
    """
    settings = settings or load_settings()
    log = get_logger(stage="profile")
    started = time.perf_counter()
    with open_source(source, settings.source_encoding_fallback) as src:
        src.limit_memory(settings.profile_memory_limit)
        # An unknown table fails before any work; `tick` is the export's `Tick`, as SQLite reads it.
        names = resolve_tables(tables, src.tables, path=src.path) if tables is not None else list(src.tables)
        not_profiled = [name for name in src.tables if name not in names]
        # Cells too large to move are refused before any is read (see .cell_sizes).
        refuse_large_cells(src, names, settings.max_cell_size)
        limit = memory_bytes(settings.profile_memory_limit)
        records = records_over(src, read_bytes(limit))
        # A table holding a row of more than a read of long cells (read_bytes: 8 MB at 256 MB) has its
        # long cells read apart from the start (see .long_cells), alone: read the usual way, one vector
        # held that row whole, with its copies, in memory DuckDB's limit does not count, and ran out of
        # memory three times before it got there (5 rows of 15 MB TEXT + 15 MB BLOB: 1.67 GB of RSS,
        # exit 1; 8 MB + 8 MB passed at 999 MB).
        long_rows = [
            name
            for name in names
            if records
            and records.get(src.renamed.export_table(name), 0) > read_bytes(limit)
            and _long_cells_apart(src, name, sample)
        ]
        # One query per table. The tables run side by side, one cursor each, biggest first. Each
        # query gets the cores left per table (one, when there are more tables than cores: a
        # parallel aggregate costs more CPU than it saves here), and a big table is then read as
        # that many rowid ranges, so its scan runs on all of them too. A table too big to share
        # profile_memory_limit (see ALONE_BYTES_PER_CELL) is profiled first, alone, with every core.
        cores = os.cpu_count() or 1
        order = sorted(names, key=lambda name: _work(src.table(name)), reverse=True)
        declared = _declared_keys(src, names)
        most = limit // ALONE_BYTES_PER_CELL
        alone = [
            name for name in order if name in long_rows or (sample is None and _work(src.table(name)) > most)
        ]
        together = [name for name in order if name not in alone]
        threads = max(1, cores // max(1, len(together)))
        src.attachments(cores if alone else threads)
        # Small tables' text queries run as one (planning it is most of what profiling one costs).
        batch = (
            [
                name
                for name in together
                if counted_in_batch(src.table(name).estimated_rows, len(src.table(name).columns))
            ]
            if sample is None
            else []
        )
        batch = batch if len(batch) > 1 else []
        # Fewer big tables than cores (one big table beside small ones, each on one thread): a core
        # would idle while the biggest is read, so its text columns are read as groups (_text_groups).
        # With as many as cores, both are busy anyway, and the groups' extra reads cost CPU (the wide
        # export, 10 interleaved fresh processes: 3.08 -> 3.30 s of CPU, no faster).
        grouped = len(together) - len(batch) < cores

        def one(
            name: str, threads: int, whole: bool = False, long: bool = False
        ) -> tuple[TableProfile, KeptValues | None]:
            parts = _parts(src.table(name), threads)
            keep = f"{KEPT_PREFIX}{order.index(name)}"
            key = declared.get(name)
            # A query on one thread each, side by side, and a core to spare: the table's text columns
            # as groups on threads of their own (see _text_groups).
            split = TEXT_GROUPS if threads == 1 and grouped and not whole else 1
            return _run_steps(
                _keyed_steps(
                    src,
                    name,
                    settings,
                    sample,
                    parts,
                    key,
                    keep,
                    typed=True,
                    whole=whole,
                    split=split,
                    long=long,
                )
            )

        def by_itself(name: str) -> tuple[TableProfile, KeptValues | None]:
            # Alone, with the whole limit and every core; out of memory even so, once more with one
            # thread: DuckDB's aggregates hold a hash table per thread, and at 40x the wide export's
            # timesheets ran out of 256 MB with two now and then (at random, early in the table).
            # Typed only where the typed scan reads every column (see profile_table's ``whole``).
            if name in long_rows:
                src.connection.execute("SET threads = 1")
                return one(name, 1, whole=True, long=True)
            src.connection.execute(f"SET threads = {cores}")
            try:
                return one(name, cores, whole=True)
            except SourceError as exc:
                if cores == 1 or not isinstance(exc.__cause__, duckdb.OutOfMemoryException):
                    raise
            log.info("profiling again with one thread", table=name)
            _drop_kept(src, f"{KEPT_PREFIX}{order.index(name)}")  # what the failed attempt left
            src.connection.execute("SET threads = 1")
            try:
                return one(name, 1, whole=True)
            except SourceError as exc:
                if not isinstance(exc.__cause__, duckdb.OutOfMemoryException) or not _long_cells_apart(
                    src, name, sample
                ):
                    raise
            # A vector of 2,048 rows of long text (and its copies) can outgrow the limit by itself:
            # its long cells are read apart, a few at a time (see .long_cells).
            log.info("profiling again, long cells apart", table=name)
            _drop_kept(src, f"{KEPT_PREFIX}{order.index(name)}")
            return one(name, 1, whole=True, long=True)

        results: dict[str, tuple[TableProfile, KeptValues | None]] = {}
        if alone:
            log.info("profiling alone", tables=alone)
            for name in alone:
                results[name] = by_itself(name)
            # What their aggregates held stays with DuckDB, up to the cap, though idle: the tables
            # side by side would stack their own on top (the wide export at 40x: the profile's process
            # peaked at 538-605 MB; with this and the release before the references' query, 423 MB).
            src.release_memory()
        src.connection.execute(f"SET threads = {threads}")
        short_of_memory: list[str] = []
        with ThreadPoolExecutor(max_workers=cores) as pool:
            # Side by side, a table's INTEGER columns come from the typed scan; a table alone, or again
            # alone after running out of memory, is read all as text unless the typed scan reads all
            # of it (see profile_table: its memory use at 40x is known).
            futures = {name: pool.submit(one, name, threads) for name in together if name not in batch}
            if batch:
                steps = {
                    name: _keyed_steps(
                        src,
                        name,
                        settings,
                        sample,
                        _parts(src.table(name), threads),
                        declared.get(name),
                        f"{KEPT_PREFIX}{order.index(name)}",
                        # All as text: a typed scan of a small table is a query of its own (its
                        # planning most of its cost), where its text joins the one batched query
                        # (200 tables of 50 rows: the profile 4.7 -> 3.3 s of CPU; same profiles).
                        typed=False,
                        batched=True,
                    )
                    for name in batch
                }
                batched, failed = _profile_batched(src, settings, pool, steps)
                results.update(batched)
                short_of_memory += failed
            for name in futures:
                try:
                    results[name] = futures[name].result()
                except SourceError as exc:
                    if not isinstance(exc.__cause__, duckdb.OutOfMemoryException):
                        raise
                    short_of_memory.append(name)
        if short_of_memory:
            # Side by side, the tables share profile_memory_limit: a table that ran out of it is
            # profiled again alone, with the whole limit and every core (a second failure is final).
            log.info("profiling again alone", tables=short_of_memory)
            src.attachments(cores)
            for name in short_of_memory:
                _drop_kept(src, f"{KEPT_PREFIX}{order.index(name)}")
                results[name] = by_itself(name)
        profiled = {name: results[name][0] for name in names}  # in the export's order
        _read_as_the_export_proves(profiled, settings.date_order_default)
        _commas_as_the_export_proves(profiled)
        _points_as_the_export_proves(profiled)
        _empty_moments_as_the_export_writes(profiled)
        _empty_epochs_as_the_table_writes(profiled)
        kept = {name: values for name, (_, values) in results.items() if values is not None}
        # References need every table's key and figures: declared ones, else inferred from the data.
        # Their one query counts every kept value: DuckDB first hands back what the tables' queries
        # left idle (see the release after the tables alone, above).
        src.release_memory()
        declared_here = _declared_references(src, names)
        dangling = _dangling_declarations(src, names)
        # A foreign key naming a table the file lacks (SQLite's rename rewrites a clause to a table
        # then dropped) is no reference, but the export declares its references all the same.
        find_references(
            src,
            profiled,
            declared_here,
            kept,
            declares=bool(declared_here or dangling),
            by_rowid=_rowid_references(src, names),
        )
        _say_rowid_carried(src, profiled)
        _say_dangling_declarations(src, profiled, dangling)
        say_joined_by_cleaning(src, profiled, declared_here, list(settings.null_tokens))
        not_null = {name: {c.name for c in src.table(name).columns if c.not_null} for name in profiled}
        blank_default = {
            name: {c.name for c in src.table(name).columns if declares_blank_default(c.default)}
            for name in profiled
        }
        # A JSON column's own `null` is no second way beside the table's blanks: marked first.
        _tokens_kept_in_keys(profiled, not_null)
        _tokens_as_unfilled_columns(profiled)
        _json_nulls_as_missing(profiled, src.json_documents)
        _blanks_as_the_table_writes_missing(
            profiled,
            not_null,
            blank_default,
            unique_members(src.indexes),
            _columns_added_later(src, profiled),
        )
        internal, unreadable, views = dict(src.internal), dict(src.unreadable), dict(src.views)
        full_text = dict(src.full_text)
        unreadable_columns = {name: dict(why) for name, why in src.unreadable_columns.items()}
        indexes, triggers = indexes_not_copied(src.indexes, profiled), triggers_not_copied(src.triggers)
        dropped, renamed = src.dropped_for_reader, src.renamed.records()
        rebuilt = {name: why for name, why in src.rebuilt_for_reader.items() if name in profiled}
    if internal:
        log.info("virtual tables' storage left out", tables=sorted(internal))
    if unreadable:
        log.warning("tables left out: SQLite here cannot read them", tables=unreadable)
    if unreadable_columns:
        log.warning("generated columns left out: SQLite here cannot compute them", columns=unreadable_columns)
    if full_text:
        log.info("full-text indexes not loaded: their documents load", indexes=sorted(full_text))
    if views:
        log.info("views not loaded: their rows are their tables'", views=sorted(views))
    if indexes or triggers:
        log.info("indexes and triggers not copied", indexes=sorted(indexes), triggers=sorted(triggers))
    if dropped:
        log.info("read through a private copy without objects the reader cannot parse", dropped=dropped)
    if rebuilt:
        log.info("read through a private copy without the collation of their key", tables=sorted(rebuilt))
    if renamed:
        log.info("names the readers cannot take: read and loaded under another name", renamed=renamed)
    quality = score_profile(profiled)
    result = Profile(
        source=Path(source),
        tables=profiled,
        quality=quality,
        gate=evaluate_gate(profiled, quality, settings),
        settings={
            "null_tokens": list(settings.null_tokens),
            "date_order_default": settings.date_order_default,
            "min_quality": settings.min_quality,
            "halt_quality": settings.halt_quality,
            "halt_type_mismatch_share": settings.halt_type_mismatch_share,
            "halt_corrupt_date_share": settings.halt_corrupt_date_share,
        },
        seconds=time.perf_counter() - started,
        sample=sample,
        internal_tables=internal,
        unreadable_tables=unreadable,
        full_text_not_loaded=full_text,
        unreadable_columns=unreadable_columns,
        views_not_loaded=views,
        indexes_not_copied=indexes,
        triggers_not_copied=triggers,
        dropped_for_reader=dropped,
        rebuilt_for_reader=rebuilt,
        renamed_for_reader=renamed,
        not_profiled=not_profiled,
    )
    log.info("profiled", tables=len(profiled), quality=round(quality, 2), gate=result.gate.status)
    return result
