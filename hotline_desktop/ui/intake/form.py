"""Call intake (来电登记): the form an agent fills while the caller is on the line.

The phone comes first: leaving it shows who called before. Every field is
checked when it loses focus and again by the service on saving; a wrong one
says why right under it and nothing typed is lost. What is typed is kept as a
draft on disk, so a crash costs a second of work.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain import validation
from ...domain.errors import InvalidInput
from ...domain.phrases import QT_TRANSLATE_NOOP, said
from ...domain.vocabulary import CallKind, Channel, Labelled, Urgency
from ...services.caller_history import CallerHistory, caller_history
from ...services.intake import CallInput, IntakeResult, log_call
from ...services.intake_choices import IntakeChoices, intake_choices
from ...store.failures import known_error
from ..common.context import WindowContext
from ..common.failures import Failure, FailureKind, NoticeLabel, show_failure, understand
from ..common.field_errors import FieldErrors
from ..common.phrases import in_language
from ..common.roles import TICKET_ID_ROLE
from ..common.styles import ERROR_STYLE, SUCCESS_STYLE
from ..common.tasks import while_alive
from .assistant_panel import AssistantPanel
from .choice_combo import ChoiceCombo
from .draft_offer import DraftOffer
from .drafts import Draft, DraftStore
from .history_panel import HistoryPanel

# Past the service's limit, so that a mistyped headcount is explained rather than refused.
HEADCOUNT_TYPED_MAX = validation.MAX_HEADCOUNT * 10

# What a fresh form holds; a draft equal to it is no draft.
BLANK = {
    "phone": "",
    "caller_name": "",
    "employer_name": "",
    "region_code": "",
    "industry_code": "",
    "employment_form_code": "",
    "kind": CallKind.REQUEST.value,
    "category_code": "",
    "headcount": 1,
    "amount": "",
    "urgency": Urgency.NORMAL.value,
    "channel": Channel.PHONE.value,
    "description": "",
    "answer": "",
    "risks_added": [],
    "risks_dismissed": [],
}

# Call kinds that need no work after the call: Ctrl+S logs them answered on the call.
_ANSWERED_KINDS = {CallKind.CONSULTATION, CallKind.SUGGESTION, CallKind.PRAISE, CallKind.INVALID}


class IntakeForm(QWidget):
    saved = Signal(object)  # IntakeResult
    open_ticket = Signal(int)  # the user followed the link to the ticket just created

    def __init__(self, context: WindowContext, draft_store: DraftStore, parent=None):
        super().__init__(parent)
        self.env = env = context.env
        self.actor = context.actor
        self.runner = context.tasks
        self.language = context.language
        self.drafts = draft_store
        if draft_store.parent() is None:
            draft_store.setParent(self)  # its timer must not outlive the fields it reads
        draft_store.write_failed.connect(self._draft_not_written)
        self._ready = False
        self._saving = False
        self._quiet = False  # filling the fields by program: not an edit
        self._saved_values: dict | None = None
        self._history_phone: str | None = None
        self._errors = FieldErrors()
        self._fields: dict[str, QWidget] = {}
        self._checks: dict[QWidget, Callable[[], None]] = {}
        self.setObjectName("intake_form")

        self._build_fields()
        self.draft_bar = DraftOffer(draft_store, self)
        self.draft_bar.restore_asked.connect(self.restore_draft)
        self.draft_bar.ended.connect(lambda: self.phone.setFocus(Qt.OtherFocusReason))
        self.history = HistoryPanel(self.language, self)
        # Enter or a double click on an earlier ticket opens it: the agent can tell the
        # caller how it stands without leaving the call.
        self.history.tickets_list.itemActivated.connect(
            lambda item, _column: self.open_ticket.emit(item.data(0, TICKET_ID_ROLE))
        )
        self.assistant = AssistantPanel(context, self.values, self._category_name, self)
        self.assistant.category_taken.connect(self._take_category)
        self.assistant.figures_taken.connect(self._take_figures)
        self._build_buttons()
        self._lay_out()
        self._connect_edits()
        self.fill(BLANK)
        # Offered at once, before the lists arrive: typing must never overwrite it unseen.
        self.draft_bar.start()
        self.runner.run(
            lambda: intake_choices(env),
            while_alive(self, self._choices_loaded),
            while_alive(self, self._choices_failed),
        )

    # ------------------------------------------------------------------ building

    def _build_fields(self) -> None:
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self.caller_name = QLineEdit(self)
        self.caller_name.setPlaceholderText(self.tr("Leave empty for an anonymous caller"))
        self.employer = QLineEdit(self)
        self.employer.setPlaceholderText(self.tr("Employer as the caller names it"))
        search = self.tr("Type to search")
        self.region = ChoiceCombo(self, searchable=True, placeholder=search)
        self.industry = ChoiceCombo(self, searchable=True, placeholder=search)
        self.employment_form = ChoiceCombo(self, searchable=True, placeholder=search)
        self.kind = ChoiceCombo(self, searchable=False)
        self.category = ChoiceCombo(self, searchable=True, placeholder=search)
        self.headcount = QSpinBox(self)
        self.headcount.setRange(1, HEADCOUNT_TYPED_MAX)
        self.headcount.setAccelerated(True)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("Optional, e.g. 12000.50"))
        self.urgency = ChoiceCombo(self, searchable=False)
        self.channel = ChoiceCombo(self, searchable=False)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What happened, who is affected, since when"))
        self.answer = QPlainTextEdit(self)
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(
            self.tr("What the caller was told; needed when a consultation is answered on the call")
        )
        self.description.setMinimumHeight(96)
        self.answer.setMinimumHeight(64)
        self.answer.setMaximumHeight(120)  # the description takes the height to spare
        self._fill_vocabulary(self.kind, CallKind)
        self._fill_vocabulary(self.urgency, Urgency)
        self._fill_vocabulary(self.channel, Channel)

        def check(widget, field, rule):
            self._checks[widget] = lambda: self._check_field(field, rule)

        text = validation.text
        check(self.phone, "phone", lambda: validation.phone(self.phone.text()))
        check(
            self.caller_name,
            "caller name",
            lambda: text(self.caller_name.text(), "caller name", limit=validation.MAX_NAME),
        )
        check(
            self.employer,
            "employer",
            lambda: text(self.employer.text(), "employer", limit=validation.MAX_SHORT_TEXT),
        )
        check(self.headcount, "headcount", lambda: validation.headcount(self.headcount.value()))
        check(
            self.amount,
            "amount involved",
            lambda: validation.amount(self.amount.text(), "amount involved"),
        )
        check(
            self.description,
            "description",
            lambda: validation.description(self.description.toPlainText()),
        )
        check(
            self.answer,
            "answer",
            lambda: text(self.answer.toPlainText(), "answer", limit=validation.MAX_DESCRIPTION),
        )
        for combo, field in (
            (self.region, "region"),
            (self.industry, "industry"),
            (self.employment_form, "employment form"),
            (self.category, "category"),
        ):
            check(combo, field, lambda combo=combo: self._check_listed(combo))

    def _fill_vocabulary(self, combo: ChoiceCombo, vocabulary: type[Labelled]) -> None:
        combo.fill([(member.value, member.label(self.language)) for member in vocabulary])

    def _build_buttons(self) -> None:
        self.answered_button = QPushButton(self.tr("Answered &on the call"), self)
        self.ticket_button = QPushButton(self.tr("Create &ticket"), self)
        self.answered_button.clicked.connect(lambda: self.save(create_ticket=False))
        self.ticket_button.clicked.connect(lambda: self.save(create_ticket=True))
        self.result_label = NoticeLabel(self)
        self.result_label.linkActivated.connect(self._follow_link)
        self.hint_label = QLabel(self)
        self.hint_label.setStyleSheet("color: #616161;")
        shortcuts = (
            ("Ctrl+S", False),
            ("Ctrl+Return", True),
            ("Ctrl+Enter", True),
        )
        for keys, then_new in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda then_new=then_new: self.save_as_kind(then_new))

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnMinimumWidth(2, 16)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)
        pairs = (
            ((self.tr("&Phone"), self.phone, "phone"),
             (self.tr("Caller na&me"), self.caller_name, "caller name")),
            ((self.tr("&Employer"), self.employer, "employer"),
             (self.tr("Re&gion"), self.region, "region")),
            ((self.tr("&Industry"), self.industry, "industry"),
             (self.tr("Employment &form"), self.employment_form, "employment form")),
            ((self.tr("Call &kind"), self.kind, "call kind"),
             (self.tr("&Category"), self.category, "category")),
            ((self.tr("&Headcount"), self.headcount, "headcount"),
             (self.tr("&Amount involved (yuan)"), self.amount, "amount involved")),
            ((self.tr("&Urgency"), self.urgency, "urgency"),
             (self.tr("Channe&l"), self.channel, "channel")),
        )  # fmt: skip
        row = 0
        for pair in pairs:
            for column, (label, widget, field) in zip((0, 3), pair, strict=True):
                self._place(grid, row, column, label, widget, field, span=1)
            row += 2
        for label, widget, field in (
            (self.tr("&Description"), self.description, "description"),
            (self.tr("Ans&wer given"), self.answer, "answer"),
        ):
            self._place(grid, row, 0, label, widget, field, span=4)
            row += 2
        grid.setRowStretch(row - 4, 1)  # the description's row

        buttons = QHBoxLayout()
        buttons.addWidget(self.hint_label, 1)
        buttons.addWidget(self.answered_button)
        buttons.addWidget(self.ticket_button)

        form = QVBoxLayout()
        form.addLayout(grid, 1)
        form.addWidget(self.result_label)
        form.addLayout(buttons)

        side = QVBoxLayout()
        side.addWidget(self.assistant)
        side.addWidget(self.history, 1)
        body = QHBoxLayout()
        body.addLayout(form, 3)
        body.addLayout(side, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_bar)
        layout.addLayout(body, 1)

        order = [
            self.phone, self.caller_name, self.employer, self.region, self.industry,
            self.employment_form, self.kind, self.category, self.headcount, self.amount,
            self.urgency, self.channel, self.description, self.answer,
            self.answered_button, self.ticket_button, *self.assistant.focus_chain(),
            self.history.calls_list, self.history.tickets_list,
            self.draft_bar.restore_button, self.draft_bar.discard_button,
        ]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.phone.setFocus()

    def _place(self, grid, row, column, text, widget, field, *, span) -> None:
        label = QLabel(text, self)
        label.setBuddy(widget)
        multi_line = isinstance(widget, QPlainTextEdit)
        label.setAlignment(Qt.AlignRight | (Qt.AlignTop if multi_line else Qt.AlignVCenter))
        error = QLabel(self)
        error.setObjectName(f"error {field}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        grid.addWidget(label, row, column)
        grid.addWidget(widget, row, column + 1, 1, span)
        grid.addWidget(error, row + 1, column + 1, 1, span)
        self._errors[field] = error
        self._fields[field] = widget

    def _connect_edits(self) -> None:
        for line in (self.phone, self.caller_name, self.employer, self.amount):
            line.textChanged.connect(self._edited)
        for box in (self.description, self.answer):
            box.textChanged.connect(self._edited)
        for combo in (self.region, self.industry, self.employment_form, self.category):
            combo.editTextChanged.connect(self._edited)
        for combo in (self.kind, self.urgency, self.channel):
            combo.currentIndexChanged.connect(self._edited)
        self.kind.currentIndexChanged.connect(self._update_kind_hint)
        self.headcount.textChanged.connect(self._edited)
        # What the assistant reads: the text, the figures, who calls and about whom.
        for line in (self.phone, self.employer, self.amount):
            line.textChanged.connect(self.assistant.schedule)
        self.description.textChanged.connect(self.assistant.schedule)
        self.headcount.textChanged.connect(self.assistant.schedule)
        for widget in self._checks:
            widget.installEventFilter(self)

    # ------------------------------------------------------------------ reference choices

    def _choices_loaded(self, choices: IntakeChoices) -> None:
        with self._programmatic():
            for combo, entries in (
                (self.region, choices.regions),
                (self.industry, choices.industries),
                (self.employment_form, choices.employment_forms),
                (self.category, choices.categories),
            ):
                combo.fill([(entry.code, entry.label(self.language)) for entry in entries])
        self._ready = True
        self.draft_bar.set_ready(True)

    def _choices_failed(self, failure: Failure) -> None:
        text = self.tr("Could not read the lists of regions and categories: %1")
        self.result_label.say_failure(failure, text.replace("%1", failure.text), ERROR_STYLE)

    def is_ready(self) -> bool:
        """The lists are filled (read on a worker when the form opens)."""
        return self._ready

    # ------------------------------------------------------------------ values

    def values(self) -> dict:
        """The fields as ``CallInput`` takes them, strings as typed."""
        self.headcount.interpretText()
        return {
            "phone": self.phone.text(),
            "caller_name": self.caller_name.text(),
            "employer_name": self.employer.text(),
            "region_code": self.region.code(),
            "industry_code": self.industry.code(),
            "employment_form_code": self.employment_form.code(),
            "kind": self.kind.code(),
            "category_code": self.category.code(),
            "headcount": self.headcount.value(),
            "amount": self.amount.text(),
            "urgency": self.urgency.code(),
            "channel": self.channel.code(),
            "description": self.description.toPlainText(),
            "answer": self.answer.toPlainText(),
            **dict(zip(("risks_added", "risks_dismissed"), self.assistant.verdict(), strict=True)),
        }

    def fill(self, values: dict) -> None:
        """Put ``values`` (as ``values()`` gives them) into the fields; missing ones blank."""
        merged = {**BLANK, **values}
        with self._programmatic():
            self.phone.setText(str(merged["phone"]))
            self.caller_name.setText(str(merged["caller_name"]))
            self.employer.setText(str(merged["employer_name"]))
            self.region.set_code(str(merged["region_code"]))
            self.industry.set_code(str(merged["industry_code"]))
            self.employment_form.set_code(str(merged["employment_form_code"]))
            self.kind.set_code(str(merged["kind"]))
            self.category.set_code(str(merged["category_code"]))
            self.headcount.setValue(_whole_number(merged["headcount"]))
            self.amount.setText(str(merged["amount"] or ""))
            self.urgency.set_code(str(merged["urgency"]))
            self.channel.set_code(str(merged["channel"]))
            self.description.setPlainText(str(merged["description"]))
            self.answer.setPlainText(str(merged["answer"]))
            self.assistant.set_verdict(merged["risks_added"], merged["risks_dismissed"])
        self._errors.hide_all()
        self.assistant.schedule()  # a restored draft is read like typing
        self._update_kind_hint()

    @contextmanager
    def _programmatic(self):
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False

    def _draft_fields(self) -> dict:
        values = self.values()
        return {} if values == BLANK else values

    # ------------------------------------------------------------------ editing

    def _edited(self) -> None:
        if self._quiet:
            return
        self.result_label.clear()
        # The draft still offered moves to a file of its own; this typing is saved too.
        self.draft_bar.set_aside()
        self.drafts.changed(self._draft_fields)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.FocusOut and event.reason() != Qt.PopupFocusReason:
            check = self._checks.get(watched)
            if check is not None:
                check()
                if watched is self.phone:
                    self._load_history()
        return super().eventFilter(watched, event)

    def _check_field(self, field: str, rule: Callable[[], object]) -> None:
        """A field's check when the agent leaves it; an empty field waits for the save."""
        widget = self._fields[field]
        if not _typed(widget):
            self._errors.show(field, None)
            return
        try:
            rule()
        except InvalidInput as error:
            self._errors.show(field, in_language(error.message, self.language))
            return
        self._errors.show(field, None)

    def _check_listed(self, combo: ChoiceCombo) -> None:
        # Before the save, the form knows the entries: it need not ask the database.
        if not combo.is_known():
            raise InvalidInput(
                "",
                self.tr("“%1” is not in the list: type a part of a name and pick one").replace(
                    "%1", combo.code()
                ),
            )

    def _all_fields_right(self, create_ticket: bool) -> bool:
        """Every field checked at once before the save, so that the agent learns all that
        is missing or wrong in one go; the first of them takes the focus."""
        self._errors.hide_all()
        for check in self._checks.values():
            check()
        required = [
            ("phone", lambda: validation.phone(self.phone.text())),
            ("description", lambda: validation.description(self.description.toPlainText())),
        ]
        if create_ticket:
            required.append(("category", lambda: _chosen(self.category.code())))
        for field, rule in required:
            if _typed(self._fields[field]):
                continue  # checked above
            try:
                rule()
            except InvalidInput as error:
                self._errors.show(field, in_language(error.message, self.language))
        wrong = [field for field, label in self._errors.items() if label.text()]
        if not wrong:
            return True
        first = min(wrong, key=lambda field: self._tab_position(self._fields[field]))
        self._fields[first].setFocus(Qt.OtherFocusReason)
        self._show_result(self.tr("Not saved: correct the marked fields."), ERROR_STYLE)
        return False

    def _tab_position(self, widget: QWidget) -> int:
        position, current = 0, self.phone
        while current is not widget and position < 100:
            current, position = current.nextInFocusChain(), position + 1
        return position

    def _update_kind_hint(self) -> None:
        if self._ticket_implied():
            hint = self.tr("Ctrl+S: create a ticket · Ctrl+Enter: create it and take the next call")
        else:
            hint = self.tr(
                "Ctrl+S: answered on the call · Ctrl+Enter: log it and take the next call"
            )
        self.hint_label.setText(hint)

    def _ticket_implied(self) -> bool:
        return self.kind.code() not in _ANSWERED_KINDS

    # ------------------------------------------------------------------ assistant

    def _category_name(self, code: str) -> str:
        index = self.category.findData(code)
        return self.category.itemText(index) if index >= 0 else code

    def _take_category(self, code: str) -> None:
        self.category.set_code(code)
        self._edited()

    def _take_figures(self, headcount: int | None, amount) -> None:
        if headcount is not None:
            self.headcount.setValue(min(headcount, self.headcount.maximum()))
        if amount is not None:
            self.amount.setText(format(amount, "f"))

    # ------------------------------------------------------------------ history

    def _load_history(self) -> None:
        try:
            phone = validation.phone(self.phone.text())
        except InvalidInput:
            self._history_phone = None
            self.history.show_nothing()
            return
        if phone == self._history_phone:
            return
        self._history_phone = phone
        self.history.show_loading()
        self.runner.run(
            lambda: caller_history(self.env, phone),
            while_alive(self, self._history_loaded),
            while_alive(self, self._history_failed),
        )

    def _history_loaded(self, history: CallerHistory) -> None:
        if history.phone != self._history_phone:
            return  # the answer for a number typed before
        self.history.show_history(history)
        if history.name and not self.caller_name.text().strip() and not self._saving:
            # The name the caller gave last time, for the agent to confirm, not to retype.
            self.caller_name.setText(history.name)

    def _history_failed(self, failure: Failure) -> None:
        self._history_phone = None
        self.history.show_failure(failure.text)

    # ------------------------------------------------------------------ saving

    def save_as_kind(self, then_new: bool = False) -> None:
        """Ctrl+S / Ctrl+Enter: a request becomes a ticket, any other call is answered."""
        self.save(create_ticket=self._ticket_implied(), then_new=then_new)

    def save(self, create_ticket: bool, then_new: bool = False) -> None:
        if self._saving or not self._ready:
            return
        values = self.values()
        if values == self._saved_values:
            # A second Ctrl+S must not log the same call twice.
            if then_new:
                self._blank()
            else:
                self._show_result(self.tr("This call is saved already."), SUCCESS_STYLE)
            return
        if not self._all_fields_right(create_ticket):
            return
        if not create_ticket and self.assistant.ticked() and self._ticket_instead():
            create_ticket = True
            if not self._all_fields_right(create_ticket):
                return
        self._set_saving(True)
        data = CallInput(**values)
        self.runner.run(
            lambda: log_call(self.env, self.actor, data, create_ticket=create_ticket),
            while_alive(self, lambda result: self._saved(result, values, then_new)),
            while_alive(self, self._save_failed),
        )

    def _ticket_instead(self) -> bool:
        """A call the warning items are ticked for, about to be logged as answered on the
        call: alerts go with tickets, so the agent is asked which it is to be."""
        items = self.language.join(self.assistant.ticked())
        box = QMessageBox(
            QMessageBox.Question,
            self.tr("Warning items ticked"),
            self.tr(
                "This call is ticked for %1. An alert is raised only for a ticket: create one "
                "instead of logging the call as answered?"
            ).replace("%1", items),
            QMessageBox.NoButton,
            self,
        )
        ticket = box.addButton(self.tr("Create a &ticket"), QMessageBox.AcceptRole)
        box.addButton(self.tr("Log as &answered"), QMessageBox.RejectRole)
        box.setDefaultButton(ticket)
        box.exec()
        return box.clickedButton() is ticket

    def _saved(self, result: IntakeResult, values: dict, then_new: bool) -> None:
        self._set_saving(False)
        self._saved_values = values
        typed_on = self.values() != values  # while the save was on its way
        if typed_on:
            self.drafts.changed(self._draft_fields)
        else:
            self.drafts.clear()
        if then_new and not typed_on:
            self._blank()
        if result.number:
            link = f'<a href="ticket:{result.ticket_id}">{result.number}</a>'
            self.result_label.say(
                self.tr("Ticket %1 created").replace("%1", link), SUCCESS_STYLE, rich=True
            )
        else:
            self._show_result(self.tr("Call logged"), SUCCESS_STYLE)
        self.saved.emit(result)

    def _follow_link(self, link: str) -> None:
        if link.startswith("ticket:"):
            self.open_ticket.emit(int(link.removeprefix("ticket:")))

    def _save_failed(self, failure: Failure) -> None:
        self._set_saving(False)
        if failure.kind is FailureKind.FIELD and failure.field in self._fields:
            self._errors.show(failure.field, failure.text)
            self._fields[failure.field].setFocus(Qt.OtherFocusReason)
            self._show_result(self.tr("Not saved: correct the marked fields."), ERROR_STYLE)
        elif failure.kind is FailureKind.REFUSAL:
            text = self.tr("The call cannot be saved: %1").replace("%1", failure.text)
            show_failure(self, failure, text)
            self._show_result(text, ERROR_STYLE)
        else:
            text = self.tr("Not saved: %1. What you typed is kept; try again.")
            self.result_label.say_failure(failure, text.replace("%1", failure.text), ERROR_STYLE)

    def _draft_not_written(self, error: OSError) -> None:
        """The draft could not be written: the agent goes on, but must know that a crash
        now would lose the call."""
        failure = understand(known_error(error), self.language)
        text = self.tr("The draft cannot be saved on this computer: %1.")
        self.result_label.say_failure(failure, text.replace("%1", failure.text), ERROR_STYLE)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.answered_button.setEnabled(not saving)
        self.ticket_button.setEnabled(not saving)
        if saving:
            self._show_result(self.tr("Saving…"), "")

    def _show_result(self, message: str, style: str) -> None:
        self.result_label.say(message, style)

    def start_new(self) -> None:
        """Ready for the next call: a saved (or empty) form is cleared, unsaved typing kept."""
        if self._saved_values is not None and self.values() == self._saved_values:
            self._blank()
        self.phone.setFocus(Qt.OtherFocusReason)
        self.phone.selectAll()

    def _blank(self) -> None:
        self.assistant.clear()
        self.fill(BLANK)
        self._saved_values = None
        self._history_phone = None
        self.history.show_nothing()
        self.phone.setFocus(Qt.OtherFocusReason)

    # ------------------------------------------------------------------ the draft

    def restore_draft(self, draft: Draft | None = None) -> None:
        """Put the offered draft into the form (the agent asked for it on the bar)."""
        draft = draft or self.draft_bar.draft
        if draft is None or not self._ready:
            return
        if self._draft_fields() and not self._confirm_replace():
            return
        self.fill(draft.fields)
        # Still the file being typed into: it stays, and holds the restored call.
        self.draft_bar.end(forget=draft.path != self.drafts.path)
        self.drafts.changed(self._draft_fields)  # the restored call is the draft now
        self._load_history()

    def _confirm_replace(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Restore the draft"),
            self.tr("Replace what you have typed with the draft?"),
        )
        return answer == QMessageBox.Yes

    def discard_draft(self) -> None:
        self.draft_bar.discard()

    def hideEvent(self, event) -> None:
        # Closing the window (or switching away) writes what the timer still holds.
        if self.drafts.pending():
            self.drafts.flush()
        super().hideEvent(event)


def _chosen(code: str) -> str:
    """A ticket needs its category: the service's words, before asking the service."""
    if not code:
        raise InvalidInput("category", said(QT_TRANSLATE_NOOP("Messages", "choose one")))
    return code


def _typed(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit):
        return bool(widget.text().strip())
    if isinstance(widget, QPlainTextEdit):
        return bool(widget.toPlainText().strip())
    if isinstance(widget, QComboBox):
        return bool(widget.currentText().strip())
    return True  # the headcount always holds a number


def _whole_number(value) -> int:
    try:
        return max(1, min(int(value), HEADCOUNT_TYPED_MAX))
    except (TypeError, ValueError):
        return 1
