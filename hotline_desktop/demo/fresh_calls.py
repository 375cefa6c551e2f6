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
# Two of the last hour's calls the 1155 rules flag, so that the demo's alert centre and
# intake assistant have something to show: minutes before now, and the call.
RISKY_CALLS = (
    (
        50,
        CallInput(
            phone="13991230571",
            caller_name="高师傅",
            employer_name="陕西某建工集团公司",
            region_code="xa",
            industry_code="construction",
            employment_form_code="migrant",
            category_code="wages",
            headcount=13,
            amount="650000",
            urgency="urgent",
            description=(
                "来电人称十三名木工在西安某工地干完活，被拖欠工资六十余万元，包工头失联；"
                "有工友说今天再拿不到钱就爬上塔吊，情绪很激动。"
            ),
        ),
    ),
    (
        20,
        CallInput(
            phone="18691305527",
            caller_name="马女士",
            employer_name="某同城配送平台",
            region_code="xa",
            employment_form_code="delivery_rider",
            category_code="platform_rights",
            headcount=1,
            description=(
                "外卖骑手反映站点连续两个月按差评扣款，站里很多人都被扣了，"
                "已经有骑手在抖音发了视频，大家在群里商量明天一起去平台公司讨说法。"
            ),
        ),
    ),
)


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
        for minutes, risky in RISKY_CALLS:
            env.clock = lambda at=now - timedelta(minutes=minutes): at
            log_call(env, agent, risky, create_ticket=True)
    finally:
        env.clock = clock
    for ticket_id, region in made[:DISPATCHED]:
        ticket_steps.dispatch(env, dispatcher, ticket_id, region)
    return len(made) + len(RISKY_CALLS)


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
