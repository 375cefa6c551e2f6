"""The dialogs that collect a workflow step's input and call its service."""

from __future__ import annotations

from ....domain.workflow import Step
from ....services.ticket_detail import TicketDetail
from ...common.context import WindowContext
from .base import StepDialog
from .choices import CallbackDialog, ExtensionDialog, MediateDialog, MergeDialog
from .payments import CompleteDialog, RecordPaymentDialog
from .text_steps import TextStepDialog
from .unit_tree import UnitStepDialog

__all__ = ["StepDialog", "step_dialog"]

_DIALOGS: dict[Step, type[StepDialog]] = {
    Step.DISPATCH: UnitStepDialog,
    Step.DISPATCH_DOWN: UnitStepDialog,
    Step.MEDIATE: MediateDialog,
    Step.REQUEST_EXTENSION: ExtensionDialog,
    Step.COMPLETE: CompleteDialog,
    Step.RECORD_PAYMENT: RecordPaymentDialog,
    Step.CALLBACK: CallbackDialog,
    Step.MERGE: MergeDialog,
}


def step_dialog(
    step: Step, detail: TicketDetail, context: WindowContext, parent=None
) -> StepDialog:
    """The dialog for ``step``: most steps take one text and share one dialog."""
    return _DIALOGS.get(step, TextStepDialog)(step, detail, context, parent)
