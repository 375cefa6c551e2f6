"""The admin's editor of the 1155 risk rules, driven through real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QMessageBox

from hotline_desktop.domain.risk_rules import RiskKind
from hotline_desktop.services.rule_versions import current_rules, rule_versions
from hotline_desktop.ui.alerts.risk_rules_dialog import RiskRulesDialog
from hotline_desktop.ui.common.context import WindowContext
from tests.ui.keyboard import focused, press, type_in

SQLITE = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
DANGER_TAB, MASS_TAB, REPEATED_TAB, LARGE_TAB, HIDDEN_TAB, TIME_LIMITS_TAB = range(6)


@pytest.fixture
def open_dialog(qtbot, env, staff, monkeypatch):
    runners = []
    # pytest-qt closes the dialogs after each test; one left with edits asks before it
    # goes, and a real message box would wait for an answer forever.
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.Discard)

    def open_(actor=None, language: str = "en") -> RiskRulesDialog:
        context = WindowContext.create(env, actor or staff.admin, language)
        runners.append(context.tasks)
        dialog = RiskRulesDialog(context)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.is_loaded)
        return dialog

    yield open_
    for runner in runners:
        runner.wait()  # no worker may outlive the database


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)


def refused(qtbot, dialog, field: str) -> str:
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error_of(field) != "")
    return dialog.error_of(field)


def retype(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    type_in(qtbot, text)


@SQLITE
def test_opening_shows_the_rules_in_force(open_dialog):
    dialog = open_dialog()
    assert dialog.mass_headcount.value() == 10
    assert "跳楼" in dialog._keywords[RiskKind.DANGER].toPlainText().splitlines()
    assert dialog.large_amount.text() == "500000"
    assert dialog.repeat_window_days.value() == 30
    assert dialog.sign_due_soon_hours.value() == 1
    assert dialog.complete_due_soon_hours.value() == 24
    assert dialog._levels[RiskKind.REPEATED].currentText() == "Medium"
    assert dialog._playbooks[RiskKind.DANGER].toPlainText().startswith("立即电话稳控来电人情绪")
    assert [dialog.tabs.tabText(i) for i in range(5)] == [
        "危 Danger",
        "众 Many workers",
        "多 Repeated reports",
        "大 Large sum or impact",
        "隐 Hidden risk",
    ]
    assert dialog.version_label.text() == "Version 1: the shipped defaults"
    assert dialog.history.count() == 1
    assert dialog.save_button.isEnabled()
    assert not dialog.is_edited()


@SQLITE
def test_the_tabs_are_named_by_their_chinese_marks(open_dialog):
    dialog = open_dialog(language="zh_CN")
    assert [dialog.tabs.tabText(i) for i in range(5)] == [
        "危 危险", "众 人数众多", "多 重复反映", "大 金额大影响大", "隐 隐性风险",
    ]  # fmt: skip
    assert dialog._levels[RiskKind.DANGER].currentText() == "高"


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)
def test_a_new_threshold_is_saved_as_the_next_version(qtbot, open_dialog, env, staff):
    dialog = open_dialog()
    dialog.tabs.setCurrentIndex(MASS_TAB)
    retype(qtbot, dialog.mass_headcount, "20")
    dialog.note.setPlainText("工地班组普遍超过10人")
    assert dialog.is_edited()
    with qtbot.waitSignal(dialog.saved) as saved:
        press(qtbot, Qt.Key_S)  # Ctrl+S
    assert saved.args[0].mass_headcount == 20
    assert saved.args[0].version == 2
    assert dialog.result() == QDialog.Accepted
    assert not dialog.isVisible()
    rules = current_rules(env)
    assert rules.mass_headcount == 20
    assert rules.version == 2
    assert rules.danger_words[0] == "跳楼"  # the rest as it was
    newest = rule_versions(env)[0]
    assert (newest.version, newest.saved_by, newest.note) == (2, "admin", "工地班组普遍超过10人")


@SQLITE
def test_the_history_and_the_version_in_force_show_who_saved_it(qtbot, open_dialog):
    first = open_dialog()
    retype(qtbot, first.repeat_window_days, "60")
    first.note.setPlainText("放宽到两个月")
    with qtbot.waitSignal(first.saved):
        save(qtbot, first)
    second = open_dialog()
    assert second.repeat_window_days.value() == 60
    assert second.version_label.text() == "Version 2, saved by admin at 2026-09-29 09:00"
    lines = [second.history.item(i).text() for i in range(second.history.count())]
    assert lines == [
        "v2  2026-09-29 09:00  admin\n放宽到两个月",
        "v1  2026-09-29 09:00  shipped defaults",
    ]


@SQLITE
def test_an_amount_in_wan_is_read_as_the_intake_form_reads_it(qtbot, open_dialog, env):
    dialog = open_dialog()
    dialog.tabs.setCurrentIndex(LARGE_TAB)
    dialog.large_amount.setFocus()
    dialog.large_amount.selectAll()
    type_in(qtbot, "80万")
    with qtbot.waitSignal(dialog.saved):
        save(qtbot, dialog)
    assert current_rules(env).large_amount == 800_000


@SQLITE
def test_a_bad_pattern_is_refused_at_its_field_and_the_typing_is_kept(qtbot, open_dialog, env):
    dialog = open_dialog()
    words = dialog._keywords[RiskKind.DANGER]
    words.setFocus()
    words.moveCursor(QTextCursor.End)
    qtbot.keyClick(words, Qt.Key_Return)
    type_in(qtbot, "跳楼(")
    dialog.tabs.setCurrentIndex(TIME_LIMITS_TAB)
    retype(qtbot, dialog.complete_due_soon_hours, "48")
    save(qtbot, dialog)

    message = refused(qtbot, dialog, "danger_words")
    assert "“跳楼(” is not a valid pattern" in message
    assert dialog.tabs.currentIndex() == DANGER_TAB
    assert focused() is words
    assert words.textCursor().selectedText() == "跳楼("  # the refused line, ready to fix
    assert "Not saved" in dialog.notice.text()
    assert dialog.isVisible()
    assert words.toPlainText().endswith("\n跳楼(")
    assert dialog.complete_due_soon_hours.value() == 48
    assert current_rules(env).version == 1

    # Corrected, it saves; the mark went as soon as the field was edited.
    qtbot.keyClick(words, Qt.Key_Backspace)
    type_in(qtbot, "跳楼")
    assert dialog.error_of("danger_words") == ""
    with qtbot.waitSignal(dialog.saved):
        press(qtbot, Qt.Key_S)
    assert current_rules(env).complete_due_soon_hours == 48


@SQLITE
@pytest.mark.parametrize(
    ("field", "tab", "widget", "expected"),
    [
        ("playbook_mass", MASS_TAB, "playbook", "the playbook for many workers needs at least"),
        ("hidden_words", HIDDEN_TAB, "keywords", "the list of keywords cannot be empty"),
    ],
)
def test_an_emptied_list_is_refused(qtbot, open_dialog, env, field, tab, widget, expected):
    dialog = open_dialog()
    kind = RiskKind.MASS if tab == MASS_TAB else RiskKind.HIDDEN
    edit = dialog._playbooks[kind] if widget == "playbook" else dialog._keywords[kind]
    dialog.tabs.setCurrentIndex(tab)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key_Delete)
    dialog.tabs.setCurrentIndex(LARGE_TAB)
    dialog.large_amount.setFocus()
    dialog.large_amount.selectAll()
    type_in(qtbot, "60万")
    save(qtbot, dialog)

    assert expected in refused(qtbot, dialog, field)
    assert dialog.tabs.currentIndex() == tab
    assert focused() is edit
    assert edit.toPlainText() == ""
    assert dialog.large_amount.text() == "60万"
    assert current_rules(env).version == 1


@SQLITE
def test_a_number_out_of_range_is_explained(qtbot, open_dialog, env):
    dialog = open_dialog()
    dialog.tabs.setCurrentIndex(REPEATED_TAB)
    retype(qtbot, dialog.repeat_caller_reports, "1")
    save(qtbot, dialog)
    assert refused(qtbot, dialog, "repeat_caller_reports") == "must be between 2 and 100, not 1"
    assert focused() is dialog.repeat_caller_reports
    assert current_rules(env).version == 1


@SQLITE
def test_cancel_asks_before_throwing_edits_away(qtbot, open_dialog, monkeypatch):
    asked = []
    answer = QMessageBox.Cancel

    def question(parent, title, text, *args):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)

    unchanged = open_dialog()
    qtbot.keyClick(unchanged, Qt.Key_Escape)
    assert asked == []  # nothing typed: nothing to ask
    assert unchanged.result() == QDialog.Rejected
    assert not unchanged.isVisible()

    dialog = open_dialog()
    dialog.tabs.setCurrentIndex(MASS_TAB)
    retype(qtbot, dialog.mass_headcount, "15")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.LeftButton)
    assert len(asked) == 1
    assert "Throw away your changes" in asked[0]
    assert dialog.isVisible()  # kept: the admin chose to stay
    assert dialog.mass_headcount.value() == 15

    answer = QMessageBox.Discard
    dialog.close()
    assert len(asked) == 2
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.Rejected


@SQLITE
def test_a_non_admin_is_told_and_nothing_changes(qtbot, open_dialog, env, staff):
    dialog = open_dialog(staff.supervisor)
    dialog.tabs.setCurrentIndex(MASS_TAB)
    retype(qtbot, dialog.mass_headcount, "20")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.busy and "administrators" in dialog.notice.text())
    assert dialog.notice.text() == "Not saved: only administrators edit the risk rules."
    assert dialog.isVisible()
    assert dialog.mass_headcount.value() == 20
    assert current_rules(env).version == 1
