"""The main window lists the tickets, newest first, a page at a time, in Chinese by default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from hotline_desktop.i18n import install_translators
from hotline_desktop.services.intake import CallInput, log_call
from hotline_desktop.ui import ticket_table_model
from hotline_desktop.ui.main_window import MainWindow


@pytest.fixture
def chinese(qapp):
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


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
    qtbot, env, tickets, chinese, monkeypatch
):
    monkeypatch.setattr(ticket_table_model, "PAGE_SIZE", 3)
    window = MainWindow(env, "zh_CN")
    qtbot.addWidget(window)
    model = window.model
    assert model.rowCount() == 3  # one page, fetched when the window was built
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal, window)
    assert window.windowTitle() == "12351 工会服务职工热线工单系统"
    assert model.headerData(0, Qt.Horizontal) == "工单编号"
    assert model.data(model.index(0, 0)) == tickets[-1]
    assert model.data(model.index(0, 2)) == "新就业形态权益"
    assert model.data(model.index(0, 3)) == "138****0006"
    assert model.data(model.index(0, 6)) == "待派单"
    window.show()  # the view fetches pages until its rows fill the screen
    qtbot.waitUntil(lambda: not model.canFetchMore(QModelIndex()))
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == tickets[::-1]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_window_speaks_english_when_asked(qtbot, env, tickets):
    window = MainWindow(env, "en")
    qtbot.addWidget(window)
    assert window.windowTitle() == "12351 Hotline Desk"
    assert window.model.headerData(2, Qt.Horizontal) == "Category"
    assert window.model.data(window.model.index(0, 2)) == "Rights of new-form workers"
    assert window.model.data(window.model.index(0, 6)) == "Awaiting dispatch"
