"""The intake assistant beside the call form: as the agent types, the category and the
1155 warning items it suggests, each with its reason.

The agent has the last word: a suggested item the agent unticks is overridden, an item
the agent ticks without a suggestion is the agent's judgement; both go with the call
when it is saved. A suggestion never blocks saving, and a slow or failed look-up only
leaves the panel as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from ...domain import validation
from ...domain.intake_assistant import Suggestions
from ...domain.risk_rules import RiskKind
from ...services.alert_raising import check_intake, forgiving
from ..common.context import WindowContext
from ..common.failures import Failure
from ..common.phrases import in_language
from ..common.styles import ERROR_COLOUR, WARNING_STYLE
from ..common.tasks import while_alive

# A pause in the typing this long asks the assistant again.
PAUSE_MS = 400


class AssistantPanel(QGroupBox):
    # The agent took the suggested category: its code.
    category_taken = Signal(str)
    # The agent took the figures read from the text: headcount and amount, or None.
    figures_taken = Signal(object, object)

    def __init__(
        self,
        context: WindowContext,
        read_call: Callable[[], dict],
        category_name: Callable[[str], str],
        parent=None,
    ):
        super().__init__(parent)
        self.setTitle(self.tr("Assistant"))
        self.setObjectName("assistant")
        self.env = context.env
        self.tasks = context.tasks
        self.language = context.language
        self.read_call = read_call
        self.category_name = category_name
        self.suggestions: Suggestions | None = None
        self._suggested: set[RiskKind] = set()
        # The agent's own ticks and unticks, which new suggestions do not undo.
        self._verdict: dict[RiskKind, bool] = {}
        self._asked = 0
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._ask)

        self.category_label = QLabel(self)
        self.category_label.setObjectName("suggested_category")
        self.category_label.setWordWrap(True)
        self.take_button = QPushButton(self.tr("&Use it"), self)
        self.take_button.setObjectName("use_category")
        self.take_button.clicked.connect(self._take_category)
        self.take_button.setEnabled(False)
        category_row = QHBoxLayout()
        category_row.addWidget(self.category_label, 1)
        category_row.addWidget(self.take_button)
        # Figures the description gives beyond the form's fields, for one click to fill in.
        self._offered: tuple[int | None, Decimal | None] = (None, None)
        self.figures_label = QLabel(self)
        self.figures_label.setObjectName("suggested_figures")
        self.figures_label.setWordWrap(True)
        self.fill_button = QPushButton(self.tr("&Fill in"), self)
        self.fill_button.setObjectName("fill_figures")
        self.fill_button.clicked.connect(lambda: self.figures_taken.emit(*self._offered))
        figures_row = QHBoxLayout()
        figures_row.addWidget(self.figures_label, 1)
        figures_row.addWidget(self.fill_button)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.boxes: dict[RiskKind, QCheckBox] = {}
        self.reasons: dict[RiskKind, QLabel] = {}
        for row, kind in enumerate(RiskKind):
            box = QCheckBox(f"{kind.mark} {kind.label(self.language)}", self)
            box.setObjectName(f"risk {kind.value}")
            box.clicked.connect(lambda checked, kind=kind: self._judged(kind, checked))
            reason = QLabel(self)
            reason.setObjectName(f"reason {kind.value}")
            reason.setWordWrap(True)
            grid.addWidget(box, row, 0)
            grid.addWidget(reason, row, 1)
            self.boxes[kind], self.reasons[kind] = box, reason
        hint = QLabel(
            self.tr("Untick an item to override it; tick one the assistant missed."), self
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: gray;")
        layout = QVBoxLayout(self)
        layout.addLayout(category_row)
        layout.addLayout(figures_row)
        layout.addLayout(grid)
        layout.addWidget(hint)
        self._offer_figures(None, {})
        self.show_suggestions(None)

    def focus_chain(self) -> list:
        """The panel's controls in the order Tab visits them."""
        return [self.take_button, self.fill_button, *self.boxes.values()]

    # ---- asking ----

    def schedule(self) -> None:
        """The call changed: ask again once the typing pauses."""
        self._pause.start()

    def _ask(self) -> None:
        self._asked += 1
        asked, env, call = self._asked, self.env, self.read_call()
        if not call["description"].strip():
            self._offer_figures(None, call)
            self.show_suggestions(None)  # nothing to read yet: no need to ask the database
            return
        self.tasks.run(
            lambda: check_intake(
                env,
                description=call["description"],
                headcount=call["headcount"],
                amount=call["amount"],
                phone=call["phone"],
                employer_name=call["employer_name"],
            ),
            while_alive(self, lambda found: self._answered(asked, found, call)),
            while_alive(self, lambda failure: self._not_answered(asked, failure)),
        )

    def _answered(self, asked: int, found: Suggestions, call: dict) -> None:
        if asked == self._asked:  # an answer to older typing is dropped
            self._offer_figures(found, call)
            self.show_suggestions(found)

    def _not_answered(self, asked: int, failure: Failure) -> None:
        """The assistant helps; a failure never stands in the agent's way, it is only
        said where the suggestion would be."""
        if asked == self._asked:
            self.show_suggestions(None)
            self.category_label.setText(self.tr("No suggestion: %1").replace("%1", failure.text))
            self.category_label.setToolTip(failure.detail)

    def _offer_figures(self, found: Suggestions | None, call: dict) -> None:
        """The text's headcount and amount, where they are larger than the form's."""
        facts = found.facts if found else None
        headcount = amount = None
        parts = []
        typed_headcount = forgiving(validation.headcount, call.get("headcount")) or 0
        if facts and facts.headcount and facts.headcount.value > typed_headcount:
            headcount = int(facts.headcount.value)
            parts.append(self.tr("%1 people").replace("%1", str(headcount)))
        typed_amount = forgiving(validation.amount, call.get("amount")) or 0
        if facts and facts.amount and facts.amount.value > typed_amount:
            amount = facts.amount.value
            parts.append(self.tr("%1 yuan").replace("%1", f"{amount:,.0f}"))
        self._offered = (headcount, amount)
        self.figures_label.setText(
            self.tr("From the text: %1").replace("%1", self.language.join(parts)) if parts else ""
        )
        self.figures_label.setVisible(bool(parts))
        self.fill_button.setVisible(bool(parts))

    # ---- showing ----

    def show_suggestions(self, found: Suggestions | None) -> None:
        self.suggestions = found
        category = found.category if found else None
        self.category_label.setToolTip("")
        if category is None:
            self.category_label.setText(self.tr("Category: no suggestion yet"))
            self.take_button.setEnabled(False)
        else:
            self.category_label.setText(
                self.tr("Category: %1 (%2)")
                .replace("%1", self.category_name(category.code))
                .replace("%2", in_language(category.reason, self.language))
            )
            self.take_button.setEnabled(True)
        reasons: dict[RiskKind, list[str]] = {}
        for finding in found.risks if found else ():
            reasons.setdefault(finding.kind, []).append(in_language(finding.reason, self.language))
        self._suggested = set(reasons)
        for kind in RiskKind:
            suggested = kind in reasons
            self.boxes[kind].setChecked(self._verdict.get(kind, suggested))
            text = self.language.pick("；", "; ").join(reasons.get(kind, ()))
            if kind in self._verdict and self._verdict[kind] != suggested:
                text = self._overridden_text(kind, suggested, text)
            self.reasons[kind].setText(text)
            self.reasons[kind].setStyleSheet(WARNING_STYLE if suggested else "")
            self.boxes[kind].setStyleSheet(
                f"color: {ERROR_COLOUR}; font-weight: bold;" if self.boxes[kind].isChecked() else ""
            )

    def _overridden_text(self, kind: RiskKind, suggested: bool, reason: str) -> str:
        if suggested:
            return self.tr("overridden by you: %1").replace("%1", reason)
        return self.tr("your judgement")

    def _judged(self, kind: RiskKind, checked: bool) -> None:
        if checked == (kind in self._suggested):
            self._verdict.pop(kind, None)  # back to what the assistant says
        else:
            self._verdict[kind] = checked
        self.show_suggestions(self.suggestions)

    def _take_category(self) -> None:
        if self.suggestions and self.suggestions.category:
            self.category_taken.emit(self.suggestions.category.code)

    # ---- the agent's verdict, saved with the call and kept in drafts ----

    def ticked(self) -> list[str]:
        """The warning items ticked now, as the agent reads them: "危 危险"."""
        return [box.text() for box in self.boxes.values() if box.isChecked()]

    def verdict(self) -> tuple[list[str], list[str]]:
        """(items added by the agent, suggested items the agent overrode), as values."""
        # Only what differs from what the assistant says now: an override of a suggestion
        # the typing has since taken away is no verdict on this call.
        added = [
            k.value for k in RiskKind if self._verdict.get(k) is True and k not in self._suggested
        ]
        dismissed = [
            k.value for k in RiskKind if self._verdict.get(k) is False and k in self._suggested
        ]
        return added, dismissed

    def set_verdict(self, added, dismissed) -> None:
        self._verdict = {RiskKind(v): True for v in added}
        self._verdict.update({RiskKind(v): False for v in dismissed})
        self.show_suggestions(self.suggestions)

    def clear(self) -> None:
        self._asked += 1
        self._pause.stop()
        self._verdict = {}
        self._offer_figures(None, {})
        self.show_suggestions(None)
