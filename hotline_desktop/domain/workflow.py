"""The ticket lifecycle of the "321+" mechanism as an explicit state machine.

Each step names the statuses it starts from, the roles that may take it, the
status it leads to, and the extra conditions (unit, consent, time window) that
must hold. ``authorize`` is the single gate every service goes through: it
returns the next status or raises an error naming the ticket's status, the step
and the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from .errors import PermissionDenied, StepNotAllowed
from .phrases import QT_TRANSLATE_NOOP, said
from .vocabulary import (
    Labelled,
    Role,
    Satisfaction,
    TicketOrigin,
    TicketStatus,
    UnitKind,
)

S = TicketStatus


class Step(Labelled):
    LOG_CALL = "log_call", "来电登记", "log a call"
    CREATE = "create", "生成工单", "create a ticket"
    DISPATCH = "dispatch", "派单", "dispatch"
    HANDLE_IN_OFFICE = "handle_in_office", "办单", "handle in office"
    MEDIATE = "mediate", "调单", "send to mediation"
    SIGN = "sign", "签收", "sign for"
    INSTRUCT = "instruct", "领导批示", "write an instruction"
    PROGRESS = "progress", "办理进展", "record progress"
    DISPATCH_DOWN = "dispatch_down", "逐级下派", "dispatch further down"
    REPORT_UP = "report_up", "逐级反馈", "report the result up"
    REQUEST_EXTENSION = "request_extension", "延期申请", "request an extension"
    APPROVE_EXTENSION = "approve_extension", "批准延期", "approve an extension"
    REFUSE_EXTENSION = "refuse_extension", "驳回延期", "refuse an extension"
    RETURN = "return", "退单", "return the ticket"
    COMPLETE = "complete", "办结", "complete"
    RECORD_PAYMENT = "record_payment", "登记追回款项", "record recovered money"
    CALLBACK = "callback", "回访", "call back"
    REOPEN = "reopen", "重办", "reopen"
    MERGE = "merge", "合并", "merge into another ticket"
    ARCHIVE = "archive", "归档", "archive"
    REMIND = "remind", "催办", "send a reminder"
    ESCALATE = "escalate", "提级", "escalate to the office"
    # Not a user's step: the 1155 rules marking the ticket with a warning item.
    RISK_ALERT = "risk_alert", "风险预警", "flag a risk"


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int
    name: str
    role: Role
    unit_id: int
    unit_kind: UnitKind
    unit_path: str  # materialized path of the actor's unit, e.g. "/1/2/17/"
    is_main_leader: bool = False


@dataclass(frozen=True, slots=True)
class TicketFacts:
    """What the workflow needs to know about a ticket, read from the store."""

    number: str
    status: TicketStatus
    origin: TicketOrigin = TicketOrigin.PROVINCE
    # The unit that currently holds the ticket (its active lead assignment) ...
    holder_unit_id: int | None = None
    holder_signed: bool = False
    # ... and the unit that passed it down, None when it came from the centre.
    holder_parent_unit_id: int | None = None
    holder_unit_path: str | None = None
    holder_return_deadline: datetime | None = None
    # The unit the centre dispatched to: its main leader instructs provincial tickets.
    receiving_unit_id: int | None = None
    co_units_unsigned: frozenset[int] = field(default_factory=frozenset)
    co_units_signed: frozenset[int] = field(default_factory=frozenset)
    due_at: datetime | None = None
    extension_pending: bool = False
    satisfaction: Satisfaction | None = None
    handled_in_office: bool = False


@dataclass(frozen=True, slots=True)
class StepContext:
    """Facts that only some steps need; unset fields are checked only when required."""

    now: datetime | None = None
    worker_consents: bool | None = None
    employer_consents: bool | None = None
    target_unit_path: str | None = None
    master_status: TicketStatus | None = None
    master_is_self: bool = False


Guard = Callable[[TicketFacts, Actor, StepContext], str | None]


@dataclass(frozen=True)
class Rule:
    step: Step
    from_statuses: tuple[TicketStatus, ...]
    roles: tuple[Role, ...]
    # None keeps the current status; a callable decides from the facts.
    to_status: TicketStatus | Callable[[TicketFacts, Actor], TicketStatus] | None
    guards: tuple[Guard, ...] = ()


# ---- guards: each returns None when the condition holds, else the reason ----


def _holds_ticket(t: TicketFacts, a: Actor, _c: StepContext) -> str | None:
    if t.holder_unit_id != a.unit_id:
        return said(
            QT_TRANSLATE_NOOP(
                "Messages",
                "the ticket is held by another unit; a unit acts only on its own tickets",
            )
        )
    return None


def _centre_or_holder(t: TicketFacts, a: Actor, c: StepContext) -> str | None:
    # The centre records money on any ticket; a unit on the tickets it holds, and on
    # those it received and finished, since wages often arrive after the ticket closed.
    if a.role != Role.UNIT_HANDLER:
        return None
    if t.holder_unit_id is None and t.receiving_unit_id == a.unit_id:
        return None
    return _holds_ticket(t, a, c)


def _holder_signed(t: TicketFacts, _a: Actor, _c: StepContext) -> str | None:
    if t.holder_signed:
        return None
    return said(QT_TRANSLATE_NOOP("Messages", "the unit has not signed for the ticket yet"))


def _can_sign(t: TicketFacts, a: Actor, _c: StepContext) -> str | None:
    if t.holder_unit_id == a.unit_id and not t.holder_signed and t.status == S.DISPATCHED:
        return None
    if a.unit_id in t.co_units_unsigned:
        return None
    if a.unit_id in t.co_units_signed or (t.holder_unit_id == a.unit_id and t.holder_signed):
        return said(QT_TRANSLATE_NOOP("Messages", "your unit has already signed for this ticket"))
    return said(QT_TRANSLATE_NOOP("Messages", "the ticket was not dispatched to your unit"))


def _works_on_ticket(t: TicketFacts, a: Actor, _c: StepContext) -> str | None:
    if (t.holder_unit_id == a.unit_id and t.holder_signed) or a.unit_id in t.co_units_signed:
        return None
    return said(
        QT_TRANSLATE_NOOP(
            "Messages",
            "only a unit that holds the ticket or co-handles it, and has signed for it, "
            "may do this",
        )
    )


def _top_level_holder(t: TicketFacts, _a: Actor, _c: StepContext) -> str | None:
    if t.holder_parent_unit_id is not None:
        return said(
            QT_TRANSLATE_NOOP(
                "Messages", "the ticket came from a higher unit: report the result up to it instead"
            )
        )
    return None


def _has_parent_unit(t: TicketFacts, _a: Actor, _c: StepContext) -> str | None:
    if t.holder_parent_unit_id is None:
        return said(
            QT_TRANSLATE_NOOP(
                "Messages", "the ticket came straight from the hotline centre: complete it instead"
            )
        )
    return None


def _both_consent(_t: TicketFacts, _a: Actor, c: StepContext) -> str | None:
    if c.worker_consents and c.employer_consents:
        return None
    return said(
        QT_TRANSLATE_NOOP(
            "Messages", "mediation needs the consent of both the worker and the employer"
        )
    )


def _target_below_holder(t: TicketFacts, _a: Actor, c: StepContext) -> str | None:
    target = c.target_unit_path
    if not target or not t.holder_unit_path:
        return said(QT_TRANSLATE_NOOP("Messages", "choose a unit to dispatch to"))
    if target == t.holder_unit_path or not target.startswith(t.holder_unit_path):
        return said(
            QT_TRANSLATE_NOOP("Messages", "a unit dispatches further down only to units under it")
        )
    return None


def _within_return_window(t: TicketFacts, _a: Actor, c: StepContext) -> str | None:
    if t.holder_return_deadline and c.now and c.now > t.holder_return_deadline:
        return said(
            QT_TRANSLATE_NOOP("Messages", "the time allowed for a return has passed ({deadline})"),
            deadline=f"{t.holder_return_deadline:%Y-%m-%d %H:%M}",
        )
    return None


def _no_pending_extension(t: TicketFacts, _a: Actor, _c: StepContext) -> str | None:
    return (
        said(
            QT_TRANSLATE_NOOP("Messages", "an extension request is already waiting for a decision")
        )
        if t.extension_pending
        else None
    )


def _pending_extension(t: TicketFacts, _a: Actor, _c: StepContext) -> str | None:
    if t.extension_pending:
        return None
    return said(QT_TRANSLATE_NOOP("Messages", "there is no extension request to decide"))


def _before_due(t: TicketFacts, _a: Actor, c: StepContext) -> str | None:
    if t.due_at and c.now and c.now >= t.due_at:
        return said(
            QT_TRANSLATE_NOOP("Messages", "an extension must be asked before the due date ({due})"),
            due=f"{t.due_at:%Y-%m-%d %H:%M}",
        )
    return None


def _instructing_leader(t: TicketFacts, a: Actor, _c: StepContext) -> str | None:
    # The 批示 rule: national-federation tickets are instructed by a provincial leader,
    # provincial tickets by the main leader of the unit that received them.
    if t.origin == TicketOrigin.NATIONAL:
        if a.unit_kind != UnitKind.PROVINCIAL:
            return said(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "a ticket dispatched by the national federation is instructed "
                    "by a provincial leader",
                )
            )
        return None
    if t.receiving_unit_id is None:
        return said(
            QT_TRANSLATE_NOOP(
                "Messages", "the ticket has no receiving unit yet, so no leader can instruct it"
            )
        )
    if a.unit_id != t.receiving_unit_id or not a.is_main_leader:
        return said(
            QT_TRANSLATE_NOOP(
                "Messages",
                "a provincial ticket is instructed by the main leader of the unit that received it",
            )
        )
    return None


def _unsatisfied(t: TicketFacts, _a: Actor, _c: StepContext) -> str | None:
    if t.satisfaction != Satisfaction.UNSATISFIED:
        return said(
            QT_TRANSLATE_NOOP(
                "Messages", "only a ticket whose caller was unsatisfied at the callback is reopened"
            )
        )
    return None


def _not_unsatisfied(t: TicketFacts, _a: Actor, _c: StepContext) -> str | None:
    if t.satisfaction == Satisfaction.UNSATISFIED:
        return said(
            QT_TRANSLATE_NOOP(
                "Messages", "the caller was unsatisfied: reopen the ticket instead of archiving it"
            )
        )
    return None


def _valid_master(_t: TicketFacts, _a: Actor, c: StepContext) -> str | None:
    if c.master_is_self:
        return said(QT_TRANSLATE_NOOP("Messages", "a ticket cannot be merged into itself"))
    if c.master_status in (S.MERGED, S.ARCHIVED):
        return said(
            QT_TRANSLATE_NOOP("Messages", "the master ticket is {status}; choose an open one"),
            status=c.master_status,
        )
    return None


def _after_return(t: TicketFacts, _a: Actor) -> TicketStatus:
    return S.NEW if t.holder_parent_unit_id is None else S.IN_PROGRESS


def _after_sign(t: TicketFacts, a: Actor) -> TicketStatus:
    return S.IN_PROGRESS if t.holder_unit_id == a.unit_id else t.status


def _held_by_a_unit(t: TicketFacts, _a: Actor, _c: StepContext) -> str | None:
    if t.holder_unit_id is None:
        return said(QT_TRANSLATE_NOOP("Messages", "no unit holds the ticket to remind"))
    return None


def _not_in_office(t: TicketFacts, _a: Actor, _c: StepContext) -> str | None:
    if t.handled_in_office:
        return said(QT_TRANSLATE_NOOP("Messages", "the office handles the ticket already"))
    return None


_WORKING = (S.DISPATCHED, S.IN_PROGRESS)
_CENTRE = (Role.DISPATCHER, Role.SUPERVISOR)

RULES: dict[Step, Rule] = {
    rule.step: rule
    for rule in (
        Rule(Step.DISPATCH, (S.NEW,), (Role.DISPATCHER,), S.DISPATCHED),
        Rule(Step.HANDLE_IN_OFFICE, (S.NEW,), (Role.DISPATCHER,), S.IN_PROGRESS),
        Rule(Step.MEDIATE, (S.NEW,), (Role.DISPATCHER,), S.IN_PROGRESS, (_both_consent,)),
        Rule(Step.SIGN, _WORKING, (Role.UNIT_HANDLER,), _after_sign, (_can_sign,)),
        Rule(
            Step.INSTRUCT,
            (S.NEW, *_WORKING, S.COMPLETED),
            (Role.LEADER,),
            None,
            (_instructing_leader,),
        ),
        Rule(Step.PROGRESS, (S.IN_PROGRESS,), (Role.UNIT_HANDLER,), None, (_works_on_ticket,)),
        Rule(
            Step.DISPATCH_DOWN,
            (S.IN_PROGRESS,),
            (Role.UNIT_HANDLER,),
            S.DISPATCHED,
            (_holds_ticket, _holder_signed, _target_below_holder),
        ),
        Rule(
            Step.REPORT_UP,
            (S.IN_PROGRESS,),
            (Role.UNIT_HANDLER,),
            S.IN_PROGRESS,
            (_holds_ticket, _holder_signed, _has_parent_unit),
        ),
        Rule(
            Step.REQUEST_EXTENSION,
            (S.IN_PROGRESS,),
            (Role.UNIT_HANDLER,),
            None,
            (_holds_ticket, _holder_signed, _no_pending_extension, _before_due),
        ),
        Rule(Step.APPROVE_EXTENSION, (S.IN_PROGRESS,), _CENTRE, None, (_pending_extension,)),
        Rule(Step.REFUSE_EXTENSION, (S.IN_PROGRESS,), _CENTRE, None, (_pending_extension,)),
        Rule(
            Step.RETURN,
            _WORKING,
            (Role.UNIT_HANDLER,),
            _after_return,
            (_holds_ticket, _within_return_window),
        ),
        Rule(
            Step.COMPLETE,
            (S.IN_PROGRESS,),
            (Role.UNIT_HANDLER,),
            S.COMPLETED,
            (_holds_ticket, _holder_signed, _top_level_holder),
        ),
        Rule(
            Step.RECORD_PAYMENT,
            # Wages often arrive in instalments long after the ticket was closed.
            (S.IN_PROGRESS, S.COMPLETED, S.CALLED_BACK, S.ARCHIVED),
            (Role.UNIT_HANDLER, *_CENTRE),
            None,
            (_centre_or_holder,),
        ),
        Rule(Step.CALLBACK, (S.COMPLETED,), (Role.AGENT, Role.SUPERVISOR), S.CALLED_BACK),
        Rule(Step.REOPEN, (S.CALLED_BACK,), _CENTRE, S.NEW, (_unsatisfied,)),
        Rule(Step.MERGE, (S.NEW, *_WORKING), (Role.DISPATCHER,), S.MERGED, (_valid_master,)),
        Rule(Step.ARCHIVE, (S.CALLED_BACK,), _CENTRE, S.ARCHIVED, (_not_unsatisfied,)),
        Rule(Step.REMIND, _WORKING, _CENTRE, None, (_held_by_a_unit,)),
        Rule(Step.ESCALATE, (S.NEW, *_WORKING), _CENTRE, S.IN_PROGRESS, (_not_in_office,)),
    )
}

# Steps that start something rather than move a ticket: who may take them.
INTAKE_ROLES: dict[Step, tuple[Role, ...]] = {
    Step.LOG_CALL: (Role.AGENT, Role.DISPATCHER),
    Step.CREATE: (Role.AGENT, Role.DISPATCHER),
}


def authorize_intake(step: Step, actor: Actor) -> None:
    if actor.role not in INTAKE_ROLES[step]:
        raise PermissionDenied(None, None, step.en, _roles_reason(INTAKE_ROLES[step], actor))


def authorize(
    step: Step, ticket: TicketFacts, actor: Actor, context: StepContext | None = None
) -> TicketStatus:
    """The status the ticket moves to, or StepNotAllowed/PermissionDenied saying why not."""
    rule = RULES[step]
    if refusal := _refusal(rule, ticket, actor, context or StepContext()):
        raise refusal
    target = rule.to_status
    if target is None:
        return ticket.status
    if callable(target):
        return target(ticket, actor)
    return target


def available_steps(ticket: TicketFacts, actor: Actor, now: datetime) -> list[Step]:
    """The steps this actor may take on the ticket now, before any step-specific input.

    Dispatching down and merging need a target the user has not chosen yet, and
    mediation needs consents still to be recorded: those conditions are left out.
    """
    context = StepContext(now=now)
    waiting_for_input = {_target_below_holder, _valid_master, _both_consent}
    steps = [
        step
        for step, rule in RULES.items()
        if _refusal(rule, ticket, actor, context, skip=waiting_for_input) is None
    ]
    if Step.HANDLE_IN_OFFICE in steps:
        # On a ticket nobody holds yet, escalating is handling it in office: one button.
        steps.remove(Step.ESCALATE)
    return steps


def _refusal(
    rule: Rule,
    ticket: TicketFacts,
    actor: Actor,
    context: StepContext,
    skip: frozenset | set = frozenset(),
) -> StepNotAllowed | None:
    status = ticket.status.en.lower()
    if ticket.status not in rule.from_statuses:
        reason = said(
            QT_TRANSLATE_NOOP("Messages", "this step is taken only when the ticket is {statuses}"),
            statuses=rule.from_statuses,
        )
        return StepNotAllowed(ticket.number, status, rule.step.en, reason)
    if actor.role not in rule.roles:
        reason = _roles_reason(rule.roles, actor)
        return PermissionDenied(ticket.number, status, rule.step.en, reason)
    for guard in rule.guards:
        if guard in skip:
            continue
        if reason := guard(ticket, actor, context):
            error = PermissionDenied if guard in _UNIT_GUARDS else StepNotAllowed
            return error(ticket.number, status, rule.step.en, reason)
    return None


_UNIT_GUARDS = {
    _holds_ticket,
    _centre_or_holder,
    _can_sign,
    _works_on_ticket,
    _instructing_leader,
}


def _roles_reason(roles: tuple[Role, ...], actor: Actor) -> str:
    return said(
        QT_TRANSLATE_NOOP("Messages", "only {roles} take this step; you are signed in as {role}"),
        roles=roles,
        role=actor.role,
    )
