"""Signing in: a wrong password keeps the dialog open and says why; a right one lets in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hotline_desktop.domain.language import Language
from hotline_desktop.ui.shell.sign_in_dialog import SignInDialog
from tests.failures import LOST, connection_lost

pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


def test_a_wrong_password_is_refused_with_a_message_and_the_name_kept(qtbot, env, staff, chinese):
    dialog = SignInDialog(env)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "登录 — 12351 工会服务职工热线工单系统"
    qtbot.keyClicks(dialog.username, "dispatcher")
    qtbot.keyClicks(dialog.password, "not-the-password")
    qtbot.keyClick(dialog.password, Qt.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() == "用户名不存在或密码错误。")
    assert dialog.result() == SignInDialog.Rejected and dialog.actor is None
    assert dialog.username.text() == "dispatcher" and dialog.password.text() == ""


def test_the_right_password_signs_in(qtbot, env, staff):
    dialog = SignInDialog(env)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Sign in — 12351 Hotline Desk"
    qtbot.keyClicks(dialog.username, "dispatcher")
    qtbot.keyClicks(dialog.password, "secret-pass")
    qtbot.keyClick(dialog.password, Qt.Key_Return)
    assert dialog.error.text() == "Signing in…" and not dialog.sign_in_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.result() == SignInDialog.Accepted)
    assert dialog.actor.role == "dispatcher"


def test_an_empty_user_name_is_asked_for(qtbot, env, staff):
    dialog = SignInDialog(env)
    qtbot.addWidget(dialog)
    qtbot.keyClick(dialog.password, Qt.Key_Return)
    assert dialog.error.text() == "Type your user name."


def test_a_database_without_users_says_how_to_make_one(qtbot, env):
    dialog = SignInDialog(env)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "create-user" in dialog.error.text())
    assert dialog.error.isVisibleTo(dialog)


def test_a_database_that_does_not_answer_is_said_so_and_the_dialog_stays_usable(
    qtbot, env, staff, monkeypatch
):
    from hotline_desktop.ui.shell import sign_in_dialog

    monkeypatch.setattr(sign_in_dialog, "sign_in", connection_lost)
    dialog = SignInDialog(env, Language.ENGLISH)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "dispatcher")
    qtbot.keyClicks(dialog.password, "secret-pass")
    qtbot.keyClick(dialog.password, Qt.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.plain_text().startswith("Not signed in:"))
    assert "the database cannot be reached" in dialog.error.plain_text()
    assert LOST in dialog.error.detail  # the driver's words, behind "Details"
    assert dialog.sign_in_button.isEnabled() and dialog.username.text() == "dispatcher"


def test_in_chinese_the_driver_s_english_stays_behind_details(
    qtbot, env, staff, monkeypatch, chinese
):
    from hotline_desktop.ui.shell import sign_in_dialog

    monkeypatch.setattr(sign_in_dialog, "sign_in", connection_lost)
    dialog = SignInDialog(env, Language.CHINESE)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "dispatcher")
    qtbot.keyClicks(dialog.password, "secret-pass")
    qtbot.keyClick(dialog.password, Qt.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.detail == LOST)
    assert dialog.error.plain_text() == "未能登录：无法连接数据库 详情"
    assert dialog.error.toolTip() == LOST
