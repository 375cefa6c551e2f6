"""Whether the database still answers, asked off the GUI thread every few seconds.

A lost server must show in the status bar, never as a frozen window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ..common.context import WindowContext
from ..common.failures import Failure
from ..common.tasks import TaskRunner

PROBE_INTERVAL_MS = 15_000


class ConnectionWatch(QObject):
    """Emits ``checked(failure)`` after each probe of the database: None when it answered."""

    checked = Signal(object)

    def __init__(self, context: WindowContext, parent=None):
        super().__init__(parent)
        self.env = context.env
        # A runner of its own: the window's "loading" sign is for the user's work only.
        self._tasks = TaskRunner(context.env, context.language, self)
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setInterval(PROBE_INTERVAL_MS)
        self._timer.timeout.connect(self.probe)

    def start(self) -> None:
        self._timer.start()
        self.probe()

    def stop(self) -> None:
        """Stop probing and wait for a probe under way: it uses the database being closed."""
        self._timer.stop()
        self._tasks.close()

    def probe(self) -> None:
        if self._busy:
            return  # the last probe is still waiting for a slow server
        self._busy = True
        self._tasks.run(
            lambda: self.env.db.execute_sql("SELECT 1").fetchone(),
            lambda _row: self._report(None),
            self._report,
        )

    def _report(self, failure: Failure | None) -> None:
        self._busy = False
        self.checked.emit(failure)
