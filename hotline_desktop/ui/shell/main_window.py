"""The main window: a navigation list on the left, the chosen part of the app on the right.

The parts a user sees depend on the role: agents and dispatchers take calls (F2 from
anywhere) and work the dispatch queue; unit handlers work their unit's queue. Opening a
ticket shows it in the ticket view, whose place in the navigation stays for the last
ticket opened.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ...config import folders
from ...domain.vocabulary import Role
from ...domain.workflow import INTAKE_ROLES, Actor, Step
from ...services.alert_actions import ALERT_HANDLERS
from ...services.environment import Environment
from ...services.queue import is_unit_scoped
from ..alerts.centre import AlertCentre
from ..alerts.notifier import AlertNotifier
from ..alerts.risk_rules_dialog import RiskRulesDialog
from ..alerts.time_limit_sweeper import TimeLimitSweeper
from ..common.context import WindowContext
from ..common.failures import Failure, FailureKind, show_failure
from ..common.styles import ERROR_STYLE
from ..intake.drafts import DraftStore
from ..intake.form import IntakeForm
from ..queue.page import QueuePage
from ..ticket.view import TicketView
from .change_watch import ChangeWatch
from .connection_watch import ConnectionWatch
from .preferences import Preferences
from .preferences_dialog import PreferencesDialog

NAVIGATION_WIDTH = 170  # pixels
# Who sees the alert centre: the centre that works the alerts, the leaders and admins
# who watch them. Units hear of theirs as reminders in their queue.
ALERT_READERS = (*ALERT_HANDLERS, Role.LEADER, Role.ADMIN)


class MainWindow(QMainWindow):
    def __init__(
        self,
        env: Environment,
        actor: Actor,
        language: str,
        settings: QSettings | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.context = WindowContext.create(env, actor, language, self)
        self.env = env
        self.actor = actor
        self.language = self.context.language
        self.settings = settings or QSettings()
        self.setWindowTitle(self.tr("12351 Hotline Desk"))
        self.resize(1280, 760)

        self.tasks = self.context.tasks
        self.tasks.unhandled.connect(self.say_failure)
        self._bug_box = None  # one at a time: a bug met at every poll must not pile them up
        self.navigation = QListWidget(self)
        self.navigation.setFixedWidth(NAVIGATION_WIDTH)
        self.pages = QStackedWidget(self)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self._actions: list[QAction] = []

        self.intake: IntakeForm | None = None
        if actor.role in INTAKE_ROLES[Step.LOG_CALL]:
            drafts = DraftStore(folders.data_dir() / "drafts" / f"intake-{actor.user_id}.json")
            self.intake = IntakeForm(self.context, drafts, self)
            self._add_page(self.intake, self.tr("Call intake"), "F2")
        self.queue = QueuePage(self.context, self)
        queue_name = self.tr("My unit's tickets") if is_unit_scoped(actor) else self.tr("Queue")
        self._add_page(self.queue, queue_name, "F3")
        self.ticket_view = TicketView(self.context, self)
        # Listed once a ticket has been opened: before that there is nothing to show.
        self.ticket_entry = self._add_page(self.ticket_view, self.tr("Ticket"), "F4")
        self.ticket_entry.setHidden(True)
        self.alerts: AlertCentre | None = None
        if actor.role in ALERT_READERS:
            self.alerts = AlertCentre(self.context, self)
            self.alerts_entry = self._add_page(self.alerts, self.tr("Alert centre"), "F5")
            self.alerts.open_ticket.connect(self.open_ticket)
        self.queue.open_ticket.connect(self.open_ticket)
        if self.intake is not None:
            self.intake.open_ticket.connect(self.open_ticket)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        # Agents start on intake; everyone else on their queue.
        self.show_page(self.intake if actor.role == Role.AGENT else self.queue)

        self._build_menu()
        self._build_status_bar()
        self.changes = ChangeWatch(self.context, self)
        self.changes.changed.connect(self._data_changed)
        # This workstation's own writes take the same channel as the others': one refresh.
        if self.intake is not None:
            self.intake.saved.connect(self.changes.note_own_change)
        self.ticket_view.ticket_changed.connect(self.changes.note_own_change)
        if self.alerts is not None:
            self.alerts.acted.connect(self.changes.note_own_change)
        self.notifier: AlertNotifier | None = None
        self.sweeper: TimeLimitSweeper | None = None
        if self.alerts is not None:
            self._watch_alerts()
        self.changes.start()
        self.restoreGeometry(self.settings.value("main_window/geometry", b""))

    def _watch_alerts(self) -> None:
        """The count of unacknowledged alerts in the navigation and the status bar, and
        a notification of each new high-level alert."""
        self.alerts.unacknowledged.connect(self._show_unacknowledged)
        sound = Preferences.read(self.settings).alert_sound
        self.notifier = AlertNotifier(self.context, sound, self)
        self.notifier.activated.connect(self._show_alerts)
        self.notifier.start()
        if self.actor.role in ALERT_HANDLERS:
            self.sweeper = TimeLimitSweeper(self.context, self)
            self.sweeper.start()
        self.alerts.refresh()

    def _show_unacknowledged(self, count: int) -> None:
        name = self.tr("Alert centre")
        text = f"{name} ({count})\tF5" if count else f"{name}\tF5"
        self.alerts_entry.setText(text)
        self.alert_count_label.setText(
            self.tr("Unacknowledged alerts: %1").replace("%1", str(count))
        )
        self.alert_count_label.setStyleSheet(ERROR_STYLE if count else "")

    def _show_alerts(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.show_page(self.alerts)

    def _add_page(self, page: QWidget, name: str, shortcut: str) -> QListWidgetItem:
        """A page in the stack, its entry in the navigation, and a key that shows it."""
        self.pages.addWidget(page)
        item = QListWidgetItem(f"{name}\t{shortcut}", self.navigation)
        action = QAction(name, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.WindowShortcut)
        action.triggered.connect(lambda: self.show_page(page))
        self.addAction(action)
        self._actions.append(action)
        return item

    def show_page(self, page: QWidget) -> None:
        row = self.pages.indexOf(page)
        if not self.navigation.item(row).isHidden():
            self.navigation.setCurrentRow(row)
        if page is self.intake:
            # F2 from anywhere: ready for the next call, typing not yet saved kept.
            self.intake.start_new()

    def open_ticket(self, ticket_id: int) -> None:
        self.ticket_entry.setHidden(False)
        self.ticket_view.show_ticket(ticket_id)
        self.show_page(self.ticket_view)

    def _data_changed(self) -> None:
        self.queue.refresh()
        if self.alerts is not None:
            self.alerts.refresh()
            self.notifier.check()
        # A step dialog open on the ticket keeps the version it was opened with: the
        # service then says who changed the ticket, and nothing typed is lost.
        if self.ticket_view.dialog is None:
            self.ticket_view.reload_if_changed()

    def _build_menu(self) -> None:
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.Refresh)
        refresh.triggered.connect(self.queue.refresh)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        preferences = QAction(self.tr("&Preferences…"), self)
        preferences.setShortcut(QKeySequence.Preferences)
        preferences.triggered.connect(self.edit_preferences)
        menu = self.menuBar().addMenu(self.tr("&Tickets"))
        menu.addAction(refresh)
        menu.addSeparator()
        if self.actor.role == Role.ADMIN:
            rules = QAction(self.tr("Risk &rules…"), self)
            rules.triggered.connect(self.edit_risk_rules)
            menu.addAction(rules)
        menu.addAction(preferences)
        menu.addAction(quit_action)
        go = self.menuBar().addMenu(self.tr("&Go"))
        for action in self._actions:
            go.addAction(action)

    def _build_status_bar(self) -> None:
        actor = self.actor
        unit = self.env.reference.unit(actor.unit_id)
        role, unit_name = actor.role.label(self.language), unit.label(self.language)
        self.user_label = QLabel(f"{actor.name} · {role} · {unit_name}", self)
        self.database_label = QLabel(self)
        self.database_label.setText(
            self.tr("Database: %1").replace("%1", self.env.info.description)
        )
        # Shown while a worker waits on the database: a slow server shows, never freezes.
        self.busy_label = QLabel(self.tr("Loading…"), self)
        # The queue's first page may be on its way already.
        self.busy_label.setVisible(self.tasks.is_busy())
        self.tasks.busy_changed.connect(self.busy_label.setVisible)
        bar = self.statusBar()
        bar.addWidget(self.user_label)
        bar.addWidget(self.busy_label)
        # Always in sight for those who watch the alerts, whatever page is open.
        self.alert_count_label = QLabel(self)
        self.alert_count_label.setObjectName("alert_count")
        self.alert_count_label.setVisible(self.alerts is not None)
        bar.addPermanentWidget(self.alert_count_label)
        bar.addPermanentWidget(self.database_label)
        self.watch = ConnectionWatch(self.context, self)
        self.watch.checked.connect(self._show_reachability)
        self.watch.start()

    def _show_reachability(self, failure: Failure | None) -> None:
        where = self.env.info.description
        if failure is None:
            self.database_label.setText(self.tr("Database: %1 (connected)").replace("%1", where))
            self.database_label.setToolTip("")
        else:
            text = self.tr("Database: %1 (not reachable: %2)")
            self.database_label.setText(text.replace("%1", where).replace("%2", failure.text))
            # The driver's words for whoever looks after the server; not in the bar.
            self.database_label.setToolTip(failure.detail)
        self.database_label.setStyleSheet("" if failure is None else ERROR_STYLE)

    def say_failure(self, failure: Failure) -> None:
        """What went wrong in work no page answers for itself (a background look, a
        poll): a bug in a message box, anything else in the status bar for a while."""
        if failure.kind is not FailureKind.BUG:
            self.statusBar().showMessage(failure.text, 15_000)
            return
        if self._bug_box is None:
            self._bug_box = show_failure(self, failure)
            self._bug_box.finished.connect(self._bug_seen)

    def _bug_seen(self) -> None:
        self._bug_box = None

    def edit_preferences(self) -> None:
        PreferencesDialog(self.settings, self).exec()
        if self.notifier is not None:
            self.notifier.sound = Preferences.read(self.settings).alert_sound

    def edit_risk_rules(self) -> None:
        dialog = RiskRulesDialog(self.context, self)
        dialog.saved.connect(
            lambda rules: self.statusBar().showMessage(
                self.tr("Risk rules saved as version %1").replace("%1", str(rules.version)), 10_000
            )
        )
        dialog.open()

    def closeEvent(self, event) -> None:
        self.watch.stop()
        self.changes.stop()
        if self.sweeper is not None:
            self.sweeper.stop()
        self.tasks.close()
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
