"""The caller's history the intake form shows when the phone field is left."""

from __future__ import annotations

from datetime import datetime

import pytest

from hotline_desktop.domain.errors import InvalidInput
from hotline_desktop.domain.vocabulary import CallKind, TicketStatus
from hotline_desktop.services import caller_history as history_module
from hotline_desktop.services.caller_history import caller_history
from hotline_desktop.services.intake import CallInput, log_call
from hotline_desktop.services.intake_choices import intake_choices


def call(env, actor, phone, *, ticket, **fields):
    data = dict(
        phone=phone,
        caller_name="王师傅",
        employer_name="西安某物流有限公司",
        kind="request" if ticket else "consultation",
        category_code="wages" if ticket else "legal_advice",
        description="公司拖欠三个月工资共计一万二千元，多次讨要未果，希望工会帮助协调。" * 3,
        answer="" if ticket else "告知可向劳动监察大队投诉",
    )
    data.update(fields)
    return log_call(env, actor, CallInput(**data), create_ticket=ticket)


def test_a_first_call_is_not_a_repeat(env, staff):
    history = caller_history(env, "138 1234 5678")
    assert history.phone == "13812345678"
    assert not history.is_repeat
    assert history.calls == () and history.tickets == ()


def test_a_second_call_is_a_repeat_and_lists_the_first(env, staff, clock):
    first = call(env, staff.agent, "13812345678", ticket=True)
    clock.set(datetime(2026, 9, 29, 10, 30))
    call(env, staff.agent, "13812345678", ticket=False, description="咨询加班费怎么计算")

    history = caller_history(env, "138 1234 5678")

    assert history.is_repeat and history.call_count == 2
    assert history.name == "王师傅"
    newest, oldest = history.calls
    assert newest.received_at == datetime(2026, 9, 29, 10, 30)
    assert newest.kind is CallKind.CONSULTATION and newest.answered_on_call
    assert newest.ticket_number is None and newest.category_zh == "法律咨询"
    assert newest.description == "咨询加班费怎么计算"
    assert oldest.ticket_number == first.number and not oldest.answered_on_call
    assert oldest.description.endswith("…") and len(oldest.description) == 60
    [ticket] = history.tickets
    assert (ticket.number, ticket.status) == (first.number, TicketStatus.NEW)
    assert ticket.category_en == "Wages and pay"
    assert ticket.employer == "西安某物流有限公司"
    assert ticket.created_at == datetime(2026, 9, 29, 9, 0)


def test_the_phone_is_read_as_intake_stores_it(env, staff):
    call(env, staff.agent, "+86 138-1234-5678", ticket=True)
    for written in ("138 1234 5678", "13812345678", "１３８１２３４５６７８", "8613812345678"):
        assert caller_history(env, written).call_count == 1
    assert caller_history(env, "13912345678").call_count == 0


def test_the_lists_stop_at_the_limit_but_the_count_does_not(env, staff, clock):
    for hour in range(9, 14):
        clock.set(datetime(2026, 9, 29, hour, 0))
        call(env, staff.agent, "029-88886666", ticket=True)
    history = caller_history(env, "02988886666", limit=3)
    assert history.call_count == 5
    assert [c.received_at.hour for c in history.calls] == [13, 12, 11]
    assert [t.created_at.hour for t in history.tickets] == [13, 12, 11]


def test_an_invalid_phone_is_refused(env):
    with pytest.raises(InvalidInput) as refused:
        caller_history(env, "12345")
    assert refused.value.field == "phone"


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_every_history_query_goes_through_an_index(env):
    """A million tickets: a full scan of call or ticket would keep the caller waiting."""
    queries = [
        history_module._calls_query(1, 20),
        history_module._tickets_query(1, 20),
    ]
    for query in queries:
        sql, params = query.sql()
        plan = " | ".join(row[3] for row in env.db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "SCAN" not in plan.replace("SCAN CONSTANT", ""), plan
        assert "USING INDEX" in plan or "USING INTEGER PRIMARY KEY" in plan, plan


def test_the_choices_offer_cities_with_their_districts(env):
    choices = intake_choices(env)
    codes = [region.code for region in choices.regions]
    assert codes[:2] == ["xa", "xa-xincheng"]
    assert "baoji-weibin" in codes and "sx-centre" not in codes
    assert "xa-yanta-qinzhu" not in codes  # an enterprise union is no region
    assert codes.index("baoji") < codes.index("baoji-weibin") < codes.index("xianyang")
    assert choices.categories[0].label("zh_CN") == "劳动报酬"
    assert {f.code for f in choices.employment_forms} >= {"migrant", "delivery_rider"}
    assert choices.industries[0].code == "construction"
