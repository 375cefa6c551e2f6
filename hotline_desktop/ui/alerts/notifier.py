"""Tells the user of new high-level alerts: a desktop notification from the system tray,
and a sound if the user wants one.

It looks when the change watch says something changed, so a new alert raised on any
workstation is announced within the watch's delay. Alerts raised before the window
opened are not announced: the alert centre lists them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from ...domain.risk_rules import AlertLevel
from ...services.alert_list import AlertRow, alerts_after, newest_alert_id
from ..common.context import WindowContext
from ..common.failures import Failure
from ..common.phrases import in_language

NOTIFICATION_MS = 15_000
LOOK_BACK = 50  # alert ids


class AlertNotifier(QObject):
    # The new high-level alerts just announced: the tray shows them, tests read them.
    announced = Signal(list)
    # The user clicked the notification: show the alert centre.
    activated = Signal()

    def __init__(self, context: WindowContext, sound: bool, parent=None):
        super().__init__(parent)
        self.env = context.env
        self.tasks = context.tasks
        self.language = context.language
        self.sound = sound
        self._seen: int | None = None
        # Ids commit out of order on a server (a sweep's alert may commit before an
        # intake's with a lower id): each look goes back a little, and announces an
        # alert once.
        self._announced: set[int] = set()
        self._looking = False
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = QApplication.style().standardIcon(QStyle.SP_MessageBoxWarning)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("12351 Hotline Desk"))
            self.tray.messageClicked.connect(self.activated)
            self.tray.activated.connect(lambda _reason: self.activated.emit())
            self.tray.show()

    def start(self) -> None:
        env = self.env
        # A database away at the start: the next change asks again.
        self.tasks.run(lambda: newest_alert_id(env), self._set_seen, self._not_read)

    def _set_seen(self, newest: int) -> None:
        if self._seen is None:
            self._seen = newest
            # What was there before the window opened is the alert centre's to list.
            self._announced = set(range(max(0, newest - LOOK_BACK), newest + 1))

    def check(self) -> None:
        """Look for alerts raised since the last look."""
        if self._seen is None:
            self.start()
            return
        if self._looking:
            return
        self._looking = True
        env, since = self.env, max(0, self._seen - LOOK_BACK)
        self.tasks.run(lambda: alerts_after(env, since), self._announce, self._failed)

    def _failed(self, failure: Failure) -> None:
        self._looking = False
        self._not_read(failure)

    def _not_read(self, failure: Failure) -> None:
        if not failure.is_outage:  # a lost server shows in the status bar already
            self.tasks.report(failure)

    def _announce(self, rows: list[AlertRow]) -> None:
        self._looking = False
        rows = [row for row in rows if row.id not in self._announced]
        if not rows:
            return
        self._announced.update(row.id for row in rows)
        self._seen = max(self._seen or 0, *(row.id for row in rows))
        self._announced = {i for i in self._announced if i > self._seen - LOOK_BACK}
        urgent = [row for row in rows if row.level == AlertLevel.HIGH]
        if not urgent:
            return
        if self.tray is not None:
            self.tray.showMessage(
                self._title(urgent), self._text(urgent), QSystemTrayIcon.Warning, NOTIFICATION_MS
            )
        if self.sound:
            QApplication.beep()
        self.announced.emit(urgent)

    def _title(self, rows: list[AlertRow]) -> str:
        if len(rows) == 1:
            return self.tr("New alert: %1").replace("%1", rows[0].ticket_number)
        return self.tr("%1 new alerts").replace("%1", str(len(rows)))

    def _text(self, rows: list[AlertRow]) -> str:
        lines = []
        for row in rows[:5]:
            kind = row.kind.label(self.language)
            reason = in_language(row.reason, self.language)
            lines.append(f"{kind} · {row.ticket_number} · {reason}")
        return "\n".join(lines)
