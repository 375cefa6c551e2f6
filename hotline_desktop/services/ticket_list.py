"""The rows of a ticket list, newest first, a page at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN

from ..domain.validation import mask_phone
from ..domain.vocabulary import Role, TicketStatus
from ..domain.workflow import Actor
from ..store.models import Category, OrgUnit, Ticket
from .environment import Environment

# Roles that see only the tickets of their own unit and the units under it.
_UNIT_SCOPED = (Role.UNIT_HANDLER, Role.LEADER)


@dataclass(frozen=True, slots=True)
class TicketRow:
    id: int
    number: str
    created_at: datetime
    category_zh: str
    category_en: str
    caller_phone: str  # masked: lists never show a whole phone number
    employer: str
    unit_zh: str
    unit_en: str
    status: TicketStatus
    due_at: datetime | None


def list_tickets(
    env: Environment, actor: Actor | None = None, before_id: int | None = None, limit: int = 200
) -> list[TicketRow]:
    """Up to ``limit`` tickets older than ``before_id``, as far as the actor may see."""
    holder = OrgUnit.alias()
    query = (
        Ticket.select(
            Ticket.id,
            Ticket.number,
            Ticket.created_at,
            Category.name_zh,
            Category.name_en,
            Ticket.phone,
            Ticket.employer_name,
            holder.name_zh,
            holder.name_en,
            Ticket.status,
            Ticket.due_at,
        )
        .join(Category, on=Ticket.category == Category.id)
        .switch(Ticket)
        .join(holder, JOIN.LEFT_OUTER, on=Ticket.holder_unit == holder.id)
        .order_by(Ticket.id.desc())
        .limit(limit)
    )
    if before_id is not None:
        query = query.where(Ticket.id < before_id)
    if actor is not None and actor.role in _UNIT_SCOPED and actor.unit_kind != "provincial":
        receiving = OrgUnit.alias()
        query = query.join(
            receiving, JOIN.LEFT_OUTER, on=Ticket.receiving_unit == receiving.id
        ).where(
            holder.path.startswith(actor.unit_path) | receiving.path.startswith(actor.unit_path)
        )
    return [
        TicketRow(
            id=row[0],
            number=row[1],
            created_at=row[2],
            category_zh=row[3],
            category_en=row[4],
            caller_phone=mask_phone(row[5]),
            employer=row[6],
            unit_zh=row[7] or "",
            unit_en=row[8] or "",
            status=TicketStatus(row[9]),
            due_at=row[10],
        )
        for row in query.tuples()
    ]
