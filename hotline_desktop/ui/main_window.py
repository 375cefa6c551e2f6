"""The main window: for now, the tickets the signed-in user may see, newest first."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMainWindow, QTableView

from ..domain.workflow import Actor
from ..services.environment import Environment
from ..services.ticket_list import list_tickets
from .connection_watch import ConnectionWatch
from .preferences_dialog import PreferencesDialog
from .tasks import TaskRunner
from .ticket_table_model import TicketTableModel

MAX_COLUMN = 260  # pixels


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
        self.env = env
        self.actor = actor
        self.settings = settings or QSettings()
        self.chinese = language.startswith("zh")
        self.setWindowTitle(self.tr("12351 Hotline Desk"))
        self.resize(1200, 720)

        self.tasks = TaskRunner(env, self)
        self.model = TicketTableModel(
            lambda before, limit: list_tickets(env, actor, before, limit),
            self.tasks,
            language,
            self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        self.setCentralWidget(self.table)
        self._build_menu()
        self._build_status_bar()

        self._sized = False
        self.model.rowsInserted.connect(self._size_columns_once)
        self.model.fetchMore()
        self.restoreGeometry(self.settings.value("main_window/geometry", b""))

    def _size_columns_once(self) -> None:
        """Fit the columns to the first page; after that they are the user's to resize."""
        if self._sized:
            return
        self._sized = True
        self.table.resizeColumnsToContents()
        # Long unit names (English ones above all) must not push the status off screen.
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN))

    def _build_menu(self) -> None:
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.Refresh)
        refresh.triggered.connect(self.model.reload)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        preferences = QAction(self.tr("&Preferences…"), self)
        preferences.setShortcut(QKeySequence.Preferences)
        preferences.triggered.connect(self.edit_preferences)
        menu = self.menuBar().addMenu(self.tr("&Tickets"))
        menu.addAction(refresh)
        menu.addSeparator()
        menu.addAction(preferences)
        menu.addAction(quit_action)

    def _build_status_bar(self) -> None:
        actor = self.actor
        unit = self.env.reference.unit(actor.unit_id)
        role = actor.role.zh if self.chinese else actor.role.en
        unit_name = unit.name_zh if self.chinese else unit.name_en
        self.user_label = QLabel(f"{actor.name} · {role} · {unit_name}", self)
        self.database_label = QLabel(self)
        self.database_label.setText(self._database_text(None, ""))
        # Shown while a worker waits on the database: a slow server shows, never freezes.
        self.busy_label = QLabel(self.tr("Loading…"), self)
        self.busy_label.hide()
        self.tasks.busy_changed.connect(self.busy_label.setVisible)
        bar = self.statusBar()
        bar.addWidget(self.user_label)
        bar.addWidget(self.busy_label)
        bar.addPermanentWidget(self.database_label)
        self.watch = ConnectionWatch(self.env, self)
        self.watch.checked.connect(self._show_reachability)
        self.watch.start()

    def _database_text(self, reachable: bool | None, reason: str) -> str:
        where = self.env.info.description
        if reachable is None:
            return self.tr("Database: %1").replace("%1", where)
        if reachable:
            return self.tr("Database: %1 (connected)").replace("%1", where)
        return (
            self.tr("Database: %1 (not reachable: %2)").replace("%1", where).replace("%2", reason)
        )

    def _show_reachability(self, reachable: bool, reason: str) -> None:
        self.database_label.setText(self._database_text(reachable, reason))
        self.database_label.setStyleSheet("" if reachable else "color: #c62828;")

    def edit_preferences(self) -> None:
        PreferencesDialog(self.settings, self).exec()

    def closeEvent(self, event) -> None:
        self.watch.stop()
        self.tasks.wait()
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
