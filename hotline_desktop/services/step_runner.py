"""The machinery every ticket step shares: one transaction, the lock, the version check,
the workflow's permission, the write of what changed and the history event."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from functools import cached_property

from ..domain import validation
from ..domain.errors import ConcurrentEdit, InvalidInput, NotFound
from ..domain.phrases import QT_TRANSLATE_NOOP, said
from ..domain.time_limits import TicketLimits
from ..domain.vocabulary import (
    AssignmentRole,
    AssignmentState,
    HandlingMethod,
    Satisfaction,
    TicketOrigin,
    TicketStatus,
    UnitKind,
    Urgency,
)
from ..domain.workflow import Actor, Step, StepContext, TicketFacts, authorize
from ..store.models import Assignment, Ticket, TicketEvent, User
from ..store.reference_cache import UnitInfo
from .alert_raising import judged_by_older_rules, raise_alerts
from .environment import Environment

ACTIVE = (AssignmentState.DISPATCHED.value, AssignmentState.SIGNED.value)

# The ticket fields whose old and new values the history event keeps.
_TRACKED = (
    "status",
    "handling",
    "holder_unit",
    "receiving_unit",
    "due_at",
    "sign_due_at",
    "satisfaction",
    "recovered_total",
    "merged_into",
    "extension_pending",
    "reminder_count",
)


def active_holder(assignments: list[Assignment]) -> Assignment | None:
    """The lead assignment now active among a ticket's assignments (in id order)."""
    for assignment in reversed(assignments):
        if assignment.role == AssignmentRole.LEAD.value and assignment.state in ACTIVE:
            return assignment
    return None


def co_assignments(assignments: list[Assignment], *states: AssignmentState) -> list[Assignment]:
    wanted = {state.value for state in states}
    return [a for a in assignments if a.role == AssignmentRole.CO.value and a.state in wanted]


def ticket_facts(env: Environment, ticket: Ticket, assignments: list[Assignment]) -> TicketFacts:
    """What the workflow checks, from the ticket row and its assignments (in id order).

    The steps and the ticket view both read the facts here, so that the buttons a
    user sees are the steps the services then allow."""
    holder = active_holder(assignments)
    parent = next((a for a in assignments if holder and a.id == holder.parent_id), None)
    return TicketFacts(
        number=ticket.number,
        status=TicketStatus(ticket.status),
        origin=TicketOrigin(ticket.origin),
        holder_unit_id=holder.unit_id if holder else None,
        holder_signed=bool(holder and holder.state == AssignmentState.SIGNED.value),
        holder_parent_unit_id=parent.unit_id if parent else None,
        holder_unit_path=env.reference.unit(holder.unit_id).path if holder else None,
        holder_return_deadline=holder.return_deadline if holder else None,
        receiving_unit_id=ticket.receiving_unit_id,
        co_units_unsigned=frozenset(
            a.unit_id for a in co_assignments(assignments, AssignmentState.DISPATCHED)
        ),
        co_units_signed=frozenset(
            a.unit_id for a in co_assignments(assignments, AssignmentState.SIGNED)
        ),
        due_at=ticket.due_at,
        extension_pending=ticket.extension_pending,
        satisfaction=Satisfaction(ticket.satisfaction) if ticket.satisfaction else None,
        handled_in_office=ticket.handling == HandlingMethod.OFFICE.value,
    )


@dataclass(frozen=True)
class StepResult:
    ticket_id: int
    number: str
    status: TicketStatus
    version: int


class StepRun:
    """One step while it runs inside its transaction: the ticket and its assignments."""

    def __init__(self, env: Environment, actor: Actor, ticket: Ticket, locked: dict):
        self.env = env
        self.actor = actor
        self.ticket = ticket
        self.locked: dict[int, Ticket] = locked  # every ticket row this step holds locked
        self.now = env.now()
        # A ticket awaiting dispatch holds no active assignment (a return, a reopening or a
        # merge closes them all), and its closed ones are history no step reads: the most
        # frequent step, dispatch, skips the query.
        self.assignments: list[Assignment] = (
            []
            if ticket.status == TicketStatus.NEW.value
            else env.sql.where_equal(Assignment, "ticket_id", ticket.id)
        )

    @property
    def holder(self) -> Assignment | None:
        """The lead assignment now active: the unit that holds the ticket."""
        return active_holder(self.assignments)

    def parent_of(self, assignment: Assignment) -> Assignment | None:
        return next((a for a in self.assignments if a.id == assignment.parent_id), None)

    def co_assignments(self, *states: AssignmentState) -> list[Assignment]:
        return co_assignments(self.assignments, *states)

    def facts(self) -> TicketFacts:
        return ticket_facts(self.env, self.ticket, self.assignments)

    @cached_property
    def limits(self) -> TicketLimits:
        t = self.ticket
        return self.env.limits.limits_for(
            self.env.reference.category_code_of(t.category_id),
            Urgency(t.urgency),
            complex_case=t.complex_case,
            headcount=t.headcount,
        )

    def assign(
        self,
        unit: UnitInfo,
        role: AssignmentRole,
        state: AssignmentState = AssignmentState.DISPATCHED,
        parent: Assignment | None = None,
    ) -> Assignment:
        limits, calendar = self.limits, self.env.calendar
        signed = state == AssignmentState.SIGNED
        assignment = self.env.sql.insert(
            Assignment,
            ticket=self.ticket.id,
            unit=unit.id,
            role=role.value,
            state=state.value,
            parent=parent.id if parent else None,
            dispatched_at=self.now,
            dispatched_by=self.actor.user_id,
            sign_due_at=None if signed else limits.sign.due(self.now, calendar),
            return_deadline=limits.return_window.due(self.now, calendar),
            signed_at=self.now if signed else None,
            signed_by=self.actor.user_id if signed else None,
        )
        self.assignments.append(assignment)
        return assignment

    def change(self, assignment: Assignment, **values) -> None:
        before = dict(assignment.__data__)
        for name, value in values.items():
            setattr(assignment, name, value)
        self.env.sql.update_changed(assignment, before)

    def finish(self, assignment: Assignment, state: AssignmentState, note: str = "") -> None:
        values = {"state": state.value, "finished_at": self.now}
        self.change(assignment, **values, **({"note": note} if note else {}))

    def start_clock(self, holder: Assignment) -> None:
        """Set the ticket's due dates for the unit that now holds it."""
        self.ticket.dispatched_at = self.now
        self.ticket.sign_due_at = holder.sign_due_at
        self.ticket.due_at = self.limits.complete.due(self.now, self.env.calendar)


def run_step(
    env: Environment,
    actor: Actor,
    ticket_id: int,
    step: Step,
    apply: Callable[[StepRun], str],
    *,
    expected_version: int | None = None,
    context: StepContext | Callable[[StepRun], StepContext] | None = None,
    also_lock: int | None = None,
    keeps_version: bool = False,
) -> StepResult:
    """Take ``step`` on the ticket: ``apply`` makes the changes and returns the event's note.

    ``also_lock`` names a second ticket the step reads (a merge's master); both rows are
    locked in id order, so two workstations merging each way wait instead of deadlocking.
    ``context`` may be a function of the running step, to read that ticket under the lock.
    ``keeps_version`` is for a step that changes nothing anybody's open form could lose
    (a reminder): a unit typing its result is not told to reload because it was pressed.
    """
    with env.write():
        locked = {
            row_id: env.sql.get(Ticket, row_id, lock=True)
            for row_id in sorted({ticket_id, also_lock} - {None})
        }
        ticket = locked[ticket_id]
        if ticket is None:
            raise NotFound(
                said(QT_TRANSLATE_NOOP("Messages", "there is no ticket with id {id}"), id=ticket_id)
            )
        if expected_version is not None and ticket.version != expected_version:
            raise _concurrent(ticket)
        run = StepRun(env, actor, ticket, locked)
        if callable(context):
            context = context(run)
        next_status = authorize(
            step, run.facts(), actor, replace(context or StepContext(), now=run.now)
        )
        before = dict(ticket.__data__)
        known = len(run.assignments)
        note = apply(run)
        ticket.status = next_status.value
        ticket.version = before["version"] + (0 if keeps_version else 1)
        ticket.updated_at = run.now
        ticket.updated_by = actor.user_id
        if not env.sql.update_changed(ticket, before, where_version=before["version"]):
            # Only where the row could not be locked: a writer slipped in between.
            raise _concurrent(env.sql.get(Ticket, ticket_id))
        changed = {
            name: [_plain(before[name]), _plain(ticket.__data__[name])]
            for name in _TRACKED
            if before[name] != ticket.__data__[name]
        }
        # Units the step brought in (lead, co-handling, a lower level): who was involved.
        if added := run.assignments[known:]:
            changed["assigned"] = [[a.unit_id, a.role, a.state] for a in added]
        env.sql.insert(
            TicketEvent,
            ticket=ticket.id,
            at=run.now,
            actor=actor.user_id,
            step=step.value,
            from_status=before["status"],
            to_status=ticket.status,
            unit=actor.unit_id,
            note=note,
            details=json.dumps(changed, ensure_ascii=False) if changed else "",
        )
        # The rules look again at a change of the ticket when they have been edited
        # since they last did: what a step changes, they do not read.
        if judged_by_older_rules(env, ticket):
            raise_alerts(env, ticket, actor.user_id)
    return StepResult(ticket.id, ticket.number, TicketStatus(ticket.status), ticket.version)


def _plain(value):
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, Decimal):
        return str(value)
    return value


def _concurrent(ticket: Ticket) -> ConcurrentEdit:
    user = User.get_or_none(User.id == ticket.updated_by_id)
    who = user.display_name if user else "another user"
    return ConcurrentEdit(ticket.number, who, f"{ticket.updated_at:%Y-%m-%d %H:%M:%S}")


def active_unit(env: Environment, key: int | str, field: str) -> UnitInfo:
    """A unit by code or id, refused with a message naming the field when unknown or retired."""
    unit = env.reference.unit(key)
    if unit is None or not unit.active:
        raise InvalidInput(
            field, said(QT_TRANSLATE_NOOP("Messages", "unknown unit “{unit}”"), unit=key)
        )
    return unit


def unit_of_kind(env: Environment, kind: UnitKind) -> UnitInfo:
    units = env.reference.units_of_kind(kind.value)
    if not units:
        raise NotFound(
            said(
                QT_TRANSLATE_NOOP("Messages", "the org tree has no {kind}; an admin must add one"),
                kind=kind,
            )
        )
    return units[0]


def checked_note(text: str, field: str = "note", *, required: bool = False) -> str:
    return validation.text(text, field, limit=validation.MAX_NOTE, required=required)
