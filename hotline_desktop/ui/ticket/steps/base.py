"""What every step dialog shares: a form whose fields show their own errors, the call
to the service on a worker thread, and the answer to each error a step can meet.

A dialog keeps what the user typed through every refusal: a wrong field is marked
and the dialog stays open; a concurrent edit reloads the ticket behind the dialog,
which then submits against the new version.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ....domain.errors import ConcurrentEdit, InvalidInput
from ....domain.language import Language
from ....domain.workflow import Step
from ....services.ticket_detail import TicketDetail
from ....services.ticket_steps import StepResult
from ...common.context import WindowContext
from ...common.failures import Failure, FailureKind, show_failure
from ...common.phrases import in_language
from ...common.styles import ERROR_STYLE

# The service call a dialog has prepared; it is given the ticket version to expect.
StepCall = Callable[[int], StepResult]


def step_label(step: Step, language: Language) -> str:
    """A step as a button and a title name it: "派单", "Dispatch"."""
    return language.pick(step.zh, step.en.capitalize())


def note_edit(parent: QWidget, required: bool) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)  # Tab leaves the field: the form is worked by keyboard
    required_text = QCoreApplication.translate("StepDialog", "Required")
    optional_text = QCoreApplication.translate("StepDialog", "Optional")
    edit.setPlaceholderText(required_text if required else optional_text)
    # Four lines at least; a dialog made taller gives its text fields the room.
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 5)
    return edit


class StepDialog(QDialog):
    """Base of the step dialogs: subclasses add their fields and say how to call the service."""

    step_taken = Signal(object)  # StepResult
    reload_requested = Signal()

    def __init__(self, step: Step, detail: TicketDetail, context: WindowContext, parent=None):
        super().__init__(parent)
        self.step = step
        self.detail = detail
        self.context = context
        self.busy = False
        self.setWindowTitle(f"{step_label(step, context.language)} — {detail.number}")
        self.setMinimumWidth(480)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self._errors: dict[str, QLabel] = {}
        self.notice = self._error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(step_label(step, context.language))
        # Return belongs to the fields (Enter picks a unit in the tree, starts a new line
        # in a note): a step is taken only by Ctrl+Return or by pressing its button.
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        # Multi-line fields take Return for themselves: Ctrl+Return submits from anywhere.
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)

    # ---- building the form ----

    def add_field(self, label: str, widget: QWidget, *error_fields: str) -> None:
        """A row; the service's errors about any of ``error_fields`` show beneath it."""
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        error = self._error_label()
        column.addWidget(error)
        for name in error_fields:
            self._errors[name] = error
        caption = QLabel(label, self)
        caption.setBuddy(widget)  # the label's mnemonic (Alt+letter) jumps to the field
        self.form.addRow(caption, holder)

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    # ---- what a step dialog supplies ----

    def prepare(self) -> StepCall:
        """Read the fields; return the service call. May raise InvalidInput itself."""
        raise NotImplementedError

    # ---- running it ----

    def keyPressEvent(self, event) -> None:
        # A QDialogButtonBox makes its OK button the default when the dialog shows, so a
        # Return a field passes on (the unit tree does, after picking a unit) would take
        # the step: the dialog keeps Return from it. Ctrl+Return is a shortcut, not this.
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not (
            event.modifiers() & Qt.ControlModifier
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        if self.busy or not self.ok_button.isEnabled():
            return
        self._clear_errors()
        try:
            call = self.prepare()
        except InvalidInput as error:
            self.show_invalid(error)
            return
        version = self.detail.version
        self._set_busy(True)
        self.context.tasks.run(lambda: call(version), self._done, self._failed)

    def _done(self, result: StepResult) -> None:
        self._set_busy(False)
        self.step_taken.emit(result)
        self.accept()

    def _failed(self, failure: Failure) -> None:
        self._set_busy(False)
        match failure.kind:
            case FailureKind.FIELD:
                self.show_invalid(failure.error)
            case FailureKind.CONCURRENT_EDIT:
                self._concurrent(failure)
            case FailureKind.REFUSAL:
                text = self.tr("This step cannot be taken now: %1").replace("%1", failure.text)
                show_failure(self, failure, text)
            case FailureKind.UNREACHABLE | FailureKind.STORAGE:
                text = self.tr("The step was not taken: %1. What you typed is kept; try again.")
                show_failure(self, failure, text.replace("%1", failure.text))
            case FailureKind.BUG:
                show_failure(self, failure)

    def _concurrent(self, failure: Failure) -> None:
        # What the user typed stays in the fields; the ticket behind them is read again,
        # and set_detail() lets them submit against the new version.
        self.ok_button.setEnabled(False)
        self._show_notice(self.tr("Reloading the ticket…"))
        error: ConcurrentEdit = failure.error
        text = (
            self.tr(
                "%1 changed ticket %2 at %3 while you were working on it. The ticket has "
                "been reloaded and what you typed is kept: check the ticket, then submit again."
            )
            .replace("%1", error.changed_by)
            .replace("%2", error.ticket)
            .replace("%3", error.changed_at)
        )
        show_failure(self, failure, text)
        self.reload_requested.emit()

    def set_detail(self, detail: TicketDetail) -> None:
        """The ticket as read again: later submissions expect its version."""
        self.detail = detail
        if self.step in detail.steps:
            self.notice.hide()
            self.ok_button.setEnabled(True)
        else:
            self._show_notice(
                self.tr("Ticket %1 has changed and this step is no longer available.").replace(
                    "%1", detail.number
                )
            )
            self.ok_button.setEnabled(False)

    def reload_failed(self, message: str) -> None:
        """The ticket could not be read again: say why; submitting again retries."""
        self._show_notice(message)
        self.ok_button.setEnabled(True)

    def show_invalid(self, error: InvalidInput) -> None:
        label = self._errors.get(error.field)
        if label is None:
            # "payment 2 note" belongs to the payments, "payment 1" to the amount...
            prefixes = [name for name in self._errors if error.field.startswith(name)]
            label = self._errors[max(prefixes, key=len)] if prefixes else self.notice
        message = in_language(error.message, self.context.language)
        if error.field not in self._errors:
            # "payment 2: …": which row of the table is meant.
            number = error.field.removeprefix("payment ").split(" ")[0]
            prefix = (
                self.tr("payment %1").replace("%1", number) if number.isdigit() else error.field
            )
            message = f"{prefix}: {message}"
        label.setText(message)
        label.show()

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def _clear_errors(self) -> None:
        for label in (*self._errors.values(), self.notice):
            label.hide()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ok_button.setEnabled(not busy)
        self.setCursor(Qt.BusyCursor if busy else Qt.ArrowCursor)

    def reject(self) -> None:
        # The step is on its way: closing now would leave the user not knowing its fate.
        if not self.busy:
            super().reject()
