"""Tells the window when another workstation (or this one) has changed tickets.

PostgreSQL pushes a notification at each committed write (``store.change_feed``); a
thread of this object's listens for it. SQLite and MySQL are asked every few seconds
for their newest history id, which costs one primary-key lookup. Either way a burst of
changes becomes one ``changed`` signal, so a busy hotline does not keep the queue
re-reading.

It is the one channel of changes, this workstation's own included: a page that wrote
says so (``note_own_change``) rather than refreshing the others itself, and the echo of
its write — the notification, or the ids a poll sees grown — joins the same refresh.
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
        self._settle.timeout.connect(self._settled)
        self._heard.connect(self._settle.start)
        self._stop = threading.Event()
        self._listener: threading.Thread | None = None
        self._tasks = TaskRunner(context.env, context.language, self)
        self._tasks.unhandled.connect(context.tasks.report)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_INTERVAL_MS)
        self._poll.timeout.connect(self._ask)
        self._seen: tuple[int, int, int] | None = None
        self._asking = False
        # The settled change waits for the newest ids, so that a poll after the refresh
        # does not take the same change for a new one.
        self._emit_when_answered = False

    def start(self) -> None:
        if self.env.info.engine == "postgresql":
            self._listener = threading.Thread(
                target=self._listen, name="hotline-change-listener", daemon=True
            )
            self._listener.start()
        else:
            self._poll.start()
            self._ask()

    def note_own_change(self) -> None:
        """This workstation has just written: one refresh, soon."""
        self._settle.start()

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

    def _settled(self) -> None:
        if self._listener is not None:
            self.changed.emit()  # PostgreSQL: each commit is heard once, no ids to keep
            return
        self._emit_when_answered = True
        self._ask()

    def _compare(self, newest: tuple[int, int, int]) -> None:
        self._answered()
        if self._emit_when_answered:
            self._emit_when_answered = False
            self._seen = newest
            self.changed.emit()
            return
        if self._seen is not None and newest != self._seen:
            self._settle.start()
        self._seen = newest

    def _answered(self) -> None:
        self._asking = False

    def _not_answered(self, failure: Failure) -> None:
        self._answered()
        if self._emit_when_answered:  # the refresh is owed; it will say what fails
            self._emit_when_answered = False
            self.changed.emit()
        if not failure.is_outage:  # a lost server shows in the status bar already
            self._tasks.report(failure)
