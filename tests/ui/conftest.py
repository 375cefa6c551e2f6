"""Fixtures of the GUI tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from hotline_desktop.ui.common.i18n import install_translators


@pytest.fixture
def chinese(qapp):
    """The application's and Qt's Simplified Chinese, as the app loads them by default."""
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def ui_settings(tmp_path) -> QSettings:
    """Window and preference settings of the test's own, never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
