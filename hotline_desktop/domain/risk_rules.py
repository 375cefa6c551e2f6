"""The "1155" risk rules: what makes a ticket 危 众 多 大 隐, and what the office does then.

An admin edits the rules in the app; every saved edit is a new version, and each alert
names the rule and the version that raised it, so that a supervisor can tell why a
ticket was flagged last month under thresholds that have changed since. A rule set is
checked whole before it is saved: one that cannot work is refused and the old one stays.

Keywords are regular expressions, so that an admin can write 跳楼|跳河 or 拖欠.{0,4}工资;
a plain word is one too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import InvalidInput
from .language import Language
from .phrases import QT_TRANSLATE_NOOP, Phrase, said
from .validation import amount as read_amount
from .vocabulary import Labelled

MAX_KEYWORDS = 200
MAX_KEYWORD_LENGTH = 100
MAX_PLAYBOOK_STEPS = 20
MAX_STEP_LENGTH = 200
MAX_WINDOW_DAYS = 365
MAX_REPORTS = 100
MAX_WORDS_SHOWN = 3
# Words just before a keyword that deny it.
# Not 不要 or 别: "不要逼我跳楼" is a threat.
_NEGATED = re.compile("(不会|没有|不想|并不|不至于|没)[^，。；！？,.;!?]{0,2}$")


class RiskKind(Labelled):
    DANGER = "danger", "危险", "Danger"
    MASS = "mass", "人数众多", "Many workers"
    REPEATED = "repeated", "重复反映", "Repeated reports"
    LARGE = "large", "金额大影响大", "Large sum or impact"
    HIDDEN = "hidden", "隐性风险", "Hidden risk"

    @property
    def mark(self) -> str:
        """The one character queues and reports show: 危 众 多 大 隐."""
        return _MARKS[self]


_MARKS = {
    RiskKind.DANGER: "危",
    RiskKind.MASS: "众",
    RiskKind.REPEATED: "多",
    RiskKind.LARGE: "大",
    RiskKind.HIDDEN: "隐",
}


class AlertLevel(Labelled):
    HIGH = "high", "高", "High"
    MEDIUM = "medium", "中", "Medium"
    LOW = "low", "低", "Low"


class RiskRule(Labelled):
    """Which rule of a kind raised an alert; the alert stores it beside the version."""

    DANGER_WORDS = "danger_words", "危险言行关键词", "danger keywords"
    MASS_HEADCOUNT = "mass_headcount", "涉及人数", "number of workers"
    MASS_WORDS = "mass_words", "群体性关键词", "collective action keywords"
    REPEAT_CALLER = "repeat_caller", "同一来电人重复反映", "same caller again"
    REPEAT_EMPLOYER = "repeat_employer", "同一单位重复被反映", "same employer again"
    LARGE_AMOUNT = "large_amount", "涉及金额", "amount involved"
    LARGE_WORDS = "large_words", "重大影响关键词", "major impact keywords"
    HIDDEN_WORDS = "hidden_words", "隐性风险信号", "hidden risk signals"
    AGENT_JUDGEMENT = "agent_judgement", "话务员研判", "agent's judgement"


RULE_KIND = {
    RiskRule.DANGER_WORDS: RiskKind.DANGER,
    RiskRule.MASS_HEADCOUNT: RiskKind.MASS,
    RiskRule.MASS_WORDS: RiskKind.MASS,
    RiskRule.REPEAT_CALLER: RiskKind.REPEATED,
    RiskRule.REPEAT_EMPLOYER: RiskKind.REPEATED,
    RiskRule.LARGE_AMOUNT: RiskKind.LARGE,
    RiskRule.LARGE_WORDS: RiskKind.LARGE,
    RiskRule.HIDDEN_WORDS: RiskKind.HIDDEN,
}


def stored_kinds(stored: str | None) -> tuple[RiskKind, ...]:
    """Warning items as a ticket row keeps them, "mass,large", read in the order 危众多大隐."""
    values = set((stored or "").split(","))
    return tuple(kind for kind in RiskKind if kind.value in values)


def to_stored(kinds) -> str:
    """Warning items as a ticket row keeps them, in the order 危众多大隐."""
    chosen = set(kinds)
    return ",".join(kind.value for kind in RiskKind if kind in chosen)


def rule_label(rule: RiskRule, version: int | None, language: str = Language.CHINESE) -> str:
    """How an alert names what raised it: "涉及人数 v3"; the agent's judgement has no version."""
    name = rule.label(language)
    return f"{name} v{version}" if version is not None else name


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that counts for a rule, with the words it was read from: "13人", "六十余万元"."""

    value: Decimal
    said_as: str


@dataclass(frozen=True, slots=True)
class RiskFacts:
    """What the rules look at: the text, the figures read from the form or the text, and
    how many reports the caller and the employer made within the repeat window (this one
    included)."""

    description: str = ""
    headcount: Figure | None = None
    amount: Figure | None = None
    caller_reports: int = 0
    employer_reports: int = 0
    employer_name: str = ""


@dataclass(frozen=True, slots=True)
class RiskFinding:
    kind: RiskKind
    rule: RiskRule
    reason: Phrase


@dataclass(frozen=True)
class RiskRules:
    """One version of the rules. Keyword lists are tuples of regular expressions."""

    danger_words: tuple[str, ...]
    mass_headcount: int
    mass_words: tuple[str, ...]
    repeat_window_days: int
    repeat_caller_reports: int
    repeat_employer_reports: int
    large_amount: Decimal
    large_words: tuple[str, ...]
    hidden_words: tuple[str, ...]
    levels: Mapping[RiskKind, AlertLevel]
    playbooks: Mapping[RiskKind, tuple[str, ...]]
    # Time-limit alerts: how long before the deadline "due soon" is raised.
    sign_due_soon_hours: int = 1
    complete_due_soon_hours: int = 24
    version: int = 0
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    # ---- reading and writing the stored form ----

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], version: int = 0) -> RiskRules:
        """Read and check the stored or edited form; raises InvalidInput naming the field."""
        rules = cls(
            danger_words=_words(data, "danger_words"),
            mass_headcount=_whole(data, "mass_headcount", low=2, high=100_000),
            mass_words=_words(data, "mass_words"),
            repeat_window_days=_whole(data, "repeat_window_days", low=1, high=MAX_WINDOW_DAYS),
            repeat_caller_reports=_whole(data, "repeat_caller_reports", low=2, high=MAX_REPORTS),
            repeat_employer_reports=_whole(
                data, "repeat_employer_reports", low=2, high=MAX_REPORTS
            ),
            large_amount=_sum(data, "large_amount"),
            large_words=_words(data, "large_words"),
            hidden_words=_words(data, "hidden_words"),
            levels=_levels(data),
            playbooks=_playbooks(data),
            sign_due_soon_hours=_whole(data, "sign_due_soon_hours", low=0, high=72),
            complete_due_soon_hours=_whole(data, "complete_due_soon_hours", low=0, high=240),
            version=version,
        )
        return rules

    def to_dict(self) -> dict[str, Any]:
        return {
            "danger_words": list(self.danger_words),
            "mass_headcount": self.mass_headcount,
            "mass_words": list(self.mass_words),
            "repeat_window_days": self.repeat_window_days,
            "repeat_caller_reports": self.repeat_caller_reports,
            "repeat_employer_reports": self.repeat_employer_reports,
            "large_amount": str(self.large_amount),
            "large_words": list(self.large_words),
            "hidden_words": list(self.hidden_words),
            "levels": {kind.value: level.value for kind, level in self.levels.items()},
            "playbooks": {kind.value: list(steps) for kind, steps in self.playbooks.items()},
            "sign_due_soon_hours": self.sign_due_soon_hours,
            "complete_due_soon_hours": self.complete_due_soon_hours,
        }

    def with_version(self, version: int) -> RiskRules:
        return replace(self, version=version, _compiled={})

    def label(self, rule: RiskRule, language: str = Language.CHINESE) -> str:
        """How an alert names its rule: "涉及人数 v3"."""
        return rule_label(rule, self.version, language)

    # ---- evaluating ----

    def evaluate(self, facts: RiskFacts) -> tuple[RiskFinding, ...]:
        """Every rule the facts meet, at most one finding per rule, in the order 危众多大隐."""
        found: list[RiskFinding] = []
        text = facts.description or ""
        if word := self._matches("danger_words", text):
            found.append(_keyword_finding(RiskRule.DANGER_WORDS, word))
        headcount = facts.headcount
        if headcount is not None and headcount.value >= self.mass_headcount:
            found.append(
                RiskFinding(
                    RiskKind.MASS,
                    RiskRule.MASS_HEADCOUNT,
                    said(
                        QT_TRANSLATE_NOOP("Messages", "involves {said_as} (at least {limit})"),
                        said_as=headcount.said_as,
                        limit=self.mass_headcount,
                    ),
                )
            )
        elif word := self._matches("mass_words", text):
            found.append(_keyword_finding(RiskRule.MASS_WORDS, word))
        if facts.caller_reports >= self.repeat_caller_reports:
            found.append(
                RiskFinding(
                    RiskKind.REPEATED,
                    RiskRule.REPEAT_CALLER,
                    said(
                        QT_TRANSLATE_NOOP(
                            "Messages", "the caller's report number {count} within {days} days"
                        ),
                        count=facts.caller_reports,
                        days=self.repeat_window_days,
                    ),
                )
            )
        if facts.employer_reports >= self.repeat_employer_reports:
            found.append(
                RiskFinding(
                    RiskKind.REPEATED,
                    RiskRule.REPEAT_EMPLOYER,
                    said(
                        QT_TRANSLATE_NOOP(
                            "Messages",
                            "report number {count} about “{employer}” within {days} days",
                        ),
                        count=facts.employer_reports,
                        employer=facts.employer_name,
                        days=self.repeat_window_days,
                    ),
                )
            )
        amount = facts.amount
        if amount is not None and amount.value >= self.large_amount:
            found.append(
                RiskFinding(
                    RiskKind.LARGE,
                    RiskRule.LARGE_AMOUNT,
                    said(
                        QT_TRANSLATE_NOOP("Messages", "amount {said_as} (at least {limit} yuan)"),
                        said_as=amount.said_as,
                        limit=f"{self.large_amount:,.0f}",
                    ),
                )
            )
        elif word := self._matches("large_words", text):
            found.append(_keyword_finding(RiskRule.LARGE_WORDS, word))
        if word := self._matches("hidden_words", text):
            found.append(_keyword_finding(RiskRule.HIDDEN_WORDS, word))
        return tuple(found)

    def level(self, kind: RiskKind) -> AlertLevel:
        return self.levels.get(kind, AlertLevel.MEDIUM)

    def _matches(self, name: str, text: str) -> tuple[str, ...]:
        """The keywords the text says, a few at most, not counting one it denies: 不会去堵路
        is a caller saying what they will not do. A reason shows them all: 含“拉横幅”、
        “不想活” tells the office more than the first alone."""
        if not text:
            return ()
        pattern = self._compiled.get(name)
        if pattern is None:
            words = getattr(self, name)
            pattern = self._compiled[name] = re.compile("|".join(f"(?:{w})" for w in words))
        found: dict[str, None] = {}
        for match in pattern.finditer(text):
            if not _NEGATED.search(text[max(0, match.start() - 6) : match.start()]):
                found[match.group(0)] = None
                if len(found) == MAX_WORDS_SHOWN:
                    break
        return tuple(found)


def _keyword_finding(rule: RiskRule, words: tuple[str, ...]) -> RiskFinding:
    quoted = tuple(f"“{word}”" for word in words)
    return RiskFinding(
        RULE_KIND[rule], rule, said(QT_TRANSLATE_NOOP("Messages", "mentions {words}"), words=quoted)
    )


# ---- checks of an edited rule set; each names the field it refuses ----


def _words(data: Mapping[str, Any], name: str) -> tuple[str, ...]:
    raw = data.get(name)
    if isinstance(raw, str):
        raw = raw.splitlines()
    if not isinstance(raw, Iterable):
        raise InvalidInput(
            name, said(QT_TRANSLATE_NOOP("Messages", "a list of keywords is needed"))
        )
    words = tuple(dict.fromkeys(str(word).strip() for word in raw if str(word).strip()))
    if not words:
        raise InvalidInput(
            name, said(QT_TRANSLATE_NOOP("Messages", "the list of keywords cannot be empty"))
        )
    if len(words) > MAX_KEYWORDS:
        raise InvalidInput(
            name,
            said(
                QT_TRANSLATE_NOOP("Messages", "at most {limit} keywords, not {count}"),
                limit=MAX_KEYWORDS,
                count=len(words),
            ),
        )
    for word in words:
        _check_pattern(name, word)
    return words


def _check_pattern(name: str, word: str) -> None:
    if len(word) > MAX_KEYWORD_LENGTH:
        raise InvalidInput(
            name,
            said(
                QT_TRANSLATE_NOOP(
                    "Messages", "the keyword “{word}” is longer than {limit} characters"
                ),
                word=word[:20] + "…",
                limit=MAX_KEYWORD_LENGTH,
            ),
        )
    try:
        pattern = re.compile(word)
    except re.error as error:
        raise InvalidInput(
            name,
            said(
                QT_TRANSLATE_NOOP(
                    "Messages", "the keyword “{word}” is not a valid pattern: {error}"
                ),
                word=word,
                error=error.msg,
            ),
        ) from error
    if pattern.search(""):
        # 工资* or a|  would flag every ticket: surely a slip of the keyboard.
        raise InvalidInput(
            name,
            said(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the keyword “{word}” matches any text, so it would flag every ticket",
                ),
                word=word,
            ),
        )


def _whole(data: Mapping[str, Any], name: str, *, low: int, high: int) -> int:
    raw = data.get(name)
    try:
        if isinstance(raw, bool) or raw is None:
            raise ValueError
        value = Decimal(str(raw).strip())
        if value != value.to_integral_value():
            raise ValueError
        number = int(value)
    except (ValueError, InvalidOperation):
        raise InvalidInput(
            name,
            said(QT_TRANSLATE_NOOP("Messages", "“{value}” is not a whole number"), value=raw),
        ) from None
    if not low <= number <= high:
        raise InvalidInput(
            name,
            said(
                QT_TRANSLATE_NOOP("Messages", "must be between {low} and {high}, not {value}"),
                low=low,
                high=high,
                value=number,
            ),
        )
    return number


def _sum(data: Mapping[str, Any], name: str) -> Decimal:
    # The same reading of 60万 or 500,000 as the intake form's.
    value = read_amount(data.get(name), name)
    if value is None or value <= 0:
        raise InvalidInput(
            name, said(QT_TRANSLATE_NOOP("Messages", "an amount greater than zero is required"))
        )
    return value


def _levels(data: Mapping[str, Any]) -> dict[RiskKind, AlertLevel]:
    raw = data.get("levels") or {}
    if not isinstance(raw, Mapping):
        raise InvalidInput(
            "levels", said(QT_TRANSLATE_NOOP("Messages", "a level for each warning item is needed"))
        )
    levels = {}
    for kind in RiskKind:
        value = raw.get(kind.value, AlertLevel.HIGH.value)
        try:
            levels[kind] = AlertLevel(value)
        except ValueError:
            raise InvalidInput(
                "levels",
                said(QT_TRANSLATE_NOOP("Messages", "“{value}” is not an alert level"), value=value),
            ) from None
    return levels


def _playbooks(data: Mapping[str, Any]) -> dict[RiskKind, tuple[str, ...]]:
    raw = data.get("playbooks") or {}
    if not isinstance(raw, Mapping):
        raise InvalidInput(
            "playbooks",
            said(QT_TRANSLATE_NOOP("Messages", "a playbook for each warning item is needed")),
        )
    playbooks = {}
    for kind in RiskKind:
        steps = raw.get(kind.value) or ()
        if isinstance(steps, str):
            steps = steps.splitlines()
        steps = tuple(str(step).strip() for step in steps if step and str(step).strip())
        name = f"playbook_{kind.value}"
        if not steps:
            raise InvalidInput(
                name,
                said(
                    QT_TRANSLATE_NOOP(
                        "Messages", "the playbook for {kind} needs at least one step"
                    ),
                    kind=kind,
                ),
            )
        if len(steps) > MAX_PLAYBOOK_STEPS:
            raise InvalidInput(
                name,
                said(
                    QT_TRANSLATE_NOOP("Messages", "a playbook has at most {limit} steps"),
                    limit=MAX_PLAYBOOK_STEPS,
                ),
            )
        for step in steps:
            if len(step) > MAX_STEP_LENGTH:
                raise InvalidInput(
                    name,
                    said(
                        QT_TRANSLATE_NOOP(
                            "Messages", "a playbook step is longer than {limit} characters"
                        ),
                        limit=MAX_STEP_LENGTH,
                    ),
                )
        playbooks[kind] = steps
    return playbooks
