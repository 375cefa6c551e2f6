"""The ticket queue as a Qt item model over any number of tickets.

The model knows how many rows the filter matches and holds only the pages the view has
painted lately. A row nobody has looked at costs nothing; a row painted before its page
has arrived shows empty until the page comes back from a worker thread. Pages asked for
while the user drags the scroll bar are fetched only if they are still on screen once
the dragging pauses.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from ...domain.queue_marks import Deadline, deadline_state
from ...domain.workflow import Actor
from ...services.environment import Environment
from ...services.queue import (
    PAGE_SIZE,
    QueueColumn,
    QueueFilter,
    QueueOrder,
    QueueRow,
    queue_count,
    queue_page,
)
from ..common.context import WindowContext
from ..common.failures import Failure
from ..common.roles import TICKET_ID_ROLE
from ..common.styles import ERROR_COLOUR, WARNING_COLOUR
from ..common.time_left import describe_due

# Pages kept in memory: a few screens either side of where the user has been.
MAX_PAGES = 40
# Pages asked for within this time are fetched together, once the view is still.
FETCH_DELAY_MS = 40
# A refresh fetches again the pages the user has looked at most recently.
REFRESHED_PAGES = 3

OVERDUE_COLOUR = QColor(ERROR_COLOUR)
DUE_SOON_COLOUR = QColor(WARNING_COLOUR)
_ANSWERED_ROLES = frozenset({Qt.DisplayRole, Qt.ForegroundRole, Qt.ToolTipRole, TICKET_ID_ROLE})
_Index = QModelIndex | QPersistentModelIndex
_C = QueueColumn


@dataclass(frozen=True)
class _PageRequest:
    after: tuple | None = None
    offset: int = 0
    from_end: bool = False
    limit: int | None = None  # a whole page


class QueueModel(QAbstractTableModel):
    """Emits ``counted(total)`` when the filter's total is known, ``first_page_arrived``
    when the first page of a new filter or sort is in, ``load_failed(failure)`` when the
    tickets could not be read."""

    counted = Signal(int)
    first_page_arrived = Signal()
    load_failed = Signal(object)  # Failure

    def __init__(self, context: WindowContext, parent=None):
        super().__init__(parent)
        self._env = context.env
        self._actor = context.actor
        self._runner = context.tasks
        self._language = context.language
        self._filter = QueueFilter()
        self._order = QueueOrder()
        self._pages: OrderedDict[int, list[QueueRow]] = OrderedDict()
        # Each page's freshness: the number of refreshes asked for before it was read.
        self._read_after: dict[int, int] = {}
        self._pending: set[int] = set()
        self._wanted: list[int] = []
        self._total: int | None = None
        self._shown = 0
        self._started = False  # nothing is read before the window says what to show
        self._counting = False
        # Bumped at every reset: an answer to an older question is thrown away.
        self._generation = 0
        # Bumped at every refresh: of two refreshes in flight, only the later one counts.
        self._refreshes = 0
        self._applied_refresh = 0  # pages read before this refresh's answer are stale
        self._refreshing = False
        self._refresh_again = False
        self._fetch_timer = QTimer(self)
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(FETCH_DELAY_MS)
        self._fetch_timer.timeout.connect(self._fetch_wanted)
        self._headers = (
            self.tr("Number"),
            self.tr("Received"),
            self.tr("Category"),
            self.tr("Caller"),
            self.tr("Employer"),
            self.tr("Unit"),
            self.tr("Status"),
            self.tr("Time left"),
            self.tr("Marks"),
        )

    # ---- what the view asks ----

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.DisplayRole):
        # A repaint asks each cell for a dozen roles: the others must cost nothing.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = _C(index.column())
        if role == Qt.DisplayRole:
            return self._text(row, column)
        if role == TICKET_ID_ROLE:
            return row.id
        if role == Qt.ForegroundRole and column == _C.TIME_LEFT:
            state = deadline_state(row.due, self._env.now())
            if state == Deadline.OVERDUE:
                return QBrush(OVERDUE_COLOUR)
            if state == Deadline.DUE_SOON:
                return QBrush(DUE_SOON_COLOUR)
        if role == Qt.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _text(self, row: QueueRow, column: _C) -> str:
        language = self._language
        reference = self._env.reference
        match column:
            case _C.NUMBER:
                return row.number
            case _C.RECEIVED:
                return f"{row.created_at:%Y-%m-%d %H:%M}"
            case _C.CATEGORY:
                return reference.category(row.category_id).label(language)
            case _C.CALLER:
                return row.caller_phone
            case _C.EMPLOYER:
                return row.employer
            case _C.UNIT:
                if row.unit_id is None:
                    return ""
                return reference.unit(row.unit_id).label(language)
            case _C.STATUS:
                return row.status.label(language)
            case _C.TIME_LEFT:
                due = row.due
                return describe_due(due, self._env.now()) if due else ""
            case _C.MARKS:
                # One character each in Chinese, a word each in English.
                return language.pick(" ", ", ").join(m.label(language) for m in row.marks)
        return ""

    def _tooltip(self, row: QueueRow, column: _C) -> str | None:
        if column == _C.MARKS and row.marks:
            return "\n".join(mark.meaning(self._language) for mark in row.marks)
        if column == _C.TIME_LEFT and (due := row.due) is not None:
            return self.tr("Due %1").replace("%1", f"{due.at:%Y-%m-%d %H:%M}")
        return None

    def row_at(self, row: int) -> QueueRow | None:
        """The row if its page is here; else ask for the page and say None for now."""
        number, place = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            self._want(number)
            return None
        self._pages.move_to_end(number)
        return page[place] if place < len(page) else None

    def row_of_ticket(self, ticket_id: int) -> int | None:
        for number, page in self._pages.items():
            for place, row in enumerate(page):
                if row.id == ticket_id:
                    return number * PAGE_SIZE + place
        return None

    def total(self) -> int | None:
        return self._total

    def is_loading(self) -> bool:
        return bool(self._pending or self._wanted)

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        self.set_order(QueueOrder(_C(column), order == Qt.DescendingOrder))

    # ---- what the window asks ----

    def set_filter(self, queue: QueueFilter) -> bool:
        """Show the tickets ``queue`` selects; False if it is what is shown already."""
        if queue == self._filter and self._started:
            return False
        self._filter = queue
        self.reset()
        return True

    def set_order(self, order: QueueOrder) -> None:
        if order != self._order:
            self._order = order
            # Before the first filter arrives there is nothing to sort yet.
            if self._started:
                self.reset()

    def current_filter(self) -> QueueFilter:
        return self._filter

    def reset(self) -> None:
        """Start over: the first page and the count of the current filter and sort."""
        self._started = True
        self.beginResetModel()
        self._generation += 1
        self._pages.clear()
        self._read_after.clear()
        self._pending.clear()
        self._wanted.clear()
        self._total = None
        self._shown = 0
        self.endResetModel()
        generation, queue = self._generation, self._filter
        self._fetch(0, _PageRequest())
        self._counting = True
        self._runner.run(
            lambda: queue_count(self._env, self._actor, queue),
            lambda total: self._counted(total, generation),
            lambda failure: self._count_failed(failure, generation),
        )

    def _counted(self, total: int, generation: int) -> None:
        if generation == self._generation:
            self._counting = False
        self._take_total(total, generation)

    def _count_failed(self, failure: Failure, generation: int) -> None:
        if generation == self._generation:
            self._counting = False
        self._failed(failure, generation)

    def refresh(self) -> None:
        """Read again what is on screen, after another workstation's change: the rows keep
        their selection (by ticket, not by row) and the view keeps its scroll position."""
        if not self._started:
            return
        if self._total is None:
            if not self._counting:
                # The count never came (a lost server): nothing short of starting over helps.
                self.reset()
            return  # else the load under way reads everything anyway
        if self._refreshing:
            # One at a time: on a busy hotline the changes keep coming, and answers that
            # overtook each other would all be thrown away. One more follows this one.
            self._refresh_again = True
            return
        self._refreshing = True
        self._refreshes += 1
        generation, refresh, queue, order = (
            self._generation,
            self._refreshes,
            self._filter,
            self._order,
        )
        # The pages looked at last, and those holding a selected or current row: a ticket
        # the user chose must be found again wherever it has moved.
        wanted = set(list(self._pages)[-REFRESHED_PAGES:])
        wanted.update(index.row() // PAGE_SIZE for index in self.persistentIndexList())
        # Pages on their way are read again too: the answer will replace them.
        wanted.update(self._pending)
        env, actor = self._env, self._actor

        def read_again() -> tuple[int, dict[int, list[QueueRow]]]:
            total = queue_count(env, actor, queue)
            pages = {}
            for number in sorted(wanted):
                request = _positioned(number, total)
                if request is not None:
                    pages[number] = _read(env, actor, queue, order, request)
            return total, pages

        self._runner.run(
            read_again,
            lambda result: self._refreshed(lambda: self._take_refresh(result, generation, refresh)),
            lambda failure: self._refreshed(lambda: self._failed(failure, generation)),
        )

    def _refreshed(self, take: Callable[[], None]) -> None:
        self._refreshing = False
        take()
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def time_passed(self) -> None:
        """Redraw the time left: the deadlines stay, the clock moves."""
        if self._shown:
            column = _C.TIME_LEFT
            self.dataChanged.emit(self.index(0, column), self.index(self._shown - 1, column))

    # ---- pages ----

    def _want(self, number: int) -> None:
        if number not in self._pending and number not in self._wanted:
            self._wanted.append(number)
            self._fetch_timer.start()

    def _fetch_wanted(self) -> None:
        wanted, self._wanted = self._wanted, []
        for number in wanted:
            request = self._request_for(number)
            if request is not None:
                self._fetch(number, request)

    def _request_for(self, number: int) -> _PageRequest | None:
        """From a neighbour's edge row when there is one, else by the nearer end."""
        before = self._pages.get(number - 1)
        if before is not None and len(before) == PAGE_SIZE:
            return _PageRequest(after=before[-1].key)
        following = self._pages.get(number + 1)
        if following:
            return _PageRequest(after=following[0].key, from_end=True)
        return _positioned(number, self._total)

    def _fetch(self, number: int, request: _PageRequest) -> None:
        self._pending.add(number)
        generation, queue, order = self._generation, self._filter, self._order
        env, actor = self._env, self._actor
        asked_at, by_place = self._refreshes, request.after is None
        self._runner.run(
            lambda: _read(env, actor, queue, order, request),
            lambda rows: self._take_page(number, rows, generation, asked_at, by_place),
            lambda failure: self._failed(failure, generation, number),
        )

    def _take_page(
        self,
        number: int,
        rows: list[QueueRow],
        generation: int,
        asked_at: int,
        by_place: bool,
    ) -> None:
        if generation != self._generation:
            return
        self._pending.discard(number)
        if asked_at < self._applied_refresh:
            # Read before the last refresh's answer: older than what is shown. Painting
            # the rows again asks for the page again.
            first = number * PAGE_SIZE
            last = min(first + PAGE_SIZE, self._shown) - 1
            if last >= first:
                self.dataChanged.emit(
                    self.index(first, 0), self.index(last, self.columnCount() - 1)
                )
            return
        self._pages[number] = rows
        # A page found from a neighbour's edge row is only as right as that neighbour:
        # only one found by its place in the list may outlive a refresh.
        self._read_after[number] = asked_at if by_place else -1
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        if number == 0:
            if self._total is None:
                # The count may take longer than the page: show the page meanwhile.
                self._resize(len(rows))
                if len(rows) < PAGE_SIZE:
                    self._take_total(len(rows), generation)
            self.first_page_arrived.emit()
        first = number * PAGE_SIZE
        last = min(first + len(rows), self._shown) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._headers) - 1))

    def _failed(self, failure: Failure, generation: int, page: int | None = None) -> None:
        if generation != self._generation:
            return
        if page is not None:
            # Painting the rows again asks for the page again.
            self._pending.discard(page)
        self.load_failed.emit(failure)

    def _take_total(self, total: int, generation: int) -> None:
        if generation != self._generation or self._total == total:
            return
        self._total = total
        self._resize(total)
        self.counted.emit(total)

    def _resize(self, rows: int) -> None:
        if rows > self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, rows - 1)
            self._shown = rows
            self.endInsertRows()
        elif rows < self._shown:
            self.beginRemoveRows(QModelIndex(), rows, self._shown - 1)
            self._shown = rows
            self.endRemoveRows()

    def _take_refresh(self, result, generation: int, refresh: int) -> None:
        if generation != self._generation:
            return
        self._applied_refresh = refresh
        total, pages = result
        self._total = total
        self._resize(total)
        self.layoutAboutToBeChanged.emit()
        old = {index: self.ticket_id_at(index.row()) for index in self.persistentIndexList()}
        # A page that arrived after this refresh was asked for is as fresh as its answer:
        # it stays; the others are replaced by what was read again, or dropped.
        fresh = {
            number: rows
            for number, rows in self._pages.items()
            if self._read_after.get(number, -1) >= refresh and number not in pages
        }
        self._pages = OrderedDict(sorted({**fresh, **pages}.items()))
        for number in pages:
            self._read_after[number] = refresh
        for index, ticket_id in old.items():
            moved = self.row_of_ticket(ticket_id) if ticket_id is not None else None
            if moved is None:
                # Gone from this view (dispatched by somebody else, say): nothing stays
                # selected rather than another ticket that moved into its row.
                self.changePersistentIndex(index, QModelIndex())
            elif moved != index.row():
                self.changePersistentIndex(index, self.index(moved, index.column()))
        self.layoutChanged.emit()
        self.counted.emit(total)

    def ticket_id_at(self, row: int) -> int | None:
        """The ticket at ``row`` if its page is here, without asking for it."""
        page = self._pages.get(row // PAGE_SIZE)
        place = row % PAGE_SIZE
        return page[place].id if page is not None and place < len(page) else None


def _positioned(number: int, total: int | None) -> _PageRequest | None:
    """Page ``number`` by offset from whichever end of the list is nearer."""
    start = number * PAGE_SIZE
    if total is None:
        return _PageRequest(offset=start)
    if start >= total:
        return None
    end = min(start + PAGE_SIZE, total)
    if start <= total - end:
        return _PageRequest(offset=start)
    return _PageRequest(offset=total - end, from_end=True, limit=end - start)


def _read(
    env: Environment, actor: Actor, queue: QueueFilter, order: QueueOrder, request: _PageRequest
) -> list[QueueRow]:
    return queue_page(
        env,
        actor,
        queue,
        order,
        after=request.after,
        offset=request.offset,
        from_end=request.from_end,
        limit=request.limit or PAGE_SIZE,
    )
