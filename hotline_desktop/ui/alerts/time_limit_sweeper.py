"""Looks every minute for deadlines passing or close, so that their alerts are raised
while the centre's workstations are open; every centre workstation sweeps, and the
alerts' keys make two sweeps raise each alert once."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from ...services.time_limit_sweep import sweep_time_limits
from ..common.context import WindowContext
from ..common.failures import Failure

SWEEP_INTERVAL_MS = 60_000


class TimeLimitSweeper(QObject):
    def __init__(self, context: WindowContext, parent=None):
        super().__init__(parent)
        self.env = context.env
        self.tasks = context.tasks
        self._sweeping = False
        self._timer = QTimer(self)
        self._timer.setInterval(SWEEP_INTERVAL_MS)
        self._timer.timeout.connect(self.sweep)

    def start(self) -> None:
        self._timer.start()
        self.sweep()

    def stop(self) -> None:
        self._timer.stop()

    def sweep(self) -> None:
        if self._sweeping:
            return
        self._sweeping = True
        env = self.env
        self.tasks.run(lambda: sweep_time_limits(env), self._swept, self._failed)

    def _swept(self, _result) -> None:
        self._sweeping = False

    def _failed(self, failure: Failure) -> None:
        self._sweeping = False  # the next minute sweeps again
        if not failure.is_outage:  # a lost server shows in the status bar already
            self.tasks.report(failure)
