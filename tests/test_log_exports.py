"""The logs, audit trails and telemetry a help desk exports beside its tickets (Apache/nginx access
logs, syslog and journald, audit trails with ISO 8601 durations and times of day, Prometheus-style
telemetry) through ``columnar-etl run`` into the session's real PostgreSQL, every cell checked.

The tables are built by ``tests/log_exports.py`` as the tools write them, imported all-TEXT (a CSV) and
typed. Each test runs the CLI as an operator would (``run --mode simple --yes --json``), then checks
every cell of the target against the source and the audit with the project's lossless checker, the
exit code and run.json's outcome, the types chosen, and the values the builder knows, computed from
the builder's own numbers, never from a run. What these tables stress: no year invented for syslog's
``May 20 08:42:03``, no offset dropped from a log's time, a duration never read as a time nor
``24:00`` as the same day's midnight, ``-0.0``, ``NaN`` and ``Infinity`` as written, and a uint64
counter above 2^63 never wrapped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from columnar_etl import profile
from columnar_etl.profiling.affinity import declared_family

from . import log_exports as logs
from .conftest import SqliteFactory
from .test_orm_exports import clean_exit, notes_of
from .test_other_products import Ran, audit_rules, loaded_cleanly, only_gate_warnings, run_export

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]
ROWS = range(logs.ROWS)


def dash(text: str) -> str | None:
    """A log's ``-`` (no value: no user, no referer, no bytes, no upstream) is a null token: NULL."""
    return None if text == "-" else text


# --- access logs -------------------------------------------------------------------------------------------


def test_access_log_times_keep_their_offsets_and_dashes_are_no_values(run_export: Runner) -> None:
    ran, run_dir = run_export(logs.access_logs)
    loaded_cleanly(ran, run_dir, {"access_csv": logs.ROWS, "access_typed": logs.ROWS})
    # Only the quality gate's warning (the `-` placeholders count as dirt), nothing quarantined.
    only_gate_warnings(ran, run_dir)
    assert all(r["quarantined"] == 0 for r in ran.record["rows"].values())
    types = ran.types("access_csv")
    assert types == {
        "remote_addr": "text",
        "remote_user": "text",
        "time_local": "text",  # Common Log Format's time: no rule reads it, the offset kept as written
        "time_plain": "text",
        "request": "text",
        "status": "bigint",
        "body_bytes_sent": "bigint",
        "http_referer": "text",
        "http_user_agent": "text",
        "request_time": "numeric",
        "upstream_status": "bigint",
    }
    assert ran.values("access_csv", "remote_addr", "time_local") == {
        f"[{logs.clf_time(i)}]": logs.IPS[i % len(logs.IPS)] for i in ROWS
    }
    assert ran.values("access_csv", "time_plain", "time_local") == {
        f"[{logs.clf_time(i)}]": logs.clf_time(i) for i in ROWS
    }
    assert logs.clf_time(3).endswith("+0545") and logs.clf_time(2).endswith("-0700")
    assert ran.values("access_csv", "status", "time_plain") == {
        logs.clf_time(i): logs.status(i) for i in ROWS
    }
    # A 304's `%b` is `-`: NULL, never 0; the others the bytes sent.
    assert ran.values("access_csv", "body_bytes_sent", "time_plain") == {
        logs.clf_time(i): logs.body_bytes(i) for i in ROWS
    }
    assert ran.values("access_csv", "upstream_status", "time_plain") == {
        logs.clf_time(i): None if logs.upstream_status(i) == "-" else int(logs.upstream_status(i))
        for i in ROWS
    }
    # Each `-` made NULL is in the audit under the null-token rule, and nothing else of the column.
    dashes = audit_rules(run_dir, "access_csv", "upstream_status")
    assert len(dashes) == sum(logs.upstream_status(i) == "-" for i in ROWS) > 0
    assert set().union(*dashes.values()) == {"null_like_to_null"}
    # $request_time to the millisecond, trailing zeros and all (numeric keeps 0.960 as written).
    times = ran.values("access_csv", "request_time", "time_plain")
    assert {k: Decimal(v) for k, v in times.items()} == {
        logs.clf_time(i): Decimal(logs.request_time(i)) for i in ROWS
    }
    assert ran.values("access_csv", "http_user_agent", "time_plain") == {
        logs.clf_time(i): dash(logs.AGENTS[i % len(logs.AGENTS)]) for i in ROWS
    }
    assert ran.values("access_csv", "request", "time_plain") == {
        logs.clf_time(i): f"GET {logs.PATHS[i % len(logs.PATHS)]} HTTP/1.1" for i in ROWS
    }
    typed = ran.types("access_typed")
    assert (typed["time_local"], typed["request_time"], typed["status"]) == (
        "text",
        "double precision",
        "bigint",
    )
    assert ran.values("access_typed", "request_time", "id") == {
        i + 1: float(logs.request_time(i)) for i in ROWS
    }
    assert ran.values("access_typed", "remote_addr", "id") == {
        i + 1: logs.IPS[i % len(logs.IPS)] for i in ROWS
    }


# --- syslog / journald ----------------------------------------------------------------------------------


def test_syslog_without_a_year_stays_as_written_and_rfc5424_times_are_the_instants(
    run_export: Runner,
) -> None:
    ran, run_dir = run_export(logs.syslog)
    loaded_cleanly(ran, run_dir, {"syslog_csv": logs.ROWS, "journal": logs.ROWS})
    clean_exit(ran)
    types = ran.types("syslog_csv")
    assert types == {
        "received": "text",  # RFC 3164 writes no year: none is invented (neither 1900 nor this year)
        "host": "text",
        "app": "text",
        "pid": "bigint",
        "message": "text",
        "rfc5424": "timestamp with time zone",
        # Microseconds since the epoch: the instant to the microsecond, never read as seconds (until
        # 2026-12-04 a bigint: only seconds and milliseconds were read as instants).
        "realtime": "timestamp with time zone",
        "monotonic": "bigint",
    }
    pids = {1000 + i: i for i in ROWS}
    assert ran.values("syslog_csv", "received", "pid") == {p: logs.bsd_time(i) for p, i in pids.items()}
    assert logs.bsd_time(10) == "Jun  2 08:52:04"  # the day space-padded, kept so
    # The sender's offset applied once: the instant to the microsecond.
    assert ran.values("syslog_csv", "rfc5424", "pid") == {p: logs.instant(i) for p, i in pids.items()}
    assert logs.rfc5424_time(3).endswith("+05:45") and logs.instant(3).microsecond == 370_368
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    assert all(len(str(logs.realtime_usec(i))) == 16 for i in ROWS)
    assert ran.values("syslog_csv", "realtime", "pid") == {
        p: epoch + timedelta(microseconds=logs.realtime_usec(i)) for p, i in pids.items()
    }
    # journald writes the same instant twice: as RFC 5424 text and as its microseconds.
    assert ran.values("syslog_csv", "realtime", "pid") == ran.values("syslog_csv", "rfc5424", "pid")
    journal = ran.types("journal")
    assert journal["__REALTIME_TIMESTAMP"] == "timestamp with time zone"
    assert journal["__MONOTONIC_TIMESTAMP"] == "bigint"  # microseconds since boot: no instant
    realtime = ran.values("journal", "__REALTIME_TIMESTAMP", "MESSAGE")
    assert realtime == {f"Started Session {i} of user deploy.": logs.instant(i) for i in ROWS}
    assert audit_rules(run_dir, "syslog_csv", "received") == {}
    rules = audit_rules(run_dir, "syslog_csv", "realtime")
    assert len(rules) == logs.ROWS and set().union(*rules.values()) == {"epoch:microseconds"}


# --- audit trails -----------------------------------------------------------------------------------------


def test_audit_trail_durations_week_dates_and_times_of_day_arrive_as_written(run_export: Runner) -> None:
    ran, run_dir = run_export(logs.audit_trail)
    loaded_cleanly(ran, run_dir, {"audit_csv": logs.ROWS})
    clean_exit(ran)
    types = ran.types("audit_csv")
    assert types["event_id"] == types["sla_minutes"] == "bigint"
    assert types["at"] == "timestamp with time zone"
    kept = ("sla_breach_after", "time_spent", "week", "day_of_year", "shift_starts", "shift_ends")
    assert {types[c] for c in (*kept, "maintenance_window")} == {"text"}
    ids = {1000 + i: i for i in ROWS}
    assert ran.values("audit_csv", "at", "event_id") == {k: logs.instant(i) for k, i in ids.items()}
    expected = {
        "sla_breach_after": lambda i: logs.DURATIONS[i % 6],
        "time_spent": lambda i: logs.DURATIONS[(i + 3) % 6],
        "week": logs.week_date,
        "day_of_year": logs.ordinal_date,
        "shift_starts": lambda i: logs.TIMES_OF_DAY[i % 6],
        "shift_ends": lambda i: "24:00" if i % 2 else "18:00",  # the day's end, never its midnight
        "maintenance_window": logs.interval,
    }
    for column, value in expected.items():
        assert ran.values("audit_csv", column, "event_id") == {k: value(i) for k, i in ids.items()}, column
        assert audit_rules(run_dir, "audit_csv", column) == {}, column
    assert logs.week_date(0) == "2024-W21-1" and logs.ordinal_date(0) == "2024-141"
    assert ran.values("audit_csv", "sla_minutes", "event_id") == {
        k: 15 * (i % 5) + 30 for k, i in ids.items()
    }


def test_time_and_interval_columns_hold_their_values_and_no_longer_halt_the_run(run_export: Runner) -> None:
    # Until 2026-12-02 a declared TIME claimed a timestamp and INTERVAL (SQLite's INT in it) integers:
    # Django's times of day and PostgreSQL's interval text were "text where the declared type says
    # otherwise", 4 of 8 columns, and the run halted (exit 3).
    ran, run_dir = run_export(logs.business_hours)
    loaded_cleanly(ran, run_dir, {"helpdesk_shift": logs.ROWS, "sla_policy": logs.ROWS})
    clean_exit(ran)
    # Django's times of day alone: time since 2026-12-06 (text until then), each value its time.
    assert ran.types("helpdesk_shift") == {
        "id": "bigint",
        "weekday": "bigint",
        "opens": "time without time zone",
        "closes": "time without time zone",
    }
    assert ran.values("helpdesk_shift", "opens", "id") == {
        i + 1: time.fromisoformat(logs.SHIFT_TIMES[i % 6]) for i in ROWS
    }
    assert ran.values("helpdesk_shift", "closes", "id") == {
        i + 1: None if i % 5 == 4 else time.fromisoformat(logs.SHIFT_TIMES[(i + 1) % 6]) for i in ROWS
    }
    # 08:42:03.500000 is PostgreSQL's 08:42:03.5: read by the documented rule, audited.
    assert audit_rules(run_dir, "helpdesk_shift", "opens") == {
        str(i + 1): {"time_format:%H:%M:%S.%f"} for i in ROWS if i % 6 == 2
    }
    assert ran.types("sla_policy")["respond_within"] == ran.types("sla_policy")["resolve_within"] == "text"
    assert ran.values("sla_policy", "respond_within", "id") == {i + 1: logs.INTERVALS[i % 6] for i in ROWS}
    notes = notes_of(run_dir, "helpdesk_shift")
    assert "every value is a time of day (24-hour, no UTC offset), read as time" in notes["opens"]
    assert "no PostgreSQL equivalent" not in notes["opens"]
    assert "a time of day or a duration" in notes_of(run_dir, "sla_policy")["resolve_within"]


def test_24_00_in_a_datetime_column_is_quarantined_never_the_same_days_midnight(run_export: Runner) -> None:
    # Documented (rules: hour 24 is invalid): the value is quarantined, its row kept, exit 2; it never
    # becomes 2024-05-20 00:00, a day early.
    ran, run_dir = run_export(logs.sla_deadlines)
    loaded_cleanly(ran, run_dir, {"sla_deadlines": 40})
    assert (ran.code, ran.record["outcome"]) == (2, "warn")
    assert ran.record["rows"]["sla_deadlines"]["quarantined"] == 1
    due = ran.values("sla_deadlines", "due_at", "id")
    assert due[6] is None
    assert due == {i + 1: None if i == 5 else datetime(2024, 5, 1 + i % 28, 17, 30) for i in range(40)}
    assert audit_rules(run_dir, "sla_deadlines", "due_at") == {"6": {"impossible_date"}}


@pytest.mark.parametrize(
    ("declared", "family"),
    [
        ("TIME", None),
        ("time", None),
        ("TIME(6)", None),
        ("TIMETZ", None),
        ("TIME WITH TIME ZONE", None),
        ("INTERVAL", None),
        ("INTERVAL DAY TO SECOND", None),
        ("TIMESTAMP", "timestamp"),
        ("TIMESTAMP WITH TIME ZONE", "timestamp"),
        ("DATETIME", "timestamp"),
        ("DATE", "date"),
        ("INTEGER", "integer"),
    ],
)
def test_a_time_of_day_or_a_duration_claims_no_type(declared: str, family: str | None) -> None:
    assert declared_family(declared) == family


def test_times_of_day_in_a_time_column_are_no_type_mismatch(make_sqlite: SqliteFactory) -> None:
    ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, opens TIME, took INTERVAL, at TIMESTAMP)"
    rows = [(i, logs.SHIFT_TIMES[i % 6], logs.INTERVALS[i % 6], "May 20 08:42:03") for i in ROWS]
    table = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    # Times of day alone: time since 2026-12-06; durations stay text.
    assert (table["opens"].inferred_type, table["took"].inferred_type) == ("time", "text")
    assert table["opens"].issue("type_mismatch") is None and table["took"].issue("type_mismatch") is None
    assert table["opens"].quality == table["took"].quality == 100
    # A syslog time in a TIMESTAMP column is still one (no year: no timestamp).
    assert table["at"].issue("type_mismatch") is not None


# --- telemetry -------------------------------------------------------------------------------------------


def test_telemetry_floats_counters_and_ids_arrive_as_written(run_export: Runner) -> None:
    ran, run_dir = run_export(logs.telemetry)
    loaded_cleanly(ran, run_dir, {"metrics_csv": logs.ROWS, "metrics_typed": logs.ROWS})
    clean_exit(ran)
    types = ran.types("metrics_csv")
    assert types == {
        "sample": "bigint",
        "gauge": "text",  # NaN, Infinity, inf: no rule reads them from text; -0.0 as written
        "counter": "numeric",
        "span_id": "text",
        "labels": "text",
        "line": "text",
        "csv": "text",
        "ratio": "text",  # -0.0 would not read back the same from numeric: kept as written
    }
    samples = {i: i for i in ROWS}
    assert ran.values("metrics_csv", "gauge", "sample") == {
        i: logs.FLOAT_TEXTS[i % len(logs.FLOAT_TEXTS)] for i in samples
    }
    counters = {k: Decimal(v) for k, v in ran.values("metrics_csv", "counter", "sample").items()}
    assert counters == {i: logs.counter(i) for i in samples}
    assert max(counters.values()) == 2**64 - 1 and min(counters.values()) > 0  # never wrapped
    assert ran.values("metrics_csv", "span_id", "sample") == {i: logs.hex_id(i) for i in samples}
    assert ran.values("metrics_csv", "labels", "sample") == {i: logs.labels(i) for i in samples}
    lines = ran.values("metrics_csv", "line", "sample")
    assert {i: json.loads(v) for i, v in lines.items()} == {i: json.loads(logs.json_line(i)) for i in samples}
    assert ran.values("metrics_csv", "csv", "sample") == {i: logs.csv_cell(i) for i in samples}
    assert ran.values("metrics_csv", "ratio", "sample") == {
        i: ("0.25", "1e-7", "-0.0", "0.5")[i % 4] for i in samples
    }
    typed = ran.types("metrics_typed")
    assert (typed["gauge"], typed["counter"], typed["big_counter"]) == (
        "double precision",
        "bigint",
        "numeric",
    )
    gauges = ran.values("metrics_typed", "gauge", "id")
    # SQLite's REAL affinity stored -0.0 as 0.0 already: the source's value is what arrives.
    assert gauges == {i + 1: (1e-7, 0.0, float("inf"), float("-inf"), 0.0, 2.5)[i % 6] for i in ROWS}
    assert ran.values("metrics_typed", "counter", "id") == {i + 1: 2**63 - 1 - i for i in ROWS}
    assert ran.values("metrics_typed", "ratio", "id") == {
        i + 1: (0.25, 0.0, 1e-300, 5e-324)[i % 4] for i in ROWS
    }
    for column in ("gauge", "counter", "span_id", "ratio"):
        assert audit_rules(run_dir, "metrics_csv", column) == {}, column


def test_nan_and_infinity_written_as_text_keep_a_typed_columns_text_and_no_longer_halt(
    run_export: Runner,
) -> None:
    # Until 2026-12-02 a REAL column's TEXT `NaN` and `Infinity` (SQLite reads neither) were invalid
    # numbers: quarantined (NULL: not-a-number read as no value), and the quality gate refused the
    # load (exit 3, "min_quality: expected 80.0, found 66.67").
    ran, run_dir = run_export(logs.telemetry_import)
    rows = 40
    loaded_cleanly(ran, run_dir, {"metrics_import": rows})
    clean_exit(ran)
    assert ran.types("metrics_import") == {
        "sample": "bigint",
        "gauge": "text",
        "ratio": "text",
        "latency_seconds": "double precision",
    }

    def as_held(text: str) -> str:
        """REAL affinity made `-3.00` the REAL -3.0 (its text now the double's shortest); a word stays."""
        return text if text.lstrip("-").isalpha() else repr(float(text))

    gauges = ran.values("metrics_import", "gauge", "sample")
    assert gauges == {i: as_held(logs.import_gauge(i)) for i in range(rows)}
    assert {"NaN", "Infinity", "-Infinity"} <= set(gauges.values())
    assert ran.values("metrics_import", "ratio", "sample") == {
        i: as_held(logs.import_gauge(i + 5, logs.PYTHON_NON_FINITE)) for i in range(rows)
    }
    assert {"nan", "inf", "-inf"} <= set(ran.values("metrics_import", "ratio", "sample").values())
    notes = notes_of(run_dir, "metrics_import")
    assert "an infinity or NaN written as text (another database's, or IEEE 754's" in notes["gauge"]
    assert audit_rules(run_dir, "metrics_import", "gauge") == {}
    profiled = json.loads((run_dir / "profile.json").read_text())
    (table,) = profiled["tables"]
    kinds = {c["name"]: {i["kind"] for i in c["issues"]} for c in table["columns"]}
    assert "type_mismatch" not in kinds["gauge"] and "invalid_number" not in kinds["gauge"]
    # The runbook's way to load the numbers with those words NULL: list them as the column's null tokens.
    config = (
        '[columns.metrics_import.gauge]\nnull_tokens = ["NaN", "Infinity", "-Infinity"]\ntype = "double"\n'
    )
    nulled, nulled_dir = run_export(logs.telemetry_import, config=config)
    loaded_cleanly(nulled, nulled_dir, {"metrics_import": rows})
    assert nulled.types("metrics_import")["gauge"] == "double precision"
    assert nulled.values("metrics_import", "gauge", "sample") == {
        i: None if logs.import_gauge(i) in logs.NON_FINITE else float(logs.import_gauge(i))
        for i in range(rows)
    }
    assert set().union(*audit_rules(nulled_dir, "metrics_import", "gauge").values()) == {"null_like_to_null"}


def test_non_finite_words_keep_a_number_columns_text_beside_dirt_too(make_sqlite: SqliteFactory) -> None:
    # A column of CSV text with one NaN among more than a thousand numbers (0.1 % may be quarantined
    # there: until 2026-12-02 the NaN was) keeps its text, and so does a REAL column of them.
    many = [f"{i / 8:.3f}" for i in range(1500)]
    columns = {
        "csv_gauge": ("TEXT", [*many[:-1], "NaN"]),
        "typed_dirt": ("REAL", [*many[:-2], "NaN", "n/v"]),
        "typed_nan": ("REAL", [*many[:-2], "nan", "-inf"]),
    }
    ddl = "CREATE TABLE t (" + ", ".join(f"{name} {kind}" for name, (kind, _) in columns.items()) + ")"
    rows = list(zip(*(values for _, values in columns.values()), strict=True))
    table = profile(make_sqlite({"t": (ddl, rows)}))["t"]
    assert table["csv_gauge"].inferred_type == "text"
    assert table["csv_gauge"].issue("invalid_number") is None
    assert table["typed_nan"].inferred_type == "text"
    assert table["typed_nan"].issue("type_mismatch") is None and table["typed_nan"].quality == 100
    # Beside `n/v` (dirt) the NaN still names a value no number rule reads: the column keeps its text,
    # both values as written, never NaN made NULL (keep the wider type when in doubt).
    assert table["typed_dirt"].inferred_type == "text"
    assert table["typed_dirt"].issue("invalid_number") is None


def test_a_uint64_above_2_63_in_an_integer_column_is_a_real_in_the_file(run_export: Runner) -> None:
    # SQLite itself stored 2^64 - 1 as the REAL 1.8446744073709552e+19 (no int64 holds it; its last
    # digits are lost in the file). The other counters are INTEGER cells within 2^53, each a double
    # exactly: the column is double precision, every cell as the file holds it (until 2026-12-04 the
    # REAL's own magnitude counted as an integer beyond 2^53: the column was text, a type_mismatch, and
    # the circuit breaker halted, exit 3). Beside integers beyond 2^53 it is still text (test_profile.py).
    ran, run_dir = run_export(logs.counter_import)
    clean_exit(ran)
    loaded_cleanly(ran, run_dir, {"counters_import": 20})
    assert ran.types("counters_import")["bytes_total"] == "double precision"
    want = {i: float(2**64 - 1 if i == 7 else 10**12 * i) for i in range(20)}
    assert ran.values("counters_import", "bytes_total", "sample") == want
