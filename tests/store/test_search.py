"""Chinese search finds exactly the tickets whose text holds the term, on every engine."""

from __future__ import annotations

import random

import pytest

from hotline_desktop.services.intake import CallInput, log_call
from hotline_desktop.store.models import Ticket

DESCRIPTIONS = [
    "建筑工地拖欠农民工工资三个月，共13人被欠薪60余万元",
    "外卖骑手反映平台超时罚款过重，账号被封禁",
    "单位未缴纳社保，要求补缴社会保险",
    "工伤认定申请被拒，询问如何申请行政复议",
    "塔吊司机被欠薪，项目部拒不支付",
    "货车司机反映运费被拖欠，平台抽成过高",
    "询问工伤保险待遇如何计算",
    "公司要求加班但不支付加班费",
]


@pytest.fixture
def tickets(env, staff):
    rows = []
    for index, text in enumerate(DESCRIPTIONS):
        result = log_call(
            env,
            staff.agent,
            CallInput(
                phone=f"1380000{index:04d}",
                description=text,
                caller_name=["王师傅", "李女士", "", "赵先生"][index % 4],
                employer_name=["陕西某建工集团", "某外卖APP站点", "", "某物流公司"][index % 4],
                category_code="wages",
            ),
            create_ticket=True,
        )
        rows.append(Ticket.get_by_id(result.ticket_id))
    return rows


def expected(tickets, term: str) -> list[int]:
    found = [
        t.id
        for t in tickets
        if any(term.lower() in (value or "").lower() for value in (
            t.number, t.caller_name, t.employer_name, t.description))
    ]  # fmt: skip
    return sorted(found, reverse=True)


TERMS = (
    "欠薪 工伤 社保 薪 伤 工伤认定 塔吊司机 拖欠工资 "
    "13人 app 王师傅 陕西某建工 加班费 不存在的词 欠薪60余万元"
)


@pytest.mark.parametrize("term", TERMS.split())
def test_search_finds_exactly_the_tickets_holding_the_term(env, tickets, term):
    want = expected(tickets, term)
    assert env.search.matching_ids(term) == want
    assert env.search.count(term) == len(want)
    condition_ids = [t.id for t in Ticket.select().where(env.search.condition(term))]
    assert sorted(condition_ids, reverse=True) == want


def test_a_ticket_is_found_by_its_number(env, tickets):
    number = tickets[3].number
    assert env.search.matching_ids(number) == [tickets[3].id]
    assert env.search.matching_ids(number.split("-")[1]) == [tickets[3].id]


def test_several_terms_must_all_match(env, tickets):
    assert env.search.matching_ids("欠薪 塔吊") == [tickets[4].id]
    assert env.search.matching_ids("工伤 复议") == [tickets[3].id]


def test_search_agrees_with_substring_matching_on_random_text(env, staff):
    rng = random.Random(7)
    alphabet = "工资欠薪伤保险社会拖平台骑手司机认定"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(8, 30))) for _ in range(40)]
    made = []
    for index, text in enumerate(texts):
        result = log_call(
            env,
            staff.agent,
            CallInput(phone=f"1390000{index:04d}", description=text, category_code="other"),
            create_ticket=True,
        )
        made.append(Ticket.get_by_id(result.ticket_id))
    for _ in range(60):
        source = rng.choice(texts)
        start = rng.randrange(len(source))
        term = source[start : start + rng.randint(1, 5)]
        assert env.search.matching_ids(term, limit=100) == expected(made, term), term


@pytest.mark.parametrize("typed", ["工伤认定。", "“工伤认定”", "ＡＰＰ罚款", "App罚款"])
def test_punctuation_and_full_width_typing_find_the_same_tickets(env, staff, typed):
    texts = ["申请工伤认定被拒绝", "外卖APP罚款过重"]
    ids = [
        log_call(
            env, staff.agent,
            CallInput(phone=f"1370000000{i}", description=text, category_code="other"),
            create_ticket=True,
        ).ticket_id
        for i, text in enumerate(texts)
    ]  # fmt: skip
    wanted = [ids[1]] if "罚款" in typed else [ids[0]]
    assert env.search.matching_ids(typed) == wanted
