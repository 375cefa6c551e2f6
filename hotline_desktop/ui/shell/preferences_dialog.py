"""Choosing the language and the theme, which take effect at the next start, and whether
new high-level alerts make a sound."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from .preferences import Preferences

# Each language is named in itself, so that a user who cannot read the current one finds theirs.
_LANGUAGE_NAMES = (("zh_CN", "简体中文"), ("en", "English"))


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent=None):
        super().__init__(parent)
        self.settings = settings
        current = Preferences.read(settings)
        self.setWindowTitle(self.tr("Preferences"))

        self.language = QComboBox(self)
        for code, name in _LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(current.language))
        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("Light"), False)
        self.theme.addItem(self.tr("Dark"), True)
        self.theme.setCurrentIndex(self.theme.findData(current.dark))

        self.alert_sound = QCheckBox(self.tr("Play a sound for new high-level &alerts"), self)
        self.alert_sound.setChecked(current.alert_sound)

        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Theme"), self.theme)
        form.addRow(self.alert_sound)
        note = QLabel(self.tr("Language and theme take effect when the app starts again."), self)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def save(self) -> None:
        Preferences(
            self.language.currentData(), self.theme.currentData(), self.alert_sound.isChecked()
        ).write(self.settings)
        self.accept()
