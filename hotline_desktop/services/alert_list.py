"""What the alert centre reads: the list, one alert whole, the count still unacknowledged."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import peewee

from ..domain.alerts import AlertAction, AlertKind, AlertState, alert_kind
from ..domain.errors import NotFound
from ..domain.phrases import QT_TRANSLATE_NOOP, Phrase, said
from ..domain.risk_rules import AlertLevel, RiskRule
from ..domain.vocabulary import TicketStatus
from ..store.models import Alert, AlertEvent, AlertTicket, PlaybookTick, Ticket, User
from .accounts import display_names
from .alert_actions import ALERT_HANDLERS
from .alert_raising import phrase_from_json
from .environment import Environment

# The centre's list is of what needs work; resolved alerts are history and paged by age.
LIST_LIMIT = 500


@dataclass(frozen=True, slots=True)
class AlertRow:
    id: int
    kind: AlertKind
    level: AlertLevel
    rule: RiskRule | None  # None for a time-limit alert: its kind is its rule
    rule_version: int | None
    reason: Phrase
    ticket_id: int
    ticket_number: str
    raised_at: datetime
    state: AlertState
    assigned_to: str


@dataclass(frozen=True, slots=True)
class LinkedTicket:
    id: int
    number: str
    status: TicketStatus
    employer: str
    created_at: datetime
    description: str


@dataclass(frozen=True, slots=True)
class PlaybookStep:
    text: str
    ticked_by: str  # '' while not done
    ticked_at: datetime | None


@dataclass(frozen=True, slots=True)
class AlertHistoryEntry:
    at: datetime
    actor: str  # '' when the rules or the time-limit sweep acted
    action: AlertAction
    note: str


@dataclass(frozen=True)
class AlertDetail:
    row: AlertRow
    tickets: tuple[LinkedTicket, ...]
    playbook: tuple[PlaybookStep, ...]
    history: tuple[AlertHistoryEntry, ...]
    resolution: str


def _rule(value: str) -> RiskRule | None:
    try:
        return RiskRule(value)
    except ValueError:
        return None


def _rows(query) -> list[AlertRow]:
    names = display_names()
    return [
        AlertRow(
            id=a.id,
            kind=alert_kind(a.kind),
            level=AlertLevel(a.level),
            rule=_rule(a.rule),
            rule_version=a.rule_version,
            reason=phrase_from_json(a.reason),
            ticket_id=a.ticket_id,
            ticket_number=a.number,
            raised_at=a.raised_at,
            state=AlertState(a.state),
            assigned_to=names.get(a.assigned_to_id, ""),
        )
        for a in query.objects()
    ]


def _base():
    return Alert.select(Alert, Ticket.number).join(Ticket, on=(Alert.ticket == Ticket.id))


# High first: a 危 alert raised a minute ago goes above a ticket due soon.
_BY_LEVEL = peewee.Case(
    Alert.level, [(level.value, rank) for rank, level in enumerate(AlertLevel)], 9
)


def alert_rows(env: Environment, states: tuple[AlertState, ...] | None = None) -> list[AlertRow]:
    """Alerts in these states (all when None), the highest level first, newest first."""
    query = _base()
    if states:
        query = query.where(Alert.state.in_([state.value for state in states]))
    order = (_BY_LEVEL, Alert.raised_at.desc(), Alert.id.desc())
    return _rows(query.order_by(*order).limit(LIST_LIMIT))


def unacknowledged_count(env: Environment) -> int:
    return Alert.select().where(Alert.state == AlertState.NEW.value).count()


def newest_alert_id(env: Environment) -> int:
    return env.db.execute_sql("SELECT max(id) FROM alert").fetchone()[0] or 0


def alerts_after(env: Environment, alert_id: int) -> list[AlertRow]:
    """Alerts raised since ``alert_id``, oldest first: what a notification announces."""
    return _rows(_base().where(Alert.id > alert_id).order_by(Alert.id).limit(LIST_LIMIT))


def alerts_of_ticket(env: Environment, ticket_id: int) -> list[AlertRow]:
    linked = AlertTicket.select(AlertTicket.alert).where(AlertTicket.ticket == ticket_id)
    return _rows(_base().where(Alert.id.in_(linked)).order_by(Alert.id.desc()))


def alert_detail(env: Environment, alert_id: int) -> AlertDetail:
    rows = _rows(_base().where(Alert.id == alert_id))
    if not rows:
        raise NotFound(said(QT_TRANSLATE_NOOP("Messages", "there is no alert {id}"), id=alert_id))
    alert = Alert.get_by_id(alert_id)
    names = display_names()
    tickets = (
        Ticket.select(
            Ticket.id,
            Ticket.number,
            Ticket.status,
            Ticket.employer_name,
            Ticket.created_at,
            Ticket.description,
        )
        .join(AlertTicket, on=(AlertTicket.ticket == Ticket.id))
        .where(AlertTicket.alert == alert_id)
        .order_by(Ticket.created_at)
    )
    ticks = {t.step: t for t in PlaybookTick.select().where(PlaybookTick.alert == alert_id)}
    steps = json.loads(alert.playbook or "[]")
    events = AlertEvent.select().where(AlertEvent.alert == alert_id).order_by(AlertEvent.id)
    return AlertDetail(
        row=rows[0],
        tickets=tuple(
            LinkedTicket(
                t.id,
                t.number,
                TicketStatus(t.status),
                t.employer_name,
                t.created_at,
                t.description or "",
            )
            for t in tickets
        ),
        playbook=tuple(
            PlaybookStep(
                text,
                names.get(ticks[index].ticked_by_id, "") if index in ticks else "",
                ticks[index].ticked_at if index in ticks else None,
            )
            for index, text in enumerate(steps)
        ),
        history=(
            # Raising is the alert's own row: its history starts there.
            AlertHistoryEntry(alert.raised_at, "", AlertAction.RAISED, ""),
            *(
                AlertHistoryEntry(
                    e.at, names.get(e.actor_id, ""), AlertAction(e.action), e.note or ""
                )
                for e in events
            ),
        ),
        resolution=alert.resolution or "",
    )


def alert_handlers(env: Environment) -> list[tuple[int, str]]:
    """Who an alert can be assigned to: active dispatchers and supervisors, by name."""
    rows = (
        User.select(User.id, User.display_name)
        .where(User.active & User.role.in_([role.value for role in ALERT_HANDLERS]))
        .order_by(User.display_name)
        .tuples()
    )
    return list(rows)
