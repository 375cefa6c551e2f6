"""The caller's earlier calls and tickets, shown beside the intake form as the phone is left."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ...domain.language import Language
from ...services.caller_history import CallerHistory
from ..common.roles import TICKET_ID_ROLE
from ..common.styles import WARNING_COLOUR

NOTICE_STYLE = f"background: #fff3e0; color: {WARNING_COLOUR}; font-weight: bold; padding: 4px;"
TIME = "%Y-%m-%d %H:%M"


class HistoryPanel(QGroupBox):
    """The caller's earlier calls and tickets, newest first."""

    def __init__(self, language: Language, parent=None):
        super().__init__(parent)
        self.language = language
        self.setTitle(self.tr("Earlier calls and tickets"))
        self.notice = QLabel(self)
        self.notice.setObjectName("repeat_notice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.status = QLabel(self.tr("Leave the phone field to see the caller's history."), self)
        self.status.setWordWrap(True)
        self.calls_list = self._list(
            (self.tr("Time"), self.tr("Kind"), self.tr("Category"), self.tr("Outcome"),
             self.tr("Description"))
        )  # fmt: skip
        self.tickets_list = self._list(
            (self.tr("Number"), self.tr("Created"), self.tr("Status"), self.tr("Category"),
             self.tr("Employer"))
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("Calls"), self))
        layout.addWidget(self.calls_list, 1)
        layout.addWidget(QLabel(self.tr("Tickets"), self))
        layout.addWidget(self.tickets_list, 1)
        self.setMinimumWidth(360)

    def _list(self, headers: tuple[str, ...]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(list(headers))
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        tree.header().setSectionResizeMode(QHeaderView.ResizeToContents)
        tree.header().setStretchLastSection(True)
        return tree

    def show_nothing(self) -> None:
        self._set_status(self.tr("Leave the phone field to see the caller's history."))

    def show_loading(self) -> None:
        self._set_status(self.tr("Looking up earlier calls…"))

    def show_failure(self, reason: str) -> None:
        self._set_status(self.tr("The history could not be read: %1").replace("%1", reason))

    def _set_status(self, text: str) -> None:
        self.notice.hide()
        self.status.setText(text)
        self.status.show()
        self.calls_list.clear()
        self.tickets_list.clear()

    def show_history(self, history: CallerHistory) -> None:
        self.calls_list.clear()
        self.tickets_list.clear()
        if not history.is_repeat:
            self._set_status(self.tr("No earlier calls from this number."))
            return
        notice = self.tr("Repeat caller: %1 earlier calls").replace("%1", str(history.call_count))
        if history.name:
            notice += " · " + self.tr("last known name: %1").replace("%1", history.name)
        self.notice.setText(notice)
        self.notice.show()
        self.status.hide()
        language = self.language
        for call in history.calls:
            if call.ticket_number:
                outcome = call.ticket_number
            elif call.answered_on_call:
                outcome = self.tr("Answered on the call")
            else:
                outcome = ""
            item = QTreeWidgetItem(
                [
                    call.received_at.strftime(TIME),
                    call.kind.label(language),
                    language.pick(call.category_zh, call.category_en),
                    outcome,
                    call.description,
                ]
            )
            item.setToolTip(4, call.description)
            self.calls_list.addTopLevelItem(item)
        for ticket in history.tickets:
            item = QTreeWidgetItem(
                [
                    ticket.number,
                    ticket.created_at.strftime(TIME),
                    ticket.status.label(language),
                    language.pick(ticket.category_zh, ticket.category_en),
                    ticket.employer,
                ]
            )
            item.setData(0, TICKET_ID_ROLE, ticket.id)
            self.tickets_list.addTopLevelItem(item)
