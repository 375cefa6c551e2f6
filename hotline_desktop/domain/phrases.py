"""Sentences the domain and the services say to users: English, translatable by the UI.

A refusal is written once, in English, where the rule lives; the command line prints it
as it is, and the desktop app says it in the user's language. ``said`` keeps the
sentence's template and values beside the English text, and ``QT_TRANSLATE_NOOP`` marks
the template, so that Qt's lupdate collects it without the domain depending on Qt.
"""

from __future__ import annotations

from .vocabulary import Labelled, Role

# The translation context of every phrase: the UI translates them all under one name.
CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate seeks
    """Mark ``text`` for translation; Qt's lupdate finds the calls by this name."""
    return text


class Phrase(str):
    """The English sentence, which is what the string is, with its template and values."""

    template: str
    values: dict

    def __new__(cls, template: str, values: dict) -> Phrase:
        english = {name: _english(value) for name, value in values.items()}
        phrase = super().__new__(cls, template.format(**english) if values else template)
        phrase.template = template
        phrase.values = values
        return phrase


def said(template: str, **values) -> Phrase:
    return Phrase(template, values)


def _english(value):
    """Vocabulary in a sentence reads in lower case: "dispatched, in progress"."""
    if isinstance(value, Labelled):
        return value.en.lower()
    if isinstance(value, tuple | list | frozenset):
        if value and all(isinstance(item, Role) for item in value):
            # "only dispatchers and supervisors take this step"
            names = [f"{role.en.lower()}s" for role in value]
            return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return ", ".join(str(_english(item)) for item in value)
    return value
