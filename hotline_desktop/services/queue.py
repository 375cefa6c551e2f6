"""The ticket queue: any filter, any sort, a page at a time, over a million tickets.

A page is found from a neighbouring page's edge row (keyset paging), or, for a jump
into the middle of the list, by offset from whichever end is nearer: never a deep
``OFFSET`` walk when the user scrolls, and at most half the list when they drag the
scroll bar. The names of units and categories come from the reference cache, so the
page query touches the ticket table alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import IntEnum
from typing import NamedTuple

import peewee

from ..domain.queue_marks import (
    SOON,
    Deadline,
    Due,
    DueKind,
    Mark,
    MarkFacts,
    marks_for,
    next_due,
)
from ..domain.validation import mask_phone
from ..domain.vocabulary import AssignmentState, Labelled, Role, TicketStatus
from ..domain.workflow import Actor
from ..store.models import Assignment, Ticket
from .environment import Environment

PAGE_SIZE = 200
# Tickets without a deadline sort after every dated one.
_NO_DEADLINE = datetime(9999, 12, 31)
_OPEN = [s.value for s in TicketStatus.open_statuses()]
# Roles that see only the tickets of their own unit and the units under it.
_UNIT_SCOPED = (Role.UNIT_HANDLER, Role.LEADER)


class QueueColumn(IntEnum):
    """The queue's columns, in the order the table shows them."""

    NUMBER = 0
    RECEIVED = 1
    CATEGORY = 2
    CALLER = 3
    EMPLOYER = 4
    UNIT = 5
    STATUS = 6
    TIME_LEFT = 7
    MARKS = 8


class SavedView(Labelled):
    ALL = "all", "全部工单", "All tickets"
    TO_DISPATCH = "to_dispatch", "待派单", "To dispatch"
    TO_SIGN = "to_sign", "本单位待签收", "To sign for"
    DUE_SOON = "due_soon", "即将超时", "Due soon"
    OVERDUE = "overdue", "已超时", "Overdue"
    TO_CALL_BACK = "to_call_back", "待回访", "To call back"
    MINE = "mine", "我的", "Mine"


@dataclass(frozen=True)
class QueueFilter:
    """What the user narrowed the queue to; every field left empty means "any"."""

    view: SavedView = SavedView.ALL
    status: TicketStatus | None = None
    deadline: Deadline | None = None  # DUE_SOON or OVERDUE
    unit_id: int | None = None  # with the units under it
    category_id: int | None = None
    employment_form_id: int | None = None
    received_from: date | None = None
    received_to: date | None = None  # inclusive
    text: str = ""


@dataclass(frozen=True)
class QueueOrder:
    column: QueueColumn = QueueColumn.RECEIVED
    descending: bool = True


class QueueRow(NamedTuple):
    """A queue row as the database returned it. A page holds hundreds of rows and the
    screen shows a few dozen, so each value is made readable only when it is shown."""

    id: int
    number: str
    created_value: object
    category_id: int
    phone: str  # whole: shown only masked, see ``caller_phone``
    employer: str
    holder_unit_id: int | None
    receiving_unit_id: int | None
    status_value: str
    sign_due_value: object
    due_value: object
    callback_due_value: object
    urgency: str
    risk_marks: str
    reminder_count: int
    return_count: int
    reopen_count: int
    extension_pending: bool
    sort_value: object

    @property
    def unit_id(self) -> int | None:
        """The unit that holds the ticket, else the one it was sent to: a completed or
        archived ticket is held by nobody but still belongs to a unit."""
        return self.holder_unit_id or self.receiving_unit_id

    @property
    def key(self) -> tuple:
        """The row's place in the sort order, from which the next page is found."""
        return (self.sort_value, self.id)

    @property
    def created_at(self) -> datetime:
        return Ticket.created_at.python_value(self.created_value)

    @property
    def due(self) -> Due | None:
        """The deadline that matters in the ticket's status."""
        return next_due(
            self.status,
            Ticket.sign_due_at.python_value(self.sign_due_value),
            Ticket.due_at.python_value(self.due_value),
            Ticket.callback_due_at.python_value(self.callback_due_value),
        )

    @property
    def caller_phone(self) -> str:
        return mask_phone(self.phone)

    @property
    def status(self) -> TicketStatus:
        return TicketStatus(self.status_value)

    @property
    def marks(self) -> tuple[Mark, ...]:
        return marks_for(
            MarkFacts(
                self.urgency,
                self.risk_marks,
                self.reminder_count,
                self.return_count,
                self.reopen_count,
                bool(self.extension_pending),
            )
        )


_STATUS_ORDER = peewee.Case(
    Ticket.status, [(status.value, rank) for rank, status in enumerate(TicketStatus)], 99
)
# The deadline that matters in each status, as ``queue_marks.next_due`` reads it.
_DUE_BY_STATUS = (
    (TicketStatus.DISPATCHED, Ticket.sign_due_at, DueKind.SIGN),
    (TicketStatus.IN_PROGRESS, Ticket.due_at, DueKind.COMPLETE),
    (TicketStatus.COMPLETED, Ticket.callback_due_at, DueKind.CALLBACK),
)
_NEXT_DUE = peewee.Case(Ticket.status, [(s.value, due) for s, due, _ in _DUE_BY_STATUS], None)
_BY_TIME = (QueueColumn.NUMBER, QueueColumn.RECEIVED)
_SORT_EXPRESSIONS = {
    # Ids grow with creation time; sorting by the time lets the (…, created_at) indexes
    # of the filters serve the order too.
    QueueColumn.NUMBER: Ticket.created_at,
    QueueColumn.RECEIVED: Ticket.created_at,
    QueueColumn.CALLER: Ticket.phone,
    QueueColumn.EMPLOYER: Ticket.employer_name,
    QueueColumn.STATUS: _STATUS_ORDER,
    QueueColumn.TIME_LEFT: peewee.fn.COALESCE(_NEXT_DUE, _NO_DEADLINE).coerce(False),
    QueueColumn.MARKS: Ticket.urgency,
}

_ROW_FIELDS = (
    Ticket.id,
    Ticket.number,
    Ticket.created_at,
    Ticket.category,
    Ticket.phone,
    Ticket.employer_name,
    Ticket.holder_unit,
    Ticket.receiving_unit,
    Ticket.status,
    Ticket.sign_due_at,
    Ticket.due_at,
    Ticket.callback_due_at,
    Ticket.urgency,
    Ticket.risk_marks,
    Ticket.reminder_count,
    Ticket.return_count,
    Ticket.reopen_count,
    Ticket.extension_pending,
)


def queue_page(
    env: Environment,
    actor: Actor,
    queue: QueueFilter,
    order: QueueOrder = QueueOrder(),  # noqa: B008 - frozen
    *,
    after: tuple | None = None,
    offset: int = 0,
    from_end: bool = False,
    limit: int = PAGE_SIZE,
) -> list[QueueRow]:
    """Up to ``limit`` rows in ``order``: those following the row whose key is ``after``,
    else those from ``offset``. ``from_end`` counts from the end of the list backwards,
    and still returns the rows in ``order``."""

    def read(newer_than: int | None = None) -> list[QueueRow]:
        query = page_query(
            env, actor, queue, order, after=after, offset=offset, from_end=from_end,
            limit=limit, newer_than=newer_than,
        )  # fmt: skip
        # The rows as the driver returns them: a peewee model conversion per value would
        # cost five times the query itself.
        return [QueueRow._make(values) for values in env.db.execute_sql(*query.sql())]

    newest_first = order.column in _BY_TIME and order.descending and not from_end
    if queue.text.strip() and newest_first and not offset and env.search.newest_windows:
        # The newest page of matches is looked for among the newest tickets first: a whole
        # page found there is the page, as every older ticket sorts after it.
        top = after[0] if after else Ticket.select(peewee.fn.MAX(Ticket.id)).scalar() or 0
        for window in env.search.newest_windows:
            rows = read(newer_than=top - window)
            if len(rows) == limit:
                return rows
    rows = read()
    return rows[::-1] if from_end else rows


def page_query(
    env: Environment,
    actor: Actor,
    queue: QueueFilter,
    order: QueueOrder,
    *,
    after: tuple | None,
    offset: int,
    from_end: bool,
    limit: int,
    newer_than: int | None = None,
) -> peewee.ModelSelect:
    """The SQL of a page, unexecuted: what ``queue_page`` runs, and what the benchmark
    runs bare to compare with it."""
    query, newest = _matching(env, actor, queue, Ticket.select(*_ROW_FIELDS), newer_than)
    # The search's own newest-first order is unique: no ticket id needed to break ties,
    # and an ORDER BY of that order alone lets the index deliver the rows already sorted.
    if newest is not None and order.column in _BY_TIME:
        sort, terms = newest, (newest,)
    else:
        sort = _sort_expression(env, order.column)
        terms = (sort, Ticket.id)
    descending = order.descending != from_end
    query = (
        query.select_extend(sort.alias("sort_key"))
        .order_by(*(term.desc() if descending else term for term in terms))
        .limit(limit)
    )
    if after is not None:
        edge = peewee.Tuple(*terms) if len(terms) > 1 else sort
        mark = peewee.Tuple(*after) if len(terms) > 1 else after[0]
        query = query.where(edge < mark if descending else edge > mark)
    elif offset:
        query = query.offset(offset)
    return query


def _sort_expression(env: Environment, column: QueueColumn):
    """Categories sort in the reference data's order and units as the org tree reads,
    not by their ids; the other columns sort by their own values."""
    if column == QueueColumn.CATEGORY:
        ranks = [(c.id, rank) for rank, c in enumerate(env.reference.categories())]
        return peewee.Case(Ticket.category, ranks, len(ranks))
    if column == QueueColumn.UNIT:
        ranks = [(u.id, rank) for rank, u in enumerate(env.reference.units_in_tree_order())]
        unit = peewee.fn.COALESCE(Ticket.holder_unit, Ticket.receiving_unit)
        return peewee.Case(unit, ranks, len(ranks))
    return _SORT_EXPRESSIONS[column]


def queue_count(env: Environment, actor: Actor, queue: QueueFilter) -> int:
    query, _newest = _matching(env, actor, queue, Ticket.select(Ticket.id))
    return query.count()


def _matching(
    env: Environment,
    actor: Actor,
    queue: QueueFilter,
    select: peewee.ModelSelect,
    newer_than: int | None = None,
) -> tuple[peewee.ModelSelect, object]:
    """``select`` narrowed to the queue, and the search's newest-first order if the queue
    searches text (None otherwise)."""
    select = select.where(condition(env, actor, queue))
    if not queue.text.strip():
        return select, None
    return env.search.narrow(select, queue.text, newer_than)


def condition(env: Environment, actor: Actor, queue: QueueFilter) -> peewee.Expression:
    """The WHERE clause of the queue: what the actor may see, narrowed by the filter
    (all but the text search, which each engine's index joins in its own way)."""
    now = env.now()
    parts = [visible_to(env, actor), _view(env, actor, queue.view, now)]
    if queue.status is not None:
        parts.append(Ticket.status == queue.status.value)
    if queue.deadline is not None:
        parts.append(_deadline(queue.deadline, now))
    if queue.unit_id is not None:
        # Held by the unit now, or sent to it: a finished ticket is held by nobody.
        units = env.reference.subtree_ids(queue.unit_id)
        parts.append(Ticket.holder_unit.in_(units) | Ticket.receiving_unit.in_(units))
    if queue.category_id is not None:
        parts.append(Ticket.category == queue.category_id)
    if queue.employment_form_id is not None:
        parts.append(Ticket.employment_form == queue.employment_form_id)
    if queue.received_from is not None:
        parts.append(
            Ticket.created_at >= datetime.combine(queue.received_from, datetime.min.time())
        )
    if queue.received_to is not None:
        day_after = datetime.combine(queue.received_to + timedelta(days=1), datetime.min.time())
        parts.append(Ticket.created_at < day_after)
    parts = [part for part in parts if part is not None]
    return peewee.reduce(lambda a, b: a & b, parts) if parts else Ticket.id.is_null(False)


def is_unit_scoped(actor: Actor) -> bool:
    """Unit handlers and leaders below the province see their own part of the org tree."""
    return actor.role in _UNIT_SCOPED and actor.unit_kind != "provincial"


def visible_to(env: Environment, actor: Actor) -> peewee.Expression | None:
    """The tickets a unit-scoped actor may see: those held by, sent to or co-handled by
    a unit at or under theirs. None: the actor sees every ticket."""
    if not is_unit_scoped(actor):
        return None
    units = env.reference.subtree_ids(actor.unit_id)
    involved = Assignment.select(Assignment.ticket).where(Assignment.unit.in_(units))
    return (
        Ticket.holder_unit.in_(units) | Ticket.receiving_unit.in_(units) | Ticket.id.in_(involved)
    )


def _view(env: Environment, actor: Actor, view: SavedView, now: datetime):
    match view:
        case SavedView.TO_DISPATCH:
            return Ticket.status == TicketStatus.NEW.value
        case SavedView.TO_SIGN:
            # Lead and co-handling assignments alike wait for the unit's signature.
            waiting = Assignment.select(Assignment.ticket).where(
                (Assignment.unit == actor.unit_id)
                & (Assignment.state == AssignmentState.DISPATCHED.value)
            )
            return Ticket.id.in_(waiting)
        case SavedView.DUE_SOON:
            return _deadline(Deadline.DUE_SOON, now)
        case SavedView.OVERDUE:
            return _deadline(Deadline.OVERDUE, now)
        case SavedView.TO_CALL_BACK:
            return Ticket.status == TicketStatus.COMPLETED.value
        case SavedView.MINE:
            if actor.role in _UNIT_SCOPED:
                return Ticket.status.in_(_OPEN) & (Ticket.holder_unit == actor.unit_id)
            return Ticket.created_by == actor.user_id
    return None


def _deadline(deadline: Deadline, now: datetime) -> peewee.Expression:
    """The same reading as ``queue_marks.deadline_state`` of each status's deadline."""
    if deadline not in (Deadline.OVERDUE, Deadline.DUE_SOON):
        raise ValueError(f"the queue filters on overdue or due soon, not {deadline}")
    parts = []
    for status, due, kind in _DUE_BY_STATUS:
        if deadline == Deadline.OVERDUE:
            passed = due < now
        else:
            passed = (due >= now) & (due < now + SOON[kind])
        parts.append((Ticket.status == status.value) & passed)
    return peewee.reduce(lambda a, b: a | b, parts)
