"""The demo's last hours: calls still waiting for dispatch and tickets waiting to be
signed for, taken through the real services, so that the demo opens on work to do."""

from __future__ import annotations

from datetime import timedelta

from ..domain.vocabulary import UnitKind
from ..services import ticket_steps
from ..services.accounts import actor_for
from ..services.environment import Environment
from ..services.intake import CallInput, log_call
from ..store.models import User
from .content import DemoContent

WAITING = 6  # new tickets the dispatcher finds
DISPATCHED = 3  # of them, sent on to their city's federation, waiting to be signed for
SEED = 2026


def take_fresh_calls(env: Environment) -> int:
    """Log the latest calls as the demo agent; returns how many tickets were made."""
    agent = actor_for(User.get(User.username == "agent"))
    dispatcher = actor_for(User.get(User.username == "dispatcher"))
    cities = [unit.code for unit in env.reference.units_of_kind(UnitKind.CITY.value)]
    now = env.now()
    made = []
    for call in DemoContent(SEED, cities).calls(WAITING * 3, now - timedelta(hours=3), now):
        if not call.becomes_ticket:
            continue
        result = log_call(env, agent, _input(call), create_ticket=True)
        made.append((result.ticket_id, call.region_code))
        if len(made) == WAITING:
            break
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
