"""Exports of many small tables: make one, and time ``columnar-etl profile`` on several exports.

On an export of many small tables the profile's cost is the planning of each table's query, not the
reading of its rows (docs/scaling.md). Usage:

    python benchmarks/many_tables.py make OUT.db [--tables 200] [--rows 400] [--seed 0]
    python benchmarks/many_tables.py time A.db B.db ... [--rounds 3] [--src OLD/src --src src]

``make`` writes a ``random``-shape export (data/fixtures/export_generator) of ``--tables`` narrow
tables of 1 to ``--rows`` rows each (TEXT, INTEGER, REAL, dates, timestamps, booleans, BLOBs, mixed
columns, keys and references). ``time`` runs ``python -m columnar_etl profile`` on each export in a
fresh process under ``/usr/bin/time -v``, the exports interleaved round after round, from a scratch
directory holding its own ``columnar_etl.toml``, and prints the median wall, CPU (user + sys) and peak
RSS of each. ``--src`` (repeatable) times the package of each source tree (e.g. one extracted by
``git archive COMMIT src | tar -x -C OLD``) in the same rounds: before and after a change, interleaved.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "data" / "fixtures"))  # the export generator (not installed)

from export_generator.random_shape import draw_random_spec, random_tables  # noqa: E402
from export_generator.shapes import ShapeTruth, write_shape  # noqa: E402


def make(out: Path, tables: int, rows: int, seed: int) -> None:
    """Write an export of ``tables`` random narrow tables of at most ``rows`` rows each."""
    spec = draw_random_spec(
        random.Random(f"many-tables/{seed}"), max_rows=rows, max_columns=8, tables_count=tables
    )
    write_shape(out, ShapeTruth("random", seed, rows / 60), random_tables(spec))


def _run(export: Path, work: Path, src: Path) -> tuple[float, float, int]:
    env = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run(
        ["/usr/bin/time", "-v", sys.executable, "-m", "columnar_etl", "profile", str(export)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 2):
        raise SystemExit(f"profile {export} exited {done.returncode}: {done.stderr[-2000:]}")

    def field(name: str) -> str:
        match = re.search(rf"{re.escape(name)}: (.+)", done.stderr)
        if match is None:
            raise SystemExit(f"no {name!r} in /usr/bin/time's output")
        return match.group(1).strip()

    clock = [float(part) for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = sum(value * 60**power for power, value in enumerate(reversed(clock)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return wall, cpu, int(field("Maximum resident set size (kbytes)"))


def time_exports(exports: list[Path], rounds: int, sources: list[Path]) -> None:
    """Print the median wall, CPU and peak RSS of ``profile`` on each export over ``rounds`` rounds,
    with the package of each of ``sources``."""
    cases = [(export, src) for export in exports for src in sources]
    results: dict[tuple[Path, Path], list[tuple[float, float, int]]] = {case: [] for case in cases}
    with tempfile.TemporaryDirectory(prefix="many-tables-") as scratch:
        work = Path(scratch)
        (work / "columnar_etl.toml").write_text(f'runs_dir = "{work / "runs"}"\n', encoding="utf-8")
        for _ in range(rounds):
            for export, src in cases:
                results[(export, src)].append(_run(export.resolve(), work, src.resolve()))
    for (export, src), runs in results.items():
        wall = statistics.median(run[0] for run in runs)
        cpu = statistics.median(run[1] for run in runs)
        rss = statistics.median(run[2] for run in runs) / 1024
        walls = " ".join(f"{run[0]:.2f}" for run in runs)
        print(
            f"{export.name} ({src}): wall {wall:.2f} s ({walls}), CPU {cpu:.2f} s, peak RSS {rss:.0f} MiB",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and make or time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("make", help="write an export of many small tables")
    made.add_argument("out", type=Path)
    made.add_argument("--tables", type=int, default=200)
    made.add_argument("--rows", type=int, default=400, help="most rows per table (default 400)")
    made.add_argument("--seed", type=int, default=0)
    timed = commands.add_parser("time", help="time `columnar-etl profile` on exports")
    timed.add_argument("exports", type=Path, nargs="+")
    timed.add_argument("--rounds", type=int, default=3)
    timed.add_argument("--src", type=Path, action="append", help="a source tree (default: this one's)")
    args = parser.parse_args(argv)
    if args.command == "make":
        make(args.out, args.tables, args.rows, args.seed)
    else:
        time_exports(args.exports, args.rounds, args.src or [ROOT / "src"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
