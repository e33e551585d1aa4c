"""The profile on a terminal: tables, the worst columns with their issues, and the gate verdict.

Every cell is a :class:`rich.text.Text`, never a markup string: a column named ``[bold]x`` must print as
itself, not restyle the table.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from columnar_etl.models import ColumnProfile, GateResult, Profile
from columnar_etl.report import display

BAND_STYLE = {"good": "green", "fair": "yellow", "poor": "bold red"}
GATE_STYLE = {"pass": "bold green", "warn": "bold yellow", "halt": "bold red"}
SEVERITY_STYLE = {"unfixable": "red", "fixable": "yellow", "cosmetic": "dim", "type": "cyan"}


def render_profile_console(profile: Profile, console: Console, *, worst: int = 10) -> None:
    """Print the profile's summary: per table rows/columns/quality, the ``worst`` columns, the gate."""
    bands = display.QualityBands.of(profile)
    rows = sum(table.row_count for table in profile.tables.values())
    console.print(
        Text.assemble(
            ("Profile of ", "bold"),
            (display.visible(profile.source.name, 120), "bold cyan"),
            f"  {len(profile.tables)} tables, {display.number(rows)} rows, "
            f"{display.number(len(profile.columns))} columns, quality ",
            _score(profile.quality, bands),
        )
    )
    console.print(_tables(profile, bands))
    flawed = [column for column in profile.columns if column.issues]
    if flawed and worst > 0:
        console.print(_worst(display.worst_columns(profile, worst), len(flawed), bands))
    elif not flawed:
        console.print(Text("No issues in any column.", style="green"))
    for column in profile.columns:
        if column.no_reference_count:  # MySQL's 0, or -1, for "no reference": said, not charged as orphans
            console.print(
                Text(
                    f"{display.visible(column.table)}.{display.visible(column.name, 80)}: "
                    f"{column.no_reference_said} for no "
                    f"reference in {display.number(column.no_reference_count)} rows "
                    f"(not orphans of {display.visible(column.foreign_key or '', 80)})"
                )
            )
    for line in profile.left_out:
        console.print(Text(display.visible(line, 200), style="yellow"))
    for note in profile.notes:  # not warnings: views, indexes and triggers hold no data of their own
        console.print(Text(display.visible(note, 1000)))
    console.print(_gate(profile.gate, bands))


def _score(score: float, bands: display.QualityBands) -> Text:
    return Text(display.quality(score), style=BAND_STYLE[bands.band(score)])


def _tables(profile: Profile, bands: display.QualityBands) -> Table:
    grid = Table(title="Tables", title_justify="left", box=box.SIMPLE_HEAD)
    grid.add_column("Table")
    grid.add_column("Rows", justify="right")
    grid.add_column("Columns", justify="right")
    grid.add_column("With issues", justify="right")
    grid.add_column("Key (found)", overflow="fold")
    grid.add_column("Duplicates", justify="right")
    grid.add_column("Quality", justify="right")
    for table in profile.tables.values():
        key = f"{', '.join(table.key)} ({(table.key_found or '').replace('_', ' ')})" if table.key else "none"
        clashes = [f"{issue.count:,} {issue.kind.replace('_', ' ')}" for issue in table.issues]
        grid.add_row(
            Text(display.visible(table.name)),
            Text(display.number(table.row_count)),
            Text(str(len(table.columns))),
            Text(str(sum(1 for column in table if column.issues))),
            Text(display.visible(key)),
            Text(", ".join(clashes) or "-", style="yellow" if clashes else ""),
            _score(table.quality, bands),
        )
    return grid


def _worst(columns: list[ColumnProfile], flawed: int, bands: display.QualityBands) -> Table:
    title = f"Worst columns ({len(columns)} of {flawed} with issues)"
    grid = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    grid.add_column("Column", overflow="fold")
    grid.add_column("Declared → inferred", no_wrap=True)
    grid.add_column("Confidence", justify="right")
    grid.add_column("Quality", justify="right")
    grid.add_column("Issues (cells)", overflow="fold")
    for column in columns:
        inferred_style = "bold magenta" if display.type_changed(column) else ""
        grid.add_row(
            Text.assemble((display.visible(column.table), "dim"), ".", display.visible(column.name, 80)),
            Text.assemble(
                display.visible(column.declared_type or "(none)", 30),
                " → ",
                (column.inferred_type, inferred_style),
            ),
            Text(display.fraction(column.confidence)),
            _score(column.quality, bands),
            _issues(column),
        )
    return grid


def _issues(column: ColumnProfile) -> Text:
    text = Text()
    for position, issue in enumerate(display.ranked_issues(column.issues)):
        if position:
            text.append(", ")
        # kind=count has no space inside, so a narrow terminal wraps between issues, never within one.
        if display.in_own_format(column, issue):
            # Its values are written the column's one way: what the load converts, not dirt.
            text.append(issue.kind, style=SEVERITY_STYLE["type"])
            text.append(f"={display.number(issue.count)} (its format)")
            continue
        text.append(issue.kind, style=SEVERITY_STYLE[display.severity(issue.kind)])
        text.append(f"={display.number(issue.count)}")
    return text


def _gate(gate: GateResult, bands: display.QualityBands) -> Panel:
    style = GATE_STYLE[gate.status]
    headline = Text.assemble((f"Gate: {gate.status.upper()}", style), "  quality ")
    headline.append_text(_score(gate.quality, bands))
    headline.append(f" (gate {display.quality(bands.gate)}, floor {display.quality(bands.floor)})")
    lines: list[Text] = [headline]
    for reason in gate.reasons:
        line = Text("  • ")
        if reason.table is not None:
            where = reason.table if reason.column is None else f"{reason.table}.{reason.column}"
            line.append(display.visible(where, 100) + ": ", style="bold")
        line.append(reason.message)
        line.append(
            f"  ({reason.rule}: {display.reason_value(reason)} vs. {display.reason_threshold(reason)})",
            style="dim",
        )
        lines.append(line)
    return Panel(Group(*lines), border_style=style.replace("bold ", ""), expand=False)
