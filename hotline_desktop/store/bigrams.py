"""Chinese text cut into overlapping character pairs, the unit of the search index.

Chinese has no spaces, and the words people search for most are two characters
long (欠薪, 工伤, 社保), which trigram indexes cannot see. Every run of CJK
characters becomes its bigrams plus its last character alone, so that every
character starts some token: a one-character search is then a prefix search,
and a longer one a phrase of consecutive bigrams. Latin letters and digits stay
whole words (ticket numbers, "APP"), matched from their start: "00042" finds ticket
20261128-00042, but "2345" does not find 12345. Full-width letters and digits typed
with a Chinese input method count as their ASCII twins.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_RUNS = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)|([0-9a-z]+)")


# Full-width digits and letters, typed with a Chinese input method, which NFKC folds.
_WIDE = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def _fold(text: str) -> str:
    # NFKC costs more than the search for the characters it would change.
    if _WIDE.search(text):
        text = unicodedata.normalize("NFKC", text)
    return text.lower()


def index_tokens(text: str) -> list[str]:
    """Tokens of a document, in order, as the index stores them."""
    tokens: list[str] = []
    for cjk, word in _RUNS.findall(_fold(text)):
        if word:
            tokens.append(word)
        else:
            # Pairs built by map() in C: the demo loader indexes a million descriptions.
            tokens.extend(map(str.__add__, cjk[:-1], cjk[1:]))
            tokens.append(cjk[-1])
    return tokens


def index_text(*texts: str) -> str:
    """One space-separated token string for a document made of several fields."""
    tokens: list[str] = []
    for text in texts:
        if text:
            tokens.extend(index_tokens(text))
    return " ".join(tokens)


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """One whitespace-separated part of what the user typed, as index tokens.

    ``prefix`` says the last token may continue in the document (the term ends
    mid-run), ``exact`` that matching the tokens proves the text is there:
    otherwise an engine that cannot match phrases must check the text itself.
    """

    text: str
    tokens: tuple[str, ...]
    prefix: bool
    # The term's runs of CJK characters and of letters or digits, folded like the index:
    # what a text check looks for, without the punctuation the user may have typed.
    runs: tuple[str, ...] = field(default=(), compare=False)

    @property
    def exact(self) -> bool:
        return len(self.tokens) == 1

    @property
    def like_pattern(self) -> str:
        """A LIKE pattern that every text holding the term matches (a few others may too)."""
        # Runs hold CJK characters, digits and letters only: nothing to escape.
        return "%" + "%".join(self.runs) + "%"


def parse_query(query: str) -> list[SearchTerm]:
    terms = []
    for part in query.split():
        runs = _RUNS.findall(_fold(part))
        if not runs:
            continue
        tokens: list[str] = []
        for position, (cjk, word) in enumerate(runs):
            last = position == len(runs) - 1
            if word:
                tokens.append(word)
            elif len(cjk) == 1:
                tokens.append(cjk)
            else:
                tokens.extend(cjk[i : i + 2] for i in range(len(cjk) - 1))
                # Inside the term the run is bounded, so the document holds its
                # trailing single character too; at the end the document may go on.
                if not last:
                    tokens.append(cjk[-1])
        cjk_last, word_last = runs[-1]
        prefix = bool(word_last) or len(cjk_last) == 1
        folded_runs = tuple(cjk or word for cjk, word in runs)
        terms.append(SearchTerm(part, tuple(tokens), prefix, folded_runs))
    return terms
