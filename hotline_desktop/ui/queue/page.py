"""The dispatch queue (派单队列): saved views, filters, search and the ticket table.

Unit handlers get the same page limited to their unit and the units under it (the
service scopes every query by role), opening on the tickets their unit must sign for.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.queue_marks import Deadline
from ...domain.vocabulary import Role, TicketStatus
from ...domain.workflow import Actor
from ...services.queue import QueueColumn, QueueFilter, SavedView, is_unit_scoped
from ..common.context import WindowContext
from ..common.failures import Failure, NoticeLabel
from ..common.roles import TICKET_ID_ROLE
from ..common.styles import ERROR_STYLE
from .model import QueueModel

SEARCH_DELAY_MS = 300
# Time left is shown to the minute: every minute the column is redrawn, and the views
# of deadlines read again, as tickets become due soon or overdue without anyone's edit.
CLOCK_TICK_MS = 60_000
MAX_COLUMN = 260  # pixels
# The earliest date a date filter offers; showing it means "no limit".
_NO_DATE = QDate(2000, 1, 1)

_CENTRE_VIEWS = (
    SavedView.TO_DISPATCH,
    SavedView.DUE_SOON,
    SavedView.OVERDUE,
    SavedView.TO_CALL_BACK,
    SavedView.MINE,
    SavedView.ALL,
)
_UNIT_VIEWS = (
    SavedView.TO_SIGN,
    SavedView.MINE,
    SavedView.DUE_SOON,
    SavedView.OVERDUE,
    SavedView.ALL,
)


def views_for(actor: Actor) -> tuple[SavedView, ...]:
    if actor.role == Role.UNIT_HANDLER:
        return _UNIT_VIEWS
    if actor.role == Role.LEADER:
        return (SavedView.ALL, SavedView.DUE_SOON, SavedView.OVERDUE)
    return _CENTRE_VIEWS


class QueuePage(QWidget):
    """Emits ``open_ticket(ticket_id)`` when the user opens a row."""

    open_ticket = Signal(int)

    def __init__(self, context: WindowContext, parent=None):
        super().__init__(parent)
        self.env = context.env
        self.actor = actor = context.actor
        self.language = context.language
        self.model = QueueModel(context, self)
        self._views = views_for(actor)
        self._build_views()
        self._build_filters()
        self._build_table()
        self.count_label = NoticeLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view_tabs)
        layout.addLayout(self._filter_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.model.counted.connect(self._show_count)
        self.model.load_failed.connect(self._show_failure)
        self.model.first_page_arrived.connect(self._size_columns_once)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        QShortcut(QKeySequence.Find, self, self.focus_search)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_TICK_MS)
        self._clock.timeout.connect(self._minute_passed)
        self._clock.start()
        self._sized = False
        self.apply_filters()

    # ---- building ----

    def _build_views(self) -> None:
        self.view_tabs = QTabBar(self)
        self.view_tabs.setFocusPolicy(Qt.StrongFocus)
        for view in self._views:
            self.view_tabs.addTab(view.label(self.language))
        self.view_tabs.currentChanged.connect(self.apply_filters)

    def _build_filters(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(
            self.tr("Search number, caller, employer, description (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(260)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_filters)

        self.status_combo = self._combo(
            self.tr("Any status"),
            # The value, not the member: Qt hands a str enum back as a plain str.
            [(s.label(self.language), s.value) for s in TicketStatus],
        )
        self.deadline_combo = self._combo(
            self.tr("Any deadline"),
            [(self.tr("Due soon"), Deadline.DUE_SOON), (self.tr("Overdue"), Deadline.OVERDUE)],
        )
        self.unit_combo = self._combo(self.tr("Any unit"), self._unit_choices())
        reference = self.env.reference
        self.category_combo = self._combo(
            self.tr("Any category"),
            [(c.label(self.language), c.id) for c in reference.categories()],
        )
        self.form_combo = self._combo(
            self.tr("Any employment form"),
            [(f.label(self.language), f.id) for f in reference.employment_forms()],
        )
        self.from_edit = self._date_edit(self.tr("Received from: any"), self.tr("from %1"))
        self.to_edit = self._date_edit(self.tr("Received until: any"), self.tr("until %1"))
        self.clear_button = QPushButton(self.tr("C&lear filters"), self)
        self.clear_button.clicked.connect(self.clear_filters)

        # Two rows: the queue must fit a 1280-pixel screen beside the navigation.
        rows = QGridLayout()
        rows.addWidget(self.search_edit, 0, 0, 1, 2)
        rows.addWidget(self.status_combo, 0, 2)
        rows.addWidget(self.deadline_combo, 0, 3)
        rows.addWidget(self.clear_button, 0, 4)
        for column, widget in enumerate(
            (self.unit_combo, self.category_combo, self.form_combo, self.from_edit, self.to_edit)
        ):
            rows.addWidget(widget, 1, column)
        for column in range(5):
            rows.setColumnStretch(column, 1)
        self._filter_row = rows

    def _combo(self, anything: str, choices: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(anything, None)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setMinimumContentsLength(6)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.currentIndexChanged.connect(self.apply_filters)
        return combo

    def _unit_choices(self) -> list[tuple[str, int]]:
        """The org tree, indented, from the actor's own unit down for unit roles."""
        top = (
            self.env.reference.unit(self.actor.unit_id).path if is_unit_scoped(self.actor) else "/"
        )
        depth = top.count("/")
        return [
            ("\u3000" * (u.path.count("/") - depth) + u.label(self.language), u.id)
            for u in self.env.reference.units_in_tree_order(top)
        ]

    def _date_edit(self, nothing: str, shown: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(_NO_DATE)
        # Qt shows this text when the date is at its minimum: the filter is off.
        edit.setSpecialValueText(nothing)
        edit.setDate(_NO_DATE)
        edit.setDisplayFormat(shown.replace("%1", "yyyy-MM-dd"))
        # The popup opens on this month, not on the "no limit" date of 2000.
        today = QDate.currentDate()
        edit.calendarWidget().setCurrentPage(today.year(), today.month())
        # Each arrow press or typed digit is a new date: wait until the user pauses.
        edit.dateChanged.connect(lambda _date: self._search_timer.start())
        return edit

    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # A million rows: every row the same height, so Qt never measures them.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        # The time left reads "剩余签收时间 2天23小时": always wide enough for it.
        header.setSectionResizeMode(QueueColumn.TIME_LEFT, QHeaderView.ResizeToContents)
        # Measure the rows on screen only: elsewhere they are not loaded.
        header.setResizeContentsPrecision(0)
        # The indicator first: enabling sorting sorts by it, which is the model's order.
        header.setSortIndicator(QueueColumn.RECEIVED, Qt.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)

    # ---- behaviour ----

    def current_view(self) -> SavedView:
        return self._views[max(self.view_tabs.currentIndex(), 0)]

    def show_view(self, view: SavedView) -> None:
        self.view_tabs.setCurrentIndex(self._views.index(view))

    def current_filter(self) -> QueueFilter:
        return QueueFilter(
            view=self.current_view(),
            status=_status(self.status_combo.currentData()),
            deadline=self.deadline_combo.currentData(),
            unit_id=self.unit_combo.currentData(),
            category_id=self.category_combo.currentData(),
            employment_form_id=self.form_combo.currentData(),
            received_from=_chosen_date(self.from_edit),
            received_to=_chosen_date(self.to_edit),
            text=self.search_edit.text().strip(),
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        if self.model.set_filter(self.current_filter()):
            self.count_label.say(self.tr("Counting…"))

    def clear_filters(self) -> None:
        for combo in (
            self.status_combo,
            self.deadline_combo,
            self.unit_combo,
            self.category_combo,
            self.form_combo,
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(True)
            edit.setDate(_NO_DATE)
            edit.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.apply_filters()

    def refresh(self) -> None:
        self.model.refresh()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _minute_passed(self) -> None:
        queue = self.model.current_filter()
        if queue.deadline is not None or queue.view in (SavedView.DUE_SOON, SavedView.OVERDUE):
            self.model.refresh()
        else:
            self.model.time_passed()

    def _open(self, index) -> None:
        ticket_id = index.data(TICKET_ID_ROLE)
        if ticket_id is not None:
            self.open_ticket.emit(ticket_id)

    def _show_count(self, total: int) -> None:
        self.count_label.say(self.tr("%1 tickets").replace("%1", f"{total:,}"))

    def _show_failure(self, failure: Failure) -> None:
        text = self.tr("The tickets could not be read: %1").replace("%1", failure.text)
        self.count_label.say_failure(failure, text, ERROR_STYLE)

    def _size_columns_once(self) -> None:
        """Fit the columns to the first page; after that they are the user's to resize."""
        if self._sized:
            return
        self._sized = True
        self.table.resizeColumnsToContents()
        # Long unit names (English ones above all) must not push the status off screen.
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN))


def _chosen_date(edit: QDateEdit) -> date | None:
    chosen = edit.date()
    return None if chosen == _NO_DATE else chosen.toPython()


def _status(value: str | None) -> TicketStatus | None:
    return None if value is None else TicketStatus(value)
