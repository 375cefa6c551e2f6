"""Money recovered for the workers: completing with its instalments, or one more later."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ....domain.workflow import Step
from ....services import ticket_steps as steps
from ....services.ticket_detail import TicketDetail
from ....services.ticket_steps import PaymentInput
from ...common.context import WindowContext
from .base import StepCall, StepDialog, note_edit

AMOUNT, PAID_ON, NOTE = range(3)


class PaymentsTable(QWidget):
    """An editable list of instalments: amount in yuan, the day paid, a note."""

    def __init__(self, today: date, parent=None):
        super().__init__(parent)
        self.today = today
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("payments")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Amount (yuan)"), self.tr("Paid on"), self.tr("Note")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.AllEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NOTE, QHeaderView.Stretch)
        self.table.setColumnWidth(AMOUNT, 130)
        self.table.setColumnWidth(PAID_ON, 120)
        self.table.setMinimumHeight(140)
        self.add_button = QPushButton(self.tr("&Add payment"), self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(self.tr("Re&move payment"), self)
        self.remove_button.clicked.connect(self.remove_current)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    def add_row(self, amount: str = "", paid_on: date | None = None, note: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, AMOUNT, QTableWidgetItem(amount))
        day = QTableWidgetItem()
        # A QDate in the edit role: the table's own delegate edits it with a date editor.
        day.setData(Qt.EditRole, QDate(paid_on or self.today))
        self.table.setItem(row, PAID_ON, day)
        self.table.setItem(row, NOTE, QTableWidgetItem(note))
        self.table.setCurrentCell(row, AMOUNT)
        self.table.setFocus()

    def remove_current(self) -> None:
        if (row := self.table.currentRow()) >= 0:
            self.table.removeRow(row)

    def payments(self) -> list[PaymentInput]:
        # A cell still being edited (Ctrl+Enter pressed in it) holds the newest amount:
        # its editor, a child of the viewport, is made to write it into the table first.
        if self.table.state() == QAbstractItemView.EditingState:
            delegate = self.table.itemDelegate()
            viewport = self.table.viewport()
            # Closed editors linger hidden until deleted; only the open one is written.
            for editor in viewport.findChildren(QWidget, "", Qt.FindDirectChildrenOnly):
                if not editor.isHidden():
                    delegate.commitData.emit(editor)
                    delegate.closeEditor.emit(editor, QAbstractItemDelegate.NoHint)
        return [
            PaymentInput(
                self.table.item(row, AMOUNT).text(),
                self.table.item(row, PAID_ON).data(Qt.EditRole).toPython(),
                self.table.item(row, NOTE).text(),
            )
            for row in range(self.table.rowCount())
        ]


class CompleteDialog(StepDialog):
    """办结: the result, and whatever money was recovered, in instalments."""

    def __init__(self, step: Step, detail: TicketDetail, context: WindowContext, parent=None):
        super().__init__(step, detail, context, parent)
        self.result_text = note_edit(self, required=True)
        self.result_text.setObjectName("result")
        self.payments = PaymentsTable(context.env.now().date(), self)
        self.add_field(self.tr("&Result"), self.result_text, "result")
        self.add_field(self.tr("Recovered &money"), self.payments, "payment")
        self.resize(620, 480)

    def prepare(self) -> StepCall:
        env, actor, ticket_id = self.context.env, self.context.actor, self.detail.id
        result, payments = self.result_text.toPlainText(), self.payments.payments()
        return lambda version: steps.complete(
            env, actor, ticket_id, result, payments, expected_version=version
        )


class RecordPaymentDialog(StepDialog):
    """A later instalment: wages often arrive after the ticket was completed."""

    def __init__(self, step: Step, detail: TicketDetail, context: WindowContext, parent=None):
        super().__init__(step, detail, context, parent)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("Yuan, such as 12000.50"))
        self.paid_on = QDateEdit(QDate(context.env.now().date()), self)
        self.paid_on.setObjectName("paid_on")
        self.paid_on.setCalendarPopup(True)
        self.paid_on.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        # The service numbers the payments it is given: this dialog gives one.
        self.add_field(self.tr("&Amount (yuan)"), self.amount, "payment 1")
        self.add_field(self.tr("&Paid on"), self.paid_on)
        self.add_field(self.tr("&Note"), self.note, "payment 1 note")

    def prepare(self) -> StepCall:
        env, actor, ticket_id = self.context.env, self.context.actor, self.detail.id
        payment = PaymentInput(self.amount.text(), self.paid_on.date().toPython(), self.note.text())
        return lambda version: steps.record_payment(
            env, actor, ticket_id, payment, expected_version=version
        )
