"""`python main.py --demo`, as a user runs it: demo data, sign-in, the list of tickets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from hotline_desktop import app as application
from hotline_desktop.services.queue import SavedView
from hotline_desktop.ui.common import i18n
from hotline_desktop.ui.shell.main_window import MainWindow
from hotline_desktop.ui.shell.sign_in_dialog import SignInDialog


def top_level(kind):
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind)), None)


@pytest.fixture
def restored_app(qapp, monkeypatch):
    """The shared QApplication as the other tests expect it: no translation, no theme."""
    installed = []
    original = i18n.install_translators

    def install(app, language):
        installed.extend(original(app, language))
        return installed

    # app.main imports it from i18n when it runs: patch it there.
    monkeypatch.setattr(i18n, "install_translators", install)
    yield qapp
    for translator in installed:
        qapp.removeTranslator(translator)
    qapp.setStyleSheet("")


def test_the_app_loads_demo_data_signs_in_and_lists_tickets(restored_app, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # settings and theme icons stay in the test
    monkeypatch.setattr(application, "DEMO_TICKETS", 200)
    monkeypatch.setattr("hotline_desktop.config.folders.backup_dir", lambda: tmp_path / "backups")
    seen = {}

    def sign_in() -> None:
        dialog = top_level(SignInDialog)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(50, sign_in)
            return
        dialog.username.setText("dispatcher")
        dialog.password.setText("hotline-demo")
        dialog.try_sign_in()
        QTimer.singleShot(50, look_and_quit)

    def look_and_quit() -> None:
        window = top_level(MainWindow)
        if window is None or not window.isVisible():
            QTimer.singleShot(50, look_and_quit)
            return
        # The dispatcher's queue opens on the demo's latest calls, waiting for dispatch.
        if window.queue.model.total() is None:
            QTimer.singleShot(50, look_and_quit)
            return
        seen["title"] = window.windowTitle()
        seen["view"] = window.queue.current_view()
        seen["rows"] = window.queue.model.rowCount()
        seen["user"] = window.user_label.text()
        window.close()

    QTimer.singleShot(0, sign_in)
    code = application.main(["--database", f"sqlite:///{tmp_path / 'app.db'}", "--demo"])
    assert code == 0
    assert seen["title"] == "12351 工会服务职工热线工单系统"
    # Three of the demo's fresh calls wait for dispatch, and the two the 1155 rules flag.
    assert seen["view"] == SavedView.TO_DISPATCH and seen["rows"] == 5
    assert seen["user"] == "李强 · 派单员 · 12351热线服务中心"
