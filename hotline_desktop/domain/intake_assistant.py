"""The intake assistant: while the agent types a call's description, it suggests the
category and the 1155 risk marks, each with the reason a person can check (含“跳楼”,
涉及13人, 金额60万元), like the "工好运" agent that spots a driver's appeal in a chat group.

It runs offline on what ships with the application: the risk rules in force and the
category keywords of ``resources/reference/category_keywords.json``. It is called at every
pause in typing, so everything is compiled once and a 500-character text costs well under
a millisecond. It only suggests: the agent picks the category and may add or dismiss marks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..config.resources import REFERENCE_DIR
from .chinese_numbers import mentions
from .phrases import QT_TRANSLATE_NOOP, Phrase, said
from .risk_rules import Figure, RiskFacts, RiskFinding, RiskRules

KEYWORDS_FILE = REFERENCE_DIR / "category_keywords.json"
# Fewer letters than this are the start of a sentence, not something to judge.
MIN_DESCRIPTION = 4
MAX_WEIGHT = 9
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class CategorySuggestion:
    code: str
    reason: Phrase
    word: str  # the words of the text that decided it, for highlighting


@dataclass(frozen=True, slots=True)
class Suggestions:
    category: CategorySuggestion | None = None
    risks: tuple[RiskFinding, ...] = ()
    # The figures read from the form or the text, so that the form can offer them.
    facts: RiskFacts | None = None


@dataclass(frozen=True, slots=True)
class _Keyword:
    code: str
    pattern: str
    weight: int
    rank: int  # the category's place in the file, which breaks ties

    @property
    def size(self) -> int:
        """At one place in the text, the longer pattern counts."""
        return len(self.pattern)


class CategoryHints:
    """Weighted keywords per category code; the heaviest decisive keyword wins."""

    def __init__(self, categories: Sequence[tuple[str, Mapping[str, int]]]):
        literal: dict[str, _Keyword] = {}
        patterns: list[tuple[re.Pattern, _Keyword]] = []
        for rank, (code, words) in enumerate(categories):
            for pattern, weight in words.items():
                keyword = _Keyword(code, pattern, weight, rank)
                if re.escape(pattern) == pattern:
                    literal.setdefault(pattern, keyword)
                else:
                    patterns.append((re.compile(pattern), keyword))
        self.codes = tuple(dict.fromkeys(code for code, _words in categories))
        # Plain words go into one alternation without groups, which the re module scans
        # for a 500-character text in some 50 µs; with a group per word it takes 10 ms.
        # Longer words first, so that 加班费 is read rather than 加班.
        self._words = literal
        # (?!) matches nothing: a file of patterns only has no plain words to look for.
        self._literal = re.compile("|".join(sorted(literal, key=len, reverse=True)) or "(?!)")
        self._patterns = tuple(patterns)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "category keywords") -> CategoryHints:
        """Read and check the stored form; raises ValueError naming the entry at fault."""
        entries = data.get("categories") if isinstance(data, Mapping) else None
        if not isinstance(entries, list) or not entries:
            raise ValueError(f"{source}: expected a non-empty list under 'categories'")
        categories = []
        for index, entry in enumerate(entries, start=1):
            where = f"{source} category {index}"
            if not isinstance(entry, Mapping):
                raise ValueError(f"{where}: expected an object")
            code = entry.get("code")
            if not isinstance(code, str) or not code.strip():
                raise ValueError(f"{where}: 'code' must be a non-empty string")
            words = entry.get("keywords")
            if not isinstance(words, Mapping) or not words:
                raise ValueError(f"{where} ({code}): 'keywords' must map patterns to weights")
            for pattern, weight in words.items():
                _check_keyword(f"{where} ({code})", pattern, weight)
            categories.append((code, dict(words)))
        codes = [code for code, _words in categories]
        if len(set(codes)) != len(codes):
            raise ValueError(f"{source}: a category code is listed twice")
        owners: dict[str, str] = {}
        for code, words in categories:
            for pattern in words:
                if owners.setdefault(pattern, code) != code:
                    raise ValueError(
                        f"{source}: “{pattern}” is listed under both {owners[pattern]} and {code}"
                    )
        return cls(categories)

    @classmethod
    def load(cls, path: Path = KEYWORDS_FILE) -> CategoryHints:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise ValueError(f"{path.name}: cannot be read ({error})") from error
        return cls.from_dict(data, path.name)

    def best(self, text: str) -> CategorySuggestion | None:
        """The category the text's keywords point to most surely, or None without any."""
        # Per code: [heaviest weight, total weight, the heaviest keyword's words, rank].
        scores: dict[str, list] = {}
        counted: set[_Keyword] = set()
        for word, keyword in self._found(text):
            if keyword in counted:  # a keyword said twice is no more evidence
                continue
            counted.add(keyword)
            score = scores.setdefault(keyword.code, [0, 0, "", keyword.rank])
            score[1] += keyword.weight
            if keyword.weight > score[0]:
                score[0], score[2] = keyword.weight, word
        if not scores:
            return None
        code, (_weight, _total, word, _rank) = max(
            scores.items(), key=lambda item: (item[1][0], item[1][1], -item[1][3])
        )
        return CategorySuggestion(
            code, said(QT_TRANSLATE_NOOP("Messages", "mentions “{word}”"), word=word), word
        )

    def _found(self, text: str) -> list[tuple[str, _Keyword]]:
        """The keywords in the text; of two that overlap, the one that starts first, or
        the longer of two that start together."""
        found = [
            (match.start(), match.end(), match.group(0), self._words[match.group(0)])
            for match in self._literal.finditer(text)
        ]
        for pattern, keyword in self._patterns:
            found += [(m.start(), m.end(), m.group(0), keyword) for m in pattern.finditer(text)]
        found.sort(key=lambda item: (item[0], -item[3].size))
        kept, reached = [], 0
        for start, end, word, keyword in found:
            if start >= reached or start == end:
                kept.append((word, keyword))
                reached = max(reached, end)
        return kept


def _check_keyword(where: str, pattern: Any, weight: Any) -> None:
    if not isinstance(pattern, str) or not pattern.strip():
        raise ValueError(f"{where}: an empty keyword")
    if isinstance(weight, bool) or not isinstance(weight, int) or not 1 <= weight <= MAX_WEIGHT:
        raise ValueError(f"{where}: the weight of “{pattern}” must be 1 to {MAX_WEIGHT}")
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        raise ValueError(f"{where}: “{pattern}” is not a valid pattern: {error.msg}") from None
    if compiled.search(""):
        raise ValueError(f"{where}: “{pattern}” matches any text")


# ---- the figures the rules look at ----


def risk_facts(
    description: str,
    *,
    headcount: int | None = None,
    amount: Decimal | None = None,
    caller_reports: int = 0,
    employer_reports: int = 0,
    employer_name: str = "",
) -> RiskFacts:
    """What the 1155 rules judge. The head count and the sum that count are the larger of
    the form's field and the largest figure in the text: an agent who left the form's
    head count at 1 still typed 13名工人."""
    text = description or ""
    people, money = mentions(text)
    return RiskFacts(
        description=text,
        headcount=_larger(_form_headcount(headcount), _largest(people)),
        amount=_larger(_form_amount(amount), _largest(money)),
        caller_reports=caller_reports,
        employer_reports=employer_reports,
        employer_name=employer_name,
    )


def suggest(
    description: str,
    rules: RiskRules,
    hints: CategoryHints,
    *,
    headcount: int | None = None,
    amount: Decimal | None = None,
    caller_reports: int = 0,
    employer_reports: int = 0,
    employer_name: str = "",
) -> Suggestions:
    """The category and the risk marks the description points to, each with its reason;
    nothing for an empty or barely begun description."""
    text = (description or "").strip()
    if len(_WORD_CHAR.findall(text)) < MIN_DESCRIPTION:
        return Suggestions()
    facts = risk_facts(
        text,
        headcount=headcount,
        amount=amount,
        caller_reports=caller_reports,
        employer_reports=employer_reports,
        employer_name=employer_name,
    )
    return Suggestions(hints.best(text), rules.evaluate(facts), facts)


def _largest(figures: Iterable[Figure]) -> Figure | None:
    # max() keeps the first of equals: the figure the text gave first.
    return max(figures, key=lambda figure: figure.value, default=None)


def _larger(form: Figure | None, text: Figure | None) -> Figure | None:
    """The text's words when the text says as much or more: "13名工人" reads better than
    the form's "13人"."""
    if form is None:
        return text
    if text is None:
        return form
    return text if text.value >= form.value else form


def _form_headcount(headcount: int | None) -> Figure | None:
    if headcount is None or headcount < 1:
        return None
    return Figure(Decimal(headcount), f"{headcount}人")


def _form_amount(amount: Decimal | None) -> Figure | None:
    if amount is None or amount <= 0:
        return None
    value = Decimal(amount)
    written = f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"
    return Figure(value, f"{written}元")
