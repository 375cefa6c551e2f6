"""The main window: navigation, status bar, busy sign and lost database; Chinese by default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hotline_desktop.services.intake import CallInput, log_call
from hotline_desktop.ui.shell.main_window import MainWindow
from tests.failures import LOST, connection_lost


@pytest.fixture
def tickets(env, staff):
    numbers = []
    for index in range(7):
        result = log_call(
            env,
            staff.agent,
            CallInput(
                phone=f"1380000{index:04d}",
                description=f"第{index}位外卖骑手反映平台无故罚款",
                category_code="platform_rights",
                employer_name="某配送服务有限公司",
            ),
            create_ticket=True,
        )
        numbers.append(result.number)
    return numbers


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_window_opens_on_the_queue_in_chinese(qtbot, env, staff, tickets, chinese, ui_settings):
    window = MainWindow(env, staff.dispatcher, "zh_CN", ui_settings)
    qtbot.addWidget(window)
    model = window.queue.model
    qtbot.waitUntil(lambda: model.rowCount() == 7 and not model.is_loading())
    assert window.windowTitle() == "12351 工会服务职工热线工单系统"
    assert window.pages.currentWidget() is window.queue
    assert model.headerData(0, Qt.Horizontal) == "工单编号"
    assert model.data(model.index(0, 0)) == tickets[-1]
    assert model.data(model.index(0, 2)) == "新就业形态权益"
    assert model.data(model.index(0, 3)) == "138****0006"
    assert model.data(model.index(0, 6)) == "待派单"


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_window_speaks_english_when_asked(qtbot, env, staff, tickets, ui_settings):
    window = MainWindow(env, staff.dispatcher, "en", ui_settings)
    qtbot.addWidget(window)
    model = window.queue.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.is_loading())
    assert window.windowTitle() == "12351 Hotline Desk"
    assert model.headerData(2, Qt.Horizontal) == "Category"
    assert model.data(model.index(0, 2)) == "Rights of new-form workers"
    assert model.data(model.index(0, 6)) == "Awaiting dispatch"


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_status_bar_shows_who_and_where_and_the_window_remembers_its_size(
    qtbot, env, staff, tickets, chinese, ui_settings
):
    window = MainWindow(env, staff.xian, "zh_CN", ui_settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.queue.model.is_loading())
    assert window.user_label.text() == "xian · 承办人 · 西安市总工会"
    qtbot.waitUntil(lambda: "已连接" in window.database_label.text())
    assert env.info.description in window.database_label.text()
    window.resize(700, 500)  # the offscreen screen is 800 × 600
    window.close()
    again = MainWindow(env, staff.xian, "zh_CN", ui_settings)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_slow_database_shows_loading_and_the_window_stays_responsive(
    qtbot, env, staff, tickets, ui_settings, monkeypatch
):
    import threading

    from hotline_desktop.ui.queue import model as queue_model

    release = threading.Event()
    real = queue_model.queue_page

    def slow_page(*args, **kwargs):
        release.wait(5)  # a server that takes its time
        return real(*args, **kwargs)

    monkeypatch.setattr(queue_model, "queue_page", slow_page)
    window = MainWindow(env, staff.dispatcher, "en", ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.busy_label.isVisible)
    assert window.busy_label.text() == "Loading…"
    assert window.queue.model.rowCount() == 0  # the GUI thread went on while the worker waited
    release.set()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() > 0)
    qtbot.waitUntil(lambda: not window.busy_label.isVisible())


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_lost_database_shows_in_the_status_bar(
    qtbot, env, staff, tickets, ui_settings, chinese, monkeypatch
):
    window = MainWindow(env, staff.dispatcher, "zh_CN", ui_settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "已连接" in window.database_label.text())

    monkeypatch.setattr(env.db, "execute_sql", connection_lost)
    window.watch.probe()
    qtbot.waitUntil(lambda: "无法连接" in window.database_label.text())
    # The driver's English is for whoever looks after the server: in the tooltip.
    assert LOST not in window.database_label.text()
    assert window.database_label.toolTip() == LOST
