"""One function per step a user takes on a ticket.

Each runs in one transaction: it locks and reads the ticket, refuses a stale
edit (the version the user saw), asks the workflow whether the actor may take
the step, applies it, bumps the version and appends the history event.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

import peewee

from ..domain import validation
from ..domain.errors import ConcurrentEdit, InvalidInput, NotFound
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
from ..store.models import (
    Assignment,
    ExtensionRequest,
    Instruction,
    Mediation,
    OrgUnit,
    Payment,
    Ticket,
    TicketEvent,
    User,
)
from .environment import Environment

A = AssignmentState
_ACTIVE = (A.DISPATCHED.value, A.SIGNED.value)
# Units that receive dispatched tickets; the centre's own bodies have their own steps,
# and the partner bodies of "+" co-handle but never lead.
DISPATCH_TARGETS = {
    UnitKind.CITY,
    UnitKind.DISTRICT,
    UnitKind.SEPARATE,
    UnitKind.DEPARTMENT,
    UnitKind.DIRECT,
    UnitKind.ENTERPRISE,
}


@dataclass(frozen=True)
class StepResult:
    ticket_id: int
    number: str
    status: TicketStatus
    version: int


@dataclass(frozen=True)
class PaymentInput:
    amount: Decimal | str
    paid_on: date
    note: str = ""


class _Step:
    """The state shared by one step while it runs inside its transaction."""

    def __init__(self, env: Environment, actor: Actor, ticket: Ticket):
        self.env = env
        self.actor = actor
        self.ticket = ticket
        self.now = env.now()
        self.assignments = list(
            Assignment.select().where(Assignment.ticket == ticket.id).order_by(Assignment.id)
        )

    @property
    def holder(self) -> Assignment | None:
        for assignment in reversed(self.assignments):
            if assignment.role == AssignmentRole.LEAD.value and assignment.state in _ACTIVE:
                return assignment
        return None

    def co_assignments(self, state: AssignmentState) -> list[Assignment]:
        return [
            a
            for a in self.assignments
            if a.role == AssignmentRole.CO.value and a.state == state.value
        ]

    def facts(self) -> TicketFacts:
        t, holder = self.ticket, self.holder
        return TicketFacts(
            number=t.number,
            status=TicketStatus(t.status),
            origin=TicketOrigin(t.origin),
            handling=HandlingMethod(t.handling) if t.handling else None,
            holder_unit_id=holder.unit_id if holder else None,
            holder_signed=bool(holder and holder.state == A.SIGNED.value),
            holder_parent_unit_id=holder.parent.unit_id if holder and holder.parent_id else None,
            holder_unit_path=holder.unit.path if holder else None,
            holder_return_deadline=holder.return_deadline if holder else None,
            receiving_unit_id=t.receiving_unit_id,
            co_units_unsigned=frozenset(a.unit_id for a in self.co_assignments(A.DISPATCHED)),
            co_units_signed=frozenset(a.unit_id for a in self.co_assignments(A.SIGNED)),
            due_at=t.due_at,
            extension_pending=t.extension_pending,
            satisfaction=Satisfaction(t.satisfaction) if t.satisfaction else None,
        )

    def limits(self):
        t = self.ticket
        return self.env.limits.limits_for(
            t.category.code,
            Urgency(t.urgency),
            complex_case=t.complex_case,
            headcount=t.headcount,
        )

    def assign(
        self,
        unit: OrgUnit,
        role: AssignmentRole,
        state: AssignmentState = A.DISPATCHED,
        parent: Assignment | None = None,
    ) -> Assignment:
        limits = self.limits()
        signed = state == A.SIGNED
        assignment = Assignment.create(
            ticket=self.ticket.id,
            unit=unit,
            role=role.value,
            state=state.value,
            parent=parent,
            dispatched_at=self.now,
            dispatched_by=self.actor.user_id,
            sign_due_at=None if signed else limits.sign.due(self.now, self.env.calendar),
            return_deadline=limits.return_window.due(self.now, self.env.calendar),
            signed_at=self.now if signed else None,
            signed_by=self.actor.user_id if signed else None,
        )
        self.assignments.append(assignment)
        return assignment

    def finish(self, assignment: Assignment, state: AssignmentState, note: str = "") -> None:
        assignment.state = state.value
        assignment.finished_at = self.now
        if note:
            assignment.note = note
        assignment.save()

    def start_clock(self, holder: Assignment) -> None:
        """Set the ticket's due dates for the unit that now holds it."""
        limits = self.limits()
        self.ticket.dispatched_at = self.now
        self.ticket.sign_due_at = holder.sign_due_at
        self.ticket.due_at = limits.complete.due(self.now, self.env.calendar)


_TRACKED = (
    "status",
    "handling",
    "holder_unit_id",
    "receiving_unit_id",
    "due_at",
    "sign_due_at",
    "satisfaction",
    "recovered_total",
    "merged_into_id",
    "extension_pending",
)


def _run(
    env: Environment,
    actor: Actor,
    ticket_id: int,
    step: Step,
    apply: Callable[[_Step], str],
    *,
    expected_version: int | None = None,
    context: StepContext | None = None,
) -> StepResult:
    with env.write():
        ticket = _locked_ticket(env, ticket_id)
        if expected_version is not None and ticket.version != expected_version:
            raise _concurrent(ticket)
        state = _Step(env, actor, ticket)
        context = replace(context or StepContext(), now=state.now)
        from_status = ticket.status
        next_status = authorize(step, state.facts(), actor, context)
        before = {name: getattr(ticket, name) for name in _TRACKED}
        note = apply(state)
        ticket.status = next_status.value
        after = {name: getattr(ticket, name) for name in _TRACKED}
        changed = {
            name: [_plain(before[name]), _plain(after[name])]
            for name in _TRACKED
            if before[name] != after[name]
        }
        _save_versioned(ticket, actor, state.now)
        TicketEvent.create(
            ticket=ticket.id,
            at=state.now,
            actor=actor.user_id,
            step=step.value,
            from_status=from_status,
            to_status=ticket.status,
            unit=actor.unit_id,
            note=note,
            details=json.dumps(changed, ensure_ascii=False) if changed else "",
        )
    return StepResult(ticket.id, ticket.number, TicketStatus(ticket.status), ticket.version)


def _plain(value):
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, Decimal):
        return str(value)
    return value


def _locked_ticket(env: Environment, ticket_id: int) -> Ticket:
    query = Ticket.select().where(Ticket.id == ticket_id)
    if not isinstance(env.db, peewee.SqliteDatabase):
        query = query.for_update()
    ticket = query.first()
    if ticket is None:
        raise NotFound(f"there is no ticket with id {ticket_id}")
    return ticket


def _concurrent(ticket: Ticket) -> ConcurrentEdit:
    user = User.get_or_none(User.id == ticket.updated_by_id)
    who = user.display_name if user else "another user"
    return ConcurrentEdit(ticket.number, who, f"{ticket.updated_at:%Y-%m-%d %H:%M:%S}")


def _save_versioned(ticket: Ticket, actor: Actor, now: datetime) -> None:
    old_version = ticket.version
    ticket.version = old_version + 1
    ticket.updated_at = now
    ticket.updated_by = actor.user_id
    fields = {
        Ticket._meta.fields[name]: value for name, value in ticket.__data__.items() if name != "id"
    }
    saved = (
        Ticket.update(fields)
        .where((Ticket.id == ticket.id) & (Ticket.version == old_version))
        .execute()
    )
    if not saved:
        # Only reachable where the row was not locked: a writer slipped in between.
        raise _concurrent(Ticket.get_by_id(ticket.id))


def _unit(unit_id: int | str, field: str) -> OrgUnit:
    query = OrgUnit.code == unit_id if isinstance(unit_id, str) else OrgUnit.id == unit_id
    unit = OrgUnit.get_or_none(query & (OrgUnit.active == True))  # noqa: E712
    if unit is None:
        raise InvalidInput(field, f"unknown unit “{unit_id}”")
    return unit


def _unit_of_kind(kind: UnitKind) -> OrgUnit:
    unit = OrgUnit.get_or_none((OrgUnit.kind == kind.value) & (OrgUnit.active == True))  # noqa: E712
    if unit is None:
        raise NotFound(f"the org tree has no {kind.en.lower()}; an admin must add one")
    return unit


def _note(text: str, field: str = "note", *, required: bool = False) -> str:
    return validation.text(text, field, limit=validation.MAX_NOTE, required=required)


# ---- the steps ----


def dispatch(
    env: Environment,
    actor: Actor,
    ticket_id: int,
    lead_unit: int | str,
    co_units: Sequence[int | str] = (),
    note: str = "",
    *,
    expected_version: int | None = None,
) -> StepResult:
    """派单: send the ticket to a lead unit, optionally with co-handling units."""
    lead = _unit(lead_unit, "lead unit")
    if UnitKind(lead.kind) not in DISPATCH_TARGETS:
        raise InvalidInput(
            "lead unit",
            f"{lead.name_zh} ({UnitKind(lead.kind).en}) does not take dispatched tickets",
        )
    co = [_unit(code, "co-handling unit") for code in co_units]
    if any(unit.id == lead.id for unit in co) or len({u.id for u in co}) != len(co):
        raise InvalidInput("co-handling unit", "a unit is named twice")
    note = _note(note)

    def apply(s: _Step) -> str:
        holder = s.assign(lead, AssignmentRole.LEAD)
        for unit in co:
            s.assign(unit, AssignmentRole.CO)
        s.ticket.handling = HandlingMethod.DISPATCH.value
        s.ticket.holder_unit = lead.id
        s.ticket.receiving_unit = lead.id
        s.start_clock(holder)
        return note

    return _run(env, actor, ticket_id, Step.DISPATCH, apply, expected_version=expected_version)


def _take_in_house(kind: UnitKind, handling: HandlingMethod) -> Callable[[_Step], None]:
    def take(s: _Step) -> None:
        unit = _unit_of_kind(kind)
        holder = s.assign(unit, AssignmentRole.LEAD, A.SIGNED)
        s.ticket.handling = handling.value
        s.ticket.holder_unit = unit.id
        s.ticket.receiving_unit = unit.id
        s.start_clock(holder)
        s.ticket.sign_due_at = None

    return take


def handle_in_office(
    env: Environment, actor: Actor, ticket_id: int, note: str = "", *, expected_version=None
) -> StepResult:
    """办单: the hotline leading-group office handles an urgent or major ticket itself."""
    note = _note(note)
    take = _take_in_house(UnitKind.OFFICE, HandlingMethod.OFFICE)

    def apply(s: _Step) -> str:
        take(s)
        return note

    return _run(
        env, actor, ticket_id, Step.HANDLE_IN_OFFICE, apply, expected_version=expected_version
    )


def mediate(
    env: Environment,
    actor: Actor,
    ticket_id: int,
    *,
    worker_consents: bool,
    employer_consents: bool,
    consent_note: str = "",
    expected_version: int | None = None,
) -> StepResult:
    """调单: the model-worker/lawyer mediation studio takes it, with both parties' consent."""
    consent_note = validation.text(consent_note, "consent note", limit=500)
    take = _take_in_house(UnitKind.MEDIATION, HandlingMethod.MEDIATION)

    def apply(s: _Step) -> str:
        take(s)
        Mediation.delete().where(Mediation.ticket == s.ticket.id).execute()
        Mediation.create(
            ticket=s.ticket.id,
            worker_consent=worker_consents,
            employer_consent=employer_consents,
            consent_note=consent_note,
            started_at=s.now,
            started_by=actor.user_id,
        )
        return consent_note

    context = StepContext(worker_consents=worker_consents, employer_consents=employer_consents)
    return _run(
        env,
        actor,
        ticket_id,
        Step.MEDIATE,
        apply,
        expected_version=expected_version,
        context=context,
    )


def sign(
    env: Environment, actor: Actor, ticket_id: int, note: str = "", *, expected_version=None
) -> StepResult:
    """签收: the unit (lead or co-handling) acknowledges the ticket."""
    note = _note(note)

    def apply(s: _Step) -> str:
        holder = s.holder
        if holder and holder.unit_id == actor.unit_id and holder.state == A.DISPATCHED.value:
            mine = holder
            s.ticket.signed_at = s.now
        else:
            mine = next(a for a in s.co_assignments(A.DISPATCHED) if a.unit_id == actor.unit_id)
        mine.state = A.SIGNED.value
        mine.signed_at = s.now
        mine.signed_by = actor.user_id
        mine.save()
        return note

    return _run(env, actor, ticket_id, Step.SIGN, apply, expected_version=expected_version)


def instruct(
    env: Environment, actor: Actor, ticket_id: int, text: str, *, expected_version=None
) -> StepResult:
    """批示: a leader's instruction, by the rule of who instructs which ticket."""
    text = _note(text, "instruction", required=True)

    def apply(s: _Step) -> str:
        Instruction.create(ticket=s.ticket.id, leader=actor.user_id, written_at=s.now, text=text)
        return text

    return _run(env, actor, ticket_id, Step.INSTRUCT, apply, expected_version=expected_version)


def record_progress(
    env: Environment, actor: Actor, ticket_id: int, note: str, *, expected_version=None
) -> StepResult:
    note = _note(note, "progress", required=True)
    return _run(
        env, actor, ticket_id, Step.PROGRESS, lambda s: note, expected_version=expected_version
    )


def dispatch_down(
    env: Environment,
    actor: Actor,
    ticket_id: int,
    unit: int | str,
    note: str = "",
    *,
    expected_version: int | None = None,
) -> StepResult:
    """逐级下派: the holding unit passes the ticket to a unit under it."""
    target = _unit(unit, "unit")
    note = _note(note)

    def apply(s: _Step) -> str:
        parent = s.holder
        parent.state = A.DELEGATED.value
        parent.save()
        child = s.assign(target, AssignmentRole.LEAD, parent=parent)
        s.ticket.holder_unit = target.id
        s.ticket.sign_due_at = child.sign_due_at
        return note

    return _run(
        env,
        actor,
        ticket_id,
        Step.DISPATCH_DOWN,
        apply,
        expected_version=expected_version,
        context=StepContext(target_unit_path=target.path),
    )


def _back_to_parent(s: _Step, finished: Assignment, state: AssignmentState, note: str) -> None:
    s.finish(finished, state, note)
    parent = finished.parent
    parent.state = A.SIGNED.value
    parent.save()
    s.ticket.holder_unit = parent.unit_id


def report_up(
    env: Environment, actor: Actor, ticket_id: int, result: str, *, expected_version=None
) -> StepResult:
    """逐级反馈: a lower unit reports its result to the unit that passed the ticket down."""
    result = _note(result, "result", required=True)

    def apply(s: _Step) -> str:
        _back_to_parent(s, s.holder, A.REPORTED, result)
        return result

    return _run(env, actor, ticket_id, Step.REPORT_UP, apply, expected_version=expected_version)


def return_ticket(
    env: Environment, actor: Actor, ticket_id: int, reason: str, *, expected_version=None
) -> StepResult:
    """退单: a wrongly routed ticket goes back, with a reason, to whoever sent it."""
    reason = _note(reason, "reason", required=True)

    def apply(s: _Step) -> str:
        holder = s.holder
        if holder.parent_id:
            _back_to_parent(s, holder, A.RETURNED, reason)
            return reason
        s.finish(holder, A.RETURNED, reason)
        for co in s.co_assignments(A.DISPATCHED) + s.co_assignments(A.SIGNED):
            s.finish(co, A.RETURNED)
        _clear_handling(s.ticket)
        s.ticket.return_count += 1
        return reason

    return _run(env, actor, ticket_id, Step.RETURN, apply, expected_version=expected_version)


def _clear_handling(ticket: Ticket) -> None:
    ticket.handling = None
    ticket.holder_unit = None
    ticket.receiving_unit = None
    ticket.dispatched_at = None
    ticket.sign_due_at = None
    ticket.signed_at = None
    ticket.due_at = None
    ticket.extension_pending = False


def request_extension(
    env: Environment,
    actor: Actor,
    ticket_id: int,
    days: int,
    reason: str,
    *,
    expected_version: int | None = None,
) -> StepResult:
    """延期申请: asked before the due date; the clock runs on until the centre approves."""
    reason = _note(reason, "reason", required=True)
    maximum = env.limits.extension_max_days
    if not isinstance(days, int) or not 1 <= days <= maximum:
        raise InvalidInput("days", f"an extension is 1 to {maximum} working days")

    def apply(s: _Step) -> str:
        ExtensionRequest.create(
            ticket=s.ticket.id,
            requested_by=actor.user_id,
            requested_at=s.now,
            days=days,
            reason=reason,
        )
        s.ticket.extension_pending = True
        return f"+{days}: {reason}"

    return _run(
        env, actor, ticket_id, Step.REQUEST_EXTENSION, apply, expected_version=expected_version
    )


def decide_extension(
    env: Environment,
    actor: Actor,
    ticket_id: int,
    approve: bool,
    note: str = "",
    *,
    expected_version: int | None = None,
) -> StepResult:
    """The centre approves (the due date moves) or refuses a pending extension."""
    note = _note(note, required=not approve)

    def apply(s: _Step) -> str:
        request = (
            ExtensionRequest.select()
            .where((ExtensionRequest.ticket == s.ticket.id) & ExtensionRequest.approved.is_null())
            .order_by(ExtensionRequest.id.desc())
            .get()
        )
        request.approved = approve
        request.decided_by = actor.user_id
        request.decided_at = s.now
        request.decision_note = note
        request.save()
        if approve:
            s.ticket.due_at = s.env.calendar.add_working_days(s.ticket.due_at, request.days)
        s.ticket.extension_pending = False
        return note

    step = Step.APPROVE_EXTENSION if approve else Step.REFUSE_EXTENSION
    return _run(env, actor, ticket_id, step, apply, expected_version=expected_version)


def _add_payments(s: _Step, payments: Iterable[PaymentInput]) -> Decimal:
    total = Decimal("0")
    for number, payment in enumerate(payments, start=1):
        amount = validation.positive_amount(payment.amount, f"payment {number}")
        if payment.paid_on > s.now.date():
            raise InvalidInput(f"payment {number}", "a payment date cannot be in the future")
        note = validation.text(payment.note, f"payment {number} note", limit=200)
        Payment.create(
            ticket=s.ticket.id,
            amount=amount,
            paid_on=payment.paid_on,
            note=note,
            recorded_by=s.actor.user_id,
            recorded_at=s.now,
        )
        total += amount
    s.ticket.recovered_total = (s.ticket.recovered_total or Decimal("0")) + total
    return total


def complete(
    env: Environment,
    actor: Actor,
    ticket_id: int,
    result: str,
    payments: Sequence[PaymentInput] = (),
    *,
    expected_version: int | None = None,
) -> StepResult:
    """办结: the result, and the money recovered for the workers in one or more instalments."""
    result = validation.text(result, "result", limit=validation.MAX_DESCRIPTION, required=True)

    def apply(s: _Step) -> str:
        total = _add_payments(s, payments)
        s.finish(s.holder, A.COMPLETED)
        for co in s.co_assignments(A.SIGNED) + s.co_assignments(A.DISPATCHED):
            s.finish(co, A.COMPLETED)
        if s.ticket.handling == HandlingMethod.MEDIATION.value:
            Mediation.update(outcome=result).where(Mediation.ticket == s.ticket.id).execute()
        s.ticket.result = result
        s.ticket.completed_at = s.now
        s.ticket.extension_pending = False
        s.ticket.callback_due_at = s.limits().callback.due(s.now, s.env.calendar)
        return result + (f" (¥{total:,.2f})" if total else "")

    return _run(env, actor, ticket_id, Step.COMPLETE, apply, expected_version=expected_version)


def record_payment(
    env: Environment,
    actor: Actor,
    ticket_id: int,
    payment: PaymentInput,
    *,
    expected_version: int | None = None,
) -> StepResult:
    """A later instalment of recovered money (wages are often paid in several batches)."""

    def apply(s: _Step) -> str:
        total = _add_payments(s, [payment])
        return f"¥{total:,.2f} {payment.note}".strip()

    return _run(
        env, actor, ticket_id, Step.RECORD_PAYMENT, apply, expected_version=expected_version
    )


def callback(
    env: Environment,
    actor: Actor,
    ticket_id: int,
    satisfaction: Satisfaction | str,
    note: str = "",
    *,
    expected_version: int | None = None,
) -> StepResult:
    """回访: ask the caller how it went."""
    try:
        satisfaction = Satisfaction(satisfaction)
    except ValueError:
        raise InvalidInput(
            "satisfaction", f"“{satisfaction}” is not a satisfaction level"
        ) from None
    note = _note(note)

    def apply(s: _Step) -> str:
        s.ticket.satisfaction = satisfaction.value
        s.ticket.called_back_at = s.now
        return note

    return _run(env, actor, ticket_id, Step.CALLBACK, apply, expected_version=expected_version)


def reopen(
    env: Environment, actor: Actor, ticket_id: int, reason: str, *, expected_version=None
) -> StepResult:
    """重办: an unsatisfied caller's ticket goes back to dispatch."""
    reason = _note(reason, "reason", required=True)

    def apply(s: _Step) -> str:
        _clear_handling(s.ticket)
        s.ticket.completed_at = None
        s.ticket.callback_due_at = None
        s.ticket.satisfaction = None
        s.ticket.reopen_count += 1
        return reason

    return _run(env, actor, ticket_id, Step.REOPEN, apply, expected_version=expected_version)


def merge(
    env: Environment,
    actor: Actor,
    ticket_id: int,
    master_number: str,
    note: str = "",
    *,
    expected_version: int | None = None,
) -> StepResult:
    """合并: a duplicate report joins the master ticket and stops here."""
    master = Ticket.get_or_none(Ticket.number == (master_number or "").strip())
    if master is None:
        raise InvalidInput("master ticket", f"there is no ticket numbered “{master_number}”")
    note = _note(note)

    def apply(s: _Step) -> str:
        for assignment in s.assignments:
            if assignment.state in _ACTIVE:
                s.finish(assignment, A.RETURNED, f"merged into {master.number}")
        s.ticket.merged_into = master.id
        s.ticket.holder_unit = None
        s.ticket.extension_pending = False
        return f"{master.number} {note}".strip()

    context = StepContext(
        master_status=TicketStatus(master.status), master_is_self=master.id == ticket_id
    )
    return _run(
        env,
        actor,
        ticket_id,
        Step.MERGE,
        apply,
        expected_version=expected_version,
        context=context,
    )


def archive(
    env: Environment, actor: Actor, ticket_id: int, note: str = "", *, expected_version=None
) -> StepResult:
    note = _note(note)

    def apply(s: _Step) -> str:
        s.ticket.archived_at = s.now
        return note

    return _run(env, actor, ticket_id, Step.ARCHIVE, apply, expected_version=expected_version)
