"""The headline figures the office reports: calls answered, tickets generated, money recovered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from peewee import fn

from ..store.models import Call, MoneyField, Payment, Ticket
from .environment import Environment


@dataclass(frozen=True)
class HeadlineFigures:
    start: date | None
    end: date | None
    calls: int
    tickets: int
    recovered: Decimal


def headline_figures(
    env: Environment, start: date | None = None, end: date | None = None
) -> HeadlineFigures:
    """Figures for the days from ``start`` to ``end`` inclusive (open ends: all time)."""
    since = datetime.combine(start, time.min) if start else None
    until = datetime.combine(end + timedelta(days=1), time.min) if end else None

    def within(column):
        condition = column.is_null(False)
        if since:
            condition &= column >= since
        if until:
            condition &= column < until
        return condition

    calls = Call.select().where(within(Call.received_at)).count()
    tickets = Ticket.select().where(within(Ticket.created_at)).count()
    # Money counts on the day it was paid, which may be long after the ticket was made.
    fen = Payment.select(fn.SUM(Payment.amount)).where(_paid_between(start, end)).scalar() or 0
    return HeadlineFigures(start, end, calls, tickets, MoneyField().python_value(fen))


def _paid_between(start: date | None, end: date | None):
    condition = Payment.paid_on.is_null(False)
    if start:
        condition &= Payment.paid_on >= start
    if end:
        condition &= Payment.paid_on <= end
    return condition
