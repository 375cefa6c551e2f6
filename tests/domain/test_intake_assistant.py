"""The intake assistant: what it suggests while the agent types, and why, as a user reads it."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from hotline_desktop.domain.intake_assistant import (
    KEYWORDS_FILE,
    CategoryHints,
    Suggestions,
    risk_facts,
    suggest,
)
from hotline_desktop.domain.risk_rules import RiskKind, RiskRule, RiskRules

REFERENCE = Path(__file__).parents[2] / "resources" / "reference"
SEED_CALL = "他在西安市某工地从事木工工作，他和工友等13人被拖欠工资60余万元，多次索要未果"


@pytest.fixture(scope="module")
def rules() -> RiskRules:
    data = json.loads((REFERENCE / "risk_rules.json").read_text(encoding="utf-8"))
    return RiskRules.from_dict(data, version=1)


@pytest.fixture(scope="module")
def hints() -> CategoryHints:
    return CategoryHints.load()


def reasons(suggestions: Suggestions) -> dict[RiskKind, str]:
    return {finding.kind: str(finding.reason) for finding in suggestions.risks}


# ---- the seed story and the reasons a user reads ----


def test_the_carpenters_call_is_wages_many_workers_and_a_large_sum(rules, hints):
    suggestions = suggest(SEED_CALL, rules, hints)
    assert suggestions.category.code == "wages"
    assert str(suggestions.category.reason) == "mentions “拖欠”"
    assert reasons(suggestions) == {
        RiskKind.MASS: "involves 13人 (at least 10)",
        RiskKind.LARGE: "amount 60余万元 (at least 500,000 yuan)",
    }


def test_a_threat_names_the_words_that_raised_it(rules, hints):
    suggestions = suggest("来电人说再不给工资就去公司楼顶跳楼", rules, hints)
    (finding,) = suggestions.risks
    assert finding.kind == RiskKind.DANGER
    assert finding.rule == RiskRule.DANGER_WORDS
    assert str(finding.reason) == "mentions “跳楼”"


def test_reasons_keep_their_template_for_translation(rules, hints):
    suggestions = suggest(SEED_CALL, rules, hints)
    reason = suggestions.category.reason
    assert reason.template == "mentions “{word}”"
    assert reason.values == {"word": "拖欠"}
    assert suggestions.category.word == "拖欠"


def test_a_truck_drivers_appeal_is_a_platform_workers_matter(rules, hints):
    suggestions = suggest("货车司机在群里反映货主迟迟未支付运费", rules, hints)
    assert suggestions.category.code == "platform_rights"
    assert suggestions.risks == ()


def test_a_sum_written_in_chinese_numerals_counts(rules, hints):
    suggestions = suggest("三十多名农民工被拖欠工资一百二十万", rules, hints)
    assert reasons(suggestions) == {
        RiskKind.MASS: "involves 三十多名农民工 (at least 10)",
        RiskKind.LARGE: "amount 一百二十万 (at least 500,000 yuan)",
    }


# ---- the form's fields against the text's figures ----


def test_the_texts_figure_counts_when_the_form_says_less():
    facts = risk_facts(SEED_CALL, headcount=1, amount=Decimal("20000"))
    assert (facts.headcount.value, facts.headcount.said_as) == (13, "13人")
    assert (facts.amount.value, facts.amount.said_as) == (600000, "60余万元")


def test_the_forms_figure_counts_when_it_says_more():
    facts = risk_facts(SEED_CALL, headcount=25, amount=Decimal("650000"))
    assert (facts.headcount.value, facts.headcount.said_as) == (25, "25人")
    assert (facts.amount.value, facts.amount.said_as) == (650000, "650,000元")


def test_a_form_amount_with_cents_keeps_them():
    facts = risk_facts("欠薪", amount=Decimal("1200.50"))
    assert facts.amount.said_as == "1,200.50元"


def test_equal_figures_keep_the_texts_words():
    facts = risk_facts("十三名工人被欠薪", headcount=13)
    assert facts.headcount.said_as == "十三名工人"


def test_the_largest_figure_in_the_text_counts():
    facts = risk_facts("8名木工每人欠2万元，全班组30多人共欠60万元")
    assert facts.headcount.said_as == "30多人"
    assert facts.amount.said_as == "60万元"


def test_without_figures_there_are_none():
    facts = risk_facts("公司不给交社保", headcount=None, amount=None)
    assert facts.headcount is None and facts.amount is None


def test_the_forms_figures_alone_raise_marks(rules, hints):
    suggestions = suggest("工地拖欠工资", rules, hints, headcount=15, amount=Decimal("800000"))
    assert reasons(suggestions) == {
        RiskKind.MASS: "involves 15人 (at least 10)",
        RiskKind.LARGE: "amount 800,000元 (at least 500,000 yuan)",
    }


def test_repeat_reports_pass_through_to_the_rules(rules, hints):
    suggestions = suggest(
        "包工头拖欠工资", rules, hints, employer_reports=3, employer_name="某建筑公司"
    )
    assert reasons(suggestions) == {
        RiskKind.REPEATED: "report number 3 about “某建筑公司” within 30 days"
    }


# ---- too little to judge ----


@pytest.mark.parametrize("text", ["", "   ", None, "欠薪", "社保。", "跳楼", "问一下"])
def test_an_empty_or_barely_begun_description_suggests_nothing(rules, hints, text):
    assert suggest(text, rules, hints, headcount=50) == Suggestions()


def test_a_description_without_keywords_suggests_no_category(rules, hints):
    suggestions = suggest("来电人没有说清楚情况", rules, hints)
    assert suggestions.category is None
    assert suggestions.risks == ()


# ---- how keywords decide ----


def test_the_longer_keyword_wins_where_two_overlap(hints):
    assert hints.best("公司从来不给加班费").code == "wages"
    assert hints.best("公司天天安排加班").code == "hours_leave"
    assert hints.best("咨询集体合同").code == "legal_advice"


def test_a_denied_arrears_does_not_count_as_arrears(hints):
    suggestion = hints.best("公司没有拖欠工资，但是一直不给缴纳医疗保险")
    assert suggestion.code == "social_insurance"
    assert suggestion.word == "医疗保险"


def test_an_injury_outweighs_the_workers_trade(hints):
    assert hints.best("外卖骑手送餐时摔倒骨折，平台不管").code == "work_injury"
    assert hints.best("外卖骑手被站点拖欠配送费").code == "platform_rights"


def test_a_tie_goes_to_the_category_listed_first():
    hints = CategoryHints.from_dict(
        {
            "categories": [
                {"code": "first", "keywords": {"甲": 5}},
                {"code": "second", "keywords": {"乙": 5}},
            ]
        }
    )
    assert hints.best("乙甲").code == "first"
    assert hints.best("乙乙").code == "second"


def test_a_keyword_said_twice_is_no_more_evidence():
    hints = CategoryHints.from_dict(
        {
            "categories": [
                {"code": "first", "keywords": {"甲": 5, "丙": 1}},
                {"code": "second", "keywords": {"乙": 5}},
            ]
        }
    )
    assert hints.best("乙乙乙甲丙").code == "first"


def test_the_shipped_keywords_name_only_known_categories(hints):
    categories = json.loads((REFERENCE / "categories.json").read_text(encoding="utf-8"))
    known = {entry["code"] for entry in categories}
    assert set(hints.codes) <= known
    assert KEYWORDS_FILE.parent == REFERENCE.resolve()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "expected a non-empty list under 'categories'"),
        ({"categories": [{"keywords": {"甲": 1}}]}, "'code' must be a non-empty string"),
        ({"categories": [{"code": "x", "keywords": {}}]}, "'keywords' must map"),
        ({"categories": [{"code": "x", "keywords": {"甲": 0}}]}, "must be 1 to 9"),
        ({"categories": [{"code": "x", "keywords": {"甲": True}}]}, "must be 1 to 9"),
        ({"categories": [{"code": "x", "keywords": {"工资(": 3}}]}, "not a valid pattern"),
        ({"categories": [{"code": "x", "keywords": {"a|": 3}}]}, "matches any text"),
        (
            {"categories": [{"code": "x", "keywords": {"甲": 1}}, {"code": "x", "keywords": {}}]},
            "'keywords' must map",
        ),
        (
            {
                "categories": [
                    {"code": "x", "keywords": {"甲": 1}},
                    {"code": "x", "keywords": {"乙": 1}},
                ]
            },
            "listed twice",
        ),
        (
            {
                "categories": [
                    {"code": "x", "keywords": {"甲": 1}},
                    {"code": "y", "keywords": {"甲": 1}},
                ]
            },
            "listed under both x and y",
        ),
    ],
)
def test_a_broken_keyword_file_is_refused_with_the_reason(data, message):
    with pytest.raises(ValueError, match=message):
        CategoryHints.from_dict(data)


def test_an_unreadable_keyword_file_names_itself(tmp_path):
    broken = tmp_path / "category_keywords.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="category_keywords.json: cannot be read"):
        CategoryHints.load(broken)


def test_a_file_of_patterns_only_works():
    hints = CategoryHints.from_dict({"categories": [{"code": "wages", "keywords": {"欠.工资": 5}}]})
    assert hints.best("欠了工资").code == "wages"
    assert hints.best("没有问题") is None
