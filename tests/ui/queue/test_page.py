"""The dispatch queue as a user drives it: views, filters, search, sort, paging, live refresh."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from hotline_desktop.services import ticket_steps as steps
from hotline_desktop.services.intake import CallInput, log_call
from hotline_desktop.services.queue import QueueColumn, SavedView
from hotline_desktop.ui.queue import model as queue_model
from hotline_desktop.ui.shell import change_watch
from hotline_desktop.ui.shell.main_window import MainWindow
from tests.failures import LOST, connection_lost

PAGE = 4


@pytest.fixture
def calls(env, staff, clock):
    """Twenty-two tickets a minute apart: the newest last in the list returned."""

    def make(count=22, **fields):
        made = []
        for index in range(count):
            clock.set(clock.moment + timedelta(minutes=1))
            values = dict(
                phone=f"1391234{index:04d}",
                description=f"第{index}位外卖骑手反映平台无故罚款",
                category_code="platform_rights",
                employer_name="某配送服务有限公司",
            )
            values.update(fields)
            made.append(log_call(env, staff.agent, CallInput(**values), create_ticket=True).number)
        return made

    return make


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(queue_model, "PAGE_SIZE", PAGE)


def open_window(qtbot, env, actor, settings, language="en"):
    window = MainWindow(env, actor, language, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def settled(page):
    return page.model.total() is not None and not page.model.is_loading()


def shown_numbers(model):
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_pages_arrive_as_the_view_scrolls_and_the_last_row_comes_straight_from_the_end(
    qtbot, env, staff, calls, small_pages, ui_settings
):
    numbers = calls()
    window = open_window(qtbot, env, staff.dispatcher, ui_settings)
    page = window.queue
    page.show_view(SavedView.ALL)
    model = page.model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal, window)
    qtbot.waitUntil(lambda: settled(page))
    assert model.rowCount() == 22  # the count, though only some pages are here
    assert page.count_label.text() == "22 tickets"
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.ticket_id_at(21) is not None)
    assert model.data(model.index(21, 0)) == numbers[0]
    assert model.data(model.index(20, 0)) == numbers[1]
    # Every row, in order, once the user has scrolled through them all.
    for row in range(0, 22, PAGE):
        page.table.scrollTo(model.index(row, 0))
        qtbot.waitUntil(lambda row=row: model.ticket_id_at(row) is not None)
    assert shown_numbers(model) == numbers[::-1]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_filters_search_and_sort_from_the_widgets(qtbot, env, staff, calls, ui_settings, chinese):
    riders = calls(3)
    wages = calls(2, description="工地拖欠农民工工资", category_code="wages", phone="13700000001")
    window = open_window(qtbot, env, staff.dispatcher, ui_settings, "zh_CN")
    page = window.queue
    model = page.model
    assert page.view_tabs.tabText(0) == "待派单"
    qtbot.waitUntil(lambda: settled(page))
    assert shown_numbers(model) == (riders + wages)[::-1]
    assert page.count_label.text() == "共 5 张工单"

    page.category_combo.setCurrentIndex(page.category_combo.findText("劳动报酬"))
    qtbot.waitUntil(lambda: settled(page) and model.rowCount() == 2)
    assert shown_numbers(model) == wages[::-1]
    page.clear_filters()
    qtbot.waitUntil(lambda: settled(page) and model.rowCount() == 5)

    qtbot.keyClick(page, Qt.Key_F, Qt.ControlModifier)
    assert page.search_edit.hasFocus()
    page.search_edit.insert("骑手 罚款")  # QTest types Latin keys only
    qtbot.waitUntil(lambda: settled(page) and model.rowCount() == 3)
    assert shown_numbers(model) == riders[::-1]
    page.search_edit.clear()
    qtbot.waitUntil(lambda: settled(page) and model.rowCount() == 5)

    page.table.sortByColumn(QueueColumn.CALLER, Qt.AscendingOrder)
    qtbot.waitUntil(lambda: settled(page) and model.rowCount() == 5)
    assert model.data(model.index(0, QueueColumn.CALLER)) == "137****0001"
    assert model.headerData(QueueColumn.TIME_LEFT, Qt.Horizontal) == "剩余时间"


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_time_left_turns_amber_then_red(qtbot, env, staff, calls, clock, ui_settings):
    (number,) = calls(1)
    from hotline_desktop.store.models import Ticket

    ticket = Ticket.get(Ticket.number == number)
    steps.dispatch(env, staff.dispatcher, ticket.id, "xa")
    steps.sign(env, staff.xian, ticket.id)
    due = Ticket.get_by_id(ticket.id).due_at
    window = open_window(qtbot, env, staff.dispatcher, ui_settings)
    page = window.queue
    page.show_view(SavedView.ALL)
    qtbot.waitUntil(lambda: settled(page) and page.model.rowCount() == 1)
    cell = page.model.index(0, QueueColumn.TIME_LEFT)
    assert page.model.data(cell, Qt.ForegroundRole) is None
    clock.set(due - timedelta(hours=5, minutes=30))
    assert page.model.data(cell) == "Complete within 5 h 30 min"
    assert page.model.data(cell, Qt.ForegroundRole).color() == queue_model.DUE_SOON_COLOUR
    clock.set(due + timedelta(days=1, hours=2))
    assert page.model.data(cell) == "Overdue by 1 d 2 h"
    assert page.model.data(cell, Qt.ForegroundRole).color() == queue_model.OVERDUE_COLOUR


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_unit_handler_opens_on_the_tickets_to_sign_for_within_the_unit(
    qtbot, env, staff, calls, ui_settings
):
    from hotline_desktop.store.models import Ticket

    first, second, third = (Ticket.get(Ticket.number == n).id for n in calls(3))
    steps.dispatch(env, staff.dispatcher, first, "xa")
    steps.dispatch(env, staff.dispatcher, second, "xa-yanta")
    steps.dispatch(env, staff.dispatcher, third, "baoji")
    window = open_window(qtbot, env, staff.xian, ui_settings)
    page = window.queue
    assert page.current_view() == SavedView.TO_SIGN
    assert window.navigation.item(0).text().startswith("My unit's tickets")
    qtbot.waitUntil(lambda: settled(page))
    assert [page.model.ticket_id_at(r) for r in range(page.model.rowCount())] == [first]
    page.show_view(SavedView.ALL)
    qtbot.waitUntil(lambda: settled(page) and page.model.rowCount() == 2)
    assert {page.model.ticket_id_at(r) for r in range(2)} == {first, second}
    # The unit filter offers the unit and the units under it, nothing else.
    units = [page.unit_combo.itemText(i).strip() for i in range(1, page.unit_combo.count())]
    assert units[0] == "Xi'an Federation of Trade Unions"
    assert "Baoji Federation of Trade Unions" not in units


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)
def test_another_workstations_change_shows_without_losing_selection_or_scroll(
    qtbot, env, staff, calls, ui_settings, monkeypatch
):
    monkeypatch.setattr(change_watch, "POLL_INTERVAL_MS", 100)
    monkeypatch.setattr(queue_model, "PAGE_SIZE", 10)
    numbers = calls(30)
    window = open_window(qtbot, env, staff.dispatcher, ui_settings)
    page = window.queue
    model = page.model
    qtbot.waitUntil(lambda: settled(page) and model.rowCount() == 30)
    page.table.scrollTo(model.index(12, 0), page.table.ScrollHint.PositionAtTop)
    qtbot.waitUntil(lambda: model.ticket_id_at(12) is not None)
    page.table.selectRow(12)
    chosen = model.ticket_id_at(12)
    scrolled = page.table.verticalScrollBar().value()

    # Another workstation logs a call: it lands at the top, one row above everything.
    calls(1, phone="13600000000")
    qtbot.waitUntil(lambda: model.rowCount() == 31, timeout=5000)
    qtbot.waitUntil(lambda: model.ticket_id_at(0) is not None)
    assert model.data(model.index(0, QueueColumn.CALLER)) == "136****0000"
    selected = page.table.selectionModel().selectedRows()
    assert [model.ticket_id_at(index.row()) for index in selected] == [chosen]
    assert selected[0].row() == 13
    assert page.table.verticalScrollBar().value() == scrolled
    assert page.count_label.text() == "31 tickets"
    assert numbers  # the list the other rows came from


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_failing_database_says_so_under_the_table(
    qtbot, env, staff, calls, ui_settings, chinese, monkeypatch
):
    from hotline_desktop.ui.queue import model as model_module

    calls(2)
    window = open_window(qtbot, env, staff.dispatcher, ui_settings, "zh_CN")
    page = window.queue
    qtbot.waitUntil(lambda: settled(page))

    monkeypatch.setattr(model_module, "queue_count", connection_lost)
    monkeypatch.setattr(model_module, "queue_page", connection_lost)
    page.show_view(SavedView.ALL)
    qtbot.waitUntil(lambda: "无法读取工单" in page.count_label.plain_text())
    assert "无法连接数据库" in page.count_label.plain_text()
    # No English in a Chinese window: the driver's words wait behind "详情".
    assert LOST not in page.count_label.plain_text() and LOST in page.count_label.detail
    assert page.model.rowCount() == 0


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_status_filter_picked_in_its_list(qtbot, env, staff, calls, ui_settings, chinese):
    from hotline_desktop.store.models import Ticket

    first, second = (Ticket.get(Ticket.number == n).id for n in calls(2))
    steps.dispatch(env, staff.dispatcher, first, "xa")
    window = open_window(qtbot, env, staff.dispatcher, ui_settings, "zh_CN")
    page = window.queue
    page.show_view(SavedView.ALL)
    qtbot.waitUntil(lambda: settled(page) and page.model.rowCount() == 2)
    page.status_combo.setCurrentIndex(page.status_combo.findText("已派单"))
    qtbot.waitUntil(lambda: settled(page) and page.model.rowCount() == 1)
    assert page.model.ticket_id_at(0) == first
    assert page.count_label.text() == "共 1 张工单"
    assert second


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_count_that_failed_is_tried_again_by_the_next_refresh(
    qtbot, env, staff, calls, small_pages, ui_settings, monkeypatch
):
    calls(6)  # more than a page: only the count can say how many
    real = queue_model.queue_count
    lost = [True]

    def sometimes(*args):
        if lost[0]:
            connection_lost()
        return real(*args)

    monkeypatch.setattr(queue_model, "queue_count", sometimes)
    window = open_window(qtbot, env, staff.dispatcher, ui_settings)
    page = window.queue
    page.show_view(SavedView.ALL)
    qtbot.waitUntil(lambda: "could not be read" in page.count_label.plain_text())
    lost[0] = False  # the server is back
    page.refresh()
    qtbot.waitUntil(lambda: page.count_label.text() == "6 tickets")
    assert page.model.rowCount() == 6


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_selected_ticket_that_leaves_the_view_is_no_longer_selected(
    qtbot, env, staff, calls, ui_settings
):
    from hotline_desktop.store.models import Ticket

    numbers = calls(3)
    window = open_window(qtbot, env, staff.dispatcher, ui_settings)
    page = window.queue
    assert page.current_view() == SavedView.TO_DISPATCH
    qtbot.waitUntil(lambda: settled(page) and page.model.rowCount() == 3)
    page.table.selectRow(1)
    chosen = page.model.ticket_id_at(1)
    # Another dispatcher was quicker: the chosen ticket leaves 待派单.
    steps.dispatch(env, staff.dispatcher, chosen, "xa")
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.ticket_id_at(index.row()) for index in selected] == []
    assert Ticket.get_by_id(chosen).number == numbers[1]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_refresh_asked_for_while_the_first_page_is_on_its_way_keeps_it(
    qtbot, env, staff, calls, ui_settings, monkeypatch
):
    import threading

    calls(2)
    window = open_window(qtbot, env, staff.dispatcher, ui_settings)
    page, model = window.queue, window.queue.model
    qtbot.waitUntil(lambda: settled(page) and model.rowCount() == 2)
    release = threading.Event()
    real = queue_model.queue_page

    def held_page(*args, **kwargs):
        release.wait(5)  # the first page is slow; the count has come
        return real(*args, **kwargs)

    monkeypatch.setattr(queue_model, "queue_page", held_page)
    model.reset()
    qtbot.waitUntil(lambda: model.total() == 2)
    model.refresh()  # another workstation's change, before the first page is here
    release.set()
    qtbot.waitUntil(lambda: not window.tasks.is_busy())
    assert model.ticket_id_at(0) is not None  # Enter on the first row opens its ticket


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_changes_that_keep_coming_still_show(qtbot, env, staff, calls, ui_settings, monkeypatch):
    import time

    calls(2)
    window = open_window(qtbot, env, staff.dispatcher, ui_settings)
    page = window.queue
    qtbot.waitUntil(lambda: settled(page) and page.model.rowCount() == 2)
    real = queue_model.queue_count

    def slow_count(*args):
        time.sleep(0.2)  # a busy server
        return real(*args)

    monkeypatch.setattr(queue_model, "queue_count", slow_count)
    calls(1)
    for _ in range(6):  # another workstation's changes, faster than the count answers
        page.refresh()
        qtbot.wait(50)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
