"""The alert centre: the 1155 warnings and the time-limit alerts, and what the centre does
with each one.

The list on the left holds the alerts of the chosen view, newest first; the panel on the
right shows the chosen alert whole: why it was raised and under which rule version, the
tickets it covers, its playbook to tick off, its history, and the actions.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.alerts import AlertKind, AlertState, TimeLimitKind
from ...domain.risk_rules import AlertLevel, rule_label
from ...domain.vocabulary import Labelled
from ...services import alert_actions
from ...services.alert_list import (
    AlertDetail,
    AlertRow,
    alert_detail,
    alert_handlers,
    alert_rows,
    unacknowledged_count,
)
from ..common.context import WindowContext
from ..common.failures import Failure, FailureKind, NoticeLabel
from ..common.list_table import ListTable
from ..common.phrases import in_language
from ..common.styles import ERROR_COLOUR, ERROR_STYLE, WARNING_COLOUR
from ..common.tasks import while_alive
from ..ticket.steps.base import note_edit

_OPEN = (AlertState.NEW, AlertState.ACKNOWLEDGED, AlertState.ESCALATED)
_LEVEL_COLOURS = {AlertLevel.HIGH: ERROR_COLOUR, AlertLevel.MEDIUM: WARNING_COLOUR}
ALERT_ID_ROLE = Qt.UserRole + 1
REASON_WIDTH = 240  # pixels


class AlertCentre(QWidget):
    open_ticket = Signal(int)
    # The number of alerts nobody has acknowledged yet, after each refresh.
    unacknowledged = Signal(int)
    # An action was taken here: the window's one change channel refreshes the list.
    acted = Signal()

    def __init__(self, context: WindowContext, parent=None):
        super().__init__(parent)
        self.env = context.env
        self.actor = actor = context.actor
        self.tasks = context.tasks
        self.language = context.language
        self.may_act = actor.role in alert_actions.ALERT_HANDLERS
        self.rows: list[AlertRow] = []
        self.detail: AlertDetail | None = None
        self.busy = False  # an action on the chosen alert is on its way
        self._refreshing = False
        self._again = False

        self.view = QComboBox(self)
        self.view.setObjectName("alert_view")
        for name, states in (
            (self.tr("Open alerts"), _OPEN),
            (self.tr("Unacknowledged"), (AlertState.NEW,)),
            (self.tr("Resolved"), (AlertState.RESOLVED,)),
            (self.tr("All alerts"), None),
        ):
            self.view.addItem(name, states)
        self.view.currentIndexChanged.connect(self.refresh)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("unacknowledged")
        self.message = NoticeLabel(self)
        self.message.setObjectName("message")

        self.table = ListTable(
            [
                self.tr("Item"),
                self.tr("Level"),
                self.tr("Ticket"),
                self.tr("Why"),
                self.tr("Raised"),
                self.tr("State"),
                self.tr("Assigned to"),
            ],
            self,
        )
        self.table.setObjectName("alerts")
        # The reason gets a width of its own and wraps in it; sized to its contents it
        # pushed the other columns out of sight, and stretched it was squeezed to nothing.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.Interactive)
        header.resizeSection(3, REASON_WIDTH)
        self.table.setSelectionMode(ListTable.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(self._open_row_ticket)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show"), self))
        top.addWidget(self.view)
        top.addStretch(1)
        top.addWidget(self.count_label)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.table, 1)

        self.panel = AlertPanel(self)
        self.panel.setEnabled(False)
        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 440])  # the list wide enough for its columns
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # ---- reading ----

    def refresh(self) -> None:
        """Read the list, the count and the chosen alert again; one read at a time."""
        if self._refreshing:
            self._again = True
            return
        self._refreshing = True
        states = self.view.currentData()
        env = self.env
        self.tasks.run(
            lambda: (alert_rows(env, states), unacknowledged_count(env)),
            self._show_rows,
            self._read_failed,
        )

    def _show_rows(self, result) -> None:
        self._refreshing = False
        rows, count = result
        self.message.clear()
        chosen = self.chosen_id()
        self.rows = rows
        self.table.blockSignals(True)
        self.table.set_rows([self._cells(row) for row in rows])
        for index, row in enumerate(rows):
            colour = _LEVEL_COLOURS.get(row.level)
            for column in (0, 1):
                item = self.table.item(index, column)
                item.setData(ALERT_ID_ROLE, row.id)
                if colour:
                    item.setForeground(QColor(colour))
            if row.state == AlertState.NEW:
                font = self.table.item(index, 0).font()
                font.setBold(True)
                for column in range(self.table.columnCount()):
                    self.table.item(index, column).setFont(font)
        self.table.blockSignals(False)
        self._show_count(count)
        ids = [row.id for row in rows]
        if chosen in ids:
            self.table.selectRow(ids.index(chosen))
            self._load_detail(chosen)
        elif rows and chosen is None:
            self.table.selectRow(0)
        else:
            self._show_detail(None)
        if self._again:
            self._again = False
            self.refresh()

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("Unacknowledged: %1").replace("%1", str(count)))
        self.count_label.setStyleSheet(ERROR_STYLE if count else "")
        self.unacknowledged.emit(count)

    def _read_failed(self, failure: Failure) -> None:
        self._refreshing = False
        text = self.tr("Could not read the alerts: %1").replace("%1", failure.text)
        self.message.say_failure(failure, text, ERROR_STYLE)

    def _cells(self, row: AlertRow) -> list[str]:
        return [
            self.kind_name(row.kind),
            self.label(row.level),
            row.ticket_number,
            in_language(row.reason, self.language),
            self.when(row.raised_at),
            self.label(row.state),
            row.assigned_to,
        ]

    def chosen_id(self) -> int | None:
        selected = self.table.selectedItems()
        return selected[0].data(ALERT_ID_ROLE) if selected else None

    def _selection_changed(self) -> None:
        chosen = self.chosen_id()
        if chosen is None:
            self._show_detail(None)
        else:
            self._load_detail(chosen)

    def _load_detail(self, alert_id: int) -> None:
        env = self.env
        self.tasks.run(lambda: alert_detail(env, alert_id), self._show_detail, self._read_failed)

    def _show_detail(self, detail: AlertDetail | None) -> None:
        if detail is not None and detail.row.id != self.chosen_id():
            return  # the user chose another alert while this one loaded
        self.detail = detail
        self.panel.show_detail(detail)

    def _open_row_ticket(self, row: int, _column: int) -> None:
        self.open_ticket.emit(self.rows[row].ticket_id)

    # ---- acting ----

    def act(self, work, on_error=None) -> None:
        """Run an action on the chosen alert; the list and the alert are read again after.
        Until it is done the panel stays disabled, whatever refresh comes meanwhile."""
        self.busy = True
        self.panel.setEnabled(False)
        self.tasks.run(work, lambda _result: self._acted(), on_error or self._action_failed)

    def _acted(self) -> None:
        self.busy = False
        self.panel.setEnabled(True)
        self.panel.message.clear()
        self.acted.emit()

    def _action_failed(self, failure: Failure) -> None:
        self.busy = False
        self.panel.setEnabled(True)
        self.panel.message.say_failure(failure, failure.text, ERROR_STYLE)
        self.refresh()

    # ---- words ----

    def label(self, value: Labelled) -> str:
        return value.label(self.language)

    def kind_name(self, kind: AlertKind) -> str:
        if isinstance(kind, TimeLimitKind):
            return self.label(kind)
        return f"{kind.mark} {self.label(kind)}"

    def when(self, moment: datetime | None) -> str:
        return f"{moment:%Y-%m-%d %H:%M}" if moment else ""


class AlertPanel(QWidget):
    """The chosen alert: what raised it, its tickets, playbook and history, the actions."""

    def __init__(self, centre: AlertCentre):
        super().__init__(centre)
        self.centre = centre
        self.title = QLabel(self)
        self.title.setObjectName("alert_title")
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setObjectName("alert_facts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.message = NoticeLabel(self)
        self.message.setObjectName("alert_message")

        self.tickets = ListTable(
            [self.tr("Ticket"), self.tr("Status"), self.tr("Employer"), self.tr("Created")], self
        )
        self.tickets.setObjectName("alert_tickets")
        self.tickets.cellDoubleClicked.connect(self._open_ticket)
        self.playbook = QListWidget(self)
        self.playbook.setObjectName("playbook")
        self.playbook.itemChanged.connect(self._tick_changed)
        self.history = ListTable(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Note")], self
        )
        self.history.setObjectName("alert_history")

        self.acknowledge_button = self._button(self.tr("&Acknowledge"), self._acknowledge)
        self.assignee = QComboBox(self)
        self.assignee.setObjectName("assignee")
        self.assign_button = self._button(self.tr("A&ssign"), self._assign)
        self.escalate_button = self._button(self.tr("&Escalate to the office…"), self._escalate)
        self.remind_button = self._button(self.tr("Send a &reminder…"), self._remind)
        self.resolve_button = self._button(self.tr("Res&olve…"), self._resolve)
        actions = QHBoxLayout()
        for widget in (
            self.acknowledge_button,
            self.assignee,
            self.assign_button,
            self.escalate_button,
            self.remind_button,
            self.resolve_button,
        ):
            actions.addWidget(widget)
        actions.addStretch(1)

        playbook_box = QGroupBox(self.tr("Playbook"), self)
        QVBoxLayout(playbook_box).addWidget(self.playbook)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Tickets"), self))
        layout.addWidget(self.tickets, 1)
        layout.addWidget(playbook_box, 2)  # five steps in sight: the work to do
        layout.addWidget(QLabel(self.tr("History"), self))
        layout.addWidget(self.history, 1)
        self._handlers_loaded = False

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        button.setVisible(self.centre.may_act)
        return button

    def show_detail(self, detail: AlertDetail | None) -> None:
        centre = self.centre
        self.setEnabled(detail is not None and not centre.busy)
        self.message.clear()
        if detail is None:
            self.title.setText(self.tr("Choose an alert"))
            self.facts.clear()
            self.tickets.set_rows([])
            self.history.set_rows([])
            self.playbook.clear()
            return
        row = detail.row
        self.title.setText(
            f"{centre.kind_name(row.kind)} · {centre.label(row.level)} · {row.ticket_number}"
        )
        rule = (
            rule_label(row.rule, row.rule_version, centre.language)
            if row.rule is not None
            else self.tr("time limits v%1").replace("%1", str(row.rule_version or ""))
        )
        lines = [
            self.tr("Why: %1").replace("%1", in_language(row.reason, centre.language)),
            self.tr("Rule: %1").replace("%1", rule),
            self.tr("Raised: %1").replace("%1", centre.when(row.raised_at)),
            self.tr("State: %1").replace("%1", centre.label(row.state)),
        ]
        if row.assigned_to:
            lines.append(self.tr("Assigned to: %1").replace("%1", row.assigned_to))
        if detail.resolution:
            lines.append(self.tr("Resolution: %1").replace("%1", detail.resolution))
        self.facts.setText("\n".join(lines))
        self.tickets.set_rows(
            [
                [t.number, centre.label(t.status), t.employer, centre.when(t.created_at)]
                for t in detail.tickets
            ],
            [t.description for t in detail.tickets],
        )
        self.playbook.blockSignals(True)
        self.playbook.clear()
        for index, step in enumerate(detail.playbook):
            text = f"{index + 1}. {step.text}"
            if step.ticked_at:
                text += "  " + self.tr("(%1, %2)").replace("%1", step.ticked_by).replace(
                    "%2", centre.when(step.ticked_at)
                )
            item = QListWidgetItem(text, self.playbook)
            item.setData(Qt.UserRole, index)
            item.setCheckState(Qt.Checked if step.ticked_at else Qt.Unchecked)
            open_alert = row.state != AlertState.RESOLVED and centre.may_act
            flags = Qt.ItemIsEnabled | (Qt.ItemIsUserCheckable if open_alert else Qt.NoItemFlags)
            item.setFlags(flags)
        self.playbook.blockSignals(False)
        self.playbook.parentWidget().setVisible(bool(detail.playbook))
        self.history.set_rows(
            [
                [centre.when(e.at), e.actor or self.tr("the rules"), centre.label(e.action), e.note]
                for e in detail.history
            ]
        )
        is_open = row.state != AlertState.RESOLVED
        self.acknowledge_button.setEnabled(row.state == AlertState.NEW)
        for widget in (self.assignee, self.assign_button, self.resolve_button):
            widget.setEnabled(is_open)
        self.escalate_button.setEnabled(is_open and row.state != AlertState.ESCALATED)
        self.remind_button.setEnabled(is_open and isinstance(row.kind, TimeLimitKind))
        if centre.may_act and not self._handlers_loaded:
            self._handlers_loaded = True
            env = centre.env
            centre.tasks.run(lambda: alert_handlers(env), self._show_handlers, self._no_handlers)

    def _no_handlers(self, _error: Exception) -> None:
        self._handlers_loaded = False  # asked again with the next alert shown

    def _show_handlers(self, handlers) -> None:
        self.assignee.clear()
        for user_id, name in handlers:
            self.assignee.addItem(name, user_id)

    # ---- the actions ----

    def _alert_id(self) -> int:
        return self.centre.detail.row.id

    def _acknowledge(self) -> None:
        env, actor, alert_id = self.centre.env, self.centre.actor, self._alert_id()
        self.centre.act(lambda: alert_actions.acknowledge(env, actor, alert_id))

    def _assign(self) -> None:
        user_id = self.assignee.currentData()
        if user_id is None:
            return
        env, actor, alert_id = self.centre.env, self.centre.actor, self._alert_id()
        self.centre.act(lambda: alert_actions.assign(env, actor, alert_id, user_id))

    def _tick_changed(self, item: QListWidgetItem) -> None:
        env, actor, alert_id = self.centre.env, self.centre.actor, self._alert_id()
        step, done = item.data(Qt.UserRole), item.checkState() == Qt.Checked
        self.centre.act(lambda: alert_actions.tick(env, actor, alert_id, step, done))

    def _escalate(self) -> None:
        prompt = self.tr(
            "The ticket leaves the unit that has it, and the hotline leading-group office "
            "handles it itself."
        )
        self._with_note(self.tr("Escalate to the office"), prompt, False, alert_actions.escalate)

    def _remind(self) -> None:
        prompt = self.tr("The unit holding the ticket sees the reminder in its queue.")
        self._with_note(self.tr("Send a reminder"), prompt, False, alert_actions.remind)

    def _resolve(self) -> None:
        prompt = self.tr("Say what was done; the alert then leaves the open list.")
        playbook = self.centre.detail.playbook
        undone = [step for step in playbook if step.ticked_at is None]
        if undone:
            # Resolving with steps left undone may be right; it should not be unnoticed.
            prompt += "\n" + self.tr("%1 of the %2 playbook steps are not ticked off.").replace(
                "%1", str(len(undone))
            ).replace("%2", str(len(playbook)))
        self._with_note(self.tr("Resolve the alert"), prompt, True, alert_actions.resolve)

    def _with_note(self, title: str, prompt: str, required: bool, action) -> None:
        dialog = NoteDialog(title, prompt, required, self)
        centre = self.centre
        env, actor, alert_id = centre.env, centre.actor, self._alert_id()

        def done(_result) -> None:
            while_alive(dialog, lambda _none: dialog.accept())(None)
            centre._acted()

        def refused(failure: Failure) -> None:
            centre.busy = False
            centre.panel.setEnabled(True)
            while_alive(dialog, dialog.refused)(failure)

        def submit(note: str) -> None:
            centre.busy = True
            centre.panel.setEnabled(False)
            centre.tasks.run(lambda: action(env, actor, alert_id, note), done, refused)

        dialog.submitted.connect(submit)
        dialog.open()

    def _open_ticket(self, row: int, _column: int) -> None:
        self.centre.open_ticket.emit(self.centre.detail.tickets[row].id)


class NoteDialog(QDialog):
    """Asks for the note of an action; a refusal keeps the dialog and what was typed."""

    submitted = Signal(str)

    def __init__(self, title: str, prompt: str, required: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WA_DeleteOnClose)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.note = note_edit(self, required)
        self.note.setObjectName("note")
        self.error = NoticeLabel(self)
        self.error.setObjectName("error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 260)

    def reject(self) -> None:
        if self.buttons.isEnabled():  # not while the action is on its way: Esc waits too
            super().reject()

    def _submit(self) -> None:
        self.error.clear()
        self.buttons.setEnabled(False)
        self.submitted.emit(self.note.toPlainText())

    def refused(self, failure: Failure) -> None:
        self.buttons.setEnabled(True)
        self.error.say_failure(failure, failure.text, ERROR_STYLE)
        if failure.kind is FailureKind.FIELD:
            self.note.setFocus()
