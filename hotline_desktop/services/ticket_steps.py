"""One function per step a user takes on a ticket.

Each goes through ``step_runner.run_step``: one transaction that locks the
ticket, refuses a stale edit, asks the workflow whether the actor may take the
step, applies it, bumps the version and appends the history event.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ..domain import validation
from ..domain.errors import InvalidInput
from ..domain.phrases import QT_TRANSLATE_NOOP, said
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
    Reminder,
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

# Co-handlers: the same units, plus the partner bodies of "+" (procuratorate, courts...).
CO_HANDLERS = DISPATCH_TARGETS | {UnitKind.PARTNER}

__all__ = ["CO_HANDLERS", "DISPATCH_TARGETS", "PaymentInput", "StepResult"]


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
            said(
                QT_TRANSLATE_NOOP("Messages", "{unit} ({kind}) does not take dispatched tickets"),
                unit=lead.name_zh,
                kind=UnitKind(lead.kind),
            ),
        )
    co = [active_unit(env, code, "co-handling unit") for code in co_units]
    if any(unit.id == lead.id for unit in co) or len({u.id for u in co}) != len(co):
        raise InvalidInput(
            "co-handling unit", said(QT_TRANSLATE_NOOP("Messages", "a unit is named twice"))
        )
    for unit in co:
        if UnitKind(unit.kind) not in CO_HANDLERS:
            raise InvalidInput(
                "co-handling unit",
                said(
                    QT_TRANSLATE_NOOP("Messages", "{unit} ({kind}) does not co-handle tickets"),
                    unit=unit.name_zh,
                    kind=UnitKind(unit.kind),
                ),
            )
    note = checked_note(note)

    def apply(run: StepRun) -> str:
        _hand_over(run, lead, HandlingMethod.DISPATCH)
        for unit in co:
            run.assign(unit, AssignmentRole.CO)
        return note

    return run_step(env, actor, ticket_id, Step.DISPATCH, apply, expected_version=expected_version)


def _hand_over(run: StepRun, unit: UnitInfo, handling: HandlingMethod) -> None:
    """Make ``unit`` the ticket's receiving and holding unit, and start its clock.

    The centre's own office and mediation studio take the ticket at once; a
    dispatched unit must sign for it first."""
    in_house = handling != HandlingMethod.DISPATCH
    holder = run.assign(
        unit,
        AssignmentRole.LEAD,
        AssignmentState.SIGNED if in_house else AssignmentState.DISPATCHED,
    )
    run.ticket.handling = handling.value
    run.ticket.holder_unit = unit.id
    run.ticket.receiving_unit = unit.id
    run.ticket.signed_at = run.now if in_house else None
    run.start_clock(holder)


def handle_in_office(
    env: Environment, actor: Actor, ticket_id: int, note: str = "", *, expected_version=None
) -> StepResult:
    """办单: the hotline leading-group office handles an urgent or major ticket itself."""
    note = checked_note(note)

    def apply(run: StepRun) -> str:
        _hand_over(run, unit_of_kind(env, UnitKind.OFFICE), HandlingMethod.OFFICE)
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

    def apply(run: StepRun) -> str:
        _hand_over(run, unit_of_kind(env, UnitKind.MEDIATION), HandlingMethod.MEDIATION)
        run.env.sql.insert(
            Mediation,
            ticket=run.ticket.id,
            worker_consent=worker_consents,
            employer_consent=employer_consents,
            consent_note=consent_note,
            started_at=run.now,
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

    def apply(run: StepRun) -> str:
        holder = run.holder
        if (
            holder
            and holder.unit_id == actor.unit_id
            and holder.state == AssignmentState.DISPATCHED.value
        ):
            mine = holder
            run.ticket.signed_at = run.now
        else:
            mine = next(
                a
                for a in run.co_assignments(AssignmentState.DISPATCHED)
                if a.unit_id == actor.unit_id
            )
        run.change(
            mine, state=AssignmentState.SIGNED.value, signed_at=run.now, signed_by=actor.user_id
        )
        return note

    return run_step(env, actor, ticket_id, Step.SIGN, apply, expected_version=expected_version)


def instruct(
    env: Environment, actor: Actor, ticket_id: int, text: str, *, expected_version=None
) -> StepResult:
    """批示: a leader's instruction, by the rule of who instructs which ticket."""
    text = checked_note(text, "instruction", required=True)

    def apply(run: StepRun) -> str:
        run.env.sql.insert(
            Instruction, ticket=run.ticket.id, leader=actor.user_id, written_at=run.now, text=text
        )
        return text

    return run_step(env, actor, ticket_id, Step.INSTRUCT, apply, expected_version=expected_version)


def record_progress(
    env: Environment, actor: Actor, ticket_id: int, note: str, *, expected_version=None
) -> StepResult:
    note = checked_note(note, "progress", required=True)
    return run_step(
        env, actor, ticket_id, Step.PROGRESS, lambda run: note, expected_version=expected_version
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

    def apply(run: StepRun) -> str:
        parent = run.holder
        run.change(parent, state=AssignmentState.DELEGATED.value)
        child = run.assign(target, AssignmentRole.LEAD, parent=parent)
        run.ticket.holder_unit = target.id
        run.ticket.sign_due_at = child.sign_due_at
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


def _back_to_parent(run: StepRun, finished: Assignment, state: AssignmentState, note: str) -> None:
    run.finish(finished, state, note)
    parent = run.parent_of(finished)
    run.change(parent, state=AssignmentState.SIGNED.value)
    run.ticket.holder_unit = parent.unit_id
    run.ticket.sign_due_at = None  # the parent signed long ago: nothing is waiting to be signed


def report_up(
    env: Environment, actor: Actor, ticket_id: int, result: str, *, expected_version=None
) -> StepResult:
    """逐级反馈: a lower unit reports its result to the unit that passed the ticket down."""
    result = checked_note(result, "result", required=True)

    def apply(run: StepRun) -> str:
        _back_to_parent(run, run.holder, AssignmentState.REPORTED, result)
        return result

    return run_step(env, actor, ticket_id, Step.REPORT_UP, apply, expected_version=expected_version)


def return_ticket(
    env: Environment, actor: Actor, ticket_id: int, reason: str, *, expected_version=None
) -> StepResult:
    """退单: a wrongly routed ticket goes back, with a reason, to whoever sent it."""
    reason = checked_note(reason, "reason", required=True)

    def apply(run: StepRun) -> str:
        holder = run.holder
        if holder.parent_id:
            _back_to_parent(run, holder, AssignmentState.RETURNED, reason)
            return reason
        run.finish(holder, AssignmentState.RETURNED, reason)
        for co in run.co_assignments(AssignmentState.DISPATCHED, AssignmentState.SIGNED):
            run.finish(co, AssignmentState.RETURNED)
        _withdraw_extension(run, "the ticket was returned")
        _clear_handling(run.ticket)
        run.ticket.return_count += 1
        return reason

    return run_step(env, actor, ticket_id, Step.RETURN, apply, expected_version=expected_version)


def _withdraw_extension(run: StepRun, why: str) -> None:
    """A request nobody decided lapses when the ticket leaves the unit that asked."""
    if not run.ticket.extension_pending:
        return
    ExtensionRequest.update(
        approved=False, decided_at=run.now, decided_by=run.actor.user_id, decision_note=why
    ).where(
        (ExtensionRequest.ticket == run.ticket.id) & ExtensionRequest.approved.is_null()
    ).execute()
    run.ticket.extension_pending = False


def _clear_handling(ticket: Ticket) -> None:
    ticket.handling = None
    ticket.holder_unit = None
    ticket.receiving_unit = None
    ticket.dispatched_at = None
    ticket.sign_due_at = None
    ticket.signed_at = None
    ticket.due_at = None


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
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= maximum:
        raise InvalidInput(
            "days",
            said(
                QT_TRANSLATE_NOOP("Messages", "an extension is 1 to {maximum} working days"),
                maximum=maximum,
            ),
        )

    def apply(run: StepRun) -> str:
        # The limit is for the ticket, not for each request: no extending by instalments.
        granted = sum(
            request.days
            for request in run.env.sql.where_equal(ExtensionRequest, "ticket_id", run.ticket.id)
            if request.approved
        )
        if granted + days > maximum:
            raise InvalidInput(
                "days",
                said(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "{granted} of the {maximum} working days an extension may add are "
                        "granted already; at most {left} more",
                    ),
                    granted=granted,
                    maximum=maximum,
                    left=maximum - granted,
                ),
            )
        run.env.sql.insert(
            ExtensionRequest,
            ticket=run.ticket.id,
            requested_by=actor.user_id,
            requested_at=run.now,
            days=days,
            reason=reason,
        )
        run.ticket.extension_pending = True
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

    def apply(run: StepRun) -> str:
        request = (
            ExtensionRequest.select()
            .where((ExtensionRequest.ticket == run.ticket.id) & ExtensionRequest.approved.is_null())
            .order_by(ExtensionRequest.id.desc())
            .get()
        )
        request.approved = approve
        request.decided_by = actor.user_id
        request.decided_at = run.now
        request.decision_note = note
        request.save()
        if approve:
            run.ticket.due_at = run.env.calendar.add_working_days(run.ticket.due_at, request.days)
        run.ticket.extension_pending = False
        return note

    step = Step.APPROVE_EXTENSION if approve else Step.REFUSE_EXTENSION
    return run_step(env, actor, ticket_id, step, apply, expected_version=expected_version)


def _add_payments(run: StepRun, payments: Iterable[PaymentInput]) -> Decimal:
    total = Decimal("0")
    for number, payment in enumerate(payments, start=1):
        amount = validation.positive_amount(payment.amount, f"payment {number}")
        if not isinstance(payment.paid_on, date):
            raise InvalidInput(
                f"payment {number}",
                said(QT_TRANSLATE_NOOP("Messages", "the date it was paid is required")),
            )
        if payment.paid_on > run.now.date():
            raise InvalidInput(
                f"payment {number}",
                said(QT_TRANSLATE_NOOP("Messages", "a payment date cannot be in the future")),
            )
        if payment.paid_on < run.ticket.created_at.date() - timedelta(days=366):
            raise InvalidInput(
                f"payment {number}",
                said(
                    QT_TRANSLATE_NOOP(
                        "Messages", "a payment more than a year before the call is not plausible"
                    )
                ),
            )
        note = validation.text(payment.note, f"payment {number} note", limit=200)
        run.env.sql.insert(
            Payment,
            ticket=run.ticket.id,
            amount=amount,
            paid_on=payment.paid_on,
            note=note,
            recorded_by=run.actor.user_id,
            recorded_at=run.now,
        )
        total += amount
    run.ticket.recovered_total = (run.ticket.recovered_total or Decimal("0")) + total
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

    def apply(run: StepRun) -> str:
        total = _add_payments(run, payments)
        run.finish(run.holder, AssignmentState.COMPLETED)
        for co in run.co_assignments(AssignmentState.DISPATCHED, AssignmentState.SIGNED):
            run.finish(co, AssignmentState.COMPLETED)
        if run.ticket.handling == HandlingMethod.MEDIATION.value:
            mediation = run.env.sql.where_equal(Mediation, "ticket_id", run.ticket.id)[-1]
            run.change(mediation, outcome=result)
        _withdraw_extension(run, "the ticket was completed")
        run.ticket.result = result
        run.ticket.completed_at = run.now
        run.ticket.callback_due_at = run.limits.callback.due(run.now, run.env.calendar)
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

    def apply(run: StepRun) -> str:
        total = _add_payments(run, [payment])
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
    satisfaction = validation.choice(Satisfaction, satisfaction, "satisfaction")
    note = checked_note(note)

    def apply(run: StepRun) -> str:
        run.ticket.satisfaction = satisfaction.value
        run.ticket.called_back_at = run.now
        return note

    return run_step(env, actor, ticket_id, Step.CALLBACK, apply, expected_version=expected_version)


def reopen(
    env: Environment, actor: Actor, ticket_id: int, reason: str, *, expected_version=None
) -> StepResult:
    """重办: an unsatisfied caller's ticket goes back to dispatch."""
    reason = checked_note(reason, "reason", required=True)

    def apply(run: StepRun) -> str:
        _clear_handling(run.ticket)
        # The last round's result and callback stay in the history; the ticket starts over.
        run.ticket.result = ""
        run.ticket.completed_at = None
        run.ticket.callback_due_at = None
        run.ticket.called_back_at = None
        run.ticket.satisfaction = None
        run.ticket.reopen_count += 1
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
    master_id = env.sql.first_id(Ticket, "number", (master_number or "").strip())
    if master_id is None:
        raise InvalidInput(
            "master ticket",
            said(
                QT_TRANSLATE_NOOP("Messages", "there is no ticket numbered “{number}”"),
                number=master_number,
            ),
        )
    note = checked_note(note)

    def master_facts(run: StepRun) -> StepContext:
        # Read under the lock: the master may have been merged or archived a moment ago.
        master = run.locked[master_id]
        return StepContext(
            master_status=TicketStatus(master.status), master_is_self=master_id == ticket_id
        )

    def apply(run: StepRun) -> str:
        master = run.locked[master_id]
        for assignment in run.assignments:
            if assignment.state in (*ACTIVE, AssignmentState.DELEGATED.value):
                run.finish(assignment, AssignmentState.RETURNED, f"merged into {master.number}")
        _withdraw_extension(run, f"merged into {master.number}")
        run.ticket.merged_into = master.id
        run.ticket.holder_unit = None
        return f"{master.number} {note}".strip()

    return run_step(
        env,
        actor,
        ticket_id,
        Step.MERGE,
        apply,
        expected_version=expected_version,
        context=master_facts,
        also_lock=master_id,
    )


def archive(
    env: Environment, actor: Actor, ticket_id: int, note: str = "", *, expected_version=None
) -> StepResult:
    note = checked_note(note)

    def apply(run: StepRun) -> str:
        run.ticket.archived_at = run.now
        return note

    return run_step(env, actor, ticket_id, Step.ARCHIVE, apply, expected_version=expected_version)


def remind(
    env: Environment, actor: Actor, ticket_id: int, note: str = "", *, expected_version=None
) -> StepResult:
    """催办: press the unit that holds the ticket; its queue shows the reminder."""
    note = checked_note(note)

    def apply(run: StepRun) -> str:
        env.sql.insert(
            Reminder,
            ticket=run.ticket.id,
            unit=run.ticket.holder_unit_id,
            sent_by=run.actor.user_id,
            sent_at=run.now,
            note=note,
        )
        run.ticket.reminder_count += 1
        return note

    return run_step(
        env,
        actor,
        ticket_id,
        Step.REMIND,
        apply,
        expected_version=expected_version,
        keeps_version=True,
    )


def escalate(
    env: Environment, actor: Actor, ticket_id: int, note: str = "", *, expected_version=None
) -> StepResult:
    """提级: a risky ticket leaves the unit that has it, and the office handles it itself."""
    note = checked_note(note)

    def apply(run: StepRun) -> str:
        withdrawn = (*ACTIVE, AssignmentState.DELEGATED.value)
        for active in [a for a in run.assignments if a.state in withdrawn]:
            run.finish(active, AssignmentState.WITHDRAWN)
        _withdraw_extension(run, "the ticket was escalated to the office")
        _hand_over(run, unit_of_kind(env, UnitKind.OFFICE), HandlingMethod.OFFICE)
        return note

    return run_step(env, actor, ticket_id, Step.ESCALATE, apply, expected_version=expected_version)
