"""Small but faithful SQLite files that applications write as their own databases (test data only).

Operators sometimes hand over an application's database instead of an export. Each builder writes,
with Python's ``sqlite3`` through :func:`tests.other_products.write_export`, the tables, declared
types and storage of one kind of application. Nothing is random: every value comes from the row's
number, so a test computes what a column holds from the same numbers.

- :func:`core_data`: an Apple Core Data store (``NSSQLiteStoreType``): ``ZTICKET`` and ``ZCUSTOMER``
  with ``Z_PK INTEGER PRIMARY KEY``, ``Z_ENT``, ``Z_OPT``, ``ZCREATIONDATE TIMESTAMP`` holding REAL
  seconds since 2001-01-01 (``738000000.123456``), ``ZSTATUS INTEGER``, ``ZTITLE VARCHAR``, the to-one
  relation ``ZCUSTOMER INTEGER`` (the customer's ``Z_PK``), and Core Data's own ``Z_PRIMARYKEY``,
  ``Z_METADATA`` (a binary plist in a BLOB) and ``Z_MODELCACHE``.
- :func:`android_room`: an Android app's Room database: ``date INTEGER`` in epoch milliseconds
  (``1716194520123``), ``is_read INTEGER`` 0/1, ``android_metadata(locale TEXT)`` = ``en_US`` and
  ``room_master_table``.
- :func:`chrome_history`: Chrome's ``History`` file: ``urls`` / ``visits`` with ``last_visit_time`` and
  ``visit_time`` in WebKit microseconds since 1601-01-01 (``13360000000000000``), ``visit_count``,
  long URLs with query strings, titles with emoji.
- :func:`trac_environment`: an issue tracker's own database as Trac 1.6 writes ``db/trac.db``: every
  time an INTEGER of microseconds since 1970 (``1704164645123456``), ``0`` for "no date" in a
  milestone's ``due`` / ``completed`` and a version's ``time``; ``ticket_change`` keyed by its declared
  ``UNIQUE (ticket, time, field)`` with every old and new value TEXT; custom fields in
  ``ticket_custom`` (a date custom field as 18 zero-padded digits, ``'001704254645123456'``).
- :func:`roundup_tracker`: Roundup's ``db/db`` (``sqlite`` backend): each class's table ``_issue``
  with its dates as text of Roundup's own form in ``VARCHAR(30)`` (``20240102030405.123``, UTC), a
  ``BOOLEAN`` property of 0/1, ``issue__journal`` (``params`` a Python repr) and the Multilink table
  ``issue_nosy (linkid, nodeid)`` with no declared key.
- :func:`matrix_homeserver`: a Matrix chat server's ``homeserver.db`` as Synapse writes it (its own
  DDL): ``events`` keyed by ``stream_ordering INTEGER PRIMARY KEY`` with epoch milliseconds, ``BOOL``
  0/1 and a ``state_key`` that is NULL for a message, ``''`` for a room's own state and a user id for
  a member; ``event_json`` (JSON text); ``current_state_events`` with ``UNIQUE (room_id, type,
  state_key)`` over ``NOT NULL`` columns; ``receipts_linearized`` and ``event_push_actions`` whose
  declared ``UNIQUE`` has a column that is NULL on most rows (``thread_id``, ``profile_tag``);
  ``users`` with epoch seconds and ``SMALLINT`` flags; ``user_filters`` with JSON in a ``BYTEA`` BLOB.
- :func:`gnucash_book`: a GnuCash book as GnuCash and piecash write it (``sqlite3://``): 32-hex-digit
  guid keys and references, none declared; every amount a fraction of two ``BIGINT`` (``value_num`` up
  to 10^16, negative, over denominators 1 to 10^8), times as text ``2019-01-01 10:59:00``, and
  ``slots`` of many kinds (int64 extremes, a double, a numeric pair, a ``gdate_val`` of 8 digits).
- :func:`tryton_sales`: Tryton's SQLite database of a few sales: every table keyed
  ``id INTEGER PRIMARY KEY AUTOINCREMENT`` 1..N, references declared nowhere and named for the table's
  last word (``sale_line.sale`` → ``sale_sale``), and each ``NUMERIC`` (prices, rates, roundings) a
  BLOB of the Decimal's ASCII text (``b'434041.0852'``: trytond binds a Decimal as ``str(d).encode()``).
- :func:`cms_search_index`: a CMS's search index as Wagtail's SQLite backend writes it: the entries
  (``object_id varchar(50)`` holding digits as TEXT, ``title_norm real``, ``body`` ``''`` for a page)
  and an FTS5 index of their text kept by triggers whose rowid is the entry's ``id``; a page and its
  translation index the same text, one entry deleted, one updated.
- :func:`home_assistant_recorder`: Home Assistant's recorder (``home-assistant_v2.db``, schema 42 as
  Home Assistant 2024.3 writes it): every moment a REAL of Unix seconds with microseconds
  (``last_updated_ts``), the whole seconds of a five-minute statistics period REAL too
  (``1704164400.0``), contexts as 16-byte ULIDs in BLOBs, attributes as JSON text shared through
  ``state_attributes`` by an unsigned 32-bit hash, ``BOOLEAN`` 0/1 flags, nullable ``FLOAT``
  mean/min/max/sum, legacy columns ``CHAR(0)`` and NULL in every row, and ``recorder_runs`` with
  ``DATETIME`` text (naive UTC, six fraction digits).
- :func:`celery_results`: Celery's database result backend (``db+sqlite://``, Celery 5.x):
  ``celery_taskmeta`` with each result, args and kwargs serialized into a ``BLOB`` (JSON bytes, or a
  pickle's for a task sent with the pickle serializer), ``date_done DATETIME`` text of the worker's
  local wall clock (six fraction digits), a failure's Python traceback ``TEXT`` ending in a newline,
  ``UNIQUE (task_id)`` beside the ``AUTOINCREMENT`` id, and ``celery_tasksetmeta`` for a group.
- :func:`r_data_frame` / :func:`r_extended_types`: data frames as R's ``DBI::dbWriteTable`` writes them
  (RSQLite 2.2): a ``Date`` as a double of days since 1970, a ``POSIXct`` as one of seconds (``REAL``
  columns, or ``DATE`` / ``TIMESTAMP`` with ``extended_types = TRUE``, whole numbers then INTEGER),
  logicals 0/1, ``Inf``/``-Inf``, NA as NULL, ``integer64`` beyond 2^53, a ``blob``, row names.
- :func:`feed_reader_cache`: a feed reader's ``cache.db`` as newsboat 2.30 writes it: ``rss_feed`` keyed
  by its URL, ``rss_item.feedurl`` naming it (declared nowhere), epoch seconds in ``pubDate`` and in
  ``lastmodified`` (a name of one lowercase word), 0/1 flags declared ``INTEGER(1)``, and ``''`` (never
  NULL) for every missing text under ``NOT NULL``.
- :func:`fossil_repository`: a Fossil 2.21 repository (an SCM with its tickets in one file): every
  moment of a check-in or ticket a REAL Julian day under ``DATETIME``/``DATE``/``TIMESTAMP``, users'
  times epoch seconds under ``DATE``, ``BOOLEAN`` 0/1, artifacts as zlib BLOBs, a ticket's contact
  named by the SHA1 of its ``concealed`` address, and an external-content FTS5 index over a view that
  calls Fossil's own SQL functions.
- :func:`joplin_profile`: a Joplin 3.5 profile's ``database.sqlite`` (its own DDL): every time ``INT``
  epoch milliseconds, ``0`` for "none" in a to-do's ``todo_due`` / ``todo_completed``, ``NUMERIC``
  coordinates holding a REAL or the INTEGER 0, ``order`` epoch milliseconds, 32-hex-digit ids whose
  references (``notes.parent_id``, ``note_tags``) are declared nowhere, Markdown bodies.
- :func:`actual_budget`: an Actual Budget file's ``db.sqlite`` (its own DDL): INTEGER cents up to
  2^31 - 1, dates as INTEGER ``YYYYMMDD`` under no date type, ``BOOLEAN`` and ``INTEGER`` 0/1 flags, uuid
  keys, a split transaction's children, and ``category_mapping`` / ``payee_mapping`` keyed by the same
  uuids as ``categories`` / ``payees``.
- :func:`powerdns_zones`: PowerDNS 4.7's ``gsqlite3`` database (its own DDL) after ``pdnsutil`` and the
  HTTP API: ``BOOLEAN``/``BOOL`` 0/1 flags, TTLs up to 2^31 - 1, NSEC3 order names (base32hex hashes),
  an NSEC zone's apex ordered as ``''`` beside NULL for glue and unrectified zones, empty non-terminals
  as rows of NULL type and content, a SOA serial ``YYYYMMDDnn`` and a last check in epoch seconds
  under names of no moment, comments' ``modified_at INT`` epoch seconds, DNSSEC keys as multi-line
  text ending in a newline, and declared references to ``domains``.
- :func:`directus_project`: a Directus 11 project's SQLite database (``DB_CLIENT=sqlite3``; its own DDL,
  as knex writes it): every ``date``, ``dateTime`` and ``timestamp`` field an INTEGER of epoch
  milliseconds under ``date`` / ``datetime`` (a ``date`` the midnight UTC of its day, before 1970
  negative), but ``DEFAULT CURRENT_TIMESTAMP`` text (``2026-12-04 20:42:45``, UTC) in the columns no
  service writes (``directus_migrations.timestamp``, a comment's ``date_updated``); ``boolean`` 0/1, a
  ``decimal`` field as ``float`` REALs, a ``time`` as text, ``json`` and ``csv`` fields as JSON text,
  ``char(36)`` uuid keys with their foreign keys declared (a M2O, a M2M junction, a file), and the
  activity log (its ``item`` a user's uuid for a login, a ticket's otherwise) and a collection's
  ``user_created`` naming users with no foreign key.
- :func:`strapi_project`: a Strapi 4 project's ``.tmp/data.db`` (knex on ``better-sqlite3``; its own
  DDL): every ``CONSTRAINT ... FOREIGN KEY`` clause written twice, relations in ``*_links`` tables
  with a REAL order, a repeatable component in its own table joined by ``tickets_components``,
  ``datetime`` fields as INTEGER epoch milliseconds beside ``date`` fields as text ``2026-02-11`` and
  ``time`` fields as text with milliseconds, a ``biginteger`` beyond 2^53, ``boolean`` 0/1/NULL,
  ``created_by_id`` / ``updated_by_id`` declared to reference an empty ``admin_users``, and a draft's
  NULL ``published_at``.
- :func:`vector_store`: a vector store's ``chroma.sqlite3`` as Chroma 1.5 writes it (its own DDL):
  metadata split over ``string_value``/``int_value``/``float_value``/``bool_value`` columns (one row
  per key, 64-bit extremes, the smallest subnormal double, 0/1 booleans under ``INTEGER``), ``seq_id``
  integers under ``BLOB``, float32 vectors in BLOBs, ``CURRENT_TIMESTAMP`` text, a trigram FTS5 index
  of the documents, migrations' SQL ending in a newline, ``segments.collection`` declared to reference
  a table that does not exist (``collection``), and the keyless ``embedding_metadata_array`` holding
  a list's elements, repeated ones as equal rows.
- :func:`redmine_tracker`: an issue tracker's own database as Redmine 5 (Rails 6.1, ``sqlite3``
  adapter) writes it (its own DDL): ``datetime`` text with microseconds, UTC without an offset
  (``2026-12-04 21:10:05.123456``), ``date`` text, ``float`` hours as REALs (``0.1 + 0.2``, ``1/3``),
  ``boolean`` 0/1, every custom field's value as text in one ``custom_values.value`` column (numbers,
  dates, ``'1'``/``'0'``, ``''``, a list item, a URL, ``'007'``), a journal's notes and a description in
  Textile with CRLF, and ``wiki_content_versions.data`` declared ``blob``: plain versions as TEXT beside
  zlib-deflated ones (``compression = 'gzip'``) as BLOBs. No reference is declared.
- :func:`roundcube_webmail`: a webmail's own database as Roundcube 1.6 writes it (its
  ``SQL/sqlite.initial.sql``): ``datetime`` text of the server's wall clock (``2026-12-04 22:54:11``)
  with MySQL's zero date ``0000-00-00 00:00:00`` as the schema's default, ``''`` for every missing
  text under ``NOT NULL``, preferences as PHP ``serialize()`` text, session data as base64 of it,
  vCards in ``contacts.vcard`` and a search index ``words`` with a leading blank, ``ON DELETE CASCADE``
  references declared, and the spell-check ``dictionary`` keyed ``UNIQUE (user_id, language)`` whose
  global list has ``user_id`` NULL.
- :func:`superset_metadata`: Apache Superset 6's metadata database (``SQLALCHEMY_DATABASE_URI`` on a
  SQLite file; its own DDL after ``superset db upgrade``): every ``uuid`` 16 bytes in a BLOB under
  ``NUMERIC(16)`` (sqlalchemy-utils' ``UUIDType(binary=True)``), SQL Lab's times epoch milliseconds under
  ``NUMERIC(20, 6)`` (doubles with a fraction; whole milliseconds stored INTEGER by the affinity),
  ``DATETIME`` text with six fraction digits, ``BOOLEAN`` 0/1, JSON text (SQLAlchemy's ``JSON`` writes
  ``'null'`` for None), an encrypted password as base64 in a ``BLOB``, permalinks and pickles in
  ``key_value.value``, a ``CHECK`` constraint, and ``embedded_dashboards`` left without a declared key
  by Alembic's batch migrations (two configurations of one dashboard: only its uuid is unique).
- :func:`nbgrader_gradebook`: a course's ``gradebook.db`` as nbgrader 0.9 writes it (its own DDL): keys
  of 32 hexadecimal digits as text and their declared references, ``FLOAT`` scores (``0.1 + 0.2``,
  ``10/3``), naive UTC ``DATETIME`` text to the microsecond, an extension as SQLAlchemy's ``Interval``
  stores it on SQLite (``1970-01-01`` plus the interval, under ``DATETIME``), students imported from a
  CSV (an LMS id ``00042``, a padded surname, one of blanks alone), and assignments made without a
  course holding ``''`` under ``NOT NULL`` in a column declared to reference ``course``.
- :func:`prosody_server`: an XMPP server's ``prosody.sqlite`` as Prosody 0.12 writes it
  (``storage = "sql"``): one key-value table ``prosody (host, user, store, key, type, value)`` with
  no key, every Lua value serialized as TEXT beside its Lua type (``number`` ``10000``,
  ``0.33333333333333``, ``1e-300``; ``boolean`` ``true``; ``json``; ``xml`` stanzas), ``''`` as the
  user of a host's own stores and as the key of a store's extra data; and the message archive
  ``prosodyarchive`` keyed ``sort_id INTEGER PRIMARY KEY AUTOINCREMENT`` with ``"when" INTEGER`` of
  Unix seconds, ``''`` as ``with`` of an offline message, and the stanzas as XML text.
- :func:`ghost_blog`: a Ghost 5 blog's SQLite database (knex, ``database.client: sqlite3``), a few of
  its tables with their own DDL: 24-hex ObjectId keys, but ``'1'`` for the owner (the only staff user
  of a personal blog) in ``users.id`` and in every ``created_by`` / ``author_id`` / ``user_id``;
  ``datetime`` columns holding UTC text (``2026-12-04 23:25:53``) where Ghost's models write them and
  epoch milliseconds where a raw knex insert binds a JS ``Date`` (``sessions``, ``api_keys``);
  ``boolean`` 0/1; Lexical JSON bodies; declared references.
- :func:`mail_archive`: a mailing list archive as HyperKitty writes it (Django on SQLite): the UTC
  instant of each mail as ``datetime`` text beside its offset in ``smallint`` minutes, bodies decoded
  from four charsets ending in newlines, senders keyed by a text address, attachments as BLOBs (an
  empty one), a mail dated the Unix epoch and a ``parent_id`` reference declared nowhere.
- :func:`fitness_tracker`: wger's workout log, weight entries and meals (Django on SQLite): ``decimal``
  columns whose NUMERIC affinity stored Django's decimal text as REAL or INTEGER, ``date`` text,
  decimals and ``''`` in a ``varchar(3)``, ``time`` text, and an empty ``decimal`` column.
- :func:`kolibri_facility`: an e-learning platform's facility as Kolibri writes ``db.sqlite3`` (Django
  and morango models): 32-hex-digit keys and ``DEFERRABLE`` references, moments of its
  ``DateTimeTzField`` as ``varchar`` text ending in the writer's zone (``...01.001234(Asia/Kolkata)``),
  naive ``datetime`` text, REAL seconds and progress, birth years beside ``NOT_SPECIFIED`` and ``''``,
  and morango's counter keyed by ``(instance_id, partition)`` with a ``''`` partition.
- :func:`tcms_history`: a test case manager's cases and their history as Kiwi TCMS writes them
  (django-simple-history): ``history_type`` marks ``+``, ``~`` and ``-``, unified diffs as reasons,
  ``DurationField`` as ``bigint`` microseconds, and a generic ``object_pk`` as ``varchar(64)``.
- :func:`annotation_tool`: a text annotation tool as doccano writes it (Django on SQLite): documents in
  several scripts and the spans annotated in them as code-point offsets, a multi-table-inheritance
  child keyed by ``project_ptr_id``, JSON ``meta`` under a ``CHECK``, and kombu's Celery broker tables;
  :func:`padded_annotation_tool` the same with a document that begins with blanks its spans count.
- :func:`chat_bot`: an IRC bot's database as Sopel writes it (``sopel.db.SopelDB``), Sopel 8's DDL
  (SQLAlchemy: ``VARCHAR(255)``, a key ``(nick_id, slug)`` ``NOT NULL``) or, ``legacy``, Sopel 6's
  (``STRING`` columns, whose NUMERIC affinity stores a nick ``0042`` as the INTEGER 42 and a JSON
  number as an INTEGER or REAL beside JSON text); nicknames in several scripts and a user called
  ``NULL`` (slug ``null``); every value JSON (``json.dumps``): strings with padding inside quotes,
  objects, ``true``, ``null``, an integer past 2^63.
- :func:`media_automation`: a TV-show downloader's ``sickchill.db`` as SickChill 2024 writes it (its
  own DDL, ``NUMERIC`` everywhere): history ``date`` as ``YYYYMMDDhhmmss`` text that the affinity
  stores as a 14-digit INTEGER, an episode's ``airdate`` as Python's ``date.toordinal()`` (days since
  0001-01-01, ``731846``), ``subtitles_lastsearch TIMESTAMP`` ``0001-01-01 00:00:00`` for never, the
  indexer's number as TEXT ``'1'``, quality bit masks, ``''`` for text never filled beside NULL, and
  an empty ``info`` table of ``NUMERIC`` columns.
- :func:`online_shop`: a shop's own database as django-oscar 4 (Django 5.2) writes it: every money
  column declared plain ``decimal`` (no precision or scale in the DDL), the ``str()`` of the Decimal
  the shop computed stored by SQLite's NUMERIC affinity as a REAL (``'19.99'``, ``'0.005'``) or an
  INTEGER (``'1000000.00'``); a net price divided by 1.19 to the Decimal context's 28 digits (a REAL
  of 17); a customer's total spent summed in SQL (``F('total_spent') + amount``: REAL arithmetic);
  ``datetime`` text of naive UTC; and ``order_surcharge``, no surcharge charged yet.
- :func:`mailman_server`: a mailing list server's ``mailman.db`` as GNU Mailman 3.3 (SQLAlchemy) writes
  it (its own DDL): ``DATETIME`` text of naive UTC with six fraction digits, ``datetime.min``
  (``0001-01-01 00:00:00.000000``) for "never warned", SQLAlchemy ``Interval`` columns as the
  ``timedelta`` added to 1970-01-01 under ``DATETIME`` (``1970-04-01 00:00:00.000000``: 90 days),
  enums as ``INTEGER``, ``BOOLEAN`` 0/1/NULL, pickled lists and a hashed password in ``BLOB`` columns,
  ``uuid4().hex`` under ``CHAR(32)``, pended values as JSON text, a subject prefix ending in a blank,
  foreign keys declared on every relation and a bounce's ``context`` enum (1/2) in a table declaring
  none.
- :func:`buildbot_master`: a continuous integration server's ``state.sqlite`` as Buildbot 4.3
  (SQLAlchemy) writes it (its own DDL): every moment an ``INTEGER`` of epoch seconds (NULL while a
  build or step runs), results and flags as ``SMALLINT``/``INTEGER`` codes, log chunks in ``BLOB``
  columns, zlib-compressed past the master's limit (``compressed`` 1) and raw UTF-8 below it (0), a log
  in two chunks, lines prefixed by their channel and ending in CRLF, properties as ``json.dumps`` text
  (``ensure_ascii``, ``null`` for None), 40-hex revisions with leading zeros, and foreign keys declared
  to tables the file lacks (``projects``, ``patches``).
- :func:`apscheduler_jobs`: a job scheduler's store as APScheduler 3.11's ``SQLAlchemyJobStore`` writes
  it (its own DDL): ``id VARCHAR(191)`` keys, ``next_run_time FLOAT`` epoch seconds with microseconds
  (a whole second stored as the REAL ``1796450400.0``; NULL for a paused job), each job's state a
  pickle (protocol 5) in ``job_state BLOB``, and a second store's table in the same file.
- :func:`mlflow_tracking`: MLflow 3's tracking store (``sqlite:///mlflow.db``; its own DDL after its
  Alembic migrations): every moment ``BIGINT`` epoch milliseconds (a run's end NULL while it runs),
  32-hex-digit run ids and their declared references, metrics as ``FLOAT`` with MLflow's NaN (``0.0``
  beside ``is_nan`` 1) and infinities clamped to the largest double, ``BOOLEAN`` 0/1, params as text
  (``'00042'``, ``''`` for an empty value under ``NOT NULL``), ``''`` for a run's unset source fields, a
  model version's stage ``None`` in every row, a composite reference ``(workspace, name)``, and trace
  spans with OpenTelemetry's Unix nanoseconds and a ``GENERATED ALWAYS ... STORED`` duration.
- :func:`optuna_study`: an Optuna 5 study's RDB storage (``sqlite:///optuna.db``; its own DDL): a
  trial's start and completion as ``DATETIME`` text of the worker's wall clock with six fraction
  digits (``.000000`` on a whole second), NULL while waiting or running, objective values ``FLOAT``
  with infinities NULL beside ``value_type`` ``INF_POS`` / ``INF_NEG``, parameters REAL (a categorical
  choice as its index, ``1.0``), distributions and attributes as JSON text (``"00007"``, ``""``).
- :func:`jupyterhub_hub`: JupyterHub 6.1's ``jupyterhub.sqlite`` (its ORM's DDL): naive UTC ``DATETIME``
  text with six fraction digits, ``BOOLEAN`` 0/1, users' names in several scripts under a ``UNIQUE``
  (a user called ``null``),
  32-hex-digit cookie ids, JSON state and spawner options as text, the default server's name ``''``
  beside named ones, a server's ``ip`` ``''`` for all interfaces, tokens' ``sha512:1:salt:digest``
  hashes with a prefix index, and token and spawner references to the OAuth clients' text
  ``identifier`` (a ``UNIQUE`` column, not their integer key).
- :func:`music_library`: a music library's ``library.db`` as beets 2.14 writes it (its own DDL): every
  path a ``BLOB`` of the file system's bytes relative to the library (a latin-1 name no text), REAL
  Unix seconds with a fraction (``added``) and ``0.0`` for a file never read (``mtime``), REAL lengths
  and gains, release dates in ``INTEGER`` parts (``year``, ``month``, ``day``, 0 for unknown: 40
  albums' days 1..28 are keys of ``albums``), catalogue numbers with leading zeros, a multi-valued
  field's values joined by a backslash and U+2400, lyrics ending in a newline, ``''`` for every
  missing text, and flexible attributes as TEXT in ``item_attributes`` / ``album_attributes`` keyed
  ``UNIQUE(entity_id, key)``; no reference declared.
- :func:`anki_collection`: a flashcard collection's ``collection.anki2`` (schema 18) as Anki 26.9 writes
  it (its own DDL): every id an epoch millisecond (notes, cards, reviews), references declared nowhere,
  a note's fields joined by ``\\x1f`` (an empty last field leaves it at the end), tags with a space
  at each end, the sort field ``sfld`` declared ``integer`` on purpose (text, and numbers the affinity
  made an INTEGER or a REAL), SHA-1 checksums as unsigned 32-bit integers, learning intervals as
  negative seconds beside days, a deck's path joined by ``\\x1f``, epoch seconds or 0 in
  ``mtime_secs``, protobuf and JSON in BLOBs, a ``boolean`` 0/1, and names declared ``COLLATE
  unicase``, a collation only Anki defines (``tags`` a WITHOUT ROWID table keyed by it).
- :func:`bookmark_manager`: a bookmark manager's ``bookmarks.db`` as buku 5.1 writes it (its own DDL):
  one table keyed ``id integer PRIMARY KEY`` beside ``URL text NOT NULL UNIQUE`` (punycode hosts,
  queries with non-ASCII text), tags sorted between commas (``,news,tech,``, ``,`` for none), ``''``
  for a title or description never given (the column defaults), a bit mask of ``flags`` (1:
  immutable), and the last bookmark moved into each deleted id.
- :func:`prefect_server`: a workflow orchestrator's ``prefect.db`` as Prefect 3.9's server writes it
  (its own DDL, trimmed to six tables): ``CHAR(36)`` uuid keys, the server's clock as naive UTC text
  under ``DATETIME`` (``2024-11-03 01:30:00.000000``, six fraction digits), a run's ``total_run_time``
  (an ``Interval``) stored as that text counted from 1970-01-01 (``1970-01-01 00:00:02.246914``),
  ``BOOLEAN`` 0/1, JSON under ``JSON`` (NUMERIC affinity: a variable's JSON ``12.5`` or ``3`` is a
  REAL or an INTEGER cell, ``"0042"`` stays text with its quotes, JSON's ``null`` in ``metadata_``),
  ``SMALLINT`` log levels, multi-line tracebacks, and references declared between ``flow``,
  ``flow_run`` and ``flow_run_state`` (a circle), none from ``log`` or ``artifact``.
- :func:`airflow_metadata`: a workflow scheduler's ``airflow.db`` as Apache Airflow 3.3 writes it (its
  own DDL, trimmed to seven tables): naive UTC text under ``TIMESTAMP`` (six fraction digits), run ids
  holding an instant with its offset (``manual__2024-01-01T00:00:05.000001+00:00``), task durations as
  REAL seconds, a pickled ``executor_config`` BLOB, ``''`` for the host of a task never run beside
  NULLs, JSON's ``null`` in ``next_kwargs``, XComs as JSON text keyed by four columns and declared to
  reference a task instance by four, variables as Fernet tokens, and the audit ``log`` declaring no
  reference.
- :func:`ebook_library`: an e-book library's ``metadata.db`` as calibre 6 writes it (its own DDL):
  every moment text with a ``+00:00`` offset (``2026-12-05 04:08:42.584472+00:00``, whole seconds
  without a fraction), calibre's "no date" ``0101-01-01 00:00:00+00:00`` as a publication date,
  ``series_index REAL``, ``has_cover BOOL`` 0/1, ``''`` ISBN and LCCN, ISBNs with leading zeros in
  ``identifiers.val``, HTML comments with no-break spaces and emoji, custom columns as calibre makes
  them (``custom_column_N`` of a REAL, a ``BOOL``, a ``timestamp``; an enumeration's values in their own
  table joined by ``books_custom_column_N_link``), ratings of 40 % of the books spread over all of them
  in ``books_ratings_link``, no reference declared, and a trigger calling calibre's own SQL functions
  (``title_sort()``, ``uuid4()``).
- :func:`wagtail_site`: a Wagtail 8 CMS's ``db.sqlite3`` (Django 5.2's DDL, ``USE_TZ``) with a page
  type of the site's own: treebeard paths of 4-digit steps with leading zeros (``0001000100020003``) in
  ``varchar(255) UNIQUE``, ``integer unsigned`` depths, a translation's ``translation_key`` (32 hex
  digits) shared with its source page, every ``datetime`` naive UTC text (six fraction digits, none
  when whole), a ``date``, a ``time`` (``18:07:13``, ``18:07:13.500000``), a ``decimal`` field that
  SQLite's NUMERIC affinity stored as REAL or INTEGER (``'12.50'`` → 12.5, ``'0.00'`` → 0), codes with
  leading zeros (``'007'``) beside ``''``, StreamField JSON under ``CHECK (JSON_VALID(...))``,
  revisions whose ``object_id varchar(255)`` holds the page's id as digits, and declared references.
- :func:`ticket_shop`: a pretix 2026 ticket shop's ``db.sqlite3`` (Django 5.2's DDL, a subset of each
  table's columns): events in three zones stored as naive UTC text, every amount a bare ``decimal``
  that SQLite's NUMERIC affinity stored as REAL or INTEGER (``35.00`` → 35, ``17.50`` → 17.5, yen
  amounts in thousands), a tax rate of whole percents only (``19.00`` → 19), voucher codes of eight
  digits with leading zeros beside words, postcodes with leading zeros, i18n names as JSON text with
  ``\\u`` escapes, attendee names as JSON under ``CHECK (JSON_VALID(...))``, and declared references.
- :func:`labeling_project`: a Label Studio 1.23 database (``label_studio.sqlite3``; Django's DDL, a
  subset of each table's columns): tasks' data and meta as JSON text (``\\u`` escapes, a code
  ``"00042"`` inside, ``{}`` for none), annotations' results as JSON, a ``lead_time real`` of computed
  doubles (``0.1 + 0.2``) and NULL, predictions' ``score real`` down to ``1e-09``, model versions of
  ``v1.0.0`` beside a date, 32-hex-digit ``unique_id char(32) UNIQUE``, and declared references.
- :func:`help_desk`: a django-helpdesk 2.6 site's ``db.sqlite3`` (Django 5.2's DDL, a subset of the
  ticket's and the user's columns): every ``datetime`` naive UTC text (six fraction digits, none when
  whole), ``bool`` 0/1, priorities 1 to 5, each ``DurationField`` an INTEGER of microseconds under
  ``bigint`` (``time_spent``: 0 for ``00:00:00``; a queue's ``dedicated_time`` of 20 to 30 minutes,
  1,200,000,000 to 1,800,000,000), e-mail recipients as
  JSON with ``\\u`` escapes, a change log's old and new values as text, and the custom fields' values
  in one ``text`` column, one row per ticket and field, as the API writes them: ``'0000003'``,
  ``'2.79'``, ``'True'``, ``'2026-03-02'``, the site's wall clock ``'2026-02-01T02:31'``, a text
  field's missing value ``''`` beside a typed field's NULL; declared references.
- :func:`code_review`: a Review Board 8 site's database (``rb-site install`` with ``sqlite3``; Django
  4.2's DDL, a subset of the review request's, the review's and the user's columns): each uploaded
  diff bz2-compressed in a ``BLOB`` keyed by its SHA1, abbreviated git blob ids of seven hex digits
  (some all digits: ``'0412763'``, ``'1234e56'``), git's null id ``'0000000'`` in every row, a legacy
  ``diff_base64`` that is ``''`` in every row, ``bugs_closed`` lists (``'0003, 4'``, ``''``), JSON
  ``extra_data``, naive UTC datetimes, ``integer unsigned`` line numbers, replies referring to their
  review, and a declared reference to a ``varchar(40)`` key (``diff_hash_id``).
- :func:`source_hosting`: a Kallithea 0.7 server's ``kallithea.db`` (SQLAlchemy's DDL, ``kallithea-cli
  db-create``; a subset of the user's and the repository's columns): ``BOOLEAN`` 0/1 under ``CHECK``,
  naive ``DATETIME`` text, 40-hex-digit changeset ids, a pull request's revisions joined by colons,
  comment lines ``n1``/``o4``, JSON as bytes in ``BLOB`` columns (a repository's tip, a user's
  settings), gists' expiry as ``time.time()`` REALs beside ``-1.0`` for never, a public gist's access
  id its number beside a private one's letters, a pull request's status comment ``''`` under ``NOT
  NULL``, and declared references (a fork to its repository).
- :func:`typeorm_store`: a Node.js shop's SQLite database as TypeORM 1.x writes it (``synchronize``
  on ``better-sqlite3``; its DDL): ``uuid`` keys as ``varchar``, ``decimal(12,2)`` amounts that SQLite's
  NUMERIC affinity stored as REAL or INTEGER (``'19.99'``, ``'20.00'`` → 20), a payment's
  ``decimal(18,8)`` crypto amounts and fees below 10^-4 (``'0.00000546'`` → the REAL ``5.46e-06``),
  ``boolean`` 0/1, ``datetime`` text of UTC to the millisecond (``2024-02-02 07:13:17.123``) beside
  ``@CreateDateColumn``'s ``datetime('now')`` default (no fraction), ``date`` and ``time`` text,
  ``simple-array`` (``'gold,früh'``, ``''`` for an empty list) and ``simple-json`` text, a
  ``simple-enum`` under a ``CHECK``, a ``blob`` avatar (an empty one), codes with leading zeros in
  ``varchar``, a soft-delete column, a many-to-many join table keyed by both its columns, and the
  ``migrations`` table whose ``timestamp bigint`` is each migration's epoch milliseconds.
- :func:`drizzle_app`: a Node.js app's SQLite database as Drizzle ORM 0.45 writes it (``drizzle-kit``'s
  DDL, applied by its migrator on ``better-sqlite3``): ``integer`` columns in ``timestamp`` mode (epoch
  seconds, ``DEFAULT (unixepoch())``), ``timestamp_ms`` mode (epoch milliseconds) and ``boolean`` mode
  (0/1), birth dates before 1970 as negative seconds, ``text`` in ``json`` mode, a bare ``numeric`` in
  string mode (``'0.005'``, ``'-12.50'`` → REAL, ``'100'`` → INTEGER), in number mode (a computed
  ``0.1 + 0.2``) and in bigint mode, ``blob`` in ``json`` mode (JSON bytes) and ``bigint`` mode (a
  64-bit integer's ASCII digits as a BLOB), ``DEFAULT (CURRENT_TIMESTAMP)`` text, a join table keyed by
  both its columns, and the migrator's journal ``__drizzle_migrations`` whose ``id SERIAL PRIMARY KEY``
  SQLite never fills: NULL in every row, ``created_at numeric`` the migration's epoch milliseconds.
- :func:`calibre_web_app`: Calibre-Web 0.6's ``app.db`` (SQLAlchemy's DDL, created at start): users
  with role bit masks under ``SMALLINT``, ``''`` for every unset text, ``view_settings JSON`` text;
  shelves, read states, downloads and Kobo reading states whose ``book_id`` names a book of calibre's
  own ``metadata.db``, a table of another file (no reference here, though the numbers fall in the range
  of this file's keys: a reading state's ``book_id`` 1..N beside its ``id`` 1..N); ``DATETIME`` text of
  naive UTC with six fraction digits, a session's ``expiry INTEGER`` of epoch seconds, ``FLOAT``
  progress, and the Flask secret as 32 bytes in a ``BLOB``.
- :func:`family_tree`: a Gramps 5.1 family tree's ``sqlite.db`` (its DB-API backend's own DDL): each
  object keyed by its handle (19 hex digits, or 18 capitals and digits of an older import) with its
  ``serialize()`` tuple pickled into ``blob_data BLOB``, handles naming a person, source or place
  declared nowhere (NULL for a family's unknown parent, ``''`` for an event without a place), the
  polymorphic ``reference`` table with no key, a town's coordinates as decimal ``TEXT`` and its postal
  code with leading zeros, ``change`` in Unix seconds, ``gender_stats`` per first word of a given name
  with Gramps' male and female counts swapped, and pickled settings in ``metadata``.
- :func:`document_archive`: a Mayan EDMS 4.12 ``db.sqlite3`` (Django 4.2's DDL, verbatim, of a subset of
  its tables): documents with their files (SHA-256 checksums, uuid file names) and versions in a circle
  of declared references, one metadata ``value text`` column holding every type's values as typed
  (invoice numbers ``000007``, ISO dates, amounts ``52.50`` and ``9,50``, names, NULL), tags, a cabinet
  tree numbered by django-mptt, check-outs, and the activity stream's generic object ids as
  ``varchar(255)`` digits beside their content types.
- :func:`geo_package`: a GeoPackage as GDAL 3.9 writes it (``pyogrio`` / ``fiona``; its own DDL,
  ``application_id`` ``GPKG``): the metadata tables (``gpkg_spatial_ref_sys`` with WKT definitions and
  the -1 and 0 SRS, ``gpkg_contents`` with bounds of 17 significant digits and ``last_change`` text
  ``…T06:16:26.368Z``, ``gpkg_geometry_columns``, ``gpkg_extensions``, ``gpkg_ogr_contents``) and their
  declared references; a point and a line layer keyed ``fid INTEGER PRIMARY KEY AUTOINCREMENT``, each
  geometry a BLOB (``GP``, flags, srs_id, an envelope but for a point, WKB), an R*Tree virtual table
  per layer (float32 bounds) and the triggers keeping it, which call GDAL's own SQL functions;
  ``DATETIME`` text with ``Z`` (milliseconds only when not zero), with ``+01:00`` / ``+02:00`` across a
  spring change, or with no zone; ``DATE`` text, ``BOOLEAN`` 0/1/NULL, zip codes with leading zeros,
  ``2^53 + i``, a ``DATETIME`` field of moments with an offset beside moments of no zone (a survey
  merged from two sources), a ``BLOB`` field, and an attribute table whose ``site_fid MEDIUMINT`` names a site
  (declared nowhere) beside readings GDAL wrote as NULL for NaN.
- :func:`ipython_history`: IPython 9's ``history.sqlite`` (its own DDL): ``sessions`` whose ``start
  timestamp`` is ``datetime.now()`` text, the local wall clock with no zone, and whose ``end`` is UTC
  text with ``+00:00`` (NULL, as the count, for a session that never ended), ``num_cmds`` counts of 2
  to 45 commands over 20 sessions keyed 1..20, ``remark`` ``''``; ``history`` keyed ``(session, line)``
  with each command as run (magics as ``get_ipython()`` calls) and as typed, cells of several lines,
  emoji and a no-break space; ``output_history`` with the repr of each result (``'0042'``, ``0.5714…``).
- :func:`key_value_cache`: a diskcache 5.6 ``Cache`` directory's ``cache.db`` (its own DDL, triggers
  aside): ``Cache.key BLOB`` holding each key by its Python type (an int, up to 2^63 - 1, a str, a
  float, bytes as a BLOB, a tuple pickled with ``raw`` 0), the int 1, the str ``'1'`` and the bytes
  ``b'1'`` as three keys under ``UNIQUE (key, raw)``; ``value BLOB`` of strs (``''`` among them), ints,
  floats, bytes and pickles (a ``Decimal`` inside); ``store_time`` / ``expire_time`` / ``access_time``
  REAL Unix seconds (NULL for no expiry), two large items kept in files named by ``filename`` with a
  NULL value, and ``Settings (key TEXT NOT NULL UNIQUE, value)`` of integers beside words.
- :func:`coverage_data` / :func:`coverage_branches`: a coverage.py 7.18 ``.coverage`` data file (its own
  DDL, SQL comments inside each ``CREATE TABLE``): ``meta`` key-value text (``has_arcs`` ``'0'`` or
  ``'1'``), files' absolute paths, dynamic contexts (the default ``''`` beside test names with ``|``,
  ``::``, emoji) under ``unique (context)``, and per file and context either ``line_bits.numbits``
  BLOBs (line mode: bit ``n % 8`` of byte ``n // 8`` per line) or ``arc (fromno, tono)`` pairs with
  negative line numbers (branch mode), ``tracer`` empty, and the declared references.
- :func:`http_cache`: a requests-cache 1.x SQLite cache (``backend='sqlite'``, the ``json``
  serializer): ``responses`` keyed by 16 hexadecimal digits, each value ``json.dumps(indent=2)`` TEXT
  under ``value BLOB`` (the body in base64), ``expires INTEGER`` Unix seconds (NULL for never), and
  ``redirects`` whose TEXT value is the key of the response a redirect ended at (no foreign key).
- :func:`dagster_runs`: a Dagster instance's run storage (``$DAGSTER_HOME/history/runs.db``, Dagster
  1.13's SQLAlchemy DDL): ``runs`` with ``start_time`` / ``end_time FLOAT`` of ``time.time()``,
  ``DATETIME`` text of six fraction digits (naive UTC), a partition key of a static set (``'0001'``,
  ``'010'``, emoji, a no-break space) or a daily one (``'2024-01-05'``) in one ``TEXT`` column, the
  run's JSON in ``run_body``; ``run_tags`` with every value text (``'-3'`` priorities, a key padded
  with blanks, ``''``) referring to its run's uuid, declared; zlib-compressed JSON snapshots in a
  ``BLOB`` keyed by their SHA1, which ``runs.snapshot_id`` references.
- :func:`pgadmin_config`: pgAdmin 4's configuration database (``pgadmin4.db`` as ``setup.py setup-db``
  creates it, Flask-SQLAlchemy's DDL; a subset of the server's columns): binary values as the hex of
  their bytes in ``VARCHAR`` columns (``PgAdminDbBinaryString``: a query history entry's JSON, a saved
  password's base64), a background process keyed by 18 digits of its start (``%y%m%d%H%M%S%f``) with
  its pickled description in hex and times as ``'2026-12-05 07:00:21.381075 +0000'``, a history
  entry's ``last_updated_flag`` ``'Y'``/``'N'``, a tunnel port ``'22'`` in a ``VARCHAR``, ``JSON``
  columns holding ``'null'``, every user preference's value as text (``'4'``, ``'1.2'``, ``'True'``,
  JSON), and the declared references.
- :func:`luigi_history`: Luigi's task history (``[task_history] db_connection = sqlite:///...`` of the
  central scheduler ``luigid``, SQLAlchemy's DDL): ``tasks`` named by Luigi's task ids
  (``Extract_12_5_0042_2024_01_01_bd4b742817``), ``task_events`` of ``TIMESTAMP`` text of six fraction
  digits (the scheduler's naive wall clock), and ``task_parameters`` keyed by ``(task_id, name)`` whose
  ``value`` holds every parameter as Luigi serializes it: dates, ``DateSecondParameter``'s
  ``'2024-05-20T083015'``, floats' ``repr`` (``'0.30000000000000004'``, ``'1e-07'``), ``'False'``,
  codes with leading zeros, ``''`` and a value padded with blanks.
- :func:`shell_history`: atuin 18's ``history.db`` (its sqlx migrations' DDL): ``history`` keyed by
  ``id text primary key`` (32 hexadecimal digits of a UUIDv7) with ``UNIQUE (timestamp, cwd,
  command)``, ``timestamp`` and ``duration`` INTEGER nanoseconds (Unix time to the nanosecond for a
  command run under the shell hook, whole seconds for one imported from zsh's extended history, whose
  ``cwd`` is ``'unknown'``), ``exit`` (``-1`` for an import or a command never finished, whose duration
  is ``-1`` too), ``deleted_at`` NULL (atuin 18 removes deleted rows), ``author`` / ``intent`` /
  ``shell`` / ``author_kind`` added by later migrations (NULL on most rows), and ``_sqlx_migrations``
  with a 48-byte SHA-384 checksum BLOB, ``success BOOLEAN`` 1 and ``installed_on`` text.
- :func:`request_tracker`: a help desk's own database as Request Tracker 5.0 writes it (its SQLite
  schema; ``rt-setup-database``): ``Tickets`` whose unset ``Starts``, ``Started``, ``Due`` and
  ``Resolved`` are ``'1970-01-01 00:00:00'`` (``Told`` NULL), a subject Perl wrote as Latin-1 bytes (a
  string of no character past U+00FF: ``no\xa0break``) beside UTF-8 ones; ``Transactions``; and
  ``Attachments``, each message a tree: a ``multipart/mixed`` part (``ContentEncoding`` and
  ``Content`` NULL) over its parts, whose ``ContentEncoding`` is ``quoted-printable`` (the text so
  encoded), ``base64`` (a binary file) or ``none`` (a reply kept as written), ``Headers`` ending in a
  newline, ``MessageId`` ``''`` and ``Parent`` 0 for a top part.
- :func:`django_cms_wiki`: a Django site with django CMS 5 and django-wiki 0.13 (their migrations'
  DDL): ``cms_page`` as django-treebeard's materialised path keeps a tree, ``path varchar(255) UNIQUE``
  of four base-36 digits a level (``0001``, ``00010002``: all digits in a site of fewer than ten
  children a page) beside ``depth`` and ``numchild``, ``parent_id`` referring to the page; each page's
  ``cms_pagecontent`` per language (``bool`` 0/1, ``datetime`` text of six fraction digits, slugs);
  ``wiki_urlpath`` as django-mptt nests it (``lft``, ``rght``, ``tree_id``, ``level``, the root's slug
  NULL) and ``wiki_articlerevision`` (``''`` for no message, Markdown with emoji, no-break spaces).
- :func:`mikro_orm_shop`: a Node.js app's SQLite database as MikroORM 6.6 writes it
  (``orm.schema.createSchema()`` on ``@mikro-orm/sqlite``, entities by ``EntitySchema``): a ``uuid``
  key as text, ``Date`` properties declared ``datetime`` holding INTEGER epoch milliseconds, ``date``
  properties as ``'YYYY-MM-DD'`` text, a ``time`` property as ``'06:11:00'`` text, ``decimal``
  properties declared ``numeric(12,2)`` whose strings (``'734.50'``, ``'1969.00'``) SQLite's NUMERIC
  affinity stores as REAL or INTEGER, ``bigint`` beyond 2^53, ``boolean`` 0/1 under ``integer``,
  ``enum`` as text with a ``check (... in (...))``, ``json`` text, ``blob`` bytes, ``array`` joined by
  commas, zero-padded codes in ``text``, a table named ``order``, and declared references
  (``order_line.order_id bigint`` to ``order``'s ``integer`` key).
- :func:`objection_app`: a Node.js app's SQLite database as Objection.js 3 on knex 3 writes it
  (``knex.schema.createTable``, rows through its models on ``sqlite3``): ``createdAt varchar(255)``
  of ``toISOString()`` text set in ``$beforeInsert``, ``updatedAt`` (knex's ``timestamp``, declared
  ``datetime``) of a JavaScript ``Date`` set in ``$beforeUpdate``, which the driver binds as epoch
  milliseconds, a ``datetime`` holding a ``Date`` (milliseconds), ``Date.UTC(...)`` numbers and ISO
  strings in different rows, a ``date`` of ``Date`` midnights (milliseconds, negative before 1970),
  knex's ``decimal(10, 2)`` declared ``float``, ``boolean`` 0/1, ``json`` text, ``uuid`` as
  ``char(36)``, a BLOB, each person's ``age`` (a run of numbers inside the persons' keys) and a link
  table whose two declared references are its only ones.
- :func:`dbic_music`: a Perl application's SQLite database as DBIx::Class 0.0828 deploys it
  (``$schema->deploy`` through SQL::Translator, rows through the ORM with ``InflateColumn::DateTime``
  and DBD::SQLite's ``sqlite_unicode``): ``date``, ``datetime`` and ``timestamp`` columns of
  DateTime::Format::SQLite's text (``'2020-02-02 01:01:01'``, converted to UTC, its nanoseconds
  dropped), ``numeric(10,2)`` and ``decimal(8,2)`` strings stored as REAL or INTEGER, ``boolean``
  0/1, a ``blob`` column whose bytes the driver bound as text, each byte above 0x7F upgraded to
  UTF-8 (``00 C3 BF 01``: NUL bytes in TEXT cells), zero-padded codes, and the declared reference.
- :func:`kysely_app`: a Node.js app's SQLite database as Kysely 0.28 writes it on ``better-sqlite3``
  (its ``Migrator`` and schema builder): ``kysely_migration`` with each migration's time as
  ``toISOString()`` text (``'2026-12-05T07:29:10.503Z'``) in a ``varchar(255)``, a ``boolean`` of
  0/1, a ``timestamp default CURRENT_TIMESTAMP`` holding the app's ISO strings with ``Z`` beside the
  default's ``'2026-12-05 07:29:12'`` (no offset), ``Date.now()`` milliseconds in ``last_login
  integer`` and ``Date.UTC(...)`` in a ``datetime``, ``date`` text, ``numeric(10, 2)`` and
  ``decimal(6, 3)`` strings SQLite stored as REAL or INTEGER, zero-padded member numbers, a BLOB,
  and the declared references.
- :func:`tortoise_app`: a Tortoise ORM 1.1 app's SQLite database (``generate_schemas``' DDL):
  ``customer`` keyed by a ``CHAR(36)`` uuid, every ``DecimalField`` a ``VARCHAR(40)`` holding
  Python's ``str`` of the Decimal quantized to its places (``'12.50'``, ``'1.50000000'``, and at
  eight places ``'0E-8'`` for zero, ``'5.0E-7'``, ``'-2E-8'``), ``BooleanField`` an ``INT`` 0/1,
  a ``CharEnumField`` ``VARCHAR`` with its members in a comment, ``DatetimeField`` ``TIMESTAMP``
  text in the app's zone with its offset (``+01:00`` and ``+02:00`` across a DST change),
  ``TimeDeltaField`` ``BIGINT`` microseconds, ``JSON`` text, a ``BLOB``; ``ticket`` referring to it.
- :func:`piccolo_app`: a Piccolo ORM 1.38 app's SQLite database (``create_db_tables``' DDL): declared
  types SQLite knows by affinity only (``TIMESTAMPTZ`` text with ``+00:00``, ``SECONDS`` for an
  ``Interval`` stored as REAL seconds, ``ARRAY`` and ``JSONB`` JSON text, ``UUID`` text, ``TIME``
  text), ``NUMERIC(20, 8)`` amounts stored as REAL or INTEGER cells by NUMERIC affinity
  (``1.0e-08``), ``BOOLEAN`` 0/1, and a ``concert`` referring to its ``band``.
- :func:`sequel_app`: a Ruby Sequel 5.63 app's SQLite database (its migrations' ``create_table`` DDL,
  identifiers in backticks, ``foreign_key :customer_id, :customers`` naming the table only): every
  value an SQL literal Sequel wrote, so a ``BigDecimal`` in ``numeric(12, 2)`` is a REAL, or an
  INTEGER when whole (``10.0``), ``timestamp`` text with six fraction digits
  (``2025-03-29 22:15:07.000000``), a ``Sequel::SQLTime`` as text, ``boolean`` 1/0, a ``File`` BLOB;
  with ``zoned``, the ``use_timestamp_timezones`` offset ``+0000`` and ``integer_booleans = false``'s
  ``'t'``/``'f'``.
- :func:`sequel_serialized`: a Sequel model's table of ``serialization`` plugin columns (``text``):
  ``:yaml`` documents (``---\\n...\\n``, Psych's), ``:json`` text, and ``:marshal`` as Ruby's
  ``[Marshal.dump(v)].pack('m')``: base64 in lines of 60 characters, each ending in a newline (the
  same bytes Sequel 5.63 on Ruby 3.1 wrote).
- :func:`sqlobject_app`: a SQLObject 3.14 app's SQLite database (``createTable``'s DDL): a
  ``DecimalCol`` ``DECIMAL(12, 2)`` of REAL or INTEGER cells, a ``DecimalStringCol`` ``VARCHAR(15)``
  of decimal text (``'1.007'``), ``DateTimeCol`` text with six fraction digits, ``TimeCol`` text,
  ``BoolCol`` 0/1, a ``BLOBCol`` and a ``PickleCol`` as base64 in ``TEXT`` (SQLObject's SQLite
  storage), an ``EnumCol`` with its ``CHECK``, JSON text, and a ``ForeignKey`` declared as
  ``CONSTRAINT customer_id_exists REFERENCES customer(id)``.
- :func:`storm_app`: a Storm 1.3 app's SQLite database (the app's own DDL; Storm creates none):
  ``str()`` of each value Storm binds, so ``DateTime`` text with no fraction on whole seconds and six
  digits otherwise (``'+00:00'`` with a ``tzinfo``), ``TimeDelta`` text (``'1 day, 0:01:01.000003'``)
  under ``INTERVAL``, ``Decimal`` text that ``DECIMAL`` / ``NUMERIC`` affinity stores as REAL or
  INTEGER, ``Bool`` 0/1, ``RawStr`` BLOBs (empty, and digits with a leading zero), a ``Pickle`` BLOB,
  ``JSON`` and ``UUID`` text.
- :func:`ormar_app`: an ormar 0.26 app's SQLite database (SQLAlchemy 2.1's ``create_all`` DDL):
  uuid keys as ``CHAR(32)`` hex (``uuid_format="hex"``, the default) and ``CHAR(36)`` strings, the
  references to them declared as named constraints (a ``ForeignKey`` and a ``ManyToMany``'s
  ``entrys_tags`` junction), each ``Decimal(max_digits, decimal_places)`` a ``DECIMAL`` of REAL or
  INTEGER cells (SQLAlchemy binds a float: ``1e-08``), ``DateTime(timezone=True)`` as ``DATETIME``
  text of the wall clock with six fraction digits and no offset, ``TIME`` text, ``BOOLEAN`` 0/1, a
  ``BLOB``, ``JSON`` text with ``\\u`` escapes, an ``Enum``'s name, ``BIGINT`` beyond 2^53 and a
  negative ``SMALLINT``.
- :func:`graphite_web`: Graphite-web 1.1's ``graphite.db`` (Django 3.0 migrations, ``USE_TZ``):
  ``events_event`` whose ``when datetime`` is naive UTC text with six fraction digits or none (``str``
  of a datetime whose microseconds are 0), ``data`` and ``tags`` ``''`` under ``NOT NULL``;
  django-tagging's ``tagging_taggeditem`` naming each event by a generic ``object_id`` beside its
  declared ``content_type_id``; the tag database's ``tags_series`` (a SHA-256 ``hash``),
  ``tags_tagvalue`` (values such as ``'007'`` and ``'web007'``) and ``tags_seriestag``; dashboards keyed
  by their ``name varchar(128)`` with their owners referring to it, JSON ``state``; a profile's
  ``advancedUI bool`` 0/1; the URL shortener's links.
- :func:`pyload_core`: pyLoad-ng 0.5's ``pyload.db`` (its own DDL, ``DEFAULT ""`` and all): ``links``
  of each ``package`` (declared, ``0`` for none) with ``size`` in bytes past 2^31, ``status`` codes and
  ``error`` ``''``; ``packages`` with ``password`` and ``site`` ``''`` for none and a ``folder`` made
  of the name; ``users`` with a 96-hex-digit salted hash and a ``permission`` bit mask; ``storage``
  values of any kind as text; ``apikeys`` with ``created_at`` epoch milliseconds and ``expires_at`` /
  ``last_used`` epoch milliseconds or ``0`` for none; the ``pstats`` view over them.
- :func:`mopidy_local`: Mopidy-Local 3.3's ``library.db`` after ``mopidy local scan`` (its
  ``schema.sql``, ``user_version`` 7): ``artist`` / ``album`` / ``track`` keyed by their ``local:`` URIs
  and referring to each other by them (declared), a release ``date TEXT`` as the tags wrote it
  (``1999``, ``1980-11``, ``1997-09-22``), ``length`` in milliseconds, ``last_modified`` epoch
  milliseconds, MusicBrainz ids (uuids with leading zeros), the views ``albums``, ``tracks`` and
  ``search``, and an FTS3 table ``fts`` a trigger fills from ``search`` for each track.
- :func:`jupyter_ystore` / :func:`jupyter_file_ids`: a Jupyter server's collaboration files, as
  pycrdt-store 0.1 (jupyter-collaboration's ``SQLiteYStore``) and jupyter-server-fileid 0.10 write
  them: ``yupdates`` (no key: a log of each document's Yjs updates) with ``path`` naming the document
  (``json:notebook:<file id>``, ``text:file:<file id>``), each update a BLOB, ``metadata`` a BLOB that
  is ``b''`` where no callback is set and JSON bytes beside, ``timestamp REAL`` of ``time.time()``
  seconds; ``ycheckpoints`` keyed by ``path``; and the file id manager's ``Files``: uuid text keys,
  absolute paths (emoji, no-break spaces), ``ino INTEGER UNIQUE``, ``crtime`` NULL (Linux has no
  birth time in ``os.stat``), ``mtime`` Unix nanoseconds (``st_mtime_ns``), ``is_dir TINYINT`` 0/1.
- :func:`testmon_data`: pytest-testmon 2.2's ``.testmondata`` after a plain run (its own DDL):
  ``test_execution`` with pytest's node ids (non-ASCII parameters escaped, ``test_greet[Zo\\xeb]``),
  ``duration FLOAT`` seconds, ``failed BIT`` 0/1 and ``forced BIT`` NULL in every row (set only by a
  run that selects tests); ``file_fp`` with each file's ``method_checksums`` BLOB (``array('i')``
  bytes), ``mtime FLOAT`` NULL and ``fsha`` hex; the link table ``test_execution_file_fp`` (no key,
  two declared references); ``environment`` with ``UNIQUE`` over its three texts; ``metadata`` whose
  ``data TEXT`` holds the JSON numbers testmon binds (SQLite keeps them as text); and
  ``suite_execution_file_fsha`` empty, declaring a reference to a table the file lacks.
- :func:`mypy_cache`: one shard of mypy 2.4's SQLite cache (``mypy --sqlite-cache
  --no-fixed-format-cache``: ``.mypy_cache/3.11/cache.<n>.db``): ``files2`` keyed by its ``path TEXT
  UNIQUE NOT NULL`` (``pkg/money.meta.json``), ``mtime REAL`` of ``time.time()`` when each entry was
  written, ``data BLOB`` holding each module's JSON (its symbol table, its meta with an integer
  ``data_mtime`` and dependency hashes) as UTF-8 bytes, non-ASCII docstrings among them.
- :func:`aim_repo`: Aim 3.29's ``.aim/run_metadata.sqlite`` (``aim init``, its alembic migrations'
  DDL, rows through the SDK): ``run`` keyed by ``id`` with a 24-hex-digit ``hash`` (unique index),
  ``experiment`` and ``tag`` with uuid text and ``UNIQUE (name)`` declared twice, every time
  ``DATETIME`` text of ``datetime.utcnow()`` with six fraction digits (``.000000`` on the second),
  ``finalized_at`` NULL for a run never closed, ``BOOLEAN`` 0/1, names and notes with emoji and
  no-break spaces, ``run_tag`` keyed by both references, ``note`` and its ``note_audit_log``, an empty
  ``run_info`` and ``alembic_version``.
- :func:`irc_core`: an IRC core's backlog as Quassel 0.14 writes ``quassel-storage.sqlite`` (its
  schema 32 DDL, no foreign key declared, names glued in lower case): ``backlog.time INTEGER`` epoch
  milliseconds, ``type`` and ``flags`` bit masks, ``bufferid`` and ``senderid`` naming their rows,
  ``buffer.buffertype`` the code 1/2/4 (status, channel, query) beside keys 1..6, the status buffer's
  ``''`` name under ``UNIQUE (userid, networkid, buffername)``, senders ``''`` for the network's own
  lines, chat lines in several scripts with emoji, padding and no-break spaces, ``-- BOOL`` integers
  and a ``QVariant`` BLOB setting.
- :func:`finance_book`: a personal-finance book as Skrooge 2.29 writes it (``skroogeconvert --out
  *.sqlite`` of a QIF file; its ``.skg`` is the same database encrypted): ``operation.t_status
  VARCHAR(1) CHECK (t_status IN ('N', 'P', 'Y'))`` holding ``N`` and ``Y`` only (nothing pointed yet),
  ``t_template`` ``CHECK`` ``('Y', 'N')``, ``d_date DATE`` text, ``d_createdate`` from
  ``CURRENT_TIMESTAMP``, cheque numbers with leading zeros, ``suboperation.f_value FLOAT`` amounts in
  cents as REAL, ``r_payee_id`` and ``r_category_id`` with 0 for none, payees in several scripts.
- :func:`photo_library`: a photo library as darktable 4.2 writes ``library.db`` (``darktable-cli
  --library``): ``images.datetime_taken`` and ``import_timestamp`` in GLib's ``GTimeSpan``
  (microseconds since 0001-01-01, ``63826398071000000``), ``-1`` for "never" in
  ``change_timestamp``, ``film_rolls.access_timestamp`` Unix seconds, ``position`` the film's id
  shifted 32 bits, REAL exposure data, a ``color_matrix`` BLOB, declared references to the film roll
  and to the group's image, ``meta_data`` text.
- :func:`django_q2`: a django-q2 1.11 site's task tables on the ORM broker (Django's own DDL, Django
  5.2): ``django_q_task`` keyed by a 32-hex-digit ``id`` with each task's ``args`` / ``kwargs`` /
  ``result`` a base64 pickle in ``text`` (a failure's result the pickled traceback text), ``started`` /
  ``stopped`` ``datetime`` text of naive UTC (six fraction digits, none on a whole second), ``success
  bool`` 0/1, a ``group`` or NULL, ``attempt_count``; ``django_q_schedule`` with its type codes
  (``O``, ``I``, ``BW``, ``C``...), ``minutes smallint unsigned``, ``repeats`` -1 for ever, a cron
  expression, ``args`` / ``kwargs`` the repr ``schedule()`` writes (``()``, ``{}`` for none) or NULL
  from the admin, ``next_run`` on a whole minute for a cron schedule, and ``task`` the
  id of the last task it ran (declared nowhere); ``django_q_ormq`` with the queued payloads and their
  ``lock`` times.
- :func:`django_celery`: a Django site's Celery tables, django-celery-results 2.6 and django-celery-beat
  2.9 (Django's own DDL) after a worker and beat ran: ``taskresult`` with each ``result`` JSON text of
  any kind (``20``, ``"1.2019"``, an object, an exception's), ``task_args`` / ``task_kwargs`` the JSON
  string of a Python repr, a failure's traceback ending in a newline, ``periodic_task_name`` naming a
  periodic task (untrimmed, as its ``name``), ``date_done`` / ``date_created`` ``datetime`` text;
  ``groupresult`` and ``chordcounter`` with JSON lists of ids; ``crontabschedule`` fields of cron
  text (``*/15``, ``00``, ``01``) and a time zone name; ``intervalschedule``; ``solarschedule``'s
  ``decimal`` latitude and longitude (``DecimalField(9, 6)``: the text SQLite's NUMERIC affinity made a
  REAL, or the INTEGER 0); ``clockedschedule``; ``periodictask`` with its declared references to each
  schedule, JSON ``args`` / ``kwargs`` / ``headers``, ``bool`` 0/1 flags, ``expires``, ``last_run_at``,
  ``total_run_count`` and ``''`` for no description; ``periodictasks`` keyed by ``ident smallint``.
- :func:`flask_appbuilder_app`: a Flask-AppBuilder 5.3 application's ``app.db`` (SQLAlchemy 2.0's
  ``create_all``, ``flask fab create-admin``): ``ab_user`` whose ``created_by_fk`` / ``changed_by_fk``
  name ``ab_user`` itself, ``last_login`` and a ``login_count``, roles through ``ab_user_role``, a
  pending ``ab_register_user``; and a model of the app's own with its ``AuditMixin``: ``DATE`` text,
  ``DATETIME`` text with six fraction digits always, ``NUMERIC(10, 2)`` / ``NUMERIC(12, 4)`` bound as
  floats (REAL, or INTEGER when whole, by NUMERIC affinity), ``FLOAT``, ``BOOLEAN`` 0/1, an ``Enum``'s
  names in ``VARCHAR(7)``, ``LargeBinary`` BLOBs (empty among them), ``TIME`` text
  (``06:00:30.500000``), employee numbers with leading zeros, ``BIGINT`` past 2^40 and a department
  code ``'0042'``; ``ab_api_key`` (FAB 5's API keys) with uuid text, SHA-256 lookup hashes, the
  one ``key_prefix`` ``sst_``, ``scopes`` or NULL, ``expires_on`` / ``revoked_on`` / ``last_used_on``.
- :func:`archivebox_index`: ArchiveBox 0.7's ``index.sqlite3`` (Django 3.1's DDL) after ``archivebox
  add`` of pages and of a browser's bookmarks file: ``core_snapshot`` keyed by a ``char(32)`` uuid hex
  with its ``timestamp varchar(32) UNIQUE`` the ``str()`` of Unix seconds (``'1796462623.82282'``, an
  imported bookmark's ``'1497562974.0'``), also the name of its folder in ``pwd``;
  ``core_archiveresult`` with each extractor's ``cmd`` as JSON text (``CHECK (JSON_VALID("cmd"))``),
  its status, output file or error message, ``start_ts`` / ``end_ts`` naive UTC text of six fraction
  digits; tags whose ``slug`` is ``''`` where Django's ``slugify`` drops every character (``日本語``),
  under ``NOT NULL UNIQUE``.
- :func:`pretalx_event`: a pretalx 2025.2 conference's ``db.sqlite3`` (Django 5.2's DDL) after its
  ``create_test_event`` and a CfP's questions answered through its ``QuestionsForm``: review scores as
  Django binds a ``Decimal`` under a bare ``decimal`` (its text, stored as INTEGER or REAL by the NUMERIC
  affinity: ``0.375`` where pretalx shows 0.38), a weight of ``1.5``; every answer ``TEXT`` whatever its
  question's variant (``1246.75``, ``2025-02-02``, ``2025-06-02 01:07:00+00:00``, ``True``, ``00123``),
  a ``FileField``'s ``''`` for no file; talk slots with naive UTC ``start`` / ``end`` (NULL while
  unscheduled) in a released and a work-in-progress schedule; codes of its own alphabet; text as its
  forms save it (stripped).
- :func:`spirit_forum`: a Spirit 0.14 forum's ``db.sqlite3`` (``spirit startproject``, Django 5.2's
  DDL) after topics, replies, likes, polls and votes through its own forms: each comment as its
  Markdown and the HTML Spirit rendered (``<poll name=p0>`` where a poll stands), ``action`` codes (a
  moderation action's comment the word ``action``), categories nested by ``parent_id`` with ``''`` for
  no description or colour under ``NOT NULL``, a poll's ``''`` title and ``close_at`` NULL or a moment,
  notifications' action codes and flags, profiles with a ``notify`` bit mask and ``''`` for no post hash.
- :func:`nocodb_base`: a NocoDB 0.265 base in NocoDB's own SQLite metadata database (``NC_DB`` of
  ``sqlite3://``; tables created and filled through its REST API): each table ``nc_<4 characters>___``
  plus its name, with NocoDB's system columns (``created_at`` / ``updated_at`` text of UTC with
  ``+00:00``, ``created_by`` user ids, ``nc_order real``) and a field of every kind as NocoDB declares
  and stores it (Decimal REAL in ``decimal``, Currency in ``double precision``, Percent ``double``,
  Duration whole seconds in ``decimal``, Date and DateTime text, Time ``HH:MM:SS`` text in ``time``,
  Checkbox ``boolean`` 0/1, Rating, single and multi selects as text, JSON and Attachment JSON text,
  codes with leading zeros, ``year``); a link kept as ``<prefix><parent>_id`` and an m2m table
  ``<prefix>nc_m2m_<a>_<b>`` keyed by both, with no FOREIGN KEY declared; knex's
  ``xc_knex_migrationsv2`` with ``migration_time`` epoch milliseconds in ``datetime``.
- :func:`n8n_instance`: n8n 1.123's ``~/.n8n/database.sqlite`` (its TypeORM migrations; workflows and
  credentials imported with ``n8n import:*``, executions run by ``n8n execute --id``): 16-character
  text ids, every moment ``datetime(3)`` or ``datetime`` text of UTC with three fraction digits
  (``STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')``, ``.000`` on the second), ``boolean`` 0/1,
  ``execution_entity`` with its modes and statuses and ``execution_data`` its flatted JSON,
  ``migrations.timestamp`` epoch milliseconds in ``bigint``, ``settings`` of JSON and ``'false'``
  text, credentials as base64 of salted ciphertext, and ``workflows_tags.tagId`` declared ``integer``
  (n8n's first migration) while it holds the tags' text ids, a declared reference to ``tag_entity``.
- :func:`django_history`: a Django 5.2 site's model history as django-simple-history 3.13 and
  django-reversion 6.4 write it (its own DDL): ``shop_historical<model>`` repeating each save's fields
  (a save that changed nothing too) beside ``history_id``, ``history_date`` (naive UTC text, no fraction
  on a whole second), ``history_type`` ``+`` / ``~`` / ``-``, a ``history_change_reason`` and
  ``history_user_id``; a deleted product's history without its row; prices under a bare ``decimal``
  (REAL, or INTEGER for a whole one); a supplier keyed by a code with leading zeros; and reversion's
  ``reversion_version`` with ``object_id`` the ``str()`` of any model's key (``7``, ``00007``) and
  ``serialized_data`` Django's JSON of the saved fields, one ``reversion_revision`` per save.
- :func:`langgraph_checkpoints`: a LangGraph agent's ``checkpoints.sqlite`` as langgraph-checkpoint-sqlite
  3.1's ``SqliteSaver`` writes it (its own DDL) for a graph of plain Python nodes run over several
  threads, interrupted for an answer and resumed (one thread never): ``checkpoints`` keyed by
  (thread, namespace ``''`` for the root graph, a uuid6 id) naming its parent, each state a msgpack
  BLOB and its metadata JSON bytes in a BLOB; ``writes`` keyed by five columns with negative ``idx``
  for an interrupt (-3) and a resume (-4), the all-zero task id of a resume given to the graph with
  ``''`` for its path, and ``type`` ``'null'`` with ``b''`` for a branch's write that has no value;
  thread ids the application's text, digits with leading zeros among them (``0003``).
- :func:`kombu_broker`: a Celery broker's SQLite file as kombu 5.7's SQLAlchemy transport writes it
  (``sqla+sqlite://``, SQLAlchemy 2.1's DDL) after a worker consumed one of two queues:
  ``kombu_message`` with ``visible`` a ``BOOLEAN`` 0/1, ``timestamp`` the naive local moment the worker
  took the message (NULL while it waits), ``version`` 1 or 2 (SQLAlchemy's counter of its updates) and
  ``payload`` Celery's protocol-2 message as JSON text whose ``body`` is base64 JSON; ``queue_id``
  declared to reference ``kombu_queue``.
- :func:`eloquent_app`: a Laravel application's ``database.sqlite`` as Illuminate Database 10 (Debian's
  ``php-illuminate-database``, Eloquent on PHP's PDO) writes it: its schema builder's DDL
  (``tinyint(1)`` booleans, ``numeric`` decimals, ``float``, ``date``, ``datetime`` for ``timestamp()``
  and ``dateTimeTz()``, ``time``, an ``enum`` as a ``CHECK``, ``blob`` for ``binary()``), and what PDO
  binds: a ``decimal:2`` cast's string (``'21759.89'``) stored REAL by the NUMERIC affinity (INTEGER
  when whole), a ``date`` cast's ``Y-m-d H:i:s`` at midnight, ``timestamps()`` and ``softDeletes()``
  as ``Y-m-d H:i:s`` text, and a ``binary()`` column's ``random_bytes()`` bound as a string: TEXT cells
  of raw bytes, most without a NUL.
- :func:`doctrine_app`: a PHP application's database as Doctrine ORM 2.14 / DBAL 3.6 (Debian's
  ``php-doctrine-orm``) writes it through its EntityManager on SQLite: its SchemaTool's DDL, each
  Doctrine type's comment inside ``CREATE TABLE`` (``uuid CHAR(36) NOT NULL --(DC2Type:guid)`` and a
  line break), ``NUMERIC(10, 2)`` decimals bound as PHP strings (stored REAL or INTEGER by the
  affinity), ``BOOLEAN`` 0/1, ``BIGINT`` past 2^53, ``DATE`` / ``DATETIME`` / ``TIME`` text,
  ``simple_array`` comma lists, ``json`` as PHP's ``json_encode`` writes it (``\\/`` and ``\\ud83c``
  escapes), ``array`` and ``object`` as PHP's ``serialize()`` (``N;`` for a null), ``BLOB`` bytes, and a
  currency code ``001``.
- :func:`minion_queue`: a Perl Minion 10.25 job queue on SQLite (Debian's ``libminion-perl`` and
  ``libminion-backend-sqlite-perl`` 5.0.7) after a real worker ran its jobs, and a Mojo::SQLite app's
  own migrations beside it: ``minion_jobs`` with every moment as ``text`` of ``current_timestamp``'s
  form (``2026-12-05 10:06:32``; ``finished``, ``started``, ``retried``, ``expires`` NULL where not
  reached), JSON ``args``, ``result``, ``notes`` and ``parents`` (a failed job's result a JSON string
  of its error), states, negative priorities, delayed jobs, ``lax boolean`` 0/1, a ``worker`` id no
  longer registered; ``minion_workers`` with JSON ``inbox`` / ``status`` under ``CHECK (json_valid(…))``;
  ``minion_locks``; ``mojo_migrations``; the app's ``posts`` (``created text`` of ``datetime('now')``,
  ``meta json``, ``price numeric`` of ``sprintf('%.2f')`` strings, ``published boolean``) and
  ``comments`` (``at text default current_timestamp``, ``''`` for no author).
- :func:`dbt_warehouse`: a dbt 1.11 project's SQLite file as dbt-sqlite 1.10 writes it (``dbt seed`` of
  CSV seeds, ``dbt run`` of table and incremental models): each seed ``CREATE TABLE`` with agate's
  inferred types (``INT``, ``REAL``, ``TEXT``) or the project's ``+column_types`` (``text`` zip codes
  with leading zeros, ``numeric(12,2)`` / ``decimal(10,2)`` amounts stored REAL, or INTEGER where whole,
  ``boolean`` ``'true'`` / ``'false'`` text, ``varchar(6)`` codes, ``timestamp`` text with a ``T``),
  dates and moments as text, an empty CSV cell NULL; the models' ``CREATE TABLE AS`` columns typed by
  SQLite's expression affinity (``INT``, ``TEXT``, ``NUM``, none at all): aggregates of REAL sums,
  ``date()`` text, ``julianday()`` REALs, ``strftime('%s')`` digits as text, ``current_timestamp``.
- :func:`meltano_system`: a Meltano 4.4 project's system database ``.meltano/meltano.db`` (its alembic
  DDL, verbatim) after ``meltano run`` of a tap into targets, in two environments, one loader failing,
  one run interrupted, and ``meltano state set`` / ``meltano config set --store=db``: ``runs`` with
  ``state`` ``SUCCESS`` / ``FAIL`` / ``STATE_EDIT``, naive UTC ``DATETIME`` text with six fraction digits
  (a state edit ends when it starts and has no heartbeat), ``payload`` the Singer state's JSON (``\\u``
  escapes, surrogate pairs for emoji) or the error, ``payload_flags`` 0/1/2 and ``run_id`` a uuid7's
  ``CHAR(32)`` hex with its leading zero; ``state`` keyed by ``VARCHAR(900)`` job names with
  ``partial_state`` ``'{}'`` and ``updated_at`` NULL but for the one job the runs update; and
  ``plugin_settings`` keyed by (name, namespace), each ``value`` a pickled BLOB (``PickleType``), its
  ``enabled BOOLEAN`` 1.
- :func:`frictionless_package`: a data package as Frictionless 5.21 writes it to SQLite (its SQL
  adapter, SQLAlchemy 2.1's DDL from each resource's Table Schema, primary and foreign keys declared):
  a CSV resource's ``string`` codes with leading zeros as ``TEXT``, ``date`` ``DATE`` text,
  ``datetime`` ``DATETIME`` text with six fraction digits, ``boolean`` ``BOOLEAN`` 0/1/NULL, ``number``
  ``FLOAT`` REALs of cents, ``year`` ``INTEGER``, ``time`` ``TIME`` text, and ``duration``,
  ``geopoint``, ``array`` and ``object`` as ``TEXT`` (ISO 8601 periods, ``lon,lat``, JSON with ``\\u``
  escapes); an inline JSON resource's ``datetime`` with an offset written as naive UTC and
  ``yearmonth`` ``TEXT`` ``2024-02``.
- :func:`tracker_store`: a GNOME desktop search index as Tracker 3 (LocalSearch's miner) writes
  ``~/.cache/tracker3/files/meta.db``: one table per RDF class and property, named with the ontology's
  prefix and a colon (``"nfo:FileDataObject"``, ``"rdfs:Resource_rdf:type"``), each keyed by ``ID``, the
  resource's row in ``Resource (ID, Uri)``; text declared ``COLLATE TRACKER``, a collation only Tracker
  defines (and a ``UNIQUE`` URL under it); every ``xsd:dateTime`` an ``INTEGER`` of Unix seconds
  (``"nfo:fileLastModified"``, ``"nfo:fileLastAccessed"``, ``"dc:date"``, ``"nrl:added"``); multi-valued
  properties in keyless tables of ``(ID, value)`` pairs; file names and titles with accents, emoji and
  no-break spaces, percent-encoded file URIs.
- :func:`payload_cms`: a Payload CMS 3 project's SQLite file as ``@payloadcms/db-sqlite`` 3.90 creates
  it (Drizzle's DDL in backticks) and its Local API fills it: ``products`` with ``number`` fields under
  a bare ``numeric`` (two-decimal prices as REAL, computed weights beside whole ones), ``date`` fields
  as ISO text with milliseconds and ``Z`` (a day-only date at noon UTC), a ``checkbox`` as an
  ``integer`` 0/1, JSON text, SKUs with leading zeros, ``''`` notes; a localized title in
  ``products_locales``; a ``hasMany`` select in ``products_tags``, an ``array`` keyed by 24 hex digits
  of text, a block table with its ``_path``, relationships in ``products_rels``; drafts' versions in
  ``_products_v`` (every field prefixed ``version_``) and its locales; ``payload_migrations`` with
  Payload's ``dev`` push at batch ``-1``.
- :func:`sqlalchemy_utils_app`: a Flask/SQLAlchemy application's file with SQLAlchemy-Utils 0.41's types
  as SQLAlchemy 2.0 writes them on SQLite: ``UUIDType(binary=True)`` keys as 16-byte BLOBs under
  ``BINARY(16)`` (a declared foreign key to them), ``UUIDType(binary=False)`` as 32 hex digits,
  ``PasswordType`` hashes as BLOBs of ASCII, ``ScalarListType(int)`` as integers joined by commas (``''``
  for none), ``ChoiceType`` over an enum of ints, ``Numeric(12, 2)`` bound as floats (REAL, INTEGER
  where whole), ``ArrowType`` and ``Interval`` as ``DATETIME`` text (an interval as the moment that long
  after the Unix epoch, a day back as 1969-12-31), ``Time`` text with microseconds, ``BOOLEAN`` 0/1/NULL.
- :func:`feast_online_store`: a Feast 0.67 feature store's SQLite online store after ``feast
  materialize`` (its own DDL): one table per feature view, ``<project>_<view>``, keyed by ``(entity_key
  BLOB, feature_name TEXT)``: the entity key in Feast's own serialization (join key names and values
  with their lengths, little-endian), each value a serialized ``ValueProto`` BLOB, ``value_text`` its
  ``str()`` beside it (a name, a double's repr, ``True``/``False``, a zip code with leading zeros, NULL
  for bytes, times and lists) and ``event_ts`` / ``created_ts`` declared ``timestamp`` holding INTEGER
  Unix seconds (Feast's own adapter); a view of numbers only, whose ``value_text`` is all decimals.
  :func:`feast_sql_registry`: its SQL registry (``registry_type: sql``): protobuf BLOBs keyed by
  ``(name, project_id)``, ``last_updated_timestamp BIGINT`` Unix seconds, ``''`` descriptions.
- :func:`sacred_observer`: a Sacred 0.8 experiment's ``SqlObserver`` database (SQLAlchemy's DDL):
  ``run`` keyed by ``id`` with its ``run_id VARCHAR(24)`` the digits of an integer (``UNIQUE``, the
  target of ``artifact.run_id``'s declared reference), ``DATETIME`` text with six fraction digits (naive
  UTC), ``FLOAT`` results (``0.30000000000000004``, NULL for a failed run), a ``comment`` of ``''``
  where none was given beside NULLs elsewhere in the table, tracebacks and captured output ending in a
  newline (``''`` for none), JSON ``config`` / ``info``, artifacts as BLOBs, and the experiment's
  sources and dependencies through keyless association tables.
- :func:`rasa_tracker_store`: a Rasa 3.6 assistant's ``SQLTrackerStore`` on SQLite: one ``events``
  table, every event of every conversation, its ``timestamp FLOAT`` REAL Unix seconds as
  ``time.time()`` writes them (``1764590410.7463577``), ``intent_name`` set on user messages only,
  ``action_name`` the action, slot or loop named, ``data`` the event's JSON (``json.dumps``: non-ASCII
  as ``\\u`` escapes, emoji as surrogate pairs), sender ids of digits with leading zeros and a
  phone number's ``+``.
- :func:`cartridge_shop`: a Mezzanine 6.1 site's Cartridge 1.3 shop (Django 4.2's DDL; ``shop_order``
  without its ``shipping_detail_*`` copies of the billing columns; ``forms_formentry`` declaring its
  reference to ``forms_form``, which the file lacks) as its admin and checkout write it: every
  ``MoneyField`` a bare ``decimal``, prices and order amounts the ``str()`` of a Decimal stored as REAL or
  INTEGER (``'518.00'``, and ``'10.00'`` off every fourth order: whole amounts only);
  ``Sale.update_products``' own ``UPDATE`` setting ``sale_price`` to ``unit_price - unit_price / '100.0' *
  15`` or ``unit_price - 1.99`` (REAL arithmetic, doubles of 17 digits); SKUs, postcodes and phone numbers
  with leading zeros; ``ProductAction.timestamp`` as ``date.toordinal()`` days; a Mezzanine form's
  entries, names, amounts, days, flags and ``''`` in one ``varchar(2000)``.
- :func:`liquibase_schema`: Liquibase 4.28's ``DATABASECHANGELOG`` and ``DATABASECHANGELOGLOCK`` on SQLite
  (sqlite-jdbc, the JVM in Europe/Berlin) and the schema its change sets built: ``DATEEXECUTED`` UTC text,
  ``DEPLOYMENT_ID`` the last ten digits of epoch milliseconds (``0435600123``), ``''`` for no comment;
  ``loadData`` rows whose ``date`` holds the epoch milliseconds of Berlin's midnight and whose
  ``DATETIME`` (``TEXT`` there) holds a timestamp's milliseconds as digits; an ``<sql>`` change's REAL
  products under ``DECIMAL(10, 2)`` and copied milliseconds beside ``valueDate`` text; and ``addColumn``'s
  rebuild (rename to ``customer_temporary``, create, copy, drop), which leaves
  ``DECIMAL(2000000000, 10)``, ``BOOLEAN(2000000000)`` and the invoice's foreign key naming
  ``customer_temporary``, a table the file lacks.
- :func:`open_webui`: an Open WebUI 0.12 server's ``webui.db`` (its alembic DDL, verbatim) after users
  sign up, chat with a model, post in a channel and write notes: text UUID keys, ``user`` with
  ``BIGINT`` Unix seconds, a ``DATE`` birthday as text and SQLAlchemy ``JSON`` columns holding ``'null'``
  for ``None``; ``auth`` keyed by the user's id (bcrypt hashes, ``active BOOLEAN`` 1); ``chat`` whose
  ``chat JSON`` holds the whole conversation (emoji, accents, no-break spaces) and ``archived`` /
  ``pinned`` 0/1; ``chat_message`` declaring its ``chat_id`` foreign key and not its ``user_id``, every
  one a user's id, ``content`` a JSON string, ``usage`` an object or ``'null'``; channel ``message``
  and ``note`` rows with ``created_at`` / ``updated_at`` in epoch **nanoseconds** (``time.time_ns()``).
- :func:`argilla_server`: an Argilla 2.8 server's ``argilla.db`` (its alembic DDL) after a workspace's
  annotators label a dataset: ``CHAR(32)`` UUID hex keys (one with leading zeros), naive UTC
  ``DATETIME`` text to the microsecond (``datetime.utcnow``), ``BOOLEAN`` 0/1, records' ``fields`` and
  ``metadata`` JSON (``'null'`` where none), ``external_id`` codes with leading zeros, responses'
  ``values`` JSON (``'null'`` for a discarded one) with status ``submitted`` / ``draft`` / ``discarded``,
  and suggestions whose ``score JSON`` is a bare number (``0.779``) or ``'null'``.
- :func:`dvc_data_index` / :func:`dvc_index_cache`: DVC 3.67's site cache of a repository
  (``/var/tmp/dvc/repo/<hash>/``) after ``dvc add``, ``dvc commit`` and ``dvc push`` to a local remote.
  ``index/data/db.db`` is dvc-data's trie (sqltrie's own DDL): ``nodes`` keyed
  ``id INTEGER PRIMARY KEY AUTOINCREMENT``, each node's parent in ``pid`` (declared nowhere; the root's
  NULL, one naming a row the trie has since deleted), path parts in ``name`` (the root's ``''``, file
  names with accents, emoji and a no-break space), ``has_value BOOLEAN`` 1, 0 for the root and NULL for
  an inner node, and each entry's metadata as JSON bytes in ``value BLOB``. ``index/<remote>/cache.db``
  is a diskcache ``Cache`` whose ``Settings`` DVC opens with ``eviction_policy='none'`` (beside the
  journal mode ``wal`` and the counts, each bound with its type into the untyped ``value``) and whose
  ``Cache`` maps each object's md5 (TEXT in ``key BLOB``) to a pickled ``True`` / ``False``.
- :func:`guild_runs_index`: Guild AI 0.9's runs index ``cache/runs/index_v1.db`` (its own DDL, every
  column untyped) after ``guild run`` of a script printing ``loss`` / ``acc`` per step and ``guild
  compare``: ``scalar`` per run (32 hex digits), prefix and tag with first, last, min and max values
  as REAL (float32 values read from the run's events, widened: ``0.10000000149011612``) and their
  INTEGER steps, ``avg_val`` / ``total`` REAL, ``count`` INTEGER, no key (an index on ``(run, prefix,
  tag)`` only); ``scalar_source`` keyed by its ``UNIQUE`` index ``(run, prefix)``, each events file's
  md5 in ``path_digest``.
- :func:`zabbix_proxy`: a Zabbix 6.0 proxy's SQLite database (its ``schema.sql``, Debian's
  zabbix-proxy-sqlite3) after it took the server's configuration and collected values: every time an
  ``integer`` of Unix seconds named ``clock`` (``proxy_history.clock``, ``write_clock``,
  ``proxy_autoreg_host.clock``), a log value's ``timestamp`` beside ``0`` for every other value, ``ns``
  nanoseconds, each value the text the agent sent (numbers, versions, zip codes with leading zeros,
  log lines, long and empty text, emoji and no-break spaces), an item's ``delay`` an interval, a macro
  or ``0`` in a ``varchar``, and the configuration's hosts and items with every field it does not send
  left at its ``DEFAULT`` (``''``, ``'0'``).
- :func:`liferea_feeds`: a Liferea 1.14 feed reader's ``liferea.db`` (its own DDL) after it fetched an
  RSS and an Atom feed: ``STRING`` columns (NUMERIC affinity) of node ids, ``node.type`` declared
  ``INTEGER`` holding ``folder``, ``vfolder``, ``rss``, ``atom`` or NULL for a feed never fetched, each
  item's ``date`` an ``INTEGER`` of Unix seconds (the fetch's where the entry had none), 0/1 flags,
  NULL for an empty title, XHTML descriptions, ``metadata`` rows keyed ``(item_id, nr)`` (author,
  category, an enclosure as ``enc:0:type:length:url``) and a search folder's unread items.
- :func:`eds_address_book`: GNOME's Evolution-data-server 3.46 address book cache ``contacts.db`` (its
  own DDL) after contacts were added through its D-Bus API: ``pas-id-`` uids, each contact's vCard
  (CRLF lines) beside its summary columns, ``Rev`` the vCard's ``REV`` as ISO text with ``Z``, ICU
  collation keys in TEXT columns that hold no UTF-8 (``file_as_localized``), 0/1 flags, and the
  e-mail and phone lists keyed by no column but referencing the contact's uid.
- :func:`mpd_stickers`: the sticker database of a Music Player Daemon (MPD 0.23's ``sticker_file``,
  its own DDL verbatim) after clients set stickers on songs over MPD's protocol: one ``VARCHAR`` table
  of (type, uri, name, value) with no primary key, keyed by its ``UNIQUE`` index on (type, uri, name);
  song URIs with accents, an en dash, CJK, emoji and a no-break space; each value text as the protocol
  carries it: myMPD's ``playCount`` and ``lastPlayed`` (Unix seconds as digits), Cantata's ``rating``
  0..10, a ``like`` 0/1/2, free-text ``comment`` stickers, and ``''`` where a client set an empty one.
- :func:`freeradius_sql`: a FreeRADIUS 3.2 server's ``rlm_sql_sqlite`` database (the Debian package's
  ``mods-config/sql/main/sqlite/schema.sql``, verbatim) after the server handled Access-Requests and
  accounting Start / Interim-Update / Stop packets: ``radacct`` times as ``INTEGER`` Unix seconds in
  ``datetime`` columns (the queries bind ``%{integer:Event-Timestamp}``), ``NULL`` for a session not
  stopped, ``''`` in its ``NOT NULL`` and its nullable text columns that no attribute filled
  (``realm``, IPv6, ``connectinfo_stop``), octet counters past 2^32 (gigawords), 8-hex-digit session
  ids with leading zeros, ``UNIQUE`` ``acctuniqueid`` of 32 hex digits; ``radpostauth.authdate`` text
  of the server's local time with six fraction digits (``'%S.%M'``); ``radcheck`` / ``radreply`` /
  ``radgroupreply`` attribute-op-value rows and ``nas`` clients.
- :func:`bacula_catalog`: a Bacula 9.6 director's SQLite catalog (Debian's ``make_sqlite3_tables``,
  its tables of jobs, files and volumes verbatim) after a Full, an Incremental and a Differential
  backup and a restore: ``Job`` times as ``DATETIME`` text of the director's local clock beside
  ``JobTDate`` and ``VolSessionTime``, ``BIGINT UNSIGNED`` Unix seconds; ``0`` for no pool, file set
  or prior job (a restore's); ``File.MD5`` Bacula's base64 digest without padding, ``'0'`` for a
  directory, and ``LStat`` its base64 stat fields; paths with a trailing ``/``, file names with
  accents, an en dash, CJK and emoji, a directory's name ``''``; ``Log`` lines ending ``\\n\\\\``.
  :func:`bacula_catalog_running`: the same copied while a fifth job runs, its ``EndTime`` and
  ``RealEndTime`` the schema's ``DEFAULT 0`` (INTEGER 0 beside the ``DATETIME`` text).
- :func:`profanity_chatlog`: a profanity 0.13 XMPP client's ``chatlog.db`` (its own DDL) after a chat
  through a Prosody server: times as GLib's ISO 8601 text in UTC (``2026-12-05T12:34:55.530279Z``),
  ``''`` for a text field a message has no value for (an outgoing message's ``to_resource`` and
  ``archive_id``, ``replace_id`` but on a correction) beside ``marked_read INTEGER`` NULL in every row,
  ``encryption`` ``none`` in every row; messages with emoji, a no-break space, digits with a leading zero.
- :func:`sympa_lists`: a Sympa 6.2 list server's SQLite database (its tables as ``sympa upgrade`` leaves
  them, the rebuilt ``subscriber_table``'s old copy kept empty under a time-stamped name) after
  ``sympa create``, ``sympa add`` and ``sympa del``: every moment ``integer`` Unix seconds, flags
  ``numeric`` 0/1, composite keys (robot, list, user), ``stat_table`` logging each operation with
  ``''`` for no parameter and NULL for a removal's, its actor the list master, who is no user.
"""

from __future__ import annotations

import array
import base64
import bz2
import hashlib
import json
import math
import pickle
import pickletools
import plistlib
import quopri
import sqlite3
import struct
import sys
import urllib.parse
import uuid
import zlib
from collections.abc import Sequence
from contextlib import closing
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any
from uuid import UUID

from tests.other_products import FREE_TEXT, write_export

#: Core Data's reference date (``NSDate``'s epoch) and WebKit's (Windows FILETIME's) epoch.
APPLE_EPOCH = datetime(2001, 1, 1, tzinfo=UTC)
WEBKIT_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)


# --- Apple Core Data ---------------------------------------------------------------------------------


def apple_seconds(i: int) -> float:
    """``ZCREATIONDATE`` of ticket ``i``: REAL seconds since 2001-01-01 with microseconds
    (``738000000.123456`` for ticket 0: 2024-05-21), as ``NSDate.timeIntervalSinceReferenceDate``."""
    return 738_000_000.123456 + 26_017.000_731 * i


def apple_due(i: int) -> float | None:
    """``ZDUEDATE``: midnight of a day (whole seconds since 2001, which the column's NUMERIC affinity
    stores as INTEGER cells) for two tickets in three, a fraction for the others, none for every fifth."""
    if i % 5 == 4:
        return None
    return 738_028_800.0 + 86_400 * i if i % 3 else 738_028_800.5 + 86_400 * i


def apple_modified(i: int) -> float:
    """``ZMODIFICATIONDATE``: whole seconds since 2001 in every row (the whole column stored as INTEGER
    cells), numbers a Unix-epoch reading would place in 1993."""
    return 738_100_000.0 + 3_600 * i


def core_data_title(i: int) -> str:
    return f"Ticket {i}: {FREE_TEXT[i % len(FREE_TEXT)]}"


def core_data_metadata() -> bytes:
    """``Z_METADATA.Z_PLIST``: the store's metadata as a binary plist (bytes that are no text)."""
    return plistlib.dumps(
        {
            "NSPersistenceFrameworkVersion": 1338,
            "NSStoreModelVersionHashes": {"Ticket": b"\x8f\x00\xa1" * 11, "Customer": b"\xff\xfe\x00" * 11},
            "NSStoreType": "SQLite",
            "NSStoreUUID": "5C1B7F0E-2D3A-4B5C-8D9E-0F1A2B3C4D5E",
            "_NSAutoVacuumLevel": "2",
        },
        fmt=plistlib.FMT_BINARY,
    )


def core_data(path: Path, tickets: int = 30, customers: int = 5) -> Path:
    """An Apple Core Data SQLite store of a help-desk app (entities Ticket and Customer)."""
    ddl = [
        "CREATE TABLE ZCUSTOMER ( Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
        "ZNAME VARCHAR, ZEMAIL VARCHAR )",
        "CREATE TABLE ZTICKET ( Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
        "ZSTATUS INTEGER, ZCUSTOMER INTEGER, ZCREATIONDATE TIMESTAMP, ZDUEDATE TIMESTAMP, "
        "ZMODIFICATIONDATE TIMESTAMP, ZTITLE VARCHAR )",
        "CREATE INDEX ZTICKET_ZCUSTOMER_INDEX ON ZTICKET (ZCUSTOMER)",
        "CREATE TABLE Z_PRIMARYKEY (Z_ENT INTEGER PRIMARY KEY, Z_NAME VARCHAR, Z_SUPER INTEGER, "
        "Z_MAX INTEGER)",
        "CREATE TABLE Z_METADATA (Z_VERSION INTEGER PRIMARY KEY, Z_UUID VARCHAR(255), Z_PLIST BLOB)",
        "CREATE TABLE Z_MODELCACHE (Z_CONTENT BLOB)",
    ]
    rows: dict[str, list[list[object]]] = {
        "ZCUSTOMER": [
            [c + 1, 1, 1 + c % 3, f"Customer {c} ✓", f"c{c}+app@example.com"] for c in range(customers)
        ],
        "ZTICKET": [
            [
                i + 1,
                2,
                1 + i % 4,
                i % 3,
                (i % customers) + 1 if i % 7 != 6 else None,
                apple_seconds(i),
                apple_due(i),
                apple_modified(i),
                core_data_title(i),
            ]
            for i in range(tickets)
        ],
        "Z_PRIMARYKEY": [[1, "Customer", 0, customers], [2, "Ticket", 0, tickets]],
        "Z_METADATA": [[1, "5C1B7F0E-2D3A-4B5C-8D9E-0F1A2B3C4D5E", core_data_metadata()]],
        "Z_MODELCACHE": [[bytes(range(256)) * 4]],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)  # type: ignore[arg-type]


def far_expiry(i: int) -> int:
    """``ZEXPIRYDATE``: whole seconds since 2001 from 10^9 on (2032-09-09 and after): numbers in the
    range of Unix seconds (2001-09-09 …), INTEGER cells under the TIMESTAMP declaration."""
    return 1_000_000_000 + 86_400 * 365 * i


def eight_digit_seconds(i: int) -> int:
    """``ZISSUEDATE``: whole seconds since 2001 that read as a valid ``YYYYMMDD`` (20250520 seconds:
    2001-08-25; as a compact date 2025-05-20)."""
    return 20_250_520 + i


def core_data_licences(path: Path, *, store: bool = True, licences: int = 6) -> Path:
    """A Core Data entity whose whole-second dates look like Unix seconds and compact dates; with
    ``store=False``, the same table in a file that is no Core Data store (no ``Z_PRIMARYKEY`` or
    ``Z_METADATA``)."""
    ddl = [
        "CREATE TABLE ZLICENCE ( Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, "
        "ZEXPIRYDATE TIMESTAMP, ZISSUEDATE TIMESTAMP, ZNAME VARCHAR )"
    ]
    rows: dict[str, list[list[object]]] = {
        "ZLICENCE": [
            [i + 1, 1, 1, far_expiry(i), eight_digit_seconds(i), f"Licence {i}"] for i in range(licences)
        ]
    }
    if store:
        ddl += [
            "CREATE TABLE Z_PRIMARYKEY (Z_ENT INTEGER PRIMARY KEY, Z_NAME VARCHAR, Z_SUPER INTEGER, "
            "Z_MAX INTEGER)",
            "CREATE TABLE Z_METADATA (Z_VERSION INTEGER PRIMARY KEY, Z_UUID VARCHAR(255), Z_PLIST BLOB)",
        ]
        rows["Z_PRIMARYKEY"] = [[1, "Licence", 0, licences]]
        rows["Z_METADATA"] = [[1, "5C1B7F0E-2D3A-4B5C-8D9E-0F1A2B3C4D5E", core_data_metadata()]]
    return write_export(path, ddl, rows, bytes_as_text=False)  # type: ignore[arg-type]


def plain_licences(path: Path) -> Path:
    """:func:`core_data_licences`' table in a file that is no Core Data store."""
    return core_data_licences(path, store=False)


# --- Android (Room) ----------------------------------------------------------------------------------


def android_millis(i: int) -> int:
    """``date`` of message ``i``: epoch milliseconds (``1716194520123`` for message 0)."""
    return 1_716_194_520_123 + 3_600_017 * i


def android_sent(i: int) -> int:
    """``date_sent``: 0 (the column's default: not known) for received messages, epoch ms otherwise."""
    return 0 if i % 2 else android_millis(i) - 1_500


def android_room(path: Path, messages: int = 40) -> Path:
    """An Android app's Room database: a message inbox."""
    ddl = [
        "CREATE TABLE android_metadata (locale TEXT)",
        "CREATE TABLE IF NOT EXISTS `messages` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
        "`thread_id` INTEGER NOT NULL, `date` INTEGER NOT NULL, `date_sent` INTEGER NOT NULL DEFAULT 0, "
        "`is_read` INTEGER NOT NULL, "
        "`body` TEXT, `sender` TEXT NOT NULL)",
        "CREATE TABLE room_master_table (id INTEGER PRIMARY KEY,identity_hash TEXT)",
    ]
    rows: dict[str, list[list[object]]] = {
        "android_metadata": [["en_US"]],
        "messages": [
            [
                i + 1,
                100 + i % 6,
                android_millis(i),
                android_sent(i),
                1 if i % 3 == 0 else 0,
                FREE_TEXT[i % len(FREE_TEXT)],
                f"+1555010{i % 10:04d}",
            ]
            for i in range(messages)
        ],
        "room_master_table": [[42, "a1b2c3d4e5f60718293a4b5c6d7e8f90"]],
    }
    return write_export(path, ddl, rows)  # type: ignore[arg-type]


# --- Chrome history ----------------------------------------------------------------------------------


def webkit_micros(i: int) -> int:
    """``last_visit_time`` of url ``i``: microseconds since 1601-01-01 (``13360000000000000`` for 0)."""
    return 13_360_000_000_000_000 + 5_400_000_123 * i


def chrome_url(i: int) -> str:
    query = "&".join(f"p{k}=v%20{i}_{k}" for k in range(40))
    return f"https://help.example.com/tickets/{i}?utm_source=app&q=%F0%9F%96%A8&{query}#frag-{i}"


def chrome_title(i: int) -> str:
    return f"🖨️ Ticket {i} — {FREE_TEXT[i % len(FREE_TEXT)]}"


def chrome_history(path: Path, urls: int = 30, visits_per_url: int = 2) -> Path:
    """Chrome's ``History`` SQLite file (``urls`` and ``visits``, as Chrome declares them)."""
    ddl = [
        "CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR)",
        "CREATE TABLE urls(id INTEGER PRIMARY KEY AUTOINCREMENT,url LONGVARCHAR,title LONGVARCHAR,"
        "visit_count INTEGER DEFAULT 0 NOT NULL,typed_count INTEGER DEFAULT 0 NOT NULL,"
        "last_visit_time INTEGER NOT NULL,hidden INTEGER DEFAULT 0 NOT NULL)",
        "CREATE TABLE visits(id INTEGER PRIMARY KEY AUTOINCREMENT,url INTEGER NOT NULL,"
        "visit_time INTEGER NOT NULL,from_visit INTEGER,transition INTEGER DEFAULT 0 NOT NULL,"
        "segment_id INTEGER,visit_duration INTEGER DEFAULT 0 NOT NULL)",
    ]
    rows: dict[str, list[list[object]]] = {
        "meta": [["mmap_status", "-1"], ["version", "67"], ["last_compatible_version", "16"]],
        "urls": [
            [i + 1, chrome_url(i), chrome_title(i), visits_per_url, i % 2, webkit_micros(i), 0]
            for i in range(urls)
        ],
        "visits": [
            [
                i * visits_per_url + v + 1,
                i + 1,
                webkit_micros(i) - (visits_per_url - 1 - v) * 60_000_000,
                None if v == 0 else i * visits_per_url + v,
                805306368 + v,
                0,
                1_234_567 * (v + 1),
            ]
            for i in range(urls)
            for v in range(visits_per_url)
        ],
    }
    return write_export(path, ddl, rows)  # type: ignore[arg-type]


def apple_instant(seconds: float) -> datetime:
    return APPLE_EPOCH + timedelta(seconds=seconds)


def webkit_instant(micros: int) -> datetime:
    return WEBKIT_EPOCH + timedelta(microseconds=micros)


# --- Trac --------------------------------------------------------------------------------------------

#: Trac's tables as ``trac-admin initenv`` creates them (Trac 1.6, database version 45).
TRAC_DDL = [
    "CREATE TABLE system (\n    name text PRIMARY KEY,\n    value text\n)",
    "CREATE TABLE ticket (\n    id integer PRIMARY KEY,\n    type text,\n    time integer,\n"
    "    changetime integer,\n    component text,\n    severity text,\n    priority text,\n"
    "    owner text,\n    reporter text,\n    cc text,\n    version text,\n    milestone text,\n"
    "    status text,\n    resolution text,\n    summary text,\n    description text,\n"
    "    keywords text\n)",
    "CREATE TABLE ticket_change (\n    ticket integer,\n    time integer,\n    author text,\n"
    "    field text,\n    oldvalue text,\n    newvalue text,\n    UNIQUE (ticket,time,field)\n)",
    "CREATE TABLE ticket_custom (\n    ticket integer,\n    name text,\n    value text,\n"
    "    UNIQUE (ticket,name)\n)",
    "CREATE TABLE milestone (\n    name text PRIMARY KEY,\n    due integer,\n    completed integer,\n"
    "    description text\n)",
    "CREATE TABLE version (\n    name text PRIMARY KEY,\n    time integer,\n    description text\n)",
]
TRAC_STATUS = ("new", "accepted", "assigned", "closed")


def trac_micros(i: int) -> int:
    """``ticket.time`` of ticket ``i`` (from 0): microseconds since 1970-01-01 UTC, as Trac's
    ``to_utimestamp`` writes them (``1704164645123456`` for ticket 0: 2024-01-02 03:04:05.123456)."""
    return 1_704_164_645_123_456 + 18_000_000_111 * i


def trac_change_micros(i: int, j: int) -> int:
    """The time of ticket ``i``'s change ``j`` (from 0): a day and a microsecond apart."""
    return trac_micros(i) + (j + 1) * 86_400_000_001


def trac_changes(i: int) -> int:
    """How many times ticket ``i`` was changed after its creation (0, 1 or 2)."""
    return i % 3


def trac_due(i: int) -> str:
    """Ticket ``i``'s custom date field ``due_date`` as Trac stores one: 18 zero-padded digits of
    microseconds (sorting as text), or ``''`` when unset."""
    return "" if i % 4 == 3 else f"{trac_micros(i) + 7 * 86_400_000_000:018d}"


def trac_milestone_due(m: int) -> int:
    """Milestone ``m``'s ``due``: microseconds, ``0`` for "no due date" (Trac's ``to_utimestamp(None)``)."""
    return 0 if m % 2 == 0 else 1_706_756_645_123_456 + m * 86_400_000_000


def trac_environment(path: Path, tickets: int = 24, milestones: int = 4) -> Path:
    """Trac's own SQLite database (``db/trac.db``) of a small project: tickets, their changes and
    custom fields, milestones and versions."""
    changes: list[list[object]] = []
    for i in range(tickets):
        for j in range(trac_changes(i)):
            at, author = trac_change_micros(i, j), ("alice", "bob")[j % 2]
            old_status = TRAC_STATUS[j]
            changes.append([i + 1, at, author, "status", old_status, TRAC_STATUS[j + 1]])
            changes.append([i + 1, at, author, "comment", str(j + 1), FREE_TEXT[(i + j) % len(FREE_TEXT)]])
            changes.append([i + 1, at, author, "due_date", trac_due(i) or None, trac_due(i + j + 1)])
    rows: dict[str, list[list[object]]] = {
        "system": [["database_version", "45"], ["initial_database_version", "45"]],
        "ticket": [
            [
                i + 1,
                ("defect", "enhancement", "task")[i % 3],
                trac_micros(i),
                trac_change_micros(i, trac_changes(i) - 1) if trac_changes(i) else trac_micros(i),
                ("backend", "frontend", "報告")[i % 3],
                None,
                ("major", "critical", "minor", "trivial")[i % 4],
                ("", "dev1", "Zoë")[i % 3] or None,
                ("alice", "bob", "charlie@example.com")[i % 3],
                "a@example.com, b@example.com" if i % 5 == 0 else None,
                f"{i % 2 + 1}.0",
                f"milestone{i % milestones + 1}",
                TRAC_STATUS[trac_changes(i)],
                None,
                f"Ticket {i}: {FREE_TEXT[i % len(FREE_TEXT)]}",
                FREE_TEXT[(i * 7) % len(FREE_TEXT)],
                ("", "ui, crash", "日本語")[i % 3] or None,
            ]
            for i in range(tickets)
        ],
        "ticket_change": changes,
        "ticket_custom": [
            row
            for i in range(tickets)
            for row in (
                [i + 1, "due_date", trac_due(i)],
                [i + 1, "billable", str(i % 2)],
                [i + 1, "customer", ("ACME", "Ünïcode Ltd", "株式会社")[i % 3]],
            )
        ],
        "milestone": [
            [
                f"milestone{m + 1}",
                trac_milestone_due(m),
                trac_milestone_due(m) + 3_600_000_000 if m == 1 else 0,
                FREE_TEXT[m],
            ]
            for m in range(milestones)
        ],
        "version": [["1.0", 0, ""], ["2.0", trac_micros(5), "Second release"]],
    }
    return write_export(path, TRAC_DDL, rows)  # type: ignore[arg-type]


def unix_instant(micros: int) -> datetime:
    """The instant ``micros`` microseconds after 1970-01-01 UTC."""
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=micros)


# --- Roundup -----------------------------------------------------------------------------------------

ROUNDUP_DDL = [
    "CREATE TABLE _user (_activity VARCHAR(30),_actor INTEGER,_address VARCHAR(255),_creation VARCHAR(30),"
    "_creator INTEGER,_realname VARCHAR(255),_username VARCHAR(255),id INTEGER PRIMARY KEY,"
    "__retired__ INTEGER DEFAULT 0)",
    "CREATE TABLE _issue (_activity VARCHAR(30),_actor INTEGER,_assignedto INTEGER,_creation VARCHAR(30),"
    "_creator INTEGER,_deadline VARCHAR(30),_estimate REAL,_title VARCHAR(255),_urgent BOOLEAN,"
    "id INTEGER PRIMARY KEY,__retired__ INTEGER DEFAULT 0)",
    "CREATE TABLE issue__journal (\n            nodeid integer, date VARCHAR(30), tag varchar(255),\n"
    "            action varchar(255), params text)",
    "CREATE TABLE issue_nosy (linkid INTEGER, nodeid INTEGER)",
]
ROUNDUP_USERS = ("admin", "anonymous", "alice", "zoë")


def roundup_moment(i: int) -> datetime:
    """The moment of Roundup event ``i`` (UTC, to the millisecond Roundup keeps)."""
    return datetime(2024, 1, 2, 3, 4, 5, 123_000, tzinfo=UTC) + timedelta(hours=5 * i, milliseconds=7 * i)


def roundup_date(moment: datetime) -> str:
    """``moment`` as Roundup stores a ``Date`` (``roundup.date.Date.serialise``): ``20240102030405.123``."""
    return moment.strftime("%Y%m%d%H%M%S.") + f"{moment.microsecond // 1000:03d}"


def roundup_tracker(path: Path, issues: int = 24) -> Path:
    """Roundup's own SQLite database of a small ``classic`` tracker."""
    users = [
        [
            roundup_date(roundup_moment(u)),
            1,
            f"{name}@example.com",
            roundup_date(roundup_moment(u)),
            1,
            name.title(),
            name,
            u + 1,
            0,
        ]
        for u, name in enumerate(ROUNDUP_USERS)
    ]
    rows: dict[str, list[list[object]]] = {
        "_user": users,
        "_issue": [
            [
                roundup_date(roundup_moment(i + 1)),
                1 + i % 3,
                None if i % 4 == 0 else 1 + i % len(ROUNDUP_USERS),
                roundup_date(roundup_moment(i)),
                1 + i % 3,
                roundup_date(roundup_moment(i + 30).replace(microsecond=0)) if i % 3 else None,
                (1.5, 2.0, 0.25, None)[i % 4],
                f"Issue {i}: {FREE_TEXT[i % len(FREE_TEXT)]}",
                None if i % 5 == 4 else i % 2,
                i + 1,
                int(i % 9 == 8),
            ]
            for i in range(issues)
        ],
        "issue__journal": [
            row
            for i in range(issues)
            for row in (
                [i + 1, roundup_date(roundup_moment(i)), "1", "create", "{}"],
                [
                    i + 1,
                    roundup_date(roundup_moment(i + 1)),
                    str(1 + i % 3),
                    "set",
                    f"{{'title': {FREE_TEXT[i % len(FREE_TEXT)]!r}, 'assignedto': None}}",
                ],
            )
        ],
        "issue_nosy": [
            [1 + (i + k) % len(ROUNDUP_USERS), i + 1] for i in range(issues) for k in range(i % 3)
        ],
    }
    return write_export(path, ROUNDUP_DDL, rows)  # type: ignore[arg-type]


# --- Synapse (Matrix homeserver) ----------------------------------------------------------------------

SYNAPSE_DDL = [
    "CREATE TABLE rooms( room_id TEXT PRIMARY KEY NOT NULL, is_public BOOL, creator TEXT , "
    "room_version TEXT, has_auth_chain_index BOOLEAN)",
    "CREATE TABLE users( name TEXT, password_hash TEXT, creation_ts BIGINT, admin SMALLINT "
    "DEFAULT 0 NOT NULL, upgrade_ts BIGINT, is_guest SMALLINT DEFAULT 0 NOT NULL, appservice_id "
    "TEXT, consent_version TEXT, consent_server_notice_sent TEXT, user_type TEXT DEFAULT NULL, "
    "deactivated SMALLINT DEFAULT 0 NOT NULL, shadow_banned BOOLEAN, consent_ts bigint, approved "
    "BOOLEAN, locked BOOLEAN DEFAULT FALSE NOT NULL, suspended BOOLEAN DEFAULT FALSE NOT NULL, "
    "UNIQUE(name) )",
    "CREATE TABLE events( stream_ordering INTEGER PRIMARY KEY, topological_ordering BIGINT NOT "
    "NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, room_id TEXT NOT NULL, content TEXT, "
    "unrecognized_keys TEXT, processed BOOL NOT NULL, outlier BOOL NOT NULL, depth BIGINT DEFAULT "
    "0 NOT NULL, origin_server_ts BIGINT, received_ts BIGINT, sender TEXT, contains_url BOOLEAN, "
    "instance_name TEXT, state_key TEXT DEFAULT NULL, rejection_reason TEXT DEFAULT NULL, UNIQUE "
    "(event_id) )",
    "CREATE TABLE event_json( event_id TEXT NOT NULL, room_id TEXT NOT NULL, internal_metadata "
    "TEXT NOT NULL, json TEXT NOT NULL, format_version INTEGER, UNIQUE (event_id) )",
    "CREATE TABLE current_state_events( event_id TEXT NOT NULL, room_id TEXT NOT NULL, type TEXT "
    "NOT NULL, state_key TEXT NOT NULL, membership TEXT, event_stream_ordering BIGINT REFERENCES "
    "events(stream_ordering), UNIQUE (event_id), UNIQUE (room_id, type, state_key) )",
    'CREATE TABLE "receipts_linearized" ( stream_id BIGINT NOT NULL, room_id TEXT NOT NULL, '
    "receipt_type TEXT NOT NULL, user_id TEXT NOT NULL, event_id TEXT NOT NULL, thread_id TEXT, "
    "event_stream_ordering BIGINT, data TEXT NOT NULL, instance_name TEXT, CONSTRAINT "
    "receipts_linearized_uniqueness_thread UNIQUE (room_id, receipt_type, user_id, thread_id) )",
    'CREATE TABLE "event_push_actions" ( room_id TEXT NOT NULL, event_id TEXT NOT NULL, user_id '
    "TEXT NOT NULL, profile_tag VARCHAR(32), actions TEXT NOT NULL, topological_ordering BIGINT, "
    "stream_ordering BIGINT, notif SMALLINT, highlight SMALLINT, unread SMALLINT, thread_id TEXT, "
    "CONSTRAINT event_id_user_id_profile_tag_uniqueness UNIQUE (room_id, event_id, user_id, "
    "profile_tag), CONSTRAINT event_push_actions_thread_id CHECK (thread_id is NOT NULL) )",
    'CREATE TABLE "user_filters" ( user_id TEXT NOT NULL, filter_id BIGINT NOT NULL, filter_json '
    "BYTEA NOT NULL , full_user_id TEXT)",
]
SYNAPSE_USERS = ("alice", "bob", "zoë")
#: The actions Synapse writes for a notification with a sound (most rows hold ``''``: the default).
SYNAPSE_SOUND = '["notify",{"set_tweak":"sound","value":"default"}]'


def synapse_millis(n: int) -> int:
    """``origin_server_ts`` of event ``n`` (from 1): epoch milliseconds (2024-01-02 03:05:06.124 for 1)."""
    return 1_704_164_645_123 + 61_001 * n


def synapse_seconds(u: int) -> int:
    """``users.creation_ts`` of user ``u``: epoch seconds, as Synapse keeps them for users."""
    return 1_704_160_000 + 3_600 * u


def synapse_user(u: int) -> str:
    return f"@{SYNAPSE_USERS[u]}:localhost"


def synapse_filter(u: int) -> bytes:
    """``user_filters.filter_json`` of user ``u``: canonical JSON bytes in a BLOB (``BYTEA``)."""
    return b'{"room":{"timeline":{"limit":%d}},"presence":{"not_types":["*"]}}' % (10 * (u + 1))


def synapse_events(rooms: int, messages: int) -> list[tuple[int, str, str, str | None, int]]:
    """``(stream_ordering, room_id, type, state_key, sender)`` of every event: each room's create and
    name events (state key ``''``), a member event per user (their id), then its messages (NULL)."""
    events: list[tuple[int, str, str, str | None, int]] = []
    for r in range(rooms):
        room = f"!room{r}:localhost"
        state = [("m.room.create", "", 0), ("m.room.name", "", 0)]
        state += [("m.room.member", synapse_user(u), u) for u in range(len(SYNAPSE_USERS))]
        for kind, key, sender in state:
            events.append((len(events) + 1, room, kind, key, sender))
        for m in range(messages):
            events.append((len(events) + 1, room, "m.room.message", None, m % len(SYNAPSE_USERS)))
    return events


def matrix_homeserver(path: Path, rooms: int = 3, messages: int = 12) -> Path:
    """Synapse's own SQLite database (``homeserver.db``) of a small server: three users, ``rooms``
    rooms of ``messages`` messages each, their read receipts and push actions."""
    events = synapse_events(rooms, messages)
    depth: dict[str, int] = {}
    event_rows, json_rows, state_rows = [], [], []
    for n, room, kind, key, sender in events:
        depth[room] = depth.get(room, 0) + 1
        event_rows.append(
            [n, depth[room], f"$ev{n}", kind, room, None, None, 1, 0, depth[room], synapse_millis(n),
             synapse_millis(n) + 7, synapse_user(sender), int(n % 7 == 0), "master", key, None]
        )  # fmt: skip
        event: dict[str, object] = {"type": kind, "room_id": room, "sender": synapse_user(sender)}
        event["content"] = {"body": FREE_TEXT[n % len(FREE_TEXT)]}
        if key is not None:
            event["state_key"] = key
            state_rows.append([f"$ev{n}", room, kind, key, "join" if kind == "m.room.member" else None, n])
        json_rows.append([f"$ev{n}", room, "{}", json.dumps(event, ensure_ascii=False), 3])
    said = [(n, room, sender) for n, room, _, key, sender in events if key is None]
    receipts: list[list[object]] = []
    for r in range(rooms):
        room = f"!room{r}:localhost"
        last = max(n for n, at, _ in said if at == room)
        for u in range(len(SYNAPSE_USERS)):
            # One receipt per room and user outside any thread (thread_id NULL); bob's in "main" too.
            for thread in (None, "main") if u == 1 else (None,):
                data = f'{{"ts":{synapse_millis(last) + 1_000 * u}}}'
                receipts.append(
                    [
                        100 + len(receipts),
                        room,
                        "m.read",
                        synapse_user(u),
                        f"$ev{last}",
                        thread,
                        last,
                        data,
                        "master",
                    ]
                )
    pushes = [
        [room, f"$ev{n}", synapse_user(u), None, SYNAPSE_SOUND if n % 4 == 0 else "", n, n, 1, 0, 0, "main"]
        for n, room, sender in said
        for u in range(len(SYNAPSE_USERS))
        if u != sender
    ]
    users = [
        [synapse_user(u), "$2b$12$" + "x" * 53, synapse_seconds(u), int(u == 0), None, 0, None, None, None,
         None, 0, 0, None, 1, 0, 0]
        for u in range(len(SYNAPSE_USERS))
    ]  # fmt: skip
    rows: dict[str, list[list[object]]] = {
        "rooms": [[f"!room{r}:localhost", r % 2, synapse_user(0), "10", 1] for r in range(rooms)],
        "users": users,
        "events": event_rows,
        "event_json": json_rows,
        "current_state_events": state_rows,
        "receipts_linearized": receipts,
        "event_push_actions": pushes,
        "user_filters": [
            [SYNAPSE_USERS[u], 0, synapse_filter(u), synapse_user(u)] for u in range(len(SYNAPSE_USERS))
        ],
    }
    return write_export(path, SYNAPSE_DDL, rows, bytes_as_text=False)  # type: ignore[arg-type]


# --- GnuCash (SQL backend) ---------------------------------------------------------------------------

GNUCASH_DDL = [
    "CREATE TABLE commodities (guid text(32) PRIMARY KEY NOT NULL, namespace text(2048) NOT NULL, "
    "mnemonic text(2048) NOT NULL, fullname text(2048), fraction integer NOT NULL)",
    "CREATE TABLE accounts (guid text(32) PRIMARY KEY NOT NULL, name text(2048) NOT NULL, "
    "account_type text(2048) NOT NULL, commodity_guid text(32), parent_guid text(32), code text(2048), "
    "placeholder integer)",
    "CREATE TABLE transactions (guid text(32) PRIMARY KEY NOT NULL, currency_guid text(32) NOT NULL, "
    "num text(2048) NOT NULL, post_date text(19), enter_date text(19), description text(2048))",
    "CREATE TABLE splits (guid text(32) PRIMARY KEY NOT NULL, tx_guid text(32) NOT NULL, "
    "account_guid text(32) NOT NULL, memo text(2048) NOT NULL, reconcile_state text(1) NOT NULL, "
    "value_num bigint NOT NULL, value_denom bigint NOT NULL, quantity_num bigint NOT NULL, "
    "quantity_denom bigint NOT NULL)",
    "CREATE TABLE prices (guid text(32) PRIMARY KEY NOT NULL, commodity_guid text(32) NOT NULL, "
    "currency_guid text(32) NOT NULL, date text(19) NOT NULL, type text(2048), value_num bigint NOT NULL, "
    "value_denom bigint NOT NULL)",
    "CREATE TABLE slots (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, obj_guid text(32) NOT NULL, "
    "name text(4096) NOT NULL, slot_type integer NOT NULL, int64_val bigint, string_val text(4096), "
    "double_val float8, timespec_val text(19), guid_val text(32), numeric_val_num bigint, "
    "numeric_val_denom bigint, gdate_val text(8))",
]
#: (mnemonic, fraction): two currencies of 2 and 0 decimals, one of 3, a stock in 1/10,000, a coin in 1e-8.
GNUCASH_COMMODITIES = (("EUR", 100), ("JPY", 1), ("BHD", 1000), ("ACME", 10_000), ("BTC", 100_000_000))
GNUCASH_ACCOUNTS = ("Root Account", "Assets", "Bank", "Broker", "Expenses", "Income")
GNUCASH_START = datetime(2019, 1, 1, 10, 59)


def gnucash_guid(kind: str, n: int) -> str:
    """A GnuCash guid: 32 lowercase hex digits (here of the object's kind and number)."""
    return hashlib.md5(f"{kind} {n}".encode()).hexdigest()


def gnucash_value(i: int) -> tuple[int, int]:
    """Split ``i``'s value as GnuCash keeps it, numerator over denominator: cents, yen, fils, 10^16
    cents beyond a double's 2^53, and negatives (the other split of each transaction)."""
    denom = (100, 1, 1000, 100, 100_000_000)[i % 5]
    num = (i * 7_919 + 13) * (10**13 if i % 5 == 3 else 1) * (-1 if i % 2 else 1)
    return num, denom


def gnucash_moment(i: int) -> str:
    """``post_date`` of transaction ``i``: text of GnuCash 3's form, ``YYYY-MM-DD HH:MM:SS``."""
    return (GNUCASH_START + timedelta(days=i, seconds=37 * i)).strftime("%Y-%m-%d %H:%M:%S")


def gnucash_book(path: Path, transactions: int = 30) -> Path:
    """A GnuCash book's core tables, as the SQL backend writes them (no foreign key declared)."""
    commodities = [
        [gnucash_guid("commodity", n), "CURRENCY" if n < 3 else "NASDAQ", code, f"{code} name", fraction]
        for n, (code, fraction) in enumerate(GNUCASH_COMMODITIES)
    ]
    accounts = [
        [
            gnucash_guid("account", a),
            name,
            "ROOT" if a == 0 else "ASSET",
            None if a == 0 else gnucash_guid("commodity", 0),
            None if a == 0 else gnucash_guid("account", 0 if a in (1, 4, 5) else 1),
            "" if a % 2 else f"{1000 + a}",
            int(a in (0, 1)),
        ]
        for a, name in enumerate(GNUCASH_ACCOUNTS)
    ]
    txs = [
        [
            gnucash_guid("tx", t),
            gnucash_guid("commodity", t % 3),
            "" if t % 3 else str(t),
            gnucash_moment(t),
            gnucash_moment(t + 1),
            f"Transaction {t} – {FREE_TEXT[t % len(FREE_TEXT)]}",
        ]
        for t in range(transactions)
    ]
    splits = []
    for t in range(transactions):
        for k in range(2):
            i = 2 * t + k
            num, denom = gnucash_value(i)
            splits.append(
                [
                    gnucash_guid("split", i),
                    gnucash_guid("tx", t),
                    gnucash_guid("account", 2 + (i % 4)),
                    "" if i % 3 else "card",
                    "nyc"[i % 3],
                    num,
                    denom,
                    -num if i % 7 == 0 else num,
                    denom,
                ]
            )
    prices = [
        [
            gnucash_guid("price", n),
            gnucash_guid("commodity", 3 + n % 2),
            gnucash_guid("commodity", n % 3),
            gnucash_moment(n),
            "last",
            1_234_567_891 * (n + 1),
            10 ** (n % 9),
        ]
        for n in range(12)
    ]
    slots = [
        [1, gnucash_guid("tx", 0), "int64-max", 1, 2**63 - 1, None, 0.0, None, None, 0, 1, None],
        [2, gnucash_guid("tx", 1), "int64-min", 1, -(2**63), None, 0.0, None, None, 0, 1, None],
        [3, gnucash_guid("tx", 2), "double", 2, 0, None, 3.141592653589793, None, None, 0, 1, None],
        [4, gnucash_guid("tx", 3), "numeric", 3, 0, None, 0.0, None, None, -1_234_567_891, 1000, None],
        [5, gnucash_guid("tx", 4), "notes", 4, 0, "note\nline 2", 0.0, None, None, 0, 1, None],
        [6, gnucash_guid("tx", 5), "account", 5, 0, None, 0.0, None, gnucash_guid("account", 2), 0, 1, None],
        [7, gnucash_guid("tx", 6), "time", 6, 0, None, 0.0, gnucash_moment(6), None, 0, 1, None],
    ] + [
        [
            8 + t,
            gnucash_guid("tx", t),
            "date-posted",
            10,
            0,
            None,
            0.0,
            None,
            None,
            0,
            1,
            (GNUCASH_START + timedelta(days=t)).strftime("%Y%m%d"),
        ]
        for t in range(transactions)
    ]
    rows: dict[str, list[list[object]]] = {
        "commodities": commodities,  # type: ignore[dict-item]
        "accounts": accounts,  # type: ignore[dict-item]
        "transactions": txs,  # type: ignore[dict-item]
        "splits": splits,  # type: ignore[dict-item]
        "prices": prices,  # type: ignore[dict-item]
        "slots": slots,  # type: ignore[dict-item]
    }
    return write_export(path, GNUCASH_DDL, rows)  # type: ignore[arg-type]


# --- Tryton (SQLite backend) -------------------------------------------------------------------------

TRYTON_DDL = [
    "CREATE TABLE ir_model (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR, module VARCHAR)",
    'CREATE TABLE ir_action (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR, "type" VARCHAR)',
    'CREATE TABLE "currency_currency" (id INTEGER PRIMARY KEY AUTOINCREMENT, "active" BOOLEAN, '
    '"code" VARCHAR(3), "create_date" TIMESTAMP, "digits" INTEGER, "name" VARCHAR, "rounding" NUMERIC)',
    'CREATE TABLE "currency_currency_rate" (id INTEGER PRIMARY KEY AUTOINCREMENT, "create_date" TIMESTAMP, '
    '"currency" INTEGER, "date" DATE, "rate" NUMERIC)',
    'CREATE TABLE "party_party" (id INTEGER PRIMARY KEY AUTOINCREMENT, "active" BOOLEAN, "code" VARCHAR, '
    '"create_date" TIMESTAMP, "name" VARCHAR)',
    'CREATE TABLE "party_address" (id INTEGER PRIMARY KEY AUTOINCREMENT, "city" VARCHAR, "party" INTEGER, '
    '"street_unstructured" TEXT)',
    'CREATE TABLE "product_product" (id INTEGER PRIMARY KEY AUTOINCREMENT, "active" BOOLEAN, '
    '"code" VARCHAR, "cost_price" NUMERIC)',
    'CREATE TABLE "sale_sale" (id INTEGER PRIMARY KEY AUTOINCREMENT, "create_date" TIMESTAMP, '
    '"currency" INTEGER, "description" VARCHAR, "party" INTEGER, "sale_date" DATE, "state" VARCHAR, '
    '"total_amount_cache" NUMERIC)',
    'CREATE TABLE "sale_line" (id INTEGER PRIMARY KEY AUTOINCREMENT, "description" TEXT, "product" INTEGER, '
    '"quantity" FLOAT, "sale" INTEGER, "type" VARCHAR, "unit_price" NUMERIC)',
]
#: (code, digits, rounding) of the currencies: cents, none (JPY) and fils (KWD, three decimals).
TRYTON_CURRENCIES = (("EUR", 2, "0.01"), ("USD", 2, "0.01"), ("JPY", 0, "1"), ("KWD", 3, "0.001"))
TRYTON_STAMP = datetime(2024, 3, 1, 9, 30, 15, 616047)


def tryton_decimal(d: Decimal) -> bytes:
    """A Decimal as trytond's SQLite backend binds it (``adapt_decimal``): its ``str`` as bytes, so
    SQLite stores a BLOB in the NUMERIC column (affinity converts no BLOB)."""
    return str(d).encode()


def tryton_rate(i: int) -> Decimal:
    """Rate ``i`` of currency ``2 + i % 3`` against EUR: six decimals (Tryton's ``rate`` digits)."""
    return Decimal(900_000 + 7_919 * i) / Decimal(10**6) * (150 if i % 3 == 1 else 1)


def tryton_price(i: int) -> Decimal:
    """Unit price of sale line ``i``: four decimals (Tryton's price digits), up to 10^10, some negative
    (a discount line), trailing zeros kept (``1200.5000``)."""
    return (Decimal(i * 98_765_431 % 10**14) / Decimal(10**4)).quantize(Decimal("0.0001")) * (
        -1 if i % 6 == 5 else 1
    )


def tryton_sales(path: Path, sales: int = 40, parties: int = 12, products: int = 15) -> Path:
    """Tryton's SQLite database of ``sales`` sales of ``products`` products to ``parties`` parties."""
    stamp = TRYTON_STAMP.isoformat(" ")
    lines = [(s, j) for s in range(sales) for j in range(1 + s % 4)]
    rows: dict[str, list[list[object]]] = {
        # The framework's own tables, keyed 1..N like every other: the values of a reference fit them too.
        "ir_model": [[m + 1, f"model.{m}", "ir"] for m in range(60)],
        "ir_action": [[a + 1, f"action {a}", "ir.action.report"] for a in range(80)],
        "currency_currency": [
            [c + 1, 1, code, stamp, digits, f"{code} name", tryton_decimal(Decimal(rounding))]
            for c, (code, digits, rounding) in enumerate(TRYTON_CURRENCIES)
        ],
        "currency_currency_rate": [
            [i + 1, stamp, 2 + i % 3, date_of(i).isoformat(), tryton_decimal(tryton_rate(i))]
            for i in range(30)
        ],
        "party_party": [[p + 1, 1, str(p + 1), stamp, f"Client {p} – Ünïcode"] for p in range(parties)],
        "party_address": [[p + 1, "Paris", p + 1, f"{p} rue X\nBâtiment B"] for p in range(parties)],
        "product_product": [
            [n + 1, 1, f"P{n:04d}", tryton_decimal(tryton_price(n * 13 + 1))] for n in range(products)
        ],
        "sale_sale": [
            [s + 1, stamp, 1 + s % 2, f"Vente {s}", 1 + s % parties, date_of(s).isoformat(), "draft", None]
            for s in range(sales)
        ],
        "sale_line": [
            [
                n + 1,
                f"ligne {j}",
                1 + (s * 7 + j) % products,
                float(1 + n % 9) / (1 if n % 2 else 4),
                s + 1,
                "line",
                tryton_decimal(tryton_price(n)),
            ]
            for n, (s, j) in enumerate(lines)
        ],
    }
    return write_export(path, TRYTON_DDL, rows, bytes_as_text=False)  # type: ignore[arg-type]


def date_of(i: int) -> date:
    """Day ``i`` from 2023-01-01."""
    return date(2023, 1, 1) + timedelta(days=i)


# --- a CMS's search index (Wagtail's SQLite backend) ---------------------------------------------------

SEARCH_DDL = [
    'CREATE TABLE "search_entry" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "object_id" '
    'varchar(50) NOT NULL, "title_norm" real NOT NULL, "content_type_id" integer NOT NULL, '
    '"autocomplete" text NULL, "body" text NULL, "title" text NOT NULL)',
    "CREATE VIRTUAL TABLE search_entry_fts USING fts5(autocomplete, body, title)",
    "CREATE TRIGGER insert_search_entry_fts AFTER INSERT ON search_entry BEGIN INSERT INTO "
    "search_entry_fts(title, body, autocomplete, rowid) VALUES (NEW.title, NEW.body, NEW.autocomplete, "
    "NEW.id); END",
    "CREATE TRIGGER update_search_entry_fts AFTER UPDATE ON search_entry BEGIN UPDATE search_entry_fts "
    "SET title=NEW.title, body=NEW.body, autocomplete=NEW.autocomplete WHERE rowid=NEW.id; END",
    "CREATE TRIGGER delete_search_entry_fts AFTER DELETE ON search_entry BEGIN DELETE FROM "
    "search_entry_fts WHERE rowid=OLD.id; END",
]
#: The entry :func:`cms_search_index` deletes and the one it retitles (its draft's title).
SEARCH_DELETED, SEARCH_RETITLED = 7, 4


def search_title(i: int) -> str:
    """Entry ``i``'s title as first indexed (1-based): a page (odd) and its translation (the next, even)
    share it."""
    return "Home" if i <= 2 else f"Post {(i - 1) // 2} – news"


def search_body(i: int) -> str:
    """Entry ``i``'s body: an image's tags (every fifth entry), else ``''`` as a page's."""
    return f"nature t{i}" if i % 5 == 0 else ""


def cms_search_index(path: Path, entries: int = 24) -> Path:
    """A CMS's search index (see the module's docstring): ``entries`` entries, then one deleted and one
    retitled (``(draft)`` appended), each through the triggers as the CMS's writes are."""
    rows = [
        [
            i,
            str(i),
            (0.949090909090909, 2.61)[i % 2],
            30 + i % 3,
            search_title(i),
            search_body(i),
            search_title(i),
        ]
        for i in range(1, entries + 1)
    ]
    write_export(path, SEARCH_DDL, {"search_entry": rows})
    con = sqlite3.connect(path)
    with con:
        con.execute("DELETE FROM search_entry WHERE id = ?", (SEARCH_DELETED,))
        title = f"{search_title(SEARCH_RETITLED)} (draft)"
        con.execute(
            "UPDATE search_entry SET title = ?, autocomplete = ? WHERE id = ?",
            (title, title, SEARCH_RETITLED),
        )
    con.close()
    return path


# --- Home Assistant's recorder -----------------------------------------------------------------------

#: The recorder's tables as schema 42 declares them (SQLAlchemy's DDL, tabs and all), legacy columns
#: ``CHAR(0)``: kept by migrations, NULL in every row written since.
HA_DDL = [
    "CREATE TABLE states_meta (\n\tmetadata_id INTEGER NOT NULL, \n\tentity_id VARCHAR(255), \n\t"
    "PRIMARY KEY (metadata_id)\n)",
    "CREATE TABLE state_attributes (\n\tattributes_id INTEGER NOT NULL, \n\thash BIGINT, \n\t"
    "shared_attrs TEXT, \n\tPRIMARY KEY (attributes_id)\n)",
    "CREATE TABLE states (\n\tstate_id INTEGER NOT NULL, \n\tentity_id CHAR(0), \n\tstate VARCHAR(255), "
    "\n\tattributes CHAR(0), \n\tevent_id SMALLINT, \n\tlast_changed CHAR(0), \n\tlast_changed_ts FLOAT, "
    "\n\tlast_updated CHAR(0), \n\tlast_updated_ts FLOAT, \n\told_state_id INTEGER, \n\tattributes_id "
    "INTEGER, \n\tcontext_id CHAR(0), \n\tcontext_user_id CHAR(0), \n\tcontext_parent_id CHAR(0), \n\t"
    "origin_idx SMALLINT, \n\tcontext_id_bin BLOB, \n\tcontext_user_id_bin BLOB, \n\tcontext_parent_id_bin "
    "BLOB, \n\tmetadata_id INTEGER, \n\tPRIMARY KEY (state_id), \n\tFOREIGN KEY(old_state_id) REFERENCES "
    "states (state_id), \n\tFOREIGN KEY(attributes_id) REFERENCES state_attributes (attributes_id), \n\t"
    "FOREIGN KEY(metadata_id) REFERENCES states_meta (metadata_id)\n)",
    "CREATE TABLE statistics_meta (\n\tid INTEGER NOT NULL, \n\tstatistic_id VARCHAR(255), \n\tsource "
    "VARCHAR(32), \n\tunit_of_measurement VARCHAR(255), \n\thas_mean BOOLEAN, \n\thas_sum BOOLEAN, \n\t"
    "name VARCHAR(255), \n\tPRIMARY KEY (id)\n)",
    "CREATE TABLE statistics_short_term (\n\tid INTEGER NOT NULL, \n\tcreated CHAR(0), \n\tcreated_ts "
    "FLOAT, \n\tmetadata_id INTEGER, \n\tstart CHAR(0), \n\tstart_ts FLOAT, \n\tmean FLOAT, \n\tmin "
    "FLOAT, \n\tmax FLOAT, \n\tlast_reset CHAR(0), \n\tlast_reset_ts FLOAT, \n\tstate FLOAT, \n\tsum "
    "FLOAT, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(metadata_id) REFERENCES statistics_meta (id) ON DELETE "
    "CASCADE\n)",
    'CREATE TABLE recorder_runs (\n\trun_id INTEGER NOT NULL, \n\tstart DATETIME NOT NULL, \n\t"end" '
    "DATETIME, \n\tclosed_incorrect BOOLEAN NOT NULL, \n\tcreated DATETIME NOT NULL, \n\tPRIMARY KEY "
    "(run_id)\n)",
]
#: The recorded entities (``states_meta``, metadata_id from 1) and their attributes.
HA_ENTITIES = (
    ("sensor.room_temperature", {"unit_of_measurement": "°C", "device_class": "temperature"}),
    ("input_boolean.away", {"friendly_name": "Away mode"}),
    ("counter.tickets", {"initial": None, "step": 1, "friendly_name": "Tickets"}),
    ("sensor.status_text", {"friendly_name": "Status – Überhitzt"}),
)
#: The first five-minute statistics period (2024-01-02 03:00:00 UTC) in Unix seconds.
HA_PERIOD_START = 1_704_164_400


def ha_attrs(m: int) -> str:
    """``shared_attrs`` of entity ``m`` (from 0): compact JSON as the recorder writes it."""
    return json.dumps(HA_ENTITIES[m][1], separators=(",", ":"), ensure_ascii=False)


def ha_hash(text: str) -> int:
    """An unsigned 32-bit hash of ``text`` (the recorder uses FNV-1a; any such hash has the shape)."""
    return zlib.crc32(text.encode())


def ha_updated(i: int) -> float:
    """``last_updated_ts`` of state ``i`` (from 0): Unix seconds with microseconds."""
    return 1_704_164_645.123456 + 5.000017 * i


def ha_context(i: int) -> bytes:
    """``context_id_bin`` of state ``i``: a ULID's 16 bytes (48 bits of milliseconds, 80 random)."""
    return (int(ha_updated(i) * 1000) << 80 | (i * 0x9E3779B97F4A7C15) % (1 << 80)).to_bytes(16, "big")


def ha_state(i: int) -> str:
    """``state`` of state ``i`` (entity ``i % 4``): numbers, words and HA's own 'unavailable'."""
    m = i % len(HA_ENTITIES)
    if i % 11 == 10:
        return "unavailable"
    return (f"{20 + (i % 7) * 0.37:.2f}", ("on", "off")[i // 4 % 2], str(i // 4), ("ok", "Überhitzt")[i % 2])[
        m
    ]


def ha_statistic(k: int, metadata_id: int) -> list[object]:
    """Row ``k`` (from 0) of ``statistics_short_term`` for ``metadata_id`` 1 (a mean) or 2 (a sum):
    ``[created_ts, start_ts, mean, min, max, last_reset_ts, state, sum]``."""
    start = float(HA_PERIOD_START + 300 * k)
    created = start + 310.46917 + k / 1e6
    if metadata_id == 1:
        mean = 20 + k * 0.1253867506202
        return [created, start, mean, mean - 1.113, mean + 1.112, None, None, None]
    total = sum(0.1849 for _ in range(k + 1))  # a running float sum, 0.18490000000000001 and so on
    return [created, start, None, None, None, None, 8.5 + total, total]


def ha_run_text(moment: datetime) -> str:
    """A ``DATETIME`` as SQLAlchemy writes it on SQLite: naive UTC, always six fraction digits."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


#: The recorder's two runs: one ended by a crash (``closed_incorrect``), one still open.
HA_RUNS = (
    (datetime(2024, 1, 2, 3, 4, 5, 801413), datetime(2024, 1, 2, 3, 14, 22, 247693), 1),
    (datetime(2024, 1, 2, 3, 14, 22, 247693), None, 0),
)


def home_assistant_recorder(path: Path, states: int = 44, periods: int = 6) -> Path:
    """Home Assistant's ``home-assistant_v2.db`` of a small home: states of four entities, their
    five-minute statistics and the recorder's runs."""
    rows: dict[str, list[list[object]]] = {
        "states_meta": [[m + 1, entity] for m, (entity, _) in enumerate(HA_ENTITIES)],
        "state_attributes": [[m + 1, ha_hash(ha_attrs(m)), ha_attrs(m)] for m in range(len(HA_ENTITIES))],
        "states": [
            [
                i + 1,
                None,
                ha_state(i),
                None,
                None,
                None,
                # last_changed_ts is NULL where it equals last_updated_ts (the recorder's saving).
                ha_updated(i - len(HA_ENTITIES)) if i % 3 == 1 and i >= len(HA_ENTITIES) else None,
                None,
                ha_updated(i),
                i + 1 - len(HA_ENTITIES) if i >= len(HA_ENTITIES) else None,
                i % len(HA_ENTITIES) + 1,
                None,
                None,
                None,
                0,
                ha_context(i),
                None,
                ha_context(i - 1) if i % 5 == 4 else None,
                i % len(HA_ENTITIES) + 1,
            ]
            for i in range(states)
        ],
        "statistics_meta": [
            [1, "sensor.room_temperature", "recorder", "°C", 1, 0, None],
            [2, "sensor.energy_total", "recorder", "kWh", 0, 1, None],
        ],
        "statistics_short_term": [
            [2 * k + m, None, *values[:1], m, None, *values[1:5], None, *values[5:]]
            for k in range(periods)
            for m in (1, 2)
            for values in [ha_statistic(k, m)]
        ],
        "recorder_runs": [
            [r + 1, ha_run_text(start), ha_run_text(end) if end else None, closed, ha_run_text(start)]
            for r, (start, end, closed) in enumerate(HA_RUNS)
        ],
    }
    return write_export(path, HA_DDL, rows, bytes_as_text=False)  # type: ignore[arg-type]


# --- Celery's database result backend ----------------------------------------------------------------

CELERY_DDL = [
    "CREATE TABLE celery_taskmeta (\n\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\ttask_id "
    "VARCHAR(155), \n\tstatus VARCHAR(50), \n\tresult BLOB, \n\tdate_done DATETIME, \n\ttraceback TEXT, "
    "\n\tchildren BLOB, \n\tname VARCHAR(155), \n\targs BLOB, \n\tkwargs BLOB, \n\tworker VARCHAR(155), "
    "\n\tretries INTEGER, \n\tqueue VARCHAR(155), \n\tstamps BLOB, \n\tUNIQUE (task_id)\n)",
    "CREATE TABLE celery_tasksetmeta (\n\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\ttaskset_id "
    "VARCHAR(155), \n\tresult BLOB, \n\tdate_done DATETIME, \n\tUNIQUE (taskset_id)\n)",
]


def celery_done(i: int) -> datetime:
    """``date_done`` of task ``i`` (from 0): the worker's local wall clock, no zone."""
    return datetime(2024, 1, 2, 4, 4, 5, 737567) + timedelta(seconds=13 * i, microseconds=21_011 * i)


def celery_failed(i: int) -> bool:
    """Task ``i`` raised (every fifth)."""
    return i % 5 == 4


def celery_traceback(i: int) -> str | None:
    """A failed task's traceback as Python formats it: lines ending in a newline, the last one too."""
    if not celery_failed(i):
        return None
    return (
        "Traceback (most recent call last):\n"
        '  File "/srv/app/tasks.py", line 11, in fail\n'
        "    raise ValueError(msg)\n"
        f"ValueError: ticket {i} – ünïcode failure\n"
    )


def celery_result(i: int) -> bytes:
    """Task ``i``'s stored result: JSON bytes (an exception's for a failure), or a pickle's bytes."""
    if celery_failed(i):
        value: object = {"exc_type": "ValueError", "exc_message": [f"ticket {i}"], "exc_module": "builtins"}
    else:
        value = {"sum": i * 1.5, "tags": ["a", None], "note": "  padded  "} if i % 2 else i * 0.5
    if i % 7 == 6:
        return pickle.dumps(value, protocol=5)
    return json.dumps(value).encode()


def celery_results(path: Path, tasks: int = 20) -> Path:
    """Celery's result database after ``tasks`` tasks and one group."""
    rows: dict[str, list[list[object]]] = {
        "celery_taskmeta": [
            [
                i + 1,
                f"{i:08x}-5715-40b9-8769-4d8d62c80cc5",
                "FAILURE" if celery_failed(i) else "SUCCESS",
                celery_result(i),
                celery_done(i).strftime("%Y-%m-%d %H:%M:%S.%f"),
                celery_traceback(i),
                None,
                ("helpdesk.add", "helpdesk.fail", "helpdesk.echo")[i % 3],
                json.dumps([i, i * 0.5]).encode(),
                b"{}",
                "celery@worker-1",
                0,
                None,
                None,
            ]
            for i in range(tasks)
        ],
        "celery_tasksetmeta": [
            [
                1,
                "f4d9117a-ec63-4199-9aa3-0bc4206d4c4b",
                b'[["f4d9117a", null], []]',
                "2024-01-02 04:10:00.000001",
            ]
        ],
    }
    return write_export(path, CELERY_DDL, rows, bytes_as_text=False)  # type: ignore[arg-type]


# --- R (DBI::dbWriteTable with RSQLite 2.2) ----------------------------------------------------------

#: R's origin of a Date (days) and a POSIXct (seconds).
R_ORIGIN = date(1970, 1, 1)
R_STATUS = ("open", "pending", "closed", "on hold")


def r_day(i: int) -> date | None:
    """Row ``i``'s ``Date`` (NA every 13th row)."""
    return None if i % 13 == 12 else date(2019, 3, 1) + timedelta(days=7 * i)


def r_seconds(i: int) -> float | None:
    """Row ``i``'s ``POSIXct``: seconds since 1970 with milliseconds, whole on every fourth row (NA
    every 11th)."""
    if i % 11 == 10:
        return None
    return 1_716_208_920.0 + 26_000 * i + (0 if i % 4 == 0 else 0.123 + 0.017 * i)


def r_amount(i: int) -> float | None:
    """Row ``i``'s double: two decimals, ``Inf`` and ``-Inf`` once each, NA (and NaN, which RSQLite
    binds as NULL too) every tenth."""
    if i == 3:
        return math.inf
    if i == 4:
        return -math.inf
    return None if i % 10 == 9 else round(i * 1.37, 2)


def r_name(i: int) -> str | None:
    """Row ``i``'s character: padded, ``""``, emoji, no-break spaces, NA, one of 200,000 characters."""
    if i == 7:
        return "long text " * 20_000
    return (
        f"Ticket {i}",
        f"  padded {i}  ",
        "",
        f"caf\u00e9 \U0001f600 {i}",
        f"nbsp\u00a0{i}\u00a0",
        None,
    )[i % 6]


def r_payload(i: int) -> bytes | None:
    """Row ``i``'s ``blob``: three bytes (NULL every ninth)."""
    return None if i % 9 == 8 else bytes((i * k) % 256 for k in (1, 7, 13))


def r_data_frame(path: Path, rows: int = 40, *, extended_types: bool = False) -> Path:
    """A data frame as R's ``DBI::dbWriteTable`` writes it with RSQLite 2.2 (its DDL, backquoted, a
    column a line): ``integer`` and ``logical`` (0/1) as ``INTEGER``, ``double`` as ``REAL`` (``Inf``
    kept, ``NaN`` and ``NA`` NULL), ``factor`` and ``character`` as ``TEXT``, ``integer64`` (bit64)
    as ``INTEGER`` beyond 2^53, ``blob`` as ``BLOB``, ``difftime`` as ``REAL`` in its units. A ``Date``
    is bound as a double of days since 1970-01-01 and a ``POSIXct`` as one of seconds: in ``REAL``
    columns by default; with ``extended_types = TRUE`` the columns are declared ``DATE`` and
    ``TIMESTAMP``, whose NUMERIC affinity keeps a whole number as INTEGER. ``cars`` is a frame with row
    names (``row.names = TRUE``: a ``row_names`` TEXT column first)."""
    day, moment = ("DATE", "TIMESTAMP") if extended_types else ("REAL", "REAL")
    ddl = [
        "CREATE TABLE `tickets` (\n  `id` INTEGER,\n"
        f"  `day` {day},\n  `at` {moment},\n  `dur` REAL,\n  `status` TEXT,\n  `flag` INTEGER,\n"
        "  `amount` REAL,\n  `name` TEXT,\n  `big` INTEGER,\n  `payload` BLOB\n)",
        "CREATE TABLE `cars` (\n  `row_names` TEXT,\n  `mpg` REAL,\n  `cyl` REAL,\n  `wt` REAL\n)",
    ]
    tickets = [
        (
            i + 1,
            None if (d := r_day(i)) is None else float((d - R_ORIGIN).days),
            r_seconds(i),
            i * 1.5,
            None if i % 17 == 16 else R_STATUS[i % 4],
            None if i % 5 == 4 else i % 2,
            r_amount(i),
            r_name(i),
            None if i % 15 == 14 else 2**53 + 1 + i,
            r_payload(i),
        )
        for i in range(rows)
    ]
    cars = [
        ("Mazda RX4", 21.0, 6.0, 2.62),
        ("Mazda RX4 Wag", 21.0, 6.0, 2.875),
        ("Datsun 710", 22.8, 4.0, 2.32),
        ("Hornet 4 Drive", 21.4, 6.0, 3.215),
        ("Valiant", 18.1, 6.0, 3.46),
    ]
    return write_export(path, ddl, {"tickets": tickets, "cars": cars}, bytes_as_text=False)


def r_extended_types(path: Path) -> Path:
    """:func:`r_data_frame` written with ``extended_types = TRUE``."""
    return r_data_frame(path, extended_types=True)


# --- A feed reader's cache (newsboat) ----------------------------------------------------------------

#: newsboat's ``cache.db`` (schema 2.11, as newsboat 2.30 creates it), its own DDL.
FEED_READER_DDL = [
    "CREATE TABLE rss_feed (  rssurl VARCHAR(1024) PRIMARY KEY NOT NULL,  url VARCHAR(1024) NOT NULL,  "
    "title VARCHAR(1024) NOT NULL , lastmodified INTEGER(11) NOT NULL DEFAULT 0, is_rtl INTEGER(1) NOT "
    'NULL DEFAULT 0, etag VARCHAR(128) NOT NULL DEFAULT "")',
    "CREATE TABLE rss_item (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid VARCHAR(64) NOT NULL,  "
    "title VARCHAR(1024) NOT NULL,  author VARCHAR(1024) NOT NULL,  url VARCHAR(1024) NOT NULL,  "
    "feedurl VARCHAR(1024) NOT NULL,  pubDate INTEGER NOT NULL,  content VARCHAR(65535) NOT NULL, "
    "unread INTEGER(1) NOT NULL , enclosure_url VARCHAR(1024), enclosure_type VARCHAR(1024), enqueued "
    "INTEGER(1) NOT NULL DEFAULT 0, flags VARCHAR(52), deleted INTEGER(1) NOT NULL DEFAULT 0, base "
    'VARCHAR(128) NOT NULL DEFAULT "")',
    "CREATE TABLE google_replay (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid VARCHAR(64) NOT "
    "NULL,  state INTEGER NOT NULL,  ts INTEGER NOT NULL )",
    "CREATE INDEX idx_rssurl ON rss_feed(rssurl)",
    "CREATE INDEX idx_guid ON rss_item(guid)",
    "CREATE INDEX idx_feedurl ON rss_item(feedurl)",
    "CREATE INDEX idx_lastmodified ON rss_feed(lastmodified)",
    "CREATE INDEX idx_deleted ON rss_item(deleted)",
    "CREATE TABLE metadata (  db_schema_version_major INTEGER NOT NULL,  db_schema_version_minor "
    "INTEGER NOT NULL )",
]
FEED_URLS = ("http://127.0.0.1:8765/rss.xml", "http://127.0.0.1:8765/atom.xml")


def feed_fetched(f: int) -> int:
    """``lastmodified`` of feed ``f``: the epoch seconds of its last fetch."""
    return 1_796_409_655 - 8 * f


def feed_published(i: int) -> int:
    """``pubDate`` of item ``i``: epoch seconds (an RSS date of any offset, as UTC seconds)."""
    return 1_709_280_000 + 25_201 * i


def feed_content(i: int) -> str:
    """An item's HTML: its line break as the feed had it, two spaces after (a blank item: spaces)."""
    return "   " if i % 7 == 0 else f"<p>Body {i}\r\nline two ü</p>  "


def feed_reader_cache(path: Path, items: int = 30) -> Path:
    """newsboat's ``cache.db`` after two feeds were fetched and a few items read: ``''`` for every missing
    text (``author``, ``base``, ``etag``, an item without enclosure), 0/1 flags as ``INTEGER(1)``, and
    epoch seconds in ``pubDate`` and in ``lastmodified`` (one lowercase word)."""
    rows: dict[str, list[list[object]]] = {
        "rss_feed": [
            [url, f"http://example.com/{f}", f"Feed {f} ü", feed_fetched(f), f, ""]
            for f, url in enumerate(FEED_URLS)
        ],
        "rss_item": [
            [
                i + 1,
                f"guid-{i}",
                f"Item {i}: “Café” & <news>",
                f"Writer {i % 4}" if i % 2 else "",
                f"http://example.com/{i}",
                FEED_URLS[i % 2],
                feed_published(i),
                feed_content(i),
                0 if i % 5 == 0 else 1,
                f"http://127.0.0.1:8765/a{i}.mp3" if i % 3 == 0 else "",
                "audio/mpeg" if i % 3 == 0 else "",
                0,
                "s" if i % 6 == 0 else None,
                1 if i == items - 1 else 0,
                "",
            ]
            for i in range(items)
        ],
        "google_replay": [],
        "metadata": [[2, 11]],
    }
    return write_export(path, FEED_READER_DDL, rows)  # type: ignore[arg-type]


# --- A Fossil repository (an SCM with its tickets in one file) ----------------------------------------

#: A Fossil 2.21 repository's tables that hold its check-ins and tickets, as ``fossil init`` declares
#: them (``tagxref.rid``'s ``REFERENCE blob`` is Fossil's own: a type name, no reference), and its
#: full-text search as ``fossil fts-config index on`` creates it: an external-content FTS5 index whose
#: ``content=`` is a view calling Fossil's own SQL functions ``title()`` and ``body()``.
FOSSIL_DDL = [
    "CREATE TABLE blob(\n  rid INTEGER PRIMARY KEY,\n  rcvid INTEGER,\n  size INTEGER,\n  uuid TEXT UNIQUE "
    "NOT NULL,\n  content BLOB,\n  CHECK( length(uuid)>=40 AND rid>0 )\n)",
    "CREATE TABLE user(\n  uid INTEGER PRIMARY KEY,\n  login TEXT UNIQUE,\n  pw TEXT,\n  cap TEXT,\n  "
    "mtime DATE\n)",
    "CREATE TABLE concealed(\n  hash TEXT PRIMARY KEY,\n  mtime DATE,\n  content TEXT\n)",
    "CREATE TABLE event(\n  type TEXT,\n  mtime DATETIME,\n  objid INTEGER PRIMARY KEY,\n  tagid INTEGER,\n"
    "  uid INTEGER REFERENCES user,\n  user TEXT,\n  comment TEXT,\n  omtime DATETIME\n)",
    "CREATE TABLE mlink(\n  mid INTEGER,\n  fid INTEGER,\n  fnid INTEGER,\n  isaux BOOLEAN DEFAULT 0\n)",
    "CREATE TABLE tagxref(\n  tagid INTEGER,\n  tagtype INTEGER,\n  srcid INTEGER REFERENCES blob,\n  "
    "value TEXT,\n  mtime TIMESTAMP,\n  rid INTEGER REFERENCE blob,\n  UNIQUE(rid, tagid)\n)",
    "CREATE TABLE ticket(\n  tkt_id INTEGER PRIMARY KEY,\n  tkt_uuid TEXT UNIQUE,\n  tkt_mtime DATE,\n  "
    "tkt_ctime DATE,\n  status TEXT,\n  title TEXT,\n  private_contact TEXT,\n  comment TEXT\n)",
    "CREATE TABLE ticketchng(\n  tkt_id INTEGER REFERENCES ticket,\n  tkt_rid INTEGER REFERENCES blob,\n  "
    "tkt_mtime DATE,\n  login TEXT,\n  icomment TEXT\n)",
    "CREATE TABLE ftsdocs(\n  rowid INTEGER PRIMARY KEY,\n  type CHAR(1),\n  rid INTEGER,\n  name TEXT,\n"
    "  idxed BOOLEAN,\n  label TEXT,\n  mtime DATE,\n  UNIQUE(type,rid)\n)",
    "CREATE VIEW ftscontent AS\n  SELECT rowid, type, rid, name, idxed, label, mtime,\n         "
    "title(type,rid,name) AS 'title', body(type,rid,name) AS 'body'\n    FROM ftsdocs",
    'CREATE VIRTUAL TABLE ftsidx\n  USING fts5(content="ftscontent", title, body)',
]
FOSSIL_USERS = ("alice", "bob", "zoë")


def fossil_julian(i: int) -> float:
    """The ``i``-th moment as Fossil keeps one: a REAL Julian day (``julianday('now')``)."""
    return 2_460_341.979_874_13 + 0.765_432_1 * i


def fossil_seconds(u: int) -> int:
    """``user.mtime`` / ``concealed.mtime``: epoch seconds (Fossil's ``now()``)."""
    return 1_796_409_497 + 10 * u


def fossil_hash(kind: str, n: int) -> str:
    return hashlib.sha1(f"{kind}-{n}".encode()).hexdigest()


def fossil_comment(i: int) -> str:
    """A ticket's comment as the CLI's ``ticket add … comment`` leaves it: CRLF, a tab, spaces at the end."""
    return f"First line {i}\r\nSecond line with tab\tand trailing space  \r\n"


def fossil_repository(path: Path, checkins: int = 12, tickets: int = 8) -> Path:
    """A Fossil repository's check-ins (``blob``, ``event``, ``mlink``, ``tagxref``), users, tickets
    with their changes (``ticketchng``), the concealed e-mail addresses tickets name by their SHA1, and
    a full-text index SQLite cannot read without Fossil's functions (filled here through stand-ins)."""
    changes = [(t, c) for t in range(tickets) for c in range(1 + t % 3)]
    rows: dict[str, list[list[object]]] = {
        "blob": [
            [r + 1, 1, 100 + r, fossil_hash("blob", r), zlib.compress(f"artifact {r}".encode() * 4)]
            for r in range(checkins + len(changes))
        ],
        "user": [
            [u + 1, login, "" if u else fossil_hash("pw", u), "s" if u == 0 else "ei", fossil_seconds(u)]
            for u, login in enumerate(FOSSIL_USERS)
        ],
        "concealed": [
            [fossil_hash("contact", t), fossil_seconds(t), f"u{t}@example.org"] for t in range(tickets)
        ],
        "event": [
            [
                "ci",
                fossil_julian(i),
                i + 1,
                None,
                1 + i % len(FOSSIL_USERS),
                FOSSIL_USERS[i % len(FOSSIL_USERS)],
                f"Check-in {i}: fix “quotes” – ü",
                fossil_julian(i),
            ]
            for i in range(checkins)
        ],
        "mlink": [[i + 1, i + 1, 1 + i % 4, 0] for i in range(checkins)],
        "tagxref": [[1, 2, i + 1, "trunk", fossil_julian(i), i + 1] for i in range(checkins)],
        "ticket": [
            [
                t + 1,
                fossil_hash("ticket", t),
                fossil_julian(100 + t),
                fossil_julian(50 + t),
                ("Open", "Review", "Closed")[t % 3],
                f"Ticket {t}: naïve “crash” on save",
                fossil_hash("contact", t),
                fossil_comment(t),
            ]
            for t in range(tickets)
        ],
        "ticketchng": [
            [t + 1, checkins + n + 1, fossil_julian(50 + t + c), FOSSIL_USERS[c % 2], f"change {c} of {t}"]
            for n, (t, c) in enumerate(changes)
        ],
        "ftsdocs": [[i + 1, "c", i + 1, None, 1, f"Check-in {i}", fossil_julian(i)] for i in range(checkins)],
    }
    write_export(path, FOSSIL_DDL, rows, bytes_as_text=False)  # type: ignore[arg-type]
    con = sqlite3.connect(path)
    # Fossil's own functions, which only Fossil has: the index is filled as `fossil fts-config` does.
    con.create_function("title", 3, lambda kind, rid, name: f"Check-in {rid}")
    con.create_function("body", 3, lambda kind, rid, name: f"artifact {rid} text")
    with con:
        con.execute("INSERT INTO ftsidx(ftsidx) VALUES ('rebuild')")
    con.close()
    return path


# --- A note-taking app's profile (Joplin) -------------------------------------------------------------

#: Joplin 3.5's own DDL (its ``database.sqlite``): backquoted names, ``DEFAULT ""`` (a string literal
#: to SQLite), ``INT`` epoch milliseconds with ``0`` for "none" in ``todo_due`` / ``todo_completed`` /
#: ``deleted_time``, ``NUMERIC`` coordinates and ``order``, and 32-hex-digit ids declared nowhere as
#: references.
JOPLIN_DDL = [
    'CREATE TABLE folders (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT "", created_time INT NOT NULL, '
    "updated_time INT NOT NULL, user_created_time INT NOT NULL DEFAULT 0, user_updated_time INT NOT NULL "
    'DEFAULT 0, encryption_cipher_text TEXT NOT NULL DEFAULT "", encryption_applied INT NOT NULL DEFAULT 0, '
    'parent_id TEXT NOT NULL DEFAULT "", is_shared INT NOT NULL DEFAULT 0, '
    'share_id TEXT NOT NULL DEFAULT "", master_key_id TEXT NOT NULL DEFAULT "", '
    'icon TEXT NOT NULL DEFAULT "", '
    '`user_data` TEXT NOT NULL DEFAULT "", `deleted_time` INT NOT NULL DEFAULT 0)',
    'CREATE TABLE tags (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT "", created_time INT NOT NULL, '
    "updated_time INT NOT NULL, user_created_time INT NOT NULL DEFAULT 0, user_updated_time INT NOT NULL "
    'DEFAULT 0, encryption_cipher_text TEXT NOT NULL DEFAULT "", encryption_applied INT NOT NULL DEFAULT 0, '
    'is_shared INT NOT NULL DEFAULT 0, parent_id TEXT NOT NULL DEFAULT "", `user_data` TEXT NOT NULL '
    'DEFAULT "")',
    "CREATE TABLE note_tags (id TEXT PRIMARY KEY, note_id TEXT NOT NULL, tag_id TEXT NOT NULL, "
    "created_time INT NOT NULL, updated_time INT NOT NULL, user_created_time INT NOT NULL DEFAULT 0, "
    'user_updated_time INT NOT NULL DEFAULT 0, encryption_cipher_text TEXT NOT NULL DEFAULT "", '
    "encryption_applied INT NOT NULL DEFAULT 0, is_shared INT NOT NULL DEFAULT 0)",
    'CREATE TABLE `notes`(`id` TEXT PRIMARY KEY,`parent_id` TEXT NOT NULL DEFAULT "",`title` TEXT NOT NULL '
    'DEFAULT "",`body` TEXT NOT NULL DEFAULT "",`created_time` INT NOT NULL,`updated_time` INT NOT NULL,'
    "`is_conflict` INT NOT NULL DEFAULT 0,`latitude` NUMERIC NOT NULL DEFAULT 0,`longitude` NUMERIC NOT NULL "
    'DEFAULT 0,`altitude` NUMERIC NOT NULL DEFAULT 0,`author` TEXT NOT NULL DEFAULT "",`source_url` TEXT NOT '
    'NULL DEFAULT "",`is_todo` INT NOT NULL DEFAULT 0,`todo_due` INT NOT NULL DEFAULT 0,`todo_completed` INT '
    'NOT NULL DEFAULT 0,`source` TEXT NOT NULL DEFAULT "",`source_application` TEXT NOT NULL DEFAULT "",'
    '`application_data` TEXT NOT NULL DEFAULT "",`order` NUMERIC NOT NULL DEFAULT 0,`user_created_time` INT '
    "NOT NULL DEFAULT 0,`user_updated_time` INT NOT NULL DEFAULT 0,`encryption_cipher_text` TEXT NOT NULL "
    'DEFAULT "",`encryption_applied` INT NOT NULL DEFAULT 0,`markup_language` INT NOT NULL DEFAULT 1,'
    '`is_shared` INT NOT NULL DEFAULT 0, share_id TEXT NOT NULL DEFAULT "", conflict_original_id TEXT NOT '
    'NULL DEFAULT "", master_key_id TEXT NOT NULL DEFAULT "", `user_data` TEXT NOT NULL DEFAULT "", '
    "`deleted_time` INT NOT NULL DEFAULT 0)",
]


def joplin_id(kind: str, n: int) -> str:
    """An item's id: 32 hex digits, as Joplin's ``uuid.create()`` writes them."""
    return hashlib.md5(f"{kind}-{n}".encode()).hexdigest()


def joplin_millis(i: int) -> int:
    """Item ``i``'s ``created_time``: epoch milliseconds (``1716194520123`` for item 0)."""
    return 1_716_194_520_123 + 86_400_017 * i


def joplin_due(i: int) -> int:
    """``todo_due`` of note ``i``: ``0`` for a note and for a to-do with no due date, epoch ms otherwise."""
    return joplin_millis(i) + 7 * 86_400_000 if i % 3 == 1 else 0


def joplin_body(i: int) -> str:
    """A note's Markdown: a heading, the free text, a checklist, the trailing newline Joplin keeps."""
    return f"# Note {i}\n\n{FREE_TEXT[i % len(FREE_TEXT)]}\n\n- [ ] open\n- [x] done\n" if i % 5 else ""


def joplin_profile(path: Path, notes: int = 24) -> Path:
    """A Joplin profile's ``database.sqlite``: three notebooks, notes and to-dos, two tags."""
    folders, tags = 3, 2

    def item(kind: str, n: int) -> list[object]:  # id, title and the four times of every item
        times = [joplin_millis(n), joplin_millis(n) + 1_000]
        return [joplin_id(kind, n), f"{kind} {n} — ü", *times, *times]

    rows: dict[str, list[list[object]]] = {
        "folders": [[*item("folder", f), "", 0, "", 0, "", "", "", "", 0] for f in range(folders)],
        "tags": [[*item("tag", t), "", 0, 0, "", ""] for t in range(tags)],
        "notes": [
            [
                joplin_id("note", i),
                joplin_id("folder", i % folders),
                f"Note {i}",
                joplin_body(i),
                joplin_millis(i),
                joplin_millis(i) + 60_000,
                0,
                48.8566 if i % 4 == 0 else 0,  # NUMERIC: a REAL, or the INTEGER 0 of "not set"
                2.3522 if i % 4 == 0 else 0,
                35.5 if i % 4 == 0 else 0,
                "Zoë" if i % 6 == 0 else "",
                "",
                int(i % 3 > 0),
                joplin_due(i),
                joplin_millis(i) + 3_600_000 if i % 3 == 2 else 0,
                "joplin-desktop",
                "net.cozic.joplin-desktop",
                "",
                joplin_millis(i) - 500,  # `order`: epoch milliseconds, a sort key
                joplin_millis(i),
                joplin_millis(i) + 60_000,
                "",
                0,
                1,
                0,
                "",
                "",
                "",
                "",
                0,
            ]
            for i in range(notes)
        ],
        "note_tags": [
            [
                joplin_id("note_tag", i),
                joplin_id("note", i),
                joplin_id("tag", i % tags),
                *item("x", i)[2:],
                "",
                0,
                0,
            ]
            for i in range(0, notes, 2)
        ],
    }
    return write_export(path, JOPLIN_DDL, rows)  # type: ignore[arg-type]


# --- A budgeting app's budget file (Actual Budget) ---------------------------------------------------

#: Actual Budget 26's ``db.sqlite`` (its own DDL, some tables): money as INTEGER cents, a
#: transaction's date an INTEGER ``YYYYMMDD`` under no date type, a budget's month ``YYYYMM``,
#: ``BOOLEAN`` 0/1 beside ``INTEGER`` 0/1 flags, uuid keys, and ``category_mapping`` / ``payee_mapping``
#: keyed by the same uuids as ``categories`` / ``payees``.
ACTUAL_DDL = [
    "CREATE TABLE accounts (id TEXT PRIMARY KEY, account_id TEXT, name TEXT, balance_current INTEGER, "
    "offbudget INTEGER DEFAULT 0, closed INTEGER DEFAULT 0, tombstone INTEGER DEFAULT 0, sort_order REAL)",
    "CREATE TABLE category_groups (id TEXT PRIMARY KEY, name TEXT, is_income INTEGER DEFAULT 0, "
    "sort_order REAL, tombstone INTEGER DEFAULT 0, hidden BOOLEAN NOT NULL DEFAULT 0)",
    "CREATE TABLE categories (id TEXT PRIMARY KEY, name TEXT, is_income INTEGER DEFAULT 0, cat_group TEXT, "
    "sort_order REAL, tombstone INTEGER DEFAULT 0, hidden BOOLEAN NOT NULL DEFAULT 0, goal_def TEXT DEFAULT "
    'null, template_settings JSON DEFAULT \'{"source": "notes"}\')',
    'CREATE TABLE category_mapping (id TEXT PRIMARY KEY, "transferId" TEXT)',
    "CREATE TABLE payees (id TEXT PRIMARY KEY, name TEXT, category TEXT, tombstone INTEGER DEFAULT 0, "
    "transfer_acct TEXT, favorite INTEGER DEFAULT 0 DEFAULT FALSE, learn_categories BOOLEAN DEFAULT 1)",
    'CREATE TABLE payee_mapping (id TEXT PRIMARY KEY, "targetId" TEXT)',
    "CREATE TABLE transactions (id TEXT PRIMARY KEY, isParent INTEGER DEFAULT 0, isChild INTEGER DEFAULT 0, "
    "acct TEXT, category TEXT, amount INTEGER, description TEXT, notes TEXT, date INTEGER, "
    "starting_balance_flag INTEGER DEFAULT 0, sort_order REAL, tombstone INTEGER DEFAULT 0, "
    "cleared INTEGER DEFAULT 1, parent_id TEXT)",
    "CREATE TABLE zero_budgets (id TEXT PRIMARY KEY, month INTEGER, category TEXT, amount INTEGER DEFAULT 0, "
    "carryover INTEGER DEFAULT 0, goal INTEGER DEFAULT null, long_goal INTEGER DEFAULT null)",
]


def actual_id(kind: str, n: int) -> str:
    """A row's uuid (version 4 form), as Actual's ``uuidv4()`` writes them."""
    digest = hashlib.md5(f"{kind}-{n}".encode()).hexdigest()
    return f"{digest[:8]}-{digest[8:12]}-4{digest[13:16]}-8{digest[17:20]}-{digest[20:32]}"


def actual_amount(i: int) -> int:
    """Transaction ``i``'s amount in cents: mostly spending, a salary now and then, 2^31 - 1 once."""
    return 2_147_483_647 if i == 7 else (250_000 if i % 9 == 0 else -(i * 1_373 % 99_999 + 1))


def actual_date(i: int) -> int:
    """Transaction ``i``'s date: an integer ``YYYYMMDD`` (``20240101`` for transaction 0)."""
    day = date(2024, 1, 1) + timedelta(days=3 * i)
    return day.year * 10_000 + day.month * 100 + day.day


def actual_budget(path: Path, transactions: int = 30) -> Path:
    """An Actual Budget file: two accounts, two category groups of three categories, four payees, the
    transactions (one split into two children), and a month's budget per category."""
    categories, payees = 6, 4
    category = [actual_id("category", c) for c in range(categories)]
    payee = [actual_id("payee", p) for p in range(payees)]
    account = [actual_id("account", a) for a in range(2)]
    rows: dict[str, list[list[object]]] = {
        "accounts": [
            [account[a], None, f"Account {a} — ü", None, a, 0, 0, 16_384.0 * (a + 1)] for a in range(2)
        ],
        "category_groups": [
            [actual_id("group", g), f"Group {g}", 0, 16_384.0 * (g + 1), 0, 0] for g in range(2)
        ],
        "categories": [
            [
                category[c],
                f"Category {c} 🍎",
                0,
                actual_id("group", c % 2),
                16_384.0 * c,
                int(c == 5),
                0,
                None,
                None,
            ]
            for c in range(categories)
        ],
        "category_mapping": [[key, key] for key in category],
        "payees": [
            [payee[p], ("Café Zürich", "Landlord", "Grid Co", "")[p], None, 0, None, 0, 1]
            for p in range(payees)
        ],
        "payee_mapping": [[key, key] for key in payee],
        "transactions": [
            [
                actual_id("transaction", i),
                int(i == 0),
                int(i in (1, 2)),
                account[i % 2],
                category[i % categories] if i else None,
                actual_amount(i),
                payee[i % payees],
                f"note {i}\r\nsecond line" if i % 4 == 0 else None,
                actual_date(i),
                0,
                1_716_194_520_123.0 + i if i % 3 else 0.0,  # sort_order: epoch ms as REAL, or 0
                int(i % 10 == 9),
                i % 2,
                actual_id("transaction", 0) if i in (1, 2) else None,
            ]
            for i in range(transactions)
        ],
        "zero_budgets": [
            [f"202401-{category[c]}", 202401, category[c], 10_000 * c, 0, None, None]
            for c in range(categories)
        ],
    }
    return write_export(path, ACTUAL_DDL, rows)  # type: ignore[arg-type]


# --- PowerDNS ----------------------------------------------------------------------------------------

#: The gsqlite3 backend's tables as PowerDNS 4.7 ships them (``schema.sqlite3.sql``), its indexes and
#: its declared references.
POWERDNS_DDL = [
    "CREATE TABLE domains (\n  id INTEGER PRIMARY KEY,\n  name VARCHAR(255) NOT NULL COLLATE NOCASE,\n"
    "  master VARCHAR(128) DEFAULT NULL,\n  last_check INTEGER DEFAULT NULL,\n  type VARCHAR(8) NOT NULL,\n"
    "  notified_serial INTEGER DEFAULT NULL,\n  account VARCHAR(40) DEFAULT NULL,\n"
    "  options VARCHAR(65535) DEFAULT NULL,\n  catalog VARCHAR(255) DEFAULT NULL\n)",
    "CREATE UNIQUE INDEX name_index ON domains(name)",
    "CREATE TABLE records (\n  id INTEGER PRIMARY KEY,\n  domain_id INTEGER DEFAULT NULL,\n"
    "  name VARCHAR(255) DEFAULT NULL,\n  type VARCHAR(10) DEFAULT NULL,\n"
    "  content VARCHAR(65535) DEFAULT NULL,\n"
    "  ttl INTEGER DEFAULT NULL,\n  prio INTEGER DEFAULT NULL,\n  disabled BOOLEAN DEFAULT 0,\n"
    "  ordername VARCHAR(255),\n  auth BOOL DEFAULT 1,\n"
    "  FOREIGN KEY(domain_id) REFERENCES domains(id) ON DELETE CASCADE ON UPDATE CASCADE\n)",
    "CREATE INDEX records_lookup_idx ON records(name, type)",
    "CREATE INDEX records_order_idx ON records(domain_id, ordername)",
    "CREATE TABLE supermasters (\n  ip VARCHAR(64) NOT NULL,\n"
    "  nameserver VARCHAR(255) NOT NULL COLLATE NOCASE,\n"
    "  account VARCHAR(40) NOT NULL\n)",
    "CREATE UNIQUE INDEX ip_nameserver_pk ON supermasters(ip, nameserver)",
    "CREATE TABLE comments (\n  id INTEGER PRIMARY KEY,\n  domain_id INTEGER NOT NULL,\n"
    "  name VARCHAR(255) NOT NULL,\n  type VARCHAR(10) NOT NULL,\n  modified_at INT NOT NULL,\n"
    "  account VARCHAR(40) DEFAULT NULL,\n  comment VARCHAR(65535) NOT NULL,\n"
    "  FOREIGN KEY(domain_id) REFERENCES domains(id) ON DELETE CASCADE ON UPDATE CASCADE\n)",
    "CREATE TABLE domainmetadata (\n id INTEGER PRIMARY KEY,\n domain_id INT NOT NULL,\n"
    " kind VARCHAR(32) COLLATE NOCASE,\n content TEXT,\n"
    " FOREIGN KEY(domain_id) REFERENCES domains(id) ON DELETE CASCADE ON UPDATE CASCADE\n)",
    "CREATE TABLE cryptokeys (\n id INTEGER PRIMARY KEY,\n domain_id INT NOT NULL,\n flags INT NOT NULL,\n"
    " active BOOL,\n published BOOL DEFAULT 1,\n content TEXT,\n"
    " FOREIGN KEY(domain_id) REFERENCES domains(id) ON DELETE CASCADE ON UPDATE CASCADE\n)",
    "CREATE TABLE tsigkeys (\n id INTEGER PRIMARY KEY,\n name VARCHAR(255) COLLATE NOCASE,\n"
    " algorithm VARCHAR(50) COLLATE NOCASE,\n secret VARCHAR(255)\n)",
    "CREATE UNIQUE INDEX namealgoindex ON tsigkeys(name, algorithm)",
]
#: The zone of NSEC3 records: the owner names below its apex (``''``) and their types.
POWERDNS_HOSTS = (("", "NS"), ("", "MX"), ("www", "A"), ("www", "AAAA"), ("mail", "A"), ("_sip._tcp", "SRV"))
#: ``domains.notified_serial`` of the NSEC3 zone: a SOA serial of the YYYYMMDDnn habit, a number of
#: the same digits as this decade's epoch seconds.
POWERDNS_SERIAL = 2_026_120_402
#: ``domains.last_check`` of the secondary zone: the epoch second of its last SOA check.
POWERDNS_LAST_CHECK = 1_796_342_400


def powerdns_ordername(name: str) -> str:
    """An NSEC3 ``ordername``: base32hex of a SHA-1, lowercase (the shape of PowerDNS's hashed names)."""
    return base64.b32hexencode(hashlib.sha1(name.encode()).digest()).decode().lower()


def powerdns_ttl(i: int) -> int:
    """Record ``i``'s TTL; the 4th the largest PowerDNS accepts (2^31 - 1)."""
    return 2_147_483_647 if i == 3 else (300, 3600, 60)[i % 3]


def powerdns_comment_second(c: int) -> int:
    """``comments.modified_at`` of comment ``c``: epoch seconds, as the HTTP API writes them."""
    return 1_764_806_400 + 86_400 * c + c


def powerdns_zones(path: Path) -> Path:
    """PowerDNS's ``gsqlite3`` database after ``pdnsutil`` and the HTTP API: an NSEC3 zone, rectified
    (hashed ``ordername`` on its authoritative records, empty non-terminals as rows of NULL type and
    content, delegation glue ``auth`` 0 without one), an NSEC zone whose apex orders as ``''``, a
    secondary zone, DNSSEC keys (multi-line text ending in a newline), metadata, comments, TSIG keys,
    an autoprimary."""
    records: list[list[object]] = []
    for i, (host, kind) in enumerate(POWERDNS_HOSTS):
        owner = f"{host}.example.org".lstrip(".")
        content = {"NS": "ns1.example.org", "MX": "mail.example.org", "SRV": "60 5060 sip.example.org"}
        prio = {"MX": 10, "SRV": 10}.get(kind, 0)
        address = "2001:db8::10" if kind == "AAAA" else f"192.0.2.{i + 1}"
        records.append(
            [
                i + 1,
                1,
                owner,
                kind,
                content.get(kind, address),
                powerdns_ttl(i),
                prio,
                int(host == "mail"),
                powerdns_ordername(host),
                1,
            ]
        )
    n = len(records)
    records += [
        [n + 1, 1, "_tcp.example.org", None, None, None, None, 0, powerdns_ordername("_tcp"), 1],  # ENT
        [n + 2, 1, "sub.example.org", "NS", "ns.sub.example.org", 3600, 0, 0, powerdns_ordername("sub"), 0],
        [n + 3, 1, "ns.sub.example.org", "A", "192.0.2.53", 3600, 0, 0, None, 0],  # glue: no order
        [
            n + 4,
            1,
            "example.org",
            "TXT",
            '"two  spaces" "and ünïcode"',
            3600,
            0,
            0,
            powerdns_ordername(""),
            1,
        ],
        [
            n + 5,
            2,
            "xn--bcher-kva.example",
            "SOA",
            "ns1.example.org hostmaster.example.org 1 10800 3600 604800 3600",
            3600,
            0,
            0,
            "",
            1,
        ],
        [n + 6, 2, "xn--bcher-kva.example", "NS", "ns1.example.org", 3600, 0, 0, "", 1],
        [n + 7, 2, "www.xn--bcher-kva.example", "A", "192.0.2.7", 3600, 0, 0, "www", 1],
        [
            n + 8,
            3,
            "slave.example",
            "SOA",
            "ns.upstream.example hostmaster.upstream.example 7 1 1 1 1",
            3600,
            0,
            0,
            None,
            1,
        ],
    ]
    key = "Private-key-format: v1.2\nAlgorithm: 13 (ECDSAP256SHA256)\nPrivateKey: {}\n"
    rows: dict[str, list[list[object]]] = {
        "domains": [
            [1, "example.org", "", None, "NATIVE", POWERDNS_SERIAL, "Ops Team", None, ""],
            [2, "xn--bcher-kva.example", "", None, "NATIVE", None, "", None, ""],
            [3, "slave.example", "192.0.2.200", POWERDNS_LAST_CHECK, "SLAVE", None, "", None, ""],
        ],
        "records": records,
        "supermasters": [["192.0.2.250", "ns.upstream.example", "Up stream"]],
        "comments": [
            [1, 1, "www.example.org", "A", powerdns_comment_second(0), "ops", "Web front — load balancer"],
            [2, 1, "example.org", "MX", powerdns_comment_second(1), None, "  backup MX  "],
        ],
        "domainmetadata": [
            [1, 1, "NSEC3PARAM", "1 0 0 abcd"],
            [2, 1, "ALLOW-AXFR-FROM", "192.0.2.0/24"],
            [3, 1, "SOA-EDIT-API", "DEFAULT"],
        ],
        "cryptokeys": [
            [1, 1, 257, 1, 1, key.format("Nm9ZUVhS0R2SkJhSmx3PT0=")],
            [2, 2, 257, 1, 1, key.format("c2Vjb25kIGtleSBtYXRlcmlhbA==")],
            [3, 1, 256, 0, 1, key.format("aW5hY3RpdmUgenNr")],
        ],
        "tsigkeys": [[1, "axfr-key", "hmac-sha256", "c2VjcmV0c2VjcmV0c2VjcmV0"]],
    }
    return write_export(path, POWERDNS_DDL, rows)  # type: ignore[arg-type]


# --- Firefox: places.sqlite (history, origins, page metadata) and its icons ---------------------------

FIREFOX_DDL = [
    "CREATE TABLE moz_origins ( id INTEGER PRIMARY KEY, prefix TEXT NOT NULL, host TEXT NOT NULL, "
    "frecency INTEGER NOT NULL, recalc_frecency INTEGER NOT NULL DEFAULT 0, alt_frecency INTEGER, "
    "recalc_alt_frecency INTEGER NOT NULL DEFAULT 0, UNIQUE (prefix, host) )",
    "CREATE TABLE moz_places (   id INTEGER PRIMARY KEY, url LONGVARCHAR, title LONGVARCHAR, "
    "rev_host LONGVARCHAR, visit_count INTEGER DEFAULT 0, hidden INTEGER DEFAULT 0 NOT NULL, "
    "typed INTEGER DEFAULT 0 NOT NULL, frecency INTEGER DEFAULT -1 NOT NULL, last_visit_date INTEGER , "
    "guid TEXT, foreign_count INTEGER DEFAULT 0 NOT NULL, url_hash INTEGER DEFAULT 0 NOT NULL , "
    "origin_id INTEGER REFERENCES moz_origins(id))",
    "CREATE TABLE moz_historyvisits (  id INTEGER PRIMARY KEY, from_visit INTEGER, place_id INTEGER, "
    "visit_date INTEGER, visit_type INTEGER, session INTEGER, source INTEGER DEFAULT 0 NOT NULL, "
    "triggeringPlaceId INTEGER)",
    "CREATE TABLE moz_places_metadata (id INTEGER PRIMARY KEY, place_id INTEGER NOT NULL, "
    "created_at INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL DEFAULT 0, "
    "total_view_time INTEGER NOT NULL DEFAULT 0, "
    "FOREIGN KEY (place_id) REFERENCES moz_places(id) ON DELETE CASCADE)",
    "CREATE TABLE moz_icons ( id INTEGER PRIMARY KEY, icon_url TEXT NOT NULL, "
    "fixed_icon_url_hash INTEGER NOT NULL, width INTEGER NOT NULL DEFAULT 0, color INTEGER, "
    "flags INTEGER NOT NULL DEFAULT 0, data BLOB )",
]
#: (prefix, host) of each origin: a ``file://`` page has no host, written ``''`` (the column is NOT NULL).
FIREFOX_ORIGINS = (
    ("http://", "help.example.com"),
    ("https://", "help.example.com"),
    ("file://", ""),
    ("https://", "xn--bcher-kva.example"),
)


def prtime(i: int) -> int:
    """``last_visit_date`` of place ``i``: PRTime, microseconds since 1970-01-01 UTC (2024-11-30 on)."""
    return 1_733_000_000_000_000 + 3_600_000_123 * i


def firefox_url_hash(i: int) -> int:
    """A 48-bit ``url_hash``: a 16-bit hash of the prefix above a 32-bit hash of the URL."""
    return (0xB0F5 + i % 4) << 32 | (i * 2_654_435_761) & 0xFFFF_FFFF


def firefox_url(i: int) -> str:
    prefix, host = FIREFOX_ORIGINS[i % 4]
    return f"{prefix}{host}/tickets/{i}?q=%E6%97%A5%E6%9C%AC&session={i}#frag-{i}"


def firefox_visited(i: int) -> bool:
    return i % 10 != 9  # every tenth place is bookmarked, never visited: no last_visit_date


def firefox_icon(i: int) -> bytes:
    """A 16x16 PNG of one colour, as favicons.sqlite keeps an icon's bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    pixels = b"".join(b"\x00" + bytes((i * 37 % 256, i * 91 % 256, 0)) * 16 for _ in range(16))
    header = (16).to_bytes(4, "big") * 2 + bytes((8, 2, 0, 0, 0))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def firefox_places(path: Path, places: int = 30, icons: int = 8) -> Path:
    """Firefox's ``places.sqlite`` tables as Firefox declares them (less columns always NULL), with
    ``moz_icons`` of its ``favicons.sqlite``: PRTime microseconds, page metadata's epoch milliseconds,
    48-bit URL hashes, PNG icons."""
    rows: dict[str, list[list[object]]] = {
        "moz_origins": [
            [o + 1, prefix, host, 100 * (o + 1), 0, None, 0]
            for o, (prefix, host) in enumerate(FIREFOX_ORIGINS)
        ],
        "moz_places": [
            [
                i + 1,
                firefox_url(i),
                None if i == 5 else f"Ticket {i} — 東京 🎫",
                FIREFOX_ORIGINS[i % 4][1][::-1] + ".",
                2 * firefox_visited(i),
                0,
                i % 3 == 0,
                (-1, 0, 2_000_000_000)[i % 3] + i,
                prtime(i) if firefox_visited(i) else None,
                f"g{i:03d}-AbC_xY"[:12],
                1 - firefox_visited(i),
                firefox_url_hash(i),
                i % 4 + 1,
            ]
            for i in range(places)
        ],
        "moz_historyvisits": [
            [
                2 * i + v + 1,
                2 * i + v if v else 0,
                i + 1,
                prtime(i) - (1 - v) * 60_000_000,
                1 + v,
                None,
                0,
                None,
            ]
            for i in range(places)
            if firefox_visited(i)
            for v in range(2)
        ],
        "moz_places_metadata": [
            [m + 1, m + 1, prtime(m) // 1000, prtime(m) // 1000 + 5_000 + m, 1_000 * m] for m in range(12)
        ],
        "moz_icons": [
            [
                n + 1,
                f"http://help.example.com/icon{n}.png",
                firefox_url_hash(100 + n),
                16,
                None,
                n % 4,
                firefox_icon(n),
            ]
            for n in range(icons)
        ],
    }
    return write_export(path, FIREFOX_DDL, rows, bytes_as_text=False)  # type: ignore[arg-type]


# --- A headless CMS's project database (Directus) ----------------------------------------------------

#: Directus 11's own DDL (knex on ``sqlite3``), some system tables and a project's collections:
#: ``customers`` (one field of each type), ``labels`` keyed by a code, ``tickets`` keyed by a uuid
#: with a M2O to customers and one to a file, and the M2M junction ``tickets_labels``.
DIRECTUS_DDL = [
    "CREATE TABLE `directus_users` (`id` char(36) NOT NULL, `first_name` varchar(50), `email` varchar(128), "
    "`status` varchar(16) NOT NULL DEFAULT 'active', `last_access` datetime, "
    "`email_notifications` boolean DEFAULT '1', PRIMARY KEY (`id`))",
    "CREATE TABLE `directus_migrations` (`version` varchar(255) not null, `name` varchar(255) not null, "
    "`timestamp` datetime default CURRENT_TIMESTAMP, primary key (`version`))",
    'CREATE TABLE "directus_files" (`id` char(36) NOT NULL, `storage` varchar(255) NOT NULL, '
    "`filename_disk` varchar(255), `filename_download` varchar(255) NOT NULL, `title` varchar(255), "
    "`type` varchar(255), `uploaded_by` char(36), `created_on` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP, "
    "`filesize` bigint DEFAULT null, `width` integer, `height` integer, `metadata` json, PRIMARY KEY (`id`), "
    "FOREIGN KEY (`uploaded_by`) REFERENCES `directus_users` (`id`))",
    'CREATE TABLE "directus_activity" (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, '
    "`action` varchar(45) NOT NULL, `user` char(36), "
    "`timestamp` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP, `ip` varchar(50), `user_agent` text, "
    "`collection` varchar(64) NOT NULL, `item` varchar(255) NOT NULL, "
    "`origin` varchar(255) NULL)",
    'CREATE TABLE "directus_revisions" (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, '
    "`activity` integer NOT NULL, `collection` varchar(64) NOT NULL, `item` varchar(255) NOT NULL, "
    "`data` json, `delta` json, `parent` integer, FOREIGN KEY (`parent`) REFERENCES `directus_revisions` "
    "(`id`), FOREIGN KEY (`activity`) REFERENCES `directus_activity` (`id`) ON DELETE CASCADE)",
    'CREATE TABLE "directus_comments" (`id` char(36) NOT NULL, `collection` varchar(64) NOT NULL, '
    "`item` varchar(255) NOT NULL, `comment` text NOT NULL, "
    "`date_created` datetime DEFAULT CURRENT_TIMESTAMP, `date_updated` datetime DEFAULT CURRENT_TIMESTAMP, "
    "`user_created` char(36), FOREIGN KEY "
    "(`user_created`) REFERENCES `directus_users` (`id`) ON DELETE SET NULL, PRIMARY KEY (`id`))",
    "CREATE TABLE `customers` (`id` integer not null primary key autoincrement, "
    "`name` varchar(255) not null, `email` varchar(255) null, `vip` boolean null default '0', "
    "`credit` float null, `score` float null, "
    "`big` bigint null, `born` date null, `opens` time null, `last_seen` datetime null, `created` datetime "
    "null, `meta` json null, `uid` char(36) null, `tags` text null, `status` varchar(255) null default "
    "'draft', `date_created` datetime null, `user_created` char(36) null)",
    "CREATE UNIQUE INDEX `customers_email_unique` on `customers` (`email`)",
    "CREATE TABLE `labels` (`code` varchar(255) not null, `color` varchar(255) null, `weight` float null, "
    "primary key (`code`))",
    'CREATE TABLE "tickets" (`id` char(36) NOT NULL, `subject` varchar(255) NULL, `customer` integer NULL, '
    "`priority` integer NULL, `opened` datetime NULL, `due` datetime NULL, `attachment` char(36) NULL, "
    "`spent_hours` float NULL, `date_updated` datetime NULL, PRIMARY KEY (`id`), CONSTRAINT "
    "`tickets_customer_foreign` FOREIGN KEY (`customer`) REFERENCES `customers` (`id`) ON DELETE SET NULL, "
    "CONSTRAINT `tickets_attachment_foreign` FOREIGN KEY (`attachment`) REFERENCES `directus_files` (`id`) "
    "ON DELETE SET NULL)",
    'CREATE TABLE "tickets_labels" (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `tickets_id` char(36) '
    "NULL, `labels_code` varchar(255) NULL, CONSTRAINT `tickets_labels_tickets_id_foreign` FOREIGN KEY "
    "(`tickets_id`) REFERENCES `tickets` (`id`) ON DELETE CASCADE, CONSTRAINT "
    "`tickets_labels_labels_code_foreign` FOREIGN KEY (`labels_code`) REFERENCES `labels` (`code`) "
    "ON DELETE CASCADE)",
]

DIRECTUS_LABELS = ("bug", "feature", "ünï-code", "urgent")
DIRECTUS_ACTIONS = ("login", "create", "create", "update", "delete")


def directus_id(kind: str, n: int) -> str:
    """A row's uuid (version 4 form), as Directus's ``randomUUID()`` writes them."""
    return actual_id(f"directus-{kind}", n)


def directus_millis(i: int) -> int:
    """Moment ``i`` of the project: epoch milliseconds (``1796417034459`` for moment 0: 2026-12-04)."""
    return 1_796_417_034_459 + 61_003 * i


def directus_born(c: int) -> date:
    """Customer ``c``'s ``born`` (a ``date`` field): from 1950, before 1970 for the first few."""
    return date(1950 + 3 * c, 1 + c % 12, 1 + 2 * c)


def directus_day_millis(day: date) -> int:
    """A ``date`` as Directus stores it: the epoch milliseconds of the day's midnight UTC."""
    return (day - date(1970, 1, 1)).days * 86_400_000


def directus_wall_clock(i: int) -> datetime:
    """``DEFAULT CURRENT_TIMESTAMP``'s text of moment ``i``, read back: naive UTC, whole seconds."""
    return datetime(2026, 12, 4, 20, 42, 45) + timedelta(seconds=7 * i)


def directus_project(path: Path, customers: int = 12, tickets: int = 24) -> Path:
    """A Directus project: two users, migrations, three files, customers, labels, tickets with their
    labels, comments, and the activity and revisions their creation left."""
    user = [directus_id("user", u) for u in range(2)]
    file = [directus_id("file", f) for f in range(3)]
    ticket = [directus_id("ticket", t) for t in range(tickets)]
    stamp = "%Y-%m-%d %H:%M:%S"
    rows: dict[str, list[list[object]]] = {
        "directus_users": [
            [user[0], "Admin", "admin@example.com", "active", directus_millis(900), 1],
            [user[1], "Ägent", "agent@example.com", "active", None, 1],
        ],
        "directus_migrations": [
            [f"2020102{m}A", f"Migration {m}", directus_wall_clock(m).strftime(stamp)] for m in range(6)
        ],
        "directus_files": [
            [
                file[f],
                "local",
                f"{file[f]}.png",
                f"img{f}.png",
                f"Image ü {f}",
                "image/png",
                user[0],
                directus_millis(10 + f),
                218 + 37 * f,
                8 + f,
                6 + f,
                "{}",
            ]
            for f in range(3)
        ],
        "customers": [
            [
                c + 1,
                f"Customer {c}" + (" ünï" if c % 5 == 0 else ""),
                f"c{c}@example.com" if c != 3 else None,
                int(c % 3 == 0),
                c * 1234.5 - 500.0 if c != 4 else None,  # a decimal(10,2) field: knex's `float`
                (0.1, 2.5, -3.75, 1e-9, 123456.789, 0.30000000000000004)[c % 6],
                (9_007_199_254_740_992, -1, 0, 2**62)[c % 4] if c != 7 else None,
                directus_day_millis(directus_born(c)),
                f"{c % 10:02d}:{15 + c}:00" if c != 2 else None,
                directus_millis(100 + c),
                directus_millis(200 + c) + c,
                json.dumps({"tier": c % 3, "flags": [True, None], "name": "ü"}, separators=(",", ":"))
                if c % 4
                else None,
                directus_id("uid", c),
                json.dumps(["a", "b c", "ü"][: c % 4], separators=(",", ":")) if c % 4 else None,
                ("draft", "published", "archived")[c % 3],
                directus_millis(300 + c),
                user[c % 2],
            ]
            for c in range(customers)
        ],
        "labels": [
            [code, ("#ff0000", "#00ff00", None, "#0000ff")[n], (1.5, 0.1, 1e-7, 3.0)[n]]
            for n, code in enumerate(DIRECTUS_LABELS)
        ],
        "tickets": [
            [
                ticket[t],
                f"Ticket {t}: printer ü",
                1 + t % customers if t % 6 else None,
                t % 4,
                directus_millis(400 + t),
                directus_millis(500 + t) + 500 if t % 2 else None,
                file[t % 3] if t % 3 == 0 else None,
                t * 0.125,
                directus_millis(600 + t) if t % 4 == 0 else None,
            ]
            for t in range(tickets)
        ],
        "tickets_labels": [
            [n + 1, ticket[t], DIRECTUS_LABELS[(t + j) % 4]]
            for n, (t, j) in enumerate((t, j) for t in range(tickets) for j in range(t % 3))
        ],
        "directus_comments": [
            [
                directus_id("comment", n),
                "tickets",
                ticket[n],
                f"Comment {n} — ü",
                directus_millis(700 + n),
                directus_wall_clock(100 + n).strftime(stamp),
                user[n % 2],
            ]
            for n in range(3)
        ],
        "directus_activity": [
            [
                a + 1,
                DIRECTUS_ACTIONS[a % 5],
                user[a % 2],
                directus_millis(800 + a),
                "127.0.0.1",
                "Python-urllib/3.11",
                *(("directus_users", user[a % 2]) if a % 5 == 0 else ("tickets", ticket[a])),  # a login's
                None,
            ]
            for a in range(20)
        ],
        "directus_revisions": [
            [
                r + 1,
                a + 1,
                "tickets",
                ticket[a],
                json.dumps({"priority": a % 4, "subject": f"Ticket {a}"}, separators=(",", ":")),
                json.dumps({"priority": a % 4}, separators=(",", ":")),
                r if DIRECTUS_ACTIONS[a % 5] == "update" else None,
            ]
            for r, a in enumerate(a for a in range(20) if DIRECTUS_ACTIONS[a % 5] in ("create", "update"))
        ],
    }
    return write_export(path, DIRECTUS_DDL, rows)  # type: ignore[arg-type]


# --- A headless CMS's project database (Strapi) ------------------------------------------------------


def _strapi_table(name: str, columns: str, *references: tuple[str, str, str, str]) -> str:
    """Strapi 4's CREATE TABLE: ``id`` and ``columns``, then each ``(constraint, column, parent,
    on_delete)`` clause, and all of them again (knex's sqlite3 table compiler writes them twice)."""
    clauses = [
        f"CONSTRAINT `{c}` FOREIGN KEY (`{column}`) REFERENCES `{parent}` (`id`) ON DELETE {on_delete}"
        for c, column, parent, on_delete in references
    ]
    return (
        f'CREATE TABLE "{name}" (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, {columns}'
        + "".join(f", {clause}" for clause in clauses * 2)
        + ")"
    )


def _strapi_authored(table: str) -> tuple[tuple[str, str, str, str], ...]:
    """The ``created_by_id`` / ``updated_by_id`` clauses of every content type's table."""
    return tuple(
        (f"{table}_{who}_by_id_fk", f"{who}_by_id", "admin_users", "SET NULL")
        for who in ("created", "updated")
    )


STRAPI_AUTHORED = (
    "`created_at` datetime NULL, `updated_at` datetime NULL, `created_by_id` integer NULL, "
    "`updated_by_id` integer NULL"
)

STRAPI_DDL = [
    "CREATE TABLE `admin_users` (`id` integer not null primary key autoincrement, `firstname` varchar(255) "
    "null, `email` varchar(255) null, `is_active` boolean null, `created_at` datetime null)",
    _strapi_table(
        "customers",
        f"`name` varchar(255) NULL, `email` varchar(255) NULL, `since` date NULL, `credit` float NULL, "
        f"{STRAPI_AUTHORED}",
        *_strapi_authored("customers"),
    ),
    _strapi_table(
        "tags",
        f"`name` varchar(255) NULL, `color` varchar(255) NULL, {STRAPI_AUTHORED}",
        *_strapi_authored("tags"),
    ),
    _strapi_table(
        "tickets",
        "`subject` varchar(255) NULL, `status` varchar(255) NULL, `priority` integer NULL, "
        "`big` bigint NULL, `amount` float NULL, `urgent` boolean NULL, `due_date` date NULL, "
        "`opened_at` datetime NULL, "
        f"`start_time` time NULL, `meta` json NULL, {STRAPI_AUTHORED}, `published_at` datetime NULL, "
        "`locale` varchar(255) NULL",
        *_strapi_authored("tickets"),
    ),
    _strapi_table(
        "tickets_customer_links",
        "`ticket_id` integer NULL, `customer_id` integer NULL, `ticket_order` float NULL",
        ("tickets_customer_links_fk", "ticket_id", "tickets", "CASCADE"),
        ("tickets_customer_links_inv_fk", "customer_id", "customers", "CASCADE"),
    ),
    _strapi_table(
        "tickets_tags_links",
        "`ticket_id` integer NULL, `tag_id` integer NULL, `tag_order` float NULL",
        ("tickets_tags_links_fk", "ticket_id", "tickets", "CASCADE"),
        ("tickets_tags_links_inv_fk", "tag_id", "tags", "CASCADE"),
    ),
    "CREATE TABLE `components_support_notes` (`id` integer not null primary key autoincrement, `text` text "
    "null, `minutes` integer null, `at` datetime null, `internal` boolean null)",
    _strapi_table(
        "tickets_components",
        "`entity_id` integer NULL, `component_id` integer NULL, `component_type` varchar(255) NULL, "
        "`field` varchar(255) NULL, `order` float NULL",
        ("tickets_entity_fk", "entity_id", "tickets", "CASCADE"),
    ),
]

STRAPI_TAGS = (("bug", "red"), ("feature", "green"), ("ünï", "blue"))


def strapi_millis(i: int) -> int:
    """Moment ``i``: epoch milliseconds, as knex binds a JavaScript Date (``1767225907000`` for 0)."""
    return 1_767_225_907_000 + 90_000_037 * i


def strapi_due(t: int) -> date | None:
    """Ticket ``t``'s ``due_date`` (a ``date`` field, stored as its text): every other ticket."""
    return date(2026, 1 + t % 9, 10 + t % 18) if t % 2 else None


def strapi_urgent(t: int) -> bool | None:
    return (True, False, None)[t % 3]


def strapi_project(path: Path, customers: int = 8, tickets: int = 20) -> Path:
    """A Strapi project: customers, tags, tickets (drafts and published, an English and a French few),
    their customer and tag links and repeatable notes; no admin user (the API wrote every row)."""
    authored = [None, None]
    note_rows = [(t, j) for t in range(tickets) for j in range(t % 3)]
    rows: dict[str, list[list[object]]] = {
        "admin_users": [],
        "customers": [
            [
                c + 1,
                f"Customer {c}" + (" ü" if c % 3 == 0 else ""),
                None if c == 2 else f"c{c}@example.com",
                ("1955-01-10", "1999-12-31", "2024-02-29", None)[c % 4],
                (12.34, -0.01, 1234567.891, 0.30000000000000004)[c % 4],
                strapi_millis(c),
                strapi_millis(c),
                *authored,
            ]
            for c in range(customers)
        ],
        "tags": [
            [n + 1, name, color, strapi_millis(50 + n), strapi_millis(50 + n), *authored]
            for n, (name, color) in enumerate(STRAPI_TAGS)
        ],
        "tickets": [
            [
                t + 1,
                f"Ticket {t}: printer" if t < tickets - 3 else f"Billet {t} — ü",
                ("new", "open", "pending", "solved")[t % 4],
                t % 5,
                9_007_199_254_740_993 + t if t % 3 else None,
                (19.99, 0.005, -42.0, 1e-7)[t % 4],
                None if strapi_urgent(t) is None else int(bool(strapi_urgent(t))),
                None if strapi_due(t) is None else str(strapi_due(t)),
                strapi_millis(100 + t),
                f"{t % 10:02d}:{10 + t}:00.{t % 10}00" if t % 4 else None,
                json.dumps({"n": t, "list": [1, "two", None]}, separators=(",", ":")) if t % 3 else None,
                strapi_millis(200 + t),
                strapi_millis(200 + t) + 1_000 * (t % 2),
                *authored,
                strapi_millis(300 + t) if t % 2 else None,
                "fr" if t >= tickets - 3 else "en",
            ]
            for t in range(tickets)
        ],
        "tickets_customer_links": [
            [n + 1, t + 1, 1 + t % customers, 1.0] for n, t in enumerate(t for t in range(tickets) if t % 5)
        ],
        "tickets_tags_links": [
            [n + 1, t + 1, j + 1, float(j + 1)]
            for n, (t, j) in enumerate((t, j) for t in range(tickets) for j in range(t % 4))
        ],
        "components_support_notes": [
            [n + 1, f"note {j} for {t}", 15 * j, strapi_millis(400 + n), int(j % 2 == 0)]
            for n, (t, j) in enumerate(note_rows)
        ],
        "tickets_components": [
            [n + 1, t + 1, n + 1, "support.note", "notes", float(j + 1)] for n, (t, j) in enumerate(note_rows)
        ],
    }
    return write_export(path, STRAPI_DDL, rows)  # type: ignore[arg-type]


# --- Chroma's vector store --------------------------------------------------------------------------

#: Chroma 1.5's tables (``chroma.sqlite3``) as its migrations leave them.
CHROMA_DDL = [
    "CREATE TABLE migrations (\n    dir TEXT NOT NULL,\n    version INTEGER NOT NULL,\n"
    "    filename TEXT NOT NULL,\n    sql TEXT NOT NULL,\n    hash TEXT NOT NULL,\n"
    "    PRIMARY KEY (dir, version)\n)",
    "CREATE TABLE tenants (\n    id TEXT PRIMARY KEY,\n    UNIQUE (id)\n)",
    "CREATE TABLE databases (\n    id TEXT PRIMARY KEY, -- unique globally\n    name TEXT NOT NULL,\n"
    "    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,\n    UNIQUE (tenant_id, name)\n)",
    'CREATE TABLE "collections" (\n    id TEXT PRIMARY KEY,\n    name TEXT NOT NULL,\n'
    "    dimension INTEGER,\n"
    "    database_id TEXT NOT NULL REFERENCES databases(id) ON DELETE CASCADE, config_json_str TEXT,"
    " schema_str TEXT,\n    UNIQUE (name, database_id)\n)",
    'CREATE TABLE "segments" (\n    id TEXT PRIMARY KEY,\n    type TEXT NOT NULL,\n    scope TEXT NOT NULL,\n'
    "    collection TEXT REFERENCES collection(id) NOT NULL\n)",
    "CREATE TABLE embeddings (\n    id INTEGER PRIMARY KEY,\n    segment_id TEXT NOT NULL,\n"
    "    embedding_id TEXT NOT NULL,\n    seq_id BLOB NOT NULL,\n"
    "    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    UNIQUE (segment_id, embedding_id)\n)",
    "CREATE TABLE embedding_metadata (\n    id INTEGER REFERENCES embeddings(id),\n    key TEXT NOT NULL,\n"
    "    string_value TEXT,\n    int_value INTEGER,\n    float_value REAL, bool_value INTEGER,\n"
    "    PRIMARY KEY (id, key)\n)",
    "CREATE TABLE max_seq_id (\n    segment_id TEXT PRIMARY KEY,\n    seq_id INTEGER)",
    "CREATE VIRTUAL TABLE embedding_fulltext_search USING fts5(string_value, tokenize='trigram')",
    "CREATE TABLE embedding_metadata_array (\n    id INTEGER NOT NULL REFERENCES embeddings(id),\n"
    "    key TEXT NOT NULL,\n    string_value TEXT,\n    int_value INTEGER,\n    float_value REAL,\n"
    "    bool_value INTEGER\n)",
    "CREATE TABLE embeddings_queue (\n    seq_id INTEGER PRIMARY KEY,\n"
    "    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    operation INTEGER NOT NULL,\n"
    "    topic TEXT NOT NULL,\n    id TEXT NOT NULL,\n    vector BLOB,\n    encoding TEXT,\n"
    "    metadata TEXT\n)",
]

#: The documents' texts, one per embedding in turn: scripts, padding, ``''``, a boolean's and a code's
#: spelling.
CHROMA_DOCUMENTS = (
    "The printer on floor 3 is jammed",
    "Le café est fermé le lundi",
    "東京の天気は晴れです",
    "Привет, мир!",
    "  padded text  ",
    "",
    "true",
    "00123",
)
CHROMA_COLLECTIONS = ("tickets", "kb_articles")
CHROMA_TEAMS = ("ops", "dev", "Über", "客服")


def chroma_uuid(kind: str, n: int) -> str:
    digest = hashlib.md5(f"{kind}-{n}".encode()).hexdigest()
    return f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:]}"


def chroma_vector(i: int) -> list[float]:
    """The ``i``-th embedding: 4 float32 components (exact in float32: multiples of 1/8)."""
    return [(i % 7 - 3) / 8, i / 8, -(i % 5) / 8, 0.5]


def chroma_score(i: int) -> float:
    return round(i * 1.37, 3)


def chroma_created(i: int) -> str:
    """``CURRENT_TIMESTAMP`` as SQLite writes it: naive UTC, whole seconds."""
    return (datetime(2026, 12, 4, 20, 56, 2) + timedelta(seconds=7 * i)).strftime("%Y-%m-%d %H:%M:%S")


#: The list one embedding's metadata holds under ``tags``: ``a`` twice.
CHROMA_TAGS = ("a", "a", "b")


def vector_store(path: Path, embeddings: int = 24) -> Path:
    """A Chroma store (see the module's docstring): two collections, each a metadata and a vector segment;
    ``embeddings`` embeddings in the first one's metadata segment, each with its document, ``priority``,
    ``score``, ``open`` and ``team``, every fifth a 64-bit extreme, every sixth the smallest subnormal."""
    tenant, database = "default_tenant", chroma_uuid("db", 0)
    collections = [chroma_uuid("collection", c) for c in range(len(CHROMA_COLLECTIONS))]
    segments = [(chroma_uuid("segment", 2 * c + s), c, s) for c in range(len(collections)) for s in range(2)]
    metadata_segment = segments[0][0]
    metadata: list[list[object]] = []
    for i in range(embeddings):
        rowid = i + 1
        metadata += [
            [rowid, "chroma:document", CHROMA_DOCUMENTS[i % len(CHROMA_DOCUMENTS)], None, None, None],
            [rowid, "priority", None, i % 5, None, None],
            [rowid, "score", None, None, chroma_score(i), None],
            [rowid, "open", None, None, None, int(i % 2 == 0)],
            [rowid, "team", CHROMA_TEAMS[i % len(CHROMA_TEAMS)], None, None, None],
        ]
        if i % 5 == 0:
            metadata.append([rowid, "extreme", None, (2**63 - 1, -(2**63))[i % 2], None, None])
        if i % 6 == 0:
            metadata.append([rowid, "tiny", None, None, 5e-324, None])
    rows: dict[str, list[list[object]]] = {
        "migrations": [
            [
                d,
                v,
                f"{v:05d}-{d}.sqlite.sql",
                f"CREATE TABLE t{v} (\n  id INT\n);\n",
                hashlib.md5(d.encode()).hexdigest(),
            ]
            for d in ("sysdb", "metadb")
            for v in (1, 2)
        ],
        "tenants": [[tenant]],
        "databases": [[database, "default_database", tenant]],
        "collections": [
            [cid, name, 4 if c == 0 else None, database, json.dumps({"hnsw": {"space": "cosine"}}), None]
            for c, (cid, name) in enumerate(zip(collections, CHROMA_COLLECTIONS, strict=True))
        ],
        "segments": [
            [
                sid,
                ("urn:chroma:segment/metadata/sqlite", "urn:chroma:segment/vector/hnsw-local-persisted")[s],
                ("METADATA", "VECTOR")[s],
                collections[c],
            ]
            for sid, c, s in segments
        ],
        "embeddings": [
            [i + 1, metadata_segment, f"t{i:03d}", i + 1, chroma_created(i)] for i in range(embeddings)
        ],
        "embedding_metadata": metadata,
        "max_seq_id": [[metadata_segment, embeddings]],
        "embedding_metadata_array": [[1, "tags", tag, None, None, None] for tag in CHROMA_TAGS],
        "embeddings_queue": [
            [
                i + 1,
                chroma_created(i),
                0,
                f"persistent://{tenant}/default/{collections[0]}",
                f"t{i:03d}",
                struct.pack("<4f", *chroma_vector(i)),
                "FLOAT32",
                json.dumps(
                    {"priority": i % 5, "chroma:document": CHROMA_DOCUMENTS[i % len(CHROMA_DOCUMENTS)]}
                ),
            ]
            for i in range(embeddings)
        ],
    }
    write_export(path, CHROMA_DDL, rows, bytes_as_text=False)
    con = sqlite3.connect(path)
    with con:  # the index of the documents: rowid the metadata row's
        con.execute(
            "INSERT INTO embedding_fulltext_search (rowid, string_value) SELECT rowid, string_value "
            "FROM embedding_metadata WHERE key = 'chroma:document'"
        )
    con.close()
    return path


# --- Redmine ---------------------------------------------------------------------------------------------

REDMINE_DDL = (
    'CREATE TABLE "issues" ("id" integer NOT NULL PRIMARY KEY, "tracker_id" integer NOT NULL,'
    ' "project_id" integer NOT NULL, "subject" varchar DEFAULT \'\' NOT NULL,'
    ' "description" text DEFAULT NULL, "due_date" date DEFAULT NULL,'
    ' "category_id" integer DEFAULT NULL, "status_id" integer NOT NULL,'
    ' "assigned_to_id" integer DEFAULT NULL, "priority_id" integer NOT NULL,'
    ' "fixed_version_id" integer DEFAULT NULL, "author_id" integer NOT NULL,'
    ' "lock_version" integer DEFAULT 0 NOT NULL, "created_on" datetime DEFAULT NULL,'
    ' "updated_on" datetime DEFAULT NULL, "start_date" date DEFAULT NULL,'
    ' "done_ratio" integer DEFAULT 0 NOT NULL, "estimated_hours" float DEFAULT NULL,'
    ' "parent_id" integer DEFAULT NULL, "root_id" integer DEFAULT NULL,'
    ' "lft" integer DEFAULT NULL, "rgt" integer DEFAULT NULL,'
    ' "is_private" boolean DEFAULT 0 NOT NULL, "closed_on" datetime DEFAULT NULL)',
    'CREATE TABLE "journals" ("id" integer NOT NULL PRIMARY KEY,'
    ' "journalized_id" integer DEFAULT 0 NOT NULL,'
    ' "journalized_type" varchar(30) DEFAULT \'\' NOT NULL, "user_id" integer DEFAULT 0 NOT NULL,'
    ' "notes" text DEFAULT NULL, "created_on" datetime NOT NULL,'
    ' "private_notes" boolean DEFAULT 0 NOT NULL)',
    'CREATE TABLE "journal_details" ("id" integer NOT NULL PRIMARY KEY,'
    ' "journal_id" integer DEFAULT 0 NOT NULL, "property" varchar(30) DEFAULT \'\' NOT NULL,'
    ' "prop_key" varchar(30) DEFAULT \'\' NOT NULL, "old_value" text DEFAULT NULL,'
    ' "value" text DEFAULT NULL)',
    'CREATE TABLE "time_entries" ("id" integer NOT NULL PRIMARY KEY,'
    ' "project_id" integer NOT NULL, "user_id" integer NOT NULL,'
    ' "issue_id" integer DEFAULT NULL, "hours" float NOT NULL,'
    ' "comments" varchar(1024) DEFAULT NULL, "activity_id" integer NOT NULL,'
    ' "spent_on" date NOT NULL, "tyear" integer NOT NULL, "tmonth" integer NOT NULL,'
    ' "tweek" integer NOT NULL, "created_on" datetime NOT NULL, "updated_on" datetime NOT NULL,'
    ' "author_id" integer DEFAULT NULL)',
    'CREATE TABLE "custom_values" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,'
    " \"customized_type\" varchar(30) DEFAULT '' NOT NULL,"
    ' "customized_id" integer DEFAULT 0 NOT NULL, "custom_field_id" integer DEFAULT 0 NOT NULL,'
    ' "value" text)',
    'CREATE TABLE "wiki_content_versions" ("id" integer NOT NULL PRIMARY KEY,'
    ' "wiki_content_id" integer NOT NULL, "page_id" integer NOT NULL,'
    ' "author_id" integer DEFAULT NULL, "data" blob DEFAULT NULL,'
    " \"compression\" varchar(6) DEFAULT '', \"comments\" varchar(1024) DEFAULT '',"
    ' "updated_on" datetime NOT NULL, "version" integer NOT NULL)',
)
#: Estimated and spent hours as Ruby's Float writes them: binary fractions and the ones that are not.
REDMINE_HOURS = (0.1, 0.2, 0.1 + 0.2, 0.25, 1 / 3, 7.5, 0.01, 23.99, 2.0, 1e-3)
REDMINE_SUBJECTS = ("Crash on start", "Ошибка входа", "無法登錄", "Émoji 🎉 bug", "  padded  ", "Tab\tinside")
#: One value of each custom field format, all in ``custom_values.value`` (text): int, float, date, bool
#: (``'1'``/``'0'``), list, user and version ids, link, long text, a string of digits, and unset (``''``).
REDMINE_CUSTOM = (
    "42",
    "-7",
    "3.14159",
    "2026-01-15",
    "1",
    "0",
    "Grün",
    "5",
    "https://example.org/p?q=1&x=é",
    "Long\r\ntext\r\n\r\n  indented",
    "007",
    "",
)
REDMINE_DESCRIPTION = "h1. Title\r\n\r\n* item 1\r\n* item _two_\r\n\r\n<pre>code\r\n</pre>\r\n"


def redmine_moment(i: int) -> str:
    """A Rails ``datetime``: naive UTC text with microseconds."""
    moment = datetime(2026, 12, 4, 21, 10, 5, 123456) + timedelta(seconds=3617 * i, microseconds=7 * i)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def redmine_day(i: int) -> date:
    return date(2026, 3, 1) + timedelta(days=3 * i)


def redmine_wiki_text(i: int) -> str:
    return f"h1. Page {i}\r\n\r\nText é 日本 rev {i}\r\n" + "abc " * (10 * i)


def redmine_tracker(path: Path, issues: int = 30) -> Path:
    """A Redmine database (see the module's docstring): ``issues`` issues, a journal with two details for
    every other one, two time entries and two custom values each, and twelve wiki versions, every third
    compressed."""
    day = redmine_day
    rows: dict[str, list[list[object]]] = {
        "issues": [
            [
                i + 1,
                i % 3 + 1,
                i % 2 + 1,
                f"{REDMINE_SUBJECTS[i % len(REDMINE_SUBJECTS)]} #{i}",
                None if i % 4 == 0 else REDMINE_DESCRIPTION + "x" * i,
                None if i % 3 == 0 else day(i + 20).isoformat(),
                None,
                i % 5 + 1,
                None if i % 2 else 5 + i % 6,
                i % 4 + 1,
                None,
                5 + i % 6,
                i % 3,
                redmine_moment(i),
                redmine_moment(i + 1),
                None if i % 5 == 0 else day(i).isoformat(),
                i * 10 % 110,
                None if i % 7 == 0 else REDMINE_HOURS[i % len(REDMINE_HOURS)],
                None,
                i + 1,
                1,
                2,
                int(i % 4 == 0),
                redmine_moment(i + 2) if i % 8 == 0 else None,
            ]
            for i in range(issues)
        ],
        "journals": [
            [
                j + 1,
                2 * j + 1,
                "Issue",
                5 + j % 6,
                f"Comment {j}: näive ✓\r\nsecond line" if j % 3 else "",
                redmine_moment(2 * j + 1),
                int(j % 5 == 0),
            ]
            for j in range(issues // 2)
        ],
        "journal_details": [
            [
                2 * j + d + 1,
                j + 1,
                "attr" if d == 0 else "cf",
                "done_ratio" if d == 0 else "1",
                str(j * 10 % 110) if d == 0 else "",
                "50" if d == 0 else str(j * 3),
            ]
            if d == 0 or j % 3
            else [2 * j + d + 1, j + 1, "attr", "subject", f"Subject {j}", f"Subject {j} (edited)"]
            for j in range(issues // 2)
            for d in range(2)
        ],
        "time_entries": [
            [
                e + 1,
                e % 2 + 1,
                5 + e % 6,
                e % issues + 1,
                REDMINE_HOURS[e % len(REDMINE_HOURS)],
                ("", "Meeting ☕", "Fix\ttab", "Review 李")[e % 4],
                9 + e % 3,
                day(e).isoformat(),
                day(e).year,
                day(e).month,
                day(e).isocalendar()[1],
                redmine_moment(e + 3),
                redmine_moment(e + 4),
                5 + e % 6,
            ]
            for e in range(2 * issues)
        ],
        "custom_values": [
            [v + 1, "Issue", v // 2 + 1, v % len(REDMINE_CUSTOM) + 1, REDMINE_CUSTOM[v % len(REDMINE_CUSTOM)]]
            for v in range(2 * issues)
        ],
        "wiki_content_versions": [
            [
                w + 1,
                w // 4 + 1,
                w // 4 + 1,
                5 + w % 6,
                zlib.compress(redmine_wiki_text(w).encode()) if w % 3 == 2 else redmine_wiki_text(w),
                "gzip" if w % 3 == 2 else "",
                f"rev {w}",
                redmine_moment(w + 5),
                w % 4 + 1,
            ]
            for w in range(12)
        ],
    }
    return write_export(path, REDMINE_DDL, rows, bytes_as_text=False)


# --- Roundcube -------------------------------------------------------------------------------------

ROUNDCUBE_DDL = (
    """CREATE TABLE users (
  user_id integer NOT NULL PRIMARY KEY,
  username varchar(128) NOT NULL default '',
  mail_host varchar(128) NOT NULL default '',
  created datetime NOT NULL default '0000-00-00 00:00:00',
  last_login datetime DEFAULT NULL,
  failed_login datetime DEFAULT NULL,
  failed_login_counter integer DEFAULT NULL,
  language varchar(16),
  preferences text DEFAULT NULL
)""",
    "CREATE UNIQUE INDEX ix_users_username ON users(username, mail_host)",
    """CREATE TABLE identities (
  identity_id integer NOT NULL PRIMARY KEY,
  user_id integer NOT NULL
    REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE,
  changed datetime NOT NULL default '0000-00-00 00:00:00',
  del tinyint NOT NULL default '0',
  standard tinyint NOT NULL default '0',
  name varchar(128) NOT NULL default '',
  organization varchar(128) default '',
  email varchar(128) NOT NULL default '',
  "reply-to" varchar(128) NOT NULL default '',
  bcc varchar(128) NOT NULL default '',
  signature text NOT NULL default '',
  html_signature tinyint NOT NULL default '0'
)""",
    """CREATE TABLE contacts (
  contact_id integer NOT NULL PRIMARY KEY,
  user_id integer NOT NULL
    REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE,
  changed datetime NOT NULL default '0000-00-00 00:00:00',
  del tinyint NOT NULL default '0',
  name varchar(128) NOT NULL default '',
  email text NOT NULL default '',
  firstname varchar(128) NOT NULL default '',
  surname varchar(128) NOT NULL default '',
  vcard text NOT NULL default '',
  words text NOT NULL default ''
)""",
    """CREATE TABLE contactgroups (
  contactgroup_id integer NOT NULL PRIMARY KEY,
  user_id integer NOT NULL
    REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE,
  changed datetime NOT NULL default '0000-00-00 00:00:00',
  del tinyint NOT NULL default '0',
  name varchar(128) NOT NULL default ''
)""",
    """CREATE TABLE contactgroupmembers (
  contactgroup_id integer NOT NULL
    REFERENCES contactgroups(contactgroup_id) ON DELETE CASCADE ON UPDATE CASCADE,
  contact_id integer NOT NULL
    REFERENCES contacts(contact_id) ON DELETE CASCADE ON UPDATE CASCADE,
  created datetime NOT NULL default '0000-00-00 00:00:00',
  PRIMARY KEY (contactgroup_id, contact_id)
)""",
    """CREATE TABLE session (
  sess_id varchar(128) NOT NULL PRIMARY KEY,
  changed datetime NOT NULL default '0000-00-00 00:00:00',
  ip varchar(40) NOT NULL default '',
  vars text NOT NULL
)""",
    """CREATE TABLE dictionary (
  user_id integer DEFAULT NULL
    REFERENCES users (user_id) ON DELETE CASCADE ON UPDATE CASCADE,
  language varchar(16) NOT NULL,
  data text NOT NULL
)""",
    "CREATE UNIQUE INDEX ix_dictionary_user_language ON dictionary (user_id, language)",
    """CREATE TABLE system (
  name varchar(64) NOT NULL PRIMARY KEY,
  value text NOT NULL
)""",
)
ROUNDCUBE_ZERO_DATE = "0000-00-00 00:00:00"
ROUNDCUBE_SIGNATURE = "-- \nZoë\n  Help Desk  "
ROUNDCUBE_SURNAMES = ("Ångström", "李", "", "O'Brien")


def roundcube_moment(i: int) -> str:
    """Roundcube's ``now()``: the server's wall clock as ``datetime`` text, whole seconds."""
    return (datetime(2026, 12, 4, 22, 54, 11) + timedelta(minutes=97 * i)).strftime("%Y-%m-%d %H:%M:%S")


def roundcube_language(i: int) -> str:
    return "de_DE" if i % 4 == 3 else "en_US"


def roundcube_prefs(i: int) -> str:
    """``users.preferences``: PHP's ``serialize()`` of the user's settings."""
    if i % 2:
        return "a:0:{}"
    return 'a:2:{s:8:"timezone";s:13:"Europe/Berlin";s:5:"quota";d:1.5;}'


def roundcube_session(i: int) -> str:
    """``session.vars``: base64 of the serialized session (how ``rcube_session_db`` writes it)."""
    data = f'a:2:{{s:7:"user_id";i:{i + 1};s:8:"language";s:5:"{roundcube_language(i)}";}}'
    return base64.b64encode(data.encode()).decode()


def roundcube_vcard(i: int) -> str:
    surname = ROUNDCUBE_SURNAMES[i % len(ROUNDCUBE_SURNAMES)]
    return (
        f"BEGIN:VCARD\nVERSION:3.0\nN:{surname};Name {i};;;\nFN:Name {i} {surname}\n"
        f"EMAIL;TYPE=home:c{i}@example.com\nEND:VCARD"
    )


def roundcube_webmail(path: Path, users: int = 6) -> Path:
    """A Roundcube database (see the module's docstring): ``users`` users with one identity each, two
    contacts per user (every fifth deleted), two groups, a session per user, two dictionaries."""
    contacts = 2 * users
    rows: dict[str, list[list[object]]] = {
        "users": [
            [
                i + 1,
                "li.xiaolong@例え.jp" if i == 1 else f"user{i}@example.com",
                "localhost",
                roundcube_moment(i),
                None if i % 3 == 0 else roundcube_moment(i + 1),
                ROUNDCUBE_ZERO_DATE if i == 2 else (roundcube_moment(i + 2) if i == 4 else None),
                2 if i == 4 else None,
                roundcube_language(i),
                roundcube_prefs(i),
            ]
            for i in range(users)
        ],
        "identities": [
            [
                i + 1,
                i + 1,
                roundcube_moment(i),
                0,
                1,
                "Zoë Support ✓" if i == 0 else "",
                "" if i % 2 else "Help Desk GmbH",
                f"user{i}@example.com",
                "",
                "archive@example.com" if i == 0 else "",
                ROUNDCUBE_SIGNATURE if i == 0 else "",
                0,
            ]
            for i in range(users)
        ],
        "contacts": [
            [
                c + 1,
                c % users + 1,
                roundcube_moment(c + 3),
                int(c % 5 == 4),
                f"Name {c} {ROUNDCUBE_SURNAMES[c % len(ROUNDCUBE_SURNAMES)]}".strip(),
                f"c{c}@example.com",
                f"Name {c}",
                ROUNDCUBE_SURNAMES[c % len(ROUNDCUBE_SURNAMES)],
                roundcube_vcard(c),
                f" name {c} c{c}@example.com",
            ]
            for c in range(contacts)
        ],
        "contactgroups": [[g + 1, 1, roundcube_moment(g), 0, ("Kunden ✓", "VIP")[g]] for g in range(2)],
        "contactgroupmembers": [
            [g + 1, c + 1, ROUNDCUBE_ZERO_DATE if (g, c) == (1, 0) else roundcube_moment(c)]
            for g in range(2)
            for c in range(0, contacts, users)
        ],
        "session": [
            [
                hashlib.md5(str(i).encode()).hexdigest(),
                roundcube_moment(i),
                ("192.0.2.1", "2001:db8::7")[i % 2],
                roundcube_session(i),
            ]
            for i in range(users)
        ],
        "dictionary": [[None, "en_US", "helpdesk"], [1, "de_DE", "Roundcube Zoë"]],
        "system": [["roundcube-version", "2022081200"]],
    }
    return write_export(path, ROUNDCUBE_DDL, rows)


# --- Apache Superset (its metadata database on SQLite) ----------------------------------------------

#: Superset 6's own DDL (Flask-AppBuilder and Alembic through SQLAlchemy), the columns these tests need.
SUPERSET_DDL = [
    "CREATE TABLE ab_user (\n\tid INTEGER NOT NULL, \n\tusername VARCHAR(128) NOT NULL, \n\t"
    "active BOOLEAN, \n\tcreated_on DATETIME, \n\tPRIMARY KEY (id), \n\tUNIQUE (username)\n)",
    "CREATE TABLE dbs (\n\tcreated_on DATETIME NOT NULL, \n\tchanged_on DATETIME NOT NULL, \n\t"
    "id INTEGER NOT NULL, \n\tdatabase_name VARCHAR(250) NOT NULL, \n\t"
    "sqlalchemy_uri VARCHAR(1024) NOT NULL, "
    "\n\tpassword BLOB, \n\tcache_timeout INTEGER, \n\textra TEXT, \n\texpose_in_sqllab BOOLEAN, \n\t"
    "encrypted_extra BLOB, \n\tuuid NUMERIC(16), \n\tPRIMARY KEY (id), \n\t"
    "CONSTRAINT uq_dbs_uuid UNIQUE (uuid), \n\tUNIQUE (database_name)\n)",
    'CREATE TABLE IF NOT EXISTS "tables" (\n\tcreated_on DATETIME NOT NULL, \n\t'
    "changed_on DATETIME NOT NULL, "
    "\n\tid INTEGER NOT NULL, \n\ttable_name VARCHAR(250) NOT NULL, \n\tdatabase_id INTEGER NOT NULL, \n\t"
    "sql TEXT, \n\tis_sqllab_view BOOLEAN DEFAULT 0, \n\tuuid NUMERIC(16), \n\tfolders JSON, \n\t"
    "PRIMARY KEY (id), \n\tCONSTRAINT uq_tables_uuid UNIQUE (uuid), \n\t"
    "FOREIGN KEY(database_id) REFERENCES dbs (id)\n)",
    'CREATE TABLE IF NOT EXISTS "sql_metrics" (\n\tcreated_on DATETIME NOT NULL, \n\tchanged_on DATETIME NOT '
    "NULL, \n\tid INTEGER NOT NULL, \n\tmetric_name VARCHAR(255) NOT NULL, \n\ttable_id INTEGER, \n\t"
    "expression TEXT NOT NULL, \n\td3format VARCHAR(128), \n\tuuid NUMERIC(16), \n\tcurrency JSON, \n\t"
    "PRIMARY KEY (id), \n\tCONSTRAINT uq_sql_metrics_uuid UNIQUE (uuid), \n\t"
    "CONSTRAINT fk_sql_metrics_table_id_tables FOREIGN KEY(table_id) REFERENCES tables (id) "
    "ON DELETE CASCADE\n)",
    'CREATE TABLE IF NOT EXISTS "slices" (\n\tcreated_on DATETIME NOT NULL, \n\t'
    "changed_on DATETIME NOT NULL, "
    "\n\tid INTEGER NOT NULL, \n\tslice_name VARCHAR(250), \n\tdatasource_type VARCHAR(200), \n\t"
    "viz_type VARCHAR(250), \n\tparams TEXT, \n\tcache_timeout INTEGER, \n\tdatasource_id INTEGER, \n\t"
    "uuid NUMERIC(16), \n\tquery_context TEXT, \n\tis_managed_externally BOOLEAN DEFAULT 0 NOT NULL, \n\t"
    "PRIMARY KEY (id), \n\tCONSTRAINT uq_slices_uuid UNIQUE (uuid), \n\t"
    "CONSTRAINT ck_chart_datasource CHECK (datasource_type in ('table'))\n)",
    'CREATE TABLE IF NOT EXISTS "dashboards" (\n\tcreated_on DATETIME NOT NULL, \n\tchanged_on DATETIME NOT '
    "NULL, \n\tid INTEGER NOT NULL, \n\tdashboard_title VARCHAR(500), \n\tposition_json TEXT, \n\tcss TEXT, "
    "\n\tslug VARCHAR(255), \n\tjson_metadata TEXT, \n\tpublished BOOLEAN, \n\tuuid NUMERIC(16), \n\t"
    "PRIMARY KEY (id), \n\tCONSTRAINT uq_dashboards_uuid UNIQUE (uuid)\n)",
    'CREATE TABLE IF NOT EXISTS "dashboard_slices" (\n\tid INTEGER NOT NULL, \n\tdashboard_id INTEGER, \n\t'
    "slice_id INTEGER, \n\tPRIMARY KEY (id), \n\tCONSTRAINT fk_dashboard_slices_dashboard_id_dashboards "
    "FOREIGN KEY(dashboard_id) REFERENCES dashboards (id) ON DELETE CASCADE, \n\t"
    "CONSTRAINT uq_dashboard_slice UNIQUE (dashboard_id, slice_id), \n\t"
    "CONSTRAINT fk_dashboard_slices_slice_id_slices FOREIGN KEY(slice_id) REFERENCES slices (id) "
    "ON DELETE CASCADE\n)",
    # After Alembic's batch migrations on SQLite the table has no key declared (the model's is uuid).
    'CREATE TABLE IF NOT EXISTS "embedded_dashboards" (\n\tcreated_on DATETIME, \n\tchanged_on DATETIME, \n\t'
    "allow_domain_list TEXT, \n\tuuid NUMERIC(16), \n\tdashboard_id INTEGER NOT NULL, \n\t"
    "CONSTRAINT fk_embedded_dashboards_dashboard_id_dashboards FOREIGN KEY(dashboard_id) "
    "REFERENCES dashboards (id) ON DELETE CASCADE\n)",
    'CREATE TABLE IF NOT EXISTS "query" (\n\tid INTEGER NOT NULL, \n\tclient_id VARCHAR(11) NOT NULL, \n\t'
    "database_id INTEGER NOT NULL, \n\ttab_name VARCHAR(256), \n\tsql_editor_id VARCHAR(256), \n\t"
    'user_id INTEGER, \n\tstatus VARCHAR(16), \n\tsql TEXT, \n\t"limit" INTEGER, \n\t'
    "select_as_cta BOOLEAN, \n\trows INTEGER, \n\terror_message TEXT, \n\tstart_time NUMERIC(20, 6), \n\t"
    "changed_on DATETIME, \n\tend_time NUMERIC(20, 6), \n\tresults_key VARCHAR(64), \n\t"
    "start_running_time NUMERIC(20, 6), \n\tend_result_backend_time NUMERIC(20, 6), \n\t"
    "extra_json TEXT, limiting_factor VARCHAR(255) DEFAULT 'UNKNOWN', \n\tPRIMARY KEY (id), \n\t"
    "CONSTRAINT client_id UNIQUE (client_id), \n\tFOREIGN KEY(user_id) REFERENCES ab_user (id), \n\t"
    "FOREIGN KEY(database_id) REFERENCES dbs (id)\n)",
    'CREATE TABLE IF NOT EXISTS "key_value" (\n\tid INTEGER NOT NULL, \n\tresource VARCHAR(32) NOT NULL, \n\t'
    "value BLOB NOT NULL, \n\tuuid NUMERIC(16), \n\tcreated_on DATETIME, \n\tcreated_by_fk INTEGER, \n\t"
    "expires_on DATETIME, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(created_by_fk) REFERENCES ab_user (id)\n)",
    "CREATE UNIQUE INDEX ix_key_value_uuid ON key_value (uuid)",
    'CREATE TABLE IF NOT EXISTS "logs" (\n\tid INTEGER NOT NULL, \n\taction VARCHAR(512), \n\t'
    "user_id INTEGER, "
    "\n\tjson TEXT, \n\tdttm DATETIME, \n\tdashboard_id INTEGER, \n\tslice_id INTEGER, \n\t"
    "duration_ms INTEGER, \n\treferrer VARCHAR(1024), \n\tPRIMARY KEY (id), \n\t"
    "FOREIGN KEY(user_id) REFERENCES ab_user (id)\n)",
    "CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\t"
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)",
]
#: SQL Lab's clock: ``now_as_float()``, epoch milliseconds as a double (2026-01-01 09:00:00.123456 UTC).
SUPERSET_MS = 1_767_258_000_123.456


def superset_uuid(kind: str, n: int) -> bytes:
    """The 16 bytes sqlalchemy-utils' ``UUIDType(binary=True)`` stores for row ``n`` of ``kind``."""
    return hashlib.md5(f"superset-{kind}-{n}".encode()).digest()


def superset_moment(i: int) -> str:
    """A ``DATETIME`` as SQLAlchemy writes it on SQLite: naive, six fraction digits."""
    return (datetime(2026, 1, 1, 9, 0) + timedelta(minutes=17 * i, microseconds=1013 * i)).strftime(
        "%Y-%m-%d %H:%M:%S.%f"
    )


def superset_started(q: int) -> float:
    """Query ``q``'s ``start_time``: a double of epoch milliseconds with a fraction."""
    return SUPERSET_MS + q * 60_000.125


def superset_backend_ms(q: int) -> int | None:
    """Query ``q``'s ``end_result_backend_time``: whole milliseconds, which the column's NUMERIC affinity
    stores as INTEGER (only queries run async with a results backend have one)."""
    return None if q % 3 == 2 else 1_767_258_001_000 + q * 60_000


def superset_metadata(path: Path, charts: int = 12, queries: int = 15) -> Path:
    """Superset's metadata database after a few databases, datasets, charts, dashboards, SQL Lab
    queries, permalinks and logs."""
    charts_of = {d: list(range(d * 4, min(charts, d * 4 + 4))) for d in range(3)}
    rows: dict[str, list[list[object]]] = {
        "ab_user": [[1, "admin", 1, superset_moment(0)], [2, "analyst", 0, superset_moment(1)]],
        "dbs": [
            [
                superset_moment(1),
                superset_moment(2),
                1,
                "examples",
                "sqlite:////app/examples.db",
                None,
                3600,
                json.dumps({"metadata_params": {}, "engine_params": {}}),
                1,
                None,
                superset_uuid("db", 1),
            ],
            # A password and extras encrypted by sqlalchemy-utils' EncryptedType: base64 in a BLOB.
            [
                superset_moment(3),
                superset_moment(3),
                2,
                "Warehouse — prod",
                "postgresql://bi:XXXXXXXXXX@wh/bi",
                base64.b64encode(b"\x13" * 32),
                None,
                "{}",
                0,
                base64.b64encode(b"\x42" * 48),
                superset_uuid("db", 2),
            ],
        ],
        "tables": [
            [
                superset_moment(4 + t),
                superset_moment(5 + t),
                t + 1,
                f"table_{t}",
                1 + t % 2,
                "SELECT region, SUM(amount) AS total\nFROM sales\nGROUP BY region\n" if t == 2 else None,
                int(t == 2),
                superset_uuid("table", t + 1),
                None,
            ]
            for t in range(3)
        ],
        "sql_metrics": [
            # SQLAlchemy's JSON type writes Python's None as the JSON text 'null'.
            [
                superset_moment(8),
                superset_moment(8),
                m + 1,
                ("count", "sum__amount")[m % 2],
                m // 2 + 1,
                ("COUNT(*)", "SUM(amount)")[m % 2],
                (",d", "$,.2f")[m % 2],
                superset_uuid("metric", m + 1),
                "null",
            ]
            for m in range(6)
        ],
        "slices": [
            [
                superset_moment(10 + c),
                superset_moment(11 + c),
                c + 1,
                f"Chart {c}" + (" 📈" if c % 4 == 0 else ""),
                "table",
                ("table", "pie", "echarts_timeseries_line", "big_number_total")[c % 4],
                json.dumps(
                    {
                        "viz_type": "table",
                        "datasource": f"{c % 3 + 1}__table",
                        "row_limit": 1000 * (c + 1),
                        "threshold": 0.1 * c,
                    }
                ),
                None if c % 3 else 86400,
                c % 3 + 1,
                superset_uuid("chart", c + 1),
                json.dumps({"datasource": {"id": c % 3 + 1, "type": "table"}}) if c % 2 else None,
                0,
            ]
            for c in range(charts)
        ],
        "dashboards": [
            [
                superset_moment(30 + d),
                superset_moment(31 + d),
                d + 1,
                f"Dashboard {d}" + (" — Q1" if d == 1 else ""),
                json.dumps(
                    {"DASHBOARD_VERSION_KEY": "v2", "GRID_ID": [f"CHART-{c + 1}" for c in charts_of[d]]}
                ),
                ".header { color: red; }\n" if d == 0 else "",
                f"dash-{d}" if d != 2 else None,
                json.dumps({"refresh_frequency": 60 * d}),
                int(d % 2 == 1),
                superset_uuid("dashboard", d + 1),
            ]
            for d in range(3)
        ],
        "dashboard_slices": [
            [n + 1, d + 1, c + 1] for n, (d, c) in enumerate((d, c) for d in range(3) for c in charts_of[d])
        ],
        # Two embedding configurations of dashboard 1 (the model allows several): only uuid is unique.
        "embedded_dashboards": [
            [
                superset_moment(40 + e),
                superset_moment(40 + e),
                "https://a.example.com,https://b.example.com",
                superset_uuid("embedded", e + 1),
                (1, 1, 2)[e],
            ]
            for e in range(3)
        ],
        "query": [
            [
                q + 1,
                f"c{q:010x}"[:11],
                1 + q % 2,
                f"Untitled Query {q}",
                str(q % 4 + 1),
                1,
                ("success", "failed", "running")[q % 3],
                f"SELECT * FROM sales LIMIT {q}",
                1000,
                0,
                q * 3 if q % 3 == 0 else None,
                "no such table: nope" if q % 3 == 1 else None,
                superset_started(q),
                superset_moment(50 + q),
                superset_started(q) + 250.000001 if q % 3 != 2 else None,
                f"{q:08x}-0000-4000-8000-000000000000" if q % 2 else None,
                superset_started(q) + 12.5,
                superset_backend_ms(q),
                json.dumps({"progress": None}),
                "NOT_LIMITED",
            ]
            for q in range(queries)
        ],
        "key_value": [
            [
                k + 1,
                "dashboard_permalink" if k < 4 else "app",
                json.dumps({"dashboardId": str(k + 1), "urlParams": [["a", "ü"]]}).encode()
                if k < 4
                else pickle.dumps({"n": k, "when": datetime(2026, 1, 1)}, protocol=4),
                superset_uuid("kv", k + 1),
                superset_moment(60 + k),
                1 if k % 2 else None,
                superset_moment(70 + k) if k >= 4 else None,
            ]
            for k in range(6)
        ],
        "logs": [
            [
                g + 1,
                ("dashboard", "explore", "log", "sqllab")[g % 4],
                1 if g % 2 else None,
                json.dumps({"path": f"/superset/dashboard/{g}/", "ts": SUPERSET_MS + g}),
                superset_moment(80 + g),
                g % 3 + 1 if g % 2 else None,
                None,
                g * 17 if g else None,
                "http://localhost:8088/" if g % 3 else None,
            ]
            for g in range(8)
        ],
        "alembic_version": [["c233f5365c9e"]],
    }
    return write_export(path, SUPERSET_DDL, rows, bytes_as_text=False)  # type: ignore[arg-type]


# --- nbgrader (a course's gradebook.db) -------------------------------------------------------------

#: nbgrader 0.9's own DDL (SQLAlchemy's ``create_all`` and Alembic), the tables these tests need.
NBGRADER_DDL = [
    "CREATE TABLE student (\n\tid VARCHAR(128) NOT NULL, \n\tfirst_name VARCHAR(128), \n\t"
    "last_name VARCHAR(128), \n\temail VARCHAR(128), \n\tlms_user_id VARCHAR(128), \n\tPRIMARY KEY (id)\n)",
    "CREATE TABLE course (\n\tid VARCHAR(128) NOT NULL, \n\tPRIMARY KEY (id), \n\tUNIQUE (id)\n)",
    "CREATE TABLE assignment (\n\tid VARCHAR(32) NOT NULL, \n\tname VARCHAR(128) NOT NULL, \n\t"
    "duedate DATETIME, \n\tcourse_id VARCHAR(128) NOT NULL, \n\tPRIMARY KEY (id), \n\tUNIQUE (name), \n\t"
    "FOREIGN KEY(course_id) REFERENCES course (id)\n)",
    "CREATE TABLE notebook (\n\tid VARCHAR(32) NOT NULL, \n\tname VARCHAR(128) NOT NULL, \n\t"
    "assignment_id VARCHAR(32), \n\tkernelspec VARCHAR(1024), \n\tPRIMARY KEY (id), \n\t"
    "UNIQUE (name, assignment_id), \n\tFOREIGN KEY(assignment_id) REFERENCES assignment (id)\n)",
    "CREATE TABLE submitted_assignment (\n\tid VARCHAR(32) NOT NULL, \n\tassignment_id VARCHAR(32), \n\t"
    "student_id VARCHAR(128), \n\ttimestamp DATETIME, \n\textension DATETIME, \n\tPRIMARY KEY (id), \n\t"
    "UNIQUE (assignment_id, student_id), \n\tFOREIGN KEY(assignment_id) REFERENCES assignment (id), \n\t"
    "FOREIGN KEY(student_id) REFERENCES student (id)\n)",
    "CREATE TABLE submitted_notebook (\n\tid VARCHAR(32) NOT NULL, \n\tassignment_id VARCHAR(32), \n\t"
    "notebook_id VARCHAR(32), \n\tflagged BOOLEAN, \n\tlate_submission_penalty FLOAT, \n\tPRIMARY KEY (id), "
    "\n\tUNIQUE (notebook_id, assignment_id), \n\t"
    "FOREIGN KEY(assignment_id) REFERENCES submitted_assignment (id), \n\t"
    "FOREIGN KEY(notebook_id) REFERENCES notebook (id)\n)",
    "CREATE TABLE grade (\n\tid VARCHAR(32) NOT NULL, \n\tnotebook_id VARCHAR(32), \n\tcell_id VARCHAR(32), "
    "\n\tauto_score FLOAT, \n\tmanual_score FLOAT, \n\textra_credit FLOAT, \n\t"
    "needs_manual_grade BOOLEAN NOT NULL, \n\tPRIMARY KEY (id), \n\tUNIQUE (cell_id, notebook_id), \n\t"
    "FOREIGN KEY(notebook_id) REFERENCES submitted_notebook (id)\n)",
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
]
#: Students as ``nbgrader db student import`` reads them from a CSV (an LMS id with its leading zeros,
#: a surname padded, one of blanks alone), then the ones the Gradebook API adds.
NBGRADER_STUDENTS = [
    ("alice", "Alice", "Álvarez", "alice@example.org", "1001"),
    ("bob", "Bob", " O'Neil ", None, None),
    ("chen", "陈", "伟", "chen@example.cn", "1003"),
    ("dmitri", "Дмитрий", "Иванов", "dmitri@example.ru", "00042"),
    ("eve", "Eve", "  ", "eve@x.org", None),
    *((f"s{i:03d}", f"First{i}", f"Last{i}", f"s{i}@uni.edu" if i % 3 else None, None) for i in range(5, 20)),
]
#: Assignments: made by ``nbgrader db assignment add`` (no course: ``''`` under NOT NULL) or by the
#: Gradebook of a course; due dates naive UTC (``2026-02-01 17:00:00 America/Los_Angeles`` is stored
#: as ``2026-02-02 01:00:00.000000``).
NBGRADER_ASSIGNMENTS = [
    ("ps1", datetime(2026, 2, 2, 1, 0), ""),
    ("ps2", datetime(2026, 3, 15, 23, 59, 59, 500000), ""),
    ("ps3", None, ""),
    ("midterm", datetime(2026, 4, 10, 7, 0), "course101"),
]
#: Manual scores as a grader types them, and as floats add them up.
NBGRADER_SCORES = (None, 7.5, 10.0, 1 / 3 * 10, 0.1 + 0.2)


def nbgrader_id(kind: str, n: int) -> str:
    """nbgrader's keys: ``uuid4().hex``, 32 hexadecimal digits (deterministic here)."""
    return hashlib.md5(f"nbgrader-{kind}-{n}".encode()).hexdigest()


def nbgrader_submitted(k: int, a: int) -> datetime:
    """When student ``k`` submitted assignment ``a`` (naive UTC, microseconds)."""
    return datetime(2026, a + 1, k % 27 + 1, k % 24, k * 7 % 60, k * 13 % 60, k * 1111)


def nbgrader_extension(k: int) -> timedelta | None:
    """Student ``k``'s extension: SQLAlchemy's ``Interval`` on SQLite stores it as 1970-01-01 plus it."""
    return timedelta(days=k // 6, hours=5, minutes=30 + k) if k % 6 == 0 else None


def nbgrader_gradebook(path: Path) -> Path:
    """A course's gradebook: students, assignments, each student's submissions (with extensions),
    their notebooks and grades."""
    students = [s[0] for s in NBGRADER_STUDENTS]
    subs = [(k, a) for k in range(len(students)) for a in range(len(NBGRADER_ASSIGNMENTS)) if (k + a) % 5]
    rows: dict[str, list[list[object]]] = {
        "student": [list(s) for s in NBGRADER_STUDENTS],
        "course": [["course101"]],
        "assignment": [
            [nbgrader_id("assignment", a), name, due and due.strftime("%Y-%m-%d %H:%M:%S.%f"), course]
            for a, (name, due, course) in enumerate(NBGRADER_ASSIGNMENTS)
        ],
        "notebook": [
            [
                nbgrader_id("notebook", a),
                "problem1",
                nbgrader_id("assignment", a),
                '{"display_name": "Python 3", "language": "python", "name": "python3"}',
            ]
            for a in range(len(NBGRADER_ASSIGNMENTS))
        ],
        "submitted_assignment": [
            [
                nbgrader_id("submission", n),
                nbgrader_id("assignment", a),
                students[k],
                nbgrader_submitted(k, a).strftime("%Y-%m-%d %H:%M:%S.%f"),
                None
                if (ext := nbgrader_extension(k)) is None
                else (datetime(1970, 1, 1) + ext).strftime("%Y-%m-%d %H:%M:%S.%f"),
            ]
            for n, (k, a) in enumerate(subs)
        ],
        "submitted_notebook": [
            [
                nbgrader_id("submitted_notebook", n),
                nbgrader_id("submission", n),
                nbgrader_id("notebook", a),
                int(n % 9 == 0),
                (None, 0.0, 1.0, 0.5, 2.25)[n % 5],
            ]
            for n, (_, a) in enumerate(subs)
        ],
        "grade": [
            [
                nbgrader_id("grade", 2 * n + q),
                nbgrader_id("submitted_notebook", n),
                nbgrader_id("cell", q),
                (0.0, 1.25, 2.5, None)[n % 4] if q == 0 else None,
                None if q == 0 else NBGRADER_SCORES[n % len(NBGRADER_SCORES)],
                None if q == 0 or n % 3 else 0.5,
                int(q == 1 and NBGRADER_SCORES[n % len(NBGRADER_SCORES)] is None),
            ]
            for n in range(len(subs))
            for q in range(2)
        ],
        "alembic_version": [["e43177bfe90b"]],
    }
    return write_export(path, NBGRADER_DDL, rows)  # type: ignore[arg-type]


# --- Prosody (XMPP server) -----------------------------------------------------------------------------

PROSODY_DDL = [
    'CREATE TABLE "prosody" ("host" TEXT NOT NULL, "user" TEXT NOT NULL, "store" TEXT NOT NULL, '
    '"key" TEXT NOT NULL, "type" TEXT NOT NULL, "value" TEXT NOT NULL)',
    'CREATE INDEX "prosody_index" ON "prosody" ("host", "user", "store", "key")',
    'CREATE TABLE "prosodyarchive" ("sort_id" INTEGER PRIMARY KEY AUTOINCREMENT, "host" TEXT NOT NULL, '
    '"user" TEXT NOT NULL, "store" TEXT NOT NULL, "key" TEXT NOT NULL, "when" INTEGER NOT NULL, '
    '"with" TEXT NOT NULL, "type" TEXT NOT NULL, "value" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "prosodyarchive_index" ON "prosodyarchive" ("host", "user", "store", "key")',
    'CREATE INDEX "prosodyarchive_with_when" ON "prosodyarchive" ("host", "user", "store", "with", "when")',
]
PROSODY_USERS = ("alice", "bob", "dave.o'neil", "émile")
#: Values of a user's own settings store: Lua's ``tostring`` of each (``%.14g`` for a float).
PROSODY_SETTINGS = (
    ("volume", "number", "0.75"),
    ("third", "number", "0.33333333333333"),
    ("tiny", "number", "1e-300"),
    ("huge", "number", "1.5e+300"),
    ("negzero", "number", "-0.0"),
    ("big", "number", "9007199254740993"),
    ("muted", "boolean", "false"),
    ("nick", "string", "  carol  "),
    ("motto", "string", "line1\nline2"),
    ("list", "json", '[1,2,"three"]'),
)


def prosody_when(i: int) -> int:
    """``os.time()`` of the ``i``-th archived stanza: Unix seconds."""
    return 1_796_426_044 + 97 * i


def prosody_stanza(i: int) -> str:
    sender = PROSODY_USERS[i % len(PROSODY_USERS)].replace("'", "&apos;")
    return (
        f"<message id='m{i}' to='bob@localhost' from='{sender}@localhost/laptop' type='chat'>"
        f"<body>{'  padded body  ' if i == 1 else f'Hello {i} 👋 &amp; &lt;co&gt;'}</body></message>"
    )


def prosody_rows() -> list[list[object]]:
    """The ``prosody`` table's rows in their insertion order (rowid = index + 1)."""
    rows: list[list[object]] = []
    for u, user in enumerate(PROSODY_USERS):
        salt = hashlib.md5(user.encode()).hexdigest()
        rows += [
            ["localhost", user, "accounts", "salt", "string", f"{salt[:8]}-{salt[8:12]}-{salt[12:16]}"],
            ["localhost", user, "accounts", "iteration_count", "number", "10000"],
            ["localhost", user, "accounts", "stored_key", "string", hashlib.sha1(user.encode()).hexdigest()],
        ]
        contact = PROSODY_USERS[(u + 1) % len(PROSODY_USERS)]
        rows += [
            [
                "localhost",
                user,
                "roster",
                f"{contact}@localhost",
                "json",
                json.dumps(
                    {"name": contact.title(), "subscription": "both", "groups": {"Friends": True}},
                    ensure_ascii=False,
                    separators=(",", ":"),
                ),
            ],
            [
                "localhost",
                user,
                "roster",
                "",
                "json",
                '{"__hash":[false,{"version":' + str(u + 1) + ',"pending":{}}]}',
            ],
        ]
    rows += [["localhost", "alice", "blocklist", "spam@example.net", "boolean", "true"]]
    rows += [
        [
            "localhost",
            "alice",
            "private",
            "storage:rosternotes",
            "xml",
            "<storage xmlns='storage:rosternotes'><note jid='bob@localhost'>met at FOSDEM</note></storage>",
        ]
    ]
    rows += [["localhost", "carol", "settings", key, kind, value] for key, kind, value in PROSODY_SETTINGS]
    rows += [
        ["localhost", "", "motd", "motd", "string", "Welcome!"],
        ["conference.localhost", "", "persistent", "lounge@conference.localhost", "boolean", "true"],
        [
            "conference.localhost",
            "lounge",
            "config",
            "_data",
            "json",
            '{"persistent":true,"name":"The Lounge","description":"Chat, ünïcode, & more"}',
        ],
    ]
    return rows


def prosody_archive_rows(messages: int) -> list[list[object]]:
    """Each message archived in the recipient's MAM store (``with`` its sender's bare JID) and kept
    offline (``with`` ``''``), at the same second, as mod_mam and mod_offline write them."""
    rows: list[list[object]] = []
    for i in range(messages):
        sender = PROSODY_USERS[i % len(PROSODY_USERS)]
        for store, with_ in (("archive", f"{sender}@localhost"), ("offline", "")):
            key = hashlib.md5(f"{store}{i}".encode()).hexdigest()
            rows.append(
                [
                    len(rows) + 1,
                    "localhost",
                    "bob",
                    store,
                    key,
                    prosody_when(i),
                    with_,
                    "xml",
                    prosody_stanza(i),
                ]
            )
    return rows


def prosody_server(path: Path, messages: int = 6) -> Path:
    """A Prosody ``prosody.sqlite`` (see the module's docstring): four users' accounts and rosters, a
    blocklist, private XML, one user's settings of every Lua type, a host's and a MUC component's
    own stores, and ``messages`` messages to bob, each archived and kept offline."""
    rows = {"prosody": prosody_rows(), "prosodyarchive": prosody_archive_rows(messages)}
    return write_export(path, PROSODY_DDL, rows)


# --- Ghost (blog) ------------------------------------------------------------------------------------

GHOST_DDL = [
    (
        "CREATE TABLE `users` (`id` varchar(24) not null, `name` varchar(191) not null, "
        "`slug` varchar(191) not null, `password` varchar(60) not null, "
        "`email` varchar(191) not null, `profile_image` varchar(2000) null, "
        "`cover_image` varchar(2000) null, `bio` text null, `website` varchar(2000) null, "
        "`location` text null, `facebook` varchar(2000) null, `twitter` varchar(2000) null, "
        "`threads` varchar(191) null, `bluesky` varchar(191) null, `mastodon` varchar(191) null, "
        "`tiktok` varchar(191) null, `youtube` varchar(191) null, `instagram` varchar(191) null, "
        "`linkedin` varchar(191) null, `accessibility` text null, "
        "`status` varchar(50) not null default 'active', `locale` varchar(6) null, "
        "`visibility` varchar(50) not null default 'public', `meta_title` varchar(2000) null, "
        "`meta_description` varchar(2000) null, `tour` text null, `last_seen` datetime null, "
        "`comment_notifications` boolean not null default '1', "
        "`free_member_signup_notification` boolean not null default '1', "
        "`paid_subscription_started_notification` boolean not null default '1', "
        "`paid_subscription_canceled_notification` boolean not null default '0', "
        "`mention_notifications` boolean not null default '1', "
        "`recommendation_notifications` boolean not null default '1', "
        "`milestone_notifications` boolean not null default '1', "
        "`donation_notifications` boolean not null default '1', `created_at` datetime not null, "
        "`created_by` varchar(24) not null, `updated_at` datetime null, "
        "`updated_by` varchar(24) null, primary key (`id`))"
    ),
    (
        "CREATE TABLE `newsletters` (`id` varchar(24) not null, `uuid` varchar(36) not null, "
        "`name` varchar(191) not null, `description` varchar(2000) null, "
        "`feedback_enabled` boolean not null default '0', `slug` varchar(191) not null, "
        "`sender_name` varchar(191) null, `sender_email` varchar(191) null, "
        "`sender_reply_to` varchar(191) not null default 'newsletter', "
        "`status` varchar(50) not null default 'active', "
        "`visibility` varchar(50) not null default 'members', "
        "`subscribe_on_signup` boolean not null default '1', "
        "`sort_order` integer not null default '0', `header_image` varchar(2000) null, "
        "`show_header_icon` boolean not null default '1', "
        "`show_header_title` boolean not null default '1', "
        "`show_excerpt` boolean not null default '0', "
        "`title_font_category` varchar(191) not null default 'sans_serif', "
        "`title_alignment` varchar(191) not null default 'center', "
        "`show_feature_image` boolean not null default '1', "
        "`body_font_category` varchar(191) not null default 'sans_serif', "
        "`footer_content` text null, `show_badge` boolean not null default '1', "
        "`show_header_name` boolean not null default '1', "
        "`show_post_title_section` boolean not null default '1', "
        "`show_comment_cta` boolean not null default '1', "
        "`show_subscription_details` boolean not null default '0', "
        "`show_latest_posts` boolean not null default '0', "
        "`background_color` varchar(50) not null default 'light', "
        "`post_title_color` varchar(50) null, `created_at` datetime not null, "
        "`updated_at` datetime null, `button_corners` varchar(50) not null default 'rounded', "
        "`button_style` varchar(50) not null default 'fill', "
        "`title_font_weight` varchar(50) not null default 'bold', "
        "`link_style` varchar(50) not null default 'underline', "
        "`image_corners` varchar(50) not null default 'square', "
        "`header_background_color` varchar(50) not null default 'transparent', "
        "`section_title_color` varchar(50) null, `divider_color` varchar(50) null, "
        "`button_color` varchar(50) null default 'accent', "
        "`link_color` varchar(50) null default 'accent', primary key (`id`))"
    ),
    (
        "CREATE TABLE `posts` (`id` varchar(24) not null, `uuid` varchar(36) not null, "
        "`title` varchar(2000) not null, `slug` varchar(191) not null, `mobiledoc` text null, "
        "`lexical` text null, `html` text null, `comment_id` varchar(50) null, "
        "`plaintext` text null, `feature_image` varchar(2000) null, "
        "`featured` boolean not null default '0', `type` varchar(50) not null default 'post', "
        "`status` varchar(50) not null default 'draft', `locale` varchar(6) null, "
        "`visibility` varchar(50) not null default 'public', `email_recipient_filter` text not null, "
        "`created_at` datetime not null, `created_by` varchar(24) not null, "
        "`updated_at` datetime null, `updated_by` varchar(24) null, `published_at` datetime null, "
        "`published_by` varchar(24) null, `custom_excerpt` varchar(2000) null, "
        "`codeinjection_head` text null, `codeinjection_foot` text null, "
        "`custom_template` varchar(100) null, `canonical_url` text null, "
        "`newsletter_id` varchar(24) null, "
        "`show_title_and_feature_image` boolean not null default '1', "
        "foreign key(`newsletter_id`) references `newsletters`(`id`), primary key (`id`))"
    ),
    (
        "CREATE TABLE `posts_authors` (`id` varchar(24) not null, `post_id` varchar(24) not null, "
        "`author_id` varchar(24) not null, `sort_order` integer not null default '0', "
        "foreign key(`post_id`) references `posts`(`id`), "
        "foreign key(`author_id`) references `users`(`id`), primary key (`id`))"
    ),
    (
        "CREATE TABLE `tags` (`id` varchar(24) not null, `name` varchar(191) not null, "
        "`slug` varchar(191) not null, `description` text null, `feature_image` varchar(2000) null, "
        "`parent_id` varchar(191) null, `visibility` varchar(50) not null default 'public', "
        "`og_image` varchar(2000) null, `og_title` varchar(300) null, "
        "`og_description` varchar(500) null, `twitter_image` varchar(2000) null, "
        "`twitter_title` varchar(300) null, `twitter_description` varchar(500) null, "
        "`meta_title` varchar(2000) null, `meta_description` varchar(2000) null, "
        "`codeinjection_head` text null, `codeinjection_foot` text null, "
        "`canonical_url` varchar(2000) null, `accent_color` varchar(50) null, "
        "`created_at` datetime not null, `created_by` varchar(24) not null, "
        "`updated_at` datetime null, `updated_by` varchar(24) null, primary key (`id`))"
    ),
    (
        "CREATE TABLE `posts_tags` (`id` varchar(24) not null, `post_id` varchar(24) not null, "
        "`tag_id` varchar(24) not null, `sort_order` integer not null default '0', "
        "foreign key(`post_id`) references `posts`(`id`), "
        "foreign key(`tag_id`) references `tags`(`id`), primary key (`id`))"
    ),
    (
        "CREATE TABLE `sessions` (`id` varchar(24) not null, `session_id` varchar(32) not null, "
        "`user_id` varchar(24) not null, `session_data` varchar(2000) not null, "
        "`created_at` datetime not null, `updated_at` datetime null, primary key (`id`))"
    ),
    (
        "CREATE TABLE `api_keys` (`id` varchar(24) not null, `type` varchar(50) not null, "
        "`secret` varchar(191) not null, `role_id` varchar(24) null, "
        "`integration_id` varchar(24) null, `user_id` varchar(24) null, "
        "`last_seen_at` datetime null, `last_seen_version` varchar(50) null, "
        "`created_at` datetime not null, `created_by` varchar(24) not null, "
        "`updated_at` datetime null, `updated_by` varchar(24) null, primary key (`id`))"
    ),
]
GHOST_START = datetime(2026, 12, 4, 23, 25, 53)
GHOST_MILLIS = 1_796_426_753_938


def ghost_id(kind: int, n: int) -> str:
    """A MongoDB-style ObjectId as Ghost makes one: 24 hex digits, of which some are letters."""
    return f"{0x6B134C01 + kind:08x}7651c8636e{n:06x}"


def ghost_moment(i: int) -> str:
    """A model's ``datetime``: UTC text, whole seconds."""
    return (GHOST_START + timedelta(minutes=37 * i)).strftime("%Y-%m-%d %H:%M:%S")


def ghost_title(i: int) -> str:
    return ("Hello World", "Zweiter Beitrag – ü", "Numbers 007", "Old editor")[i % 4] + f" {i}"


def ghost_lexical(i: int) -> str:
    text = {"text": f"Paragraph {i}, with 3,5 and 04/12/2026", "type": "extended-text", "version": 1}
    paragraph = {"children": [text], "type": "paragraph", "version": 1}
    return json.dumps(
        {"root": {"children": [paragraph], "type": "root", "version": 1}}, separators=(",", ":")
    )


def ghost_excerpt(i: int) -> str | None:
    return (None, "  An excerpt, padded  ", "Excerpt ü")[i % 3]


def _insert(con: sqlite3.Connection, table: str, row: dict[str, object]) -> None:
    names = ", ".join(f"`{name}`" for name in row)
    con.execute(f"INSERT INTO `{table}` ({names}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def ghost_blog(path: Path, posts: int = 8, tags: int = 3) -> Path:
    """A Ghost blog (see the module's docstring): its owner, a newsletter, ``posts`` posts (every
    third a draft, unpublished), each by the owner with one of ``tags`` tags, a staff session and an
    integration's two API keys."""
    con = sqlite3.connect(path)
    with con:
        for statement in GHOST_DDL:
            con.execute(statement)
        _insert(
            con,
            "users",
            {
                "id": "1",
                "name": "Zoë Owner",
                "slug": "zoe",
                "password": "$2a$10$" + "x" * 53,
                "email": "owner@example.com",
                "created_at": ghost_moment(0),
                "created_by": "1",
                "updated_at": ghost_moment(1),
                "updated_by": "1",
            },
        )
        newsletter = ghost_id(0, 1)
        _insert(
            con,
            "newsletters",
            {
                "id": newsletter,
                "uuid": "0b5b8c2e-4c4f-4a8e-9a57-6d1f0c3e1a11",
                "name": "H145 Blog",
                "slug": "default-newsletter",
                "sender_reply_to": "newsletter",
                "status": "active",
                "visibility": "members",
                "subscribe_on_signup": 1,
                "sort_order": 0,
                "title_font_category": "sans_serif",
                "body_font_category": "sans_serif",
                "show_badge": 1,
                "created_at": ghost_moment(0),
            },
        )
        for t in range(tags):
            _insert(
                con,
                "tags",
                {
                    "id": ghost_id(1, t),
                    "name": ("Nachrichten", "Ünïcode 🙂", "#internal")[t % 3],
                    "slug": f"tag-{t}",
                    "visibility": "internal" if t == 2 else "public",
                    "created_at": ghost_moment(t),
                    "created_by": "1",
                },
            )
        for i in range(posts):
            draft = i % 3 == 2
            _insert(
                con,
                "posts",
                {
                    "id": ghost_id(2, i),
                    "uuid": f"6f0c{i:04x}-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
                    "title": ghost_title(i),
                    "slug": f"post-{i}",
                    "lexical": ghost_lexical(i),
                    "featured": int(i == 0),
                    "type": "post",
                    "status": "draft" if draft else "published",
                    "visibility": "public",
                    "email_recipient_filter": "all",
                    "created_at": ghost_moment(i),
                    "created_by": "1",
                    "updated_at": ghost_moment(i + 1),
                    "updated_by": "1",
                    "published_at": None if draft else ghost_moment(i + 1),
                    "published_by": None if draft else "1",
                    "custom_excerpt": ghost_excerpt(i),
                    "newsletter_id": None if draft else newsletter,
                    "show_title_and_feature_image": 1,
                },
            )
            _insert(
                con,
                "posts_authors",
                {"id": ghost_id(3, i), "post_id": ghost_id(2, i), "author_id": "1", "sort_order": 0},
            )
            _insert(
                con,
                "posts_tags",
                {
                    "id": ghost_id(4, i),
                    "post_id": ghost_id(2, i),
                    "tag_id": ghost_id(1, i % tags),
                    "sort_order": 0,
                },
            )
        data = {"cookie": {"originalMaxAge": 15552000000, "httpOnly": True}, "user_id": "1", "verified": True}
        _insert(
            con,
            "sessions",
            {
                "id": ghost_id(5, 0),
                "session_id": "jVxpKjcH6296vs6op8jV68lybtHDZdgX",
                "user_id": "1",
                "session_data": json.dumps(data, separators=(",", ":")),
                "created_at": GHOST_MILLIS,
                "updated_at": GHOST_MILLIS + 1_000,
            },
        )
        for k in range(2):
            _insert(
                con,
                "api_keys",
                {
                    "id": ghost_id(6, k),
                    "type": ("admin", "content")[k],
                    "secret": hashlib.sha256(bytes([k])).hexdigest(),
                    "integration_id": ghost_id(7, 0),
                    "created_at": GHOST_MILLIS + 7 * k,
                    "created_by": "1",
                    "updated_at": GHOST_MILLIS + 7 * k,
                    "updated_by": "1",
                },
            )
    con.close()
    return path


# --- A mail archive (HyperKitty's Django models on SQLite) ---------------------------------------------

MAIL_ARCHIVE_DDL = (
    'CREATE TABLE "hyperkitty_sender" ("address" varchar(255) NOT NULL PRIMARY KEY, '
    '"mailman_id" varchar(255) NULL)',
    'CREATE TABLE "hyperkitty_thread" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"thread_id" varchar(255) NOT NULL, "date_active" datetime NOT NULL)',
    'CREATE TABLE "hyperkitty_email" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"message_id" varchar(255) NOT NULL, "subject" varchar(512) NOT NULL, "content" text NOT NULL, '
    '"date" datetime NOT NULL, "timezone" smallint NOT NULL, "in_reply_to" varchar(255) NULL, '
    '"archived_date" datetime NOT NULL, "sender_id" varchar(255) NOT NULL REFERENCES '
    '"hyperkitty_sender" ("address") DEFERRABLE INITIALLY DEFERRED, "thread_id" integer NOT NULL '
    'REFERENCES "hyperkitty_thread" ("id") DEFERRABLE INITIALLY DEFERRED, "parent_id" integer NULL)',
    'CREATE TABLE "hyperkitty_attachment" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"counter" smallint NOT NULL, "name" varchar(255) NOT NULL, "content" BLOB NOT NULL, '
    '"email_id" integer NOT NULL REFERENCES "hyperkitty_email" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"size" integer NOT NULL)',
)
#: Bodies as the archiver decodes them from their charsets (ISO-8859-1, windows-1252, Shift_JIS, UTF-8
#: with emoji), each ending in the newline of the mail's last line.
MAIL_BODIES = (
    "Café, naïve, Größe: 10 £ ½. Ça va.\n",
    "“Smart quotes” – en dash… and € euro\n> Ça va.\n",
    "こんにちは、議事録です。\n全角スペース\u3000あり\n",
    "Emoji 🎉🚀 party.\n" + "Lorem ipsum dolor sit amet. " * 300 + "\n",
    "plain part\n\n\n",
)
MAIL_SUBJECTS = ("Réunion à Zürich", "Re: Réunion à Zürich", "議事録", "Re: Réunion 🎉", "Plain and HTML")
#: The offsets (minutes east of UTC) of the mails' Date headers; ``date`` holds the instant in UTC.
MAIL_OFFSETS = (60, -300, 540, 330, -570)


def mail_moment(i: int) -> datetime:
    """``email.date`` of mail ``i`` (UTC, as Django writes it with ``USE_TZ``); mail 5 the Unix epoch,
    the Date header of a mail sent on 1 January 1970."""
    if i == len(MAIL_BODIES):
        return datetime(1970, 1, 1)
    return datetime(2025, 2, 3, 8, 15) + timedelta(hours=33 * i, seconds=7 * i)


def mail_archived(i: int) -> datetime:
    return datetime(2026, 12, 5, 0, 17, 26, 737345) + timedelta(microseconds=48_211 * i)


def mail_attachment(k: int) -> bytes:
    """Attachment ``k``: every byte value, a zip's first bytes, and an empty file."""
    return (bytes(range(256)) * 20, b"\x00\x01PK\x03\x04 zip", b"")[k]


def mail_archive(path: Path) -> Path:
    """A mailing list archive as HyperKitty (Django, ``USE_TZ``) writes it: senders keyed by their
    address, which ``email.sender_id`` references; ``date`` the UTC instant as ``datetime`` text and
    ``timezone`` the Date header's offset in minutes; the bodies of :data:`MAIL_BODIES` and one more
    dated the Unix epoch; ``parent_id`` a reference declared nowhere; attachments as BLOBs."""
    mails = len(MAIL_BODIES) + 1
    con = sqlite3.connect(path)
    with con:
        for statement in MAIL_ARCHIVE_DDL:
            con.execute(statement)
        for i in range(mails):
            _insert(con, "hyperkitty_sender", {"address": f"user{i}@example.org", "mailman_id": None})
        for t in range(2):
            _insert(
                con,
                "hyperkitty_thread",
                {"thread_id": f"THREAD{t}HASH", "date_active": str(mail_moment(3 * t))},
            )
        for i in range(mails):
            old = i == len(MAIL_BODIES)
            _insert(
                con,
                "hyperkitty_email",
                {
                    "message_id": f"m{i}@example.org",
                    "subject": "epoch" if old else MAIL_SUBJECTS[i],
                    "content": "old one\n" if old else MAIL_BODIES[i],
                    "date": str(mail_moment(i)),
                    "timezone": 0 if old else MAIL_OFFSETS[i],
                    "in_reply_to": f"m{i - 1}@example.org" if i in (1, 2) else None,
                    "archived_date": mail_archived(i).strftime("%Y-%m-%d %H:%M:%S.%f"),
                    "sender_id": f"user{i}@example.org",
                    "thread_id": 1 if i < 3 else 2,
                    "parent_id": i if i in (1, 2) else None,
                },
            )
        for k in range(3):
            content = mail_attachment(k)
            _insert(
                con,
                "hyperkitty_attachment",
                {
                    "counter": k,
                    "name": f"file{k}.bin",
                    "content": content,
                    "email_id": 4,
                    "size": len(content),
                },
            )
    con.close()
    return path


# --- A fitness tracker (wger's Django models on SQLite) -----------------------------------------------

FITNESS_DDL = (
    'CREATE TABLE "weight_weightentry" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"date" date NOT NULL, "weight" decimal NOT NULL, "user_id" integer NOT NULL)',
    'CREATE TABLE "manager_workoutlog" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"reps" integer NOT NULL, "weight" decimal NULL, "date" date NOT NULL, "rir" varchar(3) NULL)',
    'CREATE TABLE "nutrition_meal" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"order" integer NOT NULL, "time" time NULL, "name" varchar(25) NOT NULL)',
    'CREATE TABLE "nutrition_ingredientweightunit" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"amount" decimal NOT NULL, "gram" integer NOT NULL)',
)
#: Reps in reserve as wger's ``CharField`` choices write them; ``''`` when not given.
FITNESS_RIR = ("", "0", "0.5", "1", "1.5", "2")


def fitness_weight(i: int) -> str:
    """Weight entry ``i`` as Django hands a ``DecimalField`` to SQLite: text of its decimal places
    (``80.10``, ``80.00``), which the column's NUMERIC affinity stores as REAL or INTEGER."""
    return str((Decimal("80.00") + Decimal("0.15") * (i % 7) - Decimal("0.05") * i).quantize(Decimal("0.01")))


def fitness_lifted(i: int) -> str:
    return str((Decimal("20") + Decimal("2.5") * i).quantize(Decimal("0.01")))


def fitness_meal_time(m: int) -> str:
    return f"{7 + 5 * m:02d}:{15 * m:02d}:00"


def fitness_tracker(path: Path, entries: int = 40, logs: int = 12) -> Path:
    """A fitness tracker as wger writes it (Django on SQLite): weights and lifted weights in
    ``decimal`` columns (REAL and INTEGER cells), ``date`` text, reps in reserve as ``varchar(3)``
    decimals or ``''``, meal times in a ``time`` column, and an ingredient's weight units left empty."""
    con = sqlite3.connect(path)
    with con:
        for statement in FITNESS_DDL:
            con.execute(statement)
        for i in range(entries):
            day = date(2024, 12, 1) + timedelta(days=i)
            _insert(
                con,
                "weight_weightentry",
                {"date": day.isoformat(), "weight": fitness_weight(i), "user_id": 1 + i % 2},
            )
        for i in range(logs):
            _insert(
                con,
                "manager_workoutlog",
                {
                    "reps": 5 + i % 3,
                    "weight": fitness_lifted(i),
                    "date": (date(2025, 1, 1) + timedelta(days=i)).isoformat(),
                    "rir": FITNESS_RIR[i % len(FITNESS_RIR)],
                },
            )
        for m in range(3):
            _insert(
                con,
                "nutrition_meal",
                {"order": m, "time": fitness_meal_time(m), "name": ("Breakfast", "Lunch", "Dinner")[m]},
            )
    con.close()
    return path


# --- An e-learning platform's facility (Kolibri's Django + morango models on SQLite) -----------------

KOLIBRI_DDL = (
    'CREATE TABLE "kolibriauth_facilitydataset" ("id" char(32) NOT NULL PRIMARY KEY, '
    '"_morango_dirty_bit" bool NOT NULL, "_morango_source_id" varchar(96) NOT NULL, '
    '"_morango_partition" varchar(128) NOT NULL, "description" text NOT NULL, '
    '"learner_can_sign_up" bool NOT NULL, "preset" varchar(50) NOT NULL, "extra_fields" text NULL)',
    'CREATE TABLE "kolibriauth_facilityuser" ("password" varchar(128) NOT NULL, "last_login" datetime NULL, '
    '"id" char(32) NOT NULL PRIMARY KEY, "_morango_dirty_bit" bool NOT NULL, '
    '"username" varchar(254) NOT NULL, "full_name" varchar(120) NOT NULL, "date_joined" varchar NOT NULL, '
    '"dataset_id" char(32) NOT NULL REFERENCES "kolibriauth_facilitydataset" ("id") '
    'DEFERRABLE INITIALLY DEFERRED, "birth_year" varchar(16) NOT NULL, "gender" varchar(16) NOT NULL, '
    '"date_deleted" varchar NULL)',
    'CREATE TABLE "logger_contentsessionlog" ("id" char(32) NOT NULL PRIMARY KEY, '
    '"_morango_dirty_bit" bool NOT NULL, "content_id" char(32) NOT NULL, "start_timestamp" varchar NOT NULL, '
    '"end_timestamp" varchar NULL, "time_spent" real NOT NULL, "progress" real NOT NULL, '
    '"kind" varchar(200) NOT NULL, "extra_fields" text NOT NULL, '
    '"dataset_id" char(32) NOT NULL REFERENCES "kolibriauth_facilitydataset" ("id") '
    'DEFERRABLE INITIALLY DEFERRED, "user_id" char(32) NULL REFERENCES "kolibriauth_facilityuser" ("id") '
    "DEFERRABLE INITIALLY DEFERRED)",
    'CREATE TABLE "exams_exam" ("id" char(32) NOT NULL PRIMARY KEY, "_morango_dirty_bit" bool NOT NULL, '
    '"title" varchar(200) NOT NULL, "question_count" integer NOT NULL, "question_sources" text NOT NULL, '
    '"seed" integer NOT NULL, "active" bool NOT NULL, '
    '"creator_id" char(32) NULL REFERENCES "kolibriauth_facilityuser" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"dataset_id" char(32) NOT NULL REFERENCES "kolibriauth_facilitydataset" ("id") '
    'DEFERRABLE INITIALLY DEFERRED, "date_created" datetime NOT NULL, "date_archived" datetime NULL)',
    'CREATE TABLE "morango_databasemaxcounter" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"instance_id" char(32) NOT NULL, "counter" integer NOT NULL, "partition" varchar(128) NOT NULL)',
    'CREATE UNIQUE INDEX "morango_databasemaxcounter_instance_id_partition_99e4f1fb_uniq" '
    'ON "morango_databasemaxcounter" ("instance_id", "partition")',
)
#: The zones a facility's devices wrote their moments in (Kolibri's ``DateTimeTzField``).
KOLIBRI_ZONES = ("Africa/Nairobi", "America/Sao_Paulo", "Asia/Kolkata", "Etc/UTC", "Europe/Paris")
KOLIBRI_NAMES = (
    "José Álvarez",
    "Μαρία Παπαδοπούλου",
    "王小明",
    "Ngozi Okafor 😀",
    "Ólafur Þórsson",
    "Zoë Smith",
)
#: A learner's birth year as Kolibri's ``CharField`` holds it: a year, the two words it writes for
#: "not given" and "asked later", or ``''``.
KOLIBRI_BIRTH_YEARS = ("2010", "NOT_SPECIFIED", "2011", "", "DEFERRED", "2009")
KOLIBRI_KINDS = ("exercise", "video", "document")


def kolibri_id(kind: str, n: int) -> str:
    """A morango id: 32 hex digits (Django's ``UUIDField`` on SQLite), here derived from the row."""
    return hashlib.md5(f"{kind}:{n}".encode()).hexdigest()


def kolibri_moment(i: int) -> datetime:
    return datetime(2026, 3, 1, 8, tzinfo=UTC) + timedelta(hours=7 * i, minutes=13 * i, microseconds=1234 * i)


def kolibri_stamp(moment: datetime, i: int) -> str:
    """A ``DateTimeTzField`` value: the UTC time with microseconds, then the writer's zone in
    parentheses (``2026-03-01 15:13:01.001234(America/Sao_Paulo)``)."""
    return f"{moment:%Y-%m-%d %H:%M:%S.%f}({KOLIBRI_ZONES[i % len(KOLIBRI_ZONES)]})"


def kolibri_time_spent(i: int) -> float:
    """Seconds spent, as ``timedelta.total_seconds()`` gives them: microsecond fractions."""
    return (timedelta(seconds=5 + 97 * i, microseconds=123457 * i % 1000000)).total_seconds()


def kolibri_progress(i: int) -> float:
    return (0.0, 0.25, 1.0, 1 / 3, 0.1 + 0.2)[i % 5]


def kolibri_exam_created(e: int) -> datetime:
    """Django's naive UTC ``datetime`` text of an exam's ``date_created``, microseconds included."""
    return datetime(2026, 3, 2, 9, 30) + timedelta(days=e, microseconds=979075 * (e + 1) % 1000000)


def kolibri_facility(path: Path, users: int = 12, sessions: int = 30, exams: int = 3) -> Path:
    """A Kolibri facility's ``db.sqlite3`` (Django and morango models on SQLite): 32-hex-digit keys and
    ``DEFERRABLE`` references, morango's ``bool`` dirty bits, moments of ``DateTimeTzField`` as
    ``varchar`` text ending in the writer's zone, Django's naive ``datetime`` text, REAL seconds and
    progress, JSON text, birth years beside ``NOT_SPECIFIED``/``DEFERRED``/``''``, passwords ``''`` for
    learners, and morango's ``(instance_id, partition)`` counter whose ``''`` partition means every one."""
    dataset = kolibri_id("dataset", 0)
    extra = json.dumps({"facility": {}, "on_my_own_setup": False, "pin_code": ""})
    facility_users = [
        [
            "pbkdf2_sha256$260000$salt$hash=" if u == 0 else "",
            None,
            kolibri_id("user", u),
            1,
            f"learner{u:02d}",
            KOLIBRI_NAMES[u % len(KOLIBRI_NAMES)],
            kolibri_stamp(kolibri_moment(u), u),
            dataset,
            KOLIBRI_BIRTH_YEARS[u % len(KOLIBRI_BIRTH_YEARS)],
            ("FEMALE", "MALE", "NOT_SPECIFIED", "")[u % 4],
            None,
        ]
        for u in range(users)
    ]
    session_logs = [
        [
            kolibri_id("session", i),
            i % 2,
            kolibri_id("content", i % 7),
            kolibri_stamp(kolibri_moment(i), i),
            None
            if i % 6 == 5
            else kolibri_stamp(kolibri_moment(i) + timedelta(seconds=kolibri_time_spent(i)), i),
            kolibri_time_spent(i),
            kolibri_progress(i),
            KOLIBRI_KINDS[i % 3],
            json.dumps({"contentState": {"time": kolibri_time_spent(i)}}) if i % 2 else "{}",
            dataset,
            kolibri_id("user", i % users),
        ]
        for i in range(sessions)
    ]
    exam_rows = [
        [
            kolibri_id("exam", e),
            1,
            f"Quiz {e} — évaluation 📝",
            3,
            json.dumps([{"section_title": "Section Ä", "questions": [{"exercise_id": kolibri_id("ex", e)}]}]),
            104729 * (e + 1),
            e % 2,
            kolibri_id("user", 0),
            dataset,
            f"{kolibri_exam_created(e):%Y-%m-%d %H:%M:%S.%f}",
            f"{kolibri_exam_created(e) + timedelta(days=7):%Y-%m-%d %H:%M:%S.%f}" if e == 0 else None,
        ]
        for e in range(exams)
    ]
    instance = kolibri_id("instance", 0)
    return write_export(
        path,
        KOLIBRI_DDL,
        {
            "kolibriauth_facilitydataset": [
                [dataset, 1, dataset, f"{dataset}:allusers-ro", "", 1, "nonformal", extra]
            ],
            "kolibriauth_facilityuser": facility_users,
            "logger_contentsessionlog": session_logs,
            "exams_exam": exam_rows,
            "morango_databasemaxcounter": [[1, instance, 7, ""], [2, instance, 5, f"{dataset}:allusers-ro"]],
        },
    )


# --- A test case manager's history (Kiwi TCMS: django-simple-history and DurationField on SQLite) ----

TCMS_DDL = (
    'CREATE TABLE "testcases_testcase" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"create_date" datetime NOT NULL, "summary" varchar(255) NOT NULL, "text" text NOT NULL, '
    '"is_automated" bool NOT NULL, "setup_duration" bigint NULL, "testing_duration" bigint NULL)',
    'CREATE TABLE "testcases_historicaltestcase" ("id" integer NOT NULL, "create_date" datetime NOT NULL, '
    '"summary" varchar(255) NOT NULL, "history_id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"history_change_reason" text NULL, "history_type" varchar(1) NOT NULL, "text" text NOT NULL, '
    '"is_automated" bool NOT NULL, "setup_duration" bigint NULL, "testing_duration" bigint NULL, '
    '"history_date" datetime NOT NULL)',
    'CREATE INDEX "testcases_historicaltestcase_id_12c89411" ON "testcases_historicaltestcase" ("id")',
    'CREATE TABLE "django_comments" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"comment" text NOT NULL, "submit_date" datetime NOT NULL, "is_removed" bool NOT NULL, '
    '"object_pk" varchar(64) NOT NULL)',
)
#: Django's ``DurationField`` on SQLite: a ``bigint`` of microseconds (26 hours and a microsecond are
#: 93600000001; two days 172800000000), or NULL.
TCMS_DURATIONS = (None, 0, 300_000_000, 93_600_000_001, 1_200_000_000, 172_800_000_000)
TCMS_STEPS = "Steps:\n1. open\n2. click\r\n3. check"


def tcms_summary(c: int) -> str:
    return f"Case {c}: vérifier l'écran{' 🔐' if c % 3 == 0 else ''}"


def tcms_moment(h: int) -> datetime:
    return datetime(2026, 12, 1, 9, 30) + timedelta(seconds=37 * h, microseconds=203287 * (h + 1) % 1000000)


def tcms_history_rows(cases: int, updated: int, deleted: int) -> list[tuple[int, str, str | None, str]]:
    """``(case, history_type, history_change_reason, summary)`` in the order django-simple-history writes
    them: ``+`` when a case is created, ``~`` when it changes (the reason Kiwi writes: a unified diff of
    the field), ``-`` when it is deleted (the last cases)."""
    rows: list[tuple[int, str, str | None, str]] = [(c, "+", None, tcms_summary(c)) for c in range(cases)]
    for c in range(updated):
        old, new = tcms_summary(c), f"{tcms_summary(c)} (updated)"
        rows.append((c, "~", f"--- summary\n+++ summary\n@@ -1 +1 @@\n-{old}\n+{new}", new))
    rows += [(c, "-", None, tcms_summary(c)) for c in range(cases - deleted, cases)]
    return rows


def tcms_history(path: Path, cases: int = 12, updated: int = 4, deleted: int = 3) -> Path:
    """A test case manager's cases and their history as Kiwi TCMS writes them (Django on SQLite with
    django-simple-history): ``historical`` tables keyed by ``history_id`` whose ``id`` repeats, one
    ``history_type`` mark per change (``+`` created, ``~`` changed, ``-`` deleted), reasons that are
    unified diffs, ``DurationField`` as ``bigint`` microseconds, and django-contrib-comments'
    generic ``object_pk`` as ``varchar(64)`` text of the case's integer id."""
    live = cases - deleted
    summary = {c: tcms_summary(c) + (" (updated)" if c < updated else "") for c in range(live)}
    history = tcms_history_rows(cases, updated, deleted)
    return write_export(
        path,
        TCMS_DDL,
        {
            "testcases_testcase": [
                [
                    c + 1,
                    f"{tcms_moment(c):%Y-%m-%d %H:%M:%S.%f}",
                    summary[c],
                    TCMS_STEPS,
                    c % 2,
                    TCMS_DURATIONS[c % len(TCMS_DURATIONS)],
                    TCMS_DURATIONS[(c + 3) % len(TCMS_DURATIONS)],
                ]
                for c in range(live)
            ],
            "testcases_historicaltestcase": [
                [
                    c + 1,
                    f"{tcms_moment(c):%Y-%m-%d %H:%M:%S.%f}",
                    text,
                    h + 1,
                    reason,
                    kind,
                    TCMS_STEPS,
                    c % 2,
                    TCMS_DURATIONS[c % len(TCMS_DURATIONS)],
                    TCMS_DURATIONS[(c + 3) % len(TCMS_DURATIONS)],
                    f"{tcms_moment(h):%Y-%m-%d %H:%M:%S.%f}",
                ]
                for h, (c, kind, reason, text) in enumerate(history)
            ],
            "django_comments": [
                [
                    k + 1,
                    f"Commentaire sur #{k + 1}: OK 👍\nsecond line",
                    "2026-12-02 10:00:00",
                    k % 4 == 0,
                    str(k + 1),
                ]
                for k in range(live)
            ],
        },
    )


# --- A text annotation tool (doccano: Django on SQLite, its Celery broker in the same file) -----------

ANNOTATION_DDL = (
    'CREATE TABLE "projects_project" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"name" varchar(100) NOT NULL, "description" text NOT NULL, "created_at" datetime NOT NULL, '
    '"project_type" varchar(30) NOT NULL, "random_order" bool NOT NULL)',
    'CREATE TABLE "projects_sequencelabelingproject" ("project_ptr_id" bigint NOT NULL PRIMARY KEY '
    'REFERENCES "projects_project" ("id") DEFERRABLE INITIALLY DEFERRED, "allow_overlapping" bool NOT NULL, '
    '"grapheme_mode" bool NOT NULL, "use_relation" bool NOT NULL)',
    'CREATE TABLE "examples_example" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"uuid" char(32) NOT NULL UNIQUE, "meta" text NOT NULL CHECK ((JSON_VALID("meta") OR "meta" IS NULL)), '
    '"filename" varchar(1024) NOT NULL, "text" text NULL, "created_at" datetime NOT NULL, '
    '"project_id" bigint NOT NULL REFERENCES "projects_project" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"upload_name" varchar(512) NOT NULL, "score" real NOT NULL)',
    'CREATE TABLE "label_types_spantype" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"text" varchar(100) NOT NULL, "suffix_key" varchar(1) NULL, "background_color" varchar(7) NOT NULL, '
    '"project_id" integer NOT NULL REFERENCES "projects_project" ("id") DEFERRABLE INITIALLY DEFERRED, '
    'CONSTRAINT "api_spantype_is_unique" UNIQUE ("project_id", "text"))',
    'CREATE TABLE "labels_span" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "prob" real NOT NULL, '
    '"manual" bool NOT NULL, "start_offset" integer NOT NULL, "end_offset" integer NOT NULL, '
    '"example_id" bigint NOT NULL REFERENCES "examples_example" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"label_id" bigint NOT NULL REFERENCES "label_types_spantype" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"uuid" char(32) NOT NULL UNIQUE, CONSTRAINT "start < end" CHECK ("start_offset" < ("end_offset")))',
    'CREATE TABLE "labels_relation" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"example_id" bigint NOT NULL REFERENCES "examples_example" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"from_id_id" bigint NOT NULL REFERENCES "labels_span" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"to_id_id" bigint NOT NULL REFERENCES "labels_span" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"uuid" char(32) NOT NULL UNIQUE)',
    "CREATE TABLE kombu_queue (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, name VARCHAR(200), "
    "UNIQUE (name))",
    "CREATE TABLE kombu_message (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, visible BOOLEAN, "
    "timestamp DATETIME, payload TEXT NOT NULL, version SMALLINT NOT NULL, queue_id INTEGER, "
    'CONSTRAINT "FK_kombu_message_queue" FOREIGN KEY(queue_id) REFERENCES kombu_queue (id))',
)
#: Each document and the entities annotated in it (a person first, then places), in several scripts;
#: an emoji family (seven code points, one grapheme) and CRLF before an entity shift its offsets.
ANNOTATED = (
    ("Barack Obama was born in Honolulu, Hawaii.", ("Barack Obama", "Honolulu", "Hawaii")),
    ("東京は日本の首都です。王小明は大阪に住んでいる。", ("王小明", "東京", "大阪")),
    ("قال محمد علي إن القاهرة هي عاصمة مصر.", ("محمد علي", "القاهرة", "مصر")),
    ("Family 👨‍👩‍👧‍👦 of Zoë Müller in Zürich", ("Zoë Müller", "Zürich")),
    ("Line one\r\nSøren lives in Aarhus\twith a tab.", ("Søren", "Aarhus")),
)
#: Scores as doccano's ``FloatField`` holds them (REAL): SQLite prints 1e-07 as ``1.0e-07``.
ANNOTATION_SCORES = (100.0, 0.1 + 0.2, 1e-07, 99.99999999999, 87.5)


def annotation_text(e: int, lead: str = "") -> str:
    """Document ``e``; the first one after ``lead`` (blanks a text file imported as it was began with)."""
    return (lead if e == 0 else "") + ANNOTATED[e][0]


def annotation_spans(lead: str = "") -> list[tuple[int, int, int, int]]:
    """``(example, label, start, end)`` of every entity, offsets in code points as doccano counts them;
    label 1 is a person (each document's first entity), 2 a place."""
    return [
        (e, 1 if k == 0 else 2, start, start + len(entity))
        for e, (_, entities) in enumerate(ANNOTATED)
        for k, entity in enumerate(entities)
        for start in [annotation_text(e, lead).index(entity)]
    ]


def annotation_moment(i: int) -> str:
    return (
        f"{datetime(2026, 12, 5, 1, 17, 18) + timedelta(microseconds=601756 + 3301 * i):%Y-%m-%d %H:%M:%S.%f}"
    )


def annotation_tool(path: Path, lead: str = "") -> Path:
    """A text annotation tool's database as doccano writes it (Django on SQLite): a project and its
    sequence-labelling child keyed by ``project_ptr_id`` (multi-table inheritance), documents in several
    scripts with JSON ``meta`` under a ``CHECK (JSON_VALID(...))``, spans as code-point offsets into
    them, relations naming two spans, 32-hex-digit ``uuid`` columns, REAL scores, and the Celery broker
    kombu keeps in the same file through SQLAlchemy (``BOOLEAN``, ``DATETIME``, JSON payloads)."""
    spans = annotation_spans(lead)
    first = {e: next(s for s, span in enumerate(spans) if span[0] == e) for e in range(len(ANNOTATED))}
    payload = json.dumps(
        {
            "body": base64.b64encode(json.dumps([[1, 1, "JSONL"], {}, {}]).encode()).decode(),
            "content-encoding": "utf-8",
            "content-type": "application/json",
            "headers": {"lang": "py", "task": "data_import.celery_tasks.import_dataset"},
        }
    )
    return write_export(
        path,
        ANNOTATION_DDL,
        {
            "projects_project": [
                [1, "NER — multilingue 🌍", "Named entities", annotation_moment(0), "SequenceLabeling", 0]
            ],
            "projects_sequencelabelingproject": [[1, 1, 1, 1]],
            "examples_example": [
                [
                    e + 1,
                    hashlib.md5(f"example:{e}".encode()).hexdigest(),
                    json.dumps({"source": "wiki", "line": e, "big": 2**63 + e}) if e % 2 else "{}",
                    ".",
                    annotation_text(e, lead),
                    annotation_moment(e),
                    1,
                    f"batch_{e // 2}.jsonl",
                    ANNOTATION_SCORES[e],
                ]
                for e in range(len(ANNOTATED))
            ],
            "label_types_spantype": [[1, "PER", "p", "#209cee", 1], [2, "LOC", "l", "#ff00FF", 1]],
            "labels_span": [
                [
                    s + 1,
                    (0.0, 0.987654321, 1.0)[s % 3],
                    s % 2,
                    start,
                    end,
                    e + 1,
                    label,
                    hashlib.md5(f"span:{s}".encode()).hexdigest(),
                ]
                for s, (e, label, start, end) in enumerate(spans)
            ],
            "labels_relation": [
                [e + 1, e + 1, first[e] + 1, first[e] + 2, hashlib.md5(f"relation:{e}".encode()).hexdigest()]
                for e in range(len(ANNOTATED))
            ],
            "kombu_queue": [[1, "celery"]],
            "kombu_message": [[m + 1, m % 2, annotation_moment(m), payload, 2, 1] for m in range(3)],
        },
    )


def padded_annotation_tool(path: Path) -> Path:
    """:func:`annotation_tool` whose first document begins with three blanks, its spans counted after them."""
    return annotation_tool(path, lead="   ")


# --- An IRC bot (Sopel's SopelDB) ----------------------------------------------------------------------

CHAT_BOT_DDL = (
    "CREATE TABLE nick_ids (nick_id INTEGER NOT NULL, PRIMARY KEY (nick_id))",
    'CREATE TABLE channel_values (channel VARCHAR(255) NOT NULL, "key" VARCHAR(255) NOT NULL, '
    'value VARCHAR(255), PRIMARY KEY (channel, "key"))',
    "CREATE TABLE nicknames (nick_id INTEGER NOT NULL, slug VARCHAR(255) NOT NULL, canonical VARCHAR(255), "
    "PRIMARY KEY (nick_id, slug), FOREIGN KEY(nick_id) REFERENCES nick_ids (nick_id))",
    'CREATE TABLE nick_values (nick_id INTEGER NOT NULL, "key" VARCHAR(255) NOT NULL, value VARCHAR(255), '
    'PRIMARY KEY (nick_id, "key"), FOREIGN KEY(nick_id) REFERENCES nick_ids (nick_id))',
)
#: Sopel 6's own DDL: ``STRING`` is no SQLite type name, so its columns have NUMERIC affinity.
CHAT_BOT_LEGACY_DDL = (
    "CREATE TABLE nick_ids (nick_id INTEGER PRIMARY KEY AUTOINCREMENT)",
    "CREATE TABLE nicknames (nick_id INTEGER REFERENCES nick_ids, slug STRING PRIMARY KEY, canonical string)",
    "CREATE TABLE nick_values (nick_id INTEGER REFERENCES nick_ids(nick_id), key STRING, value STRING, "
    "PRIMARY KEY (nick_id, key))",
    "CREATE TABLE channel_values (channel STRING, key STRING, value STRING, PRIMARY KEY (channel, key))",
)
#: (nick_id, slug, canonical): IRC's case folding of the nick, and the nick as first seen; aliases
#: share their group's id.
CHAT_BOT_NICKS = (
    (1, "alice", "Alice"),
    (2, "bob", "bob"),
    (3, "ωmega", "Ωmega"),
    (4, "{weird}nick", "[Weird]Nick"),
    (5, "ナル", "ナル"),
    (1, "zoë`", "Zoë`"),
    (7, "café_user", "café_user"),
    (9, "0042", "0042"),
    (10, "null", "NULL"),
    (1, "alice_", "Alice_"),
    (2, "bobby", "Bobby"),
)
#: (nick_id, key, value) as a plugin sets it; the bot stores ``json.dumps(value, ensure_ascii=False)``.
CHAT_BOT_NICK_VALUES: tuple[tuple[int, str, object], ...] = (
    (1, "seen_timestamp", 1796433431.7247171),
    (1, "seen_message", "  hello  wörld 👋 "),
    (2, "karma", 44),
    (2, "weather_location", {"lat": 52.52, "lon": 13.405, "name": "Berlin, 東京"}),
    (3, "tells", [{"from": "Alice", "msg": "ping\u00a0pong", "at": "2024-03-31T02:30:00+02:00"}]),
    (5, "birthday", "2000-02-29"),
    (7, "flag", True),
    (9, "zip", "01234"),
    (10, "empty", ""),
    (10, "big", 2**63 + 5),
    (1, "score", 3.14159265358979),
    (2, "away", None),
)
#: (channel, key, value), stored as the nicks' are.
CHAT_BOT_CHANNEL_VALUES: tuple[tuple[str, str, object], ...] = (
    ("#sopel", "topic_mask", "Welcome to %s — be nice"),
    ("#sopel-dev", "last_seen", "2024-01-02T03:04:05"),
    ("#日本語", "rate", 0.1),
    ("&local", "ops", ["Alice", "bob"]),
    ("#x", "count", -7),
)


def chat_bot(path: Path, legacy: bool = False) -> Path:
    """An IRC bot's database as Sopel's ``SopelDB`` writes it: Sopel 8's DDL, or Sopel 6's (``legacy``)
    whose ``STRING`` columns' NUMERIC affinity stores number-like text as INTEGER or REAL."""
    rows: dict[str, list[tuple[object, ...]]] = {
        # Every id ever given: 6 merged into 1's group and 8 forgotten keep their row.
        "nick_ids": [(nick_id,) for nick_id in range(1, 11)],
        "nicknames": list(CHAT_BOT_NICKS),
        "nick_values": [(n, k, json.dumps(v, ensure_ascii=False)) for n, k, v in CHAT_BOT_NICK_VALUES],
        "channel_values": [(c, k, json.dumps(v, ensure_ascii=False)) for c, k, v in CHAT_BOT_CHANNEL_VALUES],
    }
    return write_export(path, CHAT_BOT_LEGACY_DDL if legacy else CHAT_BOT_DDL, rows)


def chat_bot_legacy(path: Path) -> Path:
    """:func:`chat_bot` with Sopel 6's DDL."""
    return chat_bot(path, legacy=True)


# --- A TV-show downloader (SickChill's sickchill.db) ----------------------------------------------------

MEDIA_DDL = (
    "CREATE TABLE db_version(db_version INTEGER, db_minor_version INTEGER)",
    "CREATE TABLE history(action NUMERIC, date NUMERIC, showid NUMERIC, season NUMERIC, episode NUMERIC, "
    "quality NUMERIC, resource TEXT, provider TEXT, version NUMERIC DEFAULT -1)",
    "CREATE TABLE info(last_backlog NUMERIC, last_indexer NUMERIC, last_proper_search NUMERIC)",
    "CREATE TABLE tv_shows(show_id INTEGER PRIMARY KEY, indexer_id NUMERIC, indexer NUMERIC, "
    "show_name TEXT, location TEXT, network TEXT, genre TEXT, classification TEXT, runtime NUMERIC, "
    "quality NUMERIC, airs TEXT, status TEXT, flatten_folders NUMERIC, paused NUMERIC, startyear NUMERIC, "
    "air_by_date NUMERIC, lang TEXT, subtitles NUMERIC, notify_list TEXT, imdb_id TEXT, "
    "last_update_indexer NUMERIC, dvdorder NUMERIC, archive_firstmatch NUMERIC, rls_require_words TEXT, "
    "rls_ignore_words TEXT, sports NUMERIC, anime NUMERIC, scene NUMERIC, "
    "default_ep_status NUMERIC DEFAULT -1, sub_use_sr_metadata NUMERIC DEFAULT 0, rls_prefer_words TEXT, "
    "custom_name TEXT)",
    "CREATE TABLE tv_episodes(episode_id INTEGER PRIMARY KEY, showid NUMERIC, indexerid NUMERIC, "
    "indexer TEXT, name TEXT, season NUMERIC, episode NUMERIC, description TEXT, airdate NUMERIC, "
    "hasnfo NUMERIC, hastbn NUMERIC, status NUMERIC, location TEXT, file_size NUMERIC, release_name TEXT, "
    "subtitles TEXT, subtitles_searchcount NUMERIC, subtitles_lastsearch TIMESTAMP, is_proper NUMERIC, "
    "scene_season NUMERIC, scene_episode NUMERIC, absolute_number NUMERIC, scene_absolute_number NUMERIC, "
    "version NUMERIC DEFAULT -1, release_group TEXT)",
    "CREATE UNIQUE INDEX idx_indexer_id ON tv_shows(indexer_id)",
)
#: (indexer id, name, network, genres joined by '|', air time): '' where the indexer gave none.
MEDIA_SHOWS = (
    (73739, "Lost", "ABC (US)", "Drama|Mystery", "Thursday 9:00 PM"),
    (81189, "Breaking Bad", "AMC", "Crime", "Sunday 10:00 PM"),
    (12345, "進撃の巨人", "MBS", "Animation|Action", ""),
    (99999, "Ünïcødé Show: Ω & Co.", None, "", ""),
)
#: SickChill's quality bit masks (``Quality.HDTV``, ``HDWEBDL``, ``FULLHDBLURAY``) and the status an
#: episode's quality composes with (``Quality.compositeStatus``: status + 100 * quality).
MEDIA_HDTV, MEDIA_HDWEBDL, MEDIA_BLURAY = 4, 32, 256
MEDIA_DOWNLOADED, MEDIA_SNATCHED, MEDIA_WANTED = 4, 2, 3


def media_airdate(i: int) -> date:
    return date(2004, 9, 22) + timedelta(days=7 * i)


def media_moment(i: int) -> datetime:
    """History row ``i``'s moment, the server's wall clock, as SickChill writes it (``%Y%m%d%H%M%S``)."""
    return datetime(2026, 12, 5, 1, 35, 17) + timedelta(hours=5 * i, seconds=i)


def media_automation(path: Path, episodes: int = 6) -> Path:
    """A TV-show downloader's ``sickchill.db`` as SickChill writes it (see the module's list)."""
    con = sqlite3.connect(path)
    with con:
        for statement in MEDIA_DDL:
            con.execute(statement)
        con.execute("INSERT INTO db_version VALUES (44, 5)")
        for n, (indexer_id, name, network, genre, airs) in enumerate(MEDIA_SHOWS):
            _insert(
                con,
                "tv_shows",
                {
                    "indexer_id": indexer_id,
                    "indexer": 2 if n == 2 else 1,
                    "show_name": name,
                    "location": f"/tv/{name}",
                    "network": network,
                    "genre": genre,
                    "classification": "Scripted",
                    "runtime": 24 if n == 2 else 45,
                    "quality": (MEDIA_HDTV | MEDIA_HDWEBDL) | (MEDIA_BLURAY << 16),
                    "airs": airs,
                    "status": ("Ended", "Ended", "Continuing", "Unknown")[n],
                    "flatten_folders": 1,
                    "paused": 0,
                    "startyear": (2004, 2008, 2013, 0)[n],
                    "air_by_date": 0,
                    "lang": ("en", "en", "ja", "de")[n],
                    "subtitles": 0,
                    "imdb_id": "tt0411008" if n == 0 else "",
                    "last_update_indexer": date(2024, 1, 2).toordinal(),
                    "dvdorder": 0,
                    "rls_require_words": "",
                    "rls_ignore_words": "german,ita" if n == 0 else "",
                    "sports": 0,
                    "anime": int(n == 2),
                    "scene": 0,
                    "default_ep_status": 5,
                    "sub_use_sr_metadata": 0,
                    "rls_prefer_words": "",
                    "custom_name": "",
                },
            )
        for i in range(episodes):
            downloaded = i % 3 == 0
            status = MEDIA_DOWNLOADED + 100 * MEDIA_HDTV if downloaded else MEDIA_WANTED
            _insert(
                con,
                "tv_episodes",
                {
                    "showid": 73739,
                    "indexerid": 7373900 + i + 1,
                    "indexer": "1",
                    "name": f"Episode {i + 1}",
                    "season": 1,
                    "episode": i + 1,
                    "description": f"Episode {i + 1} of the first season.",
                    "subtitles": "en,pt-BR" if downloaded else "",
                    "subtitles_searchcount": 0,
                    "subtitles_lastsearch": str(datetime.min),
                    "airdate": media_airdate(i).toordinal(),
                    "hasnfo": 0,
                    "hastbn": 0,
                    "status": status,
                    "location": f"/tv/Lost/Lost.S01E{i + 1:02d}.mkv" if downloaded else "",
                    "file_size": 1_234_567_890 * (i + 1) if downloaded else 0,
                    "release_name": f"Lost.S01E{i + 1:02d}.720p.HDTV.x264-GRP" if downloaded else "",
                    "is_proper": 0,
                    "absolute_number": 0,
                    "version": -1,
                    "release_group": "GRP" if downloaded else "",
                },
            )
        for i in range(episodes):
            _insert(
                con,
                "history",
                {
                    "action": MEDIA_SNATCHED + 100 * MEDIA_HDTV,
                    # Text, as SickChill binds it: the NUMERIC affinity stores a 14-digit INTEGER.
                    "date": media_moment(i).strftime("%Y%m%d%H%M%S"),
                    "showid": 73739,
                    "season": 1,
                    "episode": i + 1,
                    "quality": MEDIA_HDTV,
                    "resource": f"Lost.S01E{i + 1:02d}.720p.HDTV.x264-GRP",
                    "provider": "RARBG",
                    "version": -1,
                },
            )
    con.close()
    return path


# --- A shop (django-oscar) -------------------------------------------------------------------------

SHOP_DDL = (
    'CREATE TABLE "partner_partner" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"code" varchar(128) NOT NULL UNIQUE, "name" varchar(128) NOT NULL)',
    'CREATE TABLE "partner_stockrecord" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"partner_sku" varchar(128) NOT NULL, "price" decimal NULL, "num_in_stock" integer unsigned NULL '
    'CHECK ("num_in_stock" >= 0), "date_created" datetime NOT NULL, "partner_id" integer NOT NULL '
    'REFERENCES "partner_partner" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"price_currency" varchar(12) NOT NULL)',
    'CREATE TABLE "order_order" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "number" varchar(128) '
    'NOT NULL UNIQUE, "currency" varchar(12) NOT NULL, "total_incl_tax" decimal NOT NULL, '
    '"total_excl_tax" decimal NOT NULL, "shipping_incl_tax" decimal NOT NULL, '
    '"date_placed" datetime NOT NULL)',
    'CREATE TABLE "order_line" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "quantity" integer unsigned '
    'NOT NULL CHECK ("quantity" >= 0), "line_price_incl_tax" decimal NOT NULL, "unit_price_excl_tax" decimal '
    'NULL, "order_id" integer NOT NULL REFERENCES "order_order" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"stockrecord_id" integer NULL REFERENCES "partner_stockrecord" ("id") DEFERRABLE INITIALLY DEFERRED)',
    'CREATE TABLE "order_surcharge" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(128) '
    'NOT NULL, "incl_tax" decimal NOT NULL, "excl_tax" decimal NOT NULL, "order_id" integer NOT NULL '
    'REFERENCES "order_order" ("id") DEFERRABLE INITIALLY DEFERRED)',
    'CREATE TABLE "analytics_userrecord" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"num_orders" integer unsigned NOT NULL, "total_spent" decimal NOT NULL, '
    '"date_last_order" datetime NULL)',
)
#: The prices the shop's stock records were given, as the Decimals the shop wrote (None: no price).
SHOP_PRICES = ("0.10", "19.99", "1000000.00", "0.005", "4.50", "12.00", "1234.56", "3.333", None, "0.01")
#: A customer's orders' totals, each the Decimal the shop wrote.
SHOP_TOTALS = ("1000029.19", "30.23", "6.00", "3704.97", "0.10", "999995.00")
SHOP_TAX = Decimal("1.19")


def shop_moment(i: int) -> str:
    """Row ``i``'s moment as Django writes a ``DateTimeField`` on SQLite under ``USE_TZ``: naive UTC."""
    return str(datetime(2026, 12, 5, 2, 13, 44, 123456) + timedelta(minutes=17 * i, microseconds=i))


def shop_line_price(i: int) -> Decimal:
    """Order line ``i``'s price including tax: its stock record's price times its quantity."""
    return Decimal(SHOP_PRICES[i % 8] or "0") * (1 + i % 3)


def online_shop(path: Path, lines: int = 12) -> Path:
    """A shop's database as django-oscar writes it (see the module's list)."""
    rows: dict[str, list[Sequence[Any]]] = {
        "partner_partner": [(1, "acme", "Acme GmbH"), (2, "unicode", "Ünïcode Ltd")],
        "partner_stockrecord": [
            (i + 1, f"SKU-{i:04d}", price, 1000 + i if i % 4 else None, shop_moment(i), 1 + i % 2, "EUR")
            for i, price in enumerate(SHOP_PRICES)
        ],
        "order_order": [
            (
                n + 1,
                f"1000{n:03d}",
                "EUR",
                total,
                str(Decimal(total) / SHOP_TAX),
                "0.00" if n % 2 else "5.89",
                shop_moment(n),
            )
            for n, total in enumerate(SHOP_TOTALS)
        ],
        "order_line": [
            (
                i + 1,
                1 + i % 3,
                str(shop_line_price(i)),
                str(shop_line_price(i) / SHOP_TAX) if i % 5 else None,
                1 + i % len(SHOP_TOTALS),
                1 + i % 8,
            )
            for i in range(lines)
        ],
        "order_surcharge": [],
        "analytics_userrecord": [(1, 0, "0.00", None), (2, 0, "0.00", None)],
    }
    write_export(path, SHOP_DDL, rows)
    con = sqlite3.connect(path)
    with con:
        for n, total in enumerate(SHOP_TOTALS):
            # Oscar's analytics receiver: UPDATE ... SET total_spent = total_spent + %s (Django's F()).
            con.execute(
                'UPDATE "analytics_userrecord" SET "num_orders" = "num_orders" + 1, '
                '"total_spent" = ("total_spent" + ?), "date_last_order" = ? WHERE "id" = ?',
                (total, shop_moment(n), 1 + n % 2),
            )
    con.close()
    return path


# --- A mailing list server (GNU Mailman 3) -----------------------------------------------------------

#: Mailman 3.3's own DDL (SQLAlchemy on ``sqlite:///var/data/mailman.db``, as ``mailman info`` creates
#: it); ``mailinglist`` keeps one column of each kind of its hundred.
MAILMAN_DDL = (
    "CREATE TABLE domain (\n\tid INTEGER NOT NULL, \n\tmail_host VARCHAR, \n\tdescription VARCHAR, \n\t"
    "alias_domain VARCHAR, \n\tbase_url VARCHAR, \n\tPRIMARY KEY (id), \n\tUNIQUE (mail_host)\n)",
    "CREATE TABLE mailinglist (\n\tid INTEGER NOT NULL, \n\tlist_name VARCHAR, \n\tmail_host VARCHAR, \n\t"
    "list_id VARCHAR, \n\tallow_list_posts BOOLEAN, \n\tcreated_at DATETIME, \n\tdigest_last_sent_at "
    "DATETIME, \n\taccept_these_nonmembers BLOB, \n\tautoresponse_grace_period DATETIME, \n\t"
    "bounce_info_stale_after DATETIME, \n\tdefault_member_action INTEGER, \n\tdescription VARCHAR, \n\t"
    "digest_size_threshold FLOAT, \n\tmoderator_password BLOB, \n\tdisplay_name VARCHAR, \n\t"
    "subject_prefix VARCHAR, \n\ttopics BLOB, \n\tPRIMARY KEY (id)\n)",
    "CREATE TABLE preferences (\n\tid INTEGER NOT NULL, \n\tacknowledge_posts BOOLEAN, \n\thide_address "
    "BOOLEAN, \n\tpreferred_language VARCHAR, \n\treceive_list_copy BOOLEAN, \n\treceive_own_postings "
    "BOOLEAN, \n\tdelivery_mode INTEGER, \n\tdelivery_status INTEGER, \n\tPRIMARY KEY (id)\n)",
    "CREATE TABLE user (\n\tid INTEGER NOT NULL, \n\tdisplay_name VARCHAR, \n\tpassword VARCHAR, \n\t"
    "_user_id CHAR(32), \n\t_created_on DATETIME, \n\tis_server_owner BOOLEAN, \n\t_preferred_address_id "
    "INTEGER, \n\tpreferences_id INTEGER, \n\tPRIMARY KEY (id), \n\tCONSTRAINT _preferred_address FOREIGN "
    "KEY(_preferred_address_id) REFERENCES address (id) ON DELETE SET NULL, \n\tFOREIGN KEY(preferences_id) "
    "REFERENCES preferences (id)\n)",
    "CREATE TABLE address (\n\tid INTEGER NOT NULL, \n\temail VARCHAR, \n\t_original VARCHAR, \n\t"
    "display_name VARCHAR, \n\tverified_on DATETIME, \n\tregistered_on DATETIME, \n\tuser_id INTEGER, \n\t"
    "preferences_id INTEGER, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(user_id) REFERENCES user (id), \n\t"
    "FOREIGN KEY(preferences_id) REFERENCES preferences (id)\n)",
    "CREATE TABLE member (\n\tid INTEGER NOT NULL, \n\t_member_id CHAR(32), \n\trole INTEGER, \n\tlist_id "
    "VARCHAR, \n\tmoderation_action INTEGER, \n\taddress_id INTEGER, \n\tpreferences_id INTEGER, \n\t"
    "user_id INTEGER, \n\tbounce_score INTEGER, \n\tlast_bounce_received DATETIME, \n\tlast_warning_sent "
    "DATETIME, \n\ttotal_warnings_sent INTEGER, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(address_id) "
    "REFERENCES address (id), \n\tFOREIGN KEY(preferences_id) REFERENCES preferences (id), \n\t"
    "FOREIGN KEY(user_id) REFERENCES user (id)\n)",
    "CREATE TABLE bounceevent (\n\tid INTEGER NOT NULL, \n\tlist_id VARCHAR, \n\temail VARCHAR, \n\t"
    "timestamp DATETIME, \n\tmessage_id VARCHAR, \n\tcontext INTEGER, \n\tprocessed BOOLEAN, \n\t"
    "PRIMARY KEY (id)\n)",
    "CREATE TABLE pended (\n\tid INTEGER NOT NULL, \n\ttoken VARCHAR, \n\texpiration_date DATETIME, \n\t"
    "PRIMARY KEY (id)\n)",
    'CREATE TABLE pendedkeyvalue (\n\tid INTEGER NOT NULL, \n\t"key" VARCHAR, \n\tvalue VARCHAR, \n\t'
    "pended_id INTEGER, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(pended_id) REFERENCES pended (id)\n)",
)
MAILMAN_LISTS = ("dev", "users", "announce")
#: SQLAlchemy's ``Interval`` on SQLite: the ``timedelta`` added to 1970-01-01, stored as a DATETIME.
MAILMAN_EPOCH = datetime(1970, 1, 1)
MAILMAN_NAMES = ("Zoë Ångström", "", "李小龍", "Ola\u00a0Nordmann", "O'Brien 🎉", "José Núñez")


def mailman_text(moment: datetime) -> str:
    """A moment as SQLAlchemy's ``DATETIME`` writes it on SQLite: six fraction digits, four of the year
    (``0001-01-01 00:00:00.000000``)."""
    return moment.isoformat(" ", "microseconds")


def mailman_moment(i: int) -> datetime:
    """Row ``i``'s moment as Mailman writes it (``now()``: naive UTC, microseconds)."""
    return datetime(2026, 12, 5, 3, 36, 19, 400358) + timedelta(minutes=7 * i, microseconds=137 * i)


def mailman_grace(i: int) -> timedelta:
    """List ``i``'s ``autoresponse_grace_period`` (90 days, an hour, a day and a second)."""
    return (timedelta(days=90), timedelta(hours=1), timedelta(days=1, seconds=1))[i]


def mailman_nonmembers(i: int) -> bytes:
    """List ``i``'s ``accept_these_nonmembers``: a pickled list (SQLAlchemy's ``PickleType``)."""
    return pickle.dumps([r"^.*@example\.org$", "ünï@x.com"][: 2 - i % 3], protocol=5)


def mailman_user_id(i: int) -> str:
    """User ``i``'s uuid as 32 hex digits (``uuid4().hex``): every fourth starts with zeros or is all
    digits but one."""
    digest = hashlib.md5(f"user {i}".encode()).hexdigest()
    return ("00" + digest[2:], "1" * 31 + "a", digest, digest)[i % 4]


def mailman_warning(i: int) -> datetime:
    """Member ``i``'s ``last_warning_sent``: ``datetime.min`` (never warned) but every fourth."""
    return datetime(2019, 1, 1) + timedelta(minutes=77 * i) if i % 4 == 0 else datetime.min


def mailman_server(path: Path, users: int = 24) -> Path:
    """A mailing list server's ``mailman.db`` after its lists, users, subscriptions, bounces and held
    messages (see the module's list)."""
    lists = len(MAILMAN_LISTS)
    rows: dict[str, list[Sequence[Any]]] = {
        "domain": [(1, "example.com", "Exämple domain — ✉", None, None)],
        "mailinglist": [
            (
                i + 1,
                name,
                "example.com",
                f"{name}.example.com",
                int(i != 2),
                mailman_text(mailman_moment(i)),
                None if i % 2 else mailman_text(datetime(2025, 1, 1)),
                mailman_nonmembers(i),
                mailman_text(MAILMAN_EPOCH + mailman_grace(i)),
                mailman_text(MAILMAN_EPOCH + timedelta(days=7)),
                (4, 1, 2)[i],
                ("", "Üsers 🌍 " + "long " * 100 + "end", "Ann 📢")[i],
                (30.0, 0.5, 12.25)[i],
                b"$6$rounds=656000$salt$hash" if i == 1 else None,
                ("Dev", "Üsers 🌍", "Announce\u00a0list")[i],
                f"[{('Dev', 'Üsers 🌍', 'Announce list')[i]}] ",  # Mailman's default ends in a blank
                pickle.dumps([], protocol=5),
            )
            for i, name in enumerate(MAILMAN_LISTS)
        ],
        # Preferences: a user's (1..users), an address's (users + 1..), a member's (2 users + 1..).
        "preferences": [
            (
                p + 1,
                None if p % 5 else p % 2,
                None if p % 7 else 0,
                None if p < 2 * users else ("en", "fr", "de")[p % 3],
                None,
                None,
                None if p < 2 * users else p % 3,
                None if p < 2 * users else 1 + (p % 7 == 0),
            )
            for p in range(3 * users)
        ],
        "user": [
            (
                u + 1,
                MAILMAN_NAMES[u % len(MAILMAN_NAMES)],
                f"$6$rounds=656000$xxxx{u}" if u % 5 == 0 else None,
                mailman_user_id(u),
                mailman_text(mailman_moment(u)),
                int(u == 0),
                u + 1 if u % 8 == 0 else None,
                u + 1,
            )
            for u in range(users)
        ],
        "address": [
            (
                u + 1,
                f"user{u:04d}@example.com".lower(),
                f"User{u:04d}@Example.com" if u % 11 == 0 else None,
                MAILMAN_NAMES[u % len(MAILMAN_NAMES)],
                mailman_text(datetime(2020, 2, 29, 23, 59, 59, 999999) - timedelta(hours=u))
                if u % 8 == 0
                else None,
                mailman_text(mailman_moment(u)),
                u + 1,
                users + u + 1,
            )
            for u in range(users)
        ],
        "member": [
            (
                u + 1,
                hashlib.md5(f"member {u}".encode()).hexdigest(),
                (1, 2, 3, 4)[u % 4] if u % 3 == 0 else 1,
                f"{MAILMAN_LISTS[u % lists]}.example.com",
                None if u % 6 else 1,
                u + 1,
                2 * users + u + 1,
                None,
                u % 9 if u % 4 == 0 else 0,
                mailman_text(mailman_moment(u) - timedelta(days=u)) if u % 4 == 0 else None,
                mailman_text(mailman_warning(u)),
                u % 3 if u % 4 == 0 else 0,
            )
            for u in range(users)
        ],
        "bounceevent": [
            (
                b + 1,
                f"{MAILMAN_LISTS[b % lists]}.example.com",
                f"user{5 * b:04d}@example.com",
                mailman_text(mailman_moment(5 * b)),
                f"<msg{5 * b}.{155 * b}@example.com>",
                1 + b % 2,  # BounceContext.normal, .probe
                0,
            )
            for b in range(6)
        ],
        "pended": [
            (
                k + 1,
                hashlib.sha1(f"pended {k}".encode()).hexdigest(),
                mailman_text(mailman_moment(k) + timedelta(days=180)),
            )
            for k in range(4)
        ],
        # Each pended value JSON text: ``"..."`` strings, pickles as escaped JSON strings.
        "pendedkeyvalue": [
            (
                3 * k + n + 1,
                ("type", "_mod_subject", "_pck_k")[n],
                ("data", json.dumps(f"Test {k} — ünï"), json.dumps(pickle.dumps(k, 4).decode("latin-1")))[n],
                k + 1,
            )
            for k in range(4)
            for n in range(3)
        ],
    }
    return write_export(path, MAILMAN_DDL, rows, bytes_as_text=False)


# --- A continuous integration server (Buildbot) ------------------------------------------------------

#: Buildbot 4.3's own DDL of its ``state.sqlite`` (SQLAlchemy, as ``buildbot create-master`` makes it),
#: the tables of builds, their steps and logs, changes and properties.
BUILDBOT_DDL = (
    (
        "CREATE TABLE masters (\n\tid INTEGER NOT NULL, \n\tname TEXT NOT NULL, \n\tname_hash VARCHAR(4"
        "0) NOT NULL, \n\tactive INTEGER NOT NULL, \n\tlast_active INTEGER NOT NULL, \n\tPRIMARY KEY (i"
        "d)\n)"
    ),
    (
        "CREATE TABLE workers (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(50) NOT NULL, \n\tinfo TEXT NO"
        "T NULL, \n\tpaused SMALLINT DEFAULT '0' NOT NULL, \n\tpause_reason TEXT, \n\tgraceful SMALLINT"
        " DEFAULT '0' NOT NULL, \n\tPRIMARY KEY (id)\n)"
    ),
    (
        "CREATE TABLE builders (\n\tid INTEGER NOT NULL, \n\tname TEXT NOT NULL, \n\tdescription TEXT, "
        "\n\tdescription_format TEXT, \n\tdescription_html TEXT, \n\tprojectid INTEGER, \n\tname_hash VAR"
        "CHAR(40) NOT NULL, \n\tPRIMARY KEY (id), \n\tCONSTRAINT fk_builders_projectid FOREIGN KEY(pr"
        "ojectid) REFERENCES projects (id) ON DELETE SET NULL\n)"
    ),
    (
        "CREATE TABLE sourcestamps (\n\tid INTEGER NOT NULL, \n\tss_hash VARCHAR(40) NOT NULL, \n\tbran"
        "ch VARCHAR(256), \n\trevision VARCHAR(256), \n\tpatchid INTEGER, \n\trepository VARCHAR(512) D"
        "EFAULT '' NOT NULL, \n\tcodebase VARCHAR(256) DEFAULT '' NOT NULL, \n\tproject VARCHAR(512) "
        "DEFAULT '' NOT NULL, \n\tcreated_at INTEGER NOT NULL, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(pa"
        "tchid) REFERENCES patches (id) ON DELETE CASCADE\n)"
    ),
    (
        "CREATE TABLE buildsets (\n\tid INTEGER NOT NULL, \n\texternal_idstring VARCHAR(256), \n\treaso"
        "n VARCHAR(256), \n\tsubmitted_at INTEGER NOT NULL, \n\tcomplete SMALLINT DEFAULT '0' NOT NUL"
        "L, \n\tcomplete_at INTEGER, \n\tresults SMALLINT, \n\tparent_buildid INTEGER, \n\tparent_relatio"
        "nship TEXT, \n\trebuilt_buildid INTEGER, \n\tPRIMARY KEY (id), \n\tCONSTRAINT parent_buildid F"
        "OREIGN KEY(parent_buildid) REFERENCES builds (id) ON DELETE SET NULL, \n\tCONSTRAINT rebui"
        "lt_buildid FOREIGN KEY(rebuilt_buildid) REFERENCES builds (id) ON DELETE SET NULL\n)"
    ),
    (
        "CREATE TABLE buildrequests (\n\tid INTEGER NOT NULL, \n\tbuildsetid INTEGER NOT NULL, \n\tbuil"
        "derid INTEGER NOT NULL, \n\tpriority INTEGER DEFAULT '0' NOT NULL, \n\tcomplete INTEGER DEFA"
        "ULT '0', \n\tresults SMALLINT, \n\tsubmitted_at INTEGER NOT NULL, \n\tcomplete_at INTEGER, \n\tw"
        "aited_for SMALLINT DEFAULT '0', \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(buildsetid) REFERENCES"
        " buildsets (id) ON DELETE CASCADE, \n\tFOREIGN KEY(builderid) REFERENCES builders (id) ON "
        "DELETE CASCADE\n)"
    ),
    (
        "CREATE TABLE builds (\n\tid INTEGER NOT NULL, \n\tnumber INTEGER NOT NULL, \n\tbuilderid INTEG"
        "ER NOT NULL, \n\tbuildrequestid INTEGER NOT NULL, \n\tworkerid INTEGER, \n\tmasterid INTEGER N"
        "OT NULL, \n\tstarted_at INTEGER NOT NULL, \n\tcomplete_at INTEGER, \n\tlocks_duration_s INTEGE"
        "R NOT NULL, \n\tstate_string TEXT NOT NULL, \n\tresults INTEGER, \n\tPRIMARY KEY (id), \n\tFOREI"
        "GN KEY(builderid) REFERENCES builders (id) ON DELETE CASCADE, \n\tCONSTRAINT buildrequesti"
        "d FOREIGN KEY(buildrequestid) REFERENCES buildrequests (id) ON DELETE CASCADE, \n\tFOREIGN"
        " KEY(workerid) REFERENCES workers (id) ON DELETE SET NULL, \n\tFOREIGN KEY(masterid) REFER"
        "ENCES masters (id) ON DELETE CASCADE\n)"
    ),
    (
        "CREATE TABLE steps (\n\tid INTEGER NOT NULL, \n\tnumber INTEGER NOT NULL, \n\tname VARCHAR(50)"
        " NOT NULL, \n\tbuildid INTEGER NOT NULL, \n\tstarted_at INTEGER, \n\tlocks_acquired_at INTEGER"
        ", \n\tcomplete_at INTEGER, \n\tstate_string TEXT NOT NULL, \n\tresults INTEGER, \n\turls_json TE"
        "XT NOT NULL, \n\thidden SMALLINT DEFAULT '0' NOT NULL, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(b"
        "uildid) REFERENCES builds (id) ON DELETE CASCADE\n)"
    ),
    (
        "CREATE TABLE logs (\n\tid INTEGER NOT NULL, \n\tname TEXT NOT NULL, \n\tslug VARCHAR(50) NOT N"
        "ULL, \n\tstepid INTEGER NOT NULL, \n\tcomplete SMALLINT NOT NULL, \n\tnum_lines INTEGER NOT NU"
        "LL, \n\ttype VARCHAR(1) NOT NULL, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(stepid) REFERENCES ste"
        "ps (id) ON DELETE CASCADE\n)"
    ),
    (
        "CREATE TABLE logchunks (\n\tlogid INTEGER NOT NULL, \n\tfirst_line INTEGER NOT NULL, \n\tlast_"
        "line INTEGER NOT NULL, \n\tcontent BLOB, \n\tcompressed SMALLINT NOT NULL, \n\tFOREIGN KEY(log"
        "id) REFERENCES logs (id) ON DELETE CASCADE\n)"
    ),
    (
        "CREATE TABLE changes (\n\tchangeid INTEGER NOT NULL, \n\tauthor VARCHAR(255) NOT NULL, \n\tcom"
        "mitter VARCHAR(255), \n\tcomments TEXT NOT NULL, \n\tbranch VARCHAR(255), \n\trevision VARCHAR"
        "(255), \n\trevlink VARCHAR(256), \n\twhen_timestamp INTEGER NOT NULL, \n\tcategory VARCHAR(255"
        "), \n\trepository VARCHAR(512) DEFAULT '' NOT NULL, \n\tcodebase VARCHAR(256) DEFAULT '' NOT"
        " NULL, \n\tproject VARCHAR(512) DEFAULT '' NOT NULL, \n\tsourcestampid INTEGER NOT NULL, \n\tp"
        "arent_changeids INTEGER, \n\tPRIMARY KEY (changeid), \n\tFOREIGN KEY(sourcestampid) REFERENC"
        "ES sourcestamps (id) ON DELETE CASCADE, \n\tFOREIGN KEY(parent_changeids) REFERENCES chang"
        "es (changeid) ON DELETE SET NULL\n)"
    ),
    (
        "CREATE TABLE build_properties (\n\tbuildid INTEGER NOT NULL, \n\tname VARCHAR(256) NOT NULL,"
        " \n\tvalue TEXT NOT NULL, \n\tsource VARCHAR(256) NOT NULL, \n\tFOREIGN KEY(buildid) REFERENCE"
        "S builds (id) ON DELETE CASCADE\n)"
    ),
)
#: The master's clock when the first build started (epoch seconds, as Buildbot stores every moment).
BUILDBOT_START = 1_796_442_458
BUILDBOT_BUILDS = 10
#: Each build's steps, in order.
BUILDBOT_STEPS = ("worker_preparation", "compile ünï", "test 🧪")


def buildbot_started(build: int) -> int:
    """Build ``build``'s start (0-based), epoch seconds."""
    return BUILDBOT_START + 61 * build


def buildbot_complete(build: int) -> int | None:
    """Its end: a few seconds later, None for the last build, still running."""
    return None if build == BUILDBOT_BUILDS - 1 else buildbot_started(build) + 3 + build % 4


def buildbot_log(log: int) -> bytes:
    """Log ``log``'s lines (0-based) as Buildbot stores them: each prefixed by its channel (``h`` a
    header, ``o`` stdout, ``e`` stderr), ending in a newline; long ones hundreds of lines."""
    count = 300 if log % 3 == 2 else 2 + log % 3
    lines = [f"hsh -c 'make test' in dir /work/wörker-1/build {log}"]
    lines += [f"{'oe'[n % 7 == 6]}line {n:05d} — ünïcode\u00a0nbsp 🌍\r" for n in range(count)]
    return ("\n".join(lines) + "\n").encode()


def buildbot_chunks(log: int) -> list[tuple[int, int, bytes, int]]:
    """Log ``log``'s chunks: ``(first_line, last_line, content, compressed)``. A chunk longer than
    the master's ``logCompressionLimit`` is zlib-compressed (``gz``: 1), a short one raw (0); the
    first log is two chunks."""
    text = buildbot_log(log)
    lines = text.splitlines(keepends=True)
    cut = [(0, len(lines))] if log else [(0, 1), (1, len(lines))]
    chunks = []
    for first, end in cut:
        part = b"".join(lines[first:end])
        packed = len(part) > 1024
        chunks.append((first, end - 1, zlib.compress(part, 9) if packed else part, int(packed)))
    return chunks


def buildbot_revision(change: int) -> str:
    """Change ``change``'s revision: 40 hex digits, the first ones all digits with leading zeros."""
    return f"{change * 7919 + 1:040x}"


def buildbot_properties(build: int) -> list[tuple[str, str, str]]:
    """Build ``build``'s properties ``(name, value, source)``, each value ``json.dumps`` of it
    (``ensure_ascii``): numbers, strings escaped, a property set to None as ``null``."""
    return [
        ("buildnumber", json.dumps(build + 1), "Build"),
        ("workername", json.dumps("wörker-1"), "Worker"),
        ("branch", json.dumps(None if build % 2 else "main"), "Build"),
        ("build_code", json.dumps(f"{build:04d}"), "SetPropertyFromCommand"),
        ("owners", json.dumps(["Zoë <zoe@example.com>"]), "Force Build Form"),
    ]


def buildbot_master(path: Path, changes: int = 6) -> Path:
    """A Buildbot master's ``state.sqlite`` after ``BUILDBOT_BUILDS`` builds and ``changes`` changes
    (see the module's list)."""
    builds = BUILDBOT_BUILDS
    steps = len(BUILDBOT_STEPS)
    rows: dict[str, list[Sequence[Any]]] = {
        "masters": [(1, "vm:/srv/bb", hashlib.sha1(b"vm:/srv/bb").hexdigest(), 0, BUILDBOT_START + 900)],
        "workers": [(1, "wörker-1", json.dumps({"admin": None, "version": "4.3.0"}), 0, None, 0)],
        "builders": [
            (1, "docs 📚", None, None, None, None, hashlib.sha1("docs 📚".encode()).hexdigest()),
            (2, "runtests", "Runs the tests — ✓", None, None, None, hashlib.sha1(b"runtests").hexdigest()),
        ],
        "sourcestamps": [
            (
                s + 1,
                hashlib.sha1(f"ss {s}".encode()).hexdigest(),
                None if s == 0 else "main",
                None if s == 0 else buildbot_revision(s - 1),
                None,
                "" if s == 0 else "https://git.example.com/repo.git",
                "",
                "" if s == 0 else "proj ✓",
                BUILDBOT_START - 3600 + 60 * s,
            )
            for s in range(changes + 1)
        ],
        "buildsets": [
            (
                b + 1,
                None,
                "The Periodic scheduler named 'every-2s' triggered this build",
                buildbot_started(b) - 1,
                int(buildbot_complete(b) is not None),
                buildbot_complete(b),
                None if buildbot_complete(b) is None else b % 3,
                None,
                None,
                None,
            )
            for b in range(builds)
        ],
        "buildrequests": [
            (
                b + 1,
                b + 1,
                1 + b % 2,
                0,
                int(buildbot_complete(b) is not None),
                None if buildbot_complete(b) is None else b % 3,
                buildbot_started(b) - 1,
                buildbot_complete(b),
                0,
            )
            for b in range(builds)
        ],
        "builds": [
            (
                b + 1,
                b // 2 + 1,
                1 + b % 2,
                b + 1,
                1,
                1,
                buildbot_started(b),
                buildbot_complete(b),
                0,
                ("build successful", "warnings 'make' (warnings)", "failed 'make test' (failure)")[b % 3]
                if buildbot_complete(b) is not None
                else "building",
                None if buildbot_complete(b) is None else b % 3,
            )
            for b in range(builds)
        ],
        # A step of the running build not started yet: its moments NULL.
        "steps": [
            (
                steps * b + n + 1,
                n,
                name,
                b + 1,
                None if (b, n) == (builds - 1, steps - 1) else buildbot_started(b) + n,
                None if (b, n) == (builds - 1, steps - 1) else buildbot_started(b) + n,
                None if b == builds - 1 and n > 0 else buildbot_started(b) + n + 1,
                "worker wörker-1 ready" if n == 0 else "'make test'",
                None if b == builds - 1 and n > 0 else (0, 1, 2)[(b + n) % 3],
                "[]" if n < 2 else json.dumps([{"name": "report", "url": f"https://ci.example.com/{b}"}]),
                0,
            )
            for b in range(builds)
            for n, name in enumerate(BUILDBOT_STEPS)
        ],
        "logs": [
            (s + 1, "stdio", "stdio", s + 1, 1, len(buildbot_log(s).splitlines()), "s")
            for s in range(steps * builds)
        ],
        "logchunks": [
            (s + 1, first, last, content, compressed)
            for s in range(steps * builds)
            for first, last, content, compressed in buildbot_chunks(s)
        ],
        "changes": [
            (
                c + 1,
                "Zoë Ångström <zoe@example.com>",
                None,
                f"Fix #{c}: ünïcode — emoji 🎉" + ("\nmulti\nline\n" if c % 3 == 0 else ""),
                "main",
                buildbot_revision(c),
                "",
                1_716_194_520 + 3600 * c,
                f"cat{c % 2}",
                "https://git.example.com/repo.git",
                "",
                "proj ✓",
                c + 2,
                c or None,
            )
            for c in range(changes)
        ],
        "build_properties": [
            (b + 1, name, value, source)
            for b in range(builds)
            for name, value, source in buildbot_properties(b)
        ],
    }
    return write_export(path, BUILDBOT_DDL, rows, bytes_as_text=False)


# --- A job scheduler (APScheduler's SQLAlchemyJobStore) ----------------------------------------------

APSCHEDULER_DDL = tuple(
    f"CREATE TABLE {table} (\n\tid VARCHAR(191) NOT NULL, \n\tnext_run_time FLOAT, \n\t"
    "job_state BLOB NOT NULL, \n\tPRIMARY KEY (id)\n)"
    for table in ("apscheduler_jobs", "report_jobs")
) + tuple(
    f"CREATE INDEX ix_{table}_next_run_time ON {table} (next_run_time)"
    for table in ("apscheduler_jobs", "report_jobs")
)


def apscheduler_next_run(i: int) -> float | None:
    """Job ``i``'s next run (epoch seconds, as ``datetime_to_utc_timestamp`` stores it): whole seconds
    every third job, microseconds otherwise, None (paused) every seventh."""
    if i % 7 == 6:
        return None
    moment = datetime(2026, 12, 5, 3, 0, tzinfo=UTC) + timedelta(
        minutes=13 * i, microseconds=0 if i % 3 == 0 else 7 * i + 1
    )
    return moment.timestamp()


def apscheduler_state(i: int) -> bytes:
    """Job ``i``'s ``job_state``: its ``__getstate__`` dict pickled (protocol 5), a Decimal argument."""
    state = {
        "version": 1,
        "id": f"job-{i:04d}",
        "func": "jobs_mod:send_report",
        "trigger": ("interval", 60 + i) if i % 2 else ("cron", f"*/{1 + i % 15}"),
        "executor": "default",
        "args": (("Zoë Ångström", "李小龍", "Ola\u00a0N", "")[i % 4],),
        "kwargs": {"amount": Decimal("19.99") * i},
        "name": f"Report {i} — ü",
        "misfire_grace_time": 1,
        "coalesce": True,
        "max_instances": 1,
        "next_run_time": apscheduler_next_run(i),
    }
    return pickle.dumps(state, protocol=5)


def apscheduler_jobs(path: Path, jobs: int = 24) -> Path:
    """A job store's database (see the module's list): every fifth job in the second store's table."""
    rows: dict[str, list[Sequence[Any]]] = {"apscheduler_jobs": [], "report_jobs": []}
    for i in range(jobs):
        table = "report_jobs" if i % 5 == 0 else "apscheduler_jobs"
        rows[table].append((f"job-{i:04d}", apscheduler_next_run(i), apscheduler_state(i)))
    return write_export(path, APSCHEDULER_DDL, rows, bytes_as_text=False)


# --- MLflow ------------------------------------------------------------------------------------------

#: MLflow 3's tracking store (``sqlite:///mlflow.db`` after its Alembic migrations): a few of its tables
#: with their own DDL as SQLAlchemy creates them.
MLFLOW_DDL = (
    """CREATE TABLE "experiments" (
	experiment_id INTEGER NOT NULL, name VARCHAR(256) NOT NULL, artifact_location VARCHAR(256),
	lifecycle_stage VARCHAR(32), creation_time BIGINT, last_update_time BIGINT,
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT experiment_pk PRIMARY KEY (experiment_id),
	CONSTRAINT experiments_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')),
	CONSTRAINT uq_experiments_workspace_name UNIQUE (workspace, name))""",
    """CREATE TABLE "runs" (
	run_uuid VARCHAR(32) NOT NULL, name VARCHAR(250), source_type VARCHAR(20), source_name VARCHAR(500),
	entry_point_name VARCHAR(50), user_id VARCHAR(256), status VARCHAR(9), start_time BIGINT,
	end_time BIGINT, source_version VARCHAR(50), lifecycle_stage VARCHAR(20), artifact_uri VARCHAR(200),
	experiment_id INTEGER, deleted_time BIGINT,
	CONSTRAINT run_pk PRIMARY KEY (run_uuid),
	CONSTRAINT source_type CHECK (source_type IN ('NOTEBOOK', 'JOB', 'LOCAL', 'UNKNOWN', 'PROJECT')),
	CONSTRAINT runs_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')),
	FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id),
	CHECK (status IN ('SCHEDULED', 'FAILED', 'FINISHED', 'RUNNING', 'KILLED')))""",
    """CREATE TABLE "metrics" (
	"key" VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT NULL,
	run_uuid VARCHAR(32) NOT NULL, step BIGINT DEFAULT '0' NOT NULL, is_nan BOOLEAN DEFAULT '0' NOT NULL,
	CONSTRAINT metric_pk PRIMARY KEY ("key", timestamp, step, run_uuid, value, is_nan),
	FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid), CHECK (is_nan IN (0, 1)))""",
    """CREATE TABLE "latest_metrics" (
	"key" VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT, step BIGINT NOT NULL,
	is_nan BOOLEAN NOT NULL, run_uuid VARCHAR(32) NOT NULL,
	CONSTRAINT latest_metric_pk PRIMARY KEY ("key", run_uuid),
	FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid), CHECK (is_nan IN (0, 1)))""",
    """CREATE TABLE "params" (
	"key" VARCHAR(250) NOT NULL, value VARCHAR(8000) NOT NULL, run_uuid VARCHAR(32) NOT NULL,
	CONSTRAINT param_pk PRIMARY KEY ("key", run_uuid), FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid))""",
    """CREATE TABLE "tags" (
	"key" VARCHAR(250) NOT NULL, value VARCHAR(8000), run_uuid VARCHAR(32) NOT NULL,
	CONSTRAINT tag_pk PRIMARY KEY ("key", run_uuid), FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid))""",
    """CREATE TABLE "registered_models" (
	name VARCHAR(256) NOT NULL, creation_time BIGINT, last_updated_time BIGINT,
	description VARCHAR(5000), workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT registered_model_pk PRIMARY KEY (workspace, name))""",
    """CREATE TABLE "model_versions" (
	name VARCHAR(256) NOT NULL, version INTEGER NOT NULL, creation_time BIGINT,
	last_updated_time BIGINT, description VARCHAR(5000), user_id VARCHAR(256),
	current_stage VARCHAR(20), source VARCHAR(500), run_id VARCHAR(32), status VARCHAR(20),
	status_message VARCHAR(500), run_link VARCHAR(500), storage_location VARCHAR(500),
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT model_version_pk PRIMARY KEY (workspace, name, version),
	CONSTRAINT fk_model_versions_registered_models FOREIGN KEY(workspace, name)
	REFERENCES registered_models (workspace, name) ON UPDATE CASCADE)""",
    """CREATE TABLE "trace_info" (
	request_id VARCHAR(50) NOT NULL, experiment_id INTEGER NOT NULL, timestamp_ms BIGINT NOT NULL,
	execution_time_ms BIGINT, status VARCHAR(50) NOT NULL, client_request_id VARCHAR(50),
	request_preview VARCHAR(1000), response_preview VARCHAR(1000),
	db_payload_generation INTEGER DEFAULT '0' NOT NULL, trace_name VARCHAR(4096),
	CONSTRAINT trace_info_pk PRIMARY KEY (request_id),
	CONSTRAINT fk_trace_info_experiment_id FOREIGN KEY(experiment_id)
	REFERENCES experiments (experiment_id) ON DELETE CASCADE)""",
    """CREATE TABLE "spans" (
	trace_id VARCHAR(50) NOT NULL, experiment_id INTEGER NOT NULL, span_id VARCHAR(50) NOT NULL,
	parent_span_id VARCHAR(50), name TEXT, type VARCHAR(500), status VARCHAR(50) NOT NULL,
	start_time_unix_nano BIGINT NOT NULL, end_time_unix_nano BIGINT,
	duration_ns BIGINT GENERATED ALWAYS AS (end_time_unix_nano - start_time_unix_nano) STORED,
	content TEXT NOT NULL,
	CONSTRAINT spans_pk PRIMARY KEY (trace_id, span_id),
	CONSTRAINT fk_spans_experiment_id FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id),
	CONSTRAINT fk_spans_trace_id FOREIGN KEY(trace_id) REFERENCES trace_info (request_id)
	ON DELETE CASCADE)""",
)
#: Epoch milliseconds of the first run's start (2026-12-05 03:35:28.038 UTC).
MLFLOW_T0 = 1796441728038
MLFLOW_STATUS = ("FINISHED", "FAILED", "RUNNING", "KILLED")
MLFLOW_EXPERIMENTS = ("Default", "churn-model", "Prévision ventes 🚀", "nbsp\u00a0experiment")


def mlflow_run_id(i: int) -> str:
    """A run's uuid as MLflow writes it: 32 hexadecimal digits."""
    return hashlib.md5(f"run {i}".encode()).hexdigest()


def mlflow_end(i: int) -> int | None:
    """A run's end in epoch milliseconds; NULL while it runs."""
    return None if MLFLOW_STATUS[i % 4] == "RUNNING" else MLFLOW_T0 + i * 61_001 + 4_321 + i


def mlflow_loss(i: int, step: int) -> float:
    """The value MLflow stores for a run's ``loss`` at a step: ``0.0`` for NaN (``is_nan`` says so),
    the largest double for ±infinity (MLflow clamps them)."""
    if (i, step) == (3, 2):
        return 0.0
    if (i, step) == (4, 1):
        return sys.float_info.max
    if (i, step) == (4, 2):
        return -sys.float_info.max
    return math.exp(-step / 3) + i / 1000


def mlflow_span_start(t: int, s: int) -> int:
    """A span's start in Unix nanoseconds (OpenTelemetry's ``start_time_unix_nano``)."""
    return (MLFLOW_T0 + 60_000_000 + t * 1_000) * 1_000_000 + 235_297 + s * 1_113_457


def mlflow_tracking(path: Path, runs: int = 8, traces: int = 3) -> Path:
    """MLflow's tracking store as MLflow 3 writes it (see the module's list)."""
    experiments = [
        (n, name, f"mlflow-artifacts:/{n}", "active", MLFLOW_T0 - 9_000 + n, MLFLOW_T0 - 9_000 + n, "default")
        for n, name in enumerate(MLFLOW_EXPERIMENTS)
    ]
    run_rows: list[Sequence[Any]] = []
    metrics: list[Sequence[Any]] = []
    latest: list[Sequence[Any]] = []
    params: list[Sequence[Any]] = []
    tags: list[Sequence[Any]] = []
    for i in range(runs):
        run = mlflow_run_id(i)
        start = MLFLOW_T0 + i * 61_001
        deleted = start + 90_000 if i == 6 else None
        run_rows.append(
            (
                run, f"run-{i:03d} ✨", "UNKNOWN", "", "", "öscar" if i % 2 else "root", MLFLOW_STATUS[i % 4],
                start, mlflow_end(i), "", "deleted" if deleted else "active",
                f"mlflow-artifacts:/{1 + i % 3}/{run}/artifacts", 1 + i % 3, deleted,
            )
        )  # fmt: skip
        for step in range(3):
            is_nan = int((i, step) == (3, 2))
            metrics.append(("loss", mlflow_loss(i, step), start + step * 1_000, run, step, is_nan))
            metrics.append(("accuracy", 1 - mlflow_loss(i, step) / 4, start + step * 1_000 + 1, run, step, 0))
        latest.append(("loss", mlflow_loss(i, 2), start + 2_000, 2, int(i == 3), run))
        latest.append(("accuracy", 1 - mlflow_loss(i, 2) / 4, start + 2_001, 2, 0, run))
        params.append(("lr", str(round(10 ** -(1 + i % 5) * (1 + i / 7), 6)), run))
        params.append(("zip_code", f"{i * 7:05d}", run))
        params.append(("optimizer", ("adam", "sgd", "", "rmsprop")[i % 4], run))
        tags.append(("mlflow.user", "öscar" if i % 2 else "root", run))
        tags.append(("mlflow.runName", f"run-{i:03d} ✨", run))
        tags.append(("note", f"Prévision\u00a0{i} 🎯" if i % 3 else None, run))
    versions = [
        (
            "churn-classifier", v + 1, MLFLOW_T0 + 500_000 + v, MLFLOW_T0 + 500_000 + v, "Modèle ✅",
            None, "None", f"runs:/{mlflow_run_id(v)}/model", mlflow_run_id(v), "READY", None, None,
            f"mlflow-artifacts:/1/models/m-{v}", "default",
        )
        for v in range(3)
    ]  # fmt: skip
    trace_rows: list[Sequence[Any]] = []
    spans: list[Sequence[Any]] = []
    for t in range(traces):
        request = f"tr-{hashlib.md5(f'trace {t}'.encode()).hexdigest()}"
        question = json.dumps({"q": "Quelle est la météo ?\u00a0", "n": t}, ensure_ascii=False)
        answer = json.dumps({"answer": "Il fait beau 🌞" * (t + 1)}, ensure_ascii=False)
        start_ms = MLFLOW_T0 + 60_000 + t * 1_000
        trace_rows.append((request, 1, start_ms, 2 + t, "OK", None, question, answer, 3, f"predict ☕ {t}"))
        for s in range(2):
            span = f"{t:08x}{s:08x}"
            begin = mlflow_span_start(t, s)
            content = json.dumps(
                {"name": "retrieve" if s else f"predict ☕ {t}", "start_time_unix_nano": begin}
            )
            spans.append(
                (request, 1, span, f"{t:08x}{0:08x}" if s else None, "retrieve" if s else f"predict ☕ {t}",
                 "RETRIEVER" if s else "UNKNOWN", "OK", begin, begin + 116_743 + t, content)
            )  # fmt: skip
    rows: dict[str, list[Sequence[Any]]] = {
        "experiments": list(experiments),
        "runs": run_rows,
        "metrics": metrics,
        "latest_metrics": latest,
        "params": params,
        "tags": tags,
        "registered_models": [
            ("churn-classifier", MLFLOW_T0 + 400_000, MLFLOW_T0 + 500_002, "Modèle de churn ✅", "default")
        ],
        "model_versions": list(versions),
        "trace_info": trace_rows,
        "spans": spans,
    }
    return write_export(path, MLFLOW_DDL, rows)


# --- Optuna ------------------------------------------------------------------------------------------

#: Optuna 5's RDB storage (``sqlite:///optuna.db``): its tables as SQLAlchemy creates them.
OPTUNA_DDL = (
    """CREATE TABLE studies (
	study_id INTEGER NOT NULL, study_name VARCHAR(512) NOT NULL, PRIMARY KEY (study_id))""",
    """CREATE TABLE study_directions (
	study_direction_id INTEGER NOT NULL, direction VARCHAR(8) NOT NULL, study_id INTEGER NOT NULL,
	objective INTEGER NOT NULL, PRIMARY KEY (study_direction_id), UNIQUE (study_id, objective),
	FOREIGN KEY(study_id) REFERENCES studies (study_id))""",
    """CREATE TABLE study_user_attributes (
	study_user_attribute_id INTEGER NOT NULL, study_id INTEGER, "key" VARCHAR(512), value_json TEXT,
	PRIMARY KEY (study_user_attribute_id), UNIQUE (study_id, "key"),
	FOREIGN KEY(study_id) REFERENCES studies (study_id))""",
    """CREATE TABLE trials (
	trial_id INTEGER NOT NULL, number INTEGER, study_id INTEGER, state VARCHAR(8) NOT NULL,
	datetime_start DATETIME, datetime_complete DATETIME, PRIMARY KEY (trial_id),
	FOREIGN KEY(study_id) REFERENCES studies (study_id))""",
    """CREATE TABLE trial_params (
	param_id INTEGER NOT NULL, trial_id INTEGER, param_name VARCHAR(512), param_value FLOAT,
	distribution_json TEXT, PRIMARY KEY (param_id), UNIQUE (trial_id, param_name),
	FOREIGN KEY(trial_id) REFERENCES trials (trial_id))""",
    """CREATE TABLE trial_values (
	trial_value_id INTEGER NOT NULL, trial_id INTEGER NOT NULL, objective INTEGER NOT NULL,
	value FLOAT, value_type VARCHAR(7) NOT NULL, PRIMARY KEY (trial_value_id),
	UNIQUE (trial_id, objective), FOREIGN KEY(trial_id) REFERENCES trials (trial_id))""",
    """CREATE TABLE trial_intermediate_values (
	trial_intermediate_value_id INTEGER NOT NULL, trial_id INTEGER NOT NULL, step INTEGER NOT NULL,
	intermediate_value FLOAT, intermediate_value_type VARCHAR(7) NOT NULL,
	PRIMARY KEY (trial_intermediate_value_id), UNIQUE (trial_id, step),
	FOREIGN KEY(trial_id) REFERENCES trials (trial_id))""",
    """CREATE TABLE trial_user_attributes (
	trial_user_attribute_id INTEGER NOT NULL, trial_id INTEGER, "key" VARCHAR(512), value_json TEXT,
	PRIMARY KEY (trial_user_attribute_id), UNIQUE (trial_id, "key"),
	FOREIGN KEY(trial_id) REFERENCES trials (trial_id))""",
    """CREATE TABLE trial_heartbeats (
	trial_heartbeat_id INTEGER NOT NULL, trial_id INTEGER NOT NULL, heartbeat DATETIME NOT NULL,
	PRIMARY KEY (trial_heartbeat_id), UNIQUE (trial_id),
	FOREIGN KEY(trial_id) REFERENCES trials (trial_id))""",
    """CREATE TABLE version_info (
	version_info_id INTEGER NOT NULL, schema_version INTEGER, library_version VARCHAR(256),
	PRIMARY KEY (version_info_id), CHECK (version_info_id=1))""",
)
OPTUNA_BOOSTERS = ("gbtree", "dart", "0012", None)


def optuna_state(n: int, trials: int) -> str:
    """A trial's state: the last one still running, the one before waiting (enqueued), a pruned and a
    failed one, the others complete."""
    if n == trials - 1:
        return "RUNNING"
    if n == trials - 2:
        return "WAITING"
    return {5: "PRUNED", 6: "FAIL"}.get(n, "COMPLETE")


def optuna_start(n: int) -> datetime:
    """A trial's start as Optuna takes it (``datetime.now()``: the worker's wall clock, no zone)."""
    if n == 3:
        return datetime(2026, 12, 5, 3, 37, 36)  # a whole second: SQLAlchemy still writes .000000
    return datetime(2026, 12, 5, 3, 37, 35, 115_668) + timedelta(microseconds=43_210 * n)


def optuna_complete(n: int) -> datetime:
    """A finished trial's completion, the worker's wall clock as its start."""
    return optuna_start(n) + timedelta(microseconds=22_311 + n)


def optuna_text(moment: datetime | None) -> str | None:
    """SQLAlchemy's ``DateTime`` on SQLite: always six fraction digits."""
    return None if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def optuna_value(n: int) -> tuple[float | None, str]:
    """A trial's objective value and Optuna's ``value_type``: infinities as NULL beside ``INF_POS`` /
    ``INF_NEG`` (Optuna never stores an infinity)."""
    if n == 1:
        return None, "INF_POS"
    if n == 2:
        return None, "INF_NEG"
    return (10 ** -(1 + n % 5) * (1 + n / 7) * 1000) ** 0.5 + (1 + n % 12) / 7, "FINITE"


def optuna_study(path: Path, trials: int = 12) -> Path:
    """Optuna's study storage as Optuna 5 writes it (see the module's list)."""
    lr_range = {"step": None, "low": 1e-05, "high": 0.1, "log": True}
    lr_distribution = {"name": "FloatDistribution", "attributes": lr_range}
    booster_distribution = {"name": "CategoricalDistribution", "attributes": {"choices": OPTUNA_BOOSTERS}}
    trial_rows: list[Sequence[Any]] = []
    params: list[Sequence[Any]] = []
    values: list[Sequence[Any]] = []
    intermediate: list[Sequence[Any]] = []
    attributes: list[Sequence[Any]] = []
    for n in range(trials):
        state = optuna_state(n, trials)
        start = None if state == "WAITING" else optuna_start(n)
        done = optuna_complete(n) if state not in ("RUNNING", "WAITING") else None
        trial_rows.append((n + 1, n, 1, state, optuna_text(start), optuna_text(done)))
        params.append((2 * n + 1, n + 1, "lr", 10 ** -(1 + n % 5) * (1 + n / 7), json.dumps(lr_distribution)))
        params.append((2 * n + 2, n + 1, "booster", float(n % 4), json.dumps(booster_distribution)))
        if state == "COMPLETE":
            value, kind = optuna_value(n)
            values.append((len(values) + 1, n + 1, 0, value, kind))
        for step in range(2):
            intermediate.append((2 * n + step + 1, n + 1, step, 1.0 / (step + 1) + n / 1000, "FINITE"))
        attributes.append((2 * n + 1, n + 1, "note", json.dumps("ok 👍" if n % 2 else "")))
        attributes.append((2 * n + 2, n + 1, "zip", json.dumps(f"{n:05d}")))
    rows: dict[str, list[Sequence[Any]]] = {
        "studies": [(1, "lgbm-tuning 🚀")],
        "study_directions": [(1, "MINIMIZE", 1, 0)],
        "study_user_attributes": [
            (1, 1, "dataset", json.dumps("ventes\u00a02024 — café")),
            (2, 1, "config", json.dumps({"folds": 5, "seed": 42, "nested": [1.5, None, "x"]})),
        ],
        "trials": trial_rows,
        "trial_params": params,
        "trial_values": values,
        "trial_intermediate_values": intermediate,
        "trial_user_attributes": attributes,
        "trial_heartbeats": [],
        "version_info": [(1, 12, "5.1.0")],
    }
    return write_export(path, OPTUNA_DDL, rows)


# --- JupyterHub --------------------------------------------------------------------------------------

#: JupyterHub 6.1's ``jupyterhub.sqlite`` (its ORM's tables after ``jupyterhub upgrade-db``), a few of them.
JUPYTERHUB_DDL = (
    """CREATE TABLE users (
	id INTEGER NOT NULL, name VARCHAR(255), user_info TEXT, admin BOOLEAN, created DATETIME,
	last_activity DATETIME, cookie_id VARCHAR(255) NOT NULL, state TEXT, encrypted_auth_state BLOB,
	CONSTRAINT pk_users PRIMARY KEY (id), CONSTRAINT uq_users_name UNIQUE (name),
	CONSTRAINT uq_users_cookie_id UNIQUE (cookie_id))""",
    """CREATE TABLE servers (
	id INTEGER NOT NULL, proto VARCHAR(15), ip VARCHAR(255), port INTEGER, base_url VARCHAR(255),
	cookie_name VARCHAR(255), CONSTRAINT pk_servers PRIMARY KEY (id))""",
    """CREATE TABLE oauth_clients (
	id INTEGER NOT NULL, identifier VARCHAR(255), description VARCHAR(1023), secret VARCHAR(255),
	redirect_uri VARCHAR(1023), allowed_scopes TEXT, CONSTRAINT pk_oauth_clients PRIMARY KEY (id),
	CONSTRAINT uq_oauth_clients_identifier UNIQUE (identifier))""",
    """CREATE TABLE spawners (
	id INTEGER NOT NULL, user_id INTEGER, server_id INTEGER, state TEXT, name VARCHAR(255),
	display_name VARCHAR(255), started DATETIME, last_activity DATETIME, user_options TEXT,
	oauth_client_id VARCHAR(255), CONSTRAINT pk_spawners PRIMARY KEY (id),
	CONSTRAINT fk_spawners_user_id_users FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE,
	CONSTRAINT fk_spawners_server_id_servers FOREIGN KEY(server_id) REFERENCES servers (id)
	ON DELETE SET NULL,
	CONSTRAINT fk_spawners_oauth_client_id_oauth_clients FOREIGN KEY(oauth_client_id)
	REFERENCES oauth_clients (identifier) ON DELETE SET NULL)""",
    """CREATE TABLE api_tokens (
	user_id INTEGER, service_id INTEGER, id INTEGER NOT NULL, hashed VARCHAR(255), prefix VARCHAR(16),
	client_id VARCHAR(255), session_id VARCHAR(255), created DATETIME, expires_at DATETIME,
	last_activity DATETIME, note VARCHAR(1023), scopes TEXT, CONSTRAINT pk_api_tokens PRIMARY KEY (id),
	CONSTRAINT fk_api_tokens_user_id_users FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE,
	CONSTRAINT uq_api_tokens_hashed UNIQUE (hashed),
	CONSTRAINT fk_api_tokens_client_id_oauth_clients FOREIGN KEY(client_id)
	REFERENCES oauth_clients (identifier) ON DELETE CASCADE)""",
    "CREATE INDEX ix_api_tokens_prefix ON api_tokens (prefix)",
)
JUPYTERHUB_USERS = (
    "alice",
    "bob",
    "zoë",
    "李雷",
    "o'brien",
    "user-0042",
    "null",
    "emoji😀",
    "nbsp\u00a0user",
)


def jupyterhub_moment(i: int, hours: int = 0) -> datetime:
    """A moment JupyterHub stamps (``utcnow()``, naive UTC), to the microsecond; a whole second for the
    first user (SQLAlchemy still writes ``.000000``)."""
    return datetime(2026, 12, 5, 3, i, 0, i * 1_234) + timedelta(hours=hours)


def jupyterhub_hash(i: int) -> str:
    """A token's stored hash as JupyterHub writes a generated one: ``sha512:1:<salt>:<digest>``."""
    salt = hashlib.md5(f"salt {i}".encode()).hexdigest()[:16]
    return f"sha512:1:{salt}:{hashlib.sha512(f'token {i}'.encode()).hexdigest()}"


def jupyterhub_hub(path: Path, users: int = len(JUPYTERHUB_USERS)) -> Path:
    """JupyterHub's own database as JupyterHub 6.1 writes it (see the module's list)."""

    def text(moment: datetime | None) -> str | None:
        return None if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S.%f")

    user_rows = [
        (
            i + 1, name, None, int(i == 0), text(jupyterhub_moment(i)),
            None if i % 4 == 3 else text(jupyterhub_moment(i, 1)), f"{i:032x}",
            json.dumps({"encrypted_auth": "x" * i} if i % 2 else {}), None,
        )
        for i, name in enumerate(JUPYTERHUB_USERS[:users])
    ]  # fmt: skip
    spawned = range(0, users, 2)
    servers = [
        (n + 1, "http", "" if i % 4 == 0 else "127.0.0.1", 50_000 + i, f"/user/{JUPYTERHUB_USERS[i]}/",
         "jupyterhub-user")
        for n, i in enumerate(spawned)
    ]  # fmt: skip
    spawners = [
        (
            n + 1, i + 1, n + 1, json.dumps({"pid": 1000 + i}) if i % 3 else None,
            "" if i % 6 else f"gpu-{i}", None, text(jupyterhub_moment(i, 2)),
            text(jupyterhub_moment(i, 3)) if i % 3 else None,
            json.dumps({"image": "jupyter/scipy-notebook:2024-06", "cpu": 0.5 * (i % 4)}) if i % 4 else "{}",
            f"jupyterhub-user-{JUPYTERHUB_USERS[i]}" if i == 0 else None,
        )
        for n, i in enumerate(spawned)
    ]  # fmt: skip
    tokens = [
        (
            i + 1, None, i + 1, jupyterhub_hash(i), jupyterhub_hash(i)[9:13], "jupyterhub", None,
            text(jupyterhub_moment(i, 4)), text(jupyterhub_moment(i, 6)) if i % 2 else None, None,
            f"token for {name} ✅" if i % 3 else "", '["inherit"]',
        )
        for i, name in enumerate(JUPYTERHUB_USERS[:users])
    ]  # fmt: skip
    rows: dict[str, list[Sequence[Any]]] = {
        "users": list(user_rows),
        "servers": list(servers),
        "oauth_clients": [
            (1, "jupyterhub", "JupyterHub", "", "/hub/oauth_callback", "[]"),
            (
                2,
                "jupyterhub-user-alice",
                "Server at /user/alice/",
                "s3cr3t",
                "/user/alice/oauth_callback",
                "[]",
            ),
        ],
        "spawners": list(spawners),
        "api_tokens": list(tokens),
    }
    return write_export(path, JUPYTERHUB_DDL, rows)


# --- beets -------------------------------------------------------------------------------------------

#: beets' separator of a multi-valued field's values in one TEXT cell (``DelimitedString``).
BEETS_SEPARATOR = "\\\u2400"
BEETS_ARTISTS = ("Björk", "Sigur Rós", "坂本龍一", "Beyoncé\u00a0", "", "AC/DC", "2Pac", "Ólafur Arnalds")
BEETS_GENRES = (("Electronic", "Ambient"), ("Rock",), (), ("Post-rock",), ("Hip Hop 🎤",))
BEETS_ITEM_DDL = (
    "CREATE TABLE items (added REAL, album TEXT, album_id INTEGER, albumartist TEXT, artist TEXT, "
    "bitrate INTEGER, catalognum TEXT, comp INTEGER, day INTEGER, disc INTEGER, genres TEXT, "
    "id INTEGER PRIMARY KEY, initial_key TEXT, length REAL, lyrics TEXT, mb_trackid TEXT, month INTEGER, "
    "mtime REAL, original_day INTEGER, path BLOB, rg_track_gain REAL, rg_track_peak REAL, title TEXT, "
    "track INTEGER, year INTEGER)"
)
BEETS_ALBUM_DDL = (
    "CREATE TABLE albums (added REAL, album TEXT, albumartist TEXT, artpath BLOB, catalognum TEXT, "
    "comp INTEGER, day INTEGER, genres TEXT, id INTEGER PRIMARY KEY, month INTEGER, year INTEGER)"
)


def beets_attributes_ddl(kind: str) -> str:
    """beets' table of flexible attributes of items or albums (``dbcore``), as it writes it."""
    return (
        f"CREATE TABLE {kind}_attributes (\n                    id INTEGER PRIMARY KEY,\n"
        "                    entity_id INTEGER,\n                    key TEXT,\n"
        "                    value TEXT,\n"
        "                    UNIQUE(entity_id, key) ON CONFLICT REPLACE)"
    )


def beets_tracks(a: int) -> int:
    """Album ``a``'s number of tracks: 2 or 3 (an album's items outnumber the albums, as in any library:
    a release day 1..28 can be a key of ``albums`` alone)."""
    return 3 if a % 3 == 0 else 2


def beets_day(a: int) -> int:
    """Album ``a``'s release day: 0 (unknown) for every fifth album, else 1..28 (22 distinct days over 40
    albums: over half the keys of ``albums``)."""
    return 0 if a % 5 == 0 else (a * 3) % 28 + 1


def beets_added(n: int) -> float:
    """When item ``n`` was imported: REAL Unix seconds with a fraction (``time.time()``)."""
    return 1_733_389_200.123456 + 3_601.25 * n + n / 7


def beets_length(n: int) -> float:
    """Item ``n``'s length in seconds, a REAL as mutagen reads it (``214.584675954903``)."""
    return 30.0 + n * 17.318181818181817 + 1 / (n + 3)


def beets_path(a: int, t: int, title: str) -> bytes:
    """An item's path relative to the library's directory, as beets stores it: the file system's bytes
    (UTF-8 on Linux, a latin-1 name from an old disk for every seventh album: no text)."""
    if a % 7 == 6:
        return b"latin1/caf\xe9 " + str(a).encode() + b"/%02d.mp3" % (t + 1)
    artist = BEETS_ARTISTS[a % len(BEETS_ARTISTS)] or "Unknown"
    return f"{artist}/Album {a}/{t + 1:02d} {title}.flac".encode()


def beets_catalognum(a: int) -> str:
    """A label's catalogue number: digits with leading zeros (``000123``), ``''`` when none."""
    return f"{a * 41:06d}" if a % 3 else ""


def beets_title(n: int) -> str:
    return f"Track {n} – " + ("Ça va 😀" if n % 4 == 0 else "Song")


def beets_lyrics(n: int) -> str:
    """Lyrics ending in a newline (trimmed, audited), ``''`` when none."""
    return "Line one\nLine two\n" * (n % 3) if n % 3 else ""


def beets_items(albums: int) -> list[tuple[int, int, int]]:
    """``(item id, album, track)`` of every item, ids 1.. in import order."""
    pairs = [(a, t) for a in range(albums) for t in range(beets_tracks(a))]
    return [(n + 1, a, t) for n, (a, t) in enumerate(pairs)]


def music_library(path: Path, albums: int = 40) -> Path:
    """A music library as beets 2.14 writes its ``library.db`` (see the module's list)."""
    items = beets_items(albums)
    item_rows: list[Sequence[Any]] = []
    item_attributes: list[Sequence[Any]] = []
    for n, a, t in items:
        year = 0 if a % 5 == 0 else 1970 + a
        title = beets_title(n)
        artist = BEETS_ARTISTS[a % len(BEETS_ARTISTS)]
        item_rows.append(
            (
                beets_added(n),
                f"Album {a}",
                a + 1,
                artist,
                artist,
                (128_000, 320_000, 1_411_000)[n % 3],
                beets_catalognum(a),
                int(a % 6 == 0),
                beets_day(a),
                1,
                BEETS_SEPARATOR.join(BEETS_GENRES[a % len(BEETS_GENRES)]),
                n,
                ("C", "Am", "F#m", None)[n % 4],
                beets_length(n),
                beets_lyrics(n),
                f"{n * 7_919:08x}-0000-4000-8000-{n:012x}",
                0 if year == 0 else a % 12 + 1,
                0.0 if n % 4 == 0 else beets_added(n) - 86_400.5,  # 0.0 until `beet update` reads the file
                beets_day(a),
                beets_path(a, t, title),
                round(-12 + n * 0.37, 2) if n % 2 else None,
                1 / (n + 1) if n % 2 else None,
                title,
                t + 1,
                year,
            )
        )
        values = [("play_count", str(n * 7 % 13)), ("last_played", f"{beets_added(n) + 600:.15g}")]
        if n % 3 == 0:
            values.append(("mood", "  calm  " if n % 2 else "happy 😊"))
        item_attributes += [(len(item_attributes) + i + 1, n, k, v) for i, (k, v) in enumerate(values)]
    album_rows = [
        (
            beets_added(next(n for n, b, _ in items if b == a)),
            f"Album {a}",
            BEETS_ARTISTS[a % len(BEETS_ARTISTS)],
            f"{BEETS_ARTISTS[a % len(BEETS_ARTISTS)]}/Album {a}/cover.jpg".encode() if a % 3 else None,
            beets_catalognum(a),
            int(a % 6 == 0),
            beets_day(a),
            BEETS_SEPARATOR.join(BEETS_GENRES[a % len(BEETS_GENRES)]),
            a + 1,
            0 if a % 5 == 0 else a % 12 + 1,
            0 if a % 5 == 0 else 1970 + a,
        )
        for a in range(albums)
    ]
    album_attributes = [
        (2 * a + i + 1, a + 1, key, value)
        for a in range(albums)
        for i, (key, value) in enumerate((("rating", str(a % 5)), ("source", "CD 💿" if a % 2 else "web")))
    ]
    migrations = [
        (name, table)
        for name, tables in (
            ("multi_genre_field", ("items", "albums")),
            ("relative_path", ("items", "albums")),
            ("remove_inherited_artpath", ("items",)),
        )
        for table in tables
    ]
    ddl = [
        BEETS_ITEM_DDL,
        "CREATE INDEX idx_item_album_id ON items (album_id)",
        BEETS_ALBUM_DDL,
        beets_attributes_ddl("item"),
        "CREATE INDEX item_attributes_by_entity ON item_attributes (entity_id)",
        beets_attributes_ddl("album"),
        "CREATE INDEX album_attributes_by_entity ON album_attributes (entity_id)",
        "CREATE TABLE migrations (\n                    name TEXT NOT NULL,\n"
        "                    table_name TEXT NOT NULL,\n"
        "                    PRIMARY KEY(name, table_name)\n                )",
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "items": item_rows,
        "albums": album_rows,
        "item_attributes": item_attributes,
        "album_attributes": album_attributes,
        "migrations": migrations,
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- Anki --------------------------------------------------------------------------------------------

#: Anki's separator of a note's fields in ``notes.flds`` and of a deck's path in ``decks.name``.
ANKI_SEPARATOR = "\x1f"
#: The collection's creation (``col.crt``, a day's rollover hour) and the first note's epoch millisecond.
ANKI_CREATED = 1_733_360_400
ANKI_FIRST_NOTE = 1_733_389_200_000
ANKI_DECKS = (
    (1, "Default"),
    (ANKI_FIRST_NOTE - 5_000, "Deutsch\x1fVokabeln"),
    (ANKI_FIRST_NOTE - 4_000, "日本語"),
)
ANKI_NOTETYPES = ((ANKI_FIRST_NOTE - 9_000, "Basic"), (ANKI_FIRST_NOTE - 8_000, "Cloze"))
ANKI_FRONTS = (
    "Straße",
    "  padded  ",
    "東京 😀",
    "no-break\u00a0space",
    "<b>bold</b>&nbsp;x",
    "0042",
    "1.50",
    "",
)


def anki_unicase(a: str, b: str) -> int:
    """Anki's ``unicase`` collating sequence (Unicode case folding), which its own SQLite defines."""
    x, y = a.casefold(), b.casefold()
    return (x > y) - (x < y)


def anki_note_id(n: int) -> int:
    """Note ``n``'s id: the epoch millisecond it was added (a few minutes apart, as typed)."""
    return ANKI_FIRST_NOTE + n * 187_001


def anki_card_id(n: int) -> int:
    """Note ``n``'s card: added a few milliseconds after its note (no id of a note)."""
    return anki_note_id(n) + 3


def anki_fields(n: int) -> list[str]:
    """Note ``n``'s fields: a front from :data:`ANKI_FRONTS` (numbers, padding, HTML, ``''``) and a back."""
    return [f"{ANKI_FRONTS[n % len(ANKI_FRONTS)]}", f"Back {n}\nzweite Zeile" if n % 3 else ""]


def anki_sort_text(n: int) -> str:
    """The sort field Anki binds as text for ``notes.sfld``: the first field without its HTML."""
    front = ANKI_FRONTS[n % len(ANKI_FRONTS)]
    return front.replace("<b>", "").replace("</b>", "").replace("&nbsp;", " ")


def anki_sort_field(n: int) -> str | int | float:
    """``notes.sfld`` as stored: the column's INTEGER affinity keeps the text, but makes ``'0042'`` the
    INTEGER 42 and ``'1.50'`` the REAL 1.5 (Anki declares it integer on purpose, so that numbers sort
    numerically)."""
    return {"0042": 42, "1.50": 1.5}.get(anki_sort_text(n), anki_sort_text(n))


def anki_checksum(n: int) -> int:
    """``notes.csum``: the first 8 hex digits of the SHA-1 of the sort field, an unsigned 32-bit integer."""
    return int(hashlib.sha1(anki_sort_text(n).encode()).hexdigest()[:8], 16)


def anki_tags(n: int) -> str:
    """``notes.tags``: space-separated, with a space at each end (Anki matches `% tag %`), or ``''``."""
    tags = [("tag::de", "tag::ja", "math")[n % 3]] + (["marked"] if n % 4 == 0 else [])
    return "" if n % 7 == 6 else f" {' '.join(tags)} "


def anki_reviews(notes: int) -> list[tuple[int, int, int]]:
    """``(revlog id, note, ease)`` of every answer, epoch milliseconds after the note was added: every
    other card of the oldest 40 %, the ones studied so far (the newest cards wait unseen, so the highest
    card reviewed ranks in the lower half of the cards)."""
    return [
        (anki_note_id(n) + 86_400_000 * (k + 1) + 17 * k, n, 1 + (n + k) % 4)
        for n in range(notes * 2 // 5)
        if n % 2 == 0
        for k in range(1 + n % 3)
    ]


def anki_collection(path: Path, notes: int = 32) -> Path:
    """An Anki collection's ``collection.anki2`` (schema 18) as Anki 26.9 writes it (see the module's
    list)."""
    con = sqlite3.connect(path)
    con.create_collation("unicase", anki_unicase)
    reviews = anki_reviews(notes)
    with con:
        for statement in ANKI_DDL:
            con.execute(statement)
        con.execute(
            "INSERT INTO col VALUES (1, ?, ?, ?, 18, 0, 0, 0, '', '', '', '', '')",
            (ANKI_CREATED, anki_note_id(notes) + 1, ANKI_FIRST_NOTE - 10_000),
        )
        for n in range(notes):
            kind = n % 5 == 0  # a Cloze note
            con.execute(
                "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')",
                (
                    anki_note_id(n),
                    base64.b85encode(struct.pack(">Q", anki_note_id(n) * 2_654_435_761 % 2**64))[
                        :10
                    ].decode(),
                    ANKI_NOTETYPES[kind][0],
                    anki_note_id(n) // 1000 + 60,
                    anki_tags(n),
                    ANKI_SEPARATOR.join(anki_fields(n)),
                    anki_sort_text(n),
                    anki_checksum(n),
                ),
            )
            reviewed = [r for r in reviews if r[1] == n]
            queue = -1 if n % 11 == 10 else (2 if reviewed else 0)  # -1 suspended
            due = n if not reviewed else 3 + n % 20  # a new card's position, else a day number
            data = (
                json.dumps({"pos": n, "lrt": reviewed[-1][0] // 1000}, separators=(",", ":"))
                if reviewed
                else "{}"
            )
            con.execute(
                "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?)",
                (
                    anki_card_id(n),
                    anki_note_id(n),
                    ANKI_DECKS[n % len(ANKI_DECKS)][0],
                    anki_note_id(n) // 1000 + 120,
                    2 if reviewed else 0,
                    queue,
                    due,
                    len(reviewed) * 3 if reviewed else 0,
                    2500 if reviewed else 0,
                    len(reviewed),
                    3 if n % 9 == 0 else 0,  # a user's flag
                    data,
                ),
            )
        for k, (rid, n, ease) in enumerate(reviews):
            # ivl: negative seconds while learning, days once learnt; time: milliseconds to answer.
            ivl = -600 if ease == 1 else 1 + k % 9
            con.execute(
                "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, 0, ?, ?, ?)",
                (
                    rid,
                    anki_card_id(n),
                    ease,
                    ivl,
                    2500 if ease > 1 else 0,
                    60_000 if k % 13 == 0 else 1_234 + 97 * k,
                    k % 4,
                ),
            )
        # A deleted note and its card, as Anki keeps them until the next sync.
        con.executemany(
            "INSERT INTO graves VALUES (?, ?, -1)", [(anki_note_id(notes), 1), (anki_card_id(notes), 0)]
        )
        for deck_id, name in ANKI_DECKS:
            con.execute(
                "INSERT INTO decks VALUES (?, ?, ?, -1, ?, ?)",
                (deck_id, name, ANKI_CREATED + 3_600 + deck_id % 97, b"\x08\x01\x10\x01", b"\n\x02\x08\x01"),
            )
        con.execute("INSERT INTO deck_config VALUES (1, 'Default', 0, 0, ?)", (bytes(range(0, 256, 3)),))
        for ntid, name in ANKI_NOTETYPES:
            con.execute("INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)", (ntid, name, b"\x1a\x05Arial \x14"))
            names = ("Front", "Back") if name == "Basic" else ("Text", "Back Extra")
            for ord_, field in enumerate(names):
                con.execute(
                    "INSERT INTO fields VALUES (?, ?, ?, ?)", (ntid, ord_, field, b"\x1a\x05Arial \x14")
                )
            con.execute(
                "INSERT INTO templates VALUES (?, 0, ?, 0, 0, ?)",
                (ntid, f"{name} Card 1", b"\n\x0c{{Front}}"),
            )
        config = [
            ("activeDecks", 1, b"[1]"),
            ("curModel", 0, str(ANKI_NOTETYPES[0][0]).encode()),
            ("nextPos", ANKI_CREATED + 60, str(notes).encode()),
            ("rollover", 0, b"4"),
            ("sortBackwards", 0, b"false"),
        ]
        con.executemany("INSERT INTO config VALUES (?, -1, ?, ?)", config)
        con.executemany(
            "INSERT INTO tags VALUES (?, -1, ?, NULL)",
            [("marked", 0), ("math", 0), ("tag::de", 1), ("tag::ja", 0)],
        )
    con.close()
    return path


ANKI_DDL = (
    "CREATE TABLE col (\n  id integer PRIMARY KEY,\n  crt integer NOT NULL,\n  mod integer NOT NULL,\n"
    "  scm integer NOT NULL,\n  ver integer NOT NULL,\n  dty integer NOT NULL,\n  usn integer NOT NULL,\n"
    "  ls integer NOT NULL,\n  conf text NOT NULL,\n  models text NOT NULL,\n  decks text NOT NULL,\n"
    "  dconf text NOT NULL,\n  tags text NOT NULL\n)",
    "CREATE TABLE notes (\n  id integer PRIMARY KEY,\n  guid text NOT NULL,\n  mid integer NOT NULL,\n"
    "  mod integer NOT NULL,\n  usn integer NOT NULL,\n  tags text NOT NULL,\n  flds text NOT NULL,\n"
    "  -- The use of type integer for sfld is deliberate, because it means that integer values in this\n"
    "  -- field will sort numerically.\n  sfld integer NOT NULL,\n  csum integer NOT NULL,\n"
    "  flags integer NOT NULL,\n  data text NOT NULL\n)",
    "CREATE TABLE cards (\n  id integer PRIMARY KEY,\n  nid integer NOT NULL,\n  did integer NOT NULL,\n"
    "  ord integer NOT NULL,\n  mod integer NOT NULL,\n  usn integer NOT NULL,\n  type integer NOT NULL,\n"
    "  queue integer NOT NULL,\n  due integer NOT NULL,\n  ivl integer NOT NULL,\n"
    "  factor integer NOT NULL,\n"
    "  reps integer NOT NULL,\n  lapses integer NOT NULL,\n  left integer NOT NULL,\n"
    "  odue integer NOT NULL,\n  odid integer NOT NULL,\n  flags integer NOT NULL,\n  data text NOT NULL\n)",
    "CREATE TABLE revlog (\n  id integer PRIMARY KEY,\n  cid integer NOT NULL,\n  usn integer NOT NULL,\n"
    "  ease integer NOT NULL,\n  ivl integer NOT NULL,\n  lastIvl integer NOT NULL,\n"
    "  factor integer NOT NULL,\n  time integer NOT NULL,\n  type integer NOT NULL\n)",
    "CREATE TABLE graves (\n  oid integer NOT NULL,\n  type integer NOT NULL,\n  usn integer NOT NULL,\n"
    "  PRIMARY KEY (oid, type)\n) WITHOUT ROWID",
    "CREATE TABLE deck_config (\n  id integer PRIMARY KEY NOT NULL,\n  name text NOT NULL COLLATE unicase,\n"
    "  mtime_secs integer NOT NULL,\n  usn integer NOT NULL,\n  config blob NOT NULL\n)",
    "CREATE TABLE config (\n  KEY text NOT NULL PRIMARY KEY,\n  usn integer NOT NULL,\n"
    "  mtime_secs integer NOT NULL,\n  val blob NOT NULL\n) without rowid",
    "CREATE TABLE fields (\n  ntid integer NOT NULL,\n  ord integer NOT NULL,\n"
    "  name text NOT NULL COLLATE unicase,\n  config blob NOT NULL,\n"
    "  PRIMARY KEY (ntid, ord)\n) without rowid",
    "CREATE TABLE templates (\n  ntid integer NOT NULL,\n  ord integer NOT NULL,\n"
    "  name text NOT NULL COLLATE unicase,\n  mtime_secs integer NOT NULL,\n  usn integer NOT NULL,\n"
    "  config blob NOT NULL,\n  PRIMARY KEY (ntid, ord)\n) without rowid",
    "CREATE TABLE notetypes (\n  id integer NOT NULL PRIMARY KEY,\n  name text NOT NULL COLLATE unicase,\n"
    "  mtime_secs integer NOT NULL,\n  usn integer NOT NULL,\n  config blob NOT NULL\n)",
    "CREATE TABLE decks (\n  id integer PRIMARY KEY NOT NULL,\n  name text NOT NULL COLLATE unicase,\n"
    "  mtime_secs integer NOT NULL,\n  usn integer NOT NULL,\n  common blob NOT NULL,\n"
    "  kind blob NOT NULL\n)",
    "CREATE TABLE tags (\n  tag text NOT NULL PRIMARY KEY COLLATE unicase,\n  usn integer NOT NULL,\n"
    "  collapsed boolean NOT NULL,\n  config blob NULL\n) without rowid",
    "CREATE INDEX ix_notes_usn ON notes (usn)",
    "CREATE INDEX ix_notes_csum ON notes (csum)",
    "CREATE INDEX ix_cards_nid ON cards (nid)",
    "CREATE INDEX ix_cards_sched ON cards (did, queue, due)",
    "CREATE INDEX ix_revlog_cid ON revlog (cid)",
    "CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid)",
    "CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name)",
    "CREATE UNIQUE INDEX idx_decks_name ON decks (name)",
)


# --- buku --------------------------------------------------------------------------------------------

BUKU_TITLES = (
    "Straße 🚗",
    "東京ガイド",
    "no-break\u00a0space",
    "",
    "NULL",
    "0042",
    "1,5 Liter",
    "<b>html</b>",
)
BUKU_TAGS = ("news,tech", "travel,日本", "0042", "a b,c d", "", "python,🐍")


def buku_title(i: int) -> str:
    """``metadata``, the page's title as fetched (each its own), ``''`` when none was fetched."""
    word = BUKU_TITLES[i % len(BUKU_TITLES)]
    return f"{word} – {i}" if word else ""


def buku_url(i: int) -> str:
    """Bookmark ``i``'s URL: a query with non-ASCII text, or a punycode host for every ninth."""
    return (
        f"http://xn--mnchen-3ya.de/{i}" if i % 9 == 0 else f"https://example.com/{i}?q={'ü' * (i % 3)}&n={i}"
    )


def buku_tags(i: int) -> str:
    """``tags`` as buku writes them: sorted, each between commas (``,news,tech,``), ``,`` for none."""
    tags = BUKU_TAGS[i % len(BUKU_TAGS)]
    return "," + "".join(f"{tag}," for tag in sorted(tags.split(","))) if tags else ","


def buku_desc(i: int) -> str:
    return " ".join(["desc"] * (i % 50)) if i % 3 else ""


def buku_rows(bookmarks: int, deleted: Sequence[int]) -> list[tuple[int, int]]:
    """``(id, bookmark)`` after deleting the ``deleted`` ids as buku does: the last row moves into each
    deleted id (its index stays 1..N, the URLs no longer in the order added)."""
    rows = {n + 1: n for n in range(bookmarks)}
    for gone in deleted:
        last = max(rows)
        rows[gone] = rows.pop(last)
    return sorted(rows.items())


def bookmark_manager(path: Path, bookmarks: int = 30, deleted: Sequence[int] = (4, 9)) -> Path:
    """A bookmark manager's ``bookmarks.db`` as buku 5 writes it (see the module's list)."""
    ddl = [
        "CREATE TABLE bookmarks (id integer PRIMARY KEY, URL text NOT NULL UNIQUE, metadata text default '', "
        "tags text default ',', desc text default '', flags integer default 0)"
    ]
    rows = {
        "bookmarks": [
            (n, buku_url(i), buku_title(i), buku_tags(i), buku_desc(i), int(i % 5 == 0))
            for n, i in buku_rows(bookmarks, deleted)
        ]
    }
    return write_export(path, ddl, rows)


# --- Prefect -----------------------------------------------------------------------------------------

PREFECT_FLOWS = ("etl-flow-😊", "failing flow")
PREFECT_LABELS = ("", "naïve café", "x\u00a0y", "😊" * 10)
PREFECT_START = datetime(2024, 11, 3, 1, 30)  # naive UTC, as the server's Timestamp type stores it
PREFECT_TIME = "%Y-%m-%d %H:%M:%S.%f"
PREFECT_EPOCH = datetime(1970, 1, 1)  # an Interval on SQLite: that moment plus the duration
PREFECT_BOOM = "Flow run encountered an exception: RuntimeError: boom — ü"
# A variable's value as the server's JSON column writes it (json.dumps), None as SQL NULL.
PREFECT_VARIABLES: tuple[tuple[str, Any], ...] = (
    ("var_text", "text"),
    ("var_rate", 12.5),
    ("var_retries", 3),
    ("var_dict", {"k": "ü😊", "n": None}),
    ("var_list", [1, 2, 3]),
    ("var_flag", True),
    ("var_none", None),
    ("var_empty", ""),
    ("var_code", "0042"),
)
PREFECT_UUID_DEFAULT = (
    "DEFAULT ((lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))),2) || '-' || substr('89ab',abs(random()) % 4 + 1, 1) || "
    "substr(lower(hex(randomblob(2))),2) || '-' || lower(hex(randomblob(6)))))"
)
PREFECT_NOW = "DEFAULT (strftime('%Y-%m-%d %H:%M:%f000', 'now'))"


def prefect_id(kind: str, i: int) -> str:
    """A row's uuid (deterministic: version 5 of its kind and number)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"prefect/{kind}/{i}"))


def prefect_failed(run: int) -> bool:
    return run % 4 == 3


def prefect_scheduled(run: int, runs: int) -> bool:
    """The last run is scheduled, never started."""
    return run == runs - 1


def prefect_started(run: int) -> datetime:
    return PREFECT_START + timedelta(minutes=37 * run, microseconds=(104_729 * run) % 1_000_000)


def prefect_duration(run: int) -> timedelta:
    """How long run ``run`` took (0 for the scheduled one: its ``total_run_time`` default)."""
    return timedelta(seconds=run % 5, microseconds=(123_457 * (run + 1)) % 1_000_000)


def prefect_text(moment: datetime) -> str:
    return moment.strftime(PREFECT_TIME)


def prefect_parameters(run: int) -> str:
    """``flow_run.parameters``: the call's parameters as JSON (json.dumps: non-ASCII escaped)."""
    label = PREFECT_LABELS[run % len(PREFECT_LABELS)]
    return json.dumps({"n": run, "label": label, "amount": float(f"{run}.{run:02d}"), "when": "2024-02-29"})


def prefect_log(run: int, line: int) -> tuple[str, int, str, bool]:
    """Log line ``line`` (0..2) of run ``run``: ``(logger, level, message, of a task)``."""
    if line == 0:
        return "prefect.flow_runs", 20, f"Beginning flow run 'run-{run}' for flow '{PREFECT_FLOWS[0]}'", False
    if line == 1:
        return "prefect.task_runs", 20, f"adding {run} + {run / 10} — café\u00a0naïve 😊", True
    if prefect_failed(run):
        trace = (
            "Traceback (most recent call last):\n"
            '  File "/srv/flows.py", line 32, in failing\n'
            '    raise RuntimeError("boom — ü")\n'
            "RuntimeError: boom — ü"
        )
        return (
            "prefect.flow_runs",
            40,
            f"Encountered exception during execution: RuntimeError('boom — ü')\n{trace}",
            False,
        )
    return "prefect.flow_runs", 20, "Finished in state Completed()", False


def prefect_server(path: Path, runs: int = 12) -> Path:
    """A workflow orchestrator's ``prefect.db`` as Prefect 3.9 writes it (see the module's list)."""
    key = f"id CHAR(36) {PREFECT_UUID_DEFAULT} NOT NULL"
    stamps = f"created DATETIME {PREFECT_NOW} NOT NULL, updated DATETIME {PREFECT_NOW} NOT NULL"
    ddl = [
        f"CREATE TABLE flow ({key}, {stamps}, name VARCHAR NOT NULL, tags JSON DEFAULT '[]' NOT NULL, "
        "labels JSON, CONSTRAINT pk_flow PRIMARY KEY (id), CONSTRAINT uq_flow__name UNIQUE (name))",
        f'CREATE TABLE "flow_run" ({key}, {stamps}, name VARCHAR NOT NULL, state_type VARCHAR(9), '
        "run_count INTEGER DEFAULT '0' NOT NULL, expected_start_time DATETIME, start_time DATETIME, "
        "end_time DATETIME, total_run_time DATETIME DEFAULT '0' NOT NULL, parameters JSON DEFAULT '{}' "
        "NOT NULL, tags JSON DEFAULT '[]' NOT NULL, auto_scheduled BOOLEAN DEFAULT '0' NOT NULL, "
        "flow_id CHAR(36) NOT NULL, state_id CHAR(36), state_name VARCHAR, state_timestamp DATETIME, "
        "CONSTRAINT pk_flow_run PRIMARY KEY (id), CONSTRAINT fk_flow_run__flow_id__flow FOREIGN "
        "KEY(flow_id) REFERENCES flow (id) ON DELETE CASCADE, CONSTRAINT fk_flow_run__state_id__"
        "flow_run_state FOREIGN KEY(state_id) REFERENCES flow_run_state (id) ON DELETE SET NULL)",
        f'CREATE TABLE "flow_run_state" ({key}, {stamps}, type VARCHAR(9) NOT NULL, '
        f"timestamp DATETIME {PREFECT_NOW} NOT NULL, name VARCHAR NOT NULL, message VARCHAR, "
        "state_details JSON DEFAULT '{}' NOT NULL, data JSON, flow_run_id CHAR(36) NOT NULL, "
        "CONSTRAINT pk_flow_run_state PRIMARY KEY (id), CONSTRAINT fk_flow_run_state__flow_run_id__"
        "flow_run FOREIGN KEY(flow_run_id) REFERENCES flow_run (id) ON DELETE CASCADE)",
        f'CREATE TABLE "log" ({key}, {stamps}, name VARCHAR NOT NULL, level SMALLINT NOT NULL, '
        "flow_run_id CHAR(36), task_run_id CHAR(36), message TEXT NOT NULL, timestamp DATETIME NOT NULL, "
        "CONSTRAINT pk_log PRIMARY KEY (id))",
        f"CREATE TABLE \"variable\" ({key}, {stamps}, name VARCHAR NOT NULL, tags JSON DEFAULT '[]' "
        "NOT NULL, value JSON, CONSTRAINT pk_variable PRIMARY KEY (id), CONSTRAINT uq_variable__name "
        "UNIQUE (name))",
        f'CREATE TABLE "artifact" ({key}, {stamps}, "key" VARCHAR, type VARCHAR, data JSON, '
        "metadata_ JSON, task_run_id CHAR(36), flow_run_id CHAR(36), description VARCHAR, "
        "CONSTRAINT pk_artifact PRIMARY KEY (id))",
    ]
    flows = [
        (prefect_id("flow", f), prefect_text(PREFECT_START), prefect_text(PREFECT_START), name, "[]", "{}")
        for f, name in enumerate(PREFECT_FLOWS)
    ]
    flow_runs: list[Sequence[Any]] = []
    states: list[Sequence[Any]] = []
    logs: list[Sequence[Any]] = []
    artifacts: list[Sequence[Any]] = []
    for run in range(runs):
        started, took = prefect_started(run), prefect_duration(run)
        ended = started + took
        scheduled = prefect_scheduled(run, runs)
        final = (
            ("SCHEDULED", "Scheduled")
            if scheduled
            else ("FAILED", "Failed")
            if prefect_failed(run)
            else (
                "COMPLETED",
                "Completed",
            )
        )
        kinds = [final] if scheduled else [("PENDING", "Pending"), ("RUNNING", "Running"), final]
        for s, (kind, name) in enumerate(kinds):
            at = started if scheduled else started + took * s / 2
            details = json.dumps({"flow_run_id": prefect_id("flow_run", run), "task_run_id": None})
            message = PREFECT_BOOM if kind == "FAILED" else None
            states.append(
                (
                    prefect_id("state", 3 * run + s),
                    prefect_text(at),
                    prefect_text(at),
                    kind,
                    prefect_text(at),
                    name,
                    message,
                    details,
                    None,
                    prefect_id("flow_run", run),
                )
            )
        state_at = started if scheduled else ended
        flow_runs.append(
            (
                prefect_id("flow_run", run),
                prefect_text(started),
                prefect_text(state_at),
                f"run-{run}",
                final[0],
                0 if scheduled else 1,
                prefect_text(started),
                None if scheduled else prefect_text(started),
                None if scheduled else prefect_text(ended),
                prefect_text(PREFECT_EPOCH + (timedelta(0) if scheduled else took)),
                prefect_parameters(run),
                "[]",
                0,
                prefect_id("flow", int(prefect_failed(run))),
                prefect_id("state", 3 * run + len(kinds) - 1),
                final[1],
                prefect_text(state_at),
            )
        )
        if scheduled:
            continue
        for line in range(3):
            logger, level, message, of_task = prefect_log(run, line)
            at = started + timedelta(milliseconds=40 * line)
            logs.append(
                (
                    prefect_id("log", 3 * run + line),
                    prefect_text(at),
                    prefect_text(at),
                    logger,
                    level,
                    prefect_id("flow_run", run),
                    prefect_id("task_run", run) if of_task else None,
                    message,
                    prefect_text(at),
                )
            )
        report = "# Report\n" + "long text " * 50 * (run + 1) + "😊"
        for a, (kind, data) in enumerate(
            (("markdown", report), ("table", json.dumps([{"a": run, "b": None}])))
        ):
            artifacts.append(
                (
                    prefect_id("artifact", 2 * run + a),
                    prefect_text(ended),
                    prefect_text(ended),
                    f"{kind}-{run}",
                    kind,
                    json.dumps(data),
                    "null",
                    None,
                    prefect_id("flow_run", run),
                    "desc\u00a0nbsp" if a == 0 else None,
                )
            )
    variables = [
        (
            prefect_id("variable", v),
            prefect_text(PREFECT_START),
            prefect_text(PREFECT_START),
            name,
            '["t"]',
            None if value is None else json.dumps(value),
        )
        for v, (name, value) in enumerate(PREFECT_VARIABLES)
    ]
    rows = {
        "flow": flows,
        "flow_run_state": states,
        "flow_run": flow_runs,
        "log": logs,
        "variable": variables,
        "artifact": artifacts,
    }
    return write_export(path, ddl, rows)


# --- Apache Airflow ----------------------------------------------------------------------------------

AIRFLOW_DAG = "etl_demo"
AIRFLOW_TASKS = ("extract", "transform", "load", "fail_sometimes")
AIRFLOW_START = datetime(2024, 1, 1, 0, 0, 5, 1)  # naive UTC, as UtcDateTime stores it on SQLite
AIRFLOW_TIME = "%Y-%m-%d %H:%M:%S.%f"
AIRFLOW_PICKLE = b"\x80\x05}\x94."  # pickle.dumps({}): an operator's empty executor_config
AIRFLOW_VARIABLES = ("greeting", "amount", "code", "cfg", "empty")


def airflow_text(moment: datetime) -> str:
    return moment.strftime(AIRFLOW_TIME)


def airflow_run_id(run: int) -> str:
    """A manual run's id: the instant it was triggered, with its offset."""
    return f"manual__{airflow_started(run).isoformat()}+00:00"


def airflow_started(run: int) -> datetime:
    return AIRFLOW_START + timedelta(days=run, minutes=7 * run, microseconds=31_337 * run)


def airflow_ran(run: int, runs: int) -> bool:
    """The last run is queued: its task instances never ran."""
    return run < runs - 1


def airflow_failed(run: int, task: int) -> bool:
    return AIRFLOW_TASKS[task] == "fail_sometimes" and run % 2 == 0


def airflow_duration(run: int, task: int) -> float:
    """A task's REAL seconds as Airflow computes them (``(end - start).total_seconds()``)."""
    return ((airflow_end(run, task) - airflow_begin(run, task)) / timedelta(microseconds=1)) / 1e6


def airflow_begin(run: int, task: int) -> datetime:
    return airflow_started(run) + timedelta(seconds=4 * task, microseconds=90_001 * task)


def airflow_end(run: int, task: int) -> datetime:
    return airflow_begin(run, task) + timedelta(seconds=1 + run % 3, microseconds=224_896 + 7 * task)


def airflow_ti_id(run: int, task: int) -> str:
    """A task instance's id: a uuid7 as 32 hex digits."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"airflow/ti/{run}/{task}").hex


def airflow_xcom(run: int, task: int) -> str | None:
    """The JSON a task returned (``return_value``), None for one returning nothing."""
    name = AIRFLOW_TASKS[task]
    if name == "extract":
        rows = [
            {"id": i, "name": ["", "naïve café", "x\u00a0y", "😊"][i % 4], "amount": f"{i}.{i:02d}"}
            for i in range(5)
        ]
        return json.dumps(rows)
    if name == "transform":
        return json.dumps(
            {"total": sum(float(f"{i}.{i:02d}") for i in range(5)), "count": 5 + run, "when": "2024-02-29"}
        )
    if name == "load":
        return json.dumps("ok")
    return None


def airflow_fernet(name: str) -> str:
    """A variable's value as Airflow stores it encrypted: a Fernet token (urlsafe base64, from b'gAAAAA')."""
    body = hashlib.sha256(name.encode()).digest() * (1 + len(name) % 3)
    return base64.urlsafe_b64encode(b"\x80" + bytes(8) + body).decode()


def airflow_metadata(path: Path, runs: int = 5) -> Path:
    """A workflow scheduler's ``airflow.db`` as Apache Airflow 3.3 writes it (see the module's list)."""
    ddl = [
        "CREATE TABLE dag (dag_id VARCHAR(250) NOT NULL, is_paused BOOLEAN NOT NULL, is_stale BOOLEAN NOT "
        "NULL, last_parsed_time TIMESTAMP, fileloc VARCHAR(2000), owners VARCHAR(2000), description TEXT, "
        "timetable_type VARCHAR(255) NOT NULL, timetable_summary TEXT, max_active_tasks INTEGER NOT NULL, "
        "allowed_run_types JSON, next_dagrun TIMESTAMP, CONSTRAINT dag_pkey PRIMARY KEY (dag_id))",
        "CREATE TABLE dag_run (id INTEGER NOT NULL, dag_id VARCHAR(250) NOT NULL, queued_at TIMESTAMP, "
        "logical_date TIMESTAMP, start_date TIMESTAMP, end_date TIMESTAMP, state VARCHAR(50), run_id "
        "VARCHAR(250) NOT NULL, run_type VARCHAR(50) NOT NULL, triggered_by VARCHAR(50), conf JSON, "
        "data_interval_start TIMESTAMP, data_interval_end TIMESTAMP, run_after TIMESTAMP NOT NULL, "
        "clear_number INTEGER DEFAULT '0' NOT NULL, CONSTRAINT dag_run_pkey PRIMARY KEY (id), "
        "CONSTRAINT dag_run_dag_id_run_id_key UNIQUE (dag_id, run_id), "
        "CONSTRAINT dag_run_dag_id_logical_date_key UNIQUE (dag_id, logical_date))",
        "CREATE TABLE task_instance (id CHAR(32) NOT NULL, task_id VARCHAR(250) NOT NULL, dag_id "
        "VARCHAR(250) NOT NULL, run_id VARCHAR(250) NOT NULL, map_index INTEGER DEFAULT '-1' NOT NULL, "
        "start_date TIMESTAMP, end_date TIMESTAMP, duration FLOAT, state VARCHAR(20), try_number INTEGER "
        "NOT NULL, max_tries INTEGER DEFAULT '-1' NOT NULL, hostname VARCHAR(1000), unixname VARCHAR(1000), "
        "pool VARCHAR(256) NOT NULL, pool_slots INTEGER NOT NULL, priority_weight INTEGER, operator "
        "VARCHAR(1000), executor_config BLOB, updated_at TIMESTAMP, next_kwargs JSON, "
        "CONSTRAINT task_instance_pkey PRIMARY KEY (id), CONSTRAINT task_instance_composite_key UNIQUE "
        "(dag_id, task_id, run_id, map_index), CONSTRAINT task_instance_dag_run_fkey FOREIGN KEY(dag_id, "
        "run_id) REFERENCES dag_run (dag_id, run_id) ON DELETE CASCADE)",
        "CREATE TABLE xcom (dag_run_id INTEGER NOT NULL, task_id VARCHAR(250) NOT NULL, map_index INTEGER "
        "DEFAULT '-1' NOT NULL, \"key\" VARCHAR(512) NOT NULL, dag_result BOOLEAN, dag_id VARCHAR(250) NOT "
        "NULL, run_id VARCHAR(250) NOT NULL, value JSON, timestamp TIMESTAMP NOT NULL, CONSTRAINT xcom_pkey "
        'PRIMARY KEY (dag_run_id, task_id, map_index, "key"), CONSTRAINT xcom_task_instance_fkey FOREIGN '
        "KEY(dag_id, task_id, run_id, map_index) REFERENCES task_instance (dag_id, task_id, run_id, "
        "map_index) ON DELETE CASCADE)",
        "CREATE TABLE log (id INTEGER NOT NULL, dttm TIMESTAMP, dag_id VARCHAR(250), task_id VARCHAR(250), "
        "map_index INTEGER, event VARCHAR(60) NOT NULL, logical_date TIMESTAMP, run_id VARCHAR(250), owner "
        "VARCHAR(500), extra TEXT, try_number INTEGER, CONSTRAINT log_pkey PRIMARY KEY (id))",
        'CREATE TABLE variable (id INTEGER NOT NULL, "key" VARCHAR(250) NOT NULL, val TEXT NOT NULL, '
        "description TEXT, is_encrypted BOOLEAN NOT NULL, CONSTRAINT variable_pkey PRIMARY KEY (id), "
        'CONSTRAINT variable_key_uq UNIQUE ("key"))',
        "CREATE TABLE slot_pool (id INTEGER NOT NULL, pool VARCHAR(256), slots INTEGER NOT NULL, description "
        "TEXT, include_deferred BOOLEAN NOT NULL, CONSTRAINT slot_pool_pkey PRIMARY KEY (id), "
        "CONSTRAINT slot_pool_pool_uq UNIQUE (pool))",
    ]
    dags = [
        (
            AIRFLOW_DAG,
            1,
            0,
            airflow_text(AIRFLOW_START),
            "/srv/dags/etl.py",
            "airflow",
            "An ETL\u00a0DAG — naïve",
            "cron",
            "@daily",
            16,
            None,
            airflow_text(datetime(2024, 1, 6)),
        )
    ]
    dag_runs: list[Sequence[Any]] = []
    instances: list[Sequence[Any]] = []
    xcoms: list[Sequence[Any]] = []
    logs: list[Sequence[Any]] = []
    for run in range(runs):
        ran, at = airflow_ran(run, runs), airflow_started(run)
        last = airflow_end(run, len(AIRFLOW_TASKS) - 1)
        failed = any(airflow_failed(run, t) for t in range(len(AIRFLOW_TASKS)))
        day = datetime(2024, 1, 1) + timedelta(days=run)
        dag_runs.append(
            (
                run + 1,
                AIRFLOW_DAG,
                None if ran else airflow_text(at),
                airflow_text(day) if ran else None,
                airflow_text(at) if ran else None,
                airflow_text(last) if ran else None,
                ("failed" if failed else "success") if ran else "queued",
                airflow_run_id(run),
                "manual",
                "cli",
                json.dumps({"note": "ü 😊"} if run == runs - 1 else {}),
                airflow_text(day) if ran else None,
                airflow_text(day) if ran else None,
                airflow_text(at),
                0,
            )
        )
        for task, name in enumerate(AIRFLOW_TASKS):
            begin, end = airflow_begin(run, task), airflow_end(run, task)
            state = ("failed" if airflow_failed(run, task) else "success") if ran else None
            instances.append(
                (
                    airflow_ti_id(run, task),
                    name,
                    AIRFLOW_DAG,
                    airflow_run_id(run),
                    -1,
                    airflow_text(begin) if ran else None,
                    airflow_text(end) if ran else None,
                    airflow_duration(run, task) if ran else None,
                    state,
                    1 if ran else 0,
                    0,
                    "vm" if ran else "",
                    "airflow",
                    "default_pool",
                    1,
                    len(AIRFLOW_TASKS) - task,
                    "_PythonDecoratedOperator",
                    AIRFLOW_PICKLE,
                    airflow_text(end if ran else at),
                    "null" if ran else None,
                )
            )
            value = airflow_xcom(run, task)
            if ran and value is not None and not airflow_failed(run, task):
                xcoms.append(
                    (
                        run + 1,
                        name,
                        -1,
                        "return_value",
                        0,
                        AIRFLOW_DAG,
                        airflow_run_id(run),
                        value,
                        airflow_text(end),
                    )
                )
            if ran:
                logs.append(
                    (
                        len(logs) + 1,
                        airflow_text(begin),
                        AIRFLOW_DAG,
                        name,
                        -1,
                        "running",
                        airflow_text(day),
                        airflow_run_id(run),
                        "airflow",
                        json.dumps({"host_name": "vm"}),
                        1,
                    )
                )
        logs.append(
            (
                len(logs) + 1,
                airflow_text(at),
                None if run % 2 else AIRFLOW_DAG,
                None,
                None,
                "cli_dag_test",
                None,
                None,
                "root",
                json.dumps({"host_name": "vm", "full_command": str(["airflow", "dags", "test"])}),
                None,
            )
        )
    variables = [
        (v + 1, name, airflow_fernet(name), "JSON\u00a0cfg" if name == "cfg" else None, 1)
        for v, name in enumerate(AIRFLOW_VARIABLES)
    ]
    pools = [(1, "default_pool", 128, "Default pool", 0), (2, "etl_pool", 4, "pool — ü", 0)]
    rows = {
        "dag": dags,
        "dag_run": dag_runs,
        "task_instance": instances,
        "xcom": xcoms,
        "log": logs,
        "variable": variables,
        "slot_pool": pools,
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- calibre ---------------------------------------------------------------------------------------------

CALIBRE_TITLES = (
    "The Hobbit",
    "Les Misérables",
    "Война и мир",
    "百年孤独",
    "A Tale\u00a0of Dragons 🐉",
    "L’Étranger",
    "Der Zauberberg",
)
CALIBRE_AUTHORS = ("J. R. R. Tolkien", "Victor Hugo", "Лев Толстой", "Gabriel García Márquez", "Zoë O’Brien")
#: calibre's UNDEFINED_DATE: the publication date of a book whose date is not known.
CALIBRE_NO_DATE = "0101-01-01 00:00:00+00:00"
CALIBRE_PRICES = (12.99, 0.1 + 0.2, 1e-7, 19.95)
CALIBRE_GENRES = ("Fiction", "Non-fiction", "Poetry")
CALIBRE_ADDED = datetime(2026, 12, 5, 4, 8, 42, tzinfo=UTC)


def calibre_book_ids(books: int, deleted: Sequence[int]) -> list[int]:
    """The ids of a library's books: 1.. in the order they were added, the deleted ones gone."""
    return [n for n in range(1, books + len(deleted) + 1) if n not in deleted]


def calibre_moment(moment: datetime) -> str:
    """A moment as calibre stores it: ``str()`` of an aware UTC datetime (a fraction only when it has one)."""
    return str(moment.astimezone(UTC))


def calibre_added(n: int) -> datetime:
    return CALIBRE_ADDED + timedelta(seconds=37 * n, microseconds=0 if n % 7 == 0 else (n * 104729) % 10**6)


def calibre_pubdate(n: int) -> str:
    if n % 4 == 0:
        return CALIBRE_NO_DATE
    return calibre_moment(datetime(1800 + 7 * n, 1 + n % 12, 1 + n % 28, (10 * n) % 24, tzinfo=UTC))


def calibre_title(n: int) -> str:
    return f"{CALIBRE_TITLES[n % len(CALIBRE_TITLES)]} {n}"


def calibre_sort(title: str) -> str:
    """calibre's ``title_sort()``: a leading English article moved to the end."""
    for article in ("The ", "A ", "An "):
        if title.startswith(article):
            return f"{title[len(article) :]}, {article.strip()}"
    return title


def calibre_isbn(n: int) -> str:
    return f"{(n * 7919) % 10**9:010d}"  # ten digits, leading zeros


def calibre_rated(ids: Sequence[int]) -> list[int]:
    """The books rated: two in five, from the first to the last (under half the keys)."""
    return [n for n in ids if n % 5 in (1, 3)]


def calibre_comment(n: int) -> str:
    return f"<p>Résumé №{n} — “quoted”\u00a0text</p>\n<p>line 2 😀</p>"


def ebook_library(path: Path, books: int = 30, deleted: Sequence[int] = (4, 17)) -> Path:
    """An e-book library's ``metadata.db`` as calibre 6 writes it (see the module's list)."""
    ddl = [
        "CREATE TABLE books ( id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL DEFAULT 'Unknown' "
        "COLLATE NOCASE, sort TEXT COLLATE NOCASE, timestamp TIMESTAMP DEFAULT CURRENT_TIMESTAMP, pubdate "
        "TIMESTAMP DEFAULT CURRENT_TIMESTAMP, series_index REAL NOT NULL DEFAULT 1.0, author_sort TEXT "
        'COLLATE NOCASE, isbn TEXT DEFAULT "" COLLATE NOCASE, lccn TEXT DEFAULT "" COLLATE NOCASE, path TEXT '
        'NOT NULL DEFAULT "", flags INTEGER NOT NULL DEFAULT 1, uuid TEXT, has_cover BOOL DEFAULT 0, '
        'last_modified TIMESTAMP NOT NULL DEFAULT "2000-01-01 00:00:00+00:00")',
        "CREATE TABLE authors ( id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE, sort TEXT COLLATE "
        'NOCASE, link TEXT NOT NULL DEFAULT "", UNIQUE(name) )',
        "CREATE TABLE books_authors_link ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL, author INTEGER NOT "
        "NULL, UNIQUE(book, author) )",
        "CREATE TABLE ratings ( id INTEGER PRIMARY KEY, rating INTEGER CHECK(rating > -1 AND rating < 11), "
        "UNIQUE (rating) )",
        "CREATE TABLE books_ratings_link ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL, rating INTEGER NOT "
        "NULL, UNIQUE(book, rating) )",
        "CREATE TABLE identifiers ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL, type TEXT NOT NULL "
        'DEFAULT "isbn" COLLATE NOCASE, val TEXT NOT NULL COLLATE NOCASE, UNIQUE(book, type) )',
        "CREATE TABLE comments ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL, text TEXT NOT NULL COLLATE "
        "NOCASE, UNIQUE(book) )",
        "CREATE TABLE data ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL, format TEXT NOT NULL COLLATE "
        "NOCASE, uncompressed_size INTEGER NOT NULL, name TEXT NOT NULL, UNIQUE(book, format) )",
        "CREATE TABLE custom_columns ( id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT NOT NULL, name TEXT "
        "NOT NULL, datatype TEXT NOT NULL, mark_for_delete BOOL DEFAULT 0 NOT NULL, editable BOOL DEFAULT 1 "
        'NOT NULL, display TEXT DEFAULT "{}" NOT NULL, is_multiple BOOL DEFAULT 0 NOT NULL, normalized BOOL '
        "NOT NULL, UNIQUE(label) )",
        "CREATE TABLE custom_column_1( id INTEGER PRIMARY KEY AUTOINCREMENT, book INTEGER, value REAL NOT "
        "NULL , UNIQUE(book))",
        "CREATE TABLE custom_column_2( id INTEGER PRIMARY KEY AUTOINCREMENT, book INTEGER, value BOOL NOT "
        "NULL , UNIQUE(book))",
        "CREATE TABLE custom_column_3( id INTEGER PRIMARY KEY AUTOINCREMENT, book INTEGER, value timestamp "
        "NOT NULL , UNIQUE(book))",
        "CREATE TABLE custom_column_5( id INTEGER PRIMARY KEY AUTOINCREMENT, value TEXT NOT NULL COLLATE "
        "NOCASE, UNIQUE(value))",
        "CREATE TABLE books_custom_column_5_link( id INTEGER PRIMARY KEY AUTOINCREMENT, book INTEGER NOT "
        "NULL, value INTEGER NOT NULL, UNIQUE(book, value) )",
        "CREATE TABLE preferences(id INTEGER PRIMARY KEY, key TEXT NOT NULL, val TEXT NOT NULL, UNIQUE(key))",
        "CREATE TABLE library_id ( id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, UNIQUE(uuid) )",
    ]
    ids = calibre_book_ids(books, deleted)
    authors = len(CALIBRE_AUTHORS)
    author_of = {n: [1 + n % authors] + ([1 + (n + 2) % authors] if n % 6 == 0 else []) for n in ids}
    links = [(n, a) for n in ids for a in author_of[n]]
    rows: dict[str, list[Sequence[Any]]] = {
        "books": [
            (
                n,
                calibre_title(n),
                calibre_sort(calibre_title(n)),
                calibre_moment(calibre_added(n)),
                calibre_pubdate(n),
                (1.0, 2.5, 0.1, 10.0)[n % 4],
                CALIBRE_AUTHORS[author_of[n][0] - 1],
                "",
                "",
                f"{CALIBRE_AUTHORS[author_of[n][0] - 1]}/{calibre_title(n)} ({n})",
                1,
                str(UUID(int=0x6F7D2C0802454C4CB09C80B2AD540000 + n)),
                int(n % 3 == 0),
                calibre_moment(calibre_added(n) + timedelta(seconds=5, microseconds=123457)),
            )
            for n in ids
        ],
        "authors": [(k, name, name, "") for k, name in enumerate(CALIBRE_AUTHORS, 1)],
        "books_authors_link": [(k, n, a) for k, (n, a) in enumerate(links, 1)],
        "ratings": [(k, 2 * k) for k in range(1, 6)],
        "books_ratings_link": [(k, n, 1 + n % 5) for k, n in enumerate(calibre_rated(ids), 1)],
        "identifiers": [
            (k, n, "isbn" if n % 2 else "amazon", calibre_isbn(n) if n % 2 else f"B00{n:07d}")
            for k, n in enumerate(ids, 1)
        ],
        "comments": [(k, n, calibre_comment(n)) for k, n in enumerate([n for n in ids if n % 3], 1)],
        "data": [
            (k, n, "EPUB", 1000 + 17 * n, f"{calibre_title(n)} - Unknown") for k, n in enumerate(ids[-2:], 1)
        ],
        "custom_columns": [
            (1, "price", "Price", "float", 0, 1, "{}", 0, 0),
            (2, "read", "Read", "bool", 0, 1, "{}", 0, 0),
            (3, "bought", "Bought", "datetime", 0, 1, '{"date_format": null}', 0, 0),
            (
                5,
                "genre",
                "Genre",
                "enumeration",
                0,
                1,
                json.dumps({"enum_values": list(CALIBRE_GENRES)}),
                0,
                1,
            ),
        ],
        "custom_column_1": [
            (k, n, CALIBRE_PRICES[n % 4]) for k, n in enumerate([n for n in ids if n % 2], 1)
        ],
        "custom_column_2": [(k, n, int(n % 3 == 0)) for k, n in enumerate([n for n in ids if n % 3 != 2], 1)],
        "custom_column_3": [
            (k, n, calibre_moment(datetime(2024, 2, 29, 9, 11, 12, tzinfo=UTC) + timedelta(days=n)))
            for k, n in enumerate([n for n in ids if n % 5], 1)
        ],
        "custom_column_5": [(k, genre) for k, genre in enumerate(CALIBRE_GENRES, 1)],
        "books_custom_column_5_link": [(k, n, 1 + n % 3) for k, n in enumerate([n for n in ids if n % 4], 1)],
        "preferences": [
            (1, "bools_are_tristate", "true"),
            (2, "user_categories", "{}"),
            (3, "field_metadata", json.dumps({"title": {"name": "Titel ✓", "is_custom": False}})),
        ],
        "library_id": [(1, "667d2c08-0245-44c4-b09c-80b2ad54b31d")],
    }
    write_export(path, ddl, rows)
    # calibre's own triggers call its own SQL functions, which only calibre defines.
    with closing(sqlite3.connect(path)) as con, con:
        con.execute(
            "CREATE TRIGGER books_insert_trg AFTER INSERT ON books BEGIN UPDATE books SET "
            "sort=title_sort(NEW.title),uuid=uuid4() WHERE id=NEW.id; END"
        )
        con.execute(
            "CREATE TRIGGER fkc_insert_books_ratings_link BEFORE INSERT ON books_ratings_link BEGIN SELECT "
            "CASE WHEN (SELECT id from books WHERE id=NEW.book) IS NULL THEN RAISE(ABORT, 'Foreign key "
            "violation: book not in books') END; END"
        )
    return path


# --- Wagtail ---------------------------------------------------------------------------------------------

WAGTAIL_BASE = datetime(2026, 12, 5, 4, 16, 0)  # naive UTC, as Django writes under USE_TZ
WAGTAIL_PRICES = (
    Decimal("12.50"),
    Decimal("0.10"),
    Decimal("999999.99"),
    None,
    Decimal("0.00"),
    Decimal("7"),
)
WAGTAIL_CODES = ("007", "0042", "A1", "", "10")
WAGTAIL_TITLES = ("Concert", "Théâtre", "Ausstellung", "音乐会", "Fête 🎉")
#: The section pages (ids 4..6) under the home page (id 3); events follow from id 7.
WAGTAIL_SECTIONS = 3


def django_moment(moment: datetime | None) -> str | None:
    """A naive datetime as Django's SQLite backend writes it: ``str()``, a fraction only when it has one."""
    return None if moment is None else str(moment)


def wagtail_event_ids(events: int, deleted: Sequence[int]) -> list[int]:
    return [n for n in range(7, 7 + events) if n not in deleted]


def wagtail_path(n: int) -> str:
    """A page's treebeard path: 4-digit steps from the root (``0001``), each step its place among its
    siblings: the home page ``00010001``, section ``k`` ``00010001000k``, an event under its section."""
    if n == 1:
        return "0001"
    if n == 3:
        return "00010001"
    if n == 100:
        return "00010002"  # the home page's French translation
    if n < 7:
        return f"00010001{n - 3:04d}"
    return f"{wagtail_path(wagtail_section(n))}{(n - 7) // WAGTAIL_SECTIONS + 1:04d}"


def wagtail_section(n: int) -> int:
    return 4 + (n - 7) % WAGTAIL_SECTIONS


def wagtail_created(n: int) -> datetime:
    return WAGTAIL_BASE + timedelta(seconds=3 * n, microseconds=0 if n % 5 == 0 else (n * 7919) % 10**6)


def wagtail_doors(n: int) -> str | None:
    if n % 4 == 0:
        return None
    return f"18:{(7 * n) % 60:02d}:{(13 * n) % 60:02d}" + (".500000" if n % 3 == 0 else "")


def wagtail_price(n: int) -> Decimal | None:
    return WAGTAIL_PRICES[n % len(WAGTAIL_PRICES)]


def wagtail_starts(n: int) -> datetime | None:
    return None if n % 5 == 0 else datetime(2026, 1 + n % 12, 1 + n % 28, 17 + n % 2, 30)


def wagtail_day(n: int) -> date | None:
    return None if n % 3 == 0 else date(2026, 1 + n % 12, 1 + n % 28)


def wagtail_body(n: int) -> str:
    if n % 6 == 0:
        return "[]"
    blocks = [
        {"type": "heading", "value": f"Titre {n}", "id": str(UUID(int=n))},
        {"type": "paragraph", "value": f"<p>Para\u00a0{n} 😀</p>", "id": str(UUID(int=10**6 + n))},
        {"type": "price", "value": str(Decimal(n) / 4), "id": str(UUID(int=2 * 10**6 + n))},
    ]
    return json.dumps(blocks)


def wagtail_site(path: Path, events: int = 24, deleted: Sequence[int] = (12, 13)) -> Path:
    """A Wagtail CMS's ``db.sqlite3`` (see the module's list)."""
    ddl = [
        'CREATE TABLE "django_content_type" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "app_label" '
        'varchar(100) NOT NULL, "model" varchar(100) NOT NULL)',
        'CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" '
        'varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" '
        'varchar(150) NOT NULL UNIQUE, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, '
        '"is_staff" bool NOT NULL, "is_active" bool NOT NULL, "date_joined" datetime NOT NULL, '
        '"first_name" varchar(150) NOT NULL)',
        'CREATE TABLE "wagtailcore_locale" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"language_code" varchar(100) NOT NULL UNIQUE)',
        'CREATE TABLE "wagtailcore_revision" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"created_at" datetime NOT NULL, "approved_go_live_at" datetime NULL, "user_id" integer NULL '
        'REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED, "content" text NOT NULL CHECK '
        '((JSON_VALID("content") OR "content" IS NULL)), "object_id" varchar(255) NOT NULL, '
        '"content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY '
        'DEFERRED, "base_content_type_id" integer NOT NULL REFERENCES "django_content_type" ("id") '
        'DEFERRABLE INITIALLY DEFERRED, "object_str" text NOT NULL)',
        'CREATE TABLE "wagtailcore_page" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "path" '
        'varchar(255) NOT NULL UNIQUE, "depth" integer unsigned NOT NULL CHECK ("depth" >= 0), "numchild" '
        'integer unsigned NOT NULL CHECK ("numchild" >= 0), "title" varchar(255) NOT NULL, "slug" '
        'varchar(255) NOT NULL, "live" bool NOT NULL, "has_unpublished_changes" bool NOT NULL, "url_path" '
        'text NOT NULL, "seo_title" varchar(255) NOT NULL, "show_in_menus" bool NOT NULL, '
        '"search_description" text NOT NULL, "go_live_at" datetime NULL, "expire_at" datetime NULL, '
        '"expired" bool NOT NULL, "content_type_id" integer NOT NULL REFERENCES "django_content_type" '
        '("id") DEFERRABLE INITIALLY DEFERRED, "owner_id" integer NULL REFERENCES "auth_user" ("id") '
        'DEFERRABLE INITIALLY DEFERRED, "locked" bool NOT NULL, "latest_revision_created_at" datetime '
        'NULL, "first_published_at" datetime NULL, "live_revision_id" integer NULL REFERENCES '
        '"wagtailcore_revision" ("id") DEFERRABLE INITIALLY DEFERRED, "last_published_at" datetime NULL, '
        '"draft_title" varchar(255) NOT NULL, "locked_at" datetime NULL, "locked_by_id" integer NULL '
        'REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED, "locale_id" integer NOT NULL '
        'REFERENCES "wagtailcore_locale" ("id") DEFERRABLE INITIALLY DEFERRED, "translation_key" char(32) '
        'NOT NULL, "alias_of_id" integer NULL REFERENCES "wagtailcore_page" ("id") DEFERRABLE INITIALLY '
        'DEFERRED, "latest_revision_id" integer NULL REFERENCES "wagtailcore_revision" ("id") DEFERRABLE '
        "INITIALLY DEFERRED)",
        'CREATE TABLE "home_eventpage" ("page_ptr_id" integer NOT NULL PRIMARY KEY REFERENCES '
        '"wagtailcore_page" ("id") DEFERRABLE INITIALLY DEFERRED, "body" text NOT NULL CHECK '
        '((JSON_VALID("body") OR "body" IS NULL)), "intro" text NOT NULL, "starts_at" datetime NULL, '
        '"day" date NULL, "doors" time NULL, "price" decimal NULL, "capacity" integer unsigned NOT NULL '
        'CHECK ("capacity" >= 0), "code" varchar(10) NOT NULL, "sold_out" bool NOT NULL)',
    ]
    event_ids = wagtail_event_ids(events, deleted)
    eventpages = [*range(4, 4 + WAGTAIL_SECTIONS), *event_ids]
    home_key = "0f8fad5bd9cb469fa16570867728950e"
    title = {1: "Root", 3: "Home", 100: "Accueil"}
    title |= {n: f"Saison {n - 3} — été" for n in range(4, 7)}
    title |= {n: f"{WAGTAIL_TITLES[n % len(WAGTAIL_TITLES)]} {n}" for n in event_ids}
    children = {n: sum(1 for e in event_ids if wagtail_section(e) == n) for n in range(4, 7)}
    children |= {1: 2, 3: WAGTAIL_SECTIONS, 100: 0}
    slug = {1: "root", 3: "home", 100: "home-fr"} | {n: f"saison-{n - 3}" for n in range(4, 7)}
    slug |= {n: f"event-{n}" for n in event_ids}

    def url(n: int) -> str:
        if n == 1:
            return "/"
        if n in (3, 100):
            return f"/{slug[n]}/"
        parent = 3 if n < 7 else wagtail_section(n)
        return f"{url(parent)}{slug[n]}/"

    revisions: list[tuple[int, int]] = []  # (revision id, page)
    for n in eventpages:
        revisions.append((len(revisions) + 1, n))
        if n % 7 == 0:
            revisions.append((len(revisions) + 1, n))
    latest = {page: rid for rid, page in revisions}
    live = {n: n % 5 != 4 for n in eventpages} | {1: True, 3: True, 100: False}
    pages = [1, 3, *eventpages, 100]

    def page_row(n: int) -> tuple[Any, ...]:
        created = wagtail_created(n) if n in latest else None
        published = created if live[n] and n in latest else None
        return (
            n,
            wagtail_path(n),
            len(wagtail_path(n)) // 4,
            children.get(n, 0),
            title[n],
            slug[n],
            int(live[n]),
            int(n in latest and (not live[n] or n % 7 == 0)),
            url(n),
            "",
            0,
            "",
            None,
            None,
            0,
            1 if n == 1 else 2 if n in (3, 100) else 3,
            None if n < 4 else 1 + n % 2,
            0,
            django_moment(created),
            django_moment(published),
            latest.get(n) if live[n] else None,
            django_moment(published),
            title[n],
            None,
            None,
            2 if n == 100 else 1,
            home_key if n in (3, 100) else f"{n:032x}",
            None,
            latest.get(n),
        )

    rows: dict[str, list[Sequence[Any]]] = {
        "django_content_type": [
            (1, "wagtailcore", "page"),
            (2, "home", "homepage"),
            (3, "home", "eventpage"),
        ],
        "auth_user": [
            (
                1,
                "pbkdf2_sha256$1000000$g8Jj$7Pb8=",
                None,
                1,
                "admin",
                "O’Brien",
                "admin@example.com",
                1,
                1,
                django_moment(WAGTAIL_BASE - timedelta(minutes=1, microseconds=-441168)),
                "Zoë",
            ),
            (
                2,
                "pbkdf2_sha256$1000000$QXD6$qEEn=",
                None,
                0,
                "éditeur",
                "",
                "ed@example.fr",
                0,
                1,
                django_moment(WAGTAIL_BASE - timedelta(seconds=30)),
                "",
            ),
        ],
        "wagtailcore_locale": [(1, "en"), (2, "fr"), (3, "de")],
        "wagtailcore_revision": [
            (
                rid,
                django_moment(wagtail_created(page) - timedelta(seconds=1 if latest[page] != rid else 0)),
                None,
                1 + page % 2 if page % 3 else None,
                json.dumps(
                    {"pk": page, "path": wagtail_path(page), "title": title[page], "live": live[page]}
                ),
                str(page),
                3,
                1,
                title[page],
            )
            for rid, page in revisions
        ],
        "wagtailcore_page": [page_row(n) for n in pages],
        "home_eventpage": [
            (
                n,
                wagtail_body(n) if n >= 7 else "[]",
                "" if n % 4 == 0 or n < 7 else f"<p>Intro\u00a0{n} “quoted” {'long ' * (n % 7) * 30}</p>",
                django_moment(wagtail_starts(n)) if n >= 7 else None,
                None if n < 7 or wagtail_day(n) is None else str(wagtail_day(n)),
                wagtail_doors(n) if n >= 7 else None,
                None if n < 7 or wagtail_price(n) is None else str(wagtail_price(n)),
                (n * 37) % 2000 if n >= 7 else 0,
                WAGTAIL_CODES[n % len(WAGTAIL_CODES)] if n >= 7 else "",
                int(n % 3 == 0),
            )
            for n in eventpages
        ],
    }
    return write_export(path, ddl, rows)


# --- pretix ----------------------------------------------------------------------------------------------

PRETIX_ZONES = ("Europe/Berlin", "America/New_York", "Asia/Tokyo")
PRETIX_CURRENCIES = ("EUR", "USD", "JPY")
PRETIX_ITEMS = (("Regular", "35.00"), ("Reduced", "17.50"), ("VIP 🥂", "199.99"), ("Free", "0.00"))
PRETIX_POSTCODES = ("01067", "10115", "00184", "80331")
PRETIX_NAMES = ("Ana", "José Ñúñez", "李雷", "Ørsted\u00a0Åse")
PRETIX_BASE = datetime(2026, 2, 1, 6, 0, 0)  # naive UTC, as Django writes under USE_TZ


def pretix_price(event: int, item: int) -> Decimal:
    """An item's price: in yen a hundred times the euro figure (a whole number)."""
    price = Decimal(PRETIX_ITEMS[item][1])
    return price * 100 if PRETIX_CURRENCIES[event - 1] == "JPY" else price


def pretix_item_id(event: int, item: int) -> int:
    return 1 + (event - 1) * len(PRETIX_ITEMS) + item


def pretix_order(n: int) -> tuple[int, int, int]:
    """Order ``n``'s event, item (index) and number of positions."""
    return 1 + n % 3, n % len(PRETIX_ITEMS), 1 + n % 2


def pretix_total(n: int) -> Decimal:
    event, item, positions = pretix_order(n)
    return pretix_price(event, item) * positions + (Decimal("1.50") if n % 4 == 0 else 0)


def pretix_tax_rate(n: int) -> int:
    return 19 if pretix_order(n)[0] == 1 else 0


def pretix_tax_value(n: int) -> Decimal:
    event, item, _ = pretix_order(n)
    rate = pretix_tax_rate(n)
    return (pretix_price(event, item) * rate / (100 + rate)).quantize(Decimal("0.01"))


def pretix_voucher_code(v: int) -> str:
    return f"{v:08d}" if v % 2 else f"SUMMER{v}"


def pretix_voucher_value(v: int) -> Decimal | None:
    return (None, Decimal("10.00"), Decimal("2.50"), Decimal("12.5"))[v % 4]


def pretix_moment(n: int) -> datetime:
    return PRETIX_BASE + timedelta(hours=7 * n, microseconds=1234 * n)


def ticket_shop(path: Path, orders: int = 24, vouchers: int = 8) -> Path:
    """A pretix ticket shop's ``db.sqlite3`` (see the module's list)."""
    ddl = [
        'CREATE TABLE "pretixbase_organizer" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" '
        'varchar(200) NOT NULL, "slug" varchar(50) NOT NULL UNIQUE)',
        'CREATE TABLE "pretixbase_event" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" text '
        'NOT NULL, "slug" varchar(50) NOT NULL, "currency" varchar(10) NOT NULL, "date_from" datetime NOT '
        'NULL, "date_to" datetime NULL, "is_public" bool NOT NULL, "organizer_id" bigint NOT NULL '
        'REFERENCES "pretixbase_organizer" ("id") DEFERRABLE INITIALLY DEFERRED, "location" text NULL, '
        '"geo_lat" real NULL, "last_modified" datetime NOT NULL)',
        'CREATE TABLE "pretixbase_item" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" text NOT '
        'NULL, "active" bool NOT NULL, "description" text NULL, "default_price" decimal NOT NULL, '
        '"admission" bool NOT NULL, "position" integer NOT NULL, "event_id" bigint NOT NULL REFERENCES '
        '"pretixbase_event" ("id") DEFERRABLE INITIALLY DEFERRED, "free_price" bool NOT NULL, '
        '"original_price" decimal NULL)',
        'CREATE TABLE "pretixbase_order" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "code" '
        'varchar(16) NOT NULL, "status" varchar(3) NOT NULL, "email" varchar(254) NULL, "locale" '
        'varchar(32) NULL, "secret" varchar(32) NOT NULL, "datetime" datetime NOT NULL, "expires" '
        'datetime NOT NULL, "total" decimal NOT NULL, "event_id" bigint NOT NULL REFERENCES '
        '"pretixbase_event" ("id") DEFERRABLE INITIALLY DEFERRED, "comment" text NOT NULL, '
        '"custom_followup_at" date NULL, "api_meta" text NOT NULL CHECK ((JSON_VALID("api_meta") OR '
        '"api_meta" IS NULL)), "organizer_id" bigint NOT NULL REFERENCES "pretixbase_organizer" ("id") '
        'DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "order_organizer_code_uniq" UNIQUE ("organizer_id", '
        '"code"))',
        'CREATE TABLE "pretixbase_voucher" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "code" '
        'varchar(255) NOT NULL, "valid_until" datetime NULL, "event_id" bigint NOT NULL REFERENCES '
        '"pretixbase_event" ("id") DEFERRABLE INITIALLY DEFERRED, "item_id" bigint NULL REFERENCES '
        '"pretixbase_item" ("id") DEFERRABLE INITIALLY DEFERRED, "redeemed" integer unsigned NOT NULL '
        'CHECK ("redeemed" >= 0), "comment" text NOT NULL, "max_usages" integer unsigned NOT NULL CHECK '
        '("max_usages" >= 0), "price_mode" varchar(100) NOT NULL, "value" decimal NULL, "created" '
        "datetime NOT NULL)",
        'CREATE TABLE "pretixbase_orderposition" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"price" decimal NOT NULL, "item_id" bigint NOT NULL REFERENCES "pretixbase_item" ("id") '
        'DEFERRABLE INITIALLY DEFERRED, "order_id" bigint NOT NULL REFERENCES "pretixbase_order" ("id") '
        'DEFERRABLE INITIALLY DEFERRED, "voucher_id" bigint NULL REFERENCES "pretixbase_voucher" ("id") '
        'DEFERRABLE INITIALLY DEFERRED, "tax_value" decimal NOT NULL, "secret" varchar(255) NOT NULL, '
        '"positionid" integer unsigned NOT NULL CHECK ("positionid" >= 0), "attendee_name_cached" '
        'varchar(255) NULL, "attendee_name_parts" text NOT NULL CHECK ((JSON_VALID("attendee_name_parts") '
        'OR "attendee_name_parts" IS NULL)), "canceled" bool NOT NULL, "zipcode" varchar(30) NULL, '
        '"tax_rate" decimal NOT NULL, "addon_to_id" bigint NULL REFERENCES "pretixbase_orderposition" '
        '("id") DEFERRABLE INITIALLY DEFERRED)',
    ]
    events = [
        (
            k,
            json.dumps({"de": f"Fest {k} (de) 🎉", "en": f"Fest {k} 🎉"}),
            f"ev{k}",
            PRETIX_CURRENCIES[k - 1],
            django_moment(datetime(2026, 7, k, (17 + 6 * k) % 24, 30)),
            django_moment(datetime(2026, 7, k + 1, k, 59, 59)),
            int(k != 3),
            1,
            json.dumps({"en": "Halle 7\nBerlin"}),
            (52.5200066, None, 35.6761919)[k - 1],
            django_moment(PRETIX_BASE - timedelta(days=30, microseconds=-123456 * k)),
        )
        for k in (1, 2, 3)
    ]
    items = [
        (
            pretix_item_id(k, i),
            json.dumps({"en": name, "de": f"{name} DE"}),
            1,
            json.dumps({"en": "<p>Desc\u00a0" + "x" * (200 * i) + "</p>"}) if i % 2 else None,
            str(pretix_price(k, i)),
            int(i < 3),
            i,
            k,
            0,
            None,
        )
        for k in (1, 2, 3)
        for i, (name, _) in enumerate(PRETIX_ITEMS)
    ]
    order_rows = []
    positions = []
    for n in range(1, orders + 1):
        event, item, count = pretix_order(n)
        order_rows.append(
            (
                n,
                f"{n * 7919:05X}"[-5:],
                "npppc"[n % 5],
                f"kunde{n}@example.de" if n % 7 else None,
                ("en", "de")[n % 2],
                f"{n * 104729:016x}",
                django_moment(pretix_moment(n)),
                django_moment(pretix_moment(n).replace(microsecond=0) + timedelta(days=14)),
                str(pretix_total(n)),
                event,
                "Rückfrage: „bitte Rollstuhlplatz“" if n % 3 == 0 else "",
                str(date(2026, 3, n % 28 + 1)) if n % 5 == 0 else None,
                "{}",
                1,
            )
        )
        for p in range(1, count + 1):
            name = PRETIX_NAMES[(n + p) % len(PRETIX_NAMES)]
            positions.append(
                (
                    len(positions) + 1,
                    str(pretix_price(event, item)),
                    pretix_item_id(event, item),
                    n,
                    None,
                    str(pretix_tax_value(n)),
                    f"{n:04d}{p}secret",
                    p,
                    name,
                    json.dumps({"_scheme": "full", "full_name": name}),
                    int(n % 5 == 4),
                    PRETIX_POSTCODES[n % len(PRETIX_POSTCODES)] if n % 3 else None,
                    str(Decimal(pretix_tax_rate(n)).quantize(Decimal("0.01"))),
                    len(positions) if p > 1 else None,
                )
            )
    voucher_rows = [
        (
            v,
            pretix_voucher_code(v),
            django_moment(datetime(2026, 6, 30, 21, 59)) if v % 3 else None,
            1 + v % 3,
            pretix_item_id(1 + v % 3, v % len(PRETIX_ITEMS)) if v % 2 else None,
            0,
            "für Presse 📰" if v % 4 == 0 else "",
            1 + v % 3,
            ("none", "set", "subtract", "percent")[v % 4],
            None if pretix_voucher_value(v) is None else str(pretix_voucher_value(v)),
            django_moment(PRETIX_BASE + timedelta(minutes=v, microseconds=555 * v)),
        )
        for v in range(1, vouchers + 1)
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "pretixbase_organizer": [(1, "Kulturverein Über", "kultur")],
        "pretixbase_event": events,
        "pretixbase_item": items,
        "pretixbase_order": order_rows,
        "pretixbase_voucher": voucher_rows,
        "pretixbase_orderposition": positions,
    }
    return write_export(path, ddl, rows)


# --- Label Studio ----------------------------------------------------------------------------------------

LABEL_TEXTS = ("Das ist großartig! 😀", "Terrible service…", "中性的评论", "", "Tab\there\nnewline", "0042")
LABEL_LEAD_TIMES = (12.345, 0.1 + 0.2, 3600.0, None)
LABEL_SCORES = (0.91, 1e-9, 0.5)
LABEL_BASE = datetime(2026, 12, 5, 4, 41, 30)  # naive UTC, as Django writes under USE_TZ


def label_data(i: int) -> str:
    """A task's data as Label Studio stores it: ``json.dumps`` (non-ASCII as ``\\u`` escapes)."""
    return json.dumps(
        {"text": f"{LABEL_TEXTS[i % len(LABEL_TEXTS)]} #{i}", "meta_score": i / 7, "id_code": f"{i:05d}"}
    )


def label_annotated(tasks: int) -> list[int]:
    return [i for i in range(1, tasks + 1) if i % 4 != 3]


def label_result(i: int) -> str:
    choice = ("Positive", "Negative", "Neutral")[i % 3]
    return json.dumps(
        [
            {
                "id": f"r{i}",
                "from_name": "sentiment",
                "to_name": "text",
                "type": "choices",
                "value": {"choices": [choice]},
            }
        ]
    )


def label_predicted(tasks: int) -> list[int]:
    return [i for i in range(1, tasks + 1) if i % 3 == 0]


def label_model_version(i: int) -> str:
    return "v1.0.0" if i % 2 else "2026-12-05"


def labeling_project(path: Path, tasks: int = 30) -> Path:
    """A Label Studio database (see the module's list)."""
    ref = "DEFERRABLE INITIALLY DEFERRED"
    ddl = [
        'CREATE TABLE "project" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar(50) NULL, '
        '"label_config" text NULL, "created_at" datetime NOT NULL, "description" text NULL, '
        '"maximum_annotations" integer NOT NULL)',
        'CREATE TABLE "task" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "data" text NOT NULL CHECK '
        '((JSON_VALID("data") OR "data" IS NULL)), "created_at" datetime NOT NULL, "is_labeled" bool NOT '
        f'NULL, "project_id" integer NULL REFERENCES "project" ("id") {ref}, "meta" text NULL CHECK '
        '((JSON_VALID("meta") OR "meta" IS NULL)), "overlap" integer NOT NULL, "precomputed_agreement" real '
        "NULL)",
        'CREATE TABLE "task_completion" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "result" text NULL '
        'CHECK ((JSON_VALID("result") OR "result" IS NULL)), "was_cancelled" bool NOT NULL, "created_at" '
        f'datetime NOT NULL, "task_id" integer NULL REFERENCES "task" ("id") {ref}, "lead_time" real NULL, '
        '"ground_truth" bool NOT NULL, "project_id" integer NULL REFERENCES "project" ("id") '
        f'{ref}, "unique_id" char(32) NULL UNIQUE)',
        'CREATE TABLE "prediction" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "result" text NULL '
        'CHECK ((JSON_VALID("result") OR "result" IS NULL)), "score" real NULL, "model_version" text NULL, '
        '"created_at" datetime NOT NULL, "task_id" integer NOT NULL REFERENCES "task" ("id") '
        f'{ref}, "mislabeling" real NOT NULL, "project_id" integer NULL REFERENCES "project" ("id") {ref})',
    ]
    config = '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text"/></View>'
    rows: dict[str, list[Sequence[Any]]] = {
        "project": [
            (1, "proj", config, django_moment(LABEL_BASE - timedelta(hours=1)), "", 1),
            (
                2,
                "Projet 🎯",
                config,
                django_moment(LABEL_BASE - timedelta(minutes=5)),
                "Stimmung\u00a0prüfen",
                2,
            ),
        ],
        "task": [
            (
                i,
                label_data(i),
                django_moment(LABEL_BASE + timedelta(microseconds=42519 * i)),
                int(i % 4 != 3),
                1 + i % 2,
                json.dumps({"source": "import", "row": i}) if i % 3 else "{}",
                1,
                None,
            )
            for i in range(1, tasks + 1)
        ],
        "task_completion": [
            (
                k,
                label_result(i),
                int(i % 17 == 0),
                django_moment(LABEL_BASE + timedelta(seconds=1, microseconds=42519 * i)),
                i,
                LABEL_LEAD_TIMES[i % len(LABEL_LEAD_TIMES)],
                int(i % 11 == 0),
                1 + i % 2,
                f"{i * 2654435761:032x}",
            )
            for k, i in enumerate(label_annotated(tasks), 1)
        ],
        "prediction": [
            (
                k,
                label_result(i + 2),
                LABEL_SCORES[k % len(LABEL_SCORES)],
                label_model_version(k),
                django_moment(LABEL_BASE + timedelta(seconds=2, microseconds=7 * i)),
                i,
                0.0,
                1 + i % 2,
            )
            for k, i in enumerate(label_predicted(tasks), 1)
        ],
    }
    return write_export(path, ddl, rows)


# --- A help desk (django-helpdesk) -------------------------------------------------------------------

#: django-helpdesk 2.6's tables as Django 5.2's ``migrate`` creates them on SQLite (a subset of the
#: ticket's and the user's columns: no knowledge-base link).
HELPDESK_DDL = (
    'CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128) '
    'NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" varchar(150) NOT NULL '
    'UNIQUE, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, "is_staff" bool NOT NULL, '
    '"date_joined" datetime NOT NULL, "first_name" varchar(150) NOT NULL)',
    'CREATE TABLE "helpdesk_queue" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar(100) '
    'NOT NULL, "slug" varchar(50) NOT NULL UNIQUE, "email_address" varchar(254) NULL, "locale" '
    'varchar(10) NULL, "allow_public_submission" bool NOT NULL, "escalate_days" integer NULL, '
    '"email_box_type" varchar(5) NULL, "email_box_port" integer NULL, "email_box_last_check" datetime '
    'NULL, "socks_proxy_host" char(39) NULL, "default_owner_id" integer NULL REFERENCES "auth_user" '
    '("id") DEFERRABLE INITIALLY DEFERRED, "dedicated_time" bigint NULL)',
    'CREATE TABLE "helpdesk_customfield" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" '
    'varchar(50) NOT NULL UNIQUE, "help_text" text NULL, "data_type" varchar(100) NOT NULL, "max_length" '
    'integer NULL, "decimal_places" integer NULL, "empty_selection_list" bool NOT NULL, "list_values" '
    'text NULL, "ordering" integer NULL, "required" bool NOT NULL, "staff_only" bool NOT NULL, "label" '
    "varchar(30) NOT NULL)",
    'CREATE TABLE "helpdesk_ticket" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar(200) '
    'NOT NULL, "created" datetime NOT NULL, "submitter_email" varchar(254) NULL, "status" integer NOT '
    'NULL, "on_hold" bool NOT NULL, "description" text NULL, "resolution" text NULL, "priority" integer '
    'NOT NULL, "due_date" datetime NULL, "last_escalation" datetime NULL, "assigned_to_id" integer NULL '
    'REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED, "queue_id" integer NOT NULL REFERENCES '
    '"helpdesk_queue" ("id") DEFERRABLE INITIALLY DEFERRED, "secret_key" varchar(36) NOT NULL, '
    '"modified" datetime NOT NULL, "merged_to_id" integer NULL REFERENCES "helpdesk_ticket" ("id") '
    "DEFERRABLE INITIALLY DEFERRED)",
    'CREATE TABLE "helpdesk_ticketcustomfieldvalue" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"value" text NULL, "field_id" integer NOT NULL REFERENCES "helpdesk_customfield" ("id") DEFERRABLE '
    'INITIALLY DEFERRED, "ticket_id" integer NOT NULL REFERENCES "helpdesk_ticket" ("id") DEFERRABLE '
    "INITIALLY DEFERRED)",
    'CREATE TABLE "helpdesk_followup" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "date" datetime '
    'NOT NULL, "title" varchar(200) NULL, "comment" text NULL, "public" bool NOT NULL, "new_status" '
    'integer NULL, "ticket_id" integer NOT NULL REFERENCES "helpdesk_ticket" ("id") DEFERRABLE INITIALLY '
    'DEFERRED, "user_id" integer NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"message_id" varchar(256) NULL, "time_spent" bigint NULL, "email_recipients" text NULL CHECK '
    '((JSON_VALID("email_recipients") OR "email_recipients" IS NULL)))',
    'CREATE TABLE "helpdesk_ticketchange" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "old_value" '
    'text NULL, "new_value" text NULL, "followup_id" integer NOT NULL REFERENCES "helpdesk_followup" '
    '("id") DEFERRABLE INITIALLY DEFERRED, "field" varchar(200) NOT NULL)',
    'CREATE TABLE "helpdesk_followupattachment" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "file" '
    'varchar(1000) NOT NULL, "filename" varchar(1000) NOT NULL, "mime_type" varchar(255) NOT NULL, '
    '"size" integer NOT NULL, "followup_id" integer NOT NULL REFERENCES "helpdesk_followup" ("id") '
    "DEFERRABLE INITIALLY DEFERRED)",
    'CREATE TABLE "helpdesk_escalationexclusion" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" '
    'varchar(100) NOT NULL, "date" date NOT NULL)',
    'CREATE TABLE "helpdesk_checklist" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" '
    'varchar(100) NOT NULL, "ticket_id" integer NOT NULL REFERENCES "helpdesk_ticket" ("id") DEFERRABLE '
    "INITIALLY DEFERRED)",
    'CREATE TABLE "helpdesk_checklisttask" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "description" '
    'varchar(250) NOT NULL, "completion_date" datetime NULL, "position" smallint unsigned NOT NULL CHECK '
    '("position" >= 0), "checklist_id" integer NOT NULL REFERENCES "helpdesk_checklist" ("id") DEFERRABLE '
    "INITIALLY DEFERRED)",
)
HELPDESK_BASE = datetime(2026, 11, 2, 6, 16, 59, 553774)
HELPDESK_TEXTS = (
    "Printer on fire 🔥",
    "Passwort\u00a0vergessen",
    "Trailing blanks  ",
    "日本語のチケット",
    "Betrag 1\u202f234,56 €",
    "Line1\nLine2\r\nLine3",
    "Émoji 👩\u200d💻 test",
    "null",
)
HELPDESK_USERS = (("admin", "Zoë", "Ångström"), ("agent0", "Jürgen", ""), ("agent1", "María\u00a0José", ""))
#: (name, data type, max_length, decimal_places, list_values): the site's custom fields, one of each
#: kind its API writes.
HELPDESK_FIELDS = (
    ("invoice_amount", "decimal", 12, 2, None),
    ("contract_no", "varchar", 20, None, None),
    ("seats", "integer", None, None, None),
    ("renewal", "date", None, None, None),
    ("seen_at", "datetime", None, None, None),
    ("vip", "boolean", None, None, None),
    ("plan", "list", None, None, "Free\nPro\nEnterprise"),
    ("call_time", "time", None, None, None),
    ("client_ip", "ipaddress", None, None, None),
)
#: Follow-ups after each ticket's first (``Ticket Opened``), its id the ticket's count plus one on.
HELPDESK_FOLLOWUPS = 24


def helpdesk_moment(t: int, minutes: int = 0) -> datetime:
    """Ticket ``t``'s creation, ``minutes`` on: naive UTC, microseconds (none in every fifth)."""
    micro = 0 if t % 5 == 0 else (t * 7919) % 10**6
    return HELPDESK_BASE + timedelta(hours=7 * t, minutes=minutes, microseconds=micro)


def helpdesk_text(moment: datetime) -> str:
    """A ``datetime`` as Django writes it on SQLite: ``str()``, six fraction digits or none."""
    return str(moment)


def helpdesk_dedicated(q: int) -> int:
    """Queue ``q``'s ``dedicated_time`` (a ``DurationField``: microseconds): 20, 30 and 25 minutes,
    1,200,000,000 to 1,800,000,000, in epoch seconds' range under a name with a time word."""
    return (20, 30, 25)[q - 1] * 60 * 10**6


def helpdesk_custom(t: int, field: int) -> str | None:
    """Ticket ``t``'s value of custom field ``field`` (0-based) as django-helpdesk's API stores it in
    ``helpdesk_ticketcustomfieldvalue.value``: one row per ticket and field, the missing value of a
    text, list or address field ``''``, of a typed one NULL; a boolean ``True``/``False``; a date,
    datetime (the site's wall clock, no seconds) or time in its fixed format; a decimal as written."""
    kind = HELPDESK_FIELDS[field][1]
    values: dict[str, tuple[bool, str]] = {
        "decimal": (t % 2 == 0, str(Decimal(t * 137) / 100 + Decimal("0.05"))),
        "varchar": (t % 3 == 0, f"{t:07d}"),
        "integer": (t % 5 == 0, str(t * 5)),
        "date": (t % 4 == 1, (date(2026, 3, 1) + timedelta(days=t)).isoformat()),
        "datetime": (
            t % 7 == 0,
            (datetime(2026, 2, 1, 1) + timedelta(minutes=13 * t)).strftime("%Y-%m-%dT%H:%M"),
        ),
        "boolean": (True, str(t % 3 != 0)),
        "list": (t % 3 == 1, ("Free", "Pro", "Enterprise")[t % 3]),
        "time": (t % 8 == 0, f"{t % 24:02d}:{t % 60:02d}:00"),
        "ipaddress": (t % 9 == 0, f"192.168.{t % 256}.{t * 7 % 256}"),
    }
    given, value = values[kind]
    if given:
        return value
    return "" if kind in ("varchar", "list", "ipaddress") else None


def helpdesk_escalated(t: int) -> bool:
    """Ticket ``t`` was escalated by ``manage.py escalate_tickets`` (its queue's are after 3 days)."""
    return t % 3 == 1 and t < 12


def helpdesk_priority(t: int) -> int:
    """Ticket ``t``'s priority now (1 critical … 5 very low): one step up when escalated."""
    return 1 + t % 5 - (1 if helpdesk_escalated(t) and t % 5 else 0)


def helpdesk_followup(k: int, tickets: int) -> dict[str, Any]:
    """Follow-up ``k`` after the openings: its ticket, time spent in microseconds (Django's
    ``DurationField``: ``'01:30:00'`` is 5,400,000,000; 0 for ``'00:00:00'``), new status, title."""
    seconds = (k % 5) * 3600 + (k * 7 % 60) * 60 + k % 60
    return {
        "ticket": 1 + k * 7 % tickets,
        "time_spent": seconds * 10**6 if k % 3 == 0 else None,
        "new_status": (1, 2, 3, 4, 5)[k % 5] if k % 10 == 0 else None,
        "title": f"Changed title {k} ✂" if k % 5 == 0 else None,
        "public": k % 2 == 0,
    }


def help_desk(path: Path, tickets: int = 20) -> Path:
    """A django-helpdesk site's ``db.sqlite3`` (see the module's list)."""
    users = [
        (
            i + 1,
            "pbkdf2_sha256$1000000$salt$hash=",
            None if i else "2026-12-05 06:17:00.120000",
            int(i == 0),
            name,
            last,
            f"{name}@example.com",
            1,
            helpdesk_text(HELPDESK_BASE - timedelta(days=9 - i)),
            first,
        )
        for i, (name, first, last) in enumerate(HELPDESK_USERS)
    ]
    queues = [
        (1, "Support 🛠", "support", "support@example.com", None, 0, 3, "imap", 993,
         helpdesk_text(HELPDESK_BASE + timedelta(days=30)), "10.0.0.1", 2, helpdesk_dedicated(1)),
        (2, "Billing – Rechnungen", "billing", "billing@example.com", "de", 1, None, None, None, None,
         "2001:db8::1", 3, helpdesk_dedicated(2)),
        (3, "Infra", "infra", None, None, 0, 0, None, None, None, None, None, helpdesk_dedicated(3)),
    ]  # fmt: skip
    fields = [
        (i + 1, name, None, kind, size, places, 0, values, None, 0, 0, name.title())
        for i, (name, kind, size, places, values) in enumerate(HELPDESK_FIELDS)
    ]
    ticket_rows, values, followups, changes, attachments = [], [], [], [], []
    for t in range(1, tickets + 1):
        created = helpdesk_moment(t)
        status = (1, 1, 2, 3, 4)[t % 5]
        ticket_rows.append(
            (
                t,
                f"#{t} {HELPDESK_TEXTS[t % len(HELPDESK_TEXTS)]}",
                helpdesk_text(created),
                "" if t % 7 == 0 else f"user{t}@exämple.com",
                status,
                int(t % 9 == 0),
                f"{HELPDESK_TEXTS[(t + 3) % len(HELPDESK_TEXTS)]}\n\nTicket {t}",
                "Gelöst ✓" if status in (3, 4) else None,
                helpdesk_priority(t),
                helpdesk_text(datetime(2026, 1, 1, 9, 30) + timedelta(days=t, seconds=37 * t))
                if t % 6 == 0
                else None,
                helpdesk_text(helpdesk_moment(t, 4320)) if helpdesk_escalated(t) else None,
                2 + t % 2 if t % 4 == 0 else None,
                1 + t % 3,
                str(UUID(bytes=hashlib.md5(f"ticket {t}".encode()).digest(), version=4)),
                helpdesk_text(helpdesk_moment(t, 4321 + t)),
                t - 1 if t == tickets else None,
            )
        )
        values += [
            (len(values) + f + 1, helpdesk_custom(t, f), f + 1, t) for f in range(len(HELPDESK_FIELDS))
        ]
        recipients = [] if t % 7 == 0 else [f"user{t}@exämple.com"]
        followups.append(
            (t, helpdesk_text(created), "Ticket Opened", ticket_rows[-1][6], 1, None, t, 1, None, None,
             json.dumps(recipients))
        )  # fmt: skip
    for k in range(HELPDESK_FOLLOWUPS):
        f = helpdesk_followup(k, tickets)
        fid = tickets + k + 1
        title = f["title"] or ticket_rows[f["ticket"] - 1][1]
        followups.append(
            (fid, helpdesk_text(helpdesk_moment(f["ticket"], 60 + k)), title,
             f"{HELPDESK_TEXTS[k % len(HELPDESK_TEXTS)]} – follow-up {k} ✓", int(f["public"]),
             f["new_status"], f["ticket"], 2 + k % 2, f"<{k}.{fid}@mail.example.com>" if k % 4 == 1 else None,
             f["time_spent"], json.dumps(["agent0@example.com"] if k % 2 else []))
        )  # fmt: skip
        if f["title"]:
            changes.append((len(changes) + 1, ticket_rows[f["ticket"] - 1][1], title, fid, "Title"))
        if k % 10 == 0:
            key = ticket_rows[f["ticket"] - 1][13]
            slug = queues[ticket_rows[f["ticket"] - 1][12] - 1][2]
            attachments.append(
                (len(attachments) + 1, f"helpdesk/attachments/{slug}-{f['ticket']}-{key}/{fid}/shot{k}.png",
                 f"shot{k}.png", "image/png", 256 * (k % 4 + 1), fid)
            )  # fmt: skip
    for t in range(1, tickets + 1):
        if helpdesk_escalated(t):
            fid = len(followups) + 1
            followups.append(
                (fid, ticket_rows[t - 1][10], "Ticket Escalated", "Ticket escalated after 3 days", 1, None, t,
                 None, None, None, json.dumps([f"user{t}@exämple.com"]))
            )  # fmt: skip
            if t % 5:
                changes.append(
                    (
                        len(changes) + 1,
                        str(helpdesk_priority(t) + 1),
                        str(helpdesk_priority(t)),
                        fid,
                        "Priority",
                    )
                )
    tasks = [
        (3 * c + p + 1, ("Konto", "Laptop 💻", "Schlüssel")[p],
         helpdesk_text(helpdesk_moment(c + 1, 90 + p)) if (c + p) % 2 else None, p, c + 1)
        for c in range(2)
        for p in range(3)
    ]  # fmt: skip
    rows: dict[str, list[Sequence[Any]]] = {
        "auth_user": users,
        "helpdesk_queue": queues,
        "helpdesk_customfield": fields,
        "helpdesk_ticket": ticket_rows,
        "helpdesk_ticketcustomfieldvalue": values,
        "helpdesk_followup": followups,
        "helpdesk_ticketchange": changes,
        "helpdesk_followupattachment": attachments,
        "helpdesk_escalationexclusion": [(1, "Weihnachten 🎄", "2026-12-25"), (2, "Neujahr", "2027-01-01")],
        "helpdesk_checklist": [(1, "Onboarding", 1), (2, "Liste 2", 2)],
        "helpdesk_checklisttask": tasks,
    }
    return write_export(path, HELPDESK_DDL, rows)


# --- A code review server (Review Board) -------------------------------------------------------------

#: Review Board 8's tables as ``rb-site install`` creates them on SQLite (Django 4.2's DDL; a subset of
#: the review request's, the review's and the user's columns).
REVIEWBOARD_DDL = (
    'CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128) '
    'NOT NULL, "last_login" datetime NULL, "username" varchar(150) NOT NULL UNIQUE, "first_name" '
    'varchar(150) NOT NULL, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, '
    '"date_joined" datetime NOT NULL)',
    'CREATE TABLE "scmtools_tool" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(32) NOT '
    'NULL UNIQUE, "class_name" varchar(128) NOT NULL UNIQUE)',
    'CREATE TABLE "scmtools_repository" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" '
    'varchar(255) NOT NULL, "path" varchar(255) NOT NULL, "mirror_path" varchar(255) NOT NULL, '
    '"extra_data" text NULL, "tool_id" integer NOT NULL REFERENCES "scmtools_tool" ("id") DEFERRABLE '
    'INITIALLY DEFERRED, "scmtool_id" varchar(255) NULL, "encoding" varchar(32) NOT NULL, "visible" bool '
    'NOT NULL, "archived" bool NOT NULL, "archived_timestamp" datetime NULL)',
    'CREATE TABLE "diffviewer_diffsethistory" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" '
    'varchar(256) NOT NULL, "timestamp" datetime NOT NULL, "last_diff_updated" datetime NULL, '
    '"extra_data" text NULL)',
    'CREATE TABLE "diffviewer_diffset" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(256) '
    'NOT NULL, "revision" integer NOT NULL, "timestamp" datetime NOT NULL, "basedir" varchar(256) NOT '
    'NULL, "history_id" integer NULL REFERENCES "diffviewer_diffsethistory" ("id") DEFERRABLE INITIALLY '
    'DEFERRED, "repository_id" integer NOT NULL REFERENCES "scmtools_repository" ("id") DEFERRABLE '
    'INITIALLY DEFERRED, "diffcompat" integer NOT NULL, "base_commit_id" varchar(64) NULL, '
    '"commit_count" integer NULL, "extra_data" text NULL)',
    'CREATE TABLE "diffviewer_filediffdata" ("binary_hash" varchar(40) NOT NULL PRIMARY KEY, "binary" text '
    'NOT NULL, "extra_data" text NULL)',
    'CREATE TABLE "diffviewer_rawfilediffdata" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"binary_hash" varchar(40) NOT NULL UNIQUE, "binary" BLOB NOT NULL, "compression" varchar(1) NULL, '
    '"extra_data" text NULL)',
    'CREATE TABLE "diffviewer_filediff" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "diffset_id" '
    'integer NOT NULL REFERENCES "diffviewer_diffset" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"source_file" varchar(1024) NOT NULL, "dest_file" varchar(1024) NOT NULL, "source_revision" '
    'varchar(512) NOT NULL, "dest_detail" varchar(512) NOT NULL, "binary" bool NOT NULL, "status" '
    'varchar(1) NOT NULL, "diff_base64" text NOT NULL, "diff_hash_id" varchar(40) NULL REFERENCES '
    '"diffviewer_filediffdata" ("binary_hash") DEFERRABLE INITIALLY DEFERRED, "raw_diff_hash_id" integer '
    'NULL REFERENCES "diffviewer_rawfilediffdata" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"parent_diff_base64" text NOT NULL, "extra_data" text NULL)',
    'CREATE TABLE "reviews_reviewrequest" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "description" '
    'text NOT NULL, "testing_done" text NOT NULL, "bugs_closed" varchar(300) NOT NULL, "branch" '
    'varchar(300) NOT NULL, "commit_id" varchar(64) NULL, "extra_data" text NULL, "summary" varchar(300) '
    'NOT NULL, "submitter_id" integer NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY '
    'DEFERRED, "time_added" datetime NOT NULL, "last_updated" datetime NOT NULL, "status" varchar(1) NOT '
    'NULL, "public" bool NOT NULL, "repository_id" integer NULL REFERENCES "scmtools_repository" ("id") '
    'DEFERRABLE INITIALLY DEFERRED, "diffset_history_id" integer NULL REFERENCES '
    '"diffviewer_diffsethistory" ("id") DEFERRABLE INITIALLY DEFERRED, "last_review_timestamp" datetime '
    'NULL, "shipit_count" integer NULL, "issue_open_count" integer NULL)',
    'CREATE TABLE "reviews_review" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "review_request_id" '
    'integer NOT NULL REFERENCES "reviews_reviewrequest" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" '
    'integer NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED, "timestamp" datetime '
    'NOT NULL, "public" bool NOT NULL, "ship_it" bool NOT NULL, "base_reply_to_id" integer NULL '
    'REFERENCES "reviews_review" ("id") DEFERRABLE INITIALLY DEFERRED, "body_top" text NOT NULL, '
    '"body_bottom" text NOT NULL, "extra_data" text NULL)',
    'CREATE TABLE "reviews_comment" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "issue_opened" bool '
    'NOT NULL, "issue_status" varchar(1) NULL, "reply_to_id" integer NULL REFERENCES "reviews_comment" '
    '("id") DEFERRABLE INITIALLY DEFERRED, "timestamp" datetime NOT NULL, "text" text NOT NULL, '
    '"rich_text" bool NOT NULL, "extra_data" text NULL, "filediff_id" integer NOT NULL REFERENCES '
    '"diffviewer_filediff" ("id") DEFERRABLE INITIALLY DEFERRED, "first_line" integer unsigned NULL CHECK '
    '("first_line" >= 0), "num_lines" integer unsigned NULL CHECK ("num_lines" >= 0))',
    'CREATE TABLE "changedescs_changedescription" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"user_id" integer NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED, "timestamp" '
    'datetime NOT NULL, "public" bool NOT NULL, "text" text NOT NULL, "rich_text" bool NOT NULL, '
    '"fields_changed" text NOT NULL)',
)
REVIEWBOARD_BASE = datetime(2026, 12, 5, 6, 21, 36, 869761)
REVIEWBOARD_USERS = (
    ("zoe", "Zoë", "Ångström"),
    ("jurgen", "Jürgen", ""),
    ("li", "李", "雷"),
    ("plain", "", ""),
)
REVIEWBOARD_SUMMARIES = (
    "Fix crash on start 🔥",
    "Passwort\u00a0Reset",
    "  padded summary  ",
    "日本語のレビュー",
    "Émoji 👩\u200d💻 refactor",
    "Betrag 1\u202f234,56 €",
)
#: The abbreviated blob ids a git diff's ``index`` line names: hex, some all digits (one with a leading
#: zero), one digits around an ``e`` (a number's exponent, read as text).
REVIEWBOARD_BLOBS = ("b5061b7", "0412763", "9f3e2a1", "1234e56", "7340912")
REVIEWBOARD_HEAD = "62b06ef9a6331d86a3623f4e6acb4a4494ec5de0"


def reviewboard_moment(n: int, seconds: int = 0) -> datetime:
    """Review request ``n``'s moment, ``seconds`` on: naive UTC, microseconds (none in every fourth)."""
    micro = 0 if n % 4 == 0 else (n * 104729) % 10**6
    return REVIEWBOARD_BASE + timedelta(minutes=11 * n, seconds=seconds, microseconds=micro)


def reviewboard_diff(n: int) -> bytes:
    """Review request ``n``'s uploaded git diff: ``app.py`` given ``n % 4 + 1`` functions."""
    added = "".join(
        f'+def f{i}():\n+    return "{REVIEWBOARD_SUMMARIES[(n + i) % 6].strip()}" # {n}\n'
        for i in range(n % 4 + 1)
    )
    return (
        f"diff --git a/app.py b/app.py\nindex {reviewboard_blob(n)}..0000000 100644\n"
        "--- a/app.py\n+++ b/app.py\n"
        f'@@ -1,2 +1,{2 + 2 * (n % 4 + 1)} @@\n def hello():\n     return "hi"\n{added}'
    ).encode()


def reviewboard_blob(n: int) -> str:
    return REVIEWBOARD_BLOBS[n % len(REVIEWBOARD_BLOBS)]


def reviewboard_bugs(n: int) -> str:
    """Review request ``n``'s ``bugs_closed`` as the API stores the list: ``'0003, 4'``, or ``''``."""
    return f"{n:04d}, {n + 1}" if n % 3 == 0 else ""


def reviewboard_reviews(n: int) -> int:
    """How many reviews review request ``n`` has (its first one's reply aside)."""
    return n % 3


def code_review(path: Path, requests: int = 16) -> Path:
    """A Review Board site's ``reviewboard.db`` (see the module's list)."""
    users = [
        (i + 1, "pbkdf2_sha256$600000$salt$hash=", None, name, first, last, f"{name}@example.com",
         str(REVIEWBOARD_BASE - timedelta(hours=i)))
        for i, (name, first, last) in enumerate(REVIEWBOARD_USERS)
    ]  # fmt: skip
    histories, diffsets, raws, filediffs, reviewrequests = [], [], [], [], []
    reviews: list[Sequence[Any]] = []
    comments: list[Sequence[Any]] = []
    changes: list[Sequence[Any]] = []
    for n in range(1, requests + 1):
        uploaded = str(reviewboard_moment(n, 1))
        histories.append((n, "", str(reviewboard_moment(n)), uploaded, "{}"))
        diffsets.append((n, "path", 1, uploaded, "", n, 1, 2, REVIEWBOARD_HEAD, 0, "{}"))
        diff = reviewboard_diff(n)
        counts = {"delete_count": 0, "insert_count": 2 * (n % 4 + 1)}
        raws.append((n, hashlib.sha1(diff).hexdigest(), bz2.compress(diff), "B", json.dumps(counts)))
        extra = {"is_symlink": False, "new_unix_mode": "100644", "old_unix_mode": "100644"}
        filediffs.append(
            (n, n, "app.py", "app.py", reviewboard_blob(n), "0000000", 0, "M", "", None, n, "",
             json.dumps(extra | {"raw_delete_count": 0, "raw_insert_count": counts["insert_count"]}))
        )  # fmt: skip
        status = "S" if n % 5 == 0 else "D" if n % 7 == 0 else "P"
        written = reviewboard_reviews(n)
        reviewrequests.append(
            (n, f"{REVIEWBOARD_SUMMARIES[(n + 3) % 6]}\n\nRR {n}", "" if n % 4 else "Ran tests ✓\u00a0",
             reviewboard_bugs(n), "main" if n % 2 else f"feature/{n:03d}", None,
             json.dumps({"__created_with_history": False, "calculated_trophies": True}),
             f"#{n} {REVIEWBOARD_SUMMARIES[n % 6]}", 1 + n % 4, str(reviewboard_moment(n)),
             str(reviewboard_moment(n, 120)), status, 1, 1, n,
             str(reviewboard_moment(n, 60)) if written else None,
             len([k for k in range(written) if (n + k) % 2 == 0]), written if n % 2 == 0 else 0)
        )  # fmt: skip
        for k in range(written):
            rid = len(reviews) + 1
            reviews.append(
                (rid, n, 1 + (n + k + 1) % 4, str(reviewboard_moment(n, 60 + k)), 1, int((n + k) % 2 == 0),
                 None, f"{REVIEWBOARD_SUMMARIES[(n + k) % 6]} LGTM", "" if k else "Danke!", "{}")
            )  # fmt: skip
            comments.append(
                (len(comments) + 1, int(n % 2 == 0), "O" if n % 2 == 0 else None, None,
                 str(reviewboard_moment(n, 60 + k)), f"Nit {n}.{k}: {REVIEWBOARD_SUMMARIES[(3 * n + k) % 6]}",
                 0, "{}", n, 1 + k, 1 + n % 4)
            )  # fmt: skip
            if k == 0:
                reviews.append(
                    (rid + 1, n, 1 + n % 4, str(reviewboard_moment(n, 90)), 1, 0, rid, "Fixed ✅", "", "{}")
                )
        if status != "P":
            changes.append(
                (len(changes) + 1, 1 + n % 4, str(reviewboard_moment(n, 120)), 1,
                 "Merged 🎉" if n % 10 else "", 1, json.dumps({"status": {"new": [status], "old": ["P"]}}))
            )  # fmt: skip
    rows: dict[str, list[Sequence[Any]]] = {
        "auth_user": users,
        "scmtools_tool": [
            (1, "Git", "reviewboard.scmtools.git.GitTool"),
            (2, "Mercurial", "reviewboard.scmtools.hg.HgTool"),
        ],
        "scmtools_repository": [
            (1, "Ünïcode repo 🚀", "/srv/git/app.git", "", "{}", 1, "git", "", 1, 0, None)
        ],
        "diffviewer_diffsethistory": histories,
        "diffviewer_diffset": diffsets,
        "diffviewer_filediffdata": [],
        "diffviewer_rawfilediffdata": raws,
        "diffviewer_filediff": filediffs,
        "reviews_reviewrequest": reviewrequests,
        "reviews_review": reviews,
        "reviews_comment": comments,
        "changedescs_changedescription": changes,
    }
    return write_export(path, REVIEWBOARD_DDL, rows, bytes_as_text=False)


# --- A source hosting server (Kallithea) -------------------------------------------------------------

#: Kallithea 0.7's tables as ``kallithea-cli db-create`` creates them (SQLAlchemy on ``sqlite:///``; a
#: subset of the user's and the repository's columns).
KALLITHEA_DDL = (
    "CREATE TABLE users (\n\tuser_id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\tusername VARCHAR(255) "
    "NOT NULL, \n\tactive BOOLEAN NOT NULL, \n\tadmin BOOLEAN NOT NULL, \n\tfirstname VARCHAR(255) NOT NULL, "
    "\n\tlastname VARCHAR(255) NOT NULL, \n\temail VARCHAR(255), \n\tlast_login DATETIME, \n\textern_type "
    "VARCHAR(255), \n\tapi_key VARCHAR(255) NOT NULL, \n\tcreated_on DATETIME NOT NULL, \n\tuser_data BLOB, "
    "\n\tCONSTRAINT uq_users_username UNIQUE (username), \n\tCONSTRAINT ck_users_active CHECK (active IN "
    "(0, 1)), \n\tCONSTRAINT ck_users_admin CHECK (admin IN (0, 1)), \n\tCONSTRAINT uq_users_email UNIQUE "
    "(email)\n)",
    "CREATE TABLE repositories (\n\trepo_id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\trepo_name "
    "VARCHAR(255) NOT NULL, \n\trepo_state VARCHAR(255) NOT NULL, \n\tclone_uri VARCHAR(255), \n\trepo_type "
    "VARCHAR(255) NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\tprivate BOOLEAN NOT NULL, \n\tdescription "
    "VARCHAR(10000) NOT NULL, \n\tcreated_on DATETIME NOT NULL, \n\tupdated_on DATETIME NOT NULL, "
    "\n\tlanding_revision VARCHAR(255) NOT NULL, \n\tchangeset_cache BLOB, \n\tfork_id INTEGER, "
    "\n\tCONSTRAINT uq_repositories_repo_name UNIQUE (repo_name), \n\tCONSTRAINT fk_repositories_user_id "
    "FOREIGN KEY(user_id) REFERENCES users (user_id), \n\tCONSTRAINT ck_repositories_private CHECK (private "
    "IN (0, 1)), \n\tCONSTRAINT fk_repositories_fork_id FOREIGN KEY(fork_id) REFERENCES repositories "
    "(repo_id)\n)",
    "CREATE TABLE pull_requests (\n\tpull_request_id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\ttitle "
    "VARCHAR(255) NOT NULL, \n\tdescription TEXT NOT NULL, \n\tstatus VARCHAR(255) NOT NULL, \n\tcreated_on "
    "DATETIME NOT NULL, \n\tupdated_on DATETIME NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\trevisions TEXT "
    "NOT NULL, \n\torg_repo_id INTEGER NOT NULL, \n\torg_ref VARCHAR(255) NOT NULL, \n\tother_repo_id "
    "INTEGER NOT NULL, \n\tother_ref VARCHAR(255) NOT NULL, \n\tCONSTRAINT fk_pull_requests_user_id FOREIGN "
    "KEY(user_id) REFERENCES users (user_id), \n\tCONSTRAINT fk_pull_requests_org_repo_id FOREIGN "
    "KEY(org_repo_id) REFERENCES repositories (repo_id), \n\tCONSTRAINT fk_pull_requests_other_repo_id "
    "FOREIGN KEY(other_repo_id) REFERENCES repositories (repo_id)\n)",
    "CREATE TABLE pull_request_reviewers (\n\tpull_requests_reviewers_id INTEGER NOT NULL PRIMARY KEY "
    "AUTOINCREMENT, \n\tpull_request_id INTEGER NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\tCONSTRAINT "
    "uq_pull_request_reviewers_pull_request_id UNIQUE (pull_request_id, user_id), \n\tCONSTRAINT "
    "fk_pull_request_reviewers_pull_request_id FOREIGN KEY(pull_request_id) REFERENCES pull_requests "
    "(pull_request_id), \n\tCONSTRAINT fk_pull_request_reviewers_user_id FOREIGN KEY(user_id) REFERENCES "
    "users (user_id)\n)",
    "CREATE TABLE changeset_comments (\n\tcomment_id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\trepo_id "
    "INTEGER NOT NULL, \n\trevision VARCHAR(40), \n\tpull_request_id INTEGER, \n\tline_no VARCHAR(10), "
    "\n\tf_path VARCHAR(1000), \n\tuser_id INTEGER NOT NULL, \n\ttext TEXT NOT NULL, \n\tcreated_on DATETIME "
    "NOT NULL, \n\tmodified_at DATETIME NOT NULL, \n\tCONSTRAINT fk_changeset_comments_repo_id FOREIGN "
    "KEY(repo_id) REFERENCES repositories (repo_id), \n\tCONSTRAINT fk_changeset_comments_pull_request_id "
    "FOREIGN KEY(pull_request_id) REFERENCES pull_requests (pull_request_id), \n\tCONSTRAINT "
    "fk_changeset_comments_user_id FOREIGN KEY(user_id) REFERENCES users (user_id)\n)",
    "CREATE TABLE changeset_statuses (\n\tchangeset_status_id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
    "\n\trepo_id INTEGER NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\trevision VARCHAR(40), \n\tstatus "
    "VARCHAR(128) NOT NULL, \n\tchangeset_comment_id INTEGER NOT NULL, \n\tmodified_at DATETIME NOT NULL, "
    "\n\tversion INTEGER NOT NULL, \n\tpull_request_id INTEGER, \n\tCONSTRAINT uq_changeset_statuses_repo_id "
    "UNIQUE (repo_id, revision, version), \n\tCONSTRAINT fk_changeset_statuses_repo_id FOREIGN KEY(repo_id) "
    "REFERENCES repositories (repo_id), \n\tCONSTRAINT fk_changeset_statuses_user_id FOREIGN KEY(user_id) "
    "REFERENCES users (user_id), \n\tCONSTRAINT fk_changeset_statuses_changeset_comment_id FOREIGN "
    "KEY(changeset_comment_id) REFERENCES changeset_comments (comment_id), \n\tCONSTRAINT "
    "fk_changeset_statuses_pull_request_id FOREIGN KEY(pull_request_id) REFERENCES pull_requests "
    "(pull_request_id)\n)",
    "CREATE TABLE gists (\n\tgist_id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\tgist_access_id "
    "VARCHAR(250) NOT NULL, \n\tgist_description TEXT NOT NULL, \n\tuser_id INTEGER NOT NULL, "
    "\n\tgist_expires FLOAT NOT NULL, \n\tgist_type VARCHAR(128) NOT NULL, \n\tcreated_on DATETIME NOT NULL, "
    "\n\tmodified_at DATETIME NOT NULL, \n\tCONSTRAINT fk_gists_user_id FOREIGN KEY(user_id) REFERENCES "
    "users (user_id)\n)",
    "CREATE TABLE user_logs (\n\tuser_log_id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\tuser_id "
    "INTEGER, \n\tusername VARCHAR(255) NOT NULL, \n\trepository_id INTEGER, \n\trepository_name "
    "VARCHAR(255) NOT NULL, \n\tuser_ip VARCHAR(255), \n\taction TEXT NOT NULL, \n\taction_date DATETIME "
    "NOT NULL, \n\tCONSTRAINT fk_user_logs_user_id FOREIGN KEY(user_id) REFERENCES users (user_id), "
    "\n\tCONSTRAINT fk_user_logs_repository_id FOREIGN KEY(repository_id) REFERENCES repositories "
    "(repo_id)\n)",
)
KALLITHEA_BASE = datetime(2026, 12, 5, 6, 37, 13, 198671)
KALLITHEA_USERS = (
    ("default", "Anonymous", "User"),
    ("admin", "Kallithea", "Admin"),
    ("zoe", "Zoë", "Ångström"),
    ("jurgen", "Jürgen", ""),
    ("li", "李", "雷"),
)
KALLITHEA_TEXTS = ("Fix crash 🔥", "Passwort\u00a0vergessen", "Line1\nLine2\r\nLine3", "Émoji 👩\u200d💻", "")
#: Gists' expiry as ``time.time()`` plus the lifetime (REAL seconds), ``-1`` for never.
KALLITHEA_EXPIRES = (-1.0, 1796456335.53899, 1796539135.57286, -1.0)


def kallithea_moment(n: int) -> datetime:
    """The ``n``-th moment the server wrote: naive local time (``datetime.now()``), microseconds."""
    return KALLITHEA_BASE + timedelta(seconds=7 * n, microseconds=(n * 7919) % 10**6)


def kallithea_sha(repo: int, n: int) -> str:
    """Changeset ``n`` of repository ``repo``: 40 hex digits."""
    return hashlib.sha1(f"{repo}:{n}".encode()).hexdigest()


def kallithea_cache(repo: int, commits: int) -> bytes:
    """A repository's ``changeset_cache``: JSON of its tip, as bytes in a BLOB."""
    tip = kallithea_sha(repo, commits - 1)
    cache = {
        "short_id": tip[:12],
        "raw_id": tip,
        "revision": commits - 1,
        "message": f"commit {commits - 1}: Passwort\u00a0vergessen",
        "date": kallithea_moment(40).isoformat(timespec="seconds"),
        "author": "Seán <obrien@example.com>",
    }
    return json.dumps(cache).encode()


def kallithea_line(n: int) -> str | None:
    """Comment ``n``'s line: ``n`` then the new file's line number, ``o`` the old's; none on a changeset."""
    return None if n % 3 == 2 else f"{'no'[n % 2]}{n + 1}"


def source_hosting(path: Path, commits: int = 8, pulls: int = 3) -> Path:
    """A Kallithea server's ``kallithea.db`` (see the module's list)."""
    users = [
        (i + 1, name, 1, int(name in ("admin", "zoe")), first, last,
         None if i == 0 else f"{name}@example.com", str(kallithea_moment(50 + i)) if i in (1, 3) else None,
         None if i == 0 else "internal", hashlib.sha1(name.encode()).hexdigest(), str(kallithea_moment(i)),
         b'{"language": "de"}' if i == 2 else None)
        for i, (name, first, last) in enumerate(KALLITHEA_USERS)
    ]  # fmt: skip
    repos = [
        (1, "ünïcode-hg", "repo_state_created", None, "hg", 2, 0, "Repo – Beschreibung 🚀",
         str(kallithea_moment(10)),
         str(kallithea_moment(40).replace(microsecond=0)), "rev:tip", kallithea_cache(1, commits), None),
        (2, "app-git", "repo_state_created", "", "git", 3, 1, "", str(kallithea_moment(11)),
         str(kallithea_moment(41).replace(microsecond=0)), "rev:tip", kallithea_cache(2, commits), 1),
    ]  # fmt: skip
    comments, statuses = [], []
    for n in range(commits):
        if n % 2:
            continue
        cid = len(comments) + 1
        comments.append(
            (cid, 1 + n % 4 // 2, kallithea_sha(1 + n % 4 // 2, n), None, kallithea_line(n),
             f"file{n}.txt" if kallithea_line(n) else None, 3 + n % 3, KALLITHEA_TEXTS[n % 4],
             str(kallithea_moment(20 + n)), str(kallithea_moment(20 + n)))
        )  # fmt: skip
        if n % 4 == 0:
            statuses.append(
                (len(statuses) + 1, comments[-1][1], comments[-1][6], comments[-1][2],
                 "approved" if n % 8 else "rejected", cid, str(kallithea_moment(20 + n)), 0, None)
            )  # fmt: skip
    pull_requests, reviewers = [], []
    for p in range(1, pulls + 1):
        revisions = [kallithea_sha(1, n) for n in range(p, commits)]
        pull_requests.append(
            (p, f"PR {p}: {KALLITHEA_TEXTS[p % 4]}", KALLITHEA_TEXTS[(p + 1) % 5],
             "new" if p < pulls else "closed",
             str(kallithea_moment(30 + p)), str(kallithea_moment(31 + p)), 2, ":".join(revisions), 1,
             f"branch:default:{revisions[-1]}", 1, f"branch:default:{kallithea_sha(1, p - 1)}")
        )  # fmt: skip
        reviewers += [(len(reviewers) + 1, p, 4), (len(reviewers) + 2, p, 5)]
        cid = len(comments) + 1
        # The pull request's own comment carries its status changes: '' text (NOT NULL).
        comments.append(
            (cid, 1, None, p, None, None, 2, "", str(kallithea_moment(30 + p)), str(kallithea_moment(30 + p)))
        )
        statuses += [
            (len(statuses) + 1 + k, 1, 2, revision, "under_review", cid, str(kallithea_moment(30 + p)), k, p)
            for k, revision in enumerate(revisions[:2])
        ]
    gists = [
        (g + 1, str(g + 1) if g % 2 == 0 else f"Xq{g}8LmZ02rT9vKp7Wd", f"Gist {g} 📝", 2, expires,
         "public" if g % 2 == 0 else "private", str(kallithea_moment(60 + g)), str(kallithea_moment(60 + g)))
        for g, expires in enumerate(KALLITHEA_EXPIRES)
    ]  # fmt: skip
    logs = [
        (n + 1, 2, "admin", 1 + n % 2, ("ünïcode-hg", "app-git")[n % 2], "127.0.0.1" if n % 3 else "",
         f"push_local:{kallithea_sha(1 + n % 2, n)}" if n % 3 else "user_created_repo",
         str(kallithea_moment(70 + n)))
        for n in range(6)
    ]  # fmt: skip
    rows: dict[str, list[Sequence[Any]]] = {
        "users": users,
        "repositories": repos,
        "pull_requests": pull_requests,
        "pull_request_reviewers": reviewers,
        "changeset_comments": comments,
        "changeset_statuses": statuses,
        "gists": gists,
        "user_logs": logs,
    }
    return write_export(path, KALLITHEA_DDL, rows, bytes_as_text=False)


# --- TypeORM ---------------------------------------------------------------------------------------------

TYPEORM_NAMES = (
    "Zoë Ångström",
    "José Müller",
    "李小龙",
    "Søren\u00a0Kierkegaard",
    "Ана Каренина",
    "😀 Emoji Fan",
)
TYPEORM_TAGS = ("gold", "früh", "a b")
TYPEORM_NOW = "2026-12-05 06:19:58"  # SQLite's datetime('now'): @CreateDateColumn's default, UTC
TYPEORM_AMOUNTS = ("0.5", "1.25000000", "0.00012345", "0.00001", "0.00000001", "12.34567890", "3")
TYPEORM_FEES = ("0.0001", "0.00005", "0.00002500", "0.00000546", "0.001", "0", "0.00001000")
TYPEORM_MIGRATIONS = ((1700000000000, "Init1700000000000"), (1733390000123, "AddPayments1733390000123"))


def typeorm_uuid(kind: str, n: int) -> str:
    """A row's ``@PrimaryGeneratedColumn("uuid")``: deterministic here, of the same form."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"typeorm/{kind}/{n}"))


def typeorm_moment(moment: datetime) -> str:
    """TypeORM's text of a ``Date`` in a ``datetime`` column: UTC, milliseconds always."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def typeorm_placed(n: int) -> datetime:
    """Order ``n``'s ``placedAt`` (naive UTC, whole milliseconds; the first at midnight)."""
    return datetime(2024, n % 12 + 1, n % 28 + 1, 7 * n % 24, 13 * n % 60, 17 * n % 60, 123000 * n % 1000000)


def typeorm_total(n: int) -> Decimal:
    """Order ``n``'s total: two decimals, whole every 20th (stored as an INTEGER)."""
    return Decimal(1999 * n).scaleb(-2) if n % 20 else Decimal(20 * n)


def typeorm_price(i: int) -> Decimal:
    """Product ``i``'s price as the shop wrote it (``'0.99'``, ``'10.00'``, ``'1234567.89'``)."""
    return (Decimal(110 * i + 99).scaleb(-2), Decimal(10 * i), Decimal("0.05"), Decimal("1234567.89"))[i % 4]


def typeorm_tags(i: int) -> str | None:
    """Customer ``i``'s ``simple-array``: NULL, ``''`` (an empty list), or names joined by commas."""
    return None if i % 6 == 0 else "" if i % 6 == 1 else ",".join(TYPEORM_TAGS[: i % 3 + 1])


def typeorm_store(path: Path, customers: int = 12, products: int = 16, orders: int = 30) -> Path:
    """A TypeORM application's database (see the module's list)."""
    ddl = [
        'CREATE TABLE "migrations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "timestamp" bigint '
        'NOT NULL, "name" varchar NOT NULL)',
        'CREATE TABLE "customer" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(120) NOT NULL, '
        '"email" varchar, "postcode" varchar(10), "vip" boolean NOT NULL DEFAULT (0), "credit" '
        'decimal(12,2) NOT NULL DEFAULT (0), "tags" text, "prefs" text, "birthday" date, "avatar" blob, '
        '"createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL '
        "DEFAULT (datetime('now')), \"version\" integer NOT NULL, CONSTRAINT "
        '"UQ_fdb2f3ad8115da4c7718109a6eb" UNIQUE ("email"))',
        'CREATE TABLE "product" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sku" varchar(20) NOT '
        'NULL, "title" varchar NOT NULL, "price" decimal(10,2) NOT NULL, "weight" float, "stock" integer '
        "NOT NULL DEFAULT (0), \"status\" varchar CHECK( \"status\" IN ('draft','active','archived') ) "
        'NOT NULL DEFAULT (\'draft\'), "releasedAt" datetime, "opensAt" time, "deletedAt" datetime, '
        'CONSTRAINT "UQ_34f6ca1cd897cc926bdcca1ca39" UNIQUE ("sku"))',
        'CREATE TABLE "category" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar NOT NULL)',
        'CREATE TABLE "order" ("id" varchar PRIMARY KEY NOT NULL, "number" varchar(12) NOT NULL, "placedAt" '
        'datetime NOT NULL, "total" decimal(12,2) NOT NULL, "paid" boolean NOT NULL, "note" text, "meta" '
        'text, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "customerId" varchar, '
        'CONSTRAINT "FK_124456e637cca7a415897dce659" FOREIGN KEY ("customerId") REFERENCES "customer" '
        '("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
        'CREATE TABLE "order_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "quantity" integer NOT '
        'NULL, "unitPrice" decimal(10,2) NOT NULL, "orderId" varchar, "productId" integer, CONSTRAINT '
        '"FK_239cfca2a55b98b90b6bef2e44f" FOREIGN KEY ("orderId") REFERENCES "order" ("id") ON DELETE '
        'CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_8deef19c65f771528352b0f5a55" FOREIGN KEY ("productId") '
        'REFERENCES "product" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
        'CREATE TABLE "payment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "amount" decimal(18,8) NOT '
        'NULL, "fee" decimal(18,8) NOT NULL, "currency" varchar(5) NOT NULL, "orderId" varchar, CONSTRAINT '
        '"FK_d09d285fe1645cd2f0db811e293" FOREIGN KEY ("orderId") REFERENCES "order" ("id") ON DELETE NO '
        "ACTION ON UPDATE NO ACTION)",
        'CREATE TABLE "category_products_product" ("categoryId" integer NOT NULL, "productId" integer NOT '
        'NULL, CONSTRAINT "FK_90d521137ff8c3e927187bcd27d" FOREIGN KEY ("categoryId") REFERENCES "category" '
        '("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_ee240b247f9f23e5d35854c186b" FOREIGN '
        'KEY ("productId") REFERENCES "product" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY '
        '("categoryId", "productId"))',
    ]
    customer_rows = [
        (
            typeorm_uuid("customer", i),
            TYPEORM_NAMES[i % len(TYPEORM_NAMES)] + f" {i}",
            None if i % 9 == 4 else f"user{i}@example.org",
            None if i % 5 == 0 else f"{i * 97 % 100000:05d}",
            int(i % 4 == 0),
            # A Decimal's text or a JS number, as the app passed it: NUMERIC affinity stores REAL or INTEGER.
            f"{i * 12.5:.2f}" if i % 3 == 0 else i * 100 if i % 3 == 1 else "0.10",
            typeorm_tags(i),
            None
            if i % 7 == 0
            else json.dumps({"theme": ("light", "dark")[i % 2], "ratio": i / 7}, separators=(",", ":")),
            None if i % 5 == 2 else date(1950 + i, i % 12 + 1, i % 28 + 1).isoformat(),
            bytes([0, 1, 2, 255, i]) if i % 4 == 1 else b"" if i % 4 == 2 else None,
            TYPEORM_NOW,
            TYPEORM_NOW,
            1 + int(i % 3 == 0),
        )
        for i in range(customers)
    ]
    product_rows = [
        (
            i + 1,
            f"{i * 37:06d}",
            f"Product {i} – " + ("widget", "Ünïcödé", "🚀 rocket")[i % 3],
            str(typeorm_price(i)),
            None if i % 5 == 0 else 0.1 * i,
            i * 3 - 20,
            ("draft", "active", "archived")[i % 3],
            None
            if i % 4 == 0
            else typeorm_moment(datetime(2020, i % 12 + 1, i % 27 + 1, i % 24, i, i, 37000 * i)),
            f"0{i % 10}:30:00" if i % 2 else None,
            typeorm_moment(datetime(2026, 12, 5, 6, 20, 1, 5000)) if i in (5, 6) else None,
        )
        for i in range(products)
    ]
    order_rows = []
    lines = []
    for n in range(orders):
        order_rows.append(
            (
                typeorm_uuid("order", n),
                f"{n + 1:08d}",
                typeorm_moment(typeorm_placed(n)),
                str(typeorm_total(n)),
                int(n % 3 != 0),
                None if n % 5 == 0 else "" if n % 5 == 1 else f"Please deliver\u00a0to door #{n}",
                json.dumps({"source": "web", "coupon": None}, separators=(",", ":")) if n % 2 else None,
                TYPEORM_NOW,
                None if n % 13 == 0 else typeorm_uuid("customer", n % customers),
            )
        )
        for j in range(n % 3 + 1):
            product = (n + j) % products
            lines.append(
                (len(lines) + 1, j + 1, str(typeorm_price(product)), typeorm_uuid("order", n), product + 1)
            )
    payments = [
        (
            k + 1,
            TYPEORM_AMOUNTS[k % len(TYPEORM_AMOUNTS)],
            TYPEORM_FEES[3 * k % len(TYPEORM_FEES)],
            ("BTC", "ETH")[k % 2],
            typeorm_uuid("order", 2 * k),
        )
        for k in range(orders // 2)
    ]
    categories = ("Tools", "Bücher", "Café")
    links = [
        (c + 1, p + 1) for c in range(len(categories)) for p in range(products) if p % 3 == c or p % 5 == c
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "migrations": [(k, *m) for k, m in enumerate(TYPEORM_MIGRATIONS, 1)],
        "customer": customer_rows,
        "product": product_rows,
        "category": [(c + 1, name) for c, name in enumerate(categories)],
        "order": order_rows,
        "order_line": lines,
        "payment": payments,
        "category_products_product": links,
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- Drizzle ORM -----------------------------------------------------------------------------------------

DRIZZLE_NAMES = ("Zoë Ångström", "José Müller", "李小龙", "Søren\u00a0K", "😀 Emoji", "Ана")
DRIZZLE_BALANCES = ("3.30", "100", "0.005", "-12.50")
DRIZZLE_PRICES = (9.99, 10, 0.1 + 0.2, 1234.5)
DRIZZLE_NOW = 1796452382  # unixepoch() at the insert: 2026-12-05 06:33:02 UTC
DRIZZLE_MIGRATIONS = (
    (1733390000123, "f4a609205eda0a113c4f2df19586df91"),
    (1733400000456, "40b75fdc93a65549"),
)


def drizzle_created(i: int) -> int:
    """User ``i``'s ``created_at``: Drizzle's epoch seconds of a ``Date`` (its milliseconds dropped), or
    the ``unixepoch()`` default where the app gave none."""
    return (
        DRIZZLE_NOW
        if i % 4 == 0
        else int(datetime(2023, i % 12 + 1, i % 28 + 1, i % 24, i, i, tzinfo=UTC).timestamp())
    )


def drizzle_last_seen(i: int) -> int | None:
    """User ``i``'s ``last_seen`` (``timestamp_ms``): epoch milliseconds, or NULL."""
    moment = datetime(2024, i % 12 + 1, 1, 12, 0, i % 60, 7000 * i % 1000000, tzinfo=UTC)
    return None if i % 3 == 0 else int(moment.timestamp() * 1000)


def drizzle_balance(i: int) -> str | None:
    """User ``i``'s ``balance`` as the app passed it (string mode), or NULL."""
    return None if i % 8 == 0 else DRIZZLE_BALANCES[i % 4]


def drizzle_app(path: Path, users: int = 16, posts: int = 24) -> Path:
    """A Drizzle ORM application's database (see the module's list)."""
    ddl = [
        'CREATE TABLE "__drizzle_migrations" (\n\t\t\t\tid SERIAL PRIMARY KEY,\n\t\t\t\thash text NOT NULL,'
        "\n\t\t\t\tcreated_at numeric\n\t\t\t)",
        "CREATE TABLE `users` (\n\t`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,\n\t`name` text NOT NULL,"
        "\n\t`email` text,\n\t`zip` text,\n\t`is_admin` integer DEFAULT false NOT NULL,\n\t`created_at` "
        "integer DEFAULT (unixepoch()) NOT NULL,\n\t`last_seen` integer,\n\t`birthday` integer,\n\t"
        "`settings` text,\n\t`role` text DEFAULT 'user',\n\t`balance` numeric,\n\t`score` real,\n\t"
        "`avatar` blob,\n\t`blob_json` blob,\n\t`big_counter` blob,\n\t`followers` integer DEFAULT 0,\n\t"
        "`updated_at` text DEFAULT (CURRENT_TIMESTAMP)\n)",
        "CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`)",
        "CREATE TABLE `posts` (\n\t`id` text PRIMARY KEY NOT NULL,\n\t`author_id` integer NOT NULL,\n\t"
        "`title` text NOT NULL,\n\t`body` text,\n\t`price` numeric,\n\t`views` numeric,\n\t`published` "
        "integer,\n\t`published_at` integer,\n\t`tags` text,\n\tFOREIGN KEY (`author_id`) REFERENCES "
        "`users`(`id`) ON UPDATE no action ON DELETE cascade\n)",
        "CREATE INDEX `posts_author_idx` ON `posts` (`author_id`)",
        "CREATE TABLE `posts_to_tags` (\n\t`post_id` text NOT NULL,\n\t`tag_id` integer NOT NULL,\n\t"
        "PRIMARY KEY(`post_id`, `tag_id`),\n\tFOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE "
        "no action ON DELETE no action,\n\tFOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no "
        "action ON DELETE no action\n)",
        "CREATE TABLE `tags` (\n\t`id` integer PRIMARY KEY NOT NULL,\n\t`label` text NOT NULL\n)",
    ]
    user_rows = [
        (
            i + 1,
            f"{DRIZZLE_NAMES[i % len(DRIZZLE_NAMES)]} {i}",
            None if i % 9 == 3 else f"u{i}@example.com",
            None if i % 5 == 0 else f"{i * 731 % 100000:05d}",
            int(i % 7 == 0),
            drizzle_created(i),
            drizzle_last_seen(i),
            None if i % 6 == 0 else int(datetime(1940 + i, i % 12 + 1, i % 28 + 1, tzinfo=UTC).timestamp()),
            None
            if i % 5 == 4
            else json.dumps({"theme": ("light", "dark")[i % 2], "n": i}, separators=(",", ":")),
            ("admin", "user", "guest")[i % 3],
            drizzle_balance(i),
            i / 3 if i % 4 else None,
            bytes([137, 80, 78, 71, i]) if i % 4 == 1 else None,
            json.dumps({"a": i, "s": "ü"}, ensure_ascii=False, separators=(",", ":")).encode()
            if i % 3 == 0
            else None,
            str(9007199254740993 * i).encode() if i % 2 else None,
            11 * i,
            "2026-12-05 06:33:02",
        )
        for i in range(users)
    ]
    post_rows = [
        (
            f"post_{i:04d}",
            i % users + 1,
            f"Title {i} 🚀",
            None if i % 10 == 0 else "" if i % 10 == 1 else f"Body\nwith lines {i}",
            None if i % 5 == 0 else DRIZZLE_PRICES[i % 4],
            None if i % 6 == 0 else i * 1000003,
            None if i % 3 == 0 else int(i % 2 == 0),
            None
            if i % 3 == 0
            else int(datetime(2025, i % 12 + 1, i % 28 + 1, 8, 30, i, 250000, tzinfo=UTC).timestamp() * 1000),
            None if i % 4 == 0 else json.dumps(["a", "b", str(i)], separators=(",", ":")),
        )
        for i in range(posts)
    ]
    labels = ("news", "tech", "Café", "日本", "misc", "007")
    rows: dict[str, list[Sequence[Any]]] = {
        "__drizzle_migrations": [(None, digest, when) for when, digest in DRIZZLE_MIGRATIONS],
        "users": user_rows,
        "tags": [(t, label) for t, label in enumerate(labels, 1)],
        "posts": post_rows,
        "posts_to_tags": [
            (f"post_{i:04d}", t) for i in range(posts) for t in range(1, 7) if (i + t) % 4 == 0
        ],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- Calibre-Web -----------------------------------------------------------------------------------------

CALIBRE_WEB_BASE = datetime(2026, 12, 5, 6, 44, 10, 845545)  # naive UTC, as SQLAlchemy writes an aware one
CALIBRE_WEB_ROLES = (479, 32, 0, 5, 22)  # admin, guest, bit masks of download / upload / edit / ...


def calibre_web_moment(moment: datetime) -> str:
    """SQLAlchemy's ``DATETIME`` text on SQLite: six fraction digits always."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def calibre_web_book(n: int) -> int:
    """The ``n``-th book id a user touched: a book of calibre's ``metadata.db`` (1..300)."""
    return 37 * n % 300 + 1


def calibre_web_expiry(u: int) -> int:
    """User ``u``'s session ``expiry``: epoch seconds 31 days ahead."""
    return int((datetime(2027, 1, 5, tzinfo=UTC) + timedelta(minutes=u)).timestamp())


def sqlalchemy_table(name: str, *lines: str) -> str:
    """SQLAlchemy's ``CREATE TABLE`` text on SQLite: each column or constraint on a line of its own."""
    return f"CREATE TABLE {name} (\n\t" + ", \n\t".join(lines) + "\n)"


def calibre_web_app(path: Path, users: int = 6, reads: int = 30) -> Path:
    """A Calibre-Web ``app.db`` (see the module's list)."""
    user = "FOREIGN KEY(user_id) REFERENCES user (id)"
    ddl = [
        sqlalchemy_table(
            "user",
            "id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT",
            "name VARCHAR(64)",
            "email VARCHAR(120)",
            "role SMALLINT",
            "password VARCHAR",
            "kindle_mail VARCHAR(120)",
            "locale VARCHAR(2)",
            "sidebar_view INTEGER",
            "default_language VARCHAR(3)",
            "denied_tags VARCHAR",
            "view_settings JSON",
            "kobo_only_shelves_sync INTEGER",
            "UNIQUE (name)",
            "UNIQUE (email)",
        ),
        sqlalchemy_table(
            "shelf",
            "id INTEGER NOT NULL",
            "uuid VARCHAR",
            "name VARCHAR",
            "is_public INTEGER",
            "user_id INTEGER",
            "kobo_sync BOOLEAN",
            "created DATETIME",
            "last_modified DATETIME",
            "PRIMARY KEY (id)",
            user,
        ),
        sqlalchemy_table(
            "book_shelf_link",
            "id INTEGER NOT NULL",
            "book_id INTEGER",
            '"order" INTEGER',
            "shelf INTEGER",
            "date_added DATETIME",
            "PRIMARY KEY (id)",
            "FOREIGN KEY(shelf) REFERENCES shelf (id)",
        ),
        sqlalchemy_table(
            "book_read_link",
            "id INTEGER NOT NULL",
            "book_id INTEGER",
            "user_id INTEGER",
            "read_status INTEGER NOT NULL",
            "last_modified DATETIME",
            "last_time_started_reading DATETIME",
            "times_started_reading INTEGER NOT NULL",
            "PRIMARY KEY (id)",
            user,
        ),
        sqlalchemy_table(
            "user_session",
            "id INTEGER NOT NULL",
            "user_id INTEGER",
            "session_key VARCHAR",
            "random VARCHAR",
            "expiry INTEGER",
            "PRIMARY KEY (id)",
            user,
        ),
        sqlalchemy_table(
            "kobo_reading_state",
            "id INTEGER NOT NULL",
            "user_id INTEGER",
            "book_id INTEGER",
            "last_modified DATETIME",
            "priority_timestamp DATETIME",
            "PRIMARY KEY (id)",
            user,
        ),
        sqlalchemy_table(
            "kobo_bookmark",
            "id INTEGER NOT NULL",
            "kobo_reading_state_id INTEGER",
            "last_modified DATETIME",
            "location_source VARCHAR",
            "location_type VARCHAR",
            "location_value VARCHAR",
            "progress_percent FLOAT",
            "content_source_progress_percent FLOAT",
            "PRIMARY KEY (id)",
            "FOREIGN KEY(kobo_reading_state_id) REFERENCES kobo_reading_state (id)",
        ),
        sqlalchemy_table(
            "downloads", "id INTEGER NOT NULL", "book_id INTEGER", "user_id INTEGER", "PRIMARY KEY (id)", user
        ),
        sqlalchemy_table(
            "flask_settings", "id INTEGER NOT NULL", "flask_session_key BLOB", "PRIMARY KEY (id)"
        ),
    ]
    names = ("admin", "Guest", "Zoë", "José Müller", "李小龙", "Søren\u00a0K")
    user_rows = [
        (
            u,
            names[(u - 1) % len(names)],
            "no@email" if u == 2 else f"user{u}@example.org",
            CALIBRE_WEB_ROLES[(u - 1) % len(CALIBRE_WEB_ROLES)],
            "" if u == 2 else f"scrypt:32768:8:1${u:016x}",
            "" if u % 2 else f"k{u}@kindle.com",
            ("en", "de", "zh")[u % 3],
            262143 if u == 1 else 2 * u - 1,
            "all",
            "",
            "{}" if u % 2 else json.dumps({"shelf": {"sort": "abc"}, "author": {"view": "grid"}}),
            0,
        )
        for u in range(1, users + 1)
    ]
    shelves = [
        (
            k,
            str(uuid.uuid5(uuid.NAMESPACE_URL, f"calibre-web/shelf/{k}")),
            f"Shelf {k} 📚",
            int(k % 3 == 1),
            (k - 1) % users + 1,
            k % 2,
            calibre_web_moment(CALIBRE_WEB_BASE - timedelta(days=300 - k, microseconds=123456 * k)),
            calibre_web_moment(CALIBRE_WEB_BASE + timedelta(microseconds=3433 * k)),
        )
        for k in range(1, 2 * users + 1)
    ]
    links = [
        (
            n,
            calibre_web_book(n),
            n % 4 + 1,
            n % (2 * users) + 1,
            calibre_web_moment(CALIBRE_WEB_BASE + timedelta(seconds=n)),
        )
        for n in range(1, reads + 1)
    ]
    read_rows = [
        (
            n,
            calibre_web_book(3 * n),
            n % users + 1,
            n % 3,
            calibre_web_moment(CALIBRE_WEB_BASE + timedelta(microseconds=1246 * n)),
            None if n % 4 == 0 else calibre_web_moment(datetime(2025, 6, 1) + timedelta(hours=n)),
            n % 5,
        )
        for n in range(1, reads + 1)
    ]
    states = [
        (
            k,
            (k - 1) % users + 1,
            k,
            calibre_web_moment(CALIBRE_WEB_BASE + timedelta(seconds=k)),
            calibre_web_moment(CALIBRE_WEB_BASE + timedelta(seconds=k, microseconds=6)),
        )
        for k in range(1, 11)
    ]
    bookmarks = [
        (
            k,
            k,
            calibre_web_moment(CALIBRE_WEB_BASE + timedelta(seconds=k)),
            f"OEBPS/ch{k:02d}.xhtml",
            "KoboSpan",
            f"kobo.{k}.1",
            k * 4.5 if k % 3 else None,
            k / 3 if k % 2 else 0.0,
        )
        for k in range(1, 11)
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "user": user_rows,
        "shelf": shelves,
        "book_shelf_link": links,
        "book_read_link": read_rows,
        "user_session": [
            (u, u, uuid.UUID(int=991 * u).hex, f"{12345 * u:x}", calibre_web_expiry(u))
            for u in range(1, users + 1)
        ],
        "kobo_reading_state": states,
        "kobo_bookmark": bookmarks,
        "downloads": [(n, calibre_web_book(7 * n), n % users + 1) for n in range(1, reads + 1)],
        "flask_settings": [(1, bytes(range(200, 232)))],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- Gramps ----------------------------------------------------------------------------------------------

#: A Gramps 5.1 family tree's ``sqlite.db`` (DB-API backend, schema version 18), its own DDL.
GRAMPS_DDL = [
    "CREATE TABLE person (handle VARCHAR(50) PRIMARY KEY NOT NULL, given_name TEXT, surname TEXT, blob_data "
    "BLOB, gramps_id TEXT, gender INTEGER, death_ref_index INTEGER, birth_ref_index INTEGER, change INTEGER, "
    "private INTEGER)",
    "CREATE TABLE family (handle VARCHAR(50) PRIMARY KEY NOT NULL, blob_data BLOB, gramps_id TEXT, "
    "father_handle VARCHAR(50), mother_handle VARCHAR(50), change INTEGER, private INTEGER)",
    "CREATE TABLE source (handle VARCHAR(50) PRIMARY KEY NOT NULL, blob_data BLOB, gramps_id TEXT, title "
    "TEXT, author TEXT, pubinfo TEXT, abbrev TEXT, change INTEGER, private INTEGER)",
    "CREATE TABLE citation (handle VARCHAR(50) PRIMARY KEY NOT NULL, blob_data BLOB, gramps_id TEXT, page "
    "TEXT, confidence INTEGER, source_handle VARCHAR(50), change INTEGER, private INTEGER)",
    "CREATE TABLE event (handle VARCHAR(50) PRIMARY KEY NOT NULL, blob_data BLOB, gramps_id TEXT, "
    "description TEXT, place VARCHAR(50), change INTEGER, private INTEGER)",
    "CREATE TABLE media (handle VARCHAR(50) PRIMARY KEY NOT NULL, blob_data BLOB, gramps_id TEXT, path TEXT, "
    "mime TEXT, desc TEXT, checksum TEXT, change INTEGER, private INTEGER)",
    "CREATE TABLE place (handle VARCHAR(50) PRIMARY KEY NOT NULL, enclosed_by VARCHAR(50), blob_data BLOB, "
    "gramps_id TEXT, title TEXT, long TEXT, lat TEXT, code TEXT, change INTEGER, private INTEGER)",
    "CREATE TABLE repository (handle VARCHAR(50) PRIMARY KEY NOT NULL, blob_data BLOB, gramps_id TEXT, name "
    "TEXT, change INTEGER, private INTEGER)",
    "CREATE TABLE note (handle VARCHAR(50) PRIMARY KEY NOT NULL, blob_data BLOB, gramps_id TEXT, format "
    "INTEGER, change INTEGER, private INTEGER)",
    "CREATE TABLE tag (handle VARCHAR(50) PRIMARY KEY NOT NULL, blob_data BLOB, name TEXT, color "
    "VARCHAR(13), priority INTEGER, change INTEGER)",
    "CREATE TABLE reference (obj_handle VARCHAR(50), obj_class TEXT, ref_handle VARCHAR(50), ref_class TEXT)",
    "CREATE TABLE name_group (name VARCHAR(50) PRIMARY KEY NOT NULL, grouping TEXT)",
    "CREATE TABLE metadata (setting VARCHAR(50) PRIMARY KEY NOT NULL, value BLOB)",
    "CREATE TABLE gender_stats (given_name TEXT, female INTEGER, male INTEGER, unknown INTEGER)",
    "CREATE INDEX person_gramps_id ON person(gramps_id)",
    "CREATE INDEX person_surname ON person(surname)",
    "CREATE INDEX person_given_name ON person(given_name)",
    "CREATE INDEX source_title ON source(title)",
    "CREATE INDEX citation_page ON citation(page)",
    "CREATE INDEX place_enclosed_by ON place(enclosed_by)",
    "CREATE INDEX tag_name ON tag(name)",
    "CREATE INDEX reference_ref_handle ON reference(ref_handle)",
    "CREATE INDEX reference_obj_handle ON reference(obj_handle)",
]
GRAMPS_GIVEN = ("Zoë", "José\u00a0María", "Łukasz", "李", "Анна", "Baby 👶", "", "O'Brien", "Nguyễn Văn")
GRAMPS_SURNAMES = ("Müller", "García\u00a0López", "Ødegaard", "王", "", "D'Arcy", "Smith")
#: (title, latitude, longitude, postal code) of a tree's towns, as a user types them; '' where none.
GRAMPS_TOWNS = (
    ("Dresden", "51.0504", "13.7373", "01067"),
    ("Roma", "41.9027835", "12.4963655", "00184"),
    ("Gainesville, TX", "33.6259414", "-97.1333453", ""),
    ("São Paulo", "-23.55052", "-46.633308", "01000-000"),
    ("Ærøskøbing", "", "", ""),
    ("東京", "35.6894875", "139.6917064", "100-0001"),
)
GRAMPS_COUNTRIES = ("Deutschland", "Italia")
#: Gramps' "last changed" of its objects: Unix seconds (``int(time.time())``).
GRAMPS_CHANGED = 1_185_438_865


def gramps_handle(kind: str, n: int) -> str:
    """A Gramps handle: ``create_id()``'s lowercase hex of a time and a random number (19 digits), or
    the 17 or 18 capitals and digits of a tree imported from GEDCOM by an older Gramps."""
    seed = zlib.crc32(f"{kind}:{n}".encode())
    if kind == "person" and n % 4 == 0:
        digits, number = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", seed * 7919 + n
        text = ""
        while number:
            number, rest = divmod(number, 36)
            text += digits[rest]
        return (text + "KQC" + text)[:18]
    return f"{seed:08x}{n * 104729:011x}"


def gramps_blob(data: tuple[Any, ...]) -> bytes:
    """An object as Gramps 5.1 stores it in ``blob_data``: ``pickle.dumps`` of its ``serialize()`` tuple."""
    return pickle.dumps(data, protocol=4)


def gramps_date(day: int, month: int, year: int) -> tuple[Any, ...]:
    """A regular Gramps date's serialized tuple: calendar, modifier, quality, (d, m, y, slash), text,
    sort value (the day's Julian day number), new year."""
    return (0, 0, 0, (day, month, year, False), "", date(year, month, day).toordinal() + 1721425, 0)


def gramps_person(n: int) -> tuple[str, str, int]:
    """Person ``n``'s given name, surname and gender (0 female, 1 male, 2 unknown)."""
    return GRAMPS_GIVEN[n % len(GRAMPS_GIVEN)], GRAMPS_SURNAMES[n % len(GRAMPS_SURNAMES)], n % 3


def gramps_place(p: int) -> tuple[str, str, str, str]:
    """Town ``p``'s title, latitude, longitude and postal code (countries hold '' for each but a title)."""
    return GRAMPS_TOWNS[p]


def gramps_town_of(n: int) -> int | None:
    """The town person ``n`` was born in: one in two births has none."""
    return None if n % 2 else (n // 2) % len(GRAMPS_TOWNS)


def gramps_birth(n: int) -> date:
    return date(1800 + 7 * n, 1 + n % 12, 1 + n % 28)


def gramps_description(n: int) -> str:
    """A birth's description as Gramps writes it, or '' where the user cleared it."""
    given, surname, _ = gramps_person(n)
    return "" if n % 5 == 4 else "Birth of " + ", ".join(part for part in (surname, given) if part)


def gramps_changed(n: int) -> int:
    return GRAMPS_CHANGED + 86_400 * 37 * n + 13 * n


def gramps_couple(f: int) -> tuple[int | None, int | None]:
    """Family ``f``'s father and mother (people), NULL for a parent not known."""
    return (None if f == 3 else 2 * f, None if f % 4 == 1 else 2 * f + 1)


def gramps_gender_stats(people: int) -> list[tuple[str, int, int, int]]:
    """``gender_stats`` as Gramps 5.1 saves it: per first word of a given name (split at ASCII spaces
    only, ``?`` dropped; none for ''), its counts ``(male, female, unknown)`` unpacked as ``female,
    male, unknown`` (Gramps' own swap, read back the same way: the ``female`` column holds the men)."""
    stats: dict[str, list[int]] = {}
    for n in range(people):
        given, _, gender = gramps_person(n)
        key = given.split(" ")[0].replace("?", "")
        if key:
            counts = stats.setdefault(key, [0, 0, 0])  # male, female, unknown
            counts[{1: 0, 0: 1, 2: 2}[gender]] += 1
    return [(key, *counts) for key, counts in stats.items()]  # type: ignore[misc]


def gramps_note(k: int) -> str:
    return f"Notiz {k}: " + "Kirchenbuch, Seite ✝ — “Taufe”\u00a0im Jahr. " * (1 + 9 * k) + "Ende."


def _none(k: int) -> list[list[Any]]:
    """``k`` empty lists: the attribute, media, note, tag ... lists an object has none of."""
    return [[] for _ in range(k)]


def family_tree(path: Path, people: int = 24, families: int = 8) -> Path:
    """A Gramps 5.1 family tree (see the module's list)."""
    towns, countries = len(GRAMPS_TOWNS), len(GRAMPS_COUNTRIES)
    h = gramps_handle
    source, tags = h("source", 1), [h("tag", 1), h("tag", 2)]
    notes = [h("note", k) for k in range(1, 4)]
    people_rows, event_rows, references = [], [], []
    for n in range(people):
        given, surname, gender = gramps_person(n)
        town = gramps_town_of(n)
        place = "" if town is None else h("place", town)
        born, changed, event_id, person_id = gramps_birth(n), gramps_changed(n), h("event", n), h("person", n)
        birth = gramps_date(born.day, born.month, born.year)
        event = (event_id, f"E{n:04d}", (12, ""), birth, gramps_description(n), place, *_none(4), changed)
        blob = gramps_blob((*event, [], n % 9 == 0))
        event_rows.append(
            (event_id, blob, f"E{n:04d}", gramps_description(n), place, changed, int(n % 9 == 0))
        )
        name = (False, [], [], None, given, [(surname, "", True, (1, ""), "")], "", "", (2, ""), "", 0, 0, "")
        note = [notes[n % 3]] if n % 4 == 0 else []
        tag = [tags[n % 2]] if n % 7 == 0 else []
        person = (
            person_id,
            f"I{n:04d}",
            gender,
            (*name, "", ""),
            [],
            -1,
            0,
            [(False, [], [], event_id, (1, ""))],
        )
        blob = gramps_blob((*person, *_none(7), note, changed, tag, n % 11 == 0, []))
        row = (person_id, given, surname, blob, f"I{n:04d}", gender, -1, 0, changed, int(n % 11 == 0))
        people_rows.append(row)
        references += [(person_id, "Person", event_id, "Event")]
        references += [(person_id, "Person", x, "Note") for x in note]
        references += [(person_id, "Person", x, "Tag") for x in tag]
        if place:
            references.append((event_id, "Event", place, "Place"))
    place_rows = []
    for c, country in enumerate(GRAMPS_COUNTRIES):
        at = (h("country", c), f"P{900 + c}", country, "", "", [], (country, None, ""), [], (1, ""), "")
        blob = gramps_blob((*at, *_none(5), GRAMPS_CHANGED, [], False))
        place_rows.append((h("country", c), "", blob, f"P{900 + c}", country, "", "", "", GRAMPS_CHANGED, 0))
    for p in range(towns):
        title, lat, long, code = gramps_place(p)
        within, changed = h("country", p % countries), gramps_changed(p)
        at = (
            h("place", p),
            f"P{p:04d}",
            title,
            long,
            lat,
            [(within, None)],
            (title, None, ""),
            [],
            (4, ""),
            code,
        )
        blob = gramps_blob((*at, *_none(5), changed, [], False))
        place_rows.append((h("place", p), within, blob, f"P{p:04d}", title, long, lat, code, changed, 0))
        references.append((h("place", p), "Place", within, "Place"))
    family_rows = []
    for f in range(families):
        father, mother = gramps_couple(f)
        fh = None if father is None else h("person", father)
        mh = None if mother is None else h("person", mother)
        blob = gramps_blob(
            (h("family", f), f"F{f:04d}", fh, mh, [], (1, ""), *_none(7), gramps_changed(f), [], False)
        )
        family_rows.append((h("family", f), blob, f"F{f:04d}", fh, mh, gramps_changed(f), 0))
        references += [(h("family", f), "Family", x, "Person") for x in (fh, mh) if x is not None]
    citation_rows = []
    for k in range(12):
        page = "" if k % 3 == 0 else f"S. {k:03d}"
        cited = (h("citation", k), f"C{k:04d}", gramps_date(1, 1 + k, 1850 + k), page, k % 5, source)
        blob = gramps_blob((*cited, *_none(4), gramps_changed(k), [], False))
        citation_rows.append((h("citation", k), blob, f"C{k:04d}", page, k % 5, source, gramps_changed(k), 0))
        references.append((h("citation", k), "Citation", source, "Source"))
    title, author = "Kirchenbuch 1850–1867 ✝", "Pfarrer\u00a0Weiß"
    scan, archive = h("media", 1), h("repository", 1)
    rows: dict[str, list[Sequence[Any]]] = {
        "person": people_rows,
        "family": family_rows,
        "source": [
            (
                source,
                gramps_blob((source, "S0000", title)),
                "S0000",
                title,
                author,
                "",
                "KB",
                GRAMPS_CHANGED,
                0,
            )
        ],
        "citation": citation_rows,
        "event": event_rows,
        "media": [
            (
                scan,
                gramps_blob((scan, "O0000")),
                "O0000",
                "scan 1855.png",
                "image/png",
                "1855-06-25 birth record",
                hashlib.md5(b"scan").hexdigest(),
                GRAMPS_CHANGED,
                0,
            )
        ],
        "place": place_rows,
        "repository": [
            (archive, gramps_blob((archive, "R0000")), "R0000", "Stadtarchiv Köln", GRAMPS_CHANGED, 0)
        ],
        "note": [
            (
                x,
                gramps_blob(
                    (x, f"N{k:04d}", (gramps_note(k), []), False, (1, ""), GRAMPS_CHANGED, [], False)
                ),
                f"N{k:04d}",
                0,
                GRAMPS_CHANGED + k,
                0,
            )
            for k, x in enumerate(notes)
        ],
        "tag": [
            (x, gramps_blob((x, name, color, k, GRAMPS_CHANGED)), name, color, k, GRAMPS_CHANGED)
            for k, (x, name, color) in enumerate(
                zip(tags, ("ToDo", "complete ✓"), ("#efb60c280c28", "#076780873bf0"), strict=True)
            )
        ],
        "reference": references,
        "name_group": [("Fernández", "Fernandez"), ("Ødegaard", "Odegaard")],
        "metadata": [
            ("version", pickle.dumps("18", protocol=4)),
            ("default-person-handle", pickle.dumps(h("person", 0), protocol=4)),
            ("media-path", pickle.dumps("{GRAMPS_RESOURCES}/example/gramps", protocol=4)),
            ("surname_list", pickle.dumps(sorted(set(GRAMPS_SURNAMES)), protocol=4)),
        ],
        "gender_stats": gramps_gender_stats(people),
    }
    return write_export(path, GRAMPS_DDL, rows, bytes_as_text=False)


# --- Mayan EDMS ------------------------------------------------------------------------------------------

#: A Mayan EDMS 4.12 ``db.sqlite3`` (Django 4.2's DDL): the tables of documents, their files and
#: versions, metadata, tags, cabinets, check-outs and the activity stream, as its migrations create them.
MAYAN_DDL = [
    'CREATE TABLE "django_content_type" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "app_label" '
    'varchar(100) NOT NULL, "model" varchar(100) NOT NULL)',
    'CREATE UNIQUE INDEX "django_content_type_app_label_model_76bd3d3b_uniq" ON "django_content_type" '
    '("app_label", "model")',
    'CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128) '
    'NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" varchar(150) NOT NULL '
    "UNIQUE, "
    '"last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, "is_staff" bool NOT NULL, "is_active" '
    'bool NOT NULL, "date_joined" datetime NOT NULL, "first_name" varchar(150) NOT NULL)',
    'CREATE TABLE "documents_documenttype" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"delete_time_period" integer unsigned NULL CHECK ("delete_time_period" >= 0), "delete_time_unit" '
    'varchar(12) NULL, "trash_time_period" integer unsigned NULL CHECK ("trash_time_period" >= 0), "label" '
    'varchar(196) NOT NULL UNIQUE, "filename_generator_backend" varchar(224) NOT NULL, '
    '"filename_generator_backend_arguments" text NOT NULL, "document_stub_expiration_interval" bigint '
    'unsigned NOT NULL CHECK ("document_stub_expiration_interval" >= 0), "document_stub_pruning_enabled" '
    'bool NOT NULL, "trash_time_unit" varchar(12) NULL)',
    'CREATE TABLE "documents_document" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "uuid" char(32) NOT '
    'NULL, "label" varchar(255) NOT NULL, "description" text NOT NULL, "language" varchar(8) NOT NULL, '
    '"document_type_id" integer NOT NULL REFERENCES "documents_documenttype" ("id") DEFERRABLE INITIALLY '
    'DEFERRED, "in_trash" bool NOT NULL, "is_stub" bool NOT NULL, "trashed_date_time" datetime NULL, '
    '"datetime_created" datetime NOT NULL, "file_latest_id" integer NULL UNIQUE REFERENCES '
    '"documents_documentfile" ("id") DEFERRABLE INITIALLY DEFERRED, "version_active_id" integer NULL UNIQUE '
    'REFERENCES "documents_documentversion" ("id") DEFERRABLE INITIALLY DEFERRED)',
    'CREATE INDEX "documents_document_label_556c6583" ON "documents_document" ("label")',
    'CREATE TABLE "documents_documentfile" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "timestamp" '
    'datetime NOT NULL, "comment" text NOT NULL, "file" varchar(100) NOT NULL, "mimetype" varchar(255) NULL, '
    '"encoding" varchar(64) NULL, "checksum" varchar(64) NULL, "document_id" integer NOT NULL REFERENCES '
    '"documents_document" ("id") DEFERRABLE INITIALLY DEFERRED, "filename" varchar(255) NOT NULL, "size" '
    'bigint unsigned NULL CHECK ("size" >= 0))',
    'CREATE INDEX "documents_documentfile_checksum_0110fee6" ON "documents_documentfile" ("checksum")',
    'CREATE TABLE "documents_documentversion" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "timestamp" '
    'datetime NOT NULL, "comment" text NOT NULL, "document_id" integer NOT NULL REFERENCES '
    '"documents_document" ("id") DEFERRABLE INITIALLY DEFERRED, "active" bool NOT NULL)',
    'CREATE TABLE "metadata_metadatatype" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" '
    'varchar(48) NOT NULL UNIQUE, "default" varchar(128) NULL, "lookup" text NULL, "label" varchar(48) NOT '
    'NULL, "parser" varchar(224) NOT NULL, "validation_arguments" text NOT NULL, "parser_arguments" text NOT '
    'NULL, "validation" varchar(224) NOT NULL)',
    'CREATE TABLE "metadata_documentmetadata" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"document_id" integer NOT NULL REFERENCES "documents_document" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"metadata_type_id" integer NOT NULL REFERENCES "metadata_metadatatype" ("id") DEFERRABLE INITIALLY '
    'DEFERRED, "value" text NULL)',
    'CREATE UNIQUE INDEX "metadata_documentmetadata_document_id_metadata_type_id_34933d91_uniq" ON '
    '"metadata_documentmetadata" ("document_id", "metadata_type_id")',
    'CREATE TABLE "tags_tag" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "label" varchar(128) NOT NULL '
    'UNIQUE, "color" varchar(7) NOT NULL)',
    'CREATE TABLE "tags_tag_documents" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "tag_id" integer '
    'NOT NULL REFERENCES "tags_tag" ("id") DEFERRABLE INITIALLY DEFERRED, "document_id" integer NOT NULL '
    'REFERENCES "documents_document" ("id") DEFERRABLE INITIALLY DEFERRED)',
    'CREATE UNIQUE INDEX "tags_tag_documents_tag_id_document_id_7698ad5e_uniq" ON "tags_tag_documents" '
    '("tag_id", "document_id")',
    'CREATE TABLE "cabinets_cabinet" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "label" varchar(128) '
    'NOT NULL, "lft" integer unsigned NOT NULL CHECK ("lft" >= 0), "tree_id" integer unsigned NOT NULL CHECK '
    '("tree_id" >= 0), "level" integer unsigned NOT NULL CHECK ("level" >= 0), "rght" integer unsigned NOT '
    'NULL CHECK ("rght" >= 0), "parent_id" integer NULL REFERENCES "cabinets_cabinet" ("id") DEFERRABLE '
    "INITIALLY DEFERRED)",
    'CREATE UNIQUE INDEX "cabinets_cabinet_parent_id_label_441a7709_uniq" ON "cabinets_cabinet" '
    '("parent_id", "label")',
    'CREATE TABLE "cabinets_cabinet_documents" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"cabinet_id" integer NOT NULL REFERENCES "cabinets_cabinet" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"document_id" integer NOT NULL REFERENCES "documents_document" ("id") DEFERRABLE INITIALLY DEFERRED)',
    'CREATE UNIQUE INDEX "cabinets_cabinet_documents_cabinet_id_document_id_fb3935b0_uniq" ON '
    '"cabinets_cabinet_documents" ("cabinet_id", "document_id")',
    'CREATE TABLE "checkouts_documentcheckout" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"checkout_datetime" datetime NOT NULL, "expiration_datetime" datetime NOT NULL, "block_new_file" bool '
    'NOT NULL, "user_id" integer NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"document_id" integer NOT NULL UNIQUE REFERENCES "documents_document" ("id") DEFERRABLE INITIALLY '
    "DEFERRED)",
    'CREATE TABLE "actstream_action" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "actor_object_id" '
    'varchar(255) NOT NULL, "verb" varchar(255) NOT NULL, "description" text NULL, "target_object_id" '
    'varchar(255) NULL, "action_object_object_id" varchar(255) NULL, "timestamp" datetime NOT NULL, "public" '
    'bool NOT NULL, "action_object_content_type_id" integer NULL REFERENCES "django_content_type" ("id") '
    'DEFERRABLE INITIALLY DEFERRED, "actor_content_type_id" integer NOT NULL REFERENCES '
    '"django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "target_content_type_id" integer NULL '
    'REFERENCES "django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED)',
    'CREATE INDEX "actstream_action_actor_object_id_72ef0cfa" ON "actstream_action" ("actor_object_id")',
]
#: Mayan's content types of the objects its activity stream names (their ids as its migrations number them).
MAYAN_CONTENT_TYPES = {
    "user": (17, "auth", "user"),
    "document": (67, "documents", "document"),
    "documenttype": (68, "documents", "documenttype"),
    "documentfile": (71, "documents", "documentfile"),
    "metadatatype": (124, "metadata", "metadatatype"),
    "tag": (132, "tags", "tag"),
}
MAYAN_BASE = datetime(2026, 12, 5, 6, 31, 31, 231416)  # naive UTC, as Django writes under USE_TZ
MAYAN_USERS = (("admin", "", ""), ("joerg", "Jörg", "Weiß"), ("li", "李", ""))
MAYAN_CUSTOMERS = ("ACME", "Müller GmbH", "東京商事", "O’Brien & Söhne")
#: (name, label, parser) of the metadata types: one column ``value`` holds them all, as typed.
MAYAN_METADATA = (
    ("invoice_date", "Rechnungsdatum", "mayan.apps.metadata.metadata_parsers.DateParser"),
    ("amount", "Betrag (EUR)", ""),
    ("invoice_number", "Rechnungsnummer", ""),
    ("customer", "Kunde", ""),
)
MAYAN_TAGS = (("wichtig ❗", "#ff0000"), ("paid", "#00ff00"), ("2024", "#123456"))
#: (label, parent) of the cabinets, in the order created: a tree kept by django-mptt.
MAYAN_CABINETS = (("Archiv", None), ("2023", 1), ("2024", 1), ("01", 3), ("02", 3))


def mayan_created(n: int) -> datetime:
    return MAYAN_BASE + timedelta(seconds=1.3 * n, microseconds=0 if n % 10 == 0 else 7919 * n)


def mayan_metadata(n: int) -> list[tuple[int, str | None]]:
    """Document ``n``'s metadata, ``(type id, value)``: an invoice (odd ``n``) its number with leading
    zeros, mostly a date (ISO, as the date parser writes it), an amount as typed (a point or a comma)
    or left empty (NULL), and its customer; a contract (even ``n``) its customer only."""
    customer = (4, MAYAN_CUSTOMERS[n % len(MAYAN_CUSTOMERS)])
    if n % 2 == 0:
        return [customer]
    day = date(2024, 1, 3) + timedelta(days=3 * n)
    amount = (None, f"{n * 17.5:.2f}", f"{n * 3},50")[n % 3]
    dated = [(1, day.isoformat())] if n % 5 else []
    return [(3, f"{n * 7:06d}"), *dated, (2, amount), customer]


def mayan_trashed(n: int) -> datetime | None:
    return MAYAN_BASE + timedelta(minutes=2, seconds=n) if n % 9 == 0 else None


def mayan_actions(documents: int) -> list[tuple[str, int, int | None, tuple[str, int] | None]]:
    """The activity stream: ``(verb, actor user, target document or None for a user's own creation,
    action object (content type, id) or None)``; Django keeps every object id as ``varchar`` text."""
    users = len(MAYAN_USERS)
    actions: list[tuple[str, int, int | None, tuple[str, int] | None]] = [
        ("user_management.user_created", u, None, None) for u in range(2, users + 1)
    ]
    for n in range(1, documents + 1):
        actor = 1 + n % users
        actions.append(("documents.document_create", actor, n, ("documenttype", 2 - n % 2)))
        actions.append(("documents.document_file_created", actor, n, ("documentfile", n)))
        actions += [
            ("metadata.document_metadata_added", actor, n, ("metadatatype", t)) for t, _ in mayan_metadata(n)
        ]
        if n % 3 == 0:
            actions.append(("tags.tag_attach", actor, n, ("tag", 1 + n % len(MAYAN_TAGS))))
    return actions


def document_archive(path: Path, documents: int = 30) -> Path:
    """A Mayan EDMS 4.12 document archive (see the module's list)."""
    users = [
        (
            k,
            f"pbkdf2_sha256$1000000$salt{k}$hash{k}",
            django_moment(MAYAN_BASE) if k == 1 else None,
            int(k == 1),
            name,
            last,
            f"{name}@example.org",
            int(k == 1),
            1,
            django_moment(MAYAN_BASE - timedelta(days=k)),
            first,
        )
        for k, (name, first, last) in enumerate(MAYAN_USERS, 1)
    ]
    docs, files, versions, metadata, tagged, filed, checkouts = [], [], [], [], [], [], []
    for n in range(1, documents + 1):
        created = mayan_created(n)
        trashed = mayan_trashed(n)
        label = f"{'Rechnung' if n % 2 else 'Vertrag'} {n:04d}" + (" 📄" if n % 5 == 0 else "")
        description = "" if n % 4 else "Beschreibung mit Umlauten äöü\u00a0und langem Text." * (n % 9 + 1)
        docs.append(
            (
                n,
                UUID(int=0x158AC3B939984603905FBCECA19D0000 + n * 7919).hex,
                label,
                description,
                "deu" if n % 2 else "eng",
                2 - n % 2,
                int(trashed is not None),
                0,
                django_moment(trashed),
                django_moment(created),
                n,
                n,
            )
        )
        content = f"scan {n}".encode() * (n % 4 + 1)
        files.append(
            (
                n,
                django_moment(created + timedelta(microseconds=180335)),
                "",
                str(UUID(int=n << 64 | n)),
                "image/png",
                "binary",
                hashlib.sha256(content).hexdigest(),
                n,
                f"scan_{n:04d}.png",
                len(content),
            )
        )
        versions.append((n, django_moment(created + timedelta(microseconds=250001)), "", n, 1))
        metadata += [(n, t, value) for t, value in mayan_metadata(n)]
        if n % 3 == 0:
            tagged.append((n, 1 + n % len(MAYAN_TAGS)))
        filed.append((2 if n % 2 else 4 + n % 4 // 2, n))
        if n % 7 == 3:
            moment = created + timedelta(minutes=3)
            checkouts.append(
                (
                    django_moment(moment),
                    django_moment(moment + timedelta(days=1 + n % 3)),
                    n % 2,
                    1 + n % 3,
                    n,
                )
            )
    cabinets = [(k, label, *MAYAN_MPTT[k], parent) for k, (label, parent) in enumerate(MAYAN_CABINETS, 1)]
    types = MAYAN_CONTENT_TYPES
    stream = []
    for k, (verb, actor, target, action_object) in enumerate(mayan_actions(documents), 1):
        moment = django_moment(MAYAN_BASE + timedelta(milliseconds=431 * k))
        target_type = types["user"][0] if target is None else types["document"][0]
        kind = None if action_object is None else types[action_object[0]][0]
        obj = None if action_object is None else str(action_object[1])
        stream.append(
            (
                k,
                str(actor),
                verb,
                None,
                str(actor if target is None else target),
                obj,
                moment,
                1,
                kind,
                types["user"][0],
                target_type,
            )
        )
    rows: dict[str, list[Sequence[Any]]] = {
        "django_content_type": list(types.values()),
        "auth_user": users,
        "documents_documenttype": [
            (1, 30, "days", None, "Default", "uuid", "", 86400, 1, None),
            (2, 30, "days", None, "Rechnung 🧾", "uuid", "", 86400, 1, None),
        ],
        "documents_document": docs,
        "documents_documentfile": files,
        "documents_documentversion": versions,
        "metadata_metadatatype": [
            (
                k,
                name,
                None,
                ",".join(MAYAN_CUSTOMERS) if name == "customer" else None,
                label,
                parser,
                "",
                "",
                "",
            )
            for k, (name, label, parser) in enumerate(MAYAN_METADATA, 1)
        ],
        "metadata_documentmetadata": [(k, *row) for k, row in enumerate(metadata, 1)],
        "tags_tag": [(k, label, color) for k, (label, color) in enumerate(MAYAN_TAGS, 1)],
        "tags_tag_documents": [(k, tag, n) for k, (n, tag) in enumerate(tagged, 1)],
        "cabinets_cabinet": cabinets,
        "cabinets_cabinet_documents": [(k, *row) for k, row in enumerate(filed, 1)],
        "checkouts_documentcheckout": [(k, *row) for k, row in enumerate(checkouts, 1)],
        "actstream_action": stream,
    }
    return write_export(path, MAYAN_DDL, rows)


#: ``(lft, tree_id, level, rght)`` of each cabinet of :data:`MAYAN_CABINETS`, as django-mptt numbers them.
MAYAN_MPTT = {1: (1, 1, 0, 10), 2: (2, 1, 1, 3), 3: (4, 1, 1, 9), 4: (5, 1, 2, 6), 5: (7, 1, 2, 8)}


# --- GeoPackage (GDAL) -----------------------------------------------------------------------------------

GPKG_NAMES = ("Café 😀", "Zürich\u00a0Hbf", None, "中文 地点", "O'Brien\nsecond line", "Ñandú " * 120 + "fin")
GPKG_OBSERVED = datetime(2024, 1, 1, tzinfo=UTC)
GPKG_WGS84 = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
    'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",'
    '0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],'
    'AUTHORITY["EPSG","4326"]]'
)


def gpkg_point(i: int) -> tuple[float, float]:
    """A site's longitude and latitude: doubles of 17 significant digits."""
    return (-180 + (i * 12.345678901234567) % 360, -80 + (i * 9.8765432109876543) % 160)


def gpkg_geometry(
    srs_id: int, wkb: bytes, envelope: tuple[float, float, float, float] | None = None
) -> bytes:
    """A GeoPackage geometry BLOB as GDAL writes it: ``GP``, version 0, flags (little endian; an xy
    envelope for all but a point), the srs_id, the envelope (min x, max x, min y, max y), the WKB."""
    flags = 0x03 if envelope else 0x01
    head = b"GP" + bytes((0, flags)) + struct.pack("<i", srs_id)
    return head + (struct.pack("<4d", *envelope) if envelope else b"") + wkb


def gpkg_site_geometry(i: int) -> bytes:
    x, y = gpkg_point(i)
    return gpkg_geometry(4326, struct.pack("<BIdd", 1, 1, x, y))


def gpkg_route_geometry(r: int) -> bytes:
    points = [
        (1000.0 * r, 2000.0 * r),
        (1000.0 * r + 0.123456789012345, 2000.0 * r + 1.5),
        (1000.0 * r + 2, 7.0),
    ]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    wkb = struct.pack("<BII", 1, 2, len(points)) + b"".join(struct.pack("<dd", *p) for p in points)
    return gpkg_geometry(3857, wkb, (min(xs), max(xs), min(ys), max(ys)))


def gpkg_text(moment: datetime, *, zone: bool = True) -> str:
    """A DATETIME as GDAL writes it: milliseconds only when not zero, ``Z`` for UTC, ``+hh:mm`` for
    another offset, nothing for a time of no known zone."""
    ms = moment.microsecond // 1000
    text = moment.strftime("%Y-%m-%dT%H:%M:%S") + (f".{ms:03d}" if ms else "")
    offset = moment.utcoffset()
    if not zone or offset is None:
        return text
    if not offset:
        return text + "Z"
    minutes = int(offset.total_seconds()) // 60
    return text + f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def gpkg_observed(i: int) -> datetime:
    """A site's moment; every tenth of whole seconds, which GDAL writes without a fraction."""
    return GPKG_OBSERVED + timedelta(milliseconds=3_607_123 * i if i % 10 else 3_607_000 * i)


def gpkg_surveyed(i: int) -> str:
    """A field survey's moment as GDAL writes it from features of two sources: with the offset the
    device recorded (``+02:00``) for some, with none (a zone nobody recorded) for the others."""
    local = datetime(2024, 3, 31, 1, 59, 59, 123000) + timedelta(minutes=37 * i)
    if i % 4 == 1:
        return gpkg_text(local.replace(tzinfo=timezone(timedelta(hours=2))))
    return gpkg_text(local, zone=False)


def gpkg_zip(i: int) -> str:
    return f"{(i * 3719) % 100000:05d}"


def gpkg_day(i: int) -> date | None:
    return None if i % 9 == 4 else date(1969, 12, 25) + timedelta(days=11 * i)


def gpkg_code_moment(c: int) -> datetime:
    """Berlin's wall clock across the spring change of 2022-03-27: +01:00, then +02:00."""
    utc = datetime(2022, 3, 26, 22, 0, 0, 123000, tzinfo=UTC) + timedelta(minutes=45 * c)
    shift = 2 if utc >= datetime(2022, 3, 27, 1, tzinfo=UTC) else 1
    return utc.astimezone(timezone(timedelta(hours=shift)))


def gpkg_reading(v: int) -> float | None:
    return (0.1 + 0.2, 1e-300, None, 123456789.12345679, -2.5e-7)[v % 5]


def geo_package(path: Path, sites: int = 30, routes: int = 6, codes: int = 12, visits: int = 40) -> Path:
    """A GeoPackage as GDAL writes it (see the module's list)."""
    layer = '"fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "geom"'
    ddl = [
        "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL,srs_id INTEGER NOT NULL PRIMARY KEY,"
        "organization TEXT NOT NULL,organization_coordsys_id INTEGER NOT NULL,definition  TEXT NOT NULL,"
        "description TEXT)",
        "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY,data_type TEXT NOT NULL,"
        "identifier TEXT UNIQUE,description TEXT DEFAULT '',last_change DATETIME NOT NULL DEFAULT "
        "(strftime('%Y-%m-%dT%H:%M:%fZ','now')),min_x DOUBLE, min_y DOUBLE,max_x DOUBLE, max_y DOUBLE,"
        "srs_id INTEGER,CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES "
        "gpkg_spatial_ref_sys(srs_id))",
        "CREATE TABLE gpkg_ogr_contents(table_name TEXT NOT NULL PRIMARY KEY,feature_count INTEGER "
        "DEFAULT NULL)",
        "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL,column_name TEXT NOT NULL,"
        "geometry_type_name TEXT NOT NULL,srs_id INTEGER NOT NULL,z TINYINT NOT NULL,m TINYINT NOT NULL,"
        "CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),CONSTRAINT uk_gc_table_name UNIQUE "
        "(table_name),CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
        "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))",
        "CREATE TABLE gpkg_tile_matrix_set (table_name TEXT NOT NULL PRIMARY KEY,srs_id INTEGER NOT NULL,"
        "min_x DOUBLE NOT NULL,min_y DOUBLE NOT NULL,max_x DOUBLE NOT NULL,max_y DOUBLE NOT NULL,CONSTRAINT "
        "fk_gtms_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),CONSTRAINT "
        "fk_gtms_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))",
        "CREATE TABLE gpkg_extensions (table_name TEXT,column_name TEXT,extension_name TEXT NOT NULL,"
        "definition TEXT NOT NULL,scope TEXT NOT NULL,CONSTRAINT ge_tce UNIQUE (table_name, column_name, "
        "extension_name))",
        f'CREATE TABLE "sites" ( {layer} POINT, "site_id" INTEGER, "name" TEXT, "zip_code" TEXT, '
        '"amount" REAL, "visited" BOOLEAN, "observed" DATETIME, "day" DATE, "big" INTEGER, "surveyed" '
        "DATETIME)",
        'CREATE VIRTUAL TABLE "rtree_sites_geom" USING rtree(id, minx, maxx, miny, maxy)',
        f'CREATE TABLE "routes" ( {layer} LINESTRING, "route" TEXT(8), "length_m" REAL, "opened" DATETIME)',
        'CREATE VIRTUAL TABLE "rtree_routes_geom" USING rtree(id, minx, maxx, miny, maxy)',
        'CREATE TABLE "codes" ( "fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "code" TEXT, "label" TEXT, '
        '"when" DATETIME, "payload" BLOB)',
        'CREATE TABLE "visits" ( "fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "site_fid" MEDIUMINT, '
        '"reading" REAL, "note" TEXT)',
    ]
    site_xy = [gpkg_point(i) for i in range(1, sites + 1)]
    bounds = {
        "sites": (
            min(x for x, _ in site_xy),
            min(y for _, y in site_xy),
            max(x for x, _ in site_xy),
            max(y for _, y in site_xy),
        ),
        "routes": (1000.0, 7.0, 1000.0 * routes + 2, 2000.0 * routes + 1.5),
    }
    changed = "2026-12-05T06:16:26.368Z"
    rows: dict[str, list[Sequence[Any]]] = {
        "gpkg_spatial_ref_sys": [
            (
                "Undefined Cartesian SRS",
                -1,
                "NONE",
                -1,
                "undefined",
                "undefined Cartesian coordinate reference system",
            ),
            (
                "Undefined geographic SRS",
                0,
                "NONE",
                0,
                "undefined",
                "undefined geographic coordinate reference system",
            ),
            (
                "WGS 84 geodetic",
                4326,
                "EPSG",
                4326,
                GPKG_WGS84,
                "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid",
            ),
            (
                "WGS 84 / Pseudo-Mercator",
                3857,
                "EPSG",
                3857,
                'PROJCS["WGS 84 / Pseudo-Mercator",AUTHORITY["EPSG","3857"]]',
                None,
            ),
        ],
        "gpkg_contents": [
            ("sites", "features", "sites", "", changed, *bounds["sites"], 4326),
            ("routes", "features", "routes", "", changed.replace("368Z", "381Z"), *bounds["routes"], 3857),
            ("codes", "attributes", "codes", "", changed.replace("368Z", "396Z"), None, None, None, None, 0),
            (
                "visits",
                "attributes",
                "visits",
                "",
                changed.replace("368Z", "408Z"),
                None,
                None,
                None,
                None,
                0,
            ),
        ],
        "gpkg_ogr_contents": [("sites", sites), ("routes", routes), ("codes", codes), ("visits", visits)],
        "gpkg_geometry_columns": [
            ("sites", "geom", "POINT", 4326, 0, 0),
            ("routes", "geom", "LINESTRING", 3857, 0, 0),
        ],
        "gpkg_extensions": [
            (
                t,
                "geom",
                "gpkg_rtree_index",
                "http://www.geopackage.org/spec120/#extension_rtree",
                "write-only",
            )
            for t in ("sites", "routes")
        ],
        "sites": [
            (
                i,
                gpkg_site_geometry(i),
                1000 + i,
                GPKG_NAMES[i % len(GPKG_NAMES)],
                gpkg_zip(i),
                round(i * 1.07, 2),
                None if i % 7 == 0 else i % 2,
                gpkg_text(gpkg_observed(i)),
                None if (day := gpkg_day(i)) is None else day.isoformat(),
                2**53 + i,
                gpkg_surveyed(i),
            )
            for i in range(1, sites + 1)
        ],
        "rtree_sites_geom": [(i, x, x, y, y) for i, (x, y) in enumerate(site_xy, 1)],
        "routes": [
            (
                r,
                gpkg_route_geometry(r),
                f"R{r:03d}",
                r * 12.5 + 0.1,
                gpkg_text(datetime(2023, 5, 1, 8) + timedelta(days=r, seconds=r * 61), zone=False),
            )
            for r in range(1, routes + 1)
        ],
        "rtree_routes_geom": [
            (r, 1000.0 * r, 1000.0 * r + 2, 7.0, 2000.0 * r + 1.5) for r in range(1, routes + 1)
        ],
        "codes": [
            (
                c,
                f"{c * 7:04d}",
                GPKG_NAMES[c % len(GPKG_NAMES)],
                gpkg_text(gpkg_code_moment(c)),
                bytes(range(c * 3)),
            )
            for c in range(1, codes + 1)
        ],
        "visits": [
            (v, 1 + (v * 7) % sites, gpkg_reading(v), f"visit {v}" if v % 4 else None)
            for v in range(1, visits + 1)
        ],
    }
    write_export(path, ddl, rows, bytes_as_text=False)
    with closing(sqlite3.connect(path)) as con, con:
        # GDAL's own marks of the format, and the triggers keeping its counts and indexes (they call
        # functions only GDAL registers: a reader writing nothing never runs them).
        con.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
        con.execute("PRAGMA user_version = 10400")
        for table in ("sites", "routes", "codes", "visits"):
            con.execute(
                f'CREATE TRIGGER "trigger_insert_feature_count_{table}" AFTER INSERT ON "{table}" BEGIN '
                f"UPDATE gpkg_ogr_contents SET feature_count = feature_count + 1 WHERE lower(table_name) = "
                f"lower('{table}'); END"
            )
        con.execute(
            'CREATE TRIGGER "rtree_sites_geom_insert" AFTER INSERT ON "sites" WHEN (new."geom" NOT NULL AND '
            'NOT ST_IsEmpty(NEW."geom")) BEGIN INSERT OR REPLACE INTO "rtree_sites_geom" VALUES (NEW."fid",'
            'ST_MinX(NEW."geom"), ST_MaxX(NEW."geom"),ST_MinY(NEW."geom"), ST_MaxY(NEW."geom")); END'
        )
    return path


# --- IPython ---------------------------------------------------------------------------------------------

IPYTHON_END = datetime(2026, 12, 5, 6, 20, 10, 301698, tzinfo=UTC)
IPYTHON_LOCAL = timedelta(hours=1)  # the laptop's wall clock, Berlin in winter


def ipython_commands(s: int) -> int:
    """How many commands session ``s`` ran: 2 to 14, and 45 in the seventh."""
    return 45 if s == 7 else (s * 7) % 13 + 2


def ipython_end(s: int) -> datetime:
    return IPYTHON_END + timedelta(days=s, microseconds=7919 * s)


def ipython_start(s: int) -> datetime:
    """The session's start as IPython writes it: ``datetime.now()``, the local wall clock, no zone."""
    return (
        ipython_end(s) - timedelta(minutes=ipython_commands(s), microseconds=104729 * s) + IPYTHON_LOCAL
    ).replace(tzinfo=None)


def ipython_source(s: int, line: int) -> tuple[str, str]:
    """A command as run (``source``, magics made calls) and as typed (``source_raw``)."""
    match line % 6:
        case 0:
            return f"get_ipython().run_line_magic('time', 'sum(range({s}))')", f"%time sum(range({s}))"
        case 1:
            return f"x{line} = {s} * {line}", f"x{line} = {s} * {line}"
        case 2:
            cell = f'print("Grüße 😀\u00a0{line}")\nfor i in range(3):\n    x = i * {line}'
            return cell, cell
        case 3:
            return '"0042"', '"0042"'
        case 4:
            return f"{line}/7", f"{line}/7"
        case _:
            return "get_ipython().system('echo \"tab\\there\"')", '!echo "tab\\there"'


def ipython_output(s: int, line: int) -> str | None:
    """The repr IPython logs of a command's result (``db_log_output``), None for one of no result."""
    match line % 6:
        case 3:
            return "'0042'"
        case 4:
            return repr(line / 7)
        case 1:
            return None
        case 2:
            return None
        case 0:
            return repr(sum(range(s)))
        case _:
            return None


def ipython_history(path: Path, sessions: int = 20) -> Path:
    """An IPython ``history.sqlite`` (see the module's list)."""
    ddl = [
        "CREATE TABLE sessions (session integer\n                            primary key autoincrement, "
        "start timestamp,\n                            end timestamp, num_cmds integer, remark text)",
        "CREATE TABLE history\n                    (session integer, line integer, source text, source_raw "
        "text,\n                    PRIMARY KEY (session, line))",
        "CREATE TABLE output_history\n                            (session integer, line integer, output "
        "text,\n                            PRIMARY KEY (session, line))",
    ]
    crashed = sessions  # the last never ended: no end, no count
    rows: dict[str, list[Sequence[Any]]] = {
        "sessions": [
            (
                s,
                ipython_start(s).isoformat(" "),
                None if s == crashed else ipython_end(s).isoformat(" "),
                None if s == crashed else ipython_commands(s),
                "",
            )
            for s in range(1, sessions + 1)
        ],
        "history": [
            (s, line, *ipython_source(s, line))
            for s in range(1, sessions + 1)
            for line in range(1, ipython_commands(s) + 1)
        ],
        "output_history": [
            (s, line, output)
            for s in range(1, sessions + 1)
            for line in range(1, ipython_commands(s) + 1)
            if (output := ipython_output(s, line)) is not None
        ],
    }
    return write_export(path, ddl, rows)


# --- diskcache -------------------------------------------------------------------------------------------

DISKCACHE_STORED = 1796452007.80268  # time.time() when the first item was stored
DISKCACHE_SETTINGS: tuple[tuple[str, int | str], ...] = (
    ("statistics", 0),
    ("tag_index", 0),
    ("eviction_policy", "least-recently-stored"),
    ("size_limit", 1073741824),
    ("cull_limit", 10),
    ("sqlite_auto_vacuum", 1),
    ("sqlite_cache_size", 8192),
    ("sqlite_journal_mode", "wal"),
    ("sqlite_mmap_size", 67108864),
    ("sqlite_synchronous", 1),
    ("disk_min_file_size", 32768),
    ("disk_pickle_protocol", 5),
    ("size", 0),
    ("hits", 0),
    ("misses", 0),
)


def diskcache_key(n: int) -> tuple[Any, int]:
    """Item ``n``'s key as diskcache's ``Disk.put`` stores it, and its ``raw`` flag: an int, a str or a
    float as itself, bytes as a BLOB, anything else pickled (``raw`` 0). Items 1 to 3 are the int 1,
    the str ``'1'`` and the bytes ``b'1'``: three keys."""
    match n:
        case 1:
            return 1, 1
        case 2:
            return "1", 1
        case 3:
            return b"1", 1
        case 4:
            return 2**63 - 1, 1
        case 5:
            return 1.5, 1
    match n % 5:
        case 0:
            return n * 1000, 1
        case 1:
            return f"{n:04d}", 1
        case 2:
            return f"user:{n}:Grüße 😀", 1
        case 3:
            return b"bytes-key-%d" % n, 1
        case _:
            return pickletools.optimize(pickle.dumps(("tuple", n), protocol=5)), 0


def diskcache_value(n: int) -> tuple[Any, int]:
    """Item ``n``'s value as ``Disk.store`` keeps it, and its mode: a str, int or float raw (mode 1),
    bytes raw as a BLOB, anything else pickled (mode 4)."""
    match n % 6:
        case 0:
            return f"value {n} 😀\u00a0", 1
        case 1:
            return n * 7 - 100, 1
        case 2:
            return n / 3, 1
        case 3:
            return b"\x00\x01raw" * (n % 4 + 1), 1
        case 4:
            return pickle.dumps({"n": n, "price": Decimal("19.90")}, protocol=5), 4
        case _:
            return "", 1


def diskcache_stored(n: int) -> float:
    return DISKCACHE_STORED + n * 0.00874


def diskcache_expires(n: int) -> float | None:
    return None if n % 3 else diskcache_stored(n) + 3600 + n


def key_value_cache(path: Path, items: int = 30) -> Path:
    """A diskcache ``Cache`` directory's ``cache.db`` (see the module's list)."""
    ddl = [
        "CREATE TABLE Settings ( key TEXT NOT NULL UNIQUE, value)",
        "CREATE TABLE Cache ( rowid INTEGER PRIMARY KEY, key BLOB, raw INTEGER, store_time REAL, expire_time "
        "REAL, access_time REAL, access_count INTEGER DEFAULT 0, tag BLOB, size INTEGER DEFAULT 0, mode "
        "INTEGER DEFAULT 0, filename TEXT, value BLOB)",
        "CREATE UNIQUE INDEX Cache_key_raw ON Cache(key, raw)",
        "CREATE INDEX Cache_expire_time ON Cache (expire_time)",
        "CREATE INDEX Cache_store_time ON Cache (store_time)",
    ]
    cache: list[Sequence[Any]] = []
    for n in range(1, items + 1):
        key, raw = diskcache_key(n)
        value, mode = diskcache_value(n)
        stored = diskcache_stored(n)
        read = n % 4 == 0  # read since: its access time and count moved on
        cache.append(
            (
                n,
                key,
                raw,
                stored,
                diskcache_expires(n),
                stored + 12.5 if read else stored,
                n % 7 if read else 0,
                f"t{n % 3}" if n % 5 == 0 else None,
                0,
                mode,
                None,
                value,
            )
        )
    # A large text and a large pickle live in files beside the database, named in ``filename``.
    big = items + 1
    cache += [
        (
            big,
            "big text",
            1,
            diskcache_stored(big),
            None,
            diskcache_stored(big),
            0,
            None,
            40000,
            3,
            "1f/2a/3b4c5d6e7f8091a2b3c4d5e6f708.val",
            None,
        ),
        (
            big + 1,
            "big pickle",
            1,
            diskcache_stored(big + 1),
            None,
            diskcache_stored(big + 1),
            0,
            None,
            52311,
            4,
            "e0/77/0a1b2c3d4e5f60718293a4b5c6d7.val",
            None,
        ),
    ]
    settings = [*DISKCACHE_SETTINGS, ("count", len(cache))]
    return write_export(path, ddl, {"Settings": settings, "Cache": cache}, bytes_as_text=False)


# --- coverage.py -----------------------------------------------------------------------------------------

COVERAGE_DDL = (
    "CREATE TABLE coverage_schema (\n    -- One row, to record the version of the schema in this db.\n"
    "    version integer\n)",
    "CREATE TABLE meta (\n    -- Key-value pairs, to record metadata about the data\n    key text,\n"
    "    value text,\n    unique (key)\n    -- Possible keys:\n"
    "    --  'has_arcs' boolean      -- Is this data recording branches?\n"
    "    --  'sys_argv' text         -- The coverage command line that recorded the data.\n"
    "    --  'version' text          -- The version of coverage.py that made the file.\n"
    "    --  'when' text             -- Datetime when the file was created.\n"
    "    --  'hash' text             -- Hash of the data.\n)",
    "CREATE TABLE file (\n    -- A row per file measured.\n    id integer primary key,\n    path text,\n"
    "    unique (path)\n)",
    "CREATE TABLE context (\n    -- A row per context measured.\n    id integer primary key,\n"
    "    context text,\n    unique (context)\n)",
    "CREATE TABLE line_bits (\n    -- If recording lines, a row per context per file executed.\n"
    "    -- All of the line numbers for that file/context are in one numbits.\n"
    "    file_id integer,            -- foreign key to `file`.\n"
    "    context_id integer,         -- foreign key to `context`.\n"
    "    numbits blob,               -- see the numbits functions in coverage.numbits\n"
    "    foreign key (file_id) references file (id),\n"
    "    foreign key (context_id) references context (id),\n    unique (file_id, context_id)\n)",
    "CREATE TABLE arc (\n    -- If recording branches, a row per context per from/to line transition "
    "executed.\n"
    "    file_id integer,            -- foreign key to `file`.\n"
    "    context_id integer,         -- foreign key to `context`.\n"
    "    fromno integer,             -- line number jumped from.\n"
    "    tono integer,               -- line number jumped to.\n"
    "    foreign key (file_id) references file (id),\n"
    "    foreign key (context_id) references context (id),\n"
    "    unique (file_id, context_id, fromno, tono)\n)",
    "CREATE TABLE tracer (\n    -- A row per file indicating the tracer used for that file.\n"
    "    file_id integer primary key,\n    tracer text,\n    foreign key (file_id) references file (id)\n)",
)
COVERAGE_CONTEXTS = ("", "test_prog.test_f", "test_prog.test_g|run", "tests/test_ünïcode.py::test_😀[0042]")


def coverage_path(f: int) -> str:
    return f"/home/dev/proj/src/pkg/module_{f:02d}.py" if f % 4 else f"/home/dev/proj/src/pkg/sub dir/m{f}.py"


def coverage_lines(f: int, c: int) -> list[int]:
    """The lines of file ``f`` run in context ``c``: from 1 up, a gap every seventh line."""
    return [n for n in range(1, 12 + 9 * f + 5 * c) if n % 7 or n == 1]


def numbits(nums: list[int]) -> bytes:
    """coverage.py's ``nums_to_numbits``: bit ``n % 8`` of byte ``n // 8`` for each line ``n``."""
    out = bytearray(max(nums) // 8 + 1)
    for n in nums:
        out[n // 8] |= 1 << (n % 8)
    return bytes(out)


def coverage_arcs(f: int, c: int) -> list[tuple[int, int]]:
    """Arcs as coverage.py records branches: ``-n`` for entering or leaving code object at line ``n``."""
    lines = coverage_lines(f, c)
    return [(-1, 1), *pairwise(lines), (lines[-1], -1), (-lines[2], lines[2] + 1)]


def coverage_data(path: Path, files: int = 8, *, arcs: bool = False) -> Path:
    """A coverage.py 7.x ``.coverage`` data file (see the module's list)."""
    pairs = [(f, c) for f in range(1, files + 1) for c in range(1, len(COVERAGE_CONTEXTS) + 1) if (f + c) % 3]
    rows: dict[str, list[Sequence[Any]]] = {
        "coverage_schema": [(7,)],
        "meta": [("version", "7.18.0"), ("has_arcs", "1" if arcs else "0")],
        "file": [(f, coverage_path(f)) for f in range(1, files + 1)],
        "context": list(enumerate(COVERAGE_CONTEXTS, 1)),
        "line_bits": [] if arcs else [(f, c, numbits(coverage_lines(f, c))) for f, c in pairs],
        "arc": [(f, c, a, b) for f, c in pairs for a, b in coverage_arcs(f, c)] if arcs else [],
        "tracer": [],
    }
    return write_export(path, list(COVERAGE_DDL), rows, bytes_as_text=False)


def coverage_branches(path: Path) -> Path:
    """A ``.coverage`` file of branch coverage (``[run] branch = True``): arcs, no line bits."""
    return coverage_data(path, arcs=True)


# --- requests-cache --------------------------------------------------------------------------------------

HTTP_CACHED = datetime(2026, 12, 5, 6, 26, 26, 951445, tzinfo=UTC)


def http_url(n: int) -> str:
    return f"https://api.example.com/items/{n}" + ("?q=%C3%A9" if n % 4 == 0 else "")


def http_key(n: int) -> str:
    """The cache key: 16 hexadecimal digits of a hash of the request (requests-cache's ``create_key``)."""
    return hashlib.sha256(f"GET {http_url(n)}".encode()).hexdigest()[:16]


def http_redirect_key(n: int) -> str:
    """The key of the request that was redirected to response ``n``."""
    return hashlib.sha256(f"GET http://old.example.com/{n}".encode()).hexdigest()[:16]


def http_expires(n: int) -> int | None:
    """When the response expires, in Unix seconds (``expires_unix``); NULL for one that never does."""
    return None if n % 10 == 9 else int((HTTP_CACHED + timedelta(seconds=n * 0.5, hours=1)).timestamp())


def http_body(n: int) -> bytes:
    if n % 3:
        return json.dumps({"id": n, "name": "Grüße 😀\u00a0" + "x" * (n % 5), "price": "0019.90"}).encode()
    return bytes(range(256)) * (n % 4 + 1)


def http_response(n: int) -> str:
    """A response as requests-cache's ``json`` serializer writes it: ``json.dumps(..., indent=2)`` of
    the response, its body base64."""
    created = HTTP_CACHED + timedelta(seconds=n * 0.5)
    expires = http_expires(n)
    return json.dumps(
        {
            "_content": base64.b64encode(http_body(n)).decode(),
            "created_at": created.isoformat(),
            "elapsed": 0.000089 + n / 1e6,
            "expires": None if expires is None else (created + timedelta(hours=1)).isoformat(),
            "headers": {
                "Cache-Control": f"max-age={n * 60}",
                "Content-Type": "application/json" if n % 3 else "application/octet-stream",
                "ETag": f'"{n:08d}"',
            },
            "reason": "OK" if n % 7 else "Not Found",
            "request": {"method": "GET", "url": http_url(n), "headers": {"Accept": "*/*"}},
            "status_code": 200 if n % 7 else 404,
            "url": http_url(n),
        },
        indent=2,
    )


def http_cache(path: Path, responses: int = 30) -> Path:
    """A requests-cache SQLite cache with the ``json`` serializer (see the module's list)."""
    ddl = [
        "CREATE TABLE responses (    key TEXT PRIMARY KEY,    value BLOB,     expires INTEGER)",
        "CREATE INDEX expires_idx ON responses(expires)",
        "CREATE TABLE redirects (    key TEXT PRIMARY KEY,    value BLOB,     expires INTEGER)",
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "responses": [(http_key(n), http_response(n), http_expires(n)) for n in range(1, responses + 1)],
        # A redirect's own key names the response it ended at (TEXT: no serializer).
        "redirects": [(http_redirect_key(n), http_key(n), None) for n in range(2, responses + 1, 6)],
    }
    return write_export(path, ddl, rows)


# --- A data orchestrator's run storage (Dagster) ------------------------------------------------------

#: Dagster 1.13's run storage tables as ``DagsterInstance`` creates them on SQLite (SQLAlchemy's DDL).
DAGSTER_DDL = (
    "CREATE TABLE secondary_indexes (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(512), \n\tcreate_timestamp "
    "DATETIME DEFAULT CURRENT_TIMESTAMP, \n\tmigration_completed DATETIME, \n\tPRIMARY KEY (id), "
    "\n\tUNIQUE (name)\n)",
    "CREATE TABLE snapshots (\n\tid INTEGER NOT NULL, \n\tsnapshot_id VARCHAR(255) NOT NULL, "
    "\n\tsnapshot_body BLOB NOT NULL, \n\tsnapshot_type VARCHAR(63) NOT NULL, \n\tPRIMARY KEY (id), "
    "\n\tUNIQUE (snapshot_id)\n)",
    'CREATE TABLE kvs (\n\tid INTEGER NOT NULL, \n\t"key" TEXT NOT NULL, \n\tvalue TEXT, \n\tPRIMARY KEY '
    "(id)\n)",
    'CREATE UNIQUE INDEX idx_kvs_keys_unique ON kvs ("key")',
    "CREATE TABLE runs (\n\tid INTEGER NOT NULL, \n\trun_id VARCHAR(255), \n\tsnapshot_id VARCHAR(255), "
    "\n\tpipeline_name TEXT, \n\tmode TEXT, \n\tstatus VARCHAR(63), \n\trun_body TEXT, \n\tpartition TEXT, "
    "\n\tpartition_set TEXT, \n\tcreate_timestamp DATETIME DEFAULT CURRENT_TIMESTAMP, \n\tupdate_timestamp "
    "DATETIME DEFAULT CURRENT_TIMESTAMP, \n\tstart_time FLOAT, \n\tend_time FLOAT, \n\tbackfill_id "
    "VARCHAR(255), \n\tPRIMARY KEY (id), \n\tUNIQUE (run_id), \n\tCONSTRAINT fk_runs_snapshot_id_snapshots_"
    "snapshot_id FOREIGN KEY(snapshot_id) REFERENCES snapshots (snapshot_id)\n)",
    "CREATE INDEX idx_run_partitions ON runs (partition_set, partition)",
    'CREATE TABLE run_tags (\n\tid INTEGER NOT NULL, \n\trun_id VARCHAR(255), \n\t"key" TEXT, \n\tvalue '
    "TEXT, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(run_id) REFERENCES runs (run_id) ON DELETE CASCADE\n)",
    'CREATE INDEX idx_run_tags ON run_tags ("key", value)',
    "CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\tCONSTRAINT alembic_version_pkc "
    "PRIMARY KEY (version_num)\n)",
)
DAGSTER_BASE = datetime(2026, 12, 5, 6, 53, 6, 968999)
DAGSTER_JOBS = ("__ephemeral_asset_job__", "retrying", "nightly_étl")
#: Static partition keys: codes with leading zeros, unicode, an emoji, a no-break space.
DAGSTER_STATIC = ("0001", "0002", "010", "ünïcode", "emoji 🎉", "a\u00a0b")
DAGSTER_SECONDARY = ("run_partitions", "run_repo_label_tags", "bulk_action_types", "run_backfill_id")


def dagster_moment(n: float) -> datetime:
    """The moment (naive UTC, ``datetime.utcnow()``) of the ``n``-th thing the instance wrote."""
    return DAGSTER_BASE + timedelta(seconds=1.25 * n, microseconds=int(n * 7919) % 10**6)


def dagster_text(moment: datetime) -> str:
    """A ``DATETIME`` as SQLAlchemy's SQLite dialect writes one: six fraction digits, always."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def dagster_seconds(n: float) -> float:
    """``time.time()`` at :func:`dagster_moment` ``(n)``: REAL Unix seconds."""
    return (dagster_moment(n).replace(tzinfo=UTC) - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()


def dagster_run_id(r: int) -> str:
    """Run ``r``'s id: a random uuid4, as Dagster makes one (here of the run's number)."""
    return str(uuid.UUID(bytes=hashlib.md5(f"run {r}".encode()).digest(), version=4))


def dagster_snapshot(job: int, kind: str) -> bytes:
    """A job's snapshot as Dagster stores one: its JSON, zlib-compressed, in a BLOB."""
    body = {"__class__": "PipelineSnapshot" if kind == "PIPELINE" else "ExecutionPlanSnapshot",
            "name": DAGSTER_JOBS[job], "description": "Tâche 🚀\u00a0quotidienne", "tags": {}}  # fmt: skip
    return zlib.compress(json.dumps(body, sort_keys=True).encode())


def dagster_partition(r: int) -> str | None:
    """Run ``r``'s partition (from 1): a static key, a day of a daily set, or none."""
    if r <= len(DAGSTER_STATIC):
        return DAGSTER_STATIC[r - 1]
    return (date(2024, 1, 1) + timedelta(days=r - 7)).isoformat() if r <= 14 else None


def dagster_tags(r: int) -> dict[str, str]:
    """Run ``r``'s tags, every value text: a priority written as a signed number, a key padded with
    blanks, an empty one, the partition's."""
    tags = {"team": "data", "dagster/priority": str(r % 9 - 4)}
    if r % 4 == 1:
        tags |= {"note": "  spaced  ", "empty": ""}
    if (key := dagster_partition(r)) is not None:
        tags["dagster/partition"] = key
    return tags


def dagster_runs(path: Path, runs: int = 24) -> Path:
    """A Dagster instance's ``runs.db`` (see the module's list)."""
    secondary = [
        (i + 1, name, dagster_moment(i).strftime("%Y-%m-%d %H:%M:%S"), dagster_text(dagster_moment(i)))
        for i, name in enumerate(DAGSTER_SECONDARY)
    ]
    snapshots = [
        (2 * j + k + 1, hashlib.sha1(dagster_snapshot(j, kind)).hexdigest(), dagster_snapshot(j, kind), kind)
        for j in range(len(DAGSTER_JOBS))
        for k, kind in enumerate(("PIPELINE", "EXECUTION_PLAN"))
    ]
    rows, tags = [], []
    for r in range(1, runs + 1):
        job, status = r % len(DAGSTER_JOBS), "FAILURE" if r % 5 == 0 else "SUCCESS"
        body = {"__class__": "PipelineRun", "pipeline_name": DAGSTER_JOBS[job], "run_id": dagster_run_id(r),
                "status": {"__enum__": f"PipelineRunStatus.{status}"}, "tags": dagster_tags(r)}  # fmt: skip
        key = dagster_partition(r)
        partition_set = None if key is None else f"{DAGSTER_JOBS[job]}_partition_set"
        rows.append(
            (r, dagster_run_id(r), snapshots[2 * job][1], DAGSTER_JOBS[job], None, status,
             json.dumps(body, sort_keys=True), key, partition_set,
             dagster_text(dagster_moment(10 * r)), dagster_text(dagster_moment(10 * r + 3)),
             dagster_seconds(10 * r + 0.5), dagster_seconds(10 * r + 2.75), None)
        )  # fmt: skip
        tags += [
            (len(tags) + 1 + t, dagster_run_id(r), k, v) for t, (k, v) in enumerate(dagster_tags(r).items())
        ]
    return write_export(
        path,
        DAGSTER_DDL,
        {
            "secondary_indexes": secondary,
            "snapshots": snapshots,
            "kvs": [],
            "runs": rows,
            "run_tags": tags,
            "alembic_version": [("29b539ebc72a",)],
        },
        bytes_as_text=False,
    )


# --- A database admin tool's configuration (pgAdmin 4) ----------------------------------------------

#: pgAdmin 4.9's configuration tables as ``setup.py setup-db`` creates them (Flask-SQLAlchemy on
#: ``sqlite:///``; the server's columns a subset of its 38).
PGADMIN_DDL = (
    'CREATE TABLE "user" (\n\tid INTEGER NOT NULL, \n\temail VARCHAR(256), \n\tpassword VARCHAR, \n\tactive '
    "BOOLEAN NOT NULL, \n\tconfirmed_at DATETIME, \n\tmasterpass_check VARCHAR(256), \n\tusername "
    "VARCHAR(256) DEFAULT ('') NOT NULL, \n\tauth_source VARCHAR(256) DEFAULT 'internal' NOT NULL, "
    "\n\tfs_uniquifier VARCHAR NOT NULL, locked BOOLEAN DEFAULT 'false', login_attempts INTEGER DEFAULT "
    "'0', \n\tPRIMARY KEY (id), \n\tCONSTRAINT user_unique_constraint UNIQUE (username, auth_source)\n)",
    "CREATE TABLE servergroup (\n\tid INTEGER NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\tname VARCHAR(128) "
    'NOT NULL, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(user_id) REFERENCES "user" (id) ON DELETE CASCADE, '
    "\n\tUNIQUE (user_id, name)\n)",
    'CREATE TABLE "server" (\n\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\tuser_id INTEGER NOT NULL, '
    "\n\tservergroup_id INTEGER NOT NULL, \n\tname VARCHAR(128) NOT NULL, \n\thost VARCHAR(128), \n\tport "
    "INTEGER, \n\tmaintenance_db VARCHAR(64), \n\tusername VARCHAR(64), \n\tcomment VARCHAR(1024), "
    "\n\tpassword VARCHAR, \n\ttunnel_port VARCHAR, \n\tsave_password INTEGER DEFAULT '0', \n\tshared "
    "BOOLEAN, \n\tkerberos_conn BOOLEAN DEFAULT 'false', \n\tconnection_params JSON, \n\ttags JSON, "
    "\n\tFOREIGN KEY(servergroup_id) REFERENCES servergroup (id), \n\tFOREIGN KEY(user_id) REFERENCES user "
    "(id) ON DELETE CASCADE\n)",
    "CREATE TABLE module_preference (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(256) NOT NULL, \n\tPRIMARY "
    "KEY (id)\n)",
    "CREATE TABLE preference_category (\n\tid INTEGER NOT NULL, \n\tmid INTEGER, \n\tname VARCHAR(256) NOT "
    "NULL, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(mid) REFERENCES module_preference (id)\n)",
    "CREATE TABLE preferences (\n\tid INTEGER NOT NULL, \n\tcid INTEGER NOT NULL, \n\tname VARCHAR(256) NOT "
    "NULL, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(cid) REFERENCES preference_category (id)\n)",
    "CREATE TABLE user_preferences (\n\tpid INTEGER NOT NULL, \n\tuid INTEGER NOT NULL, \n\tvalue "
    "VARCHAR(1024) NOT NULL, \n\tPRIMARY KEY (pid, uid), \n\tFOREIGN KEY(pid) REFERENCES preferences (id) ON "
    'DELETE CASCADE, \n\tFOREIGN KEY(uid) REFERENCES "user" (id) ON DELETE CASCADE\n)',
    "CREATE TABLE query_history (\n\tsrno INTEGER NOT NULL, \n\tuid INTEGER NOT NULL, \n\tsid INTEGER NOT "
    "NULL, \n\tdbname VARCHAR NOT NULL, \n\tquery_info VARCHAR NOT NULL, \n\tlast_updated_flag VARCHAR NOT "
    'NULL, \n\tPRIMARY KEY (srno, uid, sid, dbname), \n\tFOREIGN KEY(sid) REFERENCES "server" (id) ON DELETE '
    'CASCADE, \n\tFOREIGN KEY(uid) REFERENCES "user" (id) ON DELETE CASCADE\n)',
    'CREATE TABLE process (\n\tuser_id INTEGER NOT NULL, \n\tpid VARCHAR NOT NULL, \n\t"desc" VARCHAR NOT '
    "NULL, \n\tcommand VARCHAR NOT NULL, \n\targuments VARCHAR, \n\tstart_time VARCHAR, \n\tend_time "
    "VARCHAR, \n\tlogdir VARCHAR, \n\texit_code INTEGER, \n\tacknowledge VARCHAR, utility_pid INTEGER, "
    "process_state INTEGER DEFAULT '0', server_id INTEGER DEFAULT '0', \n\tPRIMARY KEY (pid), \n\tFOREIGN "
    'KEY(user_id) REFERENCES "user" (id) ON DELETE CASCADE\n)',
    'CREATE TABLE "setting" (\n\tuser_id INTEGER NOT NULL, \n\tsetting VARCHAR(256) NOT NULL, \n\tvalue '
    "TEXT, \n\tPRIMARY KEY (user_id, setting), \n\tFOREIGN KEY(user_id) REFERENCES user (id) ON DELETE "
    "CASCADE\n)",
    "CREATE TABLE version (\n\tname VARCHAR(32) NOT NULL, \n\tvalue INTEGER NOT NULL, \n\tPRIMARY KEY "
    "(name)\n)",
)
PGADMIN_BASE = datetime(2026, 12, 5, 7, 0, 21, 381075, tzinfo=UTC)
PGADMIN_USERS = ("admin@example.com", "boss@example.com", "zoë@example.com", "李@example.com")
PGADMIN_GROUPS = ("Servers", "Prod 🚀", "Entwicklung", "Test\u00a0group")
#: ``(preference, value)``: each as ``set-prefs`` stores it, text whatever the preference's kind.
PGADMIN_PREFERENCES = (
    ("find", json.dumps(json.dumps({"alt": False, "control": True, "key": {"key_code": 70, "char": "f"}}))),
    ("keyword_case", "upper"),
    ("tab_size", "4"),
    ("wrap_code", "True"),
    ("sql_font_size", "1.2"),
    ("sql_font_family", "Source Code Pro, ü"),
)
PGADMIN_QUERIES = (
    "SELECT 1",
    "SELECT * FROM t WHERE name = 'Zoë 🎉'",
    "UPDATE x SET a = 1.10 WHERE id = 0007",
    "",
)


def pgadmin_moment(n: int) -> datetime:
    """The ``n``-th moment pgAdmin wrote (UTC, microseconds)."""
    return PGADMIN_BASE + timedelta(seconds=11 * n, microseconds=(n * 7919) % 10**6)


def pgadmin_password(s: int) -> str:
    """Server ``s``'s saved password as pgAdmin stores it: the hex of the base64 of IV and AES text."""
    return base64.b64encode(hashlib.sha256(f"pw {s}".encode()).digest()[:22]).hex()


def pgadmin_history(n: int) -> dict[str, Any]:
    """Query history entry ``n``'s JSON, as the query tool posts it."""
    return {
        "query": PGADMIN_QUERIES[n % len(PGADMIN_QUERIES)],
        "start_time": pgadmin_moment(n).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
        "status": n % 7 != 0,
        "row_affected": n % 5 - 1,
        "total_time": f"{n * 13 % 1000} msec",
    }


def pgadmin_pid(n: int) -> str:
    """Background process ``n``'s id: its start's ``%y%m%d%H%M%S%f`` (18 digits)."""
    return pgadmin_moment(100 + n).strftime("%y%m%d%H%M%S%f")


def pgadmin_process_desc(n: int) -> str:
    """Process ``n``'s description: the hex of its pickle (``dumps(self.desc).hex()``)."""
    return pickle.dumps(
        {"type": "backup", "server": f"db-{n:03d} 🐘", "file": f"/tmp/a b/{n}.sql"}, protocol=4
    ).hex()


def pgadmin_time(moment: datetime) -> str:
    """A process's time as pgAdmin writes it: ``'%Y-%m-%d %H:%M:%S.%f %z'`` in UTC."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f %z")


def pgadmin_config(path: Path, servers: int = 12, history: int = 30, processes: int = 6) -> Path:
    """pgAdmin 4's ``pgadmin4.db`` (see the module's list)."""
    users = [
        (u + 1, email, "$pbkdf2-sha512$25000$" + hashlib.sha1(email.encode()).hexdigest(), 1, None, None,
         email, "internal", uuid.UUID(bytes=hashlib.md5(email.encode()).digest(), version=4).hex, 0, 0)
        for u, email in enumerate(PGADMIN_USERS)
    ]  # fmt: skip
    groups = [(g + 1, 1 + g % 2, name) for g, name in enumerate(PGADMIN_GROUPS)]
    server_rows = [
        (s, 1 + (s - 1) % 2 * 2, 1 + (s - 1) % 2 + (s % 3 == 0) * 2,
         f"db-{s:03d} " + ("Zoë's", "日本語", "")[s % 3],
         f"10.0.{s % 4}.{s}" if s % 3 else f"pg{s}.example.com", (5432, 5433, 6432)[s % 3], "postgres",
         ("postgres", "app_user", "ünïcode")[s % 3],
         ("", "Line1\nLine2", "Émoji 🎉")[s % 3] if s % 4 else None,
         pgadmin_password(s) if s % 3 == 1 else None, "22", int(s % 3 == 1), 1 if s % 6 == 0 else None, 0,
         json.dumps({"sslmode": ("prefer", "require")[s % 2], "connect_timeout": 10 + s}),
         json.dumps([{"text": "prod", "color": "#ff0000"}]) if s % 5 == 0 else "null")
        for s in range(1, servers + 1)
    ]  # fmt: skip
    preferences = [(p + 1, 1 + p // 3, name) for p, (name, _) in enumerate(PGADMIN_PREFERENCES)]
    chosen = [(p + 1, u, value) for u in (1, 3) for p, (_, value) in enumerate(PGADMIN_PREFERENCES)]
    entries = []
    for n in range(history):
        key = (1 + n % 2 * 2, 1 + n % servers, ("postgres", "app", "données")[n % 3])
        srno = sum(1 for e in entries if e[1:4] == key) + 1
        entries.append((srno, *key, json.dumps(pgadmin_history(n)).encode().hex(), "N"))
    last = {e[1:4]: i for i, e in enumerate(entries)}  # each (user, server, database)'s last entry
    entries = [(*e[:5], "Y") if i in last.values() else e for i, e in enumerate(entries)]
    process_rows = [
        (1 + n % 2, pgadmin_pid(n), pgadmin_process_desc(n), "/usr/bin/pg_dump",
         f'--file,/tmp/a b/{n}.sql,--format=c,"--comment=a, b"', pgadmin_time(pgadmin_moment(100 + n)),
         None if n % 3 == 0 else pgadmin_time(pgadmin_moment(101 + n)),
         f"/tmp/pgadmin/process_logs/{pgadmin_pid(n)}",
         None if n % 3 == 0 else n % 2, None if n % 2 else pgadmin_time(pgadmin_moment(102 + n)), 4000 + n,
         n % 4, 1 + n % servers)
        for n in range(processes)
    ]  # fmt: skip
    settings = [
        (u, name, value)
        for u in (1, 2)
        for name, value in (
            ("Browser/SQLEditor/Layout", json.dumps({"sizes": [30, 70.5], "ü": "x"})),
            ("LastUpdateCheck", "20261205"),
            ("Browser/Tree", ""),
        )
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "user": users,
        "servergroup": groups,
        "server": server_rows,
        "module_preference": [(1, "editor"), (2, "sqleditor")],
        "preference_category": [(1, 1, "sql_formatting"), (2, 1, "options")],
        "preferences": preferences,
        "user_preferences": chosen,
        "query_history": entries,
        "process": process_rows,
        "setting": settings,
        "version": [("ConfigDB", 52)],
    }
    return write_export(path, PGADMIN_DDL, rows, bytes_as_text=False)


# --- A workflow scheduler's task history (Luigi) ----------------------------------------------------

#: Luigi 3.8's task history tables (``luigi.db_task_history``, SQLAlchemy on ``sqlite:///``).
LUIGI_DDL = (
    "CREATE TABLE tasks (\n\tid INTEGER NOT NULL, \n\ttask_id VARCHAR(200), \n\tname VARCHAR(128), \n\thost "
    "VARCHAR(128), \n\tPRIMARY KEY (id)\n)",
    "CREATE INDEX ix_tasks_name ON tasks (name)",
    "CREATE INDEX ix_tasks_task_id ON tasks (task_id)",
    "CREATE TABLE task_parameters (\n\ttask_id INTEGER NOT NULL, \n\tname VARCHAR(128) NOT NULL, \n\tvalue "
    "TEXT, \n\tPRIMARY KEY (task_id, name), \n\tFOREIGN KEY(task_id) REFERENCES tasks (id)\n)",
    "CREATE TABLE task_events (\n\tid INTEGER NOT NULL, \n\ttask_id INTEGER, \n\tevent_name VARCHAR(20), "
    "\n\tts TIMESTAMP NOT NULL, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(task_id) REFERENCES tasks (id)\n)",
    "CREATE INDEX ix_task_events_task_id ON task_events (task_id)",
    "CREATE INDEX ix_task_events_ts ON task_events (ts)",
)
LUIGI_BASE = datetime(2026, 12, 5, 7, 11, 47, 880091)
#: An extract's ``(code, note)``: codes with leading zeros, a note empty, padded or with a no-break space.
LUIGI_EXTRACTS = (("0042", ""), ("010", "  spaced  "), ("123", "Zoë\u00a0x"))


def luigi_moment(n: int) -> datetime:
    """The ``n``-th event's moment: the scheduler's ``datetime.now()`` (naive, microseconds)."""
    return LUIGI_BASE + timedelta(seconds=0.75 * n, microseconds=(n * 7919) % 10**6)


def luigi_task_id(family: str, params: dict[str, str]) -> str:
    """Luigi's ``task_id_str``: the family, the first three parameters' values cut to 16 characters
    (other than letters, digits and ``_`` as ``_``), and 10 hex digits of the parameters' MD5."""
    digest = hashlib.md5(json.dumps(params, separators=(",", ":"), sort_keys=True).encode()).hexdigest()
    summary = "_".join(params[name][:16] for name in sorted(params)[:3])
    summary = "".join(c if c.isascii() and (c.isalnum() or c == "_") else "_" for c in summary)
    return f"{family}_{summary}_{digest[:10]}"


def luigi_tasks(days: int = 4) -> list[tuple[str, dict[str, str], bool]]:
    """``(family, parameters, failed)`` of every task the scheduler saw, each parameter serialized as
    Luigi's ``Parameter.serialize`` writes it."""
    tasks: list[tuple[str, dict[str, str], bool]] = []
    for d in range(days):
        day = (date(2024, 1, 1) + timedelta(days=17 * d)).isoformat()
        load = {"day": day, "when": "2024-05-20T083015", "ratio": "0.30000000000000004", "label": "Grüße 🎉"}
        tasks.append(("Load", load, False))
        for code, note in LUIGI_EXTRACTS:
            tasks.append(
                (
                    "Extract",
                    {"day": day, "code": code, "amount": "12.5", "note": note, "flag": "False"},
                    False,
                )
            )
    for code in ("0007", "0017", "99"):
        extract = {"day": "2024-04-01", "code": code, "amount": "1e-07", "note": "", "flag": "True"}
        tasks.append(("Extract", extract, code.endswith("7")))
    tasks += [("Flaky", {"n": str(n)}, True) for n in (1, 2, 3)]
    return tasks


def luigi_history(path: Path, days: int = 4) -> Path:
    """Luigi's task history database (see the module's list)."""
    tasks, parameters, events = [], [], []
    for t, (family, params, failed) in enumerate(luigi_tasks(days), start=1):
        tasks.append((t, luigi_task_id(family, params), family, "worker-01.example.com"))
        parameters += [(t, name, value) for name, value in params.items()]
        for event in ("PENDING", "RUNNING", "FAILED" if failed else "DONE"):
            stamp = luigi_moment(len(events)).strftime(
                "%Y-%m-%d %H:%M:%S.%f"
            )  # SQLAlchemy: always six digits
            events.append((len(events) + 1, t, event, stamp))
    rows: dict[str, list[Sequence[Any]]] = {
        "tasks": tasks,
        "task_parameters": parameters,
        "task_events": events,
    }
    return write_export(path, LUIGI_DDL, rows)


# --- atuin --------------------------------------------------------------------------------------------

#: atuin 18.24's migrations of ``history.db``: (version, description), as sqlx records them.
ATUIN_MIGRATIONS = [
    (20210422143411, "create history"),
    (20220505083406, "create-events"),
    (20220806155627, "interactive search index"),
    (20230315220114, "drop-events"),
    (20230319185725, "deleted at"),
    (20260224000100, "history author intent"),
    (20260709214605, "shell"),
    (20260723000000, "active history index"),
    (20260723000001, "filtered history indexes"),
    (20260723000002, "hostname index"),
    (20260723000003, "drop command index"),
    (20260818000000, "history author kind"),
]
#: Commands as typed: unicode, emoji, a no-break space, a newline, a leading zero, a long one.
ATUIN_COMMANDS = [
    "git status",
    "cd ~/projets/données",
    "echo 'héllo wörld 🎉'",
    "grep -rn\u00a0TODO .",
    "cat <<EOF\nmulti\nline\nEOF",
    "ssh 日本語@host",
    "0042",
    "python3 -c 'print(1/3)'",
    "echo " + "x" * 3000,
    "ls -la | wc -l",
]
#: The first command's moment, in Unix nanoseconds (2026-12-05 07:05:56.123456789 UTC).
ATUIN_FIRST_NANOS = 1_796_454_356_123_456_789
#: Whole seconds of the first imported line of zsh's history (2020-01-02 01:14:51 UTC).
ATUIN_IMPORTED_SECONDS = 1_577_927_691


def atuin_imported(n: int) -> bool:
    """Every fourth command came from ``atuin import zsh``: whole seconds, no exit code, cwd unknown."""
    return n % 4 == 3


def atuin_timestamp(n: int) -> int:
    """When command ``n`` started, in Unix nanoseconds: to the nanosecond as the hook records it
    (``OffsetDateTime::now_utc().unix_timestamp_nanos()``), whole seconds for an imported one."""
    if atuin_imported(n):
        return (ATUIN_IMPORTED_SECONDS + n * 86_461) * 1_000_000_000
    return ATUIN_FIRST_NANOS + n * 3_600_000_123_457


def atuin_unfinished(n: int) -> bool:
    """The last command never finished (its shell was killed): duration and exit ``-1``."""
    return n == 29


def atuin_duration(n: int) -> int:
    """How long command ``n`` ran, in nanoseconds: whole seconds of zsh's history for an import."""
    if atuin_unfinished(n):
        return -1
    if atuin_imported(n):
        return (n % 3) * 1_000_000_000
    return 1_234_567 * (n + 1) ** 3


def atuin_exit(n: int) -> int:
    return -1 if atuin_imported(n) or atuin_unfinished(n) else (0, 0, 1, 127, 130)[n % 5]


def atuin_row(n: int) -> tuple[Any, ...]:
    imported = atuin_imported(n)
    stamp = atuin_timestamp(n)
    # A UUIDv7's 32 hexadecimal digits: 48 bits of milliseconds, then version 7 and counter bits.
    uid = f"{stamp // 1_000_000:012x}7{n:03x}{hashlib.sha256(str(n).encode()).hexdigest()[:16]}"
    return (
        uid,
        stamp,
        atuin_duration(n),
        atuin_exit(n),
        ATUIN_COMMANDS[n % len(ATUIN_COMMANDS)],
        "unknown" if imported else f"/home/zoë/src/projet {n % 3}",
        hashlib.md5(f"session {n // 5}".encode()).hexdigest(),
        "laptop:zoë" if n % 2 else "build-01:ci",
        None,
        "zoë" if n % 2 else "ci",
        None,
        "zsh" if imported else (None, "bash", "zsh")[n % 3],
        None,
    )


def shell_history(path: Path, commands: int = 30) -> Path:
    """atuin's ``history.db`` (see the module's list): ``commands`` rows, every fourth imported."""
    ddl = [
        """CREATE TABLE _sqlx_migrations (
    version BIGINT PRIMARY KEY,
    description TEXT NOT NULL,
    installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    success BOOLEAN NOT NULL,
    checksum BLOB NOT NULL,
    execution_time BIGINT NOT NULL
)""",
        """CREATE TABLE history (
\tid text primary key,
\ttimestamp integer not null,
\tduration integer not null,
\texit integer not null,
\tcommand text not null,
\tcwd text not null,
\tsession text not null,
\thostname text not null, deleted_at integer, author text, intent text, shell text, author_kind integer,

\tunique(timestamp, cwd, command)
)""",
        "CREATE INDEX idx_history_timestamp on history(timestamp)",
        "CREATE INDEX idx_history_command_timestamp on history(\n\tcommand,\n\ttimestamp\n)",
        "CREATE INDEX idx_history_active_timestamp on history(timestamp)\nwhere deleted_at is null",
        "CREATE INDEX idx_history_session_timestamp on history(session, timestamp)\nwhere deleted_at is null",
        "CREATE INDEX idx_history_cwd_timestamp on history(cwd, timestamp)\nwhere deleted_at is null",
        "CREATE INDEX idx_history_hostname_timestamp on history(lower(hostname), timestamp)\n"
        "where deleted_at is null",
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "_sqlx_migrations": [
            (
                version,
                name,
                "2026-12-05 07:05:56",
                1,
                hashlib.sha384(name.encode()).digest(),
                160_000 + i * 9_973,
            )
            for i, (version, name) in enumerate(ATUIN_MIGRATIONS)
        ],
        "history": [atuin_row(n) for n in range(commands)],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- Request Tracker -------------------------------------------------------------------------------------

RT_CREATED = datetime(2026, 3, 2, 9, 0, 0)
RT_UNSET = "1970-01-01 00:00:00"
RT_QUEUES = {1: "General", 2: "___Approvals", 3: "Support Köln", 4: "Réseau & VPN"}
RT_STATUS = ("new", "open", "stalled", "resolved")


def rt_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def rt_created(n: int) -> datetime:
    return RT_CREATED + timedelta(hours=n * 5, seconds=n * 7)


def rt_subject(n: int) -> str | bytes:
    """Ticket ``n``'s subject as RT stores it: Perl writes a string of no character past U+00FF as its
    Latin-1 bytes (every third one here), others as UTF-8; one padded."""
    if n % 3 == 1:
        return f"no\u00a0break\u00a0space #{n}".encode("latin-1")
    return ("Grüße aus Köln", "  padded  ", "VPN drops 😀 every 10 minutes", "日本語の件名")[n % 4] + f" #{n}"


def rt_status(n: int) -> str:
    return RT_STATUS[n % 4]


def rt_due(n: int) -> str:
    return f"2026-{1 + n % 12:02d}-{1 + n % 28:02d} 09:30:00" if n % 2 else RT_UNSET


def rt_body(n: int) -> str:
    return (
        f"Ticket {n}: the printer on floor {n % 5} is jammed. Grüße ✓\nNo\u00a0break, {n * 12.35:.2f} EUR\n"
    )


def rt_file(n: int) -> bytes:
    return bytes((n * 37 + i * 11) % 256 for i in range(64 + n))


def rt_reply(n: int) -> str:
    return f"Reply to #{n}:\n\n  Have you tried turning it off and on again? 😀\n"


def rt_parts(tickets: int) -> list[tuple[int, int, int, str | None, bytes | str | None, str | None]]:
    """Each attachment as (id, transaction id, parent, ContentType, ContentEncoding, Content, Filename),
    in RT's shape: a ticket's creation a ``multipart/mixed`` over a quoted-printable text and (every
    fourth) a base64 file; a reply (every third ticket) one text part stored as written (``none``)."""
    parts: list[Any] = []
    for n in range(1, tickets + 1):
        top = len(parts) + 1
        parts.append((top, rt_txn(n, "Create"), 0, "multipart/mixed", None, None, None))
        text = quopri.encodestring(rt_body(n).encode()).decode("ascii")
        parts.append((len(parts) + 1, rt_txn(n, "Create"), top, "text/plain", "quoted-printable", text, None))
        if n % 4 == 0:
            data = base64.encodebytes(rt_file(n)).decode("ascii")
            parts.append(
                (
                    len(parts) + 1,
                    rt_txn(n, "Create"),
                    top,
                    "application/octet-stream",
                    "base64",
                    data,
                    f"scan{n}.bin",
                )
            )
        if n % 3 == 0:
            parts.append(
                (len(parts) + 1, rt_txn(n, "Correspond"), 0, "text/plain", "none", rt_reply(n), None)
            )
    return parts


def rt_txn(n: int, kind: str) -> int:
    """The id of ticket ``n``'s transaction of ``kind`` (three a ticket)."""
    return 3 * n - 2 + ("Create", "Correspond", "Status").index(kind)


def rt_table(name: str, *columns: str) -> str:
    """A ``CREATE TABLE`` as RT's ``schema.SQLite`` writes it: a column a line, two spaces in."""
    return f"CREATE TABLE {name} (\n" + " ,\n".join(f"  {column}" for column in columns) + "\n)"


def request_tracker(path: Path, tickets: int = 24) -> Path:
    """Request Tracker 5.0's own SQLite database (see the module's list)."""
    text, number, moment = "collate NOCASE NULL", "integer NULL DEFAULT 0", "DATETIME NULL"
    ddl = [
        rt_table(
            "Queues",
            "id INTEGER PRIMARY KEY",
            "Name varchar(200) collate NOCASE NOT NULL",
            f"Description varchar(255) {text}",
            f"CorrespondAddress varchar(120) {text}",
            f"Lifecycle varchar(32) {text}",
            "SortOrder integer NOT NULL DEFAULT 0",
            f"Creator {number}",
            f"Created {moment}",
            "Disabled int2 NOT NULL DEFAULT 0",
        ),
        rt_table(
            "Tickets",
            "id INTEGER PRIMARY KEY",
            f"EffectiveId {number}",
            "IsMerged int2 NULL DEFAULT NULL",
            f"Queue {number}",
            f"Type varchar(16) {text}",
            f"Owner {number}",
            f"Subject varchar(200) {text} DEFAULT '[no subject]'",
            f"Priority {number}",
            f"TimeEstimated {number}",
            f"TimeWorked {number}",
            f"Status varchar(64) {text}",
            *(f"{name} {moment}" for name in ("Told", "Starts", "Started", "Due", "Resolved")),
            f"LastUpdatedBy {number}",
            f"LastUpdated {moment}",
            f"Creator {number}",
            f"Created {moment}",
        ),
        "CREATE INDEX Tickets1 ON Tickets (Queue, Status) ",
        rt_table(
            "Transactions",
            "id INTEGER PRIMARY KEY",
            f"ObjectType varchar(255) {text}",
            f"ObjectId {number}",
            f"TimeTaken {number}",
            f"Type varchar(20) {text}",
            *(f"{name} varchar(255) {text}" for name in ("Field", "OldValue", "NewValue", "Data")),
            f"Creator {number}",
            f"Created {moment}",
        ),
        rt_table(
            "Attachments",
            "id INTEGER PRIMARY KEY",
            "TransactionId INTEGER",
            f"Parent {number}",
            f"MessageId varchar(160) {text}",
            f"Subject varchar(255) {text}",
            f"Filename varchar(255) {text}",
            f"ContentType varchar(80) {text}",
            f"ContentEncoding varchar(80) {text}",
            f"Content LONGTEXT {text}",
            f"Headers LONGTEXT {text}",
            f"Creator {number}",
            f"Created {moment}",
        ),
        "CREATE INDEX Attachments1 ON Attachments (Parent) ",
    ]
    numbers = range(1, tickets + 1)
    queues = [
        (
            q,
            name,
            None if q == 2 else f"{name} queue",
            "" if q < 3 else f"q{q}@example.com",
            "default" if q != 2 else "approvals",
            0,
            1,
            rt_time(RT_CREATED),
            0,
        )
        for q, name in RT_QUEUES.items()
    ]
    rows_tickets = []
    rows_txns = []
    for n in numbers:
        created, status = rt_created(n), rt_status(n)
        moved = rt_time(created + timedelta(minutes=30)) if status != "new" else RT_UNSET
        rows_tickets.append(
            (
                n,
                n,
                None,
                (1, 3, 4)[n % 3],
                "ticket",
                6 if n % 3 == 0 else 14,
                rt_subject(n),
                n % 100,
                n * 3,
                (n % 13) * 5,
                status,
                None if n % 3 else rt_time(created + timedelta(hours=1)),
                "2026-01-15 08:00:00" if n % 9 == 0 else RT_UNSET,
                moved,
                rt_due(n),
                moved if status == "resolved" else RT_UNSET,
                14,
                rt_time(created + timedelta(minutes=30)),
                14,
                rt_time(created),
            )
        )
        rows_txns.append(
            (rt_txn(n, "Create"), "RT::Ticket", n, 0, "Create", None, None, None, None, 14, rt_time(created))
        )
        rows_txns.append(
            (
                rt_txn(n, "Correspond"),
                "RT::Ticket",
                n,
                5,
                "Correspond",
                None,
                None,
                None,
                None,
                14,
                rt_time(created + timedelta(minutes=10)),
            )
        )
        rows_txns.append(
            (rt_txn(n, "Status"), "RT::Ticket", n, 0, "Status", "Status", "new", status, None, 14, moved)
        )
    headers = "Content-Type: {}\nMIME-Version: 1.0\nX-Mailer: MIME-tools 5.510 (Entity 5.510)\n"
    rows_parts = [
        (
            a,
            txn,
            parent,
            "",
            f"ticket {(txn + 2) // 3}" if parent == 0 else "",
            name,
            kind,
            encoding,
            content,
            headers.format(kind) + (f"Content-Transfer-Encoding: {encoding}\n" if encoding else ""),
            14,
            rt_time(RT_CREATED),
        )
        for a, txn, parent, kind, encoding, content, name in rt_parts(tickets)
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "Queues": queues,
        "Tickets": rows_tickets,
        "Transactions": rows_txns,
        "Attachments": rows_parts,
    }
    return write_export(path, ddl, rows)


# --- django CMS and django-wiki --------------------------------------------------------------------------

DJANGO_SITE_CREATED = datetime(2026, 4, 6, 8, 15, 0, 123456)
#: django-treebeard's alphabet of a path's steps (``MP_Node.alphabet``), four of them a level.
TREEBEARD_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def treebeard_step(k: int) -> str:
    """The ``k``-th (from 1) step of a level of a materialised path: base 36, four digits."""
    digits = ""
    while k:
        k, digit = divmod(k, 36)
        digits = TREEBEARD_ALPHABET[digit] + digits
    return digits.rjust(4, "0")


def cms_parent(n: int) -> int | None:
    """Page ``n``'s parent: every fourth page a root (1, 5, 9, ...), the next under it, the two after
    under that one (``0001``, ``00010001``, ``000100010001``, ``000100010002``)."""
    if n % 4 == 1:
        return None
    return n - 2 if n % 4 == 0 else n - 1


def cms_paths(pages: int) -> dict[int, str]:
    """Each page's path as treebeard writes it: its parent's, then its rank among its siblings."""
    paths: dict[int, str] = {}
    ranks: dict[int | None, int] = {}
    for n in range(1, pages + 1):
        parent = cms_parent(n)
        ranks[parent] = ranks.get(parent, 0) + 1
        paths[n] = ("" if parent is None else paths[parent]) + treebeard_step(ranks[parent])
    return paths


def cms_moment(minutes: float) -> str:
    """``minutes`` after the site's start as Django's SQLite backend writes a datetime (UTC)."""
    return (DJANGO_SITE_CREATED + timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M:%S.%f")


def cms_title(n: int, language: str) -> str:
    words = ("Über uns", "Kontakt\u00a0& Anfahrt", "Produkte 😀", "FAQ — häufige Fragen", "Jobs")
    return f"{words[n % 5]} {n}" if language == "de" else f"Page {n}: {('About', 'Contact', 'News')[n % 3]}"


def wiki_parent(n: int) -> int | None:
    """Article ``n``'s URL path's parent: the root (1) has none, every third is under the one before."""
    if n == 1:
        return None
    return n - 1 if n % 3 == 0 else 1


def wiki_nested(articles: int) -> dict[int, tuple[int, int, int]]:
    """Each URL path's (lft, rght, level) as django-mptt numbers a tree: depth first, by id."""
    children: dict[int | None, list[int]] = {}
    for n in range(1, articles + 1):
        children.setdefault(wiki_parent(n), []).append(n)
    nested: dict[int, tuple[int, int, int]] = {}

    def walk(node: int, left: int, level: int) -> int:
        right = left + 1
        for child in children.get(node, []):
            right = walk(child, right, level + 1) + 1
        nested[node] = (left, right, level)
        return right

    walk(1, 1, 0)
    return nested


def wiki_content(n: int, revision: int) -> str:
    return (
        f"# Article {n}\n\nRevision {revision}: Grüße 😀\u00a0— see [[art-{n - 1}]].\n"
        + "Lorem ipsum. " * (n % 4)
    )


def django_cms_wiki(path: Path, pages: int = 14, articles: int = 10) -> Path:
    """A django CMS and django-wiki site's SQLite database (see the module's list)."""
    deferred = "DEFERRABLE INITIALLY DEFERRED"
    ddl = [
        'CREATE TABLE "django_site" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" '
        'varchar(50) NOT NULL, "domain" varchar(100) NOT NULL UNIQUE)',
        'CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" '
        'varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" '
        'varchar(150) NOT NULL UNIQUE, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, '
        '"is_staff" bool NOT NULL, "is_active" bool NOT NULL, "date_joined" datetime NOT NULL, '
        '"first_name" varchar(150) NOT NULL)',
        'CREATE TABLE "cms_page" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "created_by" varchar(255) '
        'NOT NULL, "changed_by" varchar(255) NOT NULL, "creation_date" datetime NOT NULL, "changed_date" '
        'datetime NOT NULL, "reverse_id" varchar(40) NULL, "navigation_extenders" varchar(80) NULL, '
        '"login_required" bool NOT NULL, "is_home" bool NOT NULL, "application_urls" varchar(200) NULL, '
        '"application_namespace" varchar(200) NULL, "is_page_type" bool NOT NULL, "depth" integer unsigned '
        'NOT NULL CHECK ("depth" >= 0), "numchild" integer unsigned NOT NULL CHECK ("numchild" >= 0), "path" '
        'varchar(255) NOT NULL UNIQUE, "site_id" integer NOT NULL REFERENCES "django_site" ("id") '
        f'{deferred}, "parent_id" integer NULL REFERENCES "cms_page" ("id") {deferred})',
        'CREATE INDEX "cms_page_parent_id_f89b72e4" ON "cms_page" ("parent_id")',
        'CREATE TABLE "cms_pagecontent" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "language" '
        'varchar(15) NOT NULL, "meta_description" text NULL, "title" varchar(255) NOT NULL, "page_title" '
        'varchar(255) NULL, "menu_title" varchar(255) NULL, "redirect" varchar(2048) NULL, "creation_date" '
        'datetime NOT NULL, "page_id" integer NOT NULL REFERENCES "cms_page" ("id") '
        f'{deferred}, "changed_by" varchar(255) NOT NULL, "changed_date" datetime NOT NULL, "created_by" '
        'varchar(255) NOT NULL, "in_navigation" bool NOT NULL, "limit_visibility_in_menu" smallint NULL, '
        '"template" varchar(100) NOT NULL, "xframe_options" integer NOT NULL, "soft_root" bool NOT NULL, '
        '"slug" varchar(255) NOT NULL, "overwrite_url" varchar(255) NULL)',
        'CREATE UNIQUE INDEX "cms_pagecontent_language_page_id_fbc0b2cf_uniq" ON "cms_pagecontent" '
        '("language", "page_id")',
        'CREATE TABLE "wiki_article" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "created" datetime '
        'NOT NULL, "modified" datetime NOT NULL, "group_read" bool NOT NULL, "group_write" bool NOT NULL, '
        '"other_read" bool NOT NULL, "other_write" bool NOT NULL, "current_revision_id" integer NULL UNIQUE '
        f'REFERENCES "wiki_articlerevision" ("id") {deferred}, "group_id" integer NULL, "owner_id" integer '
        f'NULL REFERENCES "auth_user" ("id") {deferred})',
        'CREATE TABLE "wiki_articlerevision" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"revision_number" integer NOT NULL, "user_message" text NOT NULL, "automatic_log" text NOT NULL, '
        '"ip_address" char(39) NULL, "modified" datetime NOT NULL, "created" datetime NOT NULL, "deleted" '
        'bool NOT NULL, "locked" bool NOT NULL, "content" text NOT NULL, "title" varchar(512) NOT NULL, '
        f'"article_id" integer NOT NULL REFERENCES "wiki_article" ("id") {deferred}, "previous_revision_id" '
        f'integer NULL REFERENCES "wiki_articlerevision" ("id") {deferred}, "user_id" integer NULL '
        f'REFERENCES "auth_user" ("id") {deferred})',
        'CREATE TABLE "wiki_urlpath" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "slug" varchar(50) '
        'NULL, "lft" integer unsigned NOT NULL CHECK ("lft" >= 0), "tree_id" integer unsigned NOT NULL CHECK '
        '("tree_id" >= 0), "level" integer unsigned NOT NULL CHECK ("level" >= 0), "article_id" integer NOT '
        f'NULL REFERENCES "wiki_article" ("id") {deferred}, "site_id" integer NOT NULL REFERENCES '
        f'"django_site" ("id") {deferred}, "rght" integer unsigned NOT NULL CHECK ("rght" >= 0), "parent_id" '
        f'integer NULL REFERENCES "wiki_urlpath" ("id") {deferred}, "moved_to_id" integer NULL REFERENCES '
        f'"wiki_urlpath" ("id") {deferred})',
        'CREATE UNIQUE INDEX "wiki_urlpath_site_id_parent_id_slug_e4942e5d_uniq" ON "wiki_urlpath" '
        '("site_id", "parent_id", "slug")',
    ]
    users = [
        (
            u,
            f"pbkdf2_sha256$870000$salt{u}$hash",
            None,
            int(u == 1),
            f"editor{u}",
            ("Ñúñez", "", "Zoë")[u % 3],
            f"editor{u}@example.org",
            1,
            1,
            cms_moment(-60 + u),
            ("Zoë", "Jürgen", "")[u % 3],
        )
        for u in range(1, 4)
    ]
    paths = cms_paths(pages)
    rows_pages = [
        (
            n,
            f"editor{1 + n % 3}",
            "python-api",
            cms_moment(n),
            cms_moment(n + 0.5),
            None,
            None,
            0,
            int(n == 1),
            None,
            None,
            0,
            len(paths[n]) // 4,
            sum(cms_parent(m) == n for m in paths),
            paths[n],
            1,
            cms_parent(n),
        )
        for n in range(1, pages + 1)
    ]
    contents = []
    for n in range(1, pages + 1):
        for language in ("en", "de") if n % 2 else ("en",):
            contents.append(
                (
                    len(contents) + 1,
                    language,
                    None if n % 3 else f"{cms_title(n, language)} —\u00a0meta",
                    cms_title(n, language),
                    None,
                    None if n % 4 else cms_title(n, language)[:8],
                    None,
                    cms_moment(n),
                    n,
                    "python-api",
                    cms_moment(n + 0.5),
                    f"editor{1 + n % 3}",
                    int(n % 3 != 0),
                    None,
                    "INHERIT" if n > 1 else "page.html",
                    0,
                    0,
                    f"{language}-page-{n}",
                    None,
                )
            )
    revisions, rows_articles = [], []
    for n in range(1, articles + 1):
        first = len(revisions) + 1
        for r in range(1, n % 3 + 2):
            revisions.append(
                (
                    len(revisions) + 1,
                    r,
                    "" if r == 1 else f"Fix typo {r} ✓",
                    "",
                    None if n % 2 else "192.0.2.7",
                    cms_moment(100 + n + r),
                    cms_moment(100 + n + r),
                    0,
                    0,
                    wiki_content(n, r),
                    f"Article {n} — Grüße",
                    n,
                    None if r == 1 else len(revisions),
                    1 + n % 3,
                )
            )
        rows_articles.append(
            (
                n,
                cms_moment(100 + n),
                cms_moment(100 + n + n % 3 + 1),
                1,
                1,
                1,
                1,
                len(revisions),
                None,
                1 + n % 3,
            )
        )
        assert first <= len(revisions)
    nested = wiki_nested(articles)
    urlpaths = [
        (
            n,
            None if n == 1 else f"art-{n}",
            nested[n][0],
            1,
            nested[n][2],
            n,
            1,
            nested[n][1],
            wiki_parent(n),
            None,
        )
        for n in range(1, articles + 1)
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "django_site": [(1, "example.com", "example.com")],
        "auth_user": users,
        "cms_page": rows_pages,
        "cms_pagecontent": contents,
        "wiki_articlerevision": revisions,
        "wiki_article": rows_articles,
        "wiki_urlpath": urlpaths,
    }
    return write_export(path, ddl, rows)


# --- MikroORM ------------------------------------------------------------------------------------------

MIKRO_TEXTS = (
    "Café crème ☕",
    "naïve résumé",
    "Ünïcödé 🚀🎉",
    "no\u00a0break\u00a0space",
    "日本語のテキスト",
    "O'Brien",
)
MIKRO_BASE_MS = 1672531200000  # 2023-01-01T00:00:00Z in the app's JavaScript Date.getTime()


def mikro_uuid(i: int) -> str:
    """Customer ``i``'s ``uuid`` key as the app set it."""
    return str(UUID(hashlib.md5(f"c{i}".encode()).hexdigest()))


def mikro_created_ms(i: int) -> int:
    """Customer ``i``'s ``createdAt`` (a JavaScript ``Date``) as MikroORM stores it: epoch milliseconds."""
    return MIKRO_BASE_MS + i * 86_400_000 * 11 + i * 3_600_007


def mikro_balance(i: int) -> str | None:
    """Customer ``i``'s ``balance`` as the app passed it (a ``decimal`` property is a string), or NULL."""
    if i % 8 == 0:
        return None
    return f"{i * 100 - 500}.00" if i % 4 == 2 else f"{Decimal(i * 123457 % 999999 - 5000) / 100:.2f}"


def mikro_born(i: int) -> str | None:
    """Customer ``i``'s ``born`` (a ``date`` property): the string the app passed, as stored."""
    return None if i % 9 == 0 else f"{1950 + i}-{i % 12 + 1:02d}-{i % 28 + 1:02d}"


def mikro_price(p: int) -> str:
    return f"{Decimal(p * 735 % 50000 + 99) / 100:.2f}"


def mikro_placed_ms(o: int) -> int:
    return MIKRO_BASE_MS + 31_536_000_000 + o * 3_600_000 * 29 + (0 if o % 3 == 0 else o * 91 % 1000)


def mikro_line(o: int, k: int, products: int) -> tuple[int, int, str | None]:
    """Order ``o``'s ``k``-th line: (product id, qty, discount string or NULL)."""
    return (o + k * 5) % products + 1, 1 + (o + k) % 5, None if (o + k) % 3 == 0 else f"{(o % 20) / 100:.4f}"


def mikro_orm_shop(path: Path, customers: int = 16, products: int = 8, orders: int = 24) -> Path:
    """A MikroORM application's database (see the module's list)."""
    ddl = [
        "CREATE TABLE `customer` (`id` text not null, `name` text not null, `email` text not null, "
        "`zip` text null, `active` integer not null default true, `vip` integer null, "
        "`tier` text check (`tier` in ('bronze', 'silver', 'gold')) not null default 'bronze', "
        "`born` date null, `wake_up` time null, `created_at` datetime not null, "
        "`updated_at` datetime null, `balance` numeric(12,2) null, `rating` double null, "
        "`visits` bigint null, `prefs` json null, `avatar` blob null, `bio` text null, "
        "primary key (`id`))",
        "CREATE UNIQUE INDEX `customer_email_unique` on `customer` (`email`)",
        "CREATE TABLE `order` (`id` integer not null primary key autoincrement, `customer_id` text not null, "
        "`placed_at` datetime not null, `ship_date` date null, `total` numeric(12,2) not null, `status` text "
        "check (`status` in ('new', 'paid', 'shipped', 'cancelled')) not null, `note` text null, `paid` "
        "integer not null default false, constraint `order_customer_id_foreign` foreign key(`customer_id`) "
        "references `customer`(`id`) on update cascade)",
        "CREATE INDEX `order_customer_id_index` on `order` (`customer_id`)",
        "CREATE TABLE `product` (`id` integer not null primary key autoincrement, `sku` text not null, "
        "`title` text not null, `price` numeric(10,2) not null, `weight` real null, `stock` integer not null "
        "default 0, `tags` text null, `released_at` datetime null)",
        "CREATE TABLE `order_line` (`id` integer not null primary key autoincrement, `order_id` bigint not "
        "null, `product_id` integer not null, `qty` integer not null, `unit_price` numeric(10,2) not null, "
        "`discount` numeric(5,4) null, constraint `order_line_order_id_foreign` foreign key(`order_id`) "
        "references `order`(`id`) on update cascade, constraint `order_line_product_id_foreign` foreign "
        "key(`product_id`) references `product`(`id`) on update cascade)",
        "CREATE INDEX `order_line_order_id_index` on `order_line` (`order_id`)",
        "CREATE INDEX `order_line_product_id_index` on `order_line` (`product_id`)",
    ]
    customer_rows = [
        (
            mikro_uuid(i),
            f"{MIKRO_TEXTS[i % len(MIKRO_TEXTS)]} {i}",
            f"user{i}@example.com",
            None if i % 7 == 0 else f"0{1000 + i * 37}",
            int(i % 3 != 0),
            None if i % 5 == 0 else int(i % 2 == 0),
            ("bronze", "silver", "gold")[i % 3],
            mikro_born(i),
            None if i % 4 == 0 else f"0{5 + i % 5}:{10 + i:02d}:00",
            mikro_created_ms(i),
            None if i % 6 == 0 else mikro_created_ms(i) + 86_400_000 * 30,
            mikro_balance(i),  # a string: the column's NUMERIC affinity stores REAL or INTEGER
            None if i % 10 == 0 else (i * 0.1 + 1) / 3,
            None if i % 11 == 0 else i * 9007199254740993,
            None
            if i % 4 == 0
            else json.dumps(
                {"theme": "dark", "n": i, "emoji": "😀"}, ensure_ascii=False, separators=(",", ":")
            ),
            None if i % 5 == 0 else hashlib.sha256(f"a{i}".encode()).digest(),
            None if i % 3 == 0 else f"Bio of {MIKRO_TEXTS[i * 5 % len(MIKRO_TEXTS)]}\nsecond line",
        )
        for i in range(customers)
    ]
    product_rows = [
        (
            p + 1,
            f"{p * 13:06d}",
            f"Produit {MIKRO_TEXTS[p % len(MIKRO_TEXTS)]}",
            mikro_price(p),
            None if p % 4 == 0 else p * 0.25 + 0.1,
            p * 17 % 200,
            None if p % 3 == 0 else f"a{p},b,élan",
            None if p % 5 == 0 else MIKRO_BASE_MS - 86_400_000 * (p * 97 + 1),
        )
        for p in range(products)
    ]
    order_rows = []
    line_rows = []
    for o in range(orders):
        lines = [mikro_line(o, k, products) for k in range(1 + o % 3)]
        total = sum(qty * Decimal(mikro_price(product - 1)) for product, qty, _ in lines)
        order_rows.append(
            (
                o + 1,
                mikro_uuid(o * 7 % customers),
                mikro_placed_ms(o),
                None if o % 4 == 0 else f"2024-{o % 12 + 1:02d}-{o % 27 + 2:02d}",
                f"{total:.2f}",
                ("new", "paid", "shipped", "cancelled")[o % 4],
                None if o % 5 == 0 else MIKRO_TEXTS[o * 3 % len(MIKRO_TEXTS)],
                int(o % 2 == 0),
            )
        )
        line_rows += [
            (len(line_rows) + k + 1, o + 1, product, qty, mikro_price(product - 1), discount)
            for k, (product, qty, discount) in enumerate(lines)
        ]
    rows: dict[str, list[Sequence[Any]]] = {
        "customer": customer_rows,
        "product": product_rows,
        "order": order_rows,
        "order_line": line_rows,
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- Kysely --------------------------------------------------------------------------------------------

KYSELY_MIGRATIONS = (("2024_01_01_000001_init", 1796455750503), ("2024_02_01_000002_toys", 1796455750531))
KYSELY_NAMES = ("Zoë", "José", "Ünïcödé 🚀", "Li\u00a0Wei", "日本", "O'Neil")
KYSELY_DEFAULT_NOW = "2026-12-05 07:29:12"  # CURRENT_TIMESTAMP's text: UTC, no offset


def kysely_iso(ms: int) -> str:
    """JavaScript's ``Date.prototype.toISOString()`` of epoch milliseconds."""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def kysely_created_ms(i: int) -> int:
    return 1672531200000 + i * 86_400_000 * 13 + i * 3_600_007


def kysely_created(i: int) -> str:
    """Person ``i``'s ``created_at``: the app's ISO string, or the column's default where it passed none."""
    return KYSELY_DEFAULT_NOW if i % 5 == 0 else kysely_iso(kysely_created_ms(i))


def kysely_last_login(i: int) -> int | None:
    """Person ``i``'s ``last_login``: ``Date.now()`` at the login, or NULL."""
    return None if i % 6 == 0 else kysely_created_ms(i) + 86_400_000 + i * 37


def kysely_credit(i: int) -> str | None:
    """Person ``i``'s ``credit`` as the app passed it (``toFixed(2)``), or NULL."""
    if i % 7 == 0:
        return None
    return f"{i * 25 - 100}.00" if i % 4 == 2 else f"{Decimal(i * 1237 % 100000) / 100 - 200:.2f}"


def kysely_weight(p: int) -> str | None:
    """Pet ``p``'s ``weight_kg`` as the app passed it (``toFixed(3)``), or NULL."""
    return None if p % 6 == 0 else f"{Decimal(p * 731 % 40000 + 200) / 1000:.3f}"


def kysely_bought(t: int) -> int | None:
    return (
        None
        if t % 4 == 0
        else int(datetime(2024, t % 12 + 1, t % 28 + 1, 10, t, tzinfo=UTC).timestamp()) * 1000
    )


def kysely_app(path: Path, people: int = 15, pets: int = 20, toys: int = 12) -> Path:
    """A Kysely application's database (see the module's list)."""
    ddl = [
        'CREATE TABLE "kysely_migration" ("name" varchar(255) not null primary key, "timestamp" '
        "varchar(255) not null)",
        'CREATE TABLE "kysely_migration_lock" ("id" varchar(255) not null primary key, "is_locked" integer '
        "default 0 not null)",
        'CREATE TABLE "person" ("id" integer primary key autoincrement, "first_name" varchar(255) not null, '
        '"last_name" varchar(255), "gender" varchar(50) not null, "birthdate" date, "member_no" '
        'varchar(12), "is_active" boolean default 1 not null, "credit" numeric(10, 2), "score" real, '
        '"metadata" json, "photo" blob, "created_at" timestamp default CURRENT_TIMESTAMP not null, '
        '"updated_at" timestamp, "last_login" integer)',
        'CREATE TABLE "pet" ("id" integer primary key autoincrement, "name" varchar(255) not null unique, '
        '"owner_id" integer not null references "person" ("id") on delete cascade, "species" varchar(255) '
        'not null, "weight_kg" decimal(6, 3), "adopted_on" date)',
        'CREATE INDEX "pet_owner_id_index" on "pet" ("owner_id")',
        'CREATE TABLE "toy" ("id" text primary key, "pet_id" integer references "pet" ("id"), "price" '
        'numeric, "bought_at" datetime)',
    ]
    person_rows = [
        (
            i + 1,
            f"{KYSELY_NAMES[i % len(KYSELY_NAMES)]} {i}",
            None if i % 6 == 0 else KYSELY_NAMES[i * 5 % len(KYSELY_NAMES)],
            ("female", "male", "other")[i % 3],
            None if i % 8 == 0 else f"19{60 + i}-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
            None if i % 5 == 0 else f"{i * 371:08d}",
            int(i % 4 != 0),
            kysely_credit(i),  # a string: NUMERIC affinity stores REAL or INTEGER
            None if i % 9 == 0 else i / 7,
            None
            if i % 3 == 0
            else json.dumps({"tags": ["a", "ü"], "i": i}, ensure_ascii=False, separators=(",", ":")),
            hashlib.sha1(f"p{i}".encode()).digest() if i % 4 == 1 else None,
            kysely_created(i),
            None
            if i % 5 == 0
            else KYSELY_DEFAULT_NOW
            if i % 2 == 0
            else kysely_iso(kysely_created_ms(i) + 3_600_000),
            kysely_last_login(i),
        )
        for i in range(people)
    ]
    pet_rows = [
        (
            p + 1,
            f"Pet {p} {KYSELY_NAMES[p % 4]}",
            p * 3 % people + 1,
            ("dog", "cat", "hamster")[p % 3],
            kysely_weight(p),
            None if p % 7 == 0 else f"2020-{p % 12 + 1:02d}-{p % 28 + 1:02d}",
        )
        for p in range(pets)
    ]
    toy_rows = [
        (
            hashlib.md5(f"t{t}".encode()).hexdigest(),
            None if t % 9 == 0 else t * 7 % pets + 1,
            None if t % 5 == 0 else f"{Decimal(t * 33 % 500) / 10:.2f}",
            kysely_bought(t),
        )
        for t in range(toys)
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "kysely_migration": [(name, kysely_iso(ms)) for name, ms in KYSELY_MIGRATIONS],
        "kysely_migration_lock": [("migration_lock", 0)],
        "person": person_rows,
        "pet": pet_rows,
        "toy": toy_rows,
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- Objection.js --------------------------------------------------------------------------------------

OBJECTION_NAMES = ("Ann", "Zoë", "José", "Li\u00a0Wei")
OBJECTION_NOW_MS = 1796456101619  # the run's Date.now() at the first insert


def objection_created(i: int) -> str:
    """Person ``i``'s ``createdAt``: ``new Date().toISOString()`` in ``$beforeInsert``."""
    return kysely_iso(OBJECTION_NOW_MS + 37 * i)


def objection_updated(i: int) -> int | None:
    """Person ``i``'s ``updatedAt``: a ``Date`` set in ``$beforeUpdate`` (patched rows only), bound as
    epoch milliseconds."""
    return OBJECTION_NOW_MS + 37 * i + 11 if i % 3 == 0 else None


def objection_last_login(i: int) -> int | str | None:
    """Person ``i``'s ``lastLogin`` as the app passed it: a ``Date`` (bound as milliseconds), a number of
    ``Date.UTC(...)``, an ISO string, or NULL."""
    if i % 4 == 0:
        return None
    if i % 4 == 2:
        return int(datetime(2024, 2, i % 28 + 1, tzinfo=UTC).timestamp()) * 1000
    moment = datetime(2024, i % 12 + 1, 3, 4, 5, 6, 789000, tzinfo=UTC)
    return int(moment.timestamp() * 1000) if i % 4 == 1 else kysely_iso(int(moment.timestamp() * 1000))


def objection_birth_ms(i: int) -> int | None:
    """Person ``i``'s ``birthDate``: a ``Date`` at midnight UTC, bound as epoch milliseconds."""
    return (
        None
        if i % 9 == 0
        else int(datetime(1960 + i % 40, i % 12 + 1, i % 28 + 1, tzinfo=UTC).timestamp()) * 1000
    )


def objection_app(path: Path, persons: int = 40, movies: int = 12) -> Path:
    """An Objection.js application's database (see the module's list)."""
    ddl = [
        "CREATE TABLE `persons` (`id` integer not null primary key autoincrement, `firstName` varchar(255), "
        "`lastName` varchar(255), `age` integer, `address` json, `isHuman` boolean, `salary` float, "
        "`birthDate` date, `createdAt` varchar(255), `updatedAt` datetime, `lastLogin` datetime, "
        "`ref` char(36), `sig` blob)",
        "CREATE TABLE `movies` (`id` integer not null primary key autoincrement, `name` varchar(255), "
        "`rating` float, `budget` bigint)",
        "CREATE TABLE `persons_movies` (`personId` integer, `movieId` integer, foreign key(`personId`) "
        "references `persons`(`id`) on delete CASCADE, foreign key(`movieId`) references `movies`(`id`) "
        "on delete CASCADE, primary key (`personId`, `movieId`))",
    ]
    person_rows = [
        (
            i + 1,
            OBJECTION_NAMES[i % 4] + str(i),
            "Patched" if i % 3 == 0 else None if i % 5 == 0 else "Doe",
            None if i % 7 == 0 else 20 + i % 20,
            None
            if i % 3 == 0
            else json.dumps({"street": f"Rue {i}", "zip": f"{i * 13:05d}"}, separators=(",", ":")),
            int(i % 6 != 0),
            None if i % 8 == 0 else f"{i * 1111 % 90000}.50",  # toFixed(2): REAL under FLOAT
            objection_birth_ms(i),
            objection_created(i),
            objection_updated(i),
            objection_last_login(i),
            hashlib.md5(f"r{i}".encode()).hexdigest(),
            bytes([0, 1, 2, 255, i]) if i % 5 == 2 else None,
        )
        for i in range(persons)
    ]
    movie_rows = [
        (m + 1, f"Film {m} 🎬", m / 3, 1_000_000_000 + m * 12345 if m % 4 else None) for m in range(movies)
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "persons": person_rows,
        "movies": movie_rows,
        "persons_movies": [(i + 1, i % movies + 1) for i in range(persons) if i % 2 == 0],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- DBIx::Class ---------------------------------------------------------------------------------------

DBIC_NAMES = ("Zoë", "José", "Ünïcödé 🚀", "Li\u00a0Wei", "日本", "O'Neil")


def dbic_photo(i: int) -> bytes | None:
    """Artist ``i``'s ``photo`` as stored: the app's bytes ``00 FF 01 i`` upgraded to UTF-8 by the
    driver (``FF`` → ``C3 BF``), a TEXT cell."""
    return None if i % 5 != 1 else bytes([0, 0xFF, 1, i]).decode("latin-1").encode()


def dbic_fee(i: int) -> str | None:
    """Artist ``i``'s ``fee`` as the app passed it (``sprintf('%.2f')``), or NULL."""
    return None if i % 6 == 0 else f"{Decimal(i * 137 % 5000) / 100 + Decimal('0.5'):.2f}"


def dbic_joined(i: int) -> str | None:
    return None if i % 5 == 0 else f"2020-{i % 12 + 1:02d}-{i % 28 + 1:02d} {i % 24:02d}:{i:02d}:{i % 60:02d}"


def dbic_music(path: Path, artists: int = 20) -> Path:
    """A DBIx::Class application's database (see the module's list)."""
    ddl = [
        "CREATE TABLE artist (\n  artistid INTEGER PRIMARY KEY NOT NULL,\n  name varchar(100) NOT NULL,\n  "
        "born date,\n  joined datetime,\n  seen timestamp,\n  fee numeric(10,2),\n  active boolean NOT NULL "
        "DEFAULT 1,\n  photo blob,\n  code varchar(8)\n)",
        "CREATE UNIQUE INDEX artist_name ON artist (name)",
        "CREATE TABLE cd (\n  cdid INTEGER PRIMARY KEY NOT NULL,\n  artist integer NOT NULL,\n  title "
        "varchar(200) NOT NULL,\n  released date,\n  price decimal(8,2),\n  tracks integer,\n  recorded_at "
        "datetime,\n  FOREIGN KEY (artist) REFERENCES artist(artistid) ON DELETE CASCADE "
        "ON UPDATE CASCADE\n)",
        "CREATE INDEX cd_idx_artist ON cd (artist)",
    ]
    artist_rows = [
        (
            i + 1,
            f"{DBIC_NAMES[i % len(DBIC_NAMES)]} {i}",
            None if i % 7 == 0 else f"{1940 + i}-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
            dbic_joined(i),
            # 03:00 in Paris on the 2nd of each month, in UTC: 01:00 in summer time (April to October).
            None if i % 4 == 0 else f"2024-{i % 12 + 1:02d}-02 0{2 - (i % 12 + 1 in range(4, 11))}:00:00",
            dbic_fee(i),
            int(i % 3 != 0),
            dbic_photo(i),
            None if i % 4 == 0 else f"{i * 7:06d}",
        )
        for i in range(artists)
    ]
    cd_rows = [
        (
            None,
            i + 1,
            f"Album {i}-{k} ☕",
            f"{1990 + k + i % 30}-05-20",
            None if (i + k) % 4 == 0 else f"{Decimal('9.99') + k + i % 10:.2f}",
            8 + (i + k) % 10,
            f"{2001 + i % 20}-03-04 10:06:00",
        )
        for i in range(artists)
        for k in range(1 + i % 3)
    ]
    cd_rows = [(n, *row[1:]) for n, row in enumerate(cd_rows, 1)]
    return write_export(path, ddl, {"artist": artist_rows, "cd": cd_rows})


# --- Tortoise ORM ---------------------------------------------------------------------------------------

#: A wallet's balances at eight places: Python's ``str`` writes those below 10^-6 with an exponent.
TORTOISE_BALANCES = ("0", "0.00000001", "0.0000005", "1.5", "-0.00000002", "123.45678901", "0.0001")


def tortoise_decimal(value: Decimal | str, places: int) -> str:
    """What Tortoise ORM stores for a ``DecimalField(decimal_places=places)`` in SQLite: the Decimal
    quantized to its places, as Python's ``str`` writes it (``'0E-8'`` for zero at eight places)."""
    return str(Decimal(value).quantize(Decimal(1).scaleb(-places)))


def tortoise_credit(i: int) -> Decimal:
    return Decimal(i * 1234 - 5000) / 100


def tortoise_price(j: int) -> Decimal | None:
    return None if j % 5 == 0 else Decimal(j * 98765 % 1000003) / 10**4


def tortoise_opened(j: int) -> datetime:
    """Each ticket's moment, 7 h apart across Berlin's change to summer time (2024-03-31)."""
    return datetime(2024, 3, 30, 22, 15, 7, 123456, tzinfo=UTC) + timedelta(hours=7 * j, microseconds=13 * j)


def tortoise_text(moment: datetime) -> str:
    """Tortoise's text of an aware datetime in ``Europe/Berlin`` (``use_tz``): ``str`` of the local time."""
    offset = timedelta(hours=2 if moment >= datetime(2024, 3, 31, 1, tzinfo=UTC) else 1)
    return str(moment.astimezone(timezone(offset)))


def tortoise_app(path: Path, customers: int = 12, tickets: int = 24) -> Path:
    """A Tortoise ORM app's database (see the module's list)."""
    ddl = [
        """CREATE TABLE IF NOT EXISTS "customer" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(120) NOT NULL,
    "postcode" VARCHAR(10),
    "credit" VARCHAR(40) NOT NULL,
    "balance" VARCHAR(40),
    "vip" INT NOT NULL,
    "tier" VARCHAR(10) NOT NULL /* FREE: free\nPRO: pro */,
    "birthday" DATE,
    "created" TIMESTAMP NOT NULL,
    "prefs" JSON,
    "avatar" BLOB
)""",
        """CREATE TABLE IF NOT EXISTS "ticket" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "title" VARCHAR(255) NOT NULL,
    "status" SMALLINT NOT NULL /* NEW: 0\nOPEN: 1\nCLOSED: 5 */,
    "opened_at" TIMESTAMP NOT NULL,
    "spent" BIGINT,
    "price" VARCHAR(40),
    "customer_id" CHAR(36) NOT NULL REFERENCES "customer" ("id") ON DELETE CASCADE
)""",
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "customer": [
            (
                str(uuid.UUID(int=i * 7919 + 1)),
                f"{FREE_TEXT[i % len(FREE_TEXT)][:100]} #{i}",
                None if i % 5 == 0 else f"{i * 1013 % 10000:05d}",
                tortoise_decimal(tortoise_credit(i), 2),
                None if i % 6 == 5 else tortoise_decimal(TORTOISE_BALANCES[i % len(TORTOISE_BALANCES)], 8),
                int(i % 3 == 0),
                ("free", "pro")[i % 2],
                None if i % 4 == 0 else f"{1950 + i}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                tortoise_text(tortoise_opened(i)),
                None if i % 3 == 0 else json.dumps({"lang": "de", "n": i}, separators=(",", ":")),
                None if i % 3 == 0 else bytes([0, 255, i]),
            )
            for i in range(customers)
        ],
        "ticket": [
            (
                j + 1,
                f"ticket {j} ☕",
                (0, 1, 5)[j % 3],
                tortoise_text(tortoise_opened(j)),
                None if j % 4 == 0 else j * 37_000_011,
                None if (price := tortoise_price(j)) is None else tortoise_decimal(price, 4),
                str(uuid.UUID(int=j % customers * 7919 + 1)),
            )
            for j in range(tickets)
        ],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- Piccolo ORM ----------------------------------------------------------------------------------------

#: Piccolo's Numeric(digits=(20, 8)) values: NUMERIC affinity stores them as REAL or INTEGER cells.
PICCOLO_RATES = ("0", "0.00000001", "1.5", "123.45678901", "0.0000005")


def piccolo_created(i: int) -> datetime:
    return datetime(2024, 3, 30, 22, 15, 7, 123456, tzinfo=UTC) + timedelta(hours=7 * i, microseconds=13 * i)


def piccolo_run(i: int) -> float | None:
    """An ``Interval`` as Piccolo stores it in SQLite: ``timedelta.total_seconds()``."""
    return None if i % 5 == 2 else timedelta(days=i % 3, seconds=i * 61, microseconds=i * 3).total_seconds()


def piccolo_app(path: Path, bands: int = 15, concerts: int = 24) -> Path:
    """A Piccolo ORM app's database (see the module's list)."""
    band = (
        '"id" INTEGER PRIMARY KEY NOT NULL',
        "\"name\" VARCHAR(100) NOT NULL DEFAULT ''",
        "\"code\" VARCHAR(10) DEFAULT ''",
        '"rate" NUMERIC(20, 8) DEFAULT 0',
        '"created" TIMESTAMPTZ NOT NULL DEFAULT current_timestamp',
        '"rehearsal" TIME DEFAULT CURRENT_TIME',
        '"run" SECONDS DEFAULT 0.0',
        '"uid" UUID NOT NULL DEFAULT None',
        "\"tags\" ARRAY DEFAULT '[]'",
        '"active" BOOLEAN NOT NULL DEFAULT true',
    )
    concert = (
        '"id" INTEGER PRIMARY KEY NOT NULL',
        '"band" INTEGER REFERENCES "band" ("id") ON DELETE CASCADE ON UPDATE CASCADE DEFAULT null',
        "\"title\" TEXT NOT NULL DEFAULT ''",
        '"starts" TIMESTAMPTZ NOT NULL DEFAULT current_timestamp',
    )
    # Piccolo writes each CREATE TABLE on one line, its columns joined by ", ".
    ddl = [
        f'CREATE TABLE IF NOT EXISTS "band" ({", ".join(band)})',
        f'CREATE TABLE IF NOT EXISTS "concert" ({", ".join(concert)})',
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "band": [
            (
                i + 1,
                f"{FREE_TEXT[i % len(FREE_TEXT)][:90]} {i}",
                None if i % 7 == 0 else f"{i * 37 % 1000:04d}",
                None if i % 4 == 0 else PICCOLO_RATES[i % len(PICCOLO_RATES)],  # bound as str(Decimal)
                str(piccolo_created(i)),
                str(time(i % 24, i % 60, i * 7 % 60, i * 1000 % 1000000)),  # str(), as Piccolo binds it
                piccolo_run(i),
                str(uuid.UUID(int=i * 104729 + 3)),
                None if i % 9 == 0 else json.dumps([] if i % 9 == 1 else ["rock", "jazz \u266a", str(i)]),
                int(i % 3 != 0),
            )
            for i in range(bands)
        ],
        "concert": [
            (j + 1, j % bands + 1, f"concert {j} 🎉", str(piccolo_created(j) + timedelta(days=j)))
            for j in range(concerts)
        ],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- Ruby Sequel -----------------------------------------------------------------------------------------

#: BigDecimal amounts a Sequel model saved into ``numeric(12, 2)``: Sequel writes each as an SQL literal
#: (``BigDecimal#to_s('F')``), so NUMERIC affinity stores a REAL, or an INTEGER for a whole one (``10.0``).
SEQUEL_AMOUNTS = ("0.0", "10.0", "137.07", "-42.5", "9999999999.99", "0.01", "1234.3")


def sequel_amount(j: int) -> Decimal | None:
    return None if j % 8 == 0 else Decimal(SEQUEL_AMOUNTS[j % len(SEQUEL_AMOUNTS)])


def sequel_opened(j: int) -> datetime:
    """A ``Time`` a ticket was opened (UTC): Sequel writes six fraction digits even for whole seconds."""
    return datetime(2025, 3, 29, 22, 15, 7, tzinfo=UTC) + timedelta(hours=5 * j, microseconds=1001 * (j % 3))


def sequel_time(moment: datetime, zoned: bool) -> str:
    """Sequel's literal of a ``Time`` on SQLite: ``'%Y-%m-%d %H:%M:%S.%6N'``, and with
    ``use_timestamp_timezones`` the offset without a colon (``+0000``)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f") + (moment.strftime("%z") if zoned else "")


def sequel_app(path: Path, customers: int = 12, tickets: int = 30, *, zoned: bool = False) -> Path:
    """A Ruby Sequel app's database (see the module's list); ``zoned``: the Database's
    ``use_timestamp_timezones = true`` and ``integer_booleans = false``."""
    # Sequel's create_table DDL, on one line, identifiers in backticks; a foreign_key names the table only.
    ddl = [
        "CREATE TABLE `customers` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, "
        "`name` varchar(255) NOT NULL, `email` varchar(120) UNIQUE, `postcode` varchar(10), "
        "`birthday` date, `vip` boolean DEFAULT (0), "
        "`credit_limit` numeric(12, 2), `created_at` timestamp, `avatar` blob, `notes` text)",
        "CREATE TABLE `tickets` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, "
        "`customer_id` integer REFERENCES `customers` ON DELETE CASCADE, `subject` varchar(255) NOT NULL, "
        "`body` text, `priority` integer, `score` double precision, `amount` numeric(12, 2), "
        "`rate` numeric(10, 6), `closed` boolean, `opened_at` timestamp, `due_time` time, "
        "`closed_at` timestamp, `due_on` date, `bytes` bigint)",
    ]
    flag = (lambda b: "t" if b else "f") if zoned else (lambda b: int(b))

    def amount(value: Decimal | None) -> float | None:
        return None if value is None else float(value)  # the literal SQLite reads: a double

    rows: dict[str, list[Sequence[Any]]] = {
        "customers": [
            (
                i + 1,
                f"{FREE_TEXT[i % len(FREE_TEXT)][:60]} {i}",
                None if i % 5 == 0 else f"user{i}@example.com",
                None if i % 4 == 0 else f"{i * 1013 % 10000:05d}",
                None if i % 3 == 0 else date(1950 + i, 1 + i % 12, 1 + i % 28).isoformat(),
                flag(i % 3 == 0),
                amount(sequel_amount(i)),
                sequel_time(
                    datetime(2024, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60, i * 1234, UTC), zoned
                ),
                None if i % 2 == 0 else bytes(b * i % 256 for b in range(256)),  # Sequel.blob: X'..'
                f"Note ☃ {i}",
            )
            for i in range(customers)
        ],
        "tickets": [
            (
                j + 1,
                None if j % 11 == 10 else j % customers + 1,
                f"Ticket {j} – ünïcödé\u00a0{j}",
                None if j % 5 == 0 else f"line1\nline2 {j}",
                j % 5,
                None if j % 4 == 0 else j / 7,
                amount(sequel_amount(j)),
                amount(Decimal(f"0.{j * 4567 % 1000000:06d}")),
                None if j % 10 == 0 else flag(j % 2 == 0),
                sequel_time(sequel_opened(j), zoned),
                f"{j % 24:02d}:{j % 60:02d}:{j * 3 % 60:02d}.000000",  # Sequel::SQLTime
                None if j % 2 else sequel_time(sequel_opened(j) + timedelta(days=2), zoned),
                date(2025, 1 + j % 12, 1 + j % 28).isoformat(),
                j * 987_654_321_987,
            )
            for j in range(tickets)
        ],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- SQLObject and Storm ---------------------------------------------------------------------------------

#: Decimals a Python ORM bound into a ``DECIMAL`` column: NUMERIC affinity stores REAL or INTEGER cells.
PY_ORM_AMOUNTS = ("0.00", "137.07", "-42.50", "9999999.99", "0.01", "1234.30")


def py_orm_amount(i: int) -> Decimal | None:
    return None if i % 6 == 5 else Decimal(PY_ORM_AMOUNTS[i % len(PY_ORM_AMOUNTS)])


def sqlobject_avatar(i: int) -> bytes | None:
    return None if i % 2 == 0 else bytes(b * i % 256 for b in range(64))


def sqlobject_app(path: Path, customers: int = 12, tickets: int = 30) -> Path:
    """A SQLObject app's database (see the module's list)."""
    # createTable's DDL as SQLObject 3.14 writes it for SQLite, indentation and all.
    ddl = [
        "CREATE TABLE customer (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n    name TEXT NOT NULL,\n"
        "    email VARCHAR(120) UNIQUE,\n    postcode VARCHAR(10),\n    birthday DATE,\n    vip BOOLEAN,\n"
        "    credit DECIMAL(12, 2),\n    created TIMESTAMP,\n    avatar TEXT,\n    notes TEXT,\n"
        "    level VARCHAR(6) CHECK (level in ('bronze', 'silver', 'gold'))\n)",
        "CREATE TABLE ticket (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
        "    customer_id INT CONSTRAINT customer_id_exists REFERENCES customer(id) ,\n"
        "    subject TEXT NOT NULL,\n    opened TIMESTAMP,\n    at TIME,\n    rate DECIMAL(10, 6),\n"
        "    closed BOOLEAN,\n    data TEXT,\n    flag VARCHAR(15),\n    js TEXT\n)",
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "customer": [
            (
                i + 1,
                f"{FREE_TEXT[i % len(FREE_TEXT)][:60]} {i}",
                None if i % 5 == 0 else f"u{i}@example.com",
                None if i % 4 == 0 else f"{i * 1013 % 10000:05d}",
                None if i % 3 == 0 else date(1950 + i, 1 + i % 12, 1 + i % 28).isoformat(),
                int(i % 3 == 0),
                None if (credit := py_orm_amount(i)) is None else float(credit),  # sqlrepr: a literal
                # DateTimeCol: always six fraction digits.
                datetime(2024, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 60, i * 1234).strftime(
                    "%Y-%m-%d %H:%M:%S.%f"
                ),
                # BLOBCol on SQLite: the bytes' base64 in a TEXT column.
                None if (avatar := sqlobject_avatar(i)) is None else base64.b64encode(avatar).decode(),
                f"Note ☃ {i}",
                ("bronze", "silver", "gold")[i % 3],
            )
            for i in range(customers)
        ],
        "ticket": [
            (
                j + 1,
                None if j % 11 == 10 else j % customers + 1,
                f"Ticket {j} – ünïcödé\u00a0{j}",
                datetime(2025, 1 + j % 12, 1 + j % 28, j % 24, j * 7 % 60, j * 13 % 60, j * 1001).strftime(
                    "%Y-%m-%d %H:%M:%S.%f"
                ),
                time(j % 24, j % 60, j * 3 % 60).strftime("%H:%M:%S.%f"),
                float(Decimal(f"0.{j * 4567 % 1000000:06d}")),
                None if j % 10 == 0 else int(j % 2 == 0),
                # PickleCol: a pickle's base64, TEXT too.
                None if j % 3 else base64.b64encode(pickle.dumps({"j": j, "tags": ["a", "ü"]}, 5)).decode(),
                f"{j}.{j * 7 % 1000:03d}",  # DecimalStringCol(size=12, precision=3): str() of the Decimal
                None if j % 4 == 1 else json.dumps({"k": j, "v": [1, 2.5, "x"]}),
            )
            for j in range(tickets)
        ],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


def storm_created(i: int) -> datetime:
    """Whole seconds on every fifth row: Storm writes ``str(datetime)``, which then has no fraction."""
    return datetime(2024, 3, 30, 22, 15, 7, 0 if i % 5 == 0 else i * 1234 + 1, UTC) + timedelta(hours=7 * i)


def storm_spent(i: int) -> timedelta | None:
    return None if i % 6 == 2 else timedelta(days=i % 3, seconds=i * 61, microseconds=i * 3)


def storm_app(path: Path, people: int = 12, tickets: int = 30) -> Path:
    """A Storm app's database (see the module's list)."""
    # Storm creates no table: the app's own DDL, as Storm's tutorial writes it.
    ddl = [
        "CREATE TABLE person (id INTEGER PRIMARY KEY, name VARCHAR, postcode VARCHAR, birthday DATE, "
        "vip BOOLEAN, credit DECIMAL(12,2), created TIMESTAMP, created_tz TIMESTAMP, avatar BLOB, "
        "prefs JSON, extra BLOB, wake TIME, spent INTERVAL, uid VARCHAR, raw BLOB)",
        "CREATE TABLE ticket (id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES person(id), "
        "subject VARCHAR, amount NUMERIC(12,2), opened TIMESTAMP, closed BOOLEAN)",
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "person": [
            (
                i + 1,
                f"{FREE_TEXT[i % len(FREE_TEXT)][:60]} {i}",
                None if i % 4 == 0 else f"{i * 1013 % 10000:05d}",
                None if i % 3 == 0 else str(date(1950 + i, 1 + i % 12, 1 + i % 28)),
                int(i % 3 == 0),
                None if (credit := py_orm_amount(i)) is None else str(credit),  # bound as str(Decimal)
                str(storm_created(i).replace(tzinfo=None)),
                str(storm_created(i)),  # DateTime(tzinfo=tzutc()): '+00:00'
                None if i % 2 == 0 else bytes(b * i % 256 for b in range(64)),
                None if i % 4 == 1 else json.dumps({"lang": "pt-BR", "n": i, "x": 1.5}),
                None if i % 3 else pickle.dumps({"i": i, "s": "ü"}, 5),
                None if i % 5 == 1 else str(time(i % 24, i % 60, i * 7 % 60, i * 1000 % 1000000)),
                None if (spent := storm_spent(i)) is None else str(spent),  # '1 day, 0:01:01.000003'
                str(UUID(int=i * 7919 + 1)),
                b"" if i % 10 == 3 else (f"0{i:04d}".encode() if i % 2 else None),  # RawStr
            )
            for i in range(people)
        ],
        "ticket": [
            (
                j + 1,
                None if j % 11 == 10 else j % people + 1,
                f"Ticket {j} – ünïcödé\u00a0{j}",
                None if (amount := py_orm_amount(j)) is None else str(amount),
                str(datetime(2025, 1 + j % 12, 1 + j % 28, j % 24, j * 7 % 60, j * 13 % 60, j * 1001 % 4000)),
                None if j % 10 == 0 else int(j % 2 == 0),
            )
            for j in range(tickets)
        ],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- ormar -----------------------------------------------------------------------------------------------

#: ormar's Decimal(max_digits=20, decimal_places=8): SQLAlchemy binds a float, stored REAL or INTEGER.
ORMAR_RATES = ("0", "0.00000001", "1.5", "123.45678901", "0.0000005")


def ormar_uuid(kind: str, n: int) -> UUID:
    """A version-4 uuid made from its owner's name and number (deterministic, as random-looking)."""
    return UUID(bytes=hashlib.md5(f"{kind}{n}".encode()).digest(), version=4)


def ormar_balance(i: int) -> Decimal:
    return Decimal(f"{i * 7919 % 100000}.{i * 37 % 10000:04d}") * (-1 if i % 5 == 3 else 1)


def ormar_amount(j: int) -> Decimal:
    return Decimal(f"{j * 131 % 10000}.{j % 100:02d}") * (-1 if j % 3 else 1)


def ormar_posted(j: int) -> datetime:
    """``DateTime(timezone=True)``'s moment: SQLite's DATETIME keeps its wall clock, no offset."""
    return datetime(2025, 3, 29, 23, 0, 0) + timedelta(minutes=j * 97, microseconds=j * 11)


def ormar_app(path: Path, accounts: int = 10, entries: int = 30) -> Path:
    """An ormar app's database (see the module's list)."""

    # metadata.create_all's DDL (SQLAlchemy 2.1), one column a line, a tab and a trailing blank each.
    def table(name: str, *lines: str) -> str:
        return f"\nCREATE TABLE {name} (\n\t" + ", \n\t".join(lines) + "\n)\n\n"

    ddl = [
        table("tags", "id CHAR(32) NOT NULL", "name VARCHAR(40) NOT NULL", "PRIMARY KEY (id)"),
        table(
            "accounts",
            "id CHAR(32) NOT NULL",
            "name VARCHAR(100) NOT NULL",
            "balance DECIMAL(18, 4) NOT NULL",
            "rate DECIMAL(20, 8)",
            "opened DATE NOT NULL",
            "wake TIME",
            "active BOOLEAN",
            "logo BLOB",
            "prefs JSON",
            "level VARCHAR(6)",
            "big BIGINT",
            "small SMALLINT",
            "PRIMARY KEY (id)",
        ),
        table(
            "entries",
            "id CHAR(36) NOT NULL",
            "account CHAR(32)",
            "amount DECIMAL(12, 2) NOT NULL",
            "posted DATETIME NOT NULL",
            "memo TEXT",
            "PRIMARY KEY (id)",
            "CONSTRAINT fk_entries_accounts_id_account FOREIGN KEY(account) REFERENCES accounts (id)",
        ),
        table(
            "entrys_tags",
            "id INTEGER NOT NULL",
            "tag CHAR(32)",
            "entry CHAR(36)",
            "PRIMARY KEY (id)",
            "CONSTRAINT fk_entrys_tags_tags_tag_id FOREIGN KEY(tag) REFERENCES tags (id) "
            "ON DELETE CASCADE ON UPDATE CASCADE",
            "CONSTRAINT fk_entrys_tags_entries_entry_id FOREIGN KEY(entry) REFERENCES entries (id) "
            "ON DELETE CASCADE ON UPDATE CASCADE",
        ),
    ]
    tags = ("food", "rent", "café ☕", "travel ✈", "misc")
    junction = [(j, t) for j in range(entries) for t in range(j % 4)]
    rows: dict[str, list[Sequence[Any]]] = {
        "tags": [(ormar_uuid("tag", t).hex, name) for t, name in enumerate(tags)],
        "accounts": [
            (
                ormar_uuid("account", i).hex,  # uuid_format="hex", the default: CHAR(32)
                f"{FREE_TEXT[i % len(FREE_TEXT)][:60]} {i}",
                float(ormar_balance(i)),
                None if i % 4 == 0 else float(Decimal(ORMAR_RATES[i % len(ORMAR_RATES)])),
                date(2020, 1 + i % 12, 1 + i % 28).isoformat(),
                None
                if i % 5 == 1
                else time(i % 24, i % 60, i * 7 % 60, i * 1000).isoformat(timespec="microseconds"),
                None if i % 6 == 0 else int(i % 2 == 0),
                None if i % 2 == 0 else bytes(b * i % 256 for b in range(48)),
                None if i % 4 == 1 else json.dumps({"lang": "pt-BR", "n": i, "s": "ü 😀"}),
                ("bronze", "silver", "gold")[i % 3],
                None if i % 7 == 0 else i * 2**55 - 3,
                i - 30,
            )
            for i in range(accounts)
        ],
        "entries": [
            (
                str(ormar_uuid("entry", j)),  # uuid_format="string": CHAR(36)
                ormar_uuid("account", j % accounts).hex,
                float(ormar_amount(j)),
                ormar_posted(j).strftime("%Y-%m-%d %H:%M:%S.%f"),
                None if j % 4 == 0 else f"memo {j}",
            )
            for j in range(entries)
        ],
        "entrys_tags": [
            (n + 1, ormar_uuid("tag", t).hex, str(ormar_uuid("entry", j)))
            for n, (j, t) in enumerate(junction)
        ],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


def _marshal_int(n: int) -> bytes:
    """Ruby Marshal 4.8's small integer (0, or 1 to 122 as ``n + 5``; all this builder writes)."""
    assert 0 <= n <= 122
    return bytes([0 if n == 0 else n + 5])


def _marshal_symbol(name: str) -> bytes:
    return b":" + _marshal_int(len(name)) + name.encode()


def sequel_marshal(j: int) -> bytes:
    """``Marshal.dump({j: j, s: "ü" * (j + 1)})``: a Hash of two Symbol keys, a Fixnum and a UTF-8
    String (``I"``, its ``:E => true`` instance variable)."""
    text = ("ü" * (j + 1)).encode()
    string = b'I"' + _marshal_int(len(text)) + text + _marshal_int(1) + _marshal_symbol("E") + b"T"
    pairs = _marshal_symbol("j") + b"i" + _marshal_int(j) + _marshal_symbol("s") + string
    return b"\x04\x08{" + _marshal_int(2) + pairs


def ruby_base64(data: bytes) -> str:
    """``[data].pack('m')``: base64 in lines of 60 characters, each ending in a newline."""
    encoded = base64.b64encode(data).decode()
    return "".join(encoded[i : i + 60] + "\n" for i in range(0, len(encoded), 60))


def sequel_yaml(j: int) -> str:
    """Psych's ``to_yaml`` of ``{'name' => ..., 'tags' => [...], 'n' => j, 'when' => ...}``: a
    document that starts ``---`` and ends in a newline (``"n"`` quoted: YAML 1.1 reads n as false)."""
    return f"---\nname: Zoë {j}\ntags:\n- a\n- ü\n\"n\": {j}\nwhen: '2025-01-{1 + j % 28}'\n"


def sequel_serialized(path: Path, docs: int = 20) -> Path:
    """A Sequel model's table of serialized columns (see the module's list)."""
    ddl = [
        "CREATE TABLE `docs` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `ydata` text, "
        "`jdata` text, `mdata` text, `title` varchar(255))"
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "docs": [
            (
                j + 1,
                sequel_yaml(j),
                json.dumps({"k": j, "v": [1, 2.5, "x ☃"]}, ensure_ascii=False, separators=(",", ":")),
                ruby_base64(sequel_marshal(j)),
                f"doc {j}",
            )
            for j in range(docs)
        ]
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- Graphite-web ------------------------------------------------------------------------------------

GRAPHITE_WHAT = (
    "deploy",
    "réparation",
    "rollback",
    "ＦＵＬＬ",
    "maintenance\u00a0window",
    "incident 🔥",
    "  padded  ",
)
GRAPHITE_TAGS = ("prod", "host1", "ünïcode", "v1.2.3")


def graphite_when(e: int) -> datetime:
    """An event's moment as ``epoch_to_dt`` makes it (naive UTC): every other one whole seconds."""
    return datetime(2024, 5, 1) + timedelta(microseconds=e * 3_600_250_000 + (123_456 if e % 2 else 0))


def graphite_what(e: int) -> str:
    return f"{GRAPHITE_WHAT[e % len(GRAPHITE_WHAT)]} #{e}" + ("\u00a0" if e % 5 == 4 else "")


def graphite_data(e: int) -> str:
    return "" if e % 7 == 0 else "détail ✓ " * (e % 3) + json.dumps({"v": e / 8})


def graphite_tags(e: int) -> list[str]:
    return list(GRAPHITE_TAGS[: e % 5])


def graphite_value(s: int, tag: str) -> str:
    """The value of ``tag`` in series ``s``'s path (``disk.used;dc=dc1;rack=001;server=web001``)."""
    return {"dc": f"dc{s % 3}", "rack": f"{s % 7:03d}", "server": f"web{s:03d}"}[tag]


def graphite_web(path: Path, events: int = 24, series: int = 10, links: int = 6) -> Path:
    """Graphite-web's own ``graphite.db`` (see the module's list)."""
    ddl = [
        'CREATE TABLE "django_content_type" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"app_label" varchar(100) NOT NULL, "model" varchar(100) NOT NULL)',
        'CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"password" varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, '
        '"username" varchar(150) NOT NULL UNIQUE, "first_name" varchar(30) NOT NULL, '
        '"email" varchar(254) NOT NULL, "is_staff" bool NOT NULL, '
        '"is_active" bool NOT NULL, "date_joined" datetime NOT NULL, "last_name" varchar(150) NOT NULL)',
        'CREATE TABLE "account_profile" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "history" text NOT '
        'NULL, "advancedUI" bool NOT NULL, "user_id" integer NOT NULL UNIQUE REFERENCES "auth_user" ("id") '
        "DEFERRABLE INITIALLY DEFERRED)",
        'CREATE TABLE "dashboard_dashboard" ("name" varchar(128) NOT NULL PRIMARY KEY, '
        '"state" text NOT NULL)',
        'CREATE TABLE "dashboard_dashboard_owners" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"dashboard_id" varchar(128) NOT NULL REFERENCES "dashboard_dashboard" ("name") DEFERRABLE INITIALLY '
        'DEFERRED, "profile_id" integer NOT NULL REFERENCES "account_profile" ("id") DEFERRABLE INITIALLY '
        "DEFERRED)",
        'CREATE TABLE "events_event" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "when" datetime NOT '
        'NULL, "what" varchar(255) NOT NULL, "data" text NOT NULL, "tags" varchar(255) NOT NULL)',
        'CREATE TABLE "tagging_tag" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(50) NOT '
        "NULL UNIQUE)",
        'CREATE TABLE "tagging_taggeditem" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "object_id" '
        'integer unsigned NOT NULL CHECK ("object_id" >= 0), "content_type_id" integer NOT NULL REFERENCES '
        '"django_content_type" ("id") DEFERRABLE INITIALLY DEFERRED, "tag_id" integer NOT NULL REFERENCES '
        '"tagging_tag" ("id") DEFERRABLE INITIALLY DEFERRED)',
        'CREATE TABLE "tags_series" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "hash" varchar(64) NOT '
        'NULL UNIQUE, "path" text NOT NULL)',
        'CREATE TABLE "tags_tag" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"tag" varchar(191) NOT NULL UNIQUE)',
        'CREATE TABLE "tags_tagvalue" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "value" varchar(191) '
        "NOT NULL UNIQUE)",
        'CREATE TABLE "tags_seriestag" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "series_id" integer '
        'NOT NULL REFERENCES "tags_series" ("id") DEFERRABLE INITIALLY DEFERRED, "tag_id" integer NOT NULL '
        'REFERENCES "tags_tag" ("id") DEFERRABLE INITIALLY DEFERRED, "value_id" integer NOT NULL REFERENCES '
        '"tags_tagvalue" ("id") DEFERRABLE INITIALLY DEFERRED)',
        'CREATE TABLE "url_shortener_link" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "url" text NOT '
        'NULL, "date_submitted" datetime NOT NULL)',
    ]
    users = ("alice", "bøb", "Chloé", "hanna😀")
    joined = datetime(2024, 4, 30, 9, 1, 15, 590014)
    names = [tag for e in range(events) for tag in graphite_tags(e)]
    tag_ids = {tag: n + 1 for n, tag in enumerate(dict.fromkeys(names))}
    tagged = [(e + 1, tag_ids[tag]) for e in range(events) for tag in graphite_tags(e)]
    # The tag database inserts each (tag, value) with INSERT OR IGNORE: an ignored row still takes an id.
    tag_names = ("dc", "rack", "server")
    values: dict[str, int] = {}
    seriestags = []
    for s in range(series):
        for tag in tag_names:
            values.setdefault(graphite_value(s, tag), 10 * s + tag_names.index(tag) + 1)
            seriestags.append((s + 1, tag_names.index(tag) + 1, values[graphite_value(s, tag)]))
    paths = ["disk.used;" + ";".join(f"{t}={graphite_value(s, t)}" for t in tag_names) for s in range(series)]
    dashboards = [f"ops-{d}" + ("é" if d % 3 == 0 else "") for d in range(5)]
    rows: dict[str, list[Sequence[Any]]] = {
        "django_content_type": [(1, "auth", "user"), (2, "dashboard", "dashboard"), (3, "events", "event")],
        "auth_user": [
            (
                u + 1,
                "!" if u == 0 else f"pbkdf2_sha256$180000$salt{u}$" + "A" * 43,
                None if u % 2 else str(joined + timedelta(minutes=u)),
                int(u == 0),
                name,
                name.title(),
                f"{u}@example.org",
                int(u == 0),
                1,
                str(joined + timedelta(seconds=u)),
                "" if u % 2 else "Ng\u00a0Smith",
            )
            for u, name in enumerate(users)
        ],
        "account_profile": [
            (u + 1, "\n".join(f"target=sumSeries(servers.web{j}.cpu)" for j in range(u)), u % 2, u + 1)
            for u in range(len(users))
        ],
        "dashboard_dashboard": [
            (name, json.dumps({"name": name, "graphs": [], "refreshConfig": {"enabled": d % 2 == 0}}))
            for d, name in enumerate(dashboards)
        ],
        "dashboard_dashboard_owners": [(d + 1, name, d % 2 + 1) for d, name in enumerate(dashboards[:3])],
        "events_event": [
            (e + 1, str(graphite_when(e)), graphite_what(e), graphite_data(e), " ".join(graphite_tags(e)))
            for e in range(events)
        ],
        "tagging_tag": [(n, tag) for tag, n in tag_ids.items()],
        "tagging_taggeditem": [(n + 1, event, 3, tag) for n, (event, tag) in enumerate(tagged)],
        "tags_series": [(s + 1, hashlib.sha256(p.encode()).hexdigest(), p) for s, p in enumerate(paths)],
        "tags_tag": [(n + 1, tag) for n, tag in enumerate(tag_names)],
        "tags_tagvalue": [(n, value) for value, n in values.items()],
        "tags_seriestag": [(n + 1, *row) for n, row in enumerate(seriestags)],
        "url_shortener_link": [
            (
                k + 1,
                f"render/?target=servers.web{k}.cpu&from=-{k}h",
                str(joined + timedelta(hours=k, microseconds=k)),
            )
            for k in range(links)
        ],
    }
    return write_export(path, ddl, rows)


# --- pyLoad-ng ----------------------------------------------------------------------------------------

PYLOAD_SIZES = (0, 1, 734_003_200, 4_700_000_000, 2**31, 123_456_789_012)
PYLOAD_NAMES = (
    "Ubuntu ISO",
    "Fotos Sommer 2024 ☀",
    "série\u00a0complète",
    "  spaced name  ",
    "00123",
    "a" * 200,
)


def pyload_link(p: int, k: int) -> tuple[str, str]:
    """The URL of a package's link and the name pyLoad gives it (the URL's last part)."""
    host = ("http://example.com/files/", "https://speed.hetzner.de/", "ftp://ftp.example.org/pub/")[
        (p + k) % 3
    ]
    name = f"{'file' if k % 2 else 'Datei ü'}_{p}_{k}.{('zip', 'iso', 'part1.rar', 'mkv')[k % 4]}"
    return host + name, name


def pyload_created_ms(k: int) -> int:
    return 1_714_521_600_123 + k * 86_400_017


def pyload_core(path: Path, packages: int = 12, users: int = 4) -> Path:
    """pyLoad-ng's own ``pyload.db`` (see the module's list)."""
    ddl = [
        'CREATE TABLE "packages" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL, '
        '"folder" TEXT, "password" TEXT DEFAULT "", "site" TEXT DEFAULT "", '
        '"queue" INTEGER DEFAULT 0 NOT NULL, "packageorder" INTEGER DEFAULT 0 NOT NULL)',
        'CREATE TABLE "links" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "url" TEXT NOT NULL, "name" TEXT, '
        '"size" INTEGER DEFAULT 0 NOT NULL, "status" INTEGER DEFAULT 3 NOT NULL, "plugin" TEXT DEFAULT '
        '"DefaultPlugin" NOT NULL, "error" TEXT DEFAULT "", "linkorder" INTEGER DEFAULT 0 NOT NULL, '
        '"package" INTEGER DEFAULT 0 NOT NULL, FOREIGN KEY(package) REFERENCES packages(id))',
        'CREATE TABLE "storage" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "identifier" TEXT NOT NULL, '
        '"key" TEXT NOT NULL, "value" TEXT DEFAULT "")',
        'CREATE TABLE "users" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL, "email" TEXT '
        'DEFAULT "" NOT NULL, "password" TEXT NOT NULL, "role" INTEGER DEFAULT 0 NOT NULL, "permission" '
        'INTEGER DEFAULT 0 NOT NULL, "template" TEXT DEFAULT "default" NOT NULL)',
        'CREATE TABLE "apikeys" ("id" INTEGER PRIMARY KEY, "user_id" INTEGER NOT NULL, "name" TEXT NOT NULL, '
        '"key_hash" TEXT NOT NULL UNIQUE, "created_at" INTEGER NOT NULL, "expires_at" INTEGER, '
        '"last_used" INTEGER, FOREIGN KEY(user_id) REFERENCES users(id) ON DELETE CASCADE)',
        'CREATE INDEX "p_id_index" ON links(package)',
        'CREATE INDEX "apikeys_userid_index" ON apikeys(user_id)',
        'CREATE VIEW "pstats" AS SELECT p.id AS id, SUM(l.size) AS sizetotal, COUNT(l.id) AS linkstotal '
        "FROM packages p JOIN links l ON p.id = l.package GROUP BY p.id",
    ]
    names = [f"{PYLOAD_NAMES[p % len(PYLOAD_NAMES)]} {p}" for p in range(packages)]
    links = [(p, k) for p in range(packages) for k in range(p % 4 + 1)]
    people = ("pyload", "alice", "bøb", "Chloé😀")[:users]
    rows: dict[str, list[Sequence[Any]]] = {
        "packages": [
            (
                p + 1,
                name,
                "_".join(name.split()),  # str.split: no-break spaces too
                ("", "geheim", "pässwörd 🔑")[p % 3],
                "" if p % 2 else f"https://forum.example/t/{p}",
                p % 2,
                p // 2,
            )
            for p, name in enumerate(names)
        ],
        "links": [
            (
                n + 1,
                *pyload_link(p, k),
                PYLOAD_SIZES[n % len(PYLOAD_SIZES)],
                n % 14,
                "Ftp" if pyload_link(p, k)[0].startswith("ftp:") else "DefaultPlugin",
                "Connection timed out" if n % 14 == 8 else "",
                k,
                p + 1,
            )
            for n, (p, k) in enumerate(links)
        ],
        "storage": [
            (1, "ExtractArchive", "passwords", "geheim\n1234\n007"),
            (2, "UpdateManager", "last_check", "1796461425"),
            (3, "UnSkipOnFail", "enabled", ""),
        ],
        "users": [
            (
                u + 1,
                name,
                "",
                hashlib.sha384(name.encode()).hexdigest(),
                u % 2,
                (1 << u) - 1 + 64 * (u % 2),
                "default",
            )
            for u, name in enumerate(people)
        ],
        "apikeys": [
            (
                k + 1,
                k % users + 1,
                ("CLI key ✓", "", "backup")[k],
                hashlib.sha256(bytes([k])).hexdigest(),
                pyload_created_ms(k),
                0 if k == 1 else pyload_created_ms(k) + 30 * 86_400_000,
                0 if k == 0 else pyload_created_ms(k) + 3_600_000,
            )
            for k in range(3)
        ],
    }
    return write_export(path, ddl, rows)


# --- Mopidy-Local -------------------------------------------------------------------------------------

MOPIDY_ARTISTS = ("Björk", "Sigur Rós", "坂本龍一", "The\u00a0Beatles", "Motörhead", "Beyoncé 🐝")
MOPIDY_ALBUMS = ("Homogenic", "Ágætis byrjun", "async", "Abbey Road", "Ace of Spades", "Lemonade")
MOPIDY_DATES = ("1997-09-22", "1999", "2017-03-29", "1969-09-26", "1980-11", None)
MOPIDY_TRACK_FIELDS = (
    "uri, name, album, artists, composers, performers, genre, track_no, disc_no, date, length, bitrate, "
    "comment, musicbrainz_id, last_modified"
)
MOPIDY_SCHEMA = (
    "CREATE TABLE artist (uri TEXT PRIMARY KEY, name TEXT NOT NULL, sortname TEXT, musicbrainz_id TEXT)",
    "CREATE TABLE album (uri TEXT PRIMARY KEY, name TEXT NOT NULL, artists TEXT, num_tracks INTEGER, "
    "num_discs INTEGER, date TEXT, musicbrainz_id TEXT, images TEXT, "
    "FOREIGN KEY (artists) REFERENCES artist (uri))",
    "CREATE TABLE track (uri TEXT PRIMARY KEY, name TEXT NOT NULL, album TEXT, artists TEXT, composers TEXT, "
    "performers TEXT, genre TEXT, track_no INTEGER, disc_no INTEGER, date TEXT, length INTEGER, "
    "bitrate INTEGER, comment TEXT, musicbrainz_id TEXT, last_modified INTEGER, "
    "FOREIGN KEY (album) REFERENCES album (uri), FOREIGN KEY (artists) REFERENCES artist (uri), "
    "FOREIGN KEY (composers) REFERENCES artist (uri), FOREIGN KEY (performers) REFERENCES artist (uri))",
    "CREATE INDEX album_date_index ON album (date)",
    "CREATE INDEX track_date_index ON track (date)",
    "CREATE INDEX track_last_modified_index ON track (last_modified)",
    "CREATE VIEW albums AS SELECT album.uri AS uri, album.name AS name, artist.uri AS artist_uri, "
    "artist.name AS artist_name, album.date AS date FROM album "
    "LEFT OUTER JOIN artist ON album.artists = artist.uri",
    "CREATE VIEW tracks AS SELECT track.rowid AS docid, track.uri AS uri, track.name AS name, "
    "track.genre AS genre, track.track_no AS track_no, track.disc_no AS disc_no, track.date AS date, "
    "track.comment AS comment, track.musicbrainz_id AS musicbrainz_id, album.name AS album_name, "
    "album.date AS album_date, album.musicbrainz_id AS album_musicbrainz_id, artist.name AS artist_name, "
    "artist.musicbrainz_id AS artist_musicbrainz_id, composer.name AS composer_name, "
    "performer.name AS performer_name, albumartist.name AS albumartist_name FROM track "
    "LEFT OUTER JOIN album ON track.album = album.uri LEFT OUTER JOIN artist ON track.artists = artist.uri "
    "LEFT OUTER JOIN artist AS composer ON track.composers = composer.uri "
    "LEFT OUTER JOIN artist AS performer ON track.performers = performer.uri "
    "LEFT OUTER JOIN artist AS albumartist ON album.artists = albumartist.uri",
    "CREATE VIEW search AS SELECT docid AS docid, uri AS uri, name AS track_name, album_name AS album, "
    "artist_name AS artist, composer_name AS composer, performer_name AS performer, "
    "albumartist_name AS albumartist, genre AS genre, track_no AS track_no, disc_no AS disc_no, "
    "coalesce(date, album_date) AS date, comment AS comment, musicbrainz_id AS musicbrainz_trackid, "
    "album_musicbrainz_id AS musicbrainz_albumid, artist_musicbrainz_id AS musicbrainz_artistid FROM tracks",
    "CREATE VIRTUAL TABLE fts USING fts3 (uri, track_name, album, artist, composer, performer, "
    "albumartist, genre, track_no, disc_no, date, comment, musicbrainz_trackid, musicbrainz_albumid, "
    "musicbrainz_artistid)",
    "CREATE TRIGGER track_after_insert AFTER INSERT ON track BEGIN INSERT INTO fts (docid, uri, track_name, "
    "album, artist, composer, performer, albumartist, genre, track_no, disc_no, date, comment, "
    "musicbrainz_trackid, musicbrainz_albumid, musicbrainz_artistid) "
    "SELECT * FROM search WHERE docid = new.rowid; END",
)


def mopidy_uri(kind: str, name: str) -> str:
    """A model's URI as Mopidy-Local makes one of a model without its own: ``local:<kind>:md5:<hex>``."""
    return f"local:{kind}:md5:{hashlib.md5(name.encode()).hexdigest()}"


def mopidy_date(a: int, t: int) -> str | None:
    """A track's date as its tags wrote it: the album's, the year alone on some tracks."""
    found = MOPIDY_DATES[a % len(MOPIDY_DATES)]
    return found[:4] if found is not None and t % 3 == 2 else found


def mopidy_tracks(albums: int) -> list[tuple[int, int]]:
    return [(a, t) for a in range(albums) for t in range(3 + a % 3)]


def mopidy_length(n: int) -> int:
    return 180_000 + n * 12_345


def mopidy_modified(n: int) -> int:
    return 1_796_461_748_367 + n * 1_003


def mopidy_local(path: Path, albums: int = 6) -> Path:
    """Mopidy-Local's ``library.db`` after a scan (see the module's list)."""
    artists = [
        (mopidy_uri("artist", name), name, None, str(UUID(int=a * 104_729 + 5)))
        for a, name in enumerate(MOPIDY_ARTISTS[:albums])
    ]
    composer = (mopidy_uri("artist", "Ryuichi Sakamoto"), "Ryuichi Sakamoto", None, None)
    album_rows = [
        (
            mopidy_uri("album", MOPIDY_ALBUMS[a]),
            MOPIDY_ALBUMS[a],
            artists[a][0],
            3 + a % 3,
            None,
            MOPIDY_DATES[a % len(MOPIDY_DATES)],
            str(UUID(int=a * 7919 + 11)),
            None,
        )
        for a in range(albums)
    ]
    tracks = [
        (
            f"local:track:{a:02d}%20album/{t + 1:02d}%20track%20{n}.{'flac' if (a + t) % 2 else 'ogg'}",
            f"Track {n} – {('Jóga', 'andata', 'Come Together', 'Formation 💃')[t % 4]}",
            album_rows[a][0],
            artists[a][0],
            composer[0] if t % 2 == 0 else None,
            None,
            None if a == 5 else ("Electronic", "Post-rock", "Ambient", "Rock", "Heavy Metal")[a],
            t + 1,
            1,
            mopidy_date(a, t),
            mopidy_length(n),
            None if (a + t) % 2 else 80_000,
            "Remastered 2009 – ré-édition\u00a0“deluxe”" if t % 3 == 0 else None,
            str(UUID(int=n * 31_337 + 1)),
            mopidy_modified(n),
        )
        for n, (a, t) in enumerate(mopidy_tracks(albums))
    ]
    con = sqlite3.connect(path)
    with con:
        for statement in MOPIDY_SCHEMA:
            con.execute(statement)
        con.executemany("INSERT INTO artist VALUES (?, ?, ?, ?)", [*artists, composer])
        con.executemany("INSERT INTO album VALUES (?, ?, ?, ?, ?, ?, ?, ?)", album_rows)
        con.executemany(f"INSERT INTO track ({MOPIDY_TRACK_FIELDS}) VALUES ({', '.join('?' * 15)})", tracks)
        con.execute("PRAGMA user_version = 7")
    con.execute("ANALYZE")  # mopidy local scan ends so: sqlite_stat1
    con.close()
    return path


# --- Jupyter collaboration: pycrdt-store's Y store and jupyter-server-fileid ---------------------------

JUPYTER_FIRST_SECONDS = 1_796_461_283.827945  # time.time() when the first update was stored
JUPYTER_FIRST_MTIME_NS = 1_796_461_275_462_622_039  # os.stat(...).st_mtime_ns of the oldest file


def jupyter_file_id(n: int) -> str:
    """File ``n``'s id as the manager makes one (``str(uuid.uuid4())``), here from its number."""
    return str(UUID(bytes=hashlib.sha256(f"file {n}".encode()).digest()[:16], version=4))


def jupyter_document(n: int) -> str:
    """The Y store's name of document ``n``: a notebook, every fifth a plain text file."""
    kind = "text:file" if n % 5 == 4 else "json:notebook"
    return f"{kind}:{jupyter_file_id(n)}"


def jupyter_update_time(k: int) -> float:
    """When update ``k`` was stored: ``time.time()``, microseconds and below; update 7 at a whole
    second, which SQLite keeps as the REAL ``1796461288.0``."""
    if k == 7:
        return 1_796_461_288.0
    return JUPYTER_FIRST_SECONDS + k * 0.020187 + (k % 3) * 1e-7


def jupyter_update(k: int) -> bytes:
    """Update ``k``'s bytes: a Yjs v1 update's shape (a count of structs, a client id as a varint),
    then bytes of the update's number; update 0 of a document is its whole notebook (kilobytes)."""
    body = hashlib.sha256(f"update {k}".encode()).digest() * (1 + (k % 4 == 0) * 60)
    return bytes([1, 2 + k % 3, 0x80 | k % 128, 0x9A, 0x05]) + body + b"\x00"


def jupyter_metadata(k: int) -> bytes:
    """What the metadata callback returned: ``b''`` by default (no callback), JSON bytes beside."""
    if k % 3 == 0:
        return b""
    return json.dumps({"user": f"zoë {k % 4}", "client": "JupyterLab 4 \U0001f680"}).encode()


def jupyter_updates(documents: int, per_document: int) -> list[tuple[str, bytes, bytes, float]]:
    return [
        (jupyter_document(k % documents), jupyter_update(k), jupyter_metadata(k), jupyter_update_time(k))
        for k in range(documents * per_document)
    ]


def jupyter_ystore(path: Path, documents: int = 6, per_document: int = 5) -> Path:
    """pycrdt-store's ``SQLiteYStore`` file (see the module's list): ``documents * per_document``
    updates, documents taken in turn, and a checkpoint of each of the first four documents."""
    ddl = [
        "CREATE TABLE yupdates (path TEXT NOT NULL, yupdate BLOB, metadata BLOB, timestamp REAL NOT NULL)",
        "CREATE INDEX idx_yupdates_path_timestamp ON yupdates (path, timestamp)",
        "CREATE TABLE ycheckpoints (path TEXT NOT NULL, checkpoint BLOB NOT NULL, "
        "timestamp REAL NOT NULL, PRIMARY KEY(path))",
        "PRAGMA user_version = 2",
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "yupdates": list(jupyter_updates(documents, per_document)),
        "ycheckpoints": [
            (jupyter_document(n), jupyter_update(n) + jupyter_update(n + 100), jupyter_update_time(n) + 0.5)
            for n in range(min(4, documents))
        ],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


JUPYTER_ROOT = "/home/zoë/notebooks"
JUPYTER_FOLDERS = ("", "analyses", "données \U0001f4ca", "reports", "reports/2024")


def jupyter_file_path(n: int) -> str:
    """File ``n``'s absolute path: the root and its folders first, then notebooks and notes."""
    if n < len(JUPYTER_FOLDERS):
        return "/".join(filter(None, (JUPYTER_ROOT, JUPYTER_FOLDERS[n])))
    folder = JUPYTER_FOLDERS[n % len(JUPYTER_FOLDERS)]
    name = f"notes\u00a0{n}.txt" if n % 6 == 0 else f"nb_{n:03d}.ipynb"
    return "/".join(filter(None, (JUPYTER_ROOT, folder, name)))


def jupyter_ino(n: int) -> int:
    return 2_229_260 + n * 1_217


def jupyter_mtime(n: int) -> int:
    """``st_mtime_ns``: the nanosecond the file last changed (ext4 keeps nanoseconds)."""
    return JUPYTER_FIRST_MTIME_NS + n * 60_123_456_789


def jupyter_file_ids(path: Path, files: int = 24) -> Path:
    """jupyter-server-fileid's ``file_id.db`` of a ``LocalFileIdManager`` (see the module's list)."""
    ddl = [
        "CREATE TABLE Files(id TEXT PRIMARY KEY NOT NULL, path TEXT NOT NULL, ino INTEGER NOT NULL UNIQUE, "
        "crtime INTEGER, mtime INTEGER NOT NULL, is_dir TINYINT NOT NULL)",
        "CREATE INDEX ix_Files_path ON Files (path)",
        "CREATE INDEX ix_Files_is_dir ON Files (is_dir)",
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "Files": [
            (
                jupyter_file_id(n),
                jupyter_file_path(n),
                jupyter_ino(n),
                None,
                jupyter_mtime(n),
                int(n < len(JUPYTER_FOLDERS)),  # a Python bool, bound as 0/1
            )
            for n in range(files)
        ]
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- pytest-testmon ------------------------------------------------------------------------------------

TESTMON_ENVIRONMENTS = ("default", "py3.11 ünï")
TESTMON_PACKAGES = "Jinja2 3.1, MarkupSafe 3.0, coverage 7.18, pytest 9.2, pytest-testmon 2.2"
TESTMON_FILES = ("calc.py", "test_calc.py", "données/util.py")
#: testmon's counters, as ``write_attribute`` and ``increment_attributes`` bind them (JSON numbers).
TESTMON_METADATA = (
    ("None:time_saved", 0.0881395439973858),
    ("None:time_all", 0.294131570964965),
    ("None:tests_saved", 136),
    ("None:tests_all", 410),
)
TESTMON_NAMES = ("Zo\\xeb", "na\\xefve\\xa0user", "\\u65e5\\u672c", "", "x" * 120)


def testmon_test_name(n: int) -> str:
    """Test ``n``'s node id as pytest makes it: non-ASCII parameters escaped (``\\xeb``)."""
    if n % 3 == 0:
        return f"test_calc.py::test_greet[{TESTMON_NAMES[n % len(TESTMON_NAMES)]}-{n}]"
    return f"test_calc.py::test_add[{n}-{2 * n}]"


def testmon_duration(n: int) -> float:
    """Seconds test ``n`` took (``time.perf_counter`` differences)."""
    return 0.000357262000761693 + n * 0.00012345678901 + (n % 4 == 0) * 0.01


def testmon_failed(n: int) -> int:
    return int(n % 7 == 5)


def testmon_checksums(f: int, version: int) -> bytes:
    """A file's method checksums: ``array('i', ...)`` of its blocks' CRCs, as testmon packs them."""
    sums = [zlib.crc32(f"{TESTMON_FILES[f]} block {b} v{version}".encode()) - 2**31 for b in range(2 + f)]
    return array.array("i", sums).tobytes()


def testmon_fingerprint(e: int) -> int:
    """The ``file_fp`` row a link row ``e`` names: test ``e // 2`` depends on two files."""
    return 10 + (e // 2) % 2 * 3 + e % 2


def testmon_data(path: Path, tests: int = 24) -> Path:
    """pytest-testmon's ``.testmondata`` (see the module's list): ``tests`` executions in the first
    environment, each depending on two fingerprints."""
    ddl = [
        "CREATE TABLE metadata (dataid TEXT PRIMARY KEY, data TEXT)",
        """CREATE TABLE environment (
                id INTEGER PRIMARY KEY ASC,
                environment_name TEXT,
                system_packages TEXT,
                python_version TEXT,
                UNIQUE (environment_name, system_packages, python_version)
            )""",
        """CREATE TABLE test_execution (
                id INTEGER PRIMARY KEY ASC,
                environment_id INTEGER,
                test_name TEXT,
                duration FLOAT,
                failed BIT,
                forced BIT,
                FOREIGN KEY(environment_id) REFERENCES environment(id) ON DELETE CASCADE)""",
        "CREATE INDEX test_execution_fk_name ON test_execution (environment_id, test_name)",
        """CREATE TABLE file_fp
            (
                id INTEGER PRIMARY KEY,
                filename TEXT,
                method_checksums BLOB,
                mtime FLOAT,
                fsha TEXT,
                UNIQUE (filename, fsha, method_checksums)
            )""",
        """CREATE TABLE test_execution_file_fp (
                test_execution_id INTEGER,
                fingerprint_id INTEGER,
                FOREIGN KEY(test_execution_id) REFERENCES test_execution(id) ON DELETE CASCADE,
                FOREIGN KEY(fingerprint_id) REFERENCES file_fp(id)
            )""",
        "CREATE INDEX test_execution_file_fp_both ON test_execution_file_fp "
        "(test_execution_id, fingerprint_id)",
        """CREATE TABLE suite_execution_file_fsha (
                suite_execution_id INTEGER,
                filename TEXT,
                fsha text,
                FOREIGN KEY(suite_execution_id) REFERENCES suite_execution(id) ON DELETE CASCADE
                )""",
        "CREATE UNIQUE INDEX sefch_suite_id_filename_sha ON "
        "suite_execution_file_fsha(suite_execution_id, filename, fsha)",
    ]
    # file_fp 10, 11 and 13, 14: two files in two versions each (checksums changed between runs, fsha
    # the same); 16 a file no test depends on.
    fingerprints = [
        (
            10 + f * 3 + v,
            TESTMON_FILES[f],
            testmon_checksums(f, v),
            None,
            hashlib.sha1(TESTMON_FILES[f].encode()).hexdigest(),
        )
        for f in range(2)
        for v in range(2)
    ] + [(16, TESTMON_FILES[2], testmon_checksums(2, 0), None, hashlib.sha1(b"util").hexdigest())]
    rows: dict[str, list[Sequence[Any]]] = {
        "metadata": list(TESTMON_METADATA),
        "environment": [
            (i + 1, name, TESTMON_PACKAGES, "3.11.7") for i, name in enumerate(TESTMON_ENVIRONMENTS)
        ],
        "test_execution": [
            (n + 1, 1, testmon_test_name(n), testmon_duration(n), testmon_failed(n), None)
            for n in range(tests)
        ],
        "file_fp": fingerprints,
        "test_execution_file_fp": [(e // 2 + 1, testmon_fingerprint(e)) for e in range(2 * tests)],
        "suite_execution_file_fsha": [],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- mypy's SQLite cache -------------------------------------------------------------------------------

MYPY_MODULES = ("pkg", "pkg.money", "pkg.app", "zipfile", "typing_extensions", "importlib._bootstrap")
MYPY_FIRST_WRITE = 1_796_461_642.11772  # time.time() when the first entry was written


def mypy_entry_path(m: int, kind: str) -> str:
    """The cache path of module ``m``'s ``kind`` (``data``, ``meta``, ``meta_ex``): a package's
    ``__init__``."""
    name = MYPY_MODULES[m]
    package = any(other.startswith(name + ".") for other in MYPY_MODULES) or name == "zipfile"
    return name.replace(".", "/") + ("/__init__" if package else "") + f".{kind}.json"


def mypy_mtime(e: int) -> float:
    """When entry ``e`` was written: ``time.time()``, five fraction digits as SQLite prints them."""
    return MYPY_FIRST_WRITE + e * 0.0451 + (e % 3) * 0.00011


def mypy_data(m: int, kind: str) -> bytes:
    """Entry ``(m, kind)``'s JSON as mypy writes it (``json_dumps``: sorted keys, no spaces), in bytes."""
    name = MYPY_MODULES[m]
    hashes = [hashlib.sha1(f"{name} {d}".encode()).hexdigest() for d in range(1 + m % 3)]
    if kind == "data":
        doc = "Paquet de démonstration \U0001f680" if m == 0 else None
        value: dict[str, Any] = {
            ".class": "MypyFile",
            "_fullname": name,
            "is_stub": m >= 3,
            "names": {".class": "SymbolTable", "__doc__": doc, "total": {"kind": "Gdef"} if m == 1 else None},
        }
    elif kind == "meta":
        value = {
            "data_mtime": int(MYPY_FIRST_WRITE) + m,
            "dep_hashes": hashes,
            "dep_lines": [1] * len(hashes),
        }
    else:
        value = {"dep_hashes": hashes, "dependencies": ["builtins", "abc"][: 1 + m % 2]}
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def mypy_cache(path: Path) -> Path:
    """One shard of mypy's SQLite cache (see the module's list): three entries a module."""
    ddl = [
        "CREATE TABLE files2 (\n    path TEXT UNIQUE NOT NULL,\n    mtime REAL,\n    data BLOB\n)",
        "CREATE INDEX path_idx on files2(path)",
    ]
    entries = [(m, kind) for m in range(len(MYPY_MODULES)) for kind in ("data", "meta", "meta_ex")]
    rows: dict[str, list[Sequence[Any]]] = {
        "files2": [
            (mypy_entry_path(m, kind), mypy_mtime(e), mypy_data(m, kind))
            for e, (m, kind) in enumerate(entries)
        ]
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- Aim -----------------------------------------------------------------------------------------------

AIM_EXPERIMENTS = ("default", "baseline", "ablation ü", "données \U0001f4ca")
AIM_TAGS = ("best", "shared", "tag with\u00a0nbsp", "000123", "prod \u2705")
AIM_FIRST = datetime(2026, 12, 5, 9, 9, 3, 217603)  # datetime.utcnow() when `aim init` ran


def aim_moment(k: int) -> datetime:
    """The ``k``-th moment the SDK stamped (naive UTC); moment 6 on a whole second."""
    moment = AIM_FIRST + timedelta(seconds=k * 0.131071)
    return moment.replace(microsecond=0) if k == 6 else moment


def aim_text(moment: datetime) -> str:
    """SQLAlchemy's DATETIME text on SQLite: six fraction digits, always."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def aim_run_hash(r: int) -> str:
    return hashlib.sha256(f"run {r}".encode()).hexdigest()[:24]


def aim_run_name(r: int) -> str:
    return f"run {r} " + ("Café\u00a0crème \U0001f680", "長い文章" * 30, "lr=1e-3", "naïve")[r % 4]


def aim_finalized(r: int) -> datetime | None:
    """A run closed by the SDK is finalized a second after it started; every seventh never was."""
    return None if r % 7 == 6 else aim_moment(3 * r + 1) + timedelta(seconds=1)


def aim_repo(path: Path, runs: int = 20) -> Path:
    """Aim's ``run_metadata.sqlite`` (see the module's list)."""
    ddl = [
        "CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\t"
        "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)",
        "CREATE TABLE experiment (\n\tid INTEGER NOT NULL, \n\tuuid TEXT, \n\tname TEXT NOT NULL, \n\t"
        "created_at DATETIME, \n\tupdated_at DATETIME, is_archived BOOLEAN, description TEXT, \n\t"
        "PRIMARY KEY (id), \n\tUNIQUE (name), \n\tUNIQUE (name)\n)",
        "CREATE UNIQUE INDEX ix_experiment_uuid ON experiment (uuid)",
        "CREATE TABLE tag (\n\tid INTEGER NOT NULL, \n\tuuid TEXT, \n\tname TEXT NOT NULL, \n\t"
        "color TEXT, \n\tcreated_at DATETIME, \n\tupdated_at DATETIME, "
        "is_archived BOOLEAN, description TEXT, \n\t"
        "PRIMARY KEY (id), \n\tUNIQUE (name), \n\tUNIQUE (name)\n)",
        "CREATE UNIQUE INDEX ix_tag_uuid ON tag (uuid)",
        "CREATE TABLE run (\n\tid INTEGER NOT NULL, \n\thash TEXT NOT NULL, \n\tname TEXT, \n\t"
        "description TEXT, \n\tis_archived BOOLEAN, \n\tcreated_at DATETIME, \n\tupdated_at DATETIME, \n\t"
        "experiment_id INTEGER, finalized_at DATETIME, \n\tPRIMARY KEY (id), \n\t"
        "FOREIGN KEY(experiment_id) REFERENCES experiment (id)\n)",
        "CREATE UNIQUE INDEX ix_run_hash ON run (hash)",
        "CREATE TABLE run_tag (\n\trun_id INTEGER NOT NULL, \n\ttag_id INTEGER NOT NULL, \n\t"
        "PRIMARY KEY (run_id, tag_id), \n\tFOREIGN KEY(run_id) REFERENCES run (id), \n\t"
        "FOREIGN KEY(tag_id) REFERENCES tag (id)\n)",
        'CREATE TABLE IF NOT EXISTS "note" (\n\tid INTEGER NOT NULL, \n\tcontent TEXT NOT NULL, \n\t'
        "run_id INTEGER, \n\tcreated_at DATETIME, \n\tupdated_at DATETIME, \n\texperiment_id INTEGER, \n\t"
        "PRIMARY KEY (id), \n\tCONSTRAINT fk_experiment_note FOREIGN KEY(experiment_id) REFERENCES "
        "experiment (id), \n\tFOREIGN KEY(run_id) REFERENCES run (id)\n)",
        "CREATE TABLE note_audit_log (\n\tid INTEGER NOT NULL, \n\tnote_id INTEGER NOT NULL, \n\t"
        "datetime DATETIME, \n\taction TEXT, \n\tbefore_edit TEXT, \n\tafter_edit TEXT, \n\t"
        "PRIMARY KEY (id), \n\tFOREIGN KEY(note_id) REFERENCES note (id) ON DELETE CASCADE\n)",
        "CREATE TABLE run_info (\n\tid INTEGER NOT NULL, \n\trun_id INTEGER, \n\tcreated_at DATETIME, \n\t"
        "updated_at DATETIME, \n\tlast_notification_index INTEGER, \n\tPRIMARY KEY (id), \n\t"
        "FOREIGN KEY(run_id) REFERENCES run (id)\n)",
    ]
    notes = runs // 2
    rows: dict[str, list[Sequence[Any]]] = {
        "alembic_version": [("46b89d830ad8",)],
        "experiment": [
            (
                e + 1,
                str(UUID(int=e * 7919 + 11, version=4)),
                name,
                aim_text(aim_moment(e)),
                aim_text(aim_moment(e + 90)),
                int(e == 3),
                (None, "", "ablation study", name)[e],
            )
            for e, name in enumerate(AIM_EXPERIMENTS)
        ],
        "tag": [
            (
                t + 1,
                str(UUID(int=t * 104729 + 5, version=4)),
                name,
                "#ff0000" if t == 0 else None,
                aim_text(aim_moment(t + 40)),
                aim_text(aim_moment(t + 40)),
                0,
                "the best \u2705" if t == 0 else None,
            )
            for t, name in enumerate(AIM_TAGS)
        ],
        "run": [
            (
                r + 1,
                aim_run_hash(r),
                aim_run_name(r),
                None if r % 3 else "",
                int(r % 5 == 0),
                aim_text(aim_moment(3 * r)),
                aim_text(aim_moment(3 * r + 1)),
                r % len(AIM_EXPERIMENTS) + 1,
                None if (done := aim_finalized(r)) is None else aim_text(done),
            )
            for r in range(runs)
        ],
        "run_tag": [(r + 1, t + 1) for r in range(0, runs, 3) for t in {r % 4, 1}],
        "note": [
            (
                n + 1,
                f"note {n} café\u00a0crème \U0001f680" + " détail" * n,
                runs - n,
                aim_text(aim_moment(n + 70)),
                aim_text(aim_moment(n + 70)),
                None,
            )
            for n in range(notes)
        ],
        "note_audit_log": [
            (
                n + 1,
                n + 1,
                aim_text(aim_moment(n + 70)),
                "Created",
                "",
                f"note {n} café\u00a0crème \U0001f680" + " détail" * n,
            )
            for n in range(notes)
        ],
        "run_info": [],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- An IRC core (Quassel's quassel-storage.sqlite) -------------------------------------------------------

IRC_CORE_DDL = (
    "CREATE TABLE quasseluser (userid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, username TEXT UNIQUE NOT "
    "NULL, password TEXT NOT NULL, hashversion INTEGER NOT NULL DEFAULT 0, "
    'authenticator TEXT NOT NULL DEFAULT "Database")',
    "CREATE TABLE sender (senderid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, sender TEXT NOT NULL, "
    "realname TEXT, avatarurl TEXT)",
    "CREATE TABLE network (networkid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, userid INTEGER NOT NULL, "
    "networkname TEXT NOT NULL, identityid INTEGER NOT NULL DEFAULT 1, encodingcodec TEXT NOT NULL DEFAULT "
    '"ISO-8859-15", servercodec TEXT NOT NULL DEFAULT "", usesasl INTEGER NOT NULL DEFAULT 0, -- BOOL\n'
    "connected INTEGER NOT NULL DEFAULT 0, -- BOOL\n messageratedelay INTEGER NOT NULL DEFAULT 2200, "
    "UNIQUE (userid, networkname))",
    "CREATE TABLE buffer (bufferid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, userid INTEGER NOT NULL, "
    "groupid INTEGER, networkid INTEGER NOT NULL, buffername TEXT NOT NULL, buffercname TEXT NOT NULL, "
    "buffertype INTEGER NOT NULL DEFAULT 0, lastmsgid INTEGER NOT NULL DEFAULT 0, lastseenmsgid INTEGER NOT "
    "NULL DEFAULT 0, joined INTEGER NOT NULL DEFAULT 0, -- BOOL\n CHECK (lastseenmsgid <= lastmsgid))",
    "CREATE UNIQUE INDEX buffer_idx ON buffer(userid, networkid, buffername)",
    "CREATE UNIQUE INDEX buffer_cname_idx ON buffer(userid, networkid, buffercname)",
    "CREATE TABLE backlog (messageid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, "
    "bufferid INTEGER NOT NULL, type INTEGER NOT NULL, flags INTEGER NOT NULL, senderid INTEGER NOT NULL, "
    "senderprefixes TEXT, message TEXT)",
    "CREATE INDEX backlog_buffer_time_idx ON backlog (bufferid, time)",
    "CREATE TABLE coreinfo (key TEXT NOT NULL PRIMARY KEY, value TEXT)",
    "CREATE TABLE user_setting (userid INTEGER NOT NULL, settingname TEXT NOT NULL, settingvalue BLOB, "
    "PRIMARY KEY (userid, settingname))",
    "CREATE UNIQUE INDEX sender_index ON sender(sender, realname, avatarurl)",
)
#: (buffer name, Quassel's BufferInfo::Type): the network's status buffer has no name.
IRC_CORE_BUFFERS = (
    ("", 1),
    ("#quassel-test", 2),
    ("#café☕", 2),
    ("bob_42", 4),
    ("#日本語", 2),
    ("Ünïcødé_nick", 4),
)
#: Message::Type bits (Plain, Notice, Action, Mode, Join, Part, Server, Topic) and Message::Flag bits
#: (None, Self, Highlight).
IRC_CORE_TYPES = (1, 2, 4, 16, 32, 64, 1024, 16384)
IRC_CORE_FLAGS = (0, 1, 4)
IRC_CORE_LINES = (
    "héllo wörld — ünïcødé ✓",
    "emoji 🎉🐧👍🏽",
    "no\u00a0break\u00a0space",
    "order 00042 shipped",
    "  two leading blanks",
    "日本語のテキスト",
    "x" * 300,
    "",
)
#: The senders backlog lines name: a few of the 30, spread over them all (sender 1 is the network's own
#: ``''``).
IRC_CORE_SENDERS_USED = (1, 4, 9, 16, 23, 29)
IRC_CORE_START_MS = 1796461447416  # 2026-12-05 09:04:07.416 UTC


def irc_core_time(i: int) -> int:
    """Backlog line ``i``'s time, epoch milliseconds as Quassel 0.13+ writes them."""
    return IRC_CORE_START_MS + 1_234 * i + i % 7


def irc_core_sender(n: int) -> tuple[object, ...]:
    """Sender ``n``'s row: the network's own lines are ``''`` with no real name."""
    if n == 1:
        return (1, "", None, "")
    return (n, f"nick{n}!~u{n}@127.0.0.{n}", f"Ŭser {n} 🤖" if n % 3 else None, "")


def irc_core_backlog(i: int) -> tuple[object, ...]:
    """Backlog line ``i`` (0-based): (messageid, time, bufferid, type, flags, senderid, prefixes, text)."""
    return (
        i + 1,
        irc_core_time(i),
        i % len(IRC_CORE_BUFFERS) + 1,
        IRC_CORE_TYPES[i % len(IRC_CORE_TYPES)],
        IRC_CORE_FLAGS[i % len(IRC_CORE_FLAGS)],
        IRC_CORE_SENDERS_USED[i % len(IRC_CORE_SENDERS_USED)],
        "@" if i % 11 == 3 else None,
        f"{i}: {IRC_CORE_LINES[i % len(IRC_CORE_LINES)]}" if i % 8 != 7 else "",
    )


IRC_CORE_MESSAGES = 42
#: A user setting as Quassel stores it: a QVariant serialized by QDataStream (an empty QVariantMap).
IRC_CORE_SETTING = b"\x00\x00\x00\x08\x00\x00\x00\x00\x00"


def irc_core(path: Path) -> Path:
    """An IRC core's ``quassel-storage.sqlite`` as Quassel 0.14 writes it (schema 32)."""
    buffers = len(IRC_CORE_BUFFERS)
    last = {b: max(i + 1 for i in range(IRC_CORE_MESSAGES) if i % buffers + 1 == b) for b in range(1, 7)}
    rows: dict[str, list[Sequence[object]]] = {
        "quasseluser": [(1, "alice", "468c8b47:9b7ea0d8", 1, "Database")],
        "sender": [irc_core_sender(n) for n in range(1, 31)],
        "network": [(1, 1, "LocalNet", 1, "UTF-8", "", 0, 1, 2200)],
        "buffer": [
            (b + 1, 1, None, 1, name, name.lower(), kind, last[b + 1], 0, int(kind == 2))
            for b, (name, kind) in enumerate(IRC_CORE_BUFFERS)
        ],
        "backlog": [irc_core_backlog(i) for i in range(IRC_CORE_MESSAGES)],
        "coreinfo": [("schemaversion", "32")],
        "user_setting": [(1, "BufferViews", IRC_CORE_SETTING)],
    }
    return write_export(path, IRC_CORE_DDL, rows, bytes_as_text=False)


# --- A personal-finance book (Skrooge's document, uncompressed) ------------------------------------------

FINANCE_DDL = (
    "CREATE TABLE account(id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,t_name TEXT NOT NULL,t_number TEXT "
    "NOT NULL DEFAULT '',t_close VARCHAR(1) DEFAULT 'N' CHECK (t_close IN ('Y', 'N')),t_type VARCHAR(1) NOT "
    "NULL DEFAULT 'C' CHECK (t_type IN ('C', 'D', 'A', 'I', 'L', 'W', 'S', 'P', 'O')),f_maxamount FLOAT NOT "
    "NULL DEFAULT 10000.0,t_maxamount_enabled VARCHAR(1) DEFAULT 'N' CHECK (t_close IN ('Y', 'N')),"
    "d_importdate DATE,f_importbalance FLOAT,rd_bank_id INTEGER NOT NULL)",
    "CREATE TABLE payee (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,t_name TEXT NOT NULL DEFAULT '',"
    "t_address TEXT NOT NULL DEFAULT '',t_bookmarked VARCHAR(1) NOT NULL DEFAULT 'N' CHECK (t_bookmarked IN "
    "('Y', 'N')),r_category_id INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE category (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,t_name TEXT NOT NULL DEFAULT '' "
    "CHECK (t_name NOT LIKE '% > %'),t_fullname TEXT,rd_category_id INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE operation(id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,i_group_id INTEGER NOT NULL "
    "DEFAULT 0,t_number TEXT NOT NULL DEFAULT '',d_date DATE NOT NULL DEFAULT '0000-00-00',d_createdate DATE "
    "NOT NULL DEFAULT CURRENT_TIMESTAMP,rd_account_id INTEGER NOT NULL,r_payee_id INTEGER NOT NULL DEFAULT 0,"
    "t_comment TEXT NOT NULL DEFAULT '',t_status VARCHAR(1) NOT NULL DEFAULT 'N' CHECK (t_status IN ('N', "
    "'P', 'Y')),t_template VARCHAR(1) NOT NULL DEFAULT 'N' CHECK (t_template IN ('Y', 'N')),t_import_id "
    "TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE suboperation(id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,d_date DATE NOT NULL DEFAULT "
    "'0000-00-00',t_comment TEXT NOT NULL DEFAULT '',rd_operation_id INTEGER NOT NULL,r_category_id INTEGER "
    "NOT NULL DEFAULT 0,f_value FLOAT NOT NULL DEFAULT 0.0)",
)
FINANCE_PAYEES = (
    "Supermarché Ünïcødé",
    "Café ☕ Noir",
    "Bäckerei Müller",
    "東京ストア",
    "Loyer\u00a0Appartement",
    "Salary — ACME Corp",
    "Ζαχαροπλαστείο",
    "Shell 0042",
)
#: (name, full name, parent): Skrooge's category tree, each level its own row.
FINANCE_CATEGORIES = (
    ("Food", "Food", 0),
    ("Groceries", "Food > Groceries", 1),
    ("Restaurant", "Food > Restaurant", 1),
    ("Income", "Income", 0),
    ("Salary", "Income > Salary", 4),
)
FINANCE_OPERATIONS = 36
FINANCE_CREATED = "2026-12-05 09:10:06"


def finance_cents(i: int) -> int:
    """Operation ``i``'s amount in cents: spending mostly, a salary every ninth, a cent, a million."""
    if i % 9 == 0:
        return 245_000
    if i == 7:
        return -1
    if i == 13:
        return 123_456_789
    return -((i * 7_919) % 250_000 + 1)


def finance_day(i: int) -> date:
    return date(2024, 1, 1) + timedelta(days=3 * i)


def finance_operation(i: int) -> tuple[object, ...]:
    """Operation ``i`` (0-based) as Skrooge's QIF import writes it."""
    return (
        i + 1,
        0,
        f"{i:05d}" if i % 4 == 1 else "",
        finance_day(i).isoformat(),
        FINANCE_CREATED,
        1 + i % 2,
        0 if i % 10 == 3 else 1 + i % len(FINANCE_PAYEES),
        f"memo {i} — «note»" if i % 3 else "",
        "Y" if i % 4 == 0 else "N",
        "N",
        hashlib.md5(str(i).encode()).hexdigest(),
    )


def finance_book(path: Path) -> Path:
    """A personal-finance book as Skrooge 2.29 writes it (its tables of accounts and operations)."""
    categories = len(FINANCE_CATEGORIES)
    rows: dict[str, list[Sequence[object]]] = {
        "account": [
            (1, "Compte Courant Ünï", "", "N", "C", 10000.0, "N", "", "", 1),
            (2, "Livret A", "0012345", "N", "C", 10000.0, "N", "", "", 1),
        ],
        "payee": [(n + 1, name, "", "N", 0) for n, name in enumerate(FINANCE_PAYEES)],
        "category": [(n + 1, *category) for n, category in enumerate(FINANCE_CATEGORIES)],
        "operation": [finance_operation(i) for i in range(FINANCE_OPERATIONS)],
        "suboperation": [
            (
                i + 1,
                finance_day(i).isoformat(),
                "",
                i + 1,
                0 if i % 6 == 5 else 1 + i % categories,
                finance_cents(i) / 100,
            )
            for i in range(FINANCE_OPERATIONS)
        ],
    }
    return write_export(path, FINANCE_DDL, rows)


# --- A photo library (darktable's library.db) --------------------------------------------------------------

PHOTO_DDL = (
    "CREATE TABLE db_info (key VARCHAR PRIMARY KEY, value VARCHAR)",
    "CREATE TABLE film_rolls (id INTEGER PRIMARY KEY, access_timestamp INTEGER, "
    "folder VARCHAR(1024) NOT NULL)",
    "CREATE TABLE images (id INTEGER PRIMARY KEY AUTOINCREMENT, group_id INTEGER, film_id INTEGER, width "
    "INTEGER, height INTEGER, filename VARCHAR, maker VARCHAR, model VARCHAR, lens VARCHAR, exposure REAL, "
    "aperture REAL, iso REAL, focal_length REAL, datetime_taken INTEGER, flags INTEGER, color_matrix BLOB, "
    "position INTEGER, aspect_ratio REAL, import_timestamp INTEGER DEFAULT -1, change_timestamp INTEGER "
    "DEFAULT -1, FOREIGN KEY(film_id) REFERENCES film_rolls(id) ON DELETE CASCADE ON UPDATE CASCADE, "
    "FOREIGN KEY(group_id) REFERENCES images(id) ON DELETE RESTRICT ON UPDATE CASCADE)",
    "CREATE TABLE meta_data (id INTEGER, key INTEGER, value VARCHAR)",
)
PHOTO_IMAGES = 14
PHOTO_ACCESSED = 1796462193  # the film roll's last access, Unix seconds (2026-12-05 09:16:33 UTC)
#: GLib's GDateTime counts from 0001-01-01 (``g_date_time_to_unix`` subtracts this many seconds).
GTIMESPAN_UNIX_SECONDS = 62135596800


def photo_taken(i: int) -> int | None:
    """Image ``i``'s EXIF date as darktable keeps it: a GTimeSpan (µs since 0001-01-01); None for one
    without a date; one with a sub-second part."""
    if i == 11:
        return None
    moment = datetime(2023, 7, 14, 10, 0, 0, tzinfo=UTC) + timedelta(days=17 * i, seconds=3671 * i)
    micros = 123_000 if i == 5 else 0
    return (int(moment.timestamp()) + GTIMESPAN_UNIX_SECONDS) * 1_000_000 + micros


def photo_imported(i: int) -> int:
    """Image ``i``'s import moment, a GTimeSpan with every microsecond (``g_date_time_new_now``)."""
    return (PHOTO_ACCESSED - 20 + i + GTIMESPAN_UNIX_SECONDS) * 1_000_000 + (i * 792_755) % 1_000_000


def photo_image(i: int) -> tuple[object, ...]:
    """Image ``i`` (0-based) as ``darktable-cli`` imports it."""
    name = f"IMG_{i:04d}_été.jpg" if i % 3 else f"img {i:04d}.jpg"
    matrix = struct.pack("<9f", float("nan"), 0, 0, 0, 75 * (i % 2), 0, 68 * (i % 2), 0, 0)
    return (
        i + 1,
        i + 1,
        1,
        64 + i,
        48,
        name,
        "Canon",
        f"EOS {i}D",
        "",
        1 / (100 + i),
        (28 + i) / 10,
        100.0 * (i + 1),
        35.0 + i,
        photo_taken(i),
        1569,
        matrix,
        (i + 1) << 32,
        (64 + i) / 48,
        photo_imported(i),
        -1,
    )


def photo_library(path: Path) -> Path:
    """A darktable 4.2 ``library.db`` of one film roll of :data:`PHOTO_IMAGES` images."""
    rows: dict[str, list[Sequence[object]]] = {
        "db_info": [("version", "37")],
        "film_rolls": [(1, PHOTO_ACCESSED, "/home/zoë/Photos/2023 — été")],
        "images": [photo_image(i) for i in range(PHOTO_IMAGES)],
        "meta_data": [
            (i + 1, 0, "Zoë Ünïcødé 📷" if i % 2 else "Jean\u00a0Dupont") for i in range(PHOTO_IMAGES)
        ],
    }
    return write_export(path, PHOTO_DDL, rows, bytes_as_text=False)


# --- django-q2 ----------------------------------------------------------------------------------------

DJANGO_Q_FUNCS = ("jobs.tasks.add", "jobs.tasks.money", "jobs.tasks.boom", "jobs.tasks.echo")
DJANGO_Q_WORDS = ("alpha", "bravo", "cardinal", "delta", "kentucky", "mockingbird", "oranges", "papa")
DJANGO_Q_TYPES = ("O", "I", "H", "D", "W", "BW", "M", "Q", "Y", "C")
DJANGO_Q_CRON = ("0 * * * *", "*/5 * * * 1-5")


def django_q_pickle(value: Any) -> str:
    """A ``PickledObjectField`` cell: the pickle (protocol 5) in base64, as django-picklefield writes it."""
    return base64.b64encode(pickle.dumps(value, protocol=5)).decode("ascii")


def django_q_id(n: int) -> str:
    return hashlib.md5(f"django-q task {n}".encode()).hexdigest()


def django_q_started(n: int) -> datetime:
    """A task's start, naive UTC: a whole second for every seventh task."""
    moment = datetime(2024, 3, 31, 0, 59, 58) + timedelta(minutes=97 * n, microseconds=123_457 * n)
    return moment.replace(microsecond=0) if n % 7 == 3 else moment


def django_q_task_values(n: int) -> tuple[tuple[Any, ...], dict[str, Any], Any, bool]:
    """A task's args, kwargs, result and success."""
    kind = n % 4
    if kind == 0:
        return (n, 2 * n), {}, 3 * n, True
    if kind == 1:
        amount = Decimal(f"{n}.{n:02d}")
        return (str(amount),), {}, amount * Decimal("1.19"), True
    if kind == 2:
        message = FREE_TEXT[n % len(FREE_TEXT)]
        return (message,), {}, f"ValueError: {message} : Traceback (most recent call last):\n", False
    return ("Grüße 🎉",), {"flag": bool(n % 2), "on": date(2024, 1, 1) + timedelta(days=n)}, None, True


def django_q_next_run(s: int) -> datetime:
    """A schedule's next run, naive UTC: a cron schedule's on a whole minute."""
    moment = datetime(2026, 12, 5, 9, 21, 58, 945_169) + timedelta(minutes=37 * s, microseconds=4_321 * s)
    return moment.replace(minute=0, second=0, microsecond=0) if DJANGO_Q_TYPES[s % 10] == "C" else moment


def django_q_schedule_args(s: int) -> str | None:
    """``schedule()`` writes the repr of its arguments (``()`` for none); the admin's blank is NULL."""
    return f"({s}, 1)" if s % 2 else ("()" if s % 4 == 0 else None)


def django_q2(path: Path, tasks: int = 24, schedules: int = 12, queued: int = 4) -> Path:
    """A django-q2 site's ``db.sqlite3`` (see the module's list)."""
    ddl = [
        'CREATE TABLE "django_q_ormq" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "key" varchar(100) '
        'NOT NULL, "payload" text NOT NULL, "lock" datetime NULL)',
        'CREATE TABLE "django_q_task" ("name" varchar(100) NOT NULL, "func" varchar(256) NOT NULL, "hook" '
        'varchar(256) NULL, "args" text NULL, "kwargs" text NULL, "result" text NULL, "started" datetime '
        'NOT NULL, "stopped" datetime NOT NULL, "success" bool NOT NULL, "id" varchar(32) NOT NULL PRIMARY '
        'KEY, "group" varchar(100) NULL, "attempt_count" integer NOT NULL, "cluster" varchar(100) NULL)',
        'CREATE TABLE "django_q_schedule" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "func" '
        'varchar(256) NOT NULL, "hook" varchar(256) NULL, "args" text NULL, "kwargs" text NULL, "repeats" '
        'integer NOT NULL, "next_run" datetime NULL, "task" varchar(100) NULL, "name" varchar(100) NULL, '
        '"minutes" smallint unsigned NULL CHECK ("minutes" >= 0), "cron" varchar(100) NULL, "cluster" '
        'varchar(100) NULL, "schedule_type" varchar(2) NOT NULL, "intended_date_kwarg" varchar(100) NULL)',
        'CREATE INDEX "success_index" ON "django_q_task" ("group", "name", "func") WHERE "success"',
    ]
    task_rows = []
    for n in range(tasks):
        args, kwargs, result, success = django_q_task_values(n)
        started = django_q_started(n)
        words = [DJANGO_Q_WORDS[(n * k + k) % len(DJANGO_Q_WORDS)] for k in (1, 3, 5, 7)]
        task_rows.append(
            (
                "-".join(words),
                DJANGO_Q_FUNCS[n % 4],
                "jobs.tasks.echo" if n % 5 == 4 else None,
                django_q_pickle(args),
                django_q_pickle(kwargs),
                django_q_pickle(result),
                str(started),  # Django's SQLite backend: str() of the naive UTC datetime
                str(started + timedelta(seconds=n % 9, microseconds=654_321)),
                int(success),
                django_q_id(n),
                "money" if n % 4 == 1 else None,
                2 if not success and n % 8 == 2 else 1,
                "default",
            )
        )
    schedule_rows = []
    for s in range(schedules):
        kind = DJANGO_Q_TYPES[s % 10]
        schedule_rows.append(
            (
                s + 1,
                DJANGO_Q_FUNCS[s % 4],
                None if s % 2 else "jobs.tasks.echo",
                django_q_schedule_args(s),
                ("{'x': 1}", "{}", None)[s % 3],
                (-1, 0, 3, 10)[s % 4],
                str(django_q_next_run(s)),
                django_q_id(s) if s < tasks and s % 3 != 1 else None,
                f"schedule {s} {FREE_TEXT[s % len(FREE_TEXT)][:40]}",
                (1, 5, 15, 1440)[s % 4] if kind == "I" else None,
                DJANGO_Q_CRON[s % 2] if kind == "C" else None,
                None,
                kind,
                "d" if s % 3 == 0 else None,
            )
        )
    ormq_rows = [
        (
            q + 1,
            "default",
            django_q_pickle({"id": django_q_id(tasks + q), "func": DJANGO_Q_FUNCS[q % 4], "args": (q,)}),
            str(django_q_started(tasks + q)),
        )
        for q in range(queued)
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "django_q_ormq": ormq_rows,
        "django_q_task": task_rows,
        "django_q_schedule": schedule_rows,
    }
    return write_export(path, ddl, rows)


# --- django-celery-results and django-celery-beat ------------------------------------------------------

CELERY_BEAT_CRONTABS = (
    ("0", "*", "*", "*", "*", "UTC"),
    ("*/15", "9-17", "1-5", "*", "*", "Europe/Berlin"),
    ("30", "2", "*", "1", "*", "America/New_York"),
    ("0,30", "*/2", "sun", "*", "1,7", "Australia/Lord_Howe"),
    ("00", "08", "*", "01", "*", "Asia/Kolkata"),
)
CELERY_BEAT_INTERVALS = ((10, "seconds"), (5, "minutes"), (2, "hours"), (1, "days"), (90, "microseconds"))
CELERY_BEAT_SOLAR = (
    ("sunrise", "40.712800", "-74.006000"),
    ("sunset", "52.520008", "13.404954"),
    ("dawn_civil", "-33.868820", "151.209290"),
    ("solar_noon", "0.000000", "0.000000"),
)
DJANGO_CELERY_TASKS = ("jobs.tasks.add", "jobs.tasks.money", "jobs.tasks.echo", "jobs.tasks.boom")
DJANGO_CELERY_TEXTS = (
    "Grüße aus Köln",
    "naïve café ☕",
    "emoji 🎉🚀",
    "no\u00a0break\u00a0space",
    "",
    "  padded  ",
)


def django_celery_task_name(t: int) -> str:
    """A periodic task's ``name`` (unique), as the admin typed it."""
    return f"task {t} {DJANGO_CELERY_TEXTS[t % len(DJANGO_CELERY_TEXTS)]}"


def django_celery_moment(n: int) -> datetime:
    """A naive UTC moment of a row; a whole second for every sixth."""
    moment = datetime(2026, 3, 29, 0, 58, 1, 750_711) + timedelta(seconds=7_919 * n, microseconds=3_331 * n)
    return moment.replace(microsecond=0) if n % 6 == 5 else moment


def django_celery_result(n: int) -> tuple[str, str, str | None, str, str]:
    """A task result's status, JSON result, traceback, task_args and task_kwargs."""
    kind = n % 4
    if kind == 0:
        return "SUCCESS", json.dumps(n + 3 * n), None, json.dumps(repr((n, 3 * n))), json.dumps("{}")
    if kind == 1:
        amount = Decimal(f"{n}.{n % 100:02d}")
        args = json.dumps(repr([str(amount)]))
        return "SUCCESS", json.dumps(str(amount * Decimal("1.19"))), None, args, json.dumps("{}")
    if kind == 2:
        text = DJANGO_CELERY_TEXTS[n % len(DJANGO_CELERY_TEXTS)]
        result = json.dumps({"args": [text, None, 1.5], "kw": {"big": 2**63 + n}})
        return (
            "SUCCESS",
            result,
            None,
            json.dumps(repr((text, None, 1.5))),
            json.dumps(repr({"big": 2**63 + n})),
        )
    text = DJANGO_CELERY_TEXTS[n % len(DJANGO_CELERY_TEXTS)]
    error = json.dumps({"exc_type": "ValueError", "exc_message": [text], "exc_module": "builtins"})
    trace = (
        "Traceback (most recent call last):\n"
        '  File "/srv/app/jobs/tasks.py", line 8, in boom\n'
        "    def boom(msg): raise ValueError(msg)\n"
        "                   ^^^^^^^^^^^^^^^^^^^^^\n"
        f"ValueError: {text}\n"
    )
    return "FAILURE", error, trace, json.dumps(repr((text,))), json.dumps("{}")


def django_celery(path: Path, results: int = 24, periodic: int = 12, groups: int = 3) -> Path:
    """A Django site's django-celery-results and django-celery-beat tables (see the module's list)."""
    beat, res = "django_celery_beat_", "django_celery_results_"
    ddl = [
        f'CREATE TABLE "{beat}intervalschedule" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "every" '
        'integer NOT NULL, "period" varchar(24) NOT NULL)',
        f'CREATE TABLE "{beat}periodictasks" ("ident" smallint NOT NULL PRIMARY KEY, "last_update" datetime '
        "NOT NULL)",
        f'CREATE TABLE "{beat}solarschedule" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "event" '
        'varchar(24) NOT NULL, "latitude" decimal NOT NULL, "longitude" decimal NOT NULL)',
        f'CREATE UNIQUE INDEX "{beat}solarschedule_event_latitude_longitude_ba64999a_uniq" ON '
        f'"{beat}solarschedule" ("event", "latitude", "longitude")',
        f'CREATE TABLE "{beat}clockedschedule" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"clocked_time" datetime NOT NULL)',
        f'CREATE TABLE "{beat}crontabschedule" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "minute" '
        'varchar(240) NOT NULL, "hour" varchar(96) NOT NULL, "day_of_week" varchar(64) NOT NULL, '
        '"day_of_month" varchar(124) NOT NULL, "month_of_year" varchar(64) NOT NULL, "timezone" '
        "varchar(63) NOT NULL)",
        f'CREATE TABLE "{beat}periodictask" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" '
        'varchar(200) NOT NULL UNIQUE, "task" varchar(200) NOT NULL, "args" text NOT NULL, "kwargs" text '
        'NOT NULL, "queue" varchar(200) NULL, "exchange" varchar(200) NULL, "routing_key" varchar(200) '
        'NULL, "expires" datetime NULL, "enabled" bool NOT NULL, "last_run_at" datetime NULL, '
        '"total_run_count" integer unsigned NOT NULL CHECK ("total_run_count" >= 0), "date_changed" '
        'datetime NOT NULL, "description" text NOT NULL, "crontab_id" integer NULL REFERENCES '
        f'"{beat}crontabschedule" ("id") DEFERRABLE INITIALLY DEFERRED, "interval_id" integer NULL '
        f'REFERENCES "{beat}intervalschedule" ("id") DEFERRABLE INITIALLY DEFERRED, "solar_id" integer '
        f'NULL REFERENCES "{beat}solarschedule" ("id") DEFERRABLE INITIALLY DEFERRED, "one_off" bool NOT '
        'NULL, "start_time" datetime NULL, "priority" integer unsigned NULL CHECK ("priority" >= 0), '
        f'"headers" text NOT NULL, "clocked_id" integer NULL REFERENCES "{beat}clockedschedule" ("id") '
        'DEFERRABLE INITIALLY DEFERRED, "expire_seconds" integer unsigned NULL CHECK ("expire_seconds" '
        ">= 0))",
        f'CREATE TABLE "{res}groupresult" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "group_id" '
        'varchar(255) NOT NULL UNIQUE, "date_created" datetime NOT NULL, "date_done" datetime NOT NULL, '
        '"content_type" varchar(128) NOT NULL, "content_encoding" varchar(64) NOT NULL, "result" text NULL)',
        f'CREATE TABLE "{res}chordcounter" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "sub_tasks" '
        'text NOT NULL, "count" integer unsigned NOT NULL CHECK ("count" >= 0), "group_id" varchar(255) '
        "NOT NULL UNIQUE)",
        f'CREATE TABLE "{res}taskresult" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "task_id" '
        'varchar(255) NOT NULL UNIQUE, "status" varchar(50) NOT NULL, "content_type" varchar(128) NOT '
        'NULL, "content_encoding" varchar(64) NOT NULL, "result" text NULL, "date_done" datetime NOT NULL, '
        '"traceback" text NULL, "meta" text NULL, "task_args" text NULL, "task_kwargs" text NULL, '
        '"task_name" varchar(255) NULL, "date_created" datetime NOT NULL, "worker" varchar(100) NULL, '
        '"periodic_task_name" varchar(255) NULL, "date_started" datetime NULL)',
        f'CREATE INDEX "django_cele_date_do_f59aad_idx" ON "{res}taskresult" ("date_done")',
    ]
    tasks = []
    for t in range(periodic):
        kind = t % 4
        tasks.append(
            (
                t + 1,
                django_celery_task_name(t),
                DJANGO_CELERY_TASKS[kind],
                json.dumps([t, t + 1])
                if kind == 0
                else json.dumps([DJANGO_CELERY_TEXTS[t % len(DJANGO_CELERY_TEXTS)]]),
                json.dumps({"flag": t % 2 == 0, "note": DJANGO_CELERY_TEXTS[t % 6]}, ensure_ascii=False)
                if kind == 2
                else "{}",
                "celery" if t % 3 == 0 else None,
                None,
                None,
                str(django_celery_moment(100 + t)) if t % 5 == 0 else None,
                int(t % 7 != 0),
                str(django_celery_moment(200 + t)) if t % 4 != 3 else None,
                (t * 37) % 101 if t % 4 != 3 else 0,
                str(django_celery_moment(300 + t)),
                DJANGO_CELERY_TEXTS[(t + 3) % len(DJANGO_CELERY_TEXTS)],
                t % len(CELERY_BEAT_CRONTABS) + 1 if kind == 0 else None,
                t % len(CELERY_BEAT_INTERVALS) + 1 if kind == 1 else None,
                t % len(CELERY_BEAT_SOLAR) + 1 if kind == 2 else None,
                int(kind == 3),
                str(django_celery_moment(400 + t)) if t % 3 == 0 else None,
                t % 10 if t % 2 else None,
                json.dumps({"x-tenant": f"t{t:03d}"}) if t % 5 == 1 else "{}",
                t % 3 + 1 if kind == 3 else None,
                3600 if t % 6 == 1 else None,
            )
        )
    results_rows = []
    for n in range(results):
        status, result, trace, args, kwargs = django_celery_result(n)
        created = django_celery_moment(n)
        results_rows.append(
            (
                n + 1,
                str(UUID(bytes=hashlib.md5(f"celery task {n}".encode()).digest(), version=4)),
                status,
                "application/json",
                "utf-8",
                result,
                str(created + timedelta(microseconds=60 + n)),
                trace,
                '{"children": []}',
                args,
                kwargs,
                DJANGO_CELERY_TASKS[3 if status == "FAILURE" else n % 3],
                str(created),
                "celery@worker-1",
                django_celery_task_name(n % periodic) if n % 3 == 1 else None,
                None,
            )
        )

    def group_id(g: int) -> str:
        return str(UUID(bytes=hashlib.md5(f"celery group {g}".encode()).digest(), version=4))

    members = [[str(UUID(int=(g + 1) * 1_000 + k, version=4)) for k in range(3)] for g in range(groups)]
    rows: dict[str, list[Sequence[Any]]] = {
        f"{beat}crontabschedule": [(c + 1, *fields) for c, fields in enumerate(CELERY_BEAT_CRONTABS)],
        f"{beat}intervalschedule": [(i + 1, *fields) for i, fields in enumerate(CELERY_BEAT_INTERVALS)],
        # Django binds a Decimal as its text; the column's NUMERIC affinity stores it as SQLite reads it.
        f"{beat}solarschedule": [(s + 1, *fields) for s, fields in enumerate(CELERY_BEAT_SOLAR)],
        f"{beat}clockedschedule": [(c + 1, str(django_celery_moment(500 + c))) for c in range(3)],
        f"{beat}periodictask": tasks,
        f"{beat}periodictasks": [(1, str(django_celery_moment(600)))],
        f"{res}taskresult": results_rows,
        f"{res}groupresult": [
            (
                g + 1,
                group_id(g),
                str(django_celery_moment(700 + g)),
                str(django_celery_moment(700 + g) + timedelta(microseconds=42)),
                "application/json",
                "utf-8",
                json.dumps([[group_id(g), None], [[[m, None], None] for m in members[g]]]),
            )
            for g in range(groups)
        ],
        f"{res}chordcounter": [(1, json.dumps([[[m, None], None] for m in members[0]]), 2, group_id(groups))],
    }
    return write_export(path, ddl, rows)


# --- Flask-AppBuilder -----------------------------------------------------------------------------------

FAB_DEPARTMENTS = (("Sales", "0042"), ("Engineering", "0007"), ("R&D ✨", "1200"), ("Légal", None))
FAB_USERS = (("admin", "Ädmin", "O'Neil"), ("bob", "Bøb", "Dupont 😀"), ("user0", "Fïrst0", "Last0"))
FAB_NAMES = ("Ana", "Zoë", "Jürgen", "Łukasz", "أحمد", "李")
FAB_STATUS = ("open", "pending", "closed", None)


def fab_moment(n: int) -> datetime:
    return datetime(2026, 12, 5, 9, 35, 42, 10_550) + timedelta(seconds=3 * n, microseconds=2_599 * n)


def fab_salary(e: int) -> Decimal | None:
    return (
        None if e % 11 == 10 else Decimal(f"{30000 + e * 123}.{e % 100:02d}") if e % 5 else Decimal(30000 + e)
    )


def fab_rate(e: int) -> Decimal:
    return Decimal(f"{e % 50}.{(e * 37) % 10000:04d}") if e % 5 else Decimal("0")


def fab_photo(e: int) -> bytes | None:
    return bytes((e * k) % 256 for k in range(e % 9)) if e % 6 else (b"" if e % 12 else None)


def fab_hired(e: int) -> datetime | None:
    moment = datetime(2010, 1, 1, 8, 30) + timedelta(days=11 * e, seconds=37 * e)
    return None if e % 9 == 8 else moment + timedelta(microseconds=e * 12_345 % 1_000_000 if e % 4 else 0)


def fab_shift(e: int) -> str:
    """SQLAlchemy's ``TIME`` text on SQLite: six fraction digits always."""
    return time(6 + e % 12, e * 7 % 60, 0 if e % 2 else 30, 0 if e % 3 else 500_000).strftime("%H:%M:%S.%f")


def fab_key_expiry(k: int) -> datetime | None:
    """An API key's expiry: a whole day, written with its six zero fraction digits, or none."""
    return datetime(2027, 1, 1) + timedelta(days=k) if k % 2 else None


def flask_appbuilder_app(path: Path, employees: int = 24) -> Path:
    """A Flask-AppBuilder application's ``app.db`` (see the module's list)."""
    ddl = [
        "CREATE TABLE ab_role (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(64) NOT NULL, \n\tPRIMARY KEY (id), "
        "\n\tUNIQUE (name)\n)",
        "CREATE TABLE ab_user (\n\tid INTEGER NOT NULL, \n\tfirst_name VARCHAR(64) NOT NULL, \n\tlast_name "
        "VARCHAR(64) NOT NULL, \n\tusername VARCHAR(128) NOT NULL, \n\tpassword VARCHAR(256), \n\tactive "
        "BOOLEAN, \n\temail VARCHAR(320) NOT NULL, \n\tlast_login DATETIME, \n\tlogin_count INTEGER, "
        "\n\tfail_login_count INTEGER, \n\tcreated_on DATETIME, \n\tchanged_on DATETIME, \n\tcreated_by_fk "
        "INTEGER, \n\tchanged_by_fk INTEGER, \n\tPRIMARY KEY (id), \n\tUNIQUE (username), \n\tUNIQUE "
        "(email), \n\tFOREIGN KEY(created_by_fk) REFERENCES ab_user (id), \n\tFOREIGN KEY(changed_by_fk) "
        "REFERENCES ab_user (id)\n)",
        "CREATE TABLE ab_user_role (\n\tid INTEGER NOT NULL, \n\tuser_id INTEGER, \n\trole_id INTEGER, "
        "\n\tPRIMARY KEY (id), \n\tUNIQUE (user_id, role_id), \n\tFOREIGN KEY(user_id) REFERENCES ab_user "
        "(id) ON DELETE CASCADE, \n\tFOREIGN KEY(role_id) REFERENCES ab_role (id) ON DELETE CASCADE\n)",
        "CREATE TABLE ab_register_user (\n\tid INTEGER NOT NULL, \n\tfirst_name VARCHAR(64) NOT NULL, "
        "\n\tlast_name VARCHAR(64) NOT NULL, \n\tusername VARCHAR(128) NOT NULL, \n\tpassword VARCHAR(256), "
        "\n\temail VARCHAR(320) NOT NULL, \n\tregistration_date DATETIME, \n\tregistration_hash "
        "VARCHAR(256), \n\tPRIMARY KEY (id), \n\tUNIQUE (username), \n\tUNIQUE (email)\n)",
        "CREATE TABLE ab_api_key (\n\tid INTEGER NOT NULL, \n\tuuid VARCHAR(36) NOT NULL, \n\tname "
        "VARCHAR(256) NOT NULL, \n\tkey_hash VARCHAR(256) NOT NULL, \n\tlookup_hash VARCHAR(256), "
        "\n\tkey_prefix VARCHAR(16) NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\tscopes TEXT, \n\tactive "
        "BOOLEAN NOT NULL, \n\tcreated_on DATETIME, \n\texpires_on DATETIME, \n\trevoked_on DATETIME, "
        "\n\tlast_used_on DATETIME, \n\tPRIMARY KEY (id), \n\tUNIQUE (uuid), \n\tUNIQUE (lookup_hash), "
        "\n\tFOREIGN KEY(user_id) REFERENCES ab_user (id) ON DELETE CASCADE\n)",
        "CREATE INDEX idx_api_key_prefix ON ab_api_key (key_prefix)",
        "CREATE UNIQUE INDEX idx_api_key_lookup_hash ON ab_api_key (lookup_hash)",
        "CREATE INDEX idx_api_key_user_id ON ab_api_key (user_id)",
        "CREATE TABLE department (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(50) NOT NULL, "
        "\n\tcode VARCHAR(8), \n\tPRIMARY KEY (id), \n\tUNIQUE (name)\n)",
        "CREATE TABLE employee (\n\tid INTEGER NOT NULL, \n\tfull_name VARCHAR(150) NOT NULL, \n\tbirth_date "
        "DATE, \n\thired_at DATETIME, \n\tsalary NUMERIC(10, 2), \n\trate NUMERIC(12, 4), \n\tscore FLOAT, "
        "\n\tactive BOOLEAN, \n\tstatus VARCHAR(7), \n\tphoto BLOB, \n\tcv TEXT, \n\tnotes TEXT, "
        "\n\tshift_start TIME, \n\temployee_no VARCHAR(10), \n\tbadge BIGINT, \n\tdepartment_id INTEGER, "
        "\n\tcreated_on DATETIME NOT NULL, \n\tchanged_on DATETIME NOT NULL, \n\tcreated_by_fk INTEGER NOT "
        "NULL, \n\tchanged_by_fk INTEGER NOT NULL, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(department_id) "
        "REFERENCES department (id), \n\tFOREIGN KEY(created_by_fk) REFERENCES ab_user (id), \n\tFOREIGN "
        "KEY(changed_by_fk) REFERENCES ab_user (id)\n)",
    ]

    def stamp(moment: datetime | None) -> str | None:  # SQLAlchemy's DATETIME text on SQLite
        return None if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S.%f")

    def salary(e: int) -> float | None:  # Numeric on SQLite binds a Decimal as a float
        amount = fab_salary(e)
        return None if amount is None else float(amount)

    rows: dict[str, list[Sequence[Any]]] = {
        "ab_role": [(1, "Admin"), (2, "Public")],
        "ab_user": [
            (
                u + 1,
                first,
                last,
                name,
                "scrypt:32768:8:1$" + hashlib.sha256(name.encode()).hexdigest(),
                1,
                f"{name}@example.org",
                stamp(fab_moment(1000 + u)) if u < 2 else None,
                (2, 1, None)[u],
                (0, 0, None)[u],
                stamp(fab_moment(u)),
                stamp(fab_moment(u) + timedelta(microseconds=5)),
                None if u < 2 else 1,
                None if u < 2 else 1,
            )
            for u, (name, first, last) in enumerate(FAB_USERS)
        ],
        "ab_user_role": [(1, 1, 1), (2, 2, 2), (3, 3, 2)],
        "ab_register_user": [
            (
                1,
                "Pen",
                "Ding",
                "pending",
                "scrypt:32768:8:1$" + hashlib.sha256(b"pending").hexdigest(),
                "pending@example.org",
                stamp(fab_moment(2000)),
                str(UUID(int=0x83A01DBC320E49509B5823996DF871B3)),
            )
        ],
        "ab_api_key": [
            (
                k + 1,
                str(UUID(bytes=hashlib.md5(f"api key {k}".encode()).digest(), version=4)),
                f"key {k} ✓" if k % 2 else f"key {k} ",
                "scrypt:32768:8:1$" + hashlib.sha256(f"key {k}".encode()).hexdigest(),
                hashlib.sha256(f"sst_{k}".encode()).hexdigest(),
                "sst_",
                k % len(FAB_USERS) + 1,
                None if k % 3 else "read,write",
                1,
                stamp(fab_moment(3000 + k)),
                stamp(fab_key_expiry(k)),
                stamp(fab_moment(3100)) if k == 1 else None,
                stamp(fab_moment(3200 + k)) if k % 3 == 0 else None,
            )
            for k in range(6)
        ],
        "department": [(d + 1, name, code) for d, (name, code) in enumerate(FAB_DEPARTMENTS)],
        "employee": [
            (
                e + 1,
                f"{FAB_NAMES[e % 6]} {e} {FREE_TEXT[e % len(FREE_TEXT)]}" if e % 13 else f"  Name {e}\u00a0",
                (date(1960, 1, 1) + timedelta(days=137 * e)).isoformat() if e % 7 else None,
                stamp(fab_hired(e)),
                salary(e),
                float(fab_rate(e)),
                e * 0.1 if e % 3 else float(e),
                int(e % 4 != 0),
                FAB_STATUS[e % 4],
                fab_photo(e),
                f"{e}_cv.pdf" if e % 2 else None,
                ("", "Grüße aus Köln", "no\u00a0break\u00a0space", None)[e % 4],
                fab_shift(e),
                f"{e:06d}" if e % 2 else f"E{e:05d}",
                2**40 + e * 1_000_003 if e % 3 else None,
                e % len(FAB_DEPARTMENTS) + 1 if e % 8 else None,
                stamp(fab_moment(10 + e)),
                stamp(fab_moment(10 + e) + timedelta(microseconds=5 if e % 10 else 600_000_000)),
                e // 12 + 1,
                1 if e % 10 == 0 else e // 12 + 1,
            )
            for e in range(employees)
        ],
    }
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- ArchiveBox ---------------------------------------------------------------------------------------

ARCHIVEBOX_TITLES = (
    "Café crème — recette",
    "Straße & Maß",
    "日本語のページ",
    "Emoji 🎉🚀 party",
    "No\u00a0break\u00a0space",
    "  spaced title  ",
    "x" * 300,
)
#: (name, slug as Django's slugify makes it): a name of no ASCII letter or digit has the slug ''.
ARCHIVEBOX_TAGS = (
    ("news", "news"),
    ("Café ☕", "cafe"),
    ("2024", "2024"),
    ("日本語", ""),
    ("emoji 🎉", "emoji"),
)
#: The extractors a server without Chrome or Node runs, in ArchiveBox's order.
ARCHIVEBOX_EXTRACTORS = ("favicon", "headers", "title", "wget")
ARCHIVEBOX_ADDED = datetime(2026, 12, 5, 9, 23, 43, 861947)
ARCHIVEBOX_VERSIONS = {"curl": "curl 7.88.1 (x86_64-pc-linux-gnu)", "wget": "GNU Wget 1.21.3"}


def archivebox_timestamp(s: int) -> str:
    """Snapshot ``s``'s ``timestamp``: ``str()`` of the float of Unix seconds it was added at (six
    fraction digits at most, trailing zeros dropped), or, every fourth one, of an imported bookmark's
    whole ``ADD_DATE`` (``'1497562974.0'``)."""
    if s % 4 == 3:
        return str(float(1_497_562_974 + s * 86_400 * 17))
    return str(float(f"{1_796_462_623 + s * 61}.{(822_805 + s * 23_077) % 1_000_000:06d}"))


def archivebox_title(s: int) -> str | None:
    return None if s % 6 == 5 else f"{ARCHIVEBOX_TITLES[s % len(ARCHIVEBOX_TITLES)]} #{s}"


def archivebox_url(s: int) -> str:
    return f"http://127.0.0.1:8765/p{s:03d}.html" + ("?q=caf%C3%A9&x=1#frag" if s % 5 == 1 else "")


def archivebox_status(s: int, extractor: str) -> str:
    """As ArchiveBox records it offline: the favicon (asked of a provider) fails, wget fails on a page
    that answered 404, the title is skipped where the snapshot has one already, the rest succeed."""
    if extractor == "favicon" or (extractor == "wget" and s % 5 == 4):
        return "failed"
    if extractor == "title" and s % 6 == 2:
        return "skipped"
    return "succeeded"


def archivebox_output(s: int, extractor: str) -> str:
    if archivebox_status(s, extractor) == "failed":
        if extractor == "favicon":
            return "Failed to chmod: favicon.ico does not exist (did the previous step fail?)"
        return "Got an error from the server\n    HTTP/1.0 404 File not found"
    return {
        "favicon": "favicon.ico",
        "headers": "headers.json",
        "title": archivebox_title(s) or "",
        "wget": f"127.0.0.1+8765/p{s:03d}.html",
    }[extractor]


def archivebox_started(s: int, e: int) -> datetime:
    """When snapshot ``s``'s ``e``-th extractor started (naive UTC, as Django stores it)."""
    return ARCHIVEBOX_ADDED + timedelta(seconds=s, microseconds=e * 51_133 + s * 7)


def archivebox_index(path: Path, snapshots: int = 12) -> Path:
    """ArchiveBox's own ``index.sqlite3`` (see the module's list)."""
    ddl = [
        'CREATE TABLE "core_snapshot" ("id" char(32) NOT NULL PRIMARY KEY, "timestamp" varchar(32) NOT NULL '
        'UNIQUE, "title" varchar(512) NULL, "added" datetime NOT NULL, "updated" datetime NULL, '
        '"url" varchar(200) NOT NULL UNIQUE)',
        'CREATE TABLE "core_tag" ("name" varchar(100) NOT NULL UNIQUE, "slug" varchar(100) NOT NULL UNIQUE, '
        '"id" integer NOT NULL PRIMARY KEY AUTOINCREMENT)',
        'CREATE TABLE "core_snapshot_tags" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "snapshot_id" '
        'char(32) NOT NULL REFERENCES "core_snapshot" ("id") DEFERRABLE INITIALLY DEFERRED, "tag_id" integer '
        'NOT NULL REFERENCES "core_tag" ("id") DEFERRABLE INITIALLY DEFERRED)',
        'CREATE UNIQUE INDEX "core_snapshot_tags_snapshot_id_tag_id_10a7e882_uniq" ON "core_snapshot_tags" '
        '("snapshot_id", "tag_id")',
        'CREATE TABLE "core_archiveresult" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "cmd" text NOT '
        'NULL CHECK ((JSON_VALID("cmd") OR "cmd" IS NULL)), "pwd" varchar(256) NOT NULL, "cmd_version" '
        'varchar(128) NULL, "status" varchar(16) NOT NULL, "output" varchar(1024) NOT NULL, "start_ts" '
        'datetime NOT NULL, "end_ts" datetime NOT NULL, "snapshot_id" char(32) NOT NULL REFERENCES '
        '"core_snapshot" ("id") DEFERRABLE INITIALLY DEFERRED, "uuid" char(32) NOT NULL, "extractor" '
        "varchar(32) NOT NULL)",
    ]
    ids = [hashlib.md5(f"snapshot {s}".encode()).hexdigest() for s in range(snapshots)]
    results: list[Sequence[Any]] = []
    for s in range(snapshots):
        for e, extractor in enumerate(ARCHIVEBOX_EXTRACTORS):
            tool = "wget" if extractor == "wget" else "curl"
            cmd = [
                tool,
                "--no-verbose" if tool == "wget" else "--silent",
                "--max-time",
                "10",
                archivebox_url(s),
            ]
            started = archivebox_started(s, e)
            status = archivebox_status(s, extractor)
            results.append(
                (
                    len(results) + 1,
                    json.dumps(cmd),
                    f"/data/archive/{archivebox_timestamp(s)}",
                    None if status == "skipped" else ARCHIVEBOX_VERSIONS[tool],
                    status,
                    archivebox_output(s, extractor),
                    str(started),
                    str(started + timedelta(microseconds=20_000 + 1_111 * e)),
                    ids[s],
                    hashlib.md5(f"result {s} {extractor}".encode()).hexdigest(),
                    extractor,
                )
            )
    tagged = [(s, t) for s in range(snapshots) for t in range(len(ARCHIVEBOX_TAGS)) if (s + t) % 3 == 0]
    rows: dict[str, list[Sequence[Any]]] = {
        "core_snapshot": [
            (
                ids[s],
                archivebox_timestamp(s),
                archivebox_title(s),
                str(ARCHIVEBOX_ADDED + timedelta(seconds=s, microseconds=s * 4_111)),
                None if s % 6 == 5 else str(ARCHIVEBOX_ADDED + timedelta(minutes=1, seconds=s)),
                archivebox_url(s),
            )
            for s in range(snapshots)
        ],
        "core_tag": [(name, slug, t + 1) for t, (name, slug) in enumerate(ARCHIVEBOX_TAGS)],
        "core_snapshot_tags": [(n + 1, ids[s], t + 1) for n, (s, t) in enumerate(tagged)],
        "core_archiveresult": results,
    }
    return write_export(path, ddl, rows)


# --- pretalx ------------------------------------------------------------------------------------------

#: pretalx's code alphabet (no 0, 1, 2, 4, 5, 6, I, O: nothing to misread).
PRETALX_CHARSET = "ABCDEFGHJKLMNPQRSTUVWXYZ3789"
PRETALX_STATES = ("submitted", "accepted", "confirmed", "rejected", "withdrawn", "canceled")
PRETALX_TITLES = (
    "Rust für Einsteiger",
    "Scaling Postgres 🐘 to the moon",
    "日本語の自然言語処理",
    "Ünïcödé\u00a0everywhere",
    "Trailing thoughts…",
    "Why 0.1 + 0.2 ≠ 0.3",
)
#: Each question's variant and text, in pretalx's position order.
PRETALX_QUESTIONS = (
    ("number", "Expected audience size"),
    ("date", "Preferred day"),
    ("datetime", "Arrival time"),
    ("boolean", "Do you need travel support? 🧳"),
    ("string", "T-shirt name"),
    ("file", "Slides draft"),
)
#: Review score values as Decimals (pretalx's DecimalField(7, 2)), per category (weights 1 and 1.5).
PRETALX_SCORES = (
    (Decimal(0), Decimal(1), Decimal(2)),
    (Decimal("0.25"), Decimal("1.5"), Decimal("3.75"), Decimal(-1)),
)
PRETALX_WEIGHTS = (Decimal(1), Decimal("1.5"))
PRETALX_LABELS = ("No", "Maybe", "Yes", "kaum", "mittel", "sehr 🔥", "negativ")
PRETALX_FROM = date(2026, 11, 25)
PRETALX_CREATED = datetime(2026, 12, 5, 9, 33, 26, 409514)


def pretalx_code(n: int, length: int = 6) -> str:
    """A code of pretalx's alphabet (a submission's or a user's of six characters, a token of 32)."""
    digest = hashlib.sha256(f"pretalx {n} {length}".encode()).digest()
    return "".join(PRETALX_CHARSET[byte % len(PRETALX_CHARSET)] for byte in digest[:length])


def pretalx_answer(s: int, q: int) -> str | None:
    """Submission ``s``'s answer to question ``q`` as pretalx's form saves it (``str()`` of the cleaned
    value: a Decimal, a date, an aware datetime in UTC, ``True``; a file as ``file://<name>``), or None
    where it has none (pretalx saves no answer for an empty field or an unticked box)."""
    variant = PRETALX_QUESTIONS[q][0]
    if (s + q) % 4 == 3:
        return None
    if variant == "number":
        return str((Decimal("12.5"), Decimal(100), Decimal("0.25"), Decimal("1234.75"))[s // 4 % 4] + s)
    if variant == "date":
        return str(date(2025, s % 9 + 1, s % 27 + 1))
    if variant == "datetime":
        return str(datetime(2025, 6, s % 27 + 1, s % 24, s * 7 % 60, tzinfo=UTC))
    if variant == "boolean":
        return "True" if s % 2 else None
    if variant == "string":
        return ("Zoë", "José", "00123", "名前", "Ann\u00a0Lee", "🙂")[s % 6]
    return f"file://slides_{s}.pdf"


def pretalx_review_scores(r: int) -> list[int]:
    """The ReviewScore ids review ``r`` gave: one of the first category's, and of the second's but
    every fourth review."""
    first = r % 3 + 1
    return [first] if r % 4 == 3 else [first, 4 + r % 4]


def pretalx_review_score(r: int) -> Decimal:
    """``Review.calculate_score``: the sum of each score's value times its category's weight."""
    values = [score for category in PRETALX_SCORES for score in category]
    weights = [PRETALX_WEIGHTS[0]] * 3 + [PRETALX_WEIGHTS[1]] * 4
    return sum((values[i - 1] * weights[i - 1] for i in pretalx_review_scores(r)), Decimal(0))


def pretalx_slot_start(s: int) -> datetime | None:
    """Submission ``s``'s talk slot start in the released schedule (naive UTC, whole minutes), None for
    one not on it (pretalx keeps the slot, unscheduled)."""
    if PRETALX_STATES[s % len(PRETALX_STATES)] not in ("accepted", "confirmed") or s % 5 == 4:
        return None
    return datetime.combine(PRETALX_FROM, datetime.min.time()) + timedelta(
        hours=8 + s % 9, minutes=30 * (s % 2)
    )


def pretalx_event(path: Path, submissions: int = 18, reviewers: int = 3) -> Path:
    """pretalx's own ``db.sqlite3`` (see the module's list)."""
    ddl = [
        'CREATE TABLE "event_event" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" text NOT '
        'NULL, "slug" varchar(50) NOT NULL UNIQUE, "is_public" bool NOT NULL, "date_from" date NOT NULL, '
        '"timezone" varchar(32) NOT NULL, "email" varchar(254) NOT NULL, "locale_array" text NOT NULL, '
        '"locale" varchar(32) NOT NULL, "custom_css" varchar(100) NULL, "primary_color" varchar(7) NULL, '
        '"logo" varchar(100) NULL, "landing_page_text" text NULL, "plugins" text NULL, "organiser_id" '
        'integer NULL REFERENCES "event_organiser" ("id") DEFERRABLE INITIALLY DEFERRED, "header_image" '
        'varchar(100) NULL, "featured_sessions_text" text NULL, "custom_domain" varchar(200) NULL, '
        '"display_settings" text NOT NULL CHECK ((JSON_VALID("display_settings") OR "display_settings" IS '
        'NULL)), "feature_flags" text NOT NULL CHECK ((JSON_VALID("feature_flags") OR "feature_flags" IS '
        'NULL)), "mail_settings" text NOT NULL CHECK ((JSON_VALID("mail_settings") OR "mail_settings" IS '
        'NULL)), "review_settings" text NOT NULL CHECK ((JSON_VALID("review_settings") OR '
        '"review_settings" IS NULL)), "content_locale_array" text NOT NULL, "created" datetime NULL, '
        '"updated" datetime NULL, "date_to" date NOT NULL)',
        'CREATE TABLE "person_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" '
        'varchar(128) NOT NULL, "last_login" datetime NULL, "nick" varchar(60) NULL, "name" varchar(120) '
        'NOT NULL, "email" varchar(254) NOT NULL UNIQUE, "is_active" bool NOT NULL, "is_staff" bool NOT '
        'NULL, "is_superuser" bool NOT NULL, "locale" varchar(32) NOT NULL, "timezone" varchar(32) NOT '
        'NULL, "pw_reset_token" varchar(160) NULL, "pw_reset_time" datetime NULL, "avatar" varchar(100) '
        'NULL, "get_gravatar" bool NOT NULL, "code" varchar(16) NULL UNIQUE, "is_administrator" bool NOT '
        'NULL, "avatar_thumbnail" varchar(100) NULL, "avatar_thumbnail_tiny" varchar(100) NULL)',
        'CREATE TABLE "submission_submissiontype" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"name" text NOT NULL, "default_duration" integer unsigned NOT NULL CHECK ("default_duration" >= '
        '0), "event_id" integer NOT NULL REFERENCES "event_event" ("id") DEFERRABLE INITIALLY DEFERRED, '
        '"requires_access_code" bool NOT NULL, "created" datetime NULL, "updated" datetime NULL, '
        '"deadline" datetime NULL)',
        'CREATE TABLE "submission_submission" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "code" '
        'varchar(16) NOT NULL UNIQUE, "title" varchar(200) NOT NULL, "state" varchar(9) NOT NULL, '
        '"description" text NULL, "abstract" text NULL, "duration" integer unsigned NULL CHECK '
        '("duration" >= 0), "content_locale" varchar(32) NOT NULL, "do_not_record" bool NOT NULL, '
        '"event_id" integer NOT NULL REFERENCES "event_event" ("id") DEFERRABLE INITIALLY DEFERRED, '
        '"submission_type_id" integer NOT NULL REFERENCES "submission_submissiontype" ("id") DEFERRABLE '
        'INITIALLY DEFERRED, "invitation_token" varchar(32) NOT NULL, "image" varchar(100) NULL, '
        '"review_code" varchar(32) NULL UNIQUE, "is_featured" bool NOT NULL, "track_id" integer NULL '
        'REFERENCES "submission_track" ("id") DEFERRABLE INITIALLY DEFERRED, "slot_count" integer NOT '
        'NULL, "internal_notes" text NULL, "created" datetime NULL, "access_code_id" integer NULL '
        'REFERENCES "submission_submitteraccesscode" ("id") DEFERRABLE INITIALLY DEFERRED, '
        '"anonymised_data" text NULL, "pending_state" varchar(9) NULL, "updated" datetime NULL, "notes" '
        "text NULL)",
        'CREATE TABLE "submission_question" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "variant" '
        'varchar(15) NOT NULL, "question" text NOT NULL, "default_answer" text NULL, "position" integer '
        'NOT NULL, "event_id" integer NOT NULL REFERENCES "event_event" ("id") DEFERRABLE INITIALLY '
        'DEFERRED, "target" varchar(10) NOT NULL, "help_text" text NULL, "active" bool NOT NULL, '
        '"contains_personal_data" bool NOT NULL, "max_length" integer unsigned NULL CHECK ("max_length" '
        '>= 0), "min_length" integer unsigned NULL CHECK ("min_length" >= 0), "is_public" bool NOT NULL, '
        '"is_visible_to_reviewers" bool NOT NULL, "deadline" datetime NULL, "freeze_after" datetime NULL, '
        '"question_required" varchar(14) NOT NULL, "max_date" date NULL, "max_datetime" datetime NULL, '
        '"max_number" decimal NULL, "min_date" date NULL, "min_datetime" datetime NULL, "min_number" '
        'decimal NULL, "created" datetime NULL, "updated" datetime NULL, "icon" varchar(9) NULL)',
        'CREATE TABLE "submission_answer" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "answer" text '
        'NOT NULL, "question_id" integer NOT NULL REFERENCES "submission_question" ("id") DEFERRABLE '
        'INITIALLY DEFERRED, "submission_id" integer NULL REFERENCES "submission_submission" ("id") '
        'DEFERRABLE INITIALLY DEFERRED, "person_id" integer NULL REFERENCES "person_user" ("id") '
        'DEFERRABLE INITIALLY DEFERRED, "answer_file" varchar(100) NULL, "review_id" integer NULL '
        'REFERENCES "submission_review" ("id") DEFERRABLE INITIALLY DEFERRED, "created" datetime NULL, '
        '"updated" datetime NULL)',
        'CREATE TABLE "submission_reviewscorecategory" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"name" text NOT NULL, "weight" decimal NOT NULL, "required" bool NOT NULL, "active" bool NOT '
        'NULL, "event_id" integer NOT NULL REFERENCES "event_event" ("id") DEFERRABLE INITIALLY DEFERRED, '
        '"is_independent" bool NOT NULL, "created" datetime NULL, "updated" datetime NULL)',
        'CREATE TABLE "submission_reviewscore" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "value" '
        'decimal NOT NULL, "label" varchar(200) NULL, "category_id" integer NOT NULL REFERENCES '
        '"submission_reviewscorecategory" ("id") DEFERRABLE INITIALLY DEFERRED, "created" datetime NULL, '
        '"updated" datetime NULL)',
        'CREATE TABLE "submission_review" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "score" '
        'decimal NULL, "created" datetime NULL, "updated" datetime NULL, "submission_id" integer NOT NULL '
        'REFERENCES "submission_submission" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" integer NOT '
        'NULL REFERENCES "person_user" ("id") DEFERRABLE INITIALLY DEFERRED, "text" text NULL)',
        'CREATE TABLE "submission_review_scores" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"review_id" integer NOT NULL REFERENCES "submission_review" ("id") DEFERRABLE INITIALLY '
        'DEFERRED, "reviewscore_id" integer NOT NULL REFERENCES "submission_reviewscore" ("id") '
        "DEFERRABLE INITIALLY DEFERRED)",
        'CREATE TABLE "schedule_room" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" text NOT '
        'NULL, "description" text NULL, "capacity" integer unsigned NULL CHECK ("capacity" >= 0), '
        '"position" integer unsigned NULL CHECK ("position" >= 0), "event_id" integer NOT NULL REFERENCES '
        '"event_event" ("id") DEFERRABLE INITIALLY DEFERRED, "speaker_info" text NULL, "guid" char(32) '
        'NULL, "created" datetime NULL, "updated" datetime NULL)',
        'CREATE TABLE "schedule_schedule" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "version" '
        'varchar(190) NULL, "event_id" integer NOT NULL REFERENCES "event_event" ("id") DEFERRABLE '
        'INITIALLY DEFERRED, "published" datetime NULL, "comment" text NULL, "created" datetime NULL, '
        '"updated" datetime NULL)',
        'CREATE TABLE "schedule_talkslot" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "end" '
        'datetime NULL, "room_id" integer NULL REFERENCES "schedule_room" ("id") DEFERRABLE INITIALLY '
        'DEFERRED, "schedule_id" integer NOT NULL REFERENCES "schedule_schedule" ("id") DEFERRABLE '
        'INITIALLY DEFERRED, "submission_id" integer NULL REFERENCES "submission_submission" ("id") '
        'DEFERRABLE INITIALLY DEFERRED, "is_visible" bool NOT NULL, "description" text NULL, "updated" '
        'datetime NULL, "created" datetime NULL, "start" datetime NULL)',
    ]
    created = [str(PRETALX_CREATED + timedelta(seconds=n, microseconds=n * 37)) for n in range(200)]
    event_settings = {"schedule": "grid", "imprint_url": None, "header_pattern": "pcb", "meta_noindex": False}
    users = ["Brent Abbott", "Paula Moreno", "Zoë Ångström", "李雷", "Ann\u00a0Lee"]
    questions = len(PRETALX_QUESTIONS)
    answers = [
        (s, q) for s in range(submissions) for q in range(questions) if pretalx_answer(s, q) is not None
    ]
    reviews = [
        (r, s, u) for r, (s, u) in enumerate((s, u) for s in range(submissions) for u in range(reviewers))
    ]
    scores = [score for category in PRETALX_SCORES for score in category]
    rows: dict[str, list[Sequence[Any]]] = {
        "event_event": [
            (
                1,
                "DemoCon ☕",
                "democon",
                1,
                str(PRETALX_FROM),
                "Europe/Berlin",
                "orga@example.org",
                "en,de",
                "en",
                None,
                "#3aa57c",
                None,
                "Willkommen!\n\n**Markdown** here.",
                None,
                1,
                None,
                None,
                None,
                json.dumps(event_settings),
                json.dumps({"show_schedule": True}),
                json.dumps({"mail_from": ""}),
                json.dumps({"score_mandatory": False}),
                "en",
                created[0],
                created[1],
                str(PRETALX_FROM + timedelta(days=2)),
            )
        ],
        "person_user": [
            (
                u + 1,
                "argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$" + "h" * 43 if u == 0 else f"!unusable{u:02d}",
                None if u % 2 else created[100 + u],
                None,
                "" if u == 0 else users[u - 1],
                f"user{u}@example.org",
                1,
                int(u == 0),
                int(u == 0),
                "de" if u % 3 == 1 else "en",
                "UTC" if u == 0 else "Europe/Berlin",
                None,
                None,
                "",
                0,
                pretalx_code(100 + u),
                int(u == 0),
                "",
                "",
            )
            for u in range(len(users) + 1)
        ],
        "submission_submissiontype": [
            (1, "Talk", 30, 1, 0, created[2], created[3], None),
            (2, "Workshop 🛠", 90, 1, 0, created[4], created[5], None),
        ],
        "submission_submission": [
            (
                s + 1,
                pretalx_code(s),
                f"{PRETALX_TITLES[s % len(PRETALX_TITLES)]} #{s}",
                PRETALX_STATES[s % len(PRETALX_STATES)],
                "A *longer* description.\n\n- one\n- two" if s % 3 else None,
                f"Abstract {s}." + " lorem ipsum" * (s % 5),
                None if s % 4 else 45,
                "de" if s % 5 == 2 else "en",
                s % 7 == 0,
                1,
                s % 2 + 1,
                pretalx_code(s, 32),
                None,
                None if s % 6 == 5 else pretalx_code(100 + s, 32),
                int(s % 9 == 0),
                None,
                1,
                None,
                created[10 + s],
                None,
                None,
                "accepted" if s % 8 == 1 else None,
                created[40 + s],
                None,
            )
            for s in range(submissions)
        ],
        "submission_question": [
            (
                q + 1,
                variant,
                text,
                None,
                q,
                1,
                "submission",
                None,
                1,
                int(variant == "string"),
                None,
                None,
                0,
                1,
                None,
                None,
                "optional",
                None,
                None,
                None,
                None,
                None,
                None,
                created[60 + q],
                created[60 + q],
                None,
            )
            for q, (variant, text) in enumerate(PRETALX_QUESTIONS)
        ],
        "submission_answer": [
            (
                n + 1,
                pretalx_answer(s, q),
                q + 1,
                s + 1,
                None,
                f"democon/question_uploads/slides_{s}_{pretalx_code(s)[:7]}.pdf"
                if PRETALX_QUESTIONS[q][0] == "file"
                else "",
                None,
                created[120 + n % 70],
                created[120 + n % 70],
            )
            for n, (s, q) in enumerate(answers)
        ],
        "submission_reviewscorecategory": [
            (c + 1, name, str(PRETALX_WEIGHTS[c]), 0, 1, 1, 0, created[6 + c], created[6 + c])
            for c, name in enumerate(("Score", "Relevanz für die Community"))
        ],
        # Django binds a Decimal as its str(): the column's NUMERIC affinity stores it as INTEGER or REAL.
        "submission_reviewscore": [
            (i + 1, str(value), PRETALX_LABELS[i], 1 if i < 3 else 2, created[8], created[8])
            for i, value in enumerate(scores)
        ],
        "submission_review": [
            (
                r + 1,
                str(pretalx_review_score(r)),
                created[80 + r % 40],
                created[81 + r % 40],
                s + 1,
                u + 2,
                " ".join(["Sehr gut!\u00a0Aber zu lang."] * (r % 3 + 1)) if r % 5 == 0 else None,
            )
            for r, s, u in reviews
        ],
        "submission_review_scores": [
            (n + 1, r + 1, score)
            for n, (r, score) in enumerate(
                (r, score) for r, _, _ in reviews for score in pretalx_review_scores(r)
            )
        ],
        "schedule_room": [
            (
                1,
                "Saal 1 🎤",
                None,
                400,
                0,
                1,
                None,
                "6f1ed002ab5595859014ebf0951522d9",
                created[9],
                created[9],
            ),
            (2, "Raum Ω", "Second floor", None, 1, 1, "Bring HDMI", None, created[9], created[9]),
        ],
        "schedule_schedule": [
            (1, "v1.0", 1, created[150], None, created[0], created[0]),
            (2, None, 1, None, None, created[150], created[150]),
        ],
        # A released schedule's slots and the work-in-progress one's copies of them, each accepted or
        # confirmed submission in both; an unscheduled one has no start, room or end.
        "schedule_talkslot": [
            (
                n + 1,
                None if start is None else str(start + timedelta(minutes=30 * (s % 2 + 1))),
                None if start is None else s % 2 + 1,
                schedule,
                s + 1,
                1,
                None,
                created[160 + s],
                created[160 + s],
                None if start is None else str(start),
            )
            for n, (schedule, s, start) in enumerate(
                (schedule, s, pretalx_slot_start(s))
                for schedule in (1, 2)
                for s in range(submissions)
                if PRETALX_STATES[s % len(PRETALX_STATES)] in ("accepted", "confirmed")
            )
        ],
    }
    return write_export(path, ddl, rows)


# --- Spirit -------------------------------------------------------------------------------------------

SPIRIT_USERS = ("alice", "bøb", "Chloé", "hanna😀", "ünïcode", "007bond")
#: (title, slug, description, colour, parent): Spirit's own two, then the forum's.
SPIRIT_CATEGORIES = (
    ("Private", "private", "", "", None),
    ("Uncategorized", "uncategorized", "", "", None),
    ("Général ☕", "général", "Alles Mögliche", "#ff0000", None),
    ("Help & Support", "help-support", "", "", None),
    ("Sub-forum 🧵", "sub-forum", "child of Help", "#00ff00", 4),
)
#: Each reply's Markdown and the HTML Spirit renders of it.
SPIRIT_BODIES = (
    ("Hello **world**!", "<p>Hello <strong>world</strong>!</p>"),
    (
        "Code:\n\n```python\nprint('héllo')\n```",
        '<p>Code:</p>\n<pre><code class="lang-python">print(&#39;héllo&#39;)\n</code></pre>',
    ),
    (
        "> quoted\n\nemoji 🎉 and <b>html</b>",
        "<blockquote>\n<p>quoted</p>\n</blockquote>\n<p>emoji 🎉 and &lt;b&gt;html&lt;/b&gt;</p>",
    ),
    ("No\u00a0break\u00a0space, 00123 a code", "<p>No\u00a0break\u00a0space, 00123 a code</p>"),
)
SPIRIT_START = datetime(2026, 12, 5, 9, 40, 21, 607898)
SPIRIT_POLL_CHOICES = ("Pizza 🍕", "Bürger", "寿司")


def spirit_comments(topics: int) -> list[tuple[int, int, int]]:
    """``(topic, reply, action)`` of each comment in id order: each topic's first comment (reply 0)
    and ``topic % 3`` replies, then, for every fourth topic, the moderator closing it (action 2)."""
    comments = [(t, r, 0) for t in range(topics) for r in range(t % 3 + 1)]
    return comments + [(t, 0, 2) for t in range(topics) if t % 4 == 3]


def spirit_markdown(t: int, r: int, action: int) -> tuple[str, str]:
    """A comment's ``comment`` and ``comment_html``: a moderation action's are the word ``action``; a
    topic's first comment ends with a poll where ``t`` is even, rendered as Spirit's placeholder."""
    if action:
        return "action", "action"
    text, html = SPIRIT_BODIES[(t + r) % len(SPIRIT_BODIES)]
    text, html = f"{text} ({t}.{r})", html.replace("</p>", f" ({t}.{r})</p>", 1) if "</p>" in html else html
    if r == 0 and t % 2 == 0:
        choices = "\n".join(f"{n + 1}. {choice}" for n, choice in enumerate(SPIRIT_POLL_CHOICES))
        text += f"\n\n[poll name=p{t} min=1 max={1 + t // 2 % 2}]\n{choices}\n[/poll]"
        html += f"\n<poll name=p{t}>"
    return text, html


def spirit_close_at(t: int) -> datetime | None:
    return None if t % 4 == 0 else SPIRIT_START + timedelta(days=t, microseconds=t * 1_001)


def spirit_forum(path: Path, topics: int = 8) -> Path:
    """A Spirit forum's own ``db.sqlite3`` (see the module's list)."""
    ddl = [
        'CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" '
        'varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" '
        'varchar(150) NOT NULL UNIQUE, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, '
        '"is_staff" bool NOT NULL, "is_active" bool NOT NULL, "date_joined" datetime NOT NULL, '
        '"first_name" varchar(150) NOT NULL)',
        'CREATE TABLE "spirit_user_userprofile" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "slug" '
        'varchar(50) NOT NULL, "location" varchar(75) NOT NULL, "last_seen" datetime NOT NULL, "last_ip" '
        'char(39) NULL, "timezone" varchar(32) NOT NULL, "is_administrator" bool NOT NULL, "is_moderator" '
        'bool NOT NULL, "is_verified" bool NOT NULL, "topic_count" integer unsigned NOT NULL CHECK '
        '("topic_count" >= 0), "comment_count" integer unsigned NOT NULL CHECK ("comment_count" >= 0), '
        '"user_id" integer NOT NULL UNIQUE REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED, '
        '"last_post_hash" varchar(32) NOT NULL, "last_post_on" datetime NULL, "nickname" varchar(255) NOT '
        'NULL, "notify" integer unsigned NOT NULL CHECK ("notify" >= 0), "avatar" varchar(255) NOT NULL)',
        'CREATE TABLE "spirit_category_category" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"title" varchar(75) NOT NULL, "slug" varchar(50) NOT NULL, "description" varchar(255) NOT NULL, '
        '"is_closed" bool NOT NULL, "is_removed" bool NOT NULL, "is_private" bool NOT NULL, "is_global" '
        'bool NOT NULL, "color" varchar(7) NOT NULL, "reindex_at" datetime NOT NULL, "sort" integer '
        'unsigned NOT NULL CHECK ("sort" >= 0), "parent_id" bigint NULL REFERENCES '
        '"spirit_category_category" ("id") DEFERRABLE INITIALLY DEFERRED)',
        'CREATE TABLE "spirit_topic_topic" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" '
        'varchar(255) NOT NULL, "slug" varchar(50) NOT NULL, "date" datetime NOT NULL, "last_active" '
        'datetime NOT NULL, "is_pinned" bool NOT NULL, "is_globally_pinned" bool NOT NULL, "is_closed" '
        'bool NOT NULL, "is_removed" bool NOT NULL, "view_count" integer unsigned NOT NULL CHECK '
        '("view_count" >= 0), "comment_count" integer unsigned NOT NULL CHECK ("comment_count" >= 0), '
        '"category_id" bigint NOT NULL REFERENCES "spirit_category_category" ("id") DEFERRABLE INITIALLY '
        'DEFERRED, "user_id" integer NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY '
        'DEFERRED, "reindex_at" datetime NOT NULL)',
        'CREATE TABLE "spirit_comment_comment" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"comment" text NOT NULL, "comment_html" text NOT NULL, "action" integer NOT NULL, "date" '
        'datetime NOT NULL, "is_removed" bool NOT NULL, "is_modified" bool NOT NULL, "ip_address" '
        'char(39) NULL, "modified_count" integer unsigned NOT NULL CHECK ("modified_count" >= 0), '
        '"likes_count" integer unsigned NOT NULL CHECK ("likes_count" >= 0), "topic_id" integer NOT NULL '
        'REFERENCES "spirit_topic_topic" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" integer NOT NULL '
        'REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED)',
        'CREATE TABLE "spirit_comment_like_commentlike" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"date" datetime NOT NULL, "comment_id" bigint NOT NULL REFERENCES "spirit_comment_comment" '
        '("id") DEFERRABLE INITIALLY DEFERRED, "user_id" integer NOT NULL REFERENCES "auth_user" ("id") '
        "DEFERRABLE INITIALLY DEFERRED)",
        'CREATE TABLE "spirit_comment_poll_commentpoll" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
        '"name" varchar(255) NOT NULL, "title" varchar(255) NOT NULL, "choice_min" integer unsigned NOT '
        'NULL CHECK ("choice_min" >= 0), "choice_max" integer unsigned NOT NULL CHECK ("choice_max" >= '
        '0), "mode" integer NOT NULL, "close_at" datetime NULL, "is_removed" bool NOT NULL, "created_at" '
        'datetime NOT NULL, "comment_id" bigint NOT NULL REFERENCES "spirit_comment_comment" ("id") '
        "DEFERRABLE INITIALLY DEFERRED)",
        'CREATE TABLE "spirit_comment_poll_commentpollchoice" ("id" integer NOT NULL PRIMARY KEY '
        'AUTOINCREMENT, "number" integer unsigned NOT NULL CHECK ("number" >= 0), "description" '
        'varchar(255) NOT NULL, "vote_count" integer unsigned NOT NULL CHECK ("vote_count" >= 0), '
        '"is_removed" bool NOT NULL, "poll_id" bigint NOT NULL REFERENCES '
        '"spirit_comment_poll_commentpoll" ("id") DEFERRABLE INITIALLY DEFERRED)',
        'CREATE TABLE "spirit_comment_poll_commentpollvote" ("id" integer NOT NULL PRIMARY KEY '
        'AUTOINCREMENT, "is_removed" bool NOT NULL, "created_at" datetime NOT NULL, "choice_id" bigint '
        'NOT NULL REFERENCES "spirit_comment_poll_commentpollchoice" ("id") DEFERRABLE INITIALLY '
        'DEFERRED, "voter_id" integer NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY '
        "DEFERRED)",
        'CREATE TABLE "spirit_comment_bookmark_commentbookmark" ("id" integer NOT NULL PRIMARY KEY '
        'AUTOINCREMENT, "comment_number" integer unsigned NOT NULL CHECK ("comment_number" >= 0), '
        '"topic_id" integer NOT NULL REFERENCES "spirit_topic_topic" ("id") DEFERRABLE INITIALLY '
        'DEFERRED, "user_id" integer NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY '
        "DEFERRED)",
        'CREATE TABLE "spirit_topic_notification_topicnotification" ("id" integer NOT NULL PRIMARY KEY '
        'AUTOINCREMENT, "date" datetime NOT NULL, "action" integer NOT NULL, "is_read" bool NOT NULL, '
        '"is_active" bool NOT NULL, "comment_id" bigint NOT NULL REFERENCES "spirit_comment_comment" '
        '("id") DEFERRABLE INITIALLY DEFERRED, "topic_id" bigint NOT NULL REFERENCES "spirit_topic_topic" '
        '("id") DEFERRABLE INITIALLY DEFERRED, "user_id" integer NOT NULL REFERENCES "auth_user" ("id") '
        "DEFERRABLE INITIALLY DEFERRED)",
    ]
    users = len(SPIRIT_USERS)
    comments = spirit_comments(topics)
    at = [
        str(SPIRIT_START + timedelta(seconds=17 * n, microseconds=n * 4_321))
        for n in range(len(comments) + 40)
    ]
    polls = [t for t in range(topics) if t % 2 == 0]
    first = {t: n + 1 for n, (t, r, action) in enumerate(comments) if r == 0 and not action}
    likes = [
        (n + 1, (t + r + 2) % users + 1) for n, (t, r, action) in enumerate(comments) if not action and r % 2
    ]
    votes = [(p, u) for p in range(len(polls)) for u in range(p % 3 + 2)]
    rows: dict[str, list[Sequence[Any]]] = {
        "auth_user": [
            (
                u + 1,
                f"md5$salt{u:02d}$" + hashlib.md5(f"pw {u}".encode()).hexdigest(),
                None if u % 3 == 2 else at[u],
                int(u == 0),
                name,
                "",
                f"{u}@example.org",
                int(u == 0),
                1,
                str(SPIRIT_START - timedelta(days=30 - u)),
                "",
            )
            for u, name in enumerate(SPIRIT_USERS)
        ],
        "spirit_user_userprofile": [
            (
                u + 1,
                name.lower(),
                ("Berlin", "", "Zürich 🇨🇭", "東京")[u % 4],
                at[u],
                None,
                "UTC" if u % 2 else "Europe/Berlin",
                int(u == 0),
                int(u == 0),
                1,
                sum(1 for t in range(topics) if t % users == u),
                sum(1 for t, r, _ in comments if (t + r) % users == u),
                u + 1,
                "" if u % 3 == 2 else hashlib.md5(f"post {u}".encode()).hexdigest(),
                None if u % 3 == 2 else at[u + 10],
                name,
                25 if u % 2 else 5,
                "",
            )
            for u, name in enumerate(SPIRIT_USERS)
        ],
        "spirit_category_category": [
            (c + 1, title, slug, text, int(c == 0), 0, int(c == 0), int(c != 0), color, at[c], 0, parent)
            for c, (title, slug, text, color, parent) in enumerate(SPIRIT_CATEGORIES)
        ],
        "spirit_topic_topic": [
            (
                t + 1,
                f"Topic {t}: " + ("Wie geht's?", "Bug in v1.2.3", "質問があります", "Emoji 🎈 thread")[t % 4],
                f"topic-{t}",
                at[first[t] - 1],
                at[max(n for n, c in enumerate(comments) if c[0] == t)],
                int(t == 1),
                0,
                int(t % 4 == 3),
                0,
                t * 3,
                sum(1 for c in comments if c[0] == t),
                t % 4 + 2,
                t % users + 1,
                at[first[t]],
            )
            for t in range(topics)
        ],
        "spirit_comment_comment": [
            (
                n + 1,
                *spirit_markdown(t, r, action),
                action,
                at[n],
                0,
                0,
                None,
                0,
                sum(1 for k, _ in likes if k == n + 1),
                t + 1,
                1 if action else (t + r) % users + 1,
            )
            for n, (t, r, action) in enumerate(comments)
        ],
        "spirit_comment_like_commentlike": [(k + 1, at[n + 5], n, u) for k, (n, u) in enumerate(likes)],
        "spirit_comment_poll_commentpoll": [
            (
                p + 1,
                f"p{t}",
                "",
                1,
                1 + t // 2 % 2,
                t // 2 % 2,
                None if spirit_close_at(t) is None else str(spirit_close_at(t)),
                0,
                at[first[t]],
                first[t],
            )
            for p, t in enumerate(polls)
        ],
        "spirit_comment_poll_commentpollchoice": [
            (3 * p + n + 1, n + 1, choice, sum(1 for q, u in votes if q == p and u % 3 == n), 0, p + 1)
            for p in range(len(polls))
            for n, choice in enumerate(SPIRIT_POLL_CHOICES)
        ],
        "spirit_comment_poll_commentpollvote": [
            (v + 1, 0, at[v + 20], 3 * p + u % 3 + 1, u + 1) for v, (p, u) in enumerate(votes)
        ],
        "spirit_comment_bookmark_commentbookmark": [
            (b + 1, t % 3 + 1, t + 1, u + 1)
            for b, (t, u) in enumerate((t, u) for t in range(topics) for u in range(2))
        ],
        "spirit_topic_notification_topicnotification": [
            (k + 1, at[n], (0, 2, 1)[k % 3], int(k % 2 == 0), 1, n + 1, t + 1, (t + 1) % users + 1)
            for k, (n, (t, r, action)) in enumerate((n, c) for n, c in enumerate(comments) if not c[2])
        ],
    }
    return write_export(path, ddl, rows)


# --- NocoDB -------------------------------------------------------------------------------------------

NOCODB_PREFIX = "nc_p4x2___"  # NocoDB names a base's tables nc_<4 characters>___<table>
NOCODB_FIRST = datetime(2026, 12, 5, 9, 51, 34, tzinfo=UTC)
NOCODB_STAGES = ("new", "won", "lost", "à faire", None)
NOCODB_LABELS = ("red", "red,green", "bleu ciel", None)
NOCODB_CUSTOMERS = ("Client 0 Ünïcødé\u00a0SARL", "Client 1", "", "Café \U0001f680", "000123", "Ölmühle GmbH")
NOCODB_MIGRATIONS = ("nc_011", "nc_012_alter_column_data_types", "nc_013_sync_source")


def nocodb_stamp(k: int) -> str:
    """NocoDB's ``created_at`` / ``updated_at`` text: dayjs' UTC with its offset, on the second."""
    return (NOCODB_FIRST + timedelta(seconds=k)).strftime("%Y-%m-%d %H:%M:%S+00:00")


def nocodb_price(i: int) -> float | None:
    """A Decimal field (precision 2) as the REAL the JSON number was bound as; every 13th empty."""
    return None if i % 13 == 0 else (i * 7919 % 1000000) / 100


def nocodb_cost(i: int) -> float:
    """A Currency field: declared ``double precision``, two decimals."""
    return round(i * 1.1 + 0.05, 2)


def nocodb_took(i: int) -> int | None:
    """A Duration field: whole seconds in a column declared ``decimal``; every sixth empty."""
    return None if i % 6 == 0 else i * 61


def nocodb_due(i: int) -> date | None:
    return None if i % 9 == 0 else date(2026, 1 + i % 12, 1 + i % 28)


def nocodb_happened(i: int) -> datetime | None:
    """A DateTime field: UTC text with its ``+00:00``; every eighth empty."""
    return None if i % 8 == 0 else datetime(2026, 1 + i % 12, 1 + i % 28, i % 24, i % 60, tzinfo=UTC)


def nocodb_starts(i: int) -> str | None:
    """A Time field: ``HH:MM:SS`` text in a column declared ``time``; every third empty."""
    return None if i % 3 == 0 else f"{i % 24:02d}:{i * 7 % 60:02d}:00"


def nocodb_notes(i: int) -> str | None:
    """A LongText field: lines with no-break spaces and emoji, ``''`` or NULL every fifth."""
    if i % 5 == 0:
        return None if i % 2 else ""
    return "\n".join(f"Ligne {n}\u00a0deux \U0001f600" for n in range(1 + i % 40))


def nocodb_payload(i: int) -> str | None:
    """A JSON field: as JSON.stringify wrote it."""
    value = {"i": i, "nom": "café", "tags": ["a", "b"], "v": 1.25}
    return None if i % 10 == 0 else json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def nocodb_files(i: int) -> str | None:
    """An Attachment field: JSON of the uploaded files (the first ten records)."""
    if i >= 10:
        return None
    upload = {"path": "download/noco/x/reçu_q_onU.txt", "title": "reçu.txt", "mimetype": "text/plain"}
    return json.dumps(
        [{**upload, "size": 10, "id": f"at{i:014d}"}], separators=(",", ":"), ensure_ascii=False
    )


def nocodb_customer(i: int) -> int | None:
    """The order's customer (a ``bt`` link: the child's ``<prefix><parent>_id``); every third none."""
    return None if i % 3 == 0 else 1 + i % len(NOCODB_CUSTOMERS)


def nocodb_base(path: Path, orders: int = 30) -> Path:
    """A NocoDB base's tables in its SQLite metadata database (see the module's list)."""
    p = NOCODB_PREFIX
    system = (
        "`id` integer  NOT NULL,`created_at` datetime  ,`updated_at` datetime  ,`created_by` varchar  ,"
        "`updated_by` varchar  ,`nc_order` real  ,"
    )
    ddl = [
        "CREATE TABLE `xc_knex_migrationsv2` (`id` integer not null primary key autoincrement, "
        "`name` varchar(255), `batch` integer, `migration_time` datetime)",
        f"CREATE TABLE `{p}customers` ({system}`title` varchar  ,`since` date  , PRIMARY KEY(`id`))",
        f"CREATE INDEX `{p}customers_order_idx` ON `{p}customers` (`nc_order`)",
        f"CREATE TABLE `{p}orders` ({system}`title` varchar  ,`notes` text  ,`price` decimal  ,"
        "`cost` double precision  ,`discount` double  ,`took` decimal  ,`due` date  ,`happened` datetime  ,"
        "`startsat` time  ,`done` boolean DEFAULT '0' ,`stars` integer DEFAULT '0' ,`stage` text  ,"
        "`labels` text  ,`payload` text  ,`files` text  ,`mail` varchar  ,`phone` varchar  ,`site` varchar  ,"
        f"`qty` integer  ,`code` varchar  ,`year` year  , `{p}customers_id` integer, PRIMARY KEY(`id`))",
        f"CREATE INDEX `{p}orders_order_idx` ON `{p}orders` (`nc_order`)",
        f"CREATE TABLE `{p}nc_m2m_customers_orders` (`{p}orders_id` integer  NOT NULL,"
        f"`{p}customers_id` integer  NOT NULL, PRIMARY KEY(`{p}orders_id`, `{p}customers_id`))",
    ]
    user = "use6vi9x4frk137n"
    rows: dict[str, list[Sequence[Any]]] = {
        "xc_knex_migrationsv2": [
            (m + 1, name, 1, 1796464290518 + 17 * m) for m, name in enumerate(NOCODB_MIGRATIONS)
        ],
        f"{p}customers": [
            (
                c + 1,
                nocodb_stamp(c),
                nocodb_stamp(c + 1),
                user,
                user,
                float(c + 1),
                title,
                f"20{10 + c}-0{1 + c}-1{c}",
            )
            for c, title in enumerate(NOCODB_CUSTOMERS)
        ],
        f"{p}orders": [
            (
                i + 1,
                nocodb_stamp(i // 10),
                nocodb_stamp(i // 10 + 2),
                user,
                user,
                float(i + 1),
                f"Commande n°{i} \U0001f680",
                nocodb_notes(i),
                nocodb_price(i),
                nocodb_cost(i),
                12.5 if i % 4 == 0 else float(i % 101),
                nocodb_took(i),
                None if (due := nocodb_due(i)) is None else due.isoformat(),
                None if (at := nocodb_happened(i)) is None else at.strftime("%Y-%m-%d %H:%M:%S+00:00"),
                nocodb_starts(i),
                i % 2,
                i % 6,
                NOCODB_STAGES[i % 5],
                NOCODB_LABELS[i % 4],
                nocodb_payload(i),
                nocodb_files(i),
                None if i % 11 == 0 else f"user{i}@example.com",
                f"+33 6 {i:02d} 00 00 {i:02d}" if i % 2 else f"06{i:08d}",
                f"https://example.com/p?id={i}&q=é",
                i * 3 - 100,
                f"{i:05d}",
                1990 + i % 40,
                nocodb_customer(i),
            )
            for i in range(orders)
        ],
        f"{p}nc_m2m_customers_orders": [
            (o + 1, c + 1)
            for o in range(0, orders, 2)
            for c in range(len(NOCODB_CUSTOMERS))
            if (o + c) % 4 == 0
        ],
    }
    return write_export(path, ddl, rows)


# --- n8n ----------------------------------------------------------------------------------------------

N8N_MIGRATIONS = (
    (1588102412422, "InitialMigration"),
    (1592445003908, "WebhookModel"),
    (1594825041918, "CreateIndexStoppedAt"),
    (1784000000004, "AddInsightsRawTimestampIdIndex"),
)
N8N_TAGS = ("prod", "test ü", "000123")
N8N_STATUSES = ("success", "success", "error")
N8N_FIRST = datetime(2026, 12, 5, 9, 55, 1, 179000)  # when the workflows were imported (UTC, naive)


def n8n_moment(k: int) -> datetime:
    """The ``k``-th moment n8n stamped: milliseconds, moment 5 on a whole second."""
    moment = N8N_FIRST + timedelta(milliseconds=k * 4011)
    return moment.replace(microsecond=0) if k == 5 else moment


def n8n_text(moment: datetime) -> str:
    """``STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')``, as TypeORM writes a ``datetime(3)`` on SQLite too."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]


def n8n_workflow_id(w: int) -> str:
    """A nanoid of 16 characters, as n8n makes a workflow's id."""
    return hashlib.sha256(f"workflow {w}".encode()).hexdigest()[:16].replace("a", "Q")


def n8n_tag_id(t: int) -> str:
    return hashlib.sha256(f"tag {t}".encode()).hexdigest()[:16].replace("b", "Z")


def n8n_workflow_name(w: int) -> str:
    return f"Flux {w} – données ✓" if w % 4 else f"Relance\u00a0{w} \U0001f680"


def n8n_execution(e: int) -> tuple[int, str, str, datetime, datetime]:
    """Execution ``e``: its workflow, mode, status, and when it started and stopped."""
    started = n8n_moment(10 + 3 * e)
    status = N8N_STATUSES[e % 3]
    stopped = started + timedelta(milliseconds=7 + 13 * e)
    return e % 8, ("cli", "manual", "trigger")[e % 3], status, started, stopped


def n8n_instance(path: Path, executions: int = 20) -> Path:
    """n8n's ``~/.n8n/database.sqlite`` (see the module's list)."""
    now = "DEFAULT (STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW'))"
    ddl = [
        'CREATE TABLE "migrations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, '
        '"timestamp" bigint NOT NULL, "name" varchar NOT NULL)',
        'CREATE TABLE "settings" ("key"\tTEXT NOT NULL,"value"\tTEXT NOT NULL DEFAULT \'\','
        '"loadOnStartup"\tboolean NOT NULL default false,PRIMARY KEY("key"))',
        f'CREATE TABLE "tag_entity" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(24) NOT NULL, '
        f'"createdAt" datetime(3) NOT NULL {now}, "updatedAt" datetime(3) NOT NULL {now})',
        'CREATE UNIQUE INDEX "IDX_8f949d7a3a984759044054e89b" ON "tag_entity" ("name") ',
        'CREATE TABLE "workflow_entity" ("id" varchar(36) PRIMARY KEY NOT NULL, '
        '"name" varchar(128) NOT NULL, "active" boolean NOT NULL, "nodes" text, "connections" text, '
        '"settings" text, "staticData" text, '
        '"pinData" text, "versionId" varchar(36) NOT NULL, "triggerCount" integer DEFAULT (0), "meta" text, '
        f'"createdAt" datetime(3) NOT NULL {now}, "updatedAt" datetime(3) NOT NULL {now}, '
        '"isArchived" boolean NOT NULL DEFAULT (FALSE), "versionCounter" integer NOT NULL DEFAULT (1))',
        # tagId declared integer in n8n's first migration, holding the tags' text ids ever since
        'CREATE TABLE "workflows_tags" ("workflowId" varchar(36) NOT NULL, "tagId" integer NOT NULL, '
        'CONSTRAINT "FK_workflows_tags_workflow_entity" FOREIGN KEY ("workflowId") REFERENCES '
        '"workflow_entity" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT '
        '"FK_workflows_tags_tag_entity" FOREIGN KEY ("tagId") REFERENCES "tag_entity" ("id") ON DELETE '
        'CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("workflowId", "tagId"))',
        'CREATE TABLE "execution_entity" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "workflowId" '
        'varchar(36) NOT NULL, "finished" boolean NOT NULL, "mode" varchar NOT NULL, "retryOf" varchar, '
        '"retrySuccessId" varchar, "startedAt" datetime, "stoppedAt" datetime, "waitTill" datetime, '
        f'"status" varchar NOT NULL, "deletedAt" datetime(3), "createdAt" datetime(3) NOT NULL {now}, '
        'CONSTRAINT "FK_c4d999a5e90784e8caccf5589de" FOREIGN KEY ("workflowId") REFERENCES "workflow_entity" '
        '("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
        'CREATE INDEX "IDX_execution_entity_stoppedAt" ON "execution_entity" ("stoppedAt") ',
        'CREATE TABLE "execution_data" (\n\t\t\t\t"executionId" int PRIMARY KEY NOT NULL,\n\t\t\t\t'
        '"workflowData" text NOT NULL,\n\t\t\t\t"data" text NOT NULL,\n\t\t\t\tFOREIGN KEY("executionId") '
        'REFERENCES "execution_entity" ("id") ON DELETE CASCADE\n\t\t\t)',
        'CREATE TABLE "credentials_entity" ("id" varchar(36) PRIMARY KEY NOT NULL, '
        '"name" varchar(128) NOT NULL, "data" text NOT NULL, "type" varchar(32) NOT NULL, '
        f'"createdAt" datetime(3) NOT NULL {now}, '
        f'"updatedAt" datetime(3) NOT NULL {now}, "isManaged" BOOLEAN NOT NULL DEFAULT 0)',
    ]
    workflows = 8

    def nodes(w: int) -> str:
        last = "n8n-nodes-base.stopAndError" if w % 3 == 2 else "n8n-nodes-base.noOp"
        listed = [
            {"parameters": {}, "name": "Start", "type": "n8n-nodes-base.manualTrigger", "position": [0, 0]},
            {"parameters": {"value": 12.34 + w, "code": f"{w:05d}"}, "name": "Edit Fields", "type": last},
        ]
        return json.dumps(listed, ensure_ascii=False, separators=(",", ":"))

    def run_data(e: int) -> str:
        # flatted's form: an array whose strings "1", "2" point at its other entries
        w, _, status, _, _ = n8n_execution(e)
        error = f"Échec voulu {w} \U0001f4a5" if status == "error" else None
        flat = [{"version": 1, "startData": "1", "resultData": "2"}, {}, {"runData": "3", "error": error}, {}]
        return json.dumps(flat, ensure_ascii=False, separators=(",", ":"))

    rows: dict[str, list[Sequence[Any]]] = {
        "migrations": [(m + 1, stamp, f"{name}{stamp}") for m, (stamp, name) in enumerate(N8N_MIGRATIONS)],
        "settings": [
            ("userManagement.isInstanceOwnerSetUp", "false", 1),
            ("ui.banners.dismissed", '["V1"]', 1),
            ("features.ldap", '{"loginEnabled":false,"connectionPort":389,"baseDn":""}', 1),
        ],
        "tag_entity": [
            (n8n_tag_id(t), name, n8n_text(n8n_moment(t)), n8n_text(n8n_moment(t)))
            for t, name in enumerate(N8N_TAGS)
        ],
        "workflow_entity": [
            (
                n8n_workflow_id(w),
                n8n_workflow_name(w),
                int(w == 3),
                nodes(w),
                '{"Start":{"main":[[{"node":"Edit Fields","type":"main","index":0}]]}}',
                '{"executionOrder":"v1","saveManualExecutions":true}',
                None if w % 2 else '{"global":{}}',
                "{}",
                str(UUID(int=w * 65537 + 3, version=4)),
                int(w == 3),
                '{"templateCredsSetupCompleted":true}',
                n8n_text(n8n_moment(w)),
                n8n_text(n8n_moment(w + 1)),
                int(w == 7),
                1 + w % 2,
            )
            for w in range(workflows)
        ],
        "workflows_tags": [(n8n_workflow_id(w), n8n_tag_id(w % 3)) for w in range(workflows)],
        "execution_entity": [
            (
                e + 1,
                n8n_workflow_id(w),
                int(status == "success"),
                mode,
                None,
                None,
                n8n_text(started),
                n8n_text(stopped),
                None,
                status,
                None,
                n8n_text(started - timedelta(milliseconds=35)),
            )
            for e in range(executions)
            for w, mode, status, started, stopped in [n8n_execution(e)]
        ],
        "execution_data": [
            (e + 1, json.dumps({"id": n8n_workflow_id(n8n_execution(e)[0]), "nodes": []}), run_data(e))
            for e in range(executions)
        ],
        "credentials_entity": [
            (
                f"cred{c:012d}",
                f"Compte {c} é",
                base64.b64encode(b"Salted__" + hashlib.sha256(f"secret {c}".encode()).digest()).decode(),
                "httpBasicAuth",
                n8n_text(n8n_moment(c + 30)),
                n8n_text(n8n_moment(c + 30)),
                0,
            )
            for c in range(4)
        ],
    }
    return write_export(path, ddl, rows)


# --- A Django site's model history (django-simple-history and django-reversion) ----------------------

#: Django 5.2's DDL for a shop's products and suppliers, each tracked by django-simple-history 3.13
#: (``HistoricalRecords()``: ``shop_historical<model>``) and registered with django-reversion 6.4.
HISTORY_DDL = (
    'CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128) '
    'NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" varchar(150) NOT NULL '
    'UNIQUE, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, "is_staff" bool NOT NULL, '
    '"is_active" bool NOT NULL, "date_joined" datetime NOT NULL, "first_name" varchar(150) NOT NULL)',
    'CREATE TABLE "django_content_type" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "app_label" '
    'varchar(100) NOT NULL, "model" varchar(100) NOT NULL)',
    'CREATE TABLE "shop_product" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "sku" varchar(20) NOT '
    'NULL UNIQUE, "name" varchar(200) NOT NULL, "description" text NOT NULL, "price" decimal NOT NULL, '
    '"weight" decimal NULL, "released" date NULL, "updated" datetime NULL, "active" bool NOT NULL, "attrs" '
    'text NOT NULL CHECK ((JSON_VALID("attrs") OR "attrs" IS NULL)), "manual" varchar(100) NOT NULL)',
    'CREATE TABLE "shop_historicalproduct" ("id" bigint NOT NULL, "sku" varchar(20) NOT NULL, "name" '
    'varchar(200) NOT NULL, "description" text NOT NULL, "price" decimal NOT NULL, "weight" decimal NULL, '
    '"released" date NULL, "updated" datetime NULL, "active" bool NOT NULL, "attrs" text NOT NULL CHECK '
    '((JSON_VALID("attrs") OR "attrs" IS NULL)), "manual" text NOT NULL, "history_id" integer NOT NULL '
    'PRIMARY KEY AUTOINCREMENT, "history_date" datetime NOT NULL, "history_change_reason" varchar(100) '
    'NULL, "history_type" varchar(1) NOT NULL, "history_user_id" integer NULL REFERENCES "auth_user" '
    '("id") DEFERRABLE INITIALLY DEFERRED)',
    'CREATE TABLE "shop_supplier" ("code" varchar(10) NOT NULL PRIMARY KEY, "name" varchar(100) NOT NULL)',
    'CREATE TABLE "shop_historicalsupplier" ("code" varchar(10) NOT NULL, "name" varchar(100) NOT NULL, '
    '"history_id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "history_date" datetime NOT NULL, '
    '"history_change_reason" varchar(100) NULL, "history_type" varchar(1) NOT NULL, "history_user_id" '
    'integer NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED)',
    'CREATE TABLE "reversion_revision" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "date_created" '
    'datetime NOT NULL, "comment" text NOT NULL, "user_id" integer NULL REFERENCES "auth_user" ("id") '
    "DEFERRABLE INITIALLY DEFERRED)",
    'CREATE TABLE "reversion_version" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "object_id" '
    'varchar(191) NOT NULL, "format" varchar(255) NOT NULL, "serialized_data" text NOT NULL, '
    '"object_repr" text NOT NULL, "content_type_id" integer NOT NULL REFERENCES "django_content_type" '
    '("id") DEFERRABLE INITIALLY DEFERRED, "revision_id" integer NOT NULL REFERENCES '
    '"reversion_revision" ("id") DEFERRABLE INITIALLY DEFERRED, "db" varchar(191) NOT NULL)',
    'CREATE INDEX "shop_historicalproduct_id_0b657484" ON "shop_historicalproduct" ("id")',
    'CREATE INDEX "shop_historicalsupplier_code_dcbaca73" ON "shop_historicalsupplier" ("code")',
)
#: (name, price, weight) of each product as first saved; the price is then raised by 0.10.
HISTORY_PRODUCTS = (
    ("Café crème", "19.99", "0.250"),
    ("Widget 🚀", "5.00", None),
    ("Tea\u00a0bag", "0.10", "12.000"),
    ("Ölkanne", "1234.50", "1.005"),
    ("Straße " + " ".join(["lang"] * 120), "999999.89", None),
    ("naïve résumé", "7.05", "0.001"),
    ("寿司セット", "42.00", "3.300"),
    ("Discontinued", "0.01", "250.000"),
)
#: The suppliers' codes: a ``CharField`` primary key with leading zeros.
HISTORY_SUPPLIERS = ("00000", "00007", "00014", "00021")
HISTORY_START = datetime(2024, 3, 1, 8, 0, 0, 120034)
#: The ``-`` marks the last product's deletion: its history stays, its row does not.
HISTORY_DELETED = len(HISTORY_PRODUCTS)


def history_price(p: int, edit: int) -> Decimal:
    """A product's price after ``edit`` saves (the first raises it by 0.10, the second changes nothing)."""
    return Decimal(HISTORY_PRODUCTS[p][1]) + (Decimal("0.10") if edit else 0)


def history_moment(n: int) -> datetime:
    """The ``n``th save's moment, naive UTC (``USE_TZ``): every fifth one on a whole second."""
    moment = HISTORY_START + timedelta(minutes=37 * n, microseconds=1111 * n)
    return moment.replace(microsecond=0) if n % 5 == 4 else moment


def django_history(path: Path) -> Path:
    """A Django site's model history as django-simple-history and django-reversion write it (see the
    module's list)."""
    products, history, revisions, versions = [], [], [], []
    saves = 0

    def revision(
        moment: datetime, comment: str, user: int | None, model: str, pk: Any, fields: dict[str, Any]
    ) -> None:
        revisions.append((len(revisions) + 1, str(moment - timedelta(microseconds=512)), comment, user))
        serialized = json.dumps([{"model": f"shop.{model}", "pk": pk, "fields": fields}], ensure_ascii=False)
        content_type = 1 if model == "product" else 2
        versions.append(
            (
                len(versions) + 1,
                str(pk),
                "json",
                serialized,
                f"{model.title()} object ({pk})",
                content_type,
                len(revisions),
                "default",
            )
        )

    for p, (name, _, weight) in enumerate(HISTORY_PRODUCTS):
        sku, released = f"{p:06d}", None if p % 3 == 2 else str(date(2020, 1, 1) + timedelta(days=97 * p))
        attrs = json.dumps({"color": ("rot", "blü", None)[p % 3], "n": p} if p % 4 else {})
        manual = f"manuals/m{p}.pdf" if p % 2 else ""
        for edit, (kind, reason) in enumerate(
            (("+", None), ("~", "price fix" if p % 2 else "ünïcode ✔"), ("~", None))
        ):
            moment = history_moment(saves)
            saves += 1
            price = history_price(p, edit)
            description = ("", "Zwei\nZeilen", "€ 1,00 🎉")[p % 3]
            updated = None if p == 1 else str(moment)
            active = int((p + edit) % 3 != 0)
            row = (
                p + 1,
                sku,
                name,
                description,
                str(price),
                weight,
                released,
                updated,
                active,
                attrs,
                manual,
            )
            history.append(
                (*row, len(history) + 1, str(moment), reason, kind, None if edit == 2 else 1 + p % 2)
            )
            fields = {
                "sku": sku,
                "name": name,
                "description": description,
                "price": str(price),
                "weight": weight,
                "released": released,
                "updated": updated and moment.isoformat() + "Z",
                "active": bool(active),
                "attrs": json.loads(attrs),
                "manual": manual,
            }
            revision(
                moment,
                ("", "Import", f"edit {edit}")[edit],
                None if edit == 2 else 1 + p % 2,
                "product",
                p + 1,
                fields,
            )
        if p + 1 == HISTORY_DELETED:
            history.append((*row, len(history) + 1, str(history_moment(saves)), None, "-", 1))
            saves += 1
        else:
            products.append(row)
    supplier_history = []
    for s, code in enumerate(HISTORY_SUPPLIERS):
        for edit, name in enumerate((f"Lieferant {s}", f"Lieferant {s} GmbH")):
            moment = history_moment(saves)
            saves += 1
            supplier_history.append((code, name, len(supplier_history) + 1, str(moment), None, "+~"[edit], 2))
            revision(moment, "", 2, "supplier", code, {"name": name})
    rows: dict[str, list[Sequence[Any]]] = {
        "auth_user": [
            (
                1,
                "pbkdf2_sha256$1000000$salt$hash=",
                None,
                1,
                "admin",
                "",
                "admin@example.com",
                1,
                1,
                str(HISTORY_START - timedelta(days=30)),
                "Zoë",
            ),
            (
                2,
                "pbkdf2_sha256$1000000$salt$hash=",
                str(HISTORY_START),
                0,
                "josé",
                "Núñez",
                "",
                0,
                1,
                str(HISTORY_START - timedelta(days=2, microseconds=7)),
                "José",
            ),
        ],
        "django_content_type": [(1, "shop", "product"), (2, "shop", "supplier")],
        "shop_product": products,
        "shop_historicalproduct": history,
        "shop_supplier": [(code, f"Lieferant {s} GmbH") for s, code in enumerate(HISTORY_SUPPLIERS)],
        "shop_historicalsupplier": supplier_history,
        "reversion_revision": revisions,
        "reversion_version": versions,
    }
    return write_export(path, HISTORY_DDL, rows)


# --- An agent framework's checkpoints (LangGraph's SQLite checkpointer) ----------------------------------

#: ``SqliteSaver.setup()`` of langgraph-checkpoint-sqlite 3.1, as it writes it (indentation and all).
LANGGRAPH_DDL = (
    "CREATE TABLE IF NOT EXISTS checkpoints (\n"
    "                thread_id TEXT NOT NULL,\n"
    "                checkpoint_ns TEXT NOT NULL DEFAULT '',\n"
    "                checkpoint_id TEXT NOT NULL,\n"
    "                parent_checkpoint_id TEXT,\n"
    "                type TEXT,\n"
    "                checkpoint BLOB,\n"
    "                metadata BLOB,\n"
    "                PRIMARY KEY (thread_id, checkpoint_ns, checkpoint_id)\n"
    "            )",
    "CREATE TABLE IF NOT EXISTS writes (\n"
    "                thread_id TEXT NOT NULL,\n"
    "                checkpoint_ns TEXT NOT NULL DEFAULT '',\n"
    "                checkpoint_id TEXT NOT NULL,\n"
    "                task_id TEXT NOT NULL,\n"
    "                task_path TEXT NOT NULL DEFAULT '',\n"
    "                idx INTEGER NOT NULL,\n"
    "                channel TEXT NOT NULL,\n"
    "                type TEXT,\n"
    "                value BLOB,\n"
    "                PRIMARY KEY (thread_id, checkpoint_ns, checkpoint_id, task_id, idx)\n"
    "            )",
)
#: The messages each thread starts with (the third one a thread that is never resumed).
LANGGRAPH_INPUTS = ("hello", "Grüße 🚀", "日本語", "\u00a0padded ", "x" * 300, "")
#: LangGraph's task id of a ``Command(resume=...)`` given to the graph, not to one task.
LANGGRAPH_NULL_TASK = "00000000-0000-0000-0000-000000000000"
LANGGRAPH_START = datetime(2026, 12, 5, 10, 1, 56, 995269, tzinfo=UTC)


def msgpack(value: Any) -> bytes:
    """``value`` (None, bool, int, float, str, list, dict) in MessagePack, as ormsgpack packs it."""
    if value is None:
        return b"\xc0"
    if isinstance(value, bool):
        return b"\xc3" if value else b"\xc2"
    if isinstance(value, int):
        return struct.pack("B", value) if 0 <= value < 128 else b"\xd3" + struct.pack(">q", value)
    if isinstance(value, float):
        return b"\xcb" + struct.pack(">d", value)
    if isinstance(value, str):
        raw = value.encode()
        if len(raw) < 32:
            return struct.pack("B", 0xA0 | len(raw)) + raw
        return (
            b"\xd9" + struct.pack("B", len(raw)) if len(raw) < 256 else b"\xda" + struct.pack(">H", len(raw))
        ) + raw
    if isinstance(value, list):
        return struct.pack("B", 0x90 | len(value)) + b"".join(msgpack(v) for v in value)
    items = b"".join(msgpack(k) + msgpack(v) for k, v in value.items())
    return struct.pack("B", 0x80 | len(value)) + items


def langgraph_thread(t: int) -> str:
    """A thread's id: the application's own text, digits with leading zeros for every third."""
    return f"{t:04d}" if t % 3 == 0 else f"thread-{t:03d}"


def langgraph_checkpoint_id(n: int) -> str:
    """The ``n``th checkpoint's id: a uuid6 of its moment, so ids sort as they were taken."""
    return f"1f1f092e-{0x7CB6 + n:04x}-6{n % 0x1000:03x}-{0x8000 + n:04x}-{n * 7919 + 0xACF7EC95:012x}"


def langgraph_resumed(t: int) -> bool:
    return t % 4 != 2


def langgraph_checkpoints(path: Path, threads: int = 8) -> Path:
    """A LangGraph agent's ``checkpoints.sqlite`` (see the module's list)."""
    checkpoints: list[Sequence[Any]] = []
    writes: list[Sequence[Any]] = []
    for t in range(threads):
        thread, first = langgraph_thread(t), LANGGRAPH_INPUTS[t % len(LANGGRAPH_INPUTS)]
        total, messages = t * 0.1, []
        answer = ("yes", "no", "")[t % 3]
        # (node, source, this step's writes: (idx, channel, value or None for a branch))
        steps: list[tuple[str, str, list[tuple[int, str, Any]]]] = [
            (
                "__start__",
                "input",
                [
                    (0, "messages", [first]),
                    (1, "total", total),
                    (2, "note", ""),
                    (3, "branch:to:intake", None),
                ],
            ),
            (
                "intake",
                "loop",
                [
                    (0, "messages", [f"intake {t} — café 🚀"]),
                    (1, "total", total + 12.5),
                    (2, "branch:to:review", None),
                ],
            ),
            (
                "review",
                "loop",
                [(-3, "__interrupt__", [{"question": "Approve?\u00a0Bitte", "total": total + 12.5}])],
            ),
        ]
        if langgraph_resumed(t):
            steps[2][2].extend(
                [
                    (-4, "__resume__", [answer]),
                    (1, "approved", answer == "yes"),
                    (2, "messages", [f"review: {answer}"]),
                    (3, "note", "x" * 50 * (t + 1)),
                    (4, "branch:to:finish", None),
                ]
            )
            steps.append(
                (
                    "finish",
                    "loop",
                    [(0, "messages", ["done ✔"]), (1, "total", round((total + 12.5) * 1.19, 2))],
                )
            )
            steps.append(("", "loop", []))
        parent = None
        for step, (node, source, step_writes) in enumerate(steps):
            n = len(checkpoints)
            checkpoint_id = langgraph_checkpoint_id(n)
            moment = LANGGRAPH_START + timedelta(seconds=n, microseconds=1713 * n)
            channels = {"messages": list(messages), "total": total}
            state = {"v": 4, "ts": moment.isoformat(), "id": checkpoint_id, "channel_values": channels}
            for _, channel, value in step_writes:
                if channel == "messages":
                    messages.extend(value)
                elif channel == "total":
                    total = value
            checkpoints.append(
                (
                    thread,
                    "",
                    checkpoint_id,
                    parent,
                    "msgpack",
                    msgpack(state),
                    json.dumps({"source": source, "step": step - 1, "parents": {}}).encode(),
                )
            )
            task = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{thread}/{node}/{step}")) if node else ""
            for idx, channel, value in step_writes:
                typed = ("null", b"") if value is None else ("msgpack", msgpack(value))
                writes.append(
                    (thread, "", checkpoint_id, task, f"~__pregel_pull, {node}", idx, channel, *typed)
                )
                if channel == "__resume__":
                    writes.append(
                        (
                            thread,
                            "",
                            checkpoint_id,
                            LANGGRAPH_NULL_TASK,
                            "",
                            idx,
                            channel,
                            "msgpack",
                            msgpack(answer),
                        )
                    )
            parent = checkpoint_id
    return write_export(
        path, LANGGRAPH_DDL, {"checkpoints": checkpoints, "writes": writes}, bytes_as_text=False
    )


# --- A Celery broker on SQLAlchemy (kombu's sqla transport) ----------------------------------------------

#: kombu 5.7's SQLAlchemy models as ``create_all`` writes them (SQLAlchemy 2.1 on SQLite).
KOMBU_DDL = (
    "CREATE TABLE kombu_queue (\n\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\tname VARCHAR(200), \n\t"
    "UNIQUE (name)\n)",
    "CREATE TABLE kombu_message (\n\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\tvisible BOOLEAN, \n\t"
    "timestamp DATETIME, \n\tpayload TEXT NOT NULL, \n\tversion SMALLINT NOT NULL, \n\tqueue_id INTEGER, \n\t"
    'CONSTRAINT "FK_kombu_message_queue" FOREIGN KEY(queue_id) REFERENCES kombu_queue (id)\n)',
)
#: The queues: the worker consumes ``celery`` only, so ``emails`` keeps its messages.
KOMBU_QUEUES = ("celery", "emails")
KOMBU_NAMES = ("Zoë", "", "李雷", " pad ")
KOMBU_START = datetime(2026, 12, 5, 10, 5, 35, 280780)


def kombu_task(m: int) -> tuple[str, list[Any]]:
    """The ``m``th message's task and arguments: an addition, a greeting or a failure."""
    if m % 3 == 0:
        return "tasks.add", [m, m * 0.5]
    if m % 3 == 1:
        return "tasks.greet", [KOMBU_NAMES[m % 4]]
    return "tasks.fail", [m]


def kombu_queue_of(m: int) -> int:
    """The queue's id: every greeting of an odd message goes to ``emails``."""
    return 2 if m % 3 == 1 and m % 2 == 1 else 1


def kombu_consumed(m: int) -> datetime | None:
    """When the worker took the message (its ``visible`` set false), or None for ``emails``'s."""
    if kombu_queue_of(m) == 2:
        return None
    return KOMBU_START + timedelta(milliseconds=35 * m, microseconds=m)


def kombu_payload(m: int) -> str:
    """Celery's task message (protocol 2) as kombu stores it: JSON whose body is base64 JSON."""
    task, args = kombu_task(m)
    task_id = str(uuid.uuid5(uuid.NAMESPACE_OID, f"task {m}"))
    body = json.dumps([args, {}, {"callbacks": None, "errbacks": None, "chain": None, "chord": None}])
    headers = {
        "lang": "py",
        "task": task,
        "id": task_id,
        "shadow": None,
        "eta": None,
        "expires": "2026-12-05T11:05:35.101201+00:00" if task == "tasks.fail" else None,
        "group": None,
        "group_index": None,
        "retries": 0,
        "timelimit": [None, None],
        "root_id": task_id,
        "parent_id": None,
        "argsrepr": repr(args),
        "kwargsrepr": "{}",
        "origin": "gen4951@vm",
        "ignore_result": False,
        "replaced_task_nesting": 0,
        "stamped_headers": None,
        "stamps": {},
    }
    properties = {
        "correlation_id": task_id,
        "reply_to": "dfbd59b6-8e09-3551-8821-b71cd083b16b",
        "delivery_mode": 2,
        "delivery_info": {"exchange": "", "routing_key": KOMBU_QUEUES[kombu_queue_of(m) - 1]},
        "priority": m % 10 if task == "tasks.greet" else 0,
        "body_encoding": "base64",
        "delivery_tag": str(uuid.uuid5(uuid.NAMESPACE_OID, f"tag {m}")),
    }
    return json.dumps(
        {
            "body": base64.b64encode(body.encode()).decode(),
            "content-encoding": "utf-8",
            "content-type": "application/json",
            "headers": headers,
            "properties": properties,
        }
    )


def kombu_broker(path: Path, messages: int = 12) -> Path:
    """A Celery broker's SQLite file as kombu's SQLAlchemy transport writes it (see the module's list)."""
    rows: dict[str, list[Sequence[Any]]] = {
        "kombu_queue": [(q + 1, name) for q, name in enumerate(KOMBU_QUEUES)],
        "kombu_message": [
            (
                m + 1,
                int(kombu_consumed(m) is None),
                None if kombu_consumed(m) is None else str(kombu_consumed(m)),
                kombu_payload(m),
                1 if kombu_consumed(m) is None else 2,
                kombu_queue_of(m),
            )
            for m in range(messages)
        ],
    }
    return write_export(path, KOMBU_DDL, rows)


# --- Laravel (Eloquent) -------------------------------------------------------------------------------

ELOQUENT_NAMES = ("Zoë Ångström", "李小龙", "Renée\u00a0Dupont", "O'Brien 🚀", "  padded  ", "José")
ELOQUENT_ROLES = ("admin", "staff", "guest")


def eloquent_moment(n: int) -> datetime:
    """Carbon's ``now()`` at write ``n``, as ``timestamps()`` keep it (whole seconds)."""
    return datetime(2024, 3, 9, 16, 0) + timedelta(seconds=3_333 * n)


def eloquent_amount(i: int) -> Decimal:
    """Invoice ``i``'s ``amount``, two places (some whole, some ending in a zero)."""
    return Decimal(i * 7_919_123 % 5_000_000) / 100 if i % 5 else Decimal(100 * i)


def eloquent_tax_rate(i: int) -> Decimal | None:
    return (
        None
        if i % 9 == 8
        else (Decimal("0.200"), Decimal("0.055"), Decimal("0.100"), Decimal("0.000"))[i % 4]
    )


def eloquent_due_on(i: int) -> date | None:
    return None if i % 6 == 5 else date(2024, 1 + i % 12, 1 + i % 28)


def eloquent_pdf(i: int) -> bytes | None:
    """``random_bytes()`` as a test can know them: a digest's bytes, 16 to 31 of them."""
    return None if i % 10 == 9 else hashlib.sha512(f"pdf {i}".encode()).digest()[: 16 + i % 16]


def eloquent_app(path: Path, users: int = 6, invoices: int = 24) -> Path:
    """A Laravel application's ``database.sqlite`` (see the module's list)."""
    ddl = [
        'CREATE TABLE "migrations" ("id" integer not null primary key autoincrement, "migration" varchar '
        'not null, "batch" integer not null)',
        'CREATE TABLE "users" ("id" integer not null primary key autoincrement, "name" varchar not null, '
        '"email" varchar not null, "email_verified_at" datetime, "password" varchar not null, '
        '"remember_token" varchar, "zip" varchar, "is_admin" tinyint(1) not null default \'0\', '
        '"settings" text, "uuid" varchar not null, "last_ip" varchar, "role" varchar check ("role" in '
        "('admin', 'staff', 'guest')) not null, \"created_at\" datetime, \"updated_at\" datetime, "
        '"deleted_at" datetime)',
        'CREATE UNIQUE INDEX "users_email_unique" on "users" ("email")',
        'CREATE TABLE "invoices" ("id" integer not null primary key autoincrement, "user_id" integer not '
        'null, "number" varchar not null, "amount" numeric not null, "tax_rate" numeric, "discount" float, '
        '"fx" float, "cents" integer not null, "due_on" date, "paid_at" datetime, "sent_at" datetime, '
        '"slot" time, "fiscal_year" integer, "pdf" blob, "memo" text, "created_at" datetime, "updated_at" '
        'datetime, "deleted_at" datetime, foreign key("user_id") references "users"("id"))',
    ]

    def stamp(moment: datetime | date | None) -> str | None:  # Eloquent's getDateFormat()
        if isinstance(moment, date) and not isinstance(moment, datetime):
            moment = datetime.combine(moment, time())
        return None if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S")

    def text(number: Decimal | None) -> str | None:  # a decimal cast's string, bound as such
        return None if number is None else str(number.quantize(Decimal("0.001" if number < 1 else "0.01")))

    rows: dict[str, list[Sequence[Any]]] = {
        "migrations": [
            (1, "2014_10_12_000000_create_users_table", 1),
            (2, "2024_01_01_000000_create_invoices_table", 1),
        ],
        "users": [
            (
                u + 1,
                ELOQUENT_NAMES[u % len(ELOQUENT_NAMES)],
                f"user{u}@example.org",
                stamp(eloquent_moment(u) + timedelta(seconds=500)) if u % 3 else None,
                "$2y$04$" + hashlib.sha256(f"pw{u}".encode()).hexdigest()[:53],
                hashlib.sha256(f"token {u}".encode()).hexdigest()[:60] if u % 2 else None,
                f"{u * 1_637 % 10_000:05d}" if u % 4 else None,
                int(u % 4 == 0),
                json.dumps({"lang": ("en", "fr", "de")[u % 3], "n": u, "x": 1.25 * u}) if u % 5 else None,
                str(UUID(bytes=hashlib.md5(f"user {u}".encode()).digest(), version=4)),
                f"10.0.{u}.{u * 37 % 255}" if u % 3 else f"2001:db8::{u}",
                ELOQUENT_ROLES[u % 3],
                stamp(eloquent_moment(u)),
                stamp(eloquent_moment(u)),
                stamp(eloquent_moment(1_000)) if u == 3 else None,
            )
            for u in range(users)
        ],
        "invoices": [
            (
                i + 1,
                i % users + 1,
                f"INV-{i:06d}",
                text(eloquent_amount(i)),
                text(eloquent_tax_rate(i)),
                i % 1_000 / 100 if i % 4 else None,
                1 / (1 + i) if i % 5 else None,
                int(eloquent_amount(i) * 100),
                stamp(eloquent_due_on(i)),
                stamp(eloquent_moment(100 + i)) if i % 3 else None,
                stamp(eloquent_moment(200 + i)) if i % 4 else None,
                f"{i % 24:02d}:{i % 60:02d}:{i * 13 % 60:02d}" if i % 2 else None,
                2020 + i % 5 if i % 7 else None,
                eloquent_pdf(i),
                (None, "", f"Payé – merci 🙏\n ligne {i}", "no\u00a0break")[i % 4],
                stamp(eloquent_moment(i)),
                stamp(eloquent_moment(i)),
                stamp(eloquent_moment(i) + timedelta(hours=1)) if i % 12 == 0 else None,
            )
            for i in range(invoices)
        ],
    }
    # PDO binds every PHP string as TEXT: binary() bytes too (bytes_as_text); the NUMERIC affinity then
    # stores each decimal's text as a REAL (an INTEGER when whole), as it did the app's.
    return write_export(path, ddl, rows, bytes_as_text=True)


# --- Doctrine ORM ---------------------------------------------------------------------------------------

DOCTRINE_NAMES = ("Zoë Ångström", "李小龙", "Renée\u00a0Dupont", "O'Brien 🚀", "", "  padded  ", "Müller")
DOCTRINE_TAGS = ("vip", "b2b", "ünïcode", "x")
DOCTRINE_CURRENCIES = ("EUR", "USD", "GBP", "001")


def doctrine_total(o: int) -> Decimal:
    """Order ``o``'s ``total``: two places, some whole, some ending in a zero."""
    return Decimal(o * 7_654_321 % 10_000_000) / 100 if o % 6 else Decimal(25 * o)


def doctrine_rate(o: int) -> Decimal | None:
    return None if o % 10 == 9 else Decimal(o * 98_765 % 100_000_000) / 10_000


def doctrine_placed(o: int) -> datetime:
    return datetime(2022, 4, 15, 5, 20) + timedelta(seconds=3_607 * o)


def doctrine_receipt(o: int) -> bytes | None:
    return None if o % 11 == 10 else hashlib.sha256(f"receipt {o}".encode()).digest()[: 8 + o % 24]


def doctrine_legacy(c: int) -> str:
    """A Doctrine ``array`` property: PHP's ``serialize()`` (string lengths in bytes), ``N;`` for null."""
    if c % 7 == 0:
        return "N;"
    text = f"s\u00a0{c}"
    return f'a:2:{{s:1:"a";i:{c};s:1:"b";s:{len(text.encode())}:"{text}";}}'


def doctrine_prefs(c: int) -> str | None:
    """A ``json`` property as PHP's ``json_encode`` writes it: ``/`` as ``\\/``, non-ASCII as ``\\u``
    escapes."""
    if c % 6 == 0:
        return None
    prefs = {"theme": "dark" if c % 2 else "light", "n": c, "url": f"https://example.org/{c}", "emoji": "🎉"}
    return json.dumps(prefs, separators=(",", ":")).replace("/", "\\/")


def doctrine_app(path: Path, customers: int = 12, orders: int = 30) -> Path:
    """A PHP application's Doctrine database (see the module's list)."""
    ddl = [
        "CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name VARCHAR(120) NOT NULL, "
        "postcode VARCHAR(10) NOT NULL, uuid CHAR(36) NOT NULL --(DC2Type:guid)\n, "
        "external_id BIGINT NOT NULL, active BOOLEAN NOT NULL, birthday DATE DEFAULT NULL, "
        "created_at DATETIME NOT NULL "
        "--(DC2Type:datetime_immutable)\n, tags CLOB DEFAULT NULL --(DC2Type:simple_array)\n, prefs CLOB "
        "DEFAULT NULL --(DC2Type:json)\n, legacy CLOB DEFAULT NULL --(DC2Type:array)\n, blobobj CLOB DEFAULT "
        "NULL --(DC2Type:object)\n, notes CLOB DEFAULT NULL)",
        "CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, customer_id INTEGER NOT NULL, "
        "total NUMERIC(10, 2) NOT NULL, rate NUMERIC(12, 4) DEFAULT NULL, weight DOUBLE PRECISION NOT NULL, "
        "placed_at DATETIME NOT NULL, shipped_at DATETIME DEFAULT NULL, slot TIME DEFAULT NULL, status "
        "SMALLINT NOT NULL, receipt BLOB DEFAULT NULL, currency VARCHAR(3) NOT NULL, CONSTRAINT "
        "FK_E52FFDEE9395C3F3 FOREIGN KEY (customer_id) REFERENCES customers (id) NOT DEFERRABLE INITIALLY "
        "IMMEDIATE)",
        "CREATE INDEX IDX_E52FFDEE9395C3F3 ON orders (customer_id)",
    ]
    rows: dict[str, list[Sequence[Any]]] = {
        "customers": [
            (
                c + 1,
                DOCTRINE_NAMES[c % len(DOCTRINE_NAMES)],
                f"{c * 4_211 % 20_000:05d}",
                str(UUID(bytes=hashlib.md5(f"customer {c}".encode()).digest(), version=4)),
                2**53 + 1 + c * 1_000_003,
                int(c % 3 != 0),
                f"19{50 + c:02d}-{1 + c % 12:02d}-{1 + c % 28:02d}" if c % 5 else None,
                (datetime(2020, 9, 13, 12, 26, 40) + timedelta(seconds=86_411 * c)).strftime(
                    "%Y-%m-%d %H:%M:%S"
                ),
                ",".join(DOCTRINE_TAGS[: 1 + c % 4]) if c % 4 else None,
                doctrine_prefs(c),
                doctrine_legacy(c),
                "N;" if c % 9 == 0 else f'O:2:"Pt":2:{{s:1:"x";i:{c};s:1:"y";d:{c * 1.5:g};}}',
                (None, "", f"Line1\nLine2 \t{c}")[c % 3],
            )
            for c in range(customers)
        ],
        "orders": [
            (
                o + 1,
                o % customers + 1,
                f"{doctrine_total(o):.2f}",  # a PHP string, stored by the NUMERIC affinity
                None if (rate := doctrine_rate(o)) is None else f"{rate:.4f}",
                o * 3_331 % 100_000 / 1_000,
                doctrine_placed(o).strftime("%Y-%m-%d %H:%M:%S"),
                (doctrine_placed(o) + timedelta(days=1, hours=8)).strftime("%Y-%m-%d %H:%M:%S")
                if o % 4
                else None,
                f"{o % 24:02d}:{o * 7 % 60:02d}:00" if o % 3 else None,
                o % 5,
                doctrine_receipt(o),
                DOCTRINE_CURRENCIES[o % 4],
            )
            for o in range(orders)
        ],
    }
    # Doctrine binds a blob as a PDO LOB: BLOB cells.
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- Minion (Perl) ----------------------------------------------------------------------------------------

MINION_START = datetime(2026, 12, 5, 10, 6, 32)
#: Each job's kind by its number: (task, state).
MINION_KINDS = (
    ("add", "finished"),
    ("boom", "failed"),
    ("flaky", "inactive"),
    ("noop", "finished"),
    ("add", "inactive"),
    ("add", "finished"),
)


def minion_stamp(moment: datetime | None) -> str | None:
    return None if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S")


def minion_job(j: int) -> tuple[Any, ...]:
    """Job ``j + 1``'s row as Minion's SQLite backend leaves it after a worker ran it (JSON compact, as
    Mojo::JSON writes it)."""
    task, state = MINION_KINDS[j % len(MINION_KINDS)]
    created = MINION_START + timedelta(seconds=j // 6)
    ran = created + timedelta(seconds=1)
    delayed = created + timedelta(days=1 + j) if (task, state) == ("add", "inactive") else created
    args, result, notes, parents = f"[{j},{j * 2.5}]", None, "{}", "[]"
    finished = started = retried = expires = worker = None
    retries, attempts, lax = 0, 1, 0
    if task == "add" and state == "finished":
        result = json.dumps(
            {"ratio": j / (j * 2.5 or 1), "sum": j + j * 2.5, "text": "✓ done\u00a0ok"},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        notes = json.dumps(
            {"source": f"import-{j}", "tags": ["a", "ß"], "label": f"Summe ü {j}", "progress": 100},
            ensure_ascii=False,
            separators=(",", ":"),
        )
    elif task == "boom":
        args, result, attempts = (
            f'["job {j}"]',
            json.dumps(f"Kaputt: job {j} 💥\n", ensure_ascii=False),
            1 + j % 2,
        )
    elif task == "flaky":
        args, result, attempts, retries = "[]", '{"attempt":0,"error":"flaky"}', 3, 1
        retried, delayed = minion_stamp(ran), created + timedelta(seconds=16)
    elif task == "noop":
        args, result, parents, lax = "[]", "null", f"[{j - 3},{j - 2}]", j // 6 % 2
        expires = minion_stamp(created + timedelta(hours=1))
    if state != "inactive" or task == "flaky":
        finished, started, worker = minion_stamp(ran), minion_stamp(ran), 1 + j // 12
    priority = -j if task == "boom" else j % 5
    queue = "mail" if j % 3 == 0 else "default"
    moments = (minion_stamp(created), minion_stamp(delayed), finished)
    return (
        j + 1, args, *moments, priority, result, retried, retries,
        started, state, task, worker, queue, attempts, parents, notes, expires, lax,
    )  # fmt: skip


def minion_post(p: int) -> tuple[Any, ...]:
    """Post ``p + 1`` as Mojo::SQLite's ``insert`` leaves it (``price`` a ``'%.2f'`` string)."""
    created = MINION_START + timedelta(seconds=1)
    meta = json.dumps({"f": p / 3, "n": p, "tags": ["x", f"é{p}"]}, ensure_ascii=False, separators=(",", ":"))
    return (
        p + 1,
        f"Titel {p} ☕",
        f"Body\n\nline {p}" if p % 5 else None,
        minion_stamp(created),
        meta,
        f"{p * 1.1:.2f}" if p % 4 else None,
        p % 2,
        minion_stamp(created + timedelta(minutes=p)) if p % 3 else None,
    )


def minion_queue(path: Path, jobs: int = 24, posts: int = 16) -> Path:
    """A Minion job queue's and a Mojo::SQLite app's database (see the module's list)."""
    ddl = [
        "CREATE TABLE mojo_migrations (\n       name    text not null primary key,\n       version integer "
        "not null check (version >= 0)\n     )",
        "CREATE TABLE minion_workers (\n  id       integer not null primary key autoincrement,\n  host     "
        "text not null,\n  pid      integer not null,\n  started  text not null default current_timestamp,"
        "\n  notified text not null default current_timestamp\n, inbox text not null\n  "
        "check(json_valid(inbox) and json_type(inbox) = 'array') default '[]', status text not null\n  "
        "check(json_valid(status) and json_type(status) = 'object') default '{}')",
        "CREATE TABLE minion_locks (\n  id integer not null primary key autoincrement,\n  name text not "
        "null,\n  expires text not null\n)",
        "CREATE INDEX minion_locks_name_expires on minion_locks (name, expires)",
        'CREATE TABLE "minion_jobs" (\n  id       integer not null primary key autoincrement,\n  args     '
        "text not null,\n  created  text not null default current_timestamp,\n  delayed  text not null,\n  "
        "finished text,\n  priority integer not null,\n  result   text,\n  retried  text,\n  retries  "
        "integer not null default 0,\n  started  text,\n  state    text not null default 'inactive',\n  "
        "task     text not null,\n  worker   integer,\n  queue    text not null default 'default',\n  "
        "attempts integer not null default 1,\n  parents  text not null default '[]',\n  notes    text not "
        "null\n    check(json_valid(notes) and json_type(notes) = 'object') default '{}',\n  expires  "
        "text,\n  lax      boolean not null default 0\n)",
        "CREATE INDEX minion_jobs_state_priority_id on minion_jobs (state, priority desc, id)",
        "CREATE INDEX minion_jobs_expires on minion_jobs (expires)",
        "CREATE TABLE posts (id integer primary key autoincrement, title text not null, body text, created "
        "text not null default (datetime('now')), meta json, price numeric, published boolean not null "
        "default 0, updated_at datetime)",
        "CREATE TABLE comments (id integer primary key, post_id integer not null references posts(id) on "
        "delete cascade, author text, body text, at text default current_timestamp)",
    ]
    stamp = minion_stamp(MINION_START + timedelta(seconds=1))
    rows: dict[str, list[Sequence[Any]]] = {
        "mojo_migrations": [("minion", 10), ("blog", 2)],
        "minion_workers": [
            (4, "vm", 9622, stamp, stamp, "[]", '{"jobs":4,"note":"host-é","queues":["default"]}')
        ],
        "minion_locks": [
            (k + 1, f"resource-{k}", minion_stamp(MINION_START + timedelta(hours=2))) for k in range(3)
        ],
        "minion_jobs": [minion_job(j) for j in range(jobs)],
        "posts": [minion_post(p) for p in range(posts)],
        "comments": [
            (c + 1, 2 * c + 2, f"user{2 * c + 1}" if c % 3 else "", f"Nice 👍 {2 * c + 1}", stamp)
            for c in range(posts // 2)
        ],
    }
    return write_export(path, ddl, rows)


# --- dbt (dbt-sqlite) ------------------------------------------------------------------------------------

DBT_NAMES = ("José\u00a0García", "李小龙", "Zoë Åström", "  padded  ", "😀 emoji", "", "O'Brien", "x" * 300)
DBT_STATUS = ("paid", "shipped", "refunded", "cancelled")
DBT_NOTES = (None, "rush", "gift 🎁", "fragile\u00a0box", "line1\nline2", 'said "hi"')
DBT_LOADED = "2026-12-05 10:14:14"  # current_timestamp when the incremental model first ran


def dbt_name(c: int) -> str | None:
    """A customer's name in the seed; agate reads an empty cell as NULL."""
    name = DBT_NAMES[c % len(DBT_NAMES)]
    return name or None


def dbt_zip(c: int) -> str | None:
    return None if c % 13 == 0 else f"{c * 7919 % 100_000:05d}"


def dbt_signup(c: int) -> date | None:
    return None if c % 17 == 0 else date(2019, 1, 1) + timedelta(days=37 * c)


def dbt_active(c: int) -> bool | None:
    return None if c % 11 == 0 else c % 3 != 0


def dbt_limit(c: int) -> Decimal | None:
    """A credit limit with cents, whole every tenth."""
    if c % 9 == 0:
        return None
    cents = c * 104_729 % 10**7
    return Decimal(cents - cents % 100 if c % 10 == 0 else cents) / 100


def dbt_ordered(o: int) -> datetime:
    """Every four hours or so: a day's orders are grouped by their status in ``daily_sales``."""
    return datetime(2024, 1, 1) + timedelta(seconds=o * 14_413 + o * o * 7)


def dbt_status(o: int) -> str:
    return DBT_STATUS[o // 2 % 4]


def dbt_amount(o: int) -> Decimal:
    cents = o * 7_727 % 10**6 + 1
    return Decimal(cents - cents % 100 if o % 8 == 0 else cents) / 100


def dbt_code(o: int) -> str:
    return f"00{o * 37 % 10_000:04d}"


def dbt_julian(o: int) -> float:
    """``julianday(ordered_at)``: SQLite's milliseconds since the Julian epoch over a day's."""
    unix_ms = int(dbt_ordered(o).replace(tzinfo=UTC).timestamp()) * 1000
    return (unix_ms + 210_866_760_000_000) / 86_400_000.0


def dbt_revenue(group: Sequence[int]) -> int | float:
    """``sum(amount)``: an INTEGER when every amount is one (whole, NUMERIC affinity), else a REAL."""
    amounts = [dbt_amount(o) for o in group]
    if all(a == a.to_integral_value() for a in amounts):
        return int(sum(amounts))
    return math.fsum(float(a) for a in amounts)


def dbt_customer(o: int) -> int:
    return o * 7 % 30 + 1


def dbt_warehouse(path: Path, customers: int = 30, orders: int = 60) -> Path:
    """A dbt project's SQLite warehouse as dbt-sqlite writes it (see the module's list)."""
    ddl = [
        # dbt seed, +column_types set for three columns of each seed; agate's inferred type elsewhere
        'CREATE TABLE IF NOT EXISTS "customers" ("customer_id" INT,"name" TEXT,"zip_code" text,'
        '"signup_date" TEXT,"is_active" boolean,"credit_limit" numeric(12,2),"last_login" TEXT)',
        'CREATE TABLE IF NOT EXISTS "orders" ("order_id" INT,"customer_id" INT,"order_code" varchar(6),'
        '"ordered_at" timestamp,"amount" decimal(10,2),"qty" INT,"status" TEXT,"note" TEXT)',
        # a seed with no +column_types: agate's Number is REAL, its Boolean INT
        'CREATE TABLE IF NOT EXISTS "fx_rates" ("currency" TEXT,"rate" REAL,"is_base" INT,"valid_from" TEXT)',
        # dbt run: CREATE TABLE AS, each column typed by its expression's affinity
        "CREATE TABLE daily_sales(\n  sale_date,\n  status TEXT,\n  n,\n  revenue,\n  units INT,\n"
        "  first_code\n)",
        "CREATE TABLE incr_orders(\n  order_id INT,\n  customer_id INT,\n  amount_gross,\n  amount NUM,\n"
        "  ordered_at NUM,\n  jd,\n  epoch_txt,\n  loaded_at\n)",
    ]

    def text(value: object) -> str | None:
        return None if value is None else str(value)

    def sale_day(o: int) -> str:
        return dbt_ordered(o).date().isoformat()

    order_ids = range(1, orders + 1)
    days = sorted({(sale_day(o), dbt_status(o)) for o in order_ids})
    rows: dict[str, list[Sequence[Any]]] = {
        "customers": [
            (
                c,
                dbt_name(c),
                dbt_zip(c),
                text(dbt_signup(c)),
                None if dbt_active(c) is None else str(dbt_active(c)).lower(),
                text(dbt_limit(c)),  # numeric affinity: REAL 66240.39, INTEGER 1234 for '1234.00'
                None if c % 19 == 0 else str(datetime(2024, 1, 1, 9, 1, 51) + timedelta(seconds=c * 40_009)),
            )
            for c in range(1, customers + 1)
        ],
        "orders": [
            (
                o,
                dbt_customer(o),
                dbt_code(o),
                dbt_ordered(o).isoformat(),
                str(dbt_amount(o)),
                o % 20 + 1,
                dbt_status(o),
                DBT_NOTES[o % len(DBT_NOTES)],
            )
            for o in order_ids
        ],
        "fx_rates": [
            ("EUR", 1.0, 1, "2024-01-01"),
            ("USD", 1.0842, 0, "2024-01-01"),
            ("GBP", 0.85725, 0, "2024-01-02"),
            ("JPY", 161.35, 0, None),
        ],
        "daily_sales": [
            (
                day,
                status,
                len(group),
                dbt_revenue(group),
                sum(o % 20 + 1 for o in group),
                min(dbt_code(o) for o in group),
            )
            for day, status in days
            for group in [[o for o in order_ids if (sale_day(o), dbt_status(o)) == (day, status)]]
        ],
        "incr_orders": [
            (
                o,
                dbt_customer(o),
                float(dbt_amount(o)) * 1.19,
                str(dbt_amount(o)),
                dbt_ordered(o).isoformat(),
                dbt_julian(o),
                str(int(dbt_ordered(o).replace(tzinfo=UTC).timestamp())),
                DBT_LOADED,
            )
            for o in order_ids
        ],
    }
    return write_export(path, ddl, rows)


# --- Meltano --------------------------------------------------------------------------------------------

MELTANO_DDL = [
    "CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\t"
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)",
    'CREATE TABLE IF NOT EXISTS "runs" (\n\tid INTEGER NOT NULL, \n\tjob_name VARCHAR, \n\tstate VARCHAR(7), '
    "\n\tstarted_at DATETIME, \n\tended_at DATETIME, \n\tpayload VARCHAR, \n\tpayload_flags INTEGER, "
    'run_id CHAR(32), "trigger" VARCHAR, last_heartbeat_at DATETIME, \n\tPRIMARY KEY (id)\n)',
    "CREATE TABLE plugin_settings (\n\tlabel VARCHAR(255), \n\tdescription TEXT, "
    "\n\tname VARCHAR(255) NOT NULL, \n\tnamespace VARCHAR(255), \n\tvalue BLOB, \n\tenabled BOOLEAN, "
    "\n\tPRIMARY KEY (name, namespace)\n)",
    "CREATE TABLE state (\n\tstate_id VARCHAR(900) NOT NULL, \n\tpartial_state VARCHAR, \n\tcompleted_state "
    "VARCHAR, \n\tupdated_at DATETIME, \n\tPRIMARY KEY (state_id), \n\tUNIQUE (state_id)\n)",
]
MELTANO_START = datetime(2026, 12, 5, 10, 18, 15, 628315)
MELTANO_SETTINGS: tuple[tuple[str, str, Any], ...] = (
    ("do_timestamp_file", "loaders.target-jsonl.default", False),
    ("destination_path", "loaders.target-jsonl.default", "/srv/out/Zoë 🎉"),
    ("files", "extractors.tap-csv.default", [{"path": "orders.csv", "keys": ["order_id"]}]),
)


def meltano_job(r: int) -> str:
    """Run ``r``'s job: a state edit every seventh, the failing loader every fifth, prod every fourth."""
    if r % 7 == 6:
        return "manual-job"
    env = "prod" if r % 4 == 3 else "dev"
    return f"{env}:tap-csv-to-target-{'sqlite' if r % 5 == 0 else 'jsonl'}"


def meltano_state(r: int) -> str:
    if r % 7 == 6:
        return "STATE_EDIT"
    return "FAIL" if r % 5 == 0 or r == 19 else "SUCCESS"


def meltano_started(r: int) -> datetime:
    return MELTANO_START + timedelta(seconds=r * 2, microseconds=r * 37_013)


def meltano_ended(r: int) -> datetime:
    """A state edit ends as it starts; a run some 1.3 s later."""
    return meltano_started(r) if r % 7 == 6 else meltano_started(r) + timedelta(microseconds=1_309_219 + r)


def meltano_bookmarks(r: int) -> dict[str, Any]:
    if r % 7 == 6:
        return {
            "orders": {
                "replication_key": "ordered_at",
                "replication_key_value": "2024-04-26T11:43:55",
                "note": f"Zoë 🎉 {r}",
            }
        }
    moment = (MELTANO_START - timedelta(minutes=r)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    return {
        stream: {"replication_key": "_sdc_last_modified", "replication_key_value": moment}
        for stream in ("customers", "orders")
    }


def meltano_payload(r: int) -> str:
    """The run's payload as Meltano writes it (``json.dumps``: non-ASCII as ``\\u`` escapes)."""
    if meltano_state(r) == "FAIL":
        return json.dumps({"error": "The process was interrupted" if r == 19 else "Loader failed"})
    return json.dumps({"singer_state": {"bookmarks": meltano_bookmarks(r)}})


def meltano_flags(r: int) -> int:
    """0 for a failed run, 2 for a ``--full-refresh`` run (every eighth), 1 otherwise (a state edit too)."""
    if meltano_state(r) == "FAIL":
        return 0
    return 2 if r % 8 == 5 and meltano_state(r) == "SUCCESS" else 1


def meltano_run_id(r: int) -> str:
    """A uuid7's hex: the millisecond clock's leading zero first, the version nibble 7, variant 8-b."""
    millis = int(meltano_started(r).replace(tzinfo=UTC).timestamp() * 1000)
    return f"{millis:012x}7{r * 2_654_435_761 % 16**3:03x}{8 + r % 4:x}{r * 40_503 % 16**15:015x}"


def meltano_system(path: Path, runs: int = 24) -> Path:
    """A Meltano project's ``.meltano/meltano.db`` (see the module's list)."""
    last = max(
        r
        for r in range(runs)
        if meltano_job(r) == "dev:tap-csv-to-target-jsonl" and meltano_state(r) == "SUCCESS"
    )
    rows: dict[str, list[Sequence[Any]]] = {
        "alembic_version": [("c0efb3c314eb",)],
        "runs": [
            (
                r + 1,
                meltano_job(r),
                meltano_state(r),
                str(meltano_started(r)),
                str(meltano_ended(r)),
                meltano_payload(r),
                meltano_flags(r),
                meltano_run_id(r),
                "cli",
                None if r % 7 == 6 else str(meltano_started(r) + timedelta(seconds=1, microseconds=r)),
            )
            for r in range(runs)
        ],
        "plugin_settings": [
            (None, None, name, namespace, pickle.dumps(value, protocol=5), 1)
            for name, namespace, value in MELTANO_SETTINGS
        ],
        "state": [
            ("dev:tap-csv-to-target-jsonl", "{}", meltano_payload(last), str(meltano_ended(last))),
            ("prod:tap-csv-to-target-jsonl", "{}", meltano_payload(3), None),
            ("manual-job", "{}", meltano_payload(6), None),
        ],
    }
    return write_export(path, MELTANO_DDL, rows)


# --- Frictionless ----------------------------------------------------------------------------------------

FRICTIONLESS_DDL = [
    "CREATE TABLE people (\n\tid INTEGER, \n\tname TEXT, \n\tcode TEXT, \n\tborn DATE, "
    "\n\tjoined_at DATETIME, \n\tactive BOOLEAN, \n\tscore FLOAT, \n\tyear INTEGER, \n\twait TEXT, "
    "\n\tlocation TEXT, \n\ttags TEXT, "
    "\n\tmeta TEXT, \n\talarm TIME, \n\tPRIMARY KEY (id)\n)",
    "CREATE TABLE visits (\n\tvisit_id INTEGER, \n\tperson_id INTEGER, \n\tat DATETIME, \n\tamount FLOAT, "
    "\n\tok BOOLEAN, \n\tcomment TEXT, \n\tduration TEXT, \n\tday DATE, \n\tym TEXT, "
    "\n\tPRIMARY KEY (visit_id), \n\tFOREIGN KEY(person_id) REFERENCES people (id)\n)",
]
FRICTIONLESS_NAMES = (
    "Zoë Åström",
    "José\u00a0García",
    "李小龙",
    "  padded  ",
    "😀 emoji",
    None,
    'quote "q"',
    "x" * 300,
)
FRICTIONLESS_WAITS = ("P1D", "PT2H30M", "P1Y2M3DT4H5M6S", "PT0.5S")
FRICTIONLESS_COMMENTS = (None, "ok 👍", "été\u00a0chaud", "multi\nline")


def frictionless_code(p: int) -> str:
    return f"{p * 7_331 % 10_000:04d}"


def frictionless_born(p: int) -> date | None:
    return None if p % 23 == 0 else date(1950, 1, 1) + timedelta(days=p * 811)


def frictionless_joined(p: int) -> datetime | None:
    """A UTC moment written naive; microseconds 0 in every other row (still six digits)."""
    if p % 19 == 0:
        return None
    return datetime(2024, 1, 1) + timedelta(
        seconds=p * 33_331, microseconds=(p * 104_729 % 1_000_000) * (p % 2)
    )


def frictionless_active(p: int) -> bool | None:
    return None if p % 7 == 0 else p % 3 != 1


def frictionless_score(p: int) -> Decimal | None:
    return None if p % 11 == 0 else Decimal(p * 6_007 % 200_001 - 100_000) / 100


def frictionless_location(p: int) -> str | None:
    """A ``geopoint`` as Frictionless writes its default format (``lon,lat``); NULL where it was invalid."""
    if p % 2 == 0:
        return None
    return f"{(p * 7.123457) % 360 - 180:.6f},{(p * 3.217) % 180 - 90:.6f}"


def frictionless_visit_at(v: int) -> datetime:
    """The naive UTC moment of a visit the JSON wrote at +02:00 (``2024-05-01T00:37:00+02:00``)."""
    return datetime(2024, 4, 30, 22) + timedelta(minutes=v * 37)


def frictionless_amount(v: int) -> Decimal:
    return Decimal(v * 4_111 % 100_000) / 100


def frictionless_alarm(p: int) -> str:
    """A ``time`` as SQLAlchemy writes it to SQLite: six fraction digits."""
    return f"{p % 24:02d}:{p * 7 % 60:02d}:00.000000"


def frictionless_package(path: Path, people: int = 40, visits: int = 50) -> Path:
    """A Frictionless data package written to SQLite (see the module's list)."""

    def moment(value: date | datetime | None) -> str | None:
        if isinstance(value, datetime):
            return f"{value:%Y-%m-%d %H:%M:%S.%f}"
        return None if value is None else str(value)

    rows: dict[str, list[Sequence[Any]]] = {
        "people": [
            (
                p,
                FRICTIONLESS_NAMES[p % len(FRICTIONLESS_NAMES)],
                frictionless_code(p),
                moment(frictionless_born(p)),
                moment(frictionless_joined(p)),
                frictionless_active(p),
                None if (score := frictionless_score(p)) is None else float(score),
                1990 + p % 36,
                FRICTIONLESS_WAITS[p % 4],
                frictionless_location(p),
                json.dumps(["é", "c"] if p % 3 == 0 else ["a", str(p)]),
                json.dumps({"k": p, "v": "ü"}),
                frictionless_alarm(p),
            )
            for p in range(1, people + 1)
        ],
        "visits": [
            (
                v,
                v * 13 % people + 1,
                moment(frictionless_visit_at(v)),
                float(frictionless_amount(v)),
                None if v % 5 == 0 else v % 2,
                FRICTIONLESS_COMMENTS[v % 4],
                ("PT15M", "PT1H", "P2D")[v % 3],
                str(date(2024, 5, 1) + timedelta(days=v % 40)),
                f"2024-{v % 12 + 1:02d}",
            )
            for v in range(1, visits + 1)
        ],
    }
    return write_export(path, FRICTIONLESS_DDL, rows)


# --- GNOME Tracker 3 ----------------------------------------------------------------------------------

#: Tracker's own collation (``tracker_collation``, ICU's, or ``g_utf8_collate``): declared on every
#: text column, so a file that declares it needs it defined to be written (a Python stand-in).
TRACKER_COLLATION = "TRACKER"
#: ``(ID, URI)`` of the ontology classes the index's resources are typed by (``Resource`` holds them too).
TRACKER_CLASSES = {
    "resource": (7, "http://www.w3.org/2000/01/rdf-schema#Resource"),
    "data_object": (55, "http://tracker.api.gnome.org/ontology/v3/nie#DataObject"),
    "element": (57, "http://tracker.api.gnome.org/ontology/v3/nie#InformationElement"),
    "file": (207, "http://tracker.api.gnome.org/ontology/v3/nfo#FileDataObject"),
    "image": (211, "http://tracker.api.gnome.org/ontology/v3/nfo#Image"),
    "text": (221, "http://tracker.api.gnome.org/ontology/v3/nfo#PlainTextDocument"),
    "html": (222, "http://tracker.api.gnome.org/ontology/v3/nfo#HtmlDocument"),
    "piece": (364, "http://tracker.api.gnome.org/ontology/v3/nmm#MusicPiece"),
    "album": (365, "http://tracker.api.gnome.org/ontology/v3/nmm#MusicAlbum"),
}
#: What each file is, by its number: its folder, extension, mime type and content class.
TRACKER_KINDS = (
    ("notes", "txt", "text/plain", "text"),
    ("docs", "html", "text/html", "html"),
    ("music", "mp3", "audio/mpeg", "piece"),
    ("photos", "jpg", "image/jpeg", "image"),
)
TRACKER_TITLES = (
    "Café au lait",
    "Naïve Ärger",
    "東京の夜",
    "Señor 🎸 blues",
    "No\u00a0break space",
    "",
    "Ελληνικά",
    "Zürich — Genève",
    "emoji 😀🎉",
    None,
)
TRACKER_ALBUMS = ("Homogenic", "Ágætis byrjun", "音楽図鑑")
#: When the miner added every resource of its one crawl (``nrl:added``), Unix seconds.
TRACKER_CRAWL = 1_796_465_612
TRACKER_FILE_ID, TRACKER_ELEMENT_ID, TRACKER_ALBUM_ID = 600, 800, 900


def tracker_kind(i: int) -> tuple[str, str, str, str]:
    return TRACKER_KINDS[i % len(TRACKER_KINDS)]


def tracker_file_name(i: int) -> str:
    title = TRACKER_TITLES[i % len(TRACKER_TITLES)]
    return f"{i:03d} {title or 'untitled'}.{tracker_kind(i)[1]}"


def tracker_file_uri(i: int) -> str:
    """The file's URL as Tracker keeps it (GIO's ``g_file_get_uri``: percent-encoded UTF-8)."""
    path = f"/home/ana/{tracker_kind(i)[0]}/{tracker_file_name(i)}"
    return "file://" + urllib.parse.quote(path)


def tracker_modified(i: int) -> int:
    """``nfo:fileLastModified`` (and ``dc:date``) of file ``i``: Unix seconds of 2023–2026."""
    return 1_679_245_818 + i * 2_592_037 + i * i * 41


def tracker_accessed(i: int) -> int:
    return tracker_modified(i) + 3_600 * (i % 5) + 17


def tracker_size(i: int) -> int:
    return 417 * (40 + 3 * i) + 128 * (i % 4)


def tracker_taken(i: int) -> int | None:
    """A photo's ``nie:contentCreated`` (its EXIF time, read as UTC), Unix seconds; None for others."""
    if tracker_kind(i)[3] != "image":
        return None
    return int(datetime(2021, 3, 1, 8, 0, tzinfo=UTC).timestamp()) + i * 3_196_801


def tracker_text(i: int) -> str | None:
    """The text the extractor kept (``nie:plainTextContent``) of a note; None for others."""
    if tracker_kind(i)[3] != "text":
        return None
    title = TRACKER_TITLES[i % len(TRACKER_TITLES)] or ""
    return f"Note {i:03d} {title}\n" + "Lorem ipsum dolor sit amet 🎉 " * (i % 40)


def tracker_ddl() -> list[str]:
    text = f"TEXT COLLATE {TRACKER_COLLATION}"
    return [
        "CREATE TABLE Resource (ID INTEGER NOT NULL PRIMARY KEY, Uri TEXT, BlankNode INTEGER DEFAULT 0, "
        "UNIQUE (Uri))",
        "CREATE TABLE metadata (key TEXT NOT NULL PRIMARY KEY, value TEXT)",
        f'CREATE TABLE "rdfs:Resource" (ID INTEGER NOT NULL PRIMARY KEY, "rdfs:comment" {text}, '
        f'"rdfs:label" {text}, "nrl:added" INTEGER, "nrl:modified" INTEGER, "dc:title" {text})',
        'CREATE TABLE "rdfs:Resource_rdf:type" (ID INTEGER NOT NULL, "rdf:type" INTEGER NOT NULL)',
        'CREATE TABLE "rdfs:Resource_dc:date" (ID INTEGER NOT NULL, "dc:date" INTEGER NOT NULL)',
        f'CREATE TABLE "nie:DataObject" (ID INTEGER NOT NULL PRIMARY KEY, "nie:url" {text} UNIQUE, '
        '"nie:byteSize" INTEGER, "nie:lastRefreshed" INTEGER, "nie:created" INTEGER, '
        '"nfo:belongsToContainer" INTEGER)',
        'CREATE TABLE "nfo:FileDataObject" (ID INTEGER NOT NULL PRIMARY KEY, "nfo:fileLastAccessed" '
        f'INTEGER, "nfo:fileCreated" INTEGER, "nfo:fileSize" INTEGER, "nfo:permissions" {text}, '
        f'"nfo:fileName" {text}, "nfo:hasHash" INTEGER, "nfo:fileOwner" INTEGER, '
        f'"nfo:fileLastModified" INTEGER, "tracker:extractorHash" {text})',
        f'CREATE TABLE "nie:InformationElement" (ID INTEGER NOT NULL PRIMARY KEY, "nie:title" {text}, '
        f'"nie:contentLastModified" INTEGER, "nie:mimeType" {text}, "nie:plainTextContent" {text}, '
        '"nie:contentCreated" INTEGER)',
        'CREATE TABLE "nie:InformationElement_nie:isStoredAs" (ID INTEGER NOT NULL, '
        '"nie:isStoredAs" INTEGER NOT NULL)',
        f'CREATE TABLE "nmm:MusicAlbum" (ID INTEGER NOT NULL PRIMARY KEY, "nie:title" {text})',
        f'CREATE TABLE "nmm:MusicPiece" (ID INTEGER NOT NULL PRIMARY KEY, "nie:title" {text}, '
        '"nmm:musicAlbum" INTEGER, "nmm:trackNumber" INTEGER)',
    ]


def tracker_collate(left: str, right: str) -> int:
    """A stand-in for Tracker's collation: case-folded, then code points."""
    a, b = (left.casefold(), left), (right.casefold(), right)
    return (a > b) - (a < b)


def tracker_store(path: Path, files: int = 24) -> Path:
    """A desktop search index's ``meta.db`` as Tracker 3 writes it (see the module's list)."""
    classes = TRACKER_CLASSES
    resources: list[Sequence[Any]] = [(k, uri, 0) for k, uri in classes.values()]
    typed: list[Sequence[Any]] = [(k, classes["resource"][0]) for k, _ in classes.values()]
    rdfs: list[Sequence[Any]] = [(k, None, None, None, 1, None) for k, _ in classes.values()]
    rows: dict[str, list[Sequence[Any]]] = {
        "metadata": [("locale", "C.UTF-8"), ("parser-version", "4"), ("fts-flags", "224")],
        "rdfs:Resource_dc:date": [],
        "nie:DataObject": [],
        "nfo:FileDataObject": [],
        "nie:InformationElement": [],
        "nie:InformationElement_nie:isStoredAs": [],
        "nmm:MusicAlbum": [],
        "nmm:MusicPiece": [],
    }
    for a, album in enumerate(TRACKER_ALBUMS):
        ident = TRACKER_ALBUM_ID + a
        resources.append((ident, f"urn:album:{urllib.parse.quote(album)}", 0))
        typed += [(ident, classes["resource"][0]), (ident, classes["album"][0])]
        rdfs.append((ident, None, None, TRACKER_CRAWL, 2, None))
        rows["nmm:MusicAlbum"].append((ident, album))
    for i in range(files):
        file_id, element_id = TRACKER_FILE_ID + i, TRACKER_ELEMENT_ID + i
        _, _, mime, kind = tracker_kind(i)
        resources += [(file_id, tracker_file_uri(i), 0), (element_id, f"urn:fileid:2054:{131_072 + i}", 0)]
        typed += [(file_id, classes[c][0]) for c in ("resource", "data_object", "file")]
        typed += [(element_id, classes[c][0]) for c in ("resource", "element", kind)]
        rdfs += [
            (file_id, None, None, TRACKER_CRAWL + i // 8, 3 + i // 8, None),
            (element_id, None, None, TRACKER_CRAWL + i // 8, 3 + i // 8, None),
        ]
        rows["rdfs:Resource_dc:date"].append((file_id, tracker_modified(i)))
        rows["nie:DataObject"].append((file_id, tracker_file_uri(i), tracker_size(i), None, None, None))
        rows["nfo:FileDataObject"].append(
            (
                file_id,
                tracker_accessed(i),
                None,
                tracker_size(i),
                None,
                tracker_file_name(i),
                None,
                None,
                tracker_modified(i),
                hashlib.md5(kind.encode()).hexdigest() if i % 6 else None,
            )
        )
        title = TRACKER_TITLES[i % len(TRACKER_TITLES)]
        rows["nie:InformationElement"].append(
            (element_id, title, tracker_modified(i), mime, tracker_text(i), tracker_taken(i))
        )
        rows["nie:InformationElement_nie:isStoredAs"].append((element_id, file_id))
        if kind == "piece":
            album = TRACKER_ALBUM_ID + i % len(TRACKER_ALBUMS)
            rows["nmm:MusicPiece"].append((element_id, title, album, i % 10 + 1))
    con = sqlite3.connect(path)
    con.create_collation(TRACKER_COLLATION, tracker_collate)
    with con:
        for statement in tracker_ddl():
            con.execute(statement)
        everything = {"Resource": resources, "rdfs:Resource": rdfs, "rdfs:Resource_rdf:type": typed, **rows}
        for table, values in everything.items():
            for row in values:
                con.execute(f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(row))})', row)
    con.close()
    return path


# --- Payload CMS 3 ------------------------------------------------------------------------------------

_PAYLOAD_STAMP = "`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL"
_PAYLOAD_CREATED = "`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL"
_PAYLOAD_PRODUCT_FIELDS = (
    "`sku` text, `price` numeric, `stock` numeric, `weight` numeric, `description` text, `meta` text, "
    "`released_at` text, `birthday` text, `active` integer, `colour` text, `category_id` integer, "
    "`notes` text, `email` text, `location` text"
)
PAYLOAD_DDL = [
    f"CREATE TABLE `categories` (`id` integer PRIMARY KEY NOT NULL, `name` text NOT NULL, `code` text, "
    f"{_PAYLOAD_STAMP}, {_PAYLOAD_CREATED})",
    f"CREATE TABLE `products` (`id` integer PRIMARY KEY NOT NULL, {_PAYLOAD_PRODUCT_FIELDS}, "
    f"{_PAYLOAD_STAMP}, {_PAYLOAD_CREATED}, `_status` text DEFAULT 'draft', FOREIGN KEY (`category_id`) "
    "REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE set null)",
    "CREATE TABLE `products_locales` (`title` text, `id` integer PRIMARY KEY NOT NULL, `_locale` text "
    "NOT NULL, `_parent_id` integer NOT NULL, FOREIGN KEY (`_parent_id`) REFERENCES `products`(`id`) "
    "ON UPDATE no action ON DELETE cascade)",
    "CREATE UNIQUE INDEX `products_locales_locale_parent_id_unique` ON `products_locales` "
    "(`_locale`,`_parent_id`)",
    "CREATE TABLE `products_tags` (`order` integer NOT NULL, `parent_id` integer NOT NULL, `value` text, "
    "`id` integer PRIMARY KEY NOT NULL, FOREIGN KEY (`parent_id`) REFERENCES `products`(`id`) ON UPDATE "
    "no action ON DELETE cascade)",
    "CREATE TABLE `products_variants` (`_order` integer NOT NULL, `_parent_id` integer NOT NULL, `id` "
    "text PRIMARY KEY NOT NULL, `label` text, `extra` numeric, `zip` text, FOREIGN KEY (`_parent_id`) "
    "REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade)",
    "CREATE TABLE `products_blocks_quote` (`_order` integer NOT NULL, `_parent_id` integer NOT NULL, "
    "`_path` text NOT NULL, `id` text PRIMARY KEY NOT NULL, `text` text, `author` text, `block_name` "
    "text, FOREIGN KEY (`_parent_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade)",
    "CREATE TABLE `products_rels` (`id` integer PRIMARY KEY NOT NULL, `order` integer, `parent_id` "
    "integer NOT NULL, `path` text NOT NULL, `products_id` integer, FOREIGN KEY (`parent_id`) REFERENCES "
    "`products`(`id`) ON UPDATE no action ON DELETE cascade, FOREIGN KEY (`products_id`) REFERENCES "
    "`products`(`id`) ON UPDATE no action ON DELETE cascade)",
    "CREATE TABLE `_products_v` (`id` integer PRIMARY KEY NOT NULL, `parent_id` integer, "
    + ", ".join(
        f"`version_{f.split('`')[1]}` {f.split('` ')[1]}" for f in _PAYLOAD_PRODUCT_FIELDS.split(", ")
    )
    + ", `version_updated_at` text, `version_created_at` text, `version__status` text DEFAULT 'draft', "
    f"{_PAYLOAD_CREATED}, {_PAYLOAD_STAMP}, `snapshot` integer, `published_locale` text, `latest` integer, "
    "FOREIGN KEY (`parent_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE set null, "
    "FOREIGN KEY (`version_category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE set "
    "null)",
    "CREATE TABLE `_products_v_locales` (`version_title` text, `id` integer PRIMARY KEY NOT NULL, "
    "`_locale` text NOT NULL, `_parent_id` integer NOT NULL, FOREIGN KEY (`_parent_id`) REFERENCES "
    "`_products_v`(`id`) ON UPDATE no action ON DELETE cascade)",
    f"CREATE TABLE `payload_migrations` (`id` integer PRIMARY KEY NOT NULL, `name` text, `batch` numeric, "
    f"{_PAYLOAD_STAMP}, {_PAYLOAD_CREATED})",
]
PAYLOAD_TITLES = (
    "Café au lait",
    "Naïve Ärger",
    "東京の夜",
    "Señor 🎸 blues",
    "No\u00a0break space",
    "Ελληνικά",
    "Zürich — Genève",
    "emoji 😀🎉",
)
PAYLOAD_TAGS = (("new",), ("sale", "eco"), (), ("limited", "new", "eco"))
PAYLOAD_CATEGORIES = 4
#: When the Local API wrote the first document (JavaScript's ``toISOString()``), each later 37 ms on.
PAYLOAD_WRITTEN = datetime(2026, 12, 5, 10, 23, 31, 942_000, tzinfo=UTC)


def payload_iso(moment: datetime) -> str:
    """JavaScript's ``Date.prototype.toISOString()``: milliseconds and ``Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def payload_written(n: int) -> datetime:
    return PAYLOAD_WRITTEN + timedelta(milliseconds=37 * n)


def payload_price(i: int) -> float | None:
    """A ``number`` field the editor typed with two decimals (JavaScript's double, REAL in SQLite)."""
    return None if i % 9 == 0 else (i * 317 + 10) / 100


def payload_weight(i: int) -> float | int:
    """A computed ``number``: ``0.1 + i / 1000`` keeps its binary digits (``0.10400000000000001``); whole
    ones are INTEGER cells."""
    return 0.1 + i / 1000 if i % 4 == 0 else i * 2


def payload_released(i: int) -> datetime | None:
    if i % 6 == 0:
        return None
    return datetime(2024, 1 + i % 12, 1 + i % 28, i % 24, i * 7 % 60, i * 13 % 60, i * 37 % 1000 * 1000, UTC)


def payload_birthday(i: int) -> datetime | None:
    """A day-only ``date`` field: Payload keeps the day's noon UTC."""
    return None if i % 8 == 0 else datetime(1980 + i % 30, 1 + i % 12, 1 + i % 28, 12, tzinfo=UTC)


def payload_sku(i: int) -> str | None:
    return None if i % 7 == 0 else f"{i * 37:06d}"


def payload_notes(i: int) -> str:
    return "" if i % 5 == 0 else f"Notes {i}\twith tab"


def payload_object_id(n: int) -> str:
    """An array row's or block's id: Payload's ObjectId-like 24 hex digits (seconds, then a counter)."""
    return f"6b13e624b94bd7656e{0x64504D + n:06x}"


def payload_product_row(i: int, category: int | None) -> list[Any]:
    released, birthday = payload_released(i), payload_birthday(i)
    return [
        payload_sku(i),
        payload_price(i),
        i % 5,
        payload_weight(i),
        None
        if i % 3 == 0
        else json.dumps(
            {"root": {"type": "root", "children": [{"type": "text", "text": PAYLOAD_TITLES[i % 8]}]}},
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        None if i % 4 == 0 else json.dumps({"a": i, "nested": {"ok": i % 2 == 0}}, separators=(",", ":")),
        None if released is None else payload_iso(released),
        None if birthday is None else payload_iso(birthday),
        int(i % 3 == 1),
        ("red", "green", "blue", None)[i % 4],
        category,
        payload_notes(i),
        None if i % 6 == 0 else f"user{i}@example.org",
        None
        if i % 4 == 0
        else json.dumps({"type": "Point", "coordinates": [13.4 + i / 100, 52.5 - i / 100]}),
    ]


def payload_category_of(i: int) -> int | None:
    return None if i % 10 == 9 else i % PAYLOAD_CATEGORIES + 1


def payload_versions(i: int) -> int:
    """Drafts' versions of product ``i``: one, two where it was updated."""
    return 2 if i % 5 == 0 else 1


def payload_cms(path: Path, products: int = 20) -> Path:
    """A Payload CMS 3 project's SQLite file (see the module's list)."""
    stamp = payload_iso(PAYLOAD_WRITTEN)
    rows: dict[str, list[Sequence[Any]]] = {
        "categories": [
            (c + 1, f"Cat {c} {PAYLOAD_TITLES[c]}", f"{c:04d}", stamp, stamp)
            for c in range(PAYLOAD_CATEGORIES)
        ],
        "payload_migrations": [(1, "dev", -1, stamp, stamp)],
        "products": [],
        "products_locales": [],
        "products_tags": [],
        "products_variants": [],
        "products_blocks_quote": [],
        "products_rels": [],
        "_products_v": [],
        "_products_v_locales": [],
    }
    blocks = 0
    for i in range(products):
        pid, at = i + 1, payload_iso(payload_written(i))
        fields = payload_product_row(i, payload_category_of(i))
        rows["products"].append((pid, *fields, at, at, "draft"))
        title = f"{PAYLOAD_TITLES[i % 8]} #{i}"
        rows["products_locales"].append((title, len(rows["products_locales"]) + 1, "en", pid))
        if i % 3 == 0:
            rows["products_locales"].append((f"DE {title}", len(rows["products_locales"]) + 1, "de", pid))
        for order, tag in enumerate(PAYLOAD_TAGS[i % 4]):
            rows["products_tags"].append((order + 1, pid, tag, len(rows["products_tags"]) + 1))
        for k in range(i % 3):
            rows["products_variants"].append(
                (
                    k + 1,
                    pid,
                    payload_object_id(blocks),
                    f"v{k} {PAYLOAD_TITLES[(i + k) % 8]}",
                    k * 1.5,
                    f"{1000 + k:05d}",
                )
            )
            blocks += 1
        if i % 2:
            rows["products_blocks_quote"].append(
                (1, pid, "layout", payload_object_id(blocks), f"Quote {i}\nline 2", "Zoë", None)
            )
            blocks += 1
        if i:
            rows["products_rels"].append(
                (len(rows["products_rels"]) + 1, 1, pid, "related", (i * 7 + 3) % i + 1)
            )
        for v in range(payload_versions(i)):
            vid = len(rows["_products_v"]) + 1
            latest = int(v == payload_versions(i) - 1)
            rows["_products_v"].append((vid, pid, *fields, at, at, "draft", at, at, None, None, latest))
            rows["_products_v_locales"].append((title, vid, "en", vid))
    return write_export(path, PAYLOAD_DDL, rows)


# --- SQLAlchemy-Utils ------------------------------------------------------------------------------------

#: SQLAlchemy 2.0's DDL for two models of SQLAlchemy-Utils 0.41's types on SQLite, verbatim but for the
#: columns' order: ``UUIDType(binary=True)`` is ``BINARY(16)``, ``UUIDType(binary=False)`` ``CHAR(32)``,
#: ``PasswordType`` a ``BLOB``, ``ScalarListType`` and ``JSONType`` ``TEXT``, ``ChoiceType`` over an enum
#: of ints ``INTEGER``, ``ArrowType`` and SQLAlchemy's own ``Interval`` ``DATETIME``.
SQLALCHEMY_UTILS_DDL = (
    """CREATE TABLE account (
	id BINARY(16) NOT NULL,
	ext_id CHAR(32),
	email VARCHAR(255),
	ip VARCHAR(50),
	currency VARCHAR(3),
	seen DATETIME,
	tz VARCHAR(50),
	pw BLOB,
	tags TEXT,
	meta TEXT,
	kind INTEGER,
	status VARCHAR(255),
	amount NUMERIC(12, 2),
	born DATE,
	wake TIME,
	span DATETIME,
	flag BOOLEAN,
	PRIMARY KEY (id)
)""",
    """CREATE TABLE ticket (
	id INTEGER NOT NULL,
	account_id BINARY(16),
	title VARCHAR(200),
	cost NUMERIC(10, 4),
	PRIMARY KEY (id),
	FOREIGN KEY(account_id) REFERENCES account (id)
)""",
)
SQLALCHEMY_UTILS_EPOCH = datetime(1970, 1, 1)


def sau_id(i: int) -> bytes:
    """Account ``i``'s ``UUIDType(binary=True)`` key: a uuid4's 16 bytes (some with a NUL or no UTF-8)."""
    return uuid.UUID(hashlib.md5(f"account {i}".encode()).hexdigest(), version=4).bytes


def sau_span(i: int) -> timedelta:
    """Account ``i``'s ``Interval``: quarter hours and seconds, one a day back, one none at all."""
    return timedelta(0) if i == 0 else timedelta(days=-1) if i == 5 else timedelta(minutes=15 * i, seconds=i)


def sau_tags(i: int) -> str:
    """``ScalarListType(int)``: the integers joined by commas, ``''`` for none (as SQLAlchemy-Utils)."""
    return ",".join(str(i + k) for k in range(i % 4))


def sau_amount(i: int) -> float | int:
    """``Numeric(12, 2)``: SQLAlchemy binds a Decimal as a float (REAL), a whole one as an INTEGER."""
    value = Decimal(i * 1234) / 100
    return int(value) if value == int(value) else float(value)


def sau_password(i: int) -> bytes:
    """``PasswordType``: passlib's pbkdf2_sha512 hash, bound as bytes (a BLOB of ASCII)."""
    digest = base64.b64encode(hashlib.sha512(f"pw{i}".encode()).digest()).decode().rstrip("=")
    return f"$pbkdf2-sha512$25000${digest[:22]}${digest}".encode()


def sqlalchemy_utils_app(path: Path, accounts: int = 24, tickets: int = 60) -> Path:
    """A Flask/SQLAlchemy application's file with SQLAlchemy-Utils' types (see the module's list)."""
    rows: dict[str, list[Sequence[Any]]] = {"account": [], "ticket": []}
    for i in range(accounts):
        seen = datetime(2024, 1, 1 + i % 28, 10, i % 60)
        rows["account"].append(
            (
                sau_id(i),
                hashlib.md5(f"ext {i}".encode()).hexdigest(),
                f"a{i}@example.org",
                f"10.0.0.{i}" if i % 2 else f"2001:db8::{i:x}",
                "EUR" if i % 3 else "USD",
                f"{seen:%Y-%m-%d %H:%M:%S.%f}",
                "Europe/Helsinki" if i % 2 else "UTC",
                sau_password(i),
                sau_tags(i),
                json.dumps({"i": i}) if i % 2 else None,
                1 + i % 2,
                "o" if i % 3 else "c",
                sau_amount(i),
                f"{date(1980, 1 + i % 12, 1 + i % 27):%Y-%m-%d}",
                f"{time(7, i % 60, 0, 500000 * (i % 2)):%H:%M:%S.%f}",
                f"{SQLALCHEMY_UTILS_EPOCH + sau_span(i):%Y-%m-%d %H:%M:%S.%f}",
                None if i % 5 == 0 else int(i % 2 == 0),
            )
        )
    for j in range(tickets):
        rows["ticket"].append((j + 1, sau_id(j % accounts), f"Ticket {j}", j / 8))
    return write_export(path, SQLALCHEMY_UTILS_DDL, rows, bytes_as_text=False)


# --- Feast -----------------------------------------------------------------------------------------------

#: ``feast apply``'s DDL of one feature view's table in the SQLite online store.
FEAST_VIEW_DDL = (
    "CREATE TABLE {table} (entity_key BLOB, feature_name TEXT, value BLOB, value_text TEXT, "
    " vector_value BLOB, event_ts timestamp, created_ts timestamp,  PRIMARY KEY(entity_key, feature_name))"
)
#: The moment the builder's ``feast materialize`` ran, in Unix seconds (2026-11-30 12:00 UTC).
FEAST_NOW = 1796040000
FEAST_NAMES = ("Zoë", "José\u00a0Núñez", "李雷 🙂", "O'Brien", "x" * 600, "Ωmega")
FEAST_CUSTOMER_FEATURES = ("name", "balance", "visits", "vip", "zip", "last_seen", "avatar", "scores")
FEAST_DRIVER_FEATURES = ("conv_rate", "trips", "rating")


def _varint(n: int) -> bytes:
    """Protocol Buffers' base-128 varint of ``n`` (a negative int64 as its two's complement)."""
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        out.append((n & 0x7F) | (0x80 if n > 0x7F else 0))
        n >>= 7
        if not n:
            return bytes(out)


def feast_value_proto(value: object, kind: str) -> bytes:
    """``ValueProto.SerializeToString()`` of one feature value (the field numbers of Feast's value.proto:
    bytes 1, string 2, int64 4, double 5, float 6, bool 7, unix_timestamp 8, double_list 15)."""
    if kind == "string":
        data = str(value).encode()
        return b"\x12" + _varint(len(data)) + data
    if kind == "bytes":
        assert isinstance(value, bytes)
        return b"\x0a" + _varint(len(value)) + value
    if kind == "int64":
        return b"\x20" + _varint(int(str(value)))
    if kind == "double":
        return b"\x29" + struct.pack("<d", value)
    if kind == "float":
        return b"\x35" + struct.pack("<f", value)
    if kind == "bool":
        return b"\x38" + _varint(int(bool(value)))
    if kind == "unix_timestamp":
        return b"\x40" + _varint(int(str(value)))
    assert kind == "double_list" and isinstance(value, list)
    packed = b"".join(struct.pack("<d", v) for v in value)
    inner = b"\x0a" + _varint(len(packed)) + packed
    return b"\x7a" + _varint(len(inner)) + inner


def feast_entity_key(join_key: str, value: int | str) -> bytes:
    """``serialize_entity_key(..., entity_key_serialization_version=3)`` of a one-column entity key: the
    key count, then the join key's type and name, then the value's type (4 int64, 2 string), length and
    bytes, every number little-endian."""
    name = join_key.encode()
    if isinstance(value, int):
        kind, data = 4, struct.pack("<q", value)
    else:
        kind, data = 2, value.encode()
    head = struct.pack("<III", 1, 2, len(name)) + name
    return head + struct.pack("<II", kind, len(data)) + data


def feast_customer(i: int) -> dict[str, tuple[object, str, str | None]]:
    """Customer ``i``'s features: ``{name: (value, proto kind, value_text)}``, ``value_text`` as Feast's
    ``extract_text_and_num`` writes it (``str()`` of a string, number or bool; NULL otherwise)."""
    name = FEAST_NAMES[i % len(FEAST_NAMES)] if i % 7 else ""
    balance = (i * 1234567 % 1000000) / 100
    visits = (i * 7919) % 1000 - 3 if i % 5 else 2**40 + i
    seen = FEAST_NOW - 86400 * i
    avatar = bytes((i * k) % 256 for k in range(i % 6))
    scores = [float(i), 1.5, -0.1]
    return {
        "name": (name, "string", name),
        "balance": (balance, "double", str(balance)),
        "visits": (visits, "int64", str(visits)),
        "vip": (i % 3 == 0, "bool", str(i % 3 == 0)),
        "zip": (f"{i * 4099 % 100000:05d}", "string", f"{i * 4099 % 100000:05d}"),
        "last_seen": (seen, "unix_timestamp", None),
        "avatar": (avatar, "bytes", None),
        "scores": (scores, "double_list", None),
    }


def feast_driver(i: int) -> dict[str, tuple[object, str, str | None]]:
    """Driver ``i``'s features (see :func:`feast_customer`): a double, an int64 and a float32 whose
    ``str()`` is its double's repr (``0.10000000149011612``)."""
    conv = round((i * 37 % 10000 + 11) / 10000, 4)
    trips = i * 13 % 500
    rating = struct.unpack("<f", struct.pack("<f", (0.1, 4.5, 3.25, 5.0)[i % 4]))[0]
    return {
        "conv_rate": (conv, "double", str(conv)),
        "trips": (trips, "int64", str(trips)),
        "rating": (rating, "float", str(rating)),
    }


def feast_event_ts(i: int) -> int:
    """The Unix seconds of entity ``i``'s latest event (hours and seconds before :data:`FEAST_NOW`)."""
    return FEAST_NOW - 3600 * i - 7 * i


def feast_online_store(path: Path, customers: int = 24, drivers: int = 10) -> Path:
    """A Feast feature store's SQLite online store after ``feast materialize`` (see the module's list)."""
    customer_rows: list[Sequence[Any]] = []
    for i in range(customers):
        key = feast_entity_key("customer_id", 1000 + i)
        for name, (value, kind, text) in feast_customer(i).items():
            proto = feast_value_proto(value, kind)
            customer_rows.append((key, name, proto, text, None, feast_event_ts(i), FEAST_NOW - 60 * i))
    driver_rows: list[Sequence[Any]] = []
    for i in range(drivers):
        key = feast_entity_key("driver_code", f"{i:06d}")
        for name, (value, kind, text) in feast_driver(i).items():
            proto = feast_value_proto(value, kind)
            driver_rows.append((key, name, proto, text, None, feast_event_ts(i), FEAST_NOW))
    ddl = [
        FEAST_VIEW_DDL.format(table="shop_feats_customer_stats"),
        "CREATE INDEX shop_feats_customer_stats_ek ON shop_feats_customer_stats (entity_key);",
        FEAST_VIEW_DDL.format(table="shop_feats_driver_stats"),
        "CREATE INDEX shop_feats_driver_stats_ek ON shop_feats_driver_stats (entity_key);",
    ]
    rows = {"shop_feats_customer_stats": customer_rows, "shop_feats_driver_stats": driver_rows}
    return write_export(path, ddl, rows, bytes_as_text=False)


def _feast_registry_table(name: str, extra: str = "") -> str:
    """The SQL registry's DDL of one kind of object, as SQLAlchemy creates it for Feast."""
    return (
        f"CREATE TABLE {name}s (\n\t{name}_name VARCHAR(255) NOT NULL, \n\tproject_id VARCHAR(255) NOT NULL, "
        f"\n\tlast_updated_timestamp BIGINT NOT NULL, {extra}\n\t{name}_proto BLOB NOT NULL, "
        f"\n\tPRIMARY KEY ({name}_name, project_id)\n)"
    )


FEAST_REGISTRY_DDL = [
    "CREATE TABLE projects (\n\tproject_id VARCHAR(255) NOT NULL, \n\tproject_name VARCHAR(255) NOT NULL, "
    "\n\tlast_updated_timestamp BIGINT NOT NULL, \n\tproject_proto BLOB NOT NULL, "
    "\n\tPRIMARY KEY (project_id)\n)",
    _feast_registry_table("entity").replace("entitys", "entities"),
    _feast_registry_table("feature_view", "\n\tmaterialized_intervals BLOB, ").replace(
        "PRIMARY KEY", "user_metadata BLOB, \n\tPRIMARY KEY"
    ),
    "CREATE TABLE feature_view_version_history (\n\tfeature_view_name VARCHAR(255) NOT NULL, "
    "\n\tproject_id VARCHAR(255) NOT NULL, \n\tversion_number INTEGER NOT NULL, "
    "\n\tfeature_view_type VARCHAR(50) NOT NULL, \n\tfeature_view_proto BLOB NOT NULL, "
    "\n\tcreated_timestamp BIGINT NOT NULL, \n\tdescription TEXT, \n\tversion_id VARCHAR(36) NOT NULL, "
    "\n\tPRIMARY KEY (feature_view_name, project_id, version_number)\n)",
    "CREATE TABLE feast_metadata (\n\tproject_id VARCHAR(255) NOT NULL, "
    "\n\tmetadata_key VARCHAR(50) NOT NULL, "
    "\n\tmetadata_value TEXT NOT NULL, \n\tlast_updated_timestamp BIGINT NOT NULL, "
    "\n\tPRIMARY KEY (project_id, metadata_key)\n)",
]
FEAST_ENTITIES = ("__dummy", "customer", "driver")
FEAST_VIEWS = ("customer_stats", "driver_stats")


def feast_applied(n: int) -> int:
    """The Unix seconds of the ``n``-th object's last ``feast apply``."""
    return FEAST_NOW + 430556 + 7 * n


def feast_sql_registry(path: Path) -> Path:
    """A Feast feature store's SQL registry on SQLite (see the module's list)."""
    project = "shop_feats"
    rows: dict[str, list[Sequence[Any]]] = {
        "projects": [(project, project, feast_applied(0), b"\n\x0c\n\n" + project.encode())],
        "entities": [
            (
                name,
                project,
                feast_applied(n),
                b"\n" + _varint(len(name) + 2) + b"\n" + _varint(len(name)) + name.encode(),
            )
            for n, name in enumerate(FEAST_ENTITIES)
        ],
        "feature_views": [
            (
                name,
                project,
                feast_applied(9 + n),
                None,
                b"\n\x0e\n" + _varint(len(name)) + name.encode(),
                None,
            )
            for n, name in enumerate(FEAST_VIEWS)
        ],
        "feature_view_version_history": [
            (name, project, 0, "feature_view", name.encode(), feast_applied(n), "", str(uuid.UUID(int=n + 1)))
            for n, name in enumerate(FEAST_VIEWS)
        ],
        "feast_metadata": [
            (project, "project_uuid", str(uuid.UUID(int=99)), feast_applied(0)),
            (project, "last_updated_timestamp", str(feast_applied(11)), feast_applied(11)),
        ],
    }
    return write_export(path, FEAST_REGISTRY_DDL, rows, bytes_as_text=False)


# --- Sacred --------------------------------------------------------------------------------------------

SACRED_DDL = [
    "CREATE TABLE source (\n\tsource_id INTEGER NOT NULL, \n\tfilename VARCHAR(256), "
    "\n\tmd5sum VARCHAR(32), "
    "\n\tcontent TEXT, \n\tPRIMARY KEY (source_id)\n)",
    "CREATE TABLE dependency (\n\tdependency_id INTEGER NOT NULL, \n\tname VARCHAR(32), "
    "\n\tversion VARCHAR(16), "
    "\n\tPRIMARY KEY (dependency_id)\n)",
    "CREATE TABLE host (\n\thost_id INTEGER NOT NULL, \n\tcpu VARCHAR(64), "
    "\n\thostname VARCHAR(64), "
    "\n\tos VARCHAR(16), \n\tos_info VARCHAR(64), \n\tpython_version VARCHAR(16), "
    "\n\tPRIMARY KEY (host_id)\n)",
    "CREATE TABLE experiment (\n\texperiment_id INTEGER NOT NULL, \n\tname VARCHAR(32), "
    "\n\tmd5sum VARCHAR(32), "
    "\n\tbase_dir VARCHAR(64), \n\tPRIMARY KEY (experiment_id)\n)",
    "CREATE TABLE experiments_sources (\n\texperiment_id INTEGER, \n\tsource_id INTEGER, "
    "\n\tFOREIGN KEY(experiment_id) REFERENCES experiment (experiment_id), "
    "\n\tFOREIGN KEY(source_id) REFERENCES source (source_id)\n)",
    "CREATE TABLE experiments_dependencies (\n\texperiment_id INTEGER, \n\tdependency_id INTEGER, "
    "\n\tFOREIGN KEY(experiment_id) REFERENCES experiment (experiment_id), "
    "\n\tFOREIGN KEY(dependency_id) REFERENCES dependency (dependency_id)\n)",
    "CREATE TABLE run (\n\tid INTEGER NOT NULL, \n\trun_id VARCHAR(24), \n\tcommand VARCHAR(64), "
    "\n\tstart_time DATETIME, \n\theartbeat DATETIME, \n\tstop_time DATETIME, \n\tqueue_time DATETIME, "
    "\n\tpriority FLOAT, \n\tcomment TEXT, \n\tfail_trace TEXT, \n\tcaptured_out TEXT, \n\tconfig TEXT, "
    "\n\tinfo TEXT, \n\tstatus VARCHAR(11), \n\thost_id INTEGER, \n\texperiment_id INTEGER, "
    "\n\tresult FLOAT, \n\tPRIMARY KEY (id), \n\tUNIQUE (run_id), "
    "\n\tFOREIGN KEY(host_id) REFERENCES host (host_id), "
    "\n\tFOREIGN KEY(experiment_id) REFERENCES experiment (experiment_id)\n)",
    "CREATE TABLE artifact (\n\tartifact_id INTEGER NOT NULL, \n\tfilename VARCHAR(64), \n\tcontent BLOB, "
    "\n\trun_id VARCHAR(24), \n\tPRIMARY KEY (artifact_id), "
    "\n\tFOREIGN KEY(run_id) REFERENCES run (run_id)\n)",
]
SACRED_RATES = (0.1, 0.001, 0.9, 0.25, 1e-05)
SACRED_NAMES = ("Zoë", "李雷", "", "José\u00a0Núñez 🙂")
SACRED_COMMENTS = ("first try", "", "", "José\u00a0N")
SACRED_STARTED = datetime(2026, 12, 5, 11, 42, 15, 337590)


def sacred_run_id(i: int) -> str:
    """Run ``i``'s ``run_id``: the observer's ``str(last id + 1)``, ``'0'`` for the first run."""
    return "0" if i == 0 else str(i + 1)


def sacred_failed(i: int) -> bool:
    """Run ``i`` raised (a learning rate over 0.5)."""
    return SACRED_RATES[i % len(SACRED_RATES)] > 0.5


def sacred_result(i: int) -> float | None:
    """Run ``i``'s result, the main function's ``lr * 3`` (a REAL of 17 digits for 0.1); NULL if it failed."""
    return None if sacred_failed(i) else SACRED_RATES[i % len(SACRED_RATES)] * 3


def sacred_moment(i: int, step: int) -> str:
    """Run ``i``'s ``step``-th moment (0 start, 1 stop, 2 heartbeat) as SQLAlchemy's DATETIME text."""
    moment = SACRED_STARTED + timedelta(seconds=0.6 * i, microseconds=48271 * step + 7 * i)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def sacred_trace(i: int) -> str:
    """A failed run's traceback as Sacred stores it: the formatted lines, ending in a newline."""
    return (
        'Traceback (most recent call last):\n\n  File "exp.py", line 25, in main\n'
        f'    raise ValueError("lr too high: " + str(lr))\n\nValueError: lr too high: '
        f"{SACRED_RATES[i % len(SACRED_RATES)]}\n"
    )


def sacred_observer(path: Path, runs: int = 20) -> Path:
    """A Sacred experiment's SqlObserver database (see the module's list)."""
    rows: dict[str, list[Sequence[Any]]] = {
        "source": [
            (
                1,
                "exp.py",
                "a9bf47ed674db5adcc302bbeb659b5fb",
                "import random\nfrom sacred import Experiment\n",
            )
        ],
        "dependency": [(1, "numpy", "2.4.6"), (2, "sacred", "0.8.7")],
        "host": [(1, "AMD EPYC", "vm", "Linux", "Linux-6.18-x86_64-with-glibc2.36", "3.11.7")],
        "experiment": [(1, "résumé_🙂", "a9bf47ed674db5adcc302bbeb659b5fb", "/srv/exp")],
        "experiments_sources": [(1, 1)],
        "experiments_dependencies": [(1, 1), (1, 2)],
        "run": [],
        "artifact": [],
    }
    for i in range(runs):
        rate, name = SACRED_RATES[i % len(SACRED_RATES)], f"{SACRED_NAMES[i % len(SACRED_NAMES)]} {i}"
        failed = sacred_failed(i)
        out = (
            ""
            if failed
            else f'INFO - résumé_🙂 - Started run with ID "{sacred_run_id(i)}"\ntraining {name}\n'
        )
        config = json.dumps({"lr": rate, "layers": [64, 32, i], "name": name, "seed": 26138135 + i})
        rows["run"].append(
            (
                i + 1,
                sacred_run_id(i),
                "main",
                sacred_moment(i, 0),
                sacred_moment(i, 2),
                sacred_moment(i, 1),
                None,
                0.0,
                SACRED_COMMENTS[i % len(SACRED_COMMENTS)],
                sacred_trace(i) if failed else None,
                out,
                config,
                json.dumps({"note": "x" * (50 + i)}),
                "FAILED" if failed else "COMPLETED",
                1,
                1,
                sacred_result(i),
            )
        )
        rows["artifact"].append((i + 1, "weights.bin", bytes(range(256)) * (1 + i % 3), sacred_run_id(i)))
    return write_export(path, SACRED_DDL, rows, bytes_as_text=False)


# --- Rasa ----------------------------------------------------------------------------------------------

RASA_DDL = [
    "CREATE TABLE events (\n\tid INTEGER NOT NULL, \n\tsender_id VARCHAR(255) NOT NULL, "
    "\n\ttype_name VARCHAR(255) NOT NULL, \n\ttimestamp FLOAT, \n\tintent_name VARCHAR(255), "
    "\n\taction_name VARCHAR(255), \n\tdata TEXT, \n\tPRIMARY KEY (id)\n)",
    "CREATE INDEX ix_events_sender_id ON events (sender_id)",
]
RASA_SENDERS = ("+4915112345678", "user_001", "0042", "Zoë")
RASA_TEXTS = ("hello 🙂", "I want 2 pizzas for 19.99€", "Zoë\u00a0here", "00123", "x" * 400, "NULL")
RASA_INTENTS = ("greet", "order", "goodbye")
RASA_AMOUNTS = (19.99, 0.1 + 0.2, 1e-05, None, 1234567.5)
#: The first conversation's start, Unix seconds as ``time.time()`` returns them.
RASA_START = 1764590400.123456


def rasa_sender(s: int) -> str:
    """Conversation ``s``'s sender id."""
    return f"{RASA_SENDERS[s % len(RASA_SENDERS)]}_{s}"


def rasa_events(s: int) -> list[tuple[str, float, str | None, str | None, dict[str, Any]]]:
    """Conversation ``s``'s events in order: ``(type_name, timestamp, intent_name, action_name, data)``."""
    start = RASA_START + s * 3600.5

    def action(name: str, at: float) -> tuple[str, float, None, str, dict[str, Any]]:
        data = {"event": "action", "timestamp": at, "name": name, "policy": None, "confidence": None}
        return ("action", at, None, name, data)

    events: list[tuple[str, float, str | None, str | None, dict[str, Any]]] = [
        action("action_session_start", start),
        (
            "session_started",
            start + 0.001,
            None,
            None,
            {"event": "session_started", "timestamp": start + 0.001},
        ),
        action("action_listen", start + 0.002),
    ]
    for k in range(s % 4 + 1):
        at = start + 10 * (k + 1) + k / 7
        text, intent = RASA_TEXTS[(s + k) % len(RASA_TEXTS)], RASA_INTENTS[k % 3]
        parse = {"intent": {"name": intent, "confidence": 1 / (k + 1.5)}, "entities": [], "text": text}
        user = {"event": "user", "timestamp": at, "text": text, "parse_data": parse, "input_channel": "rest"}
        amount = RASA_AMOUNTS[(s + k) % len(RASA_AMOUNTS)]
        slot = {"event": "slot", "timestamp": at + 0.01, "name": "amount", "value": amount}
        bot = {"event": "bot", "timestamp": at + 0.6, "text": f"Hi! 👋 {text[:20]}", "data": {"buttons": []}}
        events += [
            ("user", at, intent, None, user),
            ("slot", at + 0.01, None, "amount", slot),
            action("utter_greet", at + 0.5),
            ("bot", at + 0.6, None, None, bot),
            action("action_listen", at + 0.7),
        ]
    if s % 3 == 0:
        events.append(("restart", start + 100, None, None, {"event": "restart", "timestamp": start + 100}))
    return events


def rasa_tracker_store(path: Path, conversations: int = 8) -> Path:
    """A Rasa assistant's SQL tracker store on SQLite (see the module's list)."""
    rows: list[Sequence[Any]] = []
    for s in range(conversations):
        for type_name, at, intent, action, data in rasa_events(s):
            rows.append((len(rows) + 1, rasa_sender(s), type_name, at, intent, action, json.dumps(data)))
    return write_export(path, RASA_DDL, {"events": rows})


# --- A Mezzanine site's Cartridge shop -----------------------------------------------------------------

#: Cartridge 1.3.4's own DDL (Mezzanine 6.1, Django 4.2 ``migrate`` on SQLite), as ``sqlite_master``
#: keeps it; every ``MoneyField`` a plain ``decimal``.
CARTRIDGE_DDL = (
    'CREATE TABLE "django_site" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" '
    'varchar(50) NOT NULL, "domain" varchar(100) NOT NULL UNIQUE)',
    'CREATE TABLE "shop_sale" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" '
    'varchar(100) NOT NULL, "active" bool NOT NULL, "discount_deduct" decimal NULL, '
    '"discount_percent" decimal NULL, "discount_exact" decimal NULL, "valid_from" datetime NULL, '
    '"valid_to" datetime NULL)',
    'CREATE TABLE "shop_product" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"keywords_string" varchar(500) NOT NULL, "rating_count" integer NOT NULL, "rating_sum" integer '
    'NOT NULL, "rating_average" real NOT NULL, "title" varchar(500) NOT NULL, "_meta_title" '
    'varchar(500) NULL, "description" text NOT NULL, "gen_description" bool NOT NULL, "created" '
    'datetime NULL, "updated" datetime NULL, "status" integer NOT NULL, "publish_date" datetime '
    'NULL, "expiry_date" datetime NULL, "short_url" varchar(200) NULL, "in_sitemap" bool NOT NULL, '
    '"content" text NOT NULL, "unit_price" decimal NULL, "sale_id" integer NULL, "sale_price" '
    'decimal NULL, "sale_from" datetime NULL, "sale_to" datetime NULL, "sku" varchar(20) NULL, '
    '"num_in_stock" integer NULL, "available" bool NOT NULL, "image" varchar(100) NULL, '
    '"date_added" datetime NULL, "site_id" integer NOT NULL REFERENCES "django_site" ("id") '
    'DEFERRABLE INITIALLY DEFERRED, "content_model" varchar(50) NULL, "slug" varchar(2000) NOT '
    "NULL)",
    'CREATE TABLE "shop_productimage" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "_order" '
    'integer NULL, "description" varchar(100) NOT NULL, "product_id" integer NOT NULL REFERENCES '
    '"shop_product" ("id") DEFERRABLE INITIALLY DEFERRED, "file" varchar(255) NOT NULL)',
    'CREATE TABLE "shop_productvariation" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"unit_price" decimal NULL, "sale_id" integer NULL, "sale_price" decimal NULL, "sale_from" '
    'datetime NULL, "sale_to" datetime NULL, "num_in_stock" integer NULL, "default" bool NOT NULL, '
    '"option1" varchar(50) NULL, "option2" varchar(50) NULL, "image_id" integer NULL REFERENCES '
    '"shop_productimage" ("id") DEFERRABLE INITIALLY DEFERRED, "product_id" integer NOT NULL '
    'REFERENCES "shop_product" ("id") DEFERRABLE INITIALLY DEFERRED, "sku" varchar(20) NULL)',
    'CREATE TABLE "shop_order" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"billing_detail_first_name" varchar(100) NOT NULL, "billing_detail_last_name" varchar(100) NOT '
    'NULL, "billing_detail_street" varchar(100) NOT NULL, "billing_detail_city" varchar(100) NOT '
    'NULL, "billing_detail_state" varchar(100) NOT NULL, "billing_detail_postcode" varchar(10) NOT '
    'NULL, "billing_detail_country" varchar(100) NOT NULL, "billing_detail_phone" varchar(20) NOT '
    'NULL, "billing_detail_email" varchar(254) NOT NULL, "additional_instructions" text NOT NULL, '
    '"time" datetime NULL, "user_id" integer NULL, "shipping_type" varchar(50) NOT NULL, '
    '"shipping_total" decimal NULL, "tax_type" varchar(50) NOT NULL, "tax_total" decimal NULL, '
    '"item_total" decimal NULL, "discount_code" varchar(20) NOT NULL, "discount_total" decimal '
    'NULL, "total" decimal NULL, "transaction_id" varchar(255) NULL, "status" integer NOT NULL, '
    '"site_id" integer NOT NULL REFERENCES "django_site" ("id") DEFERRABLE INITIALLY DEFERRED, '
    '"key" varchar(40) NOT NULL)',
    'CREATE TABLE "shop_orderitem" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "sku" '
    'varchar(20) NOT NULL, "description" varchar(2000) NOT NULL, "quantity" integer NOT NULL, '
    '"unit_price" decimal NULL, "total_price" decimal NULL, "order_id" integer NOT NULL REFERENCES '
    '"shop_order" ("id") DEFERRABLE INITIALLY DEFERRED)',
    'CREATE TABLE "shop_productaction" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"timestamp" integer NOT NULL, "total_cart" integer NOT NULL, "total_purchase" integer NOT '
    'NULL, "product_id" integer NOT NULL REFERENCES "shop_product" ("id") DEFERRABLE INITIALLY '
    "DEFERRED)",
    'CREATE TABLE "forms_formentry" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "entry_time" '
    'datetime NOT NULL, "form_id" integer NOT NULL REFERENCES "forms_form" ("page_ptr_id") DEFERRABLE '
    "INITIALLY DEFERRED)",
    'CREATE TABLE "forms_fieldentry" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "field_id" '
    'integer NOT NULL, "value" varchar(2000) NULL, "entry_id" integer NOT NULL REFERENCES '
    '"forms_formentry" ("id") DEFERRABLE INITIALLY DEFERRED)',
)
#: Each product's price as the shop's admin typed it (``None``: not priced yet).
CARTRIDGE_PRICES = (
    "19.99", "518.00", "0.50", "853.69", "1234.56", "7.05", "99.90", "10.00", None, "3.33", "250.00", "2.01",
)  # fmt: skip
CARTRIDGE_TITLES = ("Café crème", "Ünïcødé 🎉 mug", "Tea\u00a0set", "日本茶", "Ölkanne", "O'Brien's ☕")
#: ``Sale.update_products``: a 15 % sale on every third product (``percent``), 1.99 off the next ones.
CARTRIDGE_PERCENT, CARTRIDGE_DEDUCT = "15.00", "1.99"
CARTRIDGE_SALE_FROM = "2026-11-27 00:00:00"
CARTRIDGE_SALE_TO = "2026-12-01 23:59:59.999999"
#: ``ProductAction.timestamp``: ``datetime.today().toordinal()``, days since 0001-01-01 (day 1).
CARTRIDGE_TODAY = date(2026, 12, 5)
CARTRIDGE_FORM_VALUES = ("Zoë Ångström", "1.37", "2024-01-02", "True", "", "  padded  ", "00420", "🎉")


def cartridge_sale(i: int) -> str | None:
    """Which sale product ``i`` is in: ``percent``, ``deduct`` (only a price above 1.99) or none."""
    price = CARTRIDGE_PRICES[i % len(CARTRIDGE_PRICES)]
    if price is None or i % 3 == 2:
        return None
    if i % 3 == 0:
        return "percent"
    return "deduct" if Decimal(price) > Decimal(CARTRIDGE_DEDUCT) else None


def cartridge_sale_price(i: int) -> float | None:
    """The sale price SQLite computed for product ``i``: ``unit_price - unit_price / '100.0' * 15`` or
    ``unit_price - 1.99``, REAL arithmetic on the stored price (the double of the Decimal's text)."""
    price, sale = CARTRIDGE_PRICES[i % len(CARTRIDGE_PRICES)], cartridge_sale(i)
    if price is None or sale is None:
        return None
    stored = float(Decimal(price))
    if sale == "percent":
        return stored - (stored / 100.0) * int(Decimal(CARTRIDGE_PERCENT))
    return stored - float(CARTRIDGE_DEDUCT)


def cartridge_order_items(n: int) -> list[tuple[int, int]]:
    """Order ``n``'s lines: ``(product index, quantity)``, priced products only."""
    priced = [p for p, price in enumerate(CARTRIDGE_PRICES) if price is not None]
    return [(priced[(n * 5 + k) % len(priced)], k + 1) for k in range(1 + n % 3)]


def cartridge_order(n: int) -> dict[str, Decimal | None]:
    """Order ``n``'s amounts as Cartridge computes them in Decimal: items, 7.50 shipping, 7.7 % tax
    to the cent, 10.00 off every fourth order (whole amounts: SQLite keeps them as INTEGER)."""
    items = sum(
        (Decimal(CARTRIDGE_PRICES[p] or "0") * quantity for p, quantity in cartridge_order_items(n)),
        Decimal(0),
    )
    shipping, tax = Decimal("7.50"), (items * Decimal("0.077")).quantize(Decimal("0.01"))
    discount = Decimal("10.00") if n % 4 == 0 else None
    return {
        "item_total": items,
        "shipping_total": shipping,
        "tax_total": tax,
        "discount_total": discount,
        "total": items + shipping + tax - (discount or 0),
    }


def cartridge_moment(i: int) -> str:
    """Row ``i``'s ``datetime`` as Django writes it on SQLite (``USE_TZ``: naive UTC, microseconds)."""
    return (datetime(2026, 11, 20, 8, 30) + timedelta(hours=7 * i, microseconds=1234 * i)).isoformat(" ")


def cartridge_shop(path: Path, orders: int = 10, entries: int = 6) -> Path:
    """A Mezzanine site's Cartridge shop (see the module's list)."""

    def money(value: Decimal | str | None) -> str | None:
        return None if value is None else str(value)  # Django binds a Decimal as its str()

    rows: dict[str, list[Sequence[Any]]] = {
        "django_site": [(1, "Mein Laden", "shop.example.com")],
        "shop_sale": [
            (1, "Winter", 1, None, CARTRIDGE_PERCENT, None, CARTRIDGE_SALE_FROM, CARTRIDGE_SALE_TO),
            (2, "Flat", 1, CARTRIDGE_DEDUCT, None, None, None, None),
        ],
        "shop_product": [],
        "shop_productimage": [],
        "shop_productvariation": [],
        "shop_order": [],
        "shop_orderitem": [],
        "shop_productaction": [],
        "forms_formentry": [],
        "forms_fieldentry": [],
    }
    for i, price in enumerate(CARTRIDGE_PRICES):
        title, at = f"{CARTRIDGE_TITLES[i % len(CARTRIDGE_TITLES)]} {i}", cartridge_moment(i)
        sku, stock = f"{i:06d}", None if i % 5 == 0 else 3 * i
        rows["shop_product"].append(
            [i + 1, "", 0, 0, 0.0, title, None, title, 1, at, at, 2, at, None, None, 1, f"<p>{title}</p>",
             money(price), None, None, None, None, sku, stock, int(i % 4 > 0), None, at, 1, None,
             f"product-{i}"]
        )  # fmt: skip
        rows["shop_productvariation"].append(
            [i + 1, money(price), None, None, None, None, i, 1, "Red" if i % 2 else None, None, None, i + 1,
             f"{sku}-V"]
        )  # fmt: skip
    for n in range(orders):
        amounts, at = cartridge_order(n), cartridge_moment(n)
        name, postcode, phone = (
            CARTRIDGE_TITLES[n % len(CARTRIDGE_TITLES)],
            f"{(n * 137) % 100000:05d}",
            f"0{n:09d}",
        )
        rows["shop_order"].append(
            [n + 1, name, "Müller", "1 Rue d’Été", "Zürich", "", postcode, "CH", phone, f"b{n}@example.com",
             "Leave at door 🚪" * (n % 2), at, n if n % 3 else None, "Flat rate",
             money(amounts["shipping_total"]), "VAT", money(amounts["tax_total"]),
             money(amounts["item_total"]), "TEN-0010" if n % 4 == 0 else "", money(amounts["discount_total"]),
             money(amounts["total"]), None, 1 + n % 2, 1, f"k{n:032x}"]
        )  # fmt: skip
        for p, quantity in cartridge_order_items(n):
            price = Decimal(CARTRIDGE_PRICES[p] or "0")
            description = f"{CARTRIDGE_TITLES[p % len(CARTRIDGE_TITLES)]} {p}"
            rows["shop_orderitem"].append(
                [
                    len(rows["shop_orderitem"]) + 1,
                    f"{p:06d}",
                    description,
                    quantity,
                    money(price),
                    money(price * quantity),
                    n + 1,
                ]
            )
    ordinal = CARTRIDGE_TODAY.toordinal()
    for k in range(6):
        rows["shop_productaction"].append((k + 1, ordinal - k // 2, 2 + k, k % 2, 1 + k % 3))
    for e in range(entries):
        rows["forms_formentry"].append((e + 1, cartridge_moment(e), 1))
        for f in range(4):
            value = CARTRIDGE_FORM_VALUES[(e * 4 + f) % len(CARTRIDGE_FORM_VALUES)]
            rows["forms_fieldentry"].append((e * 4 + f + 1, f + 1, value, e + 1))
    write_export(path, CARTRIDGE_DDL, rows)
    con = sqlite3.connect(path)
    with con:  # Sale.update_products: Django's own UPDATE ... SET sale_price = <F() expression>.
        for table in ("shop_product", "shop_productvariation"):
            key = "id" if table == "shop_product" else "product_id"
            for sale_id, kind, expression in (
                (
                    1,
                    "percent",
                    f'("{table}"."unit_price" - (("{table}"."unit_price" / \'100.0\') '
                    f"* CAST('{CARTRIDGE_PERCENT}' AS NUMERIC)))",
                ),
                (
                    2,
                    "deduct",
                    f'CAST(("{table}"."unit_price" - CAST(\'{CARTRIDGE_DEDUCT}\' AS NUMERIC)) AS NUMERIC)',
                ),
            ):
                ids = [i + 1 for i in range(len(CARTRIDGE_PRICES)) if cartridge_sale(i) == kind]
                marks = ", ".join("?" * len(ids))
                window = (CARTRIDGE_SALE_TO, CARTRIDGE_SALE_FROM) if sale_id == 1 else (None, None)
                con.execute(
                    f'UPDATE "{table}" SET "sale_id" = ?, "sale_price" = {expression}, "sale_to" = ?, '
                    f'"sale_from" = ? WHERE "{table}"."{key}" IN ({marks})',
                    (sale_id, *window, *ids),
                )
    con.close()
    return path


# --- Liquibase's change log and a schema it migrated -------------------------------------------------

#: Liquibase 4.28's own tables on SQLite (``liquibase update`` through the bundled sqlite-jdbc).
LIQUIBASE_DDL = (
    "CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME "
    "VARCHAR(255) NOT NULL, DATEEXECUTED TEXT NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) "
    "NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), "
    "LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))",
    "CREATE TABLE DATABASECHANGELOGLOCK (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TEXT, "
    "LOCKEDBY VARCHAR(255), CONSTRAINT PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))",
    # changeSet 1 and 3: createTable, as Liquibase's SQLite dialect writes each column type.
    "CREATE TABLE customer (id INTEGER CONSTRAINT PK_CUSTOMER PRIMARY KEY AUTOINCREMENT NOT NULL, code "
    "VARCHAR(10), name NVARCHAR(600), balance DECIMAL(12, 2), rate DECIMAL(8, 4), joined date, last_seen "
    "TEXT, active BOOLEAN DEFAULT 1, notes TEXT, external_id TEXT, score DOUBLE, avatar BLOB, amount_due "
    "REAL)",
    "CREATE TABLE invoice (id INTEGER CONSTRAINT PK_INVOICE PRIMARY KEY AUTOINCREMENT NOT NULL, customer_id "
    "INTEGER NOT NULL, number VARCHAR(20), total DECIMAL(10, 2), issued_on date, created_at TEXT DEFAULT "
    "CURRENT_TIMESTAMP, paid BOOLEAN, pdf BLOB, CONSTRAINT fk_invoice_customer FOREIGN KEY (customer_id) "
    "REFERENCES customer(id))",
)
#: changeSet 7, ``addColumn`` on SQLite: Liquibase renames the table, creates it anew from the JDBC
#: driver's column metadata (every size 2000000000) and copies the rows; SQLite's rename rewrites the
#: invoice's foreign key to name ``customer_temporary``, which is then dropped.
LIQUIBASE_ADD_COLUMN = (
    "ALTER TABLE customer RENAME TO customer_temporary",
    "CREATE TABLE customer (id INTEGER CONSTRAINT PK_CUSTOMER PRIMARY KEY AUTOINCREMENT NOT NULL, code "
    "VARCHAR(10), name NVARCHAR(600), balance DECIMAL(2000000000, 10), rate DECIMAL(2000000000, 10), joined "
    "date, last_seen TEXT, active BOOLEAN(2000000000) DEFAULT 1, notes TEXT, external_id TEXT, score "
    "DOUBLE(2000000000, 10), avatar BLOB(2000000000), amount_due FLOAT(2000000000, 10), tier TINYINT)",
    "INSERT INTO customer (id, code, name, balance, rate, joined, last_seen, active, notes, external_id, "
    "score, avatar, amount_due) SELECT id, code, name, balance, rate, joined, last_seen, active, notes, "
    "external_id, score, avatar, amount_due FROM customer_temporary",
    "DROP TABLE customer_temporary",
)
LIQUIBASE_NAMES = ("Zoë Ångström", "李小龍", "Ola\u00a0Nordmann", "O'Brien 🎉", "  padded  ", "")
#: The JVM ran in Europe/Berlin: sqlite-jdbc binds a ``java.sql.Date`` as the epoch milliseconds of
#: its local midnight (22:00 or 23:00 UTC the day before) and a ``Timestamp`` as those of its local time.
LIQUIBASE_WINTER, LIQUIBASE_SUMMER = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))
#: Two ``update`` runs: each change set's ``DATEEXECUTED`` (UTC, whole seconds) and the run's
#: ``DEPLOYMENT_ID``, the last ten digits of its epoch milliseconds ("0435600123" in January 2027).
LIQUIBASE_RUNS = (
    datetime(2026, 12, 5, 11, 45, 26, 593000, tzinfo=UTC),
    datetime(2027, 1, 20, 9, 0, 0, 123000, tzinfo=UTC),
)
#: ``(id, author, description, comments, tag, contexts, labels, run)`` of each change set executed.
LIQUIBASE_CHANGESETS = (
    ("1", "zoë", "createTable tableName=customer", "Customers table — first cut", None, None, None, 0),
    ("2", "zoë", "loadData tableName=customer", "", None, "dev", "data", 0),
    ("3", "bob", "createTable tableName=invoice", "", None, None, None, 0),
    ("4", "bob", "insert tableName=invoice; insert tableName=invoice", "", None, None, None, 0),
    ("5", "bob", "sql", "", None, None, None, 0),
    ("6", "bob", "sql", "", None, None, None, 0),
    ("7", "carol", "tagDatabase", "", "v1.0 ☕", None, None, 0),
    ("8", "carol", "addColumn tableName=customer", "", None, None, None, 1),
)
LIQUIBASE_PDF = b"%PDF-1.4\n\x00\xff\r\n"
LIQUIBASE_BALANCES = (
    "0.00", "6419.13", "-118.70", "750.00", "30176.52", "38095.65", "1500.00", "53933.91", "61852.04",
    "2250.00", "77690.30", "85609.43",
)  # fmt: skip


def liquibase_deployment(run: int) -> str:
    """Run ``run``'s ``DEPLOYMENT_ID``: the last ten digits of its epoch milliseconds."""
    return str(int(LIQUIBASE_RUNS[run].timestamp() * 1000))[-10:]


def liquibase_executed(k: int) -> datetime:
    """Change set ``k``'s ``DATEEXECUTED`` (naive UTC, whole seconds)."""
    run = LIQUIBASE_CHANGESETS[k][-1]
    assert isinstance(run, int)
    return (LIQUIBASE_RUNS[run] + timedelta(seconds=k)).replace(tzinfo=None, microsecond=0)


def liquibase_joined(i: int) -> date:
    """Customer ``i``'s ``joined`` day: January or July of 1985 to 2018."""
    return date(1985 + 3 * i, 7 if i % 2 else 1, 1 + 2 * i)


def liquibase_millis(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def liquibase_joined_millis(i: int) -> int:
    """What sqlite-jdbc stored for ``joined``: the epoch milliseconds of its Berlin midnight."""
    day = liquibase_joined(i)
    zone = LIQUIBASE_SUMMER if day.month == 7 else LIQUIBASE_WINTER
    return liquibase_millis(datetime(day.year, day.month, day.day, tzinfo=zone))


def liquibase_last_seen(i: int) -> int | None:
    """``last_seen`` (declared ``DATETIME``, which Liquibase makes ``TEXT``): a Berlin wall time in
    January 2024 bound as epoch milliseconds, which the TEXT affinity keeps as their digits."""
    if i % 4 == 0:
        return None
    moment = datetime(2024, 1, 1, 8, tzinfo=LIQUIBASE_WINTER) + timedelta(minutes=613 * i, seconds=7 * i)
    return liquibase_millis(moment)


def liquibase_balance(i: int) -> str:
    """Customer ``i``'s balance as the CSV wrote it (a ``BigDecimal`` of cents; some whole, one below 0)."""
    return LIQUIBASE_BALANCES[i % len(LIQUIBASE_BALANCES)]


def liquibase_changelog_row(k: int) -> tuple[Any, ...]:
    """``DATABASECHANGELOG``'s row of change set ``k``."""
    cid, author, description, comments, tag, contexts, labels, run = LIQUIBASE_CHANGESETS[k]
    checksum = f"9:{hashlib.md5(f'{cid}{description}'.encode()).hexdigest()}"
    assert isinstance(run, int)
    return (
        cid, author, "changelog.xml", liquibase_executed(k).isoformat(" "), k + 1, "EXECUTED", checksum,
        description, comments, tag, "4.28.0", contexts, labels, liquibase_deployment(run),
    )  # fmt: skip


def liquibase_customer_row(i: int) -> tuple[Any, ...]:
    """``customer``'s row ``i`` as ``loadData`` bound it (before the ``addColumn``)."""
    external = None if i % 5 == 0 else str(uuid.UUID(int=i * 7**30))
    return (
        i + 1, f"{i * 7:05d}", LIQUIBASE_NAMES[i % len(LIQUIBASE_NAMES)], liquibase_balance(i),
        f"{(i * 2711) % 100000 / 10000:.4f}", liquibase_joined_millis(i), liquibase_last_seen(i),
        int(i % 3 > 0), "Line1\nLine2 é " * (i % 3), external, None if i % 7 == 0 else i * 1.1, None, None,
    )  # fmt: skip


def liquibase_schema(path: Path, customers: int = 12) -> Path:
    """Liquibase's change log and the schema it migrated (see the module's list)."""
    first = LIQUIBASE_RUNS[0].replace(tzinfo=None, microsecond=0).isoformat(" ")
    rows: dict[str, list[Sequence[Any]]] = {
        "DATABASECHANGELOG": [liquibase_changelog_row(k) for k in range(len(LIQUIBASE_CHANGESETS))],
        "DATABASECHANGELOGLOCK": [(1, 0, None, None)],
        "customer": [liquibase_customer_row(i) for i in range(customers)],
        "invoice": [
            (1, 1, "INV-0001", "1234.50", "2024-02-29", first, 1, None),
            (2, 2, "0002", "0.10", "1969-12-31", "2024-03-01 12:34:56.789", 0, None),
            (3, 3, "INV-0003", "99.00", "2031-07-15", first, 0, None),
        ],
    }
    write_export(path, LIQUIBASE_DDL, rows)
    con = sqlite3.connect(path)
    with con:
        # changeSet 5: an <sql> change copying balances with 19 % tax (REAL arithmetic) and join days.
        con.execute(
            "INSERT INTO invoice (customer_id, number, total, issued_on, paid, created_at) SELECT id, "
            "'INV-' || printf('%04d', id + 100), balance * 1.19, joined, active, ? FROM customer "
            "WHERE id % 4 = 0",
            (first,),
        )
        con.execute("UPDATE invoice SET pdf = ? WHERE id = 3", (LIQUIBASE_PDF,))
        for statement in LIQUIBASE_ADD_COLUMN:
            con.execute(statement)
    con.close()
    return path


# --- Open WebUI ------------------------------------------------------------------------------------------

OPEN_WEBUI_DDL = [
    'CREATE TABLE "user" (\n\tid VARCHAR NOT NULL, \n\tname VARCHAR, \n\temail VARCHAR, \n\trole VARCHAR, '
    "\n\tprofile_image_url TEXT, \n\tlast_active_at BIGINT, \n\tupdated_at BIGINT, \n\tcreated_at BIGINT, "
    "\n\tusername VARCHAR(50), \n\tbio TEXT, \n\tgender TEXT, \n\tdate_of_birth DATE, "
    "\n\tprofile_banner_image_url TEXT, \n\ttimezone VARCHAR, \n\tpresence_state VARCHAR, "
    "\n\tstatus_emoji VARCHAR, \n\tstatus_message TEXT, \n\tstatus_expires_at BIGINT, \n\toauth JSON, "
    "\n\tinfo JSON, \n\tsettings JSON, scim JSON, variables JSON, \n\tPRIMARY KEY (id)\n)",
    "CREATE UNIQUE INDEX uq_user_email_lower ON user (lower(email)) WHERE email IS NOT NULL",
    "CREATE TABLE auth (\n\tid VARCHAR NOT NULL, \n\temail VARCHAR, \n\tpassword TEXT, \n\tactive BOOLEAN, "
    "mfa JSON, session_stamp TEXT, \n\tPRIMARY KEY (id)\n)",
    "CREATE TABLE chat (\n\tid VARCHAR NOT NULL, \n\tuser_id VARCHAR, \n\ttitle TEXT, \n\tcreated_at BIGINT, "
    "\n\tupdated_at BIGINT, \n\tshare_id TEXT, \n\tarchived BOOLEAN, chat JSON, pinned BOOLEAN, "
    "meta JSON DEFAULT '{}' NOT NULL, folder_id TEXT, tasks JSON, summary TEXT, last_read_at BIGINT, "
    "current_message_id TEXT, variables JSON, timer_at BIGINT, \n\tPRIMARY KEY (id), "
    "\n\tUNIQUE (share_id)\n)",
    "CREATE TABLE chat_message (\n\tid TEXT NOT NULL, \n\tchat_id TEXT NOT NULL, \n\tuser_id TEXT, "
    "\n\trole TEXT NOT NULL, \n\tparent_id TEXT, \n\tcontent JSON, \n\toutput JSON, \n\tmodel_id TEXT, "
    "\n\tfiles JSON, \n\tsources JSON, \n\tembeds JSON, \n\tdone BOOLEAN, \n\tstatus_history JSON, "
    "\n\terror JSON, \n\tusage JSON, \n\tcreated_at BIGINT, \n\tupdated_at BIGINT, context_summary TEXT, "
    "meta JSON, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(chat_id) REFERENCES chat (id) ON DELETE CASCADE\n)",
    "CREATE INDEX ix_chat_message_user_id ON chat_message (user_id)",
    'CREATE TABLE "channel" (\n\tid TEXT NOT NULL, \n\tuser_id TEXT, \n\tname TEXT, \n\tdescription TEXT, '
    "\n\tdata JSON, \n\tmeta JSON, \n\tcreated_at BIGINT, \n\tupdated_at BIGINT, \n\ttype TEXT, "
    "\n\tis_private BOOLEAN, \n\tarchived_at BIGINT, \n\tarchived_by TEXT, \n\tdeleted_at BIGINT, "
    "\n\tdeleted_by TEXT, \n\tupdated_by TEXT, \n\tPRIMARY KEY (id), \n\tUNIQUE (id)\n)",
    "CREATE TABLE message (\n\tid TEXT NOT NULL, \n\tuser_id TEXT, \n\tchannel_id TEXT, \n\tcontent TEXT, "
    "\n\tdata JSON, \n\tmeta JSON, \n\tcreated_at BIGINT, \n\tupdated_at BIGINT, parent_id TEXT, "
    "reply_to_id TEXT, is_pinned BOOLEAN DEFAULT 0 NOT NULL, pinned_at BIGINT, pinned_by TEXT, app_id TEXT, "
    "\n\tPRIMARY KEY (id), \n\tUNIQUE (id)\n)",
    'CREATE TABLE "note" (\n\tid TEXT NOT NULL, \n\tuser_id TEXT, \n\ttitle TEXT, \n\tdata JSON, '
    "\n\tmeta JSON, \n\tcreated_at BIGINT, \n\tupdated_at BIGINT, \n\tPRIMARY KEY (id), \n\tUNIQUE (id)\n)",
    "CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, "
    "\n\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)",
]
OPEN_WEBUI_NAMES = ("Zoë", "Ана", "Bob", "Li\u00a0Wei", "😀 Smiley", "José")
OPEN_WEBUI_TEXTS = (
    "Hello 👋",
    "Ça va ? Très bien",
    "price\u00a0100\u00a0€",
    "x" * 600,
    "日本語のテキスト",
    "line1\nline2\ttab",
    "00123",
    "3.14159",
)
OPEN_WEBUI_BIRTHDAYS = (date(1990, 5, 17), None, date(2001, 12, 31))
OPEN_WEBUI_SECONDS = 1_796_470_796  # time.time() of the first sign-up, 2026-12-05
OPEN_WEBUI_NANOS = 1_796_470_798_689_990_404  # time.time_ns() of the first channel message


def open_webui_user_id(u: int) -> str:
    return f"{u + 1:08x}-1ec0-43cf-adb8-{u * 7_919:012x}"


def open_webui_chat_id(c: int) -> str:
    return f"{c * 104_729:08x}-e76a-4cc5-87dd-{c + 1:012x}"


def open_webui_message_id(c: int, m: int) -> str:
    """A message's id in the chat's history (a UUID); ``chat_message`` keys it ``<chat id>-<id>``."""
    return f"{c + 1:04x}{m:04x}-ec15-4b2c-9a1f-{c * 3 + m:012x}"


def open_webui_seconds(n: int) -> int:
    return OPEN_WEBUI_SECONDS - n * 86_317


def open_webui_nanos(n: int) -> int:
    return OPEN_WEBUI_NANOS + n * 700_538_123_457


def open_webui_settings(u: int) -> str:
    """SQLAlchemy's ``JSON`` writes ``None`` as the JSON text ``'null'``."""
    return json.dumps({"ui": {"theme": "dark"}}, separators=(",", ":")) if u % 2 == 0 else "null"


def open_webui_usage(c: int, m: int) -> str:
    """An assistant reply's token usage (a JSON object); a user's message has none: ``'null'``."""
    if m % 2 == 0:
        return "null"
    tokens = 17 + (c * 31 + m) % 900
    return json.dumps({"eval_count": tokens, "total_duration": 76_036_739_668 + c, "total_tokens": tokens})


def open_webui_chat(c: int, messages: int) -> str:
    """The ``chat`` column: the whole conversation as Open WebUI's JSON (``ensure_ascii=False``)."""
    history = {
        open_webui_message_id(c, m): {
            "id": open_webui_message_id(c, m),
            "parentId": open_webui_message_id(c, m - 1) if m else None,
            "role": "assistant" if m % 2 else "user",
            "content": OPEN_WEBUI_TEXTS[(c + m) % len(OPEN_WEBUI_TEXTS)],
            "timestamp": open_webui_seconds(c) + m,
        }
        for m in range(messages)
    }
    chat = {
        "title": OPEN_WEBUI_TEXTS[c % len(OPEN_WEBUI_TEXTS)][:40],
        "models": ["llama3:8b"],
        "history": {"messages": history, "currentId": open_webui_message_id(c, messages - 1)},
    }
    return json.dumps(chat, ensure_ascii=False, separators=(",", ":"))


def open_webui(path: Path, users: int = 6, chats: int = 12, messages: int = 3, posts: int = 20) -> Path:
    """An Open WebUI server's ``webui.db`` (see the module's list)."""
    channel = "4049fce5-fba3-46e0-8655-5fab4bd6e50f"
    rows: dict[str, list[Sequence[Any]]] = {
        "user": [
            (
                open_webui_user_id(u),
                f"{OPEN_WEBUI_NAMES[u % len(OPEN_WEBUI_NAMES)]} {u}",
                f"user{u}@example.org",
                "admin" if u == 0 else ("user", "pending")[u % 2],
                "/user.png",
                open_webui_seconds(u),
                open_webui_seconds(u),
                open_webui_seconds(u),
                None,
                OPEN_WEBUI_TEXTS[u % len(OPEN_WEBUI_TEXTS)],
                ("female", "male", None)[u % 3],
                None if (born := OPEN_WEBUI_BIRTHDAYS[u % 3]) is None else str(born),
                None,
                "Europe/Paris",
                None,
                None,
                None,
                None,
                "null",
                "null",
                open_webui_settings(u),
                "null",
                None,
            )
            for u in range(users)
        ],
        "auth": [
            (
                open_webui_user_id(u),
                f"user{u}@example.org",
                f"$2b$12${'Ab0/' * 13}{u:01d}",
                1,
                None,
                str(UUID(int=u * 65_537)),
            )
            for u in range(users)
        ],
        "chat": [
            (
                open_webui_chat_id(c),
                open_webui_user_id(c % users),
                OPEN_WEBUI_TEXTS[c % len(OPEN_WEBUI_TEXTS)][:40],
                open_webui_seconds(c),
                open_webui_seconds(c) + messages,
                None,
                int(c % 5 == 4),
                open_webui_chat(c, messages),
                int(c % 4 == 1),
                "{}",
                None,
                "null",
                None,
                open_webui_seconds(c) + messages,
                open_webui_message_id(c, messages - 1),
                "{}",
                None,
            )
            for c in range(chats)
        ],
        "chat_message": [
            (
                f"{open_webui_chat_id(c)}-{open_webui_message_id(c, m)}",
                open_webui_chat_id(c),
                open_webui_user_id(c % users),
                "assistant" if m % 2 else "user",
                open_webui_message_id(c, m - 1) if m else None,
                json.dumps(OPEN_WEBUI_TEXTS[(c + m) % len(OPEN_WEBUI_TEXTS)], ensure_ascii=False),
                "null",
                "llama3:8b" if m % 2 else None,
                "null",
                "null",
                "null",
                1,
                "null",
                "null",
                open_webui_usage(c, m),
                open_webui_seconds(c) + m,
                open_webui_seconds(c) + m,
                None,
                "null",
            )
            for c in range(chats)
            for m in range(messages)
        ],
        "channel": [
            (
                channel,
                open_webui_user_id(0),
                "général",
                "Canal général ☕",
                None,
                None,
                open_webui_nanos(0) - 1_000_000_123,
                open_webui_nanos(0) - 1_000_000_123,
                "standard",
                0,
                None,
                None,
                None,
                None,
                None,
            )
        ],
        "message": [
            (
                f"{p * 7_331:08x}-4805-466c-9c87-{p:012x}",
                open_webui_user_id(p * 5 % users),
                channel,
                OPEN_WEBUI_TEXTS[p % len(OPEN_WEBUI_TEXTS)],
                "null" if p % 3 == 0 else '{"files":[]}',
                "null",
                open_webui_nanos(p),
                open_webui_nanos(p),
                None,
                None,
                0,
                None,
                None,
                None,
            )
            for p in range(posts)
        ],
        "note": [
            (
                f"d0b31f24-6315-4585-a518-{n:012x}",
                open_webui_user_id(n % users),
                OPEN_WEBUI_TEXTS[n % len(OPEN_WEBUI_TEXTS)][:30],
                json.dumps(
                    {"content": {"md": OPEN_WEBUI_TEXTS[(n + 3) % len(OPEN_WEBUI_TEXTS)]}}, ensure_ascii=False
                ),
                "null",
                open_webui_nanos(n) + 50_000_000_000,
                open_webui_nanos(n) + 50_000_000_651,
            )
            for n in range(8)
        ],
        "alembic_version": [("0bd252b206fb",)],
    }
    return write_export(path, OPEN_WEBUI_DDL, rows)


# --- Argilla ---------------------------------------------------------------------------------------------

ARGILLA_DDL = [
    "CREATE TABLE users (\n\tid CHAR(32) NOT NULL, \n\tfirst_name VARCHAR NOT NULL, \n\tlast_name VARCHAR, "
    "\n\tusername VARCHAR NOT NULL, \n\trole VARCHAR NOT NULL, \n\tapi_key TEXT NOT NULL, "
    "\n\tpassword_hash TEXT NOT NULL, \n\tinserted_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, "
    "\n\tPRIMARY KEY (id)\n)",
    "CREATE UNIQUE INDEX ix_users_username ON users (username)",
    "CREATE TABLE workspaces (\n\tid CHAR(32) NOT NULL, \n\tname VARCHAR NOT NULL, \n\tinserted_at DATETIME "
    "NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tPRIMARY KEY (id)\n)",
    "CREATE TABLE workspaces_users (\n\tid CHAR(32) NOT NULL, \n\tworkspace_id CHAR(32) NOT NULL, "
    "\n\tuser_id CHAR(32) NOT NULL, \n\tinserted_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, "
    "\n\tPRIMARY KEY (id), \n\tCONSTRAINT workspace_id_user_id_uq UNIQUE (workspace_id, user_id), "
    "\n\tFOREIGN KEY(workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE, "
    "\n\tFOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE\n)",
    'CREATE TABLE IF NOT EXISTS "datasets" (\n\tid CHAR(32) NOT NULL, \n\tname VARCHAR NOT NULL, '
    "\n\tguidelines TEXT, \n\tstatus VARCHAR NOT NULL, \n\tworkspace_id CHAR(32) NOT NULL, "
    "\n\tinserted_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, "
    "\n\tallow_extra_metadata BOOLEAN DEFAULT (true) NOT NULL, \n\tlast_activity_at DATETIME NOT NULL, "
    "\n\tdistribution JSON NOT NULL, metadata JSON, \n\tPRIMARY KEY (id), "
    "\n\tCONSTRAINT dataset_name_workspace_id_uq UNIQUE (name, workspace_id), "
    "\n\tFOREIGN KEY(workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE\n)",
    "CREATE TABLE questions (\n\tid CHAR(32) NOT NULL, \n\tname VARCHAR NOT NULL, \n\ttitle TEXT NOT NULL, "
    "\n\tdescription TEXT, \n\trequired BOOLEAN DEFAULT 0 NOT NULL, \n\tsettings JSON NOT NULL, "
    "\n\tdataset_id CHAR(32) NOT NULL, \n\tinserted_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, "
    "\n\tPRIMARY KEY (id), \n\tCONSTRAINT question_name_dataset_id_uq UNIQUE (name, dataset_id), "
    "\n\tFOREIGN KEY(dataset_id) REFERENCES datasets (id) ON DELETE CASCADE\n)",
    "CREATE TABLE records (\n\tid CHAR(32) NOT NULL, \n\tfields JSON NOT NULL, \n\texternal_id VARCHAR, "
    "\n\tdataset_id CHAR(32) NOT NULL, \n\tinserted_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, "
    "metadata JSON, status VARCHAR(9) DEFAULT 'pending' NOT NULL, \n\tPRIMARY KEY (id), "
    "\n\tCONSTRAINT record_external_id_dataset_id_uq UNIQUE (external_id, dataset_id), "
    "\n\tFOREIGN KEY(dataset_id) REFERENCES datasets (id) ON DELETE CASCADE\n)",
    'CREATE TABLE IF NOT EXISTS "responses" (\n\tid CHAR(32) NOT NULL, \n\t"values" JSON, '
    "\n\tstatus VARCHAR NOT NULL, \n\trecord_id CHAR(32) NOT NULL, \n\tuser_id CHAR(32) NOT NULL, "
    "\n\tinserted_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tPRIMARY KEY (id), "
    "\n\tCONSTRAINT responses_record_id_fkey FOREIGN KEY(record_id) REFERENCES records (id) ON DELETE "
    "CASCADE, \n\tCONSTRAINT response_record_id_user_id_uq UNIQUE (record_id, user_id), "
    "\n\tCONSTRAINT responses_user_id_fkey FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE\n)",
    'CREATE TABLE IF NOT EXISTS "suggestions" (\n\tid CHAR(32) NOT NULL, \n\tvalue JSON NOT NULL, '
    "\n\tscore JSON, \n\tagent VARCHAR, \n\ttype VARCHAR, \n\trecord_id CHAR(32) NOT NULL, "
    "\n\tquestion_id CHAR(32) NOT NULL, \n\tinserted_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, "
    "\n\tPRIMARY KEY (id), "
    "\n\tCONSTRAINT suggestion_record_id_question_id_uq UNIQUE (record_id, question_id), "
    "\n\tFOREIGN KEY(record_id) REFERENCES records (id) ON DELETE CASCADE, "
    "\n\tFOREIGN KEY(question_id) REFERENCES questions (id) ON DELETE CASCADE\n)",
    "CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, "
    "\n\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)",
]
ARGILLA_TEXTS = (
    "Great movie 🎬",
    "Très bon film, à revoir",
    "price\u00a0100\u00a0€",
    "x" * 700,
    "日本語のレビュー",
    "line1\nline2",
    "00123",
    "3.14159",
)
ARGILLA_STATUSES = ("submitted", "draft", "discarded")
ARGILLA_START = datetime(2026, 12, 5, 11, 57, 45, 634_093)  # datetime.utcnow() of the first user


def argilla_id(kind: int, n: int) -> str:
    """A ``Uuid`` column's value on SQLite: 32 hex digits, no dashes (one of them with leading zeros)."""
    if (kind, n) == (3, 0):
        return "0110920998864834af3a4ca58da44cfe"
    return UUID(int=(kind * 1_000_003 + n + 1) * 0x9E3779B97F4A7C15F39CC0605CEDC835 % 2**128).hex


def argilla_moment(n: int) -> datetime:
    """A naive UTC moment to the microsecond, ``str()`` of ``datetime.utcnow()``."""
    return ARGILLA_START + timedelta(seconds=n * 37, microseconds=n * 7_919 % 1_000_000)


def argilla_external_id(r: int) -> str | None:
    return None if r % 5 == 4 else f"{r:06d}"


def argilla_metadata(r: int) -> str:
    """A record's metadata: SQLAlchemy's ``JSON`` writes ``None`` as ``'null'``."""
    if r % 4 == 0:
        return "null"
    return json.dumps(
        {"year": 1950 + r * 7 % 76, "score": round(r * 0.37 % 10, 3), "genre": ("drama", "comedy")[r % 2]}
    )


def argilla_response_status(r: int, u: int) -> str:
    return ARGILLA_STATUSES[(r + u) % 3]


def argilla_values(r: int, u: int) -> str:
    """A response's values; a discarded one has none (``'null'``)."""
    if argilla_response_status(r, u) == "discarded":
        return "null"
    return json.dumps(
        {"sentiment": {"value": ("pos", "neg")[(r + u) % 2]}, "rating": {"value": 1 + (r * 3 + u) % 5}},
        ensure_ascii=False,
    )


def argilla_score(r: int) -> str:
    """A suggestion's ``score JSON``: a bare number as ``json.dumps`` writes a float, or ``'null'``."""
    return "null" if r % 3 == 0 else json.dumps(round((r * 0.1237) % 1, 4))


def argilla_server(path: Path, users: int = 5, records: int = 24) -> Path:
    """An Argilla server's ``argilla.db`` (see the module's list)."""

    def at(n: int) -> str:
        return str(argilla_moment(n))

    workspace, dataset = argilla_id(1, 0), argilla_id(2, 0)
    questions = (
        ("sentiment", {"type": "label_selection", "options": [{"value": "pos", "text": "Positive"}]}),
        ("rating", {"type": "rating", "options": [{"value": v} for v in range(1, 6)]}),
    )
    rows: dict[str, list[Sequence[Any]]] = {
        "users": [
            (
                argilla_id(0, u),
                ("Zoë", "Ана", "Bob", "José")[u % 4],
                (None, "Müller", "O'Brien")[u % 3],
                f"user{u}",
                ("owner", "admin", "annotator")[min(u, 2)],
                f"apikey-{u:02d}-" + "Ab_c-" * 16,
                f"$2b$04${'zn6mU6irbh2B/' * 4}{u}",
                at(u),
                at(u),
            )
            for u in range(users)
        ],
        "workspaces": [(workspace, "équipe-nlp", at(0), at(0))],
        "workspaces_users": [
            (argilla_id(5, u), workspace, argilla_id(0, u), at(u + 1), at(u + 1)) for u in range(users)
        ],
        "datasets": [
            (
                dataset,
                "movie-reviews",
                "Label **sentiment**; ignore spam 🙂",
                "ready",
                workspace,
                at(2),
                at(3),
                1,
                at(records + 9),
                '{"strategy": "overlap", "min_submitted": 2}',
                '{"source": "imdb"}',
            )
        ],
        "questions": [
            (
                argilla_id(4, q),
                name,
                name.title() + "?",
                None if q else "pick one",
                int(q == 0),
                json.dumps(settings),
                dataset,
                at(3),
                at(3),
            )
            for q, (name, settings) in enumerate(questions)
        ],
        "records": [
            (
                argilla_id(3, r),
                json.dumps({"text": ARGILLA_TEXTS[r % len(ARGILLA_TEXTS)]}, ensure_ascii=False),
                argilla_external_id(r),
                dataset,
                at(r + 4),
                at(r + 4),
                argilla_metadata(r),
                "completed" if r % 3 == 0 else "pending",
            )
            for r in range(records)
        ],
        "responses": [
            (
                argilla_id(6, r * users + u),
                argilla_values(r, u),
                argilla_response_status(r, u),
                argilla_id(3, r),
                argilla_id(0, u),
                at(r + 5),
                at(r + 5),
            )
            for r in range(records)
            for u in range(users)
            if (r + u) % 2 == 0
        ],
        "suggestions": [
            (
                argilla_id(7, r),
                json.dumps(("pos", "neg")[r % 2]),
                argilla_score(r),
                ("gpt-4o", "distilbert-sst2", None)[r % 3],
                ("model", "human", None)[r % 3],
                argilla_id(3, r),
                argilla_id(4, 0),
                at(r + 6),
                at(r + 6),
            )
            for r in range(records)
            if r % 2 == 1 or r % 3 == 0
        ],
        "alembic_version": [("580a6553186f",)],
    }
    return write_export(path, ARGILLA_DDL, rows)


# --- DVC ---------------------------------------------------------------------------------------------

DVC_STORED = 1796470628.6348743  # time.time() when the remote's index cache was filled
DVC_FILES = 24


def dvc_md5(n: int) -> str:
    """File ``n``'s md5 as DVC writes it: 32 hex digits (leading zeros kept)."""
    return hashlib.md5(f"dvc file {n}".encode()).hexdigest()


def dvc_file_name(n: int) -> str:
    return f"fichier_{n:03d}_é😀\u00a0x.csv" if n % 7 == 0 else f"f{n:03d}.txt"


def dvc_entry(n: int) -> bytes:
    """File ``n``'s entry in the trie: dvc-data's JSON of its meta and hash, as bytes."""
    md5 = dvc_md5(n)
    meta: dict[str, Any] = {"md5": md5} if n % 3 else {"size": n * 1000 + 7, "md5": md5}
    return json.dumps(
        {"meta": meta, "hash_info": {"md5": md5}, "loaded": None}, separators=(",", ":")
    ).encode()


def dvc_nodes() -> list[tuple[int, int | None, str, int | None, bytes | None]]:
    """The trie's rows ``(id, pid, name, has_value, value)``: the root 1, the node 2 deleted (its child
    keeps naming it), 6, 7 and 9 deleted with their children, then a directory ``data`` of ``run00``
    .. ``run23``, one file in each, the ``.dir`` object of ``data`` (NULL has_value) and a remote's
    branch."""
    rows: list[tuple[int, int | None, str, int | None, bytes | None]] = [
        (1, None, "", 0, None),
        (3, 2, "d952222289a505f0a7a2f1c87b4f3e75.dir", None, None),
        (4, 3, "repo", None, None),
        (5, 4, "data", 1, b'{"meta":{"isdir":true,"nfiles":24},"loaded":true}'),
        (8, 3, "local", None, None),
        (10, 8, "r", None, None),
    ]
    for n in range(DVC_FILES):
        folder = 11 + 2 * n
        rows.append((folder, 5, f"run{n:02d}", 1, b'{"meta":{"isdir":true},"loaded":true}'))
        rows.append((folder + 1, folder, dvc_file_name(n), 1, dvc_entry(n)))
    return rows


def dvc_data_index(path: Path) -> Path:
    """DVC's ``index/data/db.db`` (see the module's list)."""
    ddl = [
        "CREATE TABLE nodes (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n    pid INTEGER,\n    name TEXT,\n"
        "    has_value BOOLEAN,\n    value BLOB,\n    UNIQUE(pid, name),\n    UNIQUE(id, pid),\n"
        "    CHECK(id != pid)\n)",
        "CREATE INDEX nodes_pid_idx ON nodes (pid)",
    ]
    return write_export(path, ddl, {"nodes": list(dvc_nodes())}, bytes_as_text=False)


#: The remote index cache's settings as diskcache writes them for DVC (``eviction_policy='none'``).
DVC_CACHE_SETTINGS: tuple[tuple[str, int | str], ...] = (
    ("count", DVC_FILES + 1),
    ("size", 0),
    ("hits", 0),
    ("misses", 0),
    ("statistics", 0),
    ("tag_index", 0),
    ("eviction_policy", "none"),
    ("size_limit", 1073741824),
    ("cull_limit", 0),
    ("sqlite_auto_vacuum", 1),
    ("sqlite_cache_size", 8192),
    ("sqlite_journal_mode", "wal"),
    ("sqlite_mmap_size", 67108864),
    ("sqlite_synchronous", 1),
    ("disk_min_file_size", 32768),
    ("disk_pickle_protocol", 4),
)


def dvc_pushed(n: int) -> bool:
    """Is object ``n`` in the remote (its pickled value ``True``)? All but every fifth."""
    return n % 5 != 4


def dvc_index_cache(path: Path) -> Path:
    """DVC's ``index/<remote>/cache.db`` (see the module's list)."""
    ddl = [
        "CREATE TABLE Settings ( key TEXT NOT NULL UNIQUE, value)",
        "CREATE TABLE Cache ( rowid INTEGER PRIMARY KEY, key BLOB, raw INTEGER, store_time REAL, expire_time "
        "REAL, access_time REAL, access_count INTEGER DEFAULT 0, tag BLOB, size INTEGER DEFAULT 0, mode "
        "INTEGER DEFAULT 0, filename TEXT, value BLOB)",
        "CREATE UNIQUE INDEX Cache_key_raw ON Cache(key, raw)",
        "CREATE INDEX Cache_expire_time ON Cache (expire_time)",
    ]
    keys = ["a254fa371ea1e3f197087b53dd79e387.dir", *(dvc_md5(n) for n in range(DVC_FILES))]
    cache = [
        (
            n + 1,
            key,
            1,
            DVC_STORED + n * 0.0089,
            None,
            DVC_STORED + n * 0.0089,
            0,
            None,
            0,
            4,
            None,
            pickle.dumps(dvc_pushed(n), protocol=4),
        )
        for n, key in enumerate(keys)
    ]
    rows: dict[str, list[Sequence[Any]]] = {"Settings": list(DVC_CACHE_SETTINGS), "Cache": list(cache)}
    return write_export(path, ddl, rows, bytes_as_text=False)


# --- Guild AI ----------------------------------------------------------------------------------------

GUILD_RUNS = 8


def guild_run_id(n: int) -> str:
    """Run ``n``'s id: a uuid4's 32 hex digits (leading zeros kept)."""
    return hashlib.md5(f"guild run {n}".encode()).hexdigest()


def float32(value: float) -> float:
    """``value`` as a TensorBoard event stores it (a float32), read back as a double."""
    return float(struct.unpack("<f", struct.pack("<f", value))[0])


def guild_series(n: int, tag: str) -> list[float]:
    """The values run ``n`` logged for ``tag``, step 0 onwards (float32 each)."""
    if tag == "lr":
        return [float32(0.1 * 0.5**i) for i in range(5)]
    lr = (n + 1) / 100
    steps = n % 4 + 1
    if tag == "loss":
        return [float32(1.0 / (i + 1) * lr) for i in range(steps)]
    return [float32(0.5 + i * 0.01) for i in range(steps)]


def guild_tags(n: int) -> list[tuple[str, str]]:
    """Run ``n``'s ``(prefix, tag)`` pairs: ``loss`` and ``acc`` under ``.guild`` (its output scalars),
    and the last run's ``lr`` under a TensorBoard log directory ``logs/train`` too."""
    return [(".guild", "loss"), (".guild", "acc")] + ([("logs/train", "lr")] if n == GUILD_RUNS - 1 else [])


def guild_scalars() -> list[tuple[Any, ...]]:
    """``scalar``'s rows, as Guild's index sums each series up."""
    rows: list[tuple[Any, ...]] = []
    for n in range(GUILD_RUNS):
        for prefix, tag in guild_tags(n):
            values = guild_series(n, tag)
            low, high, total = min(values), max(values), sum(values)
            rows.append(
                (
                    guild_run_id(n),
                    prefix,
                    tag,
                    values[0],
                    0,
                    values[-1],
                    len(values) - 1,
                    low,
                    values.index(low),
                    high,
                    values.index(high),
                    total / len(values),
                    total,
                    len(values),
                )
            )
    return rows


def guild_runs_index(path: Path) -> Path:
    """Guild AI's ``cache/runs/index_v1.db`` (see the module's list)."""
    ddl = [
        "CREATE TABLE scalar (\n        run,\n        prefix,\n        tag,\n        first_val,\n"
        "        first_step,\n        last_val,\n        last_step,\n        min_val,\n        min_step,\n"
        "        max_val,\n        max_step,\n        avg_val,\n        total,\n        count\n      )",
        "CREATE INDEX scalar_i\n      ON scalar (run, prefix, tag)\n    ",
        "CREATE TABLE scalar_source (\n        run,\n        prefix,\n        path_digest\n      )",
        "CREATE UNIQUE INDEX scalar_source_pk\n      ON scalar_source (run, prefix)\n    ",
    ]
    sources = [(guild_run_id(n), prefix) for n in range(GUILD_RUNS) for prefix in dict(guild_tags(n))]
    rows: dict[str, list[Sequence[Any]]] = {
        "scalar": guild_scalars(),
        "scalar_source": [
            (run, prefix, hashlib.md5(f"{run}/{prefix}".encode()).hexdigest()) for run, prefix in sources
        ],
    }
    return write_export(path, ddl, rows)


# --- Zabbix proxy ---------------------------------------------------------------------------------------

ZABBIX_HOSTS = (
    (10101, "web-01", "Web 01 — Zürich"),
    (10102, "db-ß-02", "DB\u00a002 🐘"),
    (10103, "edge-03", ""),
)
#: Each host's items: key, type (0 agent, 2 trapper), value type (0 float, 1 character, 2 log,
#: 3 unsigned, 4 text), delay (the server's own text: an interval, a macro, ``0`` for a trapper), units.
ZABBIX_ITEMS = (
    ("agent.ping", 0, 3, "1m", ""),
    ("system.cpu.load[all,avg1]", 0, 0, "30s", ""),
    ("vfs.fs.size[/,pused]", 0, 0, "{$FS.DELAY}", "%"),
    ("app.version", 2, 1, "0", ""),
    ("app.log", 2, 2, "0", ""),
    ("app.note", 2, 4, "0", ""),
    ("shop.zip", 2, 1, "0", ""),
)
ZABBIX_FIRST_ITEM = 30001
#: Values as the proxy stores them, the text the agent or sender sent (``proxy_history.value``).
ZABBIX_NUMBERS = ("0.0525", "1.25", "0", "3.14159265358979", "12.5", "2.3e-05")
ZABBIX_VERSIONS = ("1.2.3", "2.0.0-rc1", "10.4", "1.10", "007")
ZABBIX_NOTES = (
    "ok",
    "Überlastung im Rechenzentrum\u00a0Nord",
    "日本語のメモ 🚀",
    "line1\nline2\ttab",
    "x" * 3000,
    "",
)
ZABBIX_ZIPS = ("01234", "00501", "10115", "8001", "99501")
ZABBIX_LOGS = (
    "Dec  5 10:00:01 web-01 sshd[123]: Accepted publickey for root",
    "ERROR: disk /dev/sda1 at 97% 💾",
    "Ünïcödé log — naïve café",
)
#: When the proxy wrote its first value (Unix seconds), and when it received the config.
ZABBIX_START = 1_796_384_283
#: Active agents that asked for their checks, unknown to the server (``proxy_autoreg_host``).
ZABBIX_AUTOREG = (
    ("win-srv-07", "2001:db8::7", "Windows\u00a0Server 2022"),
    ("bare", "198.51.100.1", ""),
    ("pi-🍓", "192.0.2.10", "Linux arm64"),
)


#: The proxy's own DDL (Debian's zabbix-proxy-sqlite3 6.0.14 ``schema.sql``) for the tables it fills,
#: and those they reference.
ZABBIX_PROXY_DDL = [
    (
        "CREATE TABLE maintenances (\n"
        "\tmaintenanceid bigint NOT NULL,\n"
        "\tname varchar(128) DEFAULT '' NOT NULL,\n"
        "\tmaintenance_type integer DEFAULT '0' NOT NULL,\n"
        "\tdescription text DEFAULT '' NOT NULL,\n"
        "\tactive_since integer DEFAULT '0' NOT NULL,\n"
        "\tactive_till integer DEFAULT '0' NOT NULL,\n"
        "\ttags_evaltype integer DEFAULT '0' NOT NULL,\n"
        "\tPRIMARY KEY (maintenanceid)\n"
        ")"
    ),
    "CREATE INDEX maintenances_1 ON maintenances (active_since,active_till)",
    "CREATE UNIQUE INDEX maintenances_2 ON maintenances (name)",
    (
        "CREATE TABLE hosts (\n"
        "\thostid bigint NOT NULL,\n"
        "\tproxy_hostid bigint NULL REFERENCES hosts (hostid),\n"
        "\thost varchar(128) DEFAULT '' NOT NULL,\n"
        "\tstatus integer DEFAULT '0' NOT NULL,\n"
        "\tlastaccess integer DEFAULT '0' NOT NULL,\n"
        "\tipmi_authtype integer DEFAULT '-1' NOT NULL,\n"
        "\tipmi_privilege integer DEFAULT '2' NOT NULL,\n"
        "\tipmi_username varchar(16) DEFAULT '' NOT NULL,\n"
        "\tipmi_password varchar(20) DEFAULT '' NOT NULL,\n"
        "\tmaintenanceid bigint NULL REFERENCES maintenances (maintenanceid),\n"
        "\tmaintenance_status integer DEFAULT '0' NOT NULL,\n"
        "\tmaintenance_type integer DEFAULT '0' NOT NULL,\n"
        "\tmaintenance_from integer DEFAULT '0' NOT NULL,\n"
        "\tname varchar(128) DEFAULT '' NOT NULL,\n"
        "\tflags integer DEFAULT '0' NOT NULL,\n"
        "\ttemplateid bigint NULL REFERENCES hosts (hostid) ON DELETE CASCADE,\n"
        "\tdescription text DEFAULT '' NOT NULL,\n"
        "\ttls_connect integer DEFAULT '1' NOT NULL,\n"
        "\ttls_accept integer DEFAULT '1' NOT NULL,\n"
        "\ttls_issuer varchar(1024) DEFAULT '' NOT NULL,\n"
        "\ttls_subject varchar(1024) DEFAULT '' NOT NULL,\n"
        "\ttls_psk_identity varchar(128) DEFAULT '' NOT NULL,\n"
        "\ttls_psk varchar(512) DEFAULT '' NOT NULL,\n"
        "\tproxy_address varchar(255) DEFAULT '' NOT NULL,\n"
        "\tauto_compress integer DEFAULT '1' NOT NULL,\n"
        "\tdiscover integer DEFAULT '0' NOT NULL,\n"
        "\tcustom_interfaces integer DEFAULT '0' NOT NULL,\n"
        "\tuuid varchar(32) DEFAULT '' NOT NULL,\n"
        "\tname_upper varchar(128) DEFAULT '' NOT NULL,\n"
        "\tPRIMARY KEY (hostid)\n"
        ")"
    ),
    "CREATE INDEX hosts_1 ON hosts (host)",
    "CREATE INDEX hosts_2 ON hosts (status)",
    "CREATE INDEX hosts_3 ON hosts (proxy_hostid)",
    "CREATE INDEX hosts_4 ON hosts (name)",
    "CREATE INDEX hosts_5 ON hosts (maintenanceid)",
    "CREATE INDEX hosts_6 ON hosts (name_upper)",
    (
        "CREATE TABLE interface (\n"
        "\tinterfaceid bigint NOT NULL,\n"
        "\thostid bigint NOT NULL REFERENCES hosts (hostid) ON DELETE CASCADE,\n"
        "\tmain integer DEFAULT '0' NOT NULL,\n"
        "\ttype integer DEFAULT '1' NOT NULL,\n"
        "\tuseip integer DEFAULT '1' NOT NULL,\n"
        "\tip varchar(64) DEFAULT '127.0.0.1' NOT NULL,\n"
        "\tdns varchar(255) DEFAULT '' NOT NULL,\n"
        "\tport varchar(64) DEFAULT '10050' NOT NULL,\n"
        "\tavailable integer DEFAULT '0' NOT NULL,\n"
        "\terror varchar(2048) DEFAULT '' NOT NULL,\n"
        "\terrors_from integer DEFAULT '0' NOT NULL,\n"
        "\tdisable_until integer DEFAULT '0' NOT NULL,\n"
        "\tPRIMARY KEY (interfaceid)\n"
        ")"
    ),
    "CREATE INDEX interface_1 ON interface (hostid,type)",
    "CREATE INDEX interface_2 ON interface (ip,dns)",
    "CREATE INDEX interface_3 ON interface (available)",
    (
        "CREATE TABLE valuemap (\n"
        "\tvaluemapid bigint NOT NULL,\n"
        "\thostid bigint NOT NULL REFERENCES hosts (hostid) ON DELETE CASCADE,\n"
        "\tname varchar(64) DEFAULT '' NOT NULL,\n"
        "\tuuid varchar(32) DEFAULT '' NOT NULL,\n"
        "\tPRIMARY KEY (valuemapid)\n"
        ")"
    ),
    "CREATE UNIQUE INDEX valuemap_1 ON valuemap (hostid,name)",
    (
        "CREATE TABLE items (\n"
        "\titemid bigint NOT NULL,\n"
        "\ttype integer DEFAULT '0' NOT NULL,\n"
        "\tsnmp_oid varchar(512) DEFAULT '' NOT NULL,\n"
        "\thostid bigint NOT NULL REFERENCES hosts (hostid) ON DELETE CASCADE,\n"
        "\tname varchar(255) DEFAULT '' NOT NULL,\n"
        "\tkey_ varchar(2048) DEFAULT '' NOT NULL,\n"
        "\tdelay varchar(1024) DEFAULT '0' NOT NULL,\n"
        "\thistory varchar(255) DEFAULT '90d' NOT NULL,\n"
        "\ttrends varchar(255) DEFAULT '365d' NOT NULL,\n"
        "\tstatus integer DEFAULT '0' NOT NULL,\n"
        "\tvalue_type integer DEFAULT '0' NOT NULL,\n"
        "\ttrapper_hosts varchar(255) DEFAULT '' NOT NULL,\n"
        "\tunits varchar(255) DEFAULT '' NOT NULL,\n"
        "\tformula varchar(255) DEFAULT '' NOT NULL,\n"
        "\tlogtimefmt varchar(64) DEFAULT '' NOT NULL,\n"
        "\ttemplateid bigint NULL REFERENCES items (itemid) ON DELETE CASCADE,\n"
        "\tvaluemapid bigint NULL REFERENCES valuemap (valuemapid),\n"
        "\tparams text DEFAULT '' NOT NULL,\n"
        "\tipmi_sensor varchar(128) DEFAULT '' NOT NULL,\n"
        "\tauthtype integer DEFAULT '0' NOT NULL,\n"
        "\tusername varchar(64) DEFAULT '' NOT NULL,\n"
        "\tpassword varchar(64) DEFAULT '' NOT NULL,\n"
        "\tpublickey varchar(64) DEFAULT '' NOT NULL,\n"
        "\tprivatekey varchar(64) DEFAULT '' NOT NULL,\n"
        "\tflags integer DEFAULT '0' NOT NULL,\n"
        "\tinterfaceid bigint NULL REFERENCES interface (interfaceid),\n"
        "\tdescription text DEFAULT '' NOT NULL,\n"
        "\tinventory_link integer DEFAULT '0' NOT NULL,\n"
        "\tlifetime varchar(255) DEFAULT '30d' NOT NULL,\n"
        "\tevaltype integer DEFAULT '0' NOT NULL,\n"
        "\tjmx_endpoint varchar(255) DEFAULT '' NOT NULL,\n"
        "\tmaster_itemid bigint NULL REFERENCES items (itemid) ON DELETE CASCADE,\n"
        "\ttimeout varchar(255) DEFAULT '3s' NOT NULL,\n"
        "\turl varchar(2048) DEFAULT '' NOT NULL,\n"
        "\tquery_fields varchar(2048) DEFAULT '' NOT NULL,\n"
        "\tposts text DEFAULT '' NOT NULL,\n"
        "\tstatus_codes varchar(255) DEFAULT '200' NOT NULL,\n"
        "\tfollow_redirects integer DEFAULT '1' NOT NULL,\n"
        "\tpost_type integer DEFAULT '0' NOT NULL,\n"
        "\thttp_proxy varchar(255) DEFAULT '' NOT NULL,\n"
        "\theaders text DEFAULT '' NOT NULL,\n"
        "\tretrieve_mode integer DEFAULT '0' NOT NULL,\n"
        "\trequest_method integer DEFAULT '0' NOT NULL,\n"
        "\toutput_format integer DEFAULT '0' NOT NULL,\n"
        "\tssl_cert_file varchar(255) DEFAULT '' NOT NULL,\n"
        "\tssl_key_file varchar(255) DEFAULT '' NOT NULL,\n"
        "\tssl_key_password varchar(64) DEFAULT '' NOT NULL,\n"
        "\tverify_peer integer DEFAULT '0' NOT NULL,\n"
        "\tverify_host integer DEFAULT '0' NOT NULL,\n"
        "\tallow_traps integer DEFAULT '0' NOT NULL,\n"
        "\tdiscover integer DEFAULT '0' NOT NULL,\n"
        "\tuuid varchar(32) DEFAULT '' NOT NULL,\n"
        "\tname_upper varchar(255) DEFAULT '' NOT NULL,\n"
        "\tPRIMARY KEY (itemid)\n"
        ")"
    ),
    "CREATE INDEX items_1 ON items (hostid,key_)",
    "CREATE INDEX items_3 ON items (status)",
    "CREATE INDEX items_4 ON items (templateid)",
    "CREATE INDEX items_5 ON items (valuemapid)",
    "CREATE INDEX items_6 ON items (interfaceid)",
    "CREATE INDEX items_7 ON items (master_itemid)",
    "CREATE INDEX items_8 ON items (key_)",
    "CREATE INDEX items_9 ON items (hostid,name_upper)",
    (
        "CREATE TABLE item_rtdata (\n"
        "\titemid bigint NOT NULL REFERENCES items (itemid) ON DELETE CASCADE,\n"
        "\tlastlogsize bigint DEFAULT '0' NOT NULL,\n"
        "\tstate integer DEFAULT '0' NOT NULL,\n"
        "\tmtime integer DEFAULT '0' NOT NULL,\n"
        "\terror varchar(2048) DEFAULT '' NOT NULL,\n"
        "\tPRIMARY KEY (itemid)\n"
        ")"
    ),
    (
        "CREATE TABLE proxy_history (\n"
        "\tid integer NOT NULL PRIMARY KEY AUTOINCREMENT,\n"
        "\titemid bigint NOT NULL,\n"
        "\tclock integer DEFAULT '0' NOT NULL,\n"
        "\ttimestamp integer DEFAULT '0' NOT NULL,\n"
        "\tsource varchar(64) DEFAULT '' NOT NULL,\n"
        "\tseverity integer DEFAULT '0' NOT NULL,\n"
        "\tvalue text DEFAULT '' NOT NULL,\n"
        "\tlogeventid integer DEFAULT '0' NOT NULL,\n"
        "\tns integer DEFAULT '0' NOT NULL,\n"
        "\tstate integer DEFAULT '0' NOT NULL,\n"
        "\tlastlogsize bigint DEFAULT '0' NOT NULL,\n"
        "\tmtime integer DEFAULT '0' NOT NULL,\n"
        "\tflags integer DEFAULT '0' NOT NULL,\n"
        "\twrite_clock integer DEFAULT '0' NOT NULL\n"
        ")"
    ),
    "CREATE INDEX proxy_history_1 ON proxy_history (clock)",
    (
        "CREATE TABLE proxy_autoreg_host (\n"
        "\tid integer NOT NULL PRIMARY KEY AUTOINCREMENT,\n"
        "\tclock integer DEFAULT '0' NOT NULL,\n"
        "\thost varchar(128) DEFAULT '' NOT NULL,\n"
        "\tlisten_ip varchar(39) DEFAULT '' NOT NULL,\n"
        "\tlisten_port integer DEFAULT '0' NOT NULL,\n"
        "\tlisten_dns varchar(255) DEFAULT '' NOT NULL,\n"
        "\thost_metadata varchar(255) DEFAULT '' NOT NULL,\n"
        "\tflags integer DEFAULT '0' NOT NULL,\n"
        "\ttls_accepted integer DEFAULT '1' NOT NULL\n"
        ")"
    ),
    "CREATE INDEX proxy_autoreg_host_1 ON proxy_autoreg_host (clock)",
    (
        "CREATE TABLE ids (\n"
        "\ttable_name varchar(64) DEFAULT '' NOT NULL,\n"
        "\tfield_name varchar(64) DEFAULT '' NOT NULL,\n"
        "\tnextid bigint NOT NULL,\n"
        "\tPRIMARY KEY (table_name,field_name)\n"
        ")"
    ),
    (
        "CREATE TABLE dbversion (\n"
        "\tdbversionid bigint NOT NULL,\n"
        "\tmandatory integer DEFAULT '0' NOT NULL,\n"
        "\toptional integer DEFAULT '0' NOT NULL,\n"
        "\tPRIMARY KEY (dbversionid)\n"
        ")"
    ),
]


def zabbix_item(n: int) -> tuple[int, int, str, int]:
    """Item ``n`` (0-based): its itemid, hostid, key and value type."""
    host, (key, _, value_type, _, _) = (
        ZABBIX_HOSTS[n // len(ZABBIX_ITEMS)],
        ZABBIX_ITEMS[n % len(ZABBIX_ITEMS)],
    )
    return ZABBIX_FIRST_ITEM + n, host[0], key, value_type


def zabbix_value(i: int) -> tuple[int, str, int, str, int, int]:
    """History row ``i`` (0-based): item number, value, log timestamp, source, severity, event id."""
    n = (i * 5) % (len(ZABBIX_HOSTS) * len(ZABBIX_ITEMS))
    key = ZABBIX_ITEMS[n % len(ZABBIX_ITEMS)][0]
    if key == "app.log":
        return (
            n,
            ZABBIX_LOGS[i % 3],
            zabbix_clock(i) - i % 4,
            ("sshd", "kernel", "app-ü")[i % 3],
            i % 5,
            7 * i,
        )
    value = {
        "agent.ping": "1",
        "system.cpu.load[all,avg1]": ZABBIX_NUMBERS[i % len(ZABBIX_NUMBERS)],
        "vfs.fs.size[/,pused]": ZABBIX_NUMBERS[(i + 1) % len(ZABBIX_NUMBERS)],
        "app.version": ZABBIX_VERSIONS[i % len(ZABBIX_VERSIONS)],
        "app.note": ZABBIX_NOTES[i % len(ZABBIX_NOTES)],
        "shop.zip": ZABBIX_ZIPS[i % len(ZABBIX_ZIPS)],
    }[key]
    return n, value, 0, "", 0, 0


def zabbix_clock(i: int) -> int:
    """When history row ``i``'s value was collected (Unix seconds)."""
    return ZABBIX_START + 37 * i


def zabbix_ns(i: int) -> int:
    """The nanoseconds of history row ``i``'s clock."""
    return (i * 104_729_003) % 1_000_000_000


def zabbix_written(i: int) -> int:
    """When the proxy wrote history row ``i`` (``write_clock``): in batches, a minute after each."""
    return zabbix_clock(i - i % 10 + 9) + 60


def zabbix_proxy(path: Path, values: int = 40) -> Path:
    """A Zabbix proxy's SQLite database (see the module's list)."""
    con = sqlite3.connect(path)
    with con:
        for statement in ZABBIX_PROXY_DDL:
            con.execute(statement)
        con.execute("INSERT INTO dbversion VALUES ('1','6000000','6000018')")
        # The configuration the server sent: only the fields it sends, the rest their DEFAULTs.
        con.executemany(
            "INSERT INTO hosts (hostid, host, status, ipmi_authtype, ipmi_privilege, name, tls_connect, "
            "tls_accept) VALUES (?, ?, 0, -1, 2, ?, 1, 1)",
            [(hostid, host, name or host) for hostid, host, name in ZABBIX_HOSTS],
        )
        for n in range(len(ZABBIX_HOSTS) * len(ZABBIX_ITEMS)):
            itemid, hostid, key, value_type = zabbix_item(n)
            _, kind, _, delay, units = ZABBIX_ITEMS[n % len(ZABBIX_ITEMS)]
            con.execute(
                "INSERT INTO items (itemid, type, hostid, key_, delay, history, status, value_type, units, "
                "timeout, status_codes) VALUES (?, ?, ?, ?, ?, '90d', 0, ?, ?, '3s', '200')",
                (itemid, kind, hostid, key, delay, value_type, units),
            )
            con.execute("INSERT INTO item_rtdata (itemid) VALUES (?)", (itemid,))
        for i in range(values):
            n, value, timestamp, source, severity, event = zabbix_value(i)
            con.execute(
                "INSERT INTO proxy_history (itemid, clock, timestamp, source, severity, value, logeventid, "
                "ns, state, lastlogsize, mtime, flags, write_clock) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)",
                (
                    zabbix_item(n)[0],
                    zabbix_clock(i),
                    timestamp,
                    source,
                    severity,
                    value,
                    event,
                    zabbix_ns(i),
                    zabbix_written(i),
                ),
            )
        for k, (host, ip, metadata) in enumerate(ZABBIX_AUTOREG):
            con.execute(
                "INSERT INTO proxy_autoreg_host (clock, host, listen_ip, listen_port, listen_dns, "
                "host_metadata, flags, tls_accepted) VALUES (?, ?, ?, 10050, '', ?, 0, 1)",
                (ZABBIX_START + 600 * k, host, ip, metadata),
            )
        con.executemany(
            "INSERT INTO ids (table_name, field_name, nextid) VALUES (?, ?, ?)",
            [("proxy_history", "history_lastid", values), ("proxy_autoreg_host", "autoreg_host_lastid", 3)],
        )
    con.close()
    return path


# --- Liferea --------------------------------------------------------------------------------------------

#: Liferea 1.14's own DDL (``src/db.c``): its ``STRING`` columns have NUMERIC affinity, ``node.type``
#: is declared ``INTEGER`` and holds the node type's name.
LIFEREA_DDL = [
    "CREATE TABLE info ( name TEXT, value TEXT, PRIMARY KEY (name) )",
    "CREATE TABLE items ( item_id INTEGER, parent_item_id INTEGER, node_id TEXT,  "
    "parent_node_id TEXT, title TEXT, read INTEGER, updated INTEGER, popup INTEGER,  "
    "marked INTEGER, source TEXT, source_id TEXT, valid_guid INTEGER, description TEXT,  "
    "date INTEGER, comment_feed_id TEXT, comment INTEGER, PRIMARY KEY (item_id))",
    "CREATE INDEX items_idx ON items (source_id)",
    "CREATE INDEX items_idx3 ON items (node_id)",
    "CREATE TABLE metadata ( item_id INTEGER, nr INTEGER, key TEXT,  value TEXT, PRIMARY KEY (item_id, nr))",
    "CREATE TABLE subscription ( node_id STRING, source STRING, orig_source  "
    "STRING, filter_cmd STRING, update_interval INTEGER, default_interval INTEGER,  "
    "discontinued INTEGER, available INTEGER, PRIMARY KEY (node_id))",
    "CREATE TABLE subscription_metadata ( node_id STRING, nr INTEGER,  "
    "key TEXT, value TEXT, PRIMARY KEY (node_id, nr))",
    "CREATE TABLE node ( node_id STRING, parent_id STRING, title STRING, type INTEGER,  "
    "expanded INTEGER, view_mode INTEGER, sort_column INTEGER, sort_reversed INTEGER,  "
    "PRIMARY KEY (node_id))",
    "CREATE TABLE search_folder_items ( node_id STRING, parent_node_id STRING,  "
    "item_id INTEGER, PRIMARY KEY (node_id, item_id))",
    "CREATE TRIGGER item_removal DELETE ON items BEGIN DELETE FROM metadata WHERE item_id = old.item_id;  "
    "DELETE FROM search_folder_items WHERE item_id = old.item_id; END",
]
#: The feed list's root (stored in no row: every top-level node names it as its parent).
LIFEREA_ROOT = "gkvlluw"
#: Nodes: id, parent, title, type (``None``: a feed never fetched yet).
LIFEREA_NODES = (
    ("brdjejx", LIFEREA_ROOT, "Example Feeds", "folder"),
    ("aiouasl", "brdjejx", "News", "folder"),
    ("hqchfdc", LIFEREA_ROOT, "Unread", "vfolder"),
    ("myewsqh", LIFEREA_ROOT, "Important", "vfolder"),
    ("lqaossv", "aiouasl", "Ars Technica", None),
    ("hagdxgs", "brdjejx", "Planet Debian", None),
    ("hljvbgg", LIFEREA_ROOT, "Ünïcode Feed 📰", "rss"),
    ("mgaqfmy", LIFEREA_ROOT, "Atom Ωfeed", "atom"),
)
#: The feeds fetched (their items below) and the vfolder of unread items.
LIFEREA_FEEDS = ("hljvbgg", "mgaqfmy")
LIFEREA_UNREAD = "hqchfdc"
LIFEREA_TITLES = (
    "Zürich café reopens ☕",
    "日本語のニュース 🚀",
    "Price\u00a0drop: 19.99 € → 14,50 €",
    "Plain title",
    None,
    "Order 007 shipped",
    "Emoji only 🎉🎉",
)
#: When the feeds were fetched (Unix seconds): an item with no date of its own is dated so.
LIFEREA_FETCHED = 1_796_471_573


def liferea_date(i: int) -> int:
    """Item ``i``'s (1-based) date, Unix seconds: its feed's, or the fetch's where it had none."""
    return LIFEREA_FETCHED if i % 13 == 0 else 1_794_094_494 - 5_821 * i


def liferea_read(i: int) -> int:
    """Whether item ``i`` was read (0/1)."""
    return int(i % 4 == 0)


def liferea_item(i: int) -> tuple[Any, ...]:
    """Item ``i``'s row (1-based), as Liferea stores a parsed RSS or Atom entry."""
    feed = LIFEREA_FEEDS[i % 2]
    body = "long " * (400 if i % 17 == 0 else 3)
    return (
        i,
        0,
        feed,
        feed,
        LIFEREA_TITLES[i % len(LIFEREA_TITLES)],
        liferea_read(i),
        0,
        1 - liferea_read(i),
        int(i % 7 == 0),
        f"http://example.org/post/{i:05d}",
        f"urn:post:{i:05d}",
        1,
        f'<div xmlns="http://www.w3.org/1999/xhtml"><p>Body {i} — naïve résumé {body}</p></div>',
        liferea_date(i),
        None,
        0,
    )


def liferea_metadata(i: int) -> list[tuple[str, str]]:
    """Item ``i``'s metadata, in order: its author, category and enclosure where it has them."""
    found = []
    if i % 3 == 0:
        found.append(("author", "ana@example.org (Ana Łukasz)"))
    found.append(("category", f"cat-{i % 4}"))
    if i % 5 == 0:
        found.append(("enclosure", f"enc:0:audio/mpeg:{1000 + i}:http://example.org/media/{i:04d}.mp3"))
    return found


def liferea_feeds(path: Path, items: int = 30) -> Path:
    """A Liferea 1.14 feed reader's ``liferea.db`` (see the module's list)."""
    feeds = [n for n in LIFEREA_NODES if n[3] != "folder" and n[3] != "vfolder"]
    rows: dict[str, list[Sequence[Any]]] = {
        "info": [("schemaVersion", "10")],
        "node": [
            (node, parent, title, kind, 1 if kind == "folder" else 0, 0, 0, 1)
            for node, parent, title, kind in LIFEREA_NODES
        ],
        "subscription": [
            (
                node,
                f"https://feeds.example.org/{node}.xml",
                f"https://feeds.example.org/{node}.xml",
                None,
                -1,
                -1,
                0,
                int(kind is not None),
            )
            for node, _, _, kind in feeds
        ],
        "subscription_metadata": [
            ("hljvbgg", 1, "homepage", "http://example.org/"),
            (
                "hljvbgg",
                2,
                "description",
                '<div xmlns="http://www.w3.org/1999/xhtml"><p>A test feed\u00a0with NBSP</p></div>',
            ),
            ("mgaqfmy", 1, "contentUpdateDate", "2026-12-01T00:00:00Z"),
        ],
        "items": [liferea_item(i) for i in range(1, items + 1)],
        "metadata": [
            (i, nr, key, value)
            for i in range(1, items + 1)
            for nr, (key, value) in enumerate(liferea_metadata(i), 1)
        ],
        "search_folder_items": [
            (LIFEREA_UNREAD, LIFEREA_FEEDS[i % 2], i) for i in range(1, items + 1) if not liferea_read(i)
        ],
    }
    return write_export(path, LIFEREA_DDL, rows)


# --- Evolution-data-server ------------------------------------------------------------------------------

EDS_DDL = [
    "CREATE TABLE folders (folder_id TEXT PRIMARY KEY, version INTEGER, multivalues TEXT, lc_collate TEXT, "
    "countrycode VARCHAR(2))",
    "CREATE TABLE keys ( key TEXT PRIMARY KEY, value TEXT, folder_id TEXT REFERENCES folders)",
    "CREATE TABLE IF NOT EXISTS 'folder_id' (uid TEXT PRIMARY KEY, Rev TEXT, file_as TEXT, file_as_localized "
    "TEXT, nickname TEXT, full_name TEXT, given_name TEXT, given_name_localized TEXT, family_name TEXT, "
    "family_name_localized TEXT, is_list INTEGER, list_show_addresses INTEGER, wants_html INTEGER, "
    "x509Cert INTEGER, pgpCert INTEGER, vcard TEXT, bdata TEXT)",
    "CREATE INDEX 'INDEX_file_as_folder_id' ON 'folder_id' (file_as)",
    "CREATE TABLE IF NOT EXISTS 'folder_id_email_list' (uid TEXT NOT NULL REFERENCES 'folder_id' (uid), "
    "value TEXT)",
    "CREATE TABLE IF NOT EXISTS 'folder_id_phone_list' (uid TEXT NOT NULL REFERENCES 'folder_id' (uid), "
    "value TEXT)",
]
EDS_NAMES = (
    ("Zoë", "Ångström"),
    ("小龍", "李"),
    ("Ana\u00a0Łukasz", "🚀"),
    ("Pat", "O'Brien"),
    ("Émile", "Zola"),
)
#: When the contacts were saved (Unix seconds): each one's ``REV`` a second apart.
EDS_SAVED = 1_796_472_338


def eds_uid(i: int) -> str:
    """Contact ``i``'s uid, as the address book makes one (``pas-id-`` and 40 hex digits)."""
    return "pas-id-" + hashlib.sha1(f"contact {i}".encode()).hexdigest()


def eds_rev(i: int) -> str:
    """Contact ``i``'s vCard ``REV``: UTC, to the second, with ``Z``."""
    return datetime.fromtimestamp(EDS_SAVED + i, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def eds_sort_key(text: str) -> bytes:
    """An ICU collation key of ``text`` as the address book keeps one in a TEXT column: weights of
    each level (a stand-in computed from the text's bytes) split by ICU's level separator ``0x01``,
    bytes that are no UTF-8."""
    primary = bytes(0x20 + b % 0xD0 for b in text.lower().encode())
    return b"\x0d" + primary + b"\x01" + bytes(0xC0 + b % 0x30 for b in text.encode()[:6]) + b"\x01\x0a"


def eds_contact(i: int) -> tuple[str, str, str, str | None, str | None]:
    """Contact ``i``: its full name, file-as, vCard, e-mail and phone number (``None``: none)."""
    given, family = EDS_NAMES[i % len(EDS_NAMES)]
    full = f"{given} {family} {i}"
    email = f"user{i}@example.org" if i % 2 == 0 else None
    phone = f"+41 079 {i:03d} 00 {i % 100:02d}" if i % 3 == 0 else None
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{full}", f"N:{family};{given};;;"]
    if email:
        lines.append(f"EMAIL;TYPE=WORK:{email}")
    if phone:
        lines.append(f'TEL;X-EVOLUTION-E164=79{i:03d}00{i % 100:02d},"+41";TYPE=CELL:{phone}')
    if i % 4 == 0:
        lines.append(f"BDAY:{1950 + i}-{i % 12 + 1:02d}-{i % 28 + 1:02d}")
    lines += [f"UID:{eds_uid(i)}", f"REV:{eds_rev(i)}", "END:VCARD"]
    return full, f"{family}, {given}".lower(), "\r\n".join(lines), email, phone


def eds_address_book(path: Path, contacts: int = 24) -> Path:
    """Evolution-data-server's address book cache ``contacts.db`` (see the module's list)."""
    rows: dict[str, list[Sequence[Any]]] = {
        "folders": [("folder_id", 12, "email;prefix:phone", "C.UTF-8", None)],
        "keys": [
            ("eds-reserved-namespace-is-populated", "1", None),
            ("revision", f"{eds_rev(contacts - 1)}({contacts - 1})", None),
        ],
        "folder_id": [],
        "folder_id_email_list": [],
        "folder_id_phone_list": [],
    }
    for i in range(contacts):
        full, file_as, vcard, email, phone = eds_contact(i)
        given, family = EDS_NAMES[i % len(EDS_NAMES)]
        rows["folder_id"].append(
            (
                eds_uid(i),
                eds_rev(i),
                file_as,
                eds_sort_key(file_as),
                None,
                full.lower(),
                given.lower(),
                eds_sort_key(given),
                family.lower(),
                eds_sort_key(family),
                0,
                0,
                0,
                0,
                0,
                vcard,
                None,
            )
        )
        if email:
            rows["folder_id_email_list"].append((eds_uid(i), email))
        if phone:
            rows["folder_id_phone_list"].append((eds_uid(i), phone))
    return write_export(path, EDS_DDL, rows)


# --- MPD (Music Player Daemon) sticker database -------------------------------------------------------

#: MPD 0.23's ``sticker.sql`` DDL, as ``sqlite3 .schema`` prints the file the daemon created.
MPD_DDL = [
    "CREATE TABLE sticker(  type VARCHAR NOT NULL,   uri VARCHAR NOT NULL,   name VARCHAR NOT NULL,"
    "   value VARCHAR NOT NULL)",
    "CREATE UNIQUE INDEX sticker_value ON sticker(type, uri, name)",
]
MPD_ALBUMS = ("Björk – Homogenic", "日本語のアルバム", "Jazz/Blue Train")
MPD_COMMENTS = ("Lovely 😍 intro", "Ünïcödé\u00a0note", "live take," + " la" * 120, "sounds like 1999")
MPD_LAST_PLAYED = 1733300000  # 2024-12-04 08:13:20 UTC, Unix seconds


def mpd_song(i: int) -> str:
    """A song's URI as MPD names it: the path under its music directory."""
    return f"{MPD_ALBUMS[i % 3]}/{i:02d} Track {i} 🎵 song\u00a0{i}.flac"


def mpd_sticker_values(i: int) -> dict[str, str]:
    """The stickers clients set on song ``i``, each value the protocol's text."""
    values = {"playCount": str(i * 7 % 250), "lastPlayed": str(MPD_LAST_PLAYED - i * 86_413)}
    if i % 2 == 0:
        values["rating"] = str(i % 11)
    if i % 3 == 0:
        values["like"] = str(i // 3 % 3)
    if i % 5 == 0:
        values["comment"] = MPD_COMMENTS[i // 5 % 4]
    if i % 7 == 3:
        values["mood"] = ""
    return values


def mpd_stickers(path: Path, songs: int = 24) -> Path:
    rows = [
        ("song", mpd_song(i), name, value)
        for i in range(1, songs + 1)
        for name, value in mpd_sticker_values(i).items()
    ]
    return write_export(path, MPD_DDL, {"sticker": rows})


# --- FreeRADIUS (rlm_sql_sqlite) ----------------------------------------------------------------------

#: FreeRADIUS 3.2's ``mods-config/sql/main/sqlite/schema.sql`` (Debian's freeradius-config) less its
#: comments, each statement as the server's ``bootstrap`` runs it.
RADIUS_SCHEMA = """
CREATE TABLE IF NOT EXISTS radacct (
    radacctid INTEGER PRIMARY KEY AUTOINCREMENT,
    acctsessionid varchar(64) NOT NULL default '',
    acctuniqueid varchar(32) NOT NULL default '',
    username varchar(64) NOT NULL default '',
    realm varchar(64) default '',
    nasipaddress varchar(15) NOT NULL default '',
    nasportid varchar(32) default NULL,
    nasporttype varchar(32) default NULL,
    acctstarttime datetime NULL default NULL,
    acctupdatetime datetime NULL default NULL,
    acctstoptime datetime NULL default NULL,
    acctinterval int(12) default NULL,
    acctsessiontime int(12) default NULL,
    acctauthentic varchar(32) default NULL,
    connectinfo_start varchar(128) default NULL,
    connectinfo_stop varchar(128) default NULL,
    acctinputoctets bigint(20) default NULL,
    acctoutputoctets bigint(20) default NULL,
    calledstationid varchar(50) NOT NULL default '',
    callingstationid varchar(50) NOT NULL default '',
    acctterminatecause varchar(32) NOT NULL default '',
    servicetype varchar(32) default NULL,
    framedprotocol varchar(32) default NULL,
    framedipaddress varchar(15) NOT NULL default '',
    framedipv6address varchar(45) NOT NULL default '',
    framedipv6prefix varchar(45) NOT NULL default '',
    framedinterfaceid varchar(44) NOT NULL default '',
    delegatedipv6prefix varchar(45) NOT NULL default '',
    class varchar(64) default NULL
);
CREATE UNIQUE INDEX acctuniqueid ON radacct(acctuniqueid);
CREATE INDEX username ON radacct(username);
CREATE INDEX framedipaddress ON radacct (framedipaddress);
CREATE INDEX framedipv6address ON radacct (framedipv6address);
CREATE INDEX framedipv6prefix ON radacct (framedipv6prefix);
CREATE INDEX framedinterfaceid ON radacct (framedinterfaceid);
CREATE INDEX delegatedipv6prefix ON radacct (delegatedipv6prefix);
CREATE INDEX acctsessionid ON radacct(acctsessionid);
CREATE INDEX acctsessiontime ON radacct(acctsessiontime);
CREATE INDEX acctstarttime ON radacct(acctstarttime);
CREATE INDEX acctinterval ON radacct(acctinterval);
CREATE INDEX acctstoptime ON radacct(acctstoptime);
CREATE INDEX nasipaddress ON radacct(nasipaddress);
CREATE INDEX class ON radacct(class);
CREATE TABLE IF NOT EXISTS radcheck (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username varchar(64) NOT NULL default '',
    attribute varchar(64)  NOT NULL default '',
    op char(2) NOT NULL DEFAULT '==',
    value varchar(253) NOT NULL default ''
);
CREATE INDEX check_username ON radcheck(username);
CREATE TABLE IF NOT EXISTS radgroupcheck (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    groupname varchar(64) NOT NULL default '',
    attribute varchar(64)  NOT NULL default '',
    op char(2) NOT NULL DEFAULT '==',
    value varchar(253)  NOT NULL default ''
);
CREATE INDEX check_groupname ON radgroupcheck(groupname);
CREATE TABLE IF NOT EXISTS radgroupreply (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    groupname varchar(64) NOT NULL default '',
    attribute varchar(64)  NOT NULL default '',
    op char(2) NOT NULL DEFAULT '=',
    value varchar(253)  NOT NULL default ''
);
CREATE INDEX reply_groupname ON radgroupreply(groupname);
CREATE TABLE IF NOT EXISTS radreply (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username varchar(64) NOT NULL default '',
    attribute varchar(64) NOT NULL default '',
    op char(2) NOT NULL DEFAULT '=',
    value varchar(253) NOT NULL default ''
);
CREATE INDEX reply_username ON radreply(username);
CREATE TABLE IF NOT EXISTS radusergroup (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username varchar(64) NOT NULL default '',
    groupname varchar(64) NOT NULL default '',
    priority int(11) NOT NULL default '1'
);
CREATE INDEX usergroup_username ON radusergroup(username);
CREATE TABLE IF NOT EXISTS radpostauth (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username varchar(64) NOT NULL default '',
    pass varchar(64) NOT NULL default '',
    reply varchar(32) NOT NULL default '',
    authdate timestamp NOT NULL,
    class varchar(64) default NULL
);
CREATE INDEX radpostauth_username ON radpostauth(username);
CREATE INDEX radpostauth_class ON radpostauth(class);
CREATE TABLE IF NOT EXISTS nas (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nasname varchar(128) NOT NULL,
    shortname varchar(32),
    type varchar(30) DEFAULT 'other',
    ports int(5),
    secret varchar(60) DEFAULT 'secret' NOT NULL,
    server varchar(64),
    community varchar(50),
    description varchar(200) DEFAULT 'RADIUS Client'
);
CREATE INDEX nasname ON nas(nasname);
CREATE TABLE IF NOT EXISTS nasreload (
    nasipaddress varchar(15) PRIMARY KEY,
    reloadtime datetime NOT NULL
);
"""
RADIUS_DDL = [statement for statement in RADIUS_SCHEMA.split(";") if statement.strip()]
RADIUS_USERS = ("user001", "josé.garcía@example.es", "李雷", "anna müller", "00123", "bob@wifi.example.net")
RADIUS_EPOCH = 1764900000  # 2025-12-05 02:00:00 UTC: the first session's Event-Timestamp
RADIUS_CAUSES = ("User-Request", "Idle-Timeout", "Lost-Carrier", "Session-Timeout")
RADIUS_AUTHDATE = datetime(2026, 12, 5, 11, 51, 4, 427_589)  # the server's local wall clock


def radius_user(k: int) -> str:
    return RADIUS_USERS[k % len(RADIUS_USERS)]


def radius_session(k: int) -> dict[str, Any]:
    """Session ``k`` as ``radacct`` holds it after its Start, Interim-Update and Stop packets: every
    third one still open (no Stop yet: stop time NULL, no stop info, ``''`` for the cause)."""
    start = RADIUS_EPOCH + k * 613
    stopped = k % 3 != 0
    octets = (k * 123_456_789 % 2**32 + (2**32 if k % 7 == 1 else 0)) if stopped else 0
    return {
        "start": start,
        "update": start + 300 if stopped else start,
        "stop": start + 300 + k * 11 if stopped else None,
        "interval": 0 if stopped else None,
        "session_time": 300 + k * 11 if stopped else 0,
        "input": octets,
        "output": octets // 3,
        "cause": RADIUS_CAUSES[k % 4] if stopped else "",
        "connect_stop": "CONNECT 54Mbps 802.11g" if stopped else "",
    }


def radius_unique_id(k: int) -> str:
    """``acctuniqueid``: the MD5 FreeRADIUS's ``acct_unique`` policy makes of the session's attributes."""
    return hashlib.md5(f"{radius_user(k)},{k:08X},127.0.0.1,wlan{k % 3}".encode()).hexdigest()


def radius_authdate(n: int) -> datetime:
    return RADIUS_AUTHDATE + timedelta(seconds=n * 37, microseconds=n * 1_733)


def freeradius_sql(path: Path, sessions: int = 24, auths: int = 20) -> Path:
    rows: dict[str, list[Sequence[Any]]] = {
        name: []
        for name in ("radcheck", "radreply", "radgroupreply", "radusergroup", "nas", "radacct", "radpostauth")
    }
    for i, user in enumerate(RADIUS_USERS):
        rows["radcheck"].append((len(rows["radcheck"]) + 1, user, "Cleartext-Password", ":=", f"pw{i}✓"))
        if i % 2 == 0:
            rows["radcheck"].append(
                (len(rows["radcheck"]) + 1, user, "Expiration", ":=", f"{i + 1:02d} Jan 2027 12:00")
            )
        if i % 3 == 0:
            rows["radreply"].append(
                (len(rows["radreply"]) + 1, user, "Framed-IP-Address", "=", f"10.0.0.{i + 2}")
            )
            rows["radreply"].append(
                (len(rows["radreply"]) + 1, user, "Session-Timeout", "=", str(3600 * (1 + i)))
            )
        rows["radusergroup"].append((i + 1, user, ("gold", "silver", "guest")[i % 3], 1 + i % 2))
    for group, rate in (("gold", "50M/50M"), ("silver", "10M/10M"), ("guest", "1M/512k")):
        rows["radgroupreply"].append(
            (len(rows["radgroupreply"]) + 1, group, "Mikrotik-Rate-Limit", "=", rate)
        )
        rows["radgroupreply"].append(
            (len(rows["radgroupreply"]) + 1, group, "Acct-Interim-Interval", "=", "300")
        )
    rows["nas"] += [
        (1, "127.0.0.1", "lab-ap", "other", 1812, "testing123", None, None, "Lab access point – Raum 1.07"),
        (2, "192.0.2.0/24", "branch", "cisco", None, "s3cr3t", None, None, "RADIUS Client"),
    ]
    for k in range(sessions):
        s = radius_session(k)
        rows["radacct"].append(
            (
                k + 1,
                f"{k:08X}",
                radius_unique_id(k),
                radius_user(k),
                "",
                "127.0.0.1",
                f"wlan{k % 3}",
                "Wireless-802.11",
                s["start"],
                s["update"],
                s["stop"],
                s["interval"],
                s["session_time"],
                "RADIUS",
                "CONNECT 54Mbps 802.11g",
                s["connect_stop"],
                s["input"],
                s["output"],
                f"AA-BB-CC-DD-EE-0{k % 4}:Guest WiFi",
                f"02-00-00-00-00-{k:02X}",
                s["cause"],
                "Framed-User",
                "PPP",
                f"10.1.0.{k + 1}",
                "",
                "",
                "",
                "",
                None,
            )
        )
    for n in range(auths):
        accepted = n % 4 != 3
        rows["radpostauth"].append(
            (
                n + 1,
                radius_user(n),
                f"pw{n % len(RADIUS_USERS)}✓" if accepted else "wrong-password",
                "Access-Accept" if accepted else "Access-Reject",
                radius_authdate(n).isoformat(" "),
                None,
            )
        )
    return write_export(path, RADIUS_DDL, rows)


# --- Bacula catalog (SQLite) --------------------------------------------------------------------------

#: Bacula 9.6's ``make_sqlite3_tables`` (Debian's bacula-director-sqlite3): its job, file and volume
#: tables and their indexes, comments dropped.
BACULA_SCHEMA = """
CREATE TABLE Filename (
  FilenameId INTEGER,
  Name TEXT DEFAULT '',
  PRIMARY KEY(FilenameId)
  );
CREATE INDEX inx1 ON Filename (Name);
CREATE TABLE Path (
   PathId INTEGER,
   Path TEXT DEFAULT '',
   PRIMARY KEY(PathId)
   );
CREATE INDEX inx2 ON Path (Path);
CREATE TABLE File (
   FileId INTEGER,
   FileIndex INTEGER DEFAULT 0,
   JobId INTEGER UNSIGNED REFERENCES Job NOT NULL,
   PathId INTEGER UNSIGNED REFERENCES Path NOT NULL,
   FilenameId INTEGER UNSIGNED REFERENCES Filename NOT NULL,
   DeltaSeq SMALLINT UNSIGNED DEFAULT 0,
   MarkId INTEGER UNSIGNED DEFAULT 0,
   LStat VARCHAR(255) NOT NULL,
   MD5 VARCHAR(255) NOT NULL,
   PRIMARY KEY(FileId)
   );
CREATE INDEX inx3 ON File (JobId);
CREATE INDEX file_jpf_idx ON File (JobId, PathId, FilenameId);
CREATE TABLE Job (
   JobId INTEGER,
   Job VARCHAR(128) NOT NULL,
   Name VARCHAR(128) NOT NULL,
   Type CHAR(1) NOT NULL,
   Level CHAR(1) NOT NULL,
   ClientId INTEGER REFERENCES Client DEFAULT 0,
   JobStatus CHAR(1) NOT NULL,
   SchedTime DATETIME NOT NULL,
   StartTime DATETIME DEFAULT 0,
   EndTime DATETIME DEFAULT 0,
   RealEndTime DATETIME DEFAULT 0,
   JobTDate BIGINT UNSIGNED DEFAULT 0,
   VolSessionId INTEGER UNSIGNED DEFAULT 0,
   VolSessionTime INTEGER UNSIGNED DEFAULT 0,
   JobFiles INTEGER UNSIGNED DEFAULT 0,
   JobBytes BIGINT UNSIGNED DEFAULT 0,
   ReadBytes BIGINT UNSIGNED DEFAULT 0,
   JobErrors INTEGER UNSIGNED DEFAULT 0,
   JobMissingFiles INTEGER UNSIGNED DEFAULT 0,
   PoolId INTEGER UNSIGNED REFERENCES Pool DEFAULT 0,
   FileSetId INTEGER UNSIGNED REFERENCES FileSet DEFAULT 0,
   PriorJobId INTEGER UNSIGNED REFERENCES Job DEFAULT 0,
   PurgedFiles TINYINT DEFAULT 0,
   HasBase TINYINT DEFAULT 0,
   HasCache TINYINT DEFAULT 0,
   Reviewed TINYINT DEFAULT 0,
   Comment TEXT,
   FileTable TEXT DEFAULT 'File',
   PRIMARY KEY(JobId)
   );
CREATE INDEX inx6 ON Job (Name);
CREATE INDEX job_jobtdate_inx ON Job (JobTDate);
CREATE TABLE Log (
   LogId INTEGER,
   JobId INTEGER UNSIGNED REFERENCES Job NOT NULL,
   Time DATETIME NOT NULL,
   LogText TEXT NOT NULL,
   PRIMARY KEY(LogId)
   );
CREATE INDEX LogInx1 ON Log (JobId);
CREATE TABLE FileSet (
   FileSetId INTEGER,
   FileSet VARCHAR(128) NOT NULL,
   MD5 VARCHAR(25) NOT NULL,
   CreateTime DATETIME DEFAULT 0,
   PRIMARY KEY(FileSetId)
   );
CREATE INDEX fileset_name_idx on FileSet (FileSet);
CREATE TABLE JobMedia (
   JobMediaId INTEGER,
   JobId INTEGER UNSIGNED REFERENCES Job NOT NULL,
   MediaId INTEGER UNSIGNED REFERENCES Media NOT NULL,
   FirstIndex INTEGER UNSIGNED NOT NULL,
   LastIndex INTEGER UNSIGNED NOT NULL,
   StartFile INTEGER UNSIGNED DEFAULT 0,
   EndFile INTEGER UNSIGNED DEFAULT 0,
   StartBlock INTEGER UNSIGNED DEFAULT 0,
   EndBlock INTEGER UNSIGNED DEFAULT 0,
   VolIndex INTEGER UNSIGNED DEFAULT 0,
   PRIMARY KEY(JobMediaId)
   );
CREATE INDEX inx7 ON JobMedia (JobId, MediaId);
CREATE TABLE Media (
   MediaId INTEGER,
   VolumeName VARCHAR(128) NOT NULL,
   Slot INTEGER DEFAULT 0,
   PoolId INTEGER UNSIGNED REFERENCES Pool DEFAULT 0,
   MediaType VARCHAR(128) NOT NULL,
   MediaTypeId INTEGER UNSIGNED REFERENCES MediaType DEFAULT 0,
   LabelType TINYINT DEFAULT 0,
   FirstWritten DATETIME DEFAULT 0,
   LastWritten DATETIME DEFAULT 0,
   LabelDate DATETIME DEFAULT 0,
   VolJobs INTEGER UNSIGNED DEFAULT 0,
   VolFiles INTEGER UNSIGNED DEFAULT 0,
   VolBlocks INTEGER UNSIGNED DEFAULT 0,
   LastPartBytes BIGINT UNSIGNED DEFAULT 0,
   VolMounts INTEGER UNSIGNED DEFAULT 0,
   VolBytes BIGINT UNSIGNED DEFAULT 0,
   VolABytes BIGINT UNSIGNED DEFAULT 0,
   VolAPadding BIGINT UNSIGNED DEFAULT 0,
   VolHoleBytes BIGINT UNSIGNED DEFAULT 0,
   VolHoles INTEGER UNSIGNED DEFAULT 0,
   VolType INTEGER UNSIGNED DEFAULT 0,
   VolParts INTEGER UNSIGNED DEFAULT 0,
   VolCloudParts INTEGER UNSIGNED DEFAULT 0,
   VolErrors INTEGER UNSIGNED DEFAULT 0,
   VolWrites BIGINT UNSIGNED DEFAULT 0,
   VolCapacityBytes BIGINT UNSIGNED DEFAULT 0,
   VolStatus VARCHAR(20) NOT NULL,
   Enabled TINYINT DEFAULT 1,
   Recycle TINYINT DEFAULT 0,
   ActionOnPurge     TINYINT DEFAULT 0,
   CacheRetention BIGINT UNSIGNED DEFAULT 0,
   VolRetention BIGINT UNSIGNED DEFAULT 0,
   VolUseDuration BIGINT UNSIGNED DEFAULT 0,
   MaxVolJobs INTEGER UNSIGNED DEFAULT 0,
   MaxVolFiles INTEGER UNSIGNED DEFAULT 0,
   MaxVolBytes BIGINT UNSIGNED DEFAULT 0,
   InChanger TINYINT DEFAULT 0,
   StorageId INTEGER UNSIGNED REFERENCES Storage DEFAULT 0,
   DeviceId INTEGER UNSIGNED REFERENCES Device DEFAULT 0,
   MediaAddressing TINYINT DEFAULT 0,
   VolReadTime BIGINT UNSIGNED DEFAULT 0,
   VolWriteTime BIGINT UNSIGNED DEFAULT 0,
   EndFile INTEGER UNSIGNED DEFAULT 0,
   EndBlock INTEGER UNSIGNED DEFAULT 0,
   LocationId INTEGER UNSIGNED REFERENCES Location DEFAULT 0,
   RecycleCount INTEGER UNSIGNED DEFAULT 0,
   InitialWrite DATETIME DEFAULT 0,
   ScratchPoolId INTEGER UNSIGNED REFERENCES Pool DEFAULT 0,
   RecyclePoolId INTEGER UNSIGNED REFERENCES Pool DEFAULT 0,
   Comment TEXT,
   PRIMARY KEY(MediaId)
   );
CREATE UNIQUE INDEX Media_Volumename_Id ON Media (VolumeName);
CREATE INDEX inx8 ON Media (PoolId);
CREATE INDEX inx9 ON Media (StorageId);
CREATE TABLE Pool (
   PoolId INTEGER,
   Name VARCHAR(128) NOT NULL,
   NumVols INTEGER UNSIGNED DEFAULT 0,
   MaxVols INTEGER UNSIGNED DEFAULT 0,
   UseOnce TINYINT DEFAULT 0,
   UseCatalog TINYINT DEFAULT 1,
   AcceptAnyVolume TINYINT DEFAULT 0,
   CacheRetention BIGINT UNSIGNED DEFAULT 0,
   VolRetention BIGINT UNSIGNED DEFAULT 0,
   VolUseDuration BIGINT UNSIGNED DEFAULT 0,
   MaxVolJobs INTEGER UNSIGNED DEFAULT 0,
   MaxVolFiles INTEGER UNSIGNED DEFAULT 0,
   MaxVolBytes BIGINT UNSIGNED DEFAULT 0,
   AutoPrune TINYINT DEFAULT 0,
   Recycle TINYINT DEFAULT 0,
   ActionOnPurge     TINYINT DEFAULT 0,
   PoolType VARCHAR(20) NOT NULL,
   LabelType TINYINT DEFAULT 0,
   LabelFormat VARCHAR(128) NOT NULL,
   Enabled TINYINT DEFAULT 1,
   ScratchPoolId INTEGER UNSIGNED REFERENCES Pool DEFAULT 0,
   RecyclePoolId INTEGER UNSIGNED REFERENCES Pool DEFAULT 0,
   NextPoolId INTEGER UNSIGNED REFERENCES Pool DEFAULT 0,
   MigrationHighBytes BIGINT UNSIGNED DEFAULT 0,
   MigrationLowBytes BIGINT UNSIGNED DEFAULT 0,
   MigrationTime BIGINT UNSIGNED DEFAULT 0,
   UNIQUE (Name),
   PRIMARY KEY (PoolId)
   );
CREATE INDEX pool_name_idx on Pool (Name);
CREATE TABLE Client (
   ClientId INTEGER,
   Name VARCHAR(128) NOT NULL,
   Uname VARCHAR(255) NOT NULL,   -- uname -a field
   AutoPrune TINYINT DEFAULT 0,
   FileRetention BIGINT UNSIGNED DEFAULT 0,
   JobRetention  BIGINT UNSIGNED DEFAULT 0,
   UNIQUE (Name),
   PRIMARY KEY(ClientId)
   );
CREATE UNIQUE INDEX client_name_idx on Client (Name)
"""
BACULA_DDL = [statement for statement in BACULA_SCHEMA.split(";") if statement.strip()]
BACULA_ROOT = "/srv/data/"
BACULA_DIRS = ("", "Übersicht – Q4/", "日本/")
BACULA_STARTED = 1796471816  # the storage daemon's start: every job's VolSessionTime
BACULA_LEVELS = (("B", "F"), ("B", "I"), ("B", "D"), ("R", "F"))


def bacula_name(i: int) -> str:
    return f"report {i} 🎵.txt" if i % 2 else f"blob{i}.bin"


def bacula_tdate(job: int) -> int:
    """``JobTDate``: the job's start, Unix seconds (the machine's clock is UTC)."""
    return BACULA_STARTED + 12 + job * 6


def bacula_local(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M:%S")


def bacula_md5(i: int) -> str:
    """Bacula's digest of file ``i``: base64 of the MD5, ``=`` padding left out."""
    return base64.b64encode(hashlib.md5(f"file {i}\n".encode()).digest()).decode().rstrip("=")


def bacula_catalog(path: Path, files: int = 12) -> Path:
    return _bacula_catalog(path, files, running=False)


def bacula_catalog_running(path: Path, files: int = 12) -> Path:
    """:func:`bacula_catalog` copied while a fifth job runs: the director inserted its row with the
    schema's ``DEFAULT 0`` for ``EndTime`` and ``RealEndTime`` (INTEGER 0 beside ``DATETIME`` text) and
    ``VolSessionTime`` 0 (no storage session yet)."""
    return _bacula_catalog(path, files, running=True)


def _bacula_catalog(path: Path, files: int, *, running: bool) -> Path:
    rows: dict[str, list[Sequence[Any]]] = {}
    rows["Client"] = [
        (1, "web-fd", "9.6.7 (10Dec20) x86_64-pc-linux-gnu,debian,bookworm/sid", 1, 5184000, 15552000)
    ]
    rows["Pool"] = [
        (
            1,
            "File",
            1,
            100,
            0,
            1,
            0,
            0,
            31536000,
            0,
            0,
            0,
            53687091200,
            1,
            1,
            0,
            "Backup",
            0,
            "Vol-",
            1,
            0,
            0,
            0,
            0,
            0,
            0,
        )
    ]
    rows["FileSet"] = [(1, "Docs", "Mh/EFwZe9n/gBF/Y/6+yOC", bacula_local(BACULA_STARTED + 9))]
    rows["Path"] = [(d + 1, BACULA_ROOT + name) for d, name in enumerate(BACULA_DIRS)]
    rows["Filename"] = [(1, "")] + [(i + 2, bacula_name(i)) for i in range(files)]
    rows["Job"], rows["File"], rows["JobMedia"], rows["Log"] = [], [], [], []
    for j, (kind, level) in enumerate(BACULA_LEVELS):
        job, start = j + 1, bacula_tdate(j)
        scheduled = bacula_local(start - 3).replace(" ", "_").replace(":", ".")
        backup = kind == "B"
        saved = (range(files) if level == "F" else range(j, files, 4)) if backup else range(0)
        rows["Job"].append(
            (
                job,
                f"{'BackupDocs' if backup else 'RestoreFiles'}.{scheduled}_0{j + 3}",
                "BackupDocs" if backup else "RestoreFiles",
                kind,
                level,
                1,
                "T",
                bacula_local(start - 3),
                bacula_local(start),
                bacula_local(start + j),
                bacula_local(start + j),
                start,
                job,
                BACULA_STARTED,
                len(saved),
                1000 * len(saved),
                900 * len(saved),
                0,
                0,
                int(backup),
                int(backup),
                0,
                0,
                0,
                0,
                0,
                "",
                "File",
            )
        )
        for n, i in enumerate(saved):
            rows["File"].append(
                (
                    len(rows["File"]) + 1,
                    n + 1,
                    job,
                    2 + i % 2,
                    i + 2,
                    0,
                    0,
                    f"P4A KIke IGk B A A A {i} BAA I BrE/wC BrE/wC BrE/wC A A E",
                    bacula_md5(i),
                )
            )
        if backup:
            for d in range(len(BACULA_DIRS)):
                rows["File"].append(
                    (
                        len(rows["File"]) + 1,
                        len(saved) + d + 1,
                        job,
                        d + 1,
                        1,
                        0,
                        0,
                        "P4A KIjT EHt C A A A BAA BAA I BrE/wC BrE/wC BrE/wC A A E",
                        "0",
                    )
                )
            rows["JobMedia"].append((job, job, 1, 1, len(saved) + 3, 0, 0, 210 * job, 63474 + job, 1))
        rows["Log"].append(
            (len(rows["Log"]) + 1, job, bacula_local(start - 1), f"bacula-dir JobId {job}: Start Job\n\\")
        )
        rows["Log"].append(
            (
                len(rows["Log"]) + 1,
                job,
                bacula_local(start + j),
                f"bacula-dir JobId {job}: Bacula 9.6.7:\n  JobId: {job}\n  Termination: OK\n\n\\",
            )
        )
    if running:
        start = bacula_tdate(len(BACULA_LEVELS))
        rows["Job"].append(
            (
                len(BACULA_LEVELS) + 1,
                f"BackupDocs.{bacula_local(start - 2).replace(' ', '_').replace(':', '.')}_07",
                "BackupDocs",
                "B",
                "F",
                1,
                "R",
                bacula_local(start - 2),
                bacula_local(start),
                0,
                0,
                start,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                1,
                1,
                0,
                0,
                0,
                0,
                0,
                "",
                "File",
            )
        )
    rows["Media"] = [
        (
            1,
            "Vol-0001",
            0,
            1,
            "File1",
            0,
            0,
            bacula_local(BACULA_STARTED + 12),
            bacula_local(BACULA_STARTED + 30),
            bacula_local(BACULA_STARTED + 12),
            3,
            0,
            3,
            0,
            3,
            65183,
            0,
            0,
            0,
            0,
            1,
            0,
            0,
            0,
            4,
            0,
            "Append",
            1,
            1,
            0,
            0,
            31536000,
            0,
            0,
            0,
            53687091200,
            0,
            1,
            0,
            0,
            6,
            49,
            0,
            65182,
            0,
            0,
            0,
            0,
            0,
            None,
        )
    ]
    return write_export(path, BACULA_DDL, rows)


# --- profanity (XMPP client) chat log ---------------------------------------------------------------

#: profanity 0.13's ``chatlog.db`` DDL (its ``database.c``), as ``sqlite3 .schema`` prints the file the
#: client created for an account.
PROFANITY_DDL = [
    "CREATE TABLE `ChatLogs` ( `id` INTEGER PRIMARY KEY AUTOINCREMENT, `from_jid` TEXT NOT NULL, "
    "`to_jid` TEXT NOT NULL, `from_resource` TEXT, `to_resource` TEXT, `message` TEXT, `timestamp` TEXT, "
    "`type` TEXT, `stanza_id` TEXT, `archive_id` TEXT, `replace_id` TEXT, `encryption` TEXT, "
    "`marked_read` INTEGER)",
    "CREATE TABLE `DbVersion` ( `dv_id` INTEGER PRIMARY KEY, `version` INTEGER UNIQUE)",
]
PROFANITY_ME = ("alice@localhost", "profanity.iMIG")
PROFANITY_PEER = ("bob@localhost", "profanity.j0yX")
PROFANITY_TEXTS = (
    "Grüße aus Köln — ça va? 你好",
    "pizza 🍕 tonight? 🎉🎉",
    "price is 12\u00a0€ or 3.50",
    "0042",
    "line with ' quote and \" double",
    "x" * 3000,
    "/me waves 👋",
    "١٢٣ and 2026-12-05",
)
PROFANITY_START = datetime(2026, 12, 5, 12, 34, 55, 530_279, tzinfo=UTC)
#: Every seventh message is a correction (XEP-0308) of the sender's previous one.
PROFANITY_CORRECTS = 7


def profanity_outgoing(n: int) -> bool:
    return n % 2 == 0


def profanity_text(n: int) -> str:
    if n % PROFANITY_CORRECTS == PROFANITY_CORRECTS - 1:
        return f"corrected {n} ✓"
    return PROFANITY_TEXTS[n % len(PROFANITY_TEXTS)] if n < 2 * len(PROFANITY_TEXTS) else f"message {n}"


def profanity_time(n: int) -> datetime:
    return PROFANITY_START + timedelta(seconds=n * 7, microseconds=n * 98_761)


def profanity_stanza_id(n: int) -> str:
    return hashlib.sha1(f"stanza {n}".encode()).hexdigest()[:24] + f"{n:04d}"


def profanity_chatlog(path: Path, messages: int = 40) -> Path:
    """Alice's ``chatlog.db`` after a chat with Bob: the time as GLib's ISO 8601 text in UTC with six
    fraction digits and ``Z``; ``''`` where a message has no value for a text field (her own messages'
    ``to_resource`` and ``archive_id``, every message's ``replace_id`` but a correction's), the
    correction's ``replace_id`` the corrected message's ``stanza_id``; ``encryption`` ``none`` in each
    row and ``marked_read`` NULL."""
    rows: dict[str, list[Sequence[Any]]] = {"ChatLogs": [], "DbVersion": [(1, 1)]}
    for n in range(messages):
        out = profanity_outgoing(n)
        sender, receiver = (PROFANITY_ME, PROFANITY_PEER) if out else (PROFANITY_PEER, PROFANITY_ME)
        corrects = n % PROFANITY_CORRECTS == PROFANITY_CORRECTS - 1
        rows["ChatLogs"].append(
            (
                n + 1,
                sender[0],
                receiver[0],
                sender[1],
                "" if out else receiver[1],
                profanity_text(n),
                profanity_time(n).isoformat().replace("+00:00", "Z"),
                "chat",
                profanity_stanza_id(n),
                ""
                if out
                else base64.urlsafe_b64encode(hashlib.md5(f"mam {n}".encode()).digest())[:24].decode(),
                profanity_stanza_id(n - 2) if corrects else "",
                "none",
                None,
            )
        )
    return write_export(path, PROFANITY_DDL, rows)


# --- Sympa mailing list manager (SQLite) --------------------------------------------------------------

#: Sympa 6.2.70's tables as its ``sympa upgrade`` (the Debian package's health check) leaves them in
#: SQLite: each altered table rebuilt under its name, the old one kept renamed with a time stamp (empty).
SYMPA_STAMP = "20261205124533_31894"
SYMPA_SUBSCRIBER_COLUMNS = (
    "bounce_address_subscriber text, bounce_score_subscriber integer, bounce_subscriber text, "
    "comment_subscriber text, custom_attribute_subscriber text, date_epoch_subscriber integer, "
    "inclusion_ext_subscriber integer, inclusion_label_subscriber text, inclusion_subscriber integer, "
    "list_subscriber text, number_messages_subscriber integer, reception_subscriber text, "
    "robot_subscriber text, subscribed_subscriber numeric, suspend_end_date_subscriber integer, "
    "suspend_start_date_subscriber integer, suspend_subscriber numeric, topics_subscriber text, "
    "update_epoch_subscriber integer, user_subscriber text, visibility_subscriber text"
)
SYMPA_DDL = [
    f'CREATE TABLE "subscriber_table" ({SYMPA_SUBSCRIBER_COLUMNS},\n'
    "\t PRIMARY KEY (robot_subscriber,list_subscriber,user_subscriber)\n )",
    "CREATE INDEX subscriber_user_index ON subscriber_table (user_subscriber)",
    f'CREATE TABLE "subscriber_table_{SYMPA_STAMP}" (temporary INT, {SYMPA_SUBSCRIBER_COLUMNS})',
    'CREATE TABLE "user_table" (\n\t email_user\ttext PRIMARY KEY,\n\t attributes_user text, '
    "cookie_delay_user integer, data_user text, gecos_user text, lang_user text, last_active_date_user "
    "integer, last_login_date_user integer, last_login_host_user text, password_user text, "
    "wrong_login_count_user integer)",
    'CREATE TABLE "list_table" (creation_email_list text, creation_epoch_list integer, family_list text, '
    "name_list text, robot_list text, searchkey_list text, status_list text, topics_list text, total_list "
    "integer, update_email_list text, update_epoch_list integer, web_archive_list numeric,\n"
    "\t PRIMARY KEY (name_list,robot_list)\n )",
    'CREATE TABLE "admin_table" (comment_admin text, date_epoch_admin integer, inclusion_admin integer, '
    "inclusion_ext_admin integer, inclusion_label_admin text, info_admin text, list_admin text, "
    "profile_admin text, reception_admin text, robot_admin text, role_admin text, subscribed_admin "
    "numeric, update_epoch_admin integer, user_admin text, visibility_admin text,\n"
    "\t PRIMARY KEY (robot_admin,list_admin,user_admin,role_admin)\n )",
    "CREATE INDEX admin_user_index ON admin_table (user_admin)",
    "CREATE TABLE stat_table (temporary INT, daemon_stat text, date_stat integer, email_stat text, "
    "list_stat text, operation_stat text, parameter_stat text, read_stat numeric, robot_stat text, "
    "user_ip_stat text)",
    "CREATE INDEX stats_user_index ON stat_table (email_stat)",
]
SYMPA_ROBOT = "lists.example.org"
SYMPA_LISTMASTER = "listmaster@lists.example.org"
SYMPA_OWNER = ("admin@example.org", "Ådmin Ünïcode")
SYMPA_LISTS = (
    ("team", "Team discussion – Équipe"),
    ("news-2026", "Newsletter 2026 📰"),
    ("hotline", "Hotline 日本"),
)
SYMPA_NAMES = (
    "José García",
    "李雷",
    "Anna Müller",
    "O'Brien",
    None,
    "Nguyễn Văn A",
    "user\u00a0nbsp",
    "😀 Smiley",
)
SYMPA_CREATED = 1796474777  # Unix seconds: the first list's creation
SYMPA_REMOVED = 3  # the subscriber of the first list ``sympa del`` removed (still a user)


def sympa_created(i: int) -> int:
    return SYMPA_CREATED + 5 * i


def sympa_member(i: int, k: int) -> tuple[str, str | None, int]:
    """The ``k``-th address ``sympa add`` subscribed to list ``i``: its e-mail, name and Unix seconds."""
    name, _ = SYMPA_LISTS[i]
    return (
        f"user{k:04d}.{name}@example{k % 4}.org",
        SYMPA_NAMES[(k + i) % len(SYMPA_NAMES)],
        1796474797 + 3 * i + k,
    )


def sympa_lists(path: Path, members: int = 8) -> Path:
    """Sympa's database after three lists were created (``sympa create``), ``members`` addresses added
    to each (``sympa add``), two editors to the first and one subscriber removed (``sympa del``)."""
    rows: dict[str, list[Sequence[Any]]] = {
        name: [] for name in ("subscriber_table", "user_table", "list_table", "admin_table", "stat_table")
    }
    rows["user_table"].append((SYMPA_OWNER[0], None, None, None, SYMPA_OWNER[1], *[None] * 6))
    for i, (name, subject) in enumerate(SYMPA_LISTS):
        created = sympa_created(i)
        rows["list_table"].append(
            (SYMPA_LISTMASTER, created, None, name, SYMPA_ROBOT, subject.lower(), "open", "", None,
             SYMPA_LISTMASTER, created + 2, 1)
        )  # fmt: skip
        rows["admin_table"].append(
            (SYMPA_OWNER[1], created, None, None, None, None, name, "privileged", "mail", SYMPA_ROBOT,
             "owner", 1, created, SYMPA_OWNER[0], "noconceal")
        )  # fmt: skip
        rows["stat_table"].append(
            (None, "sympa", created + 2, SYMPA_LISTMASTER, name, "create_list", "", 0, SYMPA_ROBOT, None)
        )
    for i, (name, _) in enumerate(SYMPA_LISTS):
        for k in range(members):
            email, gecos, added = sympa_member(i, k)
            rows["user_table"].append((email, None, 0, None, gecos, None, None, 0, None, None, 0))
            rows["stat_table"].append(
                (None, "sympa", added, email, name, "add_or_subscribe", "", 0, SYMPA_ROBOT, None)
            )
            if i == 0 and k == SYMPA_REMOVED:
                continue
            rows["subscriber_table"].append(
                (None, None, None, gecos, None, added, None, None, None, name, 0, "mail", SYMPA_ROBOT, 1,
                 None, None, None, None, added, email, "noconceal")
            )  # fmt: skip
    removed, _, added = sympa_member(0, SYMPA_REMOVED)
    rows["stat_table"].append(
        (None, "sympa", added + 100, removed, "team", "del", None, 0, SYMPA_ROBOT, None)
    )
    for email, gecos in (("editor1@example.org", "Éditeur Un"), ("editor2@example.org", None)):
        rows["user_table"].append((email, None, None, None, gecos, *[None] * 6))
        rows["admin_table"].append(
            (gecos, added + 105, None, None, None, None, "team", None, "mail", SYMPA_ROBOT,
             "editor", 1, added + 105, email, "noconceal")
        )  # fmt: skip
    return write_export(path, SYMPA_DDL, rows)
