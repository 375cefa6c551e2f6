"""Whether the database still answers, asked off the GUI thread every few seconds.

A lost server must show in the status bar, never as a frozen window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ...services.environment import Environment
from ..common.tasks import TaskRunner, first_line

PROBE_INTERVAL_MS = 15_000


class ConnectionWatch(QObject):
    """Emits ``checked(reachable, reason)`` after each probe of the database."""

    checked = Signal(bool, str)

    def __init__(self, env: Environment, parent=None):
        super().__init__(parent)
        self.env = env
        # A runner of its own: the window's "loading" sign is for the user's work only.
        self._tasks = TaskRunner(env, self)
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
            lambda _row: self._report(True, ""),
            lambda error: self._report(False, first_line(error)),
        )

    def _report(self, reachable: bool, reason: str) -> None:
        self._busy = False
        self.checked.emit(reachable, reason)
