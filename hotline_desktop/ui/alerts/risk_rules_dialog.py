"""The administrator's editor of the 1155 risk rules: what flags a ticket 危 众 多 大 隐,
how loud the alert is, and the steps the office then takes.

Each saved edit is a new version of the rules; the service checks the set whole and
refuses one that cannot work, naming the field. The dialog then shows the refusal at
that field, on its tab, and keeps everything the admin typed: the rules in force stay.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from ...domain.errors import InvalidInput
from ...domain.risk_rules import AlertLevel, RiskKind, RiskRules
from ...services.rule_versions import RuleVersion, current_rules, rule_versions, save_rules
from ...store.failures import known_error
from ..common.context import WindowContext
from ..common.failures import Failure, FailureKind, NoticeLabel, understand
from ..common.field_errors import FieldErrors
from ..common.phrases import in_language
from ..common.styles import ERROR_STYLE

HINT_STYLE = "color: #757575;"
# Wider than the rules allow, so that a number out of range is explained, not swallowed.
COUNT_TYPED_MAX = 999_999
HOURS_TYPED_MAX = 9_999

KEYWORD_FIELDS = {
    RiskKind.DANGER: "danger_words",
    RiskKind.MASS: "mass_words",
    RiskKind.LARGE: "large_words",
    RiskKind.HIDDEN: "hidden_words",
}


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


def _plain_amount(value: Decimal) -> str:
    """500000, not 5E+5 or 500000.00."""
    return str(int(value)) if value == value.to_integral_value() else f"{value:f}"


class RiskRulesDialog(QDialog):
    """Edits the rules in force; ``saved`` carries the new version's RiskRules."""

    saved = Signal(object)  # RiskRules

    def __init__(self, context: WindowContext, parent=None):
        super().__init__(parent)
        self.env = context.env
        self.actor = context.actor
        self.tasks = context.tasks
        self.language = context.language
        self.rules: RiskRules | None = None
        self.versions: list[RuleVersion] = []
        self.busy = False
        self._baseline: dict | None = None
        self._fields: dict[str, QWidget] = {}
        self._errors = FieldErrors()
        self._tab_of: dict[str, int] = {}
        self._levels: dict[RiskKind, QComboBox] = {}
        self._playbooks: dict[RiskKind, QPlainTextEdit] = {}
        self._keywords: dict[RiskKind, QPlainTextEdit] = {}

        self.setWindowTitle(self.tr("Risk rules (1155)"))
        self.setMinimumSize(760, 560)
        self.resize(900, 650)

        self.tabs = QTabWidget(self)
        for kind in RiskKind:
            self.tabs.addTab(self._kind_page(kind), self._kind_title(kind))
        self.tabs.addTab(self._time_limits_page(), self.tr("Time limits"))

        self.notice = NoticeLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save as a new version (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        # Return belongs to the fields: the rules are saved by Ctrl+S or by the button.
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.Save, self, self.save)

        top = QHBoxLayout()
        top.addWidget(self.tabs, 1)
        top.addWidget(self._versions_panel())
        bottom = QHBoxLayout()
        bottom.addWidget(self.notice, 1)
        bottom.addWidget(self.buttons, 0, Qt.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(bottom)

        self._connect_edits()
        self._set_ready(False)
        self._show_notice(self.tr("Loading…"))
        self.tasks.run(self._read, self._loaded, self._load_failed)

    # ------------------------------------------------------------------ the pages

    def _kind_title(self, kind: RiskKind) -> str:
        return f"{kind.mark} {kind.label(self.language)}"

    def _kind_summary(self, kind: RiskKind) -> str:
        return {
            RiskKind.DANGER: self.tr(
                "危 Danger: a caller speaks of harming themselves or others, or of extreme acts."
            ),
            RiskKind.MASS: self.tr(
                "众 Many workers: the ticket involves many workers, or collective action."
            ),
            RiskKind.REPEATED: self.tr(
                "多 Repeated reports: the same caller, or reports about the same employer, "
                "again and again within a time window (this report included)."
            ),
            RiskKind.LARGE: self.tr(
                "大 Large sum or impact: a large amount of money, or a matter of wide impact."
            ),
            RiskKind.HIDDEN: self.tr(
                "隐 Hidden risk: signs that the matter may spread, reach the media or go online."
            ),
        }[kind]

    def _kind_page(self, kind: RiskKind) -> QWidget:
        page = QWidget(self)
        index = self.tabs.count()
        column = QVBoxLayout(page)
        summary = QLabel(self._kind_summary(kind), page)
        summary.setWordWrap(True)
        summary.setStyleSheet(HINT_STYLE)
        column.addWidget(summary)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        level = QComboBox(page)
        for item in AlertLevel:
            level.addItem(item.label(self.language), item.value)
        self._levels[kind] = level
        if kind == RiskKind.DANGER:
            # Every level comes from a list, so a refusal of "levels" is rare: shown here.
            self._add_row(form, self.tr("Alert &level"), level, "levels", index)
        else:
            self._add_row(form, self.tr("Alert &level"), level, f"level_{kind.value}", index)
        if kind == RiskKind.MASS:
            self.mass_headcount = self._spin(page, self.tr(" workers"))
            self._add_row(
                form, self.tr("&Headcount threshold"), self.mass_headcount, "mass_headcount", index
            )
        elif kind == RiskKind.REPEATED:
            self.repeat_window_days = self._spin(page, self.tr(" days"))
            self.repeat_caller_reports = self._spin(page, self.tr(" reports"))
            self.repeat_employer_reports = self._spin(page, self.tr(" reports"))
            self._add_row(
                form,
                self.tr("Repeat &window"),
                self.repeat_window_days,
                "repeat_window_days",
                index,
            )
            self._add_row(
                form,
                self.tr("Reports by the same &caller"),
                self.repeat_caller_reports,
                "repeat_caller_reports",
                index,
            )
            self._add_row(
                form,
                self.tr("Reports about the same &employer"),
                self.repeat_employer_reports,
                "repeat_employer_reports",
                index,
            )
        elif kind == RiskKind.LARGE:
            self.large_amount = QLineEdit(page)
            self.large_amount.setPlaceholderText(self.tr("e.g. 500000 or 50万"))
            self.large_amount.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 16)
            self._add_row(
                form,
                self.tr("&Amount threshold (yuan)"),
                self.large_amount,
                "large_amount",
                index,
                hint=self.tr("Write 500000 or 50万."),
            )
        column.addLayout(form)
        if kind == RiskKind.REPEATED:
            explanation = QLabel(
                self.tr(
                    "Employer names match despite suffixes such as 有限公司 or 集团公司: "
                    "某建工集团 and 某建工集团有限公司 count as one employer."
                ),
                page,
            )
            explanation.setWordWrap(True)
            explanation.setStyleSheet(HINT_STYLE)
            column.addWidget(explanation)

        # Captions, fields, refusals and hints each on a row of their own, so that the
        # two fields line up however long their hints are.
        texts = QGridLayout()
        texts.setRowStretch(1, 1)
        if kind in KEYWORD_FIELDS:
            captions = {
                RiskKind.DANGER: self.tr("&Danger keywords"),
                RiskKind.MASS: self.tr("&Collective action keywords"),
                RiskKind.LARGE: self.tr("&Major impact keywords"),
                RiskKind.HIDDEN: self.tr("Hidden risk &signals"),
            }
            words = self._text_edit(page)
            self._keywords[kind] = words
            hint = self.tr(
                "One keyword per line; a regular expression is allowed, "
                "such as 跳楼|跳河 or 拖欠.{0,4}工资."
            )
            self._text_column(texts, 0, captions[kind], words, KEYWORD_FIELDS[kind], index, hint)
            texts.setColumnStretch(0, 2)
        playbook = self._text_edit(page)
        self._playbooks[kind] = playbook
        self._text_column(
            texts,
            1,
            self.tr("&Playbook (处置步骤)"),
            playbook,
            f"playbook_{kind.value}",
            index,
            self.tr("One step per line, in the order they are taken."),
        )
        texts.setColumnStretch(1, 3)
        column.addLayout(texts, 1)
        return page

    def _time_limits_page(self) -> QWidget:
        page = QWidget(self)
        index = self.tabs.count()
        column = QVBoxLayout(page)
        summary = QLabel(
            self.tr(
                "How long before its deadline a ticket is flagged as due soon, in working "
                "hours (weekends and holidays do not count). 0 turns the alert off."
            ),
            page,
        )
        summary.setWordWrap(True)
        summary.setStyleSheet(HINT_STYLE)
        column.addWidget(summary)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        self.sign_due_soon_hours = self._spin(page, self.tr(" hours"), HOURS_TYPED_MAX)
        self.complete_due_soon_hours = self._spin(page, self.tr(" hours"), HOURS_TYPED_MAX)
        self._add_row(
            form,
            self.tr("Before the &signing deadline"),
            self.sign_due_soon_hours,
            "sign_due_soon_hours",
            index,
        )
        self._add_row(
            form,
            self.tr("Before the &completion deadline"),
            self.complete_due_soon_hours,
            "complete_due_soon_hours",
            index,
        )
        column.addLayout(form)
        column.addStretch(1)
        return page

    def _versions_panel(self) -> QWidget:
        panel = QGroupBox(self.tr("Versions"), self)
        panel.setFixedWidth(max(260, self.fontMetrics().horizontalAdvance("M") * 22))
        column = QVBoxLayout(panel)
        in_force = QLabel(self.tr("In force:"), panel)
        self.version_label = QLabel(panel)
        self.version_label.setWordWrap(True)
        self.version_label.setStyleSheet("font-weight: bold;")
        history = QLabel(self.tr("&History"), panel)
        self.history = QListWidget(panel)
        self.history.setSelectionMode(QListWidget.NoSelection)
        self.history.setWordWrap(True)
        history.setBuddy(self.history)
        note = QLabel(self.tr("&Note on this edit"), panel)
        self.note = QPlainTextEdit(panel)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Optional: why the rules change"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        note.setBuddy(self.note)
        note_error = self._error_label(panel)
        self._fields["note"] = self.note
        self._errors["note"] = note_error
        for widget in (in_force, self.version_label, history):
            column.addWidget(widget)
        column.addWidget(self.history, 1)
        for widget in (note, self.note, note_error):
            column.addWidget(widget)
        return panel

    # ---- building blocks ----

    def _spin(self, parent: QWidget, suffix: str, maximum: int = COUNT_TYPED_MAX) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setRange(0, maximum)
        spin.setSuffix(suffix)
        spin.setAccelerated(True)
        spin.setCorrectionMode(QAbstractSpinBox.CorrectToNearestValue)
        spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0") * 14)
        return spin

    def _text_edit(self, parent: QWidget) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)  # Tab moves on; Return starts the next keyword or step
        edit.setLineWrapMode(QPlainTextEdit.NoWrap)
        return edit

    def _error_label(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _add_row(
        self,
        form: QFormLayout,
        caption: str,
        widget: QWidget,
        field: str,
        index: int,
        hint: str = "",
    ) -> None:
        holder = QWidget(widget.parentWidget())
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(widget)
        if hint:
            note = QLabel(hint, holder)
            note.setStyleSheet(HINT_STYLE)
            line.addWidget(note)
        line.addStretch(1)
        column.addLayout(line)
        error = self._error_label(holder)
        column.addWidget(error)
        label = QLabel(caption, holder.parentWidget())
        label.setBuddy(widget)
        form.addRow(label, holder)
        self._register(field, widget, error, index)

    def _text_column(
        self,
        grid: QGridLayout,
        at: int,
        caption: str,
        edit: QPlainTextEdit,
        field: str,
        index: int,
        hint: str,
    ) -> None:
        label = QLabel(caption, edit.parentWidget())
        label.setBuddy(edit)
        note = QLabel(hint, edit.parentWidget())
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        note.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        error = self._error_label(edit.parentWidget())
        grid.addWidget(label, 0, at)
        grid.addWidget(edit, 1, at)
        grid.addWidget(error, 2, at)
        grid.addWidget(note, 3, at)
        self._register(field, edit, error, index)

    def _register(self, field: str, widget: QWidget, error: QLabel, index: int) -> None:
        self._fields[field] = widget
        self._errors[field] = error
        self._tab_of[field] = index

    def _connect_edits(self) -> None:
        """Editing a marked field takes its mark away."""
        for field, widget in self._fields.items():
            if isinstance(widget, QPlainTextEdit):
                signal = widget.textChanged
            elif isinstance(widget, QLineEdit):
                signal = widget.textEdited
            elif isinstance(widget, QSpinBox):
                signal = widget.valueChanged
            else:
                signal = widget.currentIndexChanged
            signal.connect(lambda *_args, field=field: self._errors.show(field, None))

    # ------------------------------------------------------------------ loading

    def _read(self) -> tuple[RiskRules, list[RuleVersion] | BaseException]:
        rules = current_rules(self.env)
        try:
            versions = rule_versions(self.env)
        except Exception as error:  # noqa: BLE001 - the rules can be edited without their history
            return rules, known_error(error)  # sorted on the GUI thread, as a task's error is
        return rules, versions

    def _loaded(self, answer: tuple[RiskRules, list[RuleVersion] | BaseException]) -> None:
        if not Shiboken.isValid(self):
            return  # closed while the rules were read
        rules, versions = answer
        self.fill(rules)
        if isinstance(versions, BaseException):
            failure = understand(versions, self.language)
            self.version_label.setText(self.tr("Version %1").replace("%1", str(rules.version)))
            self.history.clear()
            self.history.addItem(
                self.tr("The history could not be read: %1").replace("%1", failure.text)
            )
        else:
            self._show_versions(rules, versions)
        self._set_ready(True)
        self._show_notice("")
        self.tabs.setCurrentIndex(0)
        self._keywords[RiskKind.DANGER].setFocus(Qt.OtherFocusReason)

    def _load_failed(self, failure: Failure) -> None:
        if not Shiboken.isValid(self):
            return
        self.version_label.setText("")
        text = self.tr("The risk rules could not be read: %1").replace("%1", failure.text)
        self.notice.say_failure(failure, text, ERROR_STYLE)

    def is_loaded(self) -> bool:
        return self.rules is not None

    def fill(self, rules: RiskRules) -> None:
        """Show ``rules`` in the fields; what is shown now counts as unedited."""
        self.rules = rules
        for kind, field in KEYWORD_FIELDS.items():
            self._keywords[kind].setPlainText("\n".join(getattr(rules, field)))
        for kind in RiskKind:
            combo = self._levels[kind]
            combo.setCurrentIndex(max(0, combo.findData(rules.level(kind).value)))
            self._playbooks[kind].setPlainText("\n".join(rules.playbooks.get(kind, ())))
        self.mass_headcount.setValue(rules.mass_headcount)
        self.repeat_window_days.setValue(rules.repeat_window_days)
        self.repeat_caller_reports.setValue(rules.repeat_caller_reports)
        self.repeat_employer_reports.setValue(rules.repeat_employer_reports)
        self.large_amount.setText(_plain_amount(rules.large_amount))
        self.sign_due_soon_hours.setValue(rules.sign_due_soon_hours)
        self.complete_due_soon_hours.setValue(rules.complete_due_soon_hours)
        self.note.clear()
        self._errors.hide_all()
        self._baseline = self.values()

    def _show_versions(self, rules: RiskRules, versions: list[RuleVersion]) -> None:
        self.versions = versions
        by_number = {entry.version: entry for entry in versions}
        entry = by_number.get(rules.version)
        if entry is None:
            text = self.tr("Version %1").replace("%1", str(rules.version))
        elif not entry.saved_by:
            text = self.tr("Version %1: the shipped defaults").replace("%1", str(entry.version))
        else:
            text = (
                self.tr("Version %1, saved by %2 at %3")
                .replace("%1", str(entry.version))
                .replace("%2", entry.saved_by)
                .replace("%3", _when(entry.saved_at))
            )
        self.version_label.setText(text)
        self.history.clear()
        for entry in versions:
            who = entry.saved_by or self.tr("shipped defaults")
            line = f"v{entry.version}  {_when(entry.saved_at)}  {who}"
            self.history.addItem(f"{line}\n{entry.note}" if entry.note else line)
            if entry.note:
                self.history.item(self.history.count() - 1).setToolTip(entry.note)

    # ------------------------------------------------------------------ the edited rules

    def values(self) -> dict:
        """The fields as ``RiskRules.to_dict()`` names them, numbers and texts as typed."""
        for spin in self.findChildren(QSpinBox):
            spin.interpretText()
        return {
            "danger_words": _lines(self._keywords[RiskKind.DANGER]),
            "mass_headcount": self.mass_headcount.value(),
            "mass_words": _lines(self._keywords[RiskKind.MASS]),
            "repeat_window_days": self.repeat_window_days.value(),
            "repeat_caller_reports": self.repeat_caller_reports.value(),
            "repeat_employer_reports": self.repeat_employer_reports.value(),
            "large_amount": self.large_amount.text().strip(),
            "large_words": _lines(self._keywords[RiskKind.LARGE]),
            "hidden_words": _lines(self._keywords[RiskKind.HIDDEN]),
            "levels": {kind.value: self._levels[kind].currentData() for kind in RiskKind},
            "playbooks": {kind.value: _lines(self._playbooks[kind]) for kind in RiskKind},
            "sign_due_soon_hours": self.sign_due_soon_hours.value(),
            "complete_due_soon_hours": self.complete_due_soon_hours.value(),
        }

    def is_edited(self) -> bool:
        if self._baseline is None:
            return False
        return self.values() != self._baseline or bool(self.note.toPlainText().strip())

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        if self.busy or not self.is_loaded():
            return
        self._errors.hide_all()
        data = self.values()
        note = self.note.toPlainText().strip()
        env, actor, base = self.env, self.actor, self.rules.version
        self._set_busy(True)
        self._show_notice(self.tr("Saving…"))
        self.tasks.run(
            lambda: save_rules(env, actor, data, note, base_version=base),
            self._saved,
            self._save_failed,
        )

    def _saved(self, rules: RiskRules) -> None:
        if not Shiboken.isValid(self):
            return
        self._set_busy(False)
        self.rules = rules
        self._baseline = None
        self.saved.emit(rules)
        self.accept()

    def _save_failed(self, failure: Failure) -> None:
        if not Shiboken.isValid(self):
            return
        self._set_busy(False)
        match failure.kind:
            case FailureKind.FIELD:
                self.show_invalid(failure.error)
            case FailureKind.REFUSAL:  # not an admin, or another admin saved first
                text = self.tr("Not saved: %1.").replace("%1", failure.text.rstrip("."))
                self.notice.say_failure(failure, text, ERROR_STYLE)
            case FailureKind.UNREACHABLE | FailureKind.STORAGE:
                text = self.tr("Not saved: %1. What you typed is kept; try again.")
                self.notice.say_failure(failure, text.replace("%1", failure.text), ERROR_STYLE)
            case _:
                text = self.tr("Not saved: %1").replace("%1", failure.text)
                self.notice.say_failure(failure, text, ERROR_STYLE)

    def show_invalid(self, error: InvalidInput) -> None:
        """The refusal at its field, on its tab; the field gets the focus."""
        message = in_language(error.message, self.language)
        field = error.field if error.field in self._fields else None
        if field is None:
            self._show_notice(self.tr("Not saved: %1").replace("%1", message), ERROR_STYLE)
            return
        if field in self._tab_of:
            self.tabs.setCurrentIndex(self._tab_of[field])
        self._errors.show(field, message)
        self._show_notice(
            self.tr("Not saved: correct the marked field. The rules in force are unchanged."),
            ERROR_STYLE,
        )
        widget = self._fields[field]
        widget.setFocus(Qt.OtherFocusReason)
        word = getattr(error.message, "values", {}).get("word")
        if isinstance(widget, QPlainTextEdit) and isinstance(word, str):
            _select_line(widget, word)

    def error_of(self, field: str) -> str:
        """The refusal shown at ``field``, or '' (for tests and for screen readers)."""
        return self._errors.shown(field)

    # ------------------------------------------------------------------ closing

    def reject(self) -> None:
        if self.busy:
            return  # the save is on its way: closing now would leave its fate unknown
        if self.is_edited() and not self._confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard the changes"),
            self.tr("Throw away your changes to the risk rules? The rules in force stay."),
            QMessageBox.Discard | QMessageBox.Cancel,
            QMessageBox.Cancel,
        )
        return answer == QMessageBox.Discard

    # ------------------------------------------------------------------ state

    def _set_ready(self, ready: bool) -> None:
        self.tabs.setEnabled(ready)
        self.note.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.Cancel).setEnabled(not busy)
        self.setCursor(Qt.BusyCursor if busy else Qt.ArrowCursor)

    def _show_notice(self, text: str, style: str = "") -> None:
        self.notice.say(text, style)


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else str(moment)


def _select_line(edit: QPlainTextEdit, word: str) -> None:
    """Put the cursor on the refused keyword's line, selected, and scroll to it."""
    block = edit.document().firstBlock()
    while block.isValid():
        if block.text().strip() == word:
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.EndOfBlock, QTextCursor.KeepAnchor)
            edit.setTextCursor(cursor)
            edit.ensureCursorVisible()
            return
        block = block.next()
