"""The command line, killed (SIGKILL: no handler runs, no record is finished) the moment a cutover's,
rollback's or prune's transaction committed: ``python -m tests.loading.killed_at_commit ARGS...`` runs
``columnar-etl ARGS...`` so. What a power cut or the OOM killer does at the worst instant.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import columnar_etl.loading.versions as versions
from columnar_etl.__main__ import main
from columnar_etl.pg.connect import transaction


@contextmanager
def killed_after_commit(uri: str, *, committed: Callable[[], None] | None = None) -> Iterator[Any]:
    """:func:`transaction`, whose process is killed the moment its commit returned."""

    def then() -> None:
        if committed is not None:
            committed()
        os.kill(os.getpid(), signal.SIGKILL)

    with transaction(uri, committed=then) as conn:
        yield conn


if __name__ == "__main__":
    versions.transaction = killed_after_commit  # type: ignore[assignment]
    sys.argv = ["columnar-etl", *sys.argv[1:]]
    main()
