"""Choosing a ticket's time limits from the bundled policy, and refusing bad policies."""

import copy
import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from hotline_desktop.domain.calendar import WorkingCalendar
from hotline_desktop.domain.time_limits import Limit, LimitUnit, TimeLimitPolicy
from hotline_desktop.domain.vocabulary import Urgency

POLICY_FILE = Path(__file__).parents[2] / "resources" / "reference" / "time_limits.json"
DISPATCHED = datetime(2026, 9, 30, 15)  # the afternoon before the National Day week


@pytest.fixture(scope="module")
def policy_data() -> dict:
    return json.loads(POLICY_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def policy(policy_data) -> TimeLimitPolicy:
    return TimeLimitPolicy.from_dict(policy_data)


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return WorkingCalendar()


def working_days(amount: int) -> Limit:
    return Limit(amount, LimitUnit.WORKING_DAYS)


def hours(amount: int) -> Limit:
    return Limit(amount, LimitUnit.HOURS)


def test_a_normal_ticket_gets_the_default_limits(policy):
    limits = policy.limits_for("contract", Urgency.NORMAL)
    assert limits.sign == working_days(1)
    assert limits.complete == working_days(5)
    assert limits.return_window == working_days(2)
    assert limits.extension_max_days == 10
    assert limits.callback == working_days(1)


def test_signing_is_due_on_the_first_working_day_after_national_day(policy, calendar):
    limits = policy.limits_for("contract", Urgency.NORMAL)
    assert limits.sign.due(DISPATCHED, calendar) == datetime(2026, 10, 8, 15)


def test_completion_is_due_five_working_days_later_counting_the_make_up_saturday(policy, calendar):
    limits = policy.limits_for("contract", Urgency.NORMAL)
    assert limits.complete.due(DISPATCHED, calendar) == datetime(2026, 10, 13, 15)


def test_the_return_window_closes_two_working_days_after_dispatch(policy, calendar):
    limits = policy.limits_for("contract", Urgency.NORMAL)
    assert limits.return_window.due(DISPATCHED, calendar) == datetime(2026, 10, 9, 15)


def test_an_urgent_ticket_is_signed_within_two_clock_hours_even_on_a_holiday(policy, calendar):
    limits = policy.limits_for("contract", Urgency.URGENT)
    assert limits.sign == hours(2)
    assert limits.sign.due(datetime(2026, 10, 1, 23), calendar) == datetime(2026, 10, 2, 1)


def test_an_urgent_ticket_has_a_stricter_completion_limit(policy, calendar):
    limits = policy.limits_for("contract", Urgency.URGENT)
    assert limits.complete == working_days(3)
    assert limits.complete.due(DISPATCHED, calendar) == datetime(2026, 10, 10, 15)


def test_collective_wage_arrears_are_signed_within_one_hour(policy, calendar):
    limits = policy.limits_for("wages", Urgency.NORMAL, headcount=10)
    assert limits.sign == hours(1)
    assert limits.sign.due(DISPATCHED, calendar) == datetime(2026, 9, 30, 16)


def test_collective_wage_arrears_beat_the_urgent_sign_limit(policy):
    assert policy.limits_for("wages", Urgency.URGENT, headcount=13).sign == hours(1)


def test_wage_arrears_below_the_headcount_threshold_are_not_collective(policy):
    assert policy.limits_for("wages", Urgency.NORMAL, headcount=9).sign == working_days(1)


def test_many_workers_outside_the_wages_category_are_not_collective_wage_arrears(policy):
    assert policy.limits_for("contract", Urgency.NORMAL, headcount=50).sign == working_days(1)


def test_the_collective_headcount_threshold_is_configurable(policy_data):
    data = copy.deepcopy(policy_data)
    data["collective_wage_arrears_headcount"] = 30
    policy = TimeLimitPolicy.from_dict(data)
    assert policy.limits_for("wages", Urgency.NORMAL, headcount=29).sign == working_days(1)
    assert policy.limits_for("wages", Urgency.NORMAL, headcount=30).sign == hours(1)


def test_a_complex_ticket_gets_fifteen_working_days(policy, calendar):
    limits = policy.limits_for("contract", Urgency.NORMAL, complex_case=True)
    assert limits.complete == working_days(15)
    assert limits.complete.due(DISPATCHED, calendar) == datetime(2026, 10, 27, 15)


def test_a_complex_urgent_ticket_keeps_the_complex_completion_and_the_urgent_signing(policy):
    limits = policy.limits_for("contract", Urgency.URGENT, complex_case=True)
    assert limits.complete == working_days(15)
    assert limits.sign == hours(2)


def test_work_injury_has_its_own_completion_limit(policy):
    assert policy.limits_for("work_injury", Urgency.NORMAL).complete == working_days(15)


def test_an_admin_may_override_the_completion_limit_of_any_category(policy_data):
    data = copy.deepcopy(policy_data)
    data["complete"]["by_category"]["hardship"] = {"amount": 7, "unit": "working_days"}
    policy = TimeLimitPolicy.from_dict(data)
    assert policy.limits_for("hardship", Urgency.NORMAL).complete == working_days(7)
    assert policy.limits_for("wages", Urgency.NORMAL).complete == working_days(5)


def test_to_dict_gives_back_the_bundled_json(policy, policy_data):
    assert policy.to_dict() == policy_data
    assert TimeLimitPolicy.from_dict(policy.to_dict()) == policy


def _edited(policy_data: dict, path: str) -> tuple[dict, dict, str]:
    """A deep copy of the policy, the mapping that holds `path`'s last key, and that key."""
    data = copy.deepcopy(policy_data)
    *parents, leaf = path.split(".")
    holder = data
    for key in parents:
        holder = holder[key]
    return data, holder, leaf


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("sign.normal.amount", -1, r"sign\.normal\.amount must be a positive whole number, got -1"),
        ("complete.urgent.amount", 0, r"complete\.urgent\.amount must be a positive whole number"),
        ("extension_max_days", 0, r"extension_max_days must be a positive whole number, got 0"),
        ("callback.amount", 1.5, r"callback\.amount must be a positive whole number, got 1\.5"),
        ("return_window.amount", "2", r"return_window\.amount must be .* got '2'"),
        ("collective_wage_arrears_headcount", True, r"collective_wage_arrears_headcount must"),
        (
            "complete.by_category.work_injury.amount",
            -15,
            r"complete\.by_category\.work_injury\.amount must be a positive whole number",
        ),
        ("sign.urgent.unit", "minutes", r"sign\.urgent\.unit must be one of working_days, hours"),
        ("complete.by_category", [], r"complete\.by_category must be a mapping"),
        ("sign.normal.amonut", 1, r"sign\.normal\.amonut is not a known key"),
    ],
)
def test_from_dict_refuses_a_bad_value_naming_its_key(policy_data, path, value, message):
    data, holder, key = _edited(policy_data, path)
    holder[key] = value
    with pytest.raises(ValueError, match=message):
        TimeLimitPolicy.from_dict(data)


@pytest.mark.parametrize(
    "path",
    ["callback", "sign.collective_wage_arrears", "complete.complex.unit", "sign.urgent.amount"],
)
def test_from_dict_refuses_a_missing_key_naming_it(policy_data, path):
    data, holder, key = _edited(policy_data, path)
    del holder[key]
    with pytest.raises(ValueError, match=f"^{re.escape(path)} is missing$"):
        TimeLimitPolicy.from_dict(data)


def test_from_dict_refuses_something_that_is_not_a_mapping():
    with pytest.raises(ValueError, match="time limits must be a mapping"):
        TimeLimitPolicy.from_dict([])
