"""Preferences: the language and the theme are chosen, saved, and read back at the next start."""

from __future__ import annotations

from hotline_desktop.ui.shell.preferences import Preferences
from hotline_desktop.ui.shell.preferences_dialog import PreferencesDialog


def test_the_defaults_are_chinese_and_light(ui_settings):
    assert Preferences.read(ui_settings) == Preferences("zh_CN", False)


def test_choices_are_saved_for_the_next_start(qtbot, ui_settings, chinese):
    dialog = PreferencesDialog(ui_settings)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "偏好设置"
    assert dialog.language.currentText() == "简体中文"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.theme.setCurrentIndex(dialog.theme.findData(True))
    dialog.save()
    assert Preferences.read(ui_settings) == Preferences("en", True)


def test_cancel_changes_nothing(qtbot, ui_settings):
    dialog = PreferencesDialog(ui_settings)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Preferences"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.reject()
    assert Preferences.read(ui_settings).language == "zh_CN"


def test_an_unknown_language_in_the_settings_falls_back_to_chinese(ui_settings):
    stored = ui_settings
    stored.setValue("ui/language", "fr")
    assert Preferences.read(stored).language == "zh_CN"
