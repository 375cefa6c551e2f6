"""How well the intake assistant does on descriptions a supervisor labelled by hand.

    hotline-desktop assistant-eval [--labelled PATH] [--show-misses]

Each line of the labelled file is a JSON object: the description as an agent types it, the
category and the risk marks a careful supervisor gives it, and, where the text states them,
the head count and the sum a supervisor would enter in the form:

    {"text": "...13人被拖欠工资60余万元...", "category": "wages", "risks": ["mass", "large"],
     "headcount": 13, "amount": "600000"}

The labels say what the call is, not what the rules happen to catch, so that the report
shows where the rules or the keywords fall short. 多 (repeated reports) comes from the
ticket history, not from the text, and is not labelled. The shipped set follows the
conventions written at the top of resources/reference/category_keywords.json; a threat of
an extreme act, or an imminent danger to life at work, is 危; a negated one (不会做极端的事)
is not.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..domain.errors import HotlineError
from ..domain.intake_assistant import CategoryHints, risk_facts, suggest
from ..domain.risk_rules import RiskKind, RiskRules
from ..services.rule_versions import default_rules_data

# The labelled set lives with the tests of a checkout; an installed copy is given --labelled.
DEFAULT_LABELLED = (
    Path(__file__).resolve().parents[2] / "tests" / "assistant" / "labelled_descriptions.jsonl"
)
# What a description can show; 多 needs the ticket history.
JUDGED_KINDS = (RiskKind.DANGER, RiskKind.MASS, RiskKind.LARGE, RiskKind.HIDDEN)
_LABELLED_KINDS = {kind.value: kind for kind in JUDGED_KINDS}


@dataclass(frozen=True, slots=True)
class LabelledDescription:
    line: int
    text: str
    category: str
    risks: frozenset[RiskKind]
    headcount: int | None = None
    amount: Decimal | None = None


@dataclass(frozen=True, slots=True)
class KindScore:
    kind: RiskKind
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        flagged = self.tp + self.fp
        return self.tp / flagged if flagged else None

    @property
    def recall(self) -> float | None:
        labelled = self.tp + self.fn
        return self.tp / labelled if labelled else None


@dataclass(frozen=True, slots=True)
class Miss:
    """A description on which the assistant and the label disagree."""

    line: int
    text: str
    category: str
    suggested: str | None  # None: no suggestion
    missed: tuple[RiskKind, ...]
    extra: tuple[RiskKind, ...]
    reasons: tuple[str, ...]  # what the risks it found were found for
    figures: tuple[str, ...]  # "headcount 9, read 8"


@dataclass(frozen=True, slots=True)
class AssistantReport:
    source: str
    descriptions: int
    scores: tuple[KindScore, ...]
    categories_right: int
    headcounts: tuple[int, int]  # (read right, labelled)
    amounts: tuple[int, int]
    misses: tuple[Miss, ...]

    @property
    def category_accuracy(self) -> float:
        return self.categories_right / self.descriptions if self.descriptions else 0.0

    def score(self, kind: RiskKind) -> KindScore:
        return next(score for score in self.scores if score.kind == kind)


def default_rules() -> RiskRules:
    """The shipped 1155 rules, as a fresh database stores them: version 1."""
    return RiskRules.from_dict(default_rules_data(), version=1)


def load_labelled(path: Path) -> tuple[LabelledDescription, ...]:
    """Read the labelled file; a wrong line is refused with its number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise HotlineError(f"cannot read the labelled descriptions {path}: {error}") from None
    rows = tuple(
        _labelled(number, line, path.name)
        for number, line in enumerate(lines, start=1)
        if line.strip()
    )
    if not rows:
        raise HotlineError(f"{path} holds no labelled descriptions")
    return rows


def _labelled(number: int, line: str, name: str) -> LabelledDescription:
    where = f"{name} line {number}"
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise HotlineError(f"{where}: not valid JSON ({error.msg})") from None
    if not isinstance(row, dict):
        raise HotlineError(f"{where}: expected an object")
    text, category, risks = row.get("text"), row.get("category"), row.get("risks", [])
    if not isinstance(text, str) or not isinstance(category, str) or not category:
        raise HotlineError(f"{where}: 'text' and 'category' must be strings")
    if not isinstance(risks, list) or any(risk not in _LABELLED_KINDS for risk in risks):
        judged = ", ".join(_LABELLED_KINDS)
        raise HotlineError(f"{where}: 'risks' must be a list of {judged}")
    headcount = row.get("headcount")
    if headcount is not None and (isinstance(headcount, bool) or not isinstance(headcount, int)):
        raise HotlineError(f"{where}: 'headcount' must be a whole number")
    return LabelledDescription(
        number,
        text,
        category,
        frozenset(_LABELLED_KINDS[risk] for risk in risks),
        headcount,
        _amount(row.get("amount"), where),
    )


def _amount(value, where: str) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise HotlineError(f"{where}: 'amount' must be a number such as \"600000\"") from None


def evaluate_assistant(path: Path, rules: RiskRules, hints: CategoryHints) -> AssistantReport:
    """Run the assistant over every labelled description, as an agent would type it with
    the form's head count and amount left empty."""
    rows = load_labelled(path)
    counts = {kind: [0, 0, 0] for kind in JUDGED_KINDS}
    right = 0
    headcounts = [0, 0]
    amounts = [0, 0]
    misses = []
    for row in rows:
        suggestions = suggest(row.text, rules, hints)
        suggested = suggestions.category.code if suggestions.category else None
        right += suggested == row.category
        found = {finding.kind for finding in suggestions.risks}
        for kind in JUDGED_KINDS:
            _tally(counts[kind], kind in row.risks, kind in found)
        figures = _figure_misses(row, headcounts, amounts)
        missed = tuple(kind for kind in JUDGED_KINDS if kind in row.risks - found)
        extra = tuple(kind for kind in JUDGED_KINDS if kind in found - row.risks)
        if suggested != row.category or missed or extra or figures:
            reasons = tuple(
                f"{finding.kind.mark} {finding.reason}"
                for finding in suggestions.risks
                if finding.kind in JUDGED_KINDS
            )
            misses.append(
                Miss(row.line, row.text, row.category, suggested, missed, extra, reasons, figures)
            )
    return AssistantReport(
        source=str(path),
        descriptions=len(rows),
        scores=tuple(KindScore(kind, *counts[kind]) for kind in JUDGED_KINDS),
        categories_right=right,
        headcounts=(headcounts[0], headcounts[1]),
        amounts=(amounts[0], amounts[1]),
        misses=tuple(misses),
    )


def _tally(count: list[int], labelled: bool, found: bool) -> None:
    if labelled and found:
        count[0] += 1
    elif found:
        count[1] += 1
    elif labelled:
        count[2] += 1


def _figure_misses(row: LabelledDescription, headcounts: list, amounts: list) -> tuple[str, ...]:
    """Compare the figures read from the text alone with the labelled ones."""
    if row.headcount is None and row.amount is None:
        return ()
    facts = risk_facts(row.text)
    misses = []
    for name, labelled, figure, tally in (
        ("headcount", row.headcount, facts.headcount, headcounts),
        ("amount", row.amount, facts.amount, amounts),
    ):
        if labelled is None:
            continue
        tally[1] += 1
        if figure is not None and figure.value == labelled:
            tally[0] += 1
        else:
            read = figure.said_as if figure else "nothing"
            misses.append(f"{name} {labelled:,}, read {read}")
    return tuple(misses)


# ---- the text the command prints ----


def render_report(report: AssistantReport, *, show_misses: bool = False) -> str:
    lines = [
        f"Intake assistant on {report.descriptions} labelled descriptions ({report.source})",
        "",
        f"{'risk':<22}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}",
    ]
    for score in report.scores:
        name = f"{score.kind.mark} {score.kind.en.lower()}"
        lines.append(
            f"{name:<22}{score.tp:>5}{score.fp:>5}{score.fn:>5}"
            f"{_ratio(score.precision):>11}{_ratio(score.recall):>8}"
        )
    lines += [
        "",
        f"category accuracy  {_ratio(report.category_accuracy)} "
        f"({report.categories_right}/{report.descriptions})",
        f"figures read right  head counts {_fraction(report.headcounts)}, "
        f"amounts {_fraction(report.amounts)}",
    ]
    if show_misses:
        lines += ["", f"misses ({len(report.misses)}):"]
        lines += [line for miss in report.misses for line in _miss_lines(miss)]
    elif report.misses:
        lines += ["", f"{len(report.misses)} descriptions disagree; --show-misses lists them"]
    return "\n".join(lines)


def _miss_lines(miss: Miss) -> Iterable[str]:
    parts = []
    if miss.suggested != miss.category:
        parts.append(f"category {miss.category}, suggested {miss.suggested or 'nothing'}")
    if miss.missed:
        parts.append("missed " + " ".join(kind.mark for kind in miss.missed))
    if miss.extra:
        parts.append("extra " + " ".join(kind.mark for kind in miss.extra))
    parts += miss.figures
    yield f"  line {miss.line}: " + "; ".join(parts)
    yield f"    {miss.text}"
    if miss.reasons:
        yield "    found: " + "; ".join(miss.reasons)


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _fraction(counts: tuple[int, int]) -> str:
    return f"{counts[0]}/{counts[1]}"
