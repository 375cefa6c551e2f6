"""Tells the window when another workstation (or this one) has changed tickets.

PostgreSQL pushes a notification at each committed write (``store.change_feed``); a
thread of this object's listens for it. SQLite and MySQL are asked every few seconds
for their newest history id, which costs one primary-key lookup. Either way a burst of
changes becomes one ``changed`` signal, so a busy hotline does not keep the queue
re-reading.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from ...store.change_feed import latest_change, listen_for_changes
from ..common.context import WindowContext
from ..common.failures import Failure
from ..common.tasks import TaskRunner

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 2_000
# Changes arriving within this time of each other make one refresh.
SETTLE_MS = 300
# After a lost listening connection, wait this long before listening again.
RETRY_SECONDS = 5.0


class ChangeWatch(QObject):
    changed = Signal()
    # Emitted from the listening thread; Qt queues it onto the GUI thread.
    _heard = Signal()

    def __init__(self, context: WindowContext, parent=None):
        super().__init__(parent)
        self.env = context.env
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.changed)
        self._heard.connect(self._settle.start)
        self._stop = threading.Event()
        self._listener: threading.Thread | None = None
        self._tasks = TaskRunner(context.env, context.language, self)
        self._tasks.unhandled.connect(context.tasks.report)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_INTERVAL_MS)
        self._poll.timeout.connect(self._ask)
        self._seen: int | None = None
        self._asking = False

    def start(self) -> None:
        if self.env.info.engine == "postgresql":
            self._listener = threading.Thread(
                target=self._listen, name="hotline-change-listener", daemon=True
            )
            self._listener.start()
        else:
            self._poll.start()
            self._ask()

    def stop(self) -> None:
        self._poll.stop()
        self._stop.set()
        if self._listener is not None:
            self._listener.join()
        self._tasks.close()

    def _listen(self) -> None:
        while not self._stop.is_set():
            try:
                listen_for_changes(self.env.info.url, self._stop, self._heard.emit)
            except Exception as error:  # noqa: BLE001 - a lost server; the status bar says so
                log.warning("not listening for changes: %s", error)
                self._stop.wait(RETRY_SECONDS)

    def _ask(self) -> None:
        if self._asking:
            return  # a slow server is still answering the last question
        self._asking = True
        self._tasks.run(lambda: latest_change(self.env.db), self._compare, self._not_answered)

    def _compare(self, newest: int) -> None:
        self._answered()
        if self._seen is not None and newest != self._seen:
            self._settle.start()
        self._seen = newest

    def _answered(self) -> None:
        self._asking = False

    def _not_answered(self, failure: Failure) -> None:
        self._answered()
        if not failure.is_outage:  # a lost server shows in the status bar already
            self._tasks.report(failure)
