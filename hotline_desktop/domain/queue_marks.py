"""What a queue row shows at a glance: the deadline that matters now, and marks for what
needs care.

The marks are read from the ticket's own fields; the 1155 warning items (危 众 多 大 隐) are
those the risk rules flagged the ticket with (``services.alert_raising``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from .language import Language
from .risk_rules import stored_kinds
from .vocabulary import Labelled, TicketStatus, Urgency


class Mark(Labelled):
    URGENT = "urgent", "急", "Urgent"
    DANGER = "danger", "危", "Danger"
    MASS = "mass", "众", "Many workers"
    REPEATED = "repeated", "多", "Repeated reports"
    LARGE = "large", "大", "Large sum or impact"
    HIDDEN = "hidden", "隐", "Hidden risk"
    REMINDED = "reminded", "催", "Reminded"
    RETURNED = "returned", "退", "Returned before"
    REOPENED = "reopened", "重", "Reopened"
    EXTENSION = "extension", "延", "Extension requested"

    def meaning(self, language: str = Language.CHINESE) -> str:
        """What the one character stands for, as a tooltip says it: "众 人数众多"."""
        return Language.of(language).pick(f"{self.zh} {_MEANINGS_ZH[self]}", self.en)


_MEANINGS_ZH = {
    Mark.URGENT: "紧急",
    Mark.DANGER: "危险",
    Mark.MASS: "人数众多",
    Mark.REPEATED: "重复反映",
    Mark.LARGE: "金额大、影响大",
    Mark.HIDDEN: "隐性风险",
    Mark.REMINDED: "已催办",
    Mark.RETURNED: "曾被退单",
    Mark.REOPENED: "重办",
    Mark.EXTENSION: "已申请延期",
}


class DueKind(Enum):
    SIGN = "sign"
    COMPLETE = "complete"
    CALLBACK = "callback"


# How close a deadline must be to count as "due soon": signing is a matter of hours.
SOON = {
    DueKind.SIGN: timedelta(hours=1),
    DueKind.COMPLETE: timedelta(hours=24),
    DueKind.CALLBACK: timedelta(hours=24),
}


@dataclass(frozen=True, slots=True)
class Due:
    kind: DueKind
    at: datetime


class Deadline(Enum):
    """Where a ticket stands against the deadline that matters now."""

    NONE = "none"
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class MarkFacts:
    urgency: str
    risk_marks: str  # RiskKind values joined by commas
    reminder_count: int
    return_count: int
    reopen_count: int
    extension_pending: bool


def marks_for(facts: MarkFacts) -> tuple[Mark, ...]:
    found = []
    if facts.urgency == Urgency.URGENT:
        found.append(Mark.URGENT)
    found.extend(Mark(kind.value) for kind in stored_kinds(facts.risk_marks))
    if facts.reminder_count:
        found.append(Mark.REMINDED)
    if facts.return_count:
        found.append(Mark.RETURNED)
    if facts.reopen_count:
        found.append(Mark.REOPENED)
    if facts.extension_pending:
        found.append(Mark.EXTENSION)
    return tuple(found)


def next_due(
    status: TicketStatus,
    sign_due_at: datetime | None,
    due_at: datetime | None,
    callback_due_at: datetime | None = None,
) -> Due | None:
    """The deadline that matters in the ticket's status: signing for it (every dispatch
    sets one), completing it, or calling the worker back."""
    if status == TicketStatus.DISPATCHED:
        return Due(DueKind.SIGN, sign_due_at) if sign_due_at else None
    if status == TicketStatus.IN_PROGRESS and due_at:
        return Due(DueKind.COMPLETE, due_at)
    if status == TicketStatus.COMPLETED and callback_due_at:
        return Due(DueKind.CALLBACK, callback_due_at)
    return None


def deadline_state(due: Due | None, now: datetime) -> Deadline:
    if due is None:
        return Deadline.NONE
    if due.at < now:
        return Deadline.OVERDUE
    if due.at < now + SOON[due.kind]:
        return Deadline.DUE_SOON
    return Deadline.ON_TIME
