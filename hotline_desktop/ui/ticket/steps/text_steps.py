"""The steps whose only input is one text: a note, a reason, an instruction, a result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QLabel

from ....domain.workflow import Step
from ....services import ticket_steps as steps
from ....services.ticket_detail import TicketDetail
from ...common.context import WindowContext
from .base import StepCall, StepDialog, note_edit


@dataclass(frozen=True)
class TextStep:
    label: str  # the field's label, with its mnemonic
    field: str  # the service's name for the field, which its errors carry
    required: bool
    # (env, actor, ticket_id, text, expected_version=) -> StepResult
    call: Callable
    prompt: str = ""  # a sentence above the field, where the step wants one


def _decide(approve: bool) -> Callable:
    def call(env, actor, ticket_id, text, *, expected_version):
        return steps.decide_extension(
            env, actor, ticket_id, approve, text, expected_version=expected_version
        )

    return call


class TextStepDialog(StepDialog):
    def __init__(
        self, step: Step, detail: TicketDetail, context: WindowContext, parent=None
    ) -> None:
        super().__init__(step, detail, context, parent)
        self.spec = self._spec(step)
        if self.spec.prompt:
            prompt = QLabel(self.spec.prompt, self)
            prompt.setWordWrap(True)
            self.form.addRow(prompt)
        self.text = note_edit(self, self.spec.required)
        self.text.setObjectName("text")
        self.add_field(self.spec.label, self.text, self.spec.field)

    def prepare(self) -> StepCall:
        env, actor = self.context.env, self.context.actor
        ticket_id, text, call = self.detail.id, self.text.toPlainText(), self.spec.call
        return lambda version: call(env, actor, ticket_id, text, expected_version=version)

    def _spec(self, step: Step) -> TextStep:
        """How to ask for ``step``'s one text."""
        match step:
            case Step.HANDLE_IN_OFFICE:
                prompt = self.tr("The hotline leading-group office will handle this ticket itself.")
                return TextStep(self.tr("&Note"), "note", False, steps.handle_in_office, prompt)
            case Step.SIGN:
                return TextStep(self.tr("&Note"), "note", False, steps.sign)
            case Step.INSTRUCT:
                return TextStep(self.tr("&Instruction"), "instruction", True, steps.instruct)
            case Step.PROGRESS:
                return TextStep(self.tr("&Progress"), "progress", True, steps.record_progress)
            case Step.REPORT_UP:
                prompt = self.tr("The result goes back to the unit that passed the ticket down.")
                return TextStep(self.tr("&Result"), "result", True, steps.report_up, prompt)
            case Step.APPROVE_EXTENSION:
                return TextStep(self.tr("&Note"), "note", False, _decide(True))
            case Step.REFUSE_EXTENSION:
                return TextStep(self.tr("&Reason"), "note", True, _decide(False))
            case Step.RETURN:
                prompt = self.tr("The ticket goes back to whoever sent it.")
                return TextStep(self.tr("&Reason"), "reason", True, steps.return_ticket, prompt)
            case Step.REOPEN:
                prompt = self.tr("The ticket goes back to dispatch and starts over.")
                return TextStep(self.tr("&Reason"), "reason", True, steps.reopen, prompt)
            case Step.ARCHIVE:
                prompt = self.tr("Archive this ticket? It leaves the working lists for good.")
                return TextStep(self.tr("&Note"), "note", False, steps.archive, prompt)
            case Step.REMIND:
                prompt = self.tr("The unit holding the ticket sees the reminder in its queue.")
                return TextStep(self.tr("&Note"), "note", False, steps.remind, prompt)
            case Step.ESCALATE:
                prompt = self.tr(
                    "The ticket leaves the unit that has it, and the hotline leading-group "
                    "office handles it itself."
                )
                return TextStep(self.tr("&Note"), "note", False, steps.escalate, prompt)
        raise ValueError(f"{step} takes more than one text")
