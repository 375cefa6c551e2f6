"""The bar above the intake form that offers back the calls a crash left unsaved.

Drafts are offered one after another, newest first; the agent restores one into the
form or discards it. Typing while a draft is offered moves that draft to a file of its
own, so that neither it nor the new typing is lost if the app stops again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from .drafts import Draft, DraftStore

BAR_STYLE = "QFrame#draft_bar { background: #fff8e1; border: 1px solid #ffb300; }"
TIME = "%Y-%m-%d %H:%M"


class DraftOffer(QFrame):
    restore_asked = Signal(object)  # Draft: the agent chose to restore it
    ended = Signal()  # the offered draft was restored or discarded

    def __init__(self, store: DraftStore, parent=None):
        super().__init__(parent)
        self.store = store
        self.draft: Draft | None = None  # the one offered now
        self._waiting: list[Draft] = []
        self._ready = False
        self.setObjectName("draft_bar")
        self.setStyleSheet(BAR_STYLE)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.PlainText)  # it quotes what the caller said
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.discard_button = QPushButton(self.tr("Di&scard"), self)
        self.restore_button.clicked.connect(self.restore)
        self.discard_button.clicked.connect(self.discard)
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.hide()

    @property
    def pending(self) -> bool:
        return self.draft is not None

    def start(self) -> None:
        """Offer every draft left on disk."""
        self._waiting = self.store.waiting()
        self._offer_next()

    def set_ready(self, ready: bool) -> None:
        """Restoring fills the form's lists: it waits for them."""
        self._ready = ready
        self.restore_button.setEnabled(ready)

    def set_aside(self) -> None:
        """The agent types while the draft is offered: it moves out of the way."""
        if self.draft is not None:
            self.draft = self.store.set_aside(self.draft)

    def restore(self) -> None:
        if self.draft is not None and self._ready:
            self.restore_asked.emit(self.draft)

    def discard(self) -> None:
        if self.draft is not None:
            self.end()

    def end(self, forget: bool = True) -> None:
        """Done with the draft offered: its file goes unless the form still types into it."""
        if forget:
            self.store.forget(self.draft)
        self.draft = None
        self.hide()
        self.ended.emit()
        self._offer_next()  # an older one, set aside after an earlier crash

    def _offer_next(self) -> None:
        if not self._waiting:
            return
        self.draft = self._waiting.pop(0)
        fields = self.draft.fields
        caller = " ".join(str(fields.get(key) or "") for key in ("phone", "caller_name")).strip()
        text = self.tr("A draft from %1 was not saved: %2")
        self.label.setText(
            text.replace("%1", self.draft.saved_at.strftime(TIME)).replace("%2", caller or "—")
        )
        self.restore_button.setEnabled(self._ready)
        self.show()
