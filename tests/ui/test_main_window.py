"""The main window lists the tickets, newest first, a page at a time, in Chinese by default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from hotline_desktop.services.intake import CallInput, log_call
from hotline_desktop.ui import ticket_table_model
from hotline_desktop.ui.main_window import MainWindow


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
def test_the_window_lists_tickets_newest_first_in_chinese(
    qtbot, env, staff, tickets, chinese, monkeypatch, ui_settings
):
    monkeypatch.setattr(ticket_table_model, "PAGE_SIZE", 3)
    window = MainWindow(env, staff.dispatcher, "zh_CN", ui_settings)
    qtbot.addWidget(window)
    model = window.model
    # One page, asked for on a worker thread when the window was built.
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert not model.is_loading()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal, window)
    assert window.windowTitle() == "12351 工会服务职工热线工单系统"
    assert model.headerData(0, Qt.Horizontal) == "工单编号"
    assert model.data(model.index(0, 0)) == tickets[-1]
    assert model.data(model.index(0, 2)) == "新就业形态权益"
    assert model.data(model.index(0, 3)) == "138****0006"
    assert model.data(model.index(0, 6)) == "待派单"
    window.show()  # the view fetches pages until its rows fill the screen
    qtbot.waitUntil(lambda: not model.canFetchMore(QModelIndex()) and not model.is_loading())
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == tickets[::-1]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_window_speaks_english_when_asked(qtbot, env, staff, tickets, ui_settings):
    window = MainWindow(env, staff.dispatcher, "en", ui_settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    assert window.windowTitle() == "12351 Hotline Desk"
    assert window.model.headerData(2, Qt.Horizontal) == "Category"
    assert window.model.data(window.model.index(0, 2)) == "Rights of new-form workers"
    assert window.model.data(window.model.index(0, 6)) == "Awaiting dispatch"


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_status_bar_shows_who_and_where_and_the_window_remembers_its_size(
    qtbot, env, staff, tickets, chinese, ui_settings
):
    window = MainWindow(env, staff.xian, "zh_CN", ui_settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.model.is_loading())
    assert window.user_label.text() == "xian · 承办人 · 西安市总工会"
    qtbot.waitUntil(lambda: "已连接" in window.database_label.text())
    assert env.info.description in window.database_label.text()
    window.resize(700, 500)  # the offscreen screen is 800 × 600
    window.close()
    again = MainWindow(env, staff.xian, "zh_CN", ui_settings)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_unit_handler_sees_only_the_tickets_of_the_unit_and_those_below(
    qtbot, env, staff, tickets, ui_settings
):
    from hotline_desktop.services import ticket_steps
    from hotline_desktop.store.models import Ticket

    first, second = (Ticket.get(Ticket.number == number).id for number in tickets[:2])
    ticket_steps.dispatch(env, staff.dispatcher, first, "xa-yanta")
    ticket_steps.dispatch(env, staff.dispatcher, second, "baoji")
    window = MainWindow(env, staff.xian, "en", ui_settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.model.is_loading())
    shown = [window.model.data(window.model.index(r, 0)) for r in range(window.model.rowCount())]
    assert shown == [tickets[0]]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_slow_database_shows_loading_and_the_window_stays_responsive(
    qtbot, env, staff, tickets, ui_settings, monkeypatch
):
    import threading

    from hotline_desktop.ui import main_window

    release = threading.Event()
    real = main_window.list_tickets

    def slow_list(*args):
        release.wait(5)  # a server that takes its time
        return real(*args)

    monkeypatch.setattr(main_window, "list_tickets", slow_list)
    window = MainWindow(env, staff.dispatcher, "en", ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.busy_label.isVisible)
    assert window.busy_label.text() == "Loading…"
    assert window.model.rowCount() == 0  # the GUI thread went on while the worker waited
    release.set()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    qtbot.waitUntil(lambda: not window.busy_label.isVisible())


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_lost_database_shows_in_the_status_bar(
    qtbot, env, staff, tickets, ui_settings, chinese, monkeypatch
):
    import peewee

    window = MainWindow(env, staff.dispatcher, "zh_CN", ui_settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "已连接" in window.database_label.text())

    def lost(*_args, **_kwargs):
        raise peewee.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(env.db, "execute_sql", lost)
    window.watch.probe()
    qtbot.waitUntil(lambda: "无法连接" in window.database_label.text())
    assert "server closed the connection unexpectedly" in window.database_label.text()
