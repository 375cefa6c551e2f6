"""One ticket: its fields, its whole history, and a button for each step the
signed-in user may take on it now.

The ticket is read on a worker thread; while it loads the view says so, and a
database that cannot be reached shows as a message in the view.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.queue_marks import Deadline, deadline_state, next_due
from ...domain.risk_rules import rule_label
from ...domain.vocabulary import Labelled
from ...domain.workflow import Step
from ...services.ticket_detail import Name, TicketDetail, load_ticket_detail, ticket_version
from ..common.context import WindowContext
from ..common.failures import Failure, NoticeLabel
from ..common.list_table import ListTable
from ..common.styles import DUE_SOON_STYLE, ERROR_STYLE, OVERDUE_STYLE
from ..common.time_left import describe_due
from .steps import StepDialog, step_dialog
from .steps.base import step_label

Formatter = Callable[[TicketDetail], str]
_DEADLINE_STYLES = {
    Deadline.NONE: "",
    Deadline.ON_TIME: "",
    Deadline.DUE_SOON: DUE_SOON_STYLE,
    Deadline.OVERDUE: OVERDUE_STYLE,
}


class TicketView(QWidget):
    ticket_changed = Signal(int)  # a step was taken on the ticket with this id

    def __init__(self, context: WindowContext, parent=None):
        super().__init__(parent)
        self.env = context.env
        self.actor = context.actor
        self.runner = context.tasks
        self.language = context.language
        self.context = context
        self.detail: TicketDetail | None = None
        self.ticket_id: int | None = None
        self.dialog: StepDialog | None = None
        self.step_buttons: dict[Step, QPushButton] = {}
        self._loading = 0  # the number of the load in flight; a newer one wins
        self._scrolled_for: int | None = None
        self._changed_meanwhile = False

        self.number_label = QLabel(self)
        self.number_label.setObjectName("number")
        self.number_label.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.number_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status")
        self.status_label.setStyleSheet("font-size: 12pt;")
        self.time_label = QLabel(self)
        self.time_label.setObjectName("time_left")
        self.busy_label = QLabel(self.tr("Loading…"), self)
        self.busy_label.hide()
        self.message = NoticeLabel(self)
        self.message.setObjectName("message")
        self.message.hide()

        header = QHBoxLayout()
        header.addWidget(self.number_label)
        header.addSpacing(16)
        header.addWidget(self.status_label)
        header.addSpacing(16)
        header.addWidget(self.time_label)
        header.addStretch()
        header.addWidget(self.busy_label)

        self.content = QSplitter(Qt.Horizontal, self)
        self.content.addWidget(self._build_fields())
        self.content.addWidget(self._build_tabs())
        self.content.setStretchFactor(0, 2)
        self.content.setStretchFactor(1, 3)
        self.content.hide()

        self.step_bar = QWidget(self)
        self.step_row = QHBoxLayout(self.step_bar)
        self.step_row.setContentsMargins(0, 0, 0, 0)
        self.step_row.addStretch()

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.step_bar)

    # ---- layout ----

    def _field_groups(self) -> list[tuple[str, list[tuple[str, Formatter]]]]:
        name, when, money, label = self._name, self._when, self._money, self._label
        return [
            (
                self.tr("Caller"),
                [
                    (self.tr("Name"), lambda d: d.caller_name or self.tr("Anonymous")),
                    (self.tr("Phone"), lambda d: d.phone),
                    (self.tr("Employer"), lambda d: d.employer),
                    (self.tr("Region"), lambda d: name(d.region)),
                    (self.tr("Industry"), lambda d: name(d.industry)),
                    (self.tr("Employment form"), lambda d: name(d.employment_form)),
                ],
            ),
            (
                self.tr("Request"),
                [
                    (self.tr("Category"), lambda d: name(d.category)),
                    (self.tr("People involved"), lambda d: str(d.headcount)),
                    (self.tr("Amount involved"), lambda d: money(d.amount_involved)),
                    (self.tr("Urgency"), lambda d: label(d.urgency)),
                    (self.tr("Channel"), lambda d: label(d.channel)),
                    (self.tr("Origin"), lambda d: label(d.origin)),
                    (self.tr("Complex case"), lambda d: self.tr("Yes") if d.complex_case else ""),
                    (self.tr("Description"), lambda d: d.description),
                ],
            ),
            (
                self.tr("Handling"),
                [
                    (self.tr("Handled by"), lambda d: label(d.handling)),
                    (self.tr("Receiving unit"), lambda d: name(d.receiving_unit)),
                    (self.tr("Holding unit"), lambda d: name(d.holder_unit)),
                    (self.tr("Dispatched"), lambda d: when(d.dispatched_at)),
                    (self.tr("Sign by"), lambda d: when(d.sign_due_at)),
                    (self.tr("Signed"), lambda d: when(d.signed_at)),
                    (self.tr("Due"), lambda d: when(d.due_at)),
                    (
                        self.tr("Extension"),
                        lambda d: self.tr("Awaiting a decision") if d.extension_pending else "",
                    ),
                    (self.tr("Merged into"), lambda d: d.merged_into or ""),
                    (self.tr("Warning items"), lambda d: self._value(d.risk_marks)),
                    (
                        self.tr("Overridden at intake"),
                        lambda d: self._value(d.risk_dismissed),
                    ),
                    (self.tr("Reminders"), lambda d: str(d.reminder_count or "")),
                    (self.tr("Returns"), lambda d: str(d.return_count or "")),
                    (self.tr("Reopened"), lambda d: str(d.reopen_count or "")),
                ],
            ),
            (
                self.tr("Result"),
                [
                    (self.tr("Completed"), lambda d: when(d.completed_at)),
                    (self.tr("Result"), lambda d: d.result),
                    (
                        self.tr("Recovered"),
                        lambda d: money(d.recovered_total) if d.recovered_total else "",
                    ),
                    (self.tr("Call back by"), lambda d: when(d.callback_due_at)),
                    (self.tr("Called back"), lambda d: when(d.called_back_at)),
                    (self.tr("Satisfaction"), lambda d: label(d.satisfaction)),
                    (self.tr("Archived"), lambda d: when(d.archived_at)),
                ],
            ),
            (
                self.tr("Record"),
                [
                    (self.tr("Created"), lambda d: f"{when(d.created_at)} · {d.created_by}"),
                    (self.tr("Last change"), lambda d: f"{when(d.updated_at)} · {d.updated_by}"),
                    (self.tr("Version"), lambda d: str(d.version)),
                ],
            ),
        ]

    def _build_fields(self) -> QScrollArea:
        page = QWidget()
        column = QVBoxLayout(page)
        # (group, form, [(value label, formatter)]): rows without a value are hidden.
        self._groups: list[tuple[QGroupBox, QFormLayout, list[tuple[QLabel, Formatter]]]] = []
        for title, rows in self._field_groups():
            group = QGroupBox(title, page)
            form = QFormLayout(group)
            form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
            values = []
            for caption, formatter in rows:
                value = QLabel(group)
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextSelectableByMouse)
                form.addRow(caption, value)
                values.append((value, formatter))
            column.addWidget(group)
            self._groups.append((group, form, values))
        column.addStretch()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    def _build_tabs(self) -> QTabWidget:
        self.timeline = ListTable(
            [self.tr("Time"), self.tr("Who"), self.tr("Step"), self.tr("Status"), self.tr("Note")],
            self,
        )
        self.timeline.setObjectName("timeline")
        self.instructions = ListTable(
            [self.tr("Time"), self.tr("Leader"), self.tr("Instruction")], self
        )
        self.payments = ListTable(
            [self.tr("Paid on"), self.tr("Amount"), self.tr("Recorded by"), self.tr("Note")], self
        )
        self.assignments = ListTable(
            [
                self.tr("Unit"),
                self.tr("Role"),
                self.tr("State"),
                self.tr("Sign by"),
                self.tr("Signed"),
                self.tr("Note"),
            ],
            self,
        )
        self.extensions = ListTable(
            [
                self.tr("Asked"),
                self.tr("By"),
                self.tr("Days"),
                self.tr("Reason"),
                self.tr("Decision"),
            ],
            self,
        )
        self.mediations = ListTable(
            [
                self.tr("Started"),
                self.tr("By"),
                self.tr("Consents"),
                self.tr("Note"),
                self.tr("Outcome"),
            ],
            self,
        )
        self.tabs = QTabWidget(self)
        for table in (
            self.timeline,
            self.instructions,
            self.payments,
            self.assignments,
            self.extensions,
            self.mediations,
        ):
            self.tabs.addTab(table, "")
        return self.tabs

    # ---- loading ----

    def show_ticket(self, ticket_id: int) -> None:
        """Read the ticket on a worker thread and show it when it arrives."""
        self.ticket_id = ticket_id
        self.reload()

    def reload(self) -> None:
        if self.ticket_id is None:
            return
        self._loading += 1
        number, ticket_id = self._loading, self.ticket_id
        self.busy_label.show()
        self.step_bar.setEnabled(False)
        env, actor = self.env, self.actor
        self.runner.run(
            lambda: load_ticket_detail(env, actor, ticket_id),
            lambda detail: self._loaded(number, detail),
            lambda failure: self._load_failed(number, failure),
        )

    def is_loading(self) -> bool:
        return self.busy_label.isVisibleTo(self)

    def reload_if_changed(self) -> None:
        """After a change somewhere on the hotline: read the ticket again only if it is
        this one that changed, so that the view does not flicker at every other step."""
        if self.detail is None:
            return
        if self.is_loading():
            self._changed_meanwhile = True  # the load under way may have read too early
            return
        shown, ticket_id = self.detail.version, self.detail.id
        self.runner.run(
            lambda: ticket_version(ticket_id),
            lambda version: self._version_read(ticket_id, shown, version),
            self._version_not_read,
        )

    def _version_not_read(self, failure: Failure) -> None:
        if not failure.is_outage:  # a lost server shows in the status bar already
            self.runner.report(failure)

    def _version_read(self, ticket_id: int, shown: int, version: int | None) -> None:
        # A dialog opened meanwhile keeps the version it was opened on: submitting then
        # says who changed the ticket, rather than the dialog moving on silently.
        if self.dialog is None and self.ticket_id == ticket_id and version != shown:
            self.reload()

    def _loaded(self, number: int, detail: TicketDetail) -> None:
        if number != self._loading:
            return  # a newer load is on its way
        self.busy_label.hide()
        if self._changed_meanwhile:
            self._changed_meanwhile = False
            QTimer.singleShot(0, self.reload_if_changed)
        self.message.hide()
        self.detail = detail
        self._show(detail)
        if self.dialog is not None:
            self.dialog.set_detail(detail)

    def _load_failed(self, number: int, failure: Failure) -> None:
        if number != self._loading:
            return
        self.busy_label.hide()
        text = self.tr("The ticket cannot be shown: %1").replace("%1", failure.text)
        self.message.say_failure(failure, text, ERROR_STYLE)
        self.message.show()
        if self.dialog is not None:
            self.dialog.reload_failed(text)
        # What was shown before stays readable, but no step is taken on a stale ticket.
        self.step_bar.setEnabled(False)

    # ---- showing ----

    def _show(self, d: TicketDetail) -> None:
        self.number_label.setText(d.number)
        self.status_label.setText(self._label(d.status))
        self._show_time_left(d)
        for group, form, values in self._groups:
            shown = 0
            for row, (value, formatter) in enumerate(values):
                text = formatter(d)
                value.setText(text)
                form.setRowVisible(row, bool(text))
                shown += bool(text)
            group.setVisible(bool(shown))
        self._show_history(d)
        self._show_steps(d)
        self.content.show()

    def _show_time_left(self, d: TicketDetail) -> None:
        due = next_due(d.status, d.sign_due_at, d.due_at, d.callback_due_at)
        if due is None:
            self.time_label.clear()
            return
        now = self.env.now()
        self.time_label.setText(describe_due(due, now))
        self.time_label.setStyleSheet(_DEADLINE_STYLES[deadline_state(due, now)])

    def _show_history(self, d: TicketDetail) -> None:
        when, name, label = self._when, self._name, self._label
        self.timeline.set_rows(
            [
                [
                    when(e.at),
                    f"{e.actor} · {name(e.unit)}" if e.unit else e.actor,
                    self._step(e.step),
                    f"{label(e.from_status)} → {label(e.to_status)}"
                    if e.from_status and e.from_status != e.to_status
                    else label(e.to_status),
                    self._note(e),
                ]
                for e in d.timeline
            ],
            [self._changes(e.details) for e in d.timeline],
        )
        if self._scrolled_for != d.id:
            # A newly opened ticket shows its newest step; a reloaded one stays where the
            # user has scrolled to.
            self._scrolled_for = d.id
            self.timeline.scrollToBottom()
        self.instructions.set_rows([[when(i.written_at), i.leader, i.text] for i in d.instructions])
        self.payments.set_rows(
            [
                [f"{p.paid_on:%Y-%m-%d}", self._money(p.amount), p.recorded_by, p.note]
                for p in d.payments
            ]
        )
        self.assignments.set_rows(
            [
                [
                    name(a.unit),
                    label(a.role),
                    label(a.state),
                    when(a.sign_due_at),
                    f"{when(a.signed_at)} · {a.signed_by}" if a.signed_at else "",
                    a.note,
                ]
                for a in d.assignments
            ]
        )
        self.extensions.set_rows(
            [
                [
                    when(x.requested_at),
                    x.requested_by,
                    str(x.days),
                    x.reason,
                    self._decision(x.approved, x.decided_by, x.decision_note),
                ]
                for x in d.extensions
            ]
        )
        yes, no = self.tr("yes"), self.tr("no")
        self.mediations.set_rows(
            [
                [
                    when(m.started_at),
                    m.started_by,
                    self.tr("worker: %1, employer: %2")
                    .replace("%1", yes if m.worker_consent else no)
                    .replace("%2", yes if m.employer_consent else no),
                    m.consent_note,
                    m.outcome,
                ]
                for m in d.mediations
            ]
        )
        titles = (
            (self.tr("Timeline (%1)"), d.timeline),
            (self.tr("Instructions (%1)"), d.instructions),
            (self.tr("Payments (%1)"), d.payments),
            (self.tr("Units (%1)"), d.assignments),
            (self.tr("Extensions (%1)"), d.extensions),
            (self.tr("Mediation (%1)"), d.mediations),
        )
        for tab, (title, rows) in enumerate(titles):
            self.tabs.setTabText(tab, title.replace("%1", str(len(rows))))

    def _note(self, entry) -> str:
        """The step's note, after the units it sent the ticket to: who has it now is what
        one reads the timeline for."""
        assigned = entry.details.get("assigned")
        units = self._value(assigned[1]) if assigned else ""
        if entry.step == Step.RISK_ALERT:
            # "众 · 涉及人数 v3": the warning item, and the rule and version that raised it.
            rule, version = entry.details["rule"][1], entry.details["rule_version"][1]
            before, after = entry.details["risk_marks"]
            added = tuple(kind for kind in after if kind not in (before or ()))
            units = f"{self._value(added)} · {rule_label(rule, version, self.language)}"
        return " ".join(part for part in (units, entry.note) if part)

    def _changes(self, details) -> str:
        """What a step changed, for the timeline's tooltip: one line a field."""
        captions = {
            "status": self.tr("Status"),
            "handling": self.tr("Handled by"),
            "holder_unit": self.tr("Holding unit"),
            "receiving_unit": self.tr("Receiving unit"),
            "due_at": self.tr("Due"),
            "sign_due_at": self.tr("Sign by"),
            "satisfaction": self.tr("Satisfaction"),
            "recovered_total": self.tr("Recovered"),
            "merged_into": self.tr("Merged into"),
            "extension_pending": self.tr("Extension"),
            "assigned": self.tr("Units"),
            "risk_marks": self.tr("Warning items"),
            "rule": self.tr("Rule"),
            "rule_version": self.tr("Rule version"),
            "reminder_count": self.tr("Reminders"),
        }
        return "\n".join(
            f"{captions.get(field, field)}: {self._value(old)} → {self._value(new)}"
            for field, (old, new) in details.items()
        )

    def _value(self, value) -> str:
        if isinstance(value, Name):
            return self._name(value)
        if isinstance(value, Labelled):
            return self._label(value)
        if isinstance(value, tuple) and all(isinstance(item, Labelled) for item in value):
            return self.language.pick(" ", ", ").join(self._label(item) for item in value)
        if isinstance(value, tuple):  # the units a step brought in, with their roles
            return self.language.join(
                f"{self._name(unit)} ({self._label(role)})" for unit, role in value
            )
        return "—" if value in (None, "") else str(value)

    def _decision(self, approved: bool | None, by: str, note: str) -> str:
        if approved is None:
            return self.tr("awaiting a decision")
        verdict = self.tr("approved") if approved else self.tr("refused")
        return " · ".join(part for part in (verdict, by, note) if part)

    def _show_steps(self, d: TicketDetail) -> None:
        for button in self.step_buttons.values():
            self.step_row.removeWidget(button)
            button.deleteLater()
        self.step_buttons = {}
        for step in d.steps:
            button = QPushButton(self._step(step), self.step_bar)
            button.setObjectName(f"step_{step.value}")
            button.clicked.connect(lambda _checked=False, step=step: self.open_step(step))
            self.step_row.insertWidget(self.step_row.count() - 1, button)  # before the stretch
            self.step_buttons[step] = button
        self.step_bar.setEnabled(True)

    # ---- steps ----

    def open_step(self, step: Step) -> StepDialog:
        """Open the dialog that takes ``step``; it stays open through refusals."""
        dialog = step_dialog(step, self.detail, self.context, self)
        dialog.step_taken.connect(self._step_taken)
        dialog.reload_requested.connect(self.reload)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: StepDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _step_taken(self, result) -> None:
        self.ticket_changed.emit(result.ticket_id)
        self.reload()

    # ---- words ----

    def _label(self, value: Labelled | None) -> str:
        return value.label(self.language) if value is not None else ""

    def _step(self, step: Step) -> str:
        return step_label(step, self.language)

    def _name(self, name: Name | None) -> str:
        return name.label(self.language) if name else ""

    @staticmethod
    def _when(moment: datetime | None) -> str:
        return f"{moment:%Y-%m-%d %H:%M}" if moment else ""

    @staticmethod
    def _money(amount: Decimal | None) -> str:
        return f"¥{amount:,.2f}" if amount is not None else ""
