"""The user's display preferences, kept in QSettings: language and light or dark theme."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES


@dataclass(frozen=True)
class Preferences:
    language: str = DEFAULT_LANGUAGE
    dark: bool = False

    @classmethod
    def read(cls, settings: QSettings) -> Preferences:
        language = str(settings.value("ui/language", DEFAULT_LANGUAGE))
        dark = str(settings.value("ui/theme", "light")) == "dark"
        # A settings file from elsewhere may name a language this version lacks.
        return cls(language if language in LANGUAGES else DEFAULT_LANGUAGE, dark)

    def write(self, settings: QSettings) -> None:
        settings.setValue("ui/language", self.language)
        settings.setValue("ui/theme", "dark" if self.dark else "light")
