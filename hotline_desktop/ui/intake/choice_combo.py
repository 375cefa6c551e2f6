"""A list to choose from, named in the user's language; a long one is searched by typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget


class ChoiceCombo(QComboBox):
    """Entries named in the user's language; long lists are searched by typing any part."""

    def __init__(self, parent: QWidget, *, searchable: bool, placeholder: str = ""):
        super().__init__(parent)
        self.searchable = searchable
        if searchable:
            self.setEditable(True)
            self.setInsertPolicy(QComboBox.NoInsert)
            self.lineEdit().setPlaceholderText(placeholder)
            completer = self.completer()
            completer.setFilterMode(Qt.MatchContains)
            completer.setCompletionMode(QCompleter.PopupCompletion)
            completer.setCaseSensitivity(Qt.CaseInsensitive)

    def fill(self, entries: list[tuple[str, str]]) -> None:
        """(code, name) pairs; a searchable list starts with an empty entry: nothing chosen."""
        typed = self.code()
        self.clear()
        if self.searchable:
            self.addItem("", "")
        for code, name in entries:
            self.addItem(name, code)
        self.set_code(typed)

    def code(self) -> str:
        """The chosen entry's code; text matching no entry is returned as typed, so that
        the check names it."""
        if not self.searchable:
            return self.currentData() or ""
        text = self.currentText().strip()
        if not text:
            return ""
        index = self.findText(text, Qt.MatchFixedString)
        return self.itemData(index) if index >= 0 else text

    def set_code(self, code: str) -> None:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)
        elif self.searchable:
            self.setEditText(code)

    def is_known(self) -> bool:
        return not self.searchable or not self.code() or self.findData(self.code()) >= 0
