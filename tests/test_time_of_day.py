"""A column declared a time of day without zone (``TIME``, ``TIME(6)``, ``TIME WITHOUT TIME ZONE``) whose
every present value is a 24-hour time of day (``HH:MM``, ``H:MM``, ``HH:MM:SS``, a fraction of 1 to 6
digits) loads as PostgreSQL's ``time``, each value its time; a value not written as PostgreSQL writes
that time is audited ``time_format:<format>``. One value of another shape (``24:00:00``, an offset),
a ``TIMETZ`` declaration and a TEXT column of ``HH:MM`` keep their text, every value as written.

Run by the CLI into the session's real PostgreSQL, every cell checked with the lossless checker; the
expected times come from Python's ``datetime.time.fromisoformat`` on the builder's own text (its hour
padded to two digits), never from a run."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import time
from pathlib import Path

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from columnar_etl.cleaning.expressions import ColumnExprs, canonical_text
from columnar_etl.planning.plan import ColumnPlan

from .lossless_check import pg_time_text
from .other_products import write_export
from .test_other_products import Ran, audit_rules, loaded_cleanly, run_export

__all__ = ["run_export"]  # the fixture, used by name

Runner = Callable[..., tuple[Ran, Path]]

ROWS = 30
#: The shapes a builder writes a time in, by the format the audit names (canonical ones: none).
SHAPES = ("%H:%M:%S", "%H:%M", "%-H:%M", "%H:%M:%S.%f", "%-H:%M:%S", "pg")


def moment(i: int) -> time:
    """Row i's time of day: every hour, minutes and seconds spread, a fraction on every third row."""
    return time(i % 24, (7 * i) % 60, (13 * i) % 60, (i * 250_000) % 1_000_000 if i % 3 == 0 else 0)


def written(i: int) -> tuple[str, str | None]:
    """Row i's time as one of :data:`SHAPES` writes it, and the audit rule that reading it needs."""
    value, shape = moment(i), SHAPES[i % len(SHAPES)]
    hour = f"{value.hour:02d}"
    if shape.startswith("%-H"):
        hour = str(value.hour)
    if shape in ("%H:%M", "%-H:%M"):
        # No seconds written: the time is this text's, its seconds and fraction none.
        text = f"{hour}:{value.minute:02d}"
    elif shape == "%H:%M:%S.%f":
        text = f"{hour}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}"
    elif shape == "pg":
        return pg_time_text(value), None
    else:
        text = f"{hour}:{value.minute:02d}:{value.second:02d}"
    if value.hour >= 10:
        shape = shape.replace("%-H", "%H")  # two digits either way: the text cannot tell them apart
    return text, (None if text == pg_time_text(read(text)) else f"time_format:{shape}")


def read(text: str) -> time:
    """The time the text writes, by Python's ISO reader (an hour of one digit padded first)."""
    text = text.strip()
    return time.fromisoformat(text if text.index(":") == 2 else f"0{text}")


def times_of_day(path: Path) -> Path:
    """One table: a column per case, each row's values written from moment(i)."""
    ddl = [
        'CREATE TABLE "studies" (id INTEGER PRIMARY KEY, study_time TIME, opens TIME(6), '
        "closes TIME WITHOUT TIME ZONE, end_of_day TIME, zoned TIME, tz TIMETZ, score TEXT)"
    ]
    rows = []
    for i in range(ROWS):
        text, _ = written(i)
        # Blanks and NULLs beside times, and a padded one: the missing-value and trim rules as elsewhere.
        opens = "" if i % 7 == 3 else None if i % 7 == 5 else f" {text} " if i == 1 else text
        rows.append(
            (
                i + 1,
                text,
                opens,
                f"{moment(i).hour:02d}:{moment(i).minute:02d}",
                # 24:00:00, PostgreSQL's end of day, which no Arrow time holds: the column stays text.
                "24:00:00" if i == ROWS - 1 else text,
                # An offset: a time with a zone, no time of day alone.
                "08:30:00+02:00" if i == 4 else text,
                f"{pg_time_text(moment(i))}+02",
                f"{i % 13}:{(i * 7) % 60:02d}",
            )
        )
    return write_export(path, ddl, {"studies": rows})


def test_a_declared_time_of_day_loads_as_time(run_export: Runner) -> None:
    ran, run_dir = run_export(times_of_day)
    loaded_cleanly(ran, run_dir, {"studies": ROWS})
    assert ran.code in (0, 2)
    assert ran.types("studies") == {
        "id": "bigint",
        "study_time": "time without time zone",
        "opens": "time without time zone",
        "closes": "time without time zone",
        # One value of another shape: every value kept as written.
        "end_of_day": "text",
        "zoned": "text",
        "tz": "text",
        "score": "text",
    }
    texts = {i + 1: written(i)[0] for i in range(ROWS)}
    assert ran.values("studies", "study_time", "id") == {key: read(text) for key, text in texts.items()}
    assert ran.values("studies", "opens", "id") == {
        i + 1: None if i % 7 in (3, 5) else read(texts[i + 1]) for i in range(ROWS)
    }
    assert ran.values("studies", "closes", "id") == {
        i + 1: time(moment(i).hour, moment(i).minute) for i in range(ROWS)
    }
    assert ran.values("studies", "end_of_day", "id") == {
        **texts,
        ROWS: "24:00:00",
    }
    assert ran.values("studies", "zoned", "id") == {**texts, 5: "08:30:00+02:00"}
    assert ran.values("studies", "tz", "id") == {i + 1: f"{pg_time_text(moment(i))}+02" for i in range(ROWS)}
    assert ran.values("studies", "score", "id") == {
        i + 1: f"{i % 13}:{(i * 7) % 60:02d}" for i in range(ROWS)
    }
    # Each time not written as PostgreSQL writes it is audited with the format it was read by.
    expected = {str(i + 1): {rule} for i in range(ROWS) if (rule := written(i)[1])}
    assert expected, "the builder writes some times otherwise than PostgreSQL"
    assert audit_rules(run_dir, "studies", "study_time") == expected
    # One audit row per cell, its rules in one text (the padded one's trim first).
    opens = {
        str(i + 1): {",".join(r for r in ("trim" if i == 1 else None, rule) if r)}
        for i in range(ROWS)
        if i % 7 not in (3, 5) and ((rule := written(i)[1]) or i == 1)
    }
    blanks = {str(i + 1): {"empty_to_null"} for i in range(ROWS) if i % 7 == 3}
    assert audit_rules(run_dir, "studies", "opens") == {**opens, **blanks}
    assert audit_rules(run_dir, "studies", "closes") == {
        str(i + 1): {"time_format:%H:%M"} for i in range(ROWS)
    }
    for column in ("end_of_day", "zoned", "tz", "score"):
        assert audit_rules(run_dir, "studies", column) == {}, column
    # The profile says what was read; a valid time column costs nothing.
    profile = json.loads((run_dir / "profile.json").read_text())
    (table,) = profile["tables"]
    columns = {c["name"]: c for c in table["columns"]}
    respelled = len(expected)
    assert [n for n in columns["study_time"]["notes"] if "time of day" in n] == [
        "declared TIME: every value is a time of day (24-hour, no UTC offset), read as time; "
        f"{respelled} written otherwise than PostgreSQL's text of them (08:30 for 08:30:00: audited "
        "time_format)"
    ]
    assert columns["study_time"]["issues"] == []
    assert columns["study_time"]["quality"] == 100.0
    assert columns["end_of_day"]["inferred_type"] == "text"
    assert not any(issue["kind"] == "type_mismatch" for issue in columns["end_of_day"]["issues"])


#: Each accepted shape, as a function of a time of day (fractions of 1 to 6 digits, hours of one digit).
def _shapes(value: time, digits: int) -> list[str]:
    hms = f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    fraction = f"{value.microsecond:06d}"
    shapes = [hms, f"{hms}.{fraction[:digits]}"] if fraction[digits:].strip("0") == "" else [hms]
    if value.hour < 10:
        shapes.append(hms[1:])
    return shapes


@given(st.times(), st.integers(min_value=1, max_value=6))
def test_every_time_of_day_written_in_an_accepted_shape_reads_back_equal(value: time, digits: int) -> None:
    plan = ColumnPlan(name="c", type="time", output_name="c")
    exprs = ColumnExprs(plan, 0)
    texts = _shapes(value, digits)
    frame = pl.DataFrame({exprs.raw: texts, exprs.t: texts}).with_columns(exprs.value())
    frame = frame.with_columns(canonical_text(pl.col(exprs.v), plan).alias("canonical"))
    whole = value.replace(microsecond=0)
    for text, read_back, canonical in zip(texts, frame[exprs.v], frame["canonical"], strict=True):
        fraction = "." in text
        assert read_back == (value if fraction else whole), text
        assert canonical == pg_time_text(read_back), text


def keyed_by_times(path: Path) -> Path:
    """Two tables keyed by a time of day: one holding 08:30 and 08:30:00 (one time, two keys), one not."""
    ddl = [
        "CREATE TABLE slots (starts TIME PRIMARY KEY, label TEXT)",
        "CREATE TABLE hours (starts TIME PRIMARY KEY, label TEXT)",
    ]
    slots = [("08:30", "a"), ("08:30:00", "b"), ("09:00:00", "c"), ("10:15:00.5", "d")]
    hours = [("08:30", "a"), ("08:45:00", "b"), ("9:00", "c")]
    return write_export(path, ddl, {"slots": slots, "hours": hours})


def test_a_key_of_times_cleaning_would_merge_is_loaded_as_written(run_export: Runner) -> None:
    ran, run_dir = run_export(keyed_by_times)
    loaded_cleanly(ran, run_dir, {"slots": 4, "hours": 3})
    # 08:30 and 08:30:00 are one time: as times the two rows would share a key. Kept as written.
    assert ran.types("slots")["starts"] == "text"
    assert set(ran.values("slots", "label", "starts")) == {"08:30", "08:30:00", "09:00:00", "10:15:00.5"}
    assert ran.types("hours")["starts"] == "time without time zone"
    assert ran.values("hours", "label", "starts") == {time(8, 30): "a", time(8, 45): "b", time(9, 0): "c"}
    profile = json.loads((run_dir / "profile.json").read_text())
    notes = {t["name"]: {c["name"]: c["notes"] for c in t["columns"]} for t in profile["tables"]}
    # The note of times read is gone where the column is text after all.
    assert not any("read as time" in note for note in notes["slots"]["starts"])
    assert any("read as time" in note for note in notes["hours"]["starts"])
