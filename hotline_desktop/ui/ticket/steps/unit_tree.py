"""Dispatching: choose units from a searchable org tree.

The dispatcher picks one lead unit (the tree's current row) and ticks any number of
co-handling units; a unit dispatching further down picks one unit under it.
Typing filters the tree by Chinese or English name (or code), keeping the units
above each match so that one knows which 雁塔区 is meant.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ....domain.errors import InvalidInput
from ....domain.language import Language
from ....domain.vocabulary import UnitKind
from ....domain.workflow import Step
from ....services import ticket_steps as steps
from ....services.ticket_detail import TicketDetail, UnitChoice
from ...common.context import WindowContext
from .base import StepCall, StepDialog, note_edit

UNIT_ID_ROLE = Qt.UserRole + 1
SEARCH_ROLE = Qt.UserRole + 2
MAY_LEAD_ROLE = Qt.UserRole + 3


class UnitTree(QWidget):
    """A filter field over a tree of units. Enter (or a double click) on a unit makes it
    the lead; with ``co_handling`` a unit that may co-handle has a tick box (Space)."""

    changed = Signal()

    def __init__(
        self, choices: tuple[UnitChoice, ...], language: Language, co_handling: bool, parent
    ):
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self._items: dict[int, QStandardItem] = {}
        self._lead: QStandardItem | None = None
        for choice in choices:  # parents come before their children
            unit = choice.unit
            kind = UnitKind(unit.kind)
            item = QStandardItem(unit.label(language))
            item.setEditable(False)
            item.setData(unit.id, UNIT_ID_ROLE)
            item.setData(f"{unit.name_zh} {unit.name_en} {unit.code}", SEARCH_ROLE)
            item.setData(choice.may_lead, MAY_LEAD_ROLE)
            other = language.pick(unit.name_en, unit.name_zh)  # the name in the other language
            item.setToolTip(f"{other} · {kind.label(language)}")
            if co_handling and choice.may_co_handle:
                item.setCheckable(True)
                item.setCheckState(Qt.Unchecked)
            parent_item = self._items.get(choice.parent_id) or self.model.invisibleRootItem()
            parent_item.appendRow(item)
            self._items[unit.id] = item

        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.proxy.setFilterRole(SEARCH_ROLE)

        self.filter = QLineEdit(self)
        self.filter.setObjectName("unit_filter")
        self.filter.setPlaceholderText(self.tr("Type to find a unit (Chinese or English name)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.filter.installEventFilter(self)
        self.view = QTreeView(self)
        self.view.setObjectName("unit_tree")
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setMinimumHeight(260)
        self.view.expandAll()
        self.view.activated.connect(self._make_lead)
        self.lead_button = QPushButton(self.tr("Make the &lead unit"), self)
        self.lead_button.clicked.connect(lambda: self._make_lead(self.view.currentIndex()))
        self.model.itemChanged.connect(lambda _item: self.changed.emit())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        layout.addWidget(self.lead_button, 0, Qt.AlignLeft)
        self.setFocusProxy(self.filter)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.view.expandAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down or Enter in the filter goes to the first unit it found: typing then
        # choosing needs no mouse.
        keys = (Qt.Key_Down, Qt.Key_Return, Qt.Key_Enter)
        if watched is self.filter and event.type() == QEvent.KeyPress and event.key() in keys:
            self.go_to_first_match()
            return True
        return super().eventFilter(watched, event)

    def go_to_first_match(self) -> None:
        """Make the first unit whose own name matches the filter the current one (the
        filter keeps the units above a match too)."""
        wanted = self.filter.text().strip().lower()
        index = self.proxy.index(0, 0)
        while index.isValid() and wanted not in index.data(SEARCH_ROLE).lower():
            index = self.view.indexBelow(index)
        if index.isValid():
            self.view.setCurrentIndex(index)
        self.view.setFocus()

    def _make_lead(self, index: QModelIndex) -> None:
        if not index.isValid() or not index.data(MAY_LEAD_ROLE):
            return
        if self._lead is not None:
            self._lead.setFont(self.view.font())
        self._lead = self.model.itemFromIndex(self.proxy.mapToSource(index))
        bold = self.view.font()
        bold.setBold(True)
        self._lead.setFont(bold)  # emits itemChanged, hence changed

    def lead_unit(self) -> QStandardItem | None:
        return self._lead

    def co_units(self) -> list[QStandardItem]:
        return [
            item
            for item in self._items.values()
            if item.isCheckable() and item.checkState() == Qt.Checked
        ]


class UnitStepDialog(StepDialog):
    """派单 (lead and co-handling units) or 逐级下派 (one unit under the holder)."""

    def __init__(self, step: Step, detail: TicketDetail, context: WindowContext, parent=None):
        super().__init__(step, detail, context, parent)
        dispatching = step == Step.DISPATCH
        self.tree = UnitTree(detail.unit_choices.get(step, ()), context.language, dispatching, self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.note = note_edit(self, required=False)
        self.note.setObjectName("note")
        if dispatching:
            label = self.tr("&Units")
            hint = self.tr(
                "Type to find a unit; Enter or a double click makes it the lead unit. "
                "Tick the units that co-handle (Space ticks the highlighted one)."
            )
            self.add_field(label, self.tree, "lead unit", "co-handling unit")
        else:
            self.add_field(self.tr("&Unit"), self.tree, "unit")
            hint = self.tr(
                "Choose the unit under yours that will handle the ticket: type to find it, "
                "then Enter or a double click."
            )
        hint_label = QLabel(hint, self)
        hint_label.setWordWrap(True)
        self.form.insertRow(0, hint_label)
        self.form.addRow(self.summary)
        self.add_field(self.tr("&Note"), self.note, "note")
        self.tree.changed.connect(self._summarise)
        self._summarise()
        self.resize(560, 620)

    def _summarise(self) -> None:
        lead = self.tree.lead_unit()
        text = self.tr("Lead unit: %1").replace("%1", lead.text() if lead else "—")
        if self.step == Step.DISPATCH:
            co = "、".join(item.text() for item in self.tree.co_units()) or "—"
            text += "\n" + self.tr("Co-handling: %1").replace("%1", co)
        self.summary.setText(text)

    def prepare(self) -> StepCall:
        lead = self.tree.lead_unit()
        field = "lead unit" if self.step == Step.DISPATCH else "unit"
        if lead is None:
            raise InvalidInput(field, self.tr("Choose the lead unit in the tree."))
        env, actor, ticket_id = self.context.env, self.context.actor, self.detail.id
        unit_id, note = lead.data(UNIT_ID_ROLE), self.note.toPlainText()
        if self.step == Step.DISPATCH_DOWN:
            return lambda version: steps.dispatch_down(
                env, actor, ticket_id, unit_id, note, expected_version=version
            )
        co = [item.data(UNIT_ID_ROLE) for item in self.tree.co_units()]
        return lambda version: steps.dispatch(
            env, actor, ticket_id, unit_id, co, note, expected_version=version
        )
