"""The error labels under a form's fields, found by the name a service's InvalidInput gives
the field: a refusal marks the field it is about and leaves the others as they are."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class FieldErrors(dict[str, QLabel]):
    def show(self, field: str, message: str | None) -> None:
        label = self[field]
        label.setText(message or "")
        label.setVisible(bool(message))

    def shown(self, field: str) -> str:
        """The refusal shown at ``field``, or '' (for tests and for screen readers)."""
        label = self[field]
        return label.text() if not label.isHidden() else ""

    def hide_all(self) -> None:
        for field in self:
            self.show(field, None)
