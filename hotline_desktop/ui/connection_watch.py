"""Whether the database still answers, asked off the GUI thread every few seconds.

A lost server must show in the status bar, never as a frozen window: the probe
runs on Qt's thread pool with a connection of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ..services.environment import Environment

PROBE_INTERVAL_MS = 15_000


class ConnectionWatch(QObject):
    """Emits ``checked(reachable, reason)`` after each probe of the database."""

    checked = Signal(bool, str)

    def __init__(self, env: Environment, parent=None):
        super().__init__(parent)
        self.env = env
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setInterval(PROBE_INTERVAL_MS)
        self._timer.timeout.connect(self.probe)
        self.checked.connect(self._done)
        # A pool of its own, so that stopping waits for this watch's probe and no other.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self) -> None:
        self._timer.start()
        self.probe()

    def stop(self) -> None:
        """Stop probing and wait for a probe under way: it uses the database being closed."""
        self._timer.stop()
        self._pool.waitForDone()

    def probe(self) -> None:
        if self._busy:
            return  # the last probe is still waiting for a slow server
        self._busy = True
        # The probe reports through an object of its own: the window (and this watch)
        # may be gone by the time a slow server answers.
        reporter = _Reporter()
        reporter.checked.connect(self.checked)
        self._pool.start(_Probe(self.env, reporter))

    def _done(self, _reachable: bool, _reason: str) -> None:
        self._busy = False


class _Reporter(QObject):
    checked = Signal(bool, str)


class _Probe(QRunnable):
    def __init__(self, env: Environment, reporter: _Reporter):
        super().__init__()
        self.env = env
        self.reporter = reporter
        self.report = reporter.checked

    def run(self) -> None:
        try:
            with self.env.db.connection_context():
                self.env.db.execute_sql("SELECT 1")
        except Exception as error:  # noqa: BLE001 - any failure means "not reachable"
            text = str(error).strip().splitlines()
            self.report.emit(False, text[0] if text else type(error).__name__)
            return
        self.report.emit(True, "")
