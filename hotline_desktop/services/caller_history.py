"""Who called before: what the intake form shows when the agent leaves the phone field.

It is read while a caller waits on the line, from a database of a million tickets:
every query goes through an index (Caller.phone is unique; Call has an index on
caller_id, Ticket one on (caller_id, created_at)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN, fn

from ..domain import validation
from ..domain.vocabulary import CallKind, TicketStatus
from ..store.models import Call, Caller, Category, Ticket
from .environment import Environment

SHORT_DESCRIPTION = 60  # characters: one line of the history panel


@dataclass(frozen=True, slots=True)
class EarlierCall:
    received_at: datetime
    kind: CallKind
    category_zh: str
    category_en: str
    answered_on_call: bool
    ticket_number: str | None
    description: str  # shortened to one line


@dataclass(frozen=True, slots=True)
class EarlierTicket:
    id: int
    number: str
    created_at: datetime
    status: TicketStatus
    category_zh: str
    category_en: str
    employer: str


@dataclass(frozen=True)
class CallerHistory:
    phone: str  # as intake stores it
    name: str  # the name last given, "" for an anonymous caller
    call_count: int  # every earlier call, also those past the limit
    calls: tuple[EarlierCall, ...] = ()  # newest first
    tickets: tuple[EarlierTicket, ...] = ()  # newest first

    @property
    def is_repeat(self) -> bool:
        return self.call_count > 0


def caller_history(env: Environment, phone: str, limit: int = 20) -> CallerHistory:
    """The caller's earlier calls and tickets, newest first; InvalidInput for a bad phone."""
    normalised = validation.phone(phone)
    row = Caller.select(Caller.id, Caller.name).where(Caller.phone == normalised).tuples().first()
    if row is None:
        return CallerHistory(normalised, "", 0)
    caller_id, name = row
    return CallerHistory(
        normalised,
        name,
        Call.select(fn.COUNT(Call.id)).where(Call.caller == caller_id).scalar(),
        tuple(_earlier_call(*r) for r in _calls_query(caller_id, limit).tuples()),
        tuple(_earlier_ticket(*r) for r in _tickets_query(caller_id, limit).tuples()),
    )


def _calls_query(caller_id: int, limit: int):
    return (
        Call.select(
            Call.received_at,
            Call.kind,
            Category.name_zh,
            Category.name_en,
            Call.answered_on_call,
            Ticket.number,
            Call.description,
        )
        .join(Category, JOIN.LEFT_OUTER, on=Call.category == Category.id)
        .switch(Call)
        .join(Ticket, JOIN.LEFT_OUTER, on=Ticket.call == Call.id)
        .where(Call.caller == caller_id)
        .order_by(Call.received_at.desc(), Call.id.desc())
        .limit(limit)
    )


def _tickets_query(caller_id: int, limit: int):
    return (
        Ticket.select(
            Ticket.id,
            Ticket.number,
            Ticket.created_at,
            Ticket.status,
            Category.name_zh,
            Category.name_en,
            Ticket.employer_name,
        )
        .join(Category, on=Ticket.category == Category.id)
        .where(Ticket.caller == caller_id)
        .order_by(Ticket.created_at.desc(), Ticket.id.desc())
        .limit(limit)
    )


def _earlier_call(at, kind, category_zh, category_en, answered, number, text) -> EarlierCall:
    return EarlierCall(
        at, CallKind(kind), category_zh or "", category_en or "", answered, number, _short(text)
    )


def _earlier_ticket(ticket_id, number, at, status, category_zh, category_en, employer):
    return EarlierTicket(
        ticket_id, number, at, TicketStatus(status), category_zh, category_en, employer
    )


def _short(text: str | None) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= SHORT_DESCRIPTION else line[: SHORT_DESCRIPTION - 1] + "…"
