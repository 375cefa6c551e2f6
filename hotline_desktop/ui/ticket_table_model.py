"""The ticket list as a Qt item model that fetches rows a page at a time.

A million tickets cost nothing until the view scrolls: the model asks the
service for the next page of the newest tickets only when the view needs it,
on a worker thread, and adds the rows when they arrive.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..services.ticket_list import TicketRow
from .tasks import TaskRunner

PAGE_SIZE = 200
Fetcher = Callable[[int | None, int], list[TicketRow]]
_Index = QModelIndex | QPersistentModelIndex


class TicketTableModel(QAbstractTableModel):
    def __init__(
        self, fetch_page: Fetcher, runner: TaskRunner, language: str = "zh_CN", parent=None
    ):
        super().__init__(parent)
        self._fetch_page = fetch_page
        self._runner = runner
        self._chinese = language.startswith("zh")
        self._rows: list[TicketRow] = []
        self._exhausted = False
        self._loading = False
        # Bumped by reload(): a page asked for before it belongs to the old list.
        self._generation = 0
        self._headers = (
            self.tr("Number"),
            self.tr("Received"),
            self.tr("Category"),
            self.tr("Caller"),
            self.tr("Employer"),
            self.tr("Unit"),
            self.tr("Status"),
            self.tr("Due"),
        )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        row = self._rows[index.row()]
        zh = self._chinese
        match index.column():
            case 0:
                return row.number
            case 1:
                return f"{row.created_at:%Y-%m-%d %H:%M}"
            case 2:
                return row.category_zh if zh else row.category_en
            case 3:
                return row.caller_phone
            case 4:
                return row.employer
            case 5:
                return row.unit_zh if zh else row.unit_en
            case 6:
                return row.status.zh if zh else row.status.en
            case 7:
                return f"{row.due_at:%Y-%m-%d %H:%M}" if row.due_at else ""
        return None

    def ticket_id(self, row: int) -> int:
        return self._rows[row].id

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._loading:
            return
        self._loading = True
        before = self._rows[-1].id if self._rows else None
        generation = self._generation
        self._runner.run(
            lambda: self._fetch_page(before, PAGE_SIZE),
            lambda page: self._add_page(page, generation),
        )

    def is_loading(self) -> bool:
        return self._loading

    def _add_page(self, page: list[TicketRow], generation: int) -> None:
        if generation != self._generation:
            return
        self._exhausted = len(page) < PAGE_SIZE
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        # Only now: the view asks for more while the rows go in, and must wait for them.
        self._loading = False

    def reload(self) -> None:
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self.fetchMore()
