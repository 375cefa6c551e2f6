"""Database work off the GUI thread.

Each task runs on a worker thread with a database connection of its own and
hands its result back to the GUI thread through a queued signal; the window
never waits on the database.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import Shiboken

from ...services.environment import Environment


class _Carrier(QObject):
    """A task's voice: the runner (and its window) may be gone when a slow task ends,
    so the task emits through an object of its own; Qt drops a signal whose receiver
    has been deleted."""

    done = Signal(int, object)
    failed = Signal(int, object)


class TaskRunner(QObject):
    """Runs ``work()`` on a worker thread, then ``on_done(result)`` on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, env: Environment, parent=None):
        super().__init__(parent)
        self.env = env
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._numbers = itertools.count()
        self._waiting: dict[int, tuple[Callable, Callable | None]] = {}
        self._closed = False

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
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
    def _report(self, number: int, error: Exception) -> None:
        _on_done, on_error = self._take(number)
        if on_error is None:
            raise error
        on_error(error)

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


def first_line(error: Exception) -> str:
    """What a status bar has room for: a driver's message may run to many lines."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


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
            self.carrier.failed.emit(self.number, error)
            return
        self.carrier.done.emit(self.number, result)
