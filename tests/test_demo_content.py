import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from hotline_desktop.config.reference_data import (
    load_categories,
    load_employment_forms,
    load_industries,
    load_org_units,
)
from hotline_desktop.demo.content import (
    MAX_DESCRIPTION,
    MIN_DESCRIPTION,
    DemoContent,
    chinese_numeral,
)
from hotline_desktop.domain.vocabulary import CallKind, UnitKind

CITIES = [unit.code for unit in load_org_units() if unit.kind is UnitKind.CITY]
START = datetime(2023, 12, 18)
END = datetime(2024, 12, 1)
COUNT = 20_000
PHONE = re.compile(r"1[3-9]\d{9}|0(29-[2-8]\d{7}|91[1-9]-[2-8]\d{6})")
RISK_WORDS = re.compile("跳楼|轻生|自杀|爆炸|堵路|围堵|拉横幅|极端")


@pytest.fixture(scope="module")
def calls():
    return list(DemoContent(2024, CITIES).calls(COUNT, START, END))


def test_the_same_seed_gives_the_same_calls(calls):
    again = DemoContent(2024, CITIES).calls(2000, START, END)
    assert list(again) == list(DemoContent(2024, CITIES).calls(2000, START, END))
    other = list(DemoContent(2025, CITIES).calls(2000, START, END))
    assert other != list(DemoContent(2024, CITIES).calls(2000, START, END))


def test_times_ascend_within_the_span_in_office_hours_mostly_on_weekdays(calls):
    times = [call.received_at for call in calls]
    assert len(times) == COUNT
    assert times == sorted(times)
    assert times[0] >= START and times[-1] < END
    assert {time.hour for time in times} <= set(range(7, 23))
    weekday_days = sum(1 for d in range((END - START).days) if (START + timedelta(d)).weekday() < 5)
    weekend_days = (END - START).days - weekday_days
    weekday_calls = sum(1 for time in times if time.weekday() < 5)
    assert weekday_calls / weekday_days > 2 * (COUNT - weekday_calls) / weekend_days


def test_phones_are_valid_chinese_numbers(calls):
    for call in calls:
        assert PHONE.fullmatch(call.phone), call.phone


def test_descriptions_are_chinese_and_within_bounds(calls):
    for call in calls:
        assert MIN_DESCRIPTION <= len(call.description) <= MAX_DESCRIPTION, call.description
        assert "{" not in call.description and "}" not in call.description
        assert len(re.findall("[\u4e00-\u9fff]", call.description)) > len(call.description) / 2


def test_headcounts_and_amounts_are_plausible(calls):
    for call in calls:
        assert 1 <= call.headcount <= 60
        if call.amount is not None:
            assert Decimal(0) < call.amount < Decimal(10_000_000)
            assert call.amount.as_tuple().exponent == -2
    assert any(call.headcount >= 10 for call in calls)
    assert any(call.amount is not None and call.amount >= 500_000 for call in calls)


def test_codes_come_from_the_reference_data(calls):
    categories = {category.code for category in load_categories()}
    forms = {form.code for form in load_employment_forms()}
    industries = {industry.code for industry in load_industries()}
    for call in calls:
        assert call.category_code in categories
        assert call.employment_form_code in forms
        assert call.industry_code in industries
        assert call.region_code in CITIES
    assert Counter(call.region_code for call in calls).most_common(1)[0][0] == "xa"
    assert {call.category_code for call in calls} == categories


def test_about_85_percent_of_calls_become_tickets(calls):
    share = sum(call.becomes_ticket for call in calls) / len(calls)
    assert 0.82 <= share <= 0.88


def test_answers_belong_to_consultations_settled_on_the_call(calls):
    for call in calls:
        if call.answer:
            assert call.kind is CallKind.CONSULTATION and not call.becomes_ticket
        if call.kind in (CallKind.REQUEST, CallKind.SUGGESTION, CallKind.PRAISE):
            assert call.becomes_ticket
        if call.kind is CallKind.INVALID:
            assert not call.becomes_ticket
    assert any(call.answer for call in calls)


def test_callers_and_employers_recur(calls):
    phones = Counter(call.phone for call in calls)
    employers = Counter(call.employer_name for call in calls if call.employer_name)
    assert sum(1 for n in phones.values() if n >= 3) > 100
    assert employers.most_common(1)[0][1] >= 30
    assert len(employers) > 300
    anonymous = sum(call.caller_name == "" for call in calls) / len(calls)
    assert 0.1 <= anonymous <= 0.25


def test_new_form_workers_and_the_seed_story_are_present(calls):
    new_forms = {form.code for form in load_employment_forms() if form.new_form}
    share = sum(call.employment_form_code in new_forms for call in calls) / len(calls)
    assert 0.15 <= share <= 0.35
    risky = sum(bool(RISK_WORDS.search(call.description)) for call in calls) / len(calls)
    assert 0.003 <= risky <= 0.02
    assert any("木工" in call.description and "万" in call.description for call in calls)
    assert any(
        re.search("[十二三四五六七八九]+(余万|多万|万余|万多)", c.description) for c in calls
    )


def test_a_span_outside_office_hours_still_gets_its_calls():
    start = datetime(2024, 3, 5, 2, 10)
    end = start + timedelta(minutes=30)
    times = [call.received_at for call in DemoContent(1, ["xa"]).calls(50, start, end)]
    assert len(times) == 50 and times == sorted(times)
    assert all(start <= time < end for time in times)

    evening = datetime(2024, 3, 5, 20)
    night = [
        c.received_at
        for c in DemoContent(1, ["xa"]).calls(500, evening, evening + timedelta(hours=10))
    ]
    assert all(evening <= time < evening.replace(hour=23) for time in night)


def test_aware_times_and_unknown_regions_are_accepted():
    start = datetime(2025, 1, 6, tzinfo=timezone(timedelta(hours=8)))
    calls = list(DemoContent(1, ["added-later"]).calls(200, start, start + timedelta(days=7)))
    assert all(call.received_at.tzinfo is start.tzinfo for call in calls)
    assert {call.region_code for call in calls} == {"added-later"}


def test_bad_arguments_are_refused():
    content = DemoContent(1, ["xa"])
    assert list(content.calls(0, START, END)) == []
    with pytest.raises(ValueError):
        content.calls(10, END, START)
    with pytest.raises(ValueError):
        content.calls(-1, START, END)
    with pytest.raises(ValueError):
        DemoContent(1, [])


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (0, "零"),
        (3, "三"),
        (10, "十"),
        (13, "十三"),
        (60, "六十"),
        (105, "一百零五"),
        (1010, "一千零一十"),
    ],
)
def test_chinese_numerals(number, text):
    assert chinese_numeral(number) == text
