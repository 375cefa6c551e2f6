"""One ticket as the ticket view shows it: every field resolved for display, its whole
history, and the steps the signed-in user may take on it now.

A fixed handful of queries whatever the ticket's history: the ticket with its
reference names, then each kind of child row once, then the names of every user
they mention.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from peewee import JOIN

from ..domain.errors import NotFound
from ..domain.language import Language
from ..domain.phrases import QT_TRANSLATE_NOOP, said
from ..domain.risk_rules import RiskKind, RiskRule, stored_kinds
from ..domain.vocabulary import (
    AssignmentRole,
    AssignmentState,
    Channel,
    HandlingMethod,
    Satisfaction,
    TicketOrigin,
    TicketStatus,
    UnitKind,
    Urgency,
)
from ..domain.workflow import Actor, Step, available_steps
from ..store.models import (
    Assignment,
    Category,
    EmploymentForm,
    ExtensionRequest,
    Industry,
    Instruction,
    Mediation,
    Payment,
    Ticket,
    TicketEvent,
    User,
)
from ..store.reference_cache import UnitInfo, tree_order
from .environment import Environment
from .queue import is_unit_scoped
from .step_runner import ticket_facts
from .ticket_steps import CO_HANDLERS, DISPATCH_TARGETS


@dataclass(frozen=True, slots=True)
class Name:
    """A reference entry's name in both languages."""

    zh: str
    en: str

    def label(self, language: str) -> str:
        return Language.of(language).pick(self.zh, self.en)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: datetime
    actor: str
    step: Step
    from_status: TicketStatus | None
    to_status: TicketStatus
    unit: Name | None
    note: str
    # The fields the step changed: name -> (old, new), units as names, codes as labels;
    # "assigned" -> (None, ((unit, role), ...)) for the units the step brought in.
    details: Mapping[str, tuple]


@dataclass(frozen=True, slots=True)
class InstructionEntry:
    leader: str
    written_at: datetime
    text: str


@dataclass(frozen=True, slots=True)
class PaymentEntry:
    amount: Decimal
    paid_on: date
    note: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class AssignmentEntry:
    unit: Name
    role: AssignmentRole
    state: AssignmentState
    dispatched_at: datetime
    sign_due_at: datetime | None
    signed_at: datetime | None
    signed_by: str
    finished_at: datetime | None
    note: str


@dataclass(frozen=True, slots=True)
class MediationEntry:
    started_at: datetime
    started_by: str
    worker_consent: bool
    employer_consent: bool
    consent_note: str
    outcome: str


@dataclass(frozen=True, slots=True)
class ExtensionEntry:
    requested_at: datetime
    requested_by: str
    days: int
    reason: str
    approved: bool | None  # None while it waits for the centre's decision
    decided_at: datetime | None
    decided_by: str
    decision_note: str


@dataclass(frozen=True, slots=True)
class UnitChoice:
    """A unit in the dispatch dialog's tree; ``parent_id`` is its nearest ancestor shown."""

    unit: UnitInfo
    parent_id: int | None
    may_lead: bool
    may_co_handle: bool


@dataclass(frozen=True)
class TicketDetail:
    id: int
    number: str
    status: TicketStatus
    created_at: datetime
    created_by: str
    caller_name: str
    phone: str  # whole: the ticket view is where the caller is called back
    employer: str
    region: Name | None
    industry: Name | None
    employment_form: Name | None
    category: Name
    headcount: int
    amount_involved: Decimal | None
    description: str
    urgency: Urgency
    channel: Channel
    origin: TicketOrigin
    complex_case: bool
    handling: HandlingMethod | None
    holder_unit_id: int | None
    holder_unit: Name | None
    receiving_unit: Name | None
    dispatched_at: datetime | None
    sign_due_at: datetime | None
    signed_at: datetime | None
    due_at: datetime | None
    completed_at: datetime | None
    result: str
    recovered_total: Decimal
    callback_due_at: datetime | None
    called_back_at: datetime | None
    satisfaction: Satisfaction | None
    archived_at: datetime | None
    merged_into: str | None  # the master ticket's number
    extension_pending: bool
    risk_marks: tuple[RiskKind, ...]
    risk_dismissed: tuple[RiskKind, ...]  # the items the agent overrode at intake
    reminder_count: int
    return_count: int
    reopen_count: int
    version: int
    updated_at: datetime
    updated_by: str
    timeline: tuple[TimelineEntry, ...]
    instructions: tuple[InstructionEntry, ...]
    payments: tuple[PaymentEntry, ...]
    assignments: tuple[AssignmentEntry, ...]
    mediations: tuple[MediationEntry, ...]
    extensions: tuple[ExtensionEntry, ...]
    steps: tuple[Step, ...]
    # The units the dispatch and dispatch-down dialogs offer, for those steps available.
    unit_choices: Mapping[Step, tuple[UnitChoice, ...]]


def load_ticket_detail(env: Environment, actor: Actor, ticket_id: int) -> TicketDetail:
    """The ticket as ``actor`` may see it, or NotFound (also when it is outside their units)."""
    master = Ticket.alias()
    row = (
        Ticket.select(Ticket, Category, Industry, EmploymentForm, master.number)
        .join(Category, on=Ticket.category == Category.id)
        .switch(Ticket)
        .join(Industry, JOIN.LEFT_OUTER, on=Ticket.industry == Industry.id)
        .switch(Ticket)
        .join(EmploymentForm, JOIN.LEFT_OUTER, on=Ticket.employment_form == EmploymentForm.id)
        .switch(Ticket)
        .join(master, JOIN.LEFT_OUTER, on=Ticket.merged_into == master.id, attr="master")
        .where(Ticket.id == ticket_id)
        .first()
    )
    if row is None:
        raise NotFound(
            said(QT_TRANSLATE_NOOP("Messages", "there is no ticket with id {id}"), id=ticket_id)
        )
    assignments = env.sql.where_equal(Assignment, "ticket_id", ticket_id)
    if not _may_open(env, actor, row, assignments):
        # Said as "not found": a unit must not learn which tickets exist elsewhere.
        raise NotFound(
            said(QT_TRANSLATE_NOOP("Messages", "there is no ticket with id {id}"), id=ticket_id)
        )
    events = env.sql.where_equal(TicketEvent, "ticket_id", ticket_id)
    instructions = env.sql.where_equal(Instruction, "ticket_id", ticket_id)
    payments = env.sql.where_equal(Payment, "ticket_id", ticket_id)
    mediations = env.sql.where_equal(Mediation, "ticket_id", ticket_id)
    extensions = env.sql.where_equal(ExtensionRequest, "ticket_id", ticket_id)
    users = _user_names(
        {row.created_by_id, row.updated_by_id}
        | {e.actor_id for e in events}
        | {i.leader_id for i in instructions}
        | {p.recorded_by_id for p in payments}
        | {a.signed_by_id for a in assignments}
        | {m.started_by_id for m in mediations}
        | {x.requested_by_id for x in extensions}
        | {x.decided_by_id for x in extensions}
    )
    facts = ticket_facts(env, row, assignments)
    steps = tuple(available_steps(facts, actor, env.now()))
    unit = _unit_names(env)
    return TicketDetail(
        id=row.id,
        number=row.number,
        status=TicketStatus(row.status),
        created_at=row.created_at,
        created_by=users.get(row.created_by_id, ""),
        caller_name=row.caller_name,
        phone=row.phone,
        employer=row.employer_name,
        region=unit(row.region_id),
        industry=Name(row.industry.name_zh, row.industry.name_en) if row.industry_id else None,
        employment_form=(
            Name(row.employment_form.name_zh, row.employment_form.name_en)
            if row.employment_form_id
            else None
        ),
        category=Name(row.category.name_zh, row.category.name_en),
        headcount=row.headcount,
        amount_involved=row.amount_involved,
        description=row.description or "",
        urgency=Urgency(row.urgency),
        channel=Channel(row.channel),
        origin=TicketOrigin(row.origin),
        complex_case=row.complex_case,
        handling=HandlingMethod(row.handling) if row.handling else None,
        holder_unit_id=row.holder_unit_id,
        holder_unit=unit(row.holder_unit_id),
        receiving_unit=unit(row.receiving_unit_id),
        dispatched_at=row.dispatched_at,
        sign_due_at=row.sign_due_at,
        signed_at=row.signed_at,
        due_at=row.due_at,
        completed_at=row.completed_at,
        result=row.result or "",
        recovered_total=row.recovered_total,
        callback_due_at=row.callback_due_at,
        called_back_at=row.called_back_at,
        satisfaction=Satisfaction(row.satisfaction) if row.satisfaction else None,
        archived_at=row.archived_at,
        merged_into=row.master.number if row.merged_into_id else None,
        extension_pending=row.extension_pending,
        risk_marks=stored_kinds(row.risk_marks),
        risk_dismissed=stored_kinds(row.risk_dismissed),
        reminder_count=row.reminder_count,
        return_count=row.return_count,
        reopen_count=row.reopen_count,
        version=row.version,
        updated_at=row.updated_at,
        updated_by=users.get(row.updated_by_id, ""),
        timeline=tuple(
            TimelineEntry(
                at=e.at,
                actor=users.get(e.actor_id, ""),
                step=Step(e.step),
                from_status=TicketStatus(e.from_status) if e.from_status else None,
                to_status=TicketStatus(e.to_status),
                unit=unit(e.unit_id),
                note=e.note or "",
                details=_readable(json.loads(e.details), unit) if e.details else {},
            )
            # Oldest first; two events of one second keep the order they were written in.
            for e in sorted(events, key=lambda e: (e.at, e.id))
        ),
        instructions=tuple(
            InstructionEntry(users.get(i.leader_id, ""), i.written_at, i.text or "")
            for i in instructions
        ),
        payments=tuple(
            PaymentEntry(
                p.amount, p.paid_on, p.note, users.get(p.recorded_by_id, ""), p.recorded_at
            )
            for p in payments
        ),
        assignments=tuple(
            AssignmentEntry(
                unit=unit(a.unit_id),
                role=AssignmentRole(a.role),
                state=AssignmentState(a.state),
                dispatched_at=a.dispatched_at,
                sign_due_at=a.sign_due_at,
                signed_at=a.signed_at,
                signed_by=users.get(a.signed_by_id, ""),
                finished_at=a.finished_at,
                note=a.note or "",
            )
            for a in assignments
        ),
        mediations=tuple(
            MediationEntry(
                m.started_at,
                users.get(m.started_by_id, ""),
                m.worker_consent,
                m.employer_consent,
                m.consent_note,
                m.outcome or "",
            )
            for m in mediations
        ),
        extensions=tuple(
            ExtensionEntry(
                x.requested_at,
                users.get(x.requested_by_id, ""),
                x.days,
                x.reason or "",
                x.approved,
                x.decided_at,
                users.get(x.decided_by_id, ""),
                x.decision_note or "",
            )
            for x in extensions
        ),
        steps=steps,
        unit_choices={
            step: tuple(unit_choices(env, step, facts.holder_unit_id))
            for step in (Step.DISPATCH, Step.DISPATCH_DOWN)
            if step in steps
        },
    )


_LABELLED_FIELDS = {
    "status": TicketStatus,
    "handling": HandlingMethod,
    "satisfaction": Satisfaction,
    "risk_marks": stored_kinds,
    "rule": RiskRule,
}


def _readable(changed: dict, unit) -> dict[str, tuple]:
    readable = {}
    for field, change in changed.items():
        if field == "assigned":
            units = tuple((unit(unit_id), AssignmentRole(role)) for unit_id, role, _ in change)
            readable[field] = (None, units)
            continue
        if field in ("holder_unit", "receiving_unit"):
            convert = unit
        else:
            convert = _LABELLED_FIELDS.get(field, lambda value: value)
        readable[field] = tuple(None if value is None else convert(value) for value in change)
    return readable


def ticket_version(ticket_id: int) -> int | None:
    """The ticket's version: whether a view of it is still current, for one key lookup."""
    return Ticket.select(Ticket.version).where(Ticket.id == ticket_id).scalar()


def _may_open(env: Environment, actor: Actor, ticket: Ticket, assignments: list) -> bool:
    """The queue's rule: a unit-scoped actor opens the tickets held by, sent to or handled
    (lead or co-handling, now or before) by a unit at or under theirs."""
    if not is_unit_scoped(actor):
        return True
    units = set(env.reference.subtree_ids(actor.unit_id))
    involved = {ticket.holder_unit_id, ticket.receiving_unit_id}
    involved.update(a.unit_id for a in assignments)
    return not units.isdisjoint(involved)


def _user_names(ids: set[int | None]) -> dict[int, str]:
    ids.discard(None)
    if not ids:
        return {}
    query = User.select(User.id, User.display_name, User.username).where(User.id.in_(ids))
    return {user_id: shown or username for user_id, shown, username in query.tuples()}


def _unit_names(env: Environment):
    def name(unit_id: int | None) -> Name | None:
        unit = env.reference.unit(unit_id) if unit_id is not None else None
        return Name(unit.name_zh, unit.name_en) if unit else None

    return name


def unit_choices(
    env: Environment, step: Step, holder_unit_id: int | None = None
) -> list[UnitChoice]:
    """The units a dispatch (``Step.DISPATCH``) or a dispatch further down
    (``Step.DISPATCH_DOWN``, below ``holder_unit_id``) may go to, as a tree.

    The tree holds the units that may be chosen and the units above them, without
    the chain of ancestors every one of them shares (the province, the national
    federation): its roots are what a dispatcher chooses among.
    """
    active = [unit for kind in UnitKind for unit in env.reference.units_of_kind(kind.value)]
    if step == Step.DISPATCH:
        chosen = {
            unit.id: (UnitKind(unit.kind) in DISPATCH_TARGETS, UnitKind(unit.kind) in CO_HANDLERS)
            for unit in active
            if UnitKind(unit.kind) in CO_HANDLERS
        }
    elif step == Step.DISPATCH_DOWN:
        holder = env.reference.unit(holder_unit_id) if holder_unit_id is not None else None
        if holder is None:
            return []
        chosen = {
            unit.id: (True, False)
            for unit in active
            if unit.path.startswith(holder.path) and unit.id != holder.id
        }
    else:
        raise ValueError(f"{step} does not choose units")
    if not chosen:
        return []
    lineage = {unit_id: tree_order(env.reference.unit(unit_id).path) for unit_id in chosen}
    shown = {ancestor for ids in lineage.values() for ancestor in ids}
    shared = set.intersection(*(set(ids) for ids in lineage.values())) - chosen.keys()
    shown -= shared
    lineage.update({unit_id: tree_order(env.reference.unit(unit_id).path) for unit_id in shown})
    choices = []
    # Level by level, so that a tree is built by adding each unit under one already there.
    for unit_id in sorted(shown, key=lambda unit_id: (len(lineage[unit_id]), unit_id)):
        above = [a for a in lineage[unit_id][:-1] if a in shown]
        may_lead, may_co = chosen.get(unit_id, (False, False))
        choices.append(
            UnitChoice(env.reference.unit(unit_id), above[-1] if above else None, may_lead, may_co)
        )
    return choices
