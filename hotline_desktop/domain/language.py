"""The user's language, and the one way to pick a name in it.

Everything people read comes in Simplified Chinese and English: vocabulary members
(``Labelled``), reference entries (``name_zh``/``name_en``) and the rows the services
return. Each offers ``label(language)``; a pair of plain fields is picked with
``language.pick(zh, en)``. Nothing else asks which language is in use.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Language(StrEnum):
    CHINESE = "zh_CN"
    ENGLISH = "en"

    @classmethod
    def of(cls, code: str) -> Language:
        """A language as settings, the command line or Qt name it: zh, zh_CN, zh-Hans…
        are Chinese, anything else English (the source text)."""
        if isinstance(code, Language):
            return code
        return cls.CHINESE if str(code).lower().startswith("zh") else cls.ENGLISH

    @property
    def chinese(self) -> bool:
        return self is Language.CHINESE

    def pick(self, zh: str, en: str) -> str:
        return zh if self is Language.CHINESE else en

    def join(self, parts: Iterable[str]) -> str:
        """A list as the language writes it: 危、众 or danger, mass."""
        return self.pick("、", ", ").join(parts)


class Named:
    """A mixin for reference data carrying ``name_zh`` and ``name_en``."""

    __slots__ = ()
    name_zh: str
    name_en: str

    def label(self, language: str = Language.CHINESE) -> str:
        return Language.of(language).pick(self.name_zh, self.name_en)
