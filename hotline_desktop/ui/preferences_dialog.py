"""Choosing the language and the theme; both take effect at the next start."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
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

        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Theme"), self.theme)
        note = QLabel(self.tr("Changes take effect when the app starts again."), self)
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
        Preferences(self.language.currentData(), self.theme.currentData()).write(self.settings)
        self.accept()
