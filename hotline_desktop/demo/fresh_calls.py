"""The demo as the app loads it: a year of tickets, then the last hours' calls still
waiting for dispatch and tickets waiting to be signed for, taken through the real
services, so that the demo opens on work to do."""

from __future__ import annotations

from datetime import timedelta

from ..domain.vocabulary import UnitKind
from ..services import ticket_steps
from ..services.accounts import actor_for
from ..services.environment import Environment
from ..services.intake import CallInput, log_call
from ..store.models import User
from .content import DemoContent
from .loader import DemoLoader, calls_for, ensure_demo_users

WAITING = 6  # new tickets the dispatcher finds
DISPATCHED = 3  # of them, sent on to their city's federation, waiting to be signed for
SEED = 2026
FRESH_HOURS = timedelta(hours=3)


def load_demo(env: Environment, tickets: int) -> None:
    """Demo users, about ``tickets`` tickets over the year to three hours ago, and the
    calls of the last three hours."""
    ensure_demo_users(env)
    end = env.now() - FRESH_HOURS
    DemoLoader(env).load(calls_for(tickets), end - timedelta(days=365), end)
    take_fresh_calls(env)


def take_fresh_calls(env: Environment) -> int:
    """Log the latest calls as the demo agent; returns how many tickets were made."""
    agent = actor_for(User.get(User.username == "agent"))
    dispatcher = actor_for(User.get(User.username == "dispatcher"))
    cities = [unit.code for unit in env.reference.units_of_kind(UnitKind.CITY.value)]
    now, clock = env.now(), env.clock
    made = []
    try:
        for call in DemoContent(SEED, cities).calls(WAITING * 3, now - FRESH_HOURS, now):
            if not call.becomes_ticket:
                continue
            # Each call logged at the minute it came in, not all at this one.
            env.clock = lambda at=call.received_at: at
            result = log_call(env, agent, _input(call), create_ticket=True)
            made.append((result.ticket_id, call.region_code))
            if len(made) == WAITING:
                break
    finally:
        env.clock = clock
    for ticket_id, region in made[:DISPATCHED]:
        ticket_steps.dispatch(env, dispatcher, ticket_id, region)
    return len(made)


def _input(call) -> CallInput:
    return CallInput(
        phone=call.phone,
        description=call.description,
        kind=call.kind,
        category_code=call.category_code,
        caller_name=call.caller_name,
        employer_name=call.employer_name,
        region_code=call.region_code,
        industry_code=call.industry_code,
        employment_form_code=call.employment_form_code,
        headcount=call.headcount,
        amount=call.amount,
        urgency=call.urgency,
        channel=call.channel,
    )
