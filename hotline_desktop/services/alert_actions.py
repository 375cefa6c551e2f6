"""What the centre does with an alert: acknowledge it, assign it, escalate its ticket,
tick off its playbook, press the unit with a reminder, resolve it with a note.

Each action is one transaction that locks the alert row and appends to its history.
"""

from __future__ import annotations

import json

from ..domain.alerts import AlertAction, AlertState
from ..domain.errors import InvalidInput, NotFound, PermissionDenied, StepNotAllowed
from ..domain.phrases import QT_TRANSLATE_NOOP, said
from ..domain.vocabulary import Role
from ..domain.workflow import Actor
from ..store.models import Alert, AlertEvent, AlertTicket, PlaybookTick, Ticket, User
from . import ticket_steps
from .environment import Environment

# The centre works its alerts; leaders and admins read them.
ALERT_HANDLERS = (Role.DISPATCHER, Role.SUPERVISOR)


def acknowledge(env: Environment, actor: Actor, alert_id: int) -> None:
    with env.write():
        alert = _open_alert(env, actor, alert_id, "acknowledge the alert")
        if alert.state != AlertState.NEW.value:
            raise StepNotAllowed(
                None,
                None,
                "acknowledge the alert",
                said(QT_TRANSLATE_NOOP("Messages", "the alert was acknowledged already")),
            )
        _acknowledged(env, actor, alert)
        _record(env, actor, alert, AlertAction.ACKNOWLEDGED)


def assign(env: Environment, actor: Actor, alert_id: int, user_id: int) -> None:
    """Give the alert to a dispatcher or supervisor to see through; assigning is noticing."""
    with env.write():
        alert = _open_alert(env, actor, alert_id, "assign the alert")
        user = User.get_or_none(User.id == user_id)
        if user is None or not user.active or user.role not in ALERT_HANDLERS:
            raise InvalidInput(
                "assignee",
                said(
                    QT_TRANSLATE_NOOP(
                        "Messages", "alerts are assigned to active dispatchers and supervisors"
                    )
                ),
            )
        alert.assigned_to = user.id
        _acknowledged(env, actor, alert)
        _record(env, actor, alert, AlertAction.ASSIGNED, user.display_name)


def escalate(env: Environment, actor: Actor, alert_id: int, note: str = "") -> None:
    """提级: the alert's tickets go to the office to be handled there, in one transaction.

    A repeat alert covers several tickets: each still open goes (a merged duplicate goes
    as its master); those closed or with the office already stay as they are. When none
    can go, the refusal of the alert's own ticket says why."""
    note = ticket_steps.checked_note(note)
    with env.write():
        alert = _open_alert(env, actor, alert_id, "escalate the alert")
        targets = _tickets_of(alert)
        refusals = []
        for ticket_id in targets:
            try:
                with env.db.atomic():  # a savepoint: one refusal leaves the others
                    ticket_steps.escalate(env, actor, ticket_id, note)
            except StepNotAllowed as refusal:
                refusals.append((ticket_id, refusal))
        if len(refusals) == len(targets):
            raise refusals[0][1]
        moved = [ticket_id for ticket_id in targets if ticket_id not in dict(refusals)]
        _escalate_with_tickets(env, actor, alert, moved, note)
        alert.state = AlertState.ESCALATED.value
        _acknowledged(env, actor, alert, keep_state=True)
        _record(env, actor, alert, AlertAction.ESCALATED, note)


def remind(env: Environment, actor: Actor, alert_id: int, note: str = "") -> None:
    """催办 the unit holding the alert's ticket, from the alert."""
    note = ticket_steps.checked_note(note)
    with env.write():
        alert = _open_alert(env, actor, alert_id, "send a reminder")
        ticket_steps.remind(env, actor, _tickets_of(alert)[0], note)
        _acknowledged(env, actor, alert)
        _record(env, actor, alert, AlertAction.REMINDED, note)


def tick(env: Environment, actor: Actor, alert_id: int, step: int, done: bool = True) -> None:
    """Tick off (or undo) one step of the alert's playbook, recording who and when."""
    with env.write():
        alert = _open_alert(env, actor, alert_id, "tick off a playbook step")
        steps = json.loads(alert.playbook or "[]")
        if not 0 <= step < len(steps):
            raise InvalidInput(
                "playbook step",
                said(
                    QT_TRANSLATE_NOOP("Messages", "the playbook has no step {number}"),
                    number=step + 1,
                ),
            )
        ticked = PlaybookTick.get_or_none(
            (PlaybookTick.alert == alert.id) & (PlaybookTick.step == step)
        )
        if done and ticked is None:
            PlaybookTick.create(
                alert=alert.id,
                step=step,
                text=steps[step],
                ticked_by=actor.user_id,
                ticked_at=env.now(),
            )
        elif not done and ticked is not None:
            ticked.delete_instance()
        else:
            return  # already as asked: another supervisor did the same a moment ago
        _acknowledged(env, actor, alert)
        action = AlertAction.TICKED if done else AlertAction.UNTICKED
        _record(env, actor, alert, action, steps[step])


def resolve(env: Environment, actor: Actor, alert_id: int, note: str) -> None:
    """Close the alert with what was done; the same condition may raise a new one later."""
    note = ticket_steps.checked_note(note, "resolution", required=True)
    with env.write():
        alert = _open_alert(env, actor, alert_id, "resolve the alert")
        alert.state = AlertState.RESOLVED.value
        alert.open_key = None
        alert.resolved_by = actor.user_id
        alert.resolved_at = env.now()
        alert.resolution = note
        _acknowledged(env, actor, alert, keep_state=True)
        _record(env, actor, alert, AlertAction.RESOLVED, note)


def _escalate_with_tickets(
    env: Environment, actor: Actor, alert: Alert, tickets: list[int], note: str
) -> None:
    """The other alerts still waiting on the tickets now with the office go with them:
    their 提级 is done."""
    others = (
        Alert.select()
        .join(AlertTicket, on=(AlertTicket.alert == Alert.id))
        .where(
            AlertTicket.ticket.in_(tickets)
            & (Alert.id != alert.id)
            & Alert.state.in_([AlertState.NEW.value, AlertState.ACKNOWLEDGED.value])
        )
        .distinct()
    )
    for other in others:
        other.state = AlertState.ESCALATED.value
        _acknowledged(env, actor, other, keep_state=True)
        _record(env, actor, other, AlertAction.ESCALATED, note)


def _tickets_of(alert: Alert) -> list[int]:
    """The alert's tickets, a merged one replaced by its master, the alert's own first."""
    linked = [
        row_id
        for (row_id,) in AlertTicket.select(AlertTicket.ticket)
        .where(AlertTicket.alert == alert.id)
        .tuples()
    ]
    rows = dict(Ticket.select(Ticket.id, Ticket.merged_into).where(Ticket.id.in_(linked)).tuples())
    targets = [rows.get(row_id) or row_id for row_id in [alert.ticket_id, *linked]]
    return list(dict.fromkeys(targets))


def _open_alert(env: Environment, actor: Actor, alert_id: int, doing: str) -> Alert:
    if actor.role not in ALERT_HANDLERS:
        raise PermissionDenied(
            None,
            None,
            doing,
            said(QT_TRANSLATE_NOOP("Messages", "only dispatchers and supervisors act on alerts")),
        )
    alert = env.sql.get(Alert, alert_id, lock=True)
    if alert is None:
        raise NotFound(said(QT_TRANSLATE_NOOP("Messages", "there is no alert {id}"), id=alert_id))
    if alert.state == AlertState.RESOLVED.value:
        raise StepNotAllowed(
            None,
            None,
            doing,
            said(QT_TRANSLATE_NOOP("Messages", "the alert is resolved already")),
        )
    return alert


def _acknowledged(env: Environment, actor: Actor, alert: Alert, *, keep_state=False) -> None:
    """Whoever acts on an alert has seen it: it stops counting as unacknowledged."""
    if alert.acknowledged_at is None:
        alert.acknowledged_by = actor.user_id
        alert.acknowledged_at = env.now()
    if not keep_state and alert.state == AlertState.NEW.value:
        alert.state = AlertState.ACKNOWLEDGED.value


def _record(env: Environment, actor: Actor, alert: Alert, action: AlertAction, note="") -> None:
    alert.save()
    AlertEvent.create(
        alert=alert.id, at=env.now(), actor=actor.user_id, action=action.value, note=note
    )
