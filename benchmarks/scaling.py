"""Scaling benchmark (``just bench-scale``): time and peak RSS per stage at growing export sizes.

Each (scale, stage) runs in a fresh Python process, so its peak RSS (``ru_maxrss``) is that stage's
alone. Writes ``.benchmarks/scaling.json`` and ``.benchmarks/scaling.svg`` (time and memory against
rows: linear time, flat memory is the goal) and prints a table. Usage:

    python benchmarks/scaling.py [--shape wide] [--scales 1 2 4 10 40] [--stages profile clean run]

``--shape wide`` (36 ticket columns, long free text, ~92 MB at scale 1) is the realistic width the
headline figures use; ``servicedesk`` (default) is the narrow test shape. Each row also records the
child's CPU seconds (user + sys of the whole child process: imports included, and for ``clean`` the
profile its plan needs) and the 1-minute load average when it ended: on a shared machine a wall figure
means little without them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / ".benchmarks"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "data" / "fixtures"))  # the export generator (not installed)

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
stage, path, target, work = sys.argv[1], Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
started = time.perf_counter()
if stage == "profile":
    from columnar_etl import profile
    rows = sum(t.row_count for t in profile(path).tables.values())
elif stage == "clean":
    # As `columnar-etl clean` and `run` clean: the profile's plan and its read hints (which columns
    # read natively, which tables hold copies, which text is valid UTF-8). Without the hints (the bare
    # `clean_stream`) every table is read and listed the general way: at 10x 4x the time and ~650 MB.
    from columnar_etl.config import load_settings
    from columnar_etl.pipeline.steps import clean_step, plan_step, profile_step
    settings = load_settings()
    planned = plan_step(profile_step(path, settings), settings)
    started = time.perf_counter()  # the clean alone; its plan comes from a profile
    rows = 0
    # Audit and quarantine streamed to files, as `run` does (held in memory they grow with the dirt).
    logs = {"audit": work / "audit.parquet", "quarantine": work / "quarantine.parquet"}
    with clean_step(path, planned, settings, **logs) as stream:
        for table in stream.tables:
            rows += sum(batch.num_rows for batch in stream.batches(table))
        stream.result()
else:
    from columnar_etl.config import load_settings
    from columnar_etl.pipeline.runner import run
    settings = load_settings(target=target, runs_dir=work / "runs", backup_dir=work / "backups",
                             min_memory_gb=0.5)
    result = run(path, settings=settings, mode="simple", force=True)
    assert result.exit_code in (0, 2), result.record.error
    rows = sum(r["out"] for r in result.record.rows.values())
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
# This process's own peak: ru_maxrss starts at the parent's RSS when it was forked (the parent may have
# just generated a 10x export); VmHWM is of this process's memory only.
try:
    status = Path("/proc/self/status").read_text()
    peak_mb = int(next(l for l in status.splitlines() if l.startswith("VmHWM:")).split()[1]) / 1024
except (OSError, StopIteration):
    peak_mb = usage.ru_maxrss / 1024
print(json.dumps({"rows": rows, "seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime,
                  "peak_rss_mb": peak_mb}))
"""


def measure(stage: str, path: Path, target: str, work: Path) -> dict[str, float]:
    """Run one stage on one export in a fresh process; its rows, seconds and peak RSS."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, stage, str(path), target, str(work)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{stage} on {path.name} exited {done.returncode}:\n{done.stderr[-3000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    result["load_average"] = os.getloadavg()[0]
    return result


def svg_chart(results: list[dict[str, object]], stages: list[str]) -> str:
    """Small line charts (wall seconds, CPU seconds, peak RSS MB against rows), hand-drawn SVG: no
    plotting dependency. CPU seconds tell more than wall seconds on a machine other work shares."""
    colors = {"profile": "#1f6feb", "clean": "#2da44e", "run": "#bf3989"}
    width, height, pad = 460, 300, 50
    panels = []
    charts = (("seconds", "wall seconds"), ("cpu_seconds", "CPU seconds"), ("peak_rss_mb", "peak RSS (MB)"))
    charts = tuple(chart for chart in charts if all(chart[0] in r for r in results))
    for index, (key, title) in enumerate(charts):
        x0 = index * (width + 30)
        max_rows = max(float(r["rows"]) for r in results)  # type: ignore[arg-type]
        max_y = max(float(r[key]) for r in results) * 1.1 or 1.0  # type: ignore[arg-type]
        parts = [
            f'<g transform="translate({x0},0)"><text x="{pad}" y="20" font-size="14">{title} vs rows</text>',
            f'<line x1="{pad}" y1="{height - pad}" x2="{width - 10}" y2="{height - pad}" stroke="#888"/>',
            f'<line x1="{pad}" y1="30" x2="{pad}" y2="{height - pad}" stroke="#888"/>',
            f'<text x="{width - 10}" y="{height - pad + 30}" font-size="11" text-anchor="end">'
            f"{max_rows:,.0f} rows</text>",
            f'<text x="{pad - 5}" y="40" font-size="11" text-anchor="end">{max_y:,.0f}</text>',
        ]
        for stage in stages:
            points = sorted(
                (float(r["rows"]), float(r[key]))  # type: ignore[arg-type]
                for r in results
                if r["stage"] == stage
            )
            span_x, span_y = width - pad - 10, height - pad - 30
            coords = " ".join(
                f"{pad + span_x * x / max_rows:.1f},{height - pad - span_y * y / max_y:.1f}"
                for x, y in points
            )
            color = colors.get(stage, "#555")
            parts.append(f'<polyline points="{coords}" fill="none" stroke="{color}" stroke-width="2"/>')
        parts.append("</g>")
        panels.append("".join(parts))
    legend = "".join(
        f'<text x="{60 + 90 * i}" y="{height - 5}" font-size="12" fill="{colors.get(name, "#555")}">'
        f"■ {name}</text>"
        for i, name in enumerate(stages)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{len(charts) * (width + 30)}" height="{height}" '
        f'font-family="sans-serif">{"".join(panels)}{legend}</svg>\n'
    )


#: Issue 19's scale targets: time at 10× the rows at most 11× the time at 1×; peak RSS at 40× at most.
TIME_GROWTH_MOST, RSS_MOST_MB = 11.0, 600.0


def target_lines(results: list[dict[str, object]]) -> list[str]:
    """Issue 19's scale targets per stage, judged on ``results`` (the latest figure of each (shape,
    scale, stage)): wall time from 1× to 10× (and CPU beside it), and peak RSS at 40×."""
    latest = {(r["shape"], float(r["scale"]), r["stage"]): r for r in results}  # type: ignore[arg-type]
    lines = []
    for shape, scale, stage in sorted({k for k in latest if k[1] == 1.0}, key=str):
        ten = latest.get((shape, 10.0, stage))
        if ten is not None:
            one = latest[(shape, scale, stage)]
            rows = float(ten["rows"]) / float(one["rows"])  # type: ignore[arg-type]
            wall = float(ten["seconds"]) / float(one["seconds"])  # type: ignore[arg-type]
            cpu = float(ten["cpu_seconds"]) / float(one["cpu_seconds"])  # type: ignore[arg-type]
            verdict = "met" if wall <= TIME_GROWTH_MOST else "**missed**"
            lines.append(
                f"- {shape} {stage}: ×{rows:.1f} rows from 1× to 10× took ×{wall:.1f} wall, ×{cpu:.1f} CPU "
                f"(issue 19 target ≤ ×{TIME_GROWTH_MOST:g} time): {verdict}"
            )
    for (shape, scale, stage), figures in sorted(latest.items(), key=str):
        if scale == 40.0:
            rss = float(figures["peak_rss_mb"])  # type: ignore[arg-type]
            verdict = "met" if rss <= RSS_MOST_MB else "**missed**"
            lines.append(
                f"- {shape} {stage} at 40×: peak RSS {rss:.0f} MB (issue 19 target ≤ {RSS_MOST_MB:g} MB): "
                f"{verdict}"
            )
    return lines


def main() -> None:
    """Measure every (scale, stage), write JSON + SVG, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 2, 4, 10, 40])
    parser.add_argument("--stages", nargs="+", default=["profile", "clean", "run"])
    parser.add_argument("--shape", choices=["servicedesk", "wide"], default="servicedesk")
    parser.add_argument(
        "--append", action="store_true", help="add to the results already written (a long scale run later)"
    )
    args = parser.parse_args()

    from benchmarks.conftest import cached_export
    from benchmarks.peers import wide_export
    from columnar_etl.pg.embedded import EmbeddedPostgres

    uri = EmbeddedPostgres(ROOT / ".columnar_etl" / "bench-pg").start()
    OUT.mkdir(exist_ok=True)
    stem = "scaling" if args.shape == "servicedesk" else f"scaling_{args.shape}"
    written = OUT / f"{stem}.json"
    results: list[dict[str, object]] = (
        json.loads(written.read_text()) if args.append and written.exists() else []
    )
    print("| scale | stage | rows | seconds | CPU s | rows/s | peak RSS MB | load avg |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for scale in args.scales:
        path = wide_export(scale) if args.shape == "wide" else cached_export(scale)
        for stage in args.stages:
            with tempfile.TemporaryDirectory() as work:
                figures = measure(stage, path, uri, Path(work))
            results.append({"shape": args.shape, "scale": scale, "stage": stage, **figures})
            print(
                f"| {scale:g} | {stage} | {figures['rows']:,.0f} | {figures['seconds']:.2f} | "
                f"{figures['cpu_seconds']:.2f} | {figures['rows'] / figures['seconds']:,.0f} | "
                f"{figures['peak_rss_mb']:.0f} | {figures['load_average']:.1f} |",
                flush=True,
            )
            # Written after every measurement: a long run interrupted keeps what it measured.
            (OUT / f"{stem}.json").write_text(json.dumps(results, indent=2) + "\n")
            (OUT / f"{stem}.svg").write_text(svg_chart(results, args.stages))
    print(f"wrote {OUT / f'{stem}.json'} and {OUT / f'{stem}.svg'}")
    print("\n".join(target_lines(results)))


if __name__ == "__main__":
    main()
