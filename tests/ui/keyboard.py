"""Driving forms from the keyboard, as an agent does, in tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def focused():
    return QApplication.focusWidget()


def tab(qtbot):
    qtbot.keyClick(focused(), Qt.Key_Tab)


def type_in(qtbot, text: str) -> None:
    """Type into the focused field: Chinese comes committed by the input method, as it does."""
    if text.isascii():
        qtbot.keyClicks(focused(), text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(focused(), event)


def type_and_tab(qtbot, text: str) -> None:
    type_in(qtbot, text)
    tab(qtbot)


def pick_and_tab(qtbot, combo, typed: str) -> None:
    """Type part of a name into a searchable list, take the first match, move on."""
    assert focused() is combo
    type_in(qtbot, typed)
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key_Down)
    qtbot.keyClick(popup, Qt.Key_Return)
    tab(qtbot)


def press(qtbot, key, modifier=Qt.ControlModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def fill_a_wage_claim(qtbot, form) -> None:
    """Every field, in tab order, from the keyboard only."""
    type_and_tab(qtbot, "138 1234 5678")
    type_and_tab(qtbot, "张师傅")
    type_and_tab(qtbot, "陕西某建工集团有限公司")
    pick_and_tab(qtbot, form.region, "碑林")
    pick_and_tab(qtbot, form.industry, "建筑")
    pick_and_tab(qtbot, form.employment_form, "农民工")
    assert focused() is form.kind
    type_and_tab(qtbot, "求")  # a plain list jumps to the entry starting with what is typed
    pick_and_tab(qtbot, form.category, "劳动报酬")
    type_and_tab(qtbot, "13")
    type_and_tab(qtbot, "600000")
    assert focused() is form.urgency
    type_and_tab(qtbot, "紧")
    tab(qtbot)  # the channel stays 电话
    assert focused() is form.description
    type_in(qtbot, "我和工友共13人在西安市某工地从事木工工作，被拖欠工资60余万元。")
