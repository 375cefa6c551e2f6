"""Fixtures of the GUI tests."""

from __future__ import annotations

import pytest

from hotline_desktop.i18n import install_translators


@pytest.fixture
def chinese(qapp):
    """The application's and Qt's Simplified Chinese, as the app loads them by default."""
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
