"""The main window: for now, the list of every ticket, newest first."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMainWindow, QTableView

from ..services.environment import Environment
from ..services.ticket_list import list_tickets
from .ticket_table_model import TicketTableModel

MAX_COLUMN = 260  # pixels


class MainWindow(QMainWindow):
    def __init__(self, env: Environment, language: str, parent=None):
        super().__init__(parent)
        self.env = env
        self.setWindowTitle(self.tr("12351 Hotline Desk"))
        self.resize(1200, 720)

        self.model = TicketTableModel(
            lambda before, limit: list_tickets(env, None, before, limit), language, self
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        self.setCentralWidget(self.table)

        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.Refresh)
        refresh.triggered.connect(self.model.reload)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("&Tickets"))
        menu.addAction(refresh)
        menu.addSeparator()
        menu.addAction(quit_action)

        database = QLabel(self.tr("Database: %1").replace("%1", env.info.description), self)
        self.statusBar().addPermanentWidget(database)
        self.model.fetchMore()
        self.table.resizeColumnsToContents()
        # Long unit names (English ones above all) must not push the status off screen.
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN))
