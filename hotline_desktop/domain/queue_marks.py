"""The marks a queue row carries, so that a dispatcher sees at a glance what needs care.

They are read from the ticket's own fields. The 1155 risk rules (危 众 多 大 隐), with
thresholds an admin edits, come with the alerts; until then the thresholds are the working
reading in DOMAIN.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import Enum

from .vocabulary import Labelled, TicketStatus, Urgency

MANY_WORKERS = 10
LARGE_AMOUNT = Decimal("500000")
# A ticket whose completion is due within this time is "due soon" in the queue.
DUE_SOON = timedelta(hours=24)


class Mark(Labelled):
    URGENT = "urgent", "急", "Urgent"
    MANY_WORKERS = "many_workers", "众", "Many workers"
    LARGE_AMOUNT = "large_amount", "大", "Large amount"
    RETURNED = "returned", "退", "Returned before"
    REOPENED = "reopened", "重", "Reopened"
    EXTENSION = "extension", "延", "Extension requested"


class Deadline(Enum):
    """Where a ticket stands against its completion deadline."""

    NONE = "none"
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class MarkFacts:
    urgency: str
    headcount: int
    amount: Decimal | None
    return_count: int
    reopen_count: int
    extension_pending: bool


def marks_for(facts: MarkFacts) -> tuple[Mark, ...]:
    found = []
    if facts.urgency == Urgency.URGENT:
        found.append(Mark.URGENT)
    if facts.headcount >= MANY_WORKERS:
        found.append(Mark.MANY_WORKERS)
    if facts.amount is not None and facts.amount >= LARGE_AMOUNT:
        found.append(Mark.LARGE_AMOUNT)
    if facts.return_count:
        found.append(Mark.RETURNED)
    if facts.reopen_count:
        found.append(Mark.REOPENED)
    if facts.extension_pending:
        found.append(Mark.EXTENSION)
    return tuple(found)


def deadline_state(status: TicketStatus, due_at: datetime | None, now: datetime) -> Deadline:
    """Only open tickets run against a deadline; a completed one has met it or not."""
    if due_at is None or status not in TicketStatus.open_statuses():
        return Deadline.NONE
    if due_at < now:
        return Deadline.OVERDUE
    if due_at < now + DUE_SOON:
        return Deadline.DUE_SOON
    return Deadline.ON_TIME
