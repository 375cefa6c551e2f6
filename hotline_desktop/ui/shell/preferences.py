"""The user's preferences, kept in QSettings: language, light or dark theme, alert sound."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from ..common.i18n import DEFAULT_LANGUAGE, LANGUAGES


@dataclass(frozen=True)
class Preferences:
    language: str = DEFAULT_LANGUAGE
    dark: bool = False
    # A sound with the notification of a new high-level alert.
    alert_sound: bool = False

    @classmethod
    def read(cls, settings: QSettings) -> Preferences:
        language = str(settings.value("ui/language", DEFAULT_LANGUAGE))
        dark = str(settings.value("ui/theme", "light")) == "dark"
        sound = str(settings.value("alerts/sound", "false")).lower() == "true"
        # A settings file from elsewhere may name a language this version lacks.
        return cls(language if language in LANGUAGES else DEFAULT_LANGUAGE, dark, sound)

    def write(self, settings: QSettings) -> None:
        settings.setValue("ui/language", self.language)
        settings.setValue("ui/theme", "dark" if self.dark else "light")
        settings.setValue("alerts/sound", "true" if self.alert_sound else "false")
