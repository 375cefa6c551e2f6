"""The assistant against the hand-labelled descriptions, and the command that reports it.

The floors sit a little below what the shipped rules and keywords measured on the shipped
set (288 descriptions), precision / recall: danger 0.94 / 0.91, many workers 0.95 / 0.90,
large 1.00 / 0.95, hidden 1.00 / 0.92; category accuracy 0.94. The keywords were tuned on
this set, so new text will score lower (40 descriptions written after the first tuning
scored category accuracy 0.80). A change to the rules' defaults or to the keywords that
lowers one of them is a regression; one that raises them should raise the floor too.
"""

from __future__ import annotations

import json

import pytest

from hotline_desktop.cli import main
from hotline_desktop.domain.intake_assistant import CategoryHints
from hotline_desktop.domain.risk_rules import RiskKind
from hotline_desktop.tools.assistant_eval import (
    DEFAULT_LABELLED,
    default_rules,
    evaluate_assistant,
    load_labelled,
    render_report,
)

RECALL_FLOORS = {
    RiskKind.DANGER: 0.88,
    RiskKind.MASS: 0.85,
    RiskKind.LARGE: 0.90,
    RiskKind.HIDDEN: 0.90,
}
PRECISION_FLOORS = {
    RiskKind.DANGER: 0.90,
    RiskKind.MASS: 0.90,
    RiskKind.LARGE: 0.95,
    RiskKind.HIDDEN: 0.95,
}


@pytest.fixture(scope="module")
def report():
    return evaluate_assistant(DEFAULT_LABELLED, default_rules(), CategoryHints.load())


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---- the shipped set ----


def test_the_shipped_set_is_large_varied_and_about_a_third_risky():
    rows = load_labelled(DEFAULT_LABELLED)
    assert len(rows) >= 160
    risky = sum(1 for row in rows if row.risks)
    assert 0.30 <= risky / len(rows) <= 0.40
    categories = {row.category for row in rows}
    assert len(categories) >= 12
    assert all(row.risks <= set(RECALL_FLOORS) for row in rows)  # 多 is never labelled


@pytest.mark.parametrize("kind", list(RECALL_FLOORS))
def test_each_mark_holds_its_floor(report, kind):
    score = report.score(kind)
    assert score.recall >= RECALL_FLOORS[kind], score
    assert score.precision >= PRECISION_FLOORS[kind], score


def test_the_category_and_the_figures_hold_their_floors(report):
    assert report.category_accuracy >= 0.90
    right, labelled = report.headcounts
    assert right / labelled >= 0.85
    right, labelled = report.amounts
    assert right / labelled >= 0.90


def test_every_miss_is_listed_with_what_went_wrong(report):
    lines = render_report(report, show_misses=True)
    for miss in report.misses:
        assert f"line {miss.line}: " in lines
        assert miss.text in lines


# ---- the command ----


def test_the_command_prints_precision_and_recall_per_mark_and_the_category_accuracy(capsys):
    code, out, err = run(capsys, "assistant-eval")
    assert code == 0 and err == ""
    assert "labelled descriptions" in out
    assert "precision" in out and "recall" in out
    for mark in ("危 danger", "众 many workers", "大 large sum or impact", "隐 hidden risk"):
        assert mark in out
    assert "多" not in out
    assert "category accuracy" in out
    assert "--show-misses lists them" in out


def test_show_misses_lists_the_descriptions(tmp_path, capsys):
    labelled = tmp_path / "calls.jsonl"
    rows = [
        {"text": "来电人说公司拖欠工资，再不给就去跳楼", "category": "wages", "risks": ["danger"]},
        {"text": "来电人反映平台抽成太高", "category": "praise", "risks": ["hidden"]},
    ]
    labelled.write_text(
        "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n\n", encoding="utf-8"
    )
    code, out, _err = run(capsys, "assistant-eval", "--labelled", str(labelled), "--show-misses")
    assert code == 0
    assert "on 2 labelled descriptions" in out
    assert "category accuracy  0.50 (1/2)" in out
    assert "misses (1):" in out
    assert "line 2: category praise, suggested platform_rights; missed 隐" in out
    assert "来电人反映平台抽成太高" in out


def test_a_missing_file_is_one_line_and_a_failure(tmp_path, capsys):
    code, out, err = run(capsys, "assistant-eval", "--labelled", str(tmp_path / "none.jsonl"))
    assert code == 1 and out == ""
    assert err.strip() == f"hotline-desktop: no labelled descriptions at {tmp_path / 'none.jsonl'}"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ('["a list"]', "line 2: expected an object"),
        ('{"text": "x"}', "line 2: 'text' and 'category' must be strings"),
        ('{"text": "x", "category": "wages", "risks": ["repeated"]}', "line 2: 'risks'"),
        ('{"text": "x", "category": "wages", "headcount": "13"}', "line 2: 'headcount'"),
        ('{"text": "x", "category": "wages", "amount": "六十万"}', "line 2: 'amount'"),
    ],
)
def test_a_bad_line_is_refused_with_its_number(tmp_path, capsys, line, message):
    labelled = tmp_path / "calls.jsonl"
    good = '{"text": "拖欠工资", "category": "wages", "risks": []}'
    labelled.write_text(f"{good}\n{line}\n", encoding="utf-8")
    code, out, err = run(capsys, "assistant-eval", "--labelled", str(labelled))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err


def test_an_empty_file_is_refused(tmp_path, capsys):
    labelled = tmp_path / "calls.jsonl"
    labelled.write_text("\n", encoding="utf-8")
    code, _out, err = run(capsys, "assistant-eval", "--labelled", str(labelled))
    assert code == 1 and "holds no labelled descriptions" in err
