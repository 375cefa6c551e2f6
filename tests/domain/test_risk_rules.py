"""The risk rules as data: reading, checking, evaluating; and the time-limit findings."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

import pytest

from hotline_desktop.config.resources import REFERENCE_DIR
from hotline_desktop.domain.alerts import TimeLimitKind, time_limit_finding
from hotline_desktop.domain.calendar import WorkingCalendar
from hotline_desktop.domain.errors import InvalidInput
from hotline_desktop.domain.risk_rules import (
    Figure,
    RiskFacts,
    RiskKind,
    RiskRule,
    RiskRules,
)


@pytest.fixture
def rules() -> RiskRules:
    data = json.loads((REFERENCE_DIR / "risk_rules.json").read_text(encoding="utf-8"))
    return RiskRules.from_dict(data, version=1)


def test_the_shipped_rules_read_back_as_they_are_written(rules):
    assert RiskRules.from_dict(rules.to_dict(), version=1) == rules
    assert set(rules.playbooks) == set(RiskKind)


def test_every_kind_with_its_reason(rules):
    facts = RiskFacts(
        description="他说要跳楼，已经发了抖音",
        headcount=Figure(Decimal(13), "十三名工人"),
        amount=Figure(Decimal(600000), "六十余万元"),
        caller_reports=3,
        employer_reports=3,
        employer_name="某集团",
    )
    found = {(f.kind, f.rule): f.reason for f in rules.evaluate(facts)}
    assert found[(RiskKind.DANGER, RiskRule.DANGER_WORDS)] == "mentions “跳楼”"
    assert "十三名工人" in found[(RiskKind.MASS, RiskRule.MASS_HEADCOUNT)]
    assert "六十余万元" in found[(RiskKind.LARGE, RiskRule.LARGE_AMOUNT)]
    assert (RiskKind.REPEATED, RiskRule.REPEAT_CALLER) in found
    assert "某集团" in found[(RiskKind.REPEATED, RiskRule.REPEAT_EMPLOYER)]
    assert found[(RiskKind.HIDDEN, RiskRule.HIDDEN_WORDS)] == "mentions “抖音”"


def test_thresholds_are_inclusive_and_below_them_nothing(rules):
    at = RiskFacts(headcount=Figure(Decimal(10), "10人"), amount=Figure(Decimal(500000), "50万"))
    below = RiskFacts(headcount=Figure(Decimal(9), "9人"), amount=Figure(Decimal(499999), "x"))
    assert {f.kind for f in rules.evaluate(at)} == {RiskKind.MASS, RiskKind.LARGE}
    assert rules.evaluate(below) == ()


def test_keywords_are_patterns(rules):
    data = rules.to_dict()
    data["danger_words"] = ["拖欠.{0,4}就跳"]
    edited = RiskRules.from_dict(data, version=2)
    (finding,) = edited.evaluate(RiskFacts(description="再拖欠工资我就跳下去"))
    assert finding.reason == "mentions “拖欠工资我就跳”"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("danger_words", ["(跳楼"], "not a valid pattern"),
        ("danger_words", ["a*"], "matches any text"),
        ("mass_words", "", "cannot be empty"),
        ("mass_headcount", "ten", "not a whole number"),
        ("mass_headcount", 0, "between 2 and"),
        ("repeat_employer_reports", 1, "between 2 and"),
        ("large_amount", "0", "greater than zero"),
        ("levels", {"danger": "urgent"}, "not an alert level"),
    ],
)
def test_a_rule_that_cannot_work_names_its_field(rules, field, value, words):
    data = rules.to_dict()
    data[field] = value
    with pytest.raises(InvalidInput) as refused:
        RiskRules.from_dict(data)
    assert refused.value.field == field
    assert words in refused.value.message


def test_the_rule_label_names_the_version(rules):
    assert rules.label(RiskRule.MASS_HEADCOUNT) == "涉及人数 v1"
    assert rules.label(RiskRule.MASS_HEADCOUNT, "en") == "number of workers v1"


# ---- time limits ----


def finding(rules, status, now, *, sign_due=None, due=None):
    return time_limit_finding(status, sign_due, due, now, rules, WorkingCalendar())


def test_overdue_wins_over_signing(rules):
    now = datetime(2026, 9, 29, 12, 0)
    late = finding(rules, "dispatched", now, sign_due=now.replace(hour=9), due=now.replace(hour=10))
    assert late.kind == TimeLimitKind.OVERDUE


def test_signing_soon_and_overdue(rules):
    sign_due = datetime(2026, 9, 29, 12, 0)
    assert finding(rules, "dispatched", datetime(2026, 9, 29, 10, 0), sign_due=sign_due) is None
    soon = finding(rules, "dispatched", datetime(2026, 9, 29, 11, 30), sign_due=sign_due)
    assert soon.kind == TimeLimitKind.DUE_SOON
    late = finding(rules, "dispatched", datetime(2026, 9, 29, 12, 1), sign_due=sign_due)
    assert late.kind == TimeLimitKind.SIGN_OVERDUE


def test_due_soon_counts_only_working_time(rules):
    due = datetime(2026, 10, 8, 9, 0)  # the first morning after the National Day week
    # 09-30 17:00: seven hours of Wednesday and nine of Thursday: due soon.
    soon = finding(rules, "in_progress", datetime(2026, 9, 30, 17, 0), due=due)
    assert soon.kind == TimeLimitKind.DUE_SOON
    # 09-30 08:00: sixteen hours of Wednesday and nine of Thursday: 25 hours, not yet.
    assert finding(rules, "in_progress", datetime(2026, 9, 30, 8, 0), due=due) is None


def test_nothing_for_tickets_not_being_worked(rules):
    now = datetime(2026, 9, 29, 12, 0)
    for status in ("new", "completed", "archived"):
        assert finding(rules, status, now, due=datetime(2026, 9, 1)) is None


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("我不会做极端的事，只想要回工资", False),
        ("工友们都很理性，没有人去堵路", False),
        ("你们不要逼我跳楼", True),
        ("他说不想活了", True),
    ],
)
def test_a_denied_keyword_does_not_count_but_a_threat_does(rules, text, flagged):
    found = {f.kind for f in rules.evaluate(RiskFacts(description=text))}
    assert (RiskKind.DANGER in found) == flagged
