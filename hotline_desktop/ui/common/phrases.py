"""The domain's and the services' sentences (``domain.phrases``) in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain.errors import InvalidInput, StepNotAllowed
from ...domain.language import Language
from ...domain.phrases import CONTEXT, Phrase
from ...domain.vocabulary import Labelled


def in_language(text: str, language: Language) -> str:
    """``text`` as the user reads it: a phrase translated, with its vocabulary in Chinese;
    anything else (and every phrase in English) as it is."""
    if not language.chinese or not isinstance(text, Phrase):
        return str(text)
    template = QCoreApplication.translate(CONTEXT, text.template)
    return template.format(**{name: _chinese(value) for name, value in text.values.items()})


def _chinese(value):
    if isinstance(value, Labelled):
        return value.zh
    if isinstance(value, tuple | list | frozenset):
        return Language.CHINESE.join(str(_chinese(item)) for item in value)
    return value


def explained(error: Exception, language: Language) -> str:
    """An error's own sentence in the user's language: a refused step's or field's
    reason, or its first argument when that is a phrase; else its text as it is."""
    if isinstance(error, StepNotAllowed) and language.chinese:
        return in_language(error.reason, language)  # the English text names the step too
    if isinstance(error, InvalidInput):
        return in_language(error.message, language)
    said = error.args[0] if error.args else None
    return in_language(said, language) if isinstance(said, Phrase) else str(error)
