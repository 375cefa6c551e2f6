"""A ticket's whole working life through the windows, in Chinese, on SQLite and PostgreSQL:
the agent takes the call, the dispatcher dispatches it, the district union signs for it
and completes it with the money recovered, and the agent calls the worker back."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from hotline_desktop.domain.vocabulary import Satisfaction, TicketStatus
from hotline_desktop.domain.workflow import Step
from hotline_desktop.services.queue import SavedView
from hotline_desktop.store.models import Payment, Ticket
from hotline_desktop.ui.shell.main_window import MainWindow
from hotline_desktop.ui.shell.sign_in_dialog import SignInDialog
from tests.ui.keyboard import fill_a_wage_claim, press

# The offscreen platform cannot raise the completer popups the intake form's lists open.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@pytest.fixture
def sign_in(qtbot, env, staff, ui_settings):
    """Signs in through the dialog and opens the main window, as app.main does."""
    windows = []

    def sign_in(username: str) -> MainWindow:
        for window in windows:
            window.close()  # the workstation changes hands
        dialog = SignInDialog(env)
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.username, username)
        qtbot.keyClicks(dialog.password, "secret-pass")
        qtbot.keyClick(dialog.password, Qt.Key_Return)
        qtbot.waitUntil(lambda: dialog.result() == SignInDialog.Accepted)
        window = MainWindow(env, dialog.actor, "zh_CN", ui_settings)
        qtbot.addWidget(window)
        window.resize(1280, 760)
        window.show()
        window.activateWindow()
        windows.append(window)
        return window

    return sign_in


def open_first_ticket(qtbot, window: MainWindow, view: SavedView) -> None:
    """Choose the saved view, wait for its one ticket, open it with Enter."""
    queue = window.queue
    queue.show_view(view)
    qtbot.waitUntil(
        lambda: queue.model.total() == 1 and queue.model.ticket_id_at(0) is not None,
        timeout=10_000,
    )
    queue.table.setFocus()
    queue.table.setCurrentIndex(queue.model.index(0, 0))
    qtbot.keyClick(queue.table, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.ticket_view)
    wait_for_ticket(qtbot, window)


def wait_for_ticket(qtbot, window: MainWindow, status: TicketStatus | None = None) -> None:
    view = window.ticket_view
    qtbot.waitUntil(
        lambda: (
            view.detail is not None
            and not view.is_loading()
            and (status is None or view.detail.status == status)
        ),
        timeout=10_000,
    )


def take_step(qtbot, window: MainWindow, step: Step):
    """Press the step's button; the dialog it opens."""
    view = window.ticket_view
    qtbot.mouseClick(view.step_buttons[step], Qt.LeftButton)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    return view.dialog


def submit(qtbot, window: MainWindow, dialog, status: TicketStatus) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    wait_for_ticket(qtbot, window, status)
    assert window.ticket_view.status_label.text() == status.zh


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)
def test_call_dispatch_sign_complete_with_payment_and_callback(
    qtbot, env, staff, clock, sign_in, chinese
):
    # The agent's day starts on intake; the call is typed from the keyboard alone.
    agent = sign_in("agent")
    form = agent.intake
    assert agent.pages.currentWidget() is form
    qtbot.waitUntil(lambda: form.is_ready() and form.phone.hasFocus())
    fill_a_wage_claim(qtbot, form)
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        press(qtbot, Qt.Key_S)
    number = saved.args[0].number
    assert form.result_label.text() == (
        f'已生成工单 <a href="ticket:{saved.args[0].ticket_id}">{number}</a>'
    )

    # The dispatcher finds it waiting and sends it to the district union.
    dispatcher = sign_in("dispatcher")
    assert dispatcher.queue.current_view() == SavedView.TO_DISPATCH
    open_first_ticket(qtbot, dispatcher, SavedView.TO_DISPATCH)
    assert dispatcher.ticket_view.number_label.text() == number
    dialog = take_step(qtbot, dispatcher, Step.DISPATCH)
    dialog.tree.filter.insert("雁塔区总")  # committed as an input method commits it
    qtbot.keyClick(dialog.tree.filter, Qt.Key_Return)
    qtbot.keyClick(dialog.tree.view, Qt.Key_Return)  # the lead unit
    assert "雁塔区总工会" in dialog.summary.text()
    submit(qtbot, dispatcher, dialog, TicketStatus.DISPATCHED)

    # The district union opens on what it must sign for, signs, and later completes it.
    clock.set(clock.moment + timedelta(minutes=20))
    yanta = sign_in("yanta")
    assert yanta.navigation.item(0).text().startswith("本单位工单")
    open_first_ticket(qtbot, yanta, SavedView.TO_SIGN)
    submit(qtbot, yanta, take_step(qtbot, yanta, Step.SIGN), TicketStatus.IN_PROGRESS)
    clock.set(clock.moment + timedelta(days=3))
    complete = take_step(qtbot, yanta, Step.COMPLETE)
    complete.result_text.insertPlainText("经协调，用人单位已全部支付拖欠工资。")
    qtbot.mouseClick(complete.payments.add_button, Qt.LeftButton)
    complete.payments.table.item(0, 0).setText("600000")
    complete.payments.table.item(0, 2).setText("一次付清")
    submit(qtbot, yanta, complete, TicketStatus.COMPLETED)
    assert yanta.ticket_view.payments.item(0, 1).text() == "¥600,000.00"

    # The agent calls the worker back from the calls they took.
    agent = sign_in("agent")
    open_first_ticket(qtbot, agent, SavedView.MINE)
    callback = take_step(qtbot, agent, Step.CALLBACK)
    satisfaction = callback.satisfaction
    satisfaction.setCurrentIndex(satisfaction.findData(Satisfaction.SATISFIED.value))
    submit(qtbot, agent, callback, TicketStatus.CALLED_BACK)

    ticket = Ticket.get(Ticket.number == number)
    assert (ticket.status, ticket.satisfaction) == ("called_back", "satisfied")
    assert ticket.recovered_total == Decimal("600000.00")
    assert [p.amount for p in Payment.select()] == [Decimal("600000.00")]
    # Created, flagged 众 and 大 by the risk rules (13 workers, 600,000 yuan), dispatched,
    # signed, completed, called back.
    assert agent.ticket_view.timeline.rowCount() == 7
