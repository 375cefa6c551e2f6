"""Time-limit alerts: signing overdue, due soon, overdue.

Nothing happens in the database when a deadline passes, so somebody has to look: each
centre workstation sweeps every minute. The sweep raises the alerts the open tickets
call for and clears those whose cause has gone (the ticket was signed, completed or
given more time). Alerts are keyed by ticket, kind and deadline under a unique index,
so two workstations sweeping at once raise each alert once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import peewee

from ..domain.alerts import (
    LONGEST_BREAK,
    TIME_LIMIT_LEVELS,
    AlertAction,
    AlertState,
    TimeLimitFinding,
    TimeLimitKind,
    time_limit_finding,
)
from ..domain.phrases import QT_TRANSLATE_NOOP, Phrase, said
from ..store.models import Alert, AlertEvent, AlertTicket, Ticket
from .alert_raising import phrase_json
from .environment import Environment
from .rule_versions import current_rules

_TIME_KINDS = tuple(kind.value for kind in TimeLimitKind)
WRITE_BATCH = 100


@dataclass(frozen=True)
class SweepResult:
    raised: tuple[int, ...]
    cleared: int


def sweep_time_limits(env: Environment) -> SweepResult:
    rules = current_rules(env)
    now = env.now()
    # In clock time, a deadline "due soon" in working time may lie behind a week of holiday.
    horizon = now + timedelta(hours=max(rules.complete_due_soon_hours, 1)) + LONGEST_BREAK
    wanted: dict[str, tuple[int, TimeLimitFinding]] = {}
    for ticket_id, status, sign_due_at, due_at in _candidates(horizon):
        finding = time_limit_finding(status, sign_due_at, due_at, now, rules, env.calendar)
        if finding is not None:
            wanted[_key(ticket_id, finding)] = (ticket_id, finding)
    open_alerts = dict(
        Alert.select(Alert.open_key, Alert.id)
        .where(Alert.kind.in_(_TIME_KINDS) & Alert.open_key.is_null(False))
        .tuples()
    )
    raised_before = _raised_before(list(wanted))
    # In key order: two workstations sweeping at once take the unique keys in one order.
    new = sorted((key, found) for key, found in wanted.items() if key not in raised_before)
    gone = [alert_id for key, alert_id in open_alerts.items() if key not in wanted]
    raised: list[int] = []
    # Short write transactions: an agent saving a call waits for one batch at most.
    for start in range(0, len(new), WRITE_BATCH):
        with env.write():
            for key, (ticket_id, finding) in new[start : start + WRITE_BATCH]:
                alert_id = _raise(env, key, ticket_id, finding, rules.version)
                if alert_id is not None:
                    raised.append(alert_id)
    for start in range(0, len(gone), WRITE_BATCH):
        with env.write():
            for alert_id in gone[start : start + WRITE_BATCH]:
                _clear(env, alert_id)
    return SweepResult(tuple(raised), len(gone))


def _raised_before(keys: list[str]) -> set[str]:
    """The causes alerts were raised for already, open or resolved."""
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        found.update(c for (c,) in Alert.select(Alert.cause).where(Alert.cause.in_(chunk)).tuples())
    return found


def _candidates(horizon):
    working = ("dispatched", "in_progress")
    by_due = Ticket.select(Ticket.id, Ticket.status, Ticket.sign_due_at, Ticket.due_at).where(
        Ticket.status.in_(working) & (Ticket.due_at < horizon)
    )
    by_signing = Ticket.select(Ticket.id, Ticket.status, Ticket.sign_due_at, Ticket.due_at).where(
        (Ticket.status == "dispatched") & (Ticket.sign_due_at < horizon)
    )
    seen = set()
    for row in [*by_due.tuples(), *by_signing.tuples()]:
        if row[0] not in seen:
            seen.add(row[0])
            yield row


def _key(ticket_id: int, finding: TimeLimitFinding) -> str:
    return f"{finding.kind.value}:t{ticket_id}:{finding.deadline:%Y%m%d%H%M}"


def _reason(finding: TimeLimitFinding) -> Phrase:
    deadline = f"{finding.deadline:%Y-%m-%d %H:%M}"
    match finding.kind:
        case TimeLimitKind.SIGN_OVERDUE:
            return said(QT_TRANSLATE_NOOP("Messages", "not signed for by {at}"), at=deadline)
        case TimeLimitKind.DUE_SOON:
            return said(QT_TRANSLATE_NOOP("Messages", "due at {at}"), at=deadline)
    return said(QT_TRANSLATE_NOOP("Messages", "was due at {at}"), at=deadline)


def _raise(
    env: Environment, key: str, ticket_id: int, finding: TimeLimitFinding, version: int
) -> int | None:
    now = env.now()
    try:
        with env.db.atomic():  # a savepoint: another workstation may raise it first
            alert = Alert.create(
                kind=finding.kind.value,
                level=TIME_LIMIT_LEVELS[finding.kind].value,
                rule=finding.kind.value,
                rule_version=version,
                reason=phrase_json(_reason(finding)),
                playbook="[]",
                ticket=ticket_id,
                raised_at=now,
                state=AlertState.NEW.value,
                open_key=key,
                cause=key,
            )
    except peewee.IntegrityError:
        return None
    AlertTicket.create(alert=alert.id, ticket=ticket_id)
    return alert.id


def _clear(env: Environment, alert_id: int) -> None:
    now = env.now()
    cleared = (
        Alert.update(state=AlertState.RESOLVED.value, open_key=None, resolved_at=now)
        .where((Alert.id == alert_id) & Alert.open_key.is_null(False))
        .execute()
    )
    if cleared:  # not by another workstation's sweep a moment ago
        AlertEvent.create(alert=alert_id, at=now, actor=None, action=AlertAction.CLEARED.value)
