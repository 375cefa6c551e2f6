"""Alerts: what raises them besides the risk rules (time limits), and their vocabulary.

A time-limit alert looks at the deadline that matters now. "Due soon" counts working
time, not clock time: on the last afternoon before the National Day week, a ticket due on
the first morning after it is due soon, and the office hears of it while it is still at
work rather than on the morning the deadline passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .calendar import WorkingCalendar
from .risk_rules import AlertLevel, RiskKind, RiskRules
from .vocabulary import Labelled, TicketStatus


class TimeLimitKind(Labelled):
    SIGN_OVERDUE = "sign_overdue", "签收超时", "Signing overdue"
    DUE_SOON = "due_soon", "即将超期", "Due soon"
    OVERDUE = "overdue", "办理超期", "Overdue"


AlertKind = RiskKind | TimeLimitKind

TIME_LIMIT_LEVELS = {
    TimeLimitKind.SIGN_OVERDUE: AlertLevel.MEDIUM,
    TimeLimitKind.DUE_SOON: AlertLevel.LOW,
    TimeLimitKind.OVERDUE: AlertLevel.HIGH,
}

# The longest stretch of days off a deadline can sit behind (the National Day week and
# its weekends): how far ahead in clock time a "due soon" in working time can lie.
LONGEST_BREAK = timedelta(days=12)


class AlertState(Labelled):
    NEW = "new", "未确认", "Unacknowledged"
    ACKNOWLEDGED = "acknowledged", "已确认", "Acknowledged"
    ESCALATED = "escalated", "已提级", "Escalated"
    RESOLVED = "resolved", "已处置", "Resolved"


class AlertAction(Labelled):
    RAISED = "raised", "触发预警", "raised"
    LINKED = "linked", "关联工单", "ticket linked"
    ACKNOWLEDGED = "acknowledged", "确认", "acknowledged"
    ASSIGNED = "assigned", "指派", "assigned"
    ESCALATED = "escalated", "提级", "escalated"
    REMINDED = "reminded", "催办", "reminder sent"
    TICKED = "ticked", "完成处置步骤", "playbook step done"
    UNTICKED = "unticked", "撤销处置步骤", "playbook step undone"
    RESOLVED = "resolved", "处置完毕", "resolved"
    CLEARED = "cleared", "自动解除", "cleared by itself"


def alert_kind(value: str) -> AlertKind:
    try:
        return RiskKind(value)
    except ValueError:
        return TimeLimitKind(value)


@dataclass(frozen=True, slots=True)
class TimeLimitFinding:
    kind: TimeLimitKind
    deadline: datetime


_WORKING = (TicketStatus.DISPATCHED.value, TicketStatus.IN_PROGRESS.value)


def time_limit_finding(
    status: str,
    sign_due_at: datetime | None,
    due_at: datetime | None,
    now: datetime,
    rules: RiskRules,
    calendar: WorkingCalendar,
) -> TimeLimitFinding | None:
    """The time-limit alert a ticket calls for now, if any; the worst one wins."""
    if status not in _WORKING:
        return None
    if due_at is not None and due_at < now:
        return TimeLimitFinding(TimeLimitKind.OVERDUE, due_at)
    signing = status == TicketStatus.DISPATCHED.value and sign_due_at is not None
    if signing and sign_due_at < now:
        return TimeLimitFinding(TimeLimitKind.SIGN_OVERDUE, sign_due_at)
    deadline, hours = (
        (sign_due_at, rules.sign_due_soon_hours)
        if signing
        else (due_at, rules.complete_due_soon_hours)
    )
    if deadline is None or not hours:
        return None
    if calendar.working_time_between(now, deadline) < timedelta(hours=hours):
        return TimeLimitFinding(TimeLimitKind.DUE_SOON, deadline)
    return None
