"""The steps with an input of their own besides a note: consents, days, satisfaction,
the master ticket."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from ....domain.errors import InvalidInput
from ....domain.vocabulary import Satisfaction
from ....domain.workflow import Step
from ....services import ticket_steps as steps
from ....services.ticket_detail import TicketDetail
from ...common.context import WindowContext
from .base import StepCall, StepDialog, note_edit


class MediateDialog(StepDialog):
    """调单: the mediation studio takes the ticket when both parties agree."""

    def __init__(self, step: Step, detail: TicketDetail, context: WindowContext, parent=None):
        super().__init__(step, detail, context, parent)
        self.worker = QCheckBox(self.tr("The &worker agrees to mediation"), self)
        self.worker.setObjectName("worker_consents")
        self.employer = QCheckBox(self.tr("The &employer agrees to mediation"), self)
        self.employer.setObjectName("employer_consents")
        self.consent_note = note_edit(self, required=False)
        self.consent_note.setObjectName("consent_note")
        consents = QWidget(self)
        column = QVBoxLayout(consents)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.worker)
        column.addWidget(self.employer)
        self.add_field(self.tr("Consents"), consents, "consent")
        self.add_field(self.tr("&How they agreed"), self.consent_note, "consent note")

    def prepare(self) -> StepCall:
        env, actor, ticket_id = self.context.env, self.context.actor, self.detail.id
        worker, employer = self.worker.isChecked(), self.employer.isChecked()
        if not (worker and employer):
            # Said next to the boxes before asking the service, which would refuse too.
            raise InvalidInput(
                "consent", self.tr("Mediation needs both the worker's and the employer's consent.")
            )
        note = self.consent_note.toPlainText()
        return lambda version: steps.mediate(
            env,
            actor,
            ticket_id,
            worker_consents=worker,
            employer_consents=employer,
            consent_note=note,
            expected_version=version,
        )


class ExtensionDialog(StepDialog):
    """延期申请: a number of working days and why."""

    def __init__(self, step: Step, detail: TicketDetail, context: WindowContext, parent=None):
        super().__init__(step, detail, context, parent)
        self.days = QSpinBox(self)
        self.days.setObjectName("days")
        self.days.setRange(1, context.env.limits.extension_max_days)
        self.days.setSuffix(self.tr(" working days"))
        self.reason = note_edit(self, required=True)
        self.reason.setObjectName("reason")
        self.add_field(self.tr("&Days"), self.days, "days")
        self.add_field(self.tr("&Reason"), self.reason, "reason")

    def prepare(self) -> StepCall:
        env, actor, ticket_id = self.context.env, self.context.actor, self.detail.id
        days, reason = self.days.value(), self.reason.toPlainText()
        return lambda version: steps.request_extension(
            env, actor, ticket_id, days, reason, expected_version=version
        )


class CallbackDialog(StepDialog):
    """回访: how satisfied the caller is with the result."""

    def __init__(self, step: Step, detail: TicketDetail, context: WindowContext, parent=None):
        super().__init__(step, detail, context, parent)
        self.satisfaction = QComboBox(self)
        self.satisfaction.setObjectName("satisfaction")
        # No answer chosen in advance: an untouched box must not record a satisfied caller.
        self.satisfaction.addItem(self.tr("Choose what the caller said"), None)
        for choice in Satisfaction:
            self.satisfaction.addItem(choice.label(context.language), choice.value)
        self.note = note_edit(self, required=False)
        self.note.setObjectName("note")
        self.add_field(self.tr("&Satisfaction"), self.satisfaction, "satisfaction")
        self.add_field(self.tr("&Note"), self.note, "note")

    def prepare(self) -> StepCall:
        env, actor, ticket_id = self.context.env, self.context.actor, self.detail.id
        satisfaction, note = self.satisfaction.currentData(), self.note.toPlainText()
        if satisfaction is None:
            raise InvalidInput("satisfaction", self.tr("Choose how satisfied the caller is."))
        return lambda version: steps.callback(
            env, actor, ticket_id, satisfaction, note, expected_version=version
        )


class MergeDialog(StepDialog):
    """合并: this duplicate joins the master ticket, named by its number."""

    def __init__(self, step: Step, detail: TicketDetail, context: WindowContext, parent=None):
        super().__init__(step, detail, context, parent)
        self.master = QLineEdit(self)
        self.master.setObjectName("master")
        self.master.setPlaceholderText(self.tr("Number of the ticket to merge into"))
        self.note = note_edit(self, required=False)
        self.note.setObjectName("note")
        self.add_field(self.tr("&Master ticket"), self.master, "master ticket")
        self.add_field(self.tr("&Note"), self.note, "note")

    def prepare(self) -> StepCall:
        env, actor, ticket_id = self.context.env, self.context.actor, self.detail.id
        master, note = self.master.text(), self.note.toPlainText()
        return lambda version: steps.merge(
            env, actor, ticket_id, master, note, expected_version=version
        )
