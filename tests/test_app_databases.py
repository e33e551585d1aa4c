"""Applications' own SQLite databases (Apple Core Data, an Android Room app, Chrome's history, Trac,
Roundup, a Matrix homeserver, a GnuCash book, a Tryton ERP, a CMS's search index, Home Assistant's
recorder, Celery's result backend, R's data frames, a feed reader's cache, a Fossil repository, a Joplin
profile, an Actual Budget file, a PowerDNS server, Firefox's places and icons, a Directus project, a
Strapi project, a Chroma vector store, a Redmine tracker, a Roundcube webmail, a Superset metadata
database, an nbgrader gradebook, a Prosody XMPP server, a Ghost blog, a HyperKitty mail archive, a wger
fitness tracker, a Kolibri facility, a Kiwi TCMS test case history, a doccano annotation project, a
Sopel IRC bot, a SickChill TV downloader, a django-oscar shop, a GNU Mailman 3 server, a Buildbot
master, an APScheduler job store, an MLflow tracking store, an Optuna study, a JupyterHub database, a
beets music library, an Anki collection, a buku bookmark manager, a Prefect orchestration server, an
Apache Airflow metadata database, a calibre e-book library, a Wagtail CMS, a pretix ticket shop, a Label
Studio project, a django-helpdesk site, a Review Board server, a Kallithea server, a TypeORM
application, a Drizzle ORM application, a Calibre-Web server, a Gramps family tree, a Mayan EDMS
archive, a GeoPackage GDAL wrote, an IPython history, a diskcache cache, coverage.py's data, a
requests-cache cache, a Dagster instance's run storage, a pgAdmin 4 configuration database, a Luigi
task history, an atuin shell history, a Request Tracker help desk, a django CMS and django-wiki
site, a MikroORM application, a Kysely application, an Objection.js application, a DBIx::Class
application, a Tortoise ORM application, a Piccolo ORM application, a Ruby Sequel application, a
SQLObject application, a Storm application, an ormar application, a Graphite-web server, a pyLoad-ng
download manager, a Mopidy-Local music library, a Jupyter server's Y store and file ids,
pytest-testmon's data, a shard of mypy's SQLite cache, an Aim repository's run metadata, a Quassel
IRC core, a Skrooge finance book, a darktable photo library, a django-q2 task queue, a Django site's
Celery results and beat schedules, a Flask-AppBuilder application, an ArchiveBox web archive, a
pretalx conference, a Spirit forum, a NocoDB base, an n8n instance, a Django site's
django-simple-history and django-reversion history, a LangGraph agent's checkpoints, a Celery broker
on kombu's SQLAlchemy transport, a Laravel (Eloquent) application, a Doctrine ORM application, a Perl
Minion job queue, a dbt project's warehouse as dbt-sqlite writes it, a Meltano project's system
database, a Frictionless data package, a GNOME Tracker 3 desktop search index, a Payload CMS 3
project, a Flask/SQLAlchemy application with SQLAlchemy-Utils' types, a Feast feature store's online
store and SQL registry, a Sacred experiment's SQL observer, a Rasa assistant's tracker store, a
Mezzanine site's Cartridge shop, Liquibase's change log and the schema it rebuilt, an Open WebUI
server, an Argilla server, DVC's data index and remote index cache, a Guild AI runs index, a Zabbix
proxy, a Liferea feed reader, an Evolution-data-server address book, an MPD music server's stickers,
a FreeRADIUS server's accounting, a Bacula catalog, macOS Messages' chat.db, Android's telephony
provider, a WhatsApp message store, an Etherpad server's key/value store, a Nuxt Content site's
database, a Lighthouse CI server, a Shuup shop, a Django site's django-allauth, django-oauth-toolkit
and dj-rest-auth tables, an Isso comment server, a profanity XMPP client's chat log, a Sympa list
server, an Access database converted by MDB Tools, a khal calendar's cache, a todoman to-do list's
cache, a vdirsyncer sync's status, an ARA Records Ansible database, a fail2ban server's database, a
SpatiaLite database, an MBTiles tile set, GDAL's SQLite dialect without SpatiaLite, an ActivityWatch
datastore, a Timetagger itemdb, a hamster-lib and a Hamster time tracker's database, a Mumble voice
chat server, a qutebrowser history, a Lutris game library, a Vendure shop, a Waline comment server, an
AdonisJS Lucid application, an Apple Health export, an Evernote export, a Twitter archive and a Google
Takeout as the dogsheep tools convert them, a git-annex repository's keys database, a Zim notebook's
index, an ejabberd server, a Letta agent server's database, a mem0 memory layer's history, crewAI's
kickoff task outputs and flow persistence, a Gajim XMPP client's message archive, a Mage AI project's
database, a Kedro-Viz session store, a Telethon, a Pyrogram and a Kurigram session file, a persist-queue
database, a Limnoria IRC bot's Factoids, Aka and QuoteGrabs databases, a Kresus personal finance
manager, a KeystoneJS project, a Shotwell photo library, a CrowdSec agent's local API database, a
Kamailio SIP server, a MiniDLNA and a Gerbera media server, an Agno agent's SqliteDb, a Chainlit
app's SQLAlchemy data layer, a Mnemosyne flashcard database, a Dino XMPP client's database, a
Strawberry music collection, a Scrapyd server's finished jobs and spider queue, a Django site's
django-silk profiler tables, a Django site's django-auditlog and django-activity-stream tables, a
vnStat traffic monitor, ulogd2's netfilter packet log, a zathura document viewer, a luakit and a
Falkon web browser, a Pi-hole DNS filter's query log and lists, a Netdata agent's metadata, a digiKam
photo library, a Kodi music and video library, a Django site's django-treebeard trees, a Django site's
django-axes login log and django-phonenumber-field numbers, a Geary mail client, Thunderbird's global
message index, an Arize Phoenix LLM tracing store, a promptfoo eval database, a Flowise and a Langflow
server, a Vaultwarden password manager, a Zotero reference library, a Money Manager Ex personal
finance file, a Paperless-ngx document archive, a Healthchecks cron monitor, a Tautulli media server
monitor, a Memos note-taking server, a GoToSocial fediverse server, a Grafana server, a Gitea forge,
a Kotti CMS site, a Papermerge document archive, an Uptime Kuma status monitor, a Navidrome music
server, a Deno program's KV store, a Headscale control server, a Vikunja to-do server, a Nix store's
database, a Syncthing folder's index, a Grocy household, a Trilium Notes document, a Grist document,
KOReader's reading statistics, a Gatus uptime monitor, a Komga comics server, a Kavita manga server,
a Jellyfin media server, a Mixxx DJ library, a QuiteRSS feed reader, an Elisa music player, a Kanboard
project board, a wallabag read-it-later server, a Mealie recipe manager, a FreshRSS feed reader, a
KMyMoney book, a Gadgetbridge fitness database, a Bazarr subtitle manager, an Overseerr media request
server, a Nextcloud desktop client's sync journal, an RSS Guard feed reader, a linkding bookmark
manager, an Audiobookshelf server, a Karakeep bookmark manager, an ntfy notification server, a Gotify
notification server, a Baïkal CalDAV and CardDAV server, a Sonarr TV library, a Radarr movie library, a
Firefly III finance manager, a PhotoPrism photo index)
through ``columnar-etl run`` into the session's real PostgreSQL, every cell checked.

The files are built by ``tests/app_databases.py`` as those applications write them. Each test runs the
CLI as an operator would (``run --mode simple --yes --json``), then checks every cell of the target
against the source and the audit with the project's lossless checker, the exit code and run.json's
outcome, the types chosen, and the values the builder knows, computed from its own numbers. What these
files stress: instants counted from other epochs than Unix's (Apple's 2001-01-01 in REAL seconds,
WebKit's 1601-01-01 in microseconds) must never be read as Unix epochs; REAL seconds keep every digit;
a binary plist in a BLOB arrives byte for byte; Android's epoch milliseconds are the documented
``epoch:milliseconds`` rule, each cell audited.
"""

from __future__ import annotations

import base64
import bz2
import hashlib
import json
import pickle
import quopri
import re
import sqlite3
import struct
import sys
import urllib.parse
import zlib
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import pyarrow.parquet as pq
import pytest

from columnar_etl.pg.identifiers import quote_ident
from columnar_etl.rules import GO_TIME_FORMAT

from . import app_databases as apps
from .conftest import pg_column_types, pg_query, primary_key
from .lossless_check import summarize
from .other_products import FREE_TEXT
from .quality_formula import COSMETIC, column_score, export_score
from .test_crm_exports import references
from .test_data_tools import profiled
from .test_other_products import (
    Ran,
    arrives_as,
    audit_rules,
    loaded_cleanly,
    naive,
    run_export,
)
from .value_oracle import WHITE_SPACE

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]
UNIX_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def audited_columns(run_dir: Path) -> set[tuple[str, str, str]]:
    return {
        (r["table"], r["column"], r["rule"]) for r in pq.read_table(run_dir / "audit.parquet").to_pylist()
    }


def test_core_data_store_keeps_apple_seconds_and_the_plist_exactly(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.core_data)
    tickets, customers = 30, 5
    tables = {
        "ZCUSTOMER": customers,
        "ZTICKET": tickets,
        "Z_PRIMARYKEY": 2,
        "Z_METADATA": 1,
        "Z_MODELCACHE": 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("ZTICKET")
    # Seconds since 2001-01-01 are no Unix epoch: no rule reads them as instants, they stay numbers,
    # whether every cell is REAL or some are INTEGER (whole seconds under the TIMESTAMP declaration's
    # NUMERIC affinity); a column of whole seconds only is INTEGER cells only: bigint.
    assert types["ZCREATIONDATE"] == types["ZDUEDATE"] == "double precision"
    assert types["ZMODIFICATIONDATE"] == "bigint"
    for column in ("Z_PK", "Z_ENT", "Z_OPT", "ZSTATUS", "ZCUSTOMER"):
        assert types[column] == "bigint", column
    assert primary_key(ran.uri, ran.record["version_schema"], "ZTICKET") == ["Z_PK"]
    # Every digit of the REAL seconds: the very double SQLite holds.
    created = ran.values("ZTICKET", "ZCREATIONDATE", "Z_PK")
    assert created == {i + 1: apps.apple_seconds(i) for i in range(tickets)}
    assert all(type(v) is float for v in created.values())
    assert ran.values("ZTICKET", "ZDUEDATE", "Z_PK") == {i + 1: apps.apple_due(i) for i in range(tickets)}
    modified = ran.values("ZTICKET", "ZMODIFICATIONDATE", "Z_PK")
    assert modified == {i + 1: apps.apple_modified(i) for i in range(tickets)}
    # The operator's reading of them as instants, in PostgreSQL, gives the app's dates (to the µs).
    moments = dict(
        pg_query(
            ran.uri,
            "SELECT \"Z_PK\", timestamptz '2001-01-01 00:00:00+00' + \"ZCREATIONDATE\" * interval '1 second' "
            f'FROM "{ran.base}"."ZTICKET"',
        )
    )
    for i in range(tickets):
        expected = apps.apple_instant(apps.apple_seconds(i))
        assert abs(moments[i + 1] - expected) <= timedelta(microseconds=1), i
    assert moments[1].date() == datetime(2024, 5, 21).date()
    for column in ("ZCREATIONDATE", "ZDUEDATE", "ZMODIFICATIONDATE"):
        assert audit_rules(run_dir, "ZTICKET", column) == {}, column
    # The to-one relation: each ticket's customer, NULL where it has none.
    assert references(run_dir)[("ZTICKET", "ZCUSTOMER")] == "ZCUSTOMER.Z_PK"
    assert ran.values("ZTICKET", "ZCUSTOMER", "Z_PK") == {
        i + 1: None if i % 7 == 6 else i % customers + 1 for i in range(tickets)
    }
    assert ran.values("ZTICKET", "ZTITLE", "Z_PK") == {
        i + 1: arrives_as(apps.core_data_title(i)) for i in range(tickets)
    }
    # Only the titles ending in blanks changed: trimmed, audited.
    trailing = {
        str(i + 1) for i in range(tickets) if apps.core_data_title(i) != apps.core_data_title(i).rstrip()
    }
    assert audit_rules(run_dir, "ZTICKET", "ZTITLE") == {key: {"trim"} for key in trailing}
    assert audited_columns(run_dir) == {("ZTICKET", "ZTITLE", "trim")}
    # The binary plist and the model cache: bytea, byte for byte.
    assert ran.types("Z_METADATA")["Z_PLIST"] == ran.types("Z_MODELCACHE")["Z_CONTENT"] == "bytea"
    [(plist,)] = pg_query(ran.uri, f'SELECT "Z_PLIST" FROM "{ran.base}"."Z_METADATA"')
    assert bytes(plist) == apps.core_data_metadata() and bytes(plist).startswith(b"bplist00")
    [(cache,)] = pg_query(ran.uri, f'SELECT "Z_CONTENT" FROM "{ran.base}"."Z_MODELCACHE"')
    assert bytes(cache) == bytes(range(256)) * 4
    assert ran.values("Z_PRIMARYKEY", "Z_MAX", "Z_NAME") == {"Customer": customers, "Ticket": tickets}


def test_android_room_database_epoch_millis_become_the_instants_audited(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.android_room)
    messages = 40
    loaded_cleanly(ran, run_dir, {"android_metadata": 1, "messages": messages, "room_master_table": 1})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("messages")
    assert types["date"] == "timestamp with time zone"
    # 0 for "not known" is no instant: the column keeps its integers, every one.
    assert types["date_sent"] == types["is_read"] == types["thread_id"] == "bigint"
    assert ran.values("messages", "date", "id") == {
        i + 1: UNIX_EPOCH + timedelta(milliseconds=apps.android_millis(i)) for i in range(messages)
    }
    first = ran.values("messages", "date", "id")[1]
    assert first == datetime(2024, 5, 20, 8, 42, 0, 123_000, tzinfo=UTC)  # 1716194520123 ms
    assert audit_rules(run_dir, "messages", "date") == {
        str(i + 1): {"epoch:milliseconds"} for i in range(messages)
    }
    assert ran.values("messages", "date_sent", "id") == {i + 1: apps.android_sent(i) for i in range(messages)}
    assert ran.values("messages", "is_read", "id") == {i + 1: int(i % 3 == 0) for i in range(messages)}
    assert ran.values("messages", "body", "id") == {
        i + 1: arrives_as(FREE_TEXT[i % len(FREE_TEXT)]) for i in range(messages)
    }
    assert pg_query(ran.uri, f'SELECT locale FROM "{ran.base}".android_metadata') == [("en_US",)]
    assert ran.values("room_master_table", "identity_hash", "id") == {42: "a1b2c3d4e5f60718293a4b5c6d7e8f90"}
    assert {(t, c) for t, c, _ in audited_columns(run_dir)} == {("messages", "date"), ("messages", "body")}


def test_chrome_history_keeps_webkit_microseconds_as_integers(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.chrome_history)
    urls, per_url = 30, 2
    loaded_cleanly(ran, run_dir, {"meta": 3, "urls": urls, "visits": urls * per_url})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # Microseconds since 1601 are no Unix epoch: bigint, every digit, nothing audited.
    assert ran.types("urls")["last_visit_time"] == ran.types("visits")["visit_time"] == "bigint"
    assert ran.values("urls", "last_visit_time", "id") == {i + 1: apps.webkit_micros(i) for i in range(urls)}
    assert ran.values("visits", "visit_time", "id") == {
        i * per_url + v + 1: apps.webkit_micros(i) - (per_url - 1 - v) * 60_000_000
        for i in range(urls)
        for v in range(per_url)
    }
    audited = audited_columns(run_dir)
    assert not {c for t, c, _ in audited if c in ("last_visit_time", "visit_time", "url")}
    # The operator's reading: WebKit's epoch in PostgreSQL gives the visit's instant.
    [(moment,)] = pg_query(
        ran.uri,
        "SELECT timestamptz '1601-01-01 00:00:00+00' + last_visit_time * interval '1 microsecond' "
        f'FROM "{ran.base}".urls WHERE id = 1',
    )
    assert moment == apps.webkit_instant(13_360_000_000_000_000)
    assert moment.year == 2024
    # Long URLs with their query strings, exactly; emoji titles (ends trimmed as any text).
    assert ran.values("urls", "url", "id") == {i + 1: apps.chrome_url(i) for i in range(urls)}
    assert min(len(apps.chrome_url(i)) for i in range(urls)) > 500
    assert ran.values("urls", "title", "id") == {i + 1: arrives_as(apps.chrome_title(i)) for i in range(urls)}
    assert ran.values("urls", "visit_count", "id") == {i + 1: per_url for i in range(urls)}
    assert references(run_dir)[("visits", "url")] == "urls.id"
    # Chrome's meta is a name/value table (its key declared unique): its digits written as text stay
    # the text they are (since 2026-12-05; numbers before).
    assert ran.types("meta")["value"] == "text"
    assert ran.values("meta", "value", "key") == {
        "mmap_status": "-1",
        "version": "67",
        "last_compatible_version": "16",
    }


def test_core_data_seconds_that_look_like_unix_seconds_or_compact_dates_stay_numbers(
    run_export: Runner,
) -> None:
    # Until 2026-12-02 ZEXPIRYDATE loaded as 2001-09-09 … 2006 instants (epoch:seconds, 31 years
    # early) and ZISSUEDATE as 2025-05-20 … dates (date_format:%Y%m%d), each audited: the store's own
    # tables say its dates count from 2001-01-01.
    ran, run_dir = run_export(apps.core_data_licences)
    licences = 6
    loaded_cleanly(ran, run_dir, {"ZLICENCE": licences, "Z_PRIMARYKEY": 1, "Z_METADATA": 1})
    types = ran.types("ZLICENCE")
    assert types["ZEXPIRYDATE"] == types["ZISSUEDATE"] == "bigint"
    expiry = ran.values("ZLICENCE", "ZEXPIRYDATE", "Z_PK")
    assert expiry == {i + 1: apps.far_expiry(i) for i in range(licences)}
    assert apps.apple_instant(expiry[1]) == datetime(2032, 9, 9, 1, 46, 40, tzinfo=UTC)
    issued = ran.values("ZLICENCE", "ZISSUEDATE", "Z_PK")
    assert issued == {i + 1: apps.eight_digit_seconds(i) for i in range(licences)}
    assert (
        audit_rules(run_dir, "ZLICENCE", "ZEXPIRYDATE")
        == audit_rules(run_dir, "ZLICENCE", "ZISSUEDATE")
        == {}
    )
    profiled = json.loads((run_dir / "profile.json").read_text())
    (table,) = [t for t in profiled["tables"] if t["name"] == "ZLICENCE"]
    notes = {c["name"]: " ".join(c["notes"]) for c in table["columns"]}
    assert "seconds since 2001-01-01 UTC (a Core Data date)" in notes["ZEXPIRYDATE"]
    assert "seconds since 2001-01-01 UTC (a Core Data date)" in notes["ZISSUEDATE"]
    assert "Core Data" not in notes["ZNAME"]


def test_the_same_table_outside_a_core_data_store_reads_unix_seconds_and_compact_dates(
    run_export: Runner,
) -> None:
    # The control: only the store's own tables make its dates Apple's; elsewhere the documented
    # epoch:seconds and date_format:%Y%m%d rules read these very numbers, each cell audited.
    ran, run_dir = run_export(apps.plain_licences)
    licences = 6
    loaded_cleanly(ran, run_dir, {"ZLICENCE": licences})
    types = ran.types("ZLICENCE")
    assert types["ZEXPIRYDATE"] == "timestamp with time zone"
    assert types["ZISSUEDATE"] in ("date", "timestamp without time zone")
    assert ran.values("ZLICENCE", "ZEXPIRYDATE", "Z_PK") == {
        i + 1: UNIX_EPOCH + timedelta(seconds=apps.far_expiry(i)) for i in range(licences)
    }
    issued = ran.values("ZLICENCE", "ZISSUEDATE", "Z_PK")
    expected = {i + 1: datetime.strptime(str(apps.eight_digit_seconds(i)), "%Y%m%d") for i in range(licences)}
    assert {k: datetime(v.year, v.month, v.day) for k, v in issued.items()} == expected
    assert audit_rules(run_dir, "ZLICENCE", "ZEXPIRYDATE") == {
        str(i + 1): {"epoch:seconds"} for i in range(licences)
    }
    assert set().union(*audit_rules(run_dir, "ZLICENCE", "ZISSUEDATE").values()) == {"date_format:%Y%m%d"}


def test_trac_database_microsecond_times_are_instants_and_no_date_zeros_stay_integers(
    run_export: Runner,
) -> None:
    # Trac keeps every time as INTEGER microseconds since 1970 (to_utimestamp): until 2026-12-04 they
    # loaded as bigint beside seconds and milliseconds read as instants. Each is the instant to the
    # microsecond (audited epoch:microseconds); a column holding Trac's 0 for "no date" (a milestone's
    # due, a version's time) is no column of instants and keeps every integer.
    ran, run_dir = run_export(apps.trac_environment)
    tickets, milestones = 24, 4
    changes = sum(3 * apps.trac_changes(i) for i in range(tickets))
    tables = {
        "system": 2,
        "ticket": tickets,
        "ticket_change": changes,
        "ticket_custom": 3 * tickets,
        "milestone": milestones,
        "version": 2,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    instant = "timestamp with time zone"
    assert (ran.types("ticket")["time"], ran.types("ticket")["changetime"]) == (instant, instant)
    assert ran.types("ticket_change")["time"] == instant
    assert ran.types("milestone")["due"] == ran.types("milestone")["completed"] == "bigint"
    assert ran.types("version")["time"] == "bigint"
    assert ran.values("ticket", "time", "id") == {
        i + 1: apps.unix_instant(apps.trac_micros(i)) for i in range(tickets)
    }
    assert ran.values("ticket", "time", "id")[1] == datetime(2024, 1, 2, 3, 4, 5, 123_456, tzinfo=UTC)
    assert ran.values("ticket", "changetime", "id") == {
        i + 1: apps.unix_instant(
            apps.trac_change_micros(i, apps.trac_changes(i) - 1)
            if apps.trac_changes(i)
            else apps.trac_micros(i)
        )
        for i in range(tickets)
    }
    assert audit_rules(run_dir, "ticket", "time") == {
        str(i + 1): {"epoch:microseconds"} for i in range(tickets)
    }
    # The change log's declared key (ticket, time, field) keeps every row apart: the instants are exact.
    assert primary_key(ran.uri, ran.record["version_schema"], "ticket_change") == ["ticket", "time", "field"]
    logged = pg_query(ran.uri, f'SELECT ticket, time, field FROM "{ran.base}".ticket_change')
    assert sorted(logged) == sorted(
        (i + 1, apps.unix_instant(apps.trac_change_micros(i, j)), field)
        for i in range(tickets)
        for j in range(apps.trac_changes(i))
        for field in ("status", "comment", "due_date")
    )
    assert ran.values("milestone", "due", "name") == {
        f"milestone{m + 1}": apps.trac_milestone_due(m) for m in range(milestones)
    }
    # Version names of digits alone ("1.0", "2.0") are numbers by the values (the driver hands numeric
    # over as its text); "1.1" beside "1.10" would keep them text.
    versions = ran.values("version", "time", "name")
    assert {Decimal(name): at for name, at in versions.items()} == {
        Decimal(1): 0,
        Decimal(2): apps.trac_micros(5),
    }
    # A custom date field's zero-padded digits are text as Trac wrote them; '' is NULL.
    due = dict(
        pg_query(ran.uri, f"SELECT ticket, value FROM \"{ran.base}\".ticket_custom WHERE name = 'due_date'")
    )
    assert due == {i + 1: apps.trac_due(i) or None for i in range(tickets)}
    assert ran.types("ticket_custom")["value"] == "text"
    # The change log and the custom fields name their ticket by the first column of their key, declared
    # nowhere: a reference (until 2026-12-05 no column of a key was searched, and neither was one).
    found = references(run_dir)
    assert found[("ticket_change", "ticket")] == found[("ticket_custom", "ticket")] == "ticket.id"


def test_roundup_database_keeps_its_dates_digit_for_digit_and_reads_them_by_a_named_format(
    run_export: Runner,
) -> None:
    # Roundup writes a Date as text of its own form (20240102030405.123, UTC) in VARCHAR(30): no
    # documented rule reads 14 digits and a fraction as a moment, so they load as numbers, every digit;
    # the operator who names the format (docs/runbook.md) gets the timestamps, each cell audited.
    issues = 24
    tables = {"_user": len(apps.ROUNDUP_USERS), "_issue": issues, "issue__journal": 2 * issues}
    tables["issue_nosy"] = sum(i % 3 for i in range(issues))
    ran, run_dir = run_export(apps.roundup_tracker)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("_issue")
    assert types["_creation"] == types["_activity"] == types["_deadline"] == "numeric"
    assert (types["_urgent"], types["_estimate"], types["_assignedto"]) == (
        "boolean",
        "double precision",
        "bigint",
    )
    created = ran.values("_issue", "_creation", "id")
    assert {k: Decimal(v) for k, v in created.items()} == {
        i + 1: Decimal(apps.roundup_date(apps.roundup_moment(i))) for i in range(issues)
    }
    assert ran.values("_issue", "_urgent", "id") == {
        i + 1: None if i % 5 == 4 else bool(i % 2) for i in range(issues)
    }
    # A journal's params are Python reprs (None among them): text as written.
    params = pg_query(
        ran.uri, f"SELECT nodeid, params FROM \"{ran.base}\".issue__journal WHERE action = 'set'"
    )
    assert dict(params) == {
        i + 1: f"{{'title': {FREE_TEXT[i % len(FREE_TEXT)]!r}, 'assignedto': None}}" for i in range(issues)
    }
    assert references(run_dir)[("issue_nosy", "nodeid")] == "_issue.id"

    config = "".join(
        f'[columns.{table}.{column}]\ntype = "timestamp"\nformats = ["%Y%m%d%H%M%S.%f"]\n'
        for table, column in (("_issue", "_creation"), ("_issue", "_deadline"), ("issue__journal", "date"))
    )
    ran, run_dir = run_export(apps.roundup_tracker, config=config)
    loaded_cleanly(ran, run_dir, tables)
    assert ran.types("_issue")["_creation"] == "timestamp without time zone"
    assert ran.values("_issue", "_creation", "id") == {
        i + 1: naive(apps.roundup_moment(i)) for i in range(issues)
    }
    assert ran.values("_issue", "_deadline", "id") == {
        i + 1: naive(apps.roundup_moment(i + 30).replace(microsecond=0)) if i % 3 else None
        for i in range(issues)
    }
    assert audit_rules(run_dir, "_issue", "_creation") == {
        str(i + 1): {"date_format:%Y%m%d%H%M%S.%f"} for i in range(issues)
    }


def test_synapse_homeserver_keys_its_receipts_by_the_data_and_its_state_keys_as_written(
    run_export: Runner,
) -> None:
    # A Matrix server's homeserver.db: epoch milliseconds become instants (audited), BOOL 0/1 booleans,
    # SMALLINT flags stay integers, JSON in a BYTEA BLOB arrives byte for byte. Its receipts and push
    # actions declare UNIQUE (..., thread_id) / (..., profile_tag), a column NULL on most rows: SQL's
    # UNIQUE lets such rows repeat, so the constraint is no key and its NULLs no reason to warn (until
    # 2026-12-04, two "plain index instead of a primary key" warnings). The one warning is the room
    # state's key: ``state_key`` is '' for a room's own state, NOT NULL under UNIQUE (room_id, type,
    # state_key), so current_state_events keeps it as written where events (no key over it) makes
    # '' NULL by the documented rule.
    rooms, messages, users = 3, 12, len(apps.SYNAPSE_USERS)
    events = apps.synapse_events(rooms, messages)
    said = [n for n, _, _, key, _ in events if key is None]
    tables = {
        "rooms": rooms,
        "users": users,
        "events": len(events),
        "event_json": len(events),
        "current_state_events": len(events) - len(said),
        "receipts_linearized": rooms * (users + 1),
        "event_push_actions": len(said) * (users - 1),
        "user_filters": users,
    }
    ran, run_dir = run_export(apps.matrix_homeserver)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    (warning,) = ran.record["warnings"]
    assert warning.startswith("current_state_events.state_key: text loaded as written"), warning
    schema = ran.record["version_schema"]
    keys = {name: primary_key(ran.uri, schema, name) for name in tables}
    assert keys == {
        "rooms": ["room_id"],
        "users": ["name"],
        "events": ["stream_ordering"],
        "event_json": ["event_id"],
        "current_state_events": ["event_id"],
        "receipts_linearized": ["stream_id"],
        "event_push_actions": [],
        "user_filters": ["user_id"],
    }
    types = ran.types("events")
    assert types["origin_server_ts"] == types["received_ts"] == "timestamp with time zone"
    assert types["processed"] == types["outlier"] == types["contains_url"] == "boolean"
    assert ran.values("events", "origin_server_ts", "stream_ordering") == {
        n: UNIX_EPOCH + timedelta(milliseconds=apps.synapse_millis(n)) for n, *_ in events
    }
    assert ran.values("events", "contains_url", "stream_ordering") == {n: n % 7 == 0 for n, *_ in events}
    # '' is NULL in events (audited), kept in the state table whose key it is part of.
    state_keys = {n: key or None for n, _, _, key, _ in events}
    assert ran.values("events", "state_key", "stream_ordering") == state_keys
    blank = {str(n): {"empty_to_null"} for n, _, _, key, _ in events if key == ""}
    assert audit_rules(run_dir, "events", "state_key") == blank
    current = ran.values("current_state_events", "state_key", "event_id")
    assert current == {f"$ev{n}": key for n, _, _, key, _ in events if key is not None}
    user_types = ran.types("users")
    assert user_types["creation_ts"] == "timestamp with time zone"
    assert user_types["admin"] == user_types["deactivated"] == "bigint"
    assert user_types["approved"] == user_types["locked"] == "boolean"
    assert ran.values("users", "creation_ts", "name") == {
        apps.synapse_user(u): UNIX_EPOCH + timedelta(seconds=apps.synapse_seconds(u)) for u in range(users)
    }
    assert ran.types("user_filters")["filter_json"] == "bytea"
    filters = ran.values("user_filters", "filter_json", "user_id")
    assert {k: bytes(v) for k, v in filters.items()} == {
        apps.SYNAPSE_USERS[u]: apps.synapse_filter(u) for u in range(users)
    }
    assert ran.types("receipts_linearized")["thread_id"] == "text"
    threads = ran.values("receipts_linearized", "thread_id", "stream_id")
    assert sorted(threads.values(), key=str) == [None] * (rooms * users) + ["main"] * rooms
    # A push action's default '' is NULL (audited); a sound's JSON arrives as written.
    actions = pg_query(ran.uri, f'SELECT event_id, user_id, actions FROM "{ran.base}".event_push_actions')
    assert sorted(actions) == sorted(
        (f"$ev{n}", apps.synapse_user(u), apps.SYNAPSE_SOUND if n % 4 == 0 else None)
        for n, _, _, key, sender in events
        if key is None
        for u in range(users)
        if u != sender
    )
    assert references(run_dir)[("receipts_linearized", "room_id")] == "rooms.room_id"


def test_gnucash_book_keeps_every_fraction_exact_and_finds_its_guid_references(run_export: Runner) -> None:
    # GnuCash keeps money as two BIGINTs (numerator, denominator): integers, every digit, 10^16 cents
    # beyond a double's 2^53 among them; its times are text a timestamp reads as written; its 32-hex
    # guids are the keys, and with no foreign key declared the references are found in the data.
    transactions = 30
    tables = {"commodities": 5, "accounts": 6, "transactions": transactions, "splits": 2 * transactions}
    tables |= {"prices": 12, "slots": 7 + transactions}
    ran, run_dir = run_export(apps.gnucash_book)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    splits = ran.types("splits")
    for column in ("value_num", "value_denom", "quantity_num", "quantity_denom"):
        assert splits[column] == "bigint", column
    values = ran.values("splits", "value_num", "guid")
    assert values == {
        apps.gnucash_guid("split", i): apps.gnucash_value(i)[0] for i in range(2 * transactions)
    }
    assert max(abs(v) for v in values.values()) > 2**53
    assert (
        ran.types("transactions")["post_date"] == ran.types("prices")["date"] == "timestamp without time zone"
    )
    assert ran.values("transactions", "post_date", "guid") == {
        apps.gnucash_guid("tx", t): datetime.fromisoformat(apps.gnucash_moment(t))
        for t in range(transactions)
    }
    slots = ran.types("slots")
    assert (slots["int64_val"], slots["double_val"], slots["numeric_val_num"]) == (
        "bigint",
        "double precision",
        "bigint",
    )
    ints = ran.values("slots", "int64_val", "id")
    assert (ints[1], ints[2]) == (2**63 - 1, -(2**63))
    for table in tables:
        assert primary_key(ran.uri, ran.record["version_schema"], table) == [
            "id" if table == "slots" else "guid"
        ]
    assert references(run_dir) == {
        ("accounts", "commodity_guid"): "commodities.guid",
        ("accounts", "parent_guid"): "accounts.guid",
        ("transactions", "currency_guid"): "commodities.guid",
        ("splits", "tx_guid"): "transactions.guid",
        ("splits", "account_guid"): "accounts.guid",
        ("prices", "commodity_guid"): "commodities.guid",
        ("prices", "currency_guid"): "commodities.guid",
        ("slots", "obj_guid"): "transactions.guid",
        ("slots", "guid_val"): "accounts.guid",  # one value, but a guid: a link, not chance
    }


def test_tryton_database_reads_its_decimal_bytes_as_numbers_and_finds_references_named_for_their_table(
    run_export: Runner,
) -> None:
    # trytond binds a Decimal as the bytes of its text: every NUMERIC cell is a BLOB (b'434041.0852').
    # Each is a plain ASCII numeral in a column declared NUMERIC: read as the number it spells
    # (docs/profiling.md, "BLOBs of a number's text"), each cell audited blob_numeral; until 2026-12-04
    # they arrived as bytea, type mismatches a dashboard could not add up.
    # Its tables are all keyed 1..N and declare no foreign key: sale_line.sale's values fit sale_sale's
    # keys and ir_model's alike; the table whose name ends in the column's is the parent. (sale_sale's
    # currency, 1 and 2 of four currencies, sits at the bottom of the keys like a code: no reference.)
    sales, parties, products = 40, 12, 15
    lines = sum(1 + s % 4 for s in range(sales))
    tables = {"ir_model": 60, "ir_action": 80, "currency_currency": 4, "currency_currency_rate": 30}
    tables |= {"party_party": parties, "party_address": parties, "product_product": products}
    tables |= {"sale_sale": sales, "sale_line": lines}
    ran, run_dir = run_export(apps.tryton_sales)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("sale_line")["unit_price"] == ran.types("currency_currency_rate")["rate"] == "numeric"
    assert ran.types("product_product")["cost_price"] == "numeric"
    # Exactly the Decimal whose bytes the cell holds (the target's numeric text, read as a Decimal).
    prices = ran.values("sale_line", "unit_price", "id")
    assert {n: Decimal(str(v)) for n, v in prices.items()} == {
        n + 1: Decimal(apps.tryton_decimal(apps.tryton_price(n)).decode()) for n in range(lines)
    }
    rates = ran.values("currency_currency_rate", "rate", "id")
    assert {n: Decimal(str(v)) for n, v in rates.items()} == {
        i + 1: Decimal(apps.tryton_decimal(apps.tryton_rate(i)).decode()) for i in range(30)
    }
    assert audit_rules(run_dir, "sale_line", "unit_price") == {
        str(n + 1): {"blob_numeral"} for n in range(lines)
    }
    profile = json.loads((run_dir / "profile.json").read_text())
    line = next(t for t in profile["tables"] if t["name"] == "sale_line")
    price = next(c for c in line["columns"] if c["name"] == "unit_price")
    assert price["blob_numerals"] == lines
    assert [i["kind"] for i in price["issues"]] == []
    assert ran.types("sale_sale")["sale_date"] == "date"
    assert ran.types("sale_line")["quantity"] == "double precision"
    assert references(run_dir) == {
        ("currency_currency_rate", "currency"): "currency_currency.id",
        ("party_address", "party"): "party_party.id",
        ("sale_sale", "party"): "party_party.id",
        ("sale_line", "product"): "product_product.id",
        ("sale_line", "sale"): "sale_sale.id",
    }


def test_cms_search_index_arrives_with_its_rowids_joined_to_its_entries(run_export: Runner) -> None:
    # Wagtail's SQLite search backend keeps an FTS5 index of its entries' text whose rowid is the
    # entry's id (its triggers write it): a page and its translation index the same words. Until
    # 2026-12-04 the index arrived without its rowid, joined to nothing, and the translations' rows were
    # removed as exact copies (exit 2). Every entry's row arrives under its id, once.
    ran, run_dir = run_export(apps.cms_search_index)
    entries = [i for i in range(1, 25) if i != apps.SEARCH_DELETED]
    loaded_cleanly(ran, run_dir, {"search_entry": len(entries), "search_entry_fts": len(entries)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("search_entry_fts") == {
        "rowid": "bigint",
        "autocomplete": "text",
        "body": "text",
        "title": "text",
    }
    assert primary_key(ran.uri, ran.record["version_schema"], "search_entry_fts") == ["rowid"]
    title = {i: apps.search_title(i) for i in entries} | {
        apps.SEARCH_RETITLED: f"{apps.search_title(apps.SEARCH_RETITLED)} (draft)"
    }
    assert ran.values("search_entry_fts", "title", "rowid") == title
    assert ran.values("search_entry_fts", "autocomplete", "rowid") == title
    assert ran.values("search_entry_fts", "body", "rowid") == {
        i: apps.search_body(i) or None for i in entries
    }
    # The entries' object ids are digits a generic relation wrote as text: numbers by the values.
    assert ran.types("search_entry")["object_id"] == "bigint"
    joined = pg_query(
        ran.uri,
        f'SELECT e.id FROM "{ran.base}".search_entry e JOIN "{ran.base}".search_entry_fts f '
        "ON f.rowid = e.id AND f.title = e.title AND f.body IS NOT DISTINCT FROM e.body",
    )
    assert sorted(i for (i,) in joined) == entries
    assert any("3 triggers not copied" in note for note in ran.record["notes"])


def test_home_assistant_recorder_keeps_epoch_seconds_ulids_and_statistics_exactly(run_export: Runner) -> None:
    # Home Assistant's home-assistant_v2.db: REAL Unix seconds with microseconds stay double precision,
    # every digit (no rule reads a bare number as a moment; the dashboard converts with to_timestamp),
    # whole-second period starts stored REAL too; ULIDs in BLOBs byte for byte; shared JSON
    # attributes as written; the unsigned 32-bit hash fits bigint; legacy CHAR(0) columns, NULL in
    # every row, arrive NULL; DATETIME text (naive UTC) and BOOLEAN 0/1 by their audited rules.
    states, periods = 44, 6
    entities = len(apps.HA_ENTITIES)
    tables = {
        "states_meta": entities,
        "state_attributes": entities,
        "states": states,
        "statistics_meta": 2,
        "statistics_short_term": 2 * periods,
        "recorder_runs": len(apps.HA_RUNS),
    }
    ran, run_dir = run_export(apps.home_assistant_recorder)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("states")
    assert types["last_updated_ts"] == types["last_changed_ts"] == "double precision"
    assert types["context_id_bin"] == types["context_parent_id_bin"] == "bytea"
    assert (types["state"], types["metadata_id"], types["old_state_id"]) == ("text", "bigint", "bigint")
    assert ran.values("states", "last_updated_ts", "state_id") == {
        i + 1: apps.ha_updated(i) for i in range(states)
    }
    assert ran.values("states", "context_id_bin", "state_id") == {
        i + 1: apps.ha_context(i) for i in range(states)
    }
    assert ran.values("states", "state", "state_id") == {i + 1: apps.ha_state(i) for i in range(states)}
    legacy = ("entity_id", "attributes", "last_changed", "last_updated", "context_id", "context_user_id")
    for column in legacy:
        assert set(ran.values("states", column, "state_id").values()) == {None}, column
    assert ran.values("state_attributes", "hash", "attributes_id") == {
        m + 1: zlib.crc32(apps.ha_attrs(m).encode()) for m in range(entities)
    }
    assert max(ran.values("state_attributes", "hash", "attributes_id").values()) > 2**31
    assert ran.values("state_attributes", "shared_attrs", "attributes_id") == {
        m + 1: json.dumps(attrs, separators=(",", ":"), ensure_ascii=False)
        for m, (_, attrs) in enumerate(apps.HA_ENTITIES)
    }
    statistics = ran.types("statistics_short_term")
    numbers = ("created_ts", "start_ts", "mean", "min", "max", "last_reset_ts", "state", "sum")
    assert {statistics[c] for c in numbers} == {"double precision"}
    for position, column in enumerate(numbers):
        assert ran.values("statistics_short_term", column, "id") == {
            2 * k + m: apps.ha_statistic(k, m)[position] for k in range(periods) for m in (1, 2)
        }, column
    assert ran.values("statistics_short_term", "start_ts", "id")[1] == float(1_704_164_400)
    assert ran.values("statistics_meta", "has_mean", "id") == {1: True, 2: False}
    runs = ran.types("recorder_runs")
    assert runs["start"] == runs["end"] == "timestamp without time zone"
    assert runs["closed_incorrect"] == "boolean"
    assert ran.values("recorder_runs", "end", "run_id") == {
        r + 1: end for r, (_, end, _) in enumerate(apps.HA_RUNS)
    }
    assert ran.values("recorder_runs", "closed_incorrect", "run_id") == {1: True, 2: False}
    assert audit_rules(run_dir, "recorder_runs", "start") == {
        str(r + 1): {"date_format:%Y-%m-%d %H:%M:%S.%f"} for r in range(len(apps.HA_RUNS))
    }
    assert {c for t, c, _ in audited_columns(run_dir) if t in ("states", "statistics_short_term")} == set()
    found = references(run_dir)
    assert found[("states", "metadata_id")] == "states_meta.metadata_id"
    assert found[("states", "old_state_id")] == "states.state_id"
    assert found[("states", "attributes_id")] == "state_attributes.attributes_id"
    assert found[("statistics_short_term", "metadata_id")] == "statistics_meta.id"


def test_celery_result_backend_keeps_serialized_results_as_bytes_and_its_tracebacks_byte_for_byte(
    run_export: Runner,
) -> None:
    # Celery's result tables: a result, args and kwargs serialized into BLOBs (JSON or pickle bytes)
    # arrive byte for byte as bytea, never decoded; date_done (the worker's wall clock, no zone) a
    # timestamp without time zone, the same wall clock; a traceback's final newline is kept (its
    # column documents, every value ending so; until 2026-12-06 trimmed, each such cell audited).
    tasks = 20
    ran, run_dir = run_export(apps.celery_results)
    loaded_cleanly(ran, run_dir, {"celery_taskmeta": tasks, "celery_tasksetmeta": 1})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("celery_taskmeta")
    assert {types[c] for c in ("result", "children", "args", "kwargs", "stamps")} == {"bytea"}
    assert (types["date_done"], types["traceback"], types["retries"]) == (
        "timestamp without time zone",
        "text",
        "bigint",
    )
    assert ran.values("celery_taskmeta", "result", "id") == {
        i + 1: apps.celery_result(i) for i in range(tasks)
    }
    assert any(apps.celery_result(i).startswith(b"\x80\x05") for i in range(tasks))
    assert ran.values("celery_taskmeta", "args", "id") == {
        i + 1: f"[{i}, {i * 0.5}]".encode() for i in range(tasks)
    }
    assert ran.values("celery_taskmeta", "date_done", "id") == {
        i + 1: apps.celery_done(i) for i in range(tasks)
    }
    failed = [i for i in range(tasks) if apps.celery_failed(i)]
    tracebacks = ran.values("celery_taskmeta", "traceback", "id")
    # Tracebacks end in their last line's break: documents, loaded byte for byte (until 2026-12-06
    # trimmed, audited).
    assert tracebacks == {i + 1: apps.celery_traceback(i) for i in range(tasks)}
    assert audit_rules(run_dir, "celery_taskmeta", "traceback") == {}
    assert len(failed) == sum(text is not None for text in tracebacks.values())
    assert ran.types("celery_tasksetmeta")["result"] == "bytea"


def _r_frame_loads_every_value(ran: Ran, run_dir: Path, rows: int = 40) -> None:
    loaded_cleanly(ran, run_dir, {"tickets": rows, "cars": 5})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("tickets")
    assert types == {
        "id": "bigint",
        "day": types["day"],  # by the declaration: see the tests
        "at": "double precision",
        "dur": "double precision",
        "status": "text",
        "flag": "bigint",
        "amount": "double precision",
        "name": "text",
        "big": "bigint",
        "payload": "bytea",
    }
    # Every digit of R's doubles: its seconds, Inf and -Inf; integer64 beyond 2^53 exactly; the blob.
    assert ran.values("tickets", "at", "id") == {i + 1: apps.r_seconds(i) for i in range(rows)}
    assert ran.values("tickets", "amount", "id") == {i + 1: apps.r_amount(i) for i in range(rows)}
    big = ran.values("tickets", "big", "id")
    assert big == {i + 1: None if i % 15 == 14 else 2**53 + 1 + i for i in range(rows)}
    assert ran.values("tickets", "payload", "id") == {i + 1: apps.r_payload(i) for i in range(rows)}
    assert ran.values("tickets", "name", "id") == {i + 1: arrives_as(apps.r_name(i)) for i in range(rows)}
    assert ran.values("tickets", "flag", "id") == {i + 1: None if i % 5 == 4 else i % 2 for i in range(rows)}
    # Days since 1970, read as the operator would, are R's dates.
    days = dict(pg_query(ran.uri, f"SELECT id, DATE '1970-01-01' + day::integer FROM \"{ran.base}\".tickets"))
    assert days == {i + 1: apps.r_day(i) for i in range(rows)}
    # A frame's row names name its rows: the key found in the data.
    assert primary_key(ran.uri, ran.record["version_schema"], "cars") == ["row_names"]
    assert ran.types("cars") == {
        "row_names": "text",
        "mpg": "double precision",
        "cyl": "double precision",
        "wt": "double precision",
    }


def _notes(run_dir: Path, table: str, column: str) -> list[str]:
    profiled = json.loads((run_dir / "profile.json").read_text())
    (found,) = [t for t in profiled["tables"] if t["name"] == table]
    (col,) = [c for c in found["columns"] if c["name"] == column]
    return list(col["notes"])


def test_r_data_frame_keeps_dates_as_rs_numbers_and_every_double(run_export: Runner) -> None:
    # RSQLite's default: a Date is a REAL of days in a REAL column, nothing declares it a date: a
    # double, as written, and no note (a REAL column's whole numbers could be any count; a
    # spreadsheet's serial days lie in the same range). A POSIXct's REAL seconds in a column named
    # like a moment get the note that reads them.
    ran, run_dir = run_export(apps.r_data_frame)
    _r_frame_loads_every_value(ran, run_dir)
    assert ran.types("tickets")["day"] == "double precision"
    assert ran.values("tickets", "day", "id") == {
        i + 1: None if (d := apps.r_day(i)) is None else float((d - apps.R_ORIGIN).days) for i in range(40)
    }
    assert _notes(run_dir, "tickets", "day") == []
    assert any('to_timestamp("at")' in n for n in _notes(run_dir, "tickets", "at"))


def test_r_data_frame_with_extended_types_keeps_its_days_as_integers_declared_dates(
    run_export: Runner,
) -> None:
    # extended_types = TRUE: DATE and TIMESTAMP declared, whole numbers INTEGER by their affinity.
    # Until 2026-12-04 every day was a type_mismatch with no word of what it counts.
    ran, run_dir = run_export(apps.r_extended_types)
    _r_frame_loads_every_value(ran, run_dir)
    assert ran.types("tickets")["day"] == "bigint"
    assert ran.values("tickets", "day", "id") == {
        i + 1: None if (d := apps.r_day(i)) is None else (d - apps.R_ORIGIN).days for i in range(40)
    }
    assert any(
        "the day is DATE '1970-01-01' + \"day\"::integer" in n for n in _notes(run_dir, "tickets", "day")
    )
    profiled = json.loads((run_dir / "profile.json").read_text())
    (tickets,) = [t for t in profiled["tables"] if t["name"] == "tickets"]
    assert {c["name"]: [i["kind"] for i in c["issues"]] for c in tickets["columns"]}["day"] == []


def test_feed_reader_cache_loads_both_epoch_columns_as_instants(run_export: Runner) -> None:
    # newsboat's cache.db: `lastmodified` (epoch seconds under a name of one lowercase word) stayed
    # bigint until 2026-12-04 while `pubDate` beside it, the same unit, loaded as instants.
    ran, run_dir = run_export(apps.feed_reader_cache)
    items, feeds = 30, len(apps.FEED_URLS)
    loaded_cleanly(ran, run_dir, {"rss_feed": feeds, "rss_item": items, "google_replay": 0, "metadata": 1})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    instants = "timestamp with time zone"
    assert ran.types("rss_feed")["lastmodified"] == ran.types("rss_item")["pubDate"] == instants
    assert ran.values("rss_feed", "lastmodified", "rssurl") == {
        url: UNIX_EPOCH + timedelta(seconds=apps.feed_fetched(f)) for f, url in enumerate(apps.FEED_URLS)
    }
    assert ran.values("rss_item", "pubDate", "id") == {
        i + 1: UNIX_EPOCH + timedelta(seconds=apps.feed_published(i)) for i in range(items)
    }
    assert audit_rules(run_dir, "rss_feed", "lastmodified") == {
        url: {"epoch:seconds"} for url in apps.FEED_URLS
    }
    assert audit_rules(run_dir, "rss_item", "pubDate") == {
        str(i + 1): {"epoch:seconds"} for i in range(items)
    }
    # 0/1 declared INTEGER(1): the integers, as written (no boolean rule reads a declared integer).
    types = ran.types("rss_item")
    assert {types[c] for c in ("unread", "enqueued", "deleted")} == {"bigint"}
    assert ran.values("rss_item", "unread", "id") == {i + 1: 0 if i % 5 == 0 else 1 for i in range(items)}
    assert ran.values("rss_feed", "is_rtl", "rssurl") == {url: f for f, url in enumerate(apps.FEED_URLS)}
    # '' under NOT NULL is the cache's missing value: NULL, audited; text ends trimmed.
    assert ran.values("rss_item", "author", "id") == {
        i + 1: f"Writer {i % 4}" if i % 2 else None for i in range(items)
    }
    assert set(audit_rules(run_dir, "rss_item", "author")) == {str(i + 1) for i in range(items) if i % 2 == 0}
    assert ran.values("rss_item", "content", "id") == {
        i + 1: arrives_as(apps.feed_content(i)) for i in range(items)
    }
    assert set(ran.values("rss_item", "base", "id").values()) == {None}
    assert primary_key(ran.uri, ran.record["version_schema"], "rss_feed") == ["rssurl"]
    assert primary_key(ran.uri, ran.record["version_schema"], "rss_item") == ["id"]
    assert references(run_dir)[("rss_item", "feedurl")] == "rss_feed.rssurl"


def test_fossil_repository_keeps_julian_days_and_names_its_search_index_left_out(run_export: Runner) -> None:
    # Fossil keeps every moment of a check-in or ticket as a REAL Julian day under DATETIME, DATE or
    # TIMESTAMP, and its users' and concealed addresses' times as epoch seconds. Its search index reads
    # its rows through a view calling Fossil's own functions: left out with a warning (as a virtual
    # table SQLite cannot list), its storage tables internal, the view named in the notes.
    ran, run_dir = run_export(apps.fossil_repository)
    checkins, tickets, users = 12, 8, len(apps.FOSSIL_USERS)
    changes = sum(1 + t % 3 for t in range(tickets))
    tables = {
        "blob": checkins + changes,
        "user": users,
        "concealed": tickets,
        "event": checkins,
        "mlink": checkins,
        "tagxref": checkins,
        "ticket": tickets,
        "ticketchng": changes,
        "ftsdocs": checkins,
    }
    loaded_cleanly(ran, run_dir, tables)
    why = "a fts5 virtual table whose rows SQLite cannot read (no such function: title)"
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    assert ran.record["warnings"] == [f"table 'ftsidx' not loaded: {why}"]
    profile = json.loads((run_dir / "profile.json").read_text())
    assert profile["unreadable_tables"] == {"ftsidx": why}
    assert set(profile["internal_tables"]) == {f"ftsidx_{s}" for s in ("data", "idx", "docsize", "config")}
    assert set(profile["views_not_loaded"]) == {"ftscontent"}
    # Julian days: no rule reads them as instants; the very doubles, nothing audited.
    for table, column in (
        ("event", "mtime"),
        ("event", "omtime"),
        ("tagxref", "mtime"),
        ("ftsdocs", "mtime"),
    ):
        assert ran.types(table)[column] == "double precision", (table, column)
    assert ran.values("event", "mtime", "objid") == {i + 1: apps.fossil_julian(i) for i in range(checkins)}
    assert ran.values("ticket", "tkt_ctime", "tkt_id") == {
        t + 1: apps.fossil_julian(50 + t) for t in range(tickets)
    }
    audited = audited_columns(run_dir)
    assert not {
        (t, c) for t, c, _ in audited if c.endswith(("mtime", "ctime")) and t not in ("user", "concealed")
    }
    # Epoch seconds under DATE: instants, audited.
    assert ran.types("user")["mtime"] == ran.types("concealed")["mtime"] == "timestamp with time zone"
    assert ran.values("user", "mtime", "uid") == {
        u + 1: UNIX_EPOCH + timedelta(seconds=apps.fossil_seconds(u)) for u in range(users)
    }
    assert audit_rules(run_dir, "user", "mtime") == {str(u + 1): {"epoch:seconds"} for u in range(users)}
    # BOOLEAN 0/1: booleans (audited); Fossil's `INTEGER REFERENCE blob` is an integer type.
    assert ran.types("mlink")["isaux"] == ran.types("ftsdocs")["idxed"] == "boolean"
    assert set(ran.values("mlink", "isaux", "mid").values()) == {False}
    assert ran.types("tagxref")["rid"] == "bigint"
    # Artifacts byte for byte; the ticket's CRLF comment with its ends trimmed.
    assert ran.values("blob", "content", "rid")[1] == zlib.compress(b"artifact 0" * 4)
    assert ran.values("ticket", "comment", "tkt_id") == {
        t + 1: arrives_as(apps.fossil_comment(t)) for t in range(tickets)
    }
    found = references(run_dir)
    assert found[("ticketchng", "tkt_id")] == "ticket.tkt_id"
    assert found[("event", "uid")] == "user.uid"
    # A ticket names its contact's concealed address by the address's SHA1: found in the data.
    assert found[("ticket", "private_contact")] == "concealed.hash"
    assert primary_key(ran.uri, ran.record["version_schema"], "tagxref") == ["rid", "tagid"]


def test_joplin_profile_reads_its_epoch_millis_as_instants_and_keeps_the_zero_dates_integers(
    run_export: Runner,
) -> None:
    # Joplin keeps every time as INT epoch milliseconds: instants, each audited. Its to-do dates hold 0
    # for "none" beside them, so they keep their integers, every one; NUMERIC coordinates of REALs and
    # 0 are doubles; the 32-hex ids it declares nowhere as references are found in the data.
    notes = 24
    ran, run_dir = run_export(apps.joplin_profile)
    loaded_cleanly(ran, run_dir, {"folders": 3, "tags": 2, "notes": notes, "note_tags": notes // 2})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("notes")
    for column in ("created_time", "updated_time", "user_created_time", "user_updated_time"):
        assert types[column] == "timestamp with time zone", column
    for column in ("todo_due", "todo_completed", "deleted_time", "is_todo", "order"):
        assert types[column] == "bigint", column
    # Declared NUMERIC, REALs of at most four fraction digits beside the INTEGER 0: numeric, each the
    # decimal its double reads as, at the widest scale written (48.8566: 4).
    assert (types["latitude"], types["longitude"], types["altitude"]) == ("numeric", "numeric", "numeric")
    note = {i: apps.joplin_id("note", i) for i in range(notes)}
    assert ran.values("notes", "created_time", "id") == {
        note[i]: UNIX_EPOCH + timedelta(milliseconds=apps.joplin_millis(i)) for i in range(notes)
    }
    assert audit_rules(run_dir, "notes", "created_time") == {
        note[i]: {"epoch:milliseconds"} for i in range(notes)
    }
    assert ran.values("notes", "todo_due", "id") == {note[i]: apps.joplin_due(i) for i in range(notes)}
    assert ran.values("notes", "latitude", "id") == {
        note[i]: "48.8566" if i % 4 == 0 else "0.0000" for i in range(notes)
    }  # the driver hands numeric over as its text
    assert ran.values("notes", "altitude", "id") == {
        note[i]: "35.50" if i % 4 == 0 else "0.00" for i in range(notes)
    }
    # Markdown ending in the newline Joplin keeps: documents, loaded byte for byte ('' NULL).
    assert ran.values("notes", "body", "id") == {note[i]: apps.joplin_body(i) or None for i in range(notes)}
    assert ran.values("notes", "order", "id") == {note[i]: apps.joplin_millis(i) - 500 for i in range(notes)}
    assert references(run_dir) == {
        ("notes", "parent_id"): "folders.id",
        ("note_tags", "note_id"): "notes.id",
        ("note_tags", "tag_id"): "tags.id",
    }


def test_actual_budget_keeps_cents_and_compact_dates_as_integers_and_names_categories_by_the_column(
    run_export: Runner,
) -> None:
    # Money as integer cents and dates as integers YYYYMMDD under no date type stay integers, every one;
    # BOOLEAN 0/1 are booleans, audited; INTEGER 0/1 flags stay integers. `category` columns refer to
    # `categories` though `category_mapping` holds the same uuids: the column's name says which.
    transactions = 30
    tables = {"accounts": 2, "category_groups": 2, "categories": 6, "category_mapping": 6, "payees": 4}
    tables |= {"payee_mapping": 4, "transactions": transactions, "zero_budgets": 6}
    ran, run_dir = run_export(apps.actual_budget)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("transactions")
    for column in ("amount", "date", "tombstone", "cleared", "isParent"):
        assert types[column] == "bigint", column
    assert types["sort_order"] == "double precision"
    key = {i: apps.actual_id("transaction", i) for i in range(transactions)}
    assert ran.values("transactions", "amount", "id") == {
        key[i]: apps.actual_amount(i) for i in range(transactions)
    }
    assert ran.values("transactions", "date", "id") == {
        key[i]: apps.actual_date(i) for i in range(transactions)
    }
    assert ran.types("categories")["hidden"] == ran.types("payees")["learn_categories"] == "boolean"
    assert set(ran.values("categories", "hidden", "id").values()) == {False}
    assert {r for rules in audit_rules(run_dir, "categories", "hidden").values() for r in rules} == {
        "boolean:0"
    }
    assert ran.types("zero_budgets")["month"] == "bigint"
    found = references(run_dir)
    assert found[("transactions", "category")] == found[("zero_budgets", "category")] == "categories.id"
    assert found[("transactions", "acct")] == "accounts.id"
    assert found[("transactions", "parent_id")] == "transactions.id"
    assert found[("categories", "cat_group")] == "category_groups.id"
    # A payee's uuid in `description`: the name names neither payees nor payee_mapping, a tie.
    assert ("transactions", "description") not in found


def test_powerdns_database_keeps_serials_numbers_and_reads_its_flags_and_comment_seconds(
    run_export: Runner,
) -> None:
    # A SOA serial (YYYYMMDDnn) and a secondary's last check have the digits of this decade's epoch
    # seconds: no name says they are moments, so both stay numbers, exactly. The comments' INT
    # `modified_at` (a moment's name) are instants, audited; BOOLEAN/BOOL 0/1 are booleans.
    ran, run_dir = run_export(apps.powerdns_zones)
    tables = {"domains": 3, "records": 14, "supermasters": 1, "comments": 2, "domainmetadata": 3}
    tables |= {"cryptokeys": 3, "tsigkeys": 1}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    domains = ran.types("domains")
    assert domains["notified_serial"] == domains["last_check"] == "bigint"
    assert ran.values("domains", "notified_serial", "id") == {1: apps.POWERDNS_SERIAL, 2: None, 3: None}
    assert ran.values("domains", "last_check", "id") == {1: None, 2: None, 3: apps.POWERDNS_LAST_CHECK}
    records = ran.types("records")
    assert records["disabled"] == records["auth"] == "boolean"
    assert records["ttl"] == records["prio"] == records["domain_id"] == "bigint"
    assert records["ordername"] == records["content"] == records["type"] == "text"
    ttl = ran.values("records", "ttl", "id")
    assert [ttl[i + 1] for i in range(len(apps.POWERDNS_HOSTS))] == [
        apps.powerdns_ttl(i) for i in range(len(apps.POWERDNS_HOSTS))
    ]
    assert ttl[4] == 2**31 - 1
    assert {k for k, v in ran.values("records", "disabled", "id").items() if v} == {5}
    assert {k for k, v in ran.values("records", "auth", "id").items() if not v} == {8, 9}
    # An empty non-terminal is a row of NULL type, content and TTL: it arrives so.
    assert (ran.values("records", "type", "id")[7], ran.values("records", "content", "id")[7]) == (None, None)
    # The hashed order names arrive as written; the NSEC zone's apex orders as '' (PowerDNS's empty
    # relative name), which the documented blank rule makes NULL, each cell audited: only the audit
    # tells it from the glue's and the unrectified zone's NULL.
    order = ran.values("records", "ordername", "id")
    hosts = dict(enumerate((host for host, _ in apps.POWERDNS_HOSTS), start=1))
    assert {i: order[i] for i in hosts} == {i: apps.powerdns_ordername(h) for i, h in hosts.items()}
    assert (order[9], order[11], order[12], order[13], order[14]) == (None, None, None, "www", None)
    assert audit_rules(run_dir, "records", "ordername") == {"11": {"empty_to_null"}, "12": {"empty_to_null"}}
    assert ran.values("records", "content", "id")[10] == '"two  spaces" "and ünïcode"'
    assert ran.types("comments")["modified_at"] == "timestamp with time zone"
    assert ran.values("comments", "modified_at", "id") == {
        c + 1: UNIX_EPOCH + timedelta(seconds=apps.powerdns_comment_second(c)) for c in range(2)
    }
    assert set(audit_rules(run_dir, "comments", "modified_at")) == {"1", "2"}
    assert ran.values("comments", "comment", "id") == {1: "Web front — load balancer", 2: "backup MX"}
    keys = ran.types("cryptokeys")
    assert keys["active"] == keys["published"] == "boolean" and keys["flags"] == "bigint"
    assert ran.values("cryptokeys", "active", "id") == {1: True, 2: True, 3: False}
    # A key's text ends in a newline: documents, loaded byte for byte (until 2026-12-06 trimmed).
    content = ran.values("cryptokeys", "content", "id")
    assert all(
        text.startswith("Private-key-format: v1.2\n") and text.endswith("\n") and not text.endswith("\n\n")
        for text in content.values()
    )
    assert len(content) == 3 and audit_rules(run_dir, "cryptokeys", "content") == {}
    found = references(run_dir)
    for table in ("records", "comments", "domainmetadata", "cryptokeys"):
        assert found[(table, "domain_id")] == "domains.id", table
    assert primary_key(ran.uri, ran.record["version_schema"], "supermasters") == ["ip", "nameserver"]


def test_firefox_places_reads_prtime_and_metadata_millis_as_instants_and_keeps_hashes_and_icons(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.firefox_places)
    places, icons = 30, 8
    visited = [i for i in range(places) if apps.firefox_visited(i)]
    tables = {
        "moz_origins": 4,
        "moz_places": places,
        "moz_historyvisits": 2 * len(visited),
        "moz_places_metadata": 12,
        "moz_icons": icons,
    }
    loaded_cleanly(ran, run_dir, tables)
    # The one warning: the origins' key (prefix, host) keeps the file:// origin's '' host as written,
    # where other tables' '' become NULL. That '' is the one way the NOT NULL column has to write "no
    # host": it costs no quality (until 2026-12-04 the table scored 85.7).
    assert ran.code == 2
    (warning,) = ran.record["warnings"]
    assert warning.startswith("moz_origins.host: text loaded as written"), warning
    assert ran.values("moz_origins", "host", "id") == {
        o + 1: h for o, (_, h) in enumerate(apps.FIREFOX_ORIGINS)
    }
    found = profiled(run_dir)
    assert found["columns"]["moz_origins"]["host"]["quality"] == 100.0
    assert found["quality"] == 100.0
    # PRTime (microseconds since 1970) and the page metadata's milliseconds: instants, each cell audited.
    for table, column in [
        ("moz_places", "last_visit_date"),
        ("moz_historyvisits", "visit_date"),
        ("moz_places_metadata", "created_at"),
        ("moz_places_metadata", "updated_at"),
    ]:
        assert ran.types(table)[column] == "timestamp with time zone", (table, column)
    assert ran.values("moz_places", "last_visit_date", "id") == {
        i + 1: UNIX_EPOCH + timedelta(microseconds=apps.prtime(i)) if apps.firefox_visited(i) else None
        for i in range(places)
    }
    assert ran.values("moz_historyvisits", "visit_date", "id") == {
        2 * i + v + 1: UNIX_EPOCH + timedelta(microseconds=apps.prtime(i) - (1 - v) * 60_000_000)
        for i in visited
        for v in range(2)
    }
    assert ran.values("moz_places_metadata", "created_at", "id") == {
        m + 1: UNIX_EPOCH + timedelta(milliseconds=apps.prtime(m) // 1000) for m in range(12)
    }
    # 48-bit hashes and bit flags stay integers, every digit; icons arrive byte for byte.
    assert ran.types("moz_places")["url_hash"] == ran.types("moz_icons")["fixed_icon_url_hash"] == "bigint"
    assert ran.values("moz_places", "url_hash", "id") == {
        i + 1: apps.firefox_url_hash(i) for i in range(places)
    }
    assert max(apps.firefox_url_hash(i) for i in range(places)) >= 2**47
    assert ran.types("moz_icons")["flags"] == "bigint"
    assert ran.types("moz_icons")["data"] == "bytea"
    assert {k: bytes(v) for k, v in ran.values("moz_icons", "data", "id").items()} == {
        n + 1: apps.firefox_icon(n) for n in range(icons)
    }
    assert ran.values("moz_places", "url", "id") == {i + 1: apps.firefox_url(i) for i in range(places)}
    # The declared references, and the visits' place found in the data.
    found_references = references(run_dir)
    assert found_references[("moz_places", "origin_id")] == "moz_origins.id"
    assert found_references[("moz_places_metadata", "place_id")] == "moz_places.id"
    assert found_references[("moz_historyvisits", "place_id")] == "moz_places.id"


def test_directus_project_reads_epoch_millis_as_instants_and_current_timestamp_text_as_wall_clock(
    run_export: Runner,
) -> None:
    # knex writes every date, dateTime and timestamp field as INTEGER epoch milliseconds under `date` /
    # `datetime`: instants, each cell audited; a `date` field's are each the midnight UTC of its day
    # (negative before 1970): dates (instants until 2026-12-05, the day before west of UTC). Beside
    # them, DEFAULT CURRENT_TIMESTAMP's text (UTC, no offset written) stays a wall-clock timestamp as
    # written. Declared foreign keys are the references; the activity log's and a collection's user
    # columns are found in the data; a log's `item` names rows of several tables.
    customers, tickets = 12, 24
    tables = {"directus_users": 2, "directus_migrations": 6, "directus_files": 3, "customers": customers}
    tables |= {"labels": 4, "tickets": tickets, "tickets_labels": 24, "directus_comments": 3}
    tables |= {"directus_activity": 20, "directus_revisions": 12}
    ran, run_dir = run_export(apps.directus_project)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])

    def instant(millis: int | None) -> datetime | None:
        return None if millis is None else UNIX_EPOCH + timedelta(milliseconds=millis)

    types = ran.types("customers")
    assert types["born"] == "date"
    for column in ("last_seen", "created", "date_created"):
        assert types[column] == "timestamp with time zone", column
    assert (types["vip"], types["credit"], types["score"], types["big"]) == (
        "boolean",
        "double precision",
        "double precision",
        "bigint",
    )
    assert types["opens"] == "time without time zone"  # a time of day: time since 2026-12-06
    for column in ("meta", "tags", "uid", "user_created"):
        assert types[column] == "text", column  # JSON, a uuid: as written
    born = ran.values("customers", "born", "id")
    assert born == {c + 1: apps.directus_born(c) for c in range(customers)}
    assert min(born.values()).year == 1950  # negative milliseconds: before 1970
    created = ran.values("customers", "created", "id")
    assert created == {c + 1: instant(apps.directus_millis(200 + c) + c) for c in range(customers)}
    assert {r for rules in audit_rules(run_dir, "customers", "born").values() for r in rules} == {
        "epoch:milliseconds"
    }
    assert ran.values("customers", "vip", "id") == {c + 1: c % 3 == 0 for c in range(customers)}
    assert ran.values("customers", "credit", "id")[4] == 3203.5
    assert ran.values("customers", "big", "id")[1] == 9_007_199_254_740_992
    key = {t: apps.directus_id("ticket", t) for t in range(tickets)}
    due = ran.values("tickets", "due", "id")
    assert due == {key[t]: instant(apps.directus_millis(500 + t) + 500) if t % 2 else None for t in key}
    assert ran.types("directus_activity")["timestamp"] == "timestamp with time zone"
    # CURRENT_TIMESTAMP's text: no offset written, the wall clock as written.
    assert ran.types("directus_migrations")["timestamp"] == "timestamp without time zone"
    assert set(ran.values("directus_migrations", "timestamp", "version").values()) == {
        apps.directus_wall_clock(m) for m in range(6)
    }
    comments = ran.types("directus_comments")
    assert (comments["date_created"], comments["date_updated"]) == (
        "timestamp with time zone",
        "timestamp without time zone",
    )
    found = references(run_dir)
    assert found[("tickets", "customer")] == "customers.id"
    assert found[("tickets", "attachment")] == "directus_files.id"
    assert found[("tickets_labels", "tickets_id")] == "tickets.id"
    assert found[("tickets_labels", "labels_code")] == "labels.code"
    assert found[("directus_revisions", "activity")] == "directus_activity.id"
    assert found[("directus_activity", "user")] == found[("customers", "user_created")] == "directus_users.id"
    assert ("directus_activity", "item") not in found  # a login's user, else a ticket: several tables
    assert primary_key(ran.uri, ran.record["version_schema"], "tickets") == ["id"]
    assert primary_key(ran.uri, ran.record["version_schema"], "labels") == ["code"]


def test_strapi_project_takes_each_foreign_key_written_twice_once(run_export: Runner) -> None:
    # Strapi's knex writes every CONSTRAINT ... FOREIGN KEY clause twice: one reference each, said
    # once. Its datetime fields are epoch milliseconds (instants, audited), its date fields text
    # (dates), its time fields text with milliseconds (as written), a biginteger beyond 2^53 exact.
    customers, tickets = 8, 20
    tables = {"admin_users": 0, "customers": customers, "tags": 3, "tickets": tickets}
    tables |= {"tickets_customer_links": 16, "tickets_tags_links": 30}
    tables |= {"components_support_notes": 19, "tickets_components": 19}
    ran, run_dir = run_export(apps.strapi_project)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    declared = {
        ("tickets_customer_links", "ticket_id"): "tickets.id",
        ("tickets_customer_links", "customer_id"): "customers.id",
        ("tickets_tags_links", "ticket_id"): "tickets.id",
        ("tickets_tags_links", "tag_id"): "tags.id",
        ("tickets_components", "entity_id"): "tickets.id",
    }
    for table in ("customers", "tags", "tickets"):
        declared |= {(table, f"{who}_by_id"): "admin_users.id" for who in ("created", "updated")}
    assert references(run_dir) == declared
    columns = profiled(run_dir)["columns"]
    for (table, column), parent in declared.items():
        # Said once; of a column of NULLs alone (no author: the API wrote every row), not at all.
        said = [f"reference to {parent} declared in the schema"] if parent != "admin_users.id" else []
        assert columns[table][column]["notes"] == said, (table, column)
        assert columns[table][column]["issues"] == []
    types = ran.types("tickets")
    for column in ("opened_at", "created_at", "updated_at", "published_at"):
        assert types[column] == "timestamp with time zone", column
    assert (types["due_date"], types["start_time"], types["big"], types["urgent"]) == (
        "date",
        "time without time zone",  # a time of day: time since 2026-12-06
        "bigint",
        "boolean",
    )
    assert ran.types("customers")["since"] == "date"
    assert ran.types("components_support_notes")["at"] == "timestamp with time zone"
    opened = ran.values("tickets", "opened_at", "id")
    assert opened == {
        t + 1: UNIX_EPOCH + timedelta(milliseconds=apps.strapi_millis(100 + t)) for t in range(tickets)
    }
    assert ran.values("tickets", "due_date", "id") == {t + 1: apps.strapi_due(t) for t in range(tickets)}
    assert ran.values("tickets", "urgent", "id") == {t + 1: apps.strapi_urgent(t) for t in range(tickets)}
    big = ran.values("tickets", "big", "id")
    assert big == {t + 1: 9_007_199_254_740_993 + t if t % 3 else None for t in range(tickets)}
    assert ran.values("tickets", "start_time", "id")[2] == time(1, 11, 0, 100_000)  # 01:11:00.100
    published = ran.values("tickets", "published_at", "id")
    assert [t for t in range(tickets) if published[t + 1] is None] == list(range(0, tickets, 2))  # drafts


def _chroma_document_rowids(embeddings: int) -> dict[int, str]:
    """``{metadata rowid: document}``: each embedding's rows in the builder's order (document, priority,
    score, open, team, then an extreme every fifth, a subnormal every sixth), the document first."""
    found, rowid = {}, 1
    for i in range(embeddings):
        found[rowid] = apps.CHROMA_DOCUMENTS[i % len(apps.CHROMA_DOCUMENTS)]
        rowid += 5 + (i % 5 == 0) + (i % 6 == 0)
    return found


def test_vector_store_keeps_its_split_metadata_vectors_and_text_index_exactly(run_export: Runner) -> None:
    # Chroma's metadata is one row per key with a column per kind: the kinds' columns keep their
    # types (64-bit extremes, the smallest subnormal, 0/1 under INTEGER stays a number), the float32
    # vectors arrive byte for byte, the seq_ids a BLOB column holds as integers are numbers, the trigram
    # index arrives under the metadata's rowids, and a reference declared to a missing table is found
    # in the data. A list's repeated element is an equal row of a keyless table: removed, audited and
    # warned (exit 2) by default, loaded with duplicates = keep (exit 0).
    embeddings = 24
    metadata = sum(5 + (i % 5 == 0) + (i % 6 == 0) for i in range(embeddings))
    tables = {
        "migrations": 4,
        "tenants": 1,
        "databases": 1,
        "collections": len(apps.CHROMA_COLLECTIONS),
        "segments": 2 * len(apps.CHROMA_COLLECTIONS),
        "embeddings": embeddings,
        "embedding_metadata": metadata,
        "max_seq_id": 1,
        "embedding_fulltext_search": embeddings,
        "embeddings_queue": embeddings,
    }
    tags = len(apps.CHROMA_TAGS)
    ran, run_dir = run_export(apps.vector_store)
    assert {t: (r["in"], r["out"]) for t, r in ran.record["rows"].items()} == {
        **{t: (n, n) for t, n in tables.items()},
        "embedding_metadata_array": (tags, tags - 1),
    }
    violations = ran.violations(run_dir)
    assert violations == [], summarize(violations)
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    assert ran.record["warnings"] == [
        f"table 'embedding_metadata_array': 1 of {tags} rows (33.3 %) removed as exact copies of other rows "
        "(audited, rule duplicate_row; if they are real repeated rows, duplicates = keep loads them)"
    ]
    assert ("embedding_metadata_array", "*", "duplicate_row") in audited_columns(run_dir)
    assert ran.types("embedding_metadata") == {
        "id": "bigint",
        "key": "text",
        "string_value": "text",
        "int_value": "bigint",
        "float_value": "double precision",
        "bool_value": "bigint",
    }
    kinds = pg_query(
        ran.uri,
        f'SELECT id, key, int_value, float_value, bool_value FROM "{ran.base}".embedding_metadata '
        "WHERE key IN ('extreme', 'tiny', 'open', 'score')",
    )
    got = {(i, k): v for i, k, *values in kinds for v in values if v is not None}
    want: dict[tuple[int, str], object] = {}
    for i in range(embeddings):
        want[(i + 1, "score")] = apps.chroma_score(i)
        want[(i + 1, "open")] = int(i % 2 == 0)
        if i % 5 == 0:
            want[(i + 1, "extreme")] = 2**63 - 1 if i % 2 == 0 else -(2**63)
        if i % 6 == 0:
            want[(i + 1, "tiny")] = 5e-324
    assert got == want
    assert ran.types("embeddings")["seq_id"] == "bigint"
    assert ran.values("embeddings", "seq_id", "id") == {i + 1: i + 1 for i in range(embeddings)}
    # CURRENT_TIMESTAMP: naive UTC text, no zone to read: timestamps without one, the very seconds.
    assert ran.types("embeddings")["created_at"] == "timestamp without time zone"
    assert ran.values("embeddings", "created_at", "id") == {
        i + 1: datetime.strptime(apps.chroma_created(i), "%Y-%m-%d %H:%M:%S") for i in range(embeddings)
    }
    assert ran.types("embeddings_queue")["vector"] == "bytea"
    assert ran.values("embeddings_queue", "vector", "seq_id") == {
        i + 1: struct.pack("<4f", *apps.chroma_vector(i)) for i in range(embeddings)
    }
    assert ran.values("embedding_fulltext_search", "string_value", "rowid") == {
        rowid: arrives_as(text) for rowid, text in _chroma_document_rowids(embeddings).items()
    }
    profile = json.loads((run_dir / "profile.json").read_text())
    assert set(profile["internal_tables"]) == {
        f"embedding_fulltext_search_{s}" for s in ("data", "idx", "content", "docsize", "config")
    }
    found = references(run_dir)
    assert found[("segments", "collection")] == "collections.id"
    assert found[("embedding_metadata", "id")] == "embeddings.id"
    assert found[("embeddings", "segment_id")] == "segments.id"
    # Keyed by the segment's own id, one row per segment (a table's own key naming another table:
    # since 2026-12-05).
    assert found[("max_seq_id", "segment_id")] == "segments.id"
    # With duplicates = keep every element of the list arrives, the table indexed, not keyed.
    kept, kept_dir = run_export(apps.vector_store, COLUMNAR_ETL_DUPLICATES="keep")
    loaded_cleanly(kept, kept_dir, {**tables, "embedding_metadata_array": tags})
    assert (kept.code, kept.record["outcome"]) == (2, "warn")
    assert kept.record["warnings"] == [
        "embedding_metadata_array: plain index instead of a primary key: 1 exact duplicate rows are kept "
        "(duplicates = keep)"
    ]
    assert pg_query(
        kept.uri, f'SELECT string_value FROM "{kept.base}".embedding_metadata_array ORDER BY 1'
    ) == [(tag,) for tag in sorted(apps.CHROMA_TAGS)]


def test_redmine_tracker_keeps_rails_microseconds_float_hours_and_text_custom_values(
    run_export: Runner,
) -> None:
    # Rails' datetime text (naive UTC, microseconds) arrives as timestamps without a zone, to the
    # microsecond; float hours keep every digit (0.1 + 0.2, 1/3); boolean 0/1 are booleans; the one
    # text column every custom field's value shares stays text, each value as written (ends trimmed,
    # '' NULL, '007' not a number); a blob column of plain versions beside deflated ones is bytea, the
    # TEXT cells their UTF-8 bytes (audited) and the BLOBs byte for byte.
    issues = 30
    ran, run_dir = run_export(apps.redmine_tracker)
    tables = {
        "issues": issues,
        "journals": issues // 2,
        "journal_details": issues,
        "time_entries": 2 * issues,
        "custom_values": 2 * issues,
        "wiki_content_versions": 12,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["warnings"]) == (0, [])
    issue_types = ran.types("issues")
    for column in ("created_on", "updated_on", "closed_on"):
        assert issue_types[column] == "timestamp without time zone"
    assert (issue_types["due_date"], issue_types["start_date"]) == ("date", "date")
    assert (issue_types["estimated_hours"], issue_types["is_private"]) == ("double precision", "boolean")
    assert ran.types("time_entries")["hours"] == "double precision"
    assert ran.types("custom_values")["value"] == "text"
    assert ran.types("journal_details")["value"] == "text"
    assert ran.types("wiki_content_versions")["data"] == "bytea"
    moment = lambda i: datetime.strptime(apps.redmine_moment(i), "%Y-%m-%d %H:%M:%S.%f")  # noqa: E731
    assert ran.values("issues", "created_on", "id") == {i + 1: moment(i) for i in range(issues)}
    assert ran.values("issues", "closed_on", "id") == {
        i + 1: moment(i + 2) if i % 8 == 0 else None for i in range(issues)
    }
    hours = apps.REDMINE_HOURS
    assert ran.values("issues", "estimated_hours", "id") == {
        i + 1: None if i % 7 == 0 else hours[i % len(hours)] for i in range(issues)
    }
    assert ran.values("issues", "is_private", "id") == {i + 1: i % 4 == 0 for i in range(issues)}
    assert ran.values("time_entries", "hours", "id") == {
        e + 1: hours[e % len(hours)] for e in range(2 * issues)
    }
    assert ran.values("time_entries", "spent_on", "id") == {
        e + 1: apps.redmine_day(e) for e in range(2 * issues)
    }
    custom = apps.REDMINE_CUSTOM
    assert ran.values("custom_values", "value", "id") == {
        v + 1: arrives_as(custom[v % len(custom)]) for v in range(2 * issues)
    }
    texts = {w + 1: apps.redmine_wiki_text(w).encode() for w in range(12)}
    data = ran.values("wiki_content_versions", "data", "id")
    assert {w: zlib.decompress(d) if (w - 1) % 3 == 2 else d for w, d in data.items()} == texts
    assert set(audit_rules(run_dir, "wiki_content_versions", "data")) == {
        str(w + 1) for w in range(12) if w % 3 != 2
    }
    # Rails declares no foreign key: the references are the data's; weeks and months are none.
    found = references(run_dir)
    assert found[("time_entries", "issue_id")] == "issues.id"
    assert found[("journal_details", "journal_id")] == "journals.id"
    assert ("time_entries", "tweek") not in found and ("time_entries", "tmonth") not in found


def test_roundcube_webmail_reads_wall_clock_text_nulls_zero_dates_and_keeps_serialized_text(
    run_export: Runner,
) -> None:
    # datetime text of the server's wall clock arrives as timestamps without a zone; MySQL's zero date
    # (the schema's default) is a null token: NULL, audited; '' under NOT NULL is NULL, audited; PHP's
    # serialized preferences and base64 session data arrive as written; the declared references are the
    # references, and the spell-check dictionary's language, unique in two rows but declared UNIQUE only
    # with user_id, is nobody's parent (users.language is no reference to it).
    users = 6
    contacts = 2 * users
    ran, run_dir = run_export(apps.roundcube_webmail)
    tables = {
        "users": users,
        "identities": users,
        "contacts": contacts,
        "contactgroups": 2,
        "contactgroupmembers": 4,
        "session": users,
        "dictionary": 2,
        "system": 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["warnings"]) == (0, [])
    types = ran.types("users")
    for column in ("created", "last_login", "failed_login"):
        assert types[column] == "timestamp without time zone", column
    assert ran.types("contactgroupmembers")["created"] == "timestamp without time zone"
    for table, column in (("users", "preferences"), ("session", "vars"), ("contacts", "vcard")):
        assert ran.types(table)[column] == "text", (table, column)
    moment = lambda i: datetime.strptime(apps.roundcube_moment(i), "%Y-%m-%d %H:%M:%S")  # noqa: E731
    assert ran.values("users", "created", "user_id") == {i + 1: moment(i) for i in range(users)}
    assert ran.values("users", "last_login", "user_id") == {
        i + 1: None if i % 3 == 0 else moment(i + 1) for i in range(users)
    }
    assert ran.values("users", "failed_login", "user_id") == {
        i + 1: moment(i + 2) if i == 4 else None for i in range(users)
    }
    assert audit_rules(run_dir, "users", "failed_login") == {"3": {"null_like_to_null"}}
    assert audit_rules(run_dir, "contactgroupmembers", "created") == {"2|1": {"null_like_to_null"}}
    assert ran.values("users", "preferences", "user_id") == {
        i + 1: apps.roundcube_prefs(i) for i in range(users)
    }
    sessions = dict(pg_query(ran.uri, f'SELECT vars, ip FROM "{ran.base}".session'))
    assert set(sessions) == {apps.roundcube_session(i) for i in range(users)}
    assert ran.values("identities", "signature", "identity_id") == {
        i + 1: arrives_as(apps.ROUNDCUBE_SIGNATURE) if i == 0 else None for i in range(users)
    }
    assert ran.values("contacts", "words", "contact_id") == {
        c + 1: f"name {c} c{c}@example.com" for c in range(contacts)
    }
    assert ran.values("contacts", "vcard", "contact_id") == {
        c + 1: apps.roundcube_vcard(c) for c in range(contacts)
    }
    found = references(run_dir)
    assert found[("contacts", "user_id")] == "users.user_id"
    assert found[("contactgroupmembers", "contact_id")] == "contacts.contact_id"
    assert found[("contactgroupmembers", "contactgroup_id")] == "contactgroups.contactgroup_id"
    assert ("users", "language") not in found


def test_superset_metadata_keeps_binary_uuids_and_sql_lab_milliseconds_and_keys_by_uuid(
    run_export: Runner,
) -> None:
    # Superset's metadata database: uuids as 16-byte BLOBs under NUMERIC(16) arrive byte for byte;
    # SQL Lab's clock (epoch milliseconds as doubles under NUMERIC(20, 6)) keeps every digit, while a
    # column of whole milliseconds alone (NUMERIC affinity stores them INTEGER) is read as instants,
    # each cell audited; SQLAlchemy's JSON 'null' is NULL; a dashboard's CSS is trimmed, audited.
    charts, queries = 12, 15
    ran, run_dir = run_export(apps.superset_metadata)
    tables = {
        "ab_user": 2,
        "dbs": 2,
        "tables": 3,
        "sql_metrics": 6,
        "slices": charts,
        "dashboards": 3,
        "dashboard_slices": 12,
        "embedded_dashboards": 3,
        "query": queries,
        "key_value": 6,
        "logs": 8,
        "alembic_version": 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    version = ran.record["version_schema"]
    for table, kind, count in (
        ("dbs", "db", 2),
        ("tables", "table", 3),
        ("sql_metrics", "metric", 6),
        ("slices", "chart", charts),
        ("dashboards", "dashboard", 3),
        ("key_value", "kv", 6),
    ):
        assert ran.types(table)["uuid"] == "bytea", table
        assert ran.values(table, "uuid", "id") == {
            n + 1: apps.superset_uuid(kind, n + 1) for n in range(count)
        }
    # The table Alembic left without a declared key: its uuid is unique on every row (dashboard_id,
    # two configurations of one dashboard, is not): the key found in the data.
    assert primary_key(ran.uri, version, "embedded_dashboards") == ["uuid"]
    embedded = dict(pg_query(ran.uri, f'SELECT uuid, dashboard_id FROM "{ran.base}".embedded_dashboards'))
    assert embedded == {apps.superset_uuid("embedded", e + 1): (1, 1, 2)[e] for e in range(3)}
    types = ran.types("query")
    for column in ("start_time", "end_time", "start_running_time"):
        assert types[column] == "double precision", column
    assert types["end_result_backend_time"] == "timestamp with time zone"
    assert types["sql_editor_id"] == "bigint"  # tab ids written as digits
    started = ran.values("query", "start_time", "id")
    assert started == {q + 1: apps.superset_started(q) for q in range(queries)}
    assert ran.values("query", "end_time", "id") == {
        q + 1: apps.superset_started(q) + 250.000001 if q % 3 != 2 else None for q in range(queries)
    }
    backend = {q: apps.superset_backend_ms(q) for q in range(queries)}
    assert ran.values("query", "end_result_backend_time", "id") == {
        q + 1: None if ms is None else UNIX_EPOCH + timedelta(milliseconds=ms) for q, ms in backend.items()
    }
    assert audit_rules(run_dir, "query", "end_result_backend_time") == {
        str(q + 1): {"epoch:milliseconds"} for q, ms in backend.items() if ms is not None
    }
    assert ran.values("sql_metrics", "currency", "id") == {m + 1: None for m in range(6)}
    assert audit_rules(run_dir, "sql_metrics", "currency") == {
        str(m + 1): {"null_like_to_null"} for m in range(6)
    }
    assert ran.types("dbs")["password"] == ran.types("key_value")["value"] == "bytea"
    assert ran.values("dbs", "password", "id") == {1: None, 2: base64.b64encode(b"\x13" * 32)}
    # Its one CSS ends in a line break, as every value does: a line terminator, kept (until 2026-12-06
    # trimmed, audited).
    assert ran.values("dashboards", "css", "id") == {1: ".header { color: red; }\n", 2: None, 3: None}
    assert audit_rules(run_dir, "dashboards", "css") == {
        "2": {"empty_to_null"},
        "3": {"empty_to_null"},
    }
    found = references(run_dir)
    assert found[("embedded_dashboards", "dashboard_id")] == "dashboards.id"
    assert found[("dashboard_slices", "slice_id")] == "slices.id"


def test_nbgrader_gradebook_keeps_scores_and_hex_keys_and_reads_intervals_as_their_moments(
    run_export: Runner,
) -> None:
    # A course's gradebook.db: 32-hex-digit text keys and their declared references, FLOAT scores to
    # the last digit, naive UTC DATETIME text to the microsecond, and an extension (SQLAlchemy's
    # Interval, stored as 1970-01-01 plus the interval) a timestamp of that moment, nothing lost:
    # `extension - timestamp '1970-01-01'` is the interval. An assignment made without a course holds
    # '' under NOT NULL: NULL (audited), and no orphan of course.id; an LMS id '00042' stays text.
    ran, run_dir = run_export(apps.nbgrader_gradebook)
    students, assignments = apps.NBGRADER_STUDENTS, apps.NBGRADER_ASSIGNMENTS
    subs = [(k, a) for k in range(len(students)) for a in range(len(assignments)) if (k + a) % 5]
    tables = {
        "student": len(students),
        "course": 1,
        "assignment": len(assignments),
        "notebook": len(assignments),
        "submitted_assignment": len(subs),
        "submitted_notebook": len(subs),
        "grade": 2 * len(subs),
        "alembic_version": 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("submitted_assignment")
    assert types["timestamp"] == types["extension"] == "timestamp without time zone"
    assert {ran.types("grade")[c] for c in ("auto_score", "manual_score", "extra_credit")} == {
        "double precision"
    }
    assert ran.types("grade")["needs_manual_grade"] == ran.types("submitted_notebook")["flagged"] == "boolean"
    assert ran.types("student")["lms_user_id"] == "text"
    sub_id = {apps.nbgrader_id("submission", n): (k, a) for n, (k, a) in enumerate(subs)}
    moments = ran.values("submitted_assignment", "timestamp", "id")
    assert moments == {s: apps.nbgrader_submitted(k, a) for s, (k, a) in sub_id.items()}
    extensions = ran.values("submitted_assignment", "extension", "id")
    assert extensions == {
        s: None if (ext := apps.nbgrader_extension(k)) is None else datetime(1970, 1, 1) + ext
        for s, (k, _) in sub_id.items()
    }
    intervals = dict(
        pg_query(
            ran.uri,
            "SELECT id, extract(epoch FROM extension - timestamp '1970-01-01')::bigint "
            f'FROM "{ran.base}".submitted_assignment '
            "WHERE extension IS NOT NULL",
        )
    )
    assert intervals == {
        s: int(ext.total_seconds())
        for s, (k, _) in sub_id.items()
        if (ext := apps.nbgrader_extension(k)) is not None
    }
    scores = apps.NBGRADER_SCORES
    assert ran.values("grade", "manual_score", "id") == {
        apps.nbgrader_id("grade", 2 * n + q): None if q == 0 else scores[n % len(scores)]
        for n in range(len(subs))
        for q in range(2)
    }
    assert ran.values("student", "lms_user_id", "id")["dmitri"] == "00042"
    assert ran.values("student", "last_name", "id")["bob"] == "O'Neil"
    assert ran.values("student", "last_name", "id")["eve"] is None
    courses = ran.values("assignment", "course_id", "name")
    assert courses == {name: course or None for name, _, course in assignments}
    assert audit_rules(run_dir, "assignment", "course_id") == {
        apps.nbgrader_id("assignment", a): {"empty_to_null"}
        for a, (_, _, course) in enumerate(assignments)
        if not course
    }
    found = references(run_dir)
    assert found[("assignment", "course_id")] == "course.id"
    assert found[("submitted_assignment", "student_id")] == "student.id"
    assert found[("grade", "notebook_id")] == "submitted_notebook.id"
    profile = profiled(run_dir)
    assert profile["columns"]["assignment"]["course_id"]["no_reference_count"] == 0


def test_prosody_server_keeps_serialized_lua_values_as_text_and_reads_its_archive_times_as_instants(
    run_export: Runner,
) -> None:
    # Prosody's one key-value table has no key and holds every Lua value as text beside its type:
    # numbers as Lua prints them (0.33333333333333, 1e-300, -0.0, 9007199254740993), booleans, JSON
    # and XML stanzas all arrive as written, one text column; '' as the user of a host's store and as
    # the key of a store's extra data is NULL, audited; a padded string is trimmed, audited. The
    # archive's `"when" INTEGER` of Unix seconds is an instant (each cell audited epoch:seconds) and an
    # offline message's '' as `with` NULL, audited; its stanzas arrive as written.
    messages = 6
    rows = apps.prosody_rows()
    ran, run_dir = run_export(apps.prosody_server)
    loaded_cleanly(ran, run_dir, {"prosody": len(rows), "prosodyarchive": 2 * messages})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert set(ran.types("prosody").values()) == {"text"}
    types = ran.types("prosodyarchive")
    assert (types["sort_id"], types["when"], types["with"], types["value"]) == (
        "bigint",
        "timestamp with time zone",
        "text",
        "text",
    )
    assert primary_key(ran.uri, ran.record["version_schema"], "prosodyarchive") == ["sort_id"]

    def cleaned(row: list[object]) -> tuple[object, ...]:
        return tuple(None if cell == "" else str(cell).strip() for cell in row)

    loaded = pg_query(ran.uri, f'SELECT host, "user", store, key, type, value FROM "{ran.base}".prosody')
    assert sorted(loaded, key=repr) == sorted((cleaned(row) for row in rows), key=repr)
    for value in ("0.33333333333333", "1e-300", "-0.0", "9007199254740993", "10000", "false"):
        assert (value,) in pg_query(ran.uri, f'SELECT value FROM "{ran.base}".prosody'), value
    blank = lambda column: {  # noqa: E731
        str(rowid + 1): {"empty_to_null"} for rowid, row in enumerate(rows) if row[column] == ""
    }
    assert audit_rules(run_dir, "prosody", "user") == blank(1)
    assert audit_rules(run_dir, "prosody", "key") == blank(3)
    assert audit_rules(run_dir, "prosody", "value") == {
        str(rowid + 1): {"trim"} for rowid, row in enumerate(rows) if row[5] != str(row[5]).strip()
    }

    archived = apps.prosody_archive_rows(messages)
    assert ran.values("prosodyarchive", "when", "sort_id") == {
        row[0]: UNIX_EPOCH + timedelta(seconds=apps.prosody_when(i // 2)) for i, row in enumerate(archived)
    }
    assert audit_rules(run_dir, "prosodyarchive", "when") == {
        str(row[0]): {"epoch:seconds"} for row in archived
    }
    assert ran.values("prosodyarchive", "with", "sort_id") == {row[0]: row[6] or None for row in archived}
    assert audit_rules(run_dir, "prosodyarchive", "with") == {
        str(row[0]): {"empty_to_null"} for row in archived if row[6] == ""
    }
    assert ran.values("prosodyarchive", "value", "sort_id") == {row[0]: row[8] for row in archived}


def test_ghost_blog_reads_model_text_and_knex_millis_as_its_times_and_joins_its_owner(
    run_export: Runner,
) -> None:
    # Ghost's models write `datetime` columns as UTC text (a timestamp, the same wall clock), a raw
    # knex insert as epoch milliseconds (an instant, each cell audited); boolean 0/1 are booleans;
    # ObjectId keys arrive as written; the owner's '1', the one staff user of a personal blog, has the
    # same type in users.id and in every column naming a user, declared reference or not, so the joins a
    # dashboard writes work; a padded excerpt is trimmed, audited.
    posts, tags = 8, 3
    ran, run_dir = run_export(apps.ghost_blog)
    rows = {"users": 1, "newsletters": 1, "posts": posts, "posts_authors": posts, "tags": tags}
    rows |= {"posts_tags": posts, "sessions": 1, "api_keys": 2}
    loaded_cleanly(ran, run_dir, rows)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("posts")
    assert (types["created_at"], types["published_at"], types["featured"], types["lexical"]) == (
        "timestamp without time zone",
        "timestamp without time zone",
        "boolean",
        "text",
    )
    moment = lambda i: datetime.strptime(apps.ghost_moment(i), "%Y-%m-%d %H:%M:%S")  # noqa: E731
    ids = [apps.ghost_id(2, i) for i in range(posts)]
    assert ran.values("posts", "created_at", "id") == {ids[i]: moment(i) for i in range(posts)}
    assert ran.values("posts", "published_at", "id") == {
        ids[i]: None if i % 3 == 2 else moment(i + 1) for i in range(posts)
    }
    assert ran.values("posts", "featured", "id") == {ids[i]: i == 0 for i in range(posts)}
    assert ran.values("posts", "lexical", "id") == {ids[i]: apps.ghost_lexical(i) for i in range(posts)}
    assert ran.values("posts", "custom_excerpt", "id") == {
        ids[i]: arrives_as(apps.ghost_excerpt(i)) for i in range(posts)
    }
    assert audit_rules(run_dir, "posts", "custom_excerpt") == {
        ids[i]: {"trim"} for i in range(posts) if (apps.ghost_excerpt(i) or "").startswith(" ")
    }
    instant = lambda ms: UNIX_EPOCH + timedelta(milliseconds=ms)  # noqa: E731
    assert ran.types("sessions")["created_at"] == "timestamp with time zone"
    assert ran.values("sessions", "updated_at", "id") == {
        apps.ghost_id(5, 0): instant(apps.GHOST_MILLIS + 1_000)
    }
    assert ran.values("api_keys", "created_at", "id") == {
        apps.ghost_id(6, k): instant(apps.GHOST_MILLIS + 7 * k) for k in range(2)
    }
    assert audit_rules(run_dir, "api_keys", "created_at") == {
        apps.ghost_id(6, k): {"epoch:milliseconds"} for k in range(2)
    }
    found = references(run_dir)
    assert found[("posts_authors", "author_id")] == "users.id"
    assert found[("posts_authors", "post_id")] == "posts.id"
    assert found[("posts_tags", "tag_id")] == "tags.id"
    # One type for the owner's id wherever it stands: each join finds every row.
    for table, column in (("posts", "created_by"), ("posts_authors", "author_id"), ("sessions", "user_id")):
        relation = f'"{ran.base}"."{table}"'
        joined = pg_query(
            ran.uri, f'SELECT count(*) FROM {relation} t JOIN "{ran.base}".users u ON u.id = t.{column}'
        )
        assert joined == [(rows[table],)], (table, column)


def test_mail_archive_keeps_every_charset_offset_and_attachment_and_trims_bodies_audited(
    run_export: Runner,
) -> None:
    # A mail archive's bodies keep every character of their scripts; only the newline ending each body is
    # trimmed, each audited; the UTC instants arrive as timestamps without a zone beside the offsets in
    # minutes, the epoch-dated mail kept as written; attachments byte for byte (the empty one empty, not
    # NULL); the sender references its text key; no warning.
    mails = len(apps.MAIL_BODIES) + 1
    ran, run_dir = run_export(apps.mail_archive)
    tables = {"hyperkitty_sender": mails, "hyperkitty_thread": 2, "hyperkitty_email": mails}
    loaded_cleanly(ran, run_dir, {**tables, "hyperkitty_attachment": 3})
    assert (ran.code, ran.record["warnings"]) == (0, [])
    types = ran.types("hyperkitty_email")
    for column in ("date", "archived_date"):
        assert types[column] == "timestamp without time zone", column
    assert (types["timezone"], types["content"], types["subject"]) == ("bigint", "text", "text")
    assert ran.types("hyperkitty_attachment")["content"] == "bytea"
    bodies = [*apps.MAIL_BODIES, "old one\n"]
    assert ran.values("hyperkitty_email", "content", "id") == {i + 1: b.strip() for i, b in enumerate(bodies)}
    assert audit_rules(run_dir, "hyperkitty_email", "content") == {str(i + 1): {"trim"} for i in range(mails)}
    assert ran.values("hyperkitty_email", "subject", "id") == {
        i + 1: s for i, s in enumerate([*apps.MAIL_SUBJECTS, "epoch"])
    }
    assert ran.values("hyperkitty_email", "date", "id") == {i + 1: apps.mail_moment(i) for i in range(mails)}
    assert any("Unix epoch" in note for note in _notes(run_dir, "hyperkitty_email", "date"))
    assert ran.values("hyperkitty_email", "archived_date", "id") == {
        i + 1: apps.mail_archived(i) for i in range(mails)
    }
    assert ran.values("hyperkitty_email", "timezone", "id") == {
        i + 1: m for i, m in enumerate([*apps.MAIL_OFFSETS, 0])
    }
    assert ran.values("hyperkitty_attachment", "content", "id") == {
        k + 1: apps.mail_attachment(k) for k in range(3)
    }
    found = references(run_dir)
    assert found[("hyperkitty_email", "sender_id")] == "hyperkitty_sender.address"
    assert found[("hyperkitty_email", "thread_id")] == "hyperkitty_thread.id"
    assert found[("hyperkitty_attachment", "email_id")] == "hyperkitty_email.id"


def test_fitness_tracker_loads_django_decimals_stored_as_real_as_numeric_and_times_as_text(
    run_export: Runner,
) -> None:
    # Django's decimal text in a `decimal` column is stored by SQLite as REAL or INTEGER: the column
    # arrives as numeric, each value the decimal written (until 2026-12-05 double precision); an empty
    # `decimal` column keeps its declared numeric; reps in reserve written as decimal text are
    # numbers, '' NULL (audited); dates are dates; a `time` column, which no rule reads, keeps its text.
    entries, logs = 40, 12
    ran, run_dir = run_export(apps.fitness_tracker)
    tables = {
        "weight_weightentry": entries,
        "manager_workoutlog": logs,
        "nutrition_meal": 3,
        "nutrition_ingredientweightunit": 0,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["warnings"]) == (0, [])
    assert ran.types("weight_weightentry")["weight"] == "numeric"
    assert ran.types("weight_weightentry")["date"] == "date"
    assert ran.types("manager_workoutlog")["weight"] == "numeric"
    assert ran.types("manager_workoutlog")["rir"] == "numeric"
    assert ran.types("nutrition_meal")["time"] == "time without time zone"  # TIME: time since 2026-12-06
    assert ran.types("nutrition_ingredientweightunit")["amount"] == "numeric"
    # The decimal written, at the plan's money scale (the driver hands numeric over as its text).
    assert ran.values("weight_weightentry", "weight", "id") == {
        i + 1: apps.fitness_weight(i) for i in range(entries)
    }
    assert ran.values("weight_weightentry", "date", "id") == {
        i + 1: date(2024, 12, 1) + timedelta(days=i) for i in range(entries)
    }
    assert ran.values("manager_workoutlog", "weight", "id") == {
        i + 1: apps.fitness_lifted(i) for i in range(logs)
    }
    rir = [apps.FITNESS_RIR[i % len(apps.FITNESS_RIR)] for i in range(logs)]
    # Numerically the decimal written (the target's numeric text, at the plan's money scale: 0.50).
    assert {
        n: None if v is None else Decimal(str(v))
        for n, v in ran.values("manager_workoutlog", "rir", "id").items()
    } == {i + 1: Decimal(r) if r else None for i, r in enumerate(rir)}
    assert audit_rules(run_dir, "manager_workoutlog", "rir") == {
        str(i + 1): {"empty_to_null"} for i, r in enumerate(rir) if not r
    }
    assert ran.values("nutrition_meal", "time", "id") == {
        m + 1: as_time(apps.fitness_meal_time(m)) for m in range(3)
    }


def test_kolibri_facility_keeps_zone_stamped_moments_as_text_and_its_counter_partition_as_written(
    run_export: Runner,
) -> None:
    # Kolibri writes a moment of its DateTimeTzField as the UTC time followed by the writer's zone in
    # parentheses: no recognised format, so the column is text, every value as written (the zone is
    # the value's, no rule may drop it). Django's naive datetime text is a timestamp; REAL seconds and
    # progress are exact doubles; a birth year beside NOT_SPECIFIED stays text, '' NULL (audited);
    # morango's counter keyed by (instance_id, partition) keeps its '' partition (one warning, exit 2).
    users, sessions, exams = 12, 30, 3
    ran, run_dir = run_export(apps.kolibri_facility)
    tables = {
        "kolibriauth_facilitydataset": 1,
        "kolibriauth_facilityuser": users,
        "logger_contentsessionlog": sessions,
        "exams_exam": exams,
        "morango_databasemaxcounter": 2,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert ran.code == 2
    (warning,) = ran.record["warnings"]
    assert warning.startswith("morango_databasemaxcounter.partition: text loaded as written"), warning
    user_types, log_types = ran.types("kolibriauth_facilityuser"), ran.types("logger_contentsessionlog")
    assert (user_types["date_joined"], user_types["birth_year"], user_types["id"]) == ("text",) * 3
    assert (user_types["_morango_dirty_bit"], user_types["last_login"]) == (
        "boolean",
        "timestamp without time zone",
    )
    assert (log_types["start_timestamp"], log_types["end_timestamp"]) == ("text", "text")
    assert (log_types["time_spent"], log_types["progress"]) == ("double precision", "double precision")
    exam_types = ran.types("exams_exam")
    assert (exam_types["date_created"], exam_types["date_archived"]) == ("timestamp without time zone",) * 2
    assert (exam_types["seed"], exam_types["active"], exam_types["question_sources"]) == (
        "bigint",
        "boolean",
        "text",
    )
    user_ids = {apps.kolibri_id("user", u): u for u in range(users)}
    joined = ran.values("kolibriauth_facilityuser", "date_joined", "id")
    assert joined == {k: apps.kolibri_stamp(apps.kolibri_moment(u), u) for k, u in user_ids.items()}
    years = [apps.KOLIBRI_BIRTH_YEARS[u % len(apps.KOLIBRI_BIRTH_YEARS)] for u in range(users)]
    assert ran.values("kolibriauth_facilityuser", "birth_year", "id") == {
        k: years[u] or None for k, u in user_ids.items()
    }
    assert audit_rules(run_dir, "kolibriauth_facilityuser", "birth_year") == {
        k: {"empty_to_null"} for k, u in user_ids.items() if not years[u]
    }
    session_ids = {apps.kolibri_id("session", i): i for i in range(sessions)}
    assert ran.values("logger_contentsessionlog", "time_spent", "id") == {
        k: apps.kolibri_time_spent(i) for k, i in session_ids.items()
    }
    assert ran.values("logger_contentsessionlog", "progress", "id") == {
        k: apps.kolibri_progress(i) for k, i in session_ids.items()
    }
    assert ran.values("logger_contentsessionlog", "start_timestamp", "id") == {
        k: apps.kolibri_stamp(apps.kolibri_moment(i), i) for k, i in session_ids.items()
    }
    assert ran.values("exams_exam", "date_created", "id") == {
        apps.kolibri_id("exam", e): apps.kolibri_exam_created(e) for e in range(exams)
    }
    assert ran.values("morango_databasemaxcounter", "partition", "id") == {
        1: "",
        2: f"{apps.kolibri_id('dataset', 0)}:allusers-ro",
    }
    found = references(run_dir)
    assert found[("logger_contentsessionlog", "user_id")] == "kolibriauth_facilityuser.id"
    assert found[("exams_exam", "creator_id")] == "kolibriauth_facilityuser.id"
    for table in ("kolibriauth_facilityuser", "logger_contentsessionlog", "exams_exam"):
        assert found[(table, "dataset_id")] == "kolibriauth_facilitydataset.id", table


def test_tcms_history_keeps_its_deletion_marks_and_microsecond_durations(run_export: Runner) -> None:
    # django-simple-history marks each change of a case with one character: '+' created, '~' changed,
    # '-' deleted. '-' is a null token elsewhere; beside '+' and '~' it is a value, and every deletion
    # must arrive as one (NULL would erase which rows record a deletion). The history table is keyed by
    # history_id, its `id` repeating per change; DurationField's bigint microseconds stay the integers
    # written (no epoch: 26 hours are no instant); a diff as the change's reason keeps every line.
    cases, updated, deleted = 12, 4, 3
    live = cases - deleted
    history = apps.tcms_history_rows(cases, updated, deleted)
    ran, run_dir = run_export(apps.tcms_history)
    tables = {
        "testcases_testcase": live,
        "testcases_historicaltestcase": len(history),
        "django_comments": live,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["warnings"]) == (0, [])
    types = ran.types("testcases_historicaltestcase")
    assert (types["history_type"], types["history_change_reason"], types["summary"]) == ("text",) * 3
    assert (types["setup_duration"], types["testing_duration"], types["id"]) == ("bigint",) * 3
    assert (types["history_date"], types["is_automated"]) == ("timestamp without time zone", "boolean")
    assert primary_key(ran.uri, ran.record["version_schema"], "testcases_historicaltestcase") == [
        "history_id"
    ]
    assert ran.values("testcases_historicaltestcase", "history_type", "history_id") == {
        h + 1: kind for h, (_, kind, _, _) in enumerate(history)
    }
    assert audit_rules(run_dir, "testcases_historicaltestcase", "history_type") == {}
    assert ran.values("testcases_historicaltestcase", "history_change_reason", "history_id") == {
        h + 1: reason for h, (_, _, reason, _) in enumerate(history)
    }
    assert ran.values("testcases_historicaltestcase", "id", "history_id") == {
        h + 1: c + 1 for h, (c, _, _, _) in enumerate(history)
    }
    durations = apps.TCMS_DURATIONS
    assert ran.values("testcases_testcase", "setup_duration", "id") == {
        c + 1: durations[c % len(durations)] for c in range(live)
    }
    assert ran.values("testcases_testcase", "testing_duration", "id") == {
        c + 1: durations[(c + 3) % len(durations)] for c in range(live)
    }
    assert ran.values("testcases_historicaltestcase", "history_date", "history_id") == {
        h + 1: apps.tcms_moment(h) for h in range(len(history))
    }
    assert ran.values("testcases_testcase", "text", "id") == {c + 1: apps.TCMS_STEPS for c in range(live)}


def annotation_tables(spans: int) -> dict[str, int]:
    """The rows of each table :func:`tests.app_databases.annotation_tool` writes."""
    documents = len(apps.ANNOTATED)
    return {
        "projects_project": 1,
        "projects_sequencelabelingproject": 1,
        "examples_example": documents,
        "label_types_spantype": 2,
        "labels_span": spans,
        "labels_relation": documents,
        "kombu_queue": 1,
        "kombu_message": 3,
    }


#: Every entity annotated, in the order of its span's id.
ANNOTATED_ENTITIES = [entity for _, found in apps.ANNOTATED for entity in found]


def spans_named(ran: Ran) -> dict[int, str]:
    """``{span id: the characters its offsets name}`` in the target (PostgreSQL counts code points)."""
    schema = ran.record["version_schema"]
    named = pg_query(
        ran.uri,
        f"SELECT s.id, substr(e.text, s.start_offset::int + 1, (s.end_offset - s.start_offset)::int) "
        f"FROM {schema}.labels_span s JOIN {schema}.examples_example e ON e.id = s.example_id",
    )
    return {int(span): str(text) for span, text in named}


def test_annotation_tool_keeps_documents_so_that_every_span_offset_still_names_its_entity(
    run_export: Runner,
) -> None:
    # An annotation tool's spans are code-point offsets into its documents: every document must arrive
    # character for character (CJK, Arabic, an emoji family of seven code points, CRLF and a tab inside)
    # for each span to name its entity in the target too. REAL scores are exact doubles; the JSON meta
    # under a CHECK is text; the sequence-labelling child is keyed by the parent's id; the Celery broker
    # kombu keeps in the same file (SQLAlchemy's BOOLEAN and DATETIME) reads as booleans and timestamps.
    ran, run_dir = run_export(apps.annotation_tool)
    spans = apps.annotation_spans()
    tables = annotation_tables(len(spans))
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["warnings"]) == (0, [])
    assert spans_named(ran) == {s + 1: entity for s, entity in enumerate(ANNOTATED_ENTITIES)}
    assert ran.values("examples_example", "text", "id") == {
        e + 1: t for e, (t, _) in enumerate(apps.ANNOTATED)
    }
    assert ran.values("examples_example", "score", "id") == dict(enumerate(apps.ANNOTATION_SCORES, start=1))
    example_types, span_types = ran.types("examples_example"), ran.types("labels_span")
    assert (example_types["text"], example_types["meta"], example_types["uuid"]) == ("text",) * 3
    assert (example_types["score"], span_types["start_offset"]) == ("double precision", "bigint")
    message_types = ran.types("kombu_message")
    assert (message_types["visible"], message_types["timestamp"], message_types["payload"]) == (
        "boolean",
        "timestamp without time zone",
        "text",
    )
    assert ran.values("kombu_message", "visible", "id") == {m + 1: m % 2 == 1 for m in range(3)}
    assert primary_key(ran.uri, ran.record["version_schema"], "projects_sequencelabelingproject") == [
        "project_ptr_id"
    ]
    found = references(run_dir)
    assert found[("projects_sequencelabelingproject", "project_ptr_id")] == "projects_project.id"
    assert (
        found[("labels_relation", "from_id_id")] == found[("labels_relation", "to_id_id")] == "labels_span.id"
    )
    assert found[("labels_span", "example_id")] == "examples_example.id"
    assert found[("kombu_message", "queue_id")] == "kombu_queue.id"


def test_annotation_documents_kept_as_written_keep_every_span_naming_its_entity(run_export: Runner) -> None:
    # A document imported with leading blanks: its spans count them. Trimmed (the default, audited),
    # each of its spans would name other characters in the target; `trim = false` on the documents'
    # column (docs/configuration.md) keeps the text as written, and every span names its entity.
    config = "[columns.examples_example.text]\ntrim = false\n"
    ran, run_dir = run_export(apps.padded_annotation_tool, config=config)
    spans, lead = apps.annotation_spans("   "), "   "
    assert spans[0][2:] == (3, 15)  # "Barack Obama" after the three blanks
    loaded_cleanly(ran, run_dir, annotation_tables(len(spans)))
    assert (ran.code, ran.record["warnings"]) == (0, [])
    assert ran.values("examples_example", "text", "id") == {
        e + 1: apps.annotation_text(e, lead) for e in range(len(apps.ANNOTATED))
    }
    assert audit_rules(run_dir, "examples_example", "text") == {}
    assert spans_named(ran) == {s + 1: entity for s, entity in enumerate(ANNOTATED_ENTITIES)}


def _chat_bot_text(value: object) -> str | None:
    """A cell of the bot's file as it arrives in a text column: an INTEGER as its digits, a REAL as
    the shortest text of that double, JSON ``null`` as NULL (the null token, audited), text as is."""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    return None if value == "null" else str(value)


@pytest.mark.parametrize("build", [apps.chat_bot, apps.chat_bot_legacy])
def test_chat_bot_keeps_a_user_called_null_in_its_key_and_json_values_as_text(
    run_export: Runner, build: Callable[[Path], Path]
) -> None:
    # Sopel's nicknames are keyed by their case-folded slug, one of them `null` (a user called NULL):
    # cleaning would make it NULL, so the key is loaded as written (its one warning) and the token costs
    # no quality there; the nick as shown, `NULL`, is the null token by the documented rule (audited).
    # Values are JSON text; under Sopel 6's `STRING` (NUMERIC affinity) JSON numbers and the nick
    # `0042` are INTEGER or REAL cells (2^63 + 5 a double), which arrive in the text column as their
    # digits and the shortest text of their double.
    ran, run_dir = run_export(build)
    tables = {"nick_ids": 10, "nicknames": 11, "nick_values": 12, "channel_values": 5}
    loaded_cleanly(ran, run_dir, tables)
    assert ran.code == 2
    assert [w.split(":")[0] for w in ran.record["warnings"]] == ["nicknames.slug"], ran.record["warnings"]
    assert "loaded as written" in ran.record["warnings"][0]
    schema = ran.record["version_schema"]
    assert ran.types("nicknames") == {"nick_id": "bigint", "slug": "text", "canonical": "text"}
    assert ran.types("nick_values")["value"] == ran.types("channel_values")["value"] == "text"
    assert primary_key(ran.uri, schema, "nicknames") == (
        ["slug"]
        if build is apps.chat_bot_legacy
        else [
            "nick_id",
            "slug",
        ]
    )
    assert primary_key(ran.uri, schema, "nick_values") == ["nick_id", "key"]
    con = sqlite3.connect(ran.db)
    try:
        nicks = con.execute("SELECT nick_id, slug, canonical FROM nicknames").fetchall()
        values = con.execute("SELECT nick_id, key, value FROM nick_values").fetchall()
        channels = con.execute("SELECT channel, key, value FROM channel_values").fetchall()
    finally:
        con.close()
    assert {type(slug) for _, slug, _ in nicks} == ({int, str} if build is apps.chat_bot_legacy else {str})
    base = quote_ident(ran.base)
    assert set(pg_query(ran.uri, f"SELECT nick_id, slug, canonical FROM {base}.nicknames")) == {
        (n, str(slug), None if canonical == "NULL" else _chat_bot_text(canonical))
        for n, slug, canonical in nicks
    }
    assert set(pg_query(ran.uri, f"SELECT nick_id, key, value FROM {base}.nick_values")) == {
        (n, k, _chat_bot_text(v)) for n, k, v in values
    }
    assert set(pg_query(ran.uri, f'SELECT channel, "key", value FROM {base}.channel_values')) == {
        (c, k, _chat_bot_text(v)) for c, k, v in channels
    }
    assert audit_rules(run_dir, "nicknames", "canonical") == {
        "null" if build is apps.chat_bot_legacy else "10|null": {"null_like_to_null"}
    }
    assert references(run_dir)[("nicknames", "nick_id")] == "nick_ids.nick_id"
    slug = profiled(run_dir)["columns"]["nicknames"]["slug"]
    assert (slug["as_written"] is not None, slug["token_kept_in_key"], slug["quality"]) == (True, True, 100.0)


def test_media_automation_reads_compact_history_moments_and_keeps_day_ordinals(run_export: Runner) -> None:
    # SickChill's history `date` is `%Y%m%d%H%M%S` text stored by the NUMERIC affinity as a 14-digit
    # INTEGER: a date-like name, so a timestamp without a zone (the server's wall clock), each audited;
    # an episode's `airdate` counts days since 0001-01-01 (Python's date ordinals), which no rule reads:
    # kept as integers; `0001-01-01 00:00:00` ("never searched") is a timestamp of year 1; the indexer's
    # number written as TEXT '1' is an integer; text never filled ('') is NULL (audited), at no cost.
    episodes = 6
    ran, run_dir = run_export(apps.media_automation)
    tables = {"db_version": 1, "history": episodes, "info": 0, "tv_shows": 4, "tv_episodes": episodes}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["warnings"]) == (0, [])
    assert ran.types("history")["date"] == "timestamp without time zone"
    assert audit_rules(run_dir, "history", "date") == {
        str(i + 1): {"date_format:%Y%m%d%H%M%S"} for i in range(episodes)
    }
    relation = f"{quote_ident(ran.base)}.history"
    assert pg_query(ran.uri, f"SELECT episode, date FROM {relation} ORDER BY episode") == [
        (i + 1, apps.media_moment(i)) for i in range(episodes)
    ]
    types = ran.types("tv_episodes")
    assert (types["airdate"], types["indexer"], types["status"], types["file_size"]) == ("bigint",) * 4
    assert types["subtitles_lastsearch"] == "timestamp without time zone"
    assert ran.values("tv_episodes", "airdate", "episode_id") == {
        i + 1: apps.media_airdate(i).toordinal() for i in range(episodes)
    }
    assert set(ran.values("tv_episodes", "subtitles_lastsearch", "episode_id").values()) == {datetime.min}
    assert ran.values("tv_episodes", "location", "episode_id") == {
        i + 1: f"/tv/Lost/Lost.S01E{i + 1:02d}.mkv" if i % 3 == 0 else None for i in range(episodes)
    }
    shows = ran.values("tv_shows", "show_name", "show_id")
    assert shows == {n + 1: show[1] for n, show in enumerate(apps.MEDIA_SHOWS)}
    assert ran.values("tv_shows", "airs", "show_id") == {
        n + 1: show[4] or None for n, show in enumerate(apps.MEDIA_SHOWS)
    }
    assert set(ran.values("tv_shows", "custom_name", "show_id").values()) == {None}
    assert profiled(run_dir)["columns"]["tv_shows"]["custom_name"]["quality"] == 100.0


def test_shop_decimals_stored_as_reals_arrive_as_amounts_and_computed_ones_keep_every_bit(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.online_shop)
    lines, orders = 12, len(apps.SHOP_TOTALS)
    tables = {
        "partner_partner": 2,
        "partner_stockrecord": len(apps.SHOP_PRICES),
        "order_order": orders,
        "order_line": lines,
        "order_surcharge": 0,
        "analytics_userrecord": 2,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])

    def declared(table: str) -> dict[str, str]:
        return pg_column_types(ran.uri, ran.record["version_schema"], table)

    # Django declares every DecimalField plain `decimal`; the shop's amounts arrive as numeric at the
    # widest fraction they were written with (at least cents), whatever the affinity stored them as.
    assert declared("partner_stockrecord")["price"] == "numeric(18,3)"  # 0.005, 3.333
    assert declared("order_line")["line_price_incl_tax"] == "numeric(18,3)"
    assert (
        declared("order_order")["total_incl_tax"]
        == declared("order_order")["shipping_incl_tax"]
        == ("numeric(18,2)")
    )
    # No surcharge yet: amounts still, so the first one changes no type.
    surcharge = declared("order_surcharge")
    assert surcharge["incl_tax"] == surcharge["excl_tax"] == "numeric(18,2)"
    # A price divided by 1.19 to 28 digits is stored as a REAL of 17, a total summed in SQL is REAL
    # arithmetic: no decimal of 15 digits, so double precision, every bit.
    assert declared("order_order")["total_excl_tax"] == "double precision"
    assert declared("order_line")["unit_price_excl_tax"] == "double precision"
    assert declared("analytics_userrecord")["total_spent"] == "double precision"
    assert declared("partner_stockrecord")["date_created"] == "timestamp without time zone"

    def cents(text: str | None, scale: int) -> str | None:
        """The numeric's text: the Decimal the shop wrote at the column's scale."""
        return None if text is None else str(Decimal(text).quantize(Decimal(1).scaleb(-scale)))

    assert ran.values("partner_stockrecord", "price", "id") == {
        i + 1: cents(price, 3) for i, price in enumerate(apps.SHOP_PRICES)
    }
    assert ran.values("order_line", "line_price_incl_tax", "id") == {
        i + 1: cents(str(apps.shop_line_price(i)), 3) for i in range(lines)
    }
    assert ran.values("order_order", "total_incl_tax", "id") == {
        n + 1: cents(total, 2) for n, total in enumerate(apps.SHOP_TOTALS)
    }
    # The doubles are SQLite's own, bit for bit: Python's float() of the text the shop wrote.
    assert ran.values("order_line", "unit_price_excl_tax", "id") == {
        i + 1: float(apps.shop_line_price(i) / apps.SHOP_TAX) if i % 5 else None for i in range(lines)
    }
    spent = {1: 0.0, 2: 0.0}
    for n, total in enumerate(apps.SHOP_TOTALS):
        spent[1 + n % 2] += float(total)
    assert ran.values("analytics_userrecord", "total_spent", "id") == spent
    assert ran.values("partner_stockrecord", "date_created", "id") == {
        i + 1: datetime.fromisoformat(apps.shop_moment(i)) for i in range(len(apps.SHOP_PRICES))
    }
    # What a dashboard writes, without a cast.
    relation = f"{quote_ident(ran.base)}.order_order"
    assert pg_query(ran.uri, f"SELECT ROUND(SUM(total_incl_tax), 1) FROM {relation}") == [
        (str(sum(Decimal(t) for t in apps.SHOP_TOTALS).quantize(Decimal("0.1"))),)
    ]
    assert references(run_dir)[("order_line", "order_id")] == "order_order.id"


def test_mailman_datetimes_intervals_and_pickles_arrive_exactly_with_the_declared_references(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.mailman_server)
    users, lists = 24, len(apps.MAILMAN_LISTS)
    tables = {
        "domain": 1,
        "mailinglist": lists,
        "preferences": 3 * users,
        "user": users,
        "address": users,
        "member": users,
        "bounceevent": 6,
        "pended": 4,
        "pendedkeyvalue": 12,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    lists_types, member_types = ran.types("mailinglist"), ran.types("member")
    # SQLAlchemy's DATETIME text (naive UTC, six fraction digits) is a timestamp without time zone,
    # datetime.min (0001-01-01, "never warned") included; its Interval, a timedelta added to 1970-01-01
    # and stored as a DATETIME, is that timestamp too: exactly what the cell says, no duration guessed.
    for column in (
        "created_at",
        "digest_last_sent_at",
        "autoresponse_grace_period",
        "bounce_info_stale_after",
    ):
        assert lists_types[column] == "timestamp without time zone", column
    assert (
        member_types["last_warning_sent"]
        == member_types["last_bounce_received"]
        == ("timestamp without time zone")
    )
    assert ran.values("member", "last_warning_sent", "id") == {
        u + 1: apps.mailman_warning(u) for u in range(users)
    }
    assert ran.values("member", "last_warning_sent", "id")[2] == datetime(1, 1, 1)
    assert ran.values("mailinglist", "created_at", "id") == {
        i + 1: apps.mailman_moment(i) for i in range(lists)
    }
    grace = ran.values("mailinglist", "autoresponse_grace_period", "id")
    assert {key: moment - apps.MAILMAN_EPOCH for key, moment in grace.items()} == {
        i + 1: apps.mailman_grace(i) for i in range(lists)
    }
    # Each text read as a timestamp by its format, audited.
    assert audit_rules(run_dir, "member", "last_warning_sent") == {
        str(u + 1): {"date_format:%Y-%m-%d %H:%M:%S.%f"} for u in range(users)
    }
    # Enums stored as INTEGER stay integers; BOOLEAN 0/1 (NULL: not set) are booleans; FLOAT a double.
    assert member_types["role"] == member_types["moderation_action"] == "bigint"
    assert lists_types["default_member_action"] == "bigint"
    assert ran.types("preferences")["acknowledge_posts"] == lists_types["allow_list_posts"] == "boolean"
    assert ran.values("mailinglist", "allow_list_posts", "id") == {1: True, 2: True, 3: False}
    assert lists_types["digest_size_threshold"] == "double precision"
    # Pickles (SQLAlchemy's PickleType) and a hashed password in BLOBs: bytea, byte for byte.
    assert lists_types["accept_these_nonmembers"] == lists_types["topics"] == "bytea"
    relation = f"{quote_ident(ran.base)}.mailinglist"
    pickled = dict(pg_query(ran.uri, f"SELECT id, accept_these_nonmembers FROM {relation}"))
    assert {key: bytes(value) for key, value in pickled.items()} == {
        i + 1: apps.mailman_nonmembers(i) for i in range(lists)
    }
    # uuid4().hex under CHAR(32): text, leading zeros and all-digit-but-one alike.
    assert ran.types("user")["_user_id"] == "text"
    assert ran.values("user", "_user_id", "id") == {u + 1: apps.mailman_user_id(u) for u in range(users)}
    # Pended values are JSON text (a pickle JSON-escaped): every character kept.
    values = ran.values("pendedkeyvalue", "value", "id")
    assert values[3] == json.dumps(pickle.dumps(0, 4).decode("latin-1"))
    # The prefix Mailman writes ends in a blank: trimmed by the documented rule, every one audited.
    assert ran.values("mailinglist", "subject_prefix", "id")[1] == "[Dev]"
    assert audit_rules(run_dir, "mailinglist", "subject_prefix") == {
        str(i + 1): {"trim"} for i in range(lists)
    }
    # The references SQLAlchemy declared, and one the data shows: a list's mail_host is its domain's,
    # the domain's declared UNIQUE (mail_host) (Mailman creates no list of an unknown domain). A
    # bounce's context (normal 1, probe 2) holds the first keys of the lists, as any enum from 1 does,
    # in a table that declares no foreign key: no reference.
    assert references(run_dir) == {
        ("mailinglist", "mail_host"): "domain.mail_host",
        ("user", "_preferred_address_id"): "address.id",
        ("user", "preferences_id"): "preferences.id",
        ("address", "user_id"): "user.id",
        ("address", "preferences_id"): "preferences.id",
        ("member", "address_id"): "address.id",
        ("member", "preferences_id"): "preferences.id",
        ("member", "user_id"): "user.id",
        ("pendedkeyvalue", "pended_id"): "pended.id",
    }
    notes = profiled(run_dir)["columns"]["bounceevent"]["context"]["notes"]
    assert any("the first keys of mailinglist.id" in note for note in notes)
    assert primary_key(ran.uri, ran.record["version_schema"], "member") == ["id"]


def test_buildbot_epoch_seconds_become_instants_and_log_chunks_arrive_byte_for_byte(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.buildbot_master)
    builds, steps, changes = apps.BUILDBOT_BUILDS, len(apps.BUILDBOT_STEPS), 6
    logs = builds * steps
    tables = {
        "masters": 1,
        "workers": 1,
        "builders": 2,
        "sourcestamps": changes + 1,
        "buildsets": builds,
        "buildrequests": builds,
        "builds": builds,
        "steps": logs,
        "logs": logs,
        "logchunks": logs + 1,
        "changes": changes,
        "build_properties": 5 * builds,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # Every moment an INTEGER of epoch seconds: an instant, each cell audited; NULL while running.
    build_types, step_types = ran.types("builds"), ran.types("steps")
    assert build_types["started_at"] == build_types["complete_at"] == "timestamp with time zone"
    assert step_types["started_at"] == step_types["complete_at"] == "timestamp with time zone"
    assert ran.types("changes")["when_timestamp"] == "timestamp with time zone"

    def instant(seconds: int | None) -> datetime | None:
        return None if seconds is None else UNIX_EPOCH + timedelta(seconds=seconds)

    assert ran.values("builds", "started_at", "id") == {
        b + 1: instant(apps.buildbot_started(b)) for b in range(builds)
    }
    assert ran.values("builds", "complete_at", "id") == {
        b + 1: instant(apps.buildbot_complete(b)) for b in range(builds)
    }
    assert ran.values("changes", "when_timestamp", "changeid")[1] == datetime(2024, 5, 20, 8, 42, tzinfo=UTC)
    assert audit_rules(run_dir, "builds", "complete_at") == {
        str(b + 1): {"epoch:seconds"} for b in range(builds) if apps.buildbot_complete(b) is not None
    }
    # Result codes and SMALLINT flags stay integers (no boolean is declared); the durations too.
    assert build_types["results"] == build_types["locks_duration_s"] == "bigint"
    assert step_types["hidden"] == ran.types("logchunks")["compressed"] == "bigint"
    assert ran.values("builds", "results", "id") == {
        b + 1: None if apps.buildbot_complete(b) is None else b % 3 for b in range(builds)
    }
    # Log chunks: bytea, byte for byte; the compressed ones inflate to the log's very lines.
    assert ran.types("logchunks")["content"] == "bytea"
    relation = f"{quote_ident(ran.base)}.logchunks"
    chunks = pg_query(ran.uri, f"SELECT logid, first_line, last_line, content, compressed FROM {relation}")
    assert sorted(
        (logid, first, last, bytes(content), packed) for logid, first, last, content, packed in chunks
    ) == [(log + 1, *chunk) for log in range(logs) for chunk in apps.buildbot_chunks(log)]
    for logid, first, last, content, packed in chunks:
        lines = apps.buildbot_log(logid - 1).splitlines(keepends=True)
        text = zlib.decompress(bytes(content)) if packed else bytes(content)
        assert text == b"".join(lines[first : last + 1]), logid
    assert {packed for *_, packed in chunks} == {0, 1}
    # Properties as JSON text, escapes and quotes kept; revisions of 40 hex digits with leading zeros.
    values = {
        (b, n): v
        for b, n, v in pg_query(
            ran.uri, f"SELECT buildid, name, value FROM {quote_ident(ran.base)}.build_properties"
        )
    }
    # A property set to None is JSON's `null`: a null token, NULL, each audited (docs/runbook.md,
    # SQLAlchemy's JSON `null`; `null_tokens = []` for the column keeps the text).
    assert values == {
        (b + 1, name): None if value == "null" else value
        for b in range(builds)
        for name, value, _ in apps.buildbot_properties(b)
    }
    audited = audit_rules(run_dir, "build_properties", "value")
    nulls = sum(value == "null" for b in range(builds) for _, value, _ in apps.buildbot_properties(b))
    assert len(audited) == nulls > 0 and all(rules == {"null_like_to_null"} for rules in audited.values())
    assert values[(1, "workername")] == '"w\\u00f6rker-1"'
    assert ran.values("changes", "revision", "changeid") == {
        c + 1: apps.buildbot_revision(c) for c in range(changes)
    }
    assert ran.values("changes", "revision", "changeid")[1] == "0" * 39 + "1"
    # The references Buildbot declared, exactly (SQLite's own list of them), but none to the tables
    # the file lacks.
    with closing(sqlite3.connect(ran.db)) as con:
        tables_in = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        declared = {
            (table, row[3]): f"{row[2]}.{row[4]}"
            for table in tables_in
            for row in con.execute(f"PRAGMA foreign_key_list({quote_ident(table)})")
            if row[2] in tables_in
        }
    assert references(run_dir) == declared
    assert declared[("logchunks", "logid")] == "logs.id" and len(declared) == 14


def test_apscheduler_store_keeps_real_epoch_seconds_and_pickled_states_exactly(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.apscheduler_jobs)
    jobs = 24
    stored = {
        table: [i for i in range(jobs) if (i % 5 == 0) == (table == "report_jobs")]
        for table in ("apscheduler_jobs", "report_jobs")
    }
    loaded_cleanly(ran, run_dir, {table: len(ids) for table, ids in stored.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0
    for table, ids in stored.items():
        types = ran.types(table)
        # REAL epoch seconds stay numbers, every bit (the instant is to_timestamp of it); no rule.
        assert (types["id"], types["next_run_time"], types["job_state"]) == (
            "text",
            "double precision",
            "bytea",
        )
        assert primary_key(ran.uri, ran.record["version_schema"], table) == ["id"]
        assert ran.values(table, "next_run_time", "id") == {
            f"job-{i:04d}": apps.apscheduler_next_run(i) for i in ids
        }
        relation = f"{quote_ident(ran.base)}.{quote_ident(table)}"
        states = dict(pg_query(ran.uri, f"SELECT id, job_state FROM {relation}"))
        assert {key: bytes(state) for key, state in states.items()} == {
            f"job-{i:04d}": apps.apscheduler_state(i) for i in ids
        }
        assert (
            pickle.loads(bytes(states[f"job-{ids[1]:04d}"]))["kwargs"]["amount"] == Decimal("19.99") * ids[1]
        )
        moments = dict(pg_query(ran.uri, f"SELECT id, to_timestamp(next_run_time) FROM {relation}"))
        for i in ids:
            seconds = apps.apscheduler_next_run(i)
            if seconds is None:
                assert moments[f"job-{i:04d}"] is None
            else:
                expected = UNIX_EPOCH + timedelta(seconds=seconds)
                assert abs(moments[f"job-{i:04d}"] - expected) <= timedelta(microseconds=1), i
    assert audited_columns(run_dir) == set()


def test_mlflow_tracking_store_reads_epoch_millis_as_instants_and_keeps_nanoseconds_and_clamped_doubles(
    run_export: Runner,
) -> None:
    # MLflow writes every moment of a run, a metric, a model or a trace as BIGINT epoch milliseconds:
    # instants, each cell audited; a span's OpenTelemetry nanoseconds (and its generated duration)
    # would lose digits as a timestamp: they stay integers. A metric's NaN is 0.0 beside is_nan, an
    # infinity the largest double: every bit arrives. A model version's stage `None` in every row is
    # MLflow's "no stage", the one token the column holds: NULL, audited, at no cost.
    runs, traces, versions = 8, 3, 3
    tables = {"experiments": len(apps.MLFLOW_EXPERIMENTS), "runs": runs, "metrics": runs * 6}
    tables |= {"latest_metrics": runs * 2, "params": runs * 3, "tags": runs * 3, "registered_models": 1}
    tables |= {"model_versions": versions, "trace_info": traces, "spans": traces * 2}
    ran, run_dir = run_export(apps.mlflow_tracking)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])

    def instant(millis: int | None) -> datetime | None:
        return None if millis is None else UNIX_EPOCH + timedelta(milliseconds=millis)

    types = ran.types("runs")
    assert types["start_time"] == types["end_time"] == types["deleted_time"] == "timestamp with time zone"
    assert types["experiment_id"] == "bigint"
    run_ids = [apps.mlflow_run_id(i) for i in range(runs)]
    assert ran.values("runs", "start_time", "run_uuid") == {
        run: instant(apps.MLFLOW_T0 + i * 61_001) for i, run in enumerate(run_ids)
    }
    assert ran.values("runs", "end_time", "run_uuid") == {
        run: instant(apps.mlflow_end(i)) for i, run in enumerate(run_ids)
    }
    assert audit_rules(run_dir, "runs", "start_time") == {run: {"epoch:milliseconds"} for run in run_ids}
    # MLflow's '' for a run's unset source fields (a table with NULLs elsewhere: never filled, no cost).
    assert set(ran.values("runs", "source_name", "run_uuid").values()) == {None}

    metric_types = ran.types("metrics")
    assert metric_types["timestamp"] == "timestamp with time zone"
    assert (metric_types["value"], metric_types["step"], metric_types["is_nan"]) == (
        "double precision",
        "bigint",
        "boolean",
    )
    relation = f"{quote_ident(ran.base)}.metrics"
    loss = pg_query(ran.uri, f"SELECT run_uuid, step, value, is_nan FROM {relation} WHERE key = 'loss'")
    assert {(run, step): (value, nan) for run, step, value, nan in loss} == {
        (run, step): (apps.mlflow_loss(i, step), (i, step) == (3, 2)) for i, run in enumerate(run_ids)
        for step in range(3)
    }  # fmt: skip
    assert max(value for _, _, value, _ in loss) == sys.float_info.max

    param_relation = f"{quote_ident(ran.base)}.params"
    zips = pg_query(ran.uri, f"SELECT run_uuid, value FROM {param_relation} WHERE key = 'zip_code'")
    assert dict(zips) == {run: f"{i * 7:05d}" for i, run in enumerate(run_ids)}  # leading zeros kept
    assert ran.types("params")["value"] == "text"

    stages = ran.values("model_versions", "current_stage", "version")
    assert stages == dict.fromkeys(range(1, versions + 1))
    assert audit_rules(run_dir, "model_versions", "current_stage") == {
        f"default|churn-classifier|{v + 1}": {"null_like_to_null"} for v in range(versions)
    }
    columns = profiled(run_dir)["columns"]
    assert columns["model_versions"]["current_stage"]["quality"] == 100.0
    assert ran.types("model_versions")["creation_time"] == "timestamp with time zone"

    span_types = ran.types("spans")
    assert span_types["start_time_unix_nano"] == span_types["duration_ns"] == "bigint"
    span_relation = f"{quote_ident(ran.base)}.spans"
    got = pg_query(ran.uri, f"SELECT span_id, start_time_unix_nano, duration_ns FROM {span_relation}")
    assert {span: (start, took) for span, start, took in got} == {
        f"{t:08x}{s:08x}": (apps.mlflow_span_start(t, s), 116_743 + t)
        for t in range(traces)
        for s in range(2)
    }
    assert ran.types("trace_info")["timestamp_ms"] == "timestamp with time zone"
    assert ran.types("trace_info")["execution_time_ms"] == "bigint"  # a duration, not a moment
    assert references(run_dir)[("runs", "experiment_id")] == "experiments.experiment_id"
    assert references(run_dir)[("metrics", "run_uuid")] == "runs.run_uuid"


def test_optuna_study_reads_its_wall_clock_microseconds_and_keeps_infinities_beside_their_type(
    run_export: Runner,
) -> None:
    # Optuna stamps a trial with `datetime.now()` (the worker's wall clock, no zone): SQLAlchemy's
    # DATETIME text with six fraction digits, read as timestamps without a zone to the microsecond.
    # An infinite objective is NULL beside `INF_POS` / `INF_NEG`; parameters are REAL (a categorical
    # choice's index as 1.0); attributes are JSON text, `"00007"` and `""` as written.
    trials = 12
    tables = {"studies": 1, "study_directions": 1, "study_user_attributes": 2, "trials": trials}
    tables |= {"trial_params": trials * 2, "trial_intermediate_values": trials * 2}
    tables |= {"trial_user_attributes": trials * 2, "trial_heartbeats": 0, "version_info": 1}
    complete = [n for n in range(trials) if apps.optuna_state(n, trials) == "COMPLETE"]
    tables["trial_values"] = len(complete)
    ran, run_dir = run_export(apps.optuna_study)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert profiled(run_dir)["quality"] == 100.0

    types = ran.types("trials")
    assert types["datetime_start"] == types["datetime_complete"] == "timestamp without time zone"
    assert ran.types("trial_heartbeats")["heartbeat"] == "timestamp without time zone"  # declared, empty
    waiting, running = trials - 2, trials - 1
    assert ran.values("trials", "datetime_start", "trial_id") == {
        n + 1: None if n == waiting else apps.optuna_start(n) for n in range(trials)
    }
    assert ran.values("trials", "datetime_complete", "trial_id") == {
        n + 1: None if n in (waiting, running) else apps.optuna_complete(n) for n in range(trials)
    }
    assert ran.values("trials", "state", "trial_id")[running + 1] == "RUNNING"

    value_types = ran.types("trial_values")
    assert (value_types["value"], value_types["value_type"]) == ("double precision", "text")
    assert ran.values("trial_values", "value", "trial_id") == {
        n + 1: apps.optuna_value(n)[0] for n in complete
    }
    assert ran.values("trial_values", "value_type", "trial_id") == {
        n + 1: apps.optuna_value(n)[1] for n in complete
    }
    assert ran.types("trial_params")["param_value"] == "double precision"
    relation = f"{quote_ident(ran.base)}.trial_params"
    lr = pg_query(ran.uri, f"SELECT trial_id, param_value FROM {relation} WHERE param_name = 'lr'")
    assert dict(lr) == {n + 1: 10 ** -(1 + n % 5) * (1 + n / 7) for n in range(trials)}  # every bit
    attributes = f"{quote_ident(ran.base)}.trial_user_attributes"
    zips = pg_query(ran.uri, f"SELECT trial_id, value_json FROM {attributes} WHERE key = 'zip'")
    assert dict(zips) == {n + 1: f'"{n:05d}"' for n in range(trials)}
    notes = pg_query(ran.uri, f"SELECT trial_id, value_json FROM {attributes} WHERE key = 'note'")
    assert dict(notes) == {n + 1: json.dumps("ok 👍" if n % 2 else "") for n in range(trials)}
    assert ran.values("study_user_attributes", "value_json", "key") == {
        "dataset": json.dumps("ventes\u00a02024 — café"),
        "config": json.dumps({"folds": 5, "seed": 42, "nested": [1.5, None, "x"]}),
    }
    assert references(run_dir)[("trials", "study_id")] == "studies.study_id"
    assert references(run_dir)[("trial_values", "trial_id")] == "trials.trial_id"


def test_jupyterhub_database_reads_its_naive_utc_microseconds_and_joins_tokens_to_clients_by_identifier(
    run_export: Runner,
) -> None:
    # JupyterHub stamps users, servers and tokens with naive UTC DATETIME text to the microsecond:
    # timestamps without a zone, every digit. A token's client is named by the text identifier of a
    # UNIQUE column, not the client's integer key. The default server's name is '' beside NULLs
    # elsewhere in its table: NULL, audited, charged as blanks beside values are (docs/profiling.md).
    # A user called `null` is a user's name: the column is declared UNIQUE by itself, a placeholder
    # would repeat; kept as written (NULL until 2026-12-05).
    users = len(apps.JUPYTERHUB_USERS)
    spawned = list(range(0, users, 2))
    tables = {"users": users, "servers": len(spawned), "oauth_clients": 2, "spawners": len(spawned)}
    tables["api_tokens"] = users
    ran, run_dir = run_export(apps.jupyterhub_hub)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])

    types = ran.types("users")
    assert types["created"] == types["last_activity"] == "timestamp without time zone"
    assert (types["admin"], types["cookie_id"], types["state"]) == ("boolean", "text", "text")
    assert ran.values("users", "created", "id") == {i + 1: apps.jupyterhub_moment(i) for i in range(users)}
    assert ran.values("users", "last_activity", "id") == {
        i + 1: None if i % 4 == 3 else apps.jupyterhub_moment(i, 1) for i in range(users)
    }
    assert ran.values("users", "name", "id") == {i + 1: name for i, name in enumerate(apps.JUPYTERHUB_USERS)}
    assert "null" in apps.JUPYTERHUB_USERS and not audit_rules(run_dir, "users", "name")
    assert ran.values("users", "cookie_id", "id") == {i + 1: f"{i:032x}" for i in range(users)}
    assert ran.values("users", "admin", "id") == {i + 1: i == 0 for i in range(users)}

    token_types = ran.types("api_tokens")
    assert token_types["created"] == token_types["expires_at"] == "timestamp without time zone"
    assert ran.values("api_tokens", "expires_at", "id") == {
        i + 1: apps.jupyterhub_moment(i, 6) if i % 2 else None for i in range(users)
    }
    assert ran.values("api_tokens", "hashed", "id") == {i + 1: apps.jupyterhub_hash(i) for i in range(users)}
    assert references(run_dir)[("api_tokens", "client_id")] == "oauth_clients.identifier"
    assert references(run_dir)[("spawners", "user_id")] == "users.id"

    names = ran.values("spawners", "name", "id")
    assert names == {n + 1: None if i % 6 else f"gpu-{i}" for n, i in enumerate(spawned)}
    assert audit_rules(run_dir, "spawners", "name") == {
        str(n + 1): {"empty_to_null"} for n, i in enumerate(spawned) if i % 6
    }
    assert ran.values("spawners", "started", "id") == {
        n + 1: apps.jupyterhub_moment(i, 2) for n, i in enumerate(spawned)
    }
    assert ran.values("spawners", "user_options", "id")[1] == "{}"  # JSON text as written


def test_music_library_paths_arrive_byte_for_byte_and_release_days_refer_to_no_album(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.music_library)
    albums = 40
    items = apps.beets_items(albums)
    attributes = sum(2 + (n % 3 == 0) for n, _, _ in items)
    migrations = 5
    tables = {
        "items": len(items),
        "albums": albums,
        "item_attributes": attributes,
        "album_attributes": 2 * albums,
        "migrations": migrations,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("items")
    # A path is the file system's bytes (a latin-1 name is no text): bytea, byte for byte.
    assert types["path"] == ran.types("albums")["artpath"] == "bytea"
    # REAL seconds (`time.time()`) and lengths keep every bit; 0.0 is a file never read (`mtime`).
    for column in ("added", "mtime", "length", "rg_track_gain", "rg_track_peak"):
        assert types[column] == "double precision", column
    for column in ("album_id", "bitrate", "comp", "day", "disc", "month", "original_day", "track", "year"):
        assert types[column] == "bigint", column
    # Catalogue numbers keep their leading zeros; the multi-valued genres keep beets' separator.
    assert types["catalognum"] == types["genres"] == "text"
    by_id = {n: (a, t) for n, a, t in items}
    assert ran.values("items", "path", "id") == {
        n: apps.beets_path(a, t, apps.beets_title(n)) for n, (a, t) in by_id.items()
    }
    assert b"caf\xe9" in bytes(ran.values("items", "path", "id")[next(n for n, a, _ in items if a % 7 == 6)])
    assert ran.values("items", "added", "id") == {n: apps.beets_added(n) for n in by_id}
    assert ran.values("items", "length", "id") == {n: apps.beets_length(n) for n in by_id}
    assert ran.values("items", "catalognum", "id") == {
        n: apps.beets_catalognum(a) or None for n, (a, _) in by_id.items()
    }
    assert ran.values("albums", "catalognum", "id")[2] == "000041"
    assert ran.values("items", "genres", "id") == {
        n: apps.BEETS_SEPARATOR.join(apps.BEETS_GENRES[a % len(apps.BEETS_GENRES)]) or None
        for n, (a, _) in by_id.items()
    }
    # Lyrics end in a newline: documents, loaded byte for byte (until 2026-12-06 trimmed, audited);
    # none is '' made NULL, audited.
    assert ran.values("items", "lyrics", "id") == {n: apps.beets_lyrics(n) or None for n in by_id}
    assert audit_rules(run_dir, "items", "lyrics") == {
        str(n): {"empty_to_null"} for n in by_id if not apps.beets_lyrics(n)
    }
    assert ran.values("items", "title", "id") == {n: apps.beets_title(n) for n in by_id}
    # A flexible attribute is TEXT whatever it holds (a count, REAL seconds, a mood): text, as written
    # but for the padding of a mood, trimmed and audited.
    assert ran.types("item_attributes")["value"] == "text"
    flexible = dict(
        pg_query(
            ran.uri,
            f"SELECT entity_id || '/' || key, value FROM {quote_ident(ran.base)}.item_attributes",
        )
    )
    assert (
        flexible["1/play_count"] == "7" and flexible["1/last_played"] == f"{apps.beets_added(1) + 600:.15g}"
    )
    assert flexible["3/mood"] == "calm" and flexible["6/mood"] == "happy 😊"
    # The references beets never declares: an item's album and each flexible attribute's entity.
    found = references(run_dir)
    assert found[("items", "album_id")] == "albums.id"
    assert found[("item_attributes", "entity_id")] == "items.id"
    assert found[("album_attributes", "entity_id")] == "albums.id"
    # A release day 1..28 (0 unknown) is a key of albums for over half of them, but names a day: no
    # reference (until 2026-12-05 `day` and `original_day` referred to albums.id).
    assert {(t, c) for t, c in found if c.endswith("day")} == set()
    assert len({apps.beets_day(a) for a in range(albums)} - {0}) * 2 > albums


def anki_arrives_as(text: str) -> str | None:
    """A text as the trim rule leaves it: Unicode's White_Space gone from its ends, NULL if nothing is
    left. Python's ``str.strip()`` would also strip the unit separator ``\x1f`` that ends a note whose
    last field is empty, which is no White_Space and is kept."""
    return text.strip(WHITE_SPACE) or None


def test_anki_collection_keeps_its_separators_and_epoch_ids_and_finds_its_references(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.anki_collection)
    notes = 32
    reviews = apps.anki_reviews(notes)
    tables = {
        "col": 1,
        "notes": notes,
        "cards": notes,
        "revlog": len(reviews),
        "graves": 2,
        "deck_config": 1,
        "config": 5,
        "fields": 4,
        "templates": 2,
        "notetypes": 2,
        "decks": len(apps.ANKI_DECKS),
        "tags": 4,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # The WITHOUT ROWID table keyed by Anki's own collation is read through a private copy, and says so.
    assert any("table 'tags' (WITHOUT ROWID) read through a private copy" in n for n in ran.record["notes"])
    # Ids are epoch milliseconds, but declared keys: identifiers, bigint, every digit.
    for table in ("notes", "cards", "revlog"):
        assert ran.types(table)["id"] == "bigint", table
    assert ran.values("cards", "nid", "id") == {
        apps.anki_card_id(n): apps.anki_note_id(n) for n in range(notes)
    }
    note_types = ran.types("notes")
    assert note_types["csum"] == note_types["mod"] == note_types["mid"] == "bigint"
    # The sort field, declared integer on purpose, holds text, an INTEGER and a REAL: text, each number
    # as SQLite's affinity stored it ('0042' was the INTEGER 42 there already).
    assert note_types["sfld"] == note_types["flds"] == note_types["tags"] == "text"
    assert sqlite3.connect(ran.db).execute(
        "SELECT count(*) FROM notes WHERE typeof(sfld) = 'real'"
    ).fetchone() == (4,)
    assert ran.values("notes", "sfld", "id") == {
        apps.anki_note_id(n): anki_arrives_as(str(apps.anki_sort_field(n))) for n in range(notes)
    }
    assert ran.values("notes", "csum", "id") == {
        apps.anki_note_id(n): apps.anki_checksum(n) for n in range(notes)
    }
    # Fields joined by \x1f keep every separator (an empty last field included); only the ends trimmed.
    flds = ran.values("notes", "flds", "id")
    assert flds == {
        apps.anki_note_id(n): anki_arrives_as(apps.ANKI_SEPARATOR.join(apps.anki_fields(n)))
        for n in range(notes)
    }
    assert flds[apps.anki_note_id(3)].endswith(apps.ANKI_SEPARATOR)
    # Tags have a space at each end (Anki matches `% tag %`): trimmed, audited, as the rule says.
    assert ran.values("notes", "tags", "id") == {
        apps.anki_note_id(n): anki_arrives_as(apps.anki_tags(n)) for n in range(notes)
    }
    assert audit_rules(run_dir, "notes", "tags") == {
        str(apps.anki_note_id(n)): {"trim" if apps.anki_tags(n) else "empty_to_null"} for n in range(notes)
    }
    # A deck's path keeps its \x1f; its epoch seconds are instants, each audited; 0 (never) stays a number.
    assert ran.values("decks", "name", "id") == dict(apps.ANKI_DECKS)
    assert ran.types("decks")["mtime_secs"] == "timestamp with time zone"
    assert ran.values("decks", "mtime_secs", "id") == {
        deck: UNIX_EPOCH + timedelta(seconds=apps.ANKI_CREATED + 3_600 + deck % 97)
        for deck, _ in apps.ANKI_DECKS
    }
    assert audit_rules(run_dir, "decks", "mtime_secs") == {
        str(deck): {"epoch:seconds"} for deck, _ in apps.ANKI_DECKS
    }
    assert ran.types("notetypes")["mtime_secs"] == ran.types("deck_config")["mtime_secs"] == "bigint"
    # Protobuf and JSON BLOBs byte for byte; the declared boolean as booleans.
    assert ran.types("decks")["common"] == ran.types("config")["val"] == "bytea"
    assert ran.values("config", "val", "KEY")["sortBackwards"] == b"false"
    assert ran.types("tags")["collapsed"] == "boolean"
    assert ran.values("tags", "collapsed", "tag") == {
        "marked": False,
        "math": False,
        "tag::de": True,
        "tag::ja": False,
    }
    # Learning intervals are negative seconds, review ones days: integers as written.
    assert ran.values("revlog", "ivl", "id") == {
        rid: -600 if ease == 1 else 1 + k % 9 for k, (rid, _, ease) in enumerate(reviews)
    }
    # The references Anki declares nowhere: every key an epoch millisecond, no number shared by chance;
    # the reviews name the oldest cards only (until 2026-12-05 no reference: too low among the keys).
    reviewed = {apps.anki_card_id(n) for _, n, _ in reviews}
    assert 2 * sum(1 for n in range(notes) if apps.anki_card_id(n) <= max(reviewed)) < notes
    found = references(run_dir)
    assert found[("cards", "nid")] == "notes.id"
    # A note type's fields and templates, keyed (ntid, ord), name it by the key's first column (until
    # 2026-12-05 no column of a key was searched: no reference).
    assert found[("fields", "ntid")] == found[("templates", "ntid")] == "notetypes.id"
    assert found[("cards", "did")] == "decks.id"
    assert found[("notes", "mid")] == "notetypes.id"
    assert found[("revlog", "cid")] == "cards.id"


def test_bookmark_manager_keeps_its_comma_wrapped_tags_and_urls_as_written(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.bookmark_manager)
    rows = apps.buku_rows(30, (4, 9))
    loaded_cleanly(ran, run_dir, {"bookmarks": len(rows)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("bookmarks")
    assert types == {
        "id": "bigint",
        "URL": "text",
        "metadata": "text",
        "tags": "text",
        "desc": "text",
        "flags": "bigint",
    }
    assert primary_key(ran.uri, ran.record["version_schema"], "bookmarks") == ["id"]
    # Deleted ids refilled by the last bookmark: each id's URL is the one buku moved there.
    assert ran.values("bookmarks", "URL", "id") == {n: apps.buku_url(i) for n, i in rows}
    assert ran.values("bookmarks", "URL", "id")[4] == apps.buku_url(29)
    # Tags between commas are text as written, ',' (no tag) and ',0042,' included: no rule applies.
    assert ran.values("bookmarks", "tags", "id") == {n: apps.buku_tags(i) for n, i in rows}
    assert audit_rules(run_dir, "bookmarks", "tags") == {}
    # '' for a title or description never given (the columns' default), the table's one way of writing
    # none: NULL, each audited, at no cost to quality.
    assert ran.values("bookmarks", "metadata", "id") == {n: arrives_as(apps.buku_title(i)) for n, i in rows}
    assert ran.values("bookmarks", "desc", "id") == {n: arrives_as(apps.buku_desc(i)) for n, i in rows}
    assert audit_rules(run_dir, "bookmarks", "desc") == {
        str(n): {"empty_to_null"} for n, i in rows if not apps.buku_desc(i)
    }
    assert ran.values("bookmarks", "flags", "id") == {n: int(i % 5 == 0) for n, i in rows}
    assert ran.record["quality_before"] == 100.0


def test_prefect_server_keeps_its_utc_clock_its_intervals_and_json_as_written(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.prefect_server)
    runs = 12
    finished = [r for r in range(runs) if not apps.prefect_scheduled(r, runs)]
    tables = {
        "flow": len(apps.PREFECT_FLOWS),
        "flow_run": runs,
        "flow_run_state": 3 * len(finished) + 1,
        "log": 3 * len(finished),
        "variable": len(apps.PREFECT_VARIABLES),
        "artifact": 2 * len(finished),
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    flow_run = {apps.prefect_id("flow_run", r): r for r in range(runs)}
    types = ran.types("flow_run")
    # The server's naive UTC text under DATETIME: timestamps as written (no zone is claimed), each cell
    # audited as its format; the uuid keys and JSON stay text, the BOOLEAN a boolean.
    for column in ("created", "updated", "expected_start_time", "start_time", "end_time", "state_timestamp"):
        assert types[column] == "timestamp without time zone", column
    for column in ("id", "flow_id", "state_id", "parameters", "tags", "state_type"):
        assert types[column] == "text", column
    assert types["auto_scheduled"] == "boolean" and types["run_count"] == "bigint"
    assert primary_key(ran.uri, ran.record["version_schema"], "flow_run") == ["id"]
    assert ran.values("flow_run", "start_time", "id") == {
        k: None if apps.prefect_scheduled(r, runs) else apps.prefect_started(r) for k, r in flow_run.items()
    }
    assert audit_rules(run_dir, "flow_run", "start_time") == {
        apps.prefect_id("flow_run", r): {f"date_format:{apps.PREFECT_TIME}"} for r in finished
    }
    # An Interval is that text counted from 1970-01-01: it arrives as the very moment written, so the
    # duration is the moment less the epoch, to the microsecond (0 for the run never started).
    assert types["total_run_time"] == "timestamp without time zone"
    micros = "(extract(epoch FROM total_run_time - timestamp '1970-01-01') * 1000000)::bigint"
    took = dict(pg_query(ran.uri, f"SELECT id, {micros} FROM {quote_ident(ran.base)}.flow_run"))
    assert took == {
        k: 0 if apps.prefect_scheduled(r, runs) else apps.prefect_duration(r) // timedelta(microseconds=1)
        for k, r in flow_run.items()
    }
    assert any(v % 1_000_000 for v in took.values())  # fractions of a second kept
    assert ran.values("flow_run", "parameters", "id") == {
        k: apps.prefect_parameters(r) for k, r in flow_run.items()
    }
    # A variable's JSON under NUMERIC affinity: 12.5 and 3 were a REAL and an INTEGER cell, the rest
    # JSON text with its quotes ("0042" keeps its zeros, "" is no empty string); text, no rule applies.
    assert ran.types("variable")["value"] == "text"
    assert ran.values("variable", "value", "name") == {
        name: None if value is None else json.dumps(value) for name, value in apps.PREFECT_VARIABLES
    }
    assert audit_rules(run_dir, "variable", "value") == {}
    # Log levels and multi-line tracebacks as written; a task's log names a task run not in the file.
    log_types = ran.types("log")
    assert log_types["level"] == "bigint" and log_types["message"] == "text"
    messages = ran.values("log", "message", "id")
    assert messages == {
        apps.prefect_id("log", 3 * r + line): apps.prefect_log(r, line)[2]
        for r in finished
        for line in range(3)
    }
    assert audit_rules(run_dir, "log", "message") == {}
    failed = {apps.prefect_id("state", 3 * r + 2) for r in finished if apps.prefect_failed(r)}
    states = ran.values("flow_run_state", "message", "id")
    assert {k: v for k, v in states.items() if v is not None} == dict.fromkeys(failed, apps.PREFECT_BOOM)
    # JSON's null in metadata_ is a null token: NULL, each audited; a description keeps its no-break space.
    assert audit_rules(run_dir, "artifact", "metadata_") == {
        apps.prefect_id("artifact", 2 * r + a): {"null_like_to_null"} for r in finished for a in range(2)
    }
    descriptions = ran.values("artifact", "description", "id")
    assert set(descriptions.values()) == {"desc\u00a0nbsp", None}
    # The references declared (a circle between a run and its state) and those found from the log and
    # the artifacts; the task runs' ids name no table here.
    found = references(run_dir)
    assert found[("flow_run", "flow_id")] == "flow.id"
    assert found[("flow_run", "state_id")] == "flow_run_state.id"
    assert found[("flow_run_state", "flow_run_id")] == "flow_run.id"
    assert found[("log", "flow_run_id")] == "flow_run.id"
    assert found[("artifact", "flow_run_id")] == "flow_run.id"
    assert ("log", "task_run_id") not in found
    assert ran.values("flow_run", "flow_id", "id") == {
        k: apps.prefect_id("flow", int(apps.prefect_failed(r))) for k, r in flow_run.items()
    }


def test_airflow_metadata_keeps_run_ids_durations_and_xcoms_and_its_declared_composite_references(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.airflow_metadata)
    runs, tasks = 5, len(apps.AIRFLOW_TASKS)
    ran_runs = [r for r in range(runs) if apps.airflow_ran(r, runs)]
    returned = [
        (r, t)
        for r in ran_runs
        for t in range(tasks)
        if apps.airflow_xcom(r, t) is not None and not apps.airflow_failed(r, t)
    ]
    tables = {
        "dag": 1,
        "dag_run": runs,
        "task_instance": runs * tasks,
        "xcom": len(returned),
        "log": len(ran_runs) * tasks + runs,
        "variable": len(apps.AIRFLOW_VARIABLES),
        "slot_pool": 2,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_after"] == 100.0
    # UtcDateTime's naive UTC text: timestamps as written, each audited; a run id holding an instant
    # with its offset is an identifier, text as written, no rule applies.
    run_types = ran.types("dag_run")
    for column in ("logical_date", "start_date", "end_date", "run_after", "queued_at"):
        assert run_types[column] == "timestamp without time zone", column
    assert run_types["run_id"] == run_types["conf"] == "text" and run_types["id"] == "bigint"
    assert ran.values("dag_run", "run_id", "id") == {r + 1: apps.airflow_run_id(r) for r in range(runs)}
    assert audit_rules(run_dir, "dag_run", "run_id") == {}
    assert ran.values("dag_run", "run_after", "id") == {r + 1: apps.airflow_started(r) for r in range(runs)}
    # A task's duration: the REAL seconds Airflow computed, every bit; the pickled config byte for byte.
    ti_types = ran.types("task_instance")
    assert ti_types["duration"] == "double precision" and ti_types["executor_config"] == "bytea"
    assert ti_types["start_date"] == "timestamp without time zone" and ti_types["id"] == "text"
    ti = {apps.airflow_ti_id(r, t): (r, t) for r in range(runs) for t in range(tasks)}
    durations = ran.values("task_instance", "duration", "id")
    assert durations == {
        k: apps.airflow_duration(r, t) if apps.airflow_ran(r, runs) else None for k, (r, t) in ti.items()
    }
    assert ran.values("task_instance", "executor_config", "id") == dict.fromkeys(ti, apps.AIRFLOW_PICKLE)
    # The host of a task never run is '' beside NULLs, JSON's null in next_kwargs beside SQL NULL: each
    # made NULL and audited (two ways of writing none: charged before cleaning, nothing after).
    assert audit_rules(run_dir, "task_instance", "hostname") == {
        k: {"empty_to_null"} for k, (r, _) in ti.items() if not apps.airflow_ran(r, runs)
    }
    assert audit_rules(run_dir, "task_instance", "next_kwargs") == {
        k: {"null_like_to_null"} for k, (r, _) in ti.items() if apps.airflow_ran(r, runs)
    }
    assert ran.values("task_instance", "hostname", "id") == {
        k: "vm" if apps.airflow_ran(r, runs) else None for k, (r, _) in ti.items()
    }
    # XComs: JSON text as written (non-ASCII escaped, "0.00" amounts inside), keyed by four columns.
    assert primary_key(ran.uri, ran.record["version_schema"], "xcom") == [
        "dag_run_id",
        "task_id",
        "map_index",
        "key",
    ]
    xcom = dict(
        pg_query(ran.uri, f"SELECT dag_run_id || '/' || task_id, value FROM {quote_ident(ran.base)}.xcom")
    )
    assert xcom == {f"{r + 1}/{apps.AIRFLOW_TASKS[t]}": apps.airflow_xcom(r, t) for r, t in returned}
    assert ran.types("xcom")["value"] == "text"
    # Fernet tokens are text, as written; the flags booleans.
    assert ran.values("variable", "val", "key") == {n: apps.airflow_fernet(n) for n in apps.AIRFLOW_VARIABLES}
    assert ran.types("variable")["is_encrypted"] == "boolean"
    assert ran.values("variable", "is_encrypted", "key") == dict.fromkeys(apps.AIRFLOW_VARIABLES, True)
    # The composite references Airflow declares, part by part; the audit log's DAG is found in the data.
    # The xcom's dag_run_id, dag_run's id, which its table (declaring a reference to task_instance) leaves
    # undeclared: found, its name naming dag_run (until 2026-12-05 a declaring table was not searched).
    found = references(run_dir)
    assert found[("task_instance", "dag_id")] == "dag_run.dag_id"
    assert found[("task_instance", "run_id")] == "dag_run.run_id"
    for column in ("dag_id", "task_id", "run_id", "map_index"):
        assert found[("xcom", column)] == f"task_instance.{column}", column
    assert found[("log", "dag_id")] == "dag.dag_id"
    assert found[("xcom", "dag_run_id")] == "dag_run.id"


def test_ebook_library_reads_offset_moments_keeps_isbn_zeros_and_finds_its_sparse_ratings(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.ebook_library)
    ids = apps.calibre_book_ids(30, (4, 17))
    rated = apps.calibre_rated(ids)
    tables = {
        "books": len(ids),
        "authors": len(apps.CALIBRE_AUTHORS),
        "books_authors_link": len(ids) + len([n for n in ids if n % 6 == 0]),
        "ratings": 5,
        "books_ratings_link": len(rated),
        "identifiers": len(ids),
        "comments": len([n for n in ids if n % 3]),
        "data": 2,
        "custom_columns": 4,
        "custom_column_1": len([n for n in ids if n % 2]),
        "custom_column_2": len([n for n in ids if n % 3 != 2]),
        "custom_column_3": len([n for n in ids if n % 5]),
        "custom_column_5": len(apps.CALIBRE_GENRES),
        "books_custom_column_5_link": len([n for n in ids if n % 4]),
        "preferences": 3,
        "library_id": 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    # A trigger calling calibre's own title_sort() is not copied and costs nothing.
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    types = ran.types("books")
    for column in ("timestamp", "pubdate", "last_modified"):
        assert types[column] == "timestamp with time zone", column
    assert (types["series_index"], types["has_cover"], types["uuid"]) == (
        "double precision",
        "boolean",
        "text",
    )
    assert ran.types("identifiers")["val"] == "text"
    assert ran.types("custom_column_1")["value"] == "double precision"
    assert ran.types("custom_column_2")["value"] == "boolean"
    assert ran.types("custom_column_3")["value"] == "timestamp with time zone"
    # Text with its +00:00 offset is the instant it writes; calibre's "no date" (year 101) is one too, kept.
    assert ran.values("books", "timestamp", "id") == {n: apps.calibre_added(n) for n in ids}
    assert ran.values("books", "pubdate", "id") == {
        n: datetime.fromisoformat(apps.calibre_pubdate(n)) for n in ids
    }
    assert ran.values("books", "pubdate", "id")[8] == datetime(101, 1, 1, tzinfo=UTC)
    # ISBNs keep their leading zeros, prices every bit of their doubles.
    assert ran.values("identifiers", "val", "book") == {
        n: apps.calibre_isbn(n) if n % 2 else f"B00{n:07d}" for n in ids
    }
    assert ran.values("custom_column_1", "value", "book") == {
        n: apps.CALIBRE_PRICES[n % 4] for n in ids if n % 2
    }
    assert ran.values("comments", "text", "book") == {n: apps.calibre_comment(n) for n in ids if n % 3}
    # No reference is declared. Every one is found: the links naming a book, the ratings of two books
    # in five too (under half the keys, but ``book`` names ``books``), the files of the two newest
    # books, and the enumeration's link to its values, which fit five tables' keys alike, by the link
    # table's name (both none before 2026-12-05).
    truth = {
        **{
            (table, "book"): "books.id"
            for table in (
                "books_authors_link",
                "books_ratings_link",
                "identifiers",
                "comments",
                "data",
                "custom_column_1",
                "custom_column_2",
                "custom_column_3",
                "books_custom_column_5_link",
            )
        },
        ("books_authors_link", "author"): "authors.id",
        ("books_ratings_link", "rating"): "ratings.id",
        ("books_custom_column_5_link", "value"): "custom_column_5.id",
    }
    assert references(run_dir) == truth


def test_wagtail_site_keeps_tree_paths_and_codes_as_text_and_reads_its_decimals_as_amounts(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.wagtail_site)
    events = apps.wagtail_event_ids(24, (12, 13))
    eventpages = [4, 5, 6, *events]
    pages = [1, 3, *eventpages, 100]
    revisions = len(eventpages) + len([n for n in eventpages if n % 7 == 0])
    loaded_cleanly(
        ran,
        run_dir,
        {
            "django_content_type": 3,
            "auth_user": 2,
            "wagtailcore_locale": 3,
            "wagtailcore_revision": revisions,
            "wagtailcore_page": len(pages),
            "home_eventpage": len(eventpages),
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    page = ran.types("wagtailcore_page")
    assert (page["path"], page["translation_key"], page["depth"]) == ("text", "text", "bigint")
    for column in ("latest_revision_created_at", "first_published_at", "go_live_at"):
        assert page[column] == "timestamp without time zone", column
    event = ran.types("home_eventpage")
    assert event == {
        "page_ptr_id": "bigint",
        "body": "text",
        "intro": "text",
        "starts_at": "timestamp without time zone",
        "day": "date",
        "doors": "time without time zone",  # a TimeField: time since 2026-12-06
        "price": "numeric",
        "capacity": "bigint",
        "code": "text",
        "sold_out": "boolean",
    }
    # Treebeard's paths keep their leading zeros; a translation shares its source's key.
    assert ran.values("wagtailcore_page", "path", "id") == {n: apps.wagtail_path(n) for n in pages}
    keys = ran.values("wagtailcore_page", "translation_key", "id")
    assert keys[3] == keys[100] and len(set(keys.values())) == len(pages) - 1
    assert ran.values("wagtailcore_page", "depth", "id") == {n: len(apps.wagtail_path(n)) // 4 for n in pages}
    # Naive UTC text is the timestamp it writes, six fraction digits or none.
    created = ran.values("wagtailcore_page", "latest_revision_created_at", "id")
    assert created == {n: apps.wagtail_created(n) if n in eventpages else None for n in pages}
    # A decimal field's REALs and INTEGERs (NUMERIC affinity) are the amounts Django wrote.
    prices = ran.values("home_eventpage", "price", "page_ptr_id")
    assert {n: None if v is None else Decimal(v) for n, v in prices.items()} == {
        n: apps.wagtail_price(n) if n >= 7 else None for n in eventpages
    }
    assert prices[10] == "0.00" and prices[11] == "7.00"  # numeric(p, 2): the most places a value has
    assert ran.values("home_eventpage", "doors", "page_ptr_id") == {
        n: as_time(apps.wagtail_doors(n)) if n >= 7 else None for n in eventpages
    }
    assert ran.values("home_eventpage", "day", "page_ptr_id") == {
        n: apps.wagtail_day(n) if n >= 7 else None for n in eventpages
    }
    assert ran.values("home_eventpage", "starts_at", "page_ptr_id") == {
        n: apps.wagtail_starts(n) if n >= 7 else None for n in eventpages
    }
    # Codes keep their zeros; '' (Django's one way of none for a CharField) is NULL, audited.
    assert ran.values("home_eventpage", "code", "page_ptr_id") == {
        n: arrives_as(apps.WAGTAIL_CODES[n % len(apps.WAGTAIL_CODES)] if n >= 7 else "") for n in eventpages
    }
    assert ran.values("home_eventpage", "body", "page_ptr_id") == {
        n: apps.wagtail_body(n) if n >= 7 else "[]" for n in eventpages
    }
    # A revision's object_id holds its page's id as digits: the number it spells.
    object_ids = ran.values("wagtailcore_revision", "object_id", "id")
    assert ran.types("wagtailcore_revision")["object_id"] == "bigint"
    assert sorted(set(object_ids.values())) == eventpages
    # Exactly the declared references; nothing guessed beside them in a table declaring some.
    assert references(run_dir) == {
        ("wagtailcore_revision", "user_id"): "auth_user.id",
        ("wagtailcore_revision", "content_type_id"): "django_content_type.id",
        ("wagtailcore_revision", "base_content_type_id"): "django_content_type.id",
        ("wagtailcore_page", "content_type_id"): "django_content_type.id",
        ("wagtailcore_page", "owner_id"): "auth_user.id",
        ("wagtailcore_page", "live_revision_id"): "wagtailcore_revision.id",
        ("wagtailcore_page", "locked_by_id"): "auth_user.id",
        ("wagtailcore_page", "locale_id"): "wagtailcore_locale.id",
        ("wagtailcore_page", "alias_of_id"): "wagtailcore_page.id",
        ("wagtailcore_page", "latest_revision_id"): "wagtailcore_revision.id",
        ("home_eventpage", "page_ptr_id"): "wagtailcore_page.id",
    }


def _amounts(values: dict[Any, Any]) -> dict[Any, Decimal | None]:
    """PostgreSQL's numeric text as Decimals (None stays None)."""
    return {k: None if v is None else Decimal(v) for k, v in values.items()}


def test_ticket_shop_reads_django_decimals_as_amounts_and_keeps_voucher_codes_and_postcodes(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.ticket_shop)
    orders = range(1, 25)
    positions = [(n, p) for n in orders for p in range(1, apps.pretix_order(n)[2] + 1)]
    loaded_cleanly(
        ran,
        run_dir,
        {
            "pretixbase_organizer": 1,
            "pretixbase_event": 3,
            "pretixbase_item": 3 * len(apps.PRETIX_ITEMS),
            "pretixbase_order": len(orders),
            "pretixbase_voucher": 8,
            "pretixbase_orderposition": len(positions),
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    # Every amount a bare `decimal` holding REALs (17.5) beside INTEGERs (35, 19999 yen): numeric, the
    # amounts pretix wrote. A rate of whole percents only (19.00 stored as 19) under a bare `decimal`
    # stays bigint, as docs/profiling.md says of a bare decimal of integers; an amount column with no
    # value yet is numeric.
    position = ran.types("pretixbase_orderposition")
    assert (position["price"], position["tax_value"], position["tax_rate"]) == (
        "numeric",
        "numeric",
        "bigint",
    )
    assert ran.types("pretixbase_order")["total"] == "numeric"
    assert ran.types("pretixbase_item")["original_price"] == "numeric"
    assert ran.types("pretixbase_voucher")["value"] == "numeric"
    assert _amounts(ran.values("pretixbase_order", "total", "id")) == {
        n: apps.pretix_total(n) for n in orders
    }
    assert _amounts(ran.values("pretixbase_item", "default_price", "id")) == {
        apps.pretix_item_id(k, i): apps.pretix_price(k, i)
        for k in (1, 2, 3)
        for i in range(len(apps.PRETIX_ITEMS))
    }
    assert _amounts(ran.values("pretixbase_voucher", "value", "id")) == {
        v: apps.pretix_voucher_value(v) for v in range(1, 9)
    }
    assert set(ran.values("pretixbase_orderposition", "tax_rate", "id").values()) == {0, 19}
    assert _amounts(ran.values("pretixbase_orderposition", "tax_value", "id")) == {
        k: apps.pretix_tax_value(n) for k, (n, _) in enumerate(positions, 1)
    }
    # Voucher codes of digits and postcodes keep their leading zeros.
    assert (
        ran.types("pretixbase_voucher")["code"] == ran.types("pretixbase_orderposition")["zipcode"] == "text"
    )
    assert ran.values("pretixbase_voucher", "code", "id") == {
        v: apps.pretix_voucher_code(v) for v in range(1, 9)
    }
    assert ran.values("pretixbase_orderposition", "zipcode", "id") == {
        k: apps.PRETIX_POSTCODES[n % len(apps.PRETIX_POSTCODES)] if n % 3 else None
        for k, (n, _) in enumerate(positions, 1)
    }
    # Naive UTC text is the timestamp it writes, with or without a fraction.
    assert ran.types("pretixbase_order")["datetime"] == "timestamp without time zone"
    assert ran.values("pretixbase_order", "datetime", "id") == {n: apps.pretix_moment(n) for n in orders}
    assert ran.types("pretixbase_order")["custom_followup_at"] == "date"
    # Exactly the declared references, the position's add-on its own table's.
    assert references(run_dir) == {
        ("pretixbase_event", "organizer_id"): "pretixbase_organizer.id",
        ("pretixbase_item", "event_id"): "pretixbase_event.id",
        ("pretixbase_order", "event_id"): "pretixbase_event.id",
        ("pretixbase_order", "organizer_id"): "pretixbase_organizer.id",
        ("pretixbase_voucher", "event_id"): "pretixbase_event.id",
        ("pretixbase_voucher", "item_id"): "pretixbase_item.id",
        ("pretixbase_orderposition", "item_id"): "pretixbase_item.id",
        ("pretixbase_orderposition", "order_id"): "pretixbase_order.id",
        ("pretixbase_orderposition", "voucher_id"): "pretixbase_voucher.id",
        ("pretixbase_orderposition", "addon_to_id"): "pretixbase_orderposition.id",
    }


def test_labeling_project_keeps_task_json_as_written_and_lead_times_every_bit(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.labeling_project)
    tasks = range(1, 31)
    annotated, predicted = apps.label_annotated(30), apps.label_predicted(30)
    loaded_cleanly(
        ran,
        run_dir,
        {"project": 2, "task": len(tasks), "task_completion": len(annotated), "prediction": len(predicted)},
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert ran.types("task")["data"] == ran.types("task")["meta"] == "text"
    assert ran.types("task_completion")["lead_time"] == ran.types("prediction")["score"] == "double precision"
    assert ran.types("task_completion")["unique_id"] == ran.types("prediction")["model_version"] == "text"
    # JSON as Label Studio wrote it, escapes and codes inside it included; '{}' is a value, not none.
    assert ran.values("task", "data", "id") == {i: apps.label_data(i) for i in tasks}
    meta = ran.values("task", "meta", "id")
    assert {i for i, value in meta.items() if value == "{}"} == {i for i in tasks if i % 3 == 0}
    assert ran.values("task_completion", "result", "task_id") == {i: apps.label_result(i) for i in annotated}
    # Computed doubles keep every bit; NULL stays NULL.
    assert ran.values("task_completion", "lead_time", "task_id") == {
        i: apps.LABEL_LEAD_TIMES[i % len(apps.LABEL_LEAD_TIMES)] for i in annotated
    }
    assert ran.values("prediction", "score", "id") == {
        k: apps.LABEL_SCORES[k % len(apps.LABEL_SCORES)] for k in range(1, len(predicted) + 1)
    }
    # Versions of two shapes beside each other are text, each as written.
    assert ran.values("prediction", "model_version", "id") == {
        k: apps.label_model_version(k) for k in range(1, len(predicted) + 1)
    }
    assert references(run_dir) == {
        ("task", "project_id"): "project.id",
        ("task_completion", "task_id"): "task.id",
        ("task_completion", "project_id"): "project.id",
        ("prediction", "task_id"): "task.id",
        ("prediction", "project_id"): "project.id",
    }


def declared_references(db: Path) -> dict[tuple[str, str], str]:
    """``{(table, column): "parent.key"}`` as SQLite reads the file's own ``REFERENCES`` clauses."""
    with closing(sqlite3.connect(db)) as con:
        tables = [name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            (table, row[3]): f"{row[2]}.{row[4]}"
            for table in tables
            for row in con.execute(f"PRAGMA foreign_key_list({quote_ident(table)})")
        }


def test_help_desk_custom_values_stay_text_as_written_and_durations_microseconds(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.help_desk)
    tickets, fields = 20, len(apps.HELPDESK_FIELDS)
    escalated = [t for t in range(1, tickets + 1) if apps.helpdesk_escalated(t)]
    followups = tickets + apps.HELPDESK_FOLLOWUPS + len(escalated)
    tables = {
        "auth_user": len(apps.HELPDESK_USERS),
        "helpdesk_queue": 3,
        "helpdesk_customfield": fields,
        "helpdesk_ticket": tickets,
        "helpdesk_ticketcustomfieldvalue": tickets * fields,
        "helpdesk_followup": followups,
        "helpdesk_ticketchange": len([k for k in range(apps.HELPDESK_FOLLOWUPS) if k % 5 == 0])
        + len([t for t in escalated if t % 5]),
        "helpdesk_followupattachment": len([k for k in range(apps.HELPDESK_FOLLOWUPS) if k % 10 == 0]),
        "helpdesk_escalationexclusion": 2,
        "helpdesk_checklist": 2,
        "helpdesk_checklisttask": 6,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    ticket = ran.types("helpdesk_ticket")
    for column in ("created", "modified", "due_date", "last_escalation"):
        assert ticket[column] == "timestamp without time zone", column
    assert (ticket["on_hold"], ticket["priority"], ticket["secret_key"]) == ("boolean", "bigint", "text")
    # Django's DurationField is INTEGER microseconds: a span, no instant; every value as written.
    assert (
        ran.types("helpdesk_followup")["time_spent"]
        == ran.types("helpdesk_queue")["dedicated_time"]
        == "bigint"
    )
    assert ran.values("helpdesk_followup", "time_spent", "id") == {
        tickets + k + 1: apps.helpdesk_followup(k, tickets)["time_spent"]
        for k in range(apps.HELPDESK_FOLLOWUPS)
    } | {
        n: None
        for n in [*range(1, tickets + 1), *range(tickets + apps.HELPDESK_FOLLOWUPS + 1, followups + 1)]
    }
    # A queue's 20 to 30 minutes lie in epoch seconds' range under a name with a time word: each a whole
    # number of millions, they are no instants (until 2026-12-05 read as 2008 to 2027, audited).
    assert ran.values("helpdesk_queue", "dedicated_time", "id") == {
        q: apps.helpdesk_dedicated(q) for q in (1, 2, 3)
    }
    assert audit_rules(run_dir, "helpdesk_queue", "dedicated_time") == {}
    # One text column holds every field's value: decimals, contract numbers with their zeros, True and
    # False, dates and the site's wall clock, each as the API wrote it; '' (a text field's missing value
    # beside the typed fields' NULL) is made NULL, each audited.
    assert ran.types("helpdesk_ticketcustomfieldvalue")["value"] == "text"
    written = {
        (t - 1) * fields + f + 1: apps.helpdesk_custom(t, f)
        for t in range(1, tickets + 1)
        for f in range(fields)
    }
    assert ran.values("helpdesk_ticketcustomfieldvalue", "value", "id") == {
        n: value or None for n, value in written.items()
    }
    assert written[2 * fields + 2] == "0000003"  # ticket 3's contract number, its zeros kept
    assert audit_rules(run_dir, "helpdesk_ticketcustomfieldvalue", "value") == {
        str(n): {"empty_to_null"} for n, value in written.items() if value == ""
    }
    assert ran.values("helpdesk_ticket", "created", "id") == {
        t: apps.helpdesk_moment(t) for t in range(1, tickets + 1)
    }
    assert ran.values("helpdesk_ticket", "priority", "id") == {
        t: apps.helpdesk_priority(t) for t in range(1, tickets + 1)
    }
    assert ran.values("helpdesk_ticket", "title", "id") == {
        t: arrives_as(f"#{t} {apps.HELPDESK_TEXTS[t % len(apps.HELPDESK_TEXTS)]}")
        for t in range(1, tickets + 1)
    }
    # A change log's old and new priorities are text digits, as written.
    changes = ran.values("helpdesk_ticketchange", "new_value", "id")
    assert {v for v in changes.values() if v.isdigit()} == {
        str(apps.helpdesk_priority(t)) for t in escalated if t % 5
    }
    assert ran.types("helpdesk_escalationexclusion")["date"] == "date"
    assert ran.values("helpdesk_escalationexclusion", "date", "id") == {
        1: date(2026, 12, 25),
        2: date(2027, 1, 1),
    }
    assert references(run_dir) == declared_references(ran.db)


def test_code_review_keeps_compressed_diffs_byte_for_byte_and_blob_ids_as_text(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.code_review)
    requests = range(1, 17)
    written = {n: apps.reviewboard_reviews(n) for n in requests}
    tables = {
        "auth_user": len(apps.REVIEWBOARD_USERS),
        "scmtools_tool": 2,
        "scmtools_repository": 1,
        "diffviewer_diffsethistory": len(requests),
        "diffviewer_diffset": len(requests),
        "diffviewer_filediffdata": 0,
        "diffviewer_rawfilediffdata": len(requests),
        "diffviewer_filediff": len(requests),
        "reviews_reviewrequest": len(requests),
        "reviews_review": sum(written.values()) + len([n for n in requests if written[n]]),
        "reviews_comment": sum(written.values()),
        "changedescs_changedescription": len([n for n in requests if n % 5 == 0 or n % 7 == 0]),
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # The diffs as uploaded, bz2-compressed in a BLOB: bytea, byte for byte.
    assert ran.types("diffviewer_rawfilediffdata")["binary"] == "bytea"
    raw = {n: bytes(v) for n, v in ran.values("diffviewer_rawfilediffdata", "binary", "id").items()}
    assert {n: bz2.decompress(v) for n, v in raw.items()} == {n: apps.reviewboard_diff(n) for n in requests}
    assert ran.values("diffviewer_rawfilediffdata", "binary_hash", "id") == {
        n: hashlib.sha1(apps.reviewboard_diff(n)).hexdigest() for n in requests
    }
    # Abbreviated blob ids are text, all-digit ones (a leading zero, an `e` between digits) as written;
    # git's null id in every row too.
    filediff = ran.types("diffviewer_filediff")
    assert filediff["source_revision"] == filediff["dest_detail"] == "text"
    assert ran.values("diffviewer_filediff", "source_revision", "id") == {
        n: apps.reviewboard_blob(n) for n in requests
    }
    assert set(ran.values("diffviewer_filediff", "dest_detail", "id").values()) == {"0000000"}
    # The legacy inline diff, '' in every row (NOT NULL), holds no value: NULL, each audited.
    assert set(ran.values("diffviewer_filediff", "diff_base64", "id").values()) == {None}
    assert audit_rules(run_dir, "diffviewer_filediff", "diff_base64") == {
        str(n): {"empty_to_null"} for n in requests
    }
    # A list of bug numbers is text, its zeros kept; none given is '' under NOT NULL: NULL, audited.
    request = ran.types("reviews_reviewrequest")
    assert (request["bugs_closed"], request["status"], request["public"]) == ("text", "text", "boolean")
    assert ran.values("reviews_reviewrequest", "bugs_closed", "id") == {
        n: apps.reviewboard_bugs(n) or None for n in requests
    }
    for column in ("time_added", "last_updated", "last_review_timestamp"):
        assert request[column] == "timestamp without time zone", column
    assert ran.values("reviews_reviewrequest", "time_added", "id") == {
        n: apps.reviewboard_moment(n) for n in requests
    }
    assert ran.values("reviews_reviewrequest", "summary", "id") == {
        n: arrives_as(f"#{n} {apps.REVIEWBOARD_SUMMARIES[n % 6]}") for n in requests
    }
    assert ran.types("reviews_review")["ship_it"] == "boolean"
    assert ran.types("reviews_comment")["first_line"] == ran.types("reviews_comment")["num_lines"] == "bigint"
    assert ran.types("diffviewer_diffset")["base_commit_id"] == "text"
    # Every declared reference, the one of a varchar key (a file diff's data by its SHA1) included.
    found = references(run_dir)
    assert found == declared_references(ran.db)
    assert found[("diffviewer_filediff", "diff_hash_id")] == "diffviewer_filediffdata.binary_hash"


def test_source_hosting_keeps_changeset_ids_and_json_blobs_and_gist_expiry_exactly(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.source_hosting)
    commits, pulls = 8, 3
    tables = {
        "users": len(apps.KALLITHEA_USERS),
        "repositories": 2,
        "pull_requests": pulls,
        "pull_request_reviewers": 2 * pulls,
        "changeset_comments": commits // 2 + pulls,
        "changeset_statuses": len(range(0, commits, 4)) + 2 * pulls,
        "gists": len(apps.KALLITHEA_EXPIRES),
        "user_logs": 6,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # JSON bytes in a BLOB (a repository's tip, a user's settings): bytea, byte for byte.
    assert ran.types("repositories")["changeset_cache"] == ran.types("users")["user_data"] == "bytea"
    caches = ran.values("repositories", "changeset_cache", "repo_id")
    assert {r: bytes(v) for r, v in caches.items()} == {r: apps.kallithea_cache(r, commits) for r in (1, 2)}
    assert json.loads(bytes(caches[1]))["raw_id"] == apps.kallithea_sha(1, commits - 1)
    # Changeset ids, a pull request's revisions joined by colons, lines as n/o and a number: text.
    comment = ran.types("changeset_comments")
    assert comment["revision"] == comment["line_no"] == ran.types("pull_requests")["revisions"] == "text"
    assert ran.values("pull_requests", "revisions", "pull_request_id") == {
        p: ":".join(apps.kallithea_sha(1, n) for n in range(p, commits)) for p in range(1, pulls + 1)
    }
    lines = ran.values("changeset_comments", "line_no", "comment_id")
    assert {v for v in lines.values() if v} == {apps.kallithea_line(n) for n in range(0, commits, 2)} - {None}
    # Expiry as time.time() REALs beside -1 for never: double precision, every bit.
    assert ran.types("gists")["gist_expires"] == "double precision"
    assert ran.values("gists", "gist_expires", "gist_id") == {
        g + 1: expires for g, expires in enumerate(apps.KALLITHEA_EXPIRES)
    }
    # A public gist's access id is its number, a private one's random letters: text, as written.
    assert ran.types("gists")["gist_access_id"] == "text"
    assert ran.values("gists", "gist_access_id", "gist_id")[2] == "Xq18LmZ02rT9vKp7Wd"
    for table, column in (
        ("users", "created_on"),
        ("pull_requests", "updated_on"),
        ("user_logs", "action_date"),
    ):
        assert ran.types(table)[column] == "timestamp without time zone", (table, column)
    assert ran.values("users", "created_on", "user_id") == {
        i + 1: apps.kallithea_moment(i) for i in range(len(apps.KALLITHEA_USERS))
    }
    assert ran.types("users")["admin"] == ran.types("repositories")["private"] == "boolean"
    # A pull request's own comment holds its status change and no text: '' under NOT NULL, made NULL.
    assert audit_rules(run_dir, "changeset_comments", "text") == {
        str(commits // 2 + p): {"empty_to_null"} for p in range(1, pulls + 1)
    }
    assert references(run_dir) == declared_references(ran.db)


def test_typeorm_store_reads_its_decimals_as_amounts_down_to_a_satoshi_and_keeps_codes_and_instants(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.typeorm_store)
    customers, products, orders = range(12), range(16), range(30)
    lines = [(n, j) for n in orders for j in range(n % 3 + 1)]
    payments = range(len(orders) // 2)
    links = [(c, p) for c in range(3) for p in products if p % 3 == c or p % 5 == c]
    tables = {
        "migrations": 2,
        "customer": len(customers),
        "product": len(products),
        "category": 3,
        "order": len(orders),
        "order_line": len(lines),
        "payment": len(payments),
        "category_products_product": len(links),
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    schema = ran.record["version_schema"]
    # decimal(p,s) amounts stored as REAL or INTEGER are numeric at the declared scale, the crypto
    # payments' REALs below 10^-4 (5.46e-06) too: each the decimal the app wrote.
    assert pg_column_types(ran.uri, schema, "payment")["amount"] == "numeric(18,8)"
    assert pg_column_types(ran.uri, schema, "payment")["fee"] == "numeric(18,8)"
    for table, column in (
        ("customer", "credit"),
        ("product", "price"),
        ("order", "total"),
        ("order_line", "unitPrice"),
    ):
        assert pg_column_types(ran.uri, schema, table)[column] == "numeric(18,2)", (table, column)
    assert _amounts(ran.values("payment", "amount", "id")) == {
        k + 1: Decimal(apps.TYPEORM_AMOUNTS[k % len(apps.TYPEORM_AMOUNTS)]) for k in payments
    }
    assert _amounts(ran.values("payment", "fee", "id")) == {
        k + 1: Decimal(apps.TYPEORM_FEES[3 * k % len(apps.TYPEORM_FEES)]) for k in payments
    }
    assert _amounts(ran.values("order", "total", "number")) == {
        f"{n + 1:08d}": apps.typeorm_total(n) for n in orders
    }
    assert _amounts(ran.values("product", "price", "id")) == {i + 1: apps.typeorm_price(i) for i in products}
    # A computed float is a double, every bit.
    assert ran.types("product")["weight"] == "double precision"
    assert ran.values("product", "weight", "id") == {i + 1: None if i % 5 == 0 else 0.1 * i for i in products}
    # Codes with leading zeros stay text; uuid keys are text and their references found as declared.
    for table, column in (
        ("customer", "postcode"),
        ("product", "sku"),
        ("order", "number"),
        ("customer", "id"),
    ):
        assert ran.types(table)[column] == "text", (table, column)
    assert ran.values("product", "sku", "id") == {i + 1: f"{i * 37:06d}" for i in products}
    assert references(run_dir) == {
        ("order", "customerId"): "customer.id",
        ("order_line", "orderId"): "order.id",
        ("order_line", "productId"): "product.id",
        ("payment", "orderId"): "order.id",
        ("category_products_product", "categoryId"): "category.id",
        ("category_products_product", "productId"): "product.id",
    }
    assert primary_key(ran.uri, schema, "category_products_product") == ["categoryId", "productId"]
    # UTC text to the millisecond and the default's text without a fraction are both timestamps.
    for table, column in (
        ("order", "placedAt"),
        ("order", "createdAt"),
        ("product", "releasedAt"),
        ("product", "deletedAt"),
    ):
        assert ran.types(table)[column] == "timestamp without time zone", (table, column)
    assert ran.values("order", "placedAt", "number") == {
        f"{n + 1:08d}": apps.typeorm_placed(n) for n in orders
    }
    assert set(ran.values("order", "createdAt", "number").values()) == {
        datetime.fromisoformat(apps.TYPEORM_NOW)
    }
    # The migrations' names are their epoch milliseconds: instants, audited.
    assert ran.types("migrations")["timestamp"] == "timestamp with time zone"
    assert ran.values("migrations", "timestamp", "id") == {
        k: UNIX_EPOCH + timedelta(milliseconds=ms) for k, (ms, _) in enumerate(apps.TYPEORM_MIGRATIONS, 1)
    }
    assert audit_rules(run_dir, "migrations", "timestamp") == {
        "1": {"epoch:milliseconds"},
        "2": {"epoch:milliseconds"},
    }
    assert ran.types("customer")["birthday"] == "date"
    assert ran.types("product")["opensAt"] == "time without time zone"  # a time of day: time since 2026-12-06
    assert (ran.types("customer")["vip"], ran.types("order")["paid"]) == ("boolean", "boolean")
    assert ran.values("customer", "vip", "id") == {
        apps.typeorm_uuid("customer", i): i % 4 == 0 for i in customers
    }
    assert ran.types("customer")["avatar"] == "bytea"
    avatars = {k: None if v is None else bytes(v) for k, v in ran.values("customer", "avatar", "id").items()}
    assert avatars == {
        apps.typeorm_uuid("customer", i): bytes([0, 1, 2, 255, i])
        if i % 4 == 1
        else b""
        if i % 4 == 2
        else None
        for i in customers
    }
    # simple-array and simple-json as written; an empty list's '' is made NULL, audited (the rule).
    assert ran.values("customer", "tags", "id") == {
        apps.typeorm_uuid("customer", i): apps.typeorm_tags(i) or None for i in customers
    }
    assert audit_rules(run_dir, "customer", "tags") == {
        apps.typeorm_uuid("customer", i): {"empty_to_null"} for i in customers if apps.typeorm_tags(i) == ""
    }
    assert ran.types("customer")["prefs"] == ran.types("order")["meta"] == "text"


def test_drizzle_app_reads_its_epoch_modes_as_instants_and_passes_over_the_journal_key_it_never_fills(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.drizzle_app)
    users, posts = range(16), range(24)
    links = [(i, t) for i in posts for t in range(1, 7) if (i + t) % 4 == 0]
    tables = {"__drizzle_migrations": 2, "users": 16, "tags": 6, "posts": 24, "posts_to_tags": len(links)}
    loaded_cleanly(ran, run_dir, tables)
    # The migrator's journal declares `id SERIAL PRIMARY KEY`, NULL in every row: no key, no warning
    # (until 2026-12-05 exit 2, "plain index instead of a primary key"); its hash is the key found.
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    schema = ran.record["version_schema"]
    assert primary_key(ran.uri, schema, "__drizzle_migrations") == ["hash"]
    assert ran.types("__drizzle_migrations")["id"] == "bigint"
    assert set(ran.values("__drizzle_migrations", "id", "hash").values()) == {None}
    assert ran.values("__drizzle_migrations", "created_at", "hash") == {
        digest: UNIX_EPOCH + timedelta(milliseconds=when) for when, digest in apps.DRIZZLE_MIGRATIONS
    }
    assert primary_key(ran.uri, schema, "posts_to_tags") == ["post_id", "tag_id"]
    # timestamp mode (seconds) and timestamp_ms mode (milliseconds) are instants, each cell audited.
    user_types = ran.types("users")
    assert user_types["created_at"] == user_types["last_seen"] == "timestamp with time zone"
    assert ran.values("users", "created_at", "id") == {
        i + 1: UNIX_EPOCH + timedelta(seconds=apps.drizzle_created(i)) for i in users
    }
    assert ran.values("users", "last_seen", "id") == {
        i + 1: None if (ms := apps.drizzle_last_seen(i)) is None else UNIX_EPOCH + timedelta(milliseconds=ms)
        for i in users
    }
    assert audit_rules(run_dir, "users", "created_at") == {str(i + 1): {"epoch:seconds"} for i in users}
    assert ran.types("posts")["published_at"] == "timestamp with time zone"
    # boolean mode's 0/1 under `integer` stay integers (docs/profiling.md: a declared INTEGER's 0s
    # and 1s are numbers).
    assert user_types["is_admin"] == ran.types("posts")["published"] == "bigint"
    # A bare numeric in string mode: the decimals written; in number mode a computed double keeps a
    # double; in bigint mode integers.
    assert user_types["balance"] == "numeric"
    assert _amounts(ran.values("users", "balance", "id")) == {
        i + 1: None if (b := apps.drizzle_balance(i)) is None else Decimal(b) for i in users
    }
    assert ran.types("posts")["price"] == "double precision"
    assert ran.values("posts", "price", "id") == {
        f"post_{i:04d}": None if i % 5 == 0 else apps.DRIZZLE_PRICES[i % 4] for i in posts
    }
    assert ran.types("posts")["views"] == "bigint"
    # BLOBs in json and bigint modes are bytes, byte for byte; a zip code keeps its zeros.
    assert user_types["blob_json"] == user_types["big_counter"] == user_types["avatar"] == "bytea"
    counters = {
        k: None if v is None else bytes(v) for k, v in ran.values("users", "big_counter", "id").items()
    }
    assert counters == {i + 1: str(9007199254740993 * i).encode() if i % 2 else None for i in users}
    assert user_types["zip"] == "text"
    assert user_types["settings"] == ran.types("posts")["tags"] == "text"
    assert user_types["updated_at"] == "timestamp without time zone"
    assert references(run_dir) == {
        ("posts", "author_id"): "users.id",
        ("posts_to_tags", "post_id"): "posts.id",
        ("posts_to_tags", "tag_id"): "tags.id",
    }


def test_calibre_web_app_names_no_book_of_another_file_and_reads_its_expiries_as_instants(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.calibre_web_app)
    users, reads = range(1, 7), range(1, 31)
    tables = {
        "user": 6,
        "shelf": 12,
        "book_shelf_link": 30,
        "book_read_link": 30,
        "user_session": 6,
        "kobo_reading_state": 10,
        "kobo_bookmark": 10,
        "downloads": 30,
        "flask_settings": 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # Exactly the declared references: every book_id names a book of calibre's metadata.db, not a
    # user, a shelf or a reading state of this file, though its numbers fall among their keys.
    assert references(run_dir) == {
        ("shelf", "user_id"): "user.id",
        ("book_shelf_link", "shelf"): "shelf.id",
        ("book_read_link", "user_id"): "user.id",
        ("user_session", "user_id"): "user.id",
        ("kobo_reading_state", "user_id"): "user.id",
        ("kobo_bookmark", "kobo_reading_state_id"): "kobo_reading_state.id",
        ("downloads", "user_id"): "user.id",
    }
    assert ran.values("kobo_reading_state", "book_id", "id") == {k: k for k in range(1, 11)}
    assert ran.values("book_read_link", "book_id", "id") == {n: apps.calibre_web_book(3 * n) for n in reads}
    # A session's expiry, epoch seconds under a date-like name: instants, each audited.
    assert ran.types("user_session")["expiry"] == "timestamp with time zone"
    assert ran.values("user_session", "expiry", "id") == {
        u: UNIX_EPOCH + timedelta(seconds=apps.calibre_web_expiry(u)) for u in users
    }
    assert audit_rules(run_dir, "user_session", "expiry") == {str(u): {"epoch:seconds"} for u in users}
    # SQLAlchemy's naive UTC text to the microsecond: timestamps, every digit.
    assert ran.types("shelf")["created"] == "timestamp without time zone"
    assert ran.values("shelf", "last_modified", "id") == {
        k: apps.CALIBRE_WEB_BASE + timedelta(microseconds=3433 * k) for k in range(1, 13)
    }
    assert ran.values("book_read_link", "last_time_started_reading", "id") == {
        n: None if n % 4 == 0 else datetime(2025, 6, 1) + timedelta(hours=n) for n in reads
    }
    # Role bit masks are integers; JSON settings text as written; the Flask secret its 32 bytes.
    assert ran.types("user")["role"] == "bigint"
    assert ran.values("user", "role", "id") == {u: apps.CALIBRE_WEB_ROLES[(u - 1) % 5] for u in users}
    assert ran.types("user")["view_settings"] == "text"
    assert ran.types("shelf")["kobo_sync"] == "boolean"
    assert ran.types("kobo_bookmark")["progress_percent"] == "double precision"
    assert ran.values("kobo_bookmark", "content_source_progress_percent", "id") == {
        k: k / 3 if k % 2 else 0.0 for k in range(1, 11)
    }
    assert bytes(ran.values("flask_settings", "flask_session_key", "id")[1]) == bytes(range(200, 232))
    # Unset text is '' under no NOT NULL: made NULL, audited (the documented rule).
    assert ran.values("user", "kindle_mail", "id") == {
        u: None if u % 2 else f"k{u}@kindle.com" for u in users
    }
    assert audit_rules(run_dir, "user", "kindle_mail") == {str(u): {"empty_to_null"} for u in users if u % 2}


def test_family_tree_keeps_pickled_objects_and_handles_and_reads_typed_coordinates_as_numbers(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.family_tree)
    people, families = 24, 8
    towns, countries = len(apps.GRAMPS_TOWNS), len(apps.GRAMPS_COUNTRIES)
    with closing(sqlite3.connect(ran.db)) as con:
        references_written = con.execute("SELECT count(*) FROM reference").fetchone()[0]
        written = dict(con.execute("SELECT handle, blob_data FROM event"))
    loaded_cleanly(
        ran,
        run_dir,
        {
            "person": people,
            "family": families,
            "source": 1,
            "citation": 12,
            "event": people,
            "media": 1,
            "place": towns + countries,
            "repository": 1,
            "note": 3,
            "tag": 2,
            "reference": references_written,
            "name_group": 2,
            "metadata": 4,
            "gender_stats": len(apps.gramps_gender_stats(people)),
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # Gramps writes no NULL but a family's unknown parent: '' is its one way of "none" elsewhere.
    assert ran.record["quality_before"] == 100.0
    h = apps.gramps_handle
    schema = ran.record["version_schema"]
    for table in ("person", "family", "event", "place", "citation", "note", "tag"):
        assert primary_key(ran.uri, schema, table) == ["handle"]
        assert (ran.types(table)["handle"], ran.types(table)["blob_data"]) == ("text", "bytea")
    # Each object's pickled tuple arrives byte for byte, and unpickles to what Gramps serialized.
    blobs = ran.values("person", "blob_data", "handle")
    assert {k: pickle.loads(v)[1] for k, v in blobs.items()} == {
        h("person", n): f"I{n:04d}" for n in range(people)
    }
    assert {k: bytes(v) for k, v in ran.values("event", "blob_data", "handle").items()} == written
    assert pickle.loads(ran.values("metadata", "value", "setting")["version"]) == "18"
    # Names as typed: a no-break space inside, emoji, CJK; '' (no name given) is NULL, audited.
    assert ran.values("person", "given_name", "handle") == {
        h("person", n): apps.gramps_person(n)[0] or None for n in range(people)
    }
    assert set(audit_rules(run_dir, "person", "surname")) == {
        h("person", n) for n in range(people) if not apps.gramps_person(n)[1]
    }
    # Typed decimal coordinates are numbers, each the decimal written; a postal code keeps its zeros.
    place = ran.types("place")
    assert (place["lat"], place["long"], place["code"], place["gramps_id"]) == (
        "numeric",
        "numeric",
        "text",
        "text",
    )
    towns_loaded = {h("place", p): apps.gramps_place(p) for p in range(towns)}
    assert _amounts(ran.values("place", "lat", "handle")) == {
        **{k: Decimal(lat) if lat else None for k, (_, lat, _, _) in towns_loaded.items()},
        **{h("country", c): None for c in range(countries)},
    }
    assert _amounts(ran.values("place", "long", "handle")) == {
        **{k: Decimal(long) if long else None for k, (_, _, long, _) in towns_loaded.items()},
        **{h("country", c): None for c in range(countries)},
    }
    assert ran.values("place", "code", "handle") == {
        **{k: code or None for k, (_, _, _, code) in towns_loaded.items()},
        **{h("country", c): None for c in range(countries)},
    }
    # `change`, each object's last change, is Unix seconds: instants, each cell audited (until 2026-12-05
    # bigint: a change named no moment, though an update did).
    assert ran.types("person")["change"] == ran.types("place")["change"] == "timestamp with time zone"
    assert ran.values("person", "change", "handle") == {
        h("person", n): UNIX_EPOCH + timedelta(seconds=apps.gramps_changed(n)) for n in range(people)
    }
    assert audit_rules(run_dir, "event", "change") == {
        h("event", n): {"epoch:seconds"} for n in range(people)
    }
    assert ran.values("family", "father_handle", "handle") == {
        h("family", f): None if father is None else h("person", father)
        for f, (father, _) in ((f, apps.gramps_couple(f)) for f in range(families))
    }
    # The handles that name one kind of object refer to its table; `reference`'s handles name objects of
    # every kind (a person's events, notes and tags): none guessed for them.
    assert references(run_dir) == {
        ("family", "father_handle"): "person.handle",
        ("family", "mother_handle"): "person.handle",
        ("citation", "source_handle"): "source.handle",
        ("event", "place"): "place.handle",
        ("place", "enclosed_by"): "place.handle",
    }


def test_document_archive_keeps_metadata_values_as_typed_and_reads_object_ids_as_numbers(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.document_archive)
    documents = range(1, 31)
    metadata = [(n, t, value) for n in documents for t, value in apps.mayan_metadata(n)]
    actions = apps.mayan_actions(len(documents))
    checkouts = [n for n in documents if n % 7 == 3]
    loaded_cleanly(
        ran,
        run_dir,
        {
            "django_content_type": len(apps.MAYAN_CONTENT_TYPES),
            "auth_user": len(apps.MAYAN_USERS),
            "documents_documenttype": 2,
            "documents_document": len(documents),
            "documents_documentfile": len(documents),
            "documents_documentversion": len(documents),
            "metadata_metadatatype": len(apps.MAYAN_METADATA),
            "metadata_documentmetadata": len(metadata),
            "tags_tag": len(apps.MAYAN_TAGS),
            "tags_tag_documents": len([n for n in documents if n % 3 == 0]),
            "cabinets_cabinet": len(apps.MAYAN_CABINETS),
            "cabinets_cabinet_documents": len(documents),
            "checkouts_documentcheckout": len(checkouts),
            "actstream_action": len(actions),
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    # One `value` column holds every metadata type's values as typed: invoice numbers with leading zeros,
    # ISO dates, amounts with a point or a comma, names. No reading fits them all: text, each as written.
    assert ran.types("metadata_documentmetadata")["value"] == "text"
    assert ran.values("metadata_documentmetadata", "value", "id") == {
        k: value for k, (_, _, value) in enumerate(metadata, 1)
    }
    # Django's generic relations keep an object's id as varchar text: the number it spells.
    action = ran.types("actstream_action")
    assert (
        action["actor_object_id"]
        == action["target_object_id"]
        == action["action_object_object_id"]
        == "bigint"
    )
    assert ran.values("actstream_action", "target_object_id", "id") == {
        k: actor if target is None else target for k, (_, actor, target, _) in enumerate(actions, 1)
    }
    assert ran.values("actstream_action", "action_object_object_id", "id") == {
        k: None if obj is None else obj[1] for k, (_, _, _, obj) in enumerate(actions, 1)
    }
    # Naive UTC text, with or without a fraction, is the timestamp Django wrote.
    document = ran.types("documents_document")
    assert document["datetime_created"] == document["trashed_date_time"] == "timestamp without time zone"
    assert ran.values("documents_document", "datetime_created", "id") == {
        n: apps.mayan_created(n) for n in documents
    }
    assert ran.values("documents_document", "trashed_date_time", "id") == {
        n: apps.mayan_trashed(n) for n in documents
    }
    assert document["in_trash"] == document["is_stub"] == "boolean"
    assert ran.values("documents_document", "in_trash", "id") == {n: n % 9 == 0 for n in documents}
    # Hex uuids and SHA-256 checksums are text; '' for no description (NOT NULL) is NULL, audited.
    assert document["uuid"] == ran.types("documents_documentfile")["checksum"] == "text"
    assert set(audit_rules(run_dir, "documents_document", "description")) == {
        str(n) for n in documents if n % 4
    }
    assert ran.values("cabinets_cabinet", "rght", "id") == {k: apps.MAYAN_MPTT[k][3] for k in apps.MAYAN_MPTT}
    # Exactly the references Django declared, the circle between a document and its files included.
    assert references(run_dir) == {
        ("documents_document", "document_type_id"): "documents_documenttype.id",
        ("documents_document", "file_latest_id"): "documents_documentfile.id",
        ("documents_document", "version_active_id"): "documents_documentversion.id",
        ("documents_documentfile", "document_id"): "documents_document.id",
        ("documents_documentversion", "document_id"): "documents_document.id",
        ("metadata_documentmetadata", "document_id"): "documents_document.id",
        ("metadata_documentmetadata", "metadata_type_id"): "metadata_metadatatype.id",
        ("tags_tag_documents", "tag_id"): "tags_tag.id",
        ("tags_tag_documents", "document_id"): "documents_document.id",
        ("cabinets_cabinet", "parent_id"): "cabinets_cabinet.id",
        ("cabinets_cabinet_documents", "cabinet_id"): "cabinets_cabinet.id",
        ("cabinets_cabinet_documents", "document_id"): "documents_document.id",
        ("checkouts_documentcheckout", "user_id"): "auth_user.id",
        ("checkouts_documentcheckout", "document_id"): "documents_document.id",
        ("actstream_action", "action_object_content_type_id"): "django_content_type.id",
        ("actstream_action", "actor_content_type_id"): "django_content_type.id",
        ("actstream_action", "target_content_type_id"): "django_content_type.id",
    }


def test_geo_package_keeps_geometry_blobs_zip_codes_and_coordinates_and_reads_gdal_moments(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.geo_package)
    sites, routes, codes, visits = range(1, 31), range(1, 7), range(1, 13), range(1, 41)
    loaded_cleanly(
        ran,
        run_dir,
        {
            "gpkg_spatial_ref_sys": 4,
            "gpkg_contents": 4,
            "gpkg_ogr_contents": 4,
            "gpkg_geometry_columns": 2,
            "gpkg_tile_matrix_set": 0,
            "gpkg_extensions": 2,
            "sites": len(sites),
            "rtree_sites_geom": len(sites),
            "routes": len(routes),
            "rtree_routes_geom": len(routes),
            "codes": len(codes),
            "visits": len(visits),
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    # The R*Tree's storage is SQLite's, not the GeoPackage's: read through its virtual table only.
    internal = json.loads((run_dir / "profile.json").read_text())["internal_tables"]
    assert "rtree_sites_geom_node" not in ran.record["rows"]
    assert internal["rtree_sites_geom_node"].startswith("storage of the rtree virtual table")
    site_types, code_types = ran.types("sites"), ran.types("codes")
    assert site_types["geom"] == ran.types("routes")["geom"] == code_types["payload"] == "bytea"
    assert site_types["zip_code"] == code_types["code"] == ran.types("routes")["route"] == "text"
    assert site_types["amount"] == ran.types("visits")["reading"] == "double precision"
    assert site_types["big"] == site_types["site_id"] == ran.types("visits")["site_fid"] == "bigint"
    assert site_types["visited"] == "boolean" and site_types["day"] == "date"
    # GDAL's moments: 'Z' and '+hh:mm' are instants, a time of no known zone stays one of none.
    assert site_types["observed"] == code_types["when"] == ran.types("gpkg_contents")["last_change"]
    assert site_types["observed"] == "timestamp with time zone"
    assert ran.types("routes")["opened"] == "timestamp without time zone"
    # Geometry BLOBs byte for byte: the GP header, the srs_id, the envelope, the WKB.
    geometry = ran.values("sites", "geom", "fid")
    assert {k: bytes(v) for k, v in geometry.items()} == {i: apps.gpkg_site_geometry(i) for i in sites}
    assert all(bytes(v)[:2] == b"GP" for v in geometry.values())
    route_geometry = ran.values("routes", "geom", "fid")
    assert {k: bytes(v) for k, v in route_geometry.items()} == {
        r: apps.gpkg_route_geometry(r) for r in routes
    }
    assert {k: bytes(v) for k, v in ran.values("codes", "payload", "fid").items()} == {
        c: bytes(range(c * 3)) for c in codes
    }
    # Codes keep their zeros; 2^53 + i every digit; the 17 digits of each bound, the very double.
    assert ran.values("sites", "zip_code", "fid") == {i: apps.gpkg_zip(i) for i in sites}
    assert "00000" < min(apps.gpkg_zip(i) for i in sites) < "10000"
    assert ran.values("codes", "code", "fid") == {c: f"{c * 7:04d}" for c in codes}
    assert ran.values("sites", "big", "fid") == {i: 2**53 + i for i in sites}
    assert ran.values("sites", "amount", "fid") == {i: round(i * 1.07, 2) for i in sites}
    xs = [apps.gpkg_point(i)[0] for i in sites]
    assert ran.values("gpkg_contents", "min_x", "table_name")["sites"] == min(xs)
    assert ran.values("gpkg_contents", "max_x", "table_name")["sites"] == max(xs)
    with closing(sqlite3.connect(ran.db)) as con:
        tree = {
            row[0]: row[1:] for row in con.execute("SELECT id, minx, maxx, miny, maxy FROM rtree_sites_geom")
        }
    relation = f"{quote_ident(ran.base)}.rtree_sites_geom"
    assert {
        r[0]: r[1:] for r in pg_query(ran.uri, f"SELECT id, minx, maxx, miny, maxy FROM {relation}")
    } == tree
    # The instants GDAL wrote, to the millisecond; Berlin's two offsets of one night alike.
    assert ran.values("sites", "observed", "fid") == {i: apps.gpkg_observed(i) for i in sites}
    assert ran.values("codes", "when", "fid") == {c: apps.gpkg_code_moment(c) for c in codes}
    assert {apps.gpkg_code_moment(c).utcoffset() for c in codes} == {timedelta(hours=1), timedelta(hours=2)}
    assert ran.values("routes", "opened", "fid") == {
        r: datetime(2023, 5, 1, 8) + timedelta(days=r, seconds=r * 61) for r in routes
    }
    assert ran.values("sites", "day", "fid") == {i: apps.gpkg_day(i) for i in sites}
    # Moments with an offset beside moments of no zone: text, each as GDAL wrote it, and no type
    # mismatch (until 2026-12-05 every value was one: the GeoPackage scored 99.3).
    assert site_types["surveyed"] == "text"
    assert ran.values("sites", "surveyed", "fid") == {i: apps.gpkg_surveyed(i) for i in sites}
    assert {v[-6:] == "+02:00" for v in ran.values("sites", "surveyed", "fid").values()} == {True, False}
    assert ran.values("sites", "visited", "fid") == {i: None if i % 7 == 0 else bool(i % 2) for i in sites}
    assert ran.values("sites", "name", "fid") == {
        i: arrives_as(apps.GPKG_NAMES[i % len(apps.GPKG_NAMES)]) for i in sites
    }
    assert ran.values("visits", "reading", "fid") == {v: apps.gpkg_reading(v) for v in visits}
    # The metadata tables' declared references, and the attribute table's visits of sites; the
    # extensions' table_name, declared nowhere, names the tables of gpkg_contents (the GeoPackage
    # standard: "SHALL reference values in the gpkg_contents table_name column or be NULL"), as every
    # declared table_name does (since 2026-12-05; before, its values fit three tables' names alike, none).
    assert references(run_dir) == {
        ("gpkg_extensions", "table_name"): "gpkg_contents.table_name",
        ("gpkg_contents", "srs_id"): "gpkg_spatial_ref_sys.srs_id",
        ("gpkg_geometry_columns", "table_name"): "gpkg_contents.table_name",
        ("gpkg_geometry_columns", "srs_id"): "gpkg_spatial_ref_sys.srs_id",
        ("gpkg_tile_matrix_set", "table_name"): "gpkg_contents.table_name",
        ("gpkg_tile_matrix_set", "srs_id"): "gpkg_spatial_ref_sys.srs_id",
        ("visits", "site_fid"): "sites.fid",
    }
    assert ran.values("gpkg_ogr_contents", "feature_count", "table_name") == {
        "sites": len(sites),
        "routes": len(routes),
        "codes": len(codes),
        "visits": len(visits),
    }
    # Only the moments, the flags and the metadata's blank descriptions changed, each audited.
    assert {(t, c) for t, c, _ in audited_columns(run_dir)} == {
        ("sites", "observed"),
        ("sites", "visited"),
        ("codes", "when"),
        ("routes", "opened"),
        ("gpkg_contents", "last_change"),
        ("gpkg_contents", "description"),
    }


def test_ipython_history_keeps_its_two_clocks_apart_and_takes_no_count_for_a_reference(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.ipython_history)
    sessions = range(1, 21)
    lines = [(s, line) for s in sessions for line in range(1, apps.ipython_commands(s) + 1)]
    outputs = {(s, line): o for s, line in lines if (o := apps.ipython_output(s, line)) is not None}
    loaded_cleanly(
        ran, run_dir, {"sessions": len(sessions), "history": len(lines), "output_history": len(outputs)}
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # A count of commands is no key: until 2026-12-05 num_cmds referred to its own sessions, the
    # seventh's 45 commands an orphan costing quality (99.11).
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("history", "session"): "sessions.session",
        ("output_history", "session"): "sessions.session",
    }
    [num_cmds] = [c for c in profiled(run_dir)["columns"]["sessions"].items() if c[0] == "num_cmds"]
    assert "its name says a count (num)" in " ".join(num_cmds[1]["notes"])
    assert ran.values("sessions", "num_cmds", "session") == {
        s: None if s == 20 else apps.ipython_commands(s) for s in sessions
    }
    # IPython writes a session's start on the local wall clock without a zone and its end in UTC:
    # one column of times of no known zone, one of instants; neither is shifted to match the other.
    types = ran.types("sessions")
    assert (types["start"], types["end"]) == ("timestamp without time zone", "timestamp with time zone")
    assert ran.values("sessions", "start", "session") == {s: apps.ipython_start(s) for s in sessions}
    assert ran.values("sessions", "end", "session") == {
        s: None if s == 20 else apps.ipython_end(s) for s in sessions
    }
    # Source as run and as typed, magics and cells of several lines exactly; reprs of results as text.
    relation = f"{quote_ident(ran.base)}.history"
    history = pg_query(ran.uri, f"SELECT session, line, source, source_raw FROM {relation}")
    assert {(s, line): (a, b) for s, line, a, b in history} == {k: apps.ipython_source(*k) for k in lines}
    assert ran.types("output_history")["output"] == "text"
    relation = f"{quote_ident(ran.base)}.output_history"
    assert dict(((s, line), o) for s, line, o in pg_query(ran.uri, f"SELECT * FROM {relation}")) == outputs
    assert "'0042'" in outputs.values() and "0" in outputs.values()
    assert primary_key(ran.uri, ran.record["version_schema"], "history") == ["session", "line"]


def test_key_value_cache_keeps_keys_of_every_python_type_apart_and_its_pickles_byte_for_byte(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.key_value_cache)
    items = range(1, 31)
    loaded_cleanly(ran, run_dir, {"Settings": len(apps.DISKCACHE_SETTINGS) + 1, "Cache": len(items) + 2})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    types = ran.types("Cache")
    # One BLOB-declared column holds ints, strs, floats, bytes and pickles: bytea, each BLOB byte for
    # byte, every other cell the bytes of its text.
    assert types["key"] == types["value"] == "bytea"
    assert types["store_time"] == types["expire_time"] == types["access_time"] == "double precision"
    assert types["raw"] == types["mode"] == types["access_count"] == "bigint"

    def as_bytes(value: object) -> bytes:
        match value:
            case bytes():
                return value
            case str():
                return value.encode()
            case float():
                return f"{value:.17g}".encode()  # the REAL's 17 significant digits: every bit
            case _:
                return str(value).encode()

    keys = {n: as_bytes(apps.diskcache_key(n)[0]) for n in items} | {31: b"big text", 32: b"big pickle"}
    assert {n: bytes(v) for n, v in ran.values("Cache", "key", "rowid").items()} == keys
    values = {k: None if v is None else bytes(v) for k, v in ran.values("Cache", "value", "rowid").items()}
    assert values == {n: as_bytes(apps.diskcache_value(n)[0]) for n in items} | {31: None, 32: None}
    assert pickle.loads(values[4]) == {"n": 4, "price": Decimal("19.90")}
    # The int 1, the str '1' and the bytes b'1' are three keys, alike as bytes in the target: the
    # audit says which the source held (the BLOB, unchanged, has no audit row).
    assert keys[1] == keys[2] == keys[3] == b"1"
    audit = pq.read_table(run_dir / "audit.parquet").to_pylist()
    shown = {r["row_key"]: r["raw_value"] for r in audit if r["column"] == "key"}
    assert (shown["1"], shown["2"], "3" in shown) == ("1", "hex:31", False)
    assert shown["4"] == str(2**63 - 1) and shown["5"] == "1.5"
    # REAL seconds since 1970, every bit; NULL where an item never expires.
    assert ran.values("Cache", "store_time", "rowid") == {n: apps.diskcache_stored(n) for n in range(1, 33)}
    assert ran.values("Cache", "expire_time", "rowid") == {
        n: apps.diskcache_expires(n) if n <= 30 else None for n in range(1, 33)
    }
    assert ran.values("Cache", "filename", "rowid")[31] == "1f/2a/3b4c5d6e7f8091a2b3c4d5e6f708.val"
    # Settings: integers beside words in one untyped column are text, each as written.
    assert ran.types("Settings")["value"] == "text"
    assert ran.values("Settings", "value", "key") == {k: str(v) for k, v in apps.DISKCACHE_SETTINGS} | {
        "count": "32"
    }
    assert {(t, c) for t, c, _ in audited_columns(run_dir)} == {("Cache", "key"), ("Cache", "value")}


@pytest.mark.parametrize("arcs", [False, True], ids=["lines", "branches"])
def test_coverage_data_keeps_numbits_and_negative_arcs_and_its_declared_references(
    run_export: Runner, arcs: bool
) -> None:
    ran, run_dir = run_export(apps.coverage_branches if arcs else apps.coverage_data)
    files, contexts = range(1, 9), range(1, len(apps.COVERAGE_CONTEXTS) + 1)
    pairs = [(f, c) for f in files for c in contexts if (f + c) % 3]
    arc_rows = [(f, c, a, b) for f, c in pairs for a, b in apps.coverage_arcs(f, c)]
    loaded_cleanly(
        ran,
        run_dir,
        {
            "coverage_schema": 1,
            "meta": 2,
            "file": len(files),
            "context": len(contexts),
            "line_bits": 0 if arcs else len(pairs),
            "arc": len(arc_rows) if arcs else 0,
            "tracer": 0,
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("line_bits")["numbits"] == "bytea"
    assert ran.types("arc")["fromno"] == ran.types("arc")["tono"] == "bigint"
    if arcs:
        # Negative line numbers enter or leave a code object: integers, every one.
        relation = f"{quote_ident(ran.base)}.arc"
        found = pg_query(ran.uri, f"SELECT file_id, context_id, fromno, tono FROM {relation}")
        assert sorted(found) == sorted(arc_rows)
        assert min(r[2] for r in found) < 0
    else:
        # Each context's lines of a file, bit for bit as coverage.numbits packs them.
        relation = f"{quote_ident(ran.base)}.line_bits"
        found = pg_query(ran.uri, f"SELECT file_id, context_id, numbits FROM {relation}")
        assert {(f, c): bytes(bits) for f, c, bits in found} == {
            (f, c): apps.numbits(apps.coverage_lines(f, c)) for f, c in pairs
        }
    assert ran.values("meta", "value", "key") == {"version": "7.18.0", "has_arcs": "1" if arcs else "0"}
    assert ran.values("file", "path", "id") == {f: apps.coverage_path(f) for f in files}
    # The default context is '': a blank in a nullable UNIQUE column, made NULL and audited.
    assert ran.values("context", "context", "id") == {
        c: apps.COVERAGE_CONTEXTS[c - 1] or None for c in contexts
    }
    assert audited_columns(run_dir) == {("context", "context", "empty_to_null")}
    assert references(run_dir) == {
        ("line_bits", "file_id"): "file.id",
        ("line_bits", "context_id"): "context.id",
        ("arc", "file_id"): "file.id",
        ("arc", "context_id"): "context.id",
        ("tracer", "file_id"): "file.id",
    }


def test_http_cache_reads_its_expiry_seconds_as_instants_and_keeps_responses_as_written(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.http_cache)
    responses, redirected = range(1, 31), range(2, 31, 6)
    loaded_cleanly(ran, run_dir, {"responses": len(responses), "redirects": len(redirected)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    types = ran.types("responses")
    # Keys of 16 hex digits are text; the JSON serializer's TEXT under a BLOB declaration is text.
    assert types["key"] == types["value"] == ran.types("redirects")["value"] == "text"
    # `expires` counts Unix seconds: instants, each audited; NULL for a response that never expires.
    assert types["expires"] == "timestamp with time zone"
    expires = {apps.http_key(n): apps.http_expires(n) for n in responses}
    assert ran.values("responses", "expires", "key") == {
        k: None if v is None else UNIX_EPOCH + timedelta(seconds=v) for k, v in expires.items()
    }
    assert audit_rules(run_dir, "responses", "expires") == {
        k: {"epoch:seconds"} for k, v in expires.items() if v is not None
    }
    # Each response as the serializer wrote it: indented JSON, its body in base64, every byte.
    values = ran.values("responses", "value", "key")
    assert values == {apps.http_key(n): apps.http_response(n) for n in responses}
    assert base64.b64decode(json.loads(values[apps.http_key(3)])["_content"]) == apps.http_body(3)
    assert ran.values("redirects", "value", "key") == {
        apps.http_redirect_key(n): apps.http_key(n) for n in redirected
    }
    # A redirect names the response it ended at by its key: a reference found in the data.
    assert references(run_dir) == {("redirects", "value"): "responses.key"}
    assert {(t, c) for t, c, _ in audited_columns(run_dir)} == {("responses", "expires")}


def test_orchestrator_runs_keep_partition_keys_as_written_and_run_seconds_every_bit(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.dagster_runs)
    runs = 24
    tags = {r: apps.dagster_tags(r) for r in range(1, runs + 1)}
    tables = {
        "secondary_indexes": len(apps.DAGSTER_SECONDARY),
        "snapshots": 2 * len(apps.DAGSTER_JOBS),
        "kvs": 0,
        "runs": runs,
        "run_tags": sum(len(t) for t in tags.values()),
        "alembic_version": 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("runs")
    # time.time() REALs: double precision, every bit, with a note giving the instant.
    assert types["start_time"] == types["end_time"] == "double precision"
    assert ran.values("runs", "start_time", "id") == {
        r: apps.dagster_seconds(10 * r + 0.5) for r in range(1, runs + 1)
    }
    assert ran.values("runs", "end_time", "id") == {
        r: apps.dagster_seconds(10 * r + 2.75) for r in range(1, runs + 1)
    }
    assert any("to_timestamp" in n for n in profiled(run_dir)["columns"]["runs"]["start_time"]["notes"])
    # DATETIME text of six fraction digits: timestamps to the microsecond, each reading audited.
    assert types["create_timestamp"] == types["update_timestamp"] == "timestamp without time zone"
    assert ran.values("runs", "create_timestamp", "id") == {
        r: apps.dagster_moment(10 * r) for r in range(1, runs + 1)
    }
    assert set(audit_rules(run_dir, "runs", "create_timestamp")) == {str(r) for r in range(1, runs + 1)}
    # Partition keys, static codes with leading zeros beside days: text, as written.
    assert types["partition"] == ran.types("run_tags")["value"] == "text"
    assert ran.values("runs", "partition", "id") == {r: apps.dagster_partition(r) for r in range(1, runs + 1)}
    assert audit_rules(run_dir, "runs", "partition") == {}
    # Tag values as written, the padded one trimmed and '' made NULL, each audited.
    values = ran.values("run_tags", "value", "id")
    written = [v for r in range(1, runs + 1) for v in tags[r].values()]
    assert values == {i + 1: arrives_as(v) for i, v in enumerate(written)}
    assert {values[i + 1] for i, v in enumerate(written) if v.startswith("0") and len(v) > 1} == {
        "0001",
        "0002",
        "010",
    }
    assert sorted(audit_rules(run_dir, "run_tags", "value").values(), key=sorted) == sorted(
        [{"trim"} if v.strip() else {"empty_to_null"} for v in written if v != v.strip() or not v], key=sorted
    )
    # zlib-compressed JSON snapshots: bytea, byte for byte, keyed by their SHA1 text.
    assert ran.types("snapshots")["snapshot_body"] == "bytea"
    bodies = ran.values("snapshots", "snapshot_body", "snapshot_id")
    assert {k: bytes(v) for k, v in bodies.items()} == {
        hashlib.sha1(apps.dagster_snapshot(j, kind)).hexdigest(): apps.dagster_snapshot(j, kind)
        for j in range(len(apps.DAGSTER_JOBS))
        for kind in ("PIPELINE", "EXECUTION_PLAN")
    }
    assert all(json.loads(zlib.decompress(bytes(v)))["name"] in apps.DAGSTER_JOBS for v in bodies.values())
    # The declared references: a run's snapshot, a tag's run by its uuid.
    assert (
        references(run_dir)
        == declared_references(ran.db)
        == {
            ("runs", "snapshot_id"): "snapshots.snapshot_id",
            ("run_tags", "run_id"): "runs.run_id",
        }
    )


def test_admin_tool_config_keeps_hex_encoded_bytes_as_written_and_reads_process_times(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.pgadmin_config)
    servers, history, processes = 12, 30, 6
    tables = {
        "user": len(apps.PGADMIN_USERS),
        "servergroup": len(apps.PGADMIN_GROUPS),
        "server": servers,
        "module_preference": 2,
        "preference_category": 2,
        "preferences": len(apps.PGADMIN_PREFERENCES),
        "user_preferences": 2 * len(apps.PGADMIN_PREFERENCES),
        "query_history": history,
        "process": processes,
        "setting": 6,
        "version": 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # Bytes written as the hex of their bytes in VARCHAR columns: text, as written, each decoding back.
    entries = pg_query(
        ran.uri,
        f'SELECT query_info, last_updated_flag FROM "{ran.base}"."query_history" ORDER BY sid, uid, srno',
    )
    assert ran.types("query_history")["query_info"] == "text"
    assert sorted(
        json.dumps(json.loads(bytes.fromhex(info)), sort_keys=True) for info, _ in entries
    ) == sorted(json.dumps(apps.pgadmin_history(n), sort_keys=True) for n in range(history))
    # 'Y' marks each (user, server, database)'s last entry: a boolean, each reading audited.
    assert ran.types("query_history")["last_updated_flag"] == "boolean"
    with closing(sqlite3.connect(ran.db)) as con:
        groups = con.execute(
            "SELECT count(DISTINCT uid || '/' || sid || '/' || dbname) FROM query_history"
        ).fetchone()
    assert sum(flag for _, flag in entries) == groups[0]
    assert {
        r for rules in audit_rules(run_dir, "query_history", "last_updated_flag").values() for r in rules
    } == {
        "boolean:Y",
        "boolean:N",
    }
    server = ran.types("server")
    assert server["password"] == server["connection_params"] == server["tags"] == "text"
    assert ran.values("server", "password", "id") == {
        s: apps.pgadmin_password(s) if s % 3 == 1 else None for s in range(1, servers + 1)
    }
    assert all(
        base64.b64decode(bytes.fromhex(v)) for v in ran.values("server", "password", "id").values() if v
    )
    # A port in a VARCHAR, digits alone: bigint; the port in an INTEGER column too.
    assert server["tunnel_port"] == server["port"] == "bigint"
    assert set(ran.values("server", "tunnel_port", "id").values()) == {22}
    # A process: keyed by 18 digits of its start, its pickled description in hex, its times with +0000.
    process = ran.types("process")
    assert process["desc"] == "text"
    assert (
        process["start_time"] == process["end_time"] == process["acknowledge"] == "timestamp with time zone"
    )
    starts = ran.values("process", "start_time", "desc")
    assert {pickle.loads(bytes.fromhex(d))["server"]: t for d, t in starts.items()} == {
        f"db-{n:03d} 🐘": apps.pgadmin_moment(100 + n) for n in range(processes)
    }
    assert {str(p) for p in ran.values("process", "pid", "desc").values()} == {
        apps.pgadmin_pid(n) for n in range(processes)
    }
    # Every preference's value is text, whatever the preference's kind: numbers and words as written.
    assert ran.types("user_preferences")["value"] == "text"
    assert set(ran.values("user_preferences", "value", "pid").values()) == {
        v for _, v in apps.PGADMIN_PREFERENCES
    }
    assert audit_rules(run_dir, "user_preferences", "value") == {}
    assert ran.types("setting")["value"] == "text"
    assert references(run_dir) == declared_references(ran.db)


def test_task_history_keeps_every_serialized_parameter_as_written_and_reads_event_times(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.luigi_history)
    tasks = apps.luigi_tasks()
    parameters = {
        (t, name): value for t, (_, params, _) in enumerate(tasks, start=1) for name, value in params.items()
    }
    tables = {"tasks": len(tasks), "task_parameters": len(parameters), "task_events": 3 * len(tasks)}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # Every parameter as Luigi serialized it, in one text column: dates, a DateSecondParameter's
    # '2024-05-20T083015', floats' repr, booleans' words, codes with leading zeros; the padded note
    # trimmed and '' made NULL by the documented rules, each audited, nothing else changed.
    assert ran.types("task_parameters")["value"] == "text"
    loaded = dict(
        ((t, name), value)
        for t, name, value in pg_query(
            ran.uri, f'SELECT task_id, name, value FROM "{ran.base}"."task_parameters"'
        )
    )
    assert loaded == {key: arrives_as(value) for key, value in parameters.items()}
    assert {loaded[key] for key in parameters if key[1] == "code"} == {
        "0042",
        "010",
        "123",
        "0007",
        "0017",
        "99",
    }
    assert {loaded[key] for key in parameters if key[1] in ("when", "ratio", "amount")} == {
        "2024-05-20T083015",
        "0.30000000000000004",
        "12.5",
        "1e-07",
    }
    changed = audit_rules(run_dir, "task_parameters", "value")
    assert len(changed) == sum(1 for v in parameters.values() if v != v.strip() or not v)
    assert {r for rules in changed.values() for r in rules} == {"trim", "empty_to_null"}
    # Luigi's task ids (family, parameter summary, hash) as text; event times to the microsecond.
    assert ran.values("tasks", "task_id", "id") == {
        t: apps.luigi_task_id(family, params) for t, (family, params, _) in enumerate(tasks, start=1)
    }
    assert ran.types("task_events")["ts"] == "timestamp without time zone"
    assert ran.values("task_events", "ts", "id") == {
        n + 1: apps.luigi_moment(n) for n in range(3 * len(tasks))
    }
    failed = {t for t, (_, _, f) in enumerate(tasks, start=1) if f}
    finals = pg_query(
        ran.uri, f'SELECT task_id FROM "{ran.base}"."task_events" WHERE event_name = \'FAILED\''
    )
    assert {t for (t,) in finals} == failed
    assert (
        references(run_dir)
        == declared_references(ran.db)
        == {
            ("task_parameters", "task_id"): "tasks.id",
            ("task_events", "task_id"): "tasks.id",
        }
    )


def test_shell_history_keeps_its_nanoseconds_as_written_and_notes_their_instant(run_export: Runner) -> None:
    # atuin's history.db: Unix nanoseconds in `timestamp` (to the nanosecond under the shell hook,
    # whole seconds for lines imported from zsh) are finer than a timestamptz: bigint, every value as
    # written, and a note gives each row's instant; durations in nanoseconds are no moments at all.
    commands = 30
    ran, run_dir = run_export(apps.shell_history)
    loaded_cleanly(ran, run_dir, {"_sqlx_migrations": len(apps.ATUIN_MIGRATIONS), "history": commands})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    types = ran.types("history")
    for column in ("timestamp", "duration", "exit"):
        assert types[column] == "bigint", column
    for column in ("id", "command", "cwd", "session", "hostname", "author", "shell"):
        assert types[column] == "text", column
    assert primary_key(ran.uri, ran.record["version_schema"], "history") == ["id"]
    ids = {apps.atuin_row(n)[0]: n for n in range(commands)}
    stamps = ran.values("history", "timestamp", "id")
    assert stamps == {uid: apps.atuin_timestamp(n) for uid, n in ids.items()}
    assert all(type(v) is int for v in stamps.values())
    assert ran.values("history", "duration", "id") == {uid: apps.atuin_duration(n) for uid, n in ids.items()}
    assert ran.values("history", "exit", "id") == {uid: apps.atuin_exit(n) for uid, n in ids.items()}
    assert ran.values("history", "command", "id") == {
        uid: arrives_as(apps.ATUIN_COMMANDS[n % len(apps.ATUIN_COMMANDS)]) for uid, n in ids.items()
    }
    assert ran.values("history", "cwd", "id")[apps.atuin_row(3)[0]] == "unknown"
    for column in ("timestamp", "duration", "exit", "command"):
        assert audit_rules(run_dir, "history", column) == {}, column
    # The note's expression, run in PostgreSQL, gives each command's instant (a double of seconds:
    # the microsecond, give or take one); the duration, a span, gets no note.
    columns = profiled(run_dir)["columns"]["history"]
    (note,) = [n for n in columns["timestamp"]["notes"] if "the instant is" in n]
    assert note.startswith("integers are epoch nanoseconds"), note
    assert not [n for n in columns["duration"]["notes"] if "the instant is" in n]
    expression = note.split("the instant is ")[1]
    moments = dict(pg_query(ran.uri, f'SELECT id, {expression} FROM "{ran.base}".history'))
    for uid, n in ids.items():
        expected = UNIX_EPOCH + timedelta(microseconds=apps.atuin_timestamp(n) // 1000)
        assert abs(moments[uid] - expected) <= timedelta(microseconds=1), n
    # .123456789 seconds: PostgreSQL rounds to the microsecond.
    first = datetime(2026, 12, 5, 7, 5, 56, round(123_456_789 / 1000), tzinfo=UTC)
    assert moments[apps.atuin_row(0)[0]] == first
    # An import from zsh's history: 2020-01-02 01:14:51, three days and 3 x 61 seconds on.
    assert moments[apps.atuin_row(3)[0]] == datetime(2020, 1, 5, 1, 17, 54, tzinfo=UTC)
    # sqlx's bookkeeping: the SHA-384 checksum byte for byte, success a boolean.
    migrations = ran.types("_sqlx_migrations")
    assert (migrations["checksum"], migrations["success"]) == ("bytea", "boolean")
    assert ran.values("_sqlx_migrations", "checksum", "version") == {
        version: hashlib.sha384(name.encode()).digest() for version, name in apps.ATUIN_MIGRATIONS
    }


def test_request_tracker_keeps_its_no_transfer_encoding_and_its_unset_dates_as_written(
    run_export: Runner,
) -> None:
    tickets = 24
    ran, run_dir = run_export(apps.request_tracker)
    numbers = range(1, tickets + 1)
    parts = apps.rt_parts(tickets)
    loaded_cleanly(
        ran,
        run_dir,
        {
            "Queues": len(apps.RT_QUEUES),
            "Tickets": tickets,
            "Transactions": 3 * tickets,
            "Attachments": len(parts),
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    dated = ("Told", "Starts", "Started", "Due", "Resolved", "LastUpdated", "Created")
    assert {c: ran.types("Tickets")[c] for c in dated} == dict.fromkeys(dated, "timestamp without time zone")
    types = ran.types("Attachments")
    assert (types["ContentEncoding"], types["Content"], types["Parent"]) == ("text", "text", "bigint")
    # `none` is RT's "stored without a transfer encoding", beside `base64` and `quoted-printable`;
    # NULL is a multipart part with no content of its own. Until 2026-12-05 `none` was made NULL.
    assert ran.values("Attachments", "ContentEncoding", "id") == {
        a: encoding for a, _, _, _, encoding, _, _ in parts
    }
    assert sum(encoding == "none" for *_, encoding, _, _ in parts) == tickets // 3
    assert "ContentEncoding" not in {c for t, c, _ in audited_columns(run_dir) if t == "Attachments"}
    columns = profiled(run_dir)["columns"]
    assert columns["Attachments"]["ContentEncoding"]["tokens_as_values"] == ["none"]
    assert columns["Attachments"]["ContentEncoding"]["quality"] == 100.0
    # Every part's content as stored, byte for byte (documents: each ends in its last line's break;
    # until 2026-12-06 trimmed): a quoted-printable body decodes to the text, a base64 file to its bytes.
    contents = ran.values("Attachments", "Content", "id")
    assert contents == {a: content or None for a, _, _, _, _, content, _ in parts}
    for a, txn, _, _, encoding, _, _ in parts:
        n = (txn + 2) // 3
        if encoding == "quoted-printable":
            assert quopri.decodestring(contents[a]).decode() == apps.rt_body(n)
        elif encoding == "base64":
            assert base64.b64decode(contents[a]) == apps.rt_file(n)
    # A subject Perl wrote as Latin-1 bytes is decoded so, each audited; the UTF-8 ones as written.
    latin = {str(n) for n in numbers if isinstance(apps.rt_subject(n), bytes)}
    subjects = {str(k): v for k, v in ran.values("Tickets", "Subject", "id").items()}
    assert subjects == {
        str(n): arrives_as(s.decode("latin-1") if isinstance(s := apps.rt_subject(n), bytes) else s)
        for n in numbers
    }
    assert {
        k for k, rules in audit_rules(run_dir, "Tickets", "Subject").items() if "encoding:cp1252" in rules
    } == latin
    # An unset date is the Unix epoch as RT writes it: kept as written, with a note giving NULLIF.
    epoch = datetime(1970, 1, 1)
    assert ran.values("Tickets", "Due", "id") == {
        n: datetime.strptime(apps.rt_due(n), "%Y-%m-%d %H:%M:%S") for n in numbers
    }
    assert sum(v == epoch for v in ran.values("Tickets", "Resolved", "id").values()) == sum(
        apps.rt_status(n) != "resolved" for n in numbers
    )
    for column in ("Starts", "Started", "Due", "Resolved"):
        notes = columns["Tickets"][column]["notes"]
        assert any(f"NULLIF(\"{column}\", TIMESTAMP '1970-01-01 00:00:00')" in note for note in notes), notes
    assert ran.values("Tickets", "Told", "id") == {
        n: None if n % 3 else apps.rt_created(n) + timedelta(hours=1) for n in numbers
    }
    # The queue a ticket is in: a reference found in the data.
    assert references(run_dir)[("Tickets", "Queue")] == "Queues.id"


def test_django_cms_tree_paths_keep_their_zeros_and_the_wiki_tree_its_numbers(run_export: Runner) -> None:
    pages, articles = 14, 10
    ran, run_dir = run_export(apps.django_cms_wiki)
    paths = apps.cms_paths(pages)
    contents = sum(2 if n % 2 else 1 for n in range(1, pages + 1))
    revisions = sum(n % 3 + 1 for n in range(1, articles + 1))
    rows = {
        "django_site": 1,
        "auth_user": 3,
        "cms_page": pages,
        "cms_pagecontent": contents,
        "wiki_article": articles,
        "wiki_articlerevision": revisions,
        "wiki_urlpath": articles,
    }
    loaded_cleanly(ran, run_dir, rows)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    schema = ran.record["version_schema"]
    # treebeard's materialised path: four base-36 digits a level, all digits in a small site: text
    # with every leading zero, never a number; depth and numchild the integers they are.
    types = pg_column_types(ran.uri, schema, "cms_page")
    assert (types["path"], types["depth"], types["numchild"], types["is_home"]) == (
        "text",
        "bigint",
        "bigint",
        "boolean",
    )
    assert all(path.isdigit() for path in paths.values())
    assert ran.values("cms_page", "path", "id") == paths
    assert ran.values("cms_page", "depth", "id") == {n: len(path) // 4 for n, path in paths.items()}
    assert ran.values("cms_page", "parent_id", "id") == {n: apps.cms_parent(n) for n in paths}
    assert "path" not in {c for t, c, _ in audited_columns(run_dir) if t == "cms_page"}
    assert primary_key(ran.uri, schema, "cms_page") == ["id"]
    found = references(run_dir)
    assert found[("cms_page", "parent_id")] == "cms_page.id"
    assert found[("cms_pagecontent", "page_id")] == "cms_page.id"
    assert found[("wiki_urlpath", "parent_id")] == "wiki_urlpath.id"
    # django-mptt's nested set, each number as written.
    nested = apps.wiki_nested(articles)
    assert ran.values("wiki_urlpath", "lft", "id") == {n: left for n, (left, _, _) in nested.items()}
    assert ran.values("wiki_urlpath", "rght", "id") == {n: right for n, (_, right, _) in nested.items()}
    assert ran.values("wiki_urlpath", "slug", "id") == {n: None if n == 1 else f"art-{n}" for n in nested}
    # Django's datetime text (UTC, six fraction digits) read as timestamps to the microsecond.
    assert (
        pg_column_types(ran.uri, schema, "cms_pagecontent")["creation_date"] == "timestamp without time zone"
    )
    created = ran.values("cms_page", "creation_date", "id")
    assert created == {n: apps.DJANGO_SITE_CREATED + timedelta(minutes=n) for n in paths}
    # The revisions' Markdown, ends trimmed; '' for no message is NULL, audited.
    numbered = list(enumerate(((n, k) for n in range(1, articles + 1) for k in range(1, n % 3 + 2)), start=1))
    assert ran.values("wiki_articlerevision", "content", "id") == {
        r: arrives_as(apps.wiki_content(n, k)) for r, (n, k) in numbered
    }
    assert ran.values("wiki_articlerevision", "user_message", "id") == {
        r: None if k == 1 else f"Fix typo {k} ✓" for r, (_, k) in numbered
    }


def test_mikro_orm_app_reads_its_millis_as_instants_its_decimal_strings_as_amounts_and_its_keys(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.mikro_orm_shop)
    customers, products, orders = range(16), range(8), range(24)
    lines = {o: [apps.mikro_line(o, k, len(products)) for k in range(1 + o % 3)] for o in orders}
    tables = {"customer": 16, "product": 8, "order": 24, "order_line": sum(map(len, lines.values()))}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    schema = ran.record["version_schema"]
    assert primary_key(ran.uri, schema, "customer") == ["id"]
    assert primary_key(ran.uri, schema, "order") == ["id"]
    customer, order, product, line = (ran.types(t) for t in ("customer", "order", "product", "order_line"))
    # A Date property is epoch milliseconds under `datetime`: instants, each cell audited.
    assert (
        customer["created_at"] == customer["updated_at"] == order["placed_at"] == "timestamp with time zone"
    )
    assert product["released_at"] == "timestamp with time zone"
    assert ran.values("customer", "created_at", "id") == {
        apps.mikro_uuid(i): UNIX_EPOCH + timedelta(milliseconds=apps.mikro_created_ms(i)) for i in customers
    }
    assert ran.values("order", "placed_at", "id") == {
        o + 1: UNIX_EPOCH + timedelta(milliseconds=apps.mikro_placed_ms(o)) for o in orders
    }
    assert audit_rules(run_dir, "order", "placed_at") == {str(o + 1): {"epoch:milliseconds"} for o in orders}
    # A date property's text is a date; a time property's stays text, as written.
    assert customer["born"] == order["ship_date"] == "date"
    assert ran.values("customer", "born", "id") == {
        apps.mikro_uuid(i): None if (b := apps.mikro_born(i)) is None else date.fromisoformat(b)
        for i in customers
    }
    assert customer["wake_up"] == "time without time zone"  # a time of day: time since 2026-12-06
    # Decimal strings SQLite stored as REAL or INTEGER arrive as the amounts the app passed.
    assert customer["balance"] == order["total"] == product["price"] == "numeric"
    assert line["unit_price"] == line["discount"] == "numeric"
    assert _amounts(ran.values("customer", "balance", "id")) == {
        apps.mikro_uuid(i): None if (b := apps.mikro_balance(i)) is None else Decimal(b) for i in customers
    }
    assert _amounts(ran.values("order", "total", "id")) == {
        o + 1: sum(qty * Decimal(apps.mikro_price(p - 1)) for p, qty, _ in lines[o]) for o in orders
    }
    assert _amounts(ran.values("order_line", "discount", "id")) == {
        n: None if d is None else Decimal(d)
        for n, (_, _, d) in enumerate((x for o in orders for x in lines[o]), 1)
    }
    assert customer["rating"] == product["weight"] == "double precision"
    # bigint beyond 2^53 to the digit; codes keep their zeros; bytes byte for byte.
    assert customer["visits"] == "bigint"
    assert ran.values("customer", "visits", "id") == {
        apps.mikro_uuid(i): None if i % 11 == 0 else i * 9007199254740993 for i in customers
    }
    assert customer["zip"] == product["sku"] == "text"
    assert ran.values("product", "sku", "id") == {p + 1: f"{p * 13:06d}" for p in products}
    assert customer["avatar"] == "bytea"
    avatars = {k: None if v is None else bytes(v) for k, v in ran.values("customer", "avatar", "id").items()}
    assert avatars == {
        apps.mikro_uuid(i): None if i % 5 == 0 else hashlib.sha256(f"a{i}".encode()).digest()
        for i in customers
    }
    # boolean properties are 0/1 under `integer`: numbers (docs/profiling.md).
    assert customer["active"] == customer["vip"] == order["paid"] == "bigint"
    assert customer["prefs"] == customer["tier"] == product["tags"] == "text"
    # Exactly the declared references; the stock counts are no keys.
    assert references(run_dir) == {
        ("order", "customer_id"): "customer.id",
        ("order_line", "order_id"): "order.id",
        ("order_line", "product_id"): "product.id",
    }


def test_kysely_app_reads_its_iso_strings_and_last_logins_as_instants_and_keeps_a_column_of_two_ways(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.kysely_app)
    people, pets, toys = range(15), range(20), range(12)
    tables = {"kysely_migration": 2, "kysely_migration_lock": 1, "person": 15, "pet": 20, "toy": 12}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    schema = ran.record["version_schema"]
    assert primary_key(ran.uri, schema, "kysely_migration") == ["name"]
    # The migrator's toISOString() text is an instant, read by its format (audited).
    assert ran.types("kysely_migration")["timestamp"] == "timestamp with time zone"
    assert ran.values("kysely_migration", "timestamp", "name") == {
        name: UNIX_EPOCH + timedelta(milliseconds=ms) for name, ms in apps.KYSELY_MIGRATIONS
    }
    person = ran.types("person")
    # The app's ISO strings with Z beside the text of the column's DEFAULT CURRENT_TIMESTAMP, which
    # SQLite writes in UTC: instants, the DEFAULT's read as UTC (until 2026-12-05 text). updated_at,
    # no DEFAULT declared, holds the same text an UPDATE set: nobody wrote down its zone, text.
    assert person["created_at"] == "timestamp with time zone"
    assert person["updated_at"] == "text"
    assert ran.values("person", "created_at", "id") == {
        i + 1: datetime.fromisoformat(apps.kysely_created(i).replace("Z", "+00:00")).replace(tzinfo=UTC)
        for i in people
    }
    # Date.now() under `last_login integer`: instants, each cell audited.
    assert person["last_login"] == "timestamp with time zone"
    assert ran.values("person", "last_login", "id") == {
        i + 1: None if (ms := apps.kysely_last_login(i)) is None else UNIX_EPOCH + timedelta(milliseconds=ms)
        for i in people
    }
    assert audit_rules(run_dir, "person", "last_login") == {
        str(i + 1): {"epoch:milliseconds"} for i in people if apps.kysely_last_login(i) is not None
    }
    assert ran.types("toy")["bought_at"] == "timestamp with time zone"
    assert ran.values("toy", "bought_at", "id") == {
        hashlib.md5(f"t{t}".encode()).hexdigest(): None
        if (ms := apps.kysely_bought(t)) is None
        else UNIX_EPOCH + timedelta(milliseconds=ms)
        for t in toys
    }
    # A declared boolean's 0/1 are booleans; date text dates; codes keep their zeros.
    assert person["is_active"] == "boolean"
    assert ran.values("person", "is_active", "id") == {i + 1: i % 4 != 0 for i in people}
    assert person["birthdate"] == ran.types("pet")["adopted_on"] == "date"
    assert person["member_no"] == "text"
    assert ran.values("person", "member_no", "id") == {
        i + 1: None if i % 5 == 0 else f"{i * 371:08d}" for i in people
    }
    # numeric(10, 2) and decimal(6, 3) strings stored as REAL or INTEGER: the amounts passed.
    assert person["credit"] == ran.types("pet")["weight_kg"] == ran.types("toy")["price"] == "numeric"
    assert _amounts(ran.values("person", "credit", "id")) == {
        i + 1: None if (c := apps.kysely_credit(i)) is None else Decimal(c) for i in people
    }
    assert _amounts(ran.values("pet", "weight_kg", "id")) == {
        p + 1: None if (w := apps.kysely_weight(p)) is None else Decimal(w) for p in pets
    }
    assert person["score"] == "double precision"
    assert person["photo"] == "bytea"
    assert references(run_dir) == {("pet", "owner_id"): "person.id", ("toy", "pet_id"): "pet.id"}


def test_objection_app_reads_its_iso_text_and_date_millis_and_finds_no_reference_in_an_age(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.objection_app)
    persons, movies = range(40), range(12)
    tables = {"persons": 40, "movies": 12, "persons_movies": 20}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("persons")
    # toISOString() text and a Date's milliseconds: instants, each cell audited.
    assert types["createdAt"] == types["updatedAt"] == "timestamp with time zone"
    assert ran.values("persons", "createdAt", "id") == {
        i + 1: UNIX_EPOCH + timedelta(milliseconds=_iso_ms(apps.objection_created(i))) for i in persons
    }
    assert ran.values("persons", "updatedAt", "id") == {
        i + 1: None if (ms := apps.objection_updated(i)) is None else UNIX_EPOCH + timedelta(milliseconds=ms)
        for i in persons
    }
    assert audit_rules(run_dir, "persons", "updatedAt") == {
        str(i + 1): {"epoch:milliseconds"} for i in persons if apps.objection_updated(i) is not None
    }
    # Milliseconds beside ISO strings in one column: text, every value as written.
    assert types["lastLogin"] == "text"
    assert ran.values("persons", "lastLogin", "id") == {
        i + 1: None if (v := apps.objection_last_login(i)) is None else str(v) for i in persons
    }
    # A date's midnights in milliseconds are the days they name.
    assert types["birthDate"] == "date"
    assert ran.values("persons", "birthDate", "id") == {
        i + 1: None
        if (ms := apps.objection_birth_ms(i)) is None
        else (UNIX_EPOCH + timedelta(milliseconds=ms)).date()
        for i in persons
    }
    # knex declares a decimal `float`: a double, as declared; booleans are booleans.
    assert types["salary"] == ran.types("movies")["rating"] == "double precision"
    assert types["isHuman"] == "boolean"
    assert types["sig"] == "bytea"
    assert ran.types("movies")["budget"] == "bigint"
    assert ran.values("movies", "budget", "id") == {
        m + 1: 1_000_000_000 + m * 12345 if m % 4 else None for m in movies
    }
    # Ages 20..39, half the persons' keys 1..40, are no reference: the link table's two are the only ones.
    assert types["age"] == "bigint"
    assert ran.values("persons", "age", "id") == {i + 1: None if i % 7 == 0 else 20 + i % 20 for i in persons}
    assert references(run_dir) == {
        ("persons_movies", "personId"): "persons.id",
        ("persons_movies", "movieId"): "movies.id",
    }


def _iso_ms(iso: str) -> int:
    """Epoch milliseconds of JavaScript's toISOString() text."""
    return round(datetime.strptime(iso, "%Y-%m-%dT%H:%M:%S.%f%z").timestamp() * 1000)


def test_dbic_database_reads_its_datetime_text_and_keeps_the_bytes_its_driver_stored_as_text(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.dbic_music)
    artists = range(20)
    cds = sum(1 + i % 3 for i in artists)
    loaded_cleanly(ran, run_dir, {"artist": 20, "cd": cds})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    artist, cd = ran.types("artist"), ran.types("cd")
    # DateTime::Format::SQLite's text: dates and timestamps (UTC, but written without a zone).
    assert artist["born"] == cd["released"] == "date"
    assert artist["joined"] == artist["seen"] == cd["recorded_at"] == "timestamp without time zone"
    assert ran.values("artist", "joined", "artistid") == {
        i + 1: None if (j := apps.dbic_joined(i)) is None else datetime.fromisoformat(j) for i in artists
    }
    assert artist["fee"] == cd["price"] == "numeric"
    assert _amounts(ran.values("artist", "fee", "artistid")) == {
        i + 1: None if (f := apps.dbic_fee(i)) is None else Decimal(f) for i in artists
    }
    assert artist["active"] == "boolean"
    assert artist["code"] == "text"
    # The blob's bytes the driver bound as text (NUL bytes in TEXT cells): bytea, the bytes stored,
    # each cell audited.
    assert artist["photo"] == "bytea"
    photos = {
        k: None if v is None else bytes(v) for k, v in ran.values("artist", "photo", "artistid").items()
    }
    assert photos == {i + 1: apps.dbic_photo(i) for i in artists}
    assert audit_rules(run_dir, "artist", "photo") == {
        str(i + 1): {"as_bytes"} for i in artists if apps.dbic_photo(i) is not None
    }
    assert references(run_dir) == {("cd", "artist"): "artist.artistid"}


def test_tortoise_app_reads_its_decimal_text_with_exponents_as_amounts_and_its_zoned_times_as_instants(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.tortoise_app)
    customers, tickets = range(12), range(24)
    loaded_cleanly(ran, run_dir, {"customer": len(customers), "ticket": len(tickets)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    schema = ran.record["version_schema"]
    uid = {i: str(UUID(int=i * 7919 + 1)) for i in customers}
    # Each DecimalField is VARCHAR(40) text of a fixed number of places; at eight places Python's str
    # writes a zero '0E-8' and 5e-7 '5.0E-7': the same decimals, so the column is numeric at 8 places.
    assert pg_column_types(ran.uri, schema, "customer")["balance"] == "numeric(18,8)"
    balances = apps.TORTOISE_BALANCES
    assert _amounts(ran.values("customer", "balance", "id")) == {
        uid[i]: None if i % 6 == 5 else Decimal(balances[i % len(balances)]) for i in customers
    }
    assert {
        "0E-8",
        "5.0E-7",
        "-2E-8",
    } <= {apps.tortoise_decimal(b, 8) for b in balances}  # the builder writes what Tortoise writes
    assert pg_column_types(ran.uri, schema, "customer")["credit"] == "numeric(18,2)"
    assert _amounts(ran.values("customer", "credit", "id")) == {
        uid[i]: apps.tortoise_credit(i) for i in customers
    }
    assert pg_column_types(ran.uri, schema, "ticket")["price"] == "numeric(18,4)"
    assert _amounts(ran.values("ticket", "price", "id")) == {j + 1: apps.tortoise_price(j) for j in tickets}
    # Moments written in the app's zone with their offsets, both sides of a DST change: instants.
    assert ran.types("ticket")["opened_at"] == ran.types("customer")["created"] == "timestamp with time zone"
    assert ran.values("ticket", "opened_at", "id") == {j + 1: apps.tortoise_opened(j) for j in tickets}
    # INT 0/1 flags, SMALLINT enum values and BIGINT microseconds stay the integers written.
    assert (ran.types("customer")["vip"], ran.types("ticket")["status"], ran.types("ticket")["spent"]) == (
        "bigint",
        "bigint",
        "bigint",
    )
    assert ran.values("ticket", "spent", "id") == {
        j + 1: None if j % 4 == 0 else j * 37_000_011 for j in tickets
    }
    assert ran.types("customer")["postcode"] == ran.types("customer")["id"] == "text"
    assert ran.values("customer", "postcode", "id") == {
        uid[i]: None if i % 5 == 0 else f"{i * 1013 % 10000:05d}" for i in customers
    }
    assert ran.types("customer")["birthday"] == "date"
    assert ran.types("customer")["avatar"] == "bytea"
    assert references(run_dir) == {("ticket", "customer_id"): "customer.id"}


def test_piccolo_app_reads_its_affinity_only_types_and_numeric_reals_as_written(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.piccolo_app)
    bands, concerts = range(15), range(24)
    loaded_cleanly(ran, run_dir, {"band": len(bands), "concert": len(concerts)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    schema = ran.record["version_schema"]
    # NUMERIC(20, 8)'s REAL cells (1.0e-08, 5.0e-07) and INTEGER 0 are the decimals Piccolo bound.
    assert pg_column_types(ran.uri, schema, "band")["rate"] == "numeric(18,8)"
    rates = apps.PICCOLO_RATES
    assert _amounts(ran.values("band", "rate", "id")) == {
        i + 1: None if i % 4 == 0 else Decimal(rates[i % len(rates)]) for i in bands
    }
    # TIMESTAMPTZ text with +00:00: instants; SECONDS (an Interval's REAL seconds): every bit.
    assert ran.types("band")["created"] == ran.types("concert")["starts"] == "timestamp with time zone"
    assert ran.values("band", "created", "id") == {i + 1: apps.piccolo_created(i) for i in bands}
    assert ran.types("band")["run"] == "double precision"
    assert ran.values("band", "run", "id") == {i + 1: apps.piccolo_run(i) for i in bands}
    assert ran.types("band")["active"] == "boolean"
    assert ran.values("band", "active", "id") == {i + 1: i % 3 != 0 for i in bands}
    # Codes with leading zeros, uuids, JSON arrays and times of day stay text as written.
    for column in ("code", "uid", "tags"):
        assert ran.types("band")[column] == "text", column
    assert ran.types("band")["rehearsal"] == "time without time zone"  # time since 2026-12-06
    assert ran.values("band", "code", "id") == {
        i + 1: None if i % 7 == 0 else f"{i * 37 % 1000:04d}" for i in bands
    }
    assert references(run_dir) == {("concert", "band"): "band.id"}


@pytest.mark.parametrize("zoned", [False, True], ids=["as-shipped", "timestamp-timezones"])
def test_sequel_app_reads_its_literal_decimals_as_amounts_and_its_timestamps_and_flags_either_way(
    run_export: Runner, zoned: bool
) -> None:
    customers, tickets = range(12), range(30)

    def build(path: Path) -> Path:
        return apps.sequel_app(path, len(customers), len(tickets), zoned=zoned)

    build.__name__ = "sequel_app"
    ran, run_dir = run_export(build)
    loaded_cleanly(ran, run_dir, {"customers": len(customers), "tickets": len(tickets)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    schema = ran.record["version_schema"]
    # numeric(12, 2)'s REAL and INTEGER cells (SQL literals of BigDecimals) are the amounts written.
    assert pg_column_types(ran.uri, schema, "tickets")["amount"] == "numeric(18,2)"
    assert pg_column_types(ran.uri, schema, "customers")["credit_limit"] == "numeric(18,2)"
    assert _amounts(ran.values("tickets", "amount", "id")) == {j + 1: apps.sequel_amount(j) for j in tickets}
    assert _amounts(ran.values("customers", "credit_limit", "id")) == {
        i + 1: apps.sequel_amount(i) for i in customers
    }
    assert pg_column_types(ran.uri, schema, "tickets")["rate"] == "numeric(18,6)"
    assert _amounts(ran.values("tickets", "rate", "id")) == {
        j + 1: Decimal(f"0.{j * 4567 % 1000000:06d}") for j in tickets
    }
    # Six fraction digits always; with the offset (+0000) the instants, without it the wall clock.
    moment = "timestamp with time zone" if zoned else "timestamp without time zone"
    assert ran.types("tickets")["opened_at"] == ran.types("tickets")["closed_at"] == moment
    assert ran.types("customers")["created_at"] == moment
    opened = {j + 1: apps.sequel_opened(j) for j in tickets}
    assert ran.values("tickets", "opened_at", "id") == (
        opened if zoned else {k: naive(v) for k, v in opened.items()}
    )
    # Booleans 1/0 as shipped, 't'/'f' with integer_booleans = false: boolean, NULL kept.
    assert ran.types("tickets")["closed"] == ran.types("customers")["vip"] == "boolean"
    assert ran.values("tickets", "closed", "id") == {
        j + 1: None if j % 10 == 0 else j % 2 == 0 for j in tickets
    }
    assert ran.types("tickets")["due_on"] == ran.types("customers")["birthday"] == "date"
    # A Sequel::SQLTime stays text as written; codes keep their zeros; bigints and blobs exactly.
    assert ran.types("customers")["postcode"] == "text"
    assert ran.types("tickets")["due_time"] == "time without time zone"  # time since 2026-12-06
    assert ran.values("customers", "postcode", "id") == {
        i + 1: None if i % 4 == 0 else f"{i * 1013 % 10000:05d}" for i in customers
    }
    assert ran.types("tickets")["bytes"] == "bigint"
    assert ran.values("tickets", "bytes", "id") == {j + 1: j * 987_654_321_987 for j in tickets}
    assert ran.types("customers")["avatar"] == "bytea"
    avatars = {k: None if v is None else bytes(v) for k, v in ran.values("customers", "avatar", "id").items()}
    assert avatars == {
        i + 1: None if i % 2 == 0 else bytes(b * i % 256 for b in range(256)) for i in customers
    }
    # ``foreign_key :customer_id, :customers`` names the table only: its primary key.
    assert references(run_dir) == {("tickets", "customer_id"): "customers.id"}


def test_sqlobject_app_keeps_its_base64_blobs_as_text_and_reads_its_decimal_strings_as_amounts(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.sqlobject_app)
    customers, tickets = range(12), range(30)
    loaded_cleanly(ran, run_dir, {"customer": len(customers), "ticket": len(tickets)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    schema = ran.record["version_schema"]
    # DECIMAL(12, 2) literals (REAL or INTEGER cells) and DecimalStringCol text: the decimals written.
    assert pg_column_types(ran.uri, schema, "customer")["credit"] == "numeric(18,2)"
    assert _amounts(ran.values("customer", "credit", "id")) == {
        i + 1: apps.py_orm_amount(i) for i in customers
    }
    assert pg_column_types(ran.uri, schema, "ticket")["flag"] == "numeric(18,3)"
    assert _amounts(ran.values("ticket", "flag", "id")) == {
        j + 1: Decimal(f"{j}.{j * 7 % 1000:03d}") for j in tickets
    }
    assert pg_column_types(ran.uri, schema, "ticket")["rate"] == "numeric(18,6)"
    # A BLOBCol's and a PickleCol's base64 under TEXT stay the text written: decoding it is no rule.
    assert ran.types("customer")["avatar"] == ran.types("ticket")["data"] == "text"
    avatars = ran.values("customer", "avatar", "id")
    assert {k: None if v is None else base64.b64decode(v) for k, v in avatars.items()} == {
        i + 1: apps.sqlobject_avatar(i) for i in customers
    }
    pickled = ran.values("ticket", "data", "id")
    assert {k: None if v is None else pickle.loads(base64.b64decode(v)) for k, v in pickled.items()} == {
        j + 1: None if j % 3 else {"j": j, "tags": ["a", "ü"]} for j in tickets
    }
    # DateTimeCol text (six fraction digits): moments; TimeCol text stays text; BoolCol 0/1 boolean.
    assert ran.types("customer")["created"] == ran.types("ticket")["opened"] == "timestamp without time zone"
    assert ran.values("ticket", "opened", "id") == {
        j + 1: datetime(2025, 1 + j % 12, 1 + j % 28, j % 24, j * 7 % 60, j * 13 % 60, j * 1001)
        for j in tickets
    }
    assert ran.types("customer")["level"] == "text"
    assert ran.types("ticket")["at"] == "time without time zone"  # a time of day: time since 2026-12-06
    assert ran.types("ticket")["closed"] == ran.types("customer")["vip"] == "boolean"
    assert ran.values("customer", "postcode", "id") == {
        i + 1: None if i % 4 == 0 else f"{i * 1013 % 10000:05d}" for i in customers
    }
    # The ForeignKey's named constraint (CONSTRAINT customer_id_exists REFERENCES customer(id)).
    assert references(run_dir) == {("ticket", "customer_id"): "customer.id"}


def test_storm_app_reads_its_str_datetimes_with_and_without_fractions_and_keeps_str_timedeltas(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.storm_app)
    people, tickets = range(12), range(30)
    loaded_cleanly(ran, run_dir, {"person": len(people), "ticket": len(tickets)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    schema = ran.record["version_schema"]
    # str(datetime): no fraction on whole seconds, six digits otherwise, '+00:00' with a tzinfo.
    assert ran.types("person")["created"] == ran.types("ticket")["opened"] == "timestamp without time zone"
    assert ran.types("person")["created_tz"] == "timestamp with time zone"
    assert ran.values("person", "created", "id") == {i + 1: naive(apps.storm_created(i)) for i in people}
    assert ran.values("person", "created_tz", "id") == {i + 1: apps.storm_created(i) for i in people}
    # str(timedelta) ('1 day, 0:01:01.000003') and str(time) stay the text written.
    assert ran.types("person")["spent"] == "text"
    assert ran.types("person")["wake"] == "time without time zone"  # str(time): time since 2026-12-06
    assert ran.values("person", "spent", "id") == {
        i + 1: None if (spent := apps.storm_spent(i)) is None else str(spent) for i in people
    }
    # Decimals bound as str() into DECIMAL/NUMERIC: the amounts.
    assert pg_column_types(ran.uri, schema, "person")["credit"] == "numeric(18,2)"
    assert pg_column_types(ran.uri, schema, "ticket")["amount"] == "numeric(18,2)"
    assert _amounts(ran.values("ticket", "amount", "id")) == {j + 1: apps.py_orm_amount(j) for j in tickets}
    # RawStr and Pickle BLOBs byte for byte: an empty BLOB stays empty, digits with a zero stay bytes.
    for column in ("avatar", "extra", "raw"):
        assert ran.types("person")[column] == "bytea", column
    raw = {k: None if v is None else bytes(v) for k, v in ran.values("person", "raw", "id").items()}
    assert raw == {i + 1: b"" if i % 10 == 3 else (f"0{i:04d}".encode() if i % 2 else None) for i in people}
    extra = ran.values("person", "extra", "id")
    assert {k: None if v is None else pickle.loads(bytes(v)) for k, v in extra.items()} == {
        i + 1: None if i % 3 else {"i": i, "s": "ü"} for i in people
    }
    assert ran.types("person")["uid"] == ran.types("person")["postcode"] == "text"
    assert ran.types("ticket")["closed"] == ran.types("person")["vip"] == "boolean"
    assert references(run_dir) == {("ticket", "person_id"): "person.id"}


def test_ormar_app_keeps_its_hex_uuid_keys_and_references_and_reads_its_float_bound_decimals_as_amounts(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.ormar_app)
    accounts, entries = range(10), range(30)
    junction = [(j, t) for j in entries for t in range(j % 4)]
    tables = {"tags": 5, "accounts": len(accounts), "entries": len(entries), "entrys_tags": len(junction)}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    schema = ran.record["version_schema"]
    # Keys as ormar writes uuids (CHAR(32) hex, CHAR(36) with dashes) stay text, each the target's key.
    hexes = {i: apps.ormar_uuid("account", i).hex for i in accounts}
    for table in ("tags", "accounts", "entries"):
        assert ran.types(table)["id"] == "text", table
        assert primary_key(ran.uri, schema, table) == ["id"], table
    assert ran.values("entries", "account", "id") == {
        str(apps.ormar_uuid("entry", j)): hexes[j % len(accounts)] for j in entries
    }
    assert references(run_dir) == {
        ("entries", "account"): "accounts.id",
        ("entrys_tags", "tag"): "tags.id",
        ("entrys_tags", "entry"): "entries.id",
    }
    # DECIMAL(p, s) cells SQLAlchemy bound as floats: the amounts, at their declared places.
    assert pg_column_types(ran.uri, schema, "accounts")["balance"] == "numeric(18,4)"
    assert _amounts(ran.values("accounts", "balance", "id")) == {
        hexes[i]: apps.ormar_balance(i) for i in accounts
    }
    assert pg_column_types(ran.uri, schema, "accounts")["rate"] == "numeric(18,8)"
    assert _amounts(ran.values("accounts", "rate", "id")) == {
        hexes[i]: None if i % 4 == 0 else Decimal(apps.ORMAR_RATES[i % len(apps.ORMAR_RATES)])
        for i in accounts
    }
    assert pg_column_types(ran.uri, schema, "entries")["amount"] == "numeric(18,2)"
    assert _amounts(ran.values("entries", "amount", "id")) == {
        str(apps.ormar_uuid("entry", j)): apps.ormar_amount(j) for j in entries
    }
    # DateTime(timezone=True) on SQLite: the wall clock without an offset, read as one.
    assert ran.types("entries")["posted"] == "timestamp without time zone"
    assert ran.values("entries", "posted", "id") == {
        str(apps.ormar_uuid("entry", j)): apps.ormar_posted(j) for j in entries
    }
    assert ran.types("accounts")["opened"] == "date"
    assert ran.types("accounts")["active"] == "boolean"
    assert (ran.types("accounts")["big"], ran.types("accounts")["small"]) == ("bigint", "bigint")
    assert ran.values("accounts", "big", "id") == {
        hexes[i]: None if i % 7 == 0 else i * 2**55 - 3 for i in accounts
    }
    for column in ("prefs", "level"):
        assert ran.types("accounts")[column] == "text", column
    assert ran.types("accounts")["wake"] == "time without time zone"  # time since 2026-12-06
    assert ran.types("accounts")["logo"] == "bytea"


def test_sequel_serialized_documents_keep_their_final_newline_or_lose_only_it_with_trim_true(
    run_export: Runner,
) -> None:
    docs = range(20)
    # As it comes: YAML documents and Marshal base64 end in a newline. Every value of each ends in one
    # line break, padded by nothing else: a line terminator, the column's one way of writing, at no
    # cost, loaded byte for byte (documents; until 2026-12-06 trimmed, each cell audited; docs/profiling.md
    # "Quality score"). Charged 2 points per 1 % of rows, each such column scored
    # 0 and the table 60, below the gate (exit 2, until 2026-12-05).
    yaml, lines = (
        [f(j) for j in docs] for f in (apps.sequel_yaml, lambda j: apps.ruby_base64(apps.sequel_marshal(j)))
    )
    assert all(v.endswith("\n") and not v.endswith("\n\n") and v == v.lstrip() for v in yaml + lines)
    # Charged as padding (id, ydata, jdata, mdata, title): the score before 2026-12-05.
    charged = [column_score(len(docs), sum(v != v.strip() for v in vs), COSMETIC) for vs in (yaml, lines)]
    assert export_score({"docs": (len(docs), [100.0, charged[0], 100.0, charged[1], 100.0])}) == 60.0
    ran, run_dir = run_export(apps.sequel_serialized)
    loaded_cleanly(ran, run_dir, {"docs": len(docs)})
    assert (ran.code, ran.record["warnings"]) == (0, [])
    # Every column scores 100: the formula with no whitespace cost.
    assert ran.record["quality_before"] == export_score({"docs": (len(docs), [100.0] * 5)}) == 100.0
    found = profiled(run_dir)["columns"]["docs"]
    # Documents since 2026-12-06: loaded byte for byte, no padding counted, nothing audited.
    for column in ("ydata", "mdata"):
        assert (found[column]["line_terminated"], found[column]["layout_kept"]) == (True, True), column
        assert (found[column]["quality"], found[column]["issues"]) == (100.0, []), column
    assert not found["jdata"]["line_terminated"]
    assert ran.values("docs", "ydata", "id") == {j + 1: apps.sequel_yaml(j) for j in docs}
    assert ran.values("docs", "mdata", "id") == {
        j + 1: apps.ruby_base64(apps.sequel_marshal(j)) for j in docs
    }
    assert audited_columns(run_dir) == set()
    # With trim = true: each final newline trimmed, audited, at no cost (YAML and base64 read the same).
    config = "[columns.docs.ydata]\ntrim = true\n[columns.docs.mdata]\ntrim = true\n"
    ran, run_dir = run_export(apps.sequel_serialized, config=config)
    loaded_cleanly(ran, run_dir, {"docs": len(docs)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    found = profiled(run_dir)["columns"]["docs"]
    for column in ("ydata", "mdata"):
        assert {i["kind"]: i["count"] for i in found[column]["issues"]} == {"whitespace": len(docs)}, column
        assert found[column]["quality"] == 100.0, column
        assert audit_rules(run_dir, "docs", column) == {str(j + 1): {"trim"} for j in docs}, column
    assert ran.values("docs", "ydata", "id") == {j + 1: apps.sequel_yaml(j).rstrip("\n") for j in docs}
    marshal = ran.values("docs", "mdata", "id")
    assert {k: base64.b64decode(v) for k, v in marshal.items()} == {
        j + 1: apps.sequel_marshal(j) for j in docs
    }
    assert audit_rules(run_dir, "docs", "jdata") == {}
    assert ran.types("docs") == dict.fromkeys(("ydata", "jdata", "mdata", "title"), "text") | {"id": "bigint"}


def test_graphite_web_keeps_its_events_moments_codes_and_text_keys(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.graphite_web)
    events, series, links = range(24), range(10), range(6)
    tagged = [(e + 1, tag) for e in events for tag in apps.graphite_tags(e)]
    values = {apps.graphite_value(s, t) for s in series for t in ("dc", "rack", "server")}
    loaded_cleanly(
        ran,
        run_dir,
        {
            "django_content_type": 3,
            "auth_user": 4,
            "account_profile": 4,
            "dashboard_dashboard": 5,
            "dashboard_dashboard_owners": 3,
            "events_event": len(events),
            "tagging_tag": len({tag for _, tag in tagged}),
            "tagging_taggeditem": len(tagged),
            "tags_series": len(series),
            "tags_tag": 3,
            "tags_tagvalue": len(values),
            "tags_seriestag": 3 * len(series),
            "url_shortener_link": len(links),
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # Naive UTC text, six fraction digits or none: the moments, as written (no zone to add).
    assert ran.types("events_event")["when"] == "timestamp without time zone"
    assert ran.values("events_event", "when", "id") == {e + 1: apps.graphite_when(e) for e in events}
    assert {rule for rules in audit_rules(run_dir, "events_event", "when").values() for rule in rules} <= {
        "date_format:%Y-%m-%d %H:%M:%S.%f"
    }
    assert ran.types("url_shortener_link")["date_submitted"] == "timestamp without time zone"
    # '' under NOT NULL is the app's "none": NULL, each audited; other text trimmed as any text.
    assert ran.values("events_event", "data", "id") == {
        e + 1: arrives_as(apps.graphite_data(e)) for e in events
    }
    assert ran.values("events_event", "tags", "id") == {
        e + 1: arrives_as(" ".join(apps.graphite_tags(e))) for e in events
    }
    assert ran.values("events_event", "what", "id") == {
        e + 1: arrives_as(apps.graphite_what(e)) for e in events
    }
    assert audit_rules(run_dir, "events_event", "data") == {
        str(e + 1): {"empty_to_null"} for e in events if apps.graphite_data(e) == ""
    }
    # Tag values with leading zeros ('003') beside names ('web003'): text, every one as written.
    assert ran.types("tags_tagvalue")["value"] == "text"
    assert set(ran.values("tags_tagvalue", "value", "id").values()) == values
    assert {"000", "006"} <= values
    assert ran.types("tags_series")["hash"] == "text"
    # A dashboard's key is its name: text, the owners refer to it; the flag is a boolean.
    assert ran.types("dashboard_dashboard")["name"] == ran.types("dashboard_dashboard_owners")["dashboard_id"]
    assert ran.types("dashboard_dashboard")["name"] == "text"
    assert primary_key(ran.uri, ran.record["version_schema"], "dashboard_dashboard") == ["name"]
    assert ran.types("account_profile")["advancedUI"] == ran.types("auth_user")["is_staff"] == "boolean"
    assert ran.values("account_profile", "advancedUI", "id") == {u + 1: u % 2 == 1 for u in range(4)}
    # The generic relation's object_id names rows of whichever table content_type_id says: no reference.
    assert ran.types("tagging_taggeditem")["object_id"] == "bigint"
    assert ran.values("tagging_taggeditem", "object_id", "id") == {
        n + 1: event for n, (event, _) in enumerate(tagged)
    }
    assert references(run_dir) == {
        ("account_profile", "user_id"): "auth_user.id",
        ("dashboard_dashboard_owners", "dashboard_id"): "dashboard_dashboard.name",
        ("dashboard_dashboard_owners", "profile_id"): "account_profile.id",
        ("tagging_taggeditem", "content_type_id"): "django_content_type.id",
        ("tagging_taggeditem", "tag_id"): "tagging_tag.id",
        ("tags_seriestag", "series_id"): "tags_series.id",
        ("tags_seriestag", "tag_id"): "tags_tag.id",
        ("tags_seriestag", "value_id"): "tags_tagvalue.id",
    }


def test_pyload_core_reads_its_epoch_milliseconds_and_keeps_zero_for_none_as_numbers(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.pyload_core)
    packages, keys = range(12), range(3)
    links = [(p, k) for p in packages for k in range(p % 4 + 1)]
    loaded_cleanly(
        ran, run_dir, {"packages": 12, "links": len(links), "storage": 3, "users": 4, "apikeys": 3}
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert any("1 view not loaded ('pstats')" in note for note in ran.record["notes"])
    # A key's creation, epoch milliseconds under a date-like name: the instants, each audited.
    assert ran.types("apikeys")["created_at"] == "timestamp with time zone"
    assert ran.values("apikeys", "created_at", "id") == {
        k + 1: UNIX_EPOCH + timedelta(milliseconds=apps.pyload_created_ms(k)) for k in keys
    }
    assert audit_rules(run_dir, "apikeys", "created_at") == {str(k + 1): {"epoch:milliseconds"} for k in keys}
    # Expiry and last use: milliseconds or 0 for none, kept as written, a note gives the instant.
    raw = {k + 1: apps.pyload_created_ms(k) for k in keys}
    assert ran.types("apikeys")["expires_at"] == ran.types("apikeys")["last_used"] == "bigint"
    assert ran.values("apikeys", "expires_at", "id") == {
        k: 0 if k == 2 else ms + 30 * 86_400_000 for k, ms in raw.items()
    }
    assert ran.values("apikeys", "last_used", "id") == {
        k: 0 if k == 1 else ms + 3_600_000 for k, ms in raw.items()
    }
    for column in ("expires_at", "last_used"):
        notes = _notes(run_dir, "apikeys", column)
        assert any(f'to_timestamp(NULLIF("{column}", 0) / 1000.0)' in note for note in notes), notes
    # Sizes in bytes past 2^31 and status codes: the integers written.
    assert ran.types("links")["size"] == ran.types("links")["status"] == "bigint"
    assert ran.values("links", "size", "id") == {
        n + 1: apps.PYLOAD_SIZES[n % len(apps.PYLOAD_SIZES)] for n in range(len(links))
    }
    assert ran.values("links", "url", "id") == {
        n + 1: apps.pyload_link(p, k)[0] for n, (p, k) in enumerate(links)
    }
    # '' for "no password", "no site", "no error": NULL, each audited; names trimmed as any text.
    assert ran.values("packages", "password", "id") == {
        p + 1: arrives_as(("", "geheim", "pässwörd 🔑")[p % 3]) for p in packages
    }
    assert audit_rules(run_dir, "packages", "password") == {
        str(p + 1): {"empty_to_null"} for p in packages if p % 3 == 0
    }
    assert ran.values("packages", "name", "id") == {
        p + 1: arrives_as(f"{apps.PYLOAD_NAMES[p % len(apps.PYLOAD_NAMES)]} {p}") for p in packages
    }
    # Storage values of every kind (digits among them) share one text column: text, as written.
    assert ran.types("storage")["value"] == "text"
    assert ran.values("storage", "value", "id")[2] == "1796461425"
    assert ran.types("users")["permission"] == "bigint"
    assert references(run_dir) == {("links", "package"): "packages.id", ("apikeys", "user_id"): "users.id"}


def test_mopidy_local_keeps_partial_release_dates_as_written_and_reads_its_epoch_milliseconds(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.mopidy_local)
    albums = 6
    tracks = apps.mopidy_tracks(albums)
    loaded_cleanly(
        ran, run_dir, {"artist": albums + 1, "album": albums, "track": len(tracks), "fts": len(tracks)}
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert any("3 views not loaded ('albums', 'tracks', 'search')" in note for note in ran.record["notes"])
    uris = ran.values("track", "uri", "musicbrainz_id")
    by_mbid = {str(UUID(int=n * 31_337 + 1)): n for n in range(len(tracks))}
    assert set(uris) == set(by_mbid)
    number = {uri: by_mbid[mbid] for mbid, uri in uris.items()}
    # A release date as the tags wrote it: a year, a month or a day. No day is made up: text.
    assert ran.types("track")["date"] == ran.types("album")["date"] == "text"
    dates = ran.values("track", "date", "uri")
    assert dates == {uri: apps.mopidy_date(*tracks[n]) for uri, n in number.items()}
    assert {"1999", "1980-11", "1997-09-22"} <= set(dates.values())
    assert ran.values("album", "date", "name") == {
        apps.MOPIDY_ALBUMS[a]: apps.MOPIDY_DATES[a % len(apps.MOPIDY_DATES)] for a in range(albums)
    }
    # The file's modification time, epoch milliseconds under a date-like name: instants, audited.
    assert ran.types("track")["last_modified"] == "timestamp with time zone"
    assert ran.values("track", "last_modified", "uri") == {
        uri: UNIX_EPOCH + timedelta(milliseconds=apps.mopidy_modified(n)) for uri, n in number.items()
    }
    assert audit_rules(run_dir, "track", "last_modified") == {uri: {"epoch:milliseconds"} for uri in number}
    # Lengths in milliseconds, track numbers, bit rates: the integers written.
    for column in ("length", "track_no", "disc_no", "bitrate"):
        assert ran.types("track")[column] == "bigint", column
    assert ran.values("track", "length", "uri") == {uri: apps.mopidy_length(n) for uri, n in number.items()}
    assert ran.types("track")["musicbrainz_id"] == ran.types("artist")["musicbrainz_id"] == "text"
    assert primary_key(ran.uri, ran.record["version_schema"], "track") == ["uri"]
    # The search index a trigger filled: each track's row, its uri found to be the track's.
    assert set(ran.values("fts", "uri", "uri")) == set(number)
    assert references(run_dir) == {
        ("album", "artists"): "artist.uri",
        ("track", "album"): "album.uri",
        ("track", "artists"): "artist.uri",
        ("track", "composers"): "artist.uri",
        ("track", "performers"): "artist.uri",
        ("fts", "uri"): "track.uri",
    }


def test_jupyter_ystore_keeps_its_updates_byte_for_byte_and_its_real_seconds_to_every_bit(
    run_export: Runner,
) -> None:
    # pycrdt-store's SQLiteYStore (jupyter-collaboration): a log with no key of each document's Yjs
    # updates, empty metadata BLOBs beside JSON ones, time.time() REAL seconds.
    documents, per_document = 6, 5
    ran, run_dir = run_export(apps.jupyter_ystore)
    updates = apps.jupyter_updates(documents, per_document)
    loaded_cleanly(ran, run_dir, {"yupdates": len(updates), "ycheckpoints": 4})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert ran.types("yupdates") == {
        "path": "text",
        "yupdate": "bytea",
        "metadata": "bytea",
        "timestamp": "double precision",
    }
    assert ran.types("ycheckpoints") == {
        "path": "text",
        "checkpoint": "bytea",
        "timestamp": "double precision",
    }
    assert primary_key(ran.uri, ran.record["version_schema"], "ycheckpoints") == ["path"]
    # Every update as stored: the same bytes, b'' metadata still b'' (no NULL), the very double.
    loaded = pg_query(ran.uri, f'SELECT path, yupdate, metadata, "timestamp" FROM "{ran.base}".yupdates')
    assert sorted((p, bytes(u), bytes(m), t) for p, u, m, t in loaded) == sorted(updates)
    assert sum(1 for _, _, m, _ in loaded if bytes(m) == b"") == len(range(0, len(updates), 3))
    assert ran.values("ycheckpoints", "timestamp", "path") == {
        apps.jupyter_document(n): apps.jupyter_update_time(n) + 0.5 for n in range(4)
    }
    for table, column in (("yupdates", "timestamp"), ("yupdates", "metadata"), ("ycheckpoints", "timestamp")):
        assert audit_rules(run_dir, table, column) == {}, (table, column)
    # The REAL seconds stay a double (a timestamptz would round them), and the note's expression
    # gives each update's instant in PostgreSQL: the whole second of update 7 too.
    (note,) = [n for n in profiled(run_dir)["columns"]["yupdates"]["timestamp"]["notes"] if "instant" in n]
    expression = note.split("the instant is ")[1]
    moments = dict(pg_query(ran.uri, f'SELECT "timestamp", {expression} FROM "{ran.base}".yupdates'))
    for _, _, _, seconds in updates:
        expected = UNIX_EPOCH + timedelta(seconds=seconds)
        assert abs(moments[seconds] - expected) <= timedelta(microseconds=1), seconds
    assert moments[1_796_461_288.0] == datetime(2026, 12, 5, 9, 1, 28, tzinfo=UTC)


def test_jupyter_file_ids_keep_their_nanosecond_mtimes_and_flags_as_written(run_export: Runner) -> None:
    # jupyter-server-fileid's file_id.db: st_mtime_ns is finer than a timestamptz (bigint, as written,
    # with a note), crtime NULL throughout (Linux), TINYINT 0/1 flags numbers as MySQL's tinyint(1).
    files = 24
    ran, run_dir = run_export(apps.jupyter_file_ids)
    loaded_cleanly(ran, run_dir, {"Files": files})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert ran.types("Files") == {
        "id": "text",
        "path": "text",
        "ino": "bigint",
        "crtime": "bigint",
        "mtime": "bigint",
        "is_dir": "bigint",
    }
    assert primary_key(ran.uri, ran.record["version_schema"], "Files") == ["id"]
    ids = {apps.jupyter_file_id(n): n for n in range(files)}
    assert ran.values("Files", "path", "id") == {i: apps.jupyter_file_path(n) for i, n in ids.items()}
    assert ran.values("Files", "ino", "id") == {i: apps.jupyter_ino(n) for i, n in ids.items()}
    assert ran.values("Files", "mtime", "id") == {i: apps.jupyter_mtime(n) for i, n in ids.items()}
    assert set(ran.values("Files", "crtime", "id").values()) == {None}
    folders = len(apps.JUPYTER_FOLDERS)
    assert ran.values("Files", "is_dir", "id") == {i: int(n < folders) for i, n in ids.items()}
    assert ran.values("Files", "path", "id")[apps.jupyter_file_id(6)].endswith("notes\u00a06.txt")
    for column in ("path", "mtime", "is_dir"):
        assert audit_rules(run_dir, "Files", column) == {}, column
    # The note's expression gives each file's instant (to the microsecond, give or take one).
    (note,) = [n for n in profiled(run_dir)["columns"]["Files"]["mtime"]["notes"] if "the instant is" in n]
    assert note.startswith("integers are epoch nanoseconds"), note
    expression = note.split("the instant is ")[1]
    moments = dict(pg_query(ran.uri, f'SELECT id, {expression} FROM "{ran.base}"."Files"'))
    for i, n in ids.items():
        expected = UNIX_EPOCH + timedelta(microseconds=apps.jupyter_mtime(n) // 1000)
        assert abs(moments[i] - expected) <= timedelta(microseconds=1), n


def test_testmon_data_keeps_its_bit_flags_integers_even_with_no_value_and_its_checksums_as_bytes(
    run_export: Runner,
) -> None:
    # pytest-testmon's .testmondata after a plain run: `forced BIT` NULL in every row beside `failed
    # BIT` 0/1. Until 2026-12-05 forced loaded as text, and the live text kept the next run's 0/1 text.
    tests = 24
    ran, run_dir = run_export(apps.testmon_data)
    loaded_cleanly(
        ran,
        run_dir,
        {
            "metadata": len(apps.TESTMON_METADATA),
            "environment": len(apps.TESTMON_ENVIRONMENTS),
            "test_execution": tests,
            "file_fp": 5,
            "test_execution_file_fp": 2 * tests,
            "suite_execution_file_fsha": 0,
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert ran.types("test_execution") == {
        "id": "bigint",
        "environment_id": "bigint",
        "test_name": "text",
        "duration": "double precision",
        "failed": "bigint",
        "forced": "bigint",
    }
    assert ran.types("file_fp") == {
        "id": "bigint",
        "filename": "text",
        "method_checksums": "bytea",
        "mtime": "double precision",
        "fsha": "text",
    }
    numbers = range(1, tests + 1)
    assert ran.values("test_execution", "test_name", "id") == {
        n: apps.testmon_test_name(n - 1) for n in numbers
    }
    assert ran.values("test_execution", "duration", "id") == {
        n: apps.testmon_duration(n - 1) for n in numbers
    }
    assert ran.values("test_execution", "failed", "id") == {n: apps.testmon_failed(n - 1) for n in numbers}
    assert set(ran.values("test_execution", "forced", "id").values()) == {None}
    # The escaped parameter as pytest wrote it (a backslash, then xeb), not the letter.
    assert "[Zo\\xeb-" in ran.values("test_execution", "test_name", "id")[1 + 15]
    checksums = ran.values("file_fp", "method_checksums", "id")
    assert {k: bytes(v) for k, v in checksums.items()} == {
        10 + f * 3 + v: apps.testmon_checksums(f, v) for f in range(2) for v in range(2)
    } | {16: apps.testmon_checksums(2, 0)}
    # The JSON numbers testmon bound into `data TEXT`, which SQLite keeps as text: numbers, every digit.
    data = ran.values("metadata", "data", "dataid")
    assert {k: Decimal(str(v)) for k, v in data.items()} == {
        k: Decimal(str(v)) for k, v in apps.TESTMON_METADATA
    }
    # The declared references, and none to the table the file lacks.
    found = references(run_dir)
    assert found[("test_execution", "environment_id")] == "environment.id"
    assert found[("test_execution_file_fp", "test_execution_id")] == "test_execution.id"
    assert found[("test_execution_file_fp", "fingerprint_id")] == "file_fp.id"
    assert ("suite_execution_file_fsha", "suite_execution_id") not in found
    for column in ("failed", "forced", "duration", "test_name"):
        assert audit_rules(run_dir, "test_execution", column) == {}, column


def test_mypy_cache_keeps_its_json_bytes_and_its_real_seconds_as_written(run_export: Runner) -> None:
    # A shard of mypy's SQLite cache: JSON as UTF-8 bytes in a BLOB stays bytes (bytea, byte for
    # byte: no rule reads text out of a BLOB), time.time() REAL seconds every bit with their note.
    ran, run_dir = run_export(apps.mypy_cache)
    entries = [(m, kind) for m in range(len(apps.MYPY_MODULES)) for kind in ("data", "meta", "meta_ex")]
    loaded_cleanly(ran, run_dir, {"files2": len(entries)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert ran.types("files2") == {"path": "text", "mtime": "double precision", "data": "bytea"}
    assert primary_key(ran.uri, ran.record["version_schema"], "files2") == ["path"]
    paths = {apps.mypy_entry_path(m, kind): (e, m, kind) for e, (m, kind) in enumerate(entries)}
    assert ran.values("files2", "mtime", "path") == {p: apps.mypy_mtime(e) for p, (e, _, _) in paths.items()}
    data = {p: bytes(v) for p, v in ran.values("files2", "data", "path").items()}
    assert data == {p: apps.mypy_data(m, kind) for p, (_, m, kind) in paths.items()}
    assert "démonstration \U0001f680" in json.loads(data["pkg/__init__.data.json"])["names"]["__doc__"]
    for column in ("path", "mtime", "data"):
        assert audit_rules(run_dir, "files2", column) == {}, column
    (note,) = [n for n in profiled(run_dir)["columns"]["files2"]["mtime"]["notes"] if "the instant is" in n]
    expression = note.split("the instant is ")[1]
    moments = dict(pg_query(ran.uri, f'SELECT path, {expression} FROM "{ran.base}".files2'))
    for p, (e, _, _) in paths.items():
        expected = UNIX_EPOCH + timedelta(seconds=apps.mypy_mtime(e))
        assert abs(moments[p] - expected) <= timedelta(microseconds=1), p


def test_aim_run_metadata_reads_its_utc_wall_clock_and_joins_runs_tags_and_notes(run_export: Runner) -> None:
    # Aim's run_metadata.sqlite: SQLAlchemy's DATETIME text of datetime.utcnow() (naive, six digits),
    # BOOLEAN 0/1, 24-hex-digit run hashes, UNIQUE (name) declared twice, the declared references.
    runs, notes = 20, 10
    ran, run_dir = run_export(apps.aim_repo)
    loaded_cleanly(
        ran,
        run_dir,
        {
            "alembic_version": 1,
            "experiment": len(apps.AIM_EXPERIMENTS),
            "tag": len(apps.AIM_TAGS),
            "run": runs,
            "run_tag": 13,
            "note": notes,
            "note_audit_log": notes,
            "run_info": 0,
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("run")
    for column in ("created_at", "updated_at", "finalized_at"):
        assert types[column] == "timestamp without time zone", column
    assert (types["is_archived"], types["hash"], types["experiment_id"]) == ("boolean", "text", "bigint")
    assert ran.types("run_info")["created_at"] == "timestamp without time zone"  # no row yet: as declared
    numbers = range(1, runs + 1)
    assert ran.values("run", "created_at", "id") == {r: apps.aim_moment(3 * (r - 1)) for r in numbers}
    # 09:09:03.217603 + 6 x 0.131071 s = 09:09:04.004029, written on the second: .000000
    assert ran.values("run", "created_at", "id")[3] == datetime(2026, 12, 5, 9, 9, 4)
    assert ran.values("run", "finalized_at", "id") == {r: apps.aim_finalized(r - 1) for r in numbers}
    assert ran.values("run", "is_archived", "id") == {r: (r - 1) % 5 == 0 for r in numbers}
    assert ran.values("run", "hash", "id") == {r: apps.aim_run_hash(r - 1) for r in numbers}
    assert ran.values("run", "name", "id") == {r: apps.aim_run_name(r - 1) for r in numbers}
    assert ran.values("tag", "name", "id") == {t + 1: name for t, name in enumerate(apps.AIM_TAGS)}
    assert ran.values("note", "content", "id")[2] == "note 1 café\u00a0crème \U0001f680 détail"
    for column in ("created_at", "updated_at", "finalized_at"):
        rules = {rule for found in audit_rules(run_dir, "run", column).values() for rule in found}
        assert rules <= {"date_format:%Y-%m-%d %H:%M:%S.%f"}, (column, rules)
    found = references(run_dir)
    assert found[("run", "experiment_id")] == "experiment.id"
    assert found[("run_tag", "run_id")] == "run.id"
    assert found[("run_tag", "tag_id")] == "tag.id"
    assert found[("note", "run_id")] == "run.id"
    assert found[("note_audit_log", "note_id")] == "note.id"
    assert primary_key(ran.uri, ran.record["version_schema"], "run_tag") == ["run_id", "tag_id"]


def test_irc_core_backlog_keeps_milliseconds_as_instants_and_a_buffers_type_is_no_reference(
    run_export: Runner,
) -> None:
    # Quassel names no foreign key and glues its names: `senderid` names the sender table (a few of
    # its keys, spread over all of them), `bufferid` the buffers; `buffertype` 1/2/4 beside the
    # buffers' own keys 1..6 is the buffer's kind, no reference of the table to itself.
    ran, run_dir = run_export(apps.irc_core)
    messages = apps.IRC_CORE_MESSAGES
    tables = {
        "quasseluser": 1,
        "sender": 30,
        "network": 1,
        "buffer": len(apps.IRC_CORE_BUFFERS),
        "backlog": messages,
        "coreinfo": 1,
        "user_setting": 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    # The status buffer's '' name stands in the declared UNIQUE (userid, networkid, buffername): the
    # key is loaded as written, its one warning per column (exit 2), as documented.
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    assert [w.split(":")[0] for w in ran.record["warnings"]] == ["buffer.buffername", "buffer.buffercname"]
    assert references(run_dir) == {
        ("backlog", "bufferid"): "buffer.bufferid",
        ("backlog", "senderid"): "sender.senderid",
    }
    types = ran.types("backlog")
    assert types["time"] == "timestamp with time zone"
    for column in ("messageid", "bufferid", "type", "flags", "senderid"):
        assert types[column] == "bigint", column
    assert ran.types("buffer")["buffertype"] == ran.types("buffer")["joined"] == "bigint"
    assert ran.types("user_setting")["settingvalue"] == "bytea"
    # Epoch milliseconds: the documented rule, each cell audited, the very instant Quassel wrote.
    assert ran.values("backlog", "time", "messageid") == {
        i + 1: UNIX_EPOCH + timedelta(milliseconds=apps.irc_core_time(i)) for i in range(messages)
    }
    assert audit_rules(run_dir, "backlog", "time") == {
        str(i + 1): {"epoch:milliseconds"} for i in range(messages)
    }
    assert ran.values("backlog", "type", "messageid") == {
        i + 1: apps.irc_core_backlog(i)[3] for i in range(messages)
    }
    assert ran.values("buffer", "buffername", "bufferid") == {
        b + 1: name for b, (name, _) in enumerate(apps.IRC_CORE_BUFFERS)
    }
    assert ran.values("buffer", "buffertype", "bufferid") == {
        b + 1: kind for b, (_, kind) in enumerate(apps.IRC_CORE_BUFFERS)
    }
    assert ran.values("user_setting", "settingvalue", "userid") == {1: apps.IRC_CORE_SETTING}
    texts = ran.values("backlog", "message", "messageid")
    for i in range(messages):
        written = apps.irc_core_backlog(i)[7]
        assert texts[i + 1] == (written or None), i


def test_finance_book_keeps_a_status_its_check_lists_as_codes_and_amounts_to_the_cent(
    run_export: Runner,
) -> None:
    # Skrooge's operation status is N (none), P (pointed) or Y (reconciled), as its CHECK says: a book
    # with nothing pointed holds N and Y only, no boolean (the first P would have been quarantined).
    ran, run_dir = run_export(apps.finance_book)
    operations = apps.FINANCE_OPERATIONS
    tables = {
        "account": 2,
        "payee": len(apps.FINANCE_PAYEES),
        "category": len(apps.FINANCE_CATEGORIES),
        "operation": operations,
        "suboperation": operations,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("operation")
    assert types["t_status"] == "text"
    assert types["t_number"] == types["t_import_id"] == "text"
    assert types["d_date"] == "date"
    assert types["d_createdate"] == "timestamp without time zone"
    assert ran.types("suboperation")["f_value"] == "double precision"
    assert ran.values("operation", "t_status", "id") == {
        i + 1: apps.finance_operation(i)[8] for i in range(operations)
    }
    assert audit_rules(run_dir, "operation", "t_status") == {}
    # Cheque numbers keep their zeros; '' where none is the documented blank rule (NULL, audited).
    assert ran.values("operation", "t_number", "id") == {
        i + 1: apps.finance_operation(i)[2] or None for i in range(operations)
    }
    assert ran.values("operation", "d_date", "id") == {i + 1: apps.finance_day(i) for i in range(operations)}
    # The REAL Skrooge stored, bit for bit: Python's float of the cents over 100.
    assert ran.values("suboperation", "f_value", "id") == {
        i + 1: apps.finance_cents(i) / 100 for i in range(operations)
    }
    # Each operation names its account and payee (0 for none: no orphan), each line its operation.
    found = references(run_dir)
    assert found[("suboperation", "rd_operation_id")] == "operation.id"
    assert found[("operation", "rd_account_id")] == "account.id"
    assert found[("operation", "r_payee_id")] == "payee.id"
    payee = profiled(run_dir)["columns"]["operation"]["r_payee_id"]
    assert payee["no_reference_count"] == sum(
        1 for i in range(operations) if apps.finance_operation(i)[6] == 0
    )


def test_photo_library_keeps_glib_timespans_as_numbers_and_reads_unix_seconds(run_export: Runner) -> None:
    # darktable counts its images' dates in microseconds since 0001-01-01 (GLib's GTimeSpan): no Unix
    # epoch of any unit, so they stay the numbers they are, every digit; the film roll's access time
    # is Unix seconds, the documented epoch rule (audited).
    ran, run_dir = run_export(apps.photo_library)
    images = apps.PHOTO_IMAGES
    loaded_cleanly(ran, run_dir, {"db_info": 1, "film_rolls": 1, "images": images, "meta_data": images})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("images")
    for column in ("datetime_taken", "import_timestamp", "change_timestamp", "position", "flags"):
        assert types[column] == "bigint", column
    for column in ("exposure", "aperture", "iso", "focal_length", "aspect_ratio"):
        assert types[column] == "double precision", column
    assert types["color_matrix"] == "bytea"
    assert ran.types("film_rolls")["access_timestamp"] == "timestamp with time zone"
    assert ran.values("images", "datetime_taken", "id") == {i + 1: apps.photo_taken(i) for i in range(images)}
    assert ran.values("images", "import_timestamp", "id") == {
        i + 1: apps.photo_imported(i) for i in range(images)
    }
    assert ran.values("images", "position", "id") == {i + 1: (i + 1) << 32 for i in range(images)}
    assert ran.values("images", "exposure", "id") == {i + 1: 1 / (100 + i) for i in range(images)}
    assert ran.values("images", "color_matrix", "id") == {
        i + 1: apps.photo_image(i)[15] for i in range(images)
    }
    for column in ("datetime_taken", "import_timestamp", "change_timestamp"):
        assert audit_rules(run_dir, "images", column) == {}, column
    # The operator's reading of a GTimeSpan, in PostgreSQL, gives the EXIF date to the microsecond.
    taken = dict(
        pg_query(
            ran.uri,
            "SELECT id, timestamptz '0001-01-01 00:00:00+00' + datetime_taken * interval '1 microsecond' "
            f'FROM "{ran.base}".images WHERE datetime_taken IS NOT NULL',
        )
    )
    sixth = apps.photo_taken(5)
    assert sixth is not None
    assert taken[6] == UNIX_EPOCH + timedelta(microseconds=sixth - apps.GTIMESPAN_UNIX_SECONDS * 1_000_000)
    assert ran.values("film_rolls", "access_timestamp", "id") == {
        1: UNIX_EPOCH + timedelta(seconds=apps.PHOTO_ACCESSED)
    }
    assert audit_rules(run_dir, "film_rolls", "access_timestamp") == {"1": {"epoch:seconds"}}
    assert references(run_dir) == {
        ("images", "film_id"): "film_rolls.id",
        ("images", "group_id"): "images.id",
    }


def test_django_q2_keeps_its_pickled_tasks_as_written_and_reads_its_django_datetimes_and_flags(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.django_q2)
    tasks, schedules, queued = 24, 12, 4
    loaded_cleanly(
        ran, run_dir, {"django_q_task": tasks, "django_q_schedule": schedules, "django_q_ormq": queued}
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("django_q_task")
    # The 32-hex-digit task ids: text keys, and a schedule's last task found to name one.
    assert types["id"] == "text"
    assert primary_key(ran.uri, ran.record["version_schema"], "django_q_task") == ["id"]
    assert references(run_dir) == {("django_q_schedule", "task"): "django_q_task.id"}
    ids = {apps.django_q_id(n): n for n in range(tasks)}
    # Each pickle in base64 (padding and all) as written; unpickled, the task's own values.
    for column in ("args", "kwargs", "result", "name", "func", "hook", "group", "cluster"):
        assert types[column] == "text", column
    for column, part in (("args", 0), ("kwargs", 1), ("result", 2)):
        cells = ran.values("django_q_task", column, "id")
        assert cells == {i: apps.django_q_pickle(apps.django_q_task_values(n)[part]) for i, n in ids.items()}
        assert {i: pickle.loads(base64.b64decode(v)) for i, v in cells.items()} == {
            i: apps.django_q_task_values(n)[part] for i, n in ids.items()
        }
    # Django's datetime text of naive UTC, with six fraction digits or none on a whole second.
    assert types["started"] == types["stopped"] == "timestamp without time zone"
    assert ran.values("django_q_task", "started", "id") == {
        i: apps.django_q_started(n) for i, n in ids.items()
    }
    whole = {i for i, n in ids.items() if apps.django_q_started(n).microsecond == 0}
    assert whole and set(audit_rules(run_dir, "django_q_task", "started")) == set(ids) - whole
    # success bool 0/1: booleans, each audited; attempt counts integers.
    assert types["success"] == "boolean" and types["attempt_count"] == "bigint"
    assert ran.values("django_q_task", "success", "id") == {
        i: apps.django_q_task_values(n)[3] for i, n in ids.items()
    }
    # Schedules: type codes, cron expressions and the arguments' repr as text, minutes and repeats
    # integers, a cron schedule's next run on a whole minute.
    kinds = [apps.DJANGO_Q_TYPES[s % 10] for s in range(schedules)]
    stypes = ran.types("django_q_schedule")
    assert stypes["schedule_type"] == stypes["cron"] == stypes["args"] == stypes["task"] == "text"
    assert stypes["minutes"] == stypes["repeats"] == "bigint"
    assert stypes["next_run"] == "timestamp without time zone"
    assert ran.values("django_q_schedule", "schedule_type", "id") == {s + 1: k for s, k in enumerate(kinds)}
    assert ran.values("django_q_schedule", "cron", "id") == {
        s + 1: apps.DJANGO_Q_CRON[s % 2] if k == "C" else None for s, k in enumerate(kinds)
    }
    assert ran.values("django_q_schedule", "repeats", "id") == {
        s + 1: (-1, 0, 3, 10)[s % 4] for s in range(schedules)
    }
    assert ran.values("django_q_schedule", "next_run", "id") == {
        s + 1: apps.django_q_next_run(s) for s in range(schedules)
    }
    assert ran.values("django_q_schedule", "args", "id") == {
        s + 1: apps.django_q_schedule_args(s) for s in range(schedules)
    }
    assert ran.values("django_q_schedule", "kwargs", "id") == {
        s + 1: ("{'x': 1}", "{}", None)[s % 3] for s in range(schedules)
    }
    assert ran.values("django_q_schedule", "name", "id") == {
        s + 1: arrives_as(f"schedule {s} {FREE_TEXT[s % len(FREE_TEXT)][:40]}") for s in range(schedules)
    }
    # The queued payloads as written, and their lock times.
    assert ran.types("django_q_ormq")["lock"] == "timestamp without time zone"
    assert ran.values("django_q_ormq", "payload", "id") == {
        q + 1: apps.django_q_pickle(
            {"id": apps.django_q_id(tasks + q), "func": apps.DJANGO_Q_FUNCS[q % 4], "args": (q,)}
        )
        for q in range(queued)
    }


def test_django_celery_keeps_json_results_and_cron_fields_as_written_and_reads_solar_decimals_as_amounts(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.django_celery)
    results, periodic, groups = 24, 12, 3
    beat, res = "django_celery_beat_", "django_celery_results_"
    tables = {
        f"{beat}crontabschedule": len(apps.CELERY_BEAT_CRONTABS),
        f"{beat}intervalschedule": len(apps.CELERY_BEAT_INTERVALS),
        f"{beat}solarschedule": len(apps.CELERY_BEAT_SOLAR),
        f"{beat}clockedschedule": 3,
        f"{beat}periodictask": periodic,
        f"{beat}periodictasks": 1,
        f"{res}taskresult": results,
        f"{res}groupresult": groups,
        f"{res}chordcounter": 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # Results: JSON text of any kind (a number, a string, an object) and the JSON string of a Python
    # repr for the arguments, as written; a failure's traceback loses its final newline, audited.
    task = f"{res}taskresult"
    types = ran.types(task)
    for column in (
        "task_id",
        "result",
        "task_args",
        "task_kwargs",
        "traceback",
        "meta",
        "periodic_task_name",
    ):
        assert types[column] == "text", column
    written = {n + 1: apps.django_celery_result(n) for n in range(results)}
    assert ran.values(task, "result", "id") == {k: r[1] for k, r in written.items()}
    assert ran.values(task, "task_args", "id") == {k: r[3] for k, r in written.items()}
    assert ran.values(task, "task_kwargs", "id") == {k: r[4] for k, r in written.items()}
    assert ran.values(task, "traceback", "id") == {k: arrives_as(r[2]) for k, r in written.items()}
    assert audit_rules(run_dir, task, "traceback") == {str(k): {"trim"} for k, r in written.items() if r[2]}
    assert ran.values(task, "periodic_task_name", "id") == {
        n + 1: arrives_as(apps.django_celery_task_name(n % periodic)) if n % 3 == 1 else None
        for n in range(results)
    }
    # Django's datetime text, with six fraction digits or none: timestamps.
    assert types["date_created"] == types["date_done"] == "timestamp without time zone"
    assert ran.values(task, "date_created", "id") == {
        n + 1: apps.django_celery_moment(n) for n in range(results)
    }
    # Cron fields are expressions: text, '00' and '01' as written.
    cron = f"{beat}crontabschedule"
    for place, column in enumerate(("minute", "hour", "day_of_week", "day_of_month", "month_of_year")):
        assert ran.types(cron)[column] == "text", column
        assert ran.values(cron, column, "id") == {
            c + 1: fields[place] for c, fields in enumerate(apps.CELERY_BEAT_CRONTABS)
        }
    # DecimalField(9, 6) text stored as REAL by NUMERIC affinity (0 as INTEGER): amounts at 6 places,
    # the very text Django bound (the driver gives numeric as text).
    solar = f"{beat}solarschedule"
    declared = pg_column_types(ran.uri, ran.record["version_schema"], solar)
    assert declared["latitude"] == declared["longitude"] == "numeric(18,6)"
    for place, column in ((1, "latitude"), (2, "longitude")):
        assert ran.values(solar, column, "id") == {
            s + 1: str(Decimal(fields[place]).quantize(Decimal("0.000001")))
            for s, fields in enumerate(apps.CELERY_BEAT_SOLAR)
        }
    # Periodic tasks: flags booleans, counts integers, JSON text as written, each schedule declared.
    ptask = f"{beat}periodictask"
    ptypes = ran.types(ptask)
    assert ptypes["enabled"] == ptypes["one_off"] == "boolean"
    assert ptypes["total_run_count"] == ptypes["priority"] == ptypes["expire_seconds"] == "bigint"
    assert ptypes["last_run_at"] == ptypes["expires"] == "timestamp without time zone"
    assert ran.values(ptask, "enabled", "id") == {t + 1: t % 7 != 0 for t in range(periodic)}
    assert ran.values(ptask, "last_run_at", "id") == {
        t + 1: apps.django_celery_moment(200 + t) if t % 4 != 3 else None for t in range(periodic)
    }
    assert ran.values(ptask, "headers", "id")[2] == '{"x-tenant": "t001"}'
    assert ran.values(f"{beat}intervalschedule", "period", "every") == dict(apps.CELERY_BEAT_INTERVALS)
    assert references(run_dir) == {
        (ptask, f"{kind}_id"): f"{beat}{kind}schedule.id"
        for kind in ("crontab", "interval", "solar", "clocked")
    }


def test_flask_appbuilder_app_reads_its_float_bound_numerics_as_amounts_and_keeps_blobs_times_and_codes(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.flask_appbuilder_app)
    employees = 24
    tables = {"ab_role": 2, "ab_user": 3, "ab_user_role": 3, "ab_register_user": 1, "ab_api_key": 6}
    tables["department"] = 4
    loaded_cleanly(ran, run_dir, {**tables, "employee": employees})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("employee")
    declared = pg_column_types(ran.uri, ran.record["version_schema"], "employee")
    # Numeric(10, 2) and (12, 4) bound as floats, stored REAL (INTEGER when whole): amounts at their
    # places, the very Decimal the app had (the driver gives numeric as text).
    assert (declared["salary"], declared["rate"]) == ("numeric(18,2)", "numeric(18,4)")
    assert ran.values("employee", "salary", "id") == {
        e + 1: None if (v := apps.fab_salary(e)) is None else str(v.quantize(Decimal("0.01")))
        for e in range(employees)
    }
    assert ran.values("employee", "rate", "id") == {
        e + 1: str(apps.fab_rate(e).quantize(Decimal("0.0001"))) for e in range(employees)
    }
    assert types["score"] == "double precision"
    # DATE text as dates, DATETIME text (six fraction digits always) as timestamps, each audited.
    assert types["birth_date"] == "date"
    assert types["hired_at"] == types["created_on"] == "timestamp without time zone"
    assert ran.values("employee", "hired_at", "id") == {e + 1: apps.fab_hired(e) for e in range(employees)}
    assert set(audit_rules(run_dir, "employee", "hired_at")) == {
        str(e + 1) for e in range(employees) if apps.fab_hired(e) is not None
    }
    # A TIME stays text as written (no rule reads a time of day); BLOBs byte for byte, empty ones too.
    assert types["shift_start"] == "time without time zone"  # since 2026-12-06, each value its time
    assert ran.values("employee", "shift_start", "id") == {
        e + 1: as_time(apps.fab_shift(e)) for e in range(employees)
    }
    assert types["photo"] == "bytea"
    photos = {k: None if v is None else bytes(v) for k, v in ran.values("employee", "photo", "id").items()}
    assert photos == {e + 1: apps.fab_photo(e) for e in range(employees)}
    assert b"" in photos.values()
    # Codes keep their zeros; an Enum's names and a flag as such; BIGINT past 2^40 exactly.
    assert types["employee_no"] == ran.types("department")["code"] == types["status"] == "text"
    assert ran.values("employee", "employee_no", "id")[2] == "000001"
    assert ran.values("department", "code", "id") == {
        d + 1: c for d, (_, c) in enumerate(apps.FAB_DEPARTMENTS)
    }
    assert ran.values("employee", "status", "id") == {e + 1: apps.FAB_STATUS[e % 4] for e in range(employees)}
    assert types["active"] == ran.types("ab_user")["active"] == "boolean"
    assert ran.values("employee", "active", "id") == {e + 1: e % 4 != 0 for e in range(employees)}
    assert types["badge"] == "bigint"
    assert ran.values("employee", "badge", "id") == {
        e + 1: 2**40 + e * 1_000_003 if e % 3 else None for e in range(employees)
    }
    # The audit mixin's users, the user table's own creator, roles: every declared reference.
    assert ran.values("ab_user", "login_count", "username") == {"admin": 2, "bob": 1, "user0": None}
    # API keys: their moments as timestamps (a last use too: text, no epoch), the one prefix as text.
    keys = ran.types("ab_api_key")
    assert keys["expires_on"] == keys["last_used_on"] == keys["revoked_on"] == "timestamp without time zone"
    assert ran.values("ab_api_key", "expires_on", "id") == {k + 1: apps.fab_key_expiry(k) for k in range(6)}
    assert ran.values("ab_api_key", "last_used_on", "id") == {
        k + 1: apps.fab_moment(3200 + k) if k % 3 == 0 else None for k in range(6)
    }
    assert keys["key_prefix"] == keys["uuid"] == keys["lookup_hash"] == "text"
    assert set(ran.values("ab_api_key", "key_prefix", "id").values()) == {"sst_"}
    assert references(run_dir) == {
        ("ab_api_key", "user_id"): "ab_user.id",
        ("ab_user", "created_by_fk"): "ab_user.id",
        ("ab_user", "changed_by_fk"): "ab_user.id",
        ("ab_user_role", "user_id"): "ab_user.id",
        ("ab_user_role", "role_id"): "ab_role.id",
        ("employee", "department_id"): "department.id",
        ("employee", "created_by_fk"): "ab_user.id",
        ("employee", "changed_by_fk"): "ab_user.id",
    }


def test_archivebox_keeps_its_snapshots_second_keys_as_numbers_the_note_reads_as_instants(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.archivebox_index)
    snapshots = range(12)
    extractors = apps.ARCHIVEBOX_EXTRACTORS
    tagged = [(s, t) for s in snapshots for t in range(len(apps.ARCHIVEBOX_TAGS)) if (s + t) % 3 == 0]
    loaded_cleanly(
        ran,
        run_dir,
        {
            "core_snapshot": len(snapshots),
            "core_tag": len(apps.ARCHIVEBOX_TAGS),
            "core_snapshot_tags": len(tagged),
            "core_archiveresult": len(snapshots) * len(extractors),
        },
    )
    # A tag of no ASCII letter has the slug '' under NOT NULL UNIQUE: that key is loaded as written
    # (its '' kept, no quality lost), the one warning, exit 2.
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    assert [w.split(":")[0] for w in ran.record["warnings"]] == ["core_tag.slug"], ran.record["warnings"]
    assert "loaded as written" in ran.record["warnings"][0]
    assert ran.values("core_tag", "slug", "id") == {
        t + 1: slug for t, (_, slug) in enumerate(apps.ARCHIVEBOX_TAGS)
    }
    assert profiled(run_dir)["quality"] == 100
    # str(time.time()) in a VARCHAR(32), an imported bookmark's whole second '1497562974.0' among them:
    # decimal text, numeric, each value as written; the note gives the instant, to the microsecond.
    snapshot_types = ran.types("core_snapshot")
    assert snapshot_types["timestamp"] == "numeric"
    ids = {hashlib.md5(f"snapshot {s}".encode()).hexdigest(): s for s in snapshots}
    seconds = ran.values("core_snapshot", "timestamp", "id")
    assert {ids[k]: Decimal(v) for k, v in seconds.items()} == {
        s: Decimal(apps.archivebox_timestamp(s)) for s in snapshots
    }
    assert audit_rules(run_dir, "core_snapshot", "timestamp") == {}
    (note,) = [n for n in _notes(run_dir, "core_snapshot", "timestamp") if "the instant is" in n]
    assert note.endswith(
        'kept as numbers (numeric), every value as written; the instant is to_timestamp("timestamp")'
    )
    relation = f"{quote_ident(ran.base)}.core_snapshot"
    instants = dict(pg_query(ran.uri, f'SELECT id, to_timestamp("timestamp") FROM {relation}'))
    for key, s in ids.items():
        expected = UNIX_EPOCH + timedelta(microseconds=int(Decimal(apps.archivebox_timestamp(s)) * 1_000_000))
        assert instants[key] == expected, s
    assert instants[hashlib.md5(b"snapshot 3").hexdigest()] == datetime(2017, 8, 5, 21, 42, 54, tzinfo=UTC)
    # Django's naive UTC text of six fraction digits: timestamps, as written.
    assert snapshot_types["added"] == snapshot_types["updated"] == "timestamp without time zone"
    result_types = ran.types("core_archiveresult")
    assert result_types["start_ts"] == result_types["end_ts"] == "timestamp without time zone"
    started = ran.values("core_archiveresult", "start_ts", "id")
    assert started == {
        s * len(extractors) + e + 1: apps.archivebox_started(s, e)
        for s in snapshots
        for e in range(len(extractors))
    }
    # The command as JSON text, the folder named by the timestamp, the output or the error: as written.
    cmds = ran.values("core_archiveresult", "cmd", "id")
    assert json.loads(cmds[1]) == ["curl", "--silent", "--max-time", "10", apps.archivebox_url(0)]
    pwd = ran.values("core_archiveresult", "pwd", "id")
    assert pwd[4 * len(extractors)] == "/data/archive/1501969374.0"
    outputs = ran.values("core_archiveresult", "output", "id")
    assert outputs == {
        s * len(extractors) + e + 1: arrives_as(apps.archivebox_output(s, x))
        for s in snapshots
        for e, x in enumerate(extractors)
    }
    assert ran.values("core_snapshot", "title", "id") == {
        key: arrives_as(apps.archivebox_title(s)) for key, s in ids.items()
    }
    for column in ("id", "url"):
        assert snapshot_types[column] == "text", column
    assert result_types["uuid"] == result_types["snapshot_id"] == "text"
    assert primary_key(ran.uri, ran.record["version_schema"], "core_snapshot") == ["id"]
    assert references(run_dir) == {
        ("core_snapshot_tags", "snapshot_id"): "core_snapshot.id",
        ("core_snapshot_tags", "tag_id"): "core_tag.id",
        ("core_archiveresult", "snapshot_id"): "core_snapshot.id",
    }


def test_pretalx_keeps_review_scores_as_exact_decimals_and_its_answers_as_written(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.pretalx_event)
    submissions, reviewers, questions = range(18), range(3), range(len(apps.PRETALX_QUESTIONS))
    reviews = [(s, u) for s in submissions for u in reviewers]
    answers = [(s, q) for s in submissions for q in questions if apps.pretalx_answer(s, q) is not None]
    scheduled = [s for s in submissions if apps.PRETALX_STATES[s % 6] in ("accepted", "confirmed")]
    loaded_cleanly(
        ran,
        run_dir,
        {
            "event_event": 1,
            "person_user": 6,
            "submission_submissiontype": 2,
            "submission_submission": len(submissions),
            "submission_question": len(questions),
            "submission_answer": len(answers),
            "submission_reviewscorecategory": 2,
            "submission_reviewscore": 7,
            "submission_review": len(reviews),
            "submission_review_scores": sum(len(apps.pretalx_review_scores(r)) for r in range(len(reviews))),
            "schedule_room": 2,
            "schedule_schedule": 2,
            "schedule_talkslot": 2 * len(scheduled),
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # A FileField writes '' for no file in a nullable column of a table whose only NULLs fill columns
    # in every row (person_id, review_id: answers to questions about submissions): '' is the table's
    # one way of writing none beside values, and costs nothing (docs/profiling.md, "Quality score";
    # until 2026-12-05 the only column below 100). Each '' is still made NULL and audited.
    below = {
        (table, name)
        for table, columns in profiled(run_dir)["columns"].items()
        for name, column in columns.items()
        if column["quality"] < 100
    }
    assert below == set()
    assert profiled(run_dir)["columns"]["submission_answer"]["answer_file"]["blank_is_missing"]
    assert len(audit_rules(run_dir, "submission_answer", "answer_file")) == sum(
        1 for _, q in answers if apps.PRETALX_QUESTIONS[q][0] != "file"
    )
    assert ran.record["quality_after"] == 100
    # Django binds each Decimal as its text under a bare `decimal` (NUMERIC affinity): INTEGER or REAL
    # cells, 0.375 where the display rounds to 0.38. Amounts, numeric, every digit SQLite holds.
    for table, column in [
        ("submission_review", "score"),
        ("submission_reviewscore", "value"),
        ("submission_reviewscorecategory", "weight"),
    ]:
        assert ran.types(table)[column] == "numeric", (table, column)
    scores = ran.values("submission_review", "score", "id")
    assert {k: Decimal(v) for k, v in scores.items()} == {
        r + 1: apps.pretalx_review_score(r) for r in range(len(reviews))
    }
    assert Decimal("0.375") in {Decimal(v) for v in scores.values()}
    values = [value for category in apps.PRETALX_SCORES for value in category]
    assert {k: Decimal(v) for k, v in ran.values("submission_reviewscore", "value", "id").items()} == {
        i + 1: value for i, value in enumerate(values)
    }
    weights = ran.values("submission_reviewscorecategory", "weight", "id")
    assert {k: Decimal(v) for k, v in weights.items()} == {
        c + 1: w for c, w in enumerate(apps.PRETALX_WEIGHTS)
    }
    assert audit_rules(run_dir, "submission_review", "score") == {}
    # Every answer is text whatever its question's variant (a number, a date, an aware datetime in
    # UTC, True, a name with leading zeros): as written, trimmed as any text.
    assert ran.types("submission_answer")["answer"] == "text"
    assert ran.values("submission_answer", "answer", "id") == {
        n + 1: arrives_as(apps.pretalx_answer(s, q)) for n, (s, q) in enumerate(answers)
    }
    assert {"00123", "1246.75", "True"} <= set(ran.values("submission_answer", "answer", "id").values())
    # The file field's '' for no file is NULL, each audited.
    files = ran.values("submission_answer", "answer_file", "id")
    assert {n + 1 for n, (_, q) in enumerate(answers) if apps.PRETALX_QUESTIONS[q][0] != "file"} == {
        k for k, v in files.items() if v is None
    }
    assert audit_rules(run_dir, "submission_answer", "answer_file") == {
        str(n + 1): {"empty_to_null"}
        for n, (_, q) in enumerate(answers)
        if apps.PRETALX_QUESTIONS[q][0] != "file"
    }
    # Talk slots in naive UTC text: timestamps; an unscheduled slot's start and end NULL.
    slot_types = ran.types("schedule_talkslot")
    assert slot_types["start"] == slot_types["end"] == "timestamp without time zone"
    starts = ran.values("schedule_talkslot", "start", "id")
    assert starts == {n + 1: apps.pretalx_slot_start(s) for n, s in enumerate(scheduled * 2)}
    assert ran.types("event_event")["date_from"] == ran.types("event_event")["date_to"] == "date"
    assert ran.values("event_event", "date_from", "id") == {1: apps.PRETALX_FROM}
    # Codes of pretalx's alphabet and its tokens: text; the review code's UNIQUE allows NULLs.
    submission_types = ran.types("submission_submission")
    for column in ("code", "invitation_token", "review_code", "state", "pending_state"):
        assert submission_types[column] == "text", column
    assert ran.values("submission_submission", "code", "id") == {
        s + 1: apps.pretalx_code(s) for s in submissions
    }
    assert ran.types("submission_submission")["do_not_record"] == "boolean"
    assert references(run_dir) == {
        ("submission_submissiontype", "event_id"): "event_event.id",
        ("submission_submission", "event_id"): "event_event.id",
        ("submission_submission", "submission_type_id"): "submission_submissiontype.id",
        ("submission_question", "event_id"): "event_event.id",
        ("submission_answer", "question_id"): "submission_question.id",
        ("submission_answer", "submission_id"): "submission_submission.id",
        ("submission_answer", "person_id"): "person_user.id",
        ("submission_answer", "review_id"): "submission_review.id",
        ("submission_reviewscorecategory", "event_id"): "event_event.id",
        ("submission_reviewscore", "category_id"): "submission_reviewscorecategory.id",
        ("submission_review", "submission_id"): "submission_submission.id",
        ("submission_review", "user_id"): "person_user.id",
        ("submission_review_scores", "review_id"): "submission_review.id",
        ("submission_review_scores", "reviewscore_id"): "submission_reviewscore.id",
        ("schedule_room", "event_id"): "event_event.id",
        ("schedule_schedule", "event_id"): "event_event.id",
        ("schedule_talkslot", "room_id"): "schedule_room.id",
        ("schedule_talkslot", "schedule_id"): "schedule_schedule.id",
        ("schedule_talkslot", "submission_id"): "submission_submission.id",
    }


def test_spirit_forum_keeps_markdown_and_its_html_as_written_and_its_polls_moments(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.spirit_forum)
    topics, users = range(8), len(apps.SPIRIT_USERS)
    comments = apps.spirit_comments(len(topics))
    polls = [t for t in topics if t % 2 == 0]
    tables = {
        "auth_user": users,
        "spirit_user_userprofile": users,
        "spirit_category_category": len(apps.SPIRIT_CATEGORIES),
        "spirit_topic_topic": len(topics),
        "spirit_comment_comment": len(comments),
        "spirit_comment_like_commentlike": sum(1 for _, r, action in comments if not action and r % 2),
        "spirit_comment_poll_commentpoll": len(polls),
        "spirit_comment_poll_commentpollchoice": 3 * len(polls),
        "spirit_comment_poll_commentpollvote": sum(p % 3 + 2 for p in range(len(polls))),
        "spirit_comment_bookmark_commentbookmark": 2 * len(topics),
        "spirit_topic_notification_topicnotification": sum(1 for c in comments if not c[2]),
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # '' for no description, colour, poll title or post hash, under NOT NULL: the one way left, free.
    assert profiled(run_dir)["quality"] == 100
    # Markdown and the HTML rendered of it, newlines, a poll's tag, NBSP and emoji: text as written.
    types = ran.types("spirit_comment_comment")
    assert types["comment"] == types["comment_html"] == "text"
    assert ran.values("spirit_comment_comment", "comment", "id") == {
        n + 1: apps.spirit_markdown(t, r, action)[0] for n, (t, r, action) in enumerate(comments)
    }
    assert ran.values("spirit_comment_comment", "comment_html", "id") == {
        n + 1: apps.spirit_markdown(t, r, action)[1] for n, (t, r, action) in enumerate(comments)
    }
    assert audit_rules(run_dir, "spirit_comment_comment", "comment") == {}
    assert audit_rules(run_dir, "spirit_comment_comment", "comment_html") == {}
    # Action codes stay integers (0 a comment, 2 a topic closed); Django's naive UTC text: timestamps.
    assert types["action"] == "bigint"
    assert ran.values("spirit_comment_comment", "action", "id") == {
        n + 1: action for n, (_, _, action) in enumerate(comments)
    }
    assert types["date"] == "timestamp without time zone"
    poll_types = ran.types("spirit_comment_poll_commentpoll")
    assert poll_types["close_at"] == poll_types["created_at"] == "timestamp without time zone"
    assert ran.values("spirit_comment_poll_commentpoll", "close_at", "id") == {
        p + 1: apps.spirit_close_at(t) for p, t in enumerate(polls)
    }
    assert audit_rules(run_dir, "spirit_comment_poll_commentpoll", "title") == {
        str(p + 1): {"empty_to_null"} for p in range(len(polls))
    }
    assert ran.values("spirit_comment_poll_commentpollchoice", "description", "id") == {
        3 * p + n + 1: choice for p in range(len(polls)) for n, choice in enumerate(apps.SPIRIT_POLL_CHOICES)
    }
    profile_types = ran.types("spirit_user_userprofile")
    assert profile_types["notify"] == "bigint"
    assert profile_types["is_moderator"] == ran.types("spirit_category_category")["is_private"] == "boolean"
    assert ran.values("spirit_category_category", "parent_id", "id") == {
        c + 1: parent for c, (*_, parent) in enumerate(apps.SPIRIT_CATEGORIES)
    }
    assert references(run_dir) == {
        ("spirit_user_userprofile", "user_id"): "auth_user.id",
        ("spirit_category_category", "parent_id"): "spirit_category_category.id",
        ("spirit_topic_topic", "category_id"): "spirit_category_category.id",
        ("spirit_topic_topic", "user_id"): "auth_user.id",
        ("spirit_comment_comment", "topic_id"): "spirit_topic_topic.id",
        ("spirit_comment_comment", "user_id"): "auth_user.id",
        ("spirit_comment_like_commentlike", "comment_id"): "spirit_comment_comment.id",
        ("spirit_comment_like_commentlike", "user_id"): "auth_user.id",
        ("spirit_comment_poll_commentpoll", "comment_id"): "spirit_comment_comment.id",
        ("spirit_comment_poll_commentpollchoice", "poll_id"): "spirit_comment_poll_commentpoll.id",
        ("spirit_comment_poll_commentpollvote", "choice_id"): "spirit_comment_poll_commentpollchoice.id",
        ("spirit_comment_poll_commentpollvote", "voter_id"): "auth_user.id",
        ("spirit_comment_bookmark_commentbookmark", "topic_id"): "spirit_topic_topic.id",
        ("spirit_comment_bookmark_commentbookmark", "user_id"): "auth_user.id",
        ("spirit_topic_notification_topicnotification", "comment_id"): "spirit_comment_comment.id",
        ("spirit_topic_notification_topicnotification", "topic_id"): "spirit_topic_topic.id",
        ("spirit_topic_notification_topicnotification", "user_id"): "auth_user.id",
    }


def test_nocodb_base_reads_its_fields_types_and_finds_its_links(run_export: Runner) -> None:
    # A NocoDB base in NocoDB's SQLite metadata database: every field type's storage (Decimal as REAL in
    # `decimal`, Currency in `double precision`, Duration's seconds in `decimal`, Date text, DateTime
    # text with +00:00, Time text, Checkbox 0/1, JSON and Attachment JSON text, `year`), links kept in
    # `<prefix><table>_id` and an m2m table no FOREIGN KEY declares, knex's epoch-millisecond migrations.
    orders, p = 30, apps.NOCODB_PREFIX
    ran, run_dir = run_export(apps.nocodb_base)
    links = f"{p}nc_m2m_customers_orders"
    pairs = [
        (o, c) for o in range(0, orders, 2) for c in range(len(apps.NOCODB_CUSTOMERS)) if (o + c) % 4 == 0
    ]
    loaded_cleanly(
        ran,
        run_dir,
        {
            "xc_knex_migrationsv2": len(apps.NOCODB_MIGRATIONS),
            f"{p}customers": len(apps.NOCODB_CUSTOMERS),
            f"{p}orders": orders,
            links: len(pairs),
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types(f"{p}orders")
    assert {c: types[c] for c in ("created_at", "happened", "due", "startsat", "done", "code", "phone")} == {
        "created_at": "timestamp with time zone",
        "happened": "timestamp with time zone",
        "due": "date",
        "startsat": "time without time zone",  # a Time field, HH:MM:SS: time since 2026-12-06 (text before)
        "done": "boolean",
        "code": "text",
        "phone": "text",
    }
    assert {c: types[c] for c in ("price", "cost", "discount", "took", "stars", "year", "qty")} == {
        "price": "numeric",  # declared decimal: the amounts the field holds to the cent
        "cost": "double precision",  # NocoDB declares its Currency double precision here
        "discount": "double precision",
        "took": "bigint",
        "stars": "bigint",
        "year": "bigint",
        "qty": "bigint",
    }
    numbers = range(orders)
    table = f"{p}orders"
    prices = {i: None if v is None else Decimal(v) for i, v in ran.values(table, "price", "id").items()}
    assert prices == {
        i + 1: None if (v := apps.nocodb_price(i)) is None else Decimal(repr(v)) for i in numbers
    }
    assert ran.values(table, "cost", "id") == {i + 1: apps.nocodb_cost(i) for i in numbers}
    assert ran.values(table, "took", "id") == {i + 1: apps.nocodb_took(i) for i in numbers}
    assert ran.values(table, "due", "id") == {i + 1: apps.nocodb_due(i) for i in numbers}
    assert ran.values(table, "happened", "id") == {i + 1: apps.nocodb_happened(i) for i in numbers}
    assert ran.values(table, "startsat", "id") == {
        i + 1: None if (starts := apps.nocodb_starts(i)) is None else time.fromisoformat(starts)
        for i in numbers
    }
    assert ran.values(table, "done", "id") == {i + 1: bool(i % 2) for i in numbers}
    assert ran.values(table, "code", "id") == {i + 1: f"{i:05d}" for i in numbers}
    assert ran.values(table, "notes", "id") == {i + 1: arrives_as(apps.nocodb_notes(i)) for i in numbers}
    assert ran.values(table, "payload", "id") == {i + 1: apps.nocodb_payload(i) for i in numbers}
    assert ran.values(table, "files", "id") == {i + 1: apps.nocodb_files(i) for i in numbers}
    assert ran.values(f"{p}customers", "title", "id") == {
        c + 1: arrives_as(title) for c, title in enumerate(apps.NOCODB_CUSTOMERS)
    }
    moments = ran.values("xc_knex_migrationsv2", "migration_time", "id")
    assert moments == {
        m + 1: UNIX_EPOCH + timedelta(milliseconds=1796464290518 + 17 * m)
        for m in range(len(apps.NOCODB_MIGRATIONS))
    }
    assert audit_rules(run_dir, table, "price") == audit_rules(run_dir, table, "cost") == {}
    assert {r for found in audit_rules(run_dir, table, "done").values() for r in found} == {
        "boolean:0",
        "boolean:1",
    }
    found = references(run_dir)
    assert found[(table, f"{p}customers_id")] == f"{p}customers.id"
    assert found[(links, f"{p}orders_id")] == f"{table}.id"
    assert found[(links, f"{p}customers_id")] == f"{p}customers.id"
    assert primary_key(ran.uri, ran.record["version_schema"], links) == [f"{p}orders_id", f"{p}customers_id"]


def test_n8n_instance_reads_its_millisecond_wall_clock_and_keeps_text_tag_ids(run_export: Runner) -> None:
    # n8n's database.sqlite: TypeORM's datetime(3) text of UTC with three fraction digits, executions
    # with their statuses and flatted JSON, migrations stamped in epoch milliseconds, and
    # workflows_tags.tagId declared integer while it holds the tags' text ids (kept as text: a
    # declared integer is no reason to turn an id into a number, and the declared reference holds).
    executions = 20
    ran, run_dir = run_export(apps.n8n_instance)
    workflows = 8
    loaded_cleanly(
        ran,
        run_dir,
        {
            "migrations": len(apps.N8N_MIGRATIONS),
            "settings": 3,
            "tag_entity": len(apps.N8N_TAGS),
            "workflow_entity": workflows,
            "workflows_tags": workflows,
            "execution_entity": executions,
            "execution_data": executions,
            "credentials_entity": 4,
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("execution_entity")
    for column in ("startedAt", "stoppedAt", "waitTill", "deletedAt", "createdAt"):
        assert types[column] == "timestamp without time zone", column
    assert (types["finished"], types["workflowId"], types["status"]) == ("boolean", "text", "text")
    assert ran.types("workflows_tags") == {"workflowId": "text", "tagId": "text"}
    assert ran.types("migrations")["timestamp"] == "timestamp with time zone"
    assert ran.types("settings") == {"key": "text", "value": "text", "loadOnStartup": "boolean"}
    numbers = range(executions)
    started = ran.values("execution_entity", "startedAt", "id")
    assert started == {e + 1: apps.n8n_execution(e)[3] for e in numbers}
    assert ran.values("execution_entity", "stoppedAt", "id") == {
        e + 1: apps.n8n_execution(e)[4] for e in numbers
    }
    assert ran.values("execution_entity", "status", "id") == {
        e + 1: apps.n8n_execution(e)[2] for e in numbers
    }
    assert ran.values("execution_entity", "finished", "id") == {
        e + 1: apps.n8n_execution(e)[2] == "success" for e in numbers
    }
    assert ran.values("execution_entity", "workflowId", "id") == {
        e + 1: apps.n8n_workflow_id(apps.n8n_execution(e)[0]) for e in numbers
    }
    created = ran.values("workflow_entity", "createdAt", "id")
    assert created == {apps.n8n_workflow_id(w): apps.n8n_moment(w) for w in range(workflows)}
    assert created[apps.n8n_workflow_id(5)] == datetime(2026, 12, 5, 9, 55, 21)  # '.000' on the second
    assert ran.values("workflow_entity", "name", "id") == {
        apps.n8n_workflow_id(w): apps.n8n_workflow_name(w) for w in range(workflows)
    }
    assert ran.values("workflows_tags", "tagId", "workflowId") == {
        apps.n8n_workflow_id(w): apps.n8n_tag_id(w % 3) for w in range(workflows)
    }
    assert ran.values("tag_entity", "name", "id") == {
        apps.n8n_tag_id(t): n for t, n in enumerate(apps.N8N_TAGS)
    }
    assert ran.values("settings", "value", "key")["userManagement.isInstanceOwnerSetUp"] == "false"
    assert ran.values("migrations", "timestamp", "id") == {
        m + 1: UNIX_EPOCH + timedelta(milliseconds=stamp) for m, (stamp, _) in enumerate(apps.N8N_MIGRATIONS)
    }
    data = ran.values("execution_data", "data", "executionId")
    assert json.loads(data[3])[2]["error"] == "Échec voulu 2 \U0001f4a5"
    for column in ("startedAt", "stoppedAt", "createdAt"):
        rules = {
            rule for found in audit_rules(run_dir, "execution_entity", column).values() for rule in found
        }
        assert rules == {"date_format:%Y-%m-%d %H:%M:%S.%f"}, (column, rules)
    assert audit_rules(run_dir, "workflows_tags", "tagId") == {}
    found = references(run_dir)
    assert found[("workflows_tags", "tagId")] == "tag_entity.id"
    assert found[("workflows_tags", "workflowId")] == "workflow_entity.id"
    assert found[("execution_entity", "workflowId")] == "workflow_entity.id"
    assert found[("execution_data", "executionId")] == "execution_entity.id"
    assert primary_key(ran.uri, ran.record["version_schema"], "workflows_tags") == ["workflowId", "tagId"]


def test_django_model_history_keeps_every_save_its_history_marks_and_reversion_keys_as_written(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.django_history)
    products, suppliers = len(apps.HISTORY_PRODUCTS), len(apps.HISTORY_SUPPLIERS)
    tables = {
        "auth_user": 2,
        "django_content_type": 2,
        "shop_product": products - 1,
        "shop_historicalproduct": 3 * products + 1,
        "shop_supplier": suppliers,
        "shop_historicalsupplier": 2 * suppliers,
        "reversion_revision": 3 * products + 2 * suppliers,
        "reversion_version": 3 * products + 2 * suppliers,
    }
    # A save that changed nothing repeats every field of the one before but its history fields: a row
    # of its own, none taken for a duplicate.
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    history = ran.types("shop_historicalproduct")
    assert history == {
        **ran.types("shop_product"),
        **{c: history[c] for c in history if c.startswith("history_")},
    }
    assert history["price"] == "numeric" and history["weight"] == "numeric"
    declared = pg_column_types(ran.uri, ran.record["version_schema"], "shop_historicalproduct")
    assert (declared["price"], declared["weight"]) == ("numeric(18,2)", "numeric(18,3)")
    assert (history["released"], history["active"], history["sku"]) == ("date", "boolean", "text")
    assert history["history_date"] == history["updated"] == "timestamp without time zone"
    assert (history["history_id"], history["history_type"]) == ("bigint", "text")
    # Each save's marks as written: '-' (a deletion) is no null token beside '+' and '~'.
    edits = [(p, edit) for p in range(products) for edit in range(3)]
    kinds = ["+~~"[edit] for _, edit in edits]
    prices = [apps.history_price(p, edit) for p, edit in edits]
    kinds.insert(3 * apps.HISTORY_DELETED, "-")
    prices.insert(3 * apps.HISTORY_DELETED, apps.history_price(apps.HISTORY_DELETED - 1, 2))
    assert ran.values("shop_historicalproduct", "history_type", "history_id") == {
        n + 1: kind for n, kind in enumerate(kinds)
    }
    assert ran.values("shop_historicalproduct", "price", "history_id") == {
        n + 1: str(price.quantize(Decimal("0.01"))) for n, price in enumerate(prices)
    }
    with closing(sqlite3.connect(ran.db)) as con:
        written = dict(con.execute('SELECT history_id, history_date FROM "shop_historicalproduct"'))
    assert ran.values("shop_historicalproduct", "history_date", "history_id") == {
        n: datetime.fromisoformat(text) for n, text in written.items()
    }
    assert any(len(text) == 19 for text in written.values())  # a whole second: no fraction written
    # A supplier's code and reversion's object_id keep their leading zeros: text, as written.
    assert ran.types("shop_supplier")["code"] == ran.types("reversion_version")["object_id"] == "text"
    object_ids = [str(p + 1) for p, _ in edits] + [code for code in apps.HISTORY_SUPPLIERS for _ in range(2)]
    assert ran.values("reversion_version", "object_id", "id") == {
        n + 1: key for n, key in enumerate(object_ids)
    }
    assert ran.types("reversion_revision")["date_created"] == "timestamp without time zone"
    # The deleted product's history names no row of shop_product: no reference found there.
    assert references(run_dir) == {
        ("shop_historicalproduct", "history_user_id"): "auth_user.id",
        ("shop_historicalsupplier", "history_user_id"): "auth_user.id",
        ("reversion_revision", "user_id"): "auth_user.id",
        ("reversion_version", "content_type_id"): "django_content_type.id",
        ("reversion_version", "revision_id"): "reversion_revision.id",
    }


def test_langgraph_checkpoints_keep_their_blobs_thread_ids_and_empty_namespace_as_written(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.langgraph_checkpoints)
    threads = range(8)
    resumed = [t for t in threads if apps.langgraph_resumed(t)]
    tables = {
        "checkpoints": 3 * len(threads) + 2 * len(resumed),
        # start 4, intake 3, the interrupt 1; a resume: its 2 (the graph's and the task's), 4 more of
        # the review's and the finish's 2.
        "writes": 8 * len(threads) + 8 * len(resumed),
    }
    loaded_cleanly(ran, run_dir, tables)
    # The root graph's namespace '' is part of both keys: kept as written, each said once (exit 2).
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    assert [w.split(":")[0] for w in ran.record["warnings"]] == [
        "checkpoints.checkpoint_ns",
        "writes.checkpoint_ns",
    ]
    assert all("text loaded as written" in w for w in ran.record["warnings"])
    assert set(ran.values("checkpoints", "checkpoint_ns", "checkpoint_id").values()) == {""}
    checkpoints, writes = ran.types("checkpoints"), ran.types("writes")
    assert (
        checkpoints["thread_id"]
        == checkpoints["checkpoint_id"]
        == checkpoints["parent_checkpoint_id"]
        == "text"
    )
    assert checkpoints["checkpoint"] == checkpoints["metadata"] == writes["value"] == "bytea"
    assert (writes["idx"], writes["task_id"]) == ("bigint", "text")
    assert primary_key(ran.uri, ran.record["version_schema"], "checkpoints") == [
        "thread_id",
        "checkpoint_ns",
        "checkpoint_id",
    ]
    # Thread ids with leading zeros stay the application's text; each checkpoint names its parent.
    threads_of: dict[str, str] = {}
    parents: dict[str, str | None] = {}
    n = 0
    for t in threads:
        parent = None
        for _ in range(5 if t in resumed else 3):
            threads_of[apps.langgraph_checkpoint_id(n)] = apps.langgraph_thread(t)
            parents[apps.langgraph_checkpoint_id(n)] = parent
            parent = apps.langgraph_checkpoint_id(n)
            n += 1
    assert ran.values("checkpoints", "thread_id", "checkpoint_id") == threads_of
    assert ran.values("checkpoints", "parent_checkpoint_id", "checkpoint_id") == parents
    # The msgpack state, the JSON metadata and each write's value: byte for byte.
    with closing(sqlite3.connect(ran.db)) as con:
        blobs = dict(con.execute("SELECT checkpoint_id, checkpoint FROM checkpoints"))
        metadata = dict(con.execute("SELECT checkpoint_id, metadata FROM checkpoints"))
        values = {
            (c, task, idx): (kind, value)
            for c, task, idx, kind, value in con.execute(
                "SELECT checkpoint_id, task_id, idx, type, value FROM writes"
            )
        }
    assert {k: bytes(v) for k, v in ran.values("checkpoints", "checkpoint", "checkpoint_id").items()} == blobs
    assert {
        k: json.loads(bytes(v)) for k, v in ran.values("checkpoints", "metadata", "checkpoint_id").items()
    } == {k: json.loads(v) for k, v in metadata.items()}
    relation = f"{quote_ident(ran.base)}.writes"
    loaded = {
        (c, task, idx): (kind, bytes(value))
        for c, task, idx, kind, value in pg_query(
            ran.uri, f"SELECT checkpoint_id, task_id, idx, type, value FROM {relation}"
        )
    }
    # A branch's write has no value: LangGraph's serializer names its type 'null' (value b''). Beside
    # one other word ('msgpack') that is a null token as configured: NULL, each cell audited.
    assert loaded == {k: (None if kind == "null" else kind, value) for k, (kind, value) in values.items()}
    assert {idx for _, _, idx in loaded} == {-4, -3, 0, 1, 2, 3, 4}
    assert ("writes", "type", "null_like_to_null") in audited_columns(run_dir)
    assert any(task == apps.LANGGRAPH_NULL_TASK for _, task, _ in loaded)  # a resume given to the graph
    assert references(run_dir) == {}


def test_kombu_broker_messages_keep_their_payloads_and_read_flags_and_moments(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.kombu_broker)
    messages = range(12)
    loaded_cleanly(ran, run_dir, {"kombu_queue": len(apps.KOMBU_QUEUES), "kombu_message": len(messages)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    types = ran.types("kombu_message")
    assert (types["visible"], types["timestamp"], types["payload"]) == (
        "boolean",
        "timestamp without time zone",
        "text",
    )
    assert (types["version"], types["queue_id"], ran.types("kombu_queue")["name"]) == (
        "bigint",
        "bigint",
        "text",
    )
    # A message waiting in the queue no worker consumes is visible, with no moment yet.
    assert ran.values("kombu_message", "visible", "id") == {
        m + 1: apps.kombu_consumed(m) is None for m in messages
    }
    assert ran.values("kombu_message", "timestamp", "id") == {m + 1: apps.kombu_consumed(m) for m in messages}
    assert ran.values("kombu_message", "queue_id", "id") == {m + 1: apps.kombu_queue_of(m) for m in messages}
    # The payload as written, character for character: its base64 body is still the task's arguments.
    payloads = ran.values("kombu_message", "payload", "id")
    assert payloads == {m + 1: apps.kombu_payload(m) for m in messages}
    assert {m: json.loads(base64.b64decode(json.loads(payloads[m + 1])["body"]))[0] for m in messages} == {
        m: apps.kombu_task(m)[1] for m in messages
    }
    assert references(run_dir) == {("kombu_message", "queue_id"): "kombu_queue.id"}


def test_eloquent_app_keeps_its_binary_bound_as_strings_byte_for_byte_and_its_decimals_as_amounts(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.eloquent_app)
    users, invoices = range(6), range(24)
    loaded_cleanly(ran, run_dir, {"migrations": 2, "users": len(users), "invoices": len(invoices)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("invoices")
    declared = pg_column_types(ran.uri, ran.record["version_schema"], "invoices")
    # binary(): random bytes PDO bound as strings, TEXT cells of no UTF-8, most without a NUL: bytes,
    # each cell exactly as SQLite holds it, audited as_bytes (before: cp1252 text, trimmed, NULs gone).
    with closing(sqlite3.connect(ran.db)) as con:
        stored = dict(con.execute("SELECT id, typeof(pdf) FROM invoices WHERE pdf IS NOT NULL").fetchall())
    assert set(stored.values()) == {"text"}
    assert types["pdf"] == "bytea"
    pdfs = {k: None if v is None else bytes(v) for k, v in ran.values("invoices", "pdf", "id").items()}
    assert pdfs == {i + 1: apps.eloquent_pdf(i) for i in invoices}
    assert audit_rules(run_dir, "invoices", "pdf") == {str(key): {"as_bytes"} for key in stored}
    # decimal casts' strings, stored REAL or INTEGER by the NUMERIC affinity: amounts at their places.
    assert (declared["amount"], declared["tax_rate"]) == ("numeric(18,2)", "numeric(18,3)")
    assert ran.values("invoices", "amount", "id") == {
        i + 1: str(apps.eloquent_amount(i).quantize(Decimal("0.01"))) for i in invoices
    }
    assert ran.values("invoices", "tax_rate", "id") == {
        i + 1: None if (rate := apps.eloquent_tax_rate(i)) is None else str(rate) for i in invoices
    }
    assert types["discount"] == types["fx"] == "double precision"
    # A date cast's midnights in a `date` column: days, each audited; timestamps() and softDeletes().
    assert types["due_on"] == "date"
    assert ran.values("invoices", "due_on", "id") == {i + 1: apps.eloquent_due_on(i) for i in invoices}
    assert types["created_at"] == types["deleted_at"] == types["sent_at"] == "timestamp without time zone"
    assert ran.values("invoices", "created_at", "id") == {i + 1: apps.eloquent_moment(i) for i in invoices}
    assert ran.values("users", "deleted_at", "id") == {
        u + 1: apps.eloquent_moment(1_000) if u == 3 else None for u in users
    }
    # A time of day stays text; tinyint(1) flags stay numbers (only BOOLEAN reads 0/1 as booleans);
    # a zip code keeps its zeros; an enum's names as text.
    assert ran.types("users")["zip"] == ran.types("users")["role"] == "text"
    assert types["slot"] == "time without time zone"  # a time of day: time since 2026-12-06
    assert ran.types("users")["is_admin"] == "bigint"
    assert ran.values("users", "is_admin", "id") == {u + 1: int(u % 4 == 0) for u in users}
    assert ran.values("users", "zip", "id") == {
        u + 1: f"{u * 1_637 % 10_000:05d}" if u % 4 else None for u in users
    }
    assert references(run_dir) == {("invoices", "user_id"): "users.id"}


def test_doctrine_app_reads_its_commented_ddl_its_string_decimals_as_amounts_and_keeps_serialized_php(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.doctrine_app)
    customers, orders = range(12), range(30)
    loaded_cleanly(ran, run_dir, {"customers": len(customers), "orders": len(orders)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    people, types = ran.types("customers"), ran.types("orders")
    declared = pg_column_types(ran.uri, ran.record["version_schema"], "orders")
    # NUMERIC(10, 2) and (12, 4) of PHP strings, stored REAL or INTEGER by the affinity: amounts.
    assert (declared["total"], declared["rate"]) == ("numeric(18,2)", "numeric(18,4)")
    assert ran.values("orders", "total", "id") == {o + 1: f"{apps.doctrine_total(o):.2f}" for o in orders}
    assert ran.values("orders", "rate", "id") == {
        o + 1: None if (rate := apps.doctrine_rate(o)) is None else f"{rate:.4f}" for o in orders
    }
    assert types["weight"] == "double precision"
    # The type comments inside CREATE TABLE hide no column's declared type: the guid stays text, the
    # BIGINT past 2^53 exact, BOOLEAN 0/1 booleans, DATE and DATETIME read.
    assert people["uuid"] == people["postcode"] == types["currency"] == "text"
    assert people["external_id"] == "bigint"
    assert ran.values("customers", "external_id", "id") == {
        c + 1: 2**53 + 1 + c * 1_000_003 for c in customers
    }
    assert people["active"] == "boolean"
    assert ran.values("customers", "active", "id") == {c + 1: c % 3 != 0 for c in customers}
    assert (people["birthday"], people["created_at"]) == ("date", "timestamp without time zone")
    assert ran.values("orders", "placed_at", "id") == {o + 1: apps.doctrine_placed(o) for o in orders}
    assert types["slot"] == "time without time zone"  # a time of day: time since 2026-12-06
    # Codes keep their zeros; serialized PHP, json_encode's escapes and comma lists as written ('N;'
    # is a serialized null, no null token); BLOBs byte for byte.
    assert ran.values("customers", "postcode", "id")[1] == "00000"
    assert set(ran.values("orders", "currency", "id").values()) == set(apps.DOCTRINE_CURRENCIES)
    assert ran.values("customers", "legacy", "id") == {c + 1: apps.doctrine_legacy(c) for c in customers}
    assert ran.values("customers", "prefs", "id") == {c + 1: apps.doctrine_prefs(c) for c in customers}
    assert ran.values("customers", "blobobj", "id")[1] == "N;"
    assert types["receipt"] == "bytea"
    receipts = {k: None if v is None else bytes(v) for k, v in ran.values("orders", "receipt", "id").items()}
    assert receipts == {o + 1: apps.doctrine_receipt(o) for o in orders}
    assert references(run_dir) == {("orders", "customer_id"): "customers.id"}


def test_minion_queue_reads_its_text_moments_as_timestamps_and_keeps_its_json_as_written(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.minion_queue)
    jobs, posts = range(24), range(16)
    tables = {"mojo_migrations": 2, "minion_workers": 1, "minion_locks": 3, "minion_jobs": len(jobs)}
    loaded_cleanly(ran, run_dir, {**tables, "posts": len(posts), "comments": len(posts) // 2})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("minion_jobs")
    # Every moment declared `text`, written as current_timestamp writes it: timestamps, NULL where the
    # job never reached it (a delayed job's finished and started, a job's expires).
    moments = ("created", "delayed", "finished", "retried", "started", "expires")
    assert {types[name] for name in moments} == {"timestamp without time zone"}
    for index, name in ((2, "created"), (3, "delayed"), (4, "finished"), (7, "retried"), (17, "expires")):
        expected = {j + 1: apps.minion_job(j)[index] for j in jobs}
        loaded = ran.values("minion_jobs", name, "id")
        assert {k: None if v is None else apps.minion_stamp(v) for k, v in loaded.items()} == expected, name
    # JSON as written (a failed job's result a JSON string with its \n escape); codes as text.
    for index, name in ((1, "args"), (6, "result"), (15, "parents"), (16, "notes")):
        assert types[name] == "text"
        assert ran.values("minion_jobs", name, "id") == {j + 1: apps.minion_job(j)[index] for j in jobs}, name
    assert types["state"] == types["task"] == types["queue"] == "text"
    assert types["priority"] == types["worker"] == "bigint"
    assert min(ran.values("minion_jobs", "priority", "id").values()) == -max(j for j in jobs if j % 6 == 1)
    assert types["lax"] == "boolean"
    assert ran.values("minion_jobs", "lax", "id") == {j + 1: bool(apps.minion_job(j)[18]) for j in jobs}
    workers = ran.types("minion_workers")
    assert (workers["started"], workers["inbox"], workers["status"]) == (
        "timestamp without time zone",
        "text",
        "text",
    )
    # The app's posts: datetime('now') text as timestamps, '%.2f' strings as amounts, a flag as such.
    post_types = ran.types("posts")
    assert post_types["created"] == post_types["updated_at"] == ran.types("comments")["at"]
    assert post_types["created"] == "timestamp without time zone"
    declared = pg_column_types(ran.uri, ran.record["version_schema"], "posts")
    assert declared["price"] == "numeric(18,2)"
    assert ran.values("posts", "price", "id") == {p + 1: apps.minion_post(p)[5] for p in posts}
    assert ran.values("posts", "meta", "id") == {p + 1: apps.minion_post(p)[4] for p in posts}
    assert post_types["published"] == "boolean"
    # The job's worker, gone once it stopped, is named by no reference; comments' declared one is.
    assert references(run_dir) == {("comments", "post_id"): "posts.id"}


def test_dbt_warehouse_seeds_keep_their_codes_amounts_flags_and_moments(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.dbt_warehouse)
    customers, orders = range(1, 31), range(1, 61)
    days = {(apps.dbt_ordered(o).date(), apps.dbt_status(o)) for o in orders}
    loaded_cleanly(
        ran,
        run_dir,
        {
            "customers": len(customers),
            "orders": len(orders),
            "fx_rates": 4,
            "daily_sales": len(days),
            "incr_orders": len(orders),
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # The project's +column_types: zip codes and order codes text with their leading zeros, amounts
    # numeric at cents whatever the affinity stored (REAL, INTEGER where whole), 'true'/'false' booleans.
    customer = ran.types("customers")
    assert (customer["zip_code"], customer["is_active"], customer["signup_date"], customer["last_login"]) == (
        "text",
        "boolean",
        "date",
        "timestamp without time zone",
    )
    assert ran.values("customers", "zip_code", "customer_id") == {c: apps.dbt_zip(c) for c in customers}
    assert "07919" in {apps.dbt_zip(c) for c in customers}
    assert ran.values("customers", "is_active", "customer_id") == {c: apps.dbt_active(c) for c in customers}
    assert ran.values("customers", "signup_date", "customer_id") == {c: apps.dbt_signup(c) for c in customers}

    def cents(amount: Decimal | None) -> Decimal | None:
        return None if amount is None else amount.quantize(Decimal("0.01"))

    limits = ran.values("customers", "credit_limit", "customer_id")
    assert (
        pg_column_types(ran.uri, ran.record["version_schema"], "customers")["credit_limit"] == "numeric(18,2)"
    )
    assert {c: None if v is None else Decimal(str(v)) for c, v in limits.items()} == {
        c: cents(apps.dbt_limit(c)) for c in customers
    }
    assert ran.types("orders")["order_code"] == "text"
    assert ran.values("orders", "order_code", "order_id") == {o: apps.dbt_code(o) for o in orders}
    amounts = ran.values("orders", "amount", "order_id")
    assert {o: Decimal(str(v)) for o, v in amounts.items()} == {o: cents(apps.dbt_amount(o)) for o in orders}
    # A timestamp written with a T is the moment it names, each cell audited by its format.
    assert ran.types("orders")["ordered_at"] == "timestamp without time zone"
    assert ran.values("orders", "ordered_at", "order_id") == {o: apps.dbt_ordered(o) for o in orders}
    assert {r for rules in audit_rules(run_dir, "orders", "ordered_at").values() for r in rules} == {
        "date_format:%Y-%m-%dT%H:%M:%S"
    }
    # Free text: ends trimmed, blank NULL, emoji, no-break spaces and line breaks as written.
    assert ran.values("customers", "name", "customer_id") == {
        c: arrives_as(apps.dbt_name(c)) for c in customers
    }
    assert ran.values("orders", "note", "order_id") == {
        o: arrives_as(apps.DBT_NOTES[o % len(apps.DBT_NOTES)]) for o in orders
    }
    # A seed without +column_types: agate's REAL rates stay doubles, its INT flags integers.
    rates = ran.types("fx_rates")
    assert (rates["rate"], rates["is_base"], rates["valid_from"]) == ("double precision", "bigint", "date")
    assert ran.values("fx_rates", "rate", "currency") == {
        "EUR": 1.0,
        "USD": 1.0842,
        "GBP": 0.85725,
        "JPY": 161.35,
    }
    # Models: REAL arithmetic keeps every bit; date() text is a date; julianday() REALs stay doubles;
    # strftime('%s') digits are Unix seconds, audited; NUM amounts are numeric.
    sales = ran.types("daily_sales")
    assert (sales["sale_date"], sales["revenue"], sales["first_code"]) == ("date", "double precision", "text")
    incr = ran.types("incr_orders")
    assert (incr["amount_gross"], incr["amount"], incr["jd"], incr["epoch_txt"], incr["loaded_at"]) == (
        "double precision",
        "numeric",
        "double precision",
        "timestamp with time zone",
        "timestamp without time zone",
    )
    assert ran.values("incr_orders", "amount_gross", "order_id") == {
        o: float(apps.dbt_amount(o)) * 1.19 for o in orders
    }
    assert ran.values("incr_orders", "jd", "order_id") == {o: apps.dbt_julian(o) for o in orders}
    assert ran.values("incr_orders", "epoch_txt", "order_id") == {
        o: apps.dbt_ordered(o).replace(tzinfo=UTC) for o in orders
    }
    # A day's orders of one status: the least of their codes, the sum of their amounts (REAL, INTEGER
    # where every one is whole), as SQLite computed them.
    groups = {
        (d, s): [o for o in orders if (apps.dbt_ordered(o).date(), apps.dbt_status(o)) == (d, s)]
        for d, s in days
    }
    assert max(len(group) for group in groups.values()) > 1
    loaded = pg_query(ran.uri, f'SELECT sale_date, status, first_code, revenue FROM "{ran.base}".daily_sales')
    assert {(d, s): (code, revenue) for d, s, code, revenue in loaded} == {
        key: (min(apps.dbt_code(o) for o in group), float(apps.dbt_revenue(group)))
        for key, group in groups.items()
    }
    assert references(run_dir) == {
        ("orders", "customer_id"): "customers.customer_id",
        ("incr_orders", "customer_id"): "customers.customer_id",
    }


def test_meltano_system_database_keeps_its_runs_states_and_pickled_settings(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.meltano_system)
    runs = range(24)
    loaded_cleanly(ran, run_dir, {"alembic_version": 1, "runs": len(runs), "plugin_settings": 3, "state": 3})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    types = ran.types("runs")
    assert (types["started_at"], types["ended_at"], types["last_heartbeat_at"]) == (
        "timestamp without time zone",
    ) * 3
    assert (types["state"], types["payload"], types["run_id"], types["payload_flags"]) == (
        "text",
        "text",
        "text",
        "bigint",
    )
    # Naive UTC moments to the microsecond; a state edit ends as it starts, with no heartbeat.
    assert ran.values("runs", "started_at", "id") == {r + 1: apps.meltano_started(r) for r in runs}
    assert ran.values("runs", "ended_at", "id") == {r + 1: apps.meltano_ended(r) for r in runs}
    heartbeats = ran.values("runs", "last_heartbeat_at", "id")
    assert {r + 1 for r in runs if heartbeats[r + 1] is None} == {
        r + 1 for r in runs if apps.meltano_state(r) == "STATE_EDIT"
    }
    assert {r: ran.values("runs", "state", "id")[r + 1] for r in runs} == {
        r: apps.meltano_state(r) for r in runs
    }
    assert {"SUCCESS", "FAIL", "STATE_EDIT"} == {apps.meltano_state(r) for r in runs}
    # The payload's JSON character for character (its \u escapes too); the flags as numbers.
    payloads = ran.values("runs", "payload", "id")
    assert payloads == {r + 1: apps.meltano_payload(r) for r in runs}
    assert "\\ud83c\\udf89" in payloads[7]
    assert ran.values("runs", "payload_flags", "id") == {r + 1: apps.meltano_flags(r) for r in runs}
    # uuid7 hex with its leading zero: text as written.
    run_ids = ran.values("runs", "run_id", "id")
    assert run_ids == {r + 1: apps.meltano_run_id(r) for r in runs}
    assert all(run_id.startswith("0") and len(run_id) == 32 for run_id in run_ids.values())
    # The job state keyed by its job name: '{}' kept (no blank), NULL moments where Meltano wrote none.
    state = ran.types("state")
    assert (state["state_id"], state["completed_state"], state["updated_at"]) == (
        "text",
        "text",
        "timestamp without time zone",
    )
    assert primary_key(ran.uri, ran.record["version_schema"], "state") == ["state_id"]
    assert ran.values("state", "partial_state", "state_id") == dict.fromkeys(
        ("dev:tap-csv-to-target-jsonl", "prod:tap-csv-to-target-jsonl", "manual-job"), "{}"
    )
    updated = ran.values("state", "updated_at", "state_id")
    assert updated["manual-job"] is None and updated["prod:tap-csv-to-target-jsonl"] is None
    assert updated["dev:tap-csv-to-target-jsonl"] == max(
        apps.meltano_ended(r)
        for r in runs
        if (apps.meltano_job(r), apps.meltano_state(r)) == ("dev:tap-csv-to-target-jsonl", "SUCCESS")
    )
    # Pickled settings: bytea byte for byte, each still the value Meltano stored; enabled a boolean.
    settings = ran.types("plugin_settings")
    assert (settings["value"], settings["enabled"]) == ("bytea", "boolean")
    assert primary_key(ran.uri, ran.record["version_schema"], "plugin_settings") == ["name", "namespace"]
    stored = pg_query(ran.uri, f'SELECT name, value, enabled FROM "{ran.base}".plugin_settings')
    assert {name: (pickle.loads(bytes(value)), enabled) for name, value, enabled in stored} == {
        name: (value, True) for name, _, value in apps.MELTANO_SETTINGS
    }
    assert references(run_dir) == {}


def test_frictionless_package_keeps_codes_moments_flags_and_json_as_its_schemas_wrote_them(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.frictionless_package)
    people, visits = range(1, 41), range(1, 51)
    loaded_cleanly(ran, run_dir, {"people": len(people), "visits": len(visits)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("people")
    assert {c: types[c] for c in ("code", "born", "joined_at", "active", "score", "year", "alarm")} == {
        "code": "text",
        "born": "date",
        "joined_at": "timestamp without time zone",
        "active": "boolean",
        "score": "double precision",
        "year": "bigint",
        "alarm": "time without time zone",  # a time of day: time since 2026-12-06
    }
    # Codes with their leading zeros; DATE and DATETIME text the days and moments; 0/1 booleans.
    codes = ran.values("people", "code", "id")
    assert codes == {p: apps.frictionless_code(p) for p in people}
    assert any(code.startswith("0") for code in codes.values())
    assert ran.values("people", "born", "id") == {p: apps.frictionless_born(p) for p in people}
    assert ran.values("people", "joined_at", "id") == {p: apps.frictionless_joined(p) for p in people}
    assert ran.values("people", "active", "id") == {p: apps.frictionless_active(p) for p in people}
    # A number the schema said is a REAL: double precision, the very double written.
    assert ran.values("people", "score", "id") == {
        p: None if (score := apps.frictionless_score(p)) is None else float(score) for p in people
    }
    # No rule reads a time of day, a duration, a geopoint or JSON: text as written, a note for TIME.
    assert ran.values("people", "alarm", "id") == {p: as_time(apps.frictionless_alarm(p)) for p in people}
    assert any("declared TIME" in note for note in profiled(run_dir)["columns"]["people"]["alarm"]["notes"])
    assert ran.values("people", "wait", "id") == {p: apps.FRICTIONLESS_WAITS[p % 4] for p in people}
    assert ran.values("people", "location", "id") == {p: apps.frictionless_location(p) for p in people}
    assert ran.values("people", "meta", "id") == {p: json.dumps({"k": p, "v": "ü"}) for p in people}
    assert ran.values("people", "name", "id") == {
        p: arrives_as(apps.FRICTIONLESS_NAMES[p % len(apps.FRICTIONLESS_NAMES)]) for p in people
    }
    # The JSON resource: moments written naive UTC, a year-month as text, amounts doubles.
    visit = ran.types("visits")
    assert (visit["at"], visit["day"], visit["ym"], visit["amount"], visit["ok"]) == (
        "timestamp without time zone",
        "date",
        "text",
        "double precision",
        "boolean",
    )
    assert ran.values("visits", "at", "visit_id") == {v: apps.frictionless_visit_at(v) for v in visits}
    assert ran.values("visits", "amount", "visit_id") == {
        v: float(apps.frictionless_amount(v)) for v in visits
    }
    assert ran.values("visits", "ok", "visit_id") == {v: None if v % 5 == 0 else v % 2 == 1 for v in visits}
    assert ran.values("visits", "ym", "visit_id") == {v: f"2024-{v % 12 + 1:02d}" for v in visits}
    assert primary_key(ran.uri, ran.record["version_schema"], "visits") == ["visit_id"]
    assert references(run_dir) == {("visits", "person_id"): "people.id"}


def test_tracker_index_reads_its_unix_seconds_as_instants_under_colon_names(run_export: Runner) -> None:
    files, albums = 24, len(apps.TRACKER_ALBUMS)
    classes = len(apps.TRACKER_CLASSES)
    pieces = [i for i in range(files) if apps.tracker_kind(i)[3] == "piece"]
    tables = {
        "Resource": classes + albums + 2 * files,
        "metadata": 3,
        "rdfs:Resource": classes + albums + 2 * files,
        "rdfs:Resource_rdf:type": classes + 2 * albums + 6 * files,
        "rdfs:Resource_dc:date": files,
        "nie:DataObject": files,
        "nfo:FileDataObject": files,
        "nie:InformationElement": files,
        "nie:InformationElement_nie:isStoredAs": files,
        "nmm:MusicAlbum": albums,
        "nmm:MusicPiece": len(pieces),
    }
    ran, run_dir = run_export(apps.tracker_store)
    loaded_cleanly(ran, run_dir, tables)
    # A collation only Tracker defines, declared on every text column (and under a UNIQUE URL), is no
    # reason to stop or warn: the values are read as they are.
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    files_types = ran.types("nfo:FileDataObject")
    # Every xsd:dateTime is an INTEGER of Unix seconds under a name saying a time: instants, audited.
    assert (
        files_types["nfo:fileLastModified"]
        == files_types["nfo:fileLastAccessed"]
        == "timestamp with time zone"
    )
    assert ran.types("rdfs:Resource_dc:date")["dc:date"] == "timestamp with time zone"
    elements = ran.types("nie:InformationElement")
    assert elements["nie:contentLastModified"] == elements["nie:contentCreated"] == "timestamp with time zone"
    # `added` also names amounts of such digits (a backup's bytes added), as `received` does: the
    # miner's `nrl:added` stays its integers, each as written.
    assert ran.types("rdfs:Resource")["nrl:added"] == "bigint"
    assert files_types["nfo:fileSize"] == files_types["ID"] == "bigint"
    assert files_types["nfo:fileName"] == ran.types("nie:DataObject")["nie:url"] == "text"
    for table in ("nfo:FileDataObject", "nie:DataObject", "nie:InformationElement", "nmm:MusicPiece"):
        assert primary_key(ran.uri, ran.record["version_schema"], table) == ["ID"], table
    first = apps.TRACKER_FILE_ID
    moment = {first + i: datetime.fromtimestamp(apps.tracker_modified(i), UTC) for i in range(files)}
    assert ran.values("nfo:FileDataObject", "nfo:fileLastModified", "ID") == moment
    assert ran.values("rdfs:Resource_dc:date", "dc:date", "ID") == moment
    assert ran.values("nfo:FileDataObject", "nfo:fileLastAccessed", "ID") == {
        first + i: datetime.fromtimestamp(apps.tracker_accessed(i), UTC) for i in range(files)
    }
    assert audit_rules(run_dir, "nfo:FileDataObject", "nfo:fileLastModified") == {
        str(first + i): {"epoch:seconds"} for i in range(files)
    }
    element = apps.TRACKER_ELEMENT_ID
    taken = {element + i: apps.tracker_taken(i) for i in range(files)}
    assert ran.values("nie:InformationElement", "nie:contentCreated", "ID") == {
        k: None if v is None else datetime.fromtimestamp(v, UTC) for k, v in taken.items()
    }
    added = ran.values("rdfs:Resource", "nrl:added", "ID")
    assert {added[first + i] for i in range(files)} == {apps.TRACKER_CRAWL + i // 8 for i in range(files)}
    # Names, titles and texts with accents, emoji and no-break spaces, as the documented rules leave them.
    assert ran.values("nfo:FileDataObject", "nfo:fileName", "ID") == {
        first + i: apps.tracker_file_name(i) for i in range(files)
    }
    assert ran.values("nie:DataObject", "nie:url", "ID") == {
        first + i: apps.tracker_file_uri(i) for i in range(files)
    }
    titles = {element + i: apps.TRACKER_TITLES[i % len(apps.TRACKER_TITLES)] for i in range(files)}
    assert ran.values("nie:InformationElement", "nie:title", "ID") == {
        k: arrives_as(v) for k, v in titles.items()
    }
    assert ran.values("nie:InformationElement", "nie:plainTextContent", "ID") == {
        element + i: arrives_as(apps.tracker_text(i)) for i in range(files)
    }
    # The one reference its values name a single parent for: a piece's album.
    assert references(run_dir)[("nmm:MusicPiece", "nmm:musicAlbum")] == "nmm:MusicAlbum.ID"
    assert ran.values("nmm:MusicPiece", "nmm:musicAlbum", "ID") == {
        element + i: apps.TRACKER_ALBUM_ID + i % albums for i in pieces
    }


def test_payload_cms_prices_arrive_as_amounts_dates_as_instants_and_codes_as_written(
    run_export: Runner,
) -> None:
    products = 20
    locales = products + len(range(0, products, 3))
    tags = sum(len(apps.PAYLOAD_TAGS[i % 4]) for i in range(products))
    versions = sum(apps.payload_versions(i) for i in range(products))
    tables = {
        "categories": apps.PAYLOAD_CATEGORIES,
        "products": products,
        "products_locales": locales,
        "products_tags": tags,
        "products_variants": sum(i % 3 for i in range(products)),
        "products_blocks_quote": products // 2,
        "products_rels": products - 1,
        "_products_v": versions,
        "_products_v_locales": versions,
        "payload_migrations": 1,
    }
    ran, run_dir = run_export(apps.payload_cms)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("products")
    # A `number` the editor typed with two decimals, REAL under a bare `numeric`: an amount, every value
    # its decimal; a computed one keeps every binary digit (double precision), as in the versions.
    assert types["price"] == ran.types("_products_v")["version_price"] == "numeric"
    assert types["weight"] == ran.types("_products_v")["version_weight"] == "double precision"
    prices = ran.values("products", "price", "id")
    assert {k: None if v is None else Decimal(v) for k, v in prices.items()} == {
        i + 1: None if apps.payload_price(i) is None else Decimal(repr(apps.payload_price(i)))
        for i in range(products)
    }
    assert ran.values("products", "weight", "id") == {
        i + 1: float(apps.payload_weight(i)) for i in range(products)
    }
    # ISO text with milliseconds and Z: instants to the millisecond; a day-only date is noon UTC, as kept.
    for column in ("released_at", "birthday", "created_at", "updated_at"):
        assert types[column] == "timestamp with time zone", column
    assert ran.values("products", "released_at", "id") == {
        i + 1: apps.payload_released(i) for i in range(products)
    }
    assert ran.values("products", "birthday", "id") == {
        i + 1: apps.payload_birthday(i) for i in range(products)
    }
    assert audit_rules(run_dir, "products", "released_at") == {
        str(i + 1): {"date_format:%Y-%m-%dT%H:%M:%S.%f%z"}
        for i in range(products)
        if apps.payload_released(i)
    }
    # Codes with leading zeros stay text, as written; an array row's 24 hex digits too.
    assert types["sku"] == ran.types("categories")["code"] == ran.types("products_variants")["zip"] == "text"
    assert ran.values("products", "sku", "id") == {i + 1: apps.payload_sku(i) for i in range(products)}
    assert ran.values("categories", "code", "id") == {
        c + 1: f"{c:04d}" for c in range(apps.PAYLOAD_CATEGORIES)
    }
    assert primary_key(ran.uri, ran.record["version_schema"], "products_variants") == ["id"]
    # Drizzle's boolean mode declares `integer`: 0/1 stay integers (a flag only where declared BOOLEAN).
    assert types["active"] == "bigint"
    assert ran.values("products", "active", "id") == {i + 1: int(i % 3 == 1) for i in range(products)}
    # A blank `textarea` is the documented blank-to-NULL, audited; JSON text as written.
    assert ran.values("products", "notes", "id") == {
        i + 1: arrives_as(apps.payload_notes(i)) for i in range(products)
    }
    assert audit_rules(run_dir, "products", "notes") == {
        str(i + 1): {"empty_to_null"} for i in range(products) if not apps.payload_notes(i)
    }
    meta = ran.values("products", "meta", "id")
    assert {k: None if v is None else json.loads(v) for k, v in meta.items()} == {
        i + 1: None if i % 4 == 0 else {"a": i, "nested": {"ok": i % 2 == 0}} for i in range(products)
    }
    titles = ran.values("products_locales", "title", "id")
    assert sorted(t for t in titles.values() if t.startswith("DE ")) == sorted(
        f"DE {apps.PAYLOAD_TITLES[i % 8]} #{i}" for i in range(0, products, 3)
    )
    # Every relationship Drizzle declares, each to its parent.
    found = references(run_dir)
    assert (
        found[("products", "category_id")] == found[("_products_v", "version_category_id")] == "categories.id"
    )
    for table, column in (
        ("products_locales", "_parent_id"),
        ("products_tags", "parent_id"),
        ("products_variants", "_parent_id"),
        ("products_blocks_quote", "_parent_id"),
        ("products_rels", "parent_id"),
        ("products_rels", "products_id"),
        ("_products_v", "parent_id"),
    ):
        assert found[(table, column)] == "products.id", (table, column)
    assert found[("_products_v_locales", "_parent_id")] == "_products_v.id"
    assert ran.values("payload_migrations", "batch", "id") == {1: -1}


def test_sqlalchemy_utils_keys_of_bytes_and_durations_written_as_moments(run_export: Runner) -> None:
    accounts, tickets = 24, 60
    ran, run_dir = run_export(apps.sqlalchemy_utils_app)
    loaded_cleanly(ran, run_dir, {"account": accounts, "ticket": tickets})
    assert ran.code == 0, ran.record["warnings"]
    types = ran.types("account")
    # A uuid's 16 bytes under BINARY(16), its key and the reference to it: bytea, byte for byte, and
    # no note that BINARY has no PostgreSQL equivalent (bytea is it).
    assert types["id"] == ran.types("ticket")["account_id"] == types["pw"] == "bytea"
    assert sorted(ran.values("account", "id", "id")) == sorted(apps.sau_id(i) for i in range(accounts))
    assert ran.values("ticket", "account_id", "id") == {
        j + 1: apps.sau_id(j % accounts) for j in range(tickets)
    }
    assert references(run_dir)[("ticket", "account_id")] == "account.id"
    assert not any("no PostgreSQL equivalent" in note for note in _notes(run_dir, "account", "id"))
    passwords = ran.values("account", "pw", "id")
    assert passwords == {apps.sau_id(i): apps.sau_password(i) for i in range(accounts)}
    # An Interval is a moment since the epoch: kept as written (a timestamp), with the note whose
    # expression gives the duration back.
    assert types["span"] == "timestamp without time zone"
    assert ran.values("account", "span", "id") == {
        apps.sau_id(i): apps.SQLALCHEMY_UTILS_EPOCH + apps.sau_span(i) for i in range(accounts)
    }
    (note,) = [n for n in _notes(run_dir, "account", "span") if "Unix epoch" in n]
    assert "1969-12-31 00:00:00 to 1970-01-01 05:45:23" in note, note
    assert note.endswith("the duration is \"span\" - TIMESTAMP '1970-01-01 00:00:00'"), note
    # Moments of 2024 and days of 1980 get no such note; a time of day stays text, as written.
    assert types["seen"] == "timestamp without time zone" and types["born"] == "date"
    assert not any("Unix epoch" in n for c in ("seen", "born") for n in _notes(run_dir, "account", c))
    assert types["wake"] == "time without time zone"  # a time of day: time since 2026-12-06
    # Lists of integers joined by commas (some of three) stay text, a blank list NULL (audited).
    assert types["tags"] == "text"
    assert ran.values("account", "tags", "id") == {
        apps.sau_id(i): apps.sau_tags(i) or None for i in range(accounts)
    }
    # Numeric(12, 2) bound as floats: every amount exact at scale 2; the enum's ints stay integers.
    assert pg_column_types(ran.uri, ran.record["version_schema"], "account")["amount"] == "numeric(18,2)"
    assert ran.values("account", "amount", "id") == {
        apps.sau_id(i): f"{Decimal(i * 1234) / 100:.2f}" for i in range(accounts)
    }
    assert types["kind"] == "bigint" and types["flag"] == "boolean"


def test_feast_online_store_keeps_its_protobuf_cells_and_reads_its_adapter_seconds_as_instants(
    run_export: Runner,
) -> None:
    customers, drivers = 24, 10
    customer_view, driver_view = "shop_feats_customer_stats", "shop_feats_driver_stats"
    ran, run_dir = run_export(apps.feast_online_store)
    tables = {
        customer_view: customers * len(apps.FEAST_CUSTOMER_FEATURES),
        driver_view: drivers * len(apps.FEAST_DRIVER_FEATURES),
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    schema = ran.record["version_schema"]
    for view in tables:
        types = ran.types(view)
        # The serialized entity keys and ValueProtos, and the vector column no view filled: bytes.
        assert types["entity_key"] == types["value"] == types["vector_value"] == "bytea", view
        # Feast's sqlite3 adapter writes every datetime as int(timestamp()): Unix seconds, instants.
        assert types["event_ts"] == types["created_ts"] == "timestamp with time zone", view
        assert primary_key(ran.uri, schema, view) == ["entity_key", "feature_name"]
    relation = f"{quote_ident(ran.base)}.{quote_ident(customer_view)}"
    got = pg_query(ran.uri, f"SELECT entity_key, feature_name, value, value_text, event_ts FROM {relation}")
    expected = {}
    for i in range(customers):
        key = apps.feast_entity_key("customer_id", 1000 + i)
        moment = UNIX_EPOCH + timedelta(seconds=apps.feast_event_ts(i))
        for name, (value, kind, text) in apps.feast_customer(i).items():
            # '' (an empty name) is the documented blank-to-NULL; every other value_text as written.
            expected[(key, name)] = (apps.feast_value_proto(value, kind), text or None, moment)
    assert {(bytes(k), f): (bytes(v), t, e) for k, f, v, t, e in got} == expected
    # A name, a double's repr, True/False and zip codes with leading zeros in one column: text.
    assert ran.types(customer_view)["value_text"] == "text"
    assert audit_rules(run_dir, customer_view, "value_text") == {
        f"{apps.feast_entity_key('customer_id', 1000 + i).hex()}|name": {"empty_to_null"}
        for i in range(customers)
        if not apps.feast_customer(i)["name"][0]
    }
    # A view of numbers only: its value_text is decimals, a float32's repr to 17 fraction digits
    # included, numeric at that scale, each value exact.
    texts = [text for i in range(drivers) for _, _, text in apps.feast_driver(i).values() if text]
    scale = max(len(t.partition(".")[2]) for t in texts)
    whole = max(len(t.partition(".")[0]) for t in texts)
    assert pg_column_types(ran.uri, schema, driver_view)["value_text"] == (
        f"numeric({18 if whole + scale <= 18 else 38},{scale})"
    )
    relation = f"{quote_ident(ran.base)}.{quote_ident(driver_view)}"
    numbers = pg_query(ran.uri, f"SELECT entity_key, feature_name, value_text FROM {relation}")
    assert {(bytes(k), f): Decimal(t) for k, f, t in numbers} == {
        (apps.feast_entity_key("driver_code", f"{i:06d}"), name): Decimal(text)
        for i in range(drivers)
        for name, (_, _, text) in apps.feast_driver(i).items()
    }


def test_feast_sql_registry_reads_its_bigint_seconds_as_instants_and_keeps_every_proto(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.feast_sql_registry)
    views = len(apps.FEAST_VIEWS)
    tables = {
        "projects": 1,
        "entities": len(apps.FEAST_ENTITIES),
        "feature_views": views,
        "feature_view_version_history": views,
        "feast_metadata": 2,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    for table in ("projects", "entities", "feature_views", "feast_metadata"):
        assert ran.types(table)["last_updated_timestamp"] == "timestamp with time zone", table
    assert ran.types("feature_view_version_history")["created_timestamp"] == "timestamp with time zone"
    assert ran.values("entities", "last_updated_timestamp", "entity_name") == {
        name: UNIX_EPOCH + timedelta(seconds=apps.feast_applied(n))
        for n, name in enumerate(apps.FEAST_ENTITIES)
    }
    # The protos byte for byte; a feature view never materialized by interval: NULL bytes, not text.
    assert ran.types("feature_views")["materialized_intervals"] == "bytea"
    protos = ran.values("feature_views", "feature_view_proto", "feature_view_name")
    assert {k: bytes(v) for k, v in protos.items()} == {
        name: b"\n\x0e\n" + bytes([len(name)]) + name.encode() for name in apps.FEAST_VIEWS
    }
    # A key-value table of a uuid and the digits of a moment: text, as written.
    assert ran.types("feast_metadata")["metadata_value"] == "text"
    assert ran.values("feast_metadata", "metadata_value", "metadata_key") == {
        "project_uuid": str(UUID(int=99)),
        "last_updated_timestamp": str(apps.feast_applied(11)),
    }
    # The '' description Feast writes for none is the documented blank-to-NULL, audited.
    assert set(ran.values("feature_view_version_history", "description", "version_id").values()) == {None}
    assert len(audit_rules(run_dir, "feature_view_version_history", "description")) == views
    assert references(run_dir)[("entities", "project_id")] == "projects.project_id"


def test_sacred_observer_joins_artifacts_by_the_digits_of_run_ids_and_keeps_results_every_bit(
    run_export: Runner,
) -> None:
    runs = 20
    ran, run_dir = run_export(apps.sacred_observer)
    tables = {
        "source": 1,
        "dependency": 2,
        "host": 1,
        "experiment": 1,
        "experiments_sources": 1,
        "experiments_dependencies": 2,
        "run": runs,
        "artifact": runs,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    run = ran.types("run")
    # run_id: the digits of an integer under VARCHAR(24), no leading zero: an integer in both the key
    # it is UNIQUE in and the artifacts' declared reference to it, which joins.
    assert run["run_id"] == ran.types("artifact")["run_id"] == "bigint"
    assert ran.values("run", "run_id", "id") == {i + 1: int(apps.sacred_run_id(i)) for i in range(runs)}
    assert references(run_dir)[("artifact", "run_id")] == "run.run_id"
    relation = f"{quote_ident(ran.base)}.artifact"
    joined = f"{quote_ident(ran.base)}.run"
    assert pg_query(ran.uri, f"SELECT count(*) FROM {relation} a JOIN {joined} r USING (run_id)") == [(runs,)]
    # SQLAlchemy's DATETIME text, naive UTC to the microsecond.
    assert run["start_time"] == run["stop_time"] == run["heartbeat"] == "timestamp without time zone"
    assert ran.values("run", "start_time", "id") == {
        i + 1: datetime.fromisoformat(apps.sacred_moment(i, 0)) for i in range(runs)
    }
    # FLOAT results every bit (0.1 * 3 is 0.30000000000000004), NULL where the run failed.
    assert run["result"] == "double precision"
    assert ran.values("run", "result", "id") == {i + 1: apps.sacred_result(i) for i in range(runs)}
    # Tracebacks end in their last line's break: documents, loaded byte for byte (until 2026-12-06
    # each lost its final newline, audited).
    traces = ran.values("run", "fail_trace", "id")
    assert traces == {i + 1: apps.sacred_trace(i) if apps.sacred_failed(i) else None for i in range(runs)}
    assert audit_rules(run_dir, "run", "fail_trace") == {}
    # Sacred writes '' for no comment in a nullable column beside NULLs elsewhere in the table: missing
    # written two ways in one table, the documented charge (4 points per 1 % of rows); blank-to-NULL.
    blanks = [i for i in range(runs) if not apps.SACRED_COMMENTS[i % len(apps.SACRED_COMMENTS)]]
    assert ran.values("run", "comment", "id") == {
        i + 1: apps.SACRED_COMMENTS[i % len(apps.SACRED_COMMENTS)] or None for i in range(runs)
    }
    assert profiled(run_dir)["columns"]["run"]["comment"]["quality"] == column_score(runs, len(blanks))
    # JSON config as written; artifacts byte for byte.
    configs = ran.values("run", "config", "id")
    assert {k: json.loads(v)["seed"] for k, v in configs.items()} == {
        i + 1: 26138135 + i for i in range(runs)
    }
    contents = ran.values("artifact", "content", "artifact_id")
    assert {k: bytes(v) for k, v in contents.items()} == {
        i + 1: bytes(range(256)) * (1 + i % 3) for i in range(runs)
    }


def test_rasa_tracker_store_keeps_event_seconds_every_bit_and_its_json_as_written(run_export: Runner) -> None:
    conversations = 8
    events = [(s, e) for s in range(conversations) for e in apps.rasa_events(s)]
    ran, run_dir = run_export(apps.rasa_tracker_store)
    loaded_cleanly(ran, run_dir, {"events": len(events)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0
    types = ran.types("events")
    assert (types["id"], types["sender_id"], types["data"]) == ("bigint", "text", "text")
    # REAL Unix seconds under FLOAT: a double, every bit as time.time() wrote it; a note gives the instant.
    assert types["timestamp"] == "double precision"
    assert ran.values("events", "timestamp", "id") == {n + 1: e[1] for n, (_, e) in enumerate(events)}
    assert profiled(run_dir)["columns"]["events"]["timestamp"]["notes"] == [
        "numbers are epoch seconds: kept as numbers (double precision), every value as written; the instant "
        'is to_timestamp("timestamp")'
    ]
    # Sender ids with their leading zeros and '+'; the intent on user messages alone.
    assert ran.values("events", "sender_id", "id") == {
        n + 1: apps.rasa_sender(s) for n, (s, _) in enumerate(events)
    }
    assert ran.values("events", "intent_name", "id") == {n + 1: e[2] for n, (_, e) in enumerate(events)}
    assert ran.values("events", "action_name", "id") == {n + 1: e[3] for n, (_, e) in enumerate(events)}
    # The event's JSON as written: the same text, so the same event (a "NULL" message text included).
    assert ran.values("events", "data", "id") == {n + 1: json.dumps(e[4]) for n, (_, e) in enumerate(events)}


def test_cartridge_prices_arrive_as_amounts_and_sale_prices_computed_in_sql_keep_every_bit(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.cartridge_shop)
    products, orders, entries = len(apps.CARTRIDGE_PRICES), 10, 6
    lines = sum(len(apps.cartridge_order_items(n)) for n in range(orders))
    tables = {
        "django_site": 1,
        "shop_sale": 2,
        "shop_product": products,
        "shop_productimage": 0,
        "shop_productvariation": products,
        "shop_order": orders,
        "shop_orderitem": lines,
        "shop_productaction": 6,
        "forms_formentry": entries,
        "forms_fieldentry": 4 * entries,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])

    def declared(table: str) -> dict[str, str]:
        return pg_column_types(ran.uri, ran.record["version_schema"], table)

    def cents(value: Decimal | str | None) -> str | None:
        return None if value is None else str(Decimal(value).quantize(Decimal("0.01")))

    # Every MoneyField is a bare `decimal`: the prices the admin typed (REAL 19.99, INTEGER 518) are
    # amounts at the money scale, the variations' copies too.
    for table in ("shop_product", "shop_productvariation"):
        assert declared(table)["unit_price"] == "numeric(18,2)", table
        assert ran.values(table, "unit_price", "id") == {
            i + 1: cents(price) for i, price in enumerate(apps.CARTRIDGE_PRICES)
        }
    # Sale.update_products writes `unit_price - unit_price / '100.0' * 15` in SQL: REAL arithmetic,
    # some of it a double of 17 digits (no decimal of 15), so double precision, SQLite's own bits.
    computed = {i + 1: apps.cartridge_sale_price(i) for i in range(products)}
    assert any(v is not None and len(Decimal(repr(v)).as_tuple().digits) > 15 for v in computed.values())
    for table in ("shop_product", "shop_productvariation"):
        assert declared(table)["sale_price"] == "double precision", table
        assert ran.values(table, "sale_price", "id") == computed
        assert ran.values(table, "sale_id", "id") == {
            i + 1: {"percent": 1, "deduct": 2, None: None}[apps.cartridge_sale(i)] for i in range(products)
        }
    order = {n + 1: apps.cartridge_order(n) for n in range(orders)}
    amounts = declared("shop_order")
    for column in ("item_total", "shipping_total", "tax_total", "total"):
        assert amounts[column] == "numeric(18,2)", column
        assert ran.values("shop_order", column, "id") == {k: cents(a[column]) for k, a in order.items()}
    # A bare `decimal` of whole amounts only (10.00 off, stored as the INTEGER 10) goes by its values
    # (docs/profiling.md, "REAL cells in a number column"): bigint, every value as written.
    assert amounts["discount_total"] == declared("shop_sale")["discount_percent"] == "bigint"
    assert ran.values("shop_order", "discount_total", "id") == {
        k: None if a["discount_total"] is None else int(a["discount_total"]) for k, a in order.items()
    }
    assert declared("shop_sale")["discount_deduct"] == "numeric(18,2)"
    line_prices = ran.values("shop_orderitem", "total_price", "id")
    expected_lines = [
        cents(Decimal(apps.CARTRIDGE_PRICES[p] or "0") * quantity)
        for n in range(orders)
        for p, quantity in apps.cartridge_order_items(n)
    ]
    assert line_prices == {i + 1: price for i, price in enumerate(expected_lines)}
    relation = f"{quote_ident(ran.base)}.shop_order"
    assert pg_query(ran.uri, f"SELECT SUM(total) FROM {relation}") == [
        (cents(sum((a["total"] or Decimal(0) for a in order.values()), Decimal(0))),)
    ]
    # Codes with leading zeros stay text; Django's naive UTC datetimes are timestamps; bool is boolean.
    assert declared("shop_product")["sku"] == amounts["billing_detail_postcode"] == "text"
    assert amounts["billing_detail_phone"] == declared("shop_productvariation")["sku"] == "text"
    assert ran.values("shop_product", "sku", "id") == {i + 1: f"{i:06d}" for i in range(products)}
    assert ran.values("shop_order", "billing_detail_postcode", "id") == {
        n + 1: f"{(n * 137) % 100000:05d}" for n in range(orders)
    }
    assert amounts["time"] == declared("shop_sale")["valid_to"] == "timestamp without time zone"
    assert ran.values("shop_order", "time", "id") == {
        n + 1: datetime.fromisoformat(apps.cartridge_moment(n)) for n in range(orders)
    }
    assert declared("shop_product")["available"] == "boolean"
    assert ran.values("shop_product", "available", "id") == {i + 1: i % 4 > 0 for i in range(products)}
    # `timestamp` holds date.toordinal() days (739590 and so on): no epoch, integers as written.
    assert declared("shop_productaction")["timestamp"] == "bigint"
    today = apps.CARTRIDGE_TODAY.toordinal()
    assert ran.values("shop_productaction", "timestamp", "id") == {k + 1: today - k // 2 for k in range(6)}
    # A Mezzanine form's entries: names, amounts, days and flags in one varchar stay text.
    assert declared("forms_fieldentry")["value"] == "text"
    values = apps.CARTRIDGE_FORM_VALUES
    assert ran.values("forms_fieldentry", "value", "id") == {
        k + 1: arrives_as(values[k % len(values)]) for k in range(4 * entries)
    }
    found = references(run_dir)
    assert found[("shop_orderitem", "order_id")] == "shop_order.id"
    assert found[("shop_productvariation", "product_id")] == "shop_product.id"
    assert found[("forms_fieldentry", "entry_id")] == "forms_formentry.id"
    # Its reference to forms_form, a table the file lacks, names nothing in the target.
    assert ("forms_formentry", "form_id") not in found


def test_liquibase_change_log_and_its_rebuilt_schema_arrive_exactly_with_no_false_reference(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.liquibase_schema)
    customers, changesets = 12, len(apps.LIQUIBASE_CHANGESETS)
    copied = [i for i in range(customers) if (i + 1) % 4 == 0]  # the <sql> change's invoices
    tables = {
        "DATABASECHANGELOG": changesets,
        "DATABASECHANGELOGLOCK": 1,
        "customer": customers,
        "invoice": 3 + len(copied),
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    log, customer, invoice = ran.types("DATABASECHANGELOG"), ran.types("customer"), ran.types("invoice")
    # The change log: ids and deployment ids as written (a deployment's "0435600123" keeps its zero),
    # DATEEXECUTED's UTC text as timestamps, '' for no comment NULL by the documented rule.
    assert log["DEPLOYMENT_ID"] == log["MD5SUM"] == "text"
    rows = [apps.liquibase_changelog_row(k) for k in range(changesets)]
    by_order = {row[4]: row for row in rows}
    assert ran.values("DATABASECHANGELOG", "DEPLOYMENT_ID", "ORDEREXECUTED") == {
        order: row[13] for order, row in by_order.items()
    }
    assert {apps.liquibase_deployment(1)} == {"0435600123"}
    assert log["DATEEXECUTED"] == "timestamp without time zone"
    assert ran.values("DATABASECHANGELOG", "DATEEXECUTED", "ORDEREXECUTED") == {
        k + 1: apps.liquibase_executed(k) for k in range(changesets)
    }
    assert ran.values("DATABASECHANGELOG", "COMMENTS", "ORDEREXECUTED") == {
        order: arrives_as(row[8]) for order, row in by_order.items()
    }
    assert ran.values("DATABASECHANGELOG", "TAG", "ORDEREXECUTED")[7] == "v1.0 ☕"
    assert ran.values("DATABASECHANGELOGLOCK", "LOCKED", "ID") == {1: False}
    # The rebuilt table's declared sizes (DECIMAL(2000000000, 10), BOOLEAN(2000000000)) are the JDBC
    # driver's, not the change set's: amounts at the declared scale, flags, doubles, bytes.
    assert customer["balance"] == customer["rate"] == "numeric"
    declared = pg_column_types(ran.uri, ran.record["version_schema"], "customer")
    assert declared["balance"] == declared["rate"] == "numeric(18,10)"
    tenths = Decimal(1).scaleb(-10)
    assert ran.values("customer", "balance", "id") == {
        i + 1: format(Decimal(apps.liquibase_balance(i)).quantize(tenths), "f") for i in range(customers)
    }
    assert ran.values("customer", "rate", "id") == {
        i + 1: format(Decimal(apps.liquibase_customer_row(i)[4]).quantize(tenths), "f")
        for i in range(customers)
    }
    assert (customer["active"], customer["score"], customer["avatar"]) == (
        "boolean",
        "double precision",
        "bytea",
    )
    assert (customer["amount_due"], customer["tier"], customer["code"]) == (
        "double precision",
        "bigint",
        "text",
    )
    assert ran.values("customer", "code", "id") == {i + 1: f"{i * 7:05d}" for i in range(customers)}
    # sqlite-jdbc's epoch milliseconds: a java.sql.Date (a `date` column) is the instant of the JVM's
    # local midnight, a Timestamp in a TEXT column (Liquibase's DATETIME) its digits: both instants,
    # each exact, audited; a reader in the JVM's zone sees the day it meant.
    assert customer["joined"] == customer["last_seen"] == "timestamp with time zone"
    joined = ran.values("customer", "joined", "id")
    assert joined == {
        i + 1: UNIX_EPOCH + timedelta(milliseconds=apps.liquibase_joined_millis(i)) for i in range(customers)
    }
    zones = {i + 1: apps.LIQUIBASE_SUMMER if i % 2 else apps.LIQUIBASE_WINTER for i in range(customers)}
    assert {k: v.astimezone(zones[k]).date() for k, v in joined.items()} == {
        i + 1: apps.liquibase_joined(i) for i in range(customers)
    }
    assert audit_rules(run_dir, "customer", "joined") == {
        str(i + 1): {"epoch:milliseconds"} for i in range(customers)
    }
    seen = {i: apps.liquibase_last_seen(i) for i in range(customers)}
    assert ran.values("customer", "last_seen", "id") == {
        i + 1: None if ms is None else UNIX_EPOCH + timedelta(milliseconds=ms) for i, ms in seen.items()
    }
    # The invoices: DECIMAL(10, 2) holding REAL products of the <sql> change (doubles of 17 digits):
    # double precision, every bit; `date` holding both valueDate's text and copied milliseconds: text.
    totals = {1: 1234.5, 2: 0.1, 3: 99.0}
    totals |= {4 + n: float(Decimal(apps.liquibase_balance(i))) * 1.19 for n, i in enumerate(copied)}
    assert any(len(Decimal(repr(v)).as_tuple().digits) > 15 for v in totals.values())
    assert invoice["total"] == "double precision"
    assert ran.values("invoice", "total", "id") == totals
    assert invoice["issued_on"] == "text"
    issued = {1: "2024-02-29", 2: "1969-12-31", 3: "2031-07-15"}
    issued |= {4 + n: str(apps.liquibase_joined_millis(i)) for n, i in enumerate(copied)}
    assert ran.values("invoice", "issued_on", "id") == issued
    assert ran.values("invoice", "pdf", "id")[3] == apps.LIQUIBASE_PDF
    # The rename rewrote the invoice's clause to customer_temporary, a table the file lacks: no declared
    # reference, the column found in the data; the change log's ORDEREXECUTED 1..8, the first keys of
    # the customers, refers to nothing (the export declares its references).
    found = references(run_dir)
    assert found == {("invoice", "customer_id"): "customer.id"}
    notes = profiled(run_dir)["columns"]["DATABASECHANGELOG"]["ORDEREXECUTED"]["notes"]
    assert any("the first keys of customer.id" in note for note in notes), notes


def test_open_webui_database_keeps_its_moments_json_and_finds_the_undeclared_user_reference(
    run_export: Runner,
) -> None:
    # Open WebUI's webui.db: Unix seconds become instants (audited), a DATE birthday text a date, its
    # time.time_ns() nanoseconds stay bigint with a note, SQLAlchemy JSON's 'null' is NULL (audited),
    # the rest of the JSON character for character; chat_message declares chat_id and not user_id,
    # which is found in the data as it is in the tables declaring nothing.
    ran, run_dir = run_export(apps.open_webui)
    users, chats, messages, posts, notes = range(6), range(12), range(3), range(20), range(8)
    loaded_cleanly(
        ran,
        run_dir,
        {
            "user": len(users),
            "auth": len(users),
            "chat": len(chats),
            "chat_message": len(chats) * len(messages),
            "channel": 1,
            "message": len(posts),
            "note": len(notes),
            "alembic_version": 1,
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    instant = "timestamp with time zone"
    user, chat, chat_message = ran.types("user"), ran.types("chat"), ran.types("chat_message")
    assert (user["created_at"], user["updated_at"], user["last_active_at"], user["date_of_birth"]) == (
        instant,
        instant,
        instant,
        "date",
    )
    assert (chat["created_at"], chat["last_read_at"], chat["archived"], chat["pinned"]) == (
        instant,
        instant,
        "boolean",
        "boolean",
    )
    assert (chat_message["created_at"], chat_message["done"]) == (instant, "boolean")
    assert ran.types("auth")["active"] == "boolean"
    assert ran.types("auth")["session_stamp"] == user["settings"] == chat["chat"] == "text"
    for table in ("message", "note", "channel"):
        types = ran.types(table)
        assert (types["created_at"], types["updated_at"]) == ("bigint", "bigint"), table
    # Seconds are the instants the app wrote; the birthday the day it stored.
    key = {apps.open_webui_user_id(u): u for u in users}
    created = ran.values("user", "created_at", "id")
    assert {key[k]: v for k, v in created.items()} == {
        u: UNIX_EPOCH + timedelta(seconds=apps.open_webui_seconds(u)) for u in users
    }
    born = ran.values("user", "date_of_birth", "id")
    assert {key[k]: v for k, v in born.items()} == {u: apps.OPEN_WEBUI_BIRTHDAYS[u % 3] for u in users}
    sent = ran.values("chat_message", "created_at", "id")
    assert sent == {
        f"{apps.open_webui_chat_id(c)}-{apps.open_webui_message_id(c, m)}": UNIX_EPOCH
        + timedelta(seconds=apps.open_webui_seconds(c) + m)
        for c in chats
        for m in messages
    }
    # Nanoseconds to the last digit, and a note on how to read them.
    posted = ran.values("message", "created_at", "id")
    assert sorted(posted.values()) == [apps.open_webui_nanos(p) for p in posts]
    edited = ran.values("note", "updated_at", "id")
    assert sorted(edited.values()) == [apps.open_webui_nanos(n) + 50_000_000_651 for n in notes]
    notes_of = profiled(run_dir)["columns"]["message"]["created_at"]["notes"]
    assert any("epoch nanoseconds" in note for note in notes_of)
    # JSON as written, 'null' as NULL (each audited), the whole conversation byte for byte.
    assert ran.values("chat", "chat", "id") == {
        apps.open_webui_chat_id(c): apps.open_webui_chat(c, len(messages)) for c in chats
    }
    assert ran.values("chat_message", "content", "id") == {
        f"{apps.open_webui_chat_id(c)}-{apps.open_webui_message_id(c, m)}": json.dumps(
            apps.OPEN_WEBUI_TEXTS[(c + m) % len(apps.OPEN_WEBUI_TEXTS)], ensure_ascii=False
        )
        for c in chats
        for m in messages
    }
    settings = ran.values("user", "settings", "id")
    assert {key[k]: v for k, v in settings.items()} == {
        u: None if apps.open_webui_settings(u) == "null" else apps.open_webui_settings(u) for u in users
    }
    assert audit_rules(run_dir, "user", "settings") == {
        apps.open_webui_user_id(u): {"null_like_to_null"}
        for u in users
        if apps.open_webui_settings(u) == "null"
    }
    usage = ran.values("chat_message", "usage", "id")
    assert {v for v in usage.values() if v is not None} == {
        apps.open_webui_usage(c, m) for c in chats for m in messages if m % 2
    }
    assert sum(v is None for v in usage.values()) == sum(1 for _ in chats for m in messages if m % 2 == 0)
    # The declared reference and, beside it, the user_id the schema left undeclared.
    assert references(run_dir) == {
        ("chat", "user_id"): "user.id",
        ("chat_message", "chat_id"): "chat.id",
        ("chat_message", "user_id"): "user.id",
        ("channel", "user_id"): "user.id",
        ("message", "user_id"): "user.id",
        ("message", "channel_id"): "channel.id",
        ("note", "user_id"): "user.id",
    }


def test_argilla_server_database_keeps_its_hex_keys_moments_codes_and_json_scores(run_export: Runner) -> None:
    # Argilla's argilla.db: CHAR(32) UUID hex keys as text (leading zeros kept), utcnow() DATETIME text
    # as timestamps to the microsecond, external ids with their zeros as text, BOOLEAN 0/1 as booleans,
    # JSON 'null' as NULL (audited), a suggestion's bare-number JSON score as the double json.dumps wrote.
    ran, run_dir = run_export(apps.argilla_server)
    users, records = range(5), range(24)
    answered = [(r, u) for r in records for u in users if (r + u) % 2 == 0]
    suggested = [r for r in records if r % 2 == 1 or r % 3 == 0]
    loaded_cleanly(
        ran,
        run_dir,
        {
            "users": len(users),
            "workspaces": 1,
            "workspaces_users": len(users),
            "datasets": 1,
            "questions": 2,
            "records": len(records),
            "responses": len(answered),
            "suggestions": len(suggested),
            "alembic_version": 1,
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    moment = "timestamp without time zone"
    types = ran.types("records")
    assert (types["id"], types["external_id"], types["inserted_at"], types["metadata"]) == (
        "text",
        "text",
        moment,
        "text",
    )
    assert ran.types("datasets")["allow_extra_metadata"] == ran.types("questions")["required"] == "boolean"
    assert ran.types("datasets")["last_activity_at"] == ran.types("responses")["updated_at"] == moment
    assert ran.types("suggestions")["score"] == "double precision"
    # Keys as written (the one with leading zeros too); moments to the microsecond; codes with zeros.
    ids = {apps.argilla_id(3, r): r for r in records}
    assert "0110920998864834af3a4ca58da44cfe" in ids
    inserted = ran.values("records", "inserted_at", "id")
    assert {ids[k]: v for k, v in inserted.items()} == {r: apps.argilla_moment(r + 4) for r in records}
    external = ran.values("records", "external_id", "id")
    assert {ids[k]: v for k, v in external.items()} == {r: apps.argilla_external_id(r) for r in records}
    # JSON as written, 'null' as NULL, each audited.
    metadata = ran.values("records", "metadata", "id")
    assert {ids[k]: v for k, v in metadata.items()} == {
        r: None if apps.argilla_metadata(r) == "null" else apps.argilla_metadata(r) for r in records
    }
    assert audit_rules(run_dir, "records", "metadata") == {
        apps.argilla_id(3, r): {"null_like_to_null"} for r in records if apps.argilla_metadata(r) == "null"
    }
    values = ran.values("responses", "values", "id")
    assert values == {
        apps.argilla_id(6, r * len(users) + u): None if v == "null" else v
        for r, u in answered
        if (v := apps.argilla_values(r, u))
    }
    assert {s for _, s in pg_query(ran.uri, f'SELECT id, status FROM "{ran.base}".responses')} == set(
        apps.ARGILLA_STATUSES
    )
    scores = ran.values("suggestions", "score", "id")
    assert scores == {apps.argilla_id(7, r): json.loads(apps.argilla_score(r)) for r in suggested}
    assert all(type(s) is float for s in scores.values() if s is not None)
    assert references(run_dir) == {
        ("workspaces_users", "workspace_id"): "workspaces.id",
        ("workspaces_users", "user_id"): "users.id",
        ("datasets", "workspace_id"): "workspaces.id",
        ("questions", "dataset_id"): "datasets.id",
        ("records", "dataset_id"): "datasets.id",
        ("responses", "record_id"): "records.id",
        ("responses", "user_id"): "users.id",
        ("suggestions", "record_id"): "records.id",
        ("suggestions", "question_id"): "questions.id",
    }


def test_dvc_data_index_keeps_its_trie_and_finds_each_node_s_parent_beside_a_deleted_one(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.dvc_data_index)
    nodes = apps.dvc_nodes()
    loaded_cleanly(ran, run_dir, {"nodes": len(nodes)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("nodes") == {
        "id": "bigint",
        "pid": "bigint",
        "name": "text",
        "has_value": "boolean",
        "value": "bytea",
    }
    # The entries' JSON bytes arrive byte for byte; has_value 1 / 0 are booleans (audited), NULL stays.
    values = ran.values("nodes", "value", "id")
    assert {k: None if v is None else bytes(v) for k, v in values.items()} == {n[0]: n[4] for n in nodes}
    assert ran.values("nodes", "has_value", "id") == {
        n[0]: None if n[3] is None else bool(n[3]) for n in nodes
    }
    # The root's name '' is NULL by the documented rule, audited; every other name as written.
    assert ran.values("nodes", "name", "id") == {n[0]: n[2] or None for n in nodes}
    assert audit_rules(run_dir, "nodes", "name") == {"1": {"empty_to_null"}}
    assert ran.values("nodes", "name", "id")[11 + 2 * 7 + 1] == apps.dvc_file_name(7)  # accents, emoji, NBSP
    # pid names its parent node (declared nowhere); a child of a node the trie deleted is its orphan.
    assert references(run_dir)[("nodes", "pid")] == "nodes.id"
    keys = {n[0] for n in nodes}
    orphans = [n for n in nodes if n[1] is not None and n[1] not in keys]
    pid = profiled(run_dir)["columns"]["nodes"]["pid"]
    issue = next(i for i in pid["issues"] if i["kind"] == "orphan_reference")
    assert (issue["count"], len(orphans)) == (1, 1)


def test_dvc_index_cache_keeps_its_eviction_policy_none_and_its_pickled_flags(run_export: Runner) -> None:
    ran, run_dir = run_export(apps.dvc_index_cache)
    objects = apps.DVC_FILES + 1
    loaded_cleanly(ran, run_dir, {"Settings": len(apps.DVC_CACHE_SETTINGS), "Cache": objects})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    # Integers bound as integers beside words in the untyped value: text, each as SQLite writes it; the
    # policy `none` (no eviction) is one of the words, not a missing value (until 2026-12-05 NULL).
    assert ran.types("Settings")["value"] == "text"
    assert ran.values("Settings", "value", "key") == {k: str(v) for k, v in apps.DVC_CACHE_SETTINGS}
    assert ran.values("Settings", "value", "key")["eviction_policy"] == "none"
    types = ran.types("Cache")
    assert (types["key"], types["value"]) == ("text", "bytea")
    assert types["store_time"] == types["access_time"] == "double precision"
    keys = ran.values("Cache", "key", "rowid")
    assert keys == {1: "a254fa371ea1e3f197087b53dd79e387.dir"} | {
        n + 2: apps.dvc_md5(n) for n in range(apps.DVC_FILES)
    }
    flags = {k: pickle.loads(bytes(v)) for k, v in ran.values("Cache", "value", "rowid").items()}
    assert flags == {n + 1: apps.dvc_pushed(n) for n in range(objects)}
    assert ran.values("Cache", "store_time", "rowid") == {
        n + 1: apps.DVC_STORED + n * 0.0089 for n in range(objects)
    }
    assert audited_columns(run_dir) == set()


def test_guild_runs_index_keeps_its_float32_summaries_bit_for_bit_in_untyped_columns(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.guild_runs_index)
    scalars = apps.guild_scalars()
    sources = len(
        {(apps.guild_run_id(n), prefix) for n in range(apps.GUILD_RUNS) for prefix, _ in apps.guild_tags(n)}
    )
    loaded_cleanly(ran, run_dir, {"scalar": len(scalars), "scalar_source": sources})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    # Every column untyped: each takes the type of what Guild bound, the widened float32s doubles
    # (every bit), the steps and counts integers, the run ids text with their leading zeros.
    types = ran.types("scalar")
    assert {c for c, t in types.items() if t == "double precision"} == {
        "first_val",
        "last_val",
        "min_val",
        "max_val",
        "avg_val",
        "total",
    }
    assert {c for c, t in types.items() if t == "bigint"} == {
        "first_step",
        "last_step",
        "min_step",
        "max_step",
        "count",
    }
    assert types["run"] == types["prefix"] == types["tag"] == "text"
    relation = f"{quote_ident(ran.base)}.scalar"
    got = pg_query(ran.uri, f"SELECT * FROM {relation}")
    assert sorted(got) == sorted(scalars)
    assert apps.float32(0.1) == 0.10000000149011612 and 0.10000000149011612 in {row[3] for row in got}
    # scalar_source is keyed by its UNIQUE index; scalar's (run, prefix) names its rows, but a reference
    # of two columns is declared or not inferred (docs/profiling.md, References).
    assert primary_key(ran.uri, ran.record["version_schema"], "scalar_source") == ["run", "prefix"]
    assert references(run_dir) == {}
    assert audited_columns(run_dir) == set()


def test_zabbix_proxy_reads_its_clocks_as_instants_and_keeps_each_value_as_the_agent_sent_it(
    run_export: Runner,
) -> None:
    values = 40
    items = len(apps.ZABBIX_HOSTS) * len(apps.ZABBIX_ITEMS)
    tables = {
        "maintenances": 0,
        "hosts": len(apps.ZABBIX_HOSTS),
        "interface": 0,
        "valuemap": 0,
        "items": items,
        "item_rtdata": items,
        "proxy_history": values,
        "proxy_autoreg_host": len(apps.ZABBIX_AUTOREG),
        "ids": 2,
        "dbversion": 1,
    }
    ran, run_dir = run_export(apps.zabbix_proxy)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    history = ran.types("proxy_history")
    # Every time the proxy keeps is an integer of Unix seconds named `clock`: instants, each audited.
    # A log value's own `timestamp` beside 0 for every other value stays its integers (a note gives
    # the instant), and the nanoseconds of a clock are a count.
    assert history["clock"] == history["write_clock"] == "timestamp with time zone"
    assert ran.types("proxy_autoreg_host")["clock"] == "timestamp with time zone"
    assert history["timestamp"] == history["ns"] == history["itemid"] == history["id"] == "bigint"
    # Each value is the text the agent or sender sent: numbers, versions and zip codes beside log lines.
    assert history["value"] == history["source"] == "text"
    assert ran.types("items")["delay"] == "text"
    ids = range(1, values + 1)
    assert ran.values("proxy_history", "clock", "id") == {
        i: datetime.fromtimestamp(apps.zabbix_clock(i - 1), UTC) for i in ids
    }
    assert ran.values("proxy_history", "write_clock", "id") == {
        i: datetime.fromtimestamp(apps.zabbix_written(i - 1), UTC) for i in ids
    }
    assert audit_rules(run_dir, "proxy_history", "clock") == {str(i): {"epoch:seconds"} for i in ids}
    assert ran.values("proxy_history", "ns", "id") == {i: apps.zabbix_ns(i - 1) for i in ids}
    assert ran.values("proxy_history", "timestamp", "id") == {i: apps.zabbix_value(i - 1)[2] for i in ids}
    assert ran.values("proxy_history", "value", "id") == {
        i: arrives_as(apps.zabbix_value(i - 1)[1]) for i in ids
    }
    assert ran.values("proxy_history", "itemid", "id") == {
        i: apps.zabbix_item(apps.zabbix_value(i - 1)[0])[0] for i in ids
    }
    zips = {v for v in ran.values("proxy_history", "value", "id").values() if v in apps.ZABBIX_ZIPS}
    assert zips == set(apps.ZABBIX_ZIPS)
    assert ran.values("proxy_autoreg_host", "clock", "id") == {
        k + 1: datetime.fromtimestamp(apps.ZABBIX_START + 600 * k, UTC)
        for k in range(len(apps.ZABBIX_AUTOREG))
    }
    assert ran.values("proxy_autoreg_host", "host_metadata", "id") == {
        k + 1: arrives_as(metadata) for k, (_, _, metadata) in enumerate(apps.ZABBIX_AUTOREG)
    }
    assert ran.values("items", "delay", "itemid") == {
        apps.ZABBIX_FIRST_ITEM + n: apps.ZABBIX_ITEMS[n % len(apps.ZABBIX_ITEMS)][3] for n in range(items)
    }
    assert ran.values("hosts", "name", "hostid") == {h: name or host for h, host, name in apps.ZABBIX_HOSTS}


def test_liferea_reads_item_dates_as_instants_and_keeps_node_types_and_string_ids_as_text(
    run_export: Runner,
) -> None:
    items = 30
    metadata = sum(len(apps.liferea_metadata(i)) for i in range(1, items + 1))
    fetched = [n for n in apps.LIFEREA_NODES if n[3] not in ("folder", "vfolder")]
    tables = {
        "info": 1,
        "items": items,
        "metadata": metadata,
        "subscription": len(fetched),
        "subscription_metadata": 3,
        "node": len(apps.LIFEREA_NODES),
        "search_folder_items": sum(1 for i in range(1, items + 1) if not apps.liferea_read(i)),
    }
    ran, run_dir = run_export(apps.liferea_feeds)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("items")
    # Each item's date is an INTEGER of Unix seconds under `date`: instants, each cell audited.
    assert types["date"] == "timestamp with time zone"
    ids = range(1, items + 1)
    assert ran.values("items", "date", "item_id") == {
        i: datetime.fromtimestamp(apps.liferea_date(i), UTC) for i in ids
    }
    assert audit_rules(run_dir, "items", "date") == {str(i): {"epoch:seconds"} for i in ids}
    # The 0/1 flags are declared INTEGER: numbers, each as written.
    assert types["read"] == types["marked"] == types["popup"] == "bigint"
    assert ran.values("items", "read", "item_id") == {i: apps.liferea_read(i) for i in ids}
    assert ran.values("items", "title", "item_id") == {
        i: arrives_as(apps.LIFEREA_TITLES[i % len(apps.LIFEREA_TITLES)]) for i in ids
    }
    # `node.type` is declared INTEGER but holds the node type's name: text, each name as written,
    # NULL where a feed was never fetched; the STRING (NUMERIC affinity) ids are text.
    nodes = ran.types("node")
    assert nodes["type"] == nodes["node_id"] == nodes["parent_id"] == "text"
    assert ran.values("node", "type", "node_id") == {node: kind for node, _, _, kind in apps.LIFEREA_NODES}
    assert primary_key(ran.uri, ran.record["version_schema"], "node") == ["node_id"]
    assert primary_key(ran.uri, ran.record["version_schema"], "metadata") == ["item_id", "nr"]
    expected = {(i, nr): value for i in ids for nr, (_, value) in enumerate(apps.liferea_metadata(i), 1)}
    found = pg_query(ran.uri, f"SELECT item_id, nr, value FROM {quote_ident(ran.base)}.metadata")
    assert {(i, nr): value for i, nr, value in found} == expected
    # The references its values name: every item's feed, every metadata row's item.
    found_references = references(run_dir)
    assert found_references[("items", "node_id")] == "node.node_id"
    assert found_references[("metadata", "item_id")] == "items.item_id"
    assert found_references[("search_folder_items", "item_id")] == "items.item_id"
    # A feed's subscription, keyed by its node's own id (a table's key naming another: since 2026-12-05).
    assert found_references[("subscription", "node_id")] == "node.node_id"


def test_evolution_address_book_keeps_collation_keys_as_bytes_and_reads_each_rev_as_an_instant(
    run_export: Runner,
) -> None:
    contacts = 24
    found = [apps.eds_contact(i) for i in range(contacts)]
    tables = {
        "folders": 1,
        "keys": 2,
        "folder_id": contacts,
        "folder_id_email_list": sum(1 for c in found if c[3]),
        "folder_id_phone_list": sum(1 for c in found if c[4]),
    }
    ran, run_dir = run_export(apps.eds_address_book)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("folder_id")
    # ICU collation keys written as TEXT are no UTF-8 and hold its level separator: bytes, as written.
    assert types["file_as_localized"] == types["given_name_localized"] == "bytea"
    assert types["uid"] == types["file_as"] == types["vcard"] == "text"
    # The vCard's REV, ISO text in UTC with `Z`, is an instant; the flags are numbers.
    assert types["Rev"] == "timestamp with time zone"
    assert types["is_list"] == types["wants_html"] == "bigint"
    uids = {apps.eds_uid(i): i for i in range(contacts)}
    assert ran.values("folder_id", "Rev", "uid") == {
        uid: datetime.fromtimestamp(apps.EDS_SAVED + i, UTC) for uid, i in uids.items()
    }
    assert {uid: bytes(v) for uid, v in ran.values("folder_id", "file_as_localized", "uid").items()} == {
        uid: apps.eds_sort_key(found[i][1]) for uid, i in uids.items()
    }
    # Each vCard keeps its CRLF lines, each name its accents, emoji and no-break spaces.
    assert ran.values("folder_id", "vcard", "uid") == {uid: found[i][2] for uid, i in uids.items()}
    assert ran.values("folder_id", "full_name", "uid") == {
        uid: found[i][0].lower() for uid, i in uids.items()
    }
    phones = pg_query(ran.uri, f"SELECT uid, value FROM {quote_ident(ran.base)}.folder_id_phone_list")
    assert sorted(phones) == sorted((apps.eds_uid(i), c[4]) for i, c in enumerate(found) if c[4])
    found_references = references(run_dir)
    assert found_references[("folder_id_email_list", "uid")] == "folder_id.uid"
    assert found_references[("folder_id_phone_list", "uid")] == "folder_id.uid"


def test_mpd_stickers_arrive_as_the_protocol_text_keyed_by_the_unique_index(run_export: Runner) -> None:
    """MPD's sticker table: no primary key, every column ``VARCHAR``, one value column for counters,
    Unix seconds, ratings and free text alike; ``''`` where a client set an empty sticker."""
    songs = 24
    ran, run_dir = run_export(apps.mpd_stickers)
    stickers = {
        (apps.mpd_song(i), name): value
        for i in range(1, songs + 1)
        for name, value in apps.mpd_sticker_values(i).items()
    }
    loaded_cleanly(ran, run_dir, {"sticker": len(stickers)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    schema = ran.record["version_schema"]
    # The protocol's text: counters and ratings beside comments in one column stay text, as declared.
    assert pg_column_types(ran.uri, schema, "sticker") == dict.fromkeys(
        ("type", "uri", "name", "value"), "text"
    )
    # The declared UNIQUE index is the table's key, whose URIs (emoji, CJK, a no-break space) are kept.
    assert primary_key(ran.uri, schema, "sticker") == ["type", "uri", "name"]
    relation = f"{quote_ident(ran.base)}.sticker"
    loaded = pg_query(ran.uri, f"SELECT type, uri, name, value FROM {relation}")
    assert {kind for kind, *_ in loaded} == {"song"}
    assert {(uri, name): value for _, uri, name, value in loaded} == {
        key: value or None for key, value in stickers.items()
    }
    # An empty sticker is the one way a NOT NULL column writes "none": made NULL, each audited, at no cost.
    assert audit_rules(run_dir, "sticker", "value") == {
        f"song|{uri}|{name}": {"empty_to_null"} for (uri, name), value in stickers.items() if value == ""
    }
    assert ran.record["quality_before"] == 100.0


def test_freeradius_accounting_seconds_arrive_as_instants_and_its_attribute_rows_as_text(
    run_export: Runner,
) -> None:
    """FreeRADIUS binds each accounting time as Unix seconds into a ``datetime`` column, writes its
    post-auth time as local text, and keeps every check and reply attribute's value as text."""
    sessions, auths = 24, 20
    ran, run_dir = run_export(apps.freeradius_sql)
    users = len(apps.RADIUS_USERS)
    tables = {
        "radacct": sessions,
        "radcheck": users + (users + 1) // 2,
        "radgroupcheck": 0,
        "radgroupreply": 6,
        "radreply": 2 * ((users + 2) // 3),
        "radusergroup": users,
        "radpostauth": auths,
        "nas": 2,
        "nasreload": 0,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    acct = ran.types("radacct")
    # Unix seconds name instants: timestamptz, each audited epoch:seconds; a session not stopped is NULL.
    assert (
        acct["acctstarttime"] == acct["acctupdatetime"] == acct["acctstoptime"] == "timestamp with time zone"
    )
    assert audit_rules(run_dir, "radacct", "acctstarttime") == {
        str(k + 1): {"epoch:seconds"} for k in range(sessions)
    }

    def instant(seconds: int | None) -> datetime | None:
        return None if seconds is None else datetime.fromtimestamp(seconds, UTC)

    truth = [apps.radius_session(k) for k in range(sessions)]
    for column, field in (("acctstarttime", "start"), ("acctupdatetime", "update"), ("acctstoptime", "stop")):
        assert ran.values("radacct", column, "radacctid") == {
            k + 1: instant(s[field]) for k, s in enumerate(truth)
        }, column
    # Octets past 2^32 (gigawords) are bigint; session ids keep their leading zeros as text.
    assert acct["acctinputoctets"] == acct["acctsessiontime"] == "bigint"
    assert ran.values("radacct", "acctinputoctets", "radacctid") == {
        k + 1: s["input"] for k, s in enumerate(truth)
    }
    assert acct["acctsessionid"] == acct["acctuniqueid"] == acct["framedipaddress"] == "text"
    assert ran.values("radacct", "acctsessionid", "radacctid") == {k + 1: f"{k:08X}" for k in range(sessions)}
    assert primary_key(ran.uri, ran.record["version_schema"], "radacct") == ["radacctid"]
    # The server's local wall clock with microseconds: a timestamp without time zone, every digit.
    assert ran.types("radpostauth")["authdate"] == "timestamp without time zone"
    assert ran.values("radpostauth", "authdate", "id") == {
        n + 1: apps.radius_authdate(n) for n in range(auths)
    }
    # Attribute values are the protocol's text, digits or not.
    for table in ("radcheck", "radreply", "radgroupreply"):
        assert ran.types(table)["value"] == "text", table
    assert ran.values("radreply", "value", "id")[2] == "3600"
    # A user name is no reference to any table's key: nothing is inferred.
    assert references(run_dir) == {}


def test_bacula_catalog_job_times_seconds_digests_and_declared_references_arrive_exactly(
    run_export: Runner,
) -> None:
    """Bacula's catalog: DATETIME text of the director's clock beside the same start as Unix seconds
    (``JobTDate``), base64 digests beside ``'0'`` for a directory, ``0`` for no pool or file set."""
    files = 12
    ran, run_dir = run_export(apps.bacula_catalog)
    backups = [(j, level) for j, (kind, level) in enumerate(apps.BACULA_LEVELS) if kind == "B"]
    saved = {j: files if level == "F" else len(range(j, files, 4)) for j, level in backups}
    dirs = len(apps.BACULA_DIRS)
    tables = {
        "Client": 1,
        "Pool": 1,
        "FileSet": 1,
        "Path": dirs,
        "Filename": files + 1,
        "Job": len(apps.BACULA_LEVELS),
        "File": sum(saved.values()) + dirs * len(backups),
        "JobMedia": len(backups),
        "Media": 1,
        "Log": 2 * len(apps.BACULA_LEVELS),
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    job = ran.types("Job")
    # The director's local clock as text: timestamps without a zone; its Unix seconds: instants.
    assert job["SchedTime"] == job["StartTime"] == job["RealEndTime"] == "timestamp without time zone"
    assert job["JobTDate"] == job["VolSessionTime"] == "timestamp with time zone"
    jobs = range(len(apps.BACULA_LEVELS))
    assert ran.values("Job", "JobTDate", "JobId") == {
        j + 1: datetime.fromtimestamp(apps.bacula_tdate(j), UTC) for j in jobs
    }
    assert ran.values("Job", "StartTime", "JobId") == {
        j + 1: datetime.fromisoformat(apps.bacula_local(apps.bacula_tdate(j))) for j in jobs
    }
    # Each is the same moment: the text read as UTC, the machine's zone, equals the instant.
    assert all(
        ran.values("Job", "StartTime", "JobId")[j + 1].replace(tzinfo=UTC)
        == ran.values("Job", "JobTDate", "JobId")[j + 1]
        for j in jobs
    )
    # Digests are text (a directory's '0' among them); names keep their accents and emoji; a
    # directory's name '' (declared NOT NULL) is made NULL by the documented rule, audited, at no cost.
    assert ran.types("File")["MD5"] == ran.types("File")["LStat"] == "text"
    digests = set(ran.values("File", "MD5", "FileId").values())
    assert digests == {"0"} | {apps.bacula_md5(i) for i in range(files)}
    assert ran.values("Filename", "Name", "FilenameId") == {1: None} | {
        i + 2: apps.bacula_name(i) for i in range(files)
    }
    assert audit_rules(run_dir, "Filename", "Name") == {"1": {"empty_to_null"}}
    assert ran.values("Path", "Path", "PathId") == {
        d + 1: apps.BACULA_ROOT + name for d, name in enumerate(apps.BACULA_DIRS)
    }
    # The schema's REFERENCES are the references; a restore's 0 stands for none and arrives as 0.
    found = references(run_dir)
    assert found[("File", "JobId")] == found[("Log", "JobId")] == "Job.JobId"
    assert found[("File", "PathId")] == "Path.PathId"
    assert found[("Job", "PoolId")] == "Pool.PoolId"
    assert ran.values("Job", "PoolId", "JobId") == {
        j + 1: int(kind == "B") for j, (kind, _) in enumerate(apps.BACULA_LEVELS)
    }
    assert ran.values("Log", "LogText", "LogId")[1] == "bacula-dir JobId 1: Start Job\n\\"


def test_bacula_catalog_of_a_running_job_reads_its_zero_end_times_as_no_date(
    run_export: Runner, tmp_path: Path
) -> None:
    """A catalog copied while a job runs: its ``EndTime`` and ``RealEndTime`` are the schema's
    ``DEFAULT 0``, MySQL's zero date as SQLite stores it, which the default null tokens already name
    as text (``0000-00-00 00:00:00``). It is no date: NULL, audited, no quarantine and no warning
    (until 2026-12-05 both cells were quarantined as unparseable dates and the run warned, exit 2)."""
    ran, run_dir = run_export(apps.bacula_catalog_running)
    # The truth, read from a copy by SQLite itself: each table's rows, and the INTEGER 0 end times.
    with closing(sqlite3.connect(apps.bacula_catalog_running(tmp_path / "copy.db"))) as con:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        tables = {n: con.execute(f"SELECT count(*) FROM {quote_ident(n)}").fetchone()[0] for n in names}
        zeros = {
            column: {
                key
                for (key,) in con.execute(
                    f"SELECT JobId FROM Job WHERE typeof({column}) = 'integer' AND {column} = 0"
                )
            }
            for column in ("EndTime", "RealEndTime")
        }
    running = len(apps.BACULA_LEVELS) + 1
    assert zeros == {"EndTime": {running}, "RealEndTime": {running}}
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    loaded_cleanly(ran, run_dir, tables)
    columns = profiled(run_dir)["columns"]["Job"]
    for column, rows in zeros.items():
        assert ran.types("Job")[column] == "timestamp without time zone"
        values = ran.values("Job", column, "JobId")
        assert {key for key, value in values.items() if value is None} == rows, column
        # Each zero date is NULL by the null-token rule, audited as the text zero date is; no other
        # cell of the column is changed (the director's DATETIME text is read as written).
        assert audit_rules(run_dir, "Job", column) == {str(key): {"null_like_to_null"} for key in rows}
        assert columns[column]["null_like_count"] == len(rows)
        assert columns[column]["zero_dates"] == ["0"]
        kinds = {issue["kind"] for issue in columns[column]["issues"]}
        assert "unparseable_date" not in kinds and "null_like" in kinds, columns[column]["issues"]


def test_imessage_chat_db_keeps_apple_nanoseconds_as_numbers_and_each_typedstream_body_as_bytes(
    run_export: Runner,
) -> None:
    messages = 30
    found = [apps.imessage_message(i) for i in range(messages)]
    attachments = sum(1 for m in found if m[3] == "\ufffc")
    group = len(apps.IMESSAGE_HANDLES) + 1
    tables = {
        "_SqliteDatabaseProperties": 3,
        "deleted_messages": 3,
        "chat_handle_join": group - 1 + 3,
        "handle": len(apps.IMESSAGE_HANDLES),
        "message_attachment_join": attachments,
        "kvtable": len(apps.imessage_kv()),
        "chat_message_join": messages,
        "message": messages,
        "chat": group,
        "attachment": attachments,
    }
    ran, run_dir = run_export(apps.imessage_chat_db)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("message")
    # Nanoseconds since 2001-01-01 under `date`: in no Unix unit a moment of 2001 to 2033 (read as Unix
    # nanoseconds they are of 1993), so no rule reads them as instants; numbers, every digit as written.
    for column in ("date", "date_read", "date_delivered", "date_edited", "handle_id", "is_from_me"):
        assert types[column] == "bigint", column
    assert ran.types("chat_message_join")["message_date"] == "bigint"
    assert ran.types("chat")["last_read_message_timestamp"] == "bigint"
    assert ran.types("attachment")["created_date"] == "bigint"
    assert ran.values("message", "date", "ROWID") == {i + 1: found[i][5] for i in range(messages)}
    assert ran.values("message", "date_read", "ROWID") == {i + 1: found[i][6] for i in range(messages)}
    assert ran.values("message", "date_delivered", "ROWID") == {
        i + 1: apps.imessage_delivered(i) for i in range(messages)
    }
    joined = pg_query(
        ran.uri, f"SELECT message_id, message_date FROM {quote_ident(ran.base)}.chat_message_join"
    )
    assert dict(joined) == {i + 1: found[i][5] for i in range(messages)}
    assert sorted(ran.values("attachment", "created_date", "ROWID").values()) == [
        apps.imessage_created(k) for k in range(1, attachments + 1)
    ]
    # The operator's reading of them as instants, in PostgreSQL, gives the app's moments (to the µs).
    moments = dict(
        pg_query(
            ran.uri,
            "SELECT \"ROWID\", timestamptz '2001-01-01 00:00:00+00' + make_interval(secs => date / 1e9) "
            f"FROM {quote_ident(ran.base)}.message",
        )
    )
    for i in range(messages):
        expected = apps.APPLE_EPOCH + timedelta(microseconds=found[i][5] // 1000)
        assert abs(moments[i + 1] - expected) <= timedelta(microseconds=1), i
    assert moments[1].date() == date(2024, 5, 21)
    # Each typedstream body and plist arrives byte for byte; the text beside it by the documented rules
    # (a `\ufffc` standing for an attachment is no blank, `007` no number among words).
    assert types["attributedBody"] == types["message_summary_info"] == "bytea"
    bodies = ran.values("message", "attributedBody", "ROWID")
    assert {k: None if v is None else bytes(v) for k, v in bodies.items()} == {
        i + 1: apps.imessage_body(found[i][3]) if found[i][3] else None for i in range(messages)
    }
    assert types["text"] == types["cache_roomnames"] == "text"
    assert ran.values("message", "text", "ROWID") == {i + 1: arrives_as(found[i][2]) for i in range(messages)}
    # The app's trigger named the group's room on each of its messages.
    assert ran.values("message", "cache_roomnames", "ROWID") == {
        i + 1: apps.IMESSAGE_ROOM if found[i][0] == group else None for i in range(messages)
    }
    chats = ran.values("chat", "properties", "ROWID")
    assert {k: None if v is None else bytes(v) for k, v in chats.items()} == {
        c: apps.imessage_properties(c) if c % 3 else None for c in range(1, group + 1)
    }
    assert ran.values("chat", "display_name", "ROWID") == {
        c: apps.IMESSAGE_GROUP_NAME if c == group else None for c in range(1, group + 1)
    }
    # The handles and the numbers as typed stay text: a `+`, a short code, a formatted number.
    handles = ran.types("handle")
    assert handles["id"] == handles["uncanonicalized_id"] == "text"
    assert ran.values("handle", "id", "ROWID") == {k + 1: h[0] for k, h in enumerate(apps.IMESSAGE_HANDLES)}
    assert ran.values("handle", "uncanonicalized_id", "ROWID") == {
        k + 1: h[2] for k, h in enumerate(apps.IMESSAGE_HANDLES)
    }
    # The trigger's INTEGERs in the BLOB column beside plists: the bytes of their digits, audited.
    assert ran.types("kvtable")["value"] == "bytea"
    expected_kv = {
        k + 1: value if isinstance(value, bytes) else str(value).encode()
        for k, (_, value) in enumerate(apps.imessage_kv())
    }
    assert {k: bytes(v) for k, v in ran.values("kvtable", "value", "ROWID").items()} == expected_kv
    assert audit_rules(run_dir, "kvtable", "value") == {
        str(k + 1): {"as_bytes"} for k, (_, value) in enumerate(apps.imessage_kv()) if isinstance(value, int)
    }
    assert primary_key(ran.uri, ran.record["version_schema"], "chat_message_join") == [
        "chat_id",
        "message_id",
    ]
    found_references = references(run_dir)
    assert found_references[("chat_message_join", "chat_id")] == "chat.ROWID"
    assert found_references[("chat_message_join", "message_id")] == "message.ROWID"
    assert found_references[("message_attachment_join", "attachment_id")] == "attachment.ROWID"
    assert found_references[("message", "handle_id")] == "handle.ROWID"


def test_android_mmssms_reads_sms_milliseconds_and_mms_seconds_as_instants_and_keeps_sent_zeros(
    run_export: Runner,
) -> None:
    messages, mms = 30, 8
    threads = apps.android_threads(messages)
    tables = {
        "android_metadata": 1,
        "sms": messages,
        "threads": len(threads),
        "canonical_addresses": len(apps.ANDROID_ADDRESSES),
        "pdu": mms,
        "part": 3 * mms,
        "addr": 2 * mms,
    }
    ran, run_dir = run_export(apps.android_mmssms)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    found = [apps.android_sms(i) for i in range(messages)]
    ids = range(1, messages + 1)
    # An SMS's `date` is Unix milliseconds, an MMS's Unix seconds, a thread's milliseconds: each the
    # instant it names, each cell audited with its own unit.
    assert ran.types("sms")["date"] == ran.types("pdu")["date"] == ran.types("threads")["date"]
    assert ran.types("sms")["date"] == "timestamp with time zone"
    assert ran.values("sms", "date", "_id") == {
        i: UNIX_EPOCH + timedelta(milliseconds=found[i - 1][3]) for i in ids
    }
    assert audit_rules(run_dir, "sms", "date") == {str(i): {"epoch:milliseconds"} for i in ids}
    assert ran.values("pdu", "date", "_id") == {
        m + 1: UNIX_EPOCH + timedelta(seconds=apps.android_mms_date(m)) for m in range(mms)
    }
    assert audit_rules(run_dir, "pdu", "date") == {str(m + 1): {"epoch:seconds"} for m in range(mms)}
    assert ran.values("threads", "date", "_id") == {
        t + 1: UNIX_EPOCH + timedelta(milliseconds=date) for t, (date, _, _) in enumerate(threads)
    }
    # `date_sent` is 0 for what the phone sent: numbers as written, and a note gives the instant.
    assert ran.types("sms")["date_sent"] == ran.types("pdu")["date_sent"] == "bigint"
    assert ran.values("sms", "date_sent", "_id") == {i: found[i - 1][4] for i in ids}
    notes = profiled(run_dir)["columns"]
    assert 'to_timestamp(NULLIF("date_sent", 0) / 1000.0)' in " ".join(notes["sms"]["date_sent"]["notes"])
    assert 'to_timestamp(NULLIF("date_sent", 0))' in " ".join(notes["pdu"]["date_sent"]["notes"])
    # Bodies by the documented rules: a one-time code keeps its leading zeros among the words.
    assert ran.types("sms")["body"] == "text"
    assert ran.values("sms", "body", "_id") == {i: arrives_as(found[i - 1][5]) for i in ids}
    assert ran.values("sms", "address", "_id") == {i: found[i - 1][1] for i in ids}
    # A group thread's recipients are two ids in one text: the column is text, each as written.
    assert ran.types("threads")["recipient_ids"] == "text"
    assert ran.values("threads", "recipient_ids", "_id") == {t + 1: r for t, (_, r, _) in enumerate(threads)}
    assert ran.values("part", "text", "_id")[1] == apps.android_smil()
    found_references = references(run_dir)
    assert found_references[("sms", "thread_id")] == "threads._id"
    assert found_references[("pdu", "thread_id")] == "threads._id"
    # More MMS than threads: their ids fit `pdu._id` alone (with as many, they fit both and the profile
    # names neither, as documented).
    assert found_references[("part", "mid")] == "pdu._id"
    assert found_references[("addr", "msg_id")] == "pdu._id"


def test_whatsapp_msgstore_reads_a_group_creation_as_an_instant_and_keeps_the_minus_ones_as_written(
    run_export: Runner,
) -> None:
    messages = 30
    found = {i: apps.whatsapp_message(i) for i in range(2, messages + 1)}
    photos = [i for i, m in found.items() if m[7]]
    tables = {
        "messages": messages,
        "chat_list": len(apps.WHATSAPP_JIDS),
        "message_thumbnails": len(photos),
        "jid": len(apps.WHATSAPP_JIDS),
        "props": 3,
    }
    ran, run_dir = run_export(apps.whatsapp_msgstore)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("messages")
    # The placeholder row's 0 keeps `timestamp` numbers, with the note giving the instant; the -1s of
    # "never" keep the receipts' numbers: every value as written.
    for column in ("timestamp", "received_timestamp", "send_timestamp", "receipt_server_timestamp"):
        assert types[column] == "bigint", column
    assert ran.values("messages", "timestamp", "_id") == {1: 0} | {i: m[4] for i, m in found.items()}
    assert ran.values("messages", "received_timestamp", "_id") == {1: -1} | {
        i: m[5] for i, m in found.items()
    }
    assert ran.values("messages", "send_timestamp", "_id") == {1: -1} | {i: m[6] for i, m in found.items()}
    notes = " ".join(profiled(run_dir)["columns"]["messages"]["timestamp"]["notes"])
    assert 'to_timestamp(NULLIF("timestamp", 0) / 1000.0)' in notes
    # A group's `creation`, epoch milliseconds, names a moment as `created` would: instants, audited.
    chats = ran.types("chat_list")
    assert chats["creation"] == chats["sort_timestamp"] == "timestamp with time zone"
    groups = {
        k + 1: UNIX_EPOCH + timedelta(milliseconds=apps.WHATSAPP_GROUP_CREATED + 86_400_123 * k)
        for k, jid in enumerate(apps.WHATSAPP_JIDS)
        if jid.endswith("@g.us")
    }
    assert ran.values("chat_list", "creation", "_id") == {
        k + 1: groups.get(k + 1) for k in range(len(apps.WHATSAPP_JIDS))
    }
    assert audit_rules(run_dir, "chat_list", "creation") == {str(k): {"epoch:milliseconds"} for k in groups}
    # A photo's thumbnail and its serialized MediaData (a BLOB in the TEXT column) byte for byte.
    assert types["raw_data"] == types["thumb_image"] == "bytea"
    thumbs = ran.values("messages", "raw_data", "_id")
    assert {i: bytes(v) for i, v in thumbs.items() if v is not None} == {
        i: apps.whatsapp_thumbnail(i) for i in photos
    }
    media = ran.values("messages", "thumb_image", "_id")
    assert {i: bytes(v) for i, v in media.items() if v is not None} == {
        i: apps.whatsapp_media_data(i) for i in photos
    }
    assert ran.types("message_thumbnails")["timestamp"] == "timestamp without time zone"
    # Texts by the documented rules; the chats' jids as written (a `-1` for the placeholder's).
    assert ran.values("messages", "data", "_id") == {1: None} | {
        i: arrives_as(m[3]) for i, m in found.items()
    }
    assert ran.values("messages", "key_remote_jid", "_id") == {1: "-1"} | {i: m[0] for i, m in found.items()}
    assert ran.types("jid")["user"] == "text"
    assert sorted(v for v in ran.values("jid", "raw_string", "_id").values()) == sorted(apps.WHATSAPP_JIDS)


def test_etherpad_store_keeps_every_json_record_as_written_keyed_by_its_name(run_export: Runner) -> None:
    records = apps.etherpad_records()
    ran, run_dir = run_export(apps.etherpad_store)
    loaded_cleanly(ran, run_dir, {"store": len(records)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # A key/value table: both columns text, the record's name its key.
    assert ran.types("store") == {"key": "text", "value": "text"}
    assert primary_key(ran.uri, ran.record["version_schema"], "store") == ["key"]
    # Each value the very JSON text Etherpad wrote (no-break spaces, CJK, emoji, epoch milliseconds
    # inside it), nothing audited; the one-value records stay JSON strings, quotes and all.
    loaded = ran.values("store", "value", "key")
    assert loaded == {key: apps.etherpad_json(value) for key, value in records.items()}
    assert {key: json.loads(text) for key, text in loaded.items()} == records
    assert not audit_rules(run_dir, "store", "value")
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0


def test_nuxt_content_numbers_declared_int_keep_their_doubles_and_codes_keep_their_zeros(
    run_export: Runner,
) -> None:
    posts, products = 24, 14
    tables = {
        "_development_cache": 1,
        "_content_info": 2,
        "_content_blog": posts,
        "_content_products": products,
    }
    ran, run_dir = run_export(apps.nuxt_content)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0
    blog, shop = (
        pg_column_types(ran.uri, ran.record["version_schema"], t)
        for t in ("_content_blog", "_content_products")
    )
    # `z.number()` is declared INT, but its values are JavaScript doubles (`19.99` beside `20`): no
    # declared decimal, so REAL cells make a double, every bit, each whole one the same number.
    assert blog["price"] == blog["rating"] == shop["price"] == shop["weight"] == "double precision"
    assert shop["stock"] == "bigint"
    ids = [f"blog/blog/post-{i:03d}.md" for i in range(posts)]
    assert ran.values("_content_blog", "price", "id") == {
        post: float(apps.NUXT_PRICES[i % len(apps.NUXT_PRICES)]) for i, post in enumerate(ids)
    }
    assert ran.values("_content_blog", "rating", "id") == {
        post: apps.nuxt_rating(i) for i, post in enumerate(ids)
    }
    # Dates, datetimes (UTC text without its `Z`: no zone to read) and 0/1 booleans by their declarations.
    assert (blog["date"], blog["updated"], blog["draft"]) == (
        "date",
        "timestamp without time zone",
        "boolean",
    )
    assert ran.values("_content_blog", "updated", "id") == {
        post: None if apps.nuxt_updated(i) is None else datetime.fromisoformat(str(apps.nuxt_updated(i)))
        for i, post in enumerate(ids)
    }
    assert ran.values("_content_blog", "draft", "id") == {post: i % 3 == 0 for i, post in enumerate(ids)}
    # Codes keep their leading zeros; JSON columns are text, `navigation`'s `true`/`false` beside an
    # object included, each as written.
    assert blog["sku"] == blog["zip"] == shop["code"] == blog["navigation"] == blog["body"] == "text"
    assert ran.values("_content_blog", "sku", "id") == {post: f"{i:06d}" for i, post in enumerate(ids)}
    assert ran.values("_content_products", "code", "stem") == {
        f"products/p{i:02d}": f"{i * 7:05d}" for i in range(products)
    }
    assert ran.values("_content_blog", "navigation", "id") == {
        post: apps.nuxt_navigation(i) for i, post in enumerate(ids)
    }
    for table in tables:
        assert primary_key(ran.uri, ran.record["version_schema"], table) == ["id"]


def test_lighthouse_ci_server_keeps_computed_statistics_as_doubles_and_its_moments_as_instants(
    run_export: Runner,
) -> None:
    builds = 4
    per_build = len(apps.LHCI_URLS)
    tables = {
        "SequelizeMeta": len(apps.LHCI_MIGRATIONS),
        "projects": len(apps.LHCI_PROJECTS),
        "builds": builds,
        "runs": builds * per_build * 2,
        "statistics": builds * per_build * len(apps.LHCI_STATISTICS),
    }
    ran, run_dir = run_export(apps.lhci_server)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_after"] == 100.0
    stats = ran.types("statistics")
    # DECIMAL(12,4) holding medians computed in JavaScript (16 digits): a numeric would round them.
    assert stats["value"] == "double precision"
    assert pg_column_types(ran.uri, ran.record["version_schema"], "statistics")["version"] == "numeric(18,2)"
    found = pg_query(ran.uri, f"SELECT url, name, value FROM {quote_ident(ran.base)}.statistics")
    assert sorted((url, name, value) for url, name, value in found) == sorted(
        (url, name, apps.lhci_statistic(b, u, n))
        for b in range(builds)
        for u, url in enumerate(apps.LHCI_URLS)
        for n, name in enumerate(apps.LHCI_STATISTICS)
    )
    # Sequelize's `+00:00` text: instants; `committedAt`, never set, an instant too, as every other
    # moment of the export (until 2026-12-06 its declared DATETIME, a timestamp without time zone whose
    # type the next export's first commit time changed).
    built = ran.types("builds")
    assert built["runAt"] == built["createdAt"] == "timestamp with time zone"
    assert built["committedAt"] == "timestamp with time zone"
    assert ran.values("builds", "runAt", "id") == {
        apps.lhci_uuid(3, b): datetime.fromtimestamp((1_565_036_728_904 + b * 8_400_000) / 1000, UTC)
        for b in range(builds)
    }
    # A build with no ancestor writes '': NULL by the documented blank rule, audited.
    assert ran.values("builds", "ancestorHash", "id")[apps.lhci_uuid(3, 0)] is None
    assert audit_rules(run_dir, "builds", "ancestorHash").keys() == {
        apps.lhci_uuid(3, 0),
        apps.lhci_uuid(3, 1),
    }
    # TINYINT(1) flags stay integers (docs/runbook.md); the reports are text as written.
    assert ran.types("runs")["representative"] == "bigint"
    assert ran.types("runs")["lhr"] == "text"


def test_shuup_money_at_nine_places_arrives_at_the_scale_written_and_its_codes_as_written(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.shuup_shop)
    lines, orders = 30, 6
    tables = {
        "shuup_product": len(apps.SHUUP_PRICES),
        "shuup_order": orders,
        "shuup_orderline": lines + orders,
        "shuup_payment": 3,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])

    def declared(table: str) -> dict[str, str]:
        return pg_column_types(ran.uri, ran.record["version_schema"], table)

    def scale(values: list[Decimal]) -> int:
        """The widest fraction the Decimals write once Django's nine places' trailing zeros are gone
        (SQLite's NUMERIC affinity keeps the REAL, whose shortest text is that decimal), at least 2."""
        return max(2, *(-int(v.normalize().as_tuple().exponent) for v in values))

    totals = [apps.shuup_order_total(n, lines) for n in range(orders)]
    taxless = [(t / apps.SHUUP_TAX).quantize(Decimal("1e-9")) for t in totals]
    order = declared("shuup_order")
    # Every MoneyValueField is Django's bare `decimal`: numeric at the widest fraction written.
    assert order["taxful_total_price_value"] == f"numeric(18,{scale(totals)})"
    assert order["taxless_total_price_value"] == f"numeric(18,{scale(taxless)})" == "numeric(18,9)"
    # A rate of whole 1s and reference numbers of 18 digits without a leading zero are integers.
    assert order["display_currency_rate"] == order["reference_number"] == order["identifier"] == "bigint"
    assert order["order_date"] == order["payment_date"] == "timestamp without time zone"
    product = declared("shuup_product")
    # SKUs and barcodes with leading zeros are codes: text, as written.
    assert product["sku"] == product["barcode"] == "text"
    assert product["width"] == product["gross_weight"] == "numeric(18,3)"
    assert product["height"] == "bigint"  # whole centimetres under a bare `decimal`: integers
    line = declared("shuup_orderline")
    quantities = [apps.shuup_line(i)[1] for i in range(lines)]
    assert line["quantity"] == f"numeric(18,{scale(quantities)})" == "numeric(18,3)"
    assert line["base_unit_price_value"] == "numeric(18,3)"
    # No foreign amount yet: an amount still.
    assert declared("shuup_payment")["foreign_amount_value"] == "numeric(18,2)"

    def decimals(table: str, column: str) -> dict[int, Decimal | None]:
        return {k: None if v is None else Decimal(v) for k, v in ran.values(table, column, "id").items()}

    assert decimals("shuup_order", "taxful_total_price_value") == {n + 1: t for n, t in enumerate(totals)}
    assert decimals("shuup_order", "taxless_total_price_value") == {n + 1: t for n, t in enumerate(taxless)}
    assert decimals("shuup_payment", "amount_value") == {k + 1: totals[2 * k] for k in range(3)}
    assert decimals("shuup_orderline", "quantity") == {
        **{i + 1: apps.shuup_line(i)[1] for i in range(lines)},
        **{lines + n + 1: Decimal(1) for n in range(orders)},
    }
    assert ran.values("shuup_order", "reference_number", "id") == {
        n + 1: int(f"26120505103330{n:04d}") for n in range(orders)
    }
    assert ran.values("shuup_product", "sku", "id") == {
        i + 1: f"{i * 7:05d}" if i % 3 == 0 else f"SKU-{i}-ü" for i in range(len(apps.SHUUP_PRICES))
    }
    assert ran.values("shuup_order", "order_date", "id") == {
        n + 1: datetime.fromisoformat(apps.shuup_moment(n)) for n in range(orders)
    }
    found = references(run_dir)
    assert found[("shuup_orderline", "order_id")] == found[("shuup_payment", "order_id")] == "shuup_order.id"
    assert found[("shuup_orderline", "parent_line_id")] == "shuup_orderline.id"


def test_sign_in_tokens_expiry_and_provider_uids_arrive_as_written_with_their_references(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.sign_in_site)
    users = 24
    accounts = [i for i in range(users) if i % 2 == 0]
    grants = list(range(0, users, 3))
    tables = {
        "auth_user": users,
        "socialaccount_socialapp": 2,
        "socialaccount_socialaccount": len(accounts),
        "socialaccount_socialtoken": len(accounts),
        "oauth2_provider_application": 1,
        "oauth2_provider_accesstoken": users,
        "oauth2_provider_grant": len(grants),
        "authtoken_token": users,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])

    def declared(table: str) -> dict[str, str]:
        return pg_column_types(ran.uri, ran.record["version_schema"], table)

    instant = "timestamp without time zone"  # Django's naive UTC under USE_TZ, as every Django site
    assert declared("socialaccount_socialtoken")["expires_at"] == instant
    assert declared("oauth2_provider_accesstoken")["expires"] == instant
    assert declared("oauth2_provider_grant")["expires"] == instant  # one value without a fraction
    assert declared("auth_user")["last_login"] == instant
    assert declared("auth_user")["is_active"] == "boolean"
    # Hex keys and hashes, JSON, PKCE challenges: text.
    assert (
        declared("authtoken_token")["key"]
        == declared("oauth2_provider_accesstoken")["token_checksum"]
        == "text"
    )
    assert declared("socialaccount_socialaccount")["extra_data"] == "text"
    # Provider uids are digits without a leading zero, Google's 21 beyond bigint: numeric of scale 0,
    # each the integer written (the documented rule for integer text; a provider's uid with a letter
    # or a leading zero would keep the column text).
    assert declared("socialaccount_socialaccount")["uid"] == "numeric(38,0)"
    assert ran.values("socialaccount_socialaccount", "uid", "id") == {
        k + 1: apps.sign_in_uid(i) for k, i in enumerate(accounts)
    }
    assert ran.values("socialaccount_socialtoken", "expires_at", "id") == {
        k + 1: None if i % 6 == 0 else datetime.fromisoformat(apps.sign_in_moment(i, i))
        for k, i in enumerate(accounts)
    }
    assert ran.values("oauth2_provider_grant", "expires", "id") == {
        k + 1: datetime.fromisoformat(apps.sign_in_moment(i) if i else "2026-12-05 13:00:00")
        for k, i in enumerate(grants)
    }
    assert ran.values("auth_user", "first_name", "id") == {
        i + 1: apps.SIGN_IN_NAMES[i % len(apps.SIGN_IN_NAMES)] or None for i in range(users)
    }
    assert ran.values("authtoken_token", "user_id", "key") == {
        hashlib.sha1(f"token{i}".encode()).hexdigest(): i + 1 for i in range(users)
    }
    found = references(run_dir)
    assert found[("socialaccount_socialtoken", "account_id")] == "socialaccount_socialaccount.id"
    assert found[("socialaccount_socialtoken", "app_id")] == "socialaccount_socialapp.id"
    assert found[("oauth2_provider_grant", "application_id")] == "oauth2_provider_application.id"
    assert found[("authtoken_token", "user_id")] == found[("socialaccount_socialaccount", "user_id")]
    assert found[("authtoken_token", "user_id")] == "auth_user.id"


def test_isso_comments_keep_time_time_seconds_every_bit_and_the_voters_bloom_filter_byte_for_byte(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.isso_comments)
    threads, per_thread = 3, 10
    comments = threads * per_thread
    loaded_cleanly(ran, run_dir, {"preferences": 1, "threads": threads, "comments": comments})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = pg_column_types(ran.uri, ran.record["version_schema"], "comments")
    # time.time()'s REAL seconds carry digits below the microsecond a timestamptz would round away:
    # doubles, every bit, the note giving the instant.
    assert types["created"] == types["modified"] == "double precision"
    assert ran.values("comments", "created", "id") == {i + 1: apps.isso_created(i) for i in range(comments)}
    assert ran.values("comments", "modified", "id") == {
        i + 1: apps.isso_created(i) + 60.5 if i % 4 == 0 else None for i in range(comments)
    }
    notes = profiled(run_dir)["columns"]["comments"]["created"]["notes"]
    assert any('to_timestamp("created")' in note for note in notes), notes
    assert types["voters"] == "bytea"
    assert {k: bytes(v) for k, v in ran.values("comments", "voters", "id").items()} == {
        i + 1: apps.isso_voters(
            *((f"192.168.{i}.0" if i % 2 else "2001:db8::",) + ((f"10.0.{i}.0",) if i % 3 == 0 else ()))
        )
        for i in range(comments)
    }
    # The thread column declared with no type, only its REFERENCES: integers, the reference kept.
    assert types["tid"] == "bigint"
    assert references(run_dir)[("comments", "tid")] == "threads.id"


def test_profanity_chat_log_times_arrive_as_instants_and_its_blanks_are_its_one_way_of_missing(
    run_export: Runner,
) -> None:
    """profanity writes each message's time as GLib's ISO 8601 UTC text (``…T12:34:55.530279Z``) and
    ``''`` for a text field the message has no value for, beside ``marked_read`` NULL in every row. The
    times are instants, to the microsecond; every text arrives as written (a leading zero, a no-break
    space, 3000 characters); each ``''`` and the ``none`` of every row's ``encryption`` are made NULL
    and audited. Its NULLs and tokens fill fields it never writes, so its blanks are its one way of
    writing a missing value: no cost (until 2026-12-05 it scored 77.0 and warned, exit 2)."""
    messages = 40
    ran, run_dir = run_export(apps.profanity_chatlog)
    loaded_cleanly(ran, run_dir, {"ChatLogs": messages, "DbVersion": 1})
    log = ran.types("ChatLogs")
    assert log["timestamp"] == "timestamp with time zone"
    assert ran.values("ChatLogs", "timestamp", "id") == {
        n + 1: apps.profanity_time(n) for n in range(messages)
    }
    # ISO text with a T and a Z: the column's own format, each cell converted by its rule and audited.
    assert audit_rules(run_dir, "ChatLogs", "timestamp") == {
        str(n + 1): {"date_format:%Y-%m-%dT%H:%M:%S.%f%z"} for n in range(messages)
    }
    texts = ("from_jid", "to_resource", "message", "stanza_id", "archive_id", "replace_id", "encryption")
    assert {name: log[name] for name in texts} == dict.fromkeys(texts, "text")
    assert log["id"] == log["marked_read"] == "bigint"
    assert ran.values("ChatLogs", "message", "id") == {n + 1: apps.profanity_text(n) for n in range(messages)}
    corrections = {
        n + 1: apps.profanity_stanza_id(n - 2)
        for n in range(messages)
        if n % apps.PROFANITY_CORRECTS == apps.PROFANITY_CORRECTS - 1
    }
    assert ran.values("ChatLogs", "replace_id", "id") == {
        n + 1: corrections.get(n + 1) for n in range(messages)
    }
    outgoing = [n + 1 for n in range(messages) if apps.profanity_outgoing(n)]
    assert {k for k, v in ran.values("ChatLogs", "to_resource", "id").items() if v is None} == set(outgoing)
    assert audit_rules(run_dir, "ChatLogs", "to_resource") == {str(k): {"empty_to_null"} for k in outgoing}
    assert set(ran.values("ChatLogs", "encryption", "id").values()) == {None}
    assert len(audit_rules(run_dir, "ChatLogs", "encryption")) == messages
    # Her own messages' blanks, and replace_id's on all but a correction, are the table's one way of
    # writing a missing value beside values: marked_read (NULL) and encryption (none) are never filled.
    assert audit_rules(run_dir, "ChatLogs", "archive_id") == {str(k): {"empty_to_null"} for k in outgoing}
    assert len(audit_rules(run_dir, "ChatLogs", "replace_id")) == messages - len(corrections)
    assert ran.record["quality_before"] == 100.0
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])


def test_sympa_lists_epoch_seconds_arrive_as_instants_and_its_blanks_and_orphans_cost_as_documented(
    run_export: Runner,
) -> None:
    """Sympa binds every moment as INTEGER Unix seconds (``date_epoch_subscriber``, ``date_stat``), its
    flags as ``numeric`` 0/1, and logs each operation in ``stat_table`` with ``''`` for no parameter
    (NULL for a removal's). The moments are instants, each audited ``epoch:seconds``; names with a
    no-break space or emoji arrive as written; the table its rebuild left behind loads empty. Each
    e-mail column is a reference to ``user_table`` found in the data, the log's list master (no user)
    its orphans; those and the parameter's blanks beside a NULL cost as documented; the run passes."""
    members = 8
    ran, run_dir = run_export(apps.sympa_lists)
    lists = len(apps.SYMPA_LISTS)
    tables = {
        "subscriber_table": lists * members - 1,
        f"subscriber_table_{apps.SYMPA_STAMP}": 0,
        "user_table": 1 + lists * members + 2,
        "list_table": lists,
        "admin_table": lists + 2,
        "stat_table": lists + lists * members + 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    subscribers = ran.types("subscriber_table")
    assert (
        subscribers["date_epoch_subscriber"]
        == subscribers["update_epoch_subscriber"]
        == ("timestamp with time zone")
    )
    assert subscribers["subscribed_subscriber"] == subscribers["number_messages_subscriber"] == "bigint"
    assert subscribers["comment_subscriber"] == subscribers["user_subscriber"] == "text"
    truth = {
        apps.sympa_member(i, k)[0]: apps.sympa_member(i, k)
        for i in range(lists)
        for k in range(members)
        if (i, k) != (0, apps.SYMPA_REMOVED)
    }
    assert ran.values("subscriber_table", "date_epoch_subscriber", "user_subscriber") == {
        email: datetime.fromtimestamp(added, UTC) for email, (_, _, added) in truth.items()
    }
    assert ran.values("subscriber_table", "comment_subscriber", "user_subscriber") == {
        email: gecos for email, (_, gecos, _) in truth.items()
    }
    assert {rules for rules in audited_columns(run_dir) if rules[1] == "date_epoch_subscriber"} == {
        ("subscriber_table", "date_epoch_subscriber", "epoch:seconds")
    }
    assert (
        ran.types("stat_table")["date_stat"]
        == ran.types("list_table")["creation_epoch_list"]
        == ("timestamp with time zone")
    )
    assert ran.values("list_table", "creation_epoch_list", "name_list") == {
        name: datetime.fromtimestamp(apps.sympa_created(i), UTC)
        for i, (name, _) in enumerate(apps.SYMPA_LISTS)
    }
    assert ran.values("list_table", "searchkey_list", "name_list") == {
        name: subject.lower() for name, subject in apps.SYMPA_LISTS
    }
    # Every e-mail column names a user: references found in the data, none declared.
    assert references(run_dir) == {
        (table, column): "user_table.email_user"
        for table, column in (
            ("subscriber_table", "user_subscriber"),
            ("admin_table", "user_admin"),
            ("stat_table", "email_stat"),
        )
    }
    # The score: the log's parameter is '' on every row but the removal's NULL (two ways of writing
    # none in one column), the list master's rows name no user (unfixable, 10 points per 1 %).
    stats = tables["stat_table"]
    blanks, orphans = stats - 1, lists
    stat_scores = [column_score(stats, blanks), column_score(stats, orphans, 10.0)] + [100.0] * 8
    widths = {"subscriber_table": 21, "user_table": 11, "list_table": 12, "admin_table": 15}
    quality = export_score(
        {
            **{name: (tables[name], [100.0] * width) for name, width in widths.items()},
            "stat_table": (stats, stat_scores),
            # A table of no rows weighs as one (docs/profiling.md), its 22 columns scoring 100.
            f"subscriber_table_{apps.SYMPA_STAMP}": (1, [100.0] * 22),
        }
    )
    assert ran.record["quality_before"] == pytest.approx(quality, abs=0.01)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])


def test_access_database_converted_by_mdbtools_reads_its_day_zero_dates_as_no_date(
    run_export: Runner, tmp_path: Path
) -> None:
    """MDB Tools writes an Access date never set, serial day 0, as ``1900-01-00 00:00:00``: no calendar
    has it (Excel's day 0, shown so too), as none has MySQL's zero date. It is no date: NULL, audited
    ``null_like_to_null``, every other date read as written (until 2026-12-05 each was quarantined as
    an impossible date and the circuit breaker halted the run, exit 3, on a register whose freedoms
    were mostly never dated)."""
    rows = 28
    ran, run_dir = run_export(apps.access_mdbtools)
    # The truth, read by SQLite itself from a copy: each date column's text by key.
    with closing(sqlite3.connect(apps.access_mdbtools(tmp_path / "copy.db"))) as con:
        written = {
            column: dict(con.execute(f'SELECT "Id No", {quote_ident(column)} FROM merchant_taylors'))
            for column in ("Date of order of Court", "Freedom", "Livery")
        }
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    loaded_cleanly(ran, run_dir, {"merchant_taylors": rows})
    types = ran.types("merchant_taylors")
    for column, texts in written.items():
        assert types[column] == "timestamp without time zone", column
        zeros = {key for key, text in texts.items() if text == apps.ACCESS_ZERO_DATE}
        assert zeros, column  # the builder writes some in each
        assert ran.values("merchant_taylors", column, "Id No") == {
            key: None if text in (None, apps.ACCESS_ZERO_DATE) else datetime.fromisoformat(text)
            for key, text in texts.items()
        }
        # Only the zero dates changed, each audited under its row's `Id No`, the register's key.
        assert audit_rules(run_dir, "merchant_taylors", column) == {
            str(key): {"null_like_to_null"} for key in zeros
        }, column
    assert ran.values("merchant_taylors", "Freedom", "Id No")[14] == datetime(1652, 6, 24)
    assert ran.types("merchant_taylors")["Id No"] == "bigint"
    assert ran.values("merchant_taylors", "Surname", "Id No") == {
        row[0]: row[1] for row in map(apps.access_row, range(rows))
    }


def test_khal_cache_event_starts_and_ends_arrive_as_instants_and_its_floating_times_as_written(
    run_export: Runner,
) -> None:
    """khal keeps each event instance's iCalendar DTSTART and DTEND as ``INT`` Unix seconds: in
    ``recs_loc`` for times with a zone (instants: until 2026-12-05 bigint, nothing said so), in
    ``recs_float`` for all-day events and floating wall-clock times stored as if UTC, birthdays back to
    1900 among them (no epoch integers of 2001-2033 a name alone reads: numbers, as written). Its
    etags, a file's modification time as ``'%.9f'`` text, arrive as written; each ``.ics`` item too,
    its final line break trimmed and audited."""
    truth = apps.khal_rows()
    ran, run_dir = run_export(apps.khal_cache)
    loaded_cleanly(ran, run_dir, {table: len(rows) for table, rows in truth.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    zoned, floating = ran.types("recs_loc"), ran.types("recs_float")
    assert zoned["dtstart"] == zoned["dtend"] == "timestamp with time zone"
    assert floating["dtstart"] == floating["dtend"] == "bigint"
    assert zoned["rec_inst"] == floating["rec_inst"] == "bigint"  # digits of the TEXT key column
    assert zoned["ref"] == zoned["href"] == zoned["calendar"] == "text"

    def keyed(table: str, column: str) -> dict[tuple[str, int], Any]:
        relation = f"{quote_ident(ran.base)}.{quote_ident(table)}"
        rows = pg_query(ran.uri, f"SELECT href, rec_inst, {quote_ident(column)} FROM {relation}")
        return {(href, instance): value for href, instance, value in rows}

    loc = truth["recs_loc"]
    assert keyed("recs_loc", "dtstart") == {(r[2], int(r[3])): datetime.fromtimestamp(r[0], UTC) for r in loc}
    assert keyed("recs_loc", "dtend") == {(r[2], int(r[3])): datetime.fromtimestamp(r[1], UTC) for r in loc}
    # The moved instance keeps the instant it was moved to, its ref the instance it replaces.
    moved = [r for r in loc if r[4] != "PROTO"]
    assert len(moved) == 1 and moved[0][0] == int(moved[0][3]) + 7_200
    instances = {f"{r[2]}|{r[3]}|{r[6]}": {"epoch:seconds"} for r in loc}
    assert (
        audit_rules(run_dir, "recs_loc", "dtstart") == audit_rules(run_dir, "recs_loc", "dtend") == instances
    )
    fl = truth["recs_float"]
    assert keyed("recs_float", "dtstart") == {(r[2], int(r[3])): r[0] for r in fl}
    assert min(r[0] for r in fl) == int(datetime(1900, 7, 4, tzinfo=UTC).timestamp())
    assert audit_rules(run_dir, "recs_float", "dtstart") == {}
    # Etags arrive as the text khal wrote, whatever type holds them.
    relation = f"{quote_ident(ran.base)}.events"
    etags = dict(pg_query(ran.uri, f"SELECT href, etag::text FROM {relation}"))
    assert etags == {r[0]: r[3] for r in truth["events"]}
    items = dict(pg_query(ran.uri, f"SELECT href, item FROM {relation}"))
    # Each iCalendar item ends in its CRLF: documents, loaded byte for byte (until 2026-12-06 trimmed).
    assert items == {r[0]: r[4] for r in truth["events"]}
    assert audit_rules(run_dir, "events", "item") == {}
    assert references(run_dir)[("recs_loc", "href")] == "events.href"


def test_todoman_cache_keeps_its_epoch_numbers_every_bit_with_the_notes_that_read_them(
    run_export: Runner,
) -> None:
    """todoman binds a to-do's created, completed, stamp and last-modified times as
    ``datetime.timestamp()`` REALs in ``INTEGER`` columns: doubles, every bit, each with the note that
    reads it as an instant; a file's ``st_mtime_ns`` stays bigint with its note, a list's too beside
    its 0 for no colour file. ``due`` and ``start``
    hold whole Unix seconds, but neither word alone names a moment (an amount due, a start offset):
    bigint, as written, beside ``due_dt`` and ``start_dt``, 0/1 for whether each is a day (integers,
    as declared). Texts with emoji, a no-break space and a leading zero arrive as written."""
    truth = apps.todoman_rows()
    todos = len(truth["todos"])
    ran, run_dir = run_export(apps.todoman_cache)
    loaded_cleanly(ran, run_dir, {table: len(rows) for table, rows in truth.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    types = ran.types("todos")
    reals = ("created_at", "completed_at", "dtstamp", "last_modified")
    assert {name: types[name] for name in reals} == dict.fromkeys(reals, "double precision")
    whole = ("due", "due_dt", "start", "start_dt", "priority", "percent_complete", "sequence")
    assert {name: types[name] for name in whole} == dict.fromkeys(whole, "bigint")
    assert ran.types("files")["mtime"] == ran.types("lists")["mtime"] == "bigint"
    columns = [name for name, _ in apps.TODOMAN_COLUMNS]
    for k, name in enumerate(columns):
        assert ran.values("todos", name, "id") == {row[1]: row[k] for row in truth["todos"]}, name
    assert ran.values("todos", "due", "id")[1] == apps.TODOMAN_DAY  # an all-day due: Berlin's midnight
    notes = profiled(run_dir)["columns"]
    for name in reals:
        assert any(f'to_timestamp("{name}")' in note for note in notes["todos"][name]["notes"]), name
    assert any('to_timestamp("mtime" / 1000000000.0)' in note for note in notes["files"]["mtime"]["notes"])
    # A list without a colour file has mtime 0: the others' nanoseconds, 0 for none (no note until
    # 2026-12-05).
    assert any(
        'to_timestamp(NULLIF("mtime", 0) / 1000000000.0)' in note for note in notes["lists"]["mtime"]["notes"]
    )
    assert notes["todos"]["due"]["notes"] == notes["todos"]["due_dt"]["notes"] == []
    assert ran.values("files", "mtime", "path") == {path: mtime for path, _, mtime in truth["files"]}
    assert ran.values("categories", "category", "id") == {r[0]: r[2] for r in truth["categories"]}
    assert len(ran.values("todos", "id", "id")) == todos
    assert references(run_dir)[("todos", "file_path")] == "files.path"
    assert references(run_dir)[("categories", "todos_id")] == "todos.id"


def test_vdirsyncer_status_arrives_as_written_its_etags_text_and_its_empty_scratch_table_too(
    run_export: Runner,
) -> None:
    """vdirsyncer keeps a collection's status after a sync between two filesystem storages: each item's
    UID, its file on either side (a uuid name where it was copied to), the SHA-256 of each copy and each
    file's etag (``st_mtime_ns`` as ``'%.9f'``, ``;`` and the inode: text, as written). Its scratch
    table ``new_status``, empty between syncs, loads with the same columns."""
    items = 20
    ran, run_dir = run_export(apps.vdirsyncer_status)
    loaded_cleanly(ran, run_dir, {"meta": 1, "status": items, "new_status": 0})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    columns = ("ident", "href_a", "href_b", "hash_a", "hash_b", "etag_a", "etag_b")
    assert ran.types("status") == ran.types("new_status") == dict.fromkeys(columns, "text")
    relation = f"{quote_ident(ran.base)}.status"
    assert sorted(pg_query(ran.uri, f"SELECT {', '.join(columns)} FROM {relation}")) == sorted(
        apps.vdirsyncer_item(n) for n in range(items)
    )
    assert primary_key(ran.uri, ran.record["version_schema"], "status") == ["ident"]


def test_ara_playbook_records_keep_duration_microseconds_and_zlib_json_blobs_byte_for_byte(
    run_export: Runner,
) -> None:
    """ARA's callback records each Ansible run in its Django database: moments as naive-UTC
    ``datetime`` text (no fraction on a whole second), durations as a ``DurationField``'s ``bigint``
    microseconds (25 minutes is 1.5e9, a week 6.048e11: numbers, never instants), each result, fact
    set, argument list, tag list, record and playbook file a zlib'd JSON ``BLOB``, ``bool`` 0/1.
    The moments are timestamps, the durations integers to the microsecond, every BLOB its bytes (each
    one decompressing to what the builder dumped), the flags booleans; every declared reference kept;
    the run is clean."""
    playbooks = len(apps.ARA_DURATIONS)
    hosts, tasks = len(apps.ARA_HOSTS), len(apps.ARA_TASKS)
    results = playbooks * tasks * hosts - hosts  # the running playbook's last task has no result yet
    ran, run_dir = run_export(apps.ara_ansible)
    tables = {
        "labels": len(apps.ARA_LABELS),
        "playbooks": playbooks,
        "playbooks_labels": sum(1 + p % len(apps.ARA_LABELS) for p in range(playbooks)),
        "plays": playbooks,
        "file_contents": len(apps.ARA_PLAYBOOK_FILES),
        "files": playbooks,
        "hosts": playbooks * hosts,
        "latest_hosts": hosts,
        "tasks": playbooks * tasks,
        "results": results,
        "records": 3 * playbooks,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    books, found = ran.types("playbooks"), ran.types("results")
    moment = "timestamp without time zone"
    assert books["started"] == books["ended"] == found["started"] == found["created"] == moment
    assert books["duration"] == found["duration"] == ran.types("plays")["duration"] == "bigint"
    assert ran.values("playbooks", "duration", "id") == {p + 1: d for p, d in enumerate(apps.ARA_DURATIONS)}
    assert ran.values("playbooks", "started", "id") == {
        p + 1: apps.ara_playbook_started(p) for p in range(playbooks)
    }
    assert ran.values("playbooks", "ended", "id") == {
        p + 1: None if d is None else apps.ara_playbook_started(p) + timedelta(microseconds=d)
        for p, d in enumerate(apps.ARA_DURATIONS)
    }
    blobs = {
        ("playbooks", "arguments"),
        ("hosts", "facts"),
        ("tasks", "tags"),
        ("results", "content"),
        ("records", "value"),
        ("file_contents", "contents"),
    }
    assert {(t, c): ran.types(t)[c] for t, c in blobs} == dict.fromkeys(blobs, "bytea")
    # Each result's content, in the order the builder numbered them, byte for byte and as JSON.
    expected = [
        apps.ara_result(p, t, h)
        for p in range(playbooks)
        for t in range(tasks)
        if not (apps.ARA_DURATIONS[p] is None and t == tasks - 1)
        for h in range(hosts)
    ]
    contents = ran.values("results", "content", "id")
    assert [bytes(contents[i + 1]) for i in range(results)] == [apps.ara_zip(c) for c in expected]
    assert [json.loads(zlib.decompress(contents[i + 1])) for i in range(results)] == expected
    assert ran.values("results", "changed", "id") == {i + 1: c["changed"] for i, c in enumerate(expected)}
    assert found["changed"] == found["ignore_errors"] == ran.types("tasks")["handler"] == "boolean"
    files = ran.values("file_contents", "contents", "id")
    assert {k: zlib.decompress(v).decode() for k, v in files.items()} == {
        n + 1: text for n, text in enumerate(apps.ARA_PLAYBOOK_FILES)
    }
    # The hosts' counters stay counts; a uuid of 32 hex digits and the JSON lists stay text.
    assert ran.types("hosts")["failed"] == ran.types("hosts")["ok"] == "bigint"
    assert ran.types("plays")["uuid"] == ran.types("tasks")["warnings"] == "text"
    refs = references(run_dir)
    assert refs[("results", "task_id")] == "tasks.id"
    assert refs[("results", "host_id")] == refs[("latest_hosts", "host_id")] == "hosts.id"
    assert refs[("files", "content_id")] == "file_contents.id"


def test_fail2ban_ban_times_arrive_as_instants_and_its_json_blobs_byte_for_byte(run_export: Runner) -> None:
    """fail2ban keeps every ban's moment as ``timeofban INTEGER`` Unix seconds, its length in
    ``bantime`` seconds (``-1`` for ever, doubled on each repeat with ``bancount``), and the matched log
    lines as ``data JSON`` its Python 3 adapter binds as UTF-8 bytes: a BLOB. The moments are instants,
    each audited ``epoch:seconds`` (until 2026-12-05 the one lowercase word ``timeofban`` was no
    date-like name: bigint); lengths and counts stay integers; every BLOB arrives byte for byte, its
    JSON what the server dumped; the jail columns keep their declared references; the run is clean."""
    bans = apps.fail2ban_bans()
    latest = {(ban[1], ban[0]): ban for ban in bans}
    ran, run_dir = run_export(apps.fail2ban_db)
    tables = {
        "fail2banDb": 1,
        "jails": len(apps.FAIL2BAN_JAILS),
        "logs": 3,
        "bans": len(bans),
        "bips": len(latest),
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    for table in ("bans", "bips"):
        types = ran.types(table)
        assert types["timeofban"] == "timestamp with time zone", table
        assert types["bantime"] == types["bancount"] == "bigint", table
        assert types["data"] == "bytea", table
        assert references(run_dir)[(table, "jail")] == "jails.name"
    rules = pq.read_table(run_dir / "audit.parquet").to_pylist()
    assert sorted((r["table"], r["column"]) for r in rules if r["rule"] == "epoch:seconds") == sorted(
        [("bans", "timeofban")] * len(bans) + [("bips", "timeofban")] * len(latest)
    )
    # bips is keyed by (ip, jail): its last ban of each address in each jail, every value known.
    found = pg_query(
        ran.uri, f"SELECT ip, jail, timeofban, bantime, bancount, data FROM {quote_ident(ran.base)}.bips"
    )
    assert {(ip, jail): (at, length, count, bytes(data)) for ip, jail, at, length, count, data in found} == {
        key: (datetime.fromtimestamp(at, UTC), length, count, apps.fail2ban_json(data))
        for key, (_, _, at, length, count, data) in latest.items()
    }
    assert {json.loads(bytes(row[5]).decode()).get("failures") for row in found} == {
        data["failures"] for *_, data in latest.values()
    }
    everything = pg_query(
        ran.uri, f"SELECT jail, ip, timeofban, bantime, bancount FROM {quote_ident(ran.base)}.bans"
    )
    assert sorted(everything, key=repr) == sorted(
        ((j, ip, datetime.fromtimestamp(at, UTC), t, n) for j, ip, at, t, n, _ in bans), key=repr
    )
    assert ran.values("jails", "enabled", "name") == dict(apps.FAIL2BAN_JAILS)


def test_spatialite_database_keeps_its_geometry_blobs_and_reads_its_year_zero_defaults_as_not_set(
    run_export: Runner,
) -> None:
    # A SpatiaLite database (ogr2ogr's layer and the spatialite CLI's tables beside its metadata): its
    # geometry BLOBs byte for byte, GDAL's types (INTEGER_BOOLEAN, a decimal VARCHAR, TIMESTAMP text in
    # UTC with milliseconds), and geometry_columns_time's DEFAULT of year 0 for a time not set yet read
    # as NULL, audited. Until 2026-12-05 those DEFAULTs were impossible dates and the run halted, exit 3.
    sites, pois, roads = range(1, 25), range(1, 19), range(1, 7)
    ran, run_dir = run_export(apps.spatialite_db)
    loaded_cleanly(
        ran,
        run_dir,
        {
            "spatial_ref_sys": len(apps.SPATIALITE_SRS),
            "spatial_ref_sys_aux": len(apps.SPATIALITE_SRS_AUX),
            "geometry_columns": 3,
            "geometry_columns_time": len(apps.SPATIALITE_TIMES),
            "spatialite_history": 6,
            "sites": len(sites),
            "idx_sites_GEOMETRY": sum(1 for i in sites if i % 10),
            "poi": len(pois),
            "roads": len(roads),
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    site_types, poi_types = ran.types("sites"), ran.types("poi")
    assert (
        site_types["GEOMETRY"]
        == poi_types["geom"]
        == poi_types["photo"]
        == ran.types("roads")["geom"]
        == "bytea"
    )
    assert site_types["zip_code"] == site_types["name"] == site_types["tags"] == "text"
    assert site_types["big"] == site_types["site_id"] == ran.types("roads")["poi_id"] == "bigint"
    assert site_types["amount"] == site_types["ratio"] == poi_types["rating"] == "double precision"
    assert site_types["price"] == poi_types["price"] == "numeric"
    assert site_types["visited"] == poi_types["flag"] == "boolean"
    assert site_types["day"] == poi_types["opened"] == "date"
    # A time of day under TIME, HH:MM:SS: time since 2026-12-06 (text before), each value its time.
    assert site_types["tm"] == "time without time zone"
    assert ran.values("sites", "tm", "ogc_fid") == {i: time(i % 24, i % 60, (i * 7) % 60) for i in sites}
    assert (
        site_types["observed"] == ran.types("spatialite_history")["timestamp"] == "timestamp with time zone"
    )
    assert set(ran.types("geometry_columns_time").values()) == {"text", "timestamp with time zone"}
    # The geometry BLOBs SpatiaLite's way (00 01, SRID, MBR, 7C, class, coordinates, FE), NULL as read.
    assert {
        k: None if v is None else bytes(v) for k, v in ran.values("sites", "GEOMETRY", "ogc_fid").items()
    } == {i: apps.spatialite_site_geometry(i) for i in sites}
    assert {k: bytes(v) for k, v in ran.values("roads", "geom", "id").items()} == {
        r: apps.spatialite_road_geometry(r) for r in roads
    }
    assert {k: None if v is None else bytes(v) for k, v in ran.values("poi", "photo", "id").items()} == {
        p: apps.spatialite_photo(p) for p in pois
    }
    # Codes keep their zeros; 2^53 + i every digit; the decimals as written; the instants to the ms.
    assert ran.values("sites", "zip_code", "ogc_fid") == {i: f"{(i * 3719) % 100000:05d}" for i in sites}
    assert ran.values("sites", "big", "ogc_fid") == {i: 2**53 + i for i in sites}
    # (The driver hands a numeric as its text: GDAL's '3.50' keeps its scale, the REAL 1.05 is 1.05.)
    assert ran.values("sites", "price", "ogc_fid") == {i: f"{i * 3.5:.2f}" for i in sites}
    prices = ran.values("poi", "price", "id")
    assert {p: Decimal(v) for p, v in prices.items()} == {p: Decimal(p * 105) / 100 for p in pois}
    assert ran.values("sites", "amount", "ogc_fid") == {i: round(i * 1.07, 2) for i in sites}
    assert ran.values("sites", "ratio", "ogc_fid") == {i: apps.spatialite_ratio(i) for i in sites}
    assert ran.values("sites", "observed", "ogc_fid") == {i: apps.spatialite_observed(i) for i in sites}
    assert ran.values("sites", "day", "ogc_fid") == {i: apps.spatialite_day(i) for i in sites}
    assert ran.values("sites", "visited", "ogc_fid") == {
        i: None if i % 7 == 0 else bool(i % 2) for i in sites
    }
    assert ran.values("sites", "tags", "ogc_fid") == {i: apps.spatialite_tags(i) for i in sites}
    assert ran.values("sites", "name", "ogc_fid") == {
        i: arrives_as(apps.SPATIALITE_NAMES[i % len(apps.SPATIALITE_NAMES)]) for i in sites
    }
    # A time not set yet (the DEFAULT of year 0) is NULL; the times SpatiaLite set, the instants.
    for column, place in (("last_insert", 1), ("last_update", 2), ("last_delete", 3)):
        assert ran.values("geometry_columns_time", column, "f_table_name") == {
            row[0]: None if row[place] is None else datetime.fromisoformat(row[place])
            for row in apps.SPATIALITE_TIMES
        }, column
    # A geographic system's projection "none" is a null token: NULL, audited, as documented.
    assert ran.values("spatial_ref_sys_aux", "projection", "srid") == {
        row[0]: None if row[6] == "none" else row[6] for row in apps.SPATIALITE_SRS_AUX
    }
    assert {(t, c, rule) for t, c, rule in audited_columns(run_dir) if rule == "null_like_to_null"} == {
        ("geometry_columns_time", "last_update", "null_like_to_null"),
        ("geometry_columns_time", "last_delete", "null_like_to_null"),
        ("spatial_ref_sys_aux", "projection", "null_like_to_null"),
    }
    assert references(run_dir) == {
        ("spatial_ref_sys_aux", "srid"): "spatial_ref_sys.srid",
        ("geometry_columns", "srid"): "spatial_ref_sys.srid",
        ("geometry_columns_time", "f_table_name"): "geometry_columns.f_table_name",
        ("geometry_columns_time", "f_geometry_column"): "geometry_columns.f_geometry_column",
        ("roads", "poi_id"): "poi.id",
    }


def deduplicated_mbtiles(path: Path) -> Path:
    """:func:`apps.mbtiles` as mbutil's compression leaves it (``images``, ``map``, a ``tiles`` view)."""
    return apps.mbtiles(path, deduplicated=True)


@pytest.mark.parametrize("build", [apps.mbtiles, deduplicated_mbtiles], ids=["tiles", "deduplicated"])
def test_mbtiles_keeps_its_tile_images_byte_for_byte_and_its_metadata_as_text(
    run_export: Runner, build: Callable[[Path], Path]
) -> None:
    # MBTiles: PNG tiles and zlib-compressed UTFGrids in BLOBs byte for byte, the metadata's values all
    # text (a version 1.0.3, bounds, a zoom 0, JSON, HTML), a UTFGrid key with leading zeros; in the
    # deduplicated layout, each tile's image named by map.tile_id, a reference found in the data, and
    # the tiles view left out as a view (documented). Exit 0, quality 100.
    deduplicated = build is deduplicated_mbtiles
    images = {data: None for data in (apps.mbtiles_png(*tile) for tile in apps.MBTILES_TILES)}
    counts = {"metadata": len(apps.MBTILES_METADATA), "grids": 4, "grid_data": 8}
    tiles = {"map": len(apps.MBTILES_TILES), "images": len(images)} if deduplicated else {}
    ran, run_dir = run_export(build)
    loaded_cleanly(ran, run_dir, {**counts, **(tiles or {"tiles": len(apps.MBTILES_TILES)})})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert ran.types("metadata") == {"name": "text", "value": "text"}
    assert ran.values("metadata", "value", "name") == dict(apps.MBTILES_METADATA)
    assert ran.types("grids")["grid"] == "bytea"
    assert {(z, x, y): bytes(g) for z, x, y, g in pg_query(ran.uri, f"SELECT * FROM {ran.base}.grids")} == {
        (2, x, y): apps.mbtiles_grid(x, y) for x, y in apps.MBTILES_GRIDS
    }
    assert ran.types("grid_data")["key_name"] == "text"
    assert sorted(r[0] for r in pg_query(ran.uri, f"SELECT key_name FROM {ran.base}.grid_data")) == sorted(
        key for x, y in apps.MBTILES_GRIDS for key in apps.mbtiles_grid_data(x, y)
    )
    if not deduplicated:
        assert ran.types("tiles") == {
            "zoom_level": "bigint",
            "tile_column": "bigint",
            "tile_row": "bigint",
            "tile_data": "bytea",
        }
        loaded = pg_query(
            ran.uri, f"SELECT zoom_level, tile_column, tile_row, tile_data FROM {ran.base}.tiles"
        )
        assert {(z, x, y): bytes(d) for z, x, y, d in loaded} == {
            tile: apps.mbtiles_png(*tile) for tile in apps.MBTILES_TILES
        }
        assert references(run_dir) == {}
        return
    # Each distinct image once, its id the order mbutil first met it in (bound as text, stored as an
    # integer); the tiles as the view joins them, on the target.
    assert ran.types("images") == {"tile_data": "bytea", "tile_id": "bigint"}
    ids = {data: number for number, data in enumerate(images, 1)}
    assert {k: bytes(v) for k, v in ran.values("images", "tile_data", "tile_id").items()} == {
        number: data for data, number in ids.items()
    }
    joined = pg_query(
        ran.uri,
        f"SELECT m.zoom_level, m.tile_column, m.tile_row, i.tile_data FROM {ran.base}.map m "
        f"JOIN {ran.base}.images i ON i.tile_id = m.tile_id",
    )
    assert {(z, x, y): bytes(d) for z, x, y, d in joined} == {
        tile: apps.mbtiles_png(*tile) for tile in apps.MBTILES_TILES
    }
    assert references(run_dir) == {("map", "tile_id"): "images.tile_id"}
    assert set(json.loads((run_dir / "profile.json").read_text())["views_not_loaded"]) == {"tiles"}


def gdal_sqlite_wkt(path: Path) -> Path:
    """:func:`apps.gdal_sqlite` with ``-lco FORMAT=WKT``: geometries as WKT text."""
    return apps.gdal_sqlite(path, geometry_format="WKT")


@pytest.mark.parametrize("build", [apps.gdal_sqlite, gdal_sqlite_wkt], ids=["wkb", "wkt"])
def test_gdal_sqlite_without_spatialite_keeps_wkb_and_wkt_geometries_and_reads_a_csvs_varchar_fields(
    run_export: Runner, build: Callable[[Path], Path]
) -> None:
    # GDAL's SQLite dialect without SpatiaLite: OGC WKB in a BLOB byte for byte, or WKT text as written,
    # GDAL's own type names, and a CSV layer imported as VARCHAR whose digits are numbers, decimals
    # numeric as written, codes with leading zeros text, '' its one way of writing missing (NULL, no
    # cost); references found in the data. Exit 0, quality 100.
    wkt = build is gdal_sqlite_wkt
    sites, routes, visits = range(1, 25), range(1, 7), range(1, 31)
    ran, run_dir = run_export(build)
    loaded_cleanly(
        ran,
        run_dir,
        {
            "geometry_columns": 2,
            "spatial_ref_sys": 2,
            "sites": len(sites),
            "routes": len(routes),
            "visits": 30,
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    column = "WKT_GEOMETRY" if wkt else "GEOMETRY"
    site_types = ran.types("sites")
    assert site_types[column] == ran.types("routes")[column] == ("text" if wkt else "bytea")
    shapes = ran.values("sites", column, "ogc_fid")
    if wkt:
        assert shapes == {i: apps.gdal_site_wkt(i) for i in sites}
        assert ran.values("routes", column, "ogc_fid") == {
            r: apps.gdal_route_geometry(r, "WKT") for r in routes
        }
    else:
        assert {k: None if v is None else bytes(v) for k, v in shapes.items()} == {
            i: apps.gdal_site_wkb(i) for i in sites
        }
        assert {k: bytes(v) for k, v in ran.values("routes", column, "ogc_fid").items()} == {
            r: apps.gdal_route_geometry(r, "WKB") for r in routes
        }
    assert site_types["zip_code"] == site_types["tags"] == "text"
    # A time of day under TIME, HH:MM:SS: time since 2026-12-06 (text before), each value its time.
    assert site_types["tm"] == "time without time zone"
    assert ran.values("sites", "tm", "ogc_fid") == {i: time(i % 24, i % 60, (i * 7) % 60) for i in sites}
    assert site_types["price"] == "numeric" and site_types["visited"] == "boolean"
    assert site_types["observed"] == "timestamp with time zone" and site_types["day"] == "date"
    assert ran.values("sites", "observed", "ogc_fid") == {i: apps.spatialite_observed(i) for i in sites}
    assert ran.values("sites", "big", "ogc_fid") == {i: 2**53 + i for i in sites}
    # Slash dates of year first: read as written, no day/month order to decide.
    assert ran.types("routes")["opened"] == "timestamp without time zone"
    assert ran.values("routes", "opened", "ogc_fid") == {
        r: datetime(2023, 5, r % 28 + 1, 8, r % 60) for r in routes
    }
    visit_types = ran.types("visits")
    assert visit_types == {
        "ogc_fid": "bigint",
        "visit_id": "bigint",
        "site_fid": "bigint",
        "reading": "numeric",
        "note": "text",
        "when": "timestamp without time zone",
        "code": "text",
    }
    assert ran.values("visits", "code", "ogc_fid") == {v: f"{v % 1000:04d}" for v in visits}
    assert {
        k: None if r is None else Decimal(r) for k, r in ran.values("visits", "reading", "ogc_fid").items()
    } == {v: Decimal(apps.gdal_reading(v)) if apps.gdal_reading(v) else None for v in visits}
    assert ran.values("visits", "note", "ogc_fid") == {v: f"visit {v} ✓" if v % 4 else None for v in visits}
    assert ("visits", "note", "empty_to_null") in audited_columns(run_dir)
    assert ran.types("spatial_ref_sys")["auth_srid"] == "bigint"
    assert references(run_dir) == {
        ("geometry_columns", "srid"): "spatial_ref_sys.srid",
        ("visits", "site_fid"): "sites.ogc_fid",
    }


def test_activitywatch_events_arrive_as_instants_and_their_durations_as_the_microseconds_written(
    run_export: Runner,
) -> None:
    """ActivityWatch's peewee datastore writes each event's start as the aware datetime's ``str()``
    (milliseconds, none on a whole second) and its duration under ``DECIMAL(10, 5)`` as the REAL
    ``timedelta.total_seconds()`` (whole microseconds: 6 digits past the declared 5, INTEGER when whole).
    The starts are instants, each audited; the durations numeric to the microsecond; a bucket's
    ``created`` mixing aware and naive text is kept as written."""
    events, buckets = 40, len(apps.ACTIVITYWATCH_BUCKETS)
    ran, run_dir = run_export(apps.activitywatch)
    loaded_cleanly(ran, run_dir, {"bucketmodel": buckets, "eventmodel": events})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = pg_column_types(ran.uri, ran.record["version_schema"], "eventmodel")
    assert types["timestamp"] == "timestamp with time zone"
    assert ran.values("eventmodel", "timestamp", "id") == {
        i + 1: apps.activitywatch_time(i) for i in range(events)
    }
    # str() of a whole second has no fraction: already ISO, unchanged, no audit row.
    fraction = "date_format:%Y-%m-%d %H:%M:%S.%f%z"
    assert audit_rules(run_dir, "eventmodel", "timestamp") == {
        str(i + 1): {fraction} for i in range(events) if apps.activitywatch_time(i).microsecond
    }
    assert audited_columns(run_dir) == {("eventmodel", "timestamp", fraction)}
    # Decimals of six places whatever the declared five: the shortest text of each REAL, exactly
    # (the numeric's text at its scale).
    assert types["duration"] == "numeric(18,6)"
    micro = Decimal("0.000001")
    assert ran.values("eventmodel", "duration", "id") == {
        i + 1: str(Decimal(repr(apps.activitywatch_duration(i))).quantize(micro)) for i in range(events)
    }
    assert types["bucket_id"] == "bigint"
    assert references(run_dir)[("eventmodel", "bucket_id")] == "bucketmodel.key"
    assert ran.values("eventmodel", "datastr", "id") == {
        i + 1: json.dumps(apps.activitywatch_data(i)) for i in range(events)
    }
    # Three buckets' ``created`` carry +00:00, the one the REST default made is naive local time:
    # which zone it is, nothing says, so text, as written.
    bucket = pg_column_types(ran.uri, ran.record["version_schema"], "bucketmodel")
    assert bucket["created"] == "text"
    assert ran.values("bucketmodel", "created", "key") == {
        k + 1: created for k, (*_, created) in enumerate(apps.ACTIVITYWATCH_BUCKETS)
    }
    assert ran.values("bucketmodel", "name", "key") == {
        k + 1: name for k, (_, _, _, _, name, _) in enumerate(apps.ACTIVITYWATCH_BUCKETS)
    }


def test_timetagger_itemdb_keeps_its_typeless_columns_and_server_seconds_as_written(
    run_export: Runner,
) -> None:
    """Timetagger's itemdb: ``WITHOUT ROWID`` tables keyed by a typeless text ``key``, the JSON item in
    ``_ob``, each index a column added with no type. Every cell as written, nothing audited: the
    keys text (one all digits, a leading zero), ``st`` the server's ``time.time()`` as doubles, every
    bit, ``t1``/``t2`` integer Unix seconds under names that say no moment: bigint, as written."""
    records = 30
    ran, run_dir = run_export(apps.timetagger)
    settings = len(apps.TIMETAGGER_SETTINGS)
    loaded_cleanly(ran, run_dir, {"userinfo": 2, "records": records, "settings": settings})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert audited_columns(run_dir) == set()
    for table in ("userinfo", "records", "settings"):
        assert primary_key(ran.uri, ran.record["version_schema"], table) == ["key"], table
    types = ran.types("records")
    assert types == {
        "_ob": "text",
        "key": "text",
        "st": "double precision",
        "t1": "bigint",
        "t2": "bigint",
    }
    items = {item["key"]: item for item in map(apps.timetagger_record, range(records))}
    assert "08150042" in items
    assert ran.values("records", "st", "key") == {key: item["st"] for key, item in items.items()}
    assert ran.values("records", "t1", "key") == {key: item["t1"] for key, item in items.items()}
    assert ran.values("records", "t2", "key") == {key: item["t2"] for key, item in items.items()}
    # The JSON item, ASCII escapes and all, is the very text itemdb wrote; its fields are its own.
    obs = ran.values("records", "_ob", "key")
    assert obs == {key: json.dumps(item) for key, item in items.items()}
    assert all(ob.isascii() for ob in obs.values())
    settings_ob = ran.values("settings", "_ob", "key")
    assert {key: json.loads(ob)["value"] for key, ob in settings_ob.items()} == dict(apps.TIMETAGGER_SETTINGS)
    assert ran.types("settings")["st"] == ran.types("userinfo")["st"] == "double precision"


def test_hamster_facts_arrive_as_timestamps_its_flag_as_boolean_and_its_tag_links_as_references(
    run_export: Runner,
) -> None:
    """hamster-lib's SQLAlchemy store: naive ``DATETIME`` text with six fraction digits as timestamps,
    ``deleted BOOLEAN`` 0/1 as boolean, each cell audited; ``"end"`` a keyword kept as the column's
    name; the keyless ``facttags`` link table's two declared references found; exit 0."""
    facts = 30
    links = sum(len(apps.hamster_tags(i)) for i in range(facts))
    ran, run_dir = run_export(apps.hamster)
    tables = {
        "categories": len(apps.HAMSTER_CATEGORIES),
        "tags": len(apps.HAMSTER_TAGS),
        "activities": len(apps.HAMSTER_ACTIVITIES),
        "facts": facts,
        "facttags": links,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    types = ran.types("facts")
    assert types["start"] == types["end"] == "timestamp without time zone"
    assert ran.values("facts", "start", "id") == {i + 1: apps.hamster_span(i)[0] for i in range(facts)}
    assert ran.values("facts", "end", "id") == {i + 1: apps.hamster_span(i)[1] for i in range(facts)}
    for column in ("start", "end"):
        assert audit_rules(run_dir, "facts", column) == {
            str(i + 1): {"date_format:%Y-%m-%d %H:%M:%S.%f"} for i in range(facts)
        }, column
    assert ran.values("facts", "description", "id") == {
        i + 1: arrives_as(apps.HAMSTER_TEXTS[i % len(apps.HAMSTER_TEXTS)]) for i in range(facts)
    }
    assert ran.types("activities")["deleted"] == "boolean"
    assert ran.values("activities", "deleted", "id") == {
        n + 1: n == 4 for n in range(len(apps.HAMSTER_ACTIVITIES))
    }
    assert audit_rules(run_dir, "activities", "deleted") == {
        str(n + 1): {f"boolean:{int(n == 4)}"} for n in range(len(apps.HAMSTER_ACTIVITIES))
    }
    assert ran.values("categories", "name", "id") == {
        n + 1: arrives_as(name) for n, name in enumerate(apps.HAMSTER_CATEGORIES)
    }
    assert references(run_dir) == {
        ("activities", "category_id"): "categories.id",
        ("facts", "activity_id"): "activities.id",
        ("facttags", "fact_id"): "facts.id",
        ("facttags", "tag_id"): "tags.id",
    }
    linked = pg_query(ran.uri, f'SELECT fact_id, tag_id FROM "{ran.base}".facttags')
    assert sorted(linked) == sorted((i + 1, tag) for i in range(facts) for tag in apps.hamster_tags(i))


def test_hamster_time_tracker_minus_one_for_no_category_is_no_orphan_and_its_search_index_loads(
    run_export: Runner,
) -> None:
    """The GNOME time tracker's ``hamster.db``: ``category_id = -1`` for an activity of no category
    (its "Unsorted") beside categories keyed from 1 is no reference, not an orphan (until 2026-12-05 the -1,
    a sixth value beside 5 categories, left the reference unfound; beside 11 each was an orphan);
    ``autocomplete BOOL`` holding 1 and ``'false'`` a boolean; naive times as timestamps, the running
    fact's end NULL; its FTS3 search index loaded as a table, its shadow tables not."""
    facts = 30
    ran, run_dir = run_export(apps.hamster_time_tracker)
    links = sum(len(apps.hamster_gtk_tags(i)) for i in range(facts))
    tables = {
        "version": 1,
        "categories": len(apps.HAMSTER_GTK_CATEGORIES),
        "activities": len(apps.HAMSTER_GTK_ACTIVITIES),
        "tags": len(apps.HAMSTER_GTK_TAGS),
        "fact_tags": links,
        "facts": facts,
        "fact_index": facts,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    found = references(run_dir)
    assert found[("activities", "category_id")] == "categories.id"
    assert found[("facts", "activity_id")] == "activities.id"
    assert found[("fact_tags", "fact_id")] == "facts.id"
    assert found[("fact_tags", "tag_id")] == "tags.id"
    category = profiled(run_dir)["columns"]["activities"]["category_id"]
    unsorted = sum(1 for _, c in apps.HAMSTER_GTK_ACTIVITIES if c == -1)
    assert category["no_reference_count"] == unsorted
    assert [i["kind"] for i in category["issues"]] == [] and category["quality"] == 100.0
    assert any(note.startswith("-1 stands for no reference") for note in category["notes"])
    # Loaded as written: -1 where Hamster wrote it.
    assert ran.values("activities", "category_id", "id") == {
        n + 1: c for n, (_, c) in enumerate(apps.HAMSTER_GTK_ACTIVITIES)
    }
    assert ran.types("tags")["autocomplete"] == "boolean"
    assert ran.values("tags", "autocomplete", "id") == {
        n + 1: value == 1 for n, (_, value) in enumerate(apps.HAMSTER_GTK_TAGS)
    }
    types = ran.types("facts")
    assert types["start_time"] == types["end_time"] == "timestamp without time zone"
    assert ran.values("facts", "start_time", "id") == {
        i + 1: apps.hamster_gtk_span(i, facts)[0] for i in range(facts)
    }
    assert ran.values("facts", "end_time", "id") == {
        i + 1: apps.hamster_gtk_span(i, facts)[1] for i in range(facts)
    }
    blanks = sum(1 for i in range(facts) if not apps.HAMSTER_GTK_TEXTS[i % len(apps.HAMSTER_GTK_TEXTS)])
    assert ran.values("facts", "description", "id") == {
        i + 1: arrives_as(apps.HAMSTER_GTK_TEXTS[i % len(apps.HAMSTER_GTK_TEXTS)]) for i in range(facts)
    }
    assert ran.values("fact_index", "name", "id") == {
        i + 1: apps.HAMSTER_GTK_ACTIVITIES[i % len(apps.HAMSTER_GTK_ACTIVITIES)][0] for i in range(facts)
    }
    # The score: facts.description's blanks cost nothing, the table writing a missing text '' and a
    # missing moment (the running fact's end) NULL, each kind one way (until 2026-12-05 they cost); the
    # search index's same blanks do not either (that table holds no NULL); nothing else costs.
    assert blanks
    widths = {"version": 1, "categories": 5, "activities": 7, "tags": 3, "fact_tags": 2, "fact_index": 6}
    quality = export_score(
        {
            **{name: (tables[name], [100.0] * width) for name, width in widths.items()},
            "facts": (facts, [100.0] * 5),
        }
    )
    assert ran.record["quality_before"] == pytest.approx(quality, abs=0.01)


def test_mumble_server_keeps_ban_addresses_byte_for_byte_and_reads_its_datetime_now_stamps(
    run_export: Runner,
) -> None:
    """murmurd 1.3 stamps its log and a user's last activity with SQLite's ``datetime('now')`` (naive UTC
    text under ``DATE``), a ban's start as Qt's ISO text with ``.000Z``, keeps each ban's address as 16
    bytes (IPv6, or IPv4 mapped into it) in a BLOB, an avatar texture as a BLOB, and its certificate and
    key in ``config`` as PEM ending in a line break, beside settings of one line. The stamps are
    timestamps, the starts instants; the addresses and textures arrive byte for byte; a salt of digits
    with a leading zero stays text; each PEM's final line break is a line terminator (trimmed, audited,
    no cost) though the settings end in none. A channel description NULL
    until set and ``''`` once cleared is two ways of writing none in ``channel_info.value``: charged as
    documented; the run passes."""
    channels, users, bans = 12, 14, 8
    ran, run_dir = run_export(apps.mumble_server)
    tables = {
        "meta": 2,
        "servers": 2,
        "slog": 20,
        "config": 4 + len(apps.MUMBLE_SETTINGS),
        "channels": channels + 2,
        "channel_info": 3 * (channels - 1),
        "users": users + 2,
        "user_info": sum(1 for uid in range(users) if uid % 3)
        + sum(1 for uid in range(users) if uid % 4 == 0),
        "groups": 2,
        "group_members": 2,
        "acl": 6,
        "channel_links": 4,
        "bans": bans,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("slog")["msgtime"] == ran.types("users")["last_active"] == "timestamp without time zone"
    said = ran.values("slog", "msgtime", "msg")
    assert said == {apps.mumble_log_line(n): apps.mumble_log_time(n) for n in range(tables["slog"])}
    ban_types = ran.types("bans")
    assert (ban_types["base"], ban_types["start"], ban_types["hash"]) == (
        "bytea",
        "timestamp with time zone",
        "text",
    )
    truth = {apps.mumble_ban(i)[3]: apps.mumble_ban(i) for i in range(bans)}
    assert {k: bytes(v) for k, v in ran.values("bans", "base", "hash").items()} == {
        h: ban[0] for h, ban in truth.items()
    }
    assert ran.values("bans", "start", "hash") == {h: ban[5] for h, ban in truth.items()}
    assert ran.values("bans", "reason", "hash") == {h: ban[4] or None for h, ban in truth.items()}
    user_types = ran.types("users")
    assert (user_types["texture"], user_types["salt"], user_types["pw"]) == ("bytea", "text", "text")
    registered = [(s, uid) for s, count in ((1, users), (2, 2)) for uid in range(count)]
    relation = f"{quote_ident(ran.base)}.users"
    loaded = {
        (s, uid): (name, pw, salt, None if texture is None else bytes(texture), active)
        for s, uid, name, pw, salt, texture, active in pg_query(
            ran.uri, f"SELECT server_id, user_id, name, pw, salt, texture, last_active FROM {relation}"
        )
    }
    assert loaded == {key: apps.mumble_user(*key) for key in registered}
    assert loaded[(1, 2)][2] == "0123456789012345"
    # The PEM's line break ends its last line; its settings, of one line, are not padded: the PEMs'
    # breaks are line terminators, at no cost (until 2026-12-05 the column scored 2 points per 1 % of
    # them: 20.0), documents loaded byte for byte (until 2026-12-06 trimmed and audited).
    assert audit_rules(run_dir, "config", "value") == {}
    value = profiled(run_dir)["columns"]["config"]["value"]
    assert (value["line_terminated"], value["layout_kept"], value["quality"]) == (True, True, 100.0)
    certificates = {
        (s, key): value
        for s, key, value in pg_query(
            ran.uri, f"SELECT server_id, key, value FROM {quote_ident(ran.base)}.config"
        )
    }
    assert certificates == {
        (s, key): apps.mumble_pem(label, s)
        for s in (1, 2)
        for key, label in (("certificate", "CERTIFICATE"), ("key", "RSA PRIVATE KEY"))
    } | {(s, key): value for s, key, value in apps.MUMBLE_SETTINGS}
    # The score: two descriptions cleared to '' beside the NULL of those never set (4 points per 1 %).
    info = tables["channel_info"]
    cleared = sum(
        1 for c in range(1, channels) if apps.MUMBLE_DESCRIPTIONS[c % len(apps.MUMBLE_DESCRIPTIONS)] == ""
    )
    widths = {
        "meta": 2,
        "servers": 1,
        "slog": 3,
        "config": 3,
        "channels": 5,
        "users": 9,
        "user_info": 4,
        "groups": 6,
        "group_members": 4,
        "acl": 9,
        "channel_links": 3,
        "bans": 8,
    }
    quality = export_score(
        {
            **{name: (tables[name], [100.0] * width) for name, width in widths.items()},
            "channel_info": (info, [column_score(info, cleared)] + [100.0] * 3),
        }
    )
    assert ran.record["quality_before"] == pytest.approx(quality, abs=0.01)


def test_qutebrowser_history_reads_typeless_atime_seconds_as_instants_and_keeps_urls_as_encoded(
    run_export: Runner,
) -> None:
    """qutebrowser declares its history's columns with no type (``atime NOT NULL``) and binds
    ``int(time.time())``, a bool as 0/1, each URL as ``QUrl`` encodes it and ``''`` for a page with no
    title. Each visit's seconds arrive as an instant, audited ``epoch:seconds``; URLs and titles (a
    leading zero, a tab and a line break, 3,000 characters) as written; each ``''`` title made NULL and
    audited at no cost (its columns are ``NOT NULL``: the one way it writes none); exit 0, quality 100."""
    visits = 40
    ran, run_dir = run_export(apps.qutebrowser_history)
    history = [apps.qutebrowser_visit(i) for i in range(visits)]
    latest = {
        urllib.parse.unquote(url): (title, atime) for url, title, atime, redirect in history if not redirect
    }
    loaded_cleanly(
        ran, run_dir, {"History": visits, "CompletionHistory": len(latest), "CompletionMetaInfo": 2}
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    types = ran.types("History")
    assert (types["url"], types["title"], types["atime"], types["redirect"]) == (
        "text",
        "text",
        "timestamp with time zone",
        "bigint",
    )
    assert ran.types("CompletionHistory")["last_atime"] == "timestamp with time zone"
    relation = f"{quote_ident(ran.base)}.{quote_ident('History')}"
    loaded = pg_query(ran.uri, f"SELECT url, title, atime, redirect FROM {relation} ORDER BY atime")
    assert loaded == [
        (url, title or None, datetime.fromtimestamp(atime, UTC), int(redirect))
        for url, title, atime, redirect in history
    ]
    assert ran.values("CompletionHistory", "last_atime", "url") == {
        url: datetime.fromtimestamp(atime, UTC) for url, (_, atime) in latest.items()
    }
    assert primary_key(ran.uri, ran.record["version_schema"], "CompletionHistory") == ["url"]
    assert {rule for _, column, rule in audited_columns(run_dir) if column in ("atime", "last_atime")} == {
        "epoch:seconds"
    }
    untitled = [title for _, title, _, _ in history].count("")
    assert (
        len([r for r in audit_rules(run_dir, "History", "title").values() if r == {"empty_to_null"}])
        == untitled
    )


def test_lutris_library_reads_installed_at_as_instants_and_charges_its_blanks_beside_its_nulls(
    run_export: Runner,
) -> None:
    """Lutris's ``Game.save()`` writes ``''`` for the text fields it defaults so (``sortname``,
    ``platform``, ``year`` under ``INTEGER``; ``runner``, ``directory`` and ``configpath`` of an
    uninstalled game) and NULL for the service fields it leaves ``None``, ``installed_at`` as
    ``int(time.time())``, ``lastplayed`` 0 until played and ``playtime`` REAL hours. The install times
    are instants, audited ``epoch:seconds``; ``lastplayed`` stays the integers written (0 is "never",
    no date); the hours keep every bit; service ids stay text (``0048``). The table writes missing two
    ways, ``''`` and NULL, in nullable columns: its blanks cost as documented (the mission's own
    example), each made NULL and audited; the run passes, the categories' references found."""
    games = 30
    ran, run_dir = run_export(apps.lutris_library)
    truth = [apps.lutris_game(i) for i in range(games)]
    tables = {
        "games": games,
        "service_games": 12,
        "sources": 1,
        "categories": 3,
        "games_categories": sum(1 for i in range(games) for c, n in enumerate((5, 8, 3)) if i % n == c),
        "saved_searches": 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    types = ran.types("games")
    assert types["installed_at"] == "timestamp with time zone"
    assert (types["lastplayed"], types["year"], types["playtime"]) == ("bigint", "bigint", "double precision")
    assert (types["service_id"], types["configpath"]) == ("text", "text")
    assert ran.values("games", "installed_at", "id") == {
        row[0]: datetime.fromtimestamp(row[13], UTC) for row in truth
    }
    assert {rule for _, column, rule in audited_columns(run_dir) if column == "installed_at"} == {
        "epoch:seconds"
    }
    assert ran.values("games", "lastplayed", "id") == {row[0]: row[11] for row in truth}
    assert ran.values("games", "playtime", "id") == {row[0]: row[19] for row in truth}
    assert ran.values("games", "year", "id") == {row[0]: row[14] or None for row in truth}
    assert ran.values("games", "service_id", "id") == {row[0]: row[21] for row in truth}
    assert ran.values("games", "name", "id") == {row[0]: row[1] for row in truth}
    found = references(run_dir)
    assert found[("games_categories", "game_id")] == "games.id"
    assert found[("games_categories", "category_id")] == "categories.id"
    # The score: each column's blanks, beside the NULLs of the service fields (4 points per 1 %); the
    # other tables hold '' alone (a logo never fetched) or NULL in columns never filled: no cost.
    widths = {"service_games": 10, "sources": 2, "categories": 2, "games_categories": 2, "saved_searches": 3}
    blanks = [sum(1 for row in truth if row[k] == "") for k in range(len(truth[0]))]
    quality = export_score(
        {
            **{name: (tables[name], [100.0] * width) for name, width in widths.items()},
            "games": (games, [column_score(games, n) for n in blanks]),
        }
    )
    assert ran.record["quality_before"] == pytest.approx(quality, abs=0.01)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])


def test_vendure_shop_keeps_its_three_state_flag_as_text_its_minor_units_and_its_codes(
    run_export: Runner,
) -> None:
    # A variant's `trackInventory varchar NOT NULL DEFAULT ('INHERIT')` holds TRUE, FALSE or INHERIT;
    # imported from a CSV every variant says TRUE or FALSE, which read as booleans until 2026-12-05:
    # the next variant created with the column's own default was quarantined. Its text, as written.
    variants, customers, orders = 12, 10, 16
    lines = [line for n in range(orders) for line in apps.vendure_lines(n, variants)]
    tables = {
        "tax_category": len(apps.VENDURE_TAXES),
        "tax_rate": len(apps.VENDURE_TAXES) * len(apps.VENDURE_ZONES),
        "product": len(apps.VENDURE_PRODUCTS),
        "product_translation": 2 * len(apps.VENDURE_PRODUCTS),
        "product_variant": variants,
        "product_variant_price": variants,
        "customer": customers,
        "order": orders,
        "order_line": len(lines),
    }
    ran, run_dir = run_export(apps.vendure_shop)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])

    def declared(table: str) -> dict[str, str]:
        return pg_column_types(ran.uri, ran.record["version_schema"], table)

    assert declared("product_variant")["trackInventory"] == "text"
    assert ran.values("product_variant", "trackInventory", "id") == {
        v + 1: apps.vendure_tracks(v) for v in range(variants)
    }
    # Flags declared boolean with a 0/1 default are booleans; a custom field's NULL stays NULL.
    assert (
        declared("product_variant")["enabled"] == declared("customer")["customFieldsNewsletter"] == "boolean"
    )
    assert ran.values("customer", "customFieldsNewsletter", "id") == {
        c + 1: None if c % 7 == 6 else c % 3 == 0 for c in range(customers)
    }
    # Money is integers of minor units: bigint, each as written; the tax rate's decimal(5,2), stored
    # as INTEGER 19 and REAL 7.5, is an amount at its declared scale.
    for table, column in (
        ("product_variant_price", "price"),
        ("order", "subTotalWithTax"),
        ("order_line", "listPrice"),
    ):
        assert declared(table)[column] == "bigint", (table, column)
    assert ran.values("product_variant_price", "price", "id") == {
        v + 1: apps.vendure_price(v) for v in range(variants)
    }
    assert ran.values("order", "subTotalWithTax", "id") == {
        n + 1: apps.vendure_order_total(n, apps.vendure_lines(n, variants))[1] for n in range(orders)
    }
    assert declared("tax_rate")["value"] == "numeric(18,2)"
    assert _amounts(ran.values("tax_rate", "value", "id")) == {
        3 * k + z + 1: Decimal(str(rate))
        for k, (_, rate) in enumerate(apps.VENDURE_TAXES)
        for z in range(len(apps.VENDURE_ZONES))
    }
    # Codes with leading zeros stay text; a JS number is a double, every bit.
    assert (
        declared("product_variant")["customFieldsGtin"]
        == declared("customer")["customFieldsLoyaltycode"]
        == "text"
    )
    assert ran.values("product_variant", "customFieldsGtin", "id") == {
        v + 1: apps.vendure_gtin(v) for v in range(variants)
    }
    assert ran.values("customer", "customFieldsLoyaltycode", "id") == {
        c + 1: f"{c:06d}" if c % 2 else None for c in range(customers)
    }
    assert declared("product")["customFieldsWeightkg"] == "double precision"
    assert ran.values("product", "customFieldsWeightkg", "id") == {
        i + 1: apps.vendure_weight(i) for i in range(len(apps.VENDURE_PRODUCTS))
    }
    # datetime text with and without milliseconds, datetime(6) custom fields: naive UTC timestamps.
    for table, column in (
        ("order", "orderPlacedAt"),
        ("order", "updatedAt"),
        ("product", "customFieldsReleasedat"),
        ("customer", "customFieldsBirthday"),
    ):
        assert declared(table)[column] == "timestamp without time zone", (table, column)
    assert ran.values("product", "customFieldsReleasedat", "id") == {
        i + 1: apps.vendure_released(i) for i in range(len(apps.VENDURE_PRODUCTS))
    }
    assert ran.values("customer", "customFieldsBirthday", "id") == {
        c + 1: apps.vendure_birthday(c) for c in range(customers)
    }
    assert ran.values("product_translation", "name", "id") == {
        2 * i + 1 + lang: name + (" (DE)" if lang else "")
        for i, name in enumerate(apps.VENDURE_PRODUCTS)
        for lang in range(2)
    }
    assert references(run_dir) == {
        ("tax_rate", "categoryId"): "tax_category.id",
        ("product_translation", "baseId"): "product.id",
        ("product_variant", "taxCategoryId"): "tax_category.id",
        ("product_variant", "productId"): "product.id",
        ("product_variant_price", "variantId"): "product_variant.id",
        ("order", "customerId"): "customer.id",
        ("order_line", "productVariantId"): "product_variant.id",
        ("order_line", "taxCategoryId"): "tax_category.id",
        ("order_line", "orderId"): "order.id",
    }
    # The score: a product's notes '' once beside NULLs, customers' phone numbers '' beside their NULL
    # titles (two ways of writing none in a table). The translations hold no NULL, the coupon codes
    # are '' in every row: no cost.
    with closing(sqlite3.connect(ran.db)) as con:
        widths = {t: len(con.execute(f"PRAGMA table_info({quote_ident(t)})").fetchall()) for t in tables}
    scores = {t: (n, [100.0] * widths[t]) for t, n in tables.items()}
    products = len(apps.VENDURE_PRODUCTS)
    scores["product"] = (products, [column_score(products, 1)] + [100.0] * (widths["product"] - 1))
    phones = sum(c % 3 == 0 for c in range(customers))
    scores["customer"] = (customers, [column_score(customers, phones)] + [100.0] * (widths["customer"] - 1))
    assert ran.record["quality_before"] == pytest.approx(export_score(scores), abs=0.01)


def test_waline_comments_likes_are_counts_not_references_and_its_local_times_arrive_as_written(
    run_export: Runner,
) -> None:
    # A comment's `like` tally (1 to 3) fits the keys of a blog's five pages: until 2026-12-05 a
    # reference to wl_Counter.id. Its name says a count. Times are the server's wall clock, no zone.
    comments = 40
    pages = len(apps.WALINE_PATHS)
    tables = {"wl_Users": len(apps.WALINE_USERS), "wl_Comment": comments, "wl_Counter": pages}
    ran, run_dir = run_export(apps.waline_comments)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])

    def declared(table: str) -> dict[str, str]:
        return pg_column_types(ran.uri, ran.record["version_schema"], table)

    comment = declared("wl_Comment")
    assert comment["like"] == comment["sticky"] == comment["pid"] == "bigint"
    assert comment["createdAt"] == comment["insertedAt"] == "timestamp without time zone"
    # A page's views under "time" are a number, no moment.
    assert declared("wl_Counter")["time"] == "bigint"
    assert ran.values("wl_Counter", "time", "id") == {j + 1: 3 + 4 * j for j in range(pages)}
    assert ran.values("wl_Comment", "like", "id") == {c: apps.waline_like(c) for c in range(1, comments + 1)}
    [like] = [c for c in profiled(run_dir)["columns"]["wl_Comment"].items() if c[0] == "like"]
    assert "its name says a count (like)" in " ".join(like[1]["notes"])
    assert ran.values("wl_Comment", "createdAt", "id") == {
        c: apps.waline_moment(c) for c in range(1, comments + 1)
    }
    # Raw Markdown as typed; a padded comment trimmed (audited), 3,000 characters and 0042 as written.
    assert ran.values("wl_Comment", "comment", "id") == {
        c: apps.waline_comment(c).strip() for c in range(1, comments + 1)
    }
    assert ("wl_Comment", "comment", "trim") in audited_columns(run_dir)
    # The commenter is a user; a reply's pid and rid are comments' ids, but of keys 1..40 with no gap
    # any number is one: nothing tells them from numbers, and none is inferred.
    assert references(run_dir) == {("wl_Comment", "user_id"): "wl_Users.id"}
    # The score: '' for a link, mail, nick or user agent not given beside NULL user ids and likes is
    # how the table writes a missing text, NULL a missing number, each kind one way: no cost (until
    # 2026-12-05 charged, the real database scoring 77.6). Padded comments cosmetic. The users' '' url
    # beside OAuth columns never filled costs nothing.
    numbers = range(1, comments + 1)
    padded = sum(apps.waline_comment(c) != apps.waline_comment(c).strip() for c in numbers)
    with closing(sqlite3.connect(ran.db)) as con:
        widths = {t: len(con.execute(f"PRAGMA table_info({quote_ident(t)})").fetchall()) for t in tables}
    scores = [column_score(comments, padded, COSMETIC)]
    quality = export_score(
        {
            "wl_Comment": (comments, scores + [100.0] * (widths["wl_Comment"] - len(scores))),
            "wl_Counter": (pages, [100.0] * widths["wl_Counter"]),
            "wl_Users": (len(apps.WALINE_USERS), [100.0] * widths["wl_Users"]),
        }
    )
    assert ran.record["quality_before"] == pytest.approx(quality, abs=0.01)


def test_lucid_app_keeps_knex_float_amounts_as_doubles_and_its_whole_second_moments(
    run_export: Runner,
) -> None:
    # Knex declares Lucid's decimal(12, 2) `float` on SQLite: the schema says float, SQLite keeps the
    # double nearest each decimal the app wrote, and double precision keeps it, every bit (a numeric
    # would be a reading the schema does not ask for; `[columns]` type numeric asks). Luxon moments are
    # whole seconds, the date column dates, the enum under its CHECK text, the blob bytes.
    users, invoices = 6, 24
    ran, run_dir = run_export(apps.lucid_app)
    loaded_cleanly(ran, run_dir, {"users": users, "invoices": invoices})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = pg_column_types(ran.uri, ran.record["version_schema"], "invoices")
    assert types["amount"] == types["tax_rate"] == types["discount"] == "double precision"
    assert (types["paid"], types["due_on"], types["paid_at"]) == (
        "boolean",
        "date",
        "timestamp without time zone",
    )
    assert (types["number"], types["meta"], types["status"], types["pdf"]) == (
        "text",
        "text",
        "text",
        "bytea",
    )
    assert pg_column_types(ran.uri, ran.record["version_schema"], "users")["is_admin"] == "boolean"
    assert ran.values("invoices", "amount", "id") == {
        n + 1: float(apps.LUCID_AMOUNTS[n % len(apps.LUCID_AMOUNTS)]) for n in range(invoices)
    }
    assert ran.values("invoices", "discount", "id") == {
        n + 1: None if n % 5 == 0 else (n % 7) * 0.1 for n in range(invoices)
    }
    assert ran.values("invoices", "number", "id") == {n + 1: f"{n + 1:08d}" for n in range(invoices)}
    assert ran.values("invoices", "paid_at", "id") == {n + 1: apps.lucid_paid_at(n) for n in range(invoices)}
    assert ran.values("invoices", "due_on", "id") == {n + 1: apps.lucid_due_on(n) for n in range(invoices)}
    assert ran.values("invoices", "paid", "id") == {n + 1: n % 3 == 0 for n in range(invoices)}
    assert ran.values("invoices", "notes", "id") == {
        n + 1: apps.lucid_notes(n) or None for n in range(invoices)
    }
    assert references(run_dir) == {("invoices", "user_id"): "users.id"}
    # The score: '' notes beside NULL ones, two ways of writing none.
    blanks = sum(apps.lucid_notes(n) == "" for n in range(invoices))
    quality = export_score(
        {
            "users": (users, [100.0] * 7),
            "invoices": (invoices, [column_score(invoices, blanks)] + [100.0] * 14),
        }
    )
    assert ran.record["quality_before"] == pytest.approx(quality, abs=0.01)


def test_healthkit_dates_through_the_clock_change_arrive_as_instants_and_the_energies_as_decimals_no_key(
    run_export: Runner,
) -> None:
    """An Apple Health export as healthkit-to-sqlite converts it: Apple's ``2019-11-03 01:30:00 -0700``
    text as instants through the night the clocks go back (01:30 twice, an hour apart), GPX's
    ``…T16:00:05Z`` too; heart rates ``72`` beside ``79.1`` and workouts' six decimals as numeric;
    ``activity_summary``'s energies of three decimals (``317.250``) decimals as its other columns
    prove, and no key: until 2026-12-05 they were its key, and the target's PRIMARY KEY; the route points'
    REALs every bit; ``workout_points.workout_id`` the declared reference to a SHA-1 key; exit 0."""
    beats, workouts, points = 48, 2, 10
    ran, run_dir = run_export(apps.healthkit)
    tables = {
        "rHeartRate": beats,
        "workouts": workouts,
        "workout_points": workouts * points,
        "activity_summary": apps.HEALTHKIT_DAYS,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    schema = ran.record["version_schema"]
    beat = pg_column_types(ran.uri, schema, "rHeartRate")
    assert beat["startDate"] == beat["endDate"] == beat["creationDate"] == "timestamp with time zone"
    assert ran.types("rHeartRate")["value"] == "numeric"
    heart = pg_query(ran.uri, f'SELECT "startDate", "value" FROM "{ran.base}"."rHeartRate"')
    expected = [apps.healthkit_beat(i) for i in range(-beats // 2, beats - beats // 2)]
    assert sorted((moment, Decimal(str(value))) for moment, value in heart) == sorted(
        (moment, Decimal(value)) for moment, value in expected
    )
    # The hour the clocks went back: each wall-clock time twice, an hour apart as instants.
    twice = [m for m, _ in expected if apps.apple_date(m).startswith("2019-11-03 01:30:00")]
    assert len(twice) == 2 and twice[1] - twice[0] == timedelta(hours=1)
    summary = pg_column_types(ran.uri, schema, "activity_summary")
    assert summary["dateComponents"] == "date"
    assert summary["activeEnergyBurned"] == "numeric(18,3)"
    assert summary["activeEnergyBurnedGoal"] == "bigint"
    energies = ran.values("activity_summary", "activeEnergyBurned", "dateComponents")
    assert {day: Decimal(str(energy)) for day, energy in energies.items()} == {
        date(2019, 10, 28) + timedelta(days=day): Decimal(apps.healthkit_energy(day))
        for day in range(apps.HEALTHKIT_DAYS)
    }
    profile = json.loads((run_dir / "profile.json").read_text())
    keyed = {t["name"]: (t["key"], t["key_found"]) for t in profile["tables"]}
    assert keyed["activity_summary"] == ([], None)
    assert primary_key(ran.uri, schema, "activity_summary") == []
    assert keyed["workouts"] == (["id"], "declared_primary_key")
    work = pg_column_types(ran.uri, schema, "workouts")
    assert work["duration"] == work["totalDistance"] == "numeric(18,6)"
    assert work["totalEnergyBurned"] == "numeric(18,3)"
    assert work["startDate"] == "timestamp with time zone"
    assert references(run_dir) == {("workout_points", "workout_id"): "workouts.id"}
    route = pg_column_types(ran.uri, schema, "workout_points")
    assert route["date"] == "timestamp with time zone"
    assert route["latitude"] == route["speed"] == "double precision"
    loaded = pg_query(ran.uri, f'SELECT "date", latitude, longitude, speed FROM "{ran.base}".workout_points')
    assert sorted(loaded) == sorted(
        apps.healthkit_point(w, p) for w in range(workouts) for p in range(points)
    )


def test_evernote_notes_keep_their_naive_utc_times_compact_reminders_as_instants_and_resources_bytes(
    run_export: Runner,
) -> None:
    """An Evernote export as evernote-to-sqlite converts it: ``created``/``updated`` naive
    ``isoformat()`` text as timestamps (no offset written, none added), the compact
    ``20191029T200815Z`` left in ``reminder-time`` and resources' ``timestamp`` as instants,
    ``reminder-order``'s epoch milliseconds as written (bigint: no date word), coordinates of 13
    decimals numeric, ``attachment`` true/false boolean, the resources' BLOBs byte for byte, the link
    table's two declared references and no reference inferred from ``width``, the external-content
    FTS5 indexes loaded as tables; every cell lossless, quality 100, exit 0."""
    notes = 12
    resources = len(apps.EVERNOTE_RESOURCES)
    ran, run_dir = run_export(apps.evernote)
    tables = {
        "notes": notes,
        "resources": resources,
        "resources_data": resources,
        "note_resources": resources,
        "notes_fts": notes,
        "resources_fts": resources,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    schema = ran.record["version_schema"]
    types = pg_column_types(ran.uri, schema, "notes")
    assert types["created"] == types["updated"] == types["subject-date"] == "timestamp without time zone"
    assert types["reminder-time"] == "timestamp with time zone"
    assert types["reminder-order"] == "bigint"
    assert types["latitude"] == types["longitude"] == "numeric(18,13)"
    times = pg_query(ran.uri, f'SELECT created, updated, "reminder-time" FROM "{ran.base}".notes')
    expected = [(*apps.evernote_times(i), apps.evernote_reminder(i)) for i in range(notes)]
    assert sorted(times, key=lambda row: row[0]) == sorted(
        ((c, u, r.replace(tzinfo=UTC) if r else None) for c, u, r in expected), key=lambda row: row[0]
    )
    contents = pg_query(ran.uri, f'SELECT content FROM "{ran.base}".notes')
    assert sorted(text for (text,) in contents) == sorted(
        f"<en-note><div>{apps.EVERNOTE_TEXTS[i % len(apps.EVERNOTE_TEXTS)]}</div></en-note>"
        for i in range(notes)
    )
    kinds = pg_column_types(ran.uri, schema, "resources")
    assert kinds["attachment"] == "boolean" and kinds["timestamp"] == "timestamp with time zone"
    assert kinds["width"] == "bigint"
    data = dict(pg_query(ran.uri, f'SELECT md5, data FROM "{ran.base}".resources_data'))
    blobs = [apps.evernote_data(r) for r in range(resources)]
    assert {md5: bytes(blob) for md5, blob in data.items()} == {hashlib.md5(b).hexdigest(): b for b in blobs}
    assert ran.values("resources", "attachment", "md5") == {
        hashlib.md5(b).hexdigest(): bool(r % 3) for r, b in enumerate(blobs)
    }
    assert references(run_dir) == {
        ("note_resources", "note_id"): "notes.id",
        ("note_resources", "resource_id"): "resources.md5",
    }
    assert primary_key(ran.uri, schema, "note_resources") == ["note_id", "resource_id"]


def test_twitter_archive_created_at_arrives_as_instants_and_its_ids_every_digit(run_export: Runner) -> None:
    """A Twitter archive as twitter-to-sqlite imports it: every tweet's ``created_at`` in Twitter's
    ``Wed Jul 31 14:03:28 +0000 2019`` as instants (until 2026-12-05 text), each audited by its format; the
    19-digit ids as bigint every digit, in ``id`` and as ``id_str`` text alike; the IP audit's
    ``…T15:08:14.863Z`` as instants; reply columns NULL where a tweet replies to none; every cell
    lossless, quality 100, exit 0."""
    tweets, logins = 24, 6
    ran, run_dir = run_export(apps.twitter_archive)
    tables = {
        "archive_tweet": tweets,
        "archive_like": 10,
        "archive_follower": 8,
        "archive_ip_audit": logins,
        "archive_direct_messages": 3,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    types = ran.types("archive_tweet")
    assert types["created_at"] == "timestamp with time zone"
    assert types["id"] == types["id_str"] == types["in_reply_to_status_id"] == "bigint"
    sent = dict(apps.twitter_tweet(i) for i in range(tweets))
    assert ran.values("archive_tweet", "created_at", "id") == sent
    assert ran.values("archive_tweet", "id_str", "id") == {tweet_id: tweet_id for tweet_id in sent}
    assert audit_rules(run_dir, "archive_tweet", "created_at") == {
        str(tweet_id): {f"date_format:{apps.TWITTER_FORMAT}"} for tweet_id in sent
    }
    replies = ran.values("archive_tweet", "in_reply_to_status_id", "id")
    assert replies == {
        tweet_id: tweet_id - 55_555 if i % 4 == 1 else None
        for i, tweet_id in enumerate(apps.twitter_tweet(i)[0] for i in range(tweets))
    }
    assert ran.types("archive_ip_audit")["createdAt"] == "timestamp with time zone"
    logged = pg_query(ran.uri, f'SELECT "createdAt" FROM "{ran.base}".archive_ip_audit')
    assert sorted(at for (at,) in logged) == sorted(apps.twitter_login(i) for i in range(logins))


def test_google_takeout_times_of_any_fraction_and_epoch_milliseconds_arrive_as_instants(
    run_export: Runner,
) -> None:
    """A Google Takeout as google-takeout-to-sqlite loads it: My Activity's ``time`` with the fraction's
    trailing zeros dropped (``…57Z``, ``….12Z``) as instants; Location History's ``timestampMs`` as
    instants (``epoch:milliseconds``, each cell audited) beside ``when``, their naive UTC text
    (``.139000`` or none), as timestamps equal to them; ``FLOAT`` coordinates every bit; the FTS5
    index loaded as a table; every cell lossless, quality 100, exit 0."""
    activities, locations = 14, 12
    ran, run_dir = run_export(apps.google_takeout)
    tables = {"my_activity": activities, "my_activity_fts": activities, "location_history": locations}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert ran.types("my_activity")["time"] == "timestamp with time zone"
    times = pg_query(ran.uri, f'SELECT "time" FROM "{ran.base}".my_activity')
    assert sorted(t for (t,) in times) == sorted(apps.google_activity(i) for i in range(activities))
    types = ran.types("location_history")
    assert types["timestampMs"] == "timestamp with time zone"
    assert types["when"] == "timestamp without time zone"
    assert types["latitude"] == types["longitude"] == "double precision"
    located = pg_query(ran.uri, f'SELECT "timestampMs", "when", latitude FROM "{ran.base}".location_history')
    expected = [
        (
            UNIX_EPOCH + timedelta(milliseconds=apps.google_location_ms(i)),
            naive(UNIX_EPOCH + timedelta(milliseconds=apps.google_location_ms(i))),
            (525_000_000 + i * 1234) / 1e7,
        )
        for i in range(locations)
    ]
    assert sorted(located) == sorted(expected)
    keys = pg_query(ran.uri, f'SELECT id FROM "{ran.base}".location_history')
    assert audit_rules(run_dir, "location_history", "timestampMs") == {
        key: {"epoch:milliseconds"} for (key,) in keys
    }


def test_git_annex_keys_database_keeps_keys_and_paths_as_bytes_and_reads_its_file_times(
    run_export: Runner,
) -> None:
    """git-annex's keys database: every key and path a ``BLOB`` arrives byte for byte as ``bytea`` (a
    Latin-1 file name that is no UTF-8 among them, none decoded); ``filesize VARCHAR`` of digits a
    bigint; ``mtime`` Unix seconds the instants, each audited ``epoch:seconds``; the inode cache text,
    whose trailing space (a file time of no fraction) is trimmed, audited and charged as cosmetic; exit 0."""
    files = 24
    contents = apps.git_annex_contents(files)
    ran, run_dir = run_export(apps.git_annex_keys)
    loaded_cleanly(ran, run_dir, {"associated": files, "content": len(contents)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("associated") == {"id": "bigint", "key": "bytea", "file": "bytea"}
    assert ran.types("content") == {
        "id": "bigint",
        "key": "bytea",
        "inodecache": "text",
        "filesize": "bigint",
        "mtime": "timestamp with time zone",
    }
    assert {k: bytes(v) for k, v in ran.values("associated", "file", "id").items()} == {
        i + 1: apps.git_annex_file(i) for i in range(files)
    }
    assert {k: bytes(v) for k, v in ran.values("associated", "key", "id").items()} == {
        i + 1: apps.git_annex_key(i) for i in range(files)
    }
    assert {k: bytes(v) for k, v in ran.values("content", "key", "id").items()} == {
        row[0]: row[1] for row in contents
    }
    assert ran.values("content", "filesize", "id") == {row[0]: int(row[3]) for row in contents}
    assert ran.values("content", "mtime", "id") == {
        row[0]: UNIX_EPOCH + timedelta(seconds=row[4]) for row in contents
    }
    assert audit_rules(run_dir, "content", "mtime") == {str(row[0]): {"epoch:seconds"} for row in contents}
    assert ran.values("content", "inodecache", "id") == {row[0]: row[2].rstrip(" ") for row in contents}
    padded = [row for row in contents if row[2].endswith(" ")]
    assert padded and audit_rules(run_dir, "content", "inodecache") == {
        str(row[0]): {"trim"} for row in padded
    }
    quality = export_score(
        {
            "associated": (files, [100.0] * 3),
            "content": (len(contents), [100.0] * 4 + [column_score(len(contents), len(padded), COSMETIC)]),
        }
    )
    assert ran.record["quality_before"] == pytest.approx(quality, abs=0.01)


def test_zim_index_keeps_its_root_page_named_blank_and_finds_the_task_lists_page_by_its_declared_name(
    run_export: Runner,
) -> None:
    """A Zim desktop wiki's ``index.db``: the task list's ``source``, declared nowhere, fits the keys of
    ``files`` and ``pages`` alike and refers to ``pages.id``, as the export declares every other
    ``source`` (until 2026-12-05, no reference); the root page's name ``''`` in a ``NOT NULL UNIQUE`` key
    keeps the column as written (its warning, exit 2, as documented); file times of REAL seconds under
    ``TIMESTAMP`` doubles of every bit; a task's ``'0'`` and ``'9999'`` for no start or due keep those
    columns text, every value as written; ``BOOLEAN`` 0/1 as booleans."""
    files, pages, tasks = apps.zim_files(), apps.zim_pages(), apps.zim_tasks()
    tables = {
        "zim_index": 3,
        "files": len(files),
        "pages": len(pages),
        "links": len(apps.zim_links()),
        "tags": len(apps.ZIM_TAGS),
        "tagsources": len(apps.zim_tag_links()),
        "tasklist": len(tasks),
    }
    ran, run_dir = run_export(apps.zim_notebook_index)
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    [warning] = ran.record["warnings"]
    assert warning.startswith("pages.name: text loaded as written") and "NULL, e.g. ''" in warning
    assert ran.values("pages", "name", "id") == {row[0]: row[3] for row in pages}
    found = references(run_dir)
    assert found[("tasklist", "source")] == "pages.id"
    for child in (("links", "source"), ("links", "target"), ("tagsources", "source"), ("pages", "parent")):
        assert found[child] == "pages.id", child
    assert found[("pages", "source_file")] == found[("files", "parent")] == "files.id"
    assert found[("tagsources", "tag")] == "tags.id"
    assert ran.types("files")["mtime"] == ran.types("pages")["mtime"] == "double precision"
    assert ran.values("files", "mtime", "id") == {row[0]: row[4] for row in files}
    assert ran.values("pages", "mtime", "id") == {row[0]: row[6] for row in pages}
    for table in ("files", "pages"):
        notes = profiled(run_dir)["columns"][table]["mtime"]["notes"]
        assert any(note.endswith('the instant is to_timestamp("mtime")') for note in notes), notes
    types = ran.types("tasklist")
    assert types["start"] == types["due"] == "text"
    assert ran.values("tasklist", "start", "id") == {row[0]: row[8] for row in tasks}
    assert ran.values("tasklist", "due", "id") == {row[0]: row[9] for row in tasks}
    assert ran.values("tasklist", "description", "id") == {row[0]: arrives_as(row[11]) for row in tasks}
    assert ran.values("tasklist", "tags", "id") == {row[0]: arrives_as(row[10]) for row in tasks}
    for table, column in (("pages", "is_link_placeholder"), ("tasklist", "waiting"), ("links", "needscheck")):
        assert ran.types(table)[column] == "boolean", (table, column)
    assert ran.values("pages", "is_link_placeholder", "id") == {row[0]: bool(row[8]) for row in pages}
    assert ran.record["quality_before"] == 100.0


def test_ejabberd_server_reads_its_archive_microseconds_as_instants_and_keeps_every_stanza(
    run_export: Runner,
) -> None:
    """ejabberd's SQLite storage: the message archive's ``timestamp BIGINT UNSIGNED`` of Unix
    microseconds arrives as the instants to the microsecond, each audited ``epoch:microseconds``; each
    stanza's XML and text as written (emoji, escaped ``&``, a line break); ``last.seconds`` Unix
    seconds as ``text`` a bigint (a name of no moment, as documented); ``''`` nicks and SCRAM keys
    NULL at no cost; the users found as the archive's, the spool's and the roster's parent; exit 0."""
    messages = 24
    archive = apps.ejabberd_archive(messages)
    ran, run_dir = run_export(apps.ejabberd_server)
    tables = {
        "users": len(apps.EJABBERD_USERS),
        "last": len(apps.EJABBERD_USERS),
        "rosterusers": 4,
        "rostergroups": 3,
        "spool": len(range(0, messages, 3)),
        "archive": len(archive),
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert ran.types("archive")["timestamp"] == "timestamp with time zone"
    assert ran.values("archive", "timestamp", "id") == {
        row[6]: UNIX_EPOCH + timedelta(microseconds=row[1]) for row in archive
    }
    assert audit_rules(run_dir, "archive", "timestamp") == {
        str(row[6]): {"epoch:microseconds"} for row in archive
    }
    assert ran.values("archive", "xml", "id") == {row[6]: row[4] for row in archive}
    assert ran.values("archive", "txt", "id") == {row[6]: row[5] for row in archive}
    assert "&amp;" in ran.values("archive", "xml", "id")[5]
    assert ran.values("archive", "nick", "id") == {row[6]: None for row in archive}
    assert ran.types("last")["seconds"] == "bigint"
    assert ran.values("last", "seconds", "username") == {
        user: 1_709_290_000 + 3_607 * n for n, user in enumerate(apps.EJABBERD_USERS)
    }
    assert ran.types("users")["created_at"] == "timestamp without time zone"
    found = references(run_dir)
    for child in ("archive", "spool", "rosterusers", "rostergroups"):
        assert found[(child, "username")] == "users.username", child


def test_letta_agent_server_loads_its_json_and_embeddings_and_reads_a_quoted_now_default_as_no_time(
    run_export: Runner,
) -> None:
    """Letta's SQLAlchemy database on SQLite: ``DATETIME`` text of six fraction digits beside
    ``CURRENT_TIMESTAMP``'s whole seconds as timestamps, ``BOOLEAN`` 0/1 as boolean, every ``JSON``
    column text as written, sqlite-vec float32 embeddings byte for byte, ``sequence_id`` bigint; and
    ``archives_agents.created_at DEFAULT 'now()'``, whose text in a link inserted without a time is no
    date: NULL, audited (until 2026-12-05 an unparseable date: a column of more such links than times was
    text, one of half such links halted the run, exit 3)."""
    agents, messages, passages = 3, 30, 12
    ran, run_dir = run_export(apps.letta_agents)
    tables = {
        "organizations": 1,
        "users": 1,
        "agents": agents,
        "block": agents * len(apps.LETTA_BLOCKS),
        "blocks_agents": agents * len(apps.LETTA_BLOCKS),
        "tools": len(apps.LETTA_TOOLS),
        "tools_agents": agents * 3,
        "archives": 1,
        "archives_agents": agents,
        "archival_passages": passages,
        "messages": messages,
        "message_sequence": 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])

    linked = ran.types("archives_agents")
    assert (linked["created_at"], linked["is_owner"]) == ("timestamp without time zone", "boolean")
    times = ran.values("archives_agents", "created_at", "agent_id")
    assert times == {apps.letta_id("agent", 100 + a): apps.letta_linked(a) for a in range(agents)}
    untimed = {apps.letta_id("agent", 100 + a) for a in range(agents) if apps.letta_linked(a) is None}
    assert untimed and len(untimed) < agents
    nulled = audit_rules(run_dir, "archives_agents", "created_at")
    assert sum("null_like_to_null" in rules for rules in nulled.values()) == len(untimed)
    column = profiled(run_dir)["columns"]["archives_agents"]["created_at"]
    assert column["zero_dates"] == ["now()"]

    types = ran.types("messages")
    assert (types["created_at"], types["updated_at"]) == ("timestamp without time zone",) * 2
    assert (types["sequence_id"], types["is_err"]) == ("bigint", "boolean")
    for json_column in ("content", "tool_calls", "tool_returns", "approvals"):
        assert types[json_column] == "text", json_column
    keys = {apps.letta_id("message", 400 + i): i for i in range(messages)}
    assert ran.values("messages", "created_at", "id") == {
        k: apps.letta_message_time(i) for k, i in keys.items()
    }
    assert ran.values("messages", "sequence_id", "id") == {k: i + 1 for k, i in keys.items()}
    updated = set(ran.values("messages", "updated_at", "id").values())
    assert updated == {datetime.fromisoformat(apps.LETTA_NOW)}
    content = ran.values("messages", "content", "id")
    for key, i in keys.items():
        text = '{"status": "OK"}' if i % 4 == 3 else apps.LETTA_TEXTS[i % len(apps.LETTA_TEXTS)]
        assert json.loads(content[key]) == [{"type": "text", "text": text, "signature": None}], key
    with closing(sqlite3.connect(ran.db)) as con:
        stored = dict(con.execute("SELECT id, tool_calls FROM messages"))
    assert ran.values("messages", "tool_calls", "id") == stored

    agent_types = ran.types("agents")
    assert agent_types["message_buffer_autoclear"] == agent_types["enable_sleeptime"] == "boolean"
    assert agent_types["last_run_completion"] == "timestamp without time zone"
    assert agent_types["last_run_duration_ms"] == "bigint"
    assert agent_types["llm_config"] == agent_types["embedding_config"] == "text"
    assert ran.values("agents", "enable_sleeptime", "id") == {
        apps.letta_id("agent", 100 + a): None if a == 0 else a == 2 for a in range(agents)
    }

    assert ran.types("archival_passages")["embedding"] == "bytea"
    embeddings = ran.values("archival_passages", "embedding", "id")
    assert {k: bytes(v) for k, v in embeddings.items()} == {
        apps.letta_id("passage", 300 + i): apps.letta_embedding(i) for i in range(passages)
    }
    found = references(run_dir)
    assert found[("messages", "agent_id")] == "agents.id"
    assert found[("tools_agents", "tool_id")] == "tools.id"
    assert found[("archival_passages", "archive_id")] == "archives.id"


def test_mem0_history_keeps_each_events_instant_across_offsets_and_its_adds_null_old_memory(
    run_export: Runner,
) -> None:
    """mem0's ``history.db``: ``isoformat()`` text of aware times, UTC beside an older mem0's US/Pacific
    offsets on both sides of summer time, as timestamptz, each the instant written; ``updated_at`` NULL
    for a batch ADD; ``old_memory`` NULL for an ADD kept apart from a deleted payload's ``''`` (made NULL
    by the documented blank rule, audited); ``is_deleted INTEGER`` 0/1 as the integers it declares."""
    events, scopes = 30, 2
    ran, run_dir = run_export(apps.mem0_history)
    loaded_cleanly(ran, run_dir, {"history": events, "messages": 5 * scopes})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("history")
    assert types["created_at"] == types["updated_at"] == "timestamp with time zone"
    assert (types["is_deleted"], types["memory_id"], types["id"]) == ("bigint", "text", "text")
    assert primary_key(ran.uri, ran.record["version_schema"], "history") == ["id"]
    offsets = {apps.mem0_moment(i).utcoffset() for i in range(events)}
    assert offsets == {timedelta(hours=-8), timedelta(hours=-7), timedelta(0)}
    keys = {apps.mem0_uuid(1000 + i): i for i in range(events)}
    created = ran.values("history", "created_at", "id")
    assert created == {k: apps.mem0_moment(3 * (i // 3)) for k, i in keys.items()}
    updated = ran.values("history", "updated_at", "id")
    assert updated == {
        k: None if apps.mem0_event(i)[3] == "ADD" and (i // 3) % 2 == 0 else apps.mem0_moment(i)
        for k, i in keys.items()
    }
    old = ran.values("history", "old_memory", "id")
    assert old == {k: apps.mem0_event(i)[1] or None for k, i in keys.items()}
    blank = {k for k, i in keys.items() if apps.mem0_event(i)[1] == ""}
    assert len(blank) == 1
    assert {k for k in keys if audit_rules(run_dir, "history", "old_memory").get(k)} == blank
    assert ran.values("history", "new_memory", "id") == {k: apps.mem0_event(i)[2] for k, i in keys.items()}
    assert ran.values("history", "is_deleted", "id") == {k: apps.mem0_event(i)[4] for k, i in keys.items()}
    assert set(ran.values("messages", "created_at", "id").values()) == {
        apps.MEM0_START + timedelta(days=2, minutes=s, microseconds=993_981) for s in range(scopes)
    }
    assert ran.types("messages")["created_at"] == "timestamp with time zone"


def test_crewai_kickoff_outputs_keep_their_json_and_md5_keys_and_read_the_replay_flag_as_boolean(
    run_export: Runner,
) -> None:
    """crewAI's latest kickoff task outputs: the uuid key, 32-hex-digit MD5 ``task_key`` text, the
    ``JSON`` output and inputs text as written, ``was_replayed BOOLEAN`` 0/1 as boolean and
    ``CURRENT_TIMESTAMP``'s naive text as a timestamp; exit 0."""
    tasks = 12
    ran, run_dir = run_export(apps.crewai_kickoff_outputs)
    loaded_cleanly(ran, run_dir, {"latest_kickoff_task_outputs": tasks})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    table = "latest_kickoff_task_outputs"
    types = ran.types(table)
    assert (types["task_key"], types["output"], types["inputs"]) == ("text",) * 3
    assert (types["was_replayed"], types["task_index"]) == ("boolean", "bigint")
    assert types["timestamp"] == "timestamp without time zone"
    truth = {task: rest for task, *rest in map(apps.crewai_task_output, range(tasks))}
    assert ran.values(table, "task_key", "task_id") == {k: t[0] for k, t in truth.items()}
    assert ran.values(table, "was_replayed", "task_id") == {k: t[4] for k, t in truth.items()}
    outputs = ran.values(table, "output", "task_id")
    assert {k: json.loads(v) for k, v in outputs.items()} == {k: t[2] for k, t in truth.items()}
    inputs = ran.values(table, "inputs", "task_id")
    assert {k: json.loads(v) for k, v in inputs.items()} == {k: t[3] for k, t in truth.items()}
    assert set(ran.values(table, "timestamp", "task_id").values()) == {
        datetime.fromisoformat(apps.CREWAI_KICKOFF_AT)
    }


def test_crewai_flow_states_arrive_as_instants_with_their_json_and_pending_feedback(
    run_export: Runner,
) -> None:
    """crewAI's flow persistence: ``isoformat()`` UTC text as timestamptz, each the instant saved; each
    state's JSON as written; ``pending_feedback`` keyed by its ``AUTOINCREMENT`` id beside its
    ``UNIQUE`` flow uuid; exit 0."""
    ran, run_dir = run_export(apps.crewai_flow_states)
    with closing(sqlite3.connect(ran.db)) as con:
        states = dict(con.execute("SELECT id, state_json FROM flow_states"))
        pending = dict(con.execute("SELECT id, flow_uuid FROM pending_feedback"))
    assert len(pending) == 3
    loaded_cleanly(ran, run_dir, {"flow_states": len(states), "pending_feedback": len(pending)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("flow_states")["timestamp"] == "timestamp with time zone"
    assert ran.types("pending_feedback")["created_at"] == "timestamp with time zone"
    assert ran.values("flow_states", "timestamp", "id") == {n: apps.crewai_saved(n) for n in states}
    assert ran.values("flow_states", "state_json", "id") == states
    assert ran.values("pending_feedback", "flow_uuid", "id") == pending
    assert primary_key(ran.uri, ran.record["version_schema"], "pending_feedback") == ["id"]


def test_gajim_archive_keeps_its_seconds_and_relates_the_contacts_archive_state_to_its_jids(
    run_export: Runner,
) -> None:
    """A Gajim XMPP client's ``logs.db``: ``last_archive_message``, keyed by the contact's own
    ``jid_id`` (one row per contact or room queried), refers to ``jids.jid_id`` as ``logs.jid_id`` does
    (until 2026-12-05 a table's own key was never searched as a reference, and it related nothing),
    and the target gives it its key's index only; ``time INTEGER`` of REAL and whole Unix seconds is a
    double of every digit, the MAM stamps' float text numeric, each with its instant's expression;
    ``account_id``, two accounts' keys, is too few values to tell from chance."""
    messages = 48
    ran, run_dir = run_export(apps.gajim_archive)
    ids = apps.gajim_jids(messages)
    infos = apps.gajim_archive_infos(messages)
    loaded_cleanly(ran, run_dir, {"jids": len(ids), "logs": messages, "last_archive_message": len(infos)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    found = references(run_dir)
    assert found[("logs", "jid_id")] == "jids.jid_id"
    assert found[("last_archive_message", "jid_id")] == "jids.jid_id"
    assert ("logs", "account_id") not in found and ("logs", "show") not in found
    columns = profiled(run_dir)["columns"]
    assert any("too few" in note for note in columns["logs"]["account_id"]["notes"])
    schema = ran.record["version_schema"]
    indexes = {
        name
        for (name,) in pg_query(ran.uri, f"SELECT indexname FROM pg_indexes WHERE schemaname = '{schema}'")
    }
    assert indexes == {
        "jids_pkey",
        "logs_pkey",
        "logs_jid_id_idx",
        "last_archive_message_pkey",
    }
    assert primary_key(ran.uri, schema, "last_archive_message") == ["jid_id"]
    # Every digit of time.time()'s seconds; the whole ones (INTEGER cells) as the same double.
    assert ran.types("logs")["time"] == "double precision"
    assert ran.values("logs", "time", "log_line_id") == {i + 1: apps.gajim_time(i) for i in range(messages)}
    assert columns["logs"]["time"]["notes"] == [
        "numbers are epoch seconds: kept as numbers (double precision), every value as written; "
        'the instant is to_timestamp("time")'
    ]
    for column in ("account_id", "jid_id", "kind", "show", "marker"):
        assert ran.types("logs")[column] == "bigint", column
    assert ran.values("logs", "jid_id", "log_line_id") == {
        i + 1: ids[apps.gajim_peer(i)][0] for i in range(messages)
    }
    assert ran.values("logs", "account_id", "log_line_id") == {
        i + 1: ids[apps.gajim_account(i)][0] for i in range(messages)
    }
    assert ran.values("logs", "marker", "log_line_id") == {
        i + 1: apps.gajim_marker(i) for i in range(messages)
    }
    assert ran.values("logs", "additional_data", "log_line_id") == {
        i + 1: apps.gajim_additional(i) for i in range(messages)
    }
    messages_out = ran.values("logs", "message", "log_line_id")
    for i in range(messages):
        if apps.gajim_kind(i) != apps.GAJIM_STATUS:
            assert messages_out[i + 1] == apps.GAJIM_TEXTS[i % len(apps.GAJIM_TEXTS)], i
    assert ran.values("jids", "jid", "jid_id") == {jid_id: jid for jid, (jid_id, _) in ids.items()}
    assert ran.values("jids", "type", "jid_id") == {jid_id: kind for jid, (jid_id, kind) in ids.items()}
    # The floats Gajim bound to TEXT columns: their text, read as the decimals it spells (at least
    # the money scale, every digit written: numeric(18,2) and numeric(18,6)).
    types = pg_column_types(ran.uri, schema, "last_archive_message")
    assert (types["oldest_mam_timestamp"], types["last_muc_timestamp"]) == ("numeric(18,2)", "numeric(18,6)")
    oldest_out = ran.values("last_archive_message", "oldest_mam_timestamp", "jid_id")
    assert {k: Decimal(v) for k, v in oldest_out.items()} == {
        jid_id: Decimal(oldest) for jid_id, _, oldest, _ in infos
    }
    muc_out = ran.values("last_archive_message", "last_muc_timestamp", "jid_id")
    assert {k: None if v is None else Decimal(v) for k, v in muc_out.items()} == {
        jid_id: None if muc is None else Decimal(muc) for jid_id, _, _, muc in infos
    }
    assert ran.values("last_archive_message", "last_mam_id", "jid_id") == {
        jid_id: mam for jid_id, mam, _, _ in infos
    }
    assert audited_columns(run_dir) == set()
    assert ran.record["quality_before"] == 100.0


def test_mage_ai_database_reads_sqlalchemys_datetimes_and_json_nulls_and_keeps_its_declared_references(
    run_export: Runner,
) -> None:
    """A Mage AI project's ``mage-ai.db``: SQLAlchemy's ``DATETIME`` text of six fraction digits
    arrives as timestamps to the microsecond (each read from its format, audited) beside the server
    default's whole seconds; a ``JSON`` column's ``null`` (a ``None`` attribute) becomes NULL, audited,
    at no cost, ``{}`` stays; ``BOOLEAN`` 0/1 booleans; the enums' names text; the declared references
    exactly; nothing costs."""
    schedules, runs = 6, 24
    ran, run_dir = run_export(apps.mage_ai)
    tables = {
        "alembic_version": 1,
        "pipeline_schedule": schedules,
        "backfill": 1,
        "pipeline_run": runs,
        "block_run": 2 * runs,
        "user": 4,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("backfill", "pipeline_schedule_id"): "pipeline_schedule.id",
        ("pipeline_run", "pipeline_schedule_id"): "pipeline_schedule.id",
        ("pipeline_run", "backfill_id"): "backfill.id",
        ("block_run", "pipeline_run_id"): "pipeline_run.id",
    }
    types = ran.types("pipeline_run")
    for column in ("created_at", "updated_at", "execution_date", "started_at", "completed_at"):
        assert types[column] == "timestamp without time zone", column
    assert types["passed_sla"] == ran.types("user")["owner"] == "boolean"
    for column in ("status", "executor_type", "variables", "event_variables", "metrics"):
        assert types[column] == "text", column
    assert ran.values("pipeline_run", "started_at", "id") == {
        i + 1: apps.mage_run_started(i) for i in range(runs)
    }
    assert ran.values("pipeline_run", "completed_at", "id") == {
        i + 1: apps.mage_run_completed(i) for i in range(runs)
    }
    assert set(ran.values("pipeline_run", "created_at", "id").values()) == {apps.MAGE_CREATED}
    assert ran.values("pipeline_run", "passed_sla", "id") == {i + 1: i % 5 == 0 for i in range(runs)}
    assert ran.values("pipeline_run", "status", "id") == {
        i + 1: apps.MAGE_RUN_STATUS[i % len(apps.MAGE_RUN_STATUS)] for i in range(runs)
    }
    # JSON's null is NULL, each audited; every other document as SQLAlchemy wrote it, {} included.
    assert ran.values("pipeline_run", "metrics", "id") == {
        i + 1: None if apps.mage_run_metrics(i) is None else json.dumps(apps.mage_run_metrics(i))
        for i in range(runs)
    }
    assert ran.values("pipeline_run", "event_variables", "id") == {
        i + 1: "{}" if i % 3 else None for i in range(runs)
    }
    assert audit_rules(run_dir, "pipeline_run", "metrics") == {
        str(i + 1): {"null_like_to_null"} for i in range(runs) if apps.mage_run_metrics(i) is None
    }
    schedule = ran.values("pipeline_schedule", "variables", "id")
    assert schedule == {
        i + 1: None
        if apps.mage_schedule_variables(i) is None
        else json.dumps(apps.mage_schedule_variables(i))
        for i in range(schedules)
    }
    assert ran.values("pipeline_schedule", "name", "id") == {
        i + 1: apps.MAGE_NAMES[i % len(apps.MAGE_NAMES)] for i in range(schedules)
    }
    assert ran.values("pipeline_schedule", "sla", "id") == {
        i + 1: 3600 * (i + 1) if i % 4 == 0 else None for i in range(schedules)
    }
    columns = profiled(run_dir)["columns"]
    assert columns["pipeline_run"]["metrics"]["json_null_is_missing"] is True
    assert {rule for _, _, rule in audited_columns(run_dir)} == {
        "date_format:%Y-%m-%d %H:%M:%S.%f",
        "null_like_to_null",
        "boolean:0",
        "boolean:1",
    }


def test_kedro_viz_session_store_keeps_its_session_ids_and_doubly_encoded_json_as_written(
    run_export: Runner,
) -> None:
    """Kedro-Viz's ``session_store.db``: Kedro's session ids (``2024-05-20T08.42.00.123Z``, dots in
    the time) are the key and the details' reference, kept as written (text, no date read into a
    key); the session's JSON text encoded as a JSON string once more arrives byte for byte; the
    bookmark a boolean; ``''`` for no notes, the table's one way of writing none, NULL at no cost."""
    runs = 12
    ran, run_dir = run_export(apps.kedro_viz_sessions)
    details = [(i, d) for i in range(runs) if (d := apps.kedro_details(i)) is not None]
    loaded_cleanly(ran, run_dir, {"runs": runs, "user_run_details": len(details)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {("user_run_details", "run_id"): "runs.id"}
    assert ran.types("runs") == {"id": "text", "blob": "text"}
    assert primary_key(ran.uri, ran.record["version_schema"], "runs") == ["id"]
    blobs = ran.values("runs", "blob", "id")
    assert blobs == {apps.kedro_session_id(i): apps.kedro_blob(i) for i in range(runs)}
    assert json.loads(json.loads(blobs[apps.kedro_session_id(5)])) == apps.kedro_session(5)
    types = ran.types("user_run_details")
    assert (types["bookmark"], types["run_id"], types["title"]) == ("boolean", "text", "text")
    assert ran.values("user_run_details", "run_id", "id") == {
        n + 1: apps.kedro_session_id(i) for n, (i, _) in enumerate(details)
    }
    assert ran.values("user_run_details", "bookmark", "id") == {
        n + 1: d[0] for n, (_, d) in enumerate(details)
    }
    assert ran.values("user_run_details", "title", "id") == {n + 1: d[1] for n, (_, d) in enumerate(details)}
    assert ran.values("user_run_details", "notes", "id") == {
        n + 1: d[2] or None for n, (_, d) in enumerate(details)
    }
    assert audit_rules(run_dir, "user_run_details", "notes") == {
        str(n + 1): {"empty_to_null"} for n, (_, d) in enumerate(details) if d[2] == ""
    }
    notes = profiled(run_dir)["columns"]["user_run_details"]["notes"]
    assert notes["blank_is_missing"] is True


def test_telethon_session_reads_its_cache_seconds_as_instants_and_keeps_keys_hashes_and_marked_ids(
    run_export: Runner,
) -> None:
    """A Telethon ``.session``: the auth key and an empty temporary key arrive byte for byte (``b''``
    is no NULL), signed 64-bit access hashes to both extremes, marked peer ids as written, phones as
    the integers SQLite stored; the cache's and the update state's epoch seconds are instants, each
    audited; no reference is made up between bare channel ids and marked ones."""
    entities, files, states = 30, 8, 6
    ran, run_dir = run_export(apps.telethon_session)
    tables = {"version": 1, "sessions": 1, "entities": entities, "sent_files": files, "update_state": states}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert references(run_dir) == {}
    assert primary_key(ran.uri, ran.record["version_schema"], "sent_files") == [
        "md5_digest",
        "file_size",
        "type",
    ]
    assert ran.types("sessions") == {
        "dc_id": "bigint",
        "server_address": "text",
        "port": "bigint",
        "auth_key": "bytea",
        "takeout_id": "bigint",
        "tmp_auth_key": "bytea",
    }
    assert ran.types("entities") == {
        "id": "bigint",
        "hash": "bigint",
        "username": "text",
        "phone": "bigint",
        "name": "text",
        "date": "timestamp with time zone",
    }
    assert ran.types("update_state")["date"] == "timestamp with time zone"
    assert ran.types("sent_files")["md5_digest"] == "bytea"
    (session,) = pg_query(
        ran.uri, f"SELECT auth_key, tmp_auth_key, takeout_id FROM {quote_ident(ran.base)}.sessions"
    )
    assert (bytes(session[0]), bytes(session[1]), session[2]) == (apps.telethon_auth_key(), b"", None)
    rows = [apps.telethon_entity(i) for i in range(entities)]
    assert ran.values("entities", "hash", "id") == {r[0]: r[1] for r in rows}
    assert {-(2**63), 2**63 - 1} <= set(ran.values("entities", "hash", "id").values())
    assert ran.values("entities", "phone", "id") == {r[0]: None if r[3] is None else int(r[3]) for r in rows}
    assert ran.values("entities", "name", "id") == {r[0]: r[4] for r in rows}
    assert ran.values("entities", "username", "id") == {r[0]: r[2] for r in rows}
    assert ran.values("entities", "date", "id") == {r[0]: UNIX_EPOCH + timedelta(seconds=r[5]) for r in rows}
    assert audit_rules(run_dir, "entities", "date") == {str(r[0]): {"epoch:seconds"} for r in rows}
    assert ran.values("update_state", "date", "id") == {
        s[0]: UNIX_EPOCH + timedelta(seconds=s[3]) for s in map(apps.telethon_state, range(states))
    }
    assert ran.values("update_state", "pts", "id") == {
        s[0]: s[1] for s in map(apps.telethon_state, range(states))
    }
    sent = pg_query(
        ran.uri, f"SELECT md5_digest, file_size, type, id, hash FROM {quote_ident(ran.base)}.sent_files"
    )
    assert sorted((bytes(d), *rest) for d, *rest in sent) == sorted(map(apps.telethon_file, range(files)))


def test_pyrogram_session_keeps_peer_types_written_as_words_in_an_integer_column_and_reads_its_seconds(
    run_export: Runner,
) -> None:
    """A Pyrogram ``.session``: ``peers.type``, declared ``INTEGER NOT NULL`` and holding words in
    every row, arrives as text, every value as written; phone digits that read back the same are
    numbers; the save's and the peers' epoch seconds are instants, each audited; the auth key byte for
    byte; the trigger and the indexes are named as not copied."""
    peers = 25
    ran, run_dir = run_export(apps.pyrogram_session)
    loaded_cleanly(ran, run_dir, {"sessions": 1, "peers": peers, "version": 1})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert references(run_dir) == {}
    assert ran.types("peers") == {
        "id": "bigint",
        "access_hash": "bigint",
        "type": "text",
        "username": "text",
        "phone_number": "bigint",
        "last_update_on": "timestamp with time zone",
    }
    assert ran.types("sessions")["date"] == "timestamp with time zone"
    assert ran.types("sessions")["auth_key"] == "bytea"
    rows = [apps.pyrogram_peer(i) for i in range(peers)]
    assert ran.values("peers", "type", "id") == {r[0]: r[2] for r in rows}
    assert ran.values("peers", "access_hash", "id") == {r[0]: r[1] for r in rows}
    assert ran.values("peers", "phone_number", "id") == {
        r[0]: None if r[4] is None else int(r[4]) for r in rows
    }
    assert ran.values("peers", "last_update_on", "id") == {
        r[0]: UNIX_EPOCH + timedelta(seconds=r[5]) for r in rows
    }
    assert audit_rules(run_dir, "peers", "last_update_on") == {str(r[0]): {"epoch:seconds"} for r in rows}
    assert ran.values("sessions", "date", "dc_id") == {2: UNIX_EPOCH + timedelta(seconds=apps.PYROGRAM_SAVED)}
    assert ran.values("sessions", "auth_key", "dc_id") == {2: apps.telethon_auth_key()}
    # Words where INTEGER is declared: the one column charged for its declared type (0.2 a 1 %).
    column = profiled(run_dir)["columns"]["peers"]["type"]
    assert [issue["kind"] for issue in column["issues"]] == ["type_mismatch"]
    assert column["quality"] == 80.0
    notes = " ".join(ran.record["notes"])
    assert "trg_peers_last_update_on" in notes and "idx_peers_phone_number" in notes


def test_persist_queue_keeps_its_pickled_and_json_items_byte_for_byte_and_every_digit_of_its_seconds(
    run_export: Runner,
) -> None:
    """persist-queue's ``data.db``: every item, pickled or JSON, arrives byte for byte as bytea (what
    the queue reads back is what it put); ``time.time()`` REAL seconds stay doubles, every bit, with
    the note naming their instant; ack statuses bound as strings are the integers SQLite stored; an
    empty queue's table takes its declared types; nothing audited."""
    jobs, urls, tasks, settings = 20, 12, 15, 8
    ran, run_dir = run_export(apps.persist_queue)
    tables = {
        "queue_jobs": jobs - apps.PERSIST_QUEUE_TAKEN,
        "unique_queue_urls": urls,
        "ack_queue_tasks": tasks,
        "filo_queue_stack": 0,
        "dict_settings": settings,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert audited_columns(run_dir) == set()
    for table in ("queue_jobs", "unique_queue_urls", "filo_queue_stack"):
        assert ran.types(table) == {"_id": "bigint", "data": "bytea", "timestamp": "double precision"}
    assert ran.types("ack_queue_tasks")["status"] == "bigint"
    assert ran.types("dict_settings") == {"key": "text", "data": "bytea"}
    taken = range(apps.PERSIST_QUEUE_TAKEN, jobs)
    pickled = ran.values("queue_jobs", "data", "_id")
    assert {k: pickle.loads(v) for k, v in pickled.items()} == {
        i + 1: apps.persist_queue_job(i) for i in taken
    }
    assert ran.values("queue_jobs", "timestamp", "_id") == {
        i + 1: apps.persist_queue_moment(i) for i in taken
    }
    assert ran.values("unique_queue_urls", "data", "_id") == {
        i + 1: apps.persist_queue_url(i) for i in range(urls)
    }
    assert ran.values("ack_queue_tasks", "data", "_id") == {
        i + 1: apps.persist_queue_task(i) for i in range(tasks)
    }
    assert ran.values("ack_queue_tasks", "status", "_id") == {
        i + 1: int(apps.PERSIST_QUEUE_STATUS[i % 5]) for i in range(tasks)
    }
    assert ran.values("dict_settings", "data", "key") == dict(
        map(apps.persist_queue_setting, range(settings))
    )
    notes = profiled(run_dir)["columns"]["ack_queue_tasks"]["timestamp"]["notes"]
    assert notes == [
        "numbers are epoch seconds: kept as numbers (double precision), every value as written; "
        'the instant is to_timestamp("timestamp")'
    ]


def test_limnoria_factoids_read_learn_seconds_and_lock_flags_and_join_relations_to_their_keys(
    run_export: Runner,
) -> None:
    """Limnoria's ``Factoids.db``: ``added_at TIMESTAMP`` of epoch seconds are instants and ``locked
    BOOLEAN`` 0/1 booleans, each audited; ``relations.key_id`` refers to ``keys.id`` (declared nowhere,
    its name names the table); ``fact_id`` never to its own table's ids, which its values fit too."""
    keys = 8
    ran, run_dir = run_export(apps.limnoria_factoids)
    facts, relations = keys + 3, 2 * keys
    loaded_cleanly(ran, run_dir, {"keys": keys, "factoids": facts, "relations": relations})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    found = references(run_dir)
    assert found[("relations", "key_id")] == "keys.id"
    assert found.get(("relations", "fact_id")) in (None, "factoids.id")
    assert ran.types("factoids") == {
        "id": "bigint",
        "added_by": "text",
        "added_at": "timestamp with time zone",
        "fact": "text",
        "locked": "boolean",
    }
    rows = [apps.limnoria_fact(f) for f in range(facts)]
    assert ran.values("factoids", "added_at", "id") == {
        r[0]: UNIX_EPOCH + timedelta(seconds=r[2]) for r in rows
    }
    assert ran.values("factoids", "locked", "id") == {r[0]: bool(r[4]) for r in rows}
    assert ran.values("factoids", "fact", "id") == {r[0]: r[3] for r in rows}
    assert audit_rules(run_dir, "factoids", "locked") == {str(r[0]): {f"boolean:{r[4]}"} for r in rows}
    assert ran.values("relations", "fact_id", "id") == {
        r[0]: r[2] for r in map(apps.limnoria_relation, range(relations))
    }


def test_limnoria_aka_reads_adapted_datetimes_with_and_without_a_fraction_as_one_wall_clock(
    run_export: Runner,
) -> None:
    """Limnoria's Aka database: ``locked_at DATETIME`` as sqlite3 adapts ``datetime.now()`` (six
    fraction digits, none at a whole second) is one timestamp column, the fractions audited and the
    whole seconds already canonical; ``locked BOOLEAN NOT NULL`` 0/1 booleans."""
    aliases = 14
    ran, run_dir = run_export(apps.limnoria_aka)
    loaded_cleanly(ran, run_dir, {"aliases": aliases})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("aliases") == {
        "id": "bigint",
        "name": "text",
        "alias": "text",
        "locked": "boolean",
        "locked_by": "text",
        "locked_at": "timestamp without time zone",
    }
    rows = [apps.limnoria_alias(i) for i in range(aliases)]
    assert ran.values("aliases", "locked_at", "id") == {
        r[0]: None if r[5] is None else datetime.fromisoformat(r[5]) for r in rows
    }
    assert audit_rules(run_dir, "aliases", "locked_at") == {
        str(r[0]): {"date_format:%Y-%m-%d %H:%M:%S.%f"} for r in rows if r[5] is not None and "." in r[5]
    }
    assert ran.values("aliases", "locked", "id") == {r[0]: bool(r[3]) for r in rows}
    assert ran.values("aliases", "alias", "id") == {r[0]: r[2] for r in rows}


def test_limnoria_quotegrabs_keeps_nicks_written_as_text_under_blob_and_reads_grab_seconds(
    run_export: Runner,
) -> None:
    """Limnoria's ``QuoteGrabs.db``: the nick, TEXT under ``nick BLOB``, is text as written with no
    type mismatch; ``added_at TIMESTAMP`` epoch seconds are instants, each audited; quotes with tabs,
    no-break spaces and emoji arrive as written."""
    grabs = 12
    ran, run_dir = run_export(apps.limnoria_quotegrabs)
    loaded_cleanly(ran, run_dir, {"quotegrabs": grabs})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert ran.types("quotegrabs")["nick"] == "text"
    assert ran.types("quotegrabs")["added_at"] == "timestamp with time zone"
    rows = [apps.limnoria_grab(i) for i in range(grabs)]
    assert ran.values("quotegrabs", "nick", "id") == {r[0]: r[1] for r in rows}
    assert ran.values("quotegrabs", "quote", "id") == {r[0]: r[5] for r in rows}
    assert ran.values("quotegrabs", "added_at", "id") == {
        r[0]: UNIX_EPOCH + timedelta(seconds=r[4]) for r in rows
    }
    assert audit_rules(run_dir, "quotegrabs", "added_at") == {str(r[0]): {"epoch:seconds"} for r in rows}
    assert profiled(run_dir)["columns"]["quotegrabs"]["nick"]["issues"] == []


def test_kurigram_session_keeps_the_declared_usernames_reference_and_reads_update_state_seconds(
    run_export: Runner,
) -> None:
    """A Kurigram ``.session``: ``usernames.id`` refers to ``peers.id`` as declared (a table with no
    key of its own, keyed by its unique usernames); ``update_state`` keyed by marked channel ids and 0
    makes up no reference; its NULL ``qts`` / ``seq`` stay NULL; every epoch second an instant."""
    peers, states = 25, 4
    ran, run_dir = run_export(apps.kurigram_session)
    names = [(apps.pyrogram_peer(i)[0], name) for i in range(peers) for name in apps.kurigram_usernames(i)]
    tables = {"sessions": 1, "peers": peers, "usernames": len(names), "update_state": states, "version": 1}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert references(run_dir) == {("usernames", "id"): "peers.id"}
    assert ran.types("peers")["type"] == "text"
    assert ran.types("sessions")["server_address"] == "text"
    assert ran.types("update_state")["date"] == "timestamp with time zone"
    assert ran.values("usernames", "id", "username") == {name: peer for peer, name in names}
    expected = [apps.kurigram_state(n) for n in range(states)]
    assert ran.values("update_state", "date", "id") == {
        s[0]: UNIX_EPOCH + timedelta(seconds=s[3]) for s in expected
    }
    assert ran.values("update_state", "qts", "id") == {s[0]: s[2] for s in expected}
    assert ran.values("update_state", "seq", "id") == {s[0]: s[4] for s in expected}
    assert ran.values("sessions", "port", "dc_id") == {2: 443}


def test_kresus_amounts_in_plain_numeric_columns_arrive_as_cents_beside_its_codes_and_moments(
    run_export: Runner,
) -> None:
    """A Kresus database: amounts in columns TypeORM declares plain ``numeric``, the JS numbers Kresus
    binds stored as REAL cents beside INTEGER whole amounts, arrive as numeric at the cents they were
    written with (a balance the bank gave, NULL elsewhere, too), a whole-days ``numeric`` as bigint;
    ``datetime`` text to the millisecond as timestamps, ``boolean`` 0/1 as booleans; account numbers
    with leading zeros as text; the migrations' epoch milliseconds as instants; every declared reference;
    exit 0, nothing costs."""
    transactions, budgets = 40, 12
    ran, run_dir = run_export(apps.kresus)
    tables = {
        "migrations": len(apps.KRESUS_MIGRATIONS),
        "user": 1,
        "access": 2,
        "account": len(apps.KRESUS_ACCOUNTS),
        "category": len(apps.KRESUS_CATEGORIES),
        "transaction": transactions,
        "alert": 3,
        "view": 1,
        "budget": budgets,
        "setting": 3,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("access", "userId"): "user.id",
        ("account", "userId"): "user.id",
        ("account", "accessId"): "access.id",
        ("category", "userId"): "user.id",
        ("transaction", "userId"): "user.id",
        ("transaction", "accountId"): "account.id",
        ("transaction", "categoryId"): "category.id",
        ("alert", "userId"): "user.id",
        ("alert", "accountId"): "account.id",
        ("view", "userId"): "user.id",
        ("budget", "userId"): "user.id",
        ("budget", "categoryId"): "category.id",
        ("budget", "viewId"): "view.id",
        ("setting", "userId"): "user.id",
    }

    def declared(table: str) -> dict[str, str]:
        return pg_column_types(ran.uri, ran.record["version_schema"], table)

    money = "numeric(18,2)"
    assert declared("transaction")["amount"] == money
    assert declared("account")["initialBalance"] == declared("account")["balance"] == money
    assert declared("budget")["threshold"] == money
    assert declared("account")["gracePeriod"] == "bigint"
    for column in ("date", "importDate", "budgetDate", "debitDate"):
        assert declared("transaction")[column] == "timestamp without time zone", column
    for column in ("createdByUser", "isUserDefinedType", "isRecurrentTransaction"):
        assert declared("transaction")[column] == "boolean", column
    assert declared("account")["vendorAccountId"] == "text"
    assert declared("migrations")["timestamp"] == "timestamp with time zone"

    def cents(amount: Decimal | str | None) -> str | None:
        """The numeric's text at the money scale (what the target shows)."""
        return None if amount is None else str(Decimal(amount).quantize(Decimal("0.01")))

    assert ran.values("transaction", "amount", "id") == {
        i + 1: cents(apps.kresus_amount(i)) for i in range(transactions)
    }
    assert ran.values("transaction", "date", "id") == {
        i + 1: apps.kresus_date(i) for i in range(transactions)
    }
    assert ran.values("transaction", "isRecurrentTransaction", "id") == {
        i + 1: i % 13 == 0 for i in range(transactions)
    }
    assert ran.values("transaction", "rawLabel", "id") == {
        i + 1: f"{apps.KRESUS_LABELS[i % len(apps.KRESUS_LABELS)]} REF{i:08d}" for i in range(transactions)
    }
    accounts = dict(enumerate(apps.KRESUS_ACCOUNTS, start=1))
    assert ran.values("account", "vendorAccountId", "id") == {n: a[0] for n, a in accounts.items()}
    assert ran.values("account", "initialBalance", "id") == {n: cents(a[3]) for n, a in accounts.items()}
    assert ran.values("account", "balance", "id") == {n: cents(a[4]) for n, a in accounts.items()}
    assert ran.values("budget", "threshold", "id") == {
        i + 1: cents(apps.kresus_threshold(i)) for i in range(budgets)
    }
    assert ran.values("migrations", "timestamp", "id") == {
        n: UNIX_EPOCH + timedelta(milliseconds=stamp)
        for n, (stamp, _) in enumerate(apps.KRESUS_MIGRATIONS, start=1)
    }


def test_keystone_prisma_moments_with_offsets_are_instants_and_json_scalars_stored_as_numbers_stay_json(
    run_export: Runner,
) -> None:
    """A KeystoneJS project's database through Prisma: ISO 8601 text with ``+00:00`` arrives as
    timestamptz, calendar days in ``TEXT`` as dates, a ``JSONB`` column's JSON text beside the INTEGER and
    REAL cells its NUMERIC affinity made of scalars as text of the same JSON, floats every bit, BIGINT
    and ``BOOLEAN`` as such, ``cuid()`` keys and the implicit many-to-many's references; exit 0, 100."""
    posts, authors = 30, 4
    ran, run_dir = run_export(apps.keystone_project)
    pairs = sum(1 for i in range(posts) for k in range(len(apps.KEYSTONE_TAGS)) if i >> k & 1)
    tables = {"Author": authors, "Tag": len(apps.KEYSTONE_TAGS), "Post": posts, "_Post_tags": pairs}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("Post", "author"): "Author.id",
        ("_Post_tags", "A"): "Post.id",
        ("_Post_tags", "B"): "Tag.id",
    }
    assert primary_key(ran.uri, ran.record["version_schema"], "_Post_tags") == ["A", "B"]

    def declared(table: str) -> dict[str, str]:
        return pg_column_types(ran.uri, ran.record["version_schema"], table)

    post = declared("Post")
    assert post["publishedAt"] == post["createdAt"] == "timestamp with time zone"
    assert post["eventDay"] == declared("Author")["joinedOn"] == "date"
    assert post["rating"] == post["price"] == "double precision"
    assert post["priority"] == post["views"] == post["bytesSeen"] == "bigint"
    assert post["featured"] == declared("Author")["isAdmin"] == "boolean"
    assert post["meta"] == post["colours"] == post["id"] == "text"

    rows = {apps.keystone_id("post", i): apps.keystone_post(i, authors) for i in range(posts)}
    assert ran.values("Post", "publishedAt", "id") == {
        key: apps.keystone_published(i) for i, key in enumerate(rows)
    }
    assert ran.values("Post", "createdAt", "id") == {
        key: apps.keystone_created(i) for i, key in enumerate(rows)
    }
    assert ran.values("Post", "eventDay", "id") == {
        key: None if (day := apps.keystone_day(i)) is None else date.fromisoformat(day)
        for i, key in enumerate(rows)
    }
    # JSON's text, whether SQLite kept it as text or made a number of it: 42 and 1.5 read back the same.
    assert ran.values("Post", "meta", "id") == {key: apps.keystone_meta(i) for i, key in enumerate(rows)}
    assert {
        json.loads(text) for text in ran.values("Post", "meta", "id").values() if text in ("42", "1.5")
    } == {
        42,
        1.5,
    }
    assert ran.values("Post", "price", "id") == {key: row[6] for key, row in rows.items()}
    assert ran.values("Post", "bytesSeen", "id") == {key: row[8] for key, row in rows.items()}
    assert ran.values("Post", "featured", "id") == {key: bool(row[13]) for key, row in rows.items()}
    # A text field left blank is '' under NOT NULL: made NULL, audited, at no cost.
    assert ran.values("Post", "title", "id") == {key: row[1] or None for key, row in rows.items()}


def test_shotwell_library_reads_its_seconds_as_instants_and_keeps_exposure_times_with_0_for_none(
    run_export: Runner,
) -> None:
    """A Shotwell ``photo.db``: a file's and a row's Unix seconds (``timestamp``, ``time_created``) arrive
    as instants; ``exposure_time`` with ``0`` where a photo has no EXIF date stays the integers written,
    noted with the instant's expression; ``import_id``, an id, stays an integer; ``event_id`` refers to
    ``EventTable.id``, its ``-1`` no orphan; exit 0, nothing costs."""
    photos = 24
    ran, run_dir = run_export(apps.shotwell_library)
    events = apps.shotwell_events(photos)
    dated = sum(1 for event in events.values() if event > 0)
    tables = {"VersionTable": 1, "PhotoTable": photos, "EventTable": dated, "TagTable": 0}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {("PhotoTable", "event_id"): "EventTable.id"}

    def declared(table: str) -> dict[str, str]:
        return pg_column_types(ran.uri, ran.record["version_schema"], table)

    photo = declared("PhotoTable")
    assert photo["timestamp"] == photo["time_created"] == "timestamp with time zone"
    assert declared("EventTable")["time_created"] == "timestamp with time zone"
    assert photo["exposure_time"] == photo["import_id"] == photo["event_id"] == "bigint"
    imported = UNIX_EPOCH + timedelta(seconds=apps.SHOTWELL_IMPORTED)
    assert set(ran.values("PhotoTable", "time_created", "id").values()) == {imported}
    assert set(ran.values("PhotoTable", "import_id", "id").values()) == {apps.SHOTWELL_IMPORTED}
    assert ran.values("PhotoTable", "exposure_time", "id") == {
        i + 1: apps.shotwell_exposure(i) for i in range(photos)
    }
    assert ran.values("PhotoTable", "event_id", "id") == {i + 1: events[i] for i in range(photos)}
    exposure = profiled(run_dir)["columns"]["PhotoTable"]["exposure_time"]
    assert any('to_timestamp(NULLIF("exposure_time", 0))' in note for note in exposure["notes"])
    assert ran.values("EventTable", "primary_source_id", "id") == {
        event: f"thumb{i + 1:016x}" for i, event in events.items() if event > 0
    }


def test_crowdsec_agent_keeps_go_nanosecond_moments_and_address_halves_and_its_blank_defaults_cost_nothing(
    run_export: Runner,
) -> None:
    """A CrowdSec agent's ``crowdsec.db`` (Go's ent over mattn/go-sqlite3): every moment Go's
    ``time.Now()`` wrote with nanoseconds (``…12.239779098+00:00``, trailing zeros dropped) is finer
    than a timestamptz holds, so its column stays text, every digit as written, and the run is not
    halted for it; an event's whole-second ``time`` is the instant. A decision's address halves,
    moved into int64 by CrowdSec's ``uint2int`` (int64's extremes for a /48's last suffix) arrive as
    bigint, exactly; ``bool`` 0/1 are booleans; ent's references are found. A bouncer's
    ``ip_address text NULL DEFAULT ''``, ``''`` until it connects beside its ``type`` and ``version``
    NULL, writes a missing value the one way its schema gives it: no cost, each made NULL and audited
    (until 2026-12-05 its bouncers scored 91.67)."""
    rows = apps.crowdsec_rows()
    ran, run_dir = run_export(apps.crowdsec_agent)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("alerts", "machine_alerts"): "machines.id",
        ("decisions", "alert_decisions"): "alerts.id",
        ("events", "alert_events"): "alerts.id",
        ("meta", "alert_metas"): "alerts.id",
    }
    for table in rows:
        assert primary_key(ran.uri, ran.record["version_schema"], table) == ["id"]
    decisions = ran.types("decisions")
    assert {
        name: decisions[name] for name in ("created_at", "until", "start_ip", "end_suffix", "simulated")
    } == {
        "created_at": "text",
        "until": "text",
        "start_ip": "bigint",
        "end_suffix": "bigint",
        "simulated": "boolean",
    }
    assert ran.types("events")["time"] == "timestamp with time zone"
    bouncers = ran.types("bouncers")
    assert (bouncers["until"], bouncers["last_pull"], bouncers["revoked"]) == ("text", "text", "boolean")
    assert ran.types("alerts")["source_latitude"] == "double precision"

    # Every moment as Go wrote it; the halves of each address as CrowdSec computed them.
    for table, column, index in (
        ("decisions", "created_at", 1),
        ("decisions", "until", 3),
        ("bouncers", "last_pull", 10),
    ):
        assert ran.values(table, column, "id") == {row[0]: row[index] for row in rows[table]}
    assert any(len(row[3].split(".")[-1]) == 15 for row in rows["decisions"])  # nine digits and +00:00
    halves = {row[0]: tuple(row[6:11]) for row in rows["decisions"]}
    for column, index in (
        ("start_ip", 0),
        ("end_ip", 1),
        ("start_suffix", 2),
        ("end_suffix", 3),
        ("ip_size", 4),
    ):
        assert ran.values("decisions", column, "id") == {key: value[index] for key, value in halves.items()}
    assert 2**63 - 1 in {value[3] for value in halves.values()}
    assert (
        halves[1]
        == apps.crowdsec_ints("Ip", "192.0.2.10")
        == (-9223372033633549813,) * 2 + (-(2**63) + 1,) * 2 + (4,)
    )
    assert ran.values("events", "time", "id") == {
        row[0]: datetime.fromisoformat(row[3]) for row in rows["events"]
    }
    assert ran.values("events", "serialized", "id") == {row[0]: row[4] for row in rows["events"]}

    # The bouncers' blank addresses: the column's declared default, no cost, each NULL and audited.
    blanks = {str(row[0]) for row in rows["bouncers"] if row[6] == ""}
    assert blanks and any(row[7] is None for row in rows["bouncers"])
    assert ran.values("bouncers", "ip_address", "id") == {row[0]: row[6] or None for row in rows["bouncers"]}
    assert audit_rules(run_dir, "bouncers", "ip_address") == {key: {"empty_to_null"} for key in blanks}
    address = profiled(run_dir)["columns"]["bouncers"]["ip_address"]
    assert address["blank_is_missing"] is True


def test_kamailio_keeps_its_julian_day_reals_and_dialled_numbers_and_its_schema_versions_refer_to_nothing(
    run_export: Runner, tmp_path: Path
) -> None:
    """A Kamailio SIP server's ``kamailio.sqlite`` (``db_sqlite``): every ``TIMESTAMP`` the server
    wrote is a REAL Julian day, half a second added, which only a double holds bit for bit: double
    precision, a note giving the instant; ``kamctl domain add``'s ``date`` text in the C locale
    (``Sat Dec  5 16:52:40 UTC 2026``) is the instant; a dialog's ``start_time`` Unix seconds the
    instant, its absolute ``timeout`` seconds a bigint as written; a registration's ``q`` ``-1.0``
    for none a double; dialled numbers with leading zeros, ``+`` and names text as written. The
    schema's ``version.table_version`` (1 to 9 and a 12) fits the keys of 12 dialogs but names a
    version of its row: no reference (until 2026-12-05, a reference to ``dialog.id``). The served
    domains, ``domain.domain`` declared UNIQUE beside the key, are what the subscribers' and the
    calls' domains name (every one of them here, as SQLite says)."""
    rows = apps.kamailio_rows()
    ran, run_dir = run_export(apps.kamailio_server)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    domains = [("acc", "src_domain"), ("acc", "dst_domain"), ("missed_calls", "src_domain")]
    domains += [("missed_calls", "dst_domain"), ("subscriber", "domain")]
    with closing(sqlite3.connect(apps.kamailio_server(tmp_path / "kamailio.sqlite"))) as con:
        for table, column in domains:
            outside = f"SELECT count(*) FROM {table} WHERE {column} NOT IN (SELECT domain FROM domain)"
            assert con.execute(outside).fetchone() == (0,), (table, column)
    assert references(run_dir) == dict.fromkeys(domains, "domain.domain")
    version = profiled(run_dir)["columns"]["version"]["table_version"]
    assert "its name says a version of the row (version), not that table" in " ".join(version["notes"])
    assert ran.types("version")["table_version"] == "bigint"

    acc = ran.types("acc")
    assert (acc["time"], acc["dst_user"], acc["sip_code"]) == ("double precision", "text", "bigint")
    assert ran.values("acc", "time", "id") == {row[0]: row[7] for row in rows["acc"]}
    assert ran.values("acc", "dst_user", "id") == {row[0]: row[11] for row in rows["acc"]}
    assert {"004930123456", "+4930123456", "alice"} <= set(ran.values("acc", "dst_user", "id").values())
    assert ran.values("acc", "sip_code", "id") == {row[0]: int(row[5]) for row in rows["acc"]}
    # The note's instant is the second the server wrote, half a second on.
    relation = f"{quote_ident(ran.base)}.acc"
    instants = dict(
        pg_query(ran.uri, f'SELECT id, to_timestamp(("time" - 2440587.5) * 86400) FROM {relation}')
    )
    first = apps.KAMAILIO_START
    assert abs(instants[1].timestamp() - (first + 0.5)) < 1e-3
    notes = profiled(run_dir)["columns"]["acc"]["time"]["notes"]
    assert 'the instant is to_timestamp(("time" - 2440587.5) * 86400)' in " ".join(notes)

    location = ran.types("location")
    assert (location["expires"], location["last_modified"], location["q"]) == ("double precision",) * 3
    assert ran.values("location", "expires", "id") == {row[0]: row[7] for row in rows["location"]}
    assert ran.values("location", "q", "id") == {row[0]: row[8] for row in rows["location"]}
    assert ran.types("domain")["last_modified"] == "timestamp with time zone"
    assert ran.values("domain", "last_modified", "id") == {
        1: datetime.fromtimestamp(first - 192, UTC),
        2: datetime.fromtimestamp(first - 192 + 86400 * 9, UTC),
    }
    dialog = ran.types("dialog")
    assert (dialog["start_time"], dialog["timeout"]) == ("timestamp with time zone", "bigint")
    assert ran.values("dialog", "start_time", "id") == {
        row[0]: datetime.fromtimestamp(row[17], UTC) for row in rows["dialog"]
    }
    assert ran.values("dialog", "timeout", "id") == {row[0]: row[18] for row in rows["dialog"]}
    assert ran.values("htable", "key_value", "id") == {row[0]: row[4] for row in rows["htable"]}
    assert ran.values("subscriber", "username", "id") == {row[0]: row[1] for row in rows["subscriber"]}


def test_minidlna_media_database_finds_its_object_tree_by_the_text_ids_and_keeps_its_dates_and_times(
    run_export: Runner,
) -> None:
    """MiniDLNA's ``files.db`` after a scan: ``OBJECTS`` keyed by a rowid ``ID`` names each object by
    ``OBJECT_ID TEXT UNIQUE`` (``64$0$0$1``, ``0``, ``64``); the tree's ``PARENT_ID`` and the views'
    copies' ``REF_ID`` refer to it (a text key declared unique beside the table's key), the root's
    ``-1`` its one orphan; ``DETAIL_ID`` refers to ``DETAILS.ID`` and ``ALBUM_ART`` to its table, 0
    for none. ``DATE DATE`` holds a tag's year as its first day beside EXIF moments with a ``T``: a
    timestamp, each value audited from its format; ``TIMESTAMP`` holds the files' Unix seconds beside
    the media directory's configured types (7): kept as integers, every value as written; ``BOOL``
    0s booleans; durations (``0:00:38.331``) and every title (emoji, a no-break space, MiniDLNA's
    escaped quote, 300 letters) text as written."""
    tracks, photos = 12, 6
    ran, run_dir = run_export(apps.minidlna)
    objects = apps.minidlna_objects(tracks, photos)
    details = apps.minidlna_details(tracks, photos)
    tables = {
        "OBJECTS": len(objects),
        "DETAILS": len(details),
        "ALBUM_ART": len({apps.minidlna_album_art(n) for n in range(tracks)} - {0}),
        "CAPTIONS": 0,
        "BOOKMARKS": 0,
        "PLAYLISTS": 0,
        "SETTINGS": 2,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert references(run_dir) == {
        ("OBJECTS", "PARENT_ID"): "OBJECTS.OBJECT_ID",
        ("OBJECTS", "REF_ID"): "OBJECTS.OBJECT_ID",
        ("OBJECTS", "DETAIL_ID"): "DETAILS.ID",
        ("DETAILS", "ALBUM_ART"): "ALBUM_ART.ID",
    }
    columns = profiled(run_dir)["columns"]
    ids = {oid for oid, *_ in objects}
    orphan = columns["OBJECTS"]["PARENT_ID"]["issues"]
    assert [(i["kind"], i["count"], i["examples"]) for i in orphan] == [
        ("orphan_reference", sum(parent not in ids for _, parent, *_ in objects), ["-1"])
    ]
    assert "issues" not in columns["OBJECTS"]["REF_ID"] or not columns["OBJECTS"]["REF_ID"]["issues"]
    types = ran.types("OBJECTS")
    assert all(types[c] == "text" for c in ("OBJECT_ID", "PARENT_ID", "REF_ID", "CLASS", "NAME"))
    assert ran.values("OBJECTS", "OBJECT_ID", "ID") == {n + 1: row[0] for n, row in enumerate(objects)}
    assert ran.values("OBJECTS", "PARENT_ID", "ID") == {n + 1: row[1] for n, row in enumerate(objects)}
    assert ran.values("OBJECTS", "REF_ID", "ID") == {n + 1: row[2] for n, row in enumerate(objects)}
    types = ran.types("DETAILS")
    assert types["DATE"] == "timestamp without time zone"
    assert (types["TIMESTAMP"], types["DURATION"], types["THUMBNAIL"]) == ("bigint", "text", "boolean")
    by_id = {row[0]: row for row in details}
    assert ran.values("DETAILS", "TIMESTAMP", "ID") == {k: row[3] for k, row in by_id.items()}
    assert ran.values("DETAILS", "TIMESTAMP", "ID")[21] == apps.MINIDLNA_MEDIA_TYPES
    assert ran.values("DETAILS", "TITLE", "ID") == {k: row[4] for k, row in by_id.items()}
    assert ran.values("DETAILS", "DURATION", "ID") == {k: row[5] for k, row in by_id.items()}
    assert ran.values("DETAILS", "DATE", "ID") == {
        k: None if row[16] is None else datetime.fromisoformat(row[16]) for k, row in by_id.items()
    }
    dated = {str(k): row[16] for k, row in by_id.items() if row[16] is not None}
    assert audit_rules(run_dir, "DETAILS", "DATE") == {
        k: {"date_format:%Y-%m-%dT%H:%M:%S" if "T" in text else "date_format:%Y-%m-%d"}
        for k, text in dated.items()
    }
    assert set(ran.values("DETAILS", "THUMBNAIL", "ID").values()) == {False}
    assert ran.values("DETAILS", "ALBUM_ART", "ID") == {k: row[19] for k, row in by_id.items()}
    assert {rule for _, _, rule in audited_columns(run_dir)} == {
        "boolean:0",
        "date_format:%Y-%m-%d",
        "date_format:%Y-%m-%dT%H:%M:%S",
    }


def test_gerbera_media_database_keeps_its_hashes_and_encoded_metadata_and_trims_a_layouts_blank_artist(
    run_export: Runner,
) -> None:
    """Gerbera's ``gerbera.db`` after importing an album: its declared foreign keys name
    ``cds_object``, a table it does not have (the table is ``mt_cds_object``): no reference, a note
    says so; the tree's ``parent_id`` uses too few of the keys to tell from chance; the declared ones
    of its empty tables stand. Location hashes above 2^31 arrive as bigint; the URL-encoded metadata
    and resources text as written; the full-name view's title of a track with no artist
    (`` - Ålbum Twø 🎶 - 0042``) is trimmed, each audited; ``varchar`` ``'3'`` is the number it holds."""
    objects = apps.gerbera_objects()
    ran, run_dir = run_export(apps.gerbera)
    tables = {
        "mt_cds_object": len(objects),
        "mt_cds_active_item": 0,
        "mt_internal_setting": 1,
        "mt_autoscan": 0,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_after"] == 100.0
    assert references(run_dir) == {
        ("mt_cds_active_item", "id"): "mt_cds_object.id",
        ("mt_autoscan", "obj_id"): "mt_cds_object.id",
    }
    columns = profiled(run_dir)["columns"]["mt_cds_object"]
    for column in ("ref_id", "parent_id"):
        assert any("cds_object(id), a table missing" in note for note in columns[column]["notes"]), column
    types = ran.types("mt_cds_object")
    assert (types["id"], types["ref_id"], types["parent_id"], types["location_hash"]) == ("bigint",) * 4
    assert all(types[c] == "text" for c in ("dc_title", "location", "metadata", "resources", "upnp_class"))
    # A name/value table (its key declared): its value, digits written as TEXT, stays text.
    assert ran.types("mt_internal_setting")["value"] == "text"
    assert ran.values("mt_internal_setting", "value", "key") == {"db_version": "3"}
    by_id = {row[0]: row for row in objects}
    assert ran.values("mt_cds_object", "location_hash", "id") == {k: row[7] for k, row in by_id.items()}
    assert max(row[7] or 0 for row in objects) > 2**31
    assert ran.values("mt_cds_object", "metadata", "id") == {k: row[8] for k, row in by_id.items()}
    assert ran.values("mt_cds_object", "resources", "id") == {k: row[10] for k, row in by_id.items()}
    assert ran.values("mt_cds_object", "ref_id", "id") == {k: row[1] for k, row in by_id.items()}
    assert ran.values("mt_cds_object", "dc_title", "id") == {
        k: arrives_as(row[5]) for k, row in by_id.items()
    }
    assert audit_rules(run_dir, "mt_cds_object", "dc_title") == {
        str(k): {"trim"} for k, row in by_id.items() if row[5] is not None and row[5] != row[5].strip()
    }
    assert {rule for _, _, rule in audited_columns(run_dir)} == {"trim"}


def test_agno_store_reads_its_seconds_and_iso_instants_and_keeps_its_metrics_day_a_date_beside_a_blank_key(
    run_export: Runner,
) -> None:
    """An Agno agent's ``SqliteDb``: ``BIGINT`` Unix seconds and the traces' ISO text with ``+00:00``
    (a fraction or none) arrive as instants; JSON's ``null`` is NULL, audited; the declared and found
    references exactly. The metrics' UNIQUE NOT NULL ``(user_id, date, aggregation_period)`` holds
    ``''`` for the shared rows: ``user_id`` is loaded as written (the run's one warning, exit 2), and
    the ``DATE`` column beside it a date (until 2026-12-05 text too, charged as a type mismatch)."""
    sessions, memories, traces = 8, 12, 6
    ran, run_dir = run_export(apps.agno)
    metrics = [(d, u) for d in range(len(apps.AGNO_DAYS)) for u in range(len(apps.AGNO_USERS))]
    tables = {
        "agno_schema_versions": 6,
        "agno_sessions": sessions,
        "agno_runs": 3 * sessions,
        "agno_memories": memories,
        "agno_traces": traces,
        "agno_spans": 2 * traces,
        "agno_metrics": len(metrics),
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    assert [line.split(":")[0] for line in ran.record["warnings"]] == ["agno_metrics.user_id"]
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("agno_runs", "session_id"): "agno_sessions.session_id",
        ("agno_traces", "run_id"): "agno_runs.run_id",
        ("agno_traces", "session_id"): "agno_sessions.session_id",
        ("agno_spans", "trace_id"): "agno_traces.trace_id",
        ("agno_spans", "parent_span_id"): "agno_spans.span_id",
    }
    types = ran.types("agno_metrics")
    assert (types["date"], types["user_id"], types["completed"]) == ("date", "text", "boolean")
    assert types["created_at"] == "timestamp with time zone"
    for column in ("start_time", "end_time", "created_at"):
        assert (
            ran.types("agno_traces")[column] == ran.types("agno_spans")[column] == "timestamp with time zone"
        )
    assert (
        ran.types("agno_sessions")["created_at"]
        == ran.types("agno_runs")["created_at"]
        == ("timestamp with time zone")
    )
    assert ran.types("agno_schema_versions")["created_at"] == "timestamp without time zone"
    ids = {f"{UUID(int=7 * d + u + 1)}": (d, u) for d, u in metrics}
    assert ran.values("agno_metrics", "date", "id") == {
        k: date.fromisoformat(apps.agno_metric(d, u)[0]) for k, (d, u) in ids.items()
    }
    assert ran.values("agno_metrics", "user_id", "id") == {
        k: apps.agno_metric(d, u)[1] for k, (d, u) in ids.items()
    }
    assert "" in ran.values("agno_metrics", "user_id", "id").values()
    assert ran.values("agno_metrics", "completed", "id") == {k: d < 2 for k, (d, _) in ids.items()}
    assert ran.values("agno_sessions", "created_at", "session_id") == {
        f"sess-{s:04d}": datetime.fromtimestamp(apps.AGNO_START + 3600 * s, UTC) for s in range(sessions)
    }
    assert ran.values("agno_traces", "start_time", "trace_id") == {
        f"trace-{t:03d}": apps.agno_trace_start(t) for t in range(traces)
    }
    assert ran.values("agno_spans", "end_time", "span_id") == {
        f"span-{t}-{j}": apps.agno_trace_start(t) + timedelta(milliseconds=150 + t)
        for t in range(traces)
        for j in range(2)
    }
    # JSON's null is NULL, each audited; every other document as SQLAlchemy wrote it.
    data = {f"sess-{s:04d}": apps.agno_session_data(s) for s in range(sessions)}
    assert ran.values("agno_sessions", "session_data", "session_id") == {
        k: None if v is None else json.dumps(v) for k, v in data.items()
    }
    assert audit_rules(run_dir, "agno_sessions", "session_data") == {
        k: {"null_like_to_null"} for k, v in data.items() if v is None
    }
    assert ran.values("agno_memories", "memory", "memory_id") == {
        f"mem-{m}": json.dumps(apps.AGNO_TEXTS[m % 5]) for m in range(memories)
    }
    profile = profiled(run_dir)["columns"]["agno_metrics"]
    assert profile["date"]["as_written"] is None and profile["date"]["quality"] == 100.0
    assert "NULL" in profile["user_id"]["as_written"]


def test_chainlit_data_layer_reads_its_z_stamps_as_instants_and_its_booleans_and_keeps_uuid_keys_as_text(
    run_export: Runner,
) -> None:
    """A Chainlit app's chats persisted by its SQLAlchemy data layer on SQLite: ``utc_now()``'s
    ``...Z`` text (six fraction digits, or none at a whole second) arrives as instants, each audited;
    ``BOOLEAN`` 0/1 booleans; the UUID keys and ``JSONB`` text as written; the declared references
    exactly. A step's ``parentId`` and the elements' and feedbacks' ``forId`` name steps, undeclared
    in tables that declare their other references: no reference, as the rules say; nothing costs."""
    threads, steps = 6, 4
    ran, run_dir = run_export(apps.chainlit)
    elements = len(range(0, threads, 2))
    feedbacks = len(range(0, threads, 3))
    tables = {
        "users": 4,
        "threads": threads,
        "steps": threads * steps,
        "elements": elements,
        "feedbacks": feedbacks,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("threads", "userId"): "users.id",
        ("steps", "threadId"): "threads.id",
        ("elements", "threadId"): "threads.id",
        ("feedbacks", "threadId"): "threads.id",
    }
    types = ran.types("steps")
    for column in ("createdAt", "start", "end"):
        assert types[column] == "timestamp with time zone", column
    for column in ("streaming", "waitForAnswer", "isError", "defaultOpen"):
        assert types[column] == "boolean", column
    for column in ("id", "threadId", "parentId", "metadata", "generation", "showInput", "input"):
        assert types[column] == "text", column
    assert ran.types("users")["createdAt"] == ran.types("threads")["createdAt"] == "timestamp with time zone"
    assert ran.types("feedbacks")["value"] == "bigint"
    step_ids = {apps.chainlit_id(3, steps * t + s): (t, s) for t in range(threads) for s in range(steps)}
    assert ran.values("steps", "start", "id") == {
        k: apps.chainlit_step_start(t, s).replace(tzinfo=UTC) for k, (t, s) in step_ids.items()
    }
    assert ran.values("steps", "end", "id") == {
        k: None if (end := apps.chainlit_step_end(t, s)) is None else end.replace(tzinfo=UTC)
        for k, (t, s) in step_ids.items()
    }
    assert ran.values("steps", "waitForAnswer", "id") == {
        k: False if s % 3 == 0 else None for k, (_, s) in step_ids.items()
    }
    assert ran.values("steps", "streaming", "id") == {k: s % 2 == 1 for k, (_, s) in step_ids.items()}
    assert ran.values("steps", "showInput", "id") == {
        k: "json" if s % 4 == 2 else str(s % 2 == 0).lower() for k, (_, s) in step_ids.items()
    }
    assert ran.values("steps", "input", "id") == {
        k: apps.CHAINLIT_TEXTS[(t + s) % 6] for k, (t, s) in step_ids.items()
    }
    assert ran.values("steps", "parentId", "id") == {
        k: apps.chainlit_id(3, steps * t) if s % 4 == 2 else None for k, (t, s) in step_ids.items()
    }
    assert ran.values("users", "identifier", "id") == {
        apps.chainlit_id(1, u): name for u, name in enumerate(apps.CHAINLIT_USERS)
    }
    assert {rule for _, _, rule in audited_columns(run_dir)} == {
        "date_format:%Y-%m-%dT%H:%M:%S.%f%z",
        "date_format:%Y-%m-%dT%H:%M:%S%z",
        "boolean:0",
        "boolean:1",
    }


def test_mnemosyne_card_kinds_are_no_references_to_its_tags_and_its_never_sentinels_stay_numbers(
    run_export: Runner,
) -> None:
    """A Mnemosyne 2.9 flashcard database: a card's ``card_type_id`` '1', '2', '3', '5' (its built-in
    kinds; ``card_types`` holds only the kinds a user made, none) fit the tags' keys 1..7, over half of
    them up to the upper half: until 2026-12-05 a reference to ``tags._id``. Its name names
    ``card_types``: no reference. The real references (a fact's fields and cards, a card's tags) are
    found. Creation and log times are epoch seconds under date-like names (instants); ``next_rep`` and
    ``last_rep``, the same seconds beside -1 for "never", under names that say no date, stay numbers,
    -1 kept. Easiness doubles keep every bit; the fact views ('2.1') are numbers as written."""
    facts = 24
    ran, run_dir = run_export(apps.mnemosyne)
    with closing(sqlite3.connect(ran.db)) as con:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        tables = {
            n: con.execute(f"SELECT count(*) FROM {quote_ident(n)}").fetchone()[0]
            for n in names
            if n != "sqlite_sequence"
        }
        cards = con.execute("SELECT _id, _fact_id, card_type_id, fact_view_id FROM cards").fetchall()
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("data_for_fact", "_fact_id"): "facts._id",
        ("cards", "_fact_id"): "facts._id",
        ("tags_for_card", "_card_id"): "cards._id",
        ("tags_for_card", "_tag_id"): "tags._id",
    }
    kind = profiled(run_dir)["columns"]["cards"]["card_type_id"]
    assert "its name names card_types, another table of the export" in " ".join(kind["notes"])
    types = ran.types("cards")
    assert types["creation_time"] == types["modification_time"] == "timestamp with time zone"
    assert types["next_rep"] == types["last_rep"] == types["grade"] == "bigint"
    assert (types["easiness"], types["active"], types["question"]) == ("double precision", "boolean", "text")
    assert ran.types("log")["timestamp"] == "timestamp with time zone"
    # Every card of fact f, in the builder's order, with the values it computed from f.
    expected = [
        (f, view, apps.mnemosyne_card(f, view))
        for f in range(1, facts + 1)
        for view in range(len(apps.MNEMOSYNE_KINDS[f % 4][1]))
    ]
    assert [c[1] for c in cards] == [f for f, _, _ in expected]
    numbers = [c[0] for c in cards]
    assert ran.values("cards", "next_rep", "_id") == {
        n: card["next_rep"] for n, (_, _, card) in zip(numbers, expected, strict=True)
    }
    assert -1 in ran.values("cards", "last_rep", "_id").values()
    assert ran.values("cards", "easiness", "_id") == {
        n: card["easiness"] for n, (_, _, card) in zip(numbers, expected, strict=True)
    }
    assert ran.values("cards", "creation_time", "_id") == {
        n: UNIX_EPOCH + timedelta(seconds=apps.MNEMOSYNE_START + f * 3607)
        for n, (f, _, _) in zip(numbers, expected, strict=True)
    }
    assert ran.values("cards", "card_type_id", "_id") == {n: int(t) for n, _, t, _ in cards}
    # A fact view '2.1' is a decimal by the documented rule (scale 2: it reads '2.10'), the same number.
    views = ran.values("cards", "fact_view_id", "_id")
    assert {n: Decimal(v) for n, v in views.items()} == {n: Decimal(v) for n, _, _, v in cards}
    assert ran.values("cards", "question", "_id") == {
        n: apps.mnemosyne_question_answer(f, view)[0]
        for n, (f, view, _) in zip(numbers, expected, strict=True)
    }


def test_dino_xmpp_client_reads_its_unix_seconds_and_last_activity_as_instants_and_keeps_never_as_zero(
    run_export: Runner,
) -> None:
    """Dino's ``dino.db``: every time Unix seconds in an INTEGER column. A conversation's
    ``last_active`` stayed bigint beside its messages' ``time`` read as instants (until 2026-12-05); it
    is the last activity, a moment. ``active_last_changed`` keeps its 0 for "never changed" as a
    number (the note gives the instant); file sizes keep -1 for "unknown"; the FTS4 search table over
    the message bodies arrives as its rows; every cell checked."""
    ran, run_dir = run_export(apps.dino)
    with closing(sqlite3.connect(ran.db)) as con:
        names = [
            n
            for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if n != "sqlite_sequence" and not n.startswith("_fts_message_")
        ]
        tables = {n: con.execute(f"SELECT count(*) FROM {quote_ident(n)}").fetchone()[0] for n in names}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    conversation = ran.types("conversation")
    assert conversation["last_active"] == "timestamp with time zone"
    assert conversation["active_last_changed"] == conversation["active"] == "bigint"
    for table in ("message", "content_item", "file_transfer", "call"):
        types = ran.types(table)
        assert types["time"] == types["local_time"] == "timestamp with time zone", table
    assert ran.types("call")["end_time"] == "timestamp with time zone"
    assert ran.values("conversation", "last_active", "id") == {
        c + 1: UNIX_EPOCH + timedelta(seconds=apps.dino_last_active(c)) for c in range(len(apps.DINO_PEERS))
    }
    assert ran.values("message", "time", "id") == {
        n + 1: UNIX_EPOCH + timedelta(seconds=apps.dino_time(n)) for n in range(apps.DINO_MESSAGES)
    }
    changed = ran.values("conversation", "active_last_changed", "id")
    assert changed == {
        c + 1: 0 if c % 3 == 0 else apps.DINO_START + 100 * c for c in range(len(apps.DINO_PEERS))
    }
    never = profiled(run_dir)["columns"]["conversation"]["active_last_changed"]
    assert 'to_timestamp(NULLIF("active_last_changed", 0))' in " ".join(never["notes"])
    assert -1 in ran.values("file_transfer", "size", "id").values()
    assert ran.values("message", "body", "id") == {
        n + 1: apps.DINO_BODIES[n % len(apps.DINO_BODIES)] for n in range(apps.DINO_MESSAGES)
    }
    assert ran.values("_fts_message", "body", "rowid") == ran.values("message", "body", "id")


def test_strawberry_collection_reads_its_scan_times_as_instants_and_keeps_never_and_real_ratings(
    run_export: Runner,
) -> None:
    """Strawberry's collection (``strawberry.db``, its schema 15): a song's ``mtime``, ``ctime`` and
    ``lastseen`` are Unix seconds, instants (``lastseen`` stayed bigint until 2026-12-05: one word);
    ``lastplayed`` keeps -1 for never beside its seconds, integers as written; ``rating`` holds the
    REAL 0.2..1.0 the player binds beside the INTEGER -1 of an unrated song: doubles, every bit;
    ``length`` nanoseconds and the tags' -1 for "none" numbers as written; every cell checked."""
    songs = apps.STRAWBERRY_SONGS
    ran, run_dir = run_export(apps.strawberry)
    with closing(sqlite3.connect(ran.db)) as con:
        subdirectories = con.execute("SELECT count(*) FROM subdirectories").fetchone()[0]
    tables = {
        "schema_version": 1,
        "directories": 1,
        "subdirectories": subdirectories,
        "songs": songs,
        "playlists": 1,
    }
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    types = ran.types("songs")
    assert types["mtime"] == types["ctime"] == types["lastseen"] == "timestamp with time zone"
    assert (types["lastplayed"], types["length"], types["year"]) == ("bigint", "bigint", "bigint")
    assert types["rating"] == "double precision"
    truth = [apps.strawberry_song(n) for n in range(songs)]
    urls = {row[25]: row for row in truth}
    assert ran.values("songs", "lastseen", "url") == {
        url: UNIX_EPOCH + timedelta(seconds=apps.STRAWBERRY_SEEN) for url in urls
    }
    assert ran.values("songs", "lastplayed", "url") == {
        truth[n][25]: apps.strawberry_lastplayed(n) for n in range(songs)
    }
    assert -1 in ran.values("songs", "lastplayed", "url").values()
    assert ran.values("songs", "rating", "url") == {
        truth[n][25]: float(apps.strawberry_rating(n)) for n in range(songs)
    }
    assert ran.values("songs", "title", "url") == {url: row[0] for url, row in urls.items()}
    assert ran.values("songs", "length", "url") == {url: row[19] for url, row in urls.items()}


def test_scrapyd_job_times_are_its_local_wall_clock_and_queued_arguments_arrive_byte_for_byte(
    run_export: Runner,
) -> None:
    """A Scrapyd server's ``dbs/jobs.db`` and a project's queue ``dbs/<project>.db``: each finished
    job's ``start_time`` / ``end_time`` (declared ``datetime``, ``%Y-%m-%d %H:%M:%S.%f`` of the
    server's naive ``datetime.now()``) is a timestamp without a zone, to the microsecond; its job id
    of 32 hex digits text; a queued job's arguments, ASCII JSON in a BLOB, arrive byte for byte as
    ``bytea`` and still read back as the message scheduled; its REAL priorities doubles, exactly.
    Both files exit 0 with nothing costing."""
    jobs = apps.scrapyd_job_rows()
    ran, run_dir = run_export(apps.scrapyd_finished_jobs)
    loaded_cleanly(ran, run_dir, {"finished_jobs": len(jobs)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert ran.types("finished_jobs") == {
        "id": "bigint",
        "project": "text",
        "spider": "text",
        "job": "text",
        "start_time": "timestamp without time zone",
        "end_time": "timestamp without time zone",
    }
    times = {row[0]: apps.scrapyd_job_times(row[0]) for row in jobs}
    assert ran.values("finished_jobs", "start_time", "id") == {n: pair[0] for n, pair in times.items()}
    assert ran.values("finished_jobs", "end_time", "id") == {n: pair[1] for n, pair in times.items()}
    assert any(pair[0].microsecond == 0 for pair in times.values())  # written ``.000000``
    assert ran.values("finished_jobs", "job", "id") == {row[0]: row[3] for row in jobs}
    assert ran.values("finished_jobs", "project", "id") == {row[0]: row[1] for row in jobs}
    parsed = {str(row[0]): {"date_format:%Y-%m-%d %H:%M:%S.%f"} for row in jobs}
    assert audit_rules(run_dir, "finished_jobs", "start_time") == parsed
    assert audit_rules(run_dir, "finished_jobs", "end_time") == parsed
    assert {(table, column) for table, column, _ in audited_columns(run_dir)} == {
        ("finished_jobs", "start_time"),
        ("finished_jobs", "end_time"),
    }

    queued = apps.scrapyd_messages()
    ran, run_dir = run_export(apps.scrapyd_spider_queue)
    loaded_cleanly(ran, run_dir, {"spider_queue": len(queued)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert ran.types("spider_queue") == {"id": "bigint", "priority": "double precision", "message": "bytea"}
    assert ran.values("spider_queue", "priority", "id") == {n: pair[0] for n, pair in queued.items()}
    messages = {n: bytes(value) for n, value in ran.values("spider_queue", "message", "id").items()}
    assert messages == {n: apps.scrapyd_message(pair[1]) for n, pair in queued.items()}
    assert {n: json.loads(raw.decode("ascii")) for n, raw in messages.items()} == {
        n: pair[1] for n, pair in queued.items()
    }
    assert "  padded  " in {pair[1]["category"] for pair in queued.values()}  # inside the BLOB: as is
    assert audited_columns(run_dir) == set()


def test_silk_profiler_keeps_its_stacks_as_indented_lines_at_no_cost_and_its_moments_to_the_microsecond(
    run_export: Runner,
) -> None:
    """A Django site's django-silk tables: every ``silk_sqlquery.traceback``, a Python stack as
    ``traceback.format_stack`` writes it (``  File "...", line 92, in execute_sql\\n    ...\\n``), is
    laid out in indented lines: marked ``indented``, loaded byte for byte (documents; until 2026-12-06
    trimmed and audited), at no cost (until 2026-12-05
    the table scored 50). ``pyprofile``, pstats' report right-aligned, holds one report ending in three
    line breaks: padding, charged as before. Django's ``datetime`` text (UTC, no zone written) is a
    timestamp without a zone, to the microsecond; ``time_taken`` REAL milliseconds doubles; a uuid's
    text key and its references as declared; exit 0."""
    rows = apps.silk_rows()
    ran, run_dir = run_export(apps.silk_profiler)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert references(run_dir) == {
        ("silk_response", "request_id"): "silk_request.id",
        ("silk_sqlquery", "request_id"): "silk_request.id",
        ("silk_profile", "request_id"): "silk_request.id",
        ("silk_profile_queries", "profile_id"): "silk_profile.id",
        ("silk_profile_queries", "sqlquery_id"): "silk_sqlquery.id",
    }
    columns = profiled(run_dir)["columns"]
    tables = {
        table["name"]: table["quality"]
        for table in json.loads((run_dir / "profile.json").read_text())["tables"]
    }

    # The stacks: every value indented lines, free; documents, loaded byte for byte (until 2026-12-06
    # each was trimmed of its indentation and final break, audited).
    traceback = columns["silk_sqlquery"]["traceback"]
    assert (traceback["indented"], traceback["quality"], tables["silk_sqlquery"]) == (True, 100.0, 100.0)
    stacks = {row[0]: row[5] for row in rows["silk_sqlquery"]}
    assert all(stack.startswith("  File ") and stack.endswith("\n") for stack in stacks.values())
    assert ran.values("silk_sqlquery", "traceback", "id") == stacks
    assert audit_rules(run_dir, "silk_sqlquery", "traceback") == {}

    # The reports: one ends in three line breaks, so the column is padding, each padded value charged.
    reports = [row[14] for row in rows["silk_request"]]
    assert sum(report.endswith("\n\n\n") for report in reports) == 1
    pyprofile = columns["silk_request"]["pyprofile"]
    assert pyprofile["indented"] is False
    assert pyprofile["quality"] == pytest.approx(column_score(len(reports), len(reports), COSMETIC))
    assert ran.values("silk_request", "pyprofile", "id") == {
        row[0]: row[14].strip() for row in rows["silk_request"]
    }

    request = ran.types("silk_request")
    assert (request["id"], request["start_time"], request["time_taken"], request["num_sql_queries"]) == (
        "text",
        "timestamp without time zone",
        "double precision",
        "bigint",
    )
    for column, index in (("start_time", 6), ("end_time", 8)):
        assert ran.values("silk_request", column, "id") == {
            row[0]: datetime.fromisoformat(row[index]) for row in rows["silk_request"]
        }
    assert any(len(row[6]) == 19 for row in rows["silk_request"])  # a whole second, no fraction
    assert ran.values("silk_request", "time_taken", "id") == {row[0]: row[9] for row in rows["silk_request"]}
    # '' for no query string or body: Django's one way of writing none, NULL at no cost.
    assert ran.values("silk_request", "query_params", "id") == {
        row[0]: row[2] or None for row in rows["silk_request"]
    }
    assert columns["silk_request"]["query_params"]["quality"] == 100.0
    assert ran.values("silk_response", "raw_body", "id") == {row[5]: row[1] for row in rows["silk_response"]}
    assert ran.values("silk_response", "status_code", "id") == {
        row[5]: row[0] for row in rows["silk_response"]
    }
    profile = ran.types("silk_profile")
    assert (profile["exception_raised"], profile["dynamic"], profile["end_line_num"]) == (
        "boolean",
        "boolean",
        "bigint",
    )
    assert ran.values("silk_profile", "exception_raised", "id") == {
        row[0]: bool(row[9]) for row in rows["silk_profile"]
    }
    assert ran.types("silk_sqlquery")["time_taken"] == "double precision"
    assert ran.values("silk_sqlquery", "time_taken", "id") == {
        row[0]: row[4] for row in rows["silk_sqlquery"]
    }


def test_django_audit_trail_reads_generic_object_ids_as_numbers_and_keeps_a_follow_keys_blank_flag(
    run_export: Runner,
) -> None:
    """A Django site's django-auditlog and django-activity-stream tables: the object ids they keep as
    text for any model (``object_pk``, ``actor_object_id``, ``target_object_id``, ``varchar(255)``
    holding digits here) are bigint beside ``object_id``'s own bigint, each value the number written,
    NULL where an action has no target; ``changes`` and ``data`` JSON text as written; Django's UTC
    datetime text to the microsecond. ``actstream_follow``'s declared ``UNIQUE (user_id,
    content_type_id, object_id, flag)``, ``flag`` ``''`` in every row, would become NULL by cleaning:
    ``flag`` is loaded as written, ``''`` kept, the run warning for it (exit 2, as docs/profiling.md
    "Keys and duplicate rows" says); ``object_id``, whose digits are distinct numbers as they are
    distinct texts, is bigint (only the key columns that merge or null it are kept as written, since
    2026-12-05), every cell still its source's."""
    rows = apps.audit_trail_rows()
    ran, run_dir = run_export(apps.django_audit_trail)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    warnings = ran.record["warnings"]
    assert [warning.split(":")[0] for warning in warnings] == ["actstream_follow.flag"]
    assert all("text loaded as written" in warning for warning in warnings)
    assert ran.record["quality_before"] == 100.0
    found = references(run_dir)
    assert found[("auditlog_logentry", "actor_id")] == "auth_user.id"
    assert found[("auditlog_logentry", "content_type_id")] == "django_content_type.id"
    assert found[("actstream_follow", "user_id")] == "auth_user.id"

    entry = ran.types("auditlog_logentry")
    assert (entry["object_pk"], entry["object_id"], entry["timestamp"], entry["changes"]) == (
        "bigint",
        "bigint",
        "timestamp without time zone",
        "text",
    )
    entries = rows["auditlog_logentry"]
    assert ran.values("auditlog_logentry", "object_pk", "id") == {row[0]: int(row[1]) for row in entries}
    assert ran.values("auditlog_logentry", "changes", "id") == {row[0]: row[13] for row in entries}
    assert ran.values("auditlog_logentry", "actor_id", "id") == {row[0]: row[6] for row in entries}
    assert None in {row[6] for row in entries}
    assert ran.values("auditlog_logentry", "timestamp", "id") == {
        row[0]: datetime.fromisoformat(row[5]) for row in entries
    }
    assert ran.values("auditlog_logentry", "changes_text", "id") == dict.fromkeys(
        (row[0] for row in entries), None
    )

    action = ran.types("actstream_action")
    assert (action["actor_object_id"], action["target_object_id"], action["data"]) == (
        "bigint",
        "bigint",
        "text",
    )
    actions = rows["actstream_action"]
    assert ran.values("actstream_action", "target_object_id", "id") == {
        row[0]: None if row[4] is None else int(row[4]) for row in actions
    }
    assert ran.values("actstream_action", "data", "id") == {row[0]: row[8] for row in actions}
    assert ran.values("actstream_action", "public", "id") == dict.fromkeys((row[0] for row in actions), True)

    follow = ran.types("actstream_follow")
    assert (follow["object_id"], follow["flag"], follow["actor_only"]) == ("bigint", "text", "boolean")
    follows = rows["actstream_follow"]
    assert ran.values("actstream_follow", "flag", "id") == {row[0]: "" for row in follows}
    assert ran.values("actstream_follow", "object_id", "id") == {row[0]: int(row[1]) for row in follows}
    assert primary_key(ran.uri, ran.record["version_schema"], "actstream_follow") == ["id"]


def test_vnstat_dates_are_wall_clock_timestamps_and_days_and_an_alias_cut_inside_an_emoji_keeps_its_text(
    run_export: Runner,
) -> None:
    """A vnStat 2.10 daemon's ``vnstat.db``: every date is the local wall clock's text under ``DATE``
    (``2025-03-30 04:00:00`` after ``02:00:00`` the night clocks went forward), a five-minute or hourly
    period's a timestamp without time zone, a day's, month's (``2024-12-01``), year's and top day's a
    date; byte counters beyond 2^32 bigint; every period's ``interface`` the declared reference. An
    alias is kept in 31 bytes: one cut inside its last emoji arrives as its text and U+FFFD (audited
    ``encoding:utf-8-cut``; until 2026-12-05 cp1252 mojibake, ``ZÃ¼rich``), one cut after ASCII and
    the first byte of ``é`` as the fallback reads it, an empty one NULL, all audited."""
    rows = apps.vnstat_rows()
    ran, run_dir = run_export(apps.vnstat_database)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    periods = ("fiveminute", "hour", "day", "month", "year", "top")
    assert references(run_dir) == {(table, "interface"): "interface.id" for table in periods}

    stamp = "%Y-%m-%d %H:%M:%S"
    for table in periods:
        types = ran.types(table)
        timed = table in ("fiveminute", "hour")
        assert types["date"] == ("timestamp without time zone" if timed else "date"), table
        assert types["rx"] == types["tx"] == types["interface"] == "bigint", table
        read = (lambda text: datetime.strptime(text, stamp)) if timed else date.fromisoformat
        assert ran.values(table, "date", "id") == {row[0]: read(row[2]) for row in rows[table]}, table
        assert ran.values(table, "rx", "id") == {row[0]: row[3] for row in rows[table]}, table
        assert ran.values(table, "tx", "id") == {row[0]: row[4] for row in rows[table]}, table
        assert audit_rules(run_dir, table, "date") == {}, table
    hours = sorted({moment.time() for moment in ran.values("hour", "date", "id").values()})
    assert [moment.hour for moment in hours] == [0, 1, 2, 4, 5, 6, 23]  # no 03:00 that night

    types = ran.types("interface")
    assert types["created"] == types["updated"] == "timestamp without time zone"
    assert types["rxtotal"] == types["txtotal"] == types["active"] == "bigint"
    interfaces = rows["interface"]
    assert ran.values("interface", "created", "id") == {
        row[0]: datetime.strptime(row[4], stamp) for row in interfaces
    }
    assert ran.values("interface", "rxtotal", "id") == {row[0]: row[8] for row in interfaces}
    assert max(row[8] for row in interfaces) > 2**32
    aliases = {row[0]: row[2] for row in interfaces}
    cut, after_ascii = aliases[1], aliases[4]
    assert isinstance(cut, bytes) and isinstance(after_ascii, bytes)
    expected = {
        1: cut.decode(errors="replace"),  # Python's decoder: U+FFFD for the cut emoji
        2: aliases[2],
        3: None,
        4: after_ascii.decode("cp1252"),
    }
    assert expected[1] == "Uplink — Zürich ☃ 🛰 \ufffd" and expected[4] == "Bridge to the VLAN of DepartmeÃ"
    assert ran.types("interface")["alias"] == "text"
    assert ran.values("interface", "alias", "id") == expected
    assert audit_rules(run_dir, "interface", "alias") == {
        "1": {"encoding:utf-8-cut"},
        "3": {"empty_to_null"},
        "4": {"encoding:cp1252"},
    }
    # info is a name/value table (its name declared UNIQUE): its values, numbers vnStat wrote as
    # text, stay that text (numeric(18,2) until 2026-12-05).
    assert ran.types("info")["value"] == "text"
    assert ran.values("info", "value", "name") == {name: value for _, name, value in rows["info"]}


def test_ulogd_addresses_as_its_integers_and_signed_sequence_numbers_arrive_as_written(
    run_export: Runner,
) -> None:
    """ulogd2's SQLITE3 output: an address is an integer as the plugin binds it (IPv4's bytes read
    little-endian, ``192.168.1.10`` 167880896; IPv6's first eight signed), a TCP sequence number beyond
    2^31 negative (``sqlite3_bind_int``): no rule reads them otherwise, bigint as written. The packet's
    ``oob_time_sec`` is the instant (epoch seconds, audited), its ``oob_time_usec`` an integer; the
    log prefix's trailing space trimmed and a missing prefix or device ``''`` made NULL, each
    audited; the shipped ``ulog_ct`` of no rows arrives empty."""
    rows = apps.ulogd_rows()["ulog_pkt"]
    ran, run_dir = run_export(apps.ulogd_database)
    loaded_cleanly(ran, run_dir, {"ulog_ct": 0, "ulog_pkt": len(rows)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    types = ran.types("ulog_pkt")
    assert types["oob_time_sec"] == "timestamp with time zone"
    for column in ("oob_time_usec", "ip_saddr", "ip_daddr", "tcp_seq", "tcp_ackseq", "raw_pktlen", "oob_uid"):
        assert types[column] == "bigint", column
    for column in ("oob_prefix", "oob_in", "oob_out", "ip_saddr_str", "ip_daddr_str"):
        assert types[column] == "text", column
    assert set(ran.types("ulog_ct").values()) == {"bigint"}
    names = [
        "oob_time_sec", "oob_time_usec", "oob_prefix", "oob_in", "oob_out", "oob_mark", "oob_family",
        "oob_protocol", "oob_uid", "raw_pktlen", "raw_pktcount", "ip_saddr", "ip_daddr", "ip_saddr_str",
        "ip_daddr_str", "ip_protocol", "ip_tos", "ip_ttl", "ip_totlen", "ip_ihl", "ip_csum", "ip_id",
        "ip_fragoff", "tcp_sport", "tcp_dport", "tcp_seq", "tcp_ackseq",
    ]  # fmt: skip
    by_usec = {row[1]: dict(zip(names, row, strict=False)) for row in rows}
    assert len(by_usec) == len(rows)  # the builder's microseconds name each packet

    def column(name: str) -> dict[Any, Any]:
        return ran.values("ulog_pkt", name, "oob_time_usec")

    assert column("oob_time_sec") == {
        usec: UNIX_EPOCH + timedelta(seconds=row["oob_time_sec"]) for usec, row in by_usec.items()
    }
    for name in ("ip_saddr", "ip_daddr", "tcp_seq", "tcp_ackseq", "ip_saddr_str", "ip_daddr_str", "oob_uid"):
        assert column(name) == {usec: row[name] for usec, row in by_usec.items()}, name
    saddr = column("ip_saddr")
    assert {row["ip_saddr_str"]: saddr[usec] for usec, row in by_usec.items()}["192.168.1.10"] == 167880896
    assert int.from_bytes(bytes([192, 168, 1, 10]), "little") == 167880896
    assert min(v for v in column("tcp_seq").values() if v is not None) < 0
    assert max(saddr.values()) == 2**32 - 1  # 255.255.255.255, no wrap: bound as a 64-bit integer
    assert column("oob_prefix") == {usec: row["oob_prefix"].strip() or None for usec, row in by_usec.items()}
    assert column("oob_in") == {usec: row["oob_in"] or None for usec, row in by_usec.items()}
    assert column("oob_out") == {usec: row["oob_out"] or None for usec, row in by_usec.items()}
    assert audited_columns(run_dir) == {
        ("ulog_pkt", "oob_time_sec", "epoch:seconds"),
        ("ulog_pkt", "oob_prefix", "trim"),
        ("ulog_pkt", "oob_prefix", "empty_to_null"),
        ("ulog_pkt", "oob_in", "empty_to_null"),
        ("ulog_pkt", "oob_out", "empty_to_null"),
    }


def test_zathura_viewer_keeps_its_zoom_doubles_and_colon_settings_and_finds_the_documents_it_keys_by_path(
    run_export: Runner,
) -> None:
    """A zathura document viewer's ``bookmarks.sqlite``: the zoom and scroll positions, doubles bound
    with every digit, arrive as double precision bit for bit; ``first_page_column`` (``1:2``,
    ``2:2:1``, ``1:1:2``, ``1``) is no time of day and no number: text as written; ``DATETIME('now')``
    text is a timestamp; the file's sha256 arrives as 32 bytes; the paths (emoji, no-break spaces)
    key ``fileinfo`` and the bookmarks and jumps refer to them, none declared; exit 0, nothing costs."""
    rows = apps.zathura_rows()
    ran, run_dir = run_export(apps.zathura_viewer)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert audited_columns(run_dir) == set()
    assert references(run_dir) == {
        ("bookmarks", "file"): "fileinfo.file",
        ("jumplist", "file"): "fileinfo.file",
    }
    fileinfo = ran.types("fileinfo")
    assert {name: fileinfo[name] for name in ("zoom", "position_x", "position_y")} == dict.fromkeys(
        ("zoom", "position_x", "position_y"), "double precision"
    )
    assert (fileinfo["first_page_column"], fileinfo["time"], fileinfo["sha256"]) == (
        "text",
        "timestamp without time zone",
        "bytea",
    )
    assert (fileinfo["page"], fileinfo["rotation"], fileinfo["page_right_to_left"]) == ("bigint",) * 3
    by_file = {row[0]: row for row in rows["fileinfo"]}
    assert ran.values("fileinfo", "zoom", "file") == {file: row[3] for file, row in by_file.items()}
    assert ran.values("fileinfo", "position_y", "file") == {file: row[8] for file, row in by_file.items()}
    assert ran.values("fileinfo", "first_page_column", "file") == {
        file: row[6] for file, row in by_file.items()
    }
    assert ran.values("fileinfo", "time", "file") == {
        apps.zathura_file(i): apps.zathura_closed(i) for i in range(len(by_file))
    }
    assert {file: bytes(digest) for file, digest in ran.values("fileinfo", "sha256", "file").items()} == {
        file: row[11] for file, row in by_file.items()
    }
    assert ran.values("fileinfo", "rotation", "file") == {file: row[4] for file, row in by_file.items()}
    relation = f"{quote_ident(ran.base)}.bookmarks"
    assert set(pg_query(ran.uri, f"SELECT file, id, page, vadj_ratio FROM {relation}")) == {
        (file, mark, page, vadj) for file, mark, page, _, vadj in rows["bookmarks"]
    }
    assert ran.types("history") == {"time": "timestamp without time zone", "line": "text"}
    assert ran.values("history", "line", "line") == {line: line for _, line in rows["history"]}


def test_luakit_history_reads_its_last_visit_seconds_as_instants_and_its_downloads_keep_microsecond_reals(
    run_export: Runner,
) -> None:
    """A luakit browser's three files. ``history.last_visit``, Lua's ``os.time()`` Unix seconds, arrives
    as instants, each audited ``epoch:seconds`` (until 2026-12-05 bigint, beside its bookmarks'
    ``created`` read as instants); ``visits``, how many, stays integers. The bookmarks' ``''`` for no
    title, description or tags are made NULL and audited, their ``created`` and ``modified`` instants.
    A download's ``created_time``, ``luakit.time()``'s REAL seconds in an INTEGER column, stays a
    double bit for bit with the instant's note; ``finished_time``, the key, stays the integers
    written. Exit 0 each, nothing costs."""
    ran, run_dir = run_export(apps.luakit_history)
    history = apps.luakit_history_rows()
    loaded_cleanly(ran, run_dir, {"history": len(history)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert ran.types("history")["last_visit"] == "timestamp with time zone"
    assert ran.types("history")["visits"] == "bigint"
    assert ran.values("history", "last_visit", "id") == {
        row[0]: UNIX_EPOCH + timedelta(seconds=row[4]) for row in history
    }
    assert ran.values("history", "visits", "id") == {row[0]: row[3] for row in history}
    assert ran.values("history", "title", "id") == {row[0]: row[2] for row in history}
    assert audit_rules(run_dir, "history", "last_visit") == {
        str(row[0]): {"epoch:seconds"} for row in history
    }

    ran, run_dir = run_export(apps.luakit_bookmarks)
    bookmarks = apps.luakit_bookmark_rows()
    loaded_cleanly(ran, run_dir, {"bookmarks": len(bookmarks)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    types = ran.types("bookmarks")
    assert (types["created"], types["modified"]) == ("timestamp with time zone",) * 2
    assert (types["title"], types["desc"], types["tags"]) == ("text",) * 3
    assert ran.values("bookmarks", "created", "id") == {
        row[0]: UNIX_EPOCH + timedelta(seconds=row[5]) for row in bookmarks
    }
    assert ran.values("bookmarks", "desc", "id") == {row[0]: row[3] or None for row in bookmarks}
    assert ran.values("bookmarks", "tags", "id") == {row[0]: row[4] or None for row in bookmarks}
    assert set(audit_rules(run_dir, "bookmarks", "desc")) == {str(row[0]) for row in bookmarks if not row[3]}

    ran, run_dir = run_export(apps.luakit_downloads)
    downloads = apps.luakit_download_rows()
    loaded_cleanly(ran, run_dir, {"downloads": len(downloads)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert audited_columns(run_dir) == set()
    types = ran.types("downloads")
    assert (types["finished_time"], types["created_time"], types["total_size"]) == (
        "bigint",
        "double precision",
        "bigint",
    )
    assert ran.values("downloads", "created_time", "finished_time") == {row[0]: row[1] for row in downloads}
    assert ran.values("downloads", "destination", "finished_time") == {row[0]: row[3] for row in downloads}
    notes = profiled(run_dir)["columns"]["downloads"]["created_time"]["notes"]
    assert 'the instant is to_timestamp("created_time")' in " ".join(notes)


def test_falkon_browser_reads_its_history_milliseconds_as_instants_and_keeps_its_favicons_byte_for_byte(
    run_export: Runner,
) -> None:
    """A Falkon ``browsedata.db``: the history's ``date`` (epoch milliseconds, ``DEFAULT 0 NOT NULL``)
    arrives as instants, each audited ``epoch:milliseconds``; ``count`` stays integers; decoded
    addresses and titles as written; the icons' PNG BLOBs byte for byte; the empty tables keep their
    declared types (``last_used`` bigint, ``icon`` bytea); exit 0, nothing costs."""
    rows = apps.falkon_rows()
    ran, run_dir = run_export(apps.falkon_browser)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert audited_columns(run_dir) == {("history", "date", "epoch:milliseconds")}
    assert references(run_dir) == {}
    assert ran.types("history") == {
        "id": "bigint",
        "url": "text",
        "title": "text",
        "date": "timestamp with time zone",
        "count": "bigint",
    }
    history = rows["history"]
    assert ran.values("history", "date", "id") == {
        row[0]: UNIX_EPOCH + timedelta(milliseconds=row[3]) for row in history
    }
    assert ran.values("history", "count", "id") == {row[0]: row[4] for row in history}
    assert ran.values("history", "url", "id") == {row[0]: row[1] for row in history}
    assert ran.values("history", "title", "id") == {row[0]: row[2] for row in history}
    assert ran.types("icons")["icon"] == "bytea"
    assert {key: bytes(icon) for key, icon in ran.values("icons", "icon", "id").items()} == {
        row[0]: row[2] for row in rows["icons"]
    }
    assert ran.types("autofill")["last_used"] == ran.types("autofill_encrypted")["last_used"] == "bigint"
    assert ran.types("search_engines")["icon"] == "bytea"


def test_pihole_query_log_finds_its_lookup_tables_and_keeps_its_microsecond_seconds_and_reply_times(
    run_export: Runner,
) -> None:
    """A Pi-hole DNS filter's ``pihole-FTL.db`` (FTL v6): the query log keeps each domain, client and
    upstream once, in ``domain_by_id``, ``client_by_id`` and ``forward_by_id``, and declares one foreign
    key elsewhere (``network_addresses.network_id``): its ``domain``, ``client`` and ``forward`` ids refer
    to those tables (until 2026-12-05 none was found). Its ``timestamp``, FTL's ``double_time()`` bound
    into an INTEGER column (REAL cells, a whole second an INTEGER one), stays double precision bit for
    bit with the instant's note, as ``reply_time``'s seconds do; ``ede`` keeps -1 for none. The network
    table's and messages' Unix seconds are instants, each audited, but ``lastQuery``'s, 0 for a device
    never heard from, kept as written with the instant's note (none until 2026-12-05); ``N/A``, FTL's
    interface of a device it saw no packet of, is a null token (audited, charged with the ``''`` vendor
    beside it). Exit 0."""
    rows = apps.pihole_ftl_rows()
    ran, run_dir = run_export(apps.pihole_ftl)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert references(run_dir) == {
        ("query_storage", "domain"): "domain_by_id.id",
        ("query_storage", "client"): "client_by_id.id",
        ("query_storage", "forward"): "forward_by_id.id",
        # A block's list or domain: ``info`` ends ``addinfo`` alone among the tables its ids fit alike
        # (the last tie-break, since 2026-12-05; before, no reference).
        ("query_storage", "additional_info"): "addinfo_by_id.id",
        ("network_addresses", "network_id"): "network.id",
    }
    types = ran.types("query_storage")
    assert (types["timestamp"], types["reply_time"]) == ("double precision",) * 2
    assert all(types[name] == "bigint" for name in ("domain", "client", "forward", "status", "ede"))
    queries = rows["query_storage"]
    assert any(isinstance(row[1], int) for row in queries) and any(
        isinstance(row[1], float) for row in queries
    )
    assert ran.values("query_storage", "timestamp", "id") == {row[0]: float(row[1]) for row in queries}
    assert ran.values("query_storage", "reply_time", "id") == {row[0]: row[9] for row in queries}
    assert ran.values("query_storage", "ede", "id") == {row[0]: row[12] for row in queries}
    assert ran.values("query_storage", "domain", "id") == {row[0]: row[4] for row in queries}
    notes = profiled(run_dir)["columns"]["query_storage"]["timestamp"]["notes"]
    assert 'the instant is to_timestamp("timestamp")' in " ".join(notes)
    domains = {n: domain for n, domain in rows["domain_by_id"]}
    assert ran.values("domain_by_id", "domain", "id") == domains
    network = rows["network"]
    assert ran.types("network")["firstSeen"] == "timestamp with time zone"
    assert ran.values("network", "firstSeen", "id") == {
        row[0]: UNIX_EPOCH + timedelta(seconds=row[3]) for row in network
    }
    # The last query, 0 for a device never heard from: kept as written with the instant's note.
    assert ran.types("network")["lastQuery"] == "bigint"
    assert ran.values("network", "lastQuery", "id") == {row[0]: row[4] for row in network}
    assert 0 in {row[4] for row in network}
    notes = profiled(run_dir)["columns"]["network"]["lastQuery"]["notes"]
    assert 'the instant is to_timestamp(NULLIF("lastQuery", 0))' in " ".join(notes)
    assert ran.values("network", "interface", "id") == {
        row[0]: None if row[2] == "N/A" else row[2] for row in network
    }
    assert set(audit_rules(run_dir, "network", "interface")) == {
        str(row[0]) for row in network if row[2] == "N/A"
    }
    assert ran.types("message")["timestamp"] == "timestamp with time zone"
    assert ran.values("message", "timestamp", "id") == {
        row[0]: UNIX_EPOCH + timedelta(seconds=row[1]) for row in rows["message"]
    }
    assert ran.types("ftl")["value"] == "double precision"
    assert ran.values("ftl", "value", "id") == {key: float(value) for key, value, _ in rows["ftl"]}
    # The score: the network table's interface N/A and vendor '' beside its NULLs, two ways of none.
    widths = {name: len(values[0]) for name, values in rows.items() if values}
    tables = {name: (len(rows[name]), [100.0] * width) for name, width in widths.items() if name != "network"}
    charged = [column_score(len(network), sum(row[2] == "N/A" for row in network))]
    charged.append(column_score(len(network), sum(row[6] == "" for row in network)))
    tables["network"] = (len(network), [100.0] * 6 + charged)
    tables["session"] = (1, [100.0] * 9)  # a table of no rows weighs as one
    assert ran.record["quality_before"] == pytest.approx(export_score(tables), abs=0.01)


def test_netdata_metadata_keeps_its_uuid_blob_keys_byte_for_byte_and_reads_its_seconds_as_instants(
    run_export: Runner,
) -> None:
    """A Netdata agent's ``netdata-meta.db``: every chart, dimension and host keyed by its ``uuid_t``,
    16 bytes bound as a BLOB, arrives as bytea byte for byte, the charts' and labels' references to them
    too; the health log's ``config_hash_id`` of 16 zero bytes stays those bytes. ``date_created`` and
    ``delay_up_to_timestamp`` (Unix seconds) are instants, each audited; ``exec_run_timestamp``, 0 until
    a notification runs, keeps its integers with the instant's note; ``new_value`` keeps its doubles and
    NULLs; labels ``false`` beside other text stay text. No foreign key is declared: each table's UUID
    naming a host's or a chart's is found in the data as a reference to it (none until 2026-12-05: keys
    of bytes were never referred to). Exit 0, nothing costs."""
    rows = apps.netdata_rows()
    health = apps.NETDATA_HEALTH_LOG
    ran, run_dir = run_export(apps.netdata_meta)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    # Checked on the builder's rows: every UUID a chart, dimension, label or node names is a key.
    hosts = {row[0] for row in rows["host"]}
    charts = {row[0] for row in rows["chart"]}
    assert {row[1] for row in rows["chart"]} <= hosts and {row[1] for row in rows["dimension"]} <= charts
    assert references(run_dir) == {
        ("chart", "host_id"): "host.host_id",
        ("dimension", "chart_id"): "chart.chart_id",
        ("chart_label", "chart_id"): "chart.chart_id",
        ("node_instance", "host_id"): "host.host_id",
        ("host_label", "host_id"): "host.host_id",
    }
    assert (ran.types("chart")["chart_id"], ran.types("chart")["host_id"]) == ("bytea", "bytea")
    assert {ident: bytes(key) for ident, key in ran.values("chart", "chart_id", "id").items()} == {
        row[3]: row[0] for row in rows["chart"]
    }
    relation = f"{quote_ident(ran.base)}.dimension"
    assert {
        (bytes(d), bytes(c)) for d, c in pg_query(ran.uri, f"SELECT dim_id, chart_id FROM {relation}")
    } == {(row[0], row[1]) for row in rows["dimension"]}
    assert ran.types(health)["config_hash_id"] == "bytea"
    assert {bytes(v) for v in ran.values(health, "config_hash_id", "unique_id").values()} == {bytes(16)}
    for table in ("chart_label", "host_label", "node_instance", "metadata_migration"):
        assert ran.types(table)["date_created"] == "timestamp with time zone", table
    label_rules = audit_rules(run_dir, "chart_label", "date_created")
    assert len(label_rules) == len(rows["chart_label"])
    assert all(rules == {"epoch:seconds"} for rules in label_rules.values())
    assert ran.types(health)["delay_up_to_timestamp"] == "timestamp with time zone"
    assert ran.values(health, "delay_up_to_timestamp", "unique_id") == {
        row[1]: UNIX_EPOCH + timedelta(seconds=row[12]) for row in rows[health]
    }
    assert ran.types(health)["exec_run_timestamp"] == "bigint"
    assert ran.values(health, "exec_run_timestamp", "unique_id") == {row[1]: row[11] for row in rows[health]}
    notes = profiled(run_dir)["columns"][health]["exec_run_timestamp"]["notes"]
    assert 'the instant is to_timestamp(NULLIF("exec_run_timestamp", 0))' in " ".join(notes)
    assert ran.types(health)["new_value"] == "double precision"
    assert ran.values(health, "new_value", "unique_id") == {row[1]: row[25] for row in rows[health]}
    assert ran.types("host_label")["label_value"] == "text"
    assert ran.values("host", "hostname", "hostname") == {apps.NETDATA_HOSTNAME: apps.NETDATA_HOSTNAME}


def test_pihole_gravity_keeps_its_default_group_zero_and_reserved_table_name_and_reads_its_seconds(
    run_export: Runner,
) -> None:
    """A Pi-hole ``gravity.db``: the table ``"group"`` (a reserved word) keeps its ``Default`` row keyed
    0, which every declared ``group_id`` of the link tables names; ``enabled BOOLEAN`` 0/1 is boolean,
    the lists' and domains' Unix seconds instants (``date_updated`` NULL for a list never fetched), each
    audited; regexes, punycode and comments arrive as written, a ``''`` comment beside NULL ones made
    NULL and charged; ``info``'s TEXT digits (the version, a second, a count), a name/value table's
    values, stay text as written.
    Exit 0."""
    rows = apps.pihole_gravity_rows()
    ran, run_dir = run_export(apps.pihole_gravity)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert references(run_dir) == {
        ("adlist_by_group", "adlist_id"): "adlist.id",
        ("adlist_by_group", "group_id"): "group.id",
        ("gravity", "adlist_id"): "adlist.id",
        ("domainlist_by_group", "domainlist_id"): "domainlist.id",
        ("domainlist_by_group", "group_id"): "group.id",
        ("client_by_group", "client_id"): "client.id",
        ("client_by_group", "group_id"): "group.id",
    }
    assert ran.values("group", "name", "id") == {row[0]: row[2] for row in rows["group"]}
    assert ran.values("group", "enabled", "id") == {row[0]: bool(row[1]) for row in rows["group"]}
    relation = f"{quote_ident(ran.base)}.domainlist_by_group"
    assert set(pg_query(ran.uri, f"SELECT domainlist_id, group_id FROM {relation}")) == set(
        rows["domainlist_by_group"]
    )
    types = ran.types("adlist")
    assert (types["enabled"], types["date_added"], types["date_updated"]) == (
        "boolean",
        "timestamp with time zone",
        "timestamp with time zone",
    )
    assert ran.values("adlist", "date_updated", "id") == {
        row[0]: None if row[6] is None else UNIX_EPOCH + timedelta(seconds=row[6]) for row in rows["adlist"]
    }
    domains = rows["domainlist"]
    assert ran.values("domainlist", "domain", "id") == {row[0]: row[2] for row in domains}
    assert ran.values("domainlist", "comment", "id") == {row[0]: row[6] or None for row in domains}
    assert ran.types("info")["value"] == "text"
    assert ran.values("info", "value", "property") == dict(rows["info"])
    widths = {name: len(values[0]) for name, values in rows.items()}
    tables = {name: (len(rows[name]), [100.0] * width) for name, width in widths.items()}
    blank_domains = sum(row[6] == "" for row in domains)
    tables["domainlist"] = (len(domains), [100.0] * 6 + [column_score(len(domains), blank_domains)])
    blank_lists = sum(row[5] == "" for row in rows["adlist"])
    lists = len(rows["adlist"])
    tables["adlist"] = (lists, [100.0] * 5 + [column_score(lists, blank_lists)] + [100.0] * 6)
    assert ran.record["quality_before"] == pytest.approx(export_score(tables), abs=0.01)


def test_digikam_collection_reads_its_qt_dates_as_timestamps_and_keeps_positions_exposures_and_thumbnails(
    run_export: Runner,
) -> None:
    """A digiKam ``digikam4.db``: every ``DATETIME`` QDateTime text (``2024-01-03T09:15:07.000``, local
    time with milliseconds) arrives as timestamps, each cell audited by its column's own format, an
    album's ``DATE`` as dates; the EXIF values' REAL doubles (``1/300`` s) every bit; the positions'
    ``46,24.00000000N`` text as written beside the signed degrees; a title of digits (``0042``) and the
    file fingerprints text; ``Settings.value`` text; the tag tree's closure the trigger wrote, as is.
    Then its ``thumbnails-digikam.db``: the PGF BLOBs byte for byte. Exit 0 each, no warning."""
    rows = apps.digikam_rows()
    images = len(rows["Images"])
    ran, run_dir = run_export(apps.digikam_collection)
    with closing(sqlite3.connect(ran.db)) as con:
        tree = set(con.execute("SELECT id, pid FROM TagsTree").fetchall())
    counts = {table: len(values) for table, values in rows.items()}
    empty = ("VideoMetadata", "ImageProperties", "Searches", "DownloadHistory", "ImageHistory")
    empty += ("ImageRelations", "ImageTagProperties")
    loaded_cleanly(ran, run_dir, {**counts, "TagsTree": len(tree), **dict.fromkeys(empty, 0)})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    # The closure: each tag under its parent and every ancestor up to the root's 0.
    parents = {tag: parent for tag, parent, _ in apps.DIGIKAM_TAGS}

    def ancestors(tag: int) -> set[int]:
        return {parents[tag]} | (ancestors(parents[tag]) if parents[tag] else set())

    assert tree == {(tag, up) for tag in parents for up in ancestors(tag)}
    assert set(pg_query(ran.uri, f'SELECT id, pid FROM {quote_ident(ran.base)}."TagsTree"')) == tree

    def declared(table: str) -> dict[str, str]:
        return pg_column_types(ran.uri, ran.record["version_schema"], table)

    moment = "timestamp without time zone"
    assert declared("Images")["modificationDate"] == declared("Albums")["modificationDate"] == moment
    info = declared("ImageInformation")
    assert (info["creationDate"], info["digitizationDate"], info["rating"]) == (moment, moment, "bigint")
    assert declared("Albums")["date"] == "date"
    metadata = declared("ImageMetadata")
    assert {metadata[c] for c in ("aperture", "focalLength", "exposureTime")} == {"double precision"}
    positions = declared("ImagePositions")
    assert (positions["latitude"], positions["latitudeNumber"], positions["altitude"]) == (
        "text",
        "double precision",
        "double precision",
    )
    assert declared("Images")["uniqueHash"] == declared("Settings")["value"] == "text"
    assert declared("ImageComments")["comment"] == "text"

    assert ran.values("ImageInformation", "creationDate", "imageid") == {
        i + 1: datetime.fromisoformat(apps.digikam_taken(i)) for i in range(images)
    }
    assert ran.values("ImageInformation", "digitizationDate", "imageid") == {
        i + 1: None if i % 5 == 4 else datetime.fromisoformat(apps.digikam_taken(i)) for i in range(images)
    }
    assert ran.values("Images", "modificationDate", "id") == {
        i + 1: datetime.fromisoformat(apps.digikam_modified(i)) for i in range(images)
    }
    assert ran.values("Albums", "date", "id") == {
        row[0]: date.fromisoformat(row[3]) for row in rows["Albums"]
    }
    assert ran.values("ImageInformation", "rating", "imageid") == {
        row[0]: row[1] for row in rows["ImageInformation"]
    }
    assert ran.values("ImageMetadata", "exposureTime", "imageid") == {
        row[0]: apps.digikam_exposure(row[0] - 1) for row in rows["ImageMetadata"]
    }
    assert ran.values("ImageMetadata", "aperture", "imageid") == {
        row[0]: row[4] for row in rows["ImageMetadata"]
    }
    assert ran.values("ImagePositions", "latitude", "imageid") == {
        row[0]: apps.digikam_gps(row[0] - 1)[0] for row in rows["ImagePositions"]
    }
    assert ran.values("ImagePositions", "latitudeNumber", "imageid") == {
        row[0]: apps.digikam_gps(row[0] - 1)[1] for row in rows["ImagePositions"]
    }
    assert ran.values("Images", "uniqueHash", "id") == {row[0]: row[7] for row in rows["Images"]}
    assert ran.values("ImageComments", "comment", "id") == {
        row[0]: arrives_as(row[6]) for row in rows["ImageComments"]
    }
    assert "0042" in ran.values("ImageComments", "comment", "id").values()
    assert ran.values("Settings", "value", "keyword") == dict(rows["Settings"])
    padded = {str(row[0]) for row in rows["ImageComments"] if row[6] != row[6].strip()}
    assert audit_rules(run_dir, "ImageComments", "comment") == {key: {"trim"} for key in padded}
    assert {(t, c) for t, c, _ in audited_columns(run_dir)} == {
        ("Images", "modificationDate"),
        ("Albums", "modificationDate"),
        ("ImageInformation", "creationDate"),
        ("ImageInformation", "digitizationDate"),
        ("ImageComments", "comment"),
    }
    found = references(run_dir)
    assert found[("Images", "album")] == "Albums.id"
    assert found[("ImageTags", "tagid")] == "Tags.id"
    assert found[("ImageInformation", "imageid")] == "Images.id"

    ran, run_dir = run_export(apps.digikam_thumbnails)
    loaded_cleanly(
        ran,
        run_dir,
        {
            "Thumbnails": images,
            "UniqueHashes": images,
            "FilePaths": images,
            "CustomIdentifiers": 0,
            "Settings": 2,
        },
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.types("Thumbnails")["data"] == "bytea"
    assert ran.types("Thumbnails")["modificationDate"] == moment
    assert {key: bytes(blob) for key, blob in ran.values("Thumbnails", "data", "id").items()} == {
        i + 1: apps.digikam_thumbnail(i) for i in range(images)
    }
    assert ran.values("FilePaths", "path", "thumbId") == {
        i + 1: f"/home/anna/Pictures{apps.DIGIKAM_ALBUMS[1 + i % 4]}/{apps.digikam_name(i)}"
        for i in range(images)
    }
    assert references(run_dir)[("FilePaths", "thumbId")] == "Thumbnails.id"


def test_kodi_music_library_blanks_beside_the_nulls_its_unique_index_needs_cost_nothing(
    run_export: Runner,
) -> None:
    """A Kodi ``MyMusic82.db``: a track's MusicBrainz id is NULL where its tags have none, as the
    ``UNIQUE (idAlbum, iTrack, strMusicBrainzTrackID)`` index needs, beside a comment, a mood and a
    replay gain ``''``: the table's one way of writing a missing text, each blank made NULL and
    audited, costing nothing (until 2026-12-05 those columns scored 0 and a real library 93.77). The
    ``varchar(20)`` and ``TEXT`` moments arrive as timestamps, ``iTrack`` (disc << 16 | track) as
    integers, ``rating FLOAT`` as doubles; release dates of a year or a full date stay text as written.
    Exit 0, no warning."""
    rows = apps.kodi_music_rows()
    songs = rows["song"]
    ran, run_dir = run_export(apps.kodi_music)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    columns = profiled(run_dir)["columns"]["song"]
    assert {name for name, c in columns.items() if c["blank_is_missing"]} == {
        "strDiscSubtitle",
        "comment",
        "mood",
        "strReplayGain",
    }
    assert columns["strMusicBrainzTrackID"]["null_count"] == sum(
        apps.kodi_mbid(i) is None for i in range(len(songs))
    )
    types = ran.types("song")
    moment = "timestamp without time zone"
    assert (types["lastplayed"], types["dateAdded"], types["dateModified"]) == (moment,) * 3
    assert (types["iTrack"], types["rating"], types["userrating"]) == ("bigint", "double precision", "bigint")
    assert (types["strReleaseDate"], types["strMusicBrainzTrackID"], types["mood"]) == ("text",) * 3
    assert ran.types("album")["strReleaseDate"] == "text"
    assert ran.types("album")["fRating"] == "double precision"
    assert ran.types("versiontagscan")["lastscanned"] == moment
    assert ran.values("song", "iTrack", "idSong") == {i + 1: apps.kodi_track(i) for i in range(len(songs))}
    assert ran.values("song", "iTrack", "idSong")[1] == 65537
    assert ran.values("song", "strReleaseDate", "idSong") == {
        i + 1: apps.kodi_release(i) for i in range(len(songs))
    }
    assert ran.values("song", "lastplayed", "idSong") == {
        i + 1: None if apps.kodi_played(i) is None else datetime.fromisoformat(str(apps.kodi_played(i)))
        for i in range(len(songs))
    }
    assert ran.values("song", "rating", "idSong") == {row[0]: row[18] for row in songs}
    assert ran.values("song", "mood", "idSong") == {row[0]: row[22] or None for row in songs}
    assert ran.values("song", "strMusicBrainzTrackID", "idSong") == {
        i + 1: apps.kodi_mbid(i) for i in range(len(songs))
    }
    assert audit_rules(run_dir, "song", "mood") == {
        str(row[0]): {"empty_to_null"} for row in songs if not row[22]
    }
    assert audit_rules(run_dir, "song", "strMusicBrainzTrackID") == {}
    assert ran.values("artist", "strArtist", "idArtist") == {row[0]: row[1] for row in rows["artist"]}


def test_kodi_video_library_reads_its_text_moments_and_dates_and_keeps_resume_seconds_and_mixed_ids(
    run_export: Runner,
) -> None:
    """A Kodi ``MyVideos121.db``: a file's ``lastPlayed`` and ``dateAdded`` text arrive as timestamps,
    a movie's ``premiered`` as dates; the numbered ``cNN text`` columns holding digits only (a rating's
    and a unique id's row, the runtime in seconds, the Top 250 rank, the folder's id) as integers, the
    others as text; resume points' REAL seconds and ``FLOAT`` ratings as doubles, every bit; unique ids
    mixing IMDb's ``tt0000001`` with TMDb's digits as text. Exit 0, nothing costs."""
    rows = apps.kodi_video_rows()
    ran, run_dir = run_export(apps.kodi_videos)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    movie = ran.types("movie")
    assert {movie[c] for c in ("c05", "c09", "c11", "c13", "c23")} == {"bigint"}
    assert {movie[c] for c in ("c00", "c01", "c10", "c12", "c16", "c22")} == {"text"}
    assert movie["premiered"] == "date"
    moment = "timestamp without time zone"
    assert (ran.types("files")["lastPlayed"], ran.types("files")["dateAdded"]) == (moment, moment)
    assert ran.types("bookmark")["timeInSeconds"] == ran.types("rating")["rating"] == "double precision"
    assert ran.types("uniqueid")["value"] == "text"
    assert ran.values("movie", "premiered", "idMovie") == {
        row[0]: date.fromisoformat(row[-1]) for row in rows["movie"]
    }
    assert ran.values("movie", "c11", "idMovie") == {row[0]: int(row[2 + 11]) for row in rows["movie"]}
    assert ran.values("movie", "c00", "idMovie") == {row[0]: row[2] for row in rows["movie"]}
    assert ran.values("files", "lastPlayed", "idFile") == {
        row[0]: None if row[4] is None else datetime.fromisoformat(row[4]) for row in rows["files"]
    }
    assert ran.values("bookmark", "timeInSeconds", "idBookmark") == {
        row[0]: apps.kodi_resume(row[1]) for row in rows["bookmark"]
    }
    assert ran.values("rating", "rating", "rating_id") == {row[0]: row[4] for row in rows["rating"]}
    assert ran.values("uniqueid", "value", "uniqueid_id") == {row[0]: row[3] for row in rows["uniqueid"]}
    assert {(t, c) for t, c, _ in audited_columns(run_dir)} == {
        ("movie", "c08"),
        ("movie", "c16"),
        ("movie", "c19"),
        ("movie", "c20"),
        ("bookmark", "thumbNailImage"),
        ("bookmark", "player"),
        ("bookmark", "playerState"),
    }


def test_treebeard_trees_keep_their_paths_and_a_nested_sets_bounds_refer_to_no_other_table(
    run_export: Runner,
) -> None:
    """A Django site's three django-treebeard trees: the materialised paths (``0001``, 24 digits deep)
    stay text as written, ``depth`` and ``numchild`` integers; prices bound as Decimal text arrive as
    numeric(18,2) (REAL ``12.37`` and INTEGER ``40`` cells alike); the nested set's ``lft`` and ``rgt``
    (1..24, as many numbers as the site has categories, half of them in each) stay integers and refer to
    nothing (they were found to refer to ``tree_category.id``); the adjacency list's declared
    ``parent_id`` is its one reference; codes with leading zeros are text; exit 0, nothing costs."""
    categories, folders = apps.treebeard_category_rows(), apps.treebeard_folder_rows()
    comments = apps.treebeard_comment_rows()
    ran, run_dir = run_export(apps.treebeard_site)
    tables = {"tree_category": len(categories), "tree_folder": len(folders), "tree_comment": len(comments)}
    loaded_cleanly(ran, run_dir, tables)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    # The folders' bounds are values of the categories' key, half of them, up to the last.
    keys = {row[0] for row in categories}
    for at in (1, 2):
        bounds = {row[at] for row in folders}
        assert bounds <= keys and 2 * len(bounds) >= len(keys) and max(keys) in {r[2] for r in folders}
    assert references(run_dir) == {("tree_comment", "parent_id"): "tree_comment.id"}
    notes = profiled(run_dir)["columns"]["tree_folder"]
    for column in ("lft", "rgt"):
        assert f"its name says the row's bound in its tree's walk ({column})" in " ".join(
            notes[column]["notes"]
        )

    def declared(table: str) -> dict[str, str]:
        return pg_column_types(ran.uri, ran.record["version_schema"], table)

    assert declared("tree_category") == {
        "id": "bigint",
        "path": "text",
        "depth": "bigint",
        "numchild": "bigint",
        "name": "text",
        "description": "text",
        "price": "numeric(18,2)",
        "created": "timestamp without time zone",
        "published": "date",
        "active": "boolean",
        "code": "text",
        "icon": "bytea",
    }
    assert declared("tree_folder") == {
        "id": "bigint",
        "lft": "bigint",
        "rgt": "bigint",
        "tree_id": "bigint",
        "depth": "bigint",
        "name": "text",
        "size": "bigint",
        "ratio": "double precision",
    }
    assert declared("tree_comment") == {
        "id": "bigint",
        "sib_order": "bigint",
        "text": "text",
        "when": "timestamp without time zone",
        "score": "numeric(18,3)",
        "parent_id": "bigint",
    }
    by_id = {row[0]: row for row in categories}
    assert ran.values("tree_category", "path", "id") == {n: row[1] for n, row in by_id.items()}
    assert max(len(row[1]) for row in categories) > 19  # more digits than a bigint holds
    prices = ran.values("tree_category", "price", "id")
    assert {n: None if v is None else Decimal(v) for n, v in prices.items()} == {
        n: None if row[6] is None else Decimal(row[6]) for n, row in by_id.items()
    }
    assert ran.values("tree_category", "code", "id") == {n: row[10] or None for n, row in by_id.items()}
    assert ran.values("tree_category", "created", "id") == {
        n: None if row[7] is None else datetime.fromisoformat(row[7]) for n, row in by_id.items()
    }
    assert ran.values("tree_category", "published", "id") == {
        n: None if row[8] is None else date.fromisoformat(row[8]) for n, row in by_id.items()
    }
    icons = ran.values("tree_category", "icon", "id")
    assert {n: None if v is None else bytes(v) for n, v in icons.items()} == {
        n: row[11] for n, row in by_id.items()
    }
    assert b"" in {row[11] for row in categories}  # an empty BLOB is a value, not NULL
    for at, column in ((1, "lft"), (2, "rgt"), (3, "tree_id"), (6, "size"), (7, "ratio")):
        assert ran.values("tree_folder", column, "id") == {row[0]: row[at] for row in folders}, column
    assert ran.values("tree_comment", "parent_id", "id") == {row[0]: row[5] for row in comments}
    scores = ran.values("tree_comment", "score", "id")
    assert {n: None if v is None else Decimal(v) for n, v in scores.items()} == {
        row[0]: None if row[4] is None else Decimal(row[4]) for row in comments
    }


def test_axes_login_log_and_national_phone_numbers_arrive_as_written(run_export: Runner) -> None:
    """A Czech Django site's django-axes tables and django-phonenumber-field numbers: ``phone`` stored in
    the national format, nine digits in groups of three (``618 123 457``), is text as written (it was
    bigint 618123457, each cell audited ``thousands_separator``); E.164 and international numbers,
    postcodes ``113 07`` text too; IPv4 and IPv6 addresses, user agents (emoji, a no-break space) and
    axes' masked POST data as written; ``attempt_time`` / ``logout_time`` timestamps, ``locked_out``
    booleans; the declared expiration reference and the log's usernames naming users; exit 0."""
    rows = apps.axes_phonenumber_rows()
    ran, run_dir = run_export(apps.axes_phonenumber_site)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("axes_accessattemptexpiration", "access_attempt_id"): "axes_accessattempt.id",
        ("axes_accesslog", "username"): "auth_user.username",
    }
    assert ran.types("acct_contact") == {
        "id": "bigint",
        "name": "text",
        "phone": "text",
        "mobile": "text",
        "fax": "text",
        "postcode": "text",
    }
    contacts = {row[0]: row for row in rows["acct_contact"]}
    for at, column in ((2, "phone"), (3, "mobile"), (4, "fax"), (5, "postcode")):
        assert ran.values("acct_contact", column, "id") == {n: row[at] or None for n, row in contacts.items()}
    assert ("acct_contact", "phone", "thousands_separator") not in audited_columns(run_dir)
    reason = profiled(run_dir)["columns"]["acct_contact"]["phone"]["type_reason"]
    assert "of one width of nine digits or more in groups of three" in reason, reason
    for table, when in (
        ("axes_accessattempt", "attempt_time"),
        ("axes_accessfailurelog", "attempt_time"),
        ("axes_accesslog", "logout_time"),
    ):
        assert ran.types(table)[when] == "timestamp without time zone"
        at = {"attempt_time": 6, "logout_time": 7}[when]
        assert ran.values(table, when, "id") == {
            row[0]: None if row[at] is None else datetime.fromisoformat(row[at]) for row in rows[table]
        }
        assert ran.types(table)["ip_address"] == ran.types(table)["user_agent"] == "text"
        assert ran.values(table, "ip_address", "id") == {row[0]: row[2] for row in rows[table]}
        assert ran.values(table, "user_agent", "id") == {row[0]: row[1] or None for row in rows[table]}
    assert ran.types("axes_accessfailurelog")["locked_out"] == "boolean"
    assert ran.values("axes_accessfailurelog", "locked_out", "id") == {
        row[0]: bool(row[7]) for row in rows["axes_accessfailurelog"]
    }
    attempts = rows["axes_accessattempt"]
    assert ran.values("axes_accessattempt", "post_data", "id") == {row[0]: row[8] for row in attempts}
    assert ran.values("axes_accessattempt", "get_data", "id") == {row[0]: row[7] for row in attempts}
    assert ran.types("axes_accessattempt")["failures_since_start"] == "bigint"
    assert ran.values("axes_accesslog", "session_hash", "id") == {
        row[0]: row[8] for row in rows["axes_accesslog"]
    }


def test_geary_mail_reads_its_servers_internaldates_as_instants_and_leaves_its_own_search_index_out(
    run_export: Runner,
) -> None:
    """A Geary mail client's ``geary.db``. Each message's INTERNALDATE, IMAP's date-time as the server
    wrote it (``02-Jan-2024 04:04:36 +0100``, the day sometimes padded with a space), arrives as the
    instant Geary's own ``internaldate_time_t`` beside it names, each audited by its format (until
    2026-12-05 text); the ``Date:`` its sender wrote (RFC 2822) as the sent instant; ``date_time_t``,
    Unix seconds with ``-1`` for no ``Date:``, stays integers as written with the instant's note. The
    empty subjects and the messages without flags (``''``) are made NULL and audited, and cost as
    blanks beside the table's NULLs. The declared references are found; the FTS5 index, made with a
    tokenizer only Geary registers, is left out with a warning (exit 2), its own copy of the documents
    (``MessageSearchTable_content``) loaded as written, everything else loaded."""
    rows = apps.geary_rows()
    ran, run_dir = run_export(apps.geary_mail)
    indexed = [m for m in rows["MessageTable"] if m[15] is not None]
    loaded_cleanly(
        ran,
        run_dir,
        {table: len(values) for table, values in rows.items()} | {"MessageSearchTable_content": len(indexed)},
    )
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    assert ran.record["warnings"] == [
        "table 'MessageSearchTable' not loaded: a fts5 virtual table, whose tokenizer SQLite here lacks "
        "(no such tokenizer: geary_tokeniser); its documents are the rows of table "
        "'MessageSearchTable_content' (its own copy of them), which loads"
    ]
    # The index's own copy of each fetched message: its rowid the message's id, then a column per
    # indexed column (c0 the body, c2 the subject), cleaned as the message's own columns are.
    relation = f"{quote_ident(ran.base)}.{quote_ident('MessageSearchTable_content')}"
    assert set(pg_query(ran.uri, f"SELECT id, c0, c2 FROM {relation}")) == {
        (m[0], m[15], m[13] or None) for m in indexed
    }
    assert references(run_dir) == {
        ("FolderTable", "parent_id"): "FolderTable.id",
        ("MessageLocationTable", "message_id"): "MessageTable.id",
        ("MessageLocationTable", "folder_id"): "FolderTable.id",
        ("MessageAttachmentTable", "message_id"): "MessageTable.id",
    }
    messages = rows["MessageTable"]
    types = ran.types("MessageTable")
    assert (types["date_field"], types["internaldate"], types["internaldate_time_t"]) == (
        "timestamp with time zone",
    ) * 3
    assert (types["date_time_t"], types["fields"], types["rfc822_size"]) == ("bigint",) * 3
    assert (types["subject"], types["flags"], types["header"], types["body"]) == ("text",) * 4
    # The server's text and Geary's own seconds name one moment: when the server received it.
    received = {i + 1: apps.geary_received(i) for i in range(len(messages))}
    assert ran.values("MessageTable", "internaldate", "id") == received
    assert ran.values("MessageTable", "internaldate_time_t", "id") == received
    assert any(m[18].startswith(" ") for m in messages)
    assert audit_rules(run_dir, "MessageTable", "internaldate") == {
        str(m[0]): {("trim," if m[18].startswith(" ") else "") + "date_format:%d-%b-%Y %H:%M:%S %z"}
        for m in messages
    }
    assert ran.values("MessageTable", "date_field", "id") == {
        i + 1: None if apps.geary_date_field(i) is None else apps.geary_sent(i) for i in range(len(messages))
    }
    assert ran.values("MessageTable", "date_time_t", "id") == {m[0]: m[3] for m in messages}
    assert -1 in {m[3] for m in messages}
    notes = profiled(run_dir)["columns"]["MessageTable"]["date_time_t"]["notes"]
    assert 'to_timestamp(NULLIF("date_time_t", -1))' in " ".join(notes)
    assert ran.values("MessageTable", "subject", "id") == {m[0]: m[13] or None for m in messages}
    assert ran.values("MessageTable", "flags", "id") == {m[0]: m[17] or None for m in messages}
    # A mail body ends in its last line's CRLF: a line terminator, costing nothing; documents, loaded
    # byte for byte (until 2026-12-06 trimmed and audited).
    assert all(m[15] is None or m[15].endswith("text\r\n") for m in messages)
    assert ran.values("MessageTable", "body", "id") == {m[0]: m[15] for m in messages}
    assert audit_rules(run_dir, "MessageTable", "body") == {}
    columns = profiled(run_dir)["columns"]["MessageTable"]
    assert (columns["body"]["line_terminated"], columns["body"]["layout_kept"]) == (True, True)
    assert columns["body"]["quality"] == 100.0
    for name, at in (("subject", 13), ("flags", 17)):
        blanks = sum(m[at] == "" for m in messages)
        assert columns[name]["quality"] == round(column_score(len(messages), blanks), 2), name
    folders = ran.types("FolderTable")
    assert (folders["uid_validity"], folders["last_seen_status_total"]) == ("bigint", "bigint")
    assert ran.values("FolderTable", "uid_validity", "id") == {f[0]: f[4] for f in rows["FolderTable"]}
    assert ran.values("FolderTable", "name", "id") == {f[0]: f[1] or None for f in rows["FolderTable"]}
    assert ran.types("MessageLocationTable")["remove_marker"] == "bigint"
    assert ran.values("MessageLocationTable", "ordering", "id") == {
        row[0]: row[3] for row in rows["MessageLocationTable"]
    }
    collector = ran.types("GarbageCollectionTable")
    assert (collector["last_reap_time_t"], collector["reaped_messages_since_last_vacuum"]) == (
        "timestamp with time zone",
        "bigint",
    )
    gc = rows["GarbageCollectionTable"][0]
    assert ran.values("GarbageCollectionTable", "last_reap_time_t", "id") == {
        0: UNIX_EPOCH + timedelta(seconds=gc[1])
    }


def test_thunderbird_gloda_reads_its_prtime_dates_as_instants_and_loads_the_bodies_its_own_index_keeps(
    run_export: Runner,
) -> None:
    """Thunderbird's ``global-messages-db.sqlite`` (gloda). ``messages.date``, PRTime microseconds,
    arrives as instants, each audited ``epoch:microseconds``. Its FTS3 indexes, made with a tokenizer
    only Thunderbird registers (``mozporter``), cannot be read here and are left out with a warning
    (exit 2), but the copy of the documents each keeps itself loads as written: ``messagesText_content``
    holds each message's body, found nowhere else in the file (until 2026-12-05 left out as the
    index's storage). The conversations are found by the data; every cell checked."""
    rows = apps.gloda_rows()
    ran, run_dir = run_export(apps.thunderbird_gloda)
    messages = rows["messages"]
    loaded_cleanly(
        ran,
        run_dir,
        {table: len(values) for table, values in rows.items()}
        | {"messagesText_content": len(messages), "conversationsText_content": len(rows["conversations"])},
    )
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    assert ran.record["warnings"] == [
        f"table '{name}' not loaded: a fts3 virtual table, whose tokenizer SQLite here lacks (unknown "
        f"tokenizer: mozporter); its documents are the rows of table '{name}_content' (its own copy of "
        "them), which loads"
        for name in ("conversationsText", "messagesText")
    ]
    assert ran.types("messages")["date"] == "timestamp with time zone"
    assert ran.values("messages", "date", "id") == {
        m[0]: UNIX_EPOCH + timedelta(microseconds=m[4]) for m in messages
    }
    assert audit_rules(run_dir, "messages", "date") == {str(m[0]): {"epoch:microseconds"} for m in messages}
    assert ran.values("messages", "jsonAttributes", "id") == {m[0]: m[7] for m in messages}
    assert ran.types("messagesText_content") == {
        "docid": "bigint",
        "c0body": "text",
        "c1subject": "text",
        "c2attachmentNames": "text",
        "c3author": "text",
        "c4recipients": "text",
    }
    assert ran.values("messagesText_content", "c0body", "docid") == {
        m[0]: apps.gloda_body(m[0] - 32) for m in messages
    }
    assert ran.values("messagesText_content", "c2attachmentNames", "docid") == {
        m[0]: "Rechnung 00123.pdf" if m[0] % 4 == 0 else None for m in messages
    }
    assert references(run_dir)[("messages", "conversationID")] == "conversations.id"
    assert ran.values("folderLocations", "folderURI", "id") == {f[0]: f[1] for f in rows["folderLocations"]}


def test_phoenix_store_keys_its_messages_by_a_generated_column_and_keeps_computed_costs_to_the_bit(
    run_export: Runner,
) -> None:
    """An Arize Phoenix ``phoenix.db``: ``agent_session_messages`` declares ``UNIQUE (message_id)`` on a
    ``GENERATED ALWAYS ... STORED`` column (until 2026-12-05 the profile failed on it, exit 1,
    StopIteration, in every Phoenix database); its values arrive, the flag beside it boolean. Naive UTC
    ``TIMESTAMP`` text with six fraction digits is timestamps; the computed costs (``FLOAT``,
    ``0.011402500000000001``) and token counts (``4561.0``) are doubles of every bit; JSON stays text. The
    annotations' ``identifier`` ``''`` (Phoenix's default) in their UNIQUE key is loaded as written, with
    the documented warning (exit 2)."""
    rows = apps.phoenix_rows()
    ran, run_dir = run_export(apps.phoenix_store)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    (warning,) = ran.record["warnings"]
    assert warning.startswith("span_annotations.identifier: text loaded as written"), warning
    assert ran.record["quality_after"] == 100.0
    assert primary_key(ran.uri, ran.record["version_schema"], "agent_session_messages") == ["id"]
    messages = ran.types("agent_session_messages")
    assert (messages["message_id"], messages["is_compaction_message"], messages["created_at"]) == (
        "text",
        "boolean",
        "timestamp without time zone",
    )
    written = {row[0]: json.loads(row[2]) for row in rows["agent_session_messages"]}
    assert ran.values("agent_session_messages", "message_id", "id") == {
        key: message["id"] for key, message in written.items()
    }
    assert ran.values("agent_session_messages", "is_compaction_message", "id") == {
        key: "metadata" in message for key, message in written.items()
    }
    assert (
        ran.types("spans")["start_time"] == ran.types("traces")["end_time"] == "timestamp without time zone"
    )
    assert ran.values("spans", "start_time", "id") == {
        row[0]: datetime.strptime(row[6], "%Y-%m-%d %H:%M:%S.%f") for row in rows["spans"]
    }
    assert ran.types("spans")["attributes"] == "text"
    assert ran.values("spans", "attributes", "id") == {row[0]: row[8] for row in rows["spans"]}
    costs = ran.types("span_costs")
    assert {costs[c] for c in ("total_cost", "prompt_cost", "completion_tokens")} == {"double precision"}
    assert ran.values("span_costs", "total_cost", "id") == {
        t + 1: apps.phoenix_costs(t)[0] for t in range(len(rows["span_costs"]))
    }
    assert ran.values("span_costs", "prompt_cost", "id") == {
        t + 1: apps.phoenix_costs(t)[1] for t in range(len(rows["span_costs"]))
    }
    assert ran.values("span_annotations", "identifier", "id") == {
        row[0]: row[11] for row in rows["span_annotations"]
    }
    assert ran.values("span_annotations", "score", "id") == {
        row[0]: row[4] for row in rows["span_annotations"]
    }


def test_promptfoo_store_reads_eval_millis_as_instants_and_current_timestamp_text_as_timestamps(
    run_export: Runner,
) -> None:
    """A promptfoo ``promptfoo.db`` (Drizzle): the evals' ``created_at integer`` of ``Date.now()``
    milliseconds arrive as instants (audited ``epoch:milliseconds``), the results', prompts' and
    datasets' ``CURRENT_TIMESTAMP`` text in ``INT``/``integer`` columns as timestamps; the results' uuid
    ``id``, declared with no constraint, is their key found in the data and their ``eval_id`` and
    ``prompt_id`` references; computed costs are doubles of every bit; 0/1 ``success`` stays integers
    (declared INT, no BOOLEAN); JSON stays text. Exit 0, nothing costs."""
    rows = apps.promptfoo_rows()
    ran, run_dir = run_export(apps.promptfoo_store)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    schema = ran.record["version_schema"]
    assert primary_key(ran.uri, schema, "eval_results") == ["id"]
    assert {
        column: parent for (table, column), parent in references(run_dir).items() if table == "eval_results"
    } == {
        "eval_id": "evals.id",
        "prompt_id": "prompts.id",
    }
    assert ran.types("evals")["created_at"] == "timestamp with time zone"
    assert ran.values("evals", "created_at", "id") == {
        apps.promptfoo_eval_id(e): UNIX_EPOCH + timedelta(milliseconds=apps.promptfoo_millis(e))
        for e in range(len(apps.PROMPTFOO_EVALS))
    }
    results = ran.types("eval_results")
    assert {
        c: results[c] for c in ("created_at", "cost", "score", "success", "failure_reason", "test_case")
    } == {
        "created_at": "timestamp without time zone",
        "cost": "double precision",
        "score": "double precision",
        "success": "bigint",
        "failure_reason": "bigint",
        "test_case": "text",
    }
    assert (
        ran.types("prompts")["created_at"]
        == ran.types("datasets")["created_at"]
        == "timestamp without time zone"
    )
    by_id = {row[0]: row for row in rows["eval_results"]}
    assert ran.values("eval_results", "created_at", "id") == {
        key: datetime.strptime(row[1], "%Y-%m-%d %H:%M:%S") for key, row in by_id.items()
    }
    costs = ran.values("eval_results", "cost", "id")
    assert costs == {key: row[11] for key, row in by_id.items()}
    # The fake model's costs, tokens times prices, keep their last bits (0.00017750000000000003).
    assert {apps.promptfoo_cost(p, t, 1) for p in range(2) for t in range(5)} <= set(costs.values())
    assert ran.values("eval_results", "test_case", "id") == {key: row[6] for key, row in by_id.items()}
    assert ran.values("eval_results", "error", "id") == {key: row[13] for key, row in by_id.items()}


def test_flowise_reads_typeorm_milliseconds_and_its_defaults_as_instants_and_keeps_phones_and_values_as_typed(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.flowise_server)
    rows = apps.flowise_rows()
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    flows = rows["chat_flow"]
    # TypeORM's text to the millisecond and the defaults' whole seconds are both timestamps, UTC naive.
    for table, column in (
        ("chat_message", "createdDate"),
        ("chat_flow", "updatedDate"),
        ("execution", "stoppedDate"),
        ("user", "tokenExpiry"),
        ("user", "createdDate"),
        ("workspace", "createdDate"),
    ):
        assert ran.types(table)[column] == "timestamp without time zone", (table, column)
    assert ran.values("chat_message", "createdDate", "id") == {
        apps.flowise_id("chat_message", i): apps.flowise_sent(i) for i in range(len(rows["chat_message"]))
    }
    assert ran.values("execution", "stoppedDate", "id") == {
        apps.flowise_id("execution", n): apps.flowise_stopped(n) for n in range(len(flows))
    }
    assert set(ran.values("chat_flow", "createdDate", "id").values()) == {
        datetime.fromisoformat(apps.FLOWISE_NOW)
    }
    # The migrations' names are their epoch milliseconds: instants, audited.
    assert ran.types("migrations")["timestamp"] == "timestamp with time zone"
    assert ran.values("migrations", "timestamp", "id") == {
        k: UNIX_EPOCH + timedelta(milliseconds=ms) for k, (ms, _) in enumerate(apps.FLOWISE_MIGRATIONS, 1)
    }
    assert audit_rules(run_dir, "migrations", "timestamp") == {
        str(k): {"epoch:milliseconds"} for k in range(1, len(apps.FLOWISE_MIGRATIONS) + 1)
    }
    # Booleans 0/1, NULL where a flow was never deployed or undeployed.
    assert ran.types("chat_flow")["deployed"] == ran.types("execution")["isPublic"] == "boolean"
    assert ran.types("chat_flow")["webhookSecretConfigured"] == "boolean"
    assert ran.values("chat_flow", "deployed", "id") == {
        row[0]: None if row[3] is None else bool(row[3]) for row in flows
    }
    # '' for no API key chosen is the documented empty string, made NULL and audited.
    assert ran.values("chat_flow", "apikeyid", "id") == {row[0]: None for row in flows}
    assert audit_rules(run_dir, "chat_flow", "apikeyid") == {
        row[0]: {"empty_to_null"} for row in flows if row[5] == ""
    }
    # What people typed stays text as typed: phones with their leading 0, variables, session codes.
    for table, column in (("lead", "phone"), ("variable", "value"), ("chat_message", "sessionId")):
        assert ran.types(table)[column] == "text", (table, column)
    assert ran.values("lead", "phone", "id") == {
        apps.flowise_id("lead", i): apps.flowise_phone(i) for i in range(len(rows["lead"]))
    }
    assert ran.values("variable", "value", "name") == {
        f"var_{i}": value for i, value in enumerate(apps.FLOWISE_VARIABLES)
    }
    assert ran.values("chat_message", "sessionId", "id") == {
        apps.flowise_id("chat_message", i): apps.flowise_session(i) for i in range(len(rows["chat_message"]))
    }
    assert ran.values("chat_message", "content", "id") == {
        row[0]: arrives_as(row[3]) for row in rows["chat_message"]
    }
    assert ran.values("chat_flow", "name", "id") == {row[0]: row[1] for row in flows}
    # Every declared reference found; none declared between the chat tables, each one found is what
    # the entities join on (chatflowid, messageId, agentflowId are chat_flow's and chat_message's ids).
    found, declared = references(run_dir), declared_references(ran.db)
    joined = {
        ("chat_message", "chatflowid"): "chat_flow.id",
        ("chat_message_feedback", "chatflowid"): "chat_flow.id",
        ("chat_message_feedback", "messageId"): "chat_message.id",
        ("lead", "chatflowid"): "chat_flow.id",
        ("execution", "agentflowId"): "chat_flow.id",
    }
    assert declared.items() <= found.items()
    assert found.items() <= (declared | joined).items(), found
    assert primary_key(ran.uri, ran.record["version_schema"], "user") == ["id"]


def test_langflow_reads_sqlalchemy_microseconds_as_timestamps_and_keeps_hex_uuids_and_typed_values_as_text(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(apps.langflow_server)
    rows = apps.langflow_rows()
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    messages, flows = rows["message"], rows["flow"]
    # DATETIME text to the microsecond and the server default's seconds: timestamps, every digit.
    for table, column in (
        ("message", "timestamp"),
        ("flow", "updated_at"),
        ("user", "create_at"),
        ("user", "last_login_at"),
        ("variable", "created_at"),
    ):
        assert ran.types(table)[column] == "timestamp without time zone", (table, column)
    assert ran.values("message", "timestamp", "id") == {
        apps.langflow_id("message", n): apps.langflow_moment(n) for n in range(len(messages))
    }
    assert set(ran.values("variable", "created_at", "id").values()) == {
        datetime.fromisoformat(apps.LANGFLOW_NOW)
    }
    # 32 hex digits are keys as text, and the declared references between them found.
    for table in rows:
        assert ran.types(table)["id"] == "text", table
    assert ran.values("flow", "user_id", "id") == {row[16]: row[17] for row in flows}
    for table, column in (("variable", "value"), ("message", "session_id"), ("flow", "icon_bg_color")):
        assert ran.types(table)[column] == "text", (table, column)
    assert ran.values("variable", "value", "name") == {
        f"VAR_{i}": value for i, value in enumerate(apps.LANGFLOW_VARIABLES)
    }
    assert ran.values("message", "session_id", "id") == {
        apps.langflow_id("message", n): apps.langflow_session(n) for n in range(len(messages))
    }
    # Texts by the documented rules: ends trimmed (U+00A0 too), blank made NULL, each audited.
    assert ran.values("message", "text", "id") == {row[8]: arrives_as(row[5]) for row in messages}
    assert audit_rules(run_dir, "message", "text") == {
        row[8]: {"empty_to_null"} if row[5] == "" else {"trim"}
        for row in messages
        if row[5] != row[5].strip(WHITE_SPACE) or row[5] == ""
    }
    assert ran.types("message")["error"] == ran.types("flow")["locked"] == "boolean"
    assert ran.values("message", "error", "id") == {row[8]: bool(row[6]) for row in messages}
    # JSON's null for None is the null token: NULL, audited; a list stays its text.
    assert ran.values("flow", "tags", "id") == {
        row[16]: None if row[19] == "null" else row[19] for row in flows
    }
    assert audit_rules(run_dir, "flow", "tags") == {
        row[16]: {"null_like_to_null"} for row in flows if row[19] == "null"
    }
    assert references(run_dir) == {
        **declared_references(ran.db),
        ("message", "flow_id"): "flow.id",  # no REFERENCES in the model, every value a flow's id
    }


def test_vaultwarden_keeps_diesels_nanosecond_moments_as_written_and_its_policies_json_null_costs_nothing(
    run_export: Runner,
) -> None:
    """A Vaultwarden server's ``db.sqlite3``: every ``DATETIME`` chrono wrote to the nanosecond
    (``2025-01-20 16:30:01.123457776``) is text as written, with its reason, where Diesel's own
    migrations table's whole seconds are timestamps; ``BOOLEAN`` 0/1 booleans, ``BLOB`` password
    hashes and salts bytes; six-digit e-mail change codes (``007261``) and zero-padded external ids
    text; the organization policies' ``data``, JSON documents or serde's ``null`` in a ``TEXT NOT NULL``
    column, scored nothing for its ``null`` (it scored 0, the table 80), each made NULL and audited;
    the two-column device key, the declared references and the undeclared ones of ``event`` and of
    the Duo contexts' e-mail; exit 0."""
    rows = apps.vaultwarden_rows()
    ran, run_dir = run_export(apps.vaultwarden_server)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    schema = ran.record["version_schema"]
    assert primary_key(ran.uri, schema, "devices") == ["uuid", "user_uuid"]
    assert references(run_dir) == {
        ("users_organizations", "user_uuid"): "users.uuid",
        ("users_organizations", "org_uuid"): "organizations.uuid",
        ("org_policies", "org_uuid"): "organizations.uuid",
        ("ciphers", "user_uuid"): "users.uuid",
        ("ciphers", "organization_uuid"): "organizations.uuid",
        ("devices", "user_uuid"): "users.uuid",
        ("sends", "user_uuid"): "users.uuid",
        ("sends", "organization_uuid"): "organizations.uuid",
        ("event", "user_uuid"): "users.uuid",
        ("event", "org_uuid"): "organizations.uuid",
        ("event", "cipher_uuid"): "ciphers.uuid",
        ("event", "act_user_uuid"): "users.uuid",
        ("twofactor_duo_ctx", "user_email"): "users.email",
    }

    users = rows["users"]
    types = ran.types("users")
    assert types["created_at"] == types["updated_at"] == "text"
    reason = profiled(run_dir)["columns"]["users"]["created_at"]["type_reason"]
    assert "finer than the microseconds PostgreSQL keeps" in reason, reason
    assert ran.values("users", "created_at", "uuid") == {row[0]: row[1] for row in users}
    assert ran.values("users", "verified_at", "uuid") == {row[0]: row[17] for row in users}
    assert (types["password_hash"], types["salt"], types["enabled"]) == ("bytea", "bytea", "boolean")
    assert ran.values("users", "password_hash", "uuid") == {row[0]: row[5] for row in users}
    assert ran.values("users", "salt", "uuid") == {row[0]: row[6] for row in users}
    assert ran.values("users", "enabled", "uuid") == {row[0]: bool(row[24]) for row in users}
    assert types["email_new_token"] == types["external_id"] == "text"
    tokens = ran.values("users", "email_new_token", "uuid")
    assert tokens == {row[0]: row[21] for row in users}
    assert set(tokens.values()) - {None} == set(apps.VAULTWARDEN_TOKENS)
    assert ran.values("users", "external_id", "uuid") == {row[0]: row[31] for row in users}
    assert types["password_iterations"] == types["client_kdf_memory"] == "bigint"
    assert ran.values("users", "password_hint", "uuid") == {row[0]: row[8] for row in users}
    assert ran.types("sends")["password_hash"] == "bytea"
    assert ran.types("sends")["hide_email"] == ran.types("sends")["disabled"] == "boolean"
    assert ran.values("sends", "password_salt", "uuid") == {row[0]: row[9] for row in rows["sends"]}
    assert ran.values("sends", "hide_email", "uuid") == {
        row[0]: None if row[18] is None else bool(row[18]) for row in rows["sends"]
    }
    assert ran.types("event")["event_date"] == "text"
    assert ran.values("event", "ip_address", "uuid") == {row[0]: row[10] for row in rows["event"]}

    # Diesel's bookkeeping: its versions' digits integers as written, its whole-second run times.
    migrations = ran.types("__diesel_schema_migrations")
    assert migrations == {"version": "bigint", "run_on": "timestamp without time zone"}
    assert ran.values("__diesel_schema_migrations", "run_on", "version") == {
        int(version): datetime.fromisoformat(run_on) for version, run_on in rows["__diesel_schema_migrations"]
    }
    # Duo's context expiry: Unix seconds under a name of no moment, integers as written.
    assert ran.types("twofactor_duo_ctx")["exp"] == "bigint"
    assert ran.values("twofactor_duo_ctx", "exp", "state") == {
        row[0]: row[3] for row in rows["twofactor_duo_ctx"]
    }

    # The policies' options: JSON as written, serde's null made NULL (audited) at no cost.
    policies = rows["org_policies"]
    data = profiled(run_dir)["columns"]["org_policies"]["data"]
    assert (data["quality"], data["json_null_is_missing"]) == (100.0, True)
    assert ran.values("org_policies", "data", "uuid") == {
        row[0]: None if row[4] == "null" else row[4] for row in policies
    }
    assert audit_rules(run_dir, "org_policies", "data") == {
        row[0]: {"null_like_to_null"} for row in policies if row[4] == "null"
    }
    assert ran.types("org_policies")["enabled"] == "boolean"


def test_zotero_library_reads_its_last_read_and_file_times_as_instants_and_keeps_shared_values_as_text(
    run_export: Runner,
) -> None:
    """A Zotero 7 ``zotero.sqlite``: ``items`` moments (UTC text) arrive as timestamps; an attachment's
    ``storageModTime`` (epoch milliseconds), ``lastProcessedModificationTime`` and ``lastRead`` (Unix
    seconds; ``lastRead`` was bigint beside the other two read as instants) as timestamptz, each cell
    audited; ``libraries.lastSync``, 0 for never synced, stays bigint with the note giving the instant;
    the shared ``itemDataValues.value`` (titles, multipart dates, volumes and pages of digits, ISBNs)
    and annotations' sort indexes and page labels arrive as text as written; the declared references
    are the ones found; exit 0, nothing costs."""
    rows = apps.zotero_rows()
    ran, run_dir = run_export(apps.zotero_library)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("deletedItems", "itemID"): "items.itemID",
        ("itemAnnotations", "itemID"): "items.itemID",
        ("itemAnnotations", "parentItemID"): "itemAttachments.itemID",
        ("itemAttachments", "itemID"): "items.itemID",
        ("itemAttachments", "parentItemID"): "items.itemID",
        ("itemData", "itemID"): "items.itemID",
        ("itemData", "fieldID"): "fields.fieldID",
        ("itemData", "valueID"): "itemDataValues.valueID",
        ("items", "libraryID"): "libraries.libraryID",
        ("syncedSettings", "libraryID"): "libraries.libraryID",
    }
    moment, instant = "timestamp without time zone", "timestamp with time zone"
    items = ran.types("items")
    assert (items["dateAdded"], items["dateModified"], items["clientDateModified"]) == (moment,) * 3
    assert ran.values("items", "dateAdded", "itemID") == {
        row[0]: datetime.fromisoformat(row[2]) for row in rows["items"]
    }
    assert ran.types("deletedItems")["dateDeleted"] == moment
    attachments = ran.types("itemAttachments")
    times = ("storageModTime", "lastProcessedModificationTime", "lastRead")
    assert {attachments[column] for column in times} == {instant}
    assert attachments["storageHash"] == attachments["path"] == "text"
    for at, column, unit in (
        (7, "storageModTime", 1000),
        (9, "lastProcessedModificationTime", 1),
        (10, "lastRead", 1),
    ):
        assert ran.values("itemAttachments", column, "itemID") == {
            row[0]: None if row[at] is None else UNIX_EPOCH + timedelta(milliseconds=row[at] * 1000 // unit)
            for row in rows["itemAttachments"]
        }, column
        read = {row[0] for row in rows["itemAttachments"] if row[at] is not None}
        assert set(audit_rules(run_dir, "itemAttachments", column)) == {str(n) for n in read}, column
    assert None in {row[10] for row in rows["itemAttachments"]}  # never read: NULL, no rule
    assert ran.types("libraries")["lastSync"] == "bigint"
    assert ran.values("libraries", "lastSync", "libraryID") == {row[0]: row[6] for row in rows["libraries"]}
    notes = " ".join(profiled(run_dir)["columns"]["libraries"]["lastSync"]["notes"])
    assert 'the instant is to_timestamp(NULLIF("lastSync", 0))' in notes, notes
    assert ran.types("itemDataValues")["value"] == "text"
    assert ran.values("itemDataValues", "value", "valueID") == {
        row[0]: row[1] for row in rows["itemDataValues"]
    }
    shared = [row[1] for row in rows["itemDataValues"]]
    assert any(v.isdigit() for v in shared) and any(v[:4].isdigit() and v[4] == "-" for v in shared)
    annotations = ran.types("itemAnnotations")
    assert {annotations[c] for c in ("sortIndex", "pageLabel", "position", "color")} == {"text"}
    for at, column in ((6, "color"), (7, "pageLabel"), (8, "sortIndex"), (9, "position")):
        assert ran.values("itemAnnotations", column, "itemID") == {
            row[0]: row[at] for row in rows["itemAnnotations"]
        }, column
    assert ran.types("settings")["value"] == ran.types("syncedSettings")["value"] == "text"
    assert ran.values("settings", "value", "key") == {row[1]: str(row[2]) for row in rows["settings"]}


def test_mmex_book_finds_its_references_by_versioned_table_names_and_keys_named_alike(
    run_export: Runner,
) -> None:
    """A Money Manager Ex ``.mmb``: every table versioned ``_V1``, one foreign key declared (the tag
    links'), the others found in the data by their names: a transaction's ``ACCOUNTID``, ``PAYEEID`` and
    ``CATEGID`` (``-1`` for none, no orphan), a payee's category, a split's ``TRANSID``, an account's and
    a rate's ``CURRENCYID`` (until 2026-12-05 only the declared one was found). Amounts the app binds as
    doubles of two decimals arrive as numeric(18,2), every value as written; ISO dates as dates, ISO
    date-times with a ``T`` as timestamps (``''`` for not deleted made NULL); account and check numbers
    of leading zeros, and the info table's values, as text; ``TRUE``/``FALSE`` as booleans; exit 0."""
    rows = apps.mmex_rows()
    ran, run_dir = run_export(apps.mmex_book)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("TAGLINK_V1", "TAGID"): "TAG_V1.TAGID",
        ("ACCOUNTLIST_V1", "CURRENCYID"): "CURRENCYFORMATS_V1.CURRENCYID",
        ("PAYEE_V1", "CATEGID"): "CATEGORY_V1.CATEGID",
        ("CHECKINGACCOUNT_V1", "ACCOUNTID"): "ACCOUNTLIST_V1.ACCOUNTID",
        ("CHECKINGACCOUNT_V1", "PAYEEID"): "PAYEE_V1.PAYEEID",
        ("CHECKINGACCOUNT_V1", "CATEGID"): "CATEGORY_V1.CATEGID",
        ("SPLITTRANSACTIONS_V1", "TRANSID"): "CHECKINGACCOUNT_V1.TRANSID",
        ("SPLITTRANSACTIONS_V1", "CATEGID"): "CATEGORY_V1.CATEGID",
        ("CURRENCYHISTORY_V1", "CURRENCYID"): "CURRENCYFORMATS_V1.CURRENCYID",
    }
    columns = profiled(run_dir)["columns"]["CHECKINGACCOUNT_V1"]
    for column in ("PAYEEID", "CATEGID"):
        nones = sum(row[{"PAYEEID": 3, "CATEGID": 9}[column]] == -1 for row in rows["CHECKINGACCOUNT_V1"])
        assert nones and columns[column]["no_reference_count"] == nones, column
    transactions = ran.types("CHECKINGACCOUNT_V1")
    assert transactions["TRANSAMOUNT"] == transactions["TOTRANSAMOUNT"] == "numeric"
    declared = pg_column_types(ran.uri, ran.record["version_schema"], "CHECKINGACCOUNT_V1")
    assert declared["TRANSAMOUNT"] == declared["TOTRANSAMOUNT"] == "numeric(18,2)"
    assert (transactions["TRANSDATE"], transactions["LASTUPDATEDTIME"]) == (
        "date",
        "timestamp without time zone",
    )
    assert transactions["DELETEDTIME"] == "timestamp without time zone"
    assert transactions["TRANSACTIONNUMBER"] == ran.types("ACCOUNTLIST_V1")["ACCOUNTNUM"] == "text"
    by_id = {row[0]: row for row in rows["CHECKINGACCOUNT_V1"]}
    amounts = ran.values("CHECKINGACCOUNT_V1", "TRANSAMOUNT", "TRANSID")
    assert {n: Decimal(v) for n, v in amounts.items()} == {
        n: Decimal(str(row[5])) for n, row in by_id.items()
    }
    assert {type(row[5]) for row in by_id.values()} == {int, float}  # whole amounts INTEGER, others REAL
    assert ran.values("CHECKINGACCOUNT_V1", "TRANSDATE", "TRANSID") == {
        n: date.fromisoformat(row[10]) for n, row in by_id.items()
    }
    assert ran.values("CHECKINGACCOUNT_V1", "LASTUPDATEDTIME", "TRANSID") == {
        n: datetime.fromisoformat(row[11]) for n, row in by_id.items()
    }
    assert ran.values("CHECKINGACCOUNT_V1", "DELETEDTIME", "TRANSID") == {
        n: datetime.fromisoformat(row[12]) if row[12] else None for n, row in by_id.items()
    }
    assert ran.values("CHECKINGACCOUNT_V1", "TRANSACTIONNUMBER", "TRANSID") == {
        n: row[7] or None for n, row in by_id.items()
    }
    accounts = {row[0]: row for row in rows["ACCOUNTLIST_V1"]}
    assert ran.values("ACCOUNTLIST_V1", "ACCOUNTNUM", "ACCOUNTID") == {
        n: row[3] or None for n, row in accounts.items()
    }
    assert ran.types("ACCOUNTLIST_V1")["FAVORITEACCT"] == "boolean"
    assert ran.values("ACCOUNTLIST_V1", "FAVORITEACCT", "ACCOUNTID") == {
        n: row[8] == "TRUE" for n, row in accounts.items()
    }
    rates = pg_column_types(ran.uri, ran.record["version_schema"], "CURRENCYHISTORY_V1")
    assert rates["CURRVALUE"] == "numeric(18,6)"
    rate_values = ran.values("CURRENCYHISTORY_V1", "CURRVALUE", "CURRHISTID")
    assert {n: Decimal(v) for n, v in rate_values.items()} == {
        row[0]: Decimal(str(row[3])) for row in rows["CURRENCYHISTORY_V1"]
    }
    assert ran.types("INFOTABLE_V1")["INFOVALUE"] == "text"
    assert ran.values("INFOTABLE_V1", "INFOVALUE", "INFOID") == {
        row[0]: row[2] for row in rows["INFOTABLE_V1"]
    }


def test_paperless_archive_keeps_its_generated_amounts_dates_and_custom_field_kinds(
    run_export: Runner,
) -> None:
    """A Paperless-ngx ``db.sqlite3`` as Django migrates it: every declared reference found; a
    document's ``created date`` a date, Django's ``datetime`` text with microseconds timestamps to the
    microsecond; the custom field instances' column per kind typed as its kind (``bool`` boolean,
    ``real`` double, ``date`` date) with the monetary text (``EUR12.50``, ``0.10``) kept as text and the
    ``decimal`` amount SQLite's generated column stored as REAL or INTEGER arriving as numeric, each the
    very amount the text says; MD5 checksums, 32-hex transaction ids, task UUIDs and invoice numbers of
    leading zeros as text; archive serial numbers up to 4294967295 as bigint; exit 0."""
    rows = apps.paperless_rows()
    ran, run_dir = run_export(apps.paperless_archive)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    owner = "auth_user.id"
    assert references(run_dir) == {
        **{
            (t, "owner_id"): owner
            for t in (
                "documents_correspondent",
                "documents_documenttype",
                "documents_storagepath",
                "documents_tag",
                "documents_document",
                "documents_paperlesstask",
            )
        },
        ("documents_document", "correspondent_id"): "documents_correspondent.id",
        ("documents_document", "document_type_id"): "documents_documenttype.id",
        ("documents_document", "storage_path_id"): "documents_storagepath.id",
        ("documents_document_tags", "document_id"): "documents_document.id",
        ("documents_document_tags", "tag_id"): "documents_tag.id",
        ("documents_note", "document_id"): "documents_document.id",
        ("documents_note", "user_id"): owner,
        ("documents_customfieldinstance", "document_id"): "documents_document.id",
        ("documents_customfieldinstance", "field_id"): "documents_customfield.id",
    }
    documents = ran.types("documents_document")
    assert {c: documents[c] for c in ("created", "added", "modified", "deleted_at")} == {
        "created": "date",
        "added": "timestamp without time zone",
        "modified": "timestamp without time zone",
        "deleted_at": "timestamp without time zone",
    }
    assert {
        c: documents[c] for c in ("checksum", "transaction_id", "archive_serial_number", "page_count")
    } == {
        "checksum": "text",
        "transaction_id": "text",
        "archive_serial_number": "bigint",
        "page_count": "bigint",
    }
    by_id = {row[0]: row for row in rows["documents_document"]}
    assert ran.values("documents_document", "created", "id") == {
        n: date.fromisoformat(row[10]) for n, row in by_id.items()
    }
    assert ran.values("documents_document", "added", "id") == {
        n: datetime.fromisoformat(row[13]) for n, row in by_id.items()
    }
    assert ran.values("documents_document", "archive_serial_number", "id") == {
        n: row[17] for n, row in by_id.items()
    }
    assert max(row[17] or 0 for row in by_id.values()) > 2**31  # beyond a 32-bit integer
    assert ran.values("documents_document", "transaction_id", "id") == {n: row[3] for n, row in by_id.items()}
    assert ran.types("documents_customfieldinstance") == {
        "id": "bigint",
        "deleted_at": "timestamp without time zone",
        "restored_at": "timestamp without time zone",
        "transaction_id": "text",
        "created": "timestamp without time zone",
        "value_text": "text",
        "value_bool": "boolean",
        "value_url": "text",
        "value_date": "date",
        "value_int": "bigint",
        "value_float": "double precision",
        "value_monetary": "text",
        "value_monetary_amount": "numeric",
        "value_document_ids": "text",
        "value_select": "text",
        "field_id": "bigint",
        "document_id": "bigint",
    }
    instances = {row[0]: row for row in rows["documents_customfieldinstance"]}
    monetary = {n: row[11] for n, row in instances.items() if row[11] is not None}
    assert {text[0].isdigit() for text in monetary.values()} == {True, False}  # with and without a code
    amounts = ran.values("documents_customfieldinstance", "value_monetary_amount", "id")
    assert {n: Decimal(v) for n, v in amounts.items() if v is not None} == {
        n: apps.paperless_amount(text) for n, text in monetary.items()
    }
    assert ran.values("documents_customfieldinstance", "value_monetary", "id") == {
        n: row[11] for n, row in instances.items()
    }
    assert ran.values("documents_customfieldinstance", "value_text", "id") == {
        n: row[5] for n, row in instances.items()
    }
    assert any(row[5] and row[5].startswith("00") for row in instances.values())
    assert ran.values("documents_customfieldinstance", "value_bool", "id") == {
        n: None if row[6] is None else bool(row[6]) for n, row in instances.items()
    }
    assert ran.values("documents_customfieldinstance", "value_float", "id") == {
        n: row[10] for n, row in instances.items()
    }
    assert ran.values("documents_customfieldinstance", "value_date", "id") == {
        n: row[8] and date.fromisoformat(row[8]) for n, row in instances.items()
    }
    tasks = ran.types("documents_paperlesstask")
    assert (tasks["task_id"], tasks["acknowledged"], tasks["date_done"]) == (
        "text",
        "boolean",
        "timestamp without time zone",
    )
    assert ran.values("documents_paperlesstask", "date_done", "id") == {
        row[0]: row[8] and datetime.fromisoformat(row[8]) for row in rows["documents_paperlesstask"]
    }


def test_healthchecks_server_keeps_django_durations_as_microseconds_and_ping_bodies_byte_for_byte(
    run_export: Runner,
) -> None:
    """A Healthchecks ``hc.sqlite`` as Django migrates it: a check's ``timeout``, ``grace`` and
    ``last_duration`` are Django's ``DurationField`` on SQLite, a ``bigint`` of microseconds, and arrive
    as those very integers (no epoch or unit guessed from a count of microseconds); ``datetime`` text to
    the microsecond as timestamps; 32-hex UUIDs and keys of leading zeros as text; ping bodies (UTF-8,
    empty, every byte value) byte for byte as bytea; IPv4 and IPv6 addresses text; exit statuses
    ``-1`` and ``255`` numbers; every declared reference found; exit 0."""
    rows = apps.healthchecks_rows()
    ran, run_dir = run_export(apps.healthchecks_server)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("api_project", "owner_id"): "auth_user.id",
        ("api_check", "project_id"): "api_project.id",
        ("api_ping", "owner_id"): "api_check.id",
        ("api_channel", "project_id"): "api_project.id",
        ("api_channel_checks", "channel_id"): "api_channel.id",
        ("api_channel_checks", "check_id"): "api_check.id",
        ("api_flip", "owner_id"): "api_check.id",
    }
    checks = ran.types("api_check")
    assert {c: checks[c] for c in ("timeout", "grace", "last_duration", "created", "last_ping", "code")} == {
        "timeout": "bigint",
        "grace": "bigint",
        "last_duration": "bigint",
        "created": "timestamp without time zone",
        "last_ping": "timestamp without time zone",
        "code": "text",
    }
    by_id = {row[0]: row for row in rows["api_check"]}
    assert ran.values("api_check", "timeout", "id") == {n: row[8] for n, row in by_id.items()}
    assert {row[8] for row in by_id.values()} >= {apps.healthchecks_micros(timedelta(days=1))}
    assert ran.values("api_check", "grace", "id") == {n: row[9] for n, row in by_id.items()}
    assert ran.values("api_check", "last_duration", "id") == {n: row[18] for n, row in by_id.items()}
    assert ran.values("api_check", "created", "id") == {
        n: datetime.fromisoformat(row[6]) for n, row in by_id.items()
    }
    assert ran.values("api_check", "alert_after", "id") == {
        n: row[19] and datetime.fromisoformat(row[19]) for n, row in by_id.items()
    }
    assert ran.values("api_check", "code", "id") == {n: row[4] for n, row in by_id.items()}
    pings = ran.types("api_ping")
    assert (pings["body_raw"], pings["remote_addr"], pings["exitstatus"], pings["rid"]) == (
        "bytea",
        "text",
        "bigint",
        "text",
    )
    by_ping = {row[0]: row for row in rows["api_ping"]}
    bodies = ran.values("api_ping", "body_raw", "id")
    assert {n: None if v is None else bytes(v) for n, v in bodies.items()} == {
        n: row[8] for n, row in by_ping.items()
    }
    assert bytes(range(256)) in {row[8] for row in by_ping.values()}
    assert ran.values("api_ping", "exitstatus", "id") == {n: row[10] for n, row in by_ping.items()}
    assert ran.values("api_ping", "remote_addr", "id") == {n: row[5] for n, row in by_ping.items()}
    projects = {row[0]: row for row in rows["api_project"]}
    assert ran.values("api_project", "ping_key", "id") == {n: row[6] for n, row in projects.items()}


def test_tautulli_database_reads_its_string_fields_blanks_as_its_one_way_and_types_numbers_and_dates(
    run_export: Runner,
) -> None:
    """A Tautulli ``tautulli.db``: every string field declared ``TEXT`` writes ``''`` where a stream has
    none, every number NULL. ``aspect_ratio TEXT`` (``'1.78'``) and ``rating TEXT`` (``'7.8'``) read as
    numeric, ``originally_available_at TEXT`` as dates: their ``''`` too is the table's way of writing a
    missing string, no second way beside the numbers' NULLs (until 2026-12-05 the stream details scored
    60.87, every string column with a blank 0). Each ``''`` is made NULL and audited; epoch seconds of
    ``added_at``, ``started`` and ``stopped`` arrive as instants (the two latter bigint until
    2026-12-05), resolutions (``'1080'``, ``'4k'``) as text; a play's ``user_id`` names its user's Plex
    account number, ``users.user_id INTEGER UNIQUE`` beside the rowid (no reference until 2026-12-05);
    exit 0, no warning."""
    rows = apps.tautulli_rows()
    ran, run_dir = run_export(apps.tautulli_database)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert {play[5] for play in rows["session_history"]} <= {user[1] for user in rows["users"]}
    assert references(run_dir)[("session_history", "user_id")] == "users.user_id"
    assert ran.record["quality_before"] == 100.0
    media = {row[0]: row for row in rows["session_history_media_info"]}
    metadata = {row[0]: row for row in rows["session_history_metadata"]}
    media_types = ran.types("session_history_media_info")
    assert (media_types["aspect_ratio"], media_types["video_resolution"], media_types["width"]) == (
        "numeric",
        "text",
        "bigint",
    )
    metadata_types = ran.types("session_history_metadata")
    assert (
        metadata_types["rating"],
        metadata_types["originally_available_at"],
        metadata_types["added_at"],
    ) == ("numeric", "date", "timestamp with time zone")
    assert {
        n: None if v is None else Decimal(v)
        for n, v in ran.values("session_history_media_info", "aspect_ratio", "id").items()
    } == {n: Decimal(row[14]) if row[14] else None for n, row in media.items()}
    assert ran.values("session_history_media_info", "video_resolution", "id") == {
        n: row[12] or None for n, row in media.items()
    }
    assert {
        n: None if v is None else Decimal(v)
        for n, v in ran.values("session_history_metadata", "rating", "id").items()
    } == {n: Decimal(row[14]) if row[14] else None for n, row in metadata.items()}
    assert ran.values("session_history_metadata", "originally_available_at", "id") == {
        n: date.fromisoformat(row[11]) if row[11] else None for n, row in metadata.items()
    }
    assert ran.values("session_history_metadata", "added_at", "id") == {
        n: UNIX_EPOCH + timedelta(seconds=row[12]) for n, row in metadata.items()
    }
    history = {row[0]: row for row in rows["session_history"]}
    history_types = ran.types("session_history")
    assert history_types["started"] == history_types["stopped"] == "timestamp with time zone"
    assert ran.values("session_history", "started", "id") == {
        n: UNIX_EPOCH + timedelta(seconds=row[2]) for n, row in history.items()
    }
    assert ran.values("session_history", "stopped", "id") == {
        n: None if row[3] is None else UNIX_EPOCH + timedelta(seconds=row[3]) for n, row in history.items()
    }
    blanks = {
        ("session_history_media_info", name): sum(row[index] == "" for row in media.values())
        for name, index in (
            ("video_decision", 2),
            ("video_codec", 9),
            ("video_resolution", 12),
            ("aspect_ratio", 14),
        )
    } | {
        ("session_history_metadata", name): sum(row[index] == "" for row in metadata.values())
        for name, index in (("parent_title", 4), ("originally_available_at", 11), ("rating", 14))
    }
    assert all(blanks.values())
    audit = pq.read_table(run_dir / "audit.parquet").to_pylist()
    made_null = Counter((a["table"], a["column"]) for a in audit if a["rule"] == "empty_to_null")
    assert {key: made_null[key] for key in blanks} == blanks


def test_memos_server_reads_its_unix_seconds_as_instants_and_finds_every_user_and_memo_reference(
    run_export: Runner,
) -> None:
    """A Memos server's ``memos_prod.db`` as its SQLite migrations create it: every ``*_ts BIGINT`` of
    Unix seconds (``strftime('%s', 'now')``) arrives as timestamptz, each cell audited ``epoch:seconds``;
    no reference is declared, and each found in the data: a memo's, an attachment's, an activity's, a
    reaction's ``creator_id``, an inbox message's ``sender_id`` and ``receiver_id`` and a setting's
    ``user_id`` name users, a relation's two memo ids and an attachment's ``memo_id`` (NULL until
    attached) name memos; the ``pinned INTEGER CHECK (pinned IN (0, 1))`` flag stays bigint (an
    INTEGER column of 0/1 is never boolean); an attachment's PNG bytes arrive byte for byte; short
    UUIDs, Markdown (2,000 characters, emoji, a no-break space, ``007``), JSON payloads and the
    ``memos/<uid>`` a reaction names arrive as written; a memo of attachments alone (``''``) is NULL,
    audited; exit 0, nothing costs."""
    rows = apps.memos_rows()
    ran, run_dir = run_export(apps.memos_server)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    users, memos = "user.id", "memo.id"
    assert references(run_dir) == {
        ("user_setting", "user_id"): users,
        ("memo", "creator_id"): users,
        ("memo_relation", "memo_id"): memos,
        ("memo_relation", "related_memo_id"): memos,
        ("attachment", "creator_id"): users,
        ("attachment", "memo_id"): memos,
        ("activity", "creator_id"): users,
        ("inbox", "sender_id"): users,
        ("inbox", "receiver_id"): users,
        ("reaction", "creator_id"): users,
    }
    instant = "timestamp with time zone"
    for table, at in (  # each moment's place in its table's rows
        ("user", {"created_ts": 1, "updated_ts": 2}),
        ("memo", {"created_ts": 3, "updated_ts": 4}),
        ("attachment", {"created_ts": 3, "updated_ts": 4}),
        ("activity", {"created_ts": 2}),
        ("inbox", {"created_ts": 1}),
        ("reaction", {"created_ts": 1}),
    ):
        types = ran.types(table)
        for column, place in at.items():
            assert types[column] == instant, (table, column)
            assert ran.values(table, column, "id") == {
                row[0]: UNIX_EPOCH + timedelta(seconds=row[place]) for row in rows[table]
            }, (table, column)
            assert audit_rules(run_dir, table, column) == {
                str(row[0]): {"epoch:seconds"} for row in rows[table]
            }, (table, column)
    memo = ran.types("memo")
    assert memo["pinned"] == "bigint" and memo["uid"] == memo["content"] == memo["payload"] == "text"
    by_id = {row[0]: row for row in rows["memo"]}
    assert ran.values("memo", "pinned", "id") == {n: row[8] for n, row in by_id.items()}
    assert {row[8] for row in by_id.values()} == {0, 1}
    assert ran.values("memo", "content", "id") == {n: row[6] or None for n, row in by_id.items()}
    assert (
        audit_rules(run_dir, "memo", "content")
        == {str(n): {"empty_to_null"} for n, row in by_id.items() if row[6] == ""}
        != {}
    )
    assert any(len(row[6]) >= 600 for row in by_id.values()) and "007" in {row[6] for row in by_id.values()}
    assert ran.values("memo", "uid", "id") == {n: row[1] for n, row in by_id.items()}
    assert ran.values("memo", "payload", "id") == {n: row[9] for n, row in by_id.items()}
    attachment = ran.types("attachment")
    assert (attachment["blob"], attachment["size"], attachment["memo_id"]) == ("bytea", "bigint", "bigint")
    blobs = {
        n: bytes(v) if v is not None else None for n, v in ran.values("attachment", "blob", "id").items()
    }
    assert blobs == {row[0]: row[6] for row in rows["attachment"]}
    assert any(blob is not None for blob in blobs.values()) and None in blobs.values()
    assert ran.values("attachment", "memo_id", "id") == {row[0]: row[9] for row in rows["attachment"]}
    assert ran.values("reaction", "content_id", "id") == {row[0]: row[3] for row in rows["reaction"]}
    assert ran.values("user", "nickname", "id") == {row[0]: row[7] or None for row in rows["user"]}
    assert ran.values("user", "username", "id") == {row[0]: row[4] for row in rows["user"]}


def test_gotosocial_server_reads_buns_instants_and_keeps_an_unset_one_an_instant(run_export: Runner) -> None:
    """A GoToSocial server's ``sqlite.db`` as Go's bun writes it: every ``timestamptz`` column bun's
    text of a ``time.Time`` in UTC (``2024-01-02 09:00:00.5+00:00``, up to six fraction digits, none for a
    whole second) arrives as timestamptz, every instant exact; ``sensitized_at``, NULL in every row, is
    timestamptz as declared (until 2026-12-05 a timestamp without time zone, whose type the first
    moderator's action changed); bun's migrations table, whose ``migrated_at`` bun leaves to SQLite's
    ``CURRENT_TIMESTAMP`` (UTC without an offset), is a timestamp of that text; ULID keys are text and
    every reference among them is found with none declared (an author's statuses, replies and boosts,
    attachments, follows); ``BOOLEAN`` 0/1 are booleans; a status's visibility code (1-4) is no reference
    to the twenty migrations; REAL focus points and aspect ratios keep every bit; exit 0."""
    rows = apps.gotosocial_rows()
    ran, run_dir = run_export(apps.gotosocial_server)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    accounts, statuses = "accounts.id", "statuses.id"
    assert references(run_dir) == {
        ("statuses", "account_id"): accounts,
        ("statuses", "in_reply_to_id"): statuses,
        ("statuses", "boost_of_id"): statuses,
        ("media_attachments", "status_id"): statuses,
        ("media_attachments", "account_id"): accounts,
        ("follows", "account_id"): accounts,
        ("follows", "target_account_id"): accounts,
    }
    instant = "timestamp with time zone"
    for table, at in (  # each moment's place in its table's rows
        (
            "accounts",
            {"created_at": 1, "updated_at": 2, "fetched_at": 3, "sensitized_at": 15, "suspended_at": 16},
        ),
        ("statuses", {"created_at": 1, "edited_at": 2}),
        ("media_attachments", {"created_at": 1}),
        ("follows", {"created_at": 1, "updated_at": 2}),
    ):
        types = ran.types(table)
        for column, place in at.items():
            assert types[column] == instant, (table, column)
            assert ran.values(table, column, "id") == {
                row[0]: None if row[place] is None else datetime.fromisoformat(row[place])
                for row in rows[table]
            }, (table, column)
    assert {row[15] for row in rows["accounts"]} == {None}
    written = [row[1] for row in rows["statuses"]]
    assert any(w.endswith(":00+00:00") for w in written) and any(".5+00:00" in w for w in written)
    assert ran.types("bun_migrations")["migrated_at"] == "timestamp without time zone"
    assert ran.values("bun_migrations", "migrated_at", "id") == {
        row[0]: datetime.fromisoformat(row[3]) for row in rows["bun_migrations"]
    }
    status = ran.types("statuses")
    assert (status["id"], status["account_id"], status["visibility"]) == ("text", "text", "bigint")
    assert (status["local"], status["sensitive"]) == ("boolean", "boolean")
    assert ran.values("statuses", "local", "id") == {row[0]: bool(row[6]) for row in rows["statuses"]}
    assert ran.values("statuses", "visibility", "id") == {row[0]: row[11] for row in rows["statuses"]}
    media = ran.types("media_attachments")
    assert media["file_meta_focus_x"] == media["file_meta_original_aspect"] == "double precision"
    assert ran.values("media_attachments", "file_meta_original_aspect", "id") == {
        row[0]: row[6] for row in rows["media_attachments"]
    }
    assert ran.values("accounts", "username", "id") == {row[0]: row[4] for row in rows["accounts"]}
    assert ran.values("statuses", "content", "id") == {row[0]: row[4] or None for row in rows["statuses"]}


def test_grafana_server_reads_its_epoch_seconds_and_milliseconds_as_instants_and_keeps_its_codes(
    run_export: Runner,
) -> None:
    """A Grafana server's ``grafana.db`` (its migrator's SQLite DDL, xorm's storage): every ``DATETIME``
    xorm's ``2006-01-02 15:04:05`` text is a timestamp as written; an annotation's ``epoch``,
    ``epoch_end``, ``created`` and ``updated`` epoch milliseconds, a session's ``created_at`` and an
    alert instance's ``last_eval_time`` and ``current_state_since`` Unix seconds are instants, each
    audited (until 2026-12-05 ``current_state_since`` stayed bigint beside ``last_eval_time``); a
    session's ``seen_at`` with ``0`` until seen keeps its integers; ``current_state_end`` and a rule's
    ``for`` (a Go duration in nanoseconds) are integers as written. The migrator's bools are
    ``INTEGER`` 0/1: integers. Postcodes with leading zeros are text, the role ``None`` a value, a
    file's bytes arrive byte for byte. A tag with no value (``''`` in the declared UNIQUE ``(key,
    value)``) keeps its key as written: the one warning, exit 2, as documented."""
    rows = apps.grafana_rows()
    ran, run_dir = run_export(apps.grafana_server)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    [warning] = ran.record["warnings"]
    assert warning.startswith("tag.value: text loaded as written") and "NULL, e.g. 'prod' | ''" in warning
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("user", "org_id"): "org.id",
        ("org_user", "org_id"): "org.id",
        ("org_user", "user_id"): "user.id",
        ("dashboard_version", "dashboard_id"): "dashboard.id",
        ("annotation", "dashboard_id"): "dashboard.id",
        ("annotation_tag", "annotation_id"): "annotation.id",
        ("annotation_tag", "tag_id"): "tag.id",
        ("user_auth_token", "user_id"): "user.id",
    }

    instants = {
        ("annotation", "epoch"),
        ("annotation", "epoch_end"),
        ("annotation", "created"),
        ("annotation", "updated"),
        ("api_key", "expires"),
        ("user_auth_token", "rotated_at"),
        ("user_auth_token", "created_at"),
        ("user_auth_token", "updated_at"),
        ("alert_instance", "current_state_since"),
        ("alert_instance", "last_eval_time"),
        ("alert_instance", "resolved_at"),
        ("alert_instance", "last_sent_at"),
    }
    for table, column in sorted(instants):
        assert ran.types(table)[column] == "timestamp with time zone", (table, column)
    for table, column in (
        ("user_auth_token", "seen_at"),
        ("user_auth_token", "revoked_at"),
        ("alert_instance", "current_state_end"),
        ("alert_rule", "for"),
        ("alert_rule", "interval_seconds"),
        ("dashboard", "is_folder"),
        ("user", "is_admin"),
        ("user", "help_flags1"),
    ):
        assert ran.types(table)[column] == "bigint", (table, column)
    for table in ("dashboard", "user", "org", "api_key", "alert_rule", "file"):
        datetimes = [c for c, t in ran.types(table).items() if c in ("created", "updated", "last_seen_at")]
        assert datetimes and all(ran.types(table)[c] == "timestamp without time zone" for c in datetimes)
    assert ran.types("org")["zip_code"] == ran.types("dashboard")["uid"] == "text"
    assert ran.types("file")["contents"] == "bytea"

    # The annotations' milliseconds and the alert instances' seconds, each the instant Grafana wrote.
    def milliseconds(value: int | None) -> datetime | None:
        return None if value is None else UNIX_EPOCH + timedelta(milliseconds=value)

    for column, index in (("epoch", 14), ("created", 17), ("updated", 18), ("epoch_end", 19)):
        assert ran.values("annotation", column, "id") == {
            row[0]: milliseconds(row[index]) for row in rows["annotation"]
        }
        assert audit_rules(run_dir, "annotation", column) == {
            str(row[0]): {"epoch:milliseconds"} for row in rows["annotation"]
        }
    instances = {(row[1], row[3]): row for row in rows["alert_instance"]}
    relation = f"{quote_ident(ran.base)}.alert_instance"
    loaded = pg_query(
        ran.uri,
        "SELECT rule_uid, labels_hash, current_state_since, current_state_end, last_eval_time, "
        f"resolved_at, last_sent_at FROM {relation}",
    )
    assert {(uid, labels): tuple(rest) for uid, labels, *rest in loaded} == {
        key: (
            UNIX_EPOCH + timedelta(seconds=row[5]),
            row[7],
            UNIX_EPOCH + timedelta(seconds=row[6]),
            None if row[10] is None else UNIX_EPOCH + timedelta(seconds=row[10]),
            None if row[11] is None else UNIX_EPOCH + timedelta(seconds=row[11]),
        )
        for key, row in instances.items()
    }
    tokens = {row[0]: row for row in rows["user_auth_token"]}
    assert ran.values("user_auth_token", "seen_at", "id") == {n: row[7] for n, row in tokens.items()}
    assert 0 in {row[7] for row in tokens.values()}
    assert ran.values("user_auth_token", "created_at", "id") == {
        n: UNIX_EPOCH + timedelta(seconds=row[9]) for n, row in tokens.items()
    }
    assert ran.values("api_key", "expires", "id") == {
        row[0]: None if row[7] is None else UNIX_EPOCH + timedelta(seconds=row[7]) for row in rows["api_key"]
    }
    assert ran.values("alert_rule", "for", "id") == {row[0]: row[13] for row in rows["alert_rule"]}
    assert 300 * 10**9 in {row[13] for row in rows["alert_rule"]}

    # xorm's DATETIME text as written, a never-seen account's ten years before it was made.
    assert ran.values("user", "last_seen_at", "id") == {
        row[0]: datetime.fromisoformat(row[16]) for row in rows["user"]
    }
    assert ran.values("dashboard", "updated", "id") == {
        row[0]: datetime.fromisoformat(row[7]) for row in rows["dashboard"]
    }
    assert ran.values("dashboard", "deleted", "id") == {
        row[0]: None if row[18] is None else datetime.fromisoformat(row[18]) for row in rows["dashboard"]
    }
    assert ran.values("dashboard", "data", "id") == {row[0]: row[4] for row in rows["dashboard"]}
    assert ran.values("dashboard_version", "data", "id") == {
        row[0]: row[8] for row in rows["dashboard_version"]
    }
    assert ran.values("user", "is_service_account", "id") == {row[0]: row[18] for row in rows["user"]}

    # Codes as written: postcodes with leading zeros, Main Org.'s blanks NULL, each audited.
    assert ran.values("org", "zip_code", "id") == {row[0]: row[7] or None for row in rows["org"]}
    assert {"02139", "01069"} <= set(ran.values("org", "zip_code", "id").values())
    assert audit_rules(run_dir, "org", "zip_code") == {"1": {"empty_to_null"}}
    assert ran.values("org_user", "role", "id") == {row[0]: row[3] for row in rows["org_user"]}
    assert "None" in {row[3] for row in rows["org_user"]}
    assert ran.values("user", "name", "id") == {row[0]: row[4] or None for row in rows["user"]}
    assert ran.values("tag", "value", "id") == {row[0]: row[2] for row in rows["tag"]}
    assert {bytes(v) for v in ran.values("file", "contents", "path").values()} == {
        row[3] for row in rows["file"]
    }


def test_gitea_forge_reads_every_unix_column_and_finds_its_repositories_not_its_issue_numbers(
    run_export: Runner,
) -> None:
    """A Gitea forge's ``gitea.db`` (xorm's ``Sync`` of its models): every moment a Go
    ``timeutil.TimeStamp``, Unix seconds in a column named ``<event>_unix``. ``created_unix`` and
    ``updated_unix`` are instants; ``closed_unix``, ``merged_unix``, ``last_login_unix``,
    ``archived_unix`` and ``deadline_unix``, ``0`` until the event, keep their integers with the
    instant's note (until 2026-12-05 they were bare bigint, their name no time's); a milestone's
    ``deadline_unix``, 9999-12-31 23:59:59 for no due date beside the others' seconds, is instants,
    that one its exact instant, with a note (until 2026-12-06 integers as written). ``issue.index``,
    each repository's issue number from 1, is no reference (until 2026-12-05 one to its own
    ``issue.id``, and the pull requests' one to ``tracked_time.id``); ``repo_id`` names
    ``repository`` by its abbreviation (until 2026-12-05 no reference chosen among the small tables
    its keys fit), and a repository's ``owner_id`` (a user's or an organization's, both rows of
    ``user``) names ``user`` by its role (until 2026-12-05 none chosen). A review comment's negative
    ``line`` (the old side of a diff), a time log's seconds spent and the bools' 0/1 are integers as
    written; a nil Go slice's JSON ``null`` in ``topics`` is NULL, audited."""
    rows = apps.gitea_rows()
    ran, run_dir = run_export(apps.gitea_forge)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert references(run_dir) == {
        ("repository", "owner_name"): "user.name",
        ("repository", "owner_id"): "user.id",
        ("milestone", "repo_id"): "repository.id",
        ("issue", "repo_id"): "repository.id",
        ("issue", "milestone_id"): "milestone.id",
        ("pull_request", "issue_id"): "issue.id",
        ("pull_request", "head_repo_id"): "repository.id",
        ("pull_request", "base_repo_id"): "repository.id",
        ("comment", "issue_id"): "issue.id",
        ("tracked_time", "issue_id"): "issue.id",
        ("tracked_time", "user_id"): "user.id",
    }
    assert profiled(run_dir)["columns"]["issue"]["index"].get("foreign_key") is None

    created = {table: "created_unix" for table in rows if table not in ("version", "pull_request")}
    for table, column in created.items():
        assert ran.types(table)[column] == "timestamp with time zone", table
        index = apps.GITEA_DDL_COLUMNS[table].index(column)
        assert ran.values(table, column, "id") == {
            row[0]: UNIX_EPOCH + timedelta(seconds=row[index]) for row in rows[table]
        }
        assert audit_rules(run_dir, table, column) == {str(row[0]): {"epoch:seconds"} for row in rows[table]}
    for table, column in (
        ("issue", "closed_unix"),
        ("issue", "deadline_unix"),
        ("pull_request", "merged_unix"),
        ("user", "last_login_unix"),
        ("repository", "archived_unix"),
        ("milestone", "closed_date_unix"),
    ):
        index = apps.GITEA_DDL_COLUMNS[table].index(column)
        values = {row[0]: row[index] for row in rows[table]}
        assert 0 in values.values() and any(values.values()), (table, column)
        assert ran.types(table)[column] == "bigint", (table, column)
        assert ran.values(table, column, "id") == values
        notes = " ".join(profiled(run_dir)["columns"][table][column]["notes"])
        assert "0 for no date" in notes and f'to_timestamp(NULLIF("{column}", 0))' in notes, notes
    deadlines = {row[0]: row[10] for row in rows["milestone"]}
    assert apps.GITEA_NO_DUE in deadlines.values()
    assert ran.types("milestone")["deadline_unix"] == "timestamp with time zone"
    assert ran.values("milestone", "deadline_unix", "id") == {
        n: UNIX_EPOCH + timedelta(seconds=value) for n, value in deadlines.items()
    }
    assert ran.values("milestone", "deadline_unix", "id")[3] == datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert audit_rules(run_dir, "milestone", "deadline_unix") == {
        str(n): {"epoch:seconds"} for n in deadlines
    }
    assert (
        "1 value is 253402300799, 9999-12-31 23:59:59 UTC, which applications write for no end: each read "
        "as the instant it counts in epoch seconds"
    ) in profiled(run_dir)["columns"]["milestone"]["deadline_unix"]["notes"]

    # Numbers as written: issue numbers per repository, negative diff lines, seconds spent, bools.
    assert ran.values("issue", "index", "id") == {row[0]: row[2] for row in rows["issue"]}
    lines = {row[0]: row[9] for row in rows["comment"]}
    assert min(lines.values()) < 0
    assert ran.values("comment", "line", "id") == lines
    assert ran.values("tracked_time", "time", "id") == {row[0]: row[4] for row in rows["tracked_time"]}
    assert ran.types("issue")["is_closed"] == ran.types("user")["max_repo_creation"] == "bigint"
    assert set(ran.values("user", "max_repo_creation", "id").values()) == {-1}

    # Text as written; a nil slice's `null` and an organization's '' e-mail NULL, each audited.
    topics = {row[0]: row[20] for row in rows["repository"]}
    assert ran.values("repository", "topics", "id") == {
        n: None if t == "null" else t for n, t in topics.items()
    }
    assert audit_rules(run_dir, "repository", "topics") == {
        str(n): {"null_like_to_null"} for n, t in topics.items() if t == "null"
    }
    assert ran.values("issue", "name", "id") == {row[0]: row[6] for row in rows["issue"]}
    assert ran.values("user", "email", "id") == {row[0]: row[4] or None for row in rows["user"]}
    assert ran.values("pull_request", "merge_base", "id") == {row[0]: row[12] for row in rows["pull_request"]}


def test_kotti_site_reads_sqlalchemy_datetimes_and_booleans_and_finds_its_declared_node_references(
    run_export: Runner,
) -> None:
    """A Kotti 2 CMS site's SQLite database as ``kotti.main`` creates it (SQLAlchemy 1.4's DDL of its
    models) and its API fills it: every ``DATETIME`` SQLAlchemy's text with six fraction digits arrives
    as a timestamp (naive, as written), each cell audited; ``BOOLEAN`` 0/1 booleans; the declared
    references (a node's ``parent_id`` to ``nodes``, the joined-table inheritance ``contents.id`` →
    ``nodes.id`` and ``documents.id`` / ``files.id`` → ``contents.id``, a tag's link, a local role's node)
    found; filedepot's blobs byte for byte with their uuid1 ids and ``files.data`` JSON as written; the
    root's ``name`` ``''`` (declared NOT NULL) and an empty body NULL, audited. Exit 0; the description
    a form left ``''`` beside the language and state NULL of the same table is charged, as documented."""
    rows = apps.kotti_rows()
    ran, run_dir = run_export(apps.kotti_site)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    blanks = sum(row[2] == "" for row in rows["contents"])
    assert 0 < blanks < len(rows["contents"]) and any(row[3] is None for row in rows["contents"])
    scores = {table: (len(values), [100.0] * len(values[0])) for table, values in rows.items()}
    scores["contents"][1][2] = column_score(len(rows["contents"]), blanks)
    assert ran.record["quality_before"] == round(export_score(scores), 2)
    assert references(run_dir) == {
        ("nodes", "parent_id"): "nodes.id",
        ("local_groups", "node_id"): "nodes.id",
        ("contents", "id"): "nodes.id",
        ("tags_to_contents", "tag_id"): "tags.id",
        ("tags_to_contents", "content_id"): "contents.id",
        ("documents", "id"): "contents.id",
        ("files", "id"): "contents.id",
    }
    moment = "timestamp without time zone"
    for table, at in (  # each DATETIME's place in its table's rows
        ("principals", {"creation_date": 8, "last_login_date": 9}),
        ("contents", {"creation_date": 6, "modification_date": 7}),
        ("blobs", {"last_modified": 5}),
    ):
        types = ran.types(table)
        for column, place in at.items():
            assert types[column] == moment, (table, column)
            written = {row[0]: row[place] for row in rows[table]}
            assert ran.values(table, column, "id") == {
                n: None if text is None else datetime.strptime(text, "%Y-%m-%d %H:%M:%S.%f")
                for n, text in written.items()
            }, (table, column)
            assert audit_rules(run_dir, table, column) == {
                str(n): {"date_format:%Y-%m-%d %H:%M:%S.%f"}
                for n, text in written.items()
                if text is not None
            }, (table, column)
    assert ran.types("principals")["active"] == ran.types("contents")["in_navigation"] == "boolean"
    assert ran.values("principals", "active", "id") == {row[0]: bool(row[3]) for row in rows["principals"]}
    assert {row[3] for row in rows["principals"]} == {0, 1}
    assert ran.values("principals", "groups", "id") == {row[0]: row[7] for row in rows["principals"]}
    assert ran.values("principals", "title", "id") == {row[0]: row[5] for row in rows["principals"]}
    nodes = ran.types("nodes")
    assert (nodes["parent_id"], nodes["position"], nodes["_acl"], nodes["name"]) == (
        "bigint",
        "bigint",
        "text",
        "text",
    )
    assert ran.values("nodes", "name", "id") == {row[0]: row[5] or None for row in rows["nodes"]}
    assert audit_rules(run_dir, "nodes", "name") == {"1": {"empty_to_null"}}
    assert ran.values("nodes", "_acl", "id") == {row[0]: row[4] for row in rows["nodes"]}
    assert ran.values("nodes", "path", "id") == {row[0]: row[8] for row in rows["nodes"]}
    assert ran.values("documents", "body", "id") == {row[0]: row[1] or None for row in rows["documents"]}
    assert any(len(row[1]) > 2_000 for row in rows["documents"]) and "" in {
        row[1] for row in rows["documents"]
    }
    blobs = ran.types("blobs")
    assert (blobs["data"], blobs["content_length"], blobs["file_id"]) == ("bytea", "bigint", "text")
    assert {n: bytes(v) for n, v in ran.values("blobs", "data", "id").items()} == {
        row[0]: row[6] for row in rows["blobs"]
    }
    assert any(0 in row[6] for row in rows["blobs"])
    assert ran.values("blobs", "file_id", "id") == {row[0]: row[1] for row in rows["blobs"]}
    assert ran.types("files")["data"] == "text"
    assert ran.values("files", "data", "id") == {row[3]: row[4] for row in rows["files"]}
    assert ran.values("tags", "title", "id") == {row[0]: row[1] for row in rows["tags"]}
    assert ran.types("kotti_alembic_version")["version_num"] == "text"


def test_papermerge_archive_keeps_its_typed_metadata_as_text_and_finds_its_tree_and_page_references(
    run_export: Runner,
) -> None:
    """A Papermerge 2.0 document archive's SQLite database (papermerge-core's Django migrations): every
    ``datetime`` Django's naive UTC text (``str()``: six fraction digits, none for a whole second) arrives
    as a timestamp, each cell audited by its format; ``bool`` 0/1 booleans; the tree's declared references
    found (a node's ``parent_id``, its polymorphic content type, ``core_document`` and ``core_folder``
    keyed by ``basetreenode_ptr_id``, a page's document, a metadata entry's node or page) and a tag's
    generic ``object_id`` none; the metadata ``value`` column, each key's values in its own format
    (``12,50`` money, ``01.06.20`` a date, ``0042`` a number, ``Lidl`` text), stays text, every value as
    written; OCR text with emoji, no-break spaces and line breaks as written, ``''`` NOT NULL text NULL,
    audited, at no cost. Exit 0, quality 100."""
    rows = apps.papermerge_rows()
    ran, run_dir = run_export(apps.papermerge_archive)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    nodes, users, ctypes = "core_basetreenode.id", "core_user.id", "django_content_type.id"
    assert references(run_dir) == {
        ("core_user", "role_id"): "core_role.id",
        ("core_basetreenode", "polymorphic_ctype_id"): ctypes,
        ("core_basetreenode", "user_id"): users,
        ("core_basetreenode", "parent_id"): nodes,
        ("core_folder", "basetreenode_ptr_id"): nodes,
        ("core_document", "basetreenode_ptr_id"): nodes,
        ("core_page", "user_id"): users,
        ("core_page", "document_id"): "core_document.basetreenode_ptr_id",
        ("core_tag", "user_id"): users,
        ("core_coloredtag", "content_type_id"): ctypes,
        ("core_coloredtag", "tag_id"): "core_tag.id",
        ("core_kvstorenode", "kvstore_ptr_id"): "core_kvstore.id",
        ("core_kvstorenode", "node_id"): nodes,
        ("core_kvstorepage", "kvstore_ptr_id"): "core_kvstore.id",
        ("core_kvstorepage", "page_id"): "core_page.id",
    }
    moment = "timestamp without time zone"
    for table, at in (  # each datetime's place in its table's rows
        ("core_user", {"last_login": 2, "date_joined": 10, "created_at": 12, "updated_at": 13}),
        ("core_basetreenode", {"created_at": 3, "updated_at": 4}),
    ):
        types = ran.types(table)
        for column, place in at.items():
            assert types[column] == moment, (table, column)
            written = {row[0]: row[place] for row in rows[table]}
            assert ran.values(table, column, "id") == {
                n: None if text is None else datetime.fromisoformat(text) for n, text in written.items()
            }, (table, column)
            # Each text with a fraction audited by its format; a whole second's (PostgreSQL's own text
            # of the value) by its own or not at all: the value is the text either way.
            audited = audit_rules(run_dir, table, column)
            assert {n: rules for n, rules in audited.items() if "." in written[int(n)]} == {
                str(n): {"date_format:%Y-%m-%d %H:%M:%S.%f"}
                for n, text in written.items()
                if text is not None and "." in text
            }, (table, column)
            assert all(
                audited[n] == {"date_format:%Y-%m-%d %H:%M:%S"} for n in audited if "." not in written[int(n)]
            )
    assert any("." not in row[3] for row in rows["core_basetreenode"])
    user = ran.types("core_user")
    assert user["is_superuser"] == user["is_active"] == ran.types("core_tag")["pinned"] == "boolean"
    assert ran.values("core_user", "is_active", "id") == {row[0]: bool(row[9]) for row in rows["core_user"]}
    assert ran.values("core_user", "first_name", "id") == {
        row[0]: row[5] or None for row in rows["core_user"]
    }
    kv = ran.types("core_kvstore")
    assert (kv["value"], kv["kv_inherited"], kv["kv_format"]) == ("text", "boolean", "text")
    values = {row[0]: row[4] for row in rows["core_kvstore"]}
    assert ran.values("core_kvstore", "value", "id") == values
    assert {"12,50", "31.12.19", "0042", "Lidl", None} <= set(values.values())
    assert ran.values("core_kvstore", "kv_format", "id") == {row[0]: row[6] for row in rows["core_kvstore"]}
    page = ran.types("core_page")
    assert (page["text"], page["number"], page["document_id"]) == ("text", "bigint", "bigint")
    assert ran.values("core_page", "text", "id") == {row[0]: row[3] or None for row in rows["core_page"]}
    assert ran.values("core_page", "image", "id") == {row[0]: row[5] for row in rows["core_page"]}
    assert ran.values("core_document", "size", "basetreenode_ptr_id") == {
        row[0]: row[3] for row in rows["core_document"]
    }
    assert ran.values("core_document", "notes", "basetreenode_ptr_id") == {
        row[0]: row[2] for row in rows["core_document"]
    }
    assert ran.values("core_tag", "bg_color", "id") == {row[0]: row[2] for row in rows["core_tag"]}
    assert ran.values("core_basetreenode", "title", "id") == {
        row[0]: row[1] for row in rows["core_basetreenode"]
    }
    assert ran.types("core_coloredtag")["object_id"] == "bigint"


def test_uptime_kuma_reads_its_heartbeat_times_keeps_its_pings_and_its_json_settings_null_costs_nothing(
    run_export: Runner,
) -> None:
    """An Uptime Kuma status monitor's ``kuma.db``: a heartbeat's ``DATETIME`` text with milliseconds
    (UTC, naive) is a timestamp to the millisecond; ``ping`` declared ``INTEGER`` holding whole and
    fractional milliseconds is a double, every value as written, NULL where down; ``BOOLEAN`` 0/1 are
    booleans, ``status`` integers. ``setting.value``, every value ``JSON.stringify``'d, writes a key
    without one as JSON's ``null``: made NULL, audited, at no cost (until 2026-12-05 it was charged,
    the export scoring below 100). A maintenance window's ``TIME`` ``HH:mm`` stays text as written (no
    rule reads a time of day); its ``datetime-local`` text is a timestamp. The declared references are
    the references. Exit 0, no warning."""
    rows = apps.uptime_kuma_rows()
    ran, run_dir = run_export(apps.uptime_kuma)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("monitor", "user_id"): "user.id",
        ("monitor", "parent"): "monitor.id",
        ("heartbeat", "monitor_id"): "monitor.id",
        ("monitor_tag", "monitor_id"): "monitor.id",
        ("monitor_tag", "tag_id"): "tag.id",
        ("maintenance", "user_id"): "user.id",
    }

    beats = ran.types("heartbeat")
    assert (beats["time"], beats["ping"], beats["important"], beats["status"]) == (
        "timestamp without time zone",
        "double precision",
        "boolean",
        "bigint",
    )
    assert ran.types("monitor")["timeout"] == "double precision"
    assert ran.types("monitor")["created_date"] == "timestamp without time zone"
    windows = ran.types("maintenance")
    assert (windows["start_date"], windows["start_time"], windows["end_time"]) == (
        "timestamp without time zone",
        "time without time zone",  # times of day under TIME: time since 2026-12-06
        "time without time zone",
    )
    assert ran.types("setting")["value"] == "text"

    heartbeat = rows["heartbeat"]
    assert ran.values("heartbeat", "time", "id") == {
        row[0]: datetime.fromisoformat(row[5]) for row in heartbeat
    }
    assert all(datetime.fromisoformat(row[5]).microsecond for row in heartbeat)
    assert ran.values("heartbeat", "ping", "id") == {row[0]: row[6] for row in heartbeat}
    assert {type(row[6]) for row in heartbeat} == {int, float, type(None)}
    assert ran.values("heartbeat", "important", "id") == {row[0]: bool(row[1]) for row in heartbeat}
    assert ran.values("monitor", "timeout", "id") == {row[0]: row[21] for row in rows["monitor"]}
    assert ran.values("maintenance", "start_time", "id") == {
        row[0]: as_time(row[8]) for row in rows["maintenance"]
    }
    assert ran.values("maintenance", "start_date", "id") == {
        row[0]: None if row[6] is None else datetime.fromisoformat(row[6]) for row in rows["maintenance"]
    }

    # Each setting as stored, JSON's null made NULL and audited.
    settings = rows["setting"]
    assert ran.values("setting", "value", "id") == {
        row[0]: None if row[2] == "null" else row[2] for row in settings
    }
    assert audit_rules(run_dir, "setting", "value") == {
        str(row[0]): {"null_like_to_null"} for row in settings if row[2] == "null"
    }
    profile = json.loads((run_dir / "profile.json").read_text())
    (table,) = (t for t in profile["tables"] if t["name"] == "setting")
    (value,) = (c for c in table["columns"] if c["name"] == "value")
    assert (value["quality"], value["json_null_is_missing"]) == (100.0, True)


def test_navidrome_keeps_gos_nanosecond_times_as_written_and_finds_its_md5_references(
    run_export: Runner,
) -> None:
    """A Navidrome music server's ``navidrome.db``: mattn/go-sqlite3's ``time.Time`` text with
    nanoseconds is finer than a timestamp holds, so each such column stays text, every value as
    written; a folder's naive seconds are a timestamp. MySQL's zero date, the migrations' "never", is
    NULL, audited ``null_like_to_null``, and charged as any null token (the score computed by the
    documented formula from the builder's own rows). Release dates tagged as a year or a month stay
    text, catalogue numbers keep their leading zeros, durations and gains are doubles. The songs'
    album, artist and folder ids are references found in the data; an annotation's ``item_id``,
    naming a song, an album or an artist, is none. Exit 0, no warning."""
    rows = apps.navidrome_rows()
    ran, run_dir = run_export(apps.navidrome_server)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    with closing(sqlite3.connect(":memory:")) as con:
        for statement in apps.NAVIDROME_DDL:
            con.execute(statement)
        columns = {name: [c[1] for c in con.execute(f'PRAGMA table_info("{name}")')] for name in rows}
    zero = apps.NAVIDROME_ZERO
    scores = {
        name: (
            len(values),
            [column_score(len(values), sum(row[i] == zero for row in values)) for i in range(len(names))],
        )
        for name, values in rows.items()
        for names in (columns[name],)
    }
    assert ran.record["quality_before"] == round(export_score(scores), 2) < 100.0
    assert references(run_dir) == {
        ("album", "album_artist_id"): "artist.id",
        ("album", "library_id"): "library.id",
        ("folder", "library_id"): "library.id",
        ("media_file", "artist_id"): "artist.id",
        ("media_file", "album_id"): "album.id",
        ("media_file", "library_id"): "library.id",
        ("media_file", "folder_id"): "folder.id",
        ("annotation", "user_id"): "user.id",
        ("playqueue", "user_id"): "user.id",
    }

    nanoseconds = (
        ("library", "last_scan_at"),
        ("user", "created_at"),
        ("artist", "external_info_updated_at"),
        ("album", "created_at"),
        ("album", "imported_at"),
        ("folder", "images_updated_at"),
        ("media_file", "created_at"),
        ("media_file", "birth_time"),
        ("annotation", "play_date"),
        ("playqueue", "updated_at"),
    )
    for table, column in nanoseconds:
        assert ran.types(table)[column] == "text", (table, column)
    assert ran.types("folder")["updated_at"] == "timestamp without time zone"
    assert ran.types("album")["date"] == ran.types("album")["catalog_num"] == "text"
    assert (
        ran.types("media_file")["duration"] == ran.types("media_file")["rg_track_gain"] == "double precision"
    )
    assert ran.types("media_file")["size"] == ran.types("media_file")["bpm"] == "bigint"
    assert ran.types("annotation")["starred"] == "boolean"

    files = {row[0]: row for row in rows["media_file"]}
    assert ran.values("media_file", "created_at", "id") == {key: row[12] for key, row in files.items()}
    assert all(len(row[12].split(".")[1].split("+")[0]) > 6 for row in files.values())
    assert ran.values("media_file", "duration", "id") == {key: row[10] for key, row in files.items()}
    artists = {row[0]: row for row in rows["artist"]}
    assert ran.values("artist", "external_info_updated_at", "id") == {
        key: None if row[2] == zero else row[2] for key, row in artists.items()
    }
    assert audit_rules(run_dir, "artist", "external_info_updated_at") == {
        key: {"null_like_to_null"} for key, row in artists.items() if row[2] == zero
    }
    assert ran.values("folder", "updated_at", "id") == {
        row[0]: datetime.fromisoformat(row[9]) for row in rows["folder"]
    }
    albums = {row[0]: row for row in rows["album"]}
    assert ran.values("album", "date", "id") == {key: row[11] or None for key, row in albums.items()}
    assert {"2019", "2019-05", "2019-05-12"} <= {row[11] for row in albums.values()}
    assert ran.values("album", "catalog_num", "id") == {key: row[13] or None for key, row in albums.items()}
    queues = {row[0]: row for row in rows["playqueue"]}
    assert ran.values("playqueue", "items", "id") == {key: row[5] for key, row in queues.items()}
    assert ran.values("playqueue", "updated_at", "id") == {key: row[7] for key, row in queues.items()}


def test_deno_kv_store_keeps_encoded_keys_and_values_byte_for_byte_and_its_clock_columns_as_written(
    run_export: Runner,
) -> None:
    # Deno.openKv's SQLite file: keys and values are binary encodings (the tuple layer, V8's
    # serialization, a KvU64's eight bytes, a Uint8Array as it is, an empty one included), each
    # arriving byte for byte; a key is a BLOB primary key of a WITHOUT ROWID table.
    rows = apps.deno_kv_rows()
    ran, run_dir = run_export(apps.deno_kv)
    loaded_cleanly(
        ran,
        run_dir,
        {"migration_state": 1, "data_version": 1, "kv": len(rows["kv"]), "queue": 2, "queue_running": 0},
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0
    schema = ran.record["version_schema"]
    assert ran.types("kv") == {
        "k": "bytea",
        "v": "bytea",
        "v_encoding": "bigint",
        "version": "bigint",
        "seq": "bigint",
        "expiration_ms": "bigint",
    }
    assert primary_key(ran.uri, schema, "kv") == ["k"]
    assert {bytes(k): bytes(v) for k, v in ran.values("kv", "v", "k").items()} == {
        row[0]: row[1] for row in rows["kv"]
    }
    assert b"" in {row[1] for row in rows["kv"]}
    assert not audit_rules(run_dir, "kv", "k") and not audit_rules(run_dir, "kv", "v")

    # expiration_ms: epoch milliseconds for an expireIn, -1 for none: not an instant column (the -1
    # is no moment), kept as numbers, every one as written, the note naming the instant's expression.
    expirations = {row[0]: row[5] for row in rows["kv"]}
    assert -1 in expirations.values() and max(expirations.values()) > apps.DENO_KV_NOW_MS
    assert {bytes(k): e for k, e in ran.values("kv", "expiration_ms", "k").items()} == expirations
    notes = " ".join(profiled(run_dir)["columns"]["kv"]["expiration_ms"]["notes"])
    assert "-1 for no date" in notes and 'to_timestamp(NULLIF("expiration_ms", -1) / 1000.0)' in notes, notes
    assert not audit_rules(run_dir, "kv", "expiration_ms")

    # The queue's delivery time: epoch milliseconds, every one a moment: timestamptz, each audited.
    queue = ran.types("queue")
    assert queue == {
        "ts": "timestamp with time zone",
        "id": "text",
        "data": "bytea",
        "backoff_schedule": "text",
        "keys_if_undelivered": "text",
    }
    assert primary_key(ran.uri, schema, "queue") == ["ts", "id"]
    assert ran.values("queue", "ts", "id") == {
        row[1]: UNIX_EPOCH + timedelta(milliseconds=row[0]) for row in rows["queue"]
    }
    assert audit_rules(run_dir, "queue", "ts") == {
        f"{row[0]}|{row[1]}": {"epoch:milliseconds"} for row in rows["queue"]
    }
    assert {bytes(d) for d in ran.values("queue", "data", "id").values()} == {row[2] for row in rows["queue"]}
    # '[]' stored as TEXT under a declared blob is text as written; the empty queue_running keeps its
    # declarations (no value to read otherwise).
    assert set(ran.values("queue", "keys_if_undelivered", "id").values()) == {"[]"}
    assert ran.types("queue_running")["keys_if_undelivered"] == "bytea"
    assert ran.types("queue_running")["deadline"] == "bigint"


def test_headscale_keeps_go_nanoseconds_as_written_and_its_string_blanks_beside_a_soft_delete_cost_nothing(
    run_export: Runner,
) -> None:
    rows = apps.headscale_rows()
    ran, run_dir = run_export(apps.headscale)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    found = profiled(run_dir)
    columns = found["columns"]

    # Every moment the server wrote has Go's nanoseconds, finer than a timestamptz: text, every digit as
    # written, the note saying why; the client's whole-second key expiry (NULL for a tagged node) is an
    # instant; a policy's deleted_at never set keeps its declared timestamp.
    server_times = {
        "database_versions": ("updated_at",),
        "users": ("created_at", "updated_at", "deleted_at"),
        "pre_auth_keys": ("created_at", "expiration"),
        "api_keys": ("created_at", "expiration", "last_seen"),
        "nodes": ("last_seen", "created_at", "updated_at", "deleted_at"),
        "policies": ("created_at", "updated_at"),
    }
    names = apps.HEADSCALE_DDL_COLUMNS
    for table, moments in server_times.items():
        for column in moments:
            assert ran.types(table)[column] == "text", (table, column)
            index = names[table].index(column)
            assert ran.values(table, column, "id") == {row[0]: row[index] for row in rows[table]}
            notes = " ".join(columns[table][column]["notes"])
            assert "finer than the microseconds PostgreSQL keeps" in notes, (table, column, notes)
    assert ran.types("nodes")["expiry"] == "timestamp with time zone"
    expiry = names["nodes"].index("expiry")
    assert ran.values("nodes", "expiry", "id") == {
        row[0]: None if row[expiry] is None else datetime.fromisoformat(row[expiry]) for row in rows["nodes"]
    }
    assert ran.types("policies")["deleted_at"] == "timestamp without time zone"

    # A local user's strings are '' until set, an OIDC user's provider id NULL under its UNIQUE index,
    # one soft-deleted user's deleted_at (text, for its nanoseconds) a moment beside NULLs: the table
    # writes a missing string one way, its blanks cost nothing, each made NULL and audited.
    users = names["users"]
    blank = {"display_name", "email", "provider", "profile_pic_url"}
    assert {c for c, column in columns["users"].items() if column["blank_is_missing"]} == blank
    assert all(columns["users"][c]["quality"] == 100.0 for c in columns["users"])
    for column in blank:
        index = users.index(column)
        assert ran.values("users", column, "id") == {row[0]: row[index] or None for row in rows["users"]}
        assert audit_rules(run_dir, "users", column) == {
            str(row[0]): {"empty_to_null"} for row in rows["users"] if row[index] == ""
        }
    assert sum(row[users.index("deleted_at")] is not None for row in rows["users"]) == 1

    # Go bools declared numeric stay 0/1 numbers; bcrypt hashes byte for byte (the legacy key has none);
    # JSON, keys with their prefixes and Tailscale IPs are text as written; declared references found.
    keys = names["pre_auth_keys"]
    for flag in ("reusable", "ephemeral", "used"):
        assert ran.types("pre_auth_keys")[flag] == "bigint"
        assert ran.values("pre_auth_keys", flag, "id") == {
            row[0]: row[keys.index(flag)] for row in rows["pre_auth_keys"]
        }
    assert ran.types("pre_auth_keys")["hash"] == ran.types("api_keys")["hash"] == "bytea"
    hashes = {
        n: None if h is None else bytes(h) for n, h in ran.values("pre_auth_keys", "hash", "id").items()
    }
    assert hashes == {row[0]: row[keys.index("hash")] for row in rows["pre_auth_keys"]}
    assert hashes[len(rows["pre_auth_keys"])] is None
    nodes = names["nodes"]
    for column in ("machine_key", "endpoints", "host_info", "ipv4", "ipv6", "hostname", "approved_routes"):
        assert ran.types("nodes")[column] == "text", column
        assert ran.values("nodes", column, "id") == {
            row[0]: row[nodes.index(column)] for row in rows["nodes"]
        }
    for table, column, parent in (
        ("nodes", "user_id", "users.id"),
        ("nodes", "auth_key_id", "pre_auth_keys.id"),
        ("pre_auth_keys", "user_id", "users.id"),
    ):
        assert f"reference to {parent} declared in the schema" in columns[table][column]["notes"]
    assert ran.values("policies", "data", "id") == {1: apps.HEADSCALE_POLICY}


def test_vikunja_keeps_shares_positions_and_hex_colours_and_finds_each_creator_among_the_users(
    run_export: Runner,
) -> None:
    rows = apps.vikunja_rows()
    ran, run_dir = run_export(apps.vikunja)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0
    names = apps.VIKUNJA_DDL_COLUMNS
    columns = profiled(run_dir)["columns"]

    def written(table: str, column: str) -> dict[Any, Any]:
        return {row[0]: row[names[table].index(column)] for row in rows[table]}

    tasks = ran.types("tasks")
    # REAL shares and positions: doubles, every bit; hex colours text with their leading zeros ('' made
    # NULL, audited); xorm's bools 0/1 numbers; xorm's times naive timestamps, NULL where never set.
    assert tasks["percent_done"] == ran.types("task_positions")["position"] == "double precision"
    assert ran.values("tasks", "percent_done", "id") == written("tasks", "percent_done")
    assert ran.values("task_positions", "position", "id") == written("task_positions", "position")
    assert ran.values("projects", "position", "id") == written("projects", "position")
    assert tasks["hex_color"] == ran.types("labels")["hex_color"] == "text"
    colours = written("tasks", "hex_color")
    assert {"00ff00", "000000", "0a0a0a"} <= set(colours.values())
    assert ran.values("tasks", "hex_color", "id") == {t: c or None for t, c in colours.items()}
    assert audit_rules(run_dir, "tasks", "hex_color") == {
        str(t): {"empty_to_null"} for t, c in colours.items() if c == ""
    }
    assert tasks["done"] == tasks["index"] == "bigint"
    for column in ("done_at", "due_date", "start_date", "created"):
        assert tasks[column] == "timestamp without time zone", column
        assert ran.values("tasks", column, "id") == {
            t: None if at is None else datetime.fromisoformat(at)
            for t, at in written("tasks", column).items()
        }
    assert None in written("tasks", "done_at").values()

    # Each creator and owner is a user: users 1..4, which the projects, views, labels and attachments
    # keyed from 1 hold too, chosen by the name's role; a cover image 0 for none.
    for table, column in (
        ("tasks", "created_by_id"),
        ("labels", "created_by_id"),
        ("buckets", "created_by_id"),
        ("task_attachments", "created_by_id"),
        ("projects", "owner_id"),
    ):
        assert columns[table][column]["foreign_key"] == "users.id", (
            table,
            column,
            columns[table][column]["notes"],
        )
    for table, column, parent in (
        ("tasks", "project_id", "projects.id"),
        ("task_buckets", "bucket_id", "buckets.id"),
        ("task_buckets", "task_id", "tasks.id"),
        ("task_positions", "project_view_id", "project_views.id"),
        ("tasks", "cover_image_attachment_id", "task_attachments.id"),
    ):
        assert columns[table][column]["foreign_key"] == parent, (table, column)
    assert columns["tasks"]["index"]["foreign_key"] is None
    assert ran.values("tasks", "cover_image_attachment_id", "id") == written(
        "tasks", "cover_image_attachment_id"
    )


def test_nix_store_reads_registration_seconds_and_finds_each_deriver_among_its_paths(
    run_export: Runner,
) -> None:
    """A Nix store's ``db.sqlite`` (its ``schema.sql``): ``registrationTime`` Unix seconds are
    instants, each audited; ``deriver``, a ``.drv`` store path, refers to ``ValidPaths.path`` (a text
    column unique by itself beside the integer key); ``Refs`` and ``DerivationOutputs.drv`` are the
    references the schema declares, and ``DerivationOutputs.path``, in a table declaring its own, is
    none (an output not built yet names no valid path). ``ultimate`` 1 or NULL stays integer, as
    declared; hashes, signatures and content addresses are text as written."""
    rows = apps.nix_store_rows()
    ran, run_dir = run_export(apps.nix_store)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert references(run_dir) == {
        ("ValidPaths", "deriver"): "ValidPaths.path",
        ("Refs", "referrer"): "ValidPaths.id",
        ("Refs", "reference"): "ValidPaths.id",
        ("DerivationOutputs", "drv"): "ValidPaths.id",
    }
    schema = ran.record["version_schema"]
    assert primary_key(ran.uri, schema, "Refs") == ["referrer", "reference"]
    assert primary_key(ran.uri, schema, "DerivationOutputs") == ["drv", "id"]

    column = {name: i for i, name in enumerate(apps.NIX_COLUMNS)}
    paths = {row[0]: row for row in rows["ValidPaths"]}
    assert set(apps.NIX_COLLECTED).isdisjoint(paths) and max(paths) > len(paths)
    assert ran.types("ValidPaths") == {
        "id": "bigint",
        "path": "text",
        "hash": "text",
        "registrationTime": "timestamp with time zone",
        "deriver": "text",
        "narSize": "bigint",
        "ultimate": "bigint",
        "sigs": "text",
        "ca": "text",
    }
    assert ran.values("ValidPaths", "registrationTime", "id") == {
        n: UNIX_EPOCH + timedelta(seconds=row[column["registrationTime"]]) for n, row in paths.items()
    }
    assert audit_rules(run_dir, "ValidPaths", "registrationTime") == {
        str(n): {"epoch:seconds"} for n in paths
    }
    for name in ("path", "hash", "deriver", "narSize", "ultimate", "sigs", "ca"):
        assert ran.values("ValidPaths", name, "id") == {n: row[column[name]] for n, row in paths.items()}, (
            name
        )
    assert {row[column["ultimate"]] for row in paths.values()} == {1, None}
    assert any(" " in (row[column["sigs"]] or "") for row in paths.values())

    outputs = rows["DerivationOutputs"]
    valid = {row[column["path"]] for row in paths.values()}
    assert any(path not in valid for _, _, path in outputs)
    assert ran.types("DerivationOutputs") == {"drv": "bigint", "id": "text", "path": "text"}
    found = pg_query(
        ran.uri, f'SELECT drv, id, path FROM {quote_ident(ran.base)}."DerivationOutputs" ORDER BY drv, id'
    )
    assert [tuple(row) for row in found] == sorted(tuple(row) for row in outputs)
    assert ran.types("Refs") == {"referrer": "bigint", "reference": "bigint"}
    assert any(referrer == reference for referrer, reference in rows["Refs"])


def test_syncthing_folder_finds_its_blocks_block_lists_by_their_sha256_bytes_and_keeps_nanoseconds(
    run_export: Runner,
) -> None:
    """A Syncthing 2 folder's index database: ``blocks.blocklist_hash``, a SHA-256 of 32 bytes in a
    BLOB, names ``blocklists`` keyed by the same bytes, declared nowhere: a reference found in the data
    (until 2026-12-05 only integer and text columns were searched, and none was found); ``files``
    declares its references, so its own ``blocklist_hash`` is searched for none. ``modified`` and the
    ``mtimes``' Unix nanoseconds stay bigint as written (``modified``, a date word, with the instant's
    note); every hash and protobuf arrives byte for byte; the local device's ``index_id`` ``''``, as
    the trigger writes it, is NULL, audited; the triggers' counts are loaded as they left them."""
    rows = apps.syncthing_rows()
    ran, run_dir = run_export(apps.syncthing_folder)
    con = sqlite3.connect(ran.db)
    try:
        written = {
            table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (*rows, "indexids", "counts")
        }
        counts = con.execute(
            "SELECT device_idx, type, local_flags, deleted, count, size FROM counts"
        ).fetchall()
    finally:
        con.close()
    assert {table: written[table] for table in rows} == {table: len(values) for table, values in rows.items()}
    assert written["indexids"] == apps.SYNCTHING_DEVICES
    loaded_cleanly(ran, run_dir, written)
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == 100.0
    assert references(run_dir) == {
        ("files", "device_idx"): "devices.idx",
        ("files", "name_idx"): "file_names.idx",
        ("files", "version_idx"): "file_versions.idx",
        ("fileinfos", "sequence"): "files.sequence",
        ("indexids", "device_idx"): "devices.idx",
        ("counts", "device_idx"): "devices.idx",
        ("blocks", "blocklist_hash"): "blocklists.blocklist_hash",
        ("mtimes", "name"): "file_names.name",
    }

    files = {row[1]: row for row in rows["files"]}
    assert ran.types("files")["modified"] == ran.types("mtimes")["ondisk"] == "bigint"
    assert ran.values("files", "modified", "sequence") == {n: row[5] for n, row in files.items()}
    notes = " ".join(profiled(run_dir)["columns"]["files"]["modified"]["notes"])
    assert 'to_timestamp("modified" / 1000000000.0)' in notes, notes
    assert ran.types("files")["blocklist_hash"] == ran.types("blocks")["blocklist_hash"] == "bytea"
    assert {
        n: None if h is None else bytes(h)
        for n, h in ran.values("files", "blocklist_hash", "sequence").items()
    } == {n: row[10] for n, row in files.items()}
    relation = f"{quote_ident(ran.base)}.blocks"
    assert sorted(
        (bytes(h), bytes(b), i)
        for h, b, i in pg_query(ran.uri, f"SELECT hash, blocklist_hash, idx FROM {relation}")
    ) == sorted(row[:3] for row in rows["blocks"])
    assert {n: bytes(b) for n, b in ran.values("fileinfos", "fiprotobuf", "sequence").items()} == dict(
        rows["fileinfos"]
    )
    assert ran.types("files")["deleted"] == "bigint"
    assert ran.values("file_names", "name", "idx") == dict(rows["file_names"])
    assert ran.values("file_versions", "version", "idx") == dict(rows["file_versions"])
    assert ran.values("indexids", "index_id", "device_idx") == {
        1: None,
        **{d: apps.syncthing_index_id(d) for d in range(2, apps.SYNCTHING_DEVICES + 1)},
    }
    assert audit_rules(run_dir, "indexids", "index_id") == {"1": {"empty_to_null"}}
    relation = f"{quote_ident(ran.base)}.counts"
    loaded = pg_query(ran.uri, f"SELECT device_idx, type, local_flags, deleted, count, size FROM {relation}")
    assert sorted(tuple(row) for row in loaded) == sorted(counts)


def test_grocy_household_reads_its_pdo_decimals_as_amounts_and_its_never_expires_date_and_finds_its_shops(
    run_export: Runner,
) -> None:
    """A Grocy household's ``grocy.db`` as its PHP services write it through PDO (every value bound as
    text, the affinity deciding): ``DECIMAL(15, 2)`` amounts (INTEGER when whole, REAL otherwise)
    arrive as numeric at two places, unit prices (a purchase's price over its amount, PHP's 14
    significant digits: ``0.33333333333333``) at fourteen, every digit as written; best-before dates,
    Grocy's never-expires ``2999-12-31`` among them, and an opened date under ``DATETIME`` are dates;
    wall-clock ``DATETIME`` text (an API key valid until ``2999-12-31 23:59:59``) is timestamps; a
    battery's id written as text into ``battery_charge_cycles.battery_id TEXT`` refers to it; barcodes
    with leading zeros and ``uniqid()`` stock ids stay text. References none
    declares are found: ``shopping_location_id`` names ``shopping_locations``, not ``locations`` keyed
    alike, ``field_id`` names ``userfields``, and a chore's ``period_interval`` (1 or 2 weeks) is no
    reference to the household's three users; exit 0."""
    rows = apps.grocy_rows()
    ran, run_dir = run_export(apps.grocy_household)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    users, products, shops = "users.id", "products.id", "shopping_locations.id"
    assert references(run_dir) == {
        ("api_keys", "user_id"): users,
        ("user_settings", "user_id"): users,
        ("products", "product_group_id"): "product_groups.id",
        ("products", "location_id"): "locations.id",
        ("products", "shopping_location_id"): shops,
        ("product_barcodes", "product_id"): products,
        ("stock", "product_id"): products,
        ("stock", "location_id"): "locations.id",
        ("stock", "shopping_location_id"): shops,
        ("stock_log", "product_id"): products,
        ("stock_log", "location_id"): "locations.id",
        ("stock_log", "stock_row_id"): "stock.id",
        ("stock_log", "shopping_location_id"): shops,
        ("stock_log", "user_id"): users,
        ("shopping_list", "product_id"): products,
        ("chores", "next_execution_assigned_to_user_id"): users,
        ("chores", "product_id"): products,
        ("chores_log", "chore_id"): "chores.id",
        ("chores_log", "done_by_user_id"): users,
        ("battery_charge_cycles", "battery_id"): "batteries.id",
        ("tasks", "assigned_to_user_id"): users,
        ("userfield_values", "field_id"): "userfields.id",
    }
    assert {row[15] for row in rows["chores"]} == {"1", "2"}  # period_interval: 2 of 3 user keys

    def declared(table: str) -> dict[str, str]:
        return pg_column_types(ran.uri, ran.record["version_schema"], table)

    def at(text: str | None, scale: int) -> str | None:
        """The numeric's text: the decimal PHP bound, at the column's scale."""
        return None if text is None else str(Decimal(text).quantize(Decimal(1).scaleb(-scale)))

    stock, log = declared("stock"), declared("stock_log")
    assert stock["amount"] == log["amount"] == declared("shopping_list")["amount"] == "numeric(18,2)"
    assert stock["price"] == log["price"] == "numeric(18,14)"
    assert declared("product_barcodes")["last_price"] == "numeric(18,2)"
    for table, scale in (("stock", 2), ("stock_log", 2), ("shopping_list", 2)):
        column = "amount"
        assert ran.values(table, column, "id") == {
            int(row[0]): at(row[3 if table == "shopping_list" else 2], scale) for row in rows[table]
        }, table
    for table, place in (("stock", 6), ("stock_log", 9)):
        assert ran.values(table, "price", "id") == {int(row[0]): at(row[place], 14) for row in rows[table]}, (
            table
        )
    prices = {row[6] for row in rows["stock"]}
    assert {"0.33333333333333", "0.665", "2.5"} <= prices and None in prices
    assert {row[2] for row in rows["stock_log"]} >= {"-1.5", "-125", "-3"}
    assert ran.values("product_barcodes", "last_price", "id") == {
        int(row[0]): at(row[6], 2) for row in rows["product_barcodes"]
    }

    assert stock["best_before_date"] == stock["purchased_date"] == stock["opened_date"] == "date"
    assert log["best_before_date"] == log["used_date"] == "date"
    best_before = ran.values("stock", "best_before_date", "id")
    assert best_before == {int(row[0]): date.fromisoformat(row[3]) for row in rows["stock"]}
    assert date(2999, 12, 31) in best_before.values()
    assert ran.values("stock", "opened_date", "id") == {
        int(row[0]): None if row[8] is None else date.fromisoformat(row[8]) for row in rows["stock"]
    }
    wall_clock = "timestamp without time zone"
    assert stock["row_created_timestamp"] == log["undone_timestamp"] == wall_clock
    assert declared("chores_log")["tracked_time"] == declared("api_keys")["expires"] == wall_clock
    assert ran.values("chores_log", "tracked_time", "id") == {
        int(row[0]): datetime.fromisoformat(row[2]) for row in rows["chores_log"]
    }
    expires = ran.values("api_keys", "expires", "id")
    assert expires == {int(row[0]): datetime.fromisoformat(row[3]) for row in rows["api_keys"]}
    assert datetime(2999, 12, 31, 23, 59, 59) in expires.values()
    assert declared("tasks")["due_date"] == "date"

    cycles = declared("battery_charge_cycles")
    assert cycles["battery_id"] == "bigint"
    assert ran.values("battery_charge_cycles", "battery_id", "id") == {
        int(row[0]): int(row[1]) for row in rows["battery_charge_cycles"]
    }
    assert declared("product_barcodes")["barcode"] == stock["stock_id"] == "text"
    barcodes = ran.values("product_barcodes", "barcode", "id")
    assert barcodes == {int(row[0]): row[2] for row in rows["product_barcodes"]}
    assert "0012345678905" in barcodes.values()
    stock_ids = ran.values("stock", "stock_id", "id")
    assert stock_ids == {int(row[0]): row[5] for row in rows["stock"]}
    assert declared("chores")["period_interval"] == "bigint"
    assert ran.values("userfield_values", "value", "id") == {
        int(row[0]): row[3] for row in rows["userfield_values"]
    }


def test_trilium_document_reads_both_its_clocks_as_instants_and_keeps_html_and_images_in_one_blob_column(
    run_export: Runner,
) -> None:
    """A Trilium Notes ``document.db``: every moment written twice, local time with milliseconds and an
    offset without a colon (``2024-03-04 09:15:00.000+0100``, ``+0200`` in summer) and UTC with a
    ``Z``, arrives as timestamptz, both the same instant to the millisecond; ``blobs.content``
    (declared ``TEXT``) holds a text note's HTML as TEXT beside an image's PNG bytes as a BLOB: bytea,
    the HTML its UTF-8 bytes, the PNG byte for byte; the references none declares are found (a
    branch's note and parent, a note's and a revision's blob); an entity change's ``componentId`` of
    ``NA`` (none) is NULL, audited; exit 0."""
    rows = apps.trilium_rows()
    ran, run_dir = run_export(apps.trilium_document)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    notes, blobs = "notes.noteId", "blobs.blobId"
    assert references(run_dir) == {
        ("branches", "noteId"): notes,
        ("branches", "parentNoteId"): notes,
        ("notes", "blobId"): blobs,
        ("revisions", "noteId"): notes,
        ("revisions", "blobId"): blobs,
        ("attributes", "noteId"): notes,
    }
    instant = "timestamp with time zone"
    types = ran.types("notes")
    for column, place in (
        ("dateCreated", 7),
        ("dateModified", 8),
        ("utcDateCreated", 9),
        ("utcDateModified", 10),
    ):
        assert types[column] == instant, column
        assert ran.values("notes", column, "noteId") == {
            row[0]: datetime.fromisoformat(row[place]) for row in rows["notes"]
        }, column
    created = ran.values("notes", "dateCreated", "noteId")
    assert created == ran.values("notes", "utcDateCreated", "noteId")
    assert {row[7][-5:] for row in rows["notes"]} == {"+0100", "+0200"}
    assert any(moment.microsecond for moment in created.values())
    assert ran.types("blobs")["content"] == "bytea"
    contents = {key: bytes(value) for key, value in ran.values("blobs", "content", "blobId").items()}
    assert contents == {
        row[0]: row[1] if isinstance(row[1], bytes) else row[1].encode() for row in rows["blobs"]
    }
    assert any(isinstance(row[1], bytes) for row in rows["blobs"]) and any(
        isinstance(row[1], str) and "\u00a0" in row[1] for row in rows["blobs"]
    )
    assert ran.types("branches")["notePosition"] == "bigint"
    assert ran.values("branches", "notePosition", "branchId") == {row[0]: row[3] for row in rows["branches"]}
    assert audit_rules(run_dir, "entity_changes", "componentId") == {
        str(row[0]): {"null_like_to_null"} for row in rows["entity_changes"] if row[6] == "NA"
    }


def test_grist_document_reads_its_epoch_dates_keeps_its_marshalled_cells_and_no_sort_position_refers(
    run_export: Runner,
) -> None:
    """A Grist document's ``.grist`` file as DocStorage writes it: a Date's epoch seconds of midnight
    UTC (INTEGER under ``DATE``) arrive as that day, each audited ``epoch:seconds``; a DateTime's REAL
    epoch seconds stay double precision, every digit (the note says ``to_timestamp``); ``BOOLEAN`` 0/1
    is boolean; a Numeric of short decimals is numeric, each the double it was; a column holding a
    marshalled BLOB (a Date's unparsed text, a formula's error, an ``Any`` list) is bytea, those bytes
    byte for byte; ChoiceList, RefList and Attachments JSON arrive as written, a code with its leading
    zero as text; a Ref's 0 is "no reference", ``Tasks.Project`` → ``Projects.id`` found, and
    ``manualSort``, each row's own key, refers to no other table whose keys it fits (until 2026-12-05
    ``People.manualSort`` 1..12 referred to ``Projects.id`` 1..20); exit 0."""
    rows = apps.grist_rows()
    ran, run_dir = run_export(apps.grist_document)
    counts = {table: len(values) for table, values in rows.items()}
    loaded_cleanly(ran, run_dir, {**counts, "_gristsys_Action": 0, "_gristsys_PluginData": 0})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    found = references(run_dir)
    assert found[("Tasks", "Project")] == "Projects.id"
    assert found[("_grist_Attachments", "fileIdent")] == "_gristsys_Files.ident"
    assert all(column != "manualSort" for _, column in found), found
    notes = profiled(run_dir)["columns"]["People"]["manualSort"]["notes"]
    assert any("its own table's keys" in note for note in notes), notes
    tasks = ran.types("Tasks")
    assert {column: tasks[column] for column in ("manualSort", "Hours", "Project")} == dict.fromkeys(
        ("manualSort", "Hours", "Project"), "bigint"
    )
    assert (tasks["Due"], tasks["Done"], tasks["Created"], tasks["Amount"]) == (
        "date",
        "boolean",
        "double precision",
        "numeric",
    )
    assert tasks["Reviewed"] == tasks["Total"] == tasks["Mixed"] == "bytea"
    assert tasks["Title"] == tasks["Tags"] == tasks["Watchers"] == tasks["Files"] == "text"
    by_id = {row[0]: row for row in rows["Tasks"]}
    assert ran.values("Tasks", "Due", "id") == {n: apps.grist_due(n) for n in by_id}
    assert audit_rules(run_dir, "Tasks", "Due") == {
        str(n): {"epoch:seconds"} for n in by_id if apps.grist_due(n) is not None
    }
    # The day each Date names, computed apart: its midnight UTC's seconds divided by a day's.
    assert all(
        row[3] is None or date(1970, 1, 1) + timedelta(days=row[3] // 86_400) == apps.grist_due(n)
        for n, row in by_id.items()
    )
    assert ran.values("Tasks", "Created", "id") == {n: apps.grist_created(n) for n in by_id}
    assert ran.values("Tasks", "Done", "id") == {n: n % 3 == 0 for n in by_id}
    amounts = {n: None if v is None else Decimal(v) for n, v in ran.values("Tasks", "Amount", "id").items()}
    assert {n: None if v is None else float(v) for n, v in amounts.items()} == {
        n: apps.grist_amount(n) for n in by_id
    }
    assert Decimal("12.345") in amounts.values()
    marshalled = {
        (n, column): row[place]
        for n, row in by_id.items()
        for column, place in (("Reviewed", 4), ("Total", 13), ("Mixed", 14))
        if isinstance(row[place], bytes)
    }
    assert len({column for _, column in marshalled}) == 3
    for (n, column), blob in marshalled.items():
        assert bytes(ran.values("Tasks", column, "id")[n]) == blob, (n, column)
    assert ran.values("Tasks", "Tags", "id") == {n: row[10] for n, row in by_id.items()}
    assert "[]" in {row[10] for row in by_id.values()}
    assert ran.values("Tasks", "Title", "id") == {n: arrives_as(row[2]) for n, row in by_id.items()}
    assert ran.values("Tasks", "Project", "id") == {n: row[9] for n, row in by_id.items()}
    assert 0 in {row[9] for row in by_id.values()}
    projects = ran.types("Projects")
    assert (projects["Start"], projects["Active"], projects["Budget"]) == ("date", "boolean", "numeric")
    assert ran.types("People")["Zip"] == "text"
    assert ran.values("People", "Zip", "id") == {row[0]: row[5] for row in rows["People"]}
    assert ran.values("People", "manualSort", "id") == {row[0]: row[0] for row in rows["People"]}
    files = {n: bytes(v) for n, v in ran.values("_gristsys_Files", "data", "id").items()}
    assert files == {row[0]: row[2] for row in rows["_gristsys_Files"]}
    bodies = {n: bytes(v) for n, v in ran.values("_gristsys_ActionHistory", "body", "id").items()}
    assert bodies == {row[0]: row[4] for row in rows["_gristsys_ActionHistory"]}
    attachments = ran.types("_grist_Attachments")
    assert (attachments["timeUploaded"], attachments["fileSize"]) == ("double precision", "bigint")


def test_koreader_statistics_read_the_last_opening_and_each_page_turn_as_instants(run_export: Runner) -> None:
    """KOReader's ``statistics.sqlite3`` as its statistics plugin creates it: a book's ``last_open`` and
    each page turn's ``start_time``, Unix seconds of Lua's ``os.time()``, arrive as timestamptz, each
    cell audited ``epoch:seconds`` (until 2026-12-05 ``last_open`` stayed bigint beside them); a turn's
    ``duration`` and pages stay bigint; ``id_book`` → ``book.id`` as declared, and nothing refers to
    the ``numbers`` 1..1000 the ``page_stat`` view rescales pages over (its table declares its
    reference, and the view is not loaded); ``'N/A'`` is NULL, audited (a null token in a column of
    names); a title MuPDF ended with a NUL byte arrives without it, audited, beside the same book read
    without one; the partial MD5s arrive as written; exit 0."""
    rows = apps.koreader_rows()
    ran, run_dir = run_export(apps.koreader_statistics)
    loaded_cleanly(
        ran,
        run_dir,
        {"book": len(rows["book"]), "page_stat_data": len(rows["page_stat_data"]), "numbers": 1000},
    )
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert references(run_dir) == {("page_stat_data", "id_book"): "book.id"}
    book, turns = ran.types("book"), ran.types("page_stat_data")
    assert (book["last_open"], turns["start_time"]) == ("timestamp with time zone",) * 2
    assert turns["duration"] == turns["page"] == turns["total_pages"] == book["pages"] == "bigint"
    assert ran.values("book", "last_open", "id") == {
        n: UNIX_EPOCH + timedelta(seconds=apps.koreader_last_open(n)) for n in range(1, len(rows["book"]) + 1)
    }
    assert audit_rules(run_dir, "book", "last_open") == {
        str(row[0]): {"epoch:seconds"} for row in rows["book"]
    }
    starts = {(row[0], row[1], row[2]) for row in rows["page_stat_data"]}
    assert {
        (b, p, int((at - UNIX_EPOCH).total_seconds()))
        for b, p, at in pg_query(
            ran.uri, f'SELECT id_book, page, start_time FROM "{ran.base}".page_stat_data'
        )
    } == starts
    by_id = {row[0]: row for row in rows["book"]}
    assert ran.values("book", "authors", "id") == {
        n: None if row[2] in ("N/A", "") else row[2].replace("\0", "") for n, row in by_id.items()
    }
    assert "N/A" in {row[2] for row in by_id.values()}
    titles = ran.values("book", "title", "id")
    with_nul = [n for n, row in by_id.items() if "\0" in row[1]]
    assert len(with_nul) == 1 and titles[with_nul[0]] == by_id[with_nul[0]][1].replace("\0", "")
    assert audit_rules(run_dir, "book", "title") == {str(with_nul[0]): {"nul_removed"}}
    assert audit_rules(run_dir, "book", "authors") == {
        **{str(n): {"null_like_to_null"} for n, row in by_id.items() if row[2] == "N/A"},
        **{str(n): {"nul_removed"} for n, row in by_id.items() if "\0" in row[2]},
        **{str(n): {"empty_to_null"} for n, row in by_id.items() if row[2] == ""},
    }
    assert ran.values("book", "md5", "id") == {n: row[9] for n, row in by_id.items()}


def test_gatus_go_time_strings_load_as_instants_or_stay_text_with_nanoseconds(run_export: Runner) -> None:
    """A Gatus uptime monitor's ``gatus.db``: modernc.org/sqlite binds each ``time.Time`` as its
    ``String()`` (``2024-05-20 14:01:06.123456 +0000 UTC``). Written on macOS (a clock of microseconds)
    the results' and events' times are instants, each cell audited by Go's format; written on Linux
    (nanoseconds) they are finer than a timestamp holds and stay text, every value as written, with
    no type mismatch charged and no halt. Exit 0 either way, every cell checked."""
    go = {f"date_format:{GO_TIME_FORMAT}"}
    for build, fine in ((apps.gatus_macos, False), (apps.gatus_linux, True)):
        rows = apps.gatus_rows(nanoseconds=fine)
        ran, run_dir = run_export(build)
        loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
        assert (ran.code, ran.record["outcome"]) == (0, "done"), build.__name__
        results = {row[0]: row for row in rows["endpoint_results"]}
        events = {row[0]: row for row in rows["endpoint_events"]}
        profile = profiled(run_dir)["columns"]
        for table, column in (("endpoint_results", "timestamp"), ("endpoint_events", "event_timestamp")):
            issues = [issue["kind"] for issue in profile[table][column]["issues"]]
            assert "type_mismatch" not in issues or not fine, (table, issues)
        if fine:
            assert ran.types("endpoint_results")["timestamp"] == "text"
            assert ran.types("endpoint_events")["event_timestamp"] == "text"
            assert ran.values("endpoint_results", "timestamp", "endpoint_result_id") == {
                key: row[12] for key, row in results.items()
            }
            assert all(len(row[12].split(" ")[1].split(".")[1]) > 6 for row in results.values())
            assert audit_rules(run_dir, "endpoint_results", "timestamp") == {}
            for table, column in (("endpoint_results", "timestamp"), ("endpoint_events", "event_timestamp")):
                assert profile[table][column]["issues"] == [], (table, column)
        else:
            assert ran.types("endpoint_results")["timestamp"] == "timestamp with time zone"
            assert ran.types("endpoint_events")["event_timestamp"] == "timestamp with time zone"
            # The instant each text names, read by Python with its zone's name cut off.
            assert ran.values("endpoint_results", "timestamp", "endpoint_result_id") == {
                key: datetime.strptime(row[12].removesuffix(" UTC"), "%Y-%m-%d %H:%M:%S.%f %z")
                for key, row in results.items()
            }
            assert ran.values("endpoint_events", "event_timestamp", "endpoint_event_id") == {
                key: datetime.strptime(row[3].removesuffix(" UTC"), "%Y-%m-%d %H:%M:%S.%f %z")
                for key, row in events.items()
            }
            assert audit_rules(run_dir, "endpoint_results", "timestamp") == {str(key): go for key in results}
            assert audit_rules(run_dir, "endpoint_events", "event_timestamp") == {
                str(key): go for key in events
            }
        assert (ran.record["warnings"], ran.record["quality_before"]) == ([], 100.0)
        # Go's durations are nanoseconds (bigint, as written); the uptime's hour is Unix seconds.
        assert ran.types("endpoint_results")["duration"] == "bigint"
        assert ran.values("endpoint_results", "duration", "endpoint_result_id") == {
            key: row[11] for key, row in results.items()
        }
        assert ran.values("endpoint_uptimes", "hour_unix_timestamp", "endpoint_uptime_id") == {
            row[0]: UNIX_EPOCH + timedelta(seconds=row[2]) for row in rows["endpoint_uptimes"]
        }
        assert ran.values("endpoint_results", "errors", "endpoint_result_id") == {
            key: row[3] or None for key, row in results.items()
        }


def test_komga_reads_jooq_timestamps_keeps_sizes_and_blobs_and_finds_its_declared_references(
    run_export: Runner,
) -> None:
    rows = apps.komga_rows()
    ran, run_dir = run_export(apps.komga_server)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    # PAGE_HASH's key (HASH, MEDIA_TYPE, SIZE) declares SIZE int8 NULL, NULL for a page whose size was
    # never read: SQLite keeps rows with a NULL in it apart, as a UNIQUE does, so it names no row by them
    # and is passed over (the key is one found in the data). Until 2026-12-05 it was the key: "plain
    # index instead of a primary key", exit 2, on every such database.
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0
    schema = ran.record["version_schema"]
    assert primary_key(ran.uri, schema, "PAGE_HASH") == ["HASH"]
    assert None in {row[2] for row in rows["PAGE_HASH"]}
    hashes = pg_query(ran.uri, f'SELECT "HASH", "SIZE" FROM {quote_ident(ran.base)}."PAGE_HASH"')
    assert sorted(hashes) == sorted((row[0], row[2]) for row in rows["PAGE_HASH"])
    assert primary_key(ran.uri, schema, "MEDIA_PAGE") == ["BOOK_ID", "NUMBER"]
    assert primary_key(ran.uri, schema, "READ_PROGRESS") == ["BOOK_ID", "USER_ID"]

    # jOOQ's Timestamp.toString() text (``.0``, ``.5``, ``.123456``): naive timestamps, to the
    # microsecond; a release date a date.
    books = ran.types("BOOK")
    for table, column in (
        ("BOOK", "CREATED_DATE"),
        ("BOOK", "FILE_LAST_MODIFIED"),
        ("BOOK", "DELETED_DATE"),
        ("BOOK_METADATA", "LAST_MODIFIED_DATE"),
        ("READ_PROGRESS", "READ_DATE"),
        ("SERIES", "DELETED_DATE"),
        ("LIBRARY", "UNAVAILABLE_DATE"),
    ):
        assert ran.types(table)[column] == "timestamp without time zone", (table, column)
    ids = [row[0] for row in rows["BOOK"]]
    assert ran.values("BOOK", "CREATED_DATE", "ID") == {
        bid: apps.komga_book_moment(b) for b, bid in enumerate(ids, start=1)
    }
    assert {row[1][-2:] for row in rows["BOOK"]} >= {".0", ".5", "56"}
    assert ran.types("BOOK_METADATA")["RELEASE_DATE"] == "date"
    assert ran.values("BOOK_METADATA", "RELEASE_DATE", "BOOK_ID") == {
        row[7]: None if row[4] is None else date.fromisoformat(row[4]) for row in rows["BOOK_METADATA"]
    }
    # Sizes beyond 2^32 and page dimensions integers, NULL where unknown; a book's number as written
    # (``002``, ``1.5``, ``3a``) beside its REAL sort key.
    assert books["FILE_SIZE"] == ran.types("MEDIA_PAGE")["FILE_SIZE"] == "bigint"
    assert ran.values("BOOK", "FILE_SIZE", "ID") == {row[0]: row[7] for row in rows["BOOK"]}
    assert max(row[7] for row in rows["BOOK"]) > 2**32
    pages = {(row[3], row[2]): row for row in rows["MEDIA_PAGE"]}
    loaded_pages = pg_query(
        ran.uri, f'SELECT "BOOK_ID", "NUMBER", "WIDTH", "FILE_SIZE" FROM {quote_ident(ran.base)}."MEDIA_PAGE"'
    )
    assert {(b, n): (w, size) for b, n, w, size in loaded_pages} == {
        key: (row[4], row[7]) for key, row in pages.items()
    }
    assert None in {row[4] for row in pages.values()}
    metadata = ran.types("BOOK_METADATA")
    assert (metadata["NUMBER"], metadata["NUMBER_SORT"]) == ("text", "double precision")
    assert ran.values("BOOK_METADATA", "NUMBER", "BOOK_ID") == {
        row[7]: row[2] for row in rows["BOOK_METADATA"]
    }
    assert {"002", "1.5", "3a"} <= {row[2] for row in rows["BOOK_METADATA"]}
    assert ran.values("BOOK_METADATA", "NUMBER_SORT", "BOOK_ID") == {
        row[7]: row[3] for row in rows["BOOK_METADATA"]
    }
    # ISBNs of 13 digits, '' for none: each ISBN as written, '' made NULL by the documented rule.
    isbns = ran.values("BOOK_METADATA", "ISBN", "BOOK_ID")
    assert {bid: None if isbn is None else str(isbn) for bid, isbn in isbns.items()} == {
        row[7]: row[8] or None for row in rows["BOOK_METADATA"]
    }
    # Booleans 0/1; a file hash of 32 hex digits text, '' (not hashed yet) NULL.
    assert ran.types("READ_PROGRESS")["COMPLETED"] == ran.types("THUMBNAIL_BOOK")["SELECTED"] == "boolean"
    assert books["FILE_HASH"] == "text"
    assert ran.values("BOOK", "FILE_HASH", "ID") == {row[0]: row[10] or None for row in rows["BOOK"]}
    # JPEG thumbnails and a reader's locator JSON: bytea, byte for byte.
    assert ran.types("THUMBNAIL_BOOK")["THUMBNAIL"] == ran.types("READ_PROGRESS")["locator"] == "bytea"
    assert {k: bytes(v) for k, v in ran.values("THUMBNAIL_BOOK", "THUMBNAIL", "ID").items()} == {
        row[0]: row[1] for row in rows["THUMBNAIL_BOOK"]
    }
    # Every reference Komga declares is found, its TSIDs text.
    columns = profiled(run_dir)["columns"]
    for table, column, parent in (
        ("SERIES", "LIBRARY_ID", "LIBRARY.ID"),
        ("BOOK", "SERIES_ID", "SERIES.ID"),
        ("BOOK", "LIBRARY_ID", "LIBRARY.ID"),
        ("BOOK_METADATA", "BOOK_ID", "BOOK.ID"),
        ("MEDIA_PAGE", "BOOK_ID", "BOOK.ID"),
        ("READ_PROGRESS", "BOOK_ID", "BOOK.ID"),
        ("READ_PROGRESS", "USER_ID", "USER.ID"),
        ("THUMBNAIL_BOOK", "BOOK_ID", "BOOK.ID"),
    ):
        assert columns[table][column]["foreign_key"] == parent, (
            table,
            column,
            columns[table][column]["notes"],
        )


def test_kavita_keeps_ef_core_ticks_as_written_reads_min_value_dates_and_keeps_its_float_numbers(
    run_export: Runner,
) -> None:
    rows = apps.kavita_rows()
    ran, run_dir = run_export(apps.kavita_server)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0
    columns = profiled(run_dir)["columns"]

    def written(table: str, position: int) -> dict[Any, Any]:
        return {row[0]: row[position] for row in rows[table]}

    # EF Core's DateTime text carries .NET's seven digits of ticks: a timestamp would round the
    # seventh (docs/profiling.md, "Fractions finer than a microsecond"), so each such column is text,
    # every value as written; so is a DateTimeOffset's.
    chapters = ran.types("Chapter")
    for position, column in enumerate(("Created", "LastModified", "CreatedUtc", "LastModifiedUtc"), start=4):
        assert chapters[column] == "text", column
        assert ran.values("Chapter", column, "Id") == written("Chapter", position)
        assert "finer than the microseconds" in columns["Chapter"][column]["type_reason"]
    assert ran.types("Library")["LastScanned"] == ran.types("AspNetUsers")["LockoutEnd"] == "text"
    assert ran.values("Library", "LastScanned", "Id") == written("Library", 7)
    assert ran.values("AspNetUsers", "LockoutEnd", "Id") == written("AspNetUsers", 7)
    assert ran.values("AspNetUsers", "LastActive", "Id") == written("AspNetUsers", 2)
    # A release date of whole seconds is a timestamp; .NET's DateTime.MinValue (Kavita's "unknown")
    # arrives as the year 1 it writes, no NULL made of it.
    assert chapters["ReleaseDate"] == "timestamp without time zone"
    released = written("Chapter", 10)
    assert apps.KAVITA_NEVER in released.values()
    assert ran.values("Chapter", "ReleaseDate", "Id") == {
        c: datetime.fromisoformat(text) for c, text in released.items()
    }
    # Volume and chapter numbers REAL: doubles, the loose leaf's -100000 and the specials' 100000 and
    # up among them; the chapter's parsed Number text as written (a range 1-2 beside 0.5, -100000).
    assert (
        ran.types("Volume")["MinNumber"]
        == chapters["MinNumber"]
        == chapters["SortOrder"]
        == "double precision"
    )
    assert ran.values("Volume", "MinNumber", "Id") == written("Volume", 1)
    assert -100_000.0 in written("Volume", 1).values()
    assert ran.values("Chapter", "SortOrder", "Id") == written("Chapter", 3)
    assert chapters["Number"] == "text"
    assert ran.values("Chapter", "Number", "Id") == written("Chapter", 1)
    assert {"1-2", "-100000", "1.5"} <= set(written("Chapter", 1).values())
    assert ran.types("AppUserRating")["Rating"] == "double precision"
    assert ran.values("AppUserRating", "Rating", "Id") == written("AppUserRating", 1)
    # A uint concurrency token up to 2^32 - 1: bigint; bools 0/1 stay the integers EF Core declares.
    assert ran.types("AspNetUsers")["RowVersion"] == "bigint"
    assert ran.values("AspNetUsers", "RowVersion", "Id") == written("AspNetUsers", 3)
    assert max(written("AspNetUsers", 3).values()) == 2**32 - 1
    assert ran.values("Chapter", "IsSpecial", "Id") == written("Chapter", 8)
    # Every foreign key EF Core declares is found.
    for table, column, parent in (
        ("Series", "LibraryId", "Library.Id"),
        ("Volume", "SeriesId", "Series.Id"),
        ("Chapter", "VolumeId", "Volume.Id"),
        ("AppUserProgresses", "ChapterId", "Chapter.Id"),
        ("AppUserProgresses", "AppUserId", "AspNetUsers.Id"),
        ("AppUserRating", "SeriesId", "Series.Id"),
        ("AppUserRating", "AppUserId", "AspNetUsers.Id"),
    ):
        assert columns[table][column]["foreign_key"] == parent, (table, column)


def test_jellyfin_reads_guid_empty_as_no_user_and_keeps_ticks_and_ef_core_times(run_export: Runner) -> None:
    rows = apps.jellyfin_rows()
    ran, run_dir = run_export(apps.jellyfin_server)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0
    columns = profiled(run_dir)["columns"]
    schema = ran.record["version_schema"]

    # The activity log's user is declared nowhere; .NET's Guid.Empty stands for an event no user caused
    # (a finished task): no orphan, no cost, left out of the share (5 users and the nil UUID: 83 % of
    # the values were keys, and until 2026-12-05 no reference was found).
    logged = columns["ActivityLogs"]["UserId"]
    nobody = [row for row in rows["ActivityLogs"] if row[4] == apps.JELLYFIN_NO_USER]
    assert logged["foreign_key"] == "Users.Id", logged["notes"]
    assert logged["no_reference_count"] == len(nobody) > 0
    assert logged["issues"] == [] and logged["quality"] == 100.0
    assert ran.values("ActivityLogs", "UserId", "Id") == {row[0]: row[4] for row in rows["ActivityLogs"]}
    # Declared references by GUID text, keys of several columns.
    for table, column, parent in (
        ("UserData", "ItemId", "BaseItems.Id"),
        ("UserData", "UserId", "Users.Id"),
        ("MediaStreamInfos", "ItemId", "BaseItems.Id"),
        ("BaseItems", "ParentId", "BaseItems.Id"),
    ):
        assert columns[table][column]["foreign_key"] == parent, (table, column)
    assert primary_key(ran.uri, schema, "UserData") == ["ItemId", "UserId", "CustomDataKey"]
    assert primary_key(ran.uri, schema, "MediaStreamInfos") == ["ItemId", "StreamIndex"]
    # Ticks are durations, not moments: integers as written.
    assert (
        ran.types("BaseItems")["RunTimeTicks"] == ran.types("UserData")["PlaybackPositionTicks"] == "bigint"
    )
    assert ran.values("BaseItems", "RunTimeTicks", "Id") == {row[0]: row[9] for row in rows["BaseItems"]}
    assert max(apps.JELLYFIN_RUNTIMES) > 2**32
    # EF Core's seven fraction digits: text, as written; a premiere date of whole seconds a timestamp.
    assert ran.types("ActivityLogs")["DateCreated"] == "text"
    assert ran.values("ActivityLogs", "DateCreated", "Id") == {row[0]: row[5] for row in rows["ActivityLogs"]}
    assert ran.types("BaseItems")["PremiereDate"] == "timestamp without time zone"
    assert ran.values("BaseItems", "PremiereDate", "Id") == {
        row[0]: None if row[7] is None else datetime.fromisoformat(row[7]) for row in rows["BaseItems"]
    }
    # Ratings and frame rates doubles; official ratings (``12`` beside ``PG-13``) text.
    assert ran.types("BaseItems")["CommunityRating"] == ran.types("MediaStreamInfos")["AverageFrameRate"]
    assert ran.types("BaseItems")["CommunityRating"] == "double precision"
    assert ran.types("BaseItems")["OfficialRating"] == "text"
    assert ran.values("BaseItems", "OfficialRating", "Id") == {row[0]: row[6] for row in rows["BaseItems"]}


def test_mixxx_keeps_its_track_location_ids_as_integers_found_in_the_data_and_every_cue_and_beat(
    run_export: Runner,
) -> None:
    # Mixxx declares library.location INTEGER REFERENCES track_locations(location), the column of
    # paths, and writes the location's id there: no value is a path (SQLite's foreign_key_check
    # reports every library row). The ids stay bigint, found in the data to reference
    # track_locations.id, no orphan counted (until 2026-12-05 they were loaded as text "to join" the
    # paths, every row an orphan: the column scored 0). Beside it: doubles for BPMs and durations, the
    # scanner's ISO instants with milliseconds and Z, track numbers with leading zeros as text, cue
    # positions in samples (halves kept), the beat grid and key map BLOBs byte for byte.
    rows = apps.mixxx_rows()
    ran, run_dir = run_export(apps.mixxx)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0
    names = apps.MIXXX_LIBRARY_COLUMNS
    columns = profiled(run_dir)["columns"]

    def written(column: str) -> dict[Any, Any]:
        return {row[0]: row[names.index(column)] for row in rows["library"]}

    library = ran.types("library")
    location = columns["library"]["location"]
    assert library["location"] == "bigint"
    assert location["foreign_key"] == "track_locations.id"
    assert location["quality"] == 100.0 and location["issues"] == []
    assert any("declared to reference track_locations(location)" in note for note in location["notes"])
    assert ran.values("library", "location", "id") == written("location")
    assert set(written("location").values()) == {row[0] for row in rows["track_locations"]}
    paths = {row[0]: row[1] for row in rows["track_locations"]}
    assert ran.values("track_locations", "location", "id") == paths
    for column in ("bpm", "duration", "replaygain", "replaygain_peak"):
        assert library[column] == "double precision", column
        assert ran.values("library", column, "id") == written(column), column
    assert library["tracknumber"] == library["year"] == library["key"] == "text"
    assert ran.values("library", "tracknumber", "id") == written("tracknumber")
    assert {"01", "003", "07"} <= set(written("tracknumber").values())
    assert ran.values("library", "key", "id") == written("key")
    assert library["datetime_added"] == "timestamp with time zone"
    assert ran.values("library", "datetime_added", "id") == {
        n: datetime.fromisoformat(at) for n, at in written("datetime_added").items()
    }
    for column in ("beats", "keys"):
        assert library[column] == "bytea", column
        found = ran.values("library", column, "id")
        assert {n: None if v is None else bytes(v) for n, v in found.items()} == written(column), column
    assert ran.values("library", "title", "id") == written("title")  # no-break spaces kept inside

    cues = ran.types("cues")
    assert cues["position"] == "double precision" and cues["length"] == "bigint"
    assert ran.values("cues", "position", "id") == {row[0]: row[3] for row in rows["cues"]}
    assert any(row[3] % 1 for row in rows["cues"])
    assert ran.values("cues", "label", "id") == {row[0]: row[6] or None for row in rows["cues"]}
    assert ran.types("Playlists")["date_created"] == "timestamp without time zone"
    assert columns["PlaylistTracks"]["playlist_id"]["foreign_key"] == "Playlists.id"
    assert columns["crate_tracks"]["crate_id"]["foreign_key"] == "crates.id"


def test_quiterss_keeps_dates_written_two_ways_as_text_and_charges_blank_authors_beside_null_emails(
    run_export: Runner,
) -> None:
    # QuiteRSS stores a feed item's date converted to UTC without an offset, but the moment of receipt
    # with Z for an item that has none: no single reading of both, so the column stays text, each value
    # as written (the operator can set its type). The updater writes a missing author '' beside a
    # missing e-mail or category NULL: two ways of writing missing in one table, so the blanks are
    # charged (made NULL, audited) and nothing else costs. Receipt and deletion moments are timestamps,
    # an enclosure's TEXT length a bigint, each item's feedId a reference to feeds.id.
    rows = apps.quiterss_rows()
    ran, run_dir = run_export(apps.quiterss)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    items = {n: apps.quiterss_news(n) for n in range(1, len(rows["news"]) + 1)}
    blank = {n for n, item in items.items() if item["author_name"] == ""}
    assert ran.record["quality_before"] < 100.0 == ran.record["quality_after"]
    columns = profiled(run_dir)["columns"]
    charged = {
        (table, name): column["quality"]
        for table, named in columns.items()
        for name, column in named.items()
        if column["quality"] < 100.0
    }
    assert set(charged) == {("news", "author_name"), ("feeds", "author_name")}, charged
    issues = {i["kind"]: i["count"] for i in columns["news"]["author_name"]["issues"]}
    assert issues == {"empty_string": len(blank)}
    assert audit_rules(run_dir, "news", "author_name") == {str(n): {"empty_to_null"} for n in blank}

    news = ran.types("news")
    assert news["published"] == "text"
    published = {n: item["published"] for n, item in items.items()}
    assert any(p.endswith("Z") for p in published.values()) and not all(
        p.endswith("Z") for p in published.values()
    )
    assert ran.values("news", "published", "id") == published
    assert news["received"] == news["deleteDate"] == "timestamp without time zone"
    assert ran.values("news", "received", "id") == {
        n: datetime.fromisoformat(item["received"]) for n, item in items.items()
    }
    assert ran.values("news", "deleteDate", "id") == {
        n: item["deleteDate"] and datetime.fromisoformat(item["deleteDate"]) for n, item in items.items()
    }
    assert news["enclosure_length"] == "bigint"
    assert ran.values("news", "enclosure_length", "id") == {
        n: item["enclosure_length"] and int(item["enclosure_length"]) for n, item in items.items()
    }
    for column in ("description", "title", "label", "category"):
        assert ran.values("news", column, "id") == {n: item[column] for n, item in items.items()}, column
    assert columns["news"]["feedId"]["foreign_key"] == "feeds.id"
    assert news["read"] == news["starred"] == "bigint"
    assert ran.types("labels")["image"] == "bytea"


def test_elisa_reads_its_epoch_milliseconds_as_instants_and_keeps_its_references_by_name(
    run_export: Runner,
) -> None:
    # Elisa's indexer writes ImportDate (and play dates once played) as epoch milliseconds under
    # INTEGER: instants; a file's FileModifiedTime Qt's ISO text with milliseconds and no offset: a
    # naive timestamp; Duration milliseconds stays a count; HasEmbeddedCover BOOLEAN 0/1 a boolean.
    # Tracks name their artist, genre and composer by the UNIQUE names the schema declares them to
    # reference: text, each a reference as declared. The radios' ImageAddress '' is the one way a
    # NOT NULL column without an image can write none.
    rows = apps.elisa_rows()
    ran, run_dir = run_export(apps.elisa)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0
    data = {row[0]: row for row in rows["TracksData"]}
    files = ran.types("TracksData")
    for index, column in ((2, "ImportDate"), (3, "FirstPlayDate"), (4, "LastPlayDate")):
        assert files[column] == "timestamp with time zone", column
        assert ran.values("TracksData", column, "FileName") == {
            name: None if row[index] is None else UNIX_EPOCH + timedelta(milliseconds=row[index])
            for name, row in data.items()
        }, column
    assert any(row[3] is None for row in data.values()) and any(row[3] for row in data.values())
    assert files["FileModifiedTime"] == "timestamp without time zone"
    assert ran.values("TracksData", "FileModifiedTime", "FileName") == {
        name: datetime.fromisoformat(row[1]) for name, row in data.items()
    }
    tracks = ran.types("Tracks")
    assert tracks["Duration"] == tracks["Year"] == tracks["TrackNumber"] == "bigint"
    assert ran.values("Tracks", "Duration", "ID") == {row[0]: row[10] for row in rows["Tracks"]}
    assert ran.values("Tracks", "Year", "ID") == {row[0]: row[16] for row in rows["Tracks"]}
    assert tracks["HasEmbeddedCover"] == "boolean"
    assert ran.values("Tracks", "HasEmbeddedCover", "ID") == {row[0]: bool(row[20]) for row in rows["Tracks"]}
    assert ran.values("Tracks", "Title", "ID") == {row[0]: row[3] for row in rows["Tracks"]}
    assert ran.values("Tracks", "FileName", "ID") == {row[0]: row[1] for row in rows["Tracks"]}
    found = references(run_dir)
    for column, parent in (
        ("FileName", "TracksData.FileName"),
        ("ArtistName", "Artists.Name"),
        ("Genre", "Genre.Name"),
        ("Composer", "Composer.Name"),
    ):
        assert found[("Tracks", column)] == parent, column
        assert tracks[column] == "text", column


def test_kanboard_reads_its_epoch_seconds_keeps_its_zero_dates_and_finds_its_references(
    run_export: Runner,
) -> None:
    # Kanboard's models write time() epoch seconds (date_creation, date_moved, a file's date: instants)
    # and 0 for a date the user left out (date_due, date_started: every value kept as written, the
    # zero-date rule); 0 for no assignee or category beside the ids (a reference whose 0 is none);
    # hours as PHP floats under NUMERIC (0 or 1.5: numeric, exact); blank form fields ''; a project's
    # dates Y-m-d text or ''. The 129 migrations leave ALTER TABLE's columns appended to the
    # statements and the tasks table rebuilt without its indexes.
    rows = apps.kanboard_rows()
    ran, run_dir = run_export(apps.kanboard)
    with closing(sqlite3.connect(ran.db)) as con:
        tables = [
            name
            for (name,) in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
    loaded_cleanly(ran, run_dir, {table: len(rows.get(table, [])) for table in tables})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_after"] == 100.0
    tasks = {row["id"]: row for row in rows["tasks"]}
    types = ran.types("tasks")
    for column in ("date_creation", "date_modification", "date_moved"):
        assert types[column] == "timestamp with time zone", column
        assert ran.values("tasks", column, "id") == {
            n: UNIX_EPOCH + timedelta(seconds=task[column]) for n, task in tasks.items()
        }, column
    assert types["date_completed"] == "timestamp with time zone"
    assert ran.values("tasks", "date_completed", "id") == {
        n: task["date_completed"] and UNIX_EPOCH + timedelta(seconds=task["date_completed"])
        for n, task in tasks.items()
    }
    assert any(task["date_completed"] is None for task in tasks.values())
    for column in ("date_due", "date_started"):
        assert types[column] == "bigint", column
        assert 0 in {task[column] for task in tasks.values()}, column
        assert ran.values("tasks", column, "id") == {n: task[column] for n, task in tasks.items()}, column
    for column in ("time_spent", "time_estimated"):
        assert types[column] == "numeric", column
        loaded = ran.values("tasks", column, "id")
        assert {n: Decimal(value) for n, value in loaded.items()} == {
            n: Decimal(str(task[column])) for n, task in tasks.items()
        }, column
    for column in ("title", "description", "color_id", "reference"):
        assert ran.values("tasks", column, "id") == {n: task[column] or None for n, task in tasks.items()}, (
            column
        )
    projects = ran.types("projects")
    assert projects["start_date"] == projects["end_date"] == "date"
    assert ran.values("projects", "start_date", "id") == {
        p["id"]: date.fromisoformat(p["start_date"]) if p["start_date"] else None for p in rows["projects"]
    }
    assert ran.types("subtask_time_tracking")["time_spent"] == "double precision"
    assert ran.values("subtask_time_tracking", "time_spent", "id") == {
        r["id"]: r["time_spent"] for r in rows["subtask_time_tracking"]
    }
    assert ran.values("settings", "value", "option") == {
        r["option"]: r["value"] or None for r in rows["settings"]
    }
    assert ran.values("project_activities", "data", "id") == {
        r["id"]: r["data"] for r in rows["project_activities"]
    }
    found = references(run_dir)
    for (table, column), parent in {
        ("tasks", "project_id"): "projects.id",
        ("tasks", "column_id"): "columns.id",
        ("tasks", "swimlane_id"): "swimlanes.id",
        ("tasks", "category_id"): "project_has_categories.id",
        ("subtasks", "task_id"): "tasks.id",
        ("subtasks", "user_id"): "users.id",
        ("comments", "user_id"): "users.id",
        ("task_has_links", "opposite_task_id"): "tasks.id",
        ("subtask_time_tracking", "subtask_id"): "subtasks.id",
        ("task_has_files", "user_id"): "users.id",
    }.items():
        assert found.get((table, column)) == parent, (table, column)
    assert ran.values("tasks", "category_id", "id") == {n: task["category_id"] for n, task in tasks.items()}
    assert primary_key(ran.uri, ran.record["version_schema"], "project_has_users") == [
        "project_id",
        "user_id",
    ]


def test_wallabag_reads_doctrine_datetimes_and_booleans_and_keeps_its_serialized_arrays(
    run_export: Runner,
) -> None:
    # Wallabag's Doctrine entities write DATETIME as 'Y-m-d H:i:s' in the server's zone (a naive
    # timestamp), BOOLEAN 0/1 (boolean), its `array` columns as PHP serialize() text (kept as
    # written), a token's expires_at epoch seconds (an instant). The 2.4 upgrade declared its OAuth
    # tokens' client_id to reference `oauth2_clients`, a table no file has (no reference), and the
    # clients' and tokens' user_id to reference the clients: declared, and its orphans counted.
    rows = apps.wallabag_rows()
    ran, run_dir = run_export(apps.wallabag)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert ran.code == 0, ran.record["warnings"]
    entries = {row[0]: row for row in rows["wallabag_entry"]}
    types = ran.types("wallabag_entry")
    for index, column in ((7, "created_at"), (8, "updated_at"), (14, "published_at"), (17, "archived_at")):
        assert types[column] == "timestamp without time zone", column
        assert ran.values("wallabag_entry", column, "id") == {
            n: row[index] and datetime.strptime(row[index], "%Y-%m-%d %H:%M:%S") for n, row in entries.items()
        }, column
    for index, column in ((4, "is_archived"), (5, "is_starred")):
        assert types[column] == "boolean", column
        assert ran.values("wallabag_entry", column, "id") == {
            n: bool(row[index]) for n, row in entries.items()
        }
    for index, column in (
        (2, "title"),
        (3, "url"),
        (20, "published_by"),
        (21, "headers"),
        (22, "hashed_url"),
    ):
        assert types[column] == "text", column
        assert ran.values("wallabag_entry", column, "id") == {n: row[index] for n, row in entries.items()}
    assert ran.values("wallabag_entry", "content", "id") == {n: row[6] or None for n, row in entries.items()}
    assert types["reading_time"] == "bigint"
    assert ran.values("wallabag_user", "roles", "id") == {row[0]: row[16] for row in rows["wallabag_user"]}
    assert ran.values("wallabag_annotation", "ranges", "id") == {
        row[0]: row[7] for row in rows["wallabag_annotation"]
    }
    tokens = ran.types("wallabag_oauth2_access_tokens")
    assert tokens["expires_at"] == "timestamp with time zone"
    assert ran.values("wallabag_oauth2_access_tokens", "expires_at", "id") == {
        row[0]: UNIX_EPOCH + timedelta(seconds=row[3]) for row in rows["wallabag_oauth2_access_tokens"]
    }
    assert ran.types("wallabag_config")["reading_speed"] == "double precision"
    assert ran.values("wallabag_config", "reading_speed", "id") == {
        row[0]: row[5] for row in rows["wallabag_config"]
    }
    found = references(run_dir)
    assert found[("wallabag_entry", "user_id")] == "wallabag_user.id"
    assert found[("wallabag_entry_tag", "tag_id")] == "wallabag_tag.id"
    assert found[("wallabag_annotation", "entry_id")] == "wallabag_entry.id"
    assert found[("wallabag_oauth2_access_tokens", "user_id")] == "wallabag_oauth2_clients.id"
    assert ("wallabag_oauth2_access_tokens", "client_id") not in found
    assert primary_key(ran.uri, ran.record["version_schema"], "wallabag_entry_tag") == ["entry_id", "tag_id"]


def _declared_references(db: Path) -> dict[tuple[str, str], str]:
    """``{(table, column): "parent.key"}`` of every FOREIGN KEY SQLite reads in ``db``'s schema."""
    with closing(sqlite3.connect(db)) as con:
        tables = [name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            (table, row[3]): f"{row[2]}.{row[4]}"
            for table in tables
            for row in con.execute(f"PRAGMA foreign_key_list({quote_ident(table)})")
        }


def _blanks_charged(db: Path, rows: dict[str, list[Any]]) -> dict[tuple[str, str], int]:
    """``{(table, column): blanks}`` of each nullable column holding ``''`` beside something else (a
    value or NULL), in a table one of whose text columns (TEXT affinity) holds NULL beside a value: the
    blanks of a table writing a missing text two ways, charged (docs/profiling.md, Quality score)."""
    charged = {}
    with closing(sqlite3.connect(db)) as con:
        for table, values in rows.items():
            info = list(con.execute(f"PRAGMA table_info({quote_ident(table)})"))
            texts = [
                i for i, c in enumerate(info) if any(w in c[2].upper() for w in ("CHAR", "TEXT", "CLOB"))
            ]
            cells_of = [[row[i] for row in values] for i in texts]
            if not any(None in cells and any(c is not None for c in cells) for cells in cells_of):
                continue
            for index, column in enumerate(info):
                cells = [row[index] for row in values]
                blanks = sum(cell == "" for cell in cells)
                if blanks and blanks < len(cells) and not column[3]:
                    charged[(table, column[1])] = blanks
    return charged


def _export_score_of(db: Path, rows: dict[str, list[Any]], charged: dict[tuple[str, str], int]) -> float:
    """The export's score when only ``charged`` blanks cost (a table of no rows weighs as one row)."""
    tables = {}
    with closing(sqlite3.connect(db)) as con:
        for table, values in rows.items():
            width = len(list(con.execute(f"PRAGMA table_info({quote_ident(table)})")))
            tables[table] = (max(len(values), 1), [100.0] * width)
    for (table, _), blanks in charged.items():
        count, scores = tables[table]
        scores[scores.index(100.0)] = column_score(count, blanks)
    return round(export_score(tables), 2)


def test_mealie_keeps_its_hex_guids_reads_sqlalchemy_moments_and_charges_only_blanks_beside_nulls(
    run_export: Runner, tmp_path: Path
) -> None:
    # Mealie's SQLAlchemy models on SQLite: GUIDs as CHAR(32) hex (text keys, every declared
    # reference between them found, and none invented for the GUID-shaped reference_id or the
    # never-set label_id), DATETIME text with six fraction digits (naive timestamps: UTC for
    # created_at, the server's clock for date_updated), DATE, BOOLEAN 0/1, FLOAT quantities and
    # ratings exact, strings as scraped (nutrition '312 kcal' beside '240': text as written), a
    # webhook's TIME text read as times of day. Its forms write a blank description or note '' beside
    # NULL in fields never set: those blanks, and only those, are charged, each made NULL and audited.
    rows = apps.mealie_rows()
    ran, run_dir = run_export(apps.mealie)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    db = apps.mealie(tmp_path / "mealie_again.db")
    declared = _declared_references(db)
    assert references(run_dir) == declared
    assert ("recipes_ingredients", "reference_id") not in declared

    charged = _blanks_charged(db, rows)
    assert ("recipes", "description") in charged and ("recipe_instructions", "type") not in charged
    columns = profiled(run_dir)["columns"]
    found = {
        (table, name): column["quality"]
        for table, named in columns.items()
        for name, column in named.items()
        if column["quality"] < 100.0
    }
    assert found == {key: round(column_score(len(rows[key[0]]), n), 2) for key, n in charged.items()}
    assert ran.record["quality_before"] == _export_score_of(db, rows, charged)
    assert ran.record["quality_after"] == 100.0
    recipes = {row[0]: row for row in rows["recipes"]}
    assert audit_rules(run_dir, "recipes", "description") == {
        key: {"empty_to_null"} for key, row in recipes.items() if row[5] == ""
    }

    types = ran.types("recipes")
    assert types["id"] == types["group_id"] == types["user_id"] == "text"
    assert types["date_added"] == "date" and types["rating"] == "bigint"
    for index, column in ((17, "date_updated"), (18, "last_made"), (21, "created_at")):
        assert types[column] == "timestamp without time zone", column
        assert ran.values("recipes", column, "id") == {
            key: row[index] and datetime.fromisoformat(row[index]) for key, row in recipes.items()
        }, column
    assert ran.values("recipes", "date_added", "id") == {
        key: date.fromisoformat(row[16]) for key, row in recipes.items()
    }
    for index, column in ((1, "slug"), (4, "name"), (7, "total_time"), (13, "rating")):
        assert ran.values("recipes", column, "id") == {key: row[index] for key, row in recipes.items()}
    assert ran.types("recipes_ingredients")["quantity"] == "double precision"
    assert ran.values("recipes_ingredients", "quantity", "id") == {
        row[0]: row[7] for row in rows["recipes_ingredients"]
    }
    nutrition = ran.types("recipe_nutrition")
    assert nutrition["calories"] == nutrition["sodium_content"] == "text"
    assert ran.values("recipe_nutrition", "calories", "id") == {
        row[0]: row[2] for row in rows["recipe_nutrition"]
    }
    assert ran.types("recipe_settings")["public"] == "boolean"
    assert ran.values("recipe_settings", "public", "id") == {
        row[0]: bool(row[2]) for row in rows["recipe_settings"]
    }
    ratings = pg_query(
        ran.uri, f"SELECT user_id, recipe_id, rating FROM {quote_ident(ran.base)}.users_to_recipes"
    )
    assert sorted(ratings, key=str) == sorted(
        ((u, r, x) for u, r, x, *_ in rows["users_to_recipes"]), key=str
    )
    assert ran.types("webhook_urls")["scheduled_time"] == "time without time zone"  # since 2026-12-06
    assert ran.values("webhook_urls", "scheduled_time", "id") == {
        row[0]: as_time(row[6]) for row in rows["webhook_urls"]
    }
    assert ran.values("group_meal_plans", "date", "id") == {
        row[0]: date.fromisoformat(row[1]) for row in rows["group_meal_plans"]
    }
    assert primary_key(ran.uri, ran.record["version_schema"], "users_to_recipes") == ["user_id", "recipe_id"]


def test_freshrss_keeps_its_hashes_bound_as_text_byte_for_byte_and_reads_its_unix_seconds(
    run_export: Runner, tmp_path: Path
) -> None:
    # FreshRSS binds an entry's MD5 as 16 raw bytes in a PHP string (hex2bin, no native hex on
    # SQLite): TEXT cells of bytes that are no UTF-8 under BINARY(16), bytea byte for byte. Its
    # entry ids are the microseconds of arrival (a declared key: bigint, as written), date and
    # lastSeen Unix seconds (instants), a feed's lastUpdate Unix seconds with 0 for never fetched
    # (integers, noted), booleans 0/1; every declared reference found. A feed's website,
    # description and httpAuth '' beside NULL pathEntries are charged, made NULL and audited; an
    # entry's NOT NULL title '' costs nothing.
    rows = apps.freshrss_rows()
    ran, run_dir = run_export(apps.freshrss)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    db = apps.freshrss(tmp_path / "freshrss_again.db")
    with closing(sqlite3.connect(db)) as con:
        stored = dict(con.execute("SELECT typeof(hash), count(*) FROM entry GROUP BY 1"))
    assert stored == {"text": len(rows["entry"])}
    assert references(run_dir) == _declared_references(db)
    charged = _blanks_charged(db, rows)
    assert set(charged) == {("feed", "website"), ("feed", "description"), ("feed", "httpAuth")}
    assert ran.record["quality_before"] == _export_score_of(db, rows, charged)
    assert ran.record["quality_after"] == 100.0

    items = {row[0]: apps.freshrss_entry(n) for n, row in enumerate(rows["entry"], start=1)}
    entry = ran.types("entry")
    assert entry["id"] == "bigint" and entry["hash"] == "bytea"
    found = ran.values("entry", "hash", "id")
    assert {key: bytes(value) for key, value in found.items()} == {key: e["hash"] for key, e in items.items()}
    assert any(e["hash"].decode("utf-8", "replace") != e["hash"].decode("latin-1") for e in items.values())
    for column in ("date", "lastSeen"):
        assert entry[column] == "timestamp with time zone", column
        assert ran.values("entry", column, "id") == {
            key: UNIX_EPOCH + timedelta(seconds=e[column]) for key, e in items.items()
        }, column
    assert entry["is_read"] == entry["is_favorite"] == "boolean"
    assert ran.values("entry", "is_read", "id") == {key: bool(e["is_read"]) for key, e in items.items()}
    assert ran.values("entry", "title", "id") == {key: e["title"] or None for key, e in items.items()}
    for column in ("content", "guid", "tags", "attributes"):
        assert ran.values("entry", column, "id") == {key: e[column] or None for key, e in items.items()}, (
            column
        )
    assert primary_key(ran.uri, ran.record["version_schema"], "entrytag") == ["id_tag", "id_entry"]

    feed = ran.types("feed")
    assert feed["lastUpdate"] == feed["ttl"] == "bigint"
    assert ran.values("feed", "lastUpdate", "id") == {row[0]: row[7] for row in rows["feed"]}
    assert ran.values("feed", "ttl", "id") == {row[0]: row[12] for row in rows["feed"]}
    assert (
        "integers are seconds since 1970-01-01 UTC, 0 for no date: kept as numbers (bigint), every value "
        'as written; the instant is to_timestamp(NULLIF("lastUpdate", 0))'
    ) in _notes(run_dir, "feed", "lastUpdate")
    assert audit_rules(run_dir, "feed", "httpAuth") == {
        str(row[0]): {"empty_to_null"} for row in rows["feed"] if row[10] == ""
    }


def _blanks_beside_nulls(rows: dict[str, list[Any]], ddl: list[str], table: str) -> set[str]:
    """The columns of ``table`` writing missing two ways: ``''`` in a column not all ``''``, in a table
    that also holds NULL (the builder's rows, the columns' names read from its own CREATE TABLE)."""
    con = sqlite3.connect(":memory:")
    for statement in ddl:
        if statement.startswith("CREATE TABLE"):
            con.execute(statement)
    names = [row[1] for row in con.execute(f"PRAGMA table_info({quote_ident(table)})")]
    values = rows[table]
    if not any(cell is None for row in values for cell in row):
        return set()
    return {
        name
        for i, name in enumerate(names)
        if any(row[i] == "" for row in values) and not all(row[i] == "" for row in values)
    }


def test_kmymoney_book_keeps_its_fractions_as_written_and_reads_qts_dates_and_flags(
    run_export: Runner,
) -> None:
    # KMyMoney's SQL storage writes each amount twice: MyMoneyMoney::toString's exact fraction
    # (`-14814804/10000`: text, kept as written, no rule reads a fraction) beside its formatted decimal
    # (`-1481.4804`: numeric, exact); Qt's QSQLITE binds a QDate as ISO text, also into the `timestamp`
    # columns (a date each), a QDateTime as ISODateWithMs without offset (a naive timestamp), an int into
    # a varchar as its digits; flags 'Y'/'N' are booleans, a lone 'N' (txType, updateInProgress) is
    # text. Ids are text keys found as references where every value is one table's key; a column
    # naming currencies and securities alike (an account's currencyId, a price's fromId) none.
    rows = apps.kmymoney_rows()
    ran, run_dir = run_export(apps.kmymoney)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] < 100.0 == ran.record["quality_after"]
    columns = profiled(run_dir)["columns"]
    charged = {(t, n) for t, named in columns.items() for n, c in named.items() if c["quality"] < 100.0}
    assert charged == {
        (table, name) for table in rows for name in _blanks_beside_nulls(rows, apps.KMYMONEY_DDL, table)
    }, charged

    splits = {(row[0], row[2]): row for row in rows["kmmSplits"]}
    types = ran.types("kmmSplits")
    assert types["value"] == types["shares"] == types["price"] == "text"
    assert types["valueFormatted"] == types["sharesFormatted"] == types["priceFormatted"] == "numeric"
    assert types["postDate"] == types["reconcileDate"] == "date"
    keyed = pg_query(
        ran.uri,
        'SELECT "transactionId", "splitId", value, "valueFormatted", "postDate", "reconcileDate", price '
        f"FROM {quote_ident(ran.base)}.{quote_ident('kmmSplits')}",
    )
    assert {(t, s): (v, Decimal(f), p, r, pr) for t, s, v, f, p, r, pr in keyed} == {
        key: (
            row[7],
            Decimal(row[8]),
            date.fromisoformat(row[17]),
            row[4] and date.fromisoformat(row[4]),
            row[11],
        )
        for key, row in splits.items()
    }
    assert any("/" in row[7] and not row[7].endswith("/1") for row in splits.values())

    accounts = {row[0]: row for row in rows["kmmAccounts"]}
    types = ran.types("kmmAccounts")
    assert types["accountType"] == "bigint" and types["isStockAccount"] == "boolean"
    assert ran.values("kmmAccounts", "accountType", "id") == {k: int(row[7]) for k, row in accounts.items()}
    assert ran.values("kmmAccounts", "isStockAccount", "id") == {
        k: row[9] == "Y" for k, row in accounts.items()
    }
    assert ran.values("kmmAccounts", "balance", "id") == {k: row[13] for k, row in accounts.items()}
    assert {k: Decimal(v) for k, v in ran.values("kmmAccounts", "balanceFormatted", "id").items()} == {
        k: Decimal(row[14]) for k, row in accounts.items()
    }
    assert types["lastModified"] == "date"
    assert ran.values("kmmAccounts", "accountName", "id") == {k: row[10] for k, row in accounts.items()}
    info = ran.types("kmmFileInfo")
    assert info["logonAt"] == "timestamp without time zone"
    assert ran.values("kmmFileInfo", "logonAt", "version") == {
        int(rows["kmmFileInfo"][0][0]): datetime.fromisoformat(rows["kmmFileInfo"][0][33])
    }
    assert ran.types("kmmTransactions")["txType"] == info["updateInProgress"] == "text"
    assert ran.types("kmmSchedules")["lastDayInMonth"] == "boolean"
    assert {k: Decimal(v) for k, v in ran.values("kmmPrices", "priceFormatted", "priceDate").items()} == {
        date.fromisoformat(row[2]): Decimal(row[4]) for row in rows["kmmPrices"] if row[0] == "E000001"
    } | {date.fromisoformat(row[2]): Decimal(row[4]) for row in rows["kmmPrices"] if row[0] == "USD"}
    assert ran.values("kmmCurrencies", "symbolString", "ISOcode") == {
        row[0]: row[7] for row in rows["kmmCurrencies"]
    }
    assert ran.values("kmmKeyValuePairs", "kvpData", "kvpKey") == {
        row[2]: row[3] or None for row in rows["kmmKeyValuePairs"]
    }

    found = references(run_dir)
    for (table, column), parent in {
        ("kmmSplits", "transactionId"): "kmmTransactions.id",
        ("kmmSplits", "accountId"): "kmmAccounts.id",
        ("kmmSplits", "payeeId"): "kmmPayees.id",
        ("kmmAccounts", "parentId"): "kmmAccounts.id",
        ("kmmAccounts", "institutionId"): "kmmInstitutions.id",
        ("kmmTransactions", "currencyId"): "kmmCurrencies.ISOcode",
        ("kmmTagSplits", "tagId"): "kmmTags.id",
        ("kmmTagSplits", "transactionId"): "kmmTransactions.id",
        ("kmmSchedulePaymentHistory", "schedId"): "kmmSchedules.id",
        ("kmmPrices", "toId"): "kmmCurrencies.ISOcode",
        ("kmmSecurities", "tradingCurrency"): "kmmCurrencies.ISOcode",
    }.items():
        assert found.get((table, column)) == parent, (table, column)
    assert ("kmmAccounts", "currencyId") not in found and ("kmmPrices", "fromId") not in found


def test_gadgetbridge_export_reads_its_epoch_seconds_and_millis_as_instants_and_keeps_its_bytes(
    run_export: Runner,
) -> None:
    # Gadgetbridge's greenDAO tables: a sample's TIMESTAMP is epoch seconds (an int property), a
    # java.util.Date epoch milliseconds (START_TIME, END_TIME, and the attributes' VALID_FROM_UTC and
    # VALID_TO_UTC, NULL while current: instants, read by the zone their name says); booleans INTEGER
    # 0/1 and the band's HEART_RATE 255 (no reading) stay integers as written; raw records and summaries
    # arrive byte for byte, SUMMARY_DATA's JSON as written. A birthday before 1970 is a negative count
    # of milliseconds no name alone may read: bigint. References greenDAO never declares are found where
    # the data shows them (a column of one value shows none).
    rows = apps.gadgetbridge_rows()
    ran, run_dir = run_export(apps.gadgetbridge)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_after"] == 100.0
    columns = profiled(run_dir)["columns"]
    charged = {(t, n) for t, named in columns.items() for n, c in named.items() if c["quality"] < 100.0}
    assert charged == {
        (table, name) for table in rows for name in _blanks_beside_nulls(rows, apps.GADGETBRIDGE_DDL, table)
    }, charged

    def millis(value: int | None) -> datetime | None:
        return None if value is None else UNIX_EPOCH + timedelta(milliseconds=value)

    for table, column, index in (
        ("USER_ATTRIBUTES", "VALID_FROM_UTC", 5),
        ("USER_ATTRIBUTES", "VALID_TO_UTC", 6),
        ("DEVICE_ATTRIBUTES", "VALID_FROM_UTC", 3),
        ("DEVICE_ATTRIBUTES", "VALID_TO_UTC", 4),
        ("BASE_ACTIVITY_SUMMARY", "START_TIME", 2),
        ("BASE_ACTIVITY_SUMMARY", "END_TIME", 3),
    ):
        assert ran.types(table)[column] == "timestamp with time zone", (table, column)
        assert ran.values(table, column, "_id") == {row[0]: millis(row[index]) for row in rows[table]}, column
    assert any(row[6] is None for row in rows["USER_ATTRIBUTES"])
    assert ran.types("USER")["BIRTHDAY"] == "bigint"
    assert ran.values("USER", "BIRTHDAY", "_id") == {row[0]: row[2] for row in rows["USER"]}
    assert min(row[2] for row in rows["USER"]) < 0

    samples = ran.types("MI_BAND_ACTIVITY_SAMPLE")
    assert samples["TIMESTAMP"] == "timestamp with time zone"
    assert samples["HEART_RATE"] == samples["RAW_KIND"] == samples["RAW_INTENSITY"] == "bigint"
    by_moment = {UNIX_EPOCH + timedelta(seconds=row[0]): row for row in rows["MI_BAND_ACTIVITY_SAMPLE"]}
    for column, index in (("HEART_RATE", 6), ("RAW_KIND", 5), ("RAW_INTENSITY", 3), ("STEPS", 4)):
        assert ran.values("MI_BAND_ACTIVITY_SAMPLE", column, "TIMESTAMP") == {
            moment: row[index] for moment, row in by_moment.items()
        }, column
    assert ran.types("PEBBLE_HEALTH_ACTIVITY_SAMPLE")["RAW_PEBBLE_HEALTH_DATA"] == "bytea"
    assert {
        moment: raw and bytes(raw)
        for moment, raw in ran.values(
            "PEBBLE_HEALTH_ACTIVITY_SAMPLE", "RAW_PEBBLE_HEALTH_DATA", "TIMESTAMP"
        ).items()
    } == {UNIX_EPOCH + timedelta(seconds=row[0]): row[3] for row in rows["PEBBLE_HEALTH_ACTIVITY_SAMPLE"]}
    summary = ran.types("BASE_ACTIVITY_SUMMARY")
    assert summary["RAW_SUMMARY_DATA"] == "bytea" and summary["SUMMARY_DATA"] == "text"
    assert {
        k: bytes(v) for k, v in ran.values("BASE_ACTIVITY_SUMMARY", "RAW_SUMMARY_DATA", "_id").items()
    } == {row[0]: row[12] for row in rows["BASE_ACTIVITY_SUMMARY"]}
    assert ran.values("BASE_ACTIVITY_SUMMARY", "SUMMARY_DATA", "_id") == {
        row[0]: row[11] for row in rows["BASE_ACTIVITY_SUMMARY"]
    }
    assert ran.values("BASE_ACTIVITY_SUMMARY", "BASE_ALTITUDE", "_id") == {
        row[0]: row[7] for row in rows["BASE_ACTIVITY_SUMMARY"]
    }
    assert ran.types("ALARM")["ENABLED"] == "bigint"
    assert ran.values("CALENDAR_SYNC_STATE", "HASH", "_id") == {
        row[0]: row[3] for row in rows["CALENDAR_SYNC_STATE"]
    }
    assert ran.values("DEVICE", "IDENTIFIER", "_id") == {row[0]: row[3] for row in rows["DEVICE"]}

    found = references(run_dir)
    for (table, column), parent in {
        ("USER_ATTRIBUTES", "USER_ID"): "USER._id",
        ("DEVICE_ATTRIBUTES", "DEVICE_ID"): "DEVICE._id",
        ("CALENDAR_SYNC_STATE", "DEVICE_ID"): "DEVICE._id",
        ("ACTIVITY_DESC_TAG_LINK", "ACTIVITY_DESCRIPTION_ID"): "ACTIVITY_DESCRIPTION._id",
        ("ACTIVITY_DESC_TAG_LINK", "TAG_ID"): "TAG._id",
        ("NOTIFICATION_FILTER_ENTRY", "NOTIFICATION_FILTER_ID"): "NOTIFICATION_FILTER._id",
    }.items():
        assert found.get((table, column)) == parent, (table, column)
    assert ("MI_BAND_ACTIVITY_SAMPLE", "USER_ID") not in found  # one value: no evidence


def _named_rows(ddl: list[str], rows: dict[str, list[Any]], table: str) -> list[dict[str, Any]]:
    """``table``'s ``rows`` by column name, the names read from the ``ddl`` that made it."""
    with closing(sqlite3.connect(":memory:")) as con:
        for statement in ddl:
            con.execute(statement)
        names = [row[1] for row in con.execute(f'PRAGMA table_info("{table}")')]
    return [dict(zip(names, row, strict=True)) for row in rows[table]]


def _bazarr_named(table: str) -> list[dict[str, Any]]:
    return _named_rows(apps.BAZARR_DDL, apps.bazarr_rows(), table)


def test_bazarr_reads_sqlalchemy_datetimes_and_true_false_text_and_keeps_its_python_lists_and_pickles(
    run_export: Runner,
) -> None:
    # Bazarr's SQLAlchemy models: DateTime columns hold datetime.now() as text with six fraction
    # digits, beside the oldest history rows the 1.3 migration rewrote to the second (both naive
    # timestamps, costing nothing); monitored the text 'True'/'False' (booleans, audited) where both
    # are written; lists as Python's str() of them stay text as written; ffprobe_cache pickles arrive
    # byte for byte; file sizes past 2**32 stay exact; a TEXT year and TMDB id of plain digits are
    # integers; the episodes' unused column named rowid (all NULL) is loaded as NULL, not SQLite's row
    # ids; every declared foreign key is found, and nothing is invented.
    rows = apps.bazarr_rows()
    ran, run_dir = run_export(apps.bazarr)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_after"] == 100.0
    columns = profiled(run_dir)["columns"]
    charged = {
        (table, name) for table, named in columns.items() for name, c in named.items() if c["quality"] < 100
    }
    assert charged == set() and ran.record["quality_before"] == 100.0

    episodes = _bazarr_named("table_episodes")
    types = ran.types("table_episodes")
    assert types["rowid"] == "bigint"
    assert ran.values("table_episodes", "rowid", "sonarrEpisodeId") == {
        e["sonarrEpisodeId"]: None for e in episodes
    }
    assert types["monitored"] == "boolean"
    assert ran.values("table_episodes", "monitored", "sonarrEpisodeId") == {
        e["sonarrEpisodeId"]: e["monitored"] == "True" for e in episodes
    }
    assert {e["monitored"] for e in episodes} == {"True", "False"}
    assert types["ffprobe_cache"] == "bytea"
    found = ran.values("table_episodes", "ffprobe_cache", "sonarrEpisodeId")
    assert {k: None if v is None else bytes(v) for k, v in found.items()} == {
        e["sonarrEpisodeId"]: e["ffprobe_cache"] for e in episodes
    }
    assert types["file_size"] == "bigint" and max(e["file_size"] for e in episodes) > 2**32
    assert ran.values("table_episodes", "file_size", "sonarrEpisodeId") == {
        e["sonarrEpisodeId"]: e["file_size"] for e in episodes
    }
    for column in (
        "subtitles",
        "missing_subtitles",
        "audio_language",
        "failedAttempts",
        "sceneName",
        "title",
    ):
        assert types[column] == "text", column
        assert ran.values("table_episodes", column, "sonarrEpisodeId") == {
            e["sonarrEpisodeId"]: e[column] for e in episodes
        }, column

    for table in ("table_history", "table_history_movie", "table_blacklist", "table_announcements"):
        assert ran.types(table)["timestamp"] == "timestamp without time zone", table
        assert ran.values(table, "timestamp", "id") == {
            r["id"]: datetime.fromisoformat(r["timestamp"]) for r in _bazarr_named(table)
        }, table
    written = [r["timestamp"] for r in _bazarr_named("table_history")]
    assert any("." in w for w in written) and any("." not in w for w in written)
    history = _bazarr_named("table_history")
    assert ran.values("table_history", "score", "id") == {r["id"]: r["score"] for r in history}
    assert ran.values("table_history", "subs_id", "id") == {r["id"]: r["subs_id"] for r in history}

    movies = _bazarr_named("table_movies")
    kinds = ran.types("table_movies")
    assert kinds["tmdbId"] == kinds["year"] == "bigint"
    assert ran.values("table_movies", "tmdbId", "radarrId") == {
        m["radarrId"]: int(m["tmdbId"]) for m in movies
    }
    assert ran.values("table_movies", "year", "radarrId") == {m["radarrId"]: int(m["year"]) for m in movies}
    assert kinds["monitored"] == "text"  # only 'True' written: no proof of a boolean
    assert ran.values("table_movies", "overview", "radarrId") == {
        m["radarrId"]: m["overview"] or None for m in movies
    }
    assert audit_rules(run_dir, "table_movies", "overview") == {
        str(m["rowid"]): {"empty_to_null"} for m in movies if m["overview"] == ""
    }
    profiles = _bazarr_named("table_languages_profiles")
    assert ran.values("table_languages_profiles", "items", "profileId") == {
        p["profileId"]: p["items"] for p in profiles
    }
    assert references(run_dir) == {
        ("table_movies", "profileId"): "table_languages_profiles.profileId",
        ("table_shows", "profileId"): "table_languages_profiles.profileId",
        ("table_custom_score_profile_conditions", "profile_id"): "table_custom_score_profiles.id",
        ("table_blacklist_movie", "radarr_id"): "table_movies.radarrId",
        ("table_episodes", "sonarrSeriesId"): "table_shows.sonarrSeriesId",
        ("table_history_movie", "radarrId"): "table_movies.radarrId",
        ("table_blacklist", "sonarr_episode_id"): "table_episodes.sonarrEpisodeId",
        ("table_blacklist", "sonarr_series_id"): "table_shows.sonarrSeriesId",
        ("table_history", "sonarrEpisodeId"): "table_episodes.sonarrEpisodeId",
        ("table_history", "sonarrSeriesId"): "table_shows.sonarrSeriesId",
    }


def test_overseerr_reads_typeorm_moments_and_keeps_comma_joined_tag_ids_as_text(run_export: Runner) -> None:
    # Overseerr's TypeORM tables: createdAt/updatedAt the database's datetime('now') (UTC to the
    # second) beside Dates TypeORM wrote with milliseconds (mediaAddedAt, lastSeasonChange): naive
    # timestamps as written; booleans 0/1; sessions' expiredAt and TypeORM's migration timestamps epoch
    # milliseconds (instants, audited); Plex rating keys and Discord ids TEXT digits (integers, exact
    # past 2**53). A request's tags and a slider's TMDB ids are ids joined by commas: text as written
    # (some values list three), never decimal commas; the tags' 'none' (an empty list) is a null token
    # beside NULLs and costs as one, as do user settings' blanks beside NULLs. Every declared foreign
    # key is found, nothing invented.
    rows = apps.overseerr_rows()
    ran, run_dir = run_export(apps.overseerr)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_after"] == 100.0

    def named(table: str) -> list[dict[str, Any]]:
        return _named_rows(apps.OVERSEERR_DDL, rows, table)

    settings, requests = named("user_settings"), named("media_request")
    # '' beside NULL in one column: two ways of writing missing, charged (locale writes only '').
    blanks = {
        ("user_settings", column): sum(s[column] == "" for s in settings)
        for column in ("region", "originalLanguage")
    }
    assert all(any(s[c] is None for s in settings) for _, c in blanks)
    charges = {**blanks, ("media_request", "tags"): sum(r["tags"] == "none" for r in requests)}
    columns = profiled(run_dir)["columns"]
    found = {
        (table, name): column["quality"]
        for table, named_columns in columns.items()
        for name, column in named_columns.items()
        if column["quality"] < 100.0
    }
    assert found == {key: round(column_score(len(rows[key[0]]), n), 2) for key, n in charges.items()}, found
    scores = {
        table: (
            len(values),
            [found.get((table, name), 100.0) for name in columns[table]],
        )
        for table, values in rows.items()
    }
    assert ran.record["quality_before"] == pytest.approx(export_score(scores), abs=0.01)
    assert audit_rules(run_dir, "media_request", "tags") == {
        str(r["id"]): {"null_like_to_null"} for r in requests if r["tags"] == "none"
    }

    assert ran.types("media_request")["tags"] == "text"
    assert ran.values("media_request", "tags", "id") == {
        r["id"]: None if r["tags"] == "none" else r["tags"] for r in requests
    }
    assert any(r["tags"] and r["tags"].count(",") == 1 for r in requests)
    sliders = named("discover_slider")
    assert ran.types("discover_slider")["data"] == "text"
    assert ran.values("discover_slider", "data", "id") == {s["id"]: s["data"] for s in sliders}
    assert ran.types("discover_slider")["enabled"] == "boolean"
    assert ran.values("discover_slider", "enabled", "id") == {s["id"]: bool(s["enabled"]) for s in sliders}

    media = named("media")
    kinds = ran.types("media")
    for column in ("createdAt", "updatedAt", "lastSeasonChange", "mediaAddedAt"):
        assert kinds[column] == "timestamp without time zone", column
        assert ran.values("media", column, "id") == {
            m["id"]: m[column] and datetime.fromisoformat(m[column]) for m in media
        }, column
    assert any("." in m["lastSeasonChange"] for m in media)
    assert any("." not in m["lastSeasonChange"] for m in media)
    assert kinds["ratingKey"] == "bigint"
    assert ran.values("media", "ratingKey", "id") == {
        m["id"]: m["ratingKey"] and int(m["ratingKey"]) for m in media
    }
    assert kinds["imdbId"] == "text"
    assert ran.values("media", "imdbId", "id") == {m["id"]: m["imdbId"] for m in media}
    assert ran.types("user_settings")["discordId"] == "bigint"
    assert ran.values("user_settings", "discordId", "id") == {
        s["id"]: s["discordId"] and int(s["discordId"]) for s in settings
    }
    assert ran.values("user_settings", "notificationTypes", "id") == {
        s["id"]: s["notificationTypes"] for s in settings
    }
    users = named("user")
    assert ran.types("user")["recoveryLinkExpirationDate"] == "date"
    assert ran.values("user", "recoveryLinkExpirationDate", "id") == {
        u["id"]: u["recoveryLinkExpirationDate"] and date.fromisoformat(u["recoveryLinkExpirationDate"])
        for u in users
    }
    assert ran.values("user", "email", "id") == {u["id"]: u["email"] for u in users}

    sessions = named("session")
    assert ran.types("session")["expiredAt"] == "timestamp with time zone"
    assert ran.values("session", "expiredAt", "id") == {
        s["id"]: UNIX_EPOCH + timedelta(milliseconds=s["expiredAt"]) for s in sessions
    }
    assert ran.values("session", "json", "id") == {s["id"]: s["json"] for s in sessions}
    assert ran.values("migrations", "timestamp", "id") == {
        m["id"]: UNIX_EPOCH + timedelta(milliseconds=m["timestamp"]) for m in named("migrations")
    }

    assert references(run_dir) == {
        ("user_settings", "userId"): "user.id",
        ("season", "mediaId"): "media.id",
        ("media_request", "mediaId"): "media.id",
        ("media_request", "requestedById"): "user.id",
        ("media_request", "modifiedById"): "user.id",
        ("season_request", "requestId"): "media_request.id",
        ("issue", "mediaId"): "media.id",
        ("issue", "createdById"): "user.id",
        ("issue", "modifiedById"): "user.id",
        ("issue_comment", "userId"): "user.id",
        ("issue_comment", "issueId"): "issue.id",
    }


def test_nextcloud_sync_journal_keeps_its_root_path_key_and_refers_nothing_by_a_blank(
    run_export: Runner,
) -> None:
    # The desktop client's journal: file records keyed by a signed 64-bit path hash, times in Unix
    # seconds (instants) beside lock times and a blacklist's modtime with 0 for none (bigint, noted),
    # checksum types named by id with 0 for none (a reference, the 0 no orphan). Its pin states are
    # keyed by path, the root folder '' among them, as is the data fingerprint '' (keys loaded as
    # written: the run's two warnings). A file's e2eMangledName is '' in every row: no reference to
    # those keys by that blank (until 2026-12-06 a note said it fit them alike; with one such key it
    # was a reference). Qt writes an empty QByteArray as '' and a null QString as NULL: a checksum ''
    # for folders beside lock owners NULL is missing written two ways, charged as documented.
    rows = apps.nextcloud_rows()
    ran, run_dir = run_export(apps.nextcloud)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    assert sorted(w.split(":")[0] for w in ran.record["warnings"]) == [
        "datafingerprint.fingerprint",
        "flags.path",
    ]
    records = {r["phash"]: r for r in (apps.nextcloud_metadata(n) for n in range(len(rows["metadata"])))}
    types = ran.types("metadata")
    assert types["phash"] == types["inode"] == types["filesize"] == "bigint"
    assert types["modtime"] == "timestamp with time zone"
    assert ran.values("metadata", "modtime", "phash") == {
        h: UNIX_EPOCH + timedelta(seconds=r["modtime"]) for h, r in records.items()
    }
    for column in ("lockTime", "lastShareStateFetchedTimestmap", "inode", "filesize", "type", "lock"):
        assert types[column] == "bigint", column
        assert ran.values("metadata", column, "phash") == {h: r[column] for h, r in records.items()}, column
    for column in ("path", "md5", "fileid", "remotePerm", "lockOwnerDisplayName", "lockOwnerId"):
        assert types[column] == "text", column
        assert ran.values("metadata", column, "phash") == {h: r[column] for h, r in records.items()}, column
    assert ran.values("metadata", "contentChecksum", "phash") == {
        h: r["contentChecksum"] or None for h, r in records.items()
    }
    columns = profiled(run_dir)["columns"]
    assert references(run_dir) == {("metadata", "contentChecksumTypeId"): "checksumtype.id"}
    folders = sum(1 for r in records.values() if r["contentChecksumTypeId"] == 0)
    assert columns["metadata"]["contentChecksumTypeId"]["no_reference_count"] == folders > 0
    mangled = columns["metadata"]["e2eMangledName"]
    assert not any("fit the keys" in note for note in mangled["notes"]), mangled["notes"]
    assert mangled["blank_is_missing"] and mangled["quality"] == 100.0
    charged = {
        (table, name)
        for table, named in columns.items()
        for name, column in named.items()
        if column["quality"] < 100.0
    }
    assert charged == {("metadata", "contentChecksum"), ("metadata", "lockOwnerEditor")}
    assert ran.record["quality_before"] < 100.0 == ran.record["quality_after"]
    assert ran.values("flags", "pinState", "path") == dict(rows["flags"])
    assert "" in ran.values("flags", "pinState", "path")
    blacklist = {row[0]: row for row in rows["blacklist"]}
    assert ran.types("blacklist")["lastTryTime"] == "timestamp with time zone"
    assert ran.values("blacklist", "lastTryTime", "path") == {
        p: UNIX_EPOCH + timedelta(seconds=row[5]) for p, row in blacklist.items()
    }
    assert ran.types("blacklist")["lastTryModtime"] == "bigint"
    assert ran.values("blacklist", "lastTryModtime", "path") == {p: row[2] for p, row in blacklist.items()}
    assert ran.values("blacklist", "errorstring", "path") == {
        p: row[4] or None for p, row in blacklist.items()
    }
    assert ran.values("checksumtype", "name", "id") == dict(rows["checksumtype"])
    assert ran.values("key_value_store", "value", "key") == {"batch_sync_total_items": "37"}


def test_rssguard_reads_its_epoch_milliseconds_as_instants_and_keeps_its_base64_icons_as_bytes(
    run_export: Runner,
) -> None:
    # RSS Guard stores every moment as epoch milliseconds under BIGINT (instants), an icon as the
    # base64 text of its PNG bound as a QByteArray (a BLOB: bytes, as stored), a root feed's category
    # -1 (no reference, no orphan) beside its categories' ids, which the schema leaves undeclared (a
    # reference found in the data); a missing author or enclosure '' beside custom data NULL in every
    # row (a column never filled): the table's one way of writing missing text, no dirt.
    rows = apps.rssguard_rows()
    ran, run_dir = run_export(apps.rssguard)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0
    messages = {row[0]: row for row in rows["Messages"]}
    types = ran.types("Messages")
    assert types["date_created"] == "timestamp with time zone"
    assert ran.values("Messages", "date_created", "id") == {
        n: UNIX_EPOCH + timedelta(milliseconds=row[9]) for n, row in messages.items()
    }
    assert types["score"] == "double precision"
    assert ran.values("Messages", "score", "id") == {n: row[12] for n, row in messages.items()}
    for index, column in ((6, "title"), (7, "url"), (10, "contents"), (14, "custom_id")):
        assert types[column] == "text", column
        assert ran.values("Messages", column, "id") == {n: row[index] for n, row in messages.items()}, column
    for index, column in ((8, "author"), (11, "enclosures")):
        assert ran.values("Messages", column, "id") == {n: row[index] or None for n, row in messages.items()}
        assert audit_rules(run_dir, "Messages", column) == {
            str(n): {"empty_to_null"} for n, row in messages.items() if row[index] == ""
        }, column
    feeds = {row[0]: row for row in rows["Feeds"]}
    assert ran.types("Feeds")["icon"] == ran.types("Labels")["icon"] == "bytea"
    assert ran.values("Feeds", "icon", "id") == {i: apps.RSSGUARD_ICON for i in feeds}
    assert ran.values("Feeds", "date_created", "id") == {
        i: UNIX_EPOCH + timedelta(milliseconds=row[4]) for i, row in feeds.items()
    }
    assert ran.values("Feeds", "category", "id") == {i: row[6] for i, row in feeds.items()}
    found = references(run_dir)
    assert found[("Feeds", "category")] == "Categories.id"
    roots = sum(1 for row in feeds.values() if row[6] == -1)
    assert profiled(run_dir)["columns"]["Feeds"]["category"]["no_reference_count"] == roots > 0
    assert {key: parent for key, parent in found.items() if key != ("Feeds", "category")} == {
        ("Categories", "account_id"): "Accounts.id",
        ("Feeds", "account_id"): "Accounts.id",
        ("Messages", "feed"): "Feeds.id",
        ("Messages", "account_id"): "Accounts.id",
        ("MessageFiltersInFeeds", "filter"): "MessageFilters.id",
        ("MessageFiltersInFeeds", "feed"): "Feeds.id",
        ("Labels", "account_id"): "Accounts.id",
        ("LabelsInMessages", "message"): "Messages.id",
        ("LabelsInMessages", "label"): "Labels.id",
        ("Probes", "account_id"): "Accounts.id",
    }
    assert ran.values("MessageFilters", "script", "id") == {row[0]: row[2] for row in rows["MessageFilters"]}


def test_linkding_keeps_its_blank_fields_audited_and_its_utc_moments_and_json_as_written(
    run_export: Runner,
) -> None:
    # linkding's Django models write blank CharFields and TextFields as '' (NOT NULL): the documented
    # '' → NULL rule, each cell audited, never charged; its moments Django's UTC text without an
    # offset, with a fraction only when the microsecond is not 0: naive timestamps, both shapes
    # read; BooleanFields 0/1 booleans; a profile's JSONField text kept as written; the declared
    # references all found, and latest_snapshot_id (an IntegerField, no reference declared) none.
    rows = apps.linkding_rows()
    ran, run_dir = run_export(apps.linkding)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0
    marks = {row[0]: row for row in rows["bookmarks_bookmark"]}
    types = ran.types("bookmarks_bookmark")
    for index, column in ((14, "date_added"), (15, "date_modified"), (16, "date_accessed")):
        assert types[column] == "timestamp without time zone", column
        assert ran.values("bookmarks_bookmark", column, "id") == {
            n: row[index] and datetime.fromisoformat(row[index]) for n, row in marks.items()
        }, column
    assert any(len(row[14]) == 19 for row in marks.values()) and any(
        len(row[14]) > 19 for row in marks.values()
    )
    for index, column in ((11, "unread"), (12, "is_archived"), (13, "shared")):
        assert types[column] == "boolean", column
        assert ran.values("bookmarks_bookmark", column, "id") == {
            n: bool(row[index]) for n, row in marks.items()
        }
    for index, column in ((2, "title"), (3, "description"), (4, "notes"), (7, "web_archive_snapshot_url")):
        blank = {n for n, row in marks.items() if row[index] == ""}
        assert blank and len(blank) < len(marks), column
        assert types[column] == "text", column
        assert ran.values("bookmarks_bookmark", column, "id") == {
            n: row[index] or None for n, row in marks.items()
        }, column
        assert audit_rules(run_dir, "bookmarks_bookmark", column) == {
            str(n): {"empty_to_null"} for n in blank
        }
    assert ran.values("bookmarks_bookmark", "url", "id") == {n: row[1] for n, row in marks.items()}
    assert types["latest_snapshot_id"] == "bigint"
    assert ran.values("bookmarks_bookmark", "latest_snapshot_id", "id") == {
        n: row[8] for n, row in marks.items()
    }
    assets = {row[0]: row for row in rows["bookmarks_bookmarkasset"]}
    assert ran.types("bookmarks_bookmarkasset")["file_size"] == "bigint"
    assert ran.values("bookmarks_bookmarkasset", "file_size", "id") == {
        n: row[3] for n, row in assets.items()
    }
    assert ran.values("bookmarks_bookmarkasset", "gzip", "id") == {
        n: bool(row[8]) for n, row in assets.items()
    }
    profiles = {row[0]: row for row in rows["bookmarks_userprofile"]}
    assert ran.types("bookmarks_userprofile")["search_preferences"] == "text"
    assert ran.values("bookmarks_userprofile", "search_preferences", "id") == {
        n: row[22] for n, row in profiles.items()
    }
    assert ran.values("bookmarks_feedtoken", "key", "user_id") == {
        row[2]: row[0] for row in rows["bookmarks_feedtoken"]
    }
    found = references(run_dir)
    for table, column, parent in (
        ("bookmarks_bookmark", "owner_id", "auth_user.id"),
        ("bookmarks_tag", "owner_id", "auth_user.id"),
        ("bookmarks_bookmark_tags", "bookmark_id", "bookmarks_bookmark.id"),
        ("bookmarks_bookmark_tags", "tag_id", "bookmarks_tag.id"),
        ("bookmarks_bookmarkasset", "bookmark_id", "bookmarks_bookmark.id"),
        ("bookmarks_userprofile", "user_id", "auth_user.id"),
        ("bookmarks_feedtoken", "user_id", "auth_user.id"),
        ("bookmarks_globalsettings", "guest_profile_user_id", "auth_user.id"),
        ("django_admin_log", "content_type_id", "django_content_type.id"),
    ):
        assert found[(table, column)] == parent, (table, column)
    assert ("bookmarks_bookmark", "latest_snapshot_id") not in found


def sequelize_moment(text: str) -> datetime:
    """Sequelize's ``YYYY-MM-DD HH:mm:ss.SSS +00:00`` read independently of the project's parser."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S.%f %z")


def test_audiobookshelf_reads_its_sequelize_moments_and_keeps_its_polymorphic_ids_unrelated(
    run_export: Runner,
) -> None:
    # Audiobookshelf's Sequelize models on SQLite: DATETIME text with its offset (instants, the Unix
    # epoch where a file system keeps no birth time, noted and kept), TINYINT(1) flags as numbers,
    # JSON arrays and objects as written, UUID keys and declared references; the polymorphic
    # mediaId/mediaItemId (UUIDV4, constraints: false, in tables declaring their other references)
    # relate nothing. Text of years, inode numbers and series positions read as the numbers they
    # are, an ISBN-10's X keeping its column text. The one charge: a user without a password ('')
    # beside one signed in by OpenID (NULL).
    rows = apps.abs_rows()
    ran, run_dir = run_export(apps.audiobookshelf)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    columns = profiled(run_dir)["columns"]
    charged = {
        (table, name)
        for table, named in columns.items()
        for name, column in named.items()
        if column["quality"] < 100.0
    }
    assert charged == {("users", "pash")}
    assert ran.record["quality_after"] == 100.0 > ran.record["quality_before"]
    assert ran.values("users", "pash", "id") == {row[0]: row[3] or None for row in rows["users"]}
    items = {row[0]: row for row in rows["libraryItems"]}
    types = ran.types("libraryItems")
    for index, column in (
        (9, "mtime"),
        (10, "ctime"),
        (11, "birthtime"),
        (13, "lastScan"),
        (17, "createdAt"),
    ):
        assert types[column] == "timestamp with time zone", column
        assert ran.values("libraryItems", column, "id") == {
            key: sequelize_moment(row[index]) for key, row in items.items()
        }, column
    assert UNIX_EPOCH in ran.values("libraryItems", "birthtime", "id").values()
    assert any("Unix epoch" in note for note in columns["libraryItems"]["birthtime"]["notes"])
    for index, column in ((6, "isFile"), (7, "isMissing")):
        assert types[column] == "bigint", column
        assert ran.values("libraryItems", column, "id") == {key: row[index] for key, row in items.items()}
    assert types["ino"] == types["size"] == "bigint"
    assert ran.values("libraryItems", "ino", "id") == {key: int(row[1]) for key, row in items.items()}
    for index, column in ((4, "mediaId"), (15, "libraryFiles"), (2, "path")):
        assert types[column] == "text", column
        assert ran.values("libraryItems", column, "id") == {key: row[index] for key, row in items.items()}
    books = {row[0]: row for row in rows["books"]}
    kinds = ran.types("books")
    assert (kinds["publishedYear"], kinds["publishedDate"], kinds["isbn"]) == ("bigint", "date", "text")
    assert ran.values("books", "publishedYear", "id") == {
        key: row[4] and int(row[4]) for key, row in books.items()
    }
    assert ran.values("books", "publishedDate", "id") == {
        key: row[5] and date.fromisoformat(row[5]) for key, row in books.items()
    }
    assert ran.values("books", "isbn", "id") == {key: row[8] for key, row in books.items()}
    assert kinds["duration"] == "double precision"
    assert ran.values("books", "duration", "id") == {key: row[14] for key, row in books.items()}
    for index, column in ((15, "narrators"), (16, "audioFiles"), (17, "ebookFile"), (18, "chapters")):
        assert ran.values("books", column, "id") == {key: row[index] for key, row in books.items()}, column
    assert ran.types("bookSeries")["sequence"] == "numeric"
    assert {
        key: value if value is None else Decimal(value)
        for key, value in ran.values("bookSeries", "sequence", "id").items()
    } == {row[0]: row[1] and Decimal(row[1]) for row in rows["bookSeries"]}
    # The feed's episodes: season and episode numbers '' where the feed has none, every other string
    # given, a missing size NULL: each kind written one way, so the blanks cost nothing (made NULL and
    # audited); the RSS pubDate read as the instant its offset or zone names, as publishedAt holds it.
    episodes = {row[0]: row for row in rows["podcastEpisodes"]}
    told = ran.types("podcastEpisodes")
    assert (told["season"], told["episode"], told["enclosureSize"]) == ("bigint", "bigint", "bigint")
    for index, column in ((2, "season"), (3, "episode")):
        blank = {key for key, row in episodes.items() if row[index] == ""}
        assert blank and columns["podcastEpisodes"][column]["blank_is_missing"], column
        assert ran.values("podcastEpisodes", column, "id") == {
            key: int(row[index]) if row[index] else None for key, row in episodes.items()
        }, column
        assert audit_rules(run_dir, "podcastEpisodes", column) == {key: {"empty_to_null"} for key in blank}
    assert told["pubDate"] == told["publishedAt"] == "timestamp with time zone"
    published = dict(apps.ABS_PUB_DATES)
    assert ran.values("podcastEpisodes", "pubDate", "id") == {
        key: published[row[8]] for key, row in episodes.items()
    }
    assert ran.values("podcastEpisodes", "publishedAt", "id") == {
        key: sequelize_moment(row[12]) for key, row in episodes.items()
    }
    assert ran.values("podcastEpisodes", "enclosureSize", "id") == {
        key: row[10] for key, row in episodes.items()
    }
    sessions = {row[0]: row for row in rows["playbackSessions"]}
    assert ran.types("playbackSessions")["date"] == "date"
    assert ran.values("playbackSessions", "date", "id") == {
        key: date.fromisoformat(row[14]) for key, row in sessions.items()
    }
    assert ran.values("playbackSessions", "currentTime", "id") == {
        key: row[9] for key, row in sessions.items()
    }
    found = references(run_dir)
    for table, column, parent in (
        ("libraryFolders", "libraryId", "libraries.id"),
        ("bookAuthors", "bookId", "books.id"),
        ("bookAuthors", "authorId", "authors.id"),
        ("bookSeries", "seriesId", "series.id"),
        ("libraryItems", "libraryFolderId", "libraryFolders.id"),
        ("mediaProgresses", "userId", "users.id"),
        ("playbackSessions", "deviceId", "devices.id"),
        ("podcastEpisodes", "podcastId", "podcasts.id"),
    ):
        assert found[(table, column)] == parent, (table, column)
    for table, column in (
        ("libraryItems", "mediaId"),
        ("mediaProgresses", "mediaItemId"),
        ("playbackSessions", "mediaItemId"),
    ):
        assert (table, column) not in found, (table, column)


def test_karakeep_reads_drizzle_seconds_and_millis_as_instants_and_its_generated_column(
    run_export: Runner,
) -> None:
    # Karakeep's Drizzle columns: ``integer({mode: "timestamp"})`` epoch seconds (createdAt, modifiedAt,
    # crawledAt, attachedAt, addedAt, lastUsedAt, datePublished) and ``timestamp_ms`` milliseconds (a
    # session's expires, Auth.js's emailVerified: bigint until 2026-12-06) are instants; booleans 0/1
    # stay integers. cuid2 text keys: the
    # declared references, and the ones Drizzle never declares (an asset id) found in the data. The
    # tag's VIRTUAL generated normalizedName arrives as SQLite computes it.
    rows = apps.karakeep_rows()
    ran, run_dir = run_export(apps.karakeep)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_after"] == 100.0
    columns = profiled(run_dir)["columns"]
    charged = {(t, n) for t, named in columns.items() for n, c in named.items() if c["quality"] < 100.0}
    assert charged == {
        (table, name) for table in rows for name in _blanks_beside_nulls(rows, apps.KARAKEEP_DDL, table)
    }, charged

    def seconds(value: int | None) -> datetime | None:
        return None if value is None else UNIX_EPOCH + timedelta(seconds=value)

    for table, column, index in (
        ("bookmarks", "createdAt", 1),
        ("bookmarks", "modifiedAt", 2),
        ("bookmarkLinks", "crawledAt", 12),
        ("apiKey", "createdAt", 2),
        ("apiKey", "lastUsedAt", 3),
        ("highlights", "createdAt", 8),
        ("bookmarkTags", "createdAt", 2),
        ("bookmarkLists", "createdAt", 4),
    ):
        assert ran.types(table)[column] == "timestamp with time zone", (table, column)
        assert ran.values(table, column, "id") == {row[0]: seconds(row[index]) for row in rows[table]}, column
    for table, other, column in (
        ("tagsOnBookmarks", "tagId", "attachedAt"),
        ("bookmarksInLists", "listId", "addedAt"),
    ):
        assert ran.types(table)[column] == "timestamp with time zone", (table, column)
        relation = f"{quote_ident(ran.base)}.{quote_ident(table)}"
        loaded = pg_query(
            ran.uri, f'SELECT "bookmarkId", {quote_ident(other)}, {quote_ident(column)} FROM {relation}'
        )
        assert sorted(loaded) == sorted((row[0], row[1], seconds(row[2])) for row in rows[table]), column
        assert any(row[2] is None for row in rows[table])
    assert ran.types("session")["expires"] == "timestamp with time zone"
    assert ran.values("session", "expires", "sessionToken") == {
        row[0]: UNIX_EPOCH + timedelta(milliseconds=row[2]) for row in rows["session"]
    }
    assert ran.types("bookmarkLinks")["crawlStatusCode"] == "bigint"
    for table, column, index in (("bookmarkLinks", "datePublished", 6), ("bookmarkLinks", "dateModified", 7)):
        assert ran.types(table)[column] == "timestamp with time zone", (table, column)
        assert ran.values(table, column, "id") == {row[0]: seconds(row[index]) for row in rows[table]}, column
    # Auth.js's emailVerified: epoch milliseconds, NULL until verified.
    assert ran.types("user")["emailVerified"] == "timestamp with time zone"
    assert ran.values("user", "emailVerified", "id") == {
        row[0]: None if row[3] is None else UNIX_EPOCH + timedelta(milliseconds=row[3])
        for row in rows["user"]
    }
    for table, column, index in (
        ("bookmarks", "archived", 4),
        ("bookmarks", "favourited", 5),
        ("user", "backupsEnabled", 14),
    ):
        assert ran.types(table)[column] == "bigint", column
        assert ran.values(table, column, "id") == {row[0]: row[index] for row in rows[table]}, column
    assert ran.types("user")["readerLineHeight"] == "double precision"
    assert ran.values("bookmarkAssets", "metadata", "id") == {
        row[0]: row[4] for row in rows["bookmarkAssets"]
    }
    assert ran.values("bookmarkTexts", "text", "id") == {row[0]: row[1] for row in rows["bookmarkTexts"]}
    assert ran.values("bookmarkTags", "normalizedName", "id") == {
        row[0]: row[1].replace(" ", "").replace("-", "").replace("_", "").lower()
        for row in rows["bookmarkTags"]
    }

    found = references(run_dir)
    for (table, column), parent in {
        ("bookmarks", "userId"): "user.id",
        ("bookmarkLinks", "id"): "bookmarks.id",
        ("bookmarkLinks", "contentAssetId"): "assets.id",
        ("bookmarkAssets", "assetId"): "assets.id",
        ("assets", "bookmarkId"): "bookmarks.id",
        ("tagsOnBookmarks", "tagId"): "bookmarkTags.id",
        ("bookmarkLists", "parentId"): "bookmarkLists.id",
        ("bookmarksInLists", "listId"): "bookmarkLists.id",
        ("session", "userId"): "user.id",
    }.items():
        assert found.get((table, column)) == parent, (table, column)


def test_ntfy_message_cache_reads_its_unix_seconds_and_keeps_zero_for_no_attachment_expiry(
    run_export: Runner,
) -> None:
    # ntfy's message cache: every column NOT NULL, "none" written as '' (a title, tags, a click URL,
    # the actions' JSON, an attachment's name, the sender's IP) or 0 (an attachment's size and expiry).
    # time and expires are Unix seconds: instants, a scheduled message's in the future; the attachment
    # expiry's 0 beside its seconds keeps it bigint with the instant's note; Go's bools 0/1 and the
    # priorities stay integers; '' arrives as NULL by the blank rule, audited; a base64 body as written.
    rows = apps.ntfy_rows()
    messages = rows["messages"]
    ran, run_dir = run_export(apps.ntfy)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_after"] == 100.0
    types = ran.types("messages")
    assert types["time"] == types["expires"] == "timestamp with time zone"
    for column, index in (("time", 2), ("expires", 3)):
        assert ran.values("messages", column, "id") == {
            row[0]: UNIX_EPOCH + timedelta(seconds=row[index]) for row in messages
        }, column
    assert any(row[2] > int(apps.NTFY_START.timestamp()) + 6 * 3600 and row[21] == 0 for row in messages)
    for column, index in (
        ("priority", 7),
        ("attachment_size", 14),
        ("attachment_expires", 15),
        ("attachment_deleted", 17),
        ("published", 21),
    ):
        assert types[column] == "bigint", column
        assert ran.values("messages", column, "id") == {row[0]: row[index] for row in messages}, column
    assert {row[15] for row in messages} >= {0}
    notes = profiled(run_dir)["columns"]["messages"]["attachment_expires"]["notes"]
    assert any('to_timestamp(NULLIF("attachment_expires", 0))' in note for note in notes), notes
    for column, index in (
        ("mid", 1),
        ("topic", 4),
        ("message", 5),
        ("title", 6),
        ("tags", 8),
        ("click", 9),
        ("icon", 10),
        ("actions", 11),
        ("attachment_name", 12),
        ("attachment_url", 16),
        ("sender", 18),
        ("user", 19),
        ("encoding", 20),
    ):
        assert types[column] == "text", column
        assert ran.values("messages", column, "id") == {row[0]: arrives_as(row[index]) for row in messages}, (
            column
        )
    for column, index in (("title", 6), ("tags", 8), ("attachment_url", 16)):
        rules = audit_rules(run_dir, "messages", column)
        assert set(rules) == {str(row[0]) for row in messages if row[index] == ""}, column
        assert {rule for found in rules.values() for rule in found} == {"empty_to_null"}, column
    assert ran.values("schemaVersion", "version", "id") == {1: 10}
    assert references(run_dir) == {}


def test_gotify_keeps_go_nanosecond_times_as_written_and_finds_gorm_v1_references(run_export: Runner) -> None:
    # Gotify on jinzhu/gorm: go-sqlite3 writes each time.Time as text to Go's clock's nanosecond
    # (`2026-11-20 18:16:16.123456789+00:00`), finer than a timestamptz: the columns stay text, every
    # value as written; `bool` columns of 0/1 are booleans; bcrypt hashes, extras' JSON and a plugin's
    # YAML bound as []byte arrive byte for byte; gorm v1 declares no foreign key, and each relation is
    # found in the data.
    rows = apps.gotify_rows()
    ran, run_dir = run_export(apps.gotify)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_after"] == 100.0
    for table, column, index in (
        ("messages", "date", 6),
        ("applications", "last_used", 8),
        ("clients", "last_used", 4),
    ):
        assert ran.types(table)[column] == "text", (table, column)
        assert ran.values(table, column, "id") == {row[0]: row[index] for row in rows[table]}, column
    assert any(len(row[6].split(".")[-1]) == len("123456789+00:00") for row in rows["messages"])
    for table, column, index in (
        ("users", "admin", 3),
        ("applications", "internal", 5),
        ("plugin_confs", "enabled", 5),
    ):
        assert ran.types(table)[column] == "boolean", (table, column)
        assert ran.values(table, column, "id") == {row[0]: bool(row[index]) for row in rows[table]}, column
    for table, column, index in (
        ("users", "pass", 2),
        ("messages", "extras", 5),
        ("plugin_confs", "config", 6),
        ("plugin_confs", "storage", 7),
    ):
        assert ran.types(table)[column] == "bytea", (table, column)
        assert {k: v and bytes(v) for k, v in ran.values(table, column, "id").items()} == {
            row[0]: row[index] for row in rows[table]
        }, column
    assert ran.values("messages", "message", "id") == {row[0]: row[2] for row in rows["messages"]}
    assert ran.values("messages", "title", "id") == {row[0]: arrives_as(row[3]) for row in rows["messages"]}
    assert ran.values("messages", "priority", "id") == {row[0]: row[4] for row in rows["messages"]}
    assert ran.values("applications", "token", "id") == {row[0]: row[1] for row in rows["applications"]}
    assert references(run_dir) == {
        ("applications", "user_id"): "users.id",
        ("clients", "user_id"): "users.id",
        ("messages", "application_id"): "applications.id",
        ("plugin_confs", "user_id"): "users.id",
        ("plugin_confs", "application_id"): "applications.id",
    }


def test_baikal_server_reads_its_epoch_seconds_keeps_its_bodies_and_finds_its_references(
    run_export: Runner,
) -> None:
    # sabre/dav's PDO backends bind every parameter as a string: the iCalendar and vCard bodies are TEXT
    # cells in their `blob` columns (text, byte for byte: documents, each ending in its CRLF), the
    # property store's PARAM_LOB values BLOBs (bytea, byte for byte); `lastmodified` is time(), epoch
    # seconds (instants); first and last occurrences, etags, sizes and sync tokens as written; a
    # `bool` column of 0 and 1 is boolean, PHP's false bound as '' made NULL (charged: a blank beside
    # NULLs). `calendarorder`, a calendar's place in the client's list, refers to no table (h240).
    rows = apps.baikal_rows()
    ran, run_dir = run_export(apps.baikal)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_after"] == 100.0
    columns = profiled(run_dir)["columns"]
    charged = {(t, n) for t, named in columns.items() for n, c in named.items() if c["quality"] < 100.0}
    assert charged == {
        (table, name) for table in rows for name in _blanks_beside_nulls(rows, apps.BAIKAL_DDL, table)
    }, charged

    objects = {row[0]: row for row in rows["calendarobjects"]}
    types = ran.types("calendarobjects")
    assert types["calendardata"] == "text" and types["etag"] == "text"
    assert types["lastmodified"] == "timestamp with time zone"
    assert types["firstoccurence"] == types["lastoccurence"] == types["size"] == "bigint"
    # Each body byte for byte, its final CRLF kept (documents; until 2026-12-06 trimmed): its etag is
    # still the MD5 of the loaded body, its size the body's bytes.
    bodies = ran.values("calendarobjects", "calendardata", "id")
    assert bodies == {k: r[1] for k, r in objects.items()}
    assert {k: (hashlib.md5(b.encode()).hexdigest(), len(b.encode())) for k, b in bodies.items()} == {
        k: (r[5], r[6]) for k, r in objects.items()
    }
    assert ran.values("calendarobjects", "lastmodified", "id") == {
        k: UNIX_EPOCH + timedelta(seconds=r[4]) for k, r in objects.items()
    }
    for column, index in (("etag", 5), ("size", 6), ("firstoccurence", 8), ("lastoccurence", 9), ("uid", 10)):
        assert ran.values("calendarobjects", column, "id") == {k: r[index] for k, r in objects.items()}, (
            column
        )
    assert any(r[9] == int(apps.BAIKAL_MAX_DATE.timestamp()) for r in objects.values())
    cards = {row[0]: row for row in rows["cards"]}
    assert ran.types("cards")["carddata"] == "text"
    assert ran.values("cards", "carddata", "id") == {k: r[2] for k, r in cards.items()}
    assert ran.values("cards", "lastmodified", "id") == {
        k: UNIX_EPOCH + timedelta(seconds=r[4]) for k, r in cards.items()
    }
    assert ran.types("calendarsubscriptions")["lastmodified"] == "timestamp with time zone"

    instances = {row[0]: row for row in rows["calendarinstances"]}
    kinds = ran.types("calendarinstances")
    assert kinds["transparent"] == "boolean" and kinds["calendarorder"] == kinds["access"] == "bigint"
    assert ran.values("calendarinstances", "transparent", "id") == {
        k: None if r[10] == "" else bool(r[10]) for k, r in instances.items()
    }
    assert ran.values("calendarinstances", "calendarorder", "id") == {k: r[7] for k, r in instances.items()}
    assert ran.values("calendarinstances", "timezone", "id") == {k: r[9] for k, r in instances.items()}
    assert ran.types("propertystorage")["value"] == "bytea"
    assert {k: bytes(v) for k, v in ran.values("propertystorage", "value", "id").items()} == {
        row[0]: row[4] for row in rows["propertystorage"]
    }
    assert ran.values("users", "digesta1", "username") == {row[1]: row[2] for row in rows["users"]}
    assert ran.values("calendars", "synctoken", "id") == {row[0]: row[1] for row in rows["calendars"]}

    found = references(run_dir)
    for (table, column), parent in {
        ("cards", "addressbookid"): "addressbooks.id",
        ("addressbookchanges", "addressbookid"): "addressbooks.id",
        ("calendarobjects", "calendarid"): "calendars.id",
        ("calendarinstances", "calendarid"): "calendars.id",
        ("calendarchanges", "calendarid"): "calendars.id",
        ("addressbooks", "principaluri"): "principals.uri",
        ("calendarinstances", "principaluri"): "principals.uri",
        ("calendarsubscriptions", "principaluri"): "principals.uri",
        ("schedulingobjects", "principaluri"): "principals.uri",
    }.items():
        assert found.get((table, column)) == parent, (table, column)
    assert ("calendarinstances", "calendarorder") not in found
    assert len(found) == 9, found


# --- Times of day (h231: a column declared TIME of times of day alone is read as time) ---


def as_time(text: str | None) -> time | None:
    """A time of day as an application wrote it (``H:MM``, ``HH:MM[:SS[.f]]``) read by Python's ISO
    reader, an hour of one digit padded: the value a column declared TIME loads; blank or NULL: None."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    return time.fromisoformat(text if text.index(":") == 2 else f"0{text}")


def _sonarr_columns(table: str) -> list[tuple[str, str]]:
    """(name, declared type) of a Sonarr table, read from the builder's own CREATE TABLE."""
    con = sqlite3.connect(":memory:")
    for statement in apps.SONARR_DDL:
        if statement.startswith("CREATE TABLE"):
            con.execute(statement)
    return [(row[1], row[2]) for row in con.execute(f"PRAGMA table_info({quote_ident(table)})")]


def test_sonarr_reads_its_utc_datetimes_keeps_dotnet_ticks_as_written_and_numbers_no_episode_as_a_key(
    run_export: Runner,
) -> None:
    # Sonarr's sonarr.db (System.Data.SQLite, DateTimeKind.Utc): a DATETIME is `yyyy-MM-dd
    # HH:mm:ss.FFFFFFFZ`, an instant where its fraction fits a microsecond, text as written where
    # DateTime.UtcNow's seventh digit (100 ns) does not; AirDate 'yyyy-MM-dd' text is a date and
    # FluentMigrator's VersionInfo.AppliedOn a naive timestamp. Booleans stay INTEGER 0/1, JSON
    # columns text as written, sizes exact, a NUMERIC column's whole and fractional sizes numeric.
    # No FOREIGN KEY is declared: episodes, files and history find their series, an episode its file
    # (EpisodeFileId 0 while none: no orphan), a series its quality profile; an episode's number
    # within its season is no reference to the settings' keys it happens to fit.
    rows = apps.sonarr_rows()
    ran, run_dir = run_export(apps.sonarr)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] < 100.0 == ran.record["quality_after"]
    columns = profiled(run_dir)["columns"]
    charged = {(t, n) for t, named in columns.items() for n, c in named.items() if c["quality"] < 100.0}
    assert charged == {
        (table, name) for table in rows for name in _blanks_beside_nulls(rows, apps.SONARR_DDL, table)
    }, charged
    assert charged >= {("Episodes", "Title"), ("Series", "AirTime")}

    def ticks(text: str | None) -> bool:
        return text is not None and "." in text and len(text.split(".")[1].removesuffix("Z")) == 7

    moments = 0
    for table, values in rows.items():
        types = ran.types(table)
        for index, (name, declared) in enumerate(_sonarr_columns(table)):
            if declared != "DATETIME" or table == "VersionInfo":
                continue
            written = {row[0]: row[index] for row in values}
            got = ran.values(table, name, "Id")
            if any(ticks(v) for v in written.values()):
                assert types[name] == "text", (table, name)
                assert got == written, (table, name)
            else:
                assert types[name] == "timestamp with time zone", (table, name)
                assert got == {k: v and datetime.fromisoformat(v) for k, v in written.items()}, (table, name)
                moments += 1
    assert moments >= 10 and ran.types("History")["Date"] == ran.types("EpisodeFiles")["DateAdded"] == "text"

    assert ran.types("VersionInfo")["AppliedOn"] == "timestamp without time zone"
    assert ran.values("VersionInfo", "AppliedOn", "Version") == {
        v: datetime.fromisoformat(at) for v, at, _ in rows["VersionInfo"]
    }
    episodes = {row[0]: row for row in rows["Episodes"]}
    types = ran.types("Episodes")
    assert types["AirDate"] == "date" and types["Monitored"] == types["EpisodeNumber"] == "bigint"
    assert ran.values("Episodes", "AirDate", "Id") == {
        k: row[13] and date.fromisoformat(row[13]) for k, row in episodes.items()
    }
    assert ran.values("Episodes", "Title", "Id") == {k: row[4] or None for k, row in episodes.items()}
    assert ran.values("Episodes", "Ratings", "Id") == {k: row[14] for k, row in episodes.items()}
    assert ran.values("Episodes", "EpisodeFileId", "Id") == {k: row[6] for k, row in episodes.items()}
    files = {row[0]: row for row in rows["EpisodeFiles"]}
    assert ran.types("EpisodeFiles")["Size"] == "bigint"
    for column, index in (("Size", 3), ("Quality", 2), ("MediaInfo", 8), ("SceneName", 6)):
        assert ran.values("EpisodeFiles", column, "Id") == {k: row[index] for k, row in files.items()}, column
    series = {row[0]: row for row in rows["Series"]}
    for column, index in (("Images", 10), ("Seasons", 23), ("Genres", 26), ("Tags", 30), ("AddOptions", 32)):
        assert ran.values("Series", column, "Id") == {k: row[index] for k, row in series.items()}, column
    assert ran.values("Series", "AirTime", "Id") == {k: row[9] or None for k, row in series.items()}
    assert ran.values("Series", "ImdbId", "Id") == {k: row[3] for k, row in series.items()}
    assert ran.values("History", "Data", "Id") == {row[0]: row[6] for row in rows["History"]}
    assert ran.values("History", "DownloadId", "Id") == {row[0]: row[8] for row in rows["History"]}
    assert ran.values("Commands", "Duration", "Id") == {row[0]: row[8] for row in rows["Commands"]}
    definitions = ran.types("QualityDefinitions")
    assert definitions["MinSize"] == "bigint" and definitions["MaxSize"].startswith("numeric")
    assert {
        k: v if v is None else Decimal(v)
        for k, v in ran.values("QualityDefinitions", "MaxSize", "Id").items()
    } == {row[0]: None if row[4] is None else Decimal(str(row[4])) for row in rows["QualityDefinitions"]}
    assert ran.values("Config", "Value", "Key") == {row[1]: row[2] or None for row in rows["Config"]}

    found = references(run_dir)
    for (table, column), parent in {
        ("Episodes", "SeriesId"): "Series.Id",
        ("Episodes", "EpisodeFileId"): "EpisodeFiles.Id",
        ("EpisodeFiles", "SeriesId"): "Series.Id",
        ("History", "SeriesId"): "Series.Id",
        ("History", "EpisodeId"): "Episodes.Id",
        ("Blacklist", "SeriesId"): "Series.Id",
        ("Blacklist", "Indexer"): "Indexers.Name",
        ("Series", "QualityProfileId"): "QualityProfiles.Id",
    }.items():
        assert found.get((table, column)) == parent, (table, column)
    assert columns["Episodes"]["EpisodeFileId"]["no_reference_count"] == sum(
        1 for row in episodes.values() if row[6] == 0
    )
    for column in ("EpisodeNumber", "SeasonNumber", "SceneEpisodeNumber", "AbsoluteEpisodeNumber"):
        assert ("Episodes", column) not in found, column
    assert ("Commands", "Status") not in found and ("History", "EventType") not in found


def test_radarr_keeps_its_settings_none_reads_midnight_release_dates_and_finds_its_metadata_references(
    run_export: Runner,
) -> None:
    # Radarr's radarr.db (migration 207 on): each movie points to its TMDb MovieMetadata, as its
    # alternative titles and translations do; MovieFileId 0 while no file exists. System.Data.SQLite's
    # UTC DateTime text is an instant (release dates at midnight UTC) or, with .NET's seventh fraction
    # digit, text as written; documents are System.Text.Json's indented JSON, kept as written; a
    # NUMERIC column of integers is bigint, of fractions numeric, exact. The settings' file date `None`
    # (its enum's name) is that setting's value, not NULL; their blank path is NULL by the blank rule.
    rows = apps.radarr_rows()
    ran, run_dir = run_export(apps.radarr)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] < 100.0 == ran.record["quality_after"]
    columns = profiled(run_dir)["columns"]
    charged = {(t, n) for t, named in columns.items() for n, c in named.items() if c["quality"] < 100.0}
    assert charged == {
        (table, name) for table in rows for name in _blanks_beside_nulls(rows, apps.RADARR_DDL, table)
    }, charged

    assert ran.values("Config", "Value", "Key") == {key: value or None for _, key, value in rows["Config"]}
    assert columns["Config"]["Value"]["quality"] == 100.0

    con = sqlite3.connect(":memory:")
    for statement in apps.RADARR_DDL:
        if statement.startswith("CREATE TABLE"):
            con.execute(statement)

    def ticks(text: str | None) -> bool:
        return text is not None and "." in text and len(text.split(".")[1].removesuffix("Z")) == 7

    moments = 0
    for table, values in rows.items():
        if table == "VersionInfo":
            continue
        types = ran.types(table)
        declared = [(r[1], r[2]) for r in con.execute(f"PRAGMA table_info({quote_ident(table)})")]
        for index, (name, kind) in enumerate(declared):
            if kind != "DATETIME":
                continue
            written = {row[0]: row[index] for row in values}
            got = ran.values(table, name, "Id")
            if any(ticks(v) for v in written.values()):
                assert (types[name], got) == ("text", written), (table, name)
            else:
                assert types[name] == "timestamp with time zone", (table, name)
                assert got == {k: v and datetime.fromisoformat(v) for k, v in written.items()}, (table, name)
                moments += 1
    assert moments >= 4 and ran.types("MovieMetadata")["InCinemas"] == "timestamp with time zone"
    assert ran.types("VersionInfo")["AppliedOn"] == "timestamp without time zone"

    metadata = {row[0]: row for row in rows["MovieMetadata"]}
    for column, index in (
        ("Images", 3),
        ("Genres", 4),
        ("Ratings", 19),
        ("Recommendations", 20),
        ("Title", 5),
    ):
        assert ran.values("MovieMetadata", column, "Id") == {k: row[index] for k, row in metadata.items()}, (
            column
        )
    assert ran.values("MovieMetadata", "OriginalTitle", "Id") == {k: row[8] for k, row in metadata.items()}
    assert ran.types("MovieMetadata")["Popularity"].startswith("numeric")
    assert {k: Decimal(v) for k, v in ran.values("MovieMetadata", "Popularity", "Id").items()} == {
        k: Decimal(repr(row[26])) for k, row in metadata.items()
    }
    definitions = ran.types("QualityDefinitions")
    assert definitions["MaxSize"] == "bigint"
    assert definitions["MinSize"].startswith("numeric") and definitions["PreferredSize"].startswith("numeric")
    for column, index in (("MinSize", 3), ("PreferredSize", 5)):
        assert {
            k: v if v is None else Decimal(v)
            for k, v in ran.values("QualityDefinitions", column, "Id").items()
        } == {
            row[0]: None if row[index] is None else Decimal(str(row[index]))
            for row in rows["QualityDefinitions"]
        }
    assert ran.values("Commands", "Priority", "Id") == {row[0]: row[3] for row in rows["Commands"]}
    assert ran.values("Commands", "Body", "Id") == {row[0]: row[2] for row in rows["Commands"]}
    assert ran.values("Commands", "Duration", "Id") == {row[0]: row[8] for row in rows["Commands"]}
    assert ran.values("MovieFiles", "Size", "Id") == {row[0]: row[3] for row in rows["MovieFiles"]}
    assert ran.values("MovieFiles", "MediaInfo", "Id") == {row[0]: row[6] for row in rows["MovieFiles"]}
    assert ran.values("ImportExclusions", "MovieYear", "Id") == {
        row[0]: row[3] for row in rows["ImportExclusions"]
    }
    assert ran.values("Movies", "MovieFileId", "Id") == {row[0]: row[7] for row in rows["Movies"]}

    found = references(run_dir)
    for (table, column), parent in {
        ("Movies", "MovieMetadataId"): "MovieMetadata.Id",
        ("Movies", "MovieFileId"): "MovieFiles.Id",
        ("Movies", "QualityProfileId"): "QualityProfiles.Id",
        ("MovieFiles", "MovieId"): "Movies.Id",
        ("History", "MovieId"): "Movies.Id",
        ("Blocklist", "MovieId"): "Movies.Id",
        ("AlternativeTitles", "MovieMetadataId"): "MovieMetadata.Id",
        ("MovieTranslations", "MovieMetadataId"): "MovieMetadata.Id",
        ("Collections", "QualityProfileId"): "QualityProfiles.Id",
    }.items():
        assert found.get((table, column)) == parent, (table, column)
    assert columns["Movies"]["MovieFileId"]["no_reference_count"] == sum(
        1 for row in rows["Movies"] if row[7] == 0
    )
    assert ("MovieTranslations", "Language") not in found and ("Blocklist", "Protocol") not in found


def decimals(values: dict[Any, Any]) -> dict[Any, Decimal | None]:
    """A numeric column's values (read back as text) as decimals, NULL as None."""
    return {k: None if v is None else Decimal(v) for k, v in values.items()}


def test_firefly_iii_keeps_its_decimal_amounts_exact_and_reads_its_eloquent_dates(
    run_export: Runner,
) -> None:
    # Firefly III on Laravel's SQLite grammar: every decimal(32, 12) is declared a bare `numeric`,
    # whose affinity stores the strings bcmath wrote ('-4.370000000000', '0.000006172835') as REAL
    # (whole ones as INTEGER): numeric, each amount the decimal Firefly wrote. Eloquent's moments are
    # naive 'Y-m-d H:i:s' text (timestamp); a `date` column written at midnight by the same format is
    # read as its day (audited). Booleans are tinyint(1) 0/1, JSON preferences and meta text as written,
    # every foreign key declared; soft-deleted rows load like any other.
    rows = apps.firefly_rows()
    ran, run_dir = run_export(apps.firefly_iii)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    assert ran.record["quality_before"] == ran.record["quality_after"] == 100.0
    stamp = "%Y-%m-%d %H:%M:%S"
    transactions = {row[0]: row for row in rows["transactions"]}
    types = ran.types("transactions")
    assert types["amount"] == types["foreign_amount"] == "numeric"
    amounts = decimals(ran.values("transactions", "amount", "id"))
    assert amounts == {i: Decimal(row[9]) for i, row in transactions.items()}
    assert amounts[9] == Decimal("-0.000006172835")
    assert decimals(ran.values("transactions", "foreign_amount", "id")) == {
        i: None if row[10] is None else Decimal(row[10]) for i, row in transactions.items()
    }
    for index, column in ((1, "created_at"), (3, "deleted_at")):
        assert types[column] == "timestamp without time zone"
        assert ran.values("transactions", column, "id") == {
            i: None if row[index] is None else datetime.strptime(row[index], stamp)
            for i, row in transactions.items()
        }, column
    assert types["reconciled"] == types["identifier"] == "bigint"
    assert ran.values("transactions", "reconciled", "id") == {i: row[4] for i, row in transactions.items()}
    journals = {row[0]: row for row in rows["transaction_journals"]}
    jtypes = ran.types("transaction_journals")
    assert jtypes["date"] == "timestamp without time zone"
    assert jtypes["interest_date"] == "date"
    assert ran.values("transaction_journals", "date", "id") == {
        i: datetime.strptime(row[10], stamp) for i, row in journals.items()
    }
    assert ran.values("transaction_journals", "interest_date", "id") == {
        i: None if row[11] is None else datetime.strptime(row[11], stamp).date()
        for i, row in journals.items()
    }
    assert audit_rules(run_dir, "transaction_journals", "interest_date") == {
        str(i): {"date_format:%Y-%m-%d %H:%M:%S"} for i, row in journals.items() if row[11] is not None
    }
    assert ran.values("transaction_journals", "description", "id") == {
        i: row[9] for i, row in journals.items()
    }
    limits = {row[0]: row for row in rows["budget_limits"]}
    assert ran.types("budget_limits")["amount"] == "numeric"
    assert decimals(ran.values("budget_limits", "amount", "id")) == {
        i: Decimal(row[7]) for i, row in limits.items()
    }
    piggies = {row[0]: row for row in rows["piggy_banks"]}
    assert decimals(ran.values("piggy_banks", "targetamount", "id")) == {
        i: Decimal(row[6]) for i, row in piggies.items()
    }
    # A bare `numeric` of whole values only stays bigint (docs/profiling.md: csvkit's ids declare so too).
    accounts = {row[0]: row for row in rows["accounts"]}
    assert ran.types("accounts")["virtual_balance"] == "bigint"
    assert ran.values("accounts", "virtual_balance", "id") == {
        i: None if row[7] is None else int(row[7]) for i, row in accounts.items()
    }
    assert ran.values("preferences", "data", "id") == {row[0]: row[5] for row in rows["preferences"]}
    assert ran.values("journal_meta", "data", "id") == {row[0]: row[6] for row in rows["journal_meta"]}
    assert ran.values("journal_meta", "hash", "id") == {row[0]: row[7] for row in rows["journal_meta"]}
    assert ran.values("users", "remember_token", "id") == {row[0]: row[5] for row in rows["users"]}
    assert ran.values("transaction_currencies", "symbol", "id") == {
        row[0]: row[7] for row in rows["transaction_currencies"]
    }
    declared = {
        ("accounts", "user_id"): "users.id",
        ("accounts", "account_type_id"): "account_types.id",
        ("account_meta", "account_id"): "accounts.id",
        ("transaction_groups", "user_id"): "users.id",
        ("transaction_journals", "user_id"): "users.id",
        ("transaction_journals", "transaction_group_id"): "transaction_groups.id",
        ("transaction_journals", "transaction_type_id"): "transaction_types.id",
        ("transaction_journals", "transaction_currency_id"): "transaction_currencies.id",
        ("transactions", "account_id"): "accounts.id",
        ("transactions", "transaction_journal_id"): "transaction_journals.id",
        ("transactions", "transaction_currency_id"): "transaction_currencies.id",
        ("transactions", "foreign_currency_id"): "transaction_currencies.id",
        ("journal_meta", "transaction_journal_id"): "transaction_journals.id",
        ("budgets", "user_id"): "users.id",
        ("budget_limits", "budget_id"): "budgets.id",
        ("budget_limits", "transaction_currency_id"): "transaction_currencies.id",
        ("categories", "user_id"): "users.id",
        ("category_transaction_journal", "category_id"): "categories.id",
        ("category_transaction_journal", "transaction_journal_id"): "transaction_journals.id",
        ("piggy_banks", "account_id"): "accounts.id",
        ("preferences", "user_id"): "users.id",
    }
    assert references(run_dir) == declared


NUMBER_LITERAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def test_photoprism_index_reads_go_moments_as_instants_and_keeps_float32_widths_and_its_string_keys(
    run_export: Runner,
) -> None:
    # PhotoPrism on SQLite (GORM v1, mattn/go-sqlite3): every time.Time is text with its offset
    # ('2024-05-17 07:35:07+00:00', the local wall clock too, stored in UTC's location): instants; the
    # soft deletes and publish times NULL in every row of their table are instants too, as the
    # export's other moments (until 2026-12-06 timestamps without time zone, whose type the next
    # export's first deleted row changed). VARBINARY(n) is SQLite's NUMERIC affinity: an exposure of
    # '30' seconds or a luminance of digits is stored as an INTEGER beside text ('1/250', '1A8765432'),
    # text as written. A float32 f-number or aspect ratio is the double Go widened it to, every bit;
    # `bool` flags are booleans; file times are Unix seconds (instants), meta_utc epoch milliseconds
    # with 0 for no date (bigint, noted). Places and cells are keyed by strings with 'zz' for unknown,
    # every reference found in the data (GORM v1 declares none). Go's '' of a string field beside the
    # NULL of a *string (a file's time_index, media_id) is missing written two ways in one table, and
    # those blanks are charged as documented.
    rows = apps.photoprism_rows()
    ran, run_dir = run_export(apps.photoprism)
    loaded_cleanly(ran, run_dir, {table: len(values) for table, values in rows.items()})
    assert (ran.code, ran.record["outcome"], ran.record["warnings"]) == (0, "done", [])
    with closing(sqlite3.connect(ran.db)) as con:
        info = {table: list(con.execute(f'PRAGMA table_info("{table}")')) for table in rows}
    names = {table: [r[1] for r in columns] for table, columns in info.items()}
    numeric = {(table, r[1]) for table, columns in info.items() for r in columns if "BINARY" in r[2].upper()}
    instant = "timestamp with time zone"

    def expected(kind: str, value: Any, affinity: bool = False) -> Any:
        if value is None:
            return None
        if affinity and isinstance(value, str) and NUMBER_LITERAL.fullmatch(value):
            # SQLite's NUMERIC affinity (a VARBINARY column) stores text that reads as a number as one:
            # '30' the INTEGER 30, '1E8765432' the REAL infinity; the target holds its shortest text.
            number = float(value) if re.search("[.eE]", value) else int(value)
            return repr(number) if kind == "text" else number
        if kind == instant:
            return (
                UNIX_EPOCH + timedelta(seconds=value)
                if isinstance(value, int)
                else datetime.fromisoformat(value)
            )
        if kind == "boolean":
            return bool(value)
        if kind == "text":
            return str(value) or None
        return value

    keys = {"places": "id", "cells": "id"}
    for table, values in rows.items():
        types = ran.types(table)
        if table == "photos_labels":
            continue
        key = keys.get(table, "id")
        for index, column in enumerate(names[table]):
            assert ran.values(table, column, key) == {
                row[names[table].index(key)]: expected(types[column], row[index], (table, column) in numeric)
                for row in values
            }, (table, column)
    moments = {"created_at", "updated_at", "deleted_at", "published_at", "estimated_at", "taken_at"}
    for table in rows:
        for column, kind in ran.types(table).items():
            if column in moments:
                assert kind == instant, (table, column)
    photos, files = ran.types("photos"), ran.types("files")
    assert photos["photo_f_number"] == photos["photo_lat"] == files["file_aspect_ratio"] == "double precision"
    assert (
        photos["photo_favorite"]
        == files["file_primary"]
        == ran.types("places")["place_favorite"]
        == "boolean"
    )
    assert photos["photo_exposure"] == files["file_luminance"] == "text"
    assert photos["photo_duration"] == files["meta_utc"] == "bigint"
    assert files["mod_time"] == instant
    labelled = pg_query(
        ran.uri, f'SELECT photo_id, label_id, label_src, uncertainty FROM "{ran.base}".photos_labels'
    )
    assert sorted(labelled) == sorted(rows["photos_labels"])
    assert primary_key(ran.uri, ran.record["version_schema"], "photos_labels") == ["photo_id", "label_id"]
    assert references(run_dir) == {
        ("cells", "place_id"): "places.id",
        ("photos", "place_id"): "places.id",
        ("photos", "cell_id"): "cells.id",
        ("photos", "camera_id"): "cameras.id",
        ("photos", "lens_id"): "lenses.id",
        ("files", "photo_id"): "photos.id",
        ("files", "photo_uid"): "photos.photo_uid",
        ("photos_labels", "photo_id"): "photos.id",
        ("photos_labels", "label_id"): "labels.id",
    }
    blanks_beside_values = {
        column
        for index, column in enumerate(names["files"])
        if any(row[index] == "" for row in rows["files"])
        and any(row[index] not in ("", None) for row in rows["files"])
    }
    columns = profiled(run_dir)["columns"]
    charged = {
        (table, name)
        for table, named in columns.items()
        for name, column in named.items()
        if column["quality"] < 100
    }
    assert charged == {("files", column) for column in blanks_beside_values}
    assert ran.record["quality_before"] < 100.0 == ran.record["quality_after"]
