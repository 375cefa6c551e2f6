"""Database work off the GUI thread.

Each task runs on a worker thread with a database connection of its own and
hands its result back to the GUI thread through a queued signal; the window
never waits on the database. A task's error takes the one failure path: the worker
turns a driver's error into the project's own, the GUI thread sorts it
(``failures.understand``) and hands the ``Failure`` to the task's ``on_error``, or,
for a task that has none, to whoever listens to ``unhandled`` (the main window).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import Shiboken

from ...domain.language import Language
from ...services.environment import Environment
from ...store.failures import known_error
from .failures import Failure, understand


class _Carrier(QObject):
    """A task's voice: the runner (and its window) may be gone when a slow task ends,
    so the task emits through an object of its own; Qt drops a signal whose receiver
    has been deleted."""

    done = Signal(int, object)
    failed = Signal(int, object)


class TaskRunner(QObject):
    """Runs ``work()`` on a worker thread, then ``on_done(result)`` on the GUI thread."""

    busy_changed = Signal(bool)
    # A failure no task's on_error took: the window says it (a bug, a lost server).
    unhandled = Signal(object)

    def __init__(self, env: Environment, language: Language, parent=None):
        super().__init__(parent)
        self.env = env
        self.language = language
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._numbers = itertools.count()
        self._waiting: dict[int, tuple[Callable, Callable | None]] = {}
        self._closed = False

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Failure], None] | None = None,
    ) -> None:
        if self._closed:
            return  # the window is closing: nothing new may start on its database
        number = next(self._numbers)
        self._waiting[number] = (on_done, on_error)
        if len(self._waiting) == 1:
            self.busy_changed.emit(True)
        carrier = _Carrier()
        # Received by this QObject's slots: queued onto the GUI thread.
        carrier.done.connect(self._deliver)
        carrier.failed.connect(self._report)
        self._pool.start(_Task(self.env, work, number, carrier))

    def report(self, failure: Failure) -> None:
        """A failure that the task's own on_error leaves to the window to say."""
        self.unhandled.emit(failure)

    def is_busy(self) -> bool:
        return bool(self._waiting)

    def wait(self) -> None:
        """Block until every task has finished."""
        self._pool.waitForDone()

    def close(self) -> None:
        """Before the database closes: wait for the tasks under way and start no more,
        even those a late answer's callback would ask for."""
        self._closed = True
        self._pool.waitForDone()

    @Slot(int, object)
    def _deliver(self, number: int, result: Any) -> None:
        on_done, _on_error = self._take(number)
        on_done(result)

    @Slot(int, object)
    def _report(self, number: int, error: BaseException) -> None:
        _on_done, on_error = self._take(number)
        failure = understand(error, self.language)
        if on_error is None:
            self.unhandled.emit(failure)
        else:
            on_error(failure)

    def _take(self, number: int) -> tuple[Callable, Callable | None]:
        callbacks = self._waiting.pop(number)
        if not self._waiting:
            self.busy_changed.emit(False)
        return callbacks


def while_alive(widget: QObject, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """A worker's answer may come after ``widget`` was closed and deleted: then it is dropped."""

    def deliver(value) -> None:
        if Shiboken.isValid(widget):
            callback(value)

    return deliver


class _Task(QRunnable):
    def __init__(self, env: Environment, work, number: int, carrier: _Carrier):
        super().__init__()
        self.env = env
        self.work = work
        self.number = number
        self.carrier = carrier

    def run(self) -> None:
        try:
            with self.env.db.connection_context():
                result = self.work()
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread to report
            # Sorted here, where the driver's error is at hand: windows know no driver.
            self.carrier.failed.emit(self.number, known_error(error))
            return
        self.carrier.done.emit(self.number, result)
