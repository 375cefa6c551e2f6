"""One function per step a user takes on a ticket.

Each goes through ``step_runner.run_step``: one transaction that locks the
ticket, refuses a stale edit, asks the workflow whether the actor may take the
step, applies it, bumps the version and appends the history event.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..domain import validation
from ..domain.errors import InvalidInput
from ..domain.vocabulary import (
    AssignmentRole,
    AssignmentState,
    HandlingMethod,
    Satisfaction,
    TicketStatus,
    UnitKind,
)
from ..domain.workflow import Actor, Step, StepContext
from ..store.models import (
    Assignment,
    ExtensionRequest,
    Instruction,
    Mediation,
    Payment,
    Ticket,
)
from ..store.reference_cache import UnitInfo
from .environment import Environment
from .step_runner import (
    ACTIVE,
    StepResult,
    StepRun,
    active_unit,
    checked_note,
    run_step,
    unit_of_kind,
)

A = AssignmentState
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

__all__ = ["DISPATCH_TARGETS", "PaymentInput", "StepResult"]


@dataclass(frozen=True)
class PaymentInput:
    amount: Decimal | str
    paid_on: date
    note: str = ""


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
    lead = active_unit(env, lead_unit, "lead unit")
    if UnitKind(lead.kind) not in DISPATCH_TARGETS:
        raise InvalidInput(
            "lead unit",
            f"{lead.name_zh} ({UnitKind(lead.kind).en}) does not take dispatched tickets",
        )
    co = [active_unit(env, code, "co-handling unit") for code in co_units]
    if any(unit.id == lead.id for unit in co) or len({u.id for u in co}) != len(co):
        raise InvalidInput("co-handling unit", "a unit is named twice")
    note = checked_note(note)

    def apply(s: StepRun) -> str:
        _hand_over(s, lead, HandlingMethod.DISPATCH)
        for unit in co:
            s.assign(unit, AssignmentRole.CO)
        return note

    return run_step(env, actor, ticket_id, Step.DISPATCH, apply, expected_version=expected_version)


def _hand_over(s: StepRun, unit: UnitInfo, handling: HandlingMethod) -> None:
    """Make ``unit`` the ticket's receiving and holding unit, and start its clock.

    The centre's own office and mediation studio take the ticket at once; a
    dispatched unit must sign for it first."""
    in_house = handling != HandlingMethod.DISPATCH
    holder = s.assign(unit, AssignmentRole.LEAD, A.SIGNED if in_house else A.DISPATCHED)
    s.ticket.handling = handling.value
    s.ticket.holder_unit = unit.id
    s.ticket.receiving_unit = unit.id
    s.start_clock(holder)


def handle_in_office(
    env: Environment, actor: Actor, ticket_id: int, note: str = "", *, expected_version=None
) -> StepResult:
    """办单: the hotline leading-group office handles an urgent or major ticket itself."""
    note = checked_note(note)

    def apply(s: StepRun) -> str:
        _hand_over(s, unit_of_kind(env, UnitKind.OFFICE), HandlingMethod.OFFICE)
        return note

    return run_step(
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

    def apply(s: StepRun) -> str:
        _hand_over(s, unit_of_kind(env, UnitKind.MEDIATION), HandlingMethod.MEDIATION)
        Mediation.delete().where(Mediation.ticket == s.ticket.id).execute()
        s.env.sql.insert(
            Mediation,
            ticket=s.ticket.id,
            worker_consent=worker_consents,
            employer_consent=employer_consents,
            consent_note=consent_note,
            started_at=s.now,
            started_by=actor.user_id,
        )
        return consent_note

    context = StepContext(worker_consents=worker_consents, employer_consents=employer_consents)
    return run_step(
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
    note = checked_note(note)

    def apply(s: StepRun) -> str:
        holder = s.holder
        if holder and holder.unit_id == actor.unit_id and holder.state == A.DISPATCHED.value:
            mine = holder
            s.ticket.signed_at = s.now
        else:
            mine = next(a for a in s.co_assignments(A.DISPATCHED) if a.unit_id == actor.unit_id)
        s.change(mine, state=A.SIGNED.value, signed_at=s.now, signed_by=actor.user_id)
        return note

    return run_step(env, actor, ticket_id, Step.SIGN, apply, expected_version=expected_version)


def instruct(
    env: Environment, actor: Actor, ticket_id: int, text: str, *, expected_version=None
) -> StepResult:
    """批示: a leader's instruction, by the rule of who instructs which ticket."""
    text = checked_note(text, "instruction", required=True)

    def apply(s: StepRun) -> str:
        s.env.sql.insert(
            Instruction, ticket=s.ticket.id, leader=actor.user_id, written_at=s.now, text=text
        )
        return text

    return run_step(env, actor, ticket_id, Step.INSTRUCT, apply, expected_version=expected_version)


def record_progress(
    env: Environment, actor: Actor, ticket_id: int, note: str, *, expected_version=None
) -> StepResult:
    note = checked_note(note, "progress", required=True)
    return run_step(
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
    target = active_unit(env, unit, "unit")
    note = checked_note(note)

    def apply(s: StepRun) -> str:
        parent = s.holder
        s.change(parent, state=A.DELEGATED.value)
        child = s.assign(target, AssignmentRole.LEAD, parent=parent)
        s.ticket.holder_unit = target.id
        s.ticket.sign_due_at = child.sign_due_at
        return note

    return run_step(
        env,
        actor,
        ticket_id,
        Step.DISPATCH_DOWN,
        apply,
        expected_version=expected_version,
        context=StepContext(target_unit_path=target.path),
    )


def _back_to_parent(s: StepRun, finished: Assignment, state: AssignmentState, note: str) -> None:
    s.finish(finished, state, note)
    parent = s.parent_of(finished)
    s.change(parent, state=A.SIGNED.value)
    s.ticket.holder_unit = parent.unit_id


def report_up(
    env: Environment, actor: Actor, ticket_id: int, result: str, *, expected_version=None
) -> StepResult:
    """逐级反馈: a lower unit reports its result to the unit that passed the ticket down."""
    result = checked_note(result, "result", required=True)

    def apply(s: StepRun) -> str:
        _back_to_parent(s, s.holder, A.REPORTED, result)
        return result

    return run_step(env, actor, ticket_id, Step.REPORT_UP, apply, expected_version=expected_version)


def return_ticket(
    env: Environment, actor: Actor, ticket_id: int, reason: str, *, expected_version=None
) -> StepResult:
    """退单: a wrongly routed ticket goes back, with a reason, to whoever sent it."""
    reason = checked_note(reason, "reason", required=True)

    def apply(s: StepRun) -> str:
        holder = s.holder
        if holder.parent_id:
            _back_to_parent(s, holder, A.RETURNED, reason)
            return reason
        s.finish(holder, A.RETURNED, reason)
        for co in s.co_assignments(A.DISPATCHED, A.SIGNED):
            s.finish(co, A.RETURNED)
        _clear_handling(s.ticket)
        s.ticket.return_count += 1
        return reason

    return run_step(env, actor, ticket_id, Step.RETURN, apply, expected_version=expected_version)


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
    reason = checked_note(reason, "reason", required=True)
    maximum = env.limits.extension_max_days
    if not isinstance(days, int) or not 1 <= days <= maximum:
        raise InvalidInput("days", f"an extension is 1 to {maximum} working days")

    def apply(s: StepRun) -> str:
        s.env.sql.insert(
            ExtensionRequest,
            ticket=s.ticket.id,
            requested_by=actor.user_id,
            requested_at=s.now,
            days=days,
            reason=reason,
        )
        s.ticket.extension_pending = True
        return f"+{days}: {reason}"

    return run_step(
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
    note = checked_note(note, required=not approve)

    def apply(s: StepRun) -> str:
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
    return run_step(env, actor, ticket_id, step, apply, expected_version=expected_version)


def _add_payments(s: StepRun, payments: Iterable[PaymentInput]) -> Decimal:
    total = Decimal("0")
    for number, payment in enumerate(payments, start=1):
        amount = validation.positive_amount(payment.amount, f"payment {number}")
        if payment.paid_on > s.now.date():
            raise InvalidInput(f"payment {number}", "a payment date cannot be in the future")
        note = validation.text(payment.note, f"payment {number} note", limit=200)
        s.env.sql.insert(
            Payment,
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

    def apply(s: StepRun) -> str:
        total = _add_payments(s, payments)
        s.finish(s.holder, A.COMPLETED)
        for co in s.co_assignments(A.DISPATCHED, A.SIGNED):
            s.finish(co, A.COMPLETED)
        if s.ticket.handling == HandlingMethod.MEDIATION.value:
            Mediation.update(outcome=result).where(Mediation.ticket == s.ticket.id).execute()
        s.ticket.result = result
        s.ticket.completed_at = s.now
        s.ticket.extension_pending = False
        s.ticket.callback_due_at = s.limits.callback.due(s.now, s.env.calendar)
        return result + (f" (¥{total:,.2f})" if total else "")

    return run_step(env, actor, ticket_id, Step.COMPLETE, apply, expected_version=expected_version)


def record_payment(
    env: Environment,
    actor: Actor,
    ticket_id: int,
    payment: PaymentInput,
    *,
    expected_version: int | None = None,
) -> StepResult:
    """A later instalment of recovered money (wages are often paid in several batches)."""

    def apply(s: StepRun) -> str:
        total = _add_payments(s, [payment])
        return f"¥{total:,.2f} {payment.note}".strip()

    return run_step(
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
    note = checked_note(note)

    def apply(s: StepRun) -> str:
        s.ticket.satisfaction = satisfaction.value
        s.ticket.called_back_at = s.now
        return note

    return run_step(env, actor, ticket_id, Step.CALLBACK, apply, expected_version=expected_version)


def reopen(
    env: Environment, actor: Actor, ticket_id: int, reason: str, *, expected_version=None
) -> StepResult:
    """重办: an unsatisfied caller's ticket goes back to dispatch."""
    reason = checked_note(reason, "reason", required=True)

    def apply(s: StepRun) -> str:
        _clear_handling(s.ticket)
        s.ticket.completed_at = None
        s.ticket.callback_due_at = None
        s.ticket.satisfaction = None
        s.ticket.reopen_count += 1
        return reason

    return run_step(env, actor, ticket_id, Step.REOPEN, apply, expected_version=expected_version)


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
    note = checked_note(note)

    def apply(s: StepRun) -> str:
        for assignment in s.assignments:
            if assignment.state in ACTIVE:
                s.finish(assignment, A.RETURNED, f"merged into {master.number}")
        s.ticket.merged_into = master.id
        s.ticket.holder_unit = None
        s.ticket.extension_pending = False
        return f"{master.number} {note}".strip()

    context = StepContext(
        master_status=TicketStatus(master.status), master_is_self=master.id == ticket_id
    )
    return run_step(
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
    note = checked_note(note)

    def apply(s: StepRun) -> str:
        s.ticket.archived_at = s.now
        return note

    return run_step(env, actor, ticket_id, Step.ARCHIVE, apply, expected_version=expected_version)
