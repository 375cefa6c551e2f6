"""Call intake (来电登记): every call is logged; a request becomes a ticket."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import peewee

from ..domain import validation
from ..domain.employers import employer_key
from ..domain.errors import InvalidInput
from ..domain.phrases import QT_TRANSLATE_NOOP, said
from ..domain.risk_rules import RiskKind, to_stored
from ..domain.vocabulary import CallKind, Channel, TicketOrigin, TicketStatus, Urgency
from ..domain.workflow import Actor, Step, authorize_intake
from ..store.models import (
    Call,
    Caller,
    Employer,
    Ticket,
    TicketEvent,
    TicketSequence,
)
from ..store.search import document
from .alert_raising import raise_alerts
from .environment import Environment


@dataclass
class CallInput:
    """What the agent typed; strings as typed, checked by ``log_call``."""

    phone: str
    description: str
    kind: CallKind | str = CallKind.REQUEST
    category_code: str = "other"
    caller_name: str = ""
    employer_name: str = ""
    region_code: str = ""
    industry_code: str = ""
    employment_form_code: str = ""
    headcount: int | str = 1
    amount: Decimal | str | None = None
    urgency: Urgency | str = Urgency.NORMAL
    channel: Channel | str = Channel.PHONE
    origin: TicketOrigin | str = TicketOrigin.PROVINCE
    complex_case: bool = False
    answer: str = ""
    # The agent's verdict on the assistant's warning items (RiskKind values): those the
    # agent adds by judgement, and those the agent overrides.
    risks_added: frozenset[str] = frozenset()
    risks_dismissed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class IntakeResult:
    call_id: int
    ticket_id: int | None = None
    number: str | None = None
    version: int | None = None


@dataclass(frozen=True)
class _Checked:
    phone: str
    caller_name: str
    employer_name: str
    description: str
    answer: str
    kind: CallKind
    urgency: Urgency
    channel: Channel
    origin: TicketOrigin
    headcount: int
    amount: Decimal | None
    risks_added: tuple[RiskKind, ...]
    risks_dismissed: tuple[RiskKind, ...]


def _code(lookup, code: str, field_name: str, *, required: bool = False) -> int | None:
    """The id behind a reference code, or InvalidInput naming the field."""
    if not code:
        if required:
            raise InvalidInput(field_name, said(QT_TRANSLATE_NOOP("Messages", "choose one")))
        return None
    found = lookup(code)
    if found is None:
        raise InvalidInput(
            field_name,
            said(
                QT_TRANSLATE_NOOP("Messages", "unknown {field} “{code}”"),
                field=field_name,
                code=code,
            ),
        )
    return found


def check_call(data: CallInput) -> _Checked:
    """Every field's check, before anything is written: a bad field changes nothing."""
    return _Checked(
        phone=validation.phone(data.phone),
        caller_name=validation.text(data.caller_name, "caller name", limit=validation.MAX_NAME),
        employer_name=validation.text(
            data.employer_name, "employer", limit=validation.MAX_SHORT_TEXT
        ),
        description=validation.description(data.description),
        answer=validation.text(data.answer, "answer", limit=validation.MAX_DESCRIPTION),
        kind=validation.choice(CallKind, data.kind, "call kind"),
        urgency=validation.choice(Urgency, data.urgency, "urgency"),
        channel=validation.choice(Channel, data.channel, "channel"),
        origin=validation.choice(TicketOrigin, data.origin, "origin"),
        headcount=validation.headcount(data.headcount),
        amount=validation.amount(data.amount, "amount involved"),
        risks_added=_risk_kinds(data.risks_added),
        risks_dismissed=_risk_kinds(data.risks_dismissed),
    )


def _risk_kinds(values) -> tuple[RiskKind, ...]:
    kinds = {validation.choice(RiskKind, value, "warning item") for value in values}
    return tuple(kind for kind in RiskKind if kind in kinds)


def log_call(
    env: Environment, actor: Actor, data: CallInput, *, create_ticket: bool
) -> IntakeResult:
    """Log the call; answered on the call it is closed, otherwise it becomes a new ticket."""
    authorize_intake(Step.CREATE if create_ticket else Step.LOG_CALL, actor)
    checked = check_call(data)
    if not create_ticket and not checked.answer and checked.kind == CallKind.CONSULTATION:
        raise InvalidInput(
            "answer",
            said(
                QT_TRANSLATE_NOOP(
                    "Messages", "say what the caller was told when answering on the call"
                )
            ),
        )
    now = env.now()
    ref = env.reference
    category = _code(ref.category_id, data.category_code, "category", required=create_ticket)
    region = _code(lambda code: getattr(ref.unit(code), "id", None), data.region_code, "region")
    industry = _code(ref.industry_id, data.industry_code, "industry")
    form = _code(ref.form_id, data.employment_form_code, "employment form")
    with env.write():
        caller = _caller(env, checked.phone, checked.caller_name, now)
        call = env.sql.insert(
            Call,
            caller=caller.id,
            received_at=now,
            agent=actor.user_id,
            kind=checked.kind.value,
            channel=checked.channel.value,
            category=category,
            description=checked.description,
            answer=checked.answer,
            answered_on_call=not create_ticket,
        )
        if not create_ticket:
            return IntakeResult(call.id)
        ticket = env.sql.insert(
            Ticket,
            number=next_ticket_number(env, now),
            call=call.id,
            caller=caller.id,
            caller_name=checked.caller_name,
            phone=checked.phone,
            employer=_employer(env, checked.employer_name),
            employer_name=checked.employer_name,
            region=region,
            industry=industry,
            employment_form=form,
            category=category,
            headcount=checked.headcount,
            amount_involved=checked.amount,
            description=checked.description,
            urgency=checked.urgency.value,
            channel=checked.channel.value,
            origin=checked.origin.value,
            complex_case=bool(data.complex_case),
            risk_dismissed=to_stored(checked.risks_dismissed),
            status=TicketStatus.NEW.value,
            created_at=now,
            created_by=actor.user_id,
            updated_at=now,
            updated_by=actor.user_id,
        )
        env.sql.insert(
            TicketEvent,
            ticket=ticket.id,
            at=now,
            actor=actor.user_id,
            step=Step.CREATE.value,
            to_status=TicketStatus.NEW.value,
            unit=actor.unit_id,
            note="",
        )
        env.search.add_many(
            [
                (
                    ticket.id,
                    document(
                        ticket.number, ticket.caller_name, ticket.employer_name, ticket.description
                    ),
                )
            ]
        )
        raise_alerts(env, ticket, actor.user_id, added=checked.risks_added, new=True)
    return IntakeResult(call.id, ticket.id, ticket.number, ticket.version)


def _caller(env: Environment, phone: str, name: str, now: datetime) -> Caller:
    found = env.sql.where_equal(Caller, "phone", phone)
    if not found:
        try:
            with env.db.atomic():
                return env.sql.insert(
                    Caller, phone=phone, name=name, first_call_at=now, last_call_at=now
                )
        except peewee.IntegrityError:
            # Another workstation logged a call from the same number a moment ago.
            found = env.sql.where_equal(Caller, "phone", phone)
    caller = found[0]
    before = dict(caller.__data__)
    caller.last_call_at = now
    if name:
        caller.name = name
    env.sql.update_changed(caller, before)
    return caller


def _employer(env: Environment, name: str) -> int | None:
    key = employer_key(name)
    if not key:
        return None
    employer_id = env.sql.first_id(Employer, "key", key)
    if employer_id is not None:
        return employer_id
    try:
        with env.db.atomic():
            return env.sql.insert(Employer, name=name, key=key).id
    except peewee.IntegrityError:
        return env.sql.first_id(Employer, "key", key)


def format_ticket_number(day: str, value: int) -> str:
    return f"{day}-{value:05d}"


def next_ticket_number(env: Environment, now: datetime) -> str:
    """The day's next number, e.g. 20261128-00042, drawn inside the caller's transaction.

    The sequence row stays locked until the transaction ends, so workstations
    sharing a server queue up for numbers instead of drawing the same one.
    """
    day = now.strftime("%Y%m%d")
    for _attempt in range(3):
        value = env.sql.increment(TicketSequence, "last_value", "day", day)
        if value is not None:
            return format_ticket_number(day, value)
        try:
            with env.db.atomic():
                env.sql.insert(TicketSequence, day=day, last_value=1)
            return format_ticket_number(day, 1)
        except peewee.IntegrityError:
            continue  # another workstation drew the day's first number: bump theirs
    raise RuntimeError(f"could not draw a ticket number for {day}")
