"""Progress: :func:`progress`, a rich bar on stderr (rows, rows/s, ETA), silent when stderr is no TTY."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TaskID, TextColumn, TimeRemainingColumn
from rich.text import Text

from columnar_etl.observability.logs import stderr_is_tty


class _RowsDoneColumn(ProgressColumn):
    """``12,345/50,000 rows`` (rich's MofN column has no thousands separator and no unit)."""

    def render(self, task: Task) -> Text:
        """Rows done, out of the total when it is known."""
        total = "?" if task.total is None else f"{task.total:,.0f}"
        return Text(f"{task.completed:,.0f}/{total} rows", style="progress.download")


class _RowsPerSecondColumn(ProgressColumn):
    """``5,000 rows/s`` (rich's TransferSpeedColumn formats bytes)."""

    def render(self, task: Task) -> Text:
        """The measured speed, or a dash before there is one."""
        speed = task.finished_speed or task.speed
        return Text("- rows/s" if speed is None else f"{speed:,.0f} rows/s", style="progress.data.speed")


class RowProgress:
    """Handle yielded by :func:`progress`: advance it by the rows of each batch."""

    def __init__(self, bar: Progress | None, task_id: TaskID, description: str) -> None:
        self._bar = bar
        self._task_id = task_id
        self.description = description
        #: Rows advanced so far (also counted when the display is off).
        self.completed = 0

    @property
    def task(self) -> Task | None:
        """The rich task behind the bar, or None when the display is off."""
        if self._bar is None:
            return None
        return next(task for task in self._bar.tasks if task.id == self._task_id)

    def advance(self, n_rows: int) -> None:
        """Add ``n_rows`` rows done."""
        self.completed += n_rows
        if self._bar is not None:
            self._bar.advance(self._task_id, n_rows)

    def set_description(self, text: str) -> None:
        """Change the text left of the bar (e.g. the table being worked on)."""
        self.description = text
        if self._bar is not None:
            self._bar.update(self._task_id, description=text)


@contextmanager
def progress(
    total_rows: int | None, description: str, *, enabled: bool | None = None
) -> Iterator[RowProgress]:
    """A progress bar on stderr: rows done, rows/s, ETA. ``total_rows=None`` when unknown.

    ``enabled=None`` shows it only when stderr is a TTY; otherwise nothing is written at all and
    ``advance`` is an addition. Log lines written meanwhile appear above the bar.
    """
    if enabled is None:
        enabled = stderr_is_tty()
    if not enabled:
        yield RowProgress(None, TaskID(0), description)
        return
    bar = Progress(
        # markup=False: a table name like "[old] tickets" is text, not a rich style tag.
        TextColumn("{task.description}", markup=False, style="progress.description"),
        BarColumn(),
        _RowsDoneColumn(),
        _RowsPerSecondColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    )
    with bar:
        task_id = bar.add_task(description, total=total_rows)
        yield RowProgress(bar, task_id, description)
