"""The one failure path: every error a window meets is sorted once, said in the user's
language with the driver's words behind "Details", and a bug is logged with its traceback."""

from __future__ import annotations

import ast
import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

import hotline_desktop
from hotline_desktop.app import log_to_file
from hotline_desktop.domain.errors import InvalidInput
from hotline_desktop.domain.language import Language
from hotline_desktop.ui.common.failures import FailureKind, show_unexpected, understand
from hotline_desktop.ui.common.tasks import TaskRunner
from tests.failures import LOST, connection_lost

SQLITE = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
DRIVERS = {"peewee", "playhouse", "psycopg", "psycopg2", "pymysql", "sqlite3"}


def test_no_window_knows_a_database_driver():
    ui = Path(hotline_desktop.__file__).parent / "ui"
    importing = {}
    for path in ui.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            found = {name.split(".")[0] for name in names} & DRIVERS
            if found:
                importing[str(path.relative_to(ui))] = found
    assert importing == {}


@pytest.fixture
def log_file(tmp_path):
    """The app's rotated log file, in a folder of the test's own."""
    path = log_to_file(tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()


@pytest.mark.logs_errors
def test_a_bug_is_logged_once_with_its_traceback_and_the_file_named(qapp, chinese, log_file):
    def broken():
        return {}["category"]

    try:
        broken()
    except KeyError as error:
        first = understand(error, Language.CHINESE)
        again = understand(error, Language.CHINESE)  # a second window sorts it too
    assert first.kind is FailureKind.BUG
    assert first.text == f"发生意外错误，详细信息见 {log_file}。"
    logged = log_file.read_text(encoding="utf-8")
    assert logged.count("Traceback (most recent call last)") == 1
    assert "in broken" in logged and "KeyError: 'category'" in logged
    assert again.kind is FailureKind.BUG


def test_a_refused_field_names_its_field(qapp):
    failure = understand(
        InvalidInput("phone", "neither a mobile number nor a landline"), Language.ENGLISH
    )
    assert (failure.kind, failure.field) == (FailureKind.FIELD, "phone")
    assert failure.text == "neither a mobile number nor a landline"


@SQLITE
def test_a_task_s_driver_error_reaches_the_window_sorted(qtbot, env, chinese):
    runner = TaskRunner(env, Language.CHINESE)
    failures = []
    runner.run(connection_lost, lambda _result: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    (failure,) = failures
    assert failure.kind is FailureKind.UNREACHABLE and failure.is_outage
    assert failure.text == "无法连接数据库" and failure.detail == LOST


@SQLITE
def test_a_task_without_its_own_answer_goes_to_the_window(qtbot, env):
    runner = TaskRunner(env, Language.ENGLISH)
    with qtbot.waitSignal(runner.unhandled) as heard:
        runner.run(connection_lost, lambda _result: None)
    assert heard.args[0].kind is FailureKind.UNREACHABLE


@pytest.mark.logs_errors
def test_an_error_no_task_caught_is_shown_not_swallowed(qtbot, chinese, log_file):
    try:
        raise RuntimeError("a slot broke")
    except RuntimeError as error:
        show_unexpected(error, Language.CHINESE)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
    qtbot.waitUntil(box.isVisible)
    assert box.text() == f"发生意外错误，详细信息见 {log_file}。"
    assert box.detailedText() == "RuntimeError: a slot broke"
    box.close()
